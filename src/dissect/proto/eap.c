/* EAP (RFC 3748) as tshark 4.0 shows it: code, identifier, length, type; the Identity,
 * Notification and Nak bodies, the MD5-Challenge value, the flags and length of the TLS-based
 * methods (EAP-TLS, TTLS, PEAP, FAST, TEAP), the subtype and attributes of EAP-SIM/AKA/AKA', and
 * the data of other methods. Reached from the IKEv2 EAP payload and from EAPOL (TW_KEY_EAP).
 * The TLS-based methods carry TLS records, reassembled across EAP packets as tshark 4.0 does
 * (see tls_payload below) and handed to TLS (tls.c) with the session of the EAP conversation.
 * Not done: LEAP, MS-CHAPv2, PAX/PSK/GPSK/SAKE bodies (their bytes are shown as eap.data where
 * tshark would decode them), the EAP-FAST Authority ID, TEAP outer TLVs, the protocols inside
 * TTLS/PEAP tunnels (needs TLS decryption). */
#include "../dissect.h"

#include "ike_vals.h"
#include <string.h>

static struct tw_proto_ids ids;

enum {
    F_CODE,
    F_ID,
    F_LEN,
    F_TYPE,
    F_DESIRED,
    F_IDENTITY,
    F_NOTIFICATION,
    F_MD5_SIZE,
    F_MD5_VALUE,
    F_MD5_EXTRA,
    F_TLS_FLAGS,
    F_TLS_LEN_INC,
    F_TLS_MORE,
    F_TLS_START,
    F_TLS_OUTER,
    F_TLS_VERSION,
    F_TLS_LEN,
    F_SIM_SUBTYPE,
    F_SIM_RESERVED,
    F_SIM_ATTR,
    F_SIM_TYPE,
    F_SIM_LEN,
    F_SIM_VALUE,
    F_AKA_SUBTYPE,
    F_AKA_RESERVED,
    F_AKA_ATTR,
    F_AKA_TYPE,
    F_AKA_LEN,
    F_AKA_VALUE,
    F_DATA,
    F_ID_ACTUAL,
    F_TLS_FRAGMENTS,
    F_TLS_FRAGMENT,
    F_TLS_FRAG_OVERLAP,
    F_TLS_FRAG_CONFLICT,
    F_TLS_FRAG_MULTI_TAILS,
    F_TLS_FRAG_TOO_LONG,
    F_TLS_FRAG_ERROR,
    F_TLS_FRAG_COUNT,
    F_TLS_REASSEMBLED_LEN,
    F_COUNT
};

static const struct tw_field_def fields[F_COUNT] = {
    [F_CODE] = {"eap.code", "Code", TW_FT_UINT8, TW_BASE_DEC, 0, eap_code_vals},
    [F_ID] = {"eap.id", "Id", TW_FT_UINT8, TW_BASE_DEC},
    [F_LEN] = {"eap.len", "Length", TW_FT_UINT16, TW_BASE_DEC},
    [F_TYPE] = {"eap.type", "Type", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, eap_type_rvals},
    [F_DESIRED] = {"eap.desired_type", "Desired Auth Type", TW_FT_UINT8, TW_BASE_DEC, 0, NULL,
                   eap_type_rvals},
    [F_IDENTITY] = {"eap.identity", "Identity", TW_FT_STRING},
    [F_NOTIFICATION] = {"eap.notification", "Notification", TW_FT_STRING},
    [F_MD5_SIZE] = {"eap.md5.value_size", "EAP-MD5 Value-Size", TW_FT_UINT8, TW_BASE_DEC},
    [F_MD5_VALUE] = {"eap.md5.value", "EAP-MD5 Value", TW_FT_BYTES},
    [F_MD5_EXTRA] = {"eap.md5.extra_data", "EAP-MD5 Extra Data", TW_FT_BYTES},
    [F_TLS_FLAGS] = {"eap.tls.flags", "EAP-TLS Flags", TW_FT_UINT8, TW_BASE_HEX},
    [F_TLS_LEN_INC] = {"eap.tls.flags.len_included", "Length Included", TW_FT_BOOLEAN, 8, 0x80},
    [F_TLS_MORE] = {"eap.tls.flags.more_fragments", "More Fragments", TW_FT_BOOLEAN, 8, 0x40},
    [F_TLS_START] = {"eap.tls.flags.start", "Start", TW_FT_BOOLEAN, 8, 0x20},
    [F_TLS_OUTER] = {"eap.tls.flags.outer_tlv_len_included", "Outer TLV Length Included",
                     TW_FT_BOOLEAN, 8, 0x10},
    [F_TLS_VERSION] = {"eap.tls.flags.version", "Version", TW_FT_UINT8, TW_BASE_DEC, 0x07},
    [F_TLS_LEN] = {"eap.tls.len", "EAP-TLS Length", TW_FT_UINT32, TW_BASE_DEC},
    [F_SIM_SUBTYPE] = {"eap.sim.subtype", "EAP-SIM Subtype", TW_FT_UINT8, TW_BASE_DEC},
    [F_SIM_RESERVED] = {"eap.sim.reserved", "EAP-SIM Reserved", TW_FT_UINT16, TW_BASE_HEX},
    [F_SIM_ATTR] = {"eap.sim.subtype.attribute", "EAP-SIM Attribute", TW_FT_NONE},
    [F_SIM_TYPE] = {"eap.sim.subtype.type", "EAP-SIM Type", TW_FT_UINT8, TW_BASE_DEC},
    [F_SIM_LEN] = {"eap.sim.subtype.len", "EAP-SIM Length", TW_FT_UINT8, TW_BASE_DEC},
    [F_SIM_VALUE] = {"eap.sim.subtype.value", "EAP-SIM Value", TW_FT_BYTES},
    [F_AKA_SUBTYPE] = {"eap.aka.subtype", "EAP-AKA Subtype", TW_FT_UINT8, TW_BASE_DEC},
    [F_AKA_RESERVED] = {"eap.aka.reserved", "EAP-AKA Reserved", TW_FT_UINT16, TW_BASE_HEX},
    [F_AKA_ATTR] = {"eap.aka.subtype.attribute", "EAP-AKA Attribute", TW_FT_NONE},
    [F_AKA_TYPE] = {"eap.aka.subtype.type", "EAP-AKA Type", TW_FT_UINT8, TW_BASE_DEC},
    [F_AKA_LEN] = {"eap.aka.subtype.len", "EAP-AKA Length", TW_FT_UINT8, TW_BASE_DEC},
    [F_AKA_VALUE] = {"eap.aka.subtype.value", "EAP-AKA Value", TW_FT_BYTES},
    [F_DATA] = {"eap.data", "EAP Data", TW_FT_BYTES},
    [F_ID_ACTUAL] = {"eap.identity.actual_len", "Identity Actual Length", TW_FT_UINT16,
                     TW_BASE_DEC},
    [F_TLS_FRAGMENTS] = {"eap.tls.fragments", "EAP-TLS Fragments", TW_FT_NONE},
    [F_TLS_FRAGMENT] = {"eap.tls.fragment", "EAP-TLS Fragment", TW_FT_FRAMENUM},
    [F_TLS_FRAG_OVERLAP] = {"eap.tls.fragment.overlap", "Fragment Overlap", TW_FT_BOOLEAN},
    [F_TLS_FRAG_CONFLICT] = {"eap.tls.fragment.overlap_conflict",
                             "Conflicting Data In Fragment Overlap", TW_FT_BOOLEAN},
    [F_TLS_FRAG_MULTI_TAILS] = {"eap.tls.fragment.multiple_tails", "Multiple Tail Fragments Found",
                                TW_FT_BOOLEAN},
    [F_TLS_FRAG_TOO_LONG] = {"eap.tls.fragment.fragment.too_long", "Fragment Too Long",
                             TW_FT_BOOLEAN},
    [F_TLS_FRAG_ERROR] = {"eap.tls.fragment.error", "Defragmentation Error", TW_FT_FRAMENUM},
    [F_TLS_FRAG_COUNT] = {"eap.tls.fragment.count", "Fragment Count", TW_FT_UINT32, TW_BASE_DEC},
    [F_TLS_REASSEMBLED_LEN] = {"eap.tls.reassembled.len", "Reassembled EAP-TLS Length",
                               TW_FT_UINT32, TW_BASE_DEC},
};
#define HF(x) ((uint16_t)(ids.base + (x)))

enum {
    T_ID = 1,
    T_NOTIFY = 2,
    T_NAK = 3,
    T_MD5 = 4,
    T_TLS = 13,
    T_SIM = 18,
    T_TTLS = 21,
    T_AKA = 23,
    T_PEAP = 25,
    T_FAST = 43,
    T_AKAP = 50,
    T_TEAP = 55
};

/* An EAP conversation, as tshark 4.0 keeps it: its transport's conversation (over EAPOL, with no
 * addresses or ports, one for the whole capture), begun anew by every EAP-Request/Identity. It
 * holds the EAP-TLS reassembly in progress: tshark starts one on a fragment with both the Length
 * and the More flags, adds every later TLS-bearing packet of the conversation (either direction)
 * in order, and completes it on the first one without More; a Start flag or an Identity drops it.
 */
struct eap_conv {
    uint32_t generation; /* Request/Identity messages seen: part of the TLS session's key */
    bool reassembling;
    uint32_t cookie;   /* frame of the reassembly's first fragment */
    uint32_t next_off; /* bytes of it so far */
};

static struct tw_state *conv_tab;
static struct tw_reasm reasm;

static void eap_init(void)
{
    conv_tab = tw_state_open("eap.conversations", sizeof(struct eap_conv), 4096, NULL);
    tw_reasm_open(&reasm, "eap.tls.reassembly", 1024, 1u << 24, 4096, (uint64_t)64 << 20);
}

static struct eap_conv *conv_get(struct tw_pkt *p, uint8_t *key, size_t *klen, bool identity_req)
{
    *klen = tw_conv_key(p, p->ctx.srcport, p->ctx.dstport, key, NULL);
    if (!conv_tab || p->ctx.in_error_pkt) return NULL;
    bool fresh = false;
    struct eap_conv *v = tw_state_put(conv_tab, key, *klen, &fresh);
    if (!v) return NULL;
    if (fresh) memset(v, 0, sizeof *v);
    if (identity_req) {
        /* tshark's conversation_new(): nothing of the last conversation carries over */
        v->generation++;
        v->reassembling = false;
    }
    return v;
}

/* the TLS data of an EAP-TLS/TTLS/PEAP/FAST/TEAP packet, size bytes at o (have of them
 * captured): reassembled if it belongs to a fragmented message, then handed to TLS */
static void tls_payload(struct tw_pkt *p, struct eap_conv *v, const uint8_t *key, size_t klen,
                        uint8_t code, uint8_t type, bool more, bool has_len, const struct tw_cur *c,
                        uint32_t o, uint32_t size, uint32_t have)
{
    uint8_t skey[TW_STATE_KEY_MAX];
    size_t sk = 0;
    skey[sk++] = 'E';
    for (int i = 3; i >= 0; i--) skey[sk++] = (uint8_t)((v ? v->generation : 0) >> (8 * i));
    if (klen > sizeof skey - sk) klen = sizeof skey - sk;
    memcpy(skey + sk, key, klen);
    sk += klen;
    struct tw_cur tc;
    if (v && (v->reassembling || (more && has_len))) {
        if (!v->reassembling) {
            v->reassembling = true;
            v->cookie = p->frame ? (uint32_t)p->frame->recno : 0;
            v->next_off = 0;
        }
        /* tshark copies the whole fragment: one the capture cut ends the dissection */
        if (have < size) return;
        uint8_t rkey[TW_STATE_KEY_MAX];
        size_t rk = sk <= sizeof rkey - 4 ? sk : sizeof rkey - 4;
        memcpy(rkey, skey, rk);
        for (int i = 3; i >= 0; i--) rkey[rk++] = (uint8_t)(v->cookie >> (8 * i));
        struct tw_reasm_result res;
        uint32_t at = v->next_off;
        v->next_off += size;
        if (!more) v->reassembling = false;
        if (!tw_reasm_add(&reasm, p, rkey, rk, at, c->data + o, size, more, &res)) return;
        tc = tw_new_source(p, res.data, res.len, "Reassembled EAP-TLS");
        const struct tw_reasm_fields rf = {.fragments = HF(F_TLS_FRAGMENTS),
                                           .fragment = HF(F_TLS_FRAGMENT),
                                           .error = HF(F_TLS_FRAG_ERROR),
                                           .overlap = HF(F_TLS_FRAG_OVERLAP),
                                           .conflict = HF(F_TLS_FRAG_CONFLICT),
                                           .multiple_tails = HF(F_TLS_FRAG_MULTI_TAILS),
                                           .too_long = HF(F_TLS_FRAG_TOO_LONG),
                                           .count = HF(F_TLS_FRAG_COUNT),
                                           .length = HF(F_TLS_REASSEMBLED_LEN),
                                           .one = "EAP-TLS Fragment",
                                           .many = "EAP-TLS Fragments"};
        tw_reasm_tree(p, &res, &rf);
    } else {
        tc = *c;
        tc.off = o;
        tc.end = o + size;
        tc.cap = o + have;
    }
    /* tshark's tls_set_appdata_dissector(): what the tunnel's application data is */
    if (type == T_PEAP)
        p->ctx.starttls_app = "Protected Extensible Authentication Protocol";
    else if (type == T_TTLS)
        p->ctx.starttls_app = "Diameter Protocol";
    else if (type == T_TEAP)
        p->ctx.starttls_app = "Tunnel Extensible Authentication Protocol";
    tw_tls_eap_outer(p, skey, sk, code == 1);
    uint32_t k = TW_KEY_TLS_EAP;
    tw_dissect_under(p, TW_TBL_NAME, 1, &k, tc);
}

static enum tw_status dissect_eap(struct tw_pkt *p, struct tw_cur *c)
{
    uint32_t off = c->off, avail = tw_cur_avail(c), rep = tw_cur_left(c);
    const uint8_t *d = c->data + off;
    tw_col_proto(p, "EAP");
    tw_info_clear(p);
    if (avail < 4) {
        /* tshark reads the code and the length before it adds its item */
        tw_layer_unrecord(p);
        tw_layer_itemless(p);
    }
    if (avail < 1) {
        c->off = c->end;
        return rep ? TW_TRUNCATED : TW_MALFORMED;
    }
    uint8_t code = d[0];
    const char *cn = tw_vs_find(eap_code_vals, code);
    if (cn)
        tw_info_set(p, cn);
    else
        tw_info_printf(p, "Unknown code (0x%02X)", code);
    if (avail < 4) {
        c->off = c->end;
        return rep >= 4 ? TW_TRUNCATED : TW_MALFORMED;
    }
    uint16_t len = (uint16_t)(d[2] << 8 | d[3]);
    tw_layer_setlen(p, len < rep ? len : rep);
    tw_layer_claim(p, len);
    tw_add_uint(p, HF(F_CODE), off, 1, code);
    tw_add_uint(p, HF(F_ID), off + 1, 1, d[1]);
    tw_add_uint(p, HF(F_LEN), off + 2, 2, len);
    c->off = c->end;
    if (code != 1 && code != 2) return TW_OK;
    if (avail < 5) return rep >= 5 ? TW_TRUNCATED : TW_MALFORMED;
    uint8_t type = d[4];
    const char *tn = tw_rs_find(eap_type_rvals, type);
    if (tn)
        tw_info_printf(p, ", %s", tn);
    else
        tw_info_printf(p, ", Unknown type (0x%02x)", type);
    tw_add_uint(p, HF(F_TYPE), off + 4, 1, type);
    if (len < 5 || (len == 5 && type != T_ID)) return TW_OK;
    uint32_t size = len - 5u, o = off + 5;
    /* what of the body was captured (and lies within the data given) */
    uint32_t have = avail - 5 < size ? avail - 5 : size;
    bool short_data = have < size;
    switch (type) {
    case T_ID: {
        if (have) tw_add_ascii(p, HF(F_IDENTITY), o, have, d + 5);
        uint8_t key[TW_STATE_KEY_MAX];
        size_t klen = 0;
        struct eap_conv *v = conv_get(p, key, &klen, code == 1);
        if (v) v->reassembling = false;
        break;
    }
    case T_NOTIFY:
        tw_add_ascii(p, HF(F_NOTIFICATION), o, have, d + 5);
        break;
    case T_NAK:
        for (uint32_t i = 0; i < have; i++) tw_add_uint(p, HF(F_DESIRED), o + i, 1, d[5 + i]);
        break;
    case T_MD5: {
        if (!have) break;
        uint8_t vs = d[5];
        tw_add_uint(p, HF(F_MD5_SIZE), o, 1, vs);
        if (1u + vs > have) {
            short_data = true;
            break;
        }
        if (vs) tw_add_ptr(p, HF(F_MD5_VALUE), o + 1, vs, d + 6, vs);
        if (have > 1u + vs)
            tw_add_ptr(p, HF(F_MD5_EXTRA), o + 1 + vs, have - 1 - vs, d + 6 + vs, have - 1 - vs);
        break;
    }
    case T_TLS:
    case T_TTLS:
    case T_PEAP:
    case T_FAST:
    case T_TEAP: {
        if (!have) break;
        uint8_t fl = d[5];
        int32_t r = tw_add_uint(p, HF(F_TLS_FLAGS), o, 1, fl);
        tw_tree_push(p, r);
        tw_add_bits(p, HF(F_TLS_LEN_INC), o, 1, fl);
        tw_add_bits(p, HF(F_TLS_MORE), o, 1, fl);
        tw_add_bits(p, HF(F_TLS_START), o, 1, fl);
        if (type == T_TEAP) tw_add_bits(p, HF(F_TLS_OUTER), o, 1, fl);
        if (type != T_TLS) tw_add_bits(p, HF(F_TLS_VERSION), o, 1, fl);
        tw_tree_pop(p);
        if (fl & 0x80) {
            if (have < 5) {
                short_data = true;
                break;
            }
            tw_add_uint(p, HF(F_TLS_LEN), o + 1, 4,
                        (uint32_t)d[6] << 24 | (uint32_t)d[7] << 16 | (uint32_t)d[8] << 8 | d[9]);
        }
        const bool more = fl & 0x40, has_len = fl & 0x80, start = fl & 0x20;
        uint8_t key[TW_STATE_KEY_MAX];
        size_t klen = 0;
        struct eap_conv *v = conv_get(p, key, &klen, false);
        if (start && v) v->reassembling = false;
        /* EAP-FAST's Start carries the Authority ID, not TLS (not dissected yet) */
        const uint32_t hdr = has_len ? 5 : 1;
        if (size > hdr && !(type == T_FAST && start))
            tls_payload(p, v, key, klen, code, type, more, has_len, c, o + hdr, size - hdr,
                        have > hdr ? have - hdr : 0);
        break;
    }
    case T_SIM:
    case T_AKA:
    case T_AKAP: {
        const bool sim = type == T_SIM;
        if (have < 3) {
            short_data = true;
            break;
        }
        tw_add_uint(p, HF(sim ? F_SIM_SUBTYPE : F_AKA_SUBTYPE), o, 1, d[5]);
        tw_add_uint(p, HF(sim ? F_SIM_RESERVED : F_AKA_RESERVED), o + 1, 2,
                    (uint32_t)(d[6] << 8 | d[7]));
        uint32_t i = 3;
        while (i + 2 <= have) {
            uint8_t at = d[5 + i], al = d[5 + i + 1];
            uint32_t n = (uint32_t)al * 4;
            int32_t r = tw_add_rec(p, HF(sim ? F_SIM_ATTR : F_AKA_ATTR), o + i, n);
            tw_tree_push(p, r);
            tw_add_uint(p, HF(sim ? F_SIM_TYPE : F_AKA_TYPE), o + i, 1, at);
            tw_add_uint(p, HF(sim ? F_SIM_LEN : F_AKA_LEN), o + i + 1, 1, al);
            if (at == 14 && n >= 4 && i + 4 <= have) { /* AT_IDENTITY: length, identity */
                uint16_t il = (uint16_t)(d[5 + i + 2] << 8 | d[5 + i + 3]);
                tw_add_uint(p, HF(F_ID_ACTUAL), o + i + 2, 2, il);
                if (i + 4u + il <= have && 4u + il <= n)
                    tw_add_ascii(p, HF(F_IDENTITY), o + i + 4, il, d + 5 + i + 4);
            } else if (n > 2) {
                uint32_t vn = i + n <= have ? n - 2 : (have > i + 2 ? have - i - 2 : 0);
                if (vn)
                    tw_add_ptr(p, HF(sim ? F_SIM_VALUE : F_AKA_VALUE), o + i + 2, vn, d + 5 + i + 2,
                               vn);
            }
            tw_tree_pop(p);
            if (n == 0) break;
            i += n;
        }
        break;
    }
    default:
        if (have) tw_add_ptr(p, HF(F_DATA), o, have, d + 5, have);
        break;
    }
    if (short_data) return avail < rep ? TW_TRUNCATED : TW_MALFORMED;
    return TW_OK;
}

static const struct tw_binding bindings[] = {{TW_TBL_NAME, TW_KEY_EAP}};

const struct tw_proto tw_proto_eap = {
    .abbrev = "eap",
    .name = "Extensible Authentication Protocol",
    .short_name = "EAP",
    .fields = fields,
    .nfields = F_COUNT,
    .bindings = bindings,
    .nbindings = TW_ARRAY_LEN(bindings),
    .dissect = dissect_eap,
    .init = eap_init,
    .ids = &ids,
};
