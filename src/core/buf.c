/* dynbuf with a mandatory maximum, plus the small text formatters every sink shares. */
#include "core.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void tw_buf_init(struct tw_buf *b, size_t max)
{
    b->p = NULL;
    b->len = b->cap = 0;
    b->max = max;
    b->overflow = false;
}

void tw_buf_free(struct tw_buf *b)
{
    free(b->p);
    b->p = NULL;
    b->len = b->cap = 0;
}

bool tw_buf_reserve(struct tw_buf *b, size_t extra)
{
    if (b->cap - b->len >= extra) return true;
    if (extra > b->max || b->len > b->max - extra) {
        b->overflow = true;
        return false;
    }
    size_t ncap = b->cap ? b->cap : TW_MIN((size_t)256, b->max);
    while (ncap - b->len < extra) ncap = ncap > b->max / 2 ? b->max : ncap * 2;
    if (ncap > b->max) ncap = b->max; /* capacity never exceeds the max: the fast path relies on it */
    char *np = realloc(b->p, ncap);
    if (!np) {
        b->overflow = true;
        return false;
    }
    b->p = np;
    b->cap = ncap;
    return true;
}

bool tw_buf_add_slow(struct tw_buf *b, const void *p, size_t n)
{
    if (!tw_buf_reserve(b, n)) return false;
    if (n) memcpy(b->p + b->len, p, n);
    b->len += n;
    return true;
}

/* The common conversions (%d %i %u %x %X %c %s %%, flags 0 and -, a width, %.*s, length
 * modifiers hh h l ll z) are formatted here: dissectors build Info columns with them for every
 * packet, and libc's vsnprintf costs several times more. Anything else goes to vsnprintf. */
/* decimal digits of v, written backwards ending at e; returns the first digit. Two digits per
 * division, and 32-bit division when the value fits. */
static const char digit_pairs[201] = "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
                                     "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
                                     "8081828384858687888990919293949596979899";
static char *utoa_rev(char *e, unsigned long long v)
{
    while (v > 0xffffffffull) {
        unsigned r = (unsigned)(v % 100);
        v /= 100;
        e -= 2;
        memcpy(e, digit_pairs + 2 * r, 2);
    }
    uint32_t w = (uint32_t)v;
    while (w >= 100) {
        uint32_t r = w % 100;
        w /= 100;
        e -= 2;
        memcpy(e, digit_pairs + 2 * r, 2);
    }
    if (w >= 10) {
        e -= 2;
        memcpy(e, digit_pairs + 2 * w, 2);
    } else {
        *--e = (char)('0' + w);
    }
    return e;
}

static void pad_out(struct tw_buf *b, const char *s, size_t n, unsigned width, bool left, char padc)
{
    size_t fill = width > n ? width - n : 0;
    if (!left && fill && padc == '0' && n && s[0] == '-') {
        tw_buf_addc(b, '-');
        s++, n--;
    }
    if (!left) tw_buf_add_pad(b, padc, fill);
    tw_buf_add(b, s, n);
    if (left) tw_buf_add_pad(b, ' ', fill);
}

static bool fast_vprintf(struct tw_buf *b, const char *f, va_list ap)
{
    static const char lo[] = "0123456789abcdef", up[] = "0123456789ABCDEF";
    while (*f) {
        const char *lit = f;
        while (*f && *f != '%') f++;
        if (f > lit) tw_buf_add(b, lit, (size_t)(f - lit));
        if (!*f) break;
        f++;
        if (*f == '%') {
            tw_buf_addc(b, '%');
            f++;
            continue;
        }
        bool left = false;
        char padc = ' ';
        for (; *f == '0' || *f == '-'; f++) {
            if (*f == '-') left = true;
            else padc = '0';
        }
        if (left) padc = ' ';
        unsigned width = 0;
        while (*f >= '0' && *f <= '9') width = width * 10 + (unsigned)(*f++ - '0');
        if (f[0] == '.' && f[1] == '*' && f[2] == 's') {
            int prec = va_arg(ap, int);
            const char *str = va_arg(ap, const char *);
            size_t n = 0;
            if (!str) str = "(null)";
            while ((prec < 0 || n < (size_t)prec) && str[n]) n++;
            pad_out(b, str, n, width, left, ' ');
            f += 3;
            continue;
        }
        int lng = 0; /* -2 hh, -1 h, 0 int, 1 l, 2 ll, 3 z */
        for (;; f++) {
            if (*f == 'h') lng = lng == -1 ? -2 : -1;
            else if (*f == 'l') lng = lng == 1 ? 2 : 1;
            else if (*f == 'z') lng = 3;
            else break;
        }
        char conv = *f++;
        switch (conv) {
        case 'd': case 'i': case 'u': case 'x': case 'X': case 'c': case 's': break;
        default: return false; /* not ours: vsnprintf */
        }
        char tmp[24];
        char *e = tmp + sizeof tmp, *q = e;
        if (conv == 's') {
            const char *str = va_arg(ap, const char *);
            if (!str) str = "(null)";
            pad_out(b, str, strlen(str), width, left, ' ');
            continue;
        }
        if (conv == 'c') {
            char ch = (char)va_arg(ap, int);
            pad_out(b, &ch, 1, width, left, ' ');
            continue;
        }
        if (conv == 'd' || conv == 'i') {
            long long v = lng == 2 ? va_arg(ap, long long)
                        : lng == 1 ? va_arg(ap, long)
                        : lng == 3 ? (long long)va_arg(ap, ptrdiff_t)
                                   : va_arg(ap, int);
            if (lng == -1) v = (short)v;
            if (lng == -2) v = (signed char)v;
            unsigned long long u = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
            q = utoa_rev(q, u);
            if (v < 0) *--q = '-';
        } else {
            unsigned long long u = lng == 2 ? va_arg(ap, unsigned long long)
                                 : lng == 1 ? va_arg(ap, unsigned long)
                                 : lng == 3 ? va_arg(ap, size_t)
                                            : va_arg(ap, unsigned);
            if (lng == -1) u = (unsigned short)u;
            if (lng == -2) u = (unsigned char)u;
            if (conv == 'u') {
                q = utoa_rev(q, u);
            } else {
                const char *dig = conv == 'X' ? up : lo;
                do *--q = dig[u & 15]; while (u >>= 4);
            }
        }
        pad_out(b, q, (size_t)(e - q), width, left, padc);
    }
    return true;
}

bool tw_buf_vprintf(struct tw_buf *b, const char *fmt, va_list ap)
{
    /* our formatter first; on a conversion it does not know, undo and let libc do it all */
    size_t at = b->len;
    va_list ap0;
    va_copy(ap0, ap);
    if (fast_vprintf(b, fmt, ap0)) {
        va_end(ap0);
        return true;
    }
    va_end(ap0);
    b->len = at;
    va_list ap2;
    va_copy(ap2, ap);
    size_t room = b->cap - b->len;
    int n = vsnprintf(room ? b->p + b->len : NULL, room, fmt, ap);
    if (n < 0) {
        va_end(ap2);
        return false;
    }
    if ((size_t)n < room) {
        b->len += (size_t)n;
        va_end(ap2);
        return true;
    }
    if (!tw_buf_reserve(b, (size_t)n + 1)) {
        va_end(ap2);
        return false;
    }
    vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap2);
    va_end(ap2);
    b->len += (size_t)n;
    return true;
}

bool tw_buf_printf(struct tw_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    bool ok = tw_buf_vprintf(b, fmt, ap);
    va_end(ap);
    return ok;
}

bool tw_buf_add_u64(struct tw_buf *b, uint64_t v)
{
    char tmp[24];
    char *q = utoa_rev(tmp + sizeof tmp, v);
    return tw_buf_add(b, q, (size_t)(tmp + sizeof tmp - q));
}

bool tw_buf_add_i64(struct tw_buf *b, int64_t v)
{
    if (v < 0) {
        if (!tw_buf_addc(b, '-')) return false;
        return tw_buf_add_u64(b, (uint64_t)0 - (uint64_t)v);
    }
    return tw_buf_add_u64(b, (uint64_t)v);
}

static const char hexdig[] = "0123456789abcdef";

bool tw_buf_add_hex(struct tw_buf *b, uint64_t v, int digits)
{
    char tmp[16];
    int i = 16;
    do {
        tmp[--i] = hexdig[v & 15];
        v >>= 4;
    } while (v && i > 0);
    while (16 - i < digits && i > 0) tmp[--i] = '0';
    return tw_buf_add(b, tmp + i, (size_t)(16 - i));
}

bool tw_buf_add_pad(struct tw_buf *b, char ch, size_t n)
{
    if (n == 0) return true;
    if (!tw_buf_reserve(b, n)) return false;
    memset(b->p + b->len, ch, n);
    b->len += n;
    return true;
}

bool tw_buf_add_hexbytes(struct tw_buf *b, const uint8_t *p, size_t n, char sep)
{
    size_t need = sep && n ? n * 3 - 1 : n * 2;
    if (!tw_buf_reserve(b, need)) return false;
    char *o = b->p + b->len;
    for (size_t i = 0; i < n; i++) {
        if (sep && i) *o++ = sep;
        *o++ = hexdig[p[i] >> 4];
        *o++ = hexdig[p[i] & 15];
    }
    b->len += need;
    return true;
}

size_t tw_fmt_ipv4(char *out, const uint8_t *a)
{
    char *o = out;
    for (int i = 0; i < 4; i++) {
        unsigned v = a[i];
        if (i) *o++ = '.';
        if (v >= 100) *o++ = (char)('0' + v / 100);
        if (v >= 10) *o++ = (char)('0' + v / 10 % 10);
        *o++ = (char)('0' + v % 10);
    }
    *o = 0;
    return (size_t)(o - out);
}

size_t tw_fmt_ipv6(char *out, const uint8_t *a)
{
    uint16_t w[8];
    for (int i = 0; i < 8; i++) w[i] = (uint16_t)(a[2 * i] << 8 | a[2 * i + 1]);
    /* IPv4-mapped and IPv4-compatible forms print the tail dotted, as inet_ntop does. */
    bool v4 = w[0] == 0 && w[1] == 0 && w[2] == 0 && w[3] == 0 && w[4] == 0 &&
              ((w[5] == 0xffff) || (w[5] == 0 && w[6] != 0));
    int best = -1, bestlen = 0, cur = -1, curlen = 0;
    int nw = v4 ? 6 : 8;
    for (int i = 0; i < nw; i++) {
        if (w[i] == 0) {
            if (cur < 0) cur = i, curlen = 0;
            curlen++;
            if (curlen > bestlen) best = cur, bestlen = curlen;
        } else {
            cur = -1;
        }
    }
    if (bestlen < 2) best = -1;
    char *o = out;
    for (int i = 0; i < nw; i++) {
        if (i == best) {
            *o++ = ':';
            if (i == 0) *o++ = ':';
            i += bestlen - 1;
            continue;
        }
        uint16_t x = w[i];
        int started = 0;
        for (int s = 12; s >= 0; s -= 4) {
            unsigned d = (x >> s) & 15;
            if (d || started || s == 0) *o++ = hexdig[d], started = 1;
        }
        if (i < nw - 1 || v4) *o++ = ':';
    }
    if (v4) o += tw_fmt_ipv4(o, a + 12);
    *o = 0;
    return (size_t)(o - out);
}

bool tw_buf_add_ipv4(struct tw_buf *b, const uint8_t *a4)
{
    char t[16];
    size_t n = tw_fmt_ipv4(t, a4);
    return tw_buf_add(b, t, n);
}

bool tw_buf_add_ipv6(struct tw_buf *b, const uint8_t *a16)
{
    char t[64];
    size_t n = tw_fmt_ipv6(t, a16);
    return tw_buf_add(b, t, n);
}

bool tw_buf_add_ether(struct tw_buf *b, const uint8_t *a6)
{
    return tw_buf_add_hexbytes(b, a6, 6, ':');
}

uint32_t tw_utf8_seq(const uint8_t *s, uint32_t n)
{
    uint8_t c = s[0];
    uint32_t k, cp;
    if (c >= 0xc2 && c <= 0xdf) {
        k = 2;
        cp = c & 0x1f;
    } else if (c >= 0xe0 && c <= 0xef) {
        k = 3;
        cp = c & 0x0f;
    } else if (c >= 0xf0 && c <= 0xf4) {
        k = 4;
        cp = c & 0x07;
    } else {
        return 0;
    }
    if (n < k) return 0;
    for (uint32_t i = 1; i < k; i++) {
        if ((s[i] & 0xc0) != 0x80) return 0;
        cp = cp << 6 | (s[i] & 0x3f);
    }
    if ((k == 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
        (k == 4 && (cp < 0x10000 || cp > 0x10ffff)))
        return 0;
    return k;
}

uint32_t tw_utf8_show(const uint8_t *s, uint32_t n, uint8_t out[4], uint32_t *outn)
{
    uint8_t c = s[0];
    if (c < 0x80) {
        out[0] = c;
        *outn = 1;
        return 1;
    }
    uint32_t need = c >= 0xc0 && c < 0xe0 ? 1 : c >= 0xe0 && c < 0xf0 ? 2 : c >= 0xf0 && c < 0xf8 ? 3 : 0;
    uint32_t cp = need == 1 ? c & 0x1fu : need == 2 ? c & 0x0fu : c & 0x07u, i = 1;
    while (i <= need && i < n && (s[i] & 0xc0) == 0x80) cp = cp << 6 | (s[i++] & 0x3fu);
    if (!need || i <= need || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) {
        memcpy(out, "\xef\xbf\xbd", 3);
        *outn = 3;
        return i;
    }
    if (cp < 0x80) {
        out[0] = (uint8_t)cp;
        *outn = 1;
    } else if (cp < 0x800) {
        out[0] = (uint8_t)(0xc0 | cp >> 6);
        out[1] = (uint8_t)(0x80 | (cp & 0x3f));
        *outn = 2;
    } else if (cp < 0x10000) {
        out[0] = (uint8_t)(0xe0 | cp >> 12);
        out[1] = (uint8_t)(0x80 | (cp >> 6 & 0x3f));
        out[2] = (uint8_t)(0x80 | (cp & 0x3f));
        *outn = 3;
    } else {
        out[0] = (uint8_t)(0xf0 | cp >> 18);
        out[1] = (uint8_t)(0x80 | (cp >> 12 & 0x3f));
        out[2] = (uint8_t)(0x80 | (cp >> 6 & 0x3f));
        out[3] = (uint8_t)(0x80 | (cp & 0x3f));
        *outn = 4;
    }
    return i;
}

uint8_t *tw_utf8_valid(struct tw_arena *a, const uint8_t *s, uint32_t n, uint32_t *out_len)
{
    uint8_t *o = tw_arena_alloc(a, (size_t)n * 3 + 1);
    if (!o) return NULL;
    uint32_t k = 0;
    for (uint32_t i = 0; i < n;) {
        if (s[i] < 0x80) {
            o[k++] = s[i++];
            continue;
        }
        uint32_t q = tw_utf8_seq(s + i, n - i);
        if (q) {
            memcpy(o + k, s + i, q);
            k += q;
            i += q;
        } else {
            memcpy(o + k, "\xef\xbf\xbd", 3);
            k += 3;
            i++;
        }
    }
    o[k] = 0;
    *out_len = k;
    return o;
}
