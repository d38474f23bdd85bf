/* Linux netfilter NFLOG (LINKTYPE_NFLOG, 239): a 4-byte header (address family, version,
 * resource id in network order), then netlink attributes (TLVs) whose length and type are in the
 * capturing host's order (little-endian here, as on the hosts these captures come from), each
 * padded to 4 bytes. The NFULA_PAYLOAD attribute holds the packet: IPv4 or IPv6 by the family.
 * tcpdump.org/linktypes/LINKTYPE_NFLOG.html. */
#include "../dissect.h"

extern const struct tw_vs tw_etype_vals[];

static struct tw_proto_ids ids;
#define HF(x) ((uint16_t)(ids.base + (x)))

enum {
    F_FAMILY,
    F_VERSION,
    F_RES_ID,
    F_TLV,
    F_TLV_LEN,
    F_TLV_TYPE,
    F_HWPROTO,
    F_HOOK,
    F_IFINDEX_INDEV,
    F_IFINDEX_OUTDEV,
    F_IFINDEX_PHYSINDEV,
    F_IFINDEX_PHYSOUTDEV,
    F_PREFIX,
    F_UID,
    F_GID,
    F_TIMESTAMP,
    F_VALUE,
    F_COUNT
};

static const struct tw_vs family_vals[] = {{0, "Unspecified"}, {1, "IPv4/IPv6"}, {2, "IPv4"},
                                           {3, "ARP"},         {5, "Netdev"},    {7, "Bridge"},
                                           {10, "IPv6"},       {12, "DECNET"},   {0, NULL}};
static const struct tw_vs type_vals[] = {
    {0, "NFULA_UNSPEC"},           {1, "NFULA_PACKET_HDR"},        {2, "NFULA_MARK"},
    {3, "NFULA_TIMESTAMP"},        {4, "NFULA_IFINDEX_INDEV"},     {5, "NFULA_IFINDEX_OUTDEV"},
    {6, "NFULA_IFINDEX_PHYSINDEV"}, {7, "NFULA_IFINDEX_PHYSOUTDEV"}, {8, "NFULA_HWADDR"},
    {9, "NFULA_PAYLOAD"},          {10, "NFULA_PREFIX"},           {11, "NFULA_UID"},
    {12, "NFULA_SEQ"},             {13, "NFULA_SEQ_GLOBAL"},       {14, "NFULA_GID"},
    {15, "NFULA_HWTYPE"},          {16, "NFULA_HWHEADER"},         {17, "NFULA_HWLEN"},
    {0, NULL}};
static const struct tw_vs hook_vals[] = {{0, "Pre-routing"}, {1, "Local in"},
                                         {2, "Forward"},     {3, "Local out"},
                                         {4, "Post-routing"}, {5, "Number of hooks"},
                                         {0, NULL}};

static const struct tw_field_def fields[F_COUNT] = {
    [F_FAMILY] = {"nflog.family", "Family", TW_FT_UINT8, TW_BASE_DEC, 0, family_vals},
    [F_VERSION] = {"nflog.version", "Version", TW_FT_UINT8, TW_BASE_DEC},
    [F_RES_ID] = {"nflog.res_id", "Resource id", TW_FT_UINT16, TW_BASE_DEC},
    [F_TLV] = {"nflog.tlv", "TLV", TW_FT_BYTES},
    [F_TLV_LEN] = {"nflog.tlv_length", "Length", TW_FT_UINT16, TW_BASE_DEC},
    [F_TLV_TYPE] = {"nflog.tlv_type", "Type", TW_FT_UINT16, TW_BASE_DEC, 0x7fff, type_vals},
    [F_HWPROTO] = {"nflog.protocol", "HW protocol", TW_FT_UINT16, TW_BASE_HEX, 0, tw_etype_vals},
    [F_HOOK] = {"nflog.hook", "Netfilter hook", TW_FT_UINT8, TW_BASE_DEC, 0, hook_vals},
    [F_IFINDEX_INDEV] = {"nflog.ifindex_indev", "IFINDEX_INDEV", TW_FT_UINT32, TW_BASE_DEC},
    [F_IFINDEX_OUTDEV] = {"nflog.ifindex_outdev", "IFINDEX_OUTDEV", TW_FT_UINT32, TW_BASE_DEC},
    [F_IFINDEX_PHYSINDEV] = {"nflog.ifindex_physindev", "IFINDEX_PHYSINDEV", TW_FT_UINT32,
                             TW_BASE_DEC},
    [F_IFINDEX_PHYSOUTDEV] = {"nflog.ifindex_physoutdev", "IFINDEX_PHYSOUTDEV", TW_FT_UINT32,
                              TW_BASE_DEC},
    [F_PREFIX] = {"nflog.prefix", "Prefix", TW_FT_STRINGZ},
    [F_UID] = {"nflog.uid", "UID", TW_FT_INT32, TW_BASE_DEC},
    [F_GID] = {"nflog.gid", "GID", TW_FT_INT32, TW_BASE_DEC},
    [F_TIMESTAMP] = {"nflog.timestamp", "Timestamp", TW_FT_ABSOLUTE_TIME, TW_ABSTIME_LOCAL},
    [F_VALUE] = {"nflog.tlv_value", "Value", TW_FT_BYTES},
};

static uint32_t be32(const uint8_t *b)
{
    return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

static enum tw_status dissect(struct tw_pkt *p, struct tw_cur *c)
{
    tw_col_proto(p, "NFLOG");
    tw_info_set(p, "");
    const uint8_t *d = c->data;
    uint32_t off = c->off;
    const uint8_t *h;
    if (!tw_cur_try_peek(c, 0, 4, &h)) {
        tw_cur_skip(c, tw_cur_left(c) + 1);
        return TW_MALFORMED;
    }
    uint8_t family = h[0];
    tw_add_uint(p, HF(F_FAMILY), off, 1, family);
    tw_add_uint(p, HF(F_VERSION), off + 1, 1, h[1]);
    tw_add_uint(p, HF(F_RES_ID), off + 2, 2, (uint32_t)(h[2] << 8 | h[3]));
    uint32_t o = off + 4, end = c->end, cap = TW_MIN(c->cap, c->end);
    while (o < end) {
        if (o + 4 > end) return TW_MALFORMED;
        if (o + 4 > cap) return TW_TRUNCATED;
        uint32_t len = (uint32_t)(d[o] | d[o + 1] << 8);
        uint32_t type = (uint32_t)(d[o + 2] | d[o + 3] << 8) & 0x7fff;
        if (len < 4 || o + len > end) return TW_MALFORMED;
        if (o + len > cap) return TW_TRUNCATED;
        const char *tn = tw_vs_find(type_vals, type);
        int32_t r = tw_add_bytes(p, HF(F_TLV), c, o, len);
        if (r >= 0 && tw_want_labels(p))
            tw_rec_label(p, r, "TLV Type: %s (%u), Length: %u", tn ? tn : "Unknown", type, len);
        tw_tree_push(p, r);
        tw_add_uint(p, HF(F_TLV_LEN), o, 2, len);
        tw_add_bits(p, HF(F_TLV_TYPE), o + 2, 2, type);
        uint32_t v = o + 4, vl = len - 4;
        switch (type) {
        case 1: /* hardware protocol, hook, padding */
            if (vl >= 3) {
                tw_add_uint(p, HF(F_HWPROTO), v, 2, (uint32_t)(d[v] << 8 | d[v + 1]));
                tw_add_uint(p, HF(F_HOOK), v + 2, 1, d[v + 2]);
            }
            break;
        case 3: /* seconds and microseconds, 64 bits each */
            if (vl >= 16) {
                uint64_t s = (uint64_t)be32(d + v) << 32 | be32(d + v + 4);
                uint64_t us = (uint64_t)be32(d + v + 8) << 32 | be32(d + v + 12);
                struct tw_time t = {(int64_t)s, (int32_t)(us % 1000000u) * 1000};
                tw_add_time(p, HF(F_TIMESTAMP), v, 16, t);
            }
            break;
        case 4: case 5: case 6: case 7:
            if (vl >= 4)
                tw_add_uint(p, HF(F_IFINDEX_INDEV + (type - 4)), v, 4, be32(d + v));
            break;
        case 9: break; /* the payload goes on below */
        case 10: tw_add_ascii(p, HF(F_PREFIX), v, vl, d + v); break;
        case 11:
        case 14:
            if (vl >= 4) tw_add_int(p, HF(type == 11 ? F_UID : F_GID), v, 4, (int32_t)be32(d + v));
            break;
        default:
            if (vl) tw_add_bytes(p, HF(F_VALUE), c, v, vl);
            break;
        }
        tw_tree_pop(p);
        if (type == 9) {
            struct tw_cur pl = *c;
            pl.off = v;
            pl.end = v + vl;
            if (pl.cap > pl.end) pl.cap = pl.end;
            if (family == 2)
                tw_next(p, TW_TBL_ETHERTYPE, 0x0800, pl);
            else if (family == 10)
                tw_next(p, TW_TBL_ETHERTYPE, 0x86dd, pl);
            else
                tw_next(p, TW_TBL_NAME, TW_KEY_DATA, pl);
        }
        o += (len + 3u) & ~3u;
    }
    return TW_OK;
}

static const struct tw_binding bindings[] = {{TW_TBL_LINKTYPE, 239}};

const struct tw_proto tw_proto_nflog = {
    .abbrev = "nflog",
    .name = "Linux Netfilter NFLOG",
    .short_name = "NFLOG",
    .fields = fields,
    .nfields = F_COUNT,
    .bindings = bindings,
    .nbindings = TW_ARRAY_LEN(bindings),
    .dissect = dissect,
    .ids = &ids,
};
