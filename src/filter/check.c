/* filter semantic check: names against the field registry (and the Wireshark catalogue), types
 * of every expression, literal conversion to constants at compile time, tshark's messages. */
#include "internal.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#define VT_UNKNOWN 0xFF

static const char *const ft_desc[TW_FT_COUNT] = {
    [TW_FT_NONE] = "Label",
    [TW_FT_PROTOCOL] = "Protocol",
    [TW_FT_BOOLEAN] = "Boolean",
    [TW_FT_CHAR] = "Character (8 bits)",
    [TW_FT_UINT8] = "Unsigned integer (1 byte)",
    [TW_FT_UINT16] = "Unsigned integer (2 bytes)",
    [TW_FT_UINT24] = "Unsigned integer (3 bytes)",
    [TW_FT_UINT32] = "Unsigned integer (4 bytes)",
    [TW_FT_UINT40] = "Unsigned integer (5 bytes)",
    [TW_FT_UINT48] = "Unsigned integer (6 bytes)",
    [TW_FT_UINT56] = "Unsigned integer (7 bytes)",
    [TW_FT_UINT64] = "Unsigned integer (8 bytes)",
    [TW_FT_INT8] = "Signed integer (1 byte)",
    [TW_FT_INT16] = "Signed integer (2 bytes)",
    [TW_FT_INT24] = "Signed integer (3 bytes)",
    [TW_FT_INT32] = "Signed integer (4 bytes)",
    [TW_FT_INT40] = "Signed integer (5 bytes)",
    [TW_FT_INT48] = "Signed integer (6 bytes)",
    [TW_FT_INT56] = "Signed integer (7 bytes)",
    [TW_FT_INT64] = "Signed integer (8 bytes)",
    [TW_FT_FLOAT] = "Floating point (single-precision)",
    [TW_FT_DOUBLE] = "Floating point (double-precision)",
    [TW_FT_ABSOLUTE_TIME] = "Date and time",
    [TW_FT_RELATIVE_TIME] = "Time offset",
    [TW_FT_STRING] = "Character string",
    [TW_FT_STRINGZ] = "Character string",
    [TW_FT_UINT_STRING] = "Character string",
    [TW_FT_ETHER] = "Ethernet or other MAC address",
    [TW_FT_BYTES] = "Byte sequence",
    [TW_FT_UINT_BYTES] = "Byte sequence",
    [TW_FT_IPv4] = "IPv4 address",
    [TW_FT_IPv6] = "IPv6 address",
    [TW_FT_FRAMENUM] = "Frame number",
    [TW_FT_GUID] = "Globally Unique Identifier",
    [TW_FT_OID] = "ASN.1 object identifier",
    [TW_FT_EUI64] = "EUI64 address",
};

const char *twf_ft_desc(uint8_t ft) { return ft < TW_FT_COUNT && ft_desc[ft] ? ft_desc[ft] : "?"; }

enum twf_vt twf_vt_of_ft(uint8_t ft)
{
    switch (ft) {
    case TW_FT_NONE: return VT_NONE;
    case TW_FT_PROTOCOL: return VT_PROTO;
    case TW_FT_BOOLEAN: return VT_BOOL;
    case TW_FT_CHAR: case TW_FT_UINT8: case TW_FT_UINT16: case TW_FT_UINT24: case TW_FT_UINT32:
    case TW_FT_UINT40: case TW_FT_UINT48: case TW_FT_UINT56: case TW_FT_UINT64:
    case TW_FT_FRAMENUM: return VT_UINT;
    case TW_FT_INT8: case TW_FT_INT16: case TW_FT_INT24: case TW_FT_INT32: case TW_FT_INT40:
    case TW_FT_INT48: case TW_FT_INT56: case TW_FT_INT64: return VT_INT;
    case TW_FT_FLOAT: case TW_FT_DOUBLE: return VT_DOUBLE;
    case TW_FT_ABSOLUTE_TIME: return VT_ABSTIME;
    case TW_FT_RELATIVE_TIME: return VT_RELTIME;
    case TW_FT_STRING: case TW_FT_STRINGZ: case TW_FT_UINT_STRING: return VT_STRING;
    case TW_FT_ETHER: return VT_ETHER;
    case TW_FT_IPv4: return VT_IPV4;
    case TW_FT_IPv6: return VT_IPV6;
    case TW_FT_GUID: return VT_GUID;
    case TW_FT_OID: return VT_OID;
    case TW_FT_EUI64: return VT_EUI64;
    default: return VT_BYTES;
    }
}

const char *twf_vt_name(uint8_t vt)
{
    static const char *const n[] = {"NONE", "PROTOCOL", "BOOLEAN", "UINT", "INT", "DOUBLE",
                                    "ABSOLUTE_TIME", "RELATIVE_TIME", "STRING", "BYTES", "ETHER",
                                    "IPv4", "IPv6", "GUID", "OID", "EUI64"};
    return vt < TW_ARRAY_LEN(n) ? n[vt] : "?";
}

/* "2.5.29.19" -> the DER contents of that OID (first two arcs as 40*a+b, base 128); false if
 * the text is not dotted decimal with at least two arcs */
static bool oid_literal(const char *s, size_t n, uint8_t *out, size_t cap, uint32_t *len)
{
    uint64_t arcs[64];
    size_t na = 0, i = 0;
    while (i < n) {
        if (na == 64 || s[i] < '0' || s[i] > '9') return false;
        uint64_t v = 0;
        while (i < n && s[i] >= '0' && s[i] <= '9') {
            if (v > (UINT64_MAX - 9) / 10) return false;
            v = v * 10 + (uint64_t)(s[i++] - '0');
        }
        arcs[na++] = v;
        if (i < n) {
            if (s[i] != '.' || i + 1 == n) return false;
            i++;
        }
    }
    if (na < 2 || arcs[0] > 2 || (arcs[0] < 2 && arcs[1] >= 40)) return false;
    size_t o = 0;
    for (size_t k = 1; k < na; k++) {
        uint64_t v = k == 1 ? arcs[0] * 40 + arcs[1] : arcs[k];
        uint8_t tmp[10];
        size_t t = 0;
        do {
            tmp[t++] = (uint8_t)(v & 0x7f);
            v >>= 7;
        } while (v && t < sizeof tmp);
        if (o + t > cap) return false;
        while (t) {
            t--;
            out[o++] = (uint8_t)(tmp[t] | (t ? 0x80 : 0));
        }
    }
    *len = (uint32_t)o;
    return true;
}

static bool vt_is_seq(uint8_t vt)
{
    return vt == VT_PROTO || vt == VT_STRING || vt == VT_BYTES || vt == VT_ETHER ||
           vt == VT_GUID || vt == VT_OID || vt == VT_EUI64;
}
static bool vt_is_num(uint8_t vt)
{
    return vt == VT_UINT || vt == VT_INT || vt == VT_DOUBLE || vt == VT_RELTIME;
}

struct ck {
    struct tw_filter *f;
    struct twf_tree *t;
    struct twf_err *err;
    const char *text;
};

static struct twf_node *NN(struct ck *c, int32_t i) { return &c->t->n[i]; }

static bool fail(struct ck *c, const struct twf_node *n, const char *fmt, ...) TW_PRINTF(3, 4);
static bool fail(struct ck *c, const struct twf_node *n, const char *fmt, ...)
{
    char m[700];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(m, sizeof m, fmt, ap);
    va_end(ap);
    twf_errf(c->err, n->pos, n->len, true, "%s", m);
    return false;
}

/* a word names a field or protocol? Then the node becomes N_FIELD. */
static void resolve_word(struct ck *c, struct twf_node *n)
{
    if (n->kind != N_WORD && n->kind != N_REF) return;
    int id = tw_field_lookup(n->str, n->slen);
    if (id >= 0) {
        n->field = id;
        n->ft = tw_field((uint16_t)id)->def->type;
    } else {
        int ft = twf_catalogue_lookup(n->str, n->slen);
        if (ft < 0) return;
        n->cat = 1;
        n->ft = (uint8_t)ft;
    }
    if (n->kind == N_WORD) n->kind = N_FIELD;
    n->vt = (uint8_t)twf_vt_of_ft(n->ft);
    (void)c;
}

static bool is_literal(const struct twf_node *n)
{
    return n->kind == N_WORD || n->kind == N_STRING ||
           (n->kind == N_NEG && n->a < 0); /* never: placeholder */
}

/* ---- literal conversion ---- */

static bool parse_u64(const char *s, uint64_t *out, bool *toobig)
{
    *toobig = false;
    if (!*s || *s == '-' || *s == '+') return false;
    int base = 10;
    const char *p = s;
    if (p[0] == '0' && (p[1] == 'b' || p[1] == 'B')) base = 2, p += 2;
    else if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) base = 16, p += 2;
    else if (p[0] == '0' && p[1]) base = 8, p += 1;
    if (!*p) return false;
    char *end;
    errno = 0;
    unsigned long long v = strtoull(p, &end, base);
    if (*end) return false;
    if (errno == ERANGE) *toobig = true;
    *out = v;
    return true;
}

/* aa:bb:cc, aa-bb-cc, aa.bb.cc, or one byte "2" / "22" */
static bool parse_bytes(const char *s, size_t n, uint8_t *out, uint32_t *olen)
{
    uint32_t k = 0;
    size_t i = 0;
    char sep = 0;
    if (n == 0) return false;
    if (n <= 2) {
        int a = tw_hexdigit(s[0]), b = n == 2 ? tw_hexdigit(s[1]) : 0;
        if (a < 0 || b < 0) return false;
        out[0] = (uint8_t)(n == 2 ? a * 16 + b : a);
        *olen = 1;
        return true;
    }
    while (i < n) {
        if (i + 1 >= n) return false;
        int a = tw_hexdigit(s[i]), b = tw_hexdigit(s[i + 1]);
        if (a < 0 || b < 0) return false;
        out[k++] = (uint8_t)(a * 16 + b);
        i += 2;
        if (i == n) break;
        char x = s[i];
        if (x != ':' && x != '-' && x != '.') return false;
        if (sep && x != sep) return false;
        sep = x;
        i++;
        if (i == n) return false;
    }
    *olen = k;
    return true;
}

static const char *const month_names[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                          "jul", "aug", "sep", "oct", "nov", "dec"};

/* absolute time in the local time zone: "2020-07-04T12:34:56[.frac]", "2020-07-04 12:34:56",
 * "Jul  4, 2020 12:34:56[.frac]"; optional trailing Z / UTC for UTC */
static bool parse_abstime(const char *s, int64_t *ns)
{
    struct tm tm;
    memset(&tm, 0, sizeof tm);
    int y, mo, d, h = 0, mi = 0, sec = 0, used = 0;
    const char *p;
    if (sscanf(s, "%4d-%2d-%2d%n", &y, &mo, &d, &used) == 3) {
        p = s + used;
        if (*p == 'T' || *p == ' ') {
            p++;
            if (sscanf(p, "%2d:%2d:%2d%n", &h, &mi, &sec, &used) != 3) return false;
            p += used;
        }
    } else {
        char mon[4];
        if (sscanf(s, "%3s %d, %d %d:%d:%d%n", mon, &d, &y, &h, &mi, &sec, &used) != 6)
            return false;
        mo = 0;
        for (int i = 0; i < 12; i++)
            if (strcasecmp(mon, month_names[i]) == 0) mo = i + 1;
        if (!mo) return false;
        p = s + used;
    }
    int64_t frac = 0;
    if (*p == '.') {
        p++;
        int digits = 0;
        while (isdigit((unsigned char)*p)) {
            if (digits < 9) frac = frac * 10 + (*p - '0'), digits++;
            p++;
        }
        for (; digits < 9; digits++) frac *= 10;
    }
    bool utc = false;
    int64_t offset = 0; /* seconds east of UTC given in the literal ("+01:00") */
    while (*p == ' ') p++;
    if (*p == 'Z' || strcasecmp(p, "UTC") == 0) {
        utc = true, p += *p == 'Z' ? 1 : 3;
    } else if ((*p == '+' || *p == '-') && isdigit((unsigned char)p[1]) &&
               isdigit((unsigned char)p[2])) {
        int oh = (p[1] - '0') * 10 + (p[2] - '0'), om = 0;
        const char *q = p + 3;
        if (*q == ':') q++;
        if (isdigit((unsigned char)q[0]) && isdigit((unsigned char)q[1]))
            om = (q[0] - '0') * 10 + (q[1] - '0'), q += 2;
        if (oh > 23 || om > 59) return false;
        offset = (int64_t)(oh * 3600 + om * 60) * (*p == '-' ? -1 : 1);
        utc = true;
        p = q;
    }
    if (*p) return false;
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h < 0 || h > 23 || mi < 0 || mi > 59 ||
        sec < 0 || sec > 60 || y < 1 || y > 9999)
        return false;
    tm.tm_year = y - 1900;
    tm.tm_mon = mo - 1;
    tm.tm_mday = d;
    tm.tm_hour = h;
    tm.tm_min = mi;
    tm.tm_sec = sec;
    tm.tm_isdst = -1;
    time_t t = utc ? timegm(&tm) : mktime(&tm);
    *ns = twf_ns((int64_t)t - offset, frac);
    return true;
}

static bool vs_lookup(const struct tw_field_def *d, const char *s, uint64_t *out)
{
    if (!d) return false;
    if (d->vals)
        for (const struct tw_vs *v = d->vals; v->str; v++)
            if (strcasecmp(v->str, s) == 0) {
                *out = v->val;
                return true;
            }
    if (d->rvals)
        for (const struct tw_rs *v = d->rvals; v->str; v++)
            if (strcasecmp(v->str, s) == 0) {
                *out = v->lo;
                return true;
            }
    if (d->tfs && d->type == TW_FT_BOOLEAN) {
        if (strcasecmp(d->tfs->t, s) == 0) return *out = 1, true;
        if (strcasecmp(d->tfs->f, s) == 0) return *out = 0, true;
    }
    return false;
}

static uint64_t ft_umax(uint8_t ft)
{
    switch (ft) {
    case TW_FT_CHAR: case TW_FT_UINT8: case TW_FT_INT8: return 0xFF;
    case TW_FT_UINT16: case TW_FT_INT16: return 0xFFFF;
    case TW_FT_UINT24: case TW_FT_INT24: return 0xFFFFFF;
    case TW_FT_UINT32: case TW_FT_INT32: case TW_FT_FRAMENUM: return 0xFFFFFFFFu;
    case TW_FT_UINT40: case TW_FT_INT40: return 0xFFFFFFFFFFull;
    case TW_FT_UINT48: case TW_FT_INT48: return 0xFFFFFFFFFFFFull;
    case TW_FT_UINT56: case TW_FT_INT56: return 0xFFFFFFFFFFFFFFull;
    default: return UINT64_MAX;
    }
}

/* Convert literal node n to a constant of type vt for a field (ref gives name, ft, def). */
static bool convert(struct ck *c, struct twf_node *n, uint8_t vt, const struct twf_node *ref,
                    bool negate)
{
    struct twf_val v;
    memset(&v, 0, sizeof v);
    v.vt = vt;
    const char *s = n->str;
    char q[600];
    snprintf(q, sizeof q, "\"%s\"", s);
    bool str = n->kind == N_STRING;
    uint8_t ft = ref ? ref->ft : TW_FT_NONE;
    const struct tw_field_def *def =
        ref && ref->field >= 0 && ref->cat < 0 ? tw_field((uint16_t)ref->field)->def : NULL;
    const char *fname = ref && ref->str ? ref->str : "";
    switch (vt) {
    case VT_BOOL: {
        uint64_t u;
        bool tb;
        /* tshark 4.0 takes True/TRUE and False/FALSE unquoted (not "true", not quoted), numbers,
         * and the field's true/false strings ("Set") */
        if (!str && (strcmp(s, "True") == 0 || strcmp(s, "TRUE") == 0)) v.v.u = 1;
        else if (!str && (strcmp(s, "False") == 0 || strcmp(s, "FALSE") == 0)) v.v.u = 0;
        else if (!str && parse_u64(s, &u, &tb)) v.v.u = u != 0;
        else if (vs_lookup(def, s, &u)) v.v.u = u;
        else
            return fail(c, n, "%s cannot be found among the possible values for %s.", q, fname);
        v.vt = VT_UINT;
        break;
    }
    case VT_UINT:
    case VT_INT: {
        uint64_t u;
        bool toobig;
        if (str && !negate && vs_lookup(def, s, &u)) { /* ip.proto == "UDP" */
            if (vt == VT_INT) v.v.i = (int64_t)u;
            else v.v.u = u;
            break;
        }
        if (str && def && (def->vals || def->rvals))
            return fail(c, n, "%s cannot be found among the possible values for %s.", q, fname);
        if (str) {
            snprintf(q, sizeof q, "%s cannot be converted from a string (\"%s\").",
                     twf_ft_desc(ft ? ft : (vt == VT_UINT ? TW_FT_UINT64 : TW_FT_INT64)), s);
            return fail(c, n, "%s", q);
        }
        if (parse_u64(s, &u, &toobig)) {
            uint64_t mx = ft_umax(ft);
            if (vt == VT_INT) mx >>= 1;
            if (toobig || u > mx) {
                char m[64];
                snprintf(m, sizeof m, "%llu", (unsigned long long)mx);
                snprintf(q, sizeof q, "\"%s\" too big for this field, maximum %s.", s, m);
                return fail(c, n, "%s", q);
            }
            if (negate) {
                v.vt = VT_INT;
                v.v.i = (int64_t)(0 - u); /* wraps for values above INT64_MAX */
            } else if (vt == VT_INT) {
                v.v.i = (int64_t)u;
            } else {
                v.v.u = u;
            }
        } else if (!negate && vs_lookup(def, s, &u)) {
            v.v.u = u;
            if (vt == VT_INT) v.v.i = (int64_t)u;
        } else if (def && (def->vals || def->rvals)) {
            return fail(c, n, "%s cannot be found among the possible values for %s.", q, fname);
        } else {
            return fail(c, n, "%s is not a valid number.", q);
        }
        break;
    }
    case VT_DOUBLE:
    case VT_RELTIME: {
        if (str)
            return fail(c, n, "%s cannot be converted from a string (%s).",
                        twf_ft_desc(ft ? ft : vt == VT_DOUBLE ? TW_FT_DOUBLE : TW_FT_RELATIVE_TIME), q);
        if (vt == VT_RELTIME) {
            /* tshark 4.0 reads a relative time as [-]SECONDS[.FRACTION]: at most 9 fraction
             * digits, and whatever follows them is ignored ("1.5e1" is 1.5 s), while anything
             * else after the seconds makes it invalid ("1e-3") */
            const char *t = s;
            bool neg = *t == '-';
            if (neg) t++;
            if (!isdigit((unsigned char)*t)) return fail(c, n, "%s is not a valid time.", q);
            uint64_t secs = 0;
            while (isdigit((unsigned char)*t)) {
                if (secs > 9223372036ull) return fail(c, n, "%s is not a valid time.", q);
                secs = secs * 10 + (uint64_t)(*t++ - '0');
            }
            int64_t fr = 0;
            if (*t == '.') {
                t++;
                int digits = 0;
                while (isdigit((unsigned char)*t)) {
                    if (++digits > 9) return fail(c, n, "%s is not a valid time.", q);
                    fr = fr * 10 + (*t++ - '0');
                }
                for (; digits < 9; digits++) fr *= 10;
            } else if (*t) {
                return fail(c, n, "%s is not a valid time.", q);
            }
            /* seconds beyond what nanoseconds in 64 bits hold saturate (tshark takes such a
             * literal and no relative time reaches it) */
            int64_t ns = secs > 9223372035ull ? INT64_MAX : (int64_t)secs * 1000000000 + fr;
            v.v.ns = (neg != negate) ? -ns : ns;
            break;
        }
        char *end;
        errno = 0;
        double d = strtod(s, &end);
        if (!*s || *end || errno || !(s[0] == '.' || s[0] == '-' || isdigit((unsigned char)s[0])))
            return fail(c, n, vt == VT_DOUBLE ? "%s is not a valid number." : "%s is not a valid time.",
                        q);
        if (negate) d = -d;
        if (vt == VT_DOUBLE) v.v.d = d;
        else if (!(d * 1e9 < 9.2e18 && d * 1e9 > -9.2e18)) v.v.ns = d < 0 ? INT64_MIN + 1 : INT64_MAX;
        else v.v.ns = (int64_t)(d * 1e9 + (d < 0 ? -0.5 : 0.5));
        break;
    }
    case VT_ABSTIME:
        if (!parse_abstime(s, &v.v.ns))
            return fail(c, n,
                        "%s is not a valid absolute time. Example: \"Nov 12, 1999 08:55:44.123\" or "
                        "\"2011-07-04 12:34:56\"",
                        q);
        break;
    case VT_STRING:
        v.v.b.p = (const uint8_t *)twf_own(c->f, s, n->slen);
        v.v.b.n = n->slen;
        if (!v.v.b.p) return false;
        break;
    case VT_IPV4:
    case VT_IPV6: {
        if (str)
            return fail(c, n, "%s cannot be converted from a string (%s).",
                        vt == VT_IPV4 ? "IPv4 address" : "IPv6 address", q);
        char buf[128];
        const char *slash = strchr(s, '/');
        size_t al = slash ? (size_t)(slash - s) : strlen(s);
        int bits = vt == VT_IPV4 ? 32 : 128;
        const char *what = vt == VT_IPV4 ? "IPv4" : "IPv6";
        if (al >= sizeof buf) return fail(c, n, "%s is not a valid hostname or %s address.", q, what);
        memcpy(buf, s, al);
        buf[al] = 0;
        uint8_t a[16];
        if (inet_pton(vt == VT_IPV4 ? AF_INET : AF_INET6, buf, a) != 1)
            return fail(c, n, "%s is not a valid hostname or %s address.", q, what);
        int m = bits;
        if (slash) {
            uint64_t u;
            bool tb;
            if (!parse_u64(slash + 1, &u, &tb))
                return fail(c, n, "%s is not a valid hostname or %s address.", q, what);
            if (u > (uint64_t)bits) {
                if (vt == VT_IPV4)
                    return fail(c, n, "Netmask bits in a CIDR IPv4 address should be <= 32, not %s",
                                slash + 1);
                return fail(c, n, "Prefix in a IPv6 address should be <= 128, not %s", slash + 1);
            }
            m = (int)u;
        }
        v.mask = (uint8_t)m;
        if (vt == VT_IPV4) v.v.a4 = (uint32_t)a[0] << 24 | (uint32_t)a[1] << 16 | (uint32_t)a[2] << 8 | a[3];
        else memcpy(v.v.a6, a, 16);
        break;
    }
    default: {
        /* byte sequences: protocols, bytes, MACs, GUIDs... */
        uint8_t tmp[512];
        uint32_t bl = 0;
        const uint8_t *src;
        if (str && vt == VT_ETHER)
            return fail(c, n, "%s cannot be converted from a string (%s).",
                        "Ethernet or other MAC address", q);
        if (str && vt == VT_OID)
            return fail(c, n, "%s cannot be converted from a string (%s).",
                        "ASN.1 object identifier", q);
        if (str) {
            src = (const uint8_t *)s;
            bl = n->slen;
        } else {
            uint64_t u1;
            bool tb1;
            /* an integer that fits one byte is that byte (ip[9] == 0x11, frame contains 0xff) */
            if (vt != VT_ETHER && (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) &&
                parse_u64(s, &u1, &tb1) && !tb1 && u1 <= 0xff) {
                tmp[0] = (uint8_t)u1;
                bl = 1;
            } else if (vt == VT_ETHER && n->slen == 14 && s[4] == '.' && s[9] == '.') {
                /* Cisco's spelling of a MAC address: 0000.0c07.ac01 */
                bool good = true;
                for (int g = 0; g < 3 && good; g++)
                    for (int h = 0; h < 2 && good; h++) {
                        int hi = tw_hexdigit(s[g * 5 + h * 2]), lo = tw_hexdigit(s[g * 5 + h * 2 + 1]);
                        good = hi >= 0 && lo >= 0;
                        tmp[g * 2 + h] = (uint8_t)(hi << 4 | lo);
                    }
                if (!good) return fail(c, n, "%s is not a valid Ethernet address.", q);
                bl = 6;
            } else if (vt == VT_OID) {
                /* an object identifier in dotted form only: its DER contents */
                if (!oid_literal(s, n->slen, tmp, sizeof tmp, &bl))
                    return fail(c, n, "%s is not a valid OBJECT IDENTIFIER.", q);
            } else if (n->slen / 2 + 1 > sizeof tmp || !parse_bytes(s, n->slen, tmp, &bl)) {
                if (vt == VT_ETHER)
                    return fail(c, n, "%s is not a valid Ethernet address.", q);
                return fail(c, n, "%s is not a valid byte string.", q);
            }
            src = tmp;
        }
        if (vt == VT_ETHER && !str && bl != 6)
            return fail(c, n,
                        bl < 6 ? "%s contains too few bytes to be a valid Ethernet address."
                               : "%s contains too many bytes to be a valid Ethernet address.",
                        q);
        v.v.b.p = (const uint8_t *)twf_own(c->f, (const char *)src, bl);
        v.v.b.n = bl;
        if (!v.v.b.p) return false;
        v.vt = vt == VT_STRING ? VT_STRING : VT_BYTES;
        break;
    }
    }
    n->konst = twf_add_const(c->f, &v);
    n->vt = vt;
    return n->konst >= 0;
}

/* a function argument of the wrong kind: tshark points at an operator, a token, or (slices)
 * nowhere */
static void arg_fail(struct ck *c, const struct twf_node *an, const char *msg)
{
    if (an->kind == N_ARITH) twf_errf(c->err, an->opos, an->olen, true, "%s", msg);
    else if (an->kind == N_SLICE) twf_errf(c->err, 0, 0, false, "%s", msg);
    else twf_errf(c->err, an->pos, an->len, true, "%s", msg);
}

/* ---- expression types ---- */

static uint8_t infer(struct ck *c, int32_t i);
static bool settle(struct ck *c, int32_t i, uint8_t vt, const struct twf_node *ref);

static bool fn_lookup(const char *name, uint8_t *fn)
{
    static const char *const names[] = {"len", "count", "upper", "lower", "string", "max", "min", "abs"};
    for (uint8_t k = 0; k < TW_ARRAY_LEN(names); k++)
        if (strcmp(names[k], name) == 0) {
            *fn = k;
            return true;
        }
    return false;
}

/* infer without converting literals: VT_UNKNOWN for a bare literal; sets err on failure
 * (returns VT_UNKNOWN then too: callers check err->set) */
static uint8_t infer(struct ck *c, int32_t i)
{
    struct twf_node *n = NN(c, i);
    switch (n->kind) {
    case N_WORD:
        resolve_word(c, n);
        if (n->kind == N_FIELD) return n->vt;
        return VT_UNKNOWN;
    case N_STRING: return VT_UNKNOWN;
    case N_FIELD: return n->vt;
    case N_REF:
        resolve_word(c, n);
        if (n->field < 0 && n->cat < 0) {
            fail(c, n, "%s is neither a field nor a protocol name.", n->str);
            return VT_UNKNOWN;
        }
        return n->vt;
    case N_SLICE: {
        struct twf_node *x = NN(c, n->a);
        uint8_t vt = infer(c, n->a);
        if (c->err->set) return VT_UNKNOWN;
        if (x->kind == N_WORD) {
            fail(c, x, "%s is neither a field nor a protocol name.", x->str);
            return VT_UNKNOWN;
        }
        if (!vt_is_seq(vt) && vt != VT_IPV4 && vt != VT_IPV6) {
            char m[300];
            snprintf(m, sizeof m, "\"%.*s\" is a %s and cannot be sliced into a sequence of bytes.",
                     (int)x->len, c->text + x->pos, twf_ft_desc(x->ft));
            fail(c, x, "%s", m);
            return VT_UNKNOWN;
        }
        n->vt = vt == VT_STRING ? VT_STRING : VT_BYTES;
        return n->vt;
    }
    case N_FUNC: {
        uint8_t fn;
        if (!fn_lookup(n->str, &fn)) {
            fail(c, n, "Function '%s' does not exist", n->str);
            return VT_UNKNOWN;
        }
        n->op = fn;
        uint32_t nargs = 0;
        for (int32_t a = n->a; a >= 0; a = NN(c, a)->next) nargs++;
        uint32_t want_min = 1, want_max = fn == F_MAX || fn == F_MIN ? 8 : 1;
        if (nargs < want_min || nargs > want_max) {
            char m[200];
            if (nargs < want_min)
                snprintf(m, sizeof m, "Function %s needs at least %u arguments.", n->str, want_min);
            else
                snprintf(m, sizeof m, "Function %s can only accept %u arguments.", n->str, want_max);
            fail(c, n, "%s", m);
            return VT_UNKNOWN;
        }
        uint8_t t0 = VT_UNKNOWN;
        for (int32_t a = n->a; a >= 0; a = NN(c, a)->next) {
            struct twf_node *an = NN(c, a);
            uint8_t t = infer(c, a);
            if (c->err->set) return VT_UNKNOWN;
            if ((fn == F_UPPER || fn == F_LOWER) && (t != VT_STRING || an->kind != N_FIELD)) {
                char m[100];
                snprintf(m, sizeof m, "Only string type fields can be used as parameter for %s()",
                         n->str);
                arg_fail(c, an, m);
                return VT_UNKNOWN;
            }
            if ((fn == F_LEN || fn == F_COUNT || fn == F_STRING) && an->kind != N_FIELD &&
                an->kind != N_REF) {
                char m[100];
                snprintf(m, sizeof m, "Only fields can be used as parameter for %s()", n->str);
                arg_fail(c, an, m);
                return VT_UNKNOWN;
            }
            if (0) {
                char m[100];
                snprintf(m, sizeof m, "Only string type fields can be used as parameter for %s()",
                         n->str);
                fail(c, an, "%s", m);
                return VT_UNKNOWN;
            }
            if ((fn == F_ABS || fn == F_MAX || fn == F_MIN) && t != VT_UNKNOWN && !vt_is_num(t) &&
                t != VT_ABSTIME) {
                char m[200];
                snprintf(m, sizeof m, "Argument '%.*s' is not a number", (int)an->len,
                         c->text + an->pos);
                fail(c, an, "%s", m);
                return VT_UNKNOWN;
            }
            if (t0 == VT_UNKNOWN) t0 = t;
        }
        if (t0 == VT_UNKNOWN && (fn == F_ABS || fn == F_MAX || fn == F_MIN)) {
            fail(c, NN(c, n->a), "Need a field or field-like value on the LHS.");
            return VT_UNKNOWN;
        }
        switch (fn) {
        case F_LEN: case F_COUNT: return n->vt = VT_UINT;
        case F_UPPER: case F_LOWER: case F_STRING: return n->vt = VT_STRING;
        default:
            if (t0 == VT_UNKNOWN) {
                fail(c, n, "Function %s needs a field argument", n->str);
                return VT_UNKNOWN;
            }
            /* literals, also inside an argument's arithmetic (abs(ip.ttl - 64)) */
            for (int32_t a = n->a; a >= 0; a = NN(c, a)->next)
                if (!settle(c, a, t0, NULL)) return VT_UNKNOWN;
            return n->vt = t0 == VT_UINT && fn == F_ABS ? VT_UINT : t0;
        }
    }
    case N_NEG: {
        uint8_t t = infer(c, n->a);
        if (c->err->set) return VT_UNKNOWN;
        if (t == VT_UINT) t = VT_INT;
        return n->vt = t;
    }
    case N_ARITH: {
        uint8_t l = infer(c, n->a);
        if (c->err->set) return VT_UNKNOWN;
        uint8_t r = infer(c, n->b);
        if (c->err->set) return VT_UNKNOWN;
        uint8_t t = l != VT_UNKNOWN ? l : r;
        if (t == VT_UNKNOWN) return VT_UNKNOWN;
        /* times: tshark 4.0 adds and subtracts relative times only */
        if ((t == VT_RELTIME && n->op != A_ADD && n->op != A_SUB) || t == VT_ABSTIME) {
            static const char *const sym[] = {[A_ADD] = "+", [A_SUB] = "-", [A_MUL] = "*",
                                              [A_DIV] = "/", [A_MOD] = "%", [A_BAND] = "&"};
            struct twf_node *x = NN(c, l != VT_UNKNOWN ? n->a : n->b);
            fail(c, x, "%s cannot %s.", t == VT_RELTIME ? "FT_RELATIVE_TIME" : "FT_ABSOLUTE_TIME",
                 n->op < TW_ARRAY_LEN(sym) && sym[n->op] ? sym[n->op] : "?");
            return VT_UNKNOWN;
        }
        if (!vt_is_num(t) && !(n->op == A_BAND && (t == VT_BOOL || (vt_is_seq(t) && t != VT_PROTO)))) {
            char m[300];
            struct twf_node *x = NN(c, l != VT_UNKNOWN ? n->a : n->b);
            snprintf(m, sizeof m, "%.*s (type=%s) cannot participate in arithmetic operation.",
                     (int)x->len, c->text + x->pos, twf_vt_name(t));
            fail(c, x, "%s", m);
            return VT_UNKNOWN;
        }
        if (t == VT_BOOL) t = VT_UINT;
        return n->vt = t;
    }
    default: return VT_UNKNOWN;
    }
}

/* after the type is known: convert the literals inside expression i to vt */
static bool settle(struct ck *c, int32_t i, uint8_t vt, const struct twf_node *ref)
{
    struct twf_node *n = NN(c, i);
    switch (n->kind) {
    case N_WORD:
    case N_STRING: return convert(c, n, vt, ref, false);
    case N_NEG: {
        struct twf_node *x = NN(c, n->a);
        if (x->kind == N_WORD) {
            if (!convert(c, x, vt, ref, true)) return false;
            n->konst = x->konst;
            n->vt = c->f->consts[x->konst].vt;
            return true;
        }
        if (!settle(c, n->a, vt, ref)) return false;
        n->vt = NN(c, n->a)->vt == VT_UINT ? VT_INT : NN(c, n->a)->vt;
        return true;
    }
    case N_ARITH: {
        const struct twf_node *la = NN(c, n->a), *rb = NN(c, n->b);
        const struct twf_node *r2 = la->kind == N_FIELD ? la : rb->kind == N_FIELD ? rb : ref;
        if (!settle(c, n->a, vt, r2) || !settle(c, n->b, vt, r2)) return false;
        n->vt = vt;
        return true;
    }
    default: return true;
    }
}

static bool types_compatible(uint8_t a, uint8_t b)
{
    if (a == b) return true;
    if (vt_is_num(a) && vt_is_num(b) && a != VT_RELTIME && b != VT_RELTIME) return true;
    if ((a == VT_BOOL && b == VT_UINT) || (a == VT_UINT && b == VT_BOOL)) return true;
    if (vt_is_seq(a) && vt_is_seq(b)) return true;
    return false;
}

static const char *const cmp_spelling[] = {"==", "!=", "===", "!==", ">", ">=", "<", "<=",
                                           "contains", "matches"};

static bool check_cmp(struct ck *c, struct twf_node *n)
{
    struct twf_node *l = NN(c, n->a), *r = NN(c, n->b);
    uint8_t lt = infer(c, n->a);
    if (c->err->set) return false;
    if (lt == VT_UNKNOWN && (l->kind == N_WORD || l->kind == N_STRING)) {
        char m[600];
        snprintf(m, sizeof m, "Left side of \"%s\" expression must be a field or function, not %.*s.",
                 cmp_spelling[n->op], (int)l->len, c->text + l->pos);
        return fail(c, l, "%s", m);
    }
    uint8_t rt = infer(c, n->b);
    if (c->err->set) return false;
    if (lt == VT_UNKNOWN) lt = rt;
    if (lt == VT_UNKNOWN) {
        return fail(c, l, "Constant expression is invalid on the LHS");
    }
    if (lt == VT_NONE) {
        char m[300];
        snprintf(m, sizeof m, "%.*s (type=%s) cannot participate in %s comparison.", (int)l->len,
                 c->text + l->pos, twf_ft_desc(l->ft), n->op == C_CONTAINS ? "contains" :
                 n->op == C_MATCHES ? "matches" : "'=='");
        return fail(c, l, "%s", m);
    }
    if (n->op == C_MATCHES && r->kind != N_STRING)
        return fail(c, r, "Matches requires a double quoted string on the right side.");
    if (n->op == C_CONTAINS || n->op == C_MATCHES) {
        if (!vt_is_seq(lt)) {
            char m[300];
            snprintf(m, sizeof m, "%.*s (type=%s) cannot participate in %s comparison.",
                     (int)l->len, c->text + l->pos,
                     l->kind == N_FIELD ? twf_ft_desc(l->ft) : twf_vt_name(lt),
                     n->op == C_CONTAINS ? "contains" : "matches");
            return fail(c, l, "%s", m);
        }
        if (n->op == C_MATCHES) {
            if (r->kind != N_STRING && r->kind != N_WORD)
                return fail(c, r, "Matches requires a string on the right side");
            if (!convert(c, r, VT_STRING, l, false)) return false;
            n->vt = lt;
            return true;
        }
    }
    const struct twf_node *ref = l->kind == N_FIELD ? l : r->kind == N_FIELD ? r : l;
    if (rt == VT_UNKNOWN || r->kind == N_ARITH || r->kind == N_NEG) {
        if (!settle(c, n->b, lt == VT_PROTO ? VT_BYTES : lt, ref)) return false;
    } else if (!types_compatible(lt, rt)) {
        char m[600];
        snprintf(m, sizeof m, "%.*s and %.*s are not of compatible types.", (int)l->len,
                 c->text + l->pos, (int)r->len, c->text + r->pos);
        return fail(c, r, "%s", m);
    }
    if (l->kind == N_ARITH || l->kind == N_NEG)
        if (!settle(c, n->a, lt, ref)) return false;
    n->vt = lt;
    return true;
}

static bool check_node(struct ck *c, int32_t i, int depth)
{
    struct twf_node *n = NN(c, i);
    if (depth > 2 * TWF_MAX_DEPTH) return fail(c, n, "Filter expression is nested too deeply.");
    switch (n->kind) {
    case N_AND:
    case N_OR: return check_node(c, n->a, depth + 1) && check_node(c, n->b, depth + 1);
    case N_NOT: return check_node(c, n->a, depth + 1);
    case N_CMP: return check_cmp(c, n);
    case N_IN: {
        struct twf_node *l = NN(c, n->a);
        uint8_t lt = infer(c, n->a);
        if (c->err->set) return false;
        if (lt == VT_UNKNOWN) {
            char m[600];
            snprintf(m, sizeof m, "Left side of \"in\" expression must be a field or function, not %.*s.",
                     (int)l->len, c->text + l->pos);
            return fail(c, l, "%s", m);
        }
        const struct twf_node *ref = l->kind == N_FIELD ? l : NULL;
        for (int32_t e = NN(c, n->b)->a; e >= 0; e = NN(c, e)->next) {
            struct twf_node *en = NN(c, e);
            int32_t parts[2] = {e, -1};
            if (en->kind == N_RANGE) parts[0] = en->a, parts[1] = en->b;
            for (int k = 0; k < 2 && parts[k] >= 0; k++) {
                uint8_t et = infer(c, parts[k]);
                if (c->err->set) return false;
                struct twf_node *pn = NN(c, parts[k]);
                if (et != VT_UNKNOWN && pn->kind != N_ARITH && pn->kind != N_NEG) {
                    return fail(c, pn, "Only literals can be used in a set, not %s", pn->str ? pn->str : "");
                }
                if (!settle(c, parts[k], lt, ref)) return false;
                if (pn->konst < 0)
                    return fail(c, pn, "Only literals can be used in a set");
            }
        }
        n->vt = lt;
        return true;
    }
    case N_TEST: {
        struct twf_node *x = NN(c, n->a);
        if (x->kind == N_WORD) {
            resolve_word(c, x);
            if (x->kind != N_FIELD) {
                char m[600];
                snprintf(m, sizeof m, "%.*s is neither a field nor a protocol name.", (int)x->len,
                         c->text + x->pos);
                return fail(c, x, "%s", m);
            }
            return true;
        }
        if (x->kind == N_FUNC) {
            uint8_t fn;
            if (!fn_lookup(x->str, &fn)) return fail(c, x, "Function '%s' does not exist", x->str);
            twf_errf(c->err, x->pos, x->len, true, "You cannot test whether a function is present.");
            return false;
        }
        if (x->kind == N_STRING) {
            char m[600];
            snprintf(m, sizeof m, "\"%s\" is neither a field nor a protocol name.", x->str);
            return fail(c, x, "%s", m);
        }
        uint8_t t = infer(c, n->a);
        if (c->err->set) return false;
        if (t == VT_UNKNOWN) return fail(c, x, "Constant expression is invalid");
        if (x->kind == N_ARITH || x->kind == N_NEG) return settle(c, n->a, t, NULL);
        return true;
    }
    default: return fail(c, n, "Unexpected expression");
    }
}

bool twf_check(struct tw_filter *f, struct twf_tree *t, int32_t root, struct twf_err *err)
{
    struct ck c = {f, t, err, f->text};
    bool ok = check_node(&c, root, 0);
    (void)is_literal;
    return ok && !err->set;
}
