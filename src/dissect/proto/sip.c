/* Session Initiation Protocol (RFC 3261) over UDP and TCP: port 5060 and tshark's heuristic (a
 * request line "METHOD URI SIP/2.0" or a status line "SIP/2.0 NNN", any port); over TCP each
 * message is reassembled to its Content-Length. Shown: the request or status line
 * (sip.Request-Line, sip.Method, sip.r-uri, sip.Status-Line, sip.Status-Code), the message header
 * with one item per header line (the headers below by their tshark field names, CSeq's number
 * and method), and the body, handed by its Content-Type to the media type table under the
 * "Message Body" item (application/sdp: SDP). The media conversations an SDP body announces are
 * set up by sdpconv.c (called by UDP, and here for SIP over TCP). Not done: the URI/address
 * sub-fields (sip.r-uri.user, sip.from.addr ...), sip.resend, multipart bodies. */
#include "../dissect.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

static struct tw_proto_ids ids;
#define HF(x) ((uint16_t)(ids.base + (x)))

enum {
    F_REQ_LINE,
    F_METHOD,
    F_RURI,
    F_STATUS_LINE,
    F_STATUS_CODE,
    F_MSG_HDR,
    F_MSG_BODY,
    F_CSEQ_SEQ,
    F_CSEQ_METHOD,
    F_H_FIRST,
};

/* headers with their own field (name, compact form) */
static const struct {
    const char *name, *compact;
} hdrs[] = {
    {"Via", "v"},
    {"From", "f"},
    {"To", "t"},
    {"Call-ID", "i"},
    {"CSeq", NULL},
    {"Contact", "m"},
    {"Content-Type", "c"},
    {"Content-Length", "l"},
    {"Max-Forwards", NULL},
    {"Allow", NULL},
    {"Supported", "k"},
    {"User-Agent", NULL},
    {"Server", NULL},
    {"Record-Route", NULL},
    {"Route", NULL},
    {"Expires", NULL},
    {"Session-Expires", "x"},
    {"Min-SE", NULL},
    {"Accept", NULL},
    {"Accept-Contact", "a"},
    {"P-Asserted-Identity", NULL},
    {"Require", NULL},
    {"Event", "o"},
    {"Subject", "s"},
    {"Authorization", NULL},
    {"WWW-Authenticate", NULL},
    {"Proxy-Authenticate", NULL},
    {"Proxy-Authorization", NULL},
    {"Session-ID", NULL},
    {"Reason", NULL},
};
#define NHDRS   (sizeof hdrs / sizeof hdrs[0])
#define F_COUNT (F_H_FIRST + (int)NHDRS)

#define HDR(abbrev, name)                                                                          \
    {                                                                                              \
        "sip." abbrev, name, TW_FT_STRING, TW_BASE_NONE                                            \
    }
static const struct tw_field_def fields[] = {
    [F_REQ_LINE] = {"sip.Request-Line", "Request-Line", TW_FT_STRING, TW_BASE_NONE},
    [F_METHOD] = {"sip.Method", "Method", TW_FT_STRING, TW_BASE_NONE},
    [F_RURI] = {"sip.r-uri", "Request-URI", TW_FT_STRING, TW_BASE_NONE},
    [F_STATUS_LINE] = {"sip.Status-Line", "Status-Line", TW_FT_STRING, TW_BASE_NONE},
    [F_STATUS_CODE] = {"sip.Status-Code", "Status-Code", TW_FT_UINT32, TW_BASE_DEC},
    [F_MSG_HDR] = {"sip.msg_hdr", "Message Header", TW_FT_STRING, TW_BASE_NONE},
    [F_MSG_BODY] = {"sip.msg_body", "Message Body", TW_FT_NONE, TW_BASE_NONE},
    [F_CSEQ_SEQ] = {"sip.CSeq.seq", "Sequence Number", TW_FT_UINT32, TW_BASE_DEC},
    [F_CSEQ_METHOD] = {"sip.CSeq.method", "Method", TW_FT_STRING, TW_BASE_NONE},
    HDR("Via", "Via"),
    HDR("From", "From"),
    HDR("To", "To"),
    HDR("Call-ID", "Call-ID"),
    HDR("CSeq", "CSeq"),
    HDR("Contact", "Contact"),
    HDR("Content-Type", "Content-Type"),
    {"sip.Content-Length", "Content-Length", TW_FT_UINT32, TW_BASE_DEC},
    {"sip.Max-Forwards", "Max-Forwards", TW_FT_UINT32, TW_BASE_DEC},
    HDR("Allow", "Allow"),
    HDR("Supported", "Supported"),
    HDR("User-Agent", "User-Agent"),
    HDR("Server", "Server"),
    HDR("Record-Route", "Record-Route"),
    HDR("Route", "Route"),
    {"sip.Expires", "Expires", TW_FT_UINT32, TW_BASE_DEC},
    HDR("Session-Expires", "Session-Expires"),
    HDR("Min-SE", "Min-Se"),
    HDR("Accept", "Accept"),
    HDR("Accept-Contact", "Accept-Contact"),
    HDR("P-Asserted-Identity", "P-Asserted-Identity"),
    HDR("Require", "Require"),
    HDR("Event", "Event"),
    HDR("Subject", "Subject"),
    HDR("Authorization", "Authorization"),
    HDR("WWW-Authenticate", "WWW-Authenticate"),
    HDR("Proxy-Authenticate", "Proxy-Authenticate"),
    HDR("Proxy-Authorization", "Proxy-Authorization"),
    HDR("Session-ID", "Session-ID"),
    HDR("Reason", "Reason"),
};
_Static_assert(sizeof fields / sizeof fields[0] == F_COUNT, "one field per header");

static bool is_token_char(uint8_t c)
{
    return c > 0x20 && c < 0x7f && !strchr("()<>@,;:\\\"/[]?={}", c);
}

/* the first line: 1 request, 2 status, 0 neither; *mlen the method's length */
static int first_line(const uint8_t *l, uint32_t n, uint32_t *mlen)
{
    if (n >= 12 && memcmp(l, "SIP/2.0 ", 8) == 0 && l[8] >= '0' && l[8] <= '9' && l[9] >= '0' &&
        l[9] <= '9' && l[10] >= '0' && l[10] <= '9')
        return 2;
    uint32_t i = 0;
    while (i < n && is_token_char(l[i])) i++;
    if (i == 0 || i >= n || l[i] != ' ') return 0;
    if (n >= i + 1 + 8 && memcmp(l + n - 8, " SIP/2.0", 8) == 0 && n - 8 > i + 1) {
        *mlen = i;
        return 1;
    }
    return 0;
}

/* the line at o: its length without CR/LF, *next the offset after it */
static uint32_t line_at(const uint8_t *d, uint32_t o, uint32_t end, uint32_t *next)
{
    const uint8_t *e = memchr(d + o, '\n', end - o);
    uint32_t len = e ? (uint32_t)(e - (d + o)) : end - o;
    *next = e ? o + len + 1 : end;
    if (len && d[o + len - 1] == '\r') len--;
    return len;
}

static bool sip_heur(struct tw_pkt *p, const struct tw_cur *c)
{
    (void)p;
    uint32_t avail = tw_cur_avail(c), next, ml;
    if (avail < 12) return false;
    uint32_t n = line_at(c->data, c->off, c->off + avail, &next);
    return first_line(c->data + c->off, n, &ml) != 0;
}

/* Contact values: how many contacts, how many with an expires=0 parameter, a "*" */
struct contacts {
    uint32_t n, exp0;
    bool star;
};

static void count_contacts(const uint8_t *v, uint32_t vn, struct contacts *ct)
{
    uint32_t i = 0;
    while (i < vn) {
        while (i < vn && (v[i] == ' ' || v[i] == '\t' || v[i] == ',')) i++;
        if (i >= vn) break;
        uint32_t s = i;
        bool q = false, a = false;
        while (i < vn && (q || a || v[i] != ',')) {
            if (v[i] == '"')
                q = !q;
            else if (!q && v[i] == '<')
                a = true;
            else if (!q && v[i] == '>')
                a = false;
            i++;
        }
        if (i - s == 1 && v[s] == '*') {
            ct->star = true;
            continue;
        }
        ct->n++;
        /* an expires parameter after the address (outside <>) */
        const uint8_t *gt = memchr(v + s, '>', i - s);
        uint32_t ps = gt ? (uint32_t)(gt - v) : s;
        for (uint32_t k = ps; k + 9 <= i; k++)
            if (v[k] == ';' && strncasecmp((const char *)v + k + 1, "expires=", 8) == 0) {
                uint32_t x = k + 9, val = 0;
                bool digits = false;
                while (x < i && v[x] >= '0' && v[x] <= '9')
                    val = val * 10 + (uint32_t)(v[x++] - '0'), digits = true;
                if (digits && val == 0) ct->exp0++;
                break;
            }
    }
}

static uint32_t dissect_msg(struct tw_pkt *p, struct tw_cur *c, uint32_t start, uint32_t end,
                            int kind, uint32_t mlen, uint32_t n, uint32_t next)
{
    const uint8_t *d = c->data;
    const uint8_t *l = d + start;
    char method[64] = "";
    uint32_t code = 0;
    if (kind == 1) {
        snprintf(method, sizeof method, "%.*s", (int)mlen, (const char *)l);
        tw_add_ascii(p, HF(F_REQ_LINE), start, n, l);
        tw_tree_push(p, p->nrecs ? (int32_t)p->nrecs - 1 : -1);
        tw_add_ascii(p, HF(F_METHOD), start, mlen, l);
        tw_add_ascii(p, HF(F_RURI), start + mlen + 1, n - mlen - 1 - 8, l + mlen + 1);
        tw_tree_pop(p);
        tw_layer_label(p, "Session Initiation Protocol (%s)", method);
    } else {
        code = (uint32_t)(l[8] - '0') * 100 + (uint32_t)(l[9] - '0') * 10 + (uint32_t)(l[10] - '0');
        tw_add_ascii(p, HF(F_STATUS_LINE), start, n, l);
        tw_tree_push(p, p->nrecs ? (int32_t)p->nrecs - 1 : -1);
        tw_add_uint(p, HF(F_STATUS_CODE), start + 8, 3, code);
        tw_tree_pop(p);
        tw_layer_label(p, "Session Initiation Protocol (%u)", code);
    }
    /* headers */
    uint32_t o = next, hstart = next;
    int32_t hr = -1;
    if (tw_want(p, HF(F_MSG_HDR))) {
        hr = tw_add_ptr(p, HF(F_MSG_HDR), o, 0, d + o, 0);
        tw_rec_label(p, hr, "Message Header");
    }
    tw_tree_push(p, hr);
    const uint8_t *ctype = NULL;
    uint32_t ctype_n = 0;
    int64_t clen = -1;
    char cseq_method[64] = "";
    bool blank = false;
    struct contacts ct = {0, 0, false};
    int64_t expires = -1;
    while (o < end) {
        uint32_t ln = line_at(d, o, end, &next);
        if (ln == 0) {
            blank = true;
            o = next;
            break;
        }
        const uint8_t *h = d + o;
        const uint8_t *colon = memchr(h, ':', ln);
        if (colon) {
            uint32_t nl = (uint32_t)(colon - h);
            while (nl && (h[nl - 1] == ' ' || h[nl - 1] == '\t')) nl--;
            uint32_t vo = (uint32_t)(colon - h) + 1;
            while (vo < ln && (h[vo] == ' ' || h[vo] == '\t')) vo++;
            const uint8_t *v = h + vo;
            uint32_t vn = ln - vo;
            int which = -1;
            for (uint32_t i = 0; i < NHDRS; i++) {
                if ((strlen(hdrs[i].name) == nl &&
                     strncasecmp((const char *)h, hdrs[i].name, nl) == 0) ||
                    (hdrs[i].compact && nl == 1 && (h[0] | 0x20) == hdrs[i].compact[0])) {
                    which = (int)i;
                    break;
                }
            }
            if (which >= 0) {
                uint16_t hf = HF(F_H_FIRST + which);
                const char *nm = hdrs[which].name;
                int32_t r;
                if (fields[F_H_FIRST + which].type == TW_FT_UINT32) {
                    uint32_t x = 0;
                    for (uint32_t k = 0; k < vn && v[k] >= '0' && v[k] <= '9'; k++)
                        x = x * 10 + (uint32_t)(v[k] - '0');
                    r = tw_add_uint(p, hf, o, ln, x);
                    if (strcmp(nm, "Content-Length") == 0) clen = x;
                    if (strcmp(nm, "Expires") == 0) expires = x;
                } else {
                    r = tw_add_ascii(p, hf, o, vn, v);
                    tw_rec_setlen(p, r, ln);
                }
                if (strcmp(nm, "Contact") == 0) count_contacts(v, vn, &ct);
                if (strcmp(nm, "Content-Type") == 0) {
                    ctype = v;
                    ctype_n = vn;
                } else if (strcmp(nm, "CSeq") == 0) {
                    uint32_t k = 0, x = 0;
                    while (k < vn && v[k] >= '0' && v[k] <= '9')
                        x = x * 10 + (uint32_t)(v[k++] - '0');
                    uint32_t ke = k;
                    while (k < vn && v[k] == ' ') k++;
                    tw_tree_push(p, r);
                    tw_add_uint(p, HF(F_CSEQ_SEQ), o + vo, ke, x);
                    tw_add_ascii(p, HF(F_CSEQ_METHOD), o + vo + k, vn - k, v + k);
                    tw_tree_pop(p);
                    snprintf(cseq_method, sizeof cseq_method, "%.*s", (int)(vn - k),
                             (const char *)v + k);
                }
            } else {
                tw_add_text(p, o, ln, "%.*s", (int)ln, (const char *)h);
            }
        }
        o = next;
    }
    if (hr >= 0) {
        /* tshark's item runs to the end of the message, body included */
        p->recs[hr].len = end - hstart;
        p->recs[hr].v.b.n = end - hstart;
    }
    /* the message's end: Content-Length after the blank line (all the rest without one) */
    uint32_t mend = end;
    if (blank && clen >= 0 && (uint64_t)o + (uint64_t)clen < end) mend = o + (uint32_t)clen;
    end = mend;
    tw_tree_pop(p);
    if (kind == 1)
        tw_info_printf(p, "Request: %.*s", (int)n - 8, (const char *)l);
    else if (code >= 200 && code < 300 && cseq_method[0])
        tw_info_printf(p, "Status: %.*s (%s)", (int)n - 8, (const char *)l + 8, cseq_method);
    else
        tw_info_printf(p, "Status: %.*s", (int)n - 8, (const char *)l + 8);
    /* REGISTER and its 2xx answers: what happens to the bindings */
    if ((kind == 1 && strcmp(method, "REGISTER") == 0) ||
        (kind == 2 && code >= 200 && code < 300 && strcmp(cseq_method, "REGISTER") == 0)) {
        uint32_t rm = ct.exp0 + (expires == 0 ? ct.n : 0); /* as tshark counts */
        if (ct.star && expires == 0)
            tw_info_printf(p, "  (remove all bindings)");
        else if (ct.n == 0)
            tw_info_printf(p, "  (fetch bindings)");
        else if (rm)
            tw_info_printf(p, "  (%s %u binding%s)", kind == 1 ? "remove" : "removed", rm,
                           rm == 1 ? "" : "s");
        else
            tw_info_printf(p, "  (%u binding%s)", ct.n, ct.n == 1 ? "" : "s");
    }
    tw_info_printf(p, " | ");
    if (blank && o < end && ctype) {
        uint32_t blen = end - o;
        if (clen >= 0 && (uint64_t)clen < blen) blen = (uint32_t)clen;
        int32_t br = tw_want(p, HF(F_MSG_BODY)) ? tw_add_rec(p, HF(F_MSG_BODY), o, blen) : -1;
        tw_tree_push(p, br);
        struct tw_cur b = *c;
        b.off = o;
        b.end = o + blen;
        if (b.cap > b.end) b.cap = b.end;
        uint32_t key = tw_media_key((const char *)ctype, ctype_n);
        /* the media type's name (no parameters) for the body's protocol to show */
        char mname[128];
        uint32_t mn = 0;
        while (mn < ctype_n && mn + 1 < sizeof mname && ctype[mn] != ';') {
            uint8_t ch = ctype[mn];
            mname[mn++] = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
        }
        while (mn && (mname[mn - 1] == ' ' || mname[mn - 1] == '\t')) mn--;
        mname[mn] = 0;
        const char *saved = tw_media_name_swap(mname);
        tw_dissect_under(p, TW_TBL_MEDIA_TYPE, 1, &key, b);
        tw_media_name_swap(saved);
        tw_tree_pop(p);
    }
    return end - start;
}

/* over TCP: where the message at `start` ends (headers, blank line, Content-Length bytes), 0
 * when its headers are not complete in [start, end) */
static uint32_t tcp_msg_len(const uint8_t *d, uint32_t start, uint32_t end, bool *has_len)
{
    uint32_t o = start, next;
    int64_t clen = -1;
    *has_len = false;
    line_at(d, o, end, &next);
    o = next;
    while (o < end) {
        uint32_t ln = line_at(d, o, end, &next);
        if (next == end && d[end - 1] != '\n') return 0; /* a line cut by the segment */
        if (ln == 0) {
            if (clen >= 0) *has_len = true;
            return next - start + (clen > 0 ? (uint32_t)clen : 0);
        }
        const uint8_t *h = d + o;
        if ((ln > 15 && strncasecmp((const char *)h, "Content-Length:", 15) == 0) ||
            (ln > 2 && (h[0] | 0x20) == 'l' && (h[1] == ':' || h[1] == ' '))) {
            const uint8_t *colon = memchr(h, ':', ln);
            uint32_t k = colon ? (uint32_t)(colon - h) + 1 : ln, x = 0;
            while (k < ln && (h[k] == ' ' || h[k] == '\t')) k++;
            while (k < ln && h[k] >= '0' && h[k] <= '9' && x < 100000000u)
                x = x * 10 + (uint32_t)(h[k++] - '0');
            clen = x;
        }
        o = next;
    }
    return 0;
}

static enum tw_status dissect(struct tw_pkt *p, struct tw_cur *c)
{
    const uint32_t start = c->off, end = c->off + tw_cur_avail(c);
    const uint8_t *d = c->data;
    uint32_t next, mlen = 0;
    uint32_t n = line_at(d, start, end, &next);
    int kind = first_line(d + start, n, &mlen);
    if (!kind) {
        /* not SIP (a keep-alive of blanks on 5060): tshark's SIP refuses it */
        tw_layer_unrecord(p);
        tw_layer_hide(p);
        tw_next(p, TW_TBL_NAME, TW_KEY_DATA, *c);
        return TW_OK;
    }
    bool tcp = p->via_table == TW_TBL_TCP_PORT;
    if (!tcp) {
        if (!p->cols_locked) tw_col_proto(p, "SIP");
        tw_info_clear(p);
        dissect_msg(p, c, start, end, kind, mlen, n, next);
        c->off = c->end;
        return TW_OK;
    }
    /* SIP over TCP: one message after the other, each reassembled to its Content-Length */
    uint32_t o = start, ntree = p->ntree ? p->ntree - 1 : 0; /* where the item hangs */
    for (bool first = true; o < end; first = false) {
        bool has_len;
        uint32_t len = tcp_msg_len(d, o, end, &has_len);
        if (tw_can_desegment(p) && (len == 0 || o + len > end)) {
            tw_deseg_request(p, o, len == 0 ? TW_DESEG_ONE_MORE_SEGMENT : o + len - end);
            if (first) {
                tw_layer_unrecord(p);
                tw_layer_hide(p);
            }
            break;
        }
        if (len == 0 || o + len > end) len = end - o;
        n = line_at(d, o, end, &next);
        kind = first_line(d + o, n, &mlen);
        if (!kind) break;
        if (first) {
            if (!p->cols_locked) tw_col_proto(p, "SIP");
            tw_info_clear(p);
        } else {
            tw_layer_next_item(p, ids.field, o, len, ntree);
        }
        tw_layer_setlen(p, len);
        /* its SDP sets up UDP media too (UDP does this for SIP over UDP) */
        if (!p->ctx.in_error_pkt) tw_sdp_conv_setup(d + o, len, p->ctx.srcport, p->ctx.dstport);
        dissect_msg(p, c, o, o + len, kind, mlen, n, next);
        o += len;
    }
    c->off = c->end;
    return TW_OK;
}

static const struct tw_binding bindings[] = {{TW_TBL_UDP_PORT, 5060}, {TW_TBL_TCP_PORT, 5060}};

const struct tw_proto tw_proto_sip = {
    .abbrev = "sip",
    .name = "Session Initiation Protocol",
    .short_name = "SIP",
    .fields = fields,
    .nfields = F_COUNT,
    .bindings = bindings,
    .nbindings = TW_ARRAY_LEN(bindings),
    .dissect = dissect,
    .ids = &ids,
    .heur = sip_heur,
    .heur_tables = {TW_TBL_UDP_PORT, TW_TBL_TCP_PORT},
    .flags = TW_PROTO_NO_COLUMN, /* set by the dissector: a refused datagram keeps UDP's */
};
