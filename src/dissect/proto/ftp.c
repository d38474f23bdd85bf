/* FTP (RFC 959, RFC 2428 EPRT/EPSV, RFC 4217 AUTH TLS) on TCP 21 and its data connections
 * (ftp-data), as tshark 4.0 shows them in one pass.
 *
 * Control: each segment is dissected on its own (tshark's FTP does not desegment): the first
 * line names the frame ("Request: ..." / "Response: ...") and is split into command and
 * argument (request) or code and argument (response); every further line is a text item. The
 * client's side is the one whose destination port is the port FTP was found on.
 *
 * Per control connection the dissector keeps the current working directory (a 257 reply sets
 * it, a 250 reply to CWD or CDUP changes it), the last request line, AUTH TLS (after its 234
 * reply the connection is TLS's, from the next segment on) and the latest data connection it
 * announced. PORT, a 227 reply, EPRT and a 229 reply announce a data connection to TCP
 * (tw_tcp_conv_expect, tshark's conversation_new with the second port a wildcard): the first
 * connection that matches is dissected as ftp-data whatever its ports, and shows the setup frame,
 * the method, the first command after the setup (tshark 4.0: whatever it is, "CWD" too), its
 * frame and the directory at setup. Port 20 is
 * ftp-data too, announced or not.
 *
 * tshark's ftp.command-response.*, ftp.setup-frame, ftp.command and ftp.command-frame exist only
 * on a second pass (-2) and are not produced. Lines, paths and commands are kept up to
 * FTP_STR_MAX bytes.
 */
#include "ftp.h"

#include <stdio.h>
#include <string.h>

#include "../dissect.h"

static struct tw_proto_ids ids, data_ids;

enum {
    F_CWD,
    F_RESPONSE,
    F_REQUEST,
    F_REQ_COMMAND,
    F_REQ_ARG,
    F_RESP_CODE,
    F_RESP_ARG,
    F_PASV_IP,
    F_PASV_PORT,
    F_PASV_NAT,
    F_ACTIVE_IP,
    F_ACTIVE_PORT,
    F_ACTIVE_NAT,
    F_EPRT_AF,
    F_EPRT_IP,
    F_EPRT_IPV6,
    F_EPRT_PORT,
    F_EPSV_IP,
    F_EPSV_IPV6,
    F_EPSV_PORT,
    F_COUNT
};
enum { E_EPRT_INVALID, E_EPSV_INVALID, E_CODE_INVALID, E_PWD_INVALID, E_COUNT };
enum { D_SETUP_FRAME, D_SETUP_METHOD, D_COMMAND, D_COMMAND_FRAME, D_CWD, D_COUNT };

static const struct tw_vs response_vals[] = {
    {110, "Restart marker reply"},
    {120, "Service ready in nnn minutes"},
    {125, "Data connection already open; transfer starting"},
    {150, "File status okay; about to open data connection"},
    {200, "Command okay"},
    {202, "Command not implemented, superfluous at this site"},
    {211, "System status, or system help reply"},
    {212, "Directory status"},
    {213, "File status"},
    {214, "Help message"},
    {215, "NAME system type"},
    {220, "Service ready for new user"},
    {221, "Service closing control connection"},
    {225, "Data connection open; no transfer in progress"},
    {226, "Closing data connection"},
    {227, "Entering Passive Mode"},
    {229, "Entering Extended Passive Mode"},
    {230, "User logged in, proceed"},
    {232, "User logged in, authorized by security data exchange"},
    {234, "Security data exchange complete"},
    {235, "Security data exchange completed successfully"},
    {250, "Requested file action okay, completed"},
    {257, "PATHNAME created"},
    {331, "User name okay, need password"},
    {332, "Need account for login"},
    {334, "Requested security mechanism is ok"},
    {335, "Security data is acceptable, more is required"},
    {336, "Username okay, need password. Challenge is ..."},
    {350, "Requested file action pending further information"},
    {421, "Service not available, closing control connection"},
    {425, "Can't open data connection"},
    {426, "Connection closed; transfer aborted"},
    {431, "Need some unavailable resource to process security"},
    {450, "Requested file action not taken"},
    {451, "Requested action aborted: local error in processing"},
    {452, "Requested action not taken. Insufficient storage space in system"},
    {500, "Syntax error, command unrecognized"},
    {501, "Syntax error in parameters or arguments"},
    {502, "Command not implemented"},
    {503, "Bad sequence of commands"},
    {504, "Command not implemented for that parameter"},
    {522, "Network protocol not supported"},
    {530, "Not logged in"},
    {532, "Need account for storing files"},
    {533, "Command protection level denied for policy reasons"},
    {534, "Request denied for policy reasons"},
    {535, "Failed security check (hash, sequence, etc)"},
    {536, "Requested PROT level not supported by mechanism"},
    {537, "Command protection level not supported by security mechanism"},
    {550, "Requested action not taken: File unavailable"},
    {551, "Requested action aborted: page type unknown"},
    {552, "Requested file action aborted: Exceeded storage allocation"},
    {553, "Requested action not taken: File name not allowed"},
    {631, "Integrity protected reply"},
    {632, "Confidentiality and integrity protected reply"},
    {633, "Confidentiality protected reply"},
    {0, NULL}};
static const struct tw_vs af_vals[] = {{1, "IPv4"}, {2, "IPv6"}, {0, NULL}};

static const struct tw_field_def fields[F_COUNT] = {
    [F_CWD] = {"ftp.current-working-directory", "Current working directory", TW_FT_STRING},
    [F_RESPONSE] = {"ftp.response", "Response", TW_FT_BOOLEAN, 0, 0, NULL, NULL, NULL,
                    "TRUE if FTP response"},
    [F_REQUEST] = {"ftp.request", "Request", TW_FT_BOOLEAN, 0, 0, NULL, NULL, NULL,
                   "TRUE if FTP request"},
    [F_REQ_COMMAND] = {"ftp.request.command", "Request command", TW_FT_STRING},
    [F_REQ_ARG] = {"ftp.request.arg", "Request arg", TW_FT_STRING},
    [F_RESP_CODE] = {"ftp.response.code", "Response code", TW_FT_UINT32, TW_BASE_DEC, 0,
                     response_vals},
    [F_RESP_ARG] = {"ftp.response.arg", "Response arg", TW_FT_STRING},
    [F_PASV_IP] = {"ftp.passive.ip", "Passive IP address", TW_FT_IPv4, 0, 0, NULL, NULL, NULL,
                   "Passive IP address (check NAT)"},
    [F_PASV_PORT] = {"ftp.passive.port", "Passive port", TW_FT_UINT16, TW_BASE_PT_TCP, 0, NULL,
                     NULL, NULL, "Passive FTP server port"},
    [F_PASV_NAT] = {"ftp.passive.nat", "Passive IP NAT", TW_FT_BOOLEAN, 0, 0, NULL, NULL, NULL,
                    "NAT is active SIP and passive IP different"},
    [F_ACTIVE_IP] = {"ftp.active.cip", "Active IP address", TW_FT_IPv4, 0, 0, NULL, NULL, NULL,
                     "Active FTP client IP address"},
    [F_ACTIVE_PORT] = {"ftp.active.port", "Active port", TW_FT_UINT16, TW_BASE_PT_TCP, 0, NULL,
                       NULL, NULL, "Active FTP client port"},
    [F_ACTIVE_NAT] = {"ftp.active.nat", "Active IP NAT", TW_FT_BOOLEAN, 0, 0, NULL, NULL, NULL,
                      "NAT is active"},
    [F_EPRT_AF] = {"ftp.eprt.af", "Extended active address family", TW_FT_UINT8, TW_BASE_DEC, 0,
                   af_vals},
    [F_EPRT_IP] = {"ftp.eprt.ip", "Extended active IP address", TW_FT_IPv4, 0, 0, NULL, NULL, NULL,
                   "Extended active FTP client IPv4 address"},
    [F_EPRT_IPV6] = {"ftp.eprt.ipv6", "Extended active IPv6 address", TW_FT_IPv6, 0, 0, NULL, NULL,
                     NULL, "Extended active FTP client IPv6 address"},
    [F_EPRT_PORT] = {"ftp.eprt.port", "Extended active port", TW_FT_UINT16, TW_BASE_PT_TCP, 0, NULL,
                     NULL, NULL, "Extended active FTP client listener port"},
    [F_EPSV_IP] = {"ftp.epsv.ip", "Extended passive IPv4 address", TW_FT_IPv4, 0, 0, NULL, NULL,
                   NULL, "Extended passive FTP server IPv4 address"},
    [F_EPSV_IPV6] = {"ftp.epsv.ipv6", "Extended passive IPv6 address", TW_FT_IPv6, 0, 0, NULL, NULL,
                     NULL, "Extended passive FTP server IPv6 address"},
    [F_EPSV_PORT] = {"ftp.epsv.port", "Extended passive port", TW_FT_UINT16, TW_BASE_PT_TCP, 0,
                     NULL, NULL, NULL, "Extended passive FTP server port"},
};
static const struct tw_expert_def experts[E_COUNT] = {
    [E_EPRT_INVALID] = {"ftp.eprt.args_invalid", "decoder.ftp.eprt_args_invalid", TW_SEV_WARN,
                        TW_GRP_MALFORMED,
                        "EPRT arguments must have the form: |<family>|<addr>|<port>|"},
    [E_EPSV_INVALID] = {"ftp.epsv.args_invalid", "decoder.ftp.epsv_args_invalid", TW_SEV_WARN,
                        TW_GRP_MALFORMED, "EPSV arguments must have the form (|||<port>|)"},
    [E_CODE_INVALID] = {"ftp.response.code.invalid", "decoder.ftp.response_code_invalid",
                        TW_SEV_ERROR, TW_GRP_MALFORMED, "Invalid response code"},
    [E_PWD_INVALID] = {"ftp.response.pwd.invalid", "decoder.ftp.pwd_response_invalid", TW_SEV_ERROR,
                       TW_GRP_MALFORMED, "Invalid PWD response"},
};
static const struct tw_field_def data_fields[D_COUNT] = {
    [D_SETUP_FRAME] = {"ftp-data.setup-frame", "Setup frame", TW_FT_FRAMENUM, 0, 0, NULL, NULL,
                       NULL, "Where ftp-data conversation was signalled"},
    [D_SETUP_METHOD] = {"ftp-data.setup-method", "Setup method", TW_FT_STRING, 0, 0, NULL, NULL,
                        NULL, "Method used to set up data conversation"},
    [D_COMMAND] = {"ftp-data.command", "Command", TW_FT_STRING, 0, 0, NULL, NULL, NULL,
                   "Command that this data stream answers"},
    [D_COMMAND_FRAME] = {"ftp-data.command-frame", "Command frame", TW_FT_FRAMENUM, 0, 0, NULL,
                         NULL, NULL, "Where command for this data was seen"},
    [D_CWD] = {"ftp-data.current-working-directory", "Current working directory", TW_FT_STRING, 0,
               0, NULL, NULL, NULL, "Current working directory at time of command"},
};
#define HF(x)  ((uint16_t)(ids.base + (x)))
#define EX(x)  ((uint16_t)(ids.expert_base + (x)))
#define DHF(x) ((uint16_t)(data_ids.base + (x)))

/* a string kept across packets */
struct str {
    uint16_t n;
    char s[FTP_STR_MAX];
};

static void str_set(struct str *d, const uint8_t *s, size_t n)
{
    if (n > FTP_STR_MAX) n = FTP_STR_MAX;
    memcpy(d->s, s, n);
    d->n = (uint16_t)n;
}

/* a data connection announced by a control connection (tshark's ftp_data_conversation_t) */
struct data_conv {
    struct tw_ftp_data info;
    struct str command, cwd;
    uint32_t cwd_gen; /* the control connection's directory buffer it shares (see ctrl) */
    uint64_t ctrl_tag;
};

/* a control connection */
struct ctrl {
    uint64_t tag;   /* its own id (data connections find it by this) */
    struct str cwd; /* empty until a 257 or 250 reply says otherwise */
    /* tshark's data conversation points at the control's directory buffer; a relative CWD
     * while the directory is empty appends to that buffer, every other change replaces it: the
     * generation counts the replacements */
    uint32_t cwd_gen;
    struct str last; /* the last request line */
    bool have_last;
    uint64_t data_tag; /* the latest data connection announced, 0 for none */
    bool tls_requested, tls;
};

static struct tw_state *ctrl_tab, *data_tab;
static uint64_t next_tag;

static void ftp_init(void)
{
    ctrl_tab = tw_state_open("ftp.conv", sizeof(struct ctrl), 8192, NULL);
    data_tab = tw_state_open("ftp.data", sizeof(struct data_conv), 16384, NULL);
    next_tag = 0;
}

static struct data_conv *data_get(uint64_t tag)
{
    if (!tag || !data_tab) return NULL;
    return tw_state_get(data_tab, &tag, sizeof tag);
}

/* Wireshark's tvb_find_line_end() (no end of line needed) */
static uint32_t line_end(const uint8_t *d, uint32_t off, uint32_t end, uint32_t *next)
{
    for (uint32_t i = off; i < end; i++) {
        if (d[i] == '\n') {
            *next = i + 1;
            return i - off;
        }
        if (d[i] == '\r') {
            *next = i + 1 < end && d[i + 1] == '\n' ? i + 2 : i + 1;
            return i - off;
        }
    }
    *next = end;
    return end - off;
}

/* the length of a valid UTF-8 sequence at s (n bytes left), 0 if there is none */
static uint32_t utf8_len(const uint8_t *s, uint32_t n)
{
    uint8_t c = s[0];
    uint32_t len;
    uint32_t cp;
    if (c >= 0xc2 && c <= 0xdf) {
        len = 2;
        cp = c & 0x1fu;
    } else if (c >= 0xe0 && c <= 0xef) {
        len = 3;
        cp = c & 0x0fu;
    } else if (c >= 0xf0 && c <= 0xf4) {
        len = 4;
        cp = c & 0x07u;
    } else {
        return 0;
    }
    if (n < len) return 0;
    for (uint32_t i = 1; i < len; i++) {
        if ((s[i] & 0xc0) != 0x80) return 0;
        cp = cp << 6 | (s[i] & 0x3fu);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
        (cp >= 0xd800 && cp <= 0xdfff))
        return 0;
    return len;
}

/* tshark 4.0's format_text(): C escapes for \a \b \f \n \r \t \v, octal for the other
 * control characters and DEL, valid UTF-8 as it is, U+FFFD for every other byte */
static char *fmt_text(struct tw_pkt *p, const uint8_t *s, uint32_t n)
{
    char *o = tw_arena_alloc(p->arena, (size_t)n * 4 + 1);
    if (!o) return NULL;
    size_t k = 0;
    for (uint32_t i = 0; i < n;) {
        uint8_t ch = s[i];
        if (ch >= 0x80) {
            uint32_t l = utf8_len(s + i, n - i);
            if (l) {
                memcpy(o + k, s + i, l);
                k += l;
                i += l;
            } else {
                memcpy(o + k, "\xef\xbf\xbd", 3);
                k += 3;
                i++;
            }
            continue;
        }
        i++;
        const char *esc = tw_text_escape(ch, false);
        if (esc) {
            o[k++] = esc[0];
            o[k++] = esc[1];
        } else if (ch >= 0x20 && ch < 0x7f) {
            o[k++] = (char)ch;
        } else {
            o[k++] = '\\';
            o[k++] = (char)('0' + (ch >> 6));
            o[k++] = (char)('0' + ((ch >> 3) & 7));
            o[k++] = (char)('0' + (ch & 7));
        }
    }
    o[k] = 0;
    return o;
}

#define INFO_MAX  4095 /* bytes of the Info column */
#define LABEL_MAX 239  /* bytes of a tree label */

/* a text line: tshark cuts a label that does not fit in 240 bytes and marks it */
static int32_t add_line(struct tw_pkt *p, const uint8_t *d, uint32_t off, uint32_t len)
{
    if (!p->want_all) return -1;
    char *t = fmt_text(p, d + off, len);
    if (!t) return -1;
    size_t n = strlen(t);
    if (n > LABEL_MAX) {
        static const char mark[] = " [truncated]";
        n = LABEL_MAX - 1 - (sizeof mark - 1);
        while (n && ((uint8_t)t[n] & 0xc0) == 0x80) n--;
        t[n] = 0;
        return tw_add_text(p, off, len, "%s%s", mark, t);
    }
    return tw_add_text(p, off, len, "%s", t);
}

static bool is_digit(uint8_t c)
{
    return c >= '0' && c <= '9';
}

/* sscanf's %d: blanks, a sign, digits */
static bool scan_int(const uint8_t *s, uint32_t n, uint32_t *i, int64_t *v)
{
    uint32_t k = *i;
    while (k < n && (s[k] == ' ' || (s[k] >= '\t' && s[k] <= '\r'))) k++;
    bool neg = false;
    if (k < n && (s[k] == '-' || s[k] == '+')) neg = s[k++] == '-';
    if (k >= n || !is_digit(s[k])) return false;
    int64_t x = 0;
    while (k < n && is_digit(s[k])) {
        if (x < ((int64_t)1 << 40)) x = x * 10 + (s[k] - '0');
        k++;
    }
    *v = neg ? -x : x;
    *i = k;
    return true;
}

static uint32_t ndigits(int64_t v)
{
    return v < 10 ? 1 : v < 100 ? 2 : 3;
}

/* tshark's parse_port_pasv(): from each digit on, six comma-separated integers (a NUL ends the
 * text) */
static bool parse_port_pasv(const uint8_t *s, uint32_t n, uint8_t ip[4], uint16_t *port,
                            uint32_t *at, uint32_t *ip_len, uint32_t *port_len)
{
    const uint8_t *z = memchr(s, 0, n);
    if (z) n = (uint32_t)(z - s);
    uint32_t i = 0;
    for (;;) {
        while (i < n && !is_digit(s[i])) i++;
        if (i >= n) return false;
        int64_t v[6];
        uint32_t k = i;
        int got = 0;
        while (got < 6) {
            if (!scan_int(s, n, &k, &v[got])) break;
            got++;
            if (got < 6) {
                if (k >= n || s[k] != ',') break;
                k++;
            }
        }
        if (got == 6) {
            uint32_t a =
                (uint32_t)v[0] << 24 | (uint32_t)v[1] << 16 | (uint32_t)v[2] << 8 | (uint32_t)v[3];
            ip[0] = (uint8_t)(a >> 24);
            ip[1] = (uint8_t)(a >> 16);
            ip[2] = (uint8_t)(a >> 8);
            ip[3] = (uint8_t)a;
            *port = (uint16_t)(((uint32_t)v[4] & 0xff) << 8 | ((uint32_t)v[5] & 0xff));
            *at = i;
            *port_len = ndigits(v[4]) + 1 + ndigits(v[5]);
            *ip_len = ndigits(v[0]) + 1 + ndigits(v[1]) + 1 + ndigits(v[2]) + 1 + ndigits(v[3]);
            return true;
        }
        while (i < n && is_digit(s[i])) i++;
    }
}

/* RFC 2428's delimiter: printable, not a hex digit, '.' or ':' */
static bool delim_ok(uint8_t c)
{
    if (c <= 0x20 || c >= 0x7f) return false;
    if (c >= 'A' && c <= 'Z') c = (uint8_t)(c + 32);
    return !strchr("0123456789abcdef.:", c);
}

static bool strtou(const uint8_t *s, uint32_t n, uint32_t max, uint32_t *out)
{
    if (n == 0) return false;
    uint64_t v = 0;
    for (uint32_t i = 0; i < n; i++) {
        if (!is_digit(s[i])) return false;
        v = v * 10 + (uint64_t)(s[i] - '0');
        if (v > max) return false;
    }
    *out = (uint32_t)v;
    return true;
}

/* inet_pton-like parsers on a bounded field */
static bool parse_ipv4(const uint8_t *s, uint32_t n, uint8_t out[4])
{
    char b[64];
    if (n >= sizeof b) return false;
    memcpy(b, s, n);
    b[n] = 0;
    unsigned a[4];
    char tail;
    if (sscanf(b, "%3u.%3u.%3u.%3u%c", &a[0], &a[1], &a[2], &a[3], &tail) != 4) return false;
    for (int i = 0; i < 4; i++) {
        if (a[i] > 255) return false;
        out[i] = (uint8_t)a[i];
    }
    for (uint32_t i = 0; i < n; i++)
        if (!is_digit(s[i]) && s[i] != '.') return false;
    return true;
}

static int hexval(uint8_t c)
{
    if (is_digit(c)) return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static bool parse_ipv6(const uint8_t *s, uint32_t n, uint8_t out[16])
{
    uint16_t w[8];
    int nw = 0, gap = -1;
    uint32_t i = 0;
    if (n >= 2 && s[0] == ':' && s[1] == ':') {
        gap = 0;
        i = 2;
    } else if (n && s[0] == ':') {
        return false;
    }
    while (i < n) {
        if (nw >= 8) return false;
        /* an embedded IPv4 address at the end */
        uint32_t j = i;
        while (j < n && s[j] != ':') j++;
        bool dot = memchr(s + i, '.', j - i) != NULL;
        if (dot) {
            uint8_t v4[4];
            if (j != n || nw > 6 || !parse_ipv4(s + i, n - i, v4)) return false;
            w[nw++] = (uint16_t)(v4[0] << 8 | v4[1]);
            w[nw++] = (uint16_t)(v4[2] << 8 | v4[3]);
            i = n;
            break;
        }
        if (j == i || j - i > 4) return false;
        uint32_t v = 0;
        for (uint32_t k = i; k < j; k++) {
            int h = hexval(s[k]);
            if (h < 0) return false;
            v = v << 4 | (uint32_t)h;
        }
        w[nw++] = (uint16_t)v;
        i = j;
        if (i < n) {
            i++; /* ':' */
            if (i < n && s[i] == ':') {
                if (gap >= 0) return false;
                gap = nw;
                i++;
            } else if (i == n) {
                return false;
            }
        }
    }
    if (gap < 0 && nw != 8) return false;
    if (gap >= 0 && nw > 7) return false;
    memset(out, 0, 16);
    int k = 0;
    for (int x = 0; x < (gap < 0 ? nw : gap); x++, k++) {
        out[2 * k] = (uint8_t)(w[x] >> 8);
        out[2 * k + 1] = (uint8_t)w[x];
    }
    if (gap >= 0) {
        k = 8 - (nw - gap);
        for (int x = gap; x < nw; x++, k++) {
            out[2 * k] = (uint8_t)(w[x] >> 8);
            out[2 * k + 1] = (uint8_t)w[x];
        }
    }
    return true;
}

/* tshark's parse_eprt_request(): |af|addr|port| with any valid delimiter */
static bool parse_eprt(const uint8_t *s, uint32_t n, uint32_t *af, uint8_t addr[16],
                       uint32_t *ip_len, uint16_t *port, uint32_t *port_len)
{
    const uint8_t *z = memchr(s, 0, n);
    if (z) n = (uint32_t)(z - s);
    if (n < 4 || !delim_ok(s[0])) return false;
    uint8_t d = s[0];
    int cnt = 0;
    for (uint32_t i = 0; i < n; i++) cnt += s[i] == d;
    if (cnt != 4) return false;
    int seen = 1;
    uint32_t last = 0;
    bool ret = true;
    for (uint32_t i = 1; i < n; i++) {
        if (s[i] != d) continue;
        seen++;
        if (i - last - 1 == 0) return false;
        const uint8_t *f = s + last + 1;
        uint32_t fl = i - last - 1;
        if (seen == 2) {
            if (!strtou(f, fl, UINT32_MAX, af)) return false;
        } else if (seen == 3) {
            if (*af == 1)
                ret = parse_ipv4(f, fl, addr);
            else if (*af == 2)
                ret = parse_ipv6(f, fl, addr);
            else
                return false;
            *ip_len = fl;
        } else if (seen == 4) {
            uint32_t v;
            if (!strtou(f, fl, 65535, &v)) return false;
            *port = (uint16_t)v;
            *port_len = fl;
        }
        last = i;
    }
    return ret;
}

/* tshark's parse_extended_pasv_response(): "(" and up to three equal delimiters, then the port
 * and a ")" somewhere after it */
static bool parse_epsv(const uint8_t *s, uint32_t n, uint16_t *port, uint32_t *at,
                       uint32_t *port_len)
{
    const uint8_t *z = memchr(s, 0, n);
    if (z) n = (uint32_t)(z - s);
    uint32_t i = 0;
    while (i < n && s[i] != '(') i++;
    if (i >= n) return false;
    i++;
    uint8_t d = 0;
    for (int k = 0; k < 3 && i < n; k++) {
        uint8_t c = s[i];
        if (d == 0 && delim_ok(c)) d = c;
        if (c != d) break;
        i++;
    }
    if (i >= n) return false;
    /* ws_strtou16() wants the whole rest to be the number; tshark also takes a number that
     * stops at '|' */
    uint32_t k = i;
    uint64_t v = 0;
    while (k < n && is_digit(s[k]) && v <= 65535) v = v * 10 + (uint64_t)(s[k++] - '0');
    bool ok = k > i && v <= 65535 && (k == n || !is_digit(s[k]));
    if (!ok || (k < n && s[k] != '|')) return false;
    *port = (uint16_t)v;
    *at = i;
    /* strchr(): the first ')' from the port on */
    const uint8_t *e = memchr(s + i, ')', n - i);
    if (!e) return false;
    *port_len = (uint32_t)(e - 1 - (s + i));
    return true;
}

/* tshark's add_directory_to_conv(): append and normalise ".." and "." */
static void cwd_add(struct ctrl *cc, const char *np, size_t nl)
{
    if (cc->cwd.n == 0) {
        /* tshark appends to the buffer its data connections share */
        str_set(&cc->cwd, (const uint8_t *)np, nl);
        struct data_conv *dc = data_get(cc->data_tag);
        if (dc && dc->cwd_gen == cc->cwd_gen) dc->cwd = cc->cwd;
        return;
    }
    char app[2 * FTP_STR_MAX + 2];
    size_t an = cc->cwd.n;
    memcpy(app, cc->cwd.s, an);
    if (app[an - 1] != '/') app[an++] = '/';
    memcpy(app + an, np, nl);
    an += nl;
    char out[2 * FTP_STR_MAX + 2];
    size_t on = 0;
    size_t off = 0;
    if (cc->cwd.s[0] == '/') {
        out[on++] = '/';
        off = 1;
    }
    char folder[2 * FTP_STR_MAX + 2];
    size_t fn = 0;
    for (; off <= an; off++) {
        char ch = off < an ? app[off] : 0;
        if (off == an || ch == '/' || ch == 0) {
            if (off > 0 && fn > 0) {
                if (fn == 2 && folder[0] == '.' && folder[1] == '.') {
                    while (on && out[on - 1] != '/') on--;
                    if (on > 1 && out[on - 1] == '/') on--;
                } else if (fn == 1 && folder[0] == '.') {
                } else {
                    if (on > 0 && out[on - 1] != '/') out[on++] = '/';
                    memcpy(out + on, folder, fn);
                    on += fn;
                }
                fn = 0;
            }
        } else {
            folder[fn++] = ch;
        }
        if (ch == 0) break;
    }
    str_set(&cc->cwd, (const uint8_t *)out, on);
    cc->cwd_gen++;
}

static void cwd_change(struct ctrl *cc, const char *np, size_t nl)
{
    if (nl && np[0] == '/') {
        str_set(&cc->cwd, (const uint8_t *)np, nl);
        cc->cwd_gen++;
    } else {
        cwd_add(cc, np, nl);
    }
}

/* tshark's process_pwd_success(): the quoted path ("" stands for one quote); false when the
 * reply is not of that form */
static bool cwd_from_pwd(struct ctrl *cc, const uint8_t *s, uint32_t n)
{
    if (n < 2 || s[0] != '"') return false;
    char out[FTP_STR_MAX];
    size_t on = 0;
    bool started = false;
    uint32_t i;
    for (i = 0; i < n && s[i] != '\r' && s[i] != '\n'; i++) {
        if (s[i] == '"') {
            if (i + 1 < n && s[i + 1] == '"') {
                if (on < sizeof out) out[on++] = '"';
                i++;
            } else {
                if (started) break;
                started = true;
            }
        } else if (on < sizeof out) {
            out[on++] = (char)s[i];
        }
    }
    if (i >= n || s[i] != '"') return false;
    str_set(&cc->cwd, (const uint8_t *)out, on);
    cc->cwd_gen++;
    return true;
}

/* create_and_link_data_conversation() */
static void announce(struct tw_pkt *p, struct ctrl *cc, const uint8_t *a1, const uint8_t *a2,
                     uint8_t alen, uint16_t port1, const char *method)
{
    if (!data_tab) return;
    uint64_t tag = ++next_tag;
    bool fresh = false;
    struct data_conv *dc = tw_state_put(data_tab, &tag, sizeof tag, &fresh);
    if (!dc) return;
    memset(dc, 0, sizeof *dc);
    dc->info.setup_method = method;
    dc->info.setup_frame = (uint32_t)p->frame->recno;
    dc->cwd = cc->cwd;
    dc->cwd_gen = cc->cwd_gen;
    dc->ctrl_tag = cc->tag;
    cc->data_tag = tag;
    tw_tcp_conv_expect(a1, a2, alen, port1, TW_KEY_FTP_DATA, tag, dc->info.setup_frame);
}

static int32_t add_str(struct tw_pkt *p, uint16_t hf, uint32_t off, uint32_t len, const char *s,
                       size_t n)
{
    if (!tw_want(p, hf)) return -1;
    uint8_t *b = tw_arena_alloc(p->arena, n + 1);
    if (!b) return -1;
    memcpy(b, s, n);
    b[n] = 0;
    return tw_add_ptr(p, hf, off, len, b, (uint32_t)n);
}

static const uint8_t *dup(struct tw_pkt *p, const uint8_t *b, size_t n)
{
    uint8_t *o = tw_arena_alloc(p->arena, n);
    if (o) memcpy(o, b, n);
    return o;
}

static int32_t add_generated(struct tw_pkt *p, int32_t r)
{
    tw_rec_flags(p, r, TW_RF_GENERATED);
    return r;
}

/* proto_tree_add_expert(): a text line carrying the message, with the expert under it */
static void add_expert_item(struct tw_pkt *p, int e, uint32_t off, uint32_t len)
{
    int32_t t = tw_add_text(p, off, len, "%s", experts[e].summary);
    tw_tree_push(p, t);
    tw_expert(p, EX(e), off, len, "%s", experts[e].summary);
    tw_tree_pop(p);
}

static uint16_t match_port(const struct tw_pkt *p)
{
    uint16_t lo = TW_MIN(p->ctx.srcport, p->ctx.dstport);
    uint16_t hi = TW_MAX(p->ctx.srcport, p->ctx.dstport);
    return tw_dispatch_find(TW_TBL_TCP_PORT, lo) == (int)ids.proto ? lo : hi;
}

static bool is_v4(const struct tw_pkt *p)
{
    return p->ctx.ip_src.p && p->ctx.ip_dst.p && p->ctx.ip_src.len == 4 && p->ctx.ip_dst.len == 4;
}

static bool same_len(const struct tw_pkt *p, uint8_t len)
{
    return p->ctx.ip_src.p && p->ctx.ip_dst.p && p->ctx.ip_src.len == len &&
           p->ctx.ip_dst.len == len;
}

static enum tw_status dissect_ftp(struct tw_pkt *p, struct tw_cur *c)
{
    struct ctrl *cc = ctrl_tab ? tw_conv_state(ctrl_tab, p) : NULL;
    if (cc && !cc->tag) cc->tag = ++next_tag;
    if (cc && cc->tls) {
        /* ssl_starttls_ack(): the connection is TLS's now (FTP does not appear) */
        tw_layer_unrecord(p);
        tw_layer_hide(p);
        p->ctx.starttls_app = "File Transfer Protocol (FTP)";
        p->deseg.layer = p->nlayers; /* TLS, the next layer, may ask TCP for more */
        tw_next(p, TW_TBL_TCP_PORT, 443, *c);
        return TW_OK;
    }
    const bool req = p->ctx.dstport == match_port(p);
    const uint8_t *d = c->data;
    const uint32_t start = c->off;
    const uint32_t end = TW_MIN(c->cap, c->end);
    tw_col_proto(p, "FTP");
    uint32_t next;
    uint32_t linelen = line_end(d, start, end, &next);
    if (p->want_cols) {
        /* the Info column holds 4095 bytes (COL_MAX_INFO_LEN) */
        const char *pre = req ? "Request: " : "Response: ";
        char *t = fmt_text(p, d + start, linelen);
        if (t) {
            size_t room = INFO_MAX - strlen(pre), n = strlen(t);
            if (n > room) {
                n = room;
                while (n && ((uint8_t)t[n] & 0xc0) == 0x80) n--;
                t[n] = 0;
            }
        }
        tw_info_set(p, pre);
        if (t) tw_info_add(p, t);
    }
    tw_layer_setlen(p, end - start);
    int32_t r = tw_add_uint(p, HF(F_REQUEST), start, 0, req);
    tw_rec_flags(p, r, TW_RF_HIDDEN);
    r = tw_add_uint(p, HF(F_RESPONSE), start, 0, !req);
    tw_rec_flags(p, r, TW_RF_HIDDEN);
    tw_tree_push(p, add_line(p, d, start, next - start));

    const uint8_t *line = d + start;
    uint32_t tok = 0, argoff = 0;
    int32_t code_rec = -1;
    uint32_t code = 0;
    bool is_port = false, is_eprt = false, is_pasv = false, is_epsv = false;
    if (req) {
        while (tok < linelen && line[tok] != ' ') tok++;
        argoff = tok;
        while (argoff < linelen && line[argoff] == ' ') argoff++;
        if (tok) {
            tw_add_ascii(p, HF(F_REQ_COMMAND), start, tok, line);
            if (tok == 4 && memcmp(line, "PORT", 4) == 0)
                is_port = true;
            else if (tok == 4 && memcmp(line, "EPRT", 4) == 0)
                is_eprt = true;
        }
        if (cc) {
            str_set(&cc->last, line, linelen);
            cc->have_last = true;
            if (linelen == 8 && memcmp(line, "AUTH TLS", 8) == 0) cc->tls_requested = true;
            struct data_conv *dc = data_get(cc->data_tag);
            if (dc && !dc->info.command_frame) {
                dc->command = cc->last;
                dc->info.command_frame = (uint32_t)p->frame->recno;
            }
        }
    } else {
        if (linelen >= 3 && is_digit(line[0]) && is_digit(line[1]) && is_digit(line[2])) {
            code = (uint32_t)(line[0] - '0') * 100 + (uint32_t)(line[1] - '0') * 10 +
                   (uint32_t)(line[2] - '0');
            code_rec = tw_add_uint(p, HF(F_RESP_CODE), start, 3, code);
            is_pasv = code == 227;
            is_epsv = code == 229;
            if (cc && code == 234 && cc->tls_requested) {
                cc->tls = true;
                cc->tls_requested = false;
            }
            if (cc && code == 250 && cc->have_last) {
                if (cc->last.n >= 4 && memcmp(cc->last.s, "CWD ", 4) == 0)
                    cwd_change(cc, cc->last.s + 4, cc->last.n - 4u);
                else if (cc->last.n >= 4 && memcmp(cc->last.s, "CDUP", 4) == 0)
                    cwd_change(cc, "..", 2);
            }
            if (cc && code == 257 && linelen >= 4 && !cwd_from_pwd(cc, line + 4, linelen - 4)) {
                tw_tree_push(p, code_rec);
                tw_expert(p, EX(E_PWD_INVALID), start, 3, "Invalid PWD response");
                tw_tree_pop(p);
            }
            argoff = linelen >= 4 ? 4 : linelen;
        }
    }
    const uint8_t *arg = line + argoff;
    uint32_t alen = linelen - argoff;
    if (alen) tw_add_ascii(p, HF(req ? F_REQ_ARG : F_RESP_ARG), start + argoff, alen, arg);

    uint8_t ip[16];
    uint16_t port = 0;
    uint32_t at = 0, ip_len = 0, port_len = 0;
    if (is_port && parse_port_pasv(arg, alen, ip, &port, &at, &ip_len, &port_len)) {
        tw_add_ptr(p, HF(F_ACTIVE_IP), start + at + tok + 1, ip_len, dup(p, ip, 4), 4);
        tw_add_uint(p, HF(F_ACTIVE_PORT), start + at + 1 + tok + 1 + ip_len, port_len, port);
        bool nat = !is_v4(p) || memcmp(p->ctx.ip_src.p, ip, 4) != 0;
        if (nat) tw_add_uint(p, HF(F_ACTIVE_NAT), start, 0, 1);
        if (cc && is_v4(p)) announce(p, cc, p->ctx.ip_dst.p, ip, 4, 20, "PORT");
    }
    if (is_pasv && alen && parse_port_pasv(arg, alen, ip, &port, &at, &ip_len, &port_len)) {
        tw_add_ptr(p, HF(F_PASV_IP), start + at + 4, ip_len, dup(p, ip, 4), 4);
        tw_add_uint(p, HF(F_PASV_PORT), start + at + 4 + 1 + ip_len, port_len, port);
        bool nat = !is_v4(p) || memcmp(p->ctx.ip_src.p, ip, 4) != 0;
        if (nat) tw_add_uint(p, HF(F_PASV_NAT), start, 0, 1);
        if (cc && is_v4(p)) announce(p, cc, ip, p->ctx.ip_dst.p, 4, port, "PASV");
    }
    if (is_eprt) {
        uint32_t af = 0;
        if (parse_eprt(arg, alen, &af, ip, &ip_len, &port, &port_len)) {
            uint32_t o = start + tok + 2;
            tw_add_uint(p, HF(F_EPRT_AF), o, 1, af);
            o += 2;
            if (af == 1)
                tw_add_ptr(p, HF(F_EPRT_IP), o, ip_len, dup(p, ip, 4), 4);
            else
                tw_add_ptr(p, HF(F_EPRT_IPV6), o, ip_len, dup(p, ip, 16), 16);
            o += ip_len + 1;
            tw_add_uint(p, HF(F_EPRT_PORT), o, port_len, port);
            uint8_t al = af == 1 ? 4 : 16;
            if (cc && same_len(p, al)) announce(p, cc, p->ctx.ip_src.p, ip, al, port, "EPRT");
        } else {
            add_expert_item(p, E_EPRT_INVALID, start + argoff, alen);
        }
    }
    if (is_epsv && alen) {
        if (parse_epsv(arg, alen, &port, &at, &port_len)) {
            if (same_len(p, 4))
                add_generated(p, tw_add_ptr(p, HF(F_EPSV_IP), start, 0, p->ctx.ip_src.p, 4));
            else if (same_len(p, 16))
                add_generated(p, tw_add_ptr(p, HF(F_EPSV_IPV6), start, 0, p->ctx.ip_src.p, 16));
            tw_add_uint(p, HF(F_EPSV_PORT), start + at + 4, port_len, port);
            if (cc && (same_len(p, 4) || same_len(p, 16)))
                announce(p, cc, p->ctx.ip_src.p, p->ctx.ip_dst.p, p->ctx.ip_src.len, port, "EPASV");
        } else {
            add_expert_item(p, E_EPSV_INVALID, start + argoff, alen);
        }
    }
    (void)code;
    tw_tree_pop(p);

    /* the rest, a line at a time */
    uint32_t off = next;
    while (off < end) {
        uint32_t nx;
        line_end(d, off, end, &nx);
        add_line(p, d, off, nx - off);
        off = nx;
    }
    /* the directory, beside the FTP tree */
    if (cc && tw_want(p, HF(F_CWD))) {
        uint32_t saved = p->ntree;
        p->ntree = p->chain_base;
        add_generated(p, add_str(p, HF(F_CWD), start, 0, cc->cwd.s, cc->cwd.n));
        p->ntree = saved;
    }
    c->off = c->end;
    return TW_OK;
}

const struct tw_ftp_data *tw_ftp_data_info(const struct tw_pkt *p)
{
    struct data_conv *dc = data_get(p->ctx.tcp_conv_tag);
    if (!dc) return NULL;
    struct tw_ftp_data *i = &dc->info;
    i->command = dc->info.command_frame ? dc->command.s : NULL;
    i->command_len = dc->command.n;
    return i;
}

static enum tw_status dissect_ftp_data(struct tw_pkt *p, struct tw_cur *c)
{
    const uint32_t start = c->off;
    const uint32_t end = TW_MIN(c->cap, c->end);
    const uint32_t caplen = end > start ? end - start : 0;
    const uint32_t replen = tw_cur_left(c);
    tw_col_proto(p, "FTP-DATA");
    if (p->want_cols) {
        char b[40];
        snprintf(b, sizeof b, "FTP Data: %u bytes", replen);
        tw_info_set(p, b);
    }
    tw_layer_label(p, "FTP Data (%u bytes data)", caplen);
    uint32_t saved = p->ntree;
    p->ntree = p->chain_base;
    if (p->ctx.tcp_setup_frame)
        add_generated(p, tw_add_uint(p, DHF(D_SETUP_FRAME), start, 0, p->ctx.tcp_setup_frame));
    struct data_conv *dc = data_get(p->ctx.tcp_conv_tag);
    if (dc) {
        if (dc->info.setup_method) {
            add_generated(p, add_str(p, DHF(D_SETUP_METHOD), start, 0, dc->info.setup_method,
                                     strlen(dc->info.setup_method)));
            tw_info_printf(p, " (%s)", dc->info.setup_method);
        }
        if (dc->info.command_frame) {
            add_generated(p, add_str(p, DHF(D_COMMAND), start, 0, dc->command.s, dc->command.n));
            if (p->want_cols) {
                tw_info_add(p, " (");
                char *s = tw_arena_alloc(p->arena, dc->command.n + 1u);
                if (s) {
                    memcpy(s, dc->command.s, dc->command.n);
                    s[dc->command.n] = 0;
                    tw_info_add(p, s);
                }
                tw_info_add(p, ")");
            }
            tw_add_uint(p, DHF(D_COMMAND_FRAME), start, 0, dc->info.command_frame);
        }
        add_generated(p, add_str(p, DHF(D_CWD), start, 0, dc->cwd.s, dc->cwd.n));
    }
    p->ntree = saved;
    /* --export-objects ftp-data, as tshark's ftp_eo tap: the data of a STOR or RETR transfer
     * (not APPE nor STOU: suricata-verify ruletype-firewall-116), appended packet by packet
     * under the command's frame, named by the command's argument (its line from the 6th byte
     * on) */
    if (dc && dc->info.command_frame && caplen && tw_export_wanted(p, TW_TAP_EO_FTP_DATA) &&
        dc->command.n >= 4) {
        static const char *const xfer[] = {"STOR", "RETR"};
        bool is_xfer = false;
        for (size_t i = 0; i < TW_ARRAY_LEN(xfer); i++)
            if (memcmp(dc->command.s, xfer[i], 4) == 0) is_xfer = true;
        if (is_xfer) {
            uint32_t nl = dc->command.n > 5 ? dc->command.n - 5 : 0;
            char *fname = tw_arena_alloc(p->arena, nl + 1u);
            if (fname) {
                memcpy(fname, dc->command.s + (dc->command.n - nl), nl);
                fname[nl] = 0;
                tw_export_object_part(p, TW_TAP_EO_FTP_DATA, dc->info.command_frame, NULL, NULL,
                                      fname, c->data + start, caplen);
            }
        }
    }
    /* text if the first 20 bytes are printable ASCII, CR or LF */
    bool text = true;
    for (uint32_t i = 0; i < caplen && i < 20; i++) {
        uint8_t ch = c->data[start + i];
        if (ch != '\r' && ch != '\n' && (ch < 0x20 || ch > 0x7e)) {
            text = false;
            break;
        }
    }
    if (text && caplen) {
        uint32_t key = tw_media_key("text/plain", 10);
        tw_dissect_here(p, TW_TBL_MEDIA_TYPE, 1, &key, *c);
    }
    c->off = c->end;
    return TW_OK;
}

static const struct tw_binding bindings[] = {{TW_TBL_TCP_PORT, 21}};

const struct tw_proto tw_proto_ftp = {
    .abbrev = "ftp",
    .name = "File Transfer Protocol (FTP)",
    .short_name = "FTP",
    .fields = fields,
    .nfields = F_COUNT,
    .experts = experts,
    .nexperts = E_COUNT,
    .bindings = bindings,
    .nbindings = TW_ARRAY_LEN(bindings),
    .dissect = dissect_ftp,
    .init = ftp_init,
    .ids = &ids,
};

static const struct tw_binding data_bindings[] = {{TW_TBL_TCP_PORT, 20},
                                                  {TW_TBL_NAME, TW_KEY_FTP_DATA}};

const struct tw_proto tw_proto_ftp_data = {
    .abbrev = "ftp-data",
    .name = "FTP Data",
    .short_name = "FTP-DATA",
    .fields = data_fields,
    .nfields = D_COUNT,
    .bindings = data_bindings,
    .nbindings = TW_ARRAY_LEN(data_bindings),
    .dissect = dissect_ftp_data,
    .ids = &data_ids,
};
