/* IPv6 (RFC 8200) and its extension headers, each a protocol of its own as in Wireshark:
 * hop-by-hop options (0), routing (43: RFC 8200 type 0 [deprecated, RFC 5095], type 2 [RFC
 * 6275], RPL [RFC 6554], SRH [RFC 8754], CRH [draft-bonica-6man-comp-rtg-hdr]), fragment (44)
 * and destination options (60); the options are those of the IANA "Destination Options and
 * Hop-by-Hop Options" registry.
 *
 *    0                   1                   2                   3
 *    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |Version| Traffic Class |           Flow Label                  |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |         Payload Length        |  Next Header  |   Hop Limit   |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                Source Address (128 bits)                      |
 *   |                Destination Address (128 bits)                 |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * Extension headers continue the chain through the IP protocol table; the chain ends at the
 * first header that is not one (tw_ipv6_next), where the IPv6 line grows to cover them all.
 * Fragments are reassembled as tshark does by default (ipv6.defragment): keyed by the header's
 * addresses and the identification, every fragment is shown as data except the one that
 * completes the datagram, which shows the fragment tree under the IPv6 line and continues the
 * chain over the reassembled bytes (a new data source, "Reassembled IPv6"). */
#include "ipv6.h"

#include <stdio.h>

static struct tw_proto_ids ids, hop_ids, rt_ids, frag_ids, dst_ids;
#define HF(x)  ((uint16_t)(ids.base + (x)))
#define EX(x)  ((uint16_t)(ids.expert_base + (x)))
#define HFH(x) ((uint16_t)(hop_ids.base + (x)))
#define EXH(x) ((uint16_t)(hop_ids.expert_base + (x)))
#define HFR(x) ((uint16_t)(rt_ids.base + (x)))
#define EXR(x) ((uint16_t)(rt_ids.expert_base + (x)))
#define HFF(x) ((uint16_t)(frag_ids.base + (x)))
#define HFD(x) ((uint16_t)(dst_ids.base + (x)))

static int ah_proto = -1; /* AH sits in the chain too (ah.c) */

/* ---------------------------------------------------------------------------------------------
 * Value strings (Wireshark's)
 * ------------------------------------------------------------------------------------------- */
const struct tw_vs tw_ip6_proto_vals[] = {{0, "IPv6 Hop-by-Hop Option"},
                                          {1, "ICMP"}, {2, "IGMP"}, {3, "GGP"}, {4, "IPIP"},
                                          {5, "Stream"}, {6, "TCP"}, {7, "CBT"}, {8, "EGP"},
                                          {9, "IGRP"}, {10, "BBN RCC"}, {11, "Network Voice"},
                                          {12, "PUP"}, {13, "ARGUS"}, {14, "EMCON"}, {15, "XNET"},
                                          {16, "CHAOS"}, {17, "UDP"}, {18, "Multiplex"},
                                          {19, "DCN Measurement"}, {20, "Host Monitoring"},
                                          {21, "Packet radio"}, {22, "IDP"}, {23, "Trunk-1"},
                                          {24, "Trunk-2"}, {25, "Leaf-1"}, {26, "Leaf-2"},
                                          {27, "Reliable Data"}, {28, "IRT"}, {29, "ISO TP4"},
                                          {30, "Bulk Data"}, {31, "MFE NSP"},
                                          {32, "Merit Internodal"},
                                          {33, "Datagram Congestion Control Protocol"},
                                          {34, "3rd Party Connect"},
                                          {35, "Inter-Domain Policy Routing Protocol"}, {36, "XTP"},
                                          {37, "Datagram delivery"}, {38, "Control Message"},
                                          {39, "TP++"}, {40, "IL"}, {41, "IPv6"},
                                          {42, "Source demand routing"},
                                          {43, "Routing Header for IPv6"},
                                          {44, "Fragment Header for IPv6"},
                                          {45, "Inter-Domain Routing Protocol"},
                                          {46, "Reservation Protocol"},
                                          {47, "Generic Routing Encapsulation"},
                                          {48, "Dynamic source routing"}, {49, "BNA"},
                                          {50, "Encap Security Payload"},
                                          {51, "Authentication Header"}, {52, "INSLP"},
                                          {53, "SWIPE"}, {54, "NBMA ARP"}, {55, "IP Mobility"},
                                          {56, "TLSP Kryptonet"}, {57, "SKIP"}, {58, "ICMPv6"},
                                          {59, "No Next Header for IPv6"},
                                          {60, "Destination Options for IPv6"},
                                          {61, "any host internal protocol"},
                                          {62, "Mobile IPv6 (old)"}, {63, "any local network"},
                                          {64, "SATNET EXPAK"}, {65, "Kryptolan"},
                                          {66, "Remote Virtual Disk"}, {67, "IPPC"},
                                          {68, "any distributed file system"},
                                          {69, "SATNET Monitoring"}, {70, "VISA"}, {71, "IPCV"},
                                          {72, "CPNX"}, {73, "CPHB"}, {74, "Wang Span"},
                                          {75, "Packet Video"}, {76, "Backroom SATNET Mon"},
                                          {77, "Sun ND Protocol"}, {78, "Wideband Mon"},
                                          {79, "Wideband Expak"}, {80, "ISO Internet Protocol"},
                                          {81, "VMTP"}, {82, "Secure VMTP"}, {83, "VINES"},
                                          {84, "TTP"}, {85, "NSFNET IGP"},
                                          {86, "Dissimilar Gateway"}, {87, "TCF"}, {88, "EIGRP"},
                                          {89, "OSPF IGP"}, {90, "Sprite RPC"}, {91, "Locus ARP"},
                                          {92, "Multicast Transport"}, {93, "AX.25 Frames"},
                                          {94, "IP in IP"}, {95, "MICP"}, {96, "Semaphore"},
                                          {97, "Ether in IP"}, {98, "ENCAP"},
                                          {99, "any private encryption scheme"}, {100, "GMTP"},
                                          {101, "Ipsilon Flow"}, {102, "PNNI over IP"},
                                          {103, "PIM"}, {104, "ARIS"}, {105, "SCPS"}, {106, "QNX"},
                                          {107, "Active Networks"}, {108, "IPComp"},
                                          {109, "Sitara Networks"}, {110, "Compaq Peer"},
                                          {111, "IPX IN IP"}, {112, "VRRP"}, {113, "PGM"},
                                          {114, "any 0-hop protocol"}, {115, "Layer 2 Tunneling"},
                                          {116, "DDX"}, {117, "IATP"}, {118, "STP"},
                                          {119, "SpectraLink"}, {120, "UTI"}, {121, "SMP"},
                                          {122, "SM"}, {123, "PTP"}, {124, "ISIS over IP"},
                                          {125, "FIRE"}, {126, "CRTP"}, {127, "CRUDP"},
                                          {128, "SSCOPMCE"}, {129, "IPLT"}, {130, "Secure Packet"},
                                          {131, "PIPE"}, {132, "SCTP"}, {133, "Fibre Channel"},
                                          {134, "RSVP E2EI"}, {135, "Mobile IPv6"},
                                          {136, "UDPLite"}, {137, "MPLS in IP"}, {138, "MANET"},
                                          {139, "HIP"}, {140, "Shim6 header"}, {141, "WESP"},
                                          {142, "ROHC"}, {143, "Ethernet"},
                                          {173, "AX/4000 Testframe"}, {224, "Novell NCS Heartbeat"},
                                          {0, NULL}};
const struct tw_rs tw_ip6_proto_rvals[] = {
    {144, 172, "Unassigned"}, {174, 223, "Unassigned"}, {0, 0, NULL}};

const char *tw_ip6_proto_str(uint8_t nxt)
{
    const char *s = tw_vs_find(tw_ip6_proto_vals, nxt);
    if (!s) s = tw_rs_find(tw_ip6_proto_rvals, nxt);
    return s ? s : "Unknown";
}

static const struct tw_vs dscp_vals[] = {{0, "Default"},
                                         {1, "Lower Effort"}, {8, "Class Selector 1"},
                                         {10, "Assured Forwarding 11"},
                                         {12, "Assured Forwarding 12"},
                                         {14, "Assured Forwarding 13"}, {16, "Class Selector 2"},
                                         {18, "Assured Forwarding 21"},
                                         {20, "Assured Forwarding 22"},
                                         {22, "Assured Forwarding 23"}, {24, "Class Selector 3"},
                                         {26, "Assured Forwarding 31"},
                                         {28, "Assured Forwarding 32"},
                                         {30, "Assured Forwarding 33"}, {32, "Class Selector 4"},
                                         {34, "Assured Forwarding 41"},
                                         {36, "Assured Forwarding 42"},
                                         {38, "Assured Forwarding 43"}, {40, "Class Selector 5"},
                                         {44, "Voice Admit"}, {46, "Expedited Forwarding"},
                                         {48, "Class Selector 6"}, {56, "Class Selector 7"},
                                         {0, NULL}};
static const struct tw_vs ecn_vals[] = {{0, "Not ECN-Capable Transport"},
                                        {1, "ECN-Capable Transport codepoint '01'"},
                                        {2, "ECN-Capable Transport codepoint '10'"},
                                        {3, "Congestion Experienced"}, {0, NULL}};
/* the short forms in the Traffic Class line */
static const struct tw_vs dscp_short_vals[] = {
    {0, "CS0"},   {1, "LE"},      {8, "CS1"},   {10, "AF11"}, {12, "AF12"}, {14, "AF13"},
    {16, "CS2"},  {18, "AF21"},   {20, "AF22"}, {22, "AF23"}, {24, "CS3"},  {26, "AF31"},
    {28, "AF32"}, {30, "AF33"},   {32, "CS4"},  {34, "AF41"}, {36, "AF42"}, {38, "AF43"},
    {40, "CS5"},  {46, "EF PHB"}, {48, "CS6"},  {56, "CS7"},  {0, NULL}};
static const struct tw_vs ecn_short_vals[] = {
    {0, "Not-ECT"}, {1, "ECT(1)"}, {2, "ECT(0)"}, {3, "CE"}, {0, NULL}};

enum {
    OPT_PAD1 = 0x00, OPT_PADN = 0x01, OPT_TEL = 0x04, OPT_RTALERT = 0x05, OPT_CALIPSO = 0x07,
    OPT_SMF_DPD = 0x08, OPT_PDM = 0x0f, OPT_QUICKSTART = 0x26, OPT_PMTU = 0x30, OPT_IOAM = 0x31,
    OPT_TPF = 0x41, OPT_RPL = 0x63, OPT_MPL = 0x6d, OPT_ENDI = 0x8a, OPT_ILNP_NONCE = 0x8b,
    OPT_LIO = 0x8c, OPT_JUMBO = 0xc2, OPT_HOME_ADDRESS = 0xc9, OPT_IP_DFF = 0xee,
};
static const struct tw_vs opt_type_vals[] = {{0, "Pad1"},
                                             {1, "PadN"}, {4, "Tunnel Encapsulation Limit"},
                                             {5, "Router Alert"}, {7, "CALIPSO"}, {8, "SMF_DPD"},
                                             {15, "Performance and Diagnostic Metrics"},
                                             {30, "Experimental (0x1E)"}, {38, "Quick-Start"},
                                             {48, "Path MTU Option"}, {49, "IOAM Option"},
                                             {62, "Experimental (0x3E)"},
                                             {65, "Tunnel Payload Forwarding (TPF) Information"},
                                             {94, "Experimental (0x5E)"}, {99, "RPL Option"},
                                             {109, "MPL Option"}, {126, "Experimental (0x7E)"},
                                             {138, "Endpoint Identification"}, {139, "ILNP Nonce"},
                                             {140, "Line-Identification Option"},
                                             {158, "Experimental (0x9E)"},
                                             {190, "Experimental (0xBE)"}, {194, "Jumbo Payload"},
                                             {201, "Home Address"}, {222, "Experimental (0xDE)"},
                                             {238, "IP_DFF"}, {254, "Experimental (0xFE)"},
                                             {0, NULL}};
static const struct tw_vs opt_action_vals[] = {{0, "Skip and continue"},
                                               {1, "Discard"},
                                               {2, "Discard and send ICMP Parameter Problem"},
                                               {3, "Discard and send ICMP if not multicast"},
                                               {0, NULL}};
static const struct tw_vs rtalert_vals[] = {
    {0, "MLD"}, {1, "RSVP"}, {2, "Active Network"}, {0, NULL}};
static const struct tw_vs smf_dpd_tid_type_vals[] = {
    {0, "NULL"}, {1, "DEFAULT"}, {2, "IPv4"}, {3, "IPv6"}, {0, NULL}};
static const struct tw_vs qs_func_vals[] = {{0, "Rate request"}, {8, "Rate report"}, {0, NULL}};
static const struct tw_vs qs_rate_vals[] = {{0, "0 bit/s"},
                                            {1, "80 Kbit/s"}, {2, "160 Kbit/s"}, {3, "320 Kbit/s"},
                                            {4, "640 Kbit/s"}, {5, "1.28 Mbit/s"},
                                            {6, "2.56 Mbit/s"}, {7, "5.12 Mbit/s"},
                                            {8, "10.24 Mbit/s"}, {9, "20.48 Mbit/s"},
                                            {10, "40.96 Mbit/s"}, {11, "81.92 Mbit/s"},
                                            {12, "163.84 Mbit/s"}, {13, "327.68 Mbit/s"},
                                            {14, "655.36 Mbit/s"}, {15, "1.31072 Gbit/s"},
                                            {0, NULL}};
static const struct tw_vs ioam_opt_type_vals[] = {{0, "Pre-allocated Trace"},
                                                  {1, "Incremental Trace"}, {2, "Proof of Transit"},
                                                  {3, "Edge to Edge"}, {0, NULL}};
static const struct tw_vs mpl_seed_id_len_vals[] = {{0, "0"},
                                                    {1, "16-bit unsigned integer"},
                                                    {2, "64-bit unsigned integer"},
                                                    {3, "128-bit unsigned integer"}, {0, NULL}};
static const struct tw_vs routing_type_vals[] = {{0, "Source Route"},
                                                 {1, "Nimrod"}, {2, "Type 2 Routing"},
                                                 {3, "RPL Source Route"}, {4, "Segment Routing"},
                                                 {5, "Compact Routing Header 16"},
                                                 {6, "Compact Routing Header 32"},
                                                 {253, "Experiment 1"}, {254, "Experiment 2"},
                                                 {0, NULL}};

/* ---------------------------------------------------------------------------------------------
 * ipv6 fields
 * ------------------------------------------------------------------------------------------- */
enum {
    F_VERSION, F_IP_VERSION, F_TCLASS, F_DSCP, F_ECN, F_FLOW, F_PLEN, F_NXT, F_HLIM, F_SRC,
    F_SRC_HOST, F_SRC_SLAAC, F_SRC_ISATAP, F_SRC_6TO4_GW, F_SRC_6TO4_SLA, F_SRC_TS, F_SRC_TC_PORT,
    F_SRC_TC, F_SRC_EMBED, F_DST, F_DST_HOST, F_DST_SLAAC, F_DST_ISATAP, F_DST_6TO4_GW,
    F_DST_6TO4_SLA, F_DST_TS, F_DST_TC_PORT, F_DST_TC, F_DST_EMBED, F_ADDR, F_HOST, F_SLAAC,
    F_ISATAP, F_6TO4_GW, F_6TO4_SLA, F_TS, F_TC_PORT, F_TC, F_EMBED_PREFIX, F_EMBED, F_EMBED_U,
    F_EMBED_SUFFIX,
    /* options (registered by Wireshark under "ipv6") */
    F_OPT, F_OPT_TYPE, F_OPT_ACTION, F_OPT_CHANGE, F_OPT_REST, F_OPT_LENGTH, F_OPT_PAD1, F_OPT_PADN,
    F_OPT_PMTU_MIN, F_OPT_PMTU_RTN, F_OPT_PMTU_RFLAG, F_OPT_RTALERT, F_OPT_TEL, F_OPT_JUMBO,
    F_OPT_CALIPSO_DOI, F_OPT_CALIPSO_CMPT_LEN, F_OPT_CALIPSO_SENS, F_OPT_CALIPSO_CKSUM,
    F_OPT_CALIPSO_BITMAP, F_OPT_SMF_HASH, F_OPT_SMF_TID_TYPE, F_OPT_SMF_TID_LEN, F_OPT_SMF_TAGGER,
    F_OPT_SMF_IDENT, F_OPT_SMF_HAV, F_OPT_PDM_SCALE_DTLR, F_OPT_PDM_SCALE_DTLS, F_OPT_PDM_PSN_THIS,
    F_OPT_PDM_PSN_LAST, F_OPT_PDM_DELTA_RECV, F_OPT_PDM_DELTA_SENT, F_OPT_QS_FUNC, F_OPT_QS_RATE,
    F_OPT_QS_TTL, F_OPT_QS_TTL_DIFF, F_OPT_QS_UNUSED, F_OPT_QS_NONCE, F_OPT_QS_RESERVED,
    F_OPT_IOAM_RSV, F_OPT_IOAM_TYPE, F_OPT_IOAM_NS, F_OPT_IOAM_NODELEN, F_OPT_IOAM_FLAGS,
    F_OPT_IOAM_FLAG_O, F_OPT_IOAM_FLAG_L, F_OPT_IOAM_FLAG_A, F_OPT_IOAM_FLAG_RSV, F_OPT_IOAM_REMLEN,
    F_OPT_IOAM_TRACE_TYPE, F_OPT_IOAM_TRACE_RSV, F_OPT_IOAM_FREE_SPACE, F_OPT_TPF,
    F_OPT_HOME_ADDRESS, F_OPT_RPL_FLAG, F_OPT_RPL_FLAG_O, F_OPT_RPL_FLAG_R, F_OPT_RPL_FLAG_F,
    F_OPT_RPL_FLAG_RSV, F_OPT_RPL_INSTANCE, F_OPT_RPL_RANK, F_OPT_ILNP_NONCE, F_OPT_LIO_LEN,
    F_OPT_LIO_ID, F_OPT_MPL_FLAG, F_OPT_MPL_FLAG_S, F_OPT_MPL_FLAG_M, F_OPT_MPL_FLAG_V,
    F_OPT_MPL_FLAG_RSV, F_OPT_MPL_SEQ, F_OPT_MPL_SEED, F_OPT_DFF_FLAGS, F_OPT_DFF_VER,
    F_OPT_DFF_DUP, F_OPT_DFF_RET, F_OPT_DFF_RSV, F_OPT_DFF_SEQ, F_OPT_EXPERIMENTAL,
    F_OPT_UNKNOWN_DATA, F_OPT_UNKNOWN,
    /* reassembly */
    F_FRAGMENT, F_FRAG_OVERLAP, F_FRAG_OVERLAP_CONFLICT, F_FRAG_MULTIPLE_TAILS, F_FRAG_TOO_LONG,
    F_FRAG_ERROR, F_FRAG_COUNT, F_FRAGMENTS, F_REASSEMBLED_IN, F_REASSEMBLED_LENGTH,
    F_REASSEMBLED_DATA,
    F_COUNT
};

static const struct tw_field_def fields[F_COUNT] = {
    [F_VERSION] = {"ipv6.version", "Version", TW_FT_UINT8, TW_BASE_DEC},
    /* Wireshark's second "ip.version", so that the filter matches IPv6 too */
    [F_IP_VERSION] = {"ip.version", "Version", TW_FT_UINT8, TW_BASE_DEC, 0xf0},
    [F_TCLASS] = {"ipv6.tclass", "Traffic Class", TW_FT_UINT32, TW_BASE_HEX, 0x0ff00000},
    [F_DSCP] = {"ipv6.tclass.dscp", "Differentiated Services Codepoint", TW_FT_UINT32, TW_BASE_DEC,
                0x0fc00000, dscp_vals},
    [F_ECN] = {"ipv6.tclass.ecn", "Explicit Congestion Notification", TW_FT_UINT32, TW_BASE_DEC,
               0x00300000, ecn_vals},
    [F_FLOW] = {"ipv6.flow", "Flow Label", TW_FT_UINT24, TW_BASE_HEX, 0x0fffff},
    [F_PLEN] = {"ipv6.plen", "Payload Length", TW_FT_UINT16, TW_BASE_DEC},
    [F_NXT] = {"ipv6.nxt", "Next Header", TW_FT_UINT8, TW_BASE_DEC, 0, tw_ip6_proto_vals,
               tw_ip6_proto_rvals},
    [F_HLIM] = {"ipv6.hlim", "Hop Limit", TW_FT_UINT8, TW_BASE_DEC},
    [F_SRC] = {"ipv6.src", "Source Address", TW_FT_IPv6, TW_BASE_NONE, 0, NULL, NULL, NULL,
               "Source IPv6 Address"},
    [F_SRC_HOST] = {"ipv6.src_host", "Source Host", TW_FT_STRING, TW_BASE_NONE, 0, NULL, NULL, NULL,
                    "Source IPv6 Host"},
    [F_SRC_SLAAC] =
        {"ipv6.src_slaac_mac", "Source SLAAC MAC", TW_FT_ETHER, TW_BASE_NONE, 0, NULL, NULL, NULL,
         "Source IPv6 Stateless Address Autoconfiguration (SLAAC) 48-bit MAC Identifier"},
    [F_SRC_ISATAP] = {"ipv6.src_isatap_ipv4", "Source ISATAP IPv4", TW_FT_IPv4, TW_BASE_NONE, 0,
                      NULL, NULL, NULL, "Source IPv6 ISATAP Encapsulated IPv4 Address"},
    [F_SRC_6TO4_GW] = {"ipv6.src_6to4_gw_ipv4", "Source 6to4 Gateway IPv4", TW_FT_IPv4,
                       TW_BASE_NONE, 0, NULL, NULL, NULL, "Source IPv6 6to4 Gateway IPv4 Address"},
    [F_SRC_6TO4_SLA] = {"ipv6.src_6to4_sla_id", "Source 6to4 SLA ID", TW_FT_UINT16, TW_BASE_DEC, 0,
                        NULL, NULL, NULL, "Source IPv6 6to4 SLA ID"},
    [F_SRC_TS] = {"ipv6.src_ts_ipv4", "Source Teredo Server IPv4", TW_FT_IPv4, TW_BASE_NONE, 0,
                  NULL, NULL, NULL, "Source IPv6 Teredo Server Encapsulated IPv4 Address"},
    [F_SRC_TC_PORT] = {"ipv6.src_tc_port", "Source Teredo Port", TW_FT_UINT16, TW_BASE_DEC, 0, NULL,
                       NULL, NULL, "Source IPv6 Teredo Client Mapped Port"},
    [F_SRC_TC] = {"ipv6.src_tc_ipv4", "Source Teredo Client IPv4", TW_FT_IPv4, TW_BASE_NONE, 0,
                  NULL, NULL, NULL, "Source IPv6 Teredo Client Encapsulated IPv4 Address"},
    [F_SRC_EMBED] = {"ipv6.src_embed_ipv4", "Source Embedded IPv4", TW_FT_IPv4, TW_BASE_NONE, 0,
                     NULL, NULL, NULL, "Source IPv4-Embedded IPv6 Address"},
    [F_DST] = {"ipv6.dst", "Destination Address", TW_FT_IPv6, TW_BASE_NONE, 0, NULL, NULL, NULL,
               "Destination IPv6 Address"},
    [F_DST_HOST] = {"ipv6.dst_host", "Destination Host", TW_FT_STRING, TW_BASE_NONE, 0, NULL, NULL,
                    NULL, "Destination IPv6 Host"},
    [F_DST_SLAAC] = {"ipv6.dst_slaac_mac", "Destination SLAAC MAC", TW_FT_ETHER, TW_BASE_NONE, 0,
                     NULL, NULL, NULL,
                     "Destination IPv6 Stateless Address Autoconfiguration (SLAAC) 48-bit MAC "
                     "Identifier"},
    [F_DST_ISATAP] = {"ipv6.dst_isatap_ipv4", "Destination ISATAP IPv4", TW_FT_IPv4, TW_BASE_NONE,
                      0, NULL, NULL, NULL, "Destination IPv6 ISATAP Encapsulated IPv4 Address"},
    [F_DST_6TO4_GW] = {"ipv6.dst_6to4_gw_ipv4", "Destination 6to4 Gateway IPv4", TW_FT_IPv4,
                       TW_BASE_NONE, 0, NULL, NULL, NULL,
                       "Destination IPv6 6to4 Gateway IPv4 Address"},
    [F_DST_6TO4_SLA] = {"ipv6.dst_6to4_sla_id", "Destination 6to4 SLA ID", TW_FT_UINT16,
                        TW_BASE_DEC, 0, NULL, NULL, NULL, "Destination IPv6 6to4 SLA ID"},
    [F_DST_TS] = {"ipv6.dst_ts_ipv4", "Destination Teredo Server IPv4", TW_FT_IPv4, TW_BASE_NONE, 0,
                  NULL, NULL, NULL, "Destination IPv6 Teredo Server Encapsulated IPv4 Address"},
    [F_DST_TC_PORT] = {"ipv6.dst_tc_port", "Destination Teredo Port", TW_FT_UINT16, TW_BASE_DEC, 0,
                       NULL, NULL, NULL, "Destination IPv6 Teredo Client Mapped Port"},
    [F_DST_TC] = {"ipv6.dst_tc_ipv4", "Destination Teredo Client IPv4", TW_FT_IPv4, TW_BASE_NONE, 0,
                  NULL, NULL, NULL, "Destination IPv6 Teredo Client Encapsulated IPv4 Address"},
    [F_DST_EMBED] = {"ipv6.dst_embed_ipv4", "Destination Embedded IPv4", TW_FT_IPv4, TW_BASE_NONE,
                     0, NULL, NULL, NULL, "Destination IPv4-Embedded IPv6 Address"},
    [F_ADDR] = {"ipv6.addr", "Source or Destination Address", TW_FT_IPv6, TW_BASE_NONE},
    [F_HOST] = {"ipv6.host", "Source or Destination Host", TW_FT_STRING, TW_BASE_NONE},
    [F_SLAAC] = {"ipv6.slaac_mac", "SLAAC MAC", TW_FT_ETHER, TW_BASE_NONE, 0, NULL, NULL, NULL,
                 "IPv6 Stateless Address Autoconfiguration (SLAAC) 48-bit MAC Identifier"},
    [F_ISATAP] = {"ipv6.isatap_ipv4", "ISATAP IPv4", TW_FT_IPv4, TW_BASE_NONE, 0, NULL, NULL, NULL,
                  "IPv6 ISATAP Encapsulated IPv4 Address"},
    [F_6TO4_GW] = {"ipv6.6to4_gw_ipv4", "6to4 Gateway IPv4", TW_FT_IPv4, TW_BASE_NONE, 0, NULL,
                   NULL, NULL, "IPv6 6to4 Gateway IPv4 Address"},
    [F_6TO4_SLA] = {"ipv6.6to4_sla_id", "6to4 SLA ID", TW_FT_UINT16, TW_BASE_DEC, 0, NULL, NULL,
                    NULL, "IPv6 6to4 SLA ID"},
    [F_TS] = {"ipv6.ts_ipv4", "Teredo Server IPv4", TW_FT_IPv4, TW_BASE_NONE, 0, NULL, NULL, NULL,
              "IPv6 Teredo Server Encapsulated IPv4 Address"},
    [F_TC_PORT] = {"ipv6.tc_port", "Teredo Port", TW_FT_UINT16, TW_BASE_DEC, 0, NULL, NULL, NULL,
                   "IPv6 Teredo Client Mapped Port"},
    [F_TC] = {"ipv6.tc_ipv4", "Teredo Client IPv4", TW_FT_IPv4, TW_BASE_NONE, 0, NULL, NULL, NULL,
              "IPv6 Teredo Client Encapsulated IPv4 Address"},
    [F_EMBED_PREFIX] = {"ipv6.embed_ipv4_prefix", "Embedded IPv4 Prefix", TW_FT_BYTES, TW_BASE_NONE,
                        0, NULL, NULL, NULL, "IPv4-Embedded IPv6 Address Prefix"},
    [F_EMBED] = {"ipv6.embed_ipv4", "Embedded IPv4", TW_FT_IPv4, TW_BASE_NONE, 0, NULL, NULL, NULL,
                 "IPv4-Embedded IPv6 Address"},
    [F_EMBED_U] = {"ipv6.embed_ipv4_u", "Embedded IPv4 u field", TW_FT_BYTES, TW_BASE_NONE, 0, NULL,
                   NULL, NULL, "IPv4-Embedded IPv6 Address u field"},
    [F_EMBED_SUFFIX] = {"ipv6.embed_ipv4_suffix", "Embedded IPv4 Suffix", TW_FT_BYTES, TW_BASE_NONE,
                        0, NULL, NULL, NULL, "IPv4-Embedded IPv6 Address Suffix"},

    [F_OPT] = {"ipv6.opt", "IPv6 Option", TW_FT_NONE, TW_BASE_NONE, 0, NULL, NULL, NULL, "Option"},
    [F_OPT_TYPE] = {"ipv6.opt.type", "Type", TW_FT_UINT8, TW_BASE_HEX, 0, opt_type_vals, NULL, NULL,
                    "Option type"},
    [F_OPT_ACTION] = {"ipv6.opt.type.action", "Action", TW_FT_UINT8, TW_BASE_DEC, 0xc0,
                      opt_action_vals, NULL, NULL, "Action for unrecognized option type"},
    [F_OPT_CHANGE] = {"ipv6.opt.type.change", "May Change", TW_FT_BOOLEAN, 8, 0x20, NULL, NULL,
                      &tw_tfs_yes_no, "Whether the option data may change en-route"},
    [F_OPT_REST] = {"ipv6.opt.type.rest", "Low-Order Bits", TW_FT_UINT8, TW_BASE_HEX, 0x1f, NULL,
                    NULL, NULL, "Remaining low-order bits"},
    [F_OPT_LENGTH] = {"ipv6.opt.length", "Length", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL, NULL,
                      "Option length in octets"},
    [F_OPT_PAD1] = {"ipv6.opt.pad1", "Pad1", TW_FT_NONE, TW_BASE_NONE, 0, NULL, NULL, NULL,
                    "Pad1 Option"},
    [F_OPT_PADN] = {"ipv6.opt.padn", "PadN", TW_FT_BYTES, TW_BASE_NONE | TW_BASE_ALLOW_ZERO, 0,
                    NULL, NULL, NULL, "PadN Option"},
    [F_OPT_PMTU_MIN] = {"ipv6.opt.pmtu.min", "Minimum Reported PMTU", TW_FT_UINT16, TW_BASE_DEC, 0,
                        NULL, NULL, NULL, "The minimum reported PMTU in octets"},
    [F_OPT_PMTU_RTN] = {"ipv6.opt.pmtu.rtn", "Return Minimum PMTU", TW_FT_UINT16, TW_BASE_DEC, 0,
                        NULL, NULL, NULL, "The Return Min-PMTU in octets"},
    [F_OPT_PMTU_RFLAG] = {"ipv6.opt.pmtu.r_flag", "Return Flag", TW_FT_BOOLEAN, 0, 0, NULL, NULL,
                          NULL, "Destination should include the received reported PMTU"},
    [F_OPT_RTALERT] = {"ipv6.opt.router_alert", "Router Alert", TW_FT_UINT16, TW_BASE_DEC, 0,
                       rtalert_vals, NULL, NULL, "Router Alert Option"},
    [F_OPT_TEL] = {"ipv6.opt.tel", "Tunnel Encapsulation Limit", TW_FT_UINT8, TW_BASE_DEC, 0, NULL,
                   NULL, NULL, "How many further levels of encapsulation are permitted"},
    [F_OPT_JUMBO] = {"ipv6.opt.jumbo", "Payload Length", TW_FT_UINT32, TW_BASE_DEC, 0, NULL, NULL,
                     NULL, "IPv6 (Jumbo) Payload Length"},
    [F_OPT_CALIPSO_DOI] = {"ipv6.opt.calipso.doi", "CALIPSO Domain of Interpretation", TW_FT_UINT32,
                           TW_BASE_DEC},
    [F_OPT_CALIPSO_CMPT_LEN] = {"ipv6.opt.calipso.cmpt.length", "Compartment Length", TW_FT_UINT8,
                                TW_BASE_DEC},
    [F_OPT_CALIPSO_SENS] = {"ipv6.opt.calipso.sens_level", "Sensitivity Level", TW_FT_UINT8,
                            TW_BASE_DEC},
    [F_OPT_CALIPSO_CKSUM] = {"ipv6.opt.calipso.checksum", "Checksum", TW_FT_UINT16, TW_BASE_HEX},
    [F_OPT_CALIPSO_BITMAP] = {"ipv6.opt.calipso.cmpt_bitmap", "Compartment Bitmap", TW_FT_BYTES,
                              TW_BASE_NONE},
    [F_OPT_SMF_HASH] = {"ipv6.opt.smf_dpd.hash_bit", "H-bit", TW_FT_BOOLEAN, 8, 0x80, NULL, NULL,
                        NULL, "Hash indicator"},
    [F_OPT_SMF_TID_TYPE] = {"ipv6.opt.smf_dpd.tid_type", "TaggerID Type", TW_FT_UINT8, TW_BASE_DEC,
                            0x70, smf_dpd_tid_type_vals},
    [F_OPT_SMF_TID_LEN] = {"ipv6.opt.smf_dpd.tid_len", "TaggerID Length", TW_FT_UINT8, TW_BASE_DEC,
                           0x0f},
    [F_OPT_SMF_TAGGER] = {"ipv6.opt.smf_dpd.tagger_id", "TaggerID", TW_FT_BYTES, TW_BASE_NONE},
    [F_OPT_SMF_IDENT] = {"ipv6.opt.smf_dpd.ident", "Identifier", TW_FT_BYTES, TW_BASE_NONE},
    [F_OPT_SMF_HAV] = {"ipv6.opt.smf_dpd.hav", "Hash Assist Value", TW_FT_BYTES, TW_BASE_NONE},
    [F_OPT_PDM_SCALE_DTLR] = {"ipv6.opt.pdm.scale_dtlr", "Scale DTLR", TW_FT_UINT8, TW_BASE_DEC, 0,
                              NULL, NULL, NULL, "Scale for Delta Time Last Received"},
    [F_OPT_PDM_SCALE_DTLS] = {"ipv6.opt.pdm.scale_dtls", "Scale DTLS", TW_FT_UINT8, TW_BASE_DEC, 0,
                              NULL, NULL, NULL, "Scale for Delta Time Last Sent"},
    [F_OPT_PDM_PSN_THIS] = {"ipv6.opt.pdm.psn_this_pkt", "PSN This Packet", TW_FT_UINT16,
                            TW_BASE_DEC, 0, NULL, NULL, NULL, "Packet Sequence Number This Packet"},
    [F_OPT_PDM_PSN_LAST] = {"ipv6.opt.pdm.psn_last_recv", "PSN Last Received", TW_FT_UINT16,
                            TW_BASE_DEC, 0, NULL, NULL, NULL,
                            "Packet Sequence Number Last Received"},
    [F_OPT_PDM_DELTA_RECV] = {"ipv6.opt.pdm.delta_last_recv", "Delta Time Last Received",
                              TW_FT_UINT16, TW_BASE_DEC},
    [F_OPT_PDM_DELTA_SENT] = {"ipv6.opt.pdm.delta_last_sent", "Delta Time Last Sent", TW_FT_UINT16,
                              TW_BASE_DEC},
    [F_OPT_QS_FUNC] = {"ipv6.opt.qs_func", "Function", TW_FT_UINT8, TW_BASE_DEC, 0xf0,
                       qs_func_vals},
    [F_OPT_QS_RATE] = {"ipv6.opt.qs_rate", "Rate", TW_FT_UINT8, TW_BASE_DEC, 0x0f, qs_rate_vals},
    [F_OPT_QS_TTL] = {"ipv6.opt.qs_ttl", "QS TTL", TW_FT_UINT8, TW_BASE_DEC},
    [F_OPT_QS_TTL_DIFF] = {"ipv6.opt.qs_ttl_diff", "TTL Diff", TW_FT_UINT8, TW_BASE_DEC},
    [F_OPT_QS_UNUSED] = {"ipv6.opt.qs_unused", "Not Used", TW_FT_UINT8, TW_BASE_DEC},
    [F_OPT_QS_NONCE] = {"ipv6.opt.qs_nonce", "QS Nonce", TW_FT_UINT32, TW_BASE_HEX, 0xfffffffc},
    [F_OPT_QS_RESERVED] = {"ipv6.opt.qs_reserved", "Reserved", TW_FT_UINT32, TW_BASE_HEX, 0x3},
    [F_OPT_IOAM_RSV] = {"ipv6.opt.ioam.rsv", "Reserved", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL,
                        NULL, "Reserved (must be zero)"},
    [F_OPT_IOAM_TYPE] = {"ipv6.opt.ioam.opt_type", "Option-Type", TW_FT_UINT8, TW_BASE_DEC, 0,
                         ioam_opt_type_vals},
    [F_OPT_IOAM_NS] = {"ipv6.opt.ioam.trace.ns", "Namespace ID", TW_FT_UINT16, TW_BASE_DEC},
    [F_OPT_IOAM_NODELEN] = {"ipv6.opt.ioam.trace.nodelen", "Node Length", TW_FT_UINT8, TW_BASE_DEC},
    [F_OPT_IOAM_FLAGS] = {"ipv6.opt.ioam.trace.flags", "Flags", TW_FT_UINT16, TW_BASE_HEX, 0x780},
    [F_OPT_IOAM_FLAG_O] = {"ipv6.opt.ioam.trace.flag.o", "Overflow", TW_FT_BOOLEAN, 16, 0x400, NULL,
                           NULL, NULL, "Not enough free space"},
    [F_OPT_IOAM_FLAG_L] = {"ipv6.opt.ioam.trace.flag.l", "Loopback", TW_FT_BOOLEAN, 16, 0x200, NULL,
                           NULL, NULL, "Send a copy of the packet back towards the source"},
    [F_OPT_IOAM_FLAG_A] = {"ipv6.opt.ioam.trace.flag.a", "Active", TW_FT_BOOLEAN, 16, 0x100, NULL,
                           NULL, NULL, "Active measurement packet"},
    [F_OPT_IOAM_FLAG_RSV] = {"ipv6.opt.ioam.trace.flag.rsv", "Reserved", TW_FT_BOOLEAN, 16, 0x80,
                             NULL, NULL, NULL, "Reserved (must be zero)"},
    [F_OPT_IOAM_REMLEN] = {"ipv6.opt.ioam.trace.remlen", "Remaining Length", TW_FT_UINT8,
                           TW_BASE_DEC},
    [F_OPT_IOAM_TRACE_TYPE] = {"ipv6.opt.ioam.trace.type", "Trace Type", TW_FT_UINT24, TW_BASE_HEX},
    [F_OPT_IOAM_TRACE_RSV] = {"ipv6.opt.ioam.trace.rsv", "Reserved", TW_FT_UINT8, TW_BASE_DEC, 0,
                              NULL, NULL, NULL, "Reserved (must be zero)"},
    [F_OPT_IOAM_FREE_SPACE] = {"ipv6.opt.ioam.trace.free_space", "Free space", TW_FT_BYTES,
                               TW_BASE_NONE},
    [F_OPT_TPF] = {"ipv6.opt.tpf_information", "TPF Information", TW_FT_UINT32, TW_BASE_HEX, 0,
                   NULL, NULL, NULL, "Tunnel Payload Forwarding Information"},
    [F_OPT_HOME_ADDRESS] = {"ipv6.opt.mipv6.home_address", "MIPv6 Home Address", TW_FT_IPv6,
                            TW_BASE_NONE},
    [F_OPT_RPL_FLAG] = {"ipv6.opt.rpl.flag", "Flag", TW_FT_UINT8, TW_BASE_HEX},
    [F_OPT_RPL_FLAG_O] = {"ipv6.opt.rpl.flag.o", "Down", TW_FT_BOOLEAN, 8, 0x80, NULL, NULL, NULL,
                          "The packet is expected to progress Up or Down"},
    [F_OPT_RPL_FLAG_R] = {"ipv6.opt.rpl.flag.r", "Rank Error", TW_FT_BOOLEAN, 8, 0x40, NULL, NULL,
                          NULL, "Whether a rank error was detected"},
    [F_OPT_RPL_FLAG_F] = {"ipv6.opt.rpl.flag.f", "Forwarding Error", TW_FT_BOOLEAN, 8, 0x20, NULL,
                          NULL, NULL,
                          "Set if the node cannot forward the packet further towards the "
                          "destination"},
    [F_OPT_RPL_FLAG_RSV] = {"ipv6.opt.rpl.flag.rsv", "Reserved", TW_FT_UINT8, TW_BASE_HEX, 0x1f,
                            NULL, NULL, NULL, "Reserved (must be zero)"},
    [F_OPT_RPL_INSTANCE] = {"ipv6.opt.rpl.instance_id", "RPLInstanceID", TW_FT_UINT8, TW_BASE_HEX,
                            0, NULL, NULL, NULL,
                            "The DODAG instance along which the packet is sent"},
    [F_OPT_RPL_RANK] = {"ipv6.opt.rpl.sender_rank", "Sender Rank", TW_FT_UINT16, TW_BASE_HEX, 0,
                        NULL, NULL, NULL,
                        "Set to zero by the source and to DAGRank(rank) by a router that "
                        "forwards inside the RPL network"},
    [F_OPT_ILNP_NONCE] = {"ipv6.opt.ilnp_nonce", "ILNP Nonce", TW_FT_BYTES, TW_BASE_NONE},
    [F_OPT_LIO_LEN] = {"ipv6.opt.lio.length", "LineIDLen", TW_FT_UINT8, TW_BASE_DEC},
    [F_OPT_LIO_ID] = {"ipv6.opt.lio.line_id", "Line ID", TW_FT_STRING, TW_BASE_NONE},
    [F_OPT_MPL_FLAG] = {"ipv6.opt.mpl.flag", "Flag", TW_FT_UINT8, TW_BASE_HEX},
    [F_OPT_MPL_FLAG_S] = {"ipv6.opt.mpl.flag.s", "Seed ID Length", TW_FT_UINT8, TW_BASE_DEC, 0xc0,
                          mpl_seed_id_len_vals, NULL, NULL, "Identifies the length of Seed ID"},
    [F_OPT_MPL_FLAG_M] = {"ipv6.opt.mpl.flag.m", "Largest Sequence", TW_FT_BOOLEAN, 8, 0x20, NULL,
                          NULL, NULL,
                          "Indicates Sequence is known to be the largest sequence number"},
    [F_OPT_MPL_FLAG_V] = {"ipv6.opt.mpl.flag.v", "Version", TW_FT_BOOLEAN, 8, 0x10, NULL, NULL,
                          NULL, "0 indicates this option conforms to RFC<TBC>"},
    [F_OPT_MPL_FLAG_RSV] = {"ipv6.opt.mpl.flag.rsv", "Reserved", TW_FT_UINT8, TW_BASE_HEX, 0x0f,
                            NULL, NULL, NULL, "Reserved (must be zero)"},
    [F_OPT_MPL_SEQ] = {"ipv6.opt.mpl.sequence", "Sequence", TW_FT_UINT8, TW_BASE_HEX, 0, NULL, NULL,
                       NULL,
                       "Identifies relative ordering of MPL Data Messages from the MPL Seed "
                       "identified by Seed ID"},
    [F_OPT_MPL_SEED] = {"ipv6.opt.mpl.seed_id", "Seed ID", TW_FT_BYTES, TW_BASE_NONE, 0, NULL, NULL,
                        NULL,
                        "Uniquely identifies the MPL Seed that initiated dissemination of the MPL "
                        "Data Message"},
    [F_OPT_DFF_FLAGS] = {"ipv6.opt.dff.flags", "Flags", TW_FT_UINT8, TW_BASE_HEX},
    [F_OPT_DFF_VER] = {"ipv6.opt.dff.flag.ver", "Version (VER)", TW_FT_UINT8, TW_BASE_DEC, 0xc0,
                       NULL, NULL, NULL, "The version of DFF that is used"},
    [F_OPT_DFF_DUP] = {"ipv6.opt.dff.flag.dup", "Duplicate (DUP)", TW_FT_BOOLEAN, 8, 0x20, NULL,
                       NULL, NULL, "Indicates the packet is being retransmitted"},
    [F_OPT_DFF_RET] = {"ipv6.opt.dff.flag.ret", "Return (RET)", TW_FT_BOOLEAN, 8, 0x10, NULL, NULL,
                       NULL,
                       "Must be set to 1 prior to sending the packet back to the Previous Hop"},
    [F_OPT_DFF_RSV] = {"ipv6.opt.dff.flag.rsv", "Reserved", TW_FT_UINT8, TW_BASE_HEX, 0x0f, NULL,
                       NULL, NULL, "Reserved (must be zero)"},
    [F_OPT_DFF_SEQ] = {"ipv6.opt.dff.sequence_number", "Sequence Number", TW_FT_UINT16,
                       TW_BASE_DEC_HEX},
    [F_OPT_EXPERIMENTAL] = {"ipv6.opt.experimental", "Experimental Option", TW_FT_BYTES,
                            TW_BASE_NONE},
    [F_OPT_UNKNOWN_DATA] = {"ipv6.opt_unknown_data", "Unknown Data", TW_FT_BYTES, TW_BASE_NONE, 0,
                            NULL, NULL, NULL, "Not interpreted data"},
    [F_OPT_UNKNOWN] = {"ipv6.opt.unknown", "Unknown Option Payload", TW_FT_BYTES, TW_BASE_NONE},
    [F_FRAGMENT] = {"ipv6.fragment", "IPv6 Fragment", TW_FT_FRAMENUM},
    [F_FRAG_OVERLAP] = {"ipv6.fragment.overlap", "Fragment overlap", TW_FT_BOOLEAN, 0, 0, NULL,
                        NULL, NULL, "Fragment overlaps with other fragments"},
    [F_FRAG_OVERLAP_CONFLICT] = {"ipv6.fragment.overlap.conflict",
                                 "Conflicting data in fragment overlap", TW_FT_BOOLEAN, 0, 0,
                                 NULL, NULL, NULL,
                                 "Overlapping fragments contained conflicting data"},
    [F_FRAG_MULTIPLE_TAILS] = {"ipv6.fragment.multipletails", "Multiple tail fragments found",
                               TW_FT_BOOLEAN, 0, 0, NULL, NULL, NULL,
                               "Several tails were found when defragmenting the packet"},
    [F_FRAG_TOO_LONG] = {"ipv6.fragment.toolongfragment", "Fragment too long", TW_FT_BOOLEAN, 0,
                         0, NULL, NULL, NULL, "Fragment contained data past end of packet"},
    [F_FRAG_ERROR] = {"ipv6.fragment.error", "Defragmentation error", TW_FT_FRAMENUM, 0, 0, NULL,
                      NULL, NULL, "Defragmentation error due to illegal fragments"},
    [F_FRAG_COUNT] = {"ipv6.fragment.count", "Fragment count", TW_FT_UINT32, TW_BASE_DEC},
    [F_FRAGMENTS] = {"ipv6.fragments", "IPv6 Fragments", TW_FT_NONE},
    [F_REASSEMBLED_IN] = {"ipv6.reassembled.in", "Reassembled IPv6 in frame", TW_FT_FRAMENUM, 0,
                          0, NULL, NULL, NULL, "This IPv6 packet is reassembled in this frame"},
    [F_REASSEMBLED_LENGTH] = {"ipv6.reassembled.length", "Reassembled IPv6 length",
                              TW_FT_UINT32, TW_BASE_DEC, 0, NULL, NULL, NULL,
                              "The total length of the reassembled payload"},
    [F_REASSEMBLED_DATA] = {"ipv6.reassembled.data", "Reassembled IPv6 data", TW_FT_BYTES, 0, 0,
                            NULL, NULL, NULL, "The reassembled payload"},
};

enum {
    E_JUMBO_MISSING, E_JUMBO_PROHIBITED, E_JUMBO_TRUNCATED, E_JUMBO_FRAGMENT, E_OPT_INVALID_LEN,
    E_OPT_UNKNOWN_DATA, E_PLEN_EXCEEDS, E_PLEN_ZERO, E_BOGUS_VERSION, E_INVALID_HEADER,
    E_OPT_HDR_MISMATCH, E_OPT_DEPRECATED, E_MPL_SRC_SEED, E_IOAM_NODELEN, E_IOAM_REMLEN,
    E_IOAM_TYPE, E_EMBED_U,
};
static const struct tw_expert_def experts[] = {
    [E_JUMBO_MISSING] = {"ipv6.opt.jumbo.missing", "decoder.ipv6.jumbo_missing", TW_SEV_ERROR,
                         TW_GRP_MALFORMED,
                         "IPv6 payload length equals 0 and Hop-By-Hop present and Jumbo Payload "
                         "option missing"},
    [E_JUMBO_PROHIBITED] = {"ipv6.opt.jumbo.prohibited", "decoder.ipv6.jumbo_prohibited",
                            TW_SEV_WARN, TW_GRP_PROTOCOL,
                            "When IPv6 payload length does not equal 0 a Jumbo Payload option "
                            "must not be present"},
    [E_JUMBO_TRUNCATED] = {"ipv6.opt.jumbo.truncated", "decoder.ipv6.jumbo_truncated", TW_SEV_WARN,
                           TW_GRP_PROTOCOL,
                           "Jumbo Payload option present and jumbo length < 65536"},
    [E_JUMBO_FRAGMENT] = {"ipv6.opt.jumbo.fragment", "decoder.ipv6.jumbo_fragment", TW_SEV_WARN,
                          TW_GRP_PROTOCOL,
                          "Jumbo Payload option cannot be used with a fragment header"},
    [E_OPT_INVALID_LEN] = {"ipv6.opt.invalid_len", "decoder.ipv6.opt_invalid_len", TW_SEV_ERROR,
                           TW_GRP_MALFORMED, "Invalid IPv6 option length"},
    [E_OPT_UNKNOWN_DATA] = {"ipv6.opt.unknown_data.expert", "decoder.ipv6.opt_unknown_data",
                            TW_SEV_NOTE, TW_GRP_UNDECODED, "Unknown Data (not interpreted)"},
    [E_PLEN_EXCEEDS] = {"ipv6.plen_exceeds_framing", "decoder.ipv6.plen_exceeds_framing",
                        TW_SEV_WARN, TW_GRP_PROTOCOL,
                        "IPv6 payload length does not match expected framing length"},
    [E_PLEN_ZERO] = {"ipv6.plen_zero", "decoder.ipv6.plen_zero", TW_SEV_CHAT, TW_GRP_PROTOCOL,
                     "IPv6 payload length equals 0 (maybe because of \"TCP segmentation "
                     "offload\" (TSO))"},
    [E_BOGUS_VERSION] = {"ipv6.bogus_ipv6_version", "decoder.ipv6.bad_version", TW_SEV_ERROR,
                         TW_GRP_MALFORMED, "Bogus IP version"},
    [E_INVALID_HEADER] = {"ipv6.invalid_header", "decoder.ipv6.invalid_header", TW_SEV_ERROR,
                          TW_GRP_MALFORMED, "Invalid IPv6 header"},
    [E_OPT_HDR_MISMATCH] = {"ipv6.opt.header_mismatch", "decoder.ipv6.opt_header_mismatch",
                            TW_SEV_WARN, TW_GRP_PROTOCOL,
                            "Wrong options extension header for type"},
    [E_OPT_DEPRECATED] = {"ipv6.opt.deprecated", "decoder.ipv6.opt_deprecated", TW_SEV_NOTE,
                          TW_GRP_DEPRECATED, "Option type is deprecated"},
    [E_MPL_SRC_SEED] = {"ipv6.opt.mpl.ipv6_src_seed_id", "decoder.ipv6.mpl_src_seed_id",
                        TW_SEV_COMMENT, TW_GRP_PROTOCOL, "Seed ID is the IPv6 Source Address"},
    [E_IOAM_NODELEN] = {"ipv6.opt.ioam.trace.invalid_nodelen", "decoder.ipv6.ioam_nodelen",
                        TW_SEV_ERROR, TW_GRP_PROTOCOL, "Invalid \"NodeLen\" value: cannot be 0"},
    [E_IOAM_REMLEN] = {"ipv6.opt.ioam.trace.invalid_remlen", "decoder.ipv6.ioam_remlen",
                       TW_SEV_ERROR, TW_GRP_PROTOCOL, "Invalid \"RemLen\" value"},
    [E_IOAM_TYPE] = {"ipv6.opt.ioam.trace.invalid_type", "decoder.ipv6.ioam_type", TW_SEV_ERROR,
                     TW_GRP_PROTOCOL, "Mismatch between Trace Type and NodeLen"},
    [E_EMBED_U] = {"ipv6.embed_ipv4.u.nonzero", "decoder.ipv6.embed_u_nonzero", TW_SEV_WARN,
                   TW_GRP_PROTOCOL, "IPv4-Embedded IPv6 address bit 64 to 71 must be zero"},
};

/* ---------------------------------------------------------------------------------------------
 * Small helpers
 * ------------------------------------------------------------------------------------------- */

/* "0110 .... = " for a field of `width` bits whose bits under `mask` hold `raw` */
int tw_ip6_bits_prefix(char *out, size_t n, uint64_t mask, int width, uint64_t raw)
{
    size_t k = 0;
    for (int i = width - 1; i >= 0 && k + 4 < n; i--) {
        uint64_t bit = (uint64_t)1 << i;
        out[k++] = (mask & bit) ? ((raw & bit) ? '1' : '0') : '.';
        if (i && i % 4 == 0) out[k++] = ' ';
    }
    int m = snprintf(out + k, n - k, " = ");
    return (int)k + (m > 0 ? m : 0);
}

/* Are the `len` bytes at absolute offset `off` there? Sets the cursor's error like a read would
 * (Wireshark checks the bytes of every item it adds from the packet). */
static bool have(struct tw_cur *c, uint32_t off, uint32_t len)
{
    struct tw_cur t = *c;
    if (off < c->off && !c->err)
        t.off = off; /* looking back is fine */
    else
        t.off = off;
    if (!tw_cur_need(&t, len)) {
        if (!c->err) c->err = t.err;
        return false;
    }
    return true;
}

static uint8_t get8(struct tw_cur *c, uint32_t off)
{
    return have(c, off, 1) ? c->data[off] : 0;
}
static uint16_t get16(struct tw_cur *c, uint32_t off)
{
    return have(c, off, 2) ? (uint16_t)(c->data[off] << 8 | c->data[off + 1]) : 0;
}
static uint32_t get32(struct tw_cur *c, uint32_t off)
{
    if (!have(c, off, 4)) return 0;
    const uint8_t *d = c->data + off;
    return (uint32_t)d[0] << 24 | (uint32_t)d[1] << 16 | (uint32_t)d[2] << 8 | d[3];
}

/* a field without a value (FT_NONE) */
static int32_t add_none(struct tw_pkt *p, uint16_t hf, uint32_t off, uint32_t len)
{
    return tw_want(p, hf) ? tw_add_rec(p, hf, off, len) : -1;
}

static bool is_multicast(const uint8_t *a)
{
    return a[0] == 0xff;
}

static void info_append_sep(struct tw_pkt *p, const char *s)
{
    if (p->info.len) tw_info_add(p, " , ");
    tw_info_add(p, s);
}

/* ---------------------------------------------------------------------------------------------
 * Chain bookkeeping. The IPv6 layer's priv[] holds what its extension headers share:
 *   priv[0] payload length field, priv[1] jumbo payload length,
 *   priv[2] bytes of payload left for the fragmentable part, priv[3] hop limit.
 * ------------------------------------------------------------------------------------------- */
static bool is_exthdr_proto(uint16_t pr)
{
    return pr == hop_ids.proto || pr == rt_ids.proto || pr == frag_ids.proto ||
           pr == dst_ids.proto || (ah_proto >= 0 && pr == (uint16_t)ah_proto);
}

/* the IPv6 layer whose chain the running layer continues, or -1 */
static int chain_layer(const struct tw_pkt *p)
{
    if (p->nlayers < 2) return -1;
    for (uint32_t i = p->nlayers - 1; i-- > 0;) {
        const struct tw_layer *l = &p->layers[i];
        if (l->depth != p->depth) return -1;
        if (l->proto == ids.proto) return (int)i;
        if (!is_exthdr_proto(l->proto)) return -1;
    }
    return -1;
}

int32_t tw_ipv6_chain_root(struct tw_pkt *p, bool *in_chain)
{
    int li = chain_layer(p);
    if (in_chain) *in_chain = li >= 0;
    return li >= 0 ? p->layers[li].rec : -1;
}

bool tw_ipv6_hlim(const struct tw_pkt *p, uint8_t *hlim)
{
    for (uint32_t i = p->nlayers; i-- > 0;) {
        const struct tw_layer *l = &p->layers[i];
        if (l->depth != p->depth) break;
        if (l->proto == ids.proto) {
            *hlim = (uint8_t)l->priv[3];
            return true;
        }
    }
    return false;
}

void tw_ipv6_add_exthdr_len(struct tw_pkt *p, uint32_t len)
{
    int li = chain_layer(p);
    if (li >= 0) p->layers[li].priv[2] = (uint32_t)((int32_t)p->layers[li].priv[2] - (int32_t)len);
}

/* the datagram for the stages after dissection (defragmentation policies, statistics): at the
 * end of the header chain, or at a fragment header that does not end in reassembly */
static void publish_tap(struct tw_pkt *p, int li, uint8_t nxt, const struct tw_cur *pl,
                        bool fragment, uint32_t ident, uint32_t foff, bool more)
{
    if (li < 0 || p->ctx.ip_version != 6) return;
    for (const struct tw_tap_item *it = tw_tap_next(p, TW_TAP_IP, NULL); it;
         it = tw_tap_next(p, TW_TAP_IP, it))
        if (((const struct tw_tap_ip *)it->data)->layer == (uint32_t)li) return;
    const struct tw_layer *l = &p->layers[li];
    const uint8_t *h = p->sources[l->src].data + l->off;
    if (p->sources[l->src].len < l->off + 8) return;
    struct tw_tap_ip *t = tw_arena_alloc(p->arena, sizeof *t);
    if (!t) return;
    t->version = 6;
    t->proto = nxt;
    t->ttl = h[7];
    t->src = p->ctx.ip_src;
    t->dst = p->ctx.ip_dst;
    t->len = 40u + (uint32_t)(h[4] << 8 | h[5]);
    t->hdr_len = pl->data == p->sources[l->src].data && pl->off >= l->off ? pl->off - l->off : 40;
    t->id = ident;
    t->frag_off = foff;
    t->more_frags = more;
    t->dont_frag = false;
    t->fragment = fragment;
    t->reassembled = false;
    t->cksum = TW_CK_UNKNOWN;
    uint32_t cap_end = TW_MIN(pl->cap, pl->end);
    t->payload = pl->data + pl->off;
    t->payload_cap = cap_end > pl->off ? cap_end - pl->off : 0;
    t->in_error = p->ctx.in_error_pkt;
    t->layer = (uint32_t)li;
    tw_tap_queue(p, TW_TAP_IP, t);
}

void tw_ipv6_next(struct tw_pkt *p, uint8_t nxt, struct tw_cur c)
{
    switch (nxt) {
    case 0:   /* hop-by-hop */
    case 43:  /* routing */
    case 44:  /* fragment */
    case 51:  /* AH */
    case 60:  /* destination options */
    case 135: /* mobility header */
    case 140: /* shim6 */
        if (tw_dispatch_find(TW_TBL_IP_PROTO, nxt) >= 0) {
            tw_next(p, TW_TBL_IP_PROTO, nxt, c);
            return;
        }
        break;
    default:
        break;
    }
    /* The chain ends here: the IPv6 line covers the header and all extension headers. */
    /* the running layer is this IPv6 header itself when no extension header came between (an
     * IPv6-in-IPv6 inner header must not find the outer one) */
    int li = p->nlayers && p->layers[p->nlayers - 1].proto == ids.proto ? (int)p->nlayers - 1
                                                                         : chain_layer(p);
    if (li >= 0) {
        struct tw_layer *l = &p->layers[li];
        if (c.off >= l->off && c.data == p->sources[l->src].data) {
            l->len = c.off - l->off;
            if (l->rec >= 0) p->recs[l->rec].len = l->len;
        }
    }
    p->ctx.ip_proto = nxt;
    p->ctx.ip_payload_off = c.off;
    p->ctx.ip_payload_len = tw_cur_left(&c);
    if (tw_tap_wanted(p, TW_TAP_IP)) publish_tap(p, li, nxt, &c, false, 0, 0, false);
    if (nxt == 59) {
        tw_info_set(p, "IPv6 no next header");
    } else if (tw_dispatch_find(TW_TBL_IP_PROTO, nxt) < 0) {
        tw_info_clear(p);
        tw_info_printf(p, "Unknown IP Protocol: %s (%u)", tw_ip6_proto_str(nxt), nxt);
    }
    /* an unbound protocol number falls through to data */
    tw_next(p, TW_TBL_IP_PROTO, nxt, c);
}

/* The subtree an extension header's protocol line goes under: the IPv6 line. Returns the
 * extension header's own record (or -1) and leaves it pushed as the current subtree. */
static int32_t exthdr_open(struct tw_pkt *p, const struct tw_proto_ids *pid, uint32_t off,
                           uint32_t len)
{
    int32_t root = tw_ipv6_chain_root(p, NULL);
    tw_tree_push(p, root);
    int32_t r = tw_want(p, pid->field) ? tw_add_rec(p, pid->field, off, len) : -1;
    tw_tree_push(p, r);
    return r;
}

/* ---------------------------------------------------------------------------------------------
 * IPv6 header
 * ------------------------------------------------------------------------------------------- */

/* Source/destination address with the fields Wireshark derives from it. */
static void add_address(struct tw_pkt *p, const struct tw_cur *c, uint32_t off, int f_addr,
                        int f_host)
{
    const uint8_t *a = c->data + off;
    tw_add_ptr(p, HF(f_addr), off, 16, a, 16);
    int32_t r = tw_add_ptr(p, HF(F_ADDR), off, 16, a, 16);
    tw_rec_flags(p, r, TW_RF_HIDDEN);
    if (tw_want(p, HF(f_host)) || tw_want(p, HF(F_HOST))) {
        char s[48];
        tw_fmt_ipv6(s, a);
        r = tw_add_strf(p, HF(f_host), off, 16, "%s", s);
        tw_rec_flags(p, r, TW_RF_GENERATED | TW_RF_HIDDEN);
        r = tw_add_strf(p, HF(F_HOST), off, 16, "%s", s);
        tw_rec_flags(p, r, TW_RF_GENERATED | TW_RF_HIDDEN);
    }
}

static void gen(struct tw_pkt *p, int32_t r, bool hidden)
{
    tw_rec_flags(p, r, (uint8_t)(TW_RF_GENERATED | (hidden ? TW_RF_HIDDEN : 0)));
}

/* RFC 3056 section 2: 2002:gggg:gggg:ssss:: */
static void add_6to4(struct tw_pkt *p, const uint8_t *a, uint32_t off, int f_gw, int f_sla)
{
    if (a[0] != 0x20 || a[1] != 0x02) return;
    uint16_t sla = (uint16_t)(a[6] << 8 | a[7]);
    gen(p, tw_add_ptr(p, HF(f_gw), off + 2, 4, a + 2, 4), false);
    gen(p, tw_add_uint(p, HF(f_sla), off + 6, 2, sla), false);
    gen(p, tw_add_ptr(p, HF(F_6TO4_GW), off + 2, 4, a + 2, 4), true);
    gen(p, tw_add_uint(p, HF(F_6TO4_SLA), off + 6, 2, sla), true);
}

/* RFC 4380 section 4: 2001:0000:server:flags:port^ffff:client^ffffffff */
static void add_teredo(struct tw_pkt *p, const uint8_t *a, uint32_t off, int f_ts, int f_port,
                       int f_tc)
{
    if (a[0] != 0x20 || a[1] != 0x01 || a[2] != 0 || a[3] != 0) return;
    uint16_t port = (uint16_t)((a[10] << 8 | a[11]) ^ 0xffff);
    uint8_t *client = NULL;
    if (tw_want(p, HF(f_tc)) || tw_want(p, HF(F_TC))) {
        client = tw_arena_alloc(p->arena, 4);
        if (client)
            for (int i = 0; i < 4; i++) client[i] = (uint8_t)(a[12 + i] ^ 0xff);
    }
    for (int i = 0; i < 2; i++) {
        int fs = i ? F_TS : f_ts, fp = i ? F_TC_PORT : f_port, fc = i ? F_TC : f_tc;
        gen(p, tw_add_ptr(p, HF(fs), off + 4, 4, a + 4, 4), i > 0);
        gen(p, tw_add_uint(p, HF(fp), off + 10, 2, port), i > 0);
        if (client) gen(p, tw_add_ptr(p, HF(fc), off + 12, 4, client, 4), i > 0);
    }
}

/* RFC 4291 appendix A: modified EUI-64 interface identifiers (u bit set, ff:fe in the middle) */
static void add_slaac(struct tw_pkt *p, const uint8_t *a, uint32_t off, int f_mac)
{
    if (!(a[8] & 0x02) || a[11] != 0xff || a[12] != 0xfe) return;
    if (!tw_want(p, HF(f_mac)) && !tw_want(p, HF(F_SLAAC))) return;
    uint8_t *mac = tw_arena_alloc(p->arena, 6);
    if (!mac) return;
    mac[0] = (uint8_t)(a[8] & ~0x02);
    mac[1] = a[9];
    mac[2] = a[10];
    mac[3] = a[13];
    mac[4] = a[14];
    mac[5] = a[15];
    gen(p, tw_add_ptr(p, HF(f_mac), off + 8, 8, mac, 6), false);
    gen(p, tw_add_ptr(p, HF(F_SLAAC), off + 8, 8, mac, 6), true);
}

/* RFC 5214 section 6.1: ISATAP interface identifier [0200:]5efe:a.b.c.d */
static void add_isatap(struct tw_pkt *p, const uint8_t *a, uint32_t off, int f_ip)
{
    if ((a[8] & 0xfc) != 0 || a[9] != 0 || a[10] != 0x5e || a[11] != 0xfe) return;
    gen(p, tw_add_ptr(p, HF(f_ip), off + 12, 4, a + 12, 4), false);
    gen(p, tw_add_ptr(p, HF(F_ISATAP), off + 12, 4, a + 12, 4), true);
}

/* RFC 6052: the well-known prefix 64:ff9b::/96 */
static void add_embed(struct tw_pkt *p, const uint8_t *a, uint32_t off, int f_ip)
{
    static const uint8_t wkp[12] = {0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};
    if (memcmp(a, wkp, sizeof wkp) != 0) return;
    gen(p, tw_add_ptr(p, HF(F_EMBED_PREFIX), off, 12, a, 12), false);
    gen(p, tw_add_ptr(p, HF(f_ip), off + 12, 4, a + 12, 4), false);
    gen(p, tw_add_ptr(p, HF(F_EMBED), off + 12, 4, a + 12, 4), false);
}

/* Does the hop-by-hop header at `off` carry a Jumbo Payload option with a length > 65535? */
static uint32_t find_jumbo(const struct tw_cur *c, uint32_t off)
{
    const uint8_t *h;
    if (!tw_cur_try_peek(c, off - c->off, 2, &h)) return 0;
    uint32_t end = off + ((uint32_t)h[1] + 1) * 8;
    uint32_t o = off + 2;
    while (o < end) {
        const uint8_t *q;
        if (!tw_cur_try_peek(c, o - c->off, 6, &q)) return 0;
        if (q[0] == OPT_PAD1) {
            o++;
            continue;
        }
        if (q[0] == OPT_JUMBO && q[1] == 4) {
            uint32_t v = (uint32_t)q[2] << 24 | (uint32_t)q[3] << 16 | (uint32_t)q[4] << 8 | q[5];
            return v > 0xffff ? v : 0;
        }
        o += 2u + q[1];
    }
    return 0;
}

static enum tw_status ipv6_dissect(struct tw_pkt *p, struct tw_cur *c)
{
    uint32_t start = c->off;
    uint32_t reported = tw_cur_left(c);
    tw_info_clear(p);
    tw_layer_setlen(p, 40);

    uint8_t b0 = tw_cur_peek_u8(c, 0);
    if (c->err) return TW_OK;
    uint8_t version = b0 >> 4;
    int32_t r = tw_add_uint(p, HF(F_VERSION), start, 1, version);
    if (tw_want_labels(p)) {
        char pre[32];
        tw_ip6_bits_prefix(pre, sizeof pre, 0xf0, 8, b0);
        tw_rec_label(p, r, "%sVersion: %u", pre, version);
    }
    int32_t rv = tw_add_bits(p, HF(F_IP_VERSION), start, 1, b0);
    tw_rec_flags(p, rv, TW_RF_HIDDEN);
    if (version != 6) {
        tw_info_clear(p);
        tw_info_printf(p, "Bogus IPv6 version (%u, must be 6)", version);
        tw_tree_push(p, r);
        tw_expert(p, EX(E_BOGUS_VERSION), start, 1, "Bogus IPv6 version");
        tw_tree_pop(p);
        /* Wireshark's dissector refuses the packet: it leaves the protocol list, and what
         * handed it over shows the bytes as data. */
        tw_layer_hide(p);
        if (p->via_table == TW_TBL_ETHERTYPE) {
            tw_col_proto(p, tw_arena_printf(p->arena, "0x%04x", p->via_key & 0xffff));
            tw_info_set(p, "IPv6");
            tw_next(p, TW_TBL_NAME, TW_KEY_DATA, *c);
        } else if (p->via_table == TW_TBL_IP_PROTO && p->nlayers >= 2) {
            /* inside IP (6in4, 6in6): the IP below shows its payload as for a protocol it has
             * no dissector for */
            const struct tw_proto *below = tw_proto_get(p->layers[p->nlayers - 2].proto);
            uint8_t key = (uint8_t)p->via_key;
            tw_col_proto(p, below->short_name);
            tw_info_clear(p);
            if (strcmp(below->abbrev, "ip") == 0)
                tw_info_printf(p, "%s (%u)", tw_ip6_proto_str(key), key);
            else
                tw_info_printf(p, "Unknown IP Protocol: %s (%u)", tw_ip6_proto_str(key), key);
            tw_next(p, TW_TBL_NAME, TW_KEY_DATA, *c);
        }
        return TW_OK;
    }
    if (reported < 40) {
        tw_info_clear(p);
        tw_info_printf(p, "Invalid IPv6 header (%u bytes, need exactly 40)", reported);
        tw_expert(p, EX(E_INVALID_HEADER), start, 40, "IPv6 header must be exactly 40 bytes");
    }

    /* traffic class, flow label: the first four bytes */
    uint32_t vtf = 0;
    {
        struct tw_cur t = *c;
        vtf = tw_cur_u32(&t);
        if (t.err) {
            c->err = t.err;
            return TW_OK;
        }
    }
    uint8_t tclass = (uint8_t)(vtf >> 20);
    r = tw_add_bits(p, HF(F_TCLASS), start, 4, vtf);
    if (r >= 0 && tw_want_labels(p)) {
        char pre[64];
        tw_ip6_bits_prefix(pre, sizeof pre, 0x0ff00000, 32, vtf);
        const char *ds = tw_vs_find(dscp_short_vals, tclass >> 2);
        const char *es = tw_vs_find(ecn_short_vals, tclass & 3);
        tw_rec_label(p, r, "%sTraffic Class: 0x%02x (DSCP: %s, ECN: %s)", pre, tclass,
                     ds ? ds : "Unknown", es ? es : "Unknown");
    }
    tw_tree_push(p, r);
    tw_add_bits(p, HF(F_DSCP), start, 4, vtf);
    tw_add_bits(p, HF(F_ECN), start, 4, vtf);
    tw_tree_pop(p);
    tw_add_bits(p, HF(F_FLOW), start + 1, 3, vtf & 0xffffff);
    c->off += 4;

    uint16_t plen = tw_cur_u16(c);
    uint8_t nxt = tw_cur_u8(c);
    uint8_t hlim = tw_cur_u8(c);
    if (c->err) {
        /* what was there is shown, as Wireshark adds each item before reading the next */
        struct tw_cur t = *c;
        t.err = 0;
        t.off = start + 4;
        if (tw_cur_need(&t, 2)) tw_add_uint(p, HF(F_PLEN), start + 4, 2, plen);
        t.off = start + 6;
        if (tw_cur_need(&t, 1)) tw_add_uint(p, HF(F_NXT), start + 6, 1, nxt);
        return TW_OK;
    }
    int32_t r_plen = tw_add_uint(p, HF(F_PLEN), start + 4, 2, plen);
    if (plen == 0 && nxt != 0 && nxt != 59) {
        tw_tree_push(p, r_plen);
        tw_expert(p, EX(E_PLEN_ZERO), start + 4, 2, NULL);
        tw_tree_pop(p);
    }
    tw_add_uint(p, HF(F_NXT), start + 6, 1, nxt);
    tw_add_uint(p, HF(F_HLIM), start + 7, 1, hlim);

    /* each address is the column's as soon as it is read */
    const uint8_t *src = tw_cur_bytes(c, 16);
    if (!src) return TW_OK;
    add_address(p, c, start + 8, F_SRC, F_SRC_HOST);
    p->net_src = (struct tw_addr){TW_AT_IPv6, 16, src};
    const uint8_t *dst = tw_cur_bytes(c, 16);
    if (!dst) return TW_OK;
    add_address(p, c, start + 24, F_DST, F_DST_HOST);
    p->net_dst = (struct tw_addr){TW_AT_IPv6, 16, dst};
    p->ctx.ip_version = 6;
    p->ctx.ip_src = (struct tw_addr){TW_AT_IPv6, 16, src};
    p->ctx.ip_dst = (struct tw_addr){TW_AT_IPv6, 16, dst};
    p->ctx.ip6_final_dst = NULL;
    p->ctx.ip6_home_addr = NULL;
    p->ctx.ip_fragment = false;
    if (tw_layer_recorded(p)) {
        char s[48], d[48];
        tw_fmt_ipv6(s, src);
        tw_fmt_ipv6(d, dst);
        tw_layer_label(p, "Internet Protocol Version 6, Src: %s, Dst: %s", s, d);
    }
    add_6to4(p, src, start + 8, F_SRC_6TO4_GW, F_SRC_6TO4_SLA);
    add_6to4(p, dst, start + 24, F_DST_6TO4_GW, F_DST_6TO4_SLA);
    add_teredo(p, src, start + 8, F_SRC_TS, F_SRC_TC_PORT, F_SRC_TC);
    add_teredo(p, dst, start + 24, F_DST_TS, F_DST_TC_PORT, F_DST_TC);
    add_slaac(p, src, start + 8, F_SRC_SLAAC);
    add_slaac(p, dst, start + 24, F_DST_SLAAC);
    add_isatap(p, src, start + 8, F_SRC_ISATAP);
    add_isatap(p, dst, start + 24, F_DST_ISATAP);
    add_embed(p, src, start + 8, F_SRC_EMBED);
    add_embed(p, dst, start + 24, F_DST_EMBED);

    /* Jumbogram (RFC 2675): payload length 0 and a hop-by-hop Jumbo Payload option */
    uint32_t len = plen, jumbo = 0;
    if (plen == 0 && nxt == 0) {
        jumbo = find_jumbo(c, start + 40);
        if (jumbo) {
            len = jumbo;
            if (tw_want_labels(p)) tw_rec_label(p, r_plen, "Payload Length: %u (Jumbogram)", plen);
        } else {
            tw_info_set(p, "Invalid IPv6 payload length");
            tw_tree_push(p, r_plen);
            tw_expert(p, EX(E_JUMBO_MISSING), start + 4, 2, NULL);
            tw_tree_pop(p);
        }
    }
    uint32_t rep_plen = reported >= 40 ? reported - 40 : 0;
    if (!p->ctx.in_error_pkt && len > rep_plen) {
        tw_tree_push(p, r_plen);
        tw_expert(p, EX(E_PLEN_EXCEEDS), start + 4, 2,
                  "IPv6 payload length exceeds framing length (%u bytes)", rep_plen);
        tw_tree_pop(p);
    }

    uint32_t *pv = tw_layer_priv(p);
    pv[0] = plen;
    pv[1] = jumbo;
    pv[2] = plen;
    pv[3] = hlim;

    /* The datagram is what the payload length says, when the frame holds that much: the rest
     * is the link layer's trailer. */
    struct tw_cur pl = tw_cur_sub(c, len < rep_plen ? len : rep_plen, NULL);
    if (40 + len < reported) {
        tw_layer_claim(p, 40 + len);
        tw_frame_shrink(p, 40 + len);
    }
    tw_ipv6_next(p, nxt, pl);
    return TW_OK;
}

static const struct tw_binding bindings[] = {
    {TW_TBL_ETHERTYPE, 0x86dd}, {TW_TBL_LINKTYPE, 229}, /* LINKTYPE_IPV6 */
    {TW_TBL_IP_PROTO, 41},                              /* IPv6 in IP */
    {TW_TBL_PPP_PROTO, 0x0057}, {TW_TBL_PPP_PROTO, 0x86dd},
    {TW_TBL_NULL_FAMILY, 24}, /* BSD AF_INET6 values: NetBSD/OpenBSD/BSD/OS */
    {TW_TBL_NULL_FAMILY, 28}, /* FreeBSD, DragonFly */
    {TW_TBL_NULL_FAMILY, 30}, /* Darwin */
};

static struct tw_reasm reasm;
static bool pref_reassemble = true;

static void ipv6_init(void)
{
    ah_proto = tw_proto_lookup("ah");
    pref_reassemble = tw_pref_bool("ipv6.defragment", true);
    /* datagrams waiting for fragments: at most 4096 and 64 MiB of fragments in all; each at
     * most 128 KiB (the largest offset, 65528, plus the largest payload) in 1024 fragments */
    tw_reasm_open(&reasm, "ipv6.reassembly", 4096, 128u << 10, 1024, (uint64_t)64 << 20);
}

const struct tw_proto tw_proto_ipv6 = {
    .abbrev = "ipv6",
    .name = "Internet Protocol Version 6",
    .short_name = "IPv6",
    .fields = fields,
    .nfields = F_COUNT,
    .experts = experts,
    .nexperts = TW_ARRAY_LEN(experts),
    .bindings = bindings,
    .nbindings = TW_ARRAY_LEN(bindings),
    .dissect = ipv6_dissect,
    .init = ipv6_init,
    .ids = &ids,
};

/* ---------------------------------------------------------------------------------------------
 * Hop-by-hop and destination options (RFC 8200 section 4.2)
 * ------------------------------------------------------------------------------------------- */
enum { F_OH_NXT, F_OH_LEN, F_OH_LEN_OCT, F_OH_COUNT };
static const struct tw_field_def hop_fields[F_OH_COUNT] = {
    [F_OH_NXT] = {"ipv6.hopopts.nxt", "Next Header", TW_FT_UINT8, TW_BASE_DEC, 0, tw_ip6_proto_vals,
                  tw_ip6_proto_rvals},
    [F_OH_LEN] = {"ipv6.hopopts.len", "Length", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL, NULL,
                  "Extension header length in 8-octet words (minus 1)"},
    [F_OH_LEN_OCT] = {"ipv6.hopopts.len_oct", "Length", TW_FT_UINT16, TW_BASE_DEC, 0, NULL, NULL,
                      NULL, "Extension header length in octets", " bytes"},
};
static const struct tw_field_def dst_fields[F_OH_COUNT] = {
    [F_OH_NXT] = {"ipv6.dstopts.nxt", "Next Header", TW_FT_UINT8, TW_BASE_DEC, 0, tw_ip6_proto_vals,
                  tw_ip6_proto_rvals},
    [F_OH_LEN] = {"ipv6.dstopts.len", "Length", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL, NULL,
                  "Extension header length in 8-octet words (minus 1)"},
    [F_OH_LEN_OCT] = {"ipv6.dstopts.len_oct", "Length", TW_FT_UINT16, TW_BASE_DEC, 0, NULL, NULL,
                      NULL, "Extension header length in octets", " bytes"},
};
static const struct tw_expert_def hop_experts[] = {
    {"ipv6.hopopts.not_first", "decoder.ipv6.hopopts_not_first", TW_SEV_ERROR, TW_GRP_PROTOCOL,
     "IPv6 Hop-by-Hop extension header must appear immediately after IPv6 header"},
};

/* which header an option belongs in (0 any, 1 hop-by-hop, 2 destination) */
static int opt_header(uint8_t type)
{
    switch (type) {
    case OPT_TEL:
    case OPT_PDM:
    case OPT_TPF:
    case OPT_ILNP_NONCE:
    case OPT_LIO:
    case OPT_HOME_ADDRESS:
        return 2;
    case OPT_RTALERT:
    case OPT_PMTU:
    case OPT_CALIPSO:
    case OPT_SMF_DPD:
    case OPT_QUICKSTART:
    case OPT_IOAM:
    case OPT_RPL:
    case OPT_MPL:
    case OPT_JUMBO:
    case OPT_IP_DFF:
        return 1;
    default:
        return 0;
    }
}

static bool is_experimental_opt(uint8_t type)
{
    return (type & 0x1f) == 0x1e;
}

/* An integer field split into flags, shown as Wireshark's proto_tree_add_bitmask does: the
 * header line names the set flags and the value strings of the others. */
int32_t tw_ip6_bitmask(struct tw_pkt *p, uint16_t hdr, const uint16_t *subs, size_t n, uint32_t off,
                       uint32_t len, uint64_t raw)
{
    int32_t r = tw_add_bits(p, hdr, off, len, raw);
    if (r >= 0 && tw_want_labels(p)) {
        const struct tw_field_info *hi = tw_field(hdr);
        char lab[512];
        size_t k = 0;
        int digits = (int)len * 2;
        uint64_t v = hi->def->mask ? (raw & hi->def->mask) >> hi->shift : raw;
        if (hi->def->mask) {
            k += (size_t)tw_ip6_bits_prefix(lab, sizeof lab, hi->def->mask, (int)len * 8, raw);
            uint64_t m = hi->def->mask >> hi->shift;
            digits = (64 - __builtin_clzll(m | 1) + 3) / 4;
        }
        k += (size_t)snprintf(lab + k, sizeof lab - k, "%s: 0x%0*llx", hi->def->name, digits,
                              (unsigned long long)v);
        for (size_t i = 0; i < n && k < sizeof lab; i++) {
            const struct tw_field_info *si = tw_field(subs[i]);
            const struct tw_field_def *d = si->def;
            uint64_t sv = (raw & d->mask) >> si->shift;
            if (d->type == TW_FT_BOOLEAN) {
                if (sv) k += (size_t)snprintf(lab + k, sizeof lab - k, ", %s", d->name);
            } else if (d->vals) {
                const char *vs = tw_vs_find(d->vals, (uint32_t)sv);
                k += (size_t)snprintf(lab + k, sizeof lab - k, ", %s: %s", d->name,
                                      vs ? vs : "Unknown");
            }
        }
        tw_rec_label(p, r, "%s", lab);
    }
    tw_tree_push(p, r);
    for (size_t i = 0; i < n; i++) tw_add_bits(p, subs[i], off, len, raw);
    tw_tree_pop(p);
    return r;
}

static void expert_at(struct tw_pkt *p, int32_t r, uint16_t xid, uint32_t off, uint32_t len,
                      const char *msg)
{
    tw_tree_push(p, r);
    tw_expert(p, xid, off, len, "%s", msg);
    tw_tree_pop(p);
}

static void invalid_len(struct tw_pkt *p, int32_t r_len, uint32_t off, const char *what,
                        uint8_t opt_len)
{
    char m[128];
    snprintf(m, sizeof m, "%s (%u bytes)", what, opt_len);
    expert_at(p, r_len, EX(E_OPT_INVALID_LEN), off, 1, m);
}

/* the option data of one option, at off; returns where the option's dissection ended */
static uint32_t option_body(struct tw_pkt *p, struct tw_cur *c, uint8_t type, uint8_t olen,
                            uint32_t off, int32_t r_opt, int32_t r_type, int32_t r_len, int li)
{
    uint32_t len_off = off - 1;
    switch (type) {
    case OPT_JUMBO: {
        if (olen != 4) invalid_len(p, r_len, len_off, "Jumbo Payload: Invalid length", olen);
        uint32_t v = get32(c, off);
        if (c->err) return off;
        int32_t r = tw_add_uint(p, HF(F_OPT_JUMBO), off, 4, v);
        if (li >= 0 && p->layers[li].priv[0] != 0)
            expert_at(p, r_opt, EX(E_JUMBO_PROHIBITED), off - 2, 2u + olen,
                      experts[E_JUMBO_PROHIBITED].summary);
        if (v < 65536)
            expert_at(p, r, EX(E_JUMBO_TRUNCATED), off, 4, experts[E_JUMBO_TRUNCATED].summary);
        return off + 4;
    }
    case OPT_RPL: {
        static uint16_t subs[4];
        subs[0] = HF(F_OPT_RPL_FLAG_O), subs[1] = HF(F_OPT_RPL_FLAG_R);
        subs[2] = HF(F_OPT_RPL_FLAG_F), subs[3] = HF(F_OPT_RPL_FLAG_RSV);
        if (olen < 4) invalid_len(p, r_len, len_off, "RPL Option: Invalid length", olen);
        uint8_t fl = get8(c, off);
        if (c->err) return off;
        tw_ip6_bitmask(p, HF(F_OPT_RPL_FLAG), subs, 4, off, 1, fl);
        uint8_t inst = get8(c, off + 1);
        if (c->err) return off + 1;
        tw_add_uint(p, HF(F_OPT_RPL_INSTANCE), off + 1, 1, inst);
        uint16_t rank = get16(c, off + 2);
        if (c->err) return off + 2;
        tw_add_uint(p, HF(F_OPT_RPL_RANK), off + 2, 2, rank);
        return off + 4;
    }
    case OPT_TEL: {
        if (olen != 1)
            invalid_len(p, r_len, len_off, "Tunnel Encapsulation Limit: Invalid length", olen);
        uint8_t v = get8(c, off);
        if (c->err) return off;
        tw_add_uint(p, HF(F_OPT_TEL), off, 1, v);
        return off + 1;
    }
    case OPT_RTALERT: {
        if (olen != 2) invalid_len(p, r_len, len_off, "Router alert: Invalid Length", olen);
        uint16_t v = get16(c, off);
        if (c->err) return off;
        tw_add_uint(p, HF(F_OPT_RTALERT), off, 2, v);
        return off + 2;
    }
    case OPT_PMTU: {
        if (olen != 4) invalid_len(p, r_len, len_off, "PMTU Option: Invalid Length", olen);
        uint16_t mn = get16(c, off);
        if (c->err) return off;
        tw_add_uint(p, HF(F_OPT_PMTU_MIN), off, 2, mn);
        uint16_t v = get16(c, off + 2);
        if (c->err) return off + 2;
        tw_add_uint(p, HF(F_OPT_PMTU_RTN), off + 2, 2, v & 0xfffe);
        tw_add_uint(p, HF(F_OPT_PMTU_RFLAG), off + 3, 1, v & 1);
        return off + 4;
    }
    case OPT_QUICKSTART: {
        if (olen != 6) invalid_len(p, r_len, len_off, "Quick-Start: Invalid Length", olen);
        uint8_t cmd = get8(c, off);
        if (c->err) return off;
        tw_add_bits(p, HF(F_OPT_QS_FUNC), off, 1, cmd);
        const char *rs = tw_vs_find(qs_rate_vals, cmd & 0x0f);
        char rbuf[24];
        if (!rs) {
            snprintf(rbuf, sizeof rbuf, "Unknown (%u)", cmd & 0x0f);
            rs = rbuf;
        }
        if ((cmd >> 4) == 0) { /* rate request */
            tw_add_bits(p, HF(F_OPT_QS_RATE), off, 1, cmd);
            uint8_t ttl = get8(c, off + 1);
            if (c->err) return off + 1;
            tw_add_uint(p, HF(F_OPT_QS_TTL), off + 1, 1, ttl);
            uint8_t diff = 0;
            if (li >= 0) {
                diff = (uint8_t)((uint8_t)p->layers[li].priv[3] - ttl);
                int32_t r = tw_add_uint(p, HF(F_OPT_QS_TTL_DIFF), off + 1, 1, diff);
                tw_rec_flags(p, r, TW_RF_GENERATED);
            }
            if (r_opt >= 0 && tw_want_labels(p)) {
                if (li >= 0)
                    tw_rec_label(p, r_opt, "Quick-Start, %s, QS TTL %u, QS TTL diff %u", rs, ttl,
                                 diff);
                else
                    tw_rec_label(p, r_opt, "Quick-Start, %s, QS TTL %u", rs, ttl);
            }
            uint32_t nonce = get32(c, off + 2);
            if (c->err) return off + 2;
            tw_add_bits(p, HF(F_OPT_QS_NONCE), off + 2, 4, nonce);
            tw_add_bits(p, HF(F_OPT_QS_RESERVED), off + 2, 4, nonce);
            return off + 6;
        }
        if ((cmd >> 4) == 8) { /* rate report */
            tw_add_bits(p, HF(F_OPT_QS_RATE), off, 1, cmd);
            if (r_opt >= 0 && tw_want_labels(p)) tw_rec_label(p, r_opt, "Quick-Start, %s", rs);
            uint8_t un = get8(c, off + 1);
            if (c->err) return off + 1;
            tw_add_uint(p, HF(F_OPT_QS_UNUSED), off + 1, 1, un);
            uint32_t nonce = get32(c, off + 2);
            if (c->err) return off + 2;
            tw_add_bits(p, HF(F_OPT_QS_NONCE), off + 2, 4, nonce);
            tw_add_bits(p, HF(F_OPT_QS_RESERVED), off + 2, 4, nonce);
            return off + 6;
        }
        return off;
    }
    case OPT_IOAM: {
        if (olen < 2) invalid_len(p, r_len, len_off, "IOAM Option: Invalid length", olen);
        uint8_t rsv = get8(c, off);
        uint8_t ot = get8(c, off + 1);
        if (c->err) return off;
        tw_add_uint(p, HF(F_OPT_IOAM_RSV), off, 1, rsv);
        tw_add_uint(p, HF(F_OPT_IOAM_TYPE), off + 1, 1, ot);
        off += 2;
        if (ot > 1) return off;
        /* pre-allocated or incremental trace: the header; node data are not decoded */
        if (olen < 10) invalid_len(p, r_len, len_off, "IOAM Option: Invalid length", olen);
        uint16_t ns = get16(c, off);
        if (c->err) return off;
        tw_add_uint(p, HF(F_OPT_IOAM_NS), off, 2, ns);
        uint16_t w = get16(c, off + 2);
        if (c->err) return off + 2;
        uint8_t nodelen = (uint8_t)(w >> 11), remlen = (uint8_t)(w & 0x7f);
        int32_t r = tw_add_uint(p, HF(F_OPT_IOAM_NODELEN), off + 2, 1, nodelen);
        if (!nodelen)
            expert_at(p, r, EX(E_IOAM_NODELEN), off + 2, 1, experts[E_IOAM_NODELEN].summary);
        static uint16_t fsubs[4];
        fsubs[0] = HF(F_OPT_IOAM_FLAG_O), fsubs[1] = HF(F_OPT_IOAM_FLAG_L);
        fsubs[2] = HF(F_OPT_IOAM_FLAG_A), fsubs[3] = HF(F_OPT_IOAM_FLAG_RSV);
        tw_ip6_bitmask(p, HF(F_OPT_IOAM_FLAGS), fsubs, 4, off + 2, 2, w);
        r = tw_add_uint(p, HF(F_OPT_IOAM_REMLEN), off + 3, 1, remlen);
        if (remlen * 4 > olen - 10) {
            char m[64];
            snprintf(m, sizeof m, "IOAM RemLen: Invalid length (%u bytes)", remlen * 4u);
            expert_at(p, r, EX(E_IOAM_REMLEN), off + 3, 1, m);
        }
        off += 4;
        uint32_t tt = (uint32_t)get16(c, off) << 8 | get8(c, off + 2);
        uint8_t trsv = get8(c, off + 3);
        if (c->err) return off;
        tw_add_uint(p, HF(F_OPT_IOAM_TRACE_TYPE), off, 3, tt);
        tw_add_uint(p, HF(F_OPT_IOAM_TRACE_RSV), off + 3, 1, trsv);
        off += 4;
        if (!nodelen || remlen * 4 > olen - 10) return off;
        if (remlen) {
            if (!have(c, off, remlen * 4u)) return off;
            tw_add_bytes(p, HF(F_OPT_IOAM_FREE_SPACE), c, off, remlen * 4u);
            off += remlen * 4u;
        }
        return off;
    }
    case OPT_TPF: {
        if (olen != 4) invalid_len(p, r_len, len_off, "TPF: Invalid Length", olen);
        uint32_t v = get32(c, off);
        if (c->err) return off;
        tw_add_uint(p, HF(F_OPT_TPF), off, 4, v);
        return off + 4;
    }
    case OPT_CALIPSO: {
        if (olen < 8) invalid_len(p, r_len, len_off, "CALIPSO: Invalid Length", olen);
        uint32_t doi = get32(c, off);
        if (c->err) return off;
        tw_add_uint(p, HF(F_OPT_CALIPSO_DOI), off, 4, doi);
        uint8_t cl = get8(c, off + 4);
        if (c->err) return off + 4;
        tw_add_uint(p, HF(F_OPT_CALIPSO_CMPT_LEN), off + 4, 1, cl);
        uint8_t sl = get8(c, off + 5);
        if (c->err) return off + 5;
        tw_add_uint(p, HF(F_OPT_CALIPSO_SENS), off + 5, 1, sl);
        uint16_t ck = get16(c, off + 6);
        if (c->err) return off + 6;
        tw_add_uint(p, HF(F_OPT_CALIPSO_CKSUM), off + 6, 2, ck);
        if (!have(c, off + 8, cl * 4u)) return off + 8;
        tw_add_bytes(p, HF(F_OPT_CALIPSO_BITMAP), c, off + 8, cl * 4u);
        return off + 8 + cl * 4u;
    }
    case OPT_SMF_DPD: {
        uint8_t ht = get8(c, off);
        if (c->err) return off;
        tw_add_bits(p, HF(F_OPT_SMF_HASH), off, 1, ht);
        if (ht & 0x80) {
            if (!have(c, off, olen)) return off;
            tw_add_bytes(p, HF(F_OPT_SMF_HAV), c, off, olen);
            return off + olen;
        }
        tw_add_bits(p, HF(F_OPT_SMF_TID_TYPE), off, 1, ht);
        tw_add_bits(p, HF(F_OPT_SMF_TID_LEN), off, 1, ht);
        off += 1;
        int ident = (int)olen - 1;
        if (ht & 0x70) {
            uint32_t tl = (ht & 0x0fu) + 1;
            if (!have(c, off, tl)) return off;
            tw_add_bytes(p, HF(F_OPT_SMF_TAGGER), c, off, tl);
            off += tl;
            ident -= (int)tl;
        }
        if (ident > 0) {
            if (!have(c, off, (uint32_t)ident)) return off;
            tw_add_bytes(p, HF(F_OPT_SMF_IDENT), c, off, (uint32_t)ident);
            off += (uint32_t)ident;
        }
        return off;
    }
    case OPT_PDM: {
        if (olen != 10) invalid_len(p, r_len, len_off, "PDM: Invalid length", olen);
        static const int f8[2] = {F_OPT_PDM_SCALE_DTLR, F_OPT_PDM_SCALE_DTLS};
        static const int f16[4] = {F_OPT_PDM_PSN_THIS, F_OPT_PDM_PSN_LAST, F_OPT_PDM_DELTA_RECV,
                                   F_OPT_PDM_DELTA_SENT};
        for (int i = 0; i < 2; i++) {
            uint8_t v = get8(c, off);
            if (c->err) return off;
            tw_add_uint(p, HF(f8[i]), off, 1, v);
            off += 1;
        }
        for (int i = 0; i < 4; i++) {
            uint16_t v = get16(c, off);
            if (c->err) return off;
            tw_add_uint(p, HF(f16[i]), off, 2, v);
            off += 2;
        }
        return off;
    }
    case OPT_HOME_ADDRESS: {
        if (olen != 16) invalid_len(p, r_len, len_off, "Home Address: Invalid length", olen);
        if (!have(c, off, 16)) return off;
        tw_add_bytes(p, HF(F_OPT_HOME_ADDRESS), c, off, 16);
        /* the home address is the source the upper layers see (RFC 6275 section 6.3) */
        p->ctx.ip6_home_addr = c->data + off;
        p->net_src = (struct tw_addr){TW_AT_IPv6, 16, c->data + off};
        return off + 16;
    }
    case OPT_ILNP_NONCE:
        if (!have(c, off, olen)) return off;
        tw_add_bytes(p, HF(F_OPT_ILNP_NONCE), c, off, olen);
        return off + olen;
    case OPT_LIO: {
        uint8_t l = get8(c, off);
        if (c->err) return off;
        tw_add_uint(p, HF(F_OPT_LIO_LEN), off, 1, l);
        off += 1;
        uint32_t idl = l;
        if (idl + 1 > olen) idl = olen ? olen - 1u : 0;
        if (!have(c, off, idl)) return off;
        tw_add_ptr(p, HF(F_OPT_LIO_ID), off, idl, c->data + off, idl);
        return off + idl;
    }
    case OPT_MPL: {
        static uint16_t subs[4];
        static const uint8_t seed_len[4] = {0, 2, 8, 16};
        subs[0] = HF(F_OPT_MPL_FLAG_S), subs[1] = HF(F_OPT_MPL_FLAG_M);
        subs[2] = HF(F_OPT_MPL_FLAG_V), subs[3] = HF(F_OPT_MPL_FLAG_RSV);
        uint8_t fl = get8(c, off);
        if (c->err) return off;
        tw_ip6_bitmask(p, HF(F_OPT_MPL_FLAG), subs, 4, off, 1, fl);
        off += 1;
        uint8_t seq = get8(c, off);
        if (c->err) return off;
        tw_add_uint(p, HF(F_OPT_MPL_SEQ), off, 1, seq);
        off += 1;
        uint8_t sl = seed_len[fl >> 6];
        if (sl) {
            if (!have(c, off, sl)) return off;
            tw_add_bytes(p, HF(F_OPT_MPL_SEED), c, off, sl);
            off += sl;
        } else {
            expert_at(p, r_type, EX(E_MPL_SRC_SEED), off - 4, 1, experts[E_MPL_SRC_SEED].summary);
        }
        return off;
    }
    case OPT_IP_DFF: {
        static uint16_t subs[4];
        subs[0] = HF(F_OPT_DFF_VER), subs[1] = HF(F_OPT_DFF_DUP);
        subs[2] = HF(F_OPT_DFF_RET), subs[3] = HF(F_OPT_DFF_RSV);
        if (olen != 3) invalid_len(p, r_len, len_off, "IPv6 DFF: Invalid length", olen);
        uint8_t fl = get8(c, off);
        if (c->err) return off;
        tw_ip6_bitmask(p, HF(F_OPT_DFF_FLAGS), subs, 4, off, 1, fl);
        uint16_t seq = get16(c, off + 1);
        if (c->err) return off + 1;
        tw_add_uint(p, HF(F_OPT_DFF_SEQ), off + 1, 2, seq);
        return off + 3;
    }
    default:
        break;
    }
    if (type != OPT_ENDI && is_experimental_opt(type)) {
        if (!have(c, off, olen)) return off;
        tw_add_bytes(p, HF(F_OPT_EXPERIMENTAL), c, off, olen);
        return off + olen;
    }
    /* unknown (or the deprecated Endpoint Identification) */
    if (!have(c, off, olen)) return off;
    int32_t r = tw_add_bytes(p, HF(F_OPT_UNKNOWN), c, off, olen);
    expert_at(p, r, EX(E_OPT_UNKNOWN_DATA), off, olen, experts[E_OPT_UNKNOWN_DATA].summary);
    if (type == OPT_ENDI)
        expert_at(p, r_type, EX(E_OPT_DEPRECATED), off - 2, 1, experts[E_OPT_DEPRECATED].summary);
    return off + olen;
}

/* the options in [off, end) */
static void dissect_options(struct tw_pkt *p, struct tw_cur *c, uint32_t off, uint32_t end,
                            bool hop, int li)
{
    while (off < end && !c->err) {
        uint8_t type = get8(c, off);
        uint8_t olen = get8(c, off + 1);
        if (c->err) return;
        const char *name = tw_vs_find(opt_type_vals, type);
        char nbuf[40];
        if (!name) {
            snprintf(nbuf, sizeof nbuf, "Unknown IPv6 Option (%u)", type);
            name = nbuf;
        }
        int32_t r_opt = add_none(p, HF(F_OPT), off, 2u + olen);
        if (r_opt >= 0 && tw_want_labels(p)) tw_rec_label(p, r_opt, "%s", name);
        tw_tree_push(p, r_opt);
        int32_t r_type = tw_add_uint(p, HF(F_OPT_TYPE), off, 1, type);
        if (type == OPT_PAD1) {
            add_none(p, HF(F_OPT_PAD1), off, 1);
            off += 1;
            tw_tree_pop(p);
            continue;
        }
        int oh = opt_header(type);
        if (oh == 2 && hop) {
            char m[96];
            snprintf(m, sizeof m, "%s must use a destination options header", name);
            expert_at(p, r_type, EX(E_OPT_HDR_MISMATCH), off, 1, m);
        } else if (oh == 1 && !hop) {
            char m[96];
            snprintf(m, sizeof m, "%s must use a hop-by-hop options header", name);
            expert_at(p, r_type, EX(E_OPT_HDR_MISMATCH), off, 1, m);
        }
        tw_tree_push(p, r_type);
        tw_add_bits(p, HF(F_OPT_ACTION), off, 1, type);
        tw_add_bits(p, HF(F_OPT_CHANGE), off, 1, type);
        tw_add_bits(p, HF(F_OPT_REST), off, 1, type);
        tw_tree_pop(p);
        off += 1;
        int32_t r_len = tw_add_uint(p, HF(F_OPT_LENGTH), off, 1, olen);
        off += 1;
        if (type == OPT_PADN) {
            if (!have(c, off, olen)) break;
            tw_add_bytes(p, HF(F_OPT_PADN), c, off, olen);
            off += olen;
            tw_tree_pop(p);
            continue;
        }
        uint32_t ostart = off;
        off = option_body(p, c, type, olen, off, r_opt, r_type, r_len, li);
        if (c->err) break;
        if (off < ostart + olen) {
            uint32_t n = ostart + olen - off;
            if (!have(c, off, n)) break;
            int32_t r = tw_add_bytes(p, HF(F_OPT_UNKNOWN_DATA), c, off, n);
            expert_at(p, r, EX(E_OPT_UNKNOWN_DATA), off, n, experts[E_OPT_UNKNOWN_DATA].summary);
            off = ostart + olen;
        }
        tw_tree_pop(p);
    }
}

static enum tw_status opts_dissect(struct tw_pkt *p, struct tw_cur *c, bool hop)
{
    const struct tw_proto_ids *pid = hop ? &hop_ids : &dst_ids;
    uint32_t start = c->off;
    info_append_sep(p, hop ? "IPv6 hop-by-hop options" : "IPv6 destination options");
    uint8_t nxt = get8(c, start);
    uint8_t l8 = get8(c, start + 1);
    if (c->err) {
        /* Wireshark reads both before it adds anything */
        tw_layer_itemless(p);
        return TW_OK;
    }
    uint32_t len = ((uint32_t)l8 + 1) * 8;
    int li = chain_layer(p);
    tw_ipv6_add_exthdr_len(p, len);
    int32_t r = exthdr_open(p, pid, start, len);
    if (hop && (p->nlayers < 2 || p->layers[p->nlayers - 2].proto != ids.proto))
        expert_at(p, r, EXH(0), start, len, hop_experts[0].summary);
    tw_add_uint(p, (uint16_t)(pid->base + F_OH_NXT), start, 1, nxt);
    tw_add_uint(p, (uint16_t)(pid->base + F_OH_LEN), start + 1, 1, l8);
    int32_t rl = tw_add_uint(p, (uint16_t)(pid->base + F_OH_LEN_OCT), start + 1, 1, len);
    tw_rec_flags(p, rl, TW_RF_GENERATED);
    dissect_options(p, c, start + 2, start + len, hop, li);
    if (c->err) return TW_OK;
    /* the next header starts after this one; a header running past the packet is an error */
    struct tw_cur t = *c;
    t.off = start;
    if (!tw_cur_skip(&t, len)) {
        c->err = t.err;
        return TW_OK;
    }
    tw_ipv6_next(p, nxt, tw_cur_rest(&t));
    return TW_OK;
}

static enum tw_status hop_dissect(struct tw_pkt *p, struct tw_cur *c)
{
    return opts_dissect(p, c, true);
}
static enum tw_status dst_dissect(struct tw_pkt *p, struct tw_cur *c)
{
    return opts_dissect(p, c, false);
}

static const struct tw_binding hop_bindings[] = {{TW_TBL_IP_PROTO, 0}};
static const struct tw_binding dst_bindings[] = {{TW_TBL_IP_PROTO, 60}};

const struct tw_proto tw_proto_ipv6_hopopts = {
    .abbrev = "ipv6.hopopts",
    .name = "IPv6 Hop-by-Hop Option",
    .short_name = "IPv6 Hop-by-Hop",
    .fields = hop_fields,
    .nfields = F_OH_COUNT,
    .experts = hop_experts,
    .nexperts = TW_ARRAY_LEN(hop_experts),
    .bindings = hop_bindings,
    .nbindings = TW_ARRAY_LEN(hop_bindings),
    .dissect = hop_dissect,
    .ids = &hop_ids,
    .flags = TW_PROTO_NO_COLUMN | TW_PROTO_NO_RECORD,
};

const struct tw_proto tw_proto_ipv6_dstopts = {
    .abbrev = "ipv6.dstopts",
    .name = "Destination Options for IPv6",
    .short_name = "IPv6 Destination",
    .fields = dst_fields,
    .nfields = F_OH_COUNT,
    .bindings = dst_bindings,
    .nbindings = TW_ARRAY_LEN(dst_bindings),
    .dissect = dst_dissect,
    .ids = &dst_ids,
    .flags = TW_PROTO_NO_COLUMN | TW_PROTO_NO_RECORD,
};

/* ---------------------------------------------------------------------------------------------
 * Routing header (RFC 8200 section 4.4)
 * ------------------------------------------------------------------------------------------- */
enum {
    F_RT_NXT, F_RT_LEN, F_RT_LEN_OCT, F_RT_TYPE, F_RT_SEGLEFT, F_RT_UNKNOWN, F_RT_SRC_RESERVED,
    F_RT_SRC_ADDR, F_RT_MIP_RESERVED, F_RT_MIP_HOME, F_RT_RPL_CMPRI, F_RT_RPL_CMPRE, F_RT_RPL_PAD,
    F_RT_RPL_RESERVED, F_RT_RPL_COUNT, F_RT_RPL_ADDR, F_RT_RPL_FULL, F_RT_SRH_LAST, F_RT_SRH_FLAGS,
    F_RT_SRH_TAG, F_RT_SRH_ADDR, F_RT_CRH16_CUR, F_RT_CRH32_CUR, F_RT_CRH16_SID, F_RT_CRH32_SID,
    F_RT_COUNT
};
static const struct tw_field_def rt_fields[F_RT_COUNT] = {
    [F_RT_NXT] = {"ipv6.routing.nxt", "Next Header", TW_FT_UINT8, TW_BASE_DEC, 0, tw_ip6_proto_vals,
                  tw_ip6_proto_rvals},
    [F_RT_LEN] = {"ipv6.routing.len", "Length", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL, NULL,
                  "Extension header length in 8-octet words (minus 1)"},
    [F_RT_LEN_OCT] = {"ipv6.routing.len_oct", "Length", TW_FT_UINT16, TW_BASE_DEC, 0, NULL, NULL,
                      NULL, "Extension header length in octets", " bytes"},
    [F_RT_TYPE] = {"ipv6.routing.type", "Type", TW_FT_UINT8, TW_BASE_DEC, 0, routing_type_vals,
                   NULL, NULL, "Routing Header Type"},
    [F_RT_SEGLEFT] = {"ipv6.routing.segleft", "Segments Left", TW_FT_UINT8, TW_BASE_DEC, 0, NULL,
                      NULL, NULL, "Routing Header Segments Left"},
    [F_RT_UNKNOWN] = {"ipv6.routing.unknown_data", "Type-Specific Data", TW_FT_BYTES, TW_BASE_NONE,
                      0, NULL, NULL, NULL, "Unknown routing header type-specific data"},
    [F_RT_SRC_RESERVED] = {"ipv6.routing.src.reserved", "Reserved", TW_FT_BYTES, TW_BASE_NONE, 0,
                           NULL, NULL, NULL, "Must be zero"},
    [F_RT_SRC_ADDR] = {"ipv6.routing.src.addr", "Address", TW_FT_IPv6, TW_BASE_NONE, 0, NULL, NULL,
                       NULL, "Source Routing Header Address"},
    [F_RT_MIP_RESERVED] = {"ipv6.routing.mipv6.reserved", "Reserved", TW_FT_BYTES, TW_BASE_NONE, 0,
                           NULL, NULL, NULL, "Must be zero"},
    [F_RT_MIP_HOME] = {"ipv6.routing.mipv6.home_address", "Home Address", TW_FT_IPv6, TW_BASE_NONE},
    [F_RT_RPL_CMPRI] = {"ipv6.routing.rpl.cmprI", "Compressed Internal Octets (CmprI)",
                        TW_FT_UINT32, TW_BASE_DEC, 0xf0000000, NULL, NULL, NULL,
                        "Elided octets from all but last segment"},
    [F_RT_RPL_CMPRE] = {"ipv6.routing.rpl.cmprE", "Compressed Final Octets (CmprE)", TW_FT_UINT32,
                        TW_BASE_DEC, 0x0f000000, NULL, NULL, NULL,
                        "Elided octets from last segment address"},
    [F_RT_RPL_PAD] = {"ipv6.routing.rpl.pad", "Padding Bytes", TW_FT_UINT32, TW_BASE_DEC,
                      0x00f00000},
    [F_RT_RPL_RESERVED] = {"ipv6.routing.rpl.reserved", "Reserved", TW_FT_UINT32, TW_BASE_DEC,
                           0x000fffff, NULL, NULL, NULL, "Must be zero"},
    [F_RT_RPL_COUNT] = {"ipv6.routing.rpl.addr_count", "Total Address Count", TW_FT_INT32,
                        TW_BASE_DEC},
    [F_RT_RPL_ADDR] = {"ipv6.routing.rpl.address", "Address", TW_FT_BYTES, TW_BASE_NONE},
    [F_RT_RPL_FULL] = {"ipv6.routing.rpl.full_address", "Full Address", TW_FT_IPv6, TW_BASE_NONE, 0,
                       NULL, NULL, NULL, "Uncompressed IPv6 Address"},
    [F_RT_SRH_LAST] = {"ipv6.routing.srh.last_entry", "Last Entry", TW_FT_UINT8, TW_BASE_DEC, 0,
                       NULL, NULL, NULL,
                       "Index (zero based) of the last element of the Segment List"},
    [F_RT_SRH_FLAGS] = {"ipv6.routing.srh.flags", "Flags", TW_FT_UINT8, TW_BASE_HEX, 0, NULL, NULL,
                        NULL, "Unused, 8 bits of flags"},
    [F_RT_SRH_TAG] = {"ipv6.routing.srh.tag", "Tag", TW_FT_BYTES, TW_BASE_NONE, 0, NULL, NULL, NULL,
                      "Tag a packet as part of a class or group of packets"},
    [F_RT_SRH_ADDR] = {"ipv6.routing.srh.addr", "Address", TW_FT_IPv6, TW_BASE_NONE, 0, NULL, NULL,
                       NULL, "Segment address"},
    [F_RT_CRH16_CUR] = {"ipv6.routing.crh16.current_sid", "Current SID", TW_FT_UINT16, TW_BASE_DEC,
                        0, NULL, NULL, NULL, "Value of the current Segment ID"},
    [F_RT_CRH32_CUR] = {"ipv6.routing.crh32.current_sid", "Current SID", TW_FT_UINT32, TW_BASE_DEC,
                        0, NULL, NULL, NULL, "Value of the current Segment ID"},
    [F_RT_CRH16_SID] = {"ipv6.routing.crh16.sid", "Segment ID", TW_FT_UINT16, TW_BASE_DEC, 0, NULL,
                        NULL, NULL, "Segment address"},
    [F_RT_CRH32_SID] = {"ipv6.routing.crh32.sid", "Segment ID", TW_FT_UINT32, TW_BASE_DEC, 0, NULL,
                        NULL, NULL, "Segment address"},
};
enum {
    E_RT_DST_MCAST, E_RT_MULT_SAME, E_RT_SRC_ADDR, E_RT_DST_ADDR, E_RT_MCAST_ADDR, E_RT_RPL_PAD,
    E_RT_RPL_COUNT, E_RT_RPL_RESERVED, E_RT_INVALID_LEN, E_RT_INVALID_SEGLEFT, E_RT_UNDECODED,
    E_RT_DEPRECATED,
};
static const struct tw_expert_def rt_experts[] = {
    [E_RT_DST_MCAST] = {"ipv6.dst_addr.not_multicast", "decoder.ipv6.rt_dst_multicast", TW_SEV_WARN,
                        TW_GRP_PROTOCOL, "Destination address must not be a multicast address"},
    [E_RT_MULT_SAME] = {"ipv6.src_route_list.mult_inst_same_addr", "decoder.ipv6.rt_same_addr",
                        TW_SEV_WARN, TW_GRP_PROTOCOL,
                        "Multiple instances of the same address must not appear in the source "
                        "route list"},
    [E_RT_SRC_ADDR] = {"ipv6.src_route_list.src_addr", "decoder.ipv6.rt_src_addr", TW_SEV_WARN,
                       TW_GRP_PROTOCOL, "Source address must not appear in the source route list"},
    [E_RT_DST_ADDR] = {"ipv6.src_route_list.dst_addr", "decoder.ipv6.rt_dst_addr", TW_SEV_WARN,
                       TW_GRP_PROTOCOL,
                       "Destination address must not appear in the source route list"},
    [E_RT_MCAST_ADDR] = {"ipv6.src_route_list.multicast_addr", "decoder.ipv6.rt_multicast_addr",
                         TW_SEV_WARN, TW_GRP_PROTOCOL,
                         "Multicast addresses must not appear in the source route list"},
    [E_RT_RPL_PAD] = {"ipv6.routing.rpl.cmprI_cmprE_pad", "decoder.ipv6.rpl_pad", TW_SEV_WARN,
                      TW_GRP_PROTOCOL,
                      "When cmprI equals 0 and cmprE equals 0, pad MUST equal 0 but instead was "
                      "X"},
    [E_RT_RPL_COUNT] = {"ipv6.routing.rpl.addr_count_ge0", "decoder.ipv6.rpl_addr_count",
                        TW_SEV_ERROR, TW_GRP_MALFORMED,
                        "Calculated total address count must be greater than or equal to 0, "
                        "instead was X"},
    [E_RT_RPL_RESERVED] = {"ipv6.routing.rpl.reserved_not0", "decoder.ipv6.rpl_reserved",
                           TW_SEV_NOTE, TW_GRP_PROTOCOL,
                           "Reserved field must equal 0 but instead was X"},
    [E_RT_INVALID_LEN] = {"ipv6.routing.invalid_length", "decoder.ipv6.rt_invalid_length",
                          TW_SEV_ERROR, TW_GRP_MALFORMED, "Invalid IPv6 Routing header length"},
    [E_RT_INVALID_SEGLEFT] = {"ipv6.routing.invalid_segleft", "decoder.ipv6.rt_invalid_segleft",
                              TW_SEV_WARN, TW_GRP_PROTOCOL,
                              "IPv6 Routing Header segments left field must not exceed address "
                              "count"},
    [E_RT_UNDECODED] = {"ipv6.routing.undecoded", "decoder.ipv6.rt_undecoded", TW_SEV_NOTE,
                        TW_GRP_UNDECODED, "Undecoded IPv6 routing header field"},
    [E_RT_DEPRECATED] = {"ipv6.routing.deprecated", "decoder.ipv6.rt_deprecated", TW_SEV_NOTE,
                         TW_GRP_DEPRECATED, "Routing header type is deprecated"},
};

struct rt_hdr {
    uint8_t len, type, segleft;
    uint32_t start; /* absolute offset of the header */
    int32_t r_len, r_type, r_segleft;
};

/* "Address[n]: addr" */
static int32_t rt_addr(struct tw_pkt *p, uint16_t hf, uint32_t off, uint32_t len, const uint8_t *a,
                       int idx)
{
    int32_t r = tw_add_ptr(p, hf, off, len, a, 16);
    if (r >= 0 && tw_want_labels(p)) {
        char s[48];
        tw_fmt_ipv6(s, a);
        tw_rec_label(p, r, "Address[%d]: %s", idx, s);
    }
    return r;
}

static void rt_mcast_check(struct tw_pkt *p, int32_t r, const uint8_t *a, uint32_t off,
                           uint32_t len)
{
    if (is_multicast(a))
        expert_at(p, r, EXR(E_RT_MCAST_ADDR), off, len, rt_experts[E_RT_MCAST_ADDR].summary);
}

/* the destination the upper layers see (Wireshark's pinfo->dst) */
static void rt_set_dst(struct tw_pkt *p, const uint8_t *a)
{
    if (p->net_dst.type != TW_AT_IPv6) return;
    p->ctx.ip6_final_dst = a;
    p->net_dst = (struct tw_addr){TW_AT_IPv6, 16, a};
}

static const uint8_t *cur_dst(const struct tw_pkt *p)
{
    if (p->ctx.ip6_final_dst) return p->ctx.ip6_final_dst;
    return p->ctx.ip_dst.type == TW_AT_IPv6 ? p->ctx.ip_dst.p : NULL;
}
static const uint8_t *cur_src(const struct tw_pkt *p)
{
    if (p->ctx.ip6_home_addr) return p->ctx.ip6_home_addr;
    return p->ctx.ip_src.type == TW_AT_IPv6 ? p->ctx.ip_src.p : NULL;
}

static void rt_type0(struct tw_pkt *p, struct tw_cur *t, const struct rt_hdr *rh)
{
    uint32_t off = t->off;
    if (!have(t, off, 4)) return;
    tw_add_bytes(p, HFR(F_RT_SRC_RESERVED), t, off, 4);
    off += 4;
    if (rh->len % 2)
        expert_at(p, rh->r_len, EXR(E_RT_INVALID_LEN), rh->start + 1, 1,
                  "IPv6 Routing Header extension header length must not be odd");
    unsigned count = rh->len / 2u;
    if (rh->segleft > count) {
        char m[112];
        snprintf(m, sizeof m,
                 "IPv6 Type 0 Routing Header segments left field must not exceed address count "
                 "(%u)",
                 count);
        expert_at(p, rh->r_segleft, EXR(E_RT_INVALID_SEGLEFT), rh->start + 3, 1, m);
    }
    const uint8_t *a = NULL;
    for (unsigned i = 1; i <= count; i++) {
        if (!have(t, off, 16)) return;
        a = t->data + off;
        int32_t r = rt_addr(p, HFR(F_RT_SRC_ADDR), off, 16, a, (int)i);
        rt_mcast_check(p, r, a, off, 16);
        off += 16;
    }
    if (a && rh->segleft > 0) rt_set_dst(p, a);
    expert_at(p, rh->r_type, EXR(E_RT_DEPRECATED), rh->start + 2, 1,
              rt_experts[E_RT_DEPRECATED].summary);
}

static void rt_type2(struct tw_pkt *p, struct tw_cur *t, const struct rt_hdr *rh)
{
    uint32_t off = t->off;
    if (!have(t, off, 4)) return;
    tw_add_bytes(p, HFR(F_RT_MIP_RESERVED), t, off, 4);
    off += 4;
    if (rh->len != 2)
        expert_at(p, rh->r_len, EXR(E_RT_INVALID_LEN), rh->start + 1, 1,
                  "IPv6 Type 2 Routing Header extension header length must equal 2");
    if (rh->segleft != 1)
        expert_at(p, rh->r_segleft, EXR(E_RT_INVALID_SEGLEFT), rh->start + 3, 1,
                  "IPv6 Type 2 Routing Header segments left field must equal 1");
    if (!have(t, off, 16)) return;
    const uint8_t *a = t->data + off;
    int32_t r = rt_addr(p, HFR(F_RT_MIP_HOME), off, 16, a, 1);
    rt_mcast_check(p, r, a, off, 16);
    if (rh->segleft > 0) rt_set_dst(p, a);
}

static void rt_type3(struct tw_pkt *p, struct tw_cur *t, const struct rt_hdr *rh, int32_t r_rt)
{
    const uint8_t *dst = cur_dst(p), *src = cur_src(p);
    if (!dst || !src || p->net_dst.type != TW_AT_IPv6) return;
    if (is_multicast(dst))
        expert_at(p, r_rt, EXR(E_RT_DST_MCAST), rh->start, 0, rt_experts[E_RT_DST_MCAST].summary);
    uint32_t off = t->off;
    uint32_t w = get32(t, off);
    if (t->err) return;
    tw_add_bits(p, HFR(F_RT_RPL_CMPRI), off, 4, w);
    tw_add_bits(p, HFR(F_RT_RPL_CMPRE), off, 4, w);
    int32_t r = tw_add_bits(p, HFR(F_RT_RPL_PAD), off, 4, w);
    int cmpri = (int)(w >> 28), cmpre = (int)((w >> 24) & 0xf), pad = (int)((w >> 20) & 0xf);
    if (cmpri == 0 && cmpre == 0 && pad != 0) {
        char m[96];
        snprintf(m, sizeof m,
                 "When cmprI equals 0 and cmprE equals 0, pad MUST equal 0 but instead was %d",
                 pad);
        expert_at(p, r, EXR(E_RT_RPL_PAD), off, 4, m);
    }
    r = tw_add_bits(p, HFR(F_RT_RPL_RESERVED), off, 4, w);
    if (w & 0xfffff) {
        char m[80];
        snprintf(m, sizeof m, "Reserved field must equal 0 but instead was %d", (int)(w & 0xfffff));
        expert_at(p, r, EXR(E_RT_RPL_RESERVED), off, 4, m);
    }
    int count = 0;
    if (rh->len > 0) count = ((rh->len * 8 - pad - (16 - cmpre)) / (16 - cmpri)) + 1;
    r = tw_add_int(p, HFR(F_RT_RPL_COUNT), off, 2, count);
    tw_rec_flags(p, r, TW_RF_GENERATED);
    if (count < 0) {
        char m[112];
        snprintf(m, sizeof m,
                 "Calculated total address count must be greater than or equal to 0, instead "
                 "was %d",
                 count);
        expert_at(p, r, EXR(E_RT_RPL_COUNT), off, 2, m);
    } else if (rh->segleft > count) {
        char m[112];
        snprintf(m, sizeof m,
                 "IPv6 RPL Routing Header segments left field must not exceed address count (%d)",
                 count);
        expert_at(p, rh->r_segleft, EXR(E_RT_INVALID_SEGLEFT), rh->start + 3, 1, m);
    }
    off += 4;
    for (int i = 1; i <= count && !t->err; i++) {
        uint32_t n = (uint32_t)(i == count ? 16 - cmpre : 16 - cmpri);
        if (!have(t, off, n)) return;
        tw_add_bytes(p, HFR(F_RT_RPL_ADDR), t, off, n);
        uint8_t *full = tw_arena_alloc(p->arena, 16);
        if (!full) return;
        memcpy(full, dst, 16);
        memcpy(full + 16 - n, t->data + off, n);
        r = rt_addr(p, HFR(F_RT_RPL_FULL), off, n, full, i);
        tw_rec_flags(p, r, TW_RF_GENERATED);
        if (memcmp(full, src, 16) == 0)
            expert_at(p, r, EXR(E_RT_SRC_ADDR), off, n, rt_experts[E_RT_SRC_ADDR].summary);
        if (memcmp(full, dst, 16) == 0)
            expert_at(p, r, EXR(E_RT_DST_ADDR), off, n, rt_experts[E_RT_DST_ADDR].summary);
        rt_mcast_check(p, r, full, off, n);
        if (rh->segleft > 0) {
            rt_set_dst(p, full);
            dst = full;
        }
        off += n;
    }
}

static void rt_type4(struct tw_pkt *p, struct tw_cur *t, const struct rt_hdr *rh)
{
    uint32_t off = t->off;
    uint8_t last = get8(t, off);
    if (t->err) return;
    tw_add_uint(p, HFR(F_RT_SRH_LAST), off, 1, last);
    unsigned count = last + 1u;
    uint8_t fl = get8(t, off + 1);
    if (t->err) return;
    tw_add_uint(p, HFR(F_RT_SRH_FLAGS), off + 1, 1, fl);
    if (!have(t, off + 2, 2)) return;
    tw_add_bytes(p, HFR(F_RT_SRH_TAG), t, off + 2, 2);
    off += 4;
    if (rh->segleft > count) {
        char m[112];
        snprintf(m, sizeof m,
                 "IPv6 Type 4 Routing Header segments left field must not exceed address count "
                 "(%u)",
                 count);
        expert_at(p, rh->r_segleft, EXR(E_RT_INVALID_SEGLEFT), rh->start + 3, 1, m);
    }
    if (rh->segleft > 0 && p->net_dst.type == TW_AT_IPv6) {
        if (!have(t, off, 16)) return;
        rt_set_dst(p, t->data + off);
    }
    for (unsigned i = 0; i < count; i++) {
        uint32_t ao = off + i * 16;
        if (!have(t, ao, 16)) return;
        rt_addr(p, HFR(F_RT_SRH_ADDR), ao, 16, t->data + ao, (int)i);
    }
}

static void rt_crh(struct tw_pkt *p, struct tw_cur *t, const struct rt_hdr *rh)
{
    bool is16 = rh->type == 5;
    unsigned per = is16 ? 2 : 4, per_word = is16 ? 4 : 2;
    unsigned count = is16 ? rh->len * 4u + 2 : rh->len * 2u + 1;
    unsigned first = is16 ? 2 : 1;
    int min_len = -1;
    if (rh->segleft <= first) min_len = 0;
    if (min_len) {
        unsigned beyond = (unsigned)(rh->segleft - first);
        min_len = (int)(beyond / per_word + (beyond % per_word ? 1 : 0));
    }
    if (min_len > rh->len) {
        char m[112];
        snprintf(m, sizeof m,
                 "IPv6 Compact Routing Header minimum length must not exceed header length (%u)",
                 rh->len);
        expert_at(p, rh->r_len, EXR(E_RT_INVALID_LEN), rh->start + 1, 1, m);
    }
    uint32_t off = t->off;
    uint32_t co = off + per * rh->segleft;
    uint32_t cur = is16 ? get16(t, co) : get32(t, co);
    if (t->err) return;
    int32_t r = tw_add_uint(p, HFR(is16 ? F_RT_CRH16_CUR : F_RT_CRH32_CUR), co, per, cur);
    tw_rec_flags(p, r, TW_RF_GENERATED);
    uint32_t sid = is16 ? get16(t, off) : get32(t, off);
    if (t->err) return;
    int32_t st = tw_add_text(p, off, t->end - off, "Segment Identifiers");
    tw_tree_push(p, st);
    for (unsigned i = 0; i < count && sid; i++) {
        r = tw_add_uint(p, HFR(is16 ? F_RT_CRH16_SID : F_RT_CRH32_SID), off, per, sid);
        if (tw_want_labels(p)) tw_rec_label(p, r, "SID[%u] = %u", i, sid);
        off += per;
        sid = is16 ? get16(t, off) : get32(t, off);
        if (t->err) break;
    }
    tw_tree_pop(p);
}

static enum tw_status rt_dissect(struct tw_pkt *p, struct tw_cur *c)
{
    uint32_t start = c->off;
    info_append_sep(p, "IPv6 routing");
    struct rt_hdr rh = {0};
    rh.start = start;
    int32_t r_rt = exthdr_open(p, &rt_ids, start, tw_cur_left(c));
    uint8_t nxt = get8(c, start);
    if (c->err) return TW_OK;
    tw_add_uint(p, HFR(F_RT_NXT), start, 1, nxt);
    rh.len = get8(c, start + 1);
    if (c->err) return TW_OK;
    rh.r_len = tw_add_uint(p, HFR(F_RT_LEN), start + 1, 1, rh.len);
    uint32_t total = ((uint32_t)rh.len + 1) * 8;
    tw_rec_setlen(p, r_rt, total);
    int32_t r = tw_add_uint(p, HFR(F_RT_LEN_OCT), start + 1, 1, total);
    tw_rec_flags(p, r, TW_RF_GENERATED);
    tw_ipv6_add_exthdr_len(p, total);
    rh.type = get8(c, start + 2);
    if (c->err) return TW_OK;
    rh.r_type = tw_add_uint(p, HFR(F_RT_TYPE), start + 2, 1, rh.type);
    if (r_rt >= 0 && tw_want_labels(p)) {
        const char *tn = tw_vs_find(routing_type_vals, rh.type);
        if (tn)
            tw_rec_label(p, r_rt, "Routing Header for IPv6 (%s)", tn);
        else
            tw_rec_label(p, r_rt, "Routing Header for IPv6 (Unknown type %u)", rh.type);
    }
    rh.segleft = get8(c, start + 3);
    if (c->err) return TW_OK;
    rh.r_segleft = tw_add_uint(p, HFR(F_RT_SEGLEFT), start + 3, 1, rh.segleft);

    /* the type-specific data: a view of total - 4 bytes, as far as the packet has them */
    struct tw_cur t = *c;
    t.off = start + 4;
    uint32_t avail_end = TW_MIN(c->end, c->cap);
    t.end = start + total;
    t.cap = TW_MIN(avail_end, t.end);
    switch (rh.type) {
    case 0:
        rt_type0(p, &t, &rh);
        break;
    case 2:
        rt_type2(p, &t, &rh);
        break;
    case 3:
        rt_type3(p, &t, &rh, r_rt);
        break;
    case 4:
        rt_type4(p, &t, &rh);
        break;
    case 5:
    case 6:
        rt_crh(p, &t, &rh);
        break;
    default:
        if (have(&t, start + 4, total - 4)) {
            r = tw_add_bytes(p, HFR(F_RT_UNKNOWN), &t, start + 4, total - 4);
            expert_at(p, r, EXR(E_RT_UNDECODED), start + 4, total - 4,
                      rt_experts[E_RT_UNDECODED].summary);
        }
        break;
    }
    if (t.err) {
        c->err = t.err;
        return TW_OK;
    }
    struct tw_cur n = *c;
    n.off = start;
    if (!tw_cur_skip(&n, total)) {
        c->err = n.err;
        return TW_OK;
    }
    tw_ipv6_next(p, nxt, tw_cur_rest(&n));
    return TW_OK;
}

static const struct tw_binding rt_bindings[] = {{TW_TBL_IP_PROTO, 43}};

const struct tw_proto tw_proto_ipv6_routing = {
    .abbrev = "ipv6.routing",
    .name = "Routing Header for IPv6",
    .short_name = "IPv6 Routing",
    .fields = rt_fields,
    .nfields = F_RT_COUNT,
    .experts = rt_experts,
    .nexperts = TW_ARRAY_LEN(rt_experts),
    .bindings = rt_bindings,
    .nbindings = TW_ARRAY_LEN(rt_bindings),
    .dissect = rt_dissect,
    .ids = &rt_ids,
    .flags = TW_PROTO_NO_COLUMN | TW_PROTO_NO_RECORD,
};

/* ---------------------------------------------------------------------------------------------
 * Fragment header (RFC 8200 section 4.5)
 * ------------------------------------------------------------------------------------------- */
enum { F_FR_NXT, F_FR_RES_OCTET, F_FR_OFFSET, F_FR_RES_BITS, F_FR_MORE, F_FR_IDENT, F_FR_COUNT };
static const struct tw_field_def frag_fields[F_FR_COUNT] = {
    [F_FR_NXT] = {"ipv6.fraghdr.nxt", "Next header", TW_FT_UINT8, TW_BASE_DEC, 0, tw_ip6_proto_vals,
                  tw_ip6_proto_rvals},
    [F_FR_RES_OCTET] = {"ipv6.fraghdr.reserved_octet", "Reserved octet", TW_FT_UINT8, TW_BASE_HEX,
                        0, NULL, NULL, NULL, "Should always be 0"},
    [F_FR_OFFSET] = {"ipv6.fraghdr.offset", "Offset", TW_FT_UINT16, TW_BASE_DEC, 0xfff8, NULL, NULL,
                     NULL, "Fragment Offset"},
    [F_FR_RES_BITS] = {"ipv6.fraghdr.reserved_bits", "Reserved bits", TW_FT_UINT16, TW_BASE_DEC,
                       0x0006},
    [F_FR_MORE] = {"ipv6.fraghdr.more", "More Fragments", TW_FT_BOOLEAN, 16, 0x0001, NULL, NULL,
                   &tw_tfs_yes_no},
    [F_FR_IDENT] = {"ipv6.fraghdr.ident", "Identification", TW_FT_UINT32, TW_BASE_HEX, 0, NULL,
                    NULL, NULL, "Fragment Identification"},
};

static enum tw_status frag_dissect(struct tw_pkt *p, struct tw_cur *c)
{
    uint32_t start = c->off;
    uint8_t nxt = get8(c, start);
    uint16_t offlg = get16(c, start + 2);
    uint32_t ident = get32(c, start + 4);
    if (c->err) {
        tw_layer_itemless(p); /* as above: read before the item is added */
        return TW_OK;
    }
    uint16_t foff = offlg & 0xfff8;
    bool more = offlg & 1;
    tw_info_clear(p);
    tw_info_printf(p, "IPv6 fragment (off=%u more=%s ident=0x%08x nxt=%u)", foff, more ? "y" : "n",
                   ident, nxt);
    int li = chain_layer(p);
    tw_ipv6_add_exthdr_len(p, 8);
    int32_t r_fr = exthdr_open(p, &frag_ids, start, 8);
    if (li >= 0 && p->layers[li].priv[1] != 0)
        expert_at(p, r_fr, EX(E_JUMBO_FRAGMENT), start, 8, experts[E_JUMBO_FRAGMENT].summary);
    tw_add_uint(p, HFF(F_FR_NXT), start, 1, nxt);
    tw_add_uint(p, HFF(F_FR_RES_OCTET), start + 1, 1, c->data[start + 1]);
    int32_t r = tw_add_bits(p, HFF(F_FR_OFFSET), start + 2, 2, offlg);
    if (r >= 0 && tw_want_labels(p)) {
        char pre[40];
        tw_ip6_bits_prefix(pre, sizeof pre, 0xfff8, 16, offlg);
        tw_rec_label(p, r, "%sOffset: %u (%u bytes)", pre, foff >> 3, foff);
    }
    tw_add_bits(p, HFF(F_FR_RES_BITS), start + 2, 2, offlg);
    tw_add_bits(p, HFF(F_FR_MORE), start + 2, 2, offlg);
    tw_add_uint(p, HFF(F_FR_IDENT), start + 4, 4, ident);
    struct tw_cur n = *c;
    n.off = start;
    if (!tw_cur_skip(&n, 8)) {
        c->err = n.err;
        return TW_OK;
    }
    struct tw_cur rest = tw_cur_rest(&n);
    int32_t frag_plen = li >= 0 ? (int32_t)p->layers[li].priv[2] : 0;
    /* each fragment is published as itself; a reassembled datagram is not published again */
    if (frag_plen > 0 && (foff != 0 || more) && tw_tap_wanted(p, TW_TAP_IP)) {
        struct tw_cur fr = rest;
        if (fr.end > fr.off + (uint32_t)frag_plen) fr.end = fr.off + (uint32_t)frag_plen;
        if (fr.cap > fr.end) fr.cap = fr.end;
        publish_tap(p, li, nxt, &fr, true, ident, foff, more);
    }
    const uint8_t *fp;
    if (frag_plen > 0 && (foff != 0 || more) && pref_reassemble &&
        tw_cur_try_peek(&rest, 0, (uint32_t)frag_plen, &fp) && p->net_src.type == TW_AT_IPv6 &&
        p->net_dst.type == TW_AT_IPv6) {
        /* Wireshark's key: the header's addresses and the identification */
        uint8_t key[36];
        memcpy(key, p->net_src.p, 16);
        memcpy(key + 16, p->net_dst.p, 16);
        memcpy(key + 32, &ident, 4);
        struct tw_reasm_result res;
        if (tw_reasm_add(&reasm, p, key, sizeof key, foff, fp, (uint32_t)frag_plen, more, &res)) {
            /* the fragment that completed the datagram says so in its tap item */
            for (const struct tw_tap_item *it = tw_tap_next(p, TW_TAP_IP, NULL); it;
                 it = tw_tap_next(p, TW_TAP_IP, it)) {
                struct tw_tap_ip *t = (struct tw_tap_ip *)(uintptr_t)it->data;
                if (t->layer == (uint32_t)li && t->fragment) t->reassembled = true;
            }
            struct tw_cur rc = tw_new_source(p, res.data, res.len, "Reassembled IPv6");
            const struct tw_reasm_fields rf = {
                HF(F_FRAGMENTS),          HF(F_FRAGMENT),          HF(F_FRAG_ERROR),
                HF(F_FRAG_OVERLAP),       HF(F_FRAG_OVERLAP_CONFLICT),
                HF(F_FRAG_MULTIPLE_TAILS), HF(F_FRAG_TOO_LONG),    HF(F_FRAG_COUNT),
                HF(F_REASSEMBLED_LENGTH), HF(F_REASSEMBLED_DATA),  "IPv6 Fragment",
                "IPv6 Fragments"};
            tw_tree_pop(p); /* back to the IPv6 line, where Wireshark puts the fragment tree */
            tw_reasm_tree(p, &res, &rf);
            if (res.flags & (TW_FRAG_CONFLICT | TW_FRAG_MULTIPLE_TAILS | TW_FRAG_TOO_LONG))
                tw_info_set(p, "[Illegal IPv6 fragments]");
            p->layers[li].priv[2] = 0;
            p->ctx.ip_fragment = false;
            tw_ipv6_next(p, nxt, rc);
            return TW_OK;
        }
    }
    if (frag_plen > 0 && (foff != 0 || more) && !pref_reassemble && foff == 0) {
        /* not reassembling: the first fragment is dissected for what it holds */
        p->ctx.ip_fragment = true;
        tw_ipv6_next(p, nxt, rest);
        return TW_OK;
    }
    if (frag_plen > 0 && (foff != 0 || more)) {
        /* part of a datagram not (yet) reassembled: shown as data */
        p->ctx.ip_fragment = true;
        p->ctx.ip_proto = nxt;
        tw_next(p, TW_TBL_NAME, TW_KEY_DATA, rest);
        return TW_OK;
    }
    tw_ipv6_next(p, nxt, rest);
    return TW_OK;
}

static const struct tw_binding frag_bindings[] = {{TW_TBL_IP_PROTO, 44}};

const struct tw_proto tw_proto_ipv6_fraghdr = {
    .abbrev = "ipv6.fraghdr",
    .name = "Fragment Header for IPv6",
    .short_name = "IPv6 Fragment",
    .fields = frag_fields,
    .nfields = F_FR_COUNT,
    .bindings = frag_bindings,
    .nbindings = TW_ARRAY_LEN(frag_bindings),
    .dissect = frag_dissect,
    .ids = &frag_ids,
    .flags = TW_PROTO_NO_COLUMN | TW_PROTO_NO_RECORD,
};
