/* BSD loopback encapsulation: LINKTYPE_NULL (0), a 4-octet address family in the capturing
 * host's byte order, and LINKTYPE_LOOP (108, OpenBSD), the same in network byte order
 * (tcpdump.org/linktypes/LINKTYPE_NULL.html).
 *
 *   +-------------------------------+----------------------+
 *   | AF_ value (4, host or network order) | packet ...      |
 *   +-------------------------------+----------------------+
 *
 * For LINKTYPE_NULL the byte order is guessed as Wireshark does on a little-endian host (AF
 * values are small; IRIX puts a 16-bit AF first; old Linux put an EtherType there; FF 03 is PPP
 * in HDLC framing). Families dispatch on TW_TBL_NULL_FAMILY, EtherTypes on TW_TBL_ETHERTYPE. */
#include "../dissect.h"

extern const struct tw_vs tw_etype_vals[];

static struct tw_proto_ids ids;
#define HF(x) ((uint16_t)(ids.base + (x)))

enum { F_TYPE, F_FAMILY, F_COUNT };

static const struct tw_vs family_vals[] = {
    {2, "IP"},    {7, "OSI"},   {16, "Appletalk"}, {23, "Netware IPX/SPX"},
    {24, "IPv6"}, {28, "IPv6"}, {30, "IPv6"},      {0, NULL}};

static const struct tw_field_def fields[F_COUNT] = {
    [F_TYPE] = {"null.type", "Type", TW_FT_UINT16, TW_BASE_HEX, 0, tw_etype_vals},
    [F_FAMILY] = {"null.family", "Family", TW_FT_UINT32, TW_BASE_DEC, 0, family_vals},
};

/* The payload: known families and EtherTypes go on, the rest is data (columns stay "N/A"). */
static void payload(struct tw_pkt *p, struct tw_cur *c, enum tw_table t, uint32_t key)
{
    struct tw_cur pl = tw_cur_rest(c);
    if (tw_dispatch_find(t, key) >= 0)
        tw_next(p, t, key, pl);
    else
        tw_next(p, TW_TBL_NAME, TW_KEY_DATA, pl);
}

static enum tw_status dissect(struct tw_pkt *p, struct tw_cur *c)
{
    uint32_t off = c->off;
    bool loop = p->via_table == TW_TBL_LINKTYPE && p->via_key == 108;
    if (!loop) {
        uint16_t first = tw_cur_peek_u16(c, 0);
        if (!tw_cur_ok(c)) {
            tw_layer_unrecord(p); /* Wireshark adds its line after reading the header */
            return TW_OK;
        }
        if (first == 0xff03) {
            tw_next(p, TW_TBL_NAME, TW_KEY_PPP, *c);
            return TW_OK;
        }
    }
    tw_col_proto(p, "N/A");
    tw_col_dl(p, TW_AT_STR, (const uint8_t *)"N/A", (const uint8_t *)"N/A", 3);
    tw_info_set(p, "Null/Loopback");
    tw_layer_setlen(p, 4);
    if (loop) {
        uint32_t fam = tw_cur_u32(c);
        if (!tw_cur_ok(c)) {
            tw_layer_unrecord(p);
            return TW_OK;
        }
        tw_add_uint(p, HF(F_FAMILY), off, 4, fam);
        payload(p, c, TW_TBL_NULL_FAMILY, fam);
        return TW_OK;
    }
    uint32_t v = tw_cur_u32le(c);
    if (!tw_cur_ok(c)) {
        tw_layer_unrecord(p);
        return TW_OK;
    }
    if (v & 0xffff0000u) {
        if ((v & 0xff000000u) == 0 && (v & 0x00ff0000u) < 0x00060000u)
            v >>= 16; /* IRIX: 16-bit AF first, in our order */
        else
            v = __builtin_bswap32(v);
    } else if ((v & 0xffu) == 0 && (v & 0xff00u) < 0x0600u) {
        v = __builtin_bswap16((uint16_t)v); /* IRIX, other order */
    }
    if (v > 1500) {
        tw_add_uint(p, HF(F_TYPE), off, 4, (uint16_t)v);
        payload(p, c, TW_TBL_ETHERTYPE, (uint16_t)v);
    } else {
        tw_add_uint(p, HF(F_FAMILY), off, 4, v);
        payload(p, c, TW_TBL_NULL_FAMILY, v);
    }
    return TW_OK;
}

static const struct tw_binding bindings[] = {
    {TW_TBL_LINKTYPE, 0},   /* LINKTYPE_NULL */
    {TW_TBL_LINKTYPE, 108}, /* LINKTYPE_LOOP */
};

const struct tw_proto tw_proto_null = {
    .abbrev = "null",
    .name = "Null/Loopback",
    .short_name = "Null",
    .fields = fields,
    .nfields = F_COUNT,
    .bindings = bindings,
    .nbindings = TW_ARRAY_LEN(bindings),
    .dissect = dissect,
    .ids = &ids,
    .flags = TW_PROTO_NO_COLUMN, /* the column is set once the first fields are read */
};
