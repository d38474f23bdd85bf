/* -z io,phs[,FILTER]: tshark's Protocol Hierarchy Statistics. tshark walks the top-level items
 * of each packet's protocol tree (pkt_comment, frame when the tree has it, eth, ip, tcp, ...,
 * the _ws.malformed and _ws.short markers) and counts the packet, with its length on the wire, in
 * the node for that path. trawl walks the layer stack instead: the layers of the outermost chain
 * that make a protocol line of their own (not frame, not pseudo-layers such as "ethertype", not
 * layers whose fields go under the previous one, not those nested inside another layer such as
 * the datagram an ICMP error quotes), a "pkt_comment" first when the frame has comments, and a
 * marker after a layer that failed. Siblings print in order of appearance, children indented
 * by two spaces per level (from level 16 on "..." and no deeper indentation). */
#include "stats.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_NODES (1u << 20)
#define MAX_PATH  64

struct node {
    const char *name;
    uint32_t child, sibling; /* node index, 0 = none (node 0 is the root) */
    uint32_t frames;
    uint64_t bytes;
};

struct phs {
    char *filter_text;
    struct tw_filter *filter;
    struct node *n;
    uint32_t count, cap;
    uint64_t dropped;
    int frame_proto;
};

static uint32_t new_node(struct phs *s, const char *name)
{
    if (s->count >= MAX_NODES) return 0;
    if (s->count == s->cap) {
        uint32_t nc = s->cap ? s->cap * 2 : 256;
        struct node *nn = realloc(s->n, (size_t)nc * sizeof *nn);
        if (!nn) return 0;
        s->n = nn;
        s->cap = nc;
    }
    struct node *x = &s->n[s->count];
    memset(x, 0, sizeof *x);
    x->name = name;
    return s->count++;
}

/* the child of `parent` named `name`, added when new (0 when the table is full) */
static uint32_t child(struct phs *s, uint32_t parent, const char *name)
{
    uint32_t last = 0;
    for (uint32_t c = s->n[parent].child; c; c = s->n[c].sibling) {
        if (s->n[c].name == name || strcmp(s->n[c].name, name) == 0) return c;
        last = c;
    }
    uint32_t c = new_node(s, name);
    if (!c) return 0;
    if (last)
        s->n[last].sibling = c;
    else
        s->n[parent].child = c;
    return c;
}

static void phs_packet(void *st, const struct tw_pkt *p, bool displayed)
{
    (void)displayed;
    struct phs *s = st;
    if (p->taps_lost || !tw_stats_match(s->filter, p)) return;
    const char *path[MAX_PATH];
    uint32_t n = 0;
    if (p->frame->ncomments) path[n++] = "pkt_comment";
    /* tshark leaves the frame item out of a tree nobody looks at: it is there when the tree is
     * printed or some filter or field list of the run names frame or a frame field */
    if (p->want_all || !p->want_proto || p->want_proto[s->frame_proto]) path[n++] = "frame";
    uint32_t seg = 0;
    for (uint32_t i = 1; i <= p->nlayers && n < MAX_PATH; i++) {
        /* the reassembly items that stand before this layer */
        while (seg < p->nseg_items && p->seg_items[seg] <= i && n < MAX_PATH) {
            path[n++] = "tcp.segments";
            seg++;
        }
        if (i == p->nlayers) break;
        const struct tw_layer *l = &p->layers[i];
        const struct tw_proto *pr = tw_proto_get(l->proto);
        if (((l->depth == 0 && !l->under) || l->rooted) && !l->hidden &&
            !(pr->flags & (TW_PROTO_NO_LAYER | TW_PROTO_NO_RECORD | TW_PROTO_PARENT_TREE)))
            for (uint32_t k = 0; k <= l->more_items && n < MAX_PATH; k++) {
                /* an item taken back has no line; a PDU that failed has its marker after it */
                uint32_t bit = k < 32 ? 1u << k : 0;
                if (!(l->item_noline & bit)) path[n++] = pr->abbrev;
                if (n < MAX_PATH && (l->item_bad & bit)) path[n++] = "_ws.malformed";
                else if (n < MAX_PATH && (l->item_short & bit)) path[n++] = "_ws.short";
            }
        /* (a layer whose PDUs failed has its markers after them, above) */
        if ((l->status == TW_TRUNCATED || l->status == TW_MALFORMED) && l->depth == 0 &&
            !(l->item_bad | l->item_short) && n < MAX_PATH)
            path[n++] = l->status == TW_TRUNCATED ? "_ws.short" : "_ws.malformed";
    }
    uint32_t at = 0;
    for (uint32_t i = 0; i < n; i++) {
        at = child(s, at, path[i]);
        if (!at) {
            s->dropped++;
            return;
        }
        s->n[at].frames++;
        s->n[at].bytes += p->frame->wirelen;
    }
}

static void draw(struct phs *s, struct tw_buf *b, uint32_t first, int depth)
{
    for (uint32_t c = first; c; c = s->n[c].sibling) {
        char str[80];
        size_t off = 0;
        str[0] = 0;
        for (int i = 0; i < depth; i++) {
            if (i > 15) {
                off += (size_t)snprintf(str + off, sizeof str - off, "...");
                break;
            }
            off += (size_t)snprintf(str + off, sizeof str - off, "  ");
        }
        snprintf(str + off, sizeof str - off, "%s", s->n[c].name);
        tw_buf_printf(b, "%-40s frames:%" PRIu32 " bytes:%" PRIu64 "\n", str, s->n[c].frames,
                      s->n[c].bytes);
        draw(s, b, s->n[c].child, depth + 1);
    }
}

static void phs_finish(void *st, struct tw_out *out)
{
    struct phs *s = st;
    struct tw_buf *b = &out->b;
    static const char rule[] =
        "===================================================================\n";
    tw_buf_printf(b, "\n%sProtocol Hierarchy Statistics\nFilter: %s\n\n", rule,
                  s->filter_text ? s->filter_text : "");
    if (s->count) draw(s, b, s->n[0].child, 0);
    tw_buf_adds(b, rule);
    tw_out_flush(out);
    if (s->dropped)
        tw_log(TW_LOG_WARN,
               "-z io,phs: more than %u protocol paths; %" PRIu64 " packets not counted", MAX_NODES,
               s->dropped);
}

static void *phs_open(const char *arg, struct tw_zneeds *need, char *err, size_t errlen)
{
    if (strncmp(arg, "io,phs", 6) != 0 || (arg[6] && arg[6] != ',')) {
        snprintf(err, errlen, "invalid \"-z io,phs[,<filter>]\" argument");
        return NULL;
    }
    struct phs *s = calloc(1, sizeof *s);
    if (s) new_node(s, ""); /* the root, index 0 */
    if (!s || s->count != 1) {
        free(s);
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    need->layers = true; /* the hierarchy is every layer: TCP must hand its payload up */
    need->tree = true;   /* tshark's phs tap asks for a protocol tree */
    s->frame_proto = tw_proto_lookup("frame");
    if (s->frame_proto < 0) s->frame_proto = 0;
    if (arg[6] == ',') {
        s->filter_text = strdup(arg + 7);
        s->filter = s->filter_text ? tw_stats_filter(s->filter_text, need, err, errlen) : NULL;
        if (!s->filter) {
            free(s->filter_text);
            free(s->n);
            free(s);
            return NULL;
        }
    }
    return s;
}

static void phs_close(void *st)
{
    struct phs *s = st;
    if (!s) return;
    tw_stats_filter_free(s->filter);
    free(s->filter_text);
    free(s->n);
    free(s);
}

const struct tw_zstat_ops tw_zstat_phs = {
    .name = "io,phs",
    .usage = "io,phs[,FILTER]",
    .open = phs_open,
    .packet = phs_packet,
    .finish = phs_finish,
    .close = phs_close,
};
