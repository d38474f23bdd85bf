/* Cisco Hot Standby Router Protocol: version 1 (RFC 2281, multicast to 224.0.0.2 on UDP 1985,
 * with the interface-state advertisement of op code 3 and an optional MD5 TLV after it) and
 * version 2 (a sequence of TLVs, to 224.0.0.102 on UDP 1985 or ff02::66 on UDP 2029), as tshark
 * 4.0 shows them: one protocol, "hsrp", whose version 2 fields are named hsrp2.*.
 *
 *   v1:  version | op code | state | hellotime | holdtime | priority | group | reserved |
 *        authentication data (8) | virtual IP address (4)
 *   v2 TLVs:  type (1) | length (1) | value; 1 group state (40), 2 interface state (4),
 *             3 text authentication (8), 4 MD5 authentication (28)
 */
#include "../dissect.h"

#include <string.h>

static struct tw_proto_ids ids;
#define HF(x) ((uint16_t)(ids.base + (x)))
#define EX(x) ((uint16_t)(ids.expert_base + (x)))

enum {
    F_VERSION,
    F_OPCODE,
    F_STATE,
    F_HELLOTIME,
    F_HOLDTIME,
    F_PRIORITY,
    F_GROUP,
    F_RESERVED,
    F_AUTH_DATA,
    F_VIRT_IP,
    F_ADV_TYPE,
    F_ADV_LENGTH,
    F_ADV_STATE,
    F_ADV_RESERVED1,
    F_ADV_ACTIVE,
    F_ADV_PASSIVE,
    F_ADV_RESERVED2,
    F2_VERSION,
    F2_OPCODE,
    F2_STATE,
    F2_GROUP_STATE_TLV,
    F2_INTERFACE_STATE_TLV,
    F2_TEXT_AUTH_TLV,
    F2_MD5_AUTH_TLV,
    F2_IPVERSION,
    F2_GROUP,
    F2_IDENTIFIER,
    F2_HELLOTIME,
    F2_HOLDTIME,
    F2_PRIORITY,
    F2_AUTH_DATA,
    F2_VIRT_IP,
    F2_VIRT_IP6,
    F2_ACTIVE,
    F2_PASSIVE,
    F2_MD5_ALGORITHM,
    F2_MD5_PADDING,
    F2_MD5_FLAGS,
    F_MD5_IP,
    F2_MD5_KEY_ID,
    F2_MD5_AUTH_DATA,
    F_COUNT
};

static const struct tw_vs opcode_vals[] = {
    {0, "Hello"}, {1, "Coup"}, {2, "Resign"}, {3, "Advertise"}, {0, NULL}};
static const struct tw_vs state_vals[] = {{0, "Initial"}, {1, "Learn"},   {2, "Listen"},
                                          {4, "Speak"},   {8, "Standby"}, {16, "Active"},
                                          {0, NULL}};
static const struct tw_vs adv_type_vals[] = {
    {1, "HSRP interface state"}, {2, "IP redundancy"}, {0, NULL}};
static const struct tw_vs adv_state_vals[] = {
    {1, "Dormant"}, {2, "Passive"}, {3, "Active"}, {0, NULL}};
static const struct tw_vs opcode2_vals[] = {{0, "Hello"}, {1, "Coup"}, {2, "Resign"}, {0, NULL}};
static const struct tw_vs state2_vals[] = {{1, "Init"},  {2, "Learn"},   {3, "Listen"},
                                           {4, "Speak"}, {5, "Standby"}, {6, "Active"},
                                           {0, NULL}};
static const struct tw_vs ipver_vals[] = {{4, "IPv4"}, {6, "IPv6"}, {0, NULL}};
static const struct tw_vs md5_alg_vals[] = {{1, "MD5"}, {0, NULL}};

static const struct tw_field_def fields[F_COUNT] = {
    [F_VERSION] = {"hsrp.version", "Version", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL, NULL,
                   "The version of the HSRP messages"},
    [F_OPCODE] = {"hsrp.opcode", "Op Code", TW_FT_UINT8, TW_BASE_DEC, 0, opcode_vals, NULL, NULL,
                  "The type of message contained in this packet"},
    [F_STATE] = {"hsrp.state", "State", TW_FT_UINT8, TW_BASE_DEC, 0, state_vals, NULL, NULL,
                 "The current state of the router sending the message"},
    [F_HELLOTIME] = {"hsrp.hellotime", "Hellotime", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL, NULL,
                     "The approximate period between the Hello messages that the router sends"},
    [F_HOLDTIME] = {"hsrp.holdtime", "Holdtime", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL, NULL,
                    "Time that the current Hello message should be considered valid"},
    [F_PRIORITY] = {"hsrp.priority", "Priority", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL, NULL,
                    "Used to elect the active and standby routers. Numerically higher priority "
                    "wins vote"},
    [F_GROUP] = {"hsrp.group", "Group", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL, NULL,
                 "This field identifies the standby group"},
    [F_RESERVED] = {"hsrp.reserved", "Reserved", TW_FT_UINT8, TW_BASE_DEC},
    [F_AUTH_DATA] = {"hsrp.auth_data", "Authentication Data", TW_FT_STRING, TW_BASE_NONE, 0, NULL,
                     NULL, NULL, "Contains a clear-text 8 character reused password"},
    [F_VIRT_IP] = {"hsrp.virt_ip", "Virtual IP Address", TW_FT_IPv4, TW_BASE_NONE, 0, NULL, NULL,
                   NULL, "The virtual IP address used by this group"},
    [F_ADV_TYPE] = {"hsrp.adv.tlvtype", "Adv type", TW_FT_UINT16, TW_BASE_DEC, 0, adv_type_vals,
                    NULL, NULL, "Advertisement tlv type"},
    [F_ADV_LENGTH] = {"hsrp.adv.tlvlength", "Adv length", TW_FT_UINT16, TW_BASE_DEC, 0, NULL, NULL,
                      NULL, "Advertisement tlv length"},
    [F_ADV_STATE] = {"hsrp.adv.state", "Adv state", TW_FT_UINT8, TW_BASE_DEC, 0, adv_state_vals,
                     NULL, NULL, "Advertisement tlv length"},
    [F_ADV_RESERVED1] = {"hsrp.adv.reserved1", "Adv reserved1", TW_FT_UINT8, TW_BASE_DEC, 0, NULL,
                         NULL, NULL, "Advertisement tlv length"},
    [F_ADV_ACTIVE] = {"hsrp.adv.activegrp", "Adv active groups", TW_FT_UINT16, TW_BASE_DEC, 0, NULL,
                      NULL, NULL, "Advertisement active group count"},
    [F_ADV_PASSIVE] = {"hsrp.adv.passivegrp", "Adv passive groups", TW_FT_UINT16, TW_BASE_DEC, 0,
                       NULL, NULL, NULL, "Advertisement passive group count"},
    [F_ADV_RESERVED2] = {"hsrp.adv.reserved2", "Adv reserved2", TW_FT_UINT32, TW_BASE_DEC, 0, NULL,
                         NULL, NULL, "Advertisement tlv length"},
    [F2_VERSION] = {"hsrp2.version", "Version", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL, NULL,
                    "The version of the HSRP messages"},
    [F2_OPCODE] = {"hsrp2.opcode", "Op Code", TW_FT_UINT8, TW_BASE_DEC, 0, opcode2_vals, NULL, NULL,
                   "The type of message contained in this packet"},
    [F2_STATE] = {"hsrp2.state", "State", TW_FT_UINT8, TW_BASE_DEC, 0, state2_vals, NULL, NULL,
                  "The current state of the router sending the message"},
    [F2_GROUP_STATE_TLV] = {"hsrp2.group_state_tlv", "Group State TLV", TW_FT_UINT8, TW_BASE_DEC},
    [F2_INTERFACE_STATE_TLV] = {"hsrp2.interface_state_tlv", "Interface State TLV", TW_FT_UINT8,
                                TW_BASE_DEC},
    [F2_TEXT_AUTH_TLV] = {"hsrp2.text_auth_tlv", "Text Authentication TLV", TW_FT_UINT8,
                          TW_BASE_DEC},
    [F2_MD5_AUTH_TLV] = {"hsrp2.md5_auth_tlv", "MD5 Authentication TLV", TW_FT_UINT8, TW_BASE_DEC},
    [F2_IPVERSION] = {"hsrp2.ipversion", "IP Ver.", TW_FT_UINT8, TW_BASE_DEC, 0, ipver_vals, NULL,
                      NULL, "The IP protocol version used in this hsrp message"},
    [F2_GROUP] = {"hsrp2.group", "Group", TW_FT_UINT16, TW_BASE_DEC, 0, NULL, NULL, NULL,
                  "This field identifies the standby group"},
    [F2_IDENTIFIER] = {"hsrp2.identifier", "Identifier", TW_FT_ETHER, TW_BASE_NONE, 0, NULL, NULL,
                       NULL, "BIA value of a sender interafce"},
    [F2_HELLOTIME] = {"hsrp2.hellotime", "Hellotime", TW_FT_UINT32, TW_BASE_DEC, 0, NULL, NULL,
                      NULL,
                      "The approximate period between the Hello messages that the router sends"},
    [F2_HOLDTIME] = {"hsrp2.holdtime", "Holdtime", TW_FT_UINT32, TW_BASE_DEC, 0, NULL, NULL, NULL,
                     "Time that the current Hello message should be considered valid"},
    [F2_PRIORITY] = {"hsrp2.priority", "Priority", TW_FT_UINT32, TW_BASE_DEC, 0, NULL, NULL, NULL,
                     "Used to elect the active and standby routers. Numerically higher priority "
                     "wins vote"},
    [F2_AUTH_DATA] = {"hsrp2.auth_data", "Authentication Data", TW_FT_STRING, TW_BASE_NONE, 0, NULL,
                      NULL, NULL, "Contains a clear-text 8 character reused password"},
    [F2_VIRT_IP] = {"hsrp2.virt_ip", "Virtual IP Address", TW_FT_IPv4, TW_BASE_NONE, 0, NULL, NULL,
                    NULL, "The virtual IP address used by this group"},
    [F2_VIRT_IP6] = {"hsrp2.virt_ip_v6", "Virtual IPv6 Address", TW_FT_IPv6, TW_BASE_NONE, 0, NULL,
                     NULL, NULL, "The virtual IPv6 address used by this group"},
    [F2_ACTIVE] = {"hsrp2.active_groups", "Active Groups", TW_FT_UINT16, TW_BASE_DEC, 0, NULL, NULL,
                   NULL, "Active group number which becomes the active router myself"},
    [F2_PASSIVE] = {"hsrp2.passive_groups", "Passive Groups", TW_FT_UINT16, TW_BASE_DEC, 0, NULL,
                    NULL, NULL,
                    "Standby group number which doesn't become the active router myself"},
    [F2_MD5_ALGORITHM] = {"hsrp2.md5_algorithm", "MD5 Algorithm", TW_FT_UINT8, TW_BASE_DEC, 0,
                          md5_alg_vals, NULL, NULL, "Hash Algorithm used by this group"},
    [F2_MD5_PADDING] = {"hsrp2.md5_padding", "Padding", TW_FT_UINT8, TW_BASE_HEX, 0, NULL, NULL,
                        NULL, "Must be zero"},
    [F2_MD5_FLAGS] = {"hsrp2.md5_flags", "MD5 Flags", TW_FT_UINT16, TW_BASE_DEC, 0, NULL, NULL,
                      NULL, "Undefined"},
    [F_MD5_IP] = {"hsrp.md5_ip_address", "Sender's IP Address", TW_FT_IPv4, TW_BASE_NONE, 0, NULL,
                  NULL, NULL, "IP Address of the sender interface"},
    [F2_MD5_KEY_ID] = {"hsrp2.md5_key_id", "MD5 Key ID", TW_FT_UINT32, TW_BASE_DEC, 0, NULL, NULL,
                       NULL, "Which one of multiple MD5 keys used"},
    [F2_MD5_AUTH_DATA] = {"hsrp2.md5_auth_data", "MD5 Authentication Data", TW_FT_BYTES,
                          TW_BASE_NONE, 0, NULL, NULL, NULL, "MD5 digest string is contained."},
};

enum { E_UNKNOWN_TLV, E_COUNT };
static const struct tw_expert_def experts[E_COUNT] = {
    [E_UNKNOWN_TLV] = {"hsrp.unknown_tlv", "decoder.hsrp.unknown_tlv", TW_SEV_WARN, TW_GRP_PROTOCOL,
                       "Unknown TLV sequence (HSRPv1)"},
};

/* [off, off+n) readable? else the cursor records why (Wireshark's exception) */
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

/* the authentication string: 8 bytes up to a NUL, "Default (cisco)" when it starts "cisco" */
static void add_auth(struct tw_pkt *p, struct tw_cur *c, uint16_t hf, uint32_t off)
{
    if (!have(c, off, 8)) return;
    const uint8_t *b = c->data + off;
    char s[9];
    memcpy(s, b, 8);
    s[8] = 0;
    int32_t r = tw_add_ascii(p, hf, off, 8, b);
    tw_rec_label(p, r, "Authentication Data: %sDefault (%s)",
                 memcmp(b, "cisco", 5) == 0 ? "" : "Non-", s);
}

static void md5_tlv(struct tw_pkt *p, struct tw_cur *c, uint32_t off)
{
    if (!have(c, off, 2)) return;
    const uint8_t *b = c->data + off;
    int32_t r = tw_add_uint(p, HF(F2_MD5_AUTH_TLV), off, 1, b[0]);
    tw_rec_label(p, r, "MD5 Authentication TLV: Type=%d Len=%d", b[0], b[1]);
    tw_tree_push(p, r);
    off += 2;
    if (have(c, off, 1)) tw_add_uint(p, HF(F2_MD5_ALGORITHM), off, 1, c->data[off]);
    if (have(c, off + 1, 1)) tw_add_uint(p, HF(F2_MD5_PADDING), off + 1, 1, c->data[off + 1]);
    if (have(c, off + 2, 2)) tw_add_uint(p, HF(F2_MD5_FLAGS), off + 2, 2, be16(c->data + off + 2));
    if (have(c, off + 4, 4)) tw_add_ptr(p, HF(F_MD5_IP), off + 4, 4, c->data + off + 4, 4);
    if (have(c, off + 8, 4)) tw_add_uint(p, HF(F2_MD5_KEY_ID), off + 8, 4, be32(c->data + off + 8));
    if (have(c, off + 12, 16)) tw_add_bytes(p, HF(F2_MD5_AUTH_DATA), c, off + 12, 16);
    tw_tree_pop(p);
}

static void data_rest(struct tw_pkt *p, struct tw_cur *c, uint32_t off)
{
    struct tw_cur d = *c;
    d.off = off;
    if (tw_cur_left(&d)) tw_dissect_nested(p, TW_TBL_NAME, TW_KEY_DATA, d);
}

static void v1(struct tw_pkt *p, struct tw_cur *c, uint32_t s)
{
    tw_col_proto(p, "HSRP");
    if (!have(c, s + 1, 1)) {
        tw_layer_unrecord(p);
        return;
    }
    uint8_t op = c->data[s + 1], state = 0;
    const char *on = tw_vs_find(opcode_vals, op);
    tw_info_set(p, on ? on : "Unknown");
    if (op < 3) {
        if (!have(c, s + 2, 1)) {
            tw_layer_unrecord(p);
            return;
        }
        state = c->data[s + 2];
        const char *sn = tw_vs_find(state_vals, state);
        tw_info_printf(p, " (state %s)", sn ? sn : "Unknown");
    } else if (op == 3) {
        if (!have(c, s + 6, 1)) {
            tw_layer_unrecord(p);
            return;
        }
        state = c->data[s + 6];
        const char *sn = tw_vs_find(adv_state_vals, state);
        tw_info_printf(p, " (state %s)", sn ? sn : "Unknown");
    }
    uint32_t off = s;
    tw_add_uint(p, HF(F_VERSION), off, 1, c->data[off]);
    off++;
    tw_add_uint(p, HF(F_OPCODE), off, 1, op);
    off++;
    if (op < 3) {
        tw_add_uint(p, HF(F_STATE), off, 1, state);
        off++;
        if (!have(c, off, 1)) return;
        uint8_t v = c->data[off];
        int32_t r = tw_add_uint(p, HF(F_HELLOTIME), off, 1, v);
        tw_rec_label(p, r, "Hellotime: %sDefault (%u)", v == 3 ? "" : "Non-", v);
        off++;
        if (!have(c, off, 1)) return;
        v = c->data[off];
        r = tw_add_uint(p, HF(F_HOLDTIME), off, 1, v);
        tw_rec_label(p, r, "Holdtime: %sDefault (%u)", v == 10 ? "" : "Non-", v);
        off++;
        for (int f = F_PRIORITY; f <= F_RESERVED; f++, off++) {
            if (!have(c, off, 1)) return;
            tw_add_uint(p, HF(f), off, 1, c->data[off]);
        }
        add_auth(p, c, HF(F_AUTH_DATA), off);
        if (c->err) return;
        off += 8;
        if (!have(c, off, 4)) return;
        tw_add_ptr(p, HF(F_VIRT_IP), off, 4, c->data + off, 4);
    } else if (op == 3) {
        static const uint8_t w[] = {2, 2, 1, 1, 2, 2, 4};
        for (int i = 0; i < 7; i++) {
            if (!have(c, off, w[i])) return;
            const uint8_t *b = c->data + off;
            uint32_t v = w[i] == 1 ? b[0] : w[i] == 2 ? be16(b) : be32(b);
            tw_add_uint(p, HF(F_ADV_TYPE + i), off, w[i], v);
            if (i < 6) off += w[i];
        }
    } else {
        data_rest(p, c, off);
    }
    /* MD5 authentication after the 20 bytes of a v1 message */
    if (TW_MIN(c->cap, c->end) - s == 50) {
        uint32_t o2 = off + 4;
        if (!have(c, o2, 2)) return;
        uint8_t type = c->data[o2], len = c->data[o2 + 1];
        if (type == 4 && len == 28) {
            md5_tlv(p, c, o2);
        } else {
            tw_expert(p, EX(E_UNKNOWN_TLV), s, c->end - s,
                      "Unknown TLV sequence in HSRPv1 dissection, Type=(%d) Len=(%d)", type, len);
        }
    }
}

static void v2(struct tw_pkt *p, struct tw_cur *c, uint32_t s)
{
    tw_col_proto(p, "HSRPv2");
    uint32_t off = s;
    while (off < c->end) {
        if (!have(c, off, 2)) return;
        uint8_t type = c->data[off], len = c->data[off + 1];
        uint32_t o2 = off;
        if (type == 1 && len == 40) {
            int32_t r = tw_add_uint(p, HF(F2_GROUP_STATE_TLV), off, 2, type);
            tw_rec_label(p, r, "Group State TLV: Type=%d Len=%d", type, len);
            off += 2;
            if (!have(c, off + 1, 1)) return;
            uint8_t op = c->data[off + 1];
            const char *on = tw_vs_find(opcode2_vals, op);
            tw_info_set(p, on ? on : "Unknown");
            if (!have(c, off + 2, 1)) return;
            uint8_t state = c->data[off + 2];
            const char *sn = tw_vs_find(state2_vals, state);
            tw_info_printf(p, " (state %s)", sn ? sn : "Unknown");
            tw_tree_push(p, r);
            tw_add_uint(p, HF(F2_VERSION), off, 1, c->data[off]);
            tw_add_uint(p, HF(F2_OPCODE), off + 1, 1, op);
            tw_add_uint(p, HF(F2_STATE), off + 2, 1, state);
            off += 3;
            bool ok = have(c, off, 1);
            uint8_t ipver = ok ? c->data[off] : 0;
            if (ok) tw_add_uint(p, HF(F2_IPVERSION), off, 1, ipver);
            off++;
            if (ok && (ok = have(c, off, 2)))
                tw_add_uint(p, HF(F2_GROUP), off, 2, be16(c->data + off));
            off += 2;
            if (ok && (ok = have(c, off, 6)))
                tw_add_ptr(p, HF(F2_IDENTIFIER), off, 6, c->data + off, 6);
            off += 6;
            if (ok && (ok = have(c, off, 4)))
                tw_add_uint(p, HF(F2_PRIORITY), off, 4, be32(c->data + off));
            off += 4;
            if (ok && (ok = have(c, off, 4))) {
                uint32_t v = be32(c->data + off);
                r = tw_add_uint(p, HF(F2_HELLOTIME), off, 4, v);
                tw_rec_label(p, r, "Hellotime: %sDefault (%u)", v == 3000 ? "" : "Non-", v);
            }
            off += 4;
            if (ok && (ok = have(c, off, 4))) {
                uint32_t v = be32(c->data + off);
                r = tw_add_uint(p, HF(F2_HOLDTIME), off, 4, v);
                tw_rec_label(p, r, "Holdtime: %sDefault (%u)", v == 10000 ? "" : "Non-", v);
            }
            off += 4;
            if (ok) {
                if (ipver == 4) {
                    if (have(c, off, 4)) tw_add_ptr(p, HF(F2_VIRT_IP), off, 4, c->data + off, 4);
                } else if (ipver == 6) {
                    if (have(c, off, 16))
                        tw_add_ptr(p, HF(F2_VIRT_IP6), off, 16, c->data + off, 16);
                } else {
                    data_rest(p, c, off);
                    tw_tree_pop(p);
                    return;
                }
            }
            tw_tree_pop(p);
            if (c->err) return;
        } else if (type == 2 && len == 4) {
            if (!have(c, off + 2, 4)) return;
            uint32_t act = be16(c->data + off + 2), pas = be16(c->data + off + 4);
            tw_info_set(p, "");
            tw_info_printf(p, "Interface State TLV (Act=%u Pass=%u)", act, pas);
            int32_t r = tw_add_uint(p, HF(F2_INTERFACE_STATE_TLV), off, 1, type);
            tw_rec_label(p, r, "Interface State TLV: Type=%d Len=%d", type, len + 2);
            tw_tree_push(p, r);
            tw_add_uint(p, HF(F2_ACTIVE), off + 2, 2, act);
            tw_add_uint(p, HF(F2_PASSIVE), off + 4, 2, pas);
            tw_tree_pop(p);
        } else if (type == 3 && len == 8) {
            int32_t r = tw_add_uint(p, HF(F2_TEXT_AUTH_TLV), off, 1, type);
            tw_rec_label(p, r, "Text Authentication TLV: Type=%d Len=%d", type, len);
            tw_tree_push(p, r);
            add_auth(p, c, HF(F2_AUTH_DATA), off + 2);
            tw_tree_pop(p);
            if (c->err) return;
        } else if (type == 4 && len == 28) {
            md5_tlv(p, c, off);
            if (c->err) return;
        } else {
            data_rest(p, c, off);
            return;
        }
        off = o2 + len + 2u;
    }
}

static enum tw_status dissect(struct tw_pkt *p, struct tw_cur *c)
{
    uint32_t s = c->off;
    if (p->ctx.dstport != 1985 && p->ctx.dstport != 2029) {
        tw_layer_unrecord(p);
        tw_layer_hide(p);
        tw_next(p, TW_TBL_NAME, TW_KEY_DATA, *c);
        return TW_OK;
    }
    const struct tw_addr *d = &p->net_dst;
    static const uint8_t v1dst[4] = {224, 0, 0, 2}, v2dst[4] = {224, 0, 0, 102};
    if (d->type == TW_AT_IPv4 && d->len == 4 && memcmp(d->p, v1dst, 4) == 0)
        v1(p, c, s);
    else if ((d->type == TW_AT_IPv4 && d->len == 4 && memcmp(d->p, v2dst, 4) == 0) ||
             (d->type == TW_AT_IPv6 && p->ctx.dstport == 2029))
        v2(p, c, s);
    else
        tw_layer_unrecord(p);
    return TW_OK;
}

static const struct tw_binding bindings[] = {{TW_TBL_UDP_PORT, 1985}, {TW_TBL_UDP_PORT, 2029}};

const struct tw_proto tw_proto_hsrp = {
    .abbrev = "hsrp",
    .name = "Cisco Hot Standby Router Protocol",
    .short_name = "HSRP",
    .fields = fields,
    .nfields = F_COUNT,
    .experts = experts,
    .nexperts = E_COUNT,
    .bindings = bindings,
    .nbindings = TW_ARRAY_LEN(bindings),
    .dissect = dissect,
    .ids = &ids,
};
