/* pcapng (draft-ietf-opsawg-pcapng): sections in either byte order, interfaces with their own
 * link type, timestamp resolution and offset; EPB, SPB and the obsolete PB carry frames; ISB,
 * NRB, custom and unknown blocks are skipped; DSB secrets are kept. A damaged block is reported
 * with its byte offset and skipped by its length when that length is believable; otherwise we
 * scan forward for the next block whose leading and trailing lengths agree. */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>

#define BT_SHB 0x0A0D0D0Au
#define BT_IDB 0x00000001u
#define BT_PB  0x00000002u
#define BT_SPB 0x00000003u
#define BT_NRB 0x00000004u
#define BT_ISB 0x00000005u
#define BT_EPB 0x00000006u
#define BT_DSB 0x0000000Au
#define BOM    0x1A2B3C4Du

/* Walk options [p, p+n): calls back for each; returns false if they run off the block. */
typedef void (*opt_fn)(void *ctx, uint16_t code, const uint8_t *v, uint16_t len);

static bool walk_options(const uint8_t *p, size_t n, bool swap, opt_fn fn, void *ctx)
{
    size_t off = 0;
    while (off + 4 <= n) {
        uint16_t code = tw_rd16(p + off, swap);
        uint16_t len = tw_rd16(p + off + 2, swap);
        off += 4;
        if (code == 0) return true;
        if (len > n - off) return false;
        fn(ctx, code, p + off, len);
        off += ((size_t)len + 3) & ~(size_t)3;
    }
    return true;
}

static char *dup_slice(const uint8_t *v, uint16_t len)
{
    /* strings in options are not required to be NUL terminated; some writers add one */
    while (len && v[len - 1] == 0) len--;
    char *s = malloc((size_t)len + 1);
    if (s) {
        memcpy(s, v, len);
        s[len] = 0;
    }
    return s;
}

struct idb_ctx {
    struct tw_iface *ifc;
    bool swap;
};

static void idb_opt(void *vctx, uint16_t code, const uint8_t *v, uint16_t len)
{
    struct idb_ctx *x = vctx;
    struct tw_iface *ifc = x->ifc;
    switch (code) {
    case 2: /* if_name */
        free(ifc->name);
        ifc->name = dup_slice(v, len);
        break;
    case 3: /* if_description */
        free(ifc->descr);
        ifc->descr = dup_slice(v, len);
        break;
    case 9: /* if_tsresol */
        if (len >= 1) {
            uint8_t r = v[0];
            ifc->tsresol_raw = r;
            uint32_t e = r & 0x7F;
            if (r & 0x80) {
                ifc->tsresol_pow2 = true;
                ifc->tsresol_units = e < 63 ? (uint64_t)1 << e : 0;
            } else {
                ifc->tsresol_pow2 = false;
                uint64_t u = 1;
                for (uint32_t i = 0; i < e && u; i++) u = u > UINT64_MAX / 10 ? 0 : u * 10;
                ifc->tsresol_units = u;
            }
            if (!ifc->tsresol_units) ifc->tsresol_units = 1000000; /* unusable: keep default */
        }
        break;
    case 13: /* if_fcslen */
        if (len >= 1) ifc->fcs_len = v[0];
        break;
    case 14: /* if_tsoffset */
        if (len >= 8) ifc->tsoffset = (int64_t)tw_rd64(v, x->swap);
        break;
    default:
        break;
    }
}

struct pkt_ctx {
    struct tw_frame *f;
    bool swap;
};

static void pkt_opt(void *vctx, uint16_t code, const uint8_t *v, uint16_t len)
{
    struct pkt_ctx *x = vctx;
    struct tw_frame *f = x->f;
    if (code == 1) { /* opt_comment */
        if (f->ncomments < TW_FRAME_MAX_COMMENTS) {
            f->comments[f->ncomments].p = (const char *)v;
            f->comments[f->ncomments].n = len;
            f->ncomments++;
        }
    } else if (code == 2 && len >= 4) { /* epb_flags */
        f->has_flags = true;
        f->flags = tw_rd32(v, x->swap);
    }
}

static bool add_iface(struct tw_capture *c, const uint8_t *b, uint32_t blen, char *why, size_t wl)
{
    if (blen < 20) {
        snprintf(why, wl, "interface description block too short (%u bytes)", blen);
        return false;
    }
    if (c->nifs == c->ifs_cap) {
        uint32_t ncap = c->ifs_cap ? c->ifs_cap * 2 : 4;
        if (ncap > 65536) {
            snprintf(why, wl, "more than 65536 interfaces");
            return false;
        }
        struct tw_iface *n = realloc(c->ifs, ncap * sizeof *n);
        if (!n) {
            snprintf(why, wl, "out of memory");
            return false;
        }
        c->ifs = n;
        c->ifs_cap = ncap;
    }
    struct tw_iface *ifc = &c->ifs[c->nifs];
    memset(ifc, 0, sizeof *ifc);
    ifc->linktype = tw_rd16(b + 8, c->sec_swap);
    ifc->snaplen = tw_rd32(b + 12, c->sec_swap);
    ifc->tsresol_units = 1000000;
    ifc->tsresol_raw = 6;
    ifc->fcs_len = -1;
    ifc->section = c->section;
    ifc->swapped = c->sec_swap;
    struct idb_ctx x = {ifc, c->sec_swap};
    if (!walk_options(b + 16, blen - 20, c->sec_swap, idb_opt, &x)) {
        /* keep the interface; its options are damaged */
        tw_log(TW_LOG_WARN, "block at offset %llu: interface options run past the block",
               (unsigned long long)tw_win_off(c));
    }
    c->nifs++;
    c->sec_if_count++;
    return true;
}

static void add_secret(struct tw_capture *c, const uint8_t *b, uint32_t blen)
{
    if (blen < 20) return;
    uint32_t type = tw_rd32(b + 8, c->sec_swap);
    uint32_t len = tw_rd32(b + 12, c->sec_swap);
    if (len > blen - 20) {
        tw_log(TW_LOG_WARN, "block at offset %llu: secrets length %u runs past the block",
               (unsigned long long)tw_win_off(c), len);
        return;
    }
    if (c->nsecrets == c->secrets_cap) {
        uint32_t ncap = c->secrets_cap ? c->secrets_cap * 2 : 4;
        if (ncap > 4096) return;
        struct tw_secret *n = realloc(c->secrets, ncap * sizeof *n);
        if (!n) return;
        c->secrets = n;
        c->secrets_cap = ncap;
    }
    uint8_t *d = malloc(len ? len : 1);
    if (!d) return;
    memcpy(d, b + 16, len);
    c->secrets[c->nsecrets++] = (struct tw_secret){type, d, len};
}

static void set_ts(struct tw_frame *f, const struct tw_iface *ifc, uint64_t ts)
{
    uint64_t u = ifc->tsresol_units;
    uint64_t sec = ts / u, rem = ts % u;
    f->ts_raw = ts;
    f->ts.sec = (int64_t)sec + ifc->tsoffset;
    f->ts.nsec = (int32_t)((unsigned __int128)rem * 1000000000u / u);
}

static bool is_known_type(uint32_t t)
{
    return t == BT_SHB || (t >= 1 && t <= 10) || t == 0xBAD || t == 0x40000BAD;
}

/* After damage at `from`: find the next offset where a block's leading and trailing lengths
 * agree and the type is one we know. Returns false when the input ends first. */
static bool resync(struct tw_capture *c)
{
    c->lo += 4;
    for (;;) {
        int r = tw_win_fill(c, 12);
        if (r <= 0) {
            c->lo = c->hi;
            return false;
        }
        const uint8_t *b = c->buf + c->lo;
        uint32_t t = tw_rd32(b, c->sec_swap);
        uint32_t len = tw_rd32(b + 4, c->sec_swap);
        if (t == BT_SHB) return true;
        if (is_known_type(t) && len >= 12 && len % 4 == 0 && len <= TW_MAX_RECORD) {
            r = tw_win_fill(c, len);
            if (r < 0) return false;
            b = c->buf + c->lo;
            if (r == 1 && tw_rd32(b + len - 4, c->sec_swap) == len) return true;
        }
        c->lo += 4;
    }
}

static bool read_shb(struct tw_capture *c, char *why, size_t wl)
{
    int r = tw_win_fill(c, 28);
    if (r != 1) {
        snprintf(why, wl, "section header block truncated");
        return false;
    }
    const uint8_t *b = c->buf + c->lo;
    uint32_t bom = tw_rd32(b + 8, false);
    if (bom == BOM) c->sec_swap = false;
    else if (bom == __builtin_bswap32(BOM)) c->sec_swap = true;
    else {
        snprintf(why, wl, "section header block has a bad byte-order magic 0x%08x", bom);
        return false;
    }
    uint16_t vmaj = tw_rd16(b + 12, c->sec_swap);
    if (vmaj != 1) {
        snprintf(why, wl, "pcapng version %u not supported", vmaj);
        return false;
    }
    return true;
}

bool tw_pcapng_open(struct tw_capture *c, char *err, size_t errlen)
{
    if (!read_shb(c, err, errlen)) return false;
    c->section = UINT32_MAX; /* the first SHB, read by next(), makes it 0 */
    c->sec_if_base = 0;
    c->sec_if_count = 0;
    return true; /* the SHB itself is consumed by the first next() */
}

int tw_pcapng_next(struct tw_capture *c, struct tw_frame *f)
{
    char why[160];
    for (;;) {
        int r = tw_win_fill(c, 8);
        if (r < 0) return -1;
        if (r == 0) {
            if (c->hi > c->lo) {
                tw_log(TW_LOG_ERROR, "block at offset %llu: cut short (%zu bytes at end of file)",
                       (unsigned long long)tw_win_off(c), c->hi - c->lo);
                c->st.bad_records++;
                c->lo = c->hi;
            }
            return 0;
        }
        const uint8_t *b = c->buf + c->lo;
        uint32_t type = tw_rd32(b, c->sec_swap);
        bool new_section = false;
        if (type == BT_SHB) { /* the SHB type reads the same in both byte orders */
            if (!read_shb(c, why, sizeof why)) goto bad;
            new_section = true;
            b = c->buf + c->lo;
            type = BT_SHB;
        }
        uint32_t blen = tw_rd32(b + 4, c->sec_swap);
        if (blen < 12 || blen % 4 != 0 || blen > TW_MAX_RECORD) {
            snprintf(why, sizeof why, "block length %u is impossible", blen);
            goto lost;
        }
        r = tw_win_fill(c, blen);
        if (r < 0) return -1;
        if (r == 0) {
            tw_log(TW_LOG_ERROR,
                   "block at offset %llu: cut short (%zu of %u bytes); the file ends in the "
                   "middle of a block",
                   (unsigned long long)tw_win_off(c), c->hi - c->lo, blen);
            c->st.bad_records++;
            c->lo = c->hi;
            return 0;
        }
        b = c->buf + c->lo;
        if (tw_rd32(b + blen - 4, c->sec_swap) != blen) {
            snprintf(why, sizeof why, "trailing block length %u differs from leading length %u",
                     tw_rd32(b + blen - 4, c->sec_swap), blen);
            goto lost;
        }
        if (new_section) {
            c->section++;
            c->sec_if_base = c->nifs;
            c->sec_if_count = 0;
            c->lo += blen;
            continue;
        }
        switch (type) {
        case BT_IDB:
            if (!add_iface(c, b, blen, why, sizeof why)) goto bad;
            c->lo += blen;
            continue;
        case BT_DSB:
            add_secret(c, b, blen);
            c->lo += blen;
            continue;
        case BT_EPB:
        case BT_PB:
        case BT_SPB:
            break;
        default: /* NRB, ISB, custom, unknown: skipped by length */
            c->st.blocks_skipped++;
            c->lo += blen;
            continue;
        }

        memset(f, 0, sizeof *f);
        f->file_off = tw_win_off(c);
        uint32_t ifid, caplen, origlen, hdr;
        uint64_t ts = 0;
        if (type == BT_SPB) {
            if (blen < 16) {
                snprintf(why, sizeof why, "simple packet block too short");
                goto bad;
            }
            ifid = 0;
            origlen = tw_rd32(b + 8, c->sec_swap);
            hdr = 12;
            caplen = TW_MIN(origlen, blen - 16);
            if (c->sec_if_count > 0 && c->ifs[c->sec_if_base].snaplen)
                caplen = TW_MIN(caplen, c->ifs[c->sec_if_base].snaplen);
        } else {
            if (blen < 32) {
                snprintf(why, sizeof why, "packet block too short (%u bytes)", blen);
                goto bad;
            }
            if (type == BT_EPB) {
                ifid = tw_rd32(b + 8, c->sec_swap);
            } else {
                ifid = tw_rd16(b + 8, c->sec_swap);
            }
            ts = (uint64_t)tw_rd32(b + 12, c->sec_swap) << 32 | tw_rd32(b + 16, c->sec_swap);
            caplen = tw_rd32(b + 20, c->sec_swap);
            origlen = tw_rd32(b + 24, c->sec_swap);
            hdr = 28;
            if (caplen > blen - 32) {
                snprintf(why, sizeof why, "captured length %u runs past the %u-byte block",
                         caplen, blen);
                goto bad;
            }
        }
        if (ifid >= c->sec_if_count) {
            snprintf(why, sizeof why, "packet refers to interface %u, but the section has %u",
                     ifid, c->sec_if_count);
            goto bad;
        }
        const struct tw_iface *ifc = &c->ifs[c->sec_if_base + ifid];
        f->data = b + hdr;
        f->caplen = caplen;
        f->wirelen = origlen;
        f->iface = c->sec_if_base + ifid;
        f->linktype = ifc->linktype;
        f->fcs_len = ifc->fcs_len;
        set_ts(f, ifc, ts);
        if (type != BT_SPB) {
            size_t opt_off = hdr + (((size_t)caplen + 3) & ~(size_t)3);
            if (opt_off + 4 <= blen) {
                struct pkt_ctx x = {f, c->sec_swap};
                if (!walk_options(b + opt_off, blen - 4 - opt_off, c->sec_swap, pkt_opt, &x))
                    tw_log(TW_LOG_WARN, "frame %llu at offset %llu: options run past the block",
                           (unsigned long long)c->recno + 1, (unsigned long long)f->file_off);
            }
        }
        f->recno = ++c->recno;
        c->lo += blen;
        return 1;

    bad: {
        /* the block is bad but its length was believable: skip exactly that block */
        uint32_t l = tw_rd32(c->buf + c->lo + 4, c->sec_swap);
        if (l >= 12 && l % 4 == 0 && c->hi - c->lo >= l &&
            tw_rd32(c->buf + c->lo + l - 4, c->sec_swap) == l) {
            tw_log(TW_LOG_ERROR, "block at offset %llu (after frame %llu): %s; block skipped",
                   (unsigned long long)tw_win_off(c), (unsigned long long)c->recno, why);
            c->st.bad_records++;
            c->lo += l;
            continue;
        }
    }
    lost:
        tw_log(TW_LOG_ERROR,
               "block at offset %llu (after frame %llu): %s; searching for the next block",
               (unsigned long long)tw_win_off(c), (unsigned long long)c->recno, why);
        c->st.bad_records++;
        uint64_t from = tw_win_off(c);
        if (!resync(c)) return 0;
        tw_log(TW_LOG_WARN, "resynchronised at offset %llu (%llu bytes skipped)",
               (unsigned long long)tw_win_off(c), (unsigned long long)(tw_win_off(c) - from));
    }
}
