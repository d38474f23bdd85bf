/* Capture file front end: recognises the format by magic and hands out frames through a large
 * read window (one read() per megabyte, not per packet). */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

int tw_win_fill(struct tw_capture *c, size_t need)
{
    if (c->hi - c->lo >= need) return 1;
    if (need > TW_MAX_RECORD) return 0;
    /* slide the unread bytes to the front, grow if the record is larger than the window */
    if (c->lo > 0) {
        memmove(c->buf, c->buf + c->lo, c->hi - c->lo);
        c->base += c->lo;
        c->hi -= c->lo;
        c->lo = 0;
    }
    if (need > c->cap) {
        size_t ncap = c->cap;
        while (ncap < need) ncap *= 2;
        uint8_t *nb = realloc(c->buf, ncap);
        if (!nb) {
            tw_log(TW_LOG_ERROR, "out of memory for a %zu-byte record", need);
            return -1;
        }
        c->buf = nb;
        c->cap = ncap;
    }
    while (c->hi - c->lo < need) {
        if (c->eof) return 0;
        /* Read in slices that fit the L2 cache, not the whole window: the bytes the kernel
         * copies are then still cached when the record loop reaches them (a 4 MiB read
         * measured ~8% slower on -q: every record header missed the cache). */
        size_t want = c->cap - c->hi;
        if (want > TW_READ_SLICE && need - (c->hi - c->lo) <= TW_READ_SLICE) want = TW_READ_SLICE;
        long r = tw_src_read(&c->src, c->buf + c->hi, want);
        if (r < 0) {
            c->rd_error = true;
            c->eof = true;
            return -1;
        }
        if (r == 0) {
            c->eof = true;
            return 0;
        }
        c->hi += (size_t)r;
    }
    return 1;
}

static struct tw_capture *open_common(struct tw_capture *c, const char *path,
                                      const struct tw_capture_opts *opts, char *err, size_t errlen);

struct tw_capture *tw_capture_open(const char *path, const struct tw_capture_opts *opts,
                                   char *err, size_t errlen)
{
    struct tw_capture *c = calloc(1, sizeof *c);
    if (!c) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    if (!tw_src_open(&c->src, path, err, errlen)) {
        free(c);
        return NULL;
    }
    struct stat sb;
    if (fstat(c->src.fd, &sb) == 0 && S_ISREG(sb.st_mode)) c->file_size = (uint64_t)sb.st_size;
    return open_common(c, path, opts, err, errlen);
}

struct tw_capture *tw_capture_open_mem(const uint8_t *data, size_t len,
                                       const struct tw_capture_opts *opts, char *err,
                                       size_t errlen)
{
    struct tw_capture *c = calloc(1, sizeof *c);
    if (!c) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    if (!tw_src_open_mem(&c->src, data, len, err, errlen)) {
        free(c);
        return NULL;
    }
    c->file_size = len;
    return open_common(c, "memory", opts, err, errlen);
}

static struct tw_capture *open_common(struct tw_capture *c, const char *path,
                                      const struct tw_capture_opts *opts, char *err, size_t errlen)
{
    c->cap = c->src.mem ? (size_t)1 << 16 : TW_READ_CHUNK * 4; /* grows for larger records */
    c->buf = malloc(c->cap);
    if (!c->buf) {
        snprintf(err, errlen, "out of memory");
        tw_capture_close(c);
        return NULL;
    }
    bool ok;
    if (opts && opts->hex) {
        c->fmt = TW_FMT_HEX;
        c->hex_linktype = opts->hex_linktype;
        ok = tw_hex_open(c, err, errlen);
    } else {
        int r = tw_win_fill(c, 4);
        if (r <= 0) {
            snprintf(err, errlen, "\"%s\" is %s", path,
                     r < 0 ? "unreadable" : "too short to be a capture file");
            tw_capture_close(c);
            return NULL;
        }
        const uint8_t *m = c->buf + c->lo;
        uint32_t le = tw_rd32(m, false);
        if (le == 0x0A0D0D0A) {
            c->fmt = TW_FMT_PCAPNG;
            ok = tw_pcapng_open(c, err, errlen);
        } else if (le == 0xA1B2C3D4 || le == 0xD4C3B2A1 || le == 0xA1B23C4D ||
                   le == 0x4D3CB2A1 || le == 0xA1B2CD34 || le == 0x34CDB2A1) {
            ok = tw_pcap_open(c, err, errlen);
        } else {
            snprintf(err, errlen,
                     "\"%s\" is not a capture file trawl understands (magic %02x %02x %02x %02x; "
                     "pcap, pcapng, gzip or zstd expected; use --hex for hex text)",
                     path, m[0], m[1], m[2], m[3]);
            ok = false;
        }
    }
    if (!ok) {
        tw_capture_close(c);
        return NULL;
    }
    return c;
}

int tw_capture_next(struct tw_capture *c, struct tw_frame *f)
{
    int r;
    switch (c->fmt) {
    case TW_FMT_PCAPNG:
        r = tw_pcapng_next(c, f);
        break;
    case TW_FMT_HEX:
        r = tw_hex_next(c, f);
        break;
    default:
        r = tw_pcap_next(c, f);
        break;
    }
    if (r == 1) {
        c->st.records++;
        /* pseudo-headers Wireshark's pcap reader strips (pcap-common.c): SunATM */
        uint32_t ph = f->linktype == 123 ? 4 : 0;
        if (ph) {
            uint32_t k = TW_MIN(ph, f->caplen);
            f->phdr = f->data;
            f->phdr_len = k;
            f->data += k;
            f->caplen -= k;
            f->wirelen = f->wirelen >= ph ? f->wirelen - ph : 0;
        }
    }
    c->st.bytes = tw_win_off(c);
    if (r == 0 && c->rd_error) r = -1;
    return r;
}

void tw_capture_close(struct tw_capture *c)
{
    if (!c) return;
    tw_src_close(&c->src);
    free(c->buf);
    for (uint32_t i = 0; i < c->nifs; i++) {
        free(c->ifs[i].name);
        free(c->ifs[i].descr);
    }
    free(c->ifs);
    for (uint32_t i = 0; i < c->nsecrets; i++) free(c->secrets[i].data);
    free(c->secrets);
    free(c->text);
    free(c->hexbuf);
    free(c);
}

enum tw_capture_format tw_capture_format(const struct tw_capture *c) { return c->fmt; }
enum tw_compression tw_capture_compression(const struct tw_capture *c) { return c->src.comp; }

const char *tw_capture_format_name(const struct tw_capture *c)
{
    switch (c->fmt) {
    case TW_FMT_PCAP:
        return "pcap";
    case TW_FMT_PCAP_NSEC:
        return "pcap (nanosecond)";
    case TW_FMT_PCAP_MODIFIED:
        return "pcap (modified)";
    case TW_FMT_PCAPNG:
        return "pcapng";
    case TW_FMT_HEX:
        return "hex text";
    }
    return "?";
}

uint32_t tw_capture_niface(const struct tw_capture *c) { return c->nifs; }
const struct tw_iface *tw_capture_iface(const struct tw_capture *c, uint32_t idx)
{
    return idx < c->nifs ? &c->ifs[idx] : NULL;
}
const struct tw_capture_stats *tw_capture_stats(const struct tw_capture *c) { return &c->st; }
uint32_t tw_capture_nsecrets(const struct tw_capture *c) { return c->nsecrets; }
const struct tw_secret *tw_capture_secret(const struct tw_capture *c, uint32_t idx)
{
    return idx < c->nsecrets ? &c->secrets[idx] : NULL;
}
uint64_t tw_capture_file_size(const struct tw_capture *c) { return c->file_size; }
uint64_t tw_capture_file_pos(const struct tw_capture *c)
{
    return c->src.raw_pos;
}

struct lt_row {
    uint16_t lt;
    uint16_t wtap;
    const char *name;
};
static const struct lt_row lt_rows[] = {
#define TW_LINKTYPE(lt, wt, name) {lt, wt, name},
#include "linktypes.def"
#undef TW_LINKTYPE
};

static const struct lt_row *lt_find(uint32_t lt)
{
    size_t lo = 0, hi = TW_ARRAY_LEN(lt_rows);
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (lt_rows[mid].lt == lt) return &lt_rows[mid];
        if (lt_rows[mid].lt < lt) lo = mid + 1;
        else hi = mid;
    }
    return NULL;
}

const char *tw_linktype_name(uint32_t lt)
{
    const struct lt_row *r = lt_find(lt);
    return r ? r->name : NULL;
}
int tw_linktype_to_wtap(uint32_t lt)
{
    const struct lt_row *r = lt_find(lt);
    return r ? r->wtap : -1;
}
