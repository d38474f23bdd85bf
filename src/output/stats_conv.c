/* -z conv,TYPE[,FILTER] and -z endpoints,TYPE[,FILTER]: tshark's conversation and endpoint
 * tables for Ethernet, IPv4, IPv6, TCP and UDP, built from the tap items the dissectors
 * publish (one per protocol instance, so a tunnel counts in both its outer and inner tables;
 * not the datagram an ICMP error quotes, which tshark's taps do not see either).
 *
 * Conversations: one entry per address pair (and port pair and stream index for TCP/UDP). Its
 * direction is its first packet's: "->" counts packets from the first source to the first
 * destination, "<-" the others. Bytes are frame lengths on the wire; times are relative to the
 * first frame. Endpoints: one entry per address (and port), Tx when it sent, Rx when it received.
 * Both print entries by total frames, most first, ties in order of appearance.
 *
 * The tables are bounded (MAX_ENTRIES entries each): past that, packets of new conversations or
 * endpoints are not counted and the report says how many were left out. */
#include "stats.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ENTRIES (1u << 21)

enum ctype { CT_ETH, CT_IP, CT_IPV6, CT_TCP, CT_UDP };

static const struct {
    const char *arg;   /* after "conv," */
    const char *title; /* tshark's protocol short name */
    enum tw_tap_id tap;
} types[] = {
    [CT_ETH] = {"eth", "Ethernet", TW_TAP_ETH}, [CT_IP] = {"ip", "IPv4", TW_TAP_IP},
    [CT_IPV6] = {"ipv6", "IPv6", TW_TAP_IP},    [CT_TCP] = {"tcp", "TCP", TW_TAP_TCP},
    [CT_UDP] = {"udp", "UDP", TW_TAP_UDP},
};

/* an address and port as the tables keep them (zero padded, so keys compare with memcmp) */
struct ep {
    uint8_t type, len;
    uint16_t port;
    uint8_t a[16];
};

struct ckey {
    struct ep x, y; /* x <= y (so both directions meet) */
    uint32_t stream;
};

struct entry {
    union {
        struct ckey ck;
        struct ep ek;
    } k;
    bool x_first;       /* conversations: the first packet went from x to y */
    uint64_t frames[2]; /* conversations: [0] "->" (first direction), [1] "<-"; endpoints: tx, rx */
    uint64_t bytes[2];
    struct tw_time start, stop;
};

struct conv {
    enum ctype type;
    bool endpoints;
    char *filter_text;
    struct tw_filter *filter;
    size_t keylen;
    struct entry *ent;
    uint32_t n, cap;
    uint32_t *slot; /* open addressing: entry index + 1, 0 = empty */
    uint32_t nslot; /* power of two */
    uint64_t dropped;
};

static uint64_t hash_bytes(const void *p, size_t n)
{
    const uint8_t *b = p;
    uint64_t h = 0xcbf29ce484222325ull;
    for (size_t i = 0; i < n; i++) h = (h ^ b[i]) * 0x100000001b3ull;
    return h ^ (h >> 29);
}

static bool grow(struct conv *c)
{
    if (c->n == c->cap) {
        uint32_t nc = c->cap ? c->cap * 2 : 1024;
        struct entry *ne = realloc(c->ent, (size_t)nc * sizeof *ne);
        if (!ne) return false;
        c->ent = ne;
        c->cap = nc;
    }
    if ((uint64_t)(c->n + 1) * 2 > c->nslot) {
        uint32_t ns = c->nslot ? c->nslot * 2 : 2048;
        uint32_t *s = calloc(ns, sizeof *s);
        if (!s) return false;
        for (uint32_t i = 0; i < c->n; i++) {
            uint64_t h = hash_bytes(&c->ent[i].k, c->keylen) & (ns - 1);
            while (s[h]) h = (h + 1) & (ns - 1);
            s[h] = i + 1;
        }
        free(c->slot);
        c->slot = s;
        c->nslot = ns;
    }
    return true;
}

/* the entry for key (added when new); NULL when the table is full */
static struct entry *lookup(struct conv *c, const void *key, bool *created)
{
    *created = false;
    if (c->nslot) {
        uint64_t h = hash_bytes(key, c->keylen) & (c->nslot - 1);
        for (; c->slot[h]; h = (h + 1) & (c->nslot - 1)) {
            struct entry *e = &c->ent[c->slot[h] - 1];
            if (memcmp(&e->k, key, c->keylen) == 0) return e;
        }
    }
    if (c->n >= MAX_ENTRIES || !grow(c)) return NULL;
    uint64_t h = hash_bytes(key, c->keylen) & (c->nslot - 1);
    while (c->slot[h]) h = (h + 1) & (c->nslot - 1);
    struct entry *e = &c->ent[c->n];
    memset(e, 0, sizeof *e);
    memcpy(&e->k, key, c->keylen);
    c->slot[h] = ++c->n;
    *created = true;
    return e;
}

static void set_ep(struct ep *e, const struct tw_addr *a, uint16_t port)
{
    memset(e, 0, sizeof *e);
    e->type = a->type;
    e->len = a->len > 16 ? 16 : a->len;
    if (a->p) memcpy(e->a, a->p, e->len);
    e->port = port;
}

/* Wireshark's cmp_address() then the port */
static int ep_cmp(const struct ep *a, const struct ep *b)
{
    if (a->type != b->type) return a->type < b->type ? -1 : 1;
    if (a->len != b->len) return a->len < b->len ? -1 : 1;
    int r = memcmp(a->a, b->a, a->len);
    if (r) return r;
    return a->port < b->port ? -1 : a->port > b->port;
}

static void add_conv(struct conv *c, const struct ep *src, const struct ep *dst, uint32_t stream,
                     const struct tw_pkt *p)
{
    struct ckey k;
    memset(&k, 0, sizeof k);
    bool fwd = ep_cmp(src, dst) <= 0;
    k.x = fwd ? *src : *dst;
    k.y = fwd ? *dst : *src;
    k.stream = stream;
    bool created;
    struct entry *e = lookup(c, &k, &created);
    if (!e) {
        c->dropped++;
        return;
    }
    uint32_t len = p->frame->wirelen;
    if (created) {
        e->x_first = fwd;
        e->start = e->stop = p->rel;
    } else if (tw_time_cmp(p->rel, e->stop) > 0) {
        e->stop = p->rel;
    } else if (tw_time_cmp(p->rel, e->start) < 0) {
        e->start = p->rel;
    }
    /* a packet from x to itself (x == y) goes the first way */
    int d = (fwd == e->x_first || ep_cmp(src, dst) == 0) ? 0 : 1;
    e->frames[d]++;
    e->bytes[d] += len;
}

static void add_ep(struct conv *c, const struct ep *a, int rx, const struct tw_pkt *p)
{
    bool created;
    struct entry *e = lookup(c, a, &created);
    if (!e) {
        c->dropped++;
        return;
    }
    e->frames[rx]++;
    e->bytes[rx] += p->frame->wirelen;
}

static void add(struct conv *c, const struct tw_addr *s, const struct tw_addr *d, uint16_t sp,
                uint16_t dp, uint32_t stream, const struct tw_pkt *p)
{
    struct ep a, b;
    set_ep(&a, s, sp);
    set_ep(&b, d, dp);
    if (c->endpoints) {
        add_ep(c, &a, 0, p);
        add_ep(c, &b, 1, p);
    } else {
        add_conv(c, &a, &b, stream, p);
    }
}

/* tshark's TCP and UDP items carry the packet's Source and Destination (pinfo->src/dst), which
 * for IPv6 are the home address option's source and the routing header's final destination.
 * Those are the network columns trawl keeps; they belong to the innermost transport item. */
static void pinfo_addrs(const struct tw_pkt *p, const struct tw_tap_item *it, uint8_t ipv,
                        struct tw_addr *s, struct tw_addr *d)
{
    if (ipv != 6 || tw_tap_next(p, (enum tw_tap_id)it->id, it)) return;
    if (p->net_src.type == TW_AT_IPv6 && p->net_dst.type == TW_AT_IPv6) {
        *s = p->net_src;
        *d = p->net_dst;
    }
}

static void conv_packet(void *st, const struct tw_pkt *p, bool displayed)
{
    (void)displayed;
    struct conv *c = st;
    if (!tw_stats_match(c->filter, p)) return;
    for (const struct tw_tap_item *it = tw_tap_next(p, types[c->type].tap, NULL); it;
         it = tw_tap_next(p, types[c->type].tap, it)) {
        switch (c->type) {
        case CT_ETH: {
            const struct tw_tap_eth *t = it->data;
            struct tw_addr s = {TW_AT_ETHER, 6, t->src}, d = {TW_AT_ETHER, 6, t->dst};
            add(c, &s, &d, 0, 0, 0, p);
            break;
        }
        case CT_IP:
        case CT_IPV6: {
            const struct tw_tap_ip *t = it->data;
            if (t->in_error || t->version != (c->type == CT_IP ? 4 : 6)) break;
            /* tshark taps an IPv6 fragment only when it completes its datagram */
            if (t->version == 6 && t->fragment && !t->reassembled) break;
            add(c, &t->src, &t->dst, 0, 0, 0, p);
            break;
        }
        case CT_TCP: {
            const struct tw_tap_tcp *t = it->data;
            /* tshark queues the item after the header: not when the header was cut short or
             * malformed */
            if (t->in_error || (t->layer < p->nlayers && p->layers[t->layer].status != TW_OK))
                break;
            struct tw_addr s = t->src, d = t->dst;
            pinfo_addrs(p, it, t->ip_version, &s, &d);
            add(c, &s, &d, t->sport, t->dport, t->stream, p);
            break;
        }
        case CT_UDP: {
            const struct tw_tap_udp *t = it->data;
            if (t->in_error) break;
            struct tw_addr s = t->src, d = t->dst;
            pinfo_addrs(p, it, t->ip_version, &s, &d);
            add(c, &s, &d, t->sport, t->dport, t->stream, p);
            break;
        }
        }
    }
}

static void *open_common(const char *arg, size_t skip, bool endpoints, struct tw_zneeds *need,
                         char *err, size_t errlen)
{
    const char *t = arg + skip;
    int type = -1;
    size_t tl = 0;
    for (int i = 0; i < (int)TW_ARRAY_LEN(types); i++) {
        size_t n = strlen(types[i].arg);
        if (strncmp(t, types[i].arg, n) == 0 && (t[n] == 0 || t[n] == ',')) type = i, tl = n;
    }
    if (type < 0) {
        snprintf(err, errlen, "invalid -z argument \"%s\": the types are eth, ip, ipv6, tcp, udp",
                 arg);
        return NULL;
    }
    struct conv *c = calloc(1, sizeof *c);
    if (!c) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    c->type = (enum ctype)type;
    c->endpoints = endpoints;
    c->keylen = endpoints ? sizeof(struct ep) : sizeof(struct ckey);
    if (t[tl] == ',') {
        c->filter_text = strdup(t + tl + 1);
        c->filter = c->filter_text ? tw_stats_filter(c->filter_text, need, err, errlen) : NULL;
        if (!c->filter) {
            if (!c->filter_text) snprintf(err, errlen, "out of memory");
            free(c->filter_text);
            free(c);
            return NULL;
        }
    }
    need->taps |= 1u << types[type].tap;
    return c;
}

static void *conv_open(const char *arg, struct tw_zneeds *need, char *err, size_t errlen)
{
    return open_common(arg, 5, false, need, err, errlen);
}

static void *ep_open(const char *arg, struct tw_zneeds *need, char *err, size_t errlen)
{
    return open_common(arg, 10, true, need, err, errlen);
}

static struct conv *sort_ctx;
static int by_frames(const void *a, const void *b)
{
    const struct entry *x = &sort_ctx->ent[*(const uint32_t *)a];
    const struct entry *y = &sort_ctx->ent[*(const uint32_t *)b];
    uint64_t fx = x->frames[0] + x->frames[1], fy = y->frames[0] + y->frames[1];
    if (fx != fy) return fx > fy ? -1 : 1;
    uint32_t ia = *(const uint32_t *)a, ib = *(const uint32_t *)b;
    return ia < ib ? -1 : ia > ib;
}

static void fmt_addr(char *dst, size_t len, const struct ep *e)
{
    struct tw_buf b;
    tw_buf_init(&b, 256);
    struct tw_addr a = {e->type, e->len, e->a};
    tw_fmt_addr(&b, &a, true);
    snprintf(dst, len, "%.*s", (int)b.len, b.len ? (const char *)b.p : "");
    tw_buf_free(&b);
}

static void conv_finish(void *st, struct tw_out *out)
{
    struct conv *c = st;
    struct tw_buf *b = &out->b;
    bool ports = c->type == CT_TCP || c->type == CT_UDP;
    static const char rule[] =
        "================================================================================\n";
    tw_buf_adds(b, rule);
    tw_buf_printf(b, "%s %s\n", types[c->type].title, c->endpoints ? "Endpoints" : "Conversations");
    tw_buf_printf(b, "Filter:%s\n", c->filter_text ? c->filter_text : "<No Filter>");
    if (c->endpoints) {
        tw_buf_printf(b,
                      "                       |  %sPackets  | |  Bytes  | | Tx Packets | | Tx "
                      "Bytes | | Rx Packets | | Rx Bytes |\n",
                      ports ? "Port  ||  " : "");
    } else {
        const char *pad = ports ? "            " : "";
        tw_buf_printf(b,
                      "%s                                               |       <-      | |     "
                      "  ->      | |     Total     |    Relative    |   Duration   |\n",
                      pad);
        tw_buf_printf(b,
                      "%s                                               | Frames  Bytes | | "
                      "Frames  Bytes | | Frames  Bytes |      Start     |              |\n",
                      pad);
    }
    uint32_t *ord = malloc((size_t)(c->n ? c->n : 1) * sizeof *ord);
    if (ord) {
        for (uint32_t i = 0; i < c->n; i++) ord[i] = i;
        sort_ctx = c;
        qsort(ord, c->n, sizeof *ord, by_frames);
        for (uint32_t oi = 0; oi < c->n; oi++) {
            const struct entry *e = &c->ent[ord[oi]];
            char a1[300], a2[300];
            if (c->endpoints) {
                fmt_addr(a1, sizeof a1, &e->k.ek);
                if (ports)
                    tw_buf_printf(b, "%-20s      %5u     ", a1, e->k.ek.port);
                else
                    tw_buf_printf(b, "%-20s      ", a1);
                tw_buf_printf(b,
                              "%6" PRIu64 "     %9" PRIu64 "     %6" PRIu64 "       %9" PRIu64
                              "      %6" PRIu64 "       %9" PRIu64 "   \n",
                              e->frames[0] + e->frames[1], e->bytes[0] + e->bytes[1], e->frames[0],
                              e->bytes[0], e->frames[1], e->bytes[1]);
                tw_out_flush(out);
                continue;
            }
            const struct ep *s = e->x_first ? &e->k.ck.x : &e->k.ck.y;
            const struct ep *d = e->x_first ? &e->k.ck.y : &e->k.ck.x;
            fmt_addr(a1, sizeof a1, s);
            fmt_addr(a2, sizeof a2, d);
            if (ports) {
                char p1[320], p2[320];
                snprintf(p1, sizeof p1, "%s:%u", a1, s->port);
                snprintf(p2, sizeof p2, "%s:%u", a2, d->port);
                tw_buf_printf(b, "%-26s <-> %-26s", p1, p2);
            } else {
                tw_buf_printf(b, "%-20s <-> %-20s", a1, a2);
            }
            char rx[32], tx[32], tot[32];
            tw_stats_size(rx, sizeof rx, e->bytes[1]);
            tw_stats_size(tx, sizeof tx, e->bytes[0]);
            tw_stats_size(tot, sizeof tot, e->bytes[0] + e->bytes[1]);
            tw_buf_printf(b, "  %6" PRIu64 " %-9s  %6" PRIu64 " %-9s  %6" PRIu64 " %-9s  ",
                          e->frames[1], rx, e->frames[0], tx, e->frames[0] + e->frames[1], tot);
            tw_buf_printf(b, "%14.9f   %12.4f\n", tw_stats_secs(e->start),
                          tw_stats_secs(e->stop) - tw_stats_secs(e->start));
            tw_out_flush(out);
        }
        free(ord);
    }
    tw_buf_adds(b, rule);
    tw_out_flush(out);
    if (c->dropped)
        tw_log(TW_LOG_WARN,
               "-z %s,%s: more than %u %s; %" PRIu64
               " packet addresses of further ones not counted",
               c->endpoints ? "endpoints" : "conv", types[c->type].arg, MAX_ENTRIES,
               c->endpoints ? "endpoints" : "conversations", c->dropped);
}

static void conv_close(void *st)
{
    struct conv *c = st;
    if (!c) return;
    tw_stats_filter_free(c->filter);
    free(c->filter_text);
    free(c->ent);
    free(c->slot);
    free(c);
}

const struct tw_zstat_ops tw_zstat_conv = {
    .name = "conv",
    .usage = "conv,eth|ip|ipv6|tcp|udp[,FILTER]",
    .open = conv_open,
    .packet = conv_packet,
    .finish = conv_finish,
    .close = conv_close,
};

const struct tw_zstat_ops tw_zstat_endpoints = {
    .name = "endpoints",
    .usage = "endpoints,eth|ip|ipv6|tcp|udp[,FILTER]",
    .open = ep_open,
    .packet = conv_packet,
    .finish = conv_finish,
    .close = conv_close,
};
