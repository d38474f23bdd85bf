/* BPF read filter (-f): tcpdump's capture-filter language, compiled by libpcap for each link
 * type the input carries and run on every frame before dissection.
 *
 * A pcapng file may hold interfaces of several link types; each distinct (link type, byte order)
 * gets its own program, compiled the first time a frame of that kind arrives (a file of one
 * link type pays for one compilation).
 *
 * The program is compiled against a libpcap *savefile* handle opened on a 24-byte pcap header
 * in memory, not pcap_open_dead(): libpcap generates different code for a file than for a live
 * handle (DLT_NULL: a file's address family may be any BSD's AF_INET6 value, 24, 28 or 30, and
 * is in the byte order of the machine that wrote the file; a live Linux handle checks only
 * AF_INET6 = 10 in host order), and tcpdump -r compiles against the file. The header carries the
 * file's LINKTYPE_* value and byte order, so libpcap also maps LINKTYPE_* to its DLT_* (101 ->
 * DLT_RAW, 108 -> DLT_LOOP, ...) itself, exactly as when tcpdump reads the file. */
#include "capture.h"

#include <errno.h>
#include <pcap/pcap.h>
#include <stdio.h>
#include <stdlib.h>

#define MAX_PROGS 32 /* distinct link types in one run; more is an error, not a silent pass */

struct prog {
    uint32_t linktype;
    bool swapped;
    struct bpf_program bp;
};

struct tw_bpf {
    char *expr;
    struct prog progs[MAX_PROGS];
    uint32_t nprogs;
    /* the fast path: the program of the interface of the previous frame */
    uint32_t last_iface;
    const struct bpf_insn *last;
};

/* A savefile handle for a link type: a pcap file header, no packets. */
static pcap_t *open_handle(uint32_t linktype, bool swapped, char *err, size_t errlen)
{
    /* magic, version 2.4, thiszone, sigfigs, snaplen, link type: in the file's byte order */
    uint8_t h[24];
    const uint32_t words[6] = {0xA1B2C3D4u, 0, 0, 0, 262144, linktype};
    for (int i = 0; i < 6; i++) {
        uint32_t v = swapped ? __builtin_bswap32(words[i]) : words[i];
        memcpy(h + 4 * i, &v, 4);
    }
    const uint16_t ver[2] = {swapped ? 0x0200 : 2, swapped ? 0x0400 : 4};
    memcpy(h + 4, ver, sizeof ver);
    FILE *fp = fmemopen(h, sizeof h, "rb");
    if (!fp) {
        snprintf(err, errlen, "-f: cannot make a libpcap handle: %s", strerror(errno));
        return NULL;
    }
    char ebuf[PCAP_ERRBUF_SIZE] = "";
    pcap_t *p = pcap_fopen_offline(fp, ebuf);
    if (!p) {
        fclose(fp);
        snprintf(err, errlen, "-f: libpcap refuses link type %u: %s", linktype, ebuf);
    }
    return p; /* pcap_close() closes fp */
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
    b->last_iface = UINT32_MAX;
    return b;
}

const char *tw_bpf_expr(const struct tw_bpf *b)
{
    return b->expr;
}

static const struct prog *find(const struct tw_bpf *b, uint32_t lt, bool swapped)
{
    for (uint32_t i = 0; i < b->nprogs; i++)
        if (b->progs[i].linktype == lt && b->progs[i].swapped == swapped) return &b->progs[i];
    return NULL;
}

bool tw_bpf_compile(struct tw_bpf *b, const struct tw_iface *ifc, char *err, size_t errlen)
{
    if (find(b, ifc->linktype, ifc->swapped)) return true;
    uint32_t lt = ifc->linktype;
    const char *ltname = tw_linktype_name(lt);
    char lts[96];
    snprintf(lts, sizeof lts, "%u (%s)", lt, ltname ? ltname : "unknown to trawl");
    if (b->nprogs == MAX_PROGS) {
        snprintf(err, errlen, "-f: more than %d link types in one input (link type %s)", MAX_PROGS,
                 lts);
        return false;
    }
    pcap_t *p = open_handle(lt, ifc->swapped, err, errlen);
    if (!p) return false;
    struct prog *pr = &b->progs[b->nprogs];
    /* A file has no netmask. Only `ip broadcast` needs one; tcpdump -r passes 0 there (which
     * makes it match 255.255.255.255 and 0.0.0.0), so we retry the same way. */
    int rc = pcap_compile(p, &pr->bp, b->expr, 1, PCAP_NETMASK_UNKNOWN);
    if (rc != 0 && strstr(pcap_geterr(p), "netmask not known"))
        rc = pcap_compile(p, &pr->bp, b->expr, 1, 0);
    if (rc != 0) {
        const char *dname = pcap_datalink_val_to_name(pcap_datalink(p));
        snprintf(err, errlen, "-f: cannot compile \"%s\" for link type %s%s%s%s: %s", b->expr, lts,
                 dname ? ", libpcap's " : "", dname ? dname : "",
                 dname ? "" : ", which libpcap does not know", pcap_geterr(p));
        pcap_close(p);
        return false;
    }
    pcap_close(p);
    pr->linktype = lt;
    pr->swapped = ifc->swapped;
    b->nprogs++;
    return true;
}

int tw_bpf_match(struct tw_bpf *b, const struct tw_capture *cap, const struct tw_frame *f,
                 char *err, size_t errlen)
{
    if (TW_UNLIKELY(f->iface != b->last_iface)) {
        const struct tw_iface *ifc = tw_capture_iface(cap, f->iface);
        struct tw_iface none;
        if (!ifc) {
            memset(&none, 0, sizeof none);
            none.linktype = f->linktype;
            ifc = &none;
        }
        if (!tw_bpf_compile(b, ifc, err, errlen)) return -1;
        b->last = find(b, ifc->linktype, ifc->swapped)->bp.bf_insns;
        b->last_iface = f->iface;
    }
    /* libpcap sees a record whole: a pseudo-header our reader set aside is part of the packet */
    const uint8_t *d = f->phdr_len ? f->phdr : f->data;
    uint32_t cap_len = f->caplen + f->phdr_len;
    uint32_t wire = f->phdr_len ? f->wirelen + f->phdr_len : f->wirelen;
    return bpf_filter(b->last, d, wire, cap_len) != 0;
}

void tw_bpf_close(struct tw_bpf *b)
{
    if (!b) return;
    for (uint32_t i = 0; i < b->nprogs; i++) pcap_freecode(&b->progs[i].bp);
    free(b->expr);
    free(b);
}
