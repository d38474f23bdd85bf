/* RTP Control Protocol (RFC 3550 section 6), on the UDP conversations SDP announced for RTCP
 * (a=rtcp: port, else the media port + 1). A datagram is a compound of packets, each its own
 * "rtcp" item (-z io,phs counts them): common header (version, padding, count, type, length in
 * 32-bit words minus one), then by type: SR 200 (sender SSRC, NTP and RTP timestamps, counts,
 * report blocks), RR 201 (sender SSRC, report blocks), SDES 202 (chunks of SSRC and items),
 * BYE 203 (SSRCs, optional reason), APP 204 (SSRC, name, data); other types show their header.
 * After the last packet, tshark's length check (rtcp.length_check). Not done: the "Stream setup
 * by SDP" items (rtcp.setup*), feedback (205/206) and XR (207) contents, round-trip delay. */
#include "../dissect.h"

#include <stdio.h>

static struct tw_proto_ids ids;
#define HF(x) ((uint16_t)(ids.base + (x)))

enum {
    F_VERSION,
    F_PADDING,
    F_RC,
    F_SC,
    F_APP_SUBTYPE,
    F_PT,
    F_LENGTH,
    F_SENDER_SSRC,
    F_NTP_MSW,
    F_NTP_LSW,
    F_NTP,
    F_RTP_TS,
    F_PACKETS,
    F_OCTETS,
    F_SSRC_ID,
    F_FRACTION,
    F_CUM_NR,
    F_EXT_HIGH,
    F_HIGH_CYCLES,
    F_HIGH_SEQ,
    F_JITTER,
    F_LSR,
    F_DLSR,
    F_SDES_TYPE,
    F_SDES_LENGTH,
    F_SDES_TEXT,
    F_APP_NAME,
    F_APP_DATA,
    F_PADDING_COUNT,
    F_PADDING_DATA,
    F_LENGTH_CHECK,
    F_PSE_TYPE,
    F_PSE_LEN,
    F_PSE,
    F_COUNT
};

static const struct tw_vs version_vals[] = {
    {0, "Old VAT Version"}, {1, "First Draft Version"}, {2, "RFC 1889 Version"}, {0, NULL}};
static const struct tw_vs pt_vals[] = {{192, "Full INTRA-frame Request (H.261)"},
                                       {193, "Negative Acknowledgement (H.261)"},
                                       {194, "SMPTE time-code mapping"},
                                       {195, "Extended inter-arrival jitter report"},
                                       {200, "Sender Report"},
                                       {201, "Receiver Report"},
                                       {202, "Source description"},
                                       {203, "Goodbye"},
                                       {204, "Application specific"},
                                       {205, "Generic RTP Feedback"},
                                       {206, "Payload-specific Feedback"},
                                       {207, "Extended report (RFC 3611)"},
                                       {208, "AVB RTCP packet (IEEE1733)"},
                                       {209, "Receiver Summary Information"},
                                       {210, "Port Mapping"},
                                       {211, "IDMS Settings"},
                                       {212, "Reporting Group Reporting Sources"},
                                       {213, "Splicing Notification Message"},
                                       {0, NULL}};
static const struct tw_vs sdes_vals[] = {
    {0, "END"},
    {1, "CNAME (user and domain)"},
    {2, "NAME (common name)"},
    {3, "EMAIL (e-mail address)"},
    {4, "PHONE (phone number)"},
    {5, "LOC (geographic location)"},
    {6, "TOOL (name/version of source app)"},
    {7, "NOTE (note about source)"},
    {8, "PRIV (private extensions)"},
    {9, "H323-CADDR (H.323 callable address)"},
    {10, "Apsi (Application Specific Identifier)"},
    {11, "RGRP (Reporting Group)"},
    {12, "RtpStreamId (RTP Stream Identifier)"},
    {13, "RepairedRtpStreamId (Repaired RTP Stream Identifier)"},
    {14, "MID (Media Stream Identifier)"},
    {0, NULL}};
static const struct tw_tfs tfs_true_false = {"True", "False"};
static const struct tw_tfs tfs_ok = {"OK", "Wrong"};

static const struct tw_field_def fields[F_COUNT] = {
    [F_VERSION] = {"rtcp.version", "Version", TW_FT_UINT8, TW_BASE_DEC, 0xC0, version_vals},
    [F_PADDING] = {"rtcp.padding", "Padding", TW_FT_BOOLEAN, 8, 0x20, NULL, NULL, &tfs_true_false},
    [F_RC] = {"rtcp.rc", "Reception report count", TW_FT_UINT8, TW_BASE_DEC, 0x1F},
    [F_SC] = {"rtcp.sc", "Source count", TW_FT_UINT8, TW_BASE_DEC, 0x1F},
    [F_APP_SUBTYPE] = {"rtcp.app.subtype", "Subtype", TW_FT_UINT8, TW_BASE_DEC, 0x1F},
    [F_PT] = {"rtcp.pt", "Packet type", TW_FT_UINT8, TW_BASE_DEC, 0, pt_vals},
    [F_LENGTH] = {"rtcp.length", "Length", TW_FT_UINT16, TW_BASE_DEC, 0, NULL, NULL, NULL,
                  "32-bit words (-1) in packet"},
    [F_SENDER_SSRC] = {"rtcp.senderssrc", "Sender SSRC", TW_FT_UINT32, TW_BASE_HEX_DEC},
    [F_NTP_MSW] = {"rtcp.timestamp.ntp.msw", "Timestamp, MSW", TW_FT_UINT32, TW_BASE_DEC_HEX},
    [F_NTP_LSW] = {"rtcp.timestamp.ntp.lsw", "Timestamp, LSW", TW_FT_UINT32, TW_BASE_DEC_HEX},
    [F_NTP] = {"rtcp.timestamp.ntp", "MSW and LSW as NTP timestamp", TW_FT_ABSOLUTE_TIME,
               TW_ABSTIME_UTC},
    [F_RTP_TS] = {"rtcp.timestamp.rtp", "RTP timestamp", TW_FT_UINT32, TW_BASE_DEC},
    [F_PACKETS] = {"rtcp.sender.packetcount", "Sender's packet count", TW_FT_UINT32, TW_BASE_DEC},
    [F_OCTETS] = {"rtcp.sender.octetcount", "Sender's octet count", TW_FT_UINT32, TW_BASE_DEC},
    [F_SSRC_ID] = {"rtcp.ssrc.identifier", "Identifier", TW_FT_UINT32, TW_BASE_HEX_DEC},
    [F_FRACTION] = {"rtcp.ssrc.fraction", "Fraction lost", TW_FT_UINT8, TW_BASE_DEC},
    [F_CUM_NR] = {"rtcp.ssrc.cum_nr", "Cumulative number of packets lost", TW_FT_INT24,
                  TW_BASE_DEC},
    [F_EXT_HIGH] = {"rtcp.ssrc.ext_high", "Extended highest sequence number received", TW_FT_UINT32,
                    TW_BASE_DEC},
    [F_HIGH_CYCLES] = {"rtcp.ssrc.high_cycles", "Sequence number cycles count", TW_FT_UINT16,
                       TW_BASE_DEC},
    [F_HIGH_SEQ] = {"rtcp.ssrc.high_seq", "Highest sequence number received", TW_FT_UINT16,
                    TW_BASE_DEC},
    [F_JITTER] = {"rtcp.ssrc.jitter", "Interarrival jitter", TW_FT_UINT32, TW_BASE_DEC},
    [F_LSR] = {"rtcp.ssrc.lsr", "Last SR timestamp", TW_FT_UINT32, TW_BASE_DEC_HEX},
    [F_DLSR] = {"rtcp.ssrc.dlsr", "Delay since last SR timestamp", TW_FT_UINT32, TW_BASE_DEC},
    [F_SDES_TYPE] = {"rtcp.sdes.type", "Type", TW_FT_UINT8, TW_BASE_DEC, 0, sdes_vals},
    [F_SDES_LENGTH] = {"rtcp.sdes.length", "Length", TW_FT_UINT32, TW_BASE_DEC},
    [F_SDES_TEXT] = {"rtcp.sdes.text", "Text", TW_FT_STRING, TW_BASE_NONE},
    [F_APP_NAME] = {"rtcp.app.name", "Name (ASCII)", TW_FT_STRING, TW_BASE_NONE},
    [F_APP_DATA] = {"rtcp.app.data", "Application specific data", TW_FT_BYTES},
    [F_PADDING_COUNT] = {"rtcp.padding.count", "Padding count", TW_FT_UINT8, TW_BASE_DEC},
    [F_PADDING_DATA] = {"rtcp.padding.data", "Padding data", TW_FT_BYTES},
    [F_LENGTH_CHECK] = {"rtcp.length_check", "RTCP frame length check", TW_FT_BOOLEAN, 0, 0, NULL,
                        NULL, &tfs_ok},
    [F_PSE_TYPE] = {"rtcp.profile-specific-extension.type", "Extension Type", TW_FT_UINT16,
                    TW_BASE_DEC},
    [F_PSE_LEN] = {"rtcp.profile-specific-extension.length", "Extension Length", TW_FT_UINT16,
                   TW_BASE_DEC},
    [F_PSE] = {"rtcp.profile-specific-extension", "Profile-specific extension", TW_FT_BYTES},
};

static uint32_t rd32(const uint8_t *b)
{
    return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

static uint32_t report_blocks(struct tw_pkt *p, const uint8_t *d, uint32_t o, uint32_t end,
                              uint32_t count)
{
    for (uint32_t i = 0; i < count && o + 24 <= end; i++, o += 24) {
        const uint8_t *b = d + o;
        int32_t s = tw_add_text(p, o, 24, "Source %u", i + 1);
        tw_tree_push(p, s);
        tw_add_uint(p, HF(F_SSRC_ID), o, 4, rd32(b));
        int32_t c = tw_add_text(p, o + 4, 4, "SSRC contents");
        tw_tree_push(p, c);
        int32_t r = tw_add_uint(p, HF(F_FRACTION), o + 4, 1, b[4]);
        tw_rec_label(p, r, "Fraction lost: %u / 256", b[4]);
        uint32_t cum = (uint32_t)b[5] << 16 | (uint32_t)b[6] << 8 | b[7];
        int32_t cv = (cum & 0x800000) ? (int32_t)(cum | 0xff000000u) : (int32_t)cum;
        tw_add_int(p, HF(F_CUM_NR), o + 5, 3, cv);
        tw_tree_pop(p);
        uint32_t eh = rd32(b + 8);
        r = tw_add_uint(p, HF(F_EXT_HIGH), o + 8, 4, eh);
        tw_tree_push(p, r);
        tw_add_uint(p, HF(F_HIGH_CYCLES), o + 8, 2, eh >> 16);
        tw_add_uint(p, HF(F_HIGH_SEQ), o + 10, 2, eh & 0xffff);
        tw_tree_pop(p);
        tw_add_uint(p, HF(F_JITTER), o + 12, 4, rd32(b + 12));
        tw_add_uint(p, HF(F_LSR), o + 16, 4, rd32(b + 16));
        uint32_t dlsr = rd32(b + 20);
        r = tw_add_uint(p, HF(F_DLSR), o + 20, 4, dlsr);
        tw_rec_label(p, r, "Delay since last SR timestamp: %u (%d milliseconds)", dlsr,
                     (int)((double)dlsr / 65.536));
        tw_tree_pop(p);
    }
    return o;
}

/* profile-specific extensions, `remaining` bytes of the packet at o: type, length (at least 4),
 * value; false when one runs past the data (tshark's exception) */
static bool pse(struct tw_pkt *p, const uint8_t *d, uint32_t o, uint32_t end, uint32_t remaining)
{
    int64_t rem = remaining;
    while (rem != 0) {
        if (o + 4 > end) return false;
        uint16_t et = (uint16_t)(d[o] << 8 | d[o + 1]);
        uint32_t el = (uint32_t)(d[o + 2] << 8 | d[o + 3]);
        if (el < 4) el = 4;
        if (o + el > end) return false;
        int32_t t = tw_add_text(p, o, el, "Payload Specific Extension (Unknown)");
        tw_tree_push(p, t);
        int32_t r = tw_add_uint(p, HF(F_PSE_TYPE), o, 2, et);
        tw_rec_label(p, r, "Extension Type: Unknown (%u)", et);
        tw_add_uint(p, HF(F_PSE_LEN), o + 2, 2, el);
        if (el > 4) tw_add_ptr(p, HF(F_PSE), o + 4, el - 4, d + o + 4, el - 4);
        tw_tree_pop(p);
        o += el;
        rem -= el;
    }
    return true;
}

/* SDES chunks, or BYE's SSRCs and reason */
static void sdes(struct tw_pkt *p, const uint8_t *d, uint32_t o, uint32_t end, uint32_t count)
{
    for (uint32_t i = 0; i < count && o + 4 <= end; i++) {
        uint32_t ssrc = rd32(d + o), cs = o;
        int32_t ch = tw_add_text(p, o, 0, "Chunk %u, SSRC/CSRC 0x%X", i + 1, ssrc);
        tw_tree_push(p, ch);
        tw_add_uint(p, HF(F_SSRC_ID), o, 4, ssrc);
        o += 4;
        int32_t it = tw_add_text(p, o, 0, "SDES items");
        tw_tree_push(p, it);
        uint32_t is = o;
        while (o < end) {
            uint8_t t = d[o];
            tw_add_uint(p, HF(F_SDES_TYPE), o, 1, t);
            o++;
            if (t == 0) break;
            if (o >= end) break;
            uint8_t len = d[o];
            tw_add_uint(p, HF(F_SDES_LENGTH), o, 1, len);
            o++;
            if (o + len > end) len = (uint8_t)(end - o);
            tw_add_ascii(p, HF(F_SDES_TEXT), o, len, d + o);
            o += len;
        }
        tw_rec_setlen(p, it, o - is);
        tw_tree_pop(p);
        /* the chunk ends on a 32-bit boundary */
        while ((o - cs) % 4 && o < end) o++;
        tw_rec_setlen(p, ch, o - cs);
        tw_tree_pop(p);
    }
}

static enum tw_status dissect(struct tw_pkt *p, struct tw_cur *c)
{
    const uint32_t start = c->off, end = c->off + tw_cur_avail(c);
    const uint8_t *d = c->data;
    if (!p->cols_locked) tw_col_proto(p, "RTCP");
    tw_info_clear(p);
    uint32_t o = start, ntree = p->ntree ? p->ntree - 1 : 0; /* where the item hangs */
    bool first = true;
    while (o + 4 <= end) {
        uint8_t b0 = d[o], pt = d[o + 1];
        uint16_t words = (uint16_t)(d[o + 2] << 8 | d[o + 3]);
        uint32_t plen = 4u * (words + 1u);
        uint32_t pend = o + plen > end ? end : o + plen;
        uint32_t count = b0 & 0x1f;
        if (!first)
            tw_layer_next_item(p, ids.field, o, plen, ntree);
        else
            tw_layer_setlen(p, plen);
        first = false;
        const char *tn = tw_vs_find(pt_vals, pt);
        tw_layer_label(p, "Real-time Transport Control Protocol (%s)", tn ? tn : "Unknown");
        tw_info_printf(p, "%s   ", tn ? tn : "Unknown");
        tw_add_bits(p, HF(F_VERSION), o, 1, b0);
        tw_add_bits(p, HF(F_PADDING), o, 1, b0);
        tw_add_bits(p,
                    HF(pt == 202 || pt == 203 ? F_SC
                       : pt == 204            ? F_APP_SUBTYPE
                                              : F_RC),
                    o, 1, b0);
        tw_add_uint(p, HF(F_PT), o + 1, 1, pt);
        int32_t r = tw_add_uint(p, HF(F_LENGTH), o + 2, 2, words);
        tw_rec_label(p, r, "Length: %u (%u bytes)", words, plen);
        uint32_t x = o + 4;
        if ((pt == 200 || pt == 201) && x + 4 <= pend) {
            tw_add_uint(p, HF(F_SENDER_SSRC), x, 4, rd32(d + x));
            x += 4;
            if (pt == 200 && x + 20 <= pend) {
                uint32_t msw = rd32(d + x), lsw = rd32(d + x + 4);
                tw_add_uint(p, HF(F_NTP_MSW), x, 4, msw);
                tw_add_uint(p, HF(F_NTP_LSW), x + 4, 4, lsw);
                /* NTP era: a seconds value without its top bit is past 2036 (era 1) */
                int64_t secs = (int64_t)msw + ((msw & 0x80000000u) ? 0 : 4294967296LL);
                struct tw_time t = {secs - 2208988800LL,
                                    (int32_t)(((uint64_t)lsw * 1000000000ull) >> 32)};
                r = tw_add_time(p, HF(F_NTP), x, 8, t);
                tw_rec_flags(p, r, TW_RF_GENERATED);
                tw_add_uint(p, HF(F_RTP_TS), x + 8, 4, rd32(d + x + 8));
                tw_add_uint(p, HF(F_PACKETS), x + 12, 4, rd32(d + x + 12));
                tw_add_uint(p, HF(F_OCTETS), x + 16, 4, rd32(d + x + 16));
                x += 20;
            }
            x = report_blocks(p, d, x, pend, count);
            /* what the packet's length leaves after the reports: profile-specific extensions
             * (tshark reads them up to the length, so one that runs past the data ends the
             * dissection) */
            if (x < o + plen && !pse(p, d, x, end, o + plen - x)) {
                c->off = c->end;
                return tw_cur_left(c) > tw_cur_avail(c) ? TW_TRUNCATED : TW_MALFORMED;
            }
        } else if (pt == 202) {
            sdes(p, d, x, pend, count);
        } else if (pt == 203) {
            for (uint32_t i = 0; i < count && x + 4 <= pend; i++, x += 4)
                tw_add_uint(p, HF(F_SSRC_ID), x, 4, rd32(d + x));
            if (x < pend) {
                uint8_t len = d[x];
                tw_add_uint(p, HF(F_SDES_LENGTH), x, 1, len);
                if (x + 1 + len > pend) len = (uint8_t)(pend - x - 1);
                tw_add_ascii(p, HF(F_SDES_TEXT), x + 1, len, d + x + 1);
            }
        } else if (pt == 204 && x + 8 <= pend) {
            tw_add_uint(p, HF(F_SSRC_ID), x, 4, rd32(d + x));
            tw_add_ascii(p, HF(F_APP_NAME), x + 4, 4, d + x + 4);
            tw_info_printf(p, "( %.4s ) subtype=%u", (const char *)d + x + 4, count);
            x += 8;
            if (x < pend) tw_add_ptr(p, HF(F_APP_DATA), x, pend - x, d + x, pend - x);
        }
        o += plen;
    }
    if (o == end && !first) {
        int32_t r = tw_add_uint(p, HF(F_LENGTH_CHECK), end, 0, 1);
        tw_rec_flags(p, r, TW_RF_GENERATED);
        tw_rec_label(p, r, "RTCP frame length check: OK - %u bytes", end - start);
    }
    c->off = c->end;
    return TW_OK;
}

/* tshark 4.0's RTCP heuristic on UDP (enabled by default): version 2, a first packet that is a
 * sender or receiver report, BYE, APP or payload-specific feedback, and a datagram length that
 * is a multiple of 4 */
static bool rtcp_heur(struct tw_pkt *p, const struct tw_cur *c)
{
    (void)p;
    const uint8_t *b;
    if (!tw_cur_try_peek(c, 0, 2, &b)) return false;
    if (b[0] >> 6 != 2) return false;
    if (b[1] != 200 && b[1] != 201 && b[1] != 203 && b[1] != 204 && b[1] != 206) return false;
    return tw_cur_left(c) % 4 == 0;
}

static const struct tw_binding bindings[] = {{TW_TBL_NAME, TW_KEY_RTCP}};

const struct tw_proto tw_proto_rtcp = {
    .abbrev = "rtcp",
    .name = "Real-time Transport Control Protocol",
    .short_name = "RTCP",
    .fields = fields,
    .nfields = F_COUNT,
    .bindings = bindings,
    .nbindings = TW_ARRAY_LEN(bindings),
    .dissect = dissect,
    .ids = &ids,
    .heur = rtcp_heur,
    .heur_tables = {TW_TBL_UDP_PORT},
    .flags = TW_PROTO_NO_COLUMN,
};
