/* Target policies by name, the host -> policy map (--stream-policy POLICY[@CIDR], longest prefix
 * wins) and the checksum mode (--checksum-mode): the run's stream options. */
#include "stream.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

struct tw_stream_opts tw_stream_opts = {
    .map = {.n = 0, .def = TW_SPOL_BSD}, .cksum_mode = TW_CKMODE_ALL, .follow_policy = -1};

static const char *const spol_names[] = {
    [TW_SPOL_FIRST] = "first",     [TW_SPOL_LAST] = "last",           [TW_SPOL_BSD] = "bsd",
    [TW_SPOL_LINUX] = "linux",     [TW_SPOL_OLD_LINUX] = "old-linux", [TW_SPOL_WINDOWS] = "windows",
    [TW_SPOL_WIN2003] = "win2003", [TW_SPOL_VISTA] = "vista",         [TW_SPOL_SOLARIS] = "solaris",
    [TW_SPOL_HPUX10] = "hpux10",   [TW_SPOL_HPUX11] = "hpux11",       [TW_SPOL_IRIX] = "irix",
    [TW_SPOL_MACOS] = "macos",     [TW_SPOL_BSD_RIGHT] = "bsd-right",
};

static const char *const fpol_names[] = {
    [TW_FPOL_FIRST] = "first",         [TW_FPOL_LAST] = "last",   [TW_FPOL_BSD] = "bsd",
    [TW_FPOL_BSD_RIGHT] = "bsd-right", [TW_FPOL_LINUX] = "linux", [TW_FPOL_WINDOWS] = "windows",
    [TW_FPOL_SOLARIS] = "solaris",
};

int tw_spol_parse(const char *name, size_t n)
{
    for (unsigned i = 0; i < TW_ARRAY_LEN(spol_names); i++)
        if (strlen(spol_names[i]) == n && memcmp(spol_names[i], name, n) == 0) return (int)i;
    return -1;
}

const char *tw_spol_name(unsigned pol)
{
    return pol < TW_ARRAY_LEN(spol_names) ? spol_names[pol] : "?";
}

const char *tw_fpol_name(unsigned pol)
{
    return pol < TW_ARRAY_LEN(fpol_names) ? fpol_names[pol] : "?";
}

enum tw_fpol tw_spol_frag(unsigned pol)
{
    switch (pol) {
    case TW_SPOL_BSD:
    case TW_SPOL_HPUX10:
    case TW_SPOL_IRIX:
        return TW_FPOL_BSD;
    case TW_SPOL_BSD_RIGHT:
        return TW_FPOL_BSD_RIGHT;
    case TW_SPOL_LINUX:
    case TW_SPOL_OLD_LINUX:
        return TW_FPOL_LINUX;
    case TW_SPOL_FIRST:
    case TW_SPOL_HPUX11:
    case TW_SPOL_MACOS:
        return TW_FPOL_FIRST;
    case TW_SPOL_SOLARIS:
        return TW_FPOL_SOLARIS;
    case TW_SPOL_WINDOWS:
    case TW_SPOL_WIN2003:
    case TW_SPOL_VISTA:
        return TW_FPOL_WINDOWS;
    case TW_SPOL_LAST:
        return TW_FPOL_LAST;
    default:
        return TW_FPOL_BSD;
    }
}

static bool parse_cidr(const char *s, uint8_t *family, uint8_t *addr, uint8_t *bits)
{
    char tmp[64];
    const char *slash = strchr(s, '/');
    size_t al = slash ? (size_t)(slash - s) : strlen(s);
    if (al == 0 || al >= sizeof tmp) return false;
    memcpy(tmp, s, al);
    tmp[al] = 0;
    memset(addr, 0, 16);
    unsigned maxbits;
    if (inet_pton(AF_INET, tmp, addr) == 1) {
        *family = 4;
        maxbits = 32;
    } else if (inet_pton(AF_INET6, tmp, addr) == 1) {
        *family = 6;
        maxbits = 128;
    } else {
        return false;
    }
    unsigned b = maxbits;
    if (slash) {
        const char *q = slash + 1;
        if (!*q) return false;
        b = 0;
        for (; *q; q++) {
            if (*q < '0' || *q > '9') return false;
            b = b * 10 + (unsigned)(*q - '0');
            if (b > maxbits) return false;
        }
    }
    *bits = (uint8_t)b;
    /* clear the host bits so that lookups compare prefixes only */
    for (unsigned i = b; i < maxbits; i++) addr[i / 8] &= (uint8_t) ~(0x80u >> (i % 8));
    return true;
}

bool tw_stream_policy_arg(const char *arg, char *err, size_t errlen)
{
    struct tw_policy_map *m = &tw_stream_opts.map;
    const char *at = strchr(arg, '@');
    size_t nl = at ? (size_t)(at - arg) : strlen(arg);
    int pol = tw_spol_parse(arg, nl);
    if (pol < 0) {
        snprintf(err, errlen,
                 "unknown policy \"%.*s\" (first, last, bsd, bsd-right, linux, old-linux, windows, "
                 "win2003, vista, solaris, hpux10, hpux11, irix, macos)",
                 (int)nl, arg);
        return false;
    }
    if (!at) {
        m->def = (uint8_t)pol;
        return true;
    }
    if (m->n >= TW_STREAM_MAX_MAP) {
        snprintf(err, errlen, "too many --stream-policy entries (at most %d)", TW_STREAM_MAX_MAP);
        return false;
    }
    if (!parse_cidr(at + 1, &m->e[m->n].family, m->e[m->n].addr, &m->e[m->n].bits)) {
        snprintf(err, errlen, "invalid address or CIDR \"%s\"", at + 1);
        return false;
    }
    m->e[m->n].pol = (uint8_t)pol;
    m->n++;
    return true;
}

bool tw_stream_cksum_arg(const char *arg)
{
    if (strcmp(arg, "all") == 0)
        tw_stream_opts.cksum_mode = TW_CKMODE_ALL;
    else if (strcmp(arg, "none") == 0)
        tw_stream_opts.cksum_mode = TW_CKMODE_NONE;
    else if (strcmp(arg, "offload") == 0)
        tw_stream_opts.cksum_mode = TW_CKMODE_OFFLOAD;
    else
        return false;
    return true;
}

static bool prefix_eq(const uint8_t *a, const uint8_t *b, unsigned bits)
{
    unsigned whole = bits / 8, rest = bits % 8;
    if (memcmp(a, b, whole) != 0) return false;
    if (!rest) return true;
    uint8_t mask = (uint8_t)(0xff00u >> rest);
    return (a[whole] & mask) == (b[whole] & mask);
}

unsigned tw_policy_lookup(const struct tw_policy_map *m, const struct tw_addr *a)
{
    int best = -1, bestbits = -1;
    uint8_t fam = a->type == TW_AT_IPv4 ? 4 : a->type == TW_AT_IPv6 ? 6 : 0;
    if (fam && a->p)
        for (uint32_t i = 0; i < m->n; i++)
            if (m->e[i].family == fam && (int)m->e[i].bits > bestbits &&
                prefix_eq(m->e[i].addr, a->p, m->e[i].bits)) {
                best = (int)i;
                bestbits = m->e[i].bits;
            }
    return best >= 0 ? m->e[best].pol : m->def;
}
