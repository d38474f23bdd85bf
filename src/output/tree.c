/* -V: the protocol tree, four spaces per level, generated fields in brackets, hidden fields
 * left out, as tshark prints it. */
#include "internal.h"

/* the `data` protocol's own field: tshark's -V (without -x) dumps the bytes of each such item in
 * hex after its line ("uninterpreted data"), at the left margin, after an empty line */
static int data_proto_field = -1;

static void data_hex(struct tw_buf *b, const struct tw_pkt *p, const struct tw_rec *r)
{
    const uint8_t *d;
    uint32_t n;
    if (r->src == 0 || r->src >= p->nsources) {
        d = p->frame->data;
        n = p->sources[0].len;
    } else {
        d = p->sources[r->src].data;
        n = p->sources[r->src].len;
    }
    if (!d || r->off >= n) return; /* tshark finds no bytes for it: no dump */
    uint32_t len = TW_MIN(r->len, n - r->off);
    tw_buf_addc(b, '\n');
    tw_hexdump(b, d + r->off, len);
}

static void walk(struct tw_sink *s, const struct tw_pkt *p, int32_t i, int depth)
{
    struct tw_buf *b = &s->out->b;
    for (; i >= 0; i = s->next_sib[i]) {
        const struct tw_rec *r = &p->recs[i];
        if (r->flags & TW_RF_HIDDEN) continue;
        if (depth > 0) tw_buf_add_pad(b, ' ', (size_t)depth * 4);
        tw_fmt_label(b, p, r);
        tw_buf_addc(b, '\n');
        if (r->field == data_proto_field && !s->cfg->hex) data_hex(b, p, r);
        if (s->first_child[i] >= 0) walk(s, p, s->first_child[i], depth + 1);
    }
}

static bool tree_open(struct tw_sink *s, char *err, size_t errlen)
{
    (void)err, (void)errlen;
    data_proto_field = tw_field_lookup("data", 4);
    s->want_all = true;
    s->want_cols = true;
    return true;
}

static void tree_packet(struct tw_sink *s, const struct tw_pkt *p)
{
    int32_t root;
    if (!tw_tree_links(s, p, &root)) return;
    walk(s, p, root, 0);
    if (!s->cfg->hex) tw_buf_addc(&s->out->b, '\n');
    else tw_buf_addc(&s->out->b, '\n');
}

const struct tw_sink_ops tw_sink_tree = {"tree", tree_open, tree_packet, NULL};
