/* Hex text input (--hex): frames written as text, one frame per block.
 *
 * Two layouts, chosen per line:
 *  - offset form (text2pcap / od / tcpdump -xx / hexdump -C): "0000  00 11 bc ..." or
 *    "0x0010:  0011 bc56 ...". A line's first token is a hex offset (3+ digits, or any length
 *    with a 0x prefix or a trailing ':'); an offset of 0 starts a new frame. Byte tokens are 2
 *    hex digits (or 4, tcpdump's 16-bit groups); the first other token ends the line's bytes, so
 *    the ASCII column of a dump is ignored, and the next line's offset caps how many bytes this
 *    line may contribute (an ASCII column that happens to look like hex is not taken as data).
 *  - bare form (tutorials): whitespace-separated 2-digit hex bytes, or one long run of hex
 *    digits; a blank line ends the frame.
 * Lines starting with '#' are comments. Frames get timestamps 1 microsecond apart from the
 * epoch, as text2pcap does for input without times. */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>

#define HEX_MAX_INPUT ((size_t)512 << 20)
#define HEX_MAX_FRAME 262144u

static int hexval(int ch)
{
    if (ch >= '0' && ch <= '9') return ch - '0';
    if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
    if (ch >= 'A' && ch <= 'F') return ch - 'A' + 10;
    return -1;
}

bool tw_hex_open(struct tw_capture *c, char *err, size_t errlen)
{
    /* read everything: hex text is small, and offsets need look-ahead */
    size_t cap = 1 << 16, len = 0;
    char *t = malloc(cap + 1);
    if (!t) {
        snprintf(err, errlen, "out of memory");
        return false;
    }
    for (;;) {
        if (len == cap) {
            if (cap >= HEX_MAX_INPUT) {
                snprintf(err, errlen, "hex input larger than %zu bytes", HEX_MAX_INPUT);
                free(t);
                return false;
            }
            cap *= 2;
            char *n = realloc(t, cap + 1);
            if (!n) {
                free(t);
                snprintf(err, errlen, "out of memory");
                return false;
            }
            t = n;
        }
        long r = tw_src_read(&c->src, (uint8_t *)t + len, cap - len);
        if (r < 0) {
            free(t);
            snprintf(err, errlen, "read error");
            return false;
        }
        if (r == 0) break;
        len += (size_t)r;
    }
    t[len] = 0;
    c->text = t;
    c->text_len = len;
    c->text_pos = 0;
    c->hexbuf_cap = 4096; /* grows with the frames, up to HEX_MAX_FRAME */
    c->hexbuf = malloc(c->hexbuf_cap);
    c->ifs = calloc(1, sizeof *c->ifs);
    if (!c->hexbuf || !c->ifs) {
        snprintf(err, errlen, "out of memory");
        return false;
    }
    c->nifs = c->ifs_cap = 1;
    c->ifs[0].linktype = c->hex_linktype;
    c->ifs[0].snaplen = HEX_MAX_FRAME;
    c->ifs[0].tsresol_units = 1000000;
    c->ifs[0].tsresol_raw = 6;
    c->ifs[0].fcs_len = -1;
    return true;
}

struct line {
    const char *p, *e; /* [p, e) without the newline */
    size_t next;       /* position after the newline */
};

static struct line get_line(const struct tw_capture *c, size_t pos)
{
    struct line l;
    l.p = c->text + pos;
    const char *end = c->text + c->text_len;
    const char *q = memchr(l.p, '\n', (size_t)(end - l.p));
    l.e = q ? q : end;
    l.next = (size_t)((q ? q + 1 : end) - c->text);
    if (l.e > l.p && l.e[-1] == '\r') l.e--;
    return l;
}

static const char *skip_ws(const char *p, const char *e)
{
    while (p < e && (*p == ' ' || *p == '\t')) p++;
    return p;
}

/* Parse a leading offset token. Returns true with *val and *after set if the line has one. */
static bool parse_offset(const char *p, const char *e, uint64_t *val, const char **after)
{
    p = skip_ws(p, e);
    bool prefix = false;
    if (e - p > 2 && p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
        p += 2;
        prefix = true;
    }
    const char *d = p;
    uint64_t v = 0;
    while (p < e && hexval((unsigned char)*p) >= 0 && p - d < 16) v = v << 4 | (uint64_t)hexval((unsigned char)*p++);
    size_t nd = (size_t)(p - d);
    if (nd == 0) return false;
    bool colon = p < e && *p == ':';
    if (colon) p++;
    if (p < e && *p != ' ' && *p != '\t') return false;
    /* offsets have 3..8 digits (od, text2pcap, hexdump) unless marked by 0x or ':'; a longer
     * run of digits is data written without spaces */
    if (!(prefix || colon || (nd >= 3 && nd <= 8))) return false;
    *val = v;
    *after = p;
    return true;
}

/* Byte tokens from [p, e), at most `limit` bytes (SIZE_MAX: no limit). */
static size_t parse_bytes(const char *p, const char *e, uint8_t *out, size_t room, size_t limit,
                          bool bare)
{
    size_t n = 0;
    while (n < limit && n < room) {
        p = skip_ws(p, e);
        if (p >= e) break;
        const char *s = p;
        if (bare && e - p > 2 && p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) s = p += 2;
        while (p < e && hexval((unsigned char)*p) >= 0) p++;
        size_t nd = (size_t)(p - s);
        if (p < e && *p != ' ' && *p != '\t') break; /* not a pure hex token: the ASCII column */
        if (nd == 0 || nd % 2) break;
        if (!bare && nd > 4) break;
        for (size_t i = 0; i < nd && n < limit && n < room; i += 2)
            out[n++] = (uint8_t)(hexval((unsigned char)s[i]) << 4 | hexval((unsigned char)s[i + 1]));
    }
    return n;
}

/* Room for the bytes one more line can hold (at most half its characters). */
static void ensure_room(struct tw_capture *c, size_t n, const struct line *l)
{
    size_t need = n + (size_t)(l->e - l->p) / 2 + 8;
    if (need > HEX_MAX_FRAME) need = HEX_MAX_FRAME;
    if (need <= c->hexbuf_cap) return;
    size_t ncap = c->hexbuf_cap;
    while (ncap < need) ncap *= 2;
    if (ncap > HEX_MAX_FRAME) ncap = HEX_MAX_FRAME;
    uint8_t *nb = realloc(c->hexbuf, ncap);
    if (!nb) return; /* keep the smaller buffer: bytes beyond it are dropped and reported */
    c->hexbuf = nb;
    c->hexbuf_cap = ncap;
}

static bool blank(struct line l)
{
    const char *p = skip_ws(l.p, l.e);
    return p >= l.e;
}

int tw_hex_next(struct tw_capture *c, struct tw_frame *f)
{
    size_t n = 0;
    bool started = false, offset_form = false;
    uint64_t frame_start_pos = 0;
    while (c->text_pos < c->text_len) {
        struct line l = get_line(c, c->text_pos);
        const char *p = skip_ws(l.p, l.e);
        if (p < l.e && *p == '#') {
            c->text_pos = l.next;
            continue;
        }
        if (blank(l)) {
            c->text_pos = l.next;
            if (started && !offset_form) break;
            continue;
        }
        uint64_t off;
        const char *after;
        ensure_room(c, n, &l);
        if (parse_offset(l.p, l.e, &off, &after)) {
            if (started && (!offset_form || off == 0)) break; /* next frame begins here */
            if (!started) {
                started = true;
                offset_form = true;
                frame_start_pos = c->text_pos;
            }
            if (off > n && off - n <= HEX_MAX_FRAME) {
                /* a gap in the offsets: text2pcap treats it as damage; pad nothing, note it */
                tw_log(TW_LOG_WARN, "hex frame %llu: offset 0x%llx skips ahead of %zu bytes read",
                       (unsigned long long)c->recno + 1, (unsigned long long)off, n);
            } else if (off < n) {
                n = (size_t)off; /* rewrite: later lines win */
            }
            /* the next line's offset bounds this line's byte count */
            size_t limit = SIZE_MAX;
            struct line nl = get_line(c, l.next);
            uint64_t noff;
            const char *nafter;
            if (l.next < c->text_len && parse_offset(nl.p, nl.e, &noff, &nafter) && noff > off)
                limit = (size_t)(noff - off);
            n += parse_bytes(after, l.e, c->hexbuf + n, c->hexbuf_cap - n, limit, false);
        } else {
            size_t k = parse_bytes(l.p, l.e, c->hexbuf + n, c->hexbuf_cap - n, SIZE_MAX, true);
            if (k == 0) {
                /* prose between frames: it ends a bare frame and is otherwise ignored */
                c->text_pos = l.next;
                if (started && !offset_form) break;
                continue;
            }
            if (started && offset_form) break;
            if (!started) {
                started = true;
                frame_start_pos = c->text_pos;
            }
            n += k;
        }
        c->text_pos = l.next;
    }
    if (!started) return 0;
    memset(f, 0, sizeof *f);
    f->data = c->hexbuf;
    f->caplen = f->wirelen = (uint32_t)n;
    f->recno = ++c->recno;
    f->ts.sec = (int64_t)((f->recno - 1) / 1000000);
    f->ts.nsec = (int32_t)((f->recno - 1) % 1000000 * 1000);
    f->ts_raw = f->recno - 1; /* microseconds */
    f->linktype = c->hex_linktype;
    f->fcs_len = -1;
    f->file_off = frame_start_pos;
    return 1;
}
