/* -T fields: one line per packet, the values of the -e fields in tshark's exact text, with
 * -E header, separator, occurrence, aggregator and quote. */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>

static bool fields_open(struct tw_sink *s, char *err, size_t errlen)
{
    const struct tw_output_cfg *cfg = s->cfg;
    uint32_t n = cfg->nefields;
    if (n == 0) {
        snprintf(err, errlen, "-T fields was specified, but no fields were specified with -e");
        return false;
    }
    s->ecol = calloc(n, sizeof *s->ecol);
    s->ecol_buf = calloc(n, sizeof *s->ecol_buf);
    if (!s->ecol || !s->ecol_buf) {
        snprintf(err, errlen, "out of memory");
        return false;
    }
    struct tw_buf bad;
    tw_buf_init(&bad, 1 << 16);
    for (uint32_t i = 0; i < n; i++) {
        int id = tw_field_lookup(cfg->efields[i], strlen(cfg->efields[i]));
        s->ecol[i] = id;
        tw_buf_init(&s->ecol_buf[i], 1 << 24);
        if (id < 0) {
            tw_buf_adds(&bad, "\n");
            tw_buf_adds(&bad, cfg->efields[i]);
        } else {
            s->want[id] = 1;
            /* fields sharing the name are printed in the same column */
            for (uint32_t f = 1; f < tw_field_count(); f++)
                if (tw_field((uint16_t)f)->same_name == id) s->want[f] = 1;
        }
    }
    if (bad.len) {
        snprintf(err, errlen, "Some fields aren't valid:%.*s", (int)bad.len, bad.p);
        tw_buf_free(&bad);
        return false;
    }
    tw_buf_free(&bad);
    if (cfg->header) {
        struct tw_buf *b = &s->out->b;
        for (uint32_t i = 0; i < n; i++) {
            if (i) tw_buf_addc(b, cfg->separator);
            tw_buf_adds(b, cfg->efields[i]);
        }
        tw_buf_addc(b, '\n');
    }
    return true;
}

static void fields_packet(struct tw_sink *s, const struct tw_pkt *p)
{
    const struct tw_output_cfg *cfg = s->cfg;
    uint32_t n = cfg->nefields;
    struct tw_buf *b = &s->out->b;
    for (uint32_t i = 0; i < n; i++) s->ecol_buf[i].len = 0;
    uint32_t *cnt = (uint32_t *)s->tmp.p;
    if (!tw_buf_reserve(&s->tmp, n * sizeof *cnt)) return;
    cnt = (uint32_t *)s->tmp.p;
    memset(cnt, 0, n * sizeof *cnt);
    for (uint32_t r = 0; r < p->nrecs; r++) {
        const struct tw_rec *rec = &p->recs[r];
        if (!s->want[rec->field]) continue;
        uint16_t same = tw_field(rec->field)->same_name;
        for (uint32_t i = 0; i < n; i++) {
            if (s->ecol[i] != rec->field && (!same || s->ecol[i] != same)) continue;
            struct tw_buf *cb = &s->ecol_buf[i];
            if (cfg->occurrence == 'f' && cnt[i]) continue;
            if (cfg->occurrence == 'l') cb->len = 0;
            else if (cnt[i]) tw_buf_addc(cb, cfg->aggregator);
            tw_fmt_value(cb, rec);
            cnt[i]++;
        }
    }
    for (uint32_t i = 0; i < n; i++) {
        if (i) tw_buf_addc(b, cfg->separator);
        if (cfg->quote && cnt[i]) tw_buf_addc(b, cfg->quote);
        tw_buf_add(b, s->ecol_buf[i].p, s->ecol_buf[i].len);
        if (cfg->quote && cnt[i]) tw_buf_addc(b, cfg->quote);
    }
    tw_buf_addc(b, '\n');
}

const struct tw_sink_ops tw_sink_fields = {"fields", fields_open, fields_packet, NULL};
