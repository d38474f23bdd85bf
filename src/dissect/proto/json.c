/* JavaScript Object Notation as tshark 4.0 shows it: a body whose media type its JSON dissector
 * registers (application/json and the types in bindings[] below), reached through HTTP's (and
 * other protocols') media type table.
 *
 * What tshark does, and so what this file reproduces:
 *  - The body is matched against a grammar with Wireshark's tvbparse engine: top-level values are
 *    objects or arrays only, one after another; whitespace (space, tab, CR, LF) is skipped after
 *    every element of every sequence, so it is also accepted inside numbers ("1 2", "- 5", "1 .5")
 *    and after a backslash or "u" in escapes. A value that fails anywhere produces nothing at
 *    all (the engine runs the tree callbacks only after a whole top-level value matched); what
 *    is left after the last top-level value that matched goes to data-text-lines.
 *  - tvbparse caps its recursion at 100 (sequences, alternatives and repetitions count; a level
 *    that hits the cap is never given back), which limits nesting to about 25 levels; deeper
 *    bodies fail as a whole. The counter below follows it step by step, which also keeps this
 *    parser's own recursion bounded.
 *  - Items: Object / Array (no value), Member (the key), and under a member or an array for each
 *    scalar: [Path with value], [Member with value] and the value (String value, Number value,
 *    True/False/Null/NaN value); under a member after its value: Key and [Path].
 *  - Strings are unescaped by tshark's own routine, quirks included: a \uXXXX (or a surrogate
 *    pair) that ends the string is dropped, a code point that is not printable is dropped, an
 *    invalid or lone surrogate becomes U+FFFD (a lead surrogate swallows the character after
 *    it), a byte 0xfe/0xff ends the string.
 *  - Protocol column: the carrier's plus "/JSON"; Info: ", JavaScript Object Notation" and, when
 *    the whole body was JSON, " (media type)".
 * Not done: the 3GPP keys tshark decodes further (suppFeat, base64 GTPv2/NAS-5GS IEs), the
 * compact form and the other non-default preferences.
 */
#include "../dissect.h"

#include <string.h>

static struct tw_proto_ids ids;
#define HF(x) ((uint16_t)(ids.base + (x)))

enum {
    F_ARRAY,
    F_OBJECT,
    F_MEMBER,
    F_KEY,
    F_PATH,
    F_PATH_VAL,
    F_MEMBER_VAL,
    F_STRING,
    F_NUMBER,
    F_FALSE,
    F_NULL,
    F_TRUE,
    F_NAN,
    F_ARRAY_C,
    F_OBJECT_C,
    F_MEMBER_C,
    F_ITEM_C,
    F_BINARY,
    F_IGNORED,
    F_SUPPFEAT,
    F_COUNT
};

#define SF(abbrev, name, mask) {"json.3gpp.suppfeat." abbrev, name, TW_FT_BOOLEAN, 4, mask}
static const struct tw_field_def fields[] = {
    [F_ARRAY] = {"json.array", "Array", TW_FT_NONE, TW_BASE_NONE, .blurb = "JSON array"},
    [F_OBJECT] = {"json.object", "Object", TW_FT_NONE, TW_BASE_NONE, .blurb = "JSON object"},
    [F_MEMBER] = {"json.member", "Member", TW_FT_STRING, TW_BASE_NONE,
                  .blurb = "JSON object member"},
    [F_KEY] = {"json.key", "Key", TW_FT_STRING, TW_BASE_NONE},
    [F_PATH] = {"json.path", "Path", TW_FT_STRING, TW_BASE_NONE},
    [F_PATH_VAL] = {"json.path_with_value", "Path with value", TW_FT_STRING, TW_BASE_NONE},
    [F_MEMBER_VAL] = {"json.member_with_value", "Member with value", TW_FT_STRING, TW_BASE_NONE},
    [F_STRING] = {"json.value.string", "String value", TW_FT_STRING, TW_BASE_NONE,
                  .blurb = "JSON string value"},
    [F_NUMBER] = {"json.value.number", "Number value", TW_FT_STRING, TW_BASE_NONE,
                  .blurb = "JSON number value"},
    [F_FALSE] = {"json.value.false", "False value", TW_FT_NONE, TW_BASE_NONE,
                 .blurb = "JSON false value"},
    [F_NULL] = {"json.value.null", "Null value", TW_FT_NONE, TW_BASE_NONE,
                .blurb = "JSON null value"},
    [F_TRUE] = {"json.value.true", "True value", TW_FT_NONE, TW_BASE_NONE,
                .blurb = "JSON true value"},
    [F_NAN] = {"json.value.nan", "NaN value", TW_FT_NONE, TW_BASE_NONE, .blurb = "JSON NaN value"},
    [F_ARRAY_C] = {"json.array_compact", "Array compact", TW_FT_NONE, TW_BASE_NONE,
                   .blurb = "JSON array compact"},
    [F_OBJECT_C] = {"json.object_compact", "Object compact", TW_FT_NONE, TW_BASE_NONE,
                    .blurb = "JSON object compact"},
    [F_MEMBER_C] = {"json.member_compact", "Member compact", TW_FT_NONE, TW_BASE_NONE,
                    .blurb = "JSON member compact"},
    [F_ITEM_C] = {"json.array_item_compact", "Array item compact", TW_FT_NONE, TW_BASE_NONE,
                  .blurb = "JSON array item compact"},
    [F_BINARY] = {"json.binary_data", "Binary data", TW_FT_BYTES, TW_BASE_NONE,
                  .blurb = "JSON binary data"},
    [F_IGNORED] = {"json.ignored_leading_bytes", "Ignored leading bytes", TW_FT_STRING,
                   TW_BASE_NONE},
    [F_SUPPFEAT] = {"json.3gpp.suppfeat", "Supported Features", TW_FT_STRING, TW_BASE_NONE},
    /* the 3GPP supported-features bits tshark registers under json (not filled here) */
    SF("tsc", "TSC", 0x1),
    SF("resshare", "ResShare", 0x2),
    SF("3gpppsdataoff", "3GPP-PS-Data-Off", 0x4),
    SF("adc", "ADC", 0x8),
    SF("umc", "UMC", 0x1),
    SF("netloc", "NetLoc", 0x2),
    SF("rannascause", "RAN-NAS-Cause", 0x4),
    SF("provafsignalflow", "ProvAFsignalFlow", 0x8),
    SF("pcscfrestorationenhancement", "PCSCF-Restoration-Enhancement", 0x1),
    SF("pra", "PRA", 0x2),
    SF("ruleversioning", "RuleVersioning", 0x4),
    SF("sponsoredconnectivity", "SponsoredConnectivity", 0x8),
    SF("ransupportinfo", "RAN-Support-Info", 0x1),
    SF("policyupdatewhenuesuspends", "PolicyUpdateWhenUESuspends", 0x2),
    SF("accesstypecondition", "AccessTypeCondition", 0x4),
    SF("multiipv6addrprefix", "MultiIpv6AddrPrefix", 0x8),
    SF("sessionruleerrorhandling", "SessionRuleErrorHandling", 0x1),
    SF("af_charging_identifier", "AF_Charging_Identifier", 0x2),
    SF("atsss", "ATSSS", 0x4),
    SF("pendingtransaction", "PendingTransaction", 0x8),
    SF("urllc", "URLLC", 0x1),
    SF("macaddressrange", "MacAddressRange", 0x2),
    SF("wwc", "WWC", 0x4),
    SF("qosmonitoring", "QosMonitoring", 0x8),
    SF("authorizationwithrequiredqos", "AuthorizationWithRequiredQoS", 0x1),
    SF("enhancedbackgrounddatatransfer", "EnhancedBackgroundDataTransfer", 0x2),
    SF("dn_authorization", "DN-Authorization", 0x4),
    SF("pdusessionrelcause", "PDUSessionRelCause", 0x8),
    SF("samepcf", "SamePcf", 0x1),
    SF("adcmultiredirection", "ADCmultiRedirection", 0x2),
    SF("respbasedsessionrel", "RespBasedSessionRel", 0x4),
    SF("timesensitivenetworking", "TimeSensitiveNetworking", 0x8),
    SF("emdbv", "EMDBV", 0x1),
    SF("adcmultirednnselectionmodedirection", "DNNSelectionMode", 0x2),
    SF("epsfallbackreport", "EPSFallbackReport", 0x4),
    SF("policydecisionerrorhandling", "PolicyDecisionErrorHandling", 0x8),
    SF("ddneventpolicycontrol", "DDNEventPolicyControl", 0x1),
    SF("reallocationofcredit", "ReallocationOfCredit", 0x2),
    SF("bdtpolicyrenegotiation", "BDTPolicyRenegotiation", 0x4),
    SF("extpolicydecisionerrorhandling", "ExtPolicyDecisionErrorHandling", 0x8),
    SF("immediatetermination", "ImmediateTermination", 0x1),
    SF("aggregateduelocchanges", "AggregatedUELocChanges", 0x2),
    SF("es3xx", "ES3XX", 0x4),
    SF("groupidlistchange", "GroupIdListChange", 0x8),
    SF("disableuenotification", "DisableUENotification", 0x1),
    SF("offlinechonly", "OfflineChOnly", 0x2),
    SF("dual_connectivity_redundant_up_paths", "Dual-Connectivity-redundant-UP-paths", 0x4),
    SF("ddneventpolicycontrol2", "DDNEventPolicyControl2", 0x8),
    SF("vplmn_qos_control", "VPLMN-QoS-Control", 0x1),
    SF("2g3giwk", "2G3GIWK", 0x2),
    SF("timesensitivecommunication", "TimeSensitiveCommunication", 0x4),
    SF("enedge", "EnEDGE", 0x8),
    SF("satbackhaulcategorychg", "SatBackhaulCategoryChg", 0x1),
    SF("chfsetsupport", "CHFsetSupport", 0x2),
    SF("enatssss", "EnATSSS", 0x4),
    SF("mpsfordts", "MPSforDTS", 0x8),
    SF("routinginforemoval", "RoutingInfoRemoval", 0x1),
    SF("epra", "ePRA", 0x2),
    SF("aminfluence", "AMInfluence", 0x4),
    SF("pvssupport", "PvsSupport", 0x8),
    SF("enena", "EneNA", 0x1),
};

/* ---- the parser ------------------------------------------------------------------------------ */

#define MAX_RECURSION 100 /* tvbparse's TVBPARSE_MAX_RECURSION_DEPTH */
#define MAX_PATHS     64  /* open members and arrays: the recursion cap allows about 50 */
/* bytes of path strings ([Path], [Path with value], [Member with value]) made per body: a path
 * repeats its parents' keys in every member below them, so a long key over many members would
 * cost its length times their number; past the budget they are cut (a tree line shows at most
 * 240 characters of them anyway) */
#define PATH_BUDGET (8u << 20)
#define PATH_CUT    256u

enum kind { K_NONE, K_FALSE, K_NULL, K_TRUE, K_NAN, K_OBJECT, K_ARRAY, K_NUMBER, K_STRING };

struct pathent {
    const uint8_t *path, *key;
    uint32_t plen, klen;
};

struct jp {
    const uint8_t *d; /* the body's bytes; offsets below are absolute, as the cursor's */
    int64_t end;      /* captured end of the body */
    int depth;        /* tvbparse's recursion counter, leaks included */
    bool emit;        /* second pass over a value known to match: make the records */
    struct tw_pkt *p;
    uint32_t budget;
    uint32_t npaths;
    struct pathent paths[MAX_PATHS];
};

/* tvbparse's bookkeeping: every sequence, alternative and repetition counts one level */
#define ENTER(j, off)                                                                              \
    do {                                                                                           \
        if ((off) > (j)->end) return -1;                                                           \
        if (++(j)->depth > MAX_RECURSION) return -1;                                               \
    } while (0)
#define FAIL(j)                                                                                    \
    do {                                                                                           \
        (j)->depth--;                                                                              \
        return -1;                                                                                 \
    } while (0)
#define LEAVE(j) ((j)->depth--)

static inline bool is_ws(uint8_t ch)
{
    return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n';
}

static int64_t skip_ws(const struct jp *j, int64_t off)
{
    int64_t o = off;
    while (o < j->end && is_ws(j->d[o])) o++;
    return o - off;
}

static inline bool at(const struct jp *j, int64_t off, uint8_t ch)
{
    return off + 1 <= j->end && j->d[off] == ch;
}

static inline bool is_digit(uint8_t ch)
{
    return ch >= '0' && ch <= '9';
}

/* a run of at least one byte, at most max, all of the class */
static int64_t run(const struct jp *j, int64_t off, int64_t min, int64_t max,
                   bool (*in)(uint8_t))
{
    if (off + min > j->end) return -1;
    int64_t n = 0;
    while (n < max && off + n < j->end && in(j->d[off + n])) n++;
    return n < min ? -1 : n;
}

static bool in_strchar(uint8_t ch)
{
    return ch != '"' && ch != '\\';
}
static bool in_digit(uint8_t ch)
{
    return is_digit(ch);
}
static bool in_digit19(uint8_t ch)
{
    return ch >= '1' && ch <= '9';
}
static bool in_hex(uint8_t ch)
{
    return tw_hexdigit(ch) >= 0;
}
static bool in_simple_esc(uint8_t ch)
{
    return ch && strchr("\"\\/bfnrt", ch) != NULL;
}
static bool in_minus(uint8_t ch)
{
    return ch == '-';
}
static bool in_sign(uint8_t ch)
{
    return ch == '-' || ch == '+';
}

#define HUGE_RUN ((int64_t)0x3fffffff) /* INT_MAX/2: "no maximum" */

/* escape = "\" (one of "\/bfnrt | "u" 4HEXDIG) */
static int64_t p_escape(struct jp *j, int64_t off)
{
    int64_t start = off;
    ENTER(j, off);
    if (!at(j, off, '\\')) FAIL(j);
    off += 1;
    off += skip_ws(j, off);
    /* alternatives */
    {
        int64_t r = -1;
        if (off > j->end || ++j->depth > MAX_RECURSION) FAIL(j);
        r = run(j, off, 1, 1, in_simple_esc);
        if (r < 0) {
            /* "u" followed by four hex digits: a sequence of its own */
            int64_t s2 = off, o2 = off;
            if (o2 <= j->end && ++j->depth <= MAX_RECURSION) {
                if (at(j, o2, 'u')) {
                    o2 += 1;
                    o2 += skip_ws(j, o2);
                    int64_t h = run(j, o2, 4, 4, in_hex);
                    if (h >= 0) {
                        o2 += h;
                        o2 += skip_ws(j, o2);
                        r = o2 - s2;
                    }
                }
                j->depth--;
            }
        }
        j->depth--;
        if (r < 0) FAIL(j);
        off += r;
    }
    off += skip_ws(j, off);
    LEAVE(j);
    return off - start;
}

/* string = quote *(unescaped-run / escape) quote; *tend: just past the closing quote */
static int64_t p_string(struct jp *j, int64_t off, int64_t *tend)
{
    int64_t start = off;
    ENTER(j, off);
    if (!at(j, off, '"')) FAIL(j);
    off += 1;
    off += skip_ws(j, off);
    /* the repetition */
    {
        int64_t s = off;
        if (off > j->end || ++j->depth > MAX_RECURSION) FAIL(j);
        for (;;) {
            if (off > j->end) {
                j->depth--;
                FAIL(j);
            }
            /* one of: a run of plain bytes, an escape */
            int64_t r = -1;
            if (++j->depth > MAX_RECURSION) break;
            r = run(j, off, 1, HUGE_RUN, in_strchar);
            if (r < 0) r = p_escape(j, off);
            j->depth--;
            if (r < 0) break;
            off += r;
        }
        j->depth--;
        (void)s;
    }
    off += skip_ws(j, off);
    if (!at(j, off, '"')) FAIL(j);
    *tend = off + 1;
    off += 1;
    off += skip_ws(j, off);
    LEAVE(j);
    return off - start;
}

/* an optional element (a repetition of at most one): 0 when absent, -1 on the recursion cap */
typedef int64_t (*elem_fn)(struct jp *j, int64_t off, int64_t *tend);

static int64_t p_optional(struct jp *j, int64_t off, elem_fn fn, int64_t *tend)
{
    ENTER(j, off);
    int64_t r = fn(j, off, tend);
    LEAVE(j);
    return r < 0 ? 0 : r;
}

static int64_t e_minus(struct jp *j, int64_t off, int64_t *tend)
{
    int64_t r = run(j, off, 1, 1, in_minus);
    if (r > 0) *tend = off + r;
    return r;
}
static int64_t e_digits(struct jp *j, int64_t off, int64_t *tend)
{
    int64_t r = run(j, off, 1, HUGE_RUN, in_digit);
    if (r > 0) *tend = off + r;
    return r;
}
static int64_t e_sign(struct jp *j, int64_t off, int64_t *tend)
{
    int64_t r = run(j, off, 1, 1, in_sign);
    if (r > 0) *tend = off + r;
    return r;
}

/* frac = "." 1*DIGIT */
static int64_t e_frac(struct jp *j, int64_t off, int64_t *tend)
{
    int64_t start = off;
    ENTER(j, off);
    if (!at(j, off, '.')) FAIL(j);
    off += 1;
    off += skip_ws(j, off);
    int64_t r = e_digits(j, off, tend);
    if (r < 0) FAIL(j);
    off += r;
    off += skip_ws(j, off);
    LEAVE(j);
    return off - start;
}

/* exp = ("e" / "E") [ "-" / "+" ] 1*DIGIT */
static int64_t e_exp(struct jp *j, int64_t off, int64_t *tend)
{
    int64_t start = off;
    ENTER(j, off);
    if (!(at(j, off, 'e') || at(j, off, 'E'))) FAIL(j);
    off += 1;
    off += skip_ws(j, off);
    int64_t r = p_optional(j, off, e_sign, tend);
    if (r < 0) FAIL(j);
    off += r;
    off += skip_ws(j, off);
    r = e_digits(j, off, tend);
    if (r < 0) FAIL(j);
    off += r;
    off += skip_ws(j, off);
    LEAVE(j);
    return off - start;
}

/* int = "0" / digit1-9 *DIGIT */
static int64_t p_int(struct jp *j, int64_t off, int64_t *tend)
{
    ENTER(j, off);
    if (at(j, off, '0')) {
        *tend = off + 1;
        LEAVE(j);
        return 1;
    }
    /* the second alternative, a sequence */
    int64_t start = off, r = -1;
    if (off <= j->end && ++j->depth <= MAX_RECURSION) {
        int64_t o = off;
        if (run(j, o, 1, 1, in_digit19) == 1) {
            *tend = o + 1;
            o += 1;
            o += skip_ws(j, o);
            int64_t q = -1;
            if (o <= j->end && ++j->depth <= MAX_RECURSION) {
                q = e_digits(j, o, tend);
                if (q < 0) q = 0;
                j->depth--;
            }
            if (q >= 0) {
                o += q;
                o += skip_ws(j, o);
                r = o - start;
            }
        }
        j->depth--;
    }
    if (r < 0) FAIL(j);
    LEAVE(j);
    return r;
}

/* number = [ "-" ] int [ frac ] [ exp ] */
static int64_t p_number(struct jp *j, int64_t off, int64_t *tend)
{
    int64_t start = off;
    ENTER(j, off);
    *tend = off;
    int64_t r = p_optional(j, off, e_minus, tend);
    if (r < 0) FAIL(j);
    off += r;
    off += skip_ws(j, off);
    r = p_int(j, off, tend);
    if (r < 0) FAIL(j);
    off += r;
    off += skip_ws(j, off);
    r = p_optional(j, off, e_frac, tend);
    if (r < 0) FAIL(j);
    off += r;
    off += skip_ws(j, off);
    r = p_optional(j, off, e_exp, tend);
    if (r < 0) FAIL(j);
    off += r;
    off += skip_ws(j, off);
    LEAVE(j);
    return off - start;
}

/* ---- records ----------------------------------------------------------------------------------- */

/* Unicode's general categories Control, Format and Unassigned (the ones a code point from an
 * escape is dropped for: GLib's g_unichar_isprint()); surrogates never get here. Unassigned is
 * approximated by the noncharacters and the planes with nothing assigned. */
static bool printable(uint32_t cp)
{
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return false;
    static const uint32_t fmt[][2] = {
        {0x00ad, 0x00ad},   {0x0600, 0x0605},   {0x061c, 0x061c},   {0x06dd, 0x06dd},
        {0x070f, 0x070f},   {0x0890, 0x0891},   {0x08e2, 0x08e2},   {0x180e, 0x180e},
        {0x200b, 0x200f},   {0x202a, 0x202e},   {0x2060, 0x2064},   {0x2066, 0x206f},
        {0xfeff, 0xfeff},   {0xfff9, 0xfffb},   {0x110bd, 0x110bd}, {0x110cd, 0x110cd},
        {0x13430, 0x1343f}, {0x1bca0, 0x1bca3}, {0x1d173, 0x1d17a}, {0xe0001, 0xe0001},
        {0xe0020, 0xe007f},
    };
    for (size_t i = 0; i < TW_ARRAY_LEN(fmt); i++)
        if (cp >= fmt[i][0] && cp <= fmt[i][1]) return false;
    if ((cp & 0xfffe) == 0xfffe || (cp >= 0xfdd0 && cp <= 0xfdef)) return false;
    if (cp >= 0x40000 && cp < 0xe0000) return false;
    if (cp >= 0xf0000) return false; /* private use planes: GLib counts them printable */
    return true;
}

static uint32_t utf8_put(uint8_t *o, uint32_t cp)
{
    if (cp < 0x80) {
        o[0] = (uint8_t)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (uint8_t)(0xc0 | cp >> 6);
        o[1] = (uint8_t)(0x80 | (cp & 0x3f));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (uint8_t)(0xe0 | cp >> 12);
        o[1] = (uint8_t)(0x80 | (cp >> 6 & 0x3f));
        o[2] = (uint8_t)(0x80 | (cp & 0x3f));
        return 3;
    }
    o[0] = (uint8_t)(0xf0 | cp >> 18);
    o[1] = (uint8_t)(0x80 | (cp >> 12 & 0x3f));
    o[2] = (uint8_t)(0x80 | (cp >> 6 & 0x3f));
    o[3] = (uint8_t)(0x80 | (cp & 0x3f));
    return 4;
}

/* GLib's idea of a UTF-8 sequence's length from its first byte (continuation bytes count 1) */
static int lead_len(uint8_t ch)
{
    if (ch >= 0xfe) return -1;
    if (ch >= 0xfc) return 6;
    if (ch >= 0xf8) return 5;
    if (ch >= 0xf0) return 4;
    if (ch >= 0xe0) return 3;
    if (ch >= 0xc0) return 2;
    return 1;
}

static int hexval(const uint8_t *s, uint32_t n, uint32_t *i, uint32_t *v)
{
    /* four hex digits at *i: 1 if all were, 0 if one was not or the string ended (those read
     * are consumed, as tshark consumes them) */
    for (int k = 0; k < 4; k++) {
        if (*i >= n) return 0;
        int x = tw_hexdigit(s[(*i)++]);
        if (x < 0) return 0;
        *v = *v << 4 | (uint32_t)x;
    }
    return 1;
}

/* tshark's JSON string unescaping of n bytes at s into the arena; *outn its length */
static const uint8_t *unescape(struct tw_pkt *p, const uint8_t *s, uint32_t n, uint32_t *outn)
{
    /* the output is never longer than the input: an escape of 6 bytes gives at most 4, a pair
     * of 12 at most 4, U+FFFD (3 bytes) replaces at least "\uXXXX" */
    uint8_t *o = tw_arena_alloc(p->arena, (size_t)n + 1);
    if (!o) {
        *outn = 0;
        return (const uint8_t *)"";
    }
    uint32_t i = 0, k = 0;
    while (i < n) {
        uint8_t ch = s[i];
        if (ch != '\\') {
            int l = lead_len(ch);
            if (l <= 0) break;
            for (int m = 0; m < l && i < n; m++) o[k++] = s[i++];
            continue;
        }
        if (++i >= n) break;
        ch = s[i];
        const char *simple = strchr("\"\\/", ch);
        if (ch && simple) {
            o[k++] = ch;
            i++;
            continue;
        }
        uint8_t c2 = ch == 'b' ? '\b' : ch == 'f' ? '\f' : ch == 'n' ? '\n' : ch == 'r' ? '\r'
                   : ch == 't' ? '\t' : 0;
        if (c2) {
            o[k++] = c2;
            i++;
            continue;
        }
        if (ch != 'u') break; /* the grammar lets only whitespace through here: tshark asserts */
        i++;
        uint32_t cp = 0;
        bool valid = hexval(s, n, &i, &cp) == 1;
        bool stop = false;
        if (cp >= 0xd800 && cp <= 0xdbff) {
            if (i >= n) {
                stop = true;
            } else if (s[i] == '\\') {
                if (++i >= n) {
                    stop = true;
                } else if (s[i] == 'u') {
                    uint32_t lead = cp, trail = 0;
                    i++;
                    if (hexval(s, n, &i, &trail) != 1) valid = false;
                    trail &= 0xffff;
                    if (trail >= 0xdc00 && trail <= 0xdfff)
                        cp = 0x10000 + ((lead - 0xd800) << 10) + (trail - 0xdc00);
                    else
                        valid = false;
                } else {
                    i++;
                    valid = false;
                }
            } else {
                i++;
                valid = false;
            }
        } else if (cp >= 0xdc00 && cp <= 0xdfff) {
            valid = false;
        }
        if (stop) break;
        if (valid) {
            /* tshark copies the character only while its read position is inside the string:
             * an escape that ends the string is lost */
            if (printable(cp) && i < n) k += utf8_put(o + k, cp);
        } else {
            memcpy(o + k, "\xef\xbf\xbd", 3);
            k += 3;
        }
    }
    o[k] = 0;
    *outn = k;
    return o;
}

static const uint8_t *join(struct jp *j, const uint8_t *a, uint32_t an, char sep,
                           const uint8_t *b, uint32_t bn, uint32_t *outn)
{
    uint64_t want = (uint64_t)an + 1 + bn;
    uint64_t cap = want;
    if (j->budget < want) cap = want < PATH_CUT ? want : PATH_CUT;
    else j->budget -= (uint32_t)want;
    uint8_t *o = tw_arena_alloc(j->p->arena, (size_t)cap + 1);
    if (!o) {
        *outn = 0;
        return (const uint8_t *)"";
    }
    uint32_t k = 0;
    for (uint32_t i = 0; i < an && k < cap; i++) o[k++] = a[i];
    if (k < cap) o[k++] = (uint8_t)sep;
    for (uint32_t i = 0; i < bn && k < cap; i++) o[k++] = b[i];
    o[k] = 0;
    *outn = k;
    return o;
}

static int32_t add_none(struct tw_pkt *p, uint16_t hf, int64_t off, int64_t len)
{
    return tw_want(p, hf) ? tw_add_rec(p, hf, (uint32_t)off, (uint32_t)len) : -1;
}

static void add_str(struct jp *j, uint16_t hf, int64_t off, int64_t len, const uint8_t *s,
                    uint32_t n, bool generated)
{
    int32_t r = tw_add_ptr(j->p, hf, (uint32_t)off, (uint32_t)len, s, n);
    if (generated) tw_rec_flags(j->p, r, TW_RF_GENERATED);
}

/* after a scalar value: its path, member and item */
static void emit_value(struct jp *j, enum kind k, int64_t off, int64_t len)
{
    struct tw_pkt *p = j->p;
    if (!tw_want_proto(p, ids.proto)) return;
    const struct pathent *pe = &j->paths[j->npaths - 1];
    uint32_t vn;
    const uint8_t *v;
    if (k == K_STRING)
        v = unescape(p, j->d + off + 1, (uint32_t)len - 2, &vn);
    else
        v = unescape(p, j->d + off, (uint32_t)len, &vn);
    if (tw_want(p, HF(F_PATH_VAL))) {
        uint32_t n;
        const uint8_t *s = join(j, pe->path, pe->plen, ':', v, vn, &n);
        add_str(j, HF(F_PATH_VAL), off, len, s, n, true);
    }
    if (tw_want(p, HF(F_MEMBER_VAL))) {
        uint32_t n;
        const uint8_t *s = join(j, pe->key, pe->klen, ':', v, vn, &n);
        add_str(j, HF(F_MEMBER_VAL), off, len, s, n, true);
    }
    switch (k) {
    case K_STRING: add_str(j, HF(F_STRING), off, len, v, vn, false); break;
    case K_NUMBER: tw_add_ascii(p, HF(F_NUMBER), (uint32_t)off, (uint32_t)len, j->d + off); break;
    case K_FALSE: add_none(p, HF(F_FALSE), off, len); break;
    case K_NULL: add_none(p, HF(F_NULL), off, len); break;
    case K_TRUE: add_none(p, HF(F_TRUE), off, len); break;
    case K_NAN: add_none(p, HF(F_NAN), off, len); break;
    default: break;
    }
}

static bool push_path(struct jp *j, const uint8_t *path, uint32_t plen, const uint8_t *key,
                      uint32_t klen)
{
    if (j->npaths >= MAX_PATHS) return false;
    j->paths[j->npaths++] = (struct pathent){path, key, plen, klen};
    return true;
}

/* a subtree of record r: false if the tree stack was full (nothing to pop then) */
static bool push_tree(struct tw_pkt *p, int32_t r)
{
    uint32_t before = p->ntree;
    tw_tree_push(p, r);
    return p->ntree > before;
}

/* ---- objects, arrays, members, values ------------------------------------------------------ */

static int64_t p_value(struct jp *j, int64_t off, int64_t *tend);

/* object / array: open, [elem *("," elem)], close */
static int64_t p_member(struct jp *j, int64_t off, int64_t *tend);

static int64_t p_container(struct jp *j, int64_t off, int64_t *tend, bool object)
{
    const uint8_t open = object ? '{' : '[', close = object ? '}' : ']';
    elem_fn elem = object ? p_member : p_value;
    int64_t start = off;
    ENTER(j, off);
    if (!at(j, off, open)) FAIL(j);
    struct tw_pkt *p = j->p;
    int32_t rec = -1;
    bool pushed = false, pathed = false;
    if (j->emit) {
        rec = add_none(p, HF(object ? F_OBJECT : F_ARRAY), off, 0);
        pushed = push_tree(p, rec);
        if (!object) {
            const struct pathent *pe = &j->paths[j->npaths - 1];
            uint32_t n = 0;
            const uint8_t *s = pe->path;
            if (tw_want_proto(p, ids.proto)) s = join(j, pe->path, pe->plen, '/',
                                                      (const uint8_t *)"[]", 2, &n);
            pathed = push_path(j, s, n, (const uint8_t *)"[]", 2);
        }
    }
    int64_t t = 0;
    off += 1;
    off += skip_ws(j, off);
    /* [ elem *( "," elem ) ]: a repetition of at most one sequence */
    {
        int64_t s1 = off, r = -1;
        if (off > j->end || ++j->depth > MAX_RECURSION) goto fail;
        /* the sequence elem, *( "," elem ) */
        if (off <= j->end && ++j->depth <= MAX_RECURSION) {
            int64_t o = off;
            int64_t q = elem(j, o, &t);
            if (q >= 0) {
                o += q;
                o += skip_ws(j, o);
                /* *( "," elem ) */
                int64_t s3 = o;
                bool ok = false;
                if (o <= j->end && ++j->depth <= MAX_RECURSION) {
                    ok = true;
                    for (;;) {
                        if (o > j->end) {
                            ok = false;
                            break;
                        }
                        /* "," elem */
                        int64_t s4 = o, o4 = o, q4 = -1;
                        if (o4 <= j->end && ++j->depth <= MAX_RECURSION) {
                            if (at(j, o4, ',')) {
                                o4 += 1;
                                o4 += skip_ws(j, o4);
                                int64_t t4 = 0, e4 = elem(j, o4, &t4);
                                if (e4 >= 0) {
                                    o4 += e4;
                                    o4 += skip_ws(j, o4);
                                    q4 = o4 - s4;
                                }
                            }
                            j->depth--;
                        }
                        if (q4 < 0) break;
                        o += q4;
                    }
                    j->depth--;
                }
                if (ok) {
                    (void)s3;
                    o += skip_ws(j, o);
                    r = o - off;
                }
            }
            j->depth--;
        }
        j->depth--;
        off = s1 + (r < 0 ? 0 : r);
    }
    off += skip_ws(j, off);
    if (!at(j, off, close)) goto fail;
    *tend = off + 1;
    if (j->emit) {
        tw_rec_setlen(p, rec, (uint32_t)(*tend - start));
        if (pathed) j->npaths--;
        if (pushed) tw_tree_pop(p);
    }
    off += 1;
    off += skip_ws(j, off);
    LEAVE(j);
    return off - start;
fail:
    if (pathed) j->npaths--;
    if (pushed) tw_tree_pop(p);
    FAIL(j);
}

/* member = string ":" value */
static int64_t p_member(struct jp *j, int64_t off, int64_t *tend)
{
    int64_t start = off;
    ENTER(j, off);
    int64_t kend = 0;
    int64_t r = p_string(j, off, &kend);
    if (r < 0) FAIL(j);
    struct tw_pkt *p = j->p;
    int32_t rec = -1;
    bool pushed = false, pathed = false;
    const uint8_t *key = NULL;
    uint32_t klen = 0;
    if (j->emit) {
        if (tw_want_proto(p, ids.proto))
            key = unescape(p, j->d + start + 1, (uint32_t)(kend - start - 2), &klen);
        else
            key = (const uint8_t *)"";
        rec = tw_add_ptr(p, HF(F_MEMBER), (uint32_t)start, 0, key, klen);
        pushed = push_tree(p, rec);
        const struct pathent *pe = &j->paths[j->npaths - 1];
        uint32_t n = 0;
        const uint8_t *s = pe->path;
        if (tw_want_proto(p, ids.proto)) s = join(j, pe->path, pe->plen, '/', key, klen, &n);
        pathed = push_path(j, s, n, key, klen);
    }
    off += r;
    off += skip_ws(j, off);
    if (!at(j, off, ':')) goto fail;
    off += 1;
    off += skip_ws(j, off);
    r = p_value(j, off, tend);
    if (r < 0) goto fail;
    off += r;
    off += skip_ws(j, off);
    if (j->emit) {
        tw_rec_setlen(p, rec, (uint32_t)(*tend - start));
        if (tw_want(p, HF(F_KEY)))
            add_str(j, HF(F_KEY), start, kend - start, key, klen, false);
        if (pathed && tw_want(p, HF(F_PATH))) {
            const struct pathent *pe = &j->paths[j->npaths - 1];
            add_str(j, HF(F_PATH), start, *tend - start, pe->path, pe->plen, true);
        }
    }
    if (pathed) j->npaths--;
    if (pushed) tw_tree_pop(p);
    LEAVE(j);
    return off - start;
fail:
    if (pathed) j->npaths--;
    if (pushed) tw_tree_pop(p);
    FAIL(j);
}

static const struct {
    const char *lit;
    uint8_t n;
    enum kind k;
} literals[] = {{"false", 5, K_FALSE}, {"null", 4, K_NULL}, {"true", 4, K_TRUE}, {"NaN", 3, K_NAN}};

/* value = false / null / true / NaN / object / array / number / string (first match wins) */
static int64_t p_value(struct jp *j, int64_t off, int64_t *tend)
{
    ENTER(j, off);
    for (size_t i = 0; i < TW_ARRAY_LEN(literals); i++) {
        if (off + literals[i].n > j->end) continue;
        if (memcmp(j->d + off, literals[i].lit, literals[i].n) == 0) {
            *tend = off + literals[i].n;
            if (j->emit) emit_value(j, literals[i].k, off, literals[i].n);
            LEAVE(j);
            return literals[i].n;
        }
    }
    int64_t r = p_container(j, off, tend, true);
    if (r < 0) r = p_container(j, off, tend, false);
    if (r >= 0) {
        LEAVE(j);
        return r;
    }
    r = p_number(j, off, tend);
    if (r >= 0) {
        if (j->emit) emit_value(j, K_NUMBER, off, *tend - off);
        LEAVE(j);
        return r;
    }
    r = p_string(j, off, tend);
    if (r >= 0) {
        if (j->emit) emit_value(j, K_STRING, off, *tend - off);
        LEAVE(j);
        return r;
    }
    FAIL(j);
}

/* JSON-text = object / array */
static int64_t p_text(struct jp *j, int64_t off)
{
    int64_t t = 0;
    ENTER(j, off);
    int64_t r = p_container(j, off, &t, true);
    if (r < 0) r = p_container(j, off, &t, false);
    if (r < 0) FAIL(j);
    LEAVE(j);
    return r;
}

/* ---- the dissector ----------------------------------------------------------------------------- */

static enum tw_status dissect(struct tw_pkt *p, struct tw_cur *c)
{
    const char *media = tw_media_name_swap(NULL);
    tw_media_name_swap(media);
    if (media && !*media) media = NULL;

    if (p->want_cols && !p->cols_locked) {
        const char *cur = p->col_proto;
        if (!cur && p->nlayers >= 2) {
            const struct tw_proto *prev = tw_proto_get(p->layers[p->nlayers - 2].proto);
            cur = prev ? prev->short_name : NULL;
        }
        if (!cur)
            tw_col_proto(p, "JSON");
        else if (strcmp(cur, "HTTP") == 0)
            tw_col_proto(p, "HTTP/JSON");
        else {
            char *s = tw_arena_printf(p->arena, "%s/JSON", cur);
            if (s) tw_col_proto(p, s);
        }
        if (p->info.len) tw_info_add(p, ", ");
        tw_info_add(p, "JavaScript Object Notation");
    }
    if (media) tw_layer_label(p, "JavaScript Object Notation: %s", media);

    uint32_t cap = c->cap < c->end ? c->cap : c->end;
    struct jp j = {
        .d = c->data,
        .end = cap,
        .p = p,
        .budget = PATH_BUDGET,
    };
    j.paths[0] = (struct pathent){(const uint8_t *)"", (const uint8_t *)"", 0, 0};
    j.npaths = 1;

    int64_t off = c->off;
    for (;;) {
        int64_t o = off + skip_ws(&j, off);
        int depth = j.depth;
        j.emit = false;
        int64_t r = p_text(&j, o);
        if (r < 0) break;
        j.depth = depth;
        j.emit = true;
        uint32_t ntree = p->ntree;
        p_text(&j, o);
        p->ntree = ntree;
        off = o + r;
    }
    tw_layer_setlen(p, (uint32_t)(off - c->off));

    if ((uint32_t)off < c->end) {
        struct tw_cur rest = *c;
        rest.off = (uint32_t)off;
        uint32_t saved = p->ntree;
        uint32_t k = tw_media_key("text/plain", 10);
        tw_dissect_here(p, TW_TBL_MEDIA_TYPE, 1, &k, rest);
        p->ntree = saved;
    } else if (media && p->want_cols && !p->cols_locked) {
        if (p->info.len) tw_info_add(p, " ");
        tw_info_printf(p, "(%s)", media);
    }
    c->off = c->end;
    return TW_OK;
}

static const struct tw_binding bindings[] = {
    {TW_TBL_MEDIA_TYPE, 0x69e8e6a8u}, /* application/json */
    {TW_TBL_MEDIA_TYPE, 0x1fba7d40u}, /* application/senml+json */
    {TW_TBL_MEDIA_TYPE, 0x48b97f77u}, /* application/sensml+json */
    {TW_TBL_MEDIA_TYPE, 0xbf877bf2u}, /* application/json-rpc */
    {TW_TBL_MEDIA_TYPE, 0x64a44ed9u}, /* application/jsonrequest */
    {TW_TBL_MEDIA_TYPE, 0x18c74427u}, /* application/dds-web+json */
    {TW_TBL_MEDIA_TYPE, 0x2e1b8a0bu}, /* application/vnd.oma.lwm2m+json */
    {TW_TBL_MEDIA_TYPE, 0x0a9621b4u}, /* application/problem+json */
    {TW_TBL_MEDIA_TYPE, 0x4a39fbdcu}, /* application/merge-patch+json */
    {TW_TBL_MEDIA_TYPE, 0x9771e0fau}, /* application/json-patch+json */
    {TW_TBL_MEDIA_TYPE, 0xd2aae055u}, /* application/x-ndjson */
};

const struct tw_proto tw_proto_json = {
    .abbrev = "json",
    .name = "JavaScript Object Notation",
    .short_name = "JSON",
    .fields = fields,
    .nfields = TW_ARRAY_LEN(fields),
    .bindings = bindings,
    .nbindings = TW_ARRAY_LEN(bindings),
    .dissect = dissect,
    .ids = &ids,
    .flags = TW_PROTO_NO_COLUMN,
};
