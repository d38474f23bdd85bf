/* Spanning Tree BPDUs (IEEE 802.1D-2004 clause 9; RSTP; MSTP per IEEE 802.1Q-2018 clause 14)
 * on LLC SAP 0x42, and Cisco's PVST+ (SNAP OUI 00-00-0C, PID 0x010b), which appends TLVs
 * (the originating VLAN) to an ordinary BPDU.
 *
 *   protocol id 2 | version 1 | type 1 | flags 1 | root id 8 | root path cost 4 | bridge id 8 |
 *   port id 2 | message age 2 | max age 2 | hello time 2 | forward delay 2 |
 *   [version 1 length 1] [version 3 length 2, MST configuration id 51, CIST fields 13,
 *   MSTI configuration messages 16 each]
 *
 * Timers are in 1/256 s; bridge identifiers are a 4-bit priority, a 12-bit system id extension
 * and a MAC address. */
#include "../dissect.h"

#include <stdio.h>

static struct tw_proto_ids ids;
#define HF(x) ((uint16_t)(ids.base + (x)))
#define EX(x) ((uint16_t)(ids.expert_base + (x)))

enum {
    F_PROTOCOL,
    F_VERSION,
    F_TYPE,
    F_FLAGS,
    F_FLAG_TCACK,
    F_FLAG_AGREEMENT,
    F_FLAG_FORWARDING,
    F_FLAG_LEARNING,
    F_FLAG_PORT_ROLE,
    F_FLAG_PROPOSAL,
    F_FLAG_TC,
    F_ROOT_PRIO,
    F_ROOT_EXT,
    F_ROOT_HW,
    F_ROOT_COST,
    F_BRIDGE_PRIO,
    F_BRIDGE_EXT,
    F_BRIDGE_HW,
    F_PORT,
    F_MSG_AGE,
    F_MAX_AGE,
    F_HELLO,
    F_FORWARD,
    F_V1_LEN,
    F_PVST_TYPE,
    F_PVST_LEN,
    F_PVST_ORIGVLAN,
    F_PVST_VAL,
    F_V3_LEN,
    F_MST_SELECTOR,
    F_MST_NAME,
    F_MST_REVISION,
    F_MST_DIGEST,
    F_CIST_COST,
    F_CIST_PRIO,
    F_CIST_EXT,
    F_CIST_HW,
    F_CIST_HOPS,
    F_MSTI_FLAGS,
    F_MSTI_PRIORITY,
    F_MSTI_ID,
    F_MSTI_ROOT_HW,
    F_MSTI_COST,
    F_MSTI_BRIDGE_PRIO,
    F_MSTI_PORT_PRIO,
    F_MSTI_HOPS,
    F_COUNT
};

static const struct tw_vs protocol_vals[] = {{0, "Spanning Tree Protocol"}, {0, NULL}};
static const struct tw_vs version_vals[] = {{0, "Spanning Tree"},
                                            {2, "Rapid Spanning Tree"},
                                            {3, "Multiple Spanning Tree"},
                                            {4, "Shortest Path Tree"},
                                            {0, NULL}};
static const struct tw_vs type_vals[] = {{0x00, "Configuration"},
                                         {0x80, "Topology Change Notification"},
                                         {0x02, "Rapid/Multiple Spanning Tree"},
                                         {0, NULL}};
static const struct tw_vs role_vals[] = {
    {0, "Unknown"}, {1, "Alternate or Backup"}, {2, "Root"}, {3, "Designated"}, {0, NULL}};
static const struct tw_vs pvst_type_vals[] = {{0, "Originating VLAN"}, {0, NULL}};

enum { E_VERSION, E_TYPE, E_COUNT };
static const struct tw_expert_def experts[E_COUNT] = {
    [E_VERSION] = {"bpdu.version_support", "decoder.stp.unknown_version", TW_SEV_WARN,
                   TW_GRP_PROTOCOL, "This version of Wireshark only knows about versions 0, 2, 3 & 4"},
    [E_TYPE] = {"stp.type.unknown", "decoder.stp.unknown_type", TW_SEV_WARN, TW_GRP_PROTOCOL,
                "Unknown BPDU type data"},
};

static const struct tw_field_def fields[F_COUNT] = {
    [F_PROTOCOL] = {"stp.protocol", "Protocol Identifier", TW_FT_UINT16, TW_BASE_HEX, 0,
                    protocol_vals},
    [F_VERSION] = {"stp.version", "Protocol Version Identifier", TW_FT_UINT8, TW_BASE_DEC, 0,
                   version_vals},
    [F_TYPE] = {"stp.type", "BPDU Type", TW_FT_UINT8, TW_BASE_HEX, 0, type_vals},
    [F_FLAGS] = {"stp.flags", "BPDU flags", TW_FT_UINT8, TW_BASE_HEX},
    [F_FLAG_TCACK] = {"stp.flags.tcack", "Topology Change Acknowledgment", TW_FT_BOOLEAN, 8, 0x80,
                      NULL, NULL, &tw_tfs_yes_no},
    [F_FLAG_AGREEMENT] = {"stp.flags.agreement", "Agreement", TW_FT_BOOLEAN, 8, 0x40, NULL, NULL,
                          &tw_tfs_yes_no},
    [F_FLAG_FORWARDING] = {"stp.flags.forwarding", "Forwarding", TW_FT_BOOLEAN, 8, 0x20, NULL, NULL,
                           &tw_tfs_yes_no},
    [F_FLAG_LEARNING] = {"stp.flags.learning", "Learning", TW_FT_BOOLEAN, 8, 0x10, NULL, NULL,
                         &tw_tfs_yes_no},
    [F_FLAG_PORT_ROLE] = {"stp.flags.port_role", "Port Role", TW_FT_UINT8, TW_BASE_DEC, 0x0c,
                          role_vals},
    [F_FLAG_PROPOSAL] = {"stp.flags.proposal", "Proposal", TW_FT_BOOLEAN, 8, 0x02, NULL, NULL,
                         &tw_tfs_yes_no},
    [F_FLAG_TC] = {"stp.flags.tc", "Topology Change", TW_FT_BOOLEAN, 8, 0x01, NULL, NULL,
                   &tw_tfs_yes_no},
    [F_ROOT_PRIO] = {"stp.root.prio", "Root Bridge Priority", TW_FT_UINT16, TW_BASE_DEC},
    [F_ROOT_EXT] = {"stp.root.ext", "Root Bridge System ID Extension", TW_FT_UINT16, TW_BASE_DEC},
    [F_ROOT_HW] = {"stp.root.hw", "Root Bridge System ID", TW_FT_ETHER},
    [F_ROOT_COST] = {"stp.root.cost", "Root Path Cost", TW_FT_UINT32, TW_BASE_DEC},
    [F_BRIDGE_PRIO] = {"stp.bridge.prio", "Bridge Priority", TW_FT_UINT16, TW_BASE_DEC},
    [F_BRIDGE_EXT] = {"stp.bridge.ext", "Bridge System ID Extension", TW_FT_UINT16, TW_BASE_DEC},
    [F_BRIDGE_HW] = {"stp.bridge.hw", "Bridge System ID", TW_FT_ETHER},
    [F_PORT] = {"stp.port", "Port identifier", TW_FT_UINT16, TW_BASE_HEX},
    [F_MSG_AGE] = {"stp.msg_age", "Message Age", TW_FT_DOUBLE},
    [F_MAX_AGE] = {"stp.max_age", "Max Age", TW_FT_DOUBLE},
    [F_HELLO] = {"stp.hello", "Hello Time", TW_FT_DOUBLE},
    [F_FORWARD] = {"stp.forward", "Forward Delay", TW_FT_DOUBLE},
    [F_V1_LEN] = {"stp.version_1_length", "Version 1 Length", TW_FT_UINT8, TW_BASE_DEC},
    [F_PVST_TYPE] = {"stp.pvst.tlvtype", "Type", TW_FT_UINT16, TW_BASE_HEX, 0, pvst_type_vals},
    [F_PVST_LEN] = {"stp.pvst.tlvlen", "Length", TW_FT_UINT16, TW_BASE_DEC},
    [F_PVST_ORIGVLAN] = {"stp.pvst.origvlan", "Originating VLAN", TW_FT_UINT16, TW_BASE_DEC},
    [F_PVST_VAL] = {"stp.pvst.tlvval", "Value", TW_FT_BYTES},
    [F_V3_LEN] = {"mstp.version_3_length", "Version 3 Length", TW_FT_UINT16, TW_BASE_DEC},
    [F_MST_SELECTOR] = {"mstp.config_format_selector", "MST Config ID format selector", TW_FT_UINT8,
                        TW_BASE_DEC},
    [F_MST_NAME] = {"mstp.config_name", "MST Config name", TW_FT_STRING},
    [F_MST_REVISION] = {"mstp.config_revision_level", "MST Config revision", TW_FT_UINT16,
                        TW_BASE_DEC},
    [F_MST_DIGEST] = {"mstp.config_digest", "MST Config digest", TW_FT_BYTES},
    [F_CIST_COST] = {"mstp.cist_internal_root_path_cost", "CIST Internal Root Path Cost",
                     TW_FT_UINT32, TW_BASE_DEC},
    [F_CIST_PRIO] = {"mstp.cist_bridge.prio", "CIST Bridge Priority", TW_FT_UINT16, TW_BASE_DEC},
    [F_CIST_EXT] = {"mstp.cist_bridge.ext", "CIST Bridge Identifier System ID Extension",
                    TW_FT_UINT16, TW_BASE_DEC},
    [F_CIST_HW] = {"mstp.cist_bridge.hw", "CIST Bridge Identifier System ID", TW_FT_ETHER},
    [F_CIST_HOPS] = {"mstp.cist_remaining_hops", "CIST Remaining hops", TW_FT_UINT8, TW_BASE_DEC},
    [F_MSTI_FLAGS] = {"mstp.msti.flags", "MSTI flags", TW_FT_UINT8, TW_BASE_HEX},
    [F_MSTI_PRIORITY] = {"mstp.msti.priority", "Priority", TW_FT_UINT8, TW_BASE_HEX, 0xf0},
    [F_MSTI_ID] = {"mstp.msti.msti_id", "MSTID", TW_FT_UINT16, TW_BASE_DEC, 0x0fff},
    [F_MSTI_ROOT_HW] = {"mstp.msti.root.hw", "Regional Root", TW_FT_ETHER},
    [F_MSTI_COST] = {"mstp.msti.root_cost", "Internal root path cost", TW_FT_UINT32, TW_BASE_DEC},
    [F_MSTI_BRIDGE_PRIO] = {"mstp.msti.bridge_priority", "Bridge Identifier Priority", TW_FT_UINT8,
                            TW_BASE_DEC},
    [F_MSTI_PORT_PRIO] = {"mstp.msti.port_priority", "Port identifier priority", TW_FT_UINT8,
                          TW_BASE_DEC},
    [F_MSTI_HOPS] = {"mstp.msti.remaining_hops", "Remaining hops", TW_FT_UINT8, TW_BASE_DEC},
};

static uint16_t be16(const uint8_t *b)
{
    return (uint16_t)(b[0] << 8 | b[1]);
}
static uint32_t be32(const uint8_t *b)
{
    return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

/* the flags byte: its line names the flags that are set; plain STP has only TC and TC ack */
static void flags(struct tw_pkt *p, int f, const char *name, uint32_t off, uint8_t v, bool rapid)
{
    int32_t r = tw_add_uint(p, HF(f), off, 1, v);
    if (r >= 0 && tw_want_labels(p)) {
        char lab[200];
        size_t n = (size_t)snprintf(lab, sizeof lab, "%s: 0x%02x", name, v);
        const char *sep = ", ";
#define ADD(cond, s)                                                                               \
    if ((cond) && n < sizeof lab) n += (size_t)snprintf(lab + n, sizeof lab - n, "%s%s", sep, s)
        ADD(v & 0x80, "Topology Change Acknowledgment");
        if (rapid) {
            ADD(v & 0x40, "Agreement");
            ADD(v & 0x20, "Forwarding");
            ADD(v & 0x10, "Learning");
            if (n < sizeof lab)
                n += (size_t)snprintf(lab + n, sizeof lab - n, ", Port Role: %s",
                                      tw_vs_find(role_vals, (v >> 2) & 3));
            ADD(v & 0x02, "Proposal");
        }
        ADD(v & 0x01, "Topology Change");
#undef ADD
        tw_rec_label(p, r, "%s", lab);
    }
    tw_tree_push(p, r);
    tw_add_bits(p, HF(F_FLAG_TCACK), off, 1, v);
    if (rapid) {
        tw_add_bits(p, HF(F_FLAG_AGREEMENT), off, 1, v);
        tw_add_bits(p, HF(F_FLAG_FORWARDING), off, 1, v);
        tw_add_bits(p, HF(F_FLAG_LEARNING), off, 1, v);
        tw_add_bits(p, HF(F_FLAG_PORT_ROLE), off, 1, v);
        tw_add_bits(p, HF(F_FLAG_PROPOSAL), off, 1, v);
    }
    tw_add_bits(p, HF(F_FLAG_TC), off, 1, v);
    tw_tree_pop(p);
}

/* a bridge identifier: "32768 / 1 / mac" with priority, extension and address below */
static void bridge_id(struct tw_pkt *p, const char *name, int f0, uint32_t off, const uint8_t *b)
{
    uint16_t pe = be16(b);
    int32_t r = -1;
    if (p->want_all)
        r = tw_add_text_(p, off, 8, "%s: %u / %u / %02x:%02x:%02x:%02x:%02x:%02x", name,
                         pe & 0xf000u, pe & 0x0fffu, b[2], b[3], b[4], b[5], b[6], b[7]);
    tw_tree_push(p, r);
    tw_add_uint(p, HF(f0), off, 2, pe & 0xf000u);
    tw_add_uint(p, HF(f0 + 1), off, 2, pe & 0x0fffu);
    tw_add_ptr(p, HF(f0 + 2), off + 2, 6, b + 2, 6);
    tw_tree_pop(p);
}

static void timer(struct tw_pkt *p, int f, uint32_t off, const uint8_t *b)
{
    tw_add_double(p, HF(f), off, 2, be16(b) / 256.0);
}

static void msti(struct tw_pkt *p, uint32_t off, const uint8_t *b)
{
    int32_t r = -1;
    if (p->want_all)
        r = tw_add_text_(
            p, off, 16, "MSTID %u, Regional Root Identifier %u / %02x:%02x:%02x:%02x:%02x:%02x",
            be16(b + 1) & 0x0fffu, (b[1] & 0xf0u) << 8, b[3], b[4], b[5], b[6], b[7], b[8]);
    tw_tree_push(p, r);
    flags(p, F_MSTI_FLAGS, "MSTI flags", off, b[0], true);
    tw_add_bits(p, HF(F_MSTI_PRIORITY), off + 1, 1, b[1]);
    tw_add_bits(p, HF(F_MSTI_ID), off + 1, 2, be16(b + 1));
    tw_add_ptr(p, HF(F_MSTI_ROOT_HW), off + 3, 6, b + 3, 6);
    tw_add_uint(p, HF(F_MSTI_COST), off + 9, 4, be32(b + 9));
    tw_add_uint(p, HF(F_MSTI_BRIDGE_PRIO), off + 13, 1, b[13] >> 4);
    tw_add_uint(p, HF(F_MSTI_PORT_PRIO), off + 14, 1, b[14] >> 4);
    tw_add_uint(p, HF(F_MSTI_HOPS), off + 15, 1, b[15]);
    tw_tree_pop(p);
}

static enum tw_status dissect(struct tw_pkt *p, struct tw_cur *c)
{
    const bool pvst = p->via_table == TW_TBL_SNAP;
    tw_col_proto(p, "STP");
    tw_info_clear(p);
    const uint32_t s = c->off;
    const uint8_t *d = c->data;
    const uint8_t *h = tw_cur_bytes(c, 4);
    if (!h) {
        tw_layer_unrecord(p); /* Wireshark reads the header before adding its line */
        return c->err == TW_CUR_TRUNCATED ? TW_TRUNCATED : TW_MALFORMED;
    }
    uint8_t ver = h[2], type = h[3];
    if ((type == 0x00 || type == 0x02) && tw_cur_avail(c) < 31) {
        /* Wireshark reads the whole BPDU before adding its line */
        tw_layer_unrecord(p);
        tw_cur_skip(c, 31);
        return c->err == TW_CUR_TRUNCATED ? TW_TRUNCATED : TW_MALFORMED;
    }
    tw_add_uint(p, HF(F_PROTOCOL), s, 2, be16(h));
    int32_t vr = tw_add_uint(p, HF(F_VERSION), s + 2, 1, ver);
    if (ver != 0 && ver != 2 && ver != 3 && ver != 4) {
        tw_tree_push(p, vr);
        tw_expert(p, EX(E_VERSION), s + 2, 1, NULL);
        tw_tree_pop(p);
    }
    int32_t tr = tw_add_uint(p, HF(F_TYPE), s + 3, 1, type);
    if (type == 0x80) {
        tw_info_set(p, "Topology Change Notification");
        tw_layer_setlen(p, 4);
        return TW_OK;
    }
    if (type != 0x00 && type != 0x02) {
        tw_info_printf(p, "Unknown BPDU type (%u)", type);
        tw_tree_push(p, tr);
        tw_expert(p, EX(E_TYPE), s + 3, 1, NULL);
        tw_tree_pop(p);
        return TW_OK;
    }
    const uint8_t *b = tw_cur_bytes(c, 31);
    if (!b) return c->err == TW_CUR_TRUNCATED ? TW_TRUNCATED : TW_MALFORMED;
    bool rapid = type == 0x02;
    uint8_t fl = b[0];
    uint32_t cost = be32(b + 9);
    uint16_t rpe = be16(b + 1), port = be16(b + 21);
    char info[160];
    const char *kind = type == 0 ? "Conf." : ver == 3 ? "MST." : ver == 4 ? "SPT." : "RST.";
    snprintf(info, sizeof info,
             "%s %sRoot = %u/%u/%02x:%02x:%02x:%02x:%02x:%02x  Cost = %u  Port = 0x%04x", kind,
             (fl & 0x01) ? "TC + " : "", rpe & 0xf000u, rpe & 0x0fffu, b[3], b[4], b[5], b[6], b[7],
             b[8], cost, port);
    tw_info_set(p, info);
    flags(p, F_FLAGS, "BPDU flags", s + 4, fl, rapid);
    bridge_id(p, "Root Identifier", F_ROOT_PRIO, s + 5, b + 1);
    tw_add_uint(p, HF(F_ROOT_COST), s + 13, 4, cost);
    bridge_id(p, "Bridge Identifier", F_BRIDGE_PRIO, s + 17, b + 13);
    tw_add_uint(p, HF(F_PORT), s + 25, 2, port);
    timer(p, F_MSG_AGE, s + 27, b + 23);
    timer(p, F_MAX_AGE, s + 29, b + 25);
    timer(p, F_HELLO, s + 31, b + 27);
    timer(p, F_FORWARD, s + 33, b + 29);
    uint32_t o = s + 35;
    if (rapid) {
        uint8_t v1;
        if (!tw_cur_ok(c) || tw_cur_avail(c) < 1) return TW_OK;
        v1 = tw_cur_u8(c);
        tw_add_uint(p, HF(F_V1_LEN), o, 1, v1);
        o++;
        if (ver >= 3 && tw_cur_avail(c) >= 2) {
            uint16_t v3 = tw_cur_u16(c);
            tw_add_uint(p, HF(F_V3_LEN), o, 2, v3);
            o += 2;
            const uint8_t *m = tw_cur_bytes(c, 64);
            if (!m) return c->err == TW_CUR_TRUNCATED ? TW_TRUNCATED : TW_MALFORMED;
            int32_t r = tw_add_text(p, o, v3, "MST Extension");
            tw_tree_push(p, r);
            tw_add_uint(p, HF(F_MST_SELECTOR), o, 1, m[0]);
            tw_add_ascii(p, HF(F_MST_NAME), o + 1, 32, m + 1);
            tw_add_uint(p, HF(F_MST_REVISION), o + 33, 2, be16(m + 33));
            tw_add_ptr(p, HF(F_MST_DIGEST), o + 35, 16, m + 35, 16);
            tw_add_uint(p, HF(F_CIST_COST), o + 51, 4, be32(m + 51));
            bridge_id(p, "CIST Bridge Identifier", F_CIST_PRIO, o + 55, m + 55);
            tw_add_uint(p, HF(F_CIST_HOPS), o + 63, 1, m[63]);
            o += 64;
            for (uint32_t left = v3 >= 64 ? v3 - 64u : 0; left >= 16; left -= 16) {
                const uint8_t *mi = tw_cur_bytes(c, 16);
                if (!mi) break;
                msti(p, o, mi);
                o += 16;
            }
            tw_tree_pop(p);
        }
    }
    /* PVST+: TLVs after the BPDU */
    if (pvst) {
        while (tw_cur_avail(c) >= 4) {
            const uint8_t *t = d + c->off;
            uint16_t tt = be16(t), tl = be16(t + 2);
            if (tw_cur_avail(c) < 4u + tl) break;
            int32_t r = -1;
            if (p->want_all) {
                if (tt == 0 && tl == 2)
                    r = tw_add_text_(p, c->off, 4 + tl, "Originating VLAN (PVID): %u", be16(t + 4));
                else
                    r = tw_add_text_(p, c->off, 4 + tl, "Unknown PVST+ TLV (0x%04x)", tt);
            }
            tw_tree_push(p, r);
            tw_add_uint(p, HF(F_PVST_TYPE), c->off, 2, tt);
            tw_add_uint(p, HF(F_PVST_LEN), c->off + 2, 2, tl);
            if (tt == 0 && tl == 2)
                tw_add_uint(p, HF(F_PVST_ORIGVLAN), c->off + 4, 2, be16(t + 4));
            else if (tl)
                tw_add_ptr(p, HF(F_PVST_VAL), c->off + 4, tl, t + 4, tl);
            tw_tree_pop(p);
            tw_cur_skip(c, 4u + tl);
        }
    }
    tw_layer_setlen(p, c->off - s);
    return TW_OK;
}

static const struct tw_binding bindings[] = {
    {TW_TBL_LLC_SAP, 0x42},
    {TW_TBL_SNAP, 0x000c010b}, /* Cisco PVST+ (OUI 00000c << 16 | 0x010b, 32 bits) */
    {TW_TBL_ETHERTYPE, 0x8181},
};

const struct tw_proto tw_proto_stp = {
    .abbrev = "stp",
    .name = "Spanning Tree Protocol",
    .short_name = "STP",
    .fields = fields,
    .nfields = F_COUNT,
    .experts = experts,
    .nexperts = E_COUNT,
    .bindings = bindings,
    .nbindings = TW_ARRAY_LEN(bindings),
    .dissect = dissect,
    .ids = &ids,
};
