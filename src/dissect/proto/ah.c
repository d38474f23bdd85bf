/* IP Authentication Header (RFC 4302 section 2). Inside an IPv6 header chain it is an extension
 * header (shown inside the IPv6 tree, continuing the chain); after IPv4 it is a protocol that
 * hands its payload to the IP protocol table.
 *
 *    0                   1                   2                   3
 *    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   | Next Header   |  Payload Len  |          RESERVED             |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                 Security Parameters Index (SPI)               |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                    Sequence Number Field                      |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                Integrity Check Value-ICV (variable)           |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * Payload Len is the header length in 32-bit words minus 2. */
#include "ipv6.h"

static struct tw_proto_ids ids;
#define HF(x) ((uint16_t)(ids.base + (x)))

enum { F_NXT, F_LENGTH, F_RESERVED, F_SPI, F_ICV, F_SEQUENCE, F_COUNT };
static const struct tw_field_def fields[F_COUNT] = {
    [F_NXT] = {"ah.next_header", "Next header", TW_FT_UINT8, TW_BASE_DEC, 0, tw_ip6_proto_vals,
               tw_ip6_proto_rvals},
    [F_LENGTH] = {"ah.length", "Length", TW_FT_UINT8, TW_BASE_DEC},
    [F_RESERVED] = {"ah.reserved", "Reserved", TW_FT_BYTES, TW_BASE_NONE},
    [F_SPI] = {"ah.spi", "AH SPI", TW_FT_UINT32, TW_BASE_HEX, 0, NULL, NULL, NULL,
               "IP Authentication Header Security Parameters Index"},
    [F_ICV] = {"ah.icv", "AH ICV", TW_FT_BYTES, TW_BASE_NONE, 0, NULL, NULL, NULL,
               "IP Authentication Header Integrity Check Value"},
    [F_SEQUENCE] = {"ah.sequence", "AH Sequence", TW_FT_UINT32, TW_BASE_DEC, 0, NULL, NULL, NULL,
                    "IP Authentication Header Sequence Number"},
};

static enum tw_status dissect(struct tw_pkt *p, struct tw_cur *c)
{
    uint32_t start = c->off;
    tw_info_clear(p);
    uint8_t nxt = tw_cur_peek_u8(c, 0);
    uint8_t l = tw_cur_peek_u8(c, 1);
    if (c->err) return TW_OK;
    uint32_t hdr_len = ((uint32_t)l + 2) * 4;
    uint32_t icv_len = l ? ((uint32_t)l - 1) * 4 : 0;

    bool in_chain = false;
    int32_t root = tw_ipv6_chain_root(p, &in_chain);
    if (in_chain) {
        tw_ipv6_add_exthdr_len(p, hdr_len);
        tw_tree_push(p, root);
    }
    int32_t r_ah = tw_want(p, ids.field) ? tw_add_rec(p, ids.field, start, tw_cur_left(c)) : -1;
    tw_tree_push(p, r_ah);

    tw_add_uint(p, HF(F_NXT), start, 1, nxt);
    int32_t r = tw_add_uint(p, HF(F_LENGTH), start + 1, 1, l);
    if (tw_want_labels(p)) tw_rec_label(p, r, "Length: %u (%u bytes)", l, hdr_len);
    const uint8_t *h = tw_cur_bytes(c, 4); /* next header, length, reserved */
    if (!h) return TW_OK;
    tw_add_ptr(p, HF(F_RESERVED), start + 2, 2, h + 2, 2);
    uint32_t spi = tw_cur_u32(c);
    if (c->err) return TW_OK;
    tw_add_uint(p, HF(F_SPI), start + 4, 4, spi);
    tw_info_clear(p);
    tw_info_printf(p, "AH (SPI=0x%08x)", spi);
    uint32_t seq = tw_cur_u32(c);
    if (c->err) return TW_OK;
    tw_add_uint(p, HF(F_SEQUENCE), start + 8, 4, seq);
    const uint8_t *icv = tw_cur_bytes(c, icv_len);
    if (!icv) return TW_OK;
    tw_add_ptr(p, HF(F_ICV), start + 12, icv_len, icv, icv_len);
    tw_rec_setlen(p, r_ah, hdr_len);

    /* the payload starts hdr_len bytes in (whatever the ICV length said) */
    struct tw_cur n = *c;
    n.off = start;
    if (!tw_cur_skip(&n, hdr_len)) {
        c->err = n.err;
        return TW_OK;
    }
    struct tw_cur rest = tw_cur_rest(&n);
    if (p->ctx.ip_version == 6 && p->net_dst.type == TW_AT_IPv6)
        tw_ipv6_next(p, nxt, rest);
    else
        tw_next(p, TW_TBL_IP_PROTO, nxt, rest);
    return TW_OK;
}

static const struct tw_binding bindings[] = {{TW_TBL_IP_PROTO, 51}};

const struct tw_proto tw_proto_ah = {
    .abbrev = "ah",
    .name = "Authentication Header",
    .short_name = "AH",
    .fields = fields,
    .nfields = F_COUNT,
    .bindings = bindings,
    .nbindings = TW_ARRAY_LEN(bindings),
    .dissect = dissect,
    .ids = &ids,
    .flags = TW_PROTO_NO_RECORD, /* its line goes inside the IPv6 tree when it is in a chain */
};
