/* Finger (RFC 1288) on TCP 79, as tshark 4.0 shows it: the query is the client's line, the
 * response everything the server sends up to its FIN (asked of TCP as "until FIN"); a response
 * names the frame of its query and the time since it. Single pass: a query cannot name its
 * response (tshark's finger.response_in needs a second pass). */
#include "../dissect.h"

#include <string.h>

static struct tw_proto_ids ids;

enum { F_QUERY, F_RESPONSE, F_RESPONSE_IN, F_RESPONSE_TO, F_RESPONSE_TIME, F_COUNT };
enum { E_NOCRLF, E_COUNT };

static const struct tw_field_def fields[F_COUNT] = {
    [F_QUERY] = {"finger.query", "Query", TW_FT_STRING},
    [F_RESPONSE] = {"finger.response", "Response", TW_FT_STRING},
    [F_RESPONSE_IN] = {"finger.response_in", "Response In", TW_FT_FRAMENUM, 0, 0, NULL, NULL, NULL,
                       "The response to this FINGER query is in this frame"},
    [F_RESPONSE_TO] = {"finger.response_to", "Request In", TW_FT_FRAMENUM, 0, 0, NULL, NULL, NULL,
                       "This is a response to the FINGER query in this frame"},
    [F_RESPONSE_TIME] = {"finger.response_time", "Response Time", TW_FT_RELATIVE_TIME, 0, 0, NULL,
                         NULL, NULL, "The time between the Query and the Response"},
};
static const struct tw_expert_def experts[E_COUNT] = {
    [E_NOCRLF] = {"finger.nocrlf", "decoder.finger.nocrlf", TW_SEV_WARN, TW_GRP_MALFORMED,
                  "Missing <CR><LF>"},
};
#define HF(x) ((uint16_t)(ids.base + (x)))
#define EX(x) ((uint16_t)(ids.expert_base + (x)))

/* per connection: the last query */
struct conv {
    uint32_t req_frame;
    struct tw_time req_ts;
};
static struct tw_state *conv_tab;

static void finger_init(void)
{
    conv_tab = tw_state_open("finger.conv", sizeof(struct conv), 4096, NULL);
}

static enum tw_status dissect_finger(struct tw_pkt *p, struct tw_cur *c)
{
    const bool query = p->ctx.dstport == 79;
    tw_col_proto(p, "FINGER");
    tw_info_set(p, query ? "Query" : "Response");
    /* the response is all the server sends: TCP keeps it until the FIN */
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
        tw_layer_hide(p); /* a segment TCP keeps shows no FINGER line nor layer */
        tw_deseg_request(p, c->off, TW_DESEG_UNTIL_FIN);
        c->off = c->end;
        return TW_OK;
    }
    struct conv *cv = tw_conv_state(conv_tab, p);
    tw_layer_label(p, "FINGER: %s", query ? "Query" : "Response");
    uint32_t off = c->off, len = tw_cur_left(c), have = tw_cur_avail(c);
    const uint8_t *d = c->data + off;
    if (query) {
        if (cv) {
            cv->req_frame = (uint32_t)p->frame->recno;
            cv->req_ts = p->frame->ts;
        }
        int32_t r = tw_add_ptr(p, HF(F_QUERY), off, have, d, have);
        if (len < 2 || have < len || memcmp(d + len - 2, "\r\n", 2) != 0) {
            tw_tree_push(p, r);
            tw_expert(p, EX(E_NOCRLF), off, have, "%s", experts[E_NOCRLF].summary);
            tw_tree_pop(p);
        }
    } else {
        tw_add_ptr(p, HF(F_RESPONSE), off, have, d, have);
        if (cv && cv->req_frame) {
            int32_t r = tw_add_uint(p, HF(F_RESPONSE_TO), off, 0, cv->req_frame);
            tw_rec_flags(p, r, TW_RF_GENERATED);
            r = tw_add_time(p, HF(F_RESPONSE_TIME), off, 0, tw_time_sub(p->frame->ts, cv->req_ts));
            tw_rec_flags(p, r, TW_RF_GENERATED);
        }
    }
    c->off = c->end;
    return have < len ? TW_TRUNCATED : TW_OK;
}

static const struct tw_binding bindings[] = {{TW_TBL_TCP_PORT, 79}};

const struct tw_proto tw_proto_finger = {
    .abbrev = "finger",
    .name = "finger",
    .short_name = "FINGER",
    .fields = fields,
    .nfields = F_COUNT,
    .experts = experts,
    .nexperts = E_COUNT,
    .bindings = bindings,
    .nbindings = TW_ARRAY_LEN(bindings),
    .dissect = dissect_finger,
    .init = finger_init,
    .ids = &ids,
};
