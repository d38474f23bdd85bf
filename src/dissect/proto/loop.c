/* Ethernet Configuration Testing Protocol ("loopback", EtherType 0x9000; Ethernet v2.0
 * specification section 8): a little-endian skip count, then a list of functions: Forward Data
 * (2) with the next forwarding address, and Reply (1) with a receipt number. The function at
 * offset 2 + skipCount is the one the receiving station acts on. Data follows the Reply. */
#include "../dissect.h"

#include <stdio.h>

static struct tw_proto_ids ids;
#define HF(x) ((uint16_t)(ids.base + (x)))

enum { F_SKIP, F_FUNCTION, F_RELEVANT, F_RECEIPT, F_FWD_ADDR, F_COUNT };

static const struct tw_vs function_vals[] = {{1, "Reply"}, {2, "Forward Data"}, {0, NULL}};

static const struct tw_field_def fields[F_COUNT] = {
    [F_SKIP] = {"loop.skipcount", "skipCount", TW_FT_UINT16, TW_BASE_DEC},
    [F_FUNCTION] = {"loop.function", "Function", TW_FT_UINT16, TW_BASE_DEC, 0, function_vals},
    [F_RELEVANT] = {"loop.relevant_function", "Relevant function", TW_FT_UINT16, TW_BASE_DEC, 0,
                    function_vals},
    [F_RECEIPT] = {"loop.receipt_number", "Receipt number", TW_FT_UINT16, TW_BASE_DEC},
    [F_FWD_ADDR] = {"loop.forwarding_address", "Forwarding address", TW_FT_ETHER},
};

static enum tw_status dissect(struct tw_pkt *p, struct tw_cur *c)
{
    tw_col_proto(p, "LOOP");
    tw_info_clear(p);
    const uint32_t s = c->off;
    uint16_t skip = tw_cur_u16le(c);
    if (!tw_cur_ok(c)) return c->err == TW_CUR_TRUNCATED ? TW_TRUNCATED : TW_MALFORMED;
    tw_add_uint(p, HF(F_SKIP), s, 2, skip);
    bool set_info = false;
    for (;;) {
        uint32_t o = c->off;
        uint16_t fn = tw_cur_u16le(c);
        if (!tw_cur_ok(c)) return c->err == TW_CUR_TRUNCATED ? TW_TRUNCATED : TW_MALFORMED;
        const char *fnm = tw_vs_find(function_vals, fn);
        if (o - s == 2u + skip) {
            tw_add_uint(p, HF(F_RELEVANT), o, 2, fn);
            if (!set_info) {
                if (fnm)
                    tw_info_set(p, fnm);
                else
                    tw_info_printf(p, "Unknown function (%u)", fn);
                set_info = true;
            }
        }
        tw_add_uint(p, HF(F_FUNCTION), o, 2, fn);
        if (fn == 1) {
            uint16_t rn = tw_cur_u16le(c);
            if (!tw_cur_ok(c)) return c->err == TW_CUR_TRUNCATED ? TW_TRUNCATED : TW_MALFORMED;
            tw_add_uint(p, HF(F_RECEIPT), o + 2, 2, rn);
            break;
        }
        if (fn != 2) break;
        const uint8_t *a = tw_cur_bytes(c, 6);
        if (!a) return c->err == TW_CUR_TRUNCATED ? TW_TRUNCATED : TW_MALFORMED;
        tw_add_ptr(p, HF(F_FWD_ADDR), o + 2, 6, a, 6);
    }
    tw_layer_setlen(p, c->off - s);
    if (tw_cur_left(c)) tw_next(p, TW_TBL_NAME, TW_KEY_DATA, tw_cur_rest(c));
    return TW_OK;
}

static const struct tw_binding bindings[] = {{TW_TBL_ETHERTYPE, 0x9000}};

const struct tw_proto tw_proto_loop = {
    .abbrev = "loop",
    .name = "Configuration Test Protocol (loopback)",
    .short_name = "LOOP",
    .fields = fields,
    .nfields = F_COUNT,
    .bindings = bindings,
    .nbindings = TW_ARRAY_LEN(bindings),
    .dissect = dissect,
    .ids = &ids,
};
