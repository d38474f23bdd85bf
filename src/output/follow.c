/* -z follow,tcp|udp,FORMAT,FILTER[,RANGE]: the payload of one TCP or UDP conversation, as
 * tshark prints it after the packets (see docs/follow.md).
 *
 * TCP is put in order the way Wireshark 4.0's follow tap does it (not the way the stream engine
 * does): per direction the next expected sequence number; a segment that starts at it is
 * appended (its reported length advances the number, its captured bytes are the data); one that
 * starts before it keeps only its new tail; one that starts after it is held until the gap fills
 * or until the other side acknowledges past it (then a "[N bytes missing in capture file]" chunk
 * stands for the gap). Every appended piece is one chunk: chunks are never merged.
 *
 * With --policy the TCP bytes come from the stream engine instead (src/stream): what that target
 * would have reassembled, cut into chunks by the engine's chunk log (see docs/follow.md). */
#include "output.h"

#include "../stream/stream.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum fmt { F_ASCII, F_EBCDIC, F_HEX, F_RAW, F_YAML, F_CARRAY };
static const char *const fmt_names[] = {"ascii", "ebcdic", "hex", "raw", "yaml", "carray"};

/* Out-of-order bytes held per direction while waiting for a gap to fill. Past the cap the
 * newest held segment is dropped (tshark would keep it: a capture needing more than this is
 * reported as a difference in docs/differences.md). */
#define HOLD_CAP ((size_t)64 << 20)

struct chunk {
    bool server;
    bool gap; /* --policy: a gap marker (timestamp 0) */
    uint64_t num;
    struct tw_time ts;
    uint64_t off; /* in st->data */
    uint32_t len;
    uint64_t at, order; /* --policy: sort key (see policy_conn), then the order of adding */
};

/* --policy: the time of each frame given to the engine (frame numbers increase) */
struct ftime {
    uint64_t num;
    struct tw_time ts;
};

struct held {
    uint32_t seq;
    uint64_t num;
    struct tw_time ts;
    uint8_t *data;
    uint32_t len;
};

struct follow {
    bool udp;
    enum fmt fmt;
    char filter[512];
    /* what the tap filter keeps */
    bool by_index;
    uint32_t index;
    uint8_t fam; /* 4 or 6 */
    uint8_t addr[2][16];
    uint16_t port[2];
    uint32_t chunk_min, chunk_max;

    /* node 0 is the source of the first packet the filter let through */
    bool have_client;
    uint8_t cver;
    uint8_t caddr[16], saddr[16];
    uint16_t cport, sport;

    /* the chunks in order, their bytes in one buffer */
    struct chunk *chunks;
    size_t nchunks, maxchunks;
    struct tw_buf data;

    /* TCP ordering state per direction (0 client, 1 server) */
    uint32_t seq[2];
    uint64_t written[2];
    struct held *hold[2];
    size_t nhold[2], maxhold[2];
    size_t hold_bytes[2];

    /* --policy (TCP): the engine, fed the packets the filter lets through */
    int pol;
    struct tw_stream *eng;
    struct ftime *times;
    size_t ntimes, maxtimes;
};

/* sequence-space comparisons */
static bool lt_seq(uint32_t a, uint32_t b)
{
    return (int32_t)(a - b) < 0;
}
static bool gt_seq(uint32_t a, uint32_t b)
{
    return (int32_t)(a - b) > 0;
}

/* sscanf's %d/%u for our purposes: optional blanks, optional sign, digits */
static bool scan_num(const char **s, long long *v)
{
    const char *p = *s;
    while (*p == ' ' || *p == '\t' || *p == '\n') p++;
    bool neg = false;
    if (*p == '+' || *p == '-') neg = *p++ == '-';
    if (*p < '0' || *p > '9') return false;
    long long n = 0;
    while (*p >= '0' && *p <= '9') {
        if (n < 10000000000LL) n = n * 10 + (*p - '0');
        p++;
    }
    *v = neg ? -n : n;
    *s = p;
    return true;
}

#define VER_MAC 48 /* "version" of an Ethernet address in node 0/1 */

static size_t addr_len(uint8_t ver)
{
    return ver == 6 ? 16 : ver == VER_MAC ? 6 : 4;
}

static bool fmt_addr(char *out, size_t n, uint8_t ver, const uint8_t *a)
{
    if (ver == VER_MAC) {
        if (n < 18) return false;
        snprintf(out, n, "%02x:%02x:%02x:%02x:%02x:%02x", a[0], a[1], a[2], a[3], a[4], a[5]);
    } else if (ver == 6) {
        if (n < 46) return false;
        tw_fmt_ipv6(out, a);
    } else {
        if (n < 16) return false;
        tw_fmt_ipv4(out, a);
    }
    return true;
}

/* ",ADDR:PORT" (IPv4) or ",[ADDR]:PORT" (IPv6) */
static bool parse_endpoint(const char **s, uint8_t *fam, uint8_t *addr, uint16_t *port,
                           const char **why)
{
    const char *p = *s;
    char text[81];
    size_t n = 0;
    bool v6 = false;
    *why = "Invalid address.";
    if (*p != ',') return false;
    p++;
    if (*p == '[') {
        p++;
        while (*p && *p != ']' && n < 80) text[n++] = *p++;
        if (n == 0 || *p != ']' || p[1] != ':') return false;
        p += 2;
        v6 = true;
    } else {
        while (*p && *p != ':' && n < 80) text[n++] = *p++;
        if (n == 0 || *p != ':') return false;
        p++;
    }
    text[n] = 0;
    long long v;
    if (!scan_num(&p, &v)) return false;
    if (v <= 0 || v > 65535) {
        *why = "Invalid port.";
        return false;
    }
    if (v6 ? inet_pton(AF_INET6, text, addr) != 1 : inet_pton(AF_INET, text, addr) != 1) {
        *why = v6 ? "Can't get IPv6 address" : "Can't get IPv4 address";
        return false;
    }
    *fam = v6 ? 6 : 4;
    *port = (uint16_t)v;
    *s = p;
    return true;
}

static void policy_conn(void *user, const struct tw_sconn *c);

static void *follow_open(const char *arg, struct tw_zneeds *need, char *err, size_t errlen)
{
    struct follow *st = calloc(1, sizeof *st);
    if (!st) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    tw_buf_init(&st->data, (size_t)4 << 30);
    const char *why = NULL;
    const char *p = arg + strlen("follow,");
    st->udp = strncmp(p, "udp", 3) == 0;
    p += 3;
    const char *proto = st->udp ? "udp" : "tcp";

    /* the format */
    size_t i;
    for (i = 0; i < TW_ARRAY_LEN(fmt_names); i++) {
        size_t n = strlen(fmt_names[i]);
        if (p[0] == ',' && strncmp(p + 1, fmt_names[i], n) == 0) {
            p += 1 + n;
            break;
        }
    }
    if (i == TW_ARRAY_LEN(fmt_names)) {
        why = "Invalid display mode.";
        goto bad;
    }
    st->fmt = (enum fmt)i;

    /* the filter: a stream index or two endpoints */
    const char *q = p;
    long long v;
    if (*q == ',' && (q++, scan_num(&q, &v)) && (*q == 0 || *q == ',')) {
        if (v < 0 || v > UINT32_MAX) {
            why = "Error registering tap listener.";
            goto bad;
        }
        st->by_index = true;
        st->index = (uint32_t)v;
        p = q;
        snprintf(st->filter, sizeof st->filter, "%s.stream eq %u", proto, st->index);
    } else {
        uint8_t fam[2];
        for (int k = 0; k < 2; k++)
            if (!parse_endpoint(&p, &fam[k], st->addr[k], &st->port[k], &why)) goto bad;
        if (fam[0] != fam[1]) {
            why = "Mismatched IP address types.";
            goto bad;
        }
        st->fam = fam[0];
        char a0[64], a1[64];
        fmt_addr(a0, sizeof a0, st->fam, st->addr[0]);
        fmt_addr(a1, sizeof a1, st->fam, st->addr[1]);
        const char *ver = st->fam == 6 ? "v6" : "";
        snprintf(st->filter, sizeof st->filter,
                 "((ip%s.src eq %s and %s.srcport eq %u) and (ip%s.dst eq %s and %s.dstport eq "
                 "%u)) or ((ip%s.src eq %s and %s.srcport eq %u) and (ip%s.dst eq %s and "
                 "%s.dstport eq %u))",
                 ver, a0, proto, st->port[0], ver, a1, proto, st->port[1], ver, a1, proto,
                 st->port[1], ver, a0, proto, st->port[0]);
    }

    /* the chunk range */
    st->chunk_min = 1;
    st->chunk_max = UINT32_MAX;
    if (*p) {
        long long lo, hi;
        q = p + 1;
        if (*p != ',' || !scan_num(&q, &lo)) {
            why = "Invalid range.";
            goto bad;
        }
        hi = lo;
        if (*q == '-') {
            const char *r = q + 1;
            if (scan_num(&r, &hi))
                q = r;
            else
                hi = lo;
        }
        p = q;
        /* %u wraps negative numbers */
        st->chunk_min = (uint32_t)lo;
        st->chunk_max = (uint32_t)hi;
        if (st->chunk_min < 1 || st->chunk_min > st->chunk_max) {
            why = "Invalid range value.";
            goto bad;
        }
    }
    if (*p) {
        why = "Invalid parameter.";
        goto bad;
    }
    /* the stream's items, and the layers that decide the packet's final addresses and ports */
    need->taps |= 1u << TW_TAP_UDP | 1u << TW_TAP_TCP | 1u << TW_TAP_IP | 1u << TW_TAP_ETH;
    st->pol = st->udp ? -1 : tw_stream_opts.follow_policy;
    if (st->pol >= 0) {
        struct tw_stream_cfg cfg;
        tw_stream_defaults(&cfg);
        cfg.policies = 1u << st->pol;
        cfg.keep = UINT32_MAX;
        cfg.chunks = true;
        /* a followed connection lasts until the end of the input, as in tshark */
        cfg.idle = cfg.closed_idle = UINT32_MAX;
        cfg.on_conn = policy_conn;
        cfg.user = st;
        st->eng = tw_stream_open(&cfg);
        if (!st->eng) {
            snprintf(err, errlen, "out of memory");
            tw_buf_free(&st->data);
            free(st);
            return NULL;
        }
        need->cksum |= tw_stream_opts.cksum_mode != TW_CKMODE_NONE;
    }
    return st;
bad:
    snprintf(err, errlen, "follow - %s", why);
    free(st);
    return NULL;
}

static struct chunk *add_chunk(struct follow *st, bool server, uint64_t num, struct tw_time ts,
                               const uint8_t *d, uint32_t len)
{
    if (st->nchunks == st->maxchunks) {
        size_t m = st->maxchunks ? st->maxchunks * 2 : 64;
        struct chunk *c = realloc(st->chunks, m * sizeof *c);
        if (!c) return NULL;
        st->chunks = c;
        st->maxchunks = m;
    }
    struct chunk *c = &st->chunks[st->nchunks];
    *c = (struct chunk){.server = server, .num = num, .ts = ts, .off = st->data.len, .len = len};
    if (!tw_buf_add(&st->data, d, len)) return NULL;
    c->order = st->nchunks++;
    return c;
}

static void drop_held(struct follow *st, int dir, size_t i)
{
    st->hold_bytes[dir] -= st->hold[dir][i].len;
    free(st->hold[dir][i].data);
    memmove(&st->hold[dir][i], &st->hold[dir][i + 1],
            (st->nhold[dir] - i - 1) * sizeof st->hold[dir][0]);
    st->nhold[dir]--;
}

/* applies one held segment to direction dir if one fits (or, with use_ack, stands in for the
 * bytes the other side acknowledged but the capture lacks); true when something happened */
static bool apply_held(struct follow *st, int dir, uint32_t acked, bool use_ack, uint64_t num)
{
    if (st->nhold[dir] == 0) return false;
    uint32_t lowest = st->hold[dir][0].seq;
    for (size_t i = 0; i < st->nhold[dir]; i++) {
        struct held *h = &st->hold[dir][i];
        if (gt_seq(lowest, h->seq)) lowest = h->seq;
        if (lt_seq(h->seq, st->seq[dir])) {
            uint32_t end = h->seq + h->len;
            if (gt_seq(end, st->seq[dir])) {
                uint32_t skip = st->seq[dir] - h->seq;
                if (h->len > skip) add_chunk(st, dir, h->num, h->ts, h->data + skip, h->len - skip);
                st->seq[dir] += h->len - skip;
            }
            drop_held(st, dir, i);
            return true;
        }
        if (h->seq == st->seq[dir]) {
            if (h->len) add_chunk(st, dir, h->num, h->ts, h->data, h->len);
            st->seq[dir] += h->len;
            drop_held(st, dir, i);
            return true;
        }
    }
    if (use_ack && gt_seq(acked, lowest)) {
        char msg[64];
        int n = snprintf(msg, sizeof msg, "[%d bytes missing in capture file]",
                         (int)(lowest - st->seq[dir]));
        /* the text goes in with its terminating NUL */
        add_chunk(st, dir, num, (struct tw_time){0, 0}, (const uint8_t *)msg, (uint32_t)n + 1);
        st->seq[dir] = lowest;
        return true;
    }
    return false;
}

static bool same_ep(const struct tw_addr *a, uint16_t port, const uint8_t *addr, uint16_t p2)
{
    return port == p2 && memcmp(a->p, addr, a->len) == 0;
}

/* whether the tap filter lets an item through, and which side sent it */
static bool wanted(const struct follow *st, uint32_t stream, uint8_t ver, const struct tw_addr *src,
                   const struct tw_addr *dst, uint16_t sport, uint16_t dport)
{
    if (st->by_index) return stream == st->index;
    if (ver != st->fam || !src->p || !dst->p) return false;
    return (same_ep(src, sport, st->addr[0], st->port[0]) &&
            same_ep(dst, dport, st->addr[1], st->port[1])) ||
           (same_ep(src, sport, st->addr[1], st->port[1]) &&
            same_ep(dst, dport, st->addr[0], st->port[0]));
}

static int side(struct follow *st, uint8_t ver, const struct tw_addr *src,
                const struct tw_addr *dst, uint16_t sport, uint16_t dport)
{
    size_t n = addr_len(ver);
    if (!st->have_client) {
        st->have_client = true;
        st->cver = ver;
        memcpy(st->caddr, src->p, n);
        memcpy(st->saddr, dst->p, n);
        st->cport = sport;
        st->sport = dport;
    }
    return !(ver == st->cver && sport == st->cport && memcmp(src->p, st->caddr, n) == 0);
}

static bool addr_is(const struct tw_addr *a, uint16_t port, uint8_t ver, const uint8_t *addr,
                    uint16_t p2)
{
    return port == p2 && a->p && a->len == addr_len(ver) && memcmp(a->p, addr, a->len) == 0;
}

/* --policy: a connection the engine has finished. Its two directions' bytes as the target sees
 * them become chunks, cut as the engine's chunk log cuts them, with a gap marker where the
 * stream offsets jump; the chunks are put in delivery order in follow_finish. */
static void policy_conn(void *user, const struct tw_sconn *c)
{
    struct follow *st = user;
    const struct tw_addr *a0 = tw_sconn_addr(c, 0), *a1 = tw_sconn_addr(c, 1);
    uint16_t p0 = tw_sconn_port(c, 0), p1 = tw_sconn_port(c, 1);
    uint8_t ver = a0->type == TW_AT_IPv6 ? 6 : 4;
    if (!wanted(st, tw_sconn_index(c), ver, a0, a1, p0, p1)) return;
    /* the engine's endpoint 0 is the source of the connection's first packet; node 0 is decided
     * from the packets' final addresses, which can differ (tunnels) */
    bool swap = st->have_client && !addr_is(a0, p0, st->cver, st->caddr, st->cport) &&
                addr_is(a1, p1, st->cver, st->caddr, st->cport);
    for (unsigned d = 0; d < 2; d++) {
        const struct tw_sview *v = tw_sconn_view_of(c, d, (unsigned)st->pol);
        if (!v) continue;
        uint32_t n, nc;
        bool trunc;
        const uint8_t *b = tw_sview_bytes(v, &n, &trunc);
        const struct tw_schunk *ch = tw_sview_chunks(v, &nc);
        bool server = (d == 1) != swap;
        struct tw_schunk whole = {tw_sconn_first_frame(c), UINT64_MAX, 0, n};
        if (!ch) { /* no log (out of memory): the direction as one chunk */
            ch = &whole;
            nc = n ? 1 : 0;
        }
        /* sort key: twice the frame that delivered the bytes; bytes delivered only when the
         * connection ended (past a gap) go by the frame that carried them (plus one: after
         * that frame's own deliveries), never before what the direction delivered earlier */
        uint64_t pos = 0, expect = 0, key = 0;
        for (uint32_t i = 0; i < nc && pos + ch[i].len <= n; i++) {
            struct chunk *k;
            uint64_t ki = ch[i].at == UINT64_MAX ? ch[i].frame * 2 + 1 : ch[i].at * 2;
            if (ki > key) key = ki;
            if (ch[i].off > expect) {
                char msg[64];
                int m = snprintf(msg, sizeof msg, "[%llu bytes missing in capture file]",
                                 (unsigned long long)(ch[i].off - expect));
                /* with its terminating NUL, as tshark's */
                k = add_chunk(st, server, ch[i].frame, (struct tw_time){0, 0}, (const uint8_t *)msg,
                              (uint32_t)m + 1);
                if (k) k->gap = true, k->at = key;
            }
            k = add_chunk(st, server, ch[i].frame, (struct tw_time){0, 0}, b + pos, ch[i].len);
            if (k) k->at = key;
            pos += ch[i].len;
            expect = ch[i].off + ch[i].len;
        }
    }
}

static int chunk_cmp(const void *a, const void *b)
{
    const struct chunk *x = a, *y = b;
    if (x->at != y->at) return x->at < y->at ? -1 : 1;
    return x->order < y->order ? -1 : x->order > y->order;
}

static struct tw_time frame_time(const struct follow *st, uint64_t num)
{
    size_t lo = 0, hi = st->ntimes;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (st->times[mid].num < num)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < st->ntimes && st->times[lo].num == num ? st->times[lo].ts : (struct tw_time){0, 0};
}

/* --policy: the connection's packets go to the engine; their times are kept for yaml */
static void policy_packet(struct follow *st, const struct tw_pkt *p, uint64_t num,
                          struct tw_time ts)
{
    if (st->ntimes == st->maxtimes) {
        size_t m = st->maxtimes ? st->maxtimes * 2 : 64;
        struct ftime *t = realloc(st->times, m * sizeof *t);
        if (!t) return;
        st->times = t;
        st->maxtimes = m;
    }
    st->times[st->ntimes++] = (struct ftime){num, ts};
    tw_stream_packet(st->eng, p, num);
}

static void tcp_segment(struct follow *st, const struct tw_tap_tcp *t, int dir, uint64_t num,
                        struct tw_time ts)
{
    uint32_t seq = t->seq;
    uint32_t length = t->seg_len;
    uint32_t off = 0, dlen = t->payload_cap;
    if (t->flags & 0x002) seq++; /* SYN */

    /* this segment may acknowledge held data of the other side the capture lacks */
    while (apply_held(st, !dir, t->ack, true, num)) {
    }

    if (st->written[dir] == 0 && st->seq[dir] == 0) st->seq[dir] = seq;

    if (lt_seq(seq, st->seq[dir])) {
        uint32_t next = seq + length;
        if (gt_seq(next, st->seq[dir])) {
            off = st->seq[dir] - seq;
            dlen = dlen <= off ? 0 : dlen - off;
            seq = st->seq[dir];
            length = next - st->seq[dir];
        }
    }
    if (dlen == 0 || lt_seq(seq, st->seq[dir])) return;

    if (seq == st->seq[dir]) {
        st->seq[dir] += length;
        st->written[dir] += dlen;
        add_chunk(st, dir, num, ts, t->payload + off, dlen);
        while (apply_held(st, dir, 0, false, num)) {
        }
        return;
    }
    /* ahead of what we have: hold it */
    if (st->hold_bytes[dir] + dlen > HOLD_CAP) return;
    if (st->nhold[dir] == st->maxhold[dir]) {
        size_t m = st->maxhold[dir] ? st->maxhold[dir] * 2 : 16;
        struct held *h = realloc(st->hold[dir], m * sizeof *h);
        if (!h) return;
        st->hold[dir] = h;
        st->maxhold[dir] = m;
    }
    uint8_t *copy = malloc(dlen);
    if (!copy) return;
    memcpy(copy, t->payload + off, dlen);
    st->hold[dir][st->nhold[dir]++] = (struct held){seq, num, ts, copy, dlen};
    st->hold_bytes[dir] += dlen;
}

/* The tap filter sees the whole packet: when one item of the kind matches, tshark's listener
 * gets every item of the packet (a VXLAN frame whose inner UDP is the stream gives the outer
 * datagram too), and it reads the addresses and ports from the packet's final state (the
 * innermost IP's, with an IPv6 routing header's final destination, and the last ports). */
static void follow_packet(void *vst, const struct tw_pkt *p, bool displayed)
{
    (void)displayed;
    struct follow *st = vst;
    uint64_t num = p->frame->recno;
    struct tw_time ts = p->frame->ts;
    enum tw_tap_id id = st->udp ? TW_TAP_UDP : TW_TAP_TCP;
    bool match = false;
    const struct tw_tap_item *last = NULL;
    for (const struct tw_tap_item *it = tw_tap_next(p, id, NULL); it; it = tw_tap_next(p, id, it)) {
        if (st->udp) {
            const struct tw_tap_udp *u = it->data;
            if (u->in_error) continue;
            match =
                match || wanted(st, u->stream, u->ip_version, &u->src, &u->dst, u->sport, u->dport);
        } else {
            const struct tw_tap_tcp *t = it->data;
            if (t->in_error || t->ip_fragment) continue;
            match =
                match || wanted(st, t->stream, t->ip_version, &t->src, &t->dst, t->sport, t->dport);
        }
        last = it;
    }
    if (!match) return;
    if (st->udp) {
        /* UDP queues its item only for a datagram with payload bytes captured */
        bool any = false;
        for (const struct tw_tap_item *it = tw_tap_next(p, id, NULL); it && !any;
             it = tw_tap_next(p, id, it)) {
            const struct tw_tap_udp *u = it->data;
            any = !u->in_error && u->payload_cap > 0;
        }
        if (!any) return;
    }

    /* the packet's final addresses and ports: the last transport layer's ports (TCP or UDP,
     * whichever is deeper), the addresses of the last IP layer, or of the last Ethernet layer
     * when it is deeper (a VXLAN frame carrying ARP ends with MAC addresses) */
    uint8_t ver;
    struct tw_addr src, dst;
    uint16_t sport, dport;
    uint32_t l4_layer = 0;
    if (st->udp) {
        const struct tw_tap_udp *u = last->data;
        ver = u->ip_version, src = u->src, dst = u->dst, sport = u->sport, dport = u->dport;
        l4_layer = u->layer;
    } else {
        const struct tw_tap_tcp *t = last->data;
        ver = t->ip_version, src = t->src, dst = t->dst, sport = t->sport, dport = t->dport;
        l4_layer = t->layer;
    }
    enum tw_tap_id other = st->udp ? TW_TAP_TCP : TW_TAP_UDP;
    for (const struct tw_tap_item *it = tw_tap_next(p, other, NULL); it;
         it = tw_tap_next(p, other, it)) {
        uint32_t layer;
        uint16_t sp, dp;
        bool err;
        if (st->udp) {
            const struct tw_tap_tcp *t = it->data;
            layer = t->layer, sp = t->sport, dp = t->dport, err = t->in_error;
        } else {
            const struct tw_tap_udp *u = it->data;
            layer = u->layer, sp = u->sport, dp = u->dport, err = u->in_error;
        }
        if (!err && layer > l4_layer) sport = sp, dport = dp, l4_layer = layer;
    }
    if (p->net_src.p && p->net_dst.p && p->net_src.type == p->net_dst.type &&
        (p->net_src.type == TW_AT_IPv4 || p->net_src.type == TW_AT_IPv6)) {
        src = p->net_src;
        dst = p->net_dst;
        ver = p->net_src.type == TW_AT_IPv6 ? 6 : 4;
    }
    uint32_t ip_layer = 0, eth_layer = 0;
    const struct tw_tap_eth *eth = NULL;
    for (const struct tw_tap_item *it = tw_tap_next(p, TW_TAP_IP, NULL); it;
         it = tw_tap_next(p, TW_TAP_IP, it)) {
        const struct tw_tap_ip *ip = it->data;
        if (!ip->in_error && ip->layer > ip_layer) ip_layer = ip->layer;
    }
    for (const struct tw_tap_item *it = tw_tap_next(p, TW_TAP_ETH, NULL); it;
         it = tw_tap_next(p, TW_TAP_ETH, it)) {
        const struct tw_tap_eth *e = it->data;
        if (e->layer >= eth_layer) eth_layer = e->layer, eth = e;
    }
    static const uint8_t none[16];
    struct tw_addr msrc = {TW_AT_ETHER, 6, none}, mdst = {TW_AT_ETHER, 6, none};
    if (eth && eth_layer > ip_layer) {
        msrc.p = eth->src;
        mdst.p = eth->dst;
        src = msrc;
        dst = mdst;
        ver = VER_MAC;
    }
    int dir = side(st, ver, &src, &dst, sport, dport);
    if (st->eng) {
        policy_packet(st, p, num, ts);
        return;
    }

    for (const struct tw_tap_item *it = tw_tap_next(p, id, NULL); it; it = tw_tap_next(p, id, it)) {
        if (st->udp) {
            const struct tw_tap_udp *u = it->data;
            if (u->in_error || u->payload_cap == 0) continue;
            add_chunk(st, dir, num, ts, u->payload, u->payload_cap);
        } else {
            const struct tw_tap_tcp *t = it->data;
            if (t->in_error || t->ip_fragment) continue;
            tcp_segment(st, t, dir, num, ts);
        }
    }
}

static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static void add_base64(struct tw_buf *b, const uint8_t *d, uint32_t n)
{
    uint32_t i = 0;
    for (; i + 3 <= n; i += 3) {
        uint32_t v = (uint32_t)d[i] << 16 | (uint32_t)d[i + 1] << 8 | d[i + 2];
        char o[4] = {b64[v >> 18], b64[v >> 12 & 63], b64[v >> 6 & 63], b64[v & 63]};
        tw_buf_add(b, o, 4);
    }
    if (n - i == 1) {
        uint32_t v = (uint32_t)d[i] << 16;
        char o[4] = {b64[v >> 18], b64[v >> 12 & 63], '=', '='};
        tw_buf_add(b, o, 4);
    } else if (n - i == 2) {
        uint32_t v = (uint32_t)d[i] << 16 | (uint32_t)d[i + 1] << 8;
        char o[4] = {b64[v >> 18], b64[v >> 12 & 63], b64[v >> 6 & 63], '='};
        tw_buf_add(b, o, 4);
    }
}

/* Wireshark's EBCDIC-to-ASCII translation, for the characters the ascii pass leaves (printable
 * ASCII, CR, LF); measured from tshark 4.0's output (tests/pcaps/gen_follow.py) */
static const uint8_t ebcdic_tab[128] = {
#include "follow_ebcdic.inc"
};

static void print_hex(struct tw_buf *b, const char *prefix, uint32_t offset, const uint8_t *d,
                      uint32_t n)
{
    static const char hx[] = "0123456789abcdef";
    for (uint32_t i = 0; i < n; i += 16, offset += 16) {
        char line[80];
        memset(line, ' ', sizeof line);
        snprintf(line, sizeof line, "%08X", offset);
        line[8] = ' ';
        uint32_t m = TW_MIN(16u, n - i);
        size_t h = 10, a = 60;
        for (uint32_t j = 0; j < m; j++) {
            uint8_t c = d[i + j];
            line[h] = hx[c >> 4];
            line[h + 1] = hx[c & 15];
            h += 3;
            line[a++] = c >= ' ' && c < 0x7f ? (char)c : '.';
            if (j == 7) {
                h++;
                line[a++] = ' ';
            }
        }
        if (line[a - 1] == ' ') a--;
        tw_buf_adds(b, prefix);
        tw_buf_add(b, line, a);
        tw_buf_addc(b, '\n');
    }
}

static void print_carray(struct tw_buf *b, const struct chunk *c, const uint8_t *d, uint32_t *count)
{
    static const char hx[] = "0123456789abcdef";
    tw_buf_printf(b, "char peer%d_%u[] = { /* Packet %llu */\n", c->server ? 1 : 0,
                  count[c->server]++, (unsigned long long)c->num);
    for (uint32_t i = 0; i < c->len;) {
        uint32_t j;
        for (j = 0; j < 8 && i + j < c->len; j++) {
            char e[6] = {'0', 'x', hx[d[i + j] >> 4], hx[d[i + j] & 15], ',', ' '};
            if (i + j + 1 < c->len)
                tw_buf_add(b, e, 6);
            else {
                tw_buf_add(b, e, 4);
                tw_buf_addc(b, ' ');
            }
        }
        i += j;
        if (i == c->len) tw_buf_adds(b, "};");
        tw_buf_addc(b, '\n');
    }
}

static void follow_finish(void *vst, struct tw_out *out)
{
    struct follow *st = vst;
    struct tw_buf *b = &out->b;
    if (st->eng) {
        tw_stream_close(st->eng); /* the callbacks add the chunks */
        st->eng = NULL;
        if (st->nchunks) qsort(st->chunks, st->nchunks, sizeof *st->chunks, chunk_cmp);
        for (size_t i = 0; i < st->nchunks; i++)
            if (!st->chunks[i].gap) st->chunks[i].ts = frame_time(st, st->chunks[i].num);
    }
    static const char sep[] =
        "===================================================================\n";
    char a0[64] = "", a1[64] = "";
    if (st->have_client) {
        fmt_addr(a0, sizeof a0, st->cver, st->caddr);
        fmt_addr(a1, sizeof a1, st->cver, st->saddr);
    }
    bool v6 = st->have_client && st->cver == 6;
    if (st->fmt == F_YAML) {
        tw_buf_printf(b, "peers:\n  - peer: 0\n    host: %s\n    port: %u\n", a0, st->cport);
        tw_buf_printf(b, "  - peer: 1\n    host: %s\n    port: %u\npackets:\n", a1, st->sport);
    } else {
        tw_buf_printf(b, "\n%sFollow: %s,%s\nFilter: %s\n", sep, st->udp ? "udp" : "tcp",
                      fmt_names[st->fmt], st->filter);
        tw_buf_printf(b, v6 ? "Node 0: [%s]:%u\n" : "Node 0: %s:%u\n", a0, st->cport);
        tw_buf_printf(b, v6 ? "Node 1: [%s]:%u\n" : "Node 1: %s:%u\n", a1, st->sport);
    }
    uint32_t pos[2] = {0, 0}, count[2] = {0, 0};
    for (size_t i = 0; i < st->nchunks; i++) {
        const struct chunk *c = &st->chunks[i];
        const uint8_t *d = (const uint8_t *)st->data.p + c->off;
        uint32_t no = (uint32_t)(i + 1);
        if (no < st->chunk_min || no > st->chunk_max) {
            pos[c->server] += c->len;
            continue;
        }
        const char *tab = c->server ? "\t" : "";
        switch (st->fmt) {
        case F_ASCII:
        case F_EBCDIC:
            tw_buf_printf(b, "%s%u\n", tab, c->len);
            for (uint32_t k = 0; k < c->len; k++) {
                uint8_t ch = d[k];
                if (ch != '\r' && ch != '\n' && (ch < 0x20 || ch > 0x7e)) ch = '.';
                if (st->fmt == F_EBCDIC) ch = ebcdic_tab[ch];
                tw_buf_addc(b, (char)ch);
            }
            tw_buf_addc(b, st->fmt == F_EBCDIC ? (char)ebcdic_tab['\n'] : '\n');
            break;
        case F_HEX:
            print_hex(b, tab, pos[c->server], d, c->len);
            pos[c->server] += c->len;
            break;
        case F_RAW:
            tw_buf_adds(b, tab);
            tw_buf_add_hexbytes(b, d, c->len, 0);
            tw_buf_addc(b, '\n');
            break;
        case F_YAML: {
            double secs = (double)c->ts.sec + (double)c->ts.nsec / 1000000000.0;
            tw_buf_printf(b, "  - packet: %llu\n    peer: %d\n    timestamp: %.9f\n",
                          (unsigned long long)c->num, c->server ? 1 : 0, secs);
            tw_buf_adds(b, "    data: !!binary |\n");
            for (uint32_t k = 0; k < c->len; k += 57) {
                tw_buf_adds(b, "      ");
                add_base64(b, d + k, TW_MIN(57u, c->len - k));
                tw_buf_addc(b, '\n');
            }
            break;
        }
        case F_CARRAY:
            print_carray(b, c, d, count);
            break;
        }
        tw_out_maybe_flush(out);
    }
    if (st->fmt != F_YAML) tw_buf_adds(b, sep);
    tw_out_flush(out);
}

static void follow_close(void *vst)
{
    struct follow *st = vst;
    if (st->eng) tw_stream_close(st->eng);
    free(st->times);
    for (int d = 0; d < 2; d++) {
        for (size_t i = 0; i < st->nhold[d]; i++) free(st->hold[d][i].data);
        free(st->hold[d]);
    }
    free(st->chunks);
    tw_buf_free(&st->data);
    free(st);
}

const struct tw_zstat_ops tw_zstat_follow_tcp = {
    .name = "follow,tcp",
    .usage = "follow,tcp,ascii|ebcdic|hex|raw|yaml|carray,STREAM|ADDR:PORT,ADDR:PORT[,RANGE]",
    .open = follow_open,
    .packet = follow_packet,
    .finish = follow_finish,
    .close = follow_close,
};

const struct tw_zstat_ops tw_zstat_follow_udp = {
    .name = "follow,udp",
    .usage = "follow,udp,ascii|ebcdic|hex|raw|yaml|carray,STREAM|ADDR:PORT,ADDR:PORT[,RANGE]",
    .open = follow_open,
    .packet = follow_packet,
    .finish = follow_finish,
    .close = follow_close,
};
