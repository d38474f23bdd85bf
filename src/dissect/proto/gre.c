/* Generic Routing Encapsulation: RFC 2784 (with RFC 1701's routing fields), RFC 2890 key and
 * sequence number, and the RFC 2637 (PPTP) "enhanced GRE" version 1.
 *
 *   +-+-+-+-+-+-----+---------+-----+-------------------------------+
 *   |C|R|K|S|s|Recur|A| flags | Ver |        Protocol Type          |
 *   +-+-+-+-+-+-----+---------+-----+-------------------------------+
 *   |   Checksum (if C or R)        |      Offset (if C or R)       |
 *   +-------------------------------+-------------------------------+
 *   |  Key (K); in version 1: payload length (16) and call ID (16)  |
 *   +---------------------------------------------------------------+
 *   |                  Sequence Number (S)                          |
 *   +---------------------------------------------------------------+
 *   |           Acknowledgment Number (version 1, A)                |
 *   +---------------------------------------------------------------+
 *   |        Routing: SREs until address family 0, length 0 (R)     |
 *   +---------------------------------------------------------------+
 *
 * The payload is dispatched on the protocol type through the EtherType table. */
#include "../dissect.h"

#include <stdio.h>

extern const struct tw_vs tw_etype_vals[];

static struct tw_proto_ids ids;
#define HF(x) ((uint16_t)(ids.base + (x)))
#define EX(x) ((uint16_t)(ids.expert_base + (x)))

enum {
    F_PROTO,
    F_FLAGS,
    F_FL_CHECKSUM,
    F_FL_ROUTING,
    F_FL_KEY,
    F_FL_SEQ,
    F_FL_SSR,
    F_FL_RECUR,
    F_FL_ACK,
    F_FL_RESERVED,
    F_FL_RESERVED_PPP,
    F_FL_VERSION,
    F_CHECKSUM,
    F_CHECKSUM_STATUS,
    F_OFFSET,
    F_KEY,
    F_KEY_PAYLOAD_LEN,
    F_KEY_CALL_ID,
    F_SEQ,
    F_ACK,
    F_ROUTING,
    F_ROUTING_AF,
    F_ROUTING_SRE_OFFSET,
    F_ROUTING_SRE_LENGTH,
    F_ROUTING_INFO,
    F_3GPP2_ATTRIB,
    F_3GPP2_ATTRIB_ID,
    F_3GPP2_ATTRIB_LENGTH,
    F_3GPP2_SDI,
    F_3GPP2_FCI,
    F_3GPP2_DI,
    F_3GPP2_FLOW_DISC,
    F_3GPP2_SEG,
    F_WCCP_REDIRECT,
    F_WCCP_DYNAMIC,
    F_WCCP_ALT_USED,
    F_WCCP_VALID,
    F_WCCP_SERVICE_ID,
    F_WCCP_ALT_BUCKET,
    F_WCCP_PRIMARY_BUCKET,
    F_COUNT
};

#define GRE_CHECKSUM 0x8000
#define GRE_ROUTING  0x4000
#define GRE_KEY      0x2000
#define GRE_SEQUENCE 0x1000
#define GRE_ACK      0x0080
#define GRE_VERSION  0x0007

#define GRE_WCCP                   0x883e
#define ETHERTYPE_PPP              0x880b
#define ETHERTYPE_3GPP2            0x88d2
#define ETHERTYPE_CDMA2000_A10_UBS 0x8881

/* the names Wireshark gives GRE protocol types (also used by SLL on GRE devices) */
const struct tw_vs tw_gre_typevals[] = {{0x0000, "Possible GRE keepalive packet"},
                                        {0x880b, "PPP"},
                                        {0x0800, "IP"},
                                        {0x0806, "ARP"},
                                        {0x00fe, "OSI"},
                                        {0x883e, "WCCP"},
                                        {0x2000, "CDP (Cisco)"},
                                        {0x2001, "NHRP"},
                                        {0x88be, "ERSPAN"},
                                        {0x22eb, "ERSPAN III"},
                                        {0x6400, "MIKROTIK EoIP"},
                                        {0xb7ea, "AIROHIVE AP AP"},
                                        {0x8137, "IPX"},
                                        {0x6558, "Transparent Ethernet bridging"},
                                        {0x6559, "Frame Relay"},
                                        {0x86dd, "IPv6"},
                                        {0x8847, "MPLS label switched packet"},
                                        {0x894f, "Network Service Header"},
                                        {0x8881, "CDMA2000 A10 Unstructured byte stream"},
                                        {0x88d2, "CDMA2000 A10 3GPP2 Packet"},
                                        {0x8909, "CiscoMetaData"},
                                        {0x8200, "ARUBA WLAN"},
                                        {0x8210, "ARUBA WLAN"},
                                        {0x8220, "ARUBA WLAN"},
                                        {0x8230, "ARUBA WLAN"},
                                        {0x8240, "ARUBA WLAN"},
                                        {0x8250, "ARUBA WLAN"},
                                        {0x8260, "ARUBA WLAN"},
                                        {0x8270, "ARUBA WLAN"},
                                        {0x8280, "ARUBA WLAN"},
                                        {0x8290, "ARUBA WLAN"},
                                        {0x82a0, "ARUBA WLAN"},
                                        {0x82b0, "ARUBA WLAN"},
                                        {0x82c0, "ARUBA WLAN"},
                                        {0x82d0, "ARUBA WLAN"},
                                        {0x82e0, "ARUBA WLAN"},
                                        {0x82f0, "ARUBA WLAN"},
                                        {0x8300, "ARUBA WLAN"},
                                        {0x8310, "ARUBA WLAN"},
                                        {0x8320, "ARUBA WLAN"},
                                        {0x8330, "ARUBA WLAN"},
                                        {0x8340, "ARUBA WLAN"},
                                        {0x8350, "ARUBA WLAN"},
                                        {0x8360, "ARUBA WLAN"},
                                        {0x8370, "ARUBA WLAN"},
                                        {0x9000, "ARUBA WLAN"},
                                        {0, NULL}};

static const struct tw_vs version_vals[] = {{0, "GRE"}, {1, "Enhanced GRE"}, {0, NULL}};
static const struct tw_vs checksum_status_vals[] = {
    {0, "Bad"}, {1, "Good"}, {2, "Unverified"}, {3, "Not present"}, {4, "Illegal"}, {0, NULL}};
static const struct tw_vs seg_vals[] = {
    {0, "Packet Started"}, {1, "Packet continued"}, {2, "Packet Ended"}, {0, NULL}};
static const struct tw_vs attrib_id_vals[] = {{1, "1x SDB/HRPD DOS Indicator"},
                                              {2, "Flow Control Indication"},
                                              {3, "IP Flow Discriminator"},
                                              {4, "Segmentation Indication"},
                                              {0, NULL}};
static const struct tw_tfs sdi_tfs = {"Packet suitable for 1x SDB or HRPD DOS transmission",
                                      "Reserved"};
static const struct tw_tfs fci_tfs = {"XOFF", "XON"};
static const struct tw_tfs di_tfs = {"INDEFINITE:", "TEMPORARY"};
static const struct tw_tfs dyn_tfs = {"Dynamic service", "Well-known service"};
static const struct tw_tfs alt_tfs = {"Alternative bucket used", "Primary bucket used"};
static const struct tw_vs service_id_vals[] = {{0, "HTTP"}, {0, NULL}};
static const struct tw_tfs valid_tfs = {"Header is present, but ignore contents",
                                        "Header contents are valid"};

static const struct tw_field_def fields[F_COUNT] = {
    [F_PROTO] = {"gre.proto", "Protocol Type", TW_FT_UINT16, TW_BASE_HEX, 0, tw_gre_typevals, NULL,
                 NULL, "The protocol that is GRE encapsulated"},
    [F_FLAGS] = {"gre.flags_and_version", "Flags and Version", TW_FT_UINT16, TW_BASE_HEX, 0, NULL,
                 NULL, NULL, "The GRE flags are encoded in the first two octets"},
    [F_FL_CHECKSUM] = {"gre.flags.checksum", "Checksum Bit", TW_FT_BOOLEAN, 16, 0x8000, NULL, NULL,
                       &tw_tfs_yes_no, "Indicates if the Checksum field is present"},
    [F_FL_ROUTING] = {"gre.flags.routing", "Routing Bit", TW_FT_BOOLEAN, 16, 0x4000, NULL, NULL,
                      &tw_tfs_yes_no,
                      "Indicates if the Routing and Checksum/Offset field are present"},
    [F_FL_KEY] = {"gre.flags.key", "Key Bit", TW_FT_BOOLEAN, 16, 0x2000, NULL, NULL, &tw_tfs_yes_no,
                  "Indicates if the Key field is present"},
    [F_FL_SEQ] = {"gre.flags.sequence_number", "Sequence Number Bit", TW_FT_BOOLEAN, 16, 0x1000,
                  NULL, NULL, &tw_tfs_yes_no, "Indicates if the Sequence Number field is present"},
    [F_FL_SSR] = {"gre.flags.strict_source_route", "Strict Source Route Bit", TW_FT_BOOLEAN, 16,
                  0x0800, NULL, NULL, &tw_tfs_yes_no},
    [F_FL_RECUR] = {"gre.flags.recursion_control", "Recursion control", TW_FT_UINT16, TW_BASE_DEC,
                    0x0700},
    [F_FL_ACK] = {"gre.flags.ack", "Acknowledgment", TW_FT_BOOLEAN, 16, 0x0080, NULL, NULL,
                  &tw_tfs_yes_no,
                  "Indicates if the packet contains an Acknowledgment Number to be used for "
                  "acknowledging previously transmitted data"},
    [F_FL_RESERVED] = {"gre.flags.reserved", "Flags (Reserved)", TW_FT_UINT16, TW_BASE_DEC, 0x00f8},
    [F_FL_RESERVED_PPP] = {"gre.flags.reserved", "Flags (Reserved)", TW_FT_UINT16, TW_BASE_DEC,
                           0x0078},
    [F_FL_VERSION] = {"gre.flags.version", "Version", TW_FT_UINT16, TW_BASE_DEC, 0x0007,
                      version_vals},
    [F_CHECKSUM] = {"gre.checksum", "Checksum", TW_FT_UINT16, TW_BASE_HEX, 0, NULL, NULL, NULL,
                    "The Checksum field contains the IP (one's complement) checksum of the GRE "
                    "header and the payload packet"},
    [F_CHECKSUM_STATUS] = {"gre.checksum.status", "Checksum Status", TW_FT_UINT8, TW_BASE_NONE, 0,
                           checksum_status_vals},
    [F_OFFSET] = {"gre.offset", "Offset", TW_FT_UINT16, TW_BASE_DEC, 0, NULL, NULL, NULL,
                  "The offset field indicates the octet offset from the start of the Routing "
                  "field to the first octet of the active Source Route Entry to be examined"},
    [F_KEY] = {"gre.key", "Key", TW_FT_UINT32, TW_BASE_HEX, 0, NULL, NULL, NULL,
               "The Key field contains a four octet number which was inserted by the encapsulator"},
    [F_KEY_PAYLOAD_LEN] = {"gre.key.payload_length", "Payload Length", TW_FT_UINT16, TW_BASE_DEC, 0,
                           NULL, NULL, NULL, "Size of the payload, not including the GRE header"},
    [F_KEY_CALL_ID] = {"gre.key.call_id", "Call ID", TW_FT_UINT16, TW_BASE_DEC, 0, NULL, NULL, NULL,
                       "Contains the Peer's Call ID for the session to which this packet belongs."},
    [F_SEQ] = {"gre.sequence_number", "Sequence Number", TW_FT_UINT32, TW_BASE_DEC, 0, NULL, NULL,
               NULL,
               "The Sequence Number field contains an unsigned 32 bit integer which is inserted "
               "by the encapsulator"},
    [F_ACK] = {"gre.ack_number", "Acknowledgment Number", TW_FT_UINT32, TW_BASE_DEC, 0, NULL, NULL,
               NULL,
               "Contains the sequence number of the highest numbered GRE packet received by the "
               "sending peer for this user session"},
    [F_ROUTING] = {"gre.routing", "Routing", TW_FT_NONE, TW_BASE_NONE, 0, NULL, NULL, NULL,
                   "The Routing field is a list of Source Route Entries (SREs)"},
    [F_ROUTING_AF] = {"gre.routing.address_family", "Address Family", TW_FT_UINT16, TW_BASE_DEC, 0,
                      NULL, NULL, NULL,
                      "The Address Family field contains a two octet value which indicates the "
                      "syntax and semantics of the Routing Information field"},
    [F_ROUTING_SRE_OFFSET] = {"gre.routing.sre_offset", "SRE Offset", TW_FT_UINT8, TW_BASE_DEC, 0,
                              NULL, NULL, NULL,
                              "The Address Family field contains a two octet value which "
                              "indicates the syntax and semantics of the Routing Information "
                              "field"},
    [F_ROUTING_SRE_LENGTH] = {"gre.routing.src_length", "SRE Length", TW_FT_UINT8, TW_BASE_DEC, 0,
                              NULL, NULL, NULL,
                              "The SRE Length field contains the number of octets in the SRE"},
    [F_ROUTING_INFO] = {"gre.routing.information", "Routing Information", TW_FT_BYTES, TW_BASE_NONE,
                        0, NULL, NULL, NULL,
                        "The Routing Information field contains data which may be used in "
                        "routing this packet"},
    [F_3GPP2_ATTRIB] = {"gre.3gpp2_attrib", "3GPP2 Attributes", TW_FT_NONE},
    [F_3GPP2_ATTRIB_ID] = {"gre.3gpp2_attrib_id", "Type", TW_FT_UINT8, TW_BASE_HEX, 0x7f,
                           attrib_id_vals},
    [F_3GPP2_ATTRIB_LENGTH] = {"gre.3gpp2_attrib_length", "Length", TW_FT_UINT8, TW_BASE_HEX},
    [F_3GPP2_SDI] = {"gre.3gpp2_sdi", "SDI/DOS", TW_FT_BOOLEAN, 16, 0x8000, NULL, NULL, &sdi_tfs,
                     "Short Data Indicator(SDI)/Data Over Signaling (DOS)"},
    [F_3GPP2_FCI] = {"gre.3gpp2_fci", "Flow Control Indicator", TW_FT_BOOLEAN, 16, 0x8000, NULL,
                     NULL, &fci_tfs},
    [F_3GPP2_DI] = {"gre.3gpp2_di", "Duration Indicator", TW_FT_BOOLEAN, 16, 0x4000, NULL, NULL,
                    &di_tfs},
    [F_3GPP2_FLOW_DISC] = {"gre.ggp2_flow_disc", "Flow ID", TW_FT_BYTES},
    [F_3GPP2_SEG] = {"gre.ggp2_3gpp2_seg", "Type", TW_FT_UINT16, TW_BASE_HEX, 0xc000, seg_vals},
    [F_WCCP_REDIRECT] = {"gre.wccp.redirect_header", "Redirect Header", TW_FT_NONE},
    [F_WCCP_DYNAMIC] = {"gre.wccp.dynamic_service", "Dynamic Service", TW_FT_BOOLEAN, 8, 0x01, NULL,
                        NULL, &dyn_tfs},
    [F_WCCP_ALT_USED] = {"gre.wccp.alternative_bucket_used", "Alternative bucket used",
                         TW_FT_BOOLEAN, 8, 0x02, NULL, NULL, &alt_tfs},
    [F_WCCP_VALID] = {"gre.wccp.redirect_header_valid", "WCCP Redirect header is valid",
                      TW_FT_BOOLEAN, 8, 0x04, NULL, NULL, &valid_tfs},
    [F_WCCP_SERVICE_ID] = {"gre.wccp.service_id", "Service ID", TW_FT_UINT8, TW_BASE_DEC, 0,
                           service_id_vals, NULL, NULL, "Service Group identifier"},
    [F_WCCP_ALT_BUCKET] = {"gre.wccp.alternative_bucket", "Alternative Bucket", TW_FT_UINT8,
                           TW_BASE_DEC, 0, NULL, NULL, NULL,
                           "Alternative bucket index used to redirect the packet."},
    [F_WCCP_PRIMARY_BUCKET] = {"gre.wccp.primary_bucket", "Primary Bucket", TW_FT_UINT8,
                               TW_BASE_DEC, 0, NULL, NULL, NULL,
                               "Primary bucket index used to redirect the packet."},
};

static const struct tw_expert_def experts[] = {
    {"gre.checksum.incorrect", "decoder.gre.bad_checksum", TW_SEV_WARN, TW_GRP_PROTOCOL,
     "Incorrect GRE Checksum"},
};
enum { E_CHECKSUM };

static void checksum(struct tw_pkt *p, struct tw_cur *c, uint32_t start, uint16_t flags)
{
    uint32_t off = c->off;
    uint16_t ck = tw_cur_u16(c);
    if (!tw_cur_ok(c)) return;
    /* verifiable when present and the whole message is here and not a fragment */
    bool verify = (flags & GRE_CHECKSUM) && !p->ctx.ip_fragment && c->cap >= c->end;
    int32_t r = tw_add_uint(p, HF(F_CHECKSUM), off, 2, ck);
    if (!verify) {
        if (tw_want_labels(p)) tw_rec_label(p, r, "Checksum: 0x%04x [unverified]", ck);
        r = tw_add_uint(p, HF(F_CHECKSUM_STATUS), off, 2, 2);
        tw_rec_flags(p, r, TW_RF_GENERATED);
        if (tw_want_labels(p)) tw_rec_label(p, r, "Checksum Status: Unverified");
        return;
    }
    uint32_t sum = tw_cksum_add(0, c->data + start, off - start);
    sum = tw_cksum_add(sum, c->data + off + 2, c->end - off - 2);
    uint16_t good = tw_cksum_fold(sum);
    if (good == ck) {
        if (tw_want_labels(p)) tw_rec_label(p, r, "Checksum: 0x%04x [correct]", ck);
        r = tw_add_uint(p, HF(F_CHECKSUM_STATUS), off, 2, 1);
        tw_rec_flags(p, r, TW_RF_GENERATED);
        if (tw_want_labels(p)) tw_rec_label(p, r, "Checksum Status: Good");
        return;
    }
    if (tw_want_labels(p))
        tw_rec_label(p, r, "Checksum: 0x%04x incorrect, should be 0x%04x", ck, good);
    tw_tree_push(p, r);
    tw_expert(p, EX(E_CHECKSUM), off, 2, "Incorrect GRE Checksum [should be 0x%04x]", good);
    tw_tree_pop(p);
    r = tw_add_uint(p, HF(F_CHECKSUM_STATUS), off, 2, 0);
    tw_rec_flags(p, r, TW_RF_GENERATED);
    if (tw_want_labels(p)) tw_rec_label(p, r, "Checksum Status: Bad");
}

static bool attribs_3gpp2(struct tw_pkt *p, struct tw_cur *c)
{
    uint32_t start = c->off;
    int32_t top = tw_want(p, HF(F_3GPP2_ATTRIB)) ? tw_add_rec(p, HF(F_3GPP2_ATTRIB), start, 0) : -1;
    tw_tree_push(p, top);
    for (;;) {
        uint32_t off = c->off;
        uint8_t id = tw_cur_u8(c);
        uint8_t len = tw_cur_u8(c);
        if (!tw_cur_ok(c)) break;
        const char *nm = tw_vs_find(attrib_id_vals, id & 0x7f);
        int32_t t = -1;
        if (tw_want_labels(p)) {
            char unk[24];
            if (!nm) {
                snprintf(unk, sizeof unk, "%u (Unknown)", id & 0x7f);
                nm = unk;
            }
            t = tw_add_text(p, off, 2u + len, "%s", nm);
        }
        tw_tree_push(p, t);
        tw_add_bits(p, HF(F_3GPP2_ATTRIB_ID), off, 1, id);
        tw_add_uint(p, HF(F_3GPP2_ATTRIB_LENGTH), off + 1, 1, len);
        const uint8_t *v;
        switch (id & 0x7f) {
        case 3:
            if ((v = tw_cur_bytes(c, len)) != NULL)
                tw_add_ptr(p, HF(F_3GPP2_FLOW_DISC), off + 2, len, v, len);
            break;
        case 1:
            if ((v = tw_cur_bytes(c, len)) != NULL && len)
                tw_add_uint(p, HF(F_3GPP2_SDI), off + 2, len, (v[0] & 0x80) ? 1 : 0);
            break;
        case 4:
            if ((v = tw_cur_bytes(c, len)) != NULL && len)
                tw_add_uint(p, HF(F_3GPP2_SEG), off + 2, len, v[0] >> 6);
            break;
        case 2:
            if ((v = tw_cur_bytes(c, len)) != NULL && len) {
                tw_add_uint(p, HF(F_3GPP2_FCI), off + 2, len, (v[0] & 0x80) ? 1 : 0);
                tw_add_uint(p, HF(F_3GPP2_DI), off + 2, len, (v[0] & 0x40) ? 1 : 0);
            }
            break;
        default:
            tw_cur_skip(c, len);
            break;
        }
        tw_tree_pop(p);
        if (!tw_cur_ok(c) || (id & 0x80)) break;
    }
    tw_tree_pop(p);
    tw_rec_setlen(p, top, c->off - start);
    return tw_cur_ok(c);
}

/* an unknown payload: Wireshark shows it as data inside the GRE subtree */
static void to_data(struct tw_pkt *p, struct tw_cur c)
{
    tw_dissect_nested(p, TW_TBL_NAME, TW_KEY_DATA, c);
}

static enum tw_status dissect(struct tw_pkt *p, struct tw_cur *c)
{
    uint32_t start = c->off;
    uint16_t flags = tw_cur_peek_u16(c, 0);
    uint16_t type = tw_cur_peek_u16(c, 2);
    if (!tw_cur_ok(c)) {
        tw_layer_unrecord(p); /* Wireshark adds its line only after these reads */
        return TW_OK;
    }
    tw_col_proto(p, "GRE");
    const char *tn = tw_vs_find(tw_gre_typevals, type);
    tw_info_clear(p);
    if (tn)
        tw_info_printf(p, "Encapsulated %s", tn);
    else
        tw_info_printf(p, "Encapsulated 0x%04X (unknown)", type);
    if (tw_layer_recorded(p)) {
        if (tn)
            tw_layer_label(p, "Generic Routing Encapsulation (%s)", tn);
        else
            tw_layer_label(p, "Generic Routing Encapsulation (0x%04X - unknown)", type);
    }

    bool is_ppp = false, wccp2 = false;
    if (type == ETHERTYPE_PPP)
        is_ppp = (flags & GRE_VERSION) != 0;
    else if (type == ETHERTYPE_3GPP2 || type == ETHERTYPE_CDMA2000_A10_UBS)
        is_ppp = true;
    else if (type == GRE_WCCP) {
        /* WCCPv2 adds a 4-octet redirect header: the payload then does not look like IPv4 */
        uint8_t b = tw_cur_peek_u8(c, 4);
        if (!tw_cur_ok(c)) return TW_OK;
        wccp2 = (b & 0xf0) != 0x40;
    }

    int32_t r = tw_add_uint(p, HF(F_FLAGS), start, 2, flags);
    tw_tree_push(p, r);
    tw_add_bits(p, HF(F_FL_CHECKSUM), start, 2, flags);
    tw_add_bits(p, HF(F_FL_ROUTING), start, 2, flags);
    tw_add_bits(p, HF(F_FL_KEY), start, 2, flags);
    tw_add_bits(p, HF(F_FL_SEQ), start, 2, flags);
    tw_add_bits(p, HF(F_FL_SSR), start, 2, flags);
    tw_add_bits(p, HF(F_FL_RECUR), start, 2, flags);
    if (is_ppp) {
        tw_add_bits(p, HF(F_FL_ACK), start, 2, flags);
        tw_add_bits(p, HF(F_FL_RESERVED_PPP), start, 2, flags);
    } else {
        tw_add_bits(p, HF(F_FL_RESERVED), start, 2, flags);
    }
    tw_add_bits(p, HF(F_FL_VERSION), start, 2, flags);
    tw_tree_pop(p);
    tw_cur_skip(c, 2);
    tw_add_uint(p, HF(F_PROTO), start + 2, 2, type);
    tw_cur_skip(c, 2);

    if (flags & (GRE_CHECKSUM | GRE_ROUTING)) {
        checksum(p, c, start, flags);
        uint16_t ofs = tw_cur_u16(c);
        if (!tw_cur_ok(c)) return TW_OK;
        tw_add_uint(p, HF(F_OFFSET), c->off - 2, 2, ofs);
    }
    if (flags & GRE_KEY) {
        uint32_t off = c->off;
        if (is_ppp && type != ETHERTYPE_CDMA2000_A10_UBS) {
            uint16_t plen = tw_cur_u16(c);
            if (!tw_cur_ok(c)) return TW_OK;
            tw_add_uint(p, HF(F_KEY_PAYLOAD_LEN), off, 2, plen);
            uint16_t cid = tw_cur_u16(c);
            if (!tw_cur_ok(c)) return TW_OK;
            tw_add_uint(p, HF(F_KEY_CALL_ID), off + 2, 2, cid);
        } else {
            uint32_t key = tw_cur_u32(c);
            if (!tw_cur_ok(c)) return TW_OK;
            tw_add_uint(p, HF(F_KEY), off, 4, key);
        }
    }
    if (flags & GRE_SEQUENCE) {
        uint32_t v = tw_cur_u32(c);
        if (!tw_cur_ok(c)) return TW_OK;
        tw_add_uint(p, HF(F_SEQ), c->off - 4, 4, v);
    }
    if (is_ppp && (flags & GRE_ACK)) {
        uint32_t v = tw_cur_u32(c);
        if (!tw_cur_ok(c)) return TW_OK;
        tw_add_uint(p, HF(F_ACK), c->off - 4, 4, v);
    }
    if (flags & GRE_ROUTING) {
        /* SREs until the null one; each step consumes at least 4 octets */
        for (;;) {
            uint32_t off = c->off;
            int32_t rr = -1;
            if (tw_want(p, HF(F_ROUTING))) rr = tw_add_rec(p, HF(F_ROUTING), off, 4);
            uint16_t af = tw_cur_u16(c);
            if (!tw_cur_ok(c)) return TW_OK;
            tw_add_uint(p, HF(F_ROUTING_AF), off, 2, af);
            uint8_t so = tw_cur_u8(c);
            if (!tw_cur_ok(c)) return TW_OK;
            tw_add_uint(p, HF(F_ROUTING_SRE_OFFSET), off + 2, 1, so);
            uint8_t sl = tw_cur_u8(c);
            if (!tw_cur_ok(c)) return TW_OK;
            tw_add_uint(p, HF(F_ROUTING_SRE_LENGTH), off + 3, 1, sl);
            tw_rec_setlen(p, rr, 4u + sl);
            if (af == 0 && sl == 0) break;
            const uint8_t *info = tw_cur_bytes(c, sl);
            if (!info) return TW_OK;
            tw_add_ptr(p, HF(F_ROUTING_INFO), off + 4, sl, info, sl);
        }
    }
    if (type == GRE_WCCP && wccp2) {
        uint32_t off = c->off;
        const uint8_t *h;
        /* the subtree is added before its bytes are checked, as Wireshark does */
        int32_t rr =
            tw_want(p, HF(F_WCCP_REDIRECT)) ? tw_add_rec(p, HF(F_WCCP_REDIRECT), off, 4) : -1;
        tw_tree_push(p, rr);
        h = tw_cur_bytes(c, 4);
        if (!h) return TW_OK;
        tw_add_bits(p, HF(F_WCCP_DYNAMIC), off, 1, h[0]);
        tw_add_bits(p, HF(F_WCCP_ALT_USED), off, 1, h[0]);
        tw_add_bits(p, HF(F_WCCP_VALID), off, 1, h[0]);
        tw_add_uint(p, HF(F_WCCP_SERVICE_ID), off + 1, 1, h[1]);
        tw_add_uint(p, HF(F_WCCP_ALT_BUCKET), off + 2, 1, h[2]);
        tw_add_uint(p, HF(F_WCCP_PRIMARY_BUCKET), off + 3, 1, h[3]);
        tw_tree_pop(p);
    }
    if (type == ETHERTYPE_3GPP2 && !attribs_3gpp2(p, c)) return TW_OK;
    tw_layer_setlen(p, c->off - start);

    /* without the S bit there may be no payload at all (a keepalive, an ack) */
    if (!(flags & GRE_SEQUENCE) && tw_cur_left(c) == 0) return TW_OK;
    struct tw_cur pl = tw_cur_rest(c);
    switch (type) {
    case GRE_WCCP:
        type = 0x0800;
        break;          /* the redirected IPv4 packet */
    case ETHERTYPE_PPP: /* PPTP: PPP in HDLC-like framing */
        tw_next(p, TW_TBL_NAME, TW_KEY_PPP, pl);
        return TW_OK;
    case 0x2000: /* CDP, as SNAP would carry it */
        if (tw_dispatch_find(TW_TBL_SNAP, 0x000c2000u) >= 0)
            tw_next(p, TW_TBL_SNAP, 0x000c2000u, pl);
        else
            to_data(p, pl);
        return TW_OK;
    case 0x00fe: /* OSI, by its LLC SAP */
        if (tw_dispatch_find(TW_TBL_LLC_SAP, 0xfe) >= 0)
            tw_next(p, TW_TBL_LLC_SAP, 0xfe, pl);
        else
            to_data(p, pl);
        return TW_OK;
    case 0x2001: /* NHRP registers for GRE and IP, not as an EtherType */
        if (tw_dispatch_find(TW_TBL_IP_PROTO, 54) >= 0)
            tw_next(p, TW_TBL_IP_PROTO, 54, pl);
        else
            to_data(p, pl);
        return TW_OK;
    case 0x8100: /* not in Wireshark's GRE table */
    case 0x88a8:
    case 0x9100:
        to_data(p, pl);
        return TW_OK;
    default:
        break;
    }
    /* Aruba's GRE types 0x8200-0x8370 (every 16th) carry 802.11 frames without FCS */
    if (type >= 0x8200 && type <= 0x8370 && (type & 0xf) == 0 &&
        tw_dispatch_find(TW_TBL_NAME, TW_KEY_WLAN_NOFCS) >= 0) {
        tw_next(p, TW_TBL_NAME, TW_KEY_WLAN_NOFCS, pl);
        return TW_OK;
    }
    if (tw_dispatch_find(TW_TBL_ETHERTYPE, type) >= 0)
        tw_next(p, TW_TBL_ETHERTYPE, type, pl);
    else
        to_data(p, pl);
    return TW_OK;
}

static const struct tw_binding bindings[] = {
    {TW_TBL_IP_PROTO, 47}, {TW_TBL_UDP_PORT, 4754}, /* GRE-in-UDP, RFC 8086 */
};

const struct tw_proto tw_proto_gre = {
    .abbrev = "gre",
    .name = "Generic Routing Encapsulation",
    .short_name = "GRE",
    .fields = fields,
    .nfields = F_COUNT,
    .experts = experts,
    .nexperts = TW_ARRAY_LEN(experts),
    .bindings = bindings,
    .nbindings = TW_ARRAY_LEN(bindings),
    .dissect = dissect,
    .ids = &ids,
    .flags = TW_PROTO_NO_COLUMN, /* the column is set once the first fields are read */
};
