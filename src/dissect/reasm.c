/* Reassembly of datagrams from fragments placed by byte offset (IPv4, IPv6), on top of the
 * state tables. It reproduces what Wireshark's single pass does, because its output is the
 * oracle: fragments are kept in offset order (a later fragment with an equal offset goes after
 * the earlier ones); the first tail (no "more" flag) fixes the length and a tail that disagrees
 * is a "multiple tails" error; the datagram completes on the fragment after which the
 * fragments cover [0, length) contiguously. The bytes are then laid down in offset order, each
 * fragment contributing what lies past the bytes already placed; a fragment that starts inside
 * them (a duplicate too) is an overlap, a conflict if the bytes it shares with them differ; one
 * that starts at or runs past the length is "too long".
 *
 * Bounded: a table holds at most max_pending datagrams and max_bytes of memory for them
 * (fragment copies and lists; the least recently touched datagrams are dropped to make room),
 * each at most max_frags fragments, max_len bytes long and 2 * max_len bytes of stored
 * fragment data. A fragment beyond those bounds is refused (shown unreassembled). */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>

struct frag {
    uint32_t frame, off, len, at; /* at: where its bytes are in the store */
    uint8_t flags;
};

struct dgram {
    struct tw_reasm *owner;
    uint32_t datalen;
    bool datalen_set;
    uint8_t flags;
    uint32_t nfrags, capfrags;
    struct frag *frags;
    uint8_t *store;
    uint32_t store_len, store_cap;
};

static void dgram_drop(void *v)
{
    struct dgram *d = v;
    if (d->owner) d->owner->bytes -= d->store_cap + (uint64_t)d->capfrags * sizeof *d->frags;
    free(d->frags);
    free(d->store);
    d->frags = NULL;
    d->store = NULL;
}

bool tw_reasm_open(struct tw_reasm *r, const char *name, uint32_t max_pending, uint32_t max_len,
                   uint32_t max_frags, uint64_t max_bytes)
{
    r->bytes = 0;
    r->max_bytes = max_bytes;
    r->tab = tw_state_open(name, sizeof(struct dgram), max_pending, dgram_drop);
    r->max_len = max_len;
    r->max_frags = max_frags;
    return r->tab != NULL;
}

/* room for `more` bytes of this datagram within the table's budget: the datagrams touched
 * longest ago are dropped (never this one, the newest) */
static bool budget(struct tw_reasm *r, uint64_t more)
{
    while (r->bytes + more > r->max_bytes && tw_state_count(r->tab) > 1)
        if (!tw_state_evict_oldest(r->tab)) break;
    return r->bytes + more <= r->max_bytes;
}

static bool store_add(struct tw_reasm *r, struct dgram *d, const uint8_t *data, uint32_t len,
                      uint32_t limit)
{
    if ((uint64_t)d->store_len + len > limit) return false;
    if (!len) return true; /* nothing to copy; d->store may still be NULL */
    if (d->store_len + len > d->store_cap) {
        uint32_t cap = d->store_cap ? d->store_cap : 2048;
        while (cap < d->store_len + len) cap *= 2;
        if (cap > limit) cap = limit;
        if (!budget(r, cap - d->store_cap)) return false;
        uint8_t *n = realloc(d->store, cap);
        if (!n) return false;
        r->bytes += cap - d->store_cap;
        d->store = n;
        d->store_cap = cap;
    }
    memcpy(d->store + d->store_len, data, len);
    d->store_len += len;
    return true;
}

/* lays the bytes down (see the top of the file); false if the arena is full */
static bool defragment(struct dgram *d, struct tw_pkt *p, struct tw_reasm_result *res)
{
    uint8_t *out = tw_arena_alloc(p->arena, d->datalen ? d->datalen : 1);
    struct tw_reasm_frag *list = tw_arena_alloc(p->arena, d->nfrags * sizeof *list);
    if (!out || !list) return false;
    uint32_t pos = 0;
    for (uint32_t i = 0; i < d->nfrags; i++) {
        struct frag *f = &d->frags[i];
        if (!f->len) continue;
        if (f->off >= d->datalen) {
            f->flags |= TW_FRAG_TOO_LONG;
            continue;
        }
        if (f->off > pos) continue; /* a gap: cannot happen once the cover check passed */
        uint32_t n = f->len;
        if (f->off + n > d->datalen) {
            f->flags |= TW_FRAG_TOO_LONG;
            n = d->datalen - f->off;
        }
        const uint8_t *src = d->store + f->at;
        uint32_t over = pos - f->off;
        if (over) {
            f->flags |= TW_FRAG_OVERLAP;
            if (memcmp(out + f->off, src, TW_MIN(f->len, over)) != 0) f->flags |= TW_FRAG_CONFLICT;
        }
        if (f->off + n > pos) {
            memcpy(out + pos, src + over, n - over);
            pos = f->off + n;
        }
    }
    uint8_t all = d->flags;
    for (uint32_t i = 0; i < d->nfrags; i++) {
        const struct frag *f = &d->frags[i];
        list[i] = (struct tw_reasm_frag){f->frame, f->off, f->len, f->flags};
        all |= f->flags;
    }
    res->data = out;
    res->len = d->datalen;
    res->frags = list;
    res->nfrags = d->nfrags;
    res->flags = all;
    return true;
}

bool tw_reasm_add(struct tw_reasm *r, struct tw_pkt *p, const void *key, size_t klen,
                  uint32_t off, const uint8_t *data, uint32_t len, bool more,
                  struct tw_reasm_result *res)
{
    if (!r || !r->tab || (uint64_t)off + len > r->max_len) return false;
    bool fresh;
    struct dgram *d = tw_state_put(r->tab, key, klen, &fresh);
    if (!d) return false;
    d->owner = r;
    if (d->nfrags >= r->max_frags) return false;
    if (d->nfrags == d->capfrags) {
        uint32_t cap = d->capfrags ? d->capfrags * 2 : 4;
        if (cap > r->max_frags) cap = r->max_frags;
        uint64_t grow = (uint64_t)(cap - d->capfrags) * sizeof *d->frags;
        if (!budget(r, grow)) return false;
        struct frag *n = realloc(d->frags, cap * sizeof *n);
        if (!n) return false;
        r->bytes += grow;
        d->frags = n;
        d->capfrags = cap;
    }
    uint32_t at = d->store_len;
    if (!store_add(r, d, data, len, 2 * r->max_len)) return false;

    struct frag f = {(uint32_t)p->frame->recno, off, len, at, 0};
    if (!more) {
        if (d->datalen_set) {
            if (d->datalen != off + len) {
                f.flags |= TW_FRAG_MULTIPLE_TAILS;
                d->flags |= TW_FRAG_MULTIPLE_TAILS;
            }
        } else {
            d->datalen = off + len;
            d->datalen_set = true;
        }
    }
    /* sorted by offset; equal offsets keep their arrival order */
    uint32_t i = d->nfrags;
    while (i > 0 && d->frags[i - 1].off > off) i--;
    memmove(&d->frags[i + 1], &d->frags[i], (d->nfrags - i) * sizeof *d->frags);
    d->frags[i] = f;
    d->nfrags++;

    if (!d->datalen_set) return false;
    uint32_t max = 0;
    for (uint32_t k = 0; k < d->nfrags; k++) {
        const struct frag *g = &d->frags[k];
        if (g->off <= max && g->off + g->len > max) max = g->off + g->len;
    }
    if (max < d->datalen) return false;
    if (!defragment(d, p, res)) return false;
    tw_state_del(r->tab, d);
    return true;
}

void tw_reasm_tree(struct tw_pkt *p, const struct tw_reasm_result *res,
                   const struct tw_reasm_fields *f)
{
    uint8_t saved_src = p->cur_src;
    tw_use_source(p, res->data);
    int32_t top = tw_add_ptr(p, f->fragments, 0, res->len, res->data, res->len);
    tw_rec_flags(p, top, TW_RF_GENERATED);
    if (top >= 0 && tw_want_labels(p)) {
        /* tshark's item labels stop at 239 characters */
        char lab[1024];
        size_t n = (size_t)snprintf(lab, sizeof lab, "%u %s (%u byte%s): ", res->nfrags,
                                    res->nfrags == 1 ? f->one : f->many, res->len,
                                    res->len == 1 ? "" : "s");
        for (uint32_t i = 0; i < res->nfrags && n < sizeof lab; i++)
            n += (size_t)snprintf(lab + n, sizeof lab - n, "%s#%u(%u)", i ? ", " : "",
                                  res->frags[i].frame, res->frags[i].len);
        if (n > 239) lab[239] = 0;
        tw_rec_label(p, top, "%s", lab);
    }
    tw_tree_push(p, top);
    for (uint32_t i = 0; i < res->nfrags; i++) {
        const struct tw_reasm_frag *g = &res->frags[i];
        bool bad = g->flags & (TW_FRAG_CONFLICT | TW_FRAG_MULTIPLE_TAILS | TW_FRAG_TOO_LONG);
        int32_t r = tw_add_uint(p, bad ? f->error : f->fragment, g->off, g->len, g->frame);
        tw_rec_flags(p, r, TW_RF_GENERATED);
        if (r >= 0 && tw_want_labels(p)) {
            if (g->len == 0)
                tw_rec_label(p, r, "Frame: %u (no data)", g->frame);
            else
                tw_rec_label(p, r, "Frame: %u, payload: %u-%u (%u byte%s)", g->frame, g->off,
                             g->off + g->len - 1, g->len, g->len == 1 ? "" : "s");
        }
        if (!g->flags) continue;
        tw_tree_push(p, r);
        static const uint8_t bits[4] = {TW_FRAG_OVERLAP, TW_FRAG_CONFLICT, TW_FRAG_MULTIPLE_TAILS,
                                        TW_FRAG_TOO_LONG};
        const uint16_t hfs[4] = {f->overlap, f->conflict, f->multiple_tails, f->too_long};
        for (int k = 0; k < 4; k++) {
            if (!(g->flags & bits[k])) continue;
            int32_t b = tw_add_uint(p, hfs[k], 0, 0, 1);
            tw_rec_flags(p, b, TW_RF_GENERATED);
        }
        tw_tree_pop(p);
    }
    int32_t r = tw_add_uint(p, f->count, 0, 0, res->nfrags);
    tw_rec_flags(p, r, TW_RF_GENERATED);
    /* a protocol without these items (TLS handshake fragments) leaves them 0: field id 0 is
     * the first protocol's own item, never one of these */
    if (f->length) {
        r = tw_add_uint(p, f->length, 0, 0, res->len);
        tw_rec_flags(p, r, TW_RF_GENERATED);
    }
    if (f->data) {
        r = tw_add_ptr(p, f->data, 0, res->len, res->data, res->len);
        tw_rec_flags(p, r, TW_RF_GENERATED);
    }
    tw_tree_pop(p);
    p->cur_src = saved_src;
}
