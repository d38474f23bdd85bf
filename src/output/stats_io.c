/* -z io,stat,INTERVAL[,COLUMN...]: tshark's I/O statistics table. Each comma-separated column
 * is empty (frames and bytes of every packet), a display filter (frames and bytes of the packets
 * it matches), or FUNC(FIELD)[FILTER] with FUNC one of FRAMES, BYTES, COUNT, SUM, MIN, MAX, AVG,
 * LOAD, computed over the occurrences of FIELD in the packets FILTER matches. Rows are intervals
 * of INTERVAL seconds from the first frame (0: one row for the whole capture); times are kept in
 * microseconds as tshark does, and the table's widths, rounding and quirks ("Dur" in the last
 * row, the unrounded duration with whole-second intervals) follow tshark 4.0's text layout.
 *
 * A column keeps one item per interval up to the last packet it counted (at most MAX_ROWS; later
 * packets are not counted and the report says so). Packets earlier than the column's last
 * interval (time going backwards) are ignored, as tshark does. */
#include "stats.h"

#include "../filter/filter.h"

#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ROWS (1u << 22)
#define WHOLE_US ((uint64_t)INT64_MAX) /* interval "0": every packet in the one row */
#define NS_PER_S 1000000000ull

enum calc { C_FRAMES, C_BYTES, C_FB, C_COUNT, C_SUM, C_MIN, C_MAX, C_AVG, C_LOAD };
static const char *const calc_names[] = {"FRAMES", "BYTES", "FRAMES BYTES", "COUNT", "SUM",
                                         "MIN",    "MAX",   "AVG",          "LOAD"};

struct item {
    uint32_t frames, num;
    uint64_t counter;
    float fcounter;
    double dcounter;
};

struct col {
    char *text; /* as given (NULL: frames and bytes of everything) */
    enum calc calc;
    int field;   /* field id for COUNT..LOAD, -1 otherwise */
    bool primed; /* a filter of the report reads the field (else tshark's tree lacks it) */
    uint8_t ft;  /* its type */
    struct tw_filter *filter;
    struct item *it;
    uint32_t n, cap; /* items 0..n-1 (interval index) */
    uint64_t max_val;
    uint32_t max_frame;
};

struct io {
    uint64_t interval; /* us; WHOLE_US for the whole capture */
    int invl_prec;
    struct col *cols;
    uint32_t ncols;
    struct tw_time elapsed; /* the latest relative time seen */
    uint64_t dropped;
};

static bool is_int(uint8_t ft)
{
    return ft >= TW_FT_UINT8 && ft <= TW_FT_INT64;
}
static bool is_signed(uint8_t ft)
{
    return ft >= TW_FT_INT8 && ft <= TW_FT_INT64;
}

static struct item *item_at(struct io *s, struct col *c, uint64_t idx)
{
    if (idx >= MAX_ROWS) return NULL;
    if (idx >= c->cap) {
        uint32_t nc = c->cap ? c->cap : 64;
        while (nc <= idx) nc *= 2;
        struct item *ni = realloc(c->it, (size_t)nc * sizeof *ni);
        if (!ni) return NULL;
        c->it = ni;
        c->cap = nc;
    }
    while (c->n <= idx) memset(&c->it[c->n++], 0, sizeof *c->it);
    (void)s;
    return &c->it[idx];
}

/* the value of occurrence r as tshark's counters take it */
static uint64_t rec_u(const struct col *c, const struct tw_rec *r)
{
    if (c->ft == TW_FT_RELATIVE_TIME)
        return (uint64_t)(r->v.t.sec * (int64_t)NS_PER_S + r->v.t.nsec);
    if (is_signed(c->ft)) return (uint64_t)r->v.i;
    return r->v.u;
}

static bool field_match(const struct col *c, uint16_t f)
{
    for (uint16_t id = (uint16_t)c->field; id; id = tw_field(id)->next_same)
        if (id == f) return true;
    return false;
}

static void col_packet(struct io *s, struct col *c, const struct tw_pkt *p, uint64_t rel_us)
{
    if (c->filter && !tw_filter_run(c->filter, p)) return;
    /* frames in the past (before the column's last interval) are ignored */
    if (c->n && rel_us < (uint64_t)(c->n - 1) * s->interval) return;
    struct item *it = item_at(s, c, rel_us / s->interval);
    if (!it) {
        s->dropped++;
        return;
    }
    it->frames++;
    bool first = true;
    switch (c->calc) {
    case C_FRAMES:
    case C_BYTES:
    case C_FB:
        it->counter += p->frame->wirelen;
        break;
    default:
        for (uint32_t i = 0; c->primed && i < p->nrecs; i++) {
            const struct tw_rec *r = &p->recs[i];
            if (!field_match(c, r->field)) continue;
            uint64_t v = rec_u(c, r);
            switch (c->calc) {
            case C_COUNT:
                it->counter++;
                break;
            case C_SUM:
            case C_AVG:
                if (c->calc == C_AVG) it->num++;
                if (c->ft == TW_FT_FLOAT)
                    it->fcounter += (float)r->v.d;
                else if (c->ft == TW_FT_DOUBLE)
                    it->dcounter += r->v.d;
                else
                    it->counter += v;
                break;
            case C_MIN: {
                bool init = it->frames == 1 && first;
                if (c->ft == TW_FT_FLOAT) {
                    if (init || (float)r->v.d < it->fcounter) it->fcounter = (float)r->v.d;
                } else if (c->ft == TW_FT_DOUBLE) {
                    if (init || r->v.d < it->dcounter) it->dcounter = r->v.d;
                } else if (is_signed(c->ft)) {
                    if (init || (int64_t)v < (int64_t)it->counter) it->counter = v;
                } else if (init || v < it->counter) {
                    it->counter = v;
                }
                break;
            }
            case C_MAX:
                if (c->ft == TW_FT_FLOAT) {
                    if ((float)r->v.d > it->fcounter) it->fcounter = (float)r->v.d;
                } else if (c->ft == TW_FT_DOUBLE) {
                    if (r->v.d > it->dcounter) it->dcounter = r->v.d;
                } else if (is_signed(c->ft)) {
                    if ((int64_t)v > (int64_t)it->counter) it->counter = v;
                } else if (v > it->counter) {
                    it->counter = v;
                }
                break;
            case C_LOAD: {
                /* the time spreads back over the intervals before this one */
                uint64_t us = (uint64_t)(r->v.t.sec * 1000000 + r->v.t.nsec / 1000);
                uint64_t tival = us % s->interval;
                it->counter += tival;
                us -= tival;
                /* tshark walks back through the previous items; the first item's previous
                 * is the column's latest one */
                uint64_t idx = rel_us / s->interval;
                while (us > 0) {
                    idx = idx ? idx - 1 : c->n - 1;
                    uint64_t add = us < s->interval ? us : s->interval;
                    c->it[idx].counter += add;
                    us -= add;
                }
                break;
            }
            default:
                break;
            }
            first = false;
        }
        break;
    }
    /* the widest value so far sets the column's width */
    switch (c->calc) {
    case C_FRAMES:
    case C_FB:
        if (it->frames > c->max_frame) c->max_frame = it->frames;
        /* fall through */
    case C_BYTES:
    case C_COUNT:
    case C_LOAD:
        if (it->counter > c->max_val) c->max_val = it->counter;
        break;
    case C_SUM:
    case C_MIN:
    case C_MAX: {
        uint64_t m = c->ft == TW_FT_FLOAT    ? (uint64_t)(it->fcounter + 0.5)
                     : c->ft == TW_FT_DOUBLE ? (uint64_t)(it->dcounter + 0.5)
                                             : it->counter;
        if (m > c->max_val) c->max_val = m;
        break;
    }
    case C_AVG: {
        if (!it->num) break;
        uint64_t m = c->ft == TW_FT_FLOAT    ? (uint64_t)it->fcounter / it->num
                     : c->ft == TW_FT_DOUBLE ? (uint64_t)it->dcounter / it->num
                     : c->ft == TW_FT_RELATIVE_TIME
                         ? ((it->counter / it->num) + 500000000) / NS_PER_S
                         : it->counter / it->num;
        if (m > c->max_val) c->max_val = m;
        break;
    }
    }
}

static void io_packet(void *st, const struct tw_pkt *p, bool displayed)
{
    (void)displayed;
    struct io *s = st;
    if (tw_time_cmp(p->rel, s->elapsed) > 0) s->elapsed = p->rel;
    if (p->rel.sec < 0 || p->rel.nsec < 0) return; /* before the first frame */
    if (p->taps_lost) return;                      /* tshark's frame tap did not see it */
    uint64_t rel_us = (uint64_t)p->rel.sec * 1000000 + ((uint64_t)p->rel.nsec + 500) / 1000;
    for (uint32_t i = 0; i < s->ncols; i++) col_packet(s, &s->cols[i], p, rel_us);
}

static int magnitude(uint64_t v, int max_w)
{
    int mag = 0;
    for (int i = 0; i < max_w; i++) {
        mag++;
        if ((v /= 10) == 0) break;
    }
    return mag;
}

static void spaces(struct tw_buf *b, int n)
{
    if (n > 0) tw_buf_add_pad(b, ' ', (size_t)n);
}

/* the label centred in a column of lenval characters, as tshark does (or does not) */
static void printcenter(struct tw_buf *b, const char *label, int lenval, int numpad)
{
    int lenlab = (int)strlen(label);
    int len = 6 - (((lenval - lenlab) / 2) + numpad);
    if (len > 0 && len < 6) {
        int n = 6 - len;
        if ((lenval - lenlab) % 2 == 0) {
            spaces(b, n);
            tw_buf_adds(b, label);
            spaces(b, n);
        } else {
            spaces(b, n + 1);
            tw_buf_adds(b, label);
            spaces(b, n);
        }
        tw_buf_addc(b, '|');
    } else if (len > 0 && len <= 15) {
        tw_buf_printf(b, "%s|", label);
    }
}

struct width {
    int fr, val;
};

static void print_cell(struct tw_buf *b, const struct io *s, const struct col *c,
                       const struct width *w, const struct item *it, bool last_row,
                       uint64_t interval, uint64_t row_len)
{
    static const struct item zero;
    if (!it) it = &zero;
    switch (c->calc) {
    case C_FRAMES:
        tw_buf_printf(b, " %*" PRIu32 " |", w->fr, it->frames);
        return;
    case C_FB:
        tw_buf_printf(b, " %*" PRIu32 " | %*" PRIu64 " |", w->fr, it->frames, w->val, it->counter);
        return;
    case C_BYTES:
    case C_COUNT:
        tw_buf_printf(b, " %*" PRIu64 " |", w->val, it->counter);
        return;
    default:
        break;
    }
    int mag = c->ft == TW_FT_FLOAT || c->ft == TW_FT_DOUBLE || c->ft == TW_FT_RELATIVE_TIME
                  ? w->val - 7
                  : w->val;
    uint32_t num = it->num ? it->num : 1;
    if (c->calc == C_LOAD) {
        uint64_t d = last_row ? row_len : interval;
        if (!d) d = 1;
        tw_buf_printf(b, " %*d.%06d |", mag, (int)(it->counter / d),
                      (int)((it->counter % d) * 1000000 / d));
        return;
    }
    bool avg = c->calc == C_AVG;
    if (c->ft == TW_FT_FLOAT) {
        tw_buf_printf(b, " %*.6f |", mag, (double)(avg ? it->fcounter / (float)num : it->fcounter));
    } else if (c->ft == TW_FT_DOUBLE) {
        tw_buf_printf(b, " %*.6f |", mag, avg ? it->dcounter / num : it->dcounter);
    } else if (c->ft == TW_FT_RELATIVE_TIME) {
        uint64_t us = ((avg ? it->counter / num : it->counter) + 500) / 1000;
        tw_buf_printf(b, " %*d.%06d |", mag, (int)(us / 1000000), (int)(us % 1000000));
    } else if (is_signed(c->ft)) {
        uint64_t v = avg ? it->counter / num : it->counter;
        tw_buf_printf(b, " %*" PRId64 " |", mag, (int64_t)v);
    } else {
        tw_buf_printf(b, " %*" PRIu64 " |", mag, avg ? it->counter / num : it->counter);
    }
    (void)s;
}

static void io_finish(void *st, struct tw_out *out)
{
    struct io *s = st;
    struct tw_buf *b = &out->b;
    uint64_t duration =
        (uint64_t)s->elapsed.sec * 1000000 + ((uint64_t)s->elapsed.nsec + 500) / 1000;
    uint64_t interval;
    bool whole = s->interval > duration || s->interval == WHOLE_US;
    interval = whole ? duration : s->interval;

    int dur_secs = (int)(duration / 1000000);
    int dur_usecs = (int)(duration % 1000000);
    int dur_mag = magnitude((uint64_t)dur_secs, 5);
    int invl_mag = magnitude(interval / 1000000, 5);
    int invl_prec, borderlen;
    if (whole) {
        invl_prec = dur_mag >= 2 ? 1 : dur_mag == 1 ? 3 : 6;
        borderlen = 30 + dur_mag + (invl_prec == 0 ? 0 : invl_prec + 1);
    } else {
        invl_prec = s->invl_prec;
        borderlen = 24 + invl_mag + (invl_prec == 0 ? 0 : invl_prec + 1);
    }
    /* the duration rounded to the precision shown (not with whole seconds) */
    uint64_t dv = 1000000;
    for (int i = 0; i < invl_prec; i++) dv /= 10;
    if (invl_prec > 0) {
        if (duration % dv > dv / 2) duration = (duration + dv / 2) / dv * dv;
        if (whole) interval = duration;
        dur_secs = (int)(duration / 1000000);
        dur_mag = magnitude((uint64_t)dur_secs, 5);
    }
    int invl_col_w = invl_prec == 0 ? 2 * dur_mag + 8 : 2 * dur_mag + 2 * invl_prec + 10;
    if (invl_col_w < 12) invl_col_w = 12;
    if (borderlen < invl_col_w) borderlen = invl_col_w;

    struct width *w = calloc(s->ncols ? s->ncols : 1, sizeof *w);
    if (!w) return;
    int tabrow_w = invl_col_w;
    for (uint32_t j = 0; j < s->ncols; j++) {
        struct col *c = &s->cols[j];
        int namelen = c->calc == C_FB ? 5 : (int)strlen(calc_names[c->calc]);
        if (c->calc == C_FRAMES || c->calc == C_FB) {
            w[j].fr = magnitude(c->max_frame, 15);
            if (w[j].fr < 6) w[j].fr = 6;
            tabrow_w += w[j].fr + 3;
            if (c->calc == C_FB) {
                w[j].val = magnitude(c->max_val, 15);
                if (w[j].val < 5) w[j].val = 5;
                tabrow_w += w[j].val + 3;
            }
            continue;
        }
        if (c->calc == C_BYTES || c->calc == C_COUNT) {
            w[j].val = magnitude(c->max_val, 15);
            if (w[j].val < 5) w[j].val = 5;
        } else if (c->ft == TW_FT_FLOAT || c->ft == TW_FT_DOUBLE) {
            w[j].val = magnitude(c->max_val, 15) + 7;
        } else if (c->ft == TW_FT_RELATIVE_TIME) {
            uint64_t m = c->max_val;
            if (c->calc == C_LOAD)
                m /= interval ? interval : 1;
            else if (c->calc != C_AVG)
                m = (m + 500000000) / NS_PER_S;
            w[j].val = magnitude(m, 15) + 7;
        } else {
            w[j].val = magnitude(c->max_val, 15);
            if (w[j].val < namelen) w[j].val = namelen;
        }
        tabrow_w += w[j].val + 3;
    }
    if (borderlen < tabrow_w) borderlen = tabrow_w;

    int maxfltr_w = 0;
    for (uint32_t j = 0; j < s->ncols; j++) {
        int k = s->cols[j].text ? (int)strlen(s->cols[j].text) + 11 : 26;
        if (k > maxfltr_w) maxfltr_w = k;
    }
    if (maxfltr_w > borderlen && borderlen < 102) borderlen = maxfltr_w < 102 ? maxfltr_w : 102;
    if (borderlen - tabrow_w == 1) borderlen++;

    tw_buf_addc(b, '\n');
    tw_buf_add_pad(b, '=', (size_t)borderlen);
    tw_buf_adds(b, "\n| IO Statistics");
    spaces(b, borderlen - 16);
    tw_buf_adds(b, "|\n|");
    spaces(b, borderlen - 2);
    tw_buf_adds(b, "|\n");
    if (invl_prec == 0) {
        tw_buf_printf(b, "| Duration: %*d.%6d secs", dur_mag, dur_secs, dur_usecs);
        spaces(b, borderlen - (25 + dur_mag));
        tw_buf_printf(b, "|\n| Interval: %*u secs", dur_mag, (unsigned)(interval / 1000000));
        spaces(b, borderlen - (18 + dur_mag));
    } else {
        tw_buf_printf(b, "| Duration: %*d.%0*u secs", dur_mag, dur_secs, invl_prec,
                      (unsigned)((duration % 1000000) / dv));
        spaces(b, borderlen - (19 + dur_mag + invl_prec));
        tw_buf_printf(b, "|\n| Interval: %*u.%0*u secs", dur_mag, (unsigned)(interval / 1000000),
                      invl_prec, (unsigned)((interval % 1000000) / dv));
        spaces(b, borderlen - (19 + dur_mag + invl_prec));
    }
    tw_buf_adds(b, "|\n|");
    spaces(b, borderlen - 2);
    tw_buf_adds(b, "|\n| Col");
    for (uint32_t j = 0; j < s->ncols; j++) {
        tw_buf_printf(b, j == 0 ? "%2u: " : "|    %2u: ", j + 1);
        const char *f = s->cols[j].text;
        if (!f) {
            tw_buf_adds(b, "Frames and bytes");
            spaces(b, borderlen - 26);
            tw_buf_adds(b, "|\n");
            continue;
        }
        int len_filt = (int)strlen(f);
        if (len_filt + 11 <= borderlen) {
            tw_buf_adds(b, f);
            spaces(b, borderlen - (len_filt + 10));
            tw_buf_adds(b, "|\n");
            continue;
        }
        /* wrapped at the last space that fits (or hard) */
        int max_w = borderlen - 11;
        for (;;) {
            if (len_filt > max_w) {
                int len = max_w, next = max_w;
                for (int k = max_w - 1; k >= 0; k--)
                    if (f[k] == ' ') {
                        len = k;
                        next = k + 1;
                        break;
                    }
                tw_buf_add(b, f, (size_t)len);
                spaces(b, borderlen - (len + 10));
                tw_buf_adds(b, "|\n|        ");
                f += next;
                len_filt = (int)strlen(f);
            } else {
                tw_buf_adds(b, f);
                spaces(b, borderlen - (len_filt + 10));
                tw_buf_adds(b, "|\n");
                break;
            }
        }
    }
    tw_buf_adds(b, "|-");
    tw_buf_add_pad(b, '-', (size_t)(borderlen - 3));
    tw_buf_adds(b, "|\n|");
    spaces(b, invl_col_w - 2);
    tw_buf_addc(b, '|');
    for (uint32_t j = 0; j < s->ncols; j++) {
        const struct col *c = &s->cols[j];
        int n = c->calc == C_FB ? w[j].fr + w[j].val + 3 : c->calc == C_FRAMES ? w[j].fr : w[j].val;
        tw_buf_printf(b, "%-2u", j + 1);
        spaces(b, n);
        tw_buf_addc(b, '|');
    }
    bool filler = tabrow_w < borderlen;
    if (filler) {
        spaces(b, borderlen - tabrow_w - 1);
        tw_buf_addc(b, '|');
    }
    tw_buf_adds(b, "\n| Interval");
    spaces(b, invl_col_w - 11);
    tw_buf_addc(b, '|');
    for (uint32_t j = 0; j < s->ncols; j++) {
        const struct col *c = &s->cols[j];
        if (c->calc == C_FRAMES) {
            printcenter(b, "FRAMES", w[j].fr, 1);
        } else if (c->calc == C_FB) {
            printcenter(b, "Frames", w[j].fr, 1);
            printcenter(b, "Bytes", w[j].val, 1);
        } else {
            printcenter(b, calc_names[c->calc], w[j].val, 1);
        }
    }
    if (filler) {
        spaces(b, borderlen - tabrow_w - 1);
        tw_buf_addc(b, '|');
    }
    tw_buf_adds(b, "\n|-");
    tw_buf_add_pad(b, '-', (size_t)(tabrow_w - 3));
    tw_buf_addc(b, '|');
    if (filler) {
        spaces(b, borderlen - tabrow_w - 1);
        tw_buf_addc(b, '|');
    }
    tw_buf_addc(b, '\n');
    tw_out_flush(out);

    uint64_t num_rows = interval ? duration / interval + (duration % interval > 0 ? 1 : 0) : 0;
    if (num_rows > MAX_ROWS) num_rows = MAX_ROWS;
    uint64_t t = 0;
    for (uint64_t i = 0; i < num_rows; i++) {
        bool last = i == num_rows - 1;
        uint64_t invl_end = last ? duration : t + interval;
        if (invl_prec == 0) {
            if (last) {
                int maxw = dur_mag >= 3 ? dur_mag + 1 : 3;
                tw_buf_printf(b, "%s%*u <> %-*s|", dur_mag == 1 ? "|  " : "| ", dur_mag,
                              (unsigned)(t / 1000000), maxw, "Dur");
            } else if (dur_mag == 1) {
                tw_buf_printf(b, "|  %*u <> %*u  |", dur_mag, (unsigned)(t / 1000000), dur_mag,
                              (unsigned)(invl_end / 1000000));
            } else {
                tw_buf_printf(b, "| %*u <> %*u |", dur_mag, (unsigned)(t / 1000000), dur_mag,
                              (unsigned)(invl_end / 1000000));
            }
        } else {
            tw_buf_printf(b, "| %*u.%0*u <> %*u.%0*u |", dur_mag, (unsigned)(t / 1000000),
                          invl_prec, (unsigned)((t % 1000000) / dv), dur_mag,
                          (unsigned)(invl_end / 1000000), invl_prec,
                          (unsigned)((invl_end % 1000000) / dv));
        }
        for (uint32_t j = 0; j < s->ncols; j++) {
            const struct col *c = &s->cols[j];
            /* with "0" (the whole capture) every packet counted in the first item */
            const struct item *it = i < c->n ? &c->it[i] : NULL;
            print_cell(b, s, c, &w[j], it, last, interval, invl_end - t);
        }
        if (filler) {
            spaces(b, borderlen - tabrow_w - 1);
            tw_buf_addc(b, '|');
        }
        tw_buf_addc(b, '\n');
        t += interval;
        if ((i & 1023) == 0) tw_out_flush(out);
    }
    tw_buf_add_pad(b, '=', (size_t)borderlen);
    tw_buf_addc(b, '\n');
    tw_out_flush(out);
    free(w);
    if (s->dropped)
        tw_log(TW_LOG_WARN, "-z io,stat: more than %u intervals; %" PRIu64 " packets not counted",
               MAX_ROWS, s->dropped);
}

static char *strip(char *x)
{
    while (*x && isspace((unsigned char)*x)) x++;
    size_t n = strlen(x);
    while (n && isspace((unsigned char)x[n - 1])) x[--n] = 0;
    return x;
}

/* one column: "" (everything), FILTER, or FUNC(FIELD)FILTER */
static bool parse_col(struct col *c, const char *text, struct tw_zneeds *need, char *err,
                      size_t errlen)
{
    c->calc = C_FB;
    c->field = -1;
    if (!*text) return true;
    c->text = strdup(text);
    if (!c->text) {
        snprintf(err, errlen, "out of memory");
        return false;
    }
    const char *flt = text;
    for (int j = 0; j < (int)TW_ARRAY_LEN(calc_names); j++) {
        if (j == C_FB) continue;
        size_t nl = strlen(calc_names[j]);
        if (strncmp(text, calc_names[j], nl) != 0 || text[nl] != '(') continue;
        c->calc = (enum calc)j;
        const char *fp = text + nl + 1, *close = strchr(fp, ')');
        if (!close) {
            snprintf(err, errlen, "Closing parenthesis missing from calculated expression.");
            return false;
        }
        flt = close + 1;
        if (j == C_FRAMES || j == C_BYTES) {
            if (close != fp) {
                snprintf(err, errlen,
                         "%s does not require or allow a field name within the parens.",
                         calc_names[j]);
                return false;
            }
            break;
        }
        if (close == fp) {
            snprintf(err, errlen, "You didn't specify a field name for %s(*).", calc_names[j]);
            return false;
        }
        int id = tw_field_lookup(fp, (size_t)(close - fp));
        if (id < 0) {
            snprintf(err, errlen, "There is no field named '%.*s'.", (int)(close - fp), fp);
            return false;
        }
        c->field = id;
        c->ft = tw_field((uint16_t)id)->def->type;
        bool ok = is_int(c->ft) || (c->ft == TW_FT_FLOAT || c->ft == TW_FT_DOUBLE ? j != C_LOAD
                                    : c->ft == TW_FT_RELATIVE_TIME                ? true
                                                                                  : j == C_COUNT);
        if (c->calc == C_LOAD && c->ft != TW_FT_RELATIVE_TIME) ok = false;
        if (!ok) {
            snprintf(err, errlen, "%.*s: %s(*) calculations are not supported on this field type",
                     (int)(close - fp), fp, calc_names[j]);
            return false;
        }
        for (uint16_t f = (uint16_t)id; f; f = tw_field(f)->next_same) need->want[f] = 1;
        break;
    }
    while (*flt == ' ') flt++;
    if (*flt) {
        c->filter = tw_stats_filter(flt, need, err, errlen);
        if (!c->filter) return false;
    }
    return true;
}

static void io_close(void *st)
{
    struct io *s = st;
    if (!s) return;
    for (uint32_t i = 0; i < s->ncols; i++) {
        tw_stats_filter_free(s->cols[i].filter);
        free(s->cols[i].text);
        free(s->cols[i].it);
    }
    free(s->cols);
    free(s);
}

static void *io_open(const char *arg, struct tw_zneeds *need, char *err, size_t errlen)
{
    static const char usage[] =
        "invalid \"-z io,stat,<interval>[,<filter>][,<filter>]...\" argument";
    double secs;
    int idx = 0;
    size_t al = strlen(arg);
    if (al == 0 || arg[al - 1] == ',' || sscanf(arg, "io,stat,%lf%n", &secs, &idx) != 1 ||
        idx < 8 || secs < 0) {
        snprintf(err, errlen, "%s", usage);
        return NULL;
    }
    const char *cols = arg + idx;
    if (*cols && *cols != ',') {
        snprintf(err, errlen, "%s", usage);
        return NULL;
    }
    struct io *s = calloc(1, sizeof *s);
    if (!s) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    if (secs == 0) {
        s->interval = WHOLE_US;
        s->invl_prec = 0;
    } else {
        s->interval = (uint64_t)(secs * 1000000.0 + 0.5);
        s->invl_prec = 6;
        for (uint64_t i = 10; i < 10000000; i *= 10) {
            if (s->interval % i > 0) break;
            s->invl_prec--;
        }
    }
    if (s->interval < 1) {
        snprintf(
            err, errlen,
            "\"-z\" interval must be >=0.000001 seconds or \"0\" for the entire capture duration.");
        free(s);
        return NULL;
    }
    uint32_t n = 1;
    if (*cols)
        for (const char *x = cols + 1; *x; x++) n += *x == ',';
    s->cols = calloc(n, sizeof *s->cols);
    if (!s->cols) {
        free(s);
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    s->ncols = n;
    const char *x = *cols ? cols + 1 : cols;
    for (uint32_t i = 0; i < n; i++) {
        const char *e = strchr(x, ',');
        size_t len = e ? (size_t)(e - x) : strlen(x);
        char *part = strndup(x, len);
        bool ok = part && parse_col(&s->cols[i], strip(part), need, err, errlen);
        if (!part) snprintf(err, errlen, "out of memory");
        free(part);
        if (!ok) {
            io_close(s);
            return NULL;
        }
        x = e ? e + 1 : x + len;
    }
    /* tshark finds a field's values only when some filter references the field ("primes" it):
     * with FUNC(FIELD)FILTER, a FILTER that does not name FIELD leaves the column at zero */
    uint8_t *refs = calloc(tw_field_count() + 1, 1);
    if (!refs) {
        io_close(s);
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    for (uint32_t i = 0; i < n; i++)
        if (s->cols[i].filter) tw_filter_wants(s->cols[i].filter, refs);
    for (uint32_t i = 0; i < n; i++)
        for (int f = s->cols[i].field; f > 0; f = tw_field((uint16_t)f)->next_same)
            if (refs[f]) s->cols[i].primed = true;
    free(refs);
    return s;
}

const struct tw_zstat_ops tw_zstat_io = {
    .name = "io,stat",
    .usage = "io,stat,INTERVAL[,FILTER|FUNC(FIELD)FILTER]... (FUNC: FRAMES BYTES COUNT SUM MIN "
             "MAX AVG LOAD)",
    .open = io_open,
    .packet = io_packet,
    .finish = io_finish,
    .close = io_close,
};
