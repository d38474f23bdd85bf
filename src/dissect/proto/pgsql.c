/* PostgreSQL frontend/backend protocol (version 3) over TCP 5432, as tshark 4.0 shows it.
 *
 *   typed message:    byte type | uint32 length (counting itself) | contents
 *   untyped (client): uint32 length | uint32 code (startup 196608, SSLRequest 80877103,
 *                     GSSENCRequest 80877104, CancelRequest 80877102) | contents
 *
 * Messages are framed with tw_tcp_pdus() (Wireshark's tcp_dissect_pdus with a 5-byte header),
 * so a message split over segments is reassembled and several in a segment each get their own
 * "PostgreSQL" tree. Info is ">" (frontend) or "<" (backend) followed by the type bytes joined
 * with "/". Per conversation the dissector remembers the authentication state (what a 'p'
 * message is: password, SASL initial response, SASL response or GSSAPI/SSPI data) and an
 * SSLRequest: the server's one-byte answer is consumed, and after an 'S' the conversation is
 * TLS (tshark's ssl_starttls_ack), handed to the TLS dissector from the next segment on.
 */
#include "../dissect.h"

#include <stdio.h>
#include <string.h>

static struct tw_proto_ids ids;
#define HF(x) ((uint16_t)(ids.base + (x)))

enum {
    F_FRONTEND,
    F_TYPE,
    F_LENGTH,
    F_VERSION_MAJOR,
    F_VERSION_MINOR,
    F_SUPPORTED_MINOR,
    F_NUM_NONSUPPORTED,
    F_NONSUPPORTED,
    F_PARAM_NAME,
    F_PARAM_VALUE,
    F_QUERY,
    F_PASSWORD,
    F_AUTHTYPE,
    F_SALT,
    F_GSSAPI_DATA,
    F_SASL_MECH,
    F_SASL_DATA_LEN,
    F_SASL_DATA,
    F_STATEMENT,
    F_PORTAL,
    F_RETURNS,
    F_TAG,
    F_STATUS,
    F_COPYDATA,
    F_ERROR,
    F_PID,
    F_KEY,
    F_CONDITION,
    F_TEXT,
    F_TABLEOID,
    F_TYPEOID,
    F_OID,
    F_FORMAT,
    F_FIELD_COUNT,
    F_COL_NAME,
    F_COL_INDEX,
    F_VAL_LENGTH,
    F_VAL_DATA,
    F_VAL_MOD,
    F_SEVERITY,
    F_CODE,
    F_MESSAGE,
    F_DETAIL,
    F_HINT,
    F_POSITION,
    F_INTERNAL_POSITION,
    F_INTERNAL_QUERY,
    F_WHERE,
    F_SCHEMA,
    F_TABLE,
    F_COLUMN,
    F_TYPE_NAME,
    F_CONSTRAINT,
    F_FILE,
    F_LINE,
    F_ROUTINE,
    F_COUNT
};

static const struct tw_vs auth_vals[] = {{0, "Success"},
                                         {1, "Kerberos V4"},
                                         {2, "Kerberos V5"},
                                         {3, "Plaintext password"},
                                         {4, "crypt()ed password"},
                                         {5, "MD5 password"},
                                         {6, "SCM credentials"},
                                         {7, "GSSAPI"},
                                         {8, "GSSAPI/SSPI continue"},
                                         {9, "SSPI"},
                                         {10, "SASL"},
                                         {11, "SASL continue"},
                                         {12, "SASL complete"},
                                         {0, NULL}};
static const struct tw_vs status_vals[] = {
    {'I', "Idle"}, {'T', "In a transaction"}, {'E', "In a failed transaction"}, {0, NULL}};
static const struct tw_vs format_vals[] = {{0, "Text"}, {1, "Binary"}, {0, NULL}};

#define SZ(a, n)                                                                                   \
    {                                                                                              \
        a, n, TW_FT_STRINGZ                                                                        \
    }
#define U32(a, n)                                                                                  \
    {                                                                                              \
        a, n, TW_FT_UINT32, TW_BASE_DEC                                                            \
    }
static const struct tw_field_def fields[F_COUNT] = {
    [F_FRONTEND] = {"pgsql.frontend", "Frontend", TW_FT_BOOLEAN, 0, 0, NULL, NULL, NULL,
                    "True for messages from the frontend, false otherwise."},
    [F_TYPE] = {"pgsql.type", "Type", TW_FT_STRING, 0, 0, NULL, NULL, NULL,
                "A one-byte message type identifier."},
    [F_LENGTH] = U32("pgsql.length", "Length"),
    [F_VERSION_MAJOR] = {"pgsql.version_major", "Protocol major version", TW_FT_UINT16,
                         TW_BASE_DEC},
    [F_VERSION_MINOR] = {"pgsql.version_minor", "Protocol minor version", TW_FT_UINT16,
                         TW_BASE_DEC},
    [F_SUPPORTED_MINOR] = U32("pgsql.version_supported_minor", "Supported minor version"),
    [F_NUM_NONSUPPORTED] = {"pgsql.number_nonsupported_options", "Number nonsupported options",
                            TW_FT_INT32, TW_BASE_DEC},
    [F_NONSUPPORTED] = SZ("pgsql.nonsupported_option", "Nonsupported option"),
    [F_PARAM_NAME] = SZ("pgsql.parameter_name", "Parameter name"),
    [F_PARAM_VALUE] = SZ("pgsql.parameter_value", "Parameter value"),
    [F_QUERY] = SZ("pgsql.query", "Query"),
    [F_PASSWORD] = SZ("pgsql.password", "Password"),
    [F_AUTHTYPE] = {"pgsql.authtype", "Authentication type", TW_FT_UINT32, TW_BASE_DEC, 0,
                    auth_vals},
    [F_SALT] = {"pgsql.salt", "Salt value", TW_FT_BYTES},
    [F_GSSAPI_DATA] = {"pgsql.auth.gssapi_sspi.data", "GSSAPI or SSPI data", TW_FT_BYTES},
    [F_SASL_MECH] = SZ("pgsql.auth.sasl.mech", "SASL authentication mechanism"),
    [F_SASL_DATA_LEN] = {"pgsql.auth.sasl.data.length", "SASL authentication data length",
                         TW_FT_INT32, TW_BASE_DEC},
    [F_SASL_DATA] = {"pgsql.auth.sasl.data", "SASL authentication data", TW_FT_BYTES},
    [F_STATEMENT] = SZ("pgsql.statement", "Statement"),
    [F_PORTAL] = SZ("pgsql.portal", "Portal"),
    [F_RETURNS] = U32("pgsql.returns", "Returns"),
    [F_TAG] = SZ("pgsql.tag", "Tag"),
    [F_STATUS] = {"pgsql.status", "Status", TW_FT_UINT8, TW_BASE_DEC, 0, status_vals},
    [F_COPYDATA] = {"pgsql.copydata", "Copy data", TW_FT_BYTES},
    [F_ERROR] = SZ("pgsql.error", "Error"),
    [F_PID] = U32("pgsql.pid", "PID"),
    [F_KEY] = U32("pgsql.key", "Key"),
    [F_CONDITION] = SZ("pgsql.condition", "Condition"),
    [F_TEXT] = SZ("pgsql.text", "Text"),
    [F_TABLEOID] = U32("pgsql.oid.table", "Table OID"),
    [F_TYPEOID] = U32("pgsql.oid.type", "Type OID"),
    [F_OID] = U32("pgsql.oid", "OID"),
    [F_FORMAT] = {"pgsql.format", "Format", TW_FT_UINT16, TW_BASE_DEC, 0, format_vals},
    [F_FIELD_COUNT] = {"pgsql.field.count", "Field count", TW_FT_UINT16, TW_BASE_DEC},
    [F_COL_NAME] = SZ("pgsql.col.name", "Column name"),
    [F_COL_INDEX] = U32("pgsql.col.index", "Column index"),
    [F_VAL_LENGTH] = {"pgsql.val.length", "Column length", TW_FT_INT32, TW_BASE_DEC},
    [F_VAL_DATA] = {"pgsql.val.data", "Data", TW_FT_BYTES},
    [F_VAL_MOD] = {"pgsql.col.typemod", "Type modifier", TW_FT_INT32, TW_BASE_DEC},
    [F_SEVERITY] = SZ("pgsql.severity", "Severity"),
    [F_CODE] = SZ("pgsql.code", "Code"),
    [F_MESSAGE] = SZ("pgsql.message", "Message"),
    [F_DETAIL] = SZ("pgsql.detail", "Detail"),
    [F_HINT] = SZ("pgsql.hint", "Hint"),
    [F_POSITION] = SZ("pgsql.position", "Position"),
    [F_INTERNAL_POSITION] = SZ("pgsql.internal_position", "Position (Internal)"),
    [F_INTERNAL_QUERY] = SZ("pgsql.internal_query", "Query (Internal)"),
    [F_WHERE] = SZ("pgsql.where", "Context"),
    [F_SCHEMA] = SZ("pgsql.schema_name", "Schema"),
    [F_TABLE] = SZ("pgsql.table_name", "Table"),
    [F_COLUMN] = SZ("pgsql.column_name", "Column"),
    [F_TYPE_NAME] = SZ("pgsql.type_name", "Type"),
    [F_CONSTRAINT] = SZ("pgsql.constraint_name", "Constraint"),
    [F_FILE] = SZ("pgsql.file", "File"),
    [F_LINE] = SZ("pgsql.line", "Line"),
    [F_ROUTINE] = SZ("pgsql.routine", "Routine"),
};
#undef SZ
#undef U32

/* ---------------------------------------------------------------------------------------------
 * Per-conversation state
 * ------------------------------------------------------------------------------------------- */
enum { AUTH_NONE, AUTH_SASL_REQUESTED, AUTH_SASL_CONTINUE, AUTH_GSSAPI_SSPI_DATA };

struct conv {
    uint8_t auth_state;
    bool ssl_requested;
    bool tls; /* the server accepted the SSLRequest: TLS from the next segment on */
};

#define CONVS_MAX 65536
static struct tw_state *conv_tab;

static void pgsql_init(void)
{
    conv_tab = tw_state_open("pgsql.conv", sizeof(struct conv), CONVS_MAX, NULL);
}

static struct conv *conv_for(struct tw_pkt *p)
{
    return tw_conv_state(conv_tab, p);
}

/* ---------------------------------------------------------------------------------------------
 * Reading as Wireshark's tvb does (see ssh.c): a failed read ends the message
 * ------------------------------------------------------------------------------------------- */
struct ctx {
    struct tw_pkt *p;
    const uint8_t *d;
    uint32_t base, end, cap; /* the message: tvb offset 0, reported and captured ends */
    enum tw_status err;
    struct conv *cv;
    bool fe;
    bool first; /* no message of this call has written Info yet */
};

static bool need(struct ctx *x, uint32_t off, uint64_t len)
{
    if (x->err) return false;
    uint64_t e = (uint64_t)x->base + off + len;
    if (e <= x->cap) return true;
    x->err = e > x->end ? TW_MALFORMED : TW_TRUNCATED;
    return false;
}

static uint32_t be(struct ctx *x, uint32_t n, uint32_t len)
{
    if (!need(x, n, len)) return 0;
    uint32_t v = 0;
    for (uint32_t i = 0; i < len; i++) v = v << 8 | x->d[x->base + n + i];
    return v;
}

/* proto_tree_add_item() of an integer field of `len` bytes at tvb offset n */
static int32_t add_int(struct ctx *x, int f, uint32_t n, uint32_t len)
{
    uint32_t v = be(x, n, len);
    if (x->err) return -1;
    uint8_t t = fields[f].type;
    if (t == TW_FT_INT32 || t == TW_FT_INT16) {
        int64_t sv = len == 2 ? (int16_t)v : len == 1 ? (int8_t)v : (int32_t)v;
        return tw_add_int(x->p, HF(f), x->base + n, len, sv);
    }
    return tw_add_uint(x->p, HF(f), x->base + n, len, v);
}

static int32_t add_bytes(struct ctx *x, int f, uint32_t n, int64_t len)
{
    if (x->err) return -1;
    if (len < -1) {
        x->err = TW_MALFORMED;
        return -1;
    }
    if (len == -1) {
        uint32_t o = x->base + n;
        if (o > x->cap) {
            x->err = o > x->end ? TW_MALFORMED : TW_TRUNCATED;
            return -1;
        }
        len = x->cap - o;
    }
    if (!need(x, n, (uint64_t)len)) return -1;
    return tw_add_ptr(x->p, HF(f), x->base + n, (uint32_t)len, x->d + x->base + n, (uint32_t)len);
}

/* tvb_strsize(): bytes up to and including the NUL; failing without one */
static uint32_t strsize(struct ctx *x, uint32_t n)
{
    if (x->err) return 0;
    uint32_t o = x->base + n;
    if (o >= x->cap) {
        x->err = o >= x->end ? TW_MALFORMED : TW_TRUNCATED;
        return 0;
    }
    const uint8_t *z = memchr(x->d + o, 0, x->cap - o);
    if (!z) {
        x->err = x->cap < x->end ? TW_TRUNCATED : TW_MALFORMED;
        return 0;
    }
    return (uint32_t)(z - (x->d + o)) + 1;
}

/* a NUL-terminated string item of siz bytes (with its NUL) */
static int32_t add_sz(struct ctx *x, int f, uint32_t n, uint32_t siz)
{
    if (x->err || !need(x, n, siz)) return -1;
    return tw_add_ascii(x->p, HF(f), x->base + n, siz, x->d + x->base + n);
}

static uint32_t stringz(struct ctx *x, int f, uint32_t n)
{
    uint32_t siz = strsize(x, n);
    add_sz(x, f, n, siz);
    return siz;
}

static int32_t subtree(struct ctx *x, uint32_t n, uint32_t len, const char *what, uint32_t count)
{
    if (x->err) return -1;
    int32_t r = tw_add_text(x->p, x->base + n, len, "%s: %u", what, count);
    tw_tree_push(x->p, r);
    return r;
}

/* ---------------------------------------------------------------------------------------------
 * Messages
 * ------------------------------------------------------------------------------------------- */
static void counted_formats(struct ctx *x, uint32_t *n, const char *what)
{
    uint32_t i = be(x, *n, 2);
    subtree(x, *n, 2, what, i);
    *n += 2;
    while (!x->err && i-- > 0) {
        add_int(x, F_FORMAT, *n, 2);
        *n += 2;
    }
    tw_tree_pop(x->p);
}

static void counted_values(struct ctx *x, uint32_t *n, const char *what)
{
    uint32_t i = be(x, *n, 2);
    subtree(x, *n, 2, what, i);
    *n += 2;
    while (!x->err && i-- > 0) {
        int32_t l = (int32_t)be(x, *n, 4);
        add_int(x, F_VAL_LENGTH, *n, 4);
        *n += 4;
        if (l > 0) {
            add_bytes(x, F_VAL_DATA, *n, l);
            *n += (uint32_t)l;
        }
    }
    tw_tree_pop(x->p);
}

static void fe_msg(struct ctx *x, uint8_t type, uint32_t length, uint32_t n)
{
    struct tw_pkt *p = x->p;
    uint32_t siz, i;
    switch (type) {
    case 'p':
        switch (x->cv ? x->cv->auth_state : AUTH_NONE) {
        case AUTH_SASL_REQUESTED: {
            n += stringz(x, F_SASL_MECH, n);
            int32_t dl = (int32_t)be(x, n, 4);
            add_int(x, F_SASL_DATA_LEN, n, 4);
            n += 4;
            if (dl) add_bytes(x, F_SASL_DATA, n, dl);
            break;
        }
        case AUTH_SASL_CONTINUE:
            add_bytes(x, F_SASL_DATA, n, (int64_t)(int32_t)(length - 4));
            break;
        case AUTH_GSSAPI_SSPI_DATA:
            add_bytes(x, F_GSSAPI_DATA, n, (int64_t)(int32_t)(length - 4));
            break;
        default:
            stringz(x, F_PASSWORD, n);
            break;
        }
        break;
    case 'Q':
        stringz(x, F_QUERY, n);
        break;
    case 'P':
        n += stringz(x, F_STATEMENT, n);
        n += stringz(x, F_QUERY, n);
        i = be(x, n, 2);
        subtree(x, n, 2, "Parameters", i);
        n += 2;
        while (!x->err && i-- > 0) {
            add_int(x, F_TYPEOID, n, 4);
            n += 4;
        }
        tw_tree_pop(p);
        break;
    case 'B':
        n += stringz(x, F_PORTAL, n);
        n += stringz(x, F_STATEMENT, n);
        counted_formats(x, &n, "Parameter formats");
        counted_values(x, &n, "Parameter values");
        counted_formats(x, &n, "Result formats");
        break;
    case 'E': {
        n += stringz(x, F_PORTAL, n);
        uint32_t r = be(x, n, 4);
        if (x->err) break;
        int32_t rec = tw_add_uint(p, HF(F_RETURNS), x->base + n, 4, r);
        if (r == 0)
            tw_rec_label(p, rec, "Returns: all rows");
        else
            tw_rec_label(p, rec, "Returns: %d rows", (int)r);
        break;
    }
    case 'D':
    case 'C': {
        uint8_t c = (uint8_t)be(x, n, 1);
        n += 1;
        stringz(x, c == 'P' ? F_PORTAL : F_STATEMENT, n);
        break;
    }
    case 0: {
        uint32_t code = be(x, n, 4);
        n += 4;
        int64_t left = (int64_t)length - n;
        if (x->err) break;
        if (code == 196608) {
            add_int(x, F_VERSION_MAJOR, n - 4, 2);
            add_int(x, F_VERSION_MINOR, n - 2, 2);
            while (!x->err && left > 0) {
                siz = strsize(x, n);
                left -= siz;
                if (x->err || left <= 0) break;
                add_sz(x, F_PARAM_NAME, n, siz);
                i = strsize(x, n + siz);
                add_sz(x, F_PARAM_VALUE, n + siz, i);
                left -= i;
                n += siz + i;
                if (left == 1 && be(x, n, 1) == 0) break;
            }
        } else if (code == 80877103) {
            if (x->cv) x->cv->ssl_requested = true;
        } else if (code == 80877102) {
            add_int(x, F_PID, n, 4);
            add_int(x, F_KEY, n + 4, 4);
        }
        break;
    }
    case 'd':
        add_bytes(x, F_COPYDATA, n, (int64_t)(int32_t)(length - n + 1));
        break;
    case 'f':
        stringz(x, F_ERROR, n);
        break;
    case 'F':
        add_int(x, F_OID, n, 4);
        n += 4;
        counted_formats(x, &n, "Parameter formats");
        counted_values(x, &n, "Parameter values");
        add_int(x, F_FORMAT, n, 2);
        break;
    default:
        break;
    }
}

static void be_msg(struct ctx *x, uint8_t type, uint32_t length, uint32_t n)
{
    struct tw_pkt *p = x->p;
    uint32_t siz, i;
    switch (type) {
    case 'R': {
        uint32_t at = be(x, n, 4);
        add_int(x, F_AUTHTYPE, n, 4);
        if (x->err) break;
        switch (at) {
        case 4:
        case 5:
            n += 4;
            add_bytes(x, F_SALT, n, at == 4 ? 2 : 4);
            break;
        case 8:
            if (x->cv) x->cv->auth_state = AUTH_GSSAPI_SSPI_DATA;
            n += 4;
            add_bytes(x, F_GSSAPI_DATA, n, (int64_t)(int32_t)(length - 8));
            break;
        case 7:
        case 9:
            if (x->cv) x->cv->auth_state = AUTH_GSSAPI_SSPI_DATA;
            break;
        case 10:
            if (x->cv) x->cv->auth_state = AUTH_SASL_REQUESTED;
            n += 4;
            while (!x->err && n < length) n += stringz(x, F_SASL_MECH, n);
            break;
        case 11:
        case 12:
            if (x->cv) x->cv->auth_state = AUTH_SASL_CONTINUE;
            n += 4;
            if (n < length) add_bytes(x, F_SASL_DATA, n, (int64_t)(int32_t)(length - 8));
            break;
        }
        break;
    }
    case 'K':
        add_int(x, F_PID, n, 4);
        add_int(x, F_KEY, n + 4, 4);
        break;
    case 'S':
        siz = strsize(x, n);
        add_sz(x, F_PARAM_NAME, n, siz);
        n += siz;
        stringz(x, F_PARAM_VALUE, n);
        break;
    case 't':
        i = be(x, n, 2);
        subtree(x, n, 2, "Parameters", i);
        n += 2;
        while (!x->err && i-- > 0) {
            add_int(x, F_TYPEOID, n, 4);
            n += 4;
        }
        tw_tree_pop(p);
        break;
    case 'T':
        i = be(x, n, 2);
        tw_tree_push(p, add_int(x, F_FIELD_COUNT, n, 2));
        n += 2;
        while (!x->err && i-- > 0) {
            siz = strsize(x, n);
            tw_tree_push(p, add_sz(x, F_COL_NAME, n, siz));
            n += siz;
            add_int(x, F_TABLEOID, n, 4);
            n += 4;
            add_int(x, F_COL_INDEX, n, 2);
            n += 2;
            add_int(x, F_TYPEOID, n, 4);
            n += 4;
            add_int(x, F_VAL_LENGTH, n, 2);
            n += 2;
            add_int(x, F_VAL_MOD, n, 4);
            n += 4;
            add_int(x, F_FORMAT, n, 2);
            n += 2;
            tw_tree_pop(p);
        }
        tw_tree_pop(p);
        break;
    case 'D':
        i = be(x, n, 2);
        tw_tree_push(p, add_int(x, F_FIELD_COUNT, n, 2));
        n += 2;
        while (!x->err && i-- > 0) {
            int32_t l = (int32_t)be(x, n, 4);
            add_int(x, F_VAL_LENGTH, n, 4);
            n += 4;
            if (l > 0) {
                add_bytes(x, F_VAL_DATA, n, l);
                n += (uint32_t)l;
            }
        }
        tw_tree_pop(p);
        break;
    case 'C':
        stringz(x, F_TAG, n);
        break;
    case 'Z':
        add_int(x, F_STATUS, n, 1);
        break;
    case 'E':
    case 'N': {
        int64_t left = (int64_t)length - 4;
        while (!x->err && left > 0) {
            uint8_t c = (uint8_t)be(x, n, 1);
            if (x->err || c == 0) break;
            --left;
            siz = strsize(x, n + 1);
            int f = F_TEXT;
            switch (c) {
            case 'S':
                f = F_SEVERITY;
                break;
            case 'C':
                f = F_CODE;
                break;
            case 'M':
                f = F_MESSAGE;
                break;
            case 'D':
                f = F_DETAIL;
                break;
            case 'H':
                f = F_HINT;
                break;
            case 'P':
                f = F_POSITION;
                break;
            case 'p':
                f = F_INTERNAL_POSITION;
                break;
            case 'q':
                f = F_INTERNAL_QUERY;
                break;
            case 'W':
                f = F_WHERE;
                break;
            case 's':
                f = F_SCHEMA;
                break;
            case 't':
                f = F_TABLE;
                break;
            case 'c':
                f = F_COLUMN;
                break;
            case 'd':
                f = F_TYPE_NAME;
                break;
            case 'n':
                f = F_CONSTRAINT;
                break;
            case 'F':
                f = F_FILE;
                break;
            case 'L':
                f = F_LINE;
                break;
            case 'R':
                f = F_ROUTINE;
                break;
            default:
                break;
            }
            /* the item spans the code byte and the string; its value is the string */
            if (!x->err && need(x, n, siz + 1)) {
                int32_t r = tw_add_ascii(p, HF(f), x->base + n + 1, siz, x->d + x->base + n + 1);
                if (r >= 0) {
                    p->recs[r].off = x->base + n;
                    p->recs[r].len = siz + 1;
                }
            }
            left -= siz + 1;
            n += siz + 1;
        }
        break;
    }
    case 'A':
        add_int(x, F_PID, n, 4);
        n += 4;
        n += stringz(x, F_CONDITION, n);
        siz = strsize(x, n);
        if (siz > 1) add_sz(x, F_TEXT, n, siz);
        break;
    case 'G':
    case 'H':
    case 'W':
        add_int(x, F_FORMAT, n, 1);
        n += 1;
        i = be(x, n, 2);
        subtree(x, n, 2, "Columns", i);
        n += 2;
        while (!x->err && i-- > 2) {
            add_int(x, F_FORMAT, n, 2);
            n += 2;
        }
        tw_tree_pop(p);
        break;
    case 'd':
        add_bytes(x, F_COPYDATA, n, (int64_t)(int32_t)(length - n + 1));
        break;
    case 'V': {
        int32_t l = (int32_t)be(x, n, 4);
        add_int(x, F_VAL_LENGTH, n, 4);
        if (l > 0) add_bytes(x, F_VAL_DATA, n + 4, l);
        break;
    }
    case 'v': {
        add_int(x, F_SUPPORTED_MINOR, n, 4);
        n += 4;
        int32_t k = (int32_t)be(x, n, 4);
        add_int(x, F_NUM_NONSUPPORTED, n, 4);
        n += 4;
        while (!x->err && k > 0) {
            n += stringz(x, F_NONSUPPORTED, n);
            k--;
        }
        break;
    }
    default:
        break;
    }
}

static const struct tw_vs fe_types[] = {{'p', "Password message"},
                                        {'Q', "Simple query"},
                                        {'P', "Parse"},
                                        {'B', "Bind"},
                                        {'E', "Execute"},
                                        {'D', "Describe"},
                                        {'C', "Close"},
                                        {'H', "Flush"},
                                        {'S', "Sync"},
                                        {'F', "Function call"},
                                        {'d', "Copy data"},
                                        {'c', "Copy completion"},
                                        {'f', "Copy failure"},
                                        {'X', "Termination"},
                                        {0, NULL}};
static const struct tw_vs be_types[] = {{'R', "Authentication request"},
                                        {'K', "Backend key data"},
                                        {'S', "Parameter status"},
                                        {'1', "Parse completion"},
                                        {'2', "Bind completion"},
                                        {'3', "Close completion"},
                                        {'C', "Command completion"},
                                        {'t', "Parameter description"},
                                        {'T', "Row description"},
                                        {'D', "Data row"},
                                        {'I', "Empty query"},
                                        {'n', "No data"},
                                        {'E', "Error"},
                                        {'N', "Notice"},
                                        {'s', "Portal suspended"},
                                        {'Z', "Ready for query"},
                                        {'A', "Notification"},
                                        {'V', "Function call response"},
                                        {'G', "CopyIn response"},
                                        {'H', "CopyOut response"},
                                        {'d', "Copy data"},
                                        {'c', "Copy completion"},
                                        {'v', "Negotiate protocol version"},
                                        {'W', "CopyBoth response"},
                                        {0, NULL}};

struct pdus {
    struct ctx *x;
    uint32_t n;     /* messages so far in this call */
    uint32_t ntree; /* the subtree depth the layer started at */
};

static uint32_t pdu_len(struct tw_pkt *p, const struct tw_cur *c, uint32_t off, void *arg)
{
    (void)p;
    (void)arg;
    uint32_t n = c->data[off] ? 1 : 0;
    const uint8_t *b = c->data + off + n;
    uint32_t len = (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
    return len + n;
}

static enum tw_status pdu(struct tw_pkt *p, struct tw_cur *c, void *arg)
{
    struct pdus *st = arg;
    struct ctx *x = st->x;
    if (st->n++ > 0 && p->nlayers) {
        /* a further message: a new protocol line at the layer's level */
        tw_layer_next_item(p, ids.field, c->off, c->end - c->off, st->ntree);
    }
    x->base = c->off;
    x->end = c->end;
    x->cap = TW_MIN(c->cap, c->end);
    x->err = TW_OK;
    uint8_t type = (uint8_t)be(x, 0, 1);
    uint32_t n = type ? 1 : 0;
    uint32_t length = be(x, n, 4);
    const char *typestr = "Unknown";
    if (x->fe) {
        if (type == 0) {
            uint32_t tag = be(x, 4, 4);
            if (length == 16 && tag == 80877102)
                typestr = "Cancel request";
            else if (length == 8 && tag == 80877103)
                typestr = "SSL request";
            else if (length == 8 && tag == 80877104)
                typestr = "GSS encrypt request";
            else if (tag == 196608)
                typestr = "Startup message";
        } else if (type == 'p') {
            switch (x->cv ? x->cv->auth_state : AUTH_NONE) {
            case AUTH_SASL_REQUESTED:
                typestr = "SASLInitialResponse message";
                break;
            case AUTH_SASL_CONTINUE:
                typestr = "SASLResponse message";
                break;
            case AUTH_GSSAPI_SSPI_DATA:
                typestr = "GSSAPI or SSPI response";
                break;
            default:
                typestr = "Password message";
                break;
            }
        } else {
            const char *s = tw_vs_find(fe_types, type);
            if (s) typestr = s;
        }
    } else {
        const char *s = tw_vs_find(be_types, type);
        if (s) typestr = s;
    }
    if (x->err) return x->err;
    /* "%s%c": a NUL type adds nothing but still counts as the first message */
    if (p->want_cols && !p->cols_locked) {
        if (!x->first) tw_info_add(p, "/");
        if (type) tw_info_addn(p, (const char *)&type, 1);
    }
    x->first = false;
    if (tw_want(p, HF(F_TYPE)))
        tw_add_ptr(p, HF(F_TYPE), c->off, n, (const uint8_t *)typestr, (uint32_t)strlen(typestr));
    add_int(x, F_LENGTH, n, 4);
    int32_t r = tw_add_uint(p, HF(F_FRONTEND), c->off, 0, x->fe);
    tw_rec_flags(p, r, TW_RF_HIDDEN);
    if (p->nlayers && p->layers[p->nlayers - 1].rec >= 0)
        p->recs[p->layers[p->nlayers - 1].rec].len = length + n;
    n += 4;
    if (x->fe)
        fe_msg(x, type, length, n);
    else
        be_msg(x, type, length, n);
    return x->err;
}

static uint16_t match_port(const struct tw_pkt *p)
{
    uint16_t lo = TW_MIN(p->ctx.srcport, p->ctx.dstport);
    uint16_t hi = TW_MAX(p->ctx.srcport, p->ctx.dstport);
    return tw_dispatch_find(TW_TBL_TCP_PORT, lo) == (int)ids.proto ? lo : hi;
}

static void hide(struct tw_pkt *p)
{
    tw_layer_unrecord(p);
    tw_layer_hide(p);
}

static enum tw_status dissect_pgsql(struct tw_pkt *p, struct tw_cur *c)
{
    struct conv *cv = conv_for(p);
    if (cv && cv->tls) {
        /* ssl_starttls_ack(): the conversation is TLS's now (pgsql does not appear) */
        p->ctx.starttls_app = "PostgreSQL";
        hide(p);
        p->deseg.layer = p->nlayers; /* TLS, the next layer, may ask TCP for more */
        tw_next(p, TW_TBL_TCP_PORT, 443, *c);
        return TW_OK;
    }
    struct ctx x = {.p = p, .d = c->data, .cv = cv, .first = true};
    x.fe = p->ctx.dstport == match_port(p);
    tw_col_proto(p, "PGSQL");
    tw_info_set(p, x.fe ? ">" : "<");
    if (cv && cv->ssl_requested && !x.fe) {
        /* the server's one-byte answer to an SSLRequest: 'S' starts TLS */
        const uint8_t *b;
        if (tw_cur_try_peek(c, 0, 1, &b) && b[0] == 'S') cv->tls = true;
        cv->ssl_requested = false;
        hide(p);
        c->off = c->end;
        return TW_OK;
    }
    struct pdus st = {&x, 0, p->ntree ? p->ntree - 1 : 0};
    enum tw_status s = tw_tcp_pdus(p, c, 5, pdu_len, pdu, &st);
    if (st.n == 0 && s == TW_OK) tw_layer_unrecord(p);
    return s;
}

static const struct tw_binding bindings[] = {{TW_TBL_TCP_PORT, 5432}};

const struct tw_proto tw_proto_pgsql = {
    .abbrev = "pgsql",
    .name = "PostgreSQL",
    .short_name = "PGSQL",
    .fields = fields,
    .nfields = F_COUNT,
    .bindings = bindings,
    .nbindings = TW_ARRAY_LEN(bindings),
    .dissect = dissect_pgsql,
    .init = pgsql_init,
    .ids = &ids,
};
