/* Internal to src/capture/: the byte source, the read window and the per-format readers. */
#ifndef TW_CAPTURE_INTERNAL_H
#define TW_CAPTURE_INTERNAL_H

#include "capture.h"

#include <zlib.h>
#include <zstd.h>

/* A byte stream: a file descriptor, optionally decompressed. */
struct tw_src {
    int fd;
    bool own_fd;
    enum tw_compression comp;
    z_stream z;
    bool z_init;
    ZSTD_DStream *zs;
    uint8_t *in; /* compressed input (or pushed-back magic bytes for plain input) */
    size_t in_off, in_len, in_cap;
    bool raw_eof;
    uint64_t raw_pos; /* bytes read from fd */
    const uint8_t *mem; /* in-memory input instead of fd (fuzzing, tests) */
    size_t mem_len;
};

#define TW_READ_CHUNK    ((size_t)1 << 20)
#define TW_READ_SLICE    ((size_t)256 << 10) /* one read() of a plain file: well inside L2 */
#define TW_MAX_RECORD    ((size_t)128 << 20) /* largest pcapng block / pcap record we buffer */
#define TW_MAX_PCAP_SNAP 262144u             /* Wireshark's WTAP_MAX_PACKET_SIZE_STANDARD */

struct tw_capture {
    struct tw_src src;
    enum tw_capture_format fmt;
    /* read window: valid bytes are buf[lo, hi); buf[0] is stream offset base */
    uint8_t *buf;
    size_t cap, lo, hi;
    uint64_t base;
    bool eof, rd_error;
    uint64_t file_size;

    /* pcap */
    bool swap;
    bool nsec;
    uint32_t snaplen;
    int fcs_len;

    /* pcapng */
    bool sec_swap;
    uint32_t section; /* current section number */
    uint32_t sec_if_base, sec_if_count;
    struct tw_iface *ifs;
    uint32_t nifs, ifs_cap;
    struct tw_secret *secrets;
    uint32_t nsecrets, secrets_cap;

    /* hex text */
    char *text;
    size_t text_len, text_pos;
    uint8_t *hexbuf;
    size_t hexbuf_cap;
    uint32_t hex_linktype;

    uint64_t recno;
    struct tw_capture_stats st;
};

/* source.c */
bool tw_src_open(struct tw_src *s, const char *path, char *err, size_t errlen);
bool tw_src_open_mem(struct tw_src *s, const uint8_t *data, size_t len, char *err, size_t errlen);
void tw_src_close(struct tw_src *s);
/* Reads up to n bytes; returns bytes read, 0 at end, -1 on error (logged). */
long tw_src_read(struct tw_src *s, uint8_t *dst, size_t n);

/* capture.c: the read window */
/* Make `need` bytes available at buf+lo. 1: yes; 0: end of input came first (hi-lo bytes are
 * all there is); -1: read error. */
int tw_win_fill(struct tw_capture *c, size_t need);
static inline uint64_t tw_win_off(const struct tw_capture *c) { return c->base + c->lo; }

/* per-format readers */
bool tw_pcap_open(struct tw_capture *c, char *err, size_t errlen);
int tw_pcap_next(struct tw_capture *c, struct tw_frame *f);
bool tw_pcapng_open(struct tw_capture *c, char *err, size_t errlen);
int tw_pcapng_next(struct tw_capture *c, struct tw_frame *f);
bool tw_hex_open(struct tw_capture *c, char *err, size_t errlen);
int tw_hex_next(struct tw_capture *c, struct tw_frame *f);

static inline uint16_t tw_rd16(const uint8_t *p, bool swap)
{
    uint16_t v = (uint16_t)(p[0] | p[1] << 8);
    return swap ? (uint16_t)(v >> 8 | v << 8) : v;
}
static inline uint32_t tw_rd32(const uint8_t *p, bool swap)
{
    uint32_t v = p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
    return swap ? __builtin_bswap32(v) : v;
}
static inline uint64_t tw_rd64(const uint8_t *p, bool swap)
{
    uint64_t lo = tw_rd32(p, false), hi = tw_rd32(p + 4, false);
    uint64_t v = lo | hi << 32;
    return swap ? __builtin_bswap64(v) : v;
}

#endif
