/* Raw IP link types (LINKTYPE_RAW 101 and the historical DLT_RAW values 12 and 14): the packet
 * starts with an IP header, told apart by its version nibble (tcpdump.org/linktypes). Some old
 * Linux PPP and ISDN drivers left PPP-in-HDLC framing (FF 03) at offset 0, 1 or 6, or ten zero
 * octets before the IP header; Wireshark checks for those first, and so do we.
 *
 *   +---------------------------------------------+
 *   | IPv4 (version 4) or IPv6 (version 6) packet |
 *   +---------------------------------------------+ */
#include "../dissect.h"

static struct tw_proto_ids ids;

static void to_ip(struct tw_pkt *p, struct tw_cur c, uint16_t etype)
{
    if (tw_dispatch_find(TW_TBL_ETHERTYPE, etype) >= 0)
        tw_next(p, TW_TBL_ETHERTYPE, etype, c);
    else
        tw_next(p, TW_TBL_NAME, TW_KEY_DATA, c);
}

static enum tw_status dissect(struct tw_pkt *p, struct tw_cur *c)
{
    tw_col_proto(p, "N/A");
    tw_col_dl(p, TW_AT_STR, (const uint8_t *)"N/A", (const uint8_t *)"N/A", 3);
    tw_info_set(p, "Raw packet data");
    tw_layer_setlen(p, 0);
    /* each probe reads like Wireshark's does: a short packet is malformed here */
    uint16_t w0 = tw_cur_peek_u16(c, 0);
    if (!tw_cur_ok(c)) return TW_OK;
    if (w0 == 0xff03) {
        tw_next(p, TW_TBL_NAME, TW_KEY_PPP, *c);
        return TW_OK;
    }
    uint16_t w6 = tw_cur_peek_u16(c, 6);
    if (!tw_cur_ok(c)) return TW_OK;
    if (w6 == 0xff03) {
        struct tw_cur s = *c;
        tw_cur_skip(&s, 6);
        tw_next(p, TW_TBL_NAME, TW_KEY_PPP, s);
        return TW_OK;
    }
    uint16_t w1 = tw_cur_peek_u16(c, 1);
    if (w1 == 0xff03) {
        struct tw_cur s = *c;
        tw_cur_skip(&s, 1);
        tw_next(p, TW_TBL_NAME, TW_KEY_PPP, s);
        return TW_OK;
    }
    static const uint8_t zero[10];
    const uint8_t *z;
    if (tw_cur_try_peek(c, 0, 10, &z) && memcmp(z, zero, 10) == 0) {
        struct tw_cur s = *c;
        tw_cur_skip(&s, 10);
        to_ip(p, s, 0x0800);
        return TW_OK;
    }
    uint8_t v = tw_cur_peek_u8(c, 0);
    switch (v & 0xf0) {
    case 0x40:
        to_ip(p, *c, 0x0800);
        break;
    case 0x60:
        to_ip(p, *c, 0x86dd);
        break;
    default:
        tw_next(p, TW_TBL_NAME, TW_KEY_DATA, *c);
        break;
    }
    return TW_OK;
}

static const struct tw_binding bindings[] = {
    {TW_TBL_LINKTYPE, 101},
    {TW_TBL_LINKTYPE, 12},
    {TW_TBL_LINKTYPE, 14},
};

const struct tw_proto tw_proto_raw = {
    .abbrev = "raw",
    .name = "Raw packet data",
    .short_name = "Raw",
    .bindings = bindings,
    .nbindings = TW_ARRAY_LEN(bindings),
    .dissect = dissect,
    .ids = &ids,
};
