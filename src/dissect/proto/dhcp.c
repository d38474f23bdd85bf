/* BOOTP (RFC 951) and DHCP (RFC 2131) on UDP 67/68, with the options of RFC 2132 that are common
 * in captures, the client FQDN (RFC 4702) and the relay agent information (RFC 3046).
 *
 *   op | htype | hlen | hops | xid (4) | secs (2) | flags (2) | ciaddr | yiaddr | siaddr |
 *   giaddr | chaddr (16) | sname (64) | file (128) | magic cookie 99.130.83.99 | options ...
 *
 * Options are code, length, value; 0 is one byte of padding and 255 ends the list (anything
 * after it is padding). Every option gets Wireshark's generic type/length/value items, and the
 * ones below their decoded fields too; the others stay at that generic level.
 */
#include "../dissect.h"

#include <stdio.h>

static struct tw_proto_ids ids;
#define HF(x) ((uint16_t)(ids.base + (x)))
#define EX(x) ((uint16_t)(ids.expert_base + (x)))

enum { E_BAD_LENGTH, E_SNAME_OVERLOADED, E_FILE_OVERLOADED, E_SNAME_END, E_FILE_END, E_COUNT };
static const struct tw_expert_def experts[E_COUNT] = {
    [E_BAD_LENGTH] = {"dhcp.bad_length", "decoder.dhcp.bad_length", TW_SEV_ERROR, TW_GRP_PROTOCOL,
                      "length isn't 0"},
    [E_SNAME_OVERLOADED] = {"dhcp.server_name_overloaded_by_dhcp",
                            "decoder.dhcp.server_name_overloaded_by_dhcp", TW_SEV_NOTE,
                            TW_GRP_PROTOCOL, "Server name option overloaded by DHCP"},
    [E_FILE_OVERLOADED] = {"dhcp.boot_filename_overloaded_by_dhcp",
                           "decoder.dhcp.boot_filename_overloaded_by_dhcp", TW_SEV_NOTE,
                           TW_GRP_PROTOCOL, "Boot file name option overloaded by DHCP"},
    [E_SNAME_END] = {"dhcp.option.option_overload.sname_end_missing",
                     "decoder.dhcp.option.option_overload.sname_end_missing", TW_SEV_ERROR,
                     TW_GRP_PROTOCOL, "sname overload end option missing"},
    [E_FILE_END] = {"dhcp.option.option_overload.file_end_missing",
                    "decoder.dhcp.option.option_overload.file_end_missing", TW_SEV_ERROR,
                    TW_GRP_PROTOCOL, "file overload end option missing"},
};

enum {
    F_BOOTP,
    F_TYPE,
    F_HW_TYPE,
    F_HW_LEN,
    F_HOPS,
    F_ID,
    F_SECS,
    F_FLAGS,
    F_FLAGS_BC,
    F_FLAGS_RES,
    F_IP_CLIENT,
    F_IP_YOUR,
    F_IP_SERVER,
    F_IP_RELAY,
    F_HW_ADDR,
    F_HW_PAD,
    F_HW_MAC,
    F_SERVER,
    F_FILE,
    F_COOKIE,
    F_VENDOR_OPTS,
    F_OPT_TYPE,
    F_OPT_LEN,
    F_OPT_SUBLEN,
    F_OPT_VALUE,
    F_OPT_PADDING,
    F_OPT_END,
    F_OPT_OVERLOAD,
    F_CID_TYPE,
    F_CID_UNDEF,
    F_CID,
    F_SUBNET_MASK,
    F_TIME_OFFSET,
    F_ROUTER,
    F_TIME_SERVER,
    F_NAME_SERVER,
    F_DNS,
    F_HOSTNAME,
    F_DOMAIN,
    F_MTU,
    F_BROADCAST,
    F_SR_IP,
    F_SR_ROUTER,
    F_NTP,
    F_NBNS,
    F_NB_NODE,
    F_REQ_IP,
    F_LEASE,
    F_MSGTYPE,
    F_SERVER_ID,
    F_REQ_ITEM,
    F_MESSAGE,
    F_MAX_SIZE,
    F_RENEWAL,
    F_REBINDING,
    F_VENDOR_CLASS,
    F_BOOTFILE,
    F_FQDN_FLAGS,
    F_FQDN_MBZ,
    F_FQDN_N,
    F_FQDN_E,
    F_FQDN_O,
    F_FQDN_S,
    F_FQDN_RCODE1,
    F_FQDN_RCODE2,
    F_FQDN_NAME,
    F_AI_SUB,
    F_AI_VALUE,
    F_AI_CIRCUIT,
    F_AI_REMOTE,
    F_AI_SUBSCRIBER,
    F_AI_LINK_SEL,
    F_CLTT,
    F_ASSOC_IP,
    F_TZ_TCODE,
    F_TFTP,
    F_MUDURL,
    F_WPAD,
    F_COUNT
};

static const struct tw_vs type_vals[] = {{1, "Boot Request"}, {2, "Boot Reply"}, {0, NULL}};
static const struct tw_vs hw_vals[] = {{0, "NET/ROM pseudo"},
                                       {1, "Ethernet"},
                                       {2, "Experimental Ethernet"},
                                       {3, "AX.25"},
                                       {4, "ProNET"},
                                       {5, "Chaos"},
                                       {6, "IEEE 802"},
                                       {7, "ARCNET"},
                                       {15, "Frame Relay DLCI"},
                                       {16, "ATM"},
                                       {17, "HDLC"},
                                       {18, "Fibre Channel"},
                                       {20, "Serial Line"},
                                       {24, "IEEE 1394.1995"},
                                       {27, "EUI-64"},
                                       {32, "InfiniBand"},
                                       {0, NULL}};
static const struct tw_tfs tfs_n = {"No server updates", "Some server updates"};
static const struct tw_tfs tfs_e = {"Binary encoding", "ASCII encoding"};
static const struct tw_tfs tfs_o = {"Override", "No override"};
static const struct tw_tfs tfs_s = {"Server", "Client"};
static const struct tw_tfs bc_tfs = {"Broadcast", "Unicast"};
static const struct tw_vs msgtype_vals[] = {{1, "Discover"},
                                            {2, "Offer"},
                                            {3, "Request"},
                                            {4, "Decline"},
                                            {5, "ACK"},
                                            {6, "NAK"},
                                            {7, "Release"},
                                            {8, "Inform"},
                                            {9, "Force Renew"},
                                            {10, "Lease query"},
                                            {11, "Lease Unassigned"},
                                            {12, "Lease Unknown"},
                                            {13, "Lease Active"},
                                            {14, "Bulk Lease Query"},
                                            {15, "Lease Query Done"},
                                            {16, "Active LeaseQuery"},
                                            {17, "Lease Query Status"},
                                            {18, "TLS"},
                                            {0, NULL}};
static const struct tw_vs nb_vals[] = {
    {1, "B-node"}, {2, "P-node"}, {4, "M-node"}, {8, "H-node"}, {0, NULL}};
static const struct tw_vs ai_vals[] = {
    {1, "Agent Circuit ID"},    {2, "Agent Remote ID"},     {3, "Reserved"},
    {4, "DOCSIS Device Class"}, {5, "Link selection"},      {6, "Subscriber ID"},
    {7, "RADIUS Attributes"},   {8, "Authentication"},      {9, "Vendor-Specific Information"},
    {10, "Relay Agent Flags"},  {11, "Server ID Override"}, {0, NULL}};
/* option names (the tree labels "Option: (N) Name" and the request list items) */
static const struct tw_vs opt_names[] = {
    {0, "Padding"},
    {1, "Subnet Mask"},
    {2, "Time Offset"},
    {3, "Router"},
    {4, "Time Server"},
    {5, "Name Server"},
    {6, "Domain Name Server"},
    {7, "Log Server"},
    {8, "Quotes Server"},
    {9, "LPR Server"},
    {10, "Impress Server"},
    {11, "Resource Location Server"},
    {12, "Host Name"},
    {13, "Boot File Size"},
    {14, "Merit Dump file"},
    {15, "Domain Name"},
    {16, "Swap Server"},
    {17, "Root Path"},
    {18, "Extensions Path"},
    {19, "IP Forwarding"},
    {20, "Non-Local Source Routing"},
    {21, "Policy Filter"},
    {22, "Maximum Datagram Reassembly Size"},
    {23, "Default IP Time-to-Live"},
    {24, "Path MTU Aging Timeout"},
    {25, "Path MTU Plateau Table"},
    {26, "Interface MTU"},
    {27, "All Subnets are Local"},
    {28, "Broadcast Address"},
    {29, "Perform Mask Discovery"},
    {30, "Mask Supplier"},
    {31, "Perform Router Discover"},
    {32, "Router Solicitation Address"},
    {33, "Static Route"},
    {34, "Trailer Encapsulation"},
    {35, "ARP Cache Timeout"},
    {36, "Ethernet Encapsulation"},
    {37, "TCP Default TTL"},
    {38, "TCP Keepalive Interval"},
    {39, "TCP Keepalive Garbage"},
    {40, "Network Information Service Domain"},
    {41, "Network Information Service Servers"},
    {42, "Network Time Protocol Servers"},
    {43, "Vendor-Specific Information"},
    {44, "NetBIOS over TCP/IP Name Server"},
    {45, "NetBIOS over TCP/IP Datagram Distribution Name Server"},
    {46, "NetBIOS over TCP/IP Node Type"},
    {47, "NetBIOS over TCP/IP Scope"},
    {48, "X Window System Font Server"},
    {49, "X Window System Display Manager"},
    {50, "Requested IP Address"},
    {51, "IP Address Lease Time"},
    {52, "Option Overload"},
    {53, "DHCP Message Type"},
    {54, "DHCP Server Identifier"},
    {55, "Parameter Request List"},
    {56, "Message"},
    {57, "Maximum DHCP Message Size"},
    {58, "Renewal Time Value"},
    {59, "Rebinding Time Value"},
    {60, "Vendor class identifier"},
    {61, "Client identifier"},
    {64, "Network Information Service+ Domain"},
    {65, "Network Information Service+ Servers"},
    {66, "TFTP Server Name"},
    {67, "Bootfile name"},
    {69, "SMTP Server"},
    {70, "POP3 Server"},
    {71, "NNTP Server"},
    {72, "Default WWW Server"},
    {77, "User Class Information"},
    {81, "Client Fully Qualified Domain Name"},
    {82, "Agent Information Option"},
    {91, "Client last transaction time"},
    {92, "Associated IP option"},
    {101, "TZ-Database String"},
    {108, "IPv6-Only Preferred"},
    {119, "Domain Search"},
    {121, "Classless Static Route"},
    {150, "TFTP Server Address"},
    {161, "Manufacturer Usage Description"},
    {249, "Private/Classless Static Route (Microsoft)"},
    {252, "Private/Proxy autodiscovery"},
    {255, "End"},
    {0, NULL}};

#define IP4(abbrev, name)                                                                          \
    {                                                                                              \
        abbrev, name, TW_FT_IPv4                                                                   \
    }
static const struct tw_vs overload_vals[] = {{1, "Boot file name holds options"},
                                             {2, "Server host name holds options"},
                                             {3, "Boot file and server host names hold options"},
                                             {0, NULL}};

static const struct tw_field_def fields[F_COUNT] = {
    [F_BOOTP] = {"dhcp.bootp", "Frame is BOOTP", TW_FT_BOOLEAN},
    [F_TYPE] = {"dhcp.type", "Message type", TW_FT_UINT8, TW_BASE_DEC, 0, type_vals},
    [F_HW_TYPE] = {"dhcp.hw.type", "Hardware type", TW_FT_UINT8, TW_BASE_HEX, 0, hw_vals},
    [F_HW_LEN] = {"dhcp.hw.len", "Hardware address length", TW_FT_UINT8, TW_BASE_DEC},
    [F_HOPS] = {"dhcp.hops", "Hops", TW_FT_UINT8, TW_BASE_DEC},
    [F_ID] = {"dhcp.id", "Transaction ID", TW_FT_UINT32, TW_BASE_HEX},
    [F_SECS] = {"dhcp.secs", "Seconds elapsed", TW_FT_UINT16, TW_BASE_DEC},
    [F_FLAGS] = {"dhcp.flags", "Bootp flags", TW_FT_UINT16, TW_BASE_HEX},
    [F_FLAGS_BC] = {"dhcp.flags.bc", "Broadcast flag", TW_FT_BOOLEAN, 16, 0x8000, NULL, NULL,
                    &bc_tfs},
    [F_FLAGS_RES] = {"dhcp.flags.reserved", "Reserved flags", TW_FT_UINT16, TW_BASE_HEX, 0x7fff},
    [F_IP_CLIENT] = IP4("dhcp.ip.client", "Client IP address"),
    [F_IP_YOUR] = IP4("dhcp.ip.your", "Your (client) IP address"),
    [F_IP_SERVER] = IP4("dhcp.ip.server", "Next server IP address"),
    [F_IP_RELAY] = IP4("dhcp.ip.relay", "Relay agent IP address"),
    [F_HW_ADDR] = {"dhcp.hw.addr", "Client hardware address", TW_FT_BYTES},
    [F_HW_PAD] = {"dhcp.hw.addr_padding", "Client hardware address padding", TW_FT_BYTES},
    [F_HW_MAC] = {"dhcp.hw.mac_addr", "Client MAC address", TW_FT_ETHER},
    [F_SERVER] = {"dhcp.server", "Server host name", TW_FT_STRING},
    [F_FILE] = {"dhcp.file", "Boot file name", TW_FT_STRING},
    [F_COOKIE] = IP4("dhcp.cookie", "Magic cookie"),
    [F_VENDOR_OPTS] = {"dhcp.vendor_specific_options", "Bootp vendor specific options",
                       TW_FT_BYTES},
    [F_OPT_TYPE] = {"dhcp.option.type", "Option", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL, NULL,
                    "DHCP/BOOTP option type"},
    [F_OPT_LEN] = {"dhcp.option.length", "Length", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL, NULL,
                   "DHCP/BOOTP option length"},
    [F_OPT_SUBLEN] = {"dhcp.option.suboption_length", "Length", TW_FT_UINT8, TW_BASE_DEC, 0, NULL,
                      NULL, NULL, "Suboption length"},
    [F_OPT_VALUE] = {"dhcp.option.value", "Value", TW_FT_BYTES, TW_BASE_NONE, 0, NULL, NULL, NULL,
                     "DHCP/BOOTP option value"},
    [F_OPT_PADDING] = {"dhcp.option.padding", "Padding", TW_FT_BYTES, TW_BASE_NONE, 0, NULL, NULL,
                       NULL, "Option 0: Padding"},
    [F_OPT_END] = {"dhcp.option.end", "Option End", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL, NULL,
                   "Option 255: End"},
    [F_OPT_OVERLOAD] = {"dhcp.option.option_overload", "Option Overload", TW_FT_UINT8,
                        TW_BASE_DEC, 0, overload_vals},
    [F_CID_TYPE] = {"dhcp.client_id.type", "Type", TW_FT_UINT8, TW_BASE_DEC},
    [F_CID_UNDEF] = {"dhcp.client_id.undef", "Client Identifier", TW_FT_STRING},
    [F_CID] = {"dhcp.client_id", "Identifier", TW_FT_BYTES},
    [F_SUBNET_MASK] = IP4("dhcp.option.subnet_mask", "Subnet Mask"),
    [F_TIME_OFFSET] = {"dhcp.option.time_offset", "Time Offset", TW_FT_INT32, TW_BASE_DEC},
    [F_ROUTER] = IP4("dhcp.option.router", "Router"),
    [F_TIME_SERVER] = IP4("dhcp.option.time_server", "Time Server"),
    [F_NAME_SERVER] = IP4("dhcp.option.name_server", "Name Server"),
    [F_DNS] = IP4("dhcp.option.domain_name_server", "Domain Name Server"),
    [F_HOSTNAME] = {"dhcp.option.hostname", "Host Name", TW_FT_STRINGZ},
    [F_DOMAIN] = {"dhcp.option.domain_name", "Domain Name", TW_FT_STRINGZ},
    [F_MTU] = {"dhcp.option.interface_mtu", "Interface MTU", TW_FT_UINT16, TW_BASE_DEC},
    [F_BROADCAST] = IP4("dhcp.option.broadcast_address", "Broadcast Address"),
    [F_SR_IP] = IP4("dhcp.option.static_route.ip", "Destination IP Address"),
    [F_SR_ROUTER] = IP4("dhcp.option.static_route.router", "Destination Router"),
    [F_NTP] = IP4("dhcp.option.ntp_server", "Network Time Protocol Server"),
    [F_NBNS] = IP4("dhcp.option.netbios_over_tcpip_name_server", "NetBIOS over TCP/IP Name Server"),
    [F_NB_NODE] = {"dhcp.option.netbios_over_tcpip_node_type", "NetBIOS over TCP/IP Node Type",
                   TW_FT_UINT8, TW_BASE_DEC, 0, nb_vals},
    [F_REQ_IP] = IP4("dhcp.option.requested_ip_address", "Requested IP Address"),
    [F_LEASE] = {"dhcp.option.ip_address_lease_time", "IP Address Lease Time", TW_FT_UINT32,
                 TW_BASE_DEC},
    [F_MSGTYPE] = {"dhcp.option.dhcp", "DHCP", TW_FT_UINT8, TW_BASE_DEC, 0, msgtype_vals},
    [F_SERVER_ID] = IP4("dhcp.option.dhcp_server_id", "DHCP Server Identifier"),
    [F_REQ_ITEM] = {"dhcp.option.request_list_item", "Parameter Request List Item", TW_FT_UINT8,
                    TW_BASE_DEC, 0, opt_names},
    [F_MESSAGE] = {"dhcp.option.message", "Message", TW_FT_STRINGZ},
    [F_MAX_SIZE] = {"dhcp.option.dhcp_max_message_size", "Maximum DHCP Message Size", TW_FT_UINT16,
                    TW_BASE_DEC},
    [F_RENEWAL] = {"dhcp.option.renewal_time_value", "Renewal Time Value", TW_FT_UINT32,
                   TW_BASE_DEC},
    [F_REBINDING] = {"dhcp.option.rebinding_time_value", "Rebinding Time Value", TW_FT_UINT32,
                     TW_BASE_DEC},
    [F_VENDOR_CLASS] = {"dhcp.option.vendor_class_id", "Vendor class identifier", TW_FT_STRINGZ},
    [F_BOOTFILE] = {"dhcp.option.bootfile_name", "Bootfile name", TW_FT_STRINGZ},
    [F_FQDN_FLAGS] = {"dhcp.fqdn.flags", "Flags", TW_FT_UINT8, TW_BASE_HEX},
    [F_FQDN_MBZ] = {"dhcp.fqdn.mbz", "Reserved flags", TW_FT_UINT8, TW_BASE_HEX, 0xf0},
    [F_FQDN_N] = {"dhcp.fqdn.n", "Server DDNS", TW_FT_BOOLEAN, 8, 0x08, NULL, NULL, &tfs_n},
    [F_FQDN_E] = {"dhcp.fqdn.e", "Encoding", TW_FT_BOOLEAN, 8, 0x04, NULL, NULL, &tfs_e},
    [F_FQDN_O] = {"dhcp.fqdn.o", "Server overrides", TW_FT_BOOLEAN, 8, 0x02, NULL, NULL, &tfs_o},
    [F_FQDN_S] = {"dhcp.fqdn.s", "Server", TW_FT_BOOLEAN, 8, 0x01, NULL, NULL, &tfs_s},
    [F_FQDN_RCODE1] = {"dhcp.fqdn.rcode1", "A-RR result", TW_FT_UINT8, TW_BASE_DEC},
    [F_FQDN_RCODE2] = {"dhcp.fqdn.rcode2", "PTR-RR result", TW_FT_UINT8, TW_BASE_DEC},
    [F_FQDN_NAME] = {"dhcp.fqdn.name", "Client name", TW_FT_STRING},
    [F_AI_SUB] = {"dhcp.option.agent_information_option.suboption", "Option 82 Suboption",
                  TW_FT_UINT8, TW_BASE_DEC, 0, ai_vals},
    [F_AI_VALUE] = {"dhcp.option.agent_information_option.value", "Value", TW_FT_BYTES},
    [F_AI_CIRCUIT] = {"dhcp.option.agent_information_option.agent_circuit_id", "Agent Circuit ID",
                      TW_FT_BYTES},
    [F_AI_REMOTE] = {"dhcp.option.agent_information_option.agent_remote_id", "Agent Remote ID",
                     TW_FT_BYTES},
    [F_AI_SUBSCRIBER] = {"dhcp.option.agent_information_option.subscriber_id", "Subscriber ID",
                         TW_FT_STRINGZ},
    [F_AI_LINK_SEL] = IP4("dhcp.option.agent_information_option.link_selection", "Link selection"),
    [F_CLTT] = {"dhcp.option.client_last_transaction_time", "Client last transaction time",
                TW_FT_UINT32, TW_BASE_DEC},
    [F_ASSOC_IP] = IP4("dhcp.option.associated_ip_option", "Associated IP option"),
    [F_TZ_TCODE] = {"dhcp.option.tz_tcode", "TZ TCode", TW_FT_STRING},
    [F_TFTP] = IP4("dhcp.option.tftp_server_address", "TFTP Server Address"),
    [F_MUDURL] = {"dhcp.option.mudurl", "MUDURL", TW_FT_STRING},
    [F_WPAD] = {"dhcp.option.private_proxy_autodiscovery", "Private/Proxy autodiscovery",
                TW_FT_STRINGZ},
};

/* how an option's value is decoded */
enum kind { K_NONE, K_IP, K_IPLIST, K_U8, K_U16, K_U32, K_I32, K_STR };
static const struct {
    uint8_t code, kind;
    uint16_t f;
} simple[] = {
    {1, K_IP, F_SUBNET_MASK},     {2, K_I32, F_TIME_OFFSET},    {3, K_IPLIST, F_ROUTER},
    {4, K_IPLIST, F_TIME_SERVER}, {5, K_IPLIST, F_NAME_SERVER}, {6, K_IPLIST, F_DNS},
    {12, K_STR, F_HOSTNAME},      {15, K_STR, F_DOMAIN},        {26, K_U16, F_MTU},
    {28, K_IP, F_BROADCAST},      {42, K_IPLIST, F_NTP},        {44, K_IPLIST, F_NBNS},
    {46, K_U8, F_NB_NODE},        {50, K_IP, F_REQ_IP},         {51, K_U32, F_LEASE},
    {53, K_U8, F_MSGTYPE},        {54, K_IP, F_SERVER_ID},      {56, K_STR, F_MESSAGE},
    {57, K_U16, F_MAX_SIZE},      {58, K_U32, F_RENEWAL},       {59, K_U32, F_REBINDING},
    {60, K_STR, F_VENDOR_CLASS},  {67, K_STR, F_BOOTFILE},      {91, K_U32, F_CLTT},
    {92, K_IPLIST, F_ASSOC_IP},   {101, K_STR, F_TZ_TCODE},     {150, K_IPLIST, F_TFTP},
    {161, K_STR, F_MUDURL},       {252, K_STR, F_WPAD},
};

static uint32_t be32(const uint8_t *b)
{
    return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

/* Wireshark's "1 day, 2 hours, 3 minutes, 4 seconds" */
static void secs_str(char *t, size_t n, uint32_t v)
{
    static const struct {
        uint32_t div;
        const char *one, *many;
    } u[] = {{86400, "day", "days"},
             {3600, "hour", "hours"},
             {60, "minute", "minutes"},
             {1, "second", "seconds"}};
    size_t k = 0;
    t[0] = 0;
    if (v == 0) {
        snprintf(t, n, "0 seconds");
        return;
    }
    for (size_t i = 0; i < 4; i++) {
        uint32_t q = v / u[i].div;
        v %= u[i].div;
        if (!q) continue;
        int w = snprintf(t + k, n - k, "%s%u %s", k ? ", " : "", q, q == 1 ? u[i].one : u[i].many);
        if (w < 0 || (size_t)w >= n - k) return;
        k += (size_t)w;
    }
}

static void option_value(struct tw_pkt *p, uint8_t code, const uint8_t *v, uint32_t off,
                         uint32_t len, int32_t orec)
{
    size_t i;
    for (i = 0; i < TW_ARRAY_LEN(simple); i++)
        if (simple[i].code == code) break;
    if (i < TW_ARRAY_LEN(simple)) {
        uint16_t hf = HF(simple[i].f);
        switch (simple[i].kind) {
        case K_IP:
            if (len == 4) {
                tw_add_ptr(p, hf, off, 4, v, 4);
                if (orec >= 0 && tw_want_labels(p))
                    tw_rec_label(p, orec, "Option: (%u) %s (%u.%u.%u.%u)", code,
                                 tw_vs_find(opt_names, code), v[0], v[1], v[2], v[3]);
            }
            break;
        case K_IPLIST:
            for (uint32_t k = 0; k + 4 <= len; k += 4) tw_add_ptr(p, hf, off + k, 4, v + k, 4);
            break;
        case K_U8:
            if (len == 1) tw_add_uint(p, hf, off, 1, v[0]);
            if (code == 53 && len == 1 && orec >= 0 && tw_want_labels(p)) {
                const char *s = tw_vs_find(msgtype_vals, v[0]);
                tw_rec_label(p, orec, "Option: (53) DHCP Message Type (%s)", s ? s : "Unknown");
            }
            break;
        case K_U16:
            if (len == 2) tw_add_uint(p, hf, off, 2, (uint32_t)v[0] << 8 | v[1]);
            break;
        case K_U32:
            if (len == 4) {
                int32_t r = tw_add_uint(p, hf, off, 4, be32(v));
                if (r >= 0 && tw_want_labels(p)) {
                    char t[128];
                    secs_str(t, sizeof t, be32(v));
                    if (be32(v) == 0xffffffffu)
                        tw_rec_label(p, r, "%s: infinity", fields[simple[i].f].name);
                    else
                        tw_rec_label(p, r, "%s: (%us) %s", fields[simple[i].f].name, be32(v), t);
                }
            }
            break;
        case K_I32:
            if (len == 4) {
                int32_t sv = (int32_t)be32(v);
                int32_t r = tw_add_int(p, hf, off, 4, sv);
                if (r >= 0 && tw_want_labels(p)) {
                    char t[128];
                    secs_str(t, sizeof t, sv < 0 ? (uint32_t)0 - (uint32_t)sv : (uint32_t)sv);
                    tw_rec_label(p, r, "%s: (%ds) %s%s", fields[simple[i].f].name, sv,
                                 sv < 0 ? "-" : "", t);
                }
            }
            break;
        case K_STR:
            tw_add_ascii(p, hf, off, len, v);
            break;
        default:
            break;
        }
        return;
    }
    switch (code) {
    case 33: /* static routes: destination, router pairs */
        for (uint32_t k = 0; k + 8 <= len; k += 8) {
            tw_add_ptr(p, HF(F_SR_IP), off + k, 4, v + k, 4);
            tw_add_ptr(p, HF(F_SR_ROUTER), off + k + 4, 4, v + k + 4, 4);
        }
        if (len % 8)
            tw_expert(p, EX(E_BAD_LENGTH), off - 2, len + 2u,
                      "Option length isn't a multiple of 8");
        break;
    case 55:
        for (uint32_t k = 0; k < len; k++) {
            int32_t r = tw_add_uint(p, HF(F_REQ_ITEM), off + k, 1, v[k]);
            if (r >= 0 && tw_want_labels(p)) {
                const char *s = tw_vs_find(opt_names, v[k]);
                tw_rec_label(p, r, "Parameter Request List Item: (%u) %s", v[k], s ? s : "Unknown");
            }
        }
        break;
    case 61:
        if (len == 7 && v[0] == 1) {
            tw_add_uint(p, HF(F_HW_TYPE), off, 1, v[0]);
            tw_add_ptr(p, HF(F_HW_MAC), off + 1, 6, v + 1, 6);
        } else if (len >= 1) {
            tw_add_uint(p, HF(F_CID_TYPE), off, 1, v[0]);
            if (v[0] == 0)
                tw_add_ascii(p, HF(F_CID_UNDEF), off + 1, len - 1, v + 1);
            else if (len > 1)
                tw_add_ptr(p, HF(F_CID), off + 1, len - 1, v + 1, len - 1);
        }
        break;
    case 81:
        if (len >= 3) {
            int32_t r = tw_add_uint(p, HF(F_FQDN_FLAGS), off, 1, v[0]);
            if (r >= 0 && tw_want_labels(p)) {
                /* the names of the flags that are set */
                char lab[96];
                int n = snprintf(lab, sizeof lab, "Flags: 0x%02x", v[0]);
                for (int f = F_FQDN_N; f <= F_FQDN_S && n > 0 && (size_t)n < sizeof lab; f++)
                    if (v[0] & fields[f].mask)
                        n += snprintf(lab + n, sizeof lab - (size_t)n, ", %s", fields[f].name);
                tw_rec_label(p, r, "%s", lab);
            }
            tw_tree_push(p, r);
            for (int f = F_FQDN_MBZ; f <= F_FQDN_S; f++) tw_add_bits(p, HF(f), off, 1, v[0]);
            tw_tree_pop(p);
            tw_add_uint(p, HF(F_FQDN_RCODE1), off + 1, 1, v[1]);
            tw_add_uint(p, HF(F_FQDN_RCODE2), off + 2, 1, v[2]);
            if (len > 3) tw_add_ascii(p, HF(F_FQDN_NAME), off + 3, len - 3, v + 3);
        }
        break;
    case 82:
        for (uint32_t k = 0; k + 2 <= len;) {
            uint8_t st = v[k], sl = v[k + 1];
            if (k + 2u + sl > len) break;
            int32_t r = tw_add_uint(p, HF(F_AI_SUB), off + k, 2u + sl, st);
            if (r >= 0 && tw_want_labels(p)) {
                const char *s = tw_vs_find(ai_vals, st);
                if (st == 5 && sl == 4)
                    tw_rec_label(p, r, "Option 82 Suboption: (5) %s (%u.%u.%u.%u)", s, v[k + 2],
                                 v[k + 3], v[k + 4], v[k + 5]);
                else
                    tw_rec_label(p, r, "Option 82 Suboption: (%u) %s", st, s ? s : "Unknown");
            }
            tw_tree_push(p, r);
            tw_add_uint(p, HF(F_OPT_SUBLEN), off + k + 1, 1, sl);
            const uint8_t *sv = v + k + 2;
            uint32_t so = off + k + 2;
            int32_t vr = tw_add_ptr(p, HF(F_AI_VALUE), so, sl, sv, sl);
            tw_rec_flags(p, vr, TW_RF_HIDDEN);
            if (st == 1)
                tw_add_ptr(p, HF(F_AI_CIRCUIT), so, sl, sv, sl);
            else if (st == 2)
                tw_add_ptr(p, HF(F_AI_REMOTE), so, sl, sv, sl);
            else if (st == 6)
                tw_add_ascii(p, HF(F_AI_SUBSCRIBER), so, sl, sv);
            else if (st == 5 && sl == 4)
                tw_add_ptr(p, HF(F_AI_LINK_SEL), so, 4, sv, 4);
            tw_tree_pop(p);
            k += 2u + sl;
        }
        break;
    default:
        break;
    }
}

/* Info and protocol line before the DHCP message type is known (BOOTP) */
static void bootp_columns(struct tw_pkt *p, const struct tw_cur *c, uint32_t start, uint8_t op)
{
    tw_col_proto(p, "BOOTP");
    tw_info_clear(p);
    const uint8_t *mac;
    if (op == 1 && tw_cur_try_peek(c, start + 28 - c->off, 6, &mac)) {
        if (p->want_cols)
            tw_info_printf(p, "Boot Request from %02x:%02x:%02x:%02x:%02x:%02x (%s)", mac[0],
                           mac[1], mac[2], mac[3], mac[4], mac[5], tw_ether_name(mac));
    } else if (op == 2) {
        tw_info_add(p, "Boot Reply");
    } else {
        tw_info_printf(p, "Unknown BOOTP message type (%u)", op);
    }
    tw_layer_label(p, "Dynamic Host Configuration Protocol");
}

static void overload_areas(struct tw_pkt *p, struct tw_cur *c, uint32_t start, bool labels,
                           uint8_t ov, int *msgtype);
/* the options from c->off to end (the options area, or in region 1/2 the sname/file field an
 * Option Overload gave to options); true when an End option was met */
static bool options(struct tw_pkt *p, struct tw_cur *c, uint32_t end, uint32_t start, bool labels,
                    int region, int *msgtype)
{
    int32_t r;
    struct tw_cur saved = *c;
    c->end = end < c->end ? end : c->end;
    while (c->off < c->end) {
        uint32_t oo = c->off;
        uint8_t code = tw_cur_u8(c);
        if (c->err) break;
        if (code == 255) {
            r = tw_add_uint(p, HF(F_OPT_TYPE), oo, 1, 0);
            tw_rec_label(p, r, "Option: (255) End");
            tw_tree_push(p, r);
            tw_add_uint(p, HF(F_OPT_END), oo, 1, 255);
            tw_tree_pop(p);
            if (!region) { /* (an overload area ends at its End) */
                uint32_t rest = tw_cur_avail(c);
                if (rest) tw_add_ptr(p, HF(F_OPT_PADDING), c->off, rest, c->data + c->off, rest);
                c->off += rest;
            }
            c->end = saved.end;
            return true;
        }
        if (code == 0) {
            /* a run of pad bytes is one padding item */
            uint32_t n = 1;
            while (c->off < TW_MIN(c->end, c->cap) && c->data[c->off] == 0) c->off++, n++;
            r = tw_add_uint(p, HF(F_OPT_TYPE), oo, n, 0);
            tw_rec_label(p, r, "Option: (0) Padding");
            tw_tree_push(p, r);
            tw_add_ptr(p, HF(F_OPT_PADDING), oo, n, c->data + oo, n);
            tw_tree_pop(p);
            continue;
        }
        uint8_t len = tw_cur_u8(c);
        const uint8_t *v = tw_cur_bytes(c, len);
        if (!v) break;
        const char *nm = tw_vs_find(opt_names, code);
        r = tw_add_uint(p, HF(F_OPT_TYPE), oo, 2u + len, code);
        if (r >= 0 && labels) tw_rec_label(p, r, "Option: (%u) %s", code, nm ? nm : "Unknown");
        tw_tree_push(p, r);
        tw_add_uint(p, HF(F_OPT_LEN), oo + 1, 1, len);
        int32_t vr = tw_add_ptr(p, HF(F_OPT_VALUE), oo + 2, len, v, len);
        tw_rec_flags(p, vr, TW_RF_HIDDEN);
        if (code == 53 && len == 1) *msgtype = v[0];
        option_value(p, code, v, oo + 2, len, r);
        if (code == 52 && len >= 1) {
            tw_add_uint(p, HF(F_OPT_OVERLOAD), oo + 2, 1, v[0]);
            /* (one found inside sname or file gives no further areas) */
            if (!region) overload_areas(p, c, start, labels, v[0], msgtype);
        }
        tw_tree_pop(p);
    }
    c->end = saved.end;
    return false;
}

/* Option Overload (52): tshark dissects the sname and/or file fields' options under it, each
 * in a subtree, flagging one without its End */
static void overload_areas(struct tw_pkt *p, struct tw_cur *c, uint32_t start, bool labels,
                           uint8_t ov, int *msgtype)
{
    static const struct {
        uint8_t bit;
        uint32_t off, len;
        const char *name;
        int expert;
    } area[2] = {{2, 44, 64, "Server host name option overload", E_SNAME_END},
                 {1, 108, 128, "Boot file name option overload", E_FILE_END}};
    for (int i = 0; i < 2; i++) {
        if (!(ov & area[i].bit)) continue;
        int32_t t = tw_add_text(p, start + area[i].off, area[i].len, "%s", area[i].name);
        tw_tree_push(p, t);
        struct tw_cur a = *c;
        a.off = start + area[i].off;
        a.end = start + area[i].off + area[i].len;
        if (!options(p, &a, a.end, start, labels, i + 1, msgtype))
            tw_expert(p, EX(area[i].expert), start + area[i].off, area[i].len, NULL);
        tw_tree_pop(p);
    }
}

/* the value of an Option Overload in the options area, 0 without one (a first pass, as tshark) */
static uint8_t find_overload(const struct tw_cur *c, uint32_t start)
{
    uint32_t end = c->end < c->cap ? c->end : c->cap, o = start + 240;
    if (end < o || c->data[start + 236] != 0x63 || c->data[start + 237] != 0x82 ||
        c->data[start + 238] != 0x53 || c->data[start + 239] != 0x63)
        return 0;
    while (o < end) {
        uint8_t code = c->data[o];
        if (code == 255) break;
        if (code == 0) {
            o++;
            continue;
        }
        if (o + 2 > end) break;
        uint8_t len = c->data[o + 1];
        if (o + 2u + len > end) break;
        if (code == 52 && len >= 1) return c->data[o + 2];
        o += 2u + len;
    }
    return 0;
}

/* the sname/file field holds options: a line saying so, with tshark's note under it */
static void overloaded_note(struct tw_pkt *p, uint32_t off, uint32_t len, int e)
{
    int32_t t = tw_add_text(p, off, len, "%s", experts[e].summary);
    tw_tree_push(p, t);
    tw_expert(p, EX(e), off, len, NULL);
    tw_tree_pop(p);
}

static enum tw_status dissect(struct tw_pkt *p, struct tw_cur *c)
{
    const uint32_t start = c->off;
    uint8_t op0 = tw_cur_peek_u8(c, 0);
    if (c->err) return TW_OK;
    bootp_columns(p, c, start, op0);
    const uint8_t *h = tw_cur_bytes(c, 236);
    if (!h) return TW_OK;
    const bool labels = tw_want_labels(p);
    uint8_t op = h[0], htype = h[1], hlen = h[2];
    uint32_t xid = be32(h + 4);
    tw_add_uint(p, HF(F_TYPE), start, 1, op);
    tw_add_uint(p, HF(F_HW_TYPE), start + 1, 1, htype);
    tw_add_uint(p, HF(F_HW_LEN), start + 2, 1, hlen);
    tw_add_uint(p, HF(F_HOPS), start + 3, 1, h[3]);
    tw_add_uint(p, HF(F_ID), start + 4, 4, xid);
    tw_add_uint(p, HF(F_SECS), start + 8, 2, (uint32_t)h[8] << 8 | h[9]);
    uint16_t flags = (uint16_t)(h[10] << 8 | h[11]);
    int32_t r = tw_add_uint(p, HF(F_FLAGS), start + 10, 2, flags);
    if (flags & 0x8000)
        tw_rec_label(p, r, "Bootp flags: 0x%04x, Broadcast flag (Broadcast)", flags);
    else
        tw_rec_label(p, r, "Bootp flags: 0x%04x (Unicast)", flags);
    tw_tree_push(p, r);
    tw_add_bits(p, HF(F_FLAGS_BC), start + 10, 2, flags);
    tw_add_bits(p, HF(F_FLAGS_RES), start + 10, 2, flags);
    tw_tree_pop(p);
    tw_add_ptr(p, HF(F_IP_CLIENT), start + 12, 4, h + 12, 4);
    tw_add_ptr(p, HF(F_IP_YOUR), start + 16, 4, h + 16, 4);
    tw_add_ptr(p, HF(F_IP_SERVER), start + 20, 4, h + 20, 4);
    tw_add_ptr(p, HF(F_IP_RELAY), start + 24, 4, h + 24, 4);
    if (hlen > 0 && hlen <= 16) {
        if (htype == 1 && hlen == 6)
            tw_add_ptr(p, HF(F_HW_MAC), start + 28, 6, h + 28, 6);
        else
            tw_add_ptr(p, HF(F_HW_ADDR), start + 28, hlen, h + 28, hlen);
        if (hlen < 16)
            tw_add_ptr(p, HF(F_HW_PAD), start + 28 + hlen, 16u - hlen, h + 28 + hlen, 16u - hlen);
    } else {
        tw_add_text(p, start + 28, 16, "Client address not given");
    }
    /* option 52 says sname and/or file hold options (tshark looks for it first) */
    uint8_t overload = find_overload(c, start);
    if (overload & 2)
        overloaded_note(p, start + 44, 64, E_SNAME_OVERLOADED);
    else if (h[44])
        tw_add_ascii(p, HF(F_SERVER), start + 44, 64, h + 44);
    else
        tw_add_text(p, start + 44, 64, "Server host name not given");
    if (overload & 1)
        overloaded_note(p, start + 108, 128, E_FILE_OVERLOADED);
    else if (h[108])
        tw_add_ascii(p, HF(F_FILE), start + 108, 128, h + 108);
    else
        tw_add_text(p, start + 108, 128, "Boot file name not given");

    /* the options after the magic cookie */
    int msgtype = -1;
    const uint8_t *ck = tw_cur_bytes(c, 4);
    if (ck) {
        if (be32(ck) != 0x63825363) {
            /* no DHCP cookie: the 64-byte BOOTP vendor area (RFC 951) */
            r = tw_add_uint(p, HF(F_BOOTP), start, 0, 1);
            tw_rec_flags(p, r, TW_RF_HIDDEN | TW_RF_GENERATED);
            c->off = start + 236;
            const uint8_t *vend = tw_cur_bytes(c, 64);
            if (vend) tw_add_ptr(p, HF(F_VENDOR_OPTS), start + 236, 64, vend, 64);
            return TW_OK;
        }
        r = tw_add_ptr(p, HF(F_COOKIE), start + 236, 4, ck, 4);
        tw_rec_label(p, r, "Magic cookie: DHCP");
        options(p, c, c->end, start, labels, 0, &msgtype);
    }

    if (msgtype >= 0) {
        const char *s = tw_vs_find(msgtype_vals, (uint32_t)msgtype);
        tw_col_proto(p, "DHCP");
        tw_info_clear(p);
        if (s)
            tw_info_printf(p, "DHCP %-8s - Transaction ID 0x%x", s, xid);
        else
            tw_info_printf(p, "DHCP Unknown Message Type (0x%02x) - Transaction ID 0x%x",
                           (unsigned)msgtype, xid);
        tw_layer_label(p, "Dynamic Host Configuration Protocol (%s)", s ? s : "Unknown");
    } else {
        r = tw_add_uint(p, HF(F_BOOTP), start, 0, 1);
        tw_rec_flags(p, r, TW_RF_HIDDEN | TW_RF_GENERATED);
    }
    return TW_OK;
}

static const struct tw_binding bindings[] = {{TW_TBL_UDP_PORT, 67}, {TW_TBL_UDP_PORT, 68}};

const struct tw_proto tw_proto_dhcp = {
    .abbrev = "dhcp",
    .name = "Dynamic Host Configuration Protocol",
    .short_name = "DHCP/BOOTP",
    .fields = fields,
    .nfields = F_COUNT,
    .experts = experts,
    .nexperts = E_COUNT,
    .bindings = bindings,
    .nbindings = TW_ARRAY_LEN(bindings),
    .dissect = dissect,
    .ids = &ids,
};
