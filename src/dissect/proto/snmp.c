/* Simple Network Management Protocol: v1 (RFC 1157), v2c (RFC 1901/3416) and v3 (RFC 3412, USM
 * RFC 3414) messages on UDP ports 161 (agent) and 162 (traps), BER-encoded:
 *
 *   Message ::= SEQUENCE { version INTEGER, community OCTET STRING, data PDUs }       (v1, v2c)
 *   SNMPv3Message ::= SEQUENCE { msgVersion INTEGER, msgGlobalData HeaderData,
 *                                msgSecurityParameters OCTET STRING, msgData ScopedPduData }
 *   PDUs ::= CHOICE { get-request [0], get-next-request [1], get-response [2], set-request [3],
 *                     trap [4] (v1 Trap-PDU), getBulkRequest [5], informRequest [6],
 *                     snmpV2-trap [7], report [8] }
 *   PDU ::= SEQUENCE { request-id, error-status, error-index, variable-bindings }
 *   VarBind ::= SEQUENCE { name OBJECT IDENTIFIER, value ObjectSyntax }
 *
 * As tshark 4.0: the payload is taken for SNMP only if it starts with a universal SEQUENCE whose
 * length fits the datagram, followed by a universal INTEGER; anything else goes to data. A packet
 * taken makes a new conversation for its address/port pair unless the pair's conversation is
 * already SNMP's (tw_udp_conv_new: the next packet of the pair gets a new udp.stream). Requests
 * are matched to get-response PDUs by request-id within the pair (snmp.response_to, snmp.time;
 * snmp.response_in only when a response was already seen: single pass). No MIBs: values are
 * shown by their BER type, OIDs by Wireshark's built-in names only; no USM decryption.
 */
#include "../ber.h"
#include "../dissect.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

static struct tw_proto_ids ids;
/* private TW_TBL_NAME key: SNMP again, for the varbind values (see dissect) */
#define KEY_SNMP_VALUES 0x534e4d50u
static uint32_t pending_values; /* value layers still to add in this packet */
#define HF(x) ((uint16_t)(ids.base + (x)))
#define EX(x) ((uint16_t)(ids.expert_base + (x)))

enum {
    F_VERSION,
    F_COMMUNITY,
    F_DATA,
    F_PDU_GET,
    F_PDU_GETNEXT,
    F_PDU_RESPONSE,
    F_PDU_SET,
    F_PDU_TRAP,
    F_PDU_GETBULK,
    F_PDU_INFORM,
    F_PDU_TRAPV2,
    F_PDU_REPORT,
    F_REQUEST_ID,
    F_ERROR_STATUS,
    F_ERROR_INDEX,
    F_NON_REPEATERS,
    F_MAX_REPETITIONS,
    F_VARBINDS,
    F_NAME,
    F_ENTERPRISE,
    F_AGENT_ADDR,
    F_GENERIC_TRAP,
    F_SPECIFIC_TRAP,
    F_TIME_STAMP,
    F_V_INT,
    F_V_OCTETS,
    F_V_OID,
    F_V_NULL,
    F_V_IPV4,
    F_V_IPV6,
    F_V_ADDR,
    F_V_U32,
    F_V_G32,
    F_V_UNK,
    F_V_COUNTER,
    F_V_NSAP,
    F_V_TIMETICKS,
    F_V_OPAQUE,
    F_V_C64,
    F_NOSUCHOBJECT,
    F_NOSUCHINSTANCE,
    F_ENDOFMIBVIEW,
    F_MSG_VERSION,
    F_MSG_GLOBAL,
    F_MSG_ID,
    F_MSG_MAXSIZE,
    F_MSG_FLAGS,
    F_FLAG_REPORT,
    F_FLAG_CRYPT,
    F_FLAG_AUTH,
    F_MSG_SECMODEL,
    F_MSG_SECPARAMS,
    F_ENGINE_ID,
    F_ENGINE_BOOTS,
    F_ENGINE_TIME,
    F_USER_NAME,
    F_AUTH_PARAMS,
    F_PRIV_PARAMS,
    F_MSG_DATA,
    F_PLAINTEXT,
    F_ENCRYPTED_PDU,
    F_CONTEXT_ENGINE_ID,
    F_CONTEXT_NAME,
    F_RESPONSE_IN,
    F_RESPONSE_TO,
    F_TIME,
    F_VAR_STR,
    F_COUNT
};

static const struct tw_vs version_vals[] = {
    {0, "version-1"}, {1, "v2c"}, {2, "v2u"}, {3, "snmpv3"}, {0, NULL}};
static const struct tw_vs pdu_vals[] = {{0, "get-request"},    {1, "get-next-request"},
                                        {2, "get-response"},   {3, "set-request"},
                                        {4, "trap"},           {5, "getBulkRequest"},
                                        {6, "informRequest"},  {7, "snmpV2-trap"},
                                        {8, "report"},         {0, NULL}};
static const struct tw_vs error_vals[] = {{0, "noError"},
                                          {1, "tooBig"},
                                          {2, "noSuchName"},
                                          {3, "badValue"},
                                          {4, "readOnly"},
                                          {5, "genErr"},
                                          {6, "noAccess"},
                                          {7, "wrongType"},
                                          {8, "wrongLength"},
                                          {9, "wrongEncoding"},
                                          {10, "wrongValue"},
                                          {11, "noCreation"},
                                          {12, "inconsistentValue"},
                                          {13, "resourceUnavailable"},
                                          {14, "commitFailed"},
                                          {15, "undoFailed"},
                                          {16, "authorizationError"},
                                          {17, "notWritable"},
                                          {18, "inconsistentName"},
                                          {0, NULL}};
static const struct tw_vs generic_vals[] = {{0, "coldStart"},
                                            {1, "warmStart"},
                                            {2, "linkDown"},
                                            {3, "linkUp"},
                                            {4, "authenticationFailure"},
                                            {5, "egpNeighborLoss"},
                                            {6, "enterpriseSpecific"},
                                            {0, NULL}};
static const struct tw_vs secmodel_vals[] = {
    {0, "Any"}, {1, "V1"}, {2, "V2C"}, {3, "USM"}, {4, "TSM"}, {0, NULL}};
static const struct tw_vs msgdata_vals[] = {{0, "plaintext"}, {1, "encryptedPDU"}, {0, NULL}};

#define SN &tw_tfs_set_notset
static const struct tw_field_def fields[F_COUNT] = {
    [F_VERSION] = {"snmp.version", "version", TW_FT_INT32, TW_BASE_DEC, 0, version_vals},
    [F_COMMUNITY] = {"snmp.community", "community", TW_FT_STRING, TW_BASE_NONE, 0, NULL, NULL,
                     NULL, "OCTET_STRING"},
    [F_DATA] = {"snmp.data", "data", TW_FT_UINT32, TW_BASE_DEC, 0, pdu_vals, NULL, NULL, "PDUs"},
    [F_PDU_GET] = {"snmp.get_request_element", "get-request", TW_FT_NONE, 0, 0, NULL, NULL, NULL,
                   "GetRequest_PDU"},
    [F_PDU_GETNEXT] = {"snmp.get_next_request_element", "get-next-request", TW_FT_NONE, 0, 0, NULL,
                       NULL, NULL, "GetNextRequest_PDU"},
    [F_PDU_RESPONSE] = {"snmp.get_response_element", "get-response", TW_FT_NONE, 0, 0, NULL, NULL,
                        NULL, "GetResponse_PDU"},
    [F_PDU_SET] = {"snmp.set_request_element", "set-request", TW_FT_NONE, 0, 0, NULL, NULL, NULL,
                   "SetRequest_PDU"},
    [F_PDU_TRAP] = {"snmp.trap_element", "trap", TW_FT_NONE, 0, 0, NULL, NULL, NULL, "Trap_PDU"},
    [F_PDU_GETBULK] = {"snmp.getBulkRequest_element", "getBulkRequest", TW_FT_NONE, 0, 0, NULL,
                       NULL, NULL, "GetBulkRequest_PDU"},
    [F_PDU_INFORM] = {"snmp.informRequest_element", "informRequest", TW_FT_NONE, 0, 0, NULL, NULL,
                      NULL, "InformRequest_PDU"},
    [F_PDU_TRAPV2] = {"snmp.snmpV2_trap_element", "snmpV2-trap", TW_FT_NONE, 0, 0, NULL, NULL,
                      NULL, "SNMPv2_Trap_PDU"},
    [F_PDU_REPORT] = {"snmp.report_element", "report", TW_FT_NONE, 0, 0, NULL, NULL, NULL,
                      "Report_PDU"},
    [F_REQUEST_ID] = {"snmp.request_id", "request-id", TW_FT_INT32, TW_BASE_DEC, 0, NULL, NULL,
                      NULL, "T_request_id"},
    [F_ERROR_STATUS] = {"snmp.error_status", "error-status", TW_FT_INT32, TW_BASE_DEC, 0,
                        error_vals},
    [F_ERROR_INDEX] = {"snmp.error_index", "error-index", TW_FT_INT32, TW_BASE_DEC, 0, NULL, NULL,
                       NULL, "INTEGER"},
    [F_NON_REPEATERS] = {"snmp.non_repeaters", "non-repeaters", TW_FT_UINT32, TW_BASE_DEC, 0, NULL,
                         NULL, NULL, "INTEGER_0_2147483647"},
    [F_MAX_REPETITIONS] = {"snmp.max_repetitions", "max-repetitions", TW_FT_UINT32, TW_BASE_DEC, 0,
                           NULL, NULL, NULL, "INTEGER_0_2147483647"},
    [F_VARBINDS] = {"snmp.variable_bindings", "variable-bindings", TW_FT_UINT32, TW_BASE_DEC, 0,
                    NULL, NULL, NULL, "VarBindList"},
    [F_NAME] = {"snmp.name", "Object Name", TW_FT_OID},
    [F_ENTERPRISE] = {"snmp.enterprise", "enterprise", TW_FT_OID, 0, 0, NULL, NULL, NULL,
                      "EnterpriseOID"},
    [F_AGENT_ADDR] = {"snmp.agent_addr", "agent-addr", TW_FT_IPv4, 0, 0, NULL, NULL, NULL,
                      "NetworkAddress"},
    [F_GENERIC_TRAP] = {"snmp.generic_trap", "generic-trap", TW_FT_INT32, TW_BASE_DEC, 0,
                        generic_vals, NULL, NULL, "GenericTrap"},
    [F_SPECIFIC_TRAP] = {"snmp.specific_trap", "specific-trap", TW_FT_INT32, TW_BASE_DEC, 0, NULL,
                         NULL, NULL, "SpecificTrap"},
    [F_TIME_STAMP] = {"snmp.time_stamp", "time-stamp", TW_FT_UINT32, TW_BASE_DEC, 0, NULL, NULL,
                      NULL, "TimeTicks"},
    [F_V_INT] = {"snmp.value.int", "Value (Integer32)", TW_FT_INT64, TW_BASE_DEC},
    [F_V_OCTETS] = {"snmp.value.octets", "Value (OctetString)", TW_FT_BYTES},
    [F_V_OID] = {"snmp.value.oid", "Value (OID)", TW_FT_OID},
    [F_V_NULL] = {"snmp.value.null", "Value (Null)", TW_FT_NONE},
    [F_V_IPV4] = {"snmp.value.ipv4", "Value (IpAddress)", TW_FT_IPv4},
    [F_V_IPV6] = {"snmp.value.ipv6", "Value (IpAddress)", TW_FT_IPv6},
    [F_V_ADDR] = {"snmp.value.addr", "Value (IpAddress)", TW_FT_BYTES},
    [F_V_U32] = {"snmp.value.u32", "Value (Unsigned32)", TW_FT_INT64, TW_BASE_DEC},
    [F_V_G32] = {"snmp.value.g32", "Value (Gauge32)", TW_FT_INT64, TW_BASE_DEC},
    [F_V_UNK] = {"snmp.value.unk", "Value (Unknown)", TW_FT_BYTES},
    [F_V_COUNTER] = {"snmp.value.counter", "Value (Counter32)", TW_FT_UINT64, TW_BASE_DEC},
    [F_V_NSAP] = {"snmp.value.nsap", "Value (NSAP)", TW_FT_UINT64, TW_BASE_DEC},
    [F_V_TIMETICKS] = {"snmp.value.timeticks", "Value (Timeticks)", TW_FT_UINT64, TW_BASE_DEC},
    [F_V_OPAQUE] = {"snmp.value.opaque", "Value (Opaque)", TW_FT_BYTES},
    [F_V_C64] = {"snmp.value.counter", "Value (Counter64)", TW_FT_UINT64, TW_BASE_DEC},
    [F_NOSUCHOBJECT] = {"snmp.noSuchObject", "noSuchObject", TW_FT_NONE},
    [F_NOSUCHINSTANCE] = {"snmp.noSuchInstance", "noSuchInstance", TW_FT_NONE},
    [F_ENDOFMIBVIEW] = {"snmp.endOfMibView", "endOfMibView", TW_FT_NONE},
    [F_MSG_VERSION] = {"snmp.msgVersion", "msgVersion", TW_FT_INT32, TW_BASE_DEC, 0, version_vals,
                       NULL, NULL, "Version"},
    [F_MSG_GLOBAL] = {"snmp.msgGlobalData_element", "msgGlobalData", TW_FT_NONE, 0, 0, NULL, NULL,
                      NULL, "HeaderData"},
    [F_MSG_ID] = {"snmp.msgID", "msgID", TW_FT_UINT32, TW_BASE_DEC, 0, NULL, NULL, NULL,
                  "INTEGER_0_2147483647"},
    [F_MSG_MAXSIZE] = {"snmp.msgMaxSize", "msgMaxSize", TW_FT_UINT32, TW_BASE_DEC, 0, NULL, NULL,
                       NULL, "INTEGER_484_2147483647"},
    [F_MSG_FLAGS] = {"snmp.msgFlags", "msgFlags", TW_FT_BYTES},
    [F_FLAG_REPORT] = {"snmp.v3.flags.report", "Reportable", TW_FT_BOOLEAN, 8, 0x4, NULL, NULL,
                       SN},
    [F_FLAG_CRYPT] = {"snmp.v3.flags.crypt", "Encrypted", TW_FT_BOOLEAN, 8, 0x2, NULL, NULL, SN},
    [F_FLAG_AUTH] = {"snmp.v3.flags.auth", "Authenticated", TW_FT_BOOLEAN, 8, 0x1, NULL, NULL, SN},
    [F_MSG_SECMODEL] = {"snmp.msgSecurityModel", "msgSecurityModel", TW_FT_UINT32, TW_BASE_DEC, 0,
                        secmodel_vals},
    [F_MSG_SECPARAMS] = {"snmp.msgSecurityParameters", "msgSecurityParameters", TW_FT_BYTES},
    [F_ENGINE_ID] = {"snmp.msgAuthoritativeEngineID", "msgAuthoritativeEngineID", TW_FT_BYTES},
    [F_ENGINE_BOOTS] = {"snmp.msgAuthoritativeEngineBoots", "msgAuthoritativeEngineBoots",
                        TW_FT_UINT32, TW_BASE_DEC},
    [F_ENGINE_TIME] = {"snmp.msgAuthoritativeEngineTime", "msgAuthoritativeEngineTime",
                       TW_FT_UINT32, TW_BASE_DEC},
    [F_USER_NAME] = {"snmp.msgUserName", "msgUserName", TW_FT_STRING},
    [F_AUTH_PARAMS] = {"snmp.msgAuthenticationParameters", "msgAuthenticationParameters",
                       TW_FT_BYTES},
    [F_PRIV_PARAMS] = {"snmp.msgPrivacyParameters", "msgPrivacyParameters", TW_FT_BYTES},
    [F_MSG_DATA] = {"snmp.msgData", "msgData", TW_FT_UINT32, TW_BASE_DEC, 0, msgdata_vals, NULL,
                    NULL, "ScopedPduData"},
    [F_PLAINTEXT] = {"snmp.plaintext_element", "plaintext", TW_FT_NONE, 0, 0, NULL, NULL, NULL,
                     "ScopedPDU"},
    [F_ENCRYPTED_PDU] = {"snmp.encryptedPDU", "encryptedPDU", TW_FT_BYTES},
    [F_CONTEXT_ENGINE_ID] = {"snmp.contextEngineID", "contextEngineID", TW_FT_BYTES, 0, 0, NULL,
                             NULL, NULL, "SnmpEngineID"},
    [F_CONTEXT_NAME] = {"snmp.contextName", "contextName", TW_FT_STRING, TW_BASE_NONE, 0, NULL,
                        NULL, NULL, "OCTET_STRING"},
    [F_RESPONSE_IN] = {"snmp.response_in", "Response In", TW_FT_FRAMENUM, 0, 0, NULL, NULL, NULL,
                       "The response to this SNMP request is in this frame"},
    [F_RESPONSE_TO] = {"snmp.response_to", "Response To", TW_FT_FRAMENUM, 0, 0, NULL, NULL, NULL,
                       "This is a response to the SNMP request in this frame"},
    [F_TIME] = {"snmp.time", "Time", TW_FT_RELATIVE_TIME, 0, 0, NULL, NULL, NULL,
                "The time between the Request and the Response"},
    [F_VAR_STR] = {"snmp.var-bind_str", "Variable-binding-string", TW_FT_STRING},
};

enum { E_VERSION_UNKNOWN, E_VARBIND_RESPONSE, E_INT0, E_INT_LARGE, E_UINT_LARGE, E_COUNT };
static const struct tw_expert_def experts[E_COUNT] = {
    [E_VERSION_UNKNOWN] = {"snmp.version.unknown", "decoder.snmp.version_unknown", TW_SEV_ERROR,
                           TW_GRP_PROTOCOL, "Unknown version"},
    [E_VARBIND_RESPONSE] = {"snmp.varbind.response", "decoder.snmp.varbind_response", TW_SEV_NOTE,
                            TW_GRP_RESPONSE_CODE, "Response"},
    [E_INT0] = {"snmp.integral_value0", "decoder.snmp.integral_value0", TW_SEV_WARN,
                TW_GRP_UNDECODED, "Integral value is zero-length"},
    [E_INT_LARGE] = {"snmp.int_too_large", "decoder.snmp.int_too_large", TW_SEV_WARN,
                     TW_GRP_UNDECODED, "Integral value too large or too small"},
    [E_UINT_LARGE] = {"snmp.uint_too_large", "decoder.snmp.uint_too_large", TW_SEV_WARN,
                      TW_GRP_UNDECODED, "Integral value too large"},
};

/* request/response matching: (pair, request-id) -> request */
struct req {
    uint32_t req_frame, rep_frame;
    struct tw_time req_time;
};
static struct tw_state *req_tab;

static void snmp_init(void)
{
    req_tab = tw_state_open("snmp.req", sizeof(struct req), 1u << 16, NULL);
}

/* ---- one walk over the message ---- */

struct walk {
    struct tw_pkt *p;
    const uint8_t *d;
    uint32_t cap;      /* readable end */
    int st;            /* first error (enum tw_status, or ST_END): the walk stops */
    uint32_t values;   /* varbind values tshark's value table dissects (one "snmp" layer each) */
    char info[512];    /* the OIDs Info lists after the PDU type */
    size_t ilen;
    bool have_reqid;
    int32_t reqid;
    int pdu_type;
};

/* walk status beyond enum tw_status: the elements ran out (no error) */
#define ST_END 3

struct tlv {
    uint8_t cls;
    bool cons;
    uint32_t tag, start, off, len, end;
};

/* An element's header at pos within [.., limit): the contents need not be readable (a
 * constructed element's children report the cut themselves). A length past `limit` is malformed. */
static bool hdr(struct walk *w, uint32_t pos, uint32_t limit, struct tlv *t)
{
    if (w->st) return false;
    uint32_t avail = TW_MIN(limit, w->cap);
#define NEED(n)                                                                                    \
    do {                                                                                           \
        if ((uint64_t)pos + (n) > limit) {                                                         \
            w->st = TW_MALFORMED;                                                                  \
            return false;                                                                          \
        }                                                                                          \
        if ((uint64_t)pos + (n) > avail) {                                                         \
            w->st = TW_TRUNCATED;                                                                  \
            return false;                                                                          \
        }                                                                                          \
    } while (0)
    t->start = pos;
    if (pos >= limit) {
        /* a SEQUENCE that ends before its last elements: tshark says nothing */
        w->st = ST_END;
        return false;
    }
    NEED(1);
    uint8_t id = w->d[pos++];
    t->cls = id >> 6;
    t->cons = (id & 0x20) != 0;
    t->tag = id & 0x1f;
    if (t->tag == 0x1f) {
        uint32_t tag = 0;
        for (int i = 0;; i++) {
            NEED(1);
            uint8_t b = w->d[pos++];
            if (i == 4) {
                w->st = TW_MALFORMED;
                return false;
            }
            tag = tag << 7 | (b & 0x7f);
            if (!(b & 0x80)) break;
        }
        t->tag = tag;
    }
    NEED(1);
    uint8_t l0 = w->d[pos++];
    if (l0 == 0x80) {
        /* indefinite: the element must be readable to find its end */
        struct tw_ber_tlv bt;
        enum tw_status s = tw_ber_read(w->d, t->start, limit, w->cap, &bt);
        if (s != TW_OK) {
            w->st = s;
            return false;
        }
        t->off = bt.off;
        t->len = bt.len;
        t->end = bt.end;
        return true;
    }
    uint64_t len = l0;
    if (l0 & 0x80) {
        uint32_t n = l0 & 0x7f;
        if (n > 4) {
            w->st = TW_MALFORMED;
            return false;
        }
        NEED(n);
        len = 0;
        for (uint32_t i = 0; i < n; i++) len = len << 8 | w->d[pos++];
    }
    if (pos + len > limit) {
        w->st = TW_MALFORMED;
        return false;
    }
    t->off = pos;
    t->len = (uint32_t)len;
    t->end = pos + (uint32_t)len;
    return true;
}

/* header plus readable contents (primitive elements) */
static bool prim(struct walk *w, uint32_t pos, uint32_t limit, struct tlv *t)
{
    if (!hdr(w, pos, limit, t)) return false;
    if (t->end > w->cap) {
        w->st = TW_TRUNCATED;
        return false;
    }
    return true;
}

/* an element of a given class and tag; anything else is malformed */
static bool expect(struct walk *w, uint32_t pos, uint32_t limit, uint8_t cls, uint32_t tag,
                   bool primitive, struct tlv *t)
{
    if (!(primitive ? prim(w, pos, limit, t) : hdr(w, pos, limit, t))) return false;
    if (t->cls != cls || t->tag != tag) {
        w->st = TW_MALFORMED;
        return false;
    }
    return true;
}

static int64_t ber_int(const uint8_t *b, uint32_t n, bool sign)
{
    uint64_t v = (n && sign && (b[0] & 0x80)) ? UINT64_MAX : 0;
    for (uint32_t i = 0; i < n; i++) v = v << 8 | b[i];
    return (int64_t)v;
}

/* an INTEGER element into an integer field */
static bool add_integer(struct walk *w, uint32_t pos, uint32_t limit, uint16_t f, int64_t *out,
                        uint32_t *next)
{
    struct tlv t;
    if (!expect(w, pos, limit, TW_BER_UNIVERSAL, TW_BER_INTEGER, true, &t)) return false;
    const struct tw_field_def *fd = &fields[f];
    /* Wireshark's BER reads the sign only for signed fields */
    int64_t v = t.len <= 8 ? ber_int(w->d + t.off, t.len, fd->type == TW_FT_INT32) : 0;
    if (fd->type == TW_FT_INT32)
        tw_add_int(w->p, HF(f), t.off, t.len, (int32_t)v);
    else
        tw_add_uint(w->p, HF(f), t.off, t.len, (uint32_t)v);
    if (out) *out = v;
    *next = t.end;
    return true;
}

static void info_add(struct walk *w, const char *s)
{
    int n = snprintf(w->info + w->ilen, sizeof w->info - w->ilen, " %s", s);
    if (n > 0) w->ilen = TW_MIN(w->ilen + (size_t)n, sizeof w->info - 1);
}

/* Wireshark's name for the longest named prefix of a dotted OID: the number of arcs it covers
 * (0 when none), its name into `name` */
static int named_prefix(const char *dot, char *name, size_t cap)
{
    char buf[256];
    size_t n = strlen(dot);
    if (n >= sizeof buf) return 0;
    memcpy(buf, dot, n + 1);
    for (;;) {
        const char *s = tw_ber_oid_name(buf);
        if (!s && !strchr(buf, '.')) {
            static const char *const roots[3] = {"itu-t", "iso", "joint-iso-itu-t"};
            if (buf[0] >= '0' && buf[0] <= '2' && !buf[1]) s = roots[buf[0] - '0'];
        }
        if (s) {
            snprintf(name, cap, "%s", s);
            int arcs = 1;
            for (const char *q = buf; *q; q++) arcs += *q == '.';
            return arcs;
        }
        char *dotp = strrchr(buf, '.');
        if (!dotp) return 0;
        *dotp = 0;
    }
}

/* The OID as a varbind label (`repr`) and in Info (`info`), as tshark shows it without MIBs: when
 * the deepest node of Wireshark's OID tree that the OID reaches has a name, "name.rest (dotted)"
 * and "name.rest"; else the dotted text. The tree's unnamed nodes are not known here: a prefix
 * named by its first arc only counts for itu-t (0), since 1.x and 2.x have unnamed registered
 * nodes below (1.3.6.1, 1.0, 2.16...). */
static void oid_repr(const char *dot, char *repr, size_t rcap, char *info, size_t icap)
{
    char name[160];
    int arcs = named_prefix(dot, name, sizeof name);
    if (arcs == 1 && dot[0] != '0') arcs = 0;
    if (arcs == 0) {
        snprintf(repr, rcap, "%s", dot);
        snprintf(info, icap, "%s", dot);
        return;
    }
    const char *rest = dot;
    for (int i = 0; i < arcs && rest; i++) {
        rest = strchr(rest, '.');
        if (rest) rest++;
    }
    if (rest && *rest) {
        snprintf(repr, rcap, "%s.%s (%s)", name, rest, dot);
        snprintf(info, icap, "%s.%s", name, rest);
    } else {
        snprintf(repr, rcap, "%s (%s)", name, dot);
        snprintf(info, icap, "%s", name);
    }
}

/* an FT_OID item labelled "Name: dotted (resolved)" */
static int32_t add_oid(struct walk *w, uint16_t f, const struct tlv *t, char *dot, size_t cap)
{
    struct tw_pkt *p = w->p;
    dot[0] = 0;
    tw_ber_oid_text(w->d + t->off, t->len, dot, cap);
    int32_t r = tw_add_ptr(p, HF(f), t->off, t->len, w->d + t->off, t->len);
    if (r >= 0 && tw_want_labels(p) && dot[0]) {
        char res[256];
        if (tw_ber_oid_resolved(dot, res, sizeof res))
            tw_rec_label(p, r, "%s: %s (%s)", fields[f].name, dot, res);
    }
    return r;
}

/* octet strings shown as Wireshark's BASE_SHOW_ASCII_PRINTABLE: quoted text when every byte is
 * printable ASCII, else hex */
static void label_octets(struct tw_pkt *p, int32_t r, const char *name, const uint8_t *b,
                         uint32_t n)
{
    if (r < 0 || !tw_want_labels(p) || n == 0) return;
    for (uint32_t i = 0; i < n; i++)
        if (b[i] < 0x20 || b[i] > 0x7e) return;
    tw_rec_label(p, r, "%s: \"%.*s\"", name, (int)n, (const char *)b);
}

/* the value as the varbind line shows it (the text after ": " in the value's own label) */
static void value_text(char *buf, size_t cap, int f, const uint8_t *v, uint32_t n, int64_t iv)
{
    buf[0] = 0;
    size_t k = 0;
    switch (fields[f].type) {
    case TW_FT_NONE: snprintf(buf, cap, "%s", fields[f].name); return;
    case TW_FT_INT64: snprintf(buf, cap, "%lld", (long long)iv); return;
    case TW_FT_UINT64: snprintf(buf, cap, "%llu", (unsigned long long)iv); return;
    case TW_FT_IPv4: snprintf(buf, cap, "%u.%u.%u.%u", v[0], v[1], v[2], v[3]); return;
    case TW_FT_IPv6: inet_ntop(AF_INET6, v, buf, (socklen_t)cap); return;
    case TW_FT_OID: {
        char dot[256], res[256];
        if (!tw_ber_oid_text(v, n, dot, sizeof dot)) return;
        if (tw_ber_oid_resolved(dot, res, sizeof res)) {
            if ((size_t)snprintf(buf, cap, "%s (%s)", dot, res) >= cap) buf[cap - 1] = 0;
        } else {
            snprintf(buf, cap, "%s", dot);
        }
        return;
    }
    default: break;
    }
    if (n == 0) {
        snprintf(buf, cap, "<MISSING>");
        return;
    }
    bool printable = f == F_V_OCTETS;
    for (uint32_t i = 0; i < n && printable; i++) printable = v[i] >= 0x20 && v[i] <= 0x7e;
    if (printable) {
        snprintf(buf, cap, "\"%.*s\"", (int)n, (const char *)v);
        return;
    }
    static const char hx[] = "0123456789abcdef";
    for (uint32_t i = 0; i < n && i < 36 && k + 3 < cap; i++) {
        buf[k++] = hx[v[i] >> 4];
        buf[k++] = hx[v[i] & 15];
    }
    buf[k] = 0;
    if (n > 36 && k + 4 < cap) memcpy(buf + k, "\xe2\x80\xa6", 4);
}

static void varbind(struct walk *w, const struct tlv *vb)
{
    struct tw_pkt *p = w->p;
    struct tlv nt, vt;
    if (!vb->cons || vb->cls != TW_BER_UNIVERSAL || vb->tag != TW_BER_SEQUENCE) {
        w->st = TW_MALFORMED;
        return;
    }
    int32_t vr = tw_add_text(p, vb->off, vb->len, "VarBind");
    tw_tree_push(p, vr);
    if (!expect(w, vb->off, vb->end, TW_BER_UNIVERSAL, TW_BER_OID, true, &nt) || nt.cons) {
        if (!w->st) w->st = TW_MALFORMED;
        tw_tree_pop(p);
        return;
    }
    char dot[256];
    add_oid(w, F_NAME, &nt, dot, sizeof dot);
    char repr[1024], info[300];
    if (dot[0])
        oid_repr(dot, repr, sizeof repr, info, sizeof info);
    else
        snprintf(repr, sizeof repr, "[Bad OID]"), info[0] = 0;
    if (!prim(w, nt.end, vb->end, &vt)) {
        tw_tree_pop(p);
        return;
    }
    const uint8_t *v = w->d + vt.off;
    uint32_t n = vt.len;
    int32_t r = -1;
    const char *note = NULL;
    int shown = -1;       /* the value's field, for the varbind line */
    int64_t shown_iv = 0; /* its integer value */
    if (vt.cons) {
        w->st = TW_MALFORMED; /* "the value must be in primitive encoding" */
        tw_tree_pop(p);
        return;
    }
    int f = -1;
    if (vt.cls == TW_BER_CONTEXT) {
        static const int nf[3] = {F_NOSUCHOBJECT, F_NOSUCHINSTANCE, F_ENDOFMIBVIEW};
        if (vt.tag > 2) {
            w->st = TW_MALFORMED;
            tw_tree_pop(p);
            return;
        }
        r = tw_add_rec(p, HF(nf[vt.tag]), vt.off, n);
        note = fields[nf[vt.tag]].name;
        tw_tree_push(p, r);
        tw_expert(p, EX(E_VARBIND_RESPONSE), vt.off, n, "%s", note);
        tw_tree_pop(p);
    } else if (vt.cls == TW_BER_UNIVERSAL && vt.tag == TW_BER_INTEGER) {
        if (n >= 1 && n <= 4) {
            shown = F_V_INT;
            shown_iv = ber_int(v, n, true);
            r = tw_add_int(p, HF(F_V_INT), vt.off, n, shown_iv);
        } else {
            f = F_V_INT;
        }
    } else if (vt.cls == TW_BER_UNIVERSAL && vt.tag == TW_BER_OCTETSTRING) {
        shown = F_V_OCTETS;
        r = tw_add_ptr(p, HF(F_V_OCTETS), vt.off, n, v, n);
        label_octets(p, r, fields[F_V_OCTETS].name, v, n);
    } else if (vt.cls == TW_BER_UNIVERSAL && vt.tag == TW_BER_OID) {
        char vd[256];
        shown = F_V_OID;
        r = add_oid(w, F_V_OID, &vt, vd, sizeof vd);
    } else if (vt.cls == TW_BER_UNIVERSAL && vt.tag == TW_BER_NULL) {
        shown = F_V_NULL;
        r = tw_add_rec(p, HF(F_V_NULL), vt.off, n);
    } else if (vt.cls == TW_BER_APPLICATION && vt.tag == 0) {
        shown = n == 4 ? F_V_IPV4 : n == 16 ? F_V_IPV6 : F_V_ADDR;
        r = tw_add_ptr(p, HF(shown), vt.off, n, v, n);
    } else if (vt.cls == TW_BER_APPLICATION) {
        switch (vt.tag) {
        case 1: f = F_V_COUNTER; break;
        case 2: f = F_V_G32; break;
        case 3: f = F_V_TIMETICKS; break;
        case 4: f = F_V_OPAQUE; break;
        case 5: f = F_V_NSAP; break;
        case 6: f = F_V_C64; break;
        case 7: f = F_V_U32; break;
        default: f = F_V_UNK; break;
        }
    } else {
        f = F_V_UNK;
    }
    if (f >= 0) {
        uint8_t type = fields[f].type;
        bool integral = type == TW_FT_UINT64 || type == TW_FT_INT64;
        uint32_t o = vt.off;
        if (integral && n > 8) {
            if (type == TW_FT_UINT64 && n == 9 && v[0] == 0) {
                o++, n--, v++;
            } else {
                tw_expert(p, EX(type == TW_FT_UINT64 ? E_UINT_LARGE : E_INT_LARGE), vt.off, vt.len,
                          NULL);
                integral = false;
                f = -1;
            }
        } else if (integral && n == 0) {
            tw_expert(p, EX(E_INT0), vt.off, 0, NULL);
            f = -1;
        }
        if (f >= 0) {
            shown = f;
            shown_iv = integral ? ber_int(v, n, type == TW_FT_INT64) : 0;
            if (type == TW_FT_UINT64)
                r = tw_add_uint(p, HF(f), o, n, (uint64_t)ber_int(v, n, false));
            else if (type == TW_FT_INT64)
                r = tw_add_int(p, HF(f), o, n, ber_int(v, n, true));
            else
                r = tw_add_ptr(p, HF(f), o, n, v, n);
        }
    }
    /* tshark's value table knows two OIDs (sysDescr.0, sysName.0): their value as a string,
     * under the value, and an "snmp" layer each once the message is done */
    if (n > 0 && (strcmp(dot, "1.3.6.1.2.1.1.1.0") == 0 || strcmp(dot, "1.3.6.1.2.1.1.5.0") == 0)) {
        w->values++;
        tw_tree_push(p, r);
        tw_add_ascii(p, HF(F_VAR_STR), vt.off, n, v);
        tw_tree_pop(p);
    }
    if (vr >= 0 && tw_want_labels(p)) {
        char buf[512] = "";
        if (!note && shown >= 0) value_text(buf, sizeof buf, shown, v, n, shown_iv);
        tw_rec_label(p, vr, "%s: %s", repr, note ? note : buf);
    }
    if (info[0]) info_add(w, info);
    tw_tree_pop(p);
}

static void varbind_list(struct walk *w, uint32_t pos, uint32_t limit)
{
    struct tw_pkt *p = w->p;
    struct tlv t;
    if (!expect(w, pos, limit, TW_BER_UNIVERSAL, TW_BER_SEQUENCE, false, &t)) return;
    /* count the items first (as far as they can be read) for the label */
    uint32_t count = 0;
    if (tw_want(p, HF(F_VARBINDS))) {
        struct walk cw = *w;
        uint32_t q = t.off;
        struct tlv it;
        while (q < t.end && hdr(&cw, q, t.end, &it)) {
            count++;
            q = it.end;
        }
    }
    int32_t r = tw_add_uint(p, HF(F_VARBINDS), t.start, t.end - t.start, count);
    tw_rec_label(p, r, "variable-bindings: %u item%s", count, count == 1 ? "" : "s");
    tw_tree_push(p, r);
    uint32_t q = t.off;
    while (q < t.end && !w->st) {
        struct tlv vb;
        if (!hdr(w, q, t.end, &vb)) break;
        varbind(w, &vb);
        q = vb.end;
    }
    tw_tree_pop(p);
}

/* the PDUs CHOICE at pos */
static void pdus(struct walk *w, uint32_t pos, uint32_t limit)
{
    struct tw_pkt *p = w->p;
    struct tlv t;
    if (!hdr(w, pos, limit, &t)) return;
    if (t.cls != TW_BER_CONTEXT || t.tag > 8) {
        /* not one of the CHOICE's alternatives: tshark clears Info and shows nothing */
        w->pdu_type = 99;
        w->st = ST_END;
        return;
    }
    w->pdu_type = (int)t.tag;
    int32_t r = tw_add_uint(p, HF(F_DATA), t.start, t.end - t.start, t.tag);
    tw_tree_push(p, r);
    r = tw_add_rec(p, HF(F_PDU_GET + (int)t.tag), t.start, t.end - t.start);
    if (t.len == 0) tw_rec_label(p, r, "%s [0 length]", fields[F_PDU_GET + (int)t.tag].name);
    tw_tree_push(p, r);
    uint32_t q = t.off;
    int64_t v;
    if (t.tag == 4) {
        struct tlv e;
        char dot[256];
        if (expect(w, q, t.end, TW_BER_UNIVERSAL, TW_BER_OID, true, &e)) {
            add_oid(w, F_ENTERPRISE, &e, dot, sizeof dot);
            char res[256];
            if (dot[0] && tw_ber_oid_resolved(dot, res, sizeof res))
                info_add(w, res);
            else if (dot[0])
                info_add(w, dot);
            q = e.end;
        }
        if (expect(w, q, t.end, TW_BER_APPLICATION, 0, true, &e)) {
            if (e.len == 4) tw_add_ptr(p, HF(F_AGENT_ADDR), e.off, 4, w->d + e.off, 4);
            q = e.end;
        }
        if (!w->st && add_integer(w, q, t.end, F_GENERIC_TRAP, &v, &q) &&
            add_integer(w, q, t.end, F_SPECIFIC_TRAP, &v, &q) &&
            expect(w, q, t.end, TW_BER_APPLICATION, 3, true, &e)) {
            tw_add_uint(p, HF(F_TIME_STAMP), e.off, e.len,
                        (uint32_t)ber_int(w->d + e.off, TW_MIN(e.len, 8u), false));
            q = e.end;
        }
    } else {
        if (add_integer(w, q, t.end, F_REQUEST_ID, &v, &q)) {
            w->have_reqid = true;
            w->reqid = (int32_t)v;
        }
        if (t.tag == 5) {
            if (!w->st && add_integer(w, q, t.end, F_NON_REPEATERS, &v, &q))
                add_integer(w, q, t.end, F_MAX_REPETITIONS, &v, &q);
        } else {
            if (!w->st && add_integer(w, q, t.end, F_ERROR_STATUS, &v, &q))
                add_integer(w, q, t.end, F_ERROR_INDEX, &v, &q);
        }
    }
    if (!w->st) varbind_list(w, q, t.end);
    tw_tree_pop(p);
    tw_tree_pop(p);
}

/* request/response matching on the PDU just read (tree: the level of "data") */
static void match(struct walk *w)
{
    struct tw_pkt *p = w->p;
    if (!req_tab || !w->have_reqid || p->ctx.in_error_pkt) return;
    int t = w->pdu_type;
    bool request = t == 0 || t == 1 || t == 3 || t == 5 || t == 6;
    if (!request && t != 2) return;
    uint8_t key[TW_STATE_KEY_MAX + 4];
    size_t kl = tw_conv_key(p, p->ctx.srcport, p->ctx.dstport, key, NULL);
    if (kl + 4 > TW_STATE_KEY_MAX) return;
    uint32_t id = (uint32_t)w->reqid;
    key[kl++] = (uint8_t)(id >> 24);
    key[kl++] = (uint8_t)(id >> 16);
    key[kl++] = (uint8_t)(id >> 8);
    key[kl++] = (uint8_t)id;
    const uint32_t num = (uint32_t)p->frame->recno;
    struct req *rq = tw_state_get(req_tab, key, kl);
    if (request) {
        /* a response already seen for this id: shown; a request again takes the id over (tshark
         * matches a response to the latest request with its id) */
        if (rq && rq->rep_frame) {
            int32_t r = tw_add_uint(p, HF(F_RESPONSE_IN), 0, 0, rq->rep_frame);
            tw_rec_flags(p, r, TW_RF_GENERATED);
        }
        if (!rq) rq = tw_state_put(req_tab, key, kl, NULL);
        if (!rq) return;
        rq->req_frame = num;
        rq->rep_frame = 0;
        rq->req_time = p->frame->ts;
    } else if (rq && rq->req_frame) {
        rq->rep_frame = num;
        int32_t r = tw_add_uint(p, HF(F_RESPONSE_TO), 0, 0, rq->req_frame);
        tw_rec_flags(p, r, TW_RF_GENERATED);
        r = tw_add_time(p, HF(F_TIME), 0, 0, tw_time_sub(p->frame->ts, rq->req_time));
        tw_rec_flags(p, r, TW_RF_GENERATED);
    }
}

static void usm_params(struct walk *w, const struct tlv *os)
{
    struct tw_pkt *p = w->p;
    struct tlv s, e;
    if (!expect(w, os->off, os->end, TW_BER_UNIVERSAL, TW_BER_SEQUENCE, false, &s)) return;
    uint32_t q = s.off;
    int64_t v;
    if (!expect(w, q, s.end, TW_BER_UNIVERSAL, TW_BER_OCTETSTRING, true, &e)) return;
    tw_add_ptr(p, HF(F_ENGINE_ID), e.off, e.len, w->d + e.off, e.len);
    q = e.end;
    if (!add_integer(w, q, s.end, F_ENGINE_BOOTS, &v, &q)) return;
    if (!add_integer(w, q, s.end, F_ENGINE_TIME, &v, &q)) return;
    if (!expect(w, q, s.end, TW_BER_UNIVERSAL, TW_BER_OCTETSTRING, true, &e)) return;
    tw_add_ascii(p, HF(F_USER_NAME), e.off, e.len, w->d + e.off);
    q = e.end;
    if (!expect(w, q, s.end, TW_BER_UNIVERSAL, TW_BER_OCTETSTRING, true, &e)) return;
    tw_add_ptr(p, HF(F_AUTH_PARAMS), e.off, e.len, w->d + e.off, e.len);
    q = e.end;
    if (!expect(w, q, s.end, TW_BER_UNIVERSAL, TW_BER_OCTETSTRING, true, &e)) return;
    tw_add_ptr(p, HF(F_PRIV_PARAMS), e.off, e.len, w->d + e.off, e.len);
}

static void v3_message(struct walk *w, const struct tlv *m, uint32_t q)
{
    struct tw_pkt *p = w->p;
    struct tlv g, e;
    int64_t v, model = -1;
    if (!expect(w, q, m->end, TW_BER_UNIVERSAL, TW_BER_SEQUENCE, false, &g)) return;
    int32_t r = tw_add_rec(p, HF(F_MSG_GLOBAL), g.start, g.end - g.start);
    tw_tree_push(p, r);
    uint32_t gq = g.off;
    if (add_integer(w, gq, g.end, F_MSG_ID, &v, &gq) &&
        add_integer(w, gq, g.end, F_MSG_MAXSIZE, &v, &gq) &&
        expect(w, gq, g.end, TW_BER_UNIVERSAL, TW_BER_OCTETSTRING, true, &e)) {
        r = tw_add_ptr(p, HF(F_MSG_FLAGS), e.off, e.len, w->d + e.off, e.len);
        if (e.len >= 1) {
            uint8_t fl = w->d[e.off];
            tw_tree_push(p, r);
            tw_add_bits(p, HF(F_FLAG_REPORT), e.off, 1, fl);
            tw_add_bits(p, HF(F_FLAG_CRYPT), e.off, 1, fl);
            tw_add_bits(p, HF(F_FLAG_AUTH), e.off, 1, fl);
            tw_tree_pop(p);
        }
        gq = e.end;
        add_integer(w, gq, g.end, F_MSG_SECMODEL, &model, &gq);
    }
    tw_tree_pop(p);
    if (w->st) return;
    q = g.end;
    if (!expect(w, q, m->end, TW_BER_UNIVERSAL, TW_BER_OCTETSTRING, false, &e)) return;
    if (model == 3)
        usm_params(w, &e);
    else if (prim(w, e.start, m->end, &e))
        tw_add_ptr(p, HF(F_MSG_SECPARAMS), e.off, e.len, w->d + e.off, e.len);
    if (w->st) return;
    q = e.end;
    struct tlv d;
    if (!hdr(w, q, m->end, &d)) return;
    if (d.cls == TW_BER_UNIVERSAL && d.tag == TW_BER_OCTETSTRING) {
        r = tw_add_uint(p, HF(F_MSG_DATA), d.start, d.end - d.start, 1);
        tw_tree_push(p, r);
        if (prim(w, d.start, m->end, &d))
            tw_add_ptr(p, HF(F_ENCRYPTED_PDU), d.off, d.len, w->d + d.off, d.len);
        tw_tree_pop(p);
        snprintf(w->info, sizeof w->info, "encryptedPDU: privKey Unknown");
        w->ilen = strlen(w->info);
        w->pdu_type = -2;
        return;
    }
    if (d.cls != TW_BER_UNIVERSAL || d.tag != TW_BER_SEQUENCE) {
        w->st = TW_MALFORMED;
        return;
    }
    r = tw_add_uint(p, HF(F_MSG_DATA), d.start, d.end - d.start, 0);
    tw_tree_push(p, r);
    r = tw_add_rec(p, HF(F_PLAINTEXT), d.start, d.end - d.start);
    tw_tree_push(p, r);
    uint32_t dq = d.off;
    if (expect(w, dq, d.end, TW_BER_UNIVERSAL, TW_BER_OCTETSTRING, true, &e)) {
        tw_add_ptr(p, HF(F_CONTEXT_ENGINE_ID), e.off, e.len, w->d + e.off, e.len);
        dq = e.end;
        if (expect(w, dq, d.end, TW_BER_UNIVERSAL, TW_BER_OCTETSTRING, true, &e)) {
            tw_add_ascii(p, HF(F_CONTEXT_NAME), e.off, e.len, w->d + e.off);
            dq = e.end;
            pdus(w, dq, d.end);
            if (!w->st) match(w);
        }
    }
    tw_tree_pop(p);
    tw_tree_pop(p);
}

/* tshark's test before it takes the payload: 1 SNMP, 0 not SNMP, -1 an exception (w->st) */
static int looks_like_snmp(struct walk *w, uint32_t start, uint32_t limit, struct tlv *m)
{
    /* identifier and length of the first element; class and tag only (not constructedness) */
    uint32_t pos = start;
    uint32_t avail = TW_MIN(limit, w->cap);
    if (pos >= avail) {
        w->st = pos >= limit ? TW_MALFORMED : TW_TRUNCATED;
        return -1;
    }
    uint8_t id = w->d[pos];
    if ((id >> 6) != TW_BER_UNIVERSAL || (id & 0x1f) != TW_BER_SEQUENCE) return 0;
    pos++;
    if (pos >= avail) {
        w->st = pos >= limit ? TW_MALFORMED : TW_TRUNCATED;
        return -1;
    }
    uint8_t l0 = w->d[pos];
    if (l0 != 0x80) {
        uint64_t len = l0 & 0x7f;
        pos++;
        if (l0 & 0x80) {
            uint32_t n = l0 & 0x7f;
            len = 0;
            for (uint32_t i = 0; i < n; i++, pos++) {
                if (pos >= avail) {
                    w->st = pos >= limit ? TW_MALFORMED : TW_TRUNCATED;
                    return -1;
                }
                len = len << 8 | w->d[pos];
                if (len > UINT32_MAX) return 0;
            }
        }
        if (len > limit - pos) return 0;
        m->start = start;
        m->off = pos;
        m->len = (uint32_t)len;
        m->end = pos + (uint32_t)len;
        m->cls = 0;
        m->tag = TW_BER_SEQUENCE;
        m->cons = (id & 0x20) != 0;
    } else {
        if (!hdr(w, start, limit, m)) return -1;
        pos = m->off;
    }
    if (pos >= avail) {
        w->st = pos >= limit ? TW_MALFORMED : TW_TRUNCATED;
        return -1;
    }
    uint8_t vid = w->d[pos];
    if ((vid >> 6) != TW_BER_UNIVERSAL || (vid & 0x1f) != TW_BER_INTEGER) return 0;
    return 1;
}

static enum tw_status dissect(struct tw_pkt *p, struct tw_cur *c)
{
    const uint32_t start = c->off;
    if (tw_cur_left(c) == 0 && p->nlayers >= 2 && p->layers[p->nlayers - 2].proto == ids.proto) {
        /* tshark's calls for the varbind values it knows: a layer each, no line */
        tw_layer_unrecord(p);
        if (pending_values > 1) {
            pending_values--;
            tw_next(p, TW_TBL_NAME, KEY_SNMP_VALUES, *c);
        } else {
            pending_values = 0;
        }
        return TW_OK;
    }
    struct walk w = {.p = p, .d = c->data, .cap = TW_MIN(c->cap, c->end), .pdu_type = -1};
    struct tlv m;
    int h = looks_like_snmp(&w, start, c->end, &m);
    if (h <= 0) {
        /* not SNMP (to data), or tshark's exception before its first item: the layer stays
         * in frame.protocols, the columns stay UDP's */
        tw_layer_unrecord(p);
        if (p->nlayers >= 2) {
            const struct tw_proto *below = tw_proto_get(p->layers[p->nlayers - 2].proto);
            if (below) tw_col_proto(p, below->short_name);
        }
        if (h < 0) return (enum tw_status)w.st;
        tw_layer_hide(p);
        /* tshark then tries the higher port, if SNMP came in by the lower one */
        uint16_t sp = p->ctx.srcport, dp = p->ctx.dstport;
        uint16_t lo = sp < dp ? sp : dp, hi = sp < dp ? dp : sp;
        if ((lo == 161 || lo == 162) && hi != 161 && hi != 162)
            tw_next(p, TW_TBL_UDP_PORT, hi, *c);
        else
            tw_next(p, TW_TBL_NAME, TW_KEY_DATA, *c);
        return TW_OK;
    }
    tw_udp_conv_new(p, ids.proto);
    tw_layer_setlen(p, m.end - start);

    /* version */
    uint32_t q = m.off;
    int64_t version = -1;
    struct tlv vt;
    if (prim(&w, q, m.end, &vt)) {
        version = vt.len <= 8 ? ber_int(w.d + vt.off, vt.len, true) : -1;
        q = vt.end;
    }
    if (w.st) return w.st == ST_END ? TW_OK : (enum tw_status)w.st;
    if (version == 0 || version == 1) {
        tw_add_int(p, HF(F_VERSION), vt.off, vt.len, (int32_t)version);
        struct tlv cm;
        if (expect(&w, q, m.end, TW_BER_UNIVERSAL, TW_BER_OCTETSTRING, true, &cm)) {
            tw_add_ascii(p, HF(F_COMMUNITY), cm.off, cm.len, w.d + cm.off);
            pdus(&w, cm.end, m.end);
            if (!w.st) match(&w);
        }
    } else if (version == 3) {
        tw_add_int(p, HF(F_MSG_VERSION), vt.off, vt.len, 3);
        v3_message(&w, &m, q);
    } else {
        /* v2u and unknown versions: the version item only (tshark's unknown-version expert) */
        if (version == 2) {
            tw_add_int(p, HF(F_VERSION), vt.off, vt.len, 2);
        } else {
            tw_expert(p, EX(E_VERSION_UNKNOWN), start, m.end - start, NULL);
        }
        return TW_OK;
    }
    /* Info: the PDU type, prepended once the PDU was read whole, then the OIDs */
    bool ok = !w.st || w.st == ST_END;
    const char *pn = w.pdu_type >= 0 && ok ? tw_vs_find(pdu_vals, (uint32_t)w.pdu_type) : NULL;
    if (w.pdu_type != -1) tw_info_clear(p); /* tshark clears Info when the PDUs begin */
    if (pn) tw_info_add(p, pn);
    if (w.ilen) tw_info_add(p, w.info);
    if (!ok) return (enum tw_status)w.st;
    if (m.end < c->end) {
        /* bytes after the message: data */
        struct tw_cur rest = *c;
        rest.off = m.end;
        tw_next(p, TW_TBL_NAME, TW_KEY_DATA, rest);
    } else if (w.values) {
        pending_values = w.values;
        struct tw_cur none = *c;
        none.off = none.end;
        tw_next(p, TW_TBL_NAME, KEY_SNMP_VALUES, none);
    }
    return TW_OK;
}

static const struct tw_binding bindings[] = {
    {TW_TBL_UDP_PORT, 161}, {TW_TBL_UDP_PORT, 162}, {TW_TBL_NAME, KEY_SNMP_VALUES}};

const struct tw_proto tw_proto_snmp = {
    .abbrev = "snmp",
    .name = "Simple Network Management Protocol",
    .short_name = "SNMP",
    .fields = fields,
    .nfields = F_COUNT,
    .experts = experts,
    .nexperts = E_COUNT,
    .bindings = bindings,
    .nbindings = TW_ARRAY_LEN(bindings),
    .dissect = dissect,
    .init = snmp_init,
    .ids = &ids,
};
