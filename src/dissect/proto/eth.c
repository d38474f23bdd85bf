/* Ethernet II and IEEE 802.3 framing (IEEE 802.3 clause 3.1.1; EtherType vs length per
 * IEEE 802.3 3.2.6): destination, source, then a 16-bit field that is an EtherType when
 * >= 0x0600, a length (802.3, LLC follows) when <= 1500, and invalid in between.
 *
 *   +---------------+---------------+------------+---------------------------+-----+
 *   | dst MAC (6)   | src MAC (6)   | type/len 2 | payload                   | FCS |
 *   +---------------+---------------+------------+---------------------------+-----+
 */
#include "../dissect.h"

#include <stdio.h>

static struct tw_proto_ids ids;
#define HF(x) ((uint16_t)(ids.base + (x)))
#define EX(x) ((uint16_t)(ids.expert_base + (x)))

enum {
    F_DST,
    F_DST_RESOLVED,
    F_DST_OUI,
    F_DST_OUI_RESOLVED,
    F_SRC,
    F_SRC_RESOLVED,
    F_SRC_OUI,
    F_SRC_OUI_RESOLVED,
    F_LEN,
    F_TYPE,
    F_INVALID_LENTYPE,
    F_ADDR,
    F_ADDR_RESOLVED,
    F_ADDR_OUI,
    F_ADDR_OUI_RESOLVED,
    F_PADDING,
    F_TRAILER,
    F_FCS,
    F_FCS_STATUS,
    F_DST_LG,
    F_DST_IG,
    F_SRC_LG,
    F_SRC_IG,
    F_LG,
    F_IG,
    F_COUNT
};

static const struct tw_tfs lg_tfs = {
    "Locally administered address (this is NOT the factory default)",
    "Globally unique address (factory default)"};
static const struct tw_tfs ig_tfs = {"Group address (multicast/broadcast)",
                                     "Individual address (unicast)"};

/* Wireshark's etype_vals (names tshark 4.0 shows for EtherTypes), for labels
 * ("Type: IPv4 (0x0800)") */
const struct tw_vs tw_etype_vals[] = {
    {0x0600, "XNS Internet Datagram Protocol"},
    {0x0800, "IPv4"},
    {0x0805, "X.25 Layer 3"},
    {0x0806, "ARP"},
    {0x0842, "Wake on LAN"},
    {0x08f0, "WiMax Mac-to-Mac"},
    {0x08ff, "AX.25"},
    {0x0bad, "Vines IP"},
    {0x0baf, "Vines Echo"},
    {0x1984, "Netmon Train"},
    {0x2001, "Cisco Group Management Protocol"},
    {0x22e5, "Gigamon Header"},
    {0x22ea, "802.1Qat Multiple Stream Reservation Protocol"},
    {0x22f0, "IEEE 1722 Audio Video Transport Protocol"},
    {0x22f1, "Robust Header Compression(RoHC)"},
    {0x22f3, "Transparent Interconnection of Lots of Links"},
    {0x22f4, "Intermediate System to Intermediate System"},
    {0x2452, "IEEE 802.11 (Centrino promiscuous)"},
    {0x3c07, "3Com NBP Datagram"},
    {0x3e3f, "EPL_V1"},
    {0x6000, "DEC proto"},
    {0x6001, "DEC DNA Dump/Load"},
    {0x6002, "DEC DNA Remote Console"},
    {0x6003, "DEC DNA Routing"},
    {0x6004, "DEC LAT"},
    {0x6005, "DEC Diagnostics"},
    {0x6006, "DEC Customer use"},
    {0x6007, "DEC LAVC/SCA"},
    {0x6558, "Transparent Ethernet bridging"},
    {0x8021, "PPP IP Control Protocol"},
    {0x8035, "RARP"},
    {0x8038, "DEC LanBridge"},
    {0x8041, "DEC LAST"},
    {0x809b, "AppleTalk LLAP bridging"},
    {0x80d5, "SNA-over-Ethernet"},
    {0x80e1, "EtherNet/IP Device Level Ring"},
    {0x80f3, "AARP"},
    {0x80fd, "PPP Compression Control Protocol"},
    {0x80ff, "Wellfleet Compression Protocol"},
    {0x8100, "802.1Q Virtual LAN"},
    {0x8102, "Simple Loop Protection Protocol"},
    {0x8103, "Virtual LACP"},
    {0x8104, "Simple Loop Protection Protocol (old)"},
    {0x8133, "Juniper Netscreen Redundant Protocol"},
    {0x8137, "Netware IPX/SPX"},
    {0x8181, "Spanning Tree Protocol"},
    {0x81fd, "Cabletron Interswitch Message Protocol"},
    {0x81ff, "Cabletron SFVLAN 1.8 Tag-Based Flood"},
    {0x8204, "QNX 6 QNET protocol"},
    {0x86dd, "IPv6"},
    {0x872d, "Cisco Wireless Lan Context Control Protocol"},
    {0x8783, "Motorola Media Independent Network Transport"},
    {0x8808, "MAC Control"},
    {0x8809, "Slow Protocols"},
    {0x8819, "Cirrus Cobranet Packet"},
    {0x8847, "MPLS label switched packet"},
    {0x8848, "MPLS multicast label switched packet"},
    {0x885a, "Foundry proprietary"},
    {0x8863, "PPPoE Discovery"},
    {0x8864, "PPPoE Session"},
    {0x886c, "HomePNA, wlan link local tunnel"},
    {0x886d, "Intel ANS probe"},
    {0x886f, "MS NLB heartbeat"},
    {0x8870, "Jumbo LLC"},
    {0x8874, "Broadcom tag"},
    {0x887b, "Homeplug"},
    {0x8881, "CDMA2000 A10 Unstructured byte stream"},
    {0x8884, "ATM over Ethernet"},
    {0x888e, "802.1X Authentication"},
    {0x8892, "PROFINET"},
    {0x8899, "Realtek Layer 2 Protocols"},
    {0x889b, "CSM_ENCAPS Protocol"},
    {0x88a1, "Telkonet powerline"},
    {0x88a2, "ATA over Ethernet"},
    {0x88a4, "EtherCAT frame"},
    {0x88a8, "802.1ad Provider Bridge (Q-in-Q)"},
    {0x88ab, "ETHERNET Powerlink v2"},
    {0x88ad, "XiMeta Technology"},
    {0x88b4, "WAI Authentication Protocol"},
    {0x88b5, "Local Experimental Ethertype 1"},
    {0x88b6, "Local Experimental Ethertype 2"},
    {0x88b7, "IEEE 802a OUI Extended Ethertype"},
    {0x88b8, "IEC 61850/GOOSE"},
    {0x88b9, "IEC 61850/GSE management services"},
    {0x88ba, "IEC 61850/SV (Sampled Value Transmission"},
    {0x88c7, "802.11i Pre-Authentication"},
    {0x88ca, "Transparent Inter Process Communication"},
    {0x88cc, "802.1 Link Layer Discovery Protocol (LLDP)"},
    {0x88d2, "CDMA2000 A10 3GPP2 Packet"},
    {0x88d8, "Circuit Emulation Services over Ethernet (MEF8)"},
    {0x88d9, "Link Layer Topology Discovery (LLTD)"},
    {0x88dc, "(WAVE) Short Message Protocol (WSM)"},
    {0x88de, "VMware Lab Manager"},
    {0x88e1, "Homeplug AV"},
    {0x88e3, "MRP"},
    {0x88e5, "802.1AE (MACsec)"},
    {0x88e7, "802.1ah Provider Backbone Bridge (mac-in-mac)"},
    {0x88ee, "Ethernet Local Management Interface (MEF16)"},
    {0x88f6, "802.1ak Multiple Mac Registration Protocol"},
    {0x88f7, "PTPv2 over Ethernet (IEEE1588)"},
    {0x88f8, "Network Controller Sideband Interface"},
    {0x88fb, "Parallel Redundancy Protocol (PRP) and HSR Supervision (IEC62439 Part 3)"},
    {0x8901, "Flow Layer Internal Protocol"},
    {0x8902, "IEEE 802.1ag Connectivity Fault Management (CFM) protocol"},
    {0x8906, "Fibre Channel over Ethernet"},
    {0x8909, "CiscoMetaData"},
    {0x890d, "IEEE 802.11 data encapsulation"},
    {0x8911, "LINX IPC Protocol"},
    {0x8914, "FCoE Initialization Protocol"},
    {0x8915, "RDMA over Converged Ethernet"},
    {0x8917, "Media Independent Handover Protocol"},
    {0x891d, "TTEthernet Protocol Control Frame"},
    {0x8926, "VN-Tag"},
    {0x892b, "Schweitzer Engineering Labs Layer 2 Protocol"},
    {0x892d, "bluecom Protocol"},
    {0x892f, "High-availability Seamless Redundancy (IEC62439 Part 3)"},
    {0x893a, "1905.1a Convergent Digital Home Network for Heterogenous Technologies"},
    {0x893f, "802.1br Bridge Port Extension E-Tag"},
    {0x8947, "GeoNetworking"},
    {0x894f, "Network Service Header"},
    {0x8988, "PA HB Backup"},
    {0x9000, "Loopback"},
    {0x9021, "Real-Time Media Access Control"},
    {0x9022, "Real-Time Configuration Protocol"},
    {0x9100, "QinQ: old non-standard 802.1ad"},
    {0x9104, "EERO Broadcast Packet"},
    {0x99fe, "Technically Enhanced Capture Module Protocol (TECMP)"},
    {0xa0ed, "6LoWPAN"},
    {0xaefe, "eCPRI"},
    {0xb4e3, "CableLabs Layer-3 Protocol"},
    {0xc021, "PPP Link Control Protocol"},
    {0xc023, "PPP Password Authentication Protocol"},
    {0xc0de, "eXpressive Internet Protocol"},
    {0xc0df, "Neighborhood Watch Protocol"},
    {0xcafe, "Veritas Low Latency Transport (not officially registered)"},
    {0xd00d, "Digium TDM over Ethernet Protocol"},
    {0xd28b, "Arista Timestamp"},
    {0xe555, "EXos internal Extra Header"},
    {0xf1c1, "802.1CB Frame Replication and Elimination for Reliability"},
    {0xfff2, "Cisco ACI ARP gleaning"},
    {0x0000, NULL}};

static const struct tw_field_def fields[F_COUNT] = {
    [F_DST] = {"eth.dst", "Destination", TW_FT_ETHER, TW_BASE_NONE, 0, NULL, NULL, NULL,
               "Destination Hardware Address"},
    [F_DST_RESOLVED] = {"eth.dst_resolved", "Destination (resolved)", TW_FT_STRING, TW_BASE_NONE, 0,
                        NULL, NULL, NULL, "Destination Hardware Address (resolved)"},
    [F_DST_OUI] = {"eth.dst.oui", "Destination OUI", TW_FT_UINT24, TW_BASE_OUI, 0, NULL, NULL, NULL,
                   "Destination Organizationally Unique Identifier"},
    [F_DST_OUI_RESOLVED] = {"eth.dst.oui_resolved", "Destination OUI (resolved)", TW_FT_STRING,
                            TW_BASE_NONE, 0, NULL, NULL, NULL,
                            "Destination Organizationally Unique Identifier (resolved)"},
    [F_SRC] = {"eth.src", "Source", TW_FT_ETHER, TW_BASE_NONE, 0, NULL, NULL, NULL,
               "Source Hardware Address"},
    [F_SRC_RESOLVED] = {"eth.src_resolved", "Source (resolved)", TW_FT_STRING, TW_BASE_NONE, 0,
                        NULL, NULL, NULL, "Source Hardware Address (resolved)"},
    [F_SRC_OUI] = {"eth.src.oui", "Source OUI", TW_FT_UINT24, TW_BASE_OUI, 0, NULL, NULL, NULL,
                   "Source Organizationally Unique Identifier"},
    [F_SRC_OUI_RESOLVED] = {"eth.src.oui_resolved", "Source OUI (resolved)", TW_FT_STRING,
                            TW_BASE_NONE, 0, NULL, NULL, NULL,
                            "Source Organizationally Unique Identifier (resolved)"},
    [F_LEN] = {"eth.len", "Length", TW_FT_UINT16, TW_BASE_DEC},
    [F_TYPE] = {"eth.type", "Type", TW_FT_UINT16, TW_BASE_HEX, 0, tw_etype_vals},
    [F_INVALID_LENTYPE] = {"eth.invalid_lentype", "Invalid length/type", TW_FT_UINT16,
                           TW_BASE_HEX_DEC},
    [F_ADDR] = {"eth.addr", "Address", TW_FT_ETHER, TW_BASE_NONE, 0, NULL, NULL, NULL,
                "Source or Destination Hardware Address"},
    [F_ADDR_RESOLVED] = {"eth.addr_resolved", "Address (resolved)", TW_FT_STRING, TW_BASE_NONE, 0,
                         NULL, NULL, NULL, "Source or Destination Hardware Address (resolved)"},
    [F_ADDR_OUI] = {"eth.addr.oui", "Address OUI", TW_FT_UINT24, TW_BASE_OUI, 0, NULL, NULL, NULL,
                    "Address Organizationally Unique Identifier"},
    [F_ADDR_OUI_RESOLVED] = {"eth.addr.oui_resolved", "Address OUI (resolved)", TW_FT_STRING,
                             TW_BASE_NONE, 0, NULL, NULL, NULL,
                             "Address Organizationally Unique Identifier (resolved)"},
    [F_PADDING] = {"eth.padding", "Padding", TW_FT_BYTES, TW_BASE_NONE, 0, NULL, NULL, NULL,
                   "Ethernet Padding"},
    [F_TRAILER] = {"eth.trailer", "Trailer", TW_FT_BYTES, TW_BASE_NONE, 0, NULL, NULL, NULL,
                   "Ethernet Trailer or Checksum"},
    [F_FCS] = {"eth.fcs", "Frame check sequence", TW_FT_UINT32, TW_BASE_HEX, 0, NULL, NULL, NULL,
               "Ethernet checksum"},
    [F_FCS_STATUS] = {"eth.fcs.status", "FCS Status", TW_FT_UINT8, TW_BASE_NONE},
    [F_DST_LG] = {"eth.dst.lg", "LG bit", TW_FT_BOOLEAN, 24, 0x020000, NULL, NULL, &lg_tfs},
    [F_DST_IG] = {"eth.dst.ig", "IG bit", TW_FT_BOOLEAN, 24, 0x010000, NULL, NULL, &ig_tfs},
    [F_SRC_LG] = {"eth.src.lg", "LG bit", TW_FT_BOOLEAN, 24, 0x020000, NULL, NULL, &lg_tfs},
    [F_SRC_IG] = {"eth.src.ig", "IG bit", TW_FT_BOOLEAN, 24, 0x010000, NULL, NULL, &ig_tfs},
    [F_LG] = {"eth.lg", "LG bit", TW_FT_BOOLEAN, 24, 0x020000, NULL, NULL, &lg_tfs},
    [F_IG] = {"eth.ig", "IG bit", TW_FT_BOOLEAN, 24, 0x010000, NULL, NULL, &ig_tfs},
};

static const struct tw_expert_def experts[] = {
    {"eth.invalid_lentype.expert", "decoder.eth.invalid_lentype", TW_SEV_WARN, TW_GRP_PROTOCOL,
     "Invalid length/type"},
    {"eth.src_not_group", "decoder.eth.src_is_group", TW_SEV_WARN, TW_GRP_PROTOCOL,
     "Source MAC must not be a group address: IEEE 802.3-2002, Section 3.2.3(b)"},
    {"eth.len.past_end", "decoder.eth.len_past_end", TW_SEV_ERROR, TW_GRP_MALFORMED,
     "Length field value goes past the end of the payload"},
    {"eth.padding_bad", "decoder.eth.padding_bad", TW_SEV_NOTE, TW_GRP_PROTOCOL,
     "Padding identification may be inaccurate and impact trailer dissector"},
};
enum { E_INVALID_LENTYPE, E_SRC_GROUP, E_LEN_PAST_END, E_PADDING_BAD };

/* A string that must outlive this call: copied into the packet arena. */
static const uint8_t *arena_str(struct tw_pkt *p, const char *s, uint32_t *n)
{
    size_t l = strlen(s);
    uint8_t *d = tw_arena_alloc(p->arena, l + 1);
    if (!d) return NULL;
    memcpy(d, s, l + 1);
    *n = (uint32_t)l;
    return d;
}

/* Wireshark's address subtree: the address, then (hidden) its resolved name, OUI and vendor,
 * the same again as eth.addr*, and the LG/IG bits. */
static void add_addr(struct tw_pkt *p, int f_addr, int f_res, int f_oui, int f_oui_res, int f_lg,
                     int f_ig, const struct tw_cur *c, uint32_t off, bool src)
{
    const uint8_t *a = c->data + off;
    if (!tw_want_proto(p, ids.proto)) { /* none of the records below is wanted */
        if (src && (a[0] & 1)) tw_expert(p, EX(E_SRC_GROUP), off, 6, NULL);
        return;
    }
    uint32_t oui = (uint32_t)a[0] << 16 | (uint32_t)a[1] << 8 | a[2];
    int32_t r = tw_add_ptr(p, HF(f_addr), off, 6, a, 6);
    if (r >= 0 && tw_want_labels(p)) {
        if (tw_names_enabled())
            tw_rec_label(p, r, "%s: %s (%02x:%02x:%02x:%02x:%02x:%02x)",
                         tw_field(HF(f_addr))->def->name, tw_ether_name(a), a[0], a[1], a[2], a[3],
                         a[4], a[5]);
        else
            tw_rec_label(p, r, "%s: %02x:%02x:%02x:%02x:%02x:%02x", tw_field(HF(f_addr))->def->name,
                         a[0], a[1], a[2], a[3], a[4], a[5]);
    }
    tw_tree_push(p, r);
    if (src && (a[0] & 1)) tw_expert(p, EX(E_SRC_GROUP), off, 6, NULL);
    const uint8_t *res = NULL, *vendor = NULL;
    uint32_t resn = 0, vendorn = 0;
    if (tw_want(p, HF(f_res)) || tw_want(p, HF(F_ADDR_RESOLVED)))
        res = arena_str(p, tw_ether_name(a), &resn);
    if (tw_want(p, HF(f_oui_res)) || tw_want(p, HF(F_ADDR_OUI_RESOLVED))) {
        const char *v = tw_oui_name(a);
        if (v) vendor = arena_str(p, v, &vendorn);
    }
    if (res) tw_rec_flags(p, tw_add_ptr(p, HF(f_res), off, 6, res, resn), TW_RF_HIDDEN);
    tw_rec_flags(p, tw_add_uint(p, HF(f_oui), off, 3, oui), TW_RF_HIDDEN);
    if (vendor)
        tw_rec_flags(p, tw_add_ptr(p, HF(f_oui_res), off, 3, vendor, vendorn), TW_RF_HIDDEN);
    r = tw_add_ptr(p, HF(F_ADDR), off, 6, a, 6);
    if (res) tw_rec_flags(p, tw_add_ptr(p, HF(F_ADDR_RESOLVED), off, 6, res, resn), TW_RF_HIDDEN);
    tw_rec_flags(p, tw_add_uint(p, HF(F_ADDR_OUI), off, 3, oui), TW_RF_HIDDEN);
    if (vendor)
        tw_rec_flags(p, tw_add_ptr(p, HF(F_ADDR_OUI_RESOLVED), off, 3, vendor, vendorn),
                     TW_RF_HIDDEN);
    tw_add_bits(p, HF(f_lg), off, 3, oui);
    tw_rec_flags(p, tw_add_bits(p, HF(F_LG), off, 3, oui), TW_RF_HIDDEN);
    tw_add_bits(p, HF(f_ig), off, 3, oui);
    tw_rec_flags(p, tw_add_bits(p, HF(F_IG), off, 3, oui), TW_RF_HIDDEN);
    tw_tree_pop(p);
}

static enum tw_status dissect(struct tw_pkt *p, struct tw_cur *c)
{
    uint32_t start = c->off;
    /* A known FCS is cut off now and handed back to the trailer logic later. */
    int8_t fcs_len = 0; /* Ethernet inside a tunnel carries no FCS */
    if (p->via_table == TW_TBL_LINKTYPE)
        fcs_len = p->frame->fcs_len < 0 ? -1 : (int8_t)p->frame->fcs_len;
    else if (p->via_table == TW_TBL_NAME && p->via_key == TW_KEY_ETH_FCS)
        fcs_len = 4;

    const uint8_t *h = tw_cur_bytes(c, 14);
    if (!h) {
        tw_layer_unrecord(p); /* Wireshark reads the header before adding its line */
        return c->err == TW_CUR_TRUNCATED ? TW_TRUNCATED : TW_MALFORMED;
    }
    uint16_t type = (uint16_t)(h[12] << 8 | h[13]);
    /* Cisco ISL: a length, and a destination whose first 40 bits are 01-00-0C-00-00 (or
     * 0C-00-0C-00-00); Wireshark hands the whole frame to ISL, which shows it in place of the
     * Ethernet line ("eth" stays in frame.protocols) */
    if (type <= 1500 && (h[0] == 0x01 || h[0] == 0x0c) && h[1] == 0 && h[2] == 0x0c && h[3] == 0 &&
        h[4] == 0 && tw_dispatch_find(TW_TBL_NAME, TW_KEY_ISL) >= 0) {
        tw_layer_unrecord(p);
        struct tw_cur ic = *c;
        ic.off = start;
        tw_next(p, TW_TBL_NAME, TW_KEY_ISL, ic);
        return TW_OK;
    }

    tw_col_dl(p, TW_AT_ETHER, h + 6, h, 6);
    if (tw_tap_wanted(p, TW_TAP_ETH)) {
        struct tw_tap_eth *t = tw_arena_alloc(p->arena, sizeof *t);
        if (t) {
            t->src = h + 6;
            t->dst = h;
            t->type = type;
            t->layer = p->nlayers ? p->nlayers - 1 : 0;
            tw_tap_queue(p, TW_TAP_ETH, t);
        }
    }
    /* Source/Destination show the latest addresses set: an Ethernet frame inside a tunnel
     * replaces the outer IP addresses until an inner network layer sets its own */
    p->net_src = p->net_dst = (struct tw_addr){TW_AT_NONE, 0, NULL};
    if (tw_layer_recorded(p)) {
        char rs[18], rd[18], s[96], d[96];
        snprintf(rs, sizeof rs, "%02x:%02x:%02x:%02x:%02x:%02x", h[6], h[7], h[8], h[9], h[10],
                 h[11]);
        snprintf(rd, sizeof rd, "%02x:%02x:%02x:%02x:%02x:%02x", h[0], h[1], h[2], h[3], h[4],
                 h[5]);
        if (tw_names_enabled()) {
            snprintf(s, sizeof s, "%.64s (%s)", tw_ether_name(h + 6), rs);
            snprintf(d, sizeof d, "%.64s (%s)", tw_ether_name(h), rd);
        } else {
            memcpy(s, rs, sizeof rs);
            memcpy(d, rd, sizeof rd);
        }
        if (type > 1500) tw_layer_label(p, "Ethernet II, Src: %s, Dst: %s", s, d);
    }
    add_addr(p, F_DST, F_DST_RESOLVED, F_DST_OUI, F_DST_OUI_RESOLVED, F_DST_LG, F_DST_IG, c, start,
             false);
    add_addr(p, F_SRC, F_SRC_RESOLVED, F_SRC_OUI, F_SRC_OUI_RESOLVED, F_SRC_LG, F_SRC_IG, c,
             start + 6, true);

    if (type <= 1500) {
        /* IEEE 802.3: a length, then LLC (or Novell's raw IPX, which starts with 0xffff). The
         * 802.3 step hands `length` bytes on and shows what follows as padding/trailer/FCS. */
        const uint8_t *q;
        bool raw = tw_cur_try_peek(c, 0, 2, &q) && q[0] == 0xff && q[1] == 0xff;
        if (tw_layer_recorded(p))
            tw_layer_label(p, raw ? "IEEE 802.3 Ethernet Raw " : "IEEE 802.3 Ethernet ");
        int32_t r = tw_add_uint(p, HF(F_LEN), start + 12, 2, type);
        uint32_t rep = tw_cur_left(c);
        if (fcs_len > 0 && rep >= (uint32_t)fcs_len) rep -= (uint32_t)fcs_len;
        uint32_t len = type;
        if (len > rep) {
            tw_tree_push(p, r);
            tw_expert(p, EX(E_LEN_PAST_END), start + 12, 2, NULL);
            tw_tree_pop(p);
            len = rep;
        }
        tw_info_set(p, raw ? "IEEE 802.3 Ethernet Raw " : "IEEE 802.3 Ethernet ");
        p->ctx.ethertype.type = (uint16_t)len;
        p->ctx.ethertype.type_hf = 0;
        p->ctx.ethertype.trailer_hf = HF(F_TRAILER);
        p->ctx.ethertype.fcs_len = fcs_len;
        p->ctx.ethertype.link_off = start;
        tw_next(p, TW_TBL_NAME, TW_KEY_8023_STEP, *c);
        return TW_OK;
    }
    if (type < 0x0600) {
        int32_t r = tw_add_uint(p, HF(F_INVALID_LENTYPE), start + 12, 2, type);
        (void)r;
        tw_expert(p, EX(E_INVALID_LENTYPE), start + 12, 2, "Invalid length/type: 0x%04x (%u)", type,
                  type);
        return TW_OK;
    }
    struct tw_cur pl = *c;
    if (fcs_len == 4 && tw_cur_left(&pl) >= 4) {
        pl.end -= 4;
        if (pl.cap > pl.end) pl.cap = pl.end;
    }
    p->ctx.ethertype.type = type;
    p->ctx.ethertype.type_hf = HF(F_TYPE);
    p->ctx.ethertype.trailer_hf = HF(F_TRAILER);
    p->ctx.ethertype.fcs_len = fcs_len;
    p->ctx.ethertype.link_off = start;
    tw_info_set(p, "Ethernet II");
    tw_next(p, TW_TBL_NAME, TW_KEY_ETHERTYPE_STEP, pl);
    return TW_OK;
}

/* Offer the trailer at off (rep bytes reported, cap of them captured) to the protocol bound
 * as the trailer heuristic `key`: if its heuristic accepts them it is dissected now, as a layer
 * after the payload's. *st gets the layer's status (a heuristic that fails while dissecting,
 * as vssmonitoring on a trailer the capture cut, stops the frame's dissection in tshark). */
static bool trailer_heur(struct tw_pkt *p, const uint8_t *data, uint32_t off, uint32_t cap,
                         uint32_t rep, uint32_t key, enum tw_status *st)
{
    *st = TW_OK;
    int pi = tw_dispatch_find(TW_TBL_NAME, key);
    if (pi < 0) return false;
    const struct tw_proto *pr = tw_proto_get((uint16_t)pi);
    struct tw_cur c = tw_cur_make(data, off + cap, off + rep);
    c.off = off;
    if (!pr->heur || !pr->heur(p, &c)) return false;
    uint32_t first = p->nlayers;
    /* the new layers reuse the subtree stack from the chain's base: keep ours */
    int32_t saved[TW_MAX_TREE];
    uint32_t nt = p->ntree;
    memcpy(saved, p->tree, nt * sizeof saved[0]);
    *st = tw_dissect_here(p, TW_TBL_NAME, 1, &key, c);
    memcpy(p->tree, saved, nt * sizeof saved[0]);
    p->ntree = nt;
    /* a layer that refused the bytes after all (tw_layer_hide) leaves them a trailer */
    return !(first < p->nlayers && p->layers[first].hidden);
}

/* Called by the ethertype step: what the payload left over is padding (zeros up to the 60-byte
 * minimum), a trailer, and an FCS (known, or guessed for frames of 64+ bytes with 4+ trailing
 * bytes), as Wireshark's add_ethernet_trailer decides. */
/* The trailer code read a byte the capture lost: Wireshark's exception ends it there, named
 * after the dissector that runs the trailer code ("Ethertype", or "Ethernet" for 802.3). */
static void trailer_cut(struct tw_pkt *p, bool dix)
{
    uint16_t saved = p->cur_proto;
    if (!dix) p->cur_proto = ids.proto;
    tw_show_status(p, TW_TRUNCATED);
    p->cur_proto = saved;
}

static void eth_trailer(struct tw_pkt *p, const uint8_t *data, uint32_t cap_end, uint32_t trail_off,
                        uint32_t trail_len, uint32_t link_off, int8_t fcs_len, uint16_t trailer_hf,
                        bool dix)
{
    const struct tw_frame *f = p->frame;
    uint32_t pkt_len = f->wirelen;
    uint32_t rep = trail_len; /* reported trailer length */
    uint32_t caplen = trail_off < cap_end ? TW_MIN(trail_len, cap_end - trail_off) : 0;
    uint32_t pad = 0;
    /* none of it captured: Wireshark's EtherType step makes no trailer tvb at all (802.3 does) */
    if (caplen == 0 && dix) return;
    bool maybe_padded = pkt_len >= 60 && pkt_len - rep < 60;
    if (maybe_padded) {
        /* zeros up to the 60-byte minimum; a byte of it the capture lost (all before it zero)
         * ends the trailer code with an exception: "Ethertype truncated", nothing more */
        pad = 60 - (pkt_len - rep);
        for (uint32_t i = 0; i < pad; i++) {
            if (i >= caplen) {
                trailer_cut(p, dix);
                return;
            }
            if (data[trail_off + i] != 0) {
                pad = 0;
                break;
            }
        }
        if (pad) {
            tw_add_ptr(p, HF(F_PADDING), trail_off, pad, data + trail_off, pad);
            caplen -= pad;
            rep -= pad;
        }
    }
    /* Ethernet trailer heuristics (Wireshark's "eth.trailer" list, in tshark 4.0's order:
     * vssmonitoring, then f5ethtrailer): they see what follows the padding, a possible FCS
     * included unless the FCS is known, and one that claims it replaces the trailer item (and
     * the guessed FCS). vssmonitoring is offered a trailer the capture cut short too (and fails
     * on it, which ends the frame's dissection); f5ethtrailer is not offered one. */
    bool claimed = false;
    /* (tshark looks at no trailer whose first byte the capture does not have) */
    if (rep != 0 && trail_off < cap_end) {
        uint32_t hn = caplen, hr = rep;
        if (fcs_len == 4) {
            /* (the known FCS is cut off the reported length, and the captured one with it) */
            hr -= TW_MIN(hr, 4u);
            if (hn > hr) hn = hr;
        }
        enum tw_status hst = TW_OK;
        if (hr)
            claimed = trailer_heur(p, data, trail_off + pad, hn, hr, TW_KEY_ETH_TRAILER_VSS, &hst);
        if (hst != TW_OK) return;
        if (!claimed && caplen != 0 && caplen == rep) { /* (not on a trailer the capture cut) */
            if (fcs_len == 4)
                hn = caplen - TW_MIN(caplen, 4u);
            else
                hn = caplen;
            claimed =
                hn && trailer_heur(p, data, trail_off + pad, hn, hn, TW_KEY_ETH_TRAILER, &hst);
        }
        if (claimed && fcs_len != 4) return;
    }
    bool has_fcs = false;
    uint32_t link_len = (f->wirelen > link_off) ? (TW_MAX(f->wirelen, f->caplen) - link_off) : 0;
    if (fcs_len != 0 && (fcs_len == 4 || (link_len >= 64 && rep >= 4))) {
        /* a known FCS longer than what is left takes all of it (never wraps) */
        if (caplen < rep) {
            rep -= TW_MIN(rep, 4u);
            if (caplen > rep) caplen = rep;
        } else {
            caplen -= TW_MIN(caplen, 4u);
            rep -= TW_MIN(rep, 4u);
        }
        has_fcs = true;
    }
    if (rep != 0 && caplen != 0 && !claimed) {
        int32_t r =
            tw_add_ptr(p, trailer_hf, trail_off + pad, caplen, data + trail_off + pad, caplen);
        if (maybe_padded && pad == 0) {
            tw_tree_push(p, r);
            tw_expert(p, EX(E_PADDING_BAD), trail_off, caplen,
                      "Didn't find padding of zeros, and an undecoded trailer exists. There may be "
                      "padding of non-zeros.");
            tw_tree_pop(p);
        }
    }
    if (has_fcs) {
        uint32_t fo = trail_off + pad + caplen;
        if (fo + 4 > cap_end) { /* tshark reads the FCS whether or not it was captured */
            trailer_cut(p, dix);
            return;
        }
        {
            uint32_t v = (uint32_t)data[fo] << 24 | (uint32_t)data[fo + 1] << 16 |
                         (uint32_t)data[fo + 2] << 8 | data[fo + 3];
            int32_t r = tw_add_uint(p, HF(F_FCS), fo, 4, v);
            if (tw_want_labels(p))
                tw_rec_label(p, r, "Frame check sequence: 0x%08x [unverified]", v);
            r = tw_add_uint(p, HF(F_FCS_STATUS), fo, 4, 2);
            tw_rec_flags(p, r, TW_RF_GENERATED);
            if (tw_want_labels(p)) tw_rec_label(p, r, "FCS Status: Unverified");
        }
    }
}

static const struct tw_binding bindings[] = {
    {TW_TBL_LINKTYPE, 1},          /* LINKTYPE_ETHERNET */
    {TW_TBL_NAME, TW_KEY_ETH},     /* Ethernet inside tunnels, without FCS */
    {TW_TBL_NAME, TW_KEY_ETH_FCS}, /* Ethernet with its FCS (inside Cisco ISL) */
    {TW_TBL_ETHERTYPE, 0x6558},    /* transparent Ethernet bridging (GRE, ...) */
    {TW_TBL_IP_PROTO, 143},        /* Ethernet over IPv6 (RFC 8986 segment routing) */
};

const struct tw_proto tw_proto_eth = {
    .abbrev = "eth",
    .name = "Ethernet",
    .short_name = "Ethernet",
    .fields = fields,
    .nfields = F_COUNT,
    .experts = experts,
    .nexperts = TW_ARRAY_LEN(experts),
    .bindings = bindings,
    .nbindings = TW_ARRAY_LEN(bindings),
    .dissect = dissect,
    .ids = &ids,
};

/* ---------------------------------------------------------------------------------------------
 * The "ethertype" step (Wireshark's packet-ethertype.c): Ethernet, VLAN, SLL and others set
 * ctx.ethertype and hand over here; this dispatches on the type and, once the payload has said
 * how much of the frame it spans, shows the rest as padding, trailer and FCS under the caller's
 * line. It appears in frame.protocols but has no line of its own.
 * ------------------------------------------------------------------------------------------- */
static struct tw_proto_ids et_ids;

static enum tw_status ethertype_dissect(struct tw_pkt *p, struct tw_cur *c)
{
    uint16_t type = p->ctx.ethertype.type;
    uint16_t type_hf = p->ctx.ethertype.type_hf;
    int32_t r = type_hf ? tw_add_uint(p, type_hf, c->off >= 2 ? c->off - 2 : 0, 2, type) : -1;
    if (r >= 0 && tw_want_labels(p)) {
        const char *nm = tw_vs_find(tw_etype_vals, type);
        tw_rec_label(p, r, "%s: %s (0x%04x)", tw_field(type_hf)->def->name, nm ? nm : "Unknown",
                     type);
    }
    /* the post hook runs after inner layers have reused ctx.ethertype: keep ours */
    uint32_t *pv = tw_layer_priv(p);
    pv[0] = p->ctx.ethertype.trailer_hf;
    pv[1] = (uint32_t)(int32_t)p->ctx.ethertype.fcs_len;
    pv[2] = p->ctx.ethertype.link_off;
    tw_next(p, TW_TBL_ETHERTYPE, type, *c);
    return TW_OK;
}

static void ethertype_post(struct tw_pkt *p, uint32_t li)
{
    const struct tw_layer *l = &p->layers[li];
    uint32_t used = l->avail;
    if (li + 1 < p->nlayers && p->layers[li + 1].depth == l->depth) {
        const struct tw_layer *n = &p->layers[li + 1];
        if (n->claim && n->claim < n->avail) used = n->claim;
    }
    uint32_t end = l->off + l->avail;
    uint16_t trailer_hf = (uint16_t)l->priv[0];
    int8_t fcs_len = (int8_t)(int32_t)l->priv[1];
    uint32_t link_off = l->priv[2];
    /* a known FCS was cut off before the payload: give it back to the trailer */
    if (fcs_len == 4) end += 4;
    uint32_t toff = l->off + used;
    if (end <= toff) return;
    uint32_t cap_end = p->frame->caplen;
    eth_trailer(p, p->frame->data, cap_end, toff, end - toff, link_off, fcs_len, trailer_hf, true);
}

static const struct tw_binding et_bindings[] = {{TW_TBL_NAME, TW_KEY_ETHERTYPE_STEP}};

const struct tw_proto tw_proto_ethertype = {
    .abbrev = "ethertype",
    .name = "Ethertype",
    .short_name = "Ethertype",
    .bindings = et_bindings,
    .nbindings = TW_ARRAY_LEN(et_bindings),
    .dissect = ethertype_dissect,
    .post = ethertype_post,
    .ids = &et_ids,
    .flags = TW_PROTO_NO_COLUMN | TW_PROTO_NO_RECORD | TW_PROTO_PARENT_TREE,
};

/* ---------------------------------------------------------------------------------------------
 * The 802.3 step (Wireshark's dissect_802_3): Ethernet or VLAN with a length field hand over
 * here with ctx.ethertype.type = the (already clipped) length. The first `length` bytes go to
 * LLC, or to IPX when they start with 0xffff (Novell raw 802.3); the rest of the frame is
 * padding/trailer/FCS under the caller's line. Not listed in frame.protocols.
 * ------------------------------------------------------------------------------------------- */
static struct tw_proto_ids l8023_ids;

static enum tw_status l8023_dissect(struct tw_pkt *p, struct tw_cur *c)
{
    uint32_t len = p->ctx.ethertype.type;
    uint32_t *pv = tw_layer_priv(p);
    pv[0] = p->ctx.ethertype.trailer_hf;
    pv[1] = (uint32_t)(int32_t)p->ctx.ethertype.fcs_len;
    pv[2] = p->ctx.ethertype.link_off;
    pv[3] = len;
    struct tw_cur pl = tw_cur_sub(c, len, NULL);
    const uint8_t *q;
    if (tw_cur_try_peek(&pl, 0, 2, &q) && q[0] == 0xff && q[1] == 0xff) {
        /* IPX, which binds its EtherType; without it, plain data */
        if (tw_dispatch_find(TW_TBL_ETHERTYPE, 0x8137) >= 0)
            tw_next(p, TW_TBL_ETHERTYPE, 0x8137, pl);
        else
            tw_next(p, TW_TBL_NAME, TW_KEY_DATA, pl);
    } else
        tw_next(p, TW_TBL_NAME, TW_KEY_LLC, pl);
    return TW_OK;
}

static void l8023_post(struct tw_pkt *p, uint32_t li)
{
    const struct tw_layer *l = &p->layers[li];
    uint32_t toff = l->off + l->priv[3];
    uint32_t end = l->off + l->avail;
    if (end <= toff) return;
    eth_trailer(p, p->frame->data, p->frame->caplen, toff, end - toff, l->priv[2],
                (int8_t)(int32_t)l->priv[1], (uint16_t)l->priv[0], false);
}

static const struct tw_binding l8023_bindings[] = {{TW_TBL_NAME, TW_KEY_8023_STEP}};

const struct tw_proto tw_proto_ieee8023_step = {
    .abbrev = "ieee802.3",
    .name = "IEEE 802.3 length framing",
    .short_name = "802.3",
    .bindings = l8023_bindings,
    .nbindings = TW_ARRAY_LEN(l8023_bindings),
    .dissect = l8023_dissect,
    .post = l8023_post,
    .ids = &l8023_ids,
    .flags = TW_PROTO_NO_COLUMN | TW_PROTO_NO_LAYER | TW_PROTO_NO_RECORD | TW_PROTO_PARENT_TREE,
};
