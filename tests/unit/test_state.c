/* Unit tests for the state tables (capped, least recently used evicted first, drop hooks) and
 * for offset reassembly on them (order, overlap, conflict, tails, budget). */
#include "dissect/dissect.h"

#include <stdlib.h>

#include "check.h"

static int drops;
static void count_drop(void *v)
{
    (void)v;
    drops++;
}

struct val {
    uint32_t n;
};

static void test_table(void)
{
    struct tw_state *s = tw_state_open("test", sizeof(struct val), 3, count_drop);
    CHECK(s != NULL);
    bool fresh;
    for (uint32_t k = 1; k <= 3; k++) {
        struct val *v = tw_state_put(s, &k, sizeof k, &fresh);
        CHECK(v && fresh && v->n == 0);
        v->n = k * 10;
    }
    CHECK_EQ(tw_state_count(s), 3);
    uint32_t k = 1;
    struct val *v = tw_state_get(s, &k, sizeof k); /* 1 becomes the newest: 2 is the oldest */
    CHECK(v && v->n == 10);
    k = 4;
    v = tw_state_put(s, &k, sizeof k, &fresh);
    CHECK(v && fresh);
    CHECK_EQ(drops, 1);
    CHECK_EQ(tw_state_evicted(s), 1);
    k = 2;
    CHECK(tw_state_get(s, &k, sizeof k) == NULL);
    k = 3;
    v = tw_state_put(s, &k, sizeof k, &fresh);
    CHECK(v && !fresh && v->n == 30);
    tw_state_del(s, v);
    CHECK_EQ(drops, 2);
    CHECK_EQ(tw_state_count(s), 2);
    CHECK(tw_state_get(s, &k, sizeof k) == NULL);
    /* keys of other lengths are other keys; too long a key is refused */
    uint8_t big[TW_STATE_KEY_MAX + 1] = {0};
    CHECK(tw_state_put(s, big, sizeof big, NULL) == NULL);
    CHECK(tw_state_put(s, big, 2, NULL) != NULL);
    /* many more than the cap: the count stays at the cap */
    for (uint32_t i = 100; i < 10100; i++) tw_state_put(s, &i, sizeof i, NULL);
    CHECK_EQ(tw_state_count(s), 3);
    tw_state_close_all();
    CHECK_EQ(drops, 2 + 10000 + 3); /* every entry dropped exactly once */
}

static uint8_t pat[4096];

static void test_reasm(void)
{
    for (uint32_t i = 0; i < sizeof pat; i++) pat[i] = (uint8_t)(i * 7 + 1);
    struct tw_arena arena;
    CHECK(tw_arena_init(&arena, 1 << 20));
    struct tw_pkt p;
    tw_pkt_init(&p, &arena, 64);
    struct tw_frame f = {0};
    p.frame = &f;
    struct tw_reasm r;
    CHECK(tw_reasm_open(&r, "test.reasm", 8, 8192, 16, 1 << 20));
    struct tw_reasm_result res;
    uint8_t key[4] = {1, 2, 3, 4};

    /* out of order, with a duplicate that conflicts */
    f.recno = 1;
    CHECK(!tw_reasm_add(&r, &p, key, 4, 1000, pat + 1000, 500, false, &res));
    f.recno = 2;
    CHECK(!tw_reasm_add(&r, &p, key, 4, 0, pat, 600, true, &res));
    f.recno = 3;
    uint8_t junk[400];
    memset(junk, 0xee, sizeof junk);
    CHECK(!tw_reasm_add(&r, &p, key, 4, 200, junk, 400, true, &res));
    f.recno = 4;
    CHECK(tw_reasm_add(&r, &p, key, 4, 600, pat + 600, 400, true, &res));
    CHECK_EQ(res.len, 1500);
    CHECK(memcmp(res.data, pat, 1500) == 0); /* overlapping bytes keep the first copy */
    CHECK_EQ(res.nfrags, 4);
    CHECK_EQ(res.frags[0].frame, 2);
    CHECK_EQ(res.frags[1].frame, 3);
    CHECK_EQ(res.frags[1].flags, TW_FRAG_OVERLAP | TW_FRAG_CONFLICT);
    CHECK_EQ(res.frags[2].frame, 4);
    CHECK_EQ(res.frags[2].flags, 0);
    CHECK_EQ(res.frags[3].frame, 1);
    CHECK_EQ(res.flags, TW_FRAG_OVERLAP | TW_FRAG_CONFLICT);
    /* done: the same key starts afresh */
    f.recno = 5;
    CHECK(!tw_reasm_add(&r, &p, key, 4, 8, pat, 8, false, &res));
    /* two tails */
    key[0] = 9;
    f.recno = 6;
    CHECK(!tw_reasm_add(&r, &p, key, 4, 8, pat + 8, 8, false, &res));
    f.recno = 7;
    CHECK(!tw_reasm_add(&r, &p, key, 4, 8, pat + 8, 16, false, &res));
    f.recno = 8;
    CHECK(tw_reasm_add(&r, &p, key, 4, 0, pat, 8, true, &res));
    CHECK_EQ(res.len, 16);
    CHECK(res.flags & TW_FRAG_MULTIPLE_TAILS);
    CHECK(res.flags & TW_FRAG_TOO_LONG);
    /* past the per-datagram length: refused */
    CHECK(!tw_reasm_add(&r, &p, key, 4, 8192, pat, 8, true, &res));
    /* the pending cap: 20 datagrams in a table of 8 */
    for (uint8_t i = 0; i < 20; i++) {
        key[1] = i;
        tw_reasm_add(&r, &p, key, 4, 0, pat, 100, true, &res);
    }
    CHECK_EQ(tw_state_count(r.tab), 8);
    CHECK(r.bytes <= r.max_bytes);
    tw_state_close_all();
    CHECK_EQ(r.bytes, 0);
    tw_pkt_free(&p);
    tw_arena_free(&arena);
}

int main(void)
{
    test_table();
    test_reasm();
    TEST_DONE();
}
