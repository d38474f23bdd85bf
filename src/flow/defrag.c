/* IP defragmentation (IPv4 RFC 791, IPv6 RFC 8200 section 4.5) as each target would do it, from
 * the IP tap items: every fragment policy of Novak's "Target-Based Fragmentation Reassembly"
 * (first, last, bsd, bsd-right, linux, windows, solaris), so that datagrams whose overlapping
 * fragments carry different bytes can be shown with what each target ends up with. Independent
 * of src/dissect/reasm.c, which reassembles as tshark does for dissection.
 *
 * A datagram (version, addresses, protocol, id) is tracked until every policy has it whole or
 * frag_timeout seconds pass; at most max_frag_trackers datagrams (the oldest is dropped first) of
 * at most max_frags fragments each; fragments are copied (the packet's bytes do not outlive it). */
#include "../stream/stream.h"

#include <stdlib.h>
#include <string.h>

#define MAX_DGRAM 65535u /* IPv4 total length / IPv6 payload length without jumbograms */

/* Per byte, does the new fragment n replace the owner o? (Novak's findings; bsd-right is our
 * reading of "BSD favouring the right": the fragment reaching further right wins.) */
static bool new_wins(unsigned pol, const struct tw_frag *n, const struct tw_frag *o)
{
    uint32_t ne = n->off + n->len, oe = o->off + o->len;
    switch (pol) {
    case TW_FPOL_FIRST:
        return false;
    case TW_FPOL_LAST:
        return true;
    case TW_FPOL_BSD:
        return o->off > n->off;
    case TW_FPOL_BSD_RIGHT:
        return ne > oe;
    case TW_FPOL_LINUX:
        return o->off >= n->off;
    case TW_FPOL_WINDOWS:
        return n->off < o->off && ne > oe;
    case TW_FPOL_SOLARIS:
        return n->off < o->off && ne >= oe;
    default:
        return false;
    }
}

int64_t tw_frag_assemble(unsigned pol, const struct tw_frag *f, uint32_t n, uint8_t *out,
                         uint32_t cap, bool *conflict)
{
    uint32_t total = 0;
    bool have_last = false;
    for (uint32_t i = 0; i < n; i++)
        if (!f[i].more && f[i].off + f[i].len >= total) {
            total = f[i].off + f[i].len;
            have_last = true;
        }
    if (conflict) *conflict = false;
    if (!have_last || total > cap || total > MAX_DGRAM) return -1;
    /* the owner of each byte: index + 1, 0 = none */
    uint16_t *own = calloc(total ? total : 1, sizeof *own);
    if (!own) return -1;
    for (uint32_t i = 0; i < n && i < 0xffff; i++) {
        uint32_t a = f[i].off, b = f[i].off + f[i].len;
        if (b > total) b = total;
        for (uint32_t x = a; x < b; x++) {
            uint16_t o = own[x];
            if (o) {
                const struct tw_frag *of = &f[o - 1];
                if (conflict && of->data[x - of->off] != f[i].data[x - a]) *conflict = true;
                if (!new_wins(pol, &f[i], of)) continue;
            }
            own[x] = (uint16_t)(i + 1);
        }
    }
    int64_t r = total;
    for (uint32_t x = 0; x < total; x++) {
        if (!own[x]) {
            r = -1;
            break;
        }
        const struct tw_frag *of = &f[own[x] - 1];
        out[x] = of->data[x - of->off];
    }
    free(own);
    return r;
}

struct dgram {
    uint8_t version, proto;
    uint8_t src[16], dst[16];
    uint8_t alen;
    uint32_t id;
    int64_t first_sec;
    uint64_t first_frame;
    struct tw_frag *frags;
    uint64_t frames[16];
    uint32_t nfrags, fcap;
    uint32_t bytes;
    bool overlap, have_last;
    struct dgram *next; /* list, oldest first */
};

struct tw_defrag {
    const struct tw_stream_cfg *cfg;
    struct tw_stream_stats *st;
    struct dgram *head, *tail;
    uint32_t n;
};

struct tw_defrag *tw_defrag_open(const struct tw_stream_cfg *cfg, struct tw_stream_stats *st);
void tw_defrag_packet(struct tw_defrag *df, const struct tw_tap_ip *ip, uint64_t frame,
                      int64_t sec);
void tw_defrag_close(struct tw_defrag *df);

struct tw_defrag *tw_defrag_open(const struct tw_stream_cfg *cfg, struct tw_stream_stats *st)
{
    struct tw_defrag *df = calloc(1, sizeof *df);
    if (!df) return NULL;
    df->cfg = cfg;
    df->st = st;
    return df;
}

static void dgram_free(struct dgram *g)
{
    for (uint32_t i = 0; i < g->nfrags; i++) free((void *)g->frags[i].data);
    free(g->frags);
    free(g);
}

/* reports (when fragments overlapped) and frees */
static void finish(struct tw_defrag *df, struct dgram *g)
{
    if (g->overlap && df->cfg->on_dgram) {
        struct tw_sdgram d;
        memset(&d, 0, sizeof d);
        d.version = g->version;
        d.proto = g->proto;
        d.id = g->id;
        d.src = (struct tw_addr){g->version == 4 ? TW_AT_IPv4 : TW_AT_IPv6, g->alen, g->src};
        d.dst = (struct tw_addr){g->version == 4 ? TW_AT_IPv4 : TW_AT_IPv6, g->alen, g->dst};
        d.first_frame = g->first_frame;
        d.nframes = g->nfrags;
        memcpy(d.frames, g->frames, sizeof d.frames);
        uint8_t *buf = malloc((size_t)MAX_DGRAM * TW_FPOL_COUNT);
        d.complete = buf != NULL;
        for (unsigned p = 0; buf && p < TW_FPOL_COUNT; p++) {
            bool c = false;
            int64_t r = tw_frag_assemble(p, g->frags, g->nfrags, buf + (size_t)p * MAX_DGRAM,
                                         MAX_DGRAM, &c);
            if (c) d.conflict = true;
            if (r >= 0) {
                d.bytes[p] = buf + (size_t)p * MAX_DGRAM;
                d.len[p] = (uint32_t)r;
            } else {
                d.complete = false;
            }
        }
        df->cfg->on_dgram(df->cfg->user, &d);
        free(buf);
    }
    dgram_free(g);
}

static void unlink_dgram(struct tw_defrag *df, struct dgram *g, struct dgram *prev)
{
    if (prev)
        prev->next = g->next;
    else
        df->head = g->next;
    if (df->tail == g) df->tail = prev;
    df->n--;
}

/* every policy has the datagram whole */
static bool whole(const struct dgram *g)
{
    if (!g->have_last) return false;
    uint32_t total = 0;
    for (uint32_t i = 0; i < g->nfrags; i++)
        if (!g->frags[i].more && g->frags[i].off + g->frags[i].len > total)
            total = g->frags[i].off + g->frags[i].len;
    if (g->bytes < total) return false;
    /* holes: sort-free check over a coverage bitmap */
    uint8_t *cov = calloc(total / 8 + 1, 1);
    if (!cov) return false;
    for (uint32_t i = 0; i < g->nfrags; i++)
        for (uint32_t x = g->frags[i].off; x < g->frags[i].off + g->frags[i].len && x < total; x++)
            cov[x / 8] |= (uint8_t)(1u << (x % 8));
    bool ok = true;
    for (uint32_t x = 0; x < total && ok; x++) ok = cov[x / 8] >> (x % 8) & 1u;
    free(cov);
    return ok;
}

void tw_defrag_packet(struct tw_defrag *df, const struct tw_tap_ip *ip, uint64_t frame, int64_t sec)
{
    df->st->frags++;
    /* time first: datagrams older than the timeout are finished as they are */
    while (df->head && sec - df->head->first_sec > (int64_t)df->cfg->frag_timeout) {
        struct dgram *g = df->head;
        unlink_dgram(df, g, NULL);
        df->st->frag_timed_out++;
        finish(df, g);
    }
    uint8_t alen = ip->version == 4 ? 4 : 16;
    if (!ip->src.p || !ip->dst.p || ip->src.len != alen || ip->dst.len != alen) return;
    struct dgram *g = df->head, *prev = NULL;
    for (; g; prev = g, g = g->next)
        if (g->version == ip->version && g->id == ip->id && g->proto == ip->proto &&
            memcmp(g->src, ip->src.p, alen) == 0 && memcmp(g->dst, ip->dst.p, alen) == 0)
            break;
    if (!g) {
        if (df->n >= df->cfg->max_frag_trackers && df->head) {
            struct dgram *old = df->head;
            unlink_dgram(df, old, NULL);
            df->st->frag_evicted++;
            finish(df, old);
        }
        g = calloc(1, sizeof *g);
        if (!g) return;
        g->version = ip->version;
        g->proto = ip->proto;
        g->alen = alen;
        memcpy(g->src, ip->src.p, alen);
        memcpy(g->dst, ip->dst.p, alen);
        g->id = ip->id;
        g->first_sec = sec;
        g->first_frame = frame;
        if (df->tail)
            df->tail->next = g;
        else
            df->head = g;
        df->tail = g;
        df->n++;
        df->st->dgrams++;
        prev = NULL; /* not needed for a fresh tail */
        for (struct dgram *x = df->head; x && x != g; x = x->next) prev = x;
    }
    uint32_t len = ip->payload_cap;
    if (g->nfrags >= df->cfg->max_frags || ip->frag_off + (uint64_t)len > MAX_DGRAM) return;
    if (g->nfrags == g->fcap) {
        uint32_t nc = g->fcap ? g->fcap * 2 : 4;
        struct tw_frag *nf = realloc(g->frags, nc * sizeof *nf);
        if (!nf) return;
        g->frags = nf;
        g->fcap = nc;
    }
    uint8_t *copy = malloc(len ? len : 1);
    if (!copy) return;
    if (len) memcpy(copy, ip->payload, len);
    for (uint32_t i = 0; i < g->nfrags; i++) {
        const struct tw_frag *o = &g->frags[i];
        if (o->off < ip->frag_off + len && ip->frag_off < o->off + o->len) g->overlap = true;
    }
    if (g->nfrags < TW_ARRAY_LEN(g->frames)) g->frames[g->nfrags] = frame;
    g->frags[g->nfrags++] = (struct tw_frag){ip->frag_off, len, copy, ip->more_frags};
    g->bytes += len;
    if (!ip->more_frags) g->have_last = true;
    if (whole(g)) {
        unlink_dgram(df, g, prev);
        finish(df, g);
    }
}

void tw_defrag_close(struct tw_defrag *df)
{
    if (!df) return;
    while (df->head) {
        struct dgram *g = df->head;
        unlink_dgram(df, g, NULL);
        finish(df, g);
    }
    free(df);
}
