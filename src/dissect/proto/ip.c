/* Internet Protocol version 4 (RFC 791; DSCP/ECN per RFC 2474 and RFC 3168; options per the
 * IANA "IP Option Numbers" registry: RFC 791, 1063, 1108, 1393, 1770, 2113, 4782, and the CIPSO
 * draft). Shown the way tshark 4.0 shows it, including its handling of broken headers.
 *
 *    0                   1                   2                   3
 *    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |Version|  IHL  |  DSCP     |ECN|          Total Length         |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |         Identification        |Flags|      Fragment Offset    |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |  Time to Live |    Protocol   |         Header Checksum       |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                       Source Address                          |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                    Destination Address                        |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                    Options (IHL > 5)                          |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * Reading order matters: like tshark, fields are shown as far as the bytes go, and a read past
 * the end stops the header there (the source column may be set while the destination is not).
 *
 * Fragments: a datagram that is a fragment (MF set or offset non-zero) is shown as
 * "Fragmented IP protocol (...)" with its payload as data, except the fragment that completes a
 * reassembly (ip.defragment, on by default as in tshark): keyed as Wireshark keys it (addresses,
 * protocol ^ identification), it shows the fragment tree and hands the reassembled payload (a
 * new data source, "Reassembled IPv4") to the protocol. Only fragments whose bytes were all
 * captured, with an unverified or good header checksum, take part, as in tshark.
 */
#include "../dissect.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static struct tw_proto_ids ids;
#define HF(x) ((uint16_t)(ids.base + (x)))
#define EX(x) ((uint16_t)(ids.expert_base + (x)))

/* preferences (tshark's defaults) */
static bool pref_check_checksum = false;
static bool pref_tso = true;
static bool pref_defragment = true;
static bool pref_dscp = true;
static bool pref_security_flag = false;
/* trawl's own preference, off by default (tshark has no equivalent): dissect the payload of a
 * fragment as the protocol its header names, as if it began the datagram. `--hex` turns it on
 * unless -o says otherwise: a frame pasted from a tutorial or a log stands alone, and its reader
 * wants the layers it carries even when the header calls it a fragment. */
static bool pref_fragment_payload = false;

static struct tw_reasm reasm;

/* RFC 1918 private (10/8, 172.16/12, 192.168/16) or RFC 3927 link-local (169.254/16) */
static bool private_or_link_local(const uint8_t a[4])
{
    return a[0] == 10 || (a[0] == 172 && (a[1] & 0xf0) == 16) || (a[0] == 192 && a[1] == 168) ||
           (a[0] == 169 && a[1] == 254);
}

enum {
    F_VERSION,
    F_HDR_LEN,
    F_DSFIELD,
    F_DSCP,
    F_ECN,
    F_TOS,
    F_TOS_PREC,
    F_TOS_DELAY,
    F_TOS_THROUGHPUT,
    F_TOS_RELIABILITY,
    F_TOS_COST,
    F_LEN,
    F_ID,
    F_DST,
    F_DST_HOST,
    F_SRC,
    F_SRC_HOST,
    F_ADDR,
    F_HOST,
    F_FLAGS,
    F_FLAGS_SF,
    F_FLAGS_RB,
    F_FLAGS_DF,
    F_FLAGS_MF,
    F_FRAG_OFFSET,
    F_TTL,
    F_PROTO,
    F_CHECKSUM,
    F_CHECKSUM_CALC,
    F_CHECKSUM_STATUS,
    F_OPT_TYPE,
    F_OPT_TYPE_COPY,
    F_OPT_TYPE_CLASS,
    F_OPT_TYPE_NUMBER,
    F_OPT_LEN,
    F_OPT_PTR,
    F_OPT_SID,
    F_OPT_MTU,
    F_OPT_ID_NUMBER,
    F_OPT_OHC,
    F_OPT_RHC,
    F_OPT_ORIGINATOR,
    F_OPT_RA,
    F_OPT_ADDR,
    F_OPT_PADDING,
    F_OPT_QS_FUNC,
    F_OPT_QS_RATE,
    F_OPT_QS_TTL,
    F_OPT_QS_TTL_DIFF,
    F_OPT_QS_UNUSED,
    F_OPT_QS_NONCE,
    F_OPT_QS_RESERVED,
    F_OPT_SEC_RFC791_SEC,
    F_OPT_SEC_RFC791_COMP,
    F_OPT_SEC_RFC791_HR,
    F_OPT_SEC_RFC791_TCC,
    F_OPT_SEC_CL,
    F_OPT_SEC_PAF,
    F_OPT_SEC_GENSER,
    F_OPT_SEC_SIOP_ESI,
    F_OPT_SEC_SCI,
    F_OPT_SEC_NSA,
    F_OPT_SEC_DOE,
    F_OPT_SEC_UNASSIGNED,
    F_OPT_SEC_FTI,
    F_OPT_ESEC_FORMAT,
    F_OPT_ESEC_INFO,
    F_REC_RT,
    F_REC_RT_HOST,
    F_CUR_RT,
    F_CUR_RT_HOST,
    F_SRC_RT,
    F_SRC_RT_HOST,
    F_EMPTY_RT,
    F_EMPTY_RT_HOST,
    F_CIPSO_TAG_TYPE,
    F_FRAG_OVERLAP,
    F_FRAG_OVERLAP_CONFLICT,
    F_FRAG_MULTIPLE_TAILS,
    F_FRAG_TOO_LONG,
    F_FRAG_ERROR,
    F_FRAG_COUNT,
    F_FRAGMENT,
    F_FRAGMENTS,
    F_REASSEMBLED_IN,
    F_REASSEMBLED_LENGTH,
    F_REASSEMBLED_DATA,
    F_CIPSO_DOI,
    F_CIPSO_LEVEL,
    F_CIPSO_CATEGORIES,
    F_CIPSO_TAG_DATA,
    F_OPT_OVERFLOW,
    F_OPT_FLAG,
    F_OPT_TIME_STAMP,
    F_OPT_TIME_STAMP_ADDR,
    /* Wireshark registers each option as a little protocol of its own (FT_BYTES) */
    F_O_EOL,
    F_O_NOP,
    F_O_SECURITY,
    F_O_LSR,
    F_O_TS,
    F_O_ESEC,
    F_O_CIPSO,
    F_O_RR,
    F_O_SID,
    F_O_SSR,
    F_O_MTUP,
    F_O_MTUR,
    F_O_TR,
    F_O_RA,
    F_O_SDB,
    F_O_QS,
    F_COUNT
};

static const struct tw_vs dscp_vals[] = {
    {0, "Default"},
    {1, "Lower Effort"},
    {8, "Class Selector 1"},
    {10, "Assured Forwarding 11"},
    {12, "Assured Forwarding 12"},
    {14, "Assured Forwarding 13"},
    {16, "Class Selector 2"},
    {18, "Assured Forwarding 21"},
    {20, "Assured Forwarding 22"},
    {22, "Assured Forwarding 23"},
    {24, "Class Selector 3"},
    {26, "Assured Forwarding 31"},
    {28, "Assured Forwarding 32"},
    {30, "Assured Forwarding 33"},
    {32, "Class Selector 4"},
    {34, "Assured Forwarding 41"},
    {36, "Assured Forwarding 42"},
    {38, "Assured Forwarding 43"},
    {40, "Class Selector 5"},
    {44, "Voice Admit"},
    {46, "Expedited Forwarding"},
    {48, "Class Selector 6"},
    {56, "Class Selector 7"},
    {0, NULL}};
/* the short forms in the DS field's summary */
static const struct tw_vs dscp_short_vals[] = {
    {0, "CS0"},   {1, "LE"},    {8, "CS1"},   {10, "AF11"}, {12, "AF12"},   {14, "AF13"},
    {16, "CS2"},  {18, "AF21"}, {20, "AF22"}, {22, "AF23"}, {24, "CS3"},    {26, "AF31"},
    {28, "AF32"}, {30, "AF33"}, {32, "CS4"},  {34, "AF41"}, {36, "AF42"},   {38, "AF43"},
    {40, "CS5"},  {44, "VA"},   {46, "EF PHB"}, {48, "CS6"}, {56, "CS7"},   {0, NULL}};
static const struct tw_vs ecn_vals[] = {{0, "Not ECN-Capable Transport"},
                                        {1, "ECN-Capable Transport codepoint '01'"},
                                        {2, "ECN-Capable Transport codepoint '10'"},
                                        {3, "Congestion Experienced"},
                                        {0, NULL}};
static const struct tw_vs ecn_short_vals[] = {
    {0, "Not-ECT"}, {1, "ECT(1)"}, {2, "ECT(0)"}, {3, "CE"}, {0, NULL}};
static const struct tw_vs precedence_vals[] = {
    {0, "routine"},    {1, "priority"},       {2, "immediate"},
    {3, "flash"},      {4, "flash override"}, {5, "CRITIC/ECP"},
    {6, "internetwork control"}, {7, "network control"}, {0, NULL}};
static const struct tw_vs iptos_vals[] = {{0x00, "None"},
                                          {0x02, "Minimize cost"},
                                          {0x04, "Maximize reliability"},
                                          {0x08, "Maximize throughput"},
                                          {0x10, "Minimize delay"},
                                          {0x1e, "Maximize security"},
                                          {0, NULL}};
static const struct tw_tfs tfs_low_normal = {"Low", "Normal"};
static const struct tw_tfs tfs_high_normal = {"High", "Normal"};
static const struct tw_tfs tfs_evil = {"Evil", "Not evil"};
static const struct tw_vs cksum_status_vals[] = {
    {0, "Bad"}, {1, "Good"}, {2, "Unverified"}, {3, "Not present"}, {4, "Illegal"}, {0, NULL}};

/* IANA protocol numbers with Wireshark's names (ip.proto, "Fragmented IP protocol (proto=...") */
static const struct tw_vs ipproto_vals[] = {
    {0, "IPv6 Hop-by-Hop Option"}, {1, "ICMP"}, {2, "IGMP"}, {3, "GGP"}, {4, "IPIP"},
    {5, "Stream"}, {6, "TCP"}, {7, "CBT"}, {8, "EGP"}, {9, "IGRP"}, {10, "BBN RCC"},
    {11, "Network Voice"}, {12, "PUP"}, {13, "ARGUS"}, {14, "EMCON"}, {15, "XNET"}, {16, "CHAOS"},
    {17, "UDP"}, {18, "Multiplex"}, {19, "DCN Measurement"}, {20, "Host Monitoring"},
    {21, "Packet radio"}, {22, "IDP"}, {23, "Trunk-1"}, {24, "Trunk-2"}, {25, "Leaf-1"},
    {26, "Leaf-2"}, {27, "Reliable Data"}, {28, "IRT"}, {29, "ISO TP4"}, {30, "Bulk Data"},
    {31, "MFE NSP"}, {32, "Merit Internodal"}, {33, "Datagram Congestion Control Protocol"},
    {34, "3rd Party Connect"}, {35, "Inter-Domain Policy Routing Protocol"}, {36, "XTP"},
    {37, "Datagram delivery"}, {38, "Control Message"}, {39, "TP++"}, {40, "IL"}, {41, "IPv6"},
    {42, "Source demand routing"}, {43, "Routing Header for IPv6"},
    {44, "Fragment Header for IPv6"}, {45, "Inter-Domain Routing Protocol"},
    {46, "Reservation Protocol"}, {47, "Generic Routing Encapsulation"},
    {48, "Dynamic source routing"}, {49, "BNA"}, {50, "Encap Security Payload"},
    {51, "Authentication Header"}, {52, "INSLP"}, {53, "SWIPE"}, {54, "NBMA ARP"},
    {55, "IP Mobility"}, {56, "TLSP Kryptonet"}, {57, "SKIP"}, {58, "ICMPv6"},
    {59, "No Next Header for IPv6"}, {60, "Destination Options for IPv6"},
    {61, "any host internal protocol"}, {62, "Mobile IPv6 (old)"}, {63, "any local network"},
    {64, "SATNET EXPAK"}, {65, "Kryptolan"}, {66, "Remote Virtual Disk"}, {67, "IPPC"},
    {68, "any distributed file system"}, {69, "SATNET Monitoring"}, {70, "VISA"}, {71, "IPCV"},
    {72, "CPNX"}, {73, "CPHB"}, {74, "Wang Span"}, {75, "Packet Video"},
    {76, "Backroom SATNET Mon"}, {77, "Sun ND Protocol"}, {78, "Wideband Mon"},
    {79, "Wideband Expak"}, {80, "ISO Internet Protocol"}, {81, "VMTP"}, {82, "Secure VMTP"},
    {83, "VINES"}, {84, "TTP"}, {85, "NSFNET IGP"}, {86, "Dissimilar Gateway"}, {87, "TCF"},
    {88, "EIGRP"}, {89, "OSPF IGP"}, {90, "Sprite RPC"}, {91, "Locus ARP"},
    {92, "Multicast Transport"}, {93, "AX.25 Frames"}, {94, "IP in IP"}, {95, "MICP"},
    {96, "Semaphore"}, {97, "Ether in IP"}, {98, "ENCAP"}, {99, "any private encryption scheme"},
    {100, "GMTP"}, {101, "Ipsilon Flow"}, {102, "PNNI over IP"}, {103, "PIM"}, {104, "ARIS"},
    {105, "SCPS"}, {106, "QNX"}, {107, "Active Networks"}, {108, "IPComp"},
    {109, "Sitara Networks"}, {110, "Compaq Peer"}, {111, "IPX IN IP"}, {112, "VRRP"},
    {113, "PGM"}, {114, "any 0-hop protocol"}, {115, "Layer 2 Tunneling"}, {116, "DDX"},
    {117, "IATP"}, {118, "STP"}, {119, "SpectraLink"}, {120, "UTI"}, {121, "SMP"}, {122, "SM"},
    {123, "PTP"}, {124, "ISIS over IP"}, {125, "FIRE"}, {126, "CRTP"}, {127, "CRUDP"},
    {128, "SSCOPMCE"}, {129, "IPLT"}, {130, "Secure Packet"}, {131, "PIPE"}, {132, "SCTP"},
    {133, "Fibre Channel"}, {134, "RSVP E2EI"}, {135, "Mobile IPv6"}, {136, "UDPLite"},
    {137, "MPLS in IP"}, {138, "MANET"}, {139, "HIP"}, {140, "Shim6 header"}, {141, "WESP"},
    {142, "ROHC"}, {143, "Ethernet"}, {144, "Unassigned"}, {145, "Unassigned"},
    {146, "Unassigned"}, {147, "Unassigned"}, {148, "Unassigned"}, {149, "Unassigned"},
    {150, "Unassigned"}, {151, "Unassigned"}, {152, "Unassigned"}, {153, "Unassigned"},
    {154, "Unassigned"}, {155, "Unassigned"}, {156, "Unassigned"}, {157, "Unassigned"},
    {158, "Unassigned"}, {159, "Unassigned"}, {160, "Unassigned"}, {161, "Unassigned"},
    {162, "Unassigned"}, {163, "Unassigned"}, {164, "Unassigned"}, {165, "Unassigned"},
    {166, "Unassigned"}, {167, "Unassigned"}, {168, "Unassigned"}, {169, "Unassigned"},
    {170, "Unassigned"}, {171, "Unassigned"}, {172, "Unassigned"}, {173, "AX/4000 Testframe"},
    {174, "Unassigned"}, {175, "Unassigned"}, {176, "Unassigned"}, {177, "Unassigned"},
    {178, "Unassigned"}, {179, "Unassigned"}, {180, "Unassigned"}, {181, "Unassigned"},
    {182, "Unassigned"}, {183, "Unassigned"}, {184, "Unassigned"}, {185, "Unassigned"},
    {186, "Unassigned"}, {187, "Unassigned"}, {188, "Unassigned"}, {189, "Unassigned"},
    {190, "Unassigned"}, {191, "Unassigned"}, {192, "Unassigned"}, {193, "Unassigned"},
    {194, "Unassigned"}, {195, "Unassigned"}, {196, "Unassigned"}, {197, "Unassigned"},
    {198, "Unassigned"}, {199, "Unassigned"}, {200, "Unassigned"}, {201, "Unassigned"},
    {202, "Unassigned"}, {203, "Unassigned"}, {204, "Unassigned"}, {205, "Unassigned"},
    {206, "Unassigned"}, {207, "Unassigned"}, {208, "Unassigned"}, {209, "Unassigned"},
    {210, "Unassigned"}, {211, "Unassigned"}, {212, "Unassigned"}, {213, "Unassigned"},
    {214, "Unassigned"}, {215, "Unassigned"}, {216, "Unassigned"}, {217, "Unassigned"},
    {218, "Unassigned"}, {219, "Unassigned"}, {220, "Unassigned"}, {221, "Unassigned"},
    {222, "Unassigned"}, {223, "Unassigned"}, {224, "Novell NCS Heartbeat"}, {0, NULL}};

static const char *ipproto_str(uint8_t proto)
{
    const char *s = tw_vs_find(ipproto_vals, proto);
    return s ? s : "Unknown";
}

static const struct tw_vs opt_class_vals[] = {{0, "Control"},
                                              {1, "Reserved for future use"},
                                              {2, "Debugging and measurement"},
                                              {3, "Reserved for future use"},
                                              {0, NULL}};
static const struct tw_vs opt_number_vals[] = {{0, "End of Option List (EOL)"},
                                               {1, "No-Operation (NOP)"},
                                               {2, "Security"},
                                               {3, "Loose source route"},
                                               {4, "Time stamp"},
                                               {5, "Extended security"},
                                               {6, "Commercial IP security option"},
                                               {7, "Record route"},
                                               {8, "Stream identifier"},
                                               {9, "Strict source route"},
                                               {10, "Experimental Measurement"},
                                               {11, "MTU probe"},
                                               {12, "MTU Reply"},
                                               {13, "Experimental Flow Control"},
                                               {14, "Experimental Access Control"},
                                               {15, "Ask Estrin"},
                                               {16, "IMI Traffic Descriptor"},
                                               {17, "Extended Internet Protocol"},
                                               {18, "Traceroute"},
                                               {19, "Address Extension"},
                                               {20, "Router Alert"},
                                               {21, "Selective Directed Broadcast"},
                                               {22, "Unassigned"},
                                               {23, "Dynamic Packet State"},
                                               {24, "Upstream Multicast Packet"},
                                               {25, "Quick-Start"},
                                               {30, "RFC 3692-style experiment"},
                                               {0, NULL}};
static const struct tw_rs ra_rvals[] = {
    {0, 0, "Router shall examine packet"}, {1, 65535, "Reserved"}, {0, 0, NULL}};
static const struct tw_vs qs_func_vals[] = {{0, "Rate request"}, {8, "Rate report"}, {0, NULL}};
static const struct tw_vs qs_rate_vals[] = {
    {0, "0 bit/s"},       {1, "80 Kbit/s"},      {2, "160 Kbit/s"},     {3, "320 Kbit/s"},
    {4, "640 Kbit/s"},    {5, "1.28 Mbit/s"},    {6, "2.56 Mbit/s"},    {7, "5.12 Mbit/s"},
    {8, "10.24 Mbit/s"},  {9, "20.48 Mbit/s"},   {10, "40.96 Mbit/s"},  {11, "81.92 Mbit/s"},
    {12, "163.84 Mbit/s"}, {13, "327.68 Mbit/s"}, {14, "655.36 Mbit/s"}, {15, "1.31072 Gbit/s"},
    {0, NULL}};
static const struct tw_vs secl_rfc791_vals[] = {
    {0x0000, "Unclassified"}, {0xf135, "Confidential"}, {0x789a, "EFTO"},
    {0xbc4d, "MMMM"},         {0x5e26, "PROG"},         {0xaf13, "Restricted"},
    {0xd788, "Secret"},       {0x6bc5, "Top secret"},   {0x35e2, "Reserved"},
    {0x9af1, "Reserved"},     {0x4d78, "Reserved"},     {0x24bd, "Reserved"},
    {0x135e, "Reserved"},     {0x89af, "Reserved"},     {0xc4d6, "Reserved"},
    {0xe26b, "Reserved"},     {0, NULL}};
static const struct tw_vs sec_cl_vals[] = {
    {0x01, "Reserved 4"}, {0x3d, "Top secret"}, {0x5a, "Secret"},       {0x96, "Confidential"},
    {0x66, "Reserved 3"}, {0xcc, "Reserved 2"}, {0xab, "Unclassified"}, {0xf1, "Reserved 1"},
    {0, NULL}};
static const struct tw_tfs prot_auth_tfs = {"Datagram protected in accordance with its rules",
                                            "Datagram not protected in accordance with its rules"};
static const struct tw_tfs fti_tfs = {"Additional octet present", "Final octet"};
static const struct tw_vs cipso_tag_type_vals[] = {
    {0, "Padding"},           {1, "Restrictive Category Bitmap"}, {2, "Enumerated Categories"},
    {5, "Ranged Categories"}, {6, "Permissive Categories"},       {7, "Free Form"},
    {0, NULL}};
static const struct tw_vs ts_flag_vals[] = {{0, "Time stamps only"},
                                            {1, "Time stamp and address"},
                                            {3, "Time stamps for prespecified addresses"},
                                            {0, NULL}};

static const struct tw_field_def fields[F_COUNT] = {
    [F_VERSION] = {"ip.version", "Version", TW_FT_UINT8, TW_BASE_DEC},
    [F_HDR_LEN] = {"ip.hdr_len", "Header Length", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL, NULL,
                   "Header length in 32-bit words"},
    [F_DSFIELD] = {"ip.dsfield", "Differentiated Services Field", TW_FT_UINT8, TW_BASE_HEX},
    [F_DSCP] = {"ip.dsfield.dscp", "Differentiated Services Codepoint", TW_FT_UINT8, TW_BASE_DEC,
                0xfc, dscp_vals},
    [F_ECN] = {"ip.dsfield.ecn", "Explicit Congestion Notification", TW_FT_UINT8, TW_BASE_DEC,
               0x03, ecn_vals},
    [F_TOS] = {"ip.tos", "Type of Service", TW_FT_UINT8, TW_BASE_DEC},
    [F_TOS_PREC] = {"ip.tos.precedence", "Precedence", TW_FT_UINT8, TW_BASE_DEC, 0xe0,
                    precedence_vals},
    [F_TOS_DELAY] = {"ip.tos.delay", "Delay", TW_FT_BOOLEAN, 8, 0x10, NULL, NULL,
                     &tfs_low_normal},
    [F_TOS_THROUGHPUT] = {"ip.tos.throughput", "Throughput", TW_FT_BOOLEAN, 8, 0x08, NULL, NULL,
                          &tfs_high_normal},
    [F_TOS_RELIABILITY] = {"ip.tos.reliability", "Reliability", TW_FT_BOOLEAN, 8, 0x04, NULL,
                           NULL, &tfs_high_normal},
    [F_TOS_COST] = {"ip.tos.cost", "Cost", TW_FT_BOOLEAN, 8, 0x02, NULL, NULL, &tfs_low_normal},
    [F_LEN] = {"ip.len", "Total Length", TW_FT_UINT16, TW_BASE_DEC},
    [F_ID] = {"ip.id", "Identification", TW_FT_UINT16, TW_BASE_HEX_DEC},
    [F_DST] = {"ip.dst", "Destination Address", TW_FT_IPv4},
    [F_DST_HOST] = {"ip.dst_host", "Destination Host", TW_FT_STRING},
    [F_SRC] = {"ip.src", "Source Address", TW_FT_IPv4},
    [F_SRC_HOST] = {"ip.src_host", "Source Host", TW_FT_STRING},
    [F_ADDR] = {"ip.addr", "Source or Destination Address", TW_FT_IPv4},
    [F_HOST] = {"ip.host", "Source or Destination Host", TW_FT_STRING},
    [F_FLAGS] = {"ip.flags", "Flags", TW_FT_UINT8, TW_BASE_HEX, 0xe0, NULL, NULL, NULL,
                 "Flags (3 bits)"},
    [F_FLAGS_SF] = {"ip.flags.sf", "Security flag", TW_FT_BOOLEAN, 8, 0x80, NULL, NULL,
                    &tfs_evil, "Security flag (RFC 3514)"},
    [F_FLAGS_RB] = {"ip.flags.rb", "Reserved bit", TW_FT_BOOLEAN, 8, 0x80, NULL, NULL,
                    &tw_tfs_set_notset},
    [F_FLAGS_DF] = {"ip.flags.df", "Don't fragment", TW_FT_BOOLEAN, 8, 0x40, NULL, NULL,
                    &tw_tfs_set_notset},
    [F_FLAGS_MF] = {"ip.flags.mf", "More fragments", TW_FT_BOOLEAN, 8, 0x20, NULL, NULL,
                    &tw_tfs_set_notset},
    [F_FRAG_OFFSET] = {"ip.frag_offset", "Fragment Offset", TW_FT_UINT16, TW_BASE_DEC, 0x1fff,
                       NULL, NULL, NULL, "Fragment offset (13 bits)"},
    [F_TTL] = {"ip.ttl", "Time to Live", TW_FT_UINT8, TW_BASE_DEC},
    [F_PROTO] = {"ip.proto", "Protocol", TW_FT_UINT8, TW_BASE_DEC, 0, ipproto_vals},
    [F_CHECKSUM] = {"ip.checksum", "Header Checksum", TW_FT_UINT16, TW_BASE_HEX},
    [F_CHECKSUM_CALC] = {"ip.checksum_calculated", "Calculated Checksum", TW_FT_UINT16,
                         TW_BASE_HEX, 0, NULL, NULL, NULL,
                         "The expected IP checksum field as calculated from the IP datagram"},
    [F_CHECKSUM_STATUS] = {"ip.checksum.status", "Header checksum status", TW_FT_UINT8,
                           TW_BASE_NONE, 0, cksum_status_vals},
    [F_OPT_TYPE] = {"ip.opt.type", "Type", TW_FT_UINT8, TW_BASE_DEC},
    [F_OPT_TYPE_COPY] = {"ip.opt.type.copy", "Copy on fragmentation", TW_FT_BOOLEAN, 8, 0x80,
                         NULL, NULL, &tw_tfs_yes_no},
    [F_OPT_TYPE_CLASS] = {"ip.opt.type.class", "Class", TW_FT_UINT8, TW_BASE_DEC, 0x60,
                          opt_class_vals},
    [F_OPT_TYPE_NUMBER] = {"ip.opt.type.number", "Number", TW_FT_UINT8, TW_BASE_DEC, 0x1f,
                           opt_number_vals},
    [F_OPT_LEN] = {"ip.opt.len", "Length", TW_FT_UINT8, TW_BASE_DEC},
    [F_OPT_PTR] = {"ip.opt.ptr", "Pointer", TW_FT_UINT8, TW_BASE_DEC},
    [F_OPT_SID] = {"ip.opt.sid", "Stream Identifier", TW_FT_UINT16, TW_BASE_DEC, 0, NULL, NULL,
                   NULL, "SATNET stream identifier"},
    [F_OPT_MTU] = {"ip.opt.mtu", "MTU", TW_FT_UINT16, TW_BASE_DEC},
    [F_OPT_ID_NUMBER] = {"ip.opt.id_number", "ID Number", TW_FT_UINT16, TW_BASE_DEC},
    [F_OPT_OHC] = {"ip.opt.ohc", "Outbound Hop Count", TW_FT_UINT16, TW_BASE_DEC},
    [F_OPT_RHC] = {"ip.opt.rhc", "Return Hop Count", TW_FT_UINT16, TW_BASE_DEC},
    [F_OPT_ORIGINATOR] = {"ip.opt.originator", "Originator IP Address", TW_FT_IPv4},
    [F_OPT_RA] = {"ip.opt.ra", "Router Alert", TW_FT_UINT16, TW_BASE_DEC, 0, NULL, ra_rvals},
    [F_OPT_ADDR] = {"ip.opt.addr", "IP Address", TW_FT_IPv4},
    [F_OPT_PADDING] = {"ip.opt.padding", "Padding", TW_FT_BYTES},
    [F_OPT_QS_FUNC] = {"ip.opt.qs_func", "Function", TW_FT_UINT8, TW_BASE_DEC, 0xf0,
                       qs_func_vals},
    [F_OPT_QS_RATE] = {"ip.opt.qs_rate", "Rate", TW_FT_UINT8, TW_BASE_DEC, 0x0f, qs_rate_vals},
    [F_OPT_QS_TTL] = {"ip.opt.qs_ttl", "QS TTL", TW_FT_UINT8, TW_BASE_DEC},
    [F_OPT_QS_TTL_DIFF] = {"ip.opt.qs_ttl_diff", "TTL Diff", TW_FT_UINT8, TW_BASE_DEC},
    [F_OPT_QS_UNUSED] = {"ip.opt.qs_unused", "Not Used", TW_FT_UINT8, TW_BASE_DEC},
    [F_OPT_QS_NONCE] = {"ip.opt.qs_nonce", "QS Nonce", TW_FT_UINT32, TW_BASE_HEX, 0xfffffffc},
    [F_OPT_QS_RESERVED] = {"ip.opt.qs_reserved", "Reserved", TW_FT_UINT32, TW_BASE_HEX,
                           0x00000003},
    [F_OPT_SEC_RFC791_SEC] = {"ip.opt.sec_rfc791_sec", "Security", TW_FT_UINT16, TW_BASE_HEX, 0,
                              secl_rfc791_vals},
    [F_OPT_SEC_RFC791_COMP] = {"ip.opt.sec_rfc791_comp", "Compartments", TW_FT_UINT16,
                               TW_BASE_DEC},
    [F_OPT_SEC_RFC791_HR] = {"ip.opt.sec_rfc791_hr", "Handling Restrictions", TW_FT_STRING},
    [F_OPT_SEC_RFC791_TCC] = {"ip.opt.sec_rfc791_tcc", "Transmission Control Code",
                              TW_FT_STRING},
    [F_OPT_SEC_CL] = {"ip.opt.sec_cl", "Classification Level", TW_FT_UINT8, TW_BASE_HEX, 0,
                      sec_cl_vals},
    [F_OPT_SEC_PAF] = {"ip.opt.sec_prot_auth_flags", "Protection Authority Flags", TW_FT_UINT8,
                       TW_BASE_HEX},
    [F_OPT_SEC_GENSER] = {"ip.opt.sec_prot_auth_genser", "GENSER", TW_FT_BOOLEAN, 8, 0x80, NULL,
                          NULL, &prot_auth_tfs},
    [F_OPT_SEC_SIOP_ESI] = {"ip.opt.sec_prot_auth_siop_esi", "SIOP-ESI", TW_FT_BOOLEAN, 8, 0x40,
                            NULL, NULL, &prot_auth_tfs},
    [F_OPT_SEC_SCI] = {"ip.opt.sec_prot_auth_sci", "SCI", TW_FT_BOOLEAN, 8, 0x20, NULL, NULL,
                       &prot_auth_tfs},
    [F_OPT_SEC_NSA] = {"ip.opt.sec_prot_auth_nsa", "NSA", TW_FT_BOOLEAN, 8, 0x10, NULL, NULL,
                       &prot_auth_tfs},
    [F_OPT_SEC_DOE] = {"ip.opt.sec_prot_auth_doe", "DOE", TW_FT_BOOLEAN, 8, 0x08, NULL, NULL,
                       &prot_auth_tfs},
    [F_OPT_SEC_UNASSIGNED] = {"ip.opt.sec_prot_auth_unassigned", "Unassigned", TW_FT_UINT8,
                              TW_BASE_HEX, 0x06},
    [F_OPT_SEC_FTI] = {"ip.opt.sec_prot_auth_fti", "Field Termination Indicator", TW_FT_BOOLEAN,
                       8, 0x01, NULL, NULL, &fti_tfs},
    [F_OPT_ESEC_FORMAT] = {"ip.opt.ext_sec_add_sec_info_format_code",
                           "Additional Security Info Format Code", TW_FT_UINT8, TW_BASE_HEX},
    [F_OPT_ESEC_INFO] = {"ip.opt.ext_sec_add_sec_info", "Additional Security Info", TW_FT_BYTES},
    [F_REC_RT] = {"ip.rec_rt", "Recorded Route", TW_FT_IPv4},
    [F_REC_RT_HOST] = {"ip.rec_rt_host", "Recorded Route Host", TW_FT_STRING},
    [F_CUR_RT] = {"ip.cur_rt", "Current Route", TW_FT_IPv4},
    [F_CUR_RT_HOST] = {"ip.cur_rt_host", "Current Route Host", TW_FT_STRING},
    [F_SRC_RT] = {"ip.src_rt", "Source Route", TW_FT_IPv4},
    [F_SRC_RT_HOST] = {"ip.src_rt_host", "Source Route Host", TW_FT_STRING},
    [F_EMPTY_RT] = {"ip.empty_rt", "Empty Route", TW_FT_IPv4},
    [F_EMPTY_RT_HOST] = {"ip.empty_rt_host", "Empty Route Host", TW_FT_STRING},
    [F_CIPSO_TAG_TYPE] = {"ip.cipso.tag_type", "Tag Type", TW_FT_UINT8, TW_BASE_DEC, 0,
                          cipso_tag_type_vals},
    [F_FRAG_OVERLAP] = {"ip.fragment.overlap", "Fragment overlap", TW_FT_BOOLEAN, 0, 0, NULL,
                        NULL, NULL, "Fragment overlaps with other fragments"},
    [F_FRAG_OVERLAP_CONFLICT] = {"ip.fragment.overlap.conflict",
                                 "Conflicting data in fragment overlap", TW_FT_BOOLEAN, 0, 0,
                                 NULL, NULL, NULL,
                                 "Overlapping fragments contained conflicting data"},
    [F_FRAG_MULTIPLE_TAILS] = {"ip.fragment.multipletails", "Multiple tail fragments found",
                               TW_FT_BOOLEAN, 0, 0, NULL, NULL, NULL,
                               "Several tails were found when defragmenting the packet"},
    [F_FRAG_TOO_LONG] = {"ip.fragment.toolongfragment", "Fragment too long", TW_FT_BOOLEAN, 0, 0,
                         NULL, NULL, NULL, "Fragment contained data past end of packet"},
    [F_FRAG_ERROR] = {"ip.fragment.error", "Defragmentation error", TW_FT_FRAMENUM, 0, 0, NULL,
                      NULL, NULL, "Defragmentation error due to illegal fragments"},
    [F_FRAG_COUNT] = {"ip.fragment.count", "Fragment count", TW_FT_UINT32, TW_BASE_DEC},
    [F_FRAGMENT] = {"ip.fragment", "IPv4 Fragment", TW_FT_FRAMENUM},
    [F_FRAGMENTS] = {"ip.fragments", "IPv4 Fragments", TW_FT_BYTES},
    [F_REASSEMBLED_IN] = {"ip.reassembled_in", "Reassembled IPv4 in frame", TW_FT_FRAMENUM, 0, 0,
                          NULL, NULL, NULL, "This IPv4 packet is reassembled in this frame"},
    [F_REASSEMBLED_LENGTH] = {"ip.reassembled.length", "Reassembled IPv4 length", TW_FT_UINT32,
                              TW_BASE_DEC, 0, NULL, NULL, NULL,
                              "The total length of the reassembled payload"},
    [F_REASSEMBLED_DATA] = {"ip.reassembled.data", "Reassembled IPv4 data", TW_FT_BYTES, 0, 0,
                            NULL, NULL, NULL, "The reassembled payload"},
    [F_CIPSO_DOI] = {"ip.cipso.doi", "DOI", TW_FT_UINT32, TW_BASE_DEC},
    [F_CIPSO_LEVEL] = {"ip.cipso.sensitivity_level", "Sensitivity Level", TW_FT_UINT8,
                       TW_BASE_DEC},
    [F_CIPSO_CATEGORIES] = {"ip.cipso.categories", "Categories", TW_FT_STRING},
    [F_CIPSO_TAG_DATA] = {"ip.cipso.tag_data", "Tag data", TW_FT_BYTES},
    [F_OPT_OVERFLOW] = {"ip.opt.overflow", "Overflow", TW_FT_UINT8, TW_BASE_DEC, 0xf0},
    [F_OPT_FLAG] = {"ip.opt.flag", "Flag", TW_FT_UINT8, TW_BASE_HEX, 0x0f, ts_flag_vals},
    [F_OPT_TIME_STAMP] = {"ip.opt.time_stamp", "Time stamp", TW_FT_UINT32, TW_BASE_DEC},
    [F_OPT_TIME_STAMP_ADDR] = {"ip.opt.time_stamp_addr", "Address", TW_FT_IPv4},
    [F_O_EOL] = {"ip.options.eol", "IP Option - End of Options List (EOL)", TW_FT_BYTES},
    [F_O_NOP] = {"ip.options.nop", "IP Option - No-Operation (NOP)", TW_FT_BYTES},
    [F_O_SECURITY] = {"ip.options.security", "IP Option - Security", TW_FT_BYTES},
    [F_O_LSR] = {"ip.options.route", "IP Option - Loose Source Route", TW_FT_BYTES},
    [F_O_TS] = {"ip.options.timestamp", "IP Option - Time Stamp", TW_FT_BYTES},
    [F_O_ESEC] = {"ip.options.ext_security", "IP Option - Extended Security", TW_FT_BYTES},
    [F_O_CIPSO] = {"ip.options.cipso", "IP Option - Commercial Security", TW_FT_BYTES},
    [F_O_RR] = {"ip.options.record_route", "IP Option - Record Route", TW_FT_BYTES},
    [F_O_SID] = {"ip.options.sid", "IP Option - Stream ID", TW_FT_BYTES},
    [F_O_SSR] = {"ip.options.source_route", "IP Option - Strict Source Route", TW_FT_BYTES},
    [F_O_MTUP] = {"ip.options.mtu_probe", "IP Option - MTU Probe", TW_FT_BYTES},
    [F_O_MTUR] = {"ip.options.mtu_reply", "IP Option - MTU Reply", TW_FT_BYTES},
    [F_O_TR] = {"ip.options.traceroute", "IP Option - Traceroute", TW_FT_BYTES},
    [F_O_RA] = {"ip.options.routeralert", "IP Option - Router Alert", TW_FT_BYTES},
    [F_O_SDB] = {"ip.options.sdb", "IP Option - Selective Directed Broadcast", TW_FT_BYTES},
    [F_O_QS] = {"ip.options.qs", "IP Option - Quick-Start", TW_FT_BYTES},
};

enum {
    E_OPT_LEN_INVALID,
    E_PTR_BEFORE,
    E_PTR_MIDDLE,
    E_SUBOPT_TOO_LONG,
    E_NOP,
    E_BOGUS_LENGTH,
    E_EVIL,
    E_CHECKSUM_BAD,
    E_TTL_LNCB,
    E_TTL_TOO_SMALL,
    E_CIPSO,
    E_BOGUS_VERSION,
    E_BOGUS_HDR_LEN,
    E_FRAG_PAYLOAD,
    E_COUNT
};
static const struct tw_expert_def experts[E_COUNT] = {
    [E_OPT_LEN_INVALID] = {"ip.opt.len.invalid", "decoder.ip.opt_len_invalid", TW_SEV_WARN,
                           TW_GRP_PROTOCOL, "Invalid length for option"},
    [E_PTR_BEFORE] = {"ip.opt.ptr.before_address", "decoder.ip.opt_ptr_before_address",
                      TW_SEV_WARN, TW_GRP_PROTOCOL, "Pointer points before first address"},
    [E_PTR_MIDDLE] = {"ip.opt.ptr.middle_address", "decoder.ip.opt_ptr_middle_address",
                      TW_SEV_WARN, TW_GRP_PROTOCOL, "Pointer points to middle of address"},
    [E_SUBOPT_TOO_LONG] = {"ip.subopt_too_long", "decoder.ip.subopt_too_long", TW_SEV_WARN,
                           TW_GRP_PROTOCOL, "Suboption would go past end of option"},
    [E_NOP] = {"ip.nop", "decoder.ip.nop", TW_SEV_WARN, TW_GRP_PROTOCOL,
               "4 NOP in a row - a router may have removed some options"},
    [E_BOGUS_LENGTH] = {"ip.bogus_ip_length", "decoder.ip.bad_length", TW_SEV_ERROR,
                        TW_GRP_PROTOCOL, "Bogus IP length"},
    [E_EVIL] = {"ip.evil_packet", "decoder.ip.evil", TW_SEV_WARN, TW_GRP_PROTOCOL,
                "Packet has evil intent"},
    [E_CHECKSUM_BAD] = {"ip.checksum_bad.expert", "decoder.ip.bad_checksum", TW_SEV_ERROR,
                        TW_GRP_CHECKSUM, "Bad checksum"},
    [E_TTL_LNCB] = {"ip.ttl.lncb", "decoder.ip.ttl_lncb", TW_SEV_NOTE, TW_GRP_SEQUENCE,
                    "Time To Live"},
    [E_TTL_TOO_SMALL] = {"ip.ttl.too_small", "decoder.ip.ttl_too_small", TW_SEV_NOTE,
                         TW_GRP_SEQUENCE, "Time To Live"},
    [E_CIPSO] = {"ip.cipso.malformed", "decoder.ip.cipso_malformed", TW_SEV_ERROR,
                 TW_GRP_SEQUENCE, "Malformed CIPSO tag"},
    [E_BOGUS_VERSION] = {"ip.bogus_ip_version", "decoder.ip.bad_version", TW_SEV_ERROR,
                         TW_GRP_PROTOCOL, "Bogus IP version"},
    [E_BOGUS_HDR_LEN] = {"ip.bogus_header_length", "decoder.ip.bad_header_length", TW_SEV_ERROR,
                         TW_GRP_PROTOCOL, "Bogus IP header length"},
    /* trawl's own: see pref_fragment_payload */
    [E_FRAG_PAYLOAD] = {"ip.fragment.payload_dissected", "decoder.ip.fragment_payload_dissected",
                        TW_SEV_NOTE, TW_GRP_REASSEMBLE,
                        "Fragment payload dissected as if it began the datagram"},
};

/* ---------------------------------------------------------------------------------------------
 * Small helpers
 * ------------------------------------------------------------------------------------------- */

static enum tw_status cur_status(const struct tw_cur *c)
{
    return c->err == TW_CUR_TRUNCATED ? TW_TRUNCATED : TW_MALFORMED;
}

/* reads at an absolute offset of a cursor, without moving it; an error sticks to *w */
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

/* an ASCII string field: Wireshark keeps it up to the first NUL and shows bytes above 0x7f as
 * U+FFFD */
static bool add_ascii(struct tw_pkt *p, struct tw_cur *w, int f, uint32_t off, uint32_t n)
{
    const uint8_t *b = getp(w, off, n);
    if (!b) return false;
    tw_add_ascii(p, HF(f), off, n, b);
    return true;
}

/* dotted quad, without snprintf (every packet formats two) */
static void ip4str(char out[16], const uint8_t *a)
{
    size_t n = 0;
    for (int i = 0; i < 4; i++) {
        unsigned v = a[i];
        if (v >= 100) out[n++] = (char)('0' + v / 100);
        if (v >= 10) out[n++] = (char)('0' + v / 10 % 10);
        out[n++] = (char)('0' + v % 10);
        out[n++] = i < 3 ? '.' : 0;
    }
}

/* "0100 ...." for the bits of `mask` in a `width`-bit value */
static void bitpat(char *out, size_t outlen, unsigned width, uint32_t mask, uint32_t val)
{
    size_t n = 0;
    for (unsigned i = width; i-- > 0 && n + 2 < outlen;) {
        uint32_t bit = 1u << i;
        out[n++] = (mask & bit) ? ((val & bit) ? '1' : '0') : '.';
        if (i && i % 4 == 0) out[n++] = ' ';
    }
    out[n] = 0;
}

static const char *plural(uint32_t n) { return n == 1 ? "" : "s"; }

/* an expert that is an item of its own (a text line carrying the expert), as tshark's
 * proto_tree_add_expert does */
static void expert_item(struct tw_pkt *p, uint16_t ex, uint32_t off, uint32_t len,
                        const char *fmt, ...) TW_PRINTF(5, 6);
static void expert_item(struct tw_pkt *p, uint16_t ex, uint32_t off, uint32_t len,
                        const char *fmt, ...)
{
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    int32_t r = tw_add_text(p, off, len, "%s", msg);
    tw_tree_push(p, r);
    tw_expert(p, ex, off, len, "%s", msg);
    tw_tree_pop(p);
}

/* an address plus its hidden, generated "host" string (no name resolution: dotted form) */
static void add_route(struct tw_pkt *p, int f, int f_host, uint32_t off, const uint8_t *a,
                      bool next)
{
    int32_t r = tw_add_ptr(p, HF(f), off, 4, a, 4);
    if (next && r >= 0 && tw_want_labels(p)) {
        char s[16];
        ip4str(s, a);
        tw_rec_label(p, r, "%s: %s <- (next)", fields[f].name, s);
    }
    if (tw_want(p, HF(f_host))) {
        r = tw_add_strf(p, HF(f_host), off, 4, "%u.%u.%u.%u", a[0], a[1], a[2], a[3]);
        tw_rec_flags(p, r, TW_RF_GENERATED | TW_RF_HIDDEN);
    }
}

/* ip.dst / ip.src with their hidden companions */
static void add_addr_group(struct tw_pkt *p, int f, int f_host, uint32_t off, const uint8_t *a)
{
    tw_add_ptr(p, HF(f), off, 4, a, 4);
    int32_t r = tw_add_ptr(p, HF(F_ADDR), off, 4, a, 4);
    tw_rec_flags(p, r, TW_RF_HIDDEN);
    if (tw_want(p, HF(f_host))) {
        r = tw_add_strf(p, HF(f_host), off, 4, "%u.%u.%u.%u", a[0], a[1], a[2], a[3]);
        tw_rec_flags(p, r, TW_RF_GENERATED | TW_RF_HIDDEN);
    }
    if (tw_want(p, HF(F_HOST))) {
        r = tw_add_strf(p, HF(F_HOST), off, 4, "%u.%u.%u.%u", a[0], a[1], a[2], a[3]);
        tw_rec_flags(p, r, TW_RF_GENERATED | TW_RF_HIDDEN);
    }
}

/* ---------------------------------------------------------------------------------------------
 * Options
 * ------------------------------------------------------------------------------------------- */

enum { OPT_EOL = 0x00, OPT_NOP = 0x01 };

struct opt_kind {
    uint8_t code;
    uint8_t field;      /* F_O_* */
    uint8_t fixed_len;  /* 0 = variable length */
    const char *name;   /* short name, listed after "Options: (n bytes)" */
};
static const struct opt_kind opt_kinds[] = {
    {0x82, F_O_SECURITY, 0, "Security"},
    {0x83, F_O_LSR, 0, "Loose Source Route"},
    {0x44, F_O_TS, 0, "Time Stamp"},
    {0x85, F_O_ESEC, 0, "Extended Security"},
    {0x86, F_O_CIPSO, 0, "Commercial Security"},
    {0x07, F_O_RR, 0, "Record Route"},
    {0x88, F_O_SID, 4, "Stream ID"},
    {0x89, F_O_SSR, 0, "Strict Source Route"},
    {0x0b, F_O_MTUP, 4, "MTU Probe"},
    {0x0c, F_O_MTUR, 4, "MTU Reply"},
    {0x52, F_O_TR, 12, "Traceroute"},
    {0x94, F_O_RA, 4, "Router Alert"},
    {0x95, F_O_SDB, 0, "Selective Directed Broadcast"},
    {0x19, F_O_QS, 8, "Quick-Start"},
};

static const struct opt_kind *opt_find(uint8_t code)
{
    for (size_t i = 0; i < TW_ARRAY_LEN(opt_kinds); i++)
        if (opt_kinds[i].code == code) return &opt_kinds[i];
    return NULL;
}

/* state shared by the option dissectors */
struct ipopt {
    struct tw_pkt *p;
    struct tw_cur oc; /* the option itself: [o, o + len) */
    uint32_t o;       /* absolute offset of the option */
    uint32_t len;     /* its length byte */
    uint8_t ttl;      /* the header's TTL (Quick-Start) */
    int32_t item;     /* the option's record */
};

/* type with copy/class/number beneath */
static void opt_type(struct tw_pkt *p, uint32_t off, uint8_t type)
{
    int32_t r = tw_add_uint(p, HF(F_OPT_TYPE), off, 1, type);
    tw_tree_push(p, r);
    tw_add_bits(p, HF(F_OPT_TYPE_COPY), off, 1, type);
    tw_add_bits(p, HF(F_OPT_TYPE_CLASS), off, 1, type);
    tw_add_bits(p, HF(F_OPT_TYPE_NUMBER), off, 1, type);
    tw_tree_pop(p);
}

/* the option's own line (its FT_BYTES pseudo-protocol) with type and length beneath; leaves the
 * option's subtree pushed. Returns the length record. */
static int32_t opt_header(struct ipopt *x, const struct opt_kind *k)
{
    struct tw_pkt *p = x->p;
    uint32_t avail = tw_cur_avail(&x->oc);
    x->item = tw_add_ptr(p, HF(k->field), x->o, x->len, x->oc.data + x->o, avail);
    uint32_t shown = k->fixed_len ? k->fixed_len : x->len;
    if (tw_want_labels(p))
        tw_rec_label(p, x->item, "%s (%u bytes)", fields[k->field].name, shown);
    tw_tree_push(p, x->item);
    opt_type(p, x->o, k->code);
    int32_t lr = tw_add_uint(p, HF(F_OPT_LEN), x->o + 1, 1, x->len);
    if (k->fixed_len && x->len != k->fixed_len) {
        tw_tree_push(p, lr);
        tw_expert(p, EX(E_OPT_LEN_INVALID), x->o + 1, 1,
                  "%s (with option length = %u byte%s; should be %u)", k->name, x->len,
                  plural(x->len), k->fixed_len);
        tw_tree_pop(p);
    } else if (!k->fixed_len && x->len > 40) {
        tw_tree_push(p, lr);
        tw_expert(p, EX(E_OPT_LEN_INVALID), x->o + 1, 1, NULL);
        tw_tree_pop(p);
    }
    return lr;
}

static void expert_on(struct tw_pkt *p, int32_t r, uint16_t ex, uint32_t off, uint32_t len)
{
    tw_tree_push(p, r);
    tw_expert(p, ex, off, len, NULL);
    tw_tree_pop(p);
}

static bool opt_security(struct ipopt *x, const struct opt_kind *k)
{
    struct tw_pkt *p = x->p;
    struct tw_cur *c = &x->oc;
    opt_header(x, k);
    uint32_t o = x->o;
    uint16_t v16;
    uint8_t v;
    if (x->len == 11) {
        if (!get16(c, o + 2, &v16)) return false;
        if (tw_vs_find(secl_rfc791_vals, v16)) {
            tw_add_uint(p, HF(F_OPT_SEC_RFC791_SEC), o + 2, 2, v16);
            if (!get16(c, o + 4, &v16)) return false;
            tw_add_uint(p, HF(F_OPT_SEC_RFC791_COMP), o + 4, 2, v16);
            if (!add_ascii(p, c, F_OPT_SEC_RFC791_HR, o + 6, 2)) return false;
            return add_ascii(p, c, F_OPT_SEC_RFC791_TCC, o + 8, 3);
        }
    }
    /* RFC 1108 */
    if (!get8(c, o + 2, &v)) return false;
    tw_add_uint(p, HF(F_OPT_SEC_CL), o + 2, 1, v);
    uint32_t cur = 3;
    if (cur >= x->len) return true;
    uint8_t flags;
    bool first = true;
    while (first || (flags & 0x01)) {
        if (!first && cur == x->len) {
            tw_tree_push(p, x->item);
            tw_expert(p, EX(E_OPT_LEN_INVALID), o, x->len,
                      "Field Termination Indicator set to 1 for last byte of option");
            tw_tree_pop(p);
            break;
        }
        if (!get8(c, o + cur, &flags)) return false;
        int32_t r = tw_add_uint(p, HF(F_OPT_SEC_PAF), o + cur, 1, flags);
        if (r >= 0 && tw_want_labels(p)) {
            char t[200];
            int n = snprintf(t, sizeof t, "Protection Authority Flags: 0x%02x", flags);
            if (first) {
                static const char *const nm[] = {"GENSER", "SIOP-ESI", "SCI", "NSA", "DOE"};
                for (int i = 0; i < 5; i++)
                    if (flags & (0x80 >> i))
                        n += snprintf(t + n, sizeof t - (size_t)n, ", %s", nm[i]);
            }
            if (flags & 1) snprintf(t + n, sizeof t - (size_t)n, ", Field Termination Indicator");
            tw_rec_label(p, r, "%s", t);
        }
        tw_tree_push(p, r);
        if (first) {
            tw_add_bits(p, HF(F_OPT_SEC_GENSER), o + cur, 1, flags);
            tw_add_bits(p, HF(F_OPT_SEC_SIOP_ESI), o + cur, 1, flags);
            tw_add_bits(p, HF(F_OPT_SEC_SCI), o + cur, 1, flags);
            tw_add_bits(p, HF(F_OPT_SEC_NSA), o + cur, 1, flags);
            tw_add_bits(p, HF(F_OPT_SEC_DOE), o + cur, 1, flags);
            tw_add_bits(p, HF(F_OPT_SEC_UNASSIGNED), o + cur, 1, flags);
        } else {
            /* Wireshark's second "Unassigned" (mask 0xfe) shares the first one's name; it is
             * recorded under that name with its own mask applied here */
            int32_t u = tw_add_uint(p, HF(F_OPT_SEC_UNASSIGNED), o + cur, 1, (flags & 0xfe) >> 1);
            if (u >= 0 && tw_want_labels(p)) {
                char b[16];
                bitpat(b, sizeof b, 8, 0xfe, flags);
                tw_rec_label(p, u, "%s = Unassigned: 0x%02x", b, (flags & 0xfe) >> 1);
            }
        }
        tw_add_bits(p, HF(F_OPT_SEC_FTI), o + cur, 1, flags);
        tw_tree_pop(p);
        cur++;
        first = false;
    }
    if (cur < x->len) {
        tw_tree_push(p, x->item);
        tw_expert(p, EX(E_OPT_LEN_INVALID), o, x->len, "Extraneous data in option");
        tw_tree_pop(p);
    }
    return true;
}

static bool opt_ext_security(struct ipopt *x, const struct opt_kind *k)
{
    struct tw_pkt *p = x->p;
    opt_header(x, k);
    uint8_t v;
    if (!get8(&x->oc, x->o + 2, &v)) return false;
    tw_add_uint(p, HF(F_OPT_ESEC_FORMAT), x->o + 2, 1, v);
    if (x->len > 3) {
        const uint8_t *b = getp(&x->oc, x->o + 3, x->len - 3);
        if (!b) return false;
        tw_add_ptr(p, HF(F_OPT_ESEC_INFO), x->o + 3, x->len - 3, b, x->len - 3);
    }
    return true;
}

/* source routes (loose, strict): pointer, then recorded / next / remaining hops; the last
 * slot is the final destination while the route is not exhausted */
static bool opt_route(struct ipopt *x, const struct opt_kind *k, bool record_only)
{
    struct tw_pkt *p = x->p;
    struct tw_cur *c = &x->oc;
    opt_header(x, k);
    uint32_t o = x->o;
    uint8_t ptr;
    if (!get8(c, o + 2, &ptr)) return false;
    int32_t pr = tw_add_uint(p, HF(F_OPT_PTR), o + 2, 1, ptr);
    if (ptr < 4 || (ptr & 3)) {
        expert_on(p, pr, EX(ptr < 4 ? E_PTR_BEFORE : E_PTR_MIDDLE), o + 2, 1);
        return true;
    }
    uint8_t len = (uint8_t)x->len;
    uint32_t optoff = 3;
    for (int32_t rem = (int32_t)x->len - 3; rem > 0; rem -= 4, optoff += 4) {
        if (rem < 4) {
            expert_on(p, pr, EX(E_SUBOPT_TOO_LONG), o + 2, 1);
            break;
        }
        const uint8_t *a = getp(c, o + optoff, 4);
        if (!a) return false;
        if (record_only) {
            if (ptr > len || optoff + 1 < ptr)
                add_route(p, F_REC_RT, F_REC_RT_HOST, o + optoff, a, false);
            else
                add_route(p, F_EMPTY_RT, F_EMPTY_RT_HOST, o + optoff, a, optoff + 1 == ptr);
        } else if (ptr > len) {
            add_route(p, F_REC_RT, F_REC_RT_HOST, o + optoff, a, false);
        } else if (optoff == (uint32_t)len - 4) {
            add_addr_group(p, F_DST, F_DST_HOST, o + optoff, a);
        } else if (optoff + 1 < ptr) {
            add_route(p, F_REC_RT, F_REC_RT_HOST, o + optoff, a, false);
        } else {
            add_route(p, F_SRC_RT, F_SRC_RT_HOST, o + optoff, a, optoff + 1 == ptr);
        }
    }
    return true;
}

static bool opt_u16(struct ipopt *x, const struct opt_kind *k, int f)
{
    opt_header(x, k);
    uint16_t v;
    if (!get16(&x->oc, x->o + 2, &v)) return false;
    tw_add_uint(x->p, HF(f), x->o + 2, 2, v);
    return true;
}

static bool opt_traceroute(struct ipopt *x, const struct opt_kind *k)
{
    struct tw_pkt *p = x->p;
    opt_header(x, k);
    static const int f[3] = {F_OPT_ID_NUMBER, F_OPT_OHC, F_OPT_RHC};
    for (int i = 0; i < 3; i++) {
        uint16_t v;
        if (!get16(&x->oc, x->o + 2 + 2 * (uint32_t)i, &v)) return false;
        tw_add_uint(p, HF(f[i]), x->o + 2 + 2 * (uint32_t)i, 2, v);
    }
    const uint8_t *a = getp(&x->oc, x->o + 8, 4);
    if (!a) return false;
    tw_add_ptr(p, HF(F_OPT_ORIGINATOR), x->o + 8, 4, a, 4);
    return true;
}

static bool opt_timestamp(struct ipopt *x, const struct opt_kind *k)
{
    struct tw_pkt *p = x->p;
    struct tw_cur *c = &x->oc;
    opt_header(x, k);
    uint32_t o = x->o;
    uint8_t ptr, flg;
    if (!get8(c, o + 2, &ptr)) return false;
    int32_t r = tw_add_uint(p, HF(F_OPT_PTR), o + 2, 1, ptr);
    if (r >= 0 && tw_want_labels(p))
        tw_rec_label(p, r, "Pointer: %u%s", ptr,
                     ptr == 1 ? " (header is full)"
                     : ptr < 5 ? " (points before first address)"
                     : ((ptr - 1) & 3) ? " (points to middle of field)" : "");
    if (!get8(c, o + 3, &flg)) return false;
    tw_add_bits(p, HF(F_OPT_OVERFLOW), o + 3, 1, flg);
    tw_add_bits(p, HF(F_OPT_FLAG), o + 3, 1, flg);
    flg &= 0x0f;
    uint32_t off = o + 4;
    for (int32_t rem = (int32_t)x->len - 4; rem > 0;) {
        if (flg == 1 || flg == 3) {
            if (rem < 8) {
                expert_item(p, EX(E_SUBOPT_TOO_LONG), off, (uint32_t)rem, "%s",
                            experts[E_SUBOPT_TOO_LONG].summary);
                break;
            }
            const uint8_t *a = getp(c, off, 4);
            if (!a) return false;
            r = tw_add_ptr(p, HF(F_OPT_TIME_STAMP_ADDR), off, 4, a, 4);
            if (r >= 0 && tw_want_labels(p) && !(a[0] | a[1] | a[2] | a[3]))
                tw_rec_label(p, r, "Address: -");
            off += 4;
            rem -= 4;
        } else if (rem < 4) {
            expert_item(p, EX(E_SUBOPT_TOO_LONG), off, (uint32_t)rem, "%s",
                        experts[E_SUBOPT_TOO_LONG].summary);
            break;
        }
        uint32_t ts;
        if (!get32(c, off, &ts)) return false;
        tw_add_uint(p, HF(F_OPT_TIME_STAMP), off, 4, ts);
        off += 4;
        rem -= 4;
    }
    return true;
}

static bool opt_router_alert(struct ipopt *x, const struct opt_kind *k)
{
    struct tw_pkt *p = x->p;
    opt_header(x, k);
    uint16_t v;
    if (!get16(&x->oc, x->o + 2, &v)) return false;
    tw_add_uint(p, HF(F_OPT_RA), x->o + 2, 2, v);
    if (x->item >= 0 && tw_want_labels(p)) {
        const char *s = tw_rs_find(ra_rvals, v);
        if (s)
            tw_rec_label(p, x->item, "%s (4 bytes): %s (%u)", fields[k->field].name, s, v);
        else
            tw_rec_label(p, x->item, "%s (4 bytes): Unknown (%u) (%u)", fields[k->field].name, v,
                         v);
    }
    return true;
}

static bool opt_sdb(struct ipopt *x, const struct opt_kind *k)
{
    struct tw_pkt *p = x->p;
    opt_header(x, k);
    uint32_t off = x->o + 2;
    int32_t rem = (int32_t)x->len - 2;
    for (; rem >= 4; off += 4, rem -= 4) {
        const uint8_t *a = getp(&x->oc, off, 4);
        if (!a) return false;
        tw_add_ptr(p, HF(F_OPT_ADDR), off, 4, a, 4);
    }
    if (rem > 0) {
        const uint8_t *b = getp(&x->oc, off, (uint32_t)rem);
        if (!b) return false;
        tw_add_ptr(p, HF(F_OPT_PADDING), off, (uint32_t)rem, b, (uint32_t)rem);
    }
    return true;
}

static bool opt_quick_start(struct ipopt *x, const struct opt_kind *k)
{
    struct tw_pkt *p = x->p;
    struct tw_cur *c = &x->oc;
    uint32_t o = x->o;
    uint8_t cmd;
    /* the command byte is read before anything is shown */
    if (!get8(c, o + 2, &cmd)) return false;
    opt_header(x, k);
    uint8_t func = cmd >> 4, rate = cmd & 0x0f;
    const char *fs = tw_vs_find(qs_func_vals, func);
    char lab[256];
    int n = 0;
    if (tw_want_labels(p))
        n = fs ? snprintf(lab, sizeof lab, "%s (8 bytes): %s (%u)", fields[k->field].name, fs, func)
               : snprintf(lab, sizeof lab, "%s (8 bytes): Unknown (%u) (%u)",
                          fields[k->field].name, func, func);
    tw_add_bits(p, HF(F_OPT_QS_FUNC), o + 2, 1, cmd);
    const char *rs = tw_vs_find(qs_rate_vals, rate);
    if (func == 0 || func == 8) {
        tw_add_bits(p, HF(F_OPT_QS_RATE), o + 2, 1, cmd);
        uint8_t b3;
        if (!get8(c, o + 3, &b3)) return false;
        if (func == 0) {
            tw_add_uint(p, HF(F_OPT_QS_TTL), o + 3, 1, b3);
            uint8_t diff = (uint8_t)(x->ttl - b3);
            int32_t r = tw_add_uint(p, HF(F_OPT_QS_TTL_DIFF), o + 3, 1, diff);
            tw_rec_flags(p, r, TW_RF_GENERATED);
            if (n > 0 && (size_t)n < sizeof lab)
                n += snprintf(lab + n, sizeof lab - (size_t)n, ", %s, QS TTL %u, QS TTL diff %u",
                              rs ? rs : "Unknown", b3, diff);
        } else {
            if (n > 0 && (size_t)n < sizeof lab)
                n += snprintf(lab + n, sizeof lab - (size_t)n, ", %s", rs ? rs : "Unknown");
            tw_add_uint(p, HF(F_OPT_QS_UNUSED), o + 3, 1, b3);
        }
        uint32_t nonce;
        if (!get32(c, o + 4, &nonce)) return false;
        tw_add_bits(p, HF(F_OPT_QS_NONCE), o + 4, 4, nonce);
        tw_add_bits(p, HF(F_OPT_QS_RESERVED), o + 4, 4, nonce);
    }
    if (n > 0) tw_rec_label(p, x->item, "%s", lab);
    return true;
}

/* CIPSO (draft-ietf-cipso-ipsecurity-01, FIPS 188): DOI then tags */
static bool opt_cipso(struct ipopt *x, const struct opt_kind *k)
{
    struct tw_pkt *p = x->p;
    struct tw_cur *c = &x->oc;
    opt_header(x, k);
    uint32_t o = x->o, off = 2, max = x->len;
    uint32_t doi;
    if (!get32(c, o + off, &doi)) return false;
    tw_add_uint(p, HF(F_CIPSO_DOI), o + off, 4, doi);
    off += 4;
    while (off < max) {
        uint8_t type, tl = 1;
        if (!get8(c, o + off, &type)) return false;
        int32_t tag = tw_add_uint(p, HF(F_CIPSO_TAG_TYPE), o + off, 1, type);
        if (off + 1 < max && !get8(c, o + off + 1, &tl)) return false;
        uint32_t taglen = off + 1 < max ? tl : 1;
        if (type == 0) {
            off += 1;
            continue;
        }
        if (type == 1 || type == 2 || type == 5 || type == 6 || type == 7) {
            uint32_t minlen = type == 7 ? 2 : 4;
            if (taglen < minlen || taglen > 34 || off + taglen - 1 > max) {
                expert_on(p, tag, EX(E_CIPSO), o + off, 1);
                return true;
            }
        }
        switch (type) {
        case 1:
        case 2:
        case 5: {
            uint8_t level;
            off += 3;
            if (!get8(c, o + off, &level)) return false;
            tw_add_uint(p, HF(F_CIPSO_LEVEL), o + off, 1, level);
            off += 1;
            if (taglen <= 4) break;
            uint32_t clen = taglen - 4, cstart = off;
            const uint8_t *b = getp(c, o + off, clen);
            if (!b) return false;
            char s[1024];
            size_t n = 0;
            s[0] = 0;
            if (type == 1) {
                for (uint32_t i = 0; i < clen; i++)
                    for (unsigned bit = 0; bit < 8; bit++)
                        if (b[i] & (0x80u >> bit) && n + 8 < sizeof s)
                            n += (size_t)snprintf(s + n, sizeof s - n, "%s%u", n ? "," : "",
                                                  i * 8 + bit);
                off += clen;
            } else if (type == 2) {
                /* Wireshark builds this in a 90-byte buffer */
                for (uint32_t i = 0; i + 2 <= clen; i += 2) {
                    char t[16];
                    snprintf(t, sizeof t, "%s%u", n ? "," : "", (unsigned)(b[i] << 8 | b[i + 1]));
                    for (const char *q = t; *q && n < 89; q++) s[n++] = *q;
                    s[n] = 0;
                    off += 2;
                }
                cstart = off - clen;
            } else {
                uint32_t i = 0;
                while (i + 2 <= clen) {
                    unsigned hi = (unsigned)(b[i] << 8 | b[i + 1]), lo = 0;
                    if (i + 4 <= clen) {
                        lo = (unsigned)(b[i + 2] << 8 | b[i + 3]);
                        i += 4;
                    } else {
                        i += 2;
                    }
                    char t[32];
                    if (lo != hi) snprintf(t, sizeof t, "%s%u-%u", n ? "," : "", hi, lo);
                    else snprintf(t, sizeof t, "%s%u", n ? "," : "", hi);
                    for (const char *q = t; *q && n < 95; q++) s[n++] = *q;
                    s[n] = 0;
                }
                off += i;
                cstart = off - clen;
            }
            tw_add_strf(p, HF(F_CIPSO_CATEGORIES), o + cstart, clen, "%s", s);
            break;
        }
        case 6:
        case 7: {
            const uint8_t *b = getp(c, o + off + 2, taglen - 2);
            if (!b && taglen > 2) return false;
            tw_add_ptr(p, HF(F_CIPSO_TAG_DATA), o + off + 2, taglen - 2, b, taglen - 2);
            off += taglen;
            break;
        }
        default:
            /* an unknown tag ends the option; its length is read once more, even when that
             * byte is past the option (tshark then fails the header) */
            if (off + 1 <= max) {
                if (!get8(c, o + off + 1, &tl)) return false;
                if (tag >= 0 && tw_want_labels(p)) {
                    const char *ts = tw_vs_find(cipso_tag_type_vals, type);
                    tw_rec_label(p, tag, "Tag Type: %s (%u) (%u bytes)", ts ? ts : "Unknown",
                                 type, tl);
                }
            }
            return true;
        }
    }
    return true;
}

/* Walks the options in [off, off + length) of the header. Returns false (error in *w) when a
 * read runs off the datagram, which ends the whole header as in tshark. */
static bool dissect_options(struct tw_pkt *p, struct tw_cur *w, uint32_t start, uint32_t off,
                            uint32_t length, uint8_t ttl, int32_t opt_item, char *names,
                            size_t names_sz)
{
    uint32_t nop_count = 0;
    size_t nl = strlen(names);
    while (length > 0) {
        uint8_t opt;
        if (!get8(w, off, &opt)) return false;
        length--;
        if (opt == OPT_EOL || opt == OPT_NOP) {
            if (opt == OPT_NOP) {
                if (nop_count == 0 || (off - start) % 4) {
                    nop_count++;
                    /* tshark checks this while building the tree only (-q -z expert: none) */
                    if (nop_count == 4 && p->has_tree) expert_on(p, opt_item, EX(E_NOP), off, 1);
                } else {
                    nop_count = 0;
                }
            }
            int f = opt == OPT_EOL ? F_O_EOL : F_O_NOP;
            int32_t r = tw_add_ptr(p, HF(f), off, 1, w->data + off, 1);
            if (r >= 0 && tw_want_labels(p)) tw_rec_label(p, r, "%s", fields[f].name);
            tw_tree_push(p, r);
            opt_type(p, off, opt);
            tw_tree_pop(p);
            off++;
            if (opt == OPT_EOL) break;
            continue;
        }
        const struct opt_kind *k = opt_find(opt);
        char unk[32];
        const char *name = k ? k->name : unk;
        if (!k) snprintf(unk, sizeof unk, "Unknown (0x%02x)", opt);
        if (length == 0) {
            expert_item(p, EX(E_OPT_LEN_INVALID), off, 1, "%s (length byte past end of options)",
                        name);
            return true;
        }
        uint8_t optlen;
        if (!get8(w, off + 1, &optlen)) return false;
        length--;
        if (optlen < 2) {
            expert_item(p, EX(E_OPT_LEN_INVALID), off, 2,
                        "%s (with too-short option length = %u byte%s)", name, optlen,
                        plural(optlen));
            return true;
        }
        if ((uint32_t)optlen - 2 > length) {
            expert_item(p, EX(E_OPT_LEN_INVALID), off, length,
                        "%s (option length = %u byte%s says option goes past end of options)",
                        name, optlen, plural(optlen));
            return true;
        }
        if (!k) {
            tw_add_text(p, off, optlen, "%s (%u byte%s)", name, optlen, plural(optlen));
        } else {
            struct ipopt x = {p, *w, off, optlen, ttl, -1};
            x.oc.off = off;
            if (x.oc.end > off + optlen) x.oc.end = off + optlen;
            if (x.oc.cap > x.oc.end) x.oc.cap = x.oc.end;
            uint32_t saved = p->ntree;
            bool ok;
            switch (k->field) {
            case F_O_SECURITY: ok = opt_security(&x, k); break;
            case F_O_LSR:
            case F_O_SSR: ok = opt_route(&x, k, false); break;
            case F_O_RR: ok = opt_route(&x, k, true); break;
            case F_O_TS: ok = opt_timestamp(&x, k); break;
            case F_O_ESEC: ok = opt_ext_security(&x, k); break;
            case F_O_CIPSO: ok = opt_cipso(&x, k); break;
            case F_O_SID: ok = opt_u16(&x, k, F_OPT_SID); break;
            case F_O_MTUP:
            case F_O_MTUR: ok = opt_u16(&x, k, F_OPT_MTU); break;
            case F_O_TR: ok = opt_traceroute(&x, k); break;
            case F_O_RA: ok = opt_router_alert(&x, k); break;
            case F_O_SDB: ok = opt_sdb(&x, k); break;
            case F_O_QS: ok = opt_quick_start(&x, k); break;
            default: ok = true; break;
            }
            p->ntree = saved;
            if (!ok) {
                w->err = x.oc.err;
                return false;
            }
            if (nl + strlen(name) + 3 < names_sz) nl += (size_t)snprintf(names + nl, names_sz - nl, ", %s", name);
        }
        off += optlen;
        length -= (uint32_t)optlen - 2;
    }
    return true;
}

/* Where the final destination is when a source route is still being followed: the offset of
 * the route's last slot from the header's destination field, or 0. */
static bool dst_offset(struct tw_cur *w, uint32_t off, uint32_t length, uint32_t *dst_off)
{
    uint32_t orig = off;
    *dst_off = 0;
    while (length > 0) {
        uint8_t opt;
        if (!get8(w, off, &opt)) return false;
        length--;
        if (opt != OPT_EOL && opt != OPT_NOP) {
            if (length == 0) return true;
            uint8_t len;
            if (!get8(w, off + 1, &len)) return false;
            length--;
            if (len < 2 || (uint32_t)len - 2 > length) return true;
            if (opt == 0x89 || opt == 0x83) {
                uint8_t ptr;
                if (!get8(w, off + 2, &ptr)) return false;
                if (ptr < 4 || (ptr & 3) || ptr > len) return true;
                *dst_off = (off - orig) + 4 + ((uint32_t)len - 4);
                return true;
            }
            off += len;
            length -= (uint32_t)len - 2;
        } else {
            off += 1;
        }
        if (opt == OPT_EOL) return true;
    }
    return true;
}

/* RFC 3171 local network control block: the TTL a packet there should carry */
static uint32_t lncb_ttl(uint32_t dst)
{
    switch (dst) {
    case 0xe0000012: return 255; /* VRRP */
    case 0xe0000066: return 255; /* GLBP */
    case 0xe00000fb: return 255; /* mDNS */
    case 0xe00000fc: return 0x1000; /* LLMNR: any */
    default: return 1;
    }
}

/* ---------------------------------------------------------------------------------------------
 * The header
 * ------------------------------------------------------------------------------------------- */

/* the datagram for the stages after dissection (defragmentation policies, statistics) */
static void publish_tap(struct tw_pkt *p, const struct tw_cur *w, const struct tw_cur *pl,
                        uint32_t hlen, uint32_t total, uint16_t id, uint16_t off16, uint8_t ttl,
                        uint8_t proto)
{
    struct tw_tap_ip *t = tw_arena_alloc(p->arena, sizeof *t);
    if (!t) return;
    t->version = 4;
    t->proto = proto;
    t->ttl = ttl;
    t->src = p->net_src;
    t->dst = p->net_dst;
    t->len = total;
    t->hdr_len = hlen;
    t->id = id;
    t->frag_off = (uint32_t)(off16 & 0x1fff) * 8;
    t->more_frags = off16 & 0x2000;
    t->dont_frag = off16 & 0x4000;
    t->fragment = (off16 & 0x3fff) != 0;
    t->reassembled = false; /* (IPv6 only) */
    t->cksum = TW_CK_UNKNOWN;
    const uint8_t *hdr;
    if (p->tap_cksum && tw_cur_try_peek(w, 0, hlen, &hdr))
        t->cksum = tw_cksum_fold(tw_cksum_add(0, hdr, hlen)) == 0 ? TW_CK_GOOD : TW_CK_BAD;
    uint32_t cap_end = TW_MIN(pl->cap, pl->end);
    t->payload = pl->data + pl->off;
    t->payload_cap = cap_end > pl->off ? cap_end - pl->off : 0;
    t->in_error = p->ctx.in_error_pkt;
    t->layer = p->nlayers ? p->nlayers - 1 : 0;
    tw_tap_queue(p, TW_TAP_IP, t);
}

static enum tw_status dissect(struct tw_pkt *p, struct tw_cur *c)
{
    const uint32_t start = c->off;
    struct tw_cur w = *c; /* the datagram; shrunk to the total length once that is known */
    char s_src[16], s_dst[16];
    tw_info_clear(p);

    uint8_t vhl;
    if (!get8(&w, start, &vhl)) return cur_status(&w);
    uint8_t ver = vhl >> 4;
    uint32_t hlen = (uint32_t)(vhl & 0x0f) * 4;
    uint32_t left = tw_cur_left(c);
    tw_layer_setlen(p, hlen < left ? hlen : left);

    /* Wireshark has two entries: IPv4 proper for EtherType 0x0800, and a version-sniffing
     * one for everything else (link types, PPP, BSD loopback, IP-in-IP, ICMP quotations) */
    bool sniffing = p->via_table != TW_TBL_ETHERTYPE || p->ctx.in_error_pkt;
    if (ver == 6 && sniffing) {
        /* straight on to IPv6: "ip" is a layer, but has no item (not even for filters) */
        tw_layer_unrecord(p);
        tw_rec_flags(p, p->layers[p->nlayers - 1].rec, TW_RF_HIDDEN);
        tw_next(p, TW_TBL_ETHERTYPE, 0x86dd, *c);
        return TW_OK;
    }
    int32_t r = tw_add_uint(p, HF(F_VERSION), start, 1, ver);
    if (r >= 0 && tw_want_labels(p)) {
        char b[16];
        bitpat(b, sizeof b, 8, 0xf0, vhl);
        tw_rec_label(p, r, "%s = Version: %u", b, ver);
    }
    if (ver != 4 && sniffing) {
        tw_layer_setlen(p, 1);
        if (tw_layer_recorded(p)) tw_layer_label(p, "Internet Protocol, bogus version (%u)", ver);
        tw_col_proto(p, "IP");
        tw_info_printf(p, "Bogus IP version (%u)", ver);
        expert_on(p, r, EX(E_BOGUS_VERSION), start, 1);
        return TW_OK;
    }
    if (ver != 4) {
        tw_info_printf(p, "Bogus IPv4 version (%u, must be 4)", ver);
        tw_tree_push(p, r);
        tw_expert(p, EX(E_BOGUS_VERSION), start, 1, "Bogus IPv4 version");
        tw_tree_pop(p);
        /* a capture may label IPv6 as IPv4: hand it on */
        if (ver == 6) tw_next(p, TW_TBL_ETHERTYPE, 0x86dd, *c);
        return TW_OK;
    }

    r = tw_add_uint(p, HF(F_HDR_LEN), start, 1, hlen);
    if (r >= 0 && tw_want_labels(p)) {
        char b[16];
        bitpat(b, sizeof b, 8, 0x0f, vhl);
        tw_rec_label(p, r, "%s = Header Length: %u bytes (%u)", b, hlen, hlen >> 2);
    }
    if (hlen < 20) {
        tw_info_printf(p, "Bogus IP header length (%u, must be at least 20)", hlen);
        tw_tree_push(p, r);
        tw_expert(p, EX(E_BOGUS_HDR_LEN), start, 1,
                  "Bogus IP header length (%u, must be at least 20)", hlen);
        tw_tree_pop(p);
        return TW_OK;
    }

    uint8_t tos;
    if (!get8(&w, start + 1, &tos)) return cur_status(&w);
    if (pref_dscp) {
        r = tw_add_uint(p, HF(F_DSFIELD), start + 1, 1, tos);
        if (r >= 0 && tw_want_labels(p)) {
            const char *d = tw_vs_find(dscp_short_vals, tos >> 2);
            tw_rec_label(p, r, "Differentiated Services Field: 0x%02x (DSCP: %s, ECN: %s)", tos,
                         d ? d : "Unknown", tw_vs_find(ecn_short_vals, tos & 3));
        }
        tw_tree_push(p, r);
        tw_add_bits(p, HF(F_DSCP), start + 1, 1, tos);
        tw_add_bits(p, HF(F_ECN), start + 1, 1, tos);
        tw_tree_pop(p);
    } else {
        r = tw_add_uint(p, HF(F_TOS), start + 1, 1, tos);
        if (r >= 0 && tw_want_labels(p)) {
            const char *t = tw_vs_find(iptos_vals, tos & 0x1e);
            tw_rec_label(p, r, "Type of Service: 0x%02x (%s)", tos, t ? t : "Unknown");
        }
        tw_tree_push(p, r);
        tw_add_bits(p, HF(F_TOS_PREC), start + 1, 1, tos);
        tw_add_bits(p, HF(F_TOS_DELAY), start + 1, 1, tos);
        tw_add_bits(p, HF(F_TOS_THROUGHPUT), start + 1, 1, tos);
        tw_add_bits(p, HF(F_TOS_RELIABILITY), start + 1, 1, tos);
        tw_add_bits(p, HF(F_TOS_COST), start + 1, 1, tos);
        tw_tree_pop(p);
    }

    uint16_t ip_len;
    if (!get16(&w, start + 2, &ip_len)) return cur_status(&w);
    uint32_t reported = left;
    uint32_t total = ip_len;
    if (ip_len < hlen) {
        if (pref_tso && ip_len == 0) {
            total = reported;
            r = tw_add_uint(p, HF(F_LEN), start + 2, 2, total);
            tw_rec_flags(p, r, TW_RF_GENERATED);
            if (tw_want_labels(p))
                tw_rec_label(p, r,
                             "Total Length: %u bytes (reported as 0, presumed to be because of "
                             "\"TCP segmentation offload\" (TSO))",
                             total);
        } else {
            tw_info_printf(p, "Bogus IP length (%u, less than header length %u)", ip_len, hlen);
            r = tw_add_uint(p, HF(F_LEN), start + 2, 2, ip_len);
            if (tw_want_labels(p))
                tw_rec_label(p, r, "Total Length: %u bytes (bogus, less than header length %u)",
                             ip_len, hlen);
            expert_on(p, r, EX(E_BOGUS_LENGTH), start + 2, 2);
            return TW_OK;
        }
    } else {
        r = tw_add_uint(p, HF(F_LEN), start + 2, 2, ip_len);
        if (ip_len > reported) {
            if (!p->ctx.in_error_pkt) {
                tw_tree_push(p, r);
                tw_expert(p, EX(E_BOGUS_LENGTH), start + 2, 2,
                          "IPv4 total length exceeds packet length (%u bytes)", reported);
                tw_tree_pop(p);
            }
        } else {
            /* the datagram ends here; what follows is the link layer's trailer */
            tw_layer_claim(p, ip_len);
            tw_frame_shrink(p, ip_len);
            w.end = start + ip_len;
            if (w.cap > w.end) w.cap = w.end;
        }
    }

    uint16_t id, off16;
    if (!get16(&w, start + 4, &id)) return cur_status(&w);
    tw_add_uint(p, HF(F_ID), start + 4, 2, id);
    if (!get16(&w, start + 6, &off16)) return cur_status(&w);
    uint8_t fb = (uint8_t)(off16 >> 8);
    r = tw_add_bits(p, HF(F_FLAGS), start + 6, 1, fb);
    if (r >= 0 && tw_want_labels(p)) {
        char b[16];
        bitpat(b, sizeof b, 8, 0xe0, fb);
        char t[96];
        int n = snprintf(t, sizeof t, "%s = Flags: 0x%x", b, fb >> 5);
        if (fb & 0x80)
            n += snprintf(t + n, sizeof t - (size_t)n, ", %s",
                          pref_security_flag ? "Security flag" : "Reserved bit");
        if (fb & 0x40) n += snprintf(t + n, sizeof t - (size_t)n, ", Don't fragment");
        if (fb & 0x20) snprintf(t + n, sizeof t - (size_t)n, ", More fragments");
        tw_rec_label(p, r, "%s", t);
    }
    tw_tree_push(p, r);
    if (pref_security_flag) {
        int32_t sf = tw_add_bits(p, HF(F_FLAGS_SF), start + 6, 1, fb);
        (void)sf;
    } else {
        tw_add_bits(p, HF(F_FLAGS_RB), start + 6, 1, fb);
    }
    tw_add_bits(p, HF(F_FLAGS_DF), start + 6, 1, fb);
    tw_add_bits(p, HF(F_FLAGS_MF), start + 6, 1, fb);
    tw_tree_pop(p);
    if (pref_security_flag && (fb & 0x80)) expert_on(p, r, EX(E_EVIL), start + 6, 1);
    uint16_t frag = off16 & 0x1fff;
    r = tw_add_uint(p, HF(F_FRAG_OFFSET), start + 6, 2, frag);
    if (r >= 0 && tw_want_labels(p)) {
        char b[24];
        bitpat(b, sizeof b, 16, 0x1fff, off16);
        tw_rec_label(p, r, "%s = Fragment Offset: %u", b, (unsigned)frag * 8);
    }

    uint8_t ttl, proto;
    if (!get8(&w, start + 8, &ttl)) return cur_status(&w);
    int32_t r_ttl = tw_add_uint(p, HF(F_TTL), start + 8, 1, ttl);
    if (!get8(&w, start + 9, &proto)) return cur_status(&w);
    tw_add_uint(p, HF(F_PROTO), start + 9, 1, proto);

    uint16_t sum;
    if (!get16(&w, start + 10, &sum)) return cur_status(&w);
    bool sum_bad = false;
    const uint8_t *hdr;
    if (pref_check_checksum && tw_cur_try_peek(&w, 0, hlen, &hdr)) {
        uint16_t computed = tw_cksum_fold(tw_cksum_add(0, hdr, hlen));
        r = tw_add_uint(p, HF(F_CHECKSUM), start + 10, 2, sum);
        int32_t st;
        if (computed == 0) {
            if (tw_want_labels(p)) tw_rec_label(p, r, "Header Checksum: 0x%04x [correct]", sum);
            st = tw_add_uint(p, HF(F_CHECKSUM_STATUS), start + 10, 2, 1);
            if (tw_want_labels(p)) tw_rec_label(p, st, "Header checksum status: Good");
            tw_rec_flags(p, st, TW_RF_GENERATED);
            int32_t cr = tw_add_uint(p, HF(F_CHECKSUM_CALC), start + 10, 2, sum);
            tw_rec_flags(p, cr, TW_RF_GENERATED);
        } else {
            sum_bad = true;
            uint32_t sb = (uint32_t)sum + computed;
            sb = (sb & 0xffff) + (sb >> 16);
            sb = (sb & 0xffff) + (sb >> 16);
            if (tw_want_labels(p))
                tw_rec_label(p, r,
                             "Header Checksum: 0x%04x incorrect, should be 0x%04x(may be caused "
                             "by \"IP checksum offload\"?)",
                             sum, sb);
            tw_tree_push(p, r);
            tw_expert(p, EX(E_CHECKSUM_BAD), start + 10, 2, "Bad checksum [should be 0x%04x]",
                      sb);
            tw_tree_pop(p);
            st = tw_add_uint(p, HF(F_CHECKSUM_STATUS), start + 10, 2, 0);
            if (tw_want_labels(p)) tw_rec_label(p, st, "Header checksum status: Bad");
            tw_rec_flags(p, st, TW_RF_GENERATED);
            int32_t cr = tw_add_uint(p, HF(F_CHECKSUM_CALC), start + 10, 2, sb);
            tw_rec_flags(p, cr, TW_RF_GENERATED);
        }
    } else {
        r = tw_add_uint(p, HF(F_CHECKSUM), start + 10, 2, sum);
        if (tw_want_labels(p))
            tw_rec_label(p, r, "Header Checksum: 0x%04x [%s]", sum,
                         pref_check_checksum ? "not all data available" : "validation disabled");
        int32_t st = tw_add_uint(p, HF(F_CHECKSUM_STATUS), start + 10, 0, 2);
        tw_rec_flags(p, st, TW_RF_GENERATED);
        if (tw_want_labels(p)) tw_rec_label(p, st, "Header checksum status: Unverified");
    }

    const uint8_t *src = getp(&w, start + 12, 4);
    if (!src) return cur_status(&w);
    /* the source is known before the destination: a header that ends in between leaves the
     * destination column as the layer below set it */
    struct tw_addr prev_dst = p->net_src.type ? p->net_dst : p->dl_dst;
    p->net_src = (struct tw_addr){TW_AT_IPv4, 4, src};
    p->net_dst = prev_dst;
    bool labelled = tw_layer_recorded(p); /* the strings below serve the layer's label only */
    if (labelled) ip4str(s_src, src);
    if (labelled) tw_layer_label(p, "Internet Protocol Version 4, Src: %s", s_src);
    add_addr_group(p, F_SRC, F_SRC_HOST, start + 12, src);

    uint32_t dst_off = 0;
    if (hlen > 20 && !dst_offset(&w, start + 20, hlen - 20, &dst_off)) return cur_status(&w);
    const uint8_t *dst = getp(&w, start + 16 + dst_off, 4);
    if (!dst) return cur_status(&w);
    p->net_dst = (struct tw_addr){TW_AT_IPv4, 4, dst};
    if (labelled) ip4str(s_dst, dst);
    uint32_t d32 = (uint32_t)dst[0] << 24 | (uint32_t)dst[1] << 16 | (uint32_t)dst[2] << 8 | dst[3];
    if ((d32 & 0xffffff00) == 0xe0000000) {
        uint32_t valid = proto == 2 ? 1 : lncb_ttl(d32);
        if (ttl != valid && valid != 0x1000) {
            tw_tree_push(p, r_ttl);
            tw_expert(p, EX(E_TTL_LNCB), start + 8, 1,
                      "\"Time To Live\" != %u for a packet sent to the Local Network Control "
                      "Block (see RFC 3171)",
                      valid);
            tw_tree_pop(p);
        }
    } else if (ttl < 5 && (d32 & 0xf0000000) != 0xe0000000 && proto != 103 && proto != 89) {
        tw_tree_push(p, r_ttl);
        tw_expert(p, EX(E_TTL_TOO_SMALL), start + 8, 1, "\"Time To Live\" only %u", ttl);
        tw_tree_pop(p);
    }
    if (dst_off) {
        const uint8_t *cur = getp(&w, start + 16, 4);
        if (!cur) return cur_status(&w);
        char s_cur[16];
        ip4str(s_cur, cur);
        if (tw_layer_recorded(p))
            tw_layer_label(p, "Internet Protocol Version 4, Src: %s, Dst: %s, Via: %s", s_src,
                           s_dst, s_cur);
        tw_add_ptr(p, HF(F_CUR_RT), start + 16, 4, cur, 4);
        if (tw_want(p, HF(F_CUR_RT_HOST))) {
            r = tw_add_strf(p, HF(F_CUR_RT_HOST), start + 16, 4, "%s", s_cur);
            tw_rec_flags(p, r, TW_RF_GENERATED | TW_RF_HIDDEN);
        }
    } else {
        if (tw_layer_recorded(p))
            tw_layer_label(p, "Internet Protocol Version 4, Src: %s, Dst: %s", s_src, s_dst);
        add_addr_group(p, F_DST, F_DST_HOST, start + 16, dst);
    }

    if (hlen > 20) {
        uint32_t optlen = hlen - 20;
        /* the "Options" line covers them all: they must all be there */
        if (!getp(&w, start + 20, optlen)) return cur_status(&w);
        char names[1024];
        int n = snprintf(names, sizeof names, "Options: (%u bytes)", optlen);
        (void)n;
        int32_t oi = tw_add_text(p, start + 20, optlen, "%s", names);
        tw_tree_push(p, oi);
        bool ok = dissect_options(p, &w, start, start + 20, optlen, ttl, oi, names, sizeof names);
        tw_tree_pop(p);
        if (oi >= 0) tw_rec_label(p, oi, "%s", names);
        if (!ok) return cur_status(&w);
    }

    /* context for the layers above (pseudo-headers, ICMP's Info) */
    p->ctx.ip_version = 4;
    p->ctx.ip_src = p->net_src;
    p->ctx.ip_dst = p->net_dst;
    p->ctx.ip_proto = proto;
    p->ctx.ip_ttl = ttl;
    p->ctx.ip6_final_dst = NULL;
    p->ctx.ip6_home_addr = NULL;

    struct tw_cur pl = w;
    pl.off = start + hlen;
    if (pl.off > pl.end) pl.off = pl.end;
    pl = tw_cur_rest(&pl);
    p->ctx.ip_payload_off = pl.off;
    p->ctx.ip_payload_len = tw_cur_left(&pl);
    if (tw_tap_wanted(p, TW_TAP_IP)) publish_tap(p, &w, &pl, hlen, total, id, off16, ttl, proto);

    bool more = off16 & 0x2000;
    const uint8_t *tmp;
    bool reassemblable = pref_defragment && (off16 & 0x3fff) && total > hlen &&
                         tw_cur_try_peek(&w, hlen, total - hlen, &tmp) && !sum_bad;
    bool as_fragment = reassemblable || frag != 0;
    p->ctx.ip_fragment = as_fragment || more;
    if (as_fragment && pref_fragment_payload && tw_cur_left(&pl) > 0 &&
        tw_dispatch_find(TW_TBL_IP_PROTO, proto) >= 0) {
        tw_expert(p, EX(E_FRAG_PAYLOAD), start + 6, 2, NULL);
        p->ctx.ip_fragment = false; /* the layers above take the payload as whole */
        tw_next(p, TW_TBL_IP_PROTO, proto, pl);
        return TW_OK;
    }
    if (reassemblable) {
        /* Wireshark's key: the addresses and proto ^ id, ^ the VLAN id when an address is
         * private or link-local (such addresses may repeat on different VLANs) */
        uint8_t key[12];
        memcpy(key, src, 4);
        memcpy(key + 4, dst, 4);
        uint32_t xid = (uint32_t)proto ^ id;
        if (private_or_link_local(src) || private_or_link_local(dst)) xid ^= p->ctx.vlan_id;
        memcpy(key + 8, &xid, 4);
        struct tw_reasm_result res;
        if (tw_reasm_add(&reasm, p, key, sizeof key, (uint32_t)frag * 8, tmp, total - hlen, more,
                         &res)) {
            struct tw_cur rc = tw_new_source(p, res.data, res.len, "Reassembled IPv4");
            const struct tw_reasm_fields rf = {
                HF(F_FRAGMENTS),         HF(F_FRAGMENT),          HF(F_FRAG_ERROR),
                HF(F_FRAG_OVERLAP),      HF(F_FRAG_OVERLAP_CONFLICT),
                HF(F_FRAG_MULTIPLE_TAILS), HF(F_FRAG_TOO_LONG),   HF(F_FRAG_COUNT),
                HF(F_REASSEMBLED_LENGTH), HF(F_REASSEMBLED_DATA), "IPv4 Fragment",
                "IPv4 Fragments"};
            (void)rc;
            tw_reasm_tree(p, &res, &rf);
            if (res.flags & (TW_FRAG_CONFLICT | TW_FRAG_MULTIPLE_TAILS | TW_FRAG_TOO_LONG))
                tw_info_set(p, "[Illegal IPv4 fragments]");
            p->ctx.ip_fragment = false;
            p->ctx.ip_payload_off = 0;
            p->ctx.ip_payload_len = res.len;
            if (tw_dispatch_find(TW_TBL_IP_PROTO, proto) < 0 &&
                !(res.flags & (TW_FRAG_CONFLICT | TW_FRAG_MULTIPLE_TAILS | TW_FRAG_TOO_LONG)))
                tw_info_printf(p, "%s (%u)", ipproto_str(proto), proto);
            tw_next(p, TW_TBL_IP_PROTO, proto, rc);
            return TW_OK;
        }
    }
    if (as_fragment) {
        tw_info_printf(p, "Fragmented IP protocol (proto=%s %u, off=%u, ID=%04x)",
                       ipproto_str(proto), proto, (unsigned)frag * 8, id);
        tw_next(p, TW_TBL_NAME, TW_KEY_DATA, pl);
        return TW_OK;
    }
    if (tw_cur_left(&pl) > 0) {
        if (tw_dispatch_find(TW_TBL_IP_PROTO, proto) < 0)
            tw_info_printf(p, "%s (%u)", ipproto_str(proto), proto);
        tw_next(p, TW_TBL_IP_PROTO, proto, pl);
    }
    return TW_OK;
}

static void init(void)
{
    pref_check_checksum = tw_pref_bool("ip.check_checksum", false);
    pref_tso = tw_pref_bool("ip.tso_support", true);
    pref_defragment = tw_pref_bool("ip.defragment", true);
    pref_dscp = tw_pref_bool("ip.decode_tos_as_diffserv", true);
    pref_security_flag = tw_pref_bool("ip.security_flag", false);
    pref_fragment_payload = tw_pref_bool("ip.dissect_fragment_payload", false);
    /* datagrams waiting for fragments: at most 4096 and 64 MiB of fragments in all; each at
     * most 128 KiB (the largest offset, 65528, plus the largest payload) in 1024 fragments */
    tw_reasm_open(&reasm, "ip.reassembly", 4096, 128u << 10, 1024, (uint64_t)64 << 20);
}

static const struct tw_binding bindings[] = {
    {TW_TBL_ETHERTYPE, 0x0800},
    {TW_TBL_LINKTYPE, 228},    /* LINKTYPE_IPV4 */
    {TW_TBL_IP_PROTO, 4},      /* IP in IP */
    {TW_TBL_PPP_PROTO, 0x0021},
    {TW_TBL_NULL_FAMILY, 2},   /* BSD AF_INET */
};

const struct tw_proto tw_proto_ip = {
    .abbrev = "ip",
    .name = "Internet Protocol Version 4",
    .short_name = "IPv4",
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
