/* filter interpreter: a switch over the program; jumps only go forward, so every run ends.
 * Field values are gathered from the packet's records into a pool reused from packet to packet
 * (it grows only when a packet has more values than any before). */
#include "internal.h"

#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>

#define MAX_POOL ((uint32_t)1 << 20)

static bool pool_room(struct tw_filter *f, uint32_t more)
{
    if (f->pool_used + more <= f->pool_cap) return true;
    uint32_t nc = f->pool_cap;
    while (nc < f->pool_used + more) nc *= 2;
    if (nc > MAX_POOL) return false;
    struct twf_val *np = realloc(f->pool, nc * sizeof *np);
    if (!np) return false;
    f->pool = np;
    f->pool_cap = nc;
    return true;
}

static struct twf_val *push(struct tw_filter *f)
{
    if (!pool_room(f, 1)) return NULL;
    return &f->pool[f->pool_used++];
}

static uint8_t *sbuf_take(struct tw_filter *f, uint32_t n)
{
    if (f->sbuf_cap - f->sbuf_used < n) return NULL;
    uint8_t *p = f->sbuf + f->sbuf_used;
    f->sbuf_used += n;
    return p;
}

/* a record's value as a filter value */
static bool rec_val(const struct tw_pkt *p, const struct tw_rec *r, const struct tw_field_info *fi,
                    struct twf_val *v)
{
    v->flen = r->len;
    v->mask = 0;
    switch (fi->def->type) {
    case TW_FT_NONE: return false;
    case TW_FT_PROTOCOL: {
        v->vt = VT_PROTO;
        const struct tw_source *s = r->src < p->nsources ? &p->sources[r->src] : NULL;
        const uint8_t *data = s ? s->data : p->frame->data;
        uint32_t len = s ? s->len : p->frame->caplen;
        uint32_t full = len; /* the item's length stops at the captured bytes */
        if (r->src == 0) data = p->frame->data, len = p->sources[0].len, full = p->frame->caplen;
        uint32_t off = r->off < len ? r->off : len;
        uint32_t n = r->len < len - off ? r->len : len - off;
        /* the item's length, captured or not (len(udp) is 8 in a frame cut inside the UDP
         * header), except the frame's own item, which spans the captured bytes only */
        v->flen = r->len;
        if (r->src == 0 && p->nlayers && p->layers[0].rec == (int32_t)(r - p->recs) &&
            r->len > full - TW_MIN(r->off, full))
            v->flen = full - TW_MIN(r->off, full);
        v->v.b.p = data + off;
        v->v.b.n = n;
        v->tail = n;
        int32_t idx = (int32_t)(r - p->recs);
        for (uint32_t i = 0; i < p->nlayers; i++)
            if (p->layers[i].rec == idx) {
                uint64_t end = (uint64_t)p->layers[i].off + p->layers[i].avail;
                if (end > len) end = len;
                if (end > off) v->tail = (uint32_t)(end - off);
                break;
            }
        return true;
    }
    case TW_FT_BOOLEAN: v->vt = VT_UINT; v->v.u = r->v.u != 0; return true;
    case TW_FT_CHAR: case TW_FT_UINT8: case TW_FT_UINT16: case TW_FT_UINT24: case TW_FT_UINT32:
    case TW_FT_UINT40: case TW_FT_UINT48: case TW_FT_UINT56: case TW_FT_UINT64:
    case TW_FT_FRAMENUM: v->vt = VT_UINT; v->v.u = r->v.u; return true;
    case TW_FT_INT8: case TW_FT_INT16: case TW_FT_INT24: case TW_FT_INT32: case TW_FT_INT40:
    case TW_FT_INT48: case TW_FT_INT56: case TW_FT_INT64: v->vt = VT_INT; v->v.i = r->v.i; return true;
    case TW_FT_FLOAT: case TW_FT_DOUBLE: v->vt = VT_DOUBLE; v->v.d = r->v.d; return true;
    case TW_FT_ABSOLUTE_TIME:
    case TW_FT_RELATIVE_TIME:
        v->vt = fi->def->type == TW_FT_ABSOLUTE_TIME ? VT_ABSTIME : VT_RELTIME;
        v->v.ns = twf_ns(r->v.t.sec, r->v.t.nsec);
        return true;
    case TW_FT_IPv4: {
        if (r->v.b.n < 4) return false;
        const uint8_t *a = r->v.b.p;
        v->vt = VT_IPV4;
        v->mask = 32;
        v->v.a4 = (uint32_t)a[0] << 24 | (uint32_t)a[1] << 16 | (uint32_t)a[2] << 8 | a[3];
        return true;
    }
    case TW_FT_IPv6:
        if (r->v.b.n < 16) return false;
        v->vt = VT_IPV6;
        v->mask = 128;
        memcpy(v->v.a6, r->v.b.p, 16);
        return true;
    case TW_FT_STRING: case TW_FT_STRINGZ: case TW_FT_UINT_STRING:
        v->vt = VT_STRING;
        v->v.b.p = r->v.b.p;
        v->v.b.n = r->v.b.n;
        return true;
    default:
        v->vt = VT_BYTES;
        v->v.b.p = r->v.b.p;
        v->v.b.n = r->v.b.n;
        return true;
    }
}

static inline bool rec_is(const struct tw_rec *r, int32_t id)
{
    if (r->field == id) return true;
    const struct tw_field_info *fi = tw_field(r->field);
    return fi->first == id && fi->first != r->field;
}

/* the occurrence number (1-based) of the field's protocol that record i sits in */
static int32_t rec_layer(const struct tw_pkt *p, uint32_t i, uint16_t proto_field)
{
    int32_t n = 0;
    for (uint32_t k = 0; k <= i; k++)
        if (p->recs[k].field == proto_field) n++;
    return n ? n : 1;
}

/* The layer number (#n) of the protocol item at record i: its layer's place among the layers
 * of that protocol listed in frame.protocols, where a layer whose item was never added (ARP of
 * AX.25 hardware, which tshark's ARP hands to itself again) still counts; `prev` + 1 when the
 * item is not a layer's own line (a further item of the same layer). */
static int32_t proto_layer_ordinal(const struct tw_pkt *p, uint16_t proto, uint32_t i,
                                   int32_t prev)
{
    int32_t n = 0;
    for (uint32_t k = 0; k < p->nlayers; k++) {
        const struct tw_layer *l = &p->layers[k];
        if (l->proto != proto || l->hidden) continue;
        n++;
        if (l->rec == (int32_t)i) return n;
    }
    return prev + 1;
}

/* the value of record i of field `want` (whose info is fi) into v; false if it has none */
static inline bool rec_value(const struct tw_pkt *p, int32_t i, uint16_t want,
                             const struct tw_field_info *fi, struct twf_val *v)
{
    const struct tw_rec *rec = &p->recs[i];
    return rec_val(p, rec, rec->field == want ? fi : tw_field(rec->field), v);
}

static void load(struct tw_filter *f, const struct tw_pkt *p, const struct twf_insn *in,
                 struct twf_reg *r, bool exists_only, bool *found)
{
    r->start = f->pool_used;
    r->n = 0;
    if (in->a < 0) return;
    const struct tw_field_info *fi = tw_field((uint16_t)in->a);
    int ch = in->lo ? -1 : tw_rec_chain(p, (uint16_t)in->a);
    uint32_t nl = 0;
    const int32_t *list = ch >= 0 ? tw_chain_list(p, ch, &nl) : NULL;
    if (list) { /* the field's own records (tw_pkt_index_field) */
        for (uint32_t k = 0; k < nl; k++) {
            if (!tw_chain_live(p, ch, list[k])) continue;
            if (exists_only) {
                *found = true;
                return;
            }
            struct twf_val *v = push(f);
            if (!v) return;
            if (rec_value(p, list[k], (uint16_t)in->a, fi, v))
                r->n++;
            else
                f->pool_used--;
        }
        return;
    }
    uint16_t pf = in->lo ? tw_proto_get(fi->proto)->ids->field : 0;
    int32_t layer = 0;
    for (uint32_t i = 0; i < p->nrecs; i++) {
        const struct tw_rec *rec = &p->recs[i];
        if (in->lo && rec->field == pf) layer = proto_layer_ordinal(p, fi->proto, i, layer);
        if (!rec_is(rec, in->a)) continue;
        if (in->lo) {
            int32_t l = fi->is_proto ? layer : (layer ? layer : rec_layer(p, i, pf));
            if (l < in->lo || l > in->hi) continue;
        }
        if (exists_only) {
            *found = true;
            return;
        }
        struct twf_val *v = push(f);
        if (!v) return;
        if (rec_val(p, rec, tw_field(rec->field), v)) r->n++;
        else f->pool_used--;
    }
}

static int cmp_u(uint64_t a, uint64_t b) { return a < b ? -1 : a > b; }

/* tshark 4.0.17 orders two times as Wireshark's nstime_cmp(): equal seconds compare by their
 * nanoseconds, otherwise by the sign of the seconds' difference cast to a 32-bit int. Two times
 * more than 2^31 s apart therefore compare the wrong way round: a timestamp in 2106 is before
 * "2021-01-01" in a filter although it prints correctly (tcpdump's time_2106.pcap), and a
 * relative time of 4126264805 s is not ">= 0.5" (bgp_vpn_rt-oobr.pcap, frame 19). Seconds and
 * nanoseconds have the same sign, as in Wireshark's nstime_t. */
static int time_cmp(int64_t a, int64_t b)
{
    int64_t as = a / 1000000000, bs = b / 1000000000;
    if (as == bs) {
        int64_t an = a % 1000000000, bn = b % 1000000000;
        return an < bn ? -1 : an > bn;
    }
    int32_t d = (int32_t)(uint32_t)(uint64_t)(as - bs);
    return d < 0 ? -1 : d > 0;
}

int twf_val_cmp(const struct twf_val *a, const struct twf_val *b, bool *ok)
{
    *ok = true;
    switch (a->vt) {
    case VT_UINT:
        if (b->vt == VT_UINT) return cmp_u(a->v.u, b->v.u);
        /* an unsigned value and a negative one: tshark 4.0 finds them neither equal nor
         * ordered (ip.ttl > -1 and ip.ttl < -1 are both false) */
        if (b->vt == VT_INT) {
            if (b->v.i < 0) break;
            return cmp_u(a->v.u, (uint64_t)b->v.i);
        }
        if (b->vt == VT_DOUBLE) return (double)a->v.u < b->v.d ? -1 : (double)a->v.u > b->v.d;
        break;
    case VT_INT:
        if (b->vt == VT_INT) return a->v.i < b->v.i ? -1 : a->v.i > b->v.i;
        if (b->vt == VT_UINT) {
            if (a->v.i < 0) break;
            return cmp_u((uint64_t)a->v.i, b->v.u);
        }
        if (b->vt == VT_DOUBLE) return (double)a->v.i < b->v.d ? -1 : (double)a->v.i > b->v.d;
        break;
    case VT_DOUBLE: {
        double y = b->vt == VT_DOUBLE ? b->v.d : b->vt == VT_INT ? (double)b->v.i
                 : b->vt == VT_UINT ? (double)b->v.u : 0;
        if (b->vt != VT_DOUBLE && b->vt != VT_INT && b->vt != VT_UINT) break;
        return a->v.d < y ? -1 : a->v.d > y;
    }
    case VT_ABSTIME:
    case VT_RELTIME: {
        if (b->vt != a->vt) break;
        return time_cmp(a->v.ns, b->v.ns);
    }
    case VT_IPV4: {
        if (b->vt != VT_IPV4) break;
        uint8_t m = a->mask < b->mask ? a->mask : b->mask;
        uint32_t mask = m == 0 ? 0 : m >= 32 ? 0xFFFFFFFFu : ~(0xFFFFFFFFu >> m);
        return cmp_u(a->v.a4 & mask, b->v.a4 & mask);
    }
    case VT_IPV6: {
        if (b->vt != VT_IPV6) break;
        uint8_t m = a->mask < b->mask ? a->mask : b->mask;
        for (uint32_t i = 0; i < 16 && m; i++) {
            uint8_t bm = m >= 8 ? 0xFF : (uint8_t)(0xFF << (8 - m));
            m = m >= 8 ? (uint8_t)(m - 8) : 0;
            int c = cmp_u(a->v.a6[i] & bm, b->v.a6[i] & bm);
            if (c) return c;
        }
        return 0;
    }
    default: {
        if (b->vt == VT_UINT || b->vt == VT_INT || b->vt == VT_DOUBLE || b->vt == VT_IPV4 ||
            b->vt == VT_IPV6 || b->vt == VT_ABSTIME || b->vt == VT_RELTIME)
            break;
        uint32_t n = a->v.b.n < b->v.b.n ? a->v.b.n : b->v.b.n;
        int c = n ? memcmp(a->v.b.p, b->v.b.p, n) : 0;
        if (c) return c < 0 ? -1 : 1;
        return cmp_u(a->v.b.n, b->v.b.n);
    }
    }
    *ok = false;
    return 0;
}

/* needle search: memchr for the first byte (vectorised in libc), then compare the rest */
static bool contains(const uint8_t *h, uint32_t hn, const uint8_t *nd, uint32_t nn)
{
    if (!nn) return true;
    if (hn < nn) return false;
    const uint8_t *p = h, *last = h + (hn - nn);
    while (p <= last) {
        const uint8_t *q = memchr(p, nd[0], (size_t)(last - p) + 1);
        if (!q) return false;
        if (memcmp(q + 1, nd + 1, nn - 1) == 0) return true;
        p = q + 1;
    }
    return false;
}

static bool pred(struct tw_filter *f, uint8_t op, int32_t k, const struct twf_val *a,
                 const struct twf_val *b)
{
    bool ok;
    switch (op) {
    case C_CONTAINS:
        return contains(a->v.b.p, a->vt == VT_PROTO ? a->tail : a->v.b.n, b->v.b.p, b->v.b.n);
    case C_MATCHES: {
        int rc = pcre2_match(f->re[k], a->v.b.p ? a->v.b.p : (const uint8_t *)"",
                             a->vt == VT_PROTO ? a->tail : a->v.b.n, 0, 0, f->md[k], NULL);
        return rc >= 0;
    }
    default: break;
    }
    int c = twf_val_cmp(a, b, &ok);
    if (!ok) return false;
    switch (op) {
    case C_EQ: case C_ALL_EQ: return c == 0;
    case C_NE: case C_ANY_NE: return c != 0;
    case C_GT: return c > 0;
    case C_GE: return c >= 0;
    case C_LT: return c < 0;
    case C_LE: return c <= 0;
    default: return false;
    }
}

static bool do_cmp(struct tw_filter *f, const struct twf_insn *in)
{
    const struct twf_reg *ra = &f->regs[in->a];
    const struct twf_val *A = f->pool + ra->start;
    static const struct twf_val none;
    const struct twf_val *B = &none;
    uint32_t nb = 1;
    if (in->b >= 0) {
        B = f->pool + f->regs[in->b].start;
        nb = f->regs[in->b].n;
    }
    if (!ra->n || !nb) return false;
    bool all = in->quant == Q_ALL ||
               (in->quant == Q_DEFAULT && (in->sub == C_NE || in->sub == C_ALL_EQ));
    for (uint32_t i = 0; i < ra->n; i++)
        for (uint32_t j = 0; j < nb; j++) {
            bool t = pred(f, in->sub, in->k, &A[i], &B[j]);
            if (all && !t) return false;
            if (!all && t) return true;
        }
    return all;
}

static bool in_set(const struct twf_set *s, const struct twf_val *v)
{
    if (s->sorted_uint && v->vt == VT_UINT) {
        uint32_t lo = 0, hi = s->n;
        while (lo < hi) { /* first element whose lo > v */
            uint32_t mid = lo + (hi - lo) / 2;
            if (s->e[mid].lo.v.u <= v->v.u) lo = mid + 1;
            else hi = mid;
        }
        /* ranges may overlap: look back over the candidates */
        for (uint32_t i = lo; i-- > 0;)
            if (s->e[i].hi.v.u >= v->v.u) return true;
        return false;
    }
    for (uint32_t i = 0; i < s->n; i++) {
        bool ok1, ok2;
        const struct twf_setelem *e = &s->e[i];
        int c1 = twf_val_cmp(v, &e->lo, &ok1);
        if (!ok1) continue;
        if (!e->range) {
            if (c1 == 0) return true;
            continue;
        }
        int c2 = twf_val_cmp(v, &e->hi, &ok2);
        if (ok2 && c1 >= 0 && c2 <= 0) return true;
    }
    return false;
}

static bool sorted_in(const struct twf_set *s, uint64_t u)
{
    uint32_t lo = 0, hi = s->n;
    while (lo < hi) { /* first element whose lo > u */
        uint32_t mid = lo + (hi - lo) / 2;
        if (s->e[mid].lo.v.u <= u)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (uint32_t i = lo; i-- > 0;) /* ranges may overlap: look back over the candidates */
        if (s->e[i].hi.v.u >= u) return true;
    return false;
}

/* a record's verdict the general way (a twf_val): 1 true, 0 false, -1 no value */
static int rec_verdict_val(struct tw_filter *f, const struct tw_pkt *p, const struct twf_insn *in,
                           const struct tw_rec *rec)
{
    static const struct twf_val none;
    struct twf_val v;
    if (!rec_val(p, rec, tw_field(rec->field), &v)) return -1;
    if (in->op == OP_IN_FIELD) return in_set(&f->sets[in->k], &v);
    return pred(f, in->sub, in->k, &v, in->b >= 0 ? &f->consts[in->b] : &none);
}

/* x against the constant c under the instruction's ordering test: in->ctab has bit 0 for
 * "less", bit 1 for "equal", bit 2 for "greater" */
static inline int ordered(const struct twf_insn *in, uint64_t x, uint64_t c)
{
    return in->ctab >> ((x > c) - (x < c) + 1) & 1;
}

/* one record's verdict for OP_CMP_FIELD / OP_IN_FIELD, the instruction's shortcut being
 * `fast` (FAST_UINT + 8: the same for OP_IN_FIELD): 1 true, 0 false, -1 no value */
static inline __attribute__((always_inline)) int rec_verdict(struct tw_filter *f,
                                                             const struct tw_pkt *p,
                                                             const struct twf_insn *in,
                                                             const struct tw_rec *rec, int fast)
{
    if (TW_LIKELY(rec->field == in->a)) { /* not another field of the same name */
        if (fast == FAST_UINT) return ordered(in, rec->v.u, in->fk);
        if (fast == FAST_UINT + 8) return sorted_in(&f->sets[in->k], rec->v.u);
        if (fast == FAST_IPV4) {
            if (rec->v.b.n < 4) return -1;
            const uint8_t *a = rec->v.b.p;
            uint32_t x = (uint32_t)a[0] << 24 | (uint32_t)a[1] << 16 | (uint32_t)a[2] << 8 | a[3];
            return ordered(in, x & in->fmask, in->fk);
        }
    }
    return rec_verdict_val(f, p, in, rec);
}

/* field_test() over the field's records: those listed (list: all live) or, without a list, all
 * records of the packet whose field is in->a (the field has no namesakes) */
static inline __attribute__((always_inline)) bool
values_test(struct tw_filter *f, const struct tw_pkt *p, const struct twf_insn *in,
            const int32_t *list, uint32_t n, int fast)
{
    bool all = in->all, any_value = false;
    if (!list) n = p->nrecs;
    for (uint32_t k = 0; k < n; k++) {
        const struct tw_rec *rec = &p->recs[list ? (uint32_t)list[k] : k];
        if (!list && rec->field != in->a) continue;
        int t = rec_verdict(f, p, in, rec, fast);
        if (t < 0) continue;
        any_value = true;
        if (t != all) return t; /* any: the first true; all: the first false */
    }
    return any_value && all;
}

/* OP_CMP_FIELD / OP_IN_FIELD: a field's values straight from its records (the packet's list of
 * them when it indexes the field), with OP_CMP's and OP_IN's semantics, without copies.
 * in->all: every value must pass (else any one). */
static bool field_test(struct tw_filter *f, const struct tw_pkt *p, const struct twf_insn *in)
{
    int ch = tw_rec_chain(p, (uint16_t)in->a);
    uint32_t n = 0;
    const int32_t *list = ch >= 0 ? tw_chain_list(p, ch, &n) : NULL;
    int fast = in->fast + (in->op == OP_IN_FIELD ? 8 : 0);
    if (TW_LIKELY(list && tw_chains_intact(p))) {
        switch (fast) {
        case FAST_IPV4:
            return values_test(f, p, in, list, n, FAST_IPV4);
        case FAST_UINT:
            return values_test(f, p, in, list, n, FAST_UINT);
        case FAST_UINT + 8:
            return values_test(f, p, in, list, n, FAST_UINT + 8);
        default:
            return values_test(f, p, in, list, n, FAST_NONE);
        }
    }
    if (!list && !in->namesakes) { /* not indexed: scan */
        switch (fast) {
        case FAST_IPV4:
            return values_test(f, p, in, NULL, 0, FAST_IPV4);
        case FAST_UINT:
            return values_test(f, p, in, NULL, 0, FAST_UINT);
        case FAST_UINT + 8:
            return values_test(f, p, in, NULL, 0, FAST_UINT + 8);
        default:
            return values_test(f, p, in, NULL, 0, FAST_NONE);
        }
    }
    /* records were taken back (stale entries to skip), the list overflowed, or the field has
     * namesakes */
    bool all = in->all, any_value = false;
    for (uint32_t i = 0; i < (list ? n : p->nrecs); i++) {
        if (list ? !tw_chain_live(p, ch, list[i]) : !rec_is(&p->recs[i], in->a)) continue;
        int t = rec_verdict_val(f, p, in, &p->recs[list ? (uint32_t)list[i] : i]);
        if (t < 0) continue;
        any_value = true;
        if (t != all) return t;
    }
    return any_value && all;
}

static bool seq_bytes(struct tw_filter *f, const struct twf_val *v, const uint8_t **p, uint32_t *n)
{
    switch (v->vt) {
    case VT_IPV4: {
        uint8_t *b = sbuf_take(f, 4);
        if (!b) return false;
        b[0] = (uint8_t)(v->v.a4 >> 24), b[1] = (uint8_t)(v->v.a4 >> 16);
        b[2] = (uint8_t)(v->v.a4 >> 8), b[3] = (uint8_t)v->v.a4;
        *p = b, *n = 4;
        return true;
    }
    case VT_IPV6: *p = v->v.a6, *n = 16; return true;
    case VT_UINT: case VT_INT: case VT_DOUBLE: case VT_ABSTIME: case VT_RELTIME: return false;
    default: *p = v->v.b.p, *n = v->v.b.n; return true;
    }
}

static void do_slice(struct tw_filter *f, const struct twf_insn *in)
{
    struct twf_reg src = f->regs[in->a], *dst = &f->regs[in->dst];
    const struct twf_slice *sl = f->slices[in->k];
    uint32_t ns = f->nslices[in->k];
    dst->start = f->pool_used;
    dst->n = 0;
    for (uint32_t i = 0; i < src.n; i++) {
        struct twf_val v = f->pool[src.start + i];
        const uint8_t *b;
        uint32_t n;
        if (!seq_bytes(f, &v, &b, &n)) continue;
        uint32_t total = 0;
        bool ok = true;
        int64_t st[TWF_MAX_SLICES], ln[TWF_MAX_SLICES];
        /* slices count from the ends of a protocol's item even where fewer of its bytes are
         * readable (see F_LEN); bytes past the readable ones fail the slice, as in tshark */
        int64_t base = v.vt == VT_PROTO && v.flen > n ? v.flen : n;
        for (uint32_t k = 0; k < ns; k++) {
            int64_t s0 = sl[k].start < 0 ? base + sl[k].start : sl[k].start;
            int64_t l = sl[k].len < 0 ? base - s0 : sl[k].len;
            if (s0 < 0 || l < 0 || s0 + l > (int64_t)n) {
                ok = false;
                break;
            }
            st[k] = s0, ln[k] = l;
            total += (uint32_t)l;
        }
        if (!ok) continue;
        struct twf_val *o = push(f);
        if (!o) return;
        o->vt = v.vt == VT_STRING ? VT_STRING : VT_BYTES;
        o->flen = total;
        if (ns == 1) {
            o->v.b.p = b + st[0];
        } else {
            uint8_t *c = sbuf_take(f, total);
            if (!c) {
                f->pool_used--;
                continue;
            }
            uint32_t at = 0;
            for (uint32_t k = 0; k < ns; k++) {
                memcpy(c + at, b + st[k], (size_t)ln[k]);
                at += (uint32_t)ln[k];
            }
            o->v.b.p = c;
        }
        o->v.b.n = total;
        dst->n++;
    }
}

static bool arith1(uint8_t op, const struct twf_val *a, const struct twf_val *b, struct twf_val *o)
{
    memset(o, 0, sizeof *o);
    if (a->vt == VT_DOUBLE || b->vt == VT_DOUBLE) {
        double x = a->vt == VT_DOUBLE ? a->v.d : a->vt == VT_INT ? (double)a->v.i : (double)a->v.u;
        double y = b->vt == VT_DOUBLE ? b->v.d : b->vt == VT_INT ? (double)b->v.i : (double)b->v.u;
        o->vt = VT_DOUBLE;
        switch (op) {
        case A_ADD: o->v.d = x + y; return true;
        case A_SUB: o->v.d = x - y; return true;
        case A_MUL: o->v.d = x * y; return true;
        case A_DIV: if (y == 0) return false; o->v.d = x / y; return true;
        default: return false;
        }
    }
    if (a->vt == VT_RELTIME || a->vt == VT_ABSTIME) {
        o->vt = a->vt;
        int64_t y = b->vt == VT_RELTIME || b->vt == VT_ABSTIME ? b->v.ns : b->v.i;
        if (y == INT64_MIN) y = INT64_MIN + 1;
        if (op == A_ADD) o->v.ns = twf_ns_add(a->v.ns, y);
        else if (op == A_SUB) o->v.ns = twf_ns_add(a->v.ns, -y);
        else return false;
        if (op == A_SUB && b->vt == VT_ABSTIME) o->vt = VT_RELTIME;
        return true;
    }
    if (a->vt == VT_UINT && b->vt == VT_UINT) {
        uint64_t x = a->v.u, y = b->v.u;
        o->vt = VT_UINT;
        switch (op) {
        case A_ADD: o->v.u = x + y; return true;
        case A_SUB:
            if (x >= y) o->v.u = x - y;
            else o->vt = VT_INT, o->v.i = (int64_t)(x - y); /* wraps: y - x may exceed INT64_MAX */
            return true;
        case A_MUL: o->v.u = x * y; return true;
        case A_DIV: if (!y) return false; o->v.u = x / y; return true;
        case A_MOD: if (!y) return false; o->v.u = x % y; return true;
        case A_BAND: o->v.u = x & y; return true;
        default: return false;
        }
    }
    if ((a->vt == VT_UINT || a->vt == VT_INT) && (b->vt == VT_UINT || b->vt == VT_INT)) {
        int64_t x = a->vt == VT_INT ? a->v.i : (int64_t)a->v.u;
        int64_t y = b->vt == VT_INT ? b->v.i : (int64_t)b->v.u;
        o->vt = VT_INT;
        switch (op) {
        case A_ADD: o->v.i = (int64_t)((uint64_t)x + (uint64_t)y); return true;
        case A_SUB: o->v.i = (int64_t)((uint64_t)x - (uint64_t)y); return true;
        case A_MUL: o->v.i = (int64_t)((uint64_t)x * (uint64_t)y); return true;
        case A_DIV: if (!y || (y == -1 && x == INT64_MIN)) return false; o->v.i = x / y; return true;
        case A_MOD: if (!y || (y == -1 && x == INT64_MIN)) return false; o->v.i = x % y; return true;
        case A_BAND: o->v.i = x & y; return true;
        default: return false;
        }
    }
    return false;
}

/* bytes & bytes: byte by byte over the shorter length (tcp[13] & 02) */
static bool band_bytes(struct tw_filter *f, const struct twf_val *a, const struct twf_val *b,
                       struct twf_val *o)
{
    uint32_t n = a->v.b.n < b->v.b.n ? a->v.b.n : b->v.b.n;
    uint8_t *d = sbuf_take(f, n ? n : 1);
    if (!d) return false;
    for (uint32_t i = 0; i < n; i++) d[i] = a->v.b.p[i] & b->v.b.p[i];
    memset(o, 0, sizeof *o);
    o->vt = VT_BYTES;
    o->v.b.p = d;
    o->v.b.n = n;
    o->flen = n;
    return true;
}

static void do_arith(struct tw_filter *f, const struct twf_insn *in)
{
    struct twf_reg A = f->regs[in->a], B = f->regs[in->b], *d = &f->regs[in->dst];
    d->start = f->pool_used;
    d->n = 0;
    for (uint32_t i = 0; i < A.n; i++)
        for (uint32_t j = 0; j < B.n; j++) {
            struct twf_val o;
            const struct twf_val *x = &f->pool[A.start + i], *y = &f->pool[B.start + j];
            bool seq = (x->vt == VT_BYTES || x->vt == VT_STRING) && (y->vt == VT_BYTES || y->vt == VT_STRING);
            if (seq ? !(in->sub == A_BAND && band_bytes(f, x, y, &o)) : !arith1(in->sub, x, y, &o))
                continue;
            struct twf_val *v = push(f);
            if (!v) return;
            *v = o;
            d->n++;
        }
}

static void put_str(struct tw_filter *f, struct twf_reg *d, const char *s, uint32_t n)
{
    uint8_t *b = sbuf_take(f, n ? n : 1);
    struct twf_val *v = b ? push(f) : NULL;
    if (!v) return;
    memcpy(b, s, n);
    memset(v, 0, sizeof *v);
    v->vt = VT_STRING;
    v->v.b.p = b;
    v->v.b.n = n;
    v->flen = n;
    d->n++;
}

static void val_string(struct tw_filter *f, struct twf_reg *d, const struct twf_val *v)
{
    char t[128];
    int n = 0;
    switch (v->vt) {
    case VT_UINT: n = snprintf(t, sizeof t, "%llu", (unsigned long long)v->v.u); break;
    case VT_INT: n = snprintf(t, sizeof t, "%lld", (long long)v->v.i); break;
    case VT_DOUBLE: n = snprintf(t, sizeof t, "%.15g", v->v.d); break;
    case VT_RELTIME:
    case VT_ABSTIME:
        n = snprintf(t, sizeof t, "%lld.%09lld", (long long)(v->v.ns / 1000000000),
                     (long long)((v->v.ns % 1000000000 + 1000000000) % 1000000000));
        break;
    case VT_IPV4:
        n = snprintf(t, sizeof t, "%u.%u.%u.%u", v->v.a4 >> 24, (v->v.a4 >> 16) & 255,
                     (v->v.a4 >> 8) & 255, v->v.a4 & 255);
        break;
    case VT_IPV6: inet_ntop(AF_INET6, v->v.a6, t, sizeof t); n = (int)strlen(t); break;
    case VT_STRING: put_str(f, d, (const char *)v->v.b.p, v->v.b.n); return;
    case VT_PROTO: return;
    default: {
        uint32_t k = 0;
        for (uint32_t i = 0; i < v->v.b.n && k + 4 < sizeof t; i++)
            k += (uint32_t)snprintf(t + k, sizeof t - k, i ? ":%02x" : "%02x", v->v.b.p[i]);
        n = (int)k;
    }
    }
    if (n > 0) put_str(f, d, t, (uint32_t)n < sizeof t ? (uint32_t)n : sizeof t - 1);
}

static void do_func(struct tw_filter *f, const struct twf_insn *in)
{
    struct twf_reg *d = &f->regs[in->dst];
    d->start = f->pool_used;
    d->n = 0;
    struct twf_reg A = f->regs[in->args[0]];
    switch (in->sub) {
    case F_LEN:
        for (uint32_t i = 0; i < A.n; i++) {
            /* a copy: push() may move the pool */
            const struct twf_val av = f->pool[A.start + i], *a = &av;
            struct twf_val *v = push(f);
            if (!v) return;
            bool seq = a->vt == VT_STRING || a->vt == VT_BYTES || a->vt == VT_PROTO;
            memset(v, 0, sizeof *v);
            v->vt = VT_UINT;
            /* a protocol's length is its item's (rec_val), even where fewer of its bytes are
             * readable: a frame cut inside a header, the frame of a raw IP link type after IP
             * shrank it (tw_frame_shrink) */
            v->v.u = a->vt == VT_PROTO ? a->flen : seq ? a->v.b.n : a->flen;
            d->n++;
        }
        return;
    case F_COUNT: {
        struct twf_val *v = push(f);
        if (!v) return;
        memset(v, 0, sizeof *v);
        v->vt = VT_UINT;
        v->v.u = A.n;
        d->n++;
        return;
    }
    case F_UPPER:
    case F_LOWER:
        for (uint32_t i = 0; i < A.n; i++) {
            struct twf_val a = f->pool[A.start + i];
            uint8_t *b = sbuf_take(f, a.v.b.n ? a.v.b.n : 1);
            struct twf_val *v = b ? push(f) : NULL;
            if (!v) return;
            for (uint32_t k = 0; k < a.v.b.n; k++) {
                uint8_t ch = a.v.b.p[k];
                if (in->sub == F_UPPER && ch >= 'a' && ch <= 'z') ch = (uint8_t)(ch - 32);
                if (in->sub == F_LOWER && ch >= 'A' && ch <= 'Z') ch = (uint8_t)(ch + 32);
                b[k] = ch;
            }
            *v = a;
            v->v.b.p = b;
            d->n++;
        }
        return;
    case F_STRING:
        for (uint32_t i = 0; i < A.n; i++) {
            struct twf_val a = f->pool[A.start + i];
            val_string(f, d, &a);
        }
        return;
    case F_ABS:
        for (uint32_t i = 0; i < A.n; i++) {
            struct twf_val a = f->pool[A.start + i];
            if (a.vt == VT_INT && a.v.i < 0) a.v.i = a.v.i == INT64_MIN ? INT64_MAX : -a.v.i;
            if (a.vt == VT_DOUBLE && a.v.d < 0) a.v.d = -a.v.d;
            if (a.vt == VT_RELTIME && a.v.ns < 0) a.v.ns = -a.v.ns;
            struct twf_val *v = push(f);
            if (!v) return;
            *v = a;
            d->n++;
        }
        return;
    case F_MAX:
    case F_MIN: {
        const struct twf_val *best = NULL;
        for (int32_t k = 0; k < in->nargs; k++) {
            struct twf_reg R = f->regs[in->args[k]];
            for (uint32_t i = 0; i < R.n; i++) {
                const struct twf_val *x = &f->pool[R.start + i];
                bool ok;
                int c = best ? twf_val_cmp(x, best, &ok) : 0;
                if (!best || (ok && (in->sub == F_MAX ? c > 0 : c < 0))) best = x;
            }
        }
        if (best) {
            struct twf_val b = *best;
            struct twf_val *v = push(f);
            if (!v) return;
            *v = b;
            d->n++;
        }
        return;
    }
    default: return;
    }
}

static bool nonzero(const struct twf_val *v)
{
    switch (v->vt) {
    case VT_UINT: return v->v.u != 0;
    case VT_INT: return v->v.i != 0;
    case VT_DOUBLE: return v->v.d != 0;
    case VT_RELTIME: case VT_ABSTIME: return v->v.ns != 0;
    case VT_BYTES:
        for (uint32_t i = 0; i < v->v.b.n; i++)
            if (v->v.b.p[i]) return true;
        return false;
    default: return true;
    }
}

static bool proto_present(const struct tw_pkt *p, int32_t proto)
{
    for (uint32_t i = 0; i < p->nlayers; i++)
        if (p->layers[i].proto == proto && !p->layers[i].itemless) {
            /* present = its tree item exists (protocols without an item of their own are
             * present as layers) */
            const struct tw_proto *pr = tw_proto_get(p->layers[i].proto);
            if (p->layers[i].rec >= 0 || p->layers[i].item_kept ||
                (pr->flags & (TW_PROTO_NO_RECORD | TW_PROTO_PARENT_TREE)) || !pr->ids)
                return true;
        }
    return false;
}

static bool exists(struct tw_filter *f, const struct tw_pkt *p, const struct twf_insn *in)
{
    struct twf_reg dummy;
    bool found = false;
    load(f, p, in, &dummy, true, &found);
    return found;
}

/* A program of tests that use no registers (OP_CMP_FIELD, OP_IN_FIELD, OP_PROTO, OP_EXISTS, and
 * the logic): a lighter loop than the general one (measured: the general loop's set-up and
 * dispatch cost more than the tests of `ip.addr == a && tcp.port in {..}`). */
static bool run_tests(struct tw_filter *f, const struct tw_pkt *p)
{
    const struct twf_insn *code = f->code, *in = code;
    bool flag = false;
    for (;;) {
        switch ((enum twf_opcode)in->op) {
        case OP_CMP_FIELD:
        case OP_IN_FIELD:
            flag = field_test(f, p, in);
            break;
        case OP_PROTO:
            flag = proto_present(p, in->a);
            break;
        case OP_EXISTS:
            flag = exists(f, p, in);
            break;
        case OP_NOT:
            flag = !flag;
            break;
        case OP_JF:
            if (!flag) {
                in = code + in->a;
                continue;
            }
            break;
        case OP_JT:
            if (flag) {
                in = code + in->a;
                continue;
            }
            break;
        default:
            return flag; /* OP_RET (twf_tests_only() admits nothing else) */
        }
        in++;
    }
}

bool twf_tests_only(const struct tw_filter *f)
{
    for (uint32_t i = 0; i < f->ncode; i++) switch ((enum twf_opcode)f->code[i].op) {
        case OP_CMP_FIELD:
        case OP_IN_FIELD:
        case OP_PROTO:
        case OP_EXISTS:
        case OP_NOT:
        case OP_JF:
        case OP_JT:
            break;
        case OP_RET:
            if (i + 1 == f->ncode) break;
            return false;
        default:
            return false;
        }
    return f->ncode && f->code[f->ncode - 1].op == OP_RET;
}

/* the general loop: registers, the value pool */
__attribute__((noinline)) static bool run_program(struct tw_filter *f, const struct tw_pkt *p)
{
    bool flag = false;
    f->pool_used = 0;
    f->sbuf_used = 0;
    const struct twf_insn *code = f->code;
    uint32_t pc = 0, n = f->ncode;
    while (pc < n) {
        const struct twf_insn *in = &code[pc];
        switch ((enum twf_opcode)in->op) {
        case OP_PROTO:
            flag = proto_present(p, in->a);
            break;
        case OP_EXISTS:
            flag = exists(f, p, in);
            break;
        case OP_LOAD: {
            bool unused = false;
            load(f, p, in, &f->regs[in->dst], false, &unused);
            break;
        }
        case OP_CONST: {
            struct twf_reg *r = &f->regs[in->dst];
            r->start = f->pool_used;
            r->n = 0;
            struct twf_val *v = push(f);
            if (v) *v = f->consts[in->k], r->n = 1;
            break;
        }
        case OP_SLICE: do_slice(f, in); break;
        case OP_FUNC: do_func(f, in); break;
        case OP_ARITH: do_arith(f, in); break;
        case OP_NEG: {
            struct twf_reg A = f->regs[in->a], *d = &f->regs[in->dst];
            d->start = f->pool_used;
            d->n = 0;
            for (uint32_t i = 0; i < A.n; i++) {
                struct twf_val a = f->pool[A.start + i];
                if (a.vt == VT_UINT) a.vt = VT_INT, a.v.i = (int64_t)(0 - a.v.u);
                else if (a.vt == VT_INT) a.v.i = (int64_t)(0 - (uint64_t)a.v.i);
                else if (a.vt == VT_DOUBLE) a.v.d = -a.v.d;
                else if (a.vt == VT_RELTIME) a.v.ns = -a.v.ns;
                else continue;
                struct twf_val *v = push(f);
                if (!v) break;
                *v = a;
                d->n++;
            }
            break;
        }
        case OP_CMP: flag = do_cmp(f, in); break;
        case OP_IN: {
            const struct twf_reg *A = &f->regs[in->a];
            flag = false;
            for (uint32_t i = 0; i < A->n && !flag; i++)
                flag = in_set(&f->sets[in->k], &f->pool[A->start + i]);
            break;
        }
        case OP_NONZERO: {
            const struct twf_reg *A = &f->regs[in->a];
            flag = false;
            for (uint32_t i = 0; i < A->n && !flag; i++) flag = nonzero(&f->pool[A->start + i]);
            break;
        }
        case OP_NOTEMPTY: flag = f->regs[in->a].n > 0; break;
        case OP_CMP_FIELD:
        case OP_IN_FIELD:
            flag = field_test(f, p, in);
            break;
        case OP_NOT: flag = !flag; break;
        case OP_JF:
            if (!flag) {
                pc = (uint32_t)in->a;
                continue;
            }
            break;
        case OP_JT:
            if (flag) {
                pc = (uint32_t)in->a;
                continue;
            }
            break;
        case OP_RET: return flag;
        }
        pc++;
    }
    return flag;
}

bool tw_filter_run(struct tw_filter *f, const struct tw_pkt *p)
{
    return f->tests_only ? run_tests(f, p) : run_program(f, p);
}
