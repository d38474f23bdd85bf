/* MPLS label stack (RFC 3032) over Ethernet (EtherTypes 0x8847 unicast, 0x8848 multicast) and
 * PPP (0x0281, 0x0283): 4-octet entries until the one with S set; each entry is a protocol line
 * of its own, as in tshark.
 *
 *    0                   1                   2                   3
 *   +-------+-------+-------+-------+-------+-------+-------+-------+
 *   |                Label                  | TC  |S|       TTL     |
 *   +-------+-------+-------+-------+-------+-------+-------+-------+
 *
 * After the bottom entry the first nibble of the payload says IPv4 (4) or IPv6 (6), whatever the
 * label; anything else is data here (tshark tries pseudowire control words and Ethernet, which
 * trawl does not dissect); under the OAM alert label (14) it is Y.1711 OAM (data here, with
 * tshark's error when shorter than 44 bytes). Also MPLS over UDP (RFC 7510, port 6635). */
#include "../dissect.h"

static struct tw_proto_ids ids;
#define HF(x) ((uint16_t)(ids.base + (x)))
#define EX(x) ((uint16_t)(ids.expert_base + (x)))

enum { E_Y1711_SHORT, E_COUNT };
static const struct tw_expert_def experts[E_COUNT] = {
    [E_Y1711_SHORT] = {"mpls_y1711.minimum_payload", "decoder.mpls_y1711.minimum_payload",
                       TW_SEV_ERROR, TW_GRP_MALFORMED,
                       "Error: must have a minimum payload length of 44 bytes"},
};

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
    if (label != 14) {
        /* the first nibble says what follows (tshark goes by it, explicit-null labels too): no
         * byte there is an exception */
        struct tw_cur t = pl;
        first = tw_cur_u8(&t) >> 4;
        if (!tw_cur_ok(&t)) return t.err == TW_CUR_TRUNCATED ? TW_TRUNCATED : TW_MALFORMED;
    }
    if (label == 14) {
        /* OAM alert: ITU-T Y.1711 OAM, at least 44 bytes; trawl shows it as data (and names
         * no function type: tshark's short names for CV, FDI, BDI and FFD are not known here) */
        const uint8_t *ft;
        if (tw_cur_try_peek(&pl, 0, 1, &ft) && ft[0] != 1 && ft[0] != 2 && ft[0] != 3 && ft[0] != 7)
            tw_info_add(p, " (Y.1711: reserved/unknown)");
        if (tw_cur_left(&pl) < 44) {
            int32_t r = tw_add_text(p, pl.off, tw_cur_left(&pl),
                                    "Error: must have a minimum payload length of 44 bytes");
            tw_tree_push(p, r);
            tw_expert(p, EX(E_Y1711_SHORT), pl.off, 0, NULL);
            tw_tree_pop(p);
        }
        tw_next(p, TW_TBL_NAME, TW_KEY_DATA, pl);
    } else if (first == 4) {
        tw_next(p, TW_TBL_ETHERTYPE, 0x0800, pl);
    } else if (first == 6) {
        tw_next(p, TW_TBL_ETHERTYPE, 0x86dd, pl);
    } else {
        tw_next(p, TW_TBL_NAME, TW_KEY_DATA, pl);
    }
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
    {TW_TBL_UDP_PORT, 6635},
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
    .experts = experts,
    .nexperts = E_COUNT,
    .ids = &ids,
};
