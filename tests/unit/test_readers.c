/* Unit tests for the capture readers: classic pcap in all its variants, pcapng sections, blocks
 * and options, damaged input and resynchronisation, compression, and hex text. Captures are
 * built byte by byte here so every case is exact. */
#include "capture/capture.h"

#include <stdlib.h>
#include <zlib.h>
#include <zstd.h>

#include "check.h"

struct bb {
    uint8_t *p;
    size_t n, cap;
    bool be;
};

static void put(struct bb *b, const void *d, size_t n)
{
    if (b->n + n > b->cap) {
        b->cap = (b->n + n) * 2 + 64;
        b->p = realloc(b->p, b->cap);
    }
    memcpy(b->p + b->n, d, n);
    b->n += n;
}
static void u8(struct bb *b, uint8_t v) { put(b, &v, 1); }
static void u16(struct bb *b, uint16_t v)
{
    uint8_t t[2] = {(uint8_t)(b->be ? v >> 8 : v), (uint8_t)(b->be ? v : v >> 8)};
    put(b, t, 2);
}
static void u32(struct bb *b, uint32_t v)
{
    for (int i = 0; i < 4; i++) u8(b, (uint8_t)(b->be ? v >> (24 - 8 * i) : v >> (8 * i)));
}
static void u64(struct bb *b, uint64_t v)
{
    if (b->be) {
        u32(b, (uint32_t)(v >> 32));
        u32(b, (uint32_t)v);
    } else {
        u32(b, (uint32_t)v);
        u32(b, (uint32_t)(v >> 32));
    }
}
static void pad4(struct bb *b)
{
    while (b->n % 4) u8(b, 0);
}

static struct tw_capture *open_bb(const struct bb *b, const struct tw_capture_opts *o)
{
    char err[256];
    struct tw_capture *c = tw_capture_open_mem(b->p, b->n, o, err, sizeof err);
    if (!c) fprintf(stderr, "open failed: %s\n", err);
    return c;
}

static void pcap_header(struct bb *b, uint32_t magic, uint32_t lt)
{
    u32(b, magic);
    u16(b, 2);
    u16(b, 4);
    u32(b, 0);
    u32(b, 0);
    u32(b, 65535);
    u32(b, lt);
}

static void pcap_rec(struct bb *b, uint32_t s, uint32_t frac, uint32_t incl, uint32_t orig)
{
    u32(b, s);
    u32(b, frac);
    u32(b, incl);
    u32(b, orig);
    for (uint32_t i = 0; i < incl; i++) u8(b, (uint8_t)i);
}

static void test_pcap_variants(void)
{
    for (int be = 0; be < 2; be++) {
        for (int ns = 0; ns < 2; ns++) {
            struct bb b = {.be = be};
            pcap_header(&b, ns ? 0xA1B23C4D : 0xA1B2C3D4, 1);
            pcap_rec(&b, 100, 5, 60, 60);
            pcap_rec(&b, 101, 999, 20, 1514);
            struct tw_capture *c = open_bb(&b, NULL);
            CHECK(c != NULL);
            if (!c) continue;
            struct tw_frame f;
            CHECK_EQ(tw_capture_next(c, &f), 1);
            CHECK_EQ(f.recno, 1);
            CHECK_EQ(f.caplen, 60);
            CHECK_EQ(f.wirelen, 60);
            CHECK_EQ(f.ts.sec, 100);
            CHECK_EQ(f.ts.nsec, ns ? 5 : 5000);
            CHECK_EQ(f.linktype, 1);
            CHECK_EQ(f.data[59], 59);
            CHECK_EQ(f.file_off, 24);
            CHECK_EQ(tw_capture_next(c, &f), 1);
            CHECK_EQ(f.caplen, 20);
            CHECK_EQ(f.wirelen, 1514);
            CHECK_EQ(f.ts.nsec, ns ? 999 : 999000);
            CHECK_EQ(tw_capture_next(c, &f), 0);
            CHECK_EQ(tw_capture_stats(c)->bad_records, 0);
            CHECK_EQ(tw_capture_iface(c, 0)->tsresol_units, ns ? 1000000000 : 1000000);
            tw_capture_close(c);
            free(b.p);
        }
    }
    /* FCS length in the link-type word: bit 26 present, bits 28-31 in 16-bit units */
    struct bb b = {0};
    pcap_header(&b, 0xA1B2C3D4, 1 | 0x04000000 | (2u << 28));
    pcap_rec(&b, 1, 0, 64, 64);
    struct tw_capture *c = open_bb(&b, NULL);
    struct tw_frame f;
    CHECK(c && tw_capture_next(c, &f) == 1);
    CHECK_EQ(f.fcs_len, 4);
    CHECK_EQ(f.linktype, 1);
    tw_capture_close(c);
    free(b.p);
    /* modified (Kuznetzov) pcap: 24-byte record headers */
    struct bb m = {0};
    pcap_header(&m, 0xA1B2CD34, 1);
    u32(&m, 7);
    u32(&m, 1);
    u32(&m, 4);
    u32(&m, 4);
    u32(&m, 0);
    u32(&m, 0);
    u32(&m, 0xdeadbeef);
    c = open_bb(&m, NULL);
    CHECK(c && tw_capture_next(c, &f) == 1);
    CHECK(f.caplen == 4 && f.data[0] == 0xef && f.ts.sec == 7);
    CHECK_EQ(tw_capture_next(c, &f), 0);
    tw_capture_close(c);
    free(m.p);
}

static void test_pcap_damage(void)
{
    /* the last record is cut short: earlier ones are delivered, the damage is counted */
    struct bb b = {0};
    pcap_header(&b, 0xA1B2C3D4, 1);
    pcap_rec(&b, 1, 0, 40, 40);
    pcap_rec(&b, 2, 0, 40, 40);
    b.n -= 10;
    struct tw_capture *c = open_bb(&b, NULL);
    struct tw_frame f;
    CHECK_EQ(tw_capture_next(c, &f), 1);
    CHECK_EQ(tw_capture_next(c, &f), 0);
    CHECK_EQ(tw_capture_stats(c)->bad_records, 1);
    tw_capture_close(c);
    free(b.p);
    /* an impossible record length stops reading (no sync marker in classic pcap) */
    struct bb h = {0};
    pcap_header(&h, 0xA1B2C3D4, 1);
    pcap_rec(&h, 1, 0, 10, 10);
    u32(&h, 2);
    u32(&h, 0);
    u32(&h, 0x7fffffff);
    u32(&h, 10);
    pcap_rec(&h, 3, 0, 10, 10);
    c = open_bb(&h, NULL);
    CHECK_EQ(tw_capture_next(c, &f), 1);
    CHECK_EQ(tw_capture_next(c, &f), 0);
    CHECK_EQ(tw_capture_stats(c)->bad_records, 1);
    tw_capture_close(c);
    free(h.p);
    /* a file too short to hold a header */
    struct bb t = {0};
    u32(&t, 0xA1B2C3D4);
    char err[200];
    CHECK(tw_capture_open_mem(t.p, t.n, NULL, err, sizeof err) == NULL);
    free(t.p);
    uint8_t junk[32] = "this is not a capture file....";
    CHECK(tw_capture_open_mem(junk, sizeof junk, NULL, err, sizeof err) == NULL);
    CHECK(strstr(err, "not a capture file") != NULL);
}

/* ---- pcapng ---- */

static void opt(struct bb *b, uint16_t code, const void *v, uint16_t len)
{
    u16(b, code);
    u16(b, len);
    put(b, v, len);
    pad4(b);
}
static size_t blk_start(struct bb *b, uint32_t type)
{
    size_t s = b->n;
    u32(b, type);
    u32(b, 0); /* length, patched */
    return s;
}
static void blk_end(struct bb *b, size_t s)
{
    pad4(b);
    uint32_t len = (uint32_t)(b->n - s + 4);
    u32(b, len);
    size_t save = b->n;
    b->n = s + 4;
    u32(b, len);
    b->n = save;
}
static void shb(struct bb *b)
{
    size_t s = blk_start(b, 0x0A0D0D0A);
    u32(b, 0x1A2B3C4D);
    u16(b, 1);
    u16(b, 0);
    u64(b, UINT64_MAX);
    opt(b, 4, "trawl-test", 10);
    u32(b, 0);
    blk_end(b, s);
}
static void idb(struct bb *b, uint16_t lt, const char *name, int tsresol, int64_t tsoff)
{
    size_t s = blk_start(b, 1);
    u16(b, lt);
    u16(b, 0);
    u32(b, 262144);
    if (name) opt(b, 2, name, (uint16_t)strlen(name));
    if (tsresol >= 0) {
        uint8_t r = (uint8_t)tsresol;
        opt(b, 9, &r, 1);
    }
    if (tsoff) {
        struct bb o = {.be = b->be};
        u64(&o, (uint64_t)tsoff);
        opt(b, 14, o.p, 8);
        free(o.p);
    }
    u32(b, 0);
    blk_end(b, s);
}
static void epb(struct bb *b, uint32_t ifid, uint64_t ts, uint32_t len, const char *comment,
                uint32_t flags)
{
    size_t s = blk_start(b, 6);
    u32(b, ifid);
    u32(b, (uint32_t)(ts >> 32));
    u32(b, (uint32_t)ts);
    u32(b, len);
    u32(b, len + 10);
    for (uint32_t i = 0; i < len; i++) u8(b, (uint8_t)(0xa0 + i));
    pad4(b);
    if (comment) opt(b, 1, comment, (uint16_t)strlen(comment));
    if (flags) {
        struct bb o = {.be = b->be};
        u32(&o, flags);
        opt(b, 2, o.p, 4);
        free(o.p);
    }
    if (comment || flags) u32(b, 0);
    blk_end(b, s);
}

static struct bb sample_pcapng(void)
{
    struct bb b = {0};
    shb(&b);
    idb(&b, 1, "eth0", 9, 0);      /* global interface 0: nanoseconds */
    idb(&b, 101, NULL, -1, 1000);  /* global interface 1: microseconds, +1000 s */
    epb(&b, 0, 1500000000123456789ull, 14, "first frame", 0x1);
    /* NRB, ISB, custom and an unknown block are skipped by length */
    size_t s = blk_start(&b, 4);
    u16(&b, 1);
    u16(&b, 8);
    put(&b, "\x0a\x00\x00\x01" "ab\0\0", 8);
    u16(&b, 0);
    u16(&b, 0);
    blk_end(&b, s);
    s = blk_start(&b, 5);
    u32(&b, 0);
    u64(&b, 0);
    blk_end(&b, s);
    s = blk_start(&b, 0x00000BAD);
    u32(&b, 32473);
    put(&b, "custom", 6);
    blk_end(&b, s);
    s = blk_start(&b, 0x12345);
    blk_end(&b, s);
    /* DSB with TLS key log */
    s = blk_start(&b, 0x0A);
    u32(&b, 0x544c534b);
    u32(&b, 5);
    put(&b, "CLNT\n", 5);
    blk_end(&b, s);
    epb(&b, 1, 2000000, 3, NULL, 0);
    /* SPB: length from its own field, interface 0 */
    s = blk_start(&b, 3);
    u32(&b, 4);
    put(&b, "\x01\x02\x03\x04", 4);
    blk_end(&b, s);
    /* obsolete PB: 16-bit interface id and drops count */
    s = blk_start(&b, 2);
    u16(&b, 1);
    u16(&b, 0);
    u32(&b, 0);
    u32(&b, 5000000);
    u32(&b, 2);
    u32(&b, 2);
    put(&b, "\xaa\xbb", 2);
    blk_end(&b, s);
    /* a second section, big-endian, with its own interface numbering */
    struct bb be = {.be = true};
    shb(&be);
    idb(&be, 113, "any", 0x80 | 10, 0); /* 2^-10 s units */
    epb(&be, 0, 3 * 1024 + 512, 2, NULL, 0);
    put(&b, be.p, be.n);
    free(be.p);
    return b;
}

static void test_pcapng(void)
{
    struct bb b = sample_pcapng();
    struct tw_capture *c = open_bb(&b, NULL);
    CHECK(c != NULL);
    if (!c) return;
    CHECK_EQ(tw_capture_format(c), TW_FMT_PCAPNG);
    struct tw_frame f;
    CHECK_EQ(tw_capture_next(c, &f), 1);
    CHECK_EQ(f.iface, 0);
    CHECK_EQ(f.linktype, 1);
    CHECK_EQ(f.ts.sec, 1500000000);
    CHECK_EQ(f.ts.nsec, 123456789);
    CHECK_EQ(f.caplen, 14);
    CHECK_EQ(f.wirelen, 24);
    CHECK_EQ(f.data[0], 0xa0);
    CHECK_EQ(f.ncomments, 1);
    CHECK(f.comments[0].n == 11 && memcmp(f.comments[0].p, "first frame", 11) == 0);
    CHECK(f.has_flags && f.flags == 1);
    CHECK(strcmp(tw_capture_iface(c, 0)->name, "eth0") == 0);

    CHECK_EQ(tw_capture_next(c, &f), 1);
    CHECK_EQ(f.iface, 1);
    CHECK_EQ(f.linktype, 101);
    CHECK_EQ(f.ts.sec, 1002);
    CHECK_EQ(f.ts.nsec, 0);
    CHECK_EQ(tw_capture_nsecrets(c), 1);
    CHECK(tw_capture_secret(c, 0)->type == 0x544c534b && tw_capture_secret(c, 0)->len == 5);

    CHECK_EQ(tw_capture_next(c, &f), 1); /* SPB */
    CHECK_EQ(f.iface, 0);
    CHECK_EQ(f.caplen, 4);
    CHECK_EQ(f.wirelen, 4);
    CHECK_EQ(tw_capture_next(c, &f), 1); /* PB */
    CHECK_EQ(f.iface, 1);
    CHECK_EQ(f.caplen, 2);
    CHECK_EQ(f.ts.sec, 1005);

    CHECK_EQ(tw_capture_next(c, &f), 1); /* second section */
    CHECK_EQ(f.iface, 2);
    CHECK_EQ(f.linktype, 113);
    CHECK_EQ(f.ts.sec, 3);
    CHECK_EQ(f.ts.nsec, 500000000);
    CHECK_EQ(tw_capture_iface(c, 2)->section, 1);
    CHECK_EQ(tw_capture_next(c, &f), 0);
    CHECK_EQ(tw_capture_stats(c)->bad_records, 0);
    CHECK_EQ(tw_capture_niface(c), 3);
    tw_capture_close(c);
    free(b.p);
}

static void test_pcapng_damage(void)
{
    struct bb b = {0};
    shb(&b);
    idb(&b, 1, NULL, -1, 0);
    epb(&b, 0, 1, 8, NULL, 0);
    size_t bad = b.n;
    epb(&b, 0, 2, 8, NULL, 0);
    epb(&b, 0, 3, 8, NULL, 0);
    /* 1: an impossible length: lost, then resynchronised on the next block */
    struct bb x = {0};
    put(&x, b.p, b.n);
    x.p[bad + 4] = 0xff;
    x.p[bad + 5] = 0xff;
    x.p[bad + 6] = 0xff;
    x.p[bad + 7] = 0x7f;
    struct tw_capture *c = open_bb(&x, NULL);
    struct tw_frame f;
    CHECK_EQ(tw_capture_next(c, &f), 1);
    CHECK_EQ(f.ts.nsec, 1000);
    CHECK_EQ(tw_capture_next(c, &f), 1);
    CHECK_EQ(f.ts.nsec, 3000); /* frame 2 skipped, frame 3 found */
    CHECK_EQ(tw_capture_next(c, &f), 0);
    CHECK_EQ(tw_capture_stats(c)->bad_records, 1);
    tw_capture_close(c);
    free(x.p);
    /* 2: a believable block with a bad interface id is skipped by its length */
    struct bb y = {0};
    put(&y, b.p, b.n);
    y.p[bad + 8] = 7;
    c = open_bb(&y, NULL);
    CHECK_EQ(tw_capture_next(c, &f), 1);
    CHECK_EQ(tw_capture_next(c, &f), 1);
    CHECK_EQ(f.ts.nsec, 3000);
    CHECK_EQ(tw_capture_next(c, &f), 0);
    CHECK_EQ(tw_capture_stats(c)->bad_records, 1);
    tw_capture_close(c);
    free(y.p);
    /* 3: captured length larger than the block */
    struct bb z = {0};
    put(&z, b.p, b.n);
    z.p[bad + 20] = 200;
    c = open_bb(&z, NULL);
    CHECK_EQ(tw_capture_next(c, &f), 1);
    CHECK_EQ(tw_capture_next(c, &f), 1);
    CHECK_EQ(f.ts.nsec, 3000);
    CHECK_EQ(tw_capture_stats(c)->bad_records, 1);
    tw_capture_close(c);
    free(z.p);
    /* 4: file cut in the middle of the last block */
    c = tw_capture_open_mem(b.p, b.n - 6, NULL, (char[64]){0}, 64);
    CHECK_EQ(tw_capture_next(c, &f), 1);
    CHECK_EQ(tw_capture_next(c, &f), 1);
    CHECK_EQ(tw_capture_next(c, &f), 0);
    CHECK_EQ(tw_capture_stats(c)->bad_records, 1);
    tw_capture_close(c);
    free(b.p);
}

static void test_compressed(void)
{
    struct bb b = sample_pcapng();
    /* gzip */
    uLongf glen = compressBound(b.n) + 64;
    uint8_t *gz = malloc(glen);
    z_stream z = {0};
    deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
    z.next_in = b.p;
    z.avail_in = (uInt)b.n;
    z.next_out = gz;
    z.avail_out = (uInt)glen;
    CHECK_EQ(deflate(&z, Z_FINISH), Z_STREAM_END);
    size_t gn = z.total_out;
    deflateEnd(&z);
    char err[128];
    struct tw_capture *c = tw_capture_open_mem(gz, gn, NULL, err, sizeof err);
    CHECK(c != NULL);
    if (c) {
        CHECK_EQ(tw_capture_compression(c), TW_COMP_GZIP);
        struct tw_frame f;
        int n = 0;
        while (tw_capture_next(c, &f) == 1) n++;
        CHECK_EQ(n, 5);
        tw_capture_close(c);
    }
    free(gz);
    /* zstd */
    size_t zb = ZSTD_compressBound(b.n);
    uint8_t *zs = malloc(zb);
    size_t zn = ZSTD_compress(zs, zb, b.p, b.n, 3);
    CHECK(!ZSTD_isError(zn));
    c = tw_capture_open_mem(zs, zn, NULL, err, sizeof err);
    CHECK(c != NULL);
    if (c) {
        CHECK_EQ(tw_capture_compression(c), TW_COMP_ZSTD);
        struct tw_frame f;
        int n = 0;
        while (tw_capture_next(c, &f) == 1) n++;
        CHECK_EQ(n, 5);
        tw_capture_close(c);
    }
    free(zs);
    free(b.p);
}

static int hex_frames(const char *text, uint32_t *lens, const uint8_t **first, int max)
{
    static uint8_t copy[4096];
    struct tw_capture_opts o = {.hex = true, .hex_linktype = 1};
    char err[128];
    struct tw_capture *c = tw_capture_open_mem((const uint8_t *)text, strlen(text), &o, err, sizeof err);
    if (!c) return -1;
    struct tw_frame f;
    int n = 0;
    while (n < max && tw_capture_next(c, &f) == 1) {
        lens[n] = f.caplen;
        if (n == 0 && first) {
            memcpy(copy, f.data, TW_MIN(f.caplen, sizeof copy));
            *first = copy;
        }
        n++;
    }
    tw_capture_close(c);
    return n;
}

static void test_hex(void)
{
    uint32_t lens[8];
    const uint8_t *d = NULL;
    /* bare bytes, two frames separated by a blank line, prose around them */
    int n = hex_frames("Here is a frame:\n00 11 bc 56\n5f 00\n\nand another\n\n0a 0b 0c\n", lens, &d, 8);
    CHECK_EQ(n, 2);
    CHECK_EQ(lens[0], 6);
    CHECK_EQ(lens[1], 3);
    CHECK(d && d[0] == 0x00 && d[2] == 0xbc && d[5] == 0x00);
    /* text2pcap/od offsets; the ASCII column is ignored even when it looks like hex */
    n = hex_frames("0000  de ad be ef 00 01 02 03  04 05 06 07 08 09 0a 0b   cafe cafe cafe ca\n"
                   "0010  0c 0d                                              ..\n"
                   "0000  01 02\n",
                   lens, &d, 8);
    CHECK_EQ(n, 2);
    CHECK_EQ(lens[0], 18);
    CHECK_EQ(lens[1], 2);
    CHECK(d && d[0] == 0xde && d[17] == 0x0d);
    /* tcpdump -xx: 0x-prefixed offsets and 16-bit groups */
    n = hex_frames("\t0x0000:  0011 bc56 5f00 0001\n\t0x0008:  e813\n", lens, &d, 8);
    CHECK_EQ(n, 1);
    CHECK_EQ(lens[0], 10);
    CHECK(d && d[1] == 0x11 && d[8] == 0xe8 && d[9] == 0x13);
    /* one long run of hex digits */
    n = hex_frames("0011bc565f00\n", lens, &d, 8);
    CHECK_EQ(n, 1);
    CHECK_EQ(lens[0], 6);
    /* nothing at all */
    CHECK_EQ(hex_frames("just words\n", lens, &d, 8), 0);
}

int main(void)
{
    test_pcap_variants();
    test_pcap_damage();
    test_pcapng();
    test_pcapng_damage();
    test_compressed();
    test_hex();
    TEST_DONE();
}
