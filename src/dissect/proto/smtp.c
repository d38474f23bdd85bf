/* SMTP (RFC 5321) on TCP 25 and 587, as tshark 4.0 shows it.
 *
 * A client segment is commands (a line each, "C: " in Info, lines joined with " | "), message
 * data after DATA (or BDAT) up to the line "." (the EOM), or an AUTH exchange's lines. A server
 * segment is reply lines ("S: "), a multi-line reply ("250-...") under one smtp.response item.
 * Lines are asked of TCP whole: a segment whose first line has no end waits for the next one.
 * Message data is kept per connection, each segment a "DATA fragment" also shown as line-based
 * text; the segment with the EOM completes it and hands it ("Reassembled SMTP") to IMF, as the
 * media type message/rfc822. After a 220 reply to STARTTLS the connection is TLS's. AUTH
 * parameters are not base64-decoded (tshark's default). */
#include "../dissect.h"
#include "textline.h"

#include <stdlib.h>
#include <string.h>

static struct tw_proto_ids ids;

enum {
    F_REQ,
    F_RSP,
    F_MESSAGE,
    F_COMMAND_LINE,
    F_REQ_COMMAND,
    F_REQ_PARAMETER,
    F_RESPONSE,
    F_RSP_CODE,
    F_RSP_PARAMETER,
    F_USERNAME,
    F_PASSWORD,
    F_USERNAME_PASSWORD,
    F_EOM,
    F_FRAGMENTS,
    F_FRAGMENT,
    F_FRAGMENT_OVERLAP,
    F_FRAGMENT_CONFLICTS,
    F_FRAGMENT_MULTIPLE_TAILS,
    F_FRAGMENT_TOO_LONG,
    F_FRAGMENT_ERROR,
    F_FRAGMENT_COUNT,
    F_REASSEMBLED_IN,
    F_REASSEMBLED_LENGTH,
    F_COUNT
};
enum { E_BASE64, E_RSP_CODE, E_COUNT };

static const struct tw_vs rsp_codes[] = {
    {211, "System status, or system help reply"},
    {214, "Help message"},
    {220, "<domain> Service ready"},
    {221, "<domain> Service closing transmission channel"},
    {235, "Authentication successful"},
    {250, "Requested mail action okay, completed"},
    {251, "User not local; will forward to <forward-path>"},
    {252, "Cannot VRFY user, but will accept message and attempt delivery"},
    {334, "AUTH input"},
    {354, "Start mail input; end with <CRLF>.<CRLF>"},
    {421, "<domain> Service not available, closing transmission channel"},
    {432, "A password transition is needed"},
    {450, "Requested mail action not taken: mailbox unavailable"},
    {451, "Requested action aborted: local error in processing"},
    {452, "Requested action not taken: insufficient system storage"},
    {454, "Temporary authenticaion failed"},
    {500, "Syntax error, command unrecognized"},
    {501, "Syntax error in parameters or arguments"},
    {502, "Command not implemented"},
    {503, "Bad sequence of commands"},
    {504, "Command parameter not implemented"},
    {530, "Authentication required"},
    {534, "Authentication mechanism is too weak"},
    {535, "Authentication credentials invalid"},
    {538, "Encryption required for requested authentication mechanism"},
    {550, "Requested action not taken: mailbox unavailable"},
    {551, "User not local; please try <forward-path>"},
    {552, "Requested mail action aborted: exceeded storage allocation"},
    {553, "Requested action not taken: mailbox name not allowed"},
    {554, "Transaction failed"},
    {0, NULL},
};

static const struct tw_field_def fields[F_COUNT] = {
    [F_REQ] = {"smtp.req", "Request", TW_FT_BOOLEAN},
    [F_RSP] = {"smtp.rsp", "Response", TW_FT_BOOLEAN},
    [F_MESSAGE] = {"smtp.message", "Message", TW_FT_STRING},
    [F_COMMAND_LINE] = {"smtp.command_line", "Command Line", TW_FT_STRING},
    [F_REQ_COMMAND] = {"smtp.req.command", "Command", TW_FT_STRING},
    [F_REQ_PARAMETER] = {"smtp.req.parameter", "Request parameter", TW_FT_STRING},
    [F_RESPONSE] = {"smtp.response", "Response", TW_FT_STRING},
    [F_RSP_CODE] = {"smtp.response.code", "Response code", TW_FT_UINT32, TW_BASE_DEC, 0, rsp_codes},
    [F_RSP_PARAMETER] = {"smtp.rsp.parameter", "Response parameter", TW_FT_STRING},
    [F_USERNAME] = {"smtp.auth.username", "Username", TW_FT_STRING},
    [F_PASSWORD] = {"smtp.auth.password", "Password", TW_FT_STRING},
    [F_USERNAME_PASSWORD] = {"smtp.auth.username_password", "Username/Password", TW_FT_STRING},
    [F_EOM] = {"smtp.eom", "EOM", TW_FT_NONE},
    [F_FRAGMENTS] = {"smtp.data.fragments", "DATA fragments", TW_FT_NONE, 0, 0, NULL, NULL, NULL,
                     "Message fragments"},
    [F_FRAGMENT] = {"smtp.data.fragment", "DATA fragment", TW_FT_FRAMENUM, 0, 0, NULL, NULL, NULL,
                    "Message fragment"},
    [F_FRAGMENT_OVERLAP] = {"smtp.data.fragment.overlap", "DATA fragment overlap", TW_FT_BOOLEAN, 0,
                            0, NULL, NULL, NULL, "Message fragment overlap"},
    [F_FRAGMENT_CONFLICTS] = {"smtp.data.fragment.overlap.conflicts",
                              "DATA fragment overlapping with conflicting data", TW_FT_BOOLEAN, 0,
                              0, NULL, NULL, NULL,
                              "Message fragment overlapping with conflicting data"},
    [F_FRAGMENT_MULTIPLE_TAILS] = {"smtp.data.fragment.multiple_tails",
                                   "DATA has multiple tail fragments", TW_FT_BOOLEAN, 0, 0, NULL,
                                   NULL, NULL, "Message has multiple tail fragments"},
    [F_FRAGMENT_TOO_LONG] = {"smtp.data.fragment.too_long_fragment", "DATA fragment too long",
                             TW_FT_BOOLEAN, 0, 0, NULL, NULL, NULL, "Message fragment too long"},
    [F_FRAGMENT_ERROR] = {"smtp.data.fragment.error", "DATA defragmentation error", TW_FT_FRAMENUM,
                          0, 0, NULL, NULL, NULL, "Message defragmentation error"},
    [F_FRAGMENT_COUNT] = {"smtp.data.fragment.count", "DATA fragment count", TW_FT_UINT32,
                          TW_BASE_DEC},
    [F_REASSEMBLED_IN] = {"smtp.data.reassembled.in", "Reassembled DATA in frame", TW_FT_FRAMENUM,
                          0, 0, NULL, NULL, NULL,
                          "This DATA fragment is reassembled in this frame"},
    [F_REASSEMBLED_LENGTH] = {"smtp.data.reassembled.length", "Reassembled DATA length",
                              TW_FT_UINT32, TW_BASE_DEC, 0, NULL, NULL, NULL,
                              "The total length of the reassembled payload"},
};
static const struct tw_expert_def experts[E_COUNT] = {
    [E_BASE64] = {"smtp.base64_decode", "decoder.smtp.base64_decode", TW_SEV_WARN, TW_GRP_PROTOCOL,
                  "base64 decode failed or is not enabled (check SMTP preferences)"},
    [E_RSP_CODE] = {"smtp.response.code.unexpected", "decoder.smtp.response_code_unexpected",
                    TW_SEV_WARN, TW_GRP_PROTOCOL, "Unexpected response code in multiline response"},
};
#define HF(x) ((uint16_t)(ids.base + (x)))
#define EX(x) ((uint16_t)(ids.expert_base + (x)))

enum { ST_START, ST_CMDS, ST_DATA, ST_AWAIT_TLS };
enum {
    AU_NONE,
    AU_START,
    AU_USER_REQ,
    AU_USER_RSP,
    AU_PASS_REQ,
    AU_PASS_RSP,
    AU_PLAIN_START_REQ,
    AU_PLAIN_CRED_REQ,
    AU_PLAIN_REQ,
    AU_PLAIN_RSP,
    AU_NTLM_REQ,
    AU_NTLM_CHAL,
    AU_NTLM_RSP,
    AU_SUCCESS,
    AU_FAILED
};
enum { PDU_CMD, PDU_MESSAGE, PDU_EOM };

#define DATA_MAX  (16u << 20) /* message bytes kept per connection */
#define FRAGS_MAX 4096

struct conv {
    uint8_t state, auth;
    bool crlf_seen, data_seen, msg_last;
    uint32_t msg_read, msg_tot;
    uint32_t tls_after; /* the last frame before TLS, 0 = no TLS */
    uint32_t first_auth, last_auth, username_frame, password_frame, username_cmd_frame,
        user_pass_cmd_frame, user_pass_frame, ntlm_req_frame, ntlm_rsp_frame;
    /* the message being reassembled */
    uint8_t *buf;
    uint32_t len, cap;
    struct tw_reasm_frag *frags;
    uint32_t nfrags, fcap;
    bool overflow;
};
static struct tw_state *conv_tab;

static void conv_drop(void *v)
{
    struct conv *cv = v;
    free(cv->buf);
    free(cv->frags);
    cv->buf = NULL;
    cv->frags = NULL;
}

static void smtp_init(void)
{
    conv_tab = tw_state_open("smtp.conv", sizeof(struct conv), 4096, conv_drop);
}

static uint16_t match_port(const struct tw_pkt *p)
{
    uint16_t lo = TW_MIN(p->ctx.srcport, p->ctx.dstport);
    uint16_t hi = TW_MAX(p->ctx.srcport, p->ctx.dstport);
    return tw_dispatch_find(TW_TBL_TCP_PORT, lo) == (int)ids.proto ? lo : hi;
}

static bool is_command(const uint8_t *l, uint32_t n)
{
    if (n == 4 && tl_isalpha(l[0]) && tl_isalpha(l[1]) && tl_isalpha(l[2]) && tl_isalpha(l[3]))
        return true;
    static const char *const other[] = {"STARTTLS", "X-EXPS", "X-LINK2STATE", "XEXCH50"};
    for (size_t i = 0; i < TW_ARRAY_LEN(other); i++)
        if (n == strlen(other[i]) && tl_ieq(l, other[i], n)) return true;
    return false;
}

/* fragment_add_seq_next(): n more message bytes from this frame */
static void frag_add(struct tw_pkt *p, struct conv *cv, const uint8_t *d, uint32_t n)
{
    if (cv->overflow) return;
    if (cv->len + (uint64_t)n > DATA_MAX || cv->nfrags >= FRAGS_MAX) {
        cv->overflow = true;
        tw_state_note("SMTP: a message longer than 16 MB (or 4096 segments) was not reassembled");
        return;
    }
    if (cv->len + n > cv->cap) {
        uint32_t nc = cv->cap ? cv->cap : 4096;
        while (nc < cv->len + n) nc *= 2;
        uint8_t *nb = realloc(cv->buf, nc);
        if (!nb) {
            cv->overflow = true;
            return;
        }
        cv->buf = nb;
        cv->cap = nc;
    }
    if (cv->nfrags == cv->fcap) {
        uint32_t nc = cv->fcap ? cv->fcap * 2 : 16;
        struct tw_reasm_frag *nf = realloc(cv->frags, nc * sizeof *nf);
        if (!nf) {
            cv->overflow = true;
            return;
        }
        cv->frags = nf;
        cv->fcap = nc;
    }
    if (n) memcpy(cv->buf + cv->len, d, n);
    cv->frags[cv->nfrags++] = (struct tw_reasm_frag){(uint32_t)p->frame->recno, cv->len, n, 0};
    cv->len += n;
}

static const struct tw_reasm_fields reasm_fields_tmpl = {0};

/* fragment_end_seq_next() and process_reassembled_data(): the message goes to IMF */
static void frag_end(struct tw_pkt *p, struct conv *cv)
{
    bool ok = !cv->overflow && cv->nfrags > 0;
    if (ok) {
        uint8_t *data = tw_arena_alloc(p->arena, cv->len ? cv->len : 1);
        struct tw_reasm_frag *fr = tw_arena_alloc(p->arena, cv->nfrags * sizeof *fr);
        if (data && fr) {
            memcpy(data, cv->buf, cv->len);
            memcpy(fr, cv->frags, cv->nfrags * sizeof *fr);
            struct tw_reasm_result res = {data, cv->len, fr, cv->nfrags, 0};
            struct tw_cur nc = tw_new_source(p, data, cv->len, "Reassembled SMTP");
            {
                struct tw_reasm_fields f = reasm_fields_tmpl;
                f.fragments = HF(F_FRAGMENTS);
                f.fragment = HF(F_FRAGMENT);
                f.error = HF(F_FRAGMENT_ERROR);
                f.overlap = HF(F_FRAGMENT_OVERLAP);
                f.conflict = HF(F_FRAGMENT_CONFLICTS);
                f.multiple_tails = HF(F_FRAGMENT_MULTIPLE_TAILS);
                f.too_long = HF(F_FRAGMENT_TOO_LONG);
                f.count = HF(F_FRAGMENT_COUNT);
                f.length = HF(F_REASSEMBLED_LENGTH);
                f.one = "DATA fragment";
                f.many = "DATA fragments";
                tw_reasm_tree(p, &res, &f);
            }
            uint32_t key = tw_media_key("message/rfc822", 14);
            tw_dissect_here(p, TW_TBL_MEDIA_TYPE, 1, &key, nc);
        }
    }
    cv->len = 0;
    cv->nfrags = 0;
    cv->overflow = false;
}

static void hide(struct tw_pkt *p)
{
    tw_layer_unrecord(p);
    tw_layer_hide(p);
}

static int32_t add_str(struct tw_pkt *p, uint16_t hf, uint32_t off, uint32_t len, const uint8_t *d)
{
    return tw_add_ascii(p, hf, off, len, d + off);
}

static void request_lines(struct tw_pkt *p, struct tw_cur *c, struct conv *cv, uint32_t *auth_lines)
{
    const uint8_t *d = c->data;
    uint32_t end = TW_MIN(c->end, c->cap), lo = c->off, next;
    uint32_t me = (uint32_t)p->frame->recno;
    (void)auth_lines;
    while (lo < end) {
        int64_t ll = tl_line_end(d, lo, end, &next, false);
        uint32_t n = (uint32_t)ll;
        tw_info_add(p, lo == c->off ? "C: " : " | ");
        int32_t r = tw_add_uint(p, HF(F_REQ), 0, 0, 1);
        tw_rec_flags(p, r, TW_RF_HIDDEN);
        if (cv && cv->username_frame == me) {
            add_str(p, HF(F_USERNAME), lo, n, d);
            tw_info_printf(p, "User: %s", tl_fmt(p, d + lo, n, false));
        } else if (cv && cv->password_frame == me) {
            add_str(p, HF(F_PASSWORD), lo, n, d);
            tw_info_printf(p, "Pass: %s", tl_fmt(p, d + lo, n, false));
        } else if (cv && cv->ntlm_rsp_frame == me) {
            tw_info_add(p, tl_fmt(p, d + lo, n, false));
            add_str(p, HF(F_COMMAND_LINE), lo, n, d);
        } else if (cv && cv->user_pass_frame == me) {
            r = add_str(p, HF(F_USERNAME_PASSWORD), lo, n, d);
            tw_tree_push(p, r);
            tw_expert(p, EX(E_BASE64), lo, n, "%s", experts[E_BASE64].summary);
            tw_tree_pop(p);
            tw_info_add(p, tl_fmt(p, d + lo, n, false));
        } else {
            uint32_t cmdlen = n >= 4 ? 4 : n;
            r = add_str(p, HF(F_COMMAND_LINE), lo, next - lo, d);
            tw_tree_push(p, r);
            add_str(p, HF(F_REQ_COMMAND), lo, cmdlen, d);
            if (n > 5 && cv && cv->username_cmd_frame == me) {
                add_str(p, HF(F_REQ_PARAMETER), lo + 5, n - 5, d);
                if (n >= 11) {
                    add_str(p, HF(F_USERNAME), lo + 11, n - 11, d);
                    tw_info_add(p, tl_fmt(p, d + lo, 11, false));
                    tw_info_printf(p, "User: %s", tl_fmt(p, d + lo + 11, n - 11, false));
                }
            } else if (n > 5 && cv && cv->ntlm_req_frame == me) {
                add_str(p, HF(F_REQ_PARAMETER), lo + 5, n - 5, d);
                if (n >= 10) {
                    tw_info_add(p, tl_fmt(p, d + lo, 10, false));
                    tw_info_add(p, tl_fmt(p, d + lo + 10, n - 10, false));
                }
            } else if (n > 5 && cv && cv->user_pass_cmd_frame == me) {
                add_str(p, HF(F_REQ_PARAMETER), lo + 5, n - 5, d);
                tw_info_add(p, tl_fmt(p, d + lo, TW_MIN(11, n), false));
                uint32_t a = TW_MIN(11, n);
                r = add_str(p, HF(F_USERNAME_PASSWORD), lo + a, n - a, d);
                tw_tree_push(p, r);
                tw_expert(p, EX(E_BASE64), lo + a, n - a, "%s", experts[E_BASE64].summary);
                tw_tree_pop(p);
                tw_info_add(p, tl_fmt(p, d + lo + a, n - a, false));
            } else if (n > 5) {
                add_str(p, HF(F_REQ_PARAMETER), lo + 5, n - 5, d);
                tw_info_add(p, tl_fmt(p, d + lo, n, false));
            } else {
                tw_info_add(p, tl_fmt(p, d + lo, n, false));
            }
            tw_tree_pop(p);
        }
        lo = next;
    }
}

static void response_lines(struct tw_pkt *p, struct tw_cur *c, struct conv *cv)
{
    const uint8_t *d = c->data;
    uint32_t end = TW_MIN(c->end, c->cap), off = c->off, next;
    int32_t r = tw_add_uint(p, HF(F_RSP), 0, 0, 1);
    tw_rec_flags(p, r, TW_RF_HIDDEN);
    enum { ML_NONE, ML_START, ML_CONT, ML_END } ml = ML_NONE;
    uint32_t ml_code = 0;
    int32_t code_rec = -1, rsp_rec = -1;
    bool have_rsp = false;
    while (off < end) {
        uint32_t n = (uint32_t)tl_line_end(d, off, end, &next, false);
        tw_info_add(p, off == c->off ? "S: " : " | ");
        if (n >= 3 && d[off] >= '0' && d[off] <= '9' && d[off + 1] >= '0' && d[off + 1] <= '9' &&
            d[off + 2] >= '0' && d[off + 2] <= '9') {
            uint32_t code = (uint32_t)(d[off] - '0') * 100 + (uint32_t)(d[off + 1] - '0') * 10 +
                            (uint32_t)(d[off + 2] - '0');
            if (n > 3 && d[off + 3] == '-') {
                if (ml == ML_NONE) {
                    ml = ML_START;
                    ml_code = code;
                } else {
                    ml = ML_CONT;
                }
            } else if (ml == ML_START || ml == ML_CONT) {
                ml = ML_END;
            }
            if (cv) {
                if (cv->state == ST_AWAIT_TLS) {
                    if (code == 220) cv->tls_after = (uint32_t)p->frame->recno;
                    cv->state = ST_CMDS;
                }
                if (code == 334) {
                    switch (cv->auth) {
                    case AU_START:
                        cv->auth = AU_USER_REQ;
                        break;
                    case AU_USER_RSP:
                        cv->auth = AU_PASS_REQ;
                        break;
                    case AU_PLAIN_REQ:
                        cv->auth = AU_PLAIN_RSP;
                        break;
                    case AU_PLAIN_START_REQ:
                        cv->auth = AU_PLAIN_REQ;
                        break;
                    case AU_NTLM_REQ:
                        cv->auth = AU_NTLM_CHAL;
                        break;
                    default:
                        break;
                    }
                } else if (cv->auth == AU_PASS_RSP || cv->auth == AU_PLAIN_RSP ||
                           cv->auth == AU_NTLM_RSP || cv->auth == AU_PLAIN_CRED_REQ) {
                    cv->auth = code == 235 ? AU_SUCCESS : AU_FAILED;
                    cv->last_auth = (uint32_t)p->frame->recno;
                }
            }
            if (ml != ML_CONT && ml != ML_END) {
                if (have_rsp) tw_tree_pop(p);
                rsp_rec = add_str(p, HF(F_RESPONSE), off, next - off, d);
                tw_tree_push(p, rsp_rec);
                have_rsp = true;
                code_rec = tw_add_uint(p, HF(F_RSP_CODE), off, 3, code);
            } else if (ml_code != code) {
                tw_tree_push(p, code_rec);
                tw_expert(p, EX(E_RSP_CODE), off, 3,
                          "Unexpected response code %u in multiline response. Expected %u", code,
                          ml_code);
                tw_tree_pop(p);
            }
            if (n >= 4) {
                add_str(p, HF(F_RSP_PARAMETER), off + 4, n - 4, d);
                if (ml != ML_CONT && ml != ML_END)
                    tw_info_add(p, tl_fmt(p, d + off, n, false));
                else
                    tw_info_add(p, tl_fmt(p, d + off + 4, n - 4, false));
            } else {
                tw_info_add(p, tl_fmt(p, d + off, n, false));
            }
        }
        if (ml == ML_END) ml = ML_NONE;
        off = next;
    }
    if (have_rsp) tw_tree_pop(p);
    (void)rsp_rec;
}

static enum tw_status dissect_smtp(struct tw_pkt *p, struct tw_cur *c)
{
    struct conv *cv = tw_conv_state(conv_tab, p);
    if (cv && cv->tls_after && (uint32_t)p->frame->recno > cv->tls_after) {
        /* ssl_starttls_ack(): the connection is TLS's now (SMTP does not appear) */
        hide(p);
        p->ctx.starttls_app = "Simple Mail Transfer Protocol";
        if (tw_can_desegment(p)) p->deseg.layer = p->nlayers; /* TLS may ask TCP for more */
        tw_next(p, TW_TBL_TCP_PORT, 443, *c);
        return TW_OK;
    }
    struct conv scratch = {.msg_last = true};
    if (!cv) cv = &scratch;
    const bool request = p->ctx.dstport == match_port(p);
    const uint8_t *d = c->data;
    uint32_t end = TW_MIN(c->end, c->cap), off = c->off, lo = off, next = off;
    uint32_t me = (uint32_t)p->frame->recno;
    int pdu = PDU_CMD;
    bool more_frags = true, eom = false;
    int64_t ll = 0;
    /* first the state machine over the lines (tshark's first pass) */
    while (lo < end) {
        ll = tl_line_end(d, lo, end, &next, tw_can_desegment(p));
        if (ll < 0) {
            if (lo == off) {
                hide(p);
                tw_deseg_request(p, off, TW_DESEG_ONE_MORE_SEGMENT);
                c->off = c->end;
                return TW_OK;
            }
            ll = end - lo;
            next = end;
        }
        uint32_t n = (uint32_t)ll;
        if (cv->state == ST_DATA) {
            if ((cv->crlf_seen && end - lo >= 3 && memcmp(d + lo, ".\r\n", 3) == 0) ||
                (end - lo >= 5 && memcmp(d + lo, "\r\n.\r\n", 5) == 0))
                eom = true;
            cv->crlf_seen =
                c->cap >= c->end && end - lo >= 2 && memcmp(d + end - 2, "\r\n", 2) == 0;
        }
        if (request) {
            if (cv->state == ST_DATA) {
                if (eom) {
                    pdu = PDU_EOM;
                    cv->state = ST_CMDS;
                    break;
                }
                pdu = PDU_MESSAGE;
                if (cv->msg_tot > 0) {
                    cv->msg_read += c->end - lo;
                    next = c->end;
                    if (cv->msg_read == cv->msg_tot) {
                        cv->state = ST_CMDS;
                        if (cv->msg_last) more_frags = false;
                        break;
                    }
                }
            } else {
                const uint8_t *line = d + lo;
                uint32_t cl = 0;
                while (cl < n && line[cl] != ' ') cl++;
                if (is_command(line, cl)) {
                    pdu = PDU_CMD;
                    if (tl_ieq(line, "DATA", TW_MIN(4, n)) && n >= 4) {
                        cv->state = ST_DATA;
                        cv->data_seen = true;
                    } else if (n >= 4 && tl_ieq(line, "BDAT", 4)) {
                        /* strtoul(line + 5) */
                        uint32_t ml = 0, k = TW_MIN(5, n);
                        while (k < n && tl_isspace(line[k])) k++;
                        if (k < n && line[k] == '+') k++;
                        while (k < n && line[k] >= '0' && line[k] <= '9')
                            ml = ml * 10 + (uint32_t)(line[k++] - '0');
                        cv->data_seen = true;
                        cv->msg_tot += ml;
                        cv->state = ml == 0 ? ST_CMDS : ST_DATA;
                        if (n >= 4 && tl_ieq(line + n - 4, "LAST", 4)) {
                            cv->msg_last = true;
                            if (ml == 0) more_frags = false;
                        } else {
                            cv->msg_last = false;
                        }
                    } else if (n >= 10 && tl_ieq(line, "AUTH LOGIN", 10)) {
                        cv->state = ST_CMDS;
                        cv->first_auth = me;
                        if (n <= 11) {
                            cv->auth = AU_START;
                        } else {
                            cv->auth = AU_USER_RSP;
                            cv->username_cmd_frame = me;
                        }
                    } else if (n >= 10 && tl_ieq(line, "AUTH PLAIN", 10)) {
                        cv->state = ST_CMDS;
                        cv->first_auth = me;
                        if (n <= 11) {
                            cv->auth = AU_PLAIN_START_REQ;
                        } else {
                            cv->auth = AU_PLAIN_CRED_REQ;
                            cv->user_pass_cmd_frame = me;
                        }
                    } else if (n > 10 && tl_ieq(line, "AUTH NTLM", 9)) {
                        cv->state = ST_CMDS;
                        cv->auth = AU_NTLM_REQ;
                        cv->ntlm_req_frame = me;
                    } else if (n >= 8 && tl_ieq(line, "STARTTLS", 8)) {
                        cv->state = ST_AWAIT_TLS;
                    }
                } else if (cv->auth == AU_USER_REQ) {
                    cv->auth = AU_USER_RSP;
                    cv->username_frame = me;
                } else if (cv->auth == AU_PASS_REQ) {
                    cv->auth = AU_PASS_RSP;
                    cv->password_frame = me;
                } else if (cv->auth == AU_PLAIN_REQ) {
                    cv->auth = AU_PLAIN_RSP;
                    cv->user_pass_frame = me;
                } else if (cv->auth == AU_NTLM_CHAL) {
                    cv->auth = AU_NTLM_RSP;
                    cv->ntlm_rsp_frame = me;
                } else {
                    pdu = cv->data_seen || cv->state == ST_START ? PDU_MESSAGE : PDU_CMD;
                }
            }
        }
        lo = next;
    }

    tw_col_proto(p, "SMTP");
    tw_info_clear(p);
    if (request) {
        switch (pdu) {
        case PDU_MESSAGE: {
            uint32_t left = c->end - off;
            tw_info_printf(p, "C: DATA fragment, %u byte%s", left, left == 1 ? "" : "s");
            if (cv != &scratch) frag_add(p, cv, d + off, TW_MIN(left, end - off));
            uint32_t key = tw_media_key("text/plain", 10);
            tw_dissect_under(p, TW_TBL_MEDIA_TYPE, 1, &key, tw_cur_rest(c));
            /* the last BDAT chunk's segment does not end the message in tshark 4.0 (its
             * reassembly ends only at a later "BDAT 0 LAST" or EOM) */
            break;
        }
        case PDU_EOM: {
            tw_info_set(p, "C: .");
            if (tw_want(p, HF(F_EOM))) {
                int32_t r = tw_add_rec(p, HF(F_EOM), off, (uint32_t)ll);
                tw_rec_label(p, r, "C: .");
            }
            if (lo > off && cv != &scratch) frag_add(p, cv, d + off, lo - off);
            if (cv != &scratch) frag_end(p, cv);
            break;
        }
        default:
            request_lines(p, c, cv, NULL);
            if (!more_frags && cv != &scratch) frag_end(p, cv);
            break;
        }
    } else {
        response_lines(p, c, cv);
    }
    c->off = c->end;
    return c->cap < c->end ? TW_TRUNCATED : TW_OK;
}

static const struct tw_binding bindings[] = {{TW_TBL_TCP_PORT, 25}, {TW_TBL_TCP_PORT, 587}};

const struct tw_proto tw_proto_smtp = {
    .abbrev = "smtp",
    .name = "Simple Mail Transfer Protocol",
    .short_name = "SMTP",
    .fields = fields,
    .nfields = F_COUNT,
    .experts = experts,
    .nexperts = E_COUNT,
    .bindings = bindings,
    .nbindings = TW_ARRAY_LEN(bindings),
    .dissect = dissect_smtp,
    .init = smtp_init,
    .ids = &ids,
};
