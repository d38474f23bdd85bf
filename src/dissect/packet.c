/* The dissection core: runs the protocol chain for one frame through the dispatch tables, keeps
 * the layer stack and the field records, and owns the columns. No protocol knowledge here: the
 * first layer is the "frame" protocol and everything after it is found through tables. */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const struct tw_vs tw_expert_sev_vals[] = {{TW_SEV_COMMENT, "Comment"}, {TW_SEV_CHAT, "Chat"},
                                           {TW_SEV_NOTE, "Note"},       {TW_SEV_WARN, "Warning"},
                                           {TW_SEV_ERROR, "Error"},     {0, NULL}};
const struct tw_vs tw_expert_grp_vals[] = {{TW_GRP_CHECKSUM, "Checksum"},
                                           {TW_GRP_SEQUENCE, "Sequence"},
                                           {TW_GRP_RESPONSE_CODE, "Response"},
                                           {TW_GRP_REQUEST_CODE, "Request"},
                                           {TW_GRP_UNDECODED, "Undecoded"},
                                           {TW_GRP_REASSEMBLE, "Reassemble"},
                                           {TW_GRP_MALFORMED, "Malformed"},
                                           {TW_GRP_DEBUG, "Debug"},
                                           {TW_GRP_PROTOCOL, "Protocol"},
                                           {TW_GRP_SECURITY, "Security"},
                                           {TW_GRP_COMMENTS_GROUP, "Comment"},
                                           {TW_GRP_DECRYPTION, "Decryption"},
                                           {TW_GRP_ASSUMPTION, "Assumption"},
                                           {TW_GRP_DEPRECATED, "Deprecated"},
                                           {0, NULL}};

/* rec_chain of a packet that indexes nothing: field ids are 16 bits */
static const uint8_t no_chains[UINT16_MAX + 1];

void tw_pkt_init(struct tw_pkt *p, struct tw_arena *arena, uint32_t maxrecs)
{
    memset(p, 0, sizeof *p);
    p->arena = arena;
    p->rec_chain = no_chains;
    p->recs = calloc(maxrecs, sizeof *p->recs);
    p->maxrecs = p->recs ? maxrecs : 0;
    tw_buf_init(&p->info, 4096);
    tw_buf_reserve(&p->info, 1024);
}

void tw_pkt_prime(struct tw_pkt *p)
{
    free(p->want_proto);
    p->want_proto = NULL; /* NULL: every protocol counts as wanted */
    if (p->want_all) {
        /* everything: the per-field tests need not look at want_all */
        free(p->want_every);
        p->want_every = malloc(tw_field_count() + 1);
        if (p->want_every) memset(p->want_every, 1, tw_field_count() + 1);
        p->want = p->want_every;
        return;
    }
    p->want_proto = calloc(tw_proto_count() + 1, 1);
    if (!p->want_proto || !p->want) return;
    for (uint32_t i = 0; i < tw_field_count(); i++)
        if (p->want[i]) p->want_proto[tw_field((uint16_t)i)->proto] = 1;
}

int tw_pkt_index_field(struct tw_pkt *p, uint16_t hf)
{
    uint32_t nf = tw_field_count();
    if (hf == 0 || hf >= nf || tw_field(hf)->first != hf) return -1;
    if (p->rec_chain[hf]) return p->rec_chain[hf] - 1;
    if (p->nchains >= TW_MAX_CHAINS) return -1;
    if (!p->rec_chain_owned) {
        p->rec_chain_owned = calloc(UINT16_MAX + 1, 1);
        p->chain_recs = malloc(sizeof *p->chain_recs * TW_MAX_CHAINS * TW_CHAIN_CAP);
        if (!p->rec_chain_owned || !p->chain_recs) {
            free(p->rec_chain_owned);
            free(p->chain_recs);
            p->rec_chain_owned = NULL;
            p->chain_recs = NULL;
            return -1;
        }
        p->rec_chain = p->rec_chain_owned;
    }
    uint32_t ch = p->nchains++;
    p->chain_n[ch] = 0;
    /* every field with the same name (llc.control.ftype is 8 or 16 bits wide) */
    uint16_t id = hf;
    for (uint32_t guard = 0; id && id < nf && guard < 64; guard++) {
        p->rec_chain_owned[id] = (uint8_t)(ch + 1);
        id = tw_field(id)->next_same;
    }
    return (int)ch;
}

/* chain_add() when the list is full or records were taken back from the end since its last
 * entry was listed (tw_layer_unrecord): entries at or past r are stale, drop them */
__attribute__((noinline)) static void chain_add_slow(struct tw_pkt *p, uint32_t ch, int32_t r)
{
    int32_t *list = p->chain_recs + ch * TW_CHAIN_CAP;
    uint32_t n = p->chain_n[ch];
    if (n > TW_CHAIN_CAP) return; /* overflowed: stays so for this packet */
    while (n && list[n - 1] >= r) n--;
    if (n < TW_CHAIN_CAP) list[n] = r;
    p->chain_n[ch] = n + 1; /* TW_CHAIN_CAP + 1: overflowed */
}

/* record r of chain ch was added: list it */
static inline void chain_add(struct tw_pkt *p, uint32_t ch, int32_t r)
{
    int32_t *list = p->chain_recs + ch * TW_CHAIN_CAP;
    uint32_t n = p->chain_n[ch];
    if (TW_LIKELY(n == 0 || (n < TW_CHAIN_CAP && list[n - 1] < r))) {
        list[n] = r;
        p->chain_n[ch] = n + 1;
    } else {
        chain_add_slow(p, ch, r);
    }
}

void tw_pkt_free(struct tw_pkt *p)
{
    free(p->rec_chain_owned);
    p->rec_chain_owned = NULL;
    p->rec_chain = no_chains;
    free(p->chain_recs);
    p->chain_recs = NULL;
    p->nchains = 0;
    free(p->want_proto);
    p->want_proto = NULL;
    free(p->want_every);
    p->want_every = NULL;
    free(p->recs);
    tw_buf_free(&p->info);
    p->recs = NULL;
}

int32_t tw_add_rec(struct tw_pkt *p, uint16_t hf, uint32_t off, uint32_t len)
{
    if (TW_UNLIKELY(p->nrecs >= p->maxrecs)) {
        p->recs_dropped++;
        return -1;
    }
    int32_t r = (int32_t)p->nrecs++;
    p->nrecs_added++;
    struct tw_rec *rec = &p->recs[r];
    rec->field = hf;
    rec->flags = 0;
    rec->src = p->cur_src;
    rec->parent = p->ntree ? p->tree[p->ntree - 1] : -1;
    rec->off = off;
    rec->len = len;
    rec->v.u = 0;
    rec->v.b.n = 0;
    rec->label = NULL;
    uint8_t ch = p->rec_chain[hf];
    if (ch) chain_add(p, ch - 1u, r);
    return r;
}

int32_t tw_add_bits_rec(struct tw_pkt *p, uint16_t hf, uint32_t off, uint32_t len, uint64_t raw)
{
    const struct tw_field_info *fi = tw_field(hf);
    uint64_t v = fi->def->mask ? (raw & fi->def->mask) >> fi->shift : raw;
    int32_t r = tw_add_rec(p, hf, off, len);
    if (r >= 0) p->recs[r].v.u = v;
    return r;
}

int32_t tw_add_ascii(struct tw_pkt *p, uint16_t hf, uint32_t off, uint32_t n, const uint8_t *b)
{
    if (!tw_want(p, hf)) return -1;
    uint32_t len = 0, high = 0;
    while (len < n && b[len]) high += b[len++] >= 0x80;
    if (!high) return tw_add_ptr(p, hf, off, n, b, len);
    uint8_t *s = tw_arena_alloc(p->arena, (size_t)len * 3 + 1);
    if (!s) return -1;
    uint32_t k = 0;
    for (uint32_t i = 0; i < len; i++) {
        if (b[i] < 0x80) {
            s[k++] = b[i];
        } else {
            memcpy(s + k, "\xef\xbf\xbd", 3);
            k += 3;
        }
    }
    s[k] = 0;
    return tw_add_ptr(p, hf, off, n, s, k);
}

int32_t tw_add_strf_(struct tw_pkt *p, uint16_t hf, uint32_t off, uint32_t len, const char *fmt,
                     ...)
{
    if (!tw_want(p, hf)) return -1;
    char tmp[1024];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0) return -1;
    if ((size_t)n >= sizeof tmp) n = sizeof tmp - 1;
    uint8_t *s = tw_arena_alloc(p->arena, (size_t)n + 1);
    if (!s) return -1;
    memcpy(s, tmp, (size_t)n + 1);
    return tw_add_ptr(p, hf, off, len, s, (uint32_t)n);
}

int32_t tw_add_text_(struct tw_pkt *p, uint32_t off, uint32_t len, const char *fmt, ...)
{
    if (!p->want_all) return -1;
    int32_t r = tw_add_rec(p, 0, off, len);
    if (r < 0) return r;
    char tmp[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    p->recs[r].label = tw_arena_printf(p->arena, "%s", tmp);
    p->recs[r].flags |= TW_RF_LABEL;
    return r;
}

void tw_rec_label_(struct tw_pkt *p, int32_t r, const char *fmt, ...)
{
    if (r < 0 || !p->want_all) return;
    char tmp[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    p->recs[r].label = tw_arena_printf(p->arena, "%s", tmp);
    p->recs[r].flags |= TW_RF_LABEL;
}

static struct tw_layer *cur_layer(struct tw_pkt *p)
{
    return p->nlayers ? &p->layers[p->nlayers - 1] : NULL;
}

void tw_layer_setlen(struct tw_pkt *p, uint32_t len)
{
    struct tw_layer *l = cur_layer(p);
    if (!l) return;
    l->len = len;
    if (l->rec >= 0) p->recs[l->rec].len = len;
}

void tw_frame_shrink(struct tw_pkt *p, uint32_t len)
{
    struct tw_layer *l = cur_layer(p);
    if (!l || l->src != 0 || l->off != 0 || len >= p->sources[0].len) return;
    p->sources[0].len = len;
    if (p->nlayers && p->layers[0].avail > len) p->layers[0].avail = len;
}

void tw_layer_label_(struct tw_pkt *p, const char *fmt, ...)
{
    struct tw_layer *l = cur_layer(p);
    if (!l || l->rec < 0) return;
    char tmp[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    p->recs[l->rec].label = tw_arena_printf(p->arena, "%s", tmp);
    p->recs[l->rec].flags |= TW_RF_LABEL;
}

/* ---- expert infos ---- */

/* Count the expert (severity for the Info column colouring and exit status) and say whether any
 * of its records is wanted: only then is its message worth formatting. */
static bool expert_note(struct tw_pkt *p, uint16_t xid)
{
    const struct tw_expert_def *xd = tw_field(xid)->expert;
    if (!xd) return false;
    p->expert_any = true;
    if (xd->sev > p->expert_max_sev) p->expert_max_sev = xd->sev;
    uint16_t ws = tw_ids_ws_expert.field;
    if (xd->grp == TW_GRP_MALFORMED && tw_want(p, tw_ids_ws_malformed.field)) return true;
    return tw_want(p, ws) || tw_want(p, xid) ||
           tw_want(p, (uint16_t)(tw_ids_ws_expert.base + TW_WS_EXPERT_MESSAGE)) ||
           tw_want(p, (uint16_t)(tw_ids_ws_expert.base + TW_WS_EXPERT_SEVERITY)) ||
           tw_want(p, (uint16_t)(tw_ids_ws_expert.base + TW_WS_EXPERT_GROUP));
}

/* the records of an expert that expert_note() said are wanted */
static void expert_record(struct tw_pkt *p, uint16_t xid, uint32_t off, uint32_t len,
                          const char *msg)
{
    const struct tw_expert_def *xd = tw_field(xid)->expert;
    uint16_t ws = tw_ids_ws_expert.field;
    const char *m = msg ? msg : xd->summary;
    size_t ml = strlen(m);
    char *mcopy = tw_arena_alloc(p->arena, ml + 1);
    if (!mcopy) return;
    memcpy(mcopy, m, ml + 1);
    /* Wireshark's layout: "Expert Info (Sev/Group): msg" holds the named expert field
     * (labelled with the message), the message (hidden), severity and group. */
    int32_t e = tw_want(p, ws) ? tw_add_rec(p, ws, off, len) : -1;
    if (e >= 0) {
        p->recs[e].flags |= TW_RF_GENERATED | TW_RF_EXPERT;
        /* (its text is also what -e _ws.expert prints) */
        p->recs[e].label = tw_arena_printf(p->arena, "Expert Info (%s/%s): %s",
                                               tw_vs_find(tw_expert_sev_vals, xd->sev),
                                               tw_vs_find(tw_expert_grp_vals, xd->grp), mcopy);
    }
    tw_tree_push(p, e);
    int32_t top = tw_add_rec(p, xid, off, len);
    if (top >= 0) {
        /* for -z expert: the protocol running (tshark names it), and whether this is inside an
         * ICMP error's quoted datagram (tshark's taps skip those) */
        p->recs[top].v.u = p->cur_proto | (uint64_t)p->ctx.in_error_pkt << 32;
        p->recs[top].flags |= TW_RF_GENERATED;
        if (p->want_all) p->recs[top].label = mcopy;
    }
    int32_t r = tw_add_ptr(p, (uint16_t)(tw_ids_ws_expert.base + TW_WS_EXPERT_MESSAGE), off, len,
                           (const uint8_t *)mcopy, (uint32_t)ml);
    tw_rec_flags(p, r, TW_RF_GENERATED | TW_RF_HIDDEN);
    r = tw_add_uint(p, (uint16_t)(tw_ids_ws_expert.base + TW_WS_EXPERT_SEVERITY), off, len,
                    xd->sev);
    tw_rec_flags(p, r, TW_RF_GENERATED);
    r = tw_add_uint(p, (uint16_t)(tw_ids_ws_expert.base + TW_WS_EXPERT_GROUP), off, len, xd->grp);
    tw_rec_flags(p, r, TW_RF_GENERATED);
    tw_tree_pop(p);
    /* Wireshark adds a hidden _ws.malformed item after every expert of the Malformed group, so
     * that `-Y _ws.malformed` finds them */
    if (xd->grp == TW_GRP_MALFORMED && tw_want(p, tw_ids_ws_malformed.field)) {
        r = tw_add_rec(p, tw_ids_ws_malformed.field, 0, 0);
        tw_rec_flags(p, r, TW_RF_HIDDEN);
    }
}

static void expert_add(struct tw_pkt *p, uint16_t xid, uint32_t off, uint32_t len, const char *msg)
{
    if (expert_note(p, xid)) expert_record(p, xid, off, len, msg);
}

void tw_expert(struct tw_pkt *p, uint16_t xid, uint32_t off, uint32_t len, const char *fmt, ...)
{
    if (!expert_note(p, xid)) return; /* no record wanted: no message to format */
    char tmp[512];
    const char *msg = NULL;
    if (fmt) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(tmp, sizeof tmp, fmt, ap);
        va_end(ap);
        msg = tmp;
    }
    expert_record(p, xid, off, len, msg);
}

/* ---- columns ---- */

void tw_info_clear(struct tw_pkt *p)
{
    if (p->want_cols && !p->cols_locked && p->info.len > p->info_fence) p->info.len = p->info_fence;
}
void tw_info_addn(struct tw_pkt *p, const char *s, size_t n)
{
    if (p->want_cols && !p->cols_locked) tw_buf_add(&p->info, s, n);
}
void tw_info_add(struct tw_pkt *p, const char *s)
{
    if (p->want_cols && !p->cols_locked) tw_buf_adds(&p->info, s);
}
void tw_info_set(struct tw_pkt *p, const char *s)
{
    if (p->want_cols && !p->cols_locked) {
        if (p->info.len > p->info_fence) p->info.len = p->info_fence;
        tw_buf_adds(&p->info, s);
    }
}
void tw_info_printf_(struct tw_pkt *p, const char *fmt, ...)
{
    if (!p->want_cols || p->cols_locked) return;
    va_list ap;
    va_start(ap, fmt);
    tw_buf_vprintf(&p->info, fmt, ap);
    va_end(ap);
}

/* ---- data sources ---- */

struct tw_cur tw_new_source(struct tw_pkt *p, const uint8_t *data, uint32_t len, const char *name)
{
    if (p->nsources < TW_MAX_SOURCES)
        p->sources[p->nsources++] = (struct tw_source){data, len, name};
    return tw_cur_make(data, len, len);
}

static uint8_t source_of(const struct tw_pkt *p, const uint8_t *data)
{
    for (uint32_t i = p->nsources; i-- > 1;)
        if (p->sources[i].data == data) return (uint8_t)i;
    return 0;
}

void tw_use_source(struct tw_pkt *p, const uint8_t *data)
{
    uint8_t i = source_of(p, data);
    if (i) p->cur_src = i;
}

/* ---- the chain ---- */

static int resolve(struct tw_pkt *p, uint8_t table, uint8_t nkeys, const uint32_t *keys,
                   const struct tw_cur *c, uint32_t *key_used)
{
    for (uint8_t i = 0; i < nkeys; i++) {
        int pr = tw_dispatch_find((enum tw_table)table, keys[i]);
        if (pr >= 0) {
            *key_used = keys[i];
            return pr;
        }
    }
    uint32_t nh;
    const uint16_t *h = tw_heur_list((enum tw_table)table, &nh);
    for (uint32_t i = 0; i < nh; i++) {
        const struct tw_proto *pr = tw_proto_get(h[i]);
        if (pr->heur(p, c)) return h[i];
    }
    return -1;
}

static void add_status_marker(struct tw_pkt *p, const struct tw_proto *pr, enum tw_status st)
{
    /* tshark's markers: a top-level item naming the protocol, and text appended to Info */
    bool trunc = st == TW_TRUNCATED;
    struct tw_proto_ids *ids = trunc ? &tw_ids_ws_short : &tw_ids_ws_malformed;
    uint32_t saved = p->ntree;
    p->ntree = 0;
    int32_t r = -1;
    if (tw_want(p, ids->field)) {
        r = tw_add_rec(p, ids->field, 0, 0);
        if (r >= 0)
            p->recs[r].label =
                trunc ? tw_arena_printf(p->arena,
                                        "[Packet size limited during capture: %s truncated]",
                                        pr->short_name)
                      : tw_arena_printf(p->arena, "[Malformed Packet: %s]", pr->short_name);
        if (r >= 0) p->recs[r].flags |= TW_RF_LABEL;
    }
    if (!trunc) { /* the expert is there whether or not its parent item was asked for */
        tw_tree_push(p, r);
        expert_add(p, (uint16_t)tw_ids_ws_malformed.expert_base, 0, 0, NULL);
        tw_tree_pop(p);
    }
    p->ntree = saved;
    p->cols_locked = 0;
    tw_info_add(p, trunc ? "[Packet size limited during capture]" : "[Malformed Packet]");
}

/* Runs protocol `pi` on `c`, then whatever it asks for next, until the chain ends; then the
 * post hooks of the layers it ran, innermost first (trailers need to know what the layers above
 * them claimed). */
/* Copy a cursor field by field, each load as wide as the field. A plain struct copy lets the
 * compiler load it as 16- and 8-byte words, and when the cursor was just written by narrower
 * stores (a dissector's tw_next(), tw_cur_make()) the CPU cannot forward those stores to the
 * wider load and stalls: measured at ~15% of `trawl -q` time. The empty asm statements keep the
 * compiler from merging the loads again. */
static inline void cur_copy(struct tw_cur *dst, const struct tw_cur *src)
{
    dst->data = src->data;
    __asm__ volatile("" ::: "memory");
    dst->off = src->off;
    __asm__ volatile("" ::: "memory");
    dst->end = src->end;
    __asm__ volatile("" ::: "memory");
    dst->cap = src->cap;
    __asm__ volatile("" ::: "memory");
    dst->err = src->err;
}

static enum tw_status run_chain(struct tw_pkt *p, int pi, const struct tw_cur *start, uint8_t via_t,
                                uint32_t via_k)
{
    struct tw_cur c;
    cur_copy(&c, start);
    uint32_t base_tree = p->ntree;
    uint32_t saved_base = p->chain_base;
    p->chain_base = base_tree;
    uint32_t first = p->nlayers;
    uint16_t saved_proto = p->cur_proto; /* a nested chain gives it back to the caller's */
    enum tw_status result = TW_OK;
    for (uint32_t hops = 0; pi >= 0; hops++) {
        const struct tw_proto *pr = tw_proto_get((uint16_t)pi);
        if (p->nlayers >= TW_MAX_LAYERS || hops > TW_MAX_LAYERS) break;
        uint32_t li = p->nlayers++;
        struct tw_layer *l = &p->layers[li];
        l->proto = (uint16_t)pi;
        l->status = TW_OK;
        l->depth = (uint8_t)p->depth;
        l->off = c.off;
        l->len = l->avail = tw_cur_left(&c);
        l->claim = 0;
        l->hidden = false;
        l->posted = false;
        l->itemless = false;
        /* tshark hangs the protocol a quoted UDP datagram carries (inside an ICMP error) at
         * the root of the tree, not under the ICMP item (Ultimate PCAP frame 12605: NTP) */
        l->rooted = p->depth > 0 &&
                    (via_t == TW_TBL_UDP_PORT ||
                     (via_t == TW_TBL_NAME && (via_k == TW_KEY_RTP || via_k == TW_KEY_RTCP)));
        l->under = false;
        l->more_items = 0;
        l->item_bad = l->item_short = l->item_noline = 0;
        l->item_kept = false;
        l->rec = -1;
        l->src = p->cur_src = p->nsources > 1 ? source_of(p, c.data) : 0;
        p->ntree = base_tree;
        if (pr->flags & TW_PROTO_PARENT_TREE) {
            int32_t parent = li > first ? p->layers[li - 1].rec : -1;
            tw_tree_push(p, parent);
        } else {
            if (!(pr->flags & (TW_PROTO_NO_LAYER | TW_PROTO_NO_RECORD)) && pr->ids &&
                tw_want(p, pr->ids->field)) {
                if (TW_UNLIKELY(l->rooted)) p->ntree = 0;
                l->rec = tw_add_rec(p, pr->ids->field, c.off, l->len);
                p->ntree = base_tree;
            }
            tw_tree_push(p, l->rec);
        }
        if (!(pr->flags & TW_PROTO_NO_COLUMN) && !p->cols_locked && !p->col_proto_fixed)
            p->col_proto = pr->short_name;
        p->next.table = TW_TBL_NONE;
        p->via_table = via_t;
        p->via_key = via_k;

        p->cur_proto = (uint16_t)pi;
        enum tw_status st = pr->dissect ? pr->dissect(p, &c) : TW_OK;
        /* a dissector that ran off its cursor without saying so still failed */
        if (st == TW_OK && c.err) st = c.err == TW_CUR_TRUNCATED ? TW_TRUNCATED : TW_MALFORMED;
        l = &p->layers[li];
        if (st != TW_OK) {
            l->status = (uint8_t)st;
            if (st > p->status) p->status = (uint8_t)st;
            /* inside an ICMP error, a protocol that failed before adding its item is taken off
             * frame.protocols (at the top level it stays, itemless) */
            if (p->ctx.in_error_pkt && l->rec < 0 && !l->item_kept &&
                (l->itemless || (l->item_noline & 1u)))
                l->hidden = true;
            p->ntree = base_tree;
            if (!p->ctx.in_error_pkt) add_status_marker(p, pr, st);
            result = st;
            break;
        }
        if (p->next.table == TW_TBL_NONE) break;
        uint8_t t = p->next.table;
        /* the next cursor goes straight into c (not needed any more), see cur_copy() */
        cur_copy(&c, &p->next.cur);
        p->next.table = TW_TBL_NONE;
        uint32_t key_used = p->next.keys[0];
        int np = resolve(p, t, p->next.nkeys, p->next.keys, &c, &key_used);
        if (np < 0) {
            if (t == TW_TBL_ETHERTYPE && !p->cols_locked && p->want_cols) {
                /* Wireshark names an unknown EtherType by its number in the Protocol column */
                p->col_proto = tw_arena_printf(p->arena, "0x%04x", p->next.keys[0] & 0xffff);
            }
            if (tw_cur_left(&c) == 0) break;
            np = tw_ids_data.proto;
        }
        pi = np;
        via_t = t;
        via_k = key_used;
    }
    for (uint32_t i = p->nlayers; i-- > first;) {
        if (p->layers[i].depth != p->depth || p->layers[i].posted) continue;
        p->layers[i].posted = true;
        const struct tw_proto *pr = tw_proto_get(p->layers[i].proto);
        if (!pr->post) continue;
        p->ntree = base_tree;
        p->cur_src = p->layers[i].src;
        int32_t root = p->layers[i].rec;
        if ((pr->flags & TW_PROTO_PARENT_TREE) && i > first) root = p->layers[i - 1].rec;
        tw_tree_push(p, root);
        p->cur_proto = p->layers[i].proto;
        pr->post(p, i);
    }
    p->ntree = base_tree;
    p->cur_proto = saved_proto;
    p->chain_base = saved_base;
    return result;
}

enum tw_status tw_dissect_nested(struct tw_pkt *p, enum tw_table t, uint32_t key, struct tw_cur c)
{
    if (p->depth + 1 >= TW_MAX_DEPTH) return TW_OK;
    uint32_t used = key;
    int pi = resolve(p, (uint8_t)t, 1, &key, &c, &used);
    if (pi < 0) pi = tw_ids_data.proto;
    uint32_t saved_tree = p->ntree;
    uint8_t saved_src = p->cur_src;
    __typeof__(p->ctx) saved_ctx = p->ctx;
    struct tw_addr sa[4] = {p->dl_src, p->dl_dst, p->net_src, p->net_dst};
    p->depth++;
    p->cols_locked++;
    enum tw_status st = run_chain(p, pi, &c, (uint8_t)t, used);
    /* a failure marker inside the nested chain unlocks the columns (to append its text) */
    if (p->cols_locked) p->cols_locked--;
    p->depth--;
    p->dl_src = sa[0], p->dl_dst = sa[1], p->net_src = sa[2], p->net_dst = sa[3];
    bool in_err = p->ctx.in_error_pkt;
    p->ctx = saved_ctx;
    (void)in_err;
    p->ntree = saved_tree;
    p->cur_src = saved_src;
    p->next.table = TW_TBL_NONE;
    return st;
}

void tw_show_unreassembled(struct tw_pkt *p)
{
    if (p->ctx.in_error_pkt) return;
    const struct tw_proto *pr = tw_proto_get(p->cur_proto);
    uint32_t saved = p->ntree;
    p->ntree = 0;
    int32_t r = -1;
    if (tw_want(p, tw_ids_ws_unreassembled.field)) {
        r = tw_add_rec(p, tw_ids_ws_unreassembled.field, 0, 0);
        if (r >= 0) {
            p->recs[r].label = tw_arena_printf(p->arena, "[BoundError Unreassembled Packet: %s]",
                                               pr ? pr->short_name : "");
            p->recs[r].flags |= TW_RF_LABEL;
        }
    }
    tw_tree_push(p, r);
    expert_add(p, (uint16_t)tw_ids_ws_unreassembled.expert_base, 0, 0, NULL);
    tw_tree_pop(p);
    p->ntree = saved;
    p->cols_locked = 0;
    tw_info_add(p, "[BoundErrorUnreassembled Packet]");
}

void tw_show_status(struct tw_pkt *p, enum tw_status st)
{
    if (st == TW_OK) return;
    if (st > p->status) p->status = (uint8_t)st;
    if (p->nlayers && st > p->layers[p->nlayers - 1].status)
        p->layers[p->nlayers - 1].status = (uint8_t)st;
    if (p->ctx.in_error_pkt) return;
    uint32_t saved = p->ntree;
    add_status_marker(p, tw_proto_get(p->cur_proto), st);
    p->ntree = saved;
}

void tw_recs_move(struct tw_pkt *p, uint32_t at, uint32_t from)
{
    uint32_t n = p->nrecs;
    if (at >= from || from >= n) return;
    uint32_t moved = n - from, shifted = from - at;
    struct tw_rec *tmp = tw_arena_alloc(p->arena, (size_t)moved * sizeof *tmp);
    if (!tmp) return;
    memcpy(tmp, p->recs + from, (size_t)moved * sizeof *tmp);
    memmove(p->recs + at + moved, p->recs + at, (size_t)shifted * sizeof *tmp);
    memcpy(p->recs + at, tmp, (size_t)moved * sizeof *tmp);
#define REMAP(i)                                                                                   \
    ((i) < (int32_t)at ? (i) : (i) < (int32_t)from ? (i) + (int32_t)moved : (i) - (int32_t)shifted)
    for (uint32_t i = at; i < n; i++)
        if (p->recs[i].parent >= (int32_t)at) p->recs[i].parent = REMAP(p->recs[i].parent);
    for (uint32_t i = 0; i < p->nlayers; i++)
        if (p->layers[i].rec >= (int32_t)at) p->layers[i].rec = REMAP(p->layers[i].rec);
    for (uint32_t i = 0; i < p->ntree; i++)
        if (p->tree[i] >= (int32_t)at) p->tree[i] = REMAP(p->tree[i]);
    if (p->deseg.tcp_rec >= (int32_t)at) p->deseg.tcp_rec = REMAP(p->deseg.tcp_rec);
#undef REMAP
    /* the field index lists records in record order: list them again */
    if (p->nchains && p->chain_recs) {
        for (uint32_t ch = 0; ch < p->nchains; ch++) p->chain_n[ch] = 0;
        for (uint32_t i = 0; i < n; i++) {
            uint8_t ch = p->rec_chain[p->recs[i].field];
            if (ch) chain_add(p, ch - 1u, (int32_t)i);
        }
        p->nrecs_added = n;
    }
}

static enum tw_status dissect_now(struct tw_pkt *p, enum tw_table t, uint32_t nkeys,
                                  const uint32_t *keys, struct tw_cur c, bool nested)
{
    if (nkeys == 0 || nkeys > 2) return TW_OK;
    uint32_t k[2] = {keys[0], nkeys > 1 ? keys[1] : 0};
    uint32_t used = k[0];
    int pi = resolve(p, (uint8_t)t, (uint8_t)nkeys, k, &c, &used);
    if (pi < 0) {
        if (tw_cur_left(&c) == 0) return TW_OK;
        pi = tw_ids_data.proto;
    }
    /* the caller's subtree and cursor state are its own again afterwards */
    uint32_t saved_tree = p->ntree;
    uint8_t saved_src = p->cur_src;
    uint8_t via_t = p->via_table;
    uint32_t via_k = p->via_key;
    if (!nested) p->ntree = p->chain_base; /* the new layers are the caller's siblings */
    uint32_t first = p->nlayers;
    enum tw_status st = run_chain(p, pi, &c, (uint8_t)t, used);
    if (nested)
        for (uint32_t i = first; i < p->nlayers; i++) p->layers[i].under = true;
    p->ntree = saved_tree;
    p->cur_src = saved_src;
    p->via_table = via_t;
    p->via_key = via_k;
    p->next.table = TW_TBL_NONE;
    return st;
}

void tw_layer_next_item(struct tw_pkt *p, uint16_t hf, uint32_t off, uint32_t len, uint32_t ntree)
{
    if (!p->nlayers) return;
    struct tw_layer *l = &p->layers[p->nlayers - 1];
    if (l->more_items < UINT8_MAX) l->more_items++;
    if (l->rec >= 0) l->item_kept = true;
    p->ntree = ntree;
    int32_t r = tw_want(p, hf) ? tw_add_rec(p, hf, off, len) : -1;
    l->rec = r;
    tw_tree_push(p, r);
}

enum tw_status tw_dissect_here(struct tw_pkt *p, enum tw_table t, uint32_t nkeys,
                               const uint32_t *keys, struct tw_cur c)
{
    return dissect_now(p, t, nkeys, keys, c, false);
}

enum tw_status tw_dissect_under(struct tw_pkt *p, enum tw_table t, uint32_t nkeys,
                                const uint32_t *keys, struct tw_cur c)
{
    return dissect_now(p, t, nkeys, keys, c, true);
}

/* frame.protocols: the layer abbreviations joined by ':' */
static void add_protocols_field(struct tw_pkt *p)
{
    uint16_t hf = (uint16_t)(tw_ids_frame.base + tw_frame_field_protocols);
    if (!tw_want(p, hf) || p->nlayers == 0) return;
    char tmp[TW_MAX_LAYERS * 24];
    size_t n = 0;
    for (uint32_t i = 1; i < p->nlayers; i++) {
        const struct tw_proto *pr = tw_proto_get(p->layers[i].proto);
        if ((pr->flags & TW_PROTO_NO_LAYER) || p->layers[i].hidden) continue;
        size_t al = strlen(pr->abbrev);
        if (n + al + 2 >= sizeof tmp) break;
        if (n) tmp[n++] = ':';
        memcpy(tmp + n, pr->abbrev, al);
        n += al;
    }
    uint8_t *s = tw_arena_alloc(p->arena, n + 1);
    if (!s) return;
    memcpy(s, tmp, n);
    s[n] = 0;
    uint32_t saved = p->ntree;
    p->ntree = 0;
    tw_tree_push(p, p->layers[0].rec);
    int32_t r = tw_add_ptr(p, hf, 0, 0, s, (uint32_t)n);
    tw_rec_flags(p, r, TW_RF_GENERATED);
    p->ntree = saved;
}

bool tw_tap_queue(struct tw_pkt *p, enum tw_tap_id id, const void *data)
{
    struct tw_tap_item *it = tw_arena_alloc(p->arena, sizeof *it);
    if (!it) return false;
    it->id = (uint8_t)id;
    it->data = data;
    it->next = NULL;
    if (p->taps_last)
        p->taps_last->next = it;
    else
        p->taps = it;
    p->taps_last = it;
    return true;
}

static const char *arena_strdup(struct tw_pkt *p, const char *s)
{
    if (!s) return NULL;
    size_t n = strlen(s);
    char *d = tw_arena_alloc(p->arena, n + 1);
    if (d) memcpy(d, s, n + 1);
    return d;
}

static bool export_obj(struct tw_pkt *p, enum tw_tap_id kind, uint32_t key, const char *hostname,
                       const char *content_type, const char *filename, const uint8_t *data,
                       uint32_t len)
{
    if (!tw_tap_wanted(p, kind)) return false;
    struct tw_export_obj *o = tw_arena_alloc(p->arena, sizeof *o);
    if (!o) return false;
    o->kind = (uint8_t)kind;
    o->hostname = arena_strdup(p, hostname);
    o->content_type = arena_strdup(p, content_type);
    o->filename = arena_strdup(p, filename);
    o->data = data;
    o->len = len;
    o->part_of = key;
    return tw_tap_queue(p, kind, o);
}

bool tw_export_object(struct tw_pkt *p, enum tw_tap_id kind, const char *hostname,
                      const char *content_type, const char *filename, const uint8_t *data,
                      uint32_t len)
{
    return export_obj(p, kind, 0, hostname, content_type, filename, data, len);
}

bool tw_export_object_part(struct tw_pkt *p, enum tw_tap_id kind, uint32_t key,
                           const char *hostname, const char *content_type, const char *filename,
                           const uint8_t *data, uint32_t len)
{
    return key && export_obj(p, kind, key, hostname, content_type, filename, data, len);
}

const struct tw_tap_item *tw_tap_next(const struct tw_pkt *p, enum tw_tap_id id,
                                      const struct tw_tap_item *after)
{
    for (const struct tw_tap_item *it = after ? after->next : p->taps; it; it = it->next)
        if (it->id == id) return it;
    return NULL;
}

void tw_dissect_frame(struct tw_pkt *p, const struct tw_frame *f)
{
    p->frame = f;
    p->nlayers = 0;
    p->nrecs = 0;
    p->nrecs_added = 0;
    p->recs_dropped = 0;
    for (uint32_t i = 0; i < p->nchains; i++) {
        p->chain_n[i] = 0;
        __asm__("" ::: "memory"); /* a loop of one or two stores, not a call to memset */
    }
    p->ntree = 0;
    p->chain_base = 0;
    p->depth = 0;
    p->cols_locked = 0;
    p->col_proto = NULL;
    p->col_proto_fixed = false;
    p->info.len = 0;
    p->info_fence = 0;
    p->deseg.can = false;
    p->deseg.len = 0;
    p->deseg.layer = UINT32_MAX;
    p->deseg.pdu_size_hf = 0;
    /* one by one: a chained assignment reloads the first as a 16-byte word (a stall, see
     * cur_copy()) */
    p->dl_src = (struct tw_addr){0, 0, NULL};
    p->dl_dst = (struct tw_addr){0, 0, NULL};
    p->net_src = (struct tw_addr){0, 0, NULL};
    p->net_dst = (struct tw_addr){0, 0, NULL};
    /* A copy from a zero constant, not memset: GCC turns an 88-byte memset into `rep stos`,
     * whose start-up cost showed up in profiles of -q; the copy is a few vector moves. */
    static const __typeof__(p->ctx) zero_ctx;
    p->ctx = zero_ctx;
    p->status = TW_OK;
    p->expert_any = false;
    p->expert_max_sev = 0;
    p->taps = p->taps_last = NULL;
    p->taps_lost = false;
    p->next.table = TW_TBL_NONE;
    p->sources[0] = (struct tw_source){f->data, f->caplen, "Frame"};
    p->nsources = 1;
    p->nseg_items = 0;
    p->cur_src = 0;
    uint32_t end = f->wirelen > f->caplen ? f->wirelen : f->caplen;
    struct tw_cur c = tw_cur_make(f->data, f->caplen, end);
    run_chain(p, tw_ids_frame.proto, &c, TW_TBL_NONE, 0);
    add_protocols_field(p);
}

static const char *const ipproto_names[256] = {
    [0] = "HOPOPT",      [1] = "ICMP",         [2] = "IGMP",       [4] = "IPIP",
    [6] = "TCP",         [8] = "EGP",          [9] = "IGP",        [17] = "UDP",
    [41] = "IPv6",       [43] = "IPv6-Route",  [44] = "IPv6-Frag", [46] = "RSVP",
    [47] = "GRE",        [50] = "ESP",         [51] = "AH",        [58] = "ICMPv6",
    [59] = "IPv6-NoNxt", [60] = "IPv6-Opts",   [88] = "EIGRP",     [89] = "OSPF",
    [103] = "PIM",       [112] = "VRRP",       [115] = "L2TP",     [132] = "SCTP",
    [136] = "UDPLite",   [137] = "MPLS-in-IP",
};

const char *tw_ipproto_name(uint8_t proto)
{
    return ipproto_names[proto];
}
