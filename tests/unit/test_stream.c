/* Letter-coded overlap tests for every target policy: TCP (the out-of-order queue of one
 * direction) and IP fragments (Novak's 17-fragment pattern), plus the host -> policy map. */
#include "check.h"
#include "stream/stream.h"

#include <string.h>

/* ---------------------------------------------------------------------------------------------
 * IP fragments: "Target-Based Fragmentation Reassembly" (Novak, 2005). Eight-byte units, each
 * fragment filled with its letter; the expected strings list one letter per unit.
 * ------------------------------------------------------------------------------------------- */
static const struct {
    char ch;
    uint32_t unit, units;
    bool more;
} pattern[] = {
    {'A', 0, 3, true},   {'B', 4, 2, true},  {'C', 6, 3, true},  {'D', 10, 1, true},
    {'E', 13, 2, true},  {'F', 15, 3, true}, {'G', 18, 2, true}, {'H', 20, 2, true},
    {'I', 22, 1, true},  {'J', 1, 4, true},  {'K', 6, 3, true},  {'L', 9, 3, true},
    {'M', 12, 3, true},  {'N', 16, 1, true}, {'O', 19, 1, true}, {'P', 20, 1, true},
    {'Q', 22, 2, false},
};

static const char *const frag_expect[TW_FPOL_COUNT] = {
    [TW_FPOL_FIRST] = "AAAJBBCCCLDLMEEFFFGGHHIQ",
    [TW_FPOL_LAST] = "AJJJJBKKKLLLMMMFNFGOPHQQ",
    [TW_FPOL_BSD] = "AAAJJBCCCLLLMMMFFFGGHHIQ",
    [TW_FPOL_LINUX] = "AAAJJBKKKLLLMMMFFFGGPHQQ",
    [TW_FPOL_WINDOWS] = "AAAJBBCCCLLLMEEFFFGGHHIQ",
    [TW_FPOL_SOLARIS] = "AAAJBBCCCLLLMMMFFFGGHHIQ",
    /* our reading of bsd-right (the fragment reaching further right wins): not from the paper */
    [TW_FPOL_BSD_RIGHT] = "AJJJBBCCCLLLMEEFFFGGHHQQ",
};

static void test_frags(void)
{
    static uint8_t data[TW_ARRAY_LEN(pattern)][64];
    struct tw_frag f[TW_ARRAY_LEN(pattern)];
    for (size_t i = 0; i < TW_ARRAY_LEN(pattern); i++) {
        memset(data[i], pattern[i].ch, sizeof data[i]);
        f[i] =
            (struct tw_frag){pattern[i].unit * 8, pattern[i].units * 8, data[i], pattern[i].more};
    }
    for (unsigned p = 0; p < TW_FPOL_COUNT; p++) {
        uint8_t out[256];
        bool conflict = false;
        int64_t n = tw_frag_assemble(p, f, TW_ARRAY_LEN(pattern), out, sizeof out, &conflict);
        CHECK_EQ(n, 192);
        CHECK(conflict);
        char got[25] = {0};
        for (int u = 0; u < 24 && n == 192; u++) {
            got[u] = (char)out[u * 8];
            for (int k = 1; k < 8; k++) CHECK_EQ(out[u * 8 + k], out[u * 8]);
        }
        if (strcmp(got, frag_expect[p]) != 0)
            fprintf(stderr, "fragments, policy %s: got %s, expected %s\n", tw_fpol_name(p), got,
                    frag_expect[p]);
        CHECK(strcmp(got, frag_expect[p]) == 0);
    }
    /* a hole: nothing */
    bool c;
    uint8_t out[64];
    struct tw_frag two[2] = {{0, 8, data[0], true}, {16, 8, data[1], false}};
    CHECK_EQ(tw_frag_assemble(TW_FPOL_BSD, two, 2, out, sizeof out, &c), -1);
    /* identical overlap: no conflict */
    struct tw_frag same[2] = {{0, 16, data[0], true}, {8, 8, data[0], false}};
    CHECK_EQ(tw_frag_assemble(TW_FPOL_LAST, same, 2, out, sizeof out, &c), 16);
    CHECK(!c);
}

/* ---------------------------------------------------------------------------------------------
 * TCP: a case is a list of segments "OFFSET:LETTERS" sent in order; the letters a policy
 * delivers are compared with the expected string of its class.
 * ------------------------------------------------------------------------------------------- */
struct tcase {
    const char *name;
    const char *segs[6];
    /* expected per policy; NULL = same as `other` */
    const char *other;
    struct {
        unsigned pol;
        const char *exp;
    } by[TW_SPOL_COUNT];
};

#define P(x) TW_SPOL_##x

static const struct tcase tcases[] = {
    /* left overlap: queued BBBB at 2, new XXXX at 4 */
    {"left",
     {"2:BBBB", "4:XXXX", "0:AA"},
     "AABBBBXX",
     {{P(SOLARIS), "AABBXXXX"}, {P(HPUX11), "AABBXXXX"}, {P(LAST), "AABBXXXX"}}},
    /* left overlap where the queued segment covers the new one on both sides */
    {"left-covering", {"2:BBBBBB", "4:XX", "0:AA"}, "AABBBBBB", {{P(LAST), "AABBXXBB"}}},
    /* right overlap: queued BBBB at 4, new XXXX at 2 */
    {"right",
     {"4:BBBB", "2:XXXX", "0:AA"},
     "AAXXXXBB",
     {{P(FIRST), "AAXXBBBB"},
      {P(VISTA), "AAXXBBBB"},
      {P(SOLARIS), "AAXXBBBB"},
      {P(HPUX11), "AAXXBBBB"}}},
    /* right overlap starting where the queued one starts */
    {"right-same-start", {"2:BBBB", "2:XX", "0:AA"}, "AABBBB", {{P(LAST), "AAXXBB"}}},
    /* full overlap, the new segment starts before */
    {"full",
     {"4:BB", "2:XXXXXX", "0:AA"},
     "AAXXXXXX",
     {{P(FIRST), "AAXXBBXX"}, {P(VISTA), "AAXXBBXX"}}},
    /* full overlap, same start, the new one longer */
    {"full-same-start",
     {"2:BB", "2:XXXX", "0:AA"},
     "AAXXXX",
     {{P(FIRST), "AABBXX"},
      {P(VISTA), "AABBXX"},
      {P(BSD), "AABBXX"},
      {P(WINDOWS), "AABBXX"},
      {P(WIN2003), "AABBXX"},
      {P(MACOS), "AABBXX"}}},
    /* the same range twice, with a hole just before it */
    {"same-range-hole-before",
     {"4:BB", "2:Z", "4:XX", "0:AA", "3:Y"},
     "AAZYBB",
     {{P(LAST), "AAZYXX"}, {P(OLD_LINUX), "AAZYXX"}}},
    /* the same range twice, queued data right before it */
    {"same-range-adjacent",
     {"4:BB", "2:ZZ", "4:XX", "0:AA"},
     "AAZZBB",
     {{P(LAST), "AAZZXX"},
      {P(OLD_LINUX), "AAZZXX"},
      {P(SOLARIS), "AAZZXX"},
      {P(HPUX11), "AAZZXX"}}},
    /* delivered data is final for every target */
    {"delivered", {"0:AAAA", "2:XXXXXX"}, "AAAAXXXX", {{0, NULL}}},
    /* in order, no overlap */
    {"in-order", {"0:AB", "2:CD", "4:EF"}, "ABCDEF", {{0, NULL}}},
};

static void test_tcp(void)
{
    for (size_t c = 0; c < TW_ARRAY_LEN(tcases); c++) {
        const struct tcase *tc = &tcases[c];
        for (unsigned p = 0; p < TW_SPOL_COUNT; p++) {
            const char *exp = tc->other;
            for (size_t k = 0; k < TW_ARRAY_LEN(tc->by); k++)
                if (tc->by[k].exp && tc->by[k].pol == p) exp = tc->by[k].exp;
            struct tw_squeue *q = tw_squeue_new(p, 64, 1 << 16);
            CHECK(q != NULL);
            if (!q) continue;
            for (size_t k = 0; k < TW_ARRAY_LEN(tc->segs) && tc->segs[k]; k++) {
                const char *s = tc->segs[k], *colon = strchr(s, ':');
                uint64_t off = 0;
                for (const char *d = s; d < colon; d++) off = off * 10 + (uint64_t)(*d - '0');
                CHECK(
                    tw_squeue_add(q, off, (const uint8_t *)colon + 1, (uint32_t)strlen(colon + 1)));
            }
            char got[64] = {0};
            uint32_t n = tw_squeue_delivered(q, (uint8_t *)got, sizeof got - 1);
            got[n] = 0;
            if (strcmp(got, exp) != 0)
                fprintf(stderr, "tcp %s, policy %s: got %s, expected %s\n", tc->name,
                        tw_spol_name(p), got, exp);
            CHECK(strcmp(got, exp) == 0);
            tw_squeue_free(q);
        }
    }
    /* caps: a queue of two segments refuses a third */
    struct tw_squeue *q = tw_squeue_new(TW_SPOL_BSD, 2, 1 << 16);
    CHECK(tw_squeue_add(q, 10, (const uint8_t *)"a", 1));
    CHECK(tw_squeue_add(q, 20, (const uint8_t *)"b", 1));
    CHECK(!tw_squeue_add(q, 30, (const uint8_t *)"c", 1));
    tw_squeue_free(q);
    q = tw_squeue_new(TW_SPOL_BSD, 64, 4);
    CHECK(!tw_squeue_add(q, 10, (const uint8_t *)"abcdef", 6));
    tw_squeue_free(q);
}

static void test_map(void)
{
    char err[256];
    CHECK(tw_stream_policy_arg("windows@10.0.0.0/8", err, sizeof err));
    CHECK(tw_stream_policy_arg("linux@10.1.0.0/16", err, sizeof err));
    CHECK(tw_stream_policy_arg("solaris@2001:db8::/32", err, sizeof err));
    CHECK(tw_stream_policy_arg("macos", err, sizeof err));
    CHECK(!tw_stream_policy_arg("beos@10.0.0.0/8", err, sizeof err));
    CHECK(!tw_stream_policy_arg("linux@10.0.0.0/33", err, sizeof err));
    CHECK(!tw_stream_policy_arg("linux@nonsense", err, sizeof err));
    uint8_t a1[4] = {10, 1, 2, 3}, a2[4] = {10, 2, 0, 1}, a3[4] = {192, 0, 2, 1};
    uint8_t a6[16] = {0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
    struct tw_addr x1 = {TW_AT_IPv4, 4, a1}, x2 = {TW_AT_IPv4, 4, a2}, x3 = {TW_AT_IPv4, 4, a3},
                   x6 = {TW_AT_IPv6, 16, a6};
    CHECK_EQ(tw_policy_lookup(&tw_stream_opts.map, &x1), TW_SPOL_LINUX);
    CHECK_EQ(tw_policy_lookup(&tw_stream_opts.map, &x2), TW_SPOL_WINDOWS);
    CHECK_EQ(tw_policy_lookup(&tw_stream_opts.map, &x3), TW_SPOL_MACOS);
    CHECK_EQ(tw_policy_lookup(&tw_stream_opts.map, &x6), TW_SPOL_SOLARIS);
    CHECK(tw_stream_cksum_arg("offload"));
    CHECK(!tw_stream_cksum_arg("some"));
}

/* the word-at-a-time checksum against a byte-pair reference, every length and alignment */
static void test_cksum(void)
{
    uint8_t buf[300];
    uint32_t x = 12345;
    for (size_t i = 0; i < sizeof buf; i++) {
        x = x * 1103515245u + 12345u;
        buf[i] = (uint8_t)(x >> 16);
    }
    for (size_t off = 0; off < 9; off++)
        for (size_t n = 0; n + off <= sizeof buf; n++) {
            uint64_t ref = 7;
            for (size_t i = 0; i < n; i += 2)
                ref += (uint32_t)buf[off + i] << 8 | (i + 1 < n ? buf[off + i + 1] : 0);
            while (ref >> 16) ref = (ref & 0xffff) + (ref >> 16);
            uint32_t got = tw_cksum_add(7, buf + off, n);
            if (got != ref)
                fprintf(stderr, "cksum off %zu len %zu: %x != %x\n", off, n, got, (unsigned)ref);
            CHECK_EQ(got, ref);
        }
    uint8_t ones[64];
    memset(ones, 0xff, sizeof ones);
    CHECK_EQ(tw_cksum_add(0, ones, sizeof ones), 0xffff);
    CHECK_EQ(tw_cksum_add(0, ones, 0), 0);
}

int main(void)
{
    test_cksum();
    test_frags();
    test_tcp();
    test_map();
    TEST_DONE();
}
