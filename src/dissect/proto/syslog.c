/* Syslog (RFC 3164) on UDP 514 as tshark 4.0 shows it: the <PRI> part as facility and level,
 * the message (up to its first NUL), and the RFC 3164 header fields tshark picks out of a message
 * that begins with a "Mmm dd hh:mm:ss " timestamp (hostname, then what precedes the first ':' as
 * the process id and the rest as the message id). The Info column is "FAC.LEVEL: message" with
 * the message's non-printable bytes escaped as tshark's format_text does. Not done: RFC 5424
 * headers ("1 " version prefix), MTP3 MSUs (tshark's preference, off by default). */
#include "../dissect.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "ike_vals.h"

static struct tw_proto_ids ids;

enum { F_FACILITY, F_LEVEL, F_MSG, F_TS3164, F_HOSTNAME, F_PROCID, F_MSGID, F_COUNT };

static const struct tw_field_def fields[F_COUNT] = {
    [F_FACILITY] = {"syslog.facility", "Facility", TW_FT_UINT8, TW_BASE_DEC, 0x3f8,
                    syslog_facility_vals},
    [F_LEVEL] = {"syslog.level", "Level", TW_FT_UINT8, TW_BASE_DEC, 0x7, syslog_level_vals},
    [F_MSG] = {"syslog.msg", "Message", TW_FT_STRING},
    [F_TS3164] = {"syslog.timestamp_rfc3164", "Syslog timestamp (RFC3164)", TW_FT_STRING},
    [F_HOSTNAME] = {"syslog.hostname", "Syslog hostname", TW_FT_STRING},
    [F_PROCID] = {"syslog.procid", "Syslog process id", TW_FT_STRING},
    [F_MSGID] = {"syslog.msgid", "Syslog message id", TW_FT_STRING},
};
#define HF(x) ((uint16_t)(ids.base + (x)))

/* the first word of a value name: "KERN - kernel messages" -> "KERN" */
static void short_name(const struct tw_vs *v, uint32_t val, char *out, size_t n)
{
    const char *s = tw_vs_find(v, val);
    if (!s) s = "UNKNOWN";
    size_t i = 0;
    while (s[i] && s[i] != ' ' && i + 1 < n) {
        out[i] = s[i];
        i++;
    }
    out[i] = 0;
}

/* tshark's format_text(): printable ASCII as is, C escapes for the usual controls, \ooo else */
static void add_escaped(struct tw_pkt *p, const uint8_t *b, uint32_t n)
{
    char tmp[8];
    for (uint32_t i = 0; i < n; i++) {
        uint8_t ch = b[i];
        if (ch >= 0x20 && ch < 0x7f) {
            tw_info_addn(p, (const char *)&b[i], 1);
            continue;
        }
        const char *e = NULL;
        switch (ch) {
        case '\a':
            e = "\\a";
            break;
        case '\b':
            e = "\\b";
            break;
        case '\f':
            e = "\\f";
            break;
        case '\n':
            e = "\\n";
            break;
        case '\r':
            e = "\\r";
            break;
        case '\t':
            e = "\\t";
            break;
        case '\v':
            e = "\\v";
            break;
        }
        if (e) {
            tw_info_add(p, e);
        } else {
            snprintf(tmp, sizeof tmp, "\\%03o", ch);
            tw_info_add(p, tmp);
        }
    }
}

static bool rfc3164_ts(const uint8_t *b, uint32_t n)
{
    static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
    if (n < 16) return false;
    bool mon = false;
    for (int i = 0; i < 12; i++)
        if (memcmp(b, months + 3 * i, 3) == 0) mon = true;
    return mon && b[3] == ' ' && b[6] == ' ' && b[9] == ':' && b[12] == ':' && b[15] == ' ';
}

static enum tw_status dissect_syslog(struct tw_pkt *p, struct tw_cur *c)
{
    uint32_t off = c->off, avail = tw_cur_avail(c), rep = tw_cur_left(c);
    const uint8_t *d = c->data + off;
    tw_col_proto(p, "Syslog");
    tw_info_clear(p);
    c->off = c->end;
    if (avail < 1) return rep ? TW_TRUNCATED : TW_MALFORMED;
    int pri = -1;
    uint32_t mo = 0;
    if (d[0] == '<') {
        mo = 1;
        pri = 0;
        while (mo < avail && d[mo] >= '0' && d[mo] <= '9' && mo <= 3) {
            pri = pri * 10 + (d[mo] - '0');
            mo++;
        }
        if (mo >= avail) return avail < rep ? TW_TRUNCATED : TW_MALFORMED;
        if (d[mo] == '>') mo++;
    }
    char fac[24], lev[24];
    uint32_t mlen = avail > mo ? avail - mo : 0;
    if (pri >= 0) {
        short_name(syslog_facility_vals, (uint32_t)(pri & 0x3f8) >> 3, fac, sizeof fac);
        short_name(syslog_level_vals, (uint32_t)pri & 7, lev, sizeof lev);
        if (p->want_cols && !p->cols_locked) {
            tw_info_printf(p, "%s.%s: ", fac, lev);
            add_escaped(p, d + mo, mlen);
        }
    } else if (p->want_cols && !p->cols_locked) {
        add_escaped(p, d + mo, mlen);
    }
    if (tw_layer_recorded(p)) {
        /* the label's message is what the Info column shows after the priority */
        uint32_t k = mlen < 200 ? mlen : 200;
        char buf[1024];
        size_t bl = 0;
        for (uint32_t i = 0; i < k && bl + 5 < sizeof buf; i++) {
            uint8_t ch = d[mo + i];
            static const char esc[] = "\a\b\t\n\v\f\r", lett[] = "abtnvfr";
            const char *e = ch ? strchr(esc, ch) : NULL;
            if (ch >= 0x20 && ch < 0x7f)
                buf[bl++] = (char)ch;
            else if (e)
                bl += (size_t)snprintf(buf + bl, sizeof buf - bl, "\\%c", lett[e - esc]);
            else
                bl += (size_t)snprintf(buf + bl, sizeof buf - bl, "\\%03o", ch);
        }
        buf[bl] = 0;
        if (pri >= 0)
            tw_layer_label(p, "Syslog message: %s.%s: %s", fac, lev, buf);
        else
            tw_layer_label(p, "Syslog message: (unknown): %s", buf);
    }
    if (pri >= 0) {
        tw_add_bits(p, HF(F_FACILITY), off, mo, (uint64_t)pri);
        tw_add_bits(p, HF(F_LEVEL), off, mo, (uint64_t)pri);
    }
    int32_t r = tw_add_ascii(p, HF(F_MSG), off + mo, rep - mo, d + mo);
    tw_rec_setlen(p, r, rep - mo);
    /* the message up to its first NUL */
    uint32_t sl = 0;
    while (sl < mlen && d[mo + sl]) sl++;
    const uint8_t *m = d + mo;
    if (rfc3164_ts(m, sl)) {
        tw_tree_push(p, r);
        uint32_t o = off + mo;
        tw_add_ascii(p, HF(F_TS3164), o, 15, m);
        uint32_t i = 16;
        const uint8_t *sp = memchr(m + i, ' ', sl - i);
        if (sp) {
            uint32_t e = (uint32_t)(sp - m);
            tw_add_ascii(p, HF(F_HOSTNAME), o + i, e - i, m + i);
            i = e + 1;
            /* the process id is the word that follows, the message id the rest */
            uint32_t e2 = i;
            while (e2 < sl && (isalnum(m[e2]) || m[e2] == '-' || m[e2] == '_' || m[e2] == '.'))
                e2++;
            if (e2 > i && e2 < sl) {
                tw_add_ascii(p, HF(F_PROCID), o + i, e2 - i, m + i);
                tw_add_ascii(p, HF(F_MSGID), o + e2, sl - e2, m + e2);
            }
        }
        tw_tree_pop(p);
    }
    return avail < rep ? TW_TRUNCATED : TW_OK;
}

static const struct tw_binding bindings[] = {{TW_TBL_UDP_PORT, 514}};

const struct tw_proto tw_proto_syslog = {
    .abbrev = "syslog",
    .name = "Syslog message",
    .short_name = "Syslog",
    .fields = fields,
    .nfields = F_COUNT,
    .bindings = bindings,
    .nbindings = TW_ARRAY_LEN(bindings),
    .dissect = dissect_syslog,
    .ids = &ids,
};
