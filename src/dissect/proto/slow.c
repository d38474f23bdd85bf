/* IEEE 802.3 Slow Protocols (EtherType 0x8809, annex 57A): a subtype octet, then the
 * protocol: LACP (subtype 1, IEEE 802.1AX clause 6.4.2) and the Marker protocol (subtype 2,
 * 802.1AX 6.5.3). Other subtypes (OAM, ESMC) are shown as data. */
#include "../dissect.h"

#include <stdio.h>

#define KEY_LACP   0x534c0001u /* private TW_TBL_NAME keys */
#define KEY_MARKER 0x534c0002u

/* ------------------------------------------------------------------------------------------
 * Slow Protocols: the subtype
 * ---------------------------------------------------------------------------------------- */
static struct tw_proto_ids slow_ids;
static const struct tw_vs subtype_vals[] = {{1, "LACP"},
                                            {2, "Marker Protocol"},
                                            {3, "OAM"},
                                            {10, "Organization Specific Slow Protocol"},
                                            {0, NULL}};
static const struct tw_field_def slow_fields[] = {
    {"slow.subtype", "Slow Protocols subtype", TW_FT_UINT8, TW_BASE_HEX, 0, subtype_vals},
};

static enum tw_status slow_dissect(struct tw_pkt *p, struct tw_cur *c)
{
    tw_col_proto(p, "Slow Protocols");
    uint32_t s = c->off;
    uint8_t st = tw_cur_u8(c);
    if (!tw_cur_ok(c)) return c->err == TW_CUR_TRUNCATED ? TW_TRUNCATED : TW_MALFORMED;
    tw_add_uint(p, (uint16_t)slow_ids.base, s, 1, st);
    tw_layer_setlen(p, 1);
    struct tw_cur rest = tw_cur_rest(c);
    if (st == 1)
        tw_next(p, TW_TBL_NAME, KEY_LACP, rest);
    else if (st == 2)
        tw_next(p, TW_TBL_NAME, KEY_MARKER, rest);
    else if (tw_cur_left(&rest))
        tw_next(p, TW_TBL_NAME, TW_KEY_DATA, rest);
    return TW_OK;
}

static const struct tw_binding slow_bindings[] = {{TW_TBL_ETHERTYPE, 0x8809}};

const struct tw_proto tw_proto_slow = {
    .abbrev = "slow",
    .name = "Slow Protocols",
    .short_name = "Slow Protocols",
    .fields = slow_fields,
    .nfields = TW_ARRAY_LEN(slow_fields),
    .bindings = slow_bindings,
    .nbindings = TW_ARRAY_LEN(slow_bindings),
    .dissect = slow_dissect,
    .ids = &slow_ids,
};

/* ------------------------------------------------------------------------------------------
 * LACP
 * ---------------------------------------------------------------------------------------- */
static struct tw_proto_ids lacp_ids;
#define LF(x) ((uint16_t)(lacp_ids.base + (x)))

/* per-party field block: actor fields start at A_BASE, partner fields at P_BASE */
enum {
    X_SYS_PRIO,
    X_SYSID,
    X_KEY,
    X_PORT_PRIO,
    X_PORT,
    X_STATE,
    X_STATE_STR,
    X_ST0, /* 8 state bits */
    X_RESERVED = X_ST0 + 8,
    X_N
};
enum {
    L_VERSION,
    L_TLV_TYPE,
    L_TLV_LEN,
    L_A_BASE,
    L_P_BASE = L_A_BASE + X_N,
    L_COLL_DELAY = L_P_BASE + X_N,
    L_COLL_RESERVED,
    L_PAD,
    L_COUNT
};

static const struct tw_vs tlv_vals[] = {{0, "Terminator"},
                                        {1, "Actor Information"},
                                        {2, "Partner Information"},
                                        {3, "Collector Information"},
                                        {0, NULL}};
static const struct tw_tfs act_tfs = {"Active", "Passive"};
static const struct tw_tfs tmo_tfs = {"Short Timeout", "Long Timeout"};
static const struct tw_tfs agg_tfs = {"Aggregatable", "Individual"};
static const struct tw_tfs sync_tfs = {"In Sync", "Out of Sync"};
static const struct tw_tfs en_tfs = {"Enabled", "Disabled"};
static const struct tw_tfs yn_tfs = {"Yes", "No"};

#define PARTY(B, pre, Name, sysname)                                                               \
    [B + X_SYS_PRIO] = {"lacp." pre ".sys_priority", Name " System Priority", TW_FT_UINT16,        \
                        TW_BASE_DEC},                                                              \
         [B + X_SYSID] = {"lacp." pre ".sysid", sysname, TW_FT_ETHER},                             \
         [B + X_KEY] = {"lacp." pre ".key", Name " Key", TW_FT_UINT16, TW_BASE_DEC},               \
         [B + X_PORT_PRIO] = {"lacp." pre ".port_priority", Name " Port Priority", TW_FT_UINT16,   \
                              TW_BASE_DEC},                                                        \
         [B + X_PORT] = {"lacp." pre ".port", Name " Port", TW_FT_UINT16, TW_BASE_DEC},            \
         [B + X_STATE] = {"lacp." pre ".state", Name " State", TW_FT_UINT8, TW_BASE_HEX},          \
         [B + X_STATE_STR] = {"lacp." pre ".state_str", Name " State Flags", TW_FT_STRING},        \
         [B + X_ST0 + 0] = {"lacp." pre ".state.activity",                                         \
                            "LACP Activity",                                                       \
                            TW_FT_BOOLEAN,                                                         \
                            8,                                                                     \
                            0x01,                                                                  \
                            NULL,                                                                  \
                            NULL,                                                                  \
                            &act_tfs},                                                             \
         [B + X_ST0 + 1] = {"lacp." pre ".state.timeout",                                          \
                            "LACP Timeout",                                                        \
                            TW_FT_BOOLEAN,                                                         \
                            8,                                                                     \
                            0x02,                                                                  \
                            NULL,                                                                  \
                            NULL,                                                                  \
                            &tmo_tfs},                                                             \
         [B + X_ST0 + 2] = {"lacp." pre ".state.aggregation",                                      \
                            "Aggregation",                                                         \
                            TW_FT_BOOLEAN,                                                         \
                            8,                                                                     \
                            0x04,                                                                  \
                            NULL,                                                                  \
                            NULL,                                                                  \
                            &agg_tfs},                                                             \
         [B + X_ST0 + 3] = {"lacp." pre ".state.synchronization",                                  \
                            "Synchronization",                                                     \
                            TW_FT_BOOLEAN,                                                         \
                            8,                                                                     \
                            0x08,                                                                  \
                            NULL,                                                                  \
                            NULL,                                                                  \
                            &sync_tfs},                                                            \
         [B + X_ST0 + 4] = {"lacp." pre ".state.collecting",                                       \
                            "Collecting",                                                          \
                            TW_FT_BOOLEAN,                                                         \
                            8,                                                                     \
                            0x10,                                                                  \
                            NULL,                                                                  \
                            NULL,                                                                  \
                            &en_tfs},                                                              \
         [B + X_ST0 + 5] = {"lacp." pre ".state.distributing",                                     \
                            "Distributing",                                                        \
                            TW_FT_BOOLEAN,                                                         \
                            8,                                                                     \
                            0x20,                                                                  \
                            NULL,                                                                  \
                            NULL,                                                                  \
                            &en_tfs},                                                              \
         [B + X_ST0 + 6] = {"lacp." pre ".state.defaulted",                                        \
                            "Defaulted",                                                           \
                            TW_FT_BOOLEAN,                                                         \
                            8,                                                                     \
                            0x40,                                                                  \
                            NULL,                                                                  \
                            NULL,                                                                  \
                            &yn_tfs},                                                              \
         [B + X_ST0 + 7] = {"lacp." pre ".state.expired",                                          \
                            "Expired",                                                             \
                            TW_FT_BOOLEAN,                                                         \
                            8,                                                                     \
                            0x80,                                                                  \
                            NULL,                                                                  \
                            NULL,                                                                  \
                            &yn_tfs},                                                              \
         [B + X_RESERVED] = {"lacp." pre ".reserved", "Reserved", TW_FT_BYTES}

static const struct tw_field_def lacp_fields[L_COUNT] = {
    [L_VERSION] = {"lacp.version", "LACP Version", TW_FT_UINT8, TW_BASE_HEX},
    [L_TLV_TYPE] = {"lacp.tlv_type", "TLV Type", TW_FT_UINT8, TW_BASE_HEX, 0, tlv_vals},
    [L_TLV_LEN] = {"lacp.tlv_length", "TLV Length", TW_FT_UINT8, TW_BASE_HEX},
    PARTY(L_A_BASE, "actor", "Actor", "Actor System ID"),
    PARTY(L_P_BASE, "partner", "Partner", "Partner System"),
    [L_COLL_DELAY] = {"lacp.collector.max_delay", "Collector Max Delay", TW_FT_UINT16, TW_BASE_DEC},
    [L_COLL_RESERVED] = {"lacp.coll_reserved", "Reserved", TW_FT_BYTES},
    [L_PAD] = {"lacp.pad", "Pad", TW_FT_BYTES},
};

static void state_str(char out[9], uint8_t v)
{
    static const char flag[8] = {'A', 'S', 'G', 'S', 'C', 'D', 'F', 'E'};
    for (int i = 0; i < 8; i++) out[7 - i] = (v & (1u << i)) ? flag[i] : '*';
    out[8] = 0;
}

/* one Actor or Partner Information TLV body (18 octets after type and length) */
static void party(struct tw_pkt *p, int base, const char *name, uint32_t o, const uint8_t *v,
                  char ss[9])
{
    tw_add_uint(p, LF(base + X_SYS_PRIO), o, 2, (uint32_t)(v[0] << 8 | v[1]));
    tw_add_ptr(p, LF(base + X_SYSID), o + 2, 6, v + 2, 6);
    tw_add_uint(p, LF(base + X_KEY), o + 8, 2, (uint32_t)(v[8] << 8 | v[9]));
    tw_add_uint(p, LF(base + X_PORT_PRIO), o + 10, 2, (uint32_t)(v[10] << 8 | v[11]));
    tw_add_uint(p, LF(base + X_PORT), o + 12, 2, (uint32_t)(v[12] << 8 | v[13]));
    uint8_t st = v[14];
    int32_t r = tw_add_uint(p, LF(base + X_STATE), o + 14, 1, st);
    if (r >= 0 && tw_want_labels(p)) {
        static const char *const nm[8] = {"LACP Activity",   "LACP Timeout", "Aggregation",
                                          "Synchronization", "Collecting",   "Distributing",
                                          "Defaulted",       "Expired"};
        char lab[200];
        size_t n = (size_t)snprintf(lab, sizeof lab, "%s State: 0x%02x", name, st);
        for (int i = 0; i < 8 && n < sizeof lab; i++)
            if (st & (1u << i)) n += (size_t)snprintf(lab + n, sizeof lab - n, ", %s", nm[i]);
        tw_rec_label(p, r, "%s", lab);
    }
    tw_tree_push(p, r);
    for (int i = 0; i < 8; i++) tw_add_bits(p, LF(base + X_ST0 + i), o + 14, 1, st);
    tw_tree_pop(p);
    state_str(ss, st);
    r = tw_add_strf(p, LF(base + X_STATE_STR), o + 14, 1, "%s", ss);
    tw_rec_flags(p, r, TW_RF_GENERATED);
    tw_add_ptr(p, LF(base + X_RESERVED), o + 15, 3, v + 15, 3);
}

static enum tw_status lacp_dissect(struct tw_pkt *p, struct tw_cur *c)
{
    tw_col_proto(p, "LACP");
    tw_info_clear(p);
    const uint32_t s = c->off;
    const uint8_t *d = c->data;
    uint32_t avail = tw_cur_avail(c), left = tw_cur_left(c);
    if (avail < 109) {
        tw_layer_setlen(p, avail);
        return left < 109 ? TW_MALFORMED : TW_TRUNCATED;
    }
    const uint8_t *v = d + s;
    tw_add_uint(p, LF(L_VERSION), s, 1, v[0]);
    char as[9], ps[9];
    /* actor */
    tw_add_uint(p, LF(L_TLV_TYPE), s + 1, 1, v[1]);
    tw_add_uint(p, LF(L_TLV_LEN), s + 2, 1, v[2]);
    party(p, L_A_BASE, "Actor", s + 3, v + 3, as);
    tw_add_uint(p, LF(L_TLV_TYPE), s + 21, 1, v[21]);
    tw_add_uint(p, LF(L_TLV_LEN), s + 22, 1, v[22]);
    party(p, L_P_BASE, "Partner", s + 23, v + 23, ps);
    tw_add_uint(p, LF(L_TLV_TYPE), s + 41, 1, v[41]);
    tw_add_uint(p, LF(L_TLV_LEN), s + 42, 1, v[42]);
    tw_add_uint(p, LF(L_COLL_DELAY), s + 43, 2, (uint32_t)(v[43] << 8 | v[44]));
    tw_add_ptr(p, LF(L_COLL_RESERVED), s + 45, 12, v + 45, 12);
    tw_add_uint(p, LF(L_TLV_TYPE), s + 57, 1, v[57]);
    tw_add_uint(p, LF(L_TLV_LEN), s + 58, 1, v[58]);
    tw_add_ptr(p, LF(L_PAD), s + 59, 50, v + 59, 50);
    tw_info_printf(p,
                   "v%u ACTOR %02x:%02x:%02x:%02x:%02x:%02x P: %u K: %u %s PARTNER "
                   "%02x:%02x:%02x:%02x:%02x:%02x P: %u K: %u %s",
                   v[0], v[5], v[6], v[7], v[8], v[9], v[10], (uint32_t)(v[15] << 8 | v[16]),
                   (uint32_t)(v[11] << 8 | v[12]), as, v[25], v[26], v[27], v[28], v[29], v[30],
                   (uint32_t)(v[35] << 8 | v[36]), (uint32_t)(v[31] << 8 | v[32]), ps);
    tw_layer_setlen(p, 109);
    tw_layer_claim(p, 109);
    return TW_OK;
}

static const struct tw_binding lacp_bindings[] = {{TW_TBL_NAME, KEY_LACP}};

const struct tw_proto tw_proto_lacp = {
    .abbrev = "lacp",
    .name = "Link Aggregation Control Protocol",
    .short_name = "LACP",
    .fields = lacp_fields,
    .nfields = L_COUNT,
    .bindings = lacp_bindings,
    .nbindings = TW_ARRAY_LEN(lacp_bindings),
    .dissect = lacp_dissect,
    .ids = &lacp_ids,
};

/* ------------------------------------------------------------------------------------------
 * Marker protocol
 * ---------------------------------------------------------------------------------------- */
static struct tw_proto_ids marker_ids;
#define MF(x) ((uint16_t)(marker_ids.base + (x)))
enum { M_VERSION, M_TLV_TYPE, M_TLV_LEN, M_PORT, M_SYSTEM, M_TRANS, M_PAD, M_RESERVED, M_COUNT };
static const struct tw_vs marker_tlv_vals[] = {
    {0, "Marker Terminator"}, {1, "Marker Information"}, {2, "Marker Response Information"}, {0, NULL}};
static const struct tw_field_def marker_fields[M_COUNT] = {
    [M_VERSION] = {"marker.version", "Version Number", TW_FT_UINT8, TW_BASE_HEX},
    [M_TLV_TYPE] = {"marker.tlvType", "TLV Type", TW_FT_UINT8, TW_BASE_HEX, 0, marker_tlv_vals},
    [M_TLV_LEN] = {"marker.tlvLen", "TLV Length", TW_FT_UINT8, TW_BASE_HEX},
    [M_PORT] = {"marker.requesterPort", "Requester Port", TW_FT_UINT16, TW_BASE_DEC},
    [M_SYSTEM] = {"marker.requesterSystem", "Requester System", TW_FT_ETHER},
    [M_TRANS] = {"marker.requesterTransId", "Requester Transaction ID", TW_FT_UINT32, TW_BASE_DEC},
    [M_PAD] = {"marker.requesterPad", "Requester Pad", TW_FT_UINT32, TW_BASE_DEC},
    [M_RESERVED] = {"marker.reserved", "Reserved", TW_FT_BYTES},
};

static enum tw_status marker_dissect(struct tw_pkt *p, struct tw_cur *c)
{
    tw_col_proto(p, "Marker");
    tw_info_clear(p);
    const uint32_t s = c->off;
    uint32_t avail = tw_cur_avail(c), left = tw_cur_left(c);
    if (avail < 109) return left < 109 ? TW_MALFORMED : TW_TRUNCATED;
    const uint8_t *v = c->data + s;
    tw_add_uint(p, MF(M_VERSION), s, 1, v[0]);
    tw_add_uint(p, MF(M_TLV_TYPE), s + 1, 1, v[1]);
    tw_add_uint(p, MF(M_TLV_LEN), s + 2, 1, v[2]);
    tw_add_uint(p, MF(M_PORT), s + 3, 2, (uint32_t)(v[3] << 8 | v[4]));
    tw_add_ptr(p, MF(M_SYSTEM), s + 5, 6, v + 5, 6);
    tw_add_uint(p, MF(M_TRANS), s + 11, 4,
                (uint32_t)v[11] << 24 | (uint32_t)v[12] << 16 | (uint32_t)v[13] << 8 | v[14]);
    tw_add_uint(p, MF(M_PAD), s + 15, 2, (uint32_t)(v[15] << 8 | v[16]));
    tw_add_uint(p, MF(M_TLV_TYPE), s + 17, 1, v[17]);
    tw_add_uint(p, MF(M_TLV_LEN), s + 18, 1, v[18]);
    tw_add_ptr(p, MF(M_RESERVED), s + 19, 90, v + 19, 90);
    tw_info_printf(p, "%s SysId=%02x:%02x:%02x:%02x:%02x:%02x, P=%u, TId=%u",
                   v[1] == 1 ? "Information" : v[1] == 2 ? "Response" : "Unknown", v[5], v[6], v[7],
                   v[8], v[9], v[10], (uint32_t)(v[3] << 8 | v[4]),
                   (uint32_t)v[11] << 24 | (uint32_t)v[12] << 16 | (uint32_t)v[13] << 8 | v[14]);
    tw_layer_setlen(p, 109);
    tw_layer_claim(p, 109);
    return TW_OK;
}

static const struct tw_binding marker_bindings[] = {{TW_TBL_NAME, KEY_MARKER}};

const struct tw_proto tw_proto_marker = {
    .abbrev = "marker",
    .name = "Marker Protocol",
    .short_name = "Marker",
    .fields = marker_fields,
    .nfields = M_COUNT,
    .bindings = marker_bindings,
    .nbindings = TW_ARRAY_LEN(marker_bindings),
    .dissect = marker_dissect,
    .ids = &marker_ids,
};
