/* Sink selection, the wanted-field sets, tree links shared by trees and JSON, the summary line
 * and the hex dump. */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>

struct tw_sink *tw_sink_open(const struct tw_output_cfg *cfg, struct tw_out *out, char *err,
                             size_t errlen)
{
    struct tw_sink *s = calloc(1, sizeof *s);
    if (!s) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    s->cfg = cfg;
    s->out = out;
    s->want = calloc(tw_field_count() + 1, 1);
    tw_buf_init(&s->tmp, 1 << 20);
    switch (cfg->format) {
    case TW_OUT_LINE: s->ops = &tw_sink_line; break;
    case TW_OUT_TREE: s->ops = &tw_sink_tree; break;
    case TW_OUT_FIELDS: s->ops = &tw_sink_fields; break;
    case TW_OUT_JSON: s->ops = &tw_sink_json; break;
    case TW_OUT_EK: s->ops = &tw_sink_ek; break;
    default: s->ops = &tw_sink_none; break;
    }
    if (cfg->print_summary) s->want_cols = true;
    if (!s->want || (s->ops->open && !s->ops->open(s, err, errlen))) {
        if (!s->want) snprintf(err, errlen, "out of memory");
        tw_sink_close(s);
        return NULL;
    }
    return s;
}

void tw_sink_wants(const struct tw_sink *s, uint8_t *want, bool *want_all, bool *want_cols)
{
    uint32_t n = tw_field_count();
    for (uint32_t i = 0; i < n; i++) want[i] |= s->want[i];
    *want_all |= s->want_all;
    *want_cols |= s->want_cols;
}

void tw_sink_packet(struct tw_sink *s, const struct tw_pkt *p)
{
    if (s->cfg->print_summary && (s->ops == &tw_sink_tree || s->ops == &tw_sink_none)) {
        tw_summary_line(s, &s->out->b, p);
        tw_buf_addc(&s->out->b, '\n');
        if (s->ops == &tw_sink_none && s->cfg->hex) tw_buf_addc(&s->out->b, '\n');
    }
    if (s->ops->packet) s->ops->packet(s, p);
    if (s->cfg->hex) {
        struct tw_buf *b = &s->out->b;
        if (p->nsources > 1) {
            /* tshark names every data source when there is more than one */
            for (uint32_t i = 0; i < p->nsources; i++) {
                const struct tw_source *src = &p->sources[i];
                tw_buf_adds(b, src->name);
                tw_buf_add(b, " (", 2);
                tw_buf_add_u64(b, src->len);
                tw_buf_adds(b, src->len == 1 ? " byte):\n" : " bytes):\n");
                tw_hexdump(b, src->data, src->len);
            }
        } else {
            tw_hexdump(b, p->frame->data, p->sources[0].len);
        }
        tw_buf_addc(b, '\n');
    }
    s->count++;
    tw_out_maybe_flush(s->out);
}

void tw_sink_close(struct tw_sink *s)
{
    if (!s) return;
    if (s->ops && s->ops->close) s->ops->close(s);
    tw_out_flush(s->out);
    free(s->want);
    free(s->ecol);
    free(s->fcol);
    free(s->ecol_next);
    if (s->ecol_buf) {
        for (uint32_t i = 0; i < s->cfg->nefields; i++) tw_buf_free(&s->ecol_buf[i]);
        free(s->ecol_buf);
    }
    free(s->first_child);
    free(s->next_sib);
    tw_buf_free(&s->tmp);
    free(s);
}

bool tw_tree_links(struct tw_sink *s, const struct tw_pkt *p, int32_t *root)
{
    if (p->nrecs > s->tree_cap) {
        uint32_t ncap = p->nrecs + 256;
        int32_t *a = realloc(s->first_child, ncap * sizeof *a);
        if (!a) return false;
        s->first_child = a;
        int32_t *b = realloc(s->next_sib, ncap * sizeof *b);
        if (!b) return false;
        s->next_sib = b;
        s->tree_cap = ncap;
    }
    /* records are appended in order, so linking in reverse keeps children in order */
    *root = -1;
    for (uint32_t i = 0; i < p->nrecs; i++) s->first_child[i] = -1;
    for (uint32_t i = p->nrecs; i-- > 0;) {
        int32_t par = p->recs[i].parent;
        if (par >= (int32_t)i) par = -1; /* defensive: parents precede children */
        int32_t *head = par >= 0 ? &s->first_child[par] : root;
        s->next_sib[i] = *head;
        *head = (int32_t)i;
    }
    return true;
}

void tw_hexdump(struct tw_buf *b, const uint8_t *data, uint32_t len)
{
    /* tshark's layout: offset, two spaces, 16 "xx " slots, two spaces, ASCII */
    int odig = len > 0x10000 ? 8 : 4;
    for (uint32_t off = 0; off < len; off += 16) {
        uint32_t n = TW_MIN(16u, len - off);
        tw_buf_add_hex(b, off, odig);
        tw_buf_add(b, "  ", 2);
        for (uint32_t i = 0; i < 16; i++) {
            if (i < n) {
                tw_buf_add_hexbytes(b, data + off + i, 1, 0);
                tw_buf_addc(b, ' ');
            } else {
                tw_buf_add(b, "   ", 3);
            }
        }
        tw_buf_add(b, "  ", 2);
        for (uint32_t i = 0; i < n; i++) {
            uint8_t ch = data[off + i];
            tw_buf_addc(b, ch >= 0x20 && ch < 0x7f ? (char)ch : '.');
        }
        tw_buf_addc(b, '\n');
    }
}

/* ---- the summary line: No. Time Source -> Destination Protocol Length Info ---- */

static void pad_right_align(struct tw_buf *b, size_t start, size_t width)
{
    size_t n = b->len - start;
    if (n >= width) return;
    size_t pad = width - n;
    if (!tw_buf_reserve(b, pad)) return;
    memmove(b->p + start + pad, b->p + start, n);
    memset(b->p + start, ' ', pad);
    b->len += pad;
}

void tw_summary_line(struct tw_sink *s, struct tw_buf *b, const struct tw_pkt *p)
{
    const struct tw_output_cfg *cfg = s->cfg;
    size_t st = b->len;
    tw_buf_add_u64(b, p->frame->recno);
    pad_right_align(b, st, 5);
    tw_buf_addc(b, ' ');
    st = b->len;
    tw_fmt_time_col(b, p, cfg->time_fmt);
    pad_right_align(b, st, 10);
    tw_buf_addc(b, ' ');
    const struct tw_addr *src = p->net_src.type ? &p->net_src : &p->dl_src;
    const struct tw_addr *dst = p->net_src.type ? &p->net_dst : &p->dl_dst;
    st = b->len;
    tw_fmt_addr(b, src, cfg->resolve_names);
    pad_right_align(b, st, 12);
    tw_buf_add(b, " \xe2\x86\x92 ", 5);
    st = b->len;
    tw_fmt_addr(b, dst, cfg->resolve_names);
    if (b->len - st < 12) tw_buf_add_pad(b, ' ', 12 - (b->len - st));
    tw_buf_addc(b, ' ');
    tw_buf_adds(b, p->col_proto ? p->col_proto : "");
    tw_buf_addc(b, ' ');
    tw_buf_add_u64(b, p->frame->wirelen);
    tw_buf_addc(b, ' ');
    tw_buf_add(b, p->info.p, p->info.len);
}

static bool line_open(struct tw_sink *s, char *err, size_t errlen)
{
    (void)err, (void)errlen;
    s->want_cols = true;
    return true;
}

static void line_packet(struct tw_sink *s, const struct tw_pkt *p)
{
    struct tw_buf *b = &s->out->b;
    tw_summary_line(s, b, p);
    tw_buf_addc(b, '\n');
}

const struct tw_sink_ops tw_sink_line = {"line", line_open, line_packet, NULL};
const struct tw_sink_ops tw_sink_none = {"none", NULL, NULL, NULL};
