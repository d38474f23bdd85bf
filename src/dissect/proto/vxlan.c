/* Virtual eXtensible Local Area Network (RFC 7348), with the Group Based Policy extension
 * (draft-smith-vxlan-group-policy) Wireshark also shows, on UDP port 4789.
 *
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |G|R|R|R|I|R|R|R|R|D|R|R|A|R|R|R|        Group Policy ID        |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |          VXLAN Network Identifier (VNI)       |   Reserved    |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * An Ethernet frame without FCS follows. */
#include "../dissect.h"

#include <stdio.h>

static struct tw_proto_ids ids;
#define HF(x) ((uint16_t)(ids.base + (x)))

enum {
    F_FLAGS,
    F_FLAGS_RESERVED,
    F_FLAG_G,
    F_FLAG_I,
    F_FLAG_D,
    F_FLAG_A,
    F_VER,
    F_I_BIT,
    F_P_BIT,
    F_O_BIT,
    F_GBP,
    F_VNI,
    F_RESERVED8,
    F_RESERVED16,
    F_NEXT_PROTO,
    F_COUNT
};

static const struct tw_tfs defined_tfs = {"Defined", "Not defined"};
static const struct tw_vs next_proto_vals[] = {{1, "IPv4"},     {2, "IPv6"},
                                               {3, "Ethernet"}, {4, "Network Service Header"},
                                               {5, "MPLS"},     {0, NULL}};

static const struct tw_field_def fields[F_COUNT] = {
    [F_FLAGS] = {"vxlan.flags", "Flags", TW_FT_UINT16, TW_BASE_HEX},
    [F_FLAGS_RESERVED] = {"vxlan.flags_reserved", "Reserved(R)", TW_FT_UINT16, TW_BASE_HEX, 0x77b7},
    [F_FLAG_G] = {"vxlan.flag_g", "GBP Extension", TW_FT_BOOLEAN, 16, 0x8000, NULL, NULL,
                  &defined_tfs},
    [F_FLAG_I] = {"vxlan.flag_i", "VXLAN Network ID (VNI)", TW_FT_BOOLEAN, 16, 0x0800, NULL, NULL,
                  &tw_tfs_true_false},
    [F_FLAG_D] = {"vxlan.flag_d", "Don't Learn", TW_FT_BOOLEAN, 16, 0x0040, NULL, NULL,
                  &tw_tfs_true_false},
    [F_FLAG_A] = {"vxlan.flag_a", "Policy Applied", TW_FT_BOOLEAN, 16, 0x0008, NULL, NULL,
                  &tw_tfs_true_false},
    [F_VER] = {"vxlan.ver", "Version", TW_FT_UINT8, TW_BASE_DEC, 0x30},
    [F_I_BIT] = {"vxlan.i_bit", "Instance", TW_FT_UINT8, TW_BASE_DEC, 0x08},
    [F_P_BIT] = {"vxlan.p_bit", "Next Protocol Bit", TW_FT_UINT8, TW_BASE_DEC, 0x04},
    [F_O_BIT] = {"vxlan.o_bit", "OAM bit", TW_FT_UINT8, TW_BASE_DEC, 0x01},
    [F_GBP] = {"vxlan.gbp", "Group Policy ID", TW_FT_UINT16, TW_BASE_DEC},
    [F_VNI] = {"vxlan.vni", "VXLAN Network Identifier (VNI)", TW_FT_UINT24, TW_BASE_DEC},
    [F_RESERVED8] = {"vxlan.reserved8", "Reserved", TW_FT_UINT8, TW_BASE_DEC},
    [F_RESERVED16] = {"vxlan.reserved_16", "Reserved", TW_FT_UINT16, TW_BASE_DEC},
    [F_NEXT_PROTO] = {"vxlan.next_proto", "Next Protocol", TW_FT_UINT8, TW_BASE_DEC, 0,
                      next_proto_vals},
};

static enum tw_status dissect(struct tw_pkt *p, struct tw_cur *c)
{
    uint32_t off = c->off;
    tw_col_proto(p, "VxLAN");
    tw_info_clear(p);
    tw_layer_setlen(p, 8);
    uint16_t flags = tw_cur_u16(c);
    if (!tw_cur_ok(c)) return TW_OK;
    int32_t r = tw_add_uint(p, HF(F_FLAGS), off, 2, flags);
    if (r >= 0 && tw_want_labels(p)) {
        /* Wireshark appends the names of the flags that are set */
        char lab[128];
        size_t n = (size_t)snprintf(lab, sizeof lab, "Flags: 0x%04x", flags);
        static const struct {
            uint16_t bit;
            const char *name;
        } names[] = {{0x8000, "GBP Extension"},
                     {0x0800, "VXLAN Network ID (VNI)"},
                     {0x0040, "Don't Learn"},
                     {0x0008, "Policy Applied"}};
        for (size_t i = 0; i < TW_ARRAY_LEN(names) && n < sizeof lab; i++)
            if (flags & names[i].bit)
                n += (size_t)snprintf(lab + n, sizeof lab - n, ", %s", names[i].name);
        tw_rec_label(p, r, "%s", lab);
    }
    tw_tree_push(p, r);
    tw_add_bits(p, HF(F_FLAG_G), off, 2, flags);
    tw_add_bits(p, HF(F_FLAG_I), off, 2, flags);
    tw_add_bits(p, HF(F_FLAG_D), off, 2, flags);
    tw_add_bits(p, HF(F_FLAG_A), off, 2, flags);
    tw_add_bits(p, HF(F_FLAGS_RESERVED), off, 2, flags);
    tw_tree_pop(p);
    uint16_t gbp = tw_cur_u16(c);
    if (!tw_cur_ok(c)) return TW_OK;
    tw_add_uint(p, HF(F_GBP), off + 2, 2, gbp);
    uint32_t vni = tw_cur_u24(c);
    if (!tw_cur_ok(c)) return TW_OK;
    tw_add_uint(p, HF(F_VNI), off + 4, 3, vni);
    uint8_t res = tw_cur_u8(c);
    if (!tw_cur_ok(c)) return TW_OK;
    tw_add_uint(p, HF(F_RESERVED8), off + 7, 1, res);
    tw_next(p, TW_TBL_NAME, TW_KEY_ETH, tw_cur_rest(c));
    return TW_OK;
}

static const struct tw_binding bindings[] = {{TW_TBL_UDP_PORT, 4789}};

const struct tw_proto tw_proto_vxlan = {
    .abbrev = "vxlan",
    .name = "Virtual eXtensible Local Area Network",
    .short_name = "VXLAN",
    .fields = fields,
    .nfields = F_COUNT,
    .bindings = bindings,
    .nbindings = TW_ARRAY_LEN(bindings),
    .dissect = dissect,
    .ids = &ids,
};
