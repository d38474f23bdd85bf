/* Cisco Discovery Protocol (SNAP OUI 00-00-0C, PID 0x2000): version 1, TTL 1, checksum 2,
 * then TLVs of type 2, length 2 (header included). The checksum is the Internet checksum of
 * the whole PDU, except that Cisco adds an odd final octet as a sign-extended word.
 * Reference: Cisco's CDP documentation; field names and layout as Wireshark shows them. */
#include "../dissect.h"

#include <stdio.h>

static struct tw_proto_ids ids;
#define HF(x) ((uint16_t)(ids.base + (x)))
#define EX(x) ((uint16_t)(ids.expert_base + (x)))

enum {
    F_VERSION,
    F_TTL,
    F_CKSUM,
    F_CKSUM_STATUS,
    F_TLV_TYPE,
    F_TLV_LEN,
    F_DEVICEID,
    F_PLATFORM,
    F_PORTID,
    F_CAPS,
    F_CAP0,
    F_NADDR = F_CAP0 + 11,
    F_PROTO_TYPE,
    F_PROTO_LEN,
    F_PROTOCOL,
    F_ADDR_LEN,
    F_ADDRESS,
    F_OUI,
    F_PROTOCOL_ID,
    F_CL_MASTER_IP,
    F_CL_IP,
    F_CL_VERSION,
    F_CL_SUBVERSION,
    F_CL_STATUS,
    F_CL_UNKNOWN,
    F_CL_COMMANDER,
    F_CL_SWITCH,
    F_CL_MGMT_VLAN,
    F_HELLO_UNKNOWN,
    F_VTP_DOMAIN,
    F_NATIVE_VLAN,
    F_DUPLEX,
    F_DATA,
    F_VOICE_VLAN,
    F_POWER_CONS,
    F_MTU,
    F_TRUST,
    F_UNTRUSTED_COS,
    F_SYSNAME,
    F_SYSOID,
    F_LOC_UNKNOWN,
    F_LOCATION,
    F_REQUEST_ID,
    F_MGMT_ID,
    F_POWER_REQ,
    F_POWER_AVAIL,
    F_SWVERSION,
    F_ODR_GW,
    F_IP_PREFIX,
    F_SPARE_POE,
    F_NRGYZ_IP,
    F_NRGYZ_IP6,
    F_SPARE_POE0,
    F_COUNT = F_SPARE_POE0 + 4
};

static const struct tw_vs tlv_vals[] = {{0x0001, "Device ID"},
                                        {0x0002, "Addresses"},
                                        {0x0003, "Port ID"},
                                        {0x0004, "Capabilities"},
                                        {0x0005, "Software version"},
                                        {0x0006, "Platform"},
                                        {0x0007, "IP Prefix/Gateway (used for ODR)"},
                                        {0x0008, "Protocol Hello"},
                                        {0x0009, "VTP Management Domain"},
                                        {0x000a, "Native VLAN"},
                                        {0x000b, "Duplex"},
                                        {0x000e, "VoIP VLAN Reply"},
                                        {0x000f, "VoIP VLAN Query"},
                                        {0x0010, "Power"},
                                        {0x0011, "MTU"},
                                        {0x0012, "Trust Bitmap"},
                                        {0x0013, "Untrusted Port CoS"},
                                        {0x0014, "System Name"},
                                        {0x0015, "System Object ID"},
                                        {0x0016, "Management Address"},
                                        {0x0017, "Location"},
                                        {0x0018, "External Port-ID"},
                                        {0x0019, "Power Requested"},
                                        {0x001a, "Power Available"},
                                        {0x001b, "Port Unidirectional"},
                                        {0x001d, "EnergyWise"},
                                        {0x001f, "Spare PoE"},
                                        {0x1003, "Radio1 channel"},
                                        {0, NULL}};
static const struct tw_vs proto_type_vals[] = {{1, "NLPID"}, {2, "802.2"}, {0, NULL}};
static const struct tw_vs hello_vals[] = {{0x0112, "Cluster Management"}, {0, NULL}};
static const struct tw_vs cksum_status_vals[] = {
    {0, "Bad"}, {1, "Good"}, {2, "Unverified"}, {0, NULL}};
static const struct tw_tfs yes_no = {"Yes", "No"};
static const struct tw_tfs duplex_tfs = {"Full", "Half"};
static const struct tw_tfs supported_tfs = {"Supported", "Not supported"};
static const struct tw_tfs shared_tfs = {"Shared", "Independent"};
static const struct tw_tfs on_off_tfs = {"On", "Off"};

#define CAP(i, ab, nm)                                                                             \
    [F_CAP0 + i] = {"cdp.capabilities." ab, nm, TW_FT_BOOLEAN, 32, 1u << i, NULL, NULL, &yes_no}

static const struct tw_field_def fields[F_COUNT] = {
    [F_VERSION] = {"cdp.version", "Version", TW_FT_UINT8, TW_BASE_DEC},
    [F_TTL] = {"cdp.ttl", "TTL", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL, NULL, NULL, " seconds"},
    [F_CKSUM] = {"cdp.checksum", "Checksum", TW_FT_UINT16, TW_BASE_HEX},
    [F_CKSUM_STATUS] = {"cdp.checksum.status", "Checksum Status", TW_FT_UINT8, TW_BASE_NONE, 0,
                        cksum_status_vals},
    [F_TLV_TYPE] = {"cdp.tlv.type", "Type", TW_FT_UINT16, TW_BASE_HEX, 0, tlv_vals},
    [F_TLV_LEN] = {"cdp.tlv.len", "Length", TW_FT_UINT16, TW_BASE_DEC},
    [F_DEVICEID] = {"cdp.deviceid", "Device ID", TW_FT_STRING},
    [F_PLATFORM] = {"cdp.platform", "Platform", TW_FT_STRING},
    [F_PORTID] = {"cdp.portid", "Sent through Interface", TW_FT_STRING},
    [F_CAPS] = {"cdp.capabilities", "Capabilities", TW_FT_UINT32, TW_BASE_HEX},
    CAP(0, "router", "Router"),
    CAP(1, "trans_bridge", "Transparent Bridge"),
    CAP(2, "src_bridge", "Source Route Bridge"),
    CAP(3, "switch", "Switch"),
    CAP(4, "host", "Host"),
    CAP(5, "igmp_capable", "IGMP capable"),
    CAP(6, "repeater", "Repeater"),
    CAP(7, "voip_phone", "VoIP Phone"),
    CAP(8, "remote", "Remotely Managed Device"),
    CAP(9, "cvta", "CVTA/STP Dispute Resolution/Cisco VT Camera"),
    CAP(10, "mac_relay", "Two Port Mac Relay"),
    [F_NADDR] = {"cdp.number_of_addresses", "Number of addresses", TW_FT_UINT32, TW_BASE_DEC},
    [F_PROTO_TYPE] = {"cdp.protocol_type", "Protocol type", TW_FT_UINT8, TW_BASE_HEX, 0,
                      proto_type_vals},
    [F_PROTO_LEN] = {"cdp.protocol_length", "Protocol length", TW_FT_UINT8, TW_BASE_DEC},
    [F_PROTOCOL] = {"cdp.protocol", "Protocol", TW_FT_BYTES},
    [F_ADDR_LEN] = {"cdp.address_length", "Address length", TW_FT_UINT16, TW_BASE_DEC},
    [F_ADDRESS] = {"cdp.address", "Address", TW_FT_BYTES},
    [F_OUI] = {"cdp.oui", "OUI", TW_FT_UINT24, TW_BASE_OUI},
    [F_PROTOCOL_ID] = {"cdp.protocol_id", "Protocol ID", TW_FT_UINT16, TW_BASE_HEX, 0, hello_vals},
    [F_CL_MASTER_IP] = {"cdp.cluster.master_ip", "Cluster Master IP", TW_FT_IPv4},
    [F_CL_IP] = {"cdp.cluster.ip", "IP?", TW_FT_IPv4},
    [F_CL_VERSION] = {"cdp.cluster.version", "Version?", TW_FT_UINT8, TW_BASE_HEX},
    [F_CL_SUBVERSION] = {"cdp.cluster.sub_version", "Sub Version?", TW_FT_UINT8, TW_BASE_HEX},
    [F_CL_STATUS] = {"cdp.cluster.status", "Status?", TW_FT_UINT8, TW_BASE_HEX},
    [F_CL_UNKNOWN] = {"cdp.cluster.unknown", "UNKNOWN", TW_FT_UINT8, TW_BASE_HEX},
    [F_CL_COMMANDER] = {"cdp.cluster.commander_mac", "Cluster Commander MAC", TW_FT_ETHER},
    [F_CL_SWITCH] = {"cdp.cluster.switch_mac", "Switch's MAC", TW_FT_ETHER},
    [F_CL_MGMT_VLAN] = {"cdp.cluster.management_vlan", "Management VLAN", TW_FT_UINT16,
                        TW_BASE_DEC},
    [F_HELLO_UNKNOWN] = {"cdp.hello.unknown", "Unknown", TW_FT_BYTES},
    [F_VTP_DOMAIN] = {"cdp.vtp_management_domain", "VTP Management Domain", TW_FT_STRING},
    [F_NATIVE_VLAN] = {"cdp.native_vlan", "Native VLAN", TW_FT_UINT16, TW_BASE_DEC},
    [F_DUPLEX] = {"cdp.duplex", "Duplex", TW_FT_BOOLEAN, 0, 0, NULL, NULL, &duplex_tfs},
    [F_DATA] = {"cdp.data", "Data", TW_FT_BYTES},
    [F_VOICE_VLAN] = {"cdp.voice_vlan", "Voice VLAN", TW_FT_UINT16, TW_BASE_DEC},
    [F_POWER_CONS] = {"cdp.power_consumption", "Power Consumption", TW_FT_UINT16, TW_BASE_DEC, 0,
                      NULL, NULL, NULL, NULL, " mW"},
    [F_MTU] = {"cdp.mtu", "MTU", TW_FT_UINT32, TW_BASE_DEC},
    [F_TRUST] = {"cdp.trust_bitmap", "Trust Bitmap", TW_FT_UINT8, TW_BASE_HEX},
    [F_UNTRUSTED_COS] = {"cdp.untrusted_port_cos", "Untrusted port CoS", TW_FT_UINT8, TW_BASE_HEX},
    [F_SYSNAME] = {"cdp.system_name", "System Name", TW_FT_STRING},
    [F_SYSOID] = {"cdp.system_object_identifier", "System Object Identifier", TW_FT_BYTES},
    [F_LOC_UNKNOWN] = {"cdp.location.unknown", "UNKNOWN", TW_FT_UINT8, TW_BASE_HEX},
    [F_LOCATION] = {"cdp.location", "Location", TW_FT_STRING},
    [F_REQUEST_ID] = {"cdp.request_id", "Request-ID", TW_FT_UINT16, TW_BASE_DEC},
    [F_MGMT_ID] = {"cdp.management_id", "Management-ID", TW_FT_UINT16, TW_BASE_DEC},
    [F_POWER_REQ] = {"cdp.power_requested", "Power Requested", TW_FT_UINT32, TW_BASE_DEC, 0, NULL,
                     NULL, NULL, NULL, "mW"},
    [F_POWER_AVAIL] = {"cdp.power_available", "Power Available", TW_FT_UINT32, TW_BASE_DEC, 0, NULL,
                       NULL, NULL, NULL, "mW"},
    [F_SWVERSION] = {"cdp.software_version", "Software version", TW_FT_STRINGZ},
    [F_ODR_GW] = {"cdp.odr_default_gateway", "ODR Default gateway", TW_FT_IPv4},
    [F_IP_PREFIX] = {"cdp.ip_prefix", "IP Prefix", TW_FT_IPv4},
    [F_SPARE_POE] = {"cdp.spare_poe_tlv", "Spare Pair PoE", TW_FT_UINT8, TW_BASE_HEX},
    [F_NRGYZ_IP] = {"cdp.nrgyz.ip_address", "IP Address", TW_FT_IPv4},
    [F_NRGYZ_IP6] = {"cdp.nrgyz.ipv6_address", "IPv6 Address", TW_FT_IPv6},
    [F_SPARE_POE0 + 0] = {"cdp.spare_poe_tlv.poe", "PSE Four-Wire PoE", TW_FT_BOOLEAN, 8, 0x01,
                          NULL, NULL, &supported_tfs},
    [F_SPARE_POE0 + 1] = {"cdp.spare_poe_tlv.spare_pair_arch", "PD Spare Pair Architecture",
                          TW_FT_BOOLEAN, 8, 0x02, NULL, NULL, &shared_tfs},
    [F_SPARE_POE0 + 2] = {"cdp.spare_poe_tlv.req_spare_pair_poe", "PD Request Spare Pair PoE",
                          TW_FT_BOOLEAN, 8, 0x04, NULL, NULL, &on_off_tfs},
    [F_SPARE_POE0 + 3] = {"cdp.spare_poe_tlv.pse_spare_pair_poe", "PSE Spare Pair PoE",
                          TW_FT_BOOLEAN, 8, 0x08, NULL, NULL, &on_off_tfs},
};

static const struct tw_expert_def experts[] = {
    {"cdp.bad_checksum", "decoder.cdp.bad_checksum", TW_SEV_ERROR, TW_GRP_CHECKSUM, "Bad checksum"},
};

static uint16_t be16(const uint8_t *b)
{
    return (uint16_t)(b[0] << 8 | b[1]);
}
static uint32_t be32(const uint8_t *b)
{
    return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

/* printable copy (Wireshark's format_text: control characters escaped) */
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

/* address list (types 0x02 and 0x16) */
static void addresses(struct tw_pkt *p, const uint8_t *d, uint32_t o, uint32_t end)
{
    if (o + 4 > end) return;
    uint32_t n = be32(d + o);
    tw_add_uint(p, HF(F_NADDR), o, 4, n);
    o += 4;
    for (uint32_t i = 0; i < n && o + 2 <= end; i++) {
        uint8_t pt = d[o], pl = d[o + 1];
        if (o + 2u + pl + 2u > end) break;
        uint16_t al = be16(d + o + 2 + pl);
        uint32_t tot = 2u + pl + 2u + al;
        if (o + tot > end) break;
        const uint8_t *pr = d + o + 2, *a = d + o + 4 + pl;
        bool ip = pt == 1 && pl == 1 && pr[0] == 0xcc && al == 4;
        static const uint8_t v6proto[8] = {0xaa, 0xaa, 0x03, 0x00, 0x00, 0x00, 0x86, 0xdd};
        bool ip6 = pt == 2 && pl == 8 && memcmp(pr, v6proto, 8) == 0 && al == 16;
        char a6[64];
        if (ip6) tw_fmt_ipv6(a6, a);
        int32_t r = -1;
        if (p->want_all) {
            if (ip)
                r = tw_add_text_(p, o, tot, "IP address: %u.%u.%u.%u", a[0], a[1], a[2], a[3]);
            else if (ip6)
                r = tw_add_text_(p, o, tot, "IPv6 address: %s", a6);
            else
                r = tw_add_text_(p, o, tot, "Address");
        }
        tw_tree_push(p, r);
        tw_add_uint(p, HF(F_PROTO_TYPE), o, 1, pt);
        tw_add_uint(p, HF(F_PROTO_LEN), o + 1, 1, pl);
        int32_t rp = tw_add_ptr(p, HF(F_PROTOCOL), o + 2, pl, pr, pl);
        if (ip) tw_rec_label(p, rp, "Protocol: IP");
        if (ip6) tw_rec_label(p, rp, "Protocol: IPv6");
        tw_add_uint(p, HF(F_ADDR_LEN), o + 2 + pl, 2, al);
        if (ip)
            tw_add_ptr(p, HF(F_NRGYZ_IP), o + 4 + pl, 4, a, 4);
        else if (ip6)
            tw_add_ptr(p, HF(F_NRGYZ_IP6), o + 4 + pl, 16, a, 16);
        else
            tw_add_ptr(p, HF(F_ADDRESS), o + 4 + pl, al, a, al);
        tw_tree_pop(p);
        o += tot;
    }
}

static void sw_version(struct tw_pkt *p, const uint8_t *d, uint32_t o, uint32_t end)
{
    while (o < end) {
        uint32_t e = o;
        while (e < end && d[e] != '\n' && d[e] != 0) e++;
        int32_t r = tw_add_ascii(p, HF(F_SWVERSION), o, e - o, d + o);
        if (r >= 0 && e < end) tw_rec_setlen(p, r, e - o + 1);
        o = e + 1;
    }
}

static void hello(struct tw_pkt *p, const uint8_t *d, uint32_t o, uint32_t end)
{
    if (o + 5 > end) return;
    uint32_t oui = (uint32_t)d[o] << 16 | (uint32_t)d[o + 1] << 8 | d[o + 2];
    int32_t r = tw_add_uint(p, HF(F_OUI), o, 3, oui);
    if (r >= 0 && tw_want_labels(p)) {
        const uint8_t ob[3] = {d[o], d[o + 1], d[o + 2]};
        const char *on = tw_oui_name(ob);
        if (on) tw_rec_label(p, r, "OUI: %02x:%02x:%02x (%s)", ob[0], ob[1], ob[2], on);
    }
    uint16_t pid = be16(d + o + 3);
    tw_add_uint(p, HF(F_PROTOCOL_ID), o + 3, 2, pid);
    o += 5;
    if (pid == 0x0112 && o + 26 <= end) {
        tw_add_ptr(p, HF(F_CL_MASTER_IP), o, 4, d + o, 4);
        tw_add_ptr(p, HF(F_CL_IP), o + 4, 4, d + o + 4, 4);
        tw_add_uint(p, HF(F_CL_VERSION), o + 8, 1, d[o + 8]);
        tw_add_uint(p, HF(F_CL_SUBVERSION), o + 9, 1, d[o + 9]);
        tw_add_uint(p, HF(F_CL_STATUS), o + 10, 1, d[o + 10]);
        tw_add_uint(p, HF(F_CL_UNKNOWN), o + 11, 1, d[o + 11]);
        tw_add_ptr(p, HF(F_CL_COMMANDER), o + 12, 6, d + o + 12, 6);
        tw_add_ptr(p, HF(F_CL_SWITCH), o + 18, 6, d + o + 18, 6);
        tw_add_uint(p, HF(F_CL_UNKNOWN), o + 24, 1, d[o + 24]);
        tw_add_uint(p, HF(F_CL_MGMT_VLAN), o + 25, 2, o + 27 <= end ? be16(d + o + 25) : 0);
    } else if (o < end) {
        tw_add_ptr(p, HF(F_HELLO_UNKNOWN), o, end - o, d + o, end - o);
    }
}

static enum tw_status dissect(struct tw_pkt *p, struct tw_cur *c)
{
    tw_col_proto(p, "CDP");
    tw_info_clear(p);
    const uint32_t s = c->off;
    const uint8_t *d = c->data;
    uint32_t avail = tw_cur_avail(c), left = tw_cur_left(c);
    if (avail < 4) return left < 4 ? TW_MALFORMED : TW_TRUNCATED;
    tw_add_uint(p, HF(F_VERSION), s, 1, d[s]);
    tw_add_uint(p, HF(F_TTL), s + 1, 1, d[s + 1]);
    uint16_t ck = be16(d + s + 2);
    if (avail == left) {
        /* a plain 32-bit sum of the words, as Cisco's code keeps it (no folding on the way) */
        uint32_t sum = 0;
        uint32_t n = left & ~1u;
        for (uint32_t i = 0; i < n; i += 2) sum += (uint32_t)(d[s + i] << 8 | d[s + i + 1]);
        if (left & 1) {
            uint8_t last = d[s + left - 1];
            sum += (last & 0x80) ? (0xffffff00u | last) : last;
        }
        while (sum >> 16) sum = (sum & 0xffff) + (sum >> 16);
        uint16_t computed = (uint16_t)~sum;
        int32_t r = tw_add_uint(p, HF(F_CKSUM), s + 2, 2, ck);
        /* the value the field should have held */
        uint16_t shouldbe = (uint16_t) ~(uint16_t)~computed;
        {
            uint32_t t = (uint32_t)(uint16_t)~computed + (uint32_t)(uint16_t)~ck;
            while (t >> 16) t = (t & 0xffff) + (t >> 16);
            shouldbe = (uint16_t)~t;
        }
        if (computed == 0)
            tw_rec_label(p, r, "Checksum: 0x%04x [correct]", ck);
        else
            tw_rec_label(p, r, "Checksum: 0x%04x incorrect, should be 0x%04x", ck, shouldbe);
        if (computed != 0) {
            tw_tree_push(p, r);
            tw_expert(p, EX(0), s + 2, 2, "Bad checksum [should be 0x%04x]", shouldbe);
            tw_tree_pop(p);
        }
        r = tw_add_uint(p, HF(F_CKSUM_STATUS), s + 2, 2, computed == 0 ? 1 : 0);
        tw_rec_flags(p, r, TW_RF_GENERATED);
    } else {
        int32_t r = tw_add_uint(p, HF(F_CKSUM), s + 2, 2, ck);
        tw_rec_label(p, r, "Checksum: 0x%04x [unverified]", ck);
        r = tw_add_uint(p, HF(F_CKSUM_STATUS), s + 2, 2, 2);
        tw_rec_flags(p, r, TW_RF_GENERATED);
    }
    uint32_t o = s + 4;
    const uint32_t end = s + left;
    while (o < end) {
        if (o + 4 > s + avail) {
            tw_layer_setlen(p, o - s);
            return o + 4 > end ? TW_MALFORMED : TW_TRUNCATED;
        }
        uint16_t type = be16(d + o), len = be16(d + o + 2);
        if (len < 4) {
            tw_layer_setlen(p, o - s);
            return TW_MALFORMED;
        }
        if (o + len > s + avail) {
            tw_layer_setlen(p, o - s);
            return o + len > end ? TW_MALFORMED : TW_TRUNCATED;
        }
        const uint8_t *v = d + o + 4;
        uint32_t vl = len - 4u, vo = o + 4, ve = o + len;
        char buf[512];
        int32_t r = -1;
        const char *tn = tw_vs_find(tlv_vals, type);
        bool want = p->want_all;
        switch (type) {
        case 0x0001:
        case 0x0006:
        case 0x0014:
            str_copy(buf, sizeof buf, v, vl);
            if (want) r = tw_add_text_(p, o, len, "%s: %s", tn, buf);
            if (type == 0x0001) tw_info_printf(p, "Device ID: %s  ", buf);
            break;
        case 0x0003:
            str_copy(buf, sizeof buf, v, vl);
            if (want) r = tw_add_text_(p, o, len, "Port ID: %s", buf);
            tw_info_printf(p, "Port ID: %s  ", buf);
            break;
        case 0x0002:
            if (want) r = tw_add_text_(p, o, len, "Addresses");
            break;
        case 0x0016:
            if (want) r = tw_add_text_(p, o, len, "Management Addresses");
            break;
        case 0x0004:
            if (want) r = tw_add_text_(p, o, len, "Capabilities");
            break;
        case 0x0005:
            if (want) r = tw_add_text_(p, o, len, "Software Version");
            break;
        case 0x0008:
            if (want) {
                const char *hn = vl >= 5 ? tw_vs_find(hello_vals, be16(v + 3)) : NULL;
                if (hn)
                    r = tw_add_text_(p, o, len, "Protocol Hello: %s", hn);
                else
                    r = tw_add_text_(p, o, len, "Protocol Hello: Unknown (0x%04x)",
                                     vl >= 5 ? be16(v + 3) : 0);
            }
            break;
        case 0x0009:
            str_copy(buf, sizeof buf, v, vl);
            if (want) r = tw_add_text_(p, o, len, "VTP Management Domain: %s", buf);
            break;
        case 0x000a:
            if (want) r = tw_add_text_(p, o, len, "Native VLAN: %u", vl >= 2 ? be16(v) : 0);
            break;
        case 0x000b:
            if (want) r = tw_add_text_(p, o, len, "Duplex: %s", vl >= 1 && v[0] ? "Full" : "Half");
            break;
        case 0x0012:
            if (want) r = tw_add_text_(p, o, len, "Trust Bitmap: 0x%02x", vl >= 1 ? v[0] : 0);
            break;
        case 0x001f:
            if (want) r = tw_add_text_(p, o, len, "Spare Pair PoE");
            break;
        case 0x0015:
            if (want) r = tw_add_text_(p, o, len, "System Object Identifier");
            break;
        case 0x0013:
            if (want) r = tw_add_text_(p, o, len, "Untrusted port CoS: 0x%02x", vl >= 1 ? v[0] : 0);
            break;
        case 0x0010:
            if (want)
                r = tw_add_text_(p, o, len, "Power Consumption: %u mW", vl >= 2 ? be16(v) : 0);
            break;
        case 0x0011:
            if (want) r = tw_add_text_(p, o, len, "MTU: %u", vl >= 4 ? be32(v) : 0);
            break;
        case 0x001a:
        case 0x0019:
            if (want) {
                size_t n = (size_t)snprintf(
                    buf, sizeof buf, "%s:", type == 0x1a ? "Power Available" : "Power Requested");
                for (uint32_t i = 4; i + 4 <= vl && n < sizeof buf; i += 4)
                    n += (size_t)snprintf(buf + n, sizeof buf - n, "%s %u mW", i > 4 ? "," : "",
                                          be32(v + i));
                r = tw_add_text_(p, o, len, "%s", buf);
            }
            break;
        default:
            if (want) {
                if (tn)
                    r = tw_add_text_(p, o, len, "%s", tn);
                else
                    r = tw_add_text_(p, o, len, "Type: 0x%04x, length: %u", type, len);
            }
            break;
        }
        tw_tree_push(p, r);
        tw_add_uint(p, HF(F_TLV_TYPE), o, 2, type);
        tw_add_uint(p, HF(F_TLV_LEN), o + 2, 2, len);
        switch (type) {
        case 0x0001:
            tw_add_ascii(p, HF(F_DEVICEID), vo, vl, v);
            break;
        case 0x0006:
            tw_add_ascii(p, HF(F_PLATFORM), vo, vl, v);
            break;
        case 0x0014:
            tw_add_ascii(p, HF(F_SYSNAME), vo, vl, v);
            break;
        case 0x0003:
            tw_add_ascii(p, HF(F_PORTID), vo, vl, v);
            break;
        case 0x0002:
        case 0x0016:
            addresses(p, d, vo, ve);
            break;
        case 0x0004:
            if (vl >= 4) {
                uint32_t cv = be32(v);
                int32_t rc = tw_add_uint(p, HF(F_CAPS), vo, 4, cv);
                tw_tree_push(p, rc);
                for (int i = 0; i < 11; i++) tw_add_bits(p, HF(F_CAP0 + i), vo, 4, cv);
                tw_tree_pop(p);
            }
            break;
        case 0x0005:
            sw_version(p, d, vo, ve);
            break;
        case 0x0008:
            hello(p, d, vo, ve);
            break;
        case 0x0009:
            tw_add_ascii(p, HF(F_VTP_DOMAIN), vo, vl, v);
            break;
        case 0x000a:
            if (vl >= 2) tw_add_uint(p, HF(F_NATIVE_VLAN), vo, 2, be16(v));
            break;
        case 0x000b:
            if (vl >= 1) tw_add_uint(p, HF(F_DUPLEX), vo, 1, v[0]);
            break;
        case 0x000e:
        case 0x000f:
            if (vl >= 1) tw_add_ptr(p, HF(F_DATA), vo, 1, v, 1);
            if (vl >= 3) tw_add_uint(p, HF(F_VOICE_VLAN), vo + 1, 2, be16(v + 1));
            break;
        case 0x0010:
            if (vl >= 2) tw_add_uint(p, HF(F_POWER_CONS), vo, 2, be16(v));
            break;
        case 0x0011:
            if (vl >= 4) tw_add_uint(p, HF(F_MTU), vo, 4, be32(v));
            break;
        case 0x0012:
            if (vl >= 1) tw_add_uint(p, HF(F_TRUST), vo, 1, v[0]);
            break;
        case 0x0013:
            if (vl >= 1) tw_add_uint(p, HF(F_UNTRUSTED_COS), vo, 1, v[0]);
            break;
        case 0x0015:
            tw_add_ptr(p, HF(F_SYSOID), vo, vl, v, vl);
            break;
        case 0x001f:
            if (vl >= 1) {
                int32_t rp = tw_add_uint(p, HF(F_SPARE_POE), vo, 1, v[0]);
                tw_tree_push(p, rp);
                for (int i = 0; i < 4; i++) tw_add_bits(p, HF(F_SPARE_POE0 + i), vo, 1, v[0]);
                tw_tree_pop(p);
            }
            break;
        case 0x0017:
            if (vl >= 1) tw_add_uint(p, HF(F_LOC_UNKNOWN), vo, 1, v[0]);
            if (vl >= 2) tw_add_ascii(p, HF(F_LOCATION), vo + 1, vl - 1, v + 1);
            break;
        case 0x0019:
        case 0x001a:
            if (vl >= 2) tw_add_uint(p, HF(F_REQUEST_ID), vo, 2, be16(v));
            if (vl >= 4) tw_add_uint(p, HF(F_MGMT_ID), vo + 2, 2, be16(v + 2));
            for (uint32_t i = 4; i + 4 <= vl; i += 4)
                tw_add_uint(p, HF(type == 0x1a ? F_POWER_AVAIL : F_POWER_REQ), vo + i, 4,
                            be32(v + i));
            break;
        default:
            if (vl) tw_add_ptr(p, HF(F_DATA), vo, vl, v, vl);
            break;
        }
        tw_tree_pop(p);
        o += len;
    }
    return TW_OK;
}

static const struct tw_binding bindings[] = {{TW_TBL_SNAP, 0x000c2000}};

const struct tw_proto tw_proto_cdp = {
    .abbrev = "cdp",
    .name = "Cisco Discovery Protocol",
    .short_name = "CDP",
    .fields = fields,
    .nfields = F_COUNT,
    .experts = experts,
    .nexperts = TW_ARRAY_LEN(experts),
    .bindings = bindings,
    .nbindings = TW_ARRAY_LEN(bindings),
    .dissect = dissect,
    .ids = &ids,
};
