/* IEEE 802.2 Logical Link Control (ISO/IEC 8802-2 clause 3) with the SNAP extension
 * (IEEE 802-2014 clause 9.3), and the basic-format XID information field (8802-2 5.4.1.1.2).
 *
 *   +--------+--------+-------------------+ . . . . . . . . . . . . . . . . +
 *   | DSAP 1 | SSAP 1 | control (1 or 2)  | SNAP (DSAP=SSAP=0xAA): OUI 3, PID 2 |
 *   +--------+--------+-------------------+ . . . . . . . . . . . . . . . . +
 *   DSAP: 7 bits address + I/G;  SSAP: 7 bits address + C/R
 *   control: U frames 1 octet (low bits 11); I (x0) and S (01) frames 2 octets, little endian
 *
 * Non-SNAP information frames dispatch on the DSAP (TW_TBL_LLC_SAP); SNAP with OUI 0 (and
 * Cisco's 00-00-F8) carries an EtherType (TW_TBL_ETHERTYPE), other OUIs go to TW_TBL_SNAP with
 * key OUI << 16 | PID (truncated to 32 bits). */
#include "../dissect.h"

#include <stdio.h>

extern const struct tw_vs tw_etype_vals[];

static struct tw_proto_ids ids;
#define HF(x) ((uint16_t)(ids.base + (x)))

enum {
    F_DSAP,
    F_DSAP_SAP,
    F_DSAP_IG,
    F_SSAP,
    F_SSAP_SAP,
    F_SSAP_CR,
    F_CTRL,
    F_N_R,
    F_N_S,
    F_P,
    F_P_EXT,
    F_F,
    F_F_EXT,
    F_S_FTYPE,
    F_U_CMD,
    F_U_RESP,
    F_FTYPE_I,
    F_FTYPE_SU,
    F_FTYPE_SU_EXT,
    F_TYPE,
    F_OUI,
    F_PID,
    /* per-OUI PID fields (Wireshark's llc_add_oui registrations) */
    F_CISCO_PID,
    F_APPLE_ATALK_PID,
    F_HPTEAM_PID,
    F_FOUNDRY_PID,
    F_FORCE10_PID,
    F_NORTEL_PID,
    F_APPLE_AWDL_PID,
    F_WLCCP_PID,
    F_BLUETOOTH_PID,
    F_EXTREME_PID,
    F_IANA_PID,
    F_CIMETRICS_PID,
    F_COUNT
};

/* SAP names, indexed by the SAP with the I/G (C/R) bit clear */
static const struct tw_vs sap_vals[] = {
    {0x00, "NULL LSAP"},
    {0x01, "NULL LSAP"},
    {0x02, "LLC Sub-Layer Management"},
    {0x04, "SNA Path Control"},
    {0x06, "TCP/IP"},
    {0x08, "SNA"},
    {0x0c, "SNA"},
    {0x0e, "PROWAY (IEC955) Network Management and Initialization"},
    {0x10, "NetWare (unofficial?)"},
    {0x14, "ISO Network Layer (OSLAN 1)"},
    {0x18, "Texas Instruments"},
    {0x20, "ISO Network Layer (unofficial?)"},
    {0x34, "ISO Network Layer (unofficial?)"},
    {0x42, "Spanning Tree BPDU"},
    {0x4e, "EIA RS-511 Manufacturing Message Service"},
    {0x54, "ISO Network Layer (OSLAN 2)"},
    {0x7e, "ISO 8208 (X.25 over 802.2)"},
    {0x7f, "ISO 802.2"},
    {0x80, "XNS"},
    {0x82, "BACnet"},
    {0x86, "Nestar"},
    {0x8e, "PROWAY (IEC955) Active Station List Maintenance"},
    {0x98, "ARP"},
    {0xaa, "SNAP"},
    {0xb4, "HP JetDirect Printer"},
    {0xba, "Banyan Vines"},
    {0xbc, "Banyan Vines"},
    {0xe0, "NetWare"},
    {0xf0, "NetBIOS"},
    {0xf4, "IBM Net Management"},
    {0xf8, "HP Extended LLC"},
    {0xfa, "Ungermann-Bass"},
    {0xfc, "Remote Program Load"},
    {0xfe, "ISO Network Layer"},
    {0xff, "Global LSAP"},
    {0, NULL}};

static const struct tw_tfs ig_tfs = {"Group", "Individual"};
static const struct tw_tfs cr_tfs = {"Response", "Command"};
static const struct tw_vs ftype_vals[] = {
    {0, "Information frame"}, {1, "Supervisory frame"}, {3, "Unnumbered frame"}, {0, NULL}};
static const struct tw_vs stype_vals[] = {{0, "Receiver ready"},
                                          {1, "Receiver not ready"},
                                          {2, "Reject"},
                                          {3, "Selective reject"},
                                          {0, NULL}};
/* U-frame modifiers (control & 0xEC), long names keyed by the value shifted right by 2 */
static const struct tw_vs mod_cmd_vals[] = {{0x00, "Unnumbered Information"},
                                            {0x08, "Unnumbered Poll"},
                                            {0x10, "Disconnect"},
                                            {0x18, "Unnumbered Acknowledge"},
                                            {0x20, "Set Normal Response Mode"},
                                            {0x38, "Test"},
                                            {0x01, "Set Initialization Mode"},
                                            {0x21, "Frame reject"},
                                            {0x31, "Configure"},
                                            {0x03, "Set Asynchronous Response Mode"},
                                            {0x0b, "Set Asynchronous Balanced Mode"},
                                            {0x13, "Set Asynchronous Response Mode Extended"},
                                            {0x1b, "Set Asynchronous Balanced Mode Extended"},
                                            {0x23, "Reset"},
                                            {0x2b, "Exchange identification"},
                                            {0x33, "Set Normal Response Mode Extended"},
                                            {0x3b, "Beacon"},
                                            {0, NULL}};
static const struct tw_vs mod_resp_vals[] = {{0x00, "Unnumbered Information"},
                                             {0x08, "Unnumbered Poll"},
                                             {0x10, "Request Disconnect"},
                                             {0x18, "Unnumbered Acknowledge"},
                                             {0x20, "Set Normal Response Mode"},
                                             {0x38, "Test"},
                                             {0x01, "Request Initialization Mode"},
                                             {0x21, "Frame reject"},
                                             {0x31, "Configure"},
                                             {0x03, "Disconnected mode"},
                                             {0x0b, "Set Asynchronous Balanced Mode"},
                                             {0x13, "Set Asynchronous Response Mode Extended"},
                                             {0x1b, "Set Asynchronous Balanced Mode Extended"},
                                             {0x23, "Reset"},
                                             {0x2b, "Exchange identification"},
                                             {0x33, "Set Normal Response Mode Extended"},
                                             {0x3b, "Beacon"},
                                             {0, NULL}};
/* short names for the Info column, keyed by control & 0xEC */
static const struct tw_vs mod_short_cmd[] = {
    {0x00, "UI"},    {0x20, "UP"},    {0x40, "DISC"},  {0x60, "UA"},    {0x80, "SNRM"},
    {0xe0, "TEST"},  {0x04, "SIM"},   {0x84, "FRMR"},  {0xc4, "CFGR"},  {0x0c, "SARM"},
    {0x2c, "SABM"},  {0x4c, "SARME"}, {0x6c, "SABME"}, {0x8c, "RESET"}, {0xac, "XID"},
    {0xcc, "SNRME"}, {0xec, "BCN"},   {0, NULL}};
static const struct tw_vs mod_short_resp[] = {
    {0x00, "UI"},    {0x20, "UP"},    {0x40, "RD"},    {0x60, "UA"},    {0x80, "SNRM"},
    {0xe0, "TEST"},  {0x04, "RIM"},   {0x84, "FRMR"},  {0xc4, "CFGR"},  {0x0c, "DM"},
    {0x2c, "SABM"},  {0x4c, "SARME"}, {0x6c, "SABME"}, {0x8c, "RESET"}, {0xac, "XID"},
    {0xcc, "SNRME"}, {0xec, "BCN"},   {0, NULL}};

static const struct tw_vs cisco_pid_vals[] = {{0x0102, "DRIP"},
                                              {0x0104, "PAgP"},
                                              {0x0105, "MLS Hello"},
                                              {0x010b, "PVSTP+"},
                                              {0x010c, "VLAN Bridge"},
                                              {0x0111, "UDLD"},
                                              {0x2000, "CDP"},
                                              {0x2001, "CGMP"},
                                              {0x2003, "VTP"},
                                              {0x2004, "DTP"},
                                              {0x200a, "STP Uplink Fast"},
                                              {0, NULL}};
static const struct tw_vs foundry_pid_vals[] = {{0x2000, "FDP"}, {0, NULL}};

/* PIDs under the IANA OUI 00-00-5E (RFC 2684 and others) */
static const struct tw_vs iana_pid_vals[] = {{0x0001, "MARS Data Messages (short form)"},
                                             {0x0002, "Reserved for future NHRP use"},
                                             {0x0003, "MARS/NHRP Control Messages"},
                                             {0x0004, "MARS Data Messages (long form)"},
                                             {0x0005, "SCSP"},
                                             {0x0006, "VRID"},
                                             {0x0007, "L2TP"},
                                             {0x0008, "VPN ID"},
                                             {0x0009, "MSDP-GRE-Protocol Type"},
                                             {0, NULL}};

static const struct tw_field_def fields[F_COUNT] = {
    [F_DSAP] = {"llc.dsap", "DSAP", TW_FT_UINT8, TW_BASE_HEX, 0, sap_vals, NULL, NULL,
                "Destination Service Access Point"},
    [F_DSAP_SAP] = {"llc.dsap.sap", "SAP", TW_FT_UINT8, TW_BASE_CUSTOM, 0xfe, NULL, NULL, NULL,
                    "Service Access Point"},
    [F_DSAP_IG] = {"llc.dsap.ig", "IG Bit", TW_FT_BOOLEAN, 8, 0x01, NULL, NULL, &ig_tfs,
                   "Individual/Group"},
    [F_SSAP] = {"llc.ssap", "SSAP", TW_FT_UINT8, TW_BASE_HEX, 0, sap_vals, NULL, NULL,
                "Source Service Access Point"},
    [F_SSAP_SAP] = {"llc.ssap.sap", "SAP", TW_FT_UINT8, TW_BASE_CUSTOM, 0xfe, NULL, NULL, NULL,
                    "Service Access Point"},
    [F_SSAP_CR] = {"llc.ssap.cr", "CR Bit", TW_FT_BOOLEAN, 8, 0x01, NULL, NULL, &cr_tfs,
                   "Command/Response"},
    [F_CTRL] = {"llc.control", "Control", TW_FT_UINT16, TW_BASE_HEX},
    [F_N_R] = {"llc.control.n_r", "N(R)", TW_FT_UINT16, TW_BASE_DEC, 0xfe00},
    [F_N_S] = {"llc.control.n_s", "N(S)", TW_FT_UINT16, TW_BASE_DEC, 0x00fe},
    [F_P] = {"llc.control.p", "Poll", TW_FT_BOOLEAN, 8, 0x10, NULL, NULL, &tw_tfs_set_notset},
    [F_P_EXT] = {"llc.control.p", "Poll", TW_FT_BOOLEAN, 16, 0x0100, NULL, NULL,
                 &tw_tfs_set_notset},
    [F_F] = {"llc.control.f", "Final", TW_FT_BOOLEAN, 8, 0x10, NULL, NULL, &tw_tfs_set_notset},
    [F_F_EXT] = {"llc.control.f", "Final", TW_FT_BOOLEAN, 16, 0x0100, NULL, NULL,
                 &tw_tfs_set_notset},
    [F_S_FTYPE] = {"llc.control.s_ftype", "Supervisory frame type", TW_FT_UINT16, TW_BASE_HEX,
                   0x000c, stype_vals},
    [F_U_CMD] = {"llc.control.u_modifier_cmd", "Command", TW_FT_UINT8, TW_BASE_HEX, 0xec,
                 mod_cmd_vals},
    [F_U_RESP] = {"llc.control.u_modifier_resp", "Response", TW_FT_UINT8, TW_BASE_HEX, 0xec,
                  mod_resp_vals},
    [F_FTYPE_I] = {"llc.control.ftype", "Frame type", TW_FT_UINT16, TW_BASE_HEX, 0x0001,
                   ftype_vals},
    [F_FTYPE_SU] = {"llc.control.ftype", "Frame type", TW_FT_UINT8, TW_BASE_HEX, 0x03, ftype_vals},
    [F_FTYPE_SU_EXT] = {"llc.control.ftype", "Frame type", TW_FT_UINT16, TW_BASE_HEX, 0x0003,
                        ftype_vals},
    [F_TYPE] = {"llc.type", "Type", TW_FT_UINT16, TW_BASE_HEX, 0, tw_etype_vals},
    [F_OUI] = {"llc.oui", "Organization Code", TW_FT_UINT24, TW_BASE_OUI},
    [F_PID] = {"llc.pid", "Protocol ID", TW_FT_UINT16, TW_BASE_HEX},
    [F_CISCO_PID] = {"llc.cisco_pid", "PID", TW_FT_UINT16, TW_BASE_HEX, 0, cisco_pid_vals, NULL,
                     NULL, "Protocol ID"},
    [F_APPLE_ATALK_PID] = {"llc.apple_atalk_pid", "PID", TW_FT_UINT16, TW_BASE_HEX, 0,
                           tw_etype_vals, NULL, NULL, "Protocol ID"},
    [F_HPTEAM_PID] = {"llc.hpteam_pid", "PID", TW_FT_UINT16, TW_BASE_HEX},
    [F_FOUNDRY_PID] = {"llc.foundry_pid", "PID", TW_FT_UINT16, TW_BASE_HEX, 0, foundry_pid_vals},
    [F_FORCE10_PID] = {"llc.force10_pid", "PID", TW_FT_UINT16, TW_BASE_HEX},
    [F_NORTEL_PID] = {"llc.nortel_pid", "PID", TW_FT_UINT16, TW_BASE_HEX},
    [F_APPLE_AWDL_PID] = {"llc.apple_awdl_pid", "PID", TW_FT_UINT16, TW_BASE_HEX, 0, NULL, NULL,
                          NULL, "Protocol ID"},
    [F_WLCCP_PID] = {"llc.wlccp_pid", "PID", TW_FT_UINT16, TW_BASE_HEX},
    [F_BLUETOOTH_PID] = {"llc.bluetooth_pid", "PID", TW_FT_UINT16, TW_BASE_HEX, 0, NULL, NULL, NULL,
                         "Protocol ID"},
    [F_EXTREME_PID] = {"llc.extreme_pid", "PID", TW_FT_UINT16, TW_BASE_HEX},
    [F_IANA_PID] = {"llc.iana_pid", "PID", TW_FT_UINT16, TW_BASE_HEX, 0, iana_pid_vals},
    [F_CIMETRICS_PID] = {"llc.cimetrics_pid", "PID", TW_FT_UINT16, TW_BASE_HEX},
};

/* OUIs with their own PID field */
static const struct {
    uint32_t oui;
    int field;
} oui_pid[] = {
    {0x00000c, F_CISCO_PID},      {0x080007, F_APPLE_ATALK_PID}, {0x080009, F_HPTEAM_PID},
    {0x00e052, F_FOUNDRY_PID},    {0x0001e8, F_FORCE10_PID},     {0x000081, F_NORTEL_PID},
    {0x0017f2, F_APPLE_AWDL_PID}, {0x004096, F_WLCCP_PID},       {0x001958, F_BLUETOOTH_PID},
    {0x00e02b, F_EXTREME_PID},    {0x00005e, F_IANA_PID},        {0x000fa8, F_CIMETRICS_PID},
};

/* Organisation names Wireshark's manufacturer database gives the OUIs that carry SNAP
 * traffic in practice (Info column and Organization Code label); others read "Unknown". */
static const struct tw_vs oui_names[] = {
    {0x000000, "Officially Xerox, but 0:0:0:0:0:0 is more common"},
    {0x00000c, "Cisco Systems, Inc"},
    {0x0000f8, "Digital Equipment Corporation"},
    {0x000081, "Bay Networks"},
    {0x0001e8, "Force10 Networks, Inc."},
    {0x000142, "Cisco Systems, Inc"},
    {0x00005e, "ICANN, IANA Department"},
    {0x004096, "Cisco Systems, Inc"},
    {0x001958, "Bluetooth SIG, Inc."},
    {0x0017f2, "Apple, Inc."},
    {0x0080c2, "IEEE"},
    {0x00a0c9, "Intel (PRO100B and PRO100+)"},
    {0x00e02b, "Extreme Networks Headquarters"},
    {0x00e052, "Brocade Communications Systems LLC"},
    {0x00e02f, "MCNS Holdings, L.P."},
    {0x080007, "Apple, Inc."},
    {0x080009, "Hewlett Packard"},
    {0, NULL}};

#define SAP_SNAP            0xaa
#define KEY_BASICXID        0x4c4c0001u /* private TW_TBL_NAME key: LLC's own XID parser */
#define IS_INFORMATION(ctl) (((ctl)&1) == 0 || (ctl) == 0x03)

/* "0100 001. = " bit pattern of `mask` within `width` bits */
static size_t bits_str(char *out, uint32_t mask, int width, uint32_t raw)
{
    size_t o = 0;
    for (int i = width - 1; i >= 0; i--) {
        uint32_t bit = 1u << i;
        out[o++] = (mask & bit) ? ((raw & bit) ? '1' : '0') : '.';
        if (i && i % 4 == 0) out[o++] = ' ';
    }
    memcpy(out + o, " = ", 4);
    return o + 3;
}

static void add_sap(struct tw_pkt *p, int f_sap, int f_sub, int f_bit, uint32_t off, uint8_t v)
{
    int32_t r = tw_add_uint(p, HF(f_sap), off, 1, v);
    tw_tree_push(p, r);
    r = tw_add_uint(p, HF(f_sub), off, 1, (v & 0xfe) >> 1);
    if (r >= 0 && tw_want_labels(p)) {
        char b[16];
        bits_str(b, 0xfe, 8, v);
        const char *nm = tw_vs_find(sap_vals, v & 0xfe);
        tw_rec_label(p, r, "%sSAP: %s", b, nm ? nm : "Unknown");
    }
    tw_add_bits(p, HF(f_bit), off, 1, v);
    tw_tree_pop(p);
}

/* The control field: Info text (replacing what was there), the field and its sub-fields.
 * Returns the control value and its length. */
static bool control(struct tw_pkt *p, struct tw_cur *c, bool resp, uint16_t *ctl_out,
                    uint32_t *len_out)
{
    uint32_t off = c->off;
    uint8_t b0 = tw_cur_peek_u8(c, 0);
    if (!tw_cur_ok(c)) return false;
    uint16_t ctl;
    uint32_t len;
    char info[80];
    if ((b0 & 3) == 3) {
        ctl = tw_cur_u8(c);
        len = 1;
        const char *m = tw_vs_find(resp ? mod_short_resp : mod_short_cmd, ctl & 0xec);
        snprintf(info, sizeof info, "U%s, func=%s", (ctl & 0x10) ? (resp ? " F" : " P") : "",
                 m ? m : "Unknown");
    } else {
        ctl = tw_cur_u16le(c);
        if (!tw_cur_ok(c)) return false;
        len = 2;
        if ((ctl & 3) == 1) {
            static const char *const st[4] = {"RR", "RNR", "REJ", "SREJ"};
            snprintf(info, sizeof info, "S%s, func=%s, N(R)=%u",
                     (ctl & 0x100) ? (resp ? " F" : " P") : "", st[(ctl >> 2) & 3], ctl >> 9);
        } else {
            snprintf(info, sizeof info, "I%s, N(R)=%u, N(S)=%u", (ctl & 0x100) ? " P" : "",
                     ctl >> 9, (ctl >> 1) & 0x7f);
        }
    }
    tw_info_set(p, info);
    int32_t r = tw_add_uint(p, HF(F_CTRL), off, len, ctl);
    if (r >= 0 && tw_want_labels(p))
        tw_rec_label(p, r, len == 1 ? "Control field: %s (0x%02X)" : "Control field: %s (0x%04X)",
                     info, ctl);
    tw_tree_push(p, r);
    if (len == 1) {
        if (ctl & 0x10) tw_add_bits(p, HF(resp ? F_F : F_P), off, 1, ctl);
        tw_add_bits(p, HF(resp ? F_U_RESP : F_U_CMD), off, 1, ctl);
        tw_add_bits(p, HF(F_FTYPE_SU), off, 1, ctl);
    } else if ((ctl & 3) == 1) {
        tw_add_bits(p, HF(F_N_R), off, 2, ctl);
        if (ctl & 0x100) tw_add_bits(p, HF(resp ? F_F_EXT : F_P_EXT), off, 2, ctl);
        tw_add_bits(p, HF(F_S_FTYPE), off, 2, ctl);
        tw_add_bits(p, HF(F_FTYPE_SU_EXT), off, 2, ctl);
    } else {
        tw_add_bits(p, HF(F_N_R), off, 2, ctl);
        tw_add_bits(p, HF(F_N_S), off, 2, ctl);
        if (ctl & 0x100) tw_add_bits(p, HF(F_P_EXT), off, 2, ctl);
        tw_add_bits(p, HF(F_FTYPE_I), off, 2, ctl);
    }
    tw_tree_pop(p);
    *ctl_out = ctl;
    *len_out = len;
    return true;
}

/* Hand over to plain data (no binding on purpose): the Protocol column stays ours. */
static void to_data(struct tw_pkt *p, struct tw_cur c)
{
    tw_next(p, TW_TBL_NAME, TW_KEY_DATA, c);
}

static void snap(struct tw_pkt *p, struct tw_cur *c, uint16_t ctl)
{
    uint32_t off = c->off;
    uint16_t pid = tw_cur_peek_u16(c, 3);
    if (!tw_cur_ok(c)) return;
    uint32_t oui = tw_cur_u24(c);
    tw_cur_skip(c, 2);
    int32_t r = tw_add_uint(p, HF(F_OUI), off, 3, oui);
    const char *on = tw_vs_find(oui_names, oui);
    if (r >= 0 && tw_want_labels(p)) {
        /* Wireshark formats this label into 32 bytes, cutting long names */
        char v[32];
        if (on)
            snprintf(v, sizeof v, "%02x:%02x:%02x (%s)", oui >> 16, (oui >> 8) & 0xff, oui & 0xff,
                     on);
        else
            snprintf(v, sizeof v, "%02x:%02x:%02x", oui >> 16, (oui >> 8) & 0xff, oui & 0xff);
        tw_rec_label(p, r, "Organization Code: %s", v);
    }
    tw_info_printf(p, "; SNAP, OUI 0x%06X (%s), PID 0x%04X", oui, on ? on : "Unknown", pid);
    struct tw_cur pl = tw_cur_rest(c);

    switch (oui) {
    case 0x000000:
    case 0x0000f8: /* Cisco's bridge-tunnel encapsulation uses EtherTypes too */
        if (IS_INFORMATION(ctl)) {
            tw_add_uint(p, HF(F_TYPE), off + 3, 2, pid);
            if (tw_dispatch_find(TW_TBL_ETHERTYPE, pid) >= 0)
                tw_next(p, TW_TBL_ETHERTYPE, pid, pl);
            else
                to_data(p, pl);
        } else {
            to_data(p, pl);
        }
        return;
    case 0x0080c2: /* IEEE 802.1 bridged frames (RFC 2684 / RFC 2427) */
        tw_add_uint(p, HF(F_PID), off + 3, 2, pid);
        if (pid == 0x000e) { /* BPDU */
            tw_next(p, TW_TBL_LLC_SAP, 0x42, pl);
        } else if (pid == 0x0007 || pid == 0x0001) {
            /* 2 octets of padding precede the MAC frame */
            tw_cur_skip(&pl, 2);
            tw_next(p, TW_TBL_NAME, pid == 7 ? TW_KEY_ETH : TW_KEY_ETH_MAYBE_FCS, pl);
        } else {
            uint32_t key = (uint32_t)((uint64_t)oui << 16 | pid);
            if (tw_dispatch_find(TW_TBL_SNAP, key) >= 0)
                tw_next(p, TW_TBL_SNAP, key, pl);
            else
                to_data(p, pl);
        }
        return;
    case 0x00e02f: /* DOCSIS cable modem spanning tree BPDUs */
        tw_add_uint(p, HF(F_PID), off + 3, 2, pid);
        tw_next(p, TW_TBL_LLC_SAP, 0x42, pl);
        return;
    default:
        break;
    }
    int f = F_PID;
    bool table = false;
    for (size_t i = 0; i < TW_ARRAY_LEN(oui_pid); i++)
        if (oui_pid[i].oui == oui) {
            f = oui_pid[i].field;
            table = true;
        }
    tw_add_uint(p, HF(f), off + 3, 2, pid);
    uint32_t key = (uint32_t)((uint64_t)oui << 16 | pid);
    /* HP's teaming heartbeats are TEST frames; other OUIs dispatch information frames only */
    if (table && (IS_INFORMATION(ctl) || oui == 0x080009) &&
        tw_dispatch_find(TW_TBL_SNAP, key) >= 0)
        tw_next(p, TW_TBL_SNAP, key, pl);
    else
        to_data(p, pl);
}

static enum tw_status dissect(struct tw_pkt *p, struct tw_cur *c)
{
    uint32_t off = c->off;
    tw_info_clear(p);
    uint8_t dsap = tw_cur_u8(c);
    if (!tw_cur_ok(c)) {
        tw_layer_unrecord(p); /* Wireshark adds its line after reading the DSAP */
        return TW_OK;
    }
    add_sap(p, F_DSAP, F_DSAP_SAP, F_DSAP_IG, off, dsap);
    uint8_t ssap = tw_cur_u8(c);
    if (!tw_cur_ok(c)) return TW_OK;
    add_sap(p, F_SSAP, F_SSAP_SAP, F_SSAP_CR, off + 1, ssap);
    bool is_snap = dsap == SAP_SNAP && ssap == SAP_SNAP;
    uint16_t ctl;
    uint32_t clen;
    if (!control(p, c, ssap & 1, &ctl, &clen)) return TW_OK;
    tw_layer_setlen(p, 2 + clen + (is_snap ? 5 : 0));
    if (is_snap) {
        snap(p, c, ctl);
        return TW_OK;
    }
    const char *dn = tw_vs_find(sap_vals, dsap & 0xfe), *sn = tw_vs_find(sap_vals, ssap & 0xfe);
    char dbuf[8], sbuf[8];
    if (!dn) {
        snprintf(dbuf, sizeof dbuf, "0x%02x", dsap & 0xfe);
        dn = dbuf;
    }
    if (!sn) {
        snprintf(sbuf, sizeof sbuf, "0x%02x", ssap & 0xfe);
        sn = sbuf;
    }
    tw_info_printf(p, "; DSAP %s %s, SSAP %s %s", dn, (dsap & 1) ? "Group" : "Individual", sn,
                   (ssap & 1) ? "Response" : "Command");
    if (tw_cur_left(c) == 0) return TW_OK;
    struct tw_cur pl = tw_cur_rest(c);
    if (IS_INFORMATION(ctl)) {
        tw_next(p, TW_TBL_LLC_SAP, dsap, pl);
    } else if ((ctl & 0xef) == 0xaf) {
        /* XID: the basic format (0x81) is 802.2's own; others are the SAP user's */
        uint8_t fmt = tw_cur_peek_u8(&pl, 0);
        if (!tw_cur_ok(&pl)) {
            c->err = pl.err;
            return TW_OK;
        }
        if (fmt == 0x81)
            tw_next(p, TW_TBL_NAME, KEY_BASICXID, pl);
        else
            to_data(p, pl);
    } else {
        to_data(p, pl);
    }
    return TW_OK;
}

static const struct tw_binding bindings[] = {
    {TW_TBL_NAME, TW_KEY_LLC},  {TW_TBL_LINKTYPE, 11},      /* RFC 1483 LLC/SNAP-encapsulated ATM */
    {TW_TBL_LINKTYPE, 100},     {TW_TBL_ETHERTYPE, 0x8870}, /* jumbo LLC */
    {TW_TBL_PPP_PROTO, 0x004b},                             /* RFC 2043 */
    {TW_TBL_UDP_PORT, 12000},                               /* RFC 2353 LLC over UDP */
    {TW_TBL_UDP_PORT, 12001},   {TW_TBL_UDP_PORT, 12002},
    {TW_TBL_UDP_PORT, 12003},   {TW_TBL_UDP_PORT, 12004},
};

const struct tw_proto tw_proto_llc = {
    .abbrev = "llc",
    .name = "Logical-Link Control",
    .short_name = "LLC",
    .fields = fields,
    .nfields = F_COUNT,
    .bindings = bindings,
    .nbindings = TW_ARRAY_LEN(bindings),
    .dissect = dissect,
    .ids = &ids,
};

/* ---------------------------------------------------------------------------------------------
 * Basic-format XID information field
 * ------------------------------------------------------------------------------------------- */
static struct tw_proto_ids xid_ids;
#define XF(x) ((uint16_t)(xid_ids.base + (x)))
enum { X_FORMAT, X_TYPES, X_WSIZE, X_COUNT };
static const struct tw_vs format_vals[] = {{0x81, "LLC basic format"}, {0, NULL}};
static const struct tw_vs type_vals[] = {{1, "Type 1 LLC (Class I LLC)"},
                                         {2, "Type 2 LLC"},
                                         {3, "Type 1 and Type 2 LLCs (Class II LLC)"},
                                         {4, "Type 3 LLC"},
                                         {5, "Type 1 and Type 3 LLCs (Class III LLC)"},
                                         {6, "Type 2 and Type 3 LLCs"},
                                         {7, "Type 1 and Type 2 and Type 3 LLCs (Class IV LLC)"},
                                         {0, NULL}};
static const struct tw_field_def xid_fields[X_COUNT] = {
    [X_FORMAT] = {"basicxid.llc.xid.format", "XID Format", TW_FT_UINT8, TW_BASE_HEX, 0,
                  format_vals},
    [X_TYPES] = {"basicxid.llc.xid.types", "LLC Types/Classes", TW_FT_UINT8, TW_BASE_HEX, 0,
                 type_vals},
    [X_WSIZE] = {"basicxid.llc.xid.wsize", "Receive Window Size", TW_FT_UINT8, TW_BASE_DEC},
};

static enum tw_status xid_dissect(struct tw_pkt *p, struct tw_cur *c)
{
    uint32_t off = c->off;
    tw_col_proto(p, "XID");
    tw_info_clear(p);
    uint8_t fmt = tw_cur_u8(c);
    if (!tw_cur_ok(c)) return TW_OK;
    tw_add_uint(p, XF(X_FORMAT), off, 1, fmt);
    tw_info_add(p, "Basic Format");
    uint8_t types = tw_cur_u8(c);
    if (!tw_cur_ok(c)) return TW_OK;
    tw_add_uint(p, XF(X_TYPES), off + 1, 1, types & 0x1f);
    const char *tn = tw_vs_find(type_vals, types & 0x1f);
    if (tn)
        tw_info_printf(p, "; %s", tn);
    else
        tw_info_printf(p, "; 0x%02x", types & 0x1f);
    uint8_t w = tw_cur_u8(c);
    if (!tw_cur_ok(c)) return TW_OK;
    tw_add_uint(p, XF(X_WSIZE), off + 2, 1, (w & 0xfe) >> 1);
    tw_info_printf(p, "; Window Size %u", (w & 0xfe) >> 1);
    return TW_OK;
}

static const struct tw_binding xid_bindings[] = {{TW_TBL_NAME, KEY_BASICXID}};

const struct tw_proto tw_proto_basicxid = {
    .abbrev = "basicxid",
    .name = "Logical-Link Control Basic Format XID",
    .short_name = "Basic Format XID",
    .fields = xid_fields,
    .nfields = X_COUNT,
    .bindings = xid_bindings,
    .nbindings = TW_ARRAY_LEN(xid_bindings),
    .dissect = xid_dissect,
    .ids = &xid_ids,
};
