/* Telnet (RFC 854) on TCP 23, as tshark 4.0 shows it: the data between commands one item per
 * line, each IAC command a subtree named by the command and, for WILL/WON'T/DO/DON'T and
 * suboptions, the option; suboption parameters are decoded for the window size (NAWS), remote
 * flow control and the string-valued options, otherwise shown as bytes. Info is always
 * "Telnet Data ...". No desegmentation (tshark asks TCP for none). */
#include "../dissect.h"

#include <string.h>

static struct tw_proto_ids ids;

enum {
    F_CMD,
    F_SUBCMD,
    F_STRING_VALUE,
    F_NAWS_WIDTH,
    F_NAWS_HEIGHT,
    F_RFC_CMD,
    F_DATA,
    F_OPTION_DATA,
    F_SUBCOMMAND_DATA,
    F_COUNT
};

#define IAC 255
#define SB  250
#define SE  240

static const struct tw_vs cmd_vals[] = {
    {236, "End of File"},
    {237, "Suspend Current Process"},
    {238, "Abort Process"},
    {239, "End of Record"},
    {240, "Suboption End"},
    {241, "No Operation"},
    {242, "Data Mark"},
    {243, "Break"},
    {244, "Interrupt Process"},
    {245, "Abort Output"},
    {246, "Are You There?"},
    {247, "Escape Character"},
    {248, "Erase Line"},
    {249, "Go Ahead"},
    {250, "Suboption"},
    {251, "Will"},
    {252, "Won't"},
    {253, "Do"},
    {254, "Don't"},
    {0, NULL},
};

static const char *const option_names[] = {
    "Binary Transmission",
    "Echo",
    "Reconnection",
    "Suppress Go Ahead",
    "Approx Message Size Negotiation",
    "Status",
    "Timing Mark",
    "Remote Controlled Trans and Echo",
    "Output Line Width",
    "Output Page Size",
    "Output Carriage-Return Disposition",
    "Output Horizontal Tab Stops",
    "Output Horizontal Tab Disposition",
    "Output Formfeed Disposition",
    "Output Vertical Tabstops",
    "Output Vertical Tab Disposition",
    "Output Linefeed Disposition",
    "Extended ASCII",
    "Logout",
    "Byte Macro",
    "Data Entry Terminal",
    "SUPDUP",
    "SUPDUP Output",
    "Send Location",
    "Terminal Type",
    "End of Record",
    "TACACS User Identification",
    "Output Marking",
    "Terminal Location Number",
    "Telnet 3270 Regime",
    "X.3 PAD",
    "Negotiate About Window Size",
    "Terminal Speed",
    "Remote Flow Control",
    "Linemode",
    "X Display Location",
    "Environment Option",
    "Authentication Option",
    "Encryption Option",
    "New Environment Option",
    "TN3270E",
    "XAUTH",
    "CHARSET",
    "Remote Serial Port",
    "COM Port Control Option",
    "Suppress Local Echo",
    "Start TLS",
    "KERMIT",
    "SEND-URL",
    "FORWARD_X",
};

static const struct tw_vs rfc_vals[] = {
    {0, "OFF"}, {1, "ON"}, {2, "RESTART-ANY"}, {3, "RESTART-XON"}, {0, NULL},
};

static const struct tw_field_def fields[F_COUNT] = {
    [F_CMD] = {"telnet.cmd", "Command", TW_FT_UINT8, TW_BASE_DEC, 0, cmd_vals},
    [F_SUBCMD] = {"telnet.subcmd", "Subcommand", TW_FT_UINT8, TW_BASE_DEC},
    [F_STRING_VALUE] = {"telnet.string_subopt.value", "Value", TW_FT_STRING},
    [F_NAWS_WIDTH] = {"telnet.naws_subopt.width", "Width", TW_FT_UINT16, TW_BASE_DEC},
    [F_NAWS_HEIGHT] = {"telnet.naws_subopt.height", "Height", TW_FT_UINT16, TW_BASE_DEC},
    [F_RFC_CMD] = {"telnet.rfc_subopt.cmd", "Command", TW_FT_UINT8, TW_BASE_DEC, 0, rfc_vals},
    [F_DATA] = {"telnet.data", "Data", TW_FT_STRING},
    [F_OPTION_DATA] = {"telnet.option_data", "Option data", TW_FT_BYTES},
    [F_SUBCOMMAND_DATA] = {"telnet.subcommand_data", "Subcommand data", TW_FT_BYTES},
};
#define HF(x) ((uint16_t)(ids.base + (x)))

static const char *opt_name(uint8_t o)
{
    return o < TW_ARRAY_LEN(option_names) ? option_names[o] : "<unknown option>";
}

static const char *cmd_name(uint8_t c)
{
    const char *s = tw_vs_find(cmd_vals, c);
    return s ? s : "Unknown";
}

/* telnet_add_text(): one item per line (its end of line included) */
static void add_text(struct tw_pkt *p, const struct tw_cur *c, uint32_t off, uint32_t len)
{
    const uint8_t *d = c->data;
    uint32_t end = off + len;
    while (off < end) {
        uint32_t i = off, next = end;
        for (; i < end; i++) {
            if (d[i] == '\n') {
                next = i + 1;
                break;
            }
            if (d[i] == '\r') {
                /* CR LF, and CR NUL (RFC 854's bare carriage return), end a line */
                next = i + 1 < end && (d[i + 1] == '\n' || d[i + 1] == 0) ? i + 2 : i + 1;
                break;
            }
        }
        tw_add_ascii(p, HF(F_DATA), off, next - off, d + off);
        off = next;
    }
}

/* IS (0) with the value, or SEND (1) */
static void string_subopt(struct tw_pkt *p, const struct tw_cur *c, uint32_t off, uint32_t len,
                          uint8_t opt)
{
    if (len == 0) return;
    uint8_t cmd = c->data[off];
    int32_t r = tw_add_uint(p, HF(F_SUBCMD), off, 1, cmd);
    if (cmd == 0)
        tw_rec_label(p, r, "Here's my %s", opt_name(opt));
    else if (cmd == 1)
        tw_rec_label(p, r, "Send your %s", opt_name(opt));
    if (cmd == 0 && len > 1)
        tw_add_ascii(p, HF(F_STRING_VALUE), off + 1, len - 1, c->data + off + 1);
}

/* IAC SB opt ... up to the next single IAC (an IAC IAC is data) */
static uint32_t suboption(struct tw_pkt *p, const struct tw_cur *c, uint32_t start, uint32_t end)
{
    const uint8_t *d = c->data;
    uint32_t off = start + 2;
    uint8_t opt = off < end ? d[off] : 0;
    if (off >= end) {
        c = NULL;
        return end;
    }
    off++;
    uint32_t cur = off, stop = end;
    for (;;) {
        const uint8_t *f = cur < end ? memchr(d + cur, IAC, end - cur) : NULL;
        if (!f) {
            stop = end;
            break;
        }
        uint32_t at = (uint32_t)(f - d);
        if (at + 1 >= end || d[at + 1] != IAC) {
            stop = at;
            break;
        }
        cur = at + 2;
    }
    int32_t r = -1;
    if (tw_want_labels(p)) r = tw_add_text(p, start, stop - start, "Suboption %s", opt_name(opt));
    tw_tree_push(p, r);
    tw_add_uint(p, HF(F_CMD), start + 1, 1, SB);
    int32_t s = tw_add_uint(p, HF(F_SUBCMD), start + 2, 1, opt);
    tw_rec_label(p, s, "Subcommand: %s", opt_name(opt));
    tw_tree_push(p, s);
    uint32_t plen = stop - off;
    switch (opt) {
    case 31: /* NAWS */
        if (plen >= 4) {
            tw_add_uint(p, HF(F_NAWS_WIDTH), off, 2, (uint32_t)d[off] << 8 | d[off + 1]);
            tw_add_uint(p, HF(F_NAWS_HEIGHT), off + 2, 2, (uint32_t)d[off + 2] << 8 | d[off + 3]);
        }
        break;
    case 33: /* remote flow control */
        if (plen >= 1) tw_add_uint(p, HF(F_RFC_CMD), off, 1, d[off]);
        break;
    case 24: /* terminal type */
    case 35: /* X display location */
        string_subopt(p, c, off, plen, opt);
        break;
    default:
        if (plen) tw_add_bytes(p, HF(F_OPTION_DATA), c, off, plen);
        break;
    }
    tw_tree_pop(p);
    tw_tree_pop(p);
    return stop;
}

static uint32_t command(struct tw_pkt *p, const struct tw_cur *c, uint32_t start, uint32_t end)
{
    const uint8_t *d = c->data;
    uint32_t off = start + 1;
    if (off >= end) return UINT32_MAX; /* the command byte is missing: malformed */
    uint8_t code = d[off];
    if (code == SB) return suboption(p, c, start, end);
    int32_t r = -1;
    bool opt = code >= 251 && code <= 254;
    if (tw_want_labels(p)) {
        if (opt && off + 1 < end)
            r = tw_add_text(p, start, 3, "%s %s", cmd_name(code), opt_name(d[off + 1]));
        else
            r = tw_add_text(p, start, 2, "%s", cmd_name(code));
    }
    tw_tree_push(p, r);
    tw_add_uint(p, HF(F_CMD), off, 1, code);
    off++;
    if (opt && off < end) {
        int32_t s = tw_add_uint(p, HF(F_SUBCMD), off, 1, d[off]);
        tw_rec_label(p, s, "Subcommand: %s", opt_name(d[off]));
        off++;
    }
    tw_tree_pop(p);
    return off;
}

static enum tw_status dissect_telnet(struct tw_pkt *p, struct tw_cur *c)
{
    tw_col_proto(p, "TELNET");
    tw_info_set(p, "Telnet Data ...");
    uint32_t end = TW_MIN(c->end, c->cap), off = c->off;
    while (off < end) {
        const uint8_t *f = memchr(c->data + off, IAC, end - off);
        if (!f) {
            add_text(p, c, off, end - off);
            break;
        }
        uint32_t at = (uint32_t)(f - c->data);
        if (at > off) add_text(p, c, off, at - off);
        off = command(p, c, at, end);
        if (off == UINT32_MAX) {
            c->off = c->end;
            return c->cap < c->end ? TW_TRUNCATED : TW_MALFORMED;
        }
    }
    c->off = c->end;
    return c->cap < c->end ? TW_TRUNCATED : TW_OK;
}

static const struct tw_binding bindings[] = {{TW_TBL_TCP_PORT, 23}};

const struct tw_proto tw_proto_telnet = {
    .abbrev = "telnet",
    .name = "Telnet",
    .short_name = "TELNET",
    .fields = fields,
    .nfields = F_COUNT,
    .bindings = bindings,
    .nbindings = TW_ARRAY_LEN(bindings),
    .dissect = dissect_telnet,
    .ids = &ids,
};
