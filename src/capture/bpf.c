/* BPF read filter (-f): tcpdump's capture-filter language, compiled by libpcap for each link
 * type the input carries and run on every frame before dissection.
 *
 * A pcapng file may hold interfaces of several link types; each distinct one gets its own
 * program, compiled the first time a frame of that type arrives (a file of one link type pays
 * for one compilation). Capture files number link types as LINKTYPE_* and libpcap compiles for
 * DLT_*; the two agree except for a few historical values mapped below. */
#include "capture.h"

#include <pcap/pcap.h>
#include <stdio.h>
#include <stdlib.h>

#define MAX_PROGS 32 /* distinct link types in one run; more is an error, not a silent pass */

struct prog {
    uint32_t linktype;
    struct bpf_program bp;
};

struct tw_bpf {
    char *expr;
    struct prog progs[MAX_PROGS];
    uint32_t nprogs;
    /* the fast path: the program of the link type of the previous frame */
    uint32_t last_lt;
    const struct bpf_insn *last;
};

/* LINKTYPE_* (file numbering) -> DLT_* (libpcap's numbering on this platform). Values outside
 * this list are the same in both. */
static int linktype_to_dlt(uint32_t lt)
{
    switch (lt) {
    case 100: return DLT_ATM_RFC1483;
    case 101: return DLT_RAW;
    case 102: return DLT_SLIP_BSDOS;
    case 103: return DLT_PPP_BSDOS;
    case 106: return DLT_ATM_CLIP;
    case 108: return DLT_LOOP;
    case 109: return DLT_ENC;
    case 112: return DLT_HDLC;
    case 246: return DLT_PFSYNC;
    default: return (int)lt;
    }
}

struct tw_bpf *tw_bpf_open(const char *expr)
{
    struct tw_bpf *b = calloc(1, sizeof *b);
    if (!b) return NULL;
    size_t n = strlen(expr);
    b->expr = malloc(n + 1);
    if (!b->expr) {
        free(b);
        return NULL;
    }
    memcpy(b->expr, expr, n + 1);
    b->last_lt = UINT32_MAX;
    return b;
}

const char *tw_bpf_expr(const struct tw_bpf *b) { return b->expr; }

static const char *lt_label(uint32_t lt, char *buf, size_t n)
{
    const char *name = tw_linktype_name(lt);
    if (name) snprintf(buf, n, "%u (%s)", lt, name);
    else snprintf(buf, n, "%u", lt);
    return buf;
}

bool tw_bpf_compile(struct tw_bpf *b, uint32_t linktype, char *err, size_t errlen)
{
    for (uint32_t i = 0; i < b->nprogs; i++)
        if (b->progs[i].linktype == linktype) {
            b->last_lt = linktype;
            b->last = b->progs[i].bp.bf_insns;
            return true;
        }
    char lts[96];
    if (b->nprogs == MAX_PROGS) {
        snprintf(err, errlen, "-f: more than %d link types in one input (link type %s)",
                 MAX_PROGS, lt_label(linktype, lts, sizeof lts));
        return false;
    }
    int dlt = linktype_to_dlt(linktype);
    pcap_t *p = pcap_open_dead(dlt, 262144);
    if (!p) {
        snprintf(err, errlen, "-f: libpcap cannot open a handle for link type %s",
                 lt_label(linktype, lts, sizeof lts));
        return false;
    }
    struct prog *pr = &b->progs[b->nprogs];
    if (pcap_compile(p, &pr->bp, b->expr, 1, PCAP_NETMASK_UNKNOWN) != 0) {
        const char *why = pcap_geterr(p);
        const char *dname = pcap_datalink_val_to_name(dlt);
        if (!dname) {
            snprintf(err, errlen,
                     "-f: cannot compile \"%s\": libpcap does not know link type %s (%s)",
                     b->expr, lt_label(linktype, lts, sizeof lts), why);
        } else {
            snprintf(err, errlen, "-f: cannot compile \"%s\" for link type %s, libpcap %s: %s",
                     b->expr, lt_label(linktype, lts, sizeof lts), dname, why);
        }
        pcap_close(p);
        return false;
    }
    pcap_close(p);
    pr->linktype = linktype;
    b->nprogs++;
    b->last_lt = linktype;
    b->last = pr->bp.bf_insns;
    return true;
}

int tw_bpf_match(struct tw_bpf *b, const struct tw_frame *f, char *err, size_t errlen)
{
    if (TW_UNLIKELY(f->linktype != b->last_lt) && !tw_bpf_compile(b, f->linktype, err, errlen))
        return -1;
    /* libpcap sees a record whole: a pseudo-header our reader set aside is part of the packet */
    const uint8_t *d = f->phdr_len ? f->phdr : f->data;
    uint32_t cap = f->caplen + f->phdr_len;
    uint32_t wire = f->phdr_len ? f->wirelen + f->phdr_len : f->wirelen;
    return bpf_filter(b->last, d, wire, cap) != 0;
}

void tw_bpf_close(struct tw_bpf *b)
{
    if (!b) return;
    for (uint32_t i = 0; i < b->nprogs; i++) pcap_freecode(&b->progs[i].bp);
    free(b->expr);
    free(b);
}
