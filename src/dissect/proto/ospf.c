/* Open Shortest Path First, IP protocol 89: OSPFv2 (RFC 2328) and OSPFv3 (RFC 5340), as tshark
 * 4.0 shows them: the header (with v2 authentication: none, simple password, cryptographic),
 * Hello, Database Description, LS Request, LS Update and LS Acknowledge, the LSA header and the
 * bodies of the common LSAs (v2 router, network, summary, ASBR-summary, AS-external, NSSA; v3
 * router, network, inter-area-prefix, inter-area-router, AS-external, NSSA, link and
 * intra-area-prefix), and the v2 link-local signalling (LLS) block.
 *
 *   v2 header: version | type | length (2) | router ID | area ID | checksum | autype (2) |
 *              authentication (8)                                         (24 bytes)
 *   v3 header: version | type | length (2) | router ID | area ID | checksum | instance | 0
 *                                                                         (16 bytes)
 * Opaque LSAs (TE, grace, router information), the v3 LLS TLVs and the v3 authentication
 * trailer are shown by their LSA header or TLV header only.
 */
#include "../dissect.h"

#include <stdio.h>
#include <string.h>

static struct tw_proto_ids ids;
#define HF(x) ((uint16_t)(ids.base + (x)))
#define EX(x) ((uint16_t)(ids.expert_base + (x)))

enum {
    F_HEADER,
    F_VERSION,
    F_MSG,
    F_MSG_HELLO,
    F_MSG_DBDESC,
    F_MSG_LSREQ,
    F_MSG_LSUPDATE,
    F_MSG_LSACK,
    F_PACKET_LENGTH,
    F_SRCROUTER,
    F_AREA_ID,
    F_CHECKSUM,
    F_AUTH_TYPE,
    F_AUTH_NONE,
    F_AUTH_SIMPLE,
    F_AUTH_KEY_ID,
    F_AUTH_DATA_LENGTH,
    F_AUTH_SEQ,
    F_AUTH_DATA,
    F_AUTH_UNKNOWN,
    F_INSTANCE_ID,
    F_RESERVED,
    F_HELLO,
    F_HELLO_MASK,
    F_HELLO_IFID,
    F_HELLO_INTERVAL,
    F_HELLO_PRIO,
    F_HELLO_DEAD,
    F_HELLO_DR,
    F_HELLO_BDR,
    F_HELLO_NEIGHBOR,
    F_V2_OPTIONS,
    F_V2_OPT_DN,
    F_V2_OPT_O,
    F_V2_OPT_DC,
    F_V2_OPT_L,
    F_V2_OPT_N,
    F_V2_OPT_P,
    F_V2_OPT_MC,
    F_V2_OPT_E,
    F_V2_OPT_MT,
    F_V3_OPTIONS,
    F_V3_OPT_AT,
    F_V3_OPT_L,
    F_V3_OPT_AF,
    F_V3_OPT_DC,
    F_V3_OPT_R,
    F_V3_OPT_N,
    F_V3_OPT_MC,
    F_V3_OPT_E,
    F_V3_OPT_V6,
    F_DB_MTU,
    F_DBD,
    F_DBD_R,
    F_DBD_I,
    F_DBD_M,
    F_DBD_MS,
    F_DB_SEQ,
    F_LINK_STATE_ID,
    F_NUM_LSAS,
    F_LSA_AGE,
    F_LSA_DONOTAGE,
    F_LSA_TYPE,
    F_LSA_ROUTER,
    F_LSA_NETWORK,
    F_LSA_SUMMARY,
    F_LSA_ASBR,
    F_LSA_ASEXT,
    F_LSA_MEMBER,
    F_LSA_NSSA,
    F_LSA_ATTR,
    F_LSA_OPAQUE,
    F_LSA_OPAQUE_TYPE,
    F_LSA_OPAQUE_ID,
    F_LSA_TE_RESERVED,
    F_LSA_TE_INSTANCE,
    F_LSA_ID,
    F_ADVROUTER,
    F_LSA_SEQNUM,
    F_LSA_CHKSUM,
    F_LSA_LENGTH,
    F_V2_RFLAGS,
    F_V2_RFLAG_H,
    F_V2_RFLAG_N,
    F_V2_RFLAG_W,
    F_V2_RFLAG_V,
    F_V2_RFLAG_E,
    F_V2_RFLAG_B,
    F_NUM_LINKS,
    F_R_LINKID,
    F_R_LINKDATA,
    F_R_LINKTYPE,
    F_R_NUMMETRICS,
    F_R_METRIC0,
    F_LS_METRIC,
    F_NET_MASK,
    F_NET_ATTRTR,
    F_ASBR_MASK,
    F_LSA_TOS,
    F_LSA_EXT_TOS,
    F_METRIC,
    F_ASEXT_MASK,
    F_ASEXT_TYPE,
    F_ASEXT_FWD,
    F_ASEXT_TAG,
    F_V3_LSA,
    F_V3_LSA_U,
    F_V3_LSA_S12,
    F_V3_LSA_FC,
    F_V3_LSA_DONOTAGE,
    F_V3_T_ROUTER,
    F_V3_T_NETWORK,
    F_V3_T_INTERPREFIX,
    F_V3_T_INTERROUTER,
    F_V3_T_ASEXT,
    F_V3_T_MEMBER,
    F_V3_T_NSSA,
    F_V3_T_LINK,
    F_V3_T_INTRAPREFIX,
    F_V3_RFLAGS,
    F_V3_RFLAG_W,
    F_V3_RFLAG_V,
    F_V3_RFLAG_E,
    F_V3_RFLAG_B,
    F_V3_IF_TYPE,
    F_V3_IF_ID,
    F_V3_NBR_IF_ID,
    F_V3_NBR_RTR_ID,
    F_V3_ATTACHED,
    F_V3_DEST_RTR,
    F_PREFIX_LENGTH,
    F_V3_POPT,
    F_V3_POPT_P,
    F_V3_POPT_MC,
    F_V3_POPT_LA,
    F_V3_POPT_NU,
    F_V3_EXT_FLAGS,
    F_V3_EXT_E,
    F_V3_EXT_F,
    F_V3_EXT_T,
    F_V3_REF_LS_TYPE,
    F_V3_FWD6,
    F_V3_FWD4,
    F_V3_EXT_TAG,
    F_V3_REF_LSID,
    F_V3_REF_ADV,
    F_V3_LINK_PRIO,
    F_V3_LL6,
    F_V3_LL4,
    F_V3_NUM_PREFIXES,
    F_V3_PREFIX6,
    F_V3_PREFIX4,
    F_LLS_CHECKSUM,
    F_LLS_LENGTH,
    F_TLV_TYPE,
    F_TLV_LENGTH,
    F_LLS_EXT,
    F_LLS_EXT_RS,
    F_LLS_EXT_LR,
    F_LLS_SEQ,
    F_LLS_AUTH,
    F_COUNT
};

static const struct tw_vs msg_vals[] = {{1, "Hello Packet"},   {2, "DB Description"},
                                        {3, "LS Request"},     {4, "LS Update"},
                                        {5, "LS Acknowledge"}, {0, NULL}};
static const struct tw_vs auth_vals[] = {
    {0, "Null"}, {1, "Simple password"}, {2, "Cryptographic"}, {0, NULL}};
static const struct tw_vs ls_type_vals[] = {{1, "Router-LSA"},
                                            {2, "Network-LSA"},
                                            {3, "Summary-LSA (IP network)"},
                                            {4, "Summary-LSA (ASBR)"},
                                            {5, "AS-External-LSA (ASBR)"},
                                            {6, "Group Membership LSA"},
                                            {7, "NSSA AS-External-LSA"},
                                            {8, "External Attributes LSA"},
                                            {9, "Opaque LSA, Link-local scope"},
                                            {10, "Opaque LSA, Area-local scope"},
                                            {11, "Opaque LSA, AS-local scope"},
                                            {0, NULL}};
static const struct tw_vs opaque_type_vals[] = {{1, "Traffic Engineering LSA"},
                                                {2, "Sycamore Optical Topology Descriptions"},
                                                {3, "grace-LSA"},
                                                {4, "Optional Router Capabilities Opaque RI LSA"},
                                                {0, NULL}};
static const struct tw_vs v3_ls_type_vals[] = {{1, "Router-LSA"},
                                               {2, "Network-LSA"},
                                               {3, "Inter-Area-Prefix-LSA"},
                                               {4, "Inter-Area-Router-LSA"},
                                               {5, "AS-External-LSA"},
                                               {6, "Group-Membership-LSA"},
                                               {7, "NSSA-LSA"},
                                               {8, "Link-LSA"},
                                               {9, "Intra-Area-Prefix-LSA"},
                                               {12, "Router Information Opaque-LSA"},
                                               {0, NULL}};
static const struct tw_vs s12_vals[] = {
    {0, "Link-Local Scoping - Flooded only on originating link"},
    {1, "Area Scoping - Flooded only in originating area"},
    {2, "AS Scoping - Flooded throughout AS"},
    {3, "Reserved"},
    {0, NULL}};
static const struct tw_tfs tfs_u = {"Treat the LSA as if it had link-local flooding scope",
                                    "Store and flood the LSA as if the type is understood"};
static const struct tw_vs link_type_vals[] = {{1, "Point-to-point connection to another router"},
                                              {2, "Connection to a transit network"},
                                              {3, "Connection to a stub network"},
                                              {4, "Virtual link"},
                                              {0, NULL}};
static const struct tw_vs link_type_short[] = {
    {1, "PTP"}, {2, "Transit"}, {3, "Stub"}, {4, "Virtual"}, {0, NULL}};
static const struct tw_vs link_id_vals[] = {{1, "Neighboring router's Router ID"},
                                            {2, "IP address of Designated Router"},
                                            {3, "IP network/subnet number"},
                                            {4, "Neighboring router's Router ID"},
                                            {0, NULL}};
static const struct tw_rs instance_rvals[] = {
    {0, 31, "IPv6 unicast AF"},     {32, 63, "IPv6 multicast AF"}, {64, 95, "IPv4 unicast AF"},
    {96, 127, "IPv4 multicast AF"}, {128, 255, "Reserved"},        {0, 0, NULL}};
static const struct tw_tfs tfs_ext_type = {
    "Type 2 (metric is larger than any other link state path)",
    "Type 1 (metric is specified in the same units as interface cost)"};
static const struct tw_tfs tfs_supported = {"Supported", "Not supported"};
static const struct tw_tfs tfs_present = {"Present", "Not Present"};
static const struct tw_tfs tfs_capable = {"Capable", "Not capable"};
static const struct tw_tfs tfs_yes_no = {"Yes", "No"};
static const struct tw_tfs tfs_true_false = {"True", "False"};
static const struct tw_tfs tfs_type12 = {"Type 2", "Type 1"};
static const struct tw_tfs tfs_present_absent = {"Present", "Absent"};

#define SN &tw_tfs_set_notset
#define B(abbr, name, w, m, tfs)                                                                   \
    {                                                                                              \
        abbr, name, TW_FT_BOOLEAN, w, m, NULL, NULL, tfs                                           \
    }
#define HID(abbr, name)                                                                            \
    {                                                                                              \
        abbr, name, TW_FT_BOOLEAN, 0                                                               \
    }
static const struct tw_field_def fields[F_COUNT] = {
    [F_HEADER] = {"ospf.header", "OSPF Header", TW_FT_NONE},
    [F_VERSION] = {"ospf.version", "Version", TW_FT_UINT8, TW_BASE_DEC},
    [F_MSG] = {"ospf.msg", "Message Type", TW_FT_UINT8, TW_BASE_DEC, 0, msg_vals},
    [F_MSG_HELLO] = HID("ospf.msg.hello", "Hello"),
    [F_MSG_DBDESC] = HID("ospf.msg.dbdesc", "Database Description"),
    [F_MSG_LSREQ] = HID("ospf.msg.lsreq", "Link State Adv Request"),
    [F_MSG_LSUPDATE] = HID("ospf.msg.lsupdate", "Link State Adv Update"),
    [F_MSG_LSACK] = HID("ospf.msg.lsack", "Link State Adv Acknowledgement"),
    [F_PACKET_LENGTH] = {"ospf.packet_length", "Packet Length", TW_FT_UINT16, TW_BASE_DEC},
    [F_SRCROUTER] = {"ospf.srcrouter", "Source OSPF Router", TW_FT_IPv4},
    [F_AREA_ID] = {"ospf.area_id", "Area ID", TW_FT_IPv4},
    [F_CHECKSUM] = {"ospf.checksum", "Checksum", TW_FT_UINT16, TW_BASE_HEX},
    [F_AUTH_TYPE] = {"ospf.auth.type", "Auth Type", TW_FT_UINT16, TW_BASE_DEC, 0, auth_vals},
    [F_AUTH_NONE] = {"ospf.auth.none", "Auth Data (none)", TW_FT_BYTES, TW_BASE_NONE},
    [F_AUTH_SIMPLE] = {"ospf.auth.simple", "Auth Data (Simple)", TW_FT_STRING},
    [F_AUTH_KEY_ID] = {"ospf.auth.crypt.key_id", "Auth Crypt Key id", TW_FT_UINT8, TW_BASE_DEC},
    [F_AUTH_DATA_LENGTH] = {"ospf.auth.crypt.data_length", "Auth Crypt Data Length", TW_FT_UINT8,
                            TW_BASE_DEC},
    [F_AUTH_SEQ] = {"ospf.auth.crypt.seq_nbr", "Auth Crypt Sequence Number", TW_FT_UINT32,
                    TW_BASE_DEC},
    [F_AUTH_DATA] = {"ospf.auth.crypt.data", "Auth Crypt Data", TW_FT_BYTES},
    [F_AUTH_UNKNOWN] = {"ospf.auth.unknown", "Auth Unknown", TW_FT_BYTES},
    [F_INSTANCE_ID] = {"ospf.instance_id", "Instance ID", TW_FT_UINT8, TW_BASE_DEC, 0, NULL,
                       instance_rvals},
    [F_RESERVED] = {"ospf.reserved", "Reserved", TW_FT_BYTES, TW_BASE_NONE, 0, NULL, NULL, NULL,
                    "Must be zero"},
    [F_HELLO] = {"ospf.hello", "OSPF Hello Packet", TW_FT_NONE},
    [F_HELLO_MASK] = {"ospf.hello.network_mask", "Network Mask", TW_FT_IPv4},
    [F_HELLO_IFID] = {"ospf.hello.interface_id", "Interface ID", TW_FT_UINT32, TW_BASE_DEC},
    [F_HELLO_INTERVAL] = {"ospf.hello.hello_interval", "Hello Interval [sec]", TW_FT_UINT32,
                          TW_BASE_DEC},
    [F_HELLO_PRIO] = {"ospf.hello.router_priority", "Router Priority", TW_FT_UINT8, TW_BASE_DEC},
    [F_HELLO_DEAD] = {"ospf.hello.router_dead_interval", "Router Dead Interval [sec]", TW_FT_UINT32,
                      TW_BASE_DEC},
    [F_HELLO_DR] = {"ospf.hello.designated_router", "Designated Router", TW_FT_IPv4},
    [F_HELLO_BDR] = {"ospf.hello.backup_designated_router", "Backup Designated Router", TW_FT_IPv4},
    [F_HELLO_NEIGHBOR] = {"ospf.hello.active_neighbor", "Active Neighbor", TW_FT_IPv4},
    [F_V2_OPTIONS] = {"ospf.v2.options", "Options", TW_FT_UINT8, TW_BASE_HEX},
    [F_V2_OPT_DN] = B("ospf.v2.options.dn", "DN", 8, 0x80, SN),
    [F_V2_OPT_O] = B("ospf.v2.options.o", "O", 8, 0x40, SN),
    [F_V2_OPT_DC] = B("ospf.v2.options.dc", "(DC) Demand Circuits", 8, 0x20, &tfs_supported),
    [F_V2_OPT_L] = B("ospf.v2.options.l", "(L) LLS Data block", 8, 0x10, &tfs_present),
    [F_V2_OPT_N] = B("ospf.v2.options.n", "(N) NSSA", 8, 0x08, &tfs_supported),
    [F_V2_OPT_P] = B("ospf.v2.options.p", "(P) Propagate", 8, 0x08, SN),
    [F_V2_OPT_MC] = B("ospf.v2.options.mc", "(MC) Multicast", 8, 0x04, &tfs_capable),
    [F_V2_OPT_E] = B("ospf.v2.options.e", "(E) External Routing", 8, 0x02, &tfs_capable),
    [F_V2_OPT_MT] = B("ospf.v2.options.mt", "(MT) Multi-Topology Routing", 8, 0x01, &tfs_yes_no),
    [F_V3_OPTIONS] = {"ospf.v3.options", "Options", TW_FT_UINT24, TW_BASE_HEX},
    [F_V3_OPT_AT] = B("ospf.v3.options.at", "AT", 24, 0x400, SN),
    [F_V3_OPT_L] = B("ospf.v3.options.l", "L", 24, 0x200, SN),
    [F_V3_OPT_AF] = B("ospf.v3.options.af", "AF", 24, 0x100, SN),
    [F_V3_OPT_DC] = B("ospf.v3.options.dc", "DC", 24, 0x20, SN),
    [F_V3_OPT_R] = B("ospf.v3.options.r", "R", 24, 0x10, SN),
    [F_V3_OPT_N] = B("ospf.v3.options.n", "N", 24, 0x08, SN),
    [F_V3_OPT_MC] = B("ospf.v3.options.mc", "MC", 24, 0x04, SN),
    [F_V3_OPT_E] = B("ospf.v3.options.e", "E", 24, 0x02, SN),
    [F_V3_OPT_V6] = B("ospf.v3.options.v6", "V6", 24, 0x01, SN),
    [F_DB_MTU] = {"ospf.db.interface_mtu", "Interface MTU", TW_FT_UINT16, TW_BASE_DEC},
    [F_DBD] = {"ospf.dbd", "DB Description", TW_FT_UINT8, TW_BASE_HEX},
    [F_DBD_R] = B("ospf.dbd.r", "(R) OOBResync", 8, 0x08, SN),
    [F_DBD_I] = B("ospf.dbd.i", "(I) Init", 8, 0x04, SN),
    [F_DBD_M] = B("ospf.dbd.m", "(M) More", 8, 0x02, SN),
    [F_DBD_MS] = B("ospf.dbd.ms", "(MS) Master", 8, 0x01, &tfs_yes_no),
    [F_DB_SEQ] = {"ospf.db.dd_sequence", "DD Sequence", TW_FT_UINT32, TW_BASE_DEC},
    [F_LINK_STATE_ID] = {"ospf.link_state_id", "Link State ID", TW_FT_IPv4},
    [F_NUM_LSAS] = {"ospf.ls.number_of_lsas", "Number of LSAs", TW_FT_UINT32, TW_BASE_DEC},
    [F_LSA_AGE] = {"ospf.lsa.age", "LS Age (seconds)", TW_FT_UINT16, TW_BASE_DEC, 0x7fff},
    [F_LSA_DONOTAGE] = {"ospf.lsa.donotage", "Do Not Age Flag", TW_FT_UINT16, TW_BASE_DEC, 0x8000},
    [F_LSA_TYPE] = {"ospf.lsa", "LS Type", TW_FT_UINT8, TW_BASE_DEC, 0, ls_type_vals},
    [F_LSA_ROUTER] = HID("ospf.lsa.router", "Router LSA"),
    [F_LSA_NETWORK] = HID("ospf.lsa.network", "Network LSA"),
    [F_LSA_SUMMARY] = HID("ospf.lsa.summary", "Summary LSA (IP Network)"),
    [F_LSA_ASBR] = HID("ospf.lsa.asbr", "Summary LSA (ASBR)"),
    [F_LSA_ASEXT] = HID("ospf.lsa.asext", "AS-External LSA (ASBR)"),
    [F_LSA_MEMBER] = HID("ospf.lsa.member", "Group Membership LSA"),
    [F_LSA_NSSA] = HID("ospf.lsa.nssa", "NSSA AS-External LSA"),
    [F_LSA_ATTR] = HID("ospf.lsa.attr", "External Attributes LSA"),
    [F_LSA_OPAQUE] = HID("ospf.lsa.opaque", "Opaque LSA"),
    [F_LSA_OPAQUE_TYPE] = {"ospf.lsa.opaque_type", "Link State ID Opaque Type", TW_FT_UINT8,
                           TW_BASE_DEC, 0, opaque_type_vals},
    [F_LSA_OPAQUE_ID] = {"ospf.lsa.opaque_id", "Link State ID Opaque ID", TW_FT_UINT24,
                         TW_BASE_DEC},
    [F_LSA_TE_RESERVED] = {"ospf.lsid_te_lsa.reserved", "Link State ID TE-LSA Reserved",
                           TW_FT_UINT8, TW_BASE_DEC},
    [F_LSA_TE_INSTANCE] = {"ospf.lsid_te_lsa.instance", "Link State ID TE-LSA Instance",
                           TW_FT_UINT16, TW_BASE_DEC},
    [F_LSA_ID] = {"ospf.lsa.id", "Link State ID", TW_FT_IPv4},
    [F_ADVROUTER] = {"ospf.advrouter", "Advertising Router", TW_FT_IPv4},
    [F_LSA_SEQNUM] = {"ospf.lsa.seqnum", "Sequence Number", TW_FT_UINT32, TW_BASE_HEX},
    [F_LSA_CHKSUM] = {"ospf.lsa.chksum", "Checksum", TW_FT_UINT16, TW_BASE_HEX},
    [F_LSA_LENGTH] = {"ospf.lsa.length", "Length", TW_FT_UINT16, TW_BASE_DEC},
    [F_V2_RFLAGS] = {"ospf.v2.router.lsa.flags", "Flags", TW_FT_UINT8, TW_BASE_HEX},
    [F_V2_RFLAG_H] = B("ospf.v2.router.lsa.flags.h", "(H) flag", 8, 0x80, &tfs_yes_no),
    [F_V2_RFLAG_N] = B("ospf.v2.router.lsa.flags.n", "(N) flag", 8, 0x10, &tfs_yes_no),
    [F_V2_RFLAG_W] =
        B("ospf.v2.router.lsa.flags.w", "(W) Wild-card multicast receiver", 8, 0x08, &tfs_yes_no),
    [F_V2_RFLAG_V] =
        B("ospf.v2.router.lsa.flags.v", "(V) Virtual link endpoint", 8, 0x04, &tfs_yes_no),
    [F_V2_RFLAG_E] =
        B("ospf.v2.router.lsa.flags.e", "(E) AS boundary router", 8, 0x02, &tfs_yes_no),
    [F_V2_RFLAG_B] =
        B("ospf.v2.router.lsa.flags.b", "(B) Area border router", 8, 0x01, &tfs_yes_no),
    [F_NUM_LINKS] = {"ospf.lsa.number_of_links", "Number of Links", TW_FT_UINT16, TW_BASE_DEC},
    [F_R_LINKID] = {"ospf.lsa.router.linkid", "Link ID", TW_FT_IPv4},
    [F_R_LINKDATA] = {"ospf.lsa.router.linkdata", "Link Data", TW_FT_IPv4},
    [F_R_LINKTYPE] = {"ospf.lsa.router.linktype", "Link Type", TW_FT_UINT8, TW_BASE_DEC},
    [F_R_NUMMETRICS] = {"ospf.lsa.router.nummetrics", "Number of Metrics", TW_FT_UINT8,
                        TW_BASE_DEC},
    [F_R_METRIC0] = {"ospf.lsa.router.metric0", "0 Metric", TW_FT_UINT16, TW_BASE_DEC},
    [F_LS_METRIC] = {"ospf.ls.metric", "Metric", TW_FT_UINT32, TW_BASE_DEC},
    [F_NET_MASK] = {"ospf.lsa.network.netmask", "Netmask", TW_FT_IPv4},
    [F_NET_ATTRTR] = {"ospf.lsa.network.attchrtr", "Attached Router", TW_FT_IPv4},
    [F_ASBR_MASK] = {"ospf.lsa.asbr.netmask", "Netmask", TW_FT_IPv4},
    [F_LSA_TOS] = {"ospf.lsa.tos", "TOS", TW_FT_UINT8, TW_BASE_DEC},
    [F_LSA_EXT_TOS] = {"ospf.lsa.tos", "TOS", TW_FT_UINT8, TW_BASE_DEC, 0x7f},
    [F_METRIC] = {"ospf.metric", "Metric", TW_FT_UINT32, TW_BASE_DEC},
    [F_ASEXT_MASK] = {"ospf.lsa.asext.netmask", "Netmask", TW_FT_IPv4},
    [F_ASEXT_TYPE] = B("ospf.lsa.asext.type", "External Type", 8, 0x80, &tfs_ext_type),
    [F_ASEXT_FWD] = {"ospf.lsa.asext.fwdaddr", "Forwarding Address", TW_FT_IPv4},
    [F_ASEXT_TAG] = {"ospf.lsa.asext.extrttag", "External Route Tag", TW_FT_UINT32, TW_BASE_DEC},
    [F_V3_LSA] = {"ospf.v3.lsa", "LS Type", TW_FT_UINT16, TW_BASE_HEX},
    [F_V3_LSA_U] = B("ospf.v3.lsa.u", "LSA Handling", 16, 0x8000, &tfs_u),
    [F_V3_LSA_S12] = {"ospf.v3.lsa.s12", "Flooding Scope", TW_FT_UINT16, TW_BASE_HEX, 0x6000,
                      s12_vals},
    [F_V3_LSA_FC] = {"ospf.v3.lsa.fc", "Function Code", TW_FT_UINT16, TW_BASE_DEC, 0x1fff,
                     v3_ls_type_vals},
    [F_V3_LSA_DONOTAGE] = B("ospf.v3.lsa.do_not_age", "Do Not Age", 16, 0x8000, &tfs_true_false),
    [F_V3_T_ROUTER] = HID("ospf.v3.lsa.router", "Router-LSA"),
    [F_V3_T_NETWORK] = HID("ospf.v3.lsa.network", "Network-LSA"),
    [F_V3_T_INTERPREFIX] = HID("ospf.v3.lsa.interprefix", "Inter-Area-Prefix-LSA"),
    [F_V3_T_INTERROUTER] = HID("ospf.v3.lsa.interrouter", "Inter-Area-Router-LSA"),
    [F_V3_T_ASEXT] = HID("ospf.v3.lsa.asext", "AS-External-LSA"),
    [F_V3_T_MEMBER] = HID("ospf.v3.lsa.member", "Group-Membership-LSA"),
    [F_V3_T_NSSA] = HID("ospf.v3.lsa.nssa", "NSSA-LSA"),
    [F_V3_T_LINK] = HID("ospf.v3.lsa.link", "Link-LSA"),
    [F_V3_T_INTRAPREFIX] = HID("ospf.v3.lsa.intraprefix", "Intra-Area-Prefix-LSA"),
    [F_V3_RFLAGS] = {"ospf.v3.router.lsa.flags", "Flags", TW_FT_UINT8, TW_BASE_HEX},
    [F_V3_RFLAG_W] =
        B("ospf.v3.router.lsa.flags.w", "(W) Wild-card multicast receiver", 8, 0x08, &tfs_yes_no),
    [F_V3_RFLAG_V] =
        B("ospf.v3.router.lsa.flags.v", "(V) Virtual link endpoint", 8, 0x04, &tfs_yes_no),
    [F_V3_RFLAG_E] =
        B("ospf.v3.router.lsa.flags.e", "(E) AS boundary router", 8, 0x02, &tfs_yes_no),
    [F_V3_RFLAG_B] =
        B("ospf.v3.router.lsa.flags.b", "(B) Area border router", 8, 0x01, &tfs_yes_no),
    [F_V3_IF_TYPE] = {"ospf.v3.lsa.type", "Type", TW_FT_UINT8, TW_BASE_DEC, 0, link_type_vals},
    [F_V3_IF_ID] = {"ospf.v3.lsa.interface_id", "Interface ID", TW_FT_UINT32, TW_BASE_DEC},
    [F_V3_NBR_IF_ID] = {"ospf.v3.lsa.neighbor_interface_id", "Neighbor Interface ID", TW_FT_UINT32,
                        TW_BASE_DEC},
    [F_V3_NBR_RTR_ID] = {"ospf.v3.lsa.neighbor_router_id", "Neighbor Router ID", TW_FT_IPv4},
    [F_V3_ATTACHED] = {"ospf.v3.lsa.attached_router", "Attached Router", TW_FT_IPv4},
    [F_V3_DEST_RTR] = {"ospf.v3.lsa.destination_router_id", "Destination Router ID", TW_FT_IPv4},
    [F_PREFIX_LENGTH] = {"ospf.prefix_length", "PrefixLength", TW_FT_UINT8, TW_BASE_DEC},
    [F_V3_POPT] = {"ospf.v3.prefix.options", "PrefixOptions", TW_FT_UINT8, TW_BASE_HEX},
    [F_V3_POPT_P] = B("ospf.v3.prefix.options.p", "(P) Propagate", 8, 0x08, SN),
    [F_V3_POPT_MC] = B("ospf.v3.prefix.options.mc", "(MC) Multicast", 8, 0x04, SN),
    [F_V3_POPT_LA] = B("ospf.v3.prefix.options.la", "(LA) Local Address", 8, 0x02, SN),
    [F_V3_POPT_NU] = B("ospf.v3.prefix.options.nu", "(NU) NoUnicast", 8, 0x01, SN),
    [F_V3_EXT_FLAGS] = {"ospf.v3.as.external.flags", "Flags", TW_FT_UINT8, TW_BASE_HEX},
    [F_V3_EXT_E] = B("ospf.v3.as.external.flags.e", "(E) External Metric", 8, 0x04, &tfs_type12),
    [F_V3_EXT_F] =
        B("ospf.v3.as.external.flags.f", "(F) Forwarding Address", 8, 0x02, &tfs_present_absent),
    [F_V3_EXT_T] =
        B("ospf.v3.as.external.flags.t", "(T) External Route Tag", 8, 0x01, &tfs_present_absent),
    [F_V3_REF_LS_TYPE] = {"ospf.v3.lsa.referenced_ls_type", "Referenced LS type", TW_FT_UINT16,
                          TW_BASE_HEX, 0, v3_ls_type_vals},
    [F_V3_FWD6] = {"ospf.v3.lsa.forwarding_address.ipv6", "Forwarding Address", TW_FT_IPv6},
    [F_V3_FWD4] = {"ospf.v3.lsa.forwarding_address.ipv4", "Forwarding Address", TW_FT_IPv4},
    [F_V3_EXT_TAG] = {"ospf.v3.lsa.external_route_tag", "External Route Tag", TW_FT_UINT32,
                      TW_BASE_DEC},
    [F_V3_REF_LSID] = {"ospf.v3.lsa.referenced_link_state_id", "Referenced Link State ID",
                       TW_FT_IPv4},
    [F_V3_REF_ADV] = {"ospf.v3.lsa.referenced_advertising_router", "Referenced Advertising Router",
                      TW_FT_IPv4},
    [F_V3_LINK_PRIO] = {"ospf.v3.lsa.router_priority", "Router Priority", TW_FT_UINT8, TW_BASE_DEC},
    [F_V3_LL6] = {"ospf.v3.lsa.link_local_interface_address.ipv6", "Link-local Interface Address",
                  TW_FT_IPv6},
    [F_V3_LL4] = {"ospf.v3.lsa.link_local_interface_address.ipv4", "Link-local Interface Address",
                  TW_FT_IPv4},
    [F_V3_NUM_PREFIXES] = {"ospf.v3.lsa.num_prefixes", "# prefixes", TW_FT_UINT32, TW_BASE_DEC},
    [F_V3_PREFIX6] = {"ospf.v3.address_prefix.ipv6", "Address Prefix", TW_FT_IPv6},
    [F_V3_PREFIX4] = {"ospf.v3.address_prefix.ipv4", "Address Prefix", TW_FT_IPv4},
    [F_LLS_CHECKSUM] = {"ospf.lls.checksum", "Checksum", TW_FT_UINT16, TW_BASE_HEX},
    [F_LLS_LENGTH] = {"ospf.lls.data_length", "LLS Data Length", TW_FT_UINT16, TW_BASE_DEC, 0, NULL,
                      NULL, NULL, NULL, " bytes"},
    [F_TLV_TYPE] = {"ospf.tlv_type", "TLV Type", TW_FT_UINT16, TW_BASE_DEC},
    [F_TLV_LENGTH] = {"ospf.tlv_length", "TLV Length", TW_FT_UINT16, TW_BASE_DEC},
    [F_LLS_EXT] = {"ospf.lls.ext.options", "Options", TW_FT_UINT32, TW_BASE_HEX},
    [F_LLS_EXT_RS] = B("ospf.lls.ext.options.rs", "(RS) Restart Signal", 32, 0x2, SN),
    [F_LLS_EXT_LR] = B("ospf.lls.ext.options.lr", "(LR) LSDB Resynchronization", 32, 0x1, SN),
    [F_LLS_SEQ] = {"ospf.v2.lls.sequence_number", "Sequence number", TW_FT_UINT32, TW_BASE_HEX},
    [F_LLS_AUTH] = {"ospf.v2.lls.auth_data", "Auth Data", TW_FT_BYTES},
};

enum { E_RESERVED, E_BAD_LENGTH, E_TOS_MISSING, E_UNKNOWN_TYPE, E_COUNT };
static const struct tw_expert_def experts[E_COUNT] = {
    [E_RESERVED] = {"ospf.reserved.not_zero", "decoder.ospf.reserved_not_zero", TW_SEV_WARN,
                    TW_GRP_PROTOCOL, "incorrect, should be 0"},
    [E_BAD_LENGTH] = {"ospf.lsa.invalid_length", "decoder.ospf.lsa_invalid_length", TW_SEV_ERROR,
                      TW_GRP_MALFORMED, "Invalid length"},
    [E_TOS_MISSING] = {"ospf.lsa.tos_missing", "decoder.ospf.lsa_tos_missing", TW_SEV_ERROR,
                       TW_GRP_MALFORMED, "Blocks missing"},
    [E_UNKNOWN_TYPE] = {"ospf.lsa.unknown_type", "decoder.ospf.lsa_unknown_type", TW_SEV_WARN,
                        TW_GRP_PROTOCOL, "Unknown LSA Type"},
};

/* the running dissection: its cursor and whether a read failed (Wireshark's exception) */
struct ox {
    struct tw_pkt *p;
    struct tw_cur *c;
    bool err;
    uint8_t af; /* v3: 4 or 6 */
};

static bool have(struct ox *x, uint32_t off, uint32_t n)
{
    if (x->err) return false;
    struct tw_cur t = *x->c;
    t.off = off;
    if (tw_cur_need(&t, n)) return true;
    if (!x->c->err) x->c->err = t.err;
    x->err = true;
    return false;
}
static uint32_t u8(struct ox *x, uint32_t off)
{
    return x->c->data[off];
}
static uint32_t u16(struct ox *x, uint32_t off)
{
    const uint8_t *b = x->c->data + off;
    return (uint32_t)b[0] << 8 | b[1];
}
static uint32_t u24(struct ox *x, uint32_t off)
{
    const uint8_t *b = x->c->data + off;
    return (uint32_t)b[0] << 16 | (uint32_t)b[1] << 8 | b[2];
}
static uint32_t u32(struct ox *x, uint32_t off)
{
    const uint8_t *b = x->c->data + off;
    return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

/* add an integer field read from n bytes at off; false (and nothing added) when not there */
static int32_t uint_at(struct ox *x, int f, uint32_t off, uint32_t n)
{
    if (!have(x, off, n)) return -2;
    uint32_t v = n == 1 ? u8(x, off) : n == 2 ? u16(x, off) : n == 3 ? u24(x, off) : u32(x, off);
    return tw_add_uint(x->p, HF(f), off, n, v);
}
static int32_t ip4_at(struct ox *x, int f, uint32_t off)
{
    if (!have(x, off, 4)) return -2;
    return tw_add_ptr(x->p, HF(f), off, 4, x->c->data + off, 4);
}
static int32_t bytes_at(struct ox *x, int f, uint32_t off, uint32_t n)
{
    if (!have(x, off, n)) return -2;
    return tw_add_ptr(x->p, HF(f), off, n, x->c->data + off, n);
}
/* a reserved field (ospf.reserved), with its expert when not zero */
static void reserved_at(struct ox *x, uint32_t off, uint32_t n)
{
    if (!have(x, off, n)) return;
    int32_t r = tw_add_ptr(x->p, HF(F_RESERVED), off, n, x->c->data + off, n);
    bool nz = false;
    for (uint32_t i = 0; i < n; i++) nz |= x->c->data[off + i] != 0;
    if (nz) {
        tw_tree_push(x->p, r);
        tw_expert(x->p, EX(E_RESERVED), off, n, "incorrect, should be 0");
        tw_tree_pop(x->p);
    }
}

/* Wireshark's dissect_ospf_bitfield: the parent "Name: 0x.., A, B" and its bits, first to last */
static void bitfield(struct ox *x, int parent, int first, int last, uint32_t off, uint32_t n,
                     int skip)
{
    if (!have(x, off, n)) return;
    uint32_t v = n == 1 ? u8(x, off) : n == 3 ? u24(x, off) : u32(x, off);
    struct tw_pkt *p = x->p;
    int32_t r = tw_add_uint(p, HF(parent), off, n, v);
    if (r >= 0 && tw_want_labels(p)) {
        char lab[256];
        int k = snprintf(lab, sizeof lab, "%s: 0x%0*x", fields[parent].name, (int)n * 2, v);
        for (int f = first; f <= last && k > 0 && (size_t)k < sizeof lab; f++)
            if ((v & fields[f].mask) && f != skip)
                k += snprintf(lab + k, sizeof lab - (size_t)k, ", %s", fields[f].name);
        tw_rec_label(p, r, "%s", lab);
    }
    tw_tree_push(p, r);
    for (int f = first; f <= last; f++)
        if (f != skip) tw_add_bits(p, HF(f), off, n, v);
    tw_tree_pop(p);
}
static void v2_options(struct ox *x, uint32_t off, bool lsa7)
{
    /* bit 0x08 is (N) NSSA, or (P) Propagate in an NSSA LSA */
    bitfield(x, F_V2_OPTIONS, F_V2_OPT_DN, F_V2_OPT_MT, off, 1, lsa7 ? F_V2_OPT_N : F_V2_OPT_P);
}
static void v3_options(struct ox *x, uint32_t off)
{
    bitfield(x, F_V3_OPTIONS, F_V3_OPT_AT, F_V3_OPT_V6, off, 3, -1);
}

/* v3 address prefix of plen bits at off ((plen+31)/32 words), as IPv6 or IPv4 */
static void address_prefix(struct ox *x, uint32_t off, uint32_t plen)
{
    uint32_t n = (plen + 31) / 32 * 4;
    if (x->af == 4) {
        if (n > 4) n = 4;
        if (!have(x, off, n)) return;
        uint8_t *a = tw_arena_alloc(x->p->arena, 4);
        if (!a) return;
        memset(a, 0, 4);
        memcpy(a, x->c->data + off, n);
        tw_add_ptr(x->p, HF(F_V3_PREFIX4), off, n, a, 4);
        return;
    }
    if (n > 16) n = 16;
    if (!have(x, off, n)) return;
    uint8_t *a = tw_arena_alloc(x->p->arena, 16);
    if (!a) return;
    memset(a, 0, 16);
    memcpy(a, x->c->data + off, n);
    tw_add_ptr(x->p, HF(F_V3_PREFIX6), off, n, a, 16);
}

static void v3_prefix_options(struct ox *x, uint32_t off)
{
    bitfield(x, F_V3_POPT, F_V3_POPT_P, F_V3_POPT_NU, off, 1, -1);
}

static const char *ip4s(char *b, const uint8_t *a)
{
    snprintf(b, 16, "%u.%u.%u.%u", a[0], a[1], a[2], a[3]);
    return b;
}

/* an OSPFv2 LSA (header, and body when `body`); returns the next offset, or 0 to stop */
static uint32_t v2_lsa(struct ox *x, uint32_t off, bool body)
{
    struct tw_pkt *p = x->p;
    if (!have(x, off + 3, 1) || !have(x, off + 18, 2)) return 0;
    uint8_t type = (uint8_t)u8(x, off + 3);
    uint32_t len = u16(x, off + 18), end = off + len;
    const char *tn = tw_vs_find(ls_type_vals, type);
    /* tshark takes the LSA's bytes (a subset of its claimed length) before anything else */
    if (body && !have(x, off, len)) return 0;
    int32_t t = tw_add_text(p, off, body ? len : 20, "LSA-type %d (%s), len %d", type,
                            tn ? tn : "Unknown", len);
    tw_tree_push(p, t);
    uint32_t ret = 0;
    if (!have(x, off, 2)) goto out;
    tw_add_bits(p, HF(F_LSA_AGE), off, 2, u16(x, off));
    tw_add_bits(p, HF(F_LSA_DONOTAGE), off, 2, u16(x, off));
    if (!have(x, off + 2, 1)) goto out;
    uint8_t options = (uint8_t)u8(x, off + 2);
    v2_options(x, off + 2, type == 7);
    tw_add_uint(p, HF(F_LSA_TYPE), off + 3, 1, type);
    if (type >= 1 && type <= 8)
        tw_rec_flags(p, tw_add_uint(p, HF(F_LSA_ROUTER + type - 1), off + 3, 1, type),
                     TW_RF_HIDDEN);
    else if (type >= 9 && type <= 11)
        tw_rec_flags(p, tw_add_uint(p, HF(F_LSA_OPAQUE), off + 3, 1, type), TW_RF_HIDDEN);
    const char *mtype = options & 1 ? "MT-ID" : "TOS";
    uint8_t opaque = 0;
    if (type >= 9 && type <= 11) {
        if (!have(x, off + 4, 4)) goto out;
        opaque = (uint8_t)u8(x, off + 4);
        tw_add_uint(p, HF(F_LSA_OPAQUE_TYPE), off + 4, 1, opaque);
        if (opaque == 1) {
            tw_add_uint(p, HF(F_LSA_TE_RESERVED), off + 5, 1, u8(x, off + 5));
            tw_add_uint(p, HF(F_LSA_TE_INSTANCE), off + 6, 2, u16(x, off + 6));
        } else {
            tw_add_uint(p, HF(F_LSA_OPAQUE_ID), off + 5, 3, u24(x, off + 5));
        }
    } else if (ip4_at(x, F_LSA_ID, off + 4) == -2)
        goto out;
    if (ip4_at(x, F_ADVROUTER, off + 8) == -2) goto out;
    if (uint_at(x, F_LSA_SEQNUM, off + 12, 4) == -2) goto out;
    if (uint_at(x, F_LSA_CHKSUM, off + 16, 2) == -2) goto out;
    int32_t lr = tw_add_uint(p, HF(F_LSA_LENGTH), off + 18, 2, len);
    static const uint8_t minlen[] = {0, 24, 28, 28, 28, 36, 20, 36, 20, 20, 20, 20};
    if ((type && type <= 11 && len < minlen[type]) || ((!type || type > 11) && len < 20)) {
        tw_tree_push(p, lr);
        if (type && type <= 11)
            tw_expert(p, EX(E_BAD_LENGTH), off + 18, 2,
                      "Invalid LSA length (%u) for type %s, expected >= (%u)", len, tn,
                      minlen[type]);
        else
            tw_expert(p, EX(E_BAD_LENGTH), off + 18, 2,
                      "Invalid LSA length (%u) for unknown LSA type (%u), expected minimum of "
                      "(20)",
                      len, type);
        tw_tree_pop(p);
        goto out; /* Wireshark stops the message here */
    }
    off += 20;
    if (len <= 20 || !body) {
        ret = off;
        goto out;
    }
    char a[16], b2[16];
    switch (type) {
    case 1: {
        bitfield(x, F_V2_RFLAGS, F_V2_RFLAG_H, F_V2_RFLAG_B, off, 1, -1);
        if (!have(x, off + 2, 2)) goto out;
        uint32_t nlinks = u16(x, off + 2);
        tw_add_uint(p, HF(F_NUM_LINKS), off + 2, 2, nlinks);
        off += 4;
        for (uint32_t i = 0; i < nlinks; i++) {
            if (!have(x, off + 8, 2)) goto out;
            uint8_t lt = (uint8_t)u8(x, off + 8), nm = (uint8_t)u8(x, off + 9);
            if (!have(x, off, 4) || !have(x, off + 4, 4) || !have(x, off + 10, 2)) goto out;
            const char *ls = tw_vs_find(link_type_short, lt);
            int32_t lt_r =
                tw_add_text(p, off, 12 + 4u * nm, "Type: %-8s ID: %-15s Data: %-15s Metric: %d",
                            ls ? ls : "Unknown", ip4s(a, x->c->data + off),
                            ip4s(b2, x->c->data + off + 4), (int)u16(x, off + 10));
            tw_tree_push(p, lt_r);
            const char *ln = tw_vs_find(link_id_vals, lt);
            int32_t r = tw_add_ptr(p, HF(F_R_LINKID), off, 4, x->c->data + off, 4);
            tw_rec_label(p, r, "Link ID: %s - %s", a, ln ? ln : "Unknown link ID");
            tw_add_ptr(p, HF(F_R_LINKDATA), off + 4, 4, x->c->data + off + 4, 4);
            const char *lname = tw_vs_find(link_type_vals, lt);
            r = tw_add_uint(p, HF(F_R_LINKTYPE), off + 8, 1, lt);
            tw_rec_label(p, r, "Link Type: %u - %s", lt, lname ? lname : "Unknown link type");
            r = tw_add_uint(p, HF(F_R_NUMMETRICS), off + 9, 1, nm);
            tw_rec_label(p, r, "Number of Metrics: %u - %s", nm, mtype);
            tw_add_uint(p, HF(F_R_METRIC0), off + 10, 2, u16(x, off + 10));
            off += 12;
            for (uint32_t m = 0; m < nm; m++) {
                if (!have(x, off, 4)) {
                    tw_tree_pop(p);
                    goto out;
                }
                r = tw_add_uint(p, HF(F_LS_METRIC), off, 4, u16(x, off + 2));
                tw_rec_label(p, r, "%s: %u, Metric: %u", mtype, u8(x, off), u16(x, off + 2));
                off += 4;
            }
            tw_tree_pop(p);
        }
        break;
    }
    case 2:
        if (ip4_at(x, F_NET_MASK, off) == -2) goto out;
        off += 4;
        while (off < end) {
            if (ip4_at(x, F_NET_ATTRTR, off) == -2) goto out;
            off += 4;
        }
        break;
    case 3:
    case 4:
        if (ip4_at(x, F_ASBR_MASK, off) == -2) goto out;
        off += 4;
        while (off < end) {
            if (!have(x, off, 4)) goto out;
            tw_add_uint(p, HF(F_LSA_TOS), off, 1, u8(x, off));
            tw_add_uint(p, HF(F_METRIC), off + 1, 3, u24(x, off + 1));
            off += 4;
        }
        break;
    case 5:
    case 7:
        if (ip4_at(x, F_ASEXT_MASK, off) == -2) goto out;
        off += 4;
        while (off < end) {
            if (!have(x, off, 12)) goto out;
            tw_add_bits(p, HF(F_ASEXT_TYPE), off, 1, u8(x, off));
            tw_add_bits(p, HF(F_LSA_EXT_TOS), off, 1, u8(x, off));
            tw_add_uint(p, HF(F_METRIC), off + 1, 3, u24(x, off + 1));
            tw_add_ptr(p, HF(F_ASEXT_FWD), off + 4, 4, x->c->data + off + 4, 4);
            tw_add_uint(p, HF(F_ASEXT_TAG), off + 8, 4, u32(x, off + 8));
            off += 12;
        }
        break;
    default:
        off = end;
        break;
    }
    ret = off;
out:
    tw_tree_pop(p);
    return ret;
}

/* an OSPFv3 LSA; returns the next offset, or 0 to stop */
static uint32_t v3_lsa(struct ox *x, uint32_t off, bool body)
{
    struct tw_pkt *p = x->p;
    if (!have(x, off + 2, 2) || !have(x, off + 18, 2)) return 0;
    uint32_t raw = u16(x, off + 2), type = raw & 0x1fff;
    uint32_t len = u16(x, off + 18), end = off + len;
    const char *tn = tw_vs_find(v3_ls_type_vals, type);
    if (body && !have(x, off, len)) return 0;
    int32_t t = tw_add_text(p, off, body ? len : 20, "LSA-type %u (%s), len %u", type,
                            tn ? tn : "Unknown", len);
    tw_tree_push(p, t);
    uint32_t ret = 0;
    if (!have(x, off, 2)) goto out;
    tw_add_bits(p, HF(F_LSA_AGE), off, 2, u16(x, off));
    tw_add_bits(p, HF(F_V3_LSA_DONOTAGE), off, 2, u16(x, off));
    int32_t r = tw_add_uint(p, HF(F_V3_LSA), off + 2, 2, raw);
    tw_tree_push(p, r);
    tw_add_bits(p, HF(F_V3_LSA_U), off + 2, 2, raw);
    tw_add_bits(p, HF(F_V3_LSA_S12), off + 2, 2, raw);
    tw_add_bits(p, HF(F_V3_LSA_FC), off + 2, 2, raw);
    tw_tree_pop(p);
    if (type >= 1 && type <= 9)
        tw_rec_flags(p, tw_add_uint(p, HF(F_V3_T_ROUTER + type - 1), off + 2, 2, raw),
                     TW_RF_HIDDEN);
    if (ip4_at(x, F_LINK_STATE_ID, off + 4) == -2) goto out;
    if (ip4_at(x, F_ADVROUTER, off + 8) == -2) goto out;
    if (uint_at(x, F_LSA_SEQNUM, off + 12, 4) == -2) goto out;
    if (uint_at(x, F_LSA_CHKSUM, off + 16, 2) == -2) goto out;
    tw_add_uint(p, HF(F_LSA_LENGTH), off + 18, 2, len);
    off += 20;
    if (!body) {
        ret = off;
        goto out;
    }
    int32_t rem = (int32_t)len - 20;
    switch (type) {
    case 1: {
        bitfield(x, F_V3_RFLAGS, F_V3_RFLAG_W, F_V3_RFLAG_B, off, 1, -1);
        v3_options(x, off + 1);
        if (x->err) goto out;
        off += 4;
        rem -= 4;
        int32_t rt = rem > 0 ? tw_add_text(p, off, (uint32_t)rem, "Router Interfaces") : -1;
        tw_tree_push(p, rt);
        int n = 0;
        while (rem > 0) {
            int32_t e = tw_add_text(p, off, 16, "Entry #%d", ++n);
            tw_tree_push(p, e);
            uint_at(x, F_V3_IF_TYPE, off, 1);
            reserved_at(x, off + 1, 1);
            uint_at(x, F_METRIC, off + 2, 2);
            uint_at(x, F_V3_IF_ID, off + 4, 4);
            uint_at(x, F_V3_NBR_IF_ID, off + 8, 4);
            ip4_at(x, F_V3_NBR_RTR_ID, off + 12);
            tw_tree_pop(p);
            if (x->err) break;
            off += 16;
            rem -= 16;
        }
        tw_tree_pop(p);
        break;
    }
    case 2:
        reserved_at(x, off, 1);
        v3_options(x, off + 1);
        off += 4;
        rem -= 4;
        while (rem > 0 && !x->err) {
            ip4_at(x, F_V3_ATTACHED, off);
            off += 4;
            rem -= 4;
        }
        break;
    case 3: {
        reserved_at(x, off, 1);
        uint_at(x, F_METRIC, off + 1, 3);
        if (!have(x, off + 4, 1)) goto out;
        uint32_t plen = u8(x, off + 4);
        uint_at(x, F_PREFIX_LENGTH, off + 4, 1);
        v3_prefix_options(x, off + 5);
        reserved_at(x, off + 6, 2);
        off += 8;
        address_prefix(x, off, plen);
        off += (plen + 31) / 32 * 4;
        break;
    }
    case 4:
        reserved_at(x, off, 1);
        v3_options(x, off + 1);
        reserved_at(x, off + 4, 1);
        uint_at(x, F_METRIC, off + 5, 3);
        ip4_at(x, F_V3_DEST_RTR, off + 8);
        off += 12;
        break;
    case 5:
    case 7: {
        if (!have(x, off, 1)) goto out;
        uint8_t flags = (uint8_t)u8(x, off);
        bitfield(x, F_V3_EXT_FLAGS, F_V3_EXT_E, F_V3_EXT_T, off, 1, -1);
        uint_at(x, F_METRIC, off + 1, 3);
        if (!have(x, off + 4, 1)) goto out;
        uint32_t plen = u8(x, off + 4);
        uint_at(x, F_PREFIX_LENGTH, off + 4, 1);
        v3_prefix_options(x, off + 5);
        if (!have(x, off + 6, 2)) goto out;
        uint32_t ref = u16(x, off + 6);
        uint_at(x, F_V3_REF_LS_TYPE, off + 6, 2);
        off += 8;
        address_prefix(x, off, plen);
        off += (plen + 31) / 32 * 4;
        if (off < end && (flags & 2)) {
            if (x->af == 6)
                bytes_at(x, F_V3_FWD6, off, 16);
            else
                ip4_at(x, F_V3_FWD4, off);
            off += 16;
        }
        if (off < end && (flags & 1)) {
            uint_at(x, F_V3_EXT_TAG, off, 4);
            off += 4;
        }
        if (off < end && ref) {
            ip4_at(x, F_V3_REF_LSID, off);
            off += 4;
        }
        break;
    }
    case 8: {
        uint_at(x, F_V3_LINK_PRIO, off, 1);
        v3_options(x, off + 1);
        if (x->af == 6)
            bytes_at(x, F_V3_LL6, off + 4, 16);
        else
            ip4_at(x, F_V3_LL4, off + 4);
        off += 20;
        if (!have(x, off, 4)) goto out;
        uint32_t np = u32(x, off);
        tw_add_uint(p, HF(F_V3_NUM_PREFIXES), off, 4, np);
        off += 4;
        while (np-- && !x->err) {
            if (!have(x, off, 1)) goto out;
            uint32_t plen = u8(x, off);
            uint_at(x, F_PREFIX_LENGTH, off, 1);
            v3_prefix_options(x, off + 1);
            reserved_at(x, off + 2, 2);
            off += 4;
            address_prefix(x, off, plen);
            off += (plen + 31) / 32 * 4;
        }
        break;
    }
    case 9: {
        if (!have(x, off, 2)) goto out;
        uint32_t np = u16(x, off);
        tw_add_uint(p, HF(F_V3_NUM_PREFIXES), off, 2, np);
        uint_at(x, F_V3_REF_LS_TYPE, off + 2, 2);
        ip4_at(x, F_V3_REF_LSID, off + 4);
        ip4_at(x, F_V3_REF_ADV, off + 8);
        off += 12;
        while (np-- && !x->err) {
            if (!have(x, off, 1)) goto out;
            uint32_t plen = u8(x, off);
            uint_at(x, F_PREFIX_LENGTH, off, 1);
            v3_prefix_options(x, off + 1);
            uint_at(x, F_METRIC, off + 2, 2);
            off += 4;
            address_prefix(x, off, plen);
            off += (plen + 31) / 32 * 4;
        }
        break;
    }
    default:
        if (!tn) tw_expert(p, EX(E_UNKNOWN_TYPE), off - 20, 20, "Unknown LSA Type %u", type);
        if (len < 20) {
            /* tshark goes back to where the LSA's length points, before its own header, and
             * fails there (tcpdump's ospf-signed-integer-ubsan.pcap: length 0); trawl would
             * read the same LSA forever */
            if (!x->c->err) x->c->err = TW_CUR_MALFORMED;
            x->err = true;
            goto out;
        }
        off = end;
        break;
    }
    if (x->err) goto out;
    ret = off;
out:
    tw_tree_pop(p);
    return ret;
}

static void lsa_list(struct ox *x, uint32_t off, uint32_t end, int version)
{
    while (end > off && !x->err) {
        uint32_t n = version == 2 ? v2_lsa(x, off, false) : v3_lsa(x, off, false);
        if (!n) break;
        off = n;
    }
}

static void lls_block(struct ox *x, uint32_t off, int version)
{
    struct tw_pkt *p = x->p;
    uint32_t rem = off < x->c->end ? x->c->end - off : 0;
    if (rem < 4) {
        tw_expert(p, EX(E_BAD_LENGTH), off, rem, "LLS option bit set but data block missing");
        return;
    }
    if (!have(x, off, 4)) return;
    uint32_t llen = u16(x, off + 2) * 4;
    int32_t t = tw_add_text(p, off, x->c->end - off, "OSPF LLS Data Block");
    tw_tree_push(p, t);
    int32_t r = tw_add_uint(p, HF(F_LLS_CHECKSUM), off, 2, u16(x, off));
    tw_rec_label(p, r, "Checksum: 0x%04x", u16(x, off));
    tw_add_uint(p, HF(F_LLS_LENGTH), off + 2, 2, llen);
    uint32_t o = off + 4;
    while (off + llen > o && !x->err) {
        if (!have(x, o, 4)) break;
        uint32_t type = u16(x, o), len = u16(x, o + 2);
        const char *nm = version == 2 ? (type == 1   ? "Extended options TLV"
                                         : type == 2 ? "Crypto Authentication TLV"
                                                     : "Unknown LLS TLV")
                                      : (type == 1 ? "Extended Options TLV" : "Unknown LLS TLV");
        int32_t tt = tw_add_text(p, o, len + 4, "%s", nm);
        tw_tree_push(p, tt);
        tw_add_uint(p, HF(F_TLV_TYPE), o, 2, type);
        tw_add_uint(p, HF(F_TLV_LENGTH), o + 2, 2, len);
        if (version == 2 && type == 1)
            bitfield(x, F_LLS_EXT, F_LLS_EXT_RS, F_LLS_EXT_LR, o + 4, 4, -1);
        else if (version == 2 && type == 2) {
            uint_at(x, F_LLS_SEQ, o + 4, 4);
            if (len >= 4) bytes_at(x, F_LLS_AUTH, o + 8, len - 4);
        }
        tw_tree_pop(p);
        o += len + 4;
    }
    tw_tree_pop(p);
}

static enum tw_status dissect(struct tw_pkt *p, struct tw_cur *c)
{
    const uint32_t s = c->off;
    struct ox x = {p, c, false, 6};
    tw_col_proto(p, "OSPF");
    tw_info_clear(p);
    if (!have(&x, s, 2)) {
        tw_layer_unrecord(p);
        return TW_OK;
    }
    uint8_t version = (uint8_t)u8(&x, s), type = (uint8_t)u8(&x, s + 1);
    uint32_t hlen = version == 2 ? 24 : version == 3 ? 16 : 0;
    const char *tn = tw_vs_find(msg_vals, type);
    if (tn)
        tw_info_set(p, tn);
    else {
        tw_info_set(p, "");
        tw_info_printf(p, "Unknown (%u)", type);
    }
    if (!have(&x, s + 2, 2)) return TW_OK;
    uint32_t ospflen = u16(&x, s + 2);
    int32_t h = tw_add_uint(p, HF(F_HEADER), s, hlen ? hlen : 2, 0);
    tw_tree_push(p, h);
    tw_add_uint(p, HF(F_VERSION), s, 1, version);
    tw_add_uint(p, HF(F_MSG), s + 1, 1, type);
    if (type >= 1 && type <= 5)
        tw_rec_flags(p, tw_add_uint(p, HF(F_MSG_HELLO + type - 1), s + 1, 1, type), TW_RF_HIDDEN);
    tw_add_uint(p, HF(F_PACKET_LENGTH), s + 2, 2, ospflen);
    if (!hlen) {
        tw_tree_pop(p);
        return TW_OK;
    }
    ip4_at(&x, F_SRCROUTER, s + 4);
    if (!x.err && have(&x, s + 8, 4)) {
        int32_t r = tw_add_ptr(p, HF(F_AREA_ID), s + 8, 4, c->data + s + 8, 4);
        char a[16];
        if (u32(&x, s + 8) == 0)
            tw_rec_label(p, r, "Area ID: %s (Backbone)", ip4s(a, c->data + s + 8));
    }
    if (x.err || !have(&x, s + 12, 2)) {
        tw_tree_pop(p);
        return TW_OK;
    }
    uint32_t cksum = u16(&x, s + 12);
    int32_t cr = tw_add_uint(p, HF(F_CHECKSUM), s + 12, 2, cksum);
    uint32_t caplen = TW_MIN(c->cap, c->end) - s, replen = c->end - s;
    if (cksum == 0)
        tw_rec_label(p, cr, "Checksum: 0x0000 (None)");
    else if (!p->ctx.ip_fragment && caplen >= replen && caplen >= hlen) {
        uint32_t sum = 0;
        if (version == 2) {
            sum = tw_cksum_add(0, c->data + s, 16);
            if (replen > hlen) sum = tw_cksum_add(sum, c->data + s + hlen, replen - hlen);
        } else {
            const struct tw_addr *sa = &p->net_src, *da = &p->net_dst;
            uint8_t ph[8] = {(uint8_t)(ospflen >> 24),
                             (uint8_t)(ospflen >> 16),
                             (uint8_t)(ospflen >> 8),
                             (uint8_t)ospflen,
                             0,
                             0,
                             0,
                             89};
            if (sa->p) sum = tw_cksum_add(sum, sa->p, sa->len);
            if (da->p) sum = tw_cksum_add(sum, da->p, da->len);
            sum = tw_cksum_add(sum, ph, 8);
            sum = tw_cksum_add(sum, c->data + s, replen);
        }
        uint16_t computed = tw_cksum_fold(sum);
        if (computed == 0)
            tw_rec_label(p, cr, "Checksum: 0x%04x [correct]", cksum);
        else {
            uint32_t sb = cksum + computed;
            sb = (sb & 0xffff) + (sb >> 16);
            sb = (sb & 0xffff) + (sb >> 16);
            tw_rec_label(p, cr, "Checksum: 0x%04x [incorrect, should be 0x%04x]", cksum, sb);
        }
    }
    uint32_t crypto_len = 0;
    if (version == 2) {
        if (!have(&x, s + 14, 2)) {
            tw_tree_pop(p);
            return TW_OK;
        }
        uint32_t at = u16(&x, s + 14);
        tw_add_uint(p, HF(F_AUTH_TYPE), s + 14, 2, at);
        if (at == 0)
            bytes_at(&x, F_AUTH_NONE, s + 16, 8);
        else if (at == 1) {
            if (have(&x, s + 16, 8))
                tw_add_ascii(p, HF(F_AUTH_SIMPLE), s + 16, 8, c->data + s + 16);
        } else if (at == 2) {
            uint_at(&x, F_AUTH_KEY_ID, s + 18, 1);
            if (have(&x, s + 19, 1)) {
                crypto_len = u8(&x, s + 19);
                uint_at(&x, F_AUTH_DATA_LENGTH, s + 19, 1);
            }
            uint_at(&x, F_AUTH_SEQ, s + 20, 4);
            struct tw_cur t = *c;
            t.off = s + ospflen;
            if (!x.err && s + ospflen >= s && tw_cur_avail(&t) >= crypto_len && crypto_len)
                bytes_at(&x, F_AUTH_DATA, s + ospflen, crypto_len);
        } else
            bytes_at(&x, F_AUTH_UNKNOWN, s + 16, 8);
    } else {
        if (have(&x, s + 14, 1)) {
            uint32_t inst = u8(&x, s + 14);
            tw_add_uint(p, HF(F_INSTANCE_ID), s + 14, 1, inst);
            if (inst > 65 && inst < 128) x.af = 4;
        }
        reserved_at(&x, s + 15, 1);
    }
    tw_tree_pop(p);
    if (x.err) return TW_OK;
    uint32_t off = s + hlen, blen = ospflen > hlen ? ospflen - hlen : 0, end = off + blen;
    if (ospflen < hlen) end = off; /* nothing to dissect */
    switch (type) {
    case 1: {
        int32_t r = tw_add_uint(p, HF(F_HELLO), off, blen, 0);
        tw_tree_push(p, r);
        if (version == 2) {
            ip4_at(&x, F_HELLO_MASK, off);
            uint_at(&x, F_HELLO_INTERVAL, off + 4, 2);
            v2_options(&x, off + 6, false);
            uint_at(&x, F_HELLO_PRIO, off + 7, 1);
            uint_at(&x, F_HELLO_DEAD, off + 8, 4);
        } else {
            uint_at(&x, F_HELLO_IFID, off, 4);
            uint_at(&x, F_HELLO_PRIO, off + 4, 1);
            v3_options(&x, off + 5);
            uint_at(&x, F_HELLO_INTERVAL, off + 8, 2);
            uint_at(&x, F_HELLO_DEAD, off + 10, 2);
        }
        ip4_at(&x, F_HELLO_DR, off + 12);
        ip4_at(&x, F_HELLO_BDR, off + 16);
        for (uint32_t o = off + 20; o < end && !x.err; o += 4) ip4_at(&x, F_HELLO_NEIGHBOR, o);
        tw_tree_pop(p);
        break;
    }
    case 2: {
        int32_t t = tw_add_text(p, off, blen, "OSPF DB Description");
        tw_tree_push(p, t);
        if (version == 2) {
            uint_at(&x, F_DB_MTU, off, 2);
            v2_options(&x, off + 2, false);
            bitfield(&x, F_DBD, F_DBD_R, F_DBD_MS, off + 3, 1, -1);
            uint_at(&x, F_DB_SEQ, off + 4, 4);
        } else {
            reserved_at(&x, off, 1);
            v3_options(&x, off + 1);
            uint_at(&x, F_DB_MTU, off + 4, 2);
            reserved_at(&x, off + 6, 1);
            bitfield(&x, F_DBD, F_DBD_R, F_DBD_MS, off + 7, 1, -1);
            uint_at(&x, F_DB_SEQ, off + 8, 4);
        }
        tw_tree_pop(p);
        if (x.err) break;
        lsa_list(&x, off + (version == 2 ? 8 : 12), end, version);
        break;
    }
    case 3:
        for (uint32_t o = off; end > o && !x.err; o += 12) {
            int32_t t = tw_add_text(p, o, 12, "Link State Request");
            tw_tree_push(p, t);
            if (version == 2) {
                if (have(&x, o, 4)) {
                    /* the LS type as a 4-byte item of an 8-bit field: the low byte */
                    tw_add_uint(p, HF(F_LSA_TYPE), o, 4, u32(&x, o) & 0xff);
                }
            } else {
                reserved_at(&x, o, 2);
                if (have(&x, o + 2, 2)) {
                    uint32_t raw = u16(&x, o + 2);
                    int32_t r = tw_add_uint(p, HF(F_V3_LSA), o + 2, 2, raw);
                    tw_tree_push(p, r);
                    tw_add_bits(p, HF(F_V3_LSA_U), o + 2, 2, raw);
                    tw_add_bits(p, HF(F_V3_LSA_S12), o + 2, 2, raw);
                    tw_add_bits(p, HF(F_V3_LSA_FC), o + 2, 2, raw);
                    tw_tree_pop(p);
                }
            }
            ip4_at(&x, F_LINK_STATE_ID, o + 4);
            ip4_at(&x, F_ADVROUTER, o + 8);
            tw_tree_pop(p);
        }
        break;
    case 4: {
        int32_t t = tw_add_text(p, off, blen, "LS Update Packet");
        tw_tree_push(p, t);
        if (have(&x, off, 4)) {
            uint32_t n = u32(&x, off);
            tw_add_uint(p, HF(F_NUM_LSAS), off, 4, n);
            uint32_t o = off + 4;
            for (uint32_t i = 0; i < n && !x.err; i++) {
                uint32_t nx = version == 2 ? v2_lsa(&x, o, true) : v3_lsa(&x, o, true);
                if (nx <= o) break; /* 0: stop; and never the same LSA again */
                o = nx;
            }
        }
        tw_tree_pop(p);
        break;
    }
    case 5:
        lsa_list(&x, off, end, version);
        break;
    default:
        break;
    }
    if (x.err) return TW_OK;
    /* the LLS data block after the message (and its authentication digest) */
    bool lls = false;
    if (version == 2 && (type == 1 || type == 2)) {
        uint32_t o = type == 1 ? off + 6 : off + 2;
        struct tw_cur tc = *c;
        tc.off = o;
        lls = tw_cur_avail(&tc) >= 1 && (c->data[o] & 0x10);
    } else if (version == 3 && (type == 1 || type == 2)) {
        uint32_t o = type == 1 ? off + 5 : off + 1;
        struct tw_cur tc = *c;
        tc.off = o;
        lls = tw_cur_avail(&tc) >= 3 && (u24(&x, o) & 0x200);
    }
    if (lls) lls_block(&x, s + ospflen + crypto_len, version);
    return TW_OK;
}

static const struct tw_binding bindings[] = {{TW_TBL_IP_PROTO, 89}};

const struct tw_proto tw_proto_ospf = {
    .abbrev = "ospf",
    .name = "Open Shortest Path First",
    .short_name = "OSPF",
    .fields = fields,
    .nfields = F_COUNT,
    .experts = experts,
    .nexperts = E_COUNT,
    .bindings = bindings,
    .nbindings = TW_ARRAY_LEN(bindings),
    .dissect = dissect,
    .ids = &ids,
};
