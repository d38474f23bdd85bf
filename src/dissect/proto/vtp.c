/* Cisco VLAN Trunking Protocol (SNAP OUI 00-00-0C, PID 0x2003): summary and subset
 * advertisements, advertisement requests and pruning joins. The management domain is a
 * 32-octet field; subset advertisements carry VLAN information records (length-prefixed, with
 * trailing TLVs whose length counts 2-octet words). */
#include "../dissect.h"

#include <stdio.h>

static struct tw_proto_ids ids;
#define HF(x) ((uint16_t)(ids.base + (x)))

enum {
    F_VERSION,
    F_CODE,
    F_FOLLOWERS,
    F_MD_LEN,
    F_MD,
    F_CONF_REV,
    F_UPD_ID,
    F_UPD_TS,
    F_MD5,
    F_SEQ,
    F_START,
    F_VI_LEN,
    F_VI_STATUS,
    F_VI_SUSP,
    F_VI_TYPE,
    F_VI_NAME_LEN,
    F_VI_ISL_ID,
    F_VI_MTU,
    F_VI_INDEX,
    F_VI_NAME,
    F_VI_TLV_TYPE,
    F_VI_TLV_LEN,
    F_VI_DATA,
    F_RESERVED,
    F_PRUNE_FIRST,
    F_PRUNE_LAST,
    F_VI_T1,
    F_COUNT = F_VI_T1 + 10
};

static const struct tw_vs code_vals[] = {{1, "Summary Advertisement"},
                                         {2, "Subset Advertisement"},
                                         {3, "Advertisement Request"},
                                         {4, "Join"},
                                         {0, NULL}};
static const struct tw_vs vlan_type_vals[] = {{1, "Ethernet"}, {2, "FDDI"},  {3, "TrCRF"},
                                              {4, "FDDI-net"}, {5, "TrBRF"}, {0, NULL}};
static const struct tw_vs vi_tlv_vals[] = {{1, "Source-Routing Ring Number"},
                                           {2, "Source-Routing Bridge Number"},
                                           {3, "Spanning-Tree Protocol Type"},
                                           {4, "Parent VLAN"},
                                           {5, "Translationally Bridged VLANs"},
                                           {6, "Pruning"},
                                           {7, "Bridge Type"},
                                           {8, "Max ARE Hop Count"},
                                           {9, "Max STE Hop Count"},
                                           {10, "Backup CRF Mode"},
                                           {0, NULL}};
static const struct tw_tfs tf = {"True", "False"};
static const struct tw_vs srt_vals[] = {{1, "SRT"}, {2, "SRB"}, {0, NULL}};

static const struct tw_field_def fields[F_COUNT] = {
    [F_VERSION] = {"vtp.version", "Version", TW_FT_UINT8, TW_BASE_HEX},
    [F_CODE] = {"vtp.code", "Code", TW_FT_UINT8, TW_BASE_HEX, 0, code_vals},
    [F_FOLLOWERS] = {"vtp.followers", "Followers", TW_FT_UINT8, TW_BASE_DEC},
    [F_MD_LEN] = {"vtp.md_len", "Management Domain Length", TW_FT_UINT8, TW_BASE_DEC},
    [F_MD] = {"vtp.md", "Management Domain", TW_FT_STRING},
    [F_CONF_REV] = {"vtp.conf_rev_num", "Configuration Revision Number", TW_FT_UINT32, TW_BASE_DEC},
    [F_UPD_ID] = {"vtp.upd_id", "Updater Identity", TW_FT_IPv4},
    [F_UPD_TS] = {"vtp.upd_ts", "Update Timestamp", TW_FT_STRING},
    [F_MD5] = {"vtp.md5_digest", "MD5 Digest", TW_FT_BYTES},
    [F_SEQ] = {"vtp.seq_num", "Sequence Number", TW_FT_UINT8, TW_BASE_DEC},
    [F_START] = {"vtp.start_value", "Start Value", TW_FT_UINT16, TW_BASE_HEX},
    [F_VI_LEN] = {"vtp.vlan_info.len", "VLAN Information Length", TW_FT_UINT8, TW_BASE_DEC},
    [F_VI_STATUS] = {"vtp.vlan_info.status", "Status", TW_FT_UINT8, TW_BASE_HEX},
    [F_VI_SUSP] = {"vtp.vlan_info.status.vlan_susp", "VLAN suspended", TW_FT_BOOLEAN, 8, 0x01, NULL,
                   NULL, &tf},
    [F_VI_TYPE] = {"vtp.vlan_info.vlan_type", "VLAN Type", TW_FT_UINT8, TW_BASE_HEX, 0,
                   vlan_type_vals},
    [F_VI_NAME_LEN] = {"vtp.vlan_info.vlan_name_len", "VLAN Name Length", TW_FT_UINT8, TW_BASE_DEC},
    [F_VI_ISL_ID] = {"vtp.vlan_info.isl_vlan_id", "ISL VLAN ID", TW_FT_UINT16, TW_BASE_HEX},
    [F_VI_MTU] = {"vtp.vlan_info.mtu_size", "MTU Size", TW_FT_UINT16, TW_BASE_DEC},
    [F_VI_INDEX] = {"vtp.vlan_info.802_10_index", "802.10 Index", TW_FT_UINT32, TW_BASE_HEX},
    [F_VI_NAME] = {"vtp.vlan_info.vlan_name", "VLAN Name", TW_FT_STRING},
    [F_VI_TLV_TYPE] = {"vtp.vlan_info.tlv_type", "Type", TW_FT_UINT8, TW_BASE_HEX, 0, vi_tlv_vals},
    [F_VI_TLV_LEN] = {"vtp.vlan_info.tlv_len", "Length", TW_FT_UINT8, TW_BASE_DEC},
    [F_VI_DATA] = {"vtp.vlan_info.data", "Data", TW_FT_BYTES},
    [F_RESERVED] = {"vtp.reserved", "Reserved", TW_FT_BYTES},
    [F_PRUNE_FIRST] = {"vtp.pruning.first", "First VLAN ID", TW_FT_UINT16, TW_BASE_DEC},
    [F_PRUNE_LAST] = {"vtp.pruning.last", "Last VLAN ID", TW_FT_UINT16, TW_BASE_DEC},
    [F_VI_T1 + 0] = {"vtp.vlan_info.src_route_ring_num", "Source-Routing Ring Number", TW_FT_UINT16,
                     TW_BASE_HEX},
    [F_VI_T1 + 1] = {"vtp.vlan_info.src_route_bridge_num", "Source-Routing Bridge Number",
                     TW_FT_UINT16, TW_BASE_HEX},
    [F_VI_T1 + 2] = {"vtp.vlan_info.stp_type", "Spanning-Tree Protocol Type", TW_FT_UINT16,
                     TW_BASE_HEX, 0, srt_vals},
    [F_VI_T1 + 3] = {"vtp.vlan_info.parent_vlan", "Parent VLAN", TW_FT_UINT16, TW_BASE_HEX},
    [F_VI_T1 + 4] = {"vtp.vlan_info.translationally_bridged_vlans", "Translationally Bridged VLANs",
                     TW_FT_UINT16, TW_BASE_HEX},
    [F_VI_T1 + 5] = {"vtp.vlan_info.pruning", "Pruning", TW_FT_UINT16, TW_BASE_HEX},
    [F_VI_T1 + 6] = {"vtp.vlan_info.bridge_type", "Bridge Type", TW_FT_UINT16, TW_BASE_HEX, 0,
                     srt_vals},
    [F_VI_T1 + 7] = {"vtp.vlan_info.max_are_hop_count", "Max ARE Hop Count", TW_FT_UINT16,
                     TW_BASE_DEC},
    [F_VI_T1 + 8] = {"vtp.vlan_info.max_ste_hop_count", "Max STE Hop Count", TW_FT_UINT16,
                     TW_BASE_DEC},
    [F_VI_T1 + 9] = {"vtp.vlan_info.backup_crf_mode", "Backup CRF Mode", TW_FT_UINT16, TW_BASE_HEX},
};

static uint16_t be16(const uint8_t *b)
{
    return (uint16_t)(b[0] << 8 | b[1]);
}
static uint32_t be32(const uint8_t *b)
{
    return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

/* the 32-octet domain field, shown as its first md_len octets */
static void domain(struct tw_pkt *p, uint32_t o, const uint8_t *b, uint8_t mdlen)
{
    int32_t r = tw_add_ascii(p, HF(F_MD), o, mdlen > 32 ? 32 : mdlen, b);
    if (r >= 0) tw_rec_setlen(p, r, 32);
}

static void vlan_info(struct tw_pkt *p, const uint8_t *d, uint32_t o, uint32_t end)
{
    while (o < end) {
        uint8_t len = d[o];
        if (len < 12 || o + len > end) break;
        const uint8_t *v = d + o;
        int32_t r = tw_add_text(p, o, len, "VLAN Information");
        tw_tree_push(p, r);
        tw_add_uint(p, HF(F_VI_LEN), o, 1, len);
        int32_t rs = tw_add_uint(p, HF(F_VI_STATUS), o + 1, 1, v[1]);
        tw_tree_push(p, rs);
        tw_add_bits(p, HF(F_VI_SUSP), o + 1, 1, v[1]);
        tw_tree_pop(p);
        tw_add_uint(p, HF(F_VI_TYPE), o + 2, 1, v[2]);
        uint8_t nl = v[3];
        tw_add_uint(p, HF(F_VI_NAME_LEN), o + 3, 1, nl);
        tw_add_uint(p, HF(F_VI_ISL_ID), o + 4, 2, be16(v + 4));
        tw_add_uint(p, HF(F_VI_MTU), o + 6, 2, be16(v + 6));
        tw_add_uint(p, HF(F_VI_INDEX), o + 8, 4, be32(v + 8));
        uint32_t padded = (nl + 3u) & ~3u;
        if (12u + padded <= len) {
            int32_t rn = tw_add_ascii(p, HF(F_VI_NAME), o + 12, nl, v + 12);
            if (rn >= 0) tw_rec_setlen(p, rn, padded);
            uint32_t t = o + 12 + padded, te = o + len;
            while (t + 2 <= te) {
                uint8_t tt = d[t], tl = d[t + 1];
                uint32_t vlen = tl * 2u;
                if (t + 2 + vlen > te) break;
                const char *tn = tw_vs_find(vi_tlv_vals, tt);
                int32_t rt = tw_add_text(p, t, 2 + vlen, "%s", tn ? tn : "Unknown TLV");
                tw_tree_push(p, rt);
                tw_add_uint(p, HF(F_VI_TLV_TYPE), t, 1, tt);
                tw_add_uint(p, HF(F_VI_TLV_LEN), t + 1, 1, tl);
                if (tt >= 1 && tt <= 10 && vlen == 2)
                    tw_add_uint(p, HF(F_VI_T1 + tt - 1), t + 2, 2, be16(d + t + 2));
                else if (vlen)
                    tw_add_ptr(p, HF(F_VI_DATA), t + 2, vlen, d + t + 2, vlen);
                tw_tree_pop(p);
                t += 2 + vlen;
            }
        }
        tw_tree_pop(p);
        o += len;
    }
}

static enum tw_status dissect(struct tw_pkt *p, struct tw_cur *c)
{
    tw_col_proto(p, "VTP");
    tw_info_clear(p);
    const uint32_t s = c->off;
    const uint8_t *d = c->data;
    uint32_t avail = tw_cur_avail(c), left = tw_cur_left(c);
    if (avail < 2) return left < 2 ? TW_MALFORMED : TW_TRUNCATED;
    uint8_t code = d[s + 1];
    tw_add_uint(p, HF(F_VERSION), s, 1, d[s]);
    tw_add_uint(p, HF(F_CODE), s + 1, 1, code);
    const char *cn = tw_vs_find(code_vals, code);
    if (cn)
        tw_info_add(p, cn);
    else
        tw_info_printf(p, "Unknown message type (0x%02x)", code);
    uint32_t need = code == 1 ? 72u : code == 2 ? 40u : code == 3 ? 38u : 2u;
    if (avail < need) return left < need ? TW_MALFORMED : TW_TRUNCATED;
    const uint8_t *v = d + s;
    switch (code) {
    case 1:
        tw_add_uint(p, HF(F_FOLLOWERS), s + 2, 1, v[2]);
        tw_add_uint(p, HF(F_MD_LEN), s + 3, 1, v[3]);
        domain(p, s + 4, v + 4, v[3]);
        tw_add_uint(p, HF(F_CONF_REV), s + 36, 4, be32(v + 36));
        tw_add_ptr(p, HF(F_UPD_ID), s + 40, 4, v + 40, 4);
        {
            const uint8_t *t = v + 44;
            int32_t r = tw_add_ascii(p, HF(F_UPD_TS), s + 44, 12, t);
            tw_rec_label(p, r, "Update Timestamp: %c%c-%c%c-%c%c %c%c:%c%c:%c%c", t[0], t[1], t[2],
                         t[3], t[4], t[5], t[6], t[7], t[8], t[9], t[10], t[11]);
        }
        tw_add_ptr(p, HF(F_MD5), s + 56, 16, v + 56, 16);
        tw_info_printf(p, ", Revision: %u", be32(v + 36));
        if (v[2]) tw_info_printf(p, ", Followers: %u", v[2]);
        break;
    case 2:
        tw_add_uint(p, HF(F_SEQ), s + 2, 1, v[2]);
        tw_add_uint(p, HF(F_MD_LEN), s + 3, 1, v[3]);
        domain(p, s + 4, v + 4, v[3]);
        tw_add_uint(p, HF(F_CONF_REV), s + 36, 4, be32(v + 36));
        tw_info_printf(p, ", Revision: %u, Seq: %u", be32(v + 36), v[2]);
        vlan_info(p, d, s + 40, s + avail);
        break;
    case 3:
        tw_add_ptr(p, HF(F_RESERVED), s + 2, 1, v + 2, 1);
        tw_add_uint(p, HF(F_MD_LEN), s + 3, 1, v[3]);
        domain(p, s + 4, v + 4, v[3]);
        tw_add_uint(p, HF(F_START), s + 36, 2, be16(v + 36));
        break;
    default:
        break;
    }
    return TW_OK;
}

static const struct tw_binding bindings[] = {{TW_TBL_SNAP, 0x000c2003}};

const struct tw_proto tw_proto_vtp = {
    .abbrev = "vtp",
    .name = "VLAN Trunking Protocol",
    .short_name = "VTP",
    .fields = fields,
    .nfields = F_COUNT,
    .bindings = bindings,
    .nbindings = TW_ARRAY_LEN(bindings),
    .dissect = dissect,
    .ids = &ids,
};
