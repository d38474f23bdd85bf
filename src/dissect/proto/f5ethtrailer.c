/* F5 Ethernet trailer: what an F5 BIG-IP appends to the frames its tcpdump captures ("noise":
 * direction, slot, TMM, flow ids, peer flow), run by tshark 4.0 as a heuristic on every
 * Ethernet trailer. No public specification: the formats are those Wireshark's
 * packet-f5ethtrailer.c decodes, the labels and the heuristic those tshark 4.0.17 shows.
 *
 * Legacy (BIG-IP 9.4 - 13.x), one or more TLVs back to back:
 *   +------+--------+---------+-----------------------------------+
 *   | type | length | version | value (length - 1 bytes)          |   type 1 low, 2 medium, 3 high
 *   +------+--------+---------+-----------------------------------+   (total = length + 2)
 * DPT (BIG-IP 14+):
 *   +--------------------+------------+-------------+---------------------------------+
 *   | magic f5 de b0 f5  | length (2) | version (2) | TLVs: provider(2) type(2)       |
 *   +--------------------+------------+-------------+   length(2) version(2) value... |
 *
 * Where the trailer starts (tshark 4.0 with its default "walk trailer" preference off): after
 * the zero bytes that open it (padding); the first non-zero byte must begin a trailer. When at
 * least 8 zero bytes precede it, tshark's dissector reads 8 bytes there before anything else,
 * so a candidate of exactly 7 bytes after such a run ends in an exception ("[Malformed Packet:
 * F5 Ethernet trailer]") with no tree item; that is reproduced here as observed. A DPT trailer
 * comes first (possibly after the frame's 4-byte original FCS) and nothing is looked for after
 * it; legacy trailers follow each other until one does not fit. A legacy header that passes the
 * common checks but not its type's leaves an empty "... Details" item, and (when it is the
 * first) tshark does not take the trailer: the layer is then hidden from frame.protocols.
 * Not decoded (shown as "Unknown trailer"): the TLS provider and DPT low noise versions
 * other than 2 and 3.
 */
#include "../dissect.h"
#include "../internal.h"

#include <stdio.h>
#include <string.h>

static struct tw_proto_ids ids;
#define HF(x) ((uint16_t)(ids.base + (x)))
#define EX(x) ((uint16_t)(ids.expert_base + (x)))

enum {
    F_HDR,
    F_PROVIDER,
    F_TYPE,
    F_LENGTH,
    F_VERSION,
    F_UNKNOWN,
    F_DATA,
    F_ORIG_FCS,
    F_LOW,
    F_FLAGS,
    F_FLAGS_INGRESS,
    F_FLAGS_HWACTION,
    F_INGRESS,
    F_SLOT0,
    F_SLOT1,
    F_TMM,
    F_VIPNAMELEN,
    F_VIP,
    F_MED,
    F_ANYFLOW,
    F_FLOWID,
    F_PEERID,
    F_CFFLAGS,
    F_CFFLAGS2,
    F_FLOWTYPE,
    F_HAUNIT,
    F_RESERVED,
    F_PRIORITY,
    F_RSTCAUSE,
    F_RSTCAUSELEN,
    F_RSTCAUSEVER,
    F_RSTCAUSEPEER,
    F_RSTCAUSEVAL,
    F_RSTCAUSELINE,
    F_RSTCAUSETXT,
    F_HIGH,
    F_PEERIPPROTO,
    F_PEERVLAN,
    F_PEERREMOTEADDR,
    F_PEERREMOTEADDR6,
    F_PEERLOCALADDR,
    F_PEERLOCALADDR6,
    F_PEERADDR,
    F_PEERADDR6,
    F_PEERREMOTERTDOM,
    F_PEERLOCALRTDOM,
    F_PEERRTDOM,
    F_PEERREMOTEPORT,
    F_PEERLOCALPORT,
    F_PEERPORT,
    F_NOPEER,
    F_DPT_MAGIC,
    F_DPT_VERSION,
    F_DPT_LENGTH,
    F_COUNT
};

static const struct tw_vs ingress_vals[] = {{0, "Out"}, {1, "In"}, {0, NULL}};
static const struct tw_vs hwaction_vals[] = {
    {0, "Not set"}, {1, "Challenge"}, {2, "Drop"}, {3, "Forward"}, {0, NULL}};

static const struct tw_field_def fields[F_COUNT] = {
    [F_HDR] = {"f5ethtrailer.header", "F5 Trailer Header", TW_FT_NONE},
    [F_PROVIDER] = {"f5ethtrailer.provider", "Provider", TW_FT_UINT16, TW_BASE_DEC},
    [F_TYPE] = {"f5ethtrailer.type", "Type", TW_FT_UINT16, TW_BASE_DEC},
    [F_LENGTH] = {"f5ethtrailer.length", "Trailer length", TW_FT_UINT16, TW_BASE_DEC},
    [F_VERSION] = {"f5ethtrailer.version", "Version", TW_FT_UINT16, TW_BASE_DEC},
    [F_UNKNOWN] = {"f5ethtrailer.unknown_trailer", "Unknown trailer", TW_FT_NONE},
    [F_DATA] = {"f5ethtrailer.data", "Data", TW_FT_BYTES, TW_BASE_SEP_SPACE},
    [F_ORIG_FCS] = {"f5ethtrailer.orig_fcs", "Original FCS", TW_FT_UINT32, TW_BASE_HEX},
    [F_LOW] = {"f5ethtrailer.low", "Low Details", TW_FT_NONE},
    [F_FLAGS] = {"f5ethtrailer.flags", "Flags", TW_FT_UINT8, TW_BASE_HEX},
    [F_FLAGS_INGRESS] = {"f5ethtrailer.flags.ingress", "Ingress", TW_FT_UINT8, TW_BASE_DEC, 0x01,
                         ingress_vals},
    [F_FLAGS_HWACTION] = {"f5ethtrailer.flags.hwaction", "Hardware Action", TW_FT_UINT8,
                          TW_BASE_DEC, 0x06, hwaction_vals},
    [F_INGRESS] = {"f5ethtrailer.ingress", "Ingress", TW_FT_BOOLEAN, 0},
    [F_SLOT0] = {"f5ethtrailer.slot", "Slot (0-based)", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL,
                 NULL, "Slot captured on"},
    [F_SLOT1] = {"f5ethtrailer.slot", "Slot (1-based)", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL,
                 NULL, "Slot captured on"},
    [F_TMM] = {"f5ethtrailer.tmm", "TMM (0-based)", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL, NULL,
               "TMM captured on"},
    [F_VIPNAMELEN] = {"f5ethtrailer.vipnamelen", "Length", TW_FT_UINT8, TW_BASE_DEC},
    [F_VIP] = {"f5ethtrailer.vip", "Name", TW_FT_STRING, TW_BASE_NONE, 0, NULL, NULL, NULL,
               "VIP flow associated with"},
    [F_MED] = {"f5ethtrailer.medium", "Medium Details", TW_FT_NONE},
    [F_ANYFLOW] = {"f5ethtrailer.anyflowid", "Flow ID or peer flow ID", TW_FT_UINT64, TW_BASE_HEX},
    [F_FLOWID] = {"f5ethtrailer.flowid", "Flow ID", TW_FT_UINT64, TW_BASE_HEX},
    [F_PEERID] = {"f5ethtrailer.peerid", "Peer ID", TW_FT_UINT64, TW_BASE_HEX},
    [F_CFFLAGS] = {"f5ethtrailer.cfflags", "Connflow Flags", TW_FT_UINT32, TW_BASE_HEX},
    [F_CFFLAGS2] = {"f5ethtrailer.cfflags2", "Connflow Flags High Bits", TW_FT_UINT32, TW_BASE_HEX},
    [F_FLOWTYPE] = {"f5ethtrailer.flowtype", "Flow Type", TW_FT_UINT8, TW_BASE_HEX},
    [F_HAUNIT] = {"f5ethtrailer.haunit", "HA Unit", TW_FT_UINT8, TW_BASE_HEX},
    [F_RESERVED] = {"f5ethtrailer.reserved", "Reserved", TW_FT_UINT32, TW_BASE_HEX},
    [F_PRIORITY] = {"f5ethtrailer.priority", "Priority", TW_FT_UINT8, TW_BASE_DEC},
    [F_RSTCAUSE] = {"f5ethtrailer.rstcause", "RST cause", TW_FT_NONE},
    [F_RSTCAUSELEN] = {"f5ethtrailer.rstcauselen", "Length", TW_FT_UINT8, TW_BASE_DEC, 0, NULL,
                       NULL, NULL, "RST cause length"},
    [F_RSTCAUSEVER] = {"f5ethtrailer.rstcausever", "Version", TW_FT_UINT8, TW_BASE_DEC_HEX, 0xfe,
                       NULL, NULL, NULL, "RST cause version"},
    [F_RSTCAUSEPEER] = {"f5ethtrailer.rstcausepeer", "Peer", TW_FT_UINT8, TW_BASE_DEC, 0x01, NULL,
                        NULL, NULL, "RST cause peer"},
    [F_RSTCAUSEVAL] = {"f5ethtrailer.rstcauseval", "Value", TW_FT_UINT64, TW_BASE_HEX, 0, NULL,
                       NULL, NULL, "RST cause value"},
    [F_RSTCAUSELINE] = {"f5ethtrailer.rstcauseline", "Line", TW_FT_UINT16, TW_BASE_DEC, 0, NULL,
                        NULL, NULL, "RST cause line"},
    [F_RSTCAUSETXT] = {"f5ethtrailer.rstcausetxt", "Cause", TW_FT_STRING, TW_BASE_NONE, 0, NULL,
                       NULL, NULL, "RST cause"},
    [F_HIGH] = {"f5ethtrailer.high", "High Details", TW_FT_NONE},
    [F_PEERIPPROTO] = {"f5ethtrailer.peeripproto", "Peer IP Protocol", TW_FT_UINT8, TW_BASE_DEC},
    [F_PEERVLAN] = {"f5ethtrailer.peervlan", "Peer VLAN", TW_FT_UINT16, TW_BASE_DEC},
    [F_PEERREMOTEADDR] = {"f5ethtrailer.peerremoteaddr", "Peer remote address", TW_FT_IPv4,
                          TW_BASE_NONE, 0, NULL, NULL, NULL, "Peer remote IPv4 address"},
    [F_PEERREMOTEADDR6] = {"f5ethtrailer.peerremoteaddr6", "Peer remote address", TW_FT_IPv6,
                           TW_BASE_NONE, 0, NULL, NULL, NULL, "Peer remote IPv6 address"},
    [F_PEERLOCALADDR] = {"f5ethtrailer.peerlocaladdr", "Peer local address", TW_FT_IPv4,
                         TW_BASE_NONE, 0, NULL, NULL, NULL, "Peer local IPv4 address"},
    [F_PEERLOCALADDR6] = {"f5ethtrailer.peerlocaladdr6", "Peer local address", TW_FT_IPv6,
                          TW_BASE_NONE, 0, NULL, NULL, NULL, "Peer local IPv6 address"},
    [F_PEERADDR] = {"f5ethtrailer.peeraddr", "Peer remote or local address", TW_FT_IPv4,
                    TW_BASE_NONE, 0, NULL, NULL, NULL, "Peer IPv4 address"},
    [F_PEERADDR6] = {"f5ethtrailer.peeraddr6", "Peer remote or local address", TW_FT_IPv6,
                     TW_BASE_NONE, 0, NULL, NULL, NULL, "Peer IPv6 address"},
    [F_PEERREMOTERTDOM] = {"f5ethtrailer.peerremotertdom", "Peer remote route domain", TW_FT_UINT16,
                           TW_BASE_DEC},
    [F_PEERLOCALRTDOM] = {"f5ethtrailer.peerlocalrtdom", "Peer local route domain", TW_FT_UINT16,
                          TW_BASE_DEC},
    [F_PEERRTDOM] = {"f5ethtrailer.peerrtdom", "Peer remote or local route domain", TW_FT_UINT16,
                     TW_BASE_DEC, 0, NULL, NULL, NULL, "Peer route domain"},
    [F_PEERREMOTEPORT] = {"f5ethtrailer.peerremoteport", "Peer remote port", TW_FT_UINT16,
                          TW_BASE_DEC},
    [F_PEERLOCALPORT] = {"f5ethtrailer.peerlocalport", "Peer local port", TW_FT_UINT16,
                         TW_BASE_DEC},
    [F_PEERPORT] = {"f5ethtrailer.peerport", "Peer remote or local port", TW_FT_UINT16, TW_BASE_DEC,
                    0, NULL, NULL, NULL, "Peer port"},
    [F_NOPEER] = {"f5ethtrailer.nopeer", "No peer connection information", TW_FT_NONE},
    [F_DPT_MAGIC] = {"f5ethtrailer.trailer_magic", "Magic", TW_FT_UINT32, TW_BASE_HEX},
    [F_DPT_VERSION] = {"f5ethtrailer.trailer_version", "Version", TW_FT_UINT16, TW_BASE_DEC},
    [F_DPT_LENGTH] = {"f5ethtrailer.trailer_length", "Length", TW_FT_UINT16, TW_BASE_DEC},
};

static const struct tw_expert_def experts[] = {
    {"f5ethtrailer.badlen", "decoder.f5ethtrailer.badlen", TW_SEV_ERROR, TW_GRP_MALFORMED,
     "Length extends past remaining available bytes"},
};
enum { E_BADLEN };

#define DPT_MAGIC   0xf5deb0f5u
#define DPT_HDR_LEN 8
#define TLV_HDR_LEN 8
#define LEG_MIN     7 /* shortest legacy trailer: low v1 without a virtual server name */
#define LEG_MAX     140

/* what one trailer told about the packet (medium noise's peer flow decides high noise's body) */
struct f5_state {
    uint64_t peer_flow;
    bool info_done;
};

static uint16_t be16(const uint8_t *b)
{
    return (uint16_t)(b[0] << 8 | b[1]);
}
static uint32_t be32(const uint8_t *b)
{
    return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}
static uint64_t be64(const uint8_t *b)
{
    return (uint64_t)be32(b) << 32 | be32(b + 4);
}

/* the bad-length expert; as for every expert of the Malformed group, Wireshark also adds the
 * hidden _ws.malformed item (so "_ws.malformed" selects the frame) */
static void badlen(struct tw_pkt *p, uint32_t off, uint32_t len)
{
    tw_expert(p, EX(E_BADLEN), off, len, NULL);
    if (!tw_want(p, tw_ids_ws_malformed.field)) return;
    int32_t r = tw_add_rec(p, tw_ids_ws_malformed.field, off, 0);
    tw_rec_flags(p, r, TW_RF_HIDDEN);
    if (r >= 0 && tw_want_labels(p)) tw_rec_label(p, r, "Malformed Packet");
}

/* Wireshark's col_prepend_fence_fstr(): the direction/slot/TMM summary goes in front of Info */
static void info_prepend(struct tw_pkt *p, bool in, unsigned slot, unsigned tmm)
{
    if (!p->want_cols || p->cols_locked) return;
    char pre[48];
    int n = snprintf(pre, sizeof pre, "%s s%u/tmm%-2u: ", in ? "IN " : "OUT", slot, tmm);
    if (n <= 0 || (size_t)n >= sizeof pre) return;
    size_t old = p->info.len;
    char *save = tw_arena_alloc(p->arena, old + 1);
    if (!save) return;
    if (old) memcpy(save, p->info.p, old);
    p->info.len = 0;
    tw_buf_add(&p->info, pre, (size_t)n);
    tw_buf_add(&p->info, save, old);
    p->info_fence = p->info_fence ? p->info_fence + (uint32_t)n : (uint32_t)n;
}

/* n bytes (up to a NUL) as Wireshark's format_text() shows an ASCII string in a label: C escapes
 * for \a\b\f\n\r\t\v and the backslash, octal for other controls, U+FFFD above 0x7f */
static void fmt_text(char *s, size_t cap, const uint8_t *b, uint32_t n)
{
    size_t k = 0;
    for (uint32_t i = 0; i < n && b[i] && k + 5 < cap; i++) {
        uint8_t ch = b[i];
        const char *esc = tw_text_escape(ch, true);
        if (esc) {
            memcpy(s + k, esc, 2);
            k += 2;
        } else if (ch >= 0x80) {
            memcpy(s + k, "\xef\xbf\xbd", 3);
            k += 3;
        } else if (ch < 0x20 || ch == 0x7f) {
            k += (size_t)snprintf(s + k, cap - k, "\\%03o", ch);
        } else
            s[k++] = (char)ch;
    }
    s[k] = 0;
}

/* a string item with a label of our own text ("VIP Name: x"), shown as ENC_ASCII shows it */
static void add_named_string(struct tw_pkt *p, uint16_t hf, uint32_t off, uint32_t n,
                             const uint8_t *b, const char *label)
{
    int32_t r = tw_add_ascii(p, hf, off, n, b);
    if (r < 0 || !tw_want_labels(p)) return;
    char s[4 * 256 + 8];
    fmt_text(s, sizeof s, b, n);
    tw_rec_label(p, r, "%s: %s", label, s);
}

static void add_u(struct tw_pkt *p, int f, const uint8_t *d, uint32_t off, uint32_t len)
{
    uint64_t v = 0;
    for (uint32_t i = 0; i < len; i++) v = v << 8 | d[off + i];
    tw_add_uint(p, HF(f), off, len, v);
}
static void add_hidden_u(struct tw_pkt *p, int f, const uint8_t *d, uint32_t off, uint32_t len)
{
    uint64_t v = 0;
    for (uint32_t i = 0; i < len; i++) v = v << 8 | d[off + i];
    tw_rec_flags(p, tw_add_uint(p, HF(f), off, len, v), TW_RF_HIDDEN);
}

/* ---- legacy trailers ---- */

static void legacy_hdr(struct tw_pkt *p, const uint8_t *d, uint32_t o)
{
    int32_t r = tw_add_rec(p, HF(F_HDR), o, 3);
    if (r >= 0 && tw_want_labels(p)) tw_rec_label(p, r, "F5 Trailer Header, Type: %u", d[o]);
    tw_tree_push(p, r);
    add_u(p, F_TYPE, d, o, 1);
    add_u(p, F_LENGTH, d, o + 1, 1);
    add_u(p, F_VERSION, d, o + 2, 1);
    tw_tree_pop(p);
}

static void add_ingress(struct tw_pkt *p, uint32_t off, unsigned v, bool generated)
{
    int32_t r = tw_add_uint(p, HF(F_INGRESS), off, 1, v ? 1 : 0);
    if (generated) tw_rec_flags(p, r, TW_RF_GENERATED);
    if (r >= 0 && tw_want_labels(p))
        tw_rec_label(p, r, "Ingress: %s", v ? "True (IN)" : "False (OUT)");
}

/* An IPv6 address that may carry IPv4 (::ffff:a.b.c.d) or an F5 route domain
 * (2620:0:c10:f501:RD:: with the IPv4 address in the last 4 bytes). */
static void add_v6as4(struct tw_pkt *p, int f4, int frd, const uint8_t *d, uint32_t o, bool hidden)
{
    static const uint8_t v4pre[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
    static const uint8_t rdpre[10] = {0x26, 0x20, 0, 0, 0x0c, 0x10, 0xf5, 0x01, 0, 0};
    if (memcmp(d + o, v4pre, 12) == 0) {
        int32_t r = tw_add_ptr(p, HF(f4), o + 12, 4, d + o + 12, 4);
        if (hidden) tw_rec_flags(p, r, TW_RF_HIDDEN);
    } else if (memcmp(d + o, rdpre, 10) == 0) {
        int32_t r = tw_add_ptr(p, HF(f4), o + 12, 4, d + o + 12, 4);
        if (hidden) tw_rec_flags(p, r, TW_RF_HIDDEN);
        r = tw_add_uint(p, HF(frd), o + 10, 2, be16(d + o + 10));
        if (hidden) tw_rec_flags(p, r, TW_RF_HIDDEN);
    }
}

/* the peer part of high noise (legacy v0 and DPT v1): o is where it starts, end its end */
static void high_body(struct tw_pkt *p, const struct f5_state *st, const uint8_t *d, uint32_t o,
                      uint32_t end)
{
    if (st->peer_flow == 0) {
        tw_add_rec(p, HF(F_NOPEER), o, end - o);
        return;
    }
    if (o + 39 > end) return; /* the lengths were checked: cannot happen */
    add_u(p, F_PEERIPPROTO, d, o, 1);
    add_u(p, F_PEERVLAN, d, o + 1, 2);
    o += 3;
    add_v6as4(p, F_PEERREMOTEADDR, F_PEERREMOTERTDOM, d, o, false);
    add_v6as4(p, F_PEERADDR, F_PEERRTDOM, d, o, true);
    tw_add_ptr(p, HF(F_PEERREMOTEADDR6), o, 16, d + o, 16);
    tw_rec_flags(p, tw_add_ptr(p, HF(F_PEERADDR6), o, 16, d + o, 16), TW_RF_HIDDEN);
    o += 16;
    add_v6as4(p, F_PEERLOCALADDR, F_PEERLOCALRTDOM, d, o, false);
    add_v6as4(p, F_PEERADDR, F_PEERRTDOM, d, o, true);
    tw_add_ptr(p, HF(F_PEERLOCALADDR6), o, 16, d + o, 16);
    tw_rec_flags(p, tw_add_ptr(p, HF(F_PEERADDR6), o, 16, d + o, 16), TW_RF_HIDDEN);
    o += 16;
    add_u(p, F_PEERREMOTEPORT, d, o, 2);
    add_hidden_u(p, F_PEERPORT, d, o, 2);
    add_u(p, F_PEERLOCALPORT, d, o + 2, 2);
    add_hidden_u(p, F_PEERPORT, d, o + 2, 2);
}

/* RST cause: o is its length byte, rclen the length it gives (checked to fit) */
static void rst_cause(struct tw_pkt *p, const uint8_t *d, uint32_t o, uint32_t rclen)
{
    int32_t r = tw_add_rec(p, HF(F_RSTCAUSE), o, rclen + 1);
    tw_tree_push(p, r);
    add_u(p, F_RSTCAUSELEN, d, o, 1);
    if ((d[o + 1] >> 1) == 0 && rclen >= 9) {
        uint32_t c = o + 1;
        bool peer = d[c] & 1;
        tw_add_bits(p, HF(F_RSTCAUSEVER), c, 1, d[c]);
        tw_add_bits(p, HF(F_RSTCAUSEPEER), c, 1, d[c]);
        uint64_t v = be64(d + c + 1);
        uint64_t line = v & 0xffff, val = v >> 16;
        int32_t rv = tw_add_uint(p, HF(F_RSTCAUSEVAL), c + 1, 6, val);
        if (rv >= 0 && tw_want_labels(p))
            tw_rec_label(p, rv, "Value: 0x%012llx", (unsigned long long)val);
        add_u(p, F_RSTCAUSELINE, d, c + 7, 2);
        uint32_t tl = rclen - 9;
        tw_add_ascii(p, HF(F_RSTCAUSETXT), c + 9, tl, d + c + 9);
        if (r >= 0 && tw_want_labels(p)) {
            char txt[4 * 256 + 8];
            fmt_text(txt, sizeof txt, d + c + 9, tl);
            tw_rec_label(p, r, "RST cause: [%llx:%llu]%s %s", (unsigned long long)val,
                         (unsigned long long)line, peer ? " {peer}" : "", txt);
        }
    }
    tw_tree_pop(p);
}

static void rst_info(struct tw_pkt *p, const uint8_t *d, uint32_t o, uint32_t rclen)
{
    /* o: the RST cause's length byte */
    if (rclen < 9 || (d[o + 1] >> 1) != 0 || !p->want_cols || p->cols_locked) return;
    char txt[256];
    uint32_t k = 0;
    for (uint32_t i = 0; i < rclen - 9 && k + 1 < sizeof txt && d[o + 10 + i]; i++)
        txt[k++] = d[o + 10 + i] < 0x80 ? (char)d[o + 10 + i] : '?';
    txt[k] = 0;
    if (p->info.len) tw_info_add(p, " ");
    tw_info_printf(p, "[F5RST%s: %s]", (d[o + 1] & 1) ? "(peer)" : "", txt);
}

/* Does a legacy trailer header at o pass the checks common to all types? Its length or 0. */
static uint32_t legacy_generic(const uint8_t *d, uint32_t o, uint32_t end)
{
    if (end - o < 3) return 0;
    uint32_t type = d[o], len = d[o + 1] + 2u, ver = d[o + 2];
    (void)ver; /* (tshark 4.0 leaves the version to each type's own checks) */
    if (type < 1 || type > 3 || len < LEG_MIN || len > LEG_MAX || len > end - o) return 0;
    return len;
}

/* Is there a legacy trailer at o whose own version rules hold too? Its length or 0. */
static uint32_t legacy_len(const uint8_t *d, uint32_t o, uint32_t end)
{
    uint32_t len = legacy_generic(d, o, end);
    if (!len) return 0;
    uint32_t type = d[o], ver = d[o + 2];
    switch (type) {
    case 1:
        if (ver == 0) return (len == 22 || len == 35) ? len : 0;
        if (ver == 1) return d[o + 6] + 7u == len ? len : 0;
        return 0;
    case 2:
        if (ver == 0) return (len == 8 || len == 21 || len == 29) ? len : 0;
        if (ver == 1) return len >= 30 && d[o + 29] + 30u == len ? len : 0;
        if (ver == 2) return len >= 31 && d[o + 30] + 31u == len ? len : 0;
        return len >= 35 && d[o + 34] + 35u == len ? len : 0;
    default:
        return (ver == 0 && len == 42) ? len : 0;
    }
}

static void legacy_trailer(struct tw_pkt *p, struct f5_state *st, const uint8_t *d, uint32_t o,
                           uint32_t len)
{
    uint32_t type = d[o], ver = d[o + 2];
    static const int item[4] = {0, F_LOW, F_MED, F_HIGH};
    int32_t r = tw_add_rec(p, HF(item[type]), o, len);
    tw_tree_push(p, r);
    legacy_hdr(p, d, o);
    uint32_t c = o + 3;
    if (type == 1) {
        bool v94 = ver == 0 && len == 35;
        unsigned slot = v94 ? d[o + 4] : d[o + 4] + 1u;
        if (!st->info_done) {
            info_prepend(p, d[o + 3] != 0, slot, d[o + 5]);
            st->info_done = true;
        }
        add_ingress(p, c, d[c], false);
        tw_add_uint(p, HF(v94 ? F_SLOT0 : F_SLOT1), c + 1, 1, slot);
        add_u(p, F_TMM, d, c + 2, 1);
        c += 3;
        if (v94) {
            add_u(p, F_FLOWID, d, c, 4);
            add_hidden_u(p, F_ANYFLOW, d, c, 4);
            add_u(p, F_PEERID, d, c + 4, 4);
            add_hidden_u(p, F_ANYFLOW, d, c + 4, 4);
            st->peer_flow = be32(d + c + 4);
            add_u(p, F_CFFLAGS, d, c + 8, 4);
            add_u(p, F_FLOWTYPE, d, c + 12, 1);
            c += 13;
        }
        uint32_t vl = 16;
        if (ver == 1) {
            vl = d[c];
            add_hidden_u(p, F_VIPNAMELEN, d, c, 1);
            c++;
        }
        add_named_string(p, HF(F_VIP), c, vl, d + c, "VIP Name");
    } else if (type == 2) {
        uint32_t rclen = 0;
        if (ver == 1) rclen = d[o + 29];
        if (ver == 2) rclen = d[o + 30];
        if (ver == 3) rclen = d[o + 34];
        if (rclen) rst_info(p, d, o + len - rclen - 1, rclen);
        if (len != 8 || ver > 0) {
            uint32_t fl = (len == 21 && ver == 0) ? 4 : 8;
            add_u(p, F_FLOWID, d, c, fl);
            add_hidden_u(p, F_ANYFLOW, d, c, fl);
            add_u(p, F_PEERID, d, c + fl, fl);
            add_hidden_u(p, F_ANYFLOW, d, c + fl, fl);
            st->peer_flow = fl == 4 ? be32(d + c + 4) : be64(d + c + 8);
            c += 2 * fl;
            if (ver >= 3) {
                add_u(p, F_CFFLAGS2, d, c, 4);
                c += 4;
            }
            add_u(p, F_CFFLAGS, d, c, 4);
            add_u(p, F_FLOWTYPE, d, c + 4, 1);
            c += 5;
        }
        add_u(p, F_HAUNIT, d, c, 1);
        add_u(p, F_RESERVED, d, c + 1, 4);
        c += 5;
        if (ver >= 2) add_u(p, F_PRIORITY, d, c++, 1);
        if (ver >= 1 && rclen) rst_cause(p, d, c, rclen);
    } else {
        high_body(p, st, d, c, o + len);
    }
    tw_tree_pop(p);
}

/* ---- DPT trailers ---- */

static void tlv_hdr(struct tw_pkt *p, const uint8_t *d, uint32_t o)
{
    int32_t r = tw_add_rec(p, HF(F_HDR), o, TLV_HDR_LEN);
    if (r >= 0 && tw_want_labels(p))
        tw_rec_label(p, r, "F5 Trailer Header, Provider: %u, Type: %u", be16(d + o),
                     be16(d + o + 2));
    tw_tree_push(p, r);
    add_u(p, F_PROVIDER, d, o, 2);
    add_u(p, F_TYPE, d, o + 2, 2);
    add_u(p, F_LENGTH, d, o + 4, 2);
    add_u(p, F_VERSION, d, o + 6, 2);
    tw_tree_pop(p);
}

/* one noise TLV of o..o+len (len >= 8, inside the trailer); false if not a known type/version */
static bool dpt_noise(struct tw_pkt *p, struct f5_state *st, const uint8_t *d, uint32_t o,
                      uint32_t len)
{
    uint32_t type = be16(d + o + 2), ver = be16(d + o + 6), end = o + len, c = o + TLV_HDR_LEN;
    if (type == 1 && (ver == 2 || ver == 3)) {
        if (len < TLV_HDR_LEN + 4) return false;
        int32_t r = tw_add_rec(p, HF(F_LOW), o, len);
        tw_tree_push(p, r);
        tlv_hdr(p, d, o);
        unsigned flags = d[c], in = ver == 2 ? flags : (flags & 1);
        unsigned slot = d[c + 1] + 1u, tmm = d[c + 2];
        uint32_t vl = d[c + 3];
        bool bad = vl > end - (c + 4);
        if (!st->info_done) {
            info_prepend(p, in != 0, slot, tmm);
            st->info_done = true;
        }
        add_ingress(p, c, in, ver > 2);
        if (ver > 2) {
            int32_t rf = tw_add_uint(p, HF(F_FLAGS), c, 1, flags);
            if (rf >= 0 && tw_want_labels(p))
                tw_rec_label(p, rf, "Flags: 0x%02x, Ingress: %s, Hardware Action: %s", flags,
                             tw_vs_find(ingress_vals, flags & 1),
                             tw_vs_find(hwaction_vals, (flags >> 1) & 3));
            tw_tree_push(p, rf);
            tw_add_bits(p, HF(F_FLAGS_INGRESS), c, 1, flags);
            tw_add_bits(p, HF(F_FLAGS_HWACTION), c, 1, flags);
            tw_tree_pop(p);
        }
        tw_add_uint(p, HF(F_SLOT1), c + 1, 1, slot);
        add_u(p, F_TMM, d, c + 2, 1);
        if (bad) { /* an empty name, with the expert */
            int32_t rn = tw_add_ptr(p, HF(F_VIP), c + 4, 0, d + c + 4, 0);
            tw_tree_push(p, rn);
            badlen(p, c + 4, 0);
            tw_tree_pop(p);
        } else {
            char s[4 * 256 + 8];
            fmt_text(s, sizeof s, d + c + 4, vl);
            int32_t rv = tw_add_text(p, c + 3, vl + 1, "Virtual Server: %s", s);
            tw_tree_push(p, rv);
            add_u(p, F_VIPNAMELEN, d, c + 3, 1);
            tw_add_ascii(p, HF(F_VIP), c + 4, vl, d + c + 4);
            tw_tree_pop(p);
        }
        tw_tree_pop(p);
        return true;
    }
    if (type == 2 && ver == 4) {
        if (len < TLV_HDR_LEN + 32) return false;
        int32_t r = tw_add_rec(p, HF(F_MED), o, len);
        tw_tree_push(p, r);
        tlv_hdr(p, d, o);
        uint32_t rclen = d[c + 31];
        bool bad = rclen > end - (c + 32);
        if (bad) rclen = 0;
        if (rclen) rst_info(p, d, c + 31, rclen);
        add_u(p, F_FLOWID, d, c, 8);
        add_hidden_u(p, F_ANYFLOW, d, c, 8);
        add_u(p, F_PEERID, d, c + 8, 8);
        add_hidden_u(p, F_ANYFLOW, d, c + 8, 8);
        st->peer_flow = be64(d + c + 8);
        add_u(p, F_CFFLAGS2, d, c + 16, 4);
        add_u(p, F_CFFLAGS, d, c + 20, 4);
        add_u(p, F_FLOWTYPE, d, c + 24, 1);
        add_u(p, F_HAUNIT, d, c + 25, 1);
        add_u(p, F_RESERVED, d, c + 26, 4);
        add_u(p, F_PRIORITY, d, c + 30, 1);
        if (bad) {
            int32_t rr = tw_add_rec(p, HF(F_RSTCAUSE), c + 31, end - (c + 31));
            tw_tree_push(p, rr);
            add_u(p, F_RSTCAUSELEN, d, c + 31, 1);
            badlen(p, c + 31, 1);
            tw_tree_pop(p);
        } else if (rclen)
            rst_cause(p, d, c + 31, rclen);
        tw_tree_pop(p);
        return true;
    }
    if (type == 3 && ver == 1) {
        if (st->peer_flow && len < TLV_HDR_LEN + 39) return false;
        int32_t r = tw_add_rec(p, HF(F_HIGH), o, len);
        tw_tree_push(p, r);
        tlv_hdr(p, d, o);
        high_body(p, st, d, c, end);
        tw_tree_pop(p);
        return true;
    }
    return false;
}

/* f5ethtrailer.data: bytes separated by spaces; as tshark, at most 24 shown, then an ellipsis */
static void add_data(struct tw_pkt *p, const uint8_t *d, uint32_t o, uint32_t n)
{
    int32_t r = tw_add_ptr(p, HF(F_DATA), o, n, d + o, n);
    if (r < 0 || !tw_want_labels(p)) return;
    char s[24 * 3 + 8];
    size_t k = 0;
    for (uint32_t i = 0; i < n && i < 24; i++)
        k += (size_t)snprintf(s + k, sizeof s - k, "%s%02x", i ? " " : "", d[o + i]);
    if (n > 24) snprintf(s + k, sizeof s - k, " \xe2\x80\xa6");
    tw_rec_label(p, r, "Data: %s", n ? s : "<MISSING>");
}

static void dpt_unknown(struct tw_pkt *p, const uint8_t *d, uint32_t o, uint32_t len)
{
    int32_t r = tw_add_rec(p, HF(F_UNKNOWN), o, len);
    tw_tree_push(p, r);
    tlv_hdr(p, d, o);
    add_data(p, d, o + TLV_HDR_LEN, len - TLV_HDR_LEN);
    tw_tree_pop(p);
}

/* a DPT trailer of len bytes at o; its TLVs run to the end of the trailer's bytes (tshark reads
 * them up to there, not up to the length the header gives) */
static void dpt_trailer(struct tw_pkt *p, struct f5_state *st, const uint8_t *d, uint32_t o,
                        uint32_t len, uint32_t end)
{
    uint32_t ver = be16(d + o + 6);
    int32_t r = tw_add_rec(p, HF(F_HDR), o, DPT_HDR_LEN);
    if (r >= 0 && tw_want_labels(p)) tw_rec_label(p, r, "F5 Trailer Header - Version: %u", ver);
    tw_tree_push(p, r);
    add_u(p, F_DPT_MAGIC, d, o, 4);
    add_u(p, F_DPT_LENGTH, d, o + 4, 2);
    add_u(p, F_DPT_VERSION, d, o + 6, 2);
    tw_tree_pop(p);
    if (ver != 1) {
        add_data(p, d, o + DPT_HDR_LEN, len - DPT_HDR_LEN);
        return;
    }
    uint32_t c = o + DPT_HDR_LEN;
    while (end - c >= TLV_HDR_LEN) {
        uint32_t tl = be16(d + c + 4);
        if (tl < TLV_HDR_LEN || tl > end - c) {
            int32_t ru = tw_add_rec(p, HF(F_UNKNOWN), c, TLV_HDR_LEN);
            tw_tree_push(p, ru);
            add_u(p, F_PROVIDER, d, c, 2);
            add_u(p, F_TYPE, d, c + 2, 2);
            int32_t rl = tw_add_uint(p, HF(F_LENGTH), c + 4, 2, tl);
            tw_tree_push(p, rl);
            badlen(p, c + 4, 2);
            tw_tree_pop(p);
            if (tl >= TLV_HDR_LEN) add_u(p, F_VERSION, d, c + 6, 2);
            tw_tree_pop(p);
            break;
        }
        if (be16(d + c) != 1 || !dpt_noise(p, st, d, c, tl)) dpt_unknown(p, d, c, tl);
        c += tl;
    }
}

/* ---- where the trailer starts, and whether it is one ---- */

/* length of a DPT trailer at o (header sane and inside the bytes), else 0 */
static uint32_t dpt_len(const uint8_t *d, uint32_t o, uint32_t end)
{
    if (end - o < DPT_HDR_LEN || be32(d + o) != DPT_MAGIC) return 0;
    uint32_t l = be16(d + o + 4);
    return (l >= DPT_HDR_LEN && l <= end - o) ? l : 0;
}

/* F5_EMPTY: a legacy header passes the common checks but not its type's: tshark shows the
 * protocol and an empty "... Details" item, yet does not take the trailer */
enum verdict { NOT_F5, F5_CUT, F5_EMPTY, F5_OK };

/* Where the trailer starts (*start), and whether the 4 bytes before a DPT header there are the
 * frame's original FCS (*fcs): a DPT magic up to 4 bytes past the first non-zero byte */
static enum verdict judge(const uint8_t *d, uint32_t n, uint32_t *start, bool *fcs)
{
    uint32_t z = 0;
    while (z < n && d[z] == 0) z++;
    *start = z;
    *fcs = false;
    if (z == n || n - z < LEG_MIN) return NOT_F5;
    if (z >= 8 && n - z < 8) return F5_CUT;
    /* (observed: tshark takes a DPT trailer right there only with 4 more bytes after its
     * header) */
    if (dpt_len(d, z, n)) return n - z >= DPT_HDR_LEN + 4 ? F5_OK : NOT_F5;
    if (legacy_len(d, z, n)) return F5_OK;
    if (legacy_generic(d, z, n) && d[z + 2] <= 3) return F5_EMPTY; /* (versions 0-3 only here) */
    for (uint32_t q = z + 1; q <= z + 4 && q < n; q++) {
        if (q >= 4 && dpt_len(d, q, n)) {
            *start = q;
            *fcs = true;
            return F5_OK;
        }
    }
    return NOT_F5;
}

static bool heur(struct tw_pkt *p, const struct tw_cur *c)
{
    (void)p;
    uint32_t e = TW_MIN(c->cap, c->end), n = e > c->off ? e - c->off : 0;
    uint32_t s;
    bool fcs;
    return n && judge(c->data + c->off, n, &s, &fcs) != NOT_F5;
}

static enum tw_status dissect(struct tw_pkt *p, struct tw_cur *c)
{
    uint32_t e = TW_MIN(c->cap, c->end), n = e > c->off ? e - c->off : 0;
    const uint8_t *base = c->data;
    uint32_t b0 = c->off, s;
    bool fcs;
    enum verdict v = judge(base + b0, n, &s, &fcs);
    if (v == F5_CUT || v == NOT_F5) {
        tw_layer_unrecord(p); /* tshark fails before adding its line */
        return TW_MALFORMED;
    }
    struct f5_state st = {0, false};
    uint32_t o = b0 + s, end = b0 + n;
    if (fcs) add_u(p, F_ORIG_FCS, base, o - 4, 4);
    uint32_t first = o;
    for (;;) {
        uint32_t l = o == first ? dpt_len(base, o, end) : 0; /* (no DPT after a legacy one) */
        if (l) {
            dpt_trailer(p, &st, base, o, l, end);
            o += l;
            break; /* (tshark looks for nothing after a DPT trailer) */
        } else if ((l = legacy_len(base, o, end)) != 0) {
            legacy_trailer(p, &st, base, o, l);
        } else {
            if (legacy_generic(base, o, end)) {
                static const int item[4] = {0, F_LOW, F_MED, F_HIGH};
                tw_add_rec(p, HF(item[base[o]]), o, 1);
                if (v == F5_EMPTY) tw_layer_hide(p); /* the trailer stays Ethernet's */
            }
            break;
        }
        o += l;
        if (end - o <= 4) break;
    }
    tw_layer_setlen(p, o - b0);
    return TW_OK;
}

static const struct tw_binding bindings[] = {{TW_TBL_NAME, TW_KEY_ETH_TRAILER}};

const struct tw_proto tw_proto_f5ethtrailer = {
    .abbrev = "f5ethtrailer",
    .name = "F5 Ethernet Trailer Protocol",
    .short_name = "F5 Ethernet trailer",
    .fields = fields,
    .nfields = F_COUNT,
    .experts = experts,
    .nexperts = TW_ARRAY_LEN(experts),
    .bindings = bindings,
    .nbindings = TW_ARRAY_LEN(bindings),
    .dissect = dissect,
    .ids = &ids,
    .flags = TW_PROTO_NO_COLUMN,
    .heur = heur,
};
