/* Internet Group Management Protocol, IP protocol 2: version 0 (RFC 988), 1 (RFC 1112), 2
 * (RFC 2236), 3 (RFC 3376) and multicast traceroute (draft-ietf-idmr-traceroute-ipm), as tshark
 * 4.0 shows them. tshark's IGMP hands each message type to a per-version dissector registered
 * as IGMP again, so frame.protocols reads "igmp:igmp" with one protocol line in the tree: here
 * the outer "igmp" layer only dispatches (no tree line) and the inner one dissects.
 *
 *   type (1) | max resp / reserved (1) | checksum (2) | group address (4)     (v1, v2)
 *   v3 query: ... | S, QRV (1) | QQIC (1) | number of sources (2) | sources
 *   v3 report: type 0x22 | reserved | checksum | reserved (2) | number of group records (2) |
 *              records: type | aux data len | number of sources | group | sources | aux data
 */
#include "../dissect.h"

#include <stdio.h>

static struct tw_proto_ids ids, outer_ids;
#define HF(x) ((uint16_t)(ids.base + (x)))
#define EX(x) ((uint16_t)(ids.expert_base + (x)))

/* private key in TW_TBL_NAME from the dispatching layer to the message layer ("IGMP") */
#define KEY_IGMP_MSG 0x49474d50u

enum {
    F_TYPE,
    F_RESERVED,
    F_VERSION,
    F_GROUP_TYPE,
    F_REPLY,
    F_REPLY_PENDING,
    F_CHECKSUM,
    F_CHECKSUM_STATUS,
    F_IDENTIFIER,
    F_ACCESS_KEY,
    F_MAX_RESP,
    F_S,
    F_QRV,
    F_QQIC,
    F_NUM_SRC,
    F_SADDR,
    F_NUM_GRP_RECS,
    F_RECORD_TYPE,
    F_AUX_DATA_LEN,
    F_MADDR,
    F_AUX_DATA,
    F_DATA,
    F_MAX_RESP_EXP,
    F_MAX_RESP_MANT,
    F_MT_MAX_HOPS,
    F_MT_SADDR,
    F_MT_RADDR,
    F_MT_RSPADDR,
    F_MT_RESP_TTL,
    F_MT_Q_ID,
    F_MT_Q_ARRIVAL,
    F_MT_Q_INADDR,
    F_MT_Q_OUTADDR,
    F_MT_Q_PREVRTR,
    F_MT_Q_INPKT,
    F_MT_Q_OUTPKT,
    F_MT_Q_TOTAL,
    F_MT_Q_RTG_PROTO,
    F_MT_Q_FWD_TTL,
    F_MT_Q_MBZ,
    F_MT_Q_S,
    F_MT_Q_SRC_MASK,
    F_MT_Q_FWD_CODE,
    F_COUNT
};

static const struct tw_vs commands[] = {
    {0x01, "Create Group Request"},  {0x02, "Create Group Reply"},
    {0x03, "Join Group Request"},    {0x04, "Join Group Reply"},
    {0x05, "Leave Group Request"},   {0x06, "Leave Group Reply"},
    {0x07, "Confirm Group Request"}, {0x08, "Confirm Group Reply"},
    {0x11, "Membership Query"},      {0x12, "Membership Report"},
    {0x13, "DVMRP Protocol"},        {0x14, "PIM Routing Message"},
    {0x16, "Membership Report"},     {0x17, "Leave Group"},
    {0x1e, "Traceroute Response"},   {0x1f, "Traceroute Query or Request"},
    {0x22, "Membership Report"},     {0, NULL}};
static const struct tw_vs group_type_vals[] = {
    {0, "Public Group"}, {1, "Private Group"}, {0, NULL}};
static const struct tw_vs reply_vals[] = {{0, "Request Granted"},
                                          {1, "Request Denied, No Resources"},
                                          {2, "Request Denied, Invalid Code"},
                                          {3, "Request Denied, Invalid Group"},
                                          {4, "Request Denied, Invalid Key"},
                                          {0, NULL}};
static const struct tw_tfs tfs_s = {"SUPPRESS router side processing",
                                    "Do not suppress router side processing"};
static const struct tw_vs record_vals[] = {{1, "Mode Is Include"},
                                           {2, "Mode Is Exclude"},
                                           {3, "Change To Include Mode"},
                                           {4, "Change To Exclude Mode"},
                                           {5, "Allow New Sources"},
                                           {6, "Block Old Sources"},
                                           {0, NULL}};
static const struct tw_vs rtg_vals[] = {{1, "DVMRP"},
                                        {2, "MOSPF"},
                                        {3, "PIM"},
                                        {4, "CBT"},
                                        {5, "PIM using special routing table"},
                                        {6, "PIM using a static route"},
                                        {7, "DVMRP using a static route"},
                                        {8, "PIM using MBGP (aka BGP4+) route"},
                                        {9, "CBT using special routing table"},
                                        {10, "CBT using a static route"},
                                        {11, "PIM using state created by Assert processing"},
                                        {0, NULL}};
static const struct tw_vs fwd_code_vals[] = {
    {0x00, "NO_ERROR"},   {0x01, "WRONG_IF"},   {0x02, "PRUNE_SENT"},     {0x03, "PRUNE_RCVD"},
    {0x04, "SCOPED"},     {0x05, "NO_ROUTE"},   {0x06, "WRONG_LAST_HOP"}, {0x07, "NOT_FORWARDING"},
    {0x08, "REACHED_RP"}, {0x09, "RPF_IF"},     {0x0a, "NO_MULTICAST"},   {0x0b, "INFO_HIDDEN"},
    {0x81, "NO_SPACE"},   {0x82, "OLD_ROUTER"}, {0x83, "ADMIN_PROHIB"},   {0, NULL}};
static const struct tw_vs cksum_status_vals[] = {
    {0, "Bad"}, {1, "Good"}, {2, "Unverified"}, {3, "Not present"}, {4, "Illegal"}, {0, NULL}};

static const struct tw_field_def fields[F_COUNT] = {
    [F_TYPE] = {"igmp.type", "Type", TW_FT_UINT8, TW_BASE_HEX, 0, commands, NULL, NULL,
                "IGMP Packet Type"},
    [F_RESERVED] = {"igmp.reserved", "Reserved", TW_FT_BYTES, TW_BASE_NONE, 0, NULL, NULL, NULL,
                    "IGMP Reserved"},
    [F_VERSION] = {"igmp.version", "IGMP Version", TW_FT_UINT8, TW_BASE_DEC},
    [F_GROUP_TYPE] = {"igmp.group_type", "Type Of Group", TW_FT_UINT8, TW_BASE_DEC, 0,
                      group_type_vals, NULL, NULL, "IGMP V0 Type Of Group"},
    [F_REPLY] = {"igmp.reply", "Reply", TW_FT_UINT8, TW_BASE_DEC, 0, reply_vals, NULL, NULL,
                 "IGMP V0 Reply"},
    [F_REPLY_PENDING] = {"igmp.reply.pending", "Reply Pending", TW_FT_UINT8, TW_BASE_DEC, 0, NULL,
                         NULL, NULL, "IGMP V0 Reply Pending, Retry in this many seconds"},
    [F_CHECKSUM] = {"igmp.checksum", "Checksum", TW_FT_UINT16, TW_BASE_HEX, 0, NULL, NULL, NULL,
                    "IGMP Checksum"},
    [F_CHECKSUM_STATUS] = {"igmp.checksum.status", "Checksum Status", TW_FT_UINT8, TW_BASE_NONE, 0,
                           cksum_status_vals},
    [F_IDENTIFIER] = {"igmp.identifier", "Identifier", TW_FT_UINT32, TW_BASE_DEC, 0, NULL, NULL,
                      NULL, "IGMP V0 Identifier"},
    [F_ACCESS_KEY] = {"igmp.access_key", "Access Key", TW_FT_BYTES, TW_BASE_NONE, 0, NULL, NULL,
                      NULL, "IGMP V0 Access Key"},
    [F_MAX_RESP] = {"igmp.max_resp", "Max Resp Time", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL, NULL,
                    "Max Response Time"},
    [F_S] = {"igmp.s", "S", TW_FT_BOOLEAN, 8, 0x08, NULL, NULL, &tfs_s,
             "Suppress Router Side Processing"},
    [F_QRV] = {"igmp.qrv", "QRV", TW_FT_UINT8, TW_BASE_DEC, 0x07, NULL, NULL, NULL,
               "Querier's Robustness Value"},
    [F_QQIC] = {"igmp.qqic", "QQIC", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL, NULL,
                "Querier's Query Interval Code"},
    [F_NUM_SRC] = {"igmp.num_src", "Num Src", TW_FT_UINT16, TW_BASE_DEC, 0, NULL, NULL, NULL,
                   "Number Of Sources"},
    [F_SADDR] = {"igmp.saddr", "Source Address", TW_FT_IPv4},
    [F_NUM_GRP_RECS] = {"igmp.num_grp_recs", "Num Group Records", TW_FT_UINT16, TW_BASE_DEC, 0,
                        NULL, NULL, NULL, "Number Of Group Records"},
    [F_RECORD_TYPE] = {"igmp.record_type", "Record Type", TW_FT_UINT8, TW_BASE_DEC, 0, record_vals},
    [F_AUX_DATA_LEN] = {"igmp.aux_data_len", "Aux Data Len", TW_FT_UINT8, TW_BASE_DEC, 0, NULL,
                        NULL, NULL, "Aux Data Len, In units of 32bit words"},
    [F_MADDR] = {"igmp.maddr", "Multicast Address", TW_FT_IPv4},
    [F_AUX_DATA] = {"igmp.aux_data", "Aux Data", TW_FT_BYTES, TW_BASE_NONE, 0, NULL, NULL, NULL,
                    "IGMP V3 Auxiliary Data"},
    [F_DATA] = {"igmp.data", "Data", TW_FT_BYTES},
    [F_MAX_RESP_EXP] = {"igmp.max_resp.exp", "Exponent", TW_FT_UINT8, TW_BASE_HEX, 0x70, NULL, NULL,
                        NULL, "Maximum Response Time, Exponent"},
    [F_MAX_RESP_MANT] = {"igmp.max_resp.mant", "Mantissa", TW_FT_UINT8, TW_BASE_HEX, 0x0f, NULL,
                         NULL, NULL, "Maximum Response Time, Mantissa"},
    [F_MT_MAX_HOPS] = {"igmp.mtrace.max_hops", "# hops", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL,
                       NULL, "Maximum Number of Hops to Trace"},
    [F_MT_SADDR] = {"igmp.mtrace.saddr", "Source Address", TW_FT_IPv4, TW_BASE_NONE, 0, NULL, NULL,
                    NULL, "Multicast Source for the Path Being Traced"},
    [F_MT_RADDR] = {"igmp.mtrace.raddr", "Receiver Address", TW_FT_IPv4, TW_BASE_NONE, 0, NULL,
                    NULL, NULL, "Multicast Receiver for the Path Being Traced"},
    [F_MT_RSPADDR] = {"igmp.mtrace.rspaddr", "Response Address", TW_FT_IPv4, TW_BASE_NONE, 0, NULL,
                      NULL, NULL, "Destination of Completed Traceroute Response"},
    [F_MT_RESP_TTL] = {"igmp.mtrace.resp_ttl", "Response TTL", TW_FT_UINT8, TW_BASE_DEC, 0, NULL,
                       NULL, NULL, "TTL for Multicasted Responses"},
    [F_MT_Q_ID] = {"igmp.mtrace.q_id", "Query ID", TW_FT_UINT24, TW_BASE_DEC, 0, NULL, NULL, NULL,
                   "Identifier for this Traceroute Request"},
    [F_MT_Q_ARRIVAL] = {"igmp.mtrace.q_arrival", "Query Arrival", TW_FT_UINT32, TW_BASE_DEC, 0,
                        NULL, NULL, NULL, "Query Arrival Time"},
    [F_MT_Q_INADDR] = {"igmp.mtrace.q_inaddr", "In itf addr", TW_FT_IPv4, TW_BASE_NONE, 0, NULL,
                       NULL, NULL, "Incoming Interface Address"},
    [F_MT_Q_OUTADDR] = {"igmp.mtrace.q_outaddr", "Out itf addr", TW_FT_IPv4, TW_BASE_NONE, 0, NULL,
                        NULL, NULL, "Outgoing Interface Address"},
    [F_MT_Q_PREVRTR] = {"igmp.mtrace.q_prevrtr", "Previous rtr addr", TW_FT_IPv4, TW_BASE_NONE, 0,
                        NULL, NULL, NULL, "Previous-Hop Router Address"},
    [F_MT_Q_INPKT] = {"igmp.mtrace.q_inpkt", "In pkts", TW_FT_UINT32, TW_BASE_DEC, 0, NULL, NULL,
                      NULL, "Input packet count on incoming interface"},
    [F_MT_Q_OUTPKT] = {"igmp.mtrace.q_outpkt", "Out pkts", TW_FT_UINT32, TW_BASE_DEC, 0, NULL, NULL,
                       NULL, "Output packet count on outgoing interface"},
    [F_MT_Q_TOTAL] = {"igmp.mtrace.q_total", "S,G pkt count", TW_FT_UINT32, TW_BASE_DEC, 0, NULL,
                      NULL, NULL, "Total number of packets for this source-group pair"},
    [F_MT_Q_RTG_PROTO] = {"igmp.mtrace.q_rtg_proto", "Rtg Protocol", TW_FT_UINT8, TW_BASE_DEC, 0,
                          rtg_vals, NULL, NULL,
                          "Routing protocol between this and previous hop rtr"},
    [F_MT_Q_FWD_TTL] = {"igmp.mtrace.q_fwd_ttl", "FwdTTL", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL,
                        NULL, "TTL required for forwarding"},
    [F_MT_Q_MBZ] = {"igmp.mtrace.q_mbz", "MBZ", TW_FT_UINT8, TW_BASE_HEX, 0x80, NULL, NULL, NULL,
                    "Must be zeroed on transmission and ignored on reception"},
    [F_MT_Q_S] = {"igmp.mtrace.q_s", "S", TW_FT_UINT8, TW_BASE_HEX, 0x40, NULL, NULL, NULL,
                  "Set if S,G packet count is for source network"},
    [F_MT_Q_SRC_MASK] = {"igmp.mtrace.q_src_mask", "Src Mask", TW_FT_UINT8, TW_BASE_HEX, 0x3f, NULL,
                         NULL, NULL, "Source mask length. 63 when forwarding on group state"},
    [F_MT_Q_FWD_CODE] = {"igmp.mtrace.q_fwd_code", "Forwarding Code", TW_FT_UINT8, TW_BASE_HEX, 0,
                         fwd_code_vals, NULL, NULL, "Forwarding information/error code"},
};

enum { E_CHECKSUM, E_COUNT };
static const struct tw_expert_def experts[E_COUNT] = {
    [E_CHECKSUM] = {"igmp.bad_checksum", "decoder.igmp.bad_checksum", TW_SEV_ERROR, TW_GRP_CHECKSUM,
                    "Bad checksum"},
};

static bool have(struct tw_cur *c, uint32_t off, uint32_t n)
{
    struct tw_cur t = *c;
    t.off = off;
    if (tw_cur_need(&t, n)) return true;
    if (!c->err) c->err = t.err;
    return false;
}
static uint32_t be16(const uint8_t *b)
{
    return (uint32_t)b[0] << 8 | b[1];
}
static uint32_t be32(const uint8_t *b)
{
    return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}
static const char *ip4(char *buf, const uint8_t *b)
{
    snprintf(buf, 16, "%u.%u.%u.%u", b[0], b[1], b[2], b[3]);
    return buf;
}

/* Wireshark's igmp_checksum(): over `len` bytes from s (0 = the whole message) */
static bool checksum(struct tw_pkt *p, struct tw_cur *c, uint32_t s, uint32_t len)
{
    if (!have(c, s + 2, 2)) return false;
    uint16_t sum = (uint16_t)be16(c->data + s + 2);
    uint32_t rep = c->end - s, capd = TW_MIN(c->cap, c->end) - s;
    if (len == 0) len = rep;
    int32_t r = tw_add_uint(p, HF(F_CHECKSUM), s + 2, 2, sum), st;
    if (!p->ctx.ip_fragment && capd >= len) {
        uint16_t computed = tw_cksum_fold(tw_cksum_add(0, c->data + s, len));
        if (computed == 0) {
            tw_rec_label(p, r, "Checksum: 0x%04x [correct]", sum);
            st = tw_add_uint(p, HF(F_CHECKSUM_STATUS), s + 2, 2, 1);
        } else {
            uint32_t sb = (uint32_t)sum + computed;
            sb = (sb & 0xffff) + (sb >> 16);
            sb = (sb & 0xffff) + (sb >> 16);
            tw_rec_label(p, r, "Checksum: 0x%04x incorrect, should be 0x%04x", sum, sb);
            tw_tree_push(p, r);
            tw_expert(p, EX(E_CHECKSUM), s + 2, 2, "Bad checksum [should be 0x%04x]", sb);
            tw_tree_pop(p);
            st = tw_add_uint(p, HF(F_CHECKSUM_STATUS), s + 2, 2, 0);
        }
    } else {
        tw_rec_label(p, r, "Checksum: 0x%04x [unverified]", sum);
        st = tw_add_uint(p, HF(F_CHECKSUM_STATUS), s + 2, 2, 2);
    }
    tw_rec_flags(p, st, TW_RF_GENERATED);
    return true;
}

/* the version, type and columns common to v0-v3; false when the type byte is missing */
static bool common(struct tw_pkt *p, struct tw_cur *c, uint32_t s, int version)
{
    char proto[8];
    static const char *const names[] = {"IGMPv0", "IGMPv1", "IGMPv2", "IGMPv3"};
    (void)proto;
    tw_col_proto(p, names[version]);
    tw_info_clear(p);
    if (!have(c, s, 1)) {
        tw_layer_unrecord(p);
        return false;
    }
    uint8_t type = c->data[s];
    const char *tn = tw_vs_find(commands, type);
    if (tn)
        tw_info_set(p, tn);
    else {
        tw_info_set(p, "");
        tw_info_printf(p, "Unknown Type:0x%02x", type);
    }
    int32_t r = tw_add_uint(p, HF(F_VERSION), s, 0, (uint64_t)version);
    tw_rec_flags(p, r, TW_RF_GENERATED);
    tw_add_uint(p, HF(F_TYPE), s, 1, type);
    return true;
}

static void v3_report(struct tw_pkt *p, struct tw_cur *c, uint32_t s)
{
    if (!common(p, c, s, 3)) return;
    if (!have(c, s + 1, 1)) return;
    tw_add_bytes(p, HF(F_RESERVED), c, s + 1, 1);
    if (!checksum(p, c, s, 0)) return;
    if (!have(c, s + 4, 2)) return;
    tw_add_bytes(p, HF(F_RESERVED), c, s + 4, 2);
    if (!have(c, s + 6, 2)) return;
    uint32_t num = be16(c->data + s + 6);
    if (!num) tw_info_add(p, " - General query");
    tw_add_uint(p, HF(F_NUM_GRP_RECS), s + 6, 2, num);
    uint32_t off = s + 8;
    char a[16];
    while (num--) {
        uint32_t start = off;
        if (!have(c, off + 4, 4) || !have(c, off, 1)) return;
        const uint8_t *b = c->data + off;
        uint8_t rt = b[0];
        const char *rn = tw_vs_find(record_vals, rt);
        int32_t t = tw_add_text(p, off, 8, "Group Record : %s  %s", ip4(a, b + 4), rn ? rn : "");
        tw_tree_push(p, t);
        tw_add_uint(p, HF(F_RECORD_TYPE), off, 1, rt);
        bool ok = have(c, off + 1, 1);
        uint8_t adl = ok ? b[1] : 0;
        if (ok) tw_add_uint(p, HF(F_AUX_DATA_LEN), off + 1, 1, adl);
        uint32_t ns = 0;
        if (ok && (ok = have(c, off + 2, 2))) {
            ns = be16(b + 2);
            tw_add_uint(p, HF(F_NUM_SRC), off + 2, 2, ns);
        }
        if (!ok) {
            tw_tree_pop(p);
            return;
        }
        tw_add_ptr(p, HF(F_MADDR), off + 4, 4, b + 4, 4);
        char m[16];
        ip4(m, b + 4);
        off += 8;
        if (ns == 0) {
            switch (rt) {
            case 1:
            case 3:
                tw_info_printf(p, " / Leave group %s", m);
                break;
            case 2:
            case 4:
                tw_info_printf(p, " / Join group %s for any sources", m);
                break;
            case 5:
                tw_info_printf(p, " / Group %s, ALLOW_NEW_SOURCES but no source specified (?)", m);
                break;
            case 6:
                tw_info_printf(p, " / Group %s, BLOCK_OLD_SOURCES but no source specified (?)", m);
                break;
            default:
                tw_info_printf(p, " / Group %s, unknown record type (?)", m);
                break;
            }
        } else {
            switch (rt) {
            case 1:
            case 3:
                tw_info_printf(p, " / Join group %s for source%s {", m, ns > 1 ? "s in" : "");
                break;
            case 2:
            case 4:
                tw_info_printf(p, " / Join group %s, for source%s {", m,
                               ns > 1 ? "s not in" : " not");
                break;
            case 5:
                tw_info_printf(p, " / Group %s, new source%s {", m, ns > 1 ? "s" : "");
                break;
            case 6:
                tw_info_printf(p, " / Group %s, block source%s {", m, ns > 1 ? "s" : "");
                break;
            default:
                tw_info_printf(p, " / Group %s, unknown record type (?), sources {", m);
                break;
            }
        }
        while (ns--) {
            if (!have(c, off, 4)) {
                tw_tree_pop(p);
                return;
            }
            tw_info_printf(p, "%s%s", ip4(a, c->data + off), ns ? ", " : "}");
            tw_add_ptr(p, HF(F_SADDR), off, 4, c->data + off, 4);
            off += 4;
        }
        if (adl) {
            if (!have(c, off, adl * 4u)) {
                tw_tree_pop(p);
                return;
            }
            tw_add_bytes(p, HF(F_AUX_DATA), c, off, adl * 4u);
            off += adl * 4u;
        }
        tw_tree_pop(p);
        tw_rec_setlen(p, t, off - start);
    }
}

static void v3_query(struct tw_pkt *p, struct tw_cur *c, uint32_t s)
{
    if (!common(p, c, s, 3)) return;
    if (!have(c, s + 10, 2)) return;
    const uint8_t *b = c->data + s;
    uint32_t num = be16(b + 10);
    uint8_t bits = b[1];
    uint32_t ts = bits;
    if (bits & 0x80) ts = ((bits & 0x0fu) | 0x10u) << (((bits & 0x70u) >> 4) + 3);
    int32_t r = tw_add_uint(p, HF(F_MAX_RESP), s + 1, 1, ts);
    tw_rec_label(p, r, "Max Resp Time: %.1f sec (0x%02x)", ts * 0.1, bits);
    if (bits & 0x80) {
        tw_tree_push(p, r);
        tw_add_bits(p, HF(F_MAX_RESP_EXP), s + 1, 1, bits);
        tw_add_bits(p, HF(F_MAX_RESP_MANT), s + 1, 1, bits);
        tw_tree_pop(p);
    }
    if (!checksum(p, c, s, 0)) return;
    char a[16];
    tw_add_ptr(p, HF(F_MADDR), s + 4, 4, b + 4, 4);
    if (!be32(b + 4))
        tw_info_add(p, ", general");
    else
        tw_info_printf(p, ", specific for group %s", ip4(a, b + 4));
    tw_add_bits(p, HF(F_S), s + 8, 1, b[8]);
    tw_add_bits(p, HF(F_QRV), s + 8, 1, b[8]);
    tw_add_uint(p, HF(F_QQIC), s + 9, 1, b[9]);
    tw_add_uint(p, HF(F_NUM_SRC), s + 10, 2, num);
    if (num) tw_info_printf(p, ", source%s {", num > 1 ? "s" : "");
    uint32_t off = s + 12;
    while (num--) {
        if (!have(c, off, 4)) return;
        tw_info_printf(p, "%s%s", ip4(a, c->data + off), num ? ", " : "}");
        tw_add_ptr(p, HF(F_SADDR), off, 4, c->data + off, 4);
        off += 4;
    }
}

static void v2(struct tw_pkt *p, struct tw_cur *c, uint32_t s)
{
    if (!common(p, c, s, 2)) return;
    if (!have(c, s + 1, 1)) return;
    uint8_t type = c->data[s], ts = c->data[s + 1];
    int32_t r = tw_add_uint(p, HF(F_MAX_RESP), s + 1, 1, ts);
    tw_rec_label(p, r, "Max Resp Time: %.1f sec (0x%02x)", ts * 0.1, ts);
    if (!checksum(p, c, s, 8)) return;
    if (!have(c, s + 4, 4)) return;
    const uint8_t *b = c->data + s;
    char a[16];
    tw_add_ptr(p, HF(F_MADDR), s + 4, 4, b + 4, 4);
    if (!be32(b + 4))
        tw_info_add(p, ", general");
    else if (type == 0x17)
        tw_info_printf(p, " %s", ip4(a, b + 4));
    else if (type == 0x11)
        tw_info_printf(p, ", specific for group %s", ip4(a, b + 4));
    else
        tw_info_printf(p, " group %s", ip4(a, b + 4));
}

static void v1(struct tw_pkt *p, struct tw_cur *c, uint32_t s)
{
    if (!common(p, c, s, 1)) return;
    if (!have(c, s + 1, 1)) return;
    tw_add_bytes(p, HF(F_RESERVED), c, s + 1, 1);
    if (!checksum(p, c, s, 8)) return;
    if (have(c, s + 4, 4)) tw_add_ptr(p, HF(F_MADDR), s + 4, 4, c->data + s + 4, 4);
}

static void v0(struct tw_pkt *p, struct tw_cur *c, uint32_t s)
{
    if (!common(p, c, s, 0)) return;
    if (!have(c, s + 1, 1)) return;
    uint8_t type = c->data[s], code = c->data[s + 1];
    if (type == 1)
        tw_add_uint(p, HF(F_GROUP_TYPE), s + 1, 1, code);
    else if (!(type & 1))
        tw_add_uint(p, HF(code < 5 ? F_REPLY : F_REPLY_PENDING), s + 1, 1, code);
    if (!checksum(p, c, s, 20)) return;
    if (!have(c, s + 4, 4)) return;
    tw_add_uint(p, HF(F_IDENTIFIER), s + 4, 4, be32(c->data + s + 4));
    if (!have(c, s + 8, 4)) return;
    tw_add_ptr(p, HF(F_MADDR), s + 8, 4, c->data + s + 8, 4);
    if (!have(c, s + 12, 8)) return;
    tw_add_bytes(p, HF(F_ACCESS_KEY), c, s + 12, 8);
}

static void mtrace(struct tw_pkt *p, struct tw_cur *c, uint32_t s)
{
    tw_col_proto(p, "IGMP");
    tw_info_clear(p);
    if (!have(c, s, 1)) return;
    uint8_t type = c->data[s];
    uint32_t rem = c->end - s;
    const char *ts;
    char blocks[32] = "";
    if (type == 0x1e) {
        int i = ((int)rem - 24) / 32;
        snprintf(blocks, sizeof blocks, ", %d block%s", i, i == 1 ? "" : "s");
        ts = "Traceroute Response";
    } else if (rem == 24)
        ts = "Traceroute Query";
    else
        ts = "Traceroute Request";
    tw_info_set(p, ts);
    tw_info_add(p, blocks);
    int32_t r = tw_add_uint(p, HF(F_TYPE), s, 1, type);
    tw_rec_label(p, r, "Type: %s (0x%02x)", ts, type);
    if (!have(c, s + 1, 1)) return;
    tw_add_uint(p, HF(F_MT_MAX_HOPS), s + 1, 1, c->data[s + 1]);
    if (!checksum(p, c, s, 0)) return;
    static const uint8_t hf4[] = {F_MADDR, F_MT_SADDR, F_MT_RADDR, F_MT_RSPADDR};
    for (int i = 0; i < 4; i++) {
        if (!have(c, s + 4 + 4u * i, 4)) return;
        tw_add_ptr(p, HF(hf4[i]), s + 4 + 4u * i, 4, c->data + s + 4 + 4 * i, 4);
    }
    if (!have(c, s + 20, 1)) return;
    tw_add_uint(p, HF(F_MT_RESP_TTL), s + 20, 1, c->data[s + 20]);
    if (!have(c, s + 21, 3)) return;
    const uint8_t *q = c->data + s + 21;
    tw_add_uint(p, HF(F_MT_Q_ID), s + 21, 3, (uint32_t)q[0] << 16 | (uint32_t)q[1] << 8 | q[2]);
    uint32_t off = s + 24;
    char a1[16], a2[16];
    while (off < c->end && c->end - off >= 32) {
        if (!have(c, off, 32)) return;
        const uint8_t *b = c->data + off;
        const char *rn = tw_vs_find(rtg_vals, b[28]), *fn = tw_vs_find(fwd_code_vals, b[31]);
        int32_t t = tw_add_text(
            p, off, 32, "Response data block: %s -> %s,  Proto: %s,  Forwarding Code: %s",
            ip4(a1, b + 4), ip4(a2, b + 8), rn ? rn : "Unknown", fn ? fn : "Unknown");
        tw_tree_push(p, t);
        tw_add_uint(p, HF(F_MT_Q_ARRIVAL), off, 4, be32(b));
        tw_add_ptr(p, HF(F_MT_Q_INADDR), off + 4, 4, b + 4, 4);
        tw_add_ptr(p, HF(F_MT_Q_OUTADDR), off + 8, 4, b + 8, 4);
        tw_add_ptr(p, HF(F_MT_Q_PREVRTR), off + 12, 4, b + 12, 4);
        tw_add_uint(p, HF(F_MT_Q_INPKT), off + 16, 4, be32(b + 16));
        tw_add_uint(p, HF(F_MT_Q_OUTPKT), off + 20, 4, be32(b + 20));
        tw_add_uint(p, HF(F_MT_Q_TOTAL), off + 24, 4, be32(b + 24));
        tw_add_uint(p, HF(F_MT_Q_RTG_PROTO), off + 28, 1, b[28]);
        tw_add_uint(p, HF(F_MT_Q_FWD_TTL), off + 29, 1, b[29]);
        tw_add_bits(p, HF(F_MT_Q_MBZ), off + 30, 1, b[30]);
        tw_add_bits(p, HF(F_MT_Q_S), off + 30, 1, b[30]);
        tw_add_bits(p, HF(F_MT_Q_SRC_MASK), off + 30, 1, b[30]);
        tw_add_uint(p, HF(F_MT_Q_FWD_CODE), off + 31, 1, b[31]);
        tw_tree_pop(p);
        off += 32;
    }
}

static void unknown(struct tw_pkt *p, struct tw_cur *c, uint32_t s)
{
    tw_col_proto(p, "IGMP");
    tw_info_clear(p);
    uint8_t type = c->data[s];
    const char *tn = tw_vs_find(commands, type);
    if (tn)
        tw_info_set(p, tn);
    else {
        tw_info_set(p, "");
        tw_info_printf(p, "Unknown Type:0x%02x", type);
    }
    tw_add_uint(p, HF(F_TYPE), s, 1, type);
    uint32_t n = TW_MIN(c->cap, c->end) - (s + 1);
    if (have(c, s + 1, n)) tw_add_ptr(p, HF(F_DATA), s + 1, n, c->data + s + 1, n);
}

static enum tw_status dissect_msg(struct tw_pkt *p, struct tw_cur *c)
{
    uint32_t s = c->off;
    uint8_t type = c->data[s]; /* the dispatching layer read it */
    if (type <= 15)
        v0(p, c, s);
    else if (type == 0x12)
        v1(p, c, s);
    else if (type == 0x16 || type == 0x17)
        v2(p, c, s);
    else if (type == 0x11) {
        if (c->end - s >= 12)
            v3_query(p, c, s);
        else if (have(c, s + 1, 1) && c->data[s + 1])
            v2(p, c, s);
        else if (!c->err)
            v1(p, c, s);
        else
            tw_layer_unrecord(p);
    } else if (type == 0x22)
        v3_report(p, c, s);
    else if (type == 0x1e || type == 0x1f)
        mtrace(p, c, s);
    else
        unknown(p, c, s);
    return TW_OK;
}

/* the "igmp" layer that only dispatches on the type */
static enum tw_status dissect_igmp(struct tw_pkt *p, struct tw_cur *c)
{
    tw_col_proto(p, "IGMP");
    tw_info_clear(p);
    if (!have(c, c->off, 1)) {
        tw_layer_itemless(p);
        return TW_OK;
    }
    tw_next(p, TW_TBL_NAME, KEY_IGMP_MSG, *c);
    return TW_OK;
}

static const struct tw_binding bindings[] = {{TW_TBL_IP_PROTO, 2}};

const struct tw_proto tw_proto_igmp = {
    .abbrev = "igmp",
    .name = "Internet Group Management Protocol",
    .short_name = "IGMP",
    .bindings = bindings,
    .nbindings = TW_ARRAY_LEN(bindings),
    .dissect = dissect_igmp,
    .ids = &outer_ids,
    .flags = TW_PROTO_NO_RECORD,
};

static const struct tw_binding msg_bindings[] = {{TW_TBL_NAME, KEY_IGMP_MSG}};

const struct tw_proto tw_proto_igmp_msg = {
    .abbrev = "igmp",
    .name = "Internet Group Management Protocol",
    .short_name = "IGMP",
    .fields = fields,
    .nfields = F_COUNT,
    .experts = experts,
    .nexperts = E_COUNT,
    .bindings = msg_bindings,
    .nbindings = TW_ARRAY_LEN(msg_bindings),
    .dissect = dissect_msg,
    .ids = &ids,
};
