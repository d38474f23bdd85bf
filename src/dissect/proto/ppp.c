/* PPP (RFC 1661) in HDLC-like framing (RFC 1662) and bare, and PPP over Ethernet (RFC 2516):
 * the discovery stage (PPPoED, EtherType 0x8863) and the session stage (PPPoES, 0x8864).
 *
 *   PPP in HDLC-like framing:             PPPoE header:
 *   +------+---------+----------+------+  +---+---+------+------------+----------------+
 *   | 0xff | 0x03    | protocol | info |  |ver|typ| code | session ID | payload length |
 *   +------+---------+----------+------+  +---+---+------+------------+----------------+
 *    (address and control may be absent;    4b  4b   8b       16b            16b
 *     the protocol is 1 octet when its      then PPP (session) or TLV tags (discovery)
 *     first octet is odd)
 *
 * The protocol field dispatches on TW_TBL_PPP_PROTO. */
#include "../dissect.h"

#include <stdio.h>

/* ---------------------------------------------------------------------------------------------
 * PPP
 * ------------------------------------------------------------------------------------------- */
static struct tw_proto_ids ids;
#define HF(x) ((uint16_t)(ids.base + (x)))

enum {
    F_DIRECTION,
    F_ADDRESS,
    F_CONTROL,
    F_PROTOCOL,
    F_CODE,
    F_IDENTIFIER,
    F_LENGTH,
    F_MAGIC,
    F_OUI,
    F_KIND,
    F_DATA,
    F_COUNT
};

/* PPP DLL protocol numbers (IANA "PPP DLL Protocol Numbers"), the names Wireshark shows */
const struct tw_vs tw_ppp_vals[] = {
    {0x0001, "Padding Protocol"},
    {0x0003, "ROHC small-CID"},
    {0x0005, "ROHC large-CID"},
    {0x0021, "Internet Protocol version 4"},
    {0x0023, "OSI Network Layer"},
    {0x0025, "Xerox NS IDP"},
    {0x0027, "DECnet Phase IV"},
    {0x0029, "Appletalk"},
    {0x002b, "Novell IPX"},
    {0x002d, "Van Jacobson Compressed TCP/IP"},
    {0x002f, "Van Jacobson Uncompressed TCP/IP"},
    {0x0031, "Bridging PDU"},
    {0x0033, "Stream Protocol (ST-II)"},
    {0x0035, "Banyan Vines"},
    {0x0039, "AppleTalk EDDP"},
    {0x003b, "AppleTalk SmartBuffered"},
    {0x003d, "Multi-Link"},
    {0x003f, "NETBIOS Framing"},
    {0x0041, "Cisco Systems"},
    {0x0043, "Ascom Timeplex"},
    {0x0045, "Fujitsu Link Backup and Load Balancing (LBLB)"},
    {0x0047, "DCA Remote Lan"},
    {0x0049, "Serial Data Transport Protocol (PPP-SDTP)"},
    {0x004b, "SNA over 802.2"},
    {0x004d, "SNA"},
    {0x004f, "IPv6 Header Compression "},
    {0x0051, "KNX Bridging Data"},
    {0x0053, "Encryption"},
    {0x0055, "Individual Link Encryption"},
    {0x0057, "Internet Protocol version 6"},
    {0x0059, "PPP Muxing"},
    {0x005b, "Vendor-Specific Network Protocol (VSNP)"},
    {0x005d, "TRILL Network Protocol (TNP)"},
    {0x0061, "RTP IPHC Full Header"},
    {0x0063, "RTP IPHC Compressed TCP"},
    {0x0065, "RTP IPHC Compressed Non TCP"},
    {0x0067, "RTP IPHC Compressed UDP 8"},
    {0x0069, "RTP IPHC Compressed RTP 8"},
    {0x006f, "Stampede Bridging"},
    {0x0073, "MP+ Protocol"},
    {0x00c1, "NTCITS IPI"},
    {0x00fb, "Single link compression in multilink"},
    {0x00fd, "Compressed datagram"},
    {0x0201, "802.1d Hello Packets"},
    {0x0203, "IBM Source Routing BPDU"},
    {0x0205, "DEC LANBridge100 Spanning Tree"},
    {0x0207, "Cisco Discovery Protocol"},
    {0x0209, "Netcs Twin Routing"},
    {0x020b, "STP - Scheduled Transfer Protocol"},
    {0x020d, "EDP - Extreme Discovery Protocol"},
    {0x0211, "Optical Supervisory Channel Protocol (OSCP)"},
    {0x0213, "Optical Supervisory Channel Protocol (OSCP)"},
    {0x0231, "Luxcom"},
    {0x0233, "Sigma Network Systems"},
    {0x0235, "Apple Client Server Protocol"},
    {0x0281, "MPLS Unicast"},
    {0x0283, "MPLS Multicast"},
    {0x0285, "IEEE p1284.4 standard - data packets"},
    {0x0287, "ETSI TETRA Network Protocol Type 1"},
    {0x0289, "Multichannel Flow Treatment Protocol"},
    {0x2063, "RTP IPHC Compressed TCP No Delta"},
    {0x2065, "RTP IPHC Context State"},
    {0x2067, "RTP IPHC Compressed UDP 16"},
    {0x2069, "RTP IPHC Compressed RTP 16"},
    {0x4001, "Cray Communications Control Protocol"},
    {0x4003, "CDPD Mobile Network Registration Protocol"},
    {0x4005, "Expand accelerator protocol"},
    {0x4007, "ODSICP NCP"},
    {0x4009, "DOCSIS DLL"},
    {0x400b, "Cetacean Network Detection Protocol"},
    {0x4021, "Stacker LZS"},
    {0x4023, "RefTek Protocol"},
    {0x4025, "Fibre Channel"},
    {0x4027, "EMIT Protocols"},
    {0x405b, "Vendor-Specific Protocol (VSP)"},
    {0x405d, "TRILL Link State Protocol (TLSP)"},
    {0x8021, "Internet Protocol Control Protocol"},
    {0x8023, "OSI Network Layer Control Protocol"},
    {0x8025, "Xerox NS IDP Control Protocol"},
    {0x8027, "DECnet Phase IV Control Protocol"},
    {0x8029, "AppleTalk Control Protocol"},
    {0x802b, "Novell IPX Control Protocol"},
    {0x8031, "Bridging NCP"},
    {0x8033, "Stream Protocol Control Protocol"},
    {0x8035, "Banyan Vines Control Protocol"},
    {0x803d, "Multi-Link Control Protocol"},
    {0x803f, "NETBIOS Framing Control Protocol"},
    {0x8041, "Cisco Systems Control Protocol"},
    {0x8043, "Ascom Timeplex"},
    {0x8045, "Fujitsu LBLB Control Protocol"},
    {0x8047, "DCA Remote Lan Network Control Protocol (RLNCP)"},
    {0x8049, "Serial Data Control Protocol (PPP-SDCP)"},
    {0x804b, "SNA over 802.2 Control Protocol"},
    {0x804d, "SNA Control Protocol"},
    {0x804f, "IP6 Header Compression Control Protocol"},
    {0x8051, "KNX Bridging Control Protocol"},
    {0x8053, "Encryption Control Protocol"},
    {0x8055, "Individual Link Encryption Control Protocol"},
    {0x8057, "IPv6 Control Protocol"},
    {0x8059, "PPP Muxing Control Protocol"},
    {0x805b, "Vendor-Specific Network Control Protocol (VSNCP)"},
    {0x805d, "TRILL Network Control Protocol"},
    {0x806f, "Stampede Bridging Control Protocol"},
    {0x8073, "MP+ Control Protocol"},
    {0x80c1, "NTCITS IPI Control Protocol"},
    {0x80fb, "Single link compression in multilink control"},
    {0x80fd, "Compression Control Protocol"},
    {0x8207, "Cisco Discovery Protocol Control Protocol"},
    {0x8209, "Netcs Twin Routing"},
    {0x820b, "STP - Control Protocol"},
    {0x820d, "EDPCP - Extreme Discovery Protocol Control Protocol"},
    {0x8235, "Apple Client Server Protocol Control"},
    {0x8281, "MPLS Control Protocol"},
    {0x8285, "IEEE p1284.4 standard - Protocol Control"},
    {0x8287, "ETSI TETRA TNP1 Control Protocol"},
    {0x8289, "Multichannel Flow Treatment Protocol"},
    {0xc021, "Link Control Protocol"},
    {0xc023, "Password Authentication Protocol"},
    {0xc025, "Link Quality Report"},
    {0xc027, "Shiva Password Authentication Protocol"},
    {0xc029, "Callback Control Protocol (CBCP)"},
    {0xc02b, "BACP Bandwidth Allocation Control Protocol"},
    {0xc02d, "BAP Bandwidth Allocation Protocol"},
    {0xc05b, "Vendor-Specific Authentication Protocol (VSAP)"},
    {0xc081, "Container Control Protocol"},
    {0xc223, "Challenge Handshake Authentication Protocol"},
    {0xc225, "RSA Authentication Protocol"},
    {0xc227, "Extensible Authentication Protocol"},
    {0xc229, "Mitsubishi Security Information Exchange Protocol (SIEP)"},
    {0xc26f, "Stampede Bridging Authorization Protocol"},
    {0xc281, "Proprietary Authentication Protocol"},
    {0xc283, "Proprietary Authentication Protocol"},
    {0xc481, "Proprietary Node ID Authentication Protocol"},
    {0, NULL}};

static const struct tw_vs direction_vals[] = {{0, "DTE->DCE"}, {1, "DCE->DTE"}, {0, NULL}};

static const struct tw_field_def fields[F_COUNT] = {
    [F_DIRECTION] = {"ppp.direction", "Direction", TW_FT_UINT8, TW_BASE_DEC, 0, direction_vals,
                     NULL, NULL, "PPP direction"},
    [F_ADDRESS] = {"ppp.address", "Address", TW_FT_UINT8, TW_BASE_HEX},
    [F_CONTROL] = {"ppp.control", "Control", TW_FT_UINT8, TW_BASE_HEX},
    [F_PROTOCOL] = {"ppp.protocol", "Protocol", TW_FT_UINT16, TW_BASE_HEX, 0, tw_ppp_vals},
    /* shared by the control protocols below */
    [F_CODE] = {"ppp.code", "Code", TW_FT_UINT8, TW_BASE_DEC},
    [F_IDENTIFIER] = {"ppp.identifier", "Identifier", TW_FT_UINT8, TW_BASE_DEC_HEX},
    [F_LENGTH] = {"ppp.length", "Length", TW_FT_UINT16, TW_BASE_DEC},
    [F_MAGIC] = {"ppp.magic_number", "Magic Number", TW_FT_UINT32, TW_BASE_HEX},
    [F_OUI] = {"ppp.oui", "OUI", TW_FT_UINT24, TW_BASE_OUI},
    [F_KIND] = {"ppp.kind", "Kind", TW_FT_UINT8, TW_BASE_DEC_HEX},
    [F_DATA] = {"ppp.data", "Data", TW_FT_BYTES},
};

/* private TW_TBL_NAME key: PPP without HDLC framing (PPPoE sessions) */
#define KEY_PPP_PLAIN 0x50505001u

static const uint8_t na[] = "N/A";

/* The protocol field and what it carries. */
static void ppp_common(struct tw_pkt *p, struct tw_cur *c, uint32_t hdr_len)
{
    uint32_t off = c->off;
    uint8_t b0 = tw_cur_peek_u8(c, 0);
    if (!tw_cur_ok(c)) return;
    uint16_t proto;
    uint32_t plen;
    if (b0 & 1) { /* protocol field compression */
        proto = tw_cur_u8(c);
        plen = 1;
    } else {
        proto = tw_cur_u16(c);
        if (!tw_cur_ok(c)) return;
        plen = 2;
    }
    tw_layer_setlen(p, hdr_len + plen);
    tw_add_uint(p, HF(F_PROTOCOL), off, plen, proto);
    struct tw_cur pl = tw_cur_rest(c);
    if (tw_dispatch_find(TW_TBL_PPP_PROTO, proto) >= 0) {
        tw_next(p, TW_TBL_PPP_PROTO, proto, pl);
        return;
    }
    if (p->want_cols && !p->cols_locked)
        tw_col_proto(p, tw_arena_printf(p->arena, "0x%04x", proto));
    const char *nm = tw_vs_find(tw_ppp_vals, proto);
    tw_info_clear(p);
    tw_info_printf(p, "PPP %s (0x%04x)", nm ? nm : "Unknown", proto);
    tw_next(p, TW_TBL_NAME, TW_KEY_DATA, pl);
}

static enum tw_status dissect(struct tw_pkt *p, struct tw_cur *c)
{
    if (p->via_table == TW_TBL_NAME && p->via_key == KEY_PPP_PLAIN) {
        ppp_common(p, c, 0);
        return TW_OK;
    }
    /* HDLC-like framing; LINKTYPE_PPP_WITH_DIR has a direction octet first (1 = sent) */
    int dir = -1;
    if (p->via_table == TW_TBL_LINKTYPE && p->via_key == 204) {
        uint8_t d = tw_cur_u8(c);
        if (!tw_cur_ok(c)) return TW_OK;
        dir = d == 1 ? 0 : 1;
    }
    uint8_t b0 = tw_cur_peek_u8(c, 0);
    if (!tw_cur_ok(c)) {
        tw_layer_unrecord(p);
        return TW_OK;
    }
    if (b0 == 0x0f || b0 == 0x8f) { /* Cisco HDLC inside a PPP link type */
        tw_next(p, TW_TBL_LINKTYPE, 104, *c);
        return TW_OK;
    }
    tw_col_proto(p, "PPP");
    if (dir == 0)
        tw_col_dl(p, TW_AT_STR, (const uint8_t *)"DTE", (const uint8_t *)"DCE", 3);
    else if (dir == 1)
        tw_col_dl(p, TW_AT_STR, (const uint8_t *)"DCE", (const uint8_t *)"DTE", 3);
    else
        tw_col_dl(p, TW_AT_STR, na, na, 3);
    if (dir >= 0) {
        int32_t r = tw_add_uint(p, HF(F_DIRECTION), c->off, 0, (uint64_t)dir);
        tw_rec_flags(p, r, TW_RF_GENERATED);
    }
    uint32_t hdr = 0;
    if (b0 == 0xff) {
        uint32_t off = c->off;
        uint8_t a = tw_cur_u8(c);
        tw_add_uint(p, HF(F_ADDRESS), off, 1, a);
        uint8_t ctl = tw_cur_u8(c);
        if (!tw_cur_ok(c)) return TW_OK;
        tw_add_uint(p, HF(F_CONTROL), off + 1, 1, ctl);
        hdr = 2;
    }
    ppp_common(p, c, hdr);
    return TW_OK;
}

static const struct tw_binding bindings[] = {
    {TW_TBL_LINKTYPE, 9},   /* LINKTYPE_PPP */
    {TW_TBL_LINKTYPE, 50},  /* LINKTYPE_PPP_HDLC */
    {TW_TBL_LINKTYPE, 204}, /* LINKTYPE_PPP_WITH_DIR */
    {TW_TBL_NAME, TW_KEY_PPP}, {TW_TBL_NAME, KEY_PPP_PLAIN},
};

const struct tw_proto tw_proto_ppp = {
    .abbrev = "ppp",
    .name = "Point-to-Point Protocol",
    .short_name = "PPP",
    .fields = fields,
    .nfields = F_COUNT,
    .bindings = bindings,
    .nbindings = TW_ARRAY_LEN(bindings),
    .dissect = dissect,
    .ids = &ids,
    .flags = TW_PROTO_NO_COLUMN, /* bare PPP leaves the column to PPPoES */
};

/* ---------------------------------------------------------------------------------------------
 * PPPoE: the header fields belong to "pppoe" (never a layer of its own), as in Wireshark
 * ------------------------------------------------------------------------------------------- */
static struct tw_proto_ids poe_ids;
#define PF(x) ((uint16_t)(poe_ids.base + (x)))
#define PX(x) ((uint16_t)(poe_ids.expert_base + (x)))

enum { P_VERSION, P_TYPE, P_CODE, P_SESSION_ID, P_PAYLOAD_LENGTH, P_COUNT };

static const struct tw_vs code_vals[] = {{0x00, "Session Data"},
                                         {0x07, "Active Discovery Offer (PADO)"},
                                         {0x09, "Active Discovery Initiation (PADI)"},
                                         {0x0a, "Active Discovery Session-Grant (PADG)"},
                                         {0x0b, "Active Discovery Session-Credit Resp.(PADC)"},
                                         {0x0c, "Active Discovery Quality (PADQ)"},
                                         {0x19, "Active Discovery Request (PADR)"},
                                         {0x65, "Active Discovery Session-confirmation (PADS)"},
                                         {0xa7, "Active Discovery Terminate (PADT)"},
                                         {0xd3, "Active Discovery Message (PADM)"},
                                         {0xd4, "Active Discovery Network (PADN)"},
                                         {0, NULL}};

static const struct tw_field_def poe_fields[P_COUNT] = {
    [P_VERSION] = {"pppoe.version", "Version", TW_FT_UINT8, TW_BASE_DEC, 0xf0},
    [P_TYPE] = {"pppoe.type", "Type", TW_FT_UINT8, TW_BASE_DEC, 0x0f},
    [P_CODE] = {"pppoe.code", "Code", TW_FT_UINT8, TW_BASE_HEX, 0, code_vals},
    [P_SESSION_ID] = {"pppoe.session_id", "Session ID", TW_FT_UINT16, TW_BASE_HEX},
    [P_PAYLOAD_LENGTH] = {"pppoe.payload_length", "Payload Length", TW_FT_UINT16, TW_BASE_DEC},
};

static const struct tw_expert_def poe_experts[] = {
    {"pppoed.tag_length.invalid", "decoder.pppoe.tag_length", TW_SEV_WARN, TW_GRP_MALFORMED,
     "Wrong length"},
    {"pppoe.payload_length.bad", "decoder.pppoe.payload_length", TW_SEV_WARN, TW_GRP_MALFORMED,
     "Possible bad payload length"},
};
enum { PE_TAG_LENGTH, PE_PAYLOAD_LENGTH };

const struct tw_proto tw_proto_pppoe = {
    .abbrev = "pppoe",
    .name = "PPP-over-Ethernet",
    .short_name = "PPPoE",
    .fields = poe_fields,
    .nfields = P_COUNT,
    .experts = poe_experts,
    .nexperts = TW_ARRAY_LEN(poe_experts),
    .ids = &poe_ids,
};

/* The fixed header; false if it is not all there (the error is in the cursor). */
static bool poe_header(struct tw_pkt *p, struct tw_cur *c, uint32_t off, int32_t *len_rec)
{
    const uint8_t *h = tw_cur_bytes(c, 6);
    if (!h) return false;
    tw_add_bits(p, PF(P_VERSION), off, 1, h[0]);
    tw_add_bits(p, PF(P_TYPE), off, 1, h[0]);
    tw_add_uint(p, PF(P_CODE), off + 1, 1, h[1]);
    tw_add_uint(p, PF(P_SESSION_ID), off + 2, 2, (uint16_t)(h[2] << 8 | h[3]));
    *len_rec = tw_add_uint(p, PF(P_PAYLOAD_LENGTH), off + 4, 2, (uint16_t)(h[4] << 8 | h[5]));
    return true;
}

/* tshark builds a tree whenever it prints more than the summary line; some fields (and the
 * reads behind them) exist only then */
static bool have_tree(const struct tw_pkt *p)
{
    return p->has_tree;
}

/* ---------------------------------------------------------------------------------------------
 * PPPoES
 * ------------------------------------------------------------------------------------------- */
static struct tw_proto_ids pes_ids;
#define SF(x) ((uint16_t)(pes_ids.base + (x)))
enum { S_TAGS, S_CREDITS_FCN, S_CREDITS_BCN, S_COUNT };
static const struct tw_field_def pes_fields[S_COUNT] = {
    [S_TAGS] = {"pppoes.tags", "PPPoE Tags", TW_FT_NONE},
    [S_CREDITS_FCN] = {"pppoes.tags.credits.fcn", "FCN", TW_FT_UINT16, TW_BASE_DEC},
    [S_CREDITS_BCN] = {"pppoes.tags.credits.bcn", "BCN", TW_FT_UINT16, TW_BASE_DEC},
};

static uint16_t ded_credits_field(void);

static enum tw_status pppoes_dissect(struct tw_pkt *p, struct tw_cur *c)
{
    uint32_t off = c->off;
    tw_col_proto(p, "PPPoES");
    tw_info_clear(p);
    uint8_t code = tw_cur_peek_u8(c, 1);
    if (!tw_cur_ok(c)) {
        tw_layer_unrecord(p); /* Wireshark adds its line after these reads */
        return TW_OK;
    }
    const char *cn = tw_vs_find(code_vals, code);
    tw_info_set(p, cn ? cn : "Unknown");
    uint16_t rpl = tw_cur_peek_u16(c, 4);
    if (!tw_cur_ok(c)) {
        tw_layer_unrecord(p);
        return TW_OK;
    }
    uint32_t actual = c->end > off + 6 ? c->end - off - 6 : 0;
    tw_layer_setlen(p, 6);
    int32_t lrec = -1, last = -1;
    uint32_t credit = 0;
    if (have_tree(p)) {
        if (!poe_header(p, c, off, &lrec)) return TW_OK;
        last = lrec;
        c->off = off;
        uint16_t t6 = tw_cur_peek_u16(c, 6);
        if (!tw_cur_ok(c)) return TW_OK;
        if (t6 == 0x0106) { /* a Credits tag before the PPP frame */
            uint16_t tl = tw_cur_peek_u16(c, 8);
            if (!tw_cur_ok(c)) return TW_OK;
            int32_t t = tw_want(p, SF(S_TAGS)) ? tw_add_rec(p, SF(S_TAGS), off + 6, 8) : -1;
            last = t;
            tw_tree_push(p, t);
            if (tl == 4) {
                uint16_t fcn = tw_cur_peek_u16(c, 10), bcn = tw_cur_peek_u16(c, 12);
                if (!tw_cur_ok(c)) return TW_OK;
                tw_add_uint(p, SF(S_CREDITS_FCN), off + 10, 2, fcn);
                tw_add_uint(p, SF(S_CREDITS_BCN), off + 12, 2, bcn);
            } else {
                const uint8_t *b;
                if (!tw_cur_try_peek(c, 10, tl, &b)) {
                    c->err = (uint64_t)off + 10 + tl > c->end ? TW_CUR_MALFORMED : TW_CUR_TRUNCATED;
                    return TW_OK;
                }
                tw_add_ptr(p, ded_credits_field(), off + 10, tl, b, tl);
            }
            tw_tree_pop(p);
            credit = 8;
        }
    }
    /* a payload length that differs from what follows is suspect, unless the frame is short
     * enough to be padded, or LCP/IPCP (whose padding it never includes) */
    if (c->end - off > 46) {
        uint16_t cp = tw_cur_peek_u16(c, 6);
        if (!tw_cur_ok(c)) return TW_OK;
        if (cp != 0xc021 && cp != 0x8021 && rpl != actual && (uint32_t)rpl + 4 != actual) {
            if (last >= 0 && tw_want_labels(p) && last == lrec)
                tw_rec_label(p, last, "Payload Length: %u [incorrect, should be %u]", rpl, actual);
            tw_tree_push(p, last);
            tw_expert(p, PX(PE_PAYLOAD_LENGTH), off + 4, 2, "Possible bad payload length %u != %u",
                      rpl, actual);
            tw_tree_pop(p);
        }
    }
    /* the PPP frame is what the payload length covers */
    c->off = off;
    if (!tw_cur_skip(c, 6)) return TW_OK;
    uint32_t len = actual < rpl ? actual : rpl;
    if (len < credit) { /* Wireshark cannot build that payload either */
        c->err = TW_CUR_MALFORMED;
        return TW_MALFORMED;
    }
    tw_cur_skip(c, credit);
    struct tw_cur pl = tw_cur_sub(c, len - credit, NULL);
    tw_next(p, TW_TBL_NAME, KEY_PPP_PLAIN, pl);
    return TW_OK;
}

static const struct tw_binding pes_bindings[] = {
    {TW_TBL_ETHERTYPE, 0x8864}, {TW_TBL_LINKTYPE, 51}, /* LINKTYPE_PPP_ETHER */
};

const struct tw_proto tw_proto_pppoes = {
    .abbrev = "pppoes",
    .name = "PPP-over-Ethernet Session",
    .short_name = "PPPoES",
    .fields = pes_fields,
    .nfields = S_COUNT,
    .bindings = pes_bindings,
    .nbindings = TW_ARRAY_LEN(pes_bindings),
    .dissect = pppoes_dissect,
    .ids = &pes_ids,
};

/* ---------------------------------------------------------------------------------------------
 * PPPoED
 * ------------------------------------------------------------------------------------------- */
static struct tw_proto_ids ped_ids;
#define DF(x) ((uint16_t)(ped_ids.base + (x)))

enum {
    D_TAGS,
    D_TAG,
    D_TAG_LENGTH,
    D_TAG_LENGTH_8,
    D_UNKNOWN_DATA,
    D_SERVICE_NAME,
    D_AC_NAME,
    D_HOST_UNIQ,
    D_AC_COOKIE,
    D_VENDOR_ID,
    D_VENDOR_UNSPECIFIED,
    D_VSPEC_TAGS,
    D_VSPEC_TAG,
    D_CIRCUIT_ID,
    D_REMOTE_ID,
    D_ACT_RATE_UP,
    D_ACT_RATE_DOWN,
    D_MIN_RATE_UP,
    D_MIN_RATE_DOWN,
    D_ATT_RATE_UP,
    D_ATT_RATE_DOWN,
    D_MAX_RATE_UP,
    D_MAX_RATE_DOWN,
    D_MIN_RATE_UP_LP,
    D_MIN_RATE_DOWN_LP,
    D_MAX_DELAY_UP,
    D_ACT_DELAY_UP,
    D_MAX_DELAY_DOWN,
    D_ACT_DELAY_DOWN,
    D_ACCESS_LOOP,
    D_ACCESS_LOOP_LINK,
    D_ACCESS_LOOP_ENC1,
    D_ACCESS_LOOP_ENC2,
    D_CREDITS,
    D_CREDITS_FCN,
    D_CREDITS_BCN,
    D_METRICS,
    D_METRICS_R,
    D_MDR_UNITS,
    D_CDR_UNITS,
    D_METRICS_RLQ,
    D_METRICS_RESOURCE,
    D_METRICS_LATENCY,
    D_METRICS_CURR_DRATE,
    D_METRICS_MAX_DRATE,
    D_SEQ_NUM,
    D_CRED_SCALE,
    D_RELAY_SESSION_ID,
    D_HURL,
    D_MOTM,
    D_MAX_PAYLOAD,
    D_IP_ROUTE_ADD,
    D_SERVICE_NAME_ERROR,
    D_AC_SYSTEM_ERROR,
    D_GENERIC_ERROR,
    D_COUNT
};

static const struct tw_vs tag_vals[] = {{0x0000, "End-Of-List"},
                                        {0x0101, "Service-Name"},
                                        {0x0102, "AC-Name"},
                                        {0x0103, "Host-Uniq"},
                                        {0x0104, "AC-Cookie"},
                                        {0x0105, "Vendor-Specific"},
                                        {0x0106, "Credits"},
                                        {0x0107, "Metrics"},
                                        {0x0108, "Sequence Number"},
                                        {0x0109, "Credit Scale Factor"},
                                        {0x0110, "Relay-Session-Id"},
                                        {0x0111, "HURL"},
                                        {0x0112, "MOTM"},
                                        {0x0120, "PPP-Max-Payload"},
                                        {0x0121, "IP Route Add"},
                                        {0x0201, "Service-Name-Error"},
                                        {0x0202, "AC-System-Error"},
                                        {0x0203, "Generic-Error"},
                                        {0, NULL}};
static const struct tw_vs vspec_tag_vals[] = {{0x01, "Circuit-ID"},
                                              {0x02, "Remote-ID"},
                                              {0x81, "Actual-Data-Rate-Up"},
                                              {0x82, "Actual-Data-Rate-Down"},
                                              {0x83, "Min-Data-Rate-Up"},
                                              {0x84, "Min-Data-Rate-Down"},
                                              {0x85, "Attainable-Data-Rate-Up"},
                                              {0x86, "Attainable-Data-Rate-Down"},
                                              {0x87, "Max-Data-Rate-Up"},
                                              {0x88, "Max-Data-Rate-Down"},
                                              {0x89, "Min-Data-Rate-Up-Low-Power"},
                                              {0x8a, "Min-Data-Rate-Down-Low-Power"},
                                              {0x8b, "Max-Interleaving-Delay-Up"},
                                              {0x8c, "Actual-Interleaving-Delay-Up"},
                                              {0x8d, "Max-Interleaving-Delay-Down"},
                                              {0x8e, "Actual-Interleaving-Delay-Down"},
                                              {0x90, "Access-Loop-Encapsulation"},
                                              {0, NULL}};
static const struct tw_vs link_vals[] = {{0, "ATM AAL5"}, {1, "Ethernet"}, {0, NULL}};
static const struct tw_vs enc1_vals[] = {
    {0, "NA"}, {1, "Untagged Ethernet"}, {2, "Single-tagged Ethernet"}, {0, NULL}};
static const struct tw_vs enc2_vals[] = {{0, "NA"},
                                         {1, "PPPoA LLC"},
                                         {2, "PPPoA Null"},
                                         {3, "IPoA LLC"},
                                         {4, "IPoA Null"},
                                         {5, "Ethernet over AAL5 LLC w FCS"},
                                         {6, "Ethernet over AAL5 LLC w/o FCS"},
                                         {7, "Ethernet over AAL5 Null w FCS"},
                                         {8, "Ethernet over AAL5 Null w/o FCS"},
                                         {0, NULL}};
static const struct tw_vs units_vals[] = {{0, "kilobits per second"},
                                          {1, "megabits per second"},
                                          {2, "gigabits per second"},
                                          {3, "terabits per second"},
                                          {0, NULL}};

static const struct tw_field_def ped_fields[D_COUNT] = {
    [D_TAGS] = {"pppoed.tags", "PPPoE Tags", TW_FT_NONE},
    [D_TAG] = {"pppoed.tag", "Tag", TW_FT_UINT16, TW_BASE_HEX, 0, tag_vals},
    [D_TAG_LENGTH] = {"pppoed.tag_length", "Tag Length", TW_FT_UINT16, TW_BASE_DEC},
    [D_TAG_LENGTH_8] = {"pppoed.tag_length_8", "Tag Length", TW_FT_UINT8, TW_BASE_DEC},
    [D_UNKNOWN_DATA] = {"pppoed.tag.unknown_data", "Unknown Data", TW_FT_BYTES},
    [D_SERVICE_NAME] = {"pppoed.tags.service_name", "Service-Name", TW_FT_STRING},
    [D_AC_NAME] = {"pppoed.tags.ac_name", "AC-Name", TW_FT_STRING},
    [D_HOST_UNIQ] = {"pppoed.tags.host_uniq", "Host-Uniq", TW_FT_BYTES},
    [D_AC_COOKIE] = {"pppoed.tags.ac_cookie", "AC-Cookie", TW_FT_BYTES},
    [D_VENDOR_ID] = {"pppoed.tags.vendor_id", "Vendor id", TW_FT_UINT32, TW_BASE_DEC},
    [D_VENDOR_UNSPECIFIED] = {"pppoed.tags.vendor_unspecified", "Vendor unspecified", TW_FT_BYTES},
    [D_VSPEC_TAGS] = {"pppoed.tags.vendorspecific.tags", "Vendor Specific PPPoE Tags", TW_FT_NONE},
    [D_VSPEC_TAG] = {"pppoed.tags.vendorspecific.tag", "Tag", TW_FT_UINT8, TW_BASE_HEX, 0,
                     vspec_tag_vals},
    [D_CIRCUIT_ID] = {"pppoed.tags.circuit_id", "Circuit ID", TW_FT_STRING},
    [D_REMOTE_ID] = {"pppoed.tags.remote_id", "Remote ID", TW_FT_STRING},
    [D_ACT_RATE_UP] = {"pppoed.tags.act_data_rate_up", "Actual Data Rate Upstream", TW_FT_UINT32,
                       TW_BASE_DEC},
    [D_ACT_RATE_DOWN] = {"pppoed.tags.act_data_rate_down", "Actual Data Rate Downstream",
                         TW_FT_UINT32, TW_BASE_DEC},
    [D_MIN_RATE_UP] = {"pppoed.tags.min_data_rate_up", "Minimum Data Rate Upstream", TW_FT_UINT32,
                       TW_BASE_DEC},
    [D_MIN_RATE_DOWN] = {"pppoed.tags.min_data_rate_down", "Minimum Data Rate Downstream",
                         TW_FT_UINT32, TW_BASE_DEC},
    [D_ATT_RATE_UP] = {"pppoed.tags.attainable_data_rate_up", "Attainable DataRate Upstream",
                       TW_FT_UINT32, TW_BASE_DEC},
    [D_ATT_RATE_DOWN] = {"pppoed.tags.attainable_data_rate_down", "Attainable DataRate Downstream",
                         TW_FT_UINT32, TW_BASE_DEC},
    [D_MAX_RATE_UP] = {"pppoed.tags.max_data_rate_up", "Maximum Data Rate Upstream", TW_FT_UINT32,
                       TW_BASE_DEC},
    [D_MAX_RATE_DOWN] = {"pppoed.tags.max_data_rate_down", "Maximum Data Rate Downstream",
                         TW_FT_UINT32, TW_BASE_DEC},
    [D_MIN_RATE_UP_LP] = {"pppoed.tags.min_data_rate_up_lp",
                          "Min DataRate Upstream in low power state", TW_FT_UINT32, TW_BASE_DEC},
    [D_MIN_RATE_DOWN_LP] = {"pppoed.tags.min_data_rate_down_lp",
                            "Minimum Data Rate Downstream in low power state", TW_FT_UINT32,
                            TW_BASE_DEC},
    [D_MAX_DELAY_UP] = {"pppoed.tags.max_int_delay_up", "Max Interleaving Delay Upstream",
                        TW_FT_UINT32, TW_BASE_DEC},
    [D_ACT_DELAY_UP] = {"pppoed.tags.act_int_delay_up", "Actual Interleaving Delay Upstream",
                        TW_FT_UINT32, TW_BASE_DEC},
    [D_MAX_DELAY_DOWN] = {"pppoed.tags.max_int_delay_down", "Maximum Interleaving Delay Downstream",
                          TW_FT_UINT32, TW_BASE_DEC},
    [D_ACT_DELAY_DOWN] = {"pppoed.tags.act_int_delay_down", "Actual Interleaving Delay Downstream",
                          TW_FT_UINT32, TW_BASE_DEC},
    [D_ACCESS_LOOP] = {"pppoed.tags.access_loop_encap", "Access-Loop-Encapsulation", TW_FT_NONE},
    [D_ACCESS_LOOP_LINK] = {"pppoed.tags.access_loop_encap.data_link", "Data link", TW_FT_UINT8,
                            TW_BASE_HEX, 0, link_vals},
    [D_ACCESS_LOOP_ENC1] = {"pppoed.tags.access_loop_encap.encap_1", "Encaps 1", TW_FT_UINT8,
                            TW_BASE_HEX, 0, enc1_vals},
    [D_ACCESS_LOOP_ENC2] = {"pppoed.tags.access_loop_encap.encap_2", "Encaps 2", TW_FT_UINT8,
                            TW_BASE_HEX, 0, enc2_vals},
    [D_CREDITS] = {"pppoed.tags.credits", "Credits", TW_FT_BYTES},
    [D_CREDITS_FCN] = {"pppoed.tags.credits.fcn", "FCN", TW_FT_UINT16, TW_BASE_DEC},
    [D_CREDITS_BCN] = {"pppoed.tags.credits.bcn", "BCN", TW_FT_UINT16, TW_BASE_DEC},
    [D_METRICS] = {"pppoed.tags.metrics", "Metrics", TW_FT_BYTES},
    [D_METRICS_R] = {"pppoed.tags.metrics.r", "Receive Only", TW_FT_BOOLEAN, 16, 0x01},
    [D_MDR_UNITS] = {"pppoed.tags.metrics.mdr_units", "MDR Units", TW_FT_UINT16, TW_BASE_HEX, 0x18,
                     units_vals},
    [D_CDR_UNITS] = {"pppoed.tags.metrics.cdr_units", "CDR Units", TW_FT_UINT16, TW_BASE_HEX, 0x06,
                     units_vals},
    [D_METRICS_RLQ] = {"pppoed.tags.metrics.rlq", "Relative Link Quality", TW_FT_UINT8,
                       TW_BASE_DEC},
    [D_METRICS_RESOURCE] = {"pppoed.tags.metrics.resource", "Resource", TW_FT_UINT8, TW_BASE_DEC},
    [D_METRICS_LATENCY] = {"pppoed.tags.metrics.latency", "Latency", TW_FT_UINT16, TW_BASE_DEC},
    [D_METRICS_CURR_DRATE] = {"pppoed.tags.metrics.curr_drate", "Curr. datarate", TW_FT_UINT16,
                              TW_BASE_DEC},
    [D_METRICS_MAX_DRATE] = {"pppoed.tags.metrics.max_drate", "Max. datarate", TW_FT_UINT16,
                             TW_BASE_DEC},
    [D_SEQ_NUM] = {"pppoed.tags.seq_num", "Sequence Number", TW_FT_UINT16, TW_BASE_HEX},
    [D_CRED_SCALE] = {"pppoed.tags.credit_scale", "Credit Scale Factor", TW_FT_UINT16, TW_BASE_DEC},
    [D_RELAY_SESSION_ID] = {"pppoed.tags.relay_session_id", "Relay-Session-Id", TW_FT_BYTES},
    [D_HURL] = {"pppoed.tags.hurl", "HURL", TW_FT_BYTES},
    [D_MOTM] = {"pppoed.tags.motm", "MOTM", TW_FT_BYTES},
    [D_MAX_PAYLOAD] = {"pppoed.tags.max_payload", "PPP-Max-Payload", TW_FT_BYTES},
    [D_IP_ROUTE_ADD] = {"pppoed.tags.ip_route_add", "IP Route Add", TW_FT_BYTES},
    [D_SERVICE_NAME_ERROR] = {"pppoed.tags.service_name_error", "Service-Name-Error", TW_FT_STRING},
    [D_AC_SYSTEM_ERROR] = {"pppoed.tags.ac_system_error", "AC-System-Error", TW_FT_STRING},
    [D_GENERIC_ERROR] = {"pppoed.tags.generic_error", "Generic-Error", TW_FT_STRING},
};

static uint16_t ded_credits_field(void)
{
    return DF(D_CREDITS);
}

/* Bytes [o, o+n) of the cursor's data, or NULL with the cursor's error set as a read there
 * would set it. */
static const uint8_t *need(struct tw_cur *c, uint32_t o, uint32_t n)
{
    const uint8_t *b;
    if (tw_cur_try_peek(c, o - c->off, n, &b) && o >= c->off) return b;
    if (!c->err) c->err = (uint64_t)o + n > c->end ? TW_CUR_MALFORMED : TW_CUR_TRUNCATED;
    return NULL;
}

static uint32_t be32(const uint8_t *b)
{
    return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

/* DSL Forum vendor-specific sub-tags (TR-101): 1-octet type and length */
static void dslf_subtags(struct tw_pkt *p, struct tw_cur *c, uint32_t off, uint32_t len)
{
    int32_t t = tw_want(p, DF(D_VSPEC_TAGS)) ? tw_add_rec(p, DF(D_VSPEC_TAGS), off, len) : -1;
    tw_tree_push(p, t);
    for (uint32_t ts = off; ts + 2 <= off + len;) {
        const uint8_t *h = need(c, ts, 2);
        if (!h) break;
        uint8_t tag = h[0], tl = h[1];
        const uint8_t *v;
        switch (tag) {
        case 0x01:
        case 0x02:
            if (tl > 63) {
                tw_expert(p, PX(PE_TAG_LENGTH), off, len, "%s: Wrong length: %u (expected <= 63)",
                          tw_vs_find(vspec_tag_vals, tag), tl);
            } else if ((v = need(c, ts + 2, tl)) != NULL) {
                tw_add_ptr(p, DF(tag == 1 ? D_CIRCUIT_ID : D_REMOTE_ID), ts + 2, tl, v, tl);
            }
            break;
        case 0x81:
        case 0x82:
        case 0x83:
        case 0x84:
        case 0x85:
        case 0x86:
        case 0x87:
        case 0x88:
        case 0x89:
        case 0x8a:
        case 0x8b:
        case 0x8c:
        case 0x8d:
        case 0x8e:
            if (tl != 4) {
                tw_expert(p, PX(PE_TAG_LENGTH), off, len, "%s: Wrong length: %u (expected == 4)",
                          tw_vs_find(vspec_tag_vals, tag), tl);
            } else if ((v = need(c, ts + 2, 4)) != NULL) {
                tw_add_uint(p, DF(D_ACT_RATE_UP + (tag - 0x81)), ts + 2, 4, be32(v));
            }
            break;
        case 0x90: {
            int32_t a =
                tw_want(p, DF(D_ACCESS_LOOP)) ? tw_add_rec(p, DF(D_ACCESS_LOOP), ts + 2, 3) : -1;
            if (!need(c, ts + 2, 3)) break;
            tw_tree_push(p, a);
            if (tl != 3)
                tw_expert(p, PX(PE_TAG_LENGTH), ts + 2, 3, "%s: Wrong length: %u (expected 3)",
                          tw_vs_find(vspec_tag_vals, tag), tl);
            v = need(c, ts + 2, 3);
            tw_add_uint(p, DF(D_ACCESS_LOOP_LINK), ts + 2, 1, v[0]);
            tw_add_uint(p, DF(D_ACCESS_LOOP_ENC1), ts + 3, 1, v[1]);
            tw_add_uint(p, DF(D_ACCESS_LOOP_ENC2), ts + 4, 1, v[2]);
            tw_tree_pop(p);
            break;
        }
        default:
            if (tl > 0) {
                /* Wireshark shows the 1-octet type with the 16-bit tag field */
                tw_add_uint(p, DF(D_TAG), ts, 1, tag);
                tw_add_uint(p, DF(D_TAG_LENGTH_8), ts + 1, 1, tl);
                if ((v = need(c, ts + 2, tl)) != NULL)
                    tw_add_ptr(p, DF(D_UNKNOWN_DATA), ts + 2, tl, v, tl);
            }
            break;
        }
        if (c->err) break;
        ts += 2u + tl;
    }
    tw_tree_pop(p);
}

/* an ASCII string field (Wireshark shows non-printable octets escaped; values are compared
 * as sent) */
static void add_str(struct tw_pkt *p, int f, uint32_t off, const uint8_t *v, uint32_t n)
{
    tw_add_ptr(p, DF(f), off, n, v, n);
}

static void tags(struct tw_pkt *p, struct tw_cur *c, uint32_t base, uint32_t rpl)
{
    int32_t t = tw_want(p, DF(D_TAGS)) ? tw_add_rec(p, DF(D_TAGS), base + 6, rpl) : -1;
    tw_tree_push(p, t);
    uint32_t end = base + 6 + rpl;
    for (uint32_t ts = base + 6; ts + 2 <= end;) {
        const uint8_t *h = need(c, ts, 4);
        if (!h) break;
        uint16_t tag = (uint16_t)(h[0] << 8 | h[1]);
        uint16_t tl = (uint16_t)(h[2] << 8 | h[3]);
        uint32_t vo = ts + 4;
        const uint8_t *v = NULL;
        if (tag == 0x0000) break; /* End-Of-List */
        switch (tag) {
        case 0x0101:
            if (tl > 0 && (v = need(c, vo, tl)) != NULL) add_str(p, D_SERVICE_NAME, vo, v, tl);
            break;
        case 0x0102:
            if ((v = need(c, vo, tl)) != NULL) {
                add_str(p, D_AC_NAME, vo, v, tl);
                tw_info_add(p, " AC-Name='");
                for (uint32_t i = 0; i < tl && v[i]; i++) {
                    if (v[i] < 0x80)
                        tw_info_addn(p, (const char *)v + i, 1);
                    else
                        tw_info_add(p, "\xef\xbf\xbd"); /* U+FFFD, as for any non-ASCII octet */
                }
                tw_info_add(p, "'");
            }
            break;
        case 0x0103:
        case 0x0104:
        case 0x0110:
        case 0x0111:
        case 0x0112:
        case 0x0120:
        case 0x0121: {
            int f = tag == 0x0103   ? D_HOST_UNIQ
                    : tag == 0x0104 ? D_AC_COOKIE
                    : tag == 0x0110 ? D_RELAY_SESSION_ID
                    : tag == 0x0111 ? D_HURL
                    : tag == 0x0112 ? D_MOTM
                    : tag == 0x0120 ? D_MAX_PAYLOAD
                                    : D_IP_ROUTE_ADD;
            if ((v = need(c, vo, tl)) != NULL) tw_add_ptr(p, DF(f), vo, tl, v, tl);
            break;
        }
        case 0x0105:
            if (tl >= 4) {
                if ((v = need(c, vo, 4)) == NULL) break;
                uint32_t vid = be32(v);
                tw_add_uint(p, DF(D_VENDOR_ID), vo, 4, vid);
                if (tl > 4) {
                    if (vid == 3561)
                        dslf_subtags(p, c, vo + 4, tl - 4u);
                    else if ((v = need(c, vo + 4, tl - 4u)) != NULL)
                        tw_add_ptr(p, DF(D_VENDOR_UNSPECIFIED), vo + 4, tl - 4u, v, tl - 4u);
                }
            }
            break;
        case 0x0106:
            if (tl == 4) {
                if ((v = need(c, vo, 4)) == NULL) break;
                tw_add_uint(p, DF(D_CREDITS_FCN), vo, 2, (uint16_t)(v[0] << 8 | v[1]));
                tw_add_uint(p, DF(D_CREDITS_BCN), vo + 2, 2, (uint16_t)(v[2] << 8 | v[3]));
            } else if ((v = need(c, vo, tl)) != NULL) {
                tw_add_ptr(p, DF(D_CREDITS), vo, tl, v, tl);
            }
            break;
        case 0x0107:
            if (tl == 10) {
                if ((v = need(c, vo, 10)) == NULL) break;
                uint16_t rsv = (uint16_t)(v[0] << 8 | v[1]);
                tw_add_bits(p, DF(D_MDR_UNITS), vo, 2, rsv);
                tw_add_bits(p, DF(D_CDR_UNITS), vo, 2, rsv);
                tw_add_bits(p, DF(D_METRICS_R), vo, 2, rsv);
                tw_add_uint(p, DF(D_METRICS_RLQ), vo + 2, 1, v[2]);
                tw_add_uint(p, DF(D_METRICS_RESOURCE), vo + 3, 1, v[3]);
                tw_add_uint(p, DF(D_METRICS_LATENCY), vo + 4, 2, (uint16_t)(v[4] << 8 | v[5]));
                /* the rates are shown in the unit the reserved bits name */
                static const char *const unit[4] = {" kbps", " mbps", " gbps", " tbps"};
                uint16_t cd = (uint16_t)(v[6] << 8 | v[7]), md = (uint16_t)(v[8] << 8 | v[9]);
                int32_t r = tw_add_uint(p, DF(D_METRICS_CURR_DRATE), vo + 6, 2, cd);
                if (tw_want_labels(p))
                    tw_rec_label(p, r, "Curr. datarate: %u%s", cd, unit[(rsv >> 1) & 3]);
                r = tw_add_uint(p, DF(D_METRICS_MAX_DRATE), vo + 8, 2, md);
                if (tw_want_labels(p))
                    tw_rec_label(p, r, "Max. datarate: %u%s", md, unit[(rsv >> 3) & 3]);
            } else if ((v = need(c, vo, tl)) != NULL) {
                tw_add_ptr(p, DF(D_METRICS), vo, tl, v, tl);
            }
            break;
        case 0x0108:
        case 0x0109:
            if (tl == 2) {
                if ((v = need(c, vo, 2)) != NULL)
                    tw_add_uint(p, DF(tag == 0x0108 ? D_SEQ_NUM : D_CRED_SCALE), vo, 2,
                                (uint16_t)(v[0] << 8 | v[1]));
            } else {
                /* an item of its own carrying the expert */
                const char *nm = tag == 0x0108 ? "Sequence Number" : "Credit Scale Factor";
                int32_t x = tw_add_text(p, vo, tl, "%s tag: Wrong length: %u (expected 2)", nm, tl);
                tw_tree_push(p, x);
                tw_expert(p, PX(PE_TAG_LENGTH), vo, tl, "%s tag: Wrong length: %u (expected 2)", nm,
                          tl);
                tw_tree_pop(p);
            }
            break;
        case 0x0201:
        case 0x0202:
        case 0x0203:
            if ((v = need(c, vo, tl)) != NULL)
                add_str(p,
                        tag == 0x0201   ? D_SERVICE_NAME_ERROR
                        : tag == 0x0202 ? D_AC_SYSTEM_ERROR
                                        : D_GENERIC_ERROR,
                        vo, v, tl);
            break;
        default:
            if (tl > 0) {
                tw_add_uint(p, DF(D_TAG), ts, 2, tag);
                tw_add_uint(p, DF(D_TAG_LENGTH), ts + 2, 2, tl);
                /* Wireshark shows the unknown value from the length field on */
                if ((v = need(c, ts + 2, tl)) != NULL)
                    tw_add_ptr(p, DF(D_UNKNOWN_DATA), ts + 2, tl, v, tl);
            }
            break;
        }
        if (c->err) break;
        ts += 4u + tl;
    }
    tw_tree_pop(p);
}

static enum tw_status pppoed_dissect(struct tw_pkt *p, struct tw_cur *c)
{
    uint32_t off = c->off;
    tw_col_proto(p, "PPPoED");
    tw_info_clear(p);
    uint8_t code = tw_cur_peek_u8(c, 1);
    if (!tw_cur_ok(c)) {
        tw_layer_unrecord(p);
        return TW_OK;
    }
    const char *cn = tw_vs_find(code_vals, code);
    tw_info_add(p, cn ? cn : "Unknown");
    uint16_t rpl = tw_cur_peek_u16(c, 4);
    if (!tw_cur_ok(c)) {
        tw_layer_unrecord(p);
        return TW_OK;
    }
    tw_layer_setlen(p, 6u + rpl);
    int32_t lrec;
    if (have_tree(p) && !poe_header(p, c, off, &lrec)) return TW_OK;
    if (rpl > 0) tags(p, c, off, rpl);
    return TW_OK;
}

static const struct tw_binding ped_bindings[] = {{TW_TBL_ETHERTYPE, 0x8863}};

const struct tw_proto tw_proto_pppoed = {
    .abbrev = "pppoed",
    .name = "PPP-over-Ethernet Discovery",
    .short_name = "PPPoED",
    .fields = ped_fields,
    .nfields = D_COUNT,
    .bindings = ped_bindings,
    .nbindings = TW_ARRAY_LEN(ped_bindings),
    .dissect = pppoed_dissect,
    .ids = &ped_ids,
};

/* ---------------------------------------------------------------------------------------------
 * Control protocols (RFC 1661 section 5 packet format, shared by LCP, IPCP (RFC 1332), IPv6CP
 * (RFC 5072) and CCP (RFC 1962)):
 *
 *   +--------+------------+-------------+-----------------------+
 *   | code 1 | identifier | length (2)  | data (options, ...)   |
 *   +--------+------------+-------------+-----------------------+
 *
 * The header, the code in the Info column, and LCP's magic-number messages are decoded; the
 * configuration options are not (yet).
 * ------------------------------------------------------------------------------------------- */
static const struct tw_vs cp_codes[] = {
    {0, "Vendor Specific"},   {1, "Configuration Request"}, {2, "Configuration Ack"},
    {3, "Configuration Nak"}, {4, "Configuration Reject"},  {5, "Termination Request"},
    {6, "Termination Ack"},   {7, "Code Reject"},           {0, NULL}};
static const struct tw_vs lcp_codes[] = {
    {0, "Vendor Specific"},   {1, "Configuration Request"}, {2, "Configuration Ack"},
    {3, "Configuration Nak"}, {4, "Configuration Reject"},  {5, "Termination Request"},
    {6, "Termination Ack"},   {7, "Code Reject"},           {8, "Protocol Reject"},
    {9, "Echo Request"},      {10, "Echo Reply"},           {11, "Discard Request"},
    {12, "Identification"},   {13, "Time Remaining"},       {0, NULL}};
static const struct tw_vs ccp_codes[] = {{0, "Vendor Specific"},
                                         {1, "Configuration Request"},
                                         {2, "Configuration Ack"},
                                         {3, "Configuration Nak"},
                                         {4, "Configuration Reject"},
                                         {5, "Termination Request"},
                                         {6, "Termination Ack"},
                                         {7, "Code Reject"},
                                         {14, "Reset Request"},
                                         {15, "Reset Ack"},
                                         {0, NULL}};

static struct tw_proto_ids lcp_ids;
#define LF(x) ((uint16_t)(lcp_ids.base + (x)))
enum { L_MAGIC, L_DATA, L_MESSAGE, L_SECS, L_REJ_PROTO, L_COUNT };
static const struct tw_field_def lcp_fields[L_COUNT] = {
    [L_MAGIC] = {"lcp.magic_number", "Magic Number", TW_FT_UINT32, TW_BASE_HEX},
    [L_DATA] = {"lcp.data", "Data", TW_FT_BYTES},
    [L_MESSAGE] = {"lcp.message", "Message", TW_FT_STRING},
    [L_SECS] = {"lcp.secs_remaining", "Seconds Remaining", TW_FT_UINT32, TW_BASE_DEC},
    [L_REJ_PROTO] = {"lcp.rej_proto", "Rejected Protocol", TW_FT_UINT16, TW_BASE_HEX, 0,
                     tw_ppp_vals},
};

static struct tw_proto_ids ipcp_ids, ipv6cp_ids, ccp_ids;
extern const struct tw_proto tw_proto_lcp, tw_proto_ccp;

/* bytes [o, o+n) as a field, or the cursor's error as a read there would set it */
static bool cp_bytes(struct tw_pkt *p, struct tw_cur *c, uint16_t hf, uint32_t o, uint32_t n)
{
    const uint8_t *b = need(c, o, n);
    if (!b) return false;
    tw_add_ptr(p, hf, o, n, b, n);
    return true;
}

static enum tw_status cp_dissect(struct tw_pkt *p, struct tw_cur *c)
{
    uint32_t off = c->off;
    const struct tw_proto *me = tw_proto_get(p->layers[p->nlayers - 1].proto);
    bool lcp = me == &tw_proto_lcp, ccp = me == &tw_proto_ccp;
    const struct tw_vs *codes = lcp ? lcp_codes : ccp ? ccp_codes : cp_codes;
    tw_col_proto(p, me->short_name);
    uint8_t code = tw_cur_u8(c);
    if (!tw_cur_ok(c)) {
        tw_layer_unrecord(p);
        return TW_OK;
    }
    const char *cn = tw_vs_find(codes, code);
    tw_info_set(p, cn ? cn : "Unknown");
    int32_t r = tw_add_uint(p, HF(F_CODE), off, 1, code);
    if (tw_want_labels(p)) tw_rec_label(p, r, "Code: %s (%u)", cn ? cn : "Unknown", code);
    uint8_t id = tw_cur_u8(c);
    if (!tw_cur_ok(c)) return TW_OK;
    tw_add_uint(p, HF(F_IDENTIFIER), off + 1, 1, id);
    uint16_t len = tw_cur_u16(c);
    if (!tw_cur_ok(c)) return TW_OK;
    tw_add_uint(p, HF(F_LENGTH), off + 2, 2, len);
    uint32_t body = len > 4 ? len - 4u : 0, o = off + 4;
    if (code == 0) { /* vendor-specific: magic number, OUI, kind, value */
        const uint8_t *v = need(c, o, 8);
        if (!v) return TW_OK;
        tw_add_uint(p, HF(F_MAGIC), o, 4, be32(v));
        tw_add_uint(p, HF(F_OUI), o + 4, 3, (uint32_t)v[4] << 16 | (uint32_t)v[5] << 8 | v[6]);
        tw_add_uint(p, HF(F_KIND), o + 7, 1, v[7]);
        if (body > 8) cp_bytes(p, c, HF(F_DATA), o + 8, body - 8);
    } else if (code >= 9 && code <= 13) { /* Wireshark reads these as LCP's in every CP */
        const uint8_t *v = need(c, o, 4);
        if (!v) return TW_OK;
        tw_add_uint(p, LF(L_MAGIC), o, 4, be32(v));
        uint32_t rest = body > 4 ? body - 4 : 0;
        if (code == 13) {
            if (!(v = need(c, o + 4, 4))) return TW_OK;
            uint32_t secs = be32(v);
            r = tw_add_uint(p, LF(L_SECS), o + 4, 4, secs);
            if (tw_want_labels(p))
                tw_rec_label(p, r, "Seconds Remaining: %u %s", secs,
                             secs == 0xffffffffu ? "(forever)" : "seconds");
            if (body > 8) cp_bytes(p, c, LF(L_MESSAGE), o + 8, body - 8);
        } else if (rest) {
            cp_bytes(p, c, LF(code == 12 ? L_MESSAGE : L_DATA), o + 4, rest);
        }
    } else if (code == 8) { /* the rejected protocol, then its packet as data */
        const uint8_t *v = need(c, o, 2);
        if (!v) return TW_OK;
        tw_add_uint(p, LF(L_REJ_PROTO), o, 2, (uint16_t)(v[0] << 8 | v[1]));
        if (body > 2) {
            c->off = o + 2;
            tw_next(p, TW_TBL_NAME, TW_KEY_DATA, tw_cur_sub(c, body - 2, NULL));
        }
    } else if (code >= 5 && body > 0) {
        const uint8_t *v = need(c, o, body);
        if (!v) return TW_OK;
        r = tw_add_ptr(p, HF(F_DATA), o, body, v, body);
        if (code == 7 && tw_want_labels(p)) {
            char hex[2 * 36 + 4];
            size_t n = body > 36 ? 36 : body;
            for (size_t i = 0; i < n; i++) snprintf(hex + 2 * i, 3, "%02x", v[i]);
            if (body > 36) memcpy(hex + 72, "\xe2\x80\xa6", 4);
            tw_rec_label(p, r, "Rejected Packet (%u bytes): %s", body, hex);
        }
    }
    return TW_OK;
}

static const struct tw_binding lcp_bindings[] = {{TW_TBL_PPP_PROTO, 0xc021}};
const struct tw_proto tw_proto_lcp = {
    .abbrev = "lcp",
    .name = "PPP Link Control Protocol",
    .short_name = "PPP LCP",
    .fields = lcp_fields,
    .nfields = L_COUNT,
    .bindings = lcp_bindings,
    .nbindings = TW_ARRAY_LEN(lcp_bindings),
    .dissect = cp_dissect,
    .ids = &lcp_ids,
};
static const struct tw_binding ipcp_bindings[] = {{TW_TBL_PPP_PROTO, 0x8021}};
const struct tw_proto tw_proto_ipcp = {
    .abbrev = "ipcp",
    .name = "PPP IP Control Protocol",
    .short_name = "PPP IPCP",
    .bindings = ipcp_bindings,
    .nbindings = TW_ARRAY_LEN(ipcp_bindings),
    .dissect = cp_dissect,
    .ids = &ipcp_ids,
};
static const struct tw_binding ipv6cp_bindings[] = {{TW_TBL_PPP_PROTO, 0x8057}};
const struct tw_proto tw_proto_ipv6cp = {
    .abbrev = "ipv6cp",
    .name = "PPP IPv6 Control Protocol",
    .short_name = "PPP IPV6CP",
    .bindings = ipv6cp_bindings,
    .nbindings = TW_ARRAY_LEN(ipv6cp_bindings),
    .dissect = cp_dissect,
    .ids = &ipv6cp_ids,
};
static const struct tw_binding ccp_bindings[] = {{TW_TBL_PPP_PROTO, 0x80fd}};
const struct tw_proto tw_proto_ccp = {
    .abbrev = "ccp",
    .name = "PPP Compression Control Protocol",
    .short_name = "PPP CCP",
    .bindings = ccp_bindings,
    .nbindings = TW_ARRAY_LEN(ccp_bindings),
    .dissect = cp_dissect,
    .ids = &ccp_ids,
};
