/* Cisco NetFlow / IPFIX (tshark's "cflow"): on UDP 2055, 9996 and 4739 as tshark 4.0 registers
 * them by default. Shown: the export header of versions 1, 5, 7, 8, 9 and 10 (IPFIX), the v5
 * flow records, and the v9/IPFIX flowsets (id, length, the templates' ids and fields); records
 * of v9/IPFIX data flowsets are not decoded (their template's fields are not applied yet), a
 * data flowset whose template was never seen gets tshark's "no template found" warning.
 *
 *   v5 header (24 bytes): version, count, sysuptime (ms), unix_secs, unix_nsecs, sequence,
 *     engine type, engine id, sampling (2 bits mode, 14 bits interval); 48-byte records.
 *   v9 header (20 bytes): version, count, sysuptime, unix_secs, sequence, source id.
 *   IPFIX header (16 bytes): version, length, export time, sequence, observation domain.
 *   flowset: id (0 v9 template, 1 v9 options template, 2 IPFIX template, 3 IPFIX options
 *     template, >= 256 data of that template), length (with its 4 bytes). */
#include "../dissect.h"

#include <stdio.h>
#include <string.h>

static struct tw_proto_ids ids;
#define HF(x) ((uint16_t)(ids.base + (x)))
#define EX(x) ((uint16_t)(ids.expert_base + (x)))

enum {
    F_VERSION,
    F_COUNT_,
    F_LEN,
    F_SYSUPTIME,
    F_TIMESTAMP,
    F_UNIX_SECS,
    F_UNIX_NSECS,
    F_SEQUENCE,
    F_ENGINE_TYPE,
    F_ENGINE_ID,
    F_SAMPLING_MODE,
    F_SAMPLING_INTERVAL,
    F_SOURCE_ID,
    F_OD_ID,
    F_SRCADDR,
    F_DSTADDR,
    F_NEXTHOP,
    F_INPUTINT,
    F_OUTPUTINT,
    F_PACKETS,
    F_OCTETS,
    F_TIMESTART,
    F_TIMEEND,
    F_SRCPORT,
    F_DSTPORT,
    F_TCPFLAGS,
    F_PROTOCOL,
    F_TOS,
    F_SRCAS,
    F_DSTAS,
    F_SRCMASK,
    F_DSTMASK,
    F_SRCADDR6,
    F_DSTADDR6,
    F_FLOWSET_ID,
    F_FLOWSET_LENGTH,
    F_TEMPLATE_ID,
    F_TEMPLATE_FIELD_COUNT,
    F_TEMPLATE_FIELD_TYPE,
    F_TEMPLATE_FIELD_LENGTH,
    F_COUNT
};

static const struct tw_rs flowset_ids[] = {{0, 0, "Data Template (V9)"},
                                           {1, 1, "Options Template(V9)"},
                                           {2, 2, "Data Template (V10 [IPFIX])"},
                                           {3, 3, "Options Template (V10 [IPFIX])"},
                                           {4, 255, "FlowSet ID: Reserved"},
                                           {256, 65535, "(Data)"},
                                           {0, 0, NULL}};

static const struct tw_field_def fields[F_COUNT] = {
    [F_VERSION] = {"cflow.version", "Version", TW_FT_UINT16, TW_BASE_DEC, 0, NULL, NULL, NULL,
                   "NetFlow Version"},
    [F_COUNT_] = {"cflow.count", "Count", TW_FT_UINT16, TW_BASE_DEC, 0, NULL, NULL, NULL,
                  "Count of PDUs"},
    [F_LEN] = {"cflow.len", "Length", TW_FT_UINT16, TW_BASE_DEC, 0, NULL, NULL, NULL,
               "Length of PDUs"},
    [F_SYSUPTIME] = {"cflow.sysuptime", "SysUptime", TW_FT_RELATIVE_TIME, TW_BASE_NONE, 0, NULL,
                     NULL, NULL, "Time since router booted (in seconds)"},
    [F_TIMESTAMP] = {"cflow.timestamp", "Timestamp", TW_FT_ABSOLUTE_TIME, TW_ABSTIME_LOCAL, 0, NULL,
                     NULL, NULL, "Current seconds since epoch"},
    [F_UNIX_SECS] = {"cflow.unix_secs", "CurrentSecs", TW_FT_UINT32, TW_BASE_DEC, 0, NULL, NULL,
                     NULL, "Current seconds since epoch"},
    [F_UNIX_NSECS] = {"cflow.unix_nsecs", "CurrentNSecs", TW_FT_UINT32, TW_BASE_DEC, 0, NULL, NULL,
                      NULL, "Residual nanoseconds since epoch"},
    [F_SEQUENCE] = {"cflow.sequence", "FlowSequence", TW_FT_UINT32, TW_BASE_DEC, 0, NULL, NULL,
                    NULL, "Sequence number of flows seen"},
    [F_ENGINE_TYPE] = {"cflow.engine_type", "EngineType", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL,
                       NULL, "Flow switching engine type"},
    [F_ENGINE_ID] = {"cflow.engine_id", "EngineId", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL, NULL,
                     "Slot number of switching engine"},
    [F_SAMPLING_MODE] = {"cflow.samplingmode", "SamplingMode", TW_FT_UINT16, TW_BASE_DEC, 0xC000,
                         NULL, NULL, NULL, "Sampling Mode of exporter"},
    [F_SAMPLING_INTERVAL] = {"cflow.samplerate", "SampleRate", TW_FT_UINT16, TW_BASE_DEC, 0x3FFF,
                             NULL, NULL, NULL, "Sample Frequency of exporter"},
    [F_SOURCE_ID] = {"cflow.source_id", "SourceId", TW_FT_UINT32, TW_BASE_DEC, 0, NULL, NULL, NULL,
                     "Identifier for export device"},
    [F_OD_ID] = {"cflow.od_id", "Observation Domain Id", TW_FT_UINT32, TW_BASE_DEC, 0, NULL, NULL,
                 NULL,
                 "Identifier of an Observation Domain that is locally unique to an "
                 "Exporting Process"},
    [F_SRCADDR] = {"cflow.srcaddr", "SrcAddr", TW_FT_IPv4, TW_BASE_NONE, 0, NULL, NULL, NULL,
                   "Flow Source Address (IPv4)"},
    [F_DSTADDR] = {"cflow.dstaddr", "DstAddr", TW_FT_IPv4, TW_BASE_NONE, 0, NULL, NULL, NULL,
                   "Flow Destination Address (IPv4)"},
    [F_NEXTHOP] = {"cflow.nexthop", "NextHop", TW_FT_IPv4, TW_BASE_NONE, 0, NULL, NULL, NULL,
                   "Router nexthop (IPv4)"},
    [F_INPUTINT] = {"cflow.inputint", "InputInt", TW_FT_UINT32, TW_BASE_DEC, 0, NULL, NULL, NULL,
                    "Flow Input Interface"},
    [F_OUTPUTINT] = {"cflow.outputint", "OutputInt", TW_FT_UINT32, TW_BASE_DEC, 0, NULL, NULL, NULL,
                     "Flow Output Interface"},
    [F_PACKETS] = {"cflow.packets", "Packets", TW_FT_UINT64, TW_BASE_DEC, 0, NULL, NULL, NULL,
                   "Count of packets"},
    [F_OCTETS] = {"cflow.octets", "Octets", TW_FT_UINT64, TW_BASE_DEC, 0, NULL, NULL, NULL,
                  "Count of bytes"},
    [F_TIMESTART] = {"cflow.timestart", "StartTime", TW_FT_RELATIVE_TIME, TW_BASE_NONE, 0, NULL,
                     NULL, NULL, "Uptime at start of flow"},
    [F_TIMEEND] = {"cflow.timeend", "EndTime", TW_FT_RELATIVE_TIME, TW_BASE_NONE, 0, NULL, NULL,
                   NULL, "Uptime at end of flow"},
    [F_SRCPORT] = {"cflow.srcport", "SrcPort", TW_FT_UINT16, TW_BASE_DEC, 0, NULL, NULL, NULL,
                   "Flow Source Port"},
    [F_DSTPORT] = {"cflow.dstport", "DstPort", TW_FT_UINT16, TW_BASE_DEC, 0, NULL, NULL, NULL,
                   "Flow Destination Port"},
    [F_TCPFLAGS] = {"cflow.tcpflags", "TCP Flags", TW_FT_UINT8, TW_BASE_HEX, 0, NULL, NULL, NULL,
                    "TCP flags"},
    [F_PROTOCOL] = {"cflow.protocol", "Protocol", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL, NULL,
                    "IP Protocol"},
    [F_TOS] = {"cflow.tos", "IP ToS", TW_FT_UINT8, TW_BASE_HEX, 0, NULL, NULL, NULL,
               "IP type of service"},
    [F_SRCAS] = {"cflow.srcas", "SrcAS", TW_FT_UINT32, TW_BASE_DEC, 0, NULL, NULL, NULL,
                 "Source AS"},
    [F_DSTAS] = {"cflow.dstas", "DstAS", TW_FT_UINT32, TW_BASE_DEC, 0, NULL, NULL, NULL,
                 "Destination AS"},
    [F_SRCMASK] = {"cflow.srcmask", "SrcMask", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL, NULL,
                   "Source Prefix Mask"},
    [F_DSTMASK] = {"cflow.dstmask", "DstMask", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL, NULL,
                   "Destination Prefix Mask"},
    [F_SRCADDR6] = {"cflow.srcaddrv6", "SrcAddr", TW_FT_IPv6, TW_BASE_NONE, 0, NULL, NULL, NULL,
                    "Flow Source Address (IPv6)"},
    [F_DSTADDR6] = {"cflow.dstaddrv6", "DstAddr", TW_FT_IPv6, TW_BASE_NONE, 0, NULL, NULL, NULL,
                    "Flow Destination Address (IPv6)"},
    [F_FLOWSET_ID] = {"cflow.flowset_id", "FlowSet Id", TW_FT_UINT16, TW_BASE_DEC, 0, NULL,
                      flowset_ids, NULL, "FlowSet Id"},
    [F_FLOWSET_LENGTH] = {"cflow.flowset_length", "FlowSet Length", TW_FT_UINT16, TW_BASE_DEC, 0,
                          NULL, NULL, NULL, "FlowSet Length"},
    [F_TEMPLATE_ID] = {"cflow.template_id", "Template Id", TW_FT_UINT16, TW_BASE_DEC, 0, NULL, NULL,
                       NULL, "Template Id"},
    [F_TEMPLATE_FIELD_COUNT] = {"cflow.template_field_count", "Field Count", TW_FT_UINT16,
                                TW_BASE_DEC, 0, NULL, NULL, NULL, "Template field count"},
    [F_TEMPLATE_FIELD_TYPE] = {"cflow.template_field_type", "Type", TW_FT_UINT16, TW_BASE_DEC, 0,
                               NULL, NULL, NULL, "Template field type"},
    [F_TEMPLATE_FIELD_LENGTH] = {"cflow.template_field_length", "Length", TW_FT_UINT16, TW_BASE_DEC,
                                 0, NULL, NULL, NULL, "Template field length"},
};

enum { E_NO_TEMPLATE, E_COUNT };
static const struct tw_expert_def experts[E_COUNT] = {
    [E_NO_TEMPLATE] = {"cflow.no_template_found", "decoder.cflow.no_template_found", TW_SEV_WARN,
                       TW_GRP_MALFORMED, "No template found"},
};

/* templates seen: (exporter address, observation domain / source id, template id) */
struct tmpl_key {
    uint8_t alen;
    uint8_t addr[16];
    uint32_t domain;
    uint16_t id;
};
/* a template's fields (type, length), as many as fit */
#define TMPL_MAX 64
struct tmpl {
    uint16_t n;
    bool opt;        /* an options template: its records are not decoded */
    bool incomplete; /* more fields than TMPL_MAX, or a variable length one: not decoded */
    uint16_t type[TMPL_MAX], len[TMPL_MAX];
};
static struct tw_state *tmpl_tab;

static void cflow_init(void)
{
    tmpl_tab = tw_state_open("cflow.templates", sizeof(struct tmpl), 1u << 14, NULL);
}

static size_t tmpl_key(const struct tw_pkt *p, uint32_t domain, uint16_t id, struct tmpl_key *k)
{
    memset(k, 0, sizeof *k);
    const struct tw_addr *a = &p->ctx.ip_src;
    if (a->p && a->len <= 16) {
        k->alen = a->len;
        memcpy(k->addr, a->p, a->len);
    }
    k->domain = domain;
    k->id = id;
    return sizeof *k;
}

static uint16_t rd16(const uint8_t *b)
{
    return (uint16_t)(b[0] << 8 | b[1]);
}
static uint32_t rd32(const uint8_t *b)
{
    return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

static void add_reltime_ms(struct tw_pkt *p, int f, uint32_t off, uint32_t ms)
{
    struct tw_time t = {(int64_t)(ms / 1000), (int32_t)(ms % 1000) * 1000000};
    tw_add_time(p, HF(f), off, 4, t);
}

static void v5_record(struct tw_pkt *p, const uint8_t *b, uint32_t o)
{
    tw_add_ptr(p, HF(F_SRCADDR), o, 4, b, 4);
    tw_add_ptr(p, HF(F_DSTADDR), o + 4, 4, b + 4, 4);
    tw_add_ptr(p, HF(F_NEXTHOP), o + 8, 4, b + 8, 4);
    tw_add_uint(p, HF(F_INPUTINT), o + 12, 2, rd16(b + 12));
    tw_add_uint(p, HF(F_OUTPUTINT), o + 14, 2, rd16(b + 14));
    tw_add_uint(p, HF(F_PACKETS), o + 16, 4, rd32(b + 16));
    tw_add_uint(p, HF(F_OCTETS), o + 20, 4, rd32(b + 20));
    add_reltime_ms(p, F_TIMESTART, o + 24, rd32(b + 24));
    add_reltime_ms(p, F_TIMEEND, o + 28, rd32(b + 28));
    tw_add_uint(p, HF(F_SRCPORT), o + 32, 2, rd16(b + 32));
    tw_add_uint(p, HF(F_DSTPORT), o + 34, 2, rd16(b + 34));
    tw_add_uint(p, HF(F_TCPFLAGS), o + 37, 1, b[37]);
    tw_add_uint(p, HF(F_PROTOCOL), o + 38, 1, b[38]);
    tw_add_uint(p, HF(F_TOS), o + 39, 1, b[39]);
    tw_add_uint(p, HF(F_SRCAS), o + 40, 2, rd16(b + 40));
    tw_add_uint(p, HF(F_DSTAS), o + 42, 2, rd16(b + 42));
    tw_add_uint(p, HF(F_SRCMASK), o + 44, 1, b[44]);
    tw_add_uint(p, HF(F_DSTMASK), o + 45, 1, b[45]);
}

/* the records of a data flowset, by its template: the common information elements */
static void data_records(struct tw_pkt *p, const uint8_t *d, uint32_t o, uint32_t end,
                         const struct tmpl *t)
{
    if (t->opt || t->incomplete) return;
    uint32_t rl = 0;
    for (uint16_t i = 0; i < t->n; i++) rl += t->len[i];
    if (rl == 0) return;
    for (uint32_t rn = 1; o + rl <= end; rn++) {
        int32_t fr = tw_add_text(p, o, rl, "Flow %u", rn);
        tw_tree_push(p, fr);
        for (uint16_t i = 0; i < t->n; i++) {
            uint16_t ln = t->len[i];
            const uint8_t *b = d + o;
            uint64_t v = 0;
            for (uint16_t k = 0; k < ln && k < 8; k++) v = v << 8 | b[k];
            int f = -1;
            switch (t->type[i]) {
            case 1:
                f = F_OCTETS;
                break;
            case 2:
                f = F_PACKETS;
                break;
            case 4:
                f = F_PROTOCOL;
                break;
            case 5:
                f = F_TOS;
                break;
            case 6:
                f = F_TCPFLAGS;
                break;
            case 7:
                f = F_SRCPORT;
                break;
            case 8:
                f = ln == 4 ? F_SRCADDR : -1;
                break;
            case 9:
                f = F_SRCMASK;
                break;
            case 10:
                f = F_INPUTINT;
                break;
            case 11:
                f = F_DSTPORT;
                break;
            case 12:
                f = ln == 4 ? F_DSTADDR : -1;
                break;
            case 13:
                f = F_DSTMASK;
                break;
            case 14:
                f = F_OUTPUTINT;
                break;
            case 15:
                f = ln == 4 ? F_NEXTHOP : -1;
                break;
            case 16:
                f = F_SRCAS;
                break;
            case 17:
                f = F_DSTAS;
                break;
            case 21:
                if (ln == 4) add_reltime_ms(p, F_TIMEEND, o, (uint32_t)v);
                break;
            case 22:
                if (ln == 4) add_reltime_ms(p, F_TIMESTART, o, (uint32_t)v);
                break;
            case 27:
                f = ln == 16 ? F_SRCADDR6 : -1;
                break;
            case 28:
                f = ln == 16 ? F_DSTADDR6 : -1;
                break;
            default:
                break;
            }
            if (f >= 0 && ln <= 8 && fields[f].type != TW_FT_IPv4 && fields[f].type != TW_FT_IPv6)
                tw_add_uint(p, HF(f), o, ln, v);
            else if (f >= 0)
                tw_add_ptr(p, HF(f), o, ln, b, ln);
            o += ln;
        }
        tw_tree_pop(p);
    }
}

/* one v9/IPFIX template flowset's templates (options templates: their ids only) */
static void templates(struct tw_pkt *p, const uint8_t *d, uint32_t o, uint32_t end, uint16_t fsid,
                      uint32_t domain, bool ipfix)
{
    while (o + 4 <= end) {
        uint16_t tid = rd16(d + o), cnt = rd16(d + o + 2);
        uint32_t start = o;
        bool opt = fsid == 1 || fsid == 3;
        if (opt) {
            /* options templates: v9 id, scope length, options length; IPFIX id, count, scope count
             */
            if (o + 6 > end) break;
            uint32_t len = ipfix ? 6u + 4u * cnt : 6u + rd16(d + o + 2) + rd16(d + o + 4);
            tw_info_printf(p, " [Options-Template:%u]", tid);
            int32_t t = tw_add_text(p, o, len, "Options Template (Id = %u)", tid);
            tw_tree_push(p, t);
            tw_add_uint(p, HF(F_TEMPLATE_ID), o, 2, tid);
            tw_tree_pop(p);
            struct tmpl_key k;
            bool fresh;
            struct tmpl *tp = tw_state_put(tmpl_tab, &k, tmpl_key(p, domain, tid, &k), &fresh);
            if (tp) {
                memset(tp, 0, sizeof *tp);
                tp->opt = true;
            }
            o += len;
            continue;
        }
        tw_info_printf(p, " [Data-Template:%u]", tid);
        int32_t t = tw_add_text(p, o, 4, "Template (Id = %u, Count = %u)", tid, cnt);
        tw_tree_push(p, t);
        tw_add_uint(p, HF(F_TEMPLATE_ID), o, 2, tid);
        tw_add_uint(p, HF(F_TEMPLATE_FIELD_COUNT), o + 2, 2, cnt);
        o += 4;
        struct tmpl tm = {0};
        for (uint32_t i = 0; i < cnt && o + 4 <= end; i++) {
            uint16_t ty = rd16(d + o), ln = rd16(d + o + 2);
            if (tm.n < TMPL_MAX && ln != 0xffff) {
                tm.type[tm.n] = ipfix ? (uint16_t)(ty & 0x7fff) : ty;
                tm.len[tm.n++] = ln;
            } else {
                tm.incomplete = true;
            }
            if (ipfix && (ty & 0x8000)) tm.type[tm.n - 1] = 0xffff; /* enterprise: not decoded */
            int32_t fr = tw_add_text(p, o, 4, "Field (%u/%u)", i + 1, cnt);
            tw_tree_push(p, fr);
            tw_add_uint(p, HF(F_TEMPLATE_FIELD_TYPE), o, 2, ipfix ? ty & 0x7fffu : ty);
            tw_add_uint(p, HF(F_TEMPLATE_FIELD_LENGTH), o + 2, 2, ln);
            tw_tree_pop(p);
            o += 4;
            if (ipfix && (ty & 0x8000)) o += 4; /* enterprise number */
        }
        tw_tree_pop(p);
        struct tmpl_key k;
        bool fresh;
        struct tmpl *tp = tw_state_put(tmpl_tab, &k, tmpl_key(p, domain, tid, &k), &fresh);
        if (tp) *tp = tm;
        if (o == start) break;
    }
}

static enum tw_status dissect(struct tw_pkt *p, struct tw_cur *c)
{
    const uint32_t start = c->off;
    uint32_t avail = tw_cur_avail(c);
    const uint8_t *b = c->data + start;
    if (avail < 2) {
        c->err = TW_CUR_TRUNCATED;
        return TW_TRUNCATED;
    }
    uint16_t ver = rd16(b);
    tw_add_uint(p, HF(F_VERSION), start, 2, ver);
    if (avail < 4) {
        c->err = TW_CUR_TRUNCATED;
        return TW_TRUNCATED;
    }
    uint16_t count = rd16(b + 2);
    tw_info_clear(p);
    bool ipfix = ver == 10;
    uint32_t hlen = ver == 5 ? 24 : ver == 9 ? 20 : ipfix ? 16 : ver == 1 ? 16 : 24;
    if (ver != 1 && ver != 5 && ver != 7 && ver != 8 && ver != 9 && !ipfix) return TW_OK;
    if (avail < hlen) {
        c->err = TW_CUR_TRUNCATED;
        return TW_TRUNCATED;
    }
    uint32_t domain = 0;
    if (ipfix) {
        tw_add_uint(p, HF(F_LEN), start + 2, 2, count);
        uint32_t secs = rd32(b + 4);
        tw_add_time(p, HF(F_TIMESTAMP), start + 4, 4, (struct tw_time){secs, 0});
        tw_add_uint(p, HF(F_UNIX_SECS), start + 4, 4, secs);
        tw_add_uint(p, HF(F_SEQUENCE), start + 8, 4, rd32(b + 8));
        domain = rd32(b + 12);
        tw_add_uint(p, HF(F_OD_ID), start + 12, 4, domain);
        tw_info_printf(p, "IPFIX flow (%4u bytes) Obs-Domain-ID=%5u", count, domain);
    } else {
        tw_add_uint(p, HF(F_COUNT_), start + 2, 2, count);
        add_reltime_ms(p, F_SYSUPTIME, start + 4, rd32(b + 4));
        uint32_t secs = rd32(b + 8);
        uint32_t nsecs = ver == 9 ? 0 : rd32(b + 12);
        tw_add_time(p, HF(F_TIMESTAMP), start + 8, ver == 9 ? 4 : 8,
                    (struct tw_time){secs, (int32_t)(nsecs % 1000000000u)});
        tw_tree_push(p, -1);
        int32_t ts = p->nrecs ? (int32_t)p->nrecs - 1 : -1;
        if (ts >= 0 && p->recs[ts].field == HF(F_TIMESTAMP)) p->tree[p->ntree - 1] = ts;
        tw_add_uint(p, HF(F_UNIX_SECS), start + 8, 4, secs);
        if (ver != 9) tw_add_uint(p, HF(F_UNIX_NSECS), start + 12, 4, nsecs);
        tw_tree_pop(p);
        if (ver == 9) {
            tw_add_uint(p, HF(F_SEQUENCE), start + 12, 4, rd32(b + 12));
            domain = rd32(b + 16);
            tw_add_uint(p, HF(F_SOURCE_ID), start + 16, 4, domain);
            tw_info_printf(p, "total: %u (v%u) record%s Obs-Domain-ID=%5u", count, ver,
                           count == 1 ? "" : "s", domain);
        } else {
            tw_info_printf(p, "total: %u (v%u) flow%s", count, ver, count == 1 ? "" : "s");
            if (ver == 5) {
                tw_add_uint(p, HF(F_SEQUENCE), start + 16, 4, rd32(b + 16));
                tw_add_uint(p, HF(F_ENGINE_TYPE), start + 20, 1, b[20]);
                tw_add_uint(p, HF(F_ENGINE_ID), start + 21, 1, b[21]);
                uint16_t s = rd16(b + 22);
                tw_add_bits(p, HF(F_SAMPLING_MODE), start + 22, 2, s);
                tw_add_bits(p, HF(F_SAMPLING_INTERVAL), start + 22, 2, s);
            }
        }
    }
    uint32_t o = start + hlen, end = start + avail;
    if (ver == 5) {
        for (uint32_t i = 0; i < count; i++) {
            if (o + 48 > end) {
                c->err = TW_CUR_TRUNCATED;
                return TW_TRUNCATED;
            }
            int32_t t = tw_add_text(p, o, 48, "pdu %u/%u", i + 1, count);
            tw_tree_push(p, t);
            v5_record(p, b + (o - start), o);
            tw_tree_pop(p);
            o += 48;
        }
        return TW_OK;
    }
    if (ver != 9 && !ipfix) return TW_OK;
    for (uint32_t n = 1; o + 4 <= end; n++) {
        uint16_t fsid = rd16(c->data + o), fslen = rd16(c->data + o + 2);
        int32_t t = tw_add_text(p, o, fslen, "FlowSet %u [id=%u]", n, fsid);
        tw_tree_push(p, t);
        int32_t r = tw_add_uint(p, HF(F_FLOWSET_ID), o, 2, fsid);
        if (fsid >= 256) tw_rec_label(p, r, "FlowSet Id: (Data) (%u)", fsid);
        tw_add_uint(p, HF(F_FLOWSET_LENGTH), o + 2, 2, fslen);
        if (fslen < 4) {
            tw_tree_pop(p);
            break;
        }
        uint32_t fend = o + fslen > end ? end : o + fslen;
        if (fsid < 4)
            templates(p, c->data, o + 4, fend, fsid, domain, ipfix);
        else if (fsid >= 256) {
            tw_info_printf(p, " [Data:%u]", fsid);
            struct tmpl_key k;
            const struct tmpl *tp = tw_state_get(tmpl_tab, &k, tmpl_key(p, domain, fsid, &k));
            if (tp) {
                data_records(p, c->data, o + 4, fend, tp);
            } else {
                uint32_t dl = fend - (o + 4);
                int32_t nr = tw_add_text(p, o + 4, dl, "Data (%u bytes), no template found", dl);
                tw_tree_push(p, nr);
                tw_expert(p, EX(E_NO_TEMPLATE), o + 4, dl, "Data (%u bytes), no template found",
                          dl);
                tw_tree_pop(p);
            }
        }
        tw_tree_pop(p);
        o += fslen;
    }
    return TW_OK;
}

static const struct tw_binding bindings[] = {{TW_TBL_UDP_PORT, 2055},
                                             {TW_TBL_UDP_PORT, 9996},
                                             {TW_TBL_UDP_PORT, 4739},
                                             {TW_TBL_TCP_PORT, 4739}};

const struct tw_proto tw_proto_cflow = {
    .abbrev = "cflow",
    .name = "Cisco NetFlow/IPFIX",
    .short_name = "CFLOW",
    .fields = fields,
    .nfields = F_COUNT,
    .experts = experts,
    .nexperts = E_COUNT,
    .bindings = bindings,
    .nbindings = TW_ARRAY_LEN(bindings),
    .dissect = dissect,
    .init = cflow_init,
    .ids = &ids,
};
