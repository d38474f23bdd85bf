/* SOCKS (versions 4, 4a and 5: RFC 1928, RFC 1929, the SOCKS4/SOCKS4A protocol notes) on TCP
 * 1080, as tshark 4.0 shows it.
 *
 * The protocol is stateful: which message a segment holds follows only from the conversation's
 * history, so per TCP connection the dissector keeps a client state and a server state, moved on
 * by the first pass over each segment:
 *
 *   client: start (greeting / v4 request) -> wait for the method choice -> command -> done
 *   server: start (method choice / v4 reply) -> [sub-negotiation reply] -> command reply -> done
 *
 * Each segment remembers the states it found (tshark's per-frame state_info) and is displayed by
 * them. Once both sides are done the connection is a tunnel: later segments show what was agreed
 * (generated version, command, address, port) and their bytes go to the protocol of the remote
 * port, through TCP's own payload handling with that port in place of 1080 (tw_tcp_relay), so
 * that HTTP or TLS inside SOCKS desegment as they would on a plain connection.
 *
 * tshark's quirks kept: the conversation's version and "server port" come from the first segment
 * SOCKS sees, whichever way it goes (data that is not SOCKS shows "Unknown" and nothing else);
 * most Info text is added only while a protocol tree is built; a v4 request's remembered address
 * is read from the start of the request (its first four bytes), not from its address field; a
 * BIND or UDP ASSOCIATE never completes the handshake; the tunnel's direction is decided by the
 * literal port 1080.
 */
#include "../dissect.h"

#include <stdio.h>
#include <string.h>

static struct tw_proto_ids ids;
#define HF(x) ((uint16_t)(ids.base + (x)))

enum {
    F_VERSION,
    F_DST,
    F_DST6,
    F_GSSAPI_DATA,
    F_GSSAPI_COMMAND,
    F_GSSAPI_LENGTH,
    F_V4A_DNS_NAME,
    F_DSTPORT,
    F_COMMAND,
    F_RESULTS4,
    F_RESULTS5,
    F_AUTH_METHOD_COUNT,
    F_AUTH_METHOD,
    F_RESERVED,
    F_PORT,
    F_AUTH_ACCEPTED,
    F_AUTH_STATUS,
    F_REMOTE_HOST_PORT,
    F_SUBNEG_VERSION,
    F_USERNAME,
    F_PASSWORD,
    F_REMOTE_NAME,
    F_ADDRESS_TYPE,
    F_FRAGMENT_NUMBER,
    F_PING_END,
    F_PING_RESULTS,
    F_TRACERT_END,
    F_TRACERT_RESULTS,
    F_COUNT
};

#define CMD_CONNECT 1
#define CMD_BIND    2
#define CMD_UDP     3
#define CMD_PING    0x80
#define CMD_TRACERT 0x81

#define AUTH_NONE   0
#define AUTH_GSSAPI 1
#define AUTH_USER   2

#define SOCKS_PORT 1080

static const struct tw_vs cmd_vals[] = {{CMD_CONNECT, "Connect"},
                                        {CMD_BIND, "Bind"},
                                        {CMD_UDP, "UdpAssociate"},
                                        {CMD_PING, "Ping"},
                                        {CMD_TRACERT, "Traceroute"},
                                        {0, NULL}};
static const struct tw_vs results4_vals[] = {
    {90, "Granted"},
    {91, "Rejected or Failed"},
    {92, "Rejected because SOCKS server cannot connect to identd on the client"},
    {93, "Rejected because the client program and identd report different user-ids"},
    {0, NULL}};
static const struct tw_vs results5_vals[] = {{0, "Succeeded"},
                                             {1, "General SOCKS server failure"},
                                             {2, "Connection not allowed by ruleset"},
                                             {3, "Network unreachable"},
                                             {4, "Host unreachable"},
                                             {5, "Connection refused"},
                                             {6, "TTL expired"},
                                             {7, "Command not supported"},
                                             {8, "Address type not supported"},
                                             {0, NULL}};
static const struct tw_vs atype_vals[] = {{1, "IPv4"}, {3, "Domain Name"}, {4, "IPv6"}, {0, NULL}};
static const struct tw_vs gssapi_cmd_vals[] = {{1, "Authentication"}, {0xff, "Failure"}, {0, NULL}};

static const struct tw_field_def fields[F_COUNT] = {
    [F_VERSION] = {"socks.version", "Version", TW_FT_UINT8, TW_BASE_DEC},
    [F_DST] = {"socks.dst", "Remote Address", TW_FT_IPv4},
    [F_DST6] = {"socks.dstV6", "Remote Address(ipv6)", TW_FT_IPv6},
    [F_GSSAPI_DATA] = {"socks.gssapi.data", "GSSAPI data", TW_FT_BYTES},
    [F_GSSAPI_COMMAND] = {"socks.gssapi.command", "SOCKS/GSSAPI command", TW_FT_UINT8, TW_BASE_DEC,
                          0, gssapi_cmd_vals},
    [F_GSSAPI_LENGTH] = {"socks.gssapi.length", "SOCKS/GSSAPI data length", TW_FT_UINT16,
                         TW_BASE_DEC},
    [F_V4A_DNS_NAME] = {"socks.v4a_dns_name", "SOCKS v4a Remote Domain Name", TW_FT_STRINGZ},
    [F_DSTPORT] = {"socks.dstport", "Remote Port", TW_FT_UINT16, TW_BASE_DEC},
    [F_COMMAND] = {"socks.command", "Command", TW_FT_UINT8, TW_BASE_DEC, 0, cmd_vals},
    [F_RESULTS4] = {"socks.results", "Results(V4)", TW_FT_UINT8, TW_BASE_DEC, 0, results4_vals},
    [F_RESULTS5] = {"socks.results", "Results(V5)", TW_FT_UINT8, TW_BASE_DEC, 0, results5_vals},
    [F_AUTH_METHOD_COUNT] = {"socks.auth_method_count", "Authentication Method Count",
                             TW_FT_UINT8, TW_BASE_DEC},
    [F_AUTH_METHOD] = {"socks.auth_method", "Method", TW_FT_UINT8, TW_BASE_DEC},
    [F_RESERVED] = {"socks.reserved", "Reserved", TW_FT_UINT8, TW_BASE_DEC},
    [F_PORT] = {"socks.port", "Port", TW_FT_UINT16, TW_BASE_DEC},
    [F_AUTH_ACCEPTED] = {"socks.auth_accepted_method", "Accepted Auth Method", TW_FT_UINT8,
                         TW_BASE_DEC},
    [F_AUTH_STATUS] = {"socks.auth_status", "Status", TW_FT_UINT8, TW_BASE_DEC},
    [F_REMOTE_HOST_PORT] = {"socks.remote_host_port", "Remote Host Port", TW_FT_UINT16,
                            TW_BASE_DEC},
    [F_SUBNEG_VERSION] = {"socks.subnegotiation_version", "Subnegotiation Version", TW_FT_UINT8,
                          TW_BASE_DEC},
    [F_USERNAME] = {"socks.username", "User name", TW_FT_STRING},
    [F_PASSWORD] = {"socks.password", "Password", TW_FT_STRING},
    [F_REMOTE_NAME] = {"socks.remote_name", "Remote name", TW_FT_STRING},
    [F_ADDRESS_TYPE] = {"socks.address_type", "Address Type", TW_FT_UINT8, TW_BASE_DEC, 0,
                        atype_vals},
    [F_FRAGMENT_NUMBER] = {"socks.fragment_number", "Fragment Number", TW_FT_UINT8, TW_BASE_DEC},
    [F_PING_END] = {"socks.ping_end_command", "Ping: End command", TW_FT_NONE},
    [F_PING_RESULTS] = {"socks.ping_results", "Ping Results", TW_FT_NONE},
    [F_TRACERT_END] = {"socks.traceroute_end_command", "Traceroute: End command", TW_FT_NONE},
    [F_TRACERT_RESULTS] = {"socks.traceroute_results", "Traceroute Results", TW_FT_NONE},
};

/* the two sides' states (tshark's ClientState / ServerState); NOINIT: not recorded for a frame */
enum { C_NOINIT = -1, C_START, C_WAIT_AUTH, C_V5CMD, C_USER_REQ, C_GSS_REQ, C_DONE, C_ERROR };
enum { S_NOINIT = -1, S_START, S_INIT_REPLY, S_CMD_REPLY, S_USER_REPLY, S_GSS_REPLY, S_BIND_REPLY,
       S_DONE, S_ERROR };

/* per TCP connection */
struct conv {
    bool init;
    int8_t client, server;
    uint8_t version, command, auth_method;
    uint16_t server_port, port, udp_port;
    uint8_t dst_type; /* 0 none, 4 IPv4, 6 IPv6 */
    uint8_t dst[16];
    uint32_t done_frame; /* frame where both sides became done, UINT32_MAX before */
};
static struct tw_state *conv_tab;
static bool in_socks; /* relaying: a SOCKS inside the tunnel refuses (tshark's recursion guard) */

static void socks_init(void)
{
    conv_tab = tw_state_open("socks.conv", sizeof(struct conv), 65536, NULL);
}

/* A reader over the segment at absolute offsets (tvb offsets are relative to `base`), with
 * tshark's exceptions as a sticky status: beyond the segment's claimed end is malformed, beyond
 * the capture truncated. */
struct rd {
    const uint8_t *data;
    uint32_t base, end, cap;
    enum tw_status st;
};
static bool rd_has(struct rd *r, uint32_t off, uint32_t n)
{
    if (r->st != TW_OK) return false;
    uint64_t e = (uint64_t)r->base + off + n;
    if (e > r->end) {
        r->st = TW_MALFORMED;
        return false;
    }
    if (e > r->cap) {
        r->st = TW_TRUNCATED;
        return false;
    }
    return true;
}
static bool rd8(struct rd *r, uint32_t off, uint8_t *v)
{
    if (!rd_has(r, off, 1)) return false;
    *v = r->data[r->base + off];
    return true;
}
static bool rd16(struct rd *r, uint32_t off, uint16_t *v)
{
    if (!rd_has(r, off, 2)) return false;
    const uint8_t *b = r->data + r->base + off;
    *v = (uint16_t)(b[0] << 8 | b[1]);
    return true;
}
/* reported bytes from off on (tvb_reported_length_remaining), negative past the end */
static int64_t rd_left(const struct rd *r, uint32_t off)
{
    return (int64_t)r->end - ((int64_t)r->base + off);
}
/* tvb_bytes_exist: captured, no exception */
static bool rd_exists(const struct rd *r, uint32_t off, uint32_t n)
{
    uint64_t e = (uint64_t)r->base + off + n;
    return e <= r->end && e <= r->cap;
}
/* tvb_strsize: length of the NUL-terminated string at off, with its NUL */
static bool rd_strsize(struct rd *r, uint32_t off, uint32_t *n)
{
    if (!rd_has(r, off, 0)) return false;
    uint32_t s = r->base + off;
    if (s >= r->end) {
        r->st = TW_MALFORMED;
        return false;
    }
    uint32_t lim = TW_MIN(r->end, r->cap);
    for (uint32_t i = s; i < lim; i++) {
        if (r->data[i] == 0) {
            *n = i - s + 1;
            return true;
        }
    }
    r->st = lim < r->end ? TW_TRUNCATED : TW_MALFORMED;
    return false;
}

static const char *auth_method_name(uint8_t m)
{
    if (m == 0) return "No authentication";
    if (m == 1) return "GSSAPI";
    if (m == 2) return "Username/Password";
    if (m == 3) return "Chap";
    if (m <= 0x7f) return "IANA assigned";
    if (m <= 0xfe) return "private method";
    return "no acceptable method";
}

static void info_add(struct tw_pkt *p, const char *s)
{
    if (p->want_cols && !p->cols_locked) tw_info_add(p, s);
}

/* ------------------------------------------------------------------------------------------
 * State machines (first pass).
 * ---------------------------------------------------------------------------------------- */
struct frame_state {
    int8_t client, server;
};
static void save_client(struct frame_state *fs, int8_t s)
{
    if (fs->client == C_NOINIT) fs->client = s;
}
static void save_server(struct frame_state *fs, int8_t s)
{
    if (fs->server == S_NOINIT) fs->server = s;
}

/* get_address_v5: the address at off (type byte first), remembered in cv; the offset after */
static bool v5_address(struct rd *r, uint32_t off, struct conv *cv, uint32_t *next)
{
    uint8_t t;
    if (!rd8(r, off, &t)) return false;
    off++;
    if (t == 1) {
        if (!rd_has(r, off, 4)) return false;
        cv->dst_type = 4;
        memcpy(cv->dst, r->data + r->base + off, 4);
        off += 4;
    } else if (t == 4) {
        if (!rd_has(r, off, 16)) return false;
        cv->dst_type = 6;
        memcpy(cv->dst, r->data + r->base + off, 16);
        off += 16;
    } else if (t == 3) {
        uint8_t n;
        if (!rd8(r, off, &n)) return false;
        off += (uint32_t)n + 1;
    }
    *next = off;
    return true;
}

static void sm_v4(struct tw_pkt *p, struct rd *r, struct conv *cv, struct frame_state *fs)
{
    if (cv->client != C_DONE) save_client(fs, cv->client);
    if (cv->server != S_DONE) save_server(fs, cv->server);
    if (cv->server_port == p->ctx.dstport) {
        info_add(p, " Connect to server request");
        uint8_t cmd;
        if (!rd8(r, 1, &cmd)) return;
        cv->command = cmd;
        if (cmd == CMD_CONNECT) {
            uint16_t port;
            if (!rd16(r, 2, &port)) return;
            cv->port = port;
        }
        /* the request's first four bytes, where tshark reads the address from */
        if (!rd_has(r, 0, 4)) return;
        cv->dst_type = 4;
        memcpy(cv->dst, r->data + r->base, 4);
        cv->client = C_DONE;
    } else {
        info_add(p, " Connect Response");
        uint8_t res;
        if (!rd8(r, 1, &res)) return;
        cv->server = res == 90 ? S_DONE : S_ERROR;
    }
}

static void sm_client_v5(struct rd *r, uint32_t off, struct conv *cv, struct frame_state *fs,
                         bool start, int depth)
{
    if (start) {
        save_client(fs, cv->client);
        save_server(fs, cv->server);
    }
    if (cv->client == C_START) {
        uint8_t n, m = 0;
        if (!rd8(r, off + 1, &n)) return;
        if (n == 1 && !rd8(r, off + 2, &m)) return;
        if (n == 0 || (n == 1 && m == 0)) {
            cv->client = C_V5CMD;
            if (rd_left(r, off + 2 + n) > 0 && depth < 4)
                sm_client_v5(r, off + 2 + n, cv, fs, false, depth + 1);
        } else {
            cv->client = C_WAIT_AUTH;
        }
    } else if (cv->client == C_WAIT_AUTH && cv->server == S_INIT_REPLY) {
        switch (cv->auth_method) {
        case AUTH_NONE:
            cv->client = C_V5CMD;
            cv->server = S_CMD_REPLY;
            break;
        case AUTH_USER:
            cv->client = C_V5CMD;
            cv->server = S_USER_REPLY;
            break;
        case AUTH_GSSAPI:
            cv->client = C_V5CMD;
            cv->server = S_GSS_REPLY;
            break;
        default:
            cv->client = C_ERROR;
            break;
        }
    } else if (cv->client == C_V5CMD) {
        uint8_t cmd;
        if (!rd8(r, off + 1, &cmd)) return;
        cv->command = cmd;
        uint32_t next;
        if (!v5_address(r, off + 3, cv, &next)) return;
        if (cmd == CMD_CONNECT || cmd == CMD_UDP) {
            uint16_t port;
            if (!rd16(r, next, &port)) return;
            cv->port = port;
        }
        cv->client = C_DONE;
    }
}

/* display_address() run without a tree: the offset after the address at off */
static bool skip_address(struct rd *r, uint32_t off, uint32_t *next)
{
    uint8_t t;
    if (!rd8(r, off, &t)) return false;
    off++;
    if (t == 1) {
        off += 4;
    } else if (t == 3) {
        uint8_t n;
        if (!rd8(r, off, &n)) return false;
        off += (uint32_t)n + 1;
    } else if (t == 4) {
        off += 16;
    }
    *next = off;
    return true;
}

static void sm_server_v5(struct rd *r, uint32_t off, struct conv *cv, struct frame_state *fs)
{
    save_server(fs, cv->server);
    switch (cv->server) {
    case S_START: {
        uint8_t m;
        if (!rd8(r, off + 1, &m)) return;
        cv->auth_method = m;
        if (m == AUTH_NONE) {
            cv->server = S_CMD_REPLY;
            cv->client = C_V5CMD;
        } else if (m == AUTH_USER || m == AUTH_GSSAPI) {
            cv->server = S_INIT_REPLY;
        } else {
            cv->server = S_ERROR;
        }
        break;
    }
    case S_USER_REPLY:
        cv->server = S_CMD_REPLY;
        break;
    case S_GSS_REPLY: {
        uint8_t c;
        if (!rd8(r, off + 1, &c)) return;
        if (c == 0xff) {
            cv->server = S_ERROR;
        } else {
            uint16_t len;
            if (!rd16(r, off + 2, &len)) return;
            if (len == 0) cv->server = S_CMD_REPLY;
        }
        break;
    }
    case S_CMD_REPLY:
        switch (cv->command) {
        case CMD_CONNECT:
        case CMD_PING:
        case CMD_TRACERT:
            cv->server = S_DONE;
            break;
        case CMD_BIND: {
            cv->server = S_BIND_REPLY;
            uint8_t rsv;
            if (!rd8(r, off + 2, &rsv)) return;
            if (rsv == 0 && rd_left(r, off) > 5) {
                /* tshark reads an "address" at the reply's start (the version byte) and runs
                 * the client's machine from after it */
                uint32_t next;
                if (!skip_address(r, off, &next)) return;
                sm_client_v5(r, next, cv, fs, false, 0);
            }
            break;
        }
        case CMD_UDP: {
            uint32_t next;
            if (!v5_address(r, off + 3, cv, &next)) return;
            uint16_t port;
            if (!rd16(r, next, &port)) return;
            cv->udp_port = port;
            break;
        }
        }
        break;
    default:
        break;
    }
}

/* ------------------------------------------------------------------------------------------
 * Display (only with a protocol tree, as in tshark).
 * ---------------------------------------------------------------------------------------- */
static bool show_u8(struct tw_pkt *p, struct rd *r, int f, uint32_t off)
{
    uint8_t v;
    if (!rd8(r, off, &v)) return false;
    tw_add_uint(p, HF(f), r->base + off, 1, v);
    return true;
}
static bool show_u16(struct tw_pkt *p, struct rd *r, int f, uint32_t off)
{
    uint16_t v;
    if (!rd16(r, off, &v)) return false;
    tw_add_uint(p, HF(f), r->base + off, 2, v);
    return true;
}
static int32_t gen_uint(struct tw_pkt *p, struct rd *r, int f, uint64_t v)
{
    int32_t rec = tw_add_uint(p, HF(f), r->base, 0, v);
    tw_rec_flags(p, rec, TW_RF_GENERATED);
    return rec;
}
/* a length-prefixed ASCII string at off: the item spans the length byte and the string */
static bool show_pstring(struct tw_pkt *p, struct rd *r, int f, uint32_t off, uint32_t *next)
{
    uint8_t n;
    if (!rd8(r, off, &n)) return false;
    if (!rd_has(r, off + 1, n)) return false;
    int32_t rec = tw_add_ascii(p, HF(f), r->base + off + 1, n, r->data + r->base + off + 1);
    if (rec >= 0) {
        p->recs[rec].off = r->base + off;
        tw_rec_setlen(p, rec, (uint32_t)n + 1);
    }
    *next = off + 1 + n;
    return true;
}

/* display_address(): type, then the address; the offset after it */
static bool show_address(struct tw_pkt *p, struct rd *r, uint32_t off, uint32_t *next)
{
    uint8_t t;
    if (!rd8(r, off, &t)) return false;
    tw_add_uint(p, HF(F_ADDRESS_TYPE), r->base + off, 1, t);
    off++;
    if (t == 1) {
        if (!rd_has(r, off, 4)) return false;
        tw_add_ptr(p, HF(F_DST), r->base + off, 4, r->data + r->base + off, 4);
        off += 4;
    } else if (t == 3) {
        if (!show_pstring(p, r, F_REMOTE_NAME, off, &off)) return false;
    } else if (t == 4) {
        if (!rd_has(r, off, 16)) return false;
        tw_add_ptr(p, HF(F_DST6), r->base + off, 16, r->data + r->base + off, 16);
        off += 16;
    }
    *next = off;
    return true;
}

static bool show_stringz(struct tw_pkt *p, struct rd *r, int f, uint32_t off, uint32_t *size)
{
    uint32_t n;
    if (!rd_strsize(r, off, &n)) return false;
    tw_add_ascii(p, HF(f), r->base + off, n, r->data + r->base + off);
    *size = n;
    return true;
}

static void display_v4(struct tw_pkt *p, struct rd *r, const struct conv *cv,
                       const struct frame_state *fs)
{
    if (cv->server_port == p->ctx.dstport) {
        if (fs->client != C_START) return;
        if (!show_u8(p, r, F_VERSION, 0) || !show_u8(p, r, F_COMMAND, 1) ||
            !show_u16(p, r, F_DSTPORT, 2))
            return;
        if (!rd_has(r, 4, 4)) return;
        const uint8_t *a = r->data + r->base + 4;
        tw_add_ptr(p, HF(F_DST), r->base + 4, 4, a, 4);
        uint32_t n;
        if (!show_stringz(p, r, F_USERNAME, 8, &n)) return;
        if (a[0] == 0 && a[1] == 0 && a[2] == 0 && a[3] != 0) {
            uint32_t m;
            show_stringz(p, r, F_V4A_DNS_NAME, 8 + n, &m);
        }
    } else {
        if (fs->server != S_START) return;
        if (!show_u8(p, r, F_VERSION, 0) || !show_u8(p, r, F_RESULTS4, 1) ||
            !show_u16(p, r, F_DSTPORT, 2))
            return;
        if (!rd_has(r, 4, 4)) return;
        tw_add_ptr(p, HF(F_DST), r->base + 4, 4, r->data + r->base + 4, 4);
    }
}

static void display_client_v5(struct tw_pkt *p, struct rd *r, uint32_t off, const struct conv *cv,
                              const struct frame_state *fs, int8_t client, int depth)
{
    if (client == C_START) {
        info_add(p, " Connect to server request");
        if (!show_u8(p, r, F_VERSION, off)) return;
        off++;
        uint8_t n;
        if (!rd8(r, off, &n)) return;
        int32_t t = tw_add_text(p, r->base + off, (uint32_t)n + 1, "Client Authentication Methods");
        tw_tree_push(p, t);
        bool ok = show_u8(p, r, F_AUTH_METHOD_COUNT, off);
        off++;
        for (uint32_t i = 0; ok && i < n; i++, off++) {
            uint8_t m;
            if (!rd8(r, off, &m)) {
                ok = false;
                break;
            }
            int32_t rec = tw_add_uint(p, HF(F_AUTH_METHOD), r->base + off, 1, m);
            tw_rec_label(p, rec, "Method[%u]: %u (%s)", i, m, auth_method_name(m));
        }
        tw_tree_pop(p);
        if (!ok) return;
        uint8_t rsv;
        if (n == 1 && rd_exists(r, off + 2, 1) && rd8(r, off + 2, &rsv) && rsv == 0 &&
            rd_left(r, off + 2 + n) > 0 && depth < 4)
            display_client_v5(p, r, off, cv, fs, C_V5CMD, depth + 1);
    } else if (client == C_V5CMD) {
        if (p->want_cols && !p->cols_locked) {
            const char *s = tw_vs_find(cmd_vals, cv->command);
            tw_info_printf(p, " Command Request - %s", s ? s : "Unknown");
        }
        if (!show_u8(p, r, F_VERSION, off) || !show_u8(p, r, F_COMMAND, off + 1) ||
            !show_u8(p, r, F_RESERVED, off + 2))
            return;
        uint32_t next;
        if (!show_address(p, r, off + 3, &next)) return;
        show_u16(p, r, F_PORT, next);
    } else if (client == C_WAIT_AUTH && fs->server == S_INIT_REPLY) {
        gen_uint(p, r, F_VERSION, 5);
        if (!show_u8(p, r, F_SUBNEG_VERSION, off)) return;
        off++;
        if (cv->auth_method == AUTH_USER) {
            info_add(p, " User authentication request");
            if (!show_pstring(p, r, F_USERNAME, off, &off)) return;
            show_pstring(p, r, F_PASSWORD, off, &off);
        } else if (cv->auth_method == AUTH_GSSAPI) {
            info_add(p, " GSSAPI authentication request");
            if (!show_u8(p, r, F_GSSAPI_COMMAND, off)) return;
            uint16_t len;
            if (!rd16(r, off + 1, &len)) return;
            tw_add_uint(p, HF(F_GSSAPI_LENGTH), r->base + off + 1, 2, len);
            if (len > 0 && rd_has(r, off + 3, len))
                tw_add_ptr(p, HF(F_GSSAPI_DATA), r->base + off + 3, len,
                           r->data + r->base + off + 3, len);
        }
    } else if (cv->port != 0) {
        tw_info_printf(p, ", Remote Port: %u", cv->port);
    }
}

static void display_server_v5(struct tw_pkt *p, struct rd *r, const struct conv *cv,
                              const struct frame_state *fs)
{
    uint32_t next;
    switch (fs->server) {
    case S_START: {
        info_add(p, " Connect to server response");
        if (!show_u8(p, r, F_VERSION, 0)) return;
        uint8_t m;
        if (!rd8(r, 1, &m)) return;
        int32_t rec = tw_add_uint(p, HF(F_AUTH_ACCEPTED), r->base + 1, 1, m);
        tw_rec_label(p, rec, "Accepted Auth Method: 0x%x (%s)", m, auth_method_name(m));
        break;
    }
    case S_USER_REPLY: {
        info_add(p, " User authentication reply");
        gen_uint(p, r, F_VERSION, 5);
        if (!show_u8(p, r, F_SUBNEG_VERSION, 0)) return;
        uint8_t s;
        if (!rd8(r, 1, &s)) return;
        int32_t rec = tw_add_uint(p, HF(F_AUTH_STATUS), r->base + 1, 1, s);
        tw_rec_label(p, rec, "Status: %u (%s)", s, s ? "failure" : "success");
        break;
    }
    case S_GSS_REPLY: {
        info_add(p, " GSSAPI authentication reply");
        gen_uint(p, r, F_VERSION, 5);
        if (!show_u8(p, r, F_SUBNEG_VERSION, 0)) return;
        uint8_t c;
        if (!rd8(r, 1, &c)) return;
        tw_add_uint(p, HF(F_GSSAPI_COMMAND), r->base + 1, 1, c);
        if (c != 0xff) {
            uint16_t len;
            if (!rd16(r, 2, &len)) return;
            tw_add_uint(p, HF(F_GSSAPI_LENGTH), r->base + 2, 2, len);
            if (len > 0 && rd_has(r, 4, len))
                tw_add_ptr(p, HF(F_GSSAPI_DATA), r->base + 4, len, r->data + r->base + 4, len);
        }
        break;
    }
    case S_CMD_REPLY:
    case S_BIND_REPLY: {
        const bool bind = fs->server == S_BIND_REPLY;
        if (p->want_cols && !p->cols_locked) {
            if (bind) {
                tw_info_add(p, " Command Response: Bind remote host info");
            } else {
                const char *s = tw_vs_find(cmd_vals, cv->command);
                tw_info_printf(p, " Command Response - %s", s ? s : "Unknown");
            }
        }
        if (!show_u8(p, r, F_VERSION, 0) || !show_u8(p, r, F_RESULTS5, 1) ||
            !show_u8(p, r, F_RESERVED, 2))
            return;
        if (!show_address(p, r, 3, &next)) return;
        show_u16(p, r, bind ? F_REMOTE_HOST_PORT : F_PORT, next);
        break;
    }
    default:
        if (cv->port != 0) tw_info_printf(p, ", Remote Port: %u", cv->port);
        break;
    }
}

/* The PING / TRACEROUTE extensions' data: the end command one way, result lines the other. */
static void ping_tracert(struct tw_pkt *p, struct rd *r, const struct conv *cv)
{
    const bool ping = cv->command == CMD_PING;
    if (p->ctx.dstport == SOCKS_PORT) {
        info_add(p, ", Terminate Request");
        if (!rd_has(r, 0, 1)) return;
        tw_add_rec(p, HF(ping ? F_PING_END : F_TRACERT_END), r->base, 1);
        return;
    }
    info_add(p, ", Results");
    if (!p->has_tree) return;
    uint32_t have = TW_MIN(r->end, r->cap) - r->base;
    tw_add_rec(p, HF(ping ? F_PING_RESULTS : F_TRACERT_RESULTS), r->base, r->end - r->base);
    if (!p->want_all) return;
    const uint8_t *d = r->data + r->base;
    uint32_t i = 0;
    while (i < have) {
        uint32_t j = i;
        while (j < have && d[j] != '\n' && d[j] != '\r') j++;
        if (j < have) {
            if (d[j] == '\r' && j + 1 < have && d[j + 1] == '\n')
                j += 2;
            else
                j++;
        }
        char line[256];
        size_t k = 0;
        for (uint32_t q = i; q < j && k + 5 < sizeof line; q++) {
            const char *e = tw_text_escape(d[q], true);
            if (e) {
                line[k++] = e[0];
                line[k++] = e[1];
            } else if (d[q] < 0x20 || d[q] >= 0x7f) {
                k += (size_t)snprintf(line + k, sizeof line - k, "\\%03o", d[q]);
            } else {
                line[k++] = (char)d[q];
            }
        }
        line[k] = 0;
        tw_add_text(p, r->base + i, j - i, "%s", line);
        i = j;
    }
}

static enum tw_status dissect_socks(struct tw_pkt *p, struct tw_cur *c)
{
    if (in_socks) {
        /* a SOCKS conversation inside the tunnel: tshark's guard refuses it */
        tw_layer_unrecord(p);
        tw_layer_hide(p);
        return TW_OK;
    }
    struct rd r = {c->data, c->off, c->end, c->cap, TW_OK};
    struct conv tmp;
    struct conv *cv = tw_conv_state(conv_tab, p);
    if (!cv) {
        memset(&tmp, 0, sizeof tmp);
        cv = &tmp;
    }
    if (!cv->init) {
        uint8_t v;
        if (!rd8(&r, 0, &v)) {
            tw_layer_unrecord(p);
            c->off = c->end;
            return r.st;
        }
        cv->init = true;
        cv->client = C_START;
        cv->server = S_START;
        cv->server_port = p->ctx.dstport;
        cv->port = 0;
        cv->version = v;
        cv->done_frame = UINT32_MAX;
    }
    const uint32_t frame = (uint32_t)p->frame->recno;
    tw_col_proto(p, "Socks");
    if (cv->version == 4 || cv->version == 5)
        tw_info_set(p, cv->version == 4 ? "Version: 4" : "Version: 5");
    else
        tw_info_set(p, "Unknown");
    if (cv->command == CMD_PING) info_add(p, ", Ping Req");
    if (cv->command == CMD_TRACERT) info_add(p, ", Traceroute Req");

    struct frame_state fs = {C_NOINIT, S_NOINIT};
    const bool from_client = cv->server_port == p->ctx.dstport;
    if (!(cv->client == C_DONE && cv->server == S_DONE)) {
        if (from_client) {
            if (cv->client != C_ERROR && cv->client != C_DONE) {
                if (cv->version == 4)
                    sm_v4(p, &r, cv, &fs);
                else if (cv->version == 5)
                    sm_client_v5(&r, 0, cv, &fs, true, 0);
            }
        } else if (cv->server != S_ERROR && cv->server != S_DONE) {
            if (cv->version == 4)
                sm_v4(p, &r, cv, &fs);
            else if (cv->version == 5)
                sm_server_v5(&r, 0, cv, &fs);
        }
        if (r.st != TW_OK) {
            /* the exception left the protocol's item unmade */
            tw_layer_unrecord(p);
            c->off = c->end;
            return r.st;
        }
        if (cv->client == C_DONE && cv->server == S_DONE) cv->done_frame = frame;
    }

    const bool tunnel = cv->done_frame != UINT32_MAX && frame > cv->done_frame;
    if (p->has_tree) {
        if (tunnel) {
            gen_uint(p, &r, F_VERSION, cv->version);
            gen_uint(p, &r, F_COMMAND, cv->command);
            int32_t rec = -1;
            if (cv->dst_type == 4)
                rec = tw_add_ptr(p, HF(F_DST), r.base, 0, cv->dst, 4);
            else if (cv->dst_type == 6)
                rec = tw_add_ptr(p, HF(F_DST6), r.base, 0, cv->dst, 16);
            tw_rec_flags(p, rec, TW_RF_GENERATED);
            if (cv->command != CMD_PING && cv->command != CMD_TRACERT)
                gen_uint(p, &r, F_DSTPORT, cv->port);
        } else if (cv->version == 4) {
            display_v4(p, &r, cv, &fs);
        } else if (cv->version == 5) {
            if (from_client)
                display_client_v5(p, &r, 0, cv, &fs, fs.client, 0);
            else
                display_server_v5(p, &r, cv, &fs);
        }
        if (r.st != TW_OK) {
            c->off = c->end;
            return r.st;
        }
    }

    if (tunnel) {
        if (cv->command == CMD_PING || cv->command == CMD_TRACERT) {
            ping_tracert(p, &r, cv);
        } else {
            uint16_t sport = p->ctx.srcport, dport = p->ctx.dstport;
            if (dport == SOCKS_PORT)
                dport = cv->port;
            else
                sport = cv->port;
            struct tw_cur pl = *c;
            in_socks = true;
            tw_tcp_relay(p, pl, sport, dport);
            in_socks = false;
        }
    }
    c->off = c->end;
    return r.st;
}

static const struct tw_binding bindings[] = {{TW_TBL_TCP_PORT, SOCKS_PORT}};

const struct tw_proto tw_proto_socks = {
    .abbrev = "socks",
    .name = "Socks Protocol",
    .short_name = "Socks",
    .fields = fields,
    .nfields = F_COUNT,
    .bindings = bindings,
    .nbindings = TW_ARRAY_LEN(bindings),
    .dissect = dissect_socks,
    .init = socks_init,
    .ids = &ids,
};
