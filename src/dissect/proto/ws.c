/* trawl's own pseudo-protocols, named as Wireshark names them: expert infos (_ws.expert), the
 * malformed-packet marker (_ws.malformed) and the truncation marker (_ws.short). */
#include "../internal.h"

#include <string.h>

struct tw_proto_ids tw_ids_ws_expert, tw_ids_ws_malformed, tw_ids_ws_short,
    tw_ids_ws_unreassembled, tw_ids_ws_string, tw_ids_ws_type_length;

static const struct tw_field_def expert_fields[] = {
    [TW_WS_EXPERT_MESSAGE] = {"_ws.expert.message", "Message", TW_FT_STRING, TW_BASE_NONE},
    [TW_WS_EXPERT_SEVERITY] = {"_ws.expert.severity", "Severity level", TW_FT_UINT32,
                               TW_BASE_NONE, 0, tw_expert_sev_vals},
    [TW_WS_EXPERT_GROUP] = {"_ws.expert.group", "Group", TW_FT_UINT32, TW_BASE_NONE, 0,
                            tw_expert_grp_vals},
};

const struct tw_proto tw_proto_ws_expert = {
    .abbrev = "_ws.expert",
    .name = "Expert Info",
    .short_name = "Expert",
    .fields = expert_fields,
    .nfields = TW_ARRAY_LEN(expert_fields),
    .ids = &tw_ids_ws_expert,
    .flags = TW_PROTO_NO_LAYER | TW_PROTO_NO_COLUMN,
};

static const struct tw_expert_def malformed_experts[] = {
    {"_ws.malformed.expert", "decoder.malformed", TW_SEV_ERROR, TW_GRP_MALFORMED,
     "Malformed Packet (Exception occurred)"},
};

const struct tw_proto tw_proto_ws_malformed = {
    .abbrev = "_ws.malformed",
    .name = "Malformed Packet",
    .short_name = "Malformed",
    .experts = malformed_experts,
    .nexperts = TW_ARRAY_LEN(malformed_experts),
    .ids = &tw_ids_ws_malformed,
    .flags = TW_PROTO_NO_LAYER | TW_PROTO_NO_COLUMN,
};

const struct tw_proto tw_proto_ws_short = {
    .abbrev = "_ws.short",
    .name = "Short Frame",
    .short_name = "Short",
    .ids = &tw_ids_ws_short,
    .flags = TW_PROTO_NO_LAYER | TW_PROTO_NO_COLUMN,
};

/* Wireshark's FragmentBoundsError marker: data a protocol needed lies in a part of the PDU that
 * was not reassembled (the segment could not be desegmented) */
static const struct tw_expert_def unreassembled_experts[] = {
    {"_ws.unreassembled.expert", "decoder.unreassembled", TW_SEV_NOTE, TW_GRP_REASSEMBLE,
     "Unreassembled fragment (change preferences to enable reassembly)"},
};

const struct tw_proto tw_proto_ws_unreassembled = {
    .abbrev = "_ws.unreassembled",
    .name = "Unreassembled Fragmented Packet",
    .short_name = "Unreassembled",
    .experts = unreassembled_experts,
    .nexperts = TW_ARRAY_LEN(unreassembled_experts),
    .ids = &tw_ids_ws_unreassembled,
    .flags = TW_PROTO_NO_LAYER | TW_PROTO_NO_COLUMN,
};

/* Wireshark's string checks on items added from the packet's bytes: an ASCII or UTF-8 string
 * with something other than NULs after its first NUL (tw_string_stray) */
static const struct tw_expert_def string_experts[] = {
    {"_ws.string.trailing_stray_characters", "undecoded.trailing_stray_characters", TW_SEV_WARN,
     TW_GRP_UNDECODED, "Trailing stray characters"},
};

const struct tw_proto tw_proto_ws_string = {
    .abbrev = "_ws.string",
    .name = "String errors",
    .short_name = "String Errors",
    .experts = string_experts,
    .nexperts = TW_ARRAY_LEN(string_experts),
    .ids = &tw_ids_ws_string,
    .flags = TW_PROTO_NO_LAYER | TW_PROTO_NO_COLUMN,
};

void tw_string_stray(struct tw_pkt *p, int32_t r, const uint8_t *s, uint32_t n, uint32_t off)
{
    const uint8_t *z = memchr(s, 0, n);
    if (!z) return;
    for (const uint8_t *q = z; q < s + n; q++)
        if (*q) {
            tw_tree_push(p, r);
            tw_expert(p, (uint16_t)tw_ids_ws_string.expert_base, off, n, NULL);
            tw_tree_pop(p);
            return;
        }
}

/* Wireshark's check on an integer item whose length its type cannot hold (a 0-byte or 9-byte
 * FT_UINT64): the error expert, after which tshark gives the packet up as malformed */
static const struct tw_expert_def type_length_experts[] = {
    {"_ws.type_length.mismatch", "malformed.type_length_mismatch", TW_SEV_ERROR, TW_GRP_MALFORMED,
     "Trying to fetch X with length Y"},
};

const struct tw_proto tw_proto_ws_type_length = {
    .abbrev = "_ws.type_length",
    .name = "Type Length Mismatch",
    .short_name = "Type length mismatch",
    .experts = type_length_experts,
    .nexperts = TW_ARRAY_LEN(type_length_experts),
    .ids = &tw_ids_ws_type_length,
    .flags = TW_PROTO_NO_LAYER | TW_PROTO_NO_COLUMN,
};

void tw_type_length_mismatch(struct tw_pkt *p, const char *what, uint32_t off, uint32_t len)
{
    tw_expert(p, (uint16_t)tw_ids_ws_type_length.expert_base, off, len,
              "Trying to fetch %s with length %u", what, len);
}
