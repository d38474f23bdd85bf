/* Data: bytes no dissector claimed, shown as they are (Wireshark's "data" protocol). Every
 * unknown link type, EtherType, IP protocol or port ends here, never dropped silently. */
#include "../internal.h"

struct tw_proto_ids tw_ids_data;
#define HF(x) ((uint16_t)(tw_ids_data.base + (x)))

enum { F_DATA, F_LEN, F_COUNT };
static const struct tw_field_def fields[F_COUNT] = {
    [F_DATA] = {"data.data", "Data", TW_FT_BYTES, TW_BASE_NONE},
    [F_LEN] = {"data.len", "Length", TW_FT_INT32, TW_BASE_DEC},
};

static enum tw_status dissect(struct tw_pkt *p, struct tw_cur *c)
{
    /* Like Wireshark's data dissector: it shows what was captured (the snaplen may have cut
     * the rest) and never fails; with nothing captured it adds nothing. */
    uint32_t off = c->off, avail = tw_cur_avail(c);
    if (avail == 0) return TW_OK;
    if (tw_layer_recorded(p)) tw_layer_label(p, "Data (%u byte%s)", avail, avail == 1 ? "" : "s");
    tw_layer_setlen(p, avail);
    tw_add_bytes(p, HF(F_DATA), c, off, avail);
    int32_t r = tw_add_int(p, HF(F_LEN), off, 0, avail);
    tw_rec_flags(p, r, TW_RF_GENERATED);
    c->off += avail;
    return TW_OK;
}

const struct tw_proto tw_proto_data = {
    .abbrev = "data",
    .name = "Data",
    .short_name = "Data",
    .fields = fields,
    .nfields = F_COUNT,
    .dissect = dissect,
    .ids = &tw_ids_data,
    .flags = TW_PROTO_NO_COLUMN,
};
