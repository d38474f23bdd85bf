/* Cisco UniDirectional Link Detection (RFC 5171; SNAP OUI 00-00-0C, PID 0x0111): version (3
 * bits) and opcode (5 bits), flags, checksum, then TLVs (type 2, length 2 including the
 * header). */
#include "../dissect.h"

#include <stdio.h>

static struct tw_proto_ids ids;
#define HF(x) ((uint16_t)(ids.base + (x)))
#define EX(x) ((uint16_t)(ids.expert_base + (x)))

enum {
    F_VERSION,
    F_OPCODE,
    F_FLAGS,
    F_FLAG_RT,
    F_FLAG_RSY,
    F_CKSUM,
    F_TLV_TYPE,
    F_TLV_LEN,
    F_DEVICE_ID,
    F_PORT_ID,
    F_DATA,
    F_COUNT
};

static const struct tw_vs opcode_vals[] = {
    {0, "Reserved"}, {1, "Probe"}, {2, "Echo"}, {3, "Flush"}, {0, NULL}};
static const struct tw_vs tlv_vals[] = {{1, "Device ID"},
                                        {2, "Port ID"},
                                        {3, "Echo"},
                                        {4, "Message interval"},
                                        {5, "Timeout interval"},
                                        {6, "Device name"},
                                        {7, "Sequence number"},
                                        {0, NULL}};

static const struct tw_field_def fields[F_COUNT] = {
    [F_VERSION] = {"udld.version", "Version", TW_FT_UINT8, TW_BASE_DEC, 0xe0},
    [F_OPCODE] = {"udld.opcode", "Opcode", TW_FT_UINT8, TW_BASE_DEC, 0x1f, opcode_vals},
    [F_FLAGS] = {"udld.flags", "Flags", TW_FT_UINT8, TW_BASE_DEC},
    [F_FLAG_RT] = {"udld.flags.rt", "Recommended timeout", TW_FT_UINT8, TW_BASE_HEX, 0x01},
    [F_FLAG_RSY] = {"udld.flags.rsy", "ReSynch", TW_FT_UINT8, TW_BASE_HEX, 0x02},
    [F_CKSUM] = {"udld.checksum", "Checksum", TW_FT_UINT16, TW_BASE_HEX},
    [F_TLV_TYPE] = {"udld.tlv.type", "Type", TW_FT_UINT16, TW_BASE_HEX, 0, tlv_vals},
    [F_TLV_LEN] = {"udld.tlv.len", "Length", TW_FT_UINT16, TW_BASE_DEC},
    [F_DEVICE_ID] = {"udld.device_id", "Device ID", TW_FT_STRINGZ},
    [F_PORT_ID] = {"udld.sent_through_interface", "Sent through Interface", TW_FT_STRING},
    [F_DATA] = {"udld.data", "Data", TW_FT_BYTES},
};

static const struct tw_expert_def experts[] = {
    {"udld.tlv.len.invalid", "decoder.udld.tlv_len_invalid", TW_SEV_WARN, TW_GRP_PROTOCOL,
     "TLV with invalid length (< 4)"},
};

static enum tw_status dissect(struct tw_pkt *p, struct tw_cur *c)
{
    tw_col_proto(p, "UDLD");
    tw_info_clear(p);
    const uint32_t s = c->off;
    const uint8_t *h = tw_cur_bytes(c, 4);
    if (!h) return c->err == TW_CUR_TRUNCATED ? TW_TRUNCATED : TW_MALFORMED;
    tw_add_bits(p, HF(F_VERSION), s, 1, h[0]);
    tw_add_bits(p, HF(F_OPCODE), s, 1, h[0]);
    int32_t r = tw_add_uint(p, HF(F_FLAGS), s + 1, 1, h[1]);
    tw_tree_push(p, r);
    tw_add_bits(p, HF(F_FLAG_RT), s + 1, 1, h[1]);
    tw_add_bits(p, HF(F_FLAG_RSY), s + 1, 1, h[1]);
    tw_tree_pop(p);
    tw_add_uint(p, HF(F_CKSUM), s + 2, 2, (uint32_t)(h[2] << 8 | h[3]));
    while (tw_cur_left(c) > 0) {
        uint32_t o = c->off;
        const uint8_t *t = tw_cur_bytes(c, 4);
        if (!t) return c->err == TW_CUR_TRUNCATED ? TW_TRUNCATED : TW_MALFORMED;
        uint16_t type = (uint16_t)(t[0] << 8 | t[1]), len = (uint16_t)(t[2] << 8 | t[3]);
        if (len < 4) {
            int32_t rb = -1;
            if (p->want_all) rb = tw_add_text_(p, o, 4, "TLV with invalid length %u (< 4)", len);
            tw_tree_push(p, rb);
            tw_add_uint(p, HF(F_TLV_TYPE), o, 2, type);
            int32_t rl = tw_add_uint(p, HF(F_TLV_LEN), o + 2, 2, len);
            tw_tree_push(p, rl);
            tw_expert(p, EX(0), o + 2, 2, NULL);
            tw_tree_pop(p);
            tw_tree_pop(p);
            if (tw_cur_left(c)) tw_next(p, TW_TBL_NAME, TW_KEY_DATA, tw_cur_rest(c));
            return TW_OK;
        }
        uint32_t vl = len - 4u;
        const uint8_t *v = tw_cur_bytes(c, vl);
        if (!v) return c->err == TW_CUR_TRUNCATED ? TW_TRUNCATED : TW_MALFORMED;
        char buf[256];
        uint32_t n = 0;
        while (n < vl && n + 1 < sizeof buf && v[n]) {
            buf[n] = (char)v[n];
            n++;
        }
        buf[n] = 0;
        r = -1;
        if (type == 1) {
            if (p->want_all) r = tw_add_text_(p, o, len, "Device ID: %s", buf);
            tw_info_printf(p, "Device ID: %s  ", buf);
        } else if (type == 2) {
            if (p->want_all) r = tw_add_text_(p, o, len, "Port ID: %s", buf);
            tw_info_printf(p, "Port ID: %s  ", buf);
        } else if (p->want_all) {
            const char *tn = tw_vs_find(tlv_vals, type);
            if (tn)
                r = tw_add_text_(p, o, len, "Type: %s, length: %u", tn, len);
            else
                r = tw_add_text_(p, o, len, "Type: 0x%04x, length: %u", type, len);
        }
        tw_tree_push(p, r);
        tw_add_uint(p, HF(F_TLV_TYPE), o, 2, type);
        tw_add_uint(p, HF(F_TLV_LEN), o + 2, 2, len);
        if (type == 1)
            tw_add_ascii(p, HF(F_DEVICE_ID), o + 4, vl, v);
        else if (type == 2)
            tw_add_ascii(p, HF(F_PORT_ID), o + 4, vl, v);
        else if (vl)
            tw_add_ptr(p, HF(F_DATA), o + 4, vl, v, vl);
        tw_tree_pop(p);
    }
    return TW_OK;
}

static const struct tw_binding bindings[] = {{TW_TBL_SNAP, 0x000c0111}};

const struct tw_proto tw_proto_udld = {
    .abbrev = "udld",
    .name = "Unidirectional Link Detection",
    .short_name = "UDLD",
    .fields = fields,
    .nfields = F_COUNT,
    .experts = experts,
    .nexperts = TW_ARRAY_LEN(experts),
    .bindings = bindings,
    .nbindings = TW_ARRAY_LEN(bindings),
    .dissect = dissect,
    .ids = &ids,
};
