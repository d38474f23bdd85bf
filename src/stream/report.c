/* -z stream,ambiguity[,json]: every TCP stream (and fragmented datagram) where targets would see
 * different bytes or a receiver would drop what the network carried, with the events, their
 * frames, and which policies end up with which bytes per direction.
 * -z stream,reassembled[,POLICY]: each stream's per-direction bytes as one policy (default: each
 * receiver's policy from --stream-policy) reassembles them.
 * Layouts: docs/stream-engine.md. */
#include "../output/output.h"
#include "stream.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_REPORTED 100000 /* streams/datagrams kept for the report; more are counted */

struct entry {
    uint64_t key; /* sort key: TCP streams by index, then datagrams by first frame */
    char *text;
    size_t len;
};

struct zst {
    bool json, reassembled;
    int policy; /* reassembled: forced policy, -1 = receivers' own */
    struct tw_stream *eng;
    struct entry *ents;
    uint32_t n, cap;
    uint64_t lost;
    uint64_t ntcp, nip;
};

static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static void add_b64(struct tw_buf *b, const uint8_t *p, uint32_t n)
{
    for (uint32_t i = 0; i < n; i += 3) {
        uint32_t v = (uint32_t)p[i] << 16;
        if (i + 1 < n) v |= (uint32_t)p[i + 1] << 8;
        if (i + 2 < n) v |= p[i + 2];
        tw_buf_addc(b, b64[v >> 18 & 63]);
        tw_buf_addc(b, b64[v >> 12 & 63]);
        tw_buf_addc(b, i + 1 < n ? b64[v >> 6 & 63] : '=');
        tw_buf_addc(b, i + 2 < n ? b64[v & 63] : '=');
    }
}

/* C-style escapes: printable ASCII as is, \r \n \t \\ \" and \xNN for the rest */
static void add_escaped(struct tw_buf *b, const uint8_t *p, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++) {
        uint8_t ch = p[i];
        if (ch == '\\' || ch == '"') {
            tw_buf_addc(b, '\\');
            tw_buf_addc(b, (char)ch);
        } else if (ch == '\r') {
            tw_buf_adds(b, "\\r");
        } else if (ch == '\n') {
            tw_buf_adds(b, "\\n");
        } else if (ch == '\t') {
            tw_buf_adds(b, "\\t");
        } else if (ch >= 0x20 && ch < 0x7f) {
            tw_buf_addc(b, (char)ch);
        } else {
            tw_buf_printf(b, "\\x%02x", ch);
        }
    }
}

static void add_addr(struct tw_buf *b, const struct tw_addr *a)
{
    if (a->type == TW_AT_IPv4 && a->len == 4)
        tw_buf_add_ipv4(b, a->p);
    else if (a->type == TW_AT_IPv6 && a->len == 16)
        tw_buf_add_ipv6(b, a->p);
    else
        tw_buf_adds(b, "?");
}

static void add_endpoint(struct tw_buf *b, const struct tw_addr *a, uint16_t port)
{
    if (a->type == TW_AT_IPv6) tw_buf_addc(b, '[');
    add_addr(b, a);
    if (a->type == TW_AT_IPv6) tw_buf_addc(b, ']');
    tw_buf_printf(b, ":%u", port);
}

static void add_pols(struct tw_buf *b, uint32_t mask, bool frag, bool json)
{
    unsigned all = frag ? TW_FPOL_ALL : TW_SPOL_ALL;
    if (!json && (mask & all) == all) {
        tw_buf_adds(b, "all");
        return;
    }
    bool first = true;
    for (unsigned p = 0; p < (frag ? TW_FPOL_COUNT : TW_SPOL_COUNT); p++)
        if (mask >> p & 1u) {
            if (!first) tw_buf_addc(b, json ? ',' : ' ');
            if (json) tw_buf_addc(b, '"');
            tw_buf_adds(b, frag ? tw_fpol_name(p) : tw_spol_name(p));
            if (json) tw_buf_addc(b, '"');
            first = false;
        }
}

static void store(struct zst *z, uint64_t key, struct tw_buf *b)
{
    if (z->n >= MAX_REPORTED || b->overflow) {
        z->lost++;
        tw_buf_free(b);
        return;
    }
    if (z->n == z->cap) {
        uint32_t nc = z->cap ? z->cap * 2 : 64;
        struct entry *ne = realloc(z->ents, nc * sizeof *ne);
        if (!ne) {
            z->lost++;
            tw_buf_free(b);
            return;
        }
        z->ents = ne;
        z->cap = nc;
    }
    z->ents[z->n++] = (struct entry){key, b->p, b->len};
    /* the entry owns the bytes now */
    b->p = NULL;
    b->len = b->cap = 0;
}

/* groups of policies with the same bytes in one direction */
struct group {
    uint32_t mask;
    const struct tw_sview *v;
};

static uint32_t groups_of(const struct tw_sconn *c, unsigned d, struct group *g)
{
    uint32_t n = 0;
    for (uint32_t i = 0; i < tw_sconn_nviews(c, d); i++) {
        const struct tw_sview *v = tw_sconn_view(c, d, i);
        uint32_t k = 0;
        for (; k < n; k++)
            if (tw_sview_hash(g[k].v) == tw_sview_hash(v) &&
                tw_sview_delivered(g[k].v) == tw_sview_delivered(v) &&
                tw_sview_reset(g[k].v) == tw_sview_reset(v))
                break;
        if (k < n)
            g[k].mask |= tw_sview_policies(v);
        else
            g[n++] = (struct group){tw_sview_policies(v), v};
    }
    return n;
}

static bool triggers(enum tw_sev_kind k)
{
    /* capture artefacts (gaps, the queue cap they lead to) and information do not make a
     * stream ambiguous by themselves */
    return k != TW_SEV_RST && k != TW_SEV_GAP && k != TW_SEV_URGENT && k != TW_SEV_CAP &&
           k != TW_SEV_RST_OUT_OF_WINDOW;
}

#define EXCERPT 256

static void text_conn(struct tw_buf *b, const struct tw_sconn *c)
{
    static const char *const dname[2] = {"client->server", "server->client"};
    tw_buf_printf(b, "TCP stream %u  ", tw_sconn_index(c));
    add_endpoint(b, tw_sconn_addr(c, 0), tw_sconn_port(c, 0));
    tw_buf_adds(b, " -> ");
    add_endpoint(b, tw_sconn_addr(c, 1), tw_sconn_port(c, 1));
    tw_buf_printf(b, "  (first frame %llu)\n", (unsigned long long)tw_sconn_first_frame(c));
    uint32_t nev, lost;
    const struct tw_sevent *ev = tw_sconn_events(c, &nev, &lost);
    tw_buf_adds(b, "  events:\n");
    for (uint32_t i = 0; i < nev; i++) {
        const struct tw_sevent *e = &ev[i];
        if (e->frame)
            tw_buf_printf(b, "    frame %-8llu", (unsigned long long)e->frame);
        else
            tw_buf_adds(b, "    at the end    "); /* gaps are known when the connection ends */
        tw_buf_printf(b, " %s  %-31s", dname[e->dir], tw_sev_name((enum tw_sev_kind)e->kind));
        tw_buf_printf(b, " offset %llu len %u", (unsigned long long)e->off, e->len);
        switch (e->kind) {
        case TW_SEV_PAWS:
            tw_buf_printf(b, "  TSval %u < last %u; dropped by: ", e->tsval, e->tslast);
            add_pols(b, e->pols, false, false);
            break;
        case TW_SEV_DATA_ON_SYN:
            tw_buf_adds(b, "  kept by: ");
            if (e->pols)
                add_pols(b, e->pols, false, false);
            else
                tw_buf_adds(b, "none");
            break;
        case TW_SEV_OVERLAP:
            tw_buf_adds(b, "  among: ");
            add_pols(b, e->pols, false, false);
            break;
        case TW_SEV_BAD_CKSUM_DATA:
        case TW_SEV_BAD_CKSUM_RST:
        case TW_SEV_BAD_CKSUM_FIN:
        case TW_SEV_BAD_CKSUM_SYN:
        case TW_SEV_OUT_OF_WINDOW:
        case TW_SEV_DATA_AFTER_RST:
            tw_buf_adds(b, "  dropped by every target");
            break;
        case TW_SEV_RST:
            tw_buf_adds(b, "  the stream ends here");
            break;
        default:
            break;
        }
        tw_buf_addc(b, '\n');
    }
    if (lost) tw_buf_printf(b, "    (%u more events not kept)\n", lost);
    for (unsigned d = 0; d < 2; d++) {
        struct group g[TW_SPOL_COUNT];
        uint32_t ng = groups_of(c, d, g);
        tw_buf_printf(b, "  %s (receiver ", dname[d]);
        add_addr(b, tw_sconn_addr(c, 1 - d));
        tw_buf_printf(b, ", policy %s):%s\n",
                      tw_spol_name(tw_policy_lookup(&tw_stream_opts.map, tw_sconn_addr(c, 1 - d))),
                      ng > 1 ? "  TARGETS DISAGREE" : "");
        for (uint32_t k = 0; k < ng; k++) {
            uint32_t len;
            bool trunc;
            const uint8_t *bytes = tw_sview_bytes(g[k].v, &len, &trunc);
            tw_buf_adds(b, "    ");
            add_pols(b, g[k].mask, false, false);
            tw_buf_printf(b, ": %llu bytes", (unsigned long long)tw_sview_delivered(g[k].v));
            if (ng > 1)
                tw_buf_printf(b, ", digest %016llx", (unsigned long long)tw_sview_hash(g[k].v));
            tw_buf_printf(b, "%s\n", tw_sview_reset(g[k].v) ? ", ended by RST" : "");
            if (len) {
                tw_buf_adds(b, "      \"");
                add_escaped(b, bytes, TW_MIN(len, EXCERPT));
                tw_buf_printf(b, "\"%s\n", len > EXCERPT || trunc ? "..." : "");
            }
        }
    }
    tw_buf_addc(b, '\n');
}

static void json_conn(struct tw_buf *b, const struct tw_sconn *c)
{
    static const char *const dname[2] = {"client_to_server", "server_to_client"};
    tw_buf_printf(b, "{\"type\":\"tcp\",\"stream\":%u,\"first_frame\":%llu", tw_sconn_index(c),
                  (unsigned long long)tw_sconn_first_frame(c));
    for (unsigned d = 0; d < 2; d++) {
        tw_buf_printf(b, ",\"%s\":{\"addr\":\"", d ? "server" : "client");
        add_addr(b, tw_sconn_addr(c, d));
        tw_buf_printf(b, "\",\"port\":%u,\"policy\":\"%s\"}", tw_sconn_port(c, d),
                      tw_spol_name(tw_policy_lookup(&tw_stream_opts.map, tw_sconn_addr(c, d))));
    }
    uint32_t nev, lost;
    const struct tw_sevent *ev = tw_sconn_events(c, &nev, &lost);
    tw_buf_adds(b, ",\"events\":[");
    for (uint32_t i = 0; i < nev; i++) {
        const struct tw_sevent *e = &ev[i];
        tw_buf_printf(b,
                      "%s{\"frame\":%llu,\"dir\":\"%s\",\"kind\":\"%s\",\"offset\":%llu,\"len\":%u",
                      i ? "," : "", (unsigned long long)e->frame, dname[e->dir],
                      tw_sev_name((enum tw_sev_kind)e->kind), (unsigned long long)e->off, e->len);
        if (e->kind == TW_SEV_PAWS)
            tw_buf_printf(b, ",\"tsval\":%u,\"tslast\":%u", e->tsval, e->tslast);
        if (e->pols) {
            tw_buf_adds(b, ",\"policies\":[");
            add_pols(b, e->pols, false, true);
            tw_buf_addc(b, ']');
        }
        tw_buf_addc(b, '}');
    }
    tw_buf_printf(b, "],\"events_lost\":%u", lost);
    for (unsigned d = 0; d < 2; d++) {
        struct group g[TW_SPOL_COUNT];
        uint32_t ng = groups_of(c, d, g);
        tw_buf_printf(b, ",\"%s\":[", dname[d]);
        for (uint32_t k = 0; k < ng; k++) {
            uint32_t len;
            bool trunc;
            const uint8_t *bytes = tw_sview_bytes(g[k].v, &len, &trunc);
            tw_buf_adds(b, k ? ",{\"policies\":[" : "{\"policies\":[");
            add_pols(b, g[k].mask, false, true);
            tw_buf_printf(b, "],\"bytes\":%llu,", (unsigned long long)tw_sview_delivered(g[k].v));
            if (ng > 1)
                tw_buf_printf(b, "\"digest\":\"%016llx\",",
                              (unsigned long long)tw_sview_hash(g[k].v));
            tw_buf_printf(b, "\"reset\":%s,\"truncated\":%s,\"data\":\"",
                          tw_sview_reset(g[k].v) ? "true" : "false", trunc ? "true" : "false");
            add_b64(b, bytes, len);
            tw_buf_adds(b, "\"}");
        }
        tw_buf_addc(b, ']');
    }
    tw_buf_adds(b, "}");
}

static void reassembled_conn(struct zst *z, struct tw_buf *b, const struct tw_sconn *c)
{
    static const char *const dname[2] = {"client->server", "server->client"};
    tw_buf_printf(b, "TCP stream %u  ", tw_sconn_index(c));
    add_endpoint(b, tw_sconn_addr(c, 0), tw_sconn_port(c, 0));
    tw_buf_adds(b, " -> ");
    add_endpoint(b, tw_sconn_addr(c, 1), tw_sconn_port(c, 1));
    tw_buf_addc(b, '\n');
    for (unsigned d = 0; d < 2; d++) {
        const struct tw_sview *v = tw_sconn_view(c, d, 0);
        uint32_t len;
        bool trunc;
        const uint8_t *bytes = tw_sview_bytes(v, &len, &trunc);
        unsigned pol =
            z->policy >= 0 ? (unsigned)z->policy : (unsigned)__builtin_ctz(tw_sview_policies(v));
        tw_buf_printf(b, "  %s policy %s: %llu bytes%s%s\n  \"", dname[d], tw_spol_name(pol),
                      (unsigned long long)tw_sview_delivered(v),
                      tw_sview_reset(v) ? ", ended by RST" : "", trunc ? ", truncated" : "");
        add_escaped(b, bytes, len);
        tw_buf_adds(b, "\"\n");
    }
}

static void on_conn(void *user, const struct tw_sconn *c)
{
    struct zst *z = user;
    struct tw_buf b;
    tw_buf_init(&b, 64u << 20);
    if (z->reassembled) {
        reassembled_conn(z, &b, c);
        store(z, tw_sconn_index(c), &b);
        return;
    }
    uint32_t nev;
    const struct tw_sevent *ev = tw_sconn_events(c, &nev, NULL);
    bool hit = false;
    for (uint32_t i = 0; i < nev && !hit; i++) hit = triggers((enum tw_sev_kind)ev[i].kind);
    for (unsigned d = 0; d < 2 && !hit; d++) {
        struct group g[TW_SPOL_COUNT];
        hit = groups_of(c, d, g) > 1;
    }
    if (!hit) {
        tw_buf_free(&b);
        return;
    }
    z->ntcp++;
    if (z->json)
        json_conn(&b, c);
    else
        text_conn(&b, c);
    store(z, tw_sconn_index(c), &b);
}

static void on_dgram(void *user, const struct tw_sdgram *d)
{
    struct zst *z = user;
    if (z->reassembled || !d->conflict) return;
    z->nip++;
    struct tw_buf b;
    tw_buf_init(&b, 16u << 20);
    /* groups: policies with the same bytes */
    uint32_t gmask[TW_FPOL_COUNT];
    int grep_[TW_FPOL_COUNT];
    uint32_t ng = 0;
    for (unsigned p = 0; p < TW_FPOL_COUNT; p++) {
        uint32_t k = 0;
        for (; k < ng; k++) {
            unsigned q = (unsigned)grep_[k];
            if (d->len[q] == d->len[p] && (d->bytes[q] == NULL) == (d->bytes[p] == NULL) &&
                (!d->bytes[p] || memcmp(d->bytes[q], d->bytes[p], d->len[p]) == 0))
                break;
        }
        if (k < ng)
            gmask[k] |= 1u << p;
        else {
            grep_[ng] = (int)p;
            gmask[ng++] = 1u << p;
        }
    }
    if (z->json) {
        tw_buf_printf(&b, "{\"type\":\"ip\",\"version\":%u,\"src\":\"", d->version);
        add_addr(&b, &d->src);
        tw_buf_adds(&b, "\",\"dst\":\"");
        add_addr(&b, &d->dst);
        tw_buf_printf(&b, "\",\"id\":%u,\"proto\":%u,\"complete\":%s,\"frames\":[", d->id, d->proto,
                      d->complete ? "true" : "false");
        for (uint32_t i = 0; i < TW_MIN(d->nframes, 16u); i++)
            tw_buf_printf(&b, "%s%llu", i ? "," : "", (unsigned long long)d->frames[i]);
        tw_buf_adds(&b, "],\"groups\":[");
        for (uint32_t k = 0; k < ng; k++) {
            unsigned q = (unsigned)grep_[k];
            tw_buf_adds(&b, k ? ",{\"policies\":[" : "{\"policies\":[");
            add_pols(&b, gmask[k], true, true);
            tw_buf_printf(&b, "],\"bytes\":%u,\"data\":\"", d->bytes[q] ? d->len[q] : 0);
            if (d->bytes[q]) add_b64(&b, d->bytes[q], d->len[q]);
            tw_buf_adds(&b, "\"}");
        }
        tw_buf_adds(&b, "]}");
    } else {
        tw_buf_printf(&b, "IPv%u datagram  ", d->version);
        add_addr(&b, &d->src);
        tw_buf_adds(&b, " -> ");
        add_addr(&b, &d->dst);
        tw_buf_printf(&b, "  id 0x%x proto %u  (first frame %llu)\n", d->id, d->proto,
                      (unsigned long long)d->first_frame);
        tw_buf_adds(&b, "  events:\n    fragments overlap with different data, frames");
        for (uint32_t i = 0; i < TW_MIN(d->nframes, 16u); i++)
            tw_buf_printf(&b, " %llu", (unsigned long long)d->frames[i]);
        if (d->nframes > 16) tw_buf_adds(&b, " ...");
        tw_buf_printf(&b, "\n  reassembled (receiver policy %s):%s\n",
                      tw_fpol_name(tw_spol_frag(tw_policy_lookup(&tw_stream_opts.map, &d->dst))),
                      ng > 1 ? "  TARGETS DISAGREE" : "");
        for (uint32_t k = 0; k < ng; k++) {
            unsigned q = (unsigned)grep_[k];
            tw_buf_adds(&b, "    ");
            add_pols(&b, gmask[k], true, false);
            if (!d->bytes[q]) {
                tw_buf_adds(&b, ": incomplete\n");
                continue;
            }
            tw_buf_printf(&b, ": %u bytes\n      \"", d->len[q]);
            add_escaped(&b, d->bytes[q], TW_MIN(d->len[q], EXCERPT));
            tw_buf_printf(&b, "\"%s\n", d->len[q] > EXCERPT ? "..." : "");
        }
        tw_buf_addc(&b, '\n');
    }
    store(z, (1ull << 40) + d->first_frame, &b);
}

static void *zopen(const char *arg, struct tw_zneeds *need, char *err, size_t errlen)
{
    struct zst *z = calloc(1, sizeof *z);
    if (!z) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    struct tw_stream_cfg cfg;
    tw_stream_defaults(&cfg);
    z->policy = -1;
    if (strncmp(arg, "stream,reassembled", 18) == 0) {
        z->reassembled = true;
        const char *p = arg + 18;
        if (*p == ',') {
            p++;
            z->policy = tw_spol_parse(p, strlen(p));
            if (z->policy < 0 || z->policy >= TW_SPOL_COUNT) {
                snprintf(err, errlen, "-z stream,reassembled: unknown policy \"%s\"", p);
                free(z);
                return NULL;
            }
            cfg.policies = 1u << z->policy;
        } else if (*p) {
            goto bad;
        }
        cfg.keep = 16u << 20;
    } else {
        const char *p = arg + strlen("stream,ambiguity");
        if (strcmp(p, ",json") == 0)
            z->json = true;
        else if (*p)
            goto bad;
        cfg.policies = TW_SPOL_ALL;
        cfg.keep = z->json ? 64u << 10 : EXCERPT + 1;
        cfg.defrag = true;
        cfg.on_dgram = on_dgram;
    }
    cfg.on_conn = on_conn;
    cfg.user = z;
    z->eng = tw_stream_open(&cfg);
    if (!z->eng) {
        snprintf(err, errlen, "out of memory");
        free(z);
        return NULL;
    }
    need->taps |= 1u << TW_TAP_TCP | 1u << TW_TAP_IP;
    need->cksum = tw_stream_opts.cksum_mode != TW_CKMODE_NONE; /* verdicts are not read then */
    return z;
bad:
    snprintf(err, errlen, "invalid -z argument \"%s\"", arg);
    free(z);
    return NULL;
}

static void zpacket(void *st, const struct tw_pkt *p, bool displayed)
{
    (void)displayed;
    struct zst *z = st;
    tw_stream_packet(z->eng, p, p->frame ? p->frame->recno : 0);
}

static int ent_cmp(const void *a, const void *b)
{
    const struct entry *x = a, *y = b;
    return x->key < y->key ? -1 : x->key > y->key;
}

static void zfinish(void *st, struct tw_out *out)
{
    struct zst *z = st;
    /* stats before close: closing frees the engine */
    struct tw_stream_stats s = *tw_stream_stats(z->eng);
    tw_stream_close(z->eng);
    z->eng = NULL;
    if (z->n) qsort(z->ents, z->n, sizeof *z->ents, ent_cmp);
    struct tw_buf *b = &out->b;
    static const char *const modes[] = {"all", "none", "offload"};
    if (z->json) {
        tw_buf_printf(b, "{\"checksum_mode\":\"%s\",\"default_policy\":\"%s\",\"streams\":[",
                      modes[tw_stream_opts.cksum_mode], tw_spol_name(tw_stream_opts.map.def));
        for (uint32_t i = 0; i < z->n; i++) {
            if (i) tw_buf_addc(b, ',');
            tw_buf_add(b, z->ents[i].text, z->ents[i].len);
            if (b->len > out->flush_at) tw_out_flush(out);
        }
        tw_buf_printf(b,
                      "],\"not_kept\":%llu,\"stats\":{\"connections\":%llu,\"evicted\":%llu,"
                      "\"timed_out\":%llu,\"segments\":%llu,\"dropped_checksum\":%llu,"
                      "\"dropped_paws\":%llu,\"dropped_window\":%llu,\"overlaps\":%llu,"
                      "\"caps_hit\":%llu,\"fragments\":%llu,\"datagrams\":%llu}}\n",
                      (unsigned long long)z->lost, (unsigned long long)s.conns,
                      (unsigned long long)s.evicted, (unsigned long long)s.timed_out,
                      (unsigned long long)s.segs, (unsigned long long)s.dropped_cksum,
                      (unsigned long long)s.dropped_paws, (unsigned long long)s.dropped_window,
                      (unsigned long long)s.overlaps, (unsigned long long)s.caps_hit,
                      (unsigned long long)s.frags, (unsigned long long)s.dgrams);
        tw_out_flush(out);
        return;
    }
    tw_buf_adds(b, "========================================================================\n");
    if (z->reassembled) {
        tw_buf_printf(b, "Reassembled TCP streams (policy %s, checksum mode %s)\n",
                      z->policy >= 0 ? tw_spol_name((unsigned)z->policy) : "per receiver",
                      modes[tw_stream_opts.cksum_mode]);
    } else {
        tw_buf_printf(b,
                      "Stream ambiguity: where targets would see different bytes or drop what "
                      "the network carried\n"
                      "Checksum mode: %s   Default policy: %s   Policies compared: all 13 TCP, "
                      "7 fragment\n",
                      modes[tw_stream_opts.cksum_mode], tw_spol_name(tw_stream_opts.map.def));
        tw_buf_printf(b,
                      "Streams reported: %llu TCP, %llu IP datagrams (of %llu connections, "
                      "%llu fragmented datagrams)\n",
                      (unsigned long long)z->ntcp, (unsigned long long)z->nip,
                      (unsigned long long)s.conns, (unsigned long long)s.dgrams);
    }
    tw_buf_adds(b, "========================================================================\n");
    for (uint32_t i = 0; i < z->n; i++) {
        tw_buf_add(b, z->ents[i].text, z->ents[i].len);
        if (b->len > out->flush_at) tw_out_flush(out);
    }
    if (z->lost)
        tw_buf_printf(b, "(%llu more not kept: report cap)\n", (unsigned long long)z->lost);
    if (s.evicted || s.caps_hit)
        tw_buf_printf(b, "(engine caps: %llu connections evicted, %llu queue caps hit)\n",
                      (unsigned long long)s.evicted, (unsigned long long)s.caps_hit);
    tw_buf_adds(b, "========================================================================\n");
    tw_out_flush(out);
}

static void zclose(void *st)
{
    struct zst *z = st;
    if (!z) return;
    if (z->eng) tw_stream_close(z->eng);
    for (uint32_t i = 0; i < z->n; i++) free(z->ents[i].text);
    free(z->ents);
    free(z);
}

const struct tw_zstat_ops tw_zstat_stream_ambiguity = {
    .name = "stream,ambiguity",
    .usage = "stream,ambiguity[,json]",
    .open = zopen,
    .packet = zpacket,
    .finish = zfinish,
    .close = zclose,
};

const struct tw_zstat_ops tw_zstat_stream_reassembled = {
    .name = "stream,reassembled",
    .usage = "stream,reassembled[,POLICY]",
    .open = zopen,
    .packet = zpacket,
    .finish = zfinish,
    .close = zclose,
};
