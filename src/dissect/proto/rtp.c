/* Real-Time Transport Protocol (RFC 3550 section 5.1), on the UDP conversations SDP announced
 * (tshark 4.0 has its RTP heuristic off by default: RTP is found only where SIP/SDP set it up).
 *
 *    0                   1                   2                   3
 *   |V=2|P|X|  CC   |M|     PT      |       sequence number         |
 *   |                           timestamp                           |
 *   |           synchronization source (SSRC) identifier            |
 *   |            contributing source (CSRC) identifiers (CC x 32)   |
 *   [ header extension: profile 16 bits, length 16 bits (words), data ]
 *   payload [ padding, its count in the last byte when P is set ]
 *
 * Not done: tshark's "Stream setup by SDP" items (rtp.setup*), rtp.extseq, the header extension
 * profiles (only rtp.ext.profile/len and the words), payload type names beyond the static ones. */
#include "../dissect.h"

#include <stdio.h>

#include "rtp_pt.h"

static struct tw_proto_ids ids;
#define HF(x) ((uint16_t)(ids.base + (x)))

enum {
    F_VERSION,
    F_PADDING,
    F_EXT,
    F_CC,
    F_MARKER,
    F_PT,
    F_SEQ,
    F_TS,
    F_SSRC,
    F_CSRC,
    F_EXT_PROFILE,
    F_EXT_LEN,
    F_HDR_EXT,
    F_PAYLOAD,
    F_PADDING_DATA,
    F_PADDING_COUNT,
    F_COUNT
};

static const struct tw_vs version_vals[] = {
    {0, "Old VAT Version"}, {1, "First Draft Version"}, {2, "RFC 1889 Version"}, {0, NULL}};
static const struct tw_tfs tfs_true_false = {"True", "False"};

static const struct tw_field_def fields[F_COUNT] = {
    [F_VERSION] = {"rtp.version", "Version", TW_FT_UINT8, TW_BASE_DEC, 0xC0, version_vals},
    [F_PADDING] = {"rtp.padding", "Padding", TW_FT_BOOLEAN, 8, 0x20, NULL, NULL, &tfs_true_false},
    [F_EXT] = {"rtp.ext", "Extension", TW_FT_BOOLEAN, 8, 0x10, NULL, NULL, &tfs_true_false},
    [F_CC] = {"rtp.cc", "Contributing source identifiers count", TW_FT_UINT8, TW_BASE_DEC, 0x0F},
    [F_MARKER] = {"rtp.marker", "Marker", TW_FT_BOOLEAN, 8, 0x80, NULL, NULL, &tfs_true_false},
    [F_PT] = {"rtp.p_type", "Payload type", TW_FT_UINT8, TW_BASE_DEC, 0x7F, tw_rtp_pt_vals},
    [F_SEQ] = {"rtp.seq", "Sequence number", TW_FT_UINT16, TW_BASE_DEC},
    [F_TS] = {"rtp.timestamp", "Timestamp", TW_FT_UINT32, TW_BASE_DEC},
    [F_SSRC] = {"rtp.ssrc", "Synchronization Source identifier", TW_FT_UINT32, TW_BASE_HEX_DEC},
    [F_CSRC] = {"rtp.csrc.item", "CSRC item", TW_FT_UINT32, TW_BASE_HEX},
    [F_EXT_PROFILE] = {"rtp.ext.profile", "Defined by profile", TW_FT_UINT16, TW_BASE_HEX_DEC},
    [F_EXT_LEN] = {"rtp.ext.len", "Extension length", TW_FT_UINT16, TW_BASE_DEC},
    [F_HDR_EXT] = {"rtp.hdr_ext", "Header extension", TW_FT_UINT32, TW_BASE_DEC},
    [F_PAYLOAD] = {"rtp.payload", "Payload", TW_FT_BYTES},
    [F_PADDING_DATA] = {"rtp.padding.data", "Padding data", TW_FT_BYTES},
    [F_PADDING_COUNT] = {"rtp.padding.count", "Padding count", TW_FT_UINT8, TW_BASE_DEC},
};

static uint32_t rd32(const uint8_t *b)
{
    return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

static enum tw_status dissect(struct tw_pkt *p, struct tw_cur *c)
{
    const uint32_t start = c->off;
    uint32_t avail = tw_cur_avail(c), total = tw_cur_left(c);
    const uint8_t *b = c->data + start;
    if (avail < 12) {
        c->err = total < 12 ? TW_CUR_MALFORMED : TW_CUR_TRUNCATED;
        return total < 12 ? TW_MALFORMED : TW_TRUNCATED;
    }
    uint8_t o0 = b[0], o1 = b[1];
    uint8_t version = o0 >> 6, cc = o0 & 0x0f, pt = o1 & 0x7f;
    bool pad = o0 & 0x20, ext = o0 & 0x10, mark = o1 & 0x80;
    uint16_t seq = (uint16_t)(b[2] << 8 | b[3]);
    uint32_t ts = rd32(b + 4), ssrc = rd32(b + 8);
    if (!p->cols_locked) tw_col_proto(p, "RTP");
    tw_info_clear(p);
    const char *ptn = tw_vs_find(tw_rtp_pt_vals, pt);
    char dyn[32];
    if (!ptn) {
        snprintf(dyn, sizeof dyn, pt >= 96 ? "DynamicRTP-Type-%u" : "Unknown (%u)", pt);
        ptn = dyn;
    }
    tw_info_printf(p, "PT=%s, SSRC=0x%X, Seq=%u, Time=%u%s", ptn, ssrc, seq, ts,
                   mark ? ", Mark" : "");
    tw_add_bits(p, HF(F_VERSION), start, 1, o0);
    tw_add_bits(p, HF(F_PADDING), start, 1, o0);
    tw_add_bits(p, HF(F_EXT), start, 1, o0);
    tw_add_bits(p, HF(F_CC), start, 1, o0);
    tw_add_bits(p, HF(F_MARKER), start + 1, 1, o1);
    int32_t r = tw_add_bits(p, HF(F_PT), start + 1, 1, o1);
    tw_rec_label(p, r, "Payload type: %s (%u)", ptn, pt); /* tshark shows no bit pattern */
    tw_add_uint(p, HF(F_SEQ), start + 2, 2, seq);
    tw_add_uint(p, HF(F_TS), start + 4, 4, ts);
    tw_add_uint(p, HF(F_SSRC), start + 8, 4, ssrc);
    (void)version;
    uint32_t o = start + 12;
    int32_t cl =
        cc ? tw_add_text(p, o, 4 * cc, "Contributing Source identifiers (%u items)", cc) : -1;
    tw_tree_push(p, cl);
    for (uint32_t i = 0; i < cc; i++, o += 4) {
        if (o + 4 > start + avail) {
            c->err = TW_CUR_TRUNCATED;
            return TW_TRUNCATED;
        }
        uint32_t v = rd32(c->data + o);
        r = tw_add_uint(p, HF(F_CSRC), o, 4, v);
        tw_rec_label(p, r, "CSRC item %u: 0x%x", i, v);
    }
    tw_tree_pop(p);
    if (ext) {
        if (o + 4 > start + avail) {
            c->err = TW_CUR_TRUNCATED;
            return TW_TRUNCATED;
        }
        uint16_t prof = (uint16_t)(c->data[o] << 8 | c->data[o + 1]);
        uint16_t words = (uint16_t)(c->data[o + 2] << 8 | c->data[o + 3]);
        tw_add_uint(p, HF(F_EXT_PROFILE), o, 2, prof);
        tw_add_uint(p, HF(F_EXT_LEN), o + 2, 2, words);
        o += 4;
        /* RFC 5285 one-byte (0xBEDE) and two-byte (0x100x) elements: tshark decodes them
         * instead of listing words (not done here) */
        bool rfc5285 = prof == 0xBEDE || (prof & 0xFFF0) == 0x1000;
        for (uint32_t i = 0; i < words; i++, o += 4) {
            if (o + 4 > start + avail) {
                c->err = TW_CUR_TRUNCATED;
                return TW_TRUNCATED;
            }
            if (!rfc5285) tw_add_uint(p, HF(F_HDR_EXT), o, 4, rd32(c->data + o));
        }
    }
    uint32_t end = start + total, cap = start + avail;
    uint32_t padn = 0;
    if (pad && cap == end && end > o) padn = c->data[end - 1];
    if (padn > end - o) padn = 0;
    uint32_t plen = end - o - padn;
    if (plen) {
        uint32_t pc = o + plen <= cap ? plen : (cap > o ? cap - o : 0);
        tw_add_ptr(p, HF(F_PAYLOAD), o, plen, c->data + o, pc);
    }
    if (padn) {
        if (padn > 1)
            tw_add_ptr(p, HF(F_PADDING_DATA), o + plen, padn - 1, c->data + o + plen, padn - 1);
        tw_add_uint(p, HF(F_PADDING_COUNT), end - 1, 1, padn);
    }
    c->off = c->end;
    return TW_OK;
}

static const struct tw_binding bindings[] = {{TW_TBL_NAME, TW_KEY_RTP}};

const struct tw_proto tw_proto_rtp = {
    .abbrev = "rtp",
    .name = "Real-Time Transport Protocol",
    .short_name = "RTP",
    .fields = fields,
    .nfields = F_COUNT,
    .bindings = bindings,
    .nbindings = TW_ARRAY_LEN(bindings),
    .dissect = dissect,
    .ids = &ids,
};
