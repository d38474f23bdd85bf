/* -z expert[,error|warn|note|chat|comment][,FILTER]: the expert infos of the run, counted per
 * severity and (protocol, summary), in tshark 4.0's layout:
 *
 *   Errors (N)
 *   =============
 *      Frequency      Group           Protocol  Summary
 *              3   Checksum                TCP  Bad checksum [should be 0x1234]
 *
 * Entries keep the order in which they were first seen; a level argument shows that severity
 * and the ones above it. Distinct (protocol, summary) pairs are capped per severity
 * (MAX_ENTRIES): past the cap a new pair is counted in the severity's total and in a last
 * "(other summaries)" line, so no event goes uncounted. */
#include "output.h"

#include "../filter/filter.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_ENTRIES 65536u
#define NLEVELS     5 /* comment, chat, note, warn, error */

struct entry {
    uint32_t group;
    uint64_t freq;
    uint64_t hash;
    const char *proto; /* protocol short names live as long as the registry */
    char *summary;
};

struct level {
    struct entry *v;
    uint32_t n, cap;
    uint32_t *slots; /* open addressing over v (index + 1), size nslots */
    uint32_t nslots;
    uint64_t overflow; /* events whose pair did not fit under MAX_ENTRIES */
};

struct expert_stat {
    struct level lv[NLEVELS];
    int lowest; /* lowest level shown */
    struct tw_filter *filter;
    int msg_field;
};

static int level_of(uint32_t sev)
{
    switch (sev) {
    case TW_SEV_COMMENT:
        return 0;
    case TW_SEV_CHAT:
        return 1;
    case TW_SEV_NOTE:
        return 2;
    case TW_SEV_WARN:
        return 3;
    default:
        return 4;
    }
}

static uint64_t fnv(const char *a, const char *b)
{
    uint64_t h = 1469598103934665603ull;
    for (const char *s = a; *s; s++) h = (h ^ (uint8_t)*s) * 1099511628211ull;
    h = (h ^ 0xff) * 1099511628211ull;
    for (const char *s = b; *s; s++) h = (h ^ (uint8_t)*s) * 1099511628211ull;
    return h;
}

static bool grow(struct level *l)
{
    if (l->n < l->cap && (uint64_t)(l->n + 1) * 2 <= l->nslots) return true;
    if (l->n >= l->cap) {
        uint32_t nc = l->cap ? l->cap * 2 : 64;
        struct entry *nv = realloc(l->v, (size_t)nc * sizeof *nv);
        if (!nv) return false;
        l->v = nv;
        l->cap = nc;
    }
    if ((uint64_t)(l->n + 1) * 2 > l->nslots) {
        uint32_t ns = l->nslots ? l->nslots * 2 : 128;
        uint32_t *s = calloc(ns, sizeof *s);
        if (!s) return false;
        for (uint32_t i = 0; i < l->n; i++) {
            uint32_t j = (uint32_t)l->v[i].hash & (ns - 1);
            while (s[j]) j = (j + 1) & (ns - 1);
            s[j] = i + 1;
        }
        free(l->slots);
        l->slots = s;
        l->nslots = ns;
    }
    return true;
}

static void count(struct level *l, uint32_t group, const char *proto, const char *summary)
{
    uint64_t h = fnv(proto, summary);
    if (l->nslots) {
        for (uint32_t j = (uint32_t)h & (l->nslots - 1); l->slots[j];
             j = (j + 1) & (l->nslots - 1)) {
            struct entry *e = &l->v[l->slots[j] - 1];
            /* tshark matches on protocol and summary (the group of the first one stays) */
            if (e->hash == h && strcmp(e->proto, proto) == 0 && strcmp(e->summary, summary) == 0) {
                e->freq++;
                return;
            }
        }
    }
    char *s;
    if (l->n >= MAX_ENTRIES || !grow(l) || !(s = strdup(summary))) {
        l->overflow++;
        return;
    }
    struct entry *e = &l->v[l->n];
    *e = (struct entry){group, 1, h, proto, s};
    uint32_t j = (uint32_t)h & (l->nslots - 1);
    while (l->slots[j]) j = (j + 1) & (l->nslots - 1);
    l->slots[j] = ++l->n;
}

static void *expert_open(const char *arg, struct tw_zneeds *need, char *err, size_t errlen)
{
    struct expert_stat *st = calloc(1, sizeof *st);
    if (!st) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    const char *a = arg + strlen("expert");
    static const struct {
        const char *name;
        int level;
    } levels[] = {{",error", 4}, {",warn", 3}, {",note", 2}, {",chat", 1}, {",comment", 0}};
    for (size_t i = 0; i < TW_ARRAY_LEN(levels); i++) {
        size_t n = strlen(levels[i].name);
        if (strncasecmp(a, levels[i].name, n) == 0) {
            st->lowest = levels[i].level;
            a += n;
            break;
        }
    }
    if (a[0] == ',') {
        char ferr[1024];
        st->filter = tw_filter_compile(a + 1, ferr, sizeof ferr);
        if (!st->filter) {
            snprintf(err, errlen, "-z expert: %s", ferr);
            free(st);
            return NULL;
        }
        tw_filter_wants(st->filter, need->want);
        need->tree = true; /* tshark builds a tree for a tap with a filter */
    } else if (a[0]) {
        snprintf(err, errlen,
                 "invalid -z argument \"%s\" (expert[,error|warn|note|chat|comment][,FILTER])",
                 arg);
        free(st);
        return NULL;
    }
    /* the message of each expert: the named expert record is added whenever one is */
    st->msg_field = tw_field_lookup("_ws.expert.message", strlen("_ws.expert.message"));
    if (st->msg_field > 0) need->want[st->msg_field] = 1;
    /* every expert item: their protocols then count as shown, which turns on the state some
     * experts come from (TCP's sequence analysis, as tshark always runs it) */
    for (uint32_t i = 1; i < tw_field_count(); i++)
        if (tw_field((uint16_t)i)->expert) need->want[i] = 1;
    return st;
}

static void expert_packet(void *vst, const struct tw_pkt *p, bool displayed)
{
    (void)displayed;
    struct expert_stat *st = vst;
    if (!p->expert_any) return;
    if (st->filter && !tw_filter_run(st->filter, p)) return;
    for (uint32_t i = 0; i < p->nrecs; i++) {
        const struct tw_rec *r = &p->recs[i];
        const struct tw_field_info *fi = tw_field(r->field);
        const struct tw_expert_def *xd = fi->expert;
        if (!xd) continue;
        if (r->v.u >> 32) continue; /* inside an ICMP error: tshark's taps do not see it */
        int lv = level_of(xd->sev);
        if (lv < st->lowest) continue;
        const char *msg = xd->summary;
        char tmp[1024];
        if (i + 1 < p->nrecs && (int)p->recs[i + 1].field == st->msg_field) {
            const struct tw_rec *m = &p->recs[i + 1];
            size_t n = TW_MIN((size_t)m->v.b.n, sizeof tmp - 1);
            memcpy(tmp, m->v.b.p, n);
            tmp[n] = 0;
            msg = tmp;
        }
        /* the protocol that was running when the expert was added (packet.c keeps it) */
        uint32_t pr32 = (uint32_t)r->v.u;
        uint16_t pr = pr32 < tw_proto_count() ? (uint16_t)pr32 : fi->proto;
        const char *proto = tw_proto_get(pr)->short_name;
        count(&st->lv[lv], xd->grp, proto, msg ? msg : "");
    }
}

static void expert_finish(void *vst, struct tw_out *out)
{
    struct expert_stat *st = vst;
    static const char *const names[NLEVELS] = {"Comments", "Chats", "Notes", "Warns", "Errors"};
    struct tw_buf *b = &out->b;
    for (int lv = NLEVELS - 1; lv >= 0; lv--) {
        const struct level *l = &st->lv[lv];
        if (l->n == 0 && l->overflow == 0) continue;
        uint64_t total = l->overflow;
        for (uint32_t i = 0; i < l->n; i++) total += l->v[i].freq;
        tw_buf_printf(b, "\n%s (%llu)\n=============\n", names[lv], (unsigned long long)total);
        tw_buf_printf(b, "   Frequency      Group           Protocol  Summary\n");
        for (uint32_t i = 0; i < l->n; i++) {
            const struct entry *e = &l->v[i];
            const char *g = tw_vs_find(tw_expert_grp_vals, e->group);
            char unk[32];
            if (!g) {
                snprintf(unk, sizeof unk, "Unknown (%u)", e->group);
                g = unk;
            }
            tw_buf_printf(b, "%12llu %10s %18s  %s\n", (unsigned long long)e->freq, g, e->proto,
                          e->summary);
            tw_out_maybe_flush(out);
        }
        if (l->overflow)
            tw_buf_printf(b, "%12llu %10s %18s  %s\n", (unsigned long long)l->overflow, "-", "-",
                          "(other summaries: more than 65536 distinct ones)");
    }
    tw_out_flush(out);
}

static void expert_close(void *vst)
{
    struct expert_stat *st = vst;
    for (int lv = 0; lv < NLEVELS; lv++) {
        for (uint32_t i = 0; i < st->lv[lv].n; i++) free(st->lv[lv].v[i].summary);
        free(st->lv[lv].v);
        free(st->lv[lv].slots);
    }
    tw_filter_free(st->filter);
    free(st);
}

const struct tw_zstat_ops tw_zstat_expert = {
    .name = "expert",
    .usage = "expert[,error|warn|note|chat|comment][,FILTER]",
    .open = expert_open,
    .packet = expert_packet,
    .finish = expert_finish,
    .close = expert_close,
};
