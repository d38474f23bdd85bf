/* Value and label formatting, the one place that decides how a field looks, so that -T fields,
 * JSON, EK and trees cannot disagree. The rules follow what tshark 4.0 prints. */
#include "internal.h"

#include "../dissect/ber.h"

#include <stdio.h>
#include <time.h>

/* a unit after the value: Wireshark's unit_name_string pairs (" byte"/" bytes", " octet"/
 * " octets", " second"/" seconds") give the singular for an integer 1 */
static void add_unit(struct tw_buf *b, const struct tw_field_def *d, const struct tw_rec *r)
{
    static const char *const plural[] = {" bytes", " octets", " seconds", " milliseconds"};
    bool one = (tw_ft_is_uint(d->type) && r->v.u == 1) || (tw_ft_is_int(d->type) && r->v.i == 1);
    if (one)
        for (size_t i = 0; i < sizeof plural / sizeof plural[0]; i++)
            if (strcmp(d->unit, plural[i]) == 0) {
                tw_buf_add(b, d->unit, strlen(d->unit) - 1);
                return;
            }
    tw_buf_adds(b, d->unit);
}

static int hex_digits_for_type(uint8_t t)
{
    switch (t) {
    case TW_FT_CHAR:
    case TW_FT_UINT8:
    case TW_FT_INT8:
        return 2;
    case TW_FT_UINT16:
    case TW_FT_INT16:
        return 4;
    case TW_FT_UINT24:
    case TW_FT_INT24:
        return 6;
    case TW_FT_UINT32:
    case TW_FT_INT32:
    case TW_FT_FRAMENUM:
        return 8;
    case TW_FT_UINT40:
    case TW_FT_INT40:
        return 10;
    case TW_FT_UINT48:
    case TW_FT_INT48:
        return 12;
    case TW_FT_UINT56:
    case TW_FT_INT56:
        return 14;
    default:
        return 16;
    }
}

/* Hex digits Wireshark uses in tree labels: from the mask's width when there is a mask. */
static int hex_digits_for_label(const struct tw_field_info *fi)
{
    const struct tw_field_def *d = fi->def;
    if (d->mask) {
        uint64_t m = d->mask >> fi->shift;
        int bits = 64 - __builtin_clzll(m | 1);
        return (bits + 3) / 4;
    }
    return hex_digits_for_type(d->type);
}

bool tw_ft_is_uint(uint8_t t)
{
    return t == TW_FT_CHAR || t == TW_FT_FRAMENUM || (t >= TW_FT_UINT8 && t <= TW_FT_UINT64);
}
bool tw_ft_is_int(uint8_t t)
{
    return t >= TW_FT_INT8 && t <= TW_FT_INT64;
}

/* A string as Wireshark's format_text shows it in trees: C escapes for the usual control
 * characters, octal for the others, everything else (backslash and UTF-8 included) as it is,
 * but invalid UTF-8 as U+FFFD. */
static void add_label_string(struct tw_buf *b, const uint8_t *s, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++) {
        uint8_t ch = s[i];
        if (ch >= 0x20 && ch < 0x7f) {
            tw_buf_addc(b, (char)ch);
            continue;
        }
        if (ch == 0xc2 && i + 1 < n && s[i + 1] >= 0x80 && s[i + 1] < 0xa0) {
            /* a C1 control character: format_text writes \uXXXX */
            tw_buf_printf(b, "\\u%04X", s[i + 1]);
            i++;
            continue;
        }
        if (ch >= 0x80) { /* invalid UTF-8 shows as U+FFFD */
            uint8_t u[4];
            uint32_t un;
            i += tw_utf8_show(s + i, n - i, u, &un) - 1;
            tw_buf_add(b, u, un);
            continue;
        }
        switch (ch) {
        case '\n':
            tw_buf_add(b, "\\n", 2);
            break;
        case '\r':
            tw_buf_add(b, "\\r", 2);
            break;
        case '\t':
            tw_buf_add(b, "\\t", 2);
            break;
        case '\a':
            tw_buf_add(b, "\\a", 2);
            break;
        case '\b':
            tw_buf_add(b, "\\b", 2);
            break;
        case '\f':
            tw_buf_add(b, "\\f", 2);
            break;
        case '\v':
            tw_buf_add(b, "\\v", 2);
            break;
        default:
            tw_buf_printf(b, "\\%03o", ch);
        }
    }
}

static void add_double_prec(struct tw_buf *b, double d, int prec)
{
    char t[64];
    snprintf(t, sizeof t, "%.*g", prec, d);
    tw_buf_adds(b, t);
}

static void add_double(struct tw_buf *b, double d)
{
    char t[64];
    snprintf(t, sizeof t, "%.*g", 15, d);
    tw_buf_adds(b, t);
}

static void add_bytes_sep(struct tw_buf *b, const uint8_t *p, uint32_t n, uint16_t display)
{
    char sep = 0;
    if (n == 0) {
        /* tshark's text for an empty byte string */
        tw_buf_adds(b, (display & TW_BASE_ALLOW_ZERO) ? "<none>" : "<MISSING>");
        return;
    }
    switch (display & 0xff) {
    case TW_BASE_SEP_COLON:
        sep = ':';
        break;
    case TW_BASE_SEP_DASH:
        sep = '-';
        break;
    case TW_BASE_SEP_DOT:
        sep = '.';
        break;
    case TW_BASE_SEP_SPACE:
        sep = ' ';
        break;
    default:
        break;
    }
    tw_buf_add_hexbytes(b, p, n, sep);
}

static void add_uint_base(struct tw_buf *b, uint64_t v, uint16_t base, int hexd)
{
    switch (base) {
    case TW_BASE_HEX:
        tw_buf_add(b, "0x", 2);
        tw_buf_add_hex(b, v, hexd);
        break;
    case TW_BASE_OCT:
        if (v)
            tw_buf_printf(b, "0%llo", (unsigned long long)v);
        else
            tw_buf_addc(b, '0');
        break;
    case TW_BASE_DEC_HEX:
        tw_buf_add_u64(b, v);
        tw_buf_add(b, " (0x", 4);
        tw_buf_add_hex(b, v, hexd);
        tw_buf_addc(b, ')');
        break;
    case TW_BASE_HEX_DEC:
        tw_buf_add(b, "0x", 2);
        tw_buf_add_hex(b, v, hexd);
        tw_buf_add(b, " (", 2);
        tw_buf_add_u64(b, v);
        tw_buf_addc(b, ')');
        break;
    default:
        tw_buf_add_u64(b, v);
        break;
    }
}

void tw_fmt_value(struct tw_buf *b, const struct tw_rec *r)
{
    const struct tw_field_info *fi = tw_field(r->field);
    const struct tw_field_def *d = fi->def;
    switch (d->type) {
    case TW_FT_NONE:
        /* tshark -T fields prints a present text-only item (subtrees, experts) as "1" */
        tw_buf_addc(b, '1');
        break;
    case TW_FT_PROTOCOL:
        if (r->label)
            tw_buf_adds(b, r->label);
        else
            tw_buf_adds(b, d->abbrev);
        break;
    case TW_FT_BOOLEAN:
        tw_buf_addc(b, r->v.u ? '1' : '0');
        break;
    case TW_FT_CHAR:
    case TW_FT_UINT8:
    case TW_FT_UINT16:
    case TW_FT_UINT24:
    case TW_FT_UINT32:
    case TW_FT_UINT40:
    case TW_FT_UINT48:
    case TW_FT_UINT56:
    case TW_FT_UINT64:
    case TW_FT_FRAMENUM: {
        /* -T fields prints hex bases alone (no decimal part) with the type's width */
        uint16_t base = d->display;
        if (base == TW_BASE_HEX_DEC)
            base = TW_BASE_HEX;
        else if (base == TW_BASE_DEC_HEX)
            base = TW_BASE_DEC;
        add_uint_base(b, r->v.u, base, hex_digits_for_type(d->type));
        break;
    }
    case TW_FT_INT8:
    case TW_FT_INT16:
    case TW_FT_INT24:
    case TW_FT_INT32:
    case TW_FT_INT40:
    case TW_FT_INT48:
    case TW_FT_INT56:
    case TW_FT_INT64:
        tw_buf_add_i64(b, r->v.i);
        break;
    case TW_FT_FLOAT:
        /* FLT_DIG significant digits, as tshark prints single-precision values */
        add_double_prec(b, r->v.d, 6);
        break;
    case TW_FT_DOUBLE:
        add_double(b, r->v.d);
        break;
    case TW_FT_ABSOLUTE_TIME:
        /* an unset time (Wireshark's nstime "unset", as NTP's all-zero timestamp) */
        if (r->v.t.sec == 0 && r->v.t.nsec == TW_TIME_UNSET_NSEC)
            tw_buf_adds(b, "NULL");
        else
            tw_buf_add_abs_time(b, r->v.t, 9, d->display == TW_ABSTIME_UTC);
        break;
    case TW_FT_RELATIVE_TIME:
        tw_buf_add_rel_time(b, r->v.t, 9);
        break;
    case TW_FT_STRING:
    case TW_FT_STRINGZ:
    case TW_FT_UINT_STRING:
        /* the bytes as they are: -T fields escapes tabs and newlines, JSON its own set */
        tw_buf_add(b, (const char *)r->v.b.p, r->v.b.n);
        break;
    case TW_FT_ETHER:
        if (r->v.b.n >= 6) tw_buf_add_ether(b, r->v.b.p);
        break;
    case TW_FT_EUI64:
        tw_buf_add_hexbytes(b, r->v.b.p, r->v.b.n, ':');
        break;
    case TW_FT_IPv4:
        if (r->v.b.n >= 4) tw_buf_add_ipv4(b, r->v.b.p);
        break;
    case TW_FT_IPv6:
        if (r->v.b.n >= 16) tw_buf_add_ipv6(b, r->v.b.p);
        break;
    case TW_FT_GUID: {
        const uint8_t *g = r->v.b.p;
        if (r->v.b.n >= 16)
            tw_buf_printf(b, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          g[0], g[1], g[2], g[3], g[4], g[5], g[6], g[7], g[8], g[9], g[10], g[11],
                          g[12], g[13], g[14], g[15]);
        break;
    }
    case TW_FT_OID: { /* dotted text, as tshark prints object identifiers */
        char oid[256];
        if (tw_ber_oid_text(r->v.b.p, r->v.b.n, oid, sizeof oid))
            tw_buf_adds(b, oid);
        else
            add_bytes_sep(b, r->v.b.p, r->v.b.n, d->display);
        break;
    }
    case TW_FT_BYTES: /* add_bytes_sep writes tshark's text for an empty value */
    case TW_FT_UINT_BYTES:
    default:
        add_bytes_sep(b, r->v.b.p, r->v.b.n, d->display);
        break;
    }
}

/* "0100 ...." style bit pattern of a masked field within its type's width */
static void add_bit_pattern(struct tw_buf *b, uint64_t mask, int width, uint64_t rawval)
{
    /* groups of four from the most significant bit, as Wireshark (a 6-bit field: "0... ..") */
    for (int j = 0; j < width; j++) {
        uint64_t bit = (uint64_t)1 << (width - 1 - j);
        if (j && j % 4 == 0) tw_buf_addc(b, ' ');
        tw_buf_addc(b, (mask & bit) ? ((rawval & bit) ? '1' : '0') : '.');
    }
    tw_buf_add(b, " = ", 3);
}

static void add_vals(struct tw_buf *b, const struct tw_field_def *d, uint64_t v, bool *found)
{
    const char *s = NULL;
    if (d->vals) s = tw_vs_find(d->vals, (uint32_t)v);
    if (!s && d->rvals) s = tw_rs_find(d->rvals, (uint32_t)v);
    *found = s != NULL;
    if (s)
        tw_buf_adds(b, s);
    else if (d->vals || d->rvals)
        tw_buf_adds(b, "Unknown");
}

static void label_raw(struct tw_buf *b, const struct tw_pkt *p, const struct tw_rec *r)
{
    (void)p;
    bool gen = false;
    if (gen) tw_buf_addc(b, '[');
    if (r->label) {
        tw_buf_adds(b, r->label);
        if (gen) tw_buf_addc(b, ']');
        return;
    }
    if (r->field == 0) {
        if (gen) tw_buf_addc(b, ']');
        return;
    }
    const struct tw_field_info *fi = tw_field(r->field);
    const struct tw_field_def *d = fi->def;
    bool masked = d->mask != 0 && (tw_ft_is_uint(d->type) || d->type == TW_FT_BOOLEAN);
    if (masked) {
        int width = d->type == TW_FT_BOOLEAN ? d->display : fi->width;
        if (width <= 0 || width > 64) width = 64 - __builtin_clzll(d->mask);
        uint64_t raw = d->type == TW_FT_BOOLEAN ? (r->v.u ? d->mask : 0) : (r->v.u << fi->shift);
        add_bit_pattern(b, d->mask, width, raw);
    }
    switch (d->type) {
    case TW_FT_PROTOCOL:
        tw_buf_adds(b, d->name);
        break;
    case TW_FT_NONE:
        tw_buf_adds(b, d->name);
        break;
    case TW_FT_BOOLEAN: {
        tw_buf_adds(b, d->name);
        tw_buf_add(b, ": ", 2);
        const struct tw_tfs *t = d->tfs ? d->tfs : &tw_tfs_true_false;
        tw_buf_adds(b, r->v.u ? t->t : t->f);
        break;
    }
    default:
        tw_buf_adds(b, d->name);
        tw_buf_add(b, ": ", 2);
        if (tw_ft_is_uint(d->type)) {
            int hexd = hex_digits_for_label(fi);
            if ((d->vals || d->rvals) && d->display == TW_BASE_NONE) {
                bool found;
                add_vals(b, d, r->v.u, &found); /* BASE_NONE: the name alone */
            } else if (d->vals || d->rvals) {
                bool found;
                add_vals(b, d, r->v.u, &found);
                tw_buf_add(b, " (", 2);
                add_uint_base(b, r->v.u, d->display == TW_BASE_NONE ? TW_BASE_DEC : d->display,
                              hexd);
                tw_buf_addc(b, ')');
            } else {
                add_uint_base(b, r->v.u, d->display, hexd);
            }
        } else if (tw_ft_is_int(d->type)) {
            if (d->vals) {
                bool found;
                add_vals(b, d, (uint64_t)r->v.i, &found);
                tw_buf_printf(b, " (%lld)", (long long)r->v.i);
            } else {
                tw_buf_add_i64(b, r->v.i);
            }
        } else if (d->type == TW_FT_RELATIVE_TIME) {
            tw_buf_add_rel_time(b, r->v.t, 9);
            tw_buf_adds(b, " seconds");
        } else if (d->type == TW_FT_ETHER && r->v.b.n >= 6) {
            /* "Broadcast (ff:ff:ff:ff:ff:ff)" when names are on */
            if (tw_names_enabled()) {
                tw_buf_adds(b, tw_ether_name(r->v.b.p));
                tw_buf_add(b, " (", 2);
                tw_buf_add_ether(b, r->v.b.p);
                tw_buf_addc(b, ')');
            } else {
                tw_buf_add_ether(b, r->v.b.p);
            }
        } else if (d->type == TW_FT_STRING || d->type == TW_FT_STRINGZ ||
                   d->type == TW_FT_UINT_STRING) {
            add_label_string(b, r->v.b.p, r->v.b.n);
        } else if ((d->type == TW_FT_BYTES || d->type == TW_FT_UINT_BYTES) && r->v.b.n > 36) {
            /* trees show at most 36 bytes of a byte field, then an ellipsis */
            struct tw_rec cut = *r;
            cut.v.b.n = 36;
            tw_fmt_value(b, &cut);
            tw_buf_adds(b, "\xe2\x80\xa6");
        } else {
            tw_fmt_value(b, r);
        }
        if (d->unit) add_unit(b, d, r);
        break;
    }
    if (gen) tw_buf_addc(b, ']');
}

/* Wireshark keeps a custom item label (one a dissector formats itself) in 240 bytes: a longer
 * one is cut at 239, at a UTF-8 character boundary; a "Name: value" string label too long is cut
 * with " [truncated]" after the name (frame.protocols included: tshark 4.0.17 cuts it in
 * links.pcap and x509-tls.pcap alike). */
#define LABEL_MAX 239
void tw_fmt_label(struct tw_buf *b, const struct tw_pkt *p, const struct tw_rec *r)
{
    bool gen = r->flags & TW_RF_GENERATED;
    if (gen) tw_buf_addc(b, '[');
    size_t s0 = b->len;
    label_raw(b, p, r);
    if (r->label && b->len - s0 > LABEL_MAX && (r->flags & TW_RF_MARK_TRUNC)) {
        /* label_mark_truncated() at position 0: " [truncated]" then the text */
        static const char trunc[] = " [truncated]";
        const size_t tl = sizeof trunc - 1;
        if (tw_buf_reserve(b, tl) && b->p) {
            char *l = b->p + s0;
            memmove(l + tl, l, LABEL_MAX + 1 - tl);
            memcpy(l, trunc, tl);
            size_t cut = LABEL_MAX - 1; /* what tshark 4.0 shows: 238 bytes */
            while (cut > 0 && ((uint8_t)l[cut] & 0xc0) == 0x80) cut--;
            b->len = s0 + cut;
        }
    } else if (r->label && b->len - s0 > LABEL_MAX) {
        size_t cut = s0 + LABEL_MAX;
        while (cut > s0 && ((uint8_t)b->p[cut] & 0xc0) == 0x80) cut--;
        b->len = cut;
    } else if (!r->label && r->field && b->len - s0 > LABEL_MAX) {
        /* Wireshark's label_fill(): a "Name: value" label of a string that does not fit in 240
         * bytes becomes "Name [truncated]: valu" cut at 238 bytes (label_mark_truncated). */
        const struct tw_field_def *d = tw_field(r->field)->def;
        if ((d->type == TW_FT_STRING || d->type == TW_FT_STRINGZ) && d->mask == 0) {
            static const char trunc[] = " [truncated]";
            const size_t tl = sizeof trunc - 1;
            size_t name_pos = strlen(d->name);
            if (name_pos < LABEL_MAX + 1 - tl && tw_buf_reserve(b, tl) && b->p) {
                char *l = b->p + s0;
                memmove(l + name_pos + tl, l + name_pos, LABEL_MAX + 1 - name_pos - tl);
                memcpy(l + name_pos, trunc, tl);
                size_t cut = LABEL_MAX - 1; /* what tshark 4.0 shows: 238 bytes */
                while (cut > 0 && ((uint8_t)l[cut] & 0xc0) == 0x80) cut--;
                b->len = s0 + cut;
            }
        }
    }
    if (gen) tw_buf_addc(b, ']');
}

void tw_fmt_addr(struct tw_buf *b, const struct tw_addr *a, bool resolve)
{
    switch (a->type) {
    case TW_AT_ETHER:
        if (resolve)
            tw_buf_adds(b, tw_ether_name(a->p));
        else
            tw_buf_add_ether(b, a->p);
        break;
    case TW_AT_IPv4:
        tw_buf_add_ipv4(b, a->p);
        break;
    case TW_AT_IPv6:
        tw_buf_add_ipv6(b, a->p);
        break;
    case TW_AT_STR:
        tw_buf_add(b, a->p, a->len);
        break;
    case TW_AT_OTHER:
        tw_buf_add_hexbytes(b, a->p, a->len, ':');
        break;
    default:
        break;
    }
}

static int frac_digits(const struct tw_pkt *p)
{
    const struct tw_iface *ifc = p->iface;
    uint64_t u = ifc ? ifc->tsresol_units : 1000000;
    int d = 0;
    while (u > 1 && d < 9) {
        u = (u + 9) / 10;
        d++;
    }
    return d;
}

static void add_clock(struct tw_buf *b, struct tw_time t, bool utc, bool date, int prec)
{
    struct tm tm;
    time_t s = (time_t)t.sec;
    if (!(utc ? gmtime_r(&s, &tm) : localtime_r(&s, &tm))) return;
    if (date) tw_buf_printf(b, "%04d-%02d-%02d ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
    tw_buf_printf(b, "%02d:%02d:%02d", tm.tm_hour, tm.tm_min, tm.tm_sec);
    if (prec > 0) {
        char frac[9];
        uint32_t ns = t.nsec < 0 ? 0 : (uint32_t)t.nsec % 1000000000u;
        for (int i = 8; i >= 0; i--, ns /= 10) frac[i] = (char)('0' + ns % 10);
        tw_buf_addc(b, '.');
        tw_buf_add(b, frac, (size_t)(prec > 9 ? 9 : prec));
    }
}

void tw_fmt_time_col(struct tw_buf *b, const struct tw_pkt *p, enum tw_time_fmt tf)
{
    int prec = frac_digits(p);
    switch (tf) {
    case TW_TIME_ABS:
        add_clock(b, p->frame->ts, false, false, prec);
        break;
    case TW_TIME_ABS_DATE:
        add_clock(b, p->frame->ts, false, true, prec);
        break;
    case TW_TIME_UTC:
        add_clock(b, p->frame->ts, true, false, prec);
        break;
    case TW_TIME_UTC_DATE:
        add_clock(b, p->frame->ts, true, true, prec);
        break;
    case TW_TIME_DELTA:
        tw_buf_add_rel_time(b, p->delta, prec);
        break;
    case TW_TIME_DELTA_DISP:
        tw_buf_add_rel_time(b, p->delta_disp, prec);
        break;
    case TW_TIME_EPOCH:
        tw_buf_add_rel_time(b, p->frame->ts, prec);
        break;
    case TW_TIME_REL:
    default:
        tw_buf_add_rel_time(b, p->rel, prec);
        break;
    }
}
