/* DHCPv6 (RFC 8415) on UDP 546/547: client/server messages (type, 24-bit transaction id) and
 * relay messages (hop count, link and peer address) whose Relay Message option nests another
 * message; options are 16-bit code and length. Decoded: DUIDs (LLT, EN, LL, UUID), IA_NA, IA_TA,
 * IA_PD with their addresses and prefixes, status code, option request, preference, elapsed
 * time, server unicast, user and vendor class, vendor options (header level), interface id,
 * DNS servers and domain search list (RFC 3646), client FQDN (RFC 4704), NTP server (RFC 5908),
 * AFTR name (RFC 6334), MUD URL (RFC 8520). Others keep the generic type/length items.
 */
#include "../dissect.h"

#include <stdio.h>

static struct tw_proto_ids ids;
#define HF(x) ((uint16_t)(ids.base + (x)))
#define EX(x) ((uint16_t)(ids.expert_base + (x)))

enum { E_MALFORMED, E_HOPCOUNT, E_BAD_MSGTYPE, E_S_BIT, E_TLD, E_COUNT };
static const struct tw_expert_def experts[E_COUNT] = {
    [E_MALFORMED] = {"dhcpv6.malformed_option", "decoder.dhcpv6.malformed_option", TW_SEV_ERROR,
                     TW_GRP_MALFORMED, "Malformed option"},
    [E_BAD_MSGTYPE] = {"dhcpv6.bad_msgtype", "decoder.dhcpv6.bad_msgtype", TW_SEV_ERROR,
                       TW_GRP_PROTOCOL,
                       "This message type is not permitted to use OPTION_CLIENT_FQDN"},
    [E_HOPCOUNT] = {"dhcpv6.error_hopcount", "decoder.dhcpv6.error_hopcount", TW_SEV_WARN,
                    TW_GRP_PROTOCOL, "Detected error on hop-count"},
    [E_S_BIT] = {"dhcpv6.s_bit_should_be_zero", "decoder.dhcpv6.s_bit_should_be_zero",
                 TW_SEV_ERROR, TW_GRP_PROTOCOL,
                 "ERROR: When the N-bit is set, the S-bit must be reset"},
    [E_TLD] = {"dhcpv6.expert.tld_lookup", "decoder.dhcpv6.expert.tld_lookup", TW_SEV_WARN,
               TW_GRP_COMMENTS_GROUP, "WARNING: TLDs are rarely resolvable "},
};

enum {
    F_MSGTYPE,
    F_HOPCOUNT,
    F_XID,
    F_LINKADDR,
    F_PEERADDR,
    F_OPT_TYPE_STR,
    F_OPT_TYPE,
    F_OPT_LEN,
    F_DUID_BYTES,
    F_DUID_TYPE,
    F_LLT_HWTYPE,
    F_LLT_TIME,
    F_LLT_ADDR,
    F_EN_ENTERPRISE,
    F_EN_ID,
    F_LL_HWTYPE,
    F_LL_ADDR,
    F_UUID,
    F_IAID,
    F_T1,
    F_T2,
    F_IATA,
    F_IAADDR_IP,
    F_IAADDR_PREF,
    F_IAADDR_VALID,
    F_REQ_OPT,
    F_PREFERENCE,
    F_ELAPSED,
    F_UNICAST,
    F_STATUS_CODE,
    F_STATUS_MSG,
    F_UC_LEN,
    F_UC_DATA,
    F_VC_ENTERPRISE,
    F_VC_DATA,
    F_VO_ENTERPRISE,
    F_VO_CODE,
    F_VO_LEN,
    F_VO_DATA,
    F_INTERFACE_ID,
    F_RECONF_MSG,
    F_SIP_DOMAIN,
    F_DNS_SERVER,
    F_SEARCH_ENTRY,
    F_IAPREFIX_PREF,
    F_IAPREFIX_VALID,
    F_IAPREFIX_LEN,
    F_IAPREFIX_ADDR,
    F_FQDN_FLAGS,
    F_FQDN_C_S,
    F_FQDN_C_N,
    F_FQDN_S_S,
    F_FQDN_S_O,
    F_FQDN_S_N,
    F_CLIENT_DOMAIN,
    F_TLD,
    F_DOMAIN_FIELD_LEN,
    F_NTP_TYPE,
    F_NTP_LEN,
    F_NTP_ADDR,
    F_NTP_MC,
    F_NTP_FQDN,
    F_AFTR,
    F_MUDURL,
    F_COUNT
};

static const struct tw_vs msg_vals[] = {{1, "Solicit"},
                                        {2, "Advertise"},
                                        {3, "Request"},
                                        {4, "Confirm"},
                                        {5, "Renew"},
                                        {6, "Rebind"},
                                        {7, "Reply"},
                                        {8, "Release"},
                                        {9, "Decline"},
                                        {10, "Reconfigure"},
                                        {11, "Information-request"},
                                        {12, "Relay-forw"},
                                        {13, "Relay-reply"},
                                        {14, "Leasequery"},
                                        {15, "Leasequery-reply"},
                                        {16, "Leasequery-done"},
                                        {17, "Leasequery-data"},
                                        {18, "Reconfigure-request"},
                                        {19, "Reconfigure-reply"},
                                        {0, NULL}};
static const char *const opt_names[] = {
    NULL,
    "Client Identifier",
    "Server Identifier",
    "Identity Association for Non-temporary Address",
    "Identity Association for Temporary Address",
    "IA Address",
    "Option Request",
    "Preference",
    "Elapsed time",
    "Relay Message",
    NULL,
    "Authentication",
    "Server unicast",
    "Status code",
    "Rapid Commit",
    "User Class",
    "Vendor Class",
    "Vendor-specific Information",
    "Interface-Id",
    "Reconfigure Message",
    "Reconfigure Accept",
    "SIP Server Domain Name List",
    "SIP Servers IPv6 Address List",
    "DNS recursive name server",
    "Domain Search List",
    "Identity Association for Prefix Delegation",
    "IA Prefix",
    "Network Information Server",
    "Network Information Server V2",
    "Network Information Server Domain Name",
    "Network Information Server V2 Domain Name",
    "Simple Network Time Protocol Server",
    "Lifetime",
    "BCMCS Server Domain",
    "BCMCS Servers IPv6 Address List",
    NULL,
    "Geoconf Civic Address",
    "Remote Identifier",
    "Subscriber Identifier",
    "Client Fully Qualified Domain Name",
    "PANA Agents IPv6 Address List",
    "Time Zone",
    "Time Zone Database",
    "Echo Request Option",
    "Leasequery Query",
    "Leasequery Client Data",
    "Client Last Transaction Time",
    "Leasequery Relay Data",
    "Leasequery Client Link Address List",
    "Home Network Identifier FQDN",
    "Visited Home Network Information",
    "LoST Server",
    "CAPWAP Access Controllers",
    "Relay-ID",
    "MoS IPv6 Address",
    "MoS Domain Name List",
    "NTP Server",
    "Access Network Domain Name",
    "SIP User Agent Configuration Service Domains",
    "Boot File URL",
    "Boot File Parameters",
    "Client System Architecture Type",
    "Client Network Interface Identifier",
    "Geolocation",
    "Dual-Stack Lite AFTR Name",
    "ERP Local Domain Name",
    "Relay-Supplied Options",
    "Prefix Exclude",
    "Virtual Subnet Selection",
    "Identified Home Network Information",
    "Unrestricted Home Network Information",
    "Home Network Prefix",
    "Home Agent Address",
    "Home Agent FQDN",
    "RDNSS Selection",
    "Kerberos Principal Name",
    "Kerberos Realm Name",
    "Kerberos Default Realm Name",
    "Kerberos KDC",
    "Client Link-Layer Address",
    "Link Address",
    "RADIUS",
    "SOL_MAX_RT",
    "INF_MAX_RT",
    "Address Selection",
    "Address Selection table",
    "PCP Server",
    "DHCPv4 Message",
    "DHCP 4o6 Servers Address",
    "S46 Rule",
    "S46 BR",
    "S46 DMR",
    "S46 IPv4/IPv6 Address Binding",
    "S46 Port Parameters",
    "S46 MAP-E Container",
    "S46 MAP-T Container",
    "S46 Lightweight 4over6 Container",
    "4rd Options",
    "4rd Mapping Rule",
    "4rd Non-Mapping Rule",
    "LQ Server Base Time",
    "LQ Server Query Start Time",
    "LQ Server Query End Time",
    "Captive Portal",
    "MPL Parameter Configuration",
    "Access Technology Type",
    "Access Network Name",
    "Access Point Name",
    "Access Point BSSID",
    "Access Network Operator ID",
    "Access Network Operator Realm",
    "S46 Priority",
    "Manufacturer Usage Description",
    "IPv4/IPv6 Multicast Prefixes",
    "Failover Binding Status",
    "Failover Connect Flags",
    "Failover DNS Removal Info",
    "Failover DNS Hostname",
    "Failover DNS Zone Name",
    "Failover DNS Flags",
    "Failover Expiration Time",
    "Failover Maximum Number Unacked BNDUPD Messages",
    "Failover Maximum Client Lead Time (MCLT)",
    "Failover Partner Lifetime",
    "Failover Partner Lifetime Sent",
    "Failover Partner Down Time",
    "Failover Partner Raw Client Time",
    "Failover Protocol Version",
    "Failover Keepalive Time",
    "Failover Reconfigure Data",
    "Failover Relationship Name",
    "Failover Server Flags",
    "Failover Server State",
    "Failover Start Time of State",
    "Failover State Expiration Time",
    "Relay Source Port",
    "SZTP Redirect",
    "Softwire Source Binding Prefix Hint",
};
static struct tw_vs opt_vals[TW_ARRAY_LEN(opt_names) + 4];

static const struct tw_vs duid_vals[] = {{1, "link-layer address plus time"},
                                         {2, "assigned by vendor based on Enterprise number"},
                                         {3, "link-layer address"},
                                         {4, "Universally Unique IDentifier (UUID)"},
                                         {0, NULL}};
static const struct tw_vs hw_vals[] = {{0, "NET/ROM pseudo"},
                                       {1, "Ethernet"},
                                       {2, "Experimental Ethernet"},
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
static const struct tw_vs status_vals[] = {{0, "Success"},
                                           {1, "UnspecFail"},
                                           {2, "NoAddrAvail"},
                                           {3, "NoBinding"},
                                           {4, "NotOnLink"},
                                           {5, "UseMulticast"},
                                           {6, "NoPrefixAvail"},
                                           {7, "UnknownQueryType"},
                                           {8, "MalformedQuery"},
                                           {9, "NotConfigured"},
                                           {10, "NotAllowed"},
                                           {11, "QueryTerminated"},
                                           {12, "DataMissing"},
                                           {13, "CatchUpComplete"},
                                           {14, "NotSupported"},
                                           {15, "TLSConnectionRefused"},
                                           {16, "AddressInUse"},
                                           {17, "ConfigurationConflict"},
                                           {18, "MissingBindingInformation"},
                                           {19, "OutdatedBindingInformation"},
                                           {20, "ServerShuttingDown"},
                                           {21, "DNSUpdateNotSupported"},
                                           {22, "ExcessiveTimeSkew"},
                                           {0, NULL}};
static const struct tw_vs ntp_sub_vals[] = {
    {1, "NTP Server Address"}, {2, "NTP Multicast Address"}, {3, "NTP Server FQDN"}, {0, NULL}};

static const struct tw_tfs tfs_c_s = {"Server SHOULD perform AAAA RR updates",
                                      "Server SHOULD NOT perform AAAA RR updates"};
static const struct tw_tfs tfs_s_o = {"Server HAS overridden client's S bit preference",
                                      "Server HAS NOT overridden client's S bit preference"};
static const struct tw_tfs tfs_c_n = {"Server SHOULD NOT perform PTR RR updates",
                                      "Server SHOULD perform PTR RR updates"};

#define IP6(a, n)                                                                                  \
    {                                                                                              \
        a, n, TW_FT_IPv6                                                                           \
    }
static const struct tw_field_def fields[F_COUNT] = {
    [F_MSGTYPE] = {"dhcpv6.msgtype", "Message type", TW_FT_UINT8, TW_BASE_DEC, 0, msg_vals},
    [F_HOPCOUNT] = {"dhcpv6.hopcount", "Hopcount", TW_FT_UINT8, TW_BASE_DEC},
    [F_XID] = {"dhcpv6.xid", "Transaction ID", TW_FT_UINT24, TW_BASE_HEX},
    [F_LINKADDR] = IP6("dhcpv6.linkaddr", "Link address"),
    [F_PEERADDR] = IP6("dhcpv6.peeraddr", "Peer address"),
    [F_OPT_TYPE_STR] = {"dhcpv6.option.type_str", "Option", TW_FT_STRING},
    [F_OPT_TYPE] = {"dhcpv6.option.type", "Option", TW_FT_UINT16, TW_BASE_DEC, 0, opt_vals},
    [F_OPT_LEN] = {"dhcpv6.option.length", "Length", TW_FT_UINT16, TW_BASE_DEC},
    [F_DUID_BYTES] = {"dhcpv6.duid.bytes", "DUID", TW_FT_BYTES},
    [F_DUID_TYPE] = {"dhcpv6.duid.type", "DUID Type", TW_FT_UINT16, TW_BASE_DEC, 0, duid_vals},
    [F_LLT_HWTYPE] = {"dhcpv6.duidllt.hwtype", "Hardware type", TW_FT_UINT16, TW_BASE_DEC, 0,
                      hw_vals},
    [F_LLT_TIME] = {"dhcpv6.duidllt.time", "DUID Time", TW_FT_ABSOLUTE_TIME, TW_ABSTIME_LOCAL},
    [F_LLT_ADDR] = {"dhcpv6.duidllt.link_layer_addr", "Link-layer address", TW_FT_STRING},
    [F_EN_ENTERPRISE] = {"dhcpv6.duiden.enterprise", "Enterprise ID", TW_FT_UINT32, TW_BASE_CUSTOM},
    [F_EN_ID] = {"dhcpv6.duiden.identifier", "Identifier", TW_FT_BYTES},
    [F_LL_HWTYPE] = {"dhcpv6.duidll.hwtype", "Hardware type", TW_FT_UINT16, TW_BASE_DEC, 0,
                     hw_vals},
    [F_LL_ADDR] = {"dhcpv6.duidll.link_layer_addr", "Link-layer address", TW_FT_STRING},
    [F_UUID] = {"dhcpv6.duiduuid.bytes", "UUID", TW_FT_BYTES},
    [F_IAID] = {"dhcpv6.iaid", "IAID", TW_FT_STRING},
    [F_T1] = {"dhcpv6.iaid.t1", "T1", TW_FT_UINT32, TW_BASE_DEC},
    [F_T2] = {"dhcpv6.iaid.t2", "T2", TW_FT_UINT32, TW_BASE_DEC},
    [F_IATA] = {"dhcpv6.iata", "IATA", TW_FT_STRING},
    [F_IAADDR_IP] = IP6("dhcpv6.iaaddr.ip", "IPv6 address"),
    [F_IAADDR_PREF] = {"dhcpv6.iaaddr.pref_lifetime", "Preferred lifetime", TW_FT_UINT32,
                       TW_BASE_DEC},
    [F_IAADDR_VALID] = {"dhcpv6.iaaddr.valid_lifetime", "Valid lifetime", TW_FT_UINT32,
                        TW_BASE_DEC},
    [F_REQ_OPT] = {"dhcpv6.requested_option_code", "Requested Option code", TW_FT_UINT16,
                   TW_BASE_DEC, 0, opt_vals},
    [F_PREFERENCE] = {"dhcpv6.option_preference", "Pref-value", TW_FT_UINT8, TW_BASE_DEC},
    [F_ELAPSED] = {"dhcpv6.elapsed_time", "Elapsed time", TW_FT_UINT16, TW_BASE_DEC},
    [F_UNICAST] = IP6("dhcpv6.unicast", "IPv6 address"),
    [F_STATUS_CODE] = {"dhcpv6.status_code", "Status Code", TW_FT_UINT16, TW_BASE_DEC, 0,
                       status_vals},
    [F_STATUS_MSG] = {"dhcpv6.status_msg", "Status Message", TW_FT_STRING},
    [F_UC_LEN] = {"dhcpv6.userclass.length", "Length", TW_FT_UINT16, TW_BASE_DEC},
    [F_UC_DATA] = {"dhcpv6.userclass.opaque_data", "Suboption", TW_FT_BYTES},
    [F_VC_ENTERPRISE] = {"dhcpv6.vendorclass.enterprise", "Enterprise ID", TW_FT_UINT32,
                         TW_BASE_CUSTOM, 0, NULL, NULL, NULL, "Vendor Class Enterprise Number"},
    [F_VC_DATA] = {"dhcpv6.vendorclass.data", "vendor-class-data", TW_FT_STRINGZ},
    [F_VO_ENTERPRISE] = {"dhcpv6.vendoropts.enterprise", "Enterprise ID", TW_FT_UINT32,
                         TW_BASE_CUSTOM},
    [F_VO_CODE] = {"dhcpv6.vendoropts.enterprise.option_code", "Option code", TW_FT_UINT16,
                   TW_BASE_DEC},
    [F_VO_LEN] = {"dhcpv6.vendoropts.enterprise.option_length", "Option length", TW_FT_UINT16,
                  TW_BASE_DEC},
    [F_VO_DATA] = {"dhcpv6.vendoropts.enterprise.option_data", "Option data", TW_FT_BYTES},
    [F_INTERFACE_ID] = {"dhcpv6.interface_id", "Interface-ID", TW_FT_BYTES},
    [F_RECONF_MSG] = {"dhcpv6.reconf_msg", "Reconfigure message type", TW_FT_UINT8, TW_BASE_DEC, 0,
                      msg_vals},
    [F_SIP_DOMAIN] = {"dhcpv6.sip_server_domain_search_fqdn", "SIP Server Domain Search FQDN",
                      TW_FT_STRING},
    [F_DNS_SERVER] = IP6("dhcpv6.dns_server", "DNS server address"),
    [F_SEARCH_ENTRY] = {"dhcpv6.search_list_entry", "List entry", TW_FT_STRING},
    [F_IAPREFIX_PREF] = {"dhcpv6.iaprefix.pref_lifetime", "Preferred lifetime", TW_FT_UINT32,
                         TW_BASE_DEC},
    [F_IAPREFIX_VALID] = {"dhcpv6.iaprefix.valid_lifetime", "Valid lifetime", TW_FT_UINT32,
                          TW_BASE_DEC},
    [F_IAPREFIX_LEN] = {"dhcpv6.iaprefix.pref_len", "Prefix length", TW_FT_UINT8, TW_BASE_DEC},
    [F_IAPREFIX_ADDR] = IP6("dhcpv6.iaprefix.pref_addr", "Prefix address"),
    [F_FQDN_FLAGS] = {"dhcpv6.client_fqdn_flags", "Flags", TW_FT_UINT8, TW_BASE_HEX},
    [F_FQDN_C_S] = {"dhcpv6.clientfqdn.client.s", "S bit", TW_FT_BOOLEAN, 8, 0x1, NULL, NULL,
                    &tfs_c_s},
    [F_FQDN_C_N] = {"dhcpv6.clientfqdn.client.n", "N bit", TW_FT_BOOLEAN, 8, 0x4, NULL, NULL,
                    &tfs_c_n},
    [F_FQDN_S_S] = {"dhcpv6.clientfqdn.server.s", "S bit", TW_FT_BOOLEAN, 8, 0x1, NULL, NULL,
                    &tfs_c_s},
    [F_FQDN_S_O] = {"dhcpv6.clientfqdn.server.o", "O bit", TW_FT_BOOLEAN, 8, 0x2, NULL, NULL,
                    &tfs_s_o},
    [F_FQDN_S_N] = {"dhcpv6.clientfqdn.server.n", "N bit", TW_FT_BOOLEAN, 8, 0x4, NULL, NULL,
                    &tfs_c_n},
    [F_CLIENT_DOMAIN] = {"dhcpv6.client_domain", "Client Domain Name", TW_FT_STRING},
    [F_TLD] = {"dhcpv6.tld", "Top Level Domain name", TW_FT_STRING},
    [F_DOMAIN_FIELD_LEN] = {"dhcpv6.domain_field_len", "Empty domain name - field length",
                            TW_FT_UINT16, TW_BASE_DEC, 0, NULL, NULL, NULL,
                            "Indicates that the client requests the server to provide an FQDN "
                            "name"},
    [F_NTP_TYPE] = {"dhcpv6.ntpserver.option.type", "Suboption", TW_FT_UINT16, TW_BASE_DEC, 0,
                    ntp_sub_vals},
    [F_NTP_LEN] = {"dhcpv6.ntpserver.option.length", "Length", TW_FT_UINT16, TW_BASE_DEC},
    [F_NTP_ADDR] = IP6("dhcpv6.ntpserver.addr", "NTP Server Address"),
    [F_NTP_MC] = IP6("dhcpv6.ntpserver.mc_addr", "NTP Multicast Address"),
    [F_NTP_FQDN] = {"dhcpv6.ntpserver.fqdn", "NTP Server FQDN", TW_FT_STRING},
    [F_AFTR] = {"dhcpv6.aftr_name", "DS-Lite AFTR Name", TW_FT_STRING},
    [F_MUDURL] = {"dhcpv6.mudurl", "MUDURL", TW_FT_STRING},
};

static void dhcpv6_init(void)
{
    size_t k = 0;
    for (size_t i = 0; i < TW_ARRAY_LEN(opt_names); i++)
        if (opt_names[i]) opt_vals[k++] = (struct tw_vs){(uint32_t)i, opt_names[i]};
    opt_vals[k++] = (struct tw_vs){143, "ANDSF IPv6 Address"};
    opt_vals[k] = (struct tw_vs){0, NULL};
}

/* a few private enterprise numbers (IANA), for the labels */
static const struct tw_vs pen_vals[] = {{9, "ciscoSystems"},
                                        {311, "Microsoft"},
                                        {4491, "Cable Television Laboratories, Inc."},
                                        {0, NULL}};

static void add_enterprise(struct tw_pkt *p, uint16_t hf, uint32_t off, uint32_t en)
{
    int32_t r = tw_add_uint(p, hf, off, 4, en);
    if (r >= 0 && tw_want_labels(p)) {
        const char *s = tw_vs_find(pen_vals, en);
        if (s) tw_rec_label(p, r, "Enterprise ID: %s (%u)", s, en);
    }
}

static uint32_t be32(const uint8_t *b)
{
    return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}
static uint16_t be16(const uint8_t *b)
{
    return (uint16_t)(b[0] << 8 | b[1]);
}

/* bytes as "aa:bb:cc" (Wireshark's link-layer address strings) or plain hex */
static int32_t add_hexstr(struct tw_pkt *p, uint16_t hf, uint32_t off, const uint8_t *b, uint32_t n,
                          bool colons)
{
    if (!tw_want(p, hf)) return -1;
    char *s = tw_arena_alloc(p->arena, (size_t)n * 3 + 1);
    if (!s) return -1;
    size_t k = 0;
    for (uint32_t i = 0; i < n; i++) {
        if (colons && i) s[k++] = ':';
        s[k++] = "0123456789abcdef"[b[i] >> 4];
        s[k++] = "0123456789abcdef"[b[i] & 15];
    }
    s[k] = 0;
    return tw_add_ptr(p, hf, off, n, (const uint8_t *)s, (uint32_t)k);
}

/* one uncompressed DNS name (RFC 1035 3.1) from b[0..n): its length in bytes, 0 if broken;
 * the dotted text goes to out */
static uint32_t dns_name(const uint8_t *b, uint32_t n, char *out, size_t outsz)
{
    uint32_t i = 0;
    size_t k = 0;
    out[0] = 0;
    while (i < n) {
        uint8_t l = b[i++];
        if (l == 0) {
            if (k + 1 < outsz) out[k++] = '.', out[k] = 0;
            return i;
        }
        if (l > 63 || i + l > n) return 0;
        if (k && k + 1 < outsz) out[k++] = '.';
        for (uint8_t j = 0; j < l && k + 1 < outsz; j++) out[k++] = (char)b[i + j];
        out[k] = 0;
        i += l;
    }
    return i; /* a name without its final root label (partial FQDN) */
}

static void add_names(struct tw_pkt *p, uint16_t hf, uint32_t off, const uint8_t *b, uint32_t n)
{
    uint32_t i = 0;
    while (i < n) {
        char name[256];
        uint32_t used = dns_name(b + i, n - i, name, sizeof name);
        if (!used) break;
        tw_add_strf(p, hf, off + i, used, "%s", name);
        i += used;
    }
}

static void dissect_message(struct tw_pkt *p, struct tw_cur *c, uint32_t end, int depth);

static void dissect_duid(struct tw_pkt *p, uint32_t off, const uint8_t *v, uint32_t len)
{
    tw_add_ptr(p, HF(F_DUID_BYTES), off, len, v, len);
    if (len < 2) return;
    uint16_t t = be16(v);
    tw_add_uint(p, HF(F_DUID_TYPE), off, 2, t);
    if (t == 1 && len >= 8) {
        tw_add_uint(p, HF(F_LLT_HWTYPE), off + 2, 2, be16(v + 2));
        /* seconds since 2000, moved to 1970 in 32 bits (wrapping) as Wireshark does */
        struct tw_time tm = {(int64_t)(uint32_t)(be32(v + 4) + 946684800u), 0};
        tw_add_time(p, HF(F_LLT_TIME), off + 4, 4, tm);
        if (len > 8) add_hexstr(p, HF(F_LLT_ADDR), off + 8, v + 8, len - 8, true);
    } else if (t == 2 && len >= 6) {
        add_enterprise(p, HF(F_EN_ENTERPRISE), off + 2, be32(v + 2));
        if (len > 6) tw_add_ptr(p, HF(F_EN_ID), off + 6, len - 6, v + 6, len - 6);
    } else if (t == 3 && len >= 4) {
        tw_add_uint(p, HF(F_LL_HWTYPE), off + 2, 2, be16(v + 2));
        if (len > 4) add_hexstr(p, HF(F_LL_ADDR), off + 4, v + 4, len - 4, true);
    } else if (t == 4 && len == 18) {
        tw_add_ptr(p, HF(F_UUID), off + 2, 16, v + 2, 16);
    }
}

/* the Client FQDN option's domain name (RFC 4704 4.2) as tshark shows it: an empty field is
 * the client asking the server for a name, a name without its root label is partial, a single
 * label with its root a TLD (with a warning) */
static void client_fqdn_name(struct tw_pkt *p, uint32_t vo, const uint8_t *v, uint32_t len)
{
    if (len == 1) {
        int32_t r = tw_add_uint(p, HF(F_DOMAIN_FIELD_LEN), vo - 2, 2, 0);
        tw_rec_label(p, r, "Empty domain field: the client requests the server to provide a "
                           "domain name");
        return;
    }
    const uint8_t *b = v + 1;
    uint32_t n = len - 1u, i = 0;
    while (i < n) {
        char name[256];
        uint32_t used = dns_name(b + i, n - i, name, sizeof name);
        if (!used) break;
        bool rooted = b[i + used - 1] == 0, tld = rooted && used == (uint32_t)b[i] + 2u;
        if (!rooted) {
            int32_t r = tw_add_strf(p, HF(F_CLIENT_DOMAIN), vo + 1 + i, used, "%s", name);
            tw_rec_label(p, r, "Partial domain name: %s", name);
        } else if (tld) {
            int32_t r = tw_add_strf(p, HF(F_TLD), vo + 1 + i, used, "%s", name);
            tw_rec_label(p, r, "Top Level Domain name (TLD): %s", name);
            tw_tree_push(p, r);
            int32_t t = tw_add_text(p, vo + 1 + i, used, "%s", experts[E_TLD].summary);
            tw_tree_push(p, t);
            tw_expert(p, EX(E_TLD), vo + 1 + i, 0, NULL);
            tw_tree_pop(p);
            tw_tree_pop(p);
        } else {
            tw_add_strf(p, HF(F_CLIENT_DOMAIN), vo + 1 + i, used, "%s", name);
        }
        i += used;
    }
}

/* options in [c->off, end); depth bounds IA and relay nesting */
static void dissect_options(struct tw_pkt *p, struct tw_cur *c, uint32_t end, uint8_t msgtype,
                            int depth)
{
    while (c->off + 4 <= end) {
        uint32_t oo = c->off;
        uint16_t code = tw_cur_u16(c), len = tw_cur_u16(c);
        if (c->err) return;
        const char *nm = tw_vs_find(opt_vals, code);
        uint32_t olen = 4u + len;
        if (oo + olen > end) olen = end - oo;
        int32_t r = tw_add_strf(p, HF(F_OPT_TYPE_STR), oo, olen, "%s", nm ? nm : "Unknown");
        if (r >= 0 && tw_want_labels(p)) tw_rec_label(p, r, "%s", nm ? nm : "Unknown");
        tw_tree_push(p, r);
        int32_t tr = tw_add_uint(p, HF(F_OPT_TYPE), oo, 2, code);
        if (tr >= 0 && tw_want_labels(p))
            tw_rec_label(p, tr, "Option: %s (%u)", nm ? nm : "Unknown", code);
        tw_add_uint(p, HF(F_OPT_LEN), oo + 2, 2, len);
        const uint8_t *v = NULL;
        if (oo + 4u + len <= end) v = tw_cur_bytes(c, len);
        if (!v) {
            tw_tree_pop(p);
            if (!c->err) c->err = TW_CUR_MALFORMED;
            return;
        }
        uint32_t vo = oo + 4;
        switch (code) {
        case 1:
        case 2:
            if (len) dissect_duid(p, vo, v, len);
            if (code == 1 && len) {
                tw_info_add(p, "CID: ");
                for (uint32_t i = 0; i < len && p->want_cols; i++) tw_info_printf(p, "%02x", v[i]);
                tw_info_add(p, " ");
            }
            break;
        case 3:
        case 25:
            if (len >= 12) {
                add_hexstr(p, HF(F_IAID), vo, v, 4, false);
                tw_add_uint(p, HF(F_T1), vo + 4, 4, be32(v + 4));
                tw_add_uint(p, HF(F_T2), vo + 8, 4, be32(v + 8));
                if (depth < 8) {
                    struct tw_cur s = *c;
                    s.off = vo + 12;
                    dissect_options(p, &s, vo + len, msgtype, depth + 1);
                }
            }
            break;
        case 4:
            if (len >= 4) {
                add_hexstr(p, HF(F_IATA), vo, v, 4, false);
                if (depth < 8) {
                    struct tw_cur s = *c;
                    s.off = vo + 4;
                    dissect_options(p, &s, vo + len, msgtype, depth + 1);
                }
            }
            break;
        case 5:
            if (len >= 24) {
                tw_add_ptr(p, HF(F_IAADDR_IP), vo, 16, v, 16);
                tw_add_uint(p, HF(F_IAADDR_PREF), vo + 16, 4, be32(v + 16));
                tw_add_uint(p, HF(F_IAADDR_VALID), vo + 20, 4, be32(v + 20));
                if (p->want_cols) {
                    char a[64];
                    tw_fmt_ipv6(a, v);
                    tw_info_printf(p, "IAA: %s ", a);
                }
                if (depth < 8) {
                    struct tw_cur s = *c;
                    s.off = vo + 24;
                    dissect_options(p, &s, vo + len, msgtype, depth + 1);
                }
            }
            break;
        case 6:
            for (uint32_t i = 0; i + 2 <= len; i += 2) {
                uint16_t oc = be16(v + i);
                int32_t qr = tw_add_uint(p, HF(F_REQ_OPT), vo + i, 2, oc);
                if (qr >= 0 && tw_want_labels(p)) {
                    const char *s = tw_vs_find(opt_vals, oc);
                    tw_rec_label(p, qr, "Requested Option code: %s (%u)", s ? s : "Unknown", oc);
                }
            }
            break;
        case 7:
            if (len >= 1) tw_add_uint(p, HF(F_PREFERENCE), vo, 1, v[0]);
            break;
        case 8:
            if (len >= 2) {
                /* in hundredths of a second; Wireshark keeps milliseconds */
                int32_t er = tw_add_uint(p, HF(F_ELAPSED), vo, 2, be16(v) * 10u);
                tw_rec_label(p, er, "Elapsed time: %ums", be16(v) * 10u);
            }
            break;
        case 9:
            if (len && depth < 8) {
                struct tw_cur s = *c;
                s.off = vo;
                int32_t mr = tw_add_text(p, vo, len, "DHCPv6");
                tw_tree_push(p, mr);
                dissect_message(p, &s, vo + len, depth + 1);
                tw_tree_pop(p);
            }
            break;
        case 12:
            if (len >= 16) tw_add_ptr(p, HF(F_UNICAST), vo, 16, v, 16);
            break;
        case 13:
            if (len >= 2) {
                tw_add_uint(p, HF(F_STATUS_CODE), vo, 2, be16(v));
                tw_add_ascii(p, HF(F_STATUS_MSG), vo + 2, len - 2u, v + 2);
            }
            break;
        case 15:
            for (uint32_t i = 0; i + 2 <= len;) {
                uint16_t l = be16(v + i);
                int32_t ur = tw_add_text(p, vo + i, 2u + l, "User Class suboption");
                tw_tree_push(p, ur);
                tw_add_uint(p, HF(F_UC_LEN), vo + i, 2, l);
                if (i + 2u + l <= len) tw_add_ptr(p, HF(F_UC_DATA), vo + i + 2, l, v + i + 2, l);
                tw_tree_pop(p);
                if (i + 2u + l > len) break;
                i += 2u + l;
            }
            break;
        case 16:
            if (len >= 4) {
                add_enterprise(p, HF(F_VC_ENTERPRISE), vo, be32(v));
                for (uint32_t i = 4; i + 2 <= len;) {
                    uint16_t l = be16(v + i);
                    if (i + 2u + l > len) break;
                    tw_add_ascii(p, HF(F_VC_DATA), vo + i + 2, l, v + i + 2);
                    i += 2u + l;
                }
            }
            break;
        case 17:
            if (len >= 4) {
                uint32_t en = be32(v);
                add_enterprise(p, HF(F_VO_ENTERPRISE), vo, en);
                if (en == 4491) break; /* CableLabs: its own sub-options (not decoded) */
                for (uint32_t i = 4; i + 4 <= len;) {
                    uint16_t oc = be16(v + i), l = be16(v + i + 2);
                    int32_t vr = tw_add_text(p, vo + i, 4u + l, "option");
                    tw_tree_push(p, vr);
                    tw_add_uint(p, HF(F_VO_CODE), vo + i, 2, oc);
                    tw_add_uint(p, HF(F_VO_LEN), vo + i + 2, 2, l);
                    if (i + 4u + l <= len)
                        tw_add_ptr(p, HF(F_VO_DATA), vo + i + 4, l, v + i + 4, l);
                    tw_tree_pop(p);
                    if (i + 4u + l > len) break;
                    i += 4u + l;
                }
            }
            break;
        case 18:
            tw_add_ptr(p, HF(F_INTERFACE_ID), vo, len, v, len);
            break;
        case 19:
            if (len == 1)
                tw_add_uint(p, HF(F_RECONF_MSG), vo, 1, v[0]);
            else
                tw_expert(p, EX(E_MALFORMED), oo, 4u + len, "RECONF_MSG: malformed option");
            break;
        case 21:
            add_names(p, HF(F_SIP_DOMAIN), vo, v, len);
            break;
        case 23:
            for (uint32_t i = 0; i + 16 <= len; i += 16) {
                int32_t dr = tw_add_ptr(p, HF(F_DNS_SERVER), vo + i, 16, v + i, 16);
                if (dr >= 0 && tw_want_labels(p)) {
                    char a[64];
                    tw_fmt_ipv6(a, v + i);
                    tw_rec_label(p, dr, "%2u DNS server address: %s", i / 16 + 1, a);
                }
            }
            break;
        case 24: {
            int32_t lr = tw_add_text(p, vo, len, "Domain name suffix search list");
            tw_tree_push(p, lr);
            add_names(p, HF(F_SEARCH_ENTRY), vo, v, len);
            tw_tree_pop(p);
            break;
        }
        case 26:
            if (len >= 25) {
                tw_add_uint(p, HF(F_IAPREFIX_PREF), vo, 4, be32(v));
                tw_add_uint(p, HF(F_IAPREFIX_VALID), vo + 4, 4, be32(v + 4));
                tw_add_uint(p, HF(F_IAPREFIX_LEN), vo + 8, 1, v[8]);
                tw_add_ptr(p, HF(F_IAPREFIX_ADDR), vo + 9, 16, v + 9, 16);
                if (depth < 8) {
                    struct tw_cur s = *c;
                    s.off = vo + 25;
                    dissect_options(p, &s, vo + len, msgtype, depth + 1);
                }
            }
            break;
        case 39:
            if (!(msgtype == 1 || msgtype == 2 || msgtype == 3 || msgtype == 5 || msgtype == 6 ||
                  msgtype == 7)) {
                int32_t t = tw_add_text(p, vo, len,
                                        "Only the following message types are permitted to use "
                                        "OPTION_CLIENT_FQDN:\nSOLICIT, REQUEST, RENEW, REBIND, "
                                        "ADVERTISE, and REPLY");
                tw_tree_push(p, t);
                int32_t t2 = tw_add_text(p, vo, len,
                                         "This message type is not permitted to use "
                                         "OPTION_CLIENT_FQDN");
                tw_tree_push(p, t2);
                tw_expert(p, EX(E_BAD_MSGTYPE), vo, len, NULL);
                tw_tree_pop(p);
                tw_tree_pop(p);
            } else if (len >= 1) {
                int32_t fr = tw_add_uint(p, HF(F_FQDN_FLAGS), vo, 1, v[0]);
                bool client = !(msgtype == 2 || msgtype == 7 || msgtype == 13);
                /* the client's N and S bits (RFC 4704 4.1), as tshark words them */
                uint8_t k = (uint8_t)((v[0] & 1) | ((v[0] >> 1) & 2));
                if (fr >= 0 && tw_want_labels(p) && client) {
                    static const char *const what[4] = {
                        "CLIENT wants to update its AAAA RRs and SERVER to update its PTR RRs",
                        "CLIENT wants SERVER to update both its AAAA and PTR RRs",
                        "CLIENT prefers that the server not perform *any* DNS updates",
                        ("ERROR: CLIENT prefers that the server not perform *any* DNS updates\n"
                         "        In which case the 'S' bit MUST be 0")};
                    tw_rec_label(p, fr, "Flags: 0x%02x  [%s]", v[0], what[k]);
                } else if (fr >= 0 && tw_want_labels(p)) {
                    static const char *const what[4] = {
                        "CLIENT SHALL update AAAA RRs; SERVER SHALL update PTR RRs",
                        "SERVER SHALL update both AAAA and PTR RRs",
                        "CLIENT SHALL update AAAA RRs; SERVER SHALL NOT perform any DNS updates",
                        ("ERROR: SERVER SHALL NOT perform *any* DNS updates in which case         "
                         "the 'S' bit MUST be 0")};
                    tw_rec_label(p, fr, "Flags: 0x%02x  [%s]%s", v[0], what[k],
                                 (v[0] & 0x06) == 0x02 ? "\n[Server has overridden the client's S bit]"
                                                       : "");
                }
                tw_tree_push(p, fr);
                /* the server's flags in Advertise, Reply and Relay-reply */
                if (msgtype == 2 || msgtype == 7 || msgtype == 13) {
                    tw_add_bits(p, HF(F_FQDN_S_N), vo, 1, v[0]);
                    tw_add_bits(p, HF(F_FQDN_S_O), vo, 1, v[0]);
                    tw_add_bits(p, HF(F_FQDN_S_S), vo, 1, v[0]);
                } else {
                    tw_add_bits(p, HF(F_FQDN_C_N), vo, 1, v[0]);
                    tw_add_bits(p, HF(F_FQDN_C_S), vo, 1, v[0]);
                }
                tw_tree_pop(p);
                if (k == 3) { /* (server flags too) */
                    int32_t t = tw_add_text(p, vo, 1, "%s", experts[E_S_BIT].summary);
                    tw_tree_push(p, t);
                    tw_expert(p, EX(E_S_BIT), vo, 1, NULL);
                    tw_tree_pop(p);
                }
                client_fqdn_name(p, vo, v, len);
            }
            break;
        case 56:
            for (uint32_t i = 0; i + 4 <= len;) {
                uint16_t st = be16(v + i), l = be16(v + i + 2);
                const char *sn = tw_vs_find(ntp_sub_vals, st);
                int32_t nr = tw_add_text(p, vo + i, 4u + l, "%s", sn ? sn : "Unknown");
                tw_tree_push(p, nr);
                tw_add_uint(p, HF(F_NTP_TYPE), vo + i, 2, st);
                tw_add_uint(p, HF(F_NTP_LEN), vo + i + 2, 2, l);
                if (i + 4u + l > len) {
                    tw_tree_pop(p);
                    break;
                }
                if (st == 1 && l == 16)
                    tw_add_ptr(p, HF(F_NTP_ADDR), vo + i + 4, 16, v + i + 4, 16);
                else if (st == 2 && l == 16)
                    tw_add_ptr(p, HF(F_NTP_MC), vo + i + 4, 16, v + i + 4, 16);
                else if (st == 3)
                    add_names(p, HF(F_NTP_FQDN), vo + i + 4, v + i + 4, l);
                tw_tree_pop(p);
                i += 4u + l;
            }
            break;
        case 64:
            add_names(p, HF(F_AFTR), vo, v, len);
            break;
        case 112:
            tw_add_ascii(p, HF(F_MUDURL), vo, len, v);
            break;
        default:
            break;
        }
        tw_tree_pop(p);
    }
}

/* does the relay message whose options are at c carry a client/server message (not another
 * relay message) in its Relay Message option? */
static bool innermost_relay(const struct tw_cur *c, uint32_t end)
{
    uint32_t o = c->off;
    const uint8_t *h;
    while (o + 4 <= end && tw_cur_try_peek(c, o - c->off, 4, &h)) {
        uint16_t code = be16(h), len = be16(h + 2);
        if (code == 9) {
            const uint8_t *m;
            if (len == 0 || !tw_cur_try_peek(c, o + 4 - c->off, 1, &m)) return false;
            return m[0] != 12 && m[0] != 13;
        }
        o += 4u + len;
    }
    return false;
}

static void dissect_message(struct tw_pkt *p, struct tw_cur *c, uint32_t end, int depth)
{
    uint32_t start = c->off;
    uint8_t mt = tw_cur_u8(c);
    if (c->err) return;
    const char *mn = tw_vs_find(msg_vals, mt);
    tw_add_uint(p, HF(F_MSGTYPE), start, 1, mt);
    if (mn)
        tw_info_printf(p, "%s ", mn);
    else
        tw_info_printf(p, "Unknown (%u) ", mt);
    if (mt == 12 || mt == 13) {
        uint8_t hc = tw_cur_u8(c);
        const uint8_t *la = tw_cur_bytes(c, 16);
        const uint8_t *pa = la ? tw_cur_bytes(c, 16) : NULL;
        if (c->err) return;
        int32_t hr = tw_add_uint(p, HF(F_HOPCOUNT), start + 1, 1, hc);
        if (hc != 0 && innermost_relay(c, end)) {
            tw_tree_push(p, hr);
            tw_expert(p, EX(E_HOPCOUNT), start + 1, 1,
                      "Hopcount of most inner message has to equal 0 instead of %u", hc);
            tw_tree_pop(p);
        }
        tw_add_ptr(p, HF(F_LINKADDR), start + 2, 16, la, 16);
        tw_add_ptr(p, HF(F_PEERADDR), start + 18, 16, pa, 16);
        if (p->want_cols) {
            char a[64];
            tw_fmt_ipv6(a, la);
            tw_info_printf(p, "L: %s ", a);
        }
    } else {
        uint32_t xid = tw_cur_u24(c);
        if (c->err) return;
        tw_add_uint(p, HF(F_XID), start + 1, 3, xid);
        tw_info_printf(p, "XID: 0x%06x ", xid);
    }
    dissect_options(p, c, end, mt, depth);
}

static enum tw_status dissect(struct tw_pkt *p, struct tw_cur *c)
{
    tw_info_clear(p);
    dissect_message(p, c, c->end, 0);
    return TW_OK;
}

static const struct tw_binding bindings[] = {{TW_TBL_UDP_PORT, 546}, {TW_TBL_UDP_PORT, 547}};

const struct tw_proto tw_proto_dhcpv6 = {
    .abbrev = "dhcpv6",
    .name = "DHCPv6",
    .short_name = "DHCPv6",
    .fields = fields,
    .nfields = F_COUNT,
    .experts = experts,
    .nexperts = E_COUNT,
    .bindings = bindings,
    .nbindings = TW_ARRAY_LEN(bindings),
    .dissect = dissect,
    .init = dhcpv6_init,
    .ids = &ids,
};
