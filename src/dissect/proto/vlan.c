/* IEEE 802.1Q VLAN tags (IEEE 802.1Q-2014 clause 9.6), IEEE 802.1ad provider bridging S-tags
 * and the IEEE 802.1ah I-tag (provider backbone bridges, 802.1Q-2014 clause 9.7).
 *
 *   802.1Q / 802.1ad tag (after the TPID 0x8100 / 0x9100 / 0x88a8):
 *   +-----+---+----------------------+------------------+
 *   | PCP |DEI| VID (12)             | EtherType/length |
 *   +-----+---+----------------------+------------------+
 *    3 bits 1      12 bits                 16 bits
 *
 *   802.1ah I-tag (after the TPID 0x88e7):
 *   +-----+---+---+----+--------------+------------+------------+-----------+
 *   | PCP |DEI|NCA|RES |  I-SID (24)  | C-DA (6)   | C-SA (6)   | EtherType |
 *   +-----+---+---+----+--------------+------------+------------+-----------+
 *
 * Like Ethernet, every tag hands the rest to the "ethertype" step (or, for a length, to the
 * 802.3 step), which shows what the payload leaves over as this tag's trailer. */
#include "../dissect.h"

#include <stdio.h>

extern const struct tw_vs tw_etype_vals[];

/* ---------------------------------------------------------------------------------------------
 * 802.1Q
 * ------------------------------------------------------------------------------------------- */
static struct tw_proto_ids ids;
#define HF(x) ((uint16_t)(ids.base + (x)))
#define EX(x) ((uint16_t)(ids.expert_base + (x)))

enum { F_PRIORITY, F_CFI, F_DEI, F_ID, F_ID_NAME, F_ETYPE, F_LEN, F_TRAILER, F_COUNT };

/* IEEE 802.1Q-2014 table I-2 (the 802.1Q-2011 priorities Wireshark uses by default) */
static const struct tw_vs pri_vals[] = {{0, "Best Effort (default)"},
                                        {1, "Background"},
                                        {2, "Excellent Effort"},
                                        {3, "Critical Applications"},
                                        {4, "Video, < 100ms latency and jitter"},
                                        {5, "Voice, < 10ms latency and jitter"},
                                        {6, "Internetwork Control"},
                                        {7, "Network Control"},
                                        {0, NULL}};
static const struct tw_tfs cfi_tfs = {"Non-canonical", "Canonical"};
static const struct tw_tfs dei_tfs = {"Eligible", "Ineligible"};

static const struct tw_field_def fields[F_COUNT] = {
    [F_PRIORITY] = {"vlan.priority", "Priority", TW_FT_UINT16, TW_BASE_DEC, 0xe000, pri_vals, NULL,
                    NULL, "Descriptions are recommendations from IEEE standard 802.1D-2004"},
    [F_CFI] = {"vlan.cfi", "CFI", TW_FT_BOOLEAN, 16, 0x1000, NULL, NULL, &cfi_tfs,
               "Canonical Format Identifier"},
    [F_DEI] = {"vlan.dei", "DEI", TW_FT_BOOLEAN, 16, 0x1000, NULL, NULL, &dei_tfs,
               "Drop Eligible Indicator"},
    [F_ID] = {"vlan.id", "ID", TW_FT_UINT16, TW_BASE_DEC, 0x0fff, NULL, NULL, NULL, "VLAN ID"},
    [F_ID_NAME] = {"vlan.id_name", "Name", TW_FT_STRING, TW_BASE_NONE, 0, NULL, NULL, NULL,
                   "VLAN ID Name"},
    [F_ETYPE] = {"vlan.etype", "Type", TW_FT_UINT16, TW_BASE_HEX, 0, tw_etype_vals, NULL, NULL,
                 "Ethertype"},
    [F_LEN] = {"vlan.len", "Length", TW_FT_UINT16, TW_BASE_DEC},
    [F_TRAILER] = {"vlan.trailer", "Trailer", TW_FT_BYTES, TW_BASE_NONE, 0, NULL, NULL, NULL,
                   "VLAN Trailer"},
};

static const struct tw_expert_def experts[] = {
    {"vlan.len.past_end", "decoder.vlan.len_past_end", TW_SEV_ERROR, TW_GRP_MALFORMED,
     "Length field value goes past the end of the payload"},
    {"vlan.too_many_tags", "decoder.vlan.too_many_tags", TW_SEV_WARN, TW_GRP_UNDECODED,
     "Too many nested VLAN tags"},
};
enum { E_LEN_PAST_END, E_TOO_MANY_TAGS };

#define VLAN_MAX_NESTED_TAGS 20

/* EtherType or 802.3 length after a tag: hand over like Ethernet does, without an FCS (the
 * outer Ethernet's step accounts for that). */
static void hand_over(struct tw_pkt *p, struct tw_cur *c, uint32_t tag_off, uint16_t type,
                      uint16_t type_hf, uint16_t len_hf, uint16_t trailer_hf, uint16_t len_expert)
{
    if (type <= 1500) {
        int32_t r = tw_add_uint(p, len_hf, c->off - 2, 2, type);
        uint32_t len = type;
        if (len > tw_cur_left(c)) {
            tw_tree_push(p, r);
            tw_expert(p, len_expert, c->off - 2, 2, NULL);
            tw_tree_pop(p);
            len = tw_cur_left(c);
        }
        p->ctx.ethertype.type = (uint16_t)len;
        p->ctx.ethertype.type_hf = 0;
        p->ctx.ethertype.trailer_hf = trailer_hf;
        p->ctx.ethertype.fcs_len = 0;
        p->ctx.ethertype.link_off = tag_off;
        tw_next(p, TW_TBL_NAME, TW_KEY_8023_STEP, *c);
        return;
    }
    p->ctx.ethertype.type = type;
    p->ctx.ethertype.type_hf = type_hf;
    p->ctx.ethertype.trailer_hf = trailer_hf;
    p->ctx.ethertype.fcs_len = 0;
    p->ctx.ethertype.link_off = tag_off;
    tw_next(p, TW_TBL_NAME, TW_KEY_ETHERTYPE_STEP, *c);
}

static enum tw_status dissect(struct tw_pkt *p, struct tw_cur *c)
{
    uint32_t start = c->off;
    tw_info_clear(p);
    uint16_t tci = tw_cur_u16(c);
    if (!tw_cur_ok(c)) {
        tw_layer_unrecord(p); /* Wireshark adds its line after reading the TCI */
        return TW_OK;
    }
    unsigned pri = tci >> 13, dei = (tci >> 12) & 1, vid = tci & 0xfff;
    p->ctx.vlan_id = (uint16_t)vid; /* Wireshark's pinfo->vlan_id: IPv4 reassembly keys on it */
    tw_info_printf(p, "PRI: %u  DEI: %u  ID: %u", pri, dei, vid);
    tw_layer_setlen(p, 4);

    /* tags nested beyond Wireshark's limit are left undecoded */
    uint32_t depth = 0;
    for (uint32_t i = 0; i + 1 < p->nlayers; i++)
        if (p->layers[i].proto == ids.proto && p->layers[i].depth == p->depth) depth++;
    if (depth + 1 > VLAN_MAX_NESTED_TAGS) {
        tw_expert(p, EX(E_TOO_MANY_TAGS), start, 4, NULL);
        c->off = start;
        return TW_OK;
    }
    if (tw_layer_recorded(p))
        tw_layer_label(p, "802.1Q Virtual LAN, PRI: %u, DEI: %u, ID: %u", pri, dei, vid);

    tw_add_bits(p, HF(F_PRIORITY), start, 2, tci);
    tw_add_bits(p, HF(F_DEI), start, 2, tci);
    tw_add_bits(p, HF(F_ID), start, 2, tci);

    uint16_t type = tw_cur_u16(c);
    if (!tw_cur_ok(c)) return TW_OK;
    hand_over(p, c, start, type, HF(F_ETYPE), HF(F_LEN), HF(F_TRAILER), EX(E_LEN_PAST_END));
    return TW_OK;
}

static const struct tw_binding bindings[] = {
    {TW_TBL_ETHERTYPE, 0x8100}, /* IEEE 802.1Q */
    {TW_TBL_ETHERTYPE, 0x9100}, /* pre-802.1ad Q-in-Q (Wireshark's vlan.qinq_ethertype) */
};

const struct tw_proto tw_proto_vlan = {
    .abbrev = "vlan",
    .name = "802.1Q Virtual LAN",
    .short_name = "VLAN",
    .fields = fields,
    .nfields = F_COUNT,
    .experts = experts,
    .nexperts = TW_ARRAY_LEN(experts),
    .bindings = bindings,
    .nbindings = TW_ARRAY_LEN(bindings),
    .dissect = dissect,
    .ids = &ids,
};

/* ---------------------------------------------------------------------------------------------
 * 802.1ah (its EtherType and trailer fields are also used by 802.1ad)
 * ------------------------------------------------------------------------------------------- */
static struct tw_proto_ids ah_ids;
#define AH(x) ((uint16_t)(ah_ids.base + (x)))

enum {
    AH_PRIORITY,
    AH_DROP,
    AH_NCA,
    AH_RES1,
    AH_RES2,
    AH_ISID,
    AH_CDST,
    AH_CSRC,
    AH_ETYPE,
    AH_TRAILER,
    AH_COUNT
};

static const struct tw_field_def ah_fields[AH_COUNT] = {
    [AH_PRIORITY] = {"ieee8021ah.priority", "Priority", TW_FT_UINT32, TW_BASE_DEC, 0xe0000000},
    [AH_DROP] = {"ieee8021ah.drop", "DROP", TW_FT_UINT32, TW_BASE_DEC, 0x10000000},
    [AH_NCA] = {"ieee8021ah.nca", "NCA", TW_FT_UINT32, TW_BASE_DEC, 0x08000000, NULL, NULL, NULL,
                "No Customer Addresses"},
    [AH_RES1] = {"ieee8021ah.res1", "RES1", TW_FT_UINT32, TW_BASE_DEC, 0x04000000, NULL, NULL, NULL,
                 "Reserved1"},
    [AH_RES2] = {"ieee8021ah.res2", "RES2", TW_FT_UINT32, TW_BASE_DEC, 0x03000000, NULL, NULL, NULL,
                 "Reserved2"},
    [AH_ISID] = {"ieee8021ah.isid", "I-SID", TW_FT_UINT32, TW_BASE_DEC, 0x00ffffff},
    [AH_CDST] = {"ieee8021ah.cdst", "C-Destination", TW_FT_ETHER, TW_BASE_NONE, 0, NULL, NULL, NULL,
                 "Customer Destination Address"},
    [AH_CSRC] = {"ieee8021ah.csrc", "C-Source", TW_FT_ETHER, TW_BASE_NONE, 0, NULL, NULL, NULL,
                 "Customer Source Address"},
    [AH_ETYPE] = {"ieee8021ah.etype", "Type", TW_FT_UINT16, TW_BASE_HEX, 0, tw_etype_vals},
    [AH_TRAILER] = {"ieee8021ah.trailer", "Trailer", TW_FT_BYTES, TW_BASE_NONE, 0, NULL, NULL, NULL,
                    "802.1ah Trailer"},
};

static void fmt_mac(char *out, const uint8_t *a)
{
    snprintf(out, 18, "%02x:%02x:%02x:%02x:%02x:%02x", a[0], a[1], a[2], a[3], a[4], a[5]);
}

/* The I-tag and the customer addresses; returns the EtherType that follows (cursor after it). */
static bool ah_itag(struct tw_pkt *p, struct tw_cur *c, uint16_t *type, uint32_t *isid_out,
                    const uint8_t **addrs)
{
    uint32_t off = c->off;
    uint32_t tci = tw_cur_u32(c);
    if (!tw_cur_ok(c)) return false;
    uint32_t isid = tci & 0xffffff;
    tw_info_printf(p, "PRI: %u  Drop: %u  NCA: %u  Res1: %u  Res2: %u  I-SID: %u", tci >> 29,
                   (tci >> 28) & 1, (tci >> 27) & 1, (tci >> 26) & 1, (tci >> 24) & 3, isid);
    int32_t r = tw_add_text(p, off, 4, "I-Tag, I-SID: %u", isid);
    tw_tree_push(p, r);
    tw_add_bits(p, AH(AH_PRIORITY), off, 1, tci);
    tw_add_bits(p, AH(AH_DROP), off, 1, tci);
    tw_add_bits(p, AH(AH_NCA), off, 1, tci);
    tw_add_bits(p, AH(AH_RES1), off, 1, tci);
    tw_add_bits(p, AH(AH_RES2), off, 1, tci);
    tw_add_bits(p, AH(AH_ISID), off + 1, 3, tci);
    tw_tree_pop(p);
    const uint8_t *a = tw_cur_bytes(c, 12);
    if (!a) return false;
    *isid_out = isid;
    *addrs = a;
    tw_add_ptr(p, AH(AH_CDST), off + 4, 6, a, 6);
    tw_add_ptr(p, AH(AH_CSRC), off + 10, 6, a + 6, 6);
    *type = tw_cur_u16(c);
    return tw_cur_ok(c);
}

static enum tw_status ah_dissect(struct tw_pkt *p, struct tw_cur *c)
{
    uint32_t start = c->off;
    tw_col_proto(p, "802.1ah");
    tw_info_clear(p);
    tw_layer_setlen(p, 18);
    const uint8_t *h;
    if (tw_layer_recorded(p) && tw_cur_try_peek(c, 0, 16, &h)) {
        char s[18], d[18];
        fmt_mac(s, h + 10);
        fmt_mac(d, h + 4);
        uint32_t isid = (uint32_t)h[1] << 16 | (uint32_t)h[2] << 8 | h[3];
        tw_layer_label(p, "IEEE 802.1ah, I-SID: %u, C-Src: %s, C-Dst: %s", isid, s, d);
    }
    uint16_t type;
    uint32_t isid;
    const uint8_t *addrs;
    if (!ah_itag(p, c, &type, &isid, &addrs)) return TW_OK;
    p->ctx.ethertype.type = type;
    p->ctx.ethertype.type_hf = AH(AH_ETYPE);
    p->ctx.ethertype.trailer_hf = AH(AH_TRAILER);
    p->ctx.ethertype.fcs_len = 0;
    p->ctx.ethertype.link_off = start;
    tw_next(p, TW_TBL_NAME, TW_KEY_ETHERTYPE_STEP, *c);
    return TW_OK;
}

static const struct tw_binding ah_bindings[] = {{TW_TBL_ETHERTYPE, 0x88e7}};

const struct tw_proto tw_proto_ieee8021ah = {
    .abbrev = "ieee8021ah",
    .name = "IEEE 802.1ah",
    .short_name = "IEEE 802.1AH",
    .fields = ah_fields,
    .nfields = AH_COUNT,
    .bindings = ah_bindings,
    .nbindings = TW_ARRAY_LEN(ah_bindings),
    .dissect = ah_dissect,
    .ids = &ah_ids,
};

/* ---------------------------------------------------------------------------------------------
 * 802.1ad
 * ------------------------------------------------------------------------------------------- */
static struct tw_proto_ids ad_ids;
#define AD(x) ((uint16_t)(ad_ids.base + (x)))

enum { AD_PRIORITY, AD_DEI, AD_ID, AD_SVID, AD_CVID, AD_COUNT };

static const struct tw_field_def ad_fields[AD_COUNT] = {
    [AD_PRIORITY] = {"ieee8021ad.priority", "Priority", TW_FT_UINT16, TW_BASE_DEC, 0xe000},
    [AD_DEI] = {"ieee8021ad.dei", "DEI", TW_FT_UINT16, TW_BASE_DEC, 0x1000, NULL, NULL, NULL,
                "Drop Eligibility"},
    [AD_ID] = {"ieee8021ad.id", "ID", TW_FT_UINT16, TW_BASE_DEC, 0x0fff, NULL, NULL, NULL,
               "Vlan ID"},
    [AD_SVID] = {"ieee8021ad.svid", "ID", TW_FT_UINT16, TW_BASE_DEC, 0x0fff, NULL, NULL, NULL,
                 "S-Vlan ID"},
    [AD_CVID] = {"ieee8021ad.cvid", "ID", TW_FT_UINT16, TW_BASE_DEC, 0x0fff, NULL, NULL, NULL,
                 "C-Vlan ID"},
};

static void ad_tag(struct tw_pkt *p, uint32_t off, uint16_t tci, int id_field)
{
    tw_add_bits(p, AD(AD_PRIORITY), off, 1, tci);
    tw_add_bits(p, AD(AD_DEI), off, 1, tci);
    tw_add_bits(p, AD(id_field), off, 2, tci);
}

static enum tw_status ad_dissect(struct tw_pkt *p, struct tw_cur *c)
{
    uint32_t start = c->off;
    tw_col_proto(p, "802.1ad");
    tw_info_clear(p);
    uint16_t tci = tw_cur_u16(c);
    if (!tw_cur_ok(c)) {
        tw_layer_unrecord(p);
        return TW_OK;
    }
    tw_info_printf(p, "PRI: %u  DROP: %u ID: %u", tci >> 13, (tci >> 12) & 1, tci & 0xfff);
    tw_layer_setlen(p, 4);
    uint16_t encap = tw_cur_u16(c);
    if (!tw_cur_ok(c)) return TW_OK;

    if (encap == 0x88e7) {
        /* B-tag followed by an I-tag: one "IEEE 802.1ah" line holding both */
        if (tw_layer_recorded(p)) tw_layer_label(p, "IEEE 802.1ah, B-VID: %u", tci & 0xfff);
        int32_t r = tw_add_text(p, start, 2, "B-Tag, B-VID: %u", tci & 0xfff);
        tw_tree_push(p, r);
        ad_tag(p, start, tci, AD_ID);
        tw_tree_pop(p);
        tw_info_clear(p);
        uint16_t type;
        uint32_t isid;
        const uint8_t *a;
        if (!ah_itag(p, c, &type, &isid, &a)) return TW_OK;
        if (tw_layer_recorded(p)) {
            char s[18], d[18];
            fmt_mac(s, a + 6);
            fmt_mac(d, a);
            tw_layer_label(p, "IEEE 802.1ah, B-VID: %u, I-SID: %u, C-Src: %s, C-Dst: %s",
                           tci & 0xfff, isid, s, d);
        }
        p->ctx.ethertype.type = type;
        p->ctx.ethertype.type_hf = AH(AH_ETYPE);
        p->ctx.ethertype.trailer_hf = AH(AH_TRAILER);
        p->ctx.ethertype.fcs_len = 0;
        p->ctx.ethertype.link_off = start;
        tw_next(p, TW_TBL_NAME, TW_KEY_ETHERTYPE_STEP, *c);
        return TW_OK;
    }
    if (encap == 0x88a8) {
        /* two S-tags in a row: shown as S-VID and C-VID of one line */
        uint16_t ctci = tw_cur_u16(c);
        if (!tw_cur_ok(c)) return TW_OK;
        ad_tag(p, start, tci, AD_SVID);
        ad_tag(p, start + 4, ctci, AD_CVID);
        if (tw_layer_recorded(p))
            tw_layer_label(p, "IEEE 802.1ad, S-VID: %u, C-VID: %u", tci & 0xfff, ctci & 0xfff);
        encap = tw_cur_u16(c);
        if (!tw_cur_ok(c)) return TW_OK;
    } else {
        ad_tag(p, start, tci, AD_ID);
        if (tw_layer_recorded(p)) tw_layer_label(p, "IEEE 802.1ad, ID: %u", tci & 0xfff);
    }
    p->ctx.ethertype.type = encap;
    p->ctx.ethertype.type_hf = AH(AH_ETYPE);
    p->ctx.ethertype.trailer_hf = AH(AH_TRAILER);
    p->ctx.ethertype.fcs_len = 0;
    p->ctx.ethertype.link_off = start;
    tw_next(p, TW_TBL_NAME, TW_KEY_ETHERTYPE_STEP, *c);
    return TW_OK;
}

static const struct tw_binding ad_bindings[] = {{TW_TBL_ETHERTYPE, 0x88a8}};

const struct tw_proto tw_proto_ieee8021ad = {
    .abbrev = "ieee8021ad",
    .name = "IEEE 802.1ad",
    .short_name = "IEEE 802.1AD",
    .fields = ad_fields,
    .nfields = AD_COUNT,
    .bindings = ad_bindings,
    .nbindings = TW_ARRAY_LEN(ad_bindings),
    .dissect = ad_dissect,
    .ids = &ad_ids,
};
