/* VSS Monitoring Ethernet trailer: the time stamp and/or port stamp a VSS Monitoring (later
 * NetScout) packet broker appends to the frames it forwards, run by tshark 4.0 as the first
 * heuristic on every Ethernet trailer (before f5ethtrailer).
 *
 *   time stamp (8 bytes, optional): seconds (4) | clock source (2 bits) nanoseconds (30 bits)
 *   port stamp (1 byte; 2 with tshark's vssmonitoring.two_byte_portstamps preference)
 *
 * tshark's acceptance, on the trailer's reported length (the frame's FCS, when not known to be
 * there, is part of it): at most 12 + the port stamp's size; a length of 1, 2 or 3 modulo 4
 * only when that is the port stamp's size; from 8 bytes on the time stamp must look real
 * (seconds not 0; more than an hour means within 30 days of the frame's time; nanoseconds
 * below 10^9); below 8 bytes (port stamp only) only with vssmonitoring.dissect_portstamping_only.
 * The time stamp is read before any of that is decided, so a trailer the capture cut short
 * ends in "[Packet size limited during capture: VSS Monitoring truncated]" (and the Ethernet
 * dissector shows nothing more), as in tshark.
 */
#include "../dissect.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

static struct tw_proto_ids ids;
#define HF(x) ((uint16_t)(ids.base + (x)))

enum { F_TIME, F_CLKSRC, F_SRCPORT, F_COUNT };

static const struct tw_vs clksrc_vals[] = {
    {0, "Not Synced"}, {1, "NTP"}, {2, "GPS"}, {3, "PTP"}, {0, NULL}};

static const struct tw_field_def fields[F_COUNT] = {
    [F_TIME] = {"vssmonitoring.time", "Time Stamp", TW_FT_ABSOLUTE_TIME, TW_ABSTIME_LOCAL, 0, NULL,
                NULL, NULL, "VSS Monitoring Time Stamp"},
    [F_CLKSRC] = {"vssmonitoring.clksrc", "Clock Source", TW_FT_UINT8, TW_BASE_DEC, 0, clksrc_vals,
                  NULL, NULL, "VSS Monitoring Clock Source"},
    [F_SRCPORT] = {"vssmonitoring.srcport", "Src Port", TW_FT_UINT16, TW_BASE_DEC, 0, NULL, NULL,
                   NULL, "VSS Monitoring Source Port"},
};

static bool pref_portstamp_only, pref_two_byte;

static void init(void)
{
    pref_portstamp_only = tw_pref_bool("vssmonitoring.dissect_portstamping_only", false);
    pref_two_byte = tw_pref_bool("vssmonitoring.two_byte_portstamps", false);
}

enum verdict { NOT_VSS, VSS_CUT, VSS_OK };

/* the verdict on the trailer at c (reported length c->end - c->off, captured up to c->cap) */
static enum verdict judge(const struct tw_pkt *p, const struct tw_cur *c)
{
    uint32_t len = c->end > c->off ? c->end - c->off : 0;
    uint32_t ps = pref_two_byte ? 2 : 1;
    if (len > 12 + ps) return NOT_VSS;
    if ((len & 3) != 0 && (len & 3) != ps) return NOT_VSS;
    if (len >= 8) {
        const uint8_t *t;
        if (!tw_cur_try_peek(c, 0, 8, &t)) return VSS_CUT; /* tshark reads it first */
        int64_t secs =
            (int64_t)((uint32_t)t[0] << 24 | (uint32_t)t[1] << 16 | (uint32_t)t[2] << 8 | t[3]);
        uint32_t ns = ((uint32_t)t[4] << 24 | (uint32_t)t[5] << 16 | (uint32_t)t[6] << 8 | t[7]) &
                      0x3fffffffu;
        if (secs == 0) return NOT_VSS;
        if (secs > 3600) {
            int64_t ft = p->frame->ts.sec;
            int64_t d = secs > ft ? secs - ft : ft - secs;
            if (d > 2592000) return NOT_VSS; /* 30 days */
        }
        if (ns >= 1000000000u) return NOT_VSS;
        return VSS_OK;
    }
    if (!pref_portstamp_only || (len & 3) == 0) return NOT_VSS;
    return VSS_OK;
}

static bool heur(struct tw_pkt *p, const struct tw_cur *c)
{
    return judge(p, c) != NOT_VSS;
}

static enum tw_status dissect(struct tw_pkt *p, struct tw_cur *c)
{
    enum verdict v = judge(p, c);
    if (v == VSS_CUT) {
        /* the time stamp's read fails before the protocol's line is added */
        tw_layer_unrecord(p);
        c->err = TW_CUR_TRUNCATED;
        return TW_TRUNCATED;
    }
    if (v == NOT_VSS) {
        tw_layer_hide(p);
        return TW_OK;
    }
    uint32_t b = c->off, len = c->end - c->off;
    uint32_t ps = pref_two_byte ? 2 : 1;
    tw_layer_setlen(p, len & 0xb);
    char lab[160];
    int k = snprintf(lab, sizeof lab, "VSS Monitoring Ethernet trailer");
    uint32_t o = b;
    if (len >= 8) {
        const uint8_t *t = c->data + b; /* judged readable */
        uint32_t secs = (uint32_t)t[0] << 24 | (uint32_t)t[1] << 16 | (uint32_t)t[2] << 8 | t[3];
        uint32_t raw = (uint32_t)t[4] << 24 | (uint32_t)t[5] << 16 | (uint32_t)t[6] << 8 | t[7];
        uint32_t ns = raw & 0x3fffffffu;
        if (p->has_tree) {
            tw_add_time(p, HF(F_TIME), b, 8, (struct tw_time){secs, (int32_t)ns});
            tw_add_uint(p, HF(F_CLKSRC), b + 4, 1, raw >> 30);
            time_t tt = (time_t)secs;
            struct tm tmv;
            if (localtime_r(&tt, &tmv))
                k += snprintf(lab + k, sizeof lab - (size_t)k, ", Timestamp: %02d:%02d:%02d.%09u",
                              tmv.tm_hour, tmv.tm_min, tmv.tm_sec, ns);
            else
                k += snprintf(lab + k, sizeof lab - (size_t)k, ", Timestamp: <Not representable>");
            tw_layer_label(p, "%s", lab);
        }
        o += 8;
    }
    if ((len & 3) == ps && p->has_tree) {
        /* (read only for the tree, as tshark) */
        c->off = o;
        const uint8_t *s = tw_cur_bytes(c, ps);
        if (!s) return c->err == TW_CUR_TRUNCATED ? TW_TRUNCATED : TW_MALFORMED;
        uint32_t port = ps == 2 ? (uint32_t)(s[0] << 8 | s[1]) : s[0];
        tw_add_uint(p, HF(F_SRCPORT), o, ps, port);
        snprintf(lab + k, sizeof lab - (size_t)k, ", Source Port: %u", port);
        tw_layer_label(p, "%s", lab);
    }
    c->off = c->end;
    return TW_OK;
}

static const struct tw_binding bindings[] = {{TW_TBL_NAME, TW_KEY_ETH_TRAILER_VSS}};

const struct tw_proto tw_proto_vssmonitoring = {
    .abbrev = "vssmonitoring",
    .name = "VSS Monitoring Ethernet trailer",
    .short_name = "VSS Monitoring",
    .fields = fields,
    .nfields = F_COUNT,
    .bindings = bindings,
    .nbindings = TW_ARRAY_LEN(bindings),
    .dissect = dissect,
    .init = init,
    .ids = &ids,
    .flags = TW_PROTO_NO_COLUMN,
    .heur = heur,
};
