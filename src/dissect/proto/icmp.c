/* Internet Control Message Protocol (RFC 792; RFC 1191 next-hop MTU; RFC 1256 router discovery;
 * RFC 2002/3012 Mobile IP agent advertisements; RFC 4884 multi-part messages with RFC 4950 MPLS
 * label stacks, RFC 5837 interface information and RFC 8335 extended echo).
 *
 *    0                   1                   2                   3
 *    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |     Type      |     Code      |          Checksum             |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |   type-specific: identifier/sequence, gateway, pointer, MTU   |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |   data, or for errors the quoted IP header + leading payload  |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * Errors (unreachable, source quench, redirect, time exceeded, parameter problem) carry the
 * start of the offending datagram; it is dissected nested inside ICMP, as IPv4, with
 * ctx.in_error_pkt set so that the layers inside know it is a quotation.
 *
 * Echo request/reply matching, as tshark's single pass does it: a request is remembered (a
 * later request with the same key replaces it) under the two addresses (either order), the
 * checksum its reply will carry (the type differs by 8 << 8), the identifier and the sequence
 * number; the first reply that finds it gets icmp.resp_to, icmp.resptime and " (request in N)".
 * A request never learns of its reply in one pass, so icmp.resp_in, icmp.no_resp, " (reply in
 * N)", " (no response found!)" and the broadcast/multicast note (all second-pass output in
 * tshark) are not produced.
 */
#include "../dissect.h"

#include <stdio.h>
#include <string.h>

static struct tw_proto_ids ids;
#define HF(x) ((uint16_t)(ids.base + (x)))
#define EX(x) ((uint16_t)(ids.expert_base + (x)))

static bool pref_favor_mpls = false;

/* echo requests waiting for their reply */
struct echo {
    uint64_t rqst_frame, resp_frame;
    struct tw_time rqst_ts;
};
static struct tw_state *echo_tab;
#define ECHO_MAX (1u << 16)

enum {
    F_TYPE,
    F_CODE,
    F_CHECKSUM,
    F_CHECKSUM_STATUS,
    F_UNUSED,
    F_RESERVED,
    F_IDENT,
    F_IDENT_LE,
    F_SEQ,
    F_SEQ_LE,
    F_MTU,
    F_NUM_ADDRS,
    F_ADDR_ENTRY_SIZE,
    F_LIFETIME,
    F_POINTER,
    F_ROUTER_ADDRESS,
    F_PREF_LEVEL,
    F_ORIGINATE_TS,
    F_RECEIVE_TS,
    F_TRANSMIT_TS,
    F_ADDRESS_MASK,
    F_REDIR_GW,
    F_MIP_TYPE,
    F_MIP_LENGTH,
    F_MIP_PREFIX_LENGTH,
    F_MIP_SEQ,
    F_MIP_LIFE,
    F_MIP_FLAGS,
    F_MIP_R,
    F_MIP_B,
    F_MIP_H,
    F_MIP_F,
    F_MIP_M,
    F_MIP_G,
    F_MIP_V,
    F_MIP_RT,
    F_MIP_U,
    F_MIP_X,
    F_MIP_RESERVED,
    F_MIP_COA,
    F_MIP_CHALLENGE,
    F_MIP_CONTENT,
    F_EXT,
    F_EXT_VERSION,
    F_EXT_RES,
    F_EXT_CHECKSUM,
    F_EXT_CHECKSUM_STATUS,
    F_EXT_LENGTH,
    F_EXT_CLASS,
    F_EXT_CTYPE,
    F_EXT_DATA,
    F_MPLS_LABEL,
    F_MPLS_EXP,
    F_MPLS_S,
    F_MPLS_TTL,
    F_MPLS_DATA,
    F_RESP_IN,
    F_NO_RESP,
    F_RESP_TO,
    F_RESPTIME,
    F_DATA_TIME,
    F_DATA_TIME_REL,
    F_LENGTH,
    F_LENGTH_ORIG,
    F_II_ROLE,
    F_II_RESERVED,
    F_II_IFINDEX,
    F_II_IPADDR,
    F_II_NAME_PRESENT,
    F_II_MTU_PRESENT,
    F_II_INDEX,
    F_II_AFI,
    F_II_IPV4,
    F_II_IPV6,
    F_II_IPUNKNOWN,
    F_II_NAME_LENGTH,
    F_II_NAME,
    F_II_MTU,
    F_EE_SEQ,
    F_EE_REQ_RES,
    F_EE_REQ_LOCAL,
    F_EE_RSP_STATE,
    F_EE_RSP_RES,
    F_EE_RSP_ACTIVE,
    F_EE_RSP_IPV4,
    F_EE_RSP_IPV6,
    F_IID_NAME,
    F_IID_INDEX,
    F_IID_AFI,
    F_IID_ADDR_LENGTH,
    F_IID_RESERVED,
    F_IID_IPV4,
    F_IID_IPV6,
    F_IID_ADDRESS,
    F_COUNT
};

static const struct tw_vs cksum_status_vals[] = {
    {0, "Bad"}, {1, "Good"}, {2, "Unverified"}, {3, "Not present"}, {4, "Illegal"}, {0, NULL}};
static const struct tw_vs mip_ext_vals[] = {{0, "One byte padding extension"},
                                            {16, "Mobility Agent Advertisement Extension"},
                                            {19, "Prefix Lengths Extension"},
                                            {24, "Challenge Extension"},
                                            {0, NULL}};
static const struct tw_vs ext_class_vals[] = {{1, "MPLS Label Stack Class"},
                                              {2, "Interface Information Object"},
                                              {3, "Interface Identification Object"},
                                              {0, NULL}};
static const struct tw_vs role_vals[] = {
    {0, "IP interface upon which datagram arrived"},
    {1, "sub-IP component of an IP interface upon which datagram arrived"},
    {2, "IP interface through which datagram would be forwarded"},
    {3, "IP next-hop to which datagram would be forwarded"},
    {0, NULL}};
static const struct tw_vs ext_echo_state_vals[] = {{0, "Reserved"}, {1, "Incomplete"},
                                                   {2, "Reachable"}, {3, "Stale"},
                                                   {4, "Delay"}, {5, "Probe"},
                                                   {6, "Failed"}, {0, NULL}};
static const struct tw_vs ext_echo_ident_vals[] = {{1, "Identifies Interface By Name"},
                                                   {2, "Identifies Interface By Index"},
                                                   {3, "Identifies Interface By Address"},
                                                   {0, NULL}};
static const struct tw_tfs tfs_present = {"Present", "Not Present"};
/* address family numbers (RFC 1700 and IANA) */
static const struct tw_vs afn_vals[] = {
    {0, "Reserved"}, {1, "IPv4"}, {2, "IPv6"}, {3, "NSAP"}, {4, "HDLC (8-bit multidrop)"},
    {5, "BBN 1822"}, {6, "802 (includes all 802 media plus Ethernet)"}, {7, "E.163"},
    {8, "E.164 (SMDS, Frame Relay, ATM)"}, {9, "F.69 (Telex)"},
    {10, "X.121 (X.25, Frame Relay)"}, {11, "IPX"}, {12, "Appletalk"}, {13, "Decnet IV"},
    {14, "Banyan Vines"}, {15, "E.164 with NSAP subaddress"}, {16, "DNS (Domain Name System)"},
    {17, "Distinguished Name"}, {18, "AS Number"}, {19, "XTP over IP version 4"},
    {20, "XTP over IP version 6"}, {21, "XTP native mode XTP"},
    {22, "Fibre Channel World-Wide Port Name"}, {23, "Fibre Channel World-Wide Node Name"},
    {24, "GWID"}, {25, "Layer-2 VPN"}, {196, "Layer-2 VPN (old)"},
    {26, "MPLS-TP Section Endpoint Identifier"}, {27, "MPLS-TP LSP Endpoint Identifier"},
    {28, "MPLS-TP Pseudowire Endpoint Identifier"}, {29, "MT IP: Multi-Topology IP version 4"},
    {30, "MT IPv6: Multi-Topology IP version 6"}, {16384, "EIGRP Common Service Family"},
    {16385, "EIGRP IPv4 Service Family"}, {16386, "EIGRP IPv6 Service Family"},
    {16387, "LISP Canonical Address Format (LCAF)"}, {16388, "BGP-LS"},
    {16389, "48-bit MAC Address"}, {16390, "64-bit MAC Address"}, {16391, "OUI"},
    {16392, "MAC/24"}, {16393, "MAC/40"}, {16394, "IPv6/64"}, {16395, "RBridge Port ID"},
    {16396, "TRILL Nickname"}, {65535, "Reserved"}, {0, NULL}};

static const struct tw_field_def fields[F_COUNT] = {
    [F_TYPE] = {"icmp.type", "Type", TW_FT_UINT8, TW_BASE_DEC},
    [F_CODE] = {"icmp.code", "Code", TW_FT_UINT8, TW_BASE_DEC},
    [F_CHECKSUM] = {"icmp.checksum", "Checksum", TW_FT_UINT16, TW_BASE_HEX},
    [F_CHECKSUM_STATUS] = {"icmp.checksum.status", "Checksum Status", TW_FT_UINT8, TW_BASE_NONE,
                           0, cksum_status_vals},
    [F_UNUSED] = {"icmp.unused", "Unused", TW_FT_BYTES},
    [F_RESERVED] = {"icmp.reserved", "Reserved", TW_FT_BYTES},
    [F_IDENT] = {"icmp.ident", "Identifier (BE)", TW_FT_UINT16, TW_BASE_DEC_HEX, 0, NULL, NULL,
                 NULL, "Identifier (big endian representation)"},
    [F_IDENT_LE] = {"icmp.ident_le", "Identifier (LE)", TW_FT_UINT16, TW_BASE_DEC_HEX, 0, NULL,
                    NULL, NULL, "Identifier (little endian representation)"},
    [F_SEQ] = {"icmp.seq", "Sequence Number (BE)", TW_FT_UINT16, TW_BASE_DEC_HEX, 0, NULL, NULL,
               NULL, "Sequence Number (big endian representation)"},
    [F_SEQ_LE] = {"icmp.seq_le", "Sequence Number (LE)", TW_FT_UINT16, TW_BASE_DEC_HEX, 0, NULL,
                  NULL, NULL, "Sequence Number (little endian representation)"},
    [F_MTU] = {"icmp.mtu", "MTU of next hop", TW_FT_UINT16, TW_BASE_DEC},
    [F_NUM_ADDRS] = {"icmp.num_addrs", "Number of addresses", TW_FT_UINT8, TW_BASE_DEC},
    [F_ADDR_ENTRY_SIZE] = {"icmp.addr_entry_size", "Address entry size", TW_FT_UINT8,
                           TW_BASE_DEC},
    [F_LIFETIME] = {"icmp.lifetime", "Lifetime", TW_FT_UINT16, TW_BASE_DEC},
    [F_POINTER] = {"icmp.pointer", "Pointer", TW_FT_UINT32, TW_BASE_DEC},
    [F_ROUTER_ADDRESS] = {"icmp.router_address", "Router address", TW_FT_IPv4},
    [F_PREF_LEVEL] = {"icmp.pref_level", "Preference level", TW_FT_INT32, TW_BASE_DEC},
    [F_ORIGINATE_TS] = {"icmp.originate_timestamp", "Originate Timestamp", TW_FT_UINT32,
                        TW_BASE_DEC},
    [F_RECEIVE_TS] = {"icmp.receive_timestamp", "Receive Timestamp", TW_FT_UINT32, TW_BASE_DEC},
    [F_TRANSMIT_TS] = {"icmp.transmit_timestamp", "Transmit Timestamp", TW_FT_UINT32,
                       TW_BASE_DEC},
    [F_ADDRESS_MASK] = {"icmp.address_mask", "Address Mask", TW_FT_IPv4},
    [F_REDIR_GW] = {"icmp.redir_gw", "Gateway Address", TW_FT_IPv4},
    [F_MIP_TYPE] = {"icmp.mip.type", "Extension Type", TW_FT_UINT8, TW_BASE_DEC, 0, mip_ext_vals},
    [F_MIP_LENGTH] = {"icmp.mip.length", "Length", TW_FT_UINT8, TW_BASE_DEC},
    [F_MIP_PREFIX_LENGTH] = {"icmp.mip.prefixlength", "Prefix Length", TW_FT_UINT8, TW_BASE_DEC},
    [F_MIP_SEQ] = {"icmp.mip.seq", "Sequence Number", TW_FT_UINT16, TW_BASE_DEC},
    [F_MIP_LIFE] = {"icmp.mip.life", "Registration Lifetime", TW_FT_UINT16, TW_BASE_DEC},
    [F_MIP_FLAGS] = {"icmp.mip.flags", "Flags", TW_FT_UINT16, TW_BASE_HEX},
    [F_MIP_R] = {"icmp.mip.r", "Registration Required", TW_FT_BOOLEAN, 16, 0x8000, NULL, NULL,
                 NULL, "Registration with this FA is required"},
    [F_MIP_B] = {"icmp.mip.b", "Busy", TW_FT_BOOLEAN, 16, 0x4000, NULL, NULL, NULL,
                 "This FA will not accept requests at this time"},
    [F_MIP_H] = {"icmp.mip.h", "Home Agent", TW_FT_BOOLEAN, 16, 0x2000, NULL, NULL, NULL,
                 "Home Agent Services Offered"},
    [F_MIP_F] = {"icmp.mip.f", "Foreign Agent", TW_FT_BOOLEAN, 16, 0x1000, NULL, NULL, NULL,
                 "Foreign Agent Services Offered"},
    [F_MIP_M] = {"icmp.mip.m", "Minimal Encapsulation", TW_FT_BOOLEAN, 16, 0x0800, NULL, NULL,
                 NULL, "Minimal encapsulation tunneled datagram support"},
    [F_MIP_G] = {"icmp.mip.g", "GRE", TW_FT_BOOLEAN, 16, 0x0400, NULL, NULL, NULL,
                 "GRE encapsulated tunneled datagram support"},
    [F_MIP_V] = {"icmp.mip.v", "VJ Comp", TW_FT_BOOLEAN, 16, 0x0200, NULL, NULL, NULL,
                 "Van Jacobson Header Compression Support"},
    [F_MIP_RT] = {"icmp.mip.rt", "Reverse tunneling", TW_FT_BOOLEAN, 16, 0x0100, NULL, NULL,
                  NULL, "Reverse tunneling support"},
    [F_MIP_U] = {"icmp.mip.u", "UDP tunneling", TW_FT_BOOLEAN, 16, 0x0080, NULL, NULL, NULL,
                 "UDP tunneling support"},
    [F_MIP_X] = {"icmp.mip.x", "Revocation support", TW_FT_BOOLEAN, 16, 0x0040, NULL, NULL,
                 NULL, "Registration revocation support"},
    [F_MIP_RESERVED] = {"icmp.mip.reserved", "Reserved", TW_FT_UINT16, TW_BASE_HEX, 0x003f},
    [F_MIP_COA] = {"icmp.mip.coa", "Care-Of-Address", TW_FT_IPv4},
    [F_MIP_CHALLENGE] = {"icmp.mip.challenge", "Challenge", TW_FT_BYTES},
    [F_MIP_CONTENT] = {"icmp.mip.content", "Content", TW_FT_BYTES},
    [F_EXT] = {"icmp.ext", "ICMP Extensions", TW_FT_NONE},
    [F_EXT_VERSION] = {"icmp.ext.version", "Version", TW_FT_UINT8, TW_BASE_DEC},
    [F_EXT_RES] = {"icmp.ext.res", "Reserved", TW_FT_UINT16, TW_BASE_HEX, 0x0fff},
    [F_EXT_CHECKSUM] = {"icmp.ext.checksum", "Checksum", TW_FT_UINT16, TW_BASE_HEX},
    [F_EXT_CHECKSUM_STATUS] = {"icmp.ext.checksum.status", "Checksum Status", TW_FT_UINT8,
                               TW_BASE_NONE, 0, cksum_status_vals},
    [F_EXT_LENGTH] = {"icmp.ext.length", "Length", TW_FT_UINT16, TW_BASE_DEC},
    [F_EXT_CLASS] = {"icmp.ext.class", "Class", TW_FT_UINT8, TW_BASE_DEC, 0, ext_class_vals},
    [F_EXT_CTYPE] = {"icmp.ext.ctype", "C-Type", TW_FT_UINT8, TW_BASE_DEC},
    [F_EXT_DATA] = {"icmp.ext.data", "Data", TW_FT_BYTES},
    [F_MPLS_LABEL] = {"icmp.mpls.label", "Label", TW_FT_UINT24, TW_BASE_DEC, 0xfffff0},
    [F_MPLS_EXP] = {"icmp.mpls.exp", "Experimental", TW_FT_UINT24, TW_BASE_DEC, 0x0e},
    [F_MPLS_S] = {"icmp.mpls.s", "Stack bit", TW_FT_BOOLEAN, 24, 0x01, NULL, NULL,
                  &tw_tfs_set_notset},
    [F_MPLS_TTL] = {"icmp.mpls.ttl", "Time to live", TW_FT_UINT8, TW_BASE_DEC},
    [F_MPLS_DATA] = {"icmp.mpls.data", "Data", TW_FT_BYTES},
    [F_RESP_IN] = {"icmp.resp_in", "Response frame", TW_FT_FRAMENUM, 0, 0, NULL, NULL, NULL,
                   "The frame number of the corresponding response"},
    [F_NO_RESP] = {"icmp.no_resp", "No response seen", TW_FT_NONE, 0, 0, NULL, NULL, NULL,
                   "No corresponding response frame was seen"},
    [F_RESP_TO] = {"icmp.resp_to", "Request frame", TW_FT_FRAMENUM, 0, 0, NULL, NULL, NULL,
                   "The frame number of the corresponding request"},
    [F_RESPTIME] = {"icmp.resptime", "Response time", TW_FT_DOUBLE, 0, 0, NULL, NULL, NULL,
                    "The time between the request and the response, in ms."},
    [F_DATA_TIME] = {"icmp.data_time", "Timestamp from icmp data", TW_FT_ABSOLUTE_TIME,
                     TW_ABSTIME_LOCAL, 0, NULL, NULL, NULL,
                     "The timestamp in the first 8 bytes of the icmp data"},
    [F_DATA_TIME_REL] = {"icmp.data_time_relative", "Timestamp from icmp data (relative)",
                         TW_FT_RELATIVE_TIME, 0, 0, NULL, NULL, NULL,
                         "The timestamp of the packet, relative to the timestamp in the first 8 "
                         "bytes of the icmp data"},
    [F_LENGTH] = {"icmp.length", "Length", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL, NULL,
                  "The length of the original datagram"},
    [F_LENGTH_ORIG] = {"icmp.length.original_datagram", "Length of original datagram",
                       TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL, NULL,
                       "The length of the original datagram (length * 4)"},
    [F_II_ROLE] = {"icmp.int_info.role", "Interface Role", TW_FT_UINT8, TW_BASE_DEC, 0xc0,
                   role_vals},
    [F_II_RESERVED] = {"icmp.int_info.reserved", "Reserved", TW_FT_UINT8, TW_BASE_DEC, 0x30},
    [F_II_IFINDEX] = {"icmp.int_info.ifindex", "ifIndex", TW_FT_BOOLEAN, 8, 0x08, NULL, NULL,
                      NULL,
                      "True: ifIndex of the interface included; False: ifIndex of the interface "
                      "not included "},
    [F_II_IPADDR] = {"icmp.int_info.ipaddr", "IP Address", TW_FT_BOOLEAN, 8, 0x04, NULL, NULL,
                     &tfs_present},
    [F_II_NAME_PRESENT] = {"icmp.int_info.name_present", "Interface Name", TW_FT_BOOLEAN, 8,
                           0x02, NULL, NULL, &tfs_present},
    [F_II_MTU_PRESENT] = {"icmp.int_info.mtu_present", "MTU", TW_FT_BOOLEAN, 8, 0x01, NULL, NULL,
                          &tfs_present},
    [F_II_INDEX] = {"icmp.int_info.index", "Interface Index", TW_FT_UINT32, TW_BASE_DEC},
    [F_II_AFI] = {"icmp.int_info.afi", "Address Family Identifier", TW_FT_UINT16, TW_BASE_DEC, 0,
                  NULL, NULL, NULL, "Address Family of the interface address"},
    [F_II_IPV4] = {"icmp.int_info.ipv4", "Source", TW_FT_IPv4},
    [F_II_IPV6] = {"icmp.int_info.ipv6", "Source", TW_FT_IPv6},
    [F_II_IPUNKNOWN] = {"icmp.int_info.ipunknown", "Source", TW_FT_BYTES},
    [F_II_NAME_LENGTH] = {"icmp.int_info.name_length", "Name Length", TW_FT_UINT8, TW_BASE_DEC},
    [F_II_NAME] = {"icmp.int_info.name", "Name", TW_FT_STRING},
    [F_II_MTU] = {"icmp.int_info.mtu", "Maximum Transmission Unit", TW_FT_UINT32, TW_BASE_DEC},
    [F_EE_SEQ] = {"icmp.ext.echo.seq", "Sequence Number", TW_FT_UINT8, TW_BASE_DEC_HEX},
    [F_EE_REQ_RES] = {"icmp.ext.echo.req.res", "Reserved", TW_FT_UINT8, TW_BASE_HEX, 0xfe},
    [F_EE_REQ_LOCAL] = {"icmp.ext.echo.req.local", "Local bit", TW_FT_BOOLEAN, 8, 0x01, NULL,
                        NULL, &tw_tfs_set_notset},
    [F_EE_RSP_STATE] = {"icmp.ext.echo.rsp.state", "State", TW_FT_UINT8, TW_BASE_DEC, 0xe0,
                        ext_echo_state_vals},
    [F_EE_RSP_RES] = {"icmp.ext.echo.rsp.res", "Reserved", TW_FT_UINT8, TW_BASE_HEX, 0x18},
    [F_EE_RSP_ACTIVE] = {"icmp.ext.echo.rsp.active", "Active bit", TW_FT_BOOLEAN, 8, 0x04, NULL,
                         NULL, &tw_tfs_set_notset},
    [F_EE_RSP_IPV4] = {"icmp.ext.echo.rsp.ipv4", "IPv4 bit", TW_FT_BOOLEAN, 8, 0x02, NULL, NULL,
                       &tw_tfs_set_notset},
    [F_EE_RSP_IPV6] = {"icmp.ext.echo.rsp.ipv6", "IPv6 bit", TW_FT_BOOLEAN, 8, 0x01, NULL, NULL,
                       &tw_tfs_set_notset},
    [F_IID_NAME] = {"icmp.int_ident.name", "Name", TW_FT_STRING},
    [F_IID_INDEX] = {"icmp.int_ident.index", "Interface Index", TW_FT_UINT32, TW_BASE_DEC},
    [F_IID_AFI] = {"icmp.int_ident.afi", "Address Family Identifier", TW_FT_UINT16, TW_BASE_DEC,
                   0, afn_vals, NULL, NULL, "Address Family of the interface address"},
    [F_IID_ADDR_LENGTH] = {"icmp.int_ident.addr_length", "Address Length", TW_FT_UINT8,
                           TW_BASE_DEC},
    [F_IID_RESERVED] = {"icmp.int_ident.reserved", "Reserved", TW_FT_BYTES},
    [F_IID_IPV4] = {"icmp.int_ident.ipv4", "Address", TW_FT_IPv4},
    [F_IID_IPV6] = {"icmp.int_ident.ipv6", "Address", TW_FT_IPv6},
    [F_IID_ADDRESS] = {"icmp.int_ident.address", "Address", TW_FT_BYTES},
};

enum { E_RESP_NOT_FOUND, E_CHECKSUM, E_EXT_CHECKSUM, E_COUNT };
static const struct tw_expert_def experts[E_COUNT] = {
    [E_RESP_NOT_FOUND] = {"icmp.resp_not_found", "decoder.icmp.resp_not_found", TW_SEV_WARN,
                          TW_GRP_SEQUENCE, "Response not found"},
    [E_CHECKSUM] = {"icmp.checksum_bad", "decoder.icmp.bad_checksum", TW_SEV_WARN,
                    TW_GRP_CHECKSUM, "Bad checksum"},
    [E_EXT_CHECKSUM] = {"icmp.ext.checksum_bad", "decoder.icmp.ext_bad_checksum", TW_SEV_WARN,
                        TW_GRP_CHECKSUM, "Bad checksum"},
};

/* ---- names ---- */

static const struct tw_vs type_vals[] = {
    {0, "Echo (ping) reply"},
    {1, "Reserved"},
    {2, "Reserved"},
    {3, "Destination unreachable"},
    {4, "Source quench (flow control)"},
    {5, "Redirect"},
    {6, "Alternate host address"},
    {8, "Echo (ping) request"},
    {9, "Router advertisement"},
    {10, "Router solicitation"},
    {11, "Time-to-live exceeded"},
    {12, "Parameter problem"},
    {13, "Timestamp request"},
    {14, "Timestamp reply"},
    {15, "Information request"},
    {16, "Information reply"},
    {17, "Address mask request"},
    {18, "Address mask reply"},
    {19, "Reserved (for security)"},
    {30, "Traceroute"},
    {31, "Datagram Conversion Error"},
    {32, "Mobile Host Redirect"},
    {33, "IPv6 Where-Are-You"},
    {34, "IPv6 I-Am-Here"},
    {35, "Mobile Registration Request"},
    {36, "Mobile Registration Reply"},
    {37, "Domain Name Request"},
    {38, "Domain Name Reply"},
    {39, "SKIP"},
    {40, "Photuris"},
    {41, "Experimental mobility protocols"},
    {42, "Extended Echo request"},
    {43, "Extended Echo reply"},
    {0, NULL}};
static const struct tw_vs unreach_vals[] = {{0, "Network unreachable"},
                                            {1, "Host unreachable"},
                                            {2, "Protocol unreachable"},
                                            {3, "Port unreachable"},
                                            {4, "Fragmentation needed"},
                                            {5, "Source route failed"},
                                            {6, "Destination network unknown"},
                                            {7, "Destination host unknown"},
                                            {8, "Source host isolated"},
                                            {9, "Network administratively prohibited"},
                                            {10, "Host administratively prohibited"},
                                            {11, "Network unreachable for TOS"},
                                            {12, "Host unreachable for TOS"},
                                            {13, "Communication administratively filtered"},
                                            {14, "Host precedence violation"},
                                            {15, "Precedence cutoff in effect"},
                                            {0, NULL}};
static const struct tw_vs redir_vals[] = {{0, "Redirect for network"},
                                          {1, "Redirect for host"},
                                          {2, "Redirect for TOS and network"},
                                          {3, "Redirect for TOS and host"},
                                          {0, NULL}};
static const struct tw_vs alt_host_vals[] = {{0, "Alternate address for host"}, {0, NULL}};
static const struct tw_vs rtradvert_vals[] = {
    {0, "Normal router advertisement"}, {16, "Does not route common traffic"}, {0, NULL}};
static const struct tw_vs ttl_vals[] = {{0, "Time to live exceeded in transit"},
                                        {1, "Fragment reassembly time exceeded"},
                                        {0, NULL}};
static const struct tw_vs par_vals[] = {
    {0, "Pointer indicates the error"}, {1, "Required option missing"}, {2, "Bad length"},
    {0, NULL}};
static const struct tw_vs photuris_vals[] = {{0, "Bad SPI"},
                                             {1, "Authentication Failed"},
                                             {2, "Decompression Failed"},
                                             {3, "Decryption Failed"},
                                             {4, "Need Authentication"},
                                             {5, "Need Authorization"},
                                             {0, NULL}};
static const struct tw_vs ext_echo_req_vals[] = {{0, "No error"}, {0, NULL}};
static const struct tw_vs ext_echo_reply_vals[] = {{0, "No error"},
                                                   {1, "Malformed Query"},
                                                   {2, "No Such Interface"},
                                                   {3, "No Such Table Entry"},
                                                   {4, "Multiple Interfaces Satisfy Query"},
                                                   {0, NULL}};

enum {
    T_ECHOREPLY = 0,
    T_UNREACH = 3,
    T_SOURCEQUENCH = 4,
    T_REDIRECT = 5,
    T_ALTHOST = 6,
    T_ECHO = 8,
    T_RTRADVERT = 9,
    T_TIMXCEED = 11,
    T_PARAMPROB = 12,
    T_TSTAMP = 13,
    T_TSTAMPREPLY = 14,
    T_IREQ = 15,
    T_IREQREPLY = 16,
    T_MASKREQ = 17,
    T_MASKREPLY = 18,
    T_PHOTURIS = 40,
    T_EXTECHO = 42,
    T_EXTECHOREPLY = 43,
};

/* ---- helpers ---- */

static enum tw_status cur_status(const struct tw_cur *c)
{
    return c->err == TW_CUR_TRUNCATED ? TW_TRUNCATED : TW_MALFORMED;
}
static bool get8(struct tw_cur *w, uint32_t off, uint8_t *v)
{
    struct tw_cur t = *w;
    t.off = off;
    *v = tw_cur_u8(&t);
    w->err = t.err;
    return !t.err;
}
static bool get16(struct tw_cur *w, uint32_t off, uint16_t *v)
{
    struct tw_cur t = *w;
    t.off = off;
    *v = tw_cur_u16(&t);
    w->err = t.err;
    return !t.err;
}
static bool get32(struct tw_cur *w, uint32_t off, uint32_t *v)
{
    struct tw_cur t = *w;
    t.off = off;
    *v = tw_cur_u32(&t);
    w->err = t.err;
    return !t.err;
}
static const uint8_t *getp(struct tw_cur *w, uint32_t off, uint32_t n)
{
    struct tw_cur t = *w;
    t.off = off;
    const uint8_t *r = tw_cur_bytes(&t, n);
    w->err = t.err;
    return r;
}

/* bytes field over what is there, erroring like a read of the whole range */
static bool add_bytes(struct tw_pkt *p, struct tw_cur *w, int f, uint32_t off, uint32_t n)
{
    const uint8_t *b = getp(w, off, n);
    if (!b) return false;
    tw_add_ptr(p, HF(f), off, n, b, n);
    return true;
}

/* an ASCII string field: Wireshark keeps it up to the first NUL and shows bytes above 0x7f as
 * U+FFFD */
static bool add_ascii(struct tw_pkt *p, struct tw_cur *w, int f, uint32_t off, uint32_t n)
{
    const uint8_t *b = getp(w, off, n);
    if (!b) return false;
    tw_add_ascii(p, HF(f), off, n, b);
    return true;
}

/* a text line covering [off, off + len): like tshark, it needs the bytes to be there */
static bool ensure(struct tw_cur *w, uint32_t off, uint32_t len)
{
    return len == 0 || getp(w, off, len) != NULL;
}

/* Wireshark's duration text: "1 day, 2 hours, 3 minutes, 4.005 seconds" */
static void duration_str(char *out, size_t n, int64_t v, bool msecs)
{
    if (v == 0) {
        snprintf(out, n, "0 seconds");
        return;
    }
    size_t k = 0;
    if (v < 0) {
        v = -v;
        if (k + 1 < n) out[k++] = '-';
    }
    uint32_t ms = 0;
    if (msecs) {
        ms = (uint32_t)(v % 1000);
        v /= 1000;
    }
    uint32_t secs = (uint32_t)(v % 60);
    v /= 60;
    uint32_t mins = (uint32_t)(v % 60);
    v /= 60;
    uint32_t hours = (uint32_t)(v % 24);
    v /= 24;
    const char *sep = "";
    out[k] = 0;
#define APP(...)                                                                   \
    do {                                                                           \
        if (k < n) k += (size_t)snprintf(out + k, n - k, __VA_ARGS__);             \
    } while (0)
    if (v) {
        APP("%u day%s", (unsigned)v, v == 1 ? "" : "s");
        sep = ", ";
    }
    if (hours) {
        APP("%s%u hour%s", sep, hours, hours == 1 ? "" : "s");
        sep = ", ";
    }
    if (mins) {
        APP("%s%u minute%s", sep, mins, mins == 1 ? "" : "s");
        sep = ", ";
    }
    if (secs || ms) {
        if (ms) APP("%s%u.%03u seconds", sep, secs, ms);
        else APP("%s%u second%s", sep, secs, secs == 1 ? "" : "s");
    }
#undef APP
}

/* RFC 792 timestamps are milliseconds since midnight UT, but some stacks send them in host
 * order: take the reading that makes sense next to the frame's own time of day */
static uint32_t guess_ms_of_day(const uint8_t *b, uint32_t comp)
{
    const uint32_t day = 86400000;
    uint32_t be = ((uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3]) &
                  0x7fffffff;
    uint32_t le = ((uint32_t)b[3] << 24 | (uint32_t)b[2] << 16 | (uint32_t)b[1] << 8 | b[0]) &
                  0x7fffffff;
    if (be < day && le >= day) return be;
    if (le < day && be >= day) return le;
    if (be < day && le < day) {
        uint32_t sbe = be, sle = le;
        if (be < comp && be <= day / 4 && comp >= day - day / 4) be += day;
        if (le < comp && le <= day / 4 && comp >= day - day / 4) le += day;
        return (be - comp) < (le - comp) ? sbe : sle;
    }
    return (be - comp) < (le - comp) ? be : le;
}

/* ---- RFC 4884 extension objects ---- */

static void ext_label(struct tw_pkt *p, int32_t r, const char *s)
{
    if (r >= 0 && tw_want_labels(p)) tw_rec_label(p, r, "%s", s);
}

/* MPLS label stack (RFC 4950) */
static bool ext_mpls(struct tw_pkt *p, struct tw_cur *c, uint32_t off, uint32_t end, uint8_t ctype,
                     int32_t obj, bool *unknown)
{
    tw_add_uint(p, HF(F_EXT_CTYPE), off + 3, 1, ctype);
    off += 4;
    if (ctype != 1) {
        *unknown = true;
        return true;
    }
    ext_label(p, obj, "MPLS Stack Entry");
    while (off + 4 <= end) {
        if (c->end < off + 4) break;
        const uint8_t *e = getp(c, off, 4);
        if (!e) return false;
        uint32_t label = (uint32_t)e[0] << 12 | (uint32_t)e[1] << 4 | e[2] >> 4;
        int32_t r = tw_add_text(p, off, 4, "Label: %u, Exp: %u, S: %u, TTL: %u", label,
                                (e[2] >> 1) & 7, e[2] & 1, e[3]);
        tw_tree_push(p, r);
        tw_add_bits(p, HF(F_MPLS_LABEL), off, 3, label << 4);
        tw_add_bits(p, HF(F_MPLS_EXP), off + 2, 1, e[2]);
        tw_add_bits(p, HF(F_MPLS_S), off + 2, 1, e[2]);
        tw_add_uint(p, HF(F_MPLS_TTL), off + 3, 1, e[3]);
        tw_tree_pop(p);
        off += 4;
    }
    if (off < end && !add_bytes(p, c, F_MPLS_DATA, off, end - off)) return false;
    return true;
}

static bool ext_payload(struct tw_pkt *p, struct tw_cur *c, uint32_t off, uint32_t trunc,
                        uint8_t ctype, int32_t obj, bool *unknown)
{
    tw_add_uint(p, HF(F_EXT_CTYPE), off + 3, 1, ctype);
    if (ctype != 1) {
        *unknown = true;
        return true;
    }
    ext_label(p, obj, "Extended Payload");
    if (trunc > 4 && !add_bytes(p, c, F_EXT_DATA, off + 4, trunc - 4)) return false;
    return true;
}

/* RFC 5837 interface information */
static bool ext_int_info(struct tw_pkt *p, struct tw_cur *c, uint32_t off, uint32_t end,
                         uint8_t ctype, int32_t obj)
{
    ext_label(p, obj, "Interface Information Object");
    int32_t r = tw_add_uint(p, HF(F_EXT_CTYPE), off + 3, 1, ctype);
    if (r >= 0 && tw_want_labels(p)) {
        char t[256];
        int n = snprintf(t, sizeof t, "C-Type: %u, Interface Role: %s", ctype,
                         tw_vs_find(role_vals, ctype >> 6));
        if (ctype & 0x08) n += snprintf(t + n, sizeof t - (size_t)n, ", ifIndex");
        if (ctype & 0x04) n += snprintf(t + n, sizeof t - (size_t)n, ", IP Address");
        if (ctype & 0x02) n += snprintf(t + n, sizeof t - (size_t)n, ", Interface Name");
        if (ctype & 0x01) snprintf(t + n, sizeof t - (size_t)n, ", MTU");
        tw_rec_label(p, r, "%s", t);
    }
    tw_tree_push(p, r);
    tw_add_bits(p, HF(F_II_ROLE), off + 3, 1, ctype);
    tw_add_bits(p, HF(F_II_RESERVED), off + 3, 1, ctype);
    tw_add_bits(p, HF(F_II_IFINDEX), off + 3, 1, ctype);
    tw_add_bits(p, HF(F_II_IPADDR), off + 3, 1, ctype);
    tw_add_bits(p, HF(F_II_NAME_PRESENT), off + 3, 1, ctype);
    tw_add_bits(p, HF(F_II_MTU_PRESENT), off + 3, 1, ctype);
    tw_tree_pop(p);
    off += 4;
    uint32_t v32;
    if (ctype & 0x08) {
        if (!get32(c, off, &v32)) return false;
        tw_add_uint(p, HF(F_II_INDEX), off, 4, v32);
        off += 4;
    }
    if ((ctype & 0x04) && end >= off + 2) {
        uint16_t afi;
        if (!get16(c, off, &afi)) return false;
        if (!ensure(c, off, afi == 1 ? 8 : 20)) return false;
        r = tw_add_text(p, off, afi == 1 ? 8 : 20, "IP Address Sub-Object");
        tw_tree_push(p, r);
        tw_add_uint(p, HF(F_II_AFI), off, 2, afi);
        off += 2;
        if (!add_bytes(p, c, F_RESERVED, off, 2)) return false;
        off += 2;
        if (afi == 1) {
            if (!add_bytes(p, c, F_II_IPV4, off, 4)) return false;
            off += 4;
        } else if (afi == 2) {
            if (!add_bytes(p, c, F_II_IPV6, off, 16)) return false;
            off += 16;
        } else {
            /* Wireshark asks for a negative length here, which means "to the end" */
            uint32_t rest = tw_cur_avail(c) > off - c->off ? c->end - off : 0;
            if (rest && !add_bytes(p, c, F_II_IPUNKNOWN, off, rest)) return false;
            tw_tree_pop(p);
            return true;
        }
        tw_tree_pop(p);
    }
    if (ctype & 0x02) {
        uint8_t nlen = 0;
        if (end >= off + 1) {
            if (!get8(c, off, &nlen)) return false;
            if (!ensure(c, off, nlen)) return false;
            r = tw_add_text(p, off, nlen, "Interface Name Sub-Object");
            tw_tree_push(p, r);
            tw_add_uint(p, HF(F_II_NAME_LENGTH), off, 1, nlen);
            tw_tree_pop(p);
            off += 1;
            if (end >= off + nlen && nlen >= 1) {
                tw_tree_push(p, r);
                if (!add_ascii(p, c, F_II_NAME, off, nlen - 1u)) return false;
                tw_tree_pop(p);
                off += nlen - 1u;
            }
        }
    }
    if (ctype & 0x01) {
        if (!get32(c, off, &v32)) return false;
        tw_add_uint(p, HF(F_II_MTU), off, 4, v32);
    }
    return true;
}

/* RFC 8335 interface identification */
static bool ext_int_ident(struct tw_pkt *p, struct tw_cur *c, uint32_t off, uint16_t obj_len,
                          uint8_t ctype, int32_t obj, bool *unknown)
{
    ext_label(p, obj, "Interface Identification Object");
    if (c->end - off < 5) {
        *unknown = true;
        return true;
    }
    int32_t r = tw_add_uint(p, HF(F_EXT_CTYPE), off + 3, 1, ctype);
    if (r >= 0 && tw_want_labels(p)) {
        const char *s = tw_vs_find(ext_echo_ident_vals, ctype);
        if (s) tw_rec_label(p, r, "C-Type: %u (%s)", ctype, s);
        else tw_rec_label(p, r, "C-Type: %u (Unknown C-Type %u)", ctype, ctype);
    }
    off += 4;
    switch (ctype) {
    case 1:
        if (obj_len < 4) break;
        return add_ascii(p, c, F_IID_NAME, off, (uint32_t)obj_len - 4);
    case 2: {
        uint32_t v;
        if (!get32(c, off, &v)) return false;
        tw_add_uint(p, HF(F_IID_INDEX), off, 4, v);
        break;
    }
    case 3: {
        uint16_t afi;
        uint8_t alen;
        if (!get16(c, off, &afi)) return false;
        tw_add_uint(p, HF(F_IID_AFI), off, 2, afi);
        off += 2;
        if (!get8(c, off, &alen)) return false;
        tw_add_uint(p, HF(F_IID_ADDR_LENGTH), off, 1, alen);
        off += 1;
        if (!add_bytes(p, c, F_IID_RESERVED, off, 1)) return false;
        off += 1;
        if (afi == 1) {
            while (alen >= 4 && c->end >= off + 4) {
                if (!add_bytes(p, c, F_IID_IPV4, off, 4)) return false;
                off += 4;
                alen -= 4;
            }
        } else if (afi == 2) {
            while (alen >= 16 && c->end >= off + 16) {
                if (!add_bytes(p, c, F_IID_IPV6, off, 16)) return false;
                off += 16;
                alen -= 16;
            }
        } else if (c->end > off) {
            if (!add_bytes(p, c, F_IID_ADDRESS, off, c->end - off)) return false;
        }
        break;
    }
    default: break;
    }
    return true;
}

/* the multi-part extension structure over [c->off, c->end) */
static bool dissect_extension(struct tw_pkt *p, struct tw_cur *c)
{
    uint32_t off = c->off, rep = c->end - c->off;
    int32_t top = tw_add_uint(p, HF(F_EXT), off, rep, 0);
    if (top >= 0 && tw_want_labels(p)) tw_rec_label(p, top, "ICMP Multi-Part Extensions");
    if (rep < 4) return true;
    tw_tree_push(p, top);
    uint8_t b0;
    uint16_t res, sum;
    if (!get8(c, off, &b0)) return false;
    uint8_t version = b0 >> 4;
    tw_add_uint(p, HF(F_EXT_VERSION), off, 1, version);
    if (!get16(c, off, &res)) return false;
    tw_add_bits(p, HF(F_EXT_RES), off, 2, res);
    if (!get16(c, off + 2, &sum)) return false;
    int32_t r = tw_add_uint(p, HF(F_EXT_CHECKSUM), off + 2, 2, sum);
    int32_t st;
    if (sum == 0) {
        if (tw_want_labels(p)) tw_rec_label(p, r, "Checksum: [missing]");
        st = tw_add_uint(p, HF(F_EXT_CHECKSUM_STATUS), off + 2, 2, 3);
        if (tw_want_labels(p)) tw_rec_label(p, st, "Checksum Status: Not present");
    } else {
        const uint8_t *all = getp(c, off, rep);
        if (!all) return false;
        uint16_t computed = tw_cksum_fold(tw_cksum_add(0, all, rep));
        if (computed == 0) {
            if (tw_want_labels(p)) tw_rec_label(p, r, "Checksum: 0x%04x [correct]", sum);
            st = tw_add_uint(p, HF(F_EXT_CHECKSUM_STATUS), off + 2, 2, 1);
            if (tw_want_labels(p)) tw_rec_label(p, st, "Checksum Status: Good");
        } else {
            uint32_t sb = (uint32_t)sum + computed;
            sb = (sb & 0xffff) + (sb >> 16);
            sb = (sb & 0xffff) + (sb >> 16);
            if (tw_want_labels(p))
                tw_rec_label(p, r, "Checksum: 0x%04x incorrect, should be 0x%04x", sum, sb);
            tw_tree_push(p, r);
            tw_expert(p, EX(E_EXT_CHECKSUM), off + 2, 2, "Bad checksum [should be 0x%04x]", sb);
            tw_tree_pop(p);
            st = tw_add_uint(p, HF(F_EXT_CHECKSUM_STATUS), off + 2, 2, 0);
            if (tw_want_labels(p)) tw_rec_label(p, st, "Checksum Status: Bad");
        }
    }
    tw_rec_flags(p, st, TW_RF_GENERATED);
    if (version != 1 && version != 2) {
        if (top >= 0 && tw_want_labels(p))
            tw_rec_label(p, top, "ICMP Multi-Part Extensions (unsupported version)");
        return true;
    }
    off += 4;
    uint32_t int_info_count = 0;
    while (c->end >= off + 4) {
        uint16_t olen;
        uint8_t cls, ctype;
        if (!get16(c, off, &olen)) return false;
        uint32_t trunc = olen < c->end - off ? olen : c->end - off;
        uint32_t end = off + trunc;
        if (!ensure(c, off, trunc > 4 ? trunc : 4)) return false;
        int32_t obj = tw_add_text(p, off, trunc > 4 ? trunc : 4, "Unknown object");
        tw_tree_push(p, obj);
        tw_add_uint(p, HF(F_EXT_LENGTH), off, 2, olen);
        if (!get8(c, off + 2, &cls)) return false;
        tw_add_uint(p, HF(F_EXT_CLASS), off + 2, 1, cls);
        if (!get8(c, off + 3, &ctype)) return false;
        if (olen < 4) {
            ext_label(p, obj, "Object with bad length");
            break;
        }
        bool unknown = false, ok = true;
        switch (cls) {
        case 1: ok = ext_mpls(p, c, off, end, ctype, obj, &unknown); break;
        case 2:
            ok = ext_int_info(p, c, off, end, ctype, obj);
            if (++int_info_count > 4) ext_label(p, obj, "More than 4 Interface Information Objects");
            break;
        case 0: ok = ext_payload(p, c, off, trunc, ctype, obj, &unknown); break;
        case 3: ok = ext_int_ident(p, c, off, olen, ctype, obj, &unknown); break;
        default: unknown = true; break;
        }
        if (!ok) return false;
        char lab[64];
        if (unknown) {
            tw_add_uint(p, HF(F_EXT_CTYPE), off + 3, 1, ctype);
            snprintf(lab, sizeof lab, "Unknown object (%d/%d)", cls, ctype);
            ext_label(p, obj, lab);
            if (trunc > 4 && !add_bytes(p, c, F_EXT_DATA, off + 4, trunc - 4)) return false;
        }
        if (trunc < olen && obj >= 0 && tw_want_labels(p)) {
            const char *cur = p->recs[obj].label ? p->recs[obj].label : "";
            tw_rec_label(p, obj, "%s (truncated)", cur);
        }
        tw_tree_pop(p);
        off = end;
    }
    return true;
}

/* Mobile IP agent advertisement extensions (RFC 2002, RFC 3012) */
static bool dissect_mip(struct tw_pkt *p, struct tw_cur *c, uint32_t off)
{
    while (off < c->end) {
        uint8_t type, length = 0;
        if (!get8(c, off, &type)) return false;
        if (type && !get8(c, off + 1, &length)) return false;
        const char *tn = tw_vs_find(mip_ext_vals, type);
        if (!ensure(c, off, 1)) return false;
        int32_t sub = tw_want_labels(p)
                          ? (tn ? tw_add_text(p, off, type ? length + 2u : 1, "Ext: %s", tn)
                                : tw_add_text(p, off, type ? length + 2u : 1, "Ext: Unknown ext %u",
                                              type))
                          : -1;
        tw_tree_push(p, sub);
        tw_add_uint(p, HF(F_MIP_TYPE), off, 1, type);
        off++;
        if (type) {
            tw_add_uint(p, HF(F_MIP_LENGTH), off, 1, length);
            off++;
        }
        uint16_t v;
        switch (type) {
        case 0: break;
        case 16: {
            if (!get16(c, off, &v)) return false;
            tw_add_uint(p, HF(F_MIP_SEQ), off, 2, v);
            off += 2;
            if (!get16(c, off, &v)) return false;
            tw_add_uint(p, HF(F_MIP_LIFE), off, 2, v);
            off += 2;
            if (!get16(c, off, &v)) return false;
            int32_t fr = tw_add_uint(p, HF(F_MIP_FLAGS), off, 2, v);
            if (fr >= 0 && tw_want_labels(p)) {
                static const char *const nm[] = {"Registration Required", "Busy", "Home Agent",
                                                 "Foreign Agent", "Minimal Encapsulation", "GRE",
                                                 "VJ Comp", "Reverse tunneling", "UDP tunneling",
                                                 "Revocation support"};
                char t[300];
                int n = snprintf(t, sizeof t, "Flags: 0x%04x", v);
                for (int i = 0; i < 10; i++)
                    if (v & (0x8000 >> i)) n += snprintf(t + n, sizeof t - (size_t)n, ", %s", nm[i]);
                tw_rec_label(p, fr, "%s", t);
            }
            tw_tree_push(p, fr);
            static const int ff[] = {F_MIP_R, F_MIP_B, F_MIP_H,  F_MIP_F, F_MIP_M, F_MIP_G,
                                     F_MIP_V, F_MIP_RT, F_MIP_U, F_MIP_X, F_MIP_RESERVED};
            for (size_t i = 0; i < TW_ARRAY_LEN(ff); i++) tw_add_bits(p, HF(ff[i]), off, 2, v);
            tw_tree_pop(p);
            off += 2;
            int coas = ((int)length - 6) / 4;
            for (int i = 0; i < coas; i++) {
                if (!add_bytes(p, c, F_MIP_COA, off, 4)) return false;
                off += 4;
            }
            break;
        }
        case 19:
            for (int i = 0; i < length; i++) {
                uint8_t pl;
                if (!get8(c, off, &pl)) return false;
                tw_add_uint(p, HF(F_MIP_PREFIX_LENGTH), off, 1, pl);
                off++;
            }
            break;
        case 24:
            if (!add_bytes(p, c, F_MIP_CHALLENGE, off, length)) return false;
            off += length;
            break;
        default:
            if (length) {
                /* Wireshark shows length - 4 bytes (a negative size meaning "to the end") */
                uint32_t n = length >= 4 ? length - 4u : (c->end > off ? c->end - off : 0);
                if (!add_bytes(p, c, F_MIP_CONTENT, off, n)) return false;
                off += length;
            }
            break;
        }
        tw_tree_pop(p);
    }
    return true;
}

/* ---- the message ---- */

static void add_time_label(struct tw_pkt *p, int32_t r, const char *name, uint32_t v, uint32_t ms)
{
    if (r < 0 || !tw_want_labels(p)) return;
    char d[128];
    duration_str(d, sizeof d, (int32_t)ms, true);
    tw_rec_label(p, r, "%s: %u (%s after midnight UTC)", name, v, d);
}

static void echo_track(struct tw_pkt *p, struct tw_cur *w, uint32_t start, bool request,
                       uint16_t sum)
{
    const struct tw_addr *s = &p->net_src, *d = &p->net_dst;
    uint16_t ident, seq;
    if (!s->p || !d->p || s->len != d->len || s->len == 0 || s->len > 16) return;
    if (!get16(w, start + 4, &ident) || !get16(w, start + 6, &seq)) return;
    uint32_t k0 = sum;
    if (request) {
        /* the checksum of the reply: one's complement sum of ~sum and ~0x0800, inverted */
        uint32_t t = (uint32_t)(uint16_t)~sum + (uint16_t)~0x0800u;
        t = (t & 0xffff) + (t >> 16);
        t = (t & 0xffff) + (t >> 16);
        k0 = (uint16_t)~t;
    } else if (k0 == 0xffff) {
        k0 = 0;
    }
    uint8_t key[2 * 16 + 8];
    bool swap = memcmp(s->p, d->p, s->len) > 0;
    memcpy(key, swap ? d->p : s->p, s->len);
    memcpy(key + s->len, swap ? s->p : d->p, s->len);
    uint32_t k1 = (uint32_t)ident << 16 | seq;
    memcpy(key + 2 * s->len, &k0, 4);
    memcpy(key + 2 * s->len + 4, &k1, 4);
    size_t klen = 2u * s->len + 8;
    if (request) {
        struct echo *e = tw_state_put(echo_tab, key, klen, NULL);
        if (!e) return;
        e->rqst_frame = p->frame->recno;
        e->resp_frame = 0;
        e->rqst_ts = p->frame->ts;
        return;
    }
    struct echo *e = tw_state_get(echo_tab, key, klen);
    if (!e || e->resp_frame) return;
    e->resp_frame = p->frame->recno;
    int32_t r = tw_add_uint(p, HF(F_RESP_TO), 0, 0, e->rqst_frame);
    tw_rec_flags(p, r, TW_RF_GENERATED);
    struct tw_time dt = tw_time_sub(p->frame->ts, e->rqst_ts);
    double ms = (double)dt.sec * 1000.0 + (double)dt.nsec / 1000000.0;
    r = tw_add_double(p, HF(F_RESPTIME), 0, 0, ms);
    tw_rec_flags(p, r, TW_RF_GENERATED);
    if (r >= 0 && tw_want_labels(p)) tw_rec_label(p, r, "Response time: %.3f ms", ms);
    tw_info_printf(p, " (request in %llu)", (unsigned long long)e->rqst_frame);
}

static enum tw_status dissect(struct tw_pkt *p, struct tw_cur *c)
{
    const uint32_t start = c->off;
    struct tw_cur w = *c;
    tw_info_clear(p);

    uint8_t type, code, dlen;
    if (!get8(&w, start, &type) || !get8(&w, start + 1, &code) || !get8(&w, start + 5, &dlen)) {
        tw_layer_unrecord(p); /* Wireshark reads these before adding its protocol item */
        return cur_status(&w);
    }
    uint8_t dgram_len = dlen; /* RFC 4884 length of the quoted datagram, in 32-bit words */

    const char *type_str = tw_vs_find(type_vals, type);
    if (!type_str) type_str = "Unknown ICMP (obsolete or malformed?)";
    const struct tw_vs *codes = NULL;
    switch (type) {
    case T_UNREACH: codes = unreach_vals; break;
    case T_REDIRECT: codes = redir_vals; break;
    case T_ALTHOST:
        codes = alt_host_vals;
        dgram_len = 0;
        break;
    case T_RTRADVERT:
        if (code == 0 || code == 16) type_str = "Mobile IP Advertisement";
        codes = rtradvert_vals;
        break;
    case T_TIMXCEED: codes = ttl_vals; break;
    case T_PARAMPROB: codes = par_vals; break;
    case T_PHOTURIS: codes = photuris_vals; break;
    case T_EXTECHO: codes = ext_echo_req_vals; break;
    case T_EXTECHOREPLY: codes = ext_echo_reply_vals; break;
    default: break;
    }
    char code_buf[32];
    const char *code_str = NULL;
    if (codes) {
        code_str = tw_vs_find(codes, code);
        if (!code_str) {
            snprintf(code_buf, sizeof code_buf, "Unknown code: %u", code);
            code_str = code_buf;
        }
    }
    tw_info_printf(p, "%-20s", type_str);
    if (code_str) tw_info_printf(p, " (%s)", code_str);

    uint32_t captured = tw_cur_avail(c), reported = tw_cur_left(c);
    tw_layer_setlen(p, captured);

    int32_t r = tw_add_uint(p, HF(F_TYPE), start, 1, type);
    if (r >= 0 && tw_want_labels(p)) tw_rec_label(p, r, "Type: %u (%s)", type, type_str);
    r = tw_add_uint(p, HF(F_CODE), start + 1, 1, code);
    if (r >= 0 && code_str && tw_want_labels(p))
        tw_rec_label(p, r, "Code: %u (%s)", code, code_str);

    uint16_t sum;
    if (!get16(&w, start + 2, &sum)) return cur_status(&w);
    bool in_error = p->ctx.in_error_pkt;
    r = tw_add_uint(p, HF(F_CHECKSUM), start + 2, 2, sum);
    int32_t st;
    if (!p->ctx.ip_fragment && captured >= reported && !in_error) {
        const uint8_t *all = getp(&w, start, reported);
        if (!all) return cur_status(&w);
        uint16_t computed = tw_cksum_fold(tw_cksum_add(0, all, reported));
        if (computed == 0) {
            if (tw_want_labels(p)) tw_rec_label(p, r, "Checksum: 0x%04x [correct]", sum);
            st = tw_add_uint(p, HF(F_CHECKSUM_STATUS), start + 2, 2, 1);
            if (tw_want_labels(p)) tw_rec_label(p, st, "Checksum Status: Good");
        } else {
            uint32_t sb = (uint32_t)sum + computed;
            sb = (sb & 0xffff) + (sb >> 16);
            sb = (sb & 0xffff) + (sb >> 16);
            if (tw_want_labels(p))
                tw_rec_label(p, r, "Checksum: 0x%04x incorrect, should be 0x%04x", sum, sb);
            tw_tree_push(p, r);
            tw_expert(p, EX(E_CHECKSUM), start + 2, 2, "Bad checksum [should be 0x%04x]", sb);
            tw_tree_pop(p);
            st = tw_add_uint(p, HF(F_CHECKSUM_STATUS), start + 2, 2, 0);
            if (tw_want_labels(p)) tw_rec_label(p, st, "Checksum Status: Bad");
        }
    } else {
        if (tw_want_labels(p))
            tw_rec_label(p, r, "Checksum: 0x%04x [unverified] [%s]", sum,
                         in_error ? "in ICMP error packet" : "fragmented datagram");
        st = tw_add_uint(p, HF(F_CHECKSUM_STATUS), start + 2, 2, 2);
        if (tw_want_labels(p)) tw_rec_label(p, st, "Checksum Status: Unverified");
    }
    tw_rec_flags(p, st, TW_RF_GENERATED);

    /* the second word */
    uint16_t v16, v16b;
    uint8_t v8;
    switch (type) {
    case T_ECHOREPLY:
    case T_ECHO:
    case T_TSTAMP:
    case T_TSTAMPREPLY:
    case T_IREQ:
    case T_IREQREPLY:
    case T_MASKREQ:
    case T_MASKREPLY:
    case T_EXTECHO:
    case T_EXTECHOREPLY:
        if (!get16(&w, start + 4, &v16)) return cur_status(&w);
        tw_add_uint(p, HF(F_IDENT), start + 4, 2, v16);
        tw_add_uint(p, HF(F_IDENT_LE), start + 4, 2, (uint16_t)(v16 << 8 | v16 >> 8));
        if (type == T_EXTECHO || type == T_EXTECHOREPLY) {
            if (!get8(&w, start + 6, &v8)) return cur_status(&w);
            tw_add_uint(p, HF(F_EE_SEQ), start + 6, 1, v8);
            if (!get8(&w, start + 7, &v8)) return cur_status(&w);
            if (type == T_EXTECHO) {
                tw_add_bits(p, HF(F_EE_REQ_RES), start + 7, 1, v8);
                tw_add_bits(p, HF(F_EE_REQ_LOCAL), start + 7, 1, v8);
            } else {
                tw_add_bits(p, HF(F_EE_RSP_STATE), start + 7, 1, v8);
                tw_add_bits(p, HF(F_EE_RSP_RES), start + 7, 1, v8);
                tw_add_bits(p, HF(F_EE_RSP_ACTIVE), start + 7, 1, v8);
                tw_add_bits(p, HF(F_EE_RSP_IPV4), start + 7, 1, v8);
                tw_add_bits(p, HF(F_EE_RSP_IPV6), start + 7, 1, v8);
            }
            break;
        }
        if (!get16(&w, start + 6, &v16b)) return cur_status(&w);
        tw_add_uint(p, HF(F_SEQ), start + 6, 2, v16b);
        tw_add_uint(p, HF(F_SEQ_LE), start + 6, 2, (uint16_t)(v16b << 8 | v16b >> 8));
        tw_info_printf(p, " id=0x%04x, seq=%u/%u", v16, v16b, (uint16_t)(v16b << 8 | v16b >> 8));
        if (p->ctx.ip_version == 4) tw_info_printf(p, ", ttl=%u", p->ctx.ip_ttl);
        break;
    case T_UNREACH:
    case T_TIMXCEED:
        if (dgram_len > 0) {
            if (!add_bytes(p, &w, F_UNUSED, start + 4, 1)) return cur_status(&w);
            tw_add_uint(p, HF(F_LENGTH), start + 5, 1, dgram_len);
            r = tw_add_uint(p, HF(F_LENGTH_ORIG), start + 5, 1, (uint32_t)dgram_len * 4);
            tw_rec_flags(p, r, TW_RF_GENERATED);
            if (type == T_UNREACH && code == 4) {
                if (!get16(&w, start + 6, &v16)) return cur_status(&w);
                tw_add_uint(p, HF(F_MTU), start + 6, 2, v16);
            } else if (!add_bytes(p, &w, F_UNUSED, start + 6, 2)) {
                return cur_status(&w);
            }
        } else if (type == T_UNREACH && code == 4) {
            if (!add_bytes(p, &w, F_UNUSED, start + 4, 2)) return cur_status(&w);
            if (!get16(&w, start + 6, &v16)) return cur_status(&w);
            tw_add_uint(p, HF(F_MTU), start + 6, 2, v16);
        } else if (!add_bytes(p, &w, F_UNUSED, start + 4, 4)) {
            return cur_status(&w);
        }
        break;
    case T_RTRADVERT: {
        uint8_t num, esz;
        if (!get8(&w, start + 4, &num)) return cur_status(&w);
        tw_add_uint(p, HF(F_NUM_ADDRS), start + 4, 1, num);
        if (!get8(&w, start + 5, &esz)) return cur_status(&w);
        tw_add_uint(p, HF(F_ADDR_ENTRY_SIZE), start + 5, 1, esz);
        if (!get16(&w, start + 6, &v16)) return cur_status(&w);
        r = tw_add_uint(p, HF(F_LIFETIME), start + 6, 2, v16);
        if (r >= 0 && tw_want_labels(p)) {
            char d[128];
            duration_str(d, sizeof d, v16, false);
            tw_rec_label(p, r, "Lifetime: %u (%s)", v16, d);
        }
        break;
    }
    case T_PARAMPROB:
        if (!get8(&w, start + 4, &v8)) return cur_status(&w);
        tw_add_uint(p, HF(F_POINTER), start + 4, 1, v8);
        if (dgram_len > 0) {
            tw_add_uint(p, HF(F_LENGTH), start + 5, 1, dgram_len);
            r = tw_add_uint(p, HF(F_LENGTH_ORIG), start + 5, 1, (uint32_t)dgram_len * 4);
            tw_rec_flags(p, r, TW_RF_GENERATED);
            if (!add_bytes(p, &w, F_UNUSED, start + 6, 2)) return cur_status(&w);
        } else if (!add_bytes(p, &w, F_UNUSED, start + 5, 3)) {
            return cur_status(&w);
        }
        break;
    case T_REDIRECT:
        if (!add_bytes(p, &w, F_REDIR_GW, start + 4, 4)) return cur_status(&w);
        break;
    default: break;
    }

    /* what follows */
    switch (type) {
    case T_UNREACH:
    case T_TIMXCEED:
    case T_PARAMPROB:
    case T_SOURCEQUENCH:
    case T_REDIRECT: {
        /* the quoted datagram, as long as RFC 4884 or the IP header says */
        struct tw_cur q = w;
        q.off = start + 8;
        if (q.off > q.end) {
            q.err = TW_CUR_MALFORMED;
            return cur_status(&q);
        }
        uint16_t qlen = 0;
        if (type == T_REDIRECT) {
            if (!get8(&w, start + 8, &v8)) return cur_status(&w);
            /* "set_actual_length": only ever shortens */
            uint32_t want = (uint32_t)(v8 & 0x0f) * 4 + 8;
            if (want < q.end - q.off) q.end = q.off + want;
        } else if (dgram_len && reported > 8u + dgram_len * 4u) {
            if (!get16(&w, start + 10, &qlen)) return cur_status(&w);
            if (qlen > dgram_len * 4u) {
                if (!get8(&w, start + 8, &v8)) return cur_status(&w);
                uint32_t want = ((uint32_t)(v8 & 0x0f) + dgram_len) * 4;
                if (want < q.end - q.off) q.end = q.off + want;
            }
        } else if (reported > 8 + 128 && pref_favor_mpls) {
            if (!get16(&w, start + 10, &qlen)) return cur_status(&w);
            if (qlen > 128 && q.end - q.off > 128) q.end = q.off + 128;
        }
        if (q.cap > q.end) q.cap = q.end;
        /* an empty quotation shows nothing: tshark drops a layer that added nothing */
        enum tw_status nst = TW_OK;
        if (tw_cur_left(&q) > 0) {
            bool saved = p->ctx.in_error_pkt;
            p->ctx.in_error_pkt = true;
            nst = tw_dissect_nested(p, TW_TBL_ETHERTYPE, 0x0800, q);
            p->ctx.in_error_pkt = saved;
        }
        /* tshark swallows a quoted datagram that runs past its end (it usually does), but a
         * snaplen cut stops everything */
        if (nst == TW_TRUNCATED) return nst;
        /* extensions after the first 128 bytes (or the RFC 4884 length) */
        if (reported > 8 + 128) {
            if (!get16(&w, start + 10, &qlen)) return cur_status(&w);
            if (qlen <= 128 || pref_favor_mpls) {
                uint32_t eo = (dgram_len ? dgram_len * 4u : 128u) + 8;
                if (eo > reported) {
                    w.err = TW_CUR_MALFORMED;
                    return cur_status(&w);
                }
                struct tw_cur e = w;
                e.off = start + eo;
                if (!dissect_extension(p, &e)) return cur_status(&e);
            }
        }
        break;
    }
    case T_ECHOREPLY:
    case T_ECHO: {
        if (!in_error) echo_track(p, &w, start, type == T_ECHO, sum);
        struct tw_cur d = w;
        d.off = start + 8;
        if (d.off > d.end) d.off = d.end;
        if (tw_cur_avail(&d) < 8) {
            if (tw_cur_avail(&d) > 0) tw_dissect_nested(p, TW_TBL_NAME, TW_KEY_DATA, d);
            break;
        }
        const uint8_t *b = getp(&w, start + 8, 8);
        if (!b) return cur_status(&w);
        int64_t fs = p->frame->ts.sec;
        uint32_t s32 = (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
        int32_t us = (int32_t)((uint32_t)b[4] << 24 | (uint32_t)b[5] << 16 |
                               (uint32_t)b[6] << 8 | b[7]);
        /* as tshark: the difference is truncated to an int before its absolute value */
        int32_t dd = (int32_t)(uint32_t)((uint64_t)s32 - (uint64_t)fs);
        bool ok = (dd == INT32_MIN || (dd < 0 ? -dd : dd) < 86400) && us < 1000000;
        if (!ok) {
            s32 = (uint32_t)b[3] << 24 | (uint32_t)b[2] << 16 | (uint32_t)b[1] << 8 | b[0];
            us = (int32_t)((uint32_t)b[7] << 24 | (uint32_t)b[6] << 16 | (uint32_t)b[5] << 8 |
                           b[4]);
            dd = (int32_t)(uint32_t)((uint64_t)s32 - (uint64_t)fs);
            ok = (dd == INT32_MIN || (dd < 0 ? -dd : dd) < 86400) && us < 1000000;
        }
        if (ok) {
            struct tw_time ts = {(int64_t)s32, (int32_t)((uint32_t)us * 1000u)};
            tw_add_time(p, HF(F_DATA_TIME), start + 8, 8, ts);
            if (tw_want(p, HF(F_DATA_TIME_REL))) {
                /* in 64 bits: a hostile fraction must not overflow */
                int64_t sec = p->frame->ts.sec - ts.sec;
                int64_t nsec = (int64_t)p->frame->ts.nsec - ts.nsec;
                sec += nsec / 1000000000;
                nsec %= 1000000000;
                if (sec > 0 && nsec < 0) {
                    sec--;
                    nsec += 1000000000;
                } else if (sec < 0 && nsec > 0) {
                    sec++;
                    nsec -= 1000000000;
                }
                struct tw_time rel = {sec, (int32_t)nsec};
                r = tw_add_time(p, HF(F_DATA_TIME_REL), start + 8, 8, rel);
                tw_rec_flags(p, r, TW_RF_GENERATED);
            }
            d.off = start + 16;
        }
        if (tw_cur_left(&d) > 0 || tw_cur_avail(&d) > 0)
            tw_dissect_nested(p, TW_TBL_NAME, TW_KEY_DATA, d);
        break;
    }
    case T_RTRADVERT: {
        uint8_t num, esz;
        get8(&w, start + 4, &num);
        get8(&w, start + 5, &esz);
        if (esz == 2) {
            uint32_t i;
            for (i = 0; i < num; i++) {
                uint32_t pref;
                if (!add_bytes(p, &w, F_ROUTER_ADDRESS, start + 8 + i * 8, 4))
                    return cur_status(&w);
                if (!get32(&w, start + 12 + i * 8, &pref)) return cur_status(&w);
                tw_add_int(p, HF(F_PREF_LEVEL), start + 12 + i * 8, 4, (int32_t)pref);
            }
            bool tree = p->want_all;
            for (int f = F_MIP_TYPE; f <= F_MIP_CONTENT && !tree; f++) tree = tw_want(p, HF(f));
            if ((code == 0 || code == 16) && tree) {
                /* Wireshark walks these only when it builds a tree */
                if (!dissect_mip(p, &w, start + 8 + i * 8)) return cur_status(&w);
            }
        } else {
            struct tw_cur d = w;
            d.off = start + 8;
            if (d.off > d.end) d.off = d.end;
            if (tw_cur_avail(&d) > 0) tw_dissect_nested(p, TW_TBL_NAME, TW_KEY_DATA, d);
        }
        break;
    }
    case T_TSTAMP:
    case T_TSTAMPREPLY: {
        const struct tw_time *ft = &p->frame->ts;
        uint32_t frame_ms = (uint32_t)(((int64_t)ft->sec * 1000 + ft->nsec / 1000000) % 86400000);
        static const int tf[3] = {F_ORIGINATE_TS, F_RECEIVE_TS, F_TRANSMIT_TS};
        for (uint32_t i = 0; i < 3; i++) {
            const uint8_t *b = getp(&w, start + 8 + 4 * i, 4);
            if (!b) return cur_status(&w);
            uint32_t v = (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
            r = tw_add_uint(p, HF(tf[i]), start + 8 + 4 * i, 4, v);
            add_time_label(p, r, fields[tf[i]].name, v, guess_ms_of_day(b, frame_ms));
        }
        break;
    }
    case T_MASKREQ:
    case T_MASKREPLY:
        if (!add_bytes(p, &w, F_ADDRESS_MASK, start + 8, 4)) return cur_status(&w);
        break;
    case T_EXTECHO:
        if (reported > 8) {
            struct tw_cur e = w;
            e.off = start + 8;
            if (!dissect_extension(p, &e)) return cur_status(&e);
        }
        break;
    default: break;
    }
    return TW_OK;
}

static void init(void)
{
    pref_favor_mpls = tw_pref_bool("icmp.favor_icmp_mpls", false);
    echo_tab = tw_state_open("icmp.echo", sizeof(struct echo), ECHO_MAX, NULL);
}

static const struct tw_binding bindings[] = {{TW_TBL_IP_PROTO, 1}};

const struct tw_proto tw_proto_icmp = {
    .abbrev = "icmp",
    .name = "Internet Control Message Protocol",
    .short_name = "ICMP",
    .fields = fields,
    .nfields = F_COUNT,
    .experts = experts,
    .nexperts = E_COUNT,
    .bindings = bindings,
    .nbindings = TW_ARRAY_LEN(bindings),
    .dissect = dissect,
    .init = init,
    .ids = &ids,
};
