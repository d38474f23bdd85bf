/* core: protocol-agnostic building blocks (cursor, arena, dynbuf, hash, time, log).
 * This header is the only door into src/core/. Nothing here knows a protocol. */
#ifndef TW_CORE_H
#define TW_CORE_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define TW_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))
#define TW_MIN(a, b)    ((a) < (b) ? (a) : (b))
#define TW_MAX(a, b)    ((a) > (b) ? (a) : (b))

#if defined(__GNUC__)
#define TW_LIKELY(x)      __builtin_expect(!!(x), 1)
#define TW_UNLIKELY(x)    __builtin_expect(!!(x), 0)
#define TW_PRINTF(fa, va) __attribute__((format(printf, fa, va)))
#else
#define TW_LIKELY(x)   (x)
#define TW_UNLIKELY(x) (x)
#define TW_PRINTF(fa, va)
#endif

/* ------------------------------------------------------------------------------------------
 * Cursor: the only way protocol code reads packet bytes.
 *
 * A cursor walks [off, end) of a byte array. `end` is the length the protocol claims (or the
 * wire length); `cap` is how much was actually captured (cap <= end is the snaplen case, but a
 * cursor may also have cap > end when the protocol claims less than the frame carries). A read
 * that would cross `end` sets MALFORMED (the packet lies about its own size); one that stays
 * inside `end` but crosses `cap` sets TRUNCATED (the snaplen cut it). The error is sticky:
 * every later read returns 0, remaining() returns 0, so loops over packet bytes end by
 * themselves. Offsets are absolute (from the start of the frame) so that field records can
 * point back into the frame for hex dumps.
 * ---------------------------------------------------------------------------------------- */
enum tw_cur_err { TW_CUR_OK = 0, TW_CUR_TRUNCATED = 1, TW_CUR_MALFORMED = 2 };

struct tw_cur {
    const uint8_t *data; /* base of absolute offsets (start of frame) */
    uint32_t off;        /* absolute offset of the next read */
    uint32_t end;        /* claimed end, absolute */
    uint32_t cap;        /* captured end, absolute (bytes at [off, min(end,cap)) are readable) */
    uint8_t err;         /* enum tw_cur_err, sticky */
};

/* value of a hexadecimal digit, -1 if c is not one */
static inline int tw_hexdigit(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static inline struct tw_cur tw_cur_make(const uint8_t *data, uint32_t caplen, uint32_t wirelen)
{
    struct tw_cur c = {data, 0, wirelen, caplen, TW_CUR_OK};
    return c;
}

/* Is [off, off+n) readable? If not, record why. */
static inline bool tw_cur_need(struct tw_cur *c, uint32_t n)
{
    if (TW_UNLIKELY(c->err)) return false;
    uint64_t want = (uint64_t)c->off + n;
    if (TW_UNLIKELY(want > c->end)) {
        /* Crossing the claimed end is malformed even when the snaplen also cut it, as in
         * Wireshark (ReportedBoundsError wins over BoundsError). */
        c->err = TW_CUR_MALFORMED;
        return false;
    }
    if (TW_UNLIKELY(want > c->cap)) {
        c->err = TW_CUR_TRUNCATED;
        return false;
    }
    return true;
}

/* Claimed bytes left (0 after an error). */
static inline uint32_t tw_cur_left(const struct tw_cur *c)
{
    return (c->err || c->off >= c->end) ? 0 : c->end - c->off;
}
/* Captured-and-claimed bytes left: what can really be read now. */
static inline uint32_t tw_cur_avail(const struct tw_cur *c)
{
    if (c->err) return 0;
    uint32_t e = c->end < c->cap ? c->end : c->cap;
    return c->off >= e ? 0 : e - c->off;
}
static inline bool tw_cur_ok(const struct tw_cur *c) { return c->err == TW_CUR_OK; }

static inline uint8_t tw_cur_u8(struct tw_cur *c)
{
    if (!tw_cur_need(c, 1)) return 0;
    return c->data[c->off++];
}
static inline uint16_t tw_cur_u16(struct tw_cur *c)
{
    if (!tw_cur_need(c, 2)) return 0;
    const uint8_t *p = c->data + c->off;
    c->off += 2;
    return (uint16_t)((p[0] << 8) | p[1]);
}
static inline uint32_t tw_cur_u24(struct tw_cur *c)
{
    if (!tw_cur_need(c, 3)) return 0;
    const uint8_t *p = c->data + c->off;
    c->off += 3;
    return ((uint32_t)p[0] << 16) | ((uint32_t)p[1] << 8) | p[2];
}
static inline uint32_t tw_cur_u32(struct tw_cur *c)
{
    if (!tw_cur_need(c, 4)) return 0;
    const uint8_t *p = c->data + c->off;
    c->off += 4;
    return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | p[3];
}
static inline uint64_t tw_cur_u64(struct tw_cur *c)
{
    uint64_t hi = tw_cur_u32(c);
    return (hi << 32) | tw_cur_u32(c);
}
static inline uint16_t tw_cur_u16le(struct tw_cur *c)
{
    if (!tw_cur_need(c, 2)) return 0;
    const uint8_t *p = c->data + c->off;
    c->off += 2;
    return (uint16_t)(p[0] | (p[1] << 8));
}
static inline uint32_t tw_cur_u32le(struct tw_cur *c)
{
    if (!tw_cur_need(c, 4)) return 0;
    const uint8_t *p = c->data + c->off;
    c->off += 4;
    return p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}
static inline uint64_t tw_cur_u64le(struct tw_cur *c)
{
    uint64_t lo = tw_cur_u32le(c);
    return lo | ((uint64_t)tw_cur_u32le(c) << 32);
}

/* Peek at byte `rel` ahead of the cursor without moving; an out-of-range peek is an error like
 * a read (peeking is reading). */
static inline uint8_t tw_cur_peek_u8(struct tw_cur *c, uint32_t rel)
{
    struct tw_cur t = *c;
    t.off += rel;
    if (t.off < c->off) { c->err = TW_CUR_MALFORMED; return 0; }
    uint8_t v = tw_cur_u8(&t);
    c->err = t.err;
    return v;
}
static inline uint16_t tw_cur_peek_u16(struct tw_cur *c, uint32_t rel)
{
    struct tw_cur t = *c;
    t.off += rel;
    if (t.off < c->off) { c->err = TW_CUR_MALFORMED; return 0; }
    uint16_t v = tw_cur_u16(&t);
    c->err = t.err;
    return v;
}

/* Non-failing peek: does not set an error, returns false when the bytes are not there. Use for
 * heuristics that must not mark a packet bad just by looking. */
static inline bool tw_cur_try_peek(const struct tw_cur *c, uint32_t rel, uint32_t n, const uint8_t **p)
{
    if (c->err) return false;
    uint64_t s = (uint64_t)c->off + rel, e = s + n;
    if (e > c->end || e > c->cap) return false;
    *p = c->data + s;
    return true;
}

static inline bool tw_cur_skip(struct tw_cur *c, uint32_t n)
{
    if (!tw_cur_need(c, n)) return false;
    c->off += n;
    return true;
}
/* Pointer to n readable bytes, advancing; NULL (and the error set) if they are not there. */
static inline const uint8_t *tw_cur_bytes(struct tw_cur *c, uint32_t n)
{
    if (!tw_cur_need(c, n)) return NULL;
    const uint8_t *p = c->data + c->off;
    c->off += n;
    return p;
}

/* Sub-view of the next n claimed bytes; the parent advances past them. If n exceeds what the
 * parent claims, the sub-view is clipped to the parent's end and *overrun is set (the caller
 * reports the lie); bytes beyond the capture stay unreadable (TRUNCATED on access). */
static inline struct tw_cur tw_cur_sub(struct tw_cur *c, uint32_t n, bool *overrun)
{
    struct tw_cur s = *c;
    uint64_t want = (uint64_t)c->off + n;
    bool over = c->err || want > c->end;
    if (overrun) *overrun = over;
    s.end = over ? (c->err ? c->off : c->end) : (uint32_t)want;
    if (s.cap > s.end) s.cap = s.end;
    c->off = s.end > c->off ? s.end : c->off;
    return s;
}
/* The rest of the parent as a sub-view (parent moves to its end). */
static inline struct tw_cur tw_cur_rest(struct tw_cur *c)
{
    return tw_cur_sub(c, tw_cur_left(c), NULL);
}

/* ------------------------------------------------------------------------------------------
 * Arena: per-packet bump allocator, reset after every packet. Small allocations come from its
 * buffer; one that does not fit there (a reassembled PDU of several MiB) gets a block of its
 * own, freed at the reset, up to TW_ARENA_BIG_MAX bytes of such blocks per packet. Beyond, an
 * allocation returns NULL and is counted (callers degrade, e.g. skip a label).
 * ---------------------------------------------------------------------------------------- */
#define TW_ARENA_BIG_MAX ((size_t)96 << 20)
struct tw_arena {
    uint8_t *buf;
    size_t used, size;
    uint64_t failed; /* allocations refused since creation */
    void *big;       /* blocks of their own, chained, since the last reset */
    size_t big_bytes;
};
bool tw_arena_init(struct tw_arena *a, size_t size);
void tw_arena_free(struct tw_arena *a);
void tw_arena_drop_big(struct tw_arena *a);
static inline void tw_arena_reset(struct tw_arena *a)
{
    a->used = 0;
    if (a->big) tw_arena_drop_big(a);
}
void *tw_arena_alloc(struct tw_arena *a, size_t n);

/* UTF-8: the length of the well-formed multi-byte sequence at s (2-4), or 0 (overlong, surrogate,
 * beyond U+10FFFF, cut, or not a lead byte) */
uint32_t tw_utf8_seq(const uint8_t *s, uint32_t n);
/* s as valid UTF-8 in the arena (Wireshark's ENC_UTF_8: each byte that starts no well-formed
 * sequence becomes U+FFFD); NULL when the arena is full */
uint8_t *tw_utf8_valid(struct tw_arena *a, const uint8_t *s, uint32_t n, uint32_t *out_len);
/* One character of s (n > 0 bytes) as tshark 4.0's format_text() shows it in tree lines and
 * text lines: returns the bytes it takes and writes 1-4 bytes to out (*outn): the character
 * (an overlong form decoded and written short), or U+FFFD for a stray continuation byte, a
 * cut sequence (the lead and the continuation bytes present), a surrogate or a value above
 * U+10FFFF. */
uint32_t tw_utf8_show(const uint8_t *s, uint32_t n, uint8_t out[4], uint32_t *outn);
/* printf into the arena; returns NUL-terminated string or NULL. */
char *tw_arena_printf(struct tw_arena *a, const char *fmt, ...) TW_PRINTF(2, 3);

/* ------------------------------------------------------------------------------------------
 * dynbuf: growable byte buffer with a mandatory maximum (curl's rule). Appends beyond the max
 * fail, set `overflow`, and leave the contents as they were.
 * ---------------------------------------------------------------------------------------- */
struct tw_buf {
    char *p;
    size_t len, cap, max;
    bool overflow;
};
void tw_buf_init(struct tw_buf *b, size_t max);
void tw_buf_free(struct tw_buf *b);
static inline void tw_buf_reset(struct tw_buf *b) { b->len = 0; }
bool tw_buf_reserve(struct tw_buf *b, size_t extra);
bool tw_buf_add_slow(struct tw_buf *b, const void *p, size_t n);
static inline bool tw_buf_add(struct tw_buf *b, const void *p, size_t n)
{
    if (TW_LIKELY(b->cap - b->len >= n)) {
        if (n) memcpy(b->p + b->len, p, n);
        b->len += n;
        return true;
    }
    return tw_buf_add_slow(b, p, n);
}
static inline bool tw_buf_addc(struct tw_buf *b, char ch)
{
    if (TW_LIKELY(b->len < b->cap)) {
        b->p[b->len++] = ch;
        return true;
    }
    return tw_buf_add(b, &ch, 1);
}
static inline bool tw_buf_adds(struct tw_buf *b, const char *s) { return tw_buf_add(b, s, strlen(s)); }
bool tw_buf_printf(struct tw_buf *b, const char *fmt, ...) TW_PRINTF(2, 3);
bool tw_buf_vprintf(struct tw_buf *b, const char *fmt, va_list ap) TW_PRINTF(2, 0);
bool tw_buf_add_u64(struct tw_buf *b, uint64_t v);
bool tw_buf_add_i64(struct tw_buf *b, int64_t v);
/* lowercase hex, zero padded to `digits` (0 = minimal) */
bool tw_buf_add_hex(struct tw_buf *b, uint64_t v, int digits);
bool tw_buf_add_pad(struct tw_buf *b, char ch, size_t n);

/* Append n bytes of raw hex with optional separator between bytes (0 for none). */
bool tw_buf_add_hexbytes(struct tw_buf *b, const uint8_t *p, size_t n, char sep);
/* Text forms of addresses. */
bool tw_buf_add_ipv4(struct tw_buf *b, const uint8_t *a4);
bool tw_buf_add_ipv6(struct tw_buf *b, const uint8_t *a16);
bool tw_buf_add_ether(struct tw_buf *b, const uint8_t *a6);
size_t tw_fmt_ipv6(char *out, const uint8_t *a16); /* RFC 5952 text; out >= 46 bytes */
size_t tw_fmt_ipv4(char *out, const uint8_t *a4);  /* out >= 16 bytes */

/* ------------------------------------------------------------------------------------------
 * Output: one big buffer flushed to a file descriptor, never printf per field.
 * ---------------------------------------------------------------------------------------- */
struct tw_out {
    struct tw_buf b;
    int fd;
    size_t flush_at;
    bool failed; /* a write failed (e.g. EPIPE): stop producing */
};
void tw_out_init(struct tw_out *o, int fd);
void tw_out_free(struct tw_out *o);
bool tw_out_flush(struct tw_out *o);
static inline void tw_out_maybe_flush(struct tw_out *o)
{
    if (o->b.len >= o->flush_at) tw_out_flush(o);
}

/* ------------------------------------------------------------------------------------------
 * Internet checksum (RFC 1071): one's-complement sum of 16-bit big-endian words. Accumulate
 * with tw_cksum_add (odd lengths are padded with a zero byte), finish with tw_cksum_fold, which
 * returns the 16-bit one's complement of the sum (0 when a received packet checks out).
 * ---------------------------------------------------------------------------------------- */
uint32_t tw_cksum_add(uint32_t sum, const uint8_t *p, size_t n);
static inline uint16_t tw_cksum_fold(uint32_t sum)
{
    while (sum >> 16) sum = (sum & 0xffff) + (sum >> 16);
    return (uint16_t)~sum;
}

/* ------------------------------------------------------------------------------------------
 * Hash: seeded 64-bit hash for tables that hostile traffic must not be able to flood.
 * ---------------------------------------------------------------------------------------- */
uint64_t tw_hash(const void *p, size_t n, uint64_t seed);
uint64_t tw_hash_seed_random(void);

/* ------------------------------------------------------------------------------------------
 * Time: seconds + nanoseconds, signed seconds so pre-1970 and deltas work.
 * ---------------------------------------------------------------------------------------- */
struct tw_time {
    int64_t sec;
    int32_t nsec; /* 0..999999999 for absolute times; same sign as sec for deltas */
};
/* an absolute time that is not set ({0, TW_TIME_UNSET_NSEC}): printed "NULL", as Wireshark's */
#define TW_TIME_UNSET_NSEC INT32_MAX
struct tw_time tw_time_sub(struct tw_time a, struct tw_time b);
int tw_time_cmp(struct tw_time a, struct tw_time b);
/* "Nov 23, 2026 07:15:29.152605000 UTC" in local time, as Wireshark prints absolute times */
bool tw_buf_add_abs_time(struct tw_buf *b, struct tw_time t, int prec, bool utc);
/* "0.000021000": signed seconds with `prec` decimals (truncated like Wireshark) */
bool tw_buf_add_rel_time(struct tw_buf *b, struct tw_time t, int prec);

/* ------------------------------------------------------------------------------------------
 * Log: messages to stderr with a program prefix; counts errors for the exit status.
 * ---------------------------------------------------------------------------------------- */
enum tw_log_level { TW_LOG_ERROR, TW_LOG_WARN, TW_LOG_INFO, TW_LOG_DEBUG };
void tw_log(enum tw_log_level lvl, const char *fmt, ...) TW_PRINTF(2, 3);
extern unsigned tw_log_errors; /* number of TW_LOG_ERROR messages so far */
extern int tw_log_verbosity;   /* max level printed */

#endif
