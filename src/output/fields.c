/* -T fields: one line per packet, the values of the -e fields in tshark's exact text, with
 * -E header, separator, occurrence, aggregator and quote. */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>

/* tshark's column pseudo-fields (not in -G fields): -e _ws.col.Info etc. print the column text */
static const char *const col_names[] = {"_ws.col.No.",         "_ws.col.Time",
                                        "_ws.col.Source",      "_ws.col.Destination",
                                        "_ws.col.Protocol",    "_ws.col.Length",
                                        "_ws.col.Info"};
enum { COL_BASE = -100 }; /* ecol value of column k: COL_BASE - k */

static int col_lookup(const char *name)
{
    for (int k = 0; k < (int)TW_ARRAY_LEN(col_names); k++)
        if (strcmp(name, col_names[k]) == 0) return COL_BASE - k;
    return -1;
}

static void col_text(struct tw_sink *s, struct tw_buf *b, const struct tw_pkt *p, int k)
{
    const struct tw_addr *src = p->net_src.type ? &p->net_src : &p->dl_src;
    const struct tw_addr *dst = p->net_src.type ? &p->net_dst : &p->dl_dst;
    switch (k) {
    case 0: tw_buf_add_u64(b, p->frame->recno); break;
    case 1: tw_fmt_time_col(b, p, s->cfg->time_fmt); break;
    case 2: tw_fmt_addr(b, src, s->cfg->resolve_names); break;
    case 3: tw_fmt_addr(b, dst, s->cfg->resolve_names); break;
    case 4: tw_buf_adds(b, p->col_proto ? p->col_proto : ""); break;
    case 5: tw_buf_add_u64(b, p->frame->wirelen); break;
    default: tw_buf_add(b, p->info.p, p->info.len); break;
    }
}

/* the characters tshark 4.0's -T fields escapes: \n, \r, \t, \b and \f (not \a, \v, other
 * control characters or the backslash itself); 0 when ch stays as it is */
static char wsp_escape(char ch)
{
    switch (ch) {
    case '\n': return 'n';
    case '\r': return 'r';
    case '\t': return 't';
    case '\b': return 'b';
    case '\f': return 'f';
    default: return 0;
    }
}

/* from position `at` on, the characters of wsp_escape() become two-character escapes */
static void escape_wsp(struct tw_buf *b, size_t at)
{
    size_t extra = 0;
    for (size_t i = at; i < b->len; i++)
        if (wsp_escape(b->p[i])) extra++;
    if (!extra || !tw_buf_reserve(b, extra)) return;
    size_t r = b->len, w = b->len + extra;
    b->len = w;
    while (r > at) {
        char ch = b->p[--r];
        char e = wsp_escape(ch);
        if (e) {
            b->p[--w] = e;
            b->p[--w] = '\\';
        } else {
            b->p[--w] = ch;
        }
    }
}

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
    s->ecol_next = calloc(n, sizeof *s->ecol_next);
    s->fcol = malloc((tw_field_count() + 1) * sizeof *s->fcol);
    if (!s->ecol || !s->ecol_buf || !s->ecol_next || !s->fcol) {
        snprintf(err, errlen, "out of memory");
        return false;
    }
    for (uint32_t f = 0; f <= tw_field_count(); f++) s->fcol[f] = -1;
    bool *bad_at = calloc(n, sizeof *bad_at);
    if (!bad_at) {
        snprintf(err, errlen, "out of memory");
        return false;
    }
    struct tw_buf bad;
    tw_buf_init(&bad, 1 << 16);
    for (uint32_t i = n; i-- > 0;) { /* backwards, so that each column list is in order */
        int id = tw_field_lookup(cfg->efields[i], strlen(cfg->efields[i]));
        tw_buf_init(&s->ecol_buf[i], 1 << 24);
        if (id < 0 && (id = col_lookup(cfg->efields[i])) <= COL_BASE) {
            s->ecol[i] = id;
            s->want_cols = true;
            continue;
        }
        s->ecol[i] = id;
        if (id < 0) {
            bad_at[i] = true;
        } else {
            for (uint16_t t = (uint16_t)id; t; t = tw_field(t)->next_same) s->want[t] = 1;
            s->ecol_next[i] = s->fcol[id];
            s->fcol[id] = (int32_t)i;
        }
    }
    for (uint32_t i = 0; i < n; i++) {
        if (!bad_at[i]) continue;
        tw_buf_adds(&bad, "\n");
        tw_buf_adds(&bad, cfg->efields[i]);
    }
    free(bad_at);
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
        for (int32_t i = s->fcol[tw_field(rec->field)->first]; i >= 0; i = s->ecol_next[i]) {
            struct tw_buf *cb = &s->ecol_buf[i];
            if (cfg->occurrence == 'f' && cnt[i]) continue;
            if (cfg->occurrence == 'l') cb->len = 0;
            else if (cnt[i]) tw_buf_addc(cb, cfg->aggregator);
            uint8_t t = tw_field(rec->field)->def->type;
            if (t == TW_FT_STRING || t == TW_FT_STRINGZ || t == TW_FT_UINT_STRING) {
                /* tshark escapes the characters that would break its lines and columns */
                size_t at = cb->len;
                tw_fmt_value(cb, rec);
                if (!cfg->bare_escape) escape_wsp(cb, at);
            } else {
                tw_fmt_value(cb, rec);
            }
            cnt[i]++;
        }
    }
    for (uint32_t i = 0; i < n; i++) {
        if (s->ecol[i] > COL_BASE) continue;
        col_text(s, &s->ecol_buf[i], p, COL_BASE - s->ecol[i]);
        cnt[i] = 1;
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
