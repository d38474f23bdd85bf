/* MySQL client/server protocol on TCP 3306, as tshark 4.0 shows it, at the level of packets:
 *
 *   packet: uint24le length | uint8 number | payload
 *
 * framed with tw_tcp_pdus(). Per connection a small state machine says what a packet is: the
 * server greeting, the client's login request (or its SSL request, after which the connection
 * is TLS's, tshark's ssl_starttls_ack), commands, and responses (OK, error, EOF, a result set's
 * header, field and row packets, an authentication switch). Each packet's Info text follows the
 * previous one's in the same segment. Prepared statements, compression and the many optional
 * parts of OK packets and login requests are not decoded further (see docs/differences.md). */
#include "../dissect.h"

#include <string.h>

static struct tw_proto_ids ids;

enum {
    F_PACKET_LENGTH,
    F_PACKET_NUMBER,
    F_REQUEST,
    F_COMMAND,
    F_RESPONSE_CODE,
    F_ERROR_CODE,
    F_ERROR_MESSAGE,
    F_SQLSTATE,
    F_MESSAGE,
    F_SERVER_GREETING,
    F_PROTOCOL,
    F_VERSION,
    F_LOGIN_REQUEST,
    F_MAX_PACKET,
    F_CHARSET,
    F_TABLE_NAME,
    F_USER,
    F_SCHEMA,
    F_CLIENT_AUTH_PLUGIN,
    F_SALT,
    F_SALT2,
    F_AUTH_PLUGIN_LENGTH,
    F_AUTH_PLUGIN,
    F_THREAD_ID,
    F_SERVER_LANGUAGE,
    F_SERVER_STATUS,
    F_CAPS_SERVER,
    F_CAPS_CLIENT,
    F_EXTCAPS_SERVER,
    F_EXTCAPS_CLIENT,
    F_UNUSED,
    F_PASSWD,
    F_PAYLOAD,
    F_AFFECTED_ROWS,
    F_INSERT_ID,
    F_WARNINGS,
    F_QUERY,
    F_EOF,
    F_NUM_FIELDS,
    F_EXTRA,
    F_ROW_TEXT,
    F_AUTH_SWITCH_STATUS,
    F_AUTH_SWITCH_NAME,
    F_AUTH_SWITCH_DATA,
    F_AUTH_SWITCH_RESPONSE_DATA,
    F_COUNT
};

static const struct tw_vs commands[] = {
    {0, "Sleep"},
    {1, "Quit"},
    {2, "Use Database"},
    {3, "Query"},
    {4, "Show Fields"},
    {5, "Create Database"},
    {6, "Drop Database"},
    {7, "Refresh"},
    {8, "Shutdown"},
    {9, "Statistics"},
    {10, "Process List"},
    {11, "Connect"},
    {12, "Kill Server Thread"},
    {13, "Dump Debuginfo"},
    {14, "Ping"},
    {15, "Time"},
    {16, "Insert Delayed"},
    {17, "Change User"},
    {18, "Send Binlog"},
    {19, "Send Table"},
    {20, "Slave Connect"},
    {21, "Prepare Statement"},
    {22, "Execute Statement"},
    {23, "Send BLOB"},
    {24, "Close Statement"},
    {25, "Reset Statement"},
    {26, "Set Option"},
    {27, "Fetch Data"},
    {28, "Daemon"},
    {29, "Binlog Dump GTID"},
    {30, "Reset Connection"},
    {0, NULL},
};

#define U(abbrev, name, ft, base)                                                                  \
    {                                                                                              \
        abbrev, name, ft, base                                                                     \
    }
#define S(abbrev, name, ft)                                                                        \
    {                                                                                              \
        abbrev, name, ft                                                                           \
    }
static const struct tw_field_def fields[F_COUNT] = {
    [F_PACKET_LENGTH] = U("mysql.packet_length", "Packet Length", TW_FT_UINT24, TW_BASE_DEC),
    [F_PACKET_NUMBER] = U("mysql.packet_number", "Packet Number", TW_FT_UINT8, TW_BASE_DEC),
    [F_REQUEST] = S("mysql.request", "Request Command", TW_FT_NONE),
    [F_COMMAND] = {"mysql.command", "Command", TW_FT_UINT8, TW_BASE_DEC, 0, commands},
    [F_RESPONSE_CODE] = U("mysql.response_code", "Response Code", TW_FT_UINT8, TW_BASE_HEX),
    [F_ERROR_CODE] = U("mysql.error_code", "Error Code", TW_FT_UINT16, TW_BASE_DEC),
    [F_ERROR_MESSAGE] = S("mysql.error.message", "Error message", TW_FT_STRING),
    [F_SQLSTATE] = S("mysql.sqlstate", "SQL state", TW_FT_STRING),
    [F_MESSAGE] = S("mysql.message", "Message", TW_FT_STRINGZ),
    [F_SERVER_GREETING] = S("mysql.server_greeting", "Server Greeting", TW_FT_NONE),
    [F_PROTOCOL] = U("mysql.protocol", "Protocol", TW_FT_UINT8, TW_BASE_DEC),
    [F_VERSION] = S("mysql.version", "Version", TW_FT_STRINGZ),
    [F_LOGIN_REQUEST] = S("mysql.login_request", "Login Request", TW_FT_NONE),
    [F_MAX_PACKET] = U("mysql.max_packet", "MAX Packet", TW_FT_UINT32, TW_BASE_DEC),
    [F_CHARSET] = U("mysql.charset", "Charset", TW_FT_UINT8, TW_BASE_DEC),
    [F_TABLE_NAME] = S("mysql.table_name", "Table Name", TW_FT_STRINGZ),
    [F_USER] = S("mysql.user", "Username", TW_FT_STRINGZ),
    [F_SCHEMA] = S("mysql.schema", "Schema", TW_FT_STRING),
    [F_CLIENT_AUTH_PLUGIN] = S("mysql.client_auth_plugin", "Client Auth Plugin", TW_FT_STRING),
    [F_SALT] = S("mysql.salt", "Salt", TW_FT_STRINGZ),
    [F_SALT2] = S("mysql.salt2", "Salt", TW_FT_STRINGZ),
    [F_AUTH_PLUGIN_LENGTH] =
        U("mysql.auth_plugin.length", "Authentication Plugin Length", TW_FT_UINT8, TW_BASE_DEC),
    [F_AUTH_PLUGIN] = S("mysql.auth_plugin", "Authentication Plugin", TW_FT_STRINGZ),
    [F_THREAD_ID] = U("mysql.thread_id", "Thread ID", TW_FT_UINT32, TW_BASE_DEC),
    [F_SERVER_LANGUAGE] = U("mysql.server_language", "Server Language", TW_FT_UINT8, TW_BASE_DEC),
    [F_SERVER_STATUS] = U("mysql.server_status", "Server Status", TW_FT_UINT16, TW_BASE_HEX),
    [F_CAPS_SERVER] = U("mysql.caps.server", "Server Capabilities", TW_FT_UINT16, TW_BASE_HEX),
    [F_CAPS_CLIENT] = U("mysql.caps.client", "Client Capabilities", TW_FT_UINT16, TW_BASE_HEX),
    [F_EXTCAPS_SERVER] =
        U("mysql.extcaps.server", "Extended Server Capabilities", TW_FT_UINT16, TW_BASE_HEX),
    [F_EXTCAPS_CLIENT] =
        U("mysql.extcaps.client", "Extended Client Capabilities", TW_FT_UINT16, TW_BASE_HEX),
    [F_UNUSED] = S("mysql.unused", "Unused", TW_FT_BYTES),
    [F_PASSWD] = S("mysql.passwd", "Password", TW_FT_BYTES),
    [F_PAYLOAD] = S("mysql.payload", "Payload", TW_FT_BYTES),
    [F_AFFECTED_ROWS] = U("mysql.affected_rows", "Affected Rows", TW_FT_UINT64, TW_BASE_DEC),
    [F_INSERT_ID] = U("mysql.insert_id", "Last INSERT ID", TW_FT_UINT64, TW_BASE_DEC),
    [F_WARNINGS] = U("mysql.warnings", "Warnings", TW_FT_UINT16, TW_BASE_DEC),
    [F_QUERY] = S("mysql.query", "Statement", TW_FT_STRING),
    [F_EOF] = U("mysql.eof", "EOF marker", TW_FT_UINT8, TW_BASE_DEC),
    [F_NUM_FIELDS] = U("mysql.num_fields", "Number of fields", TW_FT_UINT64, TW_BASE_DEC),
    [F_EXTRA] = U("mysql.extra", "Extra data", TW_FT_UINT64, TW_BASE_DEC),
    [F_ROW_TEXT] = S("mysql.row.text", "text", TW_FT_STRING),
    [F_AUTH_SWITCH_STATUS] =
        U("mysql.auth_switch_request.status", "Status", TW_FT_UINT8, TW_BASE_HEX),
    [F_AUTH_SWITCH_NAME] = S("mysql.auth_switch_request.name", "Auth Method Name", TW_FT_STRING),
    [F_AUTH_SWITCH_DATA] = S("mysql.auth_switch_request.data", "Auth Method Data", TW_FT_BYTES),
    [F_AUTH_SWITCH_RESPONSE_DATA] =
        S("mysql.auth_switch_response.data", "Auth Method Data", TW_FT_BYTES),
};
#undef U
#undef S
#define HF(x) ((uint16_t)(ids.base + (x)))

/* capability bits */
#define CAPS_CD 0x0008 /* connect with database */
#define CAPS_CU 0x0200 /* 4.1 protocol */
#define CAPS_SL 0x0800 /* switch to SSL */
#define CAPS_SC 0x8000 /* 4.1 authentication */
#define EXT_PA  0x0008 /* plugin auth */
#define EXT_AL  0x0020 /* lenenc auth data */

enum {
    ST_UNDEFINED,
    ST_LOGIN,
    ST_REQUEST,
    ST_RESPONSE_OK,
    ST_RESPONSE_MESSAGE,
    ST_RESPONSE_TABULAR,
    ST_RESPONSE_SHOW_FIELDS,
    ST_FIELD_PACKET,
    ST_ROW_PACKET,
    ST_AUTH_SWITCH_REQUEST,
    ST_AUTH_SWITCH_RESPONSE,
};

struct conv {
    uint8_t state;
    uint16_t srv_caps, clnt_caps, clnt_ext;
    uint32_t tls_after; /* last frame before TLS, 0 = none */
};
static struct tw_state *conv_tab;

static void mysql_init(void)
{
    conv_tab = tw_state_open("mysql.conv", sizeof(struct conv), 4096, NULL);
}

struct ctx {
    struct tw_pkt *p;
    struct conv *cv;
    bool request;
    bool first, fenced;
};

static uint16_t match_port(const struct tw_pkt *p)
{
    uint16_t lo = TW_MIN(p->ctx.srcport, p->ctx.dstport);
    uint16_t hi = TW_MAX(p->ctx.srcport, p->ctx.dstport);
    return tw_dispatch_find(TW_TBL_TCP_PORT, lo) == (int)ids.proto ? lo : hi;
}

static uint32_t pdu_len(struct tw_pkt *p, const struct tw_cur *c, uint32_t off, void *arg)
{
    (void)p;
    (void)arg;
    const uint8_t *b = c->data + off;
    return ((uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16) + 4;
}

/* reads guarded by the PDU's captured end */
static bool have(const struct tw_cur *c, uint32_t off, uint32_t n)
{
    return off <= c->cap && c->cap - off >= n && off + n <= c->end;
}
static uint32_t le(const uint8_t *b, int n)
{
    uint32_t v = 0;
    for (int i = n - 1; i >= 0; i--) v = v << 8 | b[i];
    return v;
}
/* a NUL-terminated string: its length with the NUL (to the end when there is none) */
static uint32_t strsize(const struct tw_cur *c, uint32_t off)
{
    uint32_t e = TW_MIN(c->cap, c->end);
    if (off >= e) return 0;
    const uint8_t *z = memchr(c->data + off, 0, e - off);
    return z ? (uint32_t)(z - (c->data + off)) + 1 : e - off;
}
/* length-encoded integer: its size, *v its value, *null for 0xfb */
static uint32_t fle(const struct tw_cur *c, uint32_t off, uint64_t *v, bool *null)
{
    if (null) *null = false;
    *v = 0;
    if (!have(c, off, 1)) return 1;
    uint8_t b = c->data[off];
    switch (b) {
    case 251:
        if (null) *null = true;
        return 1;
    case 252:
        if (have(c, off + 1, 2)) *v = le(c->data + off + 1, 2);
        return 3;
    case 253:
        if (have(c, off + 1, 3)) *v = le(c->data + off + 1, 3);
        return 4;
    case 254:
        if (have(c, off + 1, 8))
            *v = le(c->data + off + 1, 4) | (uint64_t)le(c->data + off + 5, 4) << 32;
        return 9;
    default:
        *v = b;
        return 1;
    }
}

static int32_t add_str(struct tw_pkt *p, uint16_t f, const struct tw_cur *c, uint32_t off,
                       uint32_t n)
{
    uint32_t e = TW_MIN(c->cap, c->end);
    uint32_t k = off < e ? TW_MIN(n, e - off) : 0;
    return tw_add_ascii(p, HF(f), off, k, c->data + off);
}
static int32_t add_int(struct tw_pkt *p, uint16_t f, const struct tw_cur *c, uint32_t off, int n)
{
    if (!have(c, off, (uint32_t)n)) {
        c = NULL;
        return -1;
    }
    return tw_add_uint(p, HF(f), off, (uint32_t)n, le(c->data + off, n));
}

static void greeting(struct ctx *x, struct tw_cur *c, uint32_t o)
{
    struct tw_pkt *p = x->p;
    tw_info_add(p, "Server Greeting ");
    int32_t r = tw_want(p, HF(F_SERVER_GREETING))
                    ? tw_add_rec(p, HF(F_SERVER_GREETING), o, c->end - o)
                    : -1;
    tw_tree_push(p, r);
    if (!have(c, o, 1)) goto out;
    uint8_t proto = c->data[o];
    add_int(p, F_PROTOCOL, c, o, 1);
    o++;
    if (proto == 0xff) {
        if (have(c, o, 2)) {
            tw_info_printf(p, " Error %u ", le(c->data + o, 2));
            add_int(p, F_ERROR_CODE, c, o, 2);
        }
        o += 2;
        add_str(p, F_ERROR_MESSAGE, c, o, c->end - o);
        goto out;
    }
    tw_info_printf(p, " proto=%u", proto);
    uint32_t n = strsize(c, o);
    add_str(p, F_VERSION, c, o, n);
    {
        uint32_t k = n && c->data[o + n - 1] == 0 ? n - 1 : n;
        char *v = tw_arena_alloc(p->arena, k + 1);
        if (v) {
            memcpy(v, c->data + o, k);
            v[k] = 0;
            /* MariaDB's "5.5.5-" prefix is left out */
            tw_info_printf(p, " version=%s ", strncmp(v, "5.5.5-", 6) == 0 ? v + 6 : v);
        }
    }
    o += n;
    x->cv->state = ST_LOGIN;
    add_int(p, F_THREAD_ID, c, o, 4);
    o += 4;
    n = strsize(c, o);
    add_str(p, F_SALT, c, o, n);
    o += n;
    if (!have(c, o, 2)) goto out;
    x->cv->srv_caps = (uint16_t)le(c->data + o, 2);
    add_int(p, F_CAPS_SERVER, c, o, 2);
    o += 2;
    if (o >= c->end) goto out;
    add_int(p, F_SERVER_LANGUAGE, c, o, 1);
    o += 1;
    add_int(p, F_SERVER_STATUS, c, o, 2);
    o += 2;
    add_int(p, F_EXTCAPS_SERVER, c, o, 2);
    o += 2;
    add_int(p, F_AUTH_PLUGIN_LENGTH, c, o, 1);
    o += 1;
    if (have(c, o, 10)) tw_add_bytes(p, HF(F_UNUSED), c, o, 10);
    o += 10;
    if (o < c->end) {
        n = strsize(c, o);
        add_str(p, F_SALT2, c, o, n);
        o += n;
    }
    if (o < c->end) {
        n = strsize(c, o);
        add_str(p, F_AUTH_PLUGIN, c, o, n);
        o += n;
    }
out:
    tw_tree_pop(p);
}

static void login(struct ctx *x, struct tw_cur *c, uint32_t o)
{
    struct tw_pkt *p = x->p;
    struct conv *cv = x->cv;
    int32_t r =
        tw_want(p, HF(F_LOGIN_REQUEST)) ? tw_add_rec(p, HF(F_LOGIN_REQUEST), o, c->end - o) : -1;
    tw_tree_push(p, r);
    if (!have(c, o, 2)) goto out;
    cv->clnt_caps = (uint16_t)le(c->data + o, 2);
    add_int(p, F_CAPS_CLIENT, c, o, 2);
    o += 2;
    if (cv->clnt_caps & CAPS_CU) {
        if (have(c, o, 2)) cv->clnt_ext = (uint16_t)le(c->data + o, 2);
        add_int(p, F_EXTCAPS_CLIENT, c, o, 2);
        o += 2;
        add_int(p, F_MAX_PACKET, c, o, 4);
        o += 4;
        add_int(p, F_CHARSET, c, o, 1);
        o += 1;
        if (have(c, o, 23)) tw_add_bytes(p, HF(F_UNUSED), c, o, 23);
        o += 23;
    } else {
        add_int(p, F_MAX_PACKET, c, o, 3);
        o += 3;
    }
    if ((cv->clnt_caps & CAPS_SL) && o >= c->end) {
        /* the SSL request: TLS from the next frame on */
        tw_info_set(p, "Response: SSL Handshake");
        tw_info_add(p, " user= ");
        add_str(p, F_USER, c, o, 0);
        cv->tls_after = (uint32_t)p->frame->recno;
        goto out;
    }
    tw_info_set(p, "Login Request ");
    uint32_t n = strsize(c, o);
    add_str(p, F_USER, c, o, n);
    {
        uint32_t k = n && c->data[o + n - 1] == 0 ? n - 1 : n;
        char *v = tw_arena_alloc(p->arena, k + 1);
        if (v) {
            memcpy(v, c->data + o, k);
            v[k] = 0;
            tw_info_printf(p, "user=%s ", v);
        }
    }
    o += n;
    uint64_t plen = 0;
    if (cv->clnt_ext & EXT_AL) {
        o += fle(c, o, &plen, NULL);
    } else if (cv->clnt_caps & CAPS_SC) {
        if (have(c, o, 1)) plen = c->data[o];
        o += 1;
    } else {
        plen = strsize(c, o);
    }
    if (plen && have(c, o, (uint32_t)plen)) tw_add_bytes(p, HF(F_PASSWD), c, o, (uint32_t)plen);
    o += (uint32_t)plen;
    if ((cv->clnt_caps & CAPS_CD) && o < c->end) {
        n = strsize(c, o);
        uint32_t k = n && c->data[o + n - 1] == 0 ? n - 1 : n;
        add_str(p, F_SCHEMA, c, o, k);
        char *v = tw_arena_alloc(p->arena, k + 1);
        if (v) {
            memcpy(v, c->data + o, k);
            v[k] = 0;
            tw_info_printf(p, "db=%s ", v);
        }
        o += n;
    }
    if ((cv->clnt_ext & EXT_PA) && o < c->end) {
        n = strsize(c, o);
        add_str(p, F_CLIENT_AUTH_PLUGIN, c, o, n && c->data[o + n - 1] == 0 ? n - 1 : n);
        o += n;
    }
    cv->state = ST_AUTH_SWITCH_REQUEST;
out:
    tw_tree_pop(p);
}

static void request(struct ctx *x, struct tw_cur *c, uint32_t o)
{
    struct tw_pkt *p = x->p;
    struct conv *cv = x->cv;
    tw_info_add(p, "Request ");
    if (cv->state == ST_AUTH_SWITCH_RESPONSE) {
        tw_info_set(p, "Auth Switch Response ");
        uint32_t n = strsize(c, o);
        if (have(c, o, n)) tw_add_bytes(p, HF(F_AUTH_SWITCH_RESPONSE_DATA), c, o, n);
        cv->state = ST_RESPONSE_OK;
        return;
    }
    int32_t r = tw_want(p, HF(F_REQUEST)) ? tw_add_rec(p, HF(F_REQUEST), o, c->end - o) : -1;
    tw_tree_push(p, r);
    if (!have(c, o, 1)) {
        tw_tree_pop(p);
        return;
    }
    uint8_t cmd = c->data[o];
    add_int(p, F_COMMAND, c, o, 1);
    const char *name = tw_vs_find(commands, cmd);
    if (name)
        tw_info_add(p, name);
    else
        tw_info_printf(p, "Unknown (%u)", cmd);
    o++;
    switch (cmd) {
    case 3: /* query */
        add_str(p, F_QUERY, c, o, c->end - o);
        cv->state = ST_RESPONSE_TABULAR;
        break;
    case 4: /* field list */
    {
        uint32_t n = strsize(c, o);
        add_str(p, F_TABLE_NAME, c, o, n);
        cv->state = ST_RESPONSE_SHOW_FIELDS;
        break;
    }
    case 2: /* use database */
    case 5: /* create db */
    case 6: /* drop db */
        add_str(p, F_SCHEMA, c, o, c->end - o);
        cv->state = ST_RESPONSE_OK;
        break;
    case 9: /* statistics */
        cv->state = ST_RESPONSE_MESSAGE;
        break;
    case 1: /* quit */
        break;
    case 17: /* change user: the server may switch the authentication method */
        cv->state = ST_AUTH_SWITCH_REQUEST;
        break;
    default:
        cv->state = ST_RESPONSE_OK;
        break;
    }
    tw_tree_pop(p);
}

static void ok_packet(struct ctx *x, struct tw_cur *c, uint32_t o)
{
    struct tw_pkt *p = x->p;
    tw_info_add(p, " OK ");
    uint64_t v;
    uint32_t n = fle(c, o, &v, NULL);
    tw_add_uint(p, HF(F_AFFECTED_ROWS), o, n, v);
    o += n;
    n = fle(c, o, &v, NULL);
    if (v) tw_add_uint(p, HF(F_INSERT_ID), o, n, v);
    o += n;
    if (o < c->end) {
        add_int(p, F_SERVER_STATUS, c, o, 2);
        o += 2;
        if (x->cv->clnt_caps & x->cv->srv_caps & CAPS_CU) {
            add_int(p, F_WARNINGS, c, o, 2);
            o += 2;
        }
    }
    x->cv->state = ST_REQUEST;
}

static void response(struct ctx *x, struct tw_cur *c, uint32_t o)
{
    struct tw_pkt *p = x->p;
    struct conv *cv = x->cv;
    tw_info_add(p, "Response ");
    if (!have(c, o, 1)) return;
    uint8_t code = c->data[o];
    uint32_t left = c->end - o;
    if (code == 0xff) {
        add_int(p, F_RESPONSE_CODE, c, o, 1);
        o++;
        if (have(c, o, 2)) tw_info_printf(p, " Error %u ", le(c->data + o, 2));
        add_int(p, F_ERROR_CODE, c, o, 2);
        o += 2;
        if (have(c, o, 1) && c->data[o] == '#') {
            add_str(p, F_SQLSTATE, c, o + 1, 5);
            o += 6;
        }
        add_str(p, F_ERROR_MESSAGE, c, o, c->end - o);
        cv->state = ST_REQUEST;
    } else if (code == 0xfe && left >= 9 && cv->state == ST_ROW_PACKET) {
        /* with "Deprecate EOF" an OK packet ends the rows */
        add_int(p, F_RESPONSE_CODE, c, o, 1);
        ok_packet(x, c, o + 1);
    } else if (code == 0xfe && left < 9 && cv->state != ST_AUTH_SWITCH_REQUEST) {
        add_int(p, F_RESPONSE_CODE, c, o, 1);
        add_int(p, F_EOF, c, o, 1);
        o++;
        if (left >= 5) {
            add_int(p, F_WARNINGS, c, o, 2);
            add_int(p, F_SERVER_STATUS, c, o + 2, 2);
        }
        if (cv->state == ST_FIELD_PACKET)
            cv->state = ST_ROW_PACKET;
        else if (cv->state == ST_ROW_PACKET || cv->state == ST_RESPONSE_SHOW_FIELDS)
            cv->state = ST_REQUEST;
    } else if (code != 0x00 && cv->state == ST_AUTH_SWITCH_REQUEST) {
        tw_info_set(p, "Auth Switch Request ");
        if (code == 0xfe) {
            add_int(p, F_AUTH_SWITCH_STATUS, c, o, 1);
            o++;
        }
        uint32_t n = strsize(c, o);
        add_str(p, F_AUTH_SWITCH_NAME, c, o, n);
        o += n;
        n = strsize(c, o);
        if (n && have(c, o, n)) tw_add_bytes(p, HF(F_AUTH_SWITCH_DATA), c, o, n);
        cv->state = ST_AUTH_SWITCH_RESPONSE;
    } else if (code == 0x00 && cv->state != ST_FIELD_PACKET && cv->state != ST_ROW_PACKET &&
               cv->state != ST_RESPONSE_SHOW_FIELDS) {
        add_int(p, F_RESPONSE_CODE, c, o, 1);
        ok_packet(x, c, o + 1);
    } else {
        switch (cv->state) {
        case ST_RESPONSE_TABULAR: {
            tw_info_add(p, "TABULAR ");
            uint64_t v;
            uint32_t n = fle(c, o, &v, NULL);
            tw_add_uint(p, HF(F_NUM_FIELDS), o, n, v);
            o += n;
            if (o < c->end) {
                uint64_t e;
                n = fle(c, o, &e, NULL);
                tw_add_uint(p, HF(F_EXTRA), o, n, e);
            }
            cv->state = v ? ST_FIELD_PACKET : ST_ROW_PACKET;
            break;
        }
        case ST_ROW_PACKET:
            while (o < c->end && have(c, o, 1)) {
                uint64_t v;
                bool null;
                o += fle(c, o, &v, &null);
                if (null) {
                    tw_add_strf(p, HF(F_ROW_TEXT), o, 4, "NULL");
                } else {
                    add_str(p, F_ROW_TEXT, c, o, (uint32_t)TW_MIN(v, c->end - o));
                    o += (uint32_t)TW_MIN(v, (uint64_t)(c->end - o));
                }
            }
            break;
        case ST_RESPONSE_MESSAGE:
            add_str(p, F_MESSAGE, c, o, c->end - o);
            cv->state = ST_REQUEST;
            break;
        default:
            if (have(c, o, left)) tw_add_bytes(p, HF(F_PAYLOAD), c, o, left);
            break;
        }
    }
}

static enum tw_status pdu(struct tw_pkt *p, struct tw_cur *c, void *arg)
{
    struct ctx *x = arg;
    /* tshark keeps the first packet's Info text; each later one in the segment replaces the
     * previous later one's */
    if (!x->first && !x->fenced) {
        tw_info_fence(p);
        x->fenced = true;
    }
    x->first = false;
    uint32_t o = c->off;
    if (p->nlayers && p->layers[p->nlayers - 1].rec >= 0 && c->off == p->layers[p->nlayers - 1].off)
        p->recs[p->layers[p->nlayers - 1].rec].len = c->end - c->off;
    add_int(p, F_PACKET_LENGTH, c, o, 3);
    o += 3;
    if (!have(c, o, 1)) return TW_TRUNCATED;
    uint8_t num = c->data[o];
    add_int(p, F_PACKET_NUMBER, c, o, 1);
    o++;
    tw_info_set(p, "");
    if (!x->request) {
        if (num == 0 && x->cv->state == ST_UNDEFINED)
            greeting(x, c, o);
        else
            response(x, c, o);
    } else if (x->cv->state == ST_LOGIN && num == 1) {
        tw_info_set(p, "Login Request ");
        login(x, c, o);
    } else {
        request(x, c, o);
    }
    return TW_OK;
}

static enum tw_status dissect_mysql(struct tw_pkt *p, struct tw_cur *c)
{
    struct conv *cv = tw_conv_state(conv_tab, p);
    if (cv && cv->tls_after && (uint32_t)p->frame->recno > cv->tls_after) {
        /* ssl_starttls_ack(): the connection is TLS's now */
        tw_layer_unrecord(p);
        tw_layer_hide(p);
        p->ctx.starttls_app = "MySQL Protocol";
        if (tw_can_desegment(p)) p->deseg.layer = p->nlayers;
        tw_next(p, TW_TBL_TCP_PORT, 443, *c);
        return TW_OK;
    }
    struct conv scratch = {0};
    struct ctx x = {p, cv ? cv : &scratch, p->ctx.dstport == match_port(p), true, false};
    tw_col_proto(p, "MySQL");
    tw_info_clear(p);
    return tw_tcp_pdus(p, c, 3, pdu_len, pdu, &x);
}

static const struct tw_binding bindings[] = {{TW_TBL_TCP_PORT, 3306}};

const struct tw_proto tw_proto_mysql = {
    .abbrev = "mysql",
    .name = "MySQL Protocol",
    .short_name = "MySQL",
    .fields = fields,
    .nfields = F_COUNT,
    .bindings = bindings,
    .nbindings = TW_ARRAY_LEN(bindings),
    .dissect = dissect_mysql,
    .init = mysql_init,
    .ids = &ids,
};
