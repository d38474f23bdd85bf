/* Cisco Inter-Switch Link: a 26-byte header in front of a whole Ethernet frame (with its FCS),
 * recognised by Ethernet (eth.c) from the 40-bit multicast destination 01-00-0C-00-00 and a
 * length in the type field. As in tshark 4.0, ISL has a tree line ("ISL") but is not listed in
 * frame.protocols (a hidden layer), and the outer Ethernet has no line but is listed
 * ("eth:eth:...").
 *
 *   destination (5) | type (4 bits) user (4 bits) | source (6) | length (2) |
 *   DSAP | SSAP | control | HSA (3) | VLAN (15 bits) BPDU (1 bit) | index (2) | reserved (2) |
 *   encapsulated frame
 * The length counts the bytes after the length field (header rest, frame and ISL CRC).
 * Not done: Token Ring encapsulation (type 1) is shown as data.
 */
#include "../dissect.h"

static struct tw_proto_ids ids;
#define HF(x) ((uint16_t)(ids.base + (x)))

enum {
    F_DST,
    F_ADDR,
    F_TYPE,
    F_USER_ETH,
    F_USER,
    F_SRC,
    F_LEN,
    F_DSAP,
    F_SSAP,
    F_CONTROL,
    F_HSA,
    F_VLAN,
    F_BPDU,
    F_INDEX,
    F_RESERVED,
    F_COUNT
};

static const struct tw_vs type_vals[] = {
    {0, "Ethernet"}, {1, "Token-Ring"}, {2, "FDDI"}, {3, "ATM"}, {0, NULL}};
static const struct tw_vs user_eth_vals[] = {{0, "Normal Priority"},
                                             {1, "Priority 1"},
                                             {2, "Priority 2"},
                                             {3, "Highest Priority"},
                                             {0, NULL}};

static const struct tw_field_def fields[F_COUNT] = {
    [F_DST] = {"isl.dst", "Destination", TW_FT_ETHER, TW_BASE_NONE, 0, NULL, NULL, NULL,
               "Destination Address"},
    [F_ADDR] = {"isl.addr", "Source or Destination Address", TW_FT_ETHER, TW_BASE_NONE, 0, NULL,
                NULL, NULL, "Source or Destination Hardware Address"},
    [F_TYPE] = {"isl.type", "Type", TW_FT_UINT8, TW_BASE_DEC, 0xf0, type_vals, NULL, NULL, "Type"},
    [F_USER_ETH] = {"isl.user_eth", "User", TW_FT_UINT8, TW_BASE_DEC, 0x03, user_eth_vals, NULL,
                    NULL, "Priority while passing through switch"},
    [F_USER] = {"isl.user", "User", TW_FT_UINT8, TW_BASE_HEX, 0x0f, NULL, NULL, NULL,
                "User-defined bits"},
    [F_SRC] = {"isl.src", "Source", TW_FT_ETHER, TW_BASE_NONE, 0, NULL, NULL, NULL,
               "Source Hardware Address"},
    [F_LEN] = {"isl.len", "Length", TW_FT_UINT16, TW_BASE_DEC},
    [F_DSAP] = {"isl.dsap", "DSAP", TW_FT_UINT8, TW_BASE_HEX, 0, NULL, NULL, NULL,
                "Destination Service Access Point"},
    [F_SSAP] = {"isl.ssap", "SSAP", TW_FT_UINT8, TW_BASE_HEX, 0, NULL, NULL, NULL,
                "Source Service Access Point"},
    [F_CONTROL] = {"isl.control", "Control", TW_FT_UINT8, TW_BASE_HEX},
    [F_HSA] = {"isl.hsa", "HSA", TW_FT_UINT24, TW_BASE_HEX, 0, NULL, NULL, NULL,
               "High bits of source address"},
    [F_VLAN] = {"isl.vlan_id", "VLAN ID", TW_FT_UINT16, TW_BASE_DEC, 0xfffe, NULL, NULL, NULL,
                "Virtual LAN ID (Color)"},
    [F_BPDU] = {"isl.bpdu", "BPDU/CDP/VTP", TW_FT_BOOLEAN, 16, 0x0001, NULL, NULL, &tw_tfs_yes_no,
                "BPDU/CDP/VTP indicator"},
    [F_INDEX] = {"isl.index", "Index", TW_FT_UINT16, TW_BASE_DEC, 0, NULL, NULL, NULL,
                 "Port index of packet source"},
    [F_RESERVED] = {"isl.reserved", "Reserved", TW_FT_UINT16, TW_BASE_HEX, 0, NULL, NULL, NULL,
                    "FDDI/Token-Ring bits"},
};

static enum tw_status dissect(struct tw_pkt *p, struct tw_cur *c)
{
    const uint32_t s = c->off;
    tw_col_proto(p, "ISL");
    tw_info_clear(p);
    tw_layer_hide(p); /* a line in the tree, not in frame.protocols */
    tw_layer_label(p, "ISL");
    const uint8_t *h = tw_cur_bytes(c, 14);
    if (!h) return c->err == TW_CUR_TRUNCATED ? TW_TRUNCATED : TW_MALFORMED;
    uint8_t type = h[5] >> 4;
    int32_t r = tw_add_ptr(p, HF(F_DST), s, 6, h, 6);
    tw_rec_flags(p, tw_add_ptr(p, HF(F_ADDR), s, 6, h, 6), TW_RF_HIDDEN);
    tw_tree_push(p, r);
    tw_add_bits(p, HF(F_TYPE), s + 5, 1, h[5]);
    tw_add_bits(p, HF(type == 0 ? F_USER_ETH : F_USER), s + 5, 1, h[5]);
    tw_tree_pop(p);
    tw_col_dl(p, TW_AT_ETHER, h + 6, h, 6);
    tw_add_ptr(p, HF(F_SRC), s + 6, 6, h + 6, 6);
    tw_rec_flags(p, tw_add_ptr(p, HF(F_ADDR), s + 6, 6, h + 6, 6), TW_RF_HIDDEN);
    uint32_t len = (uint32_t)(h[12] << 8 | h[13]);
    tw_add_uint(p, HF(F_LEN), s + 12, 2, len);
    /* like an 802.3 length: the payload is `len` bytes when they are there */
    struct tw_cur pl = *c;
    if (len != 0 && len <= tw_cur_left(c)) pl = tw_cur_sub(c, len, NULL);
    const uint8_t *b = tw_cur_bytes(&pl, 3);
    if (!b) return pl.err == TW_CUR_TRUNCATED ? TW_TRUNCATED : TW_MALFORMED;
    tw_add_uint(p, HF(F_DSAP), s + 14, 1, b[0]);
    tw_add_uint(p, HF(F_SSAP), s + 15, 1, b[1]);
    tw_add_uint(p, HF(F_CONTROL), s + 16, 1, b[2]);
    if (type != 0) {
        if (tw_cur_left(&pl)) tw_next(p, TW_TBL_NAME, TW_KEY_DATA, pl);
        return TW_OK;
    }
    b = tw_cur_bytes(&pl, 3);
    if (!b) return pl.err == TW_CUR_TRUNCATED ? TW_TRUNCATED : TW_MALFORMED;
    tw_add_uint(p, HF(F_HSA), s + 17, 3, (uint32_t)b[0] << 16 | (uint32_t)b[1] << 8 | b[2]);
    b = tw_cur_bytes(&pl, 2);
    if (!b) return pl.err == TW_CUR_TRUNCATED ? TW_TRUNCATED : TW_MALFORMED;
    uint32_t v = (uint32_t)(b[0] << 8 | b[1]);
    tw_add_bits(p, HF(F_VLAN), s + 20, 2, v);
    tw_add_bits(p, HF(F_BPDU), s + 20, 2, v);
    b = tw_cur_bytes(&pl, 2);
    if (!b) return pl.err == TW_CUR_TRUNCATED ? TW_TRUNCATED : TW_MALFORMED;
    tw_add_uint(p, HF(F_INDEX), s + 22, 2, (uint32_t)(b[0] << 8 | b[1]));
    b = tw_cur_bytes(&pl, 2);
    if (!b) return pl.err == TW_CUR_TRUNCATED ? TW_TRUNCATED : TW_MALFORMED;
    tw_add_uint(p, HF(F_RESERVED), s + 24, 2, (uint32_t)(b[0] << 8 | b[1]));
    tw_next(p, TW_TBL_NAME, TW_KEY_ETH_FCS, pl);
    return TW_OK;
}

static const struct tw_binding bindings[] = {{TW_TBL_NAME, TW_KEY_ISL}};

const struct tw_proto tw_proto_isl = {
    .abbrev = "isl",
    .name = "Cisco ISL",
    .short_name = "ISL",
    .fields = fields,
    .nfields = F_COUNT,
    .bindings = bindings,
    .nbindings = TW_ARRAY_LEN(bindings),
    .dissect = dissect,
    .ids = &ids,
};
