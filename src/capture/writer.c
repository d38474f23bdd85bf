/* Capture writer (-w, -F): the frames a run keeps, as pcapng or classic pcap.
 *
 * pcapng (draft-ietf-opsawg-pcapng): one Section Header Block, then the input's interfaces as
 * Interface Description Blocks in the input's (global) order, each written just before the
 * first packet that refers to it and the rest at close, so interface ids stay the input's.
 * Packets are Enhanced Packet Blocks carrying the timestamp as the input recorded it (its
 * units, if_tsresol and if_tsoffset copied), the original length, comments and epb_flags.
 * Classic pcap: a 24-byte header written with the first frame (its link type, and the FCS
 * bits of the link-type word, libpcap's LT_FCS_DATALINK_EXT), 16-byte record headers, micro-
 * or nanoseconds. Everything is little-endian and goes through one large buffer. */
#include "internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#define WBUF_SIZE       ((size_t)1 << 20)
#define DEFAULT_SNAPLEN 262144u

struct tw_writer {
    int fd;
    bool own_fd;
    char path[256];
    enum tw_write_format fmt;
    const struct tw_capture *cap;
    uint8_t *buf;
    size_t len;
    int errnum; /* first write error, 0 if none */
    /* pcap */
    bool header_done;
    uint32_t pcap_lt;
    /* pcapng */
    uint32_t nidb; /* interfaces 0..nidb-1 have their IDB in the output */
};

bool tw_writer_format(const char *name, enum tw_write_format *fmt)
{
    if (strcmp(name, "pcapng") == 0)
        *fmt = TW_WRITE_PCAPNG;
    else if (strcmp(name, "pcap") == 0 || strcmp(name, "libpcap") == 0)
        *fmt = TW_WRITE_PCAP;
    else if (strcmp(name, "nsecpcap") == 0)
        *fmt = TW_WRITE_PCAP_NSEC;
    else
        return false;
    return true;
}

static void flush_buf(struct tw_writer *w)
{
    size_t off = 0;
    while (off < w->len && !w->errnum) {
        ssize_t n = write(w->fd, w->buf + off, w->len - off);
        if (n < 0) {
            if (errno == EINTR) continue;
            w->errnum = errno;
        } else if (n == 0) {
            w->errnum = EIO;
        } else {
            off += (size_t)n;
        }
    }
    w->len = 0;
}

static void put(struct tw_writer *w, const void *p, size_t n)
{
    if (w->errnum) return;
    if (w->len + n > WBUF_SIZE) {
        flush_buf(w);
        if (n > WBUF_SIZE) { /* a frame larger than the buffer goes straight out */
            const uint8_t *s = p;
            while (n && !w->errnum) {
                ssize_t k = write(w->fd, s, n);
                if (k < 0) {
                    if (errno == EINTR) continue;
                    w->errnum = errno;
                } else if (k == 0) {
                    w->errnum = EIO;
                } else {
                    s += k;
                    n -= (size_t)k;
                }
            }
            return;
        }
    }
    memcpy(w->buf + w->len, p, n);
    w->len += n;
}

static void put16(struct tw_writer *w, uint16_t v)
{
    uint8_t b[2] = {(uint8_t)v, (uint8_t)(v >> 8)};
    put(w, b, 2);
}
static void put32(struct tw_writer *w, uint32_t v)
{
    uint8_t b[4] = {(uint8_t)v, (uint8_t)(v >> 8), (uint8_t)(v >> 16), (uint8_t)(v >> 24)};
    put(w, b, 4);
}
static void put64(struct tw_writer *w, uint64_t v)
{
    put32(w, (uint32_t)v);
    put32(w, (uint32_t)(v >> 32));
}
static void pad4(struct tw_writer *w, size_t n)
{
    static const uint8_t zero[4];
    put(w, zero, (4 - (n & 3)) & 3);
}
static size_t opt_size(size_t vlen)
{
    return 4 + ((vlen + 3) & ~(size_t)3);
}
static void put_opt(struct tw_writer *w, uint16_t code, const void *v, uint16_t vlen)
{
    put16(w, code);
    put16(w, vlen);
    put(w, v, vlen);
    pad4(w, vlen);
}

static void put_shb(struct tw_writer *w)
{
    static const char app[] = "trawl " TW_VERSION;
    uint16_t alen = (uint16_t)(sizeof app - 1);
    uint32_t blen = (uint32_t)(28 + opt_size(alen) + 4);
    put32(w, 0x0A0D0D0Au);
    put32(w, blen);
    put32(w, 0x1A2B3C4Du);
    put16(w, 1);
    put16(w, 0);
    put64(w, UINT64_MAX);     /* section length not given */
    put_opt(w, 4, app, alen); /* shb_userappl */
    put32(w, 0);              /* opt_endofopt */
    put32(w, blen);
}

static uint16_t str_len(const char *s)
{
    size_t n = s ? strlen(s) : 0;
    return (uint16_t)TW_MIN(n, 65532u);
}

static void put_idb(struct tw_writer *w, const struct tw_iface *ifc)
{
    uint16_t nl = str_len(ifc->name), dl = str_len(ifc->descr);
    bool resol = ifc->tsresol_raw != 6, fcs = ifc->fcs_len >= 0, off = ifc->tsoffset != 0;
    size_t olen = (nl ? opt_size(nl) : 0) + (dl ? opt_size(dl) : 0) + (resol ? opt_size(1) : 0) +
                  (fcs ? opt_size(1) : 0) + (off ? opt_size(8) : 0);
    if (olen) olen += 4;
    uint32_t blen = (uint32_t)(20 + olen);
    put32(w, 1);
    put32(w, blen);
    put16(w, (uint16_t)ifc->linktype);
    put16(w, 0);
    put32(w, ifc->snaplen);
    if (nl) put_opt(w, 2, ifc->name, nl);
    if (dl) put_opt(w, 3, ifc->descr, dl);
    if (resol) put_opt(w, 9, &ifc->tsresol_raw, 1);
    if (fcs) {
        uint8_t v = (uint8_t)ifc->fcs_len;
        put_opt(w, 13, &v, 1);
    }
    if (off) {
        uint8_t v[8];
        uint64_t o = (uint64_t)ifc->tsoffset;
        for (int i = 0; i < 8; i++) v[i] = (uint8_t)(o >> (8 * i));
        put_opt(w, 14, v, 8);
    }
    if (olen) put32(w, 0);
    put32(w, blen);
}

/* The interface a frame came from; hex text and a damaged file may not have one. */
static struct tw_iface frame_iface(const struct tw_writer *w, const struct tw_frame *f)
{
    const struct tw_iface *ifc = tw_capture_iface(w->cap, f->iface);
    if (ifc) return *ifc;
    struct tw_iface d;
    memset(&d, 0, sizeof d);
    d.linktype = f->linktype;
    d.snaplen = DEFAULT_SNAPLEN;
    d.tsresol_units = 1000000;
    d.tsresol_raw = 6;
    d.fcs_len = -1;
    return d;
}

static void put_pcap_header(struct tw_writer *w, const struct tw_iface *ifc)
{
    put32(w, w->fmt == TW_WRITE_PCAP_NSEC ? 0xA1B23C4Du : 0xA1B2C3D4u);
    put16(w, 2);
    put16(w, 4);
    put32(w, 0); /* thiszone */
    put32(w, 0); /* sigfigs */
    put32(w, ifc->snaplen ? ifc->snaplen : DEFAULT_SNAPLEN);
    uint32_t ltword = ifc->linktype & 0xFFFF;
    if (ifc->fcs_len >= 0 && ifc->fcs_len <= 30 && ifc->fcs_len % 2 == 0)
        ltword |= 0x04000000u | (uint32_t)(ifc->fcs_len / 2) << 28;
    put32(w, ltword);
    w->pcap_lt = ifc->linktype;
    w->header_done = true;
}

struct tw_writer *tw_writer_open(const char *path, enum tw_write_format fmt,
                                 const struct tw_capture *cap, char *err, size_t errlen)
{
    struct tw_writer *w = calloc(1, sizeof *w);
    uint8_t *buf = malloc(WBUF_SIZE);
    if (!w || !buf) {
        free(w);
        free(buf);
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    w->buf = buf;
    w->fmt = fmt;
    w->cap = cap;
    snprintf(w->path, sizeof w->path, "%s", strcmp(path, "-") == 0 ? "standard output" : path);
    if (strcmp(path, "-") == 0) {
        w->fd = STDOUT_FILENO;
    } else {
        /* truncating the file being read would destroy the input */
        struct stat so, si;
        if (cap && cap->src.fd >= 0 && stat(path, &so) == 0 && fstat(cap->src.fd, &si) == 0 &&
            so.st_dev == si.st_dev && so.st_ino == si.st_ino) {
            snprintf(err, errlen, "\"%s\" is the input file; write to another file", path);
            free(buf);
            free(w);
            return NULL;
        }
        w->fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        if (w->fd < 0) {
            snprintf(err, errlen, "cannot create \"%s\": %s", path, strerror(errno));
            free(buf);
            free(w);
            return NULL;
        }
        w->own_fd = true;
    }
    if (fmt == TW_WRITE_PCAPNG) put_shb(w);
    return w;
}

bool tw_writer_write(struct tw_writer *w, const struct tw_frame *f, char *err, size_t errlen)
{
    const uint8_t *data = f->phdr_len ? f->phdr : f->data;
    uint32_t caplen = f->caplen + f->phdr_len;
    uint32_t wirelen = f->phdr_len ? f->wirelen + f->phdr_len : f->wirelen;
    struct tw_iface ifc = frame_iface(w, f);

    if (w->fmt == TW_WRITE_PCAPNG) {
        while (w->nidb <= f->iface) {
            struct tw_frame tmp = *f;
            tmp.iface = w->nidb;
            struct tw_iface i = frame_iface(w, &tmp);
            put_idb(w, &i);
            w->nidb++;
        }
        size_t olen = 0;
        for (uint32_t i = 0; i < f->ncomments; i++)
            olen += opt_size(TW_MIN(f->comments[i].n, 65532u));
        if (f->has_flags) olen += opt_size(4);
        if (olen) olen += 4;
        uint32_t blen = (uint32_t)(32 + (((size_t)caplen + 3) & ~(size_t)3) + olen);
        put32(w, 6);
        put32(w, blen);
        put32(w, f->iface);
        put32(w, (uint32_t)(f->ts_raw >> 32));
        put32(w, (uint32_t)f->ts_raw);
        put32(w, caplen);
        put32(w, wirelen);
        put(w, data, caplen);
        pad4(w, caplen);
        for (uint32_t i = 0; i < f->ncomments; i++)
            put_opt(w, 1, f->comments[i].p, (uint16_t)TW_MIN(f->comments[i].n, 65532u));
        if (f->has_flags) {
            uint8_t v[4] = {(uint8_t)f->flags, (uint8_t)(f->flags >> 8), (uint8_t)(f->flags >> 16),
                            (uint8_t)(f->flags >> 24)};
            put_opt(w, 2, v, 4);
        }
        if (olen) put32(w, 0);
        put32(w, blen);
    } else {
        if (!w->header_done) put_pcap_header(w, &ifc);
        if (ifc.linktype != w->pcap_lt) {
            const char *a = tw_linktype_name(ifc.linktype), *b = tw_linktype_name(w->pcap_lt);
            snprintf(err, errlen,
                     "frame %llu has link type %u (%s) but the pcap output holds link type %u "
                     "(%s): a pcap file has one link type; write pcapng (-F pcapng) instead",
                     (unsigned long long)f->recno, ifc.linktype, a ? a : "?", w->pcap_lt,
                     b ? b : "?");
            return false;
        }
        uint64_t sec, frac;
        uint64_t units = w->fmt == TW_WRITE_PCAP_NSEC ? 1000000000u : 1000000u;
        if (ifc.tsresol_units == units && !ifc.tsresol_pow2 && ifc.tsoffset == 0) {
            sec = f->ts_raw / units; /* the file's own value, exactly */
            frac = f->ts_raw % units;
        } else {
            sec = (uint64_t)f->ts.sec;
            frac = (uint64_t)(uint32_t)f->ts.nsec;
            if (frac >= 1000000000u) frac = 999999999u;
            frac = units == 1000000u ? frac / 1000u : frac;
        }
        put32(w, (uint32_t)sec);
        put32(w, (uint32_t)frac);
        put32(w, caplen);
        put32(w, wirelen);
        put(w, data, caplen);
    }
    if (w->errnum) {
        snprintf(err, errlen, "cannot write %s%s%s: %s", w->fd == STDOUT_FILENO ? "" : "\"",
                 w->path, w->fd == STDOUT_FILENO ? "" : "\"", strerror(w->errnum));
        return false;
    }
    return true;
}

bool tw_writer_close(struct tw_writer *w, char *err, size_t errlen)
{
    if (!w) return true;
    if (w->fmt == TW_WRITE_PCAPNG) {
        for (uint32_t n = tw_capture_niface(w->cap); w->nidb < n; w->nidb++) {
            const struct tw_iface *ifc = tw_capture_iface(w->cap, w->nidb);
            if (ifc) put_idb(w, ifc);
        }
    } else if (!w->header_done) {
        /* no frame kept: still a valid, empty file of the input's link type */
        const struct tw_iface *ifc = tw_capture_iface(w->cap, 0);
        struct tw_iface d;
        memset(&d, 0, sizeof d);
        d.linktype = 1;
        d.fcs_len = -1;
        put_pcap_header(w, ifc ? ifc : &d);
    }
    flush_buf(w);
    if (w->own_fd && close(w->fd) != 0 && !w->errnum) w->errnum = errno;
    bool ok = w->errnum == 0;
    if (!ok)
        snprintf(err, errlen, "cannot write %s%s%s: %s", w->fd == STDOUT_FILENO ? "" : "\"",
                 w->path, w->fd == STDOUT_FILENO ? "" : "\"", strerror(w->errnum));
    free(w->buf);
    free(w);
    return ok;
}
