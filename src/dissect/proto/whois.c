/* WHOIS (RFC 3912) on TCP 43, as tshark 4.0 shows it: the query is the client's line, the answer
 * everything the server sends up to its FIN (asked of TCP as "until FIN"), one item per line,
 * and both name the query in the Info column. An answer names the frame of its query and the
 * time since it; a query cannot name its answer in a single pass (whois.answer_in). */
#include "../dissect.h"

#include <string.h>

static struct tw_proto_ids ids;

enum { F_QUERY, F_ANSWER, F_ANSWER_IN, F_ANSWER_TO, F_RESPONSE_TIME, F_COUNT };
enum { E_NOCRLF, E_ENCODING, E_COUNT };

static const struct tw_field_def fields[F_COUNT] = {
    [F_QUERY] = {"whois.query", "Query", TW_FT_STRING},
    [F_ANSWER] = {"whois.answer", "Answer", TW_FT_STRING},
    [F_ANSWER_IN] = {"whois.answer_in", "Answer In", TW_FT_FRAMENUM, 0, 0, NULL, NULL, NULL,
                     "The answer to this WHOIS query is in this frame"},
    [F_ANSWER_TO] = {"whois.answer_to", "Query In", TW_FT_FRAMENUM, 0, 0, NULL, NULL, NULL,
                     "This is the answer to the WHOIS query in this frame"},
    [F_RESPONSE_TIME] = {"whois.response_time", "Response Time", TW_FT_RELATIVE_TIME, 0, 0, NULL,
                         NULL, NULL, "The time between the Query and the Answer"},
};
static const struct tw_expert_def experts[E_COUNT] = {
    [E_NOCRLF] = {"whois.nocrlf", "decoder.whois.nocrlf", TW_SEV_WARN, TW_GRP_MALFORMED,
                  "Missing <CR><LF>"},
    [E_ENCODING] = {"whois.encoding", "decoder.whois.encoding", TW_SEV_CHAT, TW_GRP_ASSUMPTION,
                    "WHOIS has no mechanism to indicate encoding (RFC 3912), assuming UTF-8"},
};
#define HF(x) ((uint16_t)(ids.base + (x)))
#define EX(x) ((uint16_t)(ids.expert_base + (x)))

#define QUERY_MAX 256
/* per connection: the last query */
struct conv {
    uint32_t req_frame;
    struct tw_time req_ts;
    uint16_t qlen;
    char query[QUERY_MAX];
};
static struct tw_state *conv_tab;

static void whois_init(void)
{
    conv_tab = tw_state_open("whois.conv", sizeof(struct conv), 4096, NULL);
}

static enum tw_status dissect_whois(struct tw_pkt *p, struct tw_cur *c)
{
    const bool query = p->ctx.dstport == 43;
    uint32_t off = c->off, len = tw_cur_left(c), have = tw_cur_avail(c);
    const uint8_t *d = c->data + off;
    struct conv *cv = tw_conv_state(conv_tab, p);
    if (query && cv) {
        /* the query as the Info column shows it: the line without its CR LF */
        uint32_t n = have;
        while (n && (d[n - 1] == '\n' || d[n - 1] == '\r')) n--;
        if (n >= QUERY_MAX) n = QUERY_MAX - 1;
        memcpy(cv->query, d, n);
        cv->query[n] = 0;
        for (uint32_t i = 0; i < n; i++)
            if (!cv->query[i]) cv->query[i] = ' ';
        cv->qlen = (uint16_t)n;
        cv->req_frame = (uint32_t)p->frame->recno;
        cv->req_ts = p->frame->ts;
    }
    tw_col_proto(p, "WHOIS");
    tw_info_clear(p);
    if (p->want_cols)
        tw_info_printf(p, "%s: %s", query ? "Query" : "Answer",
                       cv && cv->req_frame ? cv->query : "");
    /* the answer is all the server sends: TCP keeps it until the FIN */
    /* a query is a line: without its CR LF yet, TCP keeps it for the next segment */
    bool crlf = tw_cur_left(c) >= 2 && tw_cur_avail(c) == tw_cur_left(c) &&
                memcmp(c->data + c->end - 2, "\r\n", 2) == 0;
    if (query && !crlf && tw_can_desegment(p)) {
        tw_layer_unrecord(p);
        tw_layer_hide(p);
        tw_deseg_request(p, c->off, TW_DESEG_ONE_MORE_SEGMENT);
        c->off = c->end;
        return TW_OK;
    }
    /* ... unless this segment brings the FIN itself (Wireshark looks at tcpinfo->flags) */
    if (!query && tw_can_desegment(p) && !(p->ctx.tcp_flags & 0x01)) {
        tw_layer_unrecord(p);
        tw_layer_hide(p); /* a segment TCP keeps shows no WHOIS line nor layer */
        tw_deseg_request(p, c->off, TW_DESEG_UNTIL_FIN);
        c->off = c->end;
        return TW_OK;
    }
    tw_layer_label(p, "WHOIS: %s", query ? "Query" : "Answer");
    if (query) {
        int32_t r = tw_add_ptr(p, HF(F_QUERY), off, have, d, have);
        if (len < 2 || have < len || memcmp(d + len - 2, "\r\n", 2) != 0) {
            tw_tree_push(p, r);
            tw_expert(p, EX(E_NOCRLF), off, have, "%s", experts[E_NOCRLF].summary);
            tw_tree_pop(p);
        }
    } else {
        if (cv && cv->req_frame) {
            int32_t r = tw_add_uint(p, HF(F_ANSWER_TO), off, 0, cv->req_frame);
            tw_rec_flags(p, r, TW_RF_GENERATED);
            r = tw_add_time(p, HF(F_RESPONSE_TIME), off, 0, tw_time_sub(p->frame->ts, cv->req_ts));
            tw_rec_flags(p, r, TW_RF_GENERATED);
        }
        /* one item per line, its LF included */
        uint32_t i = 0;
        while (i < have) {
            const uint8_t *nl = memchr(d + i, '\n', have - i);
            uint32_t e = nl ? (uint32_t)(nl - d) + 1 : have;
            /* UTF-8 assumed (the expert below): invalid bytes become U+FFFD */
            uint32_t vn = 0;
            const uint8_t *v = tw_want(p, HF(F_ANSWER)) ? tw_utf8_valid(p->arena, d + i, e - i, &vn)
                                                        : NULL;
            tw_add_ptr(p, HF(F_ANSWER), off + i, e - i, v ? v : d + i, v ? vn : e - i);
            i = e;
        }
        int32_t r = tw_add_text(p, off, have, "%s", experts[E_ENCODING].summary);
        tw_tree_push(p, r);
        tw_expert(p, EX(E_ENCODING), off, have, "%s", experts[E_ENCODING].summary);
        tw_tree_pop(p);
    }
    c->off = c->end;
    return have < len ? TW_TRUNCATED : TW_OK;
}

static const struct tw_binding bindings[] = {{TW_TBL_TCP_PORT, 43}};

const struct tw_proto tw_proto_whois = {
    .abbrev = "whois",
    .name = "whois",
    .short_name = "WHOIS",
    .fields = fields,
    .nfields = F_COUNT,
    .experts = experts,
    .nexperts = E_COUNT,
    .bindings = bindings,
    .nbindings = TW_ARRAY_LEN(bindings),
    .dissect = dissect_whois,
    .init = whois_init,
    .ids = &ids,
};
