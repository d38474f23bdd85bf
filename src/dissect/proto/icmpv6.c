/* ICMPv6 (RFC 4443) with Neighbor Discovery (RFC 4861) and its options, MLD (RFC 2710) and MLDv2
 * (RFC 3810), Router Renumbering (RFC 2894), Node Information (RFC 4620), Mobile IPv6 (RFC
 * 6275), FMIPv6 (RFC 5568), SEND (RFC 3971), RPL (RFC 6550/6997), 6LoWPAN-ND (RFC 6775), MPL
 * (RFC 7731) and PROBE (RFC 8335) messages, as Wireshark dissects them.
 *
 *    0                   1                   2                   3
 *    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |     Type      |     Code      |          Checksum             |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                         Message Body                          |
 *
 * The checksum covers an IPv6 pseudo-header (RFC 8200 section 8.1) whose addresses are the ones
 * the upper layer sees: the Home Address option's address as source and the final destination of
 * a routing header. Errors quote the offending datagram, dissected as IPv6 inside this message.
 * Echo requests and replies are matched as tshark does in one pass ("request in N" on the reply).
 */
#include "ipv6.h"

#include <stdio.h>
#include <stdlib.h>

static struct tw_proto_ids ids;
#define HF(x) ((uint16_t)(ids.base + (x)))
#define EX(x) ((uint16_t)(ids.expert_base + (x)))

static const struct tw_vs type_vals[] = {
    {1, "Destination Unreachable"}, {2, "Packet Too Big"}, {3, "Time Exceeded"},
    {4, "Parameter Problem"}, {100, "Private experimentation"}, {101, "Private experimentation"},
    {127, "Reserved for expansion of ICMPv6 error messages"}, {128, "Echo (ping) request"},
    {129, "Echo (ping) reply"}, {130, "Multicast Listener Query"},
    {131, "Multicast Listener Report"}, {132, "Multicast Listener Done"},
    {133, "Router Solicitation"}, {134, "Router Advertisement"}, {135, "Neighbor Solicitation"},
    {136, "Neighbor Advertisement"}, {137, "Redirect"}, {138, "Router Renumbering"},
    {139, "Node Information Query"}, {140, "Node Information Reply"},
    {141, "Inverse Neighbor Discovery Solicitation"},
    {142, "Inverse Neighbor Discovery Advertisement"},
    {143, "Multicast Listener Report Message v2"}, {144, "Home Agent Address Discovery Request"},
    {145, "Home Agent Address Discovery Reply"}, {146, "Mobile Prefix Solicitation"},
    {147, "Mobile Prefix Advertisement"}, {148, "Certification Path Solicitation"},
    {149, "Certification Path Advertisement"}, {150, "Experimental Mobility"},
    {151, "Multicast Router Advertisement"}, {152, "Multicast Router Solicitation"},
    {153, "Multicast Router Termination"}, {154, "FMIPv6"}, {155, "RPL Control"},
    {156, "Locator Update"}, {157, "Duplicate Address Request"},
    {158, "Duplicate Address Confirmation"}, {159, "MPL Control Message"},
    {160, "Extended Echo request"}, {161, "Extended Echo reply"}, {200, "Private experimentation"},
    {201, "Private experimentation"},
    {255, "Reserved for expansion of ICMPv6 informational messages"}, {0, NULL}};
static const struct tw_vs checksum_status_vals[] = {
    {0, "Bad"}, {1, "Good"}, {2, "Unverified"}, {3, "Not present"}, {4, "Illegal"}, {0, NULL}};
static const struct tw_vs nd_ra_flag_prf_vals[] = {
    {0, "Medium"}, {1, "High"}, {2, "Reserved"}, {3, "Low"}, {0, NULL}};
static const struct tw_vs opt_type_vals[] = {{1, "Source link-layer address"},
                                             {2, "Target link-layer address"},
                                             {3, "Prefix information"}, {4, "Redirected header"},
                                             {5, "MTU"}, {6, "NBMA Shortcut Limit Option"},
                                             {7, "Advertisement Interval"},
                                             {8, "Home Agent Information"},
                                             {9, "Source Address List"},
                                             {10, "Target Address List"}, {11, "CGA"},
                                             {12, "RSA Signature"}, {13, "Timestamp"},
                                             {14, "Nonce"}, {15, "Trust Anchor"},
                                             {16, "Certificate"}, {17, "IP Address/Prefix Option"},
                                             {18, "New Router Prefix Information"},
                                             {19, "Link-layer Address"},
                                             {20, "Neighbor Advertisement Acknowledgment"},
                                             {23, "MAP"}, {24, "Route Information"},
                                             {25, "Recursive DNS Server"},
                                             {26, "RA Flags Extension"},
                                             {27, "Handover Key Request"},
                                             {28, "Handover Key Reply"},
                                             {29, "Handover Assist Information"},
                                             {30, "Mobile Node Identifier Option"},
                                             {31, "DNS Search List Option"},
                                             {32, "Proxy Signature (PS)"},
                                             {33, "Address Registration Option"},
                                             {34, "6LoWPAN Context Option"},
                                             {35, "Authoritative Border Router"},
                                             {36, "6LoWPAN Capability Indication Option"},
                                             {37, "DHCP Captive-Portal"}, {38, "PREF64 Option"},
                                             {138, "CARD Request"}, {139, "CARD Reply"},
                                             {253, "RFC3692-style Experiment 1"},
                                             {254, "RFC3692-style Experiment 2"}, {0, NULL}};
static const struct tw_vs opt_ipa_option_code_vals[] = {{1, "Old Care-of Address"},
                                                        {2, "New Care-of Address"},
                                                        {3, "NAR's IP address"},
                                                        {4, "NAR's Prefix (sent in PrRtAdv)"},
                                                        {0, NULL}};
static const struct tw_vs opt_lla_option_code_vals[] = {
    {0, "Wildcard"}, {1, "Link-layer Address of the New Access Point"},
    {2, "Link-layer Address of the MN"}, {3, "Link-layer Address of the NAR"},
    {4, "Link-layer Address of the source"},
    {5, "The AP belongs to the current interface of the router"},
    {6, "No prefix information available"}, {7, "No fast handovers support available"}, {0, NULL}};
static const struct tw_vs opt_naack_status_vals[] = {
    {1, "New CoA is invalid, perform address configuration"},
    {2, "New CoA is invalid, use the supplied CoA"},
    {3, "NCoA is invalid, use NAR's IP address as NCoA in FBU"},
    {4, "PCoA supplied, do not send FBU"}, {128, "LLA is unrecognized"}, {0, NULL}};
static const struct tw_vs opt_route_info_flag_route_preference_vals[] = {
    {0, "Medium"}, {1, "High"}, {2, "Reserved"}, {3, "Low"}, {0, NULL}};
static const struct tw_vs opt_name_type_vals[] = {{1, "DER Encoded X.501 Name"},
                                                  {2, "FQDN"},
                                                  {3, "SHA-1 Subject Key Identifier (SKI)"},
                                                  {4, "SHA-224 Subject Key Identifier (SKI)"},
                                                  {5, "SHA-256 Subject Key Identifier (SKI)"},
                                                  {6, "SHA-384 Subject Key Identifier (SKI)"},
                                                  {7, "SHA-512 Subject Key Identifier (SKI)"},
                                                  {253, "Reserved for Experimental Use"},
                                                  {254, "Reserved for Experimental Use"},
                                                  {255, "Reserved"}, {1, "X.509v3 Certificate"},
                                                  {0, NULL}};
static const struct tw_vs x509_Name_vals[] = {{0, "rdnSequence"}, {0, NULL}};
static const struct tw_vs opt_efo_prf_vals[] = {
    {0, "Medium"}, {1, "High"}, {2, "Reserved"}, {3, "Low"}, {0, NULL}};
static const struct tw_vs opt_hai_option_code_vals[] = {
    {1, "Access Network Identifier (AN ID)"}, {2, "Sector ID"}, {0, NULL}};
static const struct tw_vs opt_mn_option_code_vals[] = {{1, "NAI"}, {2, "IMSI"}, {0, NULL}};
static const struct tw_vs opt_aro_status_vals[] = {
    {0, "Success"}, {1, "Duplicate Exists"}, {2, "Neighbor Cache Full"}, {0, NULL}};
static const struct tw_vs opt_pref64_plc_vals[] = {{0, "96 bits prefix length"},
                                                   {1, "64 bits prefix length"},
                                                   {2, "56 bits prefix length"},
                                                   {3, "48 bits prefix length"},
                                                   {4, "40 bits prefix length"},
                                                   {5, "32 bits prefix length"}, {0, NULL}};
static const struct tw_vs rr_pco_mp_opcode_vals[] = {
    {1, "Add"}, {2, "Change"}, {3, "Set Global"}, {0, NULL}};
static const struct tw_vs mldr_mar_record_type_vals[] = {{1, "Include"},
                                                         {2, "Exclude"}, {3, "Changed to include"},
                                                         {4, "Changed to exclude"},
                                                         {5, "Allow new sources"},
                                                         {6, "Block old sources"}, {0, NULL}};
static const struct tw_vs fmip6_subtype_vals[] = {
    {2, "Router Solicitation for Proxy Advertisement"}, {3, "Proxy Router Advertisement"},
    {4, "Handover Initiate"}, {5, "Handover Acknowledge"}, {0, NULL}};
static const struct tw_vs ni_qtype_vals[] = {{0, "NOOP"},
                                             {1, "Supported query types (Obsolete)"},
                                             {2, "Node Name"}, {3, "Node addresses"},
                                             {4, "IPv4 node addresses"}, {0, NULL}};
static const struct tw_tfs ni_flag_a_tfs = {"All unicast address",
                                            "Unicast addresses on the queried interface"};
static const struct tw_vs rpl_dio_flag_mop_vals[] = {
    {0, "No Downward routes maintained by RPL"}, {1, "Non-Storing Mode of Operation"},
    {2, "Storing Mode of Operation with no multicast support"},
    {3, "Storing Mode of Operation with multicast support"},
    {4, "P2P Route Discovery Mode of Operation"}, {0, NULL}};
static const struct tw_vs rpl_secure_algorithm_vals[] = {
    {0, "Encryption: CCM with AES-128 / Signature: RSA with SHA-256"}, {0, NULL}};
static const struct tw_vs rpl_opt_type_vals[] = {
    {0, "1-byte padding"},        {1, "n-byte padding"},        {2, "DAG Metric container"},
    {3, "Routing Information"},   {4, "DODAG configuration"},   {5, "RPL Target"},
    {6, "Transit Information"},   {7, "Solicited Information"}, {8, "Prefix Information"},
    {9, "RPL Target Descriptor"}, {10, "P2P Route Discovery"},  {0, NULL}};
static const struct tw_vs rpl_opt_metric_type_vals[] = {{1, "Node State and Attribute"},
                                                        {2, "Node Energy"}, {3, "Hop Count"},
                                                        {4, "Link Throughput"}, {5, "Link Latency"},
                                                        {6, "Link Quality Level"}, {7, "Link ETX"},
                                                        {8, "Link Color"}, {0, NULL}};
static const struct tw_vs rpl_opt_route_pref_vals[] = {
    {0, "Medium"}, {1, "High"}, {2, "Reserved"}, {3, "Low"}, {0, NULL}};
static const struct tw_vs sixlowpannd_da_status_vals[] = {
    {0, "Success"}, {1, "Duplicate Exists"}, {2, "Neighbor Cache Full"}, {0, NULL}};
static const struct tw_vs ext_echo_rsp_state_vals[] = {
    {0, "Reserved"}, {1, "Incomplete"}, {2, "Reachable"}, {3, "Stale"},
    {4, "Delay"},    {5, "Probe"},      {6, "Failed"},    {0, NULL}};
static const struct tw_vs mpl_seed_info_s_vals[] = {{0, "0 bit, not included in MPL Seed Info"},
                                                    {1, "16 bits"}, {2, "64 bits"}, {3, "128 bits"},
                                                    {0, NULL}};
enum {
    F_TYPE, F_CODE, F_CHECKSUM, F_CHECKSUM_STATUS, F_RESERVED, F_DATA, F_UNKNOWN_DATA, F_MTU,
    F_POINTER, F_ECHO_IDENTIFIER, F_ECHO_SEQUENCE_NUMBER, F_NONCE, F_ND_RA_CUR_HOP_LIMIT,
    F_ND_RA_FLAG, F_ND_RA_FLAG_M, F_ND_RA_FLAG_O, F_ND_RA_FLAG_H, F_ND_RA_FLAG_PRF, F_ND_RA_FLAG_P,
    F_ND_RA_FLAG_RSV, F_ND_RA_ROUTER_LIFETIME, F_ND_RA_REACHABLE_TIME, F_ND_RA_RETRANS_TIMER,
    F_ND_NS_TARGET_ADDRESS, F_ND_NA_FLAG, F_ND_NA_FLAG_R, F_ND_NA_FLAG_S, F_ND_NA_FLAG_O,
    F_ND_NA_FLAG_RSV, F_ND_NA_TARGET_ADDRESS, F_ND_RD_TARGET_ADDRESS, F_RD_NA_DESTINATION_ADDRESS,
    F_OPT, F_OPT_TYPE, F_OPT_LENGTH, F_OPT_RESERVED, F_OPT_PADDING, F_OPT_LINKADDR,
    F_OPT_SRC_LINKADDR, F_OPT_TARGET_LINKADDR, F_OPT_LINKADDR_EUI64, F_OPT_SRC_LINKADDR_EUI64,
    F_OPT_TARGET_LINKADDR_EUI64, F_OPT_PREFIX_LENGTH, F_OPT_PREFIX_FLAG, F_OPT_PREFIX_FLAG_L,
    F_OPT_PREFIX_FLAG_A, F_OPT_PREFIX_FLAG_R, F_OPT_PREFIX_FLAG_RESERVED,
    F_OPT_PREFIX_VALID_LIFETIME, F_OPT_PREFIX_PREFERRED_LIFETIME, F_OPT_PREFIX,
    F_OPT_CGA_PAD_LENGTH, F_OPT_CGA, F_OPT_CGA_MODIFIER, F_OPT_CGA_SUBNET_PREFIX, F_OPT_CGA_COUNT,
    F_OPT_CGA_SUBJECT_PUBLIC_KEY_INFO, F_OPT_CGA_EXT_TYPE, F_OPT_CGA_EXT_LENGTH, F_OPT_CGA_EXT_DATA,
    F_OPT_RSA_KEY_HASH, F_OPT_DIGITAL_SIGNATURE_PADDING, F_OPT_PS_KEY_HASH, F_OPT_TIMESTAMP,
    F_OPT_NONCE, F_OPT_CERTIFICATE_PADDING, F_OPT_IPA_OPTION_CODE, F_OPT_IPA_PREFIX_LEN,
    F_OPT_IPA_IPV6_ADDRESS, F_OPT_NRPI_OPTION_CODE, F_OPT_NRPI_PREFIX_LEN, F_OPT_NRPI_PREFIX,
    F_OPT_LLA_OPTION_CODE, F_OPT_LLA_BYTES, F_OPT_NAACK_OPTION_CODE, F_OPT_NAACK_STATUS,
    F_OPT_NAACK_SUPPLIED_NCOA, F_OPT_MAP_DISTANCE, F_OPT_MAP_PREFERENCE, F_OPT_MAP_FLAG,
    F_OPT_MAP_FLAG_R, F_OPT_MAP_FLAG_RESERVED, F_OPT_MAP_VALID_LIFETIME, F_OPT_MAP_GLOBAL_ADDRESS,
    F_OPT_ROUTE_INFO_FLAG, F_OPT_ROUTE_INFO_FLAG_ROUTE_PREFERENCE, F_OPT_ROUTE_INFO_FLAG_RESERVED,
    F_OPT_ROUTE_LIFETIME, F_OPT_NAME_TYPE, F_OPT_NAME_X501, F_OPT_NAME_TYPE_FQDN, F_SEND_IDENTIFIER,
    F_SEND_ALL_COMPONENTS, F_SEND_COMPONENT, F_X509_NAME, F_X509_CERTIFICATE,
    F_OPT_REDIRECTED_PACKET, F_OPT_MTU, F_OPT_NBMA_SHORTCUT_LIMIT, F_OPT_ADVERTISEMENT_INTERVAL,
    F_OPT_HOME_AGENT_PREFERENCE, F_OPT_HOME_AGENT_LIFETIME, F_OPT_IPV6_ADDRESS,
    F_OPT_RDNSS_LIFETIME, F_OPT_RDNSS, F_OPT_EFO, F_OPT_EFO_M, F_OPT_EFO_O, F_OPT_EFO_H,
    F_OPT_EFO_PRF, F_OPT_EFO_P, F_OPT_EFO_RSV, F_OPT_HKR_PAD_LENGTH, F_OPT_HKR_AT,
    F_OPT_HKR_RESERVED, F_OPT_HKR_ENCRYPTION_PUBLIC_KEY, F_OPT_HKR_PADDING, F_OPT_HKR_LIFETIME,
    F_OPT_HKR_ENCRYPTED_HANDOVER_KEY, F_OPT_HAI_OPTION_CODE, F_OPT_HAI_LENGTH, F_OPT_HAI_VALUE,
    F_OPT_MN_OPTION_CODE, F_OPT_MN_LENGTH, F_OPT_MN_VALUE, F_OPT_DNSSL_LIFETIME, F_OPT_DNSSL,
    F_OPT_ARO_STATUS, F_OPT_ARO_REGISTRATION_LIFETIME, F_OPT_ARO_EUI64, F_OPT_6CO_CONTEXT_LENGTH,
    F_OPT_6CO_FLAG, F_OPT_6CO_FLAG_C, F_OPT_6CO_FLAG_CID, F_OPT_6CO_FLAG_RESERVED,
    F_OPT_6CO_VALID_LIFETIME, F_OPT_6CO_CONTEXT_PREFIX, F_OPT_ABRO_VERSION_LOW,
    F_OPT_ABRO_VERSION_HIGH, F_OPT_ABRO_VALID_LIFETIME, F_OPT_ABRO_6LBR_ADDRESS,
    F_OPT_6CIO_UNASSIGNED1, F_OPT_6CIO_FLAG_G, F_OPT_6CIO_UNASSIGNED2, F_OPT_CAPTIVE_PORTAL,
    F_OPT_PREF64_SCALED_LIFETIME, F_OPT_PREF64_PLC, F_OPT_PREF64_PREFIX,
    F_MLD_MAXIMUM_RESPONSE_DELAY, F_MLD_MULTICAST_ADDRESS, F_RR_SEQUENCE_NUMBER,
    F_RR_SEGMENT_NUMBER, F_RR_FLAG, F_RR_FLAG_T, F_RR_FLAG_R, F_RR_FLAG_A, F_RR_FLAG_S, F_RR_FLAG_P,
    F_RR_FLAG_RSV, F_RR_MAXDELAY, F_RR_PCO_MP, F_RR_PCO_MP_OPCODE, F_RR_PCO_MP_OPLENGTH,
    F_RR_PCO_MP_ORDINAL, F_RR_PCO_MP_MATCHLEN, F_RR_PCO_MP_MINLEN, F_RR_PCO_MP_MAXLEN,
    F_RR_PCO_MP_MATCHPREFIX, F_RR_PCO_UP, F_RR_PCO_UP_USELEN, F_RR_PCO_UP_KEEPLEN,
    F_RR_PCO_UP_FLAGMASK, F_RR_PCO_UP_FLAGMASK_L, F_RR_PCO_UP_FLAGMASK_A,
    F_RR_PCO_UP_FLAGMASK_RESERVED, F_RR_PCO_UP_RAFLAGS, F_RR_PCO_UP_VALIDLIFETIME,
    F_RR_PCO_UP_PREFERREDLIFETIME, F_RR_PCO_UP_FLAG, F_RR_PCO_UP_FLAG_V, F_RR_PCO_UP_FLAG_P,
    F_RR_PCO_UP_FLAG_RESERVED, F_RR_PCO_UP_USEPREFIX, F_RR_RM, F_RR_RM_FLAG, F_RR_RM_FLAG_B,
    F_RR_RM_FLAG_F, F_RR_RM_FLAG_RESERVED, F_RR_RM_ORDINAL, F_RR_RM_MATCHEDLEN,
    F_RR_RM_INTERFACEINDEX, F_RR_RM_MATCHEDPREFIX, F_MIP6_IDENTIFIER, F_MIP6_HOME_AGENT_ADDRESS,
    F_MIP6_FLAG, F_MIP6_FLAG_M, F_MIP6_FLAG_O, F_MIP6_FLAG_RSV, F_MLD_MAXIMUM_RESPONSE_CODE,
    F_MLD_FLAG, F_MLD_FLAG_S, F_MLD_FLAG_QRV, F_MLD_FLAG_RESERVED, F_MLD_QQI, F_MLD_NB_SOURCES,
    F_MLD_SOURCE_ADDRESS, F_MLDR_NB_MCAST_RECORDS, F_MLDR_MAR, F_MLDR_MAR_RECORD_TYPE,
    F_MLDR_MAR_AUX_DATA_LEN, F_MLDR_MAR_NB_SOURCES, F_MLDR_MAR_MULTICAST_ADDRESS,
    F_MLDR_MAR_SOURCE_ADDRESS, F_MLDR_MAR_AUXILIARY_DATA, F_FMIP6_SUBTYPE, F_FMIP6_HI_FLAG,
    F_FMIP6_HI_FLAG_S, F_FMIP6_HI_FLAG_A, F_FMIP6_HI_FLAG_RESERVED, F_FMIP6_IDENTIFIER,
    F_MCAST_RA_QUERY_INTERVAL, F_MCAST_RA_ROBUSTNESS_VARIABLE, F_NI_QTYPE, F_NI_FLAG, F_NI_FLAG_G,
    F_NI_FLAG_S, F_NI_FLAG_L, F_NI_FLAG_C, F_NI_FLAG_A, F_NI_FLAG_T, F_NI_FLAG_RSV, F_NI_NONCE,
    F_NI_QUERY_SUBJECT_IPV6, F_NI_QUERY_SUBJECT_FQDN, F_NI_QUERY_SUBJECT_IPV4, F_NI_REPLY_NODE_TTL,
    F_NI_REPLY_NODE_NAME, F_NI_REPLY_NODE_ADDRESS, F_NI_REPLY_IPV4_ADDRESS, F_LENGTH,
    F_RPL_DIS_FLAGS, F_RPL_DIO_INSTANCE, F_RPL_DIO_VERSION, F_RPL_DIO_RANK, F_RPL_DIO_FLAG,
    F_RPL_DIO_FLAG_G, F_RPL_DIO_FLAG_0, F_RPL_DIO_FLAG_MOP, F_RPL_DIO_FLAG_PREFERENCE,
    F_RPL_DIO_DTSN, F_RPL_DIO_DAGID, F_RPL_DAO_INSTANCE, F_RPL_DAO_FLAG, F_RPL_DAO_FLAG_K,
    F_RPL_DAO_FLAG_D, F_RPL_DAO_FLAG_RSV, F_RPL_DAO_SEQUENCE, F_RPL_DAO_DODAGID,
    F_RPL_DAOACK_INSTANCE, F_RPL_DAOACK_FLAG, F_RPL_DAOACK_FLAG_D, F_RPL_DAOACK_FLAG_RSV,
    F_RPL_DAOACK_SEQUENCE, F_RPL_DAOACK_STATUS, F_RPL_DAOACK_DODAGID, F_RPL_CC_INSTANCE,
    F_RPL_CC_FLAG, F_RPL_CC_FLAG_R, F_RPL_CC_FLAG_RSV, F_RPL_CC_NONCE, F_RPL_CC_DODAGID,
    F_RPL_CC_DESTINATION_COUNTER, F_RPL_SECURE_FLAG, F_RPL_SECURE_FLAG_T, F_RPL_SECURE_FLAG_RSV,
    F_RPL_SECURE_ALGORITHM, F_RPL_SECURE_KIM, F_RPL_SECURE_LVL, F_RPL_SECURE_RSV,
    F_RPL_SECURE_COUNTER, F_RPL_SECURE_KEY_SOURCE, F_RPL_SECURE_KEY_INDEX, F_RPL_OPT_TYPE,
    F_RPL_OPT_LENGTH, F_RPL_OPT_RESERVED, F_RPL_OPT_PADN, F_RPL_OPT_METRIC_TYPE,
    F_RPL_OPT_METRIC_FLAGS, F_RPL_OPT_METRIC_RESERVED, F_RPL_OPT_METRIC_FLAG_P,
    F_RPL_OPT_METRIC_FLAG_C, F_RPL_OPT_METRIC_FLAG_O, F_RPL_OPT_METRIC_FLAG_R,
    F_RPL_OPT_METRIC_FLAG_A, F_RPL_OPT_METRIC_PREC, F_RPL_OPT_METRIC_LENGTH,
    F_RPL_OPT_METRIC_NSA_OBJECT, F_RPL_OPT_METRIC_NSA_OBJECT_RESERVED,
    F_RPL_OPT_METRIC_NSA_OBJECT_FLAGS, F_RPL_OPT_METRIC_NSA_OBJECT_FLAG_A,
    F_RPL_OPT_METRIC_NSA_OBJECT_FLAG_O, F_RPL_OPT_METRIC_NSA_OBJECT_OPTTLV_OBJECT,
    F_RPL_OPT_METRIC_NSA_OBJECT_OPTTLV_OBJECT_TYPE,
    F_RPL_OPT_METRIC_NSA_OBJECT_OPTTLV_OBJECT_LENGTH,
    F_RPL_OPT_METRIC_NSA_OBJECT_OPTTLV_OBJECT_DATA, F_RPL_OPT_METRIC_NE_OBJECT,
    F_RPL_OPT_METRIC_NE_OBJECT_FLAGS, F_RPL_OPT_METRIC_NE_OBJECT_FLAG_I,
    F_RPL_OPT_METRIC_NE_OBJECT_TYPE, F_RPL_OPT_METRIC_NE_OBJECT_FLAG_E,
    F_RPL_OPT_METRIC_NE_OBJECT_ENERGY, F_RPL_OPT_METRIC_HP_OBJECT,
    F_RPL_OPT_METRIC_HP_OBJECT_RESERVED, F_RPL_OPT_METRIC_HP_OBJECT_FLAGS,
    F_RPL_OPT_METRIC_HP_OBJECT_HP, F_RPL_OPT_METRIC_LT_OBJECT_LT, F_RPL_OPT_METRIC_LL_OBJECT_LL,
    F_RPL_OPT_METRIC_LQL_OBJECT, F_RPL_OPT_METRIC_LQL_OBJECT_RES, F_RPL_OPT_METRIC_LQL_OBJECT_VAL,
    F_RPL_OPT_METRIC_LQL_OBJECT_COUNTER, F_RPL_OPT_METRIC_ETX_OBJECT_ETX,
    F_RPL_OPT_METRIC_LC_OBJECT, F_RPL_OPT_METRIC_LC_OBJECT_RES, F_RPL_OPT_METRIC_LC_OBJECT_LC,
    F_RPL_OPT_METRIC_LC_OBJECT_COUNTER, F_RPL_OPT_METRIC_LC_OBJECT_RESERVED,
    F_RPL_OPT_METRIC_LC_OBJECT_FLAG_I, F_RPL_OPT_ROUTE_PREFIX_LENGTH, F_RPL_OPT_ROUTE_FLAG,
    F_RPL_OPT_ROUTE_PREF, F_RPL_OPT_ROUTE_RESERVED, F_RPL_OPT_ROUTE_LIFETIME,
    F_RPL_OPT_ROUTE_PREFIX, F_RPL_OPT_CONFIG_FLAG, F_RPL_OPT_CONFIG_RESERVED, F_RPL_OPT_CONFIG_AUTH,
    F_RPL_OPT_CONFIG_PCS, F_RPL_OPT_CONFIG_INTERVAL_DOUBLE, F_RPL_OPT_CONFIG_INTERVAL_MIN,
    F_RPL_OPT_CONFIG_REDUNDANCY, F_RPL_OPT_CONFIG_MAX_RANK_INC, F_RPL_OPT_CONFIG_MIN_HOP_RANK_INC,
    F_RPL_OPT_CONFIG_OCP, F_RPL_OPT_CONFIG_RSV, F_RPL_OPT_CONFIG_DEF_LIFETIME,
    F_RPL_OPT_CONFIG_LIFETIME_UNIT, F_RPL_OPT_TARGET_FLAG, F_RPL_OPT_TARGET_PREFIX_LENGTH,
    F_RPL_OPT_TARGET_PREFIX, F_RPL_OPT_TRANSIT_FLAG, F_RPL_OPT_TRANSIT_FLAG_E,
    F_RPL_OPT_TRANSIT_FLAG_RSV, F_RPL_OPT_TRANSIT_PATHCTL, F_RPL_OPT_TRANSIT_PATHSEQ,
    F_RPL_OPT_TRANSIT_PATHLIFETIME, F_RPL_OPT_TRANSIT_PARENT, F_RPL_OPT_SOLICITED_INSTANCE,
    F_RPL_OPT_SOLICITED_FLAG, F_RPL_OPT_SOLICITED_FLAG_V, F_RPL_OPT_SOLICITED_FLAG_I,
    F_RPL_OPT_SOLICITED_FLAG_D, F_RPL_OPT_SOLICITED_FLAG_RSV, F_RPL_OPT_SOLICITED_DODAGID,
    F_RPL_OPT_SOLICITED_VERSION, F_RPL_OPT_PREFIX_LENGTH, F_RPL_OPT_PREFIX_FLAG,
    F_RPL_OPT_PREFIX_FLAG_L, F_RPL_OPT_CONFIG_FLAG_A, F_RPL_OPT_CONFIG_FLAG_R,
    F_RPL_OPT_CONFIG_FLAG_RSV, F_RPL_OPT_PREFIX_VALID_LIFETIME, F_RPL_OPT_PREFIX_PREFERRED_LIFETIME,
    F_RPL_OPT_PREFIX, F_RPL_OPT_TARGETDESC_DESCRIPTOR, F_RPL_OPT_ROUTEDISCOVERY_FLAG,
    F_RPL_OPT_ROUTEDISCOVERY_FLAG_REPLY, F_RPL_OPT_ROUTEDISCOVERY_FLAG_HOPBYHOP,
    F_RPL_OPT_ROUTEDISCOVERY_FLAG_NUMOFROUTES, F_RPL_OPT_ROUTEDISCOVERY_FLAG_COMPR,
    F_RPL_OPT_ROUTEDISCOVERY_LIFETIME, F_RPL_OPT_ROUTEDISCOVERY_MAXRANK,
    F_RPL_OPT_ROUTEDISCOVERY_NH, F_RPL_OPT_ROUTEDISCOVERY_TARGETADDR,
    F_RPL_OPT_ROUTEDISCOVERY_ADDR_VEC, F_RPL_OPT_ROUTEDISCOVERY_ADDRVEC_ADDR,
    F_RPL_P2P_DRO_INSTANCE, F_RPL_P2P_DRO_VERSION, F_RPL_P2P_DRO_FLAG, F_RPL_P2P_DRO_FLAG_STOP,
    F_RPL_P2P_DRO_FLAG_ACK, F_RPL_P2P_DRO_FLAG_SEQ, F_RPL_P2P_DRO_FLAG_RESERVED,
    F_RPL_P2P_DRO_DAGID, F_RPL_P2P_DROACK_FLAG, F_RPL_P2P_DROACK_FLAG_SEQ,
    F_RPL_P2P_DROACK_FLAG_RESERVED, F_ILNP_NB_LOCS, F_ILNP_NB_LOCATOR, F_ILNP_NB_PREFERENCE,
    F_ILNP_NB_LIFETIME, F_6LOWPANND_DA_STATUS, F_6LOWPANND_DA_RSV, F_6LOWPANND_DA_LIFETIME,
    F_6LOWPANND_DA_EUI64, F_6LOWPANND_DA_REG_ADDR, F_EXT_ECHO_SEQ, F_EXT_ECHO_REQ_RES,
    F_EXT_ECHO_REQ_LOCAL, F_EXT_ECHO_RSP_STATE, F_EXT_ECHO_RSP_RES, F_EXT_ECHO_RSP_ACTIVE,
    F_EXT_ECHO_RSP_IPV4, F_EXT_ECHO_RSP_IPV6, F_RESP_IN, F_NO_RESP, F_RESP_TO, F_RESPTIME,
    F_MPL_SEED_INFO_MIN_SEQUENCE, F_MPL_SEED_INFO_BM_LEN, F_MPL_SEED_INFO_S,
    F_MPL_SEED_INFO_SEED_ID, F_MPL_SEED_INFO_SEQUENCE, F_OPT_LINKADDR_MAC, F_OPT_SRC_LINKADDR_MAC,
    F_OPT_TARGET_LINKADDR_MAC,
    F_COUNT
};
static const struct tw_field_def fields[F_COUNT] = {
    [F_TYPE] = {"icmpv6.type", "Type", TW_FT_UINT8, TW_BASE_DEC, 0x0, type_vals, NULL, NULL,
                "Indicates the type of the message"},
    [F_CODE] = {"icmpv6.code", "Code", TW_FT_UINT8, TW_BASE_DEC, 0x0, NULL, NULL, NULL,
                "Depends on the message type.  It is used to create an additional level of message "
                "granularity"},
    [F_CHECKSUM] =
        {"icmpv6.checksum", "Checksum", TW_FT_UINT16, TW_BASE_HEX, 0x0, NULL, NULL, NULL,
         "Used to detect data corruption in the ICMPv6 message and parts of the IPv6 header"},
    [F_CHECKSUM_STATUS] = {"icmpv6.checksum.status", "Checksum Status", TW_FT_UINT8, TW_BASE_NONE,
                           0x0, checksum_status_vals},
    [F_RESERVED] = {"icmpv6.reserved", "Reserved", TW_FT_BYTES, TW_BASE_NONE, 0x0, NULL, NULL, NULL,
                    "Must be Zero"},
    [F_DATA] = {"icmpv6.data", "Data", TW_FT_BYTES, TW_BASE_NONE},
    [F_UNKNOWN_DATA] = {"icmpv6.unknown_data", "Unknown Data", TW_FT_BYTES, TW_BASE_NONE, 0x0, NULL,
                        NULL, NULL, "Not interpreted Data"},
    [F_MTU] = {"icmpv6.mtu", "MTU", TW_FT_UINT32, TW_BASE_DEC, 0x0, NULL, NULL, NULL,
               "The Maximum Transmission Unit of the next-hop link"},
    [F_POINTER] =
        {"icmpv6.pointer", "Pointer", TW_FT_UINT32, TW_BASE_DEC, 0x0, NULL, NULL, NULL,
         "Identifies the octet offset within the invoking packet where the error was detected"},
    [F_ECHO_IDENTIFIER] = {"icmpv6.echo.identifier", "Identifier", TW_FT_UINT16, TW_BASE_HEX, 0x0,
                           NULL, NULL, NULL,
                           "An identifier to aid in matching with Request and Reply"},
    [F_ECHO_SEQUENCE_NUMBER] =
        {"icmpv6.echo.sequence_number", "Sequence", TW_FT_UINT16, TW_BASE_DEC, 0x0, NULL, NULL,
         NULL, "A sequence number to aid in matching Echo Replies to this Echo Request"},
    [F_NONCE] = {"icmpv6.nonce", "Nonce", TW_FT_BYTES, TW_BASE_NONE},
    [F_ND_RA_CUR_HOP_LIMIT] = {"icmpv6.nd.ra.cur_hop_limit", "Cur hop limit", TW_FT_UINT8,
                               TW_BASE_DEC, 0x0, NULL, NULL, NULL,
                               "The default value that should be placed in the Hop Count field of "
                               "the IP header for outgoing IP packets"},
    [F_ND_RA_FLAG] = {"icmpv6.nd.ra.flag", "Flags", TW_FT_UINT8, TW_BASE_HEX},
    [F_ND_RA_FLAG_M] = {"icmpv6.nd.ra.flag.m", "Managed address configuration", TW_FT_BOOLEAN, 8,
                        0x80, NULL, NULL, &tw_tfs_set_notset,
                        "When set, it indicates that addresses are available via DHCPv6"},
    [F_ND_RA_FLAG_O] =
        {"icmpv6.nd.ra.flag.o", "Other configuration", TW_FT_BOOLEAN, 8, 0x40, NULL, NULL,
         &tw_tfs_set_notset,
         "When set, it indicates that other configuration information is available via DHCPv6"},
    [F_ND_RA_FLAG_H] = {"icmpv6.nd.ra.flag.h", "Home Agent", TW_FT_BOOLEAN, 8, 0x20, NULL, NULL,
                        &tw_tfs_set_notset,
                        "When set, it indicate that the router sending this Router Advertisement "
                        "is also functioning as a Mobile IPv6 home agent on this link"},
    [F_ND_RA_FLAG_PRF] = {"icmpv6.nd.ra.flag.prf", "Prf (Default Router Preference)", TW_FT_UINT8,
                          TW_BASE_DEC, 0x18, nd_ra_flag_prf_vals, NULL, NULL,
                          "Indicates whether to prefer this router over other default routers"},
    [F_ND_RA_FLAG_P] = {"icmpv6.nd.ra.flag.p", "Proxy", TW_FT_BOOLEAN, 8, 0x4, NULL, NULL,
                        &tw_tfs_set_notset},
    [F_ND_RA_FLAG_RSV] = {"icmpv6.nd.ra.flag.rsv", "Reserved", TW_FT_UINT8, TW_BASE_DEC, 0x3, NULL,
                          NULL, NULL, "Must be Zero"},
    [F_ND_RA_ROUTER_LIFETIME] = {"icmpv6.nd.ra.router_lifetime", "Router lifetime (s)",
                                 TW_FT_UINT16, TW_BASE_DEC, 0x0, NULL, NULL, NULL,
                                 "The lifetime associated with the default router"},
    [F_ND_RA_REACHABLE_TIME] = {"icmpv6.nd.ra.reachable_time", "Reachable time (ms)", TW_FT_UINT32,
                                TW_BASE_DEC, 0x0, NULL, NULL, NULL,
                                "The time that a node assumes a neighbor is reachable after having "
                                "received a reachability confirmation"},
    [F_ND_RA_RETRANS_TIMER] = {"icmpv6.nd.ra.retrans_timer", "Retrans timer (ms)", TW_FT_UINT32,
                               TW_BASE_DEC, 0x0, NULL, NULL, NULL,
                               "The time between retransmitted Neighbor Solicitation messages"},
    [F_ND_NS_TARGET_ADDRESS] = {"icmpv6.nd.ns.target_address", "Target Address", TW_FT_IPv6,
                                TW_BASE_NONE, 0x0, NULL, NULL, NULL,
                                "The IP address of the target of the solicitation"},
    [F_ND_NA_FLAG] = {"icmpv6.nd.na.flag", "Flags", TW_FT_UINT32, TW_BASE_HEX},
    [F_ND_NA_FLAG_R] = {"icmpv6.nd.na.flag.r", "Router", TW_FT_BOOLEAN, 32, 0x80000000, NULL, NULL,
                        &tw_tfs_set_notset, "When set, it indicates that the sender is a router"},
    [F_ND_NA_FLAG_S] = {"icmpv6.nd.na.flag.s", "Solicited", TW_FT_BOOLEAN, 32, 0x40000000, NULL,
                        NULL, &tw_tfs_set_notset,
                        "When set, it indicates that the advertisement was sent in response to a "
                        "Neighbor Solicitation from the Destination address"},
    [F_ND_NA_FLAG_O] = {"icmpv6.nd.na.flag.o", "Override", TW_FT_BOOLEAN, 32, 0x20000000, NULL,
                        NULL, &tw_tfs_set_notset,
                        "When set, it indicates that the advertisement should override an existing "
                        "cache entry and update the cached link-layer address"},
    [F_ND_NA_FLAG_RSV] = {"icmpv6.nd.na.flag.rsv", "Reserved", TW_FT_UINT32, TW_BASE_DEC,
                          0x1fffffff, NULL, NULL, NULL, "Must be Zero"},
    [F_ND_NA_TARGET_ADDRESS] = {"icmpv6.nd.na.target_address", "Target Address", TW_FT_IPv6,
                                TW_BASE_NONE, 0x0, NULL, NULL, NULL,
                                "the Target Address field in the Neighbor Solicitation message "
                                "that prompted this advertisement"},
    [F_ND_RD_TARGET_ADDRESS] =
        {"icmpv6.nd.rd.target_address", "Target Address", TW_FT_IPv6, TW_BASE_NONE, 0x0, NULL, NULL,
         NULL, "An IP address that is a better first hop to use for the ICMP Destination Address"},
    [F_RD_NA_DESTINATION_ADDRESS] =
        {"icmpv6.rd.na.destination_address", "Destination Address", TW_FT_IPv6, TW_BASE_NONE, 0x0,
         NULL, NULL, NULL, "The IP address of the destination that is redirected to the target"},
    [F_OPT] = {"icmpv6.opt", "ICMPv6 Option", TW_FT_NONE, TW_BASE_NONE, 0x0, NULL, NULL, NULL,
               "Option"},
    [F_OPT_TYPE] = {"icmpv6.opt.type", "Type", TW_FT_UINT8, TW_BASE_DEC, 0x0, opt_type_vals, NULL,
                    NULL, "Options type"},
    [F_OPT_LENGTH] =
        {"icmpv6.opt.length", "Length", TW_FT_UINT8, TW_BASE_DEC, 0x0, NULL, NULL, NULL,
         "The length (in units of 8 bytes) of the option (including the Type and Length fields)"},
    [F_OPT_RESERVED] = {"icmpv6.opt.reserved", "Reserved", TW_FT_NONE, TW_BASE_NONE, 0x0, NULL,
                        NULL, NULL, "Reserved (Must be 0)"},
    [F_OPT_PADDING] = {"icmpv6.opt.padding", "Padding", TW_FT_NONE, TW_BASE_NONE, 0x0, NULL, NULL,
                       NULL, "Padding (Must be 0)"},
    [F_OPT_LINKADDR] = {"icmpv6.opt.linkaddr", "Link-layer address", TW_FT_BYTES, TW_BASE_NONE},
    [F_OPT_SRC_LINKADDR] = {"icmpv6.opt.src_linkaddr", "Source Link-layer address", TW_FT_BYTES,
                            TW_BASE_NONE},
    [F_OPT_TARGET_LINKADDR] = {"icmpv6.opt.target_linkaddr", "Target Link-layer address",
                               TW_FT_BYTES, TW_BASE_NONE},
    [F_OPT_LINKADDR_EUI64] = {"icmpv6.opt.linkaddr_eui64", "Link-layer address", TW_FT_EUI64,
                              TW_BASE_NONE},
    [F_OPT_SRC_LINKADDR_EUI64] = {"icmpv6.opt.src_linkaddr_eui64", "Source Link-layer address",
                                  TW_FT_EUI64, TW_BASE_NONE},
    [F_OPT_TARGET_LINKADDR_EUI64] = {"icmpv6.opt.target_linkaddr_eui64",
                                     "Target Link-layer address", TW_FT_EUI64, TW_BASE_NONE},
    [F_OPT_PREFIX_LENGTH] = {"icmpv6.opt.prefix.length", "Prefix Length", TW_FT_UINT8, TW_BASE_DEC,
                             0x0, NULL, NULL, NULL,
                             "The number of leading bits in the Prefix that are valid"},
    [F_OPT_PREFIX_FLAG] = {"icmpv6.opt.prefix.flag", "Flag", TW_FT_UINT8, TW_BASE_HEX},
    [F_OPT_PREFIX_FLAG_L] =
        {"icmpv6.opt.prefix.flag.l", "On-link flag(L)", TW_FT_BOOLEAN, 8, 0x80, NULL, NULL,
         &tw_tfs_set_notset,
         "When set, indicates that this prefix can be used for on-link determination"},
    [F_OPT_PREFIX_FLAG_A] =
        {"icmpv6.opt.prefix.flag.a", "Autonomous address-configuration flag(A)", TW_FT_BOOLEAN, 8,
         0x40, NULL, NULL, &tw_tfs_set_notset,
         "When set indicates that this prefix can be used for stateless address configuration"},
    [F_OPT_PREFIX_FLAG_R] = {"icmpv6.opt.prefix.flag.r", "Router address flag(R)", TW_FT_BOOLEAN, 8,
                             0x20, NULL, NULL, &tw_tfs_set_notset,
                             "When set indicates that the Prefix field contains a complete IP "
                             "address assigned to the sending router"},
    [F_OPT_PREFIX_FLAG_RESERVED] = {"icmpv6.opt.prefix.flag.reserved", "Reserved", TW_FT_UINT8,
                                    TW_BASE_DEC, 0x1f},
    [F_OPT_PREFIX_VALID_LIFETIME] = {"icmpv6.opt.prefix.valid_lifetime", "Valid Lifetime",
                                     TW_FT_UINT32, TW_BASE_DEC, 0x0, NULL, NULL, NULL,
                                     "The length of time in seconds that the prefix is valid for "
                                     "the purpose of on-link determination"},
    [F_OPT_PREFIX_PREFERRED_LIFETIME] =
        {"icmpv6.opt.prefix.preferred_lifetime", "Preferred Lifetime", TW_FT_UINT32, TW_BASE_DEC,
         0x0, NULL, NULL, NULL,
         "The length of time in seconds that addresses generated from the prefix via stateless "
         "address autoconfiguration remain preferred"},
    [F_OPT_PREFIX] = {"icmpv6.opt.prefix", "Prefix", TW_FT_IPv6, TW_BASE_NONE, 0x0, NULL, NULL,
                      NULL, "An IP address or a prefix of an IP address"},
    [F_OPT_CGA_PAD_LENGTH] = {"icmpv6.opt.cga.pad_length", "Pad Length", TW_FT_UINT8, TW_BASE_DEC,
                              0x0, NULL, NULL, NULL, "Pad Length (in bytes)"},
    [F_OPT_CGA] = {"icmpv6.opt.cga", "CGA", TW_FT_BYTES, TW_BASE_NONE},
    [F_OPT_CGA_MODIFIER] = {"icmpv6.opt.cga.modifier", "Modifier", TW_FT_BYTES, TW_BASE_NONE},
    [F_OPT_CGA_SUBNET_PREFIX] = {"icmpv6.opt.cga.subnet_prefix", "Subnet Prefix", TW_FT_BYTES,
                                 TW_BASE_NONE},
    [F_OPT_CGA_COUNT] = {"icmpv6.opt.cga.count", "Count", TW_FT_BYTES, TW_BASE_NONE},
    [F_OPT_CGA_SUBJECT_PUBLIC_KEY_INFO] = {"icmpv6.opt.cga.subject_public_key_info",
                                           "Subject Public Key Info", TW_FT_NONE, TW_BASE_NONE},
    [F_OPT_CGA_EXT_TYPE] = {"icmpv6.opt.cga.ext_type", "Ext Type", TW_FT_UINT16, TW_BASE_DEC},
    [F_OPT_CGA_EXT_LENGTH] = {"icmpv6.opt.cga.ext_length", "Ext Length", TW_FT_UINT16, TW_BASE_DEC},
    [F_OPT_CGA_EXT_DATA] = {"icmpv6.opt.cga.ext_data", "Ext Data", TW_FT_BYTES, TW_BASE_NONE},
    [F_OPT_RSA_KEY_HASH] = {"icmpv6.opt.rsa.key_hash", "Key Hash", TW_FT_BYTES, TW_BASE_NONE},
    [F_OPT_DIGITAL_SIGNATURE_PADDING] = {"icmpv6.opt.digital_signature_padding",
                                         "Digital Signature and Padding", TW_FT_NONE, TW_BASE_NONE,
                                         0x0, NULL, NULL, NULL, "TO DO FIX ME !!"},
    [F_OPT_PS_KEY_HASH] = {"icmpv6.opt.ps.key_hash", "Key Hash", TW_FT_BYTES, TW_BASE_NONE},
    [F_OPT_TIMESTAMP] =
        {"icmpv6.opt.timestamp", "Timestamp", TW_FT_ABSOLUTE_TIME, TW_ABSTIME_LOCAL, 0x0, NULL,
         NULL, NULL, "The value indicates the number of seconds since January 1, 1970, 00:00 UTC"},
    [F_OPT_NONCE] =
        {"icmpv6.opt.nonce", "Nonce", TW_FT_BYTES, TW_BASE_NONE, 0x0, NULL, NULL, NULL,
         "A field containing a random number selected by the sender of the solicitation message"},
    [F_OPT_CERTIFICATE_PADDING] = {"icmpv6.opt.certificate_padding", "Certificate and Padding",
                                   TW_FT_NONE, TW_BASE_NONE},
    [F_OPT_IPA_OPTION_CODE] = {"icmpv6.opt.ipa.option_code", "Option-code", TW_FT_UINT8,
                               TW_BASE_DEC, 0x0, opt_ipa_option_code_vals},
    [F_OPT_IPA_PREFIX_LEN] = {"icmpv6.opt.ipa.prefix_len", "Prefix Length", TW_FT_UINT8,
                              TW_BASE_DEC, 0x0, NULL, NULL, NULL,
                              "That indicates the length of the IPv6 Address Prefix"},
    [F_OPT_IPA_IPV6_ADDRESS] = {"icmpv6.opt.ipa.ipv6_address", "IPv6 Address", TW_FT_IPv6,
                                TW_BASE_NONE, 0x0, NULL, NULL, NULL,
                                "The IP address/prefix defined by the Option-Code field"},
    [F_OPT_NRPI_OPTION_CODE] = {"icmpv6.opt.nrpi.option_code", "Option-code", TW_FT_UINT8,
                                TW_BASE_DEC},
    [F_OPT_NRPI_PREFIX_LEN] = {"icmpv6.opt.nrpi.prefix_len", "Prefix Length", TW_FT_UINT8,
                               TW_BASE_DEC, 0x0, NULL, NULL, NULL,
                               "The number of leading bits in the Prefix that are valid"},
    [F_OPT_NRPI_PREFIX] = {"icmpv6.opt.nrpi.prefix", "Prefix", TW_FT_IPv6, TW_BASE_NONE, 0x0, NULL,
                           NULL, NULL, "An IP address or a prefix of an IP address"},
    [F_OPT_LLA_OPTION_CODE] = {"icmpv6.opt.lla.option_code", "Option-code", TW_FT_UINT8,
                               TW_BASE_DEC, 0x0, opt_lla_option_code_vals},
    [F_OPT_LLA_BYTES] = {"icmpv6.opt.lla.bytes", "Link-Layer Address", TW_FT_BYTES, TW_BASE_NONE,
                         0x0, NULL, NULL, NULL, "(in Bytes Format)"},
    [F_OPT_NAACK_OPTION_CODE] = {"icmpv6.opt.naack.option_code", "Option-Code", TW_FT_UINT8,
                                 TW_BASE_DEC},
    [F_OPT_NAACK_STATUS] =
        {"icmpv6.opt.naack.status", "Status", TW_FT_UINT8, TW_BASE_DEC, 0x0, opt_naack_status_vals,
         NULL, NULL,
         "Indicating the disposition of the Unsolicited Neighbor Advertisement message"},
    [F_OPT_NAACK_SUPPLIED_NCOA] = {"icmpv6.opt.naack.supplied_ncoa", "Supplied NCoA", TW_FT_IPv6,
                                   TW_BASE_NONE},
    [F_OPT_MAP_DISTANCE] = {"icmpv6.opt.map.distance", "Distance", TW_FT_UINT8, TW_BASE_DEC, 0xf0,
                            NULL, NULL, NULL,
                            "Identifying the distance between MAP and the receiver of the "
                            "advertisement (in the number of hops)"},
    [F_OPT_MAP_PREFERENCE] = {"icmpv6.opt.map.preference", "Preference", TW_FT_UINT8, TW_BASE_DEC,
                              0xf, NULL, NULL, NULL,
                              "Used as an indicator of operator preference (Highest is better)"},
    [F_OPT_MAP_FLAG] = {"icmpv6.opt.map.flag", "Flag", TW_FT_UINT8, TW_BASE_HEX},
    [F_OPT_MAP_FLAG_R] = {"icmpv6.opt.map.flag.r", "RCoA Flag", TW_FT_BOOLEAN, 8, 0x80, NULL, NULL,
                          NULL,
                          "It indicates that the mobile node is allocated the RCoA by the MAP"},
    [F_OPT_MAP_FLAG_RESERVED] = {"icmpv6.opt.map.flag.reserved", "Reserved", TW_FT_UINT8,
                                 TW_BASE_DEC, 0x7f, NULL, NULL, NULL, "Must be 0"},
    [F_OPT_MAP_VALID_LIFETIME] =
        {"icmpv6.opt.map.valid_lifetime", "Valid Lifetime", TW_FT_UINT32, TW_BASE_DEC, 0x0, NULL,
         NULL, NULL, "This value indicates the validity of the MAP's address and the RCoA."},
    [F_OPT_MAP_GLOBAL_ADDRESS] = {"icmpv6.opt.map.global_address", "Global Address", TW_FT_IPv6,
                                  TW_BASE_NONE, 0x0, NULL, NULL, NULL,
                                  "One of the MAP's global addresses"},
    [F_OPT_ROUTE_INFO_FLAG] = {"icmpv6.opt.route_info.flag", "Flag", TW_FT_UINT8, TW_BASE_HEX},
    [F_OPT_ROUTE_INFO_FLAG_ROUTE_PREFERENCE] =
        {"icmpv6.opt.route_info.flag.route_preference", "Route Preference", TW_FT_UINT8,
         TW_BASE_DEC, 0x18, opt_route_info_flag_route_preference_vals, NULL, NULL,
         "The Route Preference indicates whether to prefer the router associated with this prefix "
         "over others"},
    [F_OPT_ROUTE_INFO_FLAG_RESERVED] = {"icmpv6.opt.route_info.flag.reserved", "Reserved",
                                        TW_FT_UINT8, TW_BASE_DEC, 0xe7, NULL, NULL, NULL,
                                        "Must be 0"},
    [F_OPT_ROUTE_LIFETIME] = {"icmpv6.opt.route_lifetime", "Route Lifetime", TW_FT_UINT32,
                              TW_BASE_DEC, 0x0, NULL, NULL, NULL,
                              "The length of time in seconds that the prefix is valid for the "
                              "purpose of route determination"},
    [F_OPT_NAME_TYPE] = {"icmpv6.opt.name_type", "Name Type", TW_FT_UINT8, TW_BASE_DEC, 0x0,
                         opt_name_type_vals},
    [F_OPT_NAME_X501] = {"icmpv6.opt.name_x501", "DER Encoded X.501 Name", TW_FT_BYTES,
                         TW_BASE_NONE},
    [F_OPT_NAME_TYPE_FQDN] = {"icmpv6.opt.name_type.fqdn", "FQDN", TW_FT_STRING, TW_BASE_NONE},
    [F_SEND_IDENTIFIER] = {"icmpv6.send.identifier", "Identifier", TW_FT_UINT16, TW_BASE_DEC, 0x0,
                           NULL, NULL, NULL,
                           "An identifier to aid in matching with Request and Reply"},
    [F_SEND_ALL_COMPONENTS] =
        {"icmpv6.send.all_components", "All Components", TW_FT_UINT16, TW_BASE_DEC, 0x0, NULL, NULL,
         NULL, "Inform the receiver of the number of certificates in the entire path"},
    [F_SEND_COMPONENT] =
        {"icmpv6.send.component", "Component", TW_FT_UINT16, TW_BASE_DEC, 0x0, NULL, NULL, NULL,
         "If the field is set to 65,535 if the sender seeks to retrieve all certificates"},
    [F_X509_NAME] = {"icmpv6.x509_Name", "Name", TW_FT_UINT32, TW_BASE_DEC, 0x0, x509_Name_vals},
    [F_X509_CERTIFICATE] = {"icmpv6.x509_Certificate", "Certificate", TW_FT_NONE, TW_BASE_NONE},
    [F_OPT_REDIRECTED_PACKET] = {"icmpv6.opt.redirected_packet", "Redirected Packet", TW_FT_NONE,
                                 TW_BASE_NONE},
    [F_OPT_MTU] = {"icmpv6.opt.mtu", "MTU", TW_FT_UINT32, TW_BASE_DEC, 0x0, NULL, NULL, NULL,
                   "The recommended MTU for the link"},
    [F_OPT_NBMA_SHORTCUT_LIMIT] = {"icmpv6.opt.nbma.shortcut_limit", "Shortcut Limit", TW_FT_UINT8,
                                   TW_BASE_DEC, 0x0, NULL, NULL, NULL,
                                   "Hop limit for shortcut attempt"},
    [F_OPT_ADVERTISEMENT_INTERVAL] =
        {"icmpv6.opt.advertisement_interval", "Advertisement Interval", TW_FT_UINT32, TW_BASE_DEC,
         0x0, NULL, NULL, NULL,
         "The maximum time (in milliseconds) between successive unsolicited Router Advertisement "
         "messages sent by this router on this network interface"},
    [F_OPT_HOME_AGENT_PREFERENCE] =
        {"icmpv6.opt.home_agent_preference", "Home Agent Preference", TW_FT_UINT16, TW_BASE_DEC,
         0x0, NULL, NULL, NULL,
         "The preference for the home agent sending this Router Advertisement"},
    [F_OPT_HOME_AGENT_LIFETIME] =
        {"icmpv6.opt.home_agent_lifetime", "Home Agent Preference", TW_FT_UINT16, TW_BASE_DEC, 0x0,
         NULL, NULL, NULL, "The lifetime associated with the home agent in units of seconds."},
    [F_OPT_IPV6_ADDRESS] = {"icmpv6.opt.ipv6_address", "IPv6 Address", TW_FT_IPv6, TW_BASE_NONE,
                            0x0, NULL, NULL, NULL, "IPv6 addresses of the interface"},
    [F_OPT_RDNSS_LIFETIME] = {"icmpv6.opt.rdnss.lifetime", "Lifetime", TW_FT_UINT32, TW_BASE_DEC,
                              0x0, NULL},
    [F_OPT_RDNSS] = {"icmpv6.opt.rdnss", "Recursive DNS Servers", TW_FT_IPv6, TW_BASE_NONE},
    [F_OPT_EFO] = {"icmpv6.opt.efo", "Flags Expansion Option", TW_FT_UINT16, TW_BASE_HEX},
    [F_OPT_EFO_M] = {"icmpv6.opt.efo.m", "Managed address configuration", TW_FT_BOOLEAN, 16, 0x8000,
                     NULL, NULL, &tw_tfs_set_notset,
                     "When set, it indicates that addresses are available via DHCPv6"},
    [F_OPT_EFO_O] =
        {"icmpv6.opt.efo.o", "Other configuration", TW_FT_BOOLEAN, 16, 0x4000, NULL, NULL,
         &tw_tfs_set_notset,
         "When set, it indicates that other configuration information is available via DHCPv6"},
    [F_OPT_EFO_H] = {"icmpv6.opt.efo.h", "Home Agent", TW_FT_BOOLEAN, 16, 0x2000, NULL, NULL,
                     &tw_tfs_set_notset,
                     "When set, it indicate that the router sending this Router Advertisement is "
                     "also functioning as a Mobile IPv6 home agent on this link"},
    [F_OPT_EFO_PRF] = {"icmpv6.opt.efo.prf", "Prf (Default Router Preference)", TW_FT_UINT16,
                       TW_BASE_DEC, 0x1800, opt_efo_prf_vals, NULL, NULL,
                       "Indicates whether to prefer this router over other default routers"},
    [F_OPT_EFO_P] = {"icmpv6.opt.efo.p", "Proxy", TW_FT_BOOLEAN, 16, 0x400, NULL, NULL,
                     &tw_tfs_set_notset},
    [F_OPT_EFO_RSV] = {"icmpv6.opt.efo.rsv", "Reserved", TW_FT_UINT16, TW_BASE_DEC, 0x2ff, NULL,
                       NULL, NULL, "Must be Zero"},
    [F_OPT_HKR_PAD_LENGTH] = {"icmpv6.opt.hkr.pad_length", "Pad Length", TW_FT_UINT8, TW_BASE_DEC,
                              0x0, NULL, NULL, NULL,
                              "The number of padding octets beyond the end of the Handover Key"},
    [F_OPT_HKR_AT] = {"icmpv6.opt.hkr.at", "AT", TW_FT_UINT8, TW_BASE_DEC, 0xf0, NULL, NULL, NULL,
                      "The algorithm type field describing the algorithm used by FMIPv6 to "
                      "calculate the authenticator"},
    [F_OPT_HKR_RESERVED] = {"icmpv6.opt.hkr.reserved", "Reserved", TW_FT_UINT8, TW_BASE_DEC, 0xf,
                            NULL, NULL, NULL, "Reserved (Must be Zero)"},
    [F_OPT_HKR_ENCRYPTION_PUBLIC_KEY] = {"icmpv6.opt.hkr.encryption_public_key",
                                         "Handover Key Encryption Public Key", TW_FT_BYTES,
                                         TW_BASE_NONE},
    [F_OPT_HKR_PADDING] = {"icmpv6.opt.hkr.padding", "Padding", TW_FT_BYTES, TW_BASE_NONE, 0x0,
                           NULL, NULL, NULL,
                           "A variable-length field making the option length a multiple of 8"},
    [F_OPT_HKR_LIFETIME] = {"icmpv6.opt.hkr.lifetime", "Padding", TW_FT_UINT16, TW_BASE_DEC, 0x0,
                            NULL, NULL, NULL, "Lifetime of the handover key (in seconds)"},
    [F_OPT_HKR_ENCRYPTED_HANDOVER_KEY] =
        {"icmpv6.opt.hkr.encrypted_handover_key", "Encrypted Handover Key", TW_FT_BYTES,
         TW_BASE_NONE, 0x0, NULL, NULL, NULL,
         "The shared handover key, encrypted with the MN's handover key encryption public key"},
    [F_OPT_HAI_OPTION_CODE] = {"icmpv6.opt.hai.option_code", "Option-Code", TW_FT_UINT8,
                               TW_BASE_DEC, 0x0, opt_hai_option_code_vals},
    [F_OPT_HAI_LENGTH] = {"icmpv6.opt.hai.length", "HAI-Length", TW_FT_UINT8, TW_BASE_DEC, 0x0,
                          NULL, NULL, NULL, "The size of the HAI-Value field in octets"},
    [F_OPT_HAI_VALUE] = {"icmpv6.opt.hai.value", "HAI-Value", TW_FT_BYTES, TW_BASE_NONE, 0x0, NULL,
                         NULL, NULL, "The value specified by the Option-Code"},
    [F_OPT_MN_OPTION_CODE] = {"icmpv6.opt.mn.option_code", "Option-Code", TW_FT_UINT8, TW_BASE_DEC,
                              0x0, opt_mn_option_code_vals},
    [F_OPT_MN_LENGTH] = {"icmpv6.opt.mn.length", "MN-Length", TW_FT_UINT8, TW_BASE_DEC, 0x0, NULL,
                         NULL, NULL, "The size of the MN-Value field in octets"},
    [F_OPT_MN_VALUE] = {"icmpv6.opt.mn.value", "MN-Value", TW_FT_BYTES, TW_BASE_NONE, 0x0, NULL,
                        NULL, NULL, "The value specified by the Option-Code"},
    [F_OPT_DNSSL_LIFETIME] = {"icmpv6.opt.dnssl.lifetime", "Lifetime", TW_FT_UINT32, TW_BASE_DEC,
                              0x0, NULL},
    [F_OPT_DNSSL] = {"icmpv6.opt.dnssl", "Domain Names", TW_FT_STRING, TW_BASE_NONE},
    [F_OPT_ARO_STATUS] = {"icmpv6.opt.aro.status", "Status", TW_FT_UINT8, TW_BASE_DEC, 0x0,
                          opt_aro_status_vals, NULL, NULL,
                          "Indicates the status of a registration in the NA response"},
    [F_OPT_ARO_REGISTRATION_LIFETIME] = {"icmpv6.opt.aro.registration_lifetime",
                                         "Registration  Lifetime", TW_FT_UINT16, TW_BASE_DEC, 0x0,
                                         NULL, NULL, NULL,
                                         "The amount of time (in a unit of 60 seconds) that the "
                                         "router should retain the Neighbor Cache entry"},
    [F_OPT_ARO_EUI64] =
        {"icmpv6.opt.aro.eui64", "EUI-64", TW_FT_EUI64, TW_BASE_NONE, 0x0, NULL, NULL, NULL,
         "This field is used to uniquely identify the interface of the registered address"},
    [F_OPT_6CO_CONTEXT_LENGTH] =
        {"icmpv6.opt.6co.context_length", "Context Length", TW_FT_UINT8, TW_BASE_DEC, 0x0, NULL,
         NULL, NULL, "The number of leading bits in the Context Prefix field that are valid"},
    [F_OPT_6CO_FLAG] = {"icmpv6.opt.6co.flag", "Flag", TW_FT_UINT8, TW_BASE_HEX},
    [F_OPT_6CO_FLAG_C] = {"icmpv6.opt.6co.flag.c", "Compression Flag", TW_FT_BOOLEAN, 8, 0x10, NULL,
                          NULL, &tw_tfs_set_notset,
                          "This flag indicates if the context is valid for use in compression"},
    [F_OPT_6CO_FLAG_CID] = {"icmpv6.opt.6co.flag.cid", "CID", TW_FT_UINT8, TW_BASE_DEC, 0xf, NULL,
                            NULL, NULL, "Context Identifier for this prefix information"},
    [F_OPT_6CO_FLAG_RESERVED] = {"icmpv6.opt.6co.flag.reserved", "Reserved", TW_FT_UINT8,
                                 TW_BASE_DEC, 0xe0, NULL, NULL, NULL, "Must be zero"},
    [F_OPT_6CO_VALID_LIFETIME] = {"icmpv6.opt.6co.valid_lifetime", "Lifetime", TW_FT_UINT16,
                                  TW_BASE_DEC, 0x0, NULL, NULL, NULL,
                                  "The length of time in a unit of 60 seconds that the context is "
                                  "valid for the purpose of header compression or decompression"},
    [F_OPT_6CO_CONTEXT_PREFIX] =
        {"icmpv6.opt.6co.context_prefix", "Context Prefix", TW_FT_IPv6, TW_BASE_NONE, 0x0, NULL,
         NULL, NULL, "The IPv6 prefix or address corresponding to the Context ID (CID) field"},
    [F_OPT_ABRO_VERSION_LOW] =
        {"icmpv6.opt.abro.version_low", "Version Low", TW_FT_UINT16, TW_BASE_DEC, 0x0, NULL, NULL,
         NULL,
         "The version number low (the least significant 16 bits) corresponding to this set of "
         "information contained in the RA message"},
    [F_OPT_ABRO_VERSION_HIGH] = {"icmpv6.opt.abro.version_high", "Version", TW_FT_UINT16,
                                 TW_BASE_DEC, 0x0, NULL, NULL, NULL,
                                 "The version number high (most significant 16 bits) corresponding "
                                 "to this set of information contained in the RA message"},
    [F_OPT_ABRO_VALID_LIFETIME] =
        {"icmpv6.opt.abro.valid_lifetime", "Valid Lifetime", TW_FT_UINT16, TW_BASE_DEC, 0x0, NULL,
         NULL, NULL,
         "The length of time in a unit of 60 seconds (relative to the time the packet is received) "
         "that this set of border router information is valid."},
    [F_OPT_ABRO_6LBR_ADDRESS] =
        {"icmpv6.opt.abro.6lbr_address", "6LBR Address", TW_FT_IPv6, TW_BASE_NONE, 0x0, NULL, NULL,
         NULL, "IPv6 address of the 6LBR that is the origin of the included version number"},
    [F_OPT_6CIO_UNASSIGNED1] = {"icmpv6.opt.6cio.unassigned1", "Unassigned", TW_FT_UINT16,
                                TW_BASE_HEX, 0xfffe},
    [F_OPT_6CIO_FLAG_G] = {"icmpv6.opt.6cio.flag_g", "G", TW_FT_UINT16, TW_BASE_HEX, 0x1},
    [F_OPT_6CIO_UNASSIGNED2] = {"icmpv6.opt.6cio.unassigned2", "Unassigned", TW_FT_UINT32,
                                TW_BASE_HEX},
    [F_OPT_CAPTIVE_PORTAL] =
        {"icmpv6.opt.captive_portal", "Captive Portal", TW_FT_STRING, TW_BASE_NONE, 0x0, NULL, NULL,
         NULL, "The contact URI for the captive portal that the user should connect to"},
    [F_OPT_PREF64_SCALED_LIFETIME] =
        {"icmpv6.opt.pref64.scaled_lifetime", "Scaled Lifetime", TW_FT_UINT16, TW_BASE_DEC, 0xfff8,
         NULL, NULL, NULL,
         "The maximum time in units of 8 seconds over which this NAT64 prefix MAY be used"},
    [F_OPT_PREF64_PLC] = {"icmpv6.opt.pref64.plc", "PLC (Prefix Length Code)", TW_FT_UINT16,
                          TW_BASE_HEX, 0x7, opt_pref64_plc_vals, NULL, NULL,
                          "This field encodes the NAT64 Prefix Length"},
    [F_OPT_PREF64_PREFIX] = {"icmpv6.opt.pref64.prefix", "Prefix", TW_FT_IPv6, TW_BASE_NONE, 0x0,
                             NULL, NULL, NULL, "NAT64 Prefix"},
    [F_MLD_MAXIMUM_RESPONSE_DELAY] = {"icmpv6.mld.maximum_response_delay",
                                      "Maximum Response Delay [ms]", TW_FT_UINT16, TW_BASE_DEC, 0x0,
                                      NULL, NULL, NULL,
                                      "Specifies the maximum allowed delay before sending a "
                                      "responding Report, in units of milliseconds"},
    [F_MLD_MULTICAST_ADDRESS] = {"icmpv6.mld.multicast_address", "Multicast Address", TW_FT_IPv6,
                                 TW_BASE_NONE, 0x0, NULL, NULL, NULL,
                                 "Specific IPv6 multicast address"},
    [F_RR_SEQUENCE_NUMBER] =
        {"icmpv6.rr.sequence_number", "Sequence Number", TW_FT_UINT32, TW_BASE_DEC, 0x0, NULL, NULL,
         NULL, "The sequence number MUST be non-decreasing between Sequence Number Resets"},
    [F_RR_SEGMENT_NUMBER] =
        {"icmpv6.rr.segment_number", "Segment Number", TW_FT_UINT8, TW_BASE_DEC, 0x0, NULL, NULL,
         NULL, "Enumerates different valid RR messages having the same Sequence Number"},
    [F_RR_FLAG] = {"icmpv6.rr.flag", "Flags", TW_FT_UINT8, TW_BASE_HEX, 0x0, NULL, NULL, NULL,
                   "Five are defined and three bits are reserved"},
    [F_RR_FLAG_T] = {"icmpv6.rr.flag.t", "Test Command", TW_FT_BOOLEAN, 8, 0x80, NULL, NULL,
                     &tw_tfs_set_notset,
                     "Indicates a Test message: processing is to be simulated and no configuration "
                     "changes are to be made"},
    [F_RR_FLAG_R] = {"icmpv6.rr.flag.r", "Result requested", TW_FT_BOOLEAN, 8, 0x40, NULL, NULL,
                     &tw_tfs_set_notset,
                     "Indicates that the router send a Result message upon completion of "
                     "processing the Command message"},
    [F_RR_FLAG_A] = {"icmpv6.rr.flag.a", "All Interfaces", TW_FT_BOOLEAN, 8, 0x20, NULL, NULL,
                     &tw_tfs_set_notset,
                     "Indicates that the Command be applied to all interfaces regardless of "
                     "administrative shutdown status"},
    [F_RR_FLAG_S] = {"icmpv6.rr.flag.s", "Site-specific", TW_FT_BOOLEAN, 8, 0x10, NULL, NULL,
                     &tw_tfs_set_notset,
                     "Indicates that the Command be applied only to interfaces which belong to the "
                     "same site as the interface to which the Command is addressed"},
    [F_RR_FLAG_P] = {"icmpv6.rr.flag.p", "Processed previously", TW_FT_BOOLEAN, 8, 0x8, NULL, NULL,
                     &tw_tfs_set_notset,
                     "Indicates that the Command message was previously processed (and is not a "
                     "Test) and the responding router is not processing it again"},
    [F_RR_FLAG_RSV] = {"icmpv6.rr.flag.rsv", "Reserved", TW_FT_UINT8, TW_BASE_DEC, 0x7, NULL, NULL,
                       NULL, "Must be Zero"},
    [F_RR_MAXDELAY] = {"icmpv6.rr.maxdelay", "Max Delay", TW_FT_UINT16, TW_BASE_DEC, 0x0, NULL,
                       NULL, NULL,
                       "Specifying the maximum time (in milliseconds) by which a router MUST delay "
                       "sending any reply to this Command"},
    [F_RR_PCO_MP] = {"icmpv6.rr.pco.mp", "Match-Prefix Part", TW_FT_NONE, TW_BASE_NONE},
    [F_RR_PCO_MP_OPCODE] = {"icmpv6.rr.pco.mp.opcode", "OpCode", TW_FT_UINT8, TW_BASE_DEC, 0x0,
                            rr_pco_mp_opcode_vals, NULL, NULL,
                            "Specifying the operation to be performed when the associated "
                            "MatchPrefix matches an interface's prefix or address"},
    [F_RR_PCO_MP_OPLENGTH] =
        {"icmpv6.rr.pco.mp.oplength", "OpLength", TW_FT_UINT8, TW_BASE_DEC, 0x0, NULL, NULL, NULL,
         "The total length of this Prefix Control Operation (in units of 8 octets)"},
    [F_RR_PCO_MP_ORDINAL] = {"icmpv6.rr.pco.mp.ordinal", "Ordinal", TW_FT_UINT8, TW_BASE_HEX, 0x0,
                             NULL, NULL, NULL, "The value is otherwise unconstrained"},
    [F_RR_PCO_MP_MATCHLEN] = {"icmpv6.rr.pco.mp.matchlen", "MatchLen", TW_FT_UINT8, TW_BASE_DEC,
                              0x0, NULL, NULL, NULL,
                              "Between 0 and 128 inclusive specifying the number of initial bits "
                              "of MatchPrefix which are significant in matching"},
    [F_RR_PCO_MP_MINLEN] = {"icmpv6.rr.pco.mp.minlen", "MinLen", TW_FT_UINT8, TW_BASE_DEC, 0x0,
                            NULL, NULL, NULL,
                            "Specifying the minimum length which any configured prefix must have "
                            "in order to be eligible for testing against the MatchPrefix"},
    [F_RR_PCO_MP_MAXLEN] = {"icmpv6.rr.pco.mp.maxlen", "MaxLen", TW_FT_UINT8, TW_BASE_DEC, 0x0,
                            NULL, NULL, NULL,
                            "Specifying the maximum length which any configured prefix must have "
                            "in order to be eligible for testing against the MatchPrefix"},
    [F_RR_PCO_MP_MATCHPREFIX] =
        {"icmpv6.rr.pco.mp.matchprefix", "MatchPrefix", TW_FT_IPv6, TW_BASE_NONE, 0x0, NULL, NULL,
         NULL, "The 128-bit prefix to be compared with each interface's prefix or address"},
    [F_RR_PCO_UP] = {"icmpv6.rr.pco.up", "Use-Prefix Part", TW_FT_NONE, TW_BASE_NONE},
    [F_RR_PCO_UP_USELEN] = {"icmpv6.rr.pco.up.uselen", "UseLen", TW_FT_UINT8, TW_BASE_DEC, 0x0,
                            NULL, NULL, NULL,
                            "specifying the number of initial bits of UsePrefix to use in creating "
                            "a new prefix for an interface"},
    [F_RR_PCO_UP_KEEPLEN] =
        {"icmpv6.rr.pco.up.keeplen", "KeepLen", TW_FT_UINT8, TW_BASE_DEC, 0x0, NULL, NULL, NULL,
         "Specifying the number of bits of the prefix or address which matched the associated "
         "Match-Prefix which should be retained in the new prefix"},
    [F_RR_PCO_UP_FLAGMASK] =
        {"icmpv6.rr.pco.up.flagmask", "FlagMask", TW_FT_UINT8, TW_BASE_HEX, 0x0, NULL, NULL, NULL,
         "A 1 bit in any position means that the corresponding flag bit in a Router Advertisement "
         "(RA) Prefix Information Option for the New Prefix should be set from the RAFlags field "
         "in this Use-Prefix Part"},
    [F_RR_PCO_UP_FLAGMASK_L] = {"icmpv6.rr.pco.up.flagmask.l", "On-link flag(L)", TW_FT_BOOLEAN, 8,
                                0x80, NULL, NULL, &tw_tfs_set_notset,
                                "When set, indicates the On-link (L) flag bit in a Router "
                                "Advertisement (RA) Prefix Information Option for the New Prefix "
                                "should be set from the RAFlags field in this Use-Prefix Part"},
    [F_RR_PCO_UP_FLAGMASK_A] =
        {"icmpv6.rr.pco.up.flagmask.a", "Autonomous address-configuration flag(A)", TW_FT_BOOLEAN,
         8, 0x40, NULL, NULL, &tw_tfs_set_notset,
         "When set, indicates the Autonomous address-configuration (A) flag bit in a Router "
         "Advertisement (RA) Prefix Information Option for the New Prefix should be set from the "
         "RAFlags field in this Use-Prefix Part"},
    [F_RR_PCO_UP_FLAGMASK_RESERVED] = {"icmpv6.rr.pco.up.flagmask.reserved", "Reserved",
                                       TW_FT_UINT8, TW_BASE_DEC, 0x3f},
    [F_RR_PCO_UP_RAFLAGS] =
        {"icmpv6.rr.pco.up.raflags", "RAFlags", TW_FT_UINT8, TW_BASE_HEX, 0x0, NULL, NULL, NULL,
         "Under control of the FlagMask field, may be used to initialize the flags in Router "
         "Advertisement Prefix Information Options  which advertise the New Prefix"},
    [F_RR_PCO_UP_VALIDLIFETIME] = {"icmpv6.rr.pco.up.validlifetime", "Valid Lifetime", TW_FT_UINT32,
                                   TW_BASE_DEC, 0x0, NULL, NULL, NULL,
                                   "The number of seconds for which the New Prefix will be valid"},
    [F_RR_PCO_UP_PREFERREDLIFETIME] =
        {"icmpv6.rr.pco.up.preferredlifetime", "Preferred Lifetime", TW_FT_UINT32, TW_BASE_DEC, 0x0,
         NULL, NULL, NULL, "The number of seconds for which the New Prefix will be preferred"},
    [F_RR_PCO_UP_FLAG] = {"icmpv6.rr.pco.up.flag", "Flags", TW_FT_UINT32, TW_BASE_HEX},
    [F_RR_PCO_UP_FLAG_V] = {"icmpv6.rr.pco.up.flag.v", "Decrement valid lifetime", TW_FT_BOOLEAN,
                            32, 0x80000000, NULL, NULL, &tw_tfs_set_notset,
                            "When set, indicating that the valid lifetime of the New Prefix MUST "
                            "be effectively decremented in real time"},
    [F_RR_PCO_UP_FLAG_P] = {"icmpv6.rr.pco.up.flag.p", "Decrement preferred lifetime",
                            TW_FT_BOOLEAN, 32, 0x40000000, NULL, NULL, &tw_tfs_set_notset,
                            "When set, indicating that the preferred lifetime of the New Prefix "
                            "MUST be effectively decremented in real time"},
    [F_RR_PCO_UP_FLAG_RESERVED] = {"icmpv6.rr.pco.up.flag.reserved", "Reserved", TW_FT_UINT32,
                                   TW_BASE_DEC, 0x3fffffff},
    [F_RR_PCO_UP_USEPREFIX] = {"icmpv6.rr.pco.up.useprefix", "UsePrefix", TW_FT_IPv6, TW_BASE_NONE,
                               0x0, NULL, NULL, NULL,
                               "The 128-bit Use-prefix which either becomes or is used in forming "
                               "(if KeepLen is nonzero) the New Prefix"},
    [F_RR_RM] = {"icmpv6.rr.rm", "Result Message", TW_FT_NONE, TW_BASE_NONE},
    [F_RR_RM_FLAG] = {"icmpv6.rr.rm.flag", "Flags", TW_FT_UINT16, TW_BASE_HEX},
    [F_RR_RM_FLAG_B] =
        {"icmpv6.rr.rm.flag.b", "Bounds", TW_FT_BOOLEAN, 16, 0x2, NULL, NULL, &tw_tfs_set_notset,
         "When set, indicates that one or more fields in the associated PCO were out of bounds"},
    [F_RR_RM_FLAG_F] = {"icmpv6.rr.rm.flag.f", "Forbidden", TW_FT_BOOLEAN, 16, 0x1, NULL, NULL,
                        &tw_tfs_set_notset,
                        "When set, indicates that one or more Use-Prefix parts from the associated "
                        "PCO were not honored by the router because of attempted formation of a "
                        "forbidden prefix format, such as a multicast or loopback address"},
    [F_RR_RM_FLAG_RESERVED] = {"icmpv6.rr.rm.flag.reserved", "Reserved", TW_FT_UINT16, TW_BASE_DEC,
                               0xfffc, NULL, NULL, NULL, "Must be Zero"},
    [F_RR_RM_ORDINAL] = {"icmpv6.rr.rm.ordinal", "Ordinal", TW_FT_UINT8, TW_BASE_HEX, 0x0, NULL,
                         NULL, NULL, "The value is otherwise unconstrained"},
    [F_RR_RM_MATCHEDLEN] = {"icmpv6.rr.rm.matchedlen", "MatchedLen", TW_FT_UINT8, TW_BASE_DEC, 0x0,
                            NULL, NULL, NULL, "The length of the Matched Prefix"},
    [F_RR_RM_INTERFACEINDEX] = {"icmpv6.rr.rm.interfaceindex", "InterfaceIndex", TW_FT_UINT32,
                                TW_BASE_DEC, 0x0, NULL, NULL, NULL,
                                "The router's numeric designation of the interface on which the "
                                "MatchedPrefix was configured"},
    [F_RR_RM_MATCHEDPREFIX] = {"icmpv6.rr.rm.matchedprefix", "MatchedPrefix", TW_FT_IPv6,
                               TW_BASE_NONE, 0x0, NULL, NULL, NULL, "The 128 Bits MatchedPrefix"},
    [F_MIP6_IDENTIFIER] = {"icmpv6.mip6.identifier", "Identifier", TW_FT_UINT16, TW_BASE_DEC_HEX,
                           0x0, NULL, NULL, NULL,
                           "An identifier to aid in matching with Request and Reply"},
    [F_MIP6_HOME_AGENT_ADDRESS] =
        {"icmpv6.mip6.home_agent_address", "Home Agent Address", TW_FT_IPv6, TW_BASE_NONE, 0x0,
         NULL, NULL, NULL,
         "A list of addresses of home agents on the home link for the mobile node"},
    [F_MIP6_FLAG] = {"icmpv6.mip6.flag", "Flags", TW_FT_UINT16, TW_BASE_HEX},
    [F_MIP6_FLAG_M] = {"icmpv6.mip6.flag.m", "Managed address configuration", TW_FT_BOOLEAN, 16,
                       0x8000, NULL, NULL, &tw_tfs_set_notset,
                       "When set, it indicates that addresses are available via DHCPv6"},
    [F_MIP6_FLAG_O] =
        {"icmpv6.mip6.flag.o", "Other configuration", TW_FT_BOOLEAN, 16, 0x4000, NULL, NULL,
         &tw_tfs_set_notset,
         "When set, it indicates that other configuration information is available via DHCPv6"},
    [F_MIP6_FLAG_RSV] = {"icmpv6.mip6.flag.rsv", "Reserved", TW_FT_UINT16, TW_BASE_DEC, 0x3fff,
                         NULL, NULL, NULL, "Must be Zero"},
    [F_MLD_MAXIMUM_RESPONSE_CODE] =
        {"icmpv6.mld.maximum_response_code", "Maximum Response Code", TW_FT_UINT16, TW_BASE_DEC,
         0x0, NULL, NULL, NULL,
         "Specifies the maximum allowed delay before sending a responding Report"},
    [F_MLD_FLAG] = {"icmpv6.mld.flag", "Flags", TW_FT_UINT8, TW_BASE_HEX},
    [F_MLD_FLAG_S] = {"icmpv6.mld.flag.s", "Suppress Router-Side Processing", TW_FT_BOOLEAN, 8, 0x8,
                      NULL, NULL, NULL,
                      "Indicates to any receiving multicast routers that they have to suppress the "
                      "normal timer updates they perform upon hearing a Query"},
    [F_MLD_FLAG_QRV] = {"icmpv6.mld.flag.qrv", "QRV (Querier's Robustness Variable)", TW_FT_UINT8,
                        TW_BASE_DEC, 0x7, NULL, NULL, NULL,
                        "Contains the RV (Robustness Variable) value used by the Querier"},
    [F_MLD_FLAG_RESERVED] = {"icmpv6.mld.flag.reserved", "Reserved", TW_FT_UINT8, TW_BASE_DEC, 0xf0,
                             NULL, NULL, NULL, "Must Be Zero"},
    [F_MLD_QQI] = {"icmpv6.mld.qqi", "QQIC (Querier's Query Interval Code)", TW_FT_UINT8,
                   TW_BASE_DEC, 0x0, NULL, NULL, NULL,
                   "Specifies the QI (Query Interval) used by the Querier"},
    [F_MLD_NB_SOURCES] = {"icmpv6.mld.nb_sources", "Number of Sources", TW_FT_UINT16, TW_BASE_DEC,
                          0x0, NULL, NULL, NULL,
                          "Specifies how many source addresses are present in the Query"},
    [F_MLD_SOURCE_ADDRESS] = {"icmpv6.mld.source_address", "Source Address", TW_FT_IPv6,
                              TW_BASE_NONE, 0x0, NULL, NULL, NULL,
                              "The Source Address fields are a vector of unicast addresses"},
    [F_MLDR_NB_MCAST_RECORDS] =
        {"icmpv6.mldr.nb_mcast_records", "Number of Multicast Address Records",
         TW_FT_UINT16, TW_BASE_DEC, 0x0, NULL, NULL, NULL,
         "Specifies how many Multicast Address Records are present in this Report"},
    [F_MLDR_MAR] = {"icmpv6.mldr.mar", "Multicast Address Record", TW_FT_NONE, TW_BASE_NONE, 0x0,
                    NULL, NULL, NULL,
                    "Each Multicast Address Record is a block of fields that contain information "
                    "on the sender listening to a single multicast address on the interface from "
                    "which the Report is sent"},
    [F_MLDR_MAR_RECORD_TYPE] = {"icmpv6.mldr.mar.record_type", "Record Type", TW_FT_UINT8,
                                TW_BASE_DEC, 0x0, mldr_mar_record_type_vals, NULL, NULL,
                                "It specifies the type of the Multicast Address Record"},
    [F_MLDR_MAR_AUX_DATA_LEN] =
        {"icmpv6.mldr.mar.aux_data_len", "Aux Data Len", TW_FT_UINT8, TW_BASE_DEC, 0x0, NULL, NULL,
         NULL,
         "The Aux Data Len field contains the length (in units of 32-bit words) of the Auxiliary "
         "Data Field in this Multicast Address Record"},
    [F_MLDR_MAR_NB_SOURCES] = {"icmpv6.mldr.mar.nb_sources", "Number of Sources", TW_FT_UINT16,
                               TW_BASE_DEC, 0x0, NULL, NULL, NULL,
                               "The Number of Sources field specifies how many source addresses "
                               "are present in this Multicast Address Record"},
    [F_MLDR_MAR_MULTICAST_ADDRESS] = {"icmpv6.mldr.mar.multicast_address", "Multicast Address",
                                      TW_FT_IPv6, TW_BASE_NONE, 0x0, NULL, NULL, NULL,
                                      "The Multicast Address field contains the multicast address "
                                      "to which this Multicast Address Record pertains"},
    [F_MLDR_MAR_SOURCE_ADDRESS] = {"icmpv6.mldr.mar.source_address", "Source Address", TW_FT_IPv6,
                                   TW_BASE_NONE, 0x0, NULL, NULL, NULL,
                                   "The Source Address fields are a vector of unicast addresses"},
    [F_MLDR_MAR_AUXILIARY_DATA] =
        {"icmpv6.mldr.mar.auxiliary_data", "Auxiliary Data", TW_FT_BYTES, TW_BASE_NONE, 0x0, NULL,
         NULL, NULL,
         "Contains additional information that pertain to this Multicast Address Record"},
    [F_FMIP6_SUBTYPE] = {"icmpv6.fmip6.subtype", "Subtype", TW_FT_UINT8, TW_BASE_DEC, 0x0,
                         fmip6_subtype_vals, NULL, NULL, "Designates the Subtype of information"},
    [F_FMIP6_HI_FLAG] = {"icmpv6.fmip6.hi.flag", "Flag", TW_FT_UINT8, TW_BASE_HEX},
    [F_FMIP6_HI_FLAG_S] =
        {"icmpv6.fmip6.hi.flag.s", "Assigned address configuration", TW_FT_BOOLEAN, 8, 0x80, NULL,
         NULL, &tw_tfs_set_notset,
         "When set, this message requests a new CoA to be returned by the destination"},
    [F_FMIP6_HI_FLAG_A] = {"icmpv6.fmip6.hi.flag.a", "Buffer", TW_FT_BOOLEAN, 8, 0x40, NULL, NULL,
                           &tw_tfs_set_notset,
                           "When set, the destination SHOULD buffer any packets toward the node "
                           "indicated in the options of this message"},
    [F_FMIP6_HI_FLAG_RESERVED] = {"icmpv6.fmip6.hi.flag.reserved", "Reserved", TW_FT_UINT8,
                                  TW_BASE_DEC, 0x3f},
    [F_FMIP6_IDENTIFIER] = {"icmpv6.fmip6.identifier", "Identifier", TW_FT_UINT16, TW_BASE_DEC_HEX,
                            0x0, NULL, NULL, NULL,
                            "An identifier to aid in matching with Request and Reply"},
    [F_MCAST_RA_QUERY_INTERVAL] =
        {"icmpv6.mcast_ra.query_interval", "Query Interval", TW_FT_UINT16, TW_BASE_DEC, 0x0, NULL,
         NULL, NULL, "The Query Interval value (in seconds) in use by MLD on the interface."},
    [F_MCAST_RA_ROBUSTNESS_VARIABLE] =
        {"icmpv6.mcast_ra.robustness_variable", "Robustness Variable", TW_FT_UINT16, TW_BASE_DEC,
         0x0, NULL, NULL, NULL,
         "The Robustness Variable in use by MLD on the advertising interface"},
    [F_NI_QTYPE] = {"icmpv6.ni.qtype", "Qtype", TW_FT_UINT16, TW_BASE_DEC, 0x0, ni_qtype_vals, NULL,
                    NULL, "Designates the type of information"},
    [F_NI_FLAG] =
        {"icmpv6.ni.flag", "Flags", TW_FT_UINT16, TW_BASE_HEX, 0x0, NULL, NULL, NULL,
         "Qtype-specific flags that may be defined for certain Query types and their Replies"},
    [F_NI_FLAG_G] = {"icmpv6.ni.flag.g", "Global-scope addresses", TW_FT_BOOLEAN, 16, 0x20, NULL,
                     NULL, &tw_tfs_set_notset, "Global-scope addresses are requested"},
    [F_NI_FLAG_S] = {"icmpv6.ni.flag.s", "Site-local addresses", TW_FT_BOOLEAN, 16, 0x10, NULL,
                     NULL, &tw_tfs_set_notset, "Site-local addresses are requested"},
    [F_NI_FLAG_L] = {"icmpv6.ni.flag.l", "Link-local addresses", TW_FT_BOOLEAN, 16, 0x8, NULL, NULL,
                     &tw_tfs_set_notset, "Link-local addresses are requested"},
    [F_NI_FLAG_C] = {"icmpv6.ni.flag.c", "Compression", TW_FT_BOOLEAN, 16, 0x4, NULL, NULL,
                     &tw_tfs_set_notset,
                     "IPv4-compatible (now deprecated) and IPv4-mapped addresses are requested"},
    [F_NI_FLAG_A] = {"icmpv6.ni.flag.a", "Unicast Addresses", TW_FT_BOOLEAN, 16, 0x2, NULL, NULL,
                     &ni_flag_a_tfs, "Responder's unicast addresses"},
    [F_NI_FLAG_T] = {"icmpv6.ni.flag.t", "Truncated", TW_FT_BOOLEAN, 16, 0x1, NULL, NULL,
                     &tw_tfs_set_notset,
                     "Defined in a Reply only, indicates that the set of addresses is incomplete "
                     "for space reasons"},
    [F_NI_FLAG_RSV] = {"icmpv6.ni.flag.rsv", "Reserved", TW_FT_UINT16, TW_BASE_HEX, 0xffc0, NULL,
                       NULL, NULL, "Must be Zero"},
    [F_NI_NONCE] = {"icmpv6.ni.nonce", "Nonce", TW_FT_UINT64, TW_BASE_HEX, 0x0, NULL, NULL, NULL,
                    "An opaque 64-bit field"},
    [F_NI_QUERY_SUBJECT_IPV6] = {"icmpv6.ni.query.subject_ipv6", "IPv6 subject address", TW_FT_IPv6,
                                 TW_BASE_NONE},
    [F_NI_QUERY_SUBJECT_FQDN] = {"icmpv6.ni.query.subject_fqdn", "FQDN subject", TW_FT_STRING,
                                 TW_BASE_NONE},
    [F_NI_QUERY_SUBJECT_IPV4] = {"icmpv6.ni.query.subject_ipv4", "IPv4 subject address", TW_FT_IPv4,
                                 TW_BASE_NONE},
    [F_NI_REPLY_NODE_TTL] = {"icmpv6.ni.reply.node_ttl", "TTL", TW_FT_UINT32, TW_BASE_DEC},
    [F_NI_REPLY_NODE_NAME] = {"icmpv6.ni.reply.node_name", "Name Node", TW_FT_STRING, TW_BASE_NONE},
    [F_NI_REPLY_NODE_ADDRESS] = {"icmpv6.ni.reply.node_address", "IPv6 Node address", TW_FT_IPv6,
                                 TW_BASE_NONE},
    [F_NI_REPLY_IPV4_ADDRESS] = {"icmpv6.ni.reply.ipv4_address", "IPv4 Node address", TW_FT_IPv4,
                                 TW_BASE_NONE},
    [F_LENGTH] = {"icmpv6.length", "Length of original datagram", TW_FT_UINT8, TW_BASE_DEC, 0x0,
                  NULL, NULL, NULL, "The length of the original datagram"},
    [F_RPL_DIS_FLAGS] = {"icmpv6.rpl.dis.flags", "Flags", TW_FT_UINT8, TW_BASE_DEC, 0x0, NULL, NULL,
                         NULL, "8-bit unused field reserved for flags"},
    [F_RPL_DIO_INSTANCE] =
        {"icmpv6.rpl.dio.instance", "RPLInstanceID", TW_FT_UINT8, TW_BASE_DEC, 0x0, NULL, NULL,
         NULL, "Set by the DODAG root that indicates which RPL Instance the DODAG is part of"},
    [F_RPL_DIO_VERSION] = {"icmpv6.rpl.dio.version", "Version", TW_FT_UINT8, TW_BASE_DEC, 0x0, NULL,
                           NULL, NULL, "Set by the DODAG root to the DODAGVersionNumber"},
    [F_RPL_DIO_RANK] = {"icmpv6.rpl.dio.rank", "Rank", TW_FT_UINT16, TW_BASE_DEC, 0x0, NULL, NULL,
                        NULL, "Indicating the DODAG rank of the node sending the DIO message"},
    [F_RPL_DIO_FLAG] = {"icmpv6.rpl.dio.flag", "Flags", TW_FT_UINT8, TW_BASE_HEX},
    [F_RPL_DIO_FLAG_G] =
        {"icmpv6.rpl.dio.flag.g", "Grounded (G)", TW_FT_BOOLEAN, 8, 0x80, NULL, NULL, NULL,
         "Indicates whether the DODAG advertised can satisfy the application-defined goal"},
    [F_RPL_DIO_FLAG_0] = {"icmpv6.rpl.dio.flag.0", "Zero", TW_FT_BOOLEAN, 8, 0x40},
    [F_RPL_DIO_FLAG_MOP] = {"icmpv6.rpl.dio.flag.mop", "Mode of Operation (MOP)", TW_FT_UINT8,
                            TW_BASE_HEX, 0x38, rpl_dio_flag_mop_vals, NULL, NULL,
                            "Identifies the mode of operation of the RPL Instance as "
                            "administratively provisioned at and distributed by the DODAG Root"},
    [F_RPL_DIO_FLAG_PREFERENCE] = {"icmpv6.rpl.dio.flag.preference", "DODAG Preference",
                                   TW_FT_UINT8, TW_BASE_DEC, 0x7, NULL, NULL, NULL,
                                   "Defines how preferable the root of this DODAG is compared to "
                                   "other DODAG roots within the instance"},
    [F_RPL_DIO_DTSN] = {"icmpv6.rpl.dio.dtsn",
                        "Destination Advertisement Trigger Sequence Number (DTSN)", TW_FT_UINT8,
                        TW_BASE_DEC, 0x0, NULL, NULL, NULL,
                        "The DTSN is used as part of the procedure to maintain downward routes."},
    [F_RPL_DIO_DAGID] = {"icmpv6.rpl.dio.dagid", "DODAGID", TW_FT_IPv6, TW_BASE_NONE, 0x0, NULL,
                         NULL, NULL,
                         "IPv6 address set by a DODAG root which uniquely identifies a DODAG"},
    [F_RPL_DAO_INSTANCE] =
        {"icmpv6.rpl.dao.instance", "RPLInstanceID", TW_FT_UINT8, TW_BASE_DEC, 0x0, NULL, NULL,
         NULL,
         "Indicating the topology instance associated with the DODAG as learned from the DIO"},
    [F_RPL_DAO_FLAG] = {"icmpv6.rpl.dao.flag", "Flags", TW_FT_UINT8, TW_BASE_HEX},
    [F_RPL_DAO_FLAG_K] = {"icmpv6.rpl.dao.flag.k", "DAO-ACK Request (K)", TW_FT_BOOLEAN, 8, 0x80,
                          NULL, NULL, NULL,
                          "Indicates that the recipient is expected to send a DAO-ACK back"},
    [F_RPL_DAO_FLAG_D] = {"icmpv6.rpl.dao.flag.d", "DODAGID Present (D)", TW_FT_BOOLEAN, 8, 0x40,
                          NULL, NULL, NULL, "Indicates that the DODAGID field is present"},
    [F_RPL_DAO_FLAG_RSV] = {"icmpv6.rpl.dao.flag.rsv", "Reserved", TW_FT_UINT8, TW_BASE_DEC, 0x3f,
                            NULL, NULL, NULL, "Must be zero"},
    [F_RPL_DAO_SEQUENCE] =
        {"icmpv6.rpl.dao.sequence", "DAO Sequence", TW_FT_UINT8, TW_BASE_DEC, 0x0, NULL, NULL, NULL,
         "Incremented at each unique DAO message from a node and echoed in the DAO-ACK message"},
    [F_RPL_DAO_DODAGID] = {"icmpv6.rpl.dao.dodagid", "DODAGID", TW_FT_IPv6, TW_BASE_NONE, 0x0, NULL,
                           NULL, NULL,
                           "IPv6 address set by a DODAG root which uniquely identifies a DODAG"},
    [F_RPL_DAOACK_INSTANCE] =
        {"icmpv6.rpl.daoack.instance", "RPLInstanceID", TW_FT_UINT8, TW_BASE_DEC, 0x0, NULL, NULL,
         NULL,
         "Indicating the topology instance associated with the DODAG, as learned from the DIO"},
    [F_RPL_DAOACK_FLAG] = {"icmpv6.rpl.daoack.flag", "Flag", TW_FT_UINT8, TW_BASE_HEX},
    [F_RPL_DAOACK_FLAG_D] = {"icmpv6.rpl.daoack.flag.d", "DODAGID Present (D)", TW_FT_BOOLEAN, 8,
                             0x80, NULL, NULL, NULL, "Indicates that the DODAGID field is present"},
    [F_RPL_DAOACK_FLAG_RSV] = {"icmpv6.rpl.daoack.flag.rsv", "Reserved", TW_FT_UINT8, TW_BASE_DEC,
                               0x7f, NULL, NULL, NULL, "Must be zero"},
    [F_RPL_DAOACK_SEQUENCE] =
        {"icmpv6.rpl.daoack.sequence", "DAO-ACK Sequence", TW_FT_UINT8, TW_BASE_DEC, 0x0, NULL,
         NULL, NULL,
         "Incremented at each DAO message from a node, and echoed in the DAO-ACK by the recipient"},
    [F_RPL_DAOACK_STATUS] = {"icmpv6.rpl.daoack.status", "Status", TW_FT_UINT8, TW_BASE_DEC, 0x0,
                             NULL, NULL, NULL, "Indicates the completion"},
    [F_RPL_DAOACK_DODAGID] =
        {"icmpv6.rpl.daoack.dodagid", "DODAGID", TW_FT_IPv6, TW_BASE_NONE, 0x0, NULL, NULL, NULL,
         "IPv6 address integer set by a DODAG root which uniquely identifies a DODAG"},
    [F_RPL_CC_INSTANCE] =
        {"icmpv6.rpl.cc.instance", "RPLInstanceID", TW_FT_UINT8, TW_BASE_DEC, 0x0, NULL, NULL, NULL,
         "Indicating the topology instance associated with the DODAG, as learned from the DIO"},
    [F_RPL_CC_FLAG] = {"icmpv6.rpl.cc.flag", "Flag", TW_FT_UINT8, TW_BASE_HEX},
    [F_RPL_CC_FLAG_R] = {"icmpv6.rpl.cc.flag.r", "Response (R)", TW_FT_BOOLEAN, 8, 0x80, NULL, NULL,
                         NULL, "Indicates whether the CC message is a response"},
    [F_RPL_CC_FLAG_RSV] = {"icmpv6.rpl.cc.flag.rsv", "Reserved", TW_FT_UINT8, TW_BASE_DEC, 0x7f,
                           NULL, NULL, NULL, "Must be zero"},
    [F_RPL_CC_NONCE] = {"icmpv6.rpl.cc.nonce", "CC Nonce", TW_FT_UINT16, TW_BASE_HEX, 0x0, NULL,
                        NULL, NULL,
                        "The corresponding CC response includes the same CC nonce value as the "
                        "request, as learned from the DIO"},
    [F_RPL_CC_DODAGID] =
        {"icmpv6.rpl.cc.dodagid", "DODAGID", TW_FT_IPv6, TW_BASE_NONE, 0x0, NULL, NULL, NULL,
         "IPv6 address integer set by a DODAG root which uniquely identifies a DODAG"},
    [F_RPL_CC_DESTINATION_COUNTER] =
        {"icmpv6.rpl.cc.destination_counter", "Destination Counter", TW_FT_UINT32, TW_BASE_DEC, 0x0,
         NULL, NULL, NULL,
         "Indicating the sender's estimate of the destination's current security Counter value"},
    [F_RPL_SECURE_FLAG] = {"icmpv6.rpl.secure.flag", "Flags", TW_FT_UINT8, TW_BASE_HEX},
    [F_RPL_SECURE_FLAG_T] = {"icmpv6.rpl.secure.flag.t", "Counter is Time (T)", TW_FT_BOOLEAN, 8,
                             0x80, NULL, NULL, NULL,
                             "If it is set then the Counter field is a timestamp"},
    [F_RPL_SECURE_FLAG_RSV] = {"icmpv6.rpl.secure.flag.rsv", "Reserved", TW_FT_UINT8, TW_BASE_DEC,
                               0x7f, NULL, NULL, NULL, "Must be zero"},
    [F_RPL_SECURE_ALGORITHM] = {"icmpv6.rpl.secure.algorithm", "Algorithm", TW_FT_UINT8,
                                TW_BASE_DEC, 0x0, rpl_secure_algorithm_vals, NULL, NULL,
                                "The Security Algorithm field specifies the encryption, MAC, and "
                                "signature scheme the network uses"},
    [F_RPL_SECURE_KIM] =
        {"icmpv6.rpl.secure.kim", "Key Identifier Mode (KIM)", TW_FT_UINT8, TW_BASE_DEC, 0xc0, NULL,
         NULL, NULL,
         "That indicates whether the key used for packet protection is determined implicitly or "
         "explicitly and indicates the particular representation of the Key Identifier field"},
    [F_RPL_SECURE_LVL] = {"icmpv6.rpl.secure.lvl", "Security Level (LVL)", TW_FT_UINT8, TW_BASE_DEC,
                          0x7, NULL, NULL, NULL, "Indicates the provided packet protection"},
    [F_RPL_SECURE_RSV] = {"icmpv6.rpl.secure.rsv", "Reserved", TW_FT_UINT8, TW_BASE_DEC, 0x38, NULL,
                          NULL, NULL, "Must be zero"},
    [F_RPL_SECURE_COUNTER] =
        {"icmpv6.rpl.secure.counter", "Counter", TW_FT_UINT32, TW_BASE_DEC, 0x0, NULL, NULL, NULL,
         "Indicates the non-repeating 4-octet value used to construct the cryptographic mechanism "
         "that implements packet protection and allows for the provision of semantic security"},
    [F_RPL_SECURE_KEY_SOURCE] =
        {"icmpv6.rpl.secure.key.source", "Key Source", TW_FT_BYTES, TW_BASE_NONE, 0x0, NULL, NULL,
         NULL, "Indicates the logical identifier of the originator of a group key"},
    [F_RPL_SECURE_KEY_INDEX] =
        {"icmpv6.rpl.secure.key.index", "Key Source", TW_FT_UINT8, TW_BASE_DEC, 0x0, NULL, NULL,
         NULL, "Allows unique identification of different keys with the same originator"},
    [F_RPL_OPT_TYPE] = {"icmpv6.rpl.opt.type", "Type", TW_FT_UINT8, TW_BASE_DEC, 0x0,
                        rpl_opt_type_vals, NULL, NULL, "Options type"},
    [F_RPL_OPT_LENGTH] =
        {"icmpv6.rpl.opt.length", "Length", TW_FT_UINT8, TW_BASE_DEC, 0x0, NULL, NULL, NULL,
         "The length of the option in octets excluding the Type and Length fields"},
    [F_RPL_OPT_RESERVED] = {"icmpv6.rpl.opt.reserved", "Reserved", TW_FT_NONE, TW_BASE_NONE, 0x0,
                            NULL, NULL, NULL, "Reserved (Must be 0)"},
    [F_RPL_OPT_PADN] = {"icmpv6.rpl.opt.padn", "Paddn", TW_FT_NONE, TW_BASE_NONE, 0x0, NULL, NULL,
                        NULL, "Padding (Must be 0)"},
    [F_RPL_OPT_METRIC_TYPE] = {"icmpv6.rpl.opt.metric.type", "Routing Metric/Constraint Type",
                               TW_FT_UINT8, TW_BASE_DEC, 0x0, rpl_opt_metric_type_vals, NULL, NULL,
                               "The Routing Metric/Constraint Type field uniquely identifies each "
                               "Routing Metric/Constraint object. RFC 6551"},
    [F_RPL_OPT_METRIC_FLAGS] = {"icmpv6.rpl.opt.metric.flags", "Flags", TW_FT_UINT16, TW_BASE_HEX},
    [F_RPL_OPT_METRIC_RESERVED] = {"icmpv6.rpl.opt.metric.reserved", "Reserved Flags", TW_FT_UINT16,
                                   TW_BASE_HEX, 0xf800, NULL, NULL, NULL,
                                   "Reserved (Must be Zero)"},
    [F_RPL_OPT_METRIC_FLAG_P] =
        {"icmpv6.rpl.opt.metric.flag.p", "Flag P", TW_FT_BOOLEAN, 16, 0x400, NULL, NULL,
         &tw_tfs_set_notset,
         "Only used for recorded metrics.  When cleared, all nodes along the path successfully "
         "recorded the corresponding metric. When set, this indicates that one or several nodes "
         "along the path could not record the metric"},
    [F_RPL_OPT_METRIC_FLAG_C] =
        {"icmpv6.rpl.opt.metric.flag.c", "Flag C", TW_FT_BOOLEAN, 16, 0x200, NULL, NULL,
         &tw_tfs_set_notset,
         "When set, this indicates that the object refers to a routing constraint. When cleared, "
         "the object refers to a routing metric."},
    [F_RPL_OPT_METRIC_FLAG_O] =
        {"icmpv6.rpl.opt.metric.flag.o", "Flag O", TW_FT_BOOLEAN, 16, 0x100, NULL, NULL,
         &tw_tfs_set_notset,
         "Used exclusively for routing constraints. When set, this indicates that the constraint "
         "is optional. When cleared, the constraint is mandatory."},
    [F_RPL_OPT_METRIC_FLAG_R] =
        {"icmpv6.rpl.opt.metric.flag.r", "Flag R", TW_FT_BOOLEAN, 16, 0x80, NULL, NULL,
         &tw_tfs_set_notset,
         "Only relevant for a routing metric. When set, this indicates that the routing metric is "
         "recorded along the path. When cleared, the routing metric is aggregated"},
    [F_RPL_OPT_METRIC_FLAG_A] =
        {"icmpv6.rpl.opt.metric.flag.a", "A Field", TW_FT_UINT16, TW_BASE_HEX, 0x70, NULL, NULL,
         NULL,
         "Only relevant for metrics, it indicates whether the aggregated routing metric is "
         "additive, is multiplicative, reports a maximum, or reports a minimum"},
    [F_RPL_OPT_METRIC_PREC] = {"icmpv6.rpl.opt.metric.prec", "Precedence field", TW_FT_UINT16,
                               TW_BASE_HEX, 0xf, NULL, NULL, NULL,
                               "It indicates the precedence of this Routing Metric/Constraint "
                               "object relative to other objects in the container"},
    [F_RPL_OPT_METRIC_LENGTH] = {"icmpv6.rpl.opt.metric.length", "Metric Length", TW_FT_UINT8,
                                 TW_BASE_DEC, 0x0, NULL, NULL, NULL,
                                 "The length of the object body, expressed in bytes."},
    [F_RPL_OPT_METRIC_NSA_OBJECT] = {"icmpv6.rpl.opt.metric.nsa.object",
                                     "Node State and Attribute Object", TW_FT_UINT16, TW_BASE_HEX},
    [F_RPL_OPT_METRIC_NSA_OBJECT_RESERVED] = {"icmpv6.rpl.opt.metric.nsa.object.reserved",
                                              "Reserved field", TW_FT_UINT16, TW_BASE_HEX, 0xff00,
                                              NULL, NULL, NULL, "Reserved (Must be Zero)"},
    [F_RPL_OPT_METRIC_NSA_OBJECT_FLAGS] = {"icmpv6.rpl.opt.metric.nsa.object.flags", "Flags",
                                           TW_FT_UINT16, TW_BASE_HEX, 0xfc, NULL, NULL, NULL,
                                           "Unspecified flags (Must be Zero)"},
    [F_RPL_OPT_METRIC_NSA_OBJECT_FLAG_A] =
        {"icmpv6.rpl.opt.metric.nsa.object.flag.a", "Flag A", TW_FT_BOOLEAN, 16, 0x2, NULL, NULL,
         &tw_tfs_set_notset,
         "When set, this indicates that the node can act as a traffic aggregator."},
    [F_RPL_OPT_METRIC_NSA_OBJECT_FLAG_O] = {"icmpv6.rpl.opt.metric.nsa.object.flag.o", "Flag O",
                                            TW_FT_BOOLEAN, 16, 0x1, NULL, NULL, &tw_tfs_set_notset,
                                            "When set, this indicates that the node is overloaded "
                                            "and may not be able to process traffic."},
    [F_RPL_OPT_METRIC_NSA_OBJECT_OPTTLV_OBJECT] = {"icmpv6.rpl.opt.metric.nsa.object.opttlv.object",
                                                   "Node State and Attribute Optional TLV",
                                                   TW_FT_UINT8, TW_BASE_DEC, 0x0, NULL, NULL, NULL,
                                                   "Optional TLV."},
    [F_RPL_OPT_METRIC_NSA_OBJECT_OPTTLV_OBJECT_TYPE] =
        {"icmpv6.rpl.opt.metric.nsa.object.opttlv.object.type",
         "Node State and Attribute Optional TLV Type", TW_FT_UINT8, TW_BASE_DEC, 0x0, NULL, NULL,
         NULL, "Optional TLV type."},
    [F_RPL_OPT_METRIC_NSA_OBJECT_OPTTLV_OBJECT_LENGTH] =
        {"icmpv6.rpl.opt.metric.nsa.object.opttlv.object.length",
         "Node State and Attribute Optional TLV Length", TW_FT_UINT8, TW_BASE_DEC, 0x0, NULL, NULL,
         NULL, "The length of the option in octets excluding the Type and Length fields"},
    [F_RPL_OPT_METRIC_NSA_OBJECT_OPTTLV_OBJECT_DATA] =
        {"icmpv6.rpl.opt.metric.nsa.object.opttlv.object.data", "Raw Data", TW_FT_BYTES,
         TW_BASE_NONE, 0x0, NULL, NULL, NULL, "The raw data in the TLV"},
    [F_RPL_OPT_METRIC_NE_OBJECT] = {"icmpv6.rpl.opt.metric.ne.object", "Node Energy Object",
                                    TW_FT_UINT16, TW_BASE_HEX},
    [F_RPL_OPT_METRIC_NE_OBJECT_FLAGS] = {"icmpv6.rpl.opt.metric.ne.object.flags", "Flags field",
                                          TW_FT_UINT16, TW_BASE_HEX, 0xf000, NULL, NULL, NULL,
                                          "Unspecified flags (Must be Zero)"},
    [F_RPL_OPT_METRIC_NE_OBJECT_FLAG_I] =
        {"icmpv6.rpl.opt.metric.ne.object.flag.i", "Flag I", TW_FT_BOOLEAN, 16, 0x800, NULL, NULL,
         &tw_tfs_set_notset,
         "Only relevant when the node type is used as a constraint. When set, this indicates that "
         "nodes of the type specified in the node type field MUST be included"},
    [F_RPL_OPT_METRIC_NE_OBJECT_TYPE] =
        {"icmpv6.rpl.opt.metric.ne.object.type", "Type", TW_FT_UINT16, TW_BASE_HEX, 0x600, NULL,
         NULL, NULL,
         "T=0 designates a mains-powered node, T=1 a battery-powered node, and T=2 a node powered "
         "by an energy scavenger."},
    [F_RPL_OPT_METRIC_NE_OBJECT_FLAG_E] =
        {"icmpv6.rpl.opt.metric.ne.object.flag.e", "Flag E", TW_FT_BOOLEAN, 16, 0x100, NULL, NULL,
         &tw_tfs_set_notset,
         "When the 'E' bit is set for a metric, the estimated percentage of remaining energy on "
         "the node is indicated in the Energy 8-bit field. When cleared, the estimated percentage "
         "of remaining energy is not provided. When the 'E' bit is set for a constraint, the E_E "
         "field defines a threshold for the inclusion/exclusion: if an inclusion, nodes with "
         "values higher than the threshold are to be included; if an exclusion, nodes with values "
         "lower than the threshold are to be excluded."},
    [F_RPL_OPT_METRIC_NE_OBJECT_ENERGY] =
        {"icmpv6.rpl.opt.metric.ne.object.energy", "Energy", TW_FT_UINT16, TW_BASE_HEX, 0xff, NULL,
         NULL, NULL,
         "8-bit unsigned integer field indicating an estimated percentage of remaining energy. The "
         "Energy field is only relevant when the 'E' flag is set, and it MUST be set to 0 when the "
         "'E' flag is cleared."},
    [F_RPL_OPT_METRIC_HP_OBJECT] = {"icmpv6.rpl.opt.metric.hp.object", "Hop Count Object",
                                    TW_FT_UINT16, TW_BASE_HEX},
    [F_RPL_OPT_METRIC_HP_OBJECT_RESERVED] = {"icmpv6.rpl.opt.metric.hp.object.reserved",
                                             "Reserved field", TW_FT_UINT16, TW_BASE_HEX, 0xf000,
                                             NULL, NULL, NULL, "Reserved (Must be Zero)"},
    [F_RPL_OPT_METRIC_HP_OBJECT_FLAGS] = {"icmpv6.rpl.opt.metric.hp.object.flags", "Flags",
                                          TW_FT_UINT16, TW_BASE_HEX, 0xf00, NULL, NULL, NULL,
                                          "Reserved (Must be Zero)"},
    [F_RPL_OPT_METRIC_HP_OBJECT_HP] =
        {"icmpv6.rpl.opt.metric.hp.object.hp", "Hop Count", TW_FT_UINT16, TW_BASE_DEC, 0xff, NULL,
         NULL, NULL,
         "When used as a constraint, the DAG root indicates the maximum number of hops that a path "
         "may traverse. When used as a metric, each visited node simply increments the Hop Count "
         "field."},
    [F_RPL_OPT_METRIC_LT_OBJECT_LT] =
        {"icmpv6.rpl.opt.metric.lt.object.lt", "Link Throughput", TW_FT_UINT32, TW_BASE_DEC, 0x0,
         NULL, NULL, NULL, "The Throughput metric is the effective bit rate of a link."},
    [F_RPL_OPT_METRIC_LL_OBJECT_LL] = {"icmpv6.rpl.opt.metric.ll.object.ll", "Link Latency",
                                       TW_FT_UINT32, TW_BASE_DEC, 0x0, NULL, NULL, NULL,
                                       "The Latency is encoded in 32 bits in unsigned integer "
                                       "format, expressed in microseconds."},
    [F_RPL_OPT_METRIC_LQL_OBJECT] = {"icmpv6.rpl.opt.metric.lql.object",
                                     "Link Quality Level Object", TW_FT_UINT8, TW_BASE_HEX},
    [F_RPL_OPT_METRIC_LQL_OBJECT_RES] = {"icmpv6.rpl.opt.metric.lql.object.res", "Reserved field",
                                         TW_FT_UINT8, TW_BASE_HEX, 0xff, NULL, NULL, NULL,
                                         "Reserved (Must be Zero)"},
    [F_RPL_OPT_METRIC_LQL_OBJECT_VAL] = {"icmpv6.rpl.opt.metric.lql.object.val", "Val(ue)",
                                         TW_FT_UINT8, TW_BASE_HEX, 0xe0, NULL, NULL, NULL,
                                         "LQL value from 0 to 7 where 0 means undetermined and 1 "
                                         "indicates the highest link quality."},
    [F_RPL_OPT_METRIC_LQL_OBJECT_COUNTER] =
        {"icmpv6.rpl.opt.metric.lql.object.counter", "Counter", TW_FT_UINT8, TW_BASE_DEC, 0x1f,
         NULL, NULL, NULL, "The Counter represents the number of links with that value."},
    [F_RPL_OPT_METRIC_ETX_OBJECT_ETX] =
        {"icmpv6.rpl.opt.metric.etx.object.etx", "ETX", TW_FT_UINT16, TW_BASE_DEC, 0x0, NULL, NULL,
         NULL,
         "The ETX metric is the number of transmissions a node expects to make to a destination in "
         "order to successfully deliver a packet."},
    [F_RPL_OPT_METRIC_LC_OBJECT] = {"icmpv6.rpl.opt.metric.lc.object", "Link Color Object",
                                    TW_FT_NONE, TW_BASE_NONE},
    [F_RPL_OPT_METRIC_LC_OBJECT_RES] = {"icmpv6.rpl.opt.metric.lc.object.res", "Reserved field",
                                        TW_FT_UINT8, TW_BASE_HEX, 0xff, NULL, NULL, NULL,
                                        "Reserved (Must be Zero)"},
    [F_RPL_OPT_METRIC_LC_OBJECT_LC] =
        {"icmpv6.rpl.opt.metric.lc.object.lc", "Link Color", TW_FT_UINT16, TW_BASE_HEX, 0xffc0,
         NULL, NULL, NULL,
         "The Link Color (LC) object is an administrative 10-bit link constraint used to avoid or "
         "attract specific links for specific traffic types."},
    [F_RPL_OPT_METRIC_LC_OBJECT_COUNTER] = {"icmpv6.rpl.opt.metric.lc.object.counter", "Counter",
                                            TW_FT_UINT16, TW_BASE_DEC, 0x3f, NULL, NULL, NULL,
                                            "The Counter is used to compress the information where "
                                            "the number of links for each Link Color is reported."},
    [F_RPL_OPT_METRIC_LC_OBJECT_RESERVED] = {"icmpv6.rpl.opt.metric.lc.object.reserved", "Reserved",
                                             TW_FT_UINT16, TW_BASE_DEC, 0x3e, NULL, NULL, NULL,
                                             "Reserved (Must be Zero)."},
    [F_RPL_OPT_METRIC_LC_OBJECT_FLAG_I] =
        {"icmpv6.rpl.opt.metric.lc.object.flag.i", "Flag I", TW_FT_UINT16, TW_BASE_DEC, 0x1, NULL,
         NULL, NULL,
         "The 'I' bit is only relevant when the Link Color is used as a constraint. When set, this "
         "indicates that links with the specified color must be included."},
    [F_RPL_OPT_ROUTE_PREFIX_LENGTH] = {"icmpv6.rpl.opt.route.prefix_length", "Prefix Length",
                                       TW_FT_UINT8, TW_BASE_DEC, 0x0, NULL, NULL, NULL,
                                       "The number of leading bits in the Prefix that are valid"},
    [F_RPL_OPT_ROUTE_FLAG] = {"icmpv6.rpl.opt.route.flag", "Flag", TW_FT_UINT8, TW_BASE_HEX},
    [F_RPL_OPT_ROUTE_PREF] = {"icmpv6.rpl.opt.route.pref", "Preference", TW_FT_UINT8, TW_BASE_DEC,
                              0x18, rpl_opt_route_pref_vals, NULL, NULL,
                              "The Route Preference indicates whether to prefer the router "
                              "associated with this prefix over others, when multiple identical "
                              "prefixes (for different routers) have been received"},
    [F_RPL_OPT_ROUTE_RESERVED] = {"icmpv6.rpl.opt.route.reserved", "Reserved", TW_FT_UINT8,
                                  TW_BASE_DEC, 0xe7, NULL, NULL, NULL, "Reserved (Must be Zero)"},
    [F_RPL_OPT_ROUTE_LIFETIME] = {"icmpv6.rpl.opt.route.lifetime", "Route Lifetime", TW_FT_UINT32,
                                  TW_BASE_DEC, 0x0, NULL, NULL, NULL,
                                  "The length of time in seconds (relative to the time the packet "
                                  "is sent) that the prefix is valid for route determination"},
    [F_RPL_OPT_ROUTE_PREFIX] =
        {"icmpv6.rpl.opt.route.prefix", "Prefix", TW_FT_IPv6, TW_BASE_NONE, 0x0, NULL, NULL, NULL,
         "Variable-length field containing an IP address or a prefix of an IPv6 address"},
    [F_RPL_OPT_CONFIG_FLAG] = {"icmpv6.rpl.opt.config.flag", "Flag", TW_FT_UINT8, TW_BASE_HEX},
    [F_RPL_OPT_CONFIG_RESERVED] = {"icmpv6.rpl.opt.config.reserved", "Reserved", TW_FT_UINT8,
                                   TW_BASE_DEC, 0xf0, NULL, NULL, NULL, "Must be Zero"},
    [F_RPL_OPT_CONFIG_AUTH] = {"icmpv6.rpl.opt.config.auth", "Authentication Enabled",
                               TW_FT_BOOLEAN, 8, 0x8, NULL, NULL, &tw_tfs_set_notset,
                               "One bit flag describing the security mode of the network"},
    [F_RPL_OPT_CONFIG_PCS] =
        {"icmpv6.rpl.opt.config.pcs", "Path Control Size", TW_FT_UINT8, TW_BASE_DEC, 0x7, NULL,
         NULL, NULL,
         "Used to configure the number of bits that may be allocated to the Path Control field"},
    [F_RPL_OPT_CONFIG_INTERVAL_DOUBLE] = {"icmpv6.rpl.opt.config.interval_double",
                                          "DIOIntervalDoublings", TW_FT_UINT8, TW_BASE_DEC, 0x0,
                                          NULL, NULL, NULL,
                                          "Used to configure Imax of the DIO trickle timer"},
    [F_RPL_OPT_CONFIG_INTERVAL_MIN] = {"icmpv6.rpl.opt.config.interval_min", "DIOIntervalMin",
                                       TW_FT_UINT16, TW_BASE_DEC, 0x0, NULL, NULL, NULL,
                                       "Used to configure Imin of the DIO trickle timer"},
    [F_RPL_OPT_CONFIG_REDUNDANCY] = {"icmpv6.rpl.opt.config.redundancy", "DIORedundancyConstant",
                                     TW_FT_UINT8, TW_BASE_DEC, 0x0, NULL, NULL, NULL,
                                     "Used to configure k of the DIO trickle timer"},
    [F_RPL_OPT_CONFIG_MAX_RANK_INC] = {"icmpv6.rpl.opt.config.max_rank_inc", "MaxRankInc",
                                       TW_FT_UINT16, TW_BASE_DEC, 0x0, NULL, NULL, NULL,
                                       "Used to configure DAGMaxRankIncrease"},
    [F_RPL_OPT_CONFIG_MIN_HOP_RANK_INC] = {"icmpv6.rpl.opt.config.min_hop_rank_inc",
                                           "MinHopRankInc", TW_FT_UINT16, TW_BASE_DEC, 0x0, NULL,
                                           NULL, NULL, "Used to configure MinHopRankIncrease"},
    [F_RPL_OPT_CONFIG_OCP] = {"icmpv6.rpl.opt.config.ocp", "OCP (Objective Code Point)",
                              TW_FT_UINT16, TW_BASE_DEC, 0x0, NULL, NULL, NULL,
                              "The OCP field identifies the OF and is managed by the IANA"},
    [F_RPL_OPT_CONFIG_RSV] = {"icmpv6.rpl.opt.config.rsv", "Reserved", TW_FT_UINT8, TW_BASE_DEC},
    [F_RPL_OPT_CONFIG_DEF_LIFETIME] =
        {"icmpv6.rpl.opt.config.def_lifetime", "Default Lifetime", TW_FT_UINT8, TW_BASE_DEC, 0x0,
         NULL, NULL, NULL, "This is the lifetime that is used as default for all RPL routes"},
    [F_RPL_OPT_CONFIG_LIFETIME_UNIT] =
        {"icmpv6.rpl.opt.config.lifetime_unit", "Lifetime Unit", TW_FT_UINT16, TW_BASE_DEC, 0x0,
         NULL, NULL, NULL,
         "Provides the unit in seconds that is used to express route lifetimes in RPL"},
    [F_RPL_OPT_TARGET_FLAG] = {"icmpv6.rpl.opt.target.flag", "Reserved", TW_FT_NONE, TW_BASE_NONE,
                               0x0, NULL, NULL, NULL, "Unused field reserved for flags"},
    [F_RPL_OPT_TARGET_PREFIX_LENGTH] = {"icmpv6.rpl.opt.target.prefix_length", "Target Length",
                                        TW_FT_UINT8, TW_BASE_DEC, 0x0, NULL, NULL, NULL,
                                        "Number of valid leading bits in the IPv6 Prefix"},
    [F_RPL_OPT_TARGET_PREFIX] =
        {"icmpv6.rpl.opt.target.prefix", "Target", TW_FT_IPv6, TW_BASE_NONE, 0x0, NULL, NULL, NULL,
         "Identifying an IPv6 destination address, prefix, or multicast group"},
    [F_RPL_OPT_TRANSIT_FLAG] = {"icmpv6.rpl.opt.transit.flag", "Flags", TW_FT_UINT8, TW_BASE_HEX},
    [F_RPL_OPT_TRANSIT_FLAG_E] =
        {"icmpv6.rpl.opt.transit.flag.e", "External", TW_FT_BOOLEAN, 8, 0x80, NULL, NULL,
         &tw_tfs_set_notset,
         "Indicate that the parent router redistributes external targets into the RPL network"},
    [F_RPL_OPT_TRANSIT_FLAG_RSV] = {"icmpv6.rpl.opt.transit.flag.rsv", "Reserved", TW_FT_UINT8,
                                    TW_BASE_DEC, 0x7f, NULL, NULL, NULL, "Must be Zero"},
    [F_RPL_OPT_TRANSIT_PATHCTL] =
        {"icmpv6.rpl.opt.transit.pathctl", "Path Control", TW_FT_UINT8, TW_BASE_DEC, 0x0, NULL,
         NULL, NULL,
         "Limits the number of DAO-Parents to which a DAO message advertising connectivity"},
    [F_RPL_OPT_TRANSIT_PATHSEQ] = {"icmpv6.rpl.opt.transit.pathseq", "Path Sequence", TW_FT_UINT8,
                                   TW_BASE_DEC, 0x0, NULL, NULL, NULL,
                                   "Increments the Path Sequence each time it issues a RPL Target "
                                   "option with updated information"},
    [F_RPL_OPT_TRANSIT_PATHLIFETIME] =
        {"icmpv6.rpl.opt.transit.pathlifetime", "Path Lifetime", TW_FT_UINT8, TW_BASE_DEC, 0x0,
         NULL, NULL, NULL,
         "The length of time in Lifetime Units that the prefix is valid for route determination"},
    [F_RPL_OPT_TRANSIT_PARENT] = {"icmpv6.rpl.opt.transit.parent", "Parent Address", TW_FT_IPv6,
                                  TW_BASE_NONE, 0x0, NULL, NULL, NULL,
                                  "IPv6 Address of the DODAG Parent of the node originally issuing "
                                  "the Transit Information Option"},
    [F_RPL_OPT_SOLICITED_INSTANCE] =
        {"icmpv6.rpl.opt.solicited.instance", "Instance", TW_FT_UINT8, TW_BASE_DEC, 0x0, NULL, NULL,
         NULL, "Containing the RPLInstanceID that is being solicited when valid"},
    [F_RPL_OPT_SOLICITED_FLAG] = {"icmpv6.rpl.opt.solicited.flag", "Flag", TW_FT_UINT8,
                                  TW_BASE_HEX},
    [F_RPL_OPT_SOLICITED_FLAG_V] = {"icmpv6.rpl.opt.solicited.flag.v", "Version predicate",
                                    TW_FT_BOOLEAN, 8, 0x80, NULL, NULL, NULL,
                                    "The Version predicate is true if the receiver's "
                                    "DODAGVersionNumber matches the requested Version Number"},
    [F_RPL_OPT_SOLICITED_FLAG_I] = {"icmpv6.rpl.opt.solicited.flag.i", "InstanceID predicate",
                                    TW_FT_BOOLEAN, 8, 0x40, NULL, NULL, NULL,
                                    "The InstanceID predicate is true when the RPL node's current "
                                    "RPLInstanceID matches the requested RPLInstanceID"},
    [F_RPL_OPT_SOLICITED_FLAG_D] = {"icmpv6.rpl.opt.solicited.flag.d", "DODAGID predicate",
                                    TW_FT_BOOLEAN, 8, 0x20, NULL, NULL, NULL,
                                    "The DODAGID predicate is true if the RPL node's parent set "
                                    "has the same DODAGID as the DODAGID field"},
    [F_RPL_OPT_SOLICITED_FLAG_RSV] = {"icmpv6.rpl.opt.solicited.flag.rsv", "Reserved", TW_FT_UINT8,
                                      TW_BASE_DEC, 0x1f, NULL, NULL, NULL, "Must be Zero"},
    [F_RPL_OPT_SOLICITED_DODAGID] = {"icmpv6.rpl.opt.solicited.dodagid", "DODAGID", TW_FT_IPv6,
                                     TW_BASE_NONE, 0x0, NULL, NULL, NULL,
                                     "the DODAGID that is being solicited when valid"},
    [F_RPL_OPT_SOLICITED_VERSION] =
        {"icmpv6.rpl.opt.solicited.version", "Version", TW_FT_UINT8, TW_BASE_DEC, 0x0, NULL, NULL,
         NULL, "the value of  DODAGVersionNumber that is being solicited when valid"},
    [F_RPL_OPT_PREFIX_LENGTH] = {"icmpv6.rpl.opt.prefix.length", "Prefix Length", TW_FT_UINT8,
                                 TW_BASE_DEC, 0x0, NULL, NULL, NULL,
                                 "The number of leading bits in the Prefix that are valid"},
    [F_RPL_OPT_PREFIX_FLAG] = {"icmpv6.rpl.opt.prefix.flag", "Flag", TW_FT_UINT8, TW_BASE_HEX},
    [F_RPL_OPT_PREFIX_FLAG_L] =
        {"icmpv6.rpl.opt.prefix.flag.l", "On Link", TW_FT_BOOLEAN, 8, 0x80, NULL, NULL,
         &tw_tfs_set_notset,
         "When set, indicates that this prefix can be used for on-link determination"},
    [F_RPL_OPT_CONFIG_FLAG_A] =
        {"icmpv6.rpl.opt.config.flag.a", "Auto Address Config", TW_FT_BOOLEAN, 8, 0x40, NULL, NULL,
         &tw_tfs_set_notset,
         "When set indicates that this prefix can be used for stateless address configuration"},
    [F_RPL_OPT_CONFIG_FLAG_R] =
        {"icmpv6.rpl.opt.config.flag.r", "Router Address", TW_FT_BOOLEAN, 8, 0x20, NULL, NULL,
         &tw_tfs_set_notset,
         "When set, indicates that the Prefix field contains a complete IPv6 address assigned to "
         "the sending router that can be used as parent in a target option"},
    [F_RPL_OPT_CONFIG_FLAG_RSV] = {"icmpv6.rpl.opt.config.flag.rsv", "Reserved", TW_FT_UINT8,
                                   TW_BASE_DEC, 0x1f, NULL, NULL, NULL, "Must Be Zero"},
    [F_RPL_OPT_PREFIX_VALID_LIFETIME] = {"icmpv6.rpl.opt.prefix.valid_lifetime", "Valid Lifetime",
                                         TW_FT_UINT32, TW_BASE_DEC, 0x0, NULL, NULL, NULL,
                                         "The length of time in seconds that the prefix is valid "
                                         "for the purpose of on-link determination"},
    [F_RPL_OPT_PREFIX_PREFERRED_LIFETIME] =
        {"icmpv6.rpl.opt.prefix.preferred_lifetime", "Preferred Lifetime", TW_FT_UINT32,
         TW_BASE_DEC, 0x0, NULL, NULL, NULL,
         "The length of time in seconds that addresses generated from the prefix via stateless "
         "address autoconfiguration remain preferred"},
    [F_RPL_OPT_PREFIX] = {"icmpv6.rpl.opt.prefix", "Destination Prefix", TW_FT_IPv6, TW_BASE_NONE,
                          0x0, NULL, NULL, NULL, "An IPv6 address or a prefix of an IPv6 address"},
    [F_RPL_OPT_TARGETDESC_DESCRIPTOR] = {"icmpv6.rpl.opt.targetdesc.descriptor", "Descriptor",
                                         TW_FT_UINT32, TW_BASE_HEX, 0x0, NULL, NULL, NULL,
                                         "Opaque Data"},
    [F_RPL_OPT_ROUTEDISCOVERY_FLAG] = {"icmpv6.rpl.opt.routediscovery.flag", "Flags", TW_FT_NONE,
                                       TW_BASE_NONE, 0x0, NULL, NULL, NULL, "NULL"},
    [F_RPL_OPT_ROUTEDISCOVERY_FLAG_REPLY] =
        {"icmpv6.rpl.opt.routediscovery.flag.reply", "Reply", TW_FT_BOOLEAN, 8, 0x80, NULL, NULL,
         &tw_tfs_yes_no,
         "The Origin sets this flag to one to allow the Target(s) to send P2P-DRO messages back to "
         "the Origin"},
    [F_RPL_OPT_ROUTEDISCOVERY_FLAG_HOPBYHOP] =
        {"icmpv6.rpl.opt.routediscovery.flag.hopbyhop", "Hop-by-Hop", TW_FT_BOOLEAN, 8, 0x40, NULL,
         NULL, &tw_tfs_yes_no,
         "The Origin sets this flag to one if it desires Hop-by-hop Routes and to zero if it "
         "desires Source Routes."},
    [F_RPL_OPT_ROUTEDISCOVERY_FLAG_NUMOFROUTES] =
        {"icmpv6.rpl.opt.routediscovery.flag.numofroutes", "Number of Routes", TW_FT_UINT8,
         TW_BASE_DEC, 0x30, NULL, NULL, NULL,
         "This value plus one indicates the number of Source Routes that each Target should convey "
         "to the Origin"},
    [F_RPL_OPT_ROUTEDISCOVERY_FLAG_COMPR] =
        {"icmpv6.rpl.opt.routediscovery.flag.compr", "Compr", TW_FT_UINT8, TW_BASE_DEC, 0xf, NULL,
         NULL, NULL,
         "Number of prefix octets that are elided from the Target field and Address vector"},
    [F_RPL_OPT_ROUTEDISCOVERY_LIFETIME] = {"icmpv6.rpl.opt.routediscovery.lifetime", "Lifetime",
                                           TW_FT_UINT8, TW_BASE_DEC, 0xc0, NULL, NULL, NULL,
                                           "Lifetime of the temporary DODAG"},
    [F_RPL_OPT_ROUTEDISCOVERY_MAXRANK] =
        {"icmpv6.rpl.opt.routediscovery.maxrank", "MaxRank", TW_FT_UINT8, TW_BASE_DEC, 0x3f, NULL,
         NULL, NULL, "Upper limit of the integer portion of the rank when used inside a DIO"},
    [F_RPL_OPT_ROUTEDISCOVERY_NH] =
        {"icmpv6.rpl.opt.routediscovery.nh", "NH", TW_FT_UINT8, TW_BASE_DEC, 0x3f, NULL, NULL, NULL,
         "Index of the next-hop (NH) address inside the Address vector"},
    [F_RPL_OPT_ROUTEDISCOVERY_TARGETADDR] =
        {"icmpv6.rpl.opt.routediscovery.targetaddr", "Target Address", TW_FT_IPv6, TW_BASE_NONE,
         0x0, NULL, NULL, NULL,
         "An IPv6 address of the Target after eliding Compr number of prefix octets"},
    [F_RPL_OPT_ROUTEDISCOVERY_ADDR_VEC] = {"icmpv6.rpl.opt.routediscovery.addr_vec",
                                           "Address Vector", TW_FT_NONE, TW_BASE_NONE, 0x0, NULL,
                                           NULL, NULL, "NULL"},
    [F_RPL_OPT_ROUTEDISCOVERY_ADDRVEC_ADDR] = {"icmpv6.rpl.opt.routediscovery.addrvec.addr",
                                               "Address", TW_FT_IPv6, TW_BASE_NONE},
    [F_RPL_P2P_DRO_INSTANCE] =
        {"icmpv6.rpl.p2p.dro.instance", "RPLInstanceID", TW_FT_UINT8, TW_BASE_DEC, 0x0, NULL, NULL,
         NULL, "Set by the DODAG root that indicates which RPL Instance the DODAG is part of"},
    [F_RPL_P2P_DRO_VERSION] = {"icmpv6.rpl.p2p.dro.version", "Version", TW_FT_UINT8, TW_BASE_DEC,
                               0x0, NULL, NULL, NULL,
                               "Set by the DODAG root to the DODAGVersionNumber"},
    [F_RPL_P2P_DRO_FLAG] = {"icmpv6.rpl.p2p.dro.flag", "Flags", TW_FT_UINT16, TW_BASE_HEX, 0x0,
                            NULL, NULL, NULL, "NULL"},
    [F_RPL_P2P_DRO_FLAG_STOP] = {"icmpv6.rpl.p2p.dro.flag.stop", "Stop", TW_FT_BOOLEAN, 16, 0x8000,
                                 NULL, NULL, &tw_tfs_yes_no,
                                 "Indicates that the P2P-RPL route discovery is over"},
    [F_RPL_P2P_DRO_FLAG_ACK] =
        {"icmpv6.rpl.p2p.dro.flag.ack", "Ack", TW_FT_BOOLEAN, 16, 0x4000, NULL, NULL,
         &tw_tfs_yes_no,
         "Indicates that the Origin MUST unicast a P2P-DRO-ACK message to the Target"},
    [F_RPL_P2P_DRO_FLAG_SEQ] = {"icmpv6.rpl.p2p.dro.flag.seq", "Seq", TW_FT_UINT16, TW_BASE_DEC,
                                0x3000, NULL, NULL, NULL,
                                "Indicates the sequence number for the P2P-DRO"},
    [F_RPL_P2P_DRO_FLAG_RESERVED] = {"icmpv6.rpl.p2p.dro.flag.reserved", "Reserved", TW_FT_UINT16,
                                     TW_BASE_DEC, 0xfff},
    [F_RPL_P2P_DRO_DAGID] = {"icmpv6.rpl.p2p.dro.dagid", "DODAGID", TW_FT_IPv6, TW_BASE_NONE, 0x0,
                             NULL, NULL, NULL,
                             "IPv6 address set by a DODAG root which uniquely identifies a DODAG"},
    [F_RPL_P2P_DROACK_FLAG] = {"icmpv6.rpl.p2p.droack.flag", "Flags", TW_FT_UINT16, TW_BASE_HEX,
                               0x0, NULL, NULL, NULL, "NULL"},
    [F_RPL_P2P_DROACK_FLAG_SEQ] = {"icmpv6.rpl.p2p.droack.flag.seq", "Seq", TW_FT_UINT16,
                                   TW_BASE_DEC, 0xc000, NULL, NULL, NULL,
                                   "Indicates the sequence number for the P2P-DRO"},
    [F_RPL_P2P_DROACK_FLAG_RESERVED] = {"icmpv6.rpl.p2p.droack.flag.reserved", "Reserved",
                                        TW_FT_UINT16, TW_BASE_DEC, 0x3fff},
    [F_ILNP_NB_LOCS] = {"icmpv6.ilnp.nb_locs", "Num of Locs", TW_FT_UINT8, TW_BASE_DEC, 0x0, NULL,
                        NULL, NULL,
                        "The number of 64-bit Locator values that are advertised in this message"},
    [F_ILNP_NB_LOCATOR] = {"icmpv6.ilnp.nb_locator", "Locator", TW_FT_UINT64, TW_BASE_HEX, 0x0,
                           NULL, NULL, NULL,
                           "The 64-bit Locator values currently valid for the sending ILNPv6 node"},
    [F_ILNP_NB_PREFERENCE] =
        {"icmpv6.ilnp.nb_preference", "Preference", TW_FT_UINT32, TW_BASE_DEC, 0x0, NULL, NULL,
         NULL, "The preferability of each Locator relative to other valid Locator values"},
    [F_ILNP_NB_LIFETIME] =
        {"icmpv6.ilnp.nb_lifetime", "Lifetime", TW_FT_UINT32, TW_BASE_DEC, 0x0, NULL, NULL, NULL,
         "The maximum number of seconds that this particular Locator may be considered valid"},
    [F_6LOWPANND_DA_STATUS] = {"icmpv6.6lowpannd.da.status", "Status", TW_FT_UINT8, TW_BASE_DEC,
                               0x0, sixlowpannd_da_status_vals, NULL, NULL,
                               "Indicates the status of a registration in the DAC"},
    [F_6LOWPANND_DA_RSV] = {"icmpv6.6lowpannd.da.rsv", "Reserved", TW_FT_UINT8, TW_BASE_DEC, 0x0,
                            NULL, NULL, NULL, "Must be Zero"},
    [F_6LOWPANND_DA_LIFETIME] =
        {"icmpv6.6lowpannd.da.lifetime", "Lifetime", TW_FT_UINT16, TW_BASE_DEC, 0x0, NULL, NULL,
         NULL,
         "The amount of time in a unit of 60 seconds that the router should retain the Neighbor "
         "Cache entry for the sender of the NS that includes this option"},
    [F_6LOWPANND_DA_EUI64] = {"icmpv6.6lowpannd.da.eui64", "EUI-64", TW_FT_EUI64, TW_BASE_NONE, 0x0,
                              NULL, NULL, NULL,
                              "This field is used to uniquely identify the interface of the "
                              "registered address by including the EUI-64 identifier"},
    [F_6LOWPANND_DA_REG_ADDR] = {"icmpv6.6lowpannd.da.reg_addr", "Registered Address", TW_FT_IPv6,
                                 TW_BASE_NONE, 0x0, NULL, NULL, NULL,
                                 "Carries the host address, which was contained in the IPv6 Source "
                                 "field in the NS that contained the ARO option sent by the host"},
    [F_EXT_ECHO_SEQ] = {"icmpv6.ext.echo.seq", "Sequence number", TW_FT_UINT8, TW_BASE_DEC_HEX},
    [F_EXT_ECHO_REQ_RES] = {"icmpv6.ext.echo.req.res", "Reserved", TW_FT_UINT8, TW_BASE_HEX, 0xfe},
    [F_EXT_ECHO_REQ_LOCAL] = {"icmpv6.ext.echo.req.local", "Local bit", TW_FT_BOOLEAN, 8, 0x1, NULL,
                              NULL, &tw_tfs_set_notset},
    [F_EXT_ECHO_RSP_STATE] = {"icmpv6.ext.echo.rsp.state", "State", TW_FT_UINT8, TW_BASE_DEC, 0xe0,
                              ext_echo_rsp_state_vals},
    [F_EXT_ECHO_RSP_RES] = {"icmpv6.ext.echo.rsp.res", "Reserved", TW_FT_UINT8, TW_BASE_HEX, 0x18},
    [F_EXT_ECHO_RSP_ACTIVE] = {"icmpv6.ext.echo.rsp.active", "Active bit", TW_FT_BOOLEAN, 8, 0x4,
                               NULL, NULL, &tw_tfs_set_notset},
    [F_EXT_ECHO_RSP_IPV4] = {"icmpv6.ext.echo.rsp.ipv4", "IPv4 bit", TW_FT_BOOLEAN, 8, 0x2, NULL,
                             NULL, &tw_tfs_set_notset},
    [F_EXT_ECHO_RSP_IPV6] = {"icmpv6.ext.echo.rsp.ipv6", "IPv6 bit", TW_FT_BOOLEAN, 8, 0x1, NULL,
                             NULL, &tw_tfs_set_notset},
    [F_RESP_IN] = {"icmpv6.resp_in", "Response In", TW_FT_FRAMENUM, TW_BASE_NONE, 0x0, NULL, NULL,
                   NULL, "The response to this request is in this frame"},
    [F_NO_RESP] = {"icmpv6.no_resp", "No response seen", TW_FT_NONE, TW_BASE_NONE, 0x0, NULL, NULL,
                   NULL, "No corresponding response frame was seen"},
    [F_RESP_TO] = {"icmpv6.resp_to", "Response To", TW_FT_FRAMENUM, TW_BASE_NONE, 0x0, NULL, NULL,
                   NULL, "This is the response to the request in this frame"},
    [F_RESPTIME] = {"icmpv6.resptime", "Response Time", TW_FT_DOUBLE, TW_BASE_NONE, 0x0, NULL, NULL,
                    NULL, "The time between the request and the response, in ms."},
    [F_MPL_SEED_INFO_MIN_SEQUENCE] = {"icmpv6.mpl.seed_info.min_sequence", "MinSequence",
                                      TW_FT_UINT8, TW_BASE_DEC, 0x0, NULL, NULL, NULL,
                                      "The lower-bound sequence number for the MPL Seed."},
    [F_MPL_SEED_INFO_BM_LEN] = {"icmpv6.mpl.seed_info.bm_len", "Buffered Messages Length",
                                TW_FT_UINT8, TW_BASE_DEC, 0xfc, NULL, NULL, NULL,
                                "The size of buffered-mpl-messages in octets."},
    [F_MPL_SEED_INFO_S] = {"icmpv6.mpl.seed_info.s", "Seed ID Length", TW_FT_UINT8, TW_BASE_DEC,
                           0x3, mpl_seed_info_s_vals, NULL, NULL, "The length of the seed-id."},
    [F_MPL_SEED_INFO_SEED_ID] = {"icmpv6.mpl.seed_info.seed_id", "Seed ID", TW_FT_STRING,
                                 TW_BASE_NONE},
    [F_MPL_SEED_INFO_SEQUENCE] = {"icmpv6.mpl.seed_info.sequence", "Sequence", TW_FT_UINT8,
                                  TW_BASE_DEC},
    /* Wireshark registers these names twice: as FT_BYTES and, for 6-byte addresses, FT_ETHER */
    [F_OPT_LINKADDR_MAC] = {"icmpv6.opt.linkaddr", "Link-layer address", TW_FT_ETHER, TW_BASE_NONE},
    [F_OPT_SRC_LINKADDR_MAC] = {"icmpv6.opt.src_linkaddr", "Source Link-layer address", TW_FT_ETHER,
                                TW_BASE_NONE},
    [F_OPT_TARGET_LINKADDR_MAC] = {"icmpv6.opt.target_linkaddr", "Target Link-layer address",
                                   TW_FT_ETHER, TW_BASE_NONE},
};

enum {
    E_INVALID_OPTION_LENGTH, E_UNDECODED_OPTION, E_UNKNOWN_DATA, E_UNDECODED_RPL_OPTION,
    E_UNDECODED_TYPE, E_RR_MATCHLEN, E_RR_MATCHEDLEN, E_CHECKSUM, E_RESP_NOT_FOUND,
    E_RPL_UNKNOWN_METRIC, E_RPL_P2P_HOP_BY_HOP, E_RPL_P2P_NUM_OF_ROUTES, E_RPL_P2P_DRO_RDO_ZERO,
    E_RPL_P2P_DRO_ZERO,
};
static const struct tw_expert_def experts[] = {
    [E_INVALID_OPTION_LENGTH] = {"icmpv6.invalid_option_length", "decoder.icmpv6.option_length",
                                 TW_SEV_WARN, TW_GRP_MALFORMED, "Invalid Option Length"},
    [E_UNDECODED_OPTION] = {"icmpv6.undecoded.option", "decoder.icmpv6.undecoded_option",
                            TW_SEV_NOTE, TW_GRP_UNDECODED, "Undecoded option"},
    [E_UNKNOWN_DATA] = {"icmpv6.unknown_data.expert", "decoder.icmpv6.unknown_data", TW_SEV_NOTE,
                        TW_GRP_UNDECODED, "Unknown Data (not interpreted)"},
    [E_UNDECODED_RPL_OPTION] = {"icmpv6.undecoded.rpl_option", "decoder.icmpv6.undecoded_rpl",
                                TW_SEV_NOTE, TW_GRP_UNDECODED, "Undecoded RPL Option"},
    [E_UNDECODED_TYPE] = {"icmpv6.undecoded.type", "decoder.icmpv6.undecoded_type", TW_SEV_NOTE,
                          TW_GRP_UNDECODED, "Undecoded type"},
    [E_RR_MATCHLEN] = {"icmpv6.rr.pco.mp.matchlen.gt128", "decoder.icmpv6.rr_matchlen", TW_SEV_WARN,
                       TW_GRP_PROTOCOL, "MatchLen is greater than 128"},
    [E_RR_MATCHEDLEN] = {"icmpv6.rr.pco.mp.matchedlen.gt128", "decoder.icmpv6.rr_matchedlen",
                         TW_SEV_WARN, TW_GRP_PROTOCOL, "MatchedLen is greater than 128"},
    [E_CHECKSUM] = {"icmpv6.checksum_bad.expert", "decoder.icmpv6.bad_checksum", TW_SEV_WARN,
                    TW_GRP_CHECKSUM, "Bad checksum"},
    [E_RESP_NOT_FOUND] = {"icmpv6.resp_not_found", "decoder.icmpv6.resp_not_found", TW_SEV_WARN,
                          TW_GRP_SEQUENCE, "Response not found"},
    [E_RPL_UNKNOWN_METRIC] = {"icmpv6.rpl.unknown.metric", "decoder.icmpv6.rpl_unknown_metric",
                              TW_SEV_NOTE, TW_GRP_UNDECODED, "Unknown RPL metric/constraint type"},
    [E_RPL_P2P_HOP_BY_HOP] = {"icmpv6.rpl.p2p.hop_by_hop", "decoder.icmpv6.rpl_p2p_hop_by_hop",
                              TW_SEV_WARN, TW_GRP_PROTOCOL,
                              "Reply MUST be set to one in order to establish a Hop-by-Hop Route"},
    [E_RPL_P2P_NUM_OF_ROUTES] = {"icmpv6.rpl.p2p.num_of_routes", "decoder.icmpv6.rpl_p2p_routes",
                                 TW_SEV_WARN, TW_GRP_PROTOCOL,
                                 "This field MUST be set to zero when Hop-by-Hop Routes are being "
                                 "discovered"},
    [E_RPL_P2P_DRO_RDO_ZERO] = {"icmpv6.rpl.p2p.dro.rdo.zero", "decoder.icmpv6.rpl_dro_rdo_zero",
                                TW_SEV_WARN, TW_GRP_PROTOCOL,
                                "This field MUST be set to zero when the P2P-RDO is included in a "
                                "P2P-DRO"},
    [E_RPL_P2P_DRO_ZERO] = {"icmpv6.rpl.p2p.dro.zero", "decoder.icmpv6.rpl_dro_zero", TW_SEV_WARN,
                            TW_GRP_PROTOCOL, "This field MUST be set to zero"},
};

/* codes, by type */
static const struct tw_vs unreach_code_vals[] = {{0, "no route to destination"},
                                                 {1, "Administratively prohibited"},
                                                 {2, "Beyond scope of source address"},
                                                 {3, "Address unreachable"},
                                                 {4, "Port unreachable"},
                                                 {5, "Source address failed ingress/egress policy"},
                                                 {6, "Reject route to destination"},
                                                 {7, "Error in Source Routing Header"}, {0, NULL}};
static const struct tw_vs timeex_code_vals[] = {
    {0, "hop limit exceeded in transit"}, {1, "fragment reassembly time exceeded"}, {0, NULL}};
static const struct tw_vs paramprob_code_vals[] = {
    {0, "erroneous header field encountered"}, {1, "unrecognized Next Header type encountered"},
    {2, "unrecognized IPv6 option encountered"},
    {3, "IPv6 First Fragment has incomplete IPv6 Header Chain"}, {0, NULL}};
static const struct tw_vs rr_code_vals[] = {
    {0, "Command"}, {1, "Result"}, {255, "Sequence number reset"}, {0, NULL}};
static const struct tw_vs ni_query_code_vals[] = {{0, "Query subject = IPv6 addresses"},
                                                  {1, "Query subject = DNS name or empty"},
                                                  {2, "Query subject = IPv4 addresses"}, {0, NULL}};
static const struct tw_vs ni_reply_code_vals[] = {
    {0, "Successful"}, {1, "Refused"}, {2, "Unknown query type"}, {0, NULL}};
static const struct tw_vs rpl_code_vals[] = {
    {0x00, "DODAG Information Solicitation"}, {0x01, "DODAG Information Object"},
    {0x02, "Destination Advertisement Object"},
    {0x03, "Destination Advertisement Object Acknowledgment"},
    {0x80, "Secure DODAG Information Solicitation"}, {0x81, "Secure DODAG Information Object"},
    {0x82, "Secure Destination Advertisement Object"},
    {0x83, "Secure Destination Advertisement Object Acknowledgment"}, {0x8a, "Consistency Check"},
    {0x04, "P2P Discovery Reply Object"}, {0x84, "P2P Secure Discovery Reply Object"},
    {0x05, "P2P Discovery Reply Object Acknowledgement"},
    {0x85, "P2P Secure Discovery Reply Object Acknowledgement"}, {0, NULL}};
static const struct tw_vs ext_echo_req_code_vals[] = {{0, "No error"}, {0, NULL}};
static const struct tw_vs ext_echo_reply_code_vals[] = {{0, "No error"},
                                                        {1, "Malformed Query"},
                                                        {2, "No Such Interface"},
                                                        {3, "No Such Table Entry"},
                                                        {4, "Multiple Interfaces Satisfy Query"},
                                                        {0, NULL}};
static const struct tw_vs fmip6_prrtadv_code_vals[] = {{0, "MN should use AP-ID, AR-info tuple"},
                                                       {1, "Network Initiated Handover trigger"},
                                                       {2, "No new router information"},
                                                       {3, "Limited new router information"},
                                                       {4, "Unsolicited"}, {0, NULL}};
static const struct tw_vs fmip6_hi_code_vals[] = {
    {0, "FBU sent from previous link"}, {1, "FBU sent from new link"}, {0, NULL}};
static const struct tw_vs fmip6_hack_code_vals[] = {
    {0, "Handover Accepted, NCoA valid"}, {1, "Handover Accepted, NCoA not valid"},
    {2, "Handover Accepted, NCoA in use"}, {3, "Handover Accepted, NCoA assigned"},
    {4, "Handover Accepted, NCoA not assigned"}, {128, "Handover Not Accepted, reason unspecified"},
    {129, "Administratively prohibited"}, {130, "Insufficient resources"}, {0, NULL}};
static const struct tw_vs nd_router_pref_vals[] = {
    {0, "Medium"}, {1, "High"}, {2, "Reserved"}, {3, "Low"}, {0, NULL}};
static const struct tw_vs sixlowpannd_status_vals[] = {
    {0, "Success"}, {1, "Duplicate Exists"}, {2, "Neighbor Cache Full"}, {0, NULL}};
static const struct tw_vs rr_opcode_vals[] = {
    {1, "Add"}, {2, "Change"}, {3, "Set Global"}, {0, NULL}};
static const struct tw_vs rpl_option_vals[] = {
    {0, "1-byte padding"},        {1, "n-byte padding"},        {2, "DAG Metric container"},
    {3, "Routing Information"},   {4, "DODAG configuration"},   {5, "RPL Target"},
    {6, "Transit Information"},   {7, "Solicited Information"}, {8, "Prefix Information"},
    {9, "RPL Target Descriptor"}, {10, "P2P Route Discovery"},  {0, NULL}};

enum {
    T_DST_UNREACH = 1, T_PACKET_TOO_BIG = 2, T_TIME_EXCEEDED = 3, T_PARAM_PROB = 4,
    T_ECHO_REQUEST = 128, T_ECHO_REPLY = 129, T_MLD_QUERY = 130, T_MLD_REPORT = 131,
    T_MLD_DONE = 132, T_RS = 133, T_RA = 134, T_NS = 135, T_NA = 136, T_REDIRECT = 137, T_RR = 138,
    T_NI_QUERY = 139, T_NI_REPLY = 140, T_IND_SOLICIT = 141, T_IND_ADVERT = 142,
    T_MLDV2_REPORT = 143, T_DHAAD_REQUEST = 144, T_DHAAD_REPLY = 145, T_MPS = 146, T_MPA = 147,
    T_CERT_PATH_SOL = 148, T_CERT_PATH_AD = 149, T_EXPERIMENTAL_MOBILITY = 150, T_MCAST_RA = 151,
    T_MCAST_RS = 152, T_MCAST_RT = 153, T_FMIPV6 = 154, T_RPL = 155, T_ILNPV6 = 156, T_DAR = 157,
    T_DAC = 158, T_MPL = 159, T_EXTECHO = 160, T_EXTECHOREPLY = 161,
};

/* ---------------------------------------------------------------------------------------------
 * helpers
 * ------------------------------------------------------------------------------------------- */
static bool have(struct tw_cur *c, uint32_t off, uint32_t len)
{
    struct tw_cur t = *c;
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
static uint64_t get64(struct tw_cur *c, uint32_t off)
{
    if (!have(c, off, 8)) return 0;
    return (uint64_t)get32(c, off) << 32 | get32(c, off + 4);
}

/* integer items: read through the cursor, then recorded (nothing when the bytes are missing) */
static int32_t u8(struct tw_pkt *p, struct tw_cur *c, int f, uint32_t off)
{
    uint8_t v = get8(c, off);
    return c->err ? -1 : tw_add_uint(p, HF(f), off, 1, v);
}
static int32_t u16(struct tw_pkt *p, struct tw_cur *c, int f, uint32_t off)
{
    uint16_t v = get16(c, off);
    return c->err ? -1 : tw_add_uint(p, HF(f), off, 2, v);
}
static int32_t u32(struct tw_pkt *p, struct tw_cur *c, int f, uint32_t off)
{
    uint32_t v = get32(c, off);
    return c->err ? -1 : tw_add_uint(p, HF(f), off, 4, v);
}
/* masked integer / boolean items of a 1, 2 or 4 byte word */
static int32_t bits(struct tw_pkt *p, struct tw_cur *c, int f, uint32_t off, uint32_t len)
{
    uint32_t v = len == 1 ? get8(c, off) : len == 2 ? get16(c, off) : get32(c, off);
    return c->err ? -1 : tw_add_bits(p, HF(f), off, len, v);
}
static int32_t bytes(struct tw_pkt *p, struct tw_cur *c, int f, uint32_t off, uint32_t len)
{
    if (!have(c, off, len)) return -1;
    return tw_add_bytes(p, HF(f), c, off, len);
}
static int32_t addr6(struct tw_pkt *p, struct tw_cur *c, int f, uint32_t off)
{
    if (!have(c, off, 16)) return -1;
    return tw_add_bytes(p, HF(f), c, off, 16);
}
/* an FT_NONE item: Wireshark does not check that its bytes are there */
static int32_t none(struct tw_pkt *p, struct tw_cur *c, int f, uint32_t off, uint32_t len)
{
    (void)c;
    return tw_want(p, HF(f)) ? tw_add_rec(p, HF(f), off, len) : -1;
}
static int32_t bitmask(struct tw_pkt *p, struct tw_cur *c, int hdr, const int *subs, size_t n,
                       uint32_t off, uint32_t len)
{
    uint32_t v = len == 1 ? get8(c, off) : len == 2 ? get16(c, off) : get32(c, off);
    if (c->err) return -1;
    uint16_t ids_[8];
    for (size_t i = 0; i < n && i < 8; i++) ids_[i] = HF(subs[i]);
    return tw_ip6_bitmask(p, HF(hdr), ids_, n < 8 ? n : 8, off, len, v);
}

static void expert_at(struct tw_pkt *p, int32_t r, int x, uint32_t off, uint32_t len,
                      const char *msg)
{
    tw_tree_push(p, r);
    tw_expert(p, EX(x), off, len, "%s", msg ? msg : experts[x].summary);
    tw_tree_pop(p);
}

/* a label with text appended to what the field would show by itself */
static void label_append(struct tw_pkt *p, int32_t r, const char *fmt, ...) TW_PRINTF(3, 4);
static void label_append(struct tw_pkt *p, int32_t r, const char *fmt, ...)
{
    if (r < 0 || !tw_want_labels(p)) return;
    char tmp[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    tw_rec_label(p, r, "%s", tmp);
}

/* "Valid Lifetime: Infinity (4294967295)" for the special values of some lifetimes */
static void special_lifetime(struct tw_pkt *p, int32_t r, const char *name, uint32_t v, bool zero,
                             const char *zero_text)
{
    if (r < 0 || !tw_want_labels(p)) return;
    if (v == 0xffffffff)
        tw_rec_label(p, r, "%s: Infinity (%u)", name, v);
    else if (zero && v == 0)
        tw_rec_label(p, r, "%s: %s (0)", name, zero_text);
}

static void fmt6(char *s, const uint8_t *a)
{
    tw_fmt_ipv6(s, a);
}

/* Option/record label pieces are collected here and set on the item at its end. */
struct lbl {
    char s[768];
    size_t n;
};
static void lbl_add(struct lbl *l, const char *fmt, ...) TW_PRINTF(2, 3);
static void lbl_add(struct lbl *l, const char *fmt, ...)
{
    if (l->n >= sizeof l->s - 1) return;
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(l->s + l->n, sizeof l->s - l->n, fmt, ap);
    va_end(ap);
    if (k > 0) l->n = TW_MIN(sizeof l->s - 1, l->n + (size_t)k);
}

/* A DNS name (RFC 1035 section 3.1) at off, with compression pointers relative to `base`, read
 * as Wireshark's expand_dns_name does (forward pointers are followed; a read past the message
 * is an error; a loop ends the name): its text, and the bytes it occupies where it starts. */
static uint32_t dns_name(struct tw_cur *c, uint32_t off, uint32_t base, char *out, size_t outlen,
                         size_t *tlen)
{
    uint32_t o = off, len = 0, chars = 0;
    uint32_t data_size = c->end > base ? c->end - base : 0;
    bool have_len = false;
    size_t k = 0, max = outlen - 1;
    out[0] = 0;
    *tlen = 0;
    for (;;) {
        uint8_t cl = get8(c, o);
        if (c->err) return 0;
        o++;
        if (cl == 0) break;
        chars++;
        switch (cl & 0xc0) {
        case 0x00:
            if (k && k < max) out[k++] = '.';
            for (; cl > 0; cl--, o++, chars++) {
                uint8_t ch = get8(c, o);
                if (c->err) return 0;
                if (k < max) out[k++] = (char)ch;
            }
            break;
        case 0x40:
            if ((cl & 0x3f) == 1) { /* bit-string label (RFC 2673) */
                uint8_t bitc = get8(c, o);
                if (c->err) return 0;
                o++;
                int n = (bitc - 1) / 8 + 1;
                if (k < max) k += (size_t)snprintf(out + k, outlen - k, "\\[x");
                for (; n-- > 0; o++) {
                    uint8_t b = get8(c, o);
                    if (c->err) return 0;
                    if (k < max) k += (size_t)snprintf(out + k, outlen - k, "%02x", b);
                }
                if (k < max) k += (size_t)snprintf(out + k, outlen - k, "/%d]", bitc);
                if (k > max) k = max;
                break;
            }
            snprintf(out, outlen, "<Unknown extended label>");
            *tlen = strlen(out);
            return o - off;
        case 0x80:
            c->err = TW_CUR_MALFORMED;
            return 0;
        default: {
            uint8_t lo = get8(c, o);
            if (c->err) return 0;
            uint32_t target = base + ((uint32_t)(cl & 0x3f) << 8 | lo);
            o++;
            chars++;
            if (!have_len) {
                len = o - off;
                have_len = true;
            }
            if (chars >= data_size) {
                snprintf(out, outlen, "<Name contains a pointer that loops>");
                *tlen = strlen(out);
                return len;
            }
            o = target;
            break;
        }
        }
    }
    out[k] = 0;
    *tlen = k;
    if (!have_len) len = o - off;
    if (k == 0) {
        snprintf(out, outlen, "<Root>");
        *tlen = strlen(out);
    }
    return len;
}

/* Wireshark's format_text(): the name as shown (all slen bytes, NULs included), unprintable
 * bytes escaped */
static void name_text(char *dst, size_t n, const char *src, size_t slen)
{
    size_t k = 0;
    const unsigned char *s = (const unsigned char *)src;
    for (const unsigned char *e = s + slen; s < e && k + 5 < n; s++) {
        if (*s >= 0x20 && *s < 0x7f) dst[k++] = (char)*s;
        else k += (size_t)snprintf(dst + k, n - k, "\\%03o", *s);
    }
    dst[k] = 0;
}

/* ---------------------------------------------------------------------------------------------
 * Echo request/reply matching (one pass: the reply names its request)
 * ------------------------------------------------------------------------------------------- */
struct echo_ent {
    uint64_t rqst_frame, resp_frame;
    struct tw_time rqst_ts;
};
static struct tw_state *echo_tab;
#define ECHO_MAX (1u << 16)

/* the two addresses in canonical order, then the two keys */
static size_t echo_key(const struct tw_pkt *p, uint8_t *k, uint32_t key0, uint32_t key1)
{
    const struct tw_addr *s = &p->net_src, *d = &p->net_dst;
    if (!s->p || !d->p || s->len != d->len || s->len > 16 || s->len == 0) return 0;
    bool swap = memcmp(s->p, d->p, s->len) > 0;
    memcpy(k, swap ? d->p : s->p, s->len);
    memcpy(k + s->len, swap ? s->p : d->p, s->len);
    memcpy(k + 2 * s->len, &key0, 4);
    memcpy(k + 2 * s->len + 4, &key1, 4);
    return 2u * s->len + 8;
}

static void echo_request(struct tw_pkt *p, uint32_t key0, uint32_t key1)
{
    uint8_t k[40];
    size_t kl = echo_key(p, k, key0, key1);
    if (!kl) return;
    struct echo_ent *e = tw_state_put(echo_tab, k, kl, NULL);
    if (!e) return;
    e->rqst_frame = p->frame->recno;
    e->resp_frame = 0;
    e->rqst_ts = p->frame->ts;
}

static void echo_reply(struct tw_pkt *p, uint32_t key0, uint32_t key1)
{
    uint8_t k[40];
    size_t kl = echo_key(p, k, key0, key1);
    if (!kl) return;
    struct echo_ent *e = tw_state_get(echo_tab, k, kl);
    if (!e || e->resp_frame) return;
    e->resp_frame = p->frame->recno;
    int32_t r = tw_add_uint(p, HF(F_RESP_TO), 0, 0, e->rqst_frame);
    tw_rec_flags(p, r, TW_RF_GENERATED);
    struct tw_time d = tw_time_sub(p->frame->ts, e->rqst_ts);
    double ms = (double)d.sec * 1000.0 + (double)d.nsec / 1000000.0;
    r = tw_add_double(p, HF(F_RESPTIME), 0, 0, ms);
    tw_rec_flags(p, r, TW_RF_GENERATED);
    if (tw_want_labels(p)) tw_rec_label(p, r, "Response Time: %.3f ms", ms);
    tw_info_printf(p, " (request in %llu)", (unsigned long long)e->rqst_frame);
}

/* ---------------------------------------------------------------------------------------------
 * The quoted datagram of an error message, and other nested payloads
 * ------------------------------------------------------------------------------------------- */
static void data_nested(struct tw_pkt *p, struct tw_cur rest)
{
    if (tw_cur_left(&rest) == 0) return;
    tw_dissect_nested(p, TW_TBL_NAME, TW_KEY_DATA, rest);
}

static void contained(struct tw_pkt *p, struct tw_cur *c, uint32_t off, uint32_t end)
{
    struct tw_cur t = *c;
    t.off = off;
    t.end = end;
    if (t.cap > end) t.cap = end;
    uint8_t b = get8(&t, off);
    if (t.err) {
        c->err = t.err;
        p->taps_lost = true; /* tshark's exception comes from the quoted IPv6, in error mode */
        return;
    }
    bool saved = p->ctx.in_error_pkt;
    p->ctx.in_error_pkt = true;
    if ((b & 0xf0) == 0x60)
        tw_dissect_nested(p, TW_TBL_ETHERTYPE, 0x86dd, t);
    else
        data_nested(p, t);
    p->ctx.in_error_pkt = saved;
}

/* ---------------------------------------------------------------------------------------------
 * Neighbor Discovery options (RFC 4861 section 4.6 and later additions)
 * ------------------------------------------------------------------------------------------- */
enum {
    ND_SRC_LL = 1, ND_TGT_LL = 2, ND_PREFIX = 3, ND_REDIRECTED = 4, ND_MTU = 5, ND_NBMA = 6,
    ND_ADVINT = 7, ND_HOMEAGENT = 8, ND_SRC_ADDRLIST = 9, ND_TGT_ADDRLIST = 10, ND_CGA = 11,
    ND_RSA = 12, ND_TIMESTAMP = 13, ND_NONCE = 14, ND_TRUST_ANCHOR = 15, ND_CERTIFICATE = 16,
    ND_IPA = 17, ND_NRPI = 18, ND_LLA = 19, ND_NAACK = 20, ND_MAP = 23, ND_ROUTE_INFO = 24,
    ND_RDNSS = 25, ND_EFO = 26, ND_HKR_REQ = 27, ND_HKR_REP = 28, ND_HAI = 29, ND_MN = 30,
    ND_DNSSL = 31, ND_PS = 32, ND_ARO = 33, ND_6CO = 34, ND_ABRO = 35, ND_6CIO = 36,
    ND_CAPPORT = 37, ND_PREF64 = 38,
};

/* link-layer address options (source 1, target 2) */
static uint32_t opt_linkaddr(struct tw_pkt *p, struct tw_cur *c, bool src, uint32_t o,
                             uint32_t opt_len, struct lbl *l)
{
    int f_any = F_OPT_LINKADDR, f_dir = src ? F_OPT_SRC_LINKADDR : F_OPT_TARGET_LINKADDR;
    if (opt_len == 8) {
        if (!have(c, o, 6)) return o;
        const uint8_t *m = c->data + o;
        tw_add_ptr(p, HF(F_OPT_LINKADDR_MAC), o, 6, m, 6);
        int32_t r =
            tw_add_ptr(p, HF(src ? F_OPT_SRC_LINKADDR_MAC : F_OPT_TARGET_LINKADDR_MAC), o, 6, m, 6);
        tw_rec_flags(p, r, TW_RF_HIDDEN);
        tw_info_printf(
            p, src ? " from %02x:%02x:%02x:%02x:%02x:%02x" : " is at %02x:%02x:%02x:%02x:%02x:%02x",
            m[0], m[1], m[2], m[3], m[4], m[5]);
        lbl_add(l, " : %02x:%02x:%02x:%02x:%02x:%02x", m[0], m[1], m[2], m[3], m[4], m[5]);
    } else if (opt_len == 16 && get32(c, o + 8) == 0 && get16(c, o + 12) == 0 && !c->err) {
        if (!have(c, o, 8)) return o;
        const uint8_t *m = c->data + o;
        tw_add_ptr(p, HF(F_OPT_LINKADDR_EUI64), o, 8, m, 8);
        int32_t r = tw_add_ptr(p, HF(src ? F_OPT_SRC_LINKADDR_EUI64 : F_OPT_TARGET_LINKADDR_EUI64),
                               o, 8, m, 8);
        tw_rec_flags(p, r, TW_RF_HIDDEN);
        if (src) {
            r = tw_add_ptr(p, HF(f_any), o, 8, m, 8);
            tw_rec_flags(p, r, TW_RF_HIDDEN);
            r = tw_add_ptr(p, HF(f_dir), o, 8, m, 8);
            tw_rec_flags(p, r, TW_RF_HIDDEN);
        }
        none(p, c, F_OPT_PADDING, o + 8, 6);
        char e[24];
        snprintf(e, sizeof e, "%02x:%02x:%02x:%02x:%02x:%02x:%02x:%02x", m[0], m[1], m[2], m[3],
                 m[4], m[5], m[6], m[7]);
        tw_info_printf(p, " from %s", e); /* Wireshark says "from" for both */
        lbl_add(l, " : %s", e);
    } else {
        if (c->err || opt_len < 2 || !have(c, o, opt_len - 2)) return o;
        tw_add_bytes(p, HF(f_any), c, o, opt_len - 2);
        int32_t r = tw_add_bytes(p, HF(f_dir), c, o, opt_len - 2);
        tw_rec_flags(p, r, TW_RF_HIDDEN);
    }
    return o + opt_len;
}

static uint32_t opt_prefix6(struct tw_pkt *p, struct tw_cur *c, int f, uint32_t o, uint32_t n,
                            uint8_t plen, uint32_t opt_len, struct lbl *l, int32_t r_len)
{
    /* a prefix of 0, 8 or 16 bytes, by option length (route information, 6LoWPAN context) */
    (void)n;
    if (opt_len == 8) {
        lbl_add(l, " ::/%d", plen);
        return o;
    }
    if (opt_len == 16 || opt_len == 24) {
        uint32_t k = opt_len == 16 ? 8 : 16;
        if (!have(c, o, k)) return o;
        uint8_t *a = tw_arena_alloc(p->arena, 16);
        if (!a) return o + k;
        memset(a, 0, 16);
        memcpy(a, c->data + o, k);
        tw_add_ptr(p, HF(f), o, k, a, 16);
        char s[48];
        fmt6(s, a);
        lbl_add(l, " %s/%d", s, plen);
        return o + k;
    }
    expert_at(p, r_len, E_INVALID_OPTION_LENGTH, o, 1, NULL);
    return o;
}

static void dissect_nd_opts(struct tw_pkt *p, struct tw_cur *c, uint32_t off, uint32_t end)
{
    while (end > off && !c->err) {
        uint32_t opt_len = get8(c, off + 1) * 8u;
        if (c->err) return;
        int32_t r_opt = none(p, c, F_OPT, off, opt_len);
        if (c->err) return;
        tw_tree_push(p, r_opt);
        uint32_t o = off;
        uint8_t type = get8(c, o);
        tw_add_uint(p, HF(F_OPT_TYPE), o, 1, type);
        o += 1;
        struct lbl l = {.n = 0};
        const char *tn = tw_vs_find(opt_type_vals, type);
        if (tn)
            lbl_add(&l, "ICMPv6 Option (%s", tn);
        else
            lbl_add(&l, "ICMPv6 Option (Unknown %d", type);
        int32_t r_len = tw_add_uint(p, HF(F_OPT_LENGTH), o, 1, opt_len / 8);
        label_append(p, r_len, "Length: %u (%u bytes)", opt_len / 8, opt_len);
        o += 1;
        if (opt_len == 0) {
            expert_at(p, r_len, E_INVALID_OPTION_LENGTH, off + 1, 1,
                      "Invalid option length (Zero)");
            if (r_opt >= 0 && tw_want_labels(p)) tw_rec_label(p, r_opt, "%s", l.s);
            tw_tree_pop(p);
            return;
        }
        char s[48];
        switch (type) {
        case ND_SRC_LL:
        case ND_TGT_LL:
            o = opt_linkaddr(p, c, type == ND_SRC_LL, o, opt_len, &l);
            break;
        case ND_PREFIX: {
            static const int fl[] = {F_OPT_PREFIX_FLAG_L, F_OPT_PREFIX_FLAG_A, F_OPT_PREFIX_FLAG_R,
                                     F_OPT_PREFIX_FLAG_RESERVED};
            uint8_t plen = get8(c, o);
            u8(p, c, F_OPT_PREFIX_LENGTH, o);
            o += 1;
            bitmask(p, c, F_OPT_PREFIX_FLAG, fl, 4, o, 1);
            o += 1;
            uint32_t v = get32(c, o);
            int32_t r = u32(p, c, F_OPT_PREFIX_VALID_LIFETIME, o);
            special_lifetime(p, r, "Valid Lifetime", v, false, NULL);
            o += 4;
            v = get32(c, o);
            r = u32(p, c, F_OPT_PREFIX_PREFERRED_LIFETIME, o);
            special_lifetime(p, r, "Preferred Lifetime", v, false, NULL);
            o += 4;
            none(p, c, F_OPT_RESERVED, o, 4);
            o += 4;
            if (addr6(p, c, F_OPT_PREFIX, o) >= 0 || !c->err) {
                if (!c->err) {
                    fmt6(s, c->data + o);
                    lbl_add(&l, " : %s/%d", s, plen);
                }
            }
            o += 16;
            break;
        }
        case ND_REDIRECTED:
            none(p, c, F_OPT_RESERVED, o, 6);
            o += 6;
            if (opt_len > 8) {
                none(p, c, F_OPT_REDIRECTED_PACKET, o, opt_len - 8);
                if (!c->err) {
                    /* Wireshark dissects it only as far as the option's tvb reaches */
                    contained(p, c, o, TW_MIN(o + opt_len - 8, c->end));
                    o += opt_len - 8;
                }
            }
            break;
        case ND_MTU: {
            none(p, c, F_OPT_RESERVED, o, 2);
            o += 2;
            uint32_t v = get32(c, o);
            u32(p, c, F_OPT_MTU, o);
            lbl_add(&l, " : %d", (int)v);
            o += 4;
            break;
        }
        case ND_NBMA: {
            uint8_t v = get8(c, o);
            u8(p, c, F_OPT_NBMA_SHORTCUT_LIMIT, o);
            lbl_add(&l, " : %d", v);
            none(p, c, F_OPT_RESERVED, o, 1);
            o += 1;
            none(p, c, F_OPT_RESERVED, o, 4);
            o += 4;
            break;
        }
        case ND_ADVINT: {
            none(p, c, F_OPT_RESERVED, o, 2);
            o += 2;
            uint32_t v = get32(c, o);
            u32(p, c, F_OPT_ADVERTISEMENT_INTERVAL, o);
            lbl_add(&l, " : %d", (int)v);
            o += 4;
            break;
        }
        case ND_HOMEAGENT:
            none(p, c, F_OPT_RESERVED, o, 2);
            o += 2;
            u16(p, c, F_OPT_HOME_AGENT_PREFERENCE, o);
            o += 2;
            u16(p, c, F_OPT_HOME_AGENT_LIFETIME, o);
            o += 2;
            break;
        case ND_SRC_ADDRLIST:
        case ND_TGT_ADDRLIST:
            none(p, c, F_OPT_RESERVED, o, 6);
            o += 6;
            while (o < off + opt_len && !c->err) {
                if (addr6(p, c, F_OPT_IPV6_ADDRESS, o) < 0 && c->err) break;
                fmt6(s, c->data + o);
                lbl_add(&l, " %s", s);
                o += 16;
            }
            break;
        case ND_CGA: {
            uint8_t pad = get8(c, o);
            u8(p, c, F_OPT_CGA_PAD_LENGTH, o);
            o += 1;
            none(p, c, F_OPT_RESERVED, o, 1);
            o += 1;
            int par_len = (int)opt_len - 4 - pad;
            int32_t r = par_len > 0 ? bytes(p, c, F_OPT_CGA, o, (uint32_t)par_len) : -1;
            tw_tree_push(p, r);
            bytes(p, c, F_OPT_CGA_MODIFIER, o, 16);
            bytes(p, c, F_OPT_CGA_SUBNET_PREFIX, o + 16, 8);
            bytes(p, c, F_OPT_CGA_COUNT, o + 24, 1);
            tw_tree_pop(p);
            /* the public key (X.509 SubjectPublicKeyInfo) and extensions are not decoded */
            o = off + opt_len;
            break;
        }
        case ND_RSA:
            none(p, c, F_OPT_RESERVED, o, 2);
            o += 2;
            bytes(p, c, F_OPT_RSA_KEY_HASH, o, 16);
            o += 16;
            if (opt_len > 20) none(p, c, F_OPT_DIGITAL_SIGNATURE_PADDING, o, opt_len - 20);
            o += opt_len - 20;
            break;
        case ND_TIMESTAMP: {
            none(p, c, F_OPT_RESERVED, o, 6);
            o += 6;
            uint64_t v = get64(c, o);
            if (!c->err) {
                struct tw_time t = {(int64_t)(v >> 16),
                                    (int32_t)(((v & 0xffff) * 1000000000u) >> 16)};
                tw_add_time(p, HF(F_OPT_TIMESTAMP), o, 8, t);
            }
            o += 8;
            break;
        }
        case ND_NONCE:
            bytes(p, c, F_OPT_NONCE, o, opt_len - 2);
            o += opt_len - 2;
            break;
        case ND_TRUST_ANCHOR: {
            uint8_t nt = get8(c, o);
            u8(p, c, F_OPT_NAME_TYPE, o);
            o += 1;
            uint8_t pad = get8(c, o);
            u8(p, c, F_OPT_CGA_PAD_LENGTH, o);
            o += 1;
            int par_len = (int)opt_len - 4 - pad;
            if (par_len > 0) {
                if (nt == 1)
                    bytes(p, c, F_OPT_NAME_X501, o, (uint32_t)par_len);
                else if (nt == 2 && have(c, o, (uint32_t)par_len))
                    tw_add_ptr(p, HF(F_OPT_NAME_TYPE_FQDN), o, (uint32_t)par_len, c->data + o,
                               (uint32_t)par_len);
                o += (uint32_t)par_len;
            }
            if (pad) none(p, c, F_OPT_PADDING, o, pad);
            o += pad;
            break;
        }
        case ND_CERTIFICATE:
            o += 2; /* cert type and reserved; the X.509 certificate is not decoded */
            o = off + opt_len;
            break;
        case ND_IPA:
        case ND_NRPI: {
            bool ipa = type == ND_IPA;
            u8(p, c, ipa ? F_OPT_IPA_OPTION_CODE : F_OPT_NRPI_OPTION_CODE, o);
            o += 1;
            uint8_t plen = get8(c, o);
            u8(p, c, ipa ? F_OPT_IPA_PREFIX_LEN : F_OPT_NRPI_PREFIX_LEN, o);
            o += 1;
            none(p, c, F_OPT_RESERVED, o, 4);
            o += 4;
            addr6(p, c, ipa ? F_OPT_IPA_IPV6_ADDRESS : F_OPT_NRPI_PREFIX, o);
            if (!c->err) {
                fmt6(s, c->data + o);
                lbl_add(&l, " %s/%d", s, plen);
            }
            o += 16;
            break;
        }
        case ND_LLA:
            u8(p, c, F_OPT_LLA_OPTION_CODE, o);
            o += 1;
            if (opt_len >= 3) bytes(p, c, F_OPT_LLA_BYTES, o, opt_len - 3);
            o += opt_len - 3;
            break;
        case ND_NAACK: {
            u8(p, c, F_OPT_NAACK_OPTION_CODE, o);
            o += 1;
            uint8_t st = get8(c, o);
            u8(p, c, F_OPT_NAACK_STATUS, o);
            o += 1;
            if (st == 2) {
                addr6(p, c, F_OPT_NAACK_SUPPLIED_NCOA, o);
                o += 16;
            } else {
                none(p, c, F_OPT_RESERVED, o, opt_len - 4);
                o += opt_len - 4;
            }
            break;
        }
        case ND_MAP: {
            static const int fl[] = {F_OPT_MAP_FLAG_R, F_OPT_MAP_FLAG_RESERVED};
            bits(p, c, F_OPT_MAP_DISTANCE, o, 1);
            bits(p, c, F_OPT_MAP_PREFERENCE, o, 1);
            o += 1;
            bitmask(p, c, F_OPT_MAP_FLAG, fl, 2, o, 1);
            o += 1;
            u32(p, c, F_OPT_MAP_VALID_LIFETIME, o);
            o += 4;
            addr6(p, c, F_OPT_MAP_GLOBAL_ADDRESS, o);
            o += 16;
            break;
        }
        case ND_ROUTE_INFO: {
            static const int fl[] = {F_OPT_ROUTE_INFO_FLAG_ROUTE_PREFERENCE,
                                     F_OPT_ROUTE_INFO_FLAG_RESERVED};
            uint8_t plen = get8(c, o);
            u8(p, c, F_OPT_PREFIX_LENGTH, o);
            o += 1;
            uint8_t fv = get8(c, o);
            bitmask(p, c, F_OPT_ROUTE_INFO_FLAG, fl, 2, o, 1);
            if (c->err) break;
            const char *pr = tw_vs_find(nd_router_pref_vals, (fv & 0x18) >> 3);
            lbl_add(&l, " : %s", pr);
            o += 1;
            uint32_t v = get32(c, o);
            int32_t r = u32(p, c, F_OPT_ROUTE_LIFETIME, o);
            special_lifetime(p, r, "Route Lifetime", v, false, NULL);
            o += 4;
            if (c->err) break;
            o = opt_prefix6(p, c, F_OPT_PREFIX, o, 0, plen, opt_len, &l, r_len);
            break;
        }
        case ND_RDNSS: {
            none(p, c, F_OPT_RESERVED, o, 2);
            o += 2;
            uint32_t v = get32(c, o);
            int32_t r = u32(p, c, F_OPT_RDNSS_LIFETIME, o);
            special_lifetime(p, r, "Lifetime", v, true, "RDNSS address MUST no longer be used");
            o += 4;
            while (o < off + opt_len && !c->err) {
                if (addr6(p, c, F_OPT_RDNSS, o) < 0 && c->err) break;
                fmt6(s, c->data + o);
                lbl_add(&l, " %s", s);
                o += 16;
            }
            break;
        }
        case ND_EFO: {
            static const int fl[] = {F_OPT_EFO_M,   F_OPT_EFO_O, F_OPT_EFO_H,
                                     F_OPT_EFO_PRF, F_OPT_EFO_P, F_OPT_EFO_RSV};
            bitmask(p, c, F_OPT_EFO, fl, 6, o, 2);
            o += 2;
            none(p, c, F_OPT_RESERVED, o, 4);
            o += 4;
            break;
        }
        case ND_HKR_REQ:
        case ND_HKR_REP: {
            uint8_t pad = get8(c, o);
            u8(p, c, F_OPT_HKR_PAD_LENGTH, o);
            o += 1;
            bits(p, c, F_OPT_HKR_AT, o, 1);
            bits(p, c, F_OPT_HKR_RESERVED, o, 1);
            o += 1;
            int par_len;
            if (type == ND_HKR_REQ) {
                par_len = (int)opt_len - 4 - pad;
                if (par_len > 0) bytes(p, c, F_OPT_HKR_ENCRYPTION_PUBLIC_KEY, o, (uint32_t)par_len);
            } else {
                u16(p, c, F_OPT_HKR_LIFETIME, o);
                o += 2;
                par_len = (int)opt_len - 6 - pad;
                if (par_len > 0)
                    bytes(p, c, F_OPT_HKR_ENCRYPTED_HANDOVER_KEY, o, (uint32_t)par_len);
            }
            if (par_len > 0) o += (uint32_t)par_len;
            if (pad) bytes(p, c, F_OPT_HKR_PADDING, o, pad);
            o += 1;
            break;
        }
        case ND_HAI:
        case ND_MN: {
            bool hai = type == ND_HAI;
            u8(p, c, hai ? F_OPT_HAI_OPTION_CODE : F_OPT_MN_OPTION_CODE, o);
            o += 1;
            uint8_t vl = get8(c, o);
            u8(p, c, hai ? F_OPT_HAI_LENGTH : F_OPT_MN_LENGTH, o);
            o += 1;
            if (vl) bytes(p, c, hai ? F_OPT_HAI_VALUE : F_OPT_MN_VALUE, o, vl);
            o += vl;
            /* Wireshark computes the padding from the wrong base; none is shown in practice */
            break;
        }
        case ND_DNSSL: {
            none(p, c, F_OPT_RESERVED, o, 2);
            o += 2;
            uint32_t v = get32(c, o);
            int32_t r = u32(p, c, F_OPT_DNSSL_LIFETIME, o);
            special_lifetime(p, r, "Lifetime", v, true, "DNSSL domain name MUST no longer be used");
            o += 4;
            while (o < off + opt_len && !c->err) {
                uint8_t b = get8(c, o);
                if (c->err) break;
                if (b == 0) {
                    none(p, c, F_OPT_PADDING, o, off + opt_len - o);
                    o = off + opt_len;
                    break;
                }
                char raw[1100], name[1100];
                size_t tl;
                uint32_t used = dns_name(c, o, o, raw, sizeof raw, &tl);
                if (c->err) break;
                name_text(name, sizeof name, raw, tl);
                tw_add_strf(p, HF(F_OPT_DNSSL), o, used, "%s", name);
                lbl_add(&l, " %s", raw);
                o += used;
            }
            break;
        }
        case ND_PS:
            none(p, c, F_OPT_RESERVED, o, 2);
            o += 2;
            bytes(p, c, F_OPT_PS_KEY_HASH, o, 16);
            o += 16;
            if (opt_len > 20) none(p, c, F_OPT_DIGITAL_SIGNATURE_PADDING, o, opt_len - 20);
            o += opt_len - 20;
            break;
        case ND_ARO: {
            uint8_t st = get8(c, o);
            u8(p, c, F_OPT_ARO_STATUS, o);
            o += 1;
            none(p, c, F_OPT_RESERVED, o, 3);
            o += 3;
            u16(p, c, F_OPT_ARO_REGISTRATION_LIFETIME, o);
            o += 2;
            if (have(c, o, 8)) {
                const uint8_t *e = c->data + o;
                tw_add_ptr(p, HF(F_OPT_ARO_EUI64), o, 8, e, 8);
                const char *ss = tw_vs_find(sixlowpannd_status_vals, st);
                char sb[24];
                if (!ss) {
                    snprintf(sb, sizeof sb, "Unknown %d", st);
                    ss = sb;
                }
                lbl_add(&l, " : Register %02x:%02x:%02x:%02x:%02x:%02x:%02x:%02x %s", e[0], e[1],
                        e[2], e[3], e[4], e[5], e[6], e[7], ss);
            }
            o += 8;
            break;
        }
        case ND_6CO: {
            static const int fl[] = {F_OPT_6CO_FLAG_C, F_OPT_6CO_FLAG_CID, F_OPT_6CO_FLAG_RESERVED};
            uint8_t clen = get8(c, o);
            u8(p, c, F_OPT_6CO_CONTEXT_LENGTH, o);
            o += 1;
            bitmask(p, c, F_OPT_6CO_FLAG, fl, 3, o, 1);
            o += 1;
            none(p, c, F_OPT_RESERVED, o, 2);
            o += 2;
            u16(p, c, F_OPT_6CO_VALID_LIFETIME, o);
            o += 2;
            if (c->err) break;
            o = opt_prefix6(p, c, F_OPT_6CO_CONTEXT_PREFIX, o, 0, clen, opt_len, &l, r_len);
            break;
        }
        case ND_ABRO: {
            uint16_t lo = get16(c, o), hi = get16(c, o + 2), vl = get16(c, o + 4);
            u16(p, c, F_OPT_ABRO_VERSION_LOW, o);
            u16(p, c, F_OPT_ABRO_VERSION_HIGH, o + 2);
            u16(p, c, F_OPT_ABRO_VALID_LIFETIME, o + 4);
            o += 6;
            addr6(p, c, F_OPT_ABRO_6LBR_ADDRESS, o);
            if (!c->err) {
                fmt6(s, c->data + o);
                lbl_add(&l, " : Version %d.%d, Valid Lifetime : %d, 6LBR : %s", hi, lo, vl, s);
            }
            o += 16;
            break;
        }
        case ND_6CIO:
            bits(p, c, F_OPT_6CIO_UNASSIGNED1, o, 2);
            bits(p, c, F_OPT_6CIO_FLAG_G, o, 2);
            o += 2;
            u32(p, c, F_OPT_6CIO_UNASSIGNED2, o);
            o += 4;
            break;
        case ND_CAPPORT:
            if (opt_len >= 2 && have(c, o, opt_len - 2))
                tw_add_ptr(p, HF(F_OPT_CAPTIVE_PORTAL), o, opt_len - 2, c->data + o, opt_len - 2);
            o += opt_len - 2;
            break;
        case ND_PREF64: {
            static const uint8_t plc_len[6] = {12, 8, 7, 6, 5, 4};
            uint16_t w = get16(c, o);
            bits(p, c, F_OPT_PREF64_SCALED_LIFETIME, o, 2);
            bits(p, c, F_OPT_PREF64_PLC, o, 2);
            o += 2;
            if (c->err) break;
            unsigned plc = w & 7;
            if (plc < 6) {
                uint32_t k = plc_len[plc];
                if (have(c, o, k)) {
                    uint8_t *a = tw_arena_alloc(p->arena, 16);
                    if (a) {
                        memset(a, 0, 16);
                        memcpy(a, c->data + o, k);
                        tw_add_ptr(p, HF(F_OPT_PREF64_PREFIX), o, k, a, 16);
                    }
                }
            } else {
                expert_at(p, r_len, E_INVALID_OPTION_LENGTH, off + 1, 1, NULL);
            }
            o += 12;
            break;
        }
        default: {
            char m[160];
            snprintf(m, sizeof m,
                     "Dissector for ICMPv6 Option (%d) code not implemented, Contact Wireshark "
                     "developers if you want this supported",
                     type);
            expert_at(p, r_opt, E_UNDECODED_OPTION, off, opt_len, m);
            if (opt_len >= 2) bytes(p, c, F_DATA, o, opt_len - 2);
            o += opt_len - 2;
            break;
        }
        }
        if (c->err) {
            if (r_opt >= 0 && tw_want_labels(p)) tw_rec_label(p, r_opt, "%s", l.s);
            tw_tree_pop(p);
            return;
        }
        off += opt_len;
        if (off > o) {
            int32_t r = bytes(p, c, F_UNKNOWN_DATA, o, off - o);
            if (r >= 0 || !c->err) expert_at(p, r, E_UNKNOWN_DATA, o, off - o, NULL);
        }
        lbl_add(&l, ")");
        if (r_opt >= 0 && tw_want_labels(p)) tw_rec_label(p, r_opt, "%s", l.s);
        tw_tree_pop(p);
    }
}

/* ---------------------------------------------------------------------------------------------
 * RPL (RFC 6550 section 6, RFC 6997)
 * ------------------------------------------------------------------------------------------- */
static void rpl_metric(struct tw_pkt *p, struct tw_cur *c, uint32_t *po, uint32_t end,
                       int32_t r_len)
{
    uint32_t o = *po;
    while (o < end && !c->err) {
        static const int mfl[] = {F_RPL_OPT_METRIC_RESERVED, F_RPL_OPT_METRIC_FLAG_P,
                                  F_RPL_OPT_METRIC_FLAG_C,   F_RPL_OPT_METRIC_FLAG_O,
                                  F_RPL_OPT_METRIC_FLAG_R,   F_RPL_OPT_METRIC_FLAG_A,
                                  F_RPL_OPT_METRIC_PREC};
        uint8_t mtype = get8(c, o);
        int32_t r_m = u8(p, c, F_RPL_OPT_METRIC_TYPE, o);
        if (c->err) break;
        tw_tree_push(p, r_m);
        o += 1;
        uint16_t mflags = get16(c, o);
        bitmask(p, c, F_RPL_OPT_METRIC_FLAGS, mfl, 7, o, 2);
        o += 2;
        int mlen = get8(c, o);
        u8(p, c, F_RPL_OPT_METRIC_LENGTH, o);
        tw_rec_setlen(p, r_m, (uint32_t)mlen + 4);
        o += 1;
        if (c->err) {
            tw_tree_pop(p);
            break;
        }
        switch (mtype) {
        case 1: { /* node state and attribute */
            static const int fl[] = {
                F_RPL_OPT_METRIC_NSA_OBJECT_RESERVED, F_RPL_OPT_METRIC_NSA_OBJECT_FLAGS,
                F_RPL_OPT_METRIC_NSA_OBJECT_FLAG_A, F_RPL_OPT_METRIC_NSA_OBJECT_FLAG_O};
            bitmask(p, c, F_RPL_OPT_METRIC_NSA_OBJECT, fl, 4, o, 2);
            o += 2;
            mlen -= 2;
            while (mlen > 0 && !c->err) {
                int32_t r = u8(p, c, F_RPL_OPT_METRIC_NSA_OBJECT_OPTTLV_OBJECT, o);
                tw_tree_push(p, r);
                u8(p, c, F_RPL_OPT_METRIC_NSA_OBJECT_OPTTLV_OBJECT_TYPE, o);
                o += 1;
                mlen -= 1;
                uint8_t tl = get8(c, o);
                u8(p, c, F_RPL_OPT_METRIC_NSA_OBJECT_OPTTLV_OBJECT_LENGTH, o);
                tw_rec_setlen(p, r, tl + 2u);
                o += 1;
                mlen -= 1;
                if (tl) bytes(p, c, F_RPL_OPT_METRIC_NSA_OBJECT_OPTTLV_OBJECT_DATA, o, tl);
                o += tl;
                mlen -= tl;
                tw_tree_pop(p);
            }
            break;
        }
        case 2: { /* node energy */
            static const int fl[] = {
                F_RPL_OPT_METRIC_NE_OBJECT_FLAGS, F_RPL_OPT_METRIC_NE_OBJECT_FLAG_I,
                F_RPL_OPT_METRIC_NE_OBJECT_TYPE, F_RPL_OPT_METRIC_NE_OBJECT_FLAG_E,
                F_RPL_OPT_METRIC_NE_OBJECT_ENERGY};
            for (; mlen > 0 && !c->err; mlen -= 2) {
                bitmask(p, c, F_RPL_OPT_METRIC_NE_OBJECT, fl, 5, o, 2);
                o += 2;
            }
            break;
        }
        case 3: { /* hop count */
            static const int fl[] = {F_RPL_OPT_METRIC_HP_OBJECT_RESERVED,
                                     F_RPL_OPT_METRIC_HP_OBJECT_FLAGS,
                                     F_RPL_OPT_METRIC_HP_OBJECT_HP};
            bitmask(p, c, F_RPL_OPT_METRIC_HP_OBJECT, fl, 3, o, 2);
            o += 2;
            break;
        }
        case 4:
        case 5:
            for (; mlen > 0 && !c->err; mlen -= 4) {
                u32(p, c,
                    mtype == 4 ? F_RPL_OPT_METRIC_LT_OBJECT_LT : F_RPL_OPT_METRIC_LL_OBJECT_LL, o);
                o += 4;
            }
            break;
        case 6: { /* link quality level */
            static const int fl[] = {F_RPL_OPT_METRIC_LQL_OBJECT_VAL,
                                     F_RPL_OPT_METRIC_LQL_OBJECT_COUNTER};
            u8(p, c, F_RPL_OPT_METRIC_LQL_OBJECT_RES, o);
            o += 1;
            mlen -= 1;
            for (; mlen > 0 && !c->err; mlen -= 1) {
                bitmask(p, c, F_RPL_OPT_METRIC_LQL_OBJECT, fl, 2, o, 1);
                o += 1;
            }
            break;
        }
        case 7:
            for (; mlen > 0 && !c->err; mlen -= 2) {
                u16(p, c, F_RPL_OPT_METRIC_ETX_OBJECT_ETX, o);
                o += 2;
            }
            break;
        case 8: /* link color */
            u8(p, c, F_RPL_OPT_METRIC_LC_OBJECT_RES, o);
            o += 1;
            mlen -= 1;
            for (; mlen > 0 && !c->err; mlen -= 2) {
                int32_t r = none(p, c, F_RPL_OPT_METRIC_LC_OBJECT, o, 2);
                tw_tree_push(p, r);
                bits(p, c, F_RPL_OPT_METRIC_LC_OBJECT_LC, o, 2);
                if (mflags & 0x0200) {
                    bits(p, c, F_RPL_OPT_METRIC_LC_OBJECT_RESERVED, o, 2);
                    bits(p, c, F_RPL_OPT_METRIC_LC_OBJECT_FLAG_I, o, 2);
                } else if (mflags & 0x0080) {
                    bits(p, c, F_RPL_OPT_METRIC_LC_OBJECT_COUNTER, o, 2);
                } else {
                    expert_at(p, r, E_RPL_UNKNOWN_METRIC, o, 2, NULL);
                }
                tw_tree_pop(p);
                o += 2;
            }
            break;
        default:
            expert_at(p, r_len, E_RPL_UNKNOWN_METRIC, o, 0, NULL);
            break;
        }
        tw_tree_pop(p);
    }
    *po = o;
}

static void dissect_rpl_opts(struct tw_pkt *p, struct tw_cur *c, uint32_t off, uint32_t end,
                             uint8_t code)
{
    while (end > off && !c->err) {
        int32_t r_opt = none(p, c, F_OPT, off, 1);
        if (c->err) return;
        tw_tree_push(p, r_opt);
        uint32_t o = off;
        uint8_t type = get8(c, o);
        u8(p, c, F_RPL_OPT_TYPE, o);
        o += 1;
        struct lbl l = {.n = 0};
        const char *tn = tw_vs_find(rpl_option_vals, type);
        if (tn)
            lbl_add(&l, "ICMPv6 RPL Option (%s", tn);
        else
            lbl_add(&l, "ICMPv6 RPL Option (Unknown %d", type);
        if (type == 0) {
            off += 1;
            lbl_add(&l, ")");
            if (r_opt >= 0 && tw_want_labels(p)) tw_rec_label(p, r_opt, "%s", l.s);
            tw_tree_pop(p);
            continue;
        }
        uint8_t opt_len = get8(c, o);
        int32_t r_len = u8(p, c, F_RPL_OPT_LENGTH, o);
        tw_rec_setlen(p, r_opt, opt_len + 2u);
        o += 1;
        if (c->err) {
            tw_tree_pop(p);
            return;
        }
        char s[48];
        switch (type) {
        case 1: {
            int32_t r = none(p, c, F_RPL_OPT_PADN, o, opt_len);
            label_append(p, r, "Paddn (Length : %i bytes)", opt_len);
            o += opt_len;
            break;
        }
        case 2:
            rpl_metric(p, c, &o, off + 2u + opt_len, r_len);
            break;
        case 3: {
            static const int fl[] = {F_RPL_OPT_ROUTE_PREF, F_RPL_OPT_ROUTE_RESERVED};
            uint8_t plen = get8(c, o);
            u8(p, c, F_RPL_OPT_ROUTE_PREFIX_LENGTH, o);
            o += 1;
            bitmask(p, c, F_RPL_OPT_ROUTE_FLAG, fl, 2, o, 1);
            o += 1;
            uint32_t v = get32(c, o);
            int32_t r = u32(p, c, F_RPL_OPT_ROUTE_LIFETIME, o);
            special_lifetime(p, r, "Route Lifetime", v, false, NULL);
            o += 4;
            if (c->err) break;
            if (opt_len == 6) {
                lbl_add(&l, " ::/%d", plen);
            } else if (opt_len == 14 || opt_len == 22) {
                uint32_t k = opt_len == 14 ? 8 : 16;
                if (!have(c, o, k)) break;
                uint8_t *a = tw_arena_alloc(p->arena, 16);
                if (a) {
                    memset(a, 0, 16);
                    memcpy(a, c->data + o, k);
                    tw_add_ptr(p, HF(F_RPL_OPT_ROUTE_PREFIX), o, k, a, 16);
                    fmt6(s, a);
                    lbl_add(&l, " %s/%d", s, plen);
                }
                o += k;
            } else {
                expert_at(p, r_len, E_INVALID_OPTION_LENGTH, off + 1, 1, NULL);
            }
            break;
        }
        case 4: {
            static const int fl[] = {F_RPL_OPT_CONFIG_RESERVED, F_RPL_OPT_CONFIG_AUTH,
                                     F_RPL_OPT_CONFIG_PCS};
            bitmask(p, c, F_RPL_OPT_CONFIG_FLAG, fl, 3, o, 1);
            o += 1;
            u8(p, c, F_RPL_OPT_CONFIG_INTERVAL_DOUBLE, o);
            o += 1;
            u8(p, c, F_RPL_OPT_CONFIG_INTERVAL_MIN, o); /* one byte, as Wireshark reads it */
            o += 1;
            u8(p, c, F_RPL_OPT_CONFIG_REDUNDANCY, o);
            o += 1;
            u16(p, c, F_RPL_OPT_CONFIG_MAX_RANK_INC, o);
            o += 2;
            u16(p, c, F_RPL_OPT_CONFIG_MIN_HOP_RANK_INC, o);
            o += 2;
            u16(p, c, F_RPL_OPT_CONFIG_OCP, o);
            o += 2;
            u8(p, c, F_RPL_OPT_CONFIG_RSV, o);
            o += 1;
            u8(p, c, F_RPL_OPT_CONFIG_DEF_LIFETIME, o);
            o += 1;
            u16(p, c, F_RPL_OPT_CONFIG_LIFETIME_UNIT, o);
            o += 2;
            break;
        }
        case 5: {
            none(p, c, F_RPL_OPT_TARGET_FLAG, o, 1);
            o += 1;
            uint8_t plen = get8(c, o);
            u8(p, c, F_RPL_OPT_TARGET_PREFIX_LENGTH, o);
            o += 1;
            if (c->err) break;
            if (opt_len == 2) {
                lbl_add(&l, " ::/%d", plen);
            } else if (opt_len == 10 || opt_len == 18) {
                uint32_t k = opt_len == 10 ? 8 : 16;
                if (!have(c, o, k)) break;
                uint8_t *a = tw_arena_alloc(p->arena, 16);
                if (a) {
                    memset(a, 0, 16);
                    memcpy(a, c->data + o, k);
                    tw_add_ptr(p, HF(F_RPL_OPT_TARGET_PREFIX), o, k, a, 16);
                    fmt6(s, a);
                    lbl_add(&l, " %s/%d", s, plen);
                }
                o += k;
            } else {
                expert_at(p, r_len, E_INVALID_OPTION_LENGTH, off + 1, 1, NULL);
            }
            break;
        }
        case 6: {
            static const int fl[] = {F_RPL_OPT_TRANSIT_FLAG_E, F_RPL_OPT_TRANSIT_FLAG_RSV};
            bitmask(p, c, F_RPL_OPT_TRANSIT_FLAG, fl, 2, o, 1);
            o += 1;
            u8(p, c, F_RPL_OPT_TRANSIT_PATHCTL, o);
            o += 1;
            u8(p, c, F_RPL_OPT_TRANSIT_PATHSEQ, o);
            o += 1;
            u8(p, c, F_RPL_OPT_TRANSIT_PATHLIFETIME, o);
            o += 1;
            if (opt_len > 4) {
                addr6(p, c, F_RPL_OPT_TRANSIT_PARENT, o);
                if (!c->err) {
                    fmt6(s, c->data + o);
                    lbl_add(&l, " %s", s);
                }
                o += 16;
            }
            break;
        }
        case 7: {
            static const int fl[] = {F_RPL_OPT_SOLICITED_FLAG_V, F_RPL_OPT_SOLICITED_FLAG_I,
                                     F_RPL_OPT_SOLICITED_FLAG_D, F_RPL_OPT_SOLICITED_FLAG_RSV};
            u8(p, c, F_RPL_OPT_SOLICITED_INSTANCE, o);
            o += 1;
            bitmask(p, c, F_RPL_OPT_SOLICITED_FLAG, fl, 4, o, 1);
            o += 1;
            addr6(p, c, F_RPL_OPT_SOLICITED_DODAGID, o);
            o += 16;
            u8(p, c, F_RPL_OPT_SOLICITED_VERSION, o);
            o += 1;
            break;
        }
        case 8: {
            static const int fl[] = {F_RPL_OPT_PREFIX_FLAG_L, F_RPL_OPT_CONFIG_FLAG_A,
                                     F_RPL_OPT_CONFIG_FLAG_R, F_RPL_OPT_CONFIG_FLAG_RSV};
            uint8_t plen = get8(c, o);
            u8(p, c, F_RPL_OPT_PREFIX_LENGTH, o);
            o += 1;
            bitmask(p, c, F_RPL_OPT_PREFIX_FLAG, fl, 4, o, 1);
            o += 1;
            uint32_t v = get32(c, o);
            int32_t r = u32(p, c, F_RPL_OPT_PREFIX_VALID_LIFETIME, o);
            special_lifetime(p, r, "Valid Lifetime", v, false, NULL);
            o += 4;
            v = get32(c, o);
            r = u32(p, c, F_RPL_OPT_PREFIX_PREFERRED_LIFETIME, o);
            special_lifetime(p, r, "Preferred Lifetime", v, false, NULL);
            o += 4;
            none(p, c, F_RPL_OPT_RESERVED, o, 4);
            o += 4;
            addr6(p, c, F_RPL_OPT_PREFIX, o);
            if (!c->err) {
                fmt6(s, c->data + o);
                lbl_add(&l, " %s/%d", s, plen);
            }
            o += 16;
            break;
        }
        case 9:
            u32(p, c, F_RPL_OPT_TARGETDESC_DESCRIPTOR, o);
            o += 4;
            break;
        default: {
            /* the P2P route discovery option (10) and unknown ones */
            char m[160];
            snprintf(m, sizeof m,
                     "Dissector for ICMPv6 RPL Option (%d) code not implemented, Contact "
                     "Wireshark developers if you want this supported",
                     type);
            if (type == 10) {
                /* flags, lifetime/maxrank/nh, target address; the address vector follows */
                uint8_t fl = get8(c, o);
                int32_t rf = none(p, c, F_RPL_OPT_ROUTEDISCOVERY_FLAG, o, 1);
                tw_tree_push(p, rf);
                bits(p, c, F_RPL_OPT_ROUTEDISCOVERY_FLAG_REPLY, o, 1);
                bits(p, c, F_RPL_OPT_ROUTEDISCOVERY_FLAG_HOPBYHOP, o, 1);
                bits(p, c, F_RPL_OPT_ROUTEDISCOVERY_FLAG_NUMOFROUTES, o, 1);
                bits(p, c, F_RPL_OPT_ROUTEDISCOVERY_FLAG_COMPR, o, 1);
                tw_tree_pop(p);
                o += 1;
                bits(p, c, F_RPL_OPT_ROUTEDISCOVERY_LIFETIME, o, 1);
                if (code == 0x04 || code == 0x84)
                    bits(p, c, F_RPL_OPT_ROUTEDISCOVERY_NH, o, 1);
                else
                    bits(p, c, F_RPL_OPT_ROUTEDISCOVERY_MAXRANK, o, 1);
                o += 1;
                addr6(p, c, F_RPL_OPT_ROUTEDISCOVERY_TARGETADDR, o);
                o += 16;
                unsigned compr = fl & 0x0f, alen = 16 - compr;
                int n = ((int)opt_len - 18) / (int)alen;
                if (opt_len >= 18) {
                    int32_t rv = none(p, c, F_RPL_OPT_ROUTEDISCOVERY_ADDR_VEC, o, opt_len - 18u);
                    tw_tree_push(p, rv);
                    while (n-- > 0 && !c->err) {
                        if (!have(c, o, alen)) break;
                        uint8_t *a = tw_arena_alloc(p->arena, 16);
                        if (!a) break;
                        memset(a, 0, 16);
                        memcpy(a + compr, c->data + o, alen);
                        tw_add_ptr(p, HF(F_RPL_OPT_ROUTEDISCOVERY_ADDRVEC_ADDR), o, alen, a, 16);
                        o += alen;
                    }
                    tw_tree_pop(p);
                }
                break;
            }
            expert_at(p, r_opt, E_UNDECODED_RPL_OPTION, off, opt_len + 2u, m);
            bytes(p, c, F_DATA, o, opt_len);
            o += opt_len;
            break;
        }
        }
        if (c->err) {
            if (r_opt >= 0 && tw_want_labels(p)) tw_rec_label(p, r_opt, "%s", l.s);
            tw_tree_pop(p);
            return;
        }
        off += opt_len + 2u;
        if (off > o) {
            int32_t r = bytes(p, c, F_UNKNOWN_DATA, o, off - o);
            if (!c->err) expert_at(p, r, E_UNKNOWN_DATA, o, off - o, NULL);
        }
        lbl_add(&l, ")");
        if (r_opt >= 0 && tw_want_labels(p)) tw_rec_label(p, r_opt, "%s", l.s);
        tw_tree_pop(p);
    }
}

static uint32_t dissect_rpl(struct tw_pkt *p, struct tw_cur *c, uint32_t o, uint32_t end,
                            uint8_t code)
{
    if (code & 0x80) { /* secure RPL */
        static const int fl1[] = {F_RPL_SECURE_FLAG_T, F_RPL_SECURE_FLAG_RSV};
        static const int fl2[] = {F_RPL_SECURE_KIM, F_RPL_SECURE_LVL, F_RPL_SECURE_RSV};
        bitmask(p, c, F_RPL_SECURE_FLAG, fl1, 2, o, 1);
        o += 1;
        u8(p, c, F_RPL_SECURE_ALGORITHM, o);
        o += 1;
        uint8_t b = get8(c, o);
        bitmask(p, c, F_RPL_SECURE_FLAG, fl2, 3, o, 1);
        /* Wireshark's precedence: b & (0xc0 >> 6) */
        uint8_t kim = b & (0xc0 >> 6), lvl = b & 0x07;
        o += 1;
        u8(p, c, F_RPL_SECURE_FLAG, o);
        o += 1;
        u32(p, c, F_RPL_SECURE_COUNTER, o);
        o += 4;
        if (kim == 0) {
            u8(p, c, F_RPL_SECURE_KEY_INDEX, o);
            o += 1;
        } else if (kim == 2 || (kim == 3 && (lvl == 1 || lvl == 3))) {
            bytes(p, c, F_RPL_SECURE_KEY_SOURCE, o, 8);
            o += 8;
            u8(p, c, F_RPL_SECURE_KEY_INDEX, o);
            o += 1;
        }
    }
    switch (code) {
    case 0x00:
    case 0x80:
        u8(p, c, F_RPL_DIS_FLAGS, o);
        o += 1;
        bytes(p, c, F_RESERVED, o, 1);
        o += 1;
        dissect_rpl_opts(p, c, o, end, code);
        return end;
    case 0x01:
    case 0x81: {
        static const int fl[] = {F_RPL_DIO_FLAG_G, F_RPL_DIO_FLAG_0, F_RPL_DIO_FLAG_MOP,
                                 F_RPL_DIO_FLAG_PREFERENCE};
        u8(p, c, F_RPL_DIO_INSTANCE, o);
        u8(p, c, F_RPL_DIO_VERSION, o + 1);
        u16(p, c, F_RPL_DIO_RANK, o + 2);
        o += 4;
        bitmask(p, c, F_RPL_DIO_FLAG, fl, 4, o, 1);
        o += 1;
        u8(p, c, F_RPL_DIO_DTSN, o);
        o += 1;
        u8(p, c, F_RPL_DIO_FLAG, o);
        o += 1;
        bytes(p, c, F_RESERVED, o, 1);
        o += 1;
        addr6(p, c, F_RPL_DIO_DAGID, o);
        o += 16;
        dissect_rpl_opts(p, c, o, end, code);
        return end;
    }
    case 0x02:
    case 0x82: {
        static const int fl[] = {F_RPL_DAO_FLAG_K, F_RPL_DAO_FLAG_D, F_RPL_DAO_FLAG_RSV};
        u8(p, c, F_RPL_DAO_INSTANCE, o);
        o += 1;
        uint8_t f = get8(c, o);
        bitmask(p, c, F_RPL_DAO_FLAG, fl, 3, o, 1);
        o += 1;
        bytes(p, c, F_RESERVED, o, 1);
        o += 1;
        u8(p, c, F_RPL_DAO_SEQUENCE, o);
        o += 1;
        if (f & 0x40) {
            addr6(p, c, F_RPL_DAO_DODAGID, o);
            o += 16;
        }
        dissect_rpl_opts(p, c, o, end, code);
        return end;
    }
    case 0x03:
    case 0x83: {
        static const int fl[] = {F_RPL_DAOACK_FLAG_D, F_RPL_DAOACK_FLAG_RSV};
        u8(p, c, F_RPL_DAOACK_INSTANCE, o);
        o += 1;
        uint8_t f = get8(c, o);
        bitmask(p, c, F_RPL_DAOACK_FLAG, fl, 2, o, 1);
        o += 1;
        u8(p, c, F_RPL_DAOACK_SEQUENCE, o);
        o += 1;
        u8(p, c, F_RPL_DAOACK_STATUS, o);
        o += 1;
        if (f & 0x80) {
            addr6(p, c, F_RPL_DAOACK_DODAGID, o);
            o += 16;
        }
        dissect_rpl_opts(p, c, o, end, code);
        return end;
    }
    case 0x8a: {
        static const int fl[] = {F_RPL_CC_FLAG_R, F_RPL_CC_FLAG_RSV};
        u8(p, c, F_RPL_CC_INSTANCE, o);
        o += 1;
        bitmask(p, c, F_RPL_CC_FLAG, fl, 2, o, 1);
        o += 1;
        u16(p, c, F_RPL_CC_NONCE, o);
        o += 2;
        addr6(p, c, F_RPL_CC_DODAGID, o);
        o += 16;
        u32(p, c, F_RPL_CC_DESTINATION_COUNTER, o);
        o += 4;
        dissect_rpl_opts(p, c, o, end, code);
        return end;
    }
    case 0x04:
    case 0x84:
    case 0x05:
    case 0x85: {
        bool dro = (code & 0x7f) == 0x04;
        static const int fl[] = {F_RPL_P2P_DRO_FLAG_STOP, F_RPL_P2P_DRO_FLAG_ACK,
                                 F_RPL_P2P_DRO_FLAG_SEQ, F_RPL_P2P_DRO_FLAG_RESERVED};
        static const int fla[] = {F_RPL_P2P_DROACK_FLAG_SEQ, F_RPL_P2P_DROACK_FLAG_RESERVED};
        u8(p, c, F_RPL_P2P_DRO_INSTANCE, o);
        o += 1;
        uint8_t ver = get8(c, o);
        int32_t r = u8(p, c, F_RPL_P2P_DRO_VERSION, o);
        if (!c->err && ver) expert_at(p, r, E_RPL_P2P_DRO_ZERO, o, 1, NULL);
        o += 1;
        if (dro)
            bitmask(p, c, F_RPL_P2P_DRO_FLAG, fl, 4, o, 2);
        else
            bitmask(p, c, F_RPL_P2P_DROACK_FLAG, fla, 2, o, 2);
        o += 2;
        addr6(p, c, F_RPL_P2P_DRO_DAGID, o);
        o += 16;
        if (dro) {
            dissect_rpl_opts(p, c, o, end, code);
            return end;
        }
        return o;
    }
    default:
        return o;
    }
}

/* ---------------------------------------------------------------------------------------------
 * Other message bodies
 * ------------------------------------------------------------------------------------------- */
static uint32_t dissect_nodeinfo(struct tw_pkt *p, struct tw_cur *c, uint32_t o, uint32_t end,
                                 uint8_t type, uint8_t code)
{
    static const int fl[] = {F_NI_FLAG_G, F_NI_FLAG_S, F_NI_FLAG_L,  F_NI_FLAG_C,
                             F_NI_FLAG_A, F_NI_FLAG_T, F_NI_FLAG_RSV};
    uint16_t qtype = get16(c, o);
    u16(p, c, F_NI_QTYPE, o);
    o += 2;
    bitmask(p, c, F_NI_FLAG, fl, 7, o, 2);
    o += 2;
    uint64_t nonce = get64(c, o);
    if (!c->err) tw_add_uint(p, HF(F_NI_NONCE), o, 8, nonce);
    o += 8;
    if (c->err || o >= end) return o;
    char raw[1100], name[1100];
    if (type == T_NI_QUERY) {
        switch (code) {
        case 0:
            addr6(p, c, F_NI_QUERY_SUBJECT_IPV6, o);
            o += 16;
            break;
        case 1: {
            size_t tl;
                uint32_t used = dns_name(c, o, o, raw, sizeof raw, &tl);
            name_text(name, sizeof name, raw, tl);
            if (!c->err) tw_add_strf(p, HF(F_NI_QUERY_SUBJECT_FQDN), o, used, "%s", name);
            o += used;
            break;
        }
        case 2:
            if (have(c, o, 4)) tw_add_bytes(p, HF(F_NI_QUERY_SUBJECT_IPV4), c, o, 4);
            o += 4;
            break;
        default:
            break;
        }
        return o;
    }
    switch (qtype) {
    case 2: /* node name */
        u32(p, c, F_NI_REPLY_NODE_TTL, o);
        o += 4;
        while (o < end && !c->err) {
            uint8_t b = get8(c, o);
            if (c->err || b == 0) break;
            size_t tl;
                uint32_t used = dns_name(c, o, o, raw, sizeof raw, &tl);
            if (c->err) break;
            name_text(name, sizeof name, raw, tl);
            tw_add_strf(p, HF(F_NI_REPLY_NODE_NAME), o, used, "%s", name);
            o += used;
        }
        break;
    case 3: /* node addresses */
        while (o < end && !c->err) {
            u32(p, c, F_NI_REPLY_NODE_TTL, o);
            o += 4;
            addr6(p, c, F_NI_REPLY_NODE_ADDRESS, o);
            o += 16;
        }
        break;
    case 4: /* IPv4 addresses */
        while (o < end && !c->err) {
            u32(p, c, F_NI_REPLY_NODE_TTL, o);
            o += 4;
            if (have(c, o, 4)) tw_add_bytes(p, HF(F_NI_REPLY_IPV4_ADDRESS), c, o, 4);
            o += 4;
        }
        break;
    default:
        break;
    }
    return o;
}

static uint32_t dissect_rrenum(struct tw_pkt *p, struct tw_cur *c, uint32_t o, uint32_t end,
                               uint8_t code)
{
    static const int fl[] = {F_RR_FLAG_T, F_RR_FLAG_R, F_RR_FLAG_A,
                             F_RR_FLAG_S, F_RR_FLAG_P, F_RR_FLAG_RSV};
    u32(p, c, F_RR_SEQUENCE_NUMBER, o);
    o += 4;
    u8(p, c, F_RR_SEGMENT_NUMBER, o);
    o += 1;
    bitmask(p, c, F_RR_FLAG, fl, 6, o, 1);
    o += 1;
    u16(p, c, F_RR_MAXDELAY, o);
    o += 2;
    bytes(p, c, F_RESERVED, o, 4);
    o += 4;
    if (c->err || o >= end) return o;
    char s[48];
    if (code == 0) {
        int32_t r_mp = none(p, c, F_RR_PCO_MP, o, 24);
        tw_tree_push(p, r_mp);
        uint8_t opcode = get8(c, o);
        u8(p, c, F_RR_PCO_MP_OPCODE, o);
        u8(p, c, F_RR_PCO_MP_OPLENGTH, o + 1);
        u8(p, c, F_RR_PCO_MP_ORDINAL, o + 2);
        uint8_t matchlen = get8(c, o + 3);
        int32_t r = u8(p, c, F_RR_PCO_MP_MATCHLEN, o + 3);
        if (!c->err && matchlen > 128) expert_at(p, r, E_RR_MATCHLEN, o + 3, 1, NULL);
        uint8_t minlen = get8(c, o + 4), maxlen = get8(c, o + 5);
        u8(p, c, F_RR_PCO_MP_MINLEN, o + 4);
        u8(p, c, F_RR_PCO_MP_MAXLEN, o + 5);
        bytes(p, c, F_RESERVED, o + 6, 2);
        o += 8;
        addr6(p, c, F_RR_PCO_MP_MATCHPREFIX, o);
        if (!c->err && r_mp >= 0 && tw_want_labels(p)) {
            fmt6(s, c->data + o);
            const char *op = tw_vs_find(rr_opcode_vals, opcode);
            char ob[24];
            if (!op) {
                snprintf(ob, sizeof ob, "Unknown %d", opcode);
                op = ob;
            }
            tw_rec_label(p, r_mp, "Match-Prefix Part: %s %s/%u (%u-%u)", op, s, matchlen, minlen,
                         maxlen);
        }
        o += 16;
        tw_tree_pop(p);
        while (end > o && !c->err) {
            static const int mfl[] = {F_RR_PCO_UP_FLAGMASK_L, F_RR_PCO_UP_FLAGMASK_A,
                                      F_RR_PCO_UP_FLAGMASK_RESERVED};
            static const int ufl[] = {F_RR_PCO_UP_FLAG_V, F_RR_PCO_UP_FLAG_P,
                                      F_RR_PCO_UP_FLAG_RESERVED};
            int32_t r_up = none(p, c, F_RR_PCO_UP, o, 32);
            tw_tree_push(p, r_up);
            uint8_t uselen = get8(c, o), keeplen = get8(c, o + 1);
            u8(p, c, F_RR_PCO_UP_USELEN, o);
            u8(p, c, F_RR_PCO_UP_KEEPLEN, o + 1);
            o += 2;
            bitmask(p, c, F_RR_PCO_UP_FLAGMASK, mfl, 3, o, 1);
            o += 1;
            /* the RA flags use the flag mask's sub-fields in Wireshark */
            bitmask(p, c, F_RR_PCO_UP_RAFLAGS, mfl, 3, o, 1);
            o += 1;
            uint32_t v = get32(c, o);
            r = u32(p, c, F_RR_PCO_UP_VALIDLIFETIME, o);
            special_lifetime(p, r, "Valid Lifetime", v, false, NULL);
            o += 4;
            v = get32(c, o);
            r = u32(p, c, F_RR_PCO_UP_PREFERREDLIFETIME, o);
            special_lifetime(p, r, "Preferred Lifetime", v, false, NULL);
            o += 4;
            bitmask(p, c, F_RR_PCO_UP_FLAG, ufl, 3, o, 4);
            o += 4;
            addr6(p, c, F_RR_PCO_UP_USEPREFIX, o);
            if (!c->err && r_up >= 0 && tw_want_labels(p)) {
                fmt6(s, c->data + o);
                tw_rec_label(p, r_up, "Use-Prefix Part: %s/%u (keep %u)", s, uselen, keeplen);
            }
            o += 16;
            tw_tree_pop(p);
        }
    } else if (code == 1) {
        while (end > o && !c->err) {
            static const int fl2[] = {F_RR_RM_FLAG_RESERVED, F_RR_RM_FLAG_B, F_RR_RM_FLAG_F};
            int32_t r_rm = none(p, c, F_RR_RM, o, 24);
            tw_tree_push(p, r_rm);
            bitmask(p, c, F_RR_RM_FLAG, fl2, 3, o, 2);
            o += 2;
            u8(p, c, F_RR_RM_ORDINAL, o);
            o += 1;
            uint8_t ml = get8(c, o);
            int32_t r = u8(p, c, F_RR_RM_MATCHEDLEN, o);
            if (!c->err && ml > 128) expert_at(p, r, E_RR_MATCHEDLEN, o, 1, NULL);
            o += 1;
            uint32_t ifx = get32(c, o);
            u32(p, c, F_RR_RM_INTERFACEINDEX, o);
            o += 4;
            addr6(p, c, F_RR_RM_MATCHEDPREFIX, o);
            if (!c->err && r_rm >= 0 && tw_want_labels(p)) {
                fmt6(s, c->data + o);
                tw_rec_label(p, r_rm, "Result Message: %s/%u (interface %u)", s, ml, ifx);
            }
            o += 16;
            tw_tree_pop(p);
        }
    }
    return o;
}

static uint32_t dissect_mldv2_report(struct tw_pkt *p, struct tw_cur *c, uint32_t o, uint32_t end)
{
    bytes(p, c, F_RESERVED, o, 2);
    o += 2;
    u16(p, c, F_MLDR_NB_MCAST_RECORDS, o);
    o += 2;
    while (o < end && !c->err) {
        int32_t r_mar = none(p, c, F_MLDR_MAR, o, end - o);
        if (c->err) break;
        tw_tree_push(p, r_mar);
        uint8_t rt = get8(c, o);
        u8(p, c, F_MLDR_MAR_RECORD_TYPE, o);
        o += 1;
        uint8_t aux = get8(c, o);
        u8(p, c, F_MLDR_MAR_AUX_DATA_LEN, o);
        o += 1;
        uint16_t ns = get16(c, o);
        u16(p, c, F_MLDR_MAR_NB_SOURCES, o);
        o += 2;
        addr6(p, c, F_MLDR_MAR_MULTICAST_ADDRESS, o);
        if (c->err) {
            tw_tree_pop(p);
            break;
        }
        if (r_mar >= 0 && tw_want_labels(p)) {
            char s[48], rb[40];
            fmt6(s, c->data + o);
            const char *rs = tw_vs_find(mldr_mar_record_type_vals, rt);
            if (!rs) {
                snprintf(rb, sizeof rb, "Unknown Record Type (%d)", rt);
                rs = rb;
            }
            tw_rec_label(p, r_mar, "Multicast Address Record %s: %s", rs, s);
        }
        o += 16;
        for (unsigned i = 0; i < ns && !c->err; i++) {
            addr6(p, c, F_MLDR_MAR_SOURCE_ADDRESS, o);
            o += 16;
        }
        if (aux && !c->err) {
            bytes(p, c, F_MLDR_MAR_AUXILIARY_DATA, o, aux * 4u);
            o += aux * 4u;
        }
        tw_rec_setlen(p, r_mar, 4 + 16 + 16u * ns + aux * 4u);
        tw_tree_pop(p);
    }
    return o;
}

static uint32_t dissect_mpl(struct tw_pkt *p, struct tw_cur *c, uint32_t o, uint32_t end,
                            uint8_t code)
{
    static const uint8_t id_len_of[4] = {0, 2, 8, 16};
    if (code != 0) {
        int32_t r = bytes(p, c, F_UNKNOWN_DATA, o, 1);
        if (!c->err) expert_at(p, r, E_UNKNOWN_DATA, o, 1, "Code must be 0");
        return o;
    }
    uint32_t cap_end = TW_MIN(end, c->cap);
    int remaining = (int)cap_end - (int)o;
    unsigned idx = 0;
    while (remaining >= 2 && !c->err) {
        idx++;
        int32_t st = tw_add_text(p, o, 2, "MPL Seed Info: [%u]", idx);
        tw_tree_push(p, st);
        uint8_t minseq = get8(c, o);
        u8(p, c, F_MPL_SEED_INFO_MIN_SEQUENCE, o);
        o += 1;
        uint8_t b = get8(c, o);
        uint8_t bm_len = b >> 2, sc = b & 3;
        bits(p, c, F_MPL_SEED_INFO_BM_LEN, o, 1);
        bits(p, c, F_MPL_SEED_INFO_S, o, 1);
        o += 1;
        uint32_t idl = id_len_of[sc];
        if (remaining - 2 < (int)idl) {
            int32_t r = bytes(p, c, F_UNKNOWN_DATA, o, (uint32_t)(remaining - 2));
            char m[120];
            snprintf(m, sizeof m, "Remaining data, %u bytes, is too short for Seed ID of %u bytes",
                     remaining - 2, idl);
            if (!c->err) expert_at(p, r, E_UNKNOWN_DATA, o, (uint32_t)(remaining - 2), m);
            tw_tree_pop(p);
            return o;
        }
        char sid[48];
        sid[0] = 0;
        if (sc == 0 && p->net_src.type == TW_AT_IPv6)
            tw_fmt_ipv6(sid, p->net_src.p);
        else if (sc == 1)
            snprintf(sid, sizeof sid, "%04x", get16(c, o));
        else if (sc == 2 && have(c, o, 8))
            snprintf(sid, sizeof sid, "%02x:%02x:%02x:%02x:%02x:%02x:%02x:%02x", c->data[o],
                     c->data[o + 1], c->data[o + 2], c->data[o + 3], c->data[o + 4], c->data[o + 5],
                     c->data[o + 6], c->data[o + 7]);
        else if (sc == 3 && have(c, o, 16))
            tw_fmt_ipv6(sid, c->data + o);
        if (c->err) {
            tw_tree_pop(p);
            return o;
        }
        tw_add_strf(p, HF(F_MPL_SEED_INFO_SEED_ID), o, idl, "%s", sid);
        o += idl;
        if (remaining - 2 - (int)idl < bm_len) {
            uint32_t n = (uint32_t)(remaining - 2 - (int)idl);
            int32_t r = bytes(p, c, F_UNKNOWN_DATA, o, n);
            char m[120];
            snprintf(m, sizeof m,
                     "Remaining data, %u bytes, is too short for Buffered Messages of %u bytes", n,
                     bm_len);
            if (!c->err) expert_at(p, r, E_UNKNOWN_DATA, o, n, m);
            tw_tree_pop(p);
            return o;
        }
        if (bm_len) {
            int32_t bt = tw_add_text(p, o, bm_len, "Buffered Messages");
            tw_tree_push(p, bt);
            for (unsigned i = 0; i < bm_len && !c->err; i++) {
                uint8_t m = get8(c, o + i);
                for (unsigned j = 0; j < 8; j++)
                    if (m & (0x80 >> j))
                        tw_add_uint(p, HF(F_MPL_SEED_INFO_SEQUENCE), o + i, 1,
                                    (minseq + 8 * i + j) % 0x100);
            }
            tw_tree_pop(p);
        }
        o += bm_len;
        tw_tree_pop(p);
        remaining = (int)cap_end - (int)o;
    }
    return o;
}

/* ---------------------------------------------------------------------------------------------
 * ICMPv6
 * ------------------------------------------------------------------------------------------- */
static const char *code_name(uint8_t type, uint8_t code, char *buf, size_t n)
{
    const struct tw_vs *vs = NULL;
    switch (type) {
    case T_DST_UNREACH: {
        const char *s = tw_vs_find(unreach_code_vals, code);
        return s ? s : "Unknown";
    }
    case T_TIME_EXCEEDED:
        vs = timeex_code_vals;
        break;
    case T_PARAM_PROB:
        vs = paramprob_code_vals;
        break;
    case T_RR:
        vs = rr_code_vals;
        break;
    case T_NI_QUERY:
        vs = ni_query_code_vals;
        break;
    case T_NI_REPLY:
        vs = ni_reply_code_vals;
        break;
    case T_RPL:
        vs = rpl_code_vals;
        break;
    case T_EXTECHO:
        vs = ext_echo_req_code_vals;
        break;
    case T_EXTECHOREPLY:
        vs = ext_echo_reply_code_vals;
        break;
    default:
        return NULL;
    }
    const char *s = tw_vs_find(vs, code);
    if (s) return s;
    snprintf(buf, n, "Unknown (%d)", code);
    return buf;
}

/* one's complement sum of the pseudo-header and the message */
static bool checksum_of(const struct tw_pkt *p, const struct tw_cur *c, uint32_t start,
                        uint32_t len, uint16_t *out)
{
    const uint8_t *src = p->ctx.ip6_home_addr, *dst = p->ctx.ip6_final_dst;
    uint32_t slen = 16, dlen = 16;
    if (!src) {
        if (!p->ctx.ip_src.p) return false;
        src = p->ctx.ip_src.p;
        slen = p->ctx.ip_src.len;
    }
    if (!dst) {
        if (!p->ctx.ip_dst.p) return false;
        dst = p->ctx.ip_dst.p;
        dlen = p->ctx.ip_dst.len;
    }
    uint8_t ph[8] = {
        (uint8_t)(len >> 24), (uint8_t)(len >> 16), (uint8_t)(len >> 8), (uint8_t)len, 0, 0, 0, 58};
    uint32_t sum = tw_cksum_add(0, src, slen);
    sum = tw_cksum_add(sum, dst, dlen);
    sum = tw_cksum_add(sum, ph, sizeof ph);
    sum = tw_cksum_add(sum, c->data + start, len);
    *out = tw_cksum_fold(sum);
    return true;
}

static enum tw_status dissect(struct tw_pkt *p, struct tw_cur *c)
{
    uint32_t start = c->off;
    uint32_t reported = tw_cur_left(c);
    uint32_t end = start + reported;
    uint32_t captured = tw_cur_avail(c);
    tw_info_clear(p);

    uint8_t type = get8(c, start);
    if (c->err) return TW_OK;
    int32_t r = tw_add_uint(p, HF(F_TYPE), start, 1, type);
    (void)r;
    const char *tn = tw_vs_find(type_vals, type);
    if (tn)
        tw_info_add(p, tn);
    else
        tw_info_printf(p, "Unknown (%d)", type);

    uint8_t code = get8(c, start + 1);
    if (c->err) return TW_OK;
    int32_t r_code = tw_add_uint(p, HF(F_CODE), start + 1, 1, code);
    char cbuf[24];
    const char *cn = code_name(type, code, cbuf, sizeof cbuf);
    if (cn) {
        tw_info_printf(p, " (%s)", cn);
        label_append(p, r_code, "Code: %u (%s)", code, cn);
    }
    if (p->ctx.dstport == 3544 && type == T_ECHO_REQUEST) {
        tw_col_proto(p, "Teredo");
        tw_info_set(p, "Direct IPv6 Connectivity Test");
    }

    uint16_t cksum = get16(c, start + 2);
    if (c->err) return TW_OK;
    int32_t r_ck = tw_add_uint(p, HF(F_CHECKSUM), start + 2, 2, cksum);
    uint16_t calc;
    if (!p->ctx.ip_fragment && captured >= reported && !p->ctx.in_error_pkt &&
        checksum_of(p, c, start, reported, &calc)) {
        int32_t rs = tw_add_uint(p, HF(F_CHECKSUM_STATUS), start + 2, 2, calc == 0 ? 1 : 0);
        tw_rec_flags(p, rs, TW_RF_GENERATED);
        label_append(p, rs, "Checksum Status: %s", calc == 0 ? "Good" : "Bad");
        if (calc == 0) {
            label_append(p, r_ck, "Checksum: 0x%04x [correct]", cksum);
        } else {
            /* the value that would have been right */
            uint32_t should = (uint32_t)(uint16_t)~cksum + (uint16_t)~calc;
            should = (should & 0xffff) + (should >> 16);
            should = (should & 0xffff) + (should >> 16);
            should = (uint16_t)~should;
            label_append(p, r_ck, "Checksum: 0x%04x incorrect, should be 0x%04x", cksum,
                         (unsigned)should);
            char m[64];
            snprintf(m, sizeof m, "Bad checksum [should be 0x%04x]", (unsigned)should);
            expert_at(p, r_ck, E_CHECKSUM, start + 2, 2, m);
        }
    } else {
        int32_t rs = tw_add_uint(p, HF(F_CHECKSUM_STATUS), start + 2, 2, 2);
        tw_rec_flags(p, rs, TW_RF_GENERATED);
        label_append(p, rs, "Checksum Status: Unverified");
        label_append(p, r_ck, "Checksum: 0x%04x [unverified] [%s]", cksum,
                     p->ctx.in_error_pkt ? "in ICMP error packet" : "fragmented datagram");
    }
    uint32_t o = start + 4;

    if (type == T_ECHO_REQUEST || type == T_ECHO_REPLY) {
        uint16_t id = get16(c, o);
        u16(p, c, F_ECHO_IDENTIFIER, o);
        uint16_t seq = get16(c, o + 2);
        u16(p, c, F_ECHO_SEQUENCE_NUMBER, o + 2);
        if (c->err) return TW_OK;
        o += 4;
        tw_info_printf(p, " id=0x%04x, seq=%u", id, seq);
        uint8_t hlim;
        if (tw_ipv6_hlim(p, &hlim)) tw_info_printf(p, ", hop limit=%u", hlim);
        if (p->ctx.dstport == 3544 && type == T_ECHO_REQUEST) {
            bytes(p, c, F_NONCE, o, 4);
            o += 4;
        } else {
            if (!p->ctx.in_error_pkt) {
                uint32_t key1 = (uint32_t)id << 16 | seq;
                if (type == T_ECHO_REQUEST) {
                    echo_request(p, cksum == 0xffff ? 0 : cksum, key1);
                } else {
                    /* the request's checksum, from the reply's: the type differs by 1 << 8 */
                    uint32_t s = (uint16_t)~cksum;
                    s += (uint16_t)~0x0100;
                    while (s >> 16) s = (s & 0xffff) + (s >> 16);
                    echo_reply(p, (uint16_t)~s, key1);
                }
            }
            struct tw_cur rest = *c;
            rest.off = o;
            data_nested(p, rest);
            o = end;
        }
    }

    switch (type) {
    case T_DST_UNREACH:
    case T_TIME_EXCEEDED: {
        uint8_t odl = get8(c, o);
        if (c->err) return TW_OK;
        if (odl) {
            u8(p, c, F_LENGTH, o);
            bytes(p, c, F_RESERVED, o + 1, 3);
        } else {
            bytes(p, c, F_RESERVED, o, 4);
        }
        o += 4;
        if (c->err) return TW_OK;
        /* RFC 4884 extension objects after the quoted datagram are not decoded */
        contained(p, c, o, end);
        break;
    }
    case T_PACKET_TOO_BIG:
    case T_PARAM_PROB:
        u32(p, c, type == T_PACKET_TOO_BIG ? F_MTU : F_POINTER, o);
        o += 4;
        if (c->err) return TW_OK;
        contained(p, c, o, end);
        break;
    case T_ECHO_REQUEST:
    case T_ECHO_REPLY:
        break;
    case T_MLD_QUERY:
    case T_MLD_REPORT:
    case T_MLD_DONE:
        if (type == T_MLD_QUERY && captured >= 28) {
            static const int fl[] = {F_MLD_FLAG_S, F_MLD_FLAG_QRV, F_MLD_FLAG_RESERVED};
            uint32_t mrc = get16(c, o);
            if (c->err) break;
            if (mrc >= 32768) mrc = ((mrc & 0x0fff) | 0x1000) << (((mrc & 0x7000) >> 12) + 3);
            tw_add_uint(p, HF(F_MLD_MAXIMUM_RESPONSE_CODE), o, 2, mrc & 0xffff);
            o += 2;
            bytes(p, c, F_RESERVED, o, 2);
            o += 2;
            addr6(p, c, F_MLD_MULTICAST_ADDRESS, o);
            o += 16;
            bitmask(p, c, F_MLD_FLAG, fl, 3, o, 1);
            o += 1;
            uint32_t qqi = get8(c, o);
            if (c->err) break;
            if (qqi >= 128) qqi = ((qqi & 0x0f) | 0x10) << (((qqi & 0x70) >> 4) + 3);
            tw_add_uint(p, HF(F_MLD_QQI), o, 1, qqi & 0xff);
            o += 1;
            uint16_t ns = get16(c, o);
            u16(p, c, F_MLD_NB_SOURCES, o);
            o += 2;
            for (unsigned i = 0; i < ns && !c->err; i++) {
                addr6(p, c, F_MLD_SOURCE_ADDRESS, o);
                o += 16;
            }
        } else {
            u16(p, c, F_MLD_MAXIMUM_RESPONSE_DELAY, o);
            o += 2;
            bytes(p, c, F_RESERVED, o, 2);
            o += 2;
            addr6(p, c, F_MLD_MULTICAST_ADDRESS, o);
            o += 16;
        }
        break;
    case T_RS:
    case T_IND_SOLICIT:
    case T_IND_ADVERT:
        bytes(p, c, F_RESERVED, o, 4);
        o += 4;
        if (!c->err) dissect_nd_opts(p, c, o, end);
        break;
    case T_RA: {
        static const int fl[] = {F_ND_RA_FLAG_M,   F_ND_RA_FLAG_O, F_ND_RA_FLAG_H,
                                 F_ND_RA_FLAG_PRF, F_ND_RA_FLAG_P, F_ND_RA_FLAG_RSV};
        u8(p, c, F_ND_RA_CUR_HOP_LIMIT, o);
        o += 1;
        bitmask(p, c, F_ND_RA_FLAG, fl, 6, o, 1);
        o += 1;
        u16(p, c, F_ND_RA_ROUTER_LIFETIME, o);
        o += 2;
        u32(p, c, F_ND_RA_REACHABLE_TIME, o);
        o += 4;
        u32(p, c, F_ND_RA_RETRANS_TIMER, o);
        o += 4;
        if (!c->err) dissect_nd_opts(p, c, o, end);
        break;
    }
    case T_NS: {
        bytes(p, c, F_RESERVED, o, 4);
        o += 4;
        if (addr6(p, c, F_ND_NS_TARGET_ADDRESS, o) < 0 && c->err) break;
        char s[48];
        fmt6(s, c->data + o);
        tw_info_printf(p, " for %s", s);
        o += 16;
        dissect_nd_opts(p, c, o, end);
        break;
    }
    case T_NA: {
        static const int fl[] = {F_ND_NA_FLAG_R, F_ND_NA_FLAG_S, F_ND_NA_FLAG_O, F_ND_NA_FLAG_RSV};
        uint32_t f = get32(c, o);
        bitmask(p, c, F_ND_NA_FLAG, fl, 4, o, 4);
        o += 4;
        if (addr6(p, c, F_ND_NA_TARGET_ADDRESS, o) < 0 && c->err) break;
        char s[48], fs[24];
        fmt6(s, c->data + o);
        size_t k = 0;
        fs[0] = 0;
        if (f & 0x80000000) k += (size_t)snprintf(fs + k, sizeof fs - k, "rtr, ");
        if (f & 0x40000000) k += (size_t)snprintf(fs + k, sizeof fs - k, "sol, ");
        if (f & 0x20000000) k += (size_t)snprintf(fs + k, sizeof fs - k, "ovr, ");
        if (k > 2)
            fs[k - 2] = 0;
        else
            snprintf(fs, sizeof fs, "none");
        tw_info_printf(p, " %s (%s)", s, fs);
        o += 16;
        dissect_nd_opts(p, c, o, end);
        break;
    }
    case T_REDIRECT:
        bytes(p, c, F_RESERVED, o, 4);
        o += 4;
        addr6(p, c, F_ND_RD_TARGET_ADDRESS, o);
        o += 16;
        addr6(p, c, F_RD_NA_DESTINATION_ADDRESS, o);
        o += 16;
        if (!c->err) dissect_nd_opts(p, c, o, end);
        break;
    case T_RR:
        dissect_rrenum(p, c, o, end, code);
        break;
    case T_NI_QUERY:
    case T_NI_REPLY:
        dissect_nodeinfo(p, c, o, end, type, code);
        break;
    case T_MLDV2_REPORT:
        dissect_mldv2_report(p, c, o, end);
        break;
    case T_DHAAD_REQUEST:
    case T_DHAAD_REPLY:
    case T_MPS:
        u16(p, c, F_MIP6_IDENTIFIER, o);
        o += 2;
        bytes(p, c, F_RESERVED, o, 2);
        o += 2;
        if (type == T_DHAAD_REPLY) {
            while (captured > o - start && !c->err) {
                addr6(p, c, F_MIP6_HOME_AGENT_ADDRESS, o);
                o += 16;
            }
        }
        break;
    case T_MPA: {
        static const int fl[] = {F_MIP6_FLAG_M, F_MIP6_FLAG_O, F_MIP6_FLAG_RSV};
        u16(p, c, F_MIP6_IDENTIFIER, o);
        o += 2;
        bitmask(p, c, F_MIP6_FLAG, fl, 3, o, 2);
        o += 2;
        if (!c->err) dissect_nd_opts(p, c, o, end);
        break;
    }
    case T_CERT_PATH_SOL:
        u16(p, c, F_SEND_IDENTIFIER, o);
        o += 2;
        u16(p, c, F_SEND_COMPONENT, o);
        o += 2;
        if (!c->err) dissect_nd_opts(p, c, o, end);
        break;
    case T_CERT_PATH_AD:
        u16(p, c, F_SEND_IDENTIFIER, o);
        o += 2;
        u16(p, c, F_SEND_ALL_COMPONENTS, o);
        o += 2;
        u16(p, c, F_SEND_COMPONENT, o);
        o += 2;
        bytes(p, c, F_RESERVED, o, 2);
        o += 2;
        if (!c->err) dissect_nd_opts(p, c, o, end);
        break;
    case T_EXPERIMENTAL_MOBILITY:
    case T_FMIPV6: {
        uint8_t sub = get8(c, o);
        u8(p, c, F_FMIP6_SUBTYPE, o);
        if (c->err) break;
        const char *sn = tw_vs_find(fmip6_subtype_vals, sub);
        if (sn)
            tw_info_printf(p, " (%s)", sn);
        else
            tw_info_printf(p, " (Unknown (%d))", sub);
        o += 1;
        const struct tw_vs *cv = NULL;
        switch (sub) {
        case 2:
            bytes(p, c, F_RESERVED, o, 1);
            break;
        case 3:
            cv = fmip6_prrtadv_code_vals;
            bytes(p, c, F_RESERVED, o, 1);
            break;
        case 4: {
            static const int fl[] = {F_FMIP6_HI_FLAG_S, F_FMIP6_HI_FLAG_A,
                                     F_FMIP6_HI_FLAG_RESERVED};
            cv = fmip6_hi_code_vals;
            bitmask(p, c, F_FMIP6_HI_FLAG, fl, 3, o, 1);
            break;
        }
        case 5:
            cv = fmip6_hack_code_vals;
            bytes(p, c, F_RESERVED, o, 1);
            break;
        default:
            break;
        }
        if (cv) {
            const char *s = tw_vs_find(cv, code);
            if (s)
                label_append(p, r_code, "Code: %u (%s)", code, s);
            else
                label_append(p, r_code, "Code: %u (Unknown %d)", code, code);
        }
        o += 1;
        u16(p, c, F_FMIP6_IDENTIFIER, o);
        o += 2;
        if (!c->err) dissect_nd_opts(p, c, o, end);
        break;
    }
    case T_MCAST_RA:
        u16(p, c, F_MCAST_RA_QUERY_INTERVAL, o);
        o += 2;
        u16(p, c, F_MCAST_RA_ROBUSTNESS_VARIABLE, o);
        o += 2;
        break;
    case T_MCAST_RS:
    case T_MCAST_RT:
        break;
    case T_RPL:
        dissect_rpl(p, c, o, end, code);
        break;
    case T_ILNPV6: {
        uint8_t n = get8(c, o);
        u8(p, c, F_ILNP_NB_LOCS, o);
        o += 1;
        bytes(p, c, F_RESERVED, o, 1);
        o += 1;
        bytes(p, c, F_RESERVED, o, 2);
        o += 2;
        for (unsigned i = 0; i < n && !c->err; i++) {
            uint64_t v = get64(c, o);
            if (!c->err) tw_add_uint(p, HF(F_ILNP_NB_LOCATOR), o, 8, v);
            o += 8;
            uint16_t pr = get16(c, o);
            if (!c->err) tw_add_uint(p, HF(F_ILNP_NB_PREFERENCE), o, 2, pr);
            o += 2;
            uint16_t lt = get16(c, o);
            if (!c->err) tw_add_uint(p, HF(F_ILNP_NB_LIFETIME), o, 2, lt);
            o += 2;
        }
        break;
    }
    case T_DAR:
    case T_DAC:
        u8(p, c, F_6LOWPANND_DA_STATUS, o);
        u8(p, c, F_6LOWPANND_DA_RSV, o + 1);
        u16(p, c, F_6LOWPANND_DA_LIFETIME, o + 2);
        o += 4;
        if (have(c, o, 8)) tw_add_bytes(p, HF(F_6LOWPANND_DA_EUI64), c, o, 8);
        o += 8;
        addr6(p, c, F_6LOWPANND_DA_REG_ADDR, o);
        o += 16;
        break;
    case T_MPL:
        dissect_mpl(p, c, o, end, code);
        break;
    case T_EXTECHO:
        u16(p, c, F_ECHO_IDENTIFIER, o);
        o += 2;
        u8(p, c, F_EXT_ECHO_SEQ, o);
        o += 1;
        bits(p, c, F_EXT_ECHO_REQ_RES, o, 1);
        bits(p, c, F_EXT_ECHO_REQ_LOCAL, o, 1);
        o += 1;
        /* the RFC 4884 extension structure that follows is not decoded */
        break;
    case T_EXTECHOREPLY:
        u16(p, c, F_ECHO_IDENTIFIER, o);
        o += 2;
        u8(p, c, F_EXT_ECHO_SEQ, o);
        o += 1;
        bits(p, c, F_EXT_ECHO_RSP_STATE, o, 1);
        bits(p, c, F_EXT_ECHO_RSP_RES, o, 1);
        bits(p, c, F_EXT_ECHO_RSP_ACTIVE, o, 1);
        bits(p, c, F_EXT_ECHO_RSP_IPV4, o, 1);
        bits(p, c, F_EXT_ECHO_RSP_IPV6, o, 1);
        o += 1;
        break;
    default: {
        char m[160];
        snprintf(m, sizeof m,
                 "Dissector for ICMPv6 Type (%d) code not implemented, Contact Wireshark "
                 "developers if you want this supported",
                 type);
        int32_t rp = tw_layer_recorded(p) ? p->layers[p->nlayers - 1].rec : -1;
        expert_at(p, rp, E_UNDECODED_TYPE, start, reported, m);
        if (end > o) {
            uint32_t n = TW_MIN(end, c->cap) > o ? TW_MIN(end, c->cap) - o : 0;
            if (n && have(c, o, n)) tw_add_bytes(p, HF(F_DATA), c, o, n);
        }
        break;
    }
    }
    return TW_OK;
}

static void icmpv6_init(void)
{
    echo_tab = tw_state_open("icmpv6.echo", sizeof(struct echo_ent), ECHO_MAX, NULL);
}

static const struct tw_binding bindings[] = {{TW_TBL_IP_PROTO, 58}};

const struct tw_proto tw_proto_icmpv6 = {
    .abbrev = "icmpv6",
    .name = "Internet Control Message Protocol v6",
    .short_name = "ICMPv6",
    .fields = fields,
    .nfields = F_COUNT,
    .experts = experts,
    .nexperts = TW_ARRAY_LEN(experts),
    .bindings = bindings,
    .nbindings = TW_ARRAY_LEN(bindings),
    .dissect = dissect,
    .init = icmpv6_init,
    .ids = &ids,
};
