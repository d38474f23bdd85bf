/* Linux "cooked" capture headers, LINKTYPE_LINUX_SLL (113) and LINKTYPE_LINUX_SLL2 (276), as
 * specified at tcpdump.org/linktypes/LINKTYPE_LINUX_SLL{,2}.html.
 *
 *   v1 (16 octets):                          v2 (20 octets):
 *   +----------+---------+---------+         +----------+----------+--------------------+
 *   | pkttype 2| hatype 2| halen 2 |         | proto 2  | reserved2| interface index 4  |
 *   +----------+---------+---------+         +----------+----------+--------------------+
 *   | link-layer address (8)        |         | hatype 2 | pkttype 1| halen 1 | address 8 |
 *   +-------------------------------+         +----------+----------+---------+-----------+
 *   | protocol 2 |
 *   +------------+
 *
 * A protocol value above 1536 is an EtherType (handed to the "ethertype" step); smaller values
 * are Linux ETH_P_* codes for frames that carry their own link header. */
#include "../dissect.h"

#include <stdio.h>

extern const struct tw_vs tw_etype_vals[];
extern const struct tw_vs tw_arp_hrd_vals[];
extern const struct tw_vs tw_gre_typevals[];

static struct tw_proto_ids ids;
#define HF(x) ((uint16_t)(ids.base + (x)))

enum {
    F_PKTTYPE,
    F_HATYPE,
    F_HALEN,
    F_SRC_ETH,
    F_SRC_IPV4,
    F_SRC_OTHER,
    F_UNUSED,
    F_LTYPE,
    F_GRETYPE,
    F_ETYPE,
    F_TRAILER,
    F_IFINDEX,
    F_COUNT
};

static const struct tw_vs pkttype_vals[] = {{0, "Unicast to us"}, {1, "Broadcast"},
                                            {2, "Multicast"},     {3, "Unicast to another host"},
                                            {4, "Sent by us"},    {0, NULL}};
static const struct tw_vs ltype_vals[] = {{0x0001, "Raw 802.3"},     {0x0003, "Ethernet"},
                                          {0x0004, "802.2 LLC"},     {0x0007, "PPP (HDLC)"},
                                          {0x000c, "CAN"},           {0x000d, "CAN FD"},
                                          {0x0017, "IrDA LAP"},      {0x00f5, "ISI"},
                                          {0x00f6, "IEEE 802.15.4"}, {0, NULL}};

static const struct tw_field_def fields[F_COUNT] = {
    [F_PKTTYPE] = {"sll.pkttype", "Packet type", TW_FT_UINT16, TW_BASE_DEC, 0, pkttype_vals},
    [F_HATYPE] = {"sll.hatype", "Link-layer address type", TW_FT_UINT16, TW_BASE_DEC, 0,
                  tw_arp_hrd_vals},
    [F_HALEN] = {"sll.halen", "Link-layer address length", TW_FT_UINT16, TW_BASE_DEC},
    [F_SRC_ETH] = {"sll.src.eth", "Source", TW_FT_ETHER, TW_BASE_NONE, 0, NULL, NULL, NULL,
                   "Source link-layer address"},
    [F_SRC_IPV4] = {"sll.src.ipv4", "Source", TW_FT_IPv4, TW_BASE_NONE, 0, NULL, NULL, NULL,
                    "Source link-layer address"},
    [F_SRC_OTHER] = {"sll.src.other", "Source", TW_FT_BYTES, TW_BASE_NONE, 0, NULL, NULL, NULL,
                     "Source link-layer address"},
    [F_UNUSED] = {"sll.unused", "Unused", TW_FT_BYTES, TW_BASE_NONE, 0, NULL, NULL, NULL,
                  "Unused bytes"},
    [F_LTYPE] = {"sll.ltype", "Protocol", TW_FT_UINT16, TW_BASE_HEX, 0, ltype_vals, NULL, NULL,
                 "Linux protocol type"},
    [F_GRETYPE] = {"sll.gretype", "Protocol", TW_FT_UINT16, TW_BASE_HEX, 0, tw_gre_typevals, NULL,
                   NULL, "GRE protocol type"},
    [F_ETYPE] = {"sll.etype", "Protocol", TW_FT_UINT16, TW_BASE_HEX, 0, tw_etype_vals, NULL, NULL,
                 "Ethernet protocol type"},
    [F_TRAILER] = {"sll.trailer", "Trailer", TW_FT_BYTES},
    [F_IFINDEX] = {"sll.ifindex", "Interface index", TW_FT_UINT32, TW_BASE_DEC},
};

#define ARPHRD_IPGRE   778
#define ARPHRD_NETLINK 824

/* Source address (halen says how much of the 8-octet field is used); it is also the Source
 * column, as the header has no destination. */
static bool add_address(struct tw_pkt *p, struct tw_cur *c, uint32_t len_off, uint32_t len_size)
{
    uint32_t halen = len_size == 2 ? tw_cur_u16(c) : tw_cur_u8(c);
    if (!tw_cur_ok(c)) return false;
    tw_add_uint(p, HF(F_HALEN), len_off, len_size, halen);
    uint32_t off = c->off;
    const uint8_t *a;
    switch (halen) {
    case 0:
        break;
    case 4:
        a = tw_cur_bytes(c, 4);
        if (!a) return false;
        c->off = off;
        p->dl_src = (struct tw_addr){TW_AT_IPv4, 4, a};
        p->dl_dst = (struct tw_addr){TW_AT_NONE, 0, NULL};
        tw_add_ptr(p, HF(F_SRC_IPV4), off, 4, a, 4);
        break;
    case 6:
        a = tw_cur_bytes(c, 6);
        if (!a) return false;
        c->off = off;
        p->dl_src = (struct tw_addr){TW_AT_ETHER, 6, a};
        p->dl_dst = (struct tw_addr){TW_AT_NONE, 0, NULL};
        tw_add_ptr(p, HF(F_SRC_ETH), off, 6, a, 6);
        break;
    default: {
        uint32_t n = halen > 8 ? 8 : halen;
        a = tw_cur_bytes(c, n);
        if (!a) return false;
        c->off = off;
        tw_add_ptr(p, HF(F_SRC_OTHER), off, n, a, n);
        break;
    }
    }
    if (halen < 8) {
        a = tw_cur_bytes(c, 8);
        if (!a) return false;
        tw_add_ptr(p, HF(F_UNUSED), off + halen, 8 - halen, a + halen, 8 - halen);
    } else if (!tw_cur_skip(c, 8)) {
        return false;
    }
    return true;
}

static void add_protocol(struct tw_pkt *p, uint32_t off, uint16_t proto, uint16_t hatype)
{
    int f = proto <= 1536 ? F_LTYPE : hatype == ARPHRD_IPGRE ? F_GRETYPE : F_ETYPE;
    tw_add_uint(p, HF(f), off, 2, proto);
}

/* After the header: Linux protocol codes name their own link layer, EtherTypes go through the
 * ethertype step (which shows the trailer), GRE devices carry GRE protocol types. */
static void payload(struct tw_pkt *p, struct tw_cur *c, uint32_t start, uint16_t hatype,
                    uint16_t proto, uint32_t proto_off)
{
    struct tw_cur pl = *c; /* the rest, for the branches that hand it on directly */
    if (proto <= 1536) {
        switch (hatype) {
        case 770:
            tw_next(p, TW_TBL_LINKTYPE, 107, pl);
            return; /* Frame Relay */
        case 803:
            tw_next(p, TW_TBL_LINKTYPE, 127, pl);
            return; /* radiotap */
        default:
            break;
        }
        switch (proto) {
        case 0x0001: /* Novell raw IPX, if an IPX dissector binds its EtherType */
            if (tw_dispatch_find(TW_TBL_ETHERTYPE, 0x8137) >= 0)
                tw_next(p, TW_TBL_ETHERTYPE, 0x8137, pl);
            else
                tw_next(p, TW_TBL_NAME, TW_KEY_DATA, pl);
            return;
        case 0x0003:
            tw_next(p, TW_TBL_NAME, TW_KEY_ETH, pl);
            return;
        case 0x0004:
            tw_next(p, TW_TBL_NAME, TW_KEY_LLC, pl);
            return;
        case 0x0007:
            tw_next(p, TW_TBL_NAME, TW_KEY_PPP, pl);
            return;
        case 0x000c:
        case 0x000d:
            tw_next(p, TW_TBL_LINKTYPE, 227, pl);
            return; /* SocketCAN */
        case 0x00f6:
            tw_next(p, TW_TBL_LINKTYPE, 230, pl);
            return; /* 802.15.4, no FCS */
        default:
            tw_next(p, TW_TBL_NAME, TW_KEY_DATA, pl);
            return;
        }
    }
    if (hatype == ARPHRD_IPGRE) {
        /* only a known GRE payload is dissected; nothing else follows */
        if (tw_dispatch_find(TW_TBL_ETHERTYPE, proto) >= 0)
            tw_next(p, TW_TBL_ETHERTYPE, proto, pl);
        else
            c->off = c->end;
        return;
    }
    (void)proto_off;
    p->ctx.ethertype.type = proto;
    p->ctx.ethertype.type_hf = 0; /* already shown, in header order */
    p->ctx.ethertype.trailer_hf = HF(F_TRAILER);
    p->ctx.ethertype.fcs_len = 0;
    p->ctx.ethertype.link_off = start;
    tw_next(p, TW_TBL_NAME, TW_KEY_ETHERTYPE_STEP, *c);
}

static void columns(struct tw_pkt *p, uint32_t pkttype)
{
    tw_col_proto(p, "SLL");
    const char *s = tw_vs_find(pkttype_vals, pkttype);
    if (s)
        tw_info_set(p, s);
    else {
        tw_info_clear(p);
        tw_info_printf(p, "Unknown (%u)", pkttype);
    }
}

static enum tw_status dissect_v1(struct tw_pkt *p, struct tw_cur *c)
{
    uint32_t start = c->off;
    uint16_t pkttype = tw_cur_peek_u16(c, 0);
    uint16_t hatype = tw_cur_peek_u16(c, 2);
    if (!tw_cur_ok(c)) {
        tw_layer_unrecord(p); /* Wireshark adds its line after these reads */
        return TW_OK;
    }
    if (hatype == ARPHRD_NETLINK) {
        tw_next(p, TW_TBL_LINKTYPE, 253, *c); /* the whole packet is a netlink message */
        return TW_OK;
    }
    columns(p, pkttype);
    tw_layer_setlen(p, 16);
    if (tw_layer_recorded(p)) tw_layer_label(p, "Linux cooked capture v1");
    tw_add_uint(p, HF(F_PKTTYPE), start, 2, pkttype);
    tw_add_uint(p, HF(F_HATYPE), start + 2, 2, hatype);
    tw_cur_skip(c, 4);
    if (!add_address(p, c, start + 4, 2)) return TW_OK;
    uint16_t proto = tw_cur_u16(c);
    if (!tw_cur_ok(c)) return TW_OK;
    add_protocol(p, start + 14, proto, hatype);
    payload(p, c, start, hatype, proto, start + 14);
    return TW_OK;
}

static enum tw_status dissect_v2(struct tw_pkt *p, struct tw_cur *c)
{
    uint32_t start = c->off;
    uint8_t pkttype = tw_cur_peek_u8(c, 10);
    /* Wireshark's Info reads the packet type as 16 bits (with the address length) */
    uint16_t pkttype16 = tw_cur_peek_u16(c, 10);
    uint16_t hatype = tw_cur_peek_u16(c, 8);
    if (!tw_cur_ok(c)) {
        tw_layer_unrecord(p);
        return TW_OK;
    }
    if (hatype == ARPHRD_NETLINK) {
        tw_next(p, TW_TBL_LINKTYPE, 253, *c);
        return TW_OK;
    }
    columns(p, pkttype16);
    tw_layer_setlen(p, 20);
    if (tw_layer_recorded(p)) tw_layer_label(p, "Linux cooked capture v2");
    uint16_t proto = tw_cur_u16(c);
    add_protocol(p, start, proto, hatype);
    tw_cur_skip(c, 2);
    uint32_t ifindex = tw_cur_u32(c);
    if (!tw_cur_ok(c)) return TW_OK;
    tw_add_uint(p, HF(F_IFINDEX), start + 4, 4, ifindex);
    tw_add_uint(p, HF(F_HATYPE), start + 8, 2, hatype);
    tw_add_uint(p, HF(F_PKTTYPE), start + 10, 1, pkttype);
    tw_cur_skip(c, 3);
    if (!add_address(p, c, start + 11, 1)) return TW_OK;
    payload(p, c, start, hatype, proto, start);
    return TW_OK;
}

/* Both versions are the one protocol "sll"; the link type says which layout it is. */
static enum tw_status dissect(struct tw_pkt *p, struct tw_cur *c)
{
    if (p->via_table == TW_TBL_LINKTYPE && p->via_key == 276) return dissect_v2(p, c);
    return dissect_v1(p, c);
}

static const struct tw_binding bindings[] = {{TW_TBL_LINKTYPE, 113}, {TW_TBL_LINKTYPE, 276}};

const struct tw_proto tw_proto_sll = {
    .abbrev = "sll",
    .name = "Linux cooked-mode capture",
    .short_name = "SLL",
    .fields = fields,
    .nfields = F_COUNT,
    .bindings = bindings,
    .nbindings = TW_ARRAY_LEN(bindings),
    .dissect = dissect,
    .ids = &ids,
    .flags = TW_PROTO_NO_COLUMN, /* the column is set once the first fields are read */
};
