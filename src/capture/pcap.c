/* Classic libpcap format: 24-byte file header, 16-byte record headers; microsecond (a1b2c3d4)
 * and nanosecond (a1b23c4d) magics in either byte order, and Kuznetzov's modified format
 * (a1b2cd34, 24-byte record headers). The link-type word may carry the FCS length in its top
 * bits (bit 26 = present, bits 28-31 = length in 16-bit words), as libpcap defines it. */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>

bool tw_pcap_open(struct tw_capture *c, char *err, size_t errlen)
{
    if (tw_win_fill(c, 24) != 1) {
        snprintf(err, errlen, "pcap file header truncated (%zu of 24 bytes)", c->hi - c->lo);
        return false;
    }
    const uint8_t *h = c->buf + c->lo;
    uint32_t magic = tw_rd32(h, false);
    switch (magic) {
    case 0xA1B2C3D4: c->fmt = TW_FMT_PCAP; c->swap = false; break;
    case 0xD4C3B2A1: c->fmt = TW_FMT_PCAP; c->swap = true; break;
    case 0xA1B23C4D: c->fmt = TW_FMT_PCAP_NSEC; c->swap = false; break;
    case 0x4D3CB2A1: c->fmt = TW_FMT_PCAP_NSEC; c->swap = true; break;
    case 0xA1B2CD34: c->fmt = TW_FMT_PCAP_MODIFIED; c->swap = false; break;
    default: c->fmt = TW_FMT_PCAP_MODIFIED; c->swap = true; break;
    }
    c->nsec = c->fmt == TW_FMT_PCAP_NSEC;
    uint16_t vmaj = tw_rd16(h + 4, c->swap);
    if (vmaj < 2) {
        snprintf(err, errlen, "pcap version %u not supported", vmaj);
        return false;
    }
    c->snaplen = tw_rd32(h + 16, c->swap);
    uint32_t ltword = tw_rd32(h + 20, c->swap);
    uint32_t lt = ltword & 0xFFFF;
    c->fcs_len = (ltword & 0x04000000) ? (int)((ltword >> 28) * 2) : -1;
    c->lo += 24;

    c->ifs = calloc(1, sizeof *c->ifs);
    if (!c->ifs) {
        snprintf(err, errlen, "out of memory");
        return false;
    }
    c->nifs = c->ifs_cap = 1;
    c->ifs[0].linktype = lt;
    c->ifs[0].snaplen = c->snaplen;
    c->ifs[0].tsresol_units = c->nsec ? 1000000000u : 1000000u;
    c->ifs[0].tsresol_raw = c->nsec ? 9 : 6;
    c->ifs[0].fcs_len = c->fcs_len;
    c->ifs[0].swapped = c->swap;
    return true;
}

int tw_pcap_next(struct tw_capture *c, struct tw_frame *f)
{
    size_t hlen = c->fmt == TW_FMT_PCAP_MODIFIED ? 24 : 16;
    int r = tw_win_fill(c, hlen);
    if (r < 0) return -1;
    uint64_t recno = c->recno + 1;
    if (r == 0) {
        if (c->hi > c->lo) {
            tw_log(TW_LOG_ERROR,
                   "record %llu at offset %llu: record header cut short (%zu of %zu bytes); "
                   "the file ends in the middle of a packet",
                   (unsigned long long)recno, (unsigned long long)tw_win_off(c), c->hi - c->lo, hlen);
            c->st.bad_records++;
            c->lo = c->hi;
        }
        return 0;
    }
    const uint8_t *h = c->buf + c->lo;
    uint32_t ts_sec = tw_rd32(h, c->swap);
    uint32_t ts_frac = tw_rd32(h + 4, c->swap);
    uint32_t incl = tw_rd32(h + 8, c->swap);
    uint32_t orig = tw_rd32(h + 12, c->swap);
    if (incl > TW_MAX_PCAP_SNAP) {
        /* The format has no sync marker: a wild length means we cannot find the next record. */
        tw_log(TW_LOG_ERROR,
               "record %llu at offset %llu: capture length %u exceeds the maximum of %u; the file "
               "is damaged and has no sync marker, reading stops here",
               (unsigned long long)recno, (unsigned long long)tw_win_off(c), incl, TW_MAX_PCAP_SNAP);
        c->st.bad_records++;
        c->lo = c->hi;
        c->eof = true;
        return 0;
    }
    r = tw_win_fill(c, hlen + incl);
    if (r < 0) return -1;
    if (r == 0) {
        tw_log(TW_LOG_ERROR,
               "record %llu at offset %llu: packet data cut short (%zu of %u bytes); the file ends "
               "in the middle of a packet",
               (unsigned long long)recno, (unsigned long long)tw_win_off(c),
               c->hi - c->lo - hlen, incl);
        c->st.bad_records++;
        c->lo = c->hi;
        return 0;
    }
    h = c->buf + c->lo;
    memset(f, 0, sizeof *f);
    f->file_off = tw_win_off(c);
    f->data = h + hlen;
    f->caplen = incl;
    f->wirelen = orig;
    f->ts.sec = ts_sec;
    /* Wireshark keeps an out-of-range fraction as it is (microseconds times 1000 in 32 bits)
     * rather than carrying it over; we do the same so damaged files print identically. */
    f->ts.nsec = (int32_t)(c->nsec ? ts_frac : ts_frac * 1000u);
    f->ts_raw = (uint64_t)ts_sec * (c->nsec ? 1000000000u : 1000000u) + ts_frac;
    f->linktype = c->ifs[0].linktype;
    f->iface = 0;
    f->fcs_len = c->fcs_len;
    f->recno = ++c->recno;
    c->lo += hlen + incl;
    return 1;
}
