/* Border Gateway Protocol 4 (RFC 4271) on TCP 179, as tshark 4.0 shows it: the 19-byte header
 * (marker, length, type), OPEN with its optional parameters and capabilities (RFC 5492),
 * UPDATE (withdrawn routes, path attributes, NLRI), NOTIFICATION, KEEPALIVE and ROUTE-REFRESH.
 *
 * A segment may carry several messages: each is its own "Border Gateway Protocol - X" tree item
 * (one layer in frame.protocols, one protocol item per message for io,phs) and Info lists the
 * types joined with ", ". A message that runs past the segment is asked of TCP
 * (tw_deseg_request) as tshark's dissect_bgp() asks for it, without tcp.pdu.size.
 *
 * AS_PATH numbers are 2 or 4 bytes: tshark guesses per attribute (its default "auto-detect"),
 * from whether the first segment read with 2-byte numbers ends the attribute or is followed by
 * a valid segment type with no zero number, and checks the guess by walking the segments.
 */
#include "../dissect.h"

#include <stdio.h>
#include <string.h>

static struct tw_proto_ids ids;
#define HF(x) ((uint16_t)(ids.base + (x)))
#define EX(x) ((uint16_t)(ids.expert_base + (x)))

enum {
    F_MARKER,
    F_LENGTH,
    F_TYPE,
    F_PREFIX_LENGTH,
    F_OPEN_VERSION,
    F_OPEN_MYAS,
    F_OPEN_HOLDTIME,
    F_OPEN_IDENTIFIER,
    F_OPEN_OPT_LEN,
    F_OPEN_OPT,
    F_OPEN_PARAM,
    F_OPEN_PARAM_TYPE,
    F_OPEN_PARAM_LEN,
    F_OPEN_PARAM_UNKNOWN,
    F_CAP,
    F_CAP_TYPE,
    F_CAP_LENGTH,
    F_CAP_UNKNOWN,
    F_CAP_RESERVED,
    F_CAP_MP_AFI,
    F_CAP_MP_SAFI,
    F_CAP_GR_TIMERS,
    F_CAP_GR_RESTART,
    F_CAP_GR_NOTIF,
    F_CAP_GR_TIME,
    F_CAP_GR_AFI,
    F_CAP_GR_SAFI,
    F_CAP_GR_FLAG,
    F_CAP_GR_PFS,
    F_CAP_4AS,
    F_CAP_AP_AFI,
    F_CAP_AP_SAFI,
    F_CAP_AP_SR,
    F_WD_LEN,
    F_WD,
    F_PA_LEN,
    F_PAS,
    F_PA,
    F_PA_FLAGS,
    F_PA_F_OPT,
    F_PA_F_TRANS,
    F_PA_F_PARTIAL,
    F_PA_F_EXT,
    F_PA_F_UNUSED,
    F_PA_TYPE,
    F_PA_LENGTH,
    F_PA_ORIGIN,
    F_PA_ASP_SEG,
    F_PA_ASP_TYPE,
    F_PA_ASP_LEN,
    F_PA_AS2,
    F_PA_AS4,
    F_PA_NEXT_HOP,
    F_PA_MED,
    F_PA_LOCAL_PREF,
    F_PA_AGG_AS,
    F_PA_AGG_ORIGIN,
    F_PA_COMMUNITIES,
    F_PA_COMMUNITY,
    F_PA_COMM_WK,
    F_PA_COMM_AS,
    F_PA_COMM_VALUE,
    F_PA_ORIGINATOR,
    F_PA_CLUSTER_LIST,
    F_PA_CLUSTER_ID,
    F_MPR_AFI,
    F_MPR_SAFI,
    F_MPR_NH,
    F_MPR_NH4,
    F_MPR_NH6,
    F_MPR_NH6_LL,
    F_MPR_NBR_SNPA,
    F_MPR_SNPA_LEN,
    F_MPR_SNPA,
    F_MPR_NLRI,
    F_MPU_AFI,
    F_MPU_SAFI,
    F_MPU_NLRI,
    F_WD_PREFIX,
    F_NLRI,
    F_MPR_V4,
    F_MPU_V4,
    F_MPR_V6,
    F_MPU_V6,
    F_NLRI_PREFIX,
    F_NOTIFY_MAJOR,
    F_NOTIFY_MINOR_HDR,
    F_NOTIFY_MINOR_OPEN,
    F_NOTIFY_MINOR_UPDATE,
    F_NOTIFY_MINOR_EXPIRED,
    F_NOTIFY_MINOR_STATE,
    F_NOTIFY_MINOR_CEASE,
    F_NOTIFY_MINOR_CAP,
    F_NOTIFY_MINOR_UNKNOWN,
    F_NOTIFY_DATA,
    F_NOTIFY_COMM_LEN,
    F_NOTIFY_COMM,
    F_RR_AFI,
    F_RR_SUBTYPE,
    F_RR_SAFI,
    F_COUNT
};

static const struct tw_vs type_vals[] = {{1, "OPEN Message"},
                                         {2, "UPDATE Message"},
                                         {3, "NOTIFICATION Message"},
                                         {4, "KEEPALIVE Message"},
                                         {5, "ROUTE-REFRESH Message"},
                                         {6, "CAPABILITY Message"},
                                         {128, "ROUTE-REFRESH Message (old Cisco)"},
                                         {0, NULL}};
static const struct tw_vs afi_vals[] = {
    {1, "IPv4"}, {2, "IPv6"}, {25, "Layer-2 VPN"}, {16388, "BGP-LS"}, {0, NULL}};
static const struct tw_vs safi_vals[] = {{1, "Unicast"},
                                         {2, "Multicast"},
                                         {3, "Unicast+Multicast (Deprecated)"},
                                         {4, "Labeled Unicast"},
                                         {5, "MCAST-VPN"},
                                         {65, "VPLS"},
                                         {66, "MDT"},
                                         {70, "EVPN"},
                                         {71, "BGP-LS"},
                                         {72, "BGP-LS-VPN"},
                                         {73, "SR TE Policy"},
                                         {128, "Labeled VPN Unicast"},
                                         {129, "Labeled VPN Multicast"},
                                         {132, "Route Target Filter"},
                                         {133, "Flow Spec Filter"},
                                         {134, "Flow Spec Filter VPN"},
                                         {0, NULL}};
static const struct tw_vs param_vals[] = {
    {1, "Authentication (deprecated)"}, {2, "Capability"}, {255, "Extended Length"}, {0, NULL}};
static const struct tw_vs cap_vals[] = {{0, "Reserved"},
                                        {1, "Multiprotocol extensions capability"},
                                        {2, "Route refresh capability"},
                                        {3, "Cooperative route filtering capability"},
                                        {4, "Multiple routes to a destination capability"},
                                        {5, "Extended Next Hop Encoding"},
                                        {6, "BGP-Extended Message"},
                                        {7, "BGPsec capability"},
                                        {8, "Multiple Labels capability"},
                                        {9, "BGP Role"},
                                        {64, "Graceful Restart capability"},
                                        {65, "Support for 4-octet AS number capability"},
                                        {66, "Deprecated (2003-03-06)"},
                                        {67, "Support for Dynamic capability"},
                                        {68, "Multisession BGP"},
                                        {69, "Support for Additional Paths"},
                                        {70, "Enhanced route refresh capability"},
                                        {71, "Long-Lived Graceful Restart (LLGR) Capability"},
                                        {73, "FQDN Capability"},
                                        {128, "Route refresh capability (Cisco)"},
                                        {130, "Cooperative route filtering capability (Cisco)"},
                                        {131, "Multisession BGP (Cisco)"},
                                        {0, NULL}};
static const struct tw_vs ap_sr_vals[] = {
    {1, "Receive"}, {2, "Send"}, {3, "Receive and Send"}, {0, NULL}};
static const struct tw_vs attr_vals[] = {{1, "ORIGIN"},
                                         {2, "AS_PATH"},
                                         {3, "NEXT_HOP"},
                                         {4, "MULTI_EXIT_DISC"},
                                         {5, "LOCAL_PREF"},
                                         {6, "ATOMIC_AGGREGATE"},
                                         {7, "AGGREGATOR"},
                                         {8, "COMMUNITIES"},
                                         {9, "ORIGINATOR_ID"},
                                         {10, "CLUSTER_LIST"},
                                         {11, "DPA"},
                                         {12, "ADVERTISER"},
                                         {13, "RCID_PATH"},
                                         {14, "MP_REACH_NLRI"},
                                         {15, "MP_UNREACH_NLRI"},
                                         {16, "EXTENDED_COMMUNITIES"},
                                         {17, "AS4_PATH"},
                                         {18, "AS4_AGGREGATOR"},
                                         {19, "SAFI_SPECIFIC_ATTRIBUTE"},
                                         {20, "Connector Attribute"},
                                         {21, "AS_PATHLIMIT"},
                                         {22, "PMSI_TUNNEL_ATTRIBUTE"},
                                         {23, "Tunnel Encapsulation Attribute"},
                                         {24, "Traffic Engineering"},
                                         {25, "IPv6 Address Specific Extended Community"},
                                         {26, "AIGP"},
                                         {27, "PE Distinguisher Labels"},
                                         {28, "BGP Entropy Label Capability Attribute"},
                                         {29, "BGP-LS Attribute"},
                                         {32, "LARGE_COMMUNITY"},
                                         {33, "BGPsec_PATH"},
                                         {34, "OTC"},
                                         {40, "BGP Prefix-SID"},
                                         {128, "ATTR_SET"},
                                         {0, NULL}};
static const struct tw_vs origin_vals[] = {{0, "IGP"}, {1, "EGP"}, {2, "INCOMPLETE"}, {0, NULL}};
static const struct tw_vs asp_vals[] = {
    {1, "AS_SET"}, {2, "AS_SEQUENCE"}, {3, "AS_CONFED_SEQUENCE"}, {4, "AS_CONFED_SET"}, {0, NULL}};
static const struct tw_vs comm_wk_vals[] = {{0xFFFF0000, "GRACEFUL_SHUTDOWN"},
                                            {0xFFFF0001, "ACCEPT_OWN"},
                                            {0xFFFF0006, "LLGR_STALE"},
                                            {0xFFFF0007, "NO_LLGR"},
                                            {0xFFFF029A, "BLACKHOLE"},
                                            {0xFFFFFF01, "NO_EXPORT"},
                                            {0xFFFFFF02, "NO_ADVERTISE"},
                                            {0xFFFFFF03, "NO_EXPORT_SUBCONFED"},
                                            {0xFFFFFF04, "NOPEER"},
                                            {0, NULL}};
static const struct tw_vs major_vals[] = {
    {1, "Message Header Error"},       {2, "OPEN Message Error"},
    {3, "UPDATE Message Error"},       {4, "Hold Timer Expired"},
    {5, "Finite State Machine Error"}, {6, "Cease"},
    {7, "CAPABILITY Message Error"},   {0, NULL}};
static const struct tw_vs minor_hdr_vals[] = {{1, "Connection Not Synchronized"},
                                              {2, "Bad Message Length"},
                                              {3, "Bad Message Type"},
                                              {0, NULL}};
static const struct tw_vs minor_open_vals[] = {{1, "Unsupported Version Number"},
                                               {2, "Bad Peer AS"},
                                               {3, "Bad BGP Identifier"},
                                               {4, "Unsupported Optional Parameter"},
                                               {5, "Authentication Failure (deprecated)"},
                                               {6, "Unacceptable Hold Time"},
                                               {7, "Unsupported Capability"},
                                               {8, "No supported AFI/SAFI (Cisco)"},
                                               {11, "Role Mismatch"},
                                               {0, NULL}};
static const struct tw_vs minor_update_vals[] = {
    {1, "Malformed Attribute List"},     {2, "Unrecognized Well-known Attribute"},
    {3, "Missing Well-known Attribute"}, {4, "Attribute Flags Error"},
    {5, "Attribute Length Error"},       {6, "Invalid ORIGIN Attribute"},
    {7, "AS Routing Loop (deprecated)"}, {8, "Invalid NEXT_HOP Attribute"},
    {9, "Optional Attribute Error"},     {10, "Invalid Network Field"},
    {11, "Malformed AS_PATH"},           {0, NULL}};
static const struct tw_vs minor_state_vals[] = {
    {0, "Unspecified Error"},
    {1, "Receive Unexpected Message in OpenSent State"},
    {2, "Receive Unexpected Message in OpenConfirm State"},
    {3, "Receive Unexpected Message in Established State"},
    {0, NULL}};
static const struct tw_vs minor_cease_vals[] = {{1, "Maximum Number of Prefixes Reached"},
                                                {2, "Administratively Shutdown"},
                                                {3, "Peer De-configured"},
                                                {4, "Administratively Reset"},
                                                {5, "Connection Rejected"},
                                                {6, "Other Configuration Change"},
                                                {7, "Connection Collision Resolution"},
                                                {8, "Out of Resources"},
                                                {9, "Hard Reset"},
                                                {0, NULL}}; /* (10, BFD Down, came after 4.0) */
static const struct tw_vs minor_cap_vals[] = {{1, "Invalid Action Value"},
                                              {2, "Invalid Capability Length"},
                                              {3, "Malformed Capability Value"},
                                              {4, "Unsupported Capability Code"},
                                              {0, NULL}};
static const struct tw_vs rr_subtype_vals[] = {
    {0, "Normal route refresh request [RFC2918] with/without ORF [RFC5291]"},
    {1, "Demarcation of the beginning of a route refresh"},
    {2, "Demarcation of the ending of a route refresh"},
    {0, NULL}};

#define SN &tw_tfs_set_notset
#define YN &tfs_yes_no
static const struct tw_tfs tfs_yes_no = {"Yes", "No"};
static const struct tw_field_def fields[F_COUNT] = {
    [F_MARKER] = {"bgp.marker", "Marker", TW_FT_BYTES, TW_BASE_NONE, 0, NULL, NULL, NULL,
                  "Must be set to all ones (16 Bytes)"},
    [F_LENGTH] = {"bgp.length", "Length", TW_FT_UINT16, TW_BASE_DEC, 0, NULL, NULL, NULL,
                  "The total length of the message, including the header in octets"},
    [F_TYPE] = {"bgp.type", "Type", TW_FT_UINT8, TW_BASE_DEC, 0, type_vals, NULL, NULL,
                "BGP message type"},
    [F_PREFIX_LENGTH] = {"bgp.prefix_length", "Prefix Length", TW_FT_UINT8, TW_BASE_DEC},
    [F_OPEN_VERSION] = {"bgp.open.version", "Version", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL,
                        NULL, "The protocol version number"},
    [F_OPEN_MYAS] = {"bgp.open.myas", "My AS", TW_FT_UINT16, TW_BASE_DEC, 0, NULL, NULL, NULL,
                     "The Autonomous System number of the sender"},
    [F_OPEN_HOLDTIME] = {"bgp.open.holdtime", "Hold Time", TW_FT_UINT16, TW_BASE_DEC, 0, NULL, NULL,
                         NULL, "The number of seconds the sender proposes for Hold Time"},
    [F_OPEN_IDENTIFIER] = {"bgp.open.identifier", "BGP Identifier", TW_FT_IPv4, TW_BASE_NONE, 0,
                           NULL, NULL, NULL, "The BGP Identifier of the sender"},
    [F_OPEN_OPT_LEN] = {"bgp.open.opt.len", "Optional Parameters Length", TW_FT_UINT8, TW_BASE_DEC,
                        0, NULL, NULL, NULL,
                        "The total length of the Optional Parameters field in octets"},
    [F_OPEN_OPT] = {"bgp.open.opt", "Optional Parameters", TW_FT_NONE},
    [F_OPEN_PARAM] = {"bgp.open.opt.param", "Optional Parameter", TW_FT_NONE},
    [F_OPEN_PARAM_TYPE] = {"bgp.open.opt.param.type", "Parameter Type", TW_FT_UINT8, TW_BASE_DEC, 0,
                           param_vals, NULL, NULL,
                           "Unambiguously identifies individual parameters"},
    [F_OPEN_PARAM_LEN] = {"bgp.open.opt.param.len", "Parameter Length", TW_FT_UINT8, TW_BASE_DEC, 0,
                          NULL, NULL, NULL, "Length of the Parameter Value"},
    [F_OPEN_PARAM_UNKNOWN] = {"bgp.open.opt.param.unknown", "Unknown", TW_FT_BYTES},
    [F_CAP] = {"bgp.cap", "Capability", TW_FT_NONE},
    [F_CAP_TYPE] = {"bgp.cap.type", "Type", TW_FT_UINT8, TW_BASE_DEC, 0, cap_vals},
    [F_CAP_LENGTH] = {"bgp.cap.length", "Length", TW_FT_UINT8, TW_BASE_DEC},
    [F_CAP_UNKNOWN] = {"bgp.cap.unknown", "Unknown", TW_FT_BYTES},
    [F_CAP_RESERVED] = {"bgp.cap.reserved", "Reserved", TW_FT_BYTES, TW_BASE_NONE, 0, NULL, NULL,
                        NULL, "Must be Zero"},
    [F_CAP_MP_AFI] = {"bgp.cap.mp.afi", "AFI", TW_FT_UINT16, TW_BASE_DEC, 0, afi_vals},
    [F_CAP_MP_SAFI] = {"bgp.cap.mp.safi", "SAFI", TW_FT_UINT8, TW_BASE_DEC, 0, safi_vals},
    [F_CAP_GR_TIMERS] = {"bgp.cap.gr.timers", "Restart Timers", TW_FT_UINT16, TW_BASE_HEX},
    [F_CAP_GR_RESTART] = {"bgp.cap.gr.timers.restart_flag", "Restart state", TW_FT_BOOLEAN, 16,
                          0x8000, NULL, NULL, YN},
    [F_CAP_GR_NOTIF] = {"bgp.cap.gr.timers.notification_flag", "Graceful notification",
                        TW_FT_BOOLEAN, 16, 0x4000, NULL, NULL, YN},
    [F_CAP_GR_TIME] = {"bgp.cap.gr.timers.restart_time", "Time", TW_FT_UINT16, TW_BASE_DEC, 0xfff},
    [F_CAP_GR_AFI] = {"bgp.cap.gr.afi", "AFI", TW_FT_UINT16, TW_BASE_DEC, 0, afi_vals},
    [F_CAP_GR_SAFI] = {"bgp.cap.gr.safi", "SAFI", TW_FT_UINT8, TW_BASE_DEC, 0, safi_vals},
    [F_CAP_GR_FLAG] = {"bgp.cap.gr.flag", "Flag", TW_FT_UINT8, TW_BASE_HEX},
    [F_CAP_GR_PFS] = {"bgp.cap.gr.flag.pfs", "Preserve forwarding state", TW_FT_BOOLEAN, 8, 0x80,
                      NULL, NULL, YN},
    [F_CAP_4AS] = {"bgp.cap.4as", "AS Number", TW_FT_UINT32, TW_BASE_DEC},
    [F_CAP_AP_AFI] = {"bgp.cap.add_path.afi", "AFI", TW_FT_UINT16, TW_BASE_DEC, 0, afi_vals},
    [F_CAP_AP_SAFI] = {"bgp.cap.add_path.safi", "SAFI", TW_FT_UINT8, TW_BASE_DEC, 0, safi_vals},
    [F_CAP_AP_SR] = {"bgp.cap.add_path.send_receive", "Send/Receive", TW_FT_UINT8, TW_BASE_DEC, 0,
                     ap_sr_vals},
    [F_WD_LEN] = {"bgp.update.withdrawn_routes.length", "Withdrawn Routes Length", TW_FT_UINT16,
                  TW_BASE_DEC},
    [F_WD] = {"bgp.update.withdrawn_routes", "Withdrawn Routes", TW_FT_NONE},
    [F_PA_LEN] = {"bgp.update.path_attributes.length", "Total Path Attribute Length", TW_FT_UINT16,
                  TW_BASE_DEC},
    [F_PAS] = {"bgp.update.path_attributes", "Path attributes", TW_FT_NONE},
    [F_PA] = {"bgp.update.path_attribute", "Path Attribute", TW_FT_NONE},
    [F_PA_FLAGS] = {"bgp.update.path_attribute.flags", "Flags", TW_FT_UINT8, TW_BASE_HEX},
    [F_PA_F_OPT] = {"bgp.update.path_attribute.flags.optional", "Optional", TW_FT_BOOLEAN, 8, 0x80,
                    NULL, NULL, SN},
    [F_PA_F_TRANS] = {"bgp.update.path_attribute.flags.transitive", "Transitive", TW_FT_BOOLEAN, 8,
                      0x40, NULL, NULL, SN},
    [F_PA_F_PARTIAL] = {"bgp.update.path_attribute.flags.partial", "Partial", TW_FT_BOOLEAN, 8,
                        0x20, NULL, NULL, SN},
    [F_PA_F_EXT] = {"bgp.update.path_attribute.flags.extended_length", "Extended-Length",
                    TW_FT_BOOLEAN, 8, 0x10, NULL, NULL, SN},
    [F_PA_F_UNUSED] = {"bgp.update.path_attribute.flags.unused", "Unused", TW_FT_UINT8, TW_BASE_HEX,
                       0x0f},
    [F_PA_TYPE] = {"bgp.update.path_attribute.type_code", "Type Code", TW_FT_UINT8, TW_BASE_DEC, 0,
                   attr_vals},
    [F_PA_LENGTH] = {"bgp.update.path_attribute.length", "Length", TW_FT_UINT16, TW_BASE_DEC},
    [F_PA_ORIGIN] = {"bgp.update.path_attribute.origin", "Origin", TW_FT_UINT8, TW_BASE_DEC, 0,
                     origin_vals},
    [F_PA_ASP_SEG] = {"bgp.update.path_attribute.as_path_segment", "AS Path segment", TW_FT_NONE},
    [F_PA_ASP_TYPE] = {"bgp.update.path_attribute.as_path_segment.type", "Segment type",
                       TW_FT_UINT8, TW_BASE_DEC, 0, asp_vals},
    [F_PA_ASP_LEN] = {"bgp.update.path_attribute.as_path_segment.length",
                      "Segment length (number of ASN)", TW_FT_UINT8, TW_BASE_DEC},
    [F_PA_AS2] = {"bgp.update.path_attribute.as_path_segment.as2", "AS2", TW_FT_UINT16,
                  TW_BASE_DEC},
    [F_PA_AS4] = {"bgp.update.path_attribute.as_path_segment.as4", "AS4", TW_FT_UINT32,
                  TW_BASE_DEC},
    [F_PA_NEXT_HOP] = {"bgp.update.path_attribute.next_hop", "Next hop", TW_FT_IPv4},
    [F_PA_MED] = {"bgp.update.path_attribute.multi_exit_disc", "Multiple exit discriminator",
                  TW_FT_UINT32, TW_BASE_DEC},
    [F_PA_LOCAL_PREF] = {"bgp.update.path_attribute.local_pref", "Local preference", TW_FT_UINT32,
                         TW_BASE_DEC},
    [F_PA_AGG_AS] = {"bgp.update.path_attribute.aggregator_as", "Aggregator AS", TW_FT_UINT32,
                     TW_BASE_DEC},
    [F_PA_AGG_ORIGIN] = {"bgp.update.path_attribute.aggregator_origin", "Aggregator origin",
                         TW_FT_IPv4},
    [F_PA_COMMUNITIES] = {"bgp.update.path_attribute.communities", "Communities", TW_FT_NONE},
    [F_PA_COMMUNITY] = {"bgp.update.path_attribute.community", "Community", TW_FT_NONE},
    [F_PA_COMM_WK] = {"bgp.update.path_attribute.community_wellknown", "Community Well-known",
                      TW_FT_UINT32, TW_BASE_HEX, 0, comm_wk_vals},
    [F_PA_COMM_AS] = {"bgp.update.path_attribute.community_as", "Community AS", TW_FT_UINT16,
                      TW_BASE_DEC},
    [F_PA_COMM_VALUE] = {"bgp.update.path_attribute.community_value", "Community value",
                         TW_FT_UINT16, TW_BASE_DEC},
    [F_PA_ORIGINATOR] = {"bgp.update.path_attribute.originator_id", "Originator identifier",
                         TW_FT_IPv4},
    [F_PA_CLUSTER_LIST] = {"bgp.update.path_attribute.cluster_list", "Cluster List", TW_FT_NONE},
    [F_PA_CLUSTER_ID] = {"bgp.update.path_attribute.cluster_id", "Cluster ID", TW_FT_IPv4},
    [F_MPR_AFI] = {"bgp.update.path_attribute.mp_reach_nlri.afi", "Address family identifier (AFI)",
                   TW_FT_UINT16, TW_BASE_DEC, 0, afi_vals},
    [F_MPR_SAFI] = {"bgp.update.path_attribute.mp_reach_nlri.safi",
                    "Subsequent address family identifier (SAFI)", TW_FT_UINT8, TW_BASE_DEC, 0,
                    safi_vals},
    [F_MPR_NH] = {"bgp.update.path_attribute.mp_reach_nlri.next_hop", "Next hop", TW_FT_BYTES},
    [F_MPR_NH4] = {"bgp.update.path_attribute.mp_reach_nlri.next_hop.ipv4", "IPv4 Address",
                   TW_FT_IPv4},
    [F_MPR_NH6] = {"bgp.update.path_attribute.mp_reach_nlri.next_hop.ipv6", "IPv6 Address",
                   TW_FT_IPv6},
    [F_MPR_NH6_LL] = {"bgp.update.path_attribute.mp_reach_nlri.next_hop.ipv6.link_local",
                      "Link-local Address", TW_FT_IPv6},
    [F_MPR_NBR_SNPA] = {"bgp.update.path_attribute.mp_reach_nlri.nbr_snpa",
                        "Number of Subnetwork points of attachment (SNPA)", TW_FT_UINT8,
                        TW_BASE_DEC},
    [F_MPR_SNPA_LEN] = {"bgp.update.path_attribute.mp_reach_nlri.snpa_length", "SNPA Length",
                        TW_FT_UINT8, TW_BASE_DEC},
    [F_MPR_SNPA] = {"bgp.update.path_attribute.mp_reach_nlri.snpa", "SNPA", TW_FT_BYTES},
    [F_MPR_NLRI] = {"bgp.update.path_attribute.mp_reach_nlri",
                    "Network Layer Reachability Information (NLRI)", TW_FT_NONE},
    [F_MPU_AFI] = {"bgp.update.path_attribute.mp_unreach_nlri.afi",
                   "Address family identifier (AFI)", TW_FT_UINT16, TW_BASE_DEC, 0, afi_vals},
    [F_MPU_SAFI] = {"bgp.update.path_attribute.mp_unreach_nlri.safi",
                    "Subsequent address family identifier (SAFI)", TW_FT_UINT8, TW_BASE_DEC, 0,
                    safi_vals},
    [F_MPU_NLRI] = {"bgp.update.path_attribute.mp_unreach_nlri", "Withdrawn Routes", TW_FT_NONE},
    [F_WD_PREFIX] = {"bgp.withdrawn_prefix", "Withdrawn prefix", TW_FT_IPv4},
    [F_NLRI] = {"bgp.update.nlri", "Network Layer Reachability Information (NLRI)", TW_FT_NONE},
    [F_MPR_V4] = {"bgp.mp_reach_nlri_ipv4_prefix", "MP Reach NLRI IPv4 prefix", TW_FT_IPv4},
    [F_MPU_V4] = {"bgp.mp_unreach_nlri_ipv4_prefix", "MP Unreach NLRI IPv4 prefix", TW_FT_IPv4},
    [F_MPR_V6] = {"bgp.mp_reach_nlri_ipv6_prefix", "MP Reach NLRI IPv6 prefix", TW_FT_IPv6},
    [F_MPU_V6] = {"bgp.mp_unreach_nlri_ipv6_prefix", "MP Unreach NLRI IPv6 prefix", TW_FT_IPv6},
    [F_NLRI_PREFIX] = {"bgp.nlri_prefix", "NLRI prefix", TW_FT_IPv4},
    [F_NOTIFY_MAJOR] = {"bgp.notify.major_error", "Major error Code", TW_FT_UINT8, TW_BASE_DEC, 0,
                        major_vals},
    [F_NOTIFY_MINOR_HDR] = {"bgp.notify.minor_error", "Minor error Code (Message Header)",
                            TW_FT_UINT8, TW_BASE_DEC, 0, minor_hdr_vals},
    [F_NOTIFY_MINOR_OPEN] = {"bgp.notify.minor_error_open", "Minor error Code (Open Message)",
                             TW_FT_UINT8, TW_BASE_DEC, 0, minor_open_vals},
    [F_NOTIFY_MINOR_UPDATE] = {"bgp.notify.minor_error_update", "Minor error Code (Update Message)",
                               TW_FT_UINT8, TW_BASE_DEC, 0, minor_update_vals},
    [F_NOTIFY_MINOR_EXPIRED] = {"bgp.notify.minor_error_expired",
                                "Minor error Code (Hold Timer Expired)", TW_FT_UINT8, TW_BASE_DEC},
    [F_NOTIFY_MINOR_STATE] = {"bgp.notify.minor_error_state", "Minor error Code (State Machine)",
                              TW_FT_UINT8, TW_BASE_DEC, 0, minor_state_vals},
    [F_NOTIFY_MINOR_CEASE] = {"bgp.notify.minor_error_cease", "Minor error Code (Cease)",
                              TW_FT_UINT8, TW_BASE_DEC, 0, minor_cease_vals},
    [F_NOTIFY_MINOR_CAP] = {"bgp.notify.minor_error_capability",
                            "Minor error Code (Capability Message)", TW_FT_UINT8, TW_BASE_DEC, 0,
                            minor_cap_vals},
    [F_NOTIFY_MINOR_UNKNOWN] = {"bgp.notify.minor_error_unknown", "Minor error Code (Unknown)",
                                TW_FT_UINT8, TW_BASE_DEC},
    [F_NOTIFY_DATA] = {"bgp.notify.minor_data", "Data", TW_FT_BYTES},
    [F_NOTIFY_COMM_LEN] = {"bgp.notify.communication_length", "BGP Shutdown Communication Length",
                           TW_FT_UINT8, TW_BASE_DEC},
    [F_NOTIFY_COMM] = {"bgp.notify.communication", "Shutdown Communication", TW_FT_STRING},
    [F_RR_AFI] = {"bgp.route_refresh.afi", "Address family identifier (AFI)", TW_FT_UINT16,
                  TW_BASE_DEC, 0, afi_vals},
    [F_RR_SUBTYPE] = {"bgp.route_refresh.subtype", "Subtype", TW_FT_UINT8, TW_BASE_DEC, 0,
                      rr_subtype_vals},
    [F_RR_SAFI] = {"bgp.route_refresh.safi", "Subsequent address family identifier (SAFI)",
                   TW_FT_UINT8, TW_BASE_DEC, 0, safi_vals},
};

enum { E_LENGTH_INVALID, E_PREFIX_LENGTH, E_MARKER, E_GR_HELPER, E_CAP_LENGTH, E_COUNT };
static const struct tw_expert_def experts[E_COUNT] = {
    [E_LENGTH_INVALID] = {"bgp.length.invalid", "decoder.bgp.length_invalid", TW_SEV_ERROR,
                          TW_GRP_MALFORMED, "Length is invalid"},
    [E_PREFIX_LENGTH] = {"bgp.prefix_length.invalid", "decoder.bgp.prefix_length_invalid",
                         TW_SEV_ERROR, TW_GRP_MALFORMED, "Prefix length is invalid"},
    [E_MARKER] = {"bgp.marker_invalid", "decoder.bgp.marker_invalid", TW_SEV_ERROR,
                  TW_GRP_MALFORMED, "Marker is not all ones"},
    [E_GR_HELPER] = {"bgp.cap.gr.helper_mode_only", "decoder.bgp.gr_helper_mode_only", TW_SEV_CHAT,
                     TW_GRP_REQUEST_CODE,
                     "Graceful Restart Capability supported in Helper mode only"},
    [E_CAP_LENGTH] = {"bgp.cap.length.bad", "decoder.bgp.cap_length_bad", TW_SEV_ERROR,
                      TW_GRP_MALFORMED, "Capability length is wrong"},
};

/* one message being dissected: a window [base, end) of the cursor's data, cap = captured end */
struct bx {
    struct tw_pkt *p;
    const uint8_t *d;
    uint32_t base, end, cap;
    uint32_t seg_end; /* the end of the data TCP gave (a message may claim more) */
    uint8_t err;      /* TW_TRUNCATED / TW_MALFORMED, or 3: past the segment, once a read failed */
};

static bool have(struct bx *x, uint32_t off, uint32_t n)
{
    if (x->err) return false;
    uint64_t e = (uint64_t)off + n;
    if (e <= x->cap && e <= x->end) return true;
    x->err = e > x->end ? TW_MALFORMED : e > x->seg_end ? 3 : TW_TRUNCATED;
    return false;
}
static uint32_t g8(struct bx *x, uint32_t o)
{
    return x->d[o];
}
static uint32_t g16(struct bx *x, uint32_t o)
{
    return (uint32_t)x->d[o] << 8 | x->d[o + 1];
}
static uint32_t g32(struct bx *x, uint32_t o)
{
    return (uint32_t)x->d[o] << 24 | (uint32_t)x->d[o + 1] << 16 | (uint32_t)x->d[o + 2] << 8 |
           x->d[o + 3];
}
static int32_t add_u(struct bx *x, int f, uint32_t off, uint32_t n)
{
    if (!have(x, off, n)) return -2;
    uint32_t v = n == 1 ? g8(x, off) : n == 2 ? g16(x, off) : g32(x, off);
    return tw_add_uint(x->p, HF(f), off, n, v);
}
static int32_t add_b(struct bx *x, int f, uint32_t off, uint32_t n)
{
    if (!have(x, off, n)) return -2;
    return tw_add_ptr(x->p, HF(f), off, n, x->d + off, n);
}

static void ip6_str(const uint8_t *a, char *out, size_t n)
{
    uint16_t w[8];
    for (int i = 0; i < 8; i++) w[i] = (uint16_t)(a[2 * i] << 8 | a[2 * i + 1]);
    int best = -1, bestlen = 0;
    for (int i = 0; i < 8;) {
        if (w[i]) {
            i++;
            continue;
        }
        int j = i;
        while (j < 8 && !w[j]) j++;
        if (j - i > bestlen && j - i >= 2) best = i, bestlen = j - i;
        i = j;
    }
    size_t o = 0;
    out[0] = 0;
    for (int i = 0; i < 8 && o < n; i++) {
        if (i == best) {
            o += (size_t)snprintf(out + o, n - o, "::");
            i += bestlen - 1;
            continue;
        }
        bool sep = i > 0 && i != best + bestlen;
        o += (size_t)snprintf(out + o, n - o, "%s%x", sep ? ":" : "", w[i]);
    }
    if (o >= n) out[n - 1] = 0;
}

/* Wireshark's decode_prefix4 / decode_prefix6: one prefix at off; returns its length in bytes,
 * or -1 when the prefix length is invalid (the caller stops) or a read failed */
static int prefix(struct bx *x, uint32_t off, int hf, const char *tag, bool v6)
{
    struct tw_pkt *p = x->p;
    if (!have(x, off, 1)) return -1;
    uint32_t plen = g8(x, off), max = v6 ? 128 : 32;
    if (plen > max) {
        int32_t t = tw_add_text(p, off, 1, "%s length %u invalid (> %u)", tag, plen, max);
        tw_tree_push(p, t);
        tw_expert(p, EX(E_PREFIX_LENGTH), off, 1, "%s length %u invalid (> %u)", tag, plen, max);
        tw_tree_pop(p);
        return -1;
    }
    uint32_t n = (plen + 7) / 8;
    if (!have(x, off + 1, n)) return -1;
    uint8_t *a = tw_arena_alloc(p->arena, 16);
    if (!a) return -1;
    memset(a, 0, 16);
    memcpy(a, x->d + off + 1, n);
    if (n && (plen % 8)) a[n - 1] &= (uint8_t)(0xff00 >> (plen % 8));
    char s[64];
    if (v6)
        ip6_str(a, s, sizeof s);
    else
        snprintf(s, sizeof s, "%u.%u.%u.%u", a[0], a[1], a[2], a[3]);
    int32_t t = tw_add_text(p, off, 1 + n, "%s/%u", s, plen);
    tw_tree_push(p, t);
    int32_t r = tw_add_uint(p, HF(F_PREFIX_LENGTH), off, 1, plen);
    tw_rec_label(p, r, "%s prefix length: %u", tag, plen);
    tw_add_ptr(p, (uint16_t)hf, off + 1, n, a, v6 ? 16 : 4);
    tw_tree_pop(p);
    return (int)(1 + n);
}

/* tshark's heuristic_as2_or_4_from_as_path: 2 or 4, 0 when neither fits */
static uint32_t as_len_guess(struct bx *x, uint32_t off, uint32_t end)
{
    if (off + 2 > end || !have(x, off, 2)) return 0;
    uint32_t len = g8(x, off + 1), chk = off + 2 + 2 * len, guess;
    if (chk == end)
        guess = 2;
    else if (chk < end && chk < x->cap && g8(x, chk) >= 1 && g8(x, chk) <= 4) {
        bool null = false;
        for (uint32_t j = 0; j < len && !null; j++) {
            uint32_t o = off + 2 + 2 * j;
            if (o + 2 > x->cap) break;
            null = g16(x, o) == 0;
        }
        guess = null ? 4 : 2;
    } else
        guess = 4;
    uint32_t k = off;
    while (k < end) {
        if (k + 2 > x->cap) return 0;
        k += 2 + g8(x, k + 1) * guess;
    }
    return k == end ? guess : 0;
}

static void as_path(struct bx *x, uint32_t off, uint32_t end, uint32_t asn_len, char *summary,
                    size_t sn)
{
    struct tw_pkt *p = x->p;
    size_t so = 0;
    summary[0] = 0;
    while (off < end) {
        if (!have(x, off, 2)) return;
        uint32_t st = g8(x, off), n = g8(x, off + 1);
        if (!have(x, off + 2, n * asn_len)) return;
        char seg[512];
        size_t o = 0;
        seg[0] = 0;
        const char *open = st == 1 ? "{" : st == 3 ? "(" : st == 4 ? "[" : "";
        const char *close = st == 1 ? "}" : st == 3 ? ")" : st == 4 ? "]" : "";
        o += (size_t)snprintf(seg + o, sizeof seg - o, "%s", open);
        for (uint32_t i = 0; i < n && o < sizeof seg; i++) {
            uint32_t a = asn_len == 2 ? g16(x, off + 2 + 2 * i) : g32(x, off + 2 + 4 * i);
            o += (size_t)snprintf(seg + o, sizeof seg - o, "%s%u",
                                  i ? (st == 1 || st == 4 ? ", " : " ") : "", a);
        }
        if (o < sizeof seg) snprintf(seg + o, sizeof seg - o, "%s", close);
        if (so < sn) so += (size_t)snprintf(summary + so, sn - so, "%s ", seg);
        int32_t t = tw_add_uint(p, HF(F_PA_ASP_SEG), off, 2 + n * asn_len, 0);
        tw_rec_label(p, t, "AS Path segment: %s", seg);
        tw_tree_push(p, t);
        tw_add_uint(p, HF(F_PA_ASP_TYPE), off, 1, st);
        tw_add_uint(p, HF(F_PA_ASP_LEN), off + 1, 1, n);
        for (uint32_t i = 0; i < n; i++) {
            uint32_t o2 = off + 2 + asn_len * i;
            uint32_t a = asn_len == 2 ? g16(x, o2) : g32(x, o2);
            int32_t r = tw_add_uint(p, HF(asn_len == 2 ? F_PA_AS2 : F_PA_AS4), o2, asn_len, a);
            if (a == 23456) tw_rec_label(p, r, "AS%u: %u (AS_TRANS)", asn_len == 2 ? 2 : 4, a);
        }
        tw_tree_pop(p);
        off += 2 + n * asn_len;
    }
}

static void mp_nlri(struct bx *x, uint32_t off, uint32_t end, uint32_t afi, uint32_t safi,
                    bool reach)
{
    if (!(safi == 1 || safi == 2 || safi == 3) || (afi != 1 && afi != 2)) return;
    bool v6 = afi == 2;
    int hf = reach ? (v6 ? F_MPR_V6 : F_MPR_V4) : (v6 ? F_MPU_V6 : F_MPU_V4);
    const char *tag = reach ? "MP Reach NLRI" : "MP Unreach NLRI";
    while (off < end) {
        int n = prefix(x, off, HF(hf), tag, v6);
        if (n < 0) return;
        off += (uint32_t)n;
    }
}

static void path_attr(struct bx *x, uint32_t off, uint32_t end)
{
    struct tw_pkt *p = x->p;
    while (off < end) {
        if (!have(x, off, 2)) return;
        uint32_t flags = g8(x, off), type = g8(x, off + 1);
        uint32_t hl = (flags & 0x10) ? 4 : 3;
        if (!have(x, off + 2, hl - 2)) return;
        uint32_t alen = hl == 4 ? g16(x, off + 2) : g8(x, off + 2);
        uint32_t vo = off + hl, ve = vo + alen;
        const char *tn = tw_vs_find(attr_vals, type);
        char tbuf[32];
        if (!tn) {
            snprintf(tbuf, sizeof tbuf, "Unknown (%u)", type);
            tn = tbuf;
        }
        int32_t pa = tw_add_uint(p, HF(F_PA), off, hl + alen, 0);
        tw_tree_push(p, pa);
        /* flags */
        int32_t fr = tw_add_uint(p, HF(F_PA_FLAGS), off, 1, flags);
        if (fr >= 0 && tw_want_labels(p))
            tw_rec_label(
                p, fr, "Flags: 0x%02x%s%s%s%s%s%s%s", flags, (flags & 0x80) ? ", Optional" : "",
                (flags & 0x40) ? ", Transitive" : "", (flags & 0x20) ? ", Partial" : "",
                (flags & 0x10) ? ", Extended-Length" : "", (flags & 0x40) ? "" : ", Non-transitive",
                (flags & 0x80) ? "" : ", Well-known", (flags & 0x20) ? "" : ", Complete");
        tw_tree_push(p, fr);
        for (int f = F_PA_F_OPT; f <= F_PA_F_UNUSED; f++) tw_add_bits(p, HF(f), off, 1, flags);
        tw_tree_pop(p);
        tw_add_uint(p, HF(F_PA_TYPE), off + 1, 1, type);
        tw_add_uint(p, HF(F_PA_LENGTH), off + 2, hl - 2, alen);
        char val[600];
        val[0] = 0;
        switch (type) {
        case 1:
            if (alen != 1 || !have(x, vo, 1)) break;
            tw_add_uint(p, HF(F_PA_ORIGIN), vo, 1, g8(x, vo));
            snprintf(val, sizeof val, ": %s",
                     tw_vs_find(origin_vals, g8(x, vo)) ? tw_vs_find(origin_vals, g8(x, vo))
                                                        : "Unknown");
            break;
        case 2:
        case 17: {
            if (alen == 0) {
                snprintf(val, sizeof val, ": empty");
                break;
            }
            uint32_t al = type == 17 ? 4 : as_len_guess(x, vo, ve);
            if (!al) break;
            char sum[560];
            as_path(x, vo, ve, al, sum, sizeof sum);
            snprintf(val, sizeof val, ": %s", sum);
            break;
        }
        case 3:
            if (alen != 4 || !have(x, vo, 4)) break;
            tw_add_ptr(p, HF(F_PA_NEXT_HOP), vo, 4, x->d + vo, 4);
            snprintf(val, sizeof val, ": %u.%u.%u.%u ", x->d[vo], x->d[vo + 1], x->d[vo + 2],
                     x->d[vo + 3]);
            break;
        case 4:
        case 5:
            if (alen != 4 || !have(x, vo, 4)) break;
            tw_add_uint(p, HF(type == 4 ? F_PA_MED : F_PA_LOCAL_PREF), vo, 4, g32(x, vo));
            snprintf(val, sizeof val, ": %u", g32(x, vo));
            break;
        case 7:
        case 18: {
            uint32_t al = alen == 8 ? 4 : 2;
            if ((alen != 6 && alen != 8) || !have(x, vo, alen)) break;
            uint32_t as = al == 4 ? g32(x, vo) : g16(x, vo);
            tw_add_uint(p, HF(F_PA_AGG_AS), vo, al, as);
            const uint8_t *a = x->d + vo + al;
            tw_add_ptr(p, HF(F_PA_AGG_ORIGIN), vo + al, 4, a, 4);
            snprintf(val, sizeof val, ": AS: %u origin: %u.%u.%u.%u", as, a[0], a[1], a[2], a[3]);
            break;
        }
        case 8: {
            if (alen % 4 || !have(x, vo, alen)) break;
            size_t vo2 = (size_t)snprintf(val, sizeof val, ":");
            for (uint32_t o = vo; o < ve; o += 4) {
                uint32_t v = g32(x, o);
                const char *wk = tw_vs_find(comm_wk_vals, v);
                if (vo2 >= sizeof val) break;
                if (wk)
                    vo2 += (size_t)snprintf(val + vo2, sizeof val - vo2, " %s", wk);
                else
                    vo2 += (size_t)snprintf(val + vo2, sizeof val - vo2, " %u:%u", v >> 16,
                                            v & 0xffff);
            }
            if (vo2 < sizeof val - 1) strcat(val, " ");
            int32_t cs = tw_add_uint(p, HF(F_PA_COMMUNITIES), vo, alen, 0);
            tw_rec_label(p, cs, "Communities%s", val);
            tw_tree_push(p, cs);
            for (uint32_t o = vo; o < ve; o += 4) {
                uint32_t v = g32(x, o);
                if (tw_vs_find(comm_wk_vals, v)) {
                    tw_add_uint(p, HF(F_PA_COMM_WK), o, 4, v);
                    continue;
                }
                int32_t c = tw_add_uint(p, HF(F_PA_COMMUNITY), o, 4, 0);
                tw_rec_label(p, c, "Community: %u:%u ", v >> 16, v & 0xffff);
                tw_tree_push(p, c);
                tw_add_uint(p, HF(F_PA_COMM_AS), o, 2, v >> 16);
                tw_add_uint(p, HF(F_PA_COMM_VALUE), o + 2, 2, v & 0xffff);
                tw_tree_pop(p);
            }
            tw_tree_pop(p);
            break;
        }
        case 9:
            if (alen != 4 || !have(x, vo, 4)) break;
            tw_add_ptr(p, HF(F_PA_ORIGINATOR), vo, 4, x->d + vo, 4);
            snprintf(val, sizeof val, ": %u.%u.%u.%u ", x->d[vo], x->d[vo + 1], x->d[vo + 2],
                     x->d[vo + 3]);
            break;
        case 10: {
            if (alen % 4 || !have(x, vo, alen)) break;
            int32_t cl = tw_add_uint(p, HF(F_PA_CLUSTER_LIST), vo, alen, 0);
            tw_tree_push(p, cl);
            size_t o2 = (size_t)snprintf(val, sizeof val, ":");
            for (uint32_t o = vo; o < ve; o += 4) {
                tw_add_ptr(p, HF(F_PA_CLUSTER_ID), o, 4, x->d + o, 4);
                if (o2 < sizeof val)
                    o2 += (size_t)snprintf(val + o2, sizeof val - o2, " %u.%u.%u.%u", x->d[o],
                                           x->d[o + 1], x->d[o + 2], x->d[o + 3]);
            }
            tw_tree_pop(p);
            tw_rec_label(p, cl, "Cluster List%s", val);
            break;
        }
        case 14: {
            if (!have(x, vo, 4)) break;
            uint32_t afi = g16(x, vo), safi = g8(x, vo + 2), nhl = g8(x, vo + 3);
            tw_add_uint(p, HF(F_MPR_AFI), vo, 2, afi);
            tw_add_uint(p, HF(F_MPR_SAFI), vo + 2, 1, safi);
            uint32_t o = vo + 4;
            if (!have(x, o, nhl)) break;
            /* the next hop item starts at its length byte */
            int32_t nh = tw_add_ptr(p, HF(F_MPR_NH), o - 1, nhl + 1, x->d + o - 1, nhl + 1);
            char s[64] = "", s2[64] = "";
            tw_tree_push(p, nh);
            if (nhl == 4) {
                snprintf(s, sizeof s, "%u.%u.%u.%u", x->d[o], x->d[o + 1], x->d[o + 2],
                         x->d[o + 3]);
                tw_add_ptr(p, HF(F_MPR_NH4), o, 4, x->d + o, 4);
            } else if (nhl == 16 || nhl == 32) {
                ip6_str(x->d + o, s, sizeof s);
                tw_add_ptr(p, HF(F_MPR_NH6), o, 16, x->d + o, 16);
                if (nhl == 32) {
                    ip6_str(x->d + o + 16, s2, sizeof s2);
                    tw_add_ptr(p, HF(F_MPR_NH6_LL), o + 16, 16, x->d + o + 16, 16);
                }
            }
            tw_tree_pop(p);
            if (s2[0])
                tw_rec_label(p, nh, "Next hop: IPv6=%s Link-local=%s", s, s2);
            else if (s[0])
                tw_rec_label(p, nh, "Next hop: %s", s);
            o += nhl;
            if (!have(x, o, 1)) break;
            uint32_t nsnpa = g8(x, o);
            tw_add_uint(p, HF(F_MPR_NBR_SNPA), o, 1, nsnpa);
            o++;
            for (uint32_t i = 0; i < nsnpa; i++) {
                if (!have(x, o, 1)) break;
                uint32_t sl = g8(x, o);
                tw_add_uint(p, HF(F_MPR_SNPA_LEN), o, 1, sl);
                add_b(x, F_MPR_SNPA, o + 1, sl);
                o += 1 + sl;
            }
            if (x->err) break;
            int32_t nl = tw_add_uint(p, HF(F_MPR_NLRI), o, ve > o ? ve - o : 0, 0);
            tw_tree_push(p, nl);
            mp_nlri(x, o, ve, afi, safi, true);
            tw_tree_pop(p);
            break;
        }
        case 15: {
            if (!have(x, vo, 3)) break;
            uint32_t afi = g16(x, vo), safi = g8(x, vo + 2);
            tw_add_uint(p, HF(F_MPU_AFI), vo, 2, afi);
            tw_add_uint(p, HF(F_MPU_SAFI), vo + 2, 1, safi);
            uint32_t o = vo + 3;
            int32_t nl = tw_add_uint(p, HF(F_MPU_NLRI), o, ve > o ? ve - o : 0, 0);
            tw_tree_push(p, nl);
            mp_nlri(x, o, ve, afi, safi, false);
            tw_tree_pop(p);
            break;
        }
        default:
            break;
        }
        tw_tree_pop(p);
        tw_rec_label(p, pa, "Path Attribute - %s%s", tn, val);
        if (x->err) return;
        off = ve;
    }
}

static void update(struct bx *x, uint32_t off)
{
    struct tw_pkt *p = x->p;
    if (!have(x, off, 2)) return;
    uint32_t wl = g16(x, off);
    tw_add_uint(p, HF(F_WD_LEN), off, 2, wl);
    off += 2;
    if (wl) {
        int32_t w = tw_add_uint(p, HF(F_WD), off, wl, 0);
        tw_tree_push(p, w);
        uint32_t e = off + wl;
        for (uint32_t o = off; o < e;) {
            int n = prefix(x, o, HF(F_WD_PREFIX), "Withdrawn route", false);
            if (n < 0) break;
            o += (uint32_t)n;
        }
        tw_tree_pop(p);
        if (x->err) return;
        off = e;
    }
    if (!have(x, off, 2)) return;
    uint32_t pl = g16(x, off);
    tw_add_uint(p, HF(F_PA_LEN), off, 2, pl);
    off += 2;
    if (pl) {
        int32_t pa = tw_add_uint(p, HF(F_PAS), off, pl, 0);
        tw_tree_push(p, pa);
        path_attr(x, off, off + pl);
        tw_tree_pop(p);
        if (x->err) return;
        off += pl;
    }
    if (off < x->end) {
        int32_t n = tw_add_uint(p, HF(F_NLRI), off, x->end - off, 0);
        tw_tree_push(p, n);
        for (uint32_t o = off; o < x->end;) {
            int k = prefix(x, o, HF(F_NLRI_PREFIX), "NLRI", false);
            if (k < 0) break;
            o += (uint32_t)k;
        }
        tw_tree_pop(p);
    }
}

static void open_msg(struct bx *x, uint32_t off)
{
    struct tw_pkt *p = x->p;
    if (add_u(x, F_OPEN_VERSION, off, 1) == -2) return;
    if (!have(x, off + 1, 2)) return;
    uint32_t myas = g16(x, off + 1);
    int32_t r = tw_add_uint(p, HF(F_OPEN_MYAS), off + 1, 2, myas);
    if (myas == 23456) tw_rec_label(p, r, "My AS: %u (AS_TRANS)", myas);
    if (add_u(x, F_OPEN_HOLDTIME, off + 3, 2) == -2) return;
    if (add_b(x, F_OPEN_IDENTIFIER, off + 5, 4) == -2) return;
    if (!have(x, off + 9, 1)) return;
    uint32_t optlen = g8(x, off + 9);
    tw_add_uint(p, HF(F_OPEN_OPT_LEN), off + 9, 1, optlen);
    if (!optlen) return;
    uint32_t o = off + 10, e = o + optlen;
    int32_t ot = tw_add_uint(p, HF(F_OPEN_OPT), o, optlen, 0);
    tw_tree_push(p, ot);
    while (o < e) {
        if (!have(x, o, 2)) break;
        uint32_t pt = g8(x, o), plen = g8(x, o + 1);
        const char *pn = tw_vs_find(param_vals, pt);
        int32_t pr = tw_add_uint(p, HF(F_OPEN_PARAM), o, 2 + plen, 0);
        tw_rec_label(p, pr, "Optional Parameter: %s", pn ? pn : "Unknown");
        tw_tree_push(p, pr);
        tw_add_uint(p, HF(F_OPEN_PARAM_TYPE), o, 1, pt);
        tw_add_uint(p, HF(F_OPEN_PARAM_LEN), o + 1, 1, plen);
        uint32_t c = o + 2, ce = c + plen;
        if (pt == 2) {
            while (c < ce) {
                if (!have(x, c, 2)) break;
                uint32_t ct = g8(x, c), cl = g8(x, c + 1);
                const char *cn = tw_vs_find(cap_vals, ct);
                int32_t cr = tw_add_uint(p, HF(F_CAP), c, 2 + cl, 0);
                tw_rec_label(p, cr, "Capability: %s", cn ? cn : "Unknown capability");
                tw_tree_push(p, cr);
                tw_add_uint(p, HF(F_CAP_TYPE), c, 1, ct);
                tw_add_uint(p, HF(F_CAP_LENGTH), c + 1, 1, cl);
                uint32_t v = c + 2, ve = v + cl;
                switch (ct) {
                case 1:
                    if (cl != 4) break;
                    add_u(x, F_CAP_MP_AFI, v, 2);
                    add_b(x, F_CAP_RESERVED, v + 2, 1);
                    add_u(x, F_CAP_MP_SAFI, v + 3, 1);
                    break;
                case 2:
                case 128:
                case 70:
                    break;
                case 64: {
                    if (cl == 2)
                        tw_expert(p, EX(E_GR_HELPER), c, 2 + cl,
                                  "Graceful Restart Capability supported in Helper mode only");
                    if (!have(x, v, 2)) break;
                    uint32_t t = g16(x, v);
                    int32_t tr = tw_add_uint(p, HF(F_CAP_GR_TIMERS), v, 2, t);
                    if (tr >= 0 && tw_want_labels(p))
                        tw_rec_label(p, tr, "Restart Timers: 0x%04x%s%s", t,
                                     (t & 0x8000) ? ", Restart state" : "",
                                     (t & 0x4000) ? ", Graceful notification" : "");
                    tw_tree_push(p, tr);
                    tw_add_bits(p, HF(F_CAP_GR_RESTART), v, 2, t);
                    tw_add_bits(p, HF(F_CAP_GR_NOTIF), v, 2, t);
                    tw_add_bits(p, HF(F_CAP_GR_TIME), v, 2, t);
                    tw_tree_pop(p);
                    for (uint32_t g = v + 2; g + 4 <= ve; g += 4) {
                        add_u(x, F_CAP_GR_AFI, g, 2);
                        add_u(x, F_CAP_GR_SAFI, g + 2, 1);
                        if (!have(x, g + 3, 1)) break;
                        uint32_t fl = g8(x, g + 3);
                        int32_t fr = tw_add_uint(p, HF(F_CAP_GR_FLAG), g + 3, 1, fl);
                        if (fl & 0x80)
                            tw_rec_label(p, fr, "Flag: 0x%02x, Preserve forwarding state", fl);
                        tw_tree_push(p, fr);
                        tw_add_bits(p, HF(F_CAP_GR_PFS), g + 3, 1, fl);
                        tw_tree_pop(p);
                    }
                    break;
                }
                case 65:
                    if (cl != 4) break;
                    add_u(x, F_CAP_4AS, v, 4);
                    break;
                case 69:
                    for (uint32_t a = v; a + 4 <= ve; a += 4) {
                        add_u(x, F_CAP_AP_AFI, a, 2);
                        add_u(x, F_CAP_AP_SAFI, a + 2, 1);
                        add_u(x, F_CAP_AP_SR, a + 3, 1);
                    }
                    break;
                default:
                    if (cl) add_b(x, F_CAP_UNKNOWN, v, cl);
                    break;
                }
                tw_tree_pop(p);
                if (x->err) break;
                c = ve;
            }
        } else if (plen) {
            add_b(x, F_OPEN_PARAM_UNKNOWN, c, plen);
        }
        tw_tree_pop(p);
        if (x->err) break;
        o = ce;
    }
    tw_tree_pop(p);
}

static void notification(struct bx *x, uint32_t off)
{
    struct tw_pkt *p = x->p;
    if (!have(x, off, 1)) return;
    uint32_t major = g8(x, off);
    tw_add_uint(p, HF(F_NOTIFY_MAJOR), off, 1, major);
    if (!have(x, off + 1, 1)) return;
    static const uint8_t minor_f[] = {
        F_NOTIFY_MINOR_UNKNOWN, F_NOTIFY_MINOR_HDR,   F_NOTIFY_MINOR_OPEN,  F_NOTIFY_MINOR_UPDATE,
        F_NOTIFY_MINOR_EXPIRED, F_NOTIFY_MINOR_STATE, F_NOTIFY_MINOR_CEASE, F_NOTIFY_MINOR_CAP};
    int f = major <= 7 ? minor_f[major] : F_NOTIFY_MINOR_UNKNOWN;
    tw_add_uint(p, HF(f), off + 1, 1, g8(x, off + 1));
    uint32_t o = off + 2;
    uint32_t minor = g8(x, off + 1);
    /* RFC 8203 shutdown communication: a length and that many bytes of UTF-8, read only when
     * they fill the message exactly (otherwise all of it is Data, as in tshark 4.0) */
    if (major == 6 && (minor == 2 || minor == 4) && o < x->end && have(x, o, 1) &&
        o + 1 + g8(x, o) == x->end) {
        uint32_t n = g8(x, o);
        tw_add_uint(p, HF(F_NOTIFY_COMM_LEN), o, 1, n);
        if (have(x, o + 1, n)) tw_add_ascii(p, HF(F_NOTIFY_COMM), o + 1, n, x->d + o + 1);
        o += 1 + n;
        if (o < x->end) add_b(x, F_NOTIFY_DATA, o, x->end - o);
        return;
    }
    if (o < x->end) add_b(x, F_NOTIFY_DATA, o, x->end - o);
}

static void route_refresh(struct bx *x, uint32_t off)
{
    add_u(x, F_RR_AFI, off, 2);
    add_u(x, F_RR_SUBTYPE, off + 2, 1);
    add_u(x, F_RR_SAFI, off + 3, 1);
}

struct pdus {
    uint32_t n;     /* messages dissected in this call */
    uint32_t ntree; /* the subtree depth where BGP's items hang */
};

static void pdu(struct tw_pkt *p, const struct tw_cur *c, uint32_t off, uint32_t len,
                struct pdus *st)
{
    if (st->n++ > 0 && p->nlayers) {
        /* a further message: a protocol item of its own beside the first */
        tw_layer_next_item(p, ids.field, off, len, st->ntree);
    } else {
        tw_rec_setlen(p, p->layers[p->nlayers - 1].rec, len);
        if (p->layers[p->nlayers - 1].rec >= 0) p->recs[p->layers[p->nlayers - 1].rec].off = off;
    }
    struct bx x = {p,      c->data, off, off + len, TW_MIN(TW_MIN(c->cap, c->end), off + len),
                   c->end, 0};
    uint32_t blen = have(&x, off + 16, 2) ? g16(&x, off + 16) : 0;
    uint8_t type = have(&x, off + 18, 1) ? (uint8_t)g8(&x, off + 18) : 0;
    x.err = 0;
    const char *tn = tw_vs_find(type_vals, type);
    char tbuf[48];
    if (!tn) {
        snprintf(tbuf, sizeof tbuf, "Unknown message type (0x%02x)", type);
        tn = tbuf;
    }
    if (st->n == 1)
        tw_info_set(p, tn);
    else
        tw_info_printf(p, ", %s", tn);
    tw_layer_label(p, "Border Gateway Protocol - %s", tn);
    add_b(&x, F_MARKER, off, 16);
    int32_t lr = add_u(&x, F_LENGTH, off + 16, 2);
    if (!x.err && (blen < 19 || blen > 65535)) {
        tw_tree_push(p, lr);
        tw_expert(p, EX(E_LENGTH_INVALID), off + 16, 2, "Length is invalid %u", blen);
        tw_tree_pop(p);
        return;
    }
    add_u(&x, F_TYPE, off + 18, 1);
    uint32_t b = off + 19;
    if (!x.err) switch (type) {
        case 1:
            open_msg(&x, b);
            break;
        case 2:
            update(&x, b);
            break;
        case 3:
            notification(&x, b);
            break;
        case 5:
        case 128:
            route_refresh(&x, b);
            break;
        default:
            break;
        }
    if (x.err == 3)
        tw_show_unreassembled(p);
    else if (x.err)
        tw_show_status(p, (enum tw_status)x.err);
}

static enum tw_status dissect(struct tw_pkt *p, struct tw_cur *c)
{
    static const uint8_t marker[16] = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
                                       0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff};
    tw_col_proto(p, "BGP");
    tw_info_clear(p);
    uint32_t off = c->off;
    const uint32_t cap = TW_MIN(c->cap, c->end);
    struct pdus st = {0, p->ntree ? p->ntree - 1 : 0};
    /* look for the marker */
    while (off < c->end) {
        uint32_t n = TW_MIN(16u, c->end - off);
        if (off + n > cap) break; /* tvb_memcpy would throw */
        if (memcmp(c->data + off, marker, n) == 0) break;
        off++;
    }
    if (off > c->off) {
        /* bytes before a marker (a continuation tshark could not place) */
        tw_add_text(p, c->off, off - c->off, "Continuation");
    }
    while (off < c->end) {
        uint32_t have_n = cap > off ? cap - off : 0;
        if (tw_can_desegment(p) && have_n < 19) {
            tw_deseg_request(p, off, 19 - have_n);
            break;
        }
        if (have_n < 18) {
            c->err = off + 18 > c->end ? TW_CUR_MALFORMED : TW_CUR_TRUNCATED;
            break;
        }
        uint32_t blen = (uint32_t)c->data[off + 16] << 8 | c->data[off + 17];
        if (blen < 19) {
            /* Wireshark shows it (and the length error) and gives up on the rest */
            pdu(p, c, off, TW_MIN(c->end - off, 19u), &st);
            break;
        }
        if (tw_can_desegment(p) && have_n < blen) {
            tw_deseg_request(p, off, blen - have_n);
            break;
        }
        pdu(p, c, off, blen, &st);
        off += blen;
    }
    if (st.n == 0) {
        /* nothing dissected (all of it asked of TCP): tshark lists no BGP for the segment */
        tw_layer_unrecord(p);
        if (p->deseg.len) tw_layer_hide(p);
    }
    return TW_OK;
}

static const struct tw_binding bindings[] = {{TW_TBL_TCP_PORT, 179}};

const struct tw_proto tw_proto_bgp = {
    .abbrev = "bgp",
    .name = "Border Gateway Protocol",
    .short_name = "BGP",
    .fields = fields,
    .nfields = F_COUNT,
    .experts = experts,
    .nexperts = E_COUNT,
    .bindings = bindings,
    .nbindings = TW_ARRAY_LEN(bindings),
    .dissect = dissect,
    .ids = &ids,
};
