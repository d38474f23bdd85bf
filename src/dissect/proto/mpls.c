/* MPLS label stack (RFC 3032) over Ethernet (EtherTypes 0x8847 unicast, 0x8848 multicast) and
 * PPP (0x0281, 0x0283): 4-octet entries until the one with S set; each entry is a protocol line
 * of its own, as in tshark.
 *
 *    0                   1                   2                   3
 *   +-------+-------+-------+-------+-------+-------+-------+-------+
 *   |                Label                  | TC  |S|       TTL     |
 *   +-------+-------+-------+-------+-------+-------+-------+-------+
 *
 * After the bottom entry: label 0 is IPv4 and 2 IPv6 (the explicit nulls); otherwise the first
 * nibble of the payload says IPv4 (4) or IPv6 (6); anything else is data here (tshark tries
 * pseudowire control words and Ethernet, which trawl does not dissect). */
#include "../dissect.h"

static struct tw_proto_ids ids;
#define HF(x) ((uint16_t)(ids.base + (x)))

enum { F_LABEL, F_LABEL_SPECIAL, F_EXP, F_BOTTOM, F_TTL, F_COUNT };

static const struct tw_vs special_vals[] = {{0, "IPv4 Explicit-Null"},
                                            {1, "Router Alert"},
                                            {2, "IPv6 Explicit-Null"},
                                            {3, "Implicit-Null"},
                                            {7, "Entropy Label Indicator (ELI)"},
                                            {13, "Generic Associated Channel Label (GAL)"},
                                            {14, "OAM Alert"},
                                            {0, NULL}};

static const struct tw_field_def fields[F_COUNT] = {
    [F_LABEL] = {"mpls.label", "MPLS Label", TW_FT_UINT32, TW_BASE_DEC_HEX, 0xfffff000},
    /* the reserved labels 0-15, by name */
    [F_LABEL_SPECIAL] = {"mpls.label", "MPLS Label", TW_FT_UINT32, TW_BASE_DEC, 0xfffff000,
                         special_vals},
    [F_EXP] = {"mpls.exp", "MPLS Experimental Bits", TW_FT_UINT32, TW_BASE_DEC, 0xe00},
    [F_BOTTOM] = {"mpls.bottom", "MPLS Bottom Of Label Stack", TW_FT_UINT32, TW_BASE_DEC, 0x100},
    [F_TTL] = {"mpls.ttl", "MPLS TTL", TW_FT_UINT32, TW_BASE_DEC, 0xff},
};

static enum tw_status dissect(struct tw_pkt *p, struct tw_cur *c)
{
    uint32_t label = 0, ntree = p->ntree ? p->ntree - 1 : 0;
    bool bottom = false;
    tw_col_proto(p, "MPLS");
    tw_info_set(p, "MPLS Label Switched Packet");
    for (uint32_t n = 0; !bottom; n++) {
        uint32_t off = c->off;
        uint32_t v = tw_cur_u32(c);
        if (!tw_cur_ok(c)) return n ? TW_MALFORMED : TW_TRUNCATED;
        if (n > 0) tw_layer_next_item(p, ids.field, off, 4, ntree);
        label = v >> 12;
        bottom = v & 0x100;
        const char *special = label <= 15 ? tw_vs_find(special_vals, label) : NULL;
        if (label <= 15)
            tw_layer_label(p, "MultiProtocol Label Switching Header, Label: %u (%s), Exp: %u, S: %u, "
                              "TTL: %u",
                           label, special ? special : "Reserved - Unknown", v >> 9 & 7, v >> 8 & 1,
                           v & 0xff);
        else
            tw_layer_label(p, "MultiProtocol Label Switching Header, Label: %u, Exp: %u, S: %u, "
                              "TTL: %u",
                           label, v >> 9 & 7, v >> 8 & 1, v & 0xff);
        tw_add_bits(p, HF(label <= 15 ? F_LABEL_SPECIAL : F_LABEL), off, 4, v);
        tw_add_bits(p, HF(F_EXP), off, 4, v);
        tw_add_bits(p, HF(F_BOTTOM), off, 4, v);
        tw_add_bits(p, HF(F_TTL), off, 4, v);
    }
    tw_layer_priv(p)[0] = c->off; /* where the payload starts */
    struct tw_cur pl = tw_cur_rest(c);
    uint8_t first = 0;
    if (label != 0 && label != 2) {
        /* the first nibble says what follows: no byte there is an exception, as in tshark */
        struct tw_cur t = pl;
        first = tw_cur_u8(&t) >> 4;
        if (!tw_cur_ok(&t)) return t.err == TW_CUR_TRUNCATED ? TW_TRUNCATED : TW_MALFORMED;
    }
    if (label == 0 || (label != 2 && first == 4))
        tw_next(p, TW_TBL_ETHERTYPE, 0x0800, pl);
    else if (label == 2 || first == 6)
        tw_next(p, TW_TBL_ETHERTYPE, 0x86dd, pl);
    else
        tw_next(p, TW_TBL_NAME, TW_KEY_DATA, pl);
    return TW_OK;
}

/* the stack and what the payload says it spans (IPv4's total length): Ethernet's padding and
 * trailer come after that, as in tshark */
static void post(struct tw_pkt *p, uint32_t li)
{
    struct tw_layer *l = &p->layers[li];
    if (li + 1 >= p->nlayers || p->layers[li + 1].depth != l->depth) return;
    const struct tw_layer *n = &p->layers[li + 1];
    if (n->claim && n->claim < n->avail && l->priv[0] >= l->off)
        l->claim = l->priv[0] - l->off + n->claim;
}

static const struct tw_binding bindings[] = {
    {TW_TBL_ETHERTYPE, 0x8847}, {TW_TBL_ETHERTYPE, 0x8848},
    {TW_TBL_PPP_PROTO, 0x0281}, {TW_TBL_PPP_PROTO, 0x0283},
};

const struct tw_proto tw_proto_mpls = {
    .abbrev = "mpls",
    .name = "MultiProtocol Label Switching Header",
    .short_name = "MPLS",
    .fields = fields,
    .nfields = F_COUNT,
    .bindings = bindings,
    .nbindings = TW_ARRAY_LEN(bindings),
    .dissect = dissect,
    .post = post,
    .ids = &ids,
};
