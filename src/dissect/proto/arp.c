/* ARP and RARP (RFC 826, RFC 903; opcodes from the IANA ARP parameters registry), with the
 * AX.25 hardware variant. Reached by EtherType 0x0806 and 0x8035.
 *
 *   +---------------------------+---------------------------+
 *   | hardware type (2)         | protocol type (2)         |
 *   +-------------+-------------+---------------------------+
 *   | hw size (1) | pr size (1) | opcode (2)                |
 *   +-------------+-------------+---------------------------+
 *   | sender hardware address (hw size)                      |
 *   | sender protocol address (pr size)                      |
 *   | target hardware address (hw size)                      |
 *   | target protocol address (pr size)                      |
 *   +-------------------------------------------------------+
 *
 * Wireshark also remembers which MAC each IPv4 address was seen with and flags a second MAC
 * for the same address ("duplicate use detected"); that needs the per-run table below. */
#include "../dissect.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern const struct tw_vs tw_etype_vals[];

static struct tw_proto_ids ids;
#define HF(x) ((uint16_t)(ids.base + (x)))
#define EX(x) ((uint16_t)(ids.expert_base + (x)))

enum {
    F_HW_TYPE,
    F_PROTO_TYPE,
    F_HW_SIZE,
    F_SRC_HTYPE,
    F_SRC_HLEN,
    F_SRC_STYPE,
    F_SRC_SLEN,
    F_PROTO_SIZE,
    F_OPCODE,
    F_ISGRATUITOUS,
    F_ISPROBE,
    F_ISANNOUNCEMENT,
    F_SRC_PLN,
    F_DST_HTYPE,
    F_DST_HLEN,
    F_DST_STYPE,
    F_DST_SLEN,
    F_DST_PLN,
    F_SRC_HW,
    F_SRC_HW_MAC,
    F_SRC_HW_AX25,
    F_SRC_PROTO,
    F_SRC_PROTO_IPV4,
    F_DST_HW,
    F_DST_HW_MAC,
    F_DST_HW_AX25,
    F_DST_PROTO,
    F_DST_PROTO_IPV4,
    F_DRARP_ERROR,
    F_DUP_FRAME,
    F_DUP_SECONDS,
    F_SRC_E164,
    F_SRC_NSAP,
    F_SRC_SUBADDR,
    F_DST_E164,
    F_DST_NSAP,
    F_DST_SUBADDR,
    F_ATM_DCC,
    F_ATM_DCC_GROUP,
    F_ATM_HO_DSP,
    F_ATM_ESI,
    F_ATM_SEL,
    F_ATM_ICD,
    F_ATM_ICD_GROUP,
    F_ATM_E164_ISDN,
    F_ATM_E164_ISDN_GROUP,
    F_ATM_REST,
    F_ATM_AFI,
    F_COUNT
};

/* Hardware types: IANA's registry plus the Linux ARPHRD_ values used by cooked captures. */
const struct tw_vs tw_arp_hrd_vals[] = {{0, "NET/ROM pseudo"},
                                        {1, "Ethernet"},
                                        {2, "Experimental Ethernet"},
                                        {3, "AX.25"},
                                        {4, "ProNET"},
                                        {5, "Chaos"},
                                        {6, "IEEE 802"},
                                        {7, "ARCNET"},
                                        {8, "Hyperchannel"},
                                        {9, "Lanstar"},
                                        {10, "Autonet Short Address"},
                                        {11, "Localtalk"},
                                        {12, "LocalNet"},
                                        {13, "Ultra link"},
                                        {14, "SMDS"},
                                        {15, "Frame Relay DLCI"},
                                        {16, "ATM"},
                                        {17, "HDLC"},
                                        {18, "Fibre Channel"},
                                        {19, "ATM (RFC 2225)"},
                                        {20, "Serial Line"},
                                        {21, "ATM"},
                                        {22, "MIL-STD-188-220"},
                                        {23, "Metricom STRIP"},
                                        {24, "IEEE 1394.1995"},
                                        {25, "MAPOS"},
                                        {26, "Twinaxial"},
                                        {27, "EUI-64"},
                                        {28, "HIPARP"},
                                        {29, "IP and ARP over ISO 7816-3"},
                                        {30, "ARPSec"},
                                        {31, "IPsec tunnel"},
                                        {32, "InfiniBand"},
                                        {33, "TIA-102 Project 25 CAI"},
                                        {34, "Wiegand Interface"},
                                        {35, "Pure IP"},
                                        {36, "Experimental 1"},
                                        {37, "HFI"},
                                        {256, "Experimental 2"},
                                        {257, "AEthernet"},
                                        {260, "Notional KISS type"},
                                        {264, "ADAPT"},
                                        {270, "ROSE"},
                                        {271, "CCITT X.25"},
                                        {272, "Boards with X.25 in firmware"},
                                        {280, "Controller Area Network"},
                                        {512, "PPP"},
                                        {513, "Cisco HDLC"},
                                        {516, "LAPB"},
                                        {517, "Digital's DDCMP protocol"},
                                        {518, "Raw HDLC"},
                                        {519, "Raw IP"},
                                        {768, "IPIP tunnel"},
                                        {769, "IP6IP6 tunnel"},
                                        {770, "Frame Relay Access Device"},
                                        {771, "SKIP vif"},
                                        {772, "Loopback"},
                                        {774, "Fiber Distributed Data Interface"},
                                        {775, "AP1000 BIF"},
                                        {776, "sit0 device - IPv6-in-IPv4"},
                                        {777, "IP over DDP tunneller"},
                                        {778, "GRE over IP"},
                                        {779, "PIMSM register interface"},
                                        {780, "High Performance Parallel Interface"},
                                        {781, "Nexus 64Mbps Ash"},
                                        {782, "Acorn Econet"},
                                        {783, "Linux-IrDA"},
                                        {784, "Point to point fibrechannel"},
                                        {785, "Fibrechannel arbitrated loop"},
                                        {786, "Fibrechannel public loop"},
                                        {787, "Fibrechannel fabric"},
                                        {800, "Magic type ident for TR"},
                                        {801, "IEEE 802.11"},
                                        {802, "IEEE 802.11 + Prism2 header"},
                                        {803, "IEEE 802.11 + radiotap header"},
                                        {804, "IEEE 802.15.4"},
                                        {805, "IEEE 802.15.4 network monitor"},
                                        {820, "PhoNet media type"},
                                        {821, "PhoNet pipe header"},
                                        {822, "CAIF media type"},
                                        {823, "GRE over IPv6"},
                                        {824, "Netlink"},
                                        {825, "IPv6 over LoWPAN"},
                                        {826, "Vsock monitor header"},
                                        {65534, "zero header length"},
                                        {65535, "Void type, nothing is known"},
                                        {0, NULL}};

enum {
    OP_REQUEST = 1,
    OP_REPLY = 2,
    OP_RREQUEST = 3,
    OP_RREPLY = 4,
    OP_DRARP_REQUEST = 5,
    OP_DRARP_REPLY = 6,
    OP_DRARP_ERROR = 7,
    OP_IREQUEST = 8,
    OP_IREPLY = 9,
    OP_ATMARP_NAK = 10,
    OP_MARS_REQUEST = 11,
    OP_MARS_REDIRECT_MAP = 22,
    OP_MAPOS_UNARP = 23,
    OP_EXP1 = 24,
    OP_EXP2 = 25,
};

static const struct tw_vs op_vals[] = {{0, "reserved"},
                                       {1, "request"},
                                       {2, "reply"},
                                       {3, "reverse request"},
                                       {4, "reverse reply"},
                                       {5, "drarp request"},
                                       {6, "drarp reply"},
                                       {7, "drarp error"},
                                       {8, "inverse request"},
                                       {9, "inverse reply"},
                                       {10, "arp nak"},
                                       {11, "mars request"},
                                       {12, "mars multi"},
                                       {13, "mars mserv"},
                                       {14, "mars join"},
                                       {15, "mars leave"},
                                       {16, "mars nak"},
                                       {17, "mars unserv"},
                                       {18, "mars sjoin"},
                                       {19, "mars sleave"},
                                       {20, "mars grouplist request"},
                                       {21, "mars grouplist reply"},
                                       {22, "mars redirect map"},
                                       {23, "mapos unarp"},
                                       {24, "experimental 1"},
                                       {25, "experimental 2"},
                                       {65535, "reserved"},
                                       {0, NULL}};

/* MARS messages: the Info text before "from <hw> at <proto>" */
static const struct tw_vs mars_info[] = {
    {11, "MARS request"},         {12, "MARS MULTI request"},
    {13, "MARS MSERV request"},   {14, "MARS JOIN request"},
    {15, "MARS LEAVE"},           {16, "MARS NAK"},
    {17, "MARS UNSERV request"},  {18, "MARS SJOIN request"},
    {19, "MARS SLEAVE"},          {20, "MARS grouplist request"},
    {21, "MARS grouplist reply"}, {22, "MARS redirect map"},
    {23, "MAPOS UNARP request"},  {0, NULL}};

static const struct tw_vs drarp_status[] = {{1, "restricted"}, {2, "no address"}, {3, "serverdown"},
                                            {4, "moved"},      {5, "failure"},    {0, NULL}};
static const struct tw_tfs type_bit_tfs = {"E.164", "ATM Forum NSAPA"};

static const struct tw_field_def fields[F_COUNT] = {
    [F_HW_TYPE] = {"arp.hw.type", "Hardware type", TW_FT_UINT16, TW_BASE_DEC, 0, tw_arp_hrd_vals},
    [F_PROTO_TYPE] = {"arp.proto.type", "Protocol type", TW_FT_UINT16, TW_BASE_HEX, 0,
                      tw_etype_vals},
    [F_HW_SIZE] = {"arp.hw.size", "Hardware size", TW_FT_UINT8, TW_BASE_DEC},
    [F_SRC_HTYPE] = {"arp.src.htype", "Sender ATM number type", TW_FT_BOOLEAN, 8, 0x40, NULL, NULL,
                     &type_bit_tfs},
    [F_SRC_HLEN] = {"arp.src.hlen", "Sender ATM number length", TW_FT_UINT8, TW_BASE_DEC, 0x3f},
    [F_SRC_STYPE] = {"arp.src.stype", "Sender ATM subaddress type", TW_FT_BOOLEAN, 8, 0x40, NULL,
                     NULL, &type_bit_tfs},
    [F_SRC_SLEN] = {"arp.src.slen", "Sender ATM subaddress length", TW_FT_UINT8, TW_BASE_DEC, 0x3f},
    [F_PROTO_SIZE] = {"arp.proto.size", "Protocol size", TW_FT_UINT8, TW_BASE_DEC},
    [F_OPCODE] = {"arp.opcode", "Opcode", TW_FT_UINT16, TW_BASE_DEC, 0, op_vals},
    [F_ISGRATUITOUS] = {"arp.isgratuitous", "Is gratuitous", TW_FT_BOOLEAN, 0, 0, NULL, NULL,
                        &tw_tfs_true_false},
    [F_ISPROBE] = {"arp.isprobe", "Is probe", TW_FT_BOOLEAN, 0, 0, NULL, NULL, &tw_tfs_true_false},
    [F_ISANNOUNCEMENT] = {"arp.isannouncement", "Is announcement", TW_FT_BOOLEAN, 0, 0, NULL, NULL,
                          &tw_tfs_true_false},
    [F_SRC_PLN] = {"arp.src.pln", "Sender protocol size", TW_FT_UINT8, TW_BASE_DEC},
    [F_DST_HTYPE] = {"arp.dst.htype", "Target ATM number type", TW_FT_BOOLEAN, 8, 0x40, NULL, NULL,
                     &type_bit_tfs},
    [F_DST_HLEN] = {"arp.dst.hlen", "Target ATM number length", TW_FT_UINT8, TW_BASE_DEC, 0x3f},
    [F_DST_STYPE] = {"arp.dst.stype", "Target ATM subaddress type", TW_FT_BOOLEAN, 8, 0x40, NULL,
                     NULL, &type_bit_tfs},
    [F_DST_SLEN] = {"arp.dst.slen", "Target ATM subaddress length", TW_FT_UINT8, TW_BASE_DEC, 0x3f},
    [F_DST_PLN] = {"arp.dst.pln", "Target protocol size", TW_FT_UINT8, TW_BASE_DEC},
    [F_SRC_HW] = {"arp.src.hw", "Sender hardware address", TW_FT_BYTES},
    [F_SRC_HW_MAC] = {"arp.src.hw_mac", "Sender MAC address", TW_FT_ETHER},
    /* Wireshark's FT_AX25: seven bytes, shown as a callsign (ax25_str) */
    [F_SRC_HW_AX25] = {"arp.src.hw_ax25", "Sender AX.25 address", TW_FT_BYTES, TW_BASE_SEP_COLON},
    [F_SRC_PROTO] = {"arp.src.proto", "Sender protocol address", TW_FT_BYTES},
    [F_SRC_PROTO_IPV4] = {"arp.src.proto_ipv4", "Sender IP address", TW_FT_IPv4},
    [F_DST_HW] = {"arp.dst.hw", "Target hardware address", TW_FT_BYTES},
    [F_DST_HW_MAC] = {"arp.dst.hw_mac", "Target MAC address", TW_FT_ETHER},
    [F_DST_HW_AX25] = {"arp.dst.hw_ax25", "Target AX.25 address", TW_FT_BYTES, TW_BASE_SEP_COLON},
    [F_DST_PROTO] = {"arp.dst.proto", "Target protocol address", TW_FT_BYTES},
    [F_DST_PROTO_IPV4] = {"arp.dst.proto_ipv4", "Target IP address", TW_FT_IPv4},
    [F_DRARP_ERROR] = {"arp.dst.drarp_error_status", "DRARP error status", TW_FT_UINT16,
                       TW_BASE_DEC, 0, drarp_status},
    [F_DUP_FRAME] = {"arp.duplicate-address-frame", "Frame showing earlier use of IP address",
                     TW_FT_FRAMENUM},
    [F_DUP_SECONDS] = {"arp.seconds-since-duplicate-address-frame",
                       "Seconds since earlier frame seen", TW_FT_UINT32, TW_BASE_DEC},
    [F_SRC_E164] = {"arp.src.atm_num_e164", "Sender ATM number (E.164)", TW_FT_STRING},
    [F_SRC_NSAP] = {"arp.src.atm_num_nsap", "Sender ATM number (NSAP)", TW_FT_BYTES},
    [F_SRC_SUBADDR] = {"arp.src.atm_subaddr", "Sender ATM subaddress", TW_FT_BYTES},
    [F_DST_E164] = {"arp.dst.atm_num_e164", "Target ATM number (E.164)", TW_FT_STRING},
    [F_DST_NSAP] = {"arp.dst.atm_num_nsap", "Target ATM number (NSAP)", TW_FT_BYTES},
    [F_DST_SUBADDR] = {"arp.dst.atm_subaddr", "Target ATM subaddress", TW_FT_BYTES},
    [F_ATM_DCC] = {"arp.src.atm_data_country_code", "Data Country Code", TW_FT_UINT16, TW_BASE_HEX},
    [F_ATM_DCC_GROUP] = {"arp.src.atm_data_country_code_group", "Data Country Code (group)",
                         TW_FT_UINT16, TW_BASE_HEX},
    [F_ATM_HO_DSP] = {"arp.src.atm_high_order_dsp", "High Order DSP", TW_FT_BYTES},
    [F_ATM_ESI] = {"arp.src.atm_end_system_identifier", "End System Identifier", TW_FT_BYTES},
    [F_ATM_SEL] = {"arp.src.atm_selector", "Selector", TW_FT_UINT8, TW_BASE_HEX},
    [F_ATM_ICD] = {"arp.src.atm_international_code_designator", "International Code Designator",
                   TW_FT_UINT16, TW_BASE_HEX},
    [F_ATM_ICD_GROUP] = {"arp.src.atm_international_code_designator_group",
                         "International Code Designator (group)", TW_FT_UINT16, TW_BASE_HEX},
    [F_ATM_E164_ISDN] = {"arp.src.atm_e.164_isdn", "E.164 ISDN", TW_FT_BYTES},
    [F_ATM_E164_ISDN_GROUP] = {"arp.src.atm_e.164_isdn_group", "E.164 ISDN", TW_FT_BYTES},
    [F_ATM_REST] = {"arp.src.atm_rest_of_address", "Rest of address", TW_FT_BYTES},
    [F_ATM_AFI] = {"arp.src.atm_afi", "AFI", TW_FT_UINT8, TW_BASE_HEX},
};

static const struct tw_expert_def experts[] = {
    {"arp.duplicate-address-detected", "decoder.arp.duplicate_address", TW_SEV_WARN,
     TW_GRP_SEQUENCE, "Duplicate IP address configured"},
    {"arp.packet-storm-detected", "decoder.arp.packet_storm", TW_SEV_NOTE, TW_GRP_SEQUENCE,
     "ARP packet storm detected"},
    {"arp.src.atm_afi.unknown", "decoder.arp.atm_afi_unknown", TW_SEV_WARN, TW_GRP_PROTOCOL,
     "Unknown AFI"},
};
enum { E_DUP_ADDR, E_STORM, E_AFI_UNKNOWN };

/* ---- the per-run IPv4 -> MAC table behind duplicate detection ----
 * Open addressing, capped: once it holds TABLE_MAX addresses new ones are no longer learnt
 * (their duplicates go unreported), so memory stays bounded on hostile captures. */
struct addr_ent {
    uint32_t ip; /* 0 = empty slot (address 0 is never learnt) */
    uint8_t mac[6];
    uint32_t frame;
    int64_t secs;
};
#define TABLE_MAX (1u << 20)
static struct addr_ent *tab;
static uint32_t tab_cap, tab_used;

static void table_reset(void)
{
    free(tab);
    tab = NULL;
    tab_cap = tab_used = 0;
}

static struct addr_ent *table_find(uint32_t ip, bool insert)
{
    if (tab_cap == 0 || (insert && (tab_used + 1) * 2 > tab_cap)) {
        if (!insert) return NULL;
        if (tab_used >= TABLE_MAX) {
            if (!tab_cap) return NULL;
        } else {
            uint32_t ncap = tab_cap ? tab_cap * 2 : 1024;
            struct addr_ent *n = calloc(ncap, sizeof *n);
            if (!n) return NULL;
            for (uint32_t i = 0; i < tab_cap; i++) {
                if (!tab[i].ip) continue;
                uint32_t h = (tab[i].ip * 2654435761u) & (ncap - 1);
                while (n[h].ip) h = (h + 1) & (ncap - 1);
                n[h] = tab[i];
            }
            free(tab);
            tab = n;
            tab_cap = ncap;
        }
    }
    uint32_t h = (ip * 2654435761u) & (tab_cap - 1);
    for (uint32_t i = 0; i < tab_cap; i++, h = (h + 1) & (tab_cap - 1)) {
        if (tab[h].ip == ip) return &tab[h];
        if (!tab[h].ip) {
            if (!insert || tab_used >= TABLE_MAX) return NULL;
            tab[h].ip = ip;
            tab_used++;
            tab[h].frame = 0;
            return &tab[h];
        }
    }
    return NULL;
}

/* Wireshark's check: an address seen before with another MAC in an earlier frame is reported
 * (the old entry is left as it was); with the same MAC the entry is refreshed. */
struct dup_report {
    uint8_t ip[4], mac[6], old_mac[6];
    uint32_t old_frame;
    int64_t old_secs;
};

static bool check_duplicate(struct tw_pkt *p, const uint8_t *mac, const uint8_t *ipb,
                            struct dup_report *rep)
{
    uint32_t ip = (uint32_t)ipb[0] << 24 | (uint32_t)ipb[1] << 16 | (uint32_t)ipb[2] << 8 | ipb[3];
    uint32_t fn = (uint32_t)p->frame->recno;
    struct addr_ent *e = table_find(ip, false);
    if (!e) {
        e = table_find(ip, true);
        if (e) {
            memcpy(e->mac, mac, 6);
            e->frame = fn;
            e->secs = p->frame->ts.sec;
        }
        return false;
    }
    if (fn <= e->frame) return false;
    if (memcmp(e->mac, mac, 6) == 0) {
        e->frame = fn;
        e->secs = p->frame->ts.sec;
        return false;
    }
    memcpy(rep->ip, ipb, 4);
    memcpy(rep->mac, mac, 6);
    memcpy(rep->old_mac, e->mac, 6);
    rep->old_frame = e->frame;
    rep->old_secs = e->secs;
    return true;
}

static void fmt_mac(char *out, const uint8_t *m)
{
    snprintf(out, 18, "%02x:%02x:%02x:%02x:%02x:%02x", m[0], m[1], m[2], m[3], m[4], m[5]);
}

static void add_duplicate(struct tw_pkt *p, const struct dup_report *rep)
{
    char ips[16], m1[18], m2[18];
    tw_fmt_ipv4(ips, rep->ip);
    fmt_mac(m1, rep->mac);
    fmt_mac(m2, rep->old_mac);
    /* Wireshark hangs this report off the packet's root, after the ARP line */
    uint32_t saved = p->ntree;
    p->ntree = 0;
    int32_t t = tw_add_text(
        p, 0, 0, "Duplicate IP address detected for %s (%s) - also in use by %s (frame %u)", ips,
        m1, m2, rep->old_frame);
    tw_rec_flags(p, t, TW_RF_GENERATED);
    tw_tree_push(p, t);
    int32_t r = tw_add_uint(p, HF(F_DUP_FRAME), 0, 0, rep->old_frame);
    tw_rec_flags(p, r, TW_RF_GENERATED);
    tw_tree_push(p, r);
    tw_expert(p, EX(E_DUP_ADDR), 0, 0, "Duplicate IP address configured (%s)", ips);
    tw_tree_pop(p);
    r = tw_add_uint(p, HF(F_DUP_SECONDS), 0, 0, (uint32_t)(p->frame->ts.sec - rep->old_secs));
    tw_rec_flags(p, r, TW_RF_GENERATED);
    p->ntree = saved;
}

/* ---- address text as Wireshark's Info column shows it ---- */

#define ADDR_TXT 80
/* hex without separators, at most 36 bytes then an ellipsis (bytes_to_str's limit) */
static void hex_str(char *out, const uint8_t *a, uint32_t n)
{
    static const char hx[] = "0123456789abcdef";
    uint32_t m = n > 36 ? 36 : n, o = 0;
    for (uint32_t i = 0; i < m; i++) {
        out[o++] = hx[a[i] >> 4];
        out[o++] = hx[a[i] & 15];
    }
    if (m < n) {
        memcpy(out + o, "\xe2\x80\xa6", 3);
        o += 3;
    }
    out[o] = 0;
}

static bool hw_is_ether(uint16_t hrd, uint8_t hln)
{
    return (hrd == 1 || hrd == 6) && hln == 6;
}
static bool pro_is_ipv4(uint16_t pro, uint8_t pln)
{
    return (pro == 0x0800 || pro == 0xcc) && pln == 4;
}

static void hw_str(char *out, const uint8_t *a, uint8_t n, uint16_t hrd)
{
    if (n == 0)
        snprintf(out, ADDR_TXT, "<No address>");
    else if (hw_is_ether(hrd, n))
        snprintf(out, ADDR_TXT, "%02x:%02x:%02x:%02x:%02x:%02x", a[0], a[1], a[2], a[3], a[4],
                 a[5]);
    else
        hex_str(out, a, n);
}

static void pro_str(char *out, const uint8_t *a, uint8_t n, uint16_t pro)
{
    if (n == 0)
        snprintf(out, ADDR_TXT, "<No address>");
    else if (pro_is_ipv4(pro, n))
        tw_fmt_ipv4(out, a);
    else
        hex_str(out, a, n);
}

/* An AX.25 address (7 bytes) as Wireshark's FT_AX25 shows it: the callsign's characters are the
 * bytes shifted right by one, up to a byte 0x40 (a shifted space), '.' for an unprintable one;
 * then "-SSID" from the seventh byte unless the SSID is 0. */
static void add_ax25(struct tw_pkt *p, uint16_t hf, const char *who, uint32_t off,
                     const uint8_t *a)
{
    int32_t r = tw_add_ptr(p, hf, off, 7, a, 7);
    if (r < 0 || !tw_want_labels(p)) return;
    char s[16];
    size_t n = 0;
    for (int i = 0; i < 6 && a[i] != 0x40; i++) {
        uint8_t ch = a[i] >> 1;
        s[n++] = ch >= 0x20 && ch < 0x7f ? (char)ch : '.';
    }
    s[n] = 0;
    unsigned ssid = (a[6] >> 1) & 0x0f;
    if (ssid)
        tw_rec_label(p, r, "%s AX.25 address: %s-%u", who, s, ssid);
    else
        tw_rec_label(p, r, "%s AX.25 address: %s", who, s);
}

/* Is the ARP subtree being built? tshark builds one whenever it prints more than the summary
 * line; some reads (and so some errors) happen only then. */
static bool have_tree(const struct tw_pkt *p)
{
    return p->has_tree;
}

/* the Info text was built: every read it needed was captured */
static _Thread_local bool info_done;

static enum tw_status arp_body(struct tw_pkt *p, struct tw_cur *c)
{
    uint32_t off = c->off;
    info_done = false;
    tw_col_proto(p, "ARP");
    tw_info_clear(p);
    bool ax25;
    {
        struct tw_cur t = *c;
        uint16_t hrd0 = tw_cur_u16(&t);
        if (!tw_cur_ok(&t)) {
            *c = t;
            tw_layer_unrecord(p); /* Wireshark adds its line after reading the type */
            return TW_OK;
        }
        ax25 = hrd0 == 3;
        /* AX.25: tshark's ARP hands the packet to an "arp" handle again, so frame.protocols
         * lists arp twice and every item is in the second layer (arp#2) */
        if (ax25 && !(p->via_table == TW_TBL_NAME && p->via_key == TW_KEY_AX25ARP)) {
            /* the Ethernet padding after it is what the second pass claims not to span */
            if ((uint64_t)off + 6 <= c->cap) {
                uint32_t tot = 8u + 2u * c->data[off + 4] + 2u * c->data[off + 5];
                if (tot <= c->end - off) tw_layer_claim(p, tot);
            }
            tw_layer_unrecord(p);
            tw_next(p, TW_TBL_NAME, TW_KEY_AX25ARP, *c);
            return TW_OK;
        }
        /* ATM (RFC 2225): tshark's ATMARP; ARP itself adds no line then */
        if (hrd0 == 19 && tw_dispatch_find(TW_TBL_NAME, TW_KEY_ATMARP) >= 0) {
            tw_layer_unrecord(p);
            tw_next(p, TW_TBL_NAME, TW_KEY_ATMARP, *c);
            return TW_OK;
        }
    }
    /* fixed part: each field is recorded before the next read may fail */
    uint16_t hrd = tw_cur_u16(c);
    tw_add_uint(p, HF(F_HW_TYPE), off, 2, hrd);
    uint16_t pro = tw_cur_u16(c);
    if (!tw_cur_ok(c)) return TW_OK;
    tw_add_uint(p, HF(F_PROTO_TYPE), off + 2, 2, pro);
    uint8_t hln = tw_cur_u8(c);
    if (!tw_cur_ok(c)) return TW_OK;
    tw_add_uint(p, HF(F_HW_SIZE), off + 4, 1, hln);
    uint8_t pln = tw_cur_u8(c);
    if (!tw_cur_ok(c)) return TW_OK;
    tw_add_uint(p, HF(F_PROTO_SIZE), off + 5, 1, pln);
    uint16_t op = tw_cur_u16(c);
    if (!tw_cur_ok(c)) return TW_OK;
    int32_t opr = tw_add_uint(p, HF(F_OPCODE), off + 6, 2, op);
    (void)opr;

    uint32_t tot = 8u + 2u * hln + 2u * pln;
    tw_layer_setlen(p, tot);
    /* the datagram's own length: the link layer calls the rest padding; a length beyond what
     * the link layer delivered is malformed */
    if (tot > c->end - off) {
        c->err = TW_CUR_MALFORMED;
        return TW_MALFORMED;
    }
    tw_layer_claim(p, tot);
    c->end = off + tot;
    if (c->cap > c->end) c->cap = c->end;

    switch (op) {
    case OP_RREQUEST:
    case OP_RREPLY:
        tw_col_proto(p, "RARP");
        break;
    case OP_DRARP_REQUEST:
    case OP_DRARP_REPLY:
    case OP_DRARP_ERROR:
        if (!ax25) tw_col_proto(p, "DRARP");
        break;
    case OP_IREQUEST:
    case OP_IREPLY:
        tw_col_proto(p, "Inverse ARP");
        break;
    default:
        if (!ax25 && op >= OP_MARS_REQUEST && op <= OP_MARS_REDIRECT_MAP)
            tw_col_proto(p, "MARS");
        else if (!ax25 && op == OP_MAPOS_UNARP)
            tw_col_proto(p, "MAPOS");
        break;
    }

    uint32_t sha = off + 8, spa = sha + hln, tha = spa + pln, tpa = tha + hln;
    const uint8_t *d = c->data;
    /* bytes [o, o+n) captured? (a read past them is a truncation) */
#define HAVE(o, n) ((uint64_t)(o) + (n) <= c->cap)
#define NEED(o, n)                                                                                 \
    do {                                                                                           \
        if (!HAVE(o, n)) {                                                                         \
            bool mal_ = (uint64_t)(o) + (n) > c->end;                                              \
            c->err = mal_ ? TW_CUR_MALFORMED : TW_CUR_TRUNCATED;                                   \
            return mal_ ? TW_MALFORMED : TW_TRUNCATED;                                             \
        }                                                                                          \
    } while (0)

    bool dup = false;
    uint32_t dup_ip = 0;
    struct dup_report reps[2];
    int nrep = 0;
    if (!ax25 && (op == OP_REQUEST || op == OP_REPLY) && hw_is_ether(hrd, hln) &&
        pro_is_ipv4(pro, pln)) {
        static const uint8_t zero[6];
        NEED(spa, 4);
        NEED(sha, 6);
        const uint8_t *mac = d + sha, *ip = d + spa;
        if (!(mac[0] & 1) && memcmp(mac, zero, 6) != 0 && memcmp(ip, zero, 4) != 0)
            if (check_duplicate(p, mac, ip, &reps[nrep])) {
                dup = true;
                dup_ip =
                    (uint32_t)ip[0] << 24 | (uint32_t)ip[1] << 16 | (uint32_t)ip[2] << 8 | ip[3];
                nrep++;
            }
        NEED(tpa, 4);
        NEED(tha, 6);
        mac = d + tha;
        ip = d + tpa;
        if (!(mac[0] & 1) && memcmp(mac, zero, 6) != 0 && memcmp(ip, zero, 4) != 0 &&
            op != OP_REQUEST) {
            uint32_t ipv =
                (uint32_t)ip[0] << 24 | (uint32_t)ip[1] << 16 | (uint32_t)ip[2] << 8 | ip[3];
            if (dup_ip != ipv && check_duplicate(p, mac, ip, &reps[nrep])) {
                dup = true;
                dup_ip = ipv;
                nrep++;
            }
        }
    }

    bool grat = false, probe = false, announce = false;
    char a1[ADDR_TXT], a2[ADDR_TXT];
    if (op == OP_REQUEST || op == OP_REPLY) {
        if (ax25) {
            NEED(spa, pln);
            NEED(tpa, pln);
            pro_str(a1, d + spa, pln, pro);
            pro_str(a2, d + tpa, pln, pro);
            grat = strcmp(a1, a2) == 0;
        } else {
            NEED(tpa, pln);
            /* Wireshark's comparison never matches empty addresses */
            grat = pln > 0 && HAVE(spa, pln) && memcmp(d + spa, d + tpa, pln) == 0;
            static const uint8_t zero6[6];
            bool tha_zero = HAVE(tha, 6) && memcmp(d + tha, zero6, 6) == 0;
            if (grat) {
                announce = op == OP_REQUEST && tha_zero;
            } else if (op == OP_REQUEST && tha_zero) {
                NEED(spa, 4);
                probe = d[spa] == 0 && d[spa + 1] == 0 && d[spa + 2] == 0 && d[spa + 3] == 0;
            }
        }
    }

    /* Info */
    switch (op) {
    case OP_REQUEST:
        NEED(tpa, pln);
        pro_str(a1, d + tpa, pln, pro);
        if (grat) {
            tw_info_printf(
                p, announce ? "ARP Announcement for %s" : "Gratuitous ARP for %s (Request)", a1);
        } else if (probe) {
            tw_info_printf(p, "Who has %s? (ARP Probe)", a1);
        } else {
            NEED(spa, pln);
            pro_str(a2, d + spa, pln, pro);
            tw_info_printf(p, "Who has %s? Tell %s", a1, a2);
        }
        break;
    case OP_REPLY:
        NEED(spa, pln);
        pro_str(a1, d + spa, pln, pro);
        if (grat) {
            tw_info_printf(p, "Gratuitous ARP for %s (Reply)", a1);
        } else {
            NEED(sha, hln);
            hw_str(a2, d + sha, hln, hrd);
            tw_info_printf(p, "%s is at %s", a1, a2);
        }
        break;
    case OP_RREQUEST:
    case OP_IREQUEST:
    case OP_DRARP_REQUEST:
        if (ax25 && op == OP_DRARP_REQUEST) goto unknown;
        NEED(tha, hln);
        NEED(sha, hln);
        hw_str(a1, d + tha, hln, hrd);
        hw_str(a2, d + sha, hln, hrd);
        tw_info_printf(p, "Who is %s? Tell %s", a1, a2);
        break;
    case OP_RREPLY:
    case OP_DRARP_REPLY:
        if (ax25 && op == OP_DRARP_REPLY) goto unknown;
        NEED(tha, hln);
        hw_str(a1, d + tha, hln, hrd);
        NEED(tpa, pln);
        pro_str(a2, d + tpa, pln, pro);
        tw_info_printf(p, "%s is at %s", a1, a2);
        break;
    case OP_IREPLY:
        NEED(sha, hln);
        hw_str(a1, d + sha, hln, hrd);
        NEED(spa, pln);
        pro_str(a2, d + spa, pln, pro);
        tw_info_printf(p, "%s is at %s", a1, a2);
        break;
    default:
        if (ax25) goto unknown;
        if (op == OP_DRARP_ERROR)
            tw_info_add(p, "DRARP Error");
        else if (op == OP_ATMARP_NAK)
            tw_info_add(p, "ARP NAK");
        else if (op >= OP_MARS_REQUEST && op <= OP_MAPOS_UNARP) {
            NEED(sha, hln);
            hw_str(a1, d + sha, hln, hrd);
            NEED(spa, pln);
            pro_str(a2, d + spa, pln, pro);
            tw_info_printf(p, "%s from %s at %s", tw_vs_find(mars_info, op), a1, a2);
        } else if (op == OP_EXP1 || op == OP_EXP2)
            tw_info_printf(p, "Experimental %d ( opcode %u )", op == OP_EXP1 ? 1 : 2, op);
        else if (op == 0 || op == 65535)
            tw_info_printf(p, "Reserved opcode %u", op);
        else
        unknown:
            tw_info_printf(p, "Unknown ARP opcode 0x%04x", op);
        break;
    }

    info_done = true;
    if (tw_layer_recorded(p)) {
        const char *s = tw_vs_find(op_vals, op);
        if (s) {
            if (grat && op == OP_REQUEST) s = "request/gratuitous ARP";
            if (grat && op == OP_REPLY) s = "reply/gratuitous ARP";
            if (probe) s = "ARP Probe";
            if (announce) s = "ARP Announcement";
            tw_layer_label(p, "Address Resolution Protocol (%s)", s);
        } else {
            tw_layer_label(p, "Address Resolution Protocol (opcode 0x%04x)", op);
        }
    }

    if (have_tree(p)) {
        int32_t r;
        if (grat) {
            r = tw_add_uint(p, HF(F_ISGRATUITOUS), off, 0, 1);
            tw_rec_flags(p, r, TW_RF_GENERATED);
        }
        if (probe) {
            r = tw_add_uint(p, HF(F_ISPROBE), off, 0, 1);
            tw_rec_flags(p, r, TW_RF_GENERATED);
        }
        if (announce) {
            r = tw_add_uint(p, HF(F_ISANNOUNCEMENT), off, 0, 1);
            tw_rec_flags(p, r, TW_RF_GENERATED);
        }
        bool eth = !ax25 && hw_is_ether(hrd, hln);
        bool ip4 = pro_is_ipv4(pro, pln);
        bool cs = ax25 && hln == 7; /* an AX.25 callsign */
        if (hln) {
            NEED(sha, hln);
            if (cs)
                add_ax25(p, HF(F_SRC_HW_AX25), "Sender", sha, d + sha);
            else
                tw_add_ptr(p, HF(eth ? F_SRC_HW_MAC : F_SRC_HW), sha, hln, d + sha, hln);
        }
        if (pln) {
            NEED(spa, pln);
            tw_add_ptr(p, HF(ip4 ? F_SRC_PROTO_IPV4 : F_SRC_PROTO), spa, pln, d + spa, pln);
        }
        if (hln) {
            NEED(tha, hln);
            if (cs)
                add_ax25(p, HF(F_DST_HW_AX25), "Target", tha, d + tha);
            else
                tw_add_ptr(p, HF(eth ? F_DST_HW_MAC : F_DST_HW), tha, hln, d + tha, hln);
        }
        if (pln && (ax25 || op != OP_DRARP_ERROR)) {
            NEED(tpa, pln);
            tw_add_ptr(p, HF(ip4 ? F_DST_PROTO_IPV4 : F_DST_PROTO), tpa, pln, d + tpa, pln);
        } else if (pln) {
            NEED(tpa, 1);
            tw_add_uint(p, HF(F_DRARP_ERROR), tpa, 1, d[tpa]);
        }
    }
    for (int i = 0; i < nrep; i++) add_duplicate(p, &reps[i]);
    if (dup) {
        uint8_t b[4] = {(uint8_t)(dup_ip >> 24), (uint8_t)(dup_ip >> 16), (uint8_t)(dup_ip >> 8),
                        (uint8_t)dup_ip};
        char ips[16];
        tw_fmt_ipv4(ips, b);
        tw_info_printf(p, " (duplicate use of %s detected!)", ips);
    }
#undef HAVE
#undef NEED
    c->off = c->end;
    return TW_OK;
}

static enum tw_status dissect(struct tw_pkt *p, struct tw_cur *c)
{
    uint32_t mark = p->nrecs;
    enum tw_status st = arp_body(p, c);
    /* ARP of AX.25 hardware, second pass: tshark builds this tree only once the Info text is
     * made, so an error while reading what Info needs leaves no ARP item at all */
    if (!info_done && p->via_table == TW_TBL_NAME &&
        p->via_key == TW_KEY_AX25ARP) {
        if (p->nrecs > mark) p->nrecs = mark;
        tw_layer_unrecord(p);
        tw_layer_itemless(p);
    }
    return st;
}

static const struct tw_binding bindings[] = {
    {TW_TBL_ETHERTYPE, 0x0806}, {TW_TBL_ETHERTYPE, 0x8035}, /* RARP */
    {TW_TBL_NAME, TW_KEY_AX25ARP},
};

const struct tw_proto tw_proto_arp = {
    .abbrev = "arp",
    .name = "Address Resolution Protocol",
    .short_name = "ARP/RARP",
    .fields = fields,
    .nfields = F_COUNT,
    .experts = experts,
    .nexperts = TW_ARRAY_LEN(experts),
    .bindings = bindings,
    .nbindings = TW_ARRAY_LEN(bindings),
    .dissect = dissect,
    .init = table_reset,
    .ids = &ids,
};

/* ---------------------------------------------------------------------------------------------
 * ATMARP (RFC 2225): ARP of hardware type 19, whose addresses have type/length octets:
 *   hrd (2) | pro (2) | shtl | sstl | op (2) | spln | thtl | tstl | tpln |
 *   sender number (shtl & 0x3f) | sender subaddress (sstl & 0x3f) | sender protocol (spln) |
 *   target number | target subaddress | target protocol
 * Bit 0x40 of a type/length octet says E.164 (else ATM Forum NSAPA). As in tshark, the line is
 * arp's own item, the protocol listed in frame.protocols is "atmarp", and a datagram whose
 * lengths run past the frame is malformed before anything is shown.
 * ------------------------------------------------------------------------------------------- */
static struct tw_proto_ids atm_ids;

static const struct tw_vs atmop_vals[] = {{1, "request"},
                                          {2, "reply"},
                                          {3, "reverse request"},
                                          {4, "reverse reply"},
                                          {8, "inverse request"},
                                          {9, "inverse reply"},
                                          {10, "nak"},
                                          {0, NULL}};

/* an address as tshark's Info column shows it */
static void atm_num_str(char *out, const uint8_t *b, uint8_t tl, const uint8_t *sb, uint8_t stl)
{
    uint32_t n = tl & 0x3f, sn = stl & 0x3f, o = 0;
    if (n == 0) {
        snprintf(out, ADDR_TXT, "<No address>");
        return;
    }
    if (tl & 0x40) {
        for (uint32_t i = 0; i < n && o + 1 < ADDR_TXT / 2; i++) out[o++] = (char)b[i];
        out[o] = 0;
    } else {
        hex_str(out, b, n);
        o = (uint32_t)strlen(out);
    }
    if (sn && o + 2 < ADDR_TXT) {
        out[o++] = ',';
        if (stl & 0x40) {
            for (uint32_t i = 0; i < sn && o + 1 < ADDR_TXT; i++) out[o++] = (char)sb[i];
            out[o] = 0;
        } else if (o + 2 * (sn > 36 ? 36 : sn) + 4 < ADDR_TXT) {
            hex_str(out + o, sb, sn);
        } else {
            out[o] = 0;
        }
    }
}

/* an NSAP address broken into its parts (tshark's dissect_atm_nsap) */
static void atm_nsap(struct tw_pkt *p, const uint8_t *b, uint32_t off, uint32_t len)
{
    uint8_t afi = b[0];
    int32_t r = tw_add_uint(p, HF(F_ATM_AFI), off, 1, afi);
    switch (afi) {
    case 0x39: /* DCC ATM format */
    case 0xbd: /* DCC ATM group format */
        tw_rec_label(p, r, "AFI: %s (0x%02x)",
                     afi == 0xbd ? "DCC ATM group format" : "DCC ATM format", afi);
        tw_add_uint(p, HF(afi == 0xbd ? F_ATM_DCC_GROUP : F_ATM_DCC), off + 1, 2,
                    (uint32_t)(b[1] << 8 | b[2]));
        break;
    case 0x47: /* ICD ATM format */
    case 0xc5: /* ICD ATM group format */
        tw_rec_label(p, r, "AFI: %s (0x%02x)",
                     afi == 0xc5 ? "ICD ATM group format" : "ICD ATM format", afi);
        tw_add_uint(p, HF(afi == 0xc5 ? F_ATM_ICD_GROUP : F_ATM_ICD), off + 1, 2,
                    (uint32_t)(b[1] << 8 | b[2]));
        break;
    case 0x45: /* E.164 ATM format */
    case 0xc3: /* E.164 ATM group format */
        tw_rec_label(p, r, "AFI: %s (0x%02x)",
                     afi == 0xc3 ? "E.164 ATM group format" : "E.164 ATM format", afi);
        tw_add_ptr(p, HF(afi == 0xc3 ? F_ATM_E164_ISDN_GROUP : F_ATM_E164_ISDN), off + 1, 8, b + 1,
                   8);
        tw_add_ptr(p, HF(F_ATM_HO_DSP), off + 9, 4, b + 9, 4);
        tw_add_ptr(p, HF(F_ATM_ESI), off + 13, 6, b + 13, 6);
        tw_add_uint(p, HF(F_ATM_SEL), off + 19, 1, b[19]);
        return;
    default:
        tw_rec_label(p, r, "AFI: Unknown (0x%02x)", afi);
        tw_tree_push(p, r);
        tw_expert(p, EX(E_AFI_UNKNOWN), off, 1, NULL);
        tw_tree_pop(p);
        tw_add_ptr(p, HF(F_ATM_REST), off + 1, len - 1, b + 1, len - 1);
        return;
    }
    tw_add_ptr(p, HF(F_ATM_HO_DSP), off + 3, 10, b + 3, 10);
    tw_add_ptr(p, HF(F_ATM_ESI), off + 13, 6, b + 13, 6);
    tw_add_uint(p, HF(F_ATM_SEL), off + 19, 1, b[19]);
}

/* an ATM number or subaddress: E.164 digits, or an NSAP (broken down when 20 bytes) */
static void atm_number(struct tw_pkt *p, const uint8_t *b, uint32_t off, uint8_t tl, int f_e164,
                       int f_nsap)
{
    uint32_t n = tl & 0x3f;
    if (tl & 0x40) {
        tw_add_ascii(p, HF(f_e164), off, n, b);
        return;
    }
    int32_t r = tw_add_ptr(p, HF(f_nsap), off, n, b, n);
    if (n < 20) return;
    tw_tree_push(p, r);
    atm_nsap(p, b, off, n);
    tw_tree_pop(p);
}

static void atm_tl(struct tw_pkt *p, uint32_t off, uint8_t v, const char *what, int f_type,
                   int f_len)
{
    int32_t r = -1;
    if (tw_want_labels(p))
        r = tw_add_text_(p, off, 1, "%s type/length: %s/%u", what,
                         (v & 0x40) ? "E.164" : "ATM Forum NSAPA", v & 0x3f);
    tw_tree_push(p, r);
    tw_add_bits(p, HF(f_type), off, 1, v);
    tw_add_bits(p, HF(f_len), off, 1, v);
    tw_tree_pop(p);
}

static enum tw_status atmarp_dissect(struct tw_pkt *p, struct tw_cur *c)
{
    const uint32_t s = c->off;
    const uint8_t *h = tw_cur_bytes(c, 12);
    if (!h) return c->err == TW_CUR_TRUNCATED ? TW_TRUNCATED : TW_MALFORMED;
    uint16_t hrd = (uint16_t)(h[0] << 8 | h[1]), pro = (uint16_t)(h[2] << 8 | h[3]);
    uint8_t shtl = h[4], sstl = h[5], spln = h[8], thtl = h[9], tstl = h[10], tpln = h[11];
    uint16_t op = (uint16_t)(h[6] << 8 | h[7]);
    uint32_t shl = shtl & 0x3fu, ssl = sstl & 0x3fu, thl = thtl & 0x3fu, tsl = tstl & 0x3fu;
    uint32_t tot = 12u + shl + ssl + spln + thl + tsl + tpln;
    /* the datagram's own length: beyond what the link layer delivered is malformed */
    if (tot > c->end - s) {
        c->err = TW_CUR_MALFORMED;
        return TW_MALFORMED;
    }
    tw_layer_claim(p, tot);
    c->end = s + tot;
    if (c->cap > c->end) c->cap = c->end;
    const uint8_t *a = tw_cur_bytes(c, tot - 12);
    if (!a) return c->err == TW_CUR_TRUNCATED ? TW_TRUNCATED : TW_MALFORMED;
    uint32_t o_sha = s + 12, o_ssa = o_sha + shl, o_spa = o_ssa + ssl, o_tha = o_spa + spln,
             o_tsa = o_tha + thl, o_tpa = o_tsa + tsl;
    const uint8_t *d = c->data;

    const char *cp = "ATMARP";
    if (op == OP_RREQUEST || op == OP_RREPLY)
        cp = "RARP";
    else if (op == OP_IREQUEST || op == OP_IREPLY)
        cp = "Inverse ATMARP";
    tw_col_proto(p, cp);
    char sha[ADDR_TXT], spa[ADDR_TXT], tha[ADDR_TXT], tpa[ADDR_TXT];
    atm_num_str(sha, d + o_sha, shtl, d + o_ssa, sstl);
    atm_num_str(tha, d + o_tha, thtl, d + o_tsa, tstl);
    pro_str(spa, d + o_spa, spln, pro);
    pro_str(tpa, d + o_tpa, tpln, pro);
    tw_info_clear(p);
    switch (op) {
    case OP_REQUEST:
        tw_info_printf(p, "Who has %s? Tell %s", tpa, spa);
        break;
    case OP_REPLY:
        tw_info_printf(p, "%s is at %s", spa, sha);
        break;
    case OP_IREQUEST:
        tw_info_printf(p, "Who is %s? Tell %s", tha, sha);
        break;
    case OP_IREPLY:
        tw_info_printf(p, "%s is at %s", sha, spa);
        break;
    case OP_RREQUEST:
        tw_info_printf(p, "Who is %s? Tell %s", tha, sha);
        break;
    case OP_RREPLY:
        tw_info_printf(p, "%s is at %s", tha, tpa);
        break;
    case OP_ATMARP_NAK:
        tw_info_printf(p, "I don't know where %s is", spa);
        break;
    default:
        tw_info_printf(p, "Unknown ATMARP opcode 0x%04x", op);
        break;
    }

    /* the line is arp's protocol item */
    int32_t top = -1;
    if (tw_want(p, ids.field)) {
        top = tw_add_rec(p, ids.field, s, tot);
        const char *on = tw_vs_find(atmop_vals, op);
        tw_rec_label(p, top, "ATM Address Resolution Protocol (%s)", on ? on : "Unknown");
    }
    tw_tree_push(p, top);
    tw_add_uint(p, HF(F_HW_TYPE), s, 2, hrd);
    tw_add_uint(p, HF(F_PROTO_TYPE), s + 2, 2, pro);
    atm_tl(p, s + 4, shtl, "Sender ATM number", F_SRC_HTYPE, F_SRC_HLEN);
    atm_tl(p, s + 5, sstl, "Sender ATM subaddress", F_SRC_STYPE, F_SRC_SLEN);
    tw_add_uint(p, HF(F_OPCODE), s + 6, 2, op);
    tw_add_uint(p, HF(F_SRC_PLN), s + 8, 1, spln);
    atm_tl(p, s + 9, thtl, "Target ATM number", F_DST_HTYPE, F_DST_HLEN);
    atm_tl(p, s + 10, tstl, "Target ATM subaddress", F_DST_STYPE, F_DST_SLEN);
    tw_add_uint(p, HF(F_DST_PLN), s + 11, 1, tpln);
    bool v4 = pro_is_ipv4(pro, 4);
    if (shl) atm_number(p, d + o_sha, o_sha, shtl, F_SRC_E164, F_SRC_NSAP);
    if (ssl) atm_number(p, d + o_ssa, o_ssa, sstl, F_SRC_SUBADDR, F_SRC_SUBADDR);
    if (spln) {
        if (v4 && spln == 4)
            tw_add_ptr(p, HF(F_SRC_PROTO_IPV4), o_spa, 4, d + o_spa, 4);
        else
            tw_add_ptr(p, HF(F_SRC_PROTO), o_spa, spln, d + o_spa, spln);
    }
    if (thl) atm_number(p, d + o_tha, o_tha, thtl, F_DST_E164, F_DST_NSAP);
    if (tsl) atm_number(p, d + o_tsa, o_tsa, tstl, F_DST_SUBADDR, F_DST_SUBADDR);
    if (tpln) {
        if (v4 && tpln == 4)
            tw_add_ptr(p, HF(F_DST_PROTO_IPV4), o_tpa, 4, d + o_tpa, 4);
        else
            tw_add_ptr(p, HF(F_DST_PROTO), o_tpa, tpln, d + o_tpa, tpln);
    }
    tw_tree_pop(p);
    return TW_OK;
}

static const struct tw_binding atm_bindings[] = {{TW_TBL_NAME, TW_KEY_ATMARP}};

const struct tw_proto tw_proto_atmarp = {
    .abbrev = "atmarp",
    .name = "ATM Address Resolution Protocol",
    .short_name = "ATMARP",
    .bindings = atm_bindings,
    .nbindings = TW_ARRAY_LEN(atm_bindings),
    .dissect = atmarp_dissect,
    .ids = &atm_ids,
    .flags = TW_PROTO_NO_COLUMN | TW_PROTO_NO_RECORD,
};
