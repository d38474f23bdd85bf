/* Cisco Dynamic Trunking Protocol (SNAP OUI 00-00-0C, PID 0x2004): a version octet, then TLVs
 * (type 2, length 2 including the header): VTP domain, trunk status, trunk type, sender MAC.
 * Field names and value names as Wireshark shows them. */
#include "../dissect.h"

#include <stdio.h>

static struct tw_proto_ids ids;
#define HF(x) ((uint16_t)(ids.base + (x)))

enum {
    F_VERSION,
    F_DOMAIN,
    F_TLV_TYPE,
    F_TLV_LEN,
    F_TOS,
    F_TAS,
    F_TOT,
    F_TAT,
    F_SENDER,
    F_DATA,
    F_COUNT
};

static const struct tw_vs tlv_vals[] = {
    {1, "Domain"}, {2, "Trunk Status"}, {3, "Trunk Type"}, {4, "Sender ID"}, {0, NULL}};
static const struct tw_vs tos_vals[] = {{0, "Access"}, {1, "Trunk"}, {0, NULL}};
static const struct tw_vs tas_vals[] = {
    {1, "On"}, {2, "Off"}, {3, "Desirable"}, {4, "Auto"}, {0, NULL}};
static const struct tw_vs tot_vals[] = {{2, "ISL"}, {5, "802.1Q"}, {0, NULL}};
static const struct tw_vs tat_vals[] = {
    {0, "Negotiated"}, {1, "ISL"}, {2, "802.1Q"}, {5, "802.1Q"}, {0, NULL}};

static const struct tw_field_def fields[F_COUNT] = {
    [F_VERSION] = {"dtp.version", "Version", TW_FT_UINT8, TW_BASE_DEC},
    [F_DOMAIN] = {"dtp.domain", "Domain", TW_FT_STRING},
    [F_TLV_TYPE] = {"dtp.tlv_type", "Type", TW_FT_UINT16, TW_BASE_HEX, 0, tlv_vals},
    [F_TLV_LEN] = {"dtp.tlv_len", "Length", TW_FT_UINT16, TW_BASE_DEC},
    [F_TOS] = {"dtp.tos", "Trunk Operating Status", TW_FT_UINT8, TW_BASE_HEX, 0x80, tos_vals},
    [F_TAS] = {"dtp.tas", "Trunk Administrative Status", TW_FT_UINT8, TW_BASE_HEX, 0x07, tas_vals},
    [F_TOT] = {"dtp.tot", "Trunk Operating Type", TW_FT_UINT8, TW_BASE_HEX, 0xe0, tot_vals},
    [F_TAT] = {"dtp.tat", "Trunk Administrative Type", TW_FT_UINT8, TW_BASE_HEX, 0x07, tat_vals},
    [F_SENDER] = {"dtp.senderid", "Sender ID", TW_FT_ETHER},
    [F_DATA] = {"dtp.data", "Data", TW_FT_ETHER},
};

static const char *vname(const struct tw_vs *vs, uint32_t v)
{
    const char *s = tw_vs_find(vs, v);
    return s ? s : "Unknown";
}

static enum tw_status dissect(struct tw_pkt *p, struct tw_cur *c)
{
    tw_col_proto(p, "DTP");
    tw_info_set(p, "Dynamic Trunk Protocol");
    const uint32_t s = c->off;
    const uint8_t *d = c->data;
    uint8_t ver = tw_cur_u8(c);
    if (!tw_cur_ok(c)) return c->err == TW_CUR_TRUNCATED ? TW_TRUNCATED : TW_MALFORMED;
    tw_add_uint(p, HF(F_VERSION), s, 1, ver);
    char head[400];
    size_t hn = (size_t)snprintf(head, sizeof head, "Dynamic Trunk Protocol");
    while (tw_cur_left(c) > 0) {
        uint32_t o = c->off;
        const uint8_t *h = tw_cur_bytes(c, 4);
        if (!h) break;
        uint16_t type = (uint16_t)(h[0] << 8 | h[1]), len = (uint16_t)(h[2] << 8 | h[3]);
        if (len < 4) break;
        uint32_t vl = len - 4u;
        const uint8_t *v = tw_cur_bytes(c, vl);
        if (!v) {
            if (p->want_all) tw_layer_label(p, "%s", head);
            return c->err == TW_CUR_TRUNCATED ? TW_TRUNCATED : TW_MALFORMED;
        }
        const char *tn = tw_vs_find(tlv_vals, type);
        int32_t r = -1;
        if (p->want_all) r = tw_add_text_(p, o, len, "%s", tn ? tn : "Unknown TLV");
        tw_tree_push(p, r);
        tw_add_uint(p, HF(F_TLV_TYPE), o, 2, type);
        tw_add_uint(p, HF(F_TLV_LEN), o + 2, 2, len);
        switch (type) {
        case 1: {
            uint32_t n = 0;
            while (n < vl && v[n]) n++;
            tw_add_ascii(p, HF(F_DOMAIN), o + 4, vl, v);
            if (hn < sizeof head)
                hn += (size_t)snprintf(head + hn, sizeof head - hn, ": %.*s", (int)n,
                                       (const char *)v);
            break;
        }
        case 2:
        case 3:
            if (vl >= 1) {
                bool st = type == 2;
                uint8_t b = v[0];
                const char *a = st ? vname(tos_vals, b >> 7) : vname(tot_vals, b >> 5);
                const char *z = vname(st ? tas_vals : tat_vals, b & 7);
                int32_t rv = -1;
                if (p->want_all) rv = tw_add_text_(p, o + 4, 1, "Value: %s/%s (0x%02x)", a, z, b);
                if (hn < sizeof head)
                    hn += (size_t)snprintf(head + hn, sizeof head - hn,
                                           " (Operating/Administrative): %s/%s (0x%02x)", a, z, b);
                tw_tree_push(p, rv);
                tw_add_bits(p, HF(st ? F_TOS : F_TOT), o + 4, 1, b);
                tw_add_bits(p, HF(st ? F_TAS : F_TAT), o + 4, 1, b);
                tw_tree_pop(p);
            }
            break;
        case 4:
            if (vl >= 6) {
                tw_add_ptr(p, HF(F_SENDER), o + 4, 6, v, 6);
                if (hn < sizeof head)
                    hn += (size_t)snprintf(head + hn, sizeof head - hn,
                                           ": %02x:%02x:%02x:%02x:%02x:%02x", v[0], v[1], v[2],
                                           v[3], v[4], v[5]);
            }
            break;
        default:
            break;
        }
        tw_tree_pop(p);
    }
    (void)d;
    if (p->want_all) tw_layer_label(p, "%s", head);
    tw_layer_setlen(p, c->off - s);
    return TW_OK;
}

static const struct tw_binding bindings[] = {{TW_TBL_SNAP, 0x000c2004}};

const struct tw_proto tw_proto_dtp = {
    .abbrev = "dtp",
    .name = "Dynamic Trunk Protocol",
    .short_name = "DTP",
    .fields = fields,
    .nfields = F_COUNT,
    .bindings = bindings,
    .nbindings = TW_ARRAY_LEN(bindings),
    .dissect = dissect,
    .ids = &ids,
};
