/* TCP reassembly per connection and direction, as each target policy would deliver the bytes.
 *
 * A direction holds one or more views: a view is a set of policies that have handled every
 * segment so far the same way, with its own in-order position, out-of-order queue, PAWS state
 * and delivered-byte digest. Every connection starts with one view per direction; a view splits
 * only when its policies disagree about a segment (a PAWS verdict, data on SYN, an overlap with
 * different bytes), so ordinary traffic costs one view. Queued segments refer to the view's byte
 * store by absolute 64-bit stream offset (relative to ISN+1), never by pointer.
 *
 * Overlaps follow Snort 3's decomposition of Novak & Sturges' findings: per policy one primitive
 * for a left overlap (queued data starts before the new segment), a right overlap (queued data
 * starts inside the new segment and ends after it) and a full overlap (queued data inside the new
 * segment). Data already delivered in order is final for every target (a real stack has passed
 * it to the socket): overlaps with it are trimmed, and reported when the bytes differ.
 * docs/stream-engine.md has the table, the caps and the sources. */
#include "stream.h"

#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------------------------------------
 * Overlap primitives and the policy table
 * ------------------------------------------------------------------------------------------- */
enum left_prim { L_KEEP_FIRST, L_TRIM_FIRST, L_KEEP_LAST };
enum right_prim { R_TRUNC_EXISTING, R_TRUNC_EXISTING_LAST, R_TRUNC_NEW };
enum full_prim { F_OS1, F_OS2, F_OS3, F_OS4, F_OS5 };

static const struct {
    uint8_t left, right, full;
} prims[TW_SPOL_COUNT] = {
    [TW_SPOL_FIRST] = {L_KEEP_FIRST, R_TRUNC_NEW, F_OS5},
    [TW_SPOL_LAST] = {L_KEEP_LAST, R_TRUNC_EXISTING_LAST, F_OS4},
    [TW_SPOL_BSD] = {L_KEEP_FIRST, R_TRUNC_EXISTING, F_OS1},
    [TW_SPOL_LINUX] = {L_KEEP_FIRST, R_TRUNC_EXISTING, F_OS2},
    [TW_SPOL_OLD_LINUX] = {L_KEEP_FIRST, R_TRUNC_EXISTING, F_OS4},
    [TW_SPOL_WINDOWS] = {L_KEEP_FIRST, R_TRUNC_EXISTING, F_OS1},
    [TW_SPOL_WIN2003] = {L_KEEP_FIRST, R_TRUNC_EXISTING, F_OS1},
    [TW_SPOL_VISTA] = {L_KEEP_FIRST, R_TRUNC_NEW, F_OS5},
    [TW_SPOL_SOLARIS] = {L_TRIM_FIRST, R_TRUNC_NEW, F_OS3},
    [TW_SPOL_HPUX10] = {L_KEEP_FIRST, R_TRUNC_EXISTING, F_OS2},
    [TW_SPOL_HPUX11] = {L_TRIM_FIRST, R_TRUNC_NEW, F_OS3},
    [TW_SPOL_IRIX] = {L_KEEP_FIRST, R_TRUNC_EXISTING, F_OS2},
    [TW_SPOL_MACOS] = {L_KEEP_FIRST, R_TRUNC_EXISTING, F_OS1},
};

static unsigned prim_class(unsigned pol)
{
    return (unsigned)prims[pol].left << 8 | (unsigned)prims[pol].right << 4 | prims[pol].full;
}

/* PAWS (RFC 7323 section 5): a segment whose TSval is older than the last one accepted is
 * dropped. Linux 2.4/2.6 accept TSval == last - 1 (Novak & Sturges, "Target-Based TCP Timestamp
 * Stream Reassembly"; seed 002). */
static bool paws_accepts(unsigned pol, uint32_t tsval, uint32_t last)
{
    if ((int32_t)(tsval - last) >= 0) return true;
    return pol == TW_SPOL_LINUX && tsval == last - 1;
}

/* Data on a SYN: Mac OS queues it for the application, the others drop it (Snort's stream5
 * target notes); every policy still takes the SYN itself. */
static bool syn_data_kept(unsigned pol)
{
    return pol == TW_SPOL_MACOS;
}

/* ---------------------------------------------------------------------------------------------
 * Views: in-order position, out-of-order queue, digest of what was delivered
 * ------------------------------------------------------------------------------------------- */
struct qseg {
    uint64_t off; /* absolute stream offset */
    uint32_t len;
    uint32_t boff;  /* where its bytes are in the view's store */
    uint64_t frame; /* the frame that carried these bytes */
};

struct tw_sview {
    uint32_t mask; /* policies in this view */
    uint8_t pol;   /* the policy whose primitives the view applies (any member: same class) */
    bool reset;    /* a RST ended the stream */
    bool have_ts;
    uint32_t ts_recent;
    uint64_t next; /* next in-order offset */
    struct qseg *segs;
    uint32_t nsegs, segcap;
    uint8_t *store; /* queued bytes */
    uint32_t slen, scap;
    uint32_t queued; /* bytes in segs */
    uint32_t max_segs, max_bytes;
    /* delivered */
    uint64_t delivered;
    uint64_t hash;
    uint8_t hbuf[8], hn;
    bool digesting; /* since the first split: the bytes before are the same in every view */
    uint8_t *keep;
    uint32_t keep_len, keep_cap, keep_max;
    bool keep_trunc;
    /* chunk log of the kept bytes (cfg.chunks): which frame's bytes, delivered when */
    bool log;
    uint64_t frame, at; /* the segment being inserted, the packet being processed */
    struct tw_schunk *chunks;
    uint32_t nchunks, chunkcap;
};

#define FNV_OFF   0xcbf29ce484222325ull
#define FNV_PRIME 0x100000001b3ull

static void view_init(struct tw_sview *v, uint32_t mask, unsigned pol, uint32_t max_segs,
                      uint32_t max_bytes, uint32_t keep_max)
{
    memset(v, 0, sizeof *v);
    v->mask = mask;
    v->pol = (uint8_t)pol;
    v->max_segs = max_segs;
    v->max_bytes = max_bytes;
    v->keep_max = keep_max;
    v->hash = FNV_OFF;
}

static struct tw_sview *view_new(uint32_t mask, unsigned pol, uint32_t max_segs, uint32_t max_bytes,
                                 uint32_t keep_max)
{
    struct tw_sview *v = malloc(sizeof *v);
    if (v) view_init(v, mask, pol, max_segs, max_bytes, keep_max);
    return v;
}

static void view_release(struct tw_sview *v)
{
    free(v->segs);
    free(v->store);
    free(v->keep);
    free(v->chunks);
}

static void view_free(struct tw_sview *v)
{
    if (!v) return;
    view_release(v);
    free(v);
}

static struct tw_sview *view_clone(const struct tw_sview *v, uint32_t mask, unsigned pol)
{
    struct tw_sview *c = malloc(sizeof *c);
    if (!c) return NULL;
    *c = *v;
    c->mask = mask;
    c->pol = (uint8_t)pol;
    c->segs = NULL;
    c->store = NULL;
    c->keep = NULL;
    c->chunks = NULL;
    c->segcap = c->scap = c->keep_cap = c->chunkcap = 0;
    if (v->nsegs) {
        c->segs = malloc(v->nsegs * sizeof *c->segs);
        if (!c->segs) goto fail;
        memcpy(c->segs, v->segs, v->nsegs * sizeof *c->segs);
        c->segcap = v->nsegs;
    }
    if (v->slen) {
        c->store = malloc(v->slen);
        if (!c->store) goto fail;
        memcpy(c->store, v->store, v->slen);
        c->scap = v->slen;
    }
    if (v->keep_len) {
        c->keep = malloc(v->keep_len);
        if (!c->keep) goto fail;
        memcpy(c->keep, v->keep, v->keep_len);
        c->keep_cap = v->keep_len;
    }
    if (v->nchunks) {
        c->chunks = malloc(v->nchunks * sizeof *c->chunks);
        if (!c->chunks) goto fail;
        memcpy(c->chunks, v->chunks, v->nchunks * sizeof *c->chunks);
        c->chunkcap = v->nchunks;
    }
    return c;
fail:
    view_free(c);
    return NULL;
}

/* The digest takes 8-byte little-endian words (multiply-xor, FNV's prime), carrying up to 7
 * bytes between calls, so that it does not depend on how the bytes were cut into segments; the
 * tail and the length are mixed in when it is read. */
static inline uint64_t mix(uint64_t h, uint64_t w)
{
    return (h ^ w) * FNV_PRIME;
}

static uint64_t load64(const uint8_t *p)
{
    uint64_t w;
    memcpy(&w, p, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    w = __builtin_bswap64(w); /* the same digest on every host */
#endif
    return w;
}

static void digest(struct tw_sview *v, const uint8_t *d, uint32_t n)
{
    uint64_t h = v->hash;
    if (v->hn) {
        while (v->hn < 8 && n) {
            v->hbuf[v->hn++] = *d++;
            n--;
        }
        if (v->hn < 8) return;
        h = mix(h, load64(v->hbuf));
        v->hn = 0;
    }
    for (; n >= 8; d += 8, n -= 8) h = mix(h, load64(d));
    memcpy(v->hbuf, d, n);
    v->hn = (uint8_t)n;
    v->hash = h;
}

/* notes that `n` kept bytes from `frame` were delivered at stream offset `off` (a piece of the
 * same segment right after the previous one, delivered by the same packet, extends it) */
static void log_chunk(struct tw_sview *v, uint64_t frame, uint64_t off, uint32_t n)
{
    struct tw_schunk *l = v->nchunks ? &v->chunks[v->nchunks - 1] : NULL;
    if (l && l->frame == frame && l->at == v->at && l->off + l->len == off &&
        l->len + (uint64_t)n <= UINT32_MAX) {
        l->len += n;
        return;
    }
    if (v->nchunks == v->chunkcap) {
        uint32_t nc = v->chunkcap ? v->chunkcap * 2 : 16;
        struct tw_schunk *c = realloc(v->chunks, nc * sizeof *c);
        if (!c) {
            v->log = false; /* the log stops; tw_sview_chunks says so */
            return;
        }
        v->chunks = c;
        v->chunkcap = nc;
    }
    v->chunks[v->nchunks++] = (struct tw_schunk){frame, v->at, off, n};
}

static void deliver(struct tw_sview *v, const uint8_t *d, uint32_t n, uint64_t frame)
{
    if (v->digesting) digest(v, d, n);
    uint64_t off = v->next;
    v->delivered += n;
    v->next += n;
    if (v->keep_len < v->keep_max) {
        uint32_t take = TW_MIN(n, v->keep_max - v->keep_len);
        if (v->keep_len + take > v->keep_cap) {
            /* small keeps (the report's excerpt) are allocated once, at their size */
            uint32_t nc = v->keep_cap ? v->keep_cap : (v->keep_max <= 4096 ? v->keep_max : 256);
            while (nc < v->keep_len + take) nc *= 2;
            if (nc > v->keep_max) nc = v->keep_max;
            uint8_t *nk = realloc(v->keep, nc);
            if (!nk) {
                v->keep_trunc = true;
                return;
            }
            v->keep = nk;
            v->keep_cap = nc;
        }
        memcpy(v->keep + v->keep_len, d, take);
        v->keep_len += take;
        if (v->log) log_chunk(v, frame, off, take);
        if (take < n) v->keep_trunc = true;
    } else if (n) {
        v->keep_trunc = true;
    }
}

/* hands out queued data that has become in order */
static void drain(struct tw_sview *v)
{
    uint32_t i = 0;
    while (i < v->nsegs && v->segs[i].off <= v->next) {
        struct qseg *s = &v->segs[i];
        uint64_t end = s->off + s->len;
        if (end > v->next) {
            uint32_t skip = (uint32_t)(v->next - s->off);
            deliver(v, v->store + s->boff + skip, s->len - skip, s->frame);
        }
        v->queued -= s->len;
        i++;
    }
    if (i) {
        memmove(v->segs, v->segs + i, (v->nsegs - i) * sizeof *v->segs);
        v->nsegs -= i;
    }
    if (v->nsegs == 0) v->slen = 0; /* the store empties with the queue */
}

/* a gap: skip to the first queued segment (the missing bytes are not invented) */
static uint64_t skip_gap(struct tw_sview *v)
{
    if (!v->nsegs || v->segs[0].off <= v->next) return 0;
    uint64_t gap = v->segs[0].off - v->next;
    v->next = v->segs[0].off;
    drain(v);
    return gap;
}

static bool store_bytes(struct tw_sview *v, const uint8_t *d, uint32_t n, uint32_t *boff)
{
    if (v->slen + n > v->scap) {
        /* compact first: only bytes queued segments still use are worth keeping */
        if (v->slen > 2 * v->queued + 4096) {
            uint8_t *ns = malloc(v->queued + n + 1);
            if (!ns) return false;
            uint32_t pos = 0;
            for (uint32_t i = 0; i < v->nsegs; i++) {
                memcpy(ns + pos, v->store + v->segs[i].boff, v->segs[i].len);
                v->segs[i].boff = pos;
                pos += v->segs[i].len;
            }
            free(v->store);
            v->store = ns;
            v->slen = pos;
            v->scap = v->queued + n + 1;
        }
        if (v->slen + n > v->scap) {
            uint32_t nc = v->scap ? v->scap : 2048;
            while (nc < v->slen + n) nc *= 2;
            uint8_t *ns = realloc(v->store, nc);
            if (!ns) return false;
            v->store = ns;
            v->scap = nc;
        }
    }
    memcpy(v->store + v->slen, d, n);
    *boff = v->slen;
    v->slen += n;
    return true;
}

static int qseg_cmp(const void *a, const void *b)
{
    const struct qseg *x = a, *y = b;
    return x->off < y->off ? -1 : x->off > y->off;
}

/* Do queued bytes in [s, s+len) differ from the new ones? (delivered bytes are checked apart) */
static bool queue_conflicts(const struct tw_sview *v, uint64_t s, const uint8_t *d, uint32_t len)
{
    uint64_t e = s + len;
    for (uint32_t i = 0; i < v->nsegs; i++) {
        const struct qseg *q = &v->segs[i];
        if (q->off >= e) break;
        uint64_t qe = q->off + q->len;
        if (qe <= s) continue;
        uint64_t a = q->off > s ? q->off : s, b = qe < e ? qe : e;
        if (memcmp(v->store + q->boff + (a - q->off), d + (a - s), (size_t)(b - a)) != 0)
            return true;
    }
    return false;
}

static bool queue_overlaps(const struct tw_sview *v, uint64_t s, uint32_t len)
{
    uint64_t e = s + len;
    for (uint32_t i = 0; i < v->nsegs; i++) {
        if (v->segs[i].off >= e) break;
        if (v->segs[i].off + v->segs[i].len > s) return true;
    }
    return false;
}

struct piece {
    uint64_t a, b;
};

/* appends [a, b), joined to the previous piece when they touch */
static uint32_t add_piece(struct piece *pcs, uint32_t np, uint64_t a, uint64_t b)
{
    if (np && pcs[np - 1].b == a) {
        pcs[np - 1].b = b;
        return np;
    }
    pcs[np] = (struct piece){a, b};
    return np + 1;
}

/* Inserts [s, s+len) into the queue under the view's policy. false: a cap refused it. */
static bool view_insert(struct tw_sview *v, uint64_t s, const uint8_t *d, uint32_t len)
{
    if (s < v->next) { /* delivered bytes are final */
        uint64_t cut = v->next - s;
        if (cut >= len) return true;
        d += cut;
        len -= (uint32_t)cut;
        s = v->next;
    }
    if (!len) return true;
    uint64_t e = s + len;
    /* the fast path: in order and nothing queued */
    if (s == v->next && v->nsegs == 0) {
        deliver(v, d, len, v->frame);
        return true;
    }
    const unsigned lp = prims[v->pol].left, rp = prims[v->pol].right, fp = prims[v->pol].full;
    /* new pieces, existing segments to drop, one split */
    struct piece pcs[2 * 64 + 2];
    uint32_t np = 0;
    uint64_t cur = s;
    uint32_t first = 0;
    while (first < v->nsegs && v->segs[first].off + v->segs[first].len <= s) first++;
    /* Caps and allocations come first, conservatively (at most one piece per overlapped
     * segment plus one, and one split): nothing below may fail once segments are edited, and
     * the store may compact (move) before any offset into it is copied. */
    uint32_t nover = 0;
    for (uint32_t k = first; k < v->nsegs && v->segs[k].off < e; k++) nover++;
    uint32_t grow = nover ? 2 * nover + 2 : 1;
    if (nover > 64 || v->nsegs + grow > v->max_segs || v->queued + len > v->max_bytes) return false;
    uint32_t base = 0;
    if (!store_bytes(v, d, len, &base)) return false;
    if (v->nsegs + grow > v->segcap) {
        uint32_t nc = v->segcap ? v->segcap * 2 : 8;
        while (nc < v->nsegs + grow) nc *= 2;
        struct qseg *ns = realloc(v->segs, nc * sizeof *ns);
        if (!ns) return false;
        v->segs = ns;
        v->segcap = nc;
    }
    bool split = false;
    struct qseg split_right = {0, 0, 0, 0};
    uint32_t j = first;
    for (; j < v->nsegs && v->segs[j].off < e && cur < e; j++) {
        struct qseg *o = &v->segs[j];
        uint64_t os = o->off, oe = o->off + o->len;
        if (os < cur) { /* left overlap (only the first one can start before s) */
            switch (lp) {
            case L_KEEP_FIRST:
                cur = oe < e ? oe : e;
                break;
            case L_TRIM_FIRST:
                if (oe >= e)
                    cur = e; /* queued data covers the new on both sides */
                else
                    o->len = (uint32_t)(s - os); /* the old one is trimmed */
                break;
            case L_KEEP_LAST:
                if (oe > e) { /* split the old one around the new */
                    split = true;
                    split_right.off = e;
                    split_right.len = (uint32_t)(oe - e);
                    split_right.boff = o->boff + (uint32_t)(e - os);
                    split_right.frame = o->frame;
                }
                o->len = (uint32_t)(s - os);
                break;
            }
            continue;
        }
        const uint64_t slide = cur; /* where the unprocessed new data starts */
        if (os > cur) {
            np = add_piece(pcs, np, cur, os);
            cur = os;
        }
        bool new_wins;
        if (oe > e) { /* right overlap */
            if (rp == R_TRUNC_NEW)
                new_wins = false;
            else if (rp == R_TRUNC_EXISTING_LAST)
                new_wins = true;
            else
                new_wins = os != slide;
            if (new_wins) {
                np = add_piece(pcs, np, os, e);
                o->boff += (uint32_t)(e - os);
                o->len = (uint32_t)(oe - e);
                o->off = e;
            }
            cur = e;
            break;
        }
        /* full overlap: the queued segment lies inside the new one */
        switch (fp) {
        case F_OS1:
            new_wins = slide < os;
            break;
        case F_OS2:
            new_wins = slide < os || (e > oe && slide == os);
            break;
        case F_OS3:
            new_wins = !(os == s && o->len == len && j > 0 &&
                         v->segs[j - 1].off + v->segs[j - 1].len != s);
            break;
        case F_OS4:
            new_wins = true;
            break;
        default:
            new_wins = false;
            break;
        }
        if (new_wins) {
            np = add_piece(pcs, np, os, oe);
            o->len = 0; /* dropped */
        }
        cur = oe;
    }
    if (cur < e) {
        np = add_piece(pcs, np, cur, e);
    }
    /* drop emptied segments, recount, append pieces and the split, sort */
    uint32_t w = 0, q = 0;
    for (uint32_t i = 0; i < v->nsegs; i++)
        if (v->segs[i].len) {
            v->segs[w++] = v->segs[i];
            q += v->segs[i].len;
        }
    v->nsegs = w;
    if (split) {
        v->segs[v->nsegs++] = split_right;
        q += split_right.len;
    }
    for (uint32_t i = 0; i < np; i++) {
        uint32_t pl = (uint32_t)(pcs[i].b - pcs[i].a);
        v->segs[v->nsegs++] =
            (struct qseg){pcs[i].a, pl, base + (uint32_t)(pcs[i].a - s), v->frame};
        q += pl;
    }
    v->queued = q;
    qsort(v->segs, v->nsegs, sizeof *v->segs, qseg_cmp);
    drain(v);
    return true;
}

/* the standalone queue for unit tests: a view with everything kept */
struct tw_squeue {
    struct tw_sview *v;
};

struct tw_squeue *tw_squeue_new(unsigned pol, uint32_t max_segs, uint32_t max_bytes)
{
    if (pol >= TW_SPOL_COUNT) pol = TW_SPOL_BSD;
    struct tw_squeue *q = calloc(1, sizeof *q);
    if (!q) return NULL;
    q->v = view_new(1u << pol, pol, max_segs, max_bytes, 1u << 20);
    if (!q->v) {
        free(q);
        return NULL;
    }
    return q;
}

bool tw_squeue_add(struct tw_squeue *q, uint64_t off, const uint8_t *data, uint32_t len)
{
    return view_insert(q->v, off, data, len);
}

uint32_t tw_squeue_delivered(const struct tw_squeue *q, uint8_t *out, uint32_t cap)
{
    uint32_t n = TW_MIN(cap, q->v->keep_len);
    if (n) memcpy(out, q->v->keep, n);
    return n;
}

void tw_squeue_free(struct tw_squeue *q)
{
    if (!q) return;
    view_free(q->v);
    free(q);
}

/* ---------------------------------------------------------------------------------------------
 * Connections
 * ------------------------------------------------------------------------------------------- */
#define MAX_VIEWS TW_SPOL_COUNT

struct sdir {
    uint32_t nviews;
    bool base_set, syn, fin, ts_opt, ws_opt;
    uint8_t ws;        /* window scale shift from its SYN */
    uint32_t base;     /* seq of stream offset 0 (ISN + 1) */
    uint64_t hi;       /* highest offset seen (unwrapping reference) */
    bool have_win;     /* the window this side advertised (it receives the other's data) */
    uint32_t ack, win; /* its last ack and window (scaled) */
    bool data_after_rst;
    struct tw_sview *views[MAX_VIEWS]; /* [0] is v0, in the connection's own memory */
    struct tw_sview v0;
};

struct tw_sconn { /* what every packet reads first, then the directions */
    uint32_t stream;
    uint16_t port[2];
    struct tw_sconn *hnext; /* hash chain */
    int64_t last_sec;
    bool reset, closed;
    uint8_t addr[2][16];
    struct tw_addr a[2];
    struct tw_sconn *lru_prev, *lru_next; /* most recent at the head */
    uint64_t first_frame;
    struct tw_sevent *ev;
    uint32_t nev, lost;
    struct sdir d[2];
};

struct tw_stream {
    struct tw_stream_cfg cfg;
    struct tw_sconn **tab;
    uint32_t tabmask, nconns;
    struct tw_sconn *lru_head, *lru_tail;
    int64_t last_expire;
    uint64_t npkts;
    struct tw_stream_stats st;
    struct tw_defrag *defrag;
};

/* defrag.c */
struct tw_defrag *tw_defrag_open(const struct tw_stream_cfg *cfg, struct tw_stream_stats *st);
void tw_defrag_packet(struct tw_defrag *df, const struct tw_tap_ip *ip, uint64_t frame,
                      int64_t sec);
void tw_defrag_close(struct tw_defrag *df);

void tw_stream_defaults(struct tw_stream_cfg *cfg)
{
    memset(cfg, 0, sizeof *cfg);
    cfg->max_conns = 1u << 16;
    cfg->max_segs = 1024;
    cfg->max_queue = 1u << 20;
    cfg->keep = 0;
    cfg->max_events = 64;
    cfg->idle = 300;
    cfg->closed_idle = 10;
    cfg->cksum_mode = tw_stream_opts.cksum_mode;
    cfg->map = &tw_stream_opts.map;
    cfg->max_frag_trackers = 4096;
    cfg->max_frags = 256;
    cfg->frag_timeout = 60;
}

struct tw_stream *tw_stream_open(const struct tw_stream_cfg *cfg)
{
    struct tw_stream *s = calloc(1, sizeof *s);
    if (!s) return NULL;
    s->cfg = *cfg;
    if (!s->cfg.map) s->cfg.map = &tw_stream_opts.map;
    if (!s->cfg.max_conns) s->cfg.max_conns = 1;
    /* the table grows with the live connections (load factor 1): a small one stays in cache */
    uint32_t n = 1024;
    s->tab = calloc(n, sizeof *s->tab);
    if (!s->tab) {
        free(s);
        return NULL;
    }
    s->tabmask = n - 1;
    if (cfg->defrag) s->defrag = tw_defrag_open(&s->cfg, &s->st);
    return s;
}

static uint32_t slot(const struct tw_stream *s, uint32_t stream)
{
    return (stream * 2654435761u) & s->tabmask;
}

static void lru_unlink(struct tw_stream *s, struct tw_sconn *c)
{
    if (c->lru_prev)
        c->lru_prev->lru_next = c->lru_next;
    else
        s->lru_head = c->lru_next;
    if (c->lru_next)
        c->lru_next->lru_prev = c->lru_prev;
    else
        s->lru_tail = c->lru_prev;
    c->lru_prev = c->lru_next = NULL;
}

static void lru_push(struct tw_stream *s, struct tw_sconn *c)
{
    c->lru_next = s->lru_head;
    c->lru_prev = NULL;
    if (s->lru_head) s->lru_head->lru_prev = c;
    s->lru_head = c;
    if (!s->lru_tail) s->lru_tail = c;
}

static void conn_free(struct tw_sconn *c)
{
    for (unsigned d = 0; d < 2; d++)
        for (uint32_t i = 0; i < c->d[d].nviews; i++) {
            if (c->d[d].views[i] == &c->d[d].v0)
                view_release(&c->d[d].v0);
            else
                view_free(c->d[d].views[i]);
        }
    free(c->ev);
    free(c);
}

static void event(struct tw_stream *s, struct tw_sconn *c, struct tw_sevent e)
{
    if (c->nev >= s->cfg.max_events) {
        c->lost++;
        return;
    }
    if (!c->ev) {
        c->ev = calloc(s->cfg.max_events, sizeof *c->ev);
        if (!c->ev) {
            c->lost++;
            return;
        }
    }
    c->ev[c->nev++] = e;
}

/* ends a connection: gaps are reported, the callback sees it, it is freed */
static void conn_finish(struct tw_stream *s, struct tw_sconn *c)
{
    for (unsigned d = 0; d < 2; d++)
        for (uint32_t i = 0; i < c->d[d].nviews; i++) {
            struct tw_sview *v = c->d[d].views[i];
            v->at = UINT64_MAX; /* delivered when the connection ends */
            while (v->nsegs) {
                uint64_t at = v->next, gap = skip_gap(v);
                if (gap)
                    event(s, c,
                          (struct tw_sevent){.kind = TW_SEV_GAP,
                                             .dir = (uint8_t)d,
                                             .pols = (uint16_t)v->mask,
                                             .off = at,
                                             .len = (uint32_t)TW_MIN(gap, UINT32_MAX)});
                else
                    break;
            }
        }
    if (s->cfg.on_conn) s->cfg.on_conn(s->cfg.user, c);
    uint32_t h = slot(s, c->stream);
    for (struct tw_sconn **pp = &s->tab[h]; *pp; pp = &(*pp)->hnext)
        if (*pp == c) {
            *pp = c->hnext;
            break;
        }
    lru_unlink(s, c);
    s->nconns--;
    conn_free(c);
}

static struct tw_sconn *conn_get(struct tw_stream *s, const struct tw_tap_tcp *t, uint64_t frame,
                                 int64_t sec)
{
    uint32_t h = slot(s, t->stream);
    for (struct tw_sconn *c = s->tab[h]; c; c = c->hnext)
        if (c->stream == t->stream) return c;
    if (s->nconns >= s->cfg.max_conns && s->lru_tail) {
        s->st.evicted++;
        conn_finish(s, s->lru_tail);
    }
    struct tw_sconn *c = calloc(1, sizeof *c);
    if (!c) return NULL;
    c->stream = t->stream;
    c->first_frame = frame;
    c->last_sec = sec;
    const struct tw_addr *src[2] = {&t->src, &t->dst};
    for (unsigned d = 0; d < 2; d++) {
        c->a[d] = *src[d];
        uint8_t l = src[d]->len <= 16 ? src[d]->len : 16;
        if (src[d]->p) memcpy(c->addr[d], src[d]->p, l);
        c->a[d].len = l;
        c->a[d].p = c->addr[d];
    }
    c->port[0] = t->sport;
    c->port[1] = t->dport;
    for (unsigned d = 0; d < 2; d++) {
        /* the receiver of direction d is endpoint 1-d */
        uint32_t mask;
        unsigned pol;
        if (s->cfg.policies) {
            mask = s->cfg.policies & TW_SPOL_ALL;
            pol = (unsigned)__builtin_ctz(mask);
        } else {
            pol = tw_policy_lookup(s->cfg.map, &c->a[1 - d]);
            if (pol >= TW_SPOL_COUNT) pol = TW_SPOL_BSD;
            mask = 1u << pol;
        }
        view_init(&c->d[d].v0, mask, pol, s->cfg.max_segs, s->cfg.max_queue, s->cfg.keep);
        c->d[d].v0.log = s->cfg.chunks && s->cfg.keep;
        c->d[d].views[0] = &c->d[d].v0;
        c->d[d].nviews = 1;
    }
    if (s->nconns >= s->tabmask + 1 && s->tabmask < (1u << 24) - 1) {
        uint32_t nn = (s->tabmask + 1) * 2;
        struct tw_sconn **nt = calloc(nn, sizeof *nt);
        if (nt) {
            for (uint32_t i = 0; i <= s->tabmask; i++)
                for (struct tw_sconn *x = s->tab[i], *nx; x; x = nx) {
                    nx = x->hnext;
                    uint32_t k = (x->stream * 2654435761u) & (nn - 1);
                    x->hnext = nt[k];
                    nt[k] = x;
                }
            free(s->tab);
            s->tab = nt;
            s->tabmask = nn - 1;
            h = slot(s, c->stream);
        }
    }
    c->hnext = s->tab[h];
    s->tab[h] = c;
    lru_push(s, c);
    s->nconns++;
    s->st.conns++;
    return c;
}

/* TCP options: timestamps, window scale */
struct topts {
    bool ts, ws;
    uint32_t tsval;
    uint8_t wscale;
};

static void parse_opts(const struct tw_tap_tcp *t, struct topts *o)
{
    memset(o, 0, sizeof *o);
    if (!t->hdr || t->hdr_cap <= 20) return;
    const uint8_t *p = t->hdr + 20, *end = t->hdr + t->hdr_cap;
    while (p < end) {
        uint8_t kind = p[0];
        if (kind == 0) break;
        if (kind == 1) {
            p++;
            continue;
        }
        if (end - p < 2 || p[1] < 2 || p[1] > end - p) break;
        if (kind == 8 && p[1] == 10) {
            o->ts = true;
            o->tsval = (uint32_t)p[2] << 24 | (uint32_t)p[3] << 16 | (uint32_t)p[4] << 8 | p[5];
        } else if (kind == 3 && p[1] == 3) {
            o->ws = true;
            o->wscale = p[2] > 14 ? 14 : p[2];
        }
        p += p[1];
    }
}

/* Offload heuristic (--checksum-mode offload): a bad checksum is accepted when the field holds
 * what a NIC that computes checksums on transmit leaves there: zero, or the pseudo-header sum
 * alone (Linux CHECKSUM_PARTIAL), in either one's-complement form. */
static bool offload_like(const struct tw_tap_tcp *t)
{
    if (!t->hdr || t->hdr_cap < 18) return false;
    uint16_t field = (uint16_t)(t->hdr[16] << 8 | t->hdr[17]);
    if (field == 0) return true;
    uint32_t sum = 0;
    if (t->src.p && t->dst.p) {
        sum = tw_cksum_add(sum, t->src.p, t->src.len);
        sum = tw_cksum_add(sum, t->dst.p, t->dst.len);
    }
    uint32_t tcplen = t->hdr_len + t->seg_len;
    if (t->ip_version == 6) {
        const uint8_t tail[8] = {(uint8_t)(tcplen >> 24),
                                 (uint8_t)(tcplen >> 16),
                                 (uint8_t)(tcplen >> 8),
                                 (uint8_t)tcplen,
                                 0,
                                 0,
                                 0,
                                 6};
        sum = tw_cksum_add(sum, tail, 8);
    } else {
        const uint8_t tail[4] = {0, 6, (uint8_t)(tcplen >> 8), (uint8_t)tcplen};
        sum = tw_cksum_add(sum, tail, 4);
    }
    uint16_t folded = tw_cksum_fold(sum), unfolded = (uint16_t)(0xffffu ^ folded);
    return field == folded || field == unfolded;
}

/* the stream offset of a sequence number, unwrapped around the highest offset seen; negative
 * before the first byte (a connection picked up mid-stream, then older data) */
static int64_t seq_off(struct sdir *sd, uint32_t seq)
{
    uint32_t rel = seq - sd->base;
    uint64_t ref = sd->hi;
    int64_t delta = (int32_t)(rel - (uint32_t)ref);
    return (int64_t)ref + delta;
}

/* splits a direction's view v so that policies in `mask` get a view of their own; returns it */
static struct tw_sview *split_view(struct tw_stream *s, struct sdir *sd, uint32_t vi, uint32_t mask)
{
    (void)s;
    struct tw_sview *v = sd->views[vi];
    if (mask == v->mask) return v;
    if (sd->nviews >= MAX_VIEWS) return NULL;
    v->digesting = true; /* before the clone: both digest from here on */
    struct tw_sview *c = view_clone(v, mask, (unsigned)__builtin_ctz(mask));
    if (!c) return NULL;
    v->mask &= ~mask;
    v->pol = (uint8_t)__builtin_ctz(v->mask);
    sd->views[sd->nviews++] = c;
    return c;
}

static void insert_data(struct tw_stream *s, struct tw_sconn *c, unsigned d, uint32_t vi,
                        uint64_t off, const uint8_t *data, uint32_t len, uint64_t frame)
{
    struct sdir *sd = &c->d[d];
    struct tw_sview *v = sd->views[vi];
    /* bytes that differ from what was already delivered: every target keeps the old ones */
    if (off < v->next && v->keep && off < v->keep_len) {
        uint64_t e = TW_MIN(off + len, TW_MIN(v->next, (uint64_t)v->keep_len));
        if (e > off && memcmp(v->keep + off, data, (size_t)(e - off)) != 0)
            event(s, c,
                  (struct tw_sevent){.kind = TW_SEV_OLD_CONFLICT,
                                     .dir = (uint8_t)d,
                                     .pols = (uint16_t)v->mask,
                                     .frame = frame,
                                     .off = off,
                                     .len = len});
    }
    if (v->nsegs && queue_overlaps(v, off, len) && queue_conflicts(v, off, data, len)) {
        s->st.overlaps++;
        event(s, c,
              (struct tw_sevent){.kind = TW_SEV_OVERLAP,
                                 .dir = (uint8_t)d,
                                 .pols = (uint16_t)v->mask,
                                 .frame = frame,
                                 .off = off,
                                 .len = len});
        /* policies of another overlap class than the view's own get views of their own */
        uint32_t rest = v->mask;
        while (rest) {
            unsigned p0 = (unsigned)__builtin_ctz(rest);
            uint32_t cls = 0;
            for (uint32_t m = rest; m; m &= m - 1) {
                unsigned p = (unsigned)__builtin_ctz(m);
                if (prim_class(p) == prim_class(p0)) cls |= 1u << p;
            }
            rest &= ~cls;
            if (cls != v->mask) {
                struct tw_sview *nv = split_view(s, sd, vi, cls);
                if (nv && nv != v) {
                    if (!view_insert(nv, off, data, len)) {
                        s->st.caps_hit++;
                        skip_gap(nv);
                        view_insert(nv, off, data, len);
                    }
                }
                v = sd->views[vi];
            }
        }
    }
    if (!view_insert(v, off, data, len)) {
        /* a cap: the queue is forced out past its first hole and the segment tried again */
        s->st.caps_hit++;
        uint64_t at = v->next, gap = skip_gap(v);
        event(s, c,
              (struct tw_sevent){.kind = TW_SEV_CAP,
                                 .dir = (uint8_t)d,
                                 .pols = (uint16_t)v->mask,
                                 .frame = frame,
                                 .off = at,
                                 .len = (uint32_t)TW_MIN(gap, UINT32_MAX)});
        if (!view_insert(v, off, data, len)) {
            v->next = off + len > v->next ? off + len : v->next; /* give up on the queue */
            v->nsegs = 0;
            v->queued = 0;
            v->slen = 0;
        }
    }
}

static void tcp_packet(struct tw_stream *s, const struct tw_tap_tcp *t, uint64_t frame, int64_t sec)
{
    if (t->stream == UINT32_MAX || t->in_error || t->ip_fragment) return;
    struct tw_sconn *c = conn_get(s, t, frame, sec);
    if (!c) return;
    s->st.segs++;
    /* The idle list is ordered by second, not by packet: a connection moves to the head at
     * most once per second of capture time, which keeps timeouts exact to the second and
     * spares two neighbours' cache lines on most packets. */
    if (c->last_sec != sec && s->lru_head != c) {
        lru_unlink(s, c);
        lru_push(s, c);
    }
    c->last_sec = sec;
    unsigned d = (t->sport == c->port[0] && t->src.len == c->a[0].len && t->src.p &&
                  memcmp(t->src.p, c->addr[0], c->a[0].len) == 0)
                     ? 0
                     : 1;
    if (c->port[0] == c->port[1] && t->sport == t->dport && t->src.p &&
        memcmp(t->src.p, c->addr[0], c->a[0].len) != 0)
        d = 1;
    struct sdir *sd = &c->d[d], *rd = &c->d[1 - d];
    const uint16_t fl = t->flags;
    const bool syn = fl & 0x02, fin = fl & 0x01, rst = fl & 0x04, ack = fl & 0x10, urg = fl & 0x20;
    uint32_t len = t->payload_cap < t->seg_len ? t->payload_cap : t->seg_len;
    struct tw_sevent ev = {.dir = (uint8_t)d, .frame = frame, .len = t->seg_len};

    /* checksum: a receiver drops what fails it (mode all; offload: unless the capturing host
     * sent it with the checksum left to the NIC; none: everything counts) */
    if (t->cksum == TW_CK_BAD && s->cfg.cksum_mode != TW_CKMODE_NONE &&
        !(s->cfg.cksum_mode == TW_CKMODE_OFFLOAD && offload_like(t))) {
        s->st.dropped_cksum++;
        ev.kind = rst          ? TW_SEV_BAD_CKSUM_RST
                  : syn        ? TW_SEV_BAD_CKSUM_SYN
                  : t->seg_len ? TW_SEV_BAD_CKSUM_DATA
                  : fin        ? TW_SEV_BAD_CKSUM_FIN
                               : TW_SEV_COUNT;
        if (ev.kind != TW_SEV_COUNT) {
            if (sd->base_set) {
                int64_t o = seq_off(sd, t->seq);
                ev.off = o > 0 ? (uint64_t)o : 0;
            }
            event(s, c, ev);
        }
        return;
    }
    struct topts o;
    parse_opts(t, &o);

    if (syn) {
        if (!sd->base_set || !sd->syn) {
            sd->base = t->seq + 1;
            sd->base_set = true;
            sd->hi = 0;
        }
        sd->syn = true;
        sd->ts_opt = o.ts;
        sd->ws_opt = o.ws;
        sd->ws = o.wscale;
        if (o.ts)
            for (uint32_t i = 0; i < sd->nviews; i++) {
                sd->views[i]->have_ts = true;
                sd->views[i]->ts_recent = o.tsval;
            }
    } else if (!sd->base_set) {
        sd->base = t->seq; /* picked up mid-stream */
        sd->base_set = true;
    }
    /* the window this side advertises bounds what the other side may send */
    if (ack) {
        uint32_t scale = (sd->ws_opt && rd->ws_opt && !syn) ? sd->ws : 0;
        sd->ack = t->ack;
        sd->win = (uint32_t)t->win << scale;
        sd->have_win = true;
    }
    int64_t soff = seq_off(sd, syn ? t->seq + 1 : t->seq);
    const uint8_t *pay = t->payload;
    if (soff < 0) { /* bytes before where the capture picked the stream up: unknown, left out */
        uint64_t cut = (uint64_t)-soff;
        pay += cut < len ? cut : len;
        len = cut < len ? len - (uint32_t)cut : 0;
        soff = 0;
    }
    uint64_t off = (uint64_t)soff;

    if (rst) {
        if (c->reset) return;
        /* a receiver takes a RST whose sequence number is in its window */
        bool inwin = true;
        if (rd->have_win) {
            int32_t from = (int32_t)(t->seq - rd->ack);
            inwin = from >= 0 && (uint32_t)from <= (rd->win ? rd->win : 1);
        }
        ev.off = off;
        if (!inwin) {
            ev.kind = TW_SEV_RST_OUT_OF_WINDOW;
            event(s, c, ev);
            return;
        }
        ev.kind = TW_SEV_RST;
        event(s, c, ev);
        c->reset = c->closed = true;
        for (unsigned k = 0; k < 2; k++)
            for (uint32_t i = 0; i < c->d[k].nviews; i++) c->d[k].views[i]->reset = true;
        return;
    }
    if (c->reset) {
        if (t->seg_len && !sd->data_after_rst) {
            sd->data_after_rst = true;
            ev.kind = TW_SEV_DATA_AFTER_RST;
            ev.off = off;
            event(s, c, ev);
        }
        return;
    }

    if (len || fin) {
        /* outside the receiver's window: beyond its right edge */
        if (rd->have_win && len) {
            uint32_t edge = rd->ack + (rd->win ? rd->win : 1);
            if ((int32_t)(t->seq - edge) > 0) {
                s->st.dropped_window++;
                ev.kind = TW_SEV_OUT_OF_WINDOW;
                ev.off = off;
                event(s, c, ev);
                return;
            }
        }
        if (urg && len) {
            ev.kind = TW_SEV_URGENT;
            ev.off = off;
            event(s, c, ev);
        }
    }
    /* the unwrapping reference moves with what the receiver takes, not with what it drops */
    if (off + len > sd->hi && off + len - sd->hi < (1ull << 31)) sd->hi = off + len;
    if (fin) sd->fin = true;
    if (!len) {
        if (c->d[0].fin && c->d[1].fin) c->closed = true;
        return;
    }
    /* each view: PAWS and data on SYN may split it, then the data goes in */
    /* timestamps count only when both SYNs carried them (RFC 7323 section 3.2), or when the
     * handshake was not captured */
    const bool ts_on = o.ts && (!sd->syn || sd->ts_opt) && (!rd->syn || rd->ts_opt);
    uint32_t nv = sd->nviews;
    for (uint32_t vi = 0; vi < nv; vi++) sd->views[vi]->frame = sd->views[vi]->at = frame;
    for (uint32_t vi = 0; vi < nv; vi++) {
        struct tw_sview *v = sd->views[vi];
        uint32_t take = v->mask;
        if (ts_on && v->have_ts) {
            uint32_t acc = 0;
            for (uint32_t m = v->mask; m; m &= m - 1) {
                unsigned p = (unsigned)__builtin_ctz(m);
                if (paws_accepts(p, o.tsval, v->ts_recent)) acc |= 1u << p;
            }
            if (acc != v->mask) {
                s->st.dropped_paws++;
                event(s, c,
                      (struct tw_sevent){.kind = TW_SEV_PAWS,
                                         .dir = (uint8_t)d,
                                         .pols = (uint16_t)(v->mask & ~acc),
                                         .frame = frame,
                                         .off = off,
                                         .len = len,
                                         .tsval = o.tsval,
                                         .tslast = v->ts_recent});
            }
            take = acc;
        }
        if (syn) {
            uint32_t keep = 0;
            for (uint32_t m = take; m; m &= m - 1)
                if (syn_data_kept((unsigned)__builtin_ctz(m))) keep |= 1u << __builtin_ctz(m);
            event(s, c,
                  (struct tw_sevent){.kind = TW_SEV_DATA_ON_SYN,
                                     .dir = (uint8_t)d,
                                     .pols = (uint16_t)keep,
                                     .frame = frame,
                                     .off = off,
                                     .len = len});
            take = keep;
        }
        if (!take) continue;
        struct tw_sview *tv = take == v->mask ? v : split_view(s, sd, vi, take);
        if (!tv) continue;
        uint32_t tvi = tv == v ? vi : sd->nviews - 1;
        /* RFC 7323 section 5.3 R3: only a segment that starts at or before the next byte
         * expected (Last.ACK.sent) updates ts_recent; an out-of-order one arriving early does
         * not, or the reordered segments before it would all fail PAWS */
        if (ts_on &&
            (!tv->have_ts || ((int32_t)(o.tsval - tv->ts_recent) > 0 && off <= tv->next))) {
            tv->ts_recent = o.tsval;
            tv->have_ts = true;
        }
        insert_data(s, c, d, tvi, off, pay, len, frame);
    }
    if (c->d[0].fin && c->d[1].fin) c->closed = true;
}

static void expire(struct tw_stream *s, int64_t now)
{
    /* bounded work per call (once per second of capture time or 1,024 packets): the least
     * recently used first */
    for (int k = 0; k < 64 && s->lru_tail; k++) {
        struct tw_sconn *c = s->lru_tail;
        int64_t idle = c->closed ? s->cfg.closed_idle : s->cfg.idle;
        if (now - c->last_sec <= idle) break;
        s->st.timed_out++;
        conn_finish(s, c);
    }
}

void tw_stream_packet(struct tw_stream *s, const struct tw_pkt *p, uint64_t frame)
{
    int64_t sec = p->frame ? (int64_t)p->frame->ts.sec : 0;
    if (s->defrag)
        for (const struct tw_tap_item *it = tw_tap_next(p, TW_TAP_IP, NULL); it;
             it = tw_tap_next(p, TW_TAP_IP, it)) {
            const struct tw_tap_ip *ip = it->data;
            if (ip->fragment && !ip->in_error) tw_defrag_packet(s->defrag, ip, frame, sec);
        }
    for (const struct tw_tap_item *it = tw_tap_next(p, TW_TAP_TCP, NULL); it;
         it = tw_tap_next(p, TW_TAP_TCP, it))
        tcp_packet(s, it->data, frame, sec);
    if (s->lru_tail && (sec != s->last_expire || (++s->npkts & 1023) == 0)) {
        s->last_expire = sec;
        expire(s, sec);
    }
}

static int conn_cmp(const void *a, const void *b)
{
    const struct tw_sconn *x = *(const struct tw_sconn *const *)a,
                          *y = *(const struct tw_sconn *const *)b;
    return x->stream < y->stream ? -1 : x->stream > y->stream;
}

void tw_stream_close(struct tw_stream *s)
{
    if (!s) return;
    /* finish in tcp.stream order for a stable report */
    struct tw_sconn **all = s->nconns ? malloc(s->nconns * sizeof *all) : NULL;
    if (all) {
        uint32_t n = 0;
        for (struct tw_sconn *c = s->lru_head; c; c = c->lru_next) all[n++] = c;
        qsort(all, n, sizeof *all, conn_cmp);
        for (uint32_t i = 0; i < n; i++) conn_finish(s, all[i]);
        free(all);
    }
    while (s->lru_tail) conn_finish(s, s->lru_tail);
    if (s->defrag) tw_defrag_close(s->defrag);
    free(s->tab);
    free(s);
}

const struct tw_stream_stats *tw_stream_stats(const struct tw_stream *s)
{
    return &s->st;
}

/* ---------------------------------------------------------------------------------------------
 * Accessors
 * ------------------------------------------------------------------------------------------- */
static const char *const sev_names[TW_SEV_COUNT] = {
    [TW_SEV_BAD_CKSUM_DATA] = "bad-checksum data",
    [TW_SEV_BAD_CKSUM_RST] = "bad-checksum RST",
    [TW_SEV_BAD_CKSUM_FIN] = "bad-checksum FIN",
    [TW_SEV_BAD_CKSUM_SYN] = "bad-checksum SYN",
    [TW_SEV_PAWS] = "PAWS-rejected",
    [TW_SEV_OUT_OF_WINDOW] = "outside window",
    [TW_SEV_OVERLAP] = "overlap, different data",
    [TW_SEV_OLD_CONFLICT] = "retransmission, different data",
    [TW_SEV_DATA_AFTER_RST] = "data after RST",
    [TW_SEV_DATA_ON_SYN] = "data on SYN",
    [TW_SEV_URGENT] = "urgent data",
    [TW_SEV_GAP] = "gap (bytes never seen)",
    [TW_SEV_CAP] = "queue cap hit",
    [TW_SEV_RST] = "RST",
    [TW_SEV_RST_OUT_OF_WINDOW] = "RST outside window",
};

const char *tw_sev_name(enum tw_sev_kind k)
{
    return (unsigned)k < TW_SEV_COUNT ? sev_names[k] : "?";
}

uint32_t tw_sconn_index(const struct tw_sconn *c)
{
    return c->stream;
}
const struct tw_addr *tw_sconn_addr(const struct tw_sconn *c, unsigned d)
{
    return &c->a[d & 1];
}
uint16_t tw_sconn_port(const struct tw_sconn *c, unsigned d)
{
    return c->port[d & 1];
}
uint64_t tw_sconn_first_frame(const struct tw_sconn *c)
{
    return c->first_frame;
}

const struct tw_sevent *tw_sconn_events(const struct tw_sconn *c, uint32_t *n, uint32_t *lost)
{
    *n = c->nev;
    if (lost) *lost = c->lost;
    return c->ev;
}

uint32_t tw_sconn_nviews(const struct tw_sconn *c, unsigned d)
{
    return c->d[d & 1].nviews;
}

const struct tw_sview *tw_sconn_view(const struct tw_sconn *c, unsigned d, uint32_t i)
{
    return i < c->d[d & 1].nviews ? c->d[d & 1].views[i] : NULL;
}

const struct tw_sview *tw_sconn_view_of(const struct tw_sconn *c, unsigned d, unsigned pol)
{
    for (uint32_t i = 0; i < c->d[d & 1].nviews; i++)
        if (c->d[d & 1].views[i]->mask >> pol & 1u) return c->d[d & 1].views[i];
    return NULL;
}

uint32_t tw_sview_policies(const struct tw_sview *v)
{
    return v->mask;
}
uint64_t tw_sview_delivered(const struct tw_sview *v)
{
    return v->delivered;
}
uint64_t tw_sview_hash(const struct tw_sview *v)
{
    uint64_t h = v->hash;
    for (uint8_t i = 0; i < v->hn; i++) h = (h ^ v->hbuf[i]) * FNV_PRIME;
    return mix(h, v->delivered);
}
bool tw_sview_reset(const struct tw_sview *v)
{
    return v->reset;
}

const uint8_t *tw_sview_bytes(const struct tw_sview *v, uint32_t *len, bool *truncated)
{
    *len = v->keep_len;
    if (truncated) *truncated = v->keep_trunc;
    return v->keep;
}

const struct tw_schunk *tw_sview_chunks(const struct tw_sview *v, uint32_t *n)
{
    *n = v->nchunks;
    return v->log || !v->nchunks ? v->chunks : NULL;
}
