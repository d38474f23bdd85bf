/* HTTP/1.x over TCP (RFC 9110, RFC 9112), as tshark 4.0 shows it: the request or status line,
 * header lines (the known ones as fields of their own, every one also as a hidden
 * http.request.line / http.response.line), the body after Content-Length or the chunked
 * transfer coding, gzip/deflate/br content codings decoded into a data source of their own, and the
 * body handed to the protocol bound to its media type (Content-Type) in TW_TBL_MEDIA_TYPE.
 *
 *   request-line = method SP request-target SP HTTP-version CRLF
 *   status-line  = HTTP-version SP status-code SP [ reason-phrase ] CRLF
 *   *( field-line CRLF ) CRLF [ message-body ]
 *   chunked-body = *chunk last-chunk trailer-section CRLF
 *   chunk        = chunk-size [ chunk-ext ] CRLF chunk-data CRLF
 *
 * Several messages in one segment are dissected one after the other (pipelining). Requests and
 * responses are matched per TCP conversation in the single pass tshark makes: a request opens
 * an entry, a response takes the newest entry if it has no response yet, otherwise opens one of
 * its own (so the n-th response of a pipeline is not matched with the n-th request, exactly as
 * in tshark 4.0). Headers split across segments, and bodies shorter than their length, are asked
 * for from TCP (tw_deseg_request) as Wireshark's req_resp_hdrs_do_reassembly() does.
 *
 * Recognised uses need nothing special: ACME HTTP-01 challenges are GETs of
 * /.well-known/acme-challenge/TOKEN (http.request.uri), HKP is HTTP on TCP 11371 (/pks/lookup),
 * OCSP over HTTP (RFC 6960 appendix A) is a body of type application/ocsp-request/-response that
 * the OCSP dissector takes from TW_TBL_MEDIA_TYPE.
 *
 * Also here: Wireshark's "data-text-lines" (Line-based text data: text bodies, one tree line
 * per text line) and "media" (a body whose type nobody dissects), so that frame.protocols and
 * Info match tshark's. */
#include "../dissect.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <brotli/decode.h>
#include <zlib.h>

static struct tw_proto_ids ids, lines_ids, media_ids, ssdp_ids;
/* the Protocol column HTTP sets: "SSDP" while SSDP runs the HTTP parser over UDP */
static const char *col_name = "HTTP";
#define HF(x) ((uint16_t)(ids.base + (x)))
#define EX(x) ((uint16_t)(ids.expert_base + (x)))

enum {
    F_NOTIFICATION,
    F_RESPONSE,
    F_REQUEST,
    F_RESPONSE_NUMBER,
    F_REQUEST_NUMBER,
    F_AUTHBASIC,
    F_AUTHCITRIX,
    F_AUTHCITRIX_USER,
    F_AUTHCITRIX_DOMAIN,
    F_AUTHCITRIX_PASSWORD,
    F_AUTHCITRIX_SESSION,
    F_RESPONSE_LINE,
    F_REQUEST_LINE,
    F_METHOD,
    F_URI,
    F_URI_PATH,
    F_URI_QUERY,
    F_URI_QUERY_PARAM,
    F_REQ_VERSION,
    F_RESP_VERSION,
    F_FULL_URI,
    F_CODE,
    F_CODE_DESC,
    F_RESPONSE_FOR_URI,
    F_PHRASE,
    F_AUTHORIZATION,
    F_PROXY_AUTHENTICATE,
    F_PROXY_AUTHORIZATION,
    F_PROXY_CONNECT_HOST,
    F_PROXY_CONNECT_PORT,
    F_WWW_AUTHENTICATE,
    F_CONTENT_TYPE,
    F_CONTENT_LENGTH_HEADER,
    F_CONTENT_LENGTH,
    F_CONTENT_ENCODING,
    F_TRANSFER_ENCODING,
    F_UPGRADE,
    F_USER_AGENT,
    F_HOST,
    F_CONNECTION,
    F_COOKIE,
    F_COOKIE_PAIR,
    F_ACCEPT,
    F_REFERER,
    F_ACCEPT_LANGUAGE,
    F_ACCEPT_ENCODING,
    F_DATE,
    F_CACHE_CONTROL,
    F_SERVER,
    F_LOCATION,
    F_WS_ACCEPT,
    F_WS_EXTENSIONS,
    F_WS_KEY,
    F_WS_PROTOCOL,
    F_WS_VERSION,
    F_SET_COOKIE,
    F_LAST_MODIFIED,
    F_X_FORWARDED_FOR,
    F_HTTP2_SETTINGS,
    F_REQUEST_IN,
    F_RESPONSE_IN,
    F_NEXT_REQUEST_IN,
    F_NEXT_RESPONSE_IN,
    F_PREV_REQUEST_IN,
    F_PREV_RESPONSE_IN,
    F_TIME,
    F_TRAILER,
    F_CHUNK_BOUNDARY,
    F_CHUNK_SIZE,
    F_CHUNK_DATA,
    F_FILE_DATA,
    F_UNKNOWN_HEADER,
    F_HTTP2_SETTINGS_URI,
    F_PATH_SEGMENT,
    F_PATH_SUB_SEGMENT,
    F_COUNT
};

#define STR(abbrev, name, blurb)                                                                   \
    {                                                                                              \
        abbrev, name, TW_FT_STRING, TW_BASE_NONE, 0, NULL, NULL, NULL, blurb                       \
    }
#define FNUM(abbrev, name, kind, blurb)                                                            \
    {                                                                                              \
        abbrev, name, TW_FT_FRAMENUM, kind, 0, NULL, NULL, NULL, blurb                             \
    }
static const struct tw_field_def fields[F_COUNT] = {
    [F_NOTIFICATION] = {"http.notification", "Notification", TW_FT_BOOLEAN, 0, 0, NULL, NULL, NULL,
                        "TRUE if HTTP notification"},
    [F_RESPONSE] = {"http.response", "Response", TW_FT_BOOLEAN, 0, 0, NULL, NULL, NULL,
                    "TRUE if HTTP response"},
    [F_REQUEST] = {"http.request", "Request", TW_FT_BOOLEAN, 0, 0, NULL, NULL, NULL,
                   "TRUE if HTTP request"},
    [F_RESPONSE_NUMBER] = {"http.response_number", "Response number", TW_FT_UINT32, TW_BASE_DEC},
    [F_REQUEST_NUMBER] = {"http.request_number", "Request number", TW_FT_UINT32, TW_BASE_DEC},
    [F_AUTHBASIC] = STR("http.authbasic", "Credentials", NULL),
    [F_AUTHCITRIX] = {"http.authcitrix", "Citrix AG Auth", TW_FT_BOOLEAN, 0, 0, NULL, NULL, NULL,
                      "TRUE if CitrixAGBasic Auth"},
    [F_AUTHCITRIX_USER] = STR("http.authcitrix.user", "Citrix AG Username", NULL),
    [F_AUTHCITRIX_DOMAIN] = STR("http.authcitrix.domain", "Citrix AG Domain", NULL),
    [F_AUTHCITRIX_PASSWORD] = STR("http.authcitrix.password", "Citrix AG Password", NULL),
    [F_AUTHCITRIX_SESSION] = STR("http.authcitrix.session", "Citrix AG Session ID", NULL),
    [F_RESPONSE_LINE] = STR("http.response.line", "Response line", NULL),
    [F_REQUEST_LINE] = STR("http.request.line", "Request line", NULL),
    [F_METHOD] = STR("http.request.method", "Request Method", "HTTP Request Method"),
    [F_URI] = STR("http.request.uri", "Request URI", "HTTP Request-URI"),
    [F_URI_PATH] = STR("http.request.uri.path", "Request URI Path", "HTTP Request-URI Path"),
    [F_URI_QUERY] = STR("http.request.uri.query", "Request URI Query", "HTTP Request-URI Query"),
    [F_URI_QUERY_PARAM] = STR("http.request.uri.query.parameter", "Request URI Query Parameter",
                              "HTTP Request-URI Query Parameter"),
    [F_REQ_VERSION] = STR("http.request.version", "Request Version", "HTTP Request HTTP-Version"),
    [F_RESP_VERSION] =
        STR("http.response.version", "Response Version", "HTTP Response HTTP-Version"),
    [F_FULL_URI] = STR("http.request.full_uri", "Full request URI",
                       "The full requested URI (including host name)"),
    [F_CODE] = {"http.response.code", "Status Code", TW_FT_UINT16, TW_BASE_DEC, 0, NULL, NULL, NULL,
                "HTTP Response Status Code"},
    [F_CODE_DESC] = STR("http.response.code.desc", "Status Code Description",
                        "HTTP Response Status Code Description"),
    [F_RESPONSE_FOR_URI] = STR("http.response_for.uri", "Request URI", "HTTP Response For-URI"),
    [F_PHRASE] = STR("http.response.phrase", "Response Phrase", "HTTP Response Reason Phrase"),
    [F_AUTHORIZATION] = STR("http.authorization", "Authorization", "HTTP Authorization header"),
    [F_PROXY_AUTHENTICATE] =
        STR("http.proxy_authenticate", "Proxy-Authenticate", "HTTP Proxy-Authenticate header"),
    [F_PROXY_AUTHORIZATION] =
        STR("http.proxy_authorization", "Proxy-Authorization", "HTTP Proxy-Authorization header"),
    [F_PROXY_CONNECT_HOST] =
        STR("http.proxy_connect_host", "Proxy-Connect-Hostname", "HTTP Proxy Connect Hostname"),
    [F_PROXY_CONNECT_PORT] = {"http.proxy_connect_port", "Proxy-Connect-Port", TW_FT_UINT16,
                              TW_BASE_DEC, 0, NULL, NULL, NULL, "HTTP Proxy Connect Port"},
    [F_WWW_AUTHENTICATE] =
        STR("http.www_authenticate", "WWW-Authenticate", "HTTP WWW-Authenticate header"),
    [F_CONTENT_TYPE] = STR("http.content_type", "Content-Type", "HTTP Content-Type header"),
    [F_CONTENT_LENGTH_HEADER] =
        STR("http.content_length_header", "Content-Length", "HTTP Content-Length header"),
    [F_CONTENT_LENGTH] = {"http.content_length", "Content length", TW_FT_UINT64, TW_BASE_DEC},
    [F_CONTENT_ENCODING] =
        STR("http.content_encoding", "Content-Encoding", "HTTP Content-Encoding header"),
    [F_TRANSFER_ENCODING] =
        STR("http.transfer_encoding", "Transfer-Encoding", "HTTP Transfer-Encoding header"),
    [F_UPGRADE] = STR("http.upgrade", "Upgrade", "HTTP Upgrade header"),
    [F_USER_AGENT] = STR("http.user_agent", "User-Agent", "HTTP User-Agent header"),
    [F_HOST] = STR("http.host", "Host", "HTTP Host"),
    [F_CONNECTION] = STR("http.connection", "Connection", "HTTP Connection"),
    [F_COOKIE] = STR("http.cookie", "Cookie", "HTTP Cookie"),
    [F_COOKIE_PAIR] = STR("http.cookie_pair", "Cookie pair", "A name/value HTTP cookie pair"),
    [F_ACCEPT] = STR("http.accept", "Accept", "HTTP Accept"),
    [F_REFERER] = STR("http.referer", "Referer", "HTTP Referer"),
    [F_ACCEPT_LANGUAGE] = STR("http.accept_language", "Accept-Language", "HTTP Accept Language"),
    [F_ACCEPT_ENCODING] = STR("http.accept_encoding", "Accept Encoding", "HTTP Accept Encoding"),
    [F_DATE] = STR("http.date", "Date", "HTTP Date"),
    [F_CACHE_CONTROL] = STR("http.cache_control", "Cache-Control", "HTTP Cache Control"),
    [F_SERVER] = STR("http.server", "Server", "HTTP Server"),
    [F_LOCATION] = STR("http.location", "Location", "HTTP Location"),
    [F_WS_ACCEPT] = STR("http.sec_websocket_accept", "Sec-WebSocket-Accept", NULL),
    [F_WS_EXTENSIONS] = STR("http.sec_websocket_extensions", "Sec-WebSocket-Extensions", NULL),
    [F_WS_KEY] = STR("http.sec_websocket_key", "Sec-WebSocket-Key", NULL),
    [F_WS_PROTOCOL] = STR("http.sec_websocket_protocol", "Sec-WebSocket-Protocol", NULL),
    [F_WS_VERSION] = STR("http.sec_websocket_version", "Sec-WebSocket-Version", NULL),
    [F_SET_COOKIE] = STR("http.set_cookie", "Set-Cookie", "HTTP Set Cookie"),
    [F_LAST_MODIFIED] = STR("http.last_modified", "Last-Modified", "HTTP Last Modified"),
    [F_X_FORWARDED_FOR] = STR("http.x_forwarded_for", "X-Forwarded-For", "HTTP X-Forwarded-For"),
    [F_HTTP2_SETTINGS] = STR("http.http2_settings", "HTTP2-Settings", NULL),
    [F_REQUEST_IN] = FNUM("http.request_in", "Request in frame", 1,
                          "This packet is a response to the packet with this number"),
    [F_RESPONSE_IN] = FNUM("http.response_in", "Response in frame", 2,
                           "This packet will be responded in the packet with this number"),
    [F_NEXT_REQUEST_IN] = FNUM("http.next_request_in", "Next request in frame", 0,
                               "The next HTTP request starts in packet number"),
    [F_NEXT_RESPONSE_IN] = FNUM("http.next_response_in", "Next response in frame", 0,
                                "The next HTTP response starts in packet number"),
    [F_PREV_REQUEST_IN] = FNUM("http.prev_request_in", "Prev request in frame", 0,
                               "The previous HTTP request starts in packet number"),
    [F_PREV_RESPONSE_IN] = FNUM("http.prev_response_in", "Prev response in frame", 0,
                                "The previous HTTP response starts in packet number"),
    [F_TIME] = {"http.time", "Time since request", TW_FT_RELATIVE_TIME, 0, 0, NULL, NULL, NULL,
                "Time since the request was sent"},
    [F_TRAILER] =
        STR("http.chunked_trailer_part", "trailer-part", "Optional trailer in a chunked body"),
    [F_CHUNK_BOUNDARY] = {"http.chunk_boundary", "Chunk boundary", TW_FT_BYTES, TW_BASE_NONE},
    [F_CHUNK_SIZE] = {"http.chunk_size", "Chunk size", TW_FT_UINT32, TW_BASE_DEC, 0, NULL, NULL,
                      NULL, NULL, " octets"},
    [F_CHUNK_DATA] = {"http.chunk_data", "Chunk data", TW_FT_BYTES, TW_BASE_NONE},
    [F_FILE_DATA] = STR("http.file_data", "File Data", NULL),
    [F_UNKNOWN_HEADER] = STR("http.unknown_header", "Unknown header", NULL),
    [F_HTTP2_SETTINGS_URI] = {"http.http2_settings_uri", "HTTP2 Settings URI", TW_FT_BYTES,
                              TW_BASE_NONE},
    [F_PATH_SEGMENT] = STR("http.path_segment", "Path segment", NULL),
    [F_PATH_SUB_SEGMENT] = STR("http.path_sub_segment", "Path sub segment", NULL),
};

enum {
    E_CHAT,
    E_TE_AND_LENGTH,
    E_TE_UNKNOWN,
    E_SUBDISSECTOR_FAILED,
    E_TLS_PORT,
    E_LEADING_CRLF,
    E_BAD_HEADER_NAME,
    E_DECOMPRESSION_FAILED,
    E_DECOMPRESSION_DISABLED,
    E_COUNT
};
static const struct tw_expert_def experts[E_COUNT] = {
    [E_CHAT] = {"http.chat", "decoder.http.chat", TW_SEV_CHAT, TW_GRP_SEQUENCE, "Formatted text"},
    [E_TE_AND_LENGTH] = {"http.te_and_length", "decoder.http.te_and_length", TW_SEV_WARN,
                         TW_GRP_MALFORMED,
                         "The Content-Length and Transfer-Encoding header must not be set "
                         "together"},
    [E_TE_UNKNOWN] = {"http.te_unknown", "decoder.http.te_unknown", TW_SEV_WARN, TW_GRP_UNDECODED,
                      "Unknown transfer coding name in Transfer-Encoding header"},
    [E_SUBDISSECTOR_FAILED] = {"http.subdissector_failed", "decoder.http.subdissector_failed",
                               TW_SEV_NOTE, TW_GRP_UNDECODED,
                               "HTTP body subdissector failed, trying heuristic subdissector"},
    [E_TLS_PORT] = {"http.tls_port", "decoder.http.tls_port", TW_SEV_WARN, TW_GRP_SECURITY,
                    "Unencrypted HTTP protocol detected over encrypted port, could indicate a "
                    "dangerous misconfiguration."},
    [E_LEADING_CRLF] = {"http.leading_crlf", "decoder.http.leading_crlf", TW_SEV_ERROR,
                        TW_GRP_MALFORMED,
                        "Leading CRLF previous message in the stream may have extra CRLF"},
    [E_BAD_HEADER_NAME] = {"http.bad_header_name", "decoder.http.bad_header_name", TW_SEV_WARN,
                           TW_GRP_PROTOCOL, "Illegal characters found in header name"},
    [E_DECOMPRESSION_FAILED] = {"http.decompression_failed", "decoder.http.decompression_failed",
                                TW_SEV_WARN, TW_GRP_UNDECODED, "Decompression failed"},
    [E_DECOMPRESSION_DISABLED] = {"http.decompression_disabled",
                                  "decoder.http.decompression_disabled", TW_SEV_CHAT,
                                  TW_GRP_UNDECODED, "Decompression disabled"},
};

/* Wireshark's vals_http_status_code */
static const struct tw_vs status_vals[] = {{100, "Continue"},
                                           {101, "Switching Protocols"},
                                           {102, "Processing"},
                                           {103, "Early Hints"},
                                           {199, "Informational - Others"},
                                           {200, "OK"},
                                           {201, "Created"},
                                           {202, "Accepted"},
                                           {203, "Non-authoritative Information"},
                                           {204, "No Content"},
                                           {205, "Reset Content"},
                                           {206, "Partial Content"},
                                           {207, "Multi-Status"},
                                           {208, "Already Reported"},
                                           {226, "IM Used"},
                                           {299, "Success - Others"},
                                           {300, "Multiple Choices"},
                                           {301, "Moved Permanently"},
                                           {302, "Found"},
                                           {303, "See Other"},
                                           {304, "Not Modified"},
                                           {305, "Use Proxy"},
                                           {307, "Temporary Redirect"},
                                           {308, "Permanent Redirect"},
                                           {399, "Redirection - Others"},
                                           {400, "Bad Request"},
                                           {401, "Unauthorized"},
                                           {402, "Payment Required"},
                                           {403, "Forbidden"},
                                           {404, "Not Found"},
                                           {405, "Method Not Allowed"},
                                           {406, "Not Acceptable"},
                                           {407, "Proxy Authentication Required"},
                                           {408, "Request Time-out"},
                                           {409, "Conflict"},
                                           {410, "Gone"},
                                           {411, "Length Required"},
                                           {412, "Precondition Failed"},
                                           {413, "Request Entity Too Large"},
                                           {414, "Request-URI Too Long"},
                                           {415, "Unsupported Media Type"},
                                           {416, "Requested Range Not Satisfiable"},
                                           {417, "Expectation Failed"},
                                           {418, "I'm a teapot"},
                                           {421, "Misdirected Request"},
                                           {422, "Unprocessable Entity"},
                                           {423, "Locked"},
                                           {424, "Failed Dependency"},
                                           {425, "Too Early"},
                                           {426, "Upgrade Required"},
                                           {428, "Precondition Required"},
                                           {429, "Too Many Requests"},
                                           {431, "Request Header Fields Too Large"},
                                           {451, "Unavailable For Legal Reasons"},
                                           {499, "Client Error - Others"},
                                           {500, "Internal Server Error"},
                                           {501, "Not Implemented"},
                                           {502, "Bad Gateway"},
                                           {503, "Service Unavailable"},
                                           {504, "Gateway Time-out"},
                                           {505, "HTTP Version not supported"},
                                           {506, "Variant Also Negotiates"},
                                           {507, "Insufficient Storage"},
                                           {508, "Loop Detected"},
                                           {510, "Not Extended"},
                                           {511, "Network Authentication Required"},
                                           {599, "Server Error - Others"},
                                           {0, NULL}};

/* the headers tshark gives a field of their own */
enum {
    H_PLAIN,
    H_AUTHORIZATION,
    H_AUTHENTICATE,
    H_CONTENT_TYPE,
    H_CONTENT_LENGTH,
    H_CONTENT_ENCODING,
    H_TRANSFER_ENCODING,
    H_HOST,
    H_COOKIE,
    H_UPGRADE,
    H_WS_PROTOCOL,
    H_WS_EXTENSIONS,
};
static const struct {
    const char *name;
    uint8_t field, special;
} known_headers[] = {
    {"Authorization", F_AUTHORIZATION, H_AUTHORIZATION},
    {"Proxy-Authorization", F_PROXY_AUTHORIZATION, H_AUTHORIZATION},
    {"Proxy-Authenticate", F_PROXY_AUTHENTICATE, H_AUTHENTICATE},
    {"WWW-Authenticate", F_WWW_AUTHENTICATE, H_AUTHENTICATE},
    {"Content-Type", F_CONTENT_TYPE, H_CONTENT_TYPE},
    {"Content-Length", F_CONTENT_LENGTH_HEADER, H_CONTENT_LENGTH},
    {"Content-Encoding", F_CONTENT_ENCODING, H_CONTENT_ENCODING},
    {"Transfer-Encoding", F_TRANSFER_ENCODING, H_TRANSFER_ENCODING},
    {"Upgrade", F_UPGRADE, H_UPGRADE},
    {"User-Agent", F_USER_AGENT, H_PLAIN},
    {"Host", F_HOST, H_HOST},
    {"Connection", F_CONNECTION, H_PLAIN},
    {"Cookie", F_COOKIE, H_COOKIE},
    {"Accept", F_ACCEPT, H_PLAIN},
    {"Referer", F_REFERER, H_PLAIN},
    {"Accept-Language", F_ACCEPT_LANGUAGE, H_PLAIN},
    {"Accept-Encoding", F_ACCEPT_ENCODING, H_PLAIN},
    {"Date", F_DATE, H_PLAIN},
    {"Cache-Control", F_CACHE_CONTROL, H_PLAIN},
    {"Server", F_SERVER, H_PLAIN},
    {"Location", F_LOCATION, H_PLAIN},
    {"Sec-WebSocket-Accept", F_WS_ACCEPT, H_PLAIN},
    {"Sec-WebSocket-Extensions", F_WS_EXTENSIONS, H_WS_EXTENSIONS},
    {"Sec-WebSocket-Key", F_WS_KEY, H_PLAIN},
    {"Sec-WebSocket-Protocol", F_WS_PROTOCOL, H_WS_PROTOCOL},
    {"Sec-WebSocket-Version", F_WS_VERSION, H_PLAIN},
    {"Set-Cookie", F_SET_COOKIE, H_PLAIN},
    {"Last-Modified", F_LAST_MODIFIED, H_PLAIN},
    {"X-Forwarded-For", F_X_FORWARDED_FOR, H_PLAIN},
    {"HTTP2-Settings", F_HTTP2_SETTINGS, H_PLAIN},
};

/* ---- per-conversation state ---------------------------------------------------------------- */

#define URI_MAX    1024
#define METHOD_MAX 24
#define CONV_MAX   8192
#define EO_HOST_MAX 256
#define EO_NAME_MAX 768

struct entry {
    uint32_t number, req_frame, res_frame;
    struct tw_time req_ts;
    bool has_ts;
};
struct conv {
    uint32_t req_res_num;
    bool have_tail, have_prev, seen_uri, heur;
    struct entry tail, prev; /* the newest entry and the one before it */
    uint8_t method_len;
    char method[METHOD_MAX];
    uint16_t uri_len, full_uri_len;
    bool has_full_uri;
    /* a 2xx answer to CONNECT made the connection a tunnel: from the frame after, its bytes go to
     * the dissector of the port the CONNECT named (TLS for 443), as in tshark */
    uint16_t tunnel_port;
    uint32_t tunnel_after;
    uint16_t server_port; /* the port the last request went to */
    uint32_t ws_after;    /* the frame of a 101 to WebSocket: later bytes are its frames */
    uint32_t upgraded_after; /* ... of a 101 to another protocol: later bytes are data */
    bool ws_sip;          /* ... whose subprotocol is SIP */
    uint8_t ws_flags;     /* ... and extensions (TW_WS_*) */
    uint16_t ws_server_port;
    char uri[URI_MAX];
    char full_uri[URI_MAX];
    /* for exported objects (only kept when they are wanted): the Host header's value and the
     * last path component of the request URI (tshark's conv_data->http_host and the basename
     * of conv_data->request_uri), raw bytes */
    uint16_t eo_host_len, eo_name_len;
    bool eo_host_set, eo_name_set;
    char eo_host[EO_HOST_MAX];
    char eo_name[EO_NAME_MAX];
};
static struct tw_state *conv_tab;

static void http_init(void)
{
    conv_tab = tw_state_open("http.conv", sizeof(struct conv), CONV_MAX, NULL);
}

static struct conv *conv_get(struct tw_pkt *p, bool create)
{
    if (!conv_tab || p->ctx.in_error_pkt) return NULL;
    uint8_t key[TW_STATE_KEY_MAX];
    size_t kl = tw_conv_key(p, p->ctx.srcport, p->ctx.dstport, key, NULL);
    return create ? tw_state_put(conv_tab, key, kl, NULL) : tw_state_get(conv_tab, key, kl);
}

/* the conversation's export names, also from a request quoted in an ICMP error: tshark's HTTP
 * finds the conversation of the quoted segment and sets its request URI and host there too */
static struct conv *conv_eo(struct tw_pkt *p, struct conv *cv)
{
    if (cv || !conv_tab || !p->ctx.in_error_pkt) return cv;
    uint8_t key[TW_STATE_KEY_MAX];
    size_t kl = tw_conv_key(p, p->ctx.srcport, p->ctx.dstport, key, NULL);
    return tw_state_put(conv_tab, key, kl, NULL);
}

static void entry_push(struct conv *cv)
{
    cv->prev = cv->tail;
    cv->have_prev = cv->have_tail;
    memset(&cv->tail, 0, sizeof cv->tail);
    cv->have_tail = true;
    cv->tail.number = ++cv->req_res_num;
}

/* ---- text helpers -------------------------------------------------------------------------- */

/* Wireshark's tvb_find_line_end(): the length of the line at [off, end) and where the next one
 * begins; -1 when `need_eol` and no end of line is there (or a CR ends the data). */
static int64_t find_line_end(const uint8_t *d, uint32_t off, uint32_t end, uint32_t *next,
                             bool need_eol)
{
    for (uint32_t i = off; i < end; i++) {
        if (d[i] == '\n') {
            *next = i + 1;
            return i - off;
        }
        if (d[i] == '\r') {
            if (i + 1 < end) {
                *next = d[i + 1] == '\n' ? i + 2 : i + 1;
                return i - off;
            }
            if (need_eol) return -1;
            *next = i + 1;
            return i - off;
        }
    }
    if (need_eol) return -1;
    *next = end;
    return end - off;
}

/* tshark 4.0's format_text(): C escapes for control characters (octal for the others), the
 * backslash and UTF-8 as they are, invalid UTF-8 as U+FFFD */
static char *fmt_text(struct tw_pkt *p, const uint8_t *s, uint32_t n)
{
    char *o = tw_arena_alloc(p->arena, (size_t)n * 4 + 1);
    if (!o) return NULL;
    size_t k = 0;
    for (uint32_t i = 0; i < n; i++) {
        uint8_t ch = s[i];
        const char *esc = tw_text_escape(ch, false);
        if (esc) {
            o[k++] = esc[0];
            o[k++] = esc[1];
        } else if (ch >= 0x20 && ch < 0x7f) {
            o[k++] = (char)ch;
        } else if (ch < 0x20 || ch == 0x7f) {
            k += (size_t)snprintf(o + k, 5, "\\%03o", ch); /* format_text: octal controls */
        } else { /* UTF-8 as it is, invalid sequences as U+FFFD */
            uint32_t un;
            i += tw_utf8_show(s + i, n - i, (uint8_t *)o + k, &un) - 1;
            k += un;
        }
    }
    o[k] = 0;
    return o;
}

static bool ieq(const uint8_t *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        uint8_t x = a[i], y = (uint8_t)b[i];
        if (x >= 'A' && x <= 'Z') x = (uint8_t)(x + 32);
        if (y >= 'A' && y <= 'Z') y = (uint8_t)(y + 32);
        if (x != y) return false;
    }
    return true;
}

/* a string field valued by n bytes at b (ENC_ASCII) spanning [off, off+len) of the data */
static int32_t add_ascii_span(struct tw_pkt *p, uint16_t hf, uint32_t off, uint32_t len,
                              const uint8_t *b, uint32_t n)
{
    int32_t r = tw_add_ascii(p, hf, off, n, b);
    if (r >= 0) {
        p->recs[r].off = off;
        p->recs[r].len = len;
    }
    return r;
}

enum { T_OTHERS, T_REQUEST, T_RESPONSE, T_NOTIFICATION };

/* is_http_request_or_reply(): the first token decides; *mlen is the method's length */
static int line_type(const uint8_t *d, int64_t len, uint32_t *mlen)
{
    if (len >= 2 && d[0] == 'M' && d[1] == '-') d += 2, len -= 2;
    if ((len >= 5 && memcmp(d, "HTTP/", 5) == 0) || (len >= 3 && memcmp(d, "ICY", 3) == 0))
        return T_RESPONSE;
    int64_t n = 0;
    while (n < len && d[n] != ' ') n++;
    *mlen = (uint32_t)n;
    static const char *const req[] = {"GET",
                                      "PUT",
                                      "COPY",
                                      "HEAD",
                                      "LOCK",
                                      "MOVE",
                                      "POLL",
                                      "POST",
                                      "BCOPY",
                                      "BMOVE",
                                      "MKCOL",
                                      "TRACE",
                                      "PATCH",
                                      "LABEL",
                                      "MERGE",
                                      "DELETE",
                                      "SEARCH",
                                      "UNLOCK",
                                      "REPORT",
                                      "UPDATE",
                                      "BDELETE",
                                      "CONNECT",
                                      "OPTIONS",
                                      "CHECKIN",
                                      "PROPFIND",
                                      "CHECKOUT",
                                      "CCM_POST",
                                      "PROPPATCH",
                                      "BPROPFIND",
                                      "BPROPPATCH",
                                      "UNCHECKOUT",
                                      "MKACTIVITY",
                                      "MKWORKSPACE",
                                      "RPC_CONNECT",
                                      "RPC_IN_DATA",
                                      "RPC_OUT_DATA",
                                      "VERSION-CONTROL",
                                      "BASELINE-CONTROL",
                                      "SSTP_DUPLEX_POST"};
    static const char *const notif[] = {"NOTIFY", "SUBSCRIBE", "UNSUBSCRIBE"};
    for (size_t i = 0; i < TW_ARRAY_LEN(req); i++)
        if (strlen(req[i]) == (size_t)n && memcmp(d, req[i], (size_t)n) == 0) return T_REQUEST;
    for (size_t i = 0; i < TW_ARRAY_LEN(notif); i++)
        if (strlen(notif[i]) == (size_t)n && memcmp(d, notif[i], (size_t)n) == 0)
            return T_NOTIFICATION;
    return T_OTHERS;
}

/* get_token_len(): a token ends at a blank; the blanks after it are skipped */
static uint32_t token_len(const uint8_t *s, const uint8_t *end, const uint8_t **next)
{
    const uint8_t *t = s;
    while (t < end && *t != ' ' && *t != '\r' && *t != '\n') t++;
    uint32_t n = (uint32_t)(t - s);
    while (t < end && *t == ' ') t++;
    *next = t;
    return n;
}

/* status code of a status line (parse_http_status_code) */
static int status_code(const uint8_t *s, const uint8_t *end)
{
    const uint8_t *nx;
    if (token_len(s, end, &nx) == 0) return 0;
    s = nx;
    if (token_len(s, end, &nx) != 3) return 0;
    int v = 0;
    for (int i = 0; i < 3; i++) {
        if (s[i] < '0' || s[i] > '9') return 0;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

/* ---- desegmentation: Wireshark's req_resp_hdrs_do_reassembly() ---------------------------- */

/* true: the message at off is complete enough to dissect; false: more was asked from TCP */
/* a Transfer-Encoding value as tshark reads it: *te 1 unknown, 2 identity, 3 gzip/deflate/
 * compress; *chunked for a "chunked" coding; false when a coding was not understood */
static bool te_value(const uint8_t *v, uint32_t n, int *te, bool *chunked)
{
    bool full = true;
    *te = 1;
    uint32_t i = 0;
    while (i < n) {
        while (i < n && (v[i] == ' ' || v[i] == '\t' || v[i] == ',')) i++;
        if (i >= n) break;
#define PFX(s) (n - i >= sizeof(s) - 1 && memcmp(v + i, s, sizeof(s) - 1) == 0)
        if (PFX("chunked")) {
            *chunked = true;
            i += 7;
            continue;
        }
        if (*te != 1) {
            full = false;
            break;
        }
        if (PFX("compress"))
            *te = 3, i += 8;
        else if (PFX("deflate"))
            *te = 3, i += 7;
        else if (PFX("gzip"))
            *te = 3, i += 4;
        else if (PFX("identity"))
            *te = 2, i += 8;
        else if (PFX("x-compress"))
            *te = 3, i += 10;
        else if (PFX("x-gzip"))
            *te = 3, i += 6;
        else {
            full = false;
            while (i < n && v[i] != ',') i++;
            if (i >= n) break;
        }
#undef PFX
    }
    return full;
}

/* strtol(line, NULL, 16) as tshark reads a chunk size line (cut at ';' first): leading white
 * space, a sign, a 0x prefix; saturating */
static int64_t chunk_strtol(const uint8_t *s, const uint8_t *e)
{
    const uint8_t *semi = memchr(s, ';', (size_t)(e - s));
    if (semi) e = semi;
    const uint8_t *nul = memchr(s, 0, (size_t)(e - s)); /* the line is a C string to tshark */
    if (nul) e = nul;
    while (s < e && (*s == ' ' || (*s >= '\t' && *s <= '\r'))) s++;
    bool neg = false;
    if (s < e && (*s == '+' || *s == '-')) neg = *s++ == '-';
    if (e - s >= 3 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') && tw_hexdigit(s[2]) >= 0)
        s += 2;
    int64_t v = 0;
    for (; s < e && tw_hexdigit(*s) >= 0; s++)
        v = v > (INT64_MAX >> 4) ? INT64_MAX : v * 16 + tw_hexdigit(*s);
    return neg ? -v : v;
}

static bool do_reassembly(struct tw_pkt *p, const uint8_t *d, uint32_t off, uint32_t end, bool body,
                          bool until_fin)
{
    if (!tw_can_desegment(p)) return true;
    uint32_t o = off;
    bool have_cl = false, chunked = false;
    uint64_t cl = 0;
    for (;;) {
        uint32_t next;
        int64_t ll = find_line_end(d, o, end, &next, true);
        if (ll < 0) {
            tw_deseg_request(p, off, TW_DESEG_ONE_MORE_SEGMENT);
            return false;
        }
        const uint8_t *l = d + o;
        if (ll == 0) {
            o = next;
            break;
        }
        if (ll >= 15 && ieq(l, "Content-Length:", 15)) {
            /* tshark's req_resp_hdrs_do_reassembly(): the stripped value must be one whole
             * number from 0 to 2^31-1 ("34 68" or "68;" is no length; the last valid one
             * counts) */
            const uint8_t *v = l + 15, *e = l + ll;
            while (v < e && (*v == ' ' || (*v >= '\t' && *v <= '\r'))) v++;
            while (e > v && (e[-1] == ' ' || (e[-1] >= '\t' && e[-1] <= '\r'))) e--;
            bool neg = false;
            if (v < e && (*v == '+' || *v == '-')) neg = *v++ == '-';
            uint64_t x = 0;
            bool ok = v < e;
            for (; ok && v < e; v++) {
                if (*v < '0' || *v > '9') ok = false;
                else if ((x = x * 10 + (uint64_t)(*v - '0')) > 0x7fffffffull) ok = false;
            }
            if (ok && (!neg || x == 0)) {
                have_cl = true;
                cl = x;
            }
        } else if (ll >= 18 && ieq(l, "Transfer-Encoding:", 18)) {
            /* reassembly looks at the first coding only, after blanks ("xchunked" and
             * ",chunked" are not chunked; "chunkedx" is) */
            const uint8_t *v = l + 18, *e = l + ll;
            while (v < e && (*v == ' ' || *v == '\t')) v++;
            if (e - v >= 7 && ieq(v, "chunked", 7)) chunked = true;
        }
        o = next;
    }
    if (!body) return true;
    if (chunked) {
        /* every chunk and the line after the last chunk must be here (tshark's
         * req_resp_hdrs_do_reassembly: sizes read by strtol, one line pulled in after "0") */
        uint32_t c = o;
        for (;;) {
            uint32_t next;
            int64_t ll = find_line_end(d, c, end, &next, true);
            if (ll < 0) break;
            /* (guint32)strtol(): above 2^31 is unreasonable to tshark, dissect what is here */
            uint32_t sz = (uint32_t)(uint64_t)chunk_strtol(d + c, d + c + ll);
            if (sz > 0x80000000u) return true;
            if (sz == 0) {
                if (find_line_end(d, next, end, &next, true) < 0) goto more;
                return true;
            }
            if ((uint64_t)next + (uint64_t)sz + 2 > end) {
                /* tshark asks for one more segment at a time here */
                tw_deseg_request(p, off, TW_DESEG_ONE_MORE_SEGMENT);
                return false;
            }
            c = (uint32_t)(next + sz + 2);
        }
    more:
        tw_deseg_request(p, off, TW_DESEG_ONE_MORE_SEGMENT);
        return false;
    }
    if (have_cl) {
        uint64_t have = end - o;
        if (have < cl) {
            uint64_t need = cl - have;
            tw_deseg_request(p, off,
                             need < TW_DESEG_UNTIL_FIN ? (uint32_t)need : TW_DESEG_UNTIL_FIN);
            return false;
        }
        return true;
    }
    if (until_fin) {
        tw_deseg_request(p, off, TW_DESEG_UNTIL_FIN);
        return false;
    }
    return true;
}

/* ---- bodies -------------------------------------------------------------------------------- */

/* The media type the body's protocol is called for (pinfo->match_string), for data-text-lines
 * and media, which show it. */
static _Thread_local const char *cur_media;
/* the tree depth below HTTP's own protocol line: where the body's protocol and the line of a
 * second message in the segment go */
static _Thread_local uint32_t tree_base;
static _Thread_local bool saw_http; /* the segment held something tshark calls HTTP */
static _Thread_local bool saw_tree; /* ... or at least header lines (HTTP's tree, TCP's columns) */

#define MEDIA_KEY_NONE 0x811c9dc5u /* tw_media_key(""): "media", the catch-all */

/* inflate gzip, zlib or raw deflate into the arena; NULL if nothing came out */
/* the length of a gzip member's header as tshark's tvb_uncompress() reads it (its flag bits
 * skip the optional fields; reserved bits are ignored, where zlib refuses them), 0 if none */
static uint32_t gzip_header_len(const uint8_t *in, uint32_t n)
{
    if (n < 10 || in[0] != 0x1f || in[1] != 0x8b || in[2] != 8) return 0;
    uint8_t flg = in[3];
    uint32_t o = 10;
    if (flg & 0x04) { /* FEXTRA */
        if (o + 2 > n) return 0;
        o += 2 + (uint32_t)(in[o] | in[o + 1] << 8);
    }
    for (uint8_t bit = 0x08; bit <= 0x10; bit <<= 1) /* FNAME, FCOMMENT: NUL-terminated */
        if (flg & bit) {
            while (o < n && in[o]) o++;
            o++;
        }
    if (flg & 0x02) o += 2; /* FHCRC */
    return o < n ? o : 0;
}

static uint8_t *inflate_body(struct tw_pkt *p, const uint8_t *in, uint32_t n, uint32_t *outlen)
{
    /* zlib's gzip/zlib detection, raw deflate, then a gzip header skipped by hand */
    static const int modes[] = {15 + 32, -15, -15};
    for (size_t m = 0; m < TW_ARRAY_LEN(modes); m++) {
        z_stream z;
        memset(&z, 0, sizeof z);
        if (m == 2) {
            uint32_t hl = gzip_header_len(in, n);
            if (!hl) break;
            in += hl;
            n -= hl;
        }
        if (inflateInit2(&z, modes[m]) != Z_OK) return NULL;
        size_t cap = (size_t)n * 4 + 256, len = 0;
        if (cap > (16u << 20)) cap = 16u << 20;
        uint8_t *buf = malloc(cap);
        if (!buf) {
            inflateEnd(&z);
            return NULL;
        }
        z.next_in = (Bytef *)(uintptr_t)in;
        z.avail_in = n;
        int rc = Z_OK;
        while (rc == Z_OK) {
            if (len == cap) {
                if (cap >= (64u << 20)) break;
                uint8_t *nb = realloc(buf, cap * 2);
                if (!nb) break;
                buf = nb;
                cap *= 2;
            }
            z.next_out = buf + len;
            z.avail_out = (uInt)(cap - len);
            rc = inflate(&z, Z_NO_FLUSH);
            len = cap - z.avail_out;
            if (rc == Z_BUF_ERROR && z.avail_in == 0) break;
        }
        inflateEnd(&z);
        if (len > 0 && (rc == Z_STREAM_END || rc == Z_OK || rc == Z_BUF_ERROR)) {
            uint8_t *o = tw_arena_alloc(p->arena, len);
            if (o) memcpy(o, buf, len);
            free(buf);
            if (!o) return NULL;
            *outlen = (uint32_t)len;
            return o;
        }
        free(buf);
    }
    return NULL;
}

/* decode a brotli body (Content-Encoding: br) into the arena; NULL if it fails or is empty */
static uint8_t *unbrotli_body(struct tw_pkt *p, const uint8_t *in, uint32_t n, uint32_t *outlen)
{
    BrotliDecoderState *st = BrotliDecoderCreateInstance(NULL, NULL, NULL);
    if (!st) return NULL;
    size_t cap = (size_t)n * 4 + 256, len = 0;
    if (cap > (16u << 20)) cap = 16u << 20;
    uint8_t *buf = malloc(cap);
    const uint8_t *next_in = in;
    size_t avail_in = n;
    BrotliDecoderResult rc = BROTLI_DECODER_RESULT_ERROR;
    while (buf) {
        uint8_t *next_out = buf + len;
        size_t avail_out = cap - len;
        rc = BrotliDecoderDecompressStream(st, &avail_in, &next_in, &avail_out, &next_out, NULL);
        len = cap - avail_out;
        if (rc != BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT) break;
        if (cap >= (64u << 20)) break; /* bounded, as inflate_body */
        uint8_t *nb = realloc(buf, cap * 2);
        if (!nb) break;
        buf = nb;
        cap *= 2;
    }
    BrotliDecoderDestroyInstance(st);
    uint8_t *o = NULL;
    if (buf && len > 0 && rc == BROTLI_DECODER_RESULT_SUCCESS) {
        o = tw_arena_alloc(p->arena, len);
        if (o) {
            memcpy(o, buf, len);
            *outlen = (uint32_t)len;
        }
    }
    free(buf);
    return o;
}

/* chunked_encoding_dissector(): the chunks' tree, and the de-chunked bytes (arena) */
static _Thread_local bool chunk_bad; /* dechunk met a size tshark reads as negative */

static uint32_t dechunk(struct tw_pkt *p, const uint8_t *d, uint32_t off, uint32_t end,
                        uint8_t **out, uint32_t *outlen)
{
    chunk_bad = false;
    uint32_t datalen = end - off, orig = datalen;
    uint8_t *raw = tw_arena_alloc(p->arena, datalen ? datalen : 1);
    uint32_t rawlen = 0;
    int32_t top = -1;
    if (tw_want_labels(p)) {
        top = tw_add_text(p, off, datalen, "HTTP chunked response");
        tw_tree_push(p, top);
    }
    while (datalen > 0) {
        uint32_t coff;
        int64_t ll = find_line_end(d, off, end, &coff, true);
        if (ll <= 0) break;
        /* (guint32)strtol(, 16) up to ';' */
        uint32_t csz = (uint32_t)(uint64_t)chunk_strtol(d + off, d + off + ll);
        if (csz >= 0x80000000u) {
            /* tshark keeps the size in a signed int: a negative one throws before the chunk's
             * item ("chunk-2pow64" overflows) */
            chunk_bad = true;
            if (top >= 0) tw_tree_pop(p);
            return 0;
        }
        if (csz > datalen) csz = datalen;
        uint32_t avail = end > coff ? end - coff : 0;
        uint32_t copy = csz < avail ? csz : avail;
        if (raw) memcpy(raw + rawlen, d + coff, copy);
        rawlen += copy;
        int32_t cr = -1;
        if (tw_want_labels(p)) {
            uint32_t clen = coff - off + csz + 2;
            if (csz == 0)
                cr = tw_add_text(p, off, clen, "End of chunked encoding");
            else
                cr = tw_add_text(p, off, clen, "Data chunk (%u octets)", csz);
        }
        tw_tree_push(p, cr);
        tw_add_uint(p, HF(F_CHUNK_SIZE), off, coff - off, csz);
        if (csz > 0) {
            tw_add_ptr(p, HF(F_CHUNK_DATA), coff, csz, d + coff, copy);
            if ((uint64_t)coff + csz + 2 <= end)
                tw_add_ptr(p, HF(F_CHUNK_BOUNDARY), coff + csz, 2, d + coff + csz, 2);
        }
        tw_tree_pop(p);
        uint64_t noff = (uint64_t)coff + csz + (csz > 0 ? 2 : 0);
        if (noff > end) noff = end;
        off = (uint32_t)noff;
        datalen = end - off;
        if (csz == 0) {
            uint32_t t = off, tlen, nx = off;
            int64_t hl;
            do {
                tlen = t - off;
                hl = find_line_end(d, t, end, &nx, true);
                if (hl >= 0) t = nx;
            } while (hl > 0);
            if (tlen > 0) {
                if (tw_want(p, HF(F_TRAILER))) {
                    int32_t r = tw_add_ascii(p, HF(F_TRAILER), off, tlen, d + off);
                    if (tw_want_labels(p))
                        tw_rec_label(p, r, "trailer-part: %s", fmt_text(p, d + off, tlen));
                }
                off += tlen;
                datalen -= tlen;
            }
            if (hl == 0) {
                tw_add_text(p, off, nx - off, "%s", fmt_text(p, d + off, nx - off));
                datalen -= nx - off;
            }
            break;
        }
    }
    if (top >= 0) {
        tw_rec_setlen(p, top, orig - datalen);
        tw_tree_pop(p);
    }
    *out = raw;
    *outlen = rawlen;
    return orig - datalen;
}

struct headers {
    const uint8_t *ctype; /* lower-cased copy up to ';' or blank (arena) */
    uint32_t ctype_len;
    bool have_cl;
    uint64_t cl;
    const uint8_t *cenc;
    uint32_t cenc_len;
    bool chunked;
    int te; /* 0 none, 1 unknown, 2 identity, 3 gzip/deflate/compress */
    const uint8_t *host;
    uint32_t host_len;
    bool upgrade_ws;           /* Upgrade: websocket */
    bool upgrade;              /* an Upgrade header at all */
    const uint8_t *ws_proto;   /* Sec-WebSocket-Protocol */
    uint32_t ws_proto_len;
    uint8_t ws_flags;          /* TW_WS_*, from Sec-WebSocket-Extensions */
};

static bool is_tchar(uint8_t c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c && strchr("!#$%&\\:*+-.^_`|~", c));
}

static bool parse_te(const uint8_t *v, uint32_t n, struct headers *h)
{
    return te_value(v, n, &h->te, &h->chunked);
}

/* one header line [off, next): colon at colon */
/* Wireshark's base64 decoding of header values (ws_base64_decode_inplace): characters outside
 * the alphabet are skipped, "-" and "_" count as "+" and "/"; a one-character value is kept as
 * it is. Writes at most bn bytes to o and returns how many. */
static uint32_t b64_decode(const uint8_t *b, uint32_t bn, uint8_t *o)
{
    if (bn <= 1) {
        memcpy(o, b, bn);
        return bn;
    }
    uint32_t k = 0, acc = 0;
    int bits = 0;
    for (uint32_t i = 0; i < bn; i++) {
        uint8_t c = b[i];
        int v;
        if (c >= 'A' && c <= 'Z')
            v = c - 'A';
        else if (c >= 'a' && c <= 'z')
            v = c - 'a' + 26;
        else if (c >= '0' && c <= '9')
            v = c - '0' + 52;
        else if (c == '+' || c == '-')
            v = 62;
        else if (c == '/' || c == '_')
            v = 63;
        else
            continue;
        acc = (acc << 6) | (uint32_t)v;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            o[k++] = (uint8_t)((acc >> bits) & 0xff);
        }
    }
    return k;
}

/* "NTLM " or "Negotiate " and base64: the decoded bytes become a data source, handed to NTLMSSP
 * under the header's item when they begin with "NTLMSSP" (tshark gives anything else to
 * GSS-API, which trawl does not have). True when the value had one of those schemes. */
static bool auth_ntlmssp(struct tw_pkt *p, int32_t hr, const uint8_t *val, uint32_t vlen)
{
    uint32_t skip;
    if (vlen >= 5 && memcmp(val, "NTLM ", 5) == 0)
        skip = 5;
    else if (vlen >= 10 && memcmp(val, "Negotiate ", 10) == 0)
        skip = 10;
    else
        return false;
    uint8_t *o = tw_arena_alloc(p->arena, vlen - skip + 1);
    if (!o) return true;
    uint32_t n = b64_decode(val + skip, vlen - skip, o);
    struct tw_cur c = tw_new_source(p, o, n, "NTLMSSP / GSSAPI Data");
    if (n >= 7 && memcmp(o, "NTLMSSP", 7) == 0) {
        uint32_t key = TW_KEY_NTLMSSP;
        tw_tree_push(p, hr);
        tw_dissect_under(p, TW_TBL_NAME, 1, &key, c);
        tw_tree_pop(p);
    }
    return true;
}

static void process_header(struct tw_pkt *p, const uint8_t *d, uint32_t off, uint32_t next,
                           uint32_t linelen, uint32_t colon, int type, struct headers *h,
                           struct conv *cv)
{
    const uint8_t *line = d + off;
    uint32_t len = next - off, name_len = colon - off;
    bool labels = tw_want_labels(p);
    bool valid = name_len != 0;
    for (uint32_t i = 0; valid && i < name_len; i++)
        if (!is_tchar(line[i])) valid = false;
    uint16_t line_hf = type == T_REQUEST    ? HF(F_REQUEST_LINE)
                       : type == T_RESPONSE ? HF(F_RESPONSE_LINE)
                                            : HF(F_UNKNOWN_HEADER);
    if (!valid) {
        int32_t r = tw_add_ascii(p, line_hf, off, len, line);
        if (labels) tw_rec_label(p, r, "%s", fmt_text(p, line, len));
        tw_rec_flags(p, r, TW_RF_MARK_TRUNC); /* a long line's label says [truncated] */
        tw_tree_push(p, r);
        tw_expert(p, EX(E_BAD_HEADER_NAME), off, len, "%s", experts[E_BAD_HEADER_NAME].summary);
        tw_tree_pop(p);
        return;
    }
    uint32_t vo = colon + 1, lend = off + linelen;
    while (vo < lend && (d[vo] == ' ' || d[vo] == '\t')) vo++;
    const uint8_t *val = d + vo;
    uint32_t vlen = lend - vo;
    /* the value is a C string to tshark: it ends at a NUL ("gzip\0" is gzip) */
    const uint8_t *nul = memchr(val, 0, vlen);
    if (nul) vlen = (uint32_t)(nul - val);
    int k = -1;
    for (size_t i = 0; i < TW_ARRAY_LEN(known_headers); i++) {
        if (strlen(known_headers[i].name) == name_len &&
            ieq(line, known_headers[i].name, name_len)) {
            k = (int)i;
            break;
        }
    }
    const char *text = labels ? fmt_text(p, line, len) : NULL;
    if (k < 0) {
        if (type == T_REQUEST || type == T_RESPONSE) {
            int32_t r = tw_add_ascii(p, line_hf, off, len, line);
            tw_rec_label(p, r, "%s", text);
            tw_rec_flags(p, r, TW_RF_MARK_TRUNC); /* a long line's label says [truncated] */
            tw_string_stray(p, r, line, len, off);
        } else {
            /* the value is the formatted line */
            if (tw_want(p, HF(F_UNKNOWN_HEADER))) {
                const char *s = fmt_text(p, line, len);
                int32_t r = s ? tw_add_ptr(p, HF(F_UNKNOWN_HEADER), off, len, (const uint8_t *)s,
                                           (uint32_t)strlen(s))
                              : -1;
                tw_rec_label(p, r, "%s", s);
                tw_rec_flags(p, r, TW_RF_MARK_TRUNC); /* a long line's label says [truncated] */
            }
        }
        return;
    }
    int field = known_headers[k].field;
    int32_t hr = -1;
    if (tw_want(p, HF(field)) || labels) {
        /* the value is a copy up to a NUL, as tshark's C strings */
        hr = add_ascii_span(p, HF(field), off, len, val, vlen);
        tw_rec_label(p, hr, "%s", text);
        tw_rec_flags(p, hr, TW_RF_MARK_TRUNC); /* a long line's label says [truncated] */
    }
    if (type == T_REQUEST || type == T_RESPONSE) {
        int32_t r = tw_add_ascii(p, line_hf, off, len, line);
        tw_rec_label(p, r, "%s", text);
        tw_rec_flags(p, r, TW_RF_MARK_TRUNC); /* a long line's label says [truncated] */
        tw_rec_flags(p, r, TW_RF_HIDDEN);
        tw_string_stray(p, r, line, len, off); /* (under the hidden line: fields only) */
    }
    switch (known_headers[k].special) {
    case H_AUTHORIZATION:
    case H_AUTHENTICATE:
        if (auth_ntlmssp(p, hr, val, vlen)) break;
        if (known_headers[k].special == H_AUTHORIZATION && vlen >= 6 &&
            memcmp(val, "Basic ", 6) == 0) {
            /* the credentials, base64-decoded */
            char *o = tw_arena_alloc(p->arena, vlen - 6 + 1);
            if (!o) break;
            uint32_t k2 = b64_decode(val + 6, vlen - 6, (uint8_t *)o);
            o[k2] = 0;
            tw_tree_push(p, hr);
            tw_add_ptr(p, HF(F_AUTHBASIC), 0, 0, (const uint8_t *)o, (uint32_t)strlen(o));
            tw_tree_pop(p);
        }
        break;
    case H_CONTENT_TYPE: {
        uint32_t i = 0;
        while (i < vlen && val[i] != ';' && val[i] != ' ' && val[i] != '\t' && val[i] != '\r' &&
               val[i] != '\n' && val[i] != '\f' && val[i] != '\v')
            i++;
        uint8_t *ct = tw_arena_alloc(p->arena, i + 1);
        if (ct) {
            for (uint32_t j = 0; j < i; j++)
                ct[j] = (uint8_t)(val[j] >= 'A' && val[j] <= 'Z' ? val[j] + 32 : val[j]);
            ct[i] = 0;
            h->ctype = ct;
            h->ctype_len = (uint32_t)strlen((const char *)ct);
        }
        break;
    }
    case H_CONTENT_LENGTH: {
        /* g_ascii_strtoll: blanks, a sign, digits; then only blanks may follow */
        uint32_t i = 0;
        while (i < vlen && (val[i] == ' ' || val[i] == '\t')) i++;
        bool neg = false;
        if (i < vlen && (val[i] == '+' || val[i] == '-')) neg = val[i++] == '-';
        uint32_t ds = i;
        uint64_t x = 0;
        bool range = false;
        while (i < vlen && val[i] >= '0' && val[i] <= '9') {
            if (x > (UINT64_C(0x7fffffffffffffff) - 9) / 10) range = true;
            x = x * 10 + (uint64_t)(val[i++] - '0');
        }
        bool ok = i > ds && !range && !(neg && x) &&
                  (i == vlen || val[i] == ' ' || val[i] == '\t' || val[i] == '\r' ||
                   val[i] == '\n' || val[i] == '\f' || val[i] == '\v');
        if (!ok) {
            h->have_cl = false;
        } else {
            h->have_cl = true;
            h->cl = x;
            tw_tree_push(p, hr);
            int32_t r = tw_add_uint(p, HF(F_CONTENT_LENGTH), off, len, x);
            tw_rec_flags(p, r, TW_RF_GENERATED);
            if (h->te != 0)
                tw_expert(p, EX(E_TE_AND_LENGTH), off, len, "%s", experts[E_TE_AND_LENGTH].summary);
            tw_tree_pop(p);
        }
        break;
    }
    case H_CONTENT_ENCODING:
        h->cenc = val;
        h->cenc_len = vlen;
        break;
    case H_TRANSFER_ENCODING:
        tw_tree_push(p, hr);
        if (h->have_cl)
            tw_expert(p, EX(E_TE_AND_LENGTH), off, len, "%s", experts[E_TE_AND_LENGTH].summary);
        if (!parse_te(val, vlen, h))
            tw_expert(p, EX(E_TE_UNKNOWN), off, len, "%s", experts[E_TE_UNKNOWN].summary);
        tw_tree_pop(p);
        break;
    case H_UPGRADE:
        h->upgrade_ws = vlen >= 9 && ieq(val, "websocket", 9);
        h->upgrade = true;
        break;
    case H_WS_PROTOCOL:
        h->ws_proto = val;
        h->ws_proto_len = vlen;
        break;
    case H_WS_EXTENSIONS:
        for (uint32_t i = 0; i + 18 <= vlen; i++)
            if (ieq(val + i, "permessage-deflate", 18)) h->ws_flags |= TW_WS_DEFLATE;
        for (uint32_t i = 0; i + 26 <= vlen; i++) {
            if (ieq(val + i, "server_no_context_takeover", 26)) h->ws_flags |= TW_WS_SERVER_NO_CTX;
            if (ieq(val + i, "client_no_context_takeover", 26)) h->ws_flags |= TW_WS_CLIENT_NO_CTX;
        }
        break;
    case H_HOST:
        h->host = val;
        h->host_len = vlen;
        if (tw_export_wanted(p, TW_TAP_EO_HTTP) && (cv = conv_eo(p, cv)) != NULL) {
            uint32_t n = TW_MIN(vlen, (uint32_t)EO_HOST_MAX);
            memcpy(cv->eo_host, val, n);
            cv->eo_host_len = (uint16_t)n;
            cv->eo_host_set = true;
        }
        break;
    case H_COOKIE:
        if (hr >= 0 || tw_want(p, HF(F_COOKIE_PAIR))) {
            tw_tree_push(p, hr);
            uint32_t i = 0;
            while (i < vlen) {
                while (i < vlen && (val[i] == ';' || val[i] == ' ' || val[i] == '\t')) i++;
                if (i >= vlen) break;
                uint32_t e = i;
                while (e < vlen && val[e] != ';') e++;
                tw_add_ascii(p, HF(F_COOKIE_PAIR), vo + i, e - i, val + i);
                i = e;
            }
            tw_tree_pop(p);
        }
        break;
    default:
        break;
    }
}

/* g_path_get_basename() of the URI, as tshark names an exported body: trailing slashes go, then
 * what follows the last slash; "/" for slashes only, "." for an empty URI. A name longer than
 * the room keeps its end (where the extension is). */
static void eo_basename(struct conv *cv, const uint8_t *u, uint32_t n)
{
    const uint8_t *name;
    uint32_t len;
    uint32_t e = n;
    while (e > 0 && u[e - 1] == '/') e--;
    if (n == 0) {
        name = (const uint8_t *)".", len = 1;
    } else if (e == 0) {
        name = (const uint8_t *)"/", len = 1;
    } else {
        uint32_t b = e;
        while (b > 0 && u[b - 1] != '/') b--;
        name = u + b;
        len = e - b;
    }
    if (len > EO_NAME_MAX) {
        name += len - EO_NAME_MAX;
        len = EO_NAME_MAX;
    }
    memcpy(cv->eo_name, name, len);
    cv->eo_name_len = (uint16_t)len;
    cv->eo_name_set = true;
}

/* bytes as tshark's ENC_ASCII strings hold them: above 0x7f each becomes U+FFFD; a NUL ends */
static char *eo_ascii(struct tw_pkt *p, const char *s, uint32_t n)
{
    char *o = tw_arena_alloc(p->arena, (size_t)n * 3 + 1);
    if (!o) return NULL;
    size_t k = 0;
    for (uint32_t i = 0; i < n && s[i]; i++) {
        uint8_t ch = (uint8_t)s[i];
        if (ch < 0x80) {
            o[k++] = (char)ch;
        } else {
            memcpy(o + k, "\xef\xbf\xbd", 3);
            k += 3;
        }
    }
    o[k] = 0;
    return o;
}

/* tshark's http_eo tap: the body as its export writes it, named after the conversation's latest
 * request URI and Host */
static void eo_queue(struct tw_pkt *p, const struct conv *cv, const struct headers *h,
                     const uint8_t *data, uint32_t len)
{
    const char *host = cv && cv->eo_host_set ? eo_ascii(p, cv->eo_host, cv->eo_host_len) : NULL;
    const char *name = cv && cv->eo_name_set ? eo_ascii(p, cv->eo_name, cv->eo_name_len) : NULL;
    tw_export_object(p, TW_TAP_EO_HTTP, host, (const char *)h->ctype, name, data, len);
}

/* request line: method, URI (path, query, parameters), version */
static void request_line(struct tw_pkt *p, const uint8_t *d, uint32_t off, uint32_t linelen,
                         struct conv *cv, const uint8_t **uri, uint32_t *uri_len)
{
    const uint8_t *line = d + off, *end = line + linelen, *nx;
    uint32_t tl = token_len(line, end, &nx);
    if (tl == 0) return;
    tw_add_ascii(p, HF(F_METHOD), off, tl, line);
    if (nx - line > 2 && nx[-1] == ' ' && nx[-2] == ' ') nx--;
    const uint8_t *u = nx;
    uint32_t uo = off + (uint32_t)(u - line);
    uint32_t ul = token_len(u, end, &nx);
    /* the URI as a C string: up to a NUL */
    uint32_t us = 0;
    while (us < ul && u[us]) us++;
    *uri = u;
    *uri_len = us;
    if (cv) {
        uint32_t n = us < URI_MAX ? us : URI_MAX;
        memcpy(cv->uri, u, n);
        cv->uri_len = (uint16_t)n;
        cv->seen_uri = true;
        if (tw_export_wanted(p, TW_TAP_EO_HTTP)) eo_basename(cv, u, us);
    } else if (tw_export_wanted(p, TW_TAP_EO_HTTP)) {
        struct conv *ec = conv_eo(p, NULL);
        if (ec) eo_basename(ec, u, us);
    }
    int32_t ur = tw_add_ascii(p, HF(F_URI), uo, ul, u);
    const uint8_t *q = memchr(u, '?', us);
    if (q && (uint32_t)(u + us - q) > 1 &&
        (ur >= 0 || tw_want(p, HF(F_URI_PATH)) || tw_want(p, HF(F_URI_QUERY)) ||
         tw_want(p, HF(F_URI_QUERY_PARAM)))) {
        uint32_t path_len = (uint32_t)(q - u);
        const uint8_t *qs = q + 1;
        uint32_t ql = us - path_len - 1;
        tw_tree_push(p, ur);
        tw_add_ascii(p, HF(F_URI_PATH), uo, path_len, u);
        uint32_t qo = uo + path_len + 1;
        int32_t qr = tw_add_ascii(p, HF(F_URI_QUERY), qo, ql, qs);
        tw_tree_push(p, qr);
        /* strtok(, "&"): empty parameters are skipped, offsets advance by one per token */
        uint32_t i = 0;
        while (i < ql) {
            while (i < ql && qs[i] == '&') i++;
            if (i >= ql) break;
            uint32_t e = i;
            while (e < ql && qs[e] != '&') e++;
            tw_add_ascii(p, HF(F_URI_QUERY_PARAM), qo, e - i, qs + i);
            qo += e - i + 1;
            i = e;
        }
        tw_tree_pop(p);
        tw_tree_pop(p);
    }
    line = nx;
    uint32_t vo = off + (uint32_t)(line - (d + off));
    tw_add_ascii(p, HF(F_REQ_VERSION), vo, (uint32_t)(end - line), line);
}

static int response_line(struct tw_pkt *p, const uint8_t *d, uint32_t off, uint32_t linelen)
{
    const uint8_t *line = d + off, *end = line + linelen, *nx;
    uint32_t tl = token_len(line, end, &nx);
    if (tl == 0) return 0;
    tw_add_ascii(p, HF(F_RESP_VERSION), off, tl, line);
    uint32_t o = off + (uint32_t)(nx - line);
    line = nx;
    tl = token_len(line, end, &nx);
    if (tl < 3) return 0;
    /* strtoul of the first three characters */
    int code = 0;
    for (int i = 0; i < 3 && line[i] >= '0' && line[i] <= '9'; i++)
        code = code * 10 + (line[i] - '0');
    tw_add_uint(p, HF(F_CODE), o, 3, (uint64_t)code);
    if (tw_want(p, HF(F_CODE_DESC))) {
        const char *desc = tw_vs_find(status_vals, (uint32_t)code);
        int32_t r;
        if (desc)
            r = tw_add_ptr(p, HF(F_CODE_DESC), o, 3, (const uint8_t *)desc, (uint32_t)strlen(desc));
        else
            r = tw_add_strf(p, HF(F_CODE_DESC), o, 3, "Unknown (%d)", code);
        tw_rec_flags(p, r, TW_RF_GENERATED);
    }
    o += (uint32_t)(nx - line);
    line = nx;
    if (end - line >= 1) tw_add_ascii(p, HF(F_PHRASE), o, (uint32_t)(end - line), line);
    return code;
}

static void info_message(struct tw_pkt *p, bool first, const char *s)
{
    if (!p->want_cols) return;
    if (first)
        tw_info_set(p, s);
    else
        tw_info_add(p, s);
}

/* Hand the body (cursor over it) to the protocol of its media type. */
static void dissect_body(struct tw_pkt *p, const struct headers *h, struct tw_cur body,
                         bool under)
{
    if (tw_cur_avail(&body) == 0) return;
    uint32_t saved_tree = p->ntree;
    if (!under) p->ntree = tree_base;
    if (h->ctype) {
        uint32_t key = tw_media_key((const char *)h->ctype, h->ctype_len);
        const char *saved = cur_media;
        cur_media = (const char *)h->ctype;
        if (key == 0xc0fe6950u) { /* application/octet-stream: tshark's data */
            uint32_t k = TW_KEY_DATA;
            tw_dissect_here(p, TW_TBL_NAME, 1, &k, body);
        } else if (h->ctype_len && tw_dispatch_find(TW_TBL_MEDIA_TYPE, key) >= 0) {
            tw_dissect_here(p, TW_TBL_MEDIA_TYPE, 1, &key, body);
        } else {
            uint32_t k = MEDIA_KEY_NONE;
            tw_dissect_here(p, TW_TBL_MEDIA_TYPE, 1, &k, body);
        }
        cur_media = saved;
    } else if (under) {
        uint32_t k = TW_KEY_DATA;
        tw_dissect_under(p, TW_TBL_NAME, 1, &k, body);
    } else {
        uint32_t k = TW_KEY_DATA;
        tw_dissect_here(p, TW_TBL_NAME, 1, &k, body);
    }
    p->ntree = saved_tree;
}

/* the protocol line of a message after the first in the segment */
static void ensure_rec(struct tw_pkt *p, int32_t *rec, bool first, uint32_t off, uint32_t len)
{
    if (*rec >= 0 || first || !tw_want(p, ids.field)) return;
    uint32_t saved = p->ntree;
    p->ntree = tree_base;
    *rec = tw_add_rec(p, ids.field, off, len);
    p->ntree = saved;
}

/* One message at off; returns the bytes it used, or -1 (stop: not HTTP, or more requested). */
/* CONNECT host:port answered with 200: the port of the URI (authority form) names the protocol
 * of the tunnel */
static void tunnel_open(struct tw_pkt *p, struct conv *cv)
{
    uint32_t n = cv->uri_len, i = n, port = 0, mul = 1;
    while (i > 0 && cv->uri[i - 1] >= '0' && cv->uri[i - 1] <= '9' && n - i < 5) {
        i--;
        port += (uint32_t)(cv->uri[i] - '0') * mul;
        mul *= 10;
    }
    if (i == n || i == 0 || cv->uri[i - 1] != ':' || port == 0 || port > 65535) return;
    cv->tunnel_port = (uint16_t)port;
    cv->tunnel_after = (uint32_t)p->frame->recno;
}

/* HTTP inside TLS (decrypted): a TLS layer that did not refuse the data */
static bool over_tls(const struct tw_pkt *p)
{
    for (uint32_t i = 0; i < p->nlayers; i++) {
        const struct tw_proto *lp = tw_proto_get(p->layers[i].proto);
        if (lp && !p->layers[i].hidden && strcmp(lp->abbrev, "tls") == 0) return true;
    }
    return false;
}

static int64_t dissect_message(struct tw_pkt *p, struct tw_cur *c, uint32_t off, bool first,
                               int32_t *http_rec)
{
    const uint8_t *d = c->data;
    uint32_t cap = c->cap < c->end ? c->cap : c->end;
    uint32_t orig = off;
    if (off >= c->end) return -1;
    if (off >= cap) return -1;
    bool leading_crlf = false;
    if (c->end - off > 3 && cap - off >= 2 && d[off] == '\r' && d[off + 1] == '\n') {
        leading_crlf = true;
        off += 2;
    }
    if (off >= cap) return -1;
    struct conv *cv = conv_get(p, true);
    bool have_seen = cv && cv->seen_uri;
    bool labels = tw_want_labels(p);

    if (!(d[off] >= 0x20 && d[off] < 0x7f)) {
        if (have_seen) {
            tw_col_proto(p, col_name);
            saw_http = true;
            info_message(p, first, "Continuation");
            ensure_rec(p, http_rec, first, off, c->end - off);
            /* the data dissector under HTTP's tree */
            uint32_t k = TW_KEY_DATA;
            struct tw_cur b = *c;
            b.off = orig;
            tw_tree_push(p, *http_rec);
            tw_dissect_under(p, TW_TBL_NAME, 1, &k, b);
            tw_tree_pop(p);
            return -1;
        }
        /* binary where a first message should start, nothing HTTP seen yet: not HTTP */
        return first ? -3 : -1;
    }

    uint32_t next;
    int64_t fl = find_line_end(d, off, cap, &next, true);
    bool line_cut = false;
    int ftype = T_OTHERS;
    uint32_t mlen = 0;
    if (fl < 0) {
        if (!do_reassembly(p, d, off, cap, true, false)) return -1;
        /* no reassembly: tshark takes what there is as the first line (a line the capture cut:
         * "GET /x HTT") */
        fl = find_line_end(d, off, cap, &next, false);
        line_cut = true; /* (the columns stay TCP's) */
    }
    ftype = line_type(d + off, fl, &mlen);
    if (ftype != T_OTHERS) {
        saw_http = !line_cut;
        if (line_cut) saw_tree = true;
        if (p->want_cols && !line_cut) {
            char *s = fmt_text(p, d + off, (uint32_t)fl);
            if (s) {
                size_t n = strlen(s);
                char *t = tw_arena_alloc(p->arena, n + 2);
                if (t) {
                    memcpy(t, s, n);
                    t[n] = ' ';
                    t[n + 1] = 0;
                    info_message(p, first, t);
                }
            }
        }
        bool body = true;
        if (ftype == T_RESPONSE) {
            int code = status_code(d + off, d + off + fl);
            bool head = cv && cv->method_len == 4 && memcmp(cv->method, "HEAD", 4) == 0;
            bool connect =
                cv && ((cv->method_len == 7 && memcmp(cv->method, "CONNECT", 7) == 0) ||
                       (cv->method_len == 16 && memcmp(cv->method, "SSTP_DUPLEX_POST", 16) == 0));
            if (head || (code / 100 == 2 && connect) || code / 100 == 1 || code == 204 ||
                code == 304)
                body = false;
            if (code == 200 && connect && cv->method_len == 7) tunnel_open(p, cv);
        }
        if (!do_reassembly(p, d, off, cap, body, ftype == T_RESPONSE)) return -1;
    } else if (have_seen) {
        info_message(p, first, "Continuation");
    }

    int32_t top = -1;
    /* a first line that is a header ("Name: value") gets HTTP's tree, but not its columns */
    if (ftype == T_OTHERS && !have_seen && fl > 0 && memchr(d + off, ':', (size_t)fl)) {
        ensure_rec(p, http_rec, first, off, c->end - off);
        top = *http_rec;
        saw_tree = true;
    }
    if (ftype != T_OTHERS || have_seen) {
        if (!line_cut) {
            tw_col_proto(p, col_name);
            saw_http = true;
        }
        ensure_rec(p, http_rec, first, off, c->end - off);
        top = *http_rec;
        if (leading_crlf) {
            /* proto_tree_add_expert: a text line with the expert under it */
            tw_tree_push(p, top);
            int32_t t = tw_add_text(p, off - 2, 2, "%s", experts[E_LEADING_CRLF].summary);
            tw_tree_push(p, t);
            tw_expert(p, EX(E_LEADING_CRLF), off - 2, 2, "%s", experts[E_LEADING_CRLF].summary);
            tw_tree_pop(p);
            tw_tree_pop(p);
        }
        /* plain HTTP on TCP port 443 (tshark: each message's first line) */
        if (p->ctx.ip_proto == 6 && (p->ctx.srcport == 443 || p->ctx.dstport == 443) &&
            !over_tls(p)) {
            tw_tree_push(p, top);
            tw_expert(p, EX(E_TLS_PORT), off, 0, NULL);
            tw_tree_pop(p);
        }
    }

    struct headers h;
    memset(&h, 0, sizeof h);
    int type = T_OTHERS;
    int code = 0;
    const uint8_t *uri = NULL;
    uint32_t uri_len = 0;
    bool saw = false, any = ftype != T_OTHERS || have_seen, headers_ended = false;
    tw_tree_push(p, top);
    while (off < cap) {
        int64_t ll = find_line_end(d, off, cap, &next, false);
        const uint8_t *line = d + off;
        uint32_t colon = 0;
        int lt = line_type(line, ll, &mlen);
        if (lt != T_OTHERS) {
            type = lt;
        } else if (ll == 0) {
        } else {
            const uint8_t *cp = memchr(line, ':', (size_t)ll);
            if (!cp && !saw && !any && first) {
                /* the first line is no request, response or header and the conversation has
                 * shown no HTTP yet: tshark adds nothing and HTTP leaves frame.protocols (no
                 * data either); its export tap still takes the bytes as a body (HTTP/0.9
                 * responses) */
                tw_tree_pop(p);
                if (tw_export_wanted(p, TW_TAP_EO_HTTP)) eo_queue(p, cv, &h, d + off, cap - off);
                return -3;
            }
            if (!cp) {
                if (saw && next >= cap && (uint64_t)off + (uint64_t)ll + 1 > cap) {
                    /* an incomplete header line at the end: tshark's bounds exception */
                    tw_tree_pop(p);
                    c->err = c->cap < c->end ? TW_CUR_TRUNCATED : TW_CUR_MALFORMED;
                    return -2;
                }
                break;
            }
            colon = off + (uint32_t)(cp - line);
        }
        any = true;
        if (ll == 0) {
            tw_add_text(p, off, next - off, "%s", fmt_text(p, d + off, next - off));
            off = next;
            headers_ended = true;
            break;
        }
        saw = true;
        if (lt != T_OTHERS) {
            const char *text = labels ? fmt_text(p, line, next - off) : NULL;
            int32_t lr = tw_add_text(p, off, next - off, "%s", text ? text : "");
            tw_tree_push(p, lr);
            {
                /* the message is cut to tshark's ITEM_LABEL_LENGTH */
                const char *t2 = text ? text : fmt_text(p, line, next - off);
                tw_expert(p, EX(E_CHAT), off, next - off, "%.239s", t2 ? t2 : "");
            }
            if (lt == T_REQUEST || lt == T_NOTIFICATION) {
                if (cv) {
                    const uint8_t *m = line;
                    uint32_t ml = mlen;
                    if (ll >= 2 && m[0] == 'M' && m[1] == '-') m += 2;
                    if (ml > METHOD_MAX) ml = METHOD_MAX;
                    memcpy(cv->method, m, ml);
                    cv->method_len = (uint8_t)ml;
                    cv->server_port = p->ctx.dstport; /* the side requests go to */
                }
                request_line(p, d, off, (uint32_t)ll, cv, &uri, &uri_len);
            } else if (lt == T_RESPONSE) {
                code = response_line(p, d, off, (uint32_t)ll);
            }
            tw_tree_pop(p);
        } else {
            process_header(p, d, off, next, (uint32_t)ll, colon, type, &h, cv);
        }
        off = next;
    }
    (void)any;

    /* full URI */
    if (h.host && uri) {
        char *full;
        size_t hl = h.host_len;
        const uint8_t *hs = h.host;
        while (hl && (*hs == ' ' || *hs == '\t' || *hs == '\r' || *hs == '\n')) hs++, hl--;
        while (hl && (hs[hl - 1] == ' ' || hs[hl - 1] == '\t' || hs[hl - 1] == '\r' ||
                      hs[hl - 1] == '\n'))
            hl--;
        /* the host as a C string */
        for (size_t i = 0; i < hl; i++)
            if (!hs[i]) hl = i;
        bool absolute =
            (uri_len >= 7 && ieq(uri, "http://", 7)) || (uri_len >= 8 && ieq(uri, "https://", 8)) ||
            (cv && cv->method_len >= 7 && ieq((const uint8_t *)cv->method, "CONNECT", 7));
        /* over TLS (decrypted) the scheme is https, as in tshark */
        bool tls = over_tls(p);
        size_t sl = tls ? 8 : 7;
        size_t n = absolute ? uri_len : sl + hl + uri_len;
        full = tw_arena_alloc(p->arena, n + 1);
        if (full) {
            if (absolute) {
                memcpy(full, uri, uri_len);
            } else {
                memcpy(full, tls ? "https://" : "http://", sl);
                memcpy(full + sl, hs, hl);
                memcpy(full + sl + hl, uri, uri_len);
            }
            full[n] = 0;
            /* tshark keeps C strings: replace bytes above 0x7f as ENC_ASCII did already */
            if (cv) {
                size_t m = n < URI_MAX ? n : URI_MAX;
                memcpy(cv->full_uri, full, m);
                cv->full_uri_len = (uint16_t)m;
                cv->has_full_uri = true;
            }
            int32_t r = add_ascii_span(p, HF(F_FULL_URI), 0, 0, (const uint8_t *)full, (uint32_t)n);
            tw_rec_flags(p, r, TW_RF_GENERATED);
        }
    }

    struct entry cur = {0}, prev = {0};
    bool have_cur = false, have_prev = false;
    if (cv && type == T_REQUEST) {
        entry_push(cv);
        cv->tail.req_frame = (uint32_t)p->frame->recno;
        cv->tail.req_ts = p->frame->ts;
        cv->tail.has_ts = true;
    } else if (cv && type == T_RESPONSE) {
        if (!cv->have_tail || cv->tail.res_frame > 0) entry_push(cv);
        cv->tail.res_frame = (uint32_t)p->frame->recno;
    }
    if (cv && (type == T_REQUEST || type == T_RESPONSE)) {
        cur = cv->tail;
        have_cur = true;
        prev = cv->prev;
        have_prev = cv->have_prev;
    }
    switch (type) {
    case T_NOTIFICATION: {
        int32_t r = tw_add_uint(p, HF(F_NOTIFICATION), 0, 0, 1);
        tw_rec_flags(p, r, TW_RF_HIDDEN);
        break;
    }
    case T_RESPONSE: {
        int32_t r = tw_add_uint(p, HF(F_RESPONSE), 0, 0, 1);
        tw_rec_flags(p, r, TW_RF_HIDDEN);
        if (have_cur) {
            r = tw_add_uint(p, HF(F_RESPONSE_NUMBER), 0, 0, cur.number);
            tw_rec_label(p, r, "HTTP response %u/%u", cur.number, cv->req_res_num);
            tw_rec_flags(p, r, TW_RF_GENERATED);
            if (cur.has_ts) {
                r = tw_add_time(p, HF(F_TIME), 0, 0, tw_time_sub(p->frame->ts, cur.req_ts));
                tw_rec_flags(p, r, TW_RF_GENERATED);
            }
        }
        if (have_prev && prev.req_frame) {
            r = tw_add_uint(p, HF(F_PREV_REQUEST_IN), 0, 0, prev.req_frame);
            tw_rec_flags(p, r, TW_RF_GENERATED);
        }
        if (have_prev && prev.res_frame) {
            r = tw_add_uint(p, HF(F_PREV_RESPONSE_IN), 0, 0, prev.res_frame);
            tw_rec_flags(p, r, TW_RF_GENERATED);
        }
        if (have_cur && cur.req_frame) {
            r = tw_add_uint(p, HF(F_REQUEST_IN), 0, 0, cur.req_frame);
            tw_rec_flags(p, r, TW_RF_GENERATED);
        }
        if (cv && (cv->has_full_uri || cv->seen_uri)) {
            const char *s = cv->has_full_uri ? cv->full_uri : cv->uri;
            uint32_t n = cv->has_full_uri ? cv->full_uri_len : cv->uri_len;
            r = add_ascii_span(p, HF(F_RESPONSE_FOR_URI), 0, 0, (const uint8_t *)s, n);
            tw_rec_flags(p, r, TW_RF_GENERATED);
        }
        break;
    }
    case T_REQUEST: {
        int32_t r = tw_add_uint(p, HF(F_REQUEST), 0, 0, 1);
        tw_rec_flags(p, r, TW_RF_HIDDEN);
        if (have_cur) {
            r = tw_add_uint(p, HF(F_REQUEST_NUMBER), 0, 0, cur.number);
            tw_rec_label(p, r, "HTTP request %u/%u", cur.number, cv->req_res_num);
            tw_rec_flags(p, r, TW_RF_GENERATED);
        }
        if (have_prev && prev.req_frame) {
            r = tw_add_uint(p, HF(F_PREV_REQUEST_IN), 0, 0, prev.req_frame);
            tw_rec_flags(p, r, TW_RF_GENERATED);
        }
        break;
    }
    default:
        break;
    }
    /* the capture ended inside the headers: tshark's bounds exception, after the items above */
    if (saw && !headers_ended && off >= cap && cap < c->end) {
        tw_tree_pop(p);
        c->err = TW_CUR_TRUNCATED;
        return -2;
    }

    /* the body */
    uint32_t rem_cap = cap > off ? cap - off : 0;
    uint64_t datalen = rem_cap;
    uint64_t reported = c->end > off ? c->end - off : 0;
    if (h.have_cl && h.te == 0) {
        if (datalen > h.cl) datalen = h.cl;
        if (reported > h.cl) reported = h.cl;
    } else if (type == T_REQUEST) {
        if (h.te == 0) datalen = 0;
    } else if (type == T_RESPONSE) {
        if (code / 100 == 1 || code == 204 || code == 304) datalen = 0;
        /* 101 Switching Protocols to WebSocket: the connection's bytes after it are frames */
        if (code == 101 && h.upgrade && !h.upgrade_ws && cv)
            cv->upgraded_after = (uint32_t)p->frame->recno; /* to something else: data */
        if (code == 101 && h.upgrade_ws && cv) {
            cv->ws_after = (uint32_t)p->frame->recno;
            cv->ws_sip = h.ws_proto_len == 3 && ieq(h.ws_proto, "sip", 3);
            cv->ws_flags = h.ws_flags;
            cv->ws_server_port = p->ctx.srcport;
        }
    }
    if (datalen > 0) {
        const uint8_t *bd = d + off;
        uint32_t blen = (uint32_t)datalen;
        uint32_t consumed = blen;
        struct tw_cur body = *c;
        body.off = off;
        body.end = (uint32_t)(off + reported);
        body.cap = off + blen;
        bool done = false;
        if (h.chunked) {
            uint8_t *raw;
            uint32_t rawlen;
            uint32_t used = dechunk(p, d, off, off + blen, &raw, &rawlen);
            if (chunk_bad) {
                tw_tree_pop(p);
                c->err = TW_CUR_MALFORMED;
                return -2;
            }
            if (used == 0) {
                done = true;
            } else {
                consumed = used;
                bd = raw;
                blen = rawlen;
                body = tw_new_source(p, raw, rawlen, "De-chunked entity body");
            }
        }
        if (!done && h.te == 3) {
            uint32_t k = TW_KEY_DATA;
            tw_dissect_here(p, TW_TBL_NAME, 1, &k, body);
            done = true;
        }
        if (!done && h.cenc && !(h.cenc_len == 8 && ieq(h.cenc, "identity", 8))) {
            bool z = (h.cenc_len == 4 && ieq(h.cenc, "gzip", 4)) ||
                     (h.cenc_len == 7 && ieq(h.cenc, "deflate", 7)) ||
                     (h.cenc_len == 6 && ieq(h.cenc, "x-gzip", 6)) ||
                     (h.cenc_len == 9 && ieq(h.cenc, "x-deflate", 9));
            bool br = h.cenc_len == 2 && ieq(h.cenc, "br", 2);
            uint32_t ulen = 0;
            uint8_t *u = z && blen    ? inflate_body(p, bd, blen, &ulen)
                         : br && blen ? unbrotli_body(p, bd, blen, &ulen)
                                      : NULL;
            int32_t er = -1;
            if (labels) {
                char *ce = fmt_text(p, h.cenc, h.cenc_len);
                er = u ? tw_add_text(p, body.off, blen,
                                     "Content-encoded entity body (%s): %u bytes -> %u bytes", ce,
                                     blen, ulen)
                       : tw_add_text(p, body.off, blen,
                                     "Content-encoded entity body (%s): %u bytes", ce, blen);
            }
            if (u) {
                bd = u;
                blen = ulen;
                body = tw_new_source(p, u, ulen, "Uncompressed entity body");
            } else {
                tw_tree_push(p, er);
                tw_expert(p, EX(E_DECOMPRESSION_FAILED), body.off, blen, "%s",
                          experts[E_DECOMPRESSION_FAILED].summary);
                uint32_t k = TW_KEY_DATA;
                tw_dissect_here(p, TW_TBL_NAME, 1, &k, body);
                tw_tree_pop(p);
                done = true;
            }
        }
        if (!done) {
            if (tw_export_wanted(p, TW_TAP_EO_HTTP)) eo_queue(p, cv, &h, bd, blen);
            if (tw_want(p, HF(F_FILE_DATA))) {
                int32_t r = tw_add_ascii(p, HF(F_FILE_DATA), body.off, blen, bd);
                tw_rec_label(p, r, "File Data: %u bytes", blen);
            }
            if (blen > 0) {
                /* a continuation's bytes go under its HTTP line, a message's body after it */
                bool cont = ftype == T_OTHERS;
                /* tshark's JFIF dissector (image/jpeg) refuses a body that does not begin with
                 * SOI (a range of the file): HTTP says so and hands the body to media */
                if (!cont && h.ctype &&
                    tw_media_key((const char *)h.ctype, h.ctype_len) ==
                        tw_media_key("image/jpeg", 10) &&
                    (blen < 2 || bd[0] != 0xff || bd[1] != 0xd8))
                    tw_expert(p, EX(E_SUBDISSECTOR_FAILED), body.off, 0, NULL);
                if (!cont) tw_tree_pop(p);
                dissect_body(p, &h, body, cont);
                if (!cont) tw_tree_push(p, top);
            }
        }
        off += consumed;
    }
    tw_tree_pop(p);
    return off - orig;
}

static void not_http(struct tw_pkt *p)
{
    if (!saw_tree) tw_layer_unrecord(p);
    if (p->nlayers >= 2) {
        const struct tw_proto *below = tw_proto_get(p->layers[p->nlayers - 2].proto);
        if (below) tw_col_proto(p, below->short_name);
    }
}

/* the bytes of an upgraded connection go to WebSocket; on later frames HTTP has no line and
 * WebSocket's Info replaces TCP's */
static void ws_hand_off(struct tw_pkt *p, const struct conv *cv, struct tw_cur c, bool later)
{
    if (later)
        tw_layer_unrecord(p);
    else
        tw_info_fence(p); /* WebSocket's Info follows HTTP's */
    p->ctx.ws_protocol = cv->ws_sip ? "sip" : NULL;
    p->ctx.ws_flags = cv->ws_flags;
    p->ctx.ws_server_port = cv->ws_server_port;
    if (tw_can_desegment(p)) p->deseg.layer = p->nlayers; /* WebSocket may ask TCP for more */
    tw_next(p, TW_TBL_NAME, TW_KEY_WEBSOCKET, c);
}

static enum tw_status dissect_http(struct tw_pkt *p, struct tw_cur *c)
{
    uint32_t off = c->off;
    struct conv *tv = conv_get(p, false);
    if (tv && tv->tunnel_port && (uint32_t)p->frame->recno > tv->tunnel_after) {
        /* the tunnel's protocol under HTTP from now on, HTTP showing only where it leads (tshark's
         * proxy-connect hand-off); the protocol may ask TCP for more as if it ran on TCP */
        uint32_t hl = tv->uri_len;
        while (hl > 0 && tv->uri[hl - 1] != ':') hl--;
        int32_t r = tw_add_ptr(p, HF(F_PROXY_CONNECT_HOST), c->off, 0, (const uint8_t *)tv->uri,
                               hl ? hl - 1 : 0);
        tw_rec_flags(p, r, TW_RF_GENERATED);
        r = tw_add_uint(p, HF(F_PROXY_CONNECT_PORT), c->off, 0, tv->tunnel_port);
        tw_rec_flags(p, r, TW_RF_GENERATED);
        /* tshark's http_payload_subdissector(): the proxy's side of the connection takes the
         * CONNECT's port; a port of HTTP's own, or a connection HTTP was found on that way
         * before (TCP's heuristics), gets the bytes as data (no recursion) */
        uint16_t *pp = p->ctx.srcport == tv->server_port ? &p->ctx.srcport : &p->ctx.dstport;
        uint16_t saved = *pp;
        *pp = tv->tunnel_port;
        struct conv *inner = conv_get(p, false);
        int pr = tw_dispatch_find(TW_TBL_TCP_PORT, tv->tunnel_port);
        if ((pr >= 0 && tw_proto_get((uint16_t)pr) == tw_proto_get(p->layers[p->nlayers - 1].proto)) ||
            (inner && inner->heur)) {
            *pp = saved;
            /* (tshark's tunnel item sets no Protocol column: TCP's stays) */
            const struct tw_proto *below =
                p->nlayers >= 2 ? tw_proto_get(p->layers[p->nlayers - 2].proto) : NULL;
            if (below) tw_col_proto(p, below->short_name);
            tw_next(p, TW_TBL_NAME, TW_KEY_DATA, *c);
            return TW_OK;
        }
        if (tw_can_desegment(p)) p->deseg.layer = p->nlayers; /* the next layer's index */
        p->ctx.starttls_app = "Hypertext Transfer Protocol"; /* TLS in the tunnel carries HTTP, to tshark */
        tw_next(p, TW_TBL_TCP_PORT, tv->tunnel_port, *c);
        return TW_OK;
    }
    if (tv && tv->upgraded_after && (uint32_t)p->frame->recno > tv->upgraded_after) {
        /* upgraded to a protocol tshark 4.0 leaves as data: HTTP listed, without a line, and
         * TCP's columns */
        not_http(p);
        tw_next(p, TW_TBL_NAME, TW_KEY_DATA, *c);
        return TW_OK;
    }
    if (tv && tv->ws_after && (uint32_t)p->frame->recno > tv->ws_after) {
        /* upgraded to WebSocket: HTTP stays in frame.protocols without a line of its own */
        ws_hand_off(p, tv, *c, true);
        return TW_OK;
    }
    int32_t rec = tw_layer_recorded(p) ? p->layers[p->nlayers - 1].rec : -1;
    bool first = true, any = false;
    enum tw_status st = TW_OK;
    tree_base = p->ntree ? p->ntree - 1 : 0;
    saw_http = false;
    saw_tree = false;
    while (off < c->end) {
        int32_t my = first ? rec : -1;
        int64_t n = dissect_message(p, c, off, first, &my);
        if (n == -3) { /* not HTTP at all */
            tw_layer_unrecord(p);
            tw_layer_hide(p);
            break;
        }
        if (n == -2) {
            st = c->err == TW_CUR_TRUNCATED ? TW_TRUNCATED : TW_MALFORMED;
            break;
        }
        if (n <= 0) break;
        if (my >= 0) {
            p->recs[my].off = off;
            p->recs[my].len = (uint32_t)n;
        }
        any = true;
        first = false;
        off += (uint32_t)n;
        struct conv *wv = off < c->end ? conv_get(p, false) : NULL;
        if (wv && wv->ws_after == (uint32_t)p->frame->recno) {
            /* the first WebSocket frames after the 101 in the same segment */
            struct tw_cur rest = *c;
            rest.off = off;
            ws_hand_off(p, wv, rest, false);
            c->off = c->end;
            if (!saw_http) not_http(p);
            return st;
        }
    }
    /* nothing looked like HTTP: tshark keeps the layer but adds no tree, and the columns stay
     * TCP's */
    /* a segment whose first message waits for more (TCP keeps it) shows no HTTP line */
    if (!any && p->deseg.len) {
        tw_layer_unrecord(p);
        tw_layer_hide(p); /* and, as in tshark, it is not in frame.protocols */
    }
    if (!saw_http) not_http(p);
    c->off = c->end;
    return st;
}

/* tshark's "http_tcp" heuristic: the first line ends in or begins with "HTTP/1." (a request or
 * a response); the conversation is HTTP from then on */
static bool heur_http(struct tw_pkt *p, const struct tw_cur *c)
{
    if (p->ctx.in_error_pkt) return false;
    struct conv *cv = conv_get(p, false);
    if (cv && cv->heur) return true;
    uint32_t cap = c->cap < c->end ? c->cap : c->end;
    if (c->off >= cap) return false;
    uint32_t next;
    int64_t ll = find_line_end(c->data, c->off, cap, &next, true);
    if (ll < 0 || ll == 8) return false;
    const uint8_t *l = c->data + c->off;
    bool ok = (ll >= 8 && ieq(l + ll - 8, "HTTP/1.", 7)) || (ll >= 7 && ieq(l, "HTTP/1.", 7));
    if (!ok) return false;
    cv = conv_get(p, true);
    if (cv) cv->heur = true;
    return true;
}

static const struct tw_binding bindings[] = {
    {TW_TBL_TCP_PORT, 80},   {TW_TBL_TCP_PORT, 631},  {TW_TBL_TCP_PORT, 1900},
    {TW_TBL_TCP_PORT, 2710}, {TW_TBL_TCP_PORT, 2869}, {TW_TBL_TCP_PORT, 3128},
    {TW_TBL_TCP_PORT, 3132}, {TW_TBL_TCP_PORT, 3689}, {TW_TBL_TCP_PORT, 5985},
    {TW_TBL_TCP_PORT, 8080}, {TW_TBL_TCP_PORT, 8088}, {TW_TBL_TCP_PORT, 11371},
};

const struct tw_proto tw_proto_http = {
    .abbrev = "http",
    .name = "Hypertext Transfer Protocol",
    .short_name = "HTTP",
    .fields = fields,
    .nfields = F_COUNT,
    .experts = experts,
    .nexperts = E_COUNT,
    .bindings = bindings,
    .nbindings = TW_ARRAY_LEN(bindings),
    .dissect = dissect_http,
    .init = http_init,
    .ids = &ids,
    .heur = heur_http,
    .heur_tables = {TW_TBL_TCP_PORT},
};

/* ---- SSDP: HTTP's messages over UDP 1900, under a protocol item of its own (tshark's
 * packet-http.c registers "ssdp" the same way; the fields are http.*) ---------------------- */
static enum tw_status dissect_ssdp(struct tw_pkt *p, struct tw_cur *c)
{
    col_name = "SSDP";
    enum tw_status st = dissect_http(p, c);
    col_name = "HTTP";
    return st;
}

static const struct tw_binding ssdp_bindings[] = {{TW_TBL_UDP_PORT, 1900}};

const struct tw_proto tw_proto_ssdp = {
    .abbrev = "ssdp",
    .name = "Simple Service Discovery Protocol",
    .short_name = "SSDP",
    .bindings = ssdp_bindings,
    .nbindings = TW_ARRAY_LEN(ssdp_bindings),
    .dissect = dissect_ssdp,
    .ids = &ssdp_ids,
};

/* ---- Line-based text data ------------------------------------------------------------------ */

const char *tw_media_name_swap(const char *name)
{
    const char *old = cur_media;
    cur_media = name;
    return old;
}

static enum tw_status dissect_text_lines(struct tw_pkt *p, struct tw_cur *c)
{
    uint32_t cap = c->cap < c->end ? c->cap : c->end;
    const char *name = cur_media && *cur_media ? cur_media : NULL;
    if (name && p->want_cols) {
        if (p->info.len) tw_info_add(p, " ");
        tw_info_printf(p, "(%s)", name);
    }
    if (tw_want_labels(p)) {
        uint32_t o = c->off, n = 0, next;
        while (o < cap) {
            int64_t ll = find_line_end(c->data, o, cap, &next, false);
            (void)ll;
            tw_rec_flags(p, tw_add_text(p, o, next - o, "%s", fmt_text(p, c->data + o, next - o)),
                         TW_RF_MARK_TRUNC);
            n++;
            o = next;
        }
        if (name)
            tw_layer_label(p, "Line-based text data: %s (%u lines)", name, n);
        else
            tw_layer_label(p, "Line-based text data (%u lines)", n);
    }
    c->off = c->end;
    return TW_OK;
}

static const struct tw_binding lines_bindings[] = {
    {TW_TBL_MEDIA_TYPE, 0xd23bd685u}, /* text/plain */
    {TW_TBL_MEDIA_TYPE, 0x3e47b3c6u}, /* text/richtext */
    {TW_TBL_MEDIA_TYPE, 0xf30b497bu}, /* text/enriched */
    {TW_TBL_MEDIA_TYPE, 0x79a1ebfbu}, /* text/parameters */
    {TW_TBL_MEDIA_TYPE, 0x75d8656eu}, /* text/html */
    {TW_TBL_MEDIA_TYPE, 0x552fd6ceu}, /* text/xml-external-parsed-entity */
    {TW_TBL_MEDIA_TYPE, 0xad238ceeu}, /* text/css */
    {TW_TBL_MEDIA_TYPE, 0x2f8d0413u}, /* application/xml-external-parsed-entity */
    {TW_TBL_MEDIA_TYPE, 0xb0aea9ccu}, /* text/javascript */
    {TW_TBL_MEDIA_TYPE, 0xc999deb2u}, /* application/x-javascript */
    {TW_TBL_MEDIA_TYPE, 0x7dd7576cu}, /* application/x-tia-p25-issi */
    {TW_TBL_MEDIA_TYPE, 0x7783940cu}, /* application/x-tia-p25-sndcp */
    {TW_TBL_MEDIA_TYPE, 0xe3df6f3bu}, /* application/x-ns-proxy-autoconfig */
    {TW_TBL_MEDIA_TYPE, 0xc6534bd0u}, /* text/vnd.sun.j2me.app-descriptor */
    {TW_TBL_MEDIA_TYPE, 0xc9ae1e48u}, /* application/vnd.poc.refer-to */
    {TW_TBL_MEDIA_TYPE, 0xea26f34cu}, /* application/vnd.drm.message */
    {TW_TBL_MEDIA_TYPE, 0x58340d0eu}, /* application/x-wms-logplaystats */
    {TW_TBL_MEDIA_TYPE, 0xb2d5a02du}, /* application/x-rtsp-udp-packetpair */
};

const struct tw_proto tw_proto_text_lines = {
    .abbrev = "data-text-lines",
    .name = "Line-based text data",
    .short_name = "Line-based text data",
    .bindings = lines_bindings,
    .nbindings = TW_ARRAY_LEN(lines_bindings),
    .dissect = dissect_text_lines,
    .ids = &lines_ids,
    .flags = TW_PROTO_NO_COLUMN,
};

/* ---- Media Type ---------------------------------------------------------------------------- */

static const struct tw_field_def media_fields[] = {
    {"media.type", "Media type", TW_FT_BYTES, TW_BASE_NONE},
};

static enum tw_status dissect_media(struct tw_pkt *p, struct tw_cur *c)
{
    uint32_t avail = tw_cur_avail(c);
    uint32_t total = tw_cur_left(c);
    const char *name = cur_media && *cur_media ? cur_media : NULL;
    if (name && p->want_cols) {
        if (p->info.len) tw_info_add(p, " ");
        tw_info_printf(p, "(%s)", name);
    }
    uint16_t hf = (uint16_t)(media_ids.base);
    int32_t r = tw_add_bytes(p, hf, c, c->off, avail);
    if (name) tw_rec_label(p, r, "Media type: %s (%u byte%s)", name, total, total == 1 ? "" : "s");
    c->off = c->end;
    return TW_OK;
}

static const struct tw_binding media_bindings[] = {{TW_TBL_MEDIA_TYPE, MEDIA_KEY_NONE}};

const struct tw_proto tw_proto_media = {
    .abbrev = "media",
    .name = "Media Type",
    .short_name = "Media",
    .fields = media_fields,
    .nfields = 1,
    .bindings = media_bindings,
    .nbindings = 1,
    .dissect = dissect_media,
    .ids = &media_ids,
    .flags = TW_PROTO_NO_COLUMN,
};
