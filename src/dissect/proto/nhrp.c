/* NBMA Next Hop Resolution Protocol (RFC 2332), with the Cisco NAT extension, RFC 2520's mobile
 * authentication extension and RFC 2735's device capabilities, as tshark 4.0 shows it. Reached
 * by IP protocol 54, GRE protocol type 0x2001 and LLC/SNAP with the IANA OUI 00-00-5E, PID 3.
 *
 *   fixed header (20 bytes): address family (2) | protocol type (2) | SNAP long form (5) |
 *       hop count (1) | packet length (2) | checksum (2) | extension offset (2) | version (1) |
 *       packet type (1) | source NBMA address type/len (1) | source NBMA subaddress type/len (1)
 *   mandatory part: source/destination protocol address lengths (1+1), flags (2) and request
 *       id (4) -- or, in an Error Indication, unused (2), error code (2), error offset (2) --,
 *       the source NBMA address and subaddress, the source and destination protocol addresses,
 *       then Client Information Entries (12 bytes + their addresses) up to the extension offset;
 *       Error and Traffic Indications carry the packet that caused them instead
 *   extensions: compulsory bit + type (2) | length (2) | value, until End of Extension
 *
 * What tshark 4.0 does and this file reproduces, beyond the RFC:
 *  - the packet type byte (offset 17) is read before anything else: a packet shorter than that
 *    shows no NHRP line at all;
 *  - with the SNAP protocol type (0x80) the header reads on from the PID's first byte (the hop
 *    count is taken from there), so everything after is two bytes early;
 *  - the lengths a CIE uses are its whole type/length bytes, and its subaddress is shown but
 *    not skipped;
 *  - items that run "to the end" fail when they would start at the end of the data;
 *  - the checksum is verified whenever the packet length's bytes are all captured.
 * Reads run through the cursor's bounds: a read past the claimed end is malformed, past the
 * captured end truncated, as tshark's exceptions are.
 */
#include "../dissect.h"

#include <stdio.h>
#include <string.h>

extern const struct tw_vs tw_etype_vals[];

static struct tw_proto_ids ids;
#define HF(x) ((uint16_t)(ids.base + (x)))
#define EX(x) ((uint16_t)(ids.expert_base + (x)))

enum {
    F_AFN,
    F_PRO_TYPE,
    F_SNAP_OUI,
    F_SNAP_PID,
    F_HOPCNT,
    F_PKTSZ,
    F_CHKSUM,
    F_CHKSUM_STATUS,
    F_EXTOFF,
    F_VERSION,
    F_OP_TYPE,
    F_SHTL,
    F_SHTL_TYPE,
    F_SHTL_LEN,
    F_SSTL,
    F_SSTL_TYPE,
    F_SSTL_LEN,
    F_SRC_PROT_LEN,
    F_DST_PROT_LEN,
    F_FLAGS,
    F_FLAG_Q,
    F_FLAG_N,
    F_FLAG_A,
    F_FLAG_D,
    F_FLAG_U1,
    F_FLAG_U2,
    F_FLAG_S,
    F_FLAG_NAT,
    F_REQID,
    F_SRC_NBMA,
    F_SRC_NBMA_SADDR,
    F_SRC_PROT,
    F_DST_PROT,
    F_CODE,
    F_PREFIX,
    F_UNUSED,
    F_MTU,
    F_HTIME,
    F_CLI_TL,
    F_CLI_TL_TYPE,
    F_CLI_TL_LEN,
    F_CLI_STL,
    F_CLI_STL_TYPE,
    F_CLI_STL_LEN,
    F_CLI_PROT_LEN,
    F_PREF,
    F_CLIENT_NBMA,
    F_CLIENT_NBMA_SADDR,
    F_CLIENT_PROT,
    F_EXT_C,
    F_EXT_TYPE,
    F_EXT_LEN,
    F_ERR_CODE,
    F_ERR_OFFSET,
    F_AUTH_RESERVED,
    F_AUTH_SPI,
    F_AUTH_SRC,
    F_VENDOR_ID,
    F_DEVCAP_SRC,
    F_DEVCAP_SRC_V,
    F_DEVCAP_DST,
    F_DEVCAP_DST_V,
    F_UNKNOWN_EXT,
    F_PROTOCOL_TYPE,
    F_CLIENT_NBMA_BYTES,
    F_CLIENT_PROT_BYTES,
    F_SRC_NBMA_BYTES,
    F_SRC_PROT_BYTES,
    F_DST_PROT_BYTES,
    F_AUTH_SRC_BYTES,
    F_AUTH_DATA,
    F_VENDOR_DATA,
    F_COUNT
};

/* address family numbers (Wireshark's afn_vals) */
static const struct tw_vs afn_vals[] = {{0, "Reserved"},
                                        {1, "IPv4"},
                                        {2, "IPv6"},
                                        {3, "NSAP"},
                                        {4, "HDLC (8-bit multidrop)"},
                                        {5, "BBN 1822"},
                                        {6, "802 (includes all 802 media plus Ethernet)"},
                                        {7, "E.163"},
                                        {8, "E.164 (SMDS, Frame Relay, ATM)"},
                                        {9, "F.69 (Telex)"},
                                        {10, "X.121 (X.25, Frame Relay)"},
                                        {11, "IPX"},
                                        {12, "Appletalk"},
                                        {13, "Decnet IV"},
                                        {14, "Banyan Vines"},
                                        {15, "E.164 with NSAP subaddress"},
                                        {16, "DNS (Domain Name System)"},
                                        {17, "Distinguished Name"},
                                        {18, "AS Number"},
                                        {19, "XTP over IP version 4"},
                                        {20, "XTP over IP version 6"},
                                        {21, "XTP native mode XTP"},
                                        {22, "Fibre Channel World-Wide Port Name"},
                                        {23, "Fibre Channel World-Wide Node Name"},
                                        {24, "GWID"},
                                        {25, "Layer-2 VPN"},
                                        {196, "Layer-2 VPN (old)"},
                                        {26, "MPLS-TP Section Endpoint Identifier"},
                                        {27, "MPLS-TP LSP Endpoint Identifier"},
                                        {28, "MPLS-TP Pseudowire Endpoint Identifier"},
                                        {29, "MT IP: Multi-Topology IP version 4"},
                                        {30, "MT IPv6: Multi-Topology IP version 6"},
                                        {16384, "EIGRP Common Service Family"},
                                        {16385, "EIGRP IPv4 Service Family"},
                                        {16386, "EIGRP IPv6 Service Family"},
                                        {16387, "LISP Canonical Address Format (LCAF)"},
                                        {16388, "BGP-LS"},
                                        {16389, "48-bit MAC Address"},
                                        {16390, "64-bit MAC Address"},
                                        {16391, "OUI"},
                                        {16392, "MAC/24"},
                                        {16393, "MAC/40"},
                                        {16394, "IPv6/64"},
                                        {16395, "RBridge Port ID"},
                                        {16396, "TRILL Nickname"},
                                        {65535, "Reserved"},
                                        {0, NULL}};

/* ISO/IEC TR 9577 network layer protocol ids (short-form protocol types up to 0xff) */
static const struct tw_vs nlpid_vals[] = {
    {0x00, "NULL"},      {0x01, "X.29"},      {0x03, "X.633"},
    {0x08, "Q.931"},     {0x09, "Q.2931"},    {0x0c, "Q.2119"},
    {0x80, "SNAP"},      {0x81, "CLNP"},      {0x82, "ESIS"},
    {0x83, "ISIS"},      {0x85, "IDRP"},      {0x8a, "ESIS (X.25)"},
    {0x8c, "ISO 10030"}, {0x8d, "ISO 11577"}, {0xb0, "Data compression protocol"},
    {0xcc, "IP"},        {0xc0, "TRILL"},     {0xc1, "SubNetwork Dependent Convergence Function"},
    {0x8e, "IPv6"},      {0xcf, "PPP"},       {0, NULL}};

enum {
    T_RES_REQ = 1,
    T_RES_REPLY,
    T_REG_REQ,
    T_REG_REPLY,
    T_PURGE_REQ,
    T_PURGE_REPLY,
    T_ERROR_IND,
    T_TRAFFIC_IND
};
static const struct tw_vs op_type_vals[] = {{T_RES_REQ, "NHRP Resolution Request"},
                                            {T_RES_REPLY, "NHRP Resolution Reply"},
                                            {T_REG_REQ, "NHRP Registration Request"},
                                            {T_REG_REPLY, "NHRP Registration Reply"},
                                            {T_PURGE_REQ, "NHRP Purge Request"},
                                            {T_PURGE_REPLY, "NHRP Purge Reply"},
                                            {T_ERROR_IND, "NHRP Error Indication"},
                                            {T_TRAFFIC_IND, "NHRP Traffic Indication"},
                                            {0, NULL}};

enum {
    X_END = 0,
    X_RESP_ADDR = 3,
    X_FWD_RECORD = 4,
    X_REV_RECORD = 5,
    X_AUTH = 7,
    X_VENDOR = 8,
    X_NAT_ADDR = 9, /* also RFC 2735's device capabilities, told apart by a length of 8 */
    X_MOBILE_AUTH = 10
};
static const struct tw_vs ext_type_vals[] = {{X_END, "End of Extension"},
                                             {X_RESP_ADDR, "Responder Address Extension"},
                                             {X_FWD_RECORD, "Forward Transit NHS Record Extension"},
                                             {X_REV_RECORD, "Reverse Transit NHS Record Extension"},
                                             {X_AUTH, "NHRP Authentication Extension"},
                                             {X_VENDOR, "NHRP Vendor Private Extension"},
                                             {X_NAT_ADDR, "Cisco NAT Address Extension"},
                                             {X_MOBILE_AUTH, "Mobile NHC Authentication Extension"},
                                             {0, NULL}};

static const struct tw_vs error_code_vals[] = {{0x0001, "Unrecognized Extension"},
                                               {0x0003, "NHRP Loop Detected"},
                                               {0x0006, "Protocol Address Unreachable"},
                                               {0x0007, "Protocol Error"},
                                               {0x0008, "NHRP SDU Size Exceeded"},
                                               {0x0009, "Invalid Extension"},
                                               {0x000a, "Invalid NHRP Resolution Reply Received"},
                                               {0x000b, "Authentication Failure"},
                                               {0x000f, "Hop Count Exceeded"},
                                               {0x0010, "VPN Mismatch"},
                                               {0x0011, "VPN Unsupported"},
                                               {0, NULL}};

static const struct tw_vs cie_code_vals[] = {
    {0x00, "Success"},
    {0x04, "Administratively Prohibited"},
    {0x05, "Insufficient Resources"},
    {0x0c, "No Interworking Layer Address to NBMA Address Binding Exists"},
    {0x0d, "Binding Exists But Is Not Unique"},
    {0x0e, "Unique Internetworking Layer Address Already Registered"},
    {0, NULL}};

static const struct tw_vs tl_type_vals[] = {
    {0, "NSAP format"}, {1, "Native E.164 format"}, {0, NULL}};
static const struct tw_vs cksum_status_vals[] = {
    {0, "Bad"}, {1, "Good"}, {2, "Unverified"}, {3, "Not present"}, {4, "Illegal"}, {0, NULL}};


static const struct tw_field_def fields[F_COUNT] = {
    [F_AFN] = {"nhrp.hdr.afn", "Address Family Number", TW_FT_UINT16, TW_BASE_HEX_DEC, 0, afn_vals},
    [F_PRO_TYPE] = {"nhrp.hdr.pro.type", "Protocol Type (short form)", TW_FT_UINT16,
                    TW_BASE_HEX_DEC},
    [F_SNAP_OUI] = {"nhrp.hdr.pro.snap.oui", "Protocol Type (long form) - OUI", TW_FT_UINT24,
                    TW_BASE_OUI},
    [F_SNAP_PID] = {"nhrp.hdr.pro.snap.pid", "Protocol Type (long form) - PID", TW_FT_UINT16,
                    TW_BASE_HEX},
    [F_HOPCNT] = TW_FD_U8D("nhrp.hdr.hopcnt", "Hop Count"),
    [F_PKTSZ] = TW_FD_U16D("nhrp.hdr.pktsz", "Packet Length"),
    [F_CHKSUM] = {"nhrp.hdr.chksum", "NHRP Packet Checksum", TW_FT_UINT16, TW_BASE_HEX},
    [F_CHKSUM_STATUS] = {"nhrp.hdr.chksum.status", "NHRP Packet Checksum Status", TW_FT_UINT8,
                         TW_BASE_NONE, 0, cksum_status_vals},
    [F_EXTOFF] = TW_FD_U16D("nhrp.hdr.extoff", "Extension Offset"),
    [F_VERSION] = TW_FD_U8D("nhrp.hdr.version", "Version"),
    [F_OP_TYPE] = {"nhrp.hdr.op.type", "NHRP Packet Type", TW_FT_UINT8, TW_BASE_DEC, 0,
                   op_type_vals},
    [F_SHTL] = TW_FD_U8D("nhrp.hdr.shtl", "Source Address Type/Len"),
    [F_SHTL_TYPE] = {"nhrp.hdr.shtl.type", "Type", TW_FT_UINT8, TW_BASE_DEC, 0x40, tl_type_vals},
    [F_SHTL_LEN] = {"nhrp.hdr.shtl.len", "Length", TW_FT_UINT8, TW_BASE_DEC, 0x3f},
    [F_SSTL] = TW_FD_U8D("nhrp.hdr.sstl", "Source SubAddress Type/Len"),
    [F_SSTL_TYPE] = {"nhrp.hdr.sstl.type", "Type", TW_FT_UINT8, TW_BASE_DEC, 0x40, tl_type_vals},
    [F_SSTL_LEN] = {"nhrp.hdr.sstl.len", "Length", TW_FT_UINT8, TW_BASE_DEC, 0x3f},
    [F_SRC_PROT_LEN] = TW_FD_U16D("nhrp.src.prot.len", "Source Protocol Len"),
    [F_DST_PROT_LEN] = TW_FD_U16D("nhrp.dst.prot.len", "Destination Protocol Len"),
    [F_FLAGS] = {"nhrp.flags", "Flags", TW_FT_UINT16, TW_BASE_HEX},
    [F_FLAG_Q] = {"nhrp.flag.q", "Is Router", TW_FT_BOOLEAN, 16, 0x8000},
    [F_FLAG_N] = {"nhrp.flag.n", "Expected Purge Reply", TW_FT_BOOLEAN, 16, 0x8000},
    [F_FLAG_A] = {"nhrp.flag.a", "Authoritative", TW_FT_BOOLEAN, 16, 0x4000, NULL, NULL, NULL,
                  "A bit"},
    [F_FLAG_D] = {"nhrp.flag.d", "Stable Association", TW_FT_BOOLEAN, 16, 0x2000, NULL, NULL, NULL,
                  "D bit"},
    [F_FLAG_U1] = {"nhrp.flag.u", "Uniqueness Bit", TW_FT_BOOLEAN, 16, 0x1000, NULL, NULL, NULL,
                   "U bit"},
    [F_FLAG_U2] = {"nhrp.flag.u", "Uniqueness Bit", TW_FT_BOOLEAN, 16, 0x8000, NULL, NULL, NULL,
                   "U bit"},
    [F_FLAG_S] = {"nhrp.flag.s", "Stable Binding", TW_FT_BOOLEAN, 16, 0x0800, NULL, NULL, NULL,
                  "S bit"},
    [F_FLAG_NAT] = {"nhrp.flag.nat", "Cisco NAT Supported", TW_FT_BOOLEAN, 16, 0x0002, NULL, NULL,
                    NULL, "NAT bit"},
    [F_REQID] = {"nhrp.reqid", "Request ID", TW_FT_UINT32, TW_BASE_HEX_DEC},
    [F_SRC_NBMA] = TW_FD_IPV4("nhrp.src.nbma.addr", "Source NBMA Address"),
    [F_SRC_NBMA_SADDR] = TW_FD_BYTES("nhrp.src.nbma.saddr", "Source NBMA Sub Address"),
    [F_SRC_PROT] = TW_FD_IPV4("nhrp.src.prot.addr", "Source Protocol Address"),
    [F_DST_PROT] = TW_FD_IPV4("nhrp.dst.prot.addr", "Destination Protocol Address"),
    [F_CODE] = {"nhrp.code", "Code", TW_FT_UINT8, TW_BASE_DEC, 0, cie_code_vals},
    [F_PREFIX] = TW_FD_U8D("nhrp.prefix", "Prefix Length"),
    [F_UNUSED] = TW_FD_U16D("nhrp.unused", "Unused"),
    [F_MTU] = TW_FD_U16D("nhrp.mtu", "Max Transmission Unit"),
    [F_HTIME] = TW_FD_U16D("nhrp.htime", "Holding Time (s)"),
    [F_CLI_TL] = TW_FD_U8D("nhrp.cli.addr_tl", "Client Address Type/Len"),
    [F_CLI_TL_TYPE] = {"nhrp.cli.addr_tl.type", "Type", TW_FT_UINT8, TW_BASE_DEC, 0x40,
                       tl_type_vals},
    [F_CLI_TL_LEN] = {"nhrp.cli.addr_tl.len", "Length", TW_FT_UINT8, TW_BASE_DEC, 0x3f},
    [F_CLI_STL] = TW_FD_U8D("nhrp.cli.saddr_tl", "Client Sub Address Type/Len"),
    [F_CLI_STL_TYPE] = {"nhrp.cli.saddr_tl.type", "Type", TW_FT_UINT8, TW_BASE_DEC, 0x40,
                        tl_type_vals},
    [F_CLI_STL_LEN] = {"nhrp.cli.saddr_tl.len", "Length", TW_FT_UINT8, TW_BASE_DEC, 0x3f},
    [F_CLI_PROT_LEN] = TW_FD_U8D("nhrp.prot.len", "Client Protocol Length"),
    [F_PREF] = TW_FD_U8D("nhrp.pref", "CIE Preference Value"),
    [F_CLIENT_NBMA] = TW_FD_IPV4("nhrp.client.nbma.addr", "Client NBMA Address"),
    [F_CLIENT_NBMA_SADDR] = TW_FD_BYTES("nhrp.client.nbma.saddr", "Client NBMA Sub Address"),
    [F_CLIENT_PROT] = TW_FD_IPV4("nhrp.client.prot.addr", "Client Protocol Address"),
    [F_EXT_C] = {"nhrp.ext.c", "Compulsory Flag", TW_FT_BOOLEAN, 16, 0x8000},
    [F_EXT_TYPE] = {"nhrp.ext.type", "Extension Type", TW_FT_UINT16, TW_BASE_HEX, 0x3fff},
    [F_EXT_LEN] = TW_FD_U16D("nhrp.ext.len", "Extension length"),
    [F_ERR_CODE] = {"nhrp.err.code", "Error Code", TW_FT_UINT16, TW_BASE_DEC, 0, error_code_vals},
    [F_ERR_OFFSET] = TW_FD_U16D("nhrp.err.offset", "Error Offset"),
    [F_AUTH_RESERVED] = TW_FD_U16D("nhrp.auth_ext.reserved", "Reserved"),
    [F_AUTH_SPI] = {"nhrp.auth_ext.spi", "SPI", TW_FT_UINT16, TW_BASE_DEC, 0, NULL, NULL, NULL,
                    "Security Parameter Index"},
    [F_AUTH_SRC] = TW_FD_IPV4("nhrp.auth_ext.src_addr", "Source Address"),
    [F_VENDOR_ID] = {"nhrp.vendor_ext.id", "Vendor ID", TW_FT_UINT24, TW_BASE_DEC},
    [F_DEVCAP_SRC] = {"nhrp.devcap_ext.srccap", "Source Capabilities", TW_FT_UINT32, TW_BASE_HEX},
    [F_DEVCAP_SRC_V] = {"nhrp.devcap_ext.srccap.V", "VPN-aware", TW_FT_BOOLEAN, 32, 0x1},
    [F_DEVCAP_DST] = {"nhrp.devcap_ext.dstcap", "Destination Capabilities", TW_FT_UINT32,
                      TW_BASE_HEX},
    [F_DEVCAP_DST_V] = {"nhrp.devcap_ext.dstcap.V", "VPN-aware", TW_FT_BOOLEAN, 32, 0x1},
    [F_UNKNOWN_EXT] = TW_FD_BYTES("nhrp.unknown_ext.value", "Extension Value"),
    [F_PROTOCOL_TYPE] = TW_FD_BYTES("nhrp.protocol_type", "Protocol Type (long form)"),
    [F_CLIENT_NBMA_BYTES] = TW_FD_BYTES("nhrp.client.nbma.addr_bytes", "Client NBMA Address"),
    [F_CLIENT_PROT_BYTES] = TW_FD_BYTES("nhrp.client.prot.addr_bytes", "Client Protocol Address"),
    [F_SRC_NBMA_BYTES] = TW_FD_BYTES("nhrp.src.nbma.addr_bytes", "Source NBMA Address"),
    [F_SRC_PROT_BYTES] = TW_FD_BYTES("nhrp.src.prot.addr_bytes", "Source Protocol Address"),
    /* (sic: Wireshark's name) */
    [F_DST_PROT_BYTES] = TW_FD_BYTES("nhrp.dst.prot.addr_byets", "Destination Protocol Address"),
    [F_AUTH_SRC_BYTES] = TW_FD_BYTES("nhrp.auth_ext.src_addr_bytes", "Source Address"),
    [F_AUTH_DATA] = TW_FD_BYTES("nhrp.auth_ext.data", "Data"),
    [F_VENDOR_DATA] = TW_FD_BYTES("nhrp.vendor_ext.data", "Data"),
};

enum { E_PKTSZ, E_EXTOFF, E_CHKSUM, E_NOT_ALLOWED, E_MALFORMED, E_EXTRA, E_COUNT };
static const struct tw_expert_def experts[E_COUNT] = {
    [E_PKTSZ] = {"nhrp.hdr.pktsz.invalid", "decoder.nhrp.bad_length", TW_SEV_ERROR,
                 TW_GRP_MALFORMED, "Packet length is less than the fixed header length"},
    [E_EXTOFF] = {"nhrp.hdr.extoff.invalid", "decoder.nhrp.bad_ext_offset", TW_SEV_ERROR,
                  TW_GRP_MALFORMED,
                  "Extension offset is less than the fixed header length or larger than the "
                  "packet size"},
    [E_CHKSUM] = {"nhrp.hdr.bad_checksum", "decoder.nhrp.bad_checksum", TW_SEV_ERROR,
                  TW_GRP_CHECKSUM, "Bad checksum"},
    [E_NOT_ALLOWED] = {"nhrp.ext.not_allowed", "decoder.nhrp.ext_not_allowed", TW_SEV_ERROR,
                       TW_GRP_MALFORMED, "Extensions not allowed per RFC2332 section 5.2.7"},
    [E_MALFORMED] = {"nhrp.ext.malformed", "decoder.nhrp.ext_malformed", TW_SEV_ERROR,
                     TW_GRP_MALFORMED, "Incomplete Authentication Extension"},
    [E_EXTRA] = {"nhrp.ext.extra", "decoder.nhrp.ext_extra", TW_SEV_ERROR, TW_GRP_MALFORMED,
                 "Superfluous data follows End Extension"},
};

/* The PID field tshark uses for a SNAP long-form protocol type of an OUI LLC knows (the
 * field of LLC's per-OUI table), looked up once by name; 0 when LLC has none for it. */
static const struct {
    uint32_t oui;
    const char *field;
} oui_pid_fields[] = {
    {0x00000c, "llc.cisco_pid"},      {0x080007, "llc.apple_atalk_pid"},
    {0x080009, "llc.hpteam_pid"},     {0x00e052, "llc.foundry_pid"},
    {0x0001e8, "llc.force10_pid"},    {0x000081, "llc.nortel_pid"},
    {0x0017f2, "llc.apple_awdl_pid"}, {0x004096, "llc.wlccp_pid"},
    {0x001958, "llc.bluetooth_pid"},  {0x00e02b, "llc.extreme_pid"},
    {0x00005e, "llc.iana_pid"},       {0x000fa8, "llc.cimetrics_pid"},
};
static int oui_pid_hf[TW_ARRAY_LEN(oui_pid_fields)];

static bool pref_auth_has_addr;

static void init(void)
{
    pref_auth_has_addr = tw_pref_bool("nhrp.auth_ext_has_addr", true);
    for (size_t i = 0; i < TW_ARRAY_LEN(oui_pid_fields); i++) {
        const char *n = oui_pid_fields[i].field;
        oui_pid_hf[i] = tw_field_lookup(n, strlen(n));
    }
}

/* ---- bounds, as tshark's tvb raises them ---- */

/* are the n bytes at off there? if not, the cursor takes the error (past the claimed end:
 * malformed; past what was captured: truncated) */
static bool need(struct tw_cur *c, uint32_t off, uint32_t n)
{
    if (c->err) return false;
    struct tw_cur t = *c;
    t.off = off;
    if (tw_cur_need(&t, n)) return true;
    c->err = t.err;
    return false;
}

/* an item "to the end" starting at off: at least one byte must be there */
static bool need_rest(struct tw_cur *c, uint32_t off)
{
    if (c->err) return false;
    uint32_t e = TW_MIN(c->cap, c->end);
    if (off < e) return true;
    c->err = off < c->end ? TW_CUR_TRUNCATED : TW_CUR_MALFORMED;
    return false;
}

/* tshark's tvb_reported_length_remaining(): what the data claims after off, but 0 when off is
 * past what was captured */
static uint32_t reported_rest(const struct tw_cur *c, uint32_t off)
{
    uint32_t e = TW_MIN(c->cap, c->end);
    return off <= e && off < c->end ? c->end - off : 0;
}

static uint8_t g8(const struct tw_cur *c, uint32_t o)
{
    return c->data[o];
}
static uint16_t g16(const struct tw_cur *c, uint32_t o)
{
    return (uint16_t)(c->data[o] << 8 | c->data[o + 1]);
}
static uint32_t g32(const struct tw_cur *c, uint32_t o)
{
    return (uint32_t)c->data[o] << 24 | (uint32_t)c->data[o + 1] << 16 |
           (uint32_t)c->data[o + 2] << 8 | c->data[o + 3];
}

/* a byte-string as tshark's bytes_to_str writes it into a label: hex, at most 36 bytes, then
 * an ellipsis */
static void hexstr(char *out, size_t sz, const uint8_t *b, uint32_t n)
{
    size_t k = 0;
    uint32_t m = n > 36 ? 36 : n;
    for (uint32_t i = 0; i < m && k + 3 < sz; i++)
        k += (size_t)snprintf(out + k, sz - k, "%02x", b[i]);
    if (n > 36 && k + 4 < sz)
        snprintf(out + k, sz - k, "\xe2\x80\xa6");
    else
        out[k] = 0;
}

/* the header fields the rest of the packet needs */
struct hdr {
    uint16_t afn, pro_type, pid;
    uint32_t oui;
    uint8_t op_type, shtl, sstl;
};

static int32_t add_u(struct tw_pkt *p, struct tw_cur *c, int f, uint32_t off, uint32_t n)
{
    if (!need(c, off, n)) return -1;
    uint32_t v = 0;
    for (uint32_t i = 0; i < n; i++) v = v << 8 | c->data[off + i];
    return tw_add_uint(p, HF(f), off, n, v);
}

/* an IPv4 field when n is 4, else the bytes field */
static bool add_addr(struct tw_pkt *p, struct tw_cur *c, int f4, int fb, uint32_t off, uint32_t n,
                     bool ipv4)
{
    if (!need(c, off, n)) return false;
    tw_add_ptr(p, HF(ipv4 && n == 4 ? f4 : fb), off, n, c->data + off, n);
    return true;
}

/* a type/length byte with its two parts below it */
static void add_tl(struct tw_pkt *p, int f, uint32_t off, uint8_t v)
{
    int32_t r = tw_add_uint(p, HF(f), off, 1, v);
    if (tw_want_labels(p))
        tw_rec_label(p, r, "%s: %s/%u", fields[f].name, tw_vs_find(tl_type_vals, (v >> 6) & 1),
                     v & 0x3f);
    tw_tree_push(p, r);
    tw_add_bits(p, HF(f + 1), off, 1, v);
    tw_add_bits(p, HF(f + 2), off, 1, v);
    tw_tree_pop(p);
}

static bool header(struct tw_pkt *p, struct tw_cur *c, uint32_t b, uint32_t *pos,
                   uint32_t *mand_len, uint32_t *ext_len, struct hdr *h)
{
    uint32_t o = b;
    int32_t hr = tw_add_text(p, b, 20, "NHRP Fixed Header");
    tw_tree_push(p, hr);
    bool ok = false;
    do {
        if (!need(c, o, 2)) break;
        h->afn = g16(c, o);
        int32_t ra = tw_add_uint(p, HF(F_AFN), o, 2, h->afn);
        const char *an = tw_vs_find(afn_vals, h->afn);
        tw_rec_label(p, ra, "Address Family Number: %s (0x%04x)", an ? an : "Unknown", h->afn);
        o += 2;
        if (!need(c, o, 2)) break;
        h->pro_type = g16(c, o);
        const char *ps;
        if (h->pro_type <= 0xff) {
            ps = tw_vs_find(nlpid_vals, h->pro_type);
            if (!ps) ps = "Unknown NLPID";
        } else if (h->pro_type <= 0x3ff) {
            ps = "Reserved for future use by the IETF";
        } else if (h->pro_type <= 0x4ff) {
            ps = "Allocated for use by the ATM Forum";
        } else if (h->pro_type <= 0x5ff) {
            ps = "Experimental/Local use";
        } else {
            ps = tw_vs_find(tw_etype_vals, h->pro_type);
            if (!ps) ps = "Unknown Ethertype";
        }
        int32_t r = tw_add_uint(p, HF(F_PRO_TYPE), o, 2, h->pro_type);
        tw_rec_label(p, r, "Protocol Type (short form): %s (0x%04x)", ps, h->pro_type);
        o += 2;
        if (h->pro_type == 0x80) {
            /* SNAP: OUI and PID; tshark goes on from the PID's offset */
            if (!need(c, o, 3)) break;
            h->oui = (uint32_t)g8(c, o) << 16 | g16(c, o + 1);
            int32_t ro = tw_add_uint(p, HF(F_SNAP_OUI), o, 3, h->oui);
            if (ro >= 0 && tw_want_labels(p)) {
                /* (tshark formats the value into 32 bytes, cutting long names) */
                uint8_t oa[3] = {(uint8_t)(h->oui >> 16), (uint8_t)(h->oui >> 8), (uint8_t)h->oui};
                const char *on = tw_oui_name(oa);
                char v[32];
                if (on)
                    snprintf(v, sizeof v, "%02x:%02x:%02x (%s)", oa[0], oa[1], oa[2], on);
                else
                    snprintf(v, sizeof v, "%02x:%02x:%02x", oa[0], oa[1], oa[2]);
                tw_rec_label(p, ro, "%s: %s", fields[F_SNAP_OUI].name, v);
            }
            o += 3;
            if (!need(c, o, 2)) break;
            h->pid = g16(c, o);
            int hf = HF(F_SNAP_PID);
            for (size_t i = 0; i < TW_ARRAY_LEN(oui_pid_fields); i++)
                if (oui_pid_fields[i].oui == h->oui && oui_pid_hf[i] >= 0) hf = oui_pid_hf[i];
            tw_add_uint(p, (uint16_t)hf, o, 2, h->pid);
        } else {
            if (!need(c, o, 5)) break;
            tw_add_ptr(p, HF(F_PROTOCOL_TYPE), o, 5, c->data + o, 5);
            o += 5;
        }
        if (add_u(p, c, F_HOPCNT, o, 1) == -1 && c->err) break;
        o += 1;
        if (!need(c, o, 2)) break;
        uint32_t pktsz = g16(c, o);
        r = tw_add_uint(p, HF(F_PKTSZ), o, 2, pktsz);
        if (pktsz < 20) {
            tw_tree_push(p, r);
            tw_expert(p, EX(E_PKTSZ), o, 2, NULL);
            tw_tree_pop(p);
            tw_rec_setlen(p, hr, o + 2 - b);
            tw_tree_pop(p);
            *pos = o + 2;
            return false;
        }
        o += 2;
        if (!need(c, o, 2)) break;
        uint16_t sum = g16(c, o);
        r = tw_add_uint(p, HF(F_CHKSUM), o, 2, sum);
        int32_t st;
        uint32_t avail = TW_MIN(c->cap, c->end);
        if (avail >= b && avail - b >= pktsz) {
            uint16_t computed = tw_cksum_fold(tw_cksum_add(0, c->data + b, pktsz));
            if (computed == 0) {
                tw_rec_label(p, r, "NHRP Packet Checksum: 0x%04x [correct]", sum);
                st = tw_add_uint(p, HF(F_CHKSUM_STATUS), o, 2, 1);
            } else {
                uint32_t sb = (uint32_t)sum + computed;
                sb = (sb & 0xffff) + (sb >> 16);
                sb = (sb & 0xffff) + (sb >> 16);
                tw_rec_label(p, r, "NHRP Packet Checksum: 0x%04x incorrect, should be 0x%04x", sum,
                             sb);
                tw_tree_push(p, r);
                tw_expert(p, EX(E_CHKSUM), o, 2, "Bad checksum [should be 0x%04x]", sb);
                tw_tree_pop(p);
                st = tw_add_uint(p, HF(F_CHKSUM_STATUS), o, 2, 0);
            }
        } else {
            tw_rec_label(p, r, "NHRP Packet Checksum: 0x%04x [unverified]", sum);
            st = tw_add_uint(p, HF(F_CHKSUM_STATUS), o, 2, 2);
        }
        tw_rec_flags(p, st, TW_RF_GENERATED);
        o += 2;
        if (!need(c, o, 2)) break;
        uint32_t extoff = g16(c, o);
        r = tw_add_uint(p, HF(F_EXTOFF), o, 2, extoff);
        bool bad_ext = extoff != 0 && (extoff < 20 || extoff > pktsz);
        if (bad_ext) {
            tw_tree_push(p, r);
            tw_expert(p, EX(E_EXTOFF), o, 2, NULL);
            tw_tree_pop(p);
        }
        o += 2;
        if (!need(c, o, 1)) break;
        uint8_t ver = g8(c, o);
        r = tw_add_uint(p, HF(F_VERSION), o, 1, ver);
        tw_rec_label(p, r, "Version: %u (%s)", ver, ver == 1 ? "NHRP - rfc2332" : "Unknown");
        o += 1;
        if (add_u(p, c, F_OP_TYPE, o, 1) == -1 && c->err) break;
        o += 1;
        if (!need(c, o, 1)) break;
        h->shtl = g8(c, o);
        add_tl(p, F_SHTL, o, h->shtl);
        o += 1;
        if (!need(c, o, 1)) break;
        h->sstl = g8(c, o);
        add_tl(p, F_SSTL, o, h->sstl);
        o += 1;
        tw_rec_setlen(p, hr, o - b);
        *pos = o;
        if (extoff != 0) {
            if (bad_ext) break;
            *mand_len = extoff - 20;
            *ext_len = pktsz - extoff;
        } else {
            *mand_len = pktsz - 20;
            *ext_len = 0;
        }
        ok = true;
    } while (0);
    tw_tree_pop(p);
    return ok;
}

static bool cie_list(struct tw_pkt *p, struct tw_cur *c, uint32_t o, uint32_t end,
                     const struct hdr *h, bool is_req, bool codeinfo)
{
    while ((uint64_t)o + 12 <= end) {
        if (!need(c, o + 8, 1) || !need(c, o + 9, 1) || !need(c, o + 10, 1)) return false;
        uint32_t alen = g8(c, o + 8), salen = g8(c, o + 9), plen = g8(c, o + 10);
        /* (a text item with a length: its bytes must be there) */
        if (!need(c, o, 12 + alen + salen + plen)) return false;
        int32_t r = tw_add_text(p, o, 12 + alen + salen + plen, "Client Information Entry");
        tw_tree_push(p, r);
        bool ok = false;
        do {
            if (!need(c, o, 1)) break;
            uint8_t code = g8(c, o);
            if (!is_req && codeinfo) {
                const char *cn = tw_vs_find(cie_code_vals, code);
                if (cn)
                    tw_info_printf(p, ", Code=%s", cn);
                else
                    tw_info_printf(p, ", Code=Unknown (%u)", code);
            }
            tw_add_uint(p, HF(F_CODE), o, 1, code);
            o += 1;
            if (add_u(p, c, F_PREFIX, o, 1) < 0 && c->err) break;
            o += 1;
            if (add_u(p, c, F_UNUSED, o, 2) < 0 && c->err) break;
            o += 2;
            if (add_u(p, c, F_MTU, o, 2) < 0 && c->err) break;
            o += 2;
            if (add_u(p, c, F_HTIME, o, 2) < 0 && c->err) break;
            o += 2;
            if (!need(c, o, 1)) break;
            add_tl(p, F_CLI_TL, o, g8(c, o));
            o += 1;
            if (!need(c, o, 1)) break;
            add_tl(p, F_CLI_STL, o, g8(c, o));
            o += 1;
            if (add_u(p, c, F_CLI_PROT_LEN, o, 1) < 0 && c->err) break;
            o += 1;
            if (add_u(p, c, F_PREF, o, 1) < 0 && c->err) break;
            o += 1;
            if (alen) {
                if (!add_addr(p, c, F_CLIENT_NBMA, F_CLIENT_NBMA_BYTES, o, alen, h->afn == 1))
                    break;
                o += alen;
            }
            if (salen) { /* shown, not skipped (as tshark) */
                if (!need(c, o, salen)) break;
                tw_add_ptr(p, HF(F_CLIENT_NBMA_SADDR), o, salen, c->data + o, salen);
            }
            if (plen) {
                if (!add_addr(p, c, F_CLIENT_PROT, F_CLIENT_PROT_BYTES, o, plen, true)) break;
                o += plen;
            }
            ok = true;
        } while (0);
        tw_tree_pop(p);
        if (!ok) return false;
    }
    return true;
}

static bool dissect_pdu(struct tw_pkt *p, struct tw_cur *c, uint32_t b, bool nested, bool codeinfo,
                        int32_t proto_rec);

/* an error in an indication's quoted packet was shown already (under its own protocol's name) */
static bool inner_shown;

/* the packet an indication carries, from o to the end of the data */
static bool indication(struct tw_pkt *p, struct tw_cur *c, uint32_t o, const struct hdr *h,
                       bool is_err)
{
    if (!need_rest(c, o)) return false;
    uint32_t e = TW_MIN(c->cap, c->end);
    int32_t r = tw_add_text(p, o, e - o, "Packet Causing Indication");
    tw_tree_push(p, r);
    struct tw_cur sub = *c;
    sub.off = o;
    bool ok = true;
    if (is_err) {
        ok = dissect_pdu(p, &sub, o, true, false, -1);
        if (!ok) c->err = sub.err;
    } else {
        uint8_t t = TW_TBL_NONE;
        uint32_t key = 0;
        if (h->pro_type <= 0xff) {
            if (h->pro_type == 0x80) {
                if (h->oui == 0) {
                    t = TW_TBL_ETHERTYPE;
                    key = h->pid;
                } else {
                    t = TW_TBL_SNAP;
                    key = h->oui << 16 | h->pid;
                }
            } else if (h->pro_type == 0xcc) {
                t = TW_TBL_ETHERTYPE;
                key = 0x0800;
            } else if (h->pro_type == 0x8e) {
                t = TW_TBL_ETHERTYPE;
                key = 0x86dd;
            }
        } else if (h->pro_type > 0x5ff) {
            t = TW_TBL_ETHERTYPE;
            key = h->pro_type;
        }
        bool saved = p->ctx.in_error_pkt;
        p->ctx.in_error_pkt = true;
        enum tw_status st;
        uint32_t first = p->nlayers;
        /* (the Protocol column stays NHRP's, whatever the quoted packet's layers do) */
        const char *col = p->col_proto;
        if (t != TW_TBL_NONE && tw_dispatch_find((enum tw_table)t, key) >= 0)
            st = tw_dissect_nested(p, (enum tw_table)t, key, sub);
        else
            st = tw_dissect_nested(p, TW_TBL_NAME, TW_KEY_DATA, sub);
        p->ctx.in_error_pkt = saved;
        p->col_proto = col;
        if (st != TW_OK) {
            /* the quoted packet's error ends NHRP too, and tshark names the quoted packet's
             * first protocol ("[Packet size limited during capture: IPv4 truncated]", also
             * when the ICMP inside it failed) */
            uint16_t failed = first < p->nlayers ? p->layers[first].proto : p->cur_proto;
            uint16_t me = p->cur_proto;
            p->cur_proto = failed;
            tw_show_status(p, st);
            p->cur_proto = me;
            inner_shown = true;
            c->err = st == TW_TRUNCATED ? TW_CUR_TRUNCATED : TW_CUR_MALFORMED;
            ok = false;
        }
    }
    tw_tree_pop(p);
    return ok;
}

static bool mandatory(struct tw_pkt *p, struct tw_cur *c, uint32_t *pos, uint32_t mand_len,
                      const struct hdr *h, uint32_t *src_len, bool codeinfo, int32_t root)
{
    uint32_t o = *pos, mand_end = o + mand_len;
    bool is_req = false, is_err = false, is_ind = false;
    switch (h->op_type) {
    case T_RES_REQ:
    case T_REG_REQ:
    case T_PURGE_REQ:
        is_req = true;
        break;
    case T_ERROR_IND:
        is_err = is_ind = true;
        break;
    case T_TRAFFIC_IND:
        is_ind = true;
        break;
    default:
        break;
    }
    if (!need_rest(c, o)) return false;
    uint32_t e = TW_MIN(c->cap, c->end);
    int32_t mr = tw_add_text(p, o, e - o, "NHRP Mandatory Part");
    tw_tree_push(p, mr);
    bool ok = false;
    do {
        if (!need(c, o, 1)) break;
        *src_len = g8(c, o);
        tw_add_uint(p, HF(F_SRC_PROT_LEN), o, 1, *src_len);
        o += 1;
        if (!need(c, o, 1)) break;
        uint32_t dst_len = g8(c, o);
        tw_add_uint(p, HF(F_DST_PROT_LEN), o, 1, dst_len);
        o += 1;
        if (!is_ind) {
            static const int f_res[] = {F_FLAG_Q, F_FLAG_A,   F_FLAG_D, F_FLAG_U1,
                                        F_FLAG_S, F_FLAG_NAT, -1};
            static const int f_reg[] = {F_FLAG_U2, F_FLAG_NAT, -1};
            static const int f_purge[] = {F_FLAG_N, F_FLAG_NAT, -1};
            static const int f_other[] = {F_FLAG_NAT, -1};
            const int *fl = f_other;
            if (h->op_type == T_RES_REQ || h->op_type == T_RES_REPLY)
                fl = f_res;
            else if (h->op_type == T_REG_REQ || h->op_type == T_REG_REPLY)
                fl = f_reg;
            else if (h->op_type == T_PURGE_REQ || h->op_type == T_PURGE_REPLY)
                fl = f_purge;
            if (!need(c, o, 2)) break;
            uint16_t flags = g16(c, o);
            int32_t r = tw_add_uint(p, HF(F_FLAGS), o, 2, flags);
            if (r >= 0 && tw_want_labels(p)) {
                char s[256];
                size_t k = (size_t)snprintf(s, sizeof s, "Flags: 0x%04x", flags);
                for (const int *f = fl; *f >= 0; f++)
                    if ((flags & fields[*f].mask) && k < sizeof s)
                        k += (size_t)snprintf(s + k, sizeof s - k, ", %s", fields[*f].name);
                tw_rec_label(p, r, "%s", s);
            }
            tw_tree_push(p, r);
            for (const int *f = fl; *f >= 0; f++) tw_add_bits(p, HF(*f), o, 2, flags);
            tw_tree_pop(p);
            o += 2;
            if (!need(c, o, 4)) break;
            uint32_t id = g32(c, o);
            tw_info_printf(p, ", ID=%u", id); /* (an Error Indication's packet's too) */
            tw_add_uint(p, HF(F_REQID), o, 4, id);
            o += 4;
        } else if (is_err) {
            o += 2;
            if (!need(c, o, 2)) break;
            uint16_t code = g16(c, o);
            const char *cn = tw_vs_find(error_code_vals, code);
            if (cn)
                tw_info_printf(p, ", %s", cn);
            else
                tw_info_printf(p, ", Unknown Error (%u)", code);
            tw_add_uint(p, HF(F_ERR_CODE), o, 2, code);
            o += 2;
            if (add_u(p, c, F_ERR_OFFSET, o, 2) < 0 && c->err) break;
            o += 2;
        } else {
            o += 6;
        }
        uint32_t shl = h->shtl & 0x3f;
        if (shl) {
            if (!add_addr(p, c, F_SRC_NBMA, F_SRC_NBMA_BYTES, o, shl, h->afn == 1)) break;
            o += shl;
        }
        uint32_t ssl = h->sstl & 0x3f;
        if (ssl) {
            if (!need(c, o, ssl)) break;
            tw_add_ptr(p, HF(F_SRC_NBMA_SADDR), o, ssl, c->data + o, ssl);
            o += ssl;
        }
        if (*src_len) {
            if (!add_addr(p, c, F_SRC_PROT, F_SRC_PROT_BYTES, o, *src_len, true)) break;
            o += *src_len;
        }
        if (dst_len) {
            if (!add_addr(p, c, F_DST_PROT, F_DST_PROT_BYTES, o, dst_len, true)) break;
            o += dst_len;
        }
        tw_tree_pop(p); /* the indication hangs beside the mandatory part */
        if (is_ind) {
            if (!indication(p, c, o, h, is_err)) {
                tw_tree_push(p, mr);
                break;
            }
            o = mand_end;
        }
        tw_rec_setlen(p, mr, mand_len);
        if (is_err && reported_rest(c, o)) {
            tw_tree_push(p, root);
            tw_expert(p, EX(E_NOT_ALLOWED), 0, 0, NULL);
            tw_tree_pop(p);
        }
        tw_tree_push(p, mr);
        if (!cie_list(p, c, o, mand_end, h, is_req, codeinfo)) break;
        ok = true;
    } while (0);
    tw_tree_pop(p);
    *pos = mand_end;
    return ok;
}

/* an expert item of its own: a text line with the expert under it */
static bool expert_item(struct tw_pkt *p, struct tw_cur *c, int ex, uint32_t off, uint32_t len,
                        const char *text)
{
    /* (observed: tshark adds the item, then fails if its bytes are not all there) */
    int32_t r = tw_add_text(p, off, len, "%s", text);
    tw_tree_push(p, r);
    tw_expert(p, EX(ex), off, len, "%s", text);
    tw_tree_pop(p);
    return need(c, off, len);
}

static bool extension_body(struct tw_pkt *p, struct tw_cur *c, uint32_t o, uint32_t len,
                           uint32_t type, const struct hdr *h, uint32_t src_len)
{
    char s[320];
    if (type == X_NAT_ADDR && len == 8) { /* RFC 2735 device capabilities */
        if (!need(c, o, 4) || !need(c, o + 4, 4)) return false;
        uint32_t sc = g32(c, o), dc = g32(c, o + 4);
        int32_t r = tw_add_text(p, o, len, "Extension Data: Src is %sVPN-aware; Dst is %sVPN-aware",
                                (sc & 1) ? "" : "non-", (dc & 1) ? "" : "non-");
        tw_tree_push(p, r);
        int32_t rs = tw_add_uint(p, HF(F_DEVCAP_SRC), o, 4, sc);
        tw_tree_push(p, rs);
        tw_add_bits(p, HF(F_DEVCAP_SRC_V), o, 4, sc);
        tw_tree_pop(p);
        int32_t rd = tw_add_uint(p, HF(F_DEVCAP_DST), o + 4, 4, dc);
        tw_tree_push(p, rd);
        tw_add_bits(p, HF(F_DEVCAP_DST_V), o + 4, 4, dc);
        tw_tree_pop(p);
        tw_tree_pop(p);
        return true;
    }
    switch (type) {
    case X_RESP_ADDR:
    case X_FWD_RECORD:
    case X_REV_RECORD:
    case X_NAT_ADDR:
        return cie_list(p, c, o, o + len, h, false, false);
    case X_AUTH:
    case X_MOBILE_AUTH: {
        if (type == X_AUTH && !pref_auth_has_addr) src_len = 0;
        if (len < 4 + src_len) {
            return expert_item(p, c, E_MALFORMED, o, len, "Incomplete Authentication Extension");
        }
        if (!need_rest(c, o)) return false;
        int32_t r = tw_add_text(p, o, len, "Extension Data");
        tw_tree_push(p, r);
        bool ok = false;
        do {
            if (add_u(p, c, F_AUTH_RESERVED, o, 2) < 0 && c->err) break;
            if (!need(c, o + 2, 2)) break;
            uint32_t spi = g16(c, o + 2);
            tw_add_uint(p, HF(F_AUTH_SPI), o + 2, 2, spi);
            int k = snprintf(s, sizeof s, "Extension Data: SPI=%u", spi);
            tw_rec_label(p, r, "%s", s);
            if (src_len && !add_addr(p, c, F_AUTH_SRC, F_AUTH_SRC_BYTES, o + 4, src_len, true))
                break;
            if (len > 4 + src_len) {
                uint32_t d = o + 4 + src_len, n = len - 4 - src_len;
                if (!need(c, d, n)) break;
                tw_add_ptr(p, HF(F_AUTH_DATA), d, n, c->data + d, n);
                char hx[80];
                hexstr(hx, sizeof hx, c->data + d, n);
                snprintf(s + k, sizeof s - (size_t)k, ": Data=%s", hx);
                tw_rec_label(p, r, "%s", s);
            }
            ok = true;
        } while (0);
        tw_tree_pop(p);
        return ok;
    }
    case X_VENDOR: {
        if (len < 3) {
            return expert_item(p, c, E_MALFORMED, o, len, "Incomplete Vendor-Private Extension");
        }
        if (!need(c, o, len)) return false;
        int32_t r = tw_add_text(p, o, len, "Extension Data:");
        tw_tree_push(p, r);
        bool ok = false;
        do {
            if (!need(c, o, 3)) break;
            uint32_t id = (uint32_t)g8(c, o) << 16 | g16(c, o + 1);
            tw_add_uint(p, HF(F_VENDOR_ID), o, 3, id);
            uint8_t oa[3] = {(uint8_t)(id >> 16), (uint8_t)(id >> 8), (uint8_t)id};
            const char *vn = tw_oui_name(oa);
            if (!vn) vn = "Unknown";
            int k = snprintf(s, sizeof s, "Extension Data: Vendor ID=%s", vn);
            if (len > 3) {
                if (!need(c, o + 3, len - 3)) {
                    tw_rec_label(p, r, "%s", s);
                    break;
                }
                tw_add_ptr(p, HF(F_VENDOR_DATA), o + 3, len - 3, c->data + o + 3, len - 3);
                char hx[80];
                hexstr(hx, sizeof hx, c->data + o + 3, len - 3);
                snprintf(s + k, sizeof s - (size_t)k, ", Data=%s", hx);
            } else {
                snprintf(s + k, sizeof s - (size_t)k, ", Data=<none>");
            }
            tw_rec_label(p, r, "%s", s);
            ok = true;
        } while (0);
        tw_tree_pop(p);
        return ok;
    }
    default:
        if (!need(c, o, len)) return false;
        tw_add_ptr(p, HF(F_UNKNOWN_EXT), o, len, c->data + o, len);
        return true;
    }
}

static bool extensions(struct tw_pkt *p, struct tw_cur *c, uint32_t o, uint32_t ext_len,
                       const struct hdr *h, uint32_t src_len, bool nested)
{
    uint64_t end = (uint64_t)o + ext_len;
    while ((uint64_t)o + 4 <= end) {
        if (!need(c, o, 2)) return false;
        uint32_t tc = g16(c, o), type = tc & 0x3fff;
        if (!need(c, o + 2, 2)) return false;
        uint32_t len = g16(c, o + 2);
        if (!need_rest(c, o)) return false;
        uint32_t e = TW_MIN(c->cap, c->end);
        int32_t r;
        if (type == X_NAT_ADDR && len == 8) {
            r = tw_add_text(p, o, e - o, "Device Capabilities Extension");
        } else {
            const char *tn = tw_vs_find(ext_type_vals, type);
            if (tn)
                r = tw_add_text(p, o, e - o, "%s", tn);
            else
                r = tw_add_text(p, o, e - o, "Unknown (%u)", type);
        }
        tw_tree_push(p, r);
        uint32_t start = o;
        tw_add_bits(p, HF(F_EXT_C), o, 2, tc);
        tw_add_bits(p, HF(F_EXT_TYPE), o, 2, tc);
        o += 2;
        tw_add_uint(p, HF(F_EXT_LEN), o, 2, len);
        o += 2;
        if (len && type != X_END) {
            if (!extension_body(p, c, o, len, type, h, src_len)) {
                tw_tree_pop(p);
                return false;
            }
            o += len;
        }
        tw_rec_setlen(p, r, o - start);
        tw_tree_pop(p);
        if (!nested) {
            uint32_t rem = reported_rest(c, o);
            if (type == X_END && rem) {
                char t[64];
                snprintf(t, sizeof t, "Unknown Data (%u bytes)", rem);
                if (!expert_item(p, c, E_EXTRA, o, rem, t)) return false;
                break;
            }
        }
    }
    return true;
}

/* one NHRP packet from offset b (the whole data, or the one an Error Indication carries) */
static bool dissect_pdu(struct tw_pkt *p, struct tw_cur *c, uint32_t b, bool nested, bool codeinfo,
                        int32_t proto_rec)
{
    if (!need(c, b + 17, 1)) return false;
    struct hdr h;
    memset(&h, 0, sizeof h);
    h.op_type = g8(c, b + 17);
    const char *tn = tw_vs_find(op_type_vals, h.op_type);
    char unk[24];
    if (!tn) {
        snprintf(unk, sizeof unk, "0x%02X - unknown", h.op_type);
        tn = unk;
    }
    int32_t root = proto_rec;
    if (nested) {
        uint32_t e = TW_MIN(c->cap, c->end);
        root = tw_add_rec(p, ids.field, b, e > b ? e - b : 0);
        tw_rec_label(p, root, "Next Hop Resolution Protocol (%s)", tn);
    } else {
        tw_info_set(p, tn);
        tw_layer_label(p, "Next Hop Resolution Protocol (%s)", tn);
    }
    tw_tree_push(p, root);
    uint32_t pos = b, mand_len = 0, ext_len = 0, src_len = 0;
    bool ok = header(p, c, b, &pos, &mand_len, &ext_len, &h);
    if (ok) {
        if (mand_len) ok = mandatory(p, c, &pos, mand_len, &h, &src_len, codeinfo, root);
        if (ok && ext_len) ok = extensions(p, c, pos, ext_len, &h, src_len, nested);
    } else if (!c->err) {
        ok = true; /* a header that stops the dissection without an error */
    }
    tw_tree_pop(p);
    return ok;
}

static enum tw_status dissect(struct tw_pkt *p, struct tw_cur *c)
{
    tw_info_clear(p);
    if (!need(c, c->off + 17, 1)) {
        tw_layer_unrecord(p); /* tshark reads the type before adding its line */
        return c->err == TW_CUR_TRUNCATED ? TW_TRUNCATED : TW_MALFORMED;
    }
    int32_t rec = p->nlayers ? p->layers[p->nlayers - 1].rec : -1;
    inner_shown = false;
    bool ok = dissect_pdu(p, c, c->off, false, true, rec);
    if (!ok && inner_shown) {
        c->err = TW_CUR_OK; /* (shown; the layers below go on, as after tshark's exception) */
        return TW_OK;
    }
    if (!ok) return c->err == TW_CUR_TRUNCATED ? TW_TRUNCATED : TW_MALFORMED;
    c->off = c->end; /* (the rest is NHRP's, shown or not) */
    return TW_OK;
}

static const struct tw_binding bindings[] = {
    {TW_TBL_IP_PROTO, 54},      /* NARP/NHRP; GRE's 0x2001 comes here too (gre.c) */
    {TW_TBL_SNAP, 0x005e0003u}, /* LLC/SNAP, IANA OUI, PID "MARS/NHRP control" */
};

const struct tw_proto tw_proto_nhrp = {
    .abbrev = "nhrp",
    .name = "NBMA Next Hop Resolution Protocol",
    .short_name = "NHRP",
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
