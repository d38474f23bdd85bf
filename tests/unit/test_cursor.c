/* Unit tests for the bounds-checked cursor, dynbuf, arena, checksum and address formatting. */
#include "core/core.h"

#include "check.h"

static void test_reads(void)
{
    const uint8_t d[] = {0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a};
    struct tw_cur c = tw_cur_make(d, sizeof d, sizeof d);
    CHECK_EQ(tw_cur_u8(&c), 0x01);
    CHECK_EQ(tw_cur_u16(&c), 0x0203);
    CHECK_EQ(tw_cur_u24(&c), 0x040506);
    CHECK_EQ(tw_cur_u32(&c), 0x0708090a);
    CHECK(tw_cur_ok(&c));
    CHECK_EQ(tw_cur_left(&c), 0);
    /* one more byte: past the claimed end = malformed, sticky, reads return 0 */
    CHECK_EQ(tw_cur_u8(&c), 0);
    CHECK_EQ(c.err, TW_CUR_MALFORMED);
    CHECK_EQ(tw_cur_u16(&c), 0);
    CHECK_EQ(tw_cur_left(&c), 0);

    struct tw_cur le = tw_cur_make(d, sizeof d, sizeof d);
    CHECK_EQ(tw_cur_u16le(&le), 0x0201);
    CHECK_EQ(tw_cur_u32le(&le), 0x06050403);
    CHECK_EQ(tw_cur_u32le(&le), 0x0a090807);
    struct tw_cur q = tw_cur_make(d, sizeof d, sizeof d);
    CHECK(tw_cur_u64(&q) == 0x0102030405060708ull);
}

static void test_truncated_vs_malformed(void)
{
    const uint8_t d[8] = {0};
    /* captured 4 of a claimed 8: reading bytes 4..7 is truncation */
    struct tw_cur c = tw_cur_make(d, 4, 8);
    CHECK_EQ(tw_cur_u32(&c), 0);
    CHECK(tw_cur_ok(&c));
    CHECK_EQ(tw_cur_left(&c), 4);
    CHECK_EQ(tw_cur_avail(&c), 0);
    CHECK_EQ(tw_cur_u8(&c), 0);
    CHECK_EQ(c.err, TW_CUR_TRUNCATED);
    /* reading past the claim is malformed even if the capture also ends there */
    struct tw_cur m = tw_cur_make(d, 4, 8);
    CHECK(tw_cur_skip(&m, 2));
    CHECK(tw_cur_bytes(&m, 7) == NULL);
    CHECK_EQ(m.err, TW_CUR_MALFORMED);
    /* a huge length cannot wrap around */
    struct tw_cur w = tw_cur_make(d, 8, 8);
    CHECK(!tw_cur_skip(&w, 0xFFFFFFFFu));
    CHECK_EQ(w.err, TW_CUR_MALFORMED);
}

static void test_sub_and_peek(void)
{
    const uint8_t d[] = {1, 2, 3, 4, 5, 6, 7, 8};
    struct tw_cur c = tw_cur_make(d, sizeof d, sizeof d);
    tw_cur_skip(&c, 2);
    bool over = true;
    struct tw_cur s = tw_cur_sub(&c, 3, &over);
    CHECK(!over);
    CHECK_EQ(c.off, 5);
    CHECK_EQ(tw_cur_left(&s), 3);
    CHECK_EQ(tw_cur_u8(&s), 3);
    CHECK_EQ(tw_cur_u16(&s), 0x0405);
    CHECK_EQ(tw_cur_u8(&s), 0);
    CHECK_EQ(s.err, TW_CUR_MALFORMED); /* past the sub-view's claim */
    CHECK(tw_cur_ok(&c));              /* the parent is unaffected */
    /* a sub-view claiming more than the parent has is clipped and reported */
    struct tw_cur big = tw_cur_sub(&c, 100, &over);
    CHECK(over);
    CHECK_EQ(tw_cur_left(&big), 3);
    CHECK_EQ(c.off, 8);

    struct tw_cur p = tw_cur_make(d, 6, 8);
    CHECK_EQ(tw_cur_peek_u8(&p, 5), 6);
    CHECK_EQ(p.off, 0);
    CHECK_EQ(tw_cur_peek_u16(&p, 4), 0x0506);
    const uint8_t *ptr = NULL;
    CHECK(!tw_cur_try_peek(&p, 5, 2, &ptr)); /* would cross the capture */
    CHECK(tw_cur_ok(&p));                    /* and try_peek never sets an error */
    CHECK(tw_cur_try_peek(&p, 4, 2, &ptr) && ptr == d + 4);
    CHECK_EQ(tw_cur_peek_u8(&p, 7), 0);
    CHECK_EQ(p.err, TW_CUR_TRUNCATED);

    /* rest() takes everything claimed */
    struct tw_cur r = tw_cur_make(d, 8, 8);
    tw_cur_skip(&r, 3);
    struct tw_cur rest = tw_cur_rest(&r);
    CHECK_EQ(tw_cur_left(&rest), 5);
    CHECK_EQ(tw_cur_left(&r), 0);
    CHECK(tw_cur_ok(&r));
}

static void test_buf_and_arena(void)
{
    struct tw_buf b;
    tw_buf_init(&b, 16);
    CHECK(tw_buf_adds(&b, "0123456789"));
    CHECK(tw_buf_adds(&b, "abcdef"));
    CHECK(!tw_buf_adds(&b, "x")); /* the max holds */
    CHECK(b.overflow);
    CHECK_EQ(b.len, 16);
    b.len = 0;
    tw_buf_add_hex(&b, 0x2a, 4);
    CHECK(b.len == 4 && memcmp(b.p, "002a", 4) == 0);
    b.len = 0;
    tw_buf_add_i64(&b, -12345);
    CHECK(b.len == 6 && memcmp(b.p, "-12345", 6) == 0);
    tw_buf_free(&b);

    struct tw_arena a;
    CHECK(tw_arena_init(&a, 64));
    uint8_t *x = tw_arena_alloc(&a, 40);
    CHECK(x != NULL);
    /* what does not fit gets a block of its own, aligned, until the reset */
    uint8_t *y = tw_arena_alloc(&a, 40);
    CHECK(y != NULL && (y < a.buf || y >= a.buf + a.size) && ((uintptr_t)y & 15) == 0);
    CHECK_EQ(a.big_bytes, 40);
    memset(y, 1, 40);
    CHECK(tw_arena_alloc(&a, 3 << 20) != NULL);
    CHECK(tw_arena_alloc(&a, TW_ARENA_BIG_MAX) == NULL); /* past the per-packet ceiling */
    CHECK_EQ(a.failed, 1);
    tw_arena_reset(&a);
    CHECK(a.big == NULL && a.big_bytes == 0);
    CHECK(tw_arena_alloc(&a, 40) == x);
    char *s = tw_arena_printf(&a, "%d", 7);
    CHECK(s && strcmp(s, "7") == 0);
    tw_arena_free(&a);
}

static void test_cksum_and_addrs(void)
{
    /* RFC 1071 example words */
    const uint8_t d[] = {0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7};
    CHECK_EQ(tw_cksum_fold(tw_cksum_add(0, d, sizeof d)), (uint16_t)~0xddf2);
    /* a header with its checksum filled in folds to 0 */
    const uint8_t ip[] = {0x45, 0x00, 0x00, 0x3c, 0x47, 0xeb, 0x40, 0x00, 0x40, 0x06,
                          0xf4, 0xce, 0x7f, 0x00, 0x00, 0x01, 0x7f, 0x00, 0x00, 0x01};
    CHECK_EQ(tw_cksum_fold(tw_cksum_add(0, ip, sizeof ip)), 0);

    char t[64];
    const uint8_t v6a[16] = {0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
    tw_fmt_ipv6(t, v6a);
    CHECK(strcmp(t, "2001:db8::1") == 0);
    const uint8_t v6b[16] = {0};
    tw_fmt_ipv6(t, v6b);
    CHECK(strcmp(t, "::") == 0);
    const uint8_t v6c[16] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 192, 0, 2, 1};
    tw_fmt_ipv6(t, v6c);
    CHECK(strcmp(t, "::ffff:192.0.2.1") == 0);
    const uint8_t v6d[16] = {0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1};
    tw_fmt_ipv6(t, v6d);
    CHECK(strcmp(t, "fe80::1:0:0:1") == 0);
    const uint8_t v6e[16] = {0x20, 0x01, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
    tw_fmt_ipv6(t, v6e); /* the longer zero run wins */
    CHECK(strcmp(t, "2001:0:1::1") == 0);
    const uint8_t v6f[16] = {0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1};
    tw_fmt_ipv6(t, v6f); /* a single zero group is not compressed */
    CHECK(strcmp(t, "2001:db8:0:1:1:1:1:1") == 0);
    const uint8_t v4[4] = {10, 0, 255, 1};
    tw_fmt_ipv4(t, v4);
    CHECK(strcmp(t, "10.0.255.1") == 0);
}

static void test_time(void)
{
    struct tw_time a = {10, 100}, b = {9, 900000000};
    struct tw_time d = tw_time_sub(a, b);
    CHECK(d.sec == 0 && d.nsec == 100000100);
    d = tw_time_sub(b, a);
    CHECK(d.sec == 0 && d.nsec == -100000100);
    struct tw_buf s;
    tw_buf_init(&s, 256);
    tw_buf_add_rel_time(&s, d, 9);
    CHECK(s.len == 12 && memcmp(s.p, "-0.100000100", 12) == 0);
    s.len = 0;
    tw_buf_add_abs_time(&s, (struct tw_time){0, 5}, 9, true);
    CHECK(s.len == 35 && memcmp(s.p, "Jan  1, 1970 00:00:00.000000005 UTC", 35) == 0);
    tw_buf_free(&s);
}

/* tw_buf_printf's own formatter must print exactly what vsnprintf prints */
#define PF_SAME(...)                                                                             \
    do {                                                                                         \
        struct tw_buf b_;                                                                        \
        char want_[256];                                                                         \
        tw_buf_init(&b_, 1024);                                                                  \
        tw_buf_printf(&b_, __VA_ARGS__);                                                         \
        int n_ = snprintf(want_, sizeof want_, __VA_ARGS__);                                     \
        CHECK(n_ >= 0 && b_.len == (size_t)n_ && memcmp(b_.p, want_, b_.len) == 0);              \
        if (!(b_.len == (size_t)n_ && memcmp(b_.p, want_, b_.len) == 0))                         \
            fprintf(stderr, "  got [%.*s] want [%s]\n", (int)b_.len, b_.p, want_);               \
        tw_buf_free(&b_);                                                                        \
    } while (0)

static void test_printf(void)
{
    PF_SAME("%u \xe2\x86\x92 %u", 443u, 51234u);
    PF_SAME("plain text, no conversions");
    PF_SAME("%d|%d|%i|%5d|%-5d|%05d|%05d", 0, -7, 2147483647, -42, -42, -42, 42);
    PF_SAME("%d", -2147483647 - 1);
    PF_SAME("%x %X %04x %08X %2x %-6x|", 0xbeefu, 0xbeefu, 0x1u, 0xabcu, 0xfffu, 0x1fu);
    PF_SAME("%lu %llu %lld %zu %ld", 4294967296ul, 18446744073709551615ull, -9223372036854775807ll - 1,
            (size_t)12345, -5l);
    PF_SAME("%llx %hhu %hu %hd", 0xffffffffffffffffull, 300, 70000, 40000);
    PF_SAME("[%s] [%10s] [%-10s] [%.*s] [%.*s] [%8.*s]", "abc", "abc", "abc", 2, "abcdef", 9, "ab",
            1, "xyz");
    PF_SAME("%c%c %3c %% %%d", 'a', 'b', 'c');
    PF_SAME("%.3f %g %o %5.2s", 1.5, 2.25, 8u, "abc"); /* not ours: vsnprintf */
    PF_SAME("Seq=%u Ack=%u Win=%u Len=%u MSS=%u SLE=%u", 0u, 4294967295u, 65535u, 0u, 1460u, 7u);
}

int main(void)
{
    test_printf();
    test_reads();
    test_truncated_vs_malformed();
    test_sub_and_peek();
    test_buf_and_arena();
    test_cksum_and_addrs();
    test_time();
    TEST_DONE();
}
