/* 802.1X EAPOL (IEEE 802.1X-2004) on EtherType 0x888e as tshark 4.0 shows it: version, type,
 * length; EAP packets go to EAP (which tshark leaves out of frame.protocols there), EAPOL-Key
 * frames show their descriptor: the RC4 descriptor of 802.1X, or the RSN/WPA descriptor of
 * 802.11i with tshark's wlan_rsna_eapol.* fields (key information bits, nonce, MIC, key data as
 * bytes) and the message number of the 4-way/group handshake. The length says where EAPOL ends:
 * the Ethernet bytes after it are padding or trailer (tw_layer_claim). Not done: the key data's
 * KDEs and RSN IEs, MKA (EAPOL-MKA), decryption. */
#include "../dissect.h"

#include "ike_vals.h"

static struct tw_proto_ids ids, wids;
extern const struct tw_proto tw_proto_eap;

enum {
    F_VERSION,
    F_TYPE,
    F_LEN,
    F_KEYDES_TYPE,
    F_KEYDES_BODY,
    F_KEY_LEN,
    F_REPLAY,
    F_KEY_IV,
    F_KEY_INDEX,
    F_KEY_INDEX_TYPE,
    F_KEY_INDEX_NUM,
    F_KEY_SIG,
    F_KEY,
    F_KEY_LOCAL,
    F_COUNT
};

static const struct tw_vs version_vals[] = {
    {1, "802.1X-2001"}, {2, "802.1X-2004"}, {3, "802.1X-2010"}, {0, NULL}};
static const struct tw_tfs tfs_keyidx = {"Unicast", "Broadcast"};
static const struct tw_tfs tfs_keytype = {"Pairwise Key", "Group Key"};

static const struct tw_field_def fields[F_COUNT] = {
    [F_VERSION] = {"eapol.version", "Version", TW_FT_UINT8, TW_BASE_DEC, 0, version_vals},
    [F_TYPE] = {"eapol.type", "Type", TW_FT_UINT8, TW_BASE_DEC, 0, eapol_type_vals},
    [F_LEN] = {"eapol.len", "Length", TW_FT_UINT16, TW_BASE_DEC},
    [F_KEYDES_TYPE] = {"eapol.keydes.type", "Key Descriptor Type", TW_FT_UINT8, TW_BASE_DEC, 0,
                       eapol_keydes_vals},
    [F_KEYDES_BODY] = {"eapol.keydes.body", "Key Descriptor Body", TW_FT_BYTES},
    [F_KEY_LEN] = {"eapol.keydes.key_len", "Key Length", TW_FT_UINT16, TW_BASE_DEC},
    [F_REPLAY] = {"eapol.keydes.replay_counter", "Replay Counter", TW_FT_UINT64, TW_BASE_DEC},
    [F_KEY_IV] = {"eapol.keydes.key_iv", "Key IV", TW_FT_BYTES},
    [F_KEY_INDEX] = {"eapol.keydes.key_index", "Key Index", TW_FT_UINT8, TW_BASE_HEX},
    [F_KEY_INDEX_TYPE] = {"eapol.keydes.key_index.type", "Type", TW_FT_BOOLEAN, 8, 0x80, NULL, NULL,
                          &tfs_keyidx},
    [F_KEY_INDEX_NUM] = {"eapol.keydes.key_index.number", "Number", TW_FT_UINT8, TW_BASE_DEC, 0x7f},
    [F_KEY_SIG] = {"eapol.keydes.key_signature", "Key Signature", TW_FT_BYTES},
    [F_KEY] = {"eapol.keydes.key", "Key", TW_FT_BYTES},
    [F_KEY_LOCAL] = {"eapol.keydes.key.generated_locally", "Key Generated Locally", TW_FT_BOOLEAN},
};
#define HF(x) ((uint16_t)(ids.base + (x)))

enum {
    W_MSGNR,
    W_KEY_INFO,
    W_KI_VERSION,
    W_KI_TYPE,
    W_KI_INDEX,
    W_KI_INSTALL,
    W_KI_ACK,
    W_KI_MIC,
    W_KI_SECURE,
    W_KI_ERROR,
    W_KI_REQUEST,
    W_KI_ENC,
    W_KI_SMK,
    W_NONCE,
    W_RSC,
    W_ID,
    W_MIC,
    W_DATA_LEN,
    W_DATA,
    W_COUNT
};
static const struct tw_vs kdv_vals[] = {{0, "AKM defined"},
                                        {1, "RC4 Cipher, HMAC-MD5 MIC"},
                                        {2, "AES Cipher, HMAC-SHA1 MIC"},
                                        {3, "AES Cipher, AES-128-CMAC MIC"},
                                        {0, NULL}};
static const struct tw_field_def wfields[W_COUNT] = {
    [W_MSGNR] = {"wlan_rsna_eapol.keydes.msgnr", "Message number", TW_FT_UINT8, TW_BASE_DEC},
    [W_KEY_INFO] = {"wlan_rsna_eapol.keydes.key_info", "Key Information", TW_FT_UINT16,
                    TW_BASE_HEX},
    [W_KI_VERSION] = {"wlan_rsna_eapol.keydes.key_info.keydes_version", "Key Descriptor Version",
                      TW_FT_UINT16, TW_BASE_DEC, 0x7, kdv_vals},
    [W_KI_TYPE] = {"wlan_rsna_eapol.keydes.key_info.key_type", "Key Type", TW_FT_BOOLEAN, 16, 0x8,
                   NULL, NULL, &tfs_keytype},
    [W_KI_INDEX] = {"wlan_rsna_eapol.keydes.key_info.key_index", "Key Index", TW_FT_UINT16,
                    TW_BASE_DEC, 0x30},
    [W_KI_INSTALL] = {"wlan_rsna_eapol.keydes.key_info.install", "Install", TW_FT_BOOLEAN, 16, 0x40,
                      NULL, NULL, &tw_tfs_set_notset},
    [W_KI_ACK] = {"wlan_rsna_eapol.keydes.key_info.key_ack", "Key ACK", TW_FT_BOOLEAN, 16, 0x80,
                  NULL, NULL, &tw_tfs_set_notset},
    [W_KI_MIC] = {"wlan_rsna_eapol.keydes.key_info.key_mic", "Key MIC", TW_FT_BOOLEAN, 16, 0x100,
                  NULL, NULL, &tw_tfs_set_notset},
    [W_KI_SECURE] = {"wlan_rsna_eapol.keydes.key_info.secure", "Secure", TW_FT_BOOLEAN, 16, 0x200,
                     NULL, NULL, &tw_tfs_set_notset},
    [W_KI_ERROR] = {"wlan_rsna_eapol.keydes.key_info.error", "Error", TW_FT_BOOLEAN, 16, 0x400,
                    NULL, NULL, &tw_tfs_set_notset},
    [W_KI_REQUEST] = {"wlan_rsna_eapol.keydes.key_info.request", "Request", TW_FT_BOOLEAN, 16,
                      0x800, NULL, NULL, &tw_tfs_set_notset},
    [W_KI_ENC] = {"wlan_rsna_eapol.keydes.key_info.encrypted_key_data", "Encrypted Key Data",
                  TW_FT_BOOLEAN, 16, 0x1000, NULL, NULL, &tw_tfs_set_notset},
    [W_KI_SMK] = {"wlan_rsna_eapol.keydes.key_info.smk_message", "SMK Message", TW_FT_BOOLEAN, 16,
                  0x2000, NULL, NULL, &tw_tfs_set_notset},
    [W_NONCE] = {"wlan_rsna_eapol.keydes.nonce", "WPA Key Nonce", TW_FT_BYTES},
    [W_RSC] = {"wlan_rsna_eapol.keydes.rsc", "WPA Key RSC", TW_FT_BYTES},
    [W_ID] = {"wlan_rsna_eapol.keydes.id", "WPA Key ID", TW_FT_BYTES},
    [W_MIC] = {"wlan_rsna_eapol.keydes.mic", "WPA Key MIC", TW_FT_BYTES},
    [W_DATA_LEN] = {"wlan_rsna_eapol.keydes.data_len", "WPA Key Data Length", TW_FT_UINT16,
                    TW_BASE_DEC},
    [W_DATA] = {"wlan_rsna_eapol.keydes.data", "WPA Key Data", TW_FT_BYTES},
};
#define WHF(x) ((uint16_t)(wids.base + (x)))

static bool all_zero(const uint8_t *b, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++)
        if (b[i]) return false;
    return true;
}

/* the RSN / WPA key descriptor (802.11i), b at the key information field, n bytes there */
static void rsn_key(struct tw_pkt *p, uint32_t o, const uint8_t *b, uint32_t n)
{
    if (n < 94) return;
    uint16_t ki = (uint16_t)(b[0] << 8 | b[1]);
    uint8_t msg;
    if (ki & 0x8) /* pairwise */
        msg = (ki & 0x80) ? ((ki & 0x40) ? 3 : 1) : (all_zero(b + 13, 32) ? 4 : 2);
    else
        msg = (ki & 0x80) ? 1 : 2;
    int32_t r = tw_add_uint(p, WHF(W_MSGNR), o, 0, msg);
    tw_rec_flags(p, r, TW_RF_GENERATED);
    tw_info_printf(p, (ki & 0x8) ? " (Message %u of 4)" : " (Group Message %u of 2)", msg);
    r = tw_add_uint(p, WHF(W_KEY_INFO), o, 2, ki);
    tw_tree_push(p, r);
    for (uint16_t f = W_KI_VERSION; f <= W_KI_SMK; f++) tw_add_bits(p, WHF(f), o, 2, ki);
    tw_tree_pop(p);
    tw_add_uint(p, HF(F_KEY_LEN), o + 2, 2, (uint32_t)(b[2] << 8 | b[3]));
    uint64_t rc = 0;
    for (int i = 0; i < 8; i++) rc = rc << 8 | b[4 + i];
    tw_add_uint(p, HF(F_REPLAY), o + 4, 8, rc);
    tw_add_ptr(p, WHF(W_NONCE), o + 12, 32, b + 12, 32);
    tw_add_ptr(p, HF(F_KEY_IV), o + 44, 16, b + 44, 16);
    tw_add_ptr(p, WHF(W_RSC), o + 60, 8, b + 60, 8);
    tw_add_ptr(p, WHF(W_ID), o + 68, 8, b + 68, 8);
    tw_add_ptr(p, WHF(W_MIC), o + 76, 16, b + 76, 16);
    uint16_t dl = (uint16_t)(b[92] << 8 | b[93]);
    tw_add_uint(p, WHF(W_DATA_LEN), o + 92, 2, dl);
    if (dl && 94u + dl <= n) tw_add_ptr(p, WHF(W_DATA), o + 94, dl, b + 94, dl);
}

static enum tw_status dissect_eapol(struct tw_pkt *p, struct tw_cur *c)
{
    uint32_t off = c->off, avail = tw_cur_avail(c), rep = tw_cur_left(c);
    const uint8_t *d = c->data + off;
    tw_col_proto(p, "EAPOL");
    tw_info_clear(p);
    if (avail < 4) {
        c->off = c->end;
        return rep >= 4 ? TW_TRUNCATED : TW_MALFORMED;
    }
    uint8_t type = d[1];
    uint16_t len = (uint16_t)(d[2] << 8 | d[3]);
    const char *tn = tw_vs_find(eapol_type_vals, type);
    if (tn)
        tw_info_set(p, tn);
    else
        tw_info_printf(p, "Unknown Type (0x%02X)", type);
    tw_layer_setlen(p, 4u + len < rep ? 4u + len : rep);
    tw_layer_claim(p, 4u + len);
    tw_add_uint(p, HF(F_VERSION), off, 1, d[0]);
    tw_add_uint(p, HF(F_TYPE), off + 1, 1, type);
    tw_add_uint(p, HF(F_LEN), off + 2, 2, len);
    c->off = c->end;
    uint32_t body = off + 4;
    uint32_t bn = len < rep - 4 ? len : rep - 4;   /* body bytes the frame claims */
    uint32_t bh = bn < avail - 4 ? bn : avail - 4; /* and has */
    if (type == 0) {
        struct tw_cur e = *c;
        e.off = body;
        e.end = body + bn;
        if (e.cap > e.end) e.cap = e.end;
        uint32_t first = p->nlayers;
        uint32_t key = TW_KEY_EAP;
        enum tw_status st = tw_dissect_here(p, TW_TBL_NAME, 1, &key, e);
        /* tshark lists no "eap" in frame.protocols under EAPOL */
        for (uint32_t i = first; i < p->nlayers; i++)
            if (tw_proto_get(p->layers[i].proto) == &tw_proto_eap) p->layers[i].hidden = true;
        return st == TW_OK && bn < len ? TW_MALFORMED : TW_OK;
    }
    if (type == 3 && len) {
        if (bh < 1) return bn < len ? TW_MALFORMED : TW_TRUNCATED;
        const uint8_t *b = d + 4;
        uint8_t kd = b[0];
        tw_add_uint(p, HF(F_KEYDES_TYPE), body, 1, kd);
        if (kd == 1) {
            if (bh < 44) return bn < len ? TW_MALFORMED : TW_TRUNCATED;
            uint16_t kl = (uint16_t)(b[1] << 8 | b[2]);
            tw_add_uint(p, HF(F_KEY_LEN), body + 1, 2, kl);
            uint64_t rc = 0;
            for (int i = 0; i < 8; i++) rc = rc << 8 | b[3 + i];
            tw_add_uint(p, HF(F_REPLAY), body + 3, 8, rc);
            tw_add_ptr(p, HF(F_KEY_IV), body + 11, 16, b + 11, 16);
            int32_t r = tw_add_uint(p, HF(F_KEY_INDEX), body + 27, 1, b[27]);
            tw_tree_push(p, r);
            tw_add_bits(p, HF(F_KEY_INDEX_TYPE), body + 27, 1, b[27]);
            tw_add_bits(p, HF(F_KEY_INDEX_NUM), body + 27, 1, b[27]);
            tw_tree_pop(p);
            tw_add_ptr(p, HF(F_KEY_SIG), body + 28, 16, b + 28, 16);
            if (bn > 44) {
                uint32_t kn = bh - 44;
                tw_add_ptr(p, HF(F_KEY), body + 44, kn, b + 44, kn);
            }
            r = tw_add_uint(p, HF(F_KEY_LOCAL), body + 44, 0, bn <= 44);
            tw_rec_flags(p, r, TW_RF_GENERATED);
        } else if (kd == 2 || kd == 254) {
            rsn_key(p, body + 1, b + 1, bh - 1);
        } else if (bh > 1) {
            tw_add_ptr(p, HF(F_KEYDES_BODY), body + 1, bh - 1, b + 1, bh - 1);
        }
    }
    return bn < len ? TW_MALFORMED : TW_OK;
}

static const struct tw_binding bindings[] = {{TW_TBL_ETHERTYPE, 0x888e}};

const struct tw_proto tw_proto_eapol = {
    .abbrev = "eapol",
    .name = "802.1X Authentication",
    .short_name = "EAPOL",
    .fields = fields,
    .nfields = F_COUNT,
    .bindings = bindings,
    .nbindings = TW_ARRAY_LEN(bindings),
    .dissect = dissect_eapol,
    .ids = &ids,
};

/* the fields of 802.11i key descriptors, a protocol of their own in tshark (no layer here) */
const struct tw_proto tw_proto_wlan_rsna_eapol = {
    .abbrev = "wlan_rsna_eapol",
    .name = "IEEE 802.11 RSNA EAPOL key",
    .short_name = "RSNA EAPOL",
    .fields = wfields,
    .nfields = W_COUNT,
    .ids = &wids,
    .flags = TW_PROTO_NO_LAYER | TW_PROTO_NO_RECORD | TW_PROTO_NO_COLUMN,
};
