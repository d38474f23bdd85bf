/* Unit tests for the display filter: compile errors (message and caret), the program's shape
 * (jumps only forward, equal spellings give equal programs), and runs over a hand-made
 * Ethernet/IPv4/TCP frame dissected with every field recorded. */
#include "dissect/dissect.h"
#include "filter/internal.h"

#include <stdlib.h>
#include <string.h>

#include "check.h"

static struct tw_arena arena, iarena;
static struct tw_pkt pkt;  /* reads scan its records */
static struct tw_pkt ipkt; /* indexes the fields the filters read (tw_filter_index) */
static struct tw_pkt *cur = &pkt;
static bool collect; /* run1() only asks ipkt to index the filter's fields */

/* 10.0.0.1:40000 -> 10.0.0.2:80, SYN+ACK... then payload "GET / HTTP/1.1\r\n" */
static const uint8_t frame_bytes[] = {
    0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x08, 0x00,
    0x45, 0x00, 0x00, 0x38, 0x12, 0x34, 0x40, 0x00, 0x40, 0x06, 0x00, 0x00,
    10, 0, 0, 1, 10, 0, 0, 2,
    0x9c, 0x40, 0x00, 0x50, 0, 0, 0, 1, 0, 0, 0, 0, 0x50, 0x18, 0x10, 0x00, 0, 0, 0, 0,
    'G', 'E', 'T', ' ', '/', ' ', 'H', 'T', 'T', 'P', '/', '1', '.', '1', '\r', '\n'};

static bool run1(const char *text)
{
    char err[1024];
    struct tw_filter *f = tw_filter_compile(text, err, sizeof err);
    if (!f) {
        fprintf(stderr, "unexpected compile error for %s: %s", text, err);
        tw_failures++;
        return false;
    }
    for (uint32_t pc = 0; pc < f->ncode; pc++) {
        const struct twf_insn *in = &f->code[pc];
        if (in->op == OP_JF || in->op == OP_JT) CHECK(in->a > (int32_t)pc && in->a <= (int32_t)f->ncode);
    }
    if (collect) {
        tw_filter_index(f, &ipkt);
        tw_filter_free(f);
        return true;
    }
    bool r = tw_filter_run(f, cur);
    tw_filter_free(f);
    return r;
}

#define MATCH(t) CHECK(run1(t))
#define NOMATCH(t) CHECK(run1(t) == collect) /* collecting, run1() says true */

static void reject(const char *text, const char *msg, int col, int len)
{
    char err[1024];
    struct tw_filter *f = tw_filter_compile(text, err, sizeof err);
    CHECK(f == NULL);
    tw_filter_free(f);
    if (f) return;
    if (strncmp(err, msg, strlen(msg)) != 0) {
        fprintf(stderr, "for %s: got \"%s\", expected \"%s\"\n", text, err, msg);
        tw_failures++;
    }
    if (col >= 0) {
        const char *caret = strchr(err, '^');
        CHECK(caret != NULL);
        if (!caret) return;
        const char *ls = caret;
        while (ls > err && ls[-1] != '\n') ls--;
        CHECK_EQ(caret - ls - 4, col);
        int n = 1;
        while (caret[n] == '~') n++;
        CHECK_EQ(n, len);
    }
}

static void test_errors(void)
{
    reject("tcp.port in {80 8765}", "\"8765\" was unexpected in this context.", 16, 4);
    reject("foo.bar", "foo.bar is neither a field nor a protocol name.", 0, 7);
    reject("tcp.port == abc", "\"abc\" is not a valid number.", 12, 3);
    reject("tcp.port == 70000", "\"70000\" too big for this field, maximum 65535.", 12, 5);
    reject("tcp.port contains 1", "tcp.port (type=Unsigned integer (2 bytes)) cannot participate in contains comparison.", 0, 8);
    reject("len(tcp.payload)", "You cannot test whether a function is present.", 0, 3);
    reject("vals(tcp.port) == 1", "Function 'vals' does not exist", 0, 4);
    reject("tcp ==", "Unexpected end of filter expression.", -1, 0);
    reject("", "Unexpected end of filter expression.", -1, 0);
    reject("\"\\u0047\"", "\\u0047 is not a valid universal character name", 1, 6);
    reject("ip.src == 1.2.3", "\"1.2.3\" is not a valid hostname or IPv4 address.", 10, 5);
    reject("eth.dst == ff:ff", "\"ff:ff\" contains too few bytes to be a valid Ethernet address.", 11, 5);
    reject("ip.src == tcp.port", "ip.src and tcp.port are not of compatible types.", 10, 8);
    reject("1 == tcp.port", "Left side of \"==\" expression must be a field or function, not 1.", 0, 1);
    reject("tcp.port[0:1] == 1f", "\"tcp.port\" is a Unsigned integer (2 bytes) and cannot be sliced into a sequence of bytes.", 0, 8);
    reject("lower(tcp.port) == 1", "Only string type fields can be used as parameter for lower()", 6, 8);
    /* depth cap: deep nesting is an error, not a stack overflow */
    char deep[600];
    memset(deep, '(', 300);
    memcpy(deep + 300, "tcp", 3);
    memset(deep + 303, ')', 296);
    deep[599] = 0;
    char err[256];
    struct tw_filter *f = tw_filter_compile(deep, err, sizeof err);
    CHECK(f == NULL);
    tw_filter_free(f);
}

static void test_runs(void)
{
    MATCH("tcp");
    MATCH("ip && tcp && eth");
    NOMATCH("udp");
    MATCH("!udp");
    MATCH("not udp and tcp");
    MATCH("udp or tcp");
    MATCH("tcp.port == 80");
    MATCH("tcp.port eq 40000");
    NOMATCH("tcp.port != 80");  /* 4.0: != means "no occurrence equals" */
    MATCH("tcp.port ~= 80");
    MATCH("tcp.port !== 80");
    NOMATCH("tcp.port === 80");
    MATCH("any tcp.port > 1000");
    NOMATCH("all tcp.port > 1000");
    MATCH("tcp.port in {80, 443}");
    MATCH("tcp.port in {1..100}");
    NOMATCH("tcp.port in {81..100, 443}");
    MATCH("tcp.port not in {443}");
    MATCH("ip.addr == 10.0.0.0/8");
    MATCH("ip.src == 10.0.0.1 && ip.dst == 10.0.0.2");
    NOMATCH("ip.src == 10.0.0.2");
    MATCH("ip.src < ip.dst");
    MATCH("eth.dst == 66:77:88:99:aa:bb");
    MATCH("eth.src == 00-11-22-33-44-55");
    MATCH("tcp.flags & 0x02 == 0");
    MATCH("tcp.flags & 0x18");
    MATCH("tcp.flags.push == True");
    MATCH("tcp.payload contains \"HTTP\"");
    MATCH("tcp.payload contains 47:45:54");
    MATCH("tcp.payload[0:3] == \"GET\"");
    MATCH("tcp.payload[0-2] == 47:45:54");
    MATCH("tcp.payload[-2:] == 0d:0a");
    MATCH("tcp.payload[0:1,2:1] == \"GT\"");
    MATCH("tcp.payload matches \"^get /\"");
    NOMATCH("tcp.payload matches \"(?-i)^get /\"");
    MATCH("frame contains \"GET\"");
    MATCH("frame[12:2] == 08:00");
    MATCH("eth[0:2] == 66:77");
    MATCH("ip[0] == 45");
    MATCH("len(tcp.payload) == 16");
    MATCH("len(tcp.port) == 2");
    MATCH("count(tcp.port) == 2");
    MATCH("string(ip.ttl) == \"64\"");
    MATCH("tcp.srcport - tcp.dstport == 39920");
    MATCH("tcp.dstport - tcp.srcport == -39920");
    MATCH("abs(tcp.dstport - tcp.srcport) == 39920");
    MATCH("tcp.dstport * 2 == {tcp.dstport + 80}");
    MATCH("tcp.srcport % 7 == 2");
    MATCH("-ip.ttl == -64");
    MATCH("max(tcp.srcport, tcp.dstport) == 40000");
    MATCH("min(tcp.srcport, tcp.dstport) == 80");
    MATCH("ip.src#1 == 10.0.0.1");
    NOMATCH("ip.src#2 == 10.0.0.1");
    MATCH("ip.proto == TCP");
    MATCH("frame.len > 0b1000");
    MATCH("frame.len == 0106"); /* octal, as in Wireshark */
    NOMATCH("tr.sr == True"); /* Wireshark's field, not dissected by trawl: never present */
    NOMATCH("ssl");
    NOMATCH("tcp.port == ${tcp.port}");
}

/* the index when records are taken back from the end of the packet (tw_layer_unrecord) and
 * others added since, and when a field has more records than the index lists */
static void test_index_edges(void)
{
    cur = &ipkt;
    uint16_t port = (uint16_t)tw_field_lookup("tcp.port", 8);
    uint16_t ttl = (uint16_t)tw_field_lookup("ip.ttl", 6);
    CHECK(tw_rec_chain(&ipkt, port) >= 0);
    tw_add_uint(&ipkt, port, 0, 0, 7);
    ipkt.nrecs--;                     /* taken back, as tw_layer_unrecord does */
    tw_add_uint(&ipkt, ttl, 0, 0, 1); /* reuses the index */
    tw_add_uint(&ipkt, port, 0, 0, 9);
    NOMATCH("tcp.port == 7");
    MATCH("tcp.port == 9");
    NOMATCH("tcp.port in {7}");
    MATCH("tcp.port in {9}");
    MATCH("count(tcp.port) == 3");
    ipkt.nrecs -= 2;                    /* the 9 and the TTL */
    tw_add_uint(&ipkt, port, 0, 0, 11); /* same index as the 7 had */
    NOMATCH("tcp.port == 9");
    NOMATCH("tcp.port == 7");
    MATCH("tcp.port == 11");
    MATCH("count(tcp.port) == 3");
    MATCH("all tcp.port > 10");
    for (uint32_t i = 0; i < TW_CHAIN_CAP; i++) tw_add_uint(&ipkt, port, 0, 0, 1000 + i);
    MATCH("count(tcp.port) == 35");
    MATCH("tcp.port == 1031");
    MATCH("tcp.port == 80");
    NOMATCH("tcp.port == 7");
    cur = &pkt;
}

int main(void)
{
    if (!tw_registry_init()) return 1;
    tw_arena_init(&arena, 1 << 20);
    tw_pkt_init(&pkt, &arena, 65536);
    uint8_t *want = calloc(tw_field_count() + 1, 1);
    pkt.want = want;
    pkt.want_all = true;
    pkt.has_tree = true;
    tw_pkt_prime(&pkt);
    struct tw_frame fr;
    memset(&fr, 0, sizeof fr);
    fr.data = frame_bytes;
    fr.caplen = fr.wirelen = sizeof frame_bytes;
    fr.linktype = 1;
    fr.recno = 1;
    fr.fcs_len = 0;
    tw_dissect_frame(&pkt, &fr);
    test_errors();
    test_runs();
    /* the same runs over the packet's index of the fields they read */
    tw_arena_init(&iarena, 1 << 20);
    tw_pkt_init(&ipkt, &iarena, 65536);
    ipkt.want = want;
    ipkt.want_all = true;
    ipkt.has_tree = true;
    collect = true;
    test_runs();
    collect = false;
    tw_pkt_prime(&ipkt);
    CHECK(ipkt.nchains > 10);
    tw_dissect_frame(&ipkt, &fr);
    cur = &ipkt;
    test_runs();
    test_index_edges();
    tw_pkt_free(&ipkt);
    tw_pkt_free(&pkt);
    tw_arena_free(&arena);
    tw_arena_free(&iarena);
    free(want);
    tw_registry_free();
    TEST_DONE();
}
