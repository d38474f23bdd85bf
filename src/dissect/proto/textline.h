/* Line helpers for the text protocols on TCP (SMTP, IMAP, IMF): Wireshark's tvb_find_line_end()
 * and format_text() as tshark 4.0 behaves, shared by their files. */
#ifndef TW_PROTO_TEXTLINE_H
#define TW_PROTO_TEXTLINE_H

#include "../dissect.h"

#include <stdio.h>

/* The line from off: its length without the end of line, *next the offset after it. A line ends
 * at CR LF, CR or LF. Without one (or with a CR as the last byte) it returns -1 when need_eol
 * (the caller asks TCP for more), else the line runs to end. */
static inline int64_t tl_line_end(const uint8_t *d, uint32_t off, uint32_t end, uint32_t *next,
                                  bool need_eol)
{
    for (uint32_t i = off; i < end; i++) {
        if (d[i] == '\n') {
            *next = i + 1;
            return i - off;
        }
        if (d[i] == '\r') {
            if (i + 1 < end) {
                *next = d[i + 1] == '\n' ? i + 2 : i + 1;
                return i - off;
            }
            if (need_eol) return -1;
            *next = i + 1;
            return i - off;
        }
    }
    if (need_eol) return -1;
    *next = end;
    return end - off;
}

/* format_text(): C escapes for control characters (a backslash stays as it is in tshark 4.0),
 * \xhh for bytes that are not printable ASCII;
 * with wsp (format_text_wsp) every white-space control character becomes a space */
static inline char *tl_fmt(struct tw_pkt *p, const uint8_t *s, uint32_t n, bool wsp)
{
    char *o = tw_arena_alloc(p->arena, (size_t)n * 4 + 1);
    if (!o) return (char *)"";
    size_t k = 0;
    for (uint32_t i = 0; i < n; i++) {
        uint8_t ch = s[i];
        char e = 0;
        switch (ch) {
        case '\a':
            e = 'a';
            break;
        case '\b':
            e = 'b';
            break;
        case '\f':
            e = 'f';
            break;
        case '\n':
            e = 'n';
            break;
        case '\r':
            e = 'r';
            break;
        case '\t':
            e = 't';
            break;
        case '\v':
            e = 'v';
            break;
        default:
            break;
        }
        if (wsp &&
            (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\v' || ch == '\f')) {
            o[k++] = ' ';
        } else if (e) {
            o[k++] = '\\';
            o[k++] = e;
        } else if (ch >= 0x20 && ch < 0x7f) {
            o[k++] = (char)ch;
        } else {
            k += (size_t)snprintf(o + k, 5, "\\x%02x", ch);
        }
    }
    o[k] = 0;
    return o;
}

static inline bool tl_ieq(const uint8_t *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        uint8_t x = a[i], y = (uint8_t)b[i];
        if (x >= 'A' && x <= 'Z') x = (uint8_t)(x + 32);
        if (y >= 'A' && y <= 'Z') y = (uint8_t)(y + 32);
        if (x != y) return false;
    }
    return true;
}

static inline bool tl_isalpha(uint8_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
static inline bool tl_isspace(uint8_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

#endif
