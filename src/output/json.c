/* -T json (tshark's layout: _index/_type/_score/_source.layers, "<field>_tree" objects for
 * subtrees, duplicate keys kept) and -T ek (Elasticsearch bulk lines: fields flattened per
 * protocol as "<proto>_<field>"). */
#include "internal.h"

#include <stdio.h>
#include <time.h>

static void json_str(struct tw_buf *b, const char *s, size_t n)
{
    tw_buf_addc(b, '"');
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        switch (ch) {
        case '"': tw_buf_add(b, "\\\"", 2); break;
        case '\\': tw_buf_add(b, "\\\\", 2); break;
        case '\n': tw_buf_add(b, "\\n", 2); break;
        case '\r': tw_buf_add(b, "\\r", 2); break;
        case '\t': tw_buf_add(b, "\\t", 2); break;
        case '\b': tw_buf_add(b, "\\b", 2); break;
        case '\f': tw_buf_add(b, "\\f", 2); break;
        default:
            if (ch < 0x20) tw_buf_printf(b, "\\u%04x", ch);
            else tw_buf_addc(b, (char)ch);
        }
    }
    tw_buf_addc(b, '"');
}

/* value text for JSON: like -T fields, except that bytes are colon-separated */
static void json_value(struct tw_buf *tmp, const struct tw_rec *r)
{
    const struct tw_field_def *d = tw_field(r->field)->def;
    tmp->len = 0;
    if (d->type == TW_FT_BYTES || d->type == TW_FT_UINT_BYTES) {
        tw_buf_add_hexbytes(tmp, r->v.b.p, r->v.b.n, ':');
    } else if (d->type == TW_FT_NONE) {
        /* present, no value */
    } else if (d->type == TW_FT_PROTOCOL && !r->label) {
        tw_buf_adds(tmp, d->name); /* a bare protocol item (hidden _ws.malformed): its name */
    } else {
        tw_fmt_value(tmp, r);
    }
}

static void index_date(struct tw_buf *b, const struct tw_pkt *p)
{
    struct tm tm;
    time_t t = (time_t)p->frame->ts.sec;
    if (!localtime_r(&t, &tm)) memset(&tm, 0, sizeof tm);
    tw_buf_printf(b, "packets-%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

static void indent(struct tw_buf *b, int n) { tw_buf_add_pad(b, ' ', (size_t)n * 2); }

static void json_key(struct tw_sink *s, const struct tw_pkt *p, const struct tw_rec *r,
                     struct tw_buf *b)
{
    if (r->field == 0) {
        /* a text item is keyed by its text; tshark leaves out a generated item's brackets */
        struct tw_rec t = *r;
        t.flags &= (uint8_t)~TW_RF_GENERATED;
        s->tmp.len = 0;
        tw_fmt_label(&s->tmp, p, &t);
        json_str(b, s->tmp.p, s->tmp.len);
    } else {
        const char *a = tw_field(r->field)->def->abbrev;
        json_str(b, a, strlen(a));
    }
}

static void json_walk(struct tw_sink *s, const struct tw_pkt *p, int32_t i, int depth)
{
    struct tw_buf *b = &s->out->b;
    bool first = true;
    for (; i >= 0; i = s->next_sib[i]) {
        const struct tw_rec *r = &p->recs[i];
        const struct tw_field_def *d = r->field ? tw_field(r->field)->def : NULL;
        bool kids = s->first_child[i] >= 0;
        bool container = !d || d->type == TW_FT_PROTOCOL || d->type == TW_FT_NONE;
        if (!first) tw_buf_add(b, ",\n", 2);
        first = false;
        indent(b, depth);
        json_key(s, p, r, b);
        tw_buf_add(b, ": ", 2);
        if (container && kids) {
            tw_buf_add(b, "{\n", 2);
            json_walk(s, p, s->first_child[i], depth + 1);
            tw_buf_addc(b, '\n');
            indent(b, depth);
            tw_buf_addc(b, '}');
            continue;
        }
        if (!d) {
            tw_buf_add(b, "\"\"", 2);
        } else {
            json_value(&s->tmp, r);
            json_str(b, s->tmp.p, s->tmp.len);
        }
        if (kids) {
            tw_buf_add(b, ",\n", 2);
            indent(b, depth);
            tw_buf_addc(b, '"');
            tw_buf_adds(b, d->abbrev);
            tw_buf_add(b, "_tree\": {\n", 10);
            json_walk(s, p, s->first_child[i], depth + 1);
            tw_buf_addc(b, '\n');
            indent(b, depth);
            tw_buf_addc(b, '}');
        }
    }
}

static bool json_open(struct tw_sink *s, char *err, size_t errlen)
{
    (void)err, (void)errlen;
    s->want_all = true;
    if (s->ops == &tw_sink_json) tw_buf_add(&s->out->b, "[\n", 2);
    return true;
}

static void json_packet(struct tw_sink *s, const struct tw_pkt *p)
{
    int32_t root;
    if (!tw_tree_links(s, p, &root)) return;
    struct tw_buf *b = &s->out->b;
    if (s->count) tw_buf_add(b, ",\n", 2);
    tw_buf_add(b, "  {\n    \"_index\": \"", 19);
    index_date(b, p);
    tw_buf_adds(b, "\",\n    \"_type\": \"doc\",\n    \"_score\": null,\n    \"_source\": {\n"
                   "      \"layers\": {\n");
    json_walk(s, p, root, 4);
    tw_buf_adds(b, "\n      }\n    }\n  }");
}

static void json_close(struct tw_sink *s)
{
    struct tw_buf *b = &s->out->b;
    if (s->count) tw_buf_addc(b, '\n');
    tw_buf_add(b, "]\n", 2);
}

const struct tw_sink_ops tw_sink_json = {"json", json_open, json_packet, json_close};

/* ---- EK ---- */

static void ek_key(struct tw_buf *b, const char *proto, const char *abbrev)
{
    tw_buf_addc(b, '"');
    for (const char *q = proto; *q; q++) tw_buf_addc(b, *q == '.' ? '_' : *q);
    tw_buf_addc(b, '_');
    for (const char *q = abbrev; *q; q++) tw_buf_addc(b, *q == '.' ? '_' : *q);
    tw_buf_addc(b, '"');
}

static void ek_fields(struct tw_sink *s, const struct tw_pkt *p, int32_t i, const char *proto,
                      bool *first)
{
    struct tw_buf *b = &s->out->b;
    for (; i >= 0; i = s->next_sib[i]) {
        const struct tw_rec *r = &p->recs[i];
        if (r->field) {
            const struct tw_field_def *d = tw_field(r->field)->def;
            if (d->type != TW_FT_PROTOCOL) {
                if (!*first) tw_buf_addc(b, ',');
                *first = false;
                ek_key(b, proto, d->abbrev);
                tw_buf_addc(b, ':');
                if (d->type == TW_FT_BOOLEAN) {
                    tw_buf_adds(b, r->v.u ? "true" : "false");
                } else if (d->type == TW_FT_ABSOLUTE_TIME) {
                    struct tm tm;
                    time_t t = (time_t)r->v.t.sec;
                    if (!gmtime_r(&t, &tm)) memset(&tm, 0, sizeof tm);
                    tw_buf_printf(b, "\"%04d-%02d-%02dT%02d:%02d:%02d.%09dZ\"", tm.tm_year + 1900,
                                  tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                                  (int)r->v.t.nsec);
                } else {
                    json_value(&s->tmp, r);
                    json_str(b, s->tmp.p, s->tmp.len);
                }
            }
        }
        if (s->first_child[i] >= 0) ek_fields(s, p, s->first_child[i], proto, first);
    }
}

static void ek_packet(struct tw_sink *s, const struct tw_pkt *p)
{
    int32_t root;
    if (!tw_tree_links(s, p, &root)) return;
    struct tw_buf *b = &s->out->b;
    tw_buf_adds(b, "{\"index\":{\"_index\":\"");
    index_date(b, p);
    tw_buf_adds(b, "\",\"_type\":\"doc\"}}\n{\"timestamp\":\"");
    int64_t ms = p->frame->ts.sec * 1000 + p->frame->ts.nsec / 1000000;
    tw_buf_add_i64(b, ms);
    tw_buf_adds(b, "\",\"layers\":{");
    bool firstp = true;
    for (int32_t i = root; i >= 0; i = s->next_sib[i]) {
        const struct tw_rec *r = &p->recs[i];
        if (!r->field) continue;
        const struct tw_field_def *d = tw_field(r->field)->def;
        if (!firstp) tw_buf_addc(b, ',');
        firstp = false;
        tw_buf_addc(b, '"');
        for (const char *q = d->abbrev; *q; q++) tw_buf_addc(b, *q == '.' ? '_' : *q);
        tw_buf_add(b, "\":{", 3);
        bool first = true;
        ek_fields(s, p, s->first_child[i], d->abbrev, &first);
        tw_buf_addc(b, '}');
    }
    tw_buf_adds(b, "}}\n");
}

const struct tw_sink_ops tw_sink_ek = {"ek", json_open, ek_packet, NULL};
