/* Network Time Protocol on UDP 123: the time packet of NTPv1-4 (RFC 5905 section 7.3, with
 * extension fields and the key id/MAC trailer), the control message of mode 6 (RFC 1305
 * appendix B / RFC 9327: header, status word, data) and the private mode 7 of ntpd (header).
 *
 *    0                   1                   2                   3
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |LI | VN  |Mode |    Stratum    |     Poll      |   Precision   |
 *   |                 Root Delay, Root Dispersion (16.16)           |
 *   |                          Reference ID                         |
 *   |   Reference, Origin, Receive, Transmit Timestamps (64 each)   |
 *   |   Extension fields ... / Key Identifier / Message Digest      |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * Not decoded (shown at the header level only): the name=value items of control data, the
 * peer status word, the data items of mode 7, and request/response matching.
 */
#include "../dissect.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static struct tw_proto_ids ids;
#define HF(x) ((uint16_t)(ids.base + (x)))
#define EX(x) ((uint16_t)(ids.expert_base + (x)))

enum {
    F_FLAGS,
    F_LI,
    F_VN,
    F_MODE,
    F_STRATUM,
    F_PPOLL,
    F_PRECISION,
    F_ROOTDELAY,
    F_ROOTDISP,
    F_REFID,
    F_REFTIME,
    F_ORG,
    F_REC,
    F_XMT,
    F_KEYID,
    F_MAC,
    F_PADDING,
    F_EXT,
    F_EXT_TYPE,
    F_EXT_LENGTH,
    F_EXT_VALUE,
    F_C_FLAGS2,
    F_C_R,
    F_C_ERROR,
    F_C_MORE,
    F_C_OPCODE,
    F_C_SEQ,
    F_C_STATUS,
    F_C_SYS_LI,
    F_C_SYS_CLKSRC,
    F_C_SYS_COUNT,
    F_C_SYS_CODE,
    F_C_PS_CONFIG,
    F_C_PS_AUTHENABLE,
    F_C_PS_AUTHENTIC,
    F_C_PS_REACH,
    F_C_PS_BCAST,
    F_C_PS_SELECTION,
    F_C_PS_COUNT,
    F_C_PS_CODE,
    F_C_DATA,
    F_C_ITEM,
    F_C_ASSOCID,
    F_C_OFFSET,
    F_C_COUNT,
    F_P_R,
    F_P_MORE,
    F_P_AUTH_SEQ,
    F_P_AUTH,
    F_P_SEQ,
    F_P_IMPL,
    F_P_REQCODE,
    F_P_ERR,
    F_P_NUMITEMS,
    F_P_RESERVED,
    F_P_ITEMSIZE,
    F_COUNT
};

static const struct tw_vs li_vals[] = {{0, "no warning"},
                                       {1, "last minute of the day has 61 seconds"},
                                       {2, "last minute of the day has 59 seconds"},
                                       {3, "unknown (clock unsynchronized)"},
                                       {0, NULL}};
static const struct tw_vs vn_vals[] = {
    {0, "reserved"},      {1, "NTP Version 1"}, {2, "NTP Version 2"},
    {3, "NTP Version 3"}, {4, "NTP Version 4"}, {5, "reserved"},
    {6, "reserved"},      {7, "reserved"},      {0, NULL}};
static const struct tw_vs mode_vals[] = {{0, "reserved"},
                                         {1, "symmetric active"},
                                         {2, "symmetric passive"},
                                         {3, "client"},
                                         {4, "server"},
                                         {5, "broadcast"},
                                         {6, "reserved for NTP control message"},
                                         {7, "reserved for private use"},
                                         {0, NULL}};
/* the short mode names of the Info column */
static const char *const info_modes[8] = {"reserved", "symmetric active", "symmetric passive",
                                          "client",   "server",           "broadcast",
                                          "control",  "private"};
static const struct tw_rs stratum_vals[] = {
    {0, 0, "unspecified or invalid"}, {1, 1, "primary reference"}, {2, 15, "secondary reference"},
    {16, 16, "unsynchronized"},       {17, 255, "reserved"},       {0, 0, NULL}};
static const struct tw_vs ext_vals[] = {
    {0x0002, "No-Operation Request"},
    {0x0102, "Association Message Request"},
    {0x0104, "Unique Identifier"},
    {0x0202, "Certificate Message Request"},
    {0x0204, "NTS Cookie"},
    {0x0302, "Cookie Message Request"},
    {0x0304, "NTS Cookie Placeholder"},
    {0x0402, "Autokey Message Request"},
    {0x0404, "NTS Authenticator and Encrypted Extension Fields"},
    {0x0502, "Leapseconds Message Request"},
    {0x0602, "Sign Message Request"},
    {0x0702, "IFF Identity Message Request"},
    {0x0802, "GQ Identity Message Request"},
    {0x0902, "MV Identity Message Request"},
    {0x2005, "Checksum Complement"},
    {0x8002, "No-Operation Response"},
    {0x8102, "Association Message Response"},
    {0x8202, "Certificate Message Response"},
    {0x8302, "Cookie Message Response"},
    {0x8402, "Autokey Message Response"},
    {0x8502, "Leapseconds Message Response"},
    {0x8602, "Sign Message Response"},
    {0x8702, "IFF Identity Message Response"},
    {0x8802, "GQ Identity Message Response"},
    {0x8902, "MV Identity Message Response"},
    {0xc002, "No-Operation Error Response"},
    {0xc102, "Association Message Error Response"},
    {0xc202, "Certificate Message Error Response"},
    {0xc302, "Cookie Message Error Response"},
    {0xc402, "Autokey Message Error Response"},
    {0xc502, "Leapseconds Message Error Response"},
    {0xc602, "Sign Message Error Response"},
    {0xc702, "IFF Identity Message Error Response"},
    {0xc802, "GQ Identity Message Error Response"},
    {0xc902, "MV Identity Message Error Response"},
    {0, NULL}};
static const struct tw_vs r_vals[] = {{0, "Request"}, {1, "Response"}, {0, NULL}};
static const struct tw_vs opcode_vals[] = {{0, "reserved"},
                                           {1, "read status"},
                                           {2, "read variables"},
                                           {3, "write variables"},
                                           {4, "read clock variables"},
                                           {5, "write clock variables"},
                                           {6, "set trap address/port"},
                                           {7, "asynchronous message"},
                                           {8, "runtime configuration"},
                                           {9, "save config to file"},
                                           {10, "retrieve MRU (mrulist)"},
                                           {11, "retrieve ordered list"},
                                           {12, "request a client nonce"},
                                           {31, "unset trap address/port"},
                                           {0, NULL}};
static const struct tw_vs clksrc_vals[] = {
    {0, "unspecified or unknown"},
    {1, "Calibrated atomic clock (e.g. HP 5061)"},
    {2, "VLF (band 4) or LF (band 5) radio (e.g. OMEGA, WWVB)"},
    {3, "HF (band 7) radio (e.g. CHU, MSF, WWV/H)"},
    {4, "UHF (band 9) satellite (e.g. GOES, GPS)"},
    {5, "local net (e.g. DCN, TSP, DTS)"},
    {6, "UDP/NTP"},
    {7, "UDP/TIME"},
    {8, "eyeball-and-wristwatch"},
    {9, "telephone modem (e.g. NIST)"},
    {0, NULL}};
static const struct tw_vs syscode_vals[] = {
    {0, "unspecified"},
    {1, "frequency correction (drift) file not available"},
    {2, "frequency correction started (frequency stepped)"},
    {3, "spike detected and ignored, starting stepout timer"},
    {4, "frequency training started"},
    {5, "clock synchronized"},
    {6, "system restart"},
    {7, "panic stop (required step greater than panic threshold)"},
    {8, "no system peer"},
    {9, "leap second insertion/deletion armed"},
    {10, "leap second disarmed"},
    {11, "leap second inserted or deleted"},
    {12, "clock stepped (stepout timer expired)"},
    {13, "kernel loop discipline status changed"},
    {14, "leapseconds table loaded from file"},
    {15, "leapseconds table outdated, updated file needed"},
    {0, NULL}};
static const struct tw_tfs tfs_config = {"configured (peer.config)",
                                         "not configured (peer.config)"};
static const struct tw_tfs tfs_authenable = {"authentication enabled (peer.authenable)",
                                             "authentication disabled (peer.authenable)"};
static const struct tw_tfs tfs_authentic = {"authentication okay (peer.authentic)",
                                            "authentication not okay (peer.authentic)"};
static const struct tw_tfs tfs_reach = {"reachability okay (peer.reach != 0)",
                                        "reachability not okay (peer.reach != 0)"};
static const struct tw_vs sel_vals[] = {
    {0, "rejected"},
    {1, "passed sanity checks (tests 1 through 8 in Section 3.4.3)"},
    {2, "passed correctness checks (intersection algorithm in Section 4.2.1)"},
    {3, "passed candidate checks (if limit check implemented)"},
    {4, "passed outlier checks (clustering algorithm in Section 4.2.2)"},
    {5, "current synchronization source; max distance exceeded (if limit check implemented)"},
    {6, "current synchronization source; max distance okay"},
    {7, "reserved"},
    {0, NULL}};
static const struct tw_vs peercode_vals[] = {
    {0, "unspecified"},
    {1, "association mobilized"},
    {2, "association demobilized"},
    {3, "peer unreachable (peer.reach was nonzero now zero)"},
    {4, "peer reachable (peer.reach was zero now nonzero)"},
    {5, "association restarted or timed out"},
    {6, "no server found (ntpdate mode)"},
    {7, "rate exceeded (kiss code RATE)"},
    {8, "access denied (kiss code DENY)"},
    {9, "leap armed from server LI code"},
    {10, "become system peer"},
    {11, "reference clock event (see clock status word)"},
    {12, "authentication failure"},
    {13, "popcorn spike suppressor"},
    {14, "entering interleave mode"},
    {15, "interleave error (recovered)"},
    {0, NULL}};
static const struct tw_vs impl_vals[] = {
    {0, "UNIV"}, {2, "XNTPD_OLD (pre-IPv6)"}, {3, "XNTPD"}, {0, NULL}};
static const char *const reqcodes[] = {
    "PEER_LIST",       "PEER_LIST_SUM", "PEER_INFO",     "PEER_STATS",       "SYS_INFO",
    "SYS_STATS",       "IO_STATS",      "MEM_STATS",     "LOOP_INFO",        "TIMER_STATS",
    "CONFIG",          "UNCONFIG",      "SET_SYS_FLAG",  "CLR_SYS_FLAG",     "MONITOR",
    "NOMONITOR",       "GET_RESTRICT",  "RESADDFLAGS",   "RESSUBFLAGS",      "UNRESTRICT",
    "MON_GETLIST",     "RESET_STATS",   "RESET_PEER",    "REREAD_KEYS",      "DO_DIRTY_HACK",
    "DONT_DIRTY_HACK", "TRUSTKEY",      "UNTRUSTKEY",    "AUTHINFO",         "TRAPS",
    "ADD_TRAP",        "CLR_TRAP",      "REQUEST_KEY",   "CONTROL_KEY",      "GET_CTLSTATS",
    "GET_LEAPINFO",    "GET_CLOCKINFO", "SET_CLKFUDGE",  "GET_KERNEL",       "GET_CLKBUGINFO",
    "UNUSED_40",       "SET_PRECISION", "MON_GETLIST_1", "HOSTNAME_ASSOCID", "IF_STATS",
    "IF_RELOAD"};
static struct tw_vs reqcode_vals[TW_ARRAY_LEN(reqcodes) + 1];
static const struct tw_vs err_vals[] = {{0, "No error"},
                                        {1, "incompatible implementation number"},
                                        {2, "unimplemented request code"},
                                        {3, "format error"},
                                        {4, "no data available"},
                                        {5, "unknown"},
                                        {6, "unknown"},
                                        {7, "authentication failure"},
                                        {0, NULL}};

static const struct tw_field_def fields[F_COUNT] = {
    [F_FLAGS] = {"ntp.flags", "Flags", TW_FT_UINT8, TW_BASE_HEX, 0, NULL, NULL, NULL,
                 "Flags (Leap/Version/Mode)"},
    [F_LI] = {"ntp.flags.li", "Leap Indicator", TW_FT_UINT8, TW_BASE_DEC, 0xc0, li_vals, NULL, NULL,
              "Warning of an impending leap second to be inserted or deleted in the last minute "
              "of the current month"},
    [F_VN] = {"ntp.flags.vn", "Version number", TW_FT_UINT8, TW_BASE_DEC, 0x38, vn_vals},
    [F_MODE] = {"ntp.flags.mode", "Mode", TW_FT_UINT8, TW_BASE_DEC, 0x07, mode_vals},
    [F_STRATUM] = {"ntp.stratum", "Peer Clock Stratum", TW_FT_UINT8, TW_BASE_DEC, 0, NULL,
                   stratum_vals},
    [F_PPOLL] = {"ntp.ppoll", "Peer Polling Interval", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL,
                 NULL, "Maximum interval between successive messages"},
    [F_PRECISION] = {"ntp.precision", "Peer Clock Precision", TW_FT_UINT8, TW_BASE_DEC, 0, NULL,
                     NULL, NULL, "The precision of the system clock"},
    [F_ROOTDELAY] = {"ntp.rootdelay", "Root Delay", TW_FT_UINT32, TW_BASE_DEC, 0, NULL, NULL, NULL,
                     "Total round-trip delay to the reference clock"},
    [F_ROOTDISP] = {"ntp.rootdispersion", "Root Dispersion", TW_FT_UINT32, TW_BASE_DEC, 0, NULL,
                    NULL, NULL, "Total dispersion to the reference clock"},
    [F_REFID] = {"ntp.refid", "Reference ID", TW_FT_BYTES, TW_BASE_NONE, 0, NULL, NULL, NULL,
                 "Particular server or reference clock being used"},
    [F_REFTIME] = {"ntp.reftime", "Reference Timestamp", TW_FT_ABSOLUTE_TIME, TW_ABSTIME_UTC, 0,
                   NULL, NULL, NULL, "Time when the system clock was last set or corrected"},
    [F_ORG] = {"ntp.org", "Origin Timestamp", TW_FT_ABSOLUTE_TIME, TW_ABSTIME_UTC, 0, NULL, NULL,
               NULL, "Time at the client when the request departed for the server"},
    [F_REC] = {"ntp.rec", "Receive Timestamp", TW_FT_ABSOLUTE_TIME, TW_ABSTIME_UTC, 0, NULL, NULL,
               NULL, "Time at the server when the request arrived from the client"},
    [F_XMT] = {"ntp.xmt", "Transmit Timestamp", TW_FT_ABSOLUTE_TIME, TW_ABSTIME_UTC, 0, NULL, NULL,
               NULL, "Time at the server when the response left for the client"},
    [F_KEYID] = {"ntp.keyid", "Key ID", TW_FT_BYTES},
    [F_MAC] = {"ntp.mac", "Message Authentication Code", TW_FT_BYTES},
    [F_PADDING] = {"ntp.padding", "Padding", TW_FT_BYTES},
    [F_EXT] = {"ntp.ext", "Extension", TW_FT_NONE},
    [F_EXT_TYPE] = {"ntp.ext.type", "Field Type", TW_FT_UINT16, TW_BASE_HEX, 0, ext_vals},
    [F_EXT_LENGTH] = {"ntp.ext.length", "Length", TW_FT_UINT16, TW_BASE_DEC, 0, NULL, NULL, NULL,
                      "Entire extension length including padding"},
    [F_EXT_VALUE] = {"ntp.ext.value", "Value", TW_FT_BYTES, TW_BASE_NONE, 0, NULL, NULL, NULL,
                     "Type-specific value"},
    [F_C_FLAGS2] = {"ntp.ctrl.flags2", "Flags 2", TW_FT_UINT8, TW_BASE_HEX, 0, NULL, NULL, NULL,
                    "Flags (Response/Error/More/Opcode)"},
    [F_C_R] = {"ntp.ctrl.flags2.r", "Response bit", TW_FT_UINT8, TW_BASE_DEC, 0x80, r_vals},
    [F_C_ERROR] = {"ntp.ctrl.flags2.error", "Error bit", TW_FT_UINT8, TW_BASE_DEC, 0x40},
    [F_C_MORE] = {"ntp.ctrl.flags2.more", "More bit", TW_FT_UINT8, TW_BASE_DEC, 0x20},
    [F_C_OPCODE] = {"ntp.ctrl.flags2.opcode", "Opcode", TW_FT_UINT8, TW_BASE_DEC, 0x1f,
                    opcode_vals},
    [F_C_SEQ] = {"ntp.ctrl.sequence", "Sequence", TW_FT_UINT16, TW_BASE_DEC},
    [F_C_STATUS] = {"ntp.ctrl.status", "Status", TW_FT_UINT16, TW_BASE_HEX},
    [F_C_SYS_LI] = {"ntp.ctrl.sys_status.li", "Leap Indicator", TW_FT_UINT16, TW_BASE_DEC, 0xc000,
                    li_vals},
    [F_C_SYS_CLKSRC] = {"ntp.ctrl.sys_status.clksrc", "Clock Source", TW_FT_UINT16, TW_BASE_DEC,
                        0x3f00, clksrc_vals},
    [F_C_SYS_COUNT] = {"ntp.ctrl.sys_status.count", "System Event Counter", TW_FT_UINT16,
                       TW_BASE_DEC, 0xf0},
    [F_C_SYS_CODE] = {"ntp.ctrl.sys_status.code", "System Event Code", TW_FT_UINT16, TW_BASE_DEC,
                      0x0f, syscode_vals},
    [F_C_PS_CONFIG] = {"ntp.ctrl.peer_status.config", "Peer Status", TW_FT_BOOLEAN, 16, 0x8000,
                       NULL, NULL, &tfs_config},
    [F_C_PS_AUTHENABLE] = {"ntp.ctrl.peer_status.authenable", "Peer Status", TW_FT_BOOLEAN, 16,
                           0x4000, NULL, NULL, &tfs_authenable},
    [F_C_PS_AUTHENTIC] = {"ntp.ctrl.peer_status.authentic", "Peer Status", TW_FT_BOOLEAN, 16,
                          0x2000, NULL, NULL, &tfs_authentic},
    [F_C_PS_REACH] = {"ntp.ctrl.peer_status.reach", "Peer Status", TW_FT_BOOLEAN, 16, 0x1000, NULL,
                      NULL, &tfs_reach},
    [F_C_PS_BCAST] = {"ntp.ctrl.peer_status.bcast", "Peer Status broadcast association",
                      TW_FT_BOOLEAN, 16, 0x0800, NULL, NULL, &tw_tfs_set_notset},
    [F_C_PS_SELECTION] = {"ntp.ctrl.peer_status.selection", "Peer Selection", TW_FT_UINT16,
                          TW_BASE_DEC, 0x0700, sel_vals},
    [F_C_PS_COUNT] = {"ntp.ctrl.peer_status.count", "Peer Event Counter", TW_FT_UINT16, TW_BASE_DEC,
                      0x00f0},
    [F_C_PS_CODE] = {"ntp.ctrl.peer_status.code", "Peer Event Code", TW_FT_UINT16, TW_BASE_DEC,
                     0x000f, peercode_vals},
    [F_C_DATA] = {"ntp.ctrl.data", "Data", TW_FT_NONE},
    [F_C_ITEM] = {"ntp.ctrl.item", "Item", TW_FT_NONE},
    [F_C_ASSOCID] = {"ntp.ctrl.associd", "AssociationID", TW_FT_UINT16, TW_BASE_DEC},
    [F_C_OFFSET] = {"ntp.ctrl.offset", "Offset", TW_FT_UINT16, TW_BASE_DEC},
    [F_C_COUNT] = {"ntp.ctrl.count", "Count", TW_FT_UINT16, TW_BASE_DEC},
    [F_P_R] = {"ntp.priv.flags.r", "Response bit", TW_FT_UINT8, TW_BASE_DEC, 0x80, r_vals},
    [F_P_MORE] = {"ntp.priv.flags.more", "More bit", TW_FT_UINT8, TW_BASE_DEC, 0x40},
    [F_P_AUTH_SEQ] = {"ntp.priv.auth_seq", "Auth, sequence", TW_FT_UINT8, TW_BASE_DEC, 0, NULL,
                      NULL, NULL, "Auth bit, sequence number"},
    [F_P_AUTH] = {"ntp.priv.auth", "Auth bit", TW_FT_UINT8, TW_BASE_DEC, 0x80},
    [F_P_SEQ] = {"ntp.priv.seq", "Sequence number", TW_FT_UINT8, TW_BASE_DEC, 0x7f},
    [F_P_IMPL] = {"ntp.priv.impl", "Implementation", TW_FT_UINT8, TW_BASE_DEC, 0, impl_vals},
    [F_P_REQCODE] = {"ntp.priv.reqcode", "Request code", TW_FT_UINT8, TW_BASE_DEC, 0, reqcode_vals},
    [F_P_ERR] = {"ntp.priv.err", "Err", TW_FT_UINT8, TW_BASE_HEX, 0, err_vals},
    [F_P_NUMITEMS] = {"ntp.priv.numitems", "Number of data items", TW_FT_UINT16, TW_BASE_DEC},
    [F_P_RESERVED] = {"ntp.priv.reserved", "Reserved", TW_FT_UINT8, TW_BASE_HEX},
    [F_P_ITEMSIZE] = {"ntp.priv.itemsize", "Size of data item", TW_FT_UINT16, TW_BASE_DEC},
};

enum { E_EXT_LEN, E_COUNT };
static const struct tw_expert_def experts[E_COUNT] = {
    [E_EXT_LEN] = {"ntp.ext.invalid_length", "decoder.ntp.ext_invalid_length", TW_SEV_WARN,
                   TW_GRP_PROTOCOL, "Extension invalid length"},
};

static void ntp_init(void)
{
    for (size_t i = 0; i < TW_ARRAY_LEN(reqcodes); i++)
        reqcode_vals[i] = (struct tw_vs){(uint32_t)i, reqcodes[i]};
}

/* a bitmask parent: "Name: 0x.., Child: value-string, ..." for the children with names */
static int32_t add_bitmask(struct tw_pkt *p, int parent, const int *kids, int nk, uint32_t off,
                           uint32_t len, uint32_t v, int hexw)
{
    int32_t r = tw_add_uint(p, HF(parent), off, len, v);
    if (r >= 0 && tw_want_labels(p)) {
        char lab[512];
        int n = hexw ? snprintf(lab, sizeof lab, "%s: 0x%0*x", fields[parent].name, hexw, v)
                     : snprintf(lab, sizeof lab, "%s: %u", fields[parent].name, v);
        for (int i = 0; i < nk && n > 0 && (size_t)n < sizeof lab; i++) {
            const struct tw_field_def *d = &fields[kids[i]];
            if (d->type == TW_FT_BOOLEAN) {
                if (v & d->mask) n += snprintf(lab + n, sizeof lab - (size_t)n, ", %s", d->name);
                continue;
            }
            if (!d->vals) continue;
            uint32_t kv = (uint32_t)((v & d->mask) >> __builtin_ctzll(d->mask));
            const char *s = tw_vs_find(d->vals, kv);
            n += snprintf(lab + n, sizeof lab - (size_t)n, ", %s: %s", d->name, s ? s : "Unknown");
        }
        tw_rec_label(p, r, "%s", lab);
    }
    tw_tree_push(p, r);
    for (int i = 0; i < nk; i++) tw_add_bits(p, HF(kids[i]), off, len, v);
    tw_tree_pop(p);
    return r;
}

/* NTP timestamp (seconds since 1900 and a binary fraction) as Wireshark's absolute time */
static void add_ntp_time(struct tw_pkt *p, int f, const uint8_t *b, uint32_t off)
{
    uint32_t s = (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
    uint32_t fr = (uint32_t)b[4] << 24 | (uint32_t)b[5] << 16 | (uint32_t)b[6] << 8 | b[7];
    struct tw_time t;
    if (s == 0 && fr == 0) {
        t.sec = 0;
        t.nsec = TW_TIME_UNSET_NSEC;
    } else {
        /* era 0 before 1968-01-20 counts as era 1 (RFC 4330 section 3) */
        int64_t secs = (int64_t)s - 2208988800LL;
        if (!(s & 0x80000000u)) secs += 4294967296LL;
        t.sec = secs;
        t.nsec = (int32_t)(((uint64_t)fr * 1000000000ULL) >> 32);
    }
    tw_add_time(p, HF(f), off, 8, t);
}

static uint32_t be32(const uint8_t *b)
{
    return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

static void dissect_std(struct tw_pkt *p, struct tw_cur *c, uint32_t start, uint8_t flags)
{
    static const int kids[] = {F_LI, F_VN, F_MODE};
    add_bitmask(p, F_FLAGS, kids, 3, start, 1, flags, 2);
    /* fields are added as far as the bytes go (a datagram quoted in an ICMP error is cut) */
    const uint8_t *b = c->data + c->off;
    const uint32_t have = tw_cur_avail(c);
    struct tw_cur t = *c;
    tw_cur_skip(&t, 47);
    uint8_t stratum = have >= 1 ? b[0] : 0;
    if (have >= 1) tw_add_uint(p, HF(F_STRATUM), start + 1, 1, stratum);
    if (have >= 2) {
        uint8_t ppoll = b[1];
        int32_t r = tw_add_uint(p, HF(F_PPOLL), start + 2, 1, ppoll);
        if (ppoll >= 4 && ppoll <= 17)
            tw_rec_label(p, r, "Peer Polling Interval: %u (%u seconds)", ppoll, 1u << ppoll);
        else
            tw_rec_label(p, r, "Peer Polling Interval: invalid (%u)", ppoll);
    }
    if (have >= 3) {
        int32_t r = tw_add_uint(p, HF(F_PRECISION), start + 3, 1, b[2]);
        tw_rec_label(p, r, "Peer Clock Precision: %8.6f seconds", ldexp(1.0, (int8_t)b[2]));
    }
    if (have >= 7) {
        uint32_t rd = be32(b + 3);
        int32_t r = tw_add_uint(p, HF(F_ROOTDELAY), start + 4, 4, rd);
        tw_rec_label(p, r, "Root Delay: %8.6f seconds", rd / 65536.0);
    }
    if (have >= 11) {
        uint32_t rdisp = be32(b + 7);
        int32_t r = tw_add_uint(p, HF(F_ROOTDISP), start + 8, 4, rdisp);
        tw_rec_label(p, r, "Root Dispersion: %8.6f seconds", rdisp / 65536.0);
    }
    if (have >= 15) {
        int32_t r = tw_add_ptr(p, HF(F_REFID), start + 12, 4, b + 11, 4);
        static const struct {
            char id[5];
            const char *name;
        } primary[] = {{"", "NULL"}, {"GPS", "Global Position System"}};
        const char *pn = NULL;
        for (size_t i = 0; stratum <= 1 && i < TW_ARRAY_LEN(primary); i++)
            if (!memcmp(b + 11, primary[i].id, 4)) pn = primary[i].name;
        if (pn) {
            tw_rec_label(p, r, "Reference ID: %s", pn);
        } else if (stratum <= 1) {
            char id[5];
            int k = 0;
            for (; k < 4 && b[11 + k]; k++) id[k] = b[11 + k] < 0x80 ? (char)b[11 + k] : '?';
            id[k] = 0;
            tw_rec_label(p, r, "Reference ID: Unidentified reference source '%s'", id);
        } else {
            tw_rec_label(p, r, "Reference ID: %u.%u.%u.%u", b[11], b[12], b[13], b[14]);
        }
    }
    static const int ts[4] = {F_REFTIME, F_ORG, F_REC, F_XMT};
    for (uint32_t k = 0; k < 4 && have >= 23 + 8 * k; k++)
        add_ntp_time(p, ts[k], b + 15 + 8 * k, start + 16 + 8 * k);
    if (have < 47) {
        c->err = t.err;
        return;
    }
    c->off += 47;

    /* NTPv4 extension fields while more than the largest MAC (24 bytes) is left */
    uint32_t off = start + 48;
    while (((flags >> 3) & 7) == 4 && c->end > off && c->end - off > 24) {
        struct tw_cur e = *c;
        e.off = off;
        uint16_t type = tw_cur_u16(&e), elen = tw_cur_u16(&e);
        if (e.err) {
            c->err = e.err;
            return;
        }
        int32_t er = tw_add_rec(p, HF(F_EXT), off, elen);
        if (!tw_want(p, HF(F_EXT))) er = -1;
        tw_tree_push(p, er);
        tw_add_uint(p, HF(F_EXT_TYPE), off, 2, type);
        int32_t lr = tw_add_uint(p, HF(F_EXT_LENGTH), off + 2, 2, elen);
        if (elen < 8 || (elen & 3)) {
            tw_tree_push(p, lr);
            tw_expert(p, EX(E_EXT_LEN), off + 2, 2, NULL);
            tw_tree_pop(p);
            tw_tree_pop(p);
            return;
        }
        const uint8_t *v = tw_cur_bytes(&e, elen - 4u);
        if (v) tw_add_ptr(p, HF(F_EXT_VALUE), off + 4, elen - 4u, v, elen - 4u);
        tw_tree_pop(p);
        if (e.err) {
            c->err = e.err;
            return;
        }
        off += elen;
    }
    struct tw_cur m = *c;
    m.off = off;
    if (c->end >= off + 4) {
        const uint8_t *k = tw_cur_bytes(&m, 4);
        if (!k) {
            c->err = m.err;
            return;
        }
        tw_add_ptr(p, HF(F_KEYID), off, 4, k, 4);
    }
    off += 4;
    if (c->end > off) {
        uint32_t n = c->end - off;
        const uint8_t *k = tw_cur_bytes(&m, n);
        if (!k) {
            c->err = m.err;
            return;
        }
        tw_add_ptr(p, HF(F_MAC), off, n, k, n);
    }
}

static void dissect_ctrl(struct tw_pkt *p, struct tw_cur *c, uint32_t start, uint8_t flags)
{
    static const int kids[] = {F_LI, F_VN, F_MODE};
    static const int kids2[] = {F_C_R, F_C_ERROR, F_C_MORE, F_C_OPCODE};
    static const int syskids[] = {F_C_SYS_LI, F_C_SYS_CLKSRC, F_C_SYS_COUNT, F_C_SYS_CODE};
    static const int peerkids[] = {F_C_PS_CONFIG, F_C_PS_AUTHENABLE, F_C_PS_AUTHENTIC, F_C_PS_REACH,
                                   F_C_PS_BCAST,  F_C_PS_SELECTION,  F_C_PS_COUNT,     F_C_PS_CODE};
    add_bitmask(p, F_FLAGS, kids, 3, start, 1, flags, 2);
    uint8_t f2 = tw_cur_u8(c);
    if (c->err) return;
    add_bitmask(p, F_C_FLAGS2, kids2, 4, start + 1, 1, f2, 2);
    const uint8_t *b = tw_cur_bytes(c, 10);
    if (!b) return;
    tw_add_uint(p, HF(F_C_SEQ), start + 2, 2, (uint32_t)b[0] << 8 | b[1]);
    uint16_t status = (uint16_t)(b[2] << 8 | b[3]), associd = (uint16_t)(b[4] << 8 | b[5]);
    uint8_t op = f2 & 0x1f;
    if ((f2 & 0x80) && !(f2 & 0x40) && associd == 0 && (op == 1 || op == 2 || op == 3 || op == 7))
        add_bitmask(p, F_C_STATUS, syskids, 4, start + 4, 2, status, 4);
    else if ((f2 & 0x80) && !(f2 & 0x40) && (op == 1 || op == 2 || op == 3 || op == 7))
        add_bitmask(p, F_C_STATUS, peerkids, 8, start + 4, 2, status, 4);
    else
        tw_add_uint(p, HF(F_C_STATUS), start + 4, 2, status);
    tw_add_uint(p, HF(F_C_ASSOCID), start + 6, 2, associd);
    tw_add_uint(p, HF(F_C_OFFSET), start + 8, 2, (uint32_t)b[6] << 8 | b[7]);
    uint16_t count = (uint16_t)(b[8] << 8 | b[9]);
    tw_add_uint(p, HF(F_C_COUNT), start + 10, 2, count);
    if (count) {
        if (c->end < start + 12u + count) {
            tw_cur_skip(c, count);
            return;
        }
        int32_t dr = tw_want(p, HF(F_C_DATA)) ? tw_add_rec(p, HF(F_C_DATA), start + 12, count) : -1;
        if (op == 1 && associd == 0) {
            /* read status of all associations: (association id, peer status word) pairs */
            for (uint32_t o = start + 12; o + 4 <= start + 12u + count; o += 4) {
                const uint8_t *it = c->data + o;
                tw_tree_push(p, dr);
                int32_t ir = tw_want(p, HF(F_C_ITEM)) ? tw_add_rec(p, HF(F_C_ITEM), o, 4) : -1;
                tw_tree_push(p, ir);
                tw_add_uint(p, HF(F_C_ASSOCID), o, 2, (uint32_t)it[0] << 8 | it[1]);
                tw_tree_pop(p);
                tw_tree_pop(p);
                add_bitmask(p, F_C_STATUS, peerkids, 8, o + 2, 2, (uint32_t)it[2] << 8 | it[3], 4);
            }
        }
    }
}

static void dissect_priv(struct tw_pkt *p, struct tw_cur *c, uint32_t start, uint8_t flags)
{
    static const int kids[] = {F_P_R, F_P_MORE, F_VN, F_MODE};
    static const int akids[] = {F_P_AUTH, F_P_SEQ};
    add_bitmask(p, F_FLAGS, kids, 4, start, 1, flags, 2);
    uint8_t as = tw_cur_u8(c);
    if (c->err) return;
    add_bitmask(p, F_P_AUTH_SEQ, akids, 2, start + 1, 1, as, 0);
    uint8_t impl = tw_cur_u8(c);
    if (c->err) return;
    tw_add_uint(p, HF(F_P_IMPL), start + 2, 1, impl);
    uint8_t rc = tw_cur_u8(c);
    if (c->err) return;
    tw_add_uint(p, HF(F_P_REQCODE), start + 3, 1, rc);
    const char *rs = rc < TW_ARRAY_LEN(reqcodes) ? reqcodes[rc] : "Unknown";
    tw_info_printf(p, ", %s, %s", (flags & 0x80) ? "Response" : "Request", rs);
    const uint8_t *b = tw_cur_bytes(c, 4);
    if (!b) return;
    uint8_t err = b[0] >> 4;
    uint16_t nitems = (uint16_t)((b[0] & 0x0f) << 8 | b[1]);
    uint8_t res = b[2] >> 4;
    uint16_t isize = (uint16_t)((b[2] & 0x0f) << 8 | b[3]);
    int32_t r = tw_add_uint(p, HF(F_P_ERR), start + 4, 1, err);
    if (r >= 0 && tw_want_labels(p)) {
        const char *es = tw_vs_find(err_vals, err);
        tw_rec_label(p, r, "%c%c%c%c .... = Err: %s (0x%02x)", '0' + (err >> 3 & 1),
                     '0' + (err >> 2 & 1), '0' + (err >> 1 & 1), '0' + (err & 1),
                     es ? es : "Unknown", err);
    }
    r = tw_add_uint(p, HF(F_P_NUMITEMS), start + 4, 2, nitems);
    if (r >= 0 && tw_want_labels(p)) {
        char bits[32];
        int k = 0;
        for (int i = 11; i >= 0; i--) {
            bits[k++] = (char)('0' + (nitems >> i & 1));
            if (i == 8)
                bits[k++] = ' ', bits[k++] = ' ';
            else if (i == 4)
                bits[k++] = ' ';
        }
        bits[k] = 0;
        tw_rec_label(p, r, ".... %s = Number of data items: %u", bits, nitems);
    }
    r = tw_add_uint(p, HF(F_P_RESERVED), start + 6, 1, res);
    if (r >= 0 && tw_want_labels(p))
        tw_rec_label(p, r, "%c%c%c%c .... = Reserved: 0x%02x", '0' + (res >> 3 & 1),
                     '0' + (res >> 2 & 1), '0' + (res >> 1 & 1), '0' + (res & 1), res);
    r = tw_add_uint(p, HF(F_P_ITEMSIZE), start + 6, 2, isize);
    if (r >= 0 && tw_want_labels(p)) {
        char bits[32];
        int k = 0;
        for (int i = 11; i >= 0; i--) {
            bits[k++] = (char)('0' + (isize >> i & 1));
            if (i == 8)
                bits[k++] = ' ', bits[k++] = ' ';
            else if (i == 4)
                bits[k++] = ' ';
        }
        bits[k] = 0;
        tw_rec_label(p, r, ".... %s = Size of data item: %u", bits, isize);
    }
}

static enum tw_status dissect(struct tw_pkt *p, struct tw_cur *c)
{
    const uint32_t start = c->off;
    tw_info_clear(p);
    uint8_t flags = tw_cur_u8(c);
    if (c->err) return TW_OK;
    uint8_t vn = (flags >> 3) & 7, mode = flags & 7;
    tw_info_printf(p, "NTP Version %u, %s", vn, info_modes[mode]);
    tw_layer_label(p, "Network Time Protocol (NTP Version %u, %s)", vn, info_modes[mode]);
    if (mode == 6)
        dissect_ctrl(p, c, start, flags);
    else if (mode == 7)
        dissect_priv(p, c, start, flags);
    else
        dissect_std(p, c, start, flags);
    return TW_OK;
}

static const struct tw_binding bindings[] = {{TW_TBL_UDP_PORT, 123}};

const struct tw_proto tw_proto_ntp = {
    .abbrev = "ntp",
    .name = "Network Time Protocol",
    .short_name = "NTP",
    .fields = fields,
    .nfields = F_COUNT,
    .experts = experts,
    .nexperts = E_COUNT,
    .bindings = bindings,
    .nbindings = TW_ARRAY_LEN(bindings),
    .dissect = dissect,
    .init = ntp_init,
    .ids = &ids,
};
