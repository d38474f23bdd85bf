/* IMAP (RFC 3501) on TCP 143, as tshark 4.0 shows it: every line an imap.line; a tagged line
 * (not "*") split into tag, command (or status) and, for some commands, the folder or the LOGIN
 * credentials; untagged lines are shown whole, except a FETCH response carrying a literal
 * ("{n}"), whose n bytes go to IMF. Lines are asked of TCP whole, and a FETCH response until its
 * closing parenthesis. Info is the first tagged line ("Request: "/"Response: "). A response
 * names the last request with its tag (imap.response_to, imap.time). After an OK to STARTTLS,
 * or when one of the first two segments of a connection is not printable text (TLS that began
 * before the capture), the connection is TLS's. */
#include "../dissect.h"
#include "textline.h"

#include <string.h>

static struct tw_proto_ids ids;

enum {
    F_ISREQUEST,
    F_LINE,
    F_REQUEST,
    F_REQUEST_TAG,
    F_RESPONSE,
    F_RESPONSE_TAG,
    F_REQUEST_COMMAND,
    F_RESPONSE_COMMAND,
    F_RESPONSE_STATUS,
    F_TAG,
    F_COMMAND,
    F_REQUEST_FOLDER,
    F_REQUEST_UID,
    F_REQUEST_USERNAME,
    F_REQUEST_PASSWORD,
    F_RESPONSE_IN,
    F_RESPONSE_TO,
    F_TIME,
    F_COUNT
};

static const struct tw_field_def fields[F_COUNT] = {
    [F_ISREQUEST] = {"imap.isrequest", "Request", TW_FT_BOOLEAN, 0, 0, NULL, NULL, NULL,
                     "TRUE if IMAP request, FALSE otherwise"},
    [F_LINE] = {"imap.line", "Line", TW_FT_STRINGZ, 0, 0, NULL, NULL, NULL,
                "A line of an IMAP message"},
    [F_REQUEST] = {"imap.request", "Request", TW_FT_STRINGZ, 0, 0, NULL, NULL, NULL,
                   "Remainder of request line"},
    [F_REQUEST_TAG] = {"imap.request_tag", "Request Tag", TW_FT_STRINGZ, 0, 0, NULL, NULL, NULL,
                       "First token of request line"},
    [F_RESPONSE] = {"imap.response", "Response", TW_FT_STRINGZ, 0, 0, NULL, NULL, NULL,
                    "Remainder of response line"},
    [F_RESPONSE_TAG] = {"imap.response_tag", "Response Tag", TW_FT_STRINGZ, 0, 0, NULL, NULL, NULL,
                        "First token of response line"},
    [F_REQUEST_COMMAND] = {"imap.request.command", "Request Command", TW_FT_STRINGZ, 0, 0, NULL,
                           NULL, NULL, "Request command name"},
    [F_RESPONSE_COMMAND] = {"imap.response.command", "Response Command", TW_FT_STRINGZ, 0, 0, NULL,
                            NULL, NULL, "Response command name"},
    [F_RESPONSE_STATUS] = {"imap.response.status", "Response Status", TW_FT_STRINGZ, 0, 0, NULL,
                           NULL, NULL, "Response status code"},
    [F_TAG] = {"imap.tag", "Tag", TW_FT_STRINGZ, 0, 0, NULL, NULL, NULL, "First token of line"},
    [F_COMMAND] = {"imap.command", "Command", TW_FT_STRINGZ, 0, 0, NULL, NULL, NULL,
                   "Request or Response command name"},
    [F_REQUEST_FOLDER] = {"imap.request.folder", "Request Folder", TW_FT_STRINGZ, 0, 0, NULL, NULL,
                          NULL, "Request command folder"},
    [F_REQUEST_UID] = {"imap.request.command.uid", "Request isUID", TW_FT_BOOLEAN, 0, 0, NULL, NULL,
                       NULL, "Request command uid"},
    [F_REQUEST_USERNAME] = {"imap.request.username", "Request Username", TW_FT_STRINGZ, 0, 0, NULL,
                            NULL, NULL, "Request command username"},
    [F_REQUEST_PASSWORD] = {"imap.request.password", "Request Password", TW_FT_STRINGZ, 0, 0, NULL,
                            NULL, NULL, "Request command password"},
    [F_RESPONSE_IN] = {"imap.response_in", "Response In", TW_FT_FRAMENUM, 0, 0, NULL, NULL, NULL,
                       "The response to this IMAP request is in this frame"},
    [F_RESPONSE_TO] = {"imap.response_to", "Request In", TW_FT_FRAMENUM, 0, 0, NULL, NULL, NULL,
                       "This is a response to the IMAP request in this frame"},
    [F_TIME] = {"imap.time", "Response Time", TW_FT_RELATIVE_TIME, 0, 0, NULL, NULL, NULL,
                "The time between the request and response"},
};
#define HF(x)        ((uint16_t)(ids.base + (x)))
#define MEDIA_RFC822 0xf1af421au /* tw_media_key("message/rfc822") */

struct conv {
    bool inited;
    bool ssl_requested;
    int8_t heur_tries;
    uint32_t tls_from; /* the first TLS frame, 0 = none */
};
struct req {
    uint32_t frame;
    struct tw_time ts;
};
static struct tw_state *conv_tab, *req_tab;

static void imap_init(void)
{
    conv_tab = tw_state_open("imap.conv", sizeof(struct conv), 4096, NULL);
    req_tab = tw_state_open("imap.req", sizeof(struct req), 16384, NULL);
}

static uint16_t match_port(const struct tw_pkt *p)
{
    uint16_t lo = TW_MIN(p->ctx.srcport, p->ctx.dstport);
    uint16_t hi = TW_MAX(p->ctx.srcport, p->ctx.dstport);
    return tw_dispatch_find(TW_TBL_TCP_PORT, lo) == (int)ids.proto ? lo : hi;
}

/* tvb_get_token_len(): the token at off ends at a blank, CR or LF (or the end); *next skips the
 * blanks after it */
static uint32_t token_len(const uint8_t *d, uint32_t off, int64_t len, uint32_t *next)
{
    if (len < 0) len = 0;
    uint32_t e = off + (uint32_t)len, i = off;
    while (i < e && d[i] != ' ' && d[i] != '\r' && d[i] != '\n') i++;
    uint32_t n = i - off;
    if (i < e)
        while (i < e && d[i] == ' ') i++;
    if (next) *next = i;
    return n;
}

/* strncmp(lower-cased token, word, n) == 0: the token's first n characters match the word's
 * (a shorter token matches a word it begins) */
static bool prefix_of(const uint8_t *tok, uint32_t n, const char *word)
{
    size_t wl = strlen(word);
    if (n > wl + 1) n = (uint32_t)wl + 1;
    for (uint32_t i = 0; i < n; i++) {
        uint8_t c = tok[i];
        if (c >= 'A' && c <= 'Z') c = (uint8_t)(c + 32);
        if (i == wl) return false; /* the word's NUL against a character */
        if (c != (uint8_t)word[i]) return false;
    }
    return true;
}

static int32_t add_str(struct tw_pkt *p, uint16_t hf, const uint8_t *d, uint32_t off, uint32_t n)
{
    return tw_add_ascii(p, hf, off, n, d + off);
}

static int64_t find_u8(const uint8_t *d, uint32_t off, uint32_t end, uint8_t ch)
{
    const uint8_t *f = off < end ? memchr(d + off, ch, end - off) : NULL;
    return f ? f - d : -1;
}

static void match_request(struct tw_pkt *p, const uint8_t *tag, uint32_t n, bool request)
{
    uint8_t k[TW_STATE_KEY_MAX];
    size_t kl = tw_conv_key(p, p->ctx.srcport, p->ctx.dstport, k, NULL);
    if (!kl || kl + 8 > sizeof k) return;
    uint64_t h = 1469598103934665603ull;
    for (uint32_t i = 0; i < n; i++) {
        uint8_t c = tag[i];
        if (c >= 'A' && c <= 'Z') c = (uint8_t)(c + 32);
        h = (h ^ c) * 1099511628211ull;
    }
    memcpy(k + kl, &h, 8);
    kl += 8;
    if (request) {
        struct req *r = tw_state_put(req_tab, k, kl, NULL);
        if (r) {
            r->frame = (uint32_t)p->frame->recno;
            r->ts = p->frame->ts;
        }
        return;
    }
    struct req *r = tw_state_get(req_tab, k, kl);
    if (!r || !r->frame) return;
    int32_t rec = tw_add_uint(p, HF(F_RESPONSE_TO), 0, 0, r->frame);
    tw_rec_flags(p, rec, TW_RF_GENERATED);
    rec = tw_add_time(p, HF(F_TIME), 0, 0, tw_time_sub(p->frame->ts, r->ts));
    tw_rec_flags(p, rec, TW_RF_GENERATED);
}

static void hide(struct tw_pkt *p)
{
    tw_layer_unrecord(p);
    tw_layer_hide(p);
}

static void to_tls(struct tw_pkt *p, struct tw_cur *c)
{
    hide(p);
    p->ctx.starttls_app = "Internet Message Access Protocol";
    if (tw_can_desegment(p)) p->deseg.layer = p->nlayers; /* TLS may ask TCP for more */
    tw_next(p, TW_TBL_TCP_PORT, 443, *c);
}

static enum tw_status dissect_imap(struct tw_pkt *p, struct tw_cur *c)
{
    struct conv *cv = tw_conv_state(conv_tab, p);
    struct conv scratch = {0};
    if (!cv) cv = &scratch;
    if (!cv->inited) {
        cv->inited = true;
        cv->heur_tries = 2; /* tshark's imap.ssl_heuristic */
    }
    if (cv->tls_from && (uint32_t)p->frame->recno >= cv->tls_from) {
        to_tls(p, c);
        return TW_OK;
    }
    const uint8_t *d = c->data;
    const uint32_t base = c->off, end = TW_MIN(c->end, c->cap);
    if (cv->heur_tries > 0) {
        cv->heur_tries--;
        if (end - base >= 5) {
            bool print = true;
            for (uint32_t i = 0; i < 5; i++)
                if (d[base + i] < 0x20 || d[base + i] > 0x7e) print = false;
            if (!print) {
                /* ssl_starttls_post_ack(): TLS from this frame on */
                cv->tls_from = (uint32_t)p->frame->recno;
                cv->heur_tries = 0;
                to_tls(p, c);
                return TW_OK;
            }
        }
    }
    tw_col_proto(p, "IMAP");
    const bool request = p->ctx.dstport == match_port(p);
    uint32_t next;
    int64_t linelen = tl_line_end(d, base, end, &next, true);
    if (linelen < 0) {
        if (tw_can_desegment(p)) {
            hide(p);
            tw_deseg_request(p, base, TW_DESEG_ONE_MORE_SEGMENT);
        } else {
            tw_layer_unrecord(p);
            tw_layer_itemless(p);
        }
        c->off = c->end;
        return TW_OK;
    }
    int32_t r = tw_add_uint(p, HF(F_ISREQUEST), 0, 0, request);
    tw_rec_flags(p, r, TW_RF_HIDDEN);
    bool first_line = true;
    uint32_t off = base;
    uint32_t imf_from = 0, imf_to = 0; /* IMF's records: IMAP's later lines go before them */
    while (off < end) {
        linelen = tl_line_end(d, off, end, &next, true);
        if (linelen < 0) {
            if (tw_can_desegment(p)) tw_deseg_request(p, off, TW_DESEG_ONE_MORE_SEGMENT);
            c->off = c->end;
            return TW_OK;
        }
        if (d[off] == '*') {
            bool show = true;
            struct {
                uint32_t s, e;
            } tok[3];
            uint32_t nt = 0;
            int64_t np = off;
            do {
                uint32_t s = (uint32_t)np + 1;
                np = -1;
                for (uint32_t i = s; i < next; i++)
                    if (d[i] == ' ' || d[i] == '\t' || d[i] == '\r' || d[i] == '\n') {
                        np = i;
                        break;
                    }
                if (np > (int64_t)s) {
                    tok[nt].s = s;
                    tok[nt].e = (uint32_t)np;
                    nt++;
                }
            } while (np != -1 && nt < 3);
            if (nt >= 2) {
                bool need_more = false;
                for (uint32_t t = 0; t < nt; t++) {
                    uint32_t tl = tok[t].e - tok[t].s;
                    if (tl > 5 || !tl_ieq(d + tok[t].s, "FETCH", tl)) continue;
                    /* dissect_imap_fetch() */
                    need_more = true;
                    int64_t par = find_u8(d, tok[t].e, end, '(');
                    if (par >= 0 && (uint32_t)par + 1 < c->end) {
                        int64_t lb = find_u8(d, (uint32_t)par, end, '{');
                        if (lb >= 0) {
                            int64_t rb = find_u8(d, (uint32_t)lb + 1, end, '}');
                            if (rb > 0) {
                                uint64_t size = 0;
                                bool ok = rb > lb + 1;
                                for (int64_t i = lb + 1; i < rb && ok; i++) {
                                    if (d[i] < '0' || d[i] > '9') ok = false;
                                    size = size * 10 + (uint64_t)(d[i] - '0');
                                    if (size > UINT32_MAX) ok = false;
                                }
                                if (ok && (uint64_t)rb + size < c->end &&
                                    find_u8(d, (uint32_t)(rb + (int64_t)size), end, ')') >= 0) {
                                    need_more = false;
                                    r = add_str(p, HF(F_LINE), d, off, next - off);
                                    first_line = false;
                                    if ((uint64_t)next + size <= c->end) {
                                        struct tw_cur sub = *c;
                                        sub.off = next;
                                        sub.end = next + (uint32_t)size;
                                        uint32_t key = MEDIA_RFC822;
                                        imf_from = p->nrecs;
                                        /* IMAP's later lines stay under IMAP's item */
                                        int32_t top = p->ntree ? p->tree[p->ntree - 1] : -1;
                                        tw_dissect_here(p, TW_TBL_MEDIA_TYPE, 1, &key, sub);
                                        if (p->ntree) p->tree[p->ntree - 1] = top;
                                        imf_to = p->nrecs;
                                        next += (uint32_t)size;
                                    } else {
                                        c->off = c->end;
                                        return TW_MALFORMED;
                                    }
                                }
                            }
                        } else {
                            uint32_t n2;
                            if (tl_line_end(d, (uint32_t)par, end, &n2, true) >= 0) {
                                need_more = false;
                                next = n2;
                                add_str(p, HF(F_LINE), d, off, next - off);
                            }
                        }
                    }
                    if (!need_more) show = false;
                    break;
                }
                if (need_more) {
                    if (tw_can_desegment(p)) {
                        tw_deseg_request(p, off, TW_DESEG_ONE_MORE_SEGMENT);
                    }
                    c->off = c->end;
                    return TW_OK;
                }
            }
            if (show) add_str(p, HF(F_LINE), d, off, next - off);
        } else {
            if (first_line) {
                tw_info_clear(p);
                tw_info_printf(p, "%s: %s", request ? "Request" : "Response",
                               tl_fmt(p, d + off, (uint32_t)linelen, false));
                first_line = false;
            }
            r = add_str(p, HF(F_LINE), d, off, next - off);
            tw_tree_push(p, r);
            if (linelen)
                add_str(p, HF(request ? F_REQUEST : F_RESPONSE), d, off, (uint32_t)linelen);
            uint32_t o = off, nt;
            int64_t ll = linelen;
            const uint8_t *tag = NULL;
            uint32_t tagn = 0;
            uint32_t tl = token_len(d, o, ll, &nt);
            if (tl) {
                tag = d + o;
                tagn = tl;
                add_str(p, HF(request ? F_REQUEST_TAG : F_RESPONSE_TAG), d, o, tl);
                r = add_str(p, HF(F_TAG), d, o, tl);
                tw_rec_flags(p, r, TW_RF_HIDDEN);
                ll -= nt - o;
                o = nt;
            }
            tl = token_len(d, o, ll, &nt);
            if (tl) {
                const uint8_t *cmd = NULL;
                uint32_t cmdlen = 0, fo = 0, ftl = 0, fnext = 0;
                if (request && tl <= 3 && tl_ieq(d + o, "UID", tl)) {
                    r = tw_add_uint(p, HF(F_REQUEST_UID), o, tl, 1);
                    uint32_t un;
                    uint32_t utl = token_len(d, nt, ll - (nt - o), &un);
                    if (utl) {
                        add_str(p, HF(F_REQUEST_COMMAND), d, nt, utl);
                        r = add_str(p, HF(F_COMMAND), d, o, tl);
                        tw_rec_flags(p, r, TW_RF_HIDDEN);
                        cmd = d + nt;
                        cmdlen = utl;
                        fo = un;
                        ftl = token_len(d, un, ll - (un - o), &fnext);
                    }
                } else {
                    add_str(p, HF(request ? F_REQUEST_COMMAND : F_RESPONSE_STATUS), d, o, tl);
                    if (request) {
                        r = add_str(p, HF(F_COMMAND), d, o, tl);
                        tw_rec_flags(p, r, TW_RF_HIDDEN);
                        cmd = d + o;
                        cmdlen = tl;
                        fo = nt;
                        ftl = token_len(d, nt, ll - (nt - o), &fnext);
                    }
                }
                if (cmdlen) {
                    static const char *const with_folder[] = {
                        "select",    "examine",     "create", "delete", "rename",
                        "subscribe", "unsubscribe", "status", "append", "search"};
                    bool folder = false;
                    for (size_t i = 0; i < TW_ARRAY_LEN(with_folder); i++)
                        if (prefix_of(cmd, cmdlen, with_folder[i])) folder = true;
                    if (folder) {
                        if (ftl) add_str(p, HF(F_REQUEST_FOLDER), d, fo, ftl);
                    } else if (ll > 0 && prefix_of(cmd, cmdlen, "copy")) {
                        fo = fnext;
                        ftl = token_len(d, fo, ll - (fo - o), &fnext);
                        if (ftl) add_str(p, HF(F_REQUEST_FOLDER), d, fo, ftl);
                    } else if (prefix_of(cmd, cmdlen, "starttls")) {
                        cv->ssl_requested = true;
                    } else if (prefix_of(cmd, cmdlen, "login")) {
                        uint32_t un, pn;
                        uint32_t utl = token_len(d, nt, ll - (nt - o), &un);
                        add_str(p, HF(F_REQUEST_USERNAME), d, nt, utl);
                        uint32_t ptl = token_len(d, un, ll - (un - o), &pn);
                        /* the password without its first and last characters (the quotes) */
                        r = add_str(p, HF(F_REQUEST_PASSWORD), d, un + 1, ptl >= 2 ? ptl - 2 : 0);
                        if (r >= 0) {
                            p->recs[r].off = un;
                            p->recs[r].len = ptl;
                        }
                    }
                }
                if (!request) {
                    uint32_t cn;
                    uint32_t ctl = token_len(d, nt, ll - (nt - o), &cn);
                    if (ctl) {
                        add_str(p, HF(F_RESPONSE_COMMAND), d, nt, ctl);
                        r = add_str(p, HF(F_COMMAND), d, nt, ctl);
                        tw_rec_flags(p, r, TW_RF_HIDDEN);
                    }
                }
                if (cv->ssl_requested && !request) {
                    if (prefix_of(d + o, tl, "ok"))
                        cv->tls_from = (uint32_t)p->frame->recno + 1; /* ssl_starttls_ack() */
                    cv->ssl_requested = false;
                }
            }
            if (tag) match_request(p, tag, tagn, request);
            tw_tree_pop(p);
        }
        off = next;
    }
    if (first_line) {
        tw_info_clear(p);
        tw_info_printf(p, "%s: %s", request ? "Request" : "Response",
                       tl_fmt(p, d + base, (uint32_t)TW_MIN((uint64_t)linelen, end - base), false));
    }
    if (imf_to > imf_from && p->nrecs > imf_to) tw_recs_move(p, imf_from, imf_to);
    c->off = c->end;
    return c->cap < c->end ? TW_TRUNCATED : TW_OK;
}

static const struct tw_binding bindings[] = {{TW_TBL_TCP_PORT, 143}};

const struct tw_proto tw_proto_imap = {
    .abbrev = "imap",
    .name = "Internet Message Access Protocol",
    .short_name = "IMAP",
    .fields = fields,
    .nfields = F_COUNT,
    .bindings = bindings,
    .nbindings = TW_ARRAY_LEN(bindings),
    .dissect = dissect_imap,
    .init = imap_init,
    .ids = &ids,
};
