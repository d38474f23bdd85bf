/* Memory across packets, for dissectors that need it (reassembly, request/response matching).
 *
 * A table maps byte keys to fixed-size values. Entries live in chunks that never move (a value
 * pointer stays valid until the entry is deleted or evicted), are chained in a hash index that
 * grows with the count, and sit on a recency list: every get or put makes an entry the newest,
 * and when the table holds its maximum the oldest entry is evicted (its owner's drop hook runs
 * first) to make room. So a table's memory is bounded by its cap, however long the capture.
 * Tables are per run: opened by protocols' init hooks, all closed when the registry is freed.
 * No protocol knowledge here. */
#include "internal.h"

#include <stdlib.h>

#define CHUNK_SHIFT 8
#define CHUNK_SIZE  (1u << CHUNK_SHIFT)
#define NIL         UINT32_MAX

struct entry {
    uint32_t hnext;      /* next in the hash chain */
    uint32_t prev, next; /* recency list (prev = newer, next = older); free list uses next */
    uint32_t hash;
    uint8_t klen;
    bool used;
    uint8_t key[TW_STATE_KEY_MAX];
    /* the value follows, 16-byte aligned */
};

struct tw_state {
    const char *name;
    size_t value_size, stride;
    uint32_t max;
    void (*drop)(void *value);
    uint8_t **chunks;
    uint32_t nchunks, nalloc; /* chunks allocated, entries handed out so far */
    uint32_t *buckets;
    uint32_t bmask;
    uint32_t count;
    uint32_t newest, oldest, free_list;
    uint64_t seed;
    uint64_t evicted;
    struct tw_state *next_table;
};

static struct tw_state *tables;

static size_t entry_hdr(void) { return (sizeof(struct entry) + 15) & ~(size_t)15; }

static struct entry *ent(const struct tw_state *s, uint32_t i)
{
    return (struct entry *)(void *)(s->chunks[i >> CHUNK_SHIFT] +
                                    (size_t)(i & (CHUNK_SIZE - 1)) * s->stride);
}

static void *val(const struct tw_state *s, uint32_t i) { return (uint8_t *)ent(s, i) + entry_hdr(); }

static uint32_t idx_of(const struct tw_state *s, const void *value)
{
    const struct entry *e = (const struct entry *)(const void *)((const uint8_t *)value - entry_hdr());
    for (uint32_t c = 0; c < s->nchunks; c++) {
        const uint8_t *b = s->chunks[c];
        if ((const uint8_t *)e >= b && (const uint8_t *)e < b + (size_t)CHUNK_SIZE * s->stride)
            return c << CHUNK_SHIFT | (uint32_t)(((const uint8_t *)e - b) / s->stride);
    }
    return NIL;
}

struct tw_state *tw_state_open(const char *name, size_t value_size, uint32_t max_entries,
                               void (*drop)(void *value))
{
    if (max_entries == 0) max_entries = 1;
    struct tw_state *s = calloc(1, sizeof *s);
    if (!s) return NULL;
    s->name = name;
    s->value_size = value_size;
    s->stride = entry_hdr() + ((value_size + 15) & ~(size_t)15);
    s->max = max_entries;
    s->drop = drop;
    s->newest = s->oldest = s->free_list = NIL;
    s->seed = tw_hash_seed_random();
    s->next_table = tables;
    tables = s;
    return s;
}

static void list_unlink(struct tw_state *s, uint32_t i)
{
    struct entry *e = ent(s, i);
    if (e->prev != NIL) ent(s, e->prev)->next = e->next;
    else s->newest = e->next;
    if (e->next != NIL) ent(s, e->next)->prev = e->prev;
    else s->oldest = e->prev;
    e->prev = e->next = NIL;
}

static void list_push_newest(struct tw_state *s, uint32_t i)
{
    struct entry *e = ent(s, i);
    e->prev = NIL;
    e->next = s->newest;
    if (s->newest != NIL) ent(s, s->newest)->prev = i;
    s->newest = i;
    if (s->oldest == NIL) s->oldest = i;
}

static uint32_t key_hash(const struct tw_state *s, const void *key, uint32_t klen)
{
    return (uint32_t)tw_hash(key, klen, s->seed);
}

static uint32_t lookup(const struct tw_state *s, const void *key, uint32_t klen, uint32_t h)
{
    if (!s->buckets) return NIL;
    for (uint32_t i = s->buckets[h & s->bmask]; i != NIL;) {
        const struct entry *e = ent(s, i);
        if (e->hash == h && e->klen == klen && memcmp(e->key, key, klen) == 0) return i;
        i = e->hnext;
    }
    return NIL;
}

static void hash_unlink(struct tw_state *s, uint32_t i)
{
    struct entry *e = ent(s, i);
    uint32_t *pp = &s->buckets[e->hash & s->bmask];
    while (*pp != NIL && *pp != i) pp = &ent(s, *pp)->hnext;
    if (*pp == i) *pp = e->hnext;
    e->hnext = NIL;
}

/* the hash index doubles (up to about the cap) so chains stay short */
static void maybe_grow_index(struct tw_state *s)
{
    uint32_t n = s->buckets ? s->bmask + 1 : 0;
    if (n && (s->count < n || n >= s->max)) return;
    uint32_t nn = n ? n * 2 : 64;
    uint32_t *b = malloc((size_t)nn * sizeof *b);
    if (!b) return;
    for (uint32_t k = 0; k < nn; k++) b[k] = NIL;
    for (uint32_t k = 0; k < n; k++) {
        for (uint32_t i = s->buckets[k]; i != NIL;) {
            struct entry *e = ent(s, i);
            uint32_t nx = e->hnext;
            e->hnext = b[e->hash & (nn - 1)];
            b[e->hash & (nn - 1)] = i;
            i = nx;
        }
    }
    free(s->buckets);
    s->buckets = b;
    s->bmask = nn - 1;
}

static void release(struct tw_state *s, uint32_t i, bool call_drop)
{
    struct entry *e = ent(s, i);
    if (call_drop && s->drop) s->drop(val(s, i));
    hash_unlink(s, i);
    list_unlink(s, i);
    e->used = false;
    e->next = s->free_list;
    s->free_list = i;
    s->count--;
}

/* a free entry: from the free list, a new one, or the oldest evicted */
static uint32_t take_entry(struct tw_state *s)
{
    if (s->free_list != NIL) {
        uint32_t i = s->free_list;
        s->free_list = ent(s, i)->next;
        return i;
    }
    if (s->nalloc < s->max) {
        if ((s->nalloc >> CHUNK_SHIFT) >= s->nchunks) {
            uint8_t **c = realloc(s->chunks, (s->nchunks + 1) * sizeof *c);
            if (!c) goto evict;
            s->chunks = c;
            c[s->nchunks] = malloc((size_t)CHUNK_SIZE * s->stride);
            if (!c[s->nchunks]) goto evict;
            s->nchunks++;
        }
        return s->nalloc++;
    }
evict:
    if (s->oldest == NIL) return NIL;
    uint32_t i = s->oldest;
    release(s, i, true);
    s->evicted++;
    s->free_list = ent(s, i)->next;
    return i;
}

void *tw_state_get(struct tw_state *s, const void *key, size_t klen)
{
    if (!s || klen > TW_STATE_KEY_MAX) return NULL;
    uint32_t h = key_hash(s, key, (uint32_t)klen);
    uint32_t i = lookup(s, key, (uint32_t)klen, h);
    if (i == NIL) return NULL;
    if (s->newest != i) {
        list_unlink(s, i);
        list_push_newest(s, i);
    }
    return val(s, i);
}

void *tw_state_put(struct tw_state *s, const void *key, size_t klen, bool *fresh)
{
    if (fresh) *fresh = false;
    if (!s || klen > TW_STATE_KEY_MAX) return NULL;
    uint32_t h = key_hash(s, key, (uint32_t)klen);
    uint32_t i = lookup(s, key, (uint32_t)klen, h);
    if (i != NIL) {
        if (s->newest != i) {
            list_unlink(s, i);
            list_push_newest(s, i);
        }
        return val(s, i);
    }
    i = take_entry(s);
    if (i == NIL) return NULL;
    struct entry *e = ent(s, i);
    e->hash = h;
    e->klen = (uint8_t)klen;
    e->used = true;
    memcpy(e->key, key, klen);
    e->prev = e->next = NIL;
    s->count++;
    maybe_grow_index(s);
    if (!s->buckets) {
        /* no index at all: give the entry back */
        e->used = false;
        e->next = s->free_list;
        s->free_list = i;
        s->count--;
        return NULL;
    }
    e->hnext = s->buckets[h & s->bmask];
    s->buckets[h & s->bmask] = i;
    list_push_newest(s, i);
    memset(val(s, i), 0, s->value_size);
    if (fresh) *fresh = true;
    return val(s, i);
}

void tw_state_del(struct tw_state *s, void *value)
{
    if (!s || !value) return;
    uint32_t i = idx_of(s, value);
    if (i == NIL || !ent(s, i)->used) return;
    release(s, i, true);
}

bool tw_state_evict_oldest(struct tw_state *s)
{
    if (!s || s->oldest == NIL) return false;
    release(s, s->oldest, true);
    s->evicted++;
    return true;
}

void *tw_state_oldest(struct tw_state *s)
{
    return s && s->oldest != NIL ? val(s, s->oldest) : NULL;
}

uint32_t tw_state_count(const struct tw_state *s) { return s ? s->count : 0; }
uint64_t tw_state_evicted(const struct tw_state *s) { return s ? s->evicted : 0; }

static void close_one(struct tw_state *s)
{
    if (s->drop) {
        for (uint32_t i = s->newest; i != NIL; i = ent(s, i)->next) s->drop(val(s, i));
    }
    for (uint32_t c = 0; c < s->nchunks; c++) free(s->chunks[c]);
    free(s->chunks);
    free(s->buckets);
    free(s);
}

/* kinds of loss noted by tw_state_note(), by their sentence's address */
#define NOTE_KINDS 16
static struct {
    const char *what;
    uint64_t n;
} notes[NOTE_KINDS];

void tw_state_note(const char *what)
{
    for (uint32_t i = 0; i < NOTE_KINDS; i++) {
        if (notes[i].what == what || !notes[i].what) {
            notes[i].what = what;
            notes[i].n++;
            return;
        }
    }
}

void tw_state_report(void)
{
    /* a table evicting its least recently used entries is its normal work on a long capture
     * (finished conversations go first): only a debug message */
    for (const struct tw_state *s = tables; s; s = s->next_table)
        if (s->evicted)
            tw_log(TW_LOG_DEBUG, "%s: %llu entr%s evicted (the table keeps %u; state beyond was forgotten)",
                   s->name, (unsigned long long)s->evicted, s->evicted == 1 ? "y" : "ies", s->max);
    for (uint32_t i = 0; i < NOTE_KINDS && notes[i].what; i++)
        tw_log(TW_LOG_WARN, "%s: %llu", notes[i].what, (unsigned long long)notes[i].n);
}

void tw_state_close_all(void)
{
    memset(notes, 0, sizeof notes);
    while (tables) {
        struct tw_state *s = tables;
        tables = s->next_table;
        close_one(s);
    }
}

size_t tw_conv_key(const struct tw_pkt *p, uint16_t sport, uint16_t dport, uint8_t *k, int *dir)
{
    const struct tw_addr *a = &p->ctx.ip_src, *b = &p->ctx.ip_dst;
    uint8_t al = a->p && b->p && a->len == b->len && a->len <= 16 ? a->len : 0;
    /* Wireshark's conversations use pinfo->src/dst: for IPv6, the final destination of a
     * routing header with segments left and the home address of Mobile IPv6 */
    const uint8_t *ap = a->p, *bp = b->p;
    if (al == 16 && p->ctx.ip_version == 6) {
        if (p->ctx.ip6_home_addr) ap = p->ctx.ip6_home_addr;
        if (p->ctx.ip6_final_dst) bp = p->ctx.ip6_final_dst;
    }
    int c = al ? memcmp(ap, bp, al) : 0;
    if (c == 0) c = (int)sport - (int)dport;
    if (dir) *dir = c > 0;
    const uint8_t *x = ap, *y = bp;
    uint16_t xp = sport, yp = dport;
    if (c > 0) {
        x = bp;
        y = ap;
        xp = dport;
        yp = sport;
    }
    size_t n = 0;
    k[n++] = al;
    if (al) {
        memcpy(k + n, x, al);
        memcpy(k + n + al, y, al);
        n += 2u * al;
    }
    k[n++] = (uint8_t)(xp >> 8);
    k[n++] = (uint8_t)xp;
    k[n++] = (uint8_t)(yp >> 8);
    k[n++] = (uint8_t)yp;
    return n;
}

void *tw_conv_state(struct tw_state *t, const struct tw_pkt *p)
{
    if (!t || p->ctx.in_error_pkt) return NULL;
    uint8_t key[TW_STATE_KEY_MAX];
    size_t kl = tw_conv_key(p, p->ctx.srcport, p->ctx.dstport, key, NULL);
    return tw_state_put(t, key, kl, NULL);
}
