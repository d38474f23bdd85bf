/* Link Layer Discovery Protocol (IEEE 802.1AB-2016), EtherType 0x88cc, with the
 * organisation-specific TLVs of IEEE 802.1 (annex D, incl. the DCBX TLVs of 802.1Q clause
 * D.2.8-D.2.10 and 802.1Qau congestion notification), IEEE 802.3 (clause 79), TIA-1057 LLDP-MED
 * and the IANA MUD URL TLV (RFC 8520).
 *
 *   +--------------------+---------------------+----------------------+
 *   | type (7 bits)      | length (9 bits)     | value (length octets) |  ... END (type 0)
 *   +--------------------+---------------------+----------------------+
 *
 * The first three TLVs must be Chassis ID, Port ID and Time To Live, in that order; the
 * LLDPDU ends with the End TLV, after which the Ethernet layer sees padding/trailer/FCS. */
#include "../dissect.h"

#include <stdio.h>

static struct tw_proto_ids ids;
#define HF(x) ((uint16_t)(ids.base + (x)))
#define EX(x) ((uint16_t)(ids.expert_base + (x)))

enum {
    F_TLV_TYPE,
    F_TLV_LEN,
    F_CHASSIS_SUBTYPE,
    F_CHASSIS_ID,
    F_CHASSIS_ID_MAC,
    F_CHASSIS_ID_IP4,
    F_CHASSIS_ID_IP6,
    F_NET_ADDR_SUBTYPE,
    F_PORT_SUBTYPE,
    F_PORT_ID,
    F_PORT_ID_MAC,
    F_PORT_ID_IP4,
    F_PORT_ID_IP6,
    F_TTL,
    F_PORT_DESC,
    F_SYS_NAME,
    F_SYS_DESC,
    F_CAP,
    F_CAP_OTHER,
    F_CAP_REPEATER,
    F_CAP_BRIDGE,
    F_CAP_WLAN,
    F_CAP_ROUTER,
    F_CAP_TELEPHONE,
    F_CAP_DOCSIS,
    F_CAP_STATION,
    F_ECAP,
    F_ECAP_OTHER,
    F_ECAP_REPEATER,
    F_ECAP_BRIDGE,
    F_ECAP_WLAN,
    F_ECAP_ROUTER,
    F_ECAP_TELEPHONE,
    F_ECAP_DOCSIS,
    F_ECAP_STATION,
    F_MGN_ADDR_LEN,
    F_MGN_ADDR_SUBTYPE,
    F_MGN_ADDR_IP4,
    F_MGN_ADDR_IP6,
    F_MGN_ADDR_HEX,
    F_MGN_IF_SUBTYPE,
    F_MGN_IF_NUMBER,
    F_MGN_OID_LEN,
    F_MGN_OID,
    F_ORG_OUI,
    F_UNKNOWN_SUBTYPE,
    F_UNKNOWN_CONTENT,
    /* IEEE 802.1 */
    F_D1_SUBTYPE,
    F_D1_PPVID_FLAGS,
    F_D1_PPVID_SUPPORTED,
    F_D1_PPVID_ENABLED,
    F_D1_PVID,
    F_D1_PPVID,
    F_D1_VLAN_ID,
    F_D1_VLAN_NAME_LEN,
    F_D1_VLAN_NAME,
    F_D1_PROTO_ID_LEN,
    F_D1_PROTO_ID,
    F_D1_AGG_STATUS,
    F_D1_AGG_CAP,
    F_D1_AGG_ENABLED,
    F_D1_AGG_PORTTYPE,
    F_D1_AGG_PORT_ID,
    F_CN_CNPV0,
    F_CN_READY0 = F_CN_CNPV0 + 8,
    F_DCB_WILLING = F_CN_READY0 + 8,
    F_ETS_CBS,
    F_ETS_MAXTCS,
    F_PG_RESERVED,
    F_PG_PGID0,
    F_PG_PER0 = F_PG_PGID0 + 8,
    F_ETS_TSA0 = F_PG_PER0 + 8,
    F_PFC_MBC = F_ETS_TSA0 + 8,
    F_PFC_NUMTCS,
    F_PFC_PRIO0,
    F_APP_RESERVED = F_PFC_PRIO0 + 8,
    F_APP_PRIO,
    F_APP_SF,
    F_APP_PROTO,
    /* IEEE 802.3 */
    F_D3_SUBTYPE,
    F_D3_AUTONEG,
    F_D3_AUTONEG_SUPPORTED,
    F_D3_AUTONEG_ENABLED,
    F_D3_PMD_CAPS,
    F_D3_PMD_CAP0,
    F_D3_PMD_INV0 = F_D3_PMD_CAP0 + 16,
    F_D3_MAU = F_D3_PMD_INV0 + 16,
    F_D3_MDI_SUPPORT,
    F_D3_MDI_PORT_CLASS,
    F_D3_MDI_SUPPORTED,
    F_D3_MDI_ENABLED,
    F_D3_MDI_PSE_PAIRS,
    F_D3_MDI_PSE_PAIR,
    F_D3_MDI_POWER_CLASS,
    F_D3_MDI_POWER_TYPE,
    F_D3_MDI_POWER_SOURCE,
    F_D3_MDI_POWER_PRIO,
    F_D3_MDI_PD_REQ,
    F_D3_MDI_PSE_ALLOC,
    F_D3_AGG_STATUS,
    F_D3_AGG_CAP,
    F_D3_AGG_ENABLED,
    F_D3_AGG_PORT_ID,
    F_D3_MAX_FRAME,
    /* TIA-1057 */
    F_MED_SUBTYPE,
    F_MED_CAPS,
    F_MED_CAP0,
    F_MED_CLASS = F_MED_CAP0 + 6,
    F_MED_APP_TYPE,
    F_MED_POLICY,
    F_MED_TAGGED,
    F_MED_VLAN,
    F_MED_L2PRIO,
    F_MED_DSCP,
    F_MED_POWER_TYPE,
    F_MED_POWER_SOURCE,
    F_MED_POWER_PRIO,
    F_MED_POWER_VALUE,
    F_MED_HW,
    F_MED_FW,
    F_MED_SW,
    F_MED_SN,
    F_MED_MANUF,
    F_MED_MODEL,
    F_MED_ASSET,
    /* IANA */
    F_IANA_SUBTYPE,
    F_IANA_MUDURL,
    F_COUNT
};

static const struct tw_vs tlv_type_vals[] = {{0, "End of LLDPDU"},
                                             {1, "Chassis Id"},
                                             {2, "Port Id"},
                                             {3, "Time to Live"},
                                             {4, "Port Description"},
                                             {5, "System Name"},
                                             {6, "System Description"},
                                             {7, "System Capabilities"},
                                             {8, "Management Address"},
                                             {127, "Organization Specific"},
                                             {0, NULL}};
static const struct tw_vs chassis_subtype_vals[] = {
    {0, "Reserved"},       {1, "Chassis component"}, {2, "Interface alias"},
    {3, "Port component"}, {4, "MAC address"},       {5, "Network address"},
    {6, "Interface name"}, {7, "Locally assigned"},  {0, NULL}};
static const struct tw_vs port_subtype_vals[] = {
    {0, "Reserved"},         {1, "Interface alias"},  {2, "Port component"},
    {3, "MAC address"},      {4, "Network address"},  {5, "Interface name"},
    {6, "Agent circuit Id"}, {7, "Locally assigned"}, {0, NULL}};
/* the Info column abbreviations of the subtypes above */
static const char *const chassis_abbr[8] = {"Reserved", "CC", "IA", "PC", "MA", "NA", "IN", "LA"};
static const char *const port_abbr[8] = {"Reserved", "IA", "PC", "MA", "NA", "IN", "AC", "LA"};
static const struct tw_vs afn_vals[] = {
    {0, "Reserved"},
    {1, "IPv4"},
    {2, "IPv6"},
    {3, "NSAP"},
    {4, "HDLC (8-bit multidrop)"},
    {5, "BBN 1822"},
    {6, "802 (includes all 802 media plus Ethernet canonical format)"},
    {7, "E.163"},
    {8, "E.164 (SMDS, Frame Relay, ATM)"},
    {9, "F.69 (Telex)"},
    {10, "X.121, X.25, Frame Relay"},
    {11, "IPX"},
    {12, "Appletalk"},
    {13, "Decnet IV"},
    {14, "Banyan Vines"},
    {15, "E.164 with NSAP format subaddress"},
    {16, "DNS (Domain Name System)"},
    {17, "Distinguished Name"},
    {18, "AS Number"},
    {19, "XTP over IP version 4"},
    {20, "XTP over IP version 6"},
    {21, "XTP native mode XTP"},
    {22, "Fibre Channel World-Wide Port Name"},
    {23, "Fibre Channel World-Wide Node Name"},
    {24, "GWID"},
    {25, "AFI for L2VPN"},
    {0, NULL}};
static const struct tw_vs if_subtype_vals[] = {
    {1, "Unknown"}, {2, "ifIndex"}, {3, "System port number"}, {0, NULL}};
static const struct tw_tfs capable_tfs = {"Capable", "Not capable"};
static const struct tw_tfs supported_tfs = {"Supported", "Not supported"};
static const struct tw_tfs enabled_tfs = {"Enabled", "Disabled"};
static const struct tw_tfs yes_no_tfs = {"Yes", "No"};

static const struct tw_vs d1_subtype_vals[] = {{0x01, "Port VLAN ID"},
                                               {0x02, "Port and Protocol VLAN ID"},
                                               {0x03, "VLAN Name"},
                                               {0x04, "Protocol Identity"},
                                               {0x05, "VID Usage Digest"},
                                               {0x06, "Management VID"},
                                               {0x07, "Link Aggregation"},
                                               {0x08, "Congestion Notification"},
                                               {0x09, "ETS Configuration"},
                                               {0x0a, "ETS Recommendation"},
                                               {0x0b, "Priority Flow Control Configuration"},
                                               {0x0c, "Application Protocol"},
                                               {0x0d, "EVB"},
                                               {0x0e, "CDCP"},
                                               {0x0f, "Port extension"},
                                               {0x10, "Application VLAN"},
                                               {0, NULL}};
static const struct tw_vs d3_subtype_vals[] = {{0x01, "MAC/PHY Configuration/Status"},
                                               {0x02, "Power Via MDI"},
                                               {0x03, "Link Aggregation"},
                                               {0x04, "Maximum Frame Size"},
                                               {0x05, "EEE (Energy-Efficient Ethernet)"},
                                               {0x06, "EEE Fast Wake"},
                                               {0x07, "Additional Ethernet Capabilities"},
                                               {0x08, "Power Via MDI Measurements"},
                                               {0, NULL}};
static const struct tw_vs med_subtype_vals[] = {{1, "Media Capabilities"},
                                                {2, "Network Policy"},
                                                {3, "Location Identification"},
                                                {4, "Extended Power-via-MDI"},
                                                {5, "Inventory - Hardware Revision"},
                                                {6, "Inventory - Firmware Revision"},
                                                {7, "Inventory - Software Revision"},
                                                {8, "Inventory - Serial Number"},
                                                {9, "Inventory - Manufacturer Name"},
                                                {10, "Inventory - Model Name"},
                                                {11, "Inventory - Asset ID"},
                                                {0, NULL}};
static const struct tw_vs iana_subtype_vals[] = {{1, "Manufacturer Usage Description URL"},
                                                 {0, NULL}};
static const struct tw_vs med_class_vals[] = {
    {0, "Type Not Defined"},   {1, "Endpoint Class I"},     {2, "Endpoint Class II"},
    {3, "Endpoint Class III"}, {4, "Network Connectivity"}, {0, NULL}};
static const struct tw_vs med_app_vals[] = {{1, "Voice"},
                                            {2, "Voice Signaling"},
                                            {3, "Guest Voice"},
                                            {4, "Guest Voice Signaling"},
                                            {5, "Softphone Voice"},
                                            {6, "Video Conferencing"},
                                            {7, "Streaming Video"},
                                            {8, "Video Signaling"},
                                            {0, NULL}};
static const struct tw_vs tsa_vals[] = {{0, "Strict Priority"},
                                        {1, "Credit-Based Shaper"},
                                        {2, "Enhanced Transmission Selection"},
                                        {255, "Vendor Specific"},
                                        {0, NULL}};
static const struct tw_vs app_sf_vals[] = {
    {0, "Reserved"},           {1, "Default or Ethertype"},        {2, "Port over TCP/SCTP"},
    {3, "Port over UDP/DCCP"}, {4, "Port over TCP/SCTP/UDP/DCCP"}, {0, NULL}};
static const struct tw_vs agg_porttype_vals[] = {{0, "Not specified"},
                                                 {1, "Aggregation Port"},
                                                 {2, "Aggregator"},
                                                 {3, "Aggregator with single Aggregation Port"},
                                                 {0, NULL}};
static const struct tw_vs mau_vals[] = {
    {0x0000, "other or unknown"},
    {0x0010, "100BaseTXFD - 2 pair category 5 UTP, full duplex mode"},
    {0x001e, "1000BaseTFD - Four-pair Category 5 UTP, full duplex mode"},
    {0, NULL}};
static const struct tw_vs power_class_vals[] = {{1, "0"}, {2, "1"}, {3, "2"},
                                                {4, "3"}, {5, "4"}, {0, NULL}};
static const struct tw_vs power_type_vals[] = {{0, "Type 2 PSE Device"},
                                               {1, "Type 2 PD Device"},
                                               {2, "Type 1 PSE Device"},
                                               {3, "Type 1 PD Device"},
                                               {0, NULL}};
static const struct tw_tfs pse_pd_tfs = {"PSE", "PD"};
static const struct tw_tfs policy_tfs = {"Unknown", "Defined"};
static const struct tw_vs power_prio_vals[] = {
    {0, "Unknown"}, {1, "Critical"}, {2, "High"}, {3, "Low"}, {0, NULL}};

#define FLAG16(ab, nm, m, t)                                                                       \
    {                                                                                              \
        ab, nm, TW_FT_BOOLEAN, 16, m, NULL, NULL, t                                                \
    }
#define FLAG8(ab, nm, m, t)                                                                        \
    {                                                                                              \
        ab, nm, TW_FT_BOOLEAN, 8, m, NULL, NULL, t                                                 \
    }

static const struct tw_field_def fields[F_COUNT] = {
    [F_TLV_TYPE] = {"lldp.tlv.type", "TLV Type", TW_FT_UINT16, TW_BASE_DEC, 0xfe00, tlv_type_vals},
    [F_TLV_LEN] = {"lldp.tlv.len", "TLV Length", TW_FT_UINT16, TW_BASE_DEC, 0x01ff},
    [F_CHASSIS_SUBTYPE] = {"lldp.chassis.subtype", "Chassis Id Subtype", TW_FT_UINT8, TW_BASE_DEC,
                           0, chassis_subtype_vals},
    [F_CHASSIS_ID] = {"lldp.chassis.id", "Chassis Id", TW_FT_BYTES, TW_BASE_NONE},
    [F_CHASSIS_ID_MAC] = {"lldp.chassis.id.mac", "Chassis Id", TW_FT_ETHER},
    [F_CHASSIS_ID_IP4] = {"lldp.chassis.id.ip4", "Chassis Id", TW_FT_IPv4},
    [F_CHASSIS_ID_IP6] = {"lldp.chassis.id.ip6", "Chassis Id", TW_FT_IPv6},
    [F_NET_ADDR_SUBTYPE] = {"lldp.network_address.subtype", "Network Address family", TW_FT_UINT8,
                            TW_BASE_DEC, 0, afn_vals},
    [F_PORT_SUBTYPE] = {"lldp.port.subtype", "Port Id Subtype", TW_FT_UINT8, TW_BASE_DEC, 0,
                        port_subtype_vals},
    [F_PORT_ID] = {"lldp.port.id", "Port Id", TW_FT_STRING},
    [F_PORT_ID_MAC] = {"lldp.port.id.mac", "Port Id", TW_FT_ETHER},
    [F_PORT_ID_IP4] = {"lldp.port.id.ip4", "Port Id", TW_FT_IPv4},
    [F_PORT_ID_IP6] = {"lldp.port.id.ip6", "Port Id", TW_FT_IPv6},
    [F_TTL] = {"lldp.time_to_live", "Seconds", TW_FT_UINT16, TW_BASE_DEC},
    [F_PORT_DESC] = {"lldp.port.desc", "Port Description", TW_FT_STRING},
    [F_SYS_NAME] = {"lldp.tlv.system.name", "System Name", TW_FT_STRING},
    [F_SYS_DESC] = {"lldp.tlv.system.desc", "System Description", TW_FT_STRING},
    [F_CAP] = {"lldp.tlv.system_cap", "Capabilities", TW_FT_UINT16, TW_BASE_HEX},
    [F_CAP_OTHER] = FLAG16("lldp.tlv.system_cap.other", "Other", 0x01, &capable_tfs),
    [F_CAP_REPEATER] = FLAG16("lldp.tlv.system_cap.repeater", "Repeater", 0x02, &capable_tfs),
    [F_CAP_BRIDGE] = FLAG16("lldp.tlv.system_cap.bridge", "Bridge", 0x04, &capable_tfs),
    [F_CAP_WLAN] =
        FLAG16("lldp.tlv.system_cap.wlan_access_pt", "WLAN access point", 0x08, &capable_tfs),
    [F_CAP_ROUTER] = FLAG16("lldp.tlv.system_cap.router", "Router", 0x10, &capable_tfs),
    [F_CAP_TELEPHONE] = FLAG16("lldp.tlv.system_cap.telephone", "Telephone", 0x20, &capable_tfs),
    [F_CAP_DOCSIS] = FLAG16("lldp.tlv.system_cap.docsis_cable_device", "DOCSIS cable device", 0x40,
                            &capable_tfs),
    [F_CAP_STATION] =
        FLAG16("lldp.tlv.system_cap.station_only", "Station only", 0x80, &capable_tfs),
    [F_ECAP] = {"lldp.tlv.enable_system_cap", "Enabled Capabilities", TW_FT_UINT16, TW_BASE_HEX},
    [F_ECAP_OTHER] = FLAG16("lldp.tlv.enable_system_cap.other", "Other", 0x01, &capable_tfs),
    [F_ECAP_REPEATER] =
        FLAG16("lldp.tlv.enable_system_cap.repeater", "Repeater", 0x02, &capable_tfs),
    [F_ECAP_BRIDGE] = FLAG16("lldp.tlv.enable_system_cap.bridge", "Bridge", 0x04, &capable_tfs),
    [F_ECAP_WLAN] = FLAG16("lldp.tlv.enable_system_cap.wlan_access_pt", "WLAN access point", 0x08,
                           &capable_tfs),
    [F_ECAP_ROUTER] = FLAG16("lldp.tlv.enable_system_cap.router", "Router", 0x10, &capable_tfs),
    [F_ECAP_TELEPHONE] =
        FLAG16("lldp.tlv.enable_system_cap.telephone", "Telephone", 0x20, &capable_tfs),
    [F_ECAP_DOCSIS] = FLAG16("lldp.tlv.enable_system_cap.docsis_cable_device",
                             "DOCSIS cable device", 0x40, &capable_tfs),
    [F_ECAP_STATION] =
        FLAG16("lldp.tlv.enable_system_cap.station_only", "Station only", 0x80, &capable_tfs),
    [F_MGN_ADDR_LEN] = {"lldp.mgn.address.len", "Address String Length", TW_FT_UINT8, TW_BASE_DEC},
    [F_MGN_ADDR_SUBTYPE] = {"lldp.mgn.address.subtype", "Address Subtype", TW_FT_UINT8, TW_BASE_DEC,
                            0, afn_vals},
    [F_MGN_ADDR_IP4] = {"lldp.mgn.addr.ip4", "Management Address", TW_FT_IPv4},
    [F_MGN_ADDR_IP6] = {"lldp.mgn.addr.ip6", "Management Address", TW_FT_IPv6},
    [F_MGN_ADDR_HEX] = {"lldp.mgn.addr.hex", "Management Address", TW_FT_BYTES},
    [F_MGN_IF_SUBTYPE] = {"lldp.mgn.interface.subtype", "Interface Subtype", TW_FT_UINT8,
                          TW_BASE_DEC, 0, if_subtype_vals},
    [F_MGN_IF_NUMBER] = {"lldp.mgn.interface.number", "Interface Number", TW_FT_UINT32,
                         TW_BASE_DEC},
    [F_MGN_OID_LEN] = {"lldp.mgn.obj.len", "OID String Length", TW_FT_UINT8, TW_BASE_DEC},
    [F_MGN_OID] = {"lldp.mgn.obj.id", "Object Identifier", TW_FT_OID},
    [F_ORG_OUI] = {"lldp.orgtlv.oui", "Organization Unique Code", TW_FT_UINT24, TW_BASE_OUI},
    [F_UNKNOWN_SUBTYPE] = {"lldp.unknown_subtype", "Unknown Subtype", TW_FT_UINT8, TW_BASE_DEC},
    [F_UNKNOWN_CONTENT] = {"lldp.unknown_subtype.content", "Unknown Subtype Content", TW_FT_BYTES},
    [F_D1_SUBTYPE] = {"lldp.ieee.802_1.subtype", "IEEE 802.1 Subtype", TW_FT_UINT8, TW_BASE_HEX, 0,
                      d1_subtype_vals},
    [F_D1_PPVID_FLAGS] = {"lldp.ieee.802_1.port_and_vlan_id_flag", "Flags", TW_FT_UINT8,
                          TW_BASE_HEX},
    [F_D1_PPVID_SUPPORTED] = FLAG8("lldp.ieee.802_1.port_and_vlan_id_flag.supported",
                                   "Port and Protocol VLAN", 0x02, &supported_tfs),
    [F_D1_PPVID_ENABLED] = FLAG8("lldp.ieee.802_1.port_and_vlan_id_flag.enabled",
                                 "Port and Protocol VLAN", 0x04, &enabled_tfs),
    [F_D1_PVID] = {"lldp.ieee.802_1.port_vlan.id", "Port VLAN Identifier", TW_FT_UINT16,
                   TW_BASE_DEC_HEX},
    [F_D1_PPVID] = {"lldp.ieee.802_1.port_proto_vlan.id", "Port and Protocol VLAN Identifier",
                    TW_FT_UINT16, TW_BASE_DEC_HEX},
    [F_D1_VLAN_ID] = {"lldp.ieee.802_1.vlan.id", "VLAN Identifier", TW_FT_UINT16, TW_BASE_DEC_HEX},
    [F_D1_VLAN_NAME_LEN] = {"lldp.ieee.802_1.vlan.name_len", "VLAN Name Length", TW_FT_UINT8,
                            TW_BASE_DEC},
    [F_D1_VLAN_NAME] = {"lldp.ieee.802_1.vlan.name", "VLAN Name", TW_FT_STRINGZ},
    [F_D1_PROTO_ID_LEN] = {"lldp.ieee.802_1.proto.id_length", "Protocol Identity Length",
                           TW_FT_UINT8, TW_BASE_DEC},
    [F_D1_PROTO_ID] = {"lldp.ieee.802_1.proto.id", "Protocol Identity", TW_FT_BYTES},
    [F_D1_AGG_STATUS] = {"lldp.ieee.802_1.aggregation_status", "Aggregation Status", TW_FT_UINT8,
                         TW_BASE_HEX},
    [F_D1_AGG_CAP] = FLAG8("lldp.ieee.802_1.aggregation_status.cap", "Aggregation Capability", 0x01,
                           &yes_no_tfs),
    [F_D1_AGG_ENABLED] = FLAG8("lldp.ieee.802_1.aggregation_status.enabled", "Aggregation Status",
                               0x02, &enabled_tfs),
    [F_D1_AGG_PORTTYPE] = {"lldp.ieee.802_1.aggregation_status.porttype", "Aggregation Status",
                           TW_FT_UINT8, TW_BASE_DEC, 0x0c, agg_porttype_vals},
    [F_D1_AGG_PORT_ID] = {"lldp.ieee.802_1.aggregated_port_id", "Aggregated Port Id", TW_FT_UINT32,
                          TW_BASE_DEC},
#define CN(i)                                                                                      \
    [F_CN_CNPV0 + i] = FLAG8("lldp.ieee.802_1qau.cnpv.prio" #i, "Priority " #i " CNPV Capability", \
                             1u << i, &enabled_tfs),                                               \
                  [F_CN_READY0 + i] =                                                              \
                      FLAG8("lldp.ieee.802_1qau.ready.prio" #i, "Priority " #i " Ready Indicator", \
                            1u << i, &tw_tfs_set_notset)
    CN(0),
    CN(1),
    CN(2),
    CN(3),
    CN(4),
    CN(5),
    CN(6),
    CN(7),
    [F_DCB_WILLING] = FLAG8("lldp.dcbx.ieee.willing", "Willing", 0x80, &yes_no_tfs),
    [F_ETS_CBS] = FLAG8("lldp.dcbx.ieee.ets.cbs", "Credit-Based Shaper", 0x40, &supported_tfs),
    [F_ETS_MAXTCS] = {"lldp.dcbx.ieee.ets.maxtcs", "Maximum Number of Traffic Classes", TW_FT_UINT8,
                      TW_BASE_DEC, 0x07},
    [F_PG_RESERVED] = {"lldp.dcbx.feature.pg.reserved", "Reserved", TW_FT_UINT8, TW_BASE_HEX, 0xfe},
#define PG(i, m)                                                                                   \
    [F_PG_PGID0 + i] = {"lldp.dcbx.feature.pg.pgid_prio" #i, "PGID for Prio " #i, TW_FT_UINT16,    \
                        TW_BASE_DEC, m},                                                           \
                  [F_PG_PER0 + i] = {"lldp.dcbx.feature.pg.per" #i, "Bandwidth for PGID " #i,      \
                                     TW_FT_UINT8, TW_BASE_DEC},                                    \
                  [F_ETS_TSA0 + i] = {"lldp.dcbx.ieee.ets.tsa" #i,                                 \
                                      "TSA for Traffic Class " #i,                                 \
                                      TW_FT_UINT8,                                                 \
                                      TW_BASE_DEC,                                                 \
                                      0,                                                           \
                                      tsa_vals},                                                   \
                  [F_PFC_PRIO0 + i] = FLAG8("lldp.dcbx.feature.pfc.prio" #i,                       \
                                            "PFC for Priority " #i, 1u << i, &enabled_tfs)
    PG(0, 0xf000),
    PG(1, 0x0f00),
    PG(2, 0x00f0),
    PG(3, 0x000f),
    PG(4, 0xf000),
    PG(5, 0x0f00),
    PG(6, 0x00f0),
    PG(7, 0x000f),
    [F_PFC_MBC] = FLAG8("lldp.dcbx.ieee.pfc.mbc", "MACsec Bypass Capability", 0x40, &capable_tfs),
    [F_PFC_NUMTCS] = {"lldp.dcbx.ieee.pfc.numtcs", "Max PFC Enabled Traffic Classes", TW_FT_UINT8,
                      TW_BASE_DEC, 0x0f},
    [F_APP_RESERVED] = {"lldp.dcbx.ieee.app.reserved", "Reserved", TW_FT_UINT8, TW_BASE_HEX},
    [F_APP_PRIO] = {"lldp.dcbx.ieee.app.prio", "Application Priority", TW_FT_UINT8, TW_BASE_DEC,
                    0xe0},
    [F_APP_SF] = {"lldp.dcbx.iee.app.sf", "Application Selector", TW_FT_UINT8, TW_BASE_DEC, 0x07,
                  app_sf_vals},
    [F_APP_PROTO] = {"lldp.dcbx.feature.app.proto", "Application Protocol Id", TW_FT_UINT16,
                     TW_BASE_HEX},
    [F_D3_SUBTYPE] = {"lldp.ieee.802_3.subtype", "IEEE 802.3 Subtype", TW_FT_UINT8, TW_BASE_HEX, 0,
                      d3_subtype_vals},
    [F_D3_AUTONEG] = {"lldp.ieee.802_3.mac_phy_auto_neg_status", "Auto-Negotiation Support/Status",
                      TW_FT_UINT8, TW_BASE_HEX},
    [F_D3_AUTONEG_SUPPORTED] = FLAG8("lldp.ieee.802_3.mac_phy_auto_neg_status.supported",
                                     "Auto-Negotiation", 0x01, &supported_tfs),
    [F_D3_AUTONEG_ENABLED] = FLAG8("lldp.ieee.802_3.mac_phy_auto_neg_status.enabled",
                                   "Auto-Negotiation", 0x02, &enabled_tfs),
    [F_D3_PMD_CAPS] = {"lldp.ieee.802_3.pmd_auto_neg_advertised_caps",
                       "PMD Auto-Negotiation Advertised Capability", TW_FT_UINT16, TW_BASE_HEX},
#define PMD(i, ab, nm)                                                                             \
    [F_D3_PMD_CAP0 + i] =                                                                          \
        FLAG16("lldp.ieee.802_3.pmd_auto_neg_advertised_caps." ab, nm, 1u << i, &capable_tfs),     \
                     [F_D3_PMD_INV0 + i] =                                                         \
                         FLAG16("lldp.ieee.802_3.pmd_auto_neg_advertised_caps_inv." ab, nm,        \
                                0x8000u >> i, &capable_tfs)
    PMD(0, "1000base_tfd", "1000BASE-T (full duplex mode)"),
    PMD(1, "1000base_t", "1000BASE-T (half duplex mode)"),
    PMD(2, "1000base_xfd", "1000BASE-X (-LX, -SX, -CX full duplex mode)"),
    PMD(3, "1000base_x", "1000BASE-X (-LX, -SX, -CX half duplex mode)"),
    PMD(4, "fdx_bpause", "Asymmetric and Symmetric PAUSE (for full-duplex links)"),
    PMD(5, "fdx_spause", "Symmetric PAUSE (for full-duplex links)"),
    PMD(6, "fdx_apause", "Asymmetric PAUSE (for full-duplex links)"),
    PMD(7, "fdx_pause", "PAUSE (for full-duplex links)"),
    PMD(8, "100base_t2fd", "100BASE-T2 (full duplex mode)"),
    PMD(9, "100base_t2", "100BASE-T2 (half duplex mode)"),
    PMD(10, "100base_txfd", "100BASE-TX (full duplex mode)"),
    PMD(11, "100base_tx", "100BASE-TX (half duplex mode)"),
    PMD(12, "100base_t4", "100BASE-T4"),
    PMD(13, "10base_tfd", "10BASE-T (full duplex mode)"),
    PMD(14, "10base_t", "10BASE-T (half duplex mode)"),
    PMD(15, "other", "Other or unknown"),
    [F_D3_MAU] = {"lldp.ieee.802_3.pmd_mau_type", "Operational MAU Type", TW_FT_UINT16, TW_BASE_HEX,
                  0, mau_vals},
    [F_D3_MDI_SUPPORT] = {"lldp.ieee.802_3.mdi_power_support", "MDI Power Support", TW_FT_UINT8,
                          TW_BASE_HEX},
    [F_D3_MDI_PORT_CLASS] = {"lldp.ieee.802_3.mdi_power_support.port_class", "Port Class",
                             TW_FT_BOOLEAN, 8, 0x01, NULL, NULL, &pse_pd_tfs},
    [F_D3_MDI_SUPPORTED] =
        FLAG8("lldp.ieee.802_3.mdi_power_support.supported", "PSE MDI Power", 0x02, &supported_tfs),
    [F_D3_MDI_ENABLED] =
        FLAG8("lldp.ieee.802_3.mdi_power_support.enabled", "PSE MDI Power", 0x04, &enabled_tfs),
    [F_D3_MDI_PSE_PAIRS] = FLAG8("lldp.ieee.802_3.mdi_power_support.pse_pairs",
                                 "PSE Pairs Control Ability", 0x08, &yes_no_tfs),
    [F_D3_MDI_PSE_PAIR] = {"lldp.ieee.802_3.mdi_pse_pair", "PSE Power Pair", TW_FT_UINT8,
                           TW_BASE_DEC},
    [F_D3_MDI_POWER_CLASS] = {"lldp.ieee.802_3.mdi_power_class", "Power Class", TW_FT_UINT8,
                              TW_BASE_DEC, 0, power_class_vals},
    [F_D3_MDI_POWER_TYPE] = {"lldp.ieee.802_3.mdi_power_type", "Power Type", TW_FT_UINT8,
                             TW_BASE_DEC, 0xc0, power_type_vals},
    [F_D3_MDI_POWER_SOURCE] = {"lldp.ieee.802_3.mdi_power_source", "Power Source", TW_FT_UINT8,
                               TW_BASE_DEC, 0x30},
    [F_D3_MDI_POWER_PRIO] = {"lldp.ieee.802_3.mdi_power_priority", "Power Priority", TW_FT_UINT8,
                             TW_BASE_DEC, 0x0f, power_prio_vals},
    [F_D3_MDI_PD_REQ] = {"lldp.ieee.802_3.mdi_pde_requested", "PD Requested Power Value",
                         TW_FT_UINT16, TW_BASE_DEC},
    [F_D3_MDI_PSE_ALLOC] = {"lldp.ieee.802_3.mdi_pse_allocated", "PSE Allocated Power Value",
                            TW_FT_UINT16, TW_BASE_DEC},
    [F_D3_AGG_STATUS] = {"lldp.ieee.802_3.aggregation_status", "Aggregation Status", TW_FT_UINT8,
                         TW_BASE_HEX},
    [F_D3_AGG_CAP] = FLAG8("lldp.ieee.802_3.aggregation_status.cap", "Aggregation Capability", 0x01,
                           &yes_no_tfs),
    [F_D3_AGG_ENABLED] = FLAG8("lldp.ieee.802_3.aggregation_status.enabled", "Aggregation Status",
                               0x02, &enabled_tfs),
    [F_D3_AGG_PORT_ID] = {"lldp.ieee.802_3.aggregated_port_id", "Aggregated Port Id", TW_FT_UINT32,
                          TW_BASE_DEC},
    [F_D3_MAX_FRAME] = {"lldp.ieee.802_3.max_frame_size", "Maximum Frame Size", TW_FT_UINT16,
                        TW_BASE_DEC},
    [F_MED_SUBTYPE] = {"lldp.media.subtype", "Media Subtype", TW_FT_UINT8, TW_BASE_HEX, 0,
                       med_subtype_vals},
    [F_MED_CAPS] = {"lldp.media.subtype.caps", "Capabilities", TW_FT_UINT16, TW_BASE_HEX},
    [F_MED_CAP0 + 0] =
        FLAG16("lldp.media.subtype.caps.llpd", "LLDP-MED Capabilities", 0x01, &capable_tfs),
    [F_MED_CAP0 + 1] =
        FLAG16("lldp.media.subtype.caps.network_policy", "Network Policy", 0x02, &capable_tfs),
    [F_MED_CAP0 + 2] = FLAG16("lldp.media.subtype.caps.location_id", "Location Identification",
                              0x04, &capable_tfs),
    [F_MED_CAP0 + 3] =
        FLAG16("lldp.media.subtype.caps.mdi_pse", "Extended Power via MDI-PSE", 0x08, &capable_tfs),
    [F_MED_CAP0 + 4] =
        FLAG16("lldp.media.subtype.caps.mid_pd", "Extended Power via MDI-PD", 0x10, &capable_tfs),
    [F_MED_CAP0 + 5] = FLAG16("lldp.media.subtype.caps.inventory", "Inventory", 0x20, &capable_tfs),
    [F_MED_CLASS] = {"lldp.media.subtype.class", "Class Type", TW_FT_UINT8, TW_BASE_DEC, 0,
                     med_class_vals},
    [F_MED_APP_TYPE] = {"lldp.media.app_type", "Application Type", TW_FT_UINT8, TW_BASE_DEC, 0,
                        med_app_vals},
    [F_MED_POLICY] = {"lldp.media.policy_flag", "Policy", TW_FT_BOOLEAN, 24, 0x800000, NULL, NULL,
                      &policy_tfs},
    [F_MED_TAGGED] = {"lldp.media.tag_flag", "Tagged", TW_FT_BOOLEAN, 24, 0x400000, NULL, NULL,
                      &yes_no_tfs},
    [F_MED_VLAN] = {"lldp.media.vlan_id", "VLAN Id", TW_FT_UINT24, TW_BASE_DEC, 0x1ffe00},
    [F_MED_L2PRIO] = {"lldp.media.l2_prio", "L2 Priority", TW_FT_UINT24, TW_BASE_DEC, 0x1c0},
    [F_MED_DSCP] = {"lldp.media.dscp", "DSCP Priority", TW_FT_UINT24, TW_BASE_DEC, 0x3f},
    [F_MED_POWER_TYPE] = {"lldp.media.power.type", "Power Type", TW_FT_UINT8, TW_BASE_DEC, 0xc0},
    [F_MED_POWER_SOURCE] = {"lldp.media.power.source", "Power Source", TW_FT_UINT8, TW_BASE_DEC,
                            0x30},
    [F_MED_POWER_PRIO] = {"lldp.media.power.prio", "Power Priority", TW_FT_UINT8, TW_BASE_DEC, 0x0f,
                          power_prio_vals},
    [F_MED_POWER_VALUE] = {"lldp.media.power.value", "Power Value", TW_FT_UINT16, TW_BASE_DEC},
    [F_MED_HW] = {"lldp.media.hardware", "Hardware Revision", TW_FT_STRING},
    [F_MED_FW] = {"lldp.media.firmware", "Firmware Revision", TW_FT_STRING},
    [F_MED_SW] = {"lldp.media.software", "Software Revision", TW_FT_STRING},
    [F_MED_SN] = {"lldp.media.sn", "Serial Number", TW_FT_STRING},
    [F_MED_MANUF] = {"lldp.media.manufacturer", "Manufacturer Name", TW_FT_STRING},
    [F_MED_MODEL] = {"lldp.media.model", "Model Name", TW_FT_STRING},
    [F_MED_ASSET] = {"lldp.media.asset", "Asset ID", TW_FT_STRING},
    [F_IANA_SUBTYPE] = {"lldp.iana.subtype", "IANA Subtype", TW_FT_UINT8, TW_BASE_HEX, 0,
                        iana_subtype_vals},
    [F_IANA_MUDURL] = {"lldp.iana.mudurl", "Manufacturer Usage Description URL", TW_FT_STRING},
};

static const struct tw_expert_def experts[] = {
    {"lldp.bad_type", "decoder.lldp.bad_type", TW_SEV_WARN, TW_GRP_MALFORMED, "Incorrect type"},
    {"lldp.tlv_deprecated", "decoder.lldp.tlv_deprecated", TW_SEV_WARN, TW_GRP_PROTOCOL,
     "TLV has been deprecated"},
    {"lldp.incorrect_length", "decoder.lldp.incorrect_length", TW_SEV_WARN, TW_GRP_MALFORMED,
     "Invalid length, too short"},
};
enum { E_BAD_TYPE, E_DEPRECATED, E_BAD_LEN };

#define OUI_IEEE_8021 0x0080c2
#define OUI_IEEE_8023 0x00120f
#define OUI_TIA       0x0012bb
#define OUI_IANA      0x00005e

/* TLV header: the type and length bit fields under the TLV's line */
static void tlv_header(struct tw_pkt *p, uint32_t off, uint16_t hdr)
{
    tw_add_bits(p, HF(F_TLV_TYPE), off, 2, hdr);
    tw_add_bits(p, HF(F_TLV_LEN), off, 2, hdr);
}

/* a text line for a TLV, made the parent of what follows */
static int32_t tlv_line(struct tw_pkt *p, uint32_t off, uint32_t len, const char *text)
{
    int32_t r = tw_add_text(p, off, len, "%s", text);
    tw_tree_push(p, r);
    return r;
}

static void fmt_mac(char *out, size_t n, const uint8_t *a)
{
    snprintf(out, n, "%02x:%02x:%02x:%02x:%02x:%02x", a[0], a[1], a[2], a[3], a[4], a[5]);
}

/* printable copy of a string value, for labels and the Info column (stops at NUL) */
static void str_copy(char *out, size_t n, const uint8_t *b, uint32_t len)
{
    size_t o = 0;
    for (uint32_t i = 0; i < len && o + 5 < n; i++) {
        uint8_t ch = b[i];
        if (ch == 0) break;
        if (ch == '\n' || ch == '\r' || ch == '\t') {
            out[o++] = '\\';
            out[o++] = ch == '\n' ? 'n' : ch == '\r' ? 'r' : 't';
        } else if (ch < 0x20 || ch == 0x7f) {
            o += (size_t)snprintf(out + o, n - o, "\\x%02x", ch);
        } else {
            out[o++] = (char)ch;
        }
    }
    out[o] = 0;
}

/* "Name = value" for a TLV's line; Wireshark keeps item labels in 240 bytes and marks a longer
 * one " [truncated]" at its start, cut at 238 bytes */
static void long_label(char *out, size_t n, const char *name, const char *value)
{
    int l = snprintf(out, n, "%s = %s", name, value);
    if (l <= 239) return;
    static const char mark[] = " [truncated]";
    char tmp[240];
    memcpy(tmp, mark, sizeof mark - 1);
    memcpy(tmp + sizeof mark - 1, out, 238 - (sizeof mark - 1));
    size_t cut = 238;
    while (cut > 0 && ((uint8_t)tmp[cut] & 0xc0) == 0x80) cut--;
    tmp[cut] = 0;
    memcpy(out, tmp, cut + 1);
}

/* Chassis ID (type 1) and Port ID (type 2): a subtype, then an ID whose form depends on it */
static bool id_tlv(struct tw_pkt *p, const uint8_t *d, uint32_t off, uint32_t len, uint16_t hdr,
                   bool port)
{
    if (len < 2) return false;
    uint8_t st = d[off + 2];
    const uint8_t *v = d + off + 3;
    uint32_t vl = len - 1;
    char idbuf[256];
    idbuf[0] = 0;
    int fmac = port ? F_PORT_ID_MAC : F_CHASSIS_ID_MAC;
    int fip4 = port ? F_PORT_ID_IP4 : F_CHASSIS_ID_IP4;
    int fip6 = port ? F_PORT_ID_IP6 : F_CHASSIS_ID_IP6;
    bool is_mac = port ? st == 3 : st == 4;
    bool is_net = port ? st == 4 : st == 5;
    if (is_mac && vl >= 6)
        fmt_mac(idbuf, sizeof idbuf, v);
    else if (is_net && vl >= 5 && v[0] == 1)
        snprintf(idbuf, sizeof idbuf, "%u.%u.%u.%u", v[1], v[2], v[3], v[4]);
    else if (is_net && vl >= 17 && v[0] == 2)
        tw_fmt_ipv6(idbuf, v + 1);
    else
        str_copy(idbuf, sizeof idbuf, v, vl);
    const char *stn = tw_vs_find(port ? port_subtype_vals : chassis_subtype_vals, st);
    int32_t r = -1;
    if (p->want_all) {
        r = tw_add_text_(p, off, len + 2, "%s Subtype = %s, Id: %s", port ? "Port" : "Chassis",
                         stn ? stn : "Reserved", idbuf);
    }
    tw_tree_push(p, r);
    tlv_header(p, off, hdr);
    tw_add_uint(p, HF(port ? F_PORT_SUBTYPE : F_CHASSIS_SUBTYPE), off + 2, 1, st);
    if (is_mac && vl >= 6) {
        tw_add_ptr(p, HF(fmac), off + 3, 6, v, 6);
    } else if (is_net && vl >= 1) {
        tw_add_uint(p, HF(F_NET_ADDR_SUBTYPE), off + 3, 1, v[0]);
        if (v[0] == 1 && vl >= 5)
            tw_add_ptr(p, HF(fip4), off + 4, 4, v + 1, 4);
        else if (v[0] == 2 && vl >= 17)
            tw_add_ptr(p, HF(fip6), off + 4, 16, v + 1, 16);
        else if (!port)
            tw_add_ptr(p, HF(F_CHASSIS_ID), off + 4, vl - 1, v + 1, vl - 1);
        else
            tw_add_ascii(p, HF(F_PORT_ID), off + 4, vl - 1, v + 1);
    } else if (port) {
        tw_add_ascii(p, HF(F_PORT_ID), off + 3, vl, v);
    } else {
        tw_add_ptr(p, HF(F_CHASSIS_ID), off + 3, vl, v, vl);
    }
    tw_tree_pop(p);
    const char *ab = st < 8 ? (port ? port_abbr : chassis_abbr)[st] : "Reserved";
    tw_info_printf(p, "%s/%s ", ab, idbuf);
    return true;
}

static void caps(struct tw_pkt *p, int f, uint32_t off, uint16_t v)
{
    int32_t r = tw_add_uint(p, HF(f), off, 2, v);
    tw_tree_push(p, r);
    for (int i = 1; i <= 8; i++) tw_add_bits(p, HF(f + i), off, 2, v);
    tw_tree_pop(p);
}

static void mgmt_addr(struct tw_pkt *p, const uint8_t *d, uint32_t off, uint32_t len)
{
    uint32_t o = off + 2, end = off + 2 + len;
    if (o + 1 > end) return;
    uint8_t alen = d[o];
    tw_add_uint(p, HF(F_MGN_ADDR_LEN), o, 1, alen);
    o++;
    if (o + 1 > end || alen < 1) return;
    uint8_t st = d[o];
    tw_add_uint(p, HF(F_MGN_ADDR_SUBTYPE), o, 1, st);
    o++;
    uint32_t al = alen - 1u;
    if (o + al > end) return;
    if (st == 1 && al == 4)
        tw_add_ptr(p, HF(F_MGN_ADDR_IP4), o, 4, d + o, 4);
    else if (st == 2 && al == 16)
        tw_add_ptr(p, HF(F_MGN_ADDR_IP6), o, 16, d + o, 16);
    else
        tw_add_ptr(p, HF(F_MGN_ADDR_HEX), o, al, d + o, al);
    o += al;
    if (o + 5 > end) return;
    tw_add_uint(p, HF(F_MGN_IF_SUBTYPE), o, 1, d[o]);
    tw_add_uint(p, HF(F_MGN_IF_NUMBER), o + 1, 4,
                (uint32_t)d[o + 1] << 24 | (uint32_t)d[o + 2] << 16 | (uint32_t)d[o + 3] << 8 |
                    d[o + 4]);
    o += 5;
    if (o + 1 > end) return;
    uint8_t olen = d[o];
    tw_add_uint(p, HF(F_MGN_OID_LEN), o, 1, olen);
    o++;
    if (olen && o + olen <= end) tw_add_ptr(p, HF(F_MGN_OID), o, olen, d + o, olen);
}

static uint16_t be16(const uint8_t *b)
{
    return (uint16_t)(b[0] << 8 | b[1]);
}
static uint32_t be32(const uint8_t *b)
{
    return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

/* ETS configuration / recommendation body (after the subtype) */
static void ets(struct tw_pkt *p, const uint8_t *d, uint32_t o, uint32_t n, bool config)
{
    if (n < 1) return;
    if (config) {
        tw_add_bits(p, HF(F_DCB_WILLING), o, 1, d[o]);
        tw_add_bits(p, HF(F_ETS_CBS), o, 1, d[o]);
        int32_t r = tw_add_bits(p, HF(F_ETS_MAXTCS), o, 1, d[o]);
        if (r >= 0 && tw_want_labels(p)) {
            uint8_t m = d[o] & 7;
            tw_rec_label(p, r, ".... .%c%c%c = Maximum Number of Traffic Classes: %u (0x%x)",
                         (m & 4) ? '1' : '0', (m & 2) ? '1' : '0', (m & 1) ? '1' : '0', m ? m : 8,
                         m);
        }
    } else {
        tw_add_bits(p, HF(F_PG_RESERVED), o, 1, d[o]);
    }
    if (n < 5) return;
    uint16_t a = be16(d + o + 1), b = be16(d + o + 3);
    for (int i = 0; i < 4; i++) tw_add_bits(p, HF(F_PG_PGID0 + i), o + 1, 2, a);
    for (int i = 4; i < 8; i++) tw_add_bits(p, HF(F_PG_PGID0 + i), o + 3, 2, b);
    for (uint32_t i = 0; i < 8 && 5 + i < n; i++)
        tw_add_uint(p, HF(F_PG_PER0 + (int)i), o + 5 + i, 1, d[o + 5 + i]);
    for (uint32_t i = 0; i < 8 && 13 + i < n; i++)
        tw_add_uint(p, HF(F_ETS_TSA0 + (int)i), o + 13 + i, 1, d[o + 13 + i]);
}

static void app_proto(struct tw_pkt *p, const uint8_t *d, uint32_t o, uint32_t n)
{
    if (n < 1) return;
    tw_add_uint(p, HF(F_APP_RESERVED), o, 1, d[o]);
    for (uint32_t i = 1; i + 3 <= n; i += 3) {
        uint8_t ps = d[o + i];
        uint16_t id = be16(d + o + i + 1);
        const char *nm = "Unknown Application";
        uint8_t sf = ps & 7;
        if (sf == 1 && id == 0x8906)
            nm = "FCoE Application";
        else if (sf == 1 && id == 0x8914)
            nm = "FIP Application";
        else if ((sf == 2 || sf == 4) && id == 3260)
            nm = "iSCSI Application";
        int32_t r = tw_add_text(p, o + i, 3, "%s", nm);
        tw_tree_push(p, r);
        tw_add_bits(p, HF(F_APP_PRIO), o + i, 1, ps);
        tw_add_bits(p, HF(F_APP_SF), o + i, 1, ps);
        tw_add_uint(p, HF(F_APP_PROTO), o + i + 1, 2, id);
        tw_tree_pop(p);
    }
}

static void ieee8021(struct tw_pkt *p, const uint8_t *d, uint8_t st, uint32_t o, uint32_t n)
{
    switch (st) {
    case 0x01:
        if (n >= 2) tw_add_uint(p, HF(F_D1_PVID), o, 2, be16(d + o));
        break;
    case 0x02:
        if (n < 1) break;
        {
            int32_t r = tw_add_uint(p, HF(F_D1_PPVID_FLAGS), o, 1, d[o]);
            tw_tree_push(p, r);
            tw_add_bits(p, HF(F_D1_PPVID_SUPPORTED), o, 1, d[o]);
            tw_add_bits(p, HF(F_D1_PPVID_ENABLED), o, 1, d[o]);
            tw_tree_pop(p);
        }
        if (n >= 3) tw_add_uint(p, HF(F_D1_PPVID), o + 1, 2, be16(d + o + 1));
        break;
    case 0x03:
        if (n < 3) break;
        tw_add_uint(p, HF(F_D1_VLAN_ID), o, 2, be16(d + o));
        tw_add_uint(p, HF(F_D1_VLAN_NAME_LEN), o + 2, 1, d[o + 2]);
        if (3u + d[o + 2] <= n) tw_add_ascii(p, HF(F_D1_VLAN_NAME), o + 3, d[o + 2], d + o + 3);
        break;
    case 0x04:
        if (n < 1) break;
        tw_add_uint(p, HF(F_D1_PROTO_ID_LEN), o, 1, d[o]);
        if (1u + d[o] <= n) tw_add_ptr(p, HF(F_D1_PROTO_ID), o + 1, d[o], d + o + 1, d[o]);
        break;
    case 0x07:
        if (n < 1) break;
        {
            int32_t r = tw_add_uint(p, HF(F_D1_AGG_STATUS), o, 1, d[o]);
            tw_tree_push(p, r);
            tw_add_bits(p, HF(F_D1_AGG_CAP), o, 1, d[o]);
            tw_add_bits(p, HF(F_D1_AGG_ENABLED), o, 1, d[o]);
            tw_add_bits(p, HF(F_D1_AGG_PORTTYPE), o, 1, d[o]);
            tw_tree_pop(p);
        }
        if (n >= 5) tw_add_uint(p, HF(F_D1_AGG_PORT_ID), o + 1, 4, be32(d + o + 1));
        break;
    case 0x08:
        if (n < 2) break;
        for (int i = 0; i < 8; i++) tw_add_bits(p, HF(F_CN_CNPV0 + i), o, 1, d[o]);
        for (int i = 0; i < 8; i++) tw_add_bits(p, HF(F_CN_READY0 + i), o + 1, 1, d[o + 1]);
        break;
    case 0x09:
    case 0x0a:
        ets(p, d, o, n, st == 0x09);
        break;
    case 0x0b:
        if (n < 1) break;
        tw_add_bits(p, HF(F_DCB_WILLING), o, 1, d[o]);
        tw_add_bits(p, HF(F_PFC_MBC), o, 1, d[o]);
        tw_add_bits(p, HF(F_PFC_NUMTCS), o, 1, d[o]);
        if (n < 2) break;
        for (int i = 0; i < 8; i++) tw_add_bits(p, HF(F_PFC_PRIO0 + i), o + 1, 1, d[o + 1]);
        break;
    case 0x0c:
        app_proto(p, d, o, n);
        break;
    default:
        break;
    }
}

static void pmd_caps(struct tw_pkt *p, uint32_t o, uint16_t v)
{
    int32_t r = tw_add_uint(p, HF(F_D3_PMD_CAPS), o, 2, v);
    tw_tree_push(p, r);
    for (int i = 0; i < 16; i++) tw_add_bits(p, HF(F_D3_PMD_CAP0 + i), o, 2, v);
    tw_tree_pop(p);
    r = tw_add_text(p, o, 2, "Same in inverse (wrong) bitorder");
    tw_tree_push(p, r);
    for (int i = 0; i < 16; i++) tw_add_bits(p, HF(F_D3_PMD_INV0 + i), o, 2, v);
    tw_tree_pop(p);
}

static void ieee8023(struct tw_pkt *p, const uint8_t *d, uint8_t st, uint32_t o, uint32_t n,
                     uint32_t sub_off, int32_t sub_rec)
{
    switch (st) {
    case 0x01:
        if (n < 1) break;
        {
            int32_t r = tw_add_uint(p, HF(F_D3_AUTONEG), o, 1, d[o]);
            tw_tree_push(p, r);
            tw_add_bits(p, HF(F_D3_AUTONEG_SUPPORTED), o, 1, d[o]);
            tw_add_bits(p, HF(F_D3_AUTONEG_ENABLED), o, 1, d[o]);
            tw_tree_pop(p);
        }
        if (n < 3) break;
        pmd_caps(p, o + 1, be16(d + o + 1));
        if (n >= 5) tw_add_uint(p, HF(F_D3_MAU), o + 3, 2, be16(d + o + 3));
        break;
    case 0x02:
        if (n < 1) break;
        {
            int32_t r = tw_add_uint(p, HF(F_D3_MDI_SUPPORT), o, 1, d[o]);
            tw_tree_push(p, r);
            tw_add_bits(p, HF(F_D3_MDI_PORT_CLASS), o, 1, d[o]);
            tw_add_bits(p, HF(F_D3_MDI_SUPPORTED), o, 1, d[o]);
            tw_add_bits(p, HF(F_D3_MDI_ENABLED), o, 1, d[o]);
            tw_add_bits(p, HF(F_D3_MDI_PSE_PAIRS), o, 1, d[o]);
            tw_tree_pop(p);
        }
        if (n >= 2) tw_add_uint(p, HF(F_D3_MDI_PSE_PAIR), o + 1, 1, d[o + 1]);
        if (n >= 3) tw_add_uint(p, HF(F_D3_MDI_POWER_CLASS), o + 2, 1, d[o + 2]);
        if (n >= 4) {
            tw_add_bits(p, HF(F_D3_MDI_POWER_TYPE), o + 3, 1, d[o + 3]);
            int32_t r = tw_add_bits(p, HF(F_D3_MDI_POWER_SOURCE), o + 3, 1, d[o + 3]);
            if (r >= 0 && tw_want_labels(p)) {
                /* the source's meaning depends on whether a PSE or a PD sends it */
                static const char *const pse[4] = {"Unknown", "Primary Power Source",
                                                   "Backup Power Source", "Reserved"};
                static const char *const pd[4] = {"Unknown", "PSE", "Local", "PSE and Local"};
                uint8_t src = (d[o + 3] >> 4) & 3;
                bool is_pd = d[o + 3] & 0x40;
                tw_rec_label(p, r, "..%c%c .... = Power Source: %u %s", (src & 2) ? '1' : '0',
                             (src & 1) ? '1' : '0', src, is_pd ? pd[src] : pse[src]);
            }
            tw_add_bits(p, HF(F_D3_MDI_POWER_PRIO), o + 3, 1, d[o + 3]);
        }
        for (int i = 0; i < 2 && n >= 6u + 2u * (uint32_t)i; i++) {
            uint16_t w = be16(d + o + 4 + 2 * i);
            int32_t r = tw_add_uint(p, HF(i ? F_D3_MDI_PSE_ALLOC : F_D3_MDI_PD_REQ),
                                    o + 4 + 2 * (uint32_t)i, 2, w);
            tw_rec_label(p, r, "%s: %u.%u. Watt",
                         i ? "PSE Allocated Power Value" : "PD Requested Power Value", w / 10,
                         w % 10);
        }
        break;
    case 0x03:
        if (sub_rec >= 0 || p->want_all) {
            tw_tree_push(p, sub_rec);
            tw_expert(p, EX(E_DEPRECATED), sub_off, 1, NULL);
            tw_tree_pop(p);
        } else {
            tw_expert(p, EX(E_DEPRECATED), sub_off, 1, NULL);
        }
        if (n < 1) break;
        {
            int32_t r = tw_add_uint(p, HF(F_D3_AGG_STATUS), o, 1, d[o]);
            tw_tree_push(p, r);
            tw_add_bits(p, HF(F_D3_AGG_CAP), o, 1, d[o]);
            tw_add_bits(p, HF(F_D3_AGG_ENABLED), o, 1, d[o]);
            tw_tree_pop(p);
        }
        if (n >= 5) tw_add_uint(p, HF(F_D3_AGG_PORT_ID), o + 1, 4, be32(d + o + 1));
        break;
    case 0x04:
        if (n >= 2) tw_add_uint(p, HF(F_D3_MAX_FRAME), o, 2, be16(d + o));
        break;
    default:
        break;
    }
}

static void media(struct tw_pkt *p, const uint8_t *d, uint8_t st, uint32_t o, uint32_t n)
{
    switch (st) {
    case 1:
        if (n < 2) break;
        {
            uint16_t v = be16(d + o);
            int32_t r = tw_add_uint(p, HF(F_MED_CAPS), o, 2, v);
            tw_tree_push(p, r);
            for (int i = 0; i < 6; i++) tw_add_bits(p, HF(F_MED_CAP0 + i), o, 2, v);
            tw_tree_pop(p);
        }
        if (n >= 3) tw_add_uint(p, HF(F_MED_CLASS), o + 2, 1, d[o + 2]);
        break;
    case 2:
        if (n < 4) break;
        {
            tw_add_uint(p, HF(F_MED_APP_TYPE), o, 1, d[o]);
            uint32_t v = (uint32_t)d[o + 1] << 16 | (uint32_t)d[o + 2] << 8 | d[o + 3];
            tw_add_bits(p, HF(F_MED_POLICY), o + 1, 3, v);
            tw_add_bits(p, HF(F_MED_TAGGED), o + 1, 3, v);
            tw_add_bits(p, HF(F_MED_VLAN), o + 1, 3, v);
            tw_add_bits(p, HF(F_MED_L2PRIO), o + 1, 3, v);
            tw_add_bits(p, HF(F_MED_DSCP), o + 1, 3, v);
        }
        break;
    case 4:
        if (n < 3) break;
        tw_add_bits(p, HF(F_MED_POWER_TYPE), o, 1, d[o]);
        tw_add_bits(p, HF(F_MED_POWER_SOURCE), o, 1, d[o]);
        tw_add_bits(p, HF(F_MED_POWER_PRIO), o, 1, d[o]);
        tw_add_uint(p, HF(F_MED_POWER_VALUE), o + 1, 2, be16(d + o + 1));
        break;
    case 5:
    case 6:
    case 7:
    case 8:
    case 9:
    case 10:
    case 11:
        tw_add_ascii(p, HF(F_MED_HW + st - 5), o, n, d + o);
        break;
    default:
        break;
    }
}

static void org_tlv(struct tw_pkt *p, const uint8_t *d, uint32_t off, uint32_t len, uint16_t hdr)
{
    uint32_t oui =
        len >= 3 ? (uint32_t)d[off + 2] << 16 | (uint32_t)d[off + 3] << 8 | d[off + 4] : 0;
    uint8_t st = len >= 4 ? d[off + 5] : 0;
    const struct tw_vs *sv = NULL;
    int fsub = F_UNKNOWN_SUBTYPE;
    switch (oui) {
    case OUI_IEEE_8021:
        sv = d1_subtype_vals;
        fsub = F_D1_SUBTYPE;
        break;
    case OUI_IEEE_8023:
        sv = d3_subtype_vals;
        fsub = F_D3_SUBTYPE;
        break;
    case OUI_TIA:
        sv = med_subtype_vals;
        fsub = F_MED_SUBTYPE;
        break;
    case OUI_IANA:
        sv = iana_subtype_vals;
        fsub = F_IANA_SUBTYPE;
        break;
    default:
        break;
    }
    int32_t r = -1;
    if (p->want_all) {
        uint8_t ob[3] = {(uint8_t)(oui >> 16), (uint8_t)(oui >> 8), (uint8_t)oui};
        const char *on = tw_oui_name(ob);
        char obuf[16];
        if (!on) {
            snprintf(obuf, sizeof obuf, "Unknown");
            on = obuf;
        }
        const char *sn = sv ? tw_vs_find(sv, st) : NULL;
        if (sn)
            r = tw_add_text_(p, off, len + 2, "%s - %s", on, sn);
        else
            r = tw_add_text_(p, off, len + 2, "%s - Unknown (%u)", on, st);
    }
    tw_tree_push(p, r);
    tlv_header(p, off, hdr);
    if (len >= 3) {
        int32_t rr = tw_add_uint(p, HF(F_ORG_OUI), off + 2, 3, oui);
        if (rr >= 0 && tw_want_labels(p)) {
            uint8_t ob[3] = {(uint8_t)(oui >> 16), (uint8_t)(oui >> 8), (uint8_t)oui};
            const char *on = tw_oui_name(ob);
            char v[32];
            if (on)
                snprintf(v, sizeof v, "%02x:%02x:%02x (%s)", ob[0], ob[1], ob[2], on);
            else
                snprintf(v, sizeof v, "%02x:%02x:%02x", ob[0], ob[1], ob[2]);
            tw_rec_label(p, rr, "Organization Unique Code: %s", v);
        }
    }
    if (len >= 4) {
        int32_t sub_rec = tw_add_uint(p, HF(fsub), off + 5, 1, st);
        uint32_t o = off + 6, n = len - 4;
        switch (oui) {
        case OUI_IEEE_8021:
            ieee8021(p, d, st, o, n);
            break;
        case OUI_IEEE_8023:
            ieee8023(p, d, st, o, n, off + 5, sub_rec);
            break;
        case OUI_TIA:
            media(p, d, st, o, n);
            break;
        case OUI_IANA:
            if (st == 1) tw_add_ascii(p, HF(F_IANA_MUDURL), o, n, d + o);
            break;
        default:
            if (n) tw_add_ptr(p, HF(F_UNKNOWN_CONTENT), o, n, d + o, n);
            break;
        }
    }
    tw_tree_pop(p);
}

static enum tw_status dissect(struct tw_pkt *p, struct tw_cur *c)
{
    tw_col_proto(p, "LLDP");
    tw_info_clear(p);
    const uint32_t start = c->off;
    const uint8_t *d = c->data;
    uint32_t o = start;
    static const char *const mand[3] = {"Chassis ID", "Port ID", "Time To Live"};
    static const char *const mand_info[3] = {"Invalid Chassis ID TLV", "Invalid Port ID TLV",
                                             "Invalid Time To Live TLV"};
    for (uint32_t idx = 0;; idx++) {
        uint32_t avail = tw_cur_avail(c) >= o - c->off ? tw_cur_avail(c) - (o - c->off) : 0;
        uint32_t left = tw_cur_left(c) >= o - c->off ? tw_cur_left(c) - (o - c->off) : 0;
        if (left == 0) break;
        if (avail < 2) {
            tw_layer_setlen(p, o - start);
            return left < 2 ? TW_MALFORMED : TW_TRUNCATED;
        }
        uint16_t hdr = be16(d + o);
        uint8_t type = (uint8_t)(hdr >> 9);
        uint32_t len = hdr & 0x1ff;
        if (idx < 3 && type != idx + 1) {
            int32_t r = -1;
            if (p->want_all)
                r = tw_add_text_(p, o, 2, "Invalid %s (0x%02X), expected (0x%02X)", mand[idx], type,
                                 idx + 1);
            tw_tree_push(p, r);
            tw_expert(p, EX(E_BAD_TYPE), o, 2, "Invalid %s (0x%02X), expected (0x%02X)", mand[idx],
                      type, idx + 1);
            tw_tree_pop(p);
            tw_info_set(p, mand_info[idx]);
            tw_layer_setlen(p, o - start);
            return TW_OK;
        }
        if (len + 2 > left) {
            tw_layer_setlen(p, o + 2 - start);
            tw_add_text(p, o, 2, "%s", "TLV");
            return TW_MALFORMED;
        }
        if (len + 2 > avail) {
            tw_layer_setlen(p, o + 2 - start);
            return TW_TRUNCATED;
        }
        const uint8_t *v = d + o + 2;
        char buf[512];
        switch (type) {
        case 0:
            tlv_line(p, o, len + 2, "End of LLDPDU");
            tlv_header(p, o, hdr);
            tw_tree_pop(p);
            /* Wireshark's LLDP reports the PDU as ending one byte before the End TLV, and the
             * Ethernet layer shows what follows (End TLV included) as trailer */
            tw_layer_setlen(p, o + len + 2 - start);
            tw_layer_claim(p, o - start > 1 ? o - start - 1 : 1);
            return TW_OK;
        case 1:
        case 2:
            if (!id_tlv(p, d, o, len, hdr, type == 2)) {
                tlv_line(p, o, len + 2, type == 1 ? "Chassis Subtype" : "Port Subtype");
                tlv_header(p, o, hdr);
                tw_tree_pop(p);
            }
            break;
        case 3: {
            uint16_t ttl = len >= 2 ? be16(v) : 0;
            snprintf(buf, sizeof buf, "Time To Live = %u sec", ttl);
            tlv_line(p, o, len + 2, buf);
            tlv_header(p, o, hdr);
            if (len >= 2) tw_add_uint(p, HF(F_TTL), o + 2, 2, ttl);
            tw_tree_pop(p);
            tw_info_printf(p, "%u ", ttl);
            break;
        }
        case 4:
        case 5:
        case 6: {
            static const char *const nm[3] = {"Port Description", "System Name",
                                              "System Description"};
            static const int fl[3] = {F_PORT_DESC, F_SYS_NAME, F_SYS_DESC};
            str_copy(buf, sizeof buf, v, len);
            if (p->want_all) {
                char lab[600];
                long_label(lab, sizeof lab, nm[type - 4], buf);
                tw_tree_push(p, tw_add_text_(p, o, len + 2, "%s", lab));
            } else {
                tw_tree_push(p, -1);
            }
            tlv_header(p, o, hdr);
            tw_add_ascii(p, HF(fl[type - 4]), o + 2, len, v);
            tw_tree_pop(p);
            if (type == 5) tw_info_printf(p, "SysN=%s ", buf);
            if (type == 6) tw_info_printf(p, "SysD=%s ", buf);
            break;
        }
        case 7:
            tlv_line(p, o, len + 2, "Capabilities");
            tlv_header(p, o, hdr);
            if (len >= 2) caps(p, F_CAP, o + 2, be16(v));
            if (len >= 4) caps(p, F_ECAP, o + 4, be16(v + 2));
            tw_tree_pop(p);
            break;
        case 8:
            tlv_line(p, o, len + 2, "Management Address");
            tlv_header(p, o, hdr);
            mgmt_addr(p, d, o, len);
            tw_tree_pop(p);
            break;
        case 127:
            org_tlv(p, d, o, len, hdr);
            break;
        default:
            tlv_line(p, o, len + 2, "Unknown TLV");
            tlv_header(p, o, hdr);
            tw_tree_pop(p);
            break;
        }
        o += len + 2;
    }
    tw_layer_setlen(p, o - start);
    return TW_OK;
}

static const struct tw_binding bindings[] = {{TW_TBL_ETHERTYPE, 0x88cc}};

const struct tw_proto tw_proto_lldp = {
    .abbrev = "lldp",
    .name = "Link Layer Discovery Protocol",
    .short_name = "LLDP",
    .fields = fields,
    .nfields = F_COUNT,
    .experts = experts,
    .nexperts = TW_ARRAY_LEN(experts),
    .bindings = bindings,
    .nbindings = TW_ARRAY_LEN(bindings),
    .dissect = dissect,
    .ids = &ids,
};
