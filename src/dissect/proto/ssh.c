/* Secure Shell (RFC 4250-4254, 4419, 5656) over TCP, as tshark 4.0 shows it without keys: the
 * version exchange, the binary packets of the key exchange (KEXINIT proposals, the DH, DH group
 * exchange and ECDH messages with host key and signature, NEWKEYS), and everything after a
 * side's NEWKEYS as an encrypted packet. SSH-1 packets get tshark's SSH-1 framing.
 *
 *   identification:  "SSH-protoversion-softwareversion [comments]" CR LF
 *   binary packet:   uint32 packet_length | byte padding_length | payload | padding | MAC
 *
 * Per conversation the dissector remembers what tshark does: the version the client announced
 * (it names the Protocol column), per side the frames of its version line, its first KEXINIT
 * and its NEWKEYS (with the offset after which the rest of that frame is encrypted), the
 * proposals, the negotiated key exchange, cipher, MAC and compression, and tshark's "sequence
 * number" bookkeeping (not RFC 4253's: tshark 4.0 counts only the messages it tracks). A
 * packet that runs past the segment is asked of TCP (tw_deseg_request) as tshark asks for it.
 * HASSH (tshark's ssh.kex.hassh*) is computed with MD5 from libcrypto. Nothing is decrypted.
 */
#include "../dissect.h"

#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct tw_proto_ids ids;
#define HF(x) ((uint16_t)(ids.base + (x)))
#define EX(x) ((uint16_t)(ids.expert_base + (x)))

enum {
    F_PROTOCOL,
    F_PACKET_LENGTH,
    F_PACKET_LENGTH_ENC,
    F_PADDING_LENGTH,
    F_PAYLOAD,
    F_ENC_PACKET,
    F_PADDING_STRING,
    F_SEQ_NUM,
    F_MAC,
    F_DIRECTION,
    F_MSG_CODE1,
    F_MSG_CODE,
    F_MSG_CODE_DH,
    F_MSG_CODE_GEX,
    F_MSG_CODE_ECDH,
    F_COOKIE,
    F_KEX_ALGS,
    F_HOSTKEY_ALGS,
    F_ENC_C2S,
    F_ENC_S2C,
    F_MAC_C2S,
    F_MAC_S2C,
    F_COMP_C2S,
    F_COMP_S2C,
    F_LANG_C2S,
    F_LANG_S2C,
    F_KEX_ALGS_LEN,
    F_HOSTKEY_ALGS_LEN,
    F_ENC_C2S_LEN,
    F_ENC_S2C_LEN,
    F_MAC_C2S_LEN,
    F_MAC_S2C_LEN,
    F_COMP_C2S_LEN,
    F_COMP_S2C_LEN,
    F_LANG_C2S_LEN,
    F_LANG_S2C_LEN,
    F_FIRST_KEX_FOLLOWS,
    F_KEX_RESERVED,
    F_HASSH_ALGO,
    F_HASSH,
    F_HASSHSERVER_ALGO,
    F_HASSHSERVER,
    F_HK_LEN,
    F_HK_TYPE_LEN,
    F_HK_TYPE,
    F_HK_DATA,
    F_HK_RSA_N,
    F_HK_RSA_E,
    F_HK_DSA_P,
    F_HK_DSA_Q,
    F_HK_DSA_G,
    F_HK_DSA_Y,
    F_HK_ECDSA_ID,
    F_HK_ECDSA_ID_LEN,
    F_HK_ECDSA_Q,
    F_HK_ECDSA_Q_LEN,
    F_HK_EDDSA_KEY,
    F_HK_EDDSA_KEY_LEN,
    F_HS_LEN,
    F_HS_TYPE_LEN,
    F_HS_TYPE,
    F_HS_DATA,
    F_HS_RSA,
    F_HS_DSA,
    F_DH_E,
    F_DH_F,
    F_GEX_MIN,
    F_GEX_NBITS,
    F_GEX_MAX,
    F_GEX_P,
    F_GEX_G,
    F_ECDH_QC,
    F_ECDH_QC_LEN,
    F_ECDH_QS,
    F_ECDH_QS_LEN,
    F_MPINT_LEN,
    F_COUNT
};

static const struct tw_vs ssh1_msg_vals[] = {
    {0, "No Message"}, {1, "Disconnect"}, {2, "Public Key"}, {3, "Session Key"}, {4, "User"},
    {0, NULL}};

static const struct tw_vs ssh2_msg_vals[] = {{1, "Disconnect"},
                                             {2, "Ignore"},
                                             {3, "Unimplemented"},
                                             {4, "Debug"},
                                             {5, "Service Request"},
                                             {6, "Service Accept"},
                                             {20, "Key Exchange Init"},
                                             {21, "New Keys"},
                                             {50, "User Authentication Request"},
                                             {51, "User Authentication Failure"},
                                             {52, "User Authentication Success"},
                                             {53, "User Authentication Banner"},
                                             {80, "Global Request"},
                                             {81, "Request Success"},
                                             {82, "Request Failure"},
                                             {90, "Channel Open"},
                                             {91, "Channel Open Confirmation"},
                                             {92, "Channel Open Failure"},
                                             {93, "Window Adjust"},
                                             {94, "Channel Data"},
                                             {95, "Channel Extended Data"},
                                             {96, "Channel EOF"},
                                             {97, "Channel Close"},
                                             {98, "Channel Request"},
                                             {99, "Channel Success"},
                                             {100, "Channel Failure"},
                                             {60, "Public Key algorithm accepted"},
                                             {0, NULL}};

static const struct tw_vs kex_dh_vals[] = {{30, "Diffie-Hellman Key Exchange Init"},
                                           {31, "Diffie-Hellman Key Exchange Reply"},
                                           {0, NULL}};
static const struct tw_vs kex_gex_vals[] = {{30, "Diffie-Hellman Group Exchange Request (Old)"},
                                            {31, "Diffie-Hellman Group Exchange Group"},
                                            {32, "Diffie-Hellman Group Exchange Init"},
                                            {33, "Diffie-Hellman Group Exchange Reply"},
                                            {34, "Diffie-Hellman Group Exchange Request"},
                                            {0, NULL}};
static const struct tw_vs kex_ecdh_vals[] = {
    {30, "Elliptic Curve Diffie-Hellman Key Exchange Init"},
    {31, "Elliptic Curve Diffie-Hellman Key Exchange Reply"},
    {0, NULL}};

static const struct tw_tfs direction_tfs = {"server-to-client", "client-to-server"};

#define S(a, n)  {a, n, TW_FT_STRING}
#define B(a, n)  {a, n, TW_FT_BYTES}
#define U32(a, n) {a, n, TW_FT_UINT32, TW_BASE_DEC}
static const struct tw_field_def fields[F_COUNT] = {
    [F_PROTOCOL] = S("ssh.protocol", "Protocol"),
    [F_PACKET_LENGTH] = U32("ssh.packet_length", "Packet Length"),
    [F_PACKET_LENGTH_ENC] = B("ssh.packet_length_encrypted", "Packet Length (encrypted)"),
    [F_PADDING_LENGTH] = {"ssh.padding_length", "Padding Length", TW_FT_UINT8, TW_BASE_DEC},
    [F_PAYLOAD] = B("ssh.payload", "Payload"),
    [F_ENC_PACKET] = B("ssh.encrypted_packet", "Encrypted Packet"),
    [F_PADDING_STRING] = B("ssh.padding_string", "Padding String"),
    [F_SEQ_NUM] = U32("ssh.seq_num", "Sequence number"),
    [F_MAC] = B("ssh.mac", "MAC"),
    [F_DIRECTION] = {"ssh.direction", "Direction", TW_FT_BOOLEAN, 0, 0, NULL, NULL,
                     &direction_tfs, "Message direction"},
    [F_MSG_CODE1] = {"ssh.message_code", "Message Code", TW_FT_UINT8, TW_BASE_DEC, 0,
                     ssh1_msg_vals},
    [F_MSG_CODE] = {"ssh.message_code", "Message Code", TW_FT_UINT8, TW_BASE_DEC, 0,
                    ssh2_msg_vals},
    [F_MSG_CODE_DH] = {"ssh.message_code", "Message Code", TW_FT_UINT8, TW_BASE_DEC, 0,
                       kex_dh_vals},
    [F_MSG_CODE_GEX] = {"ssh.message_code", "Message Code", TW_FT_UINT8, TW_BASE_DEC, 0,
                        kex_gex_vals},
    [F_MSG_CODE_ECDH] = {"ssh.message_code", "Message Code", TW_FT_UINT8, TW_BASE_DEC, 0,
                         kex_ecdh_vals},
    [F_COOKIE] = B("ssh.cookie", "Cookie"),
    [F_KEX_ALGS] = S("ssh.kex_algorithms", "kex_algorithms string"),
    [F_HOSTKEY_ALGS] = S("ssh.server_host_key_algorithms", "server_host_key_algorithms string"),
    [F_ENC_C2S] = S("ssh.encryption_algorithms_client_to_server",
                    "encryption_algorithms_client_to_server string"),
    [F_ENC_S2C] = S("ssh.encryption_algorithms_server_to_client",
                    "encryption_algorithms_server_to_client string"),
    [F_MAC_C2S] = S("ssh.mac_algorithms_client_to_server",
                    "mac_algorithms_client_to_server string"),
    [F_MAC_S2C] = S("ssh.mac_algorithms_server_to_client",
                    "mac_algorithms_server_to_client string"),
    [F_COMP_C2S] = S("ssh.compression_algorithms_client_to_server",
                     "compression_algorithms_client_to_server string"),
    [F_COMP_S2C] = S("ssh.compression_algorithms_server_to_client",
                     "compression_algorithms_server_to_client string"),
    [F_LANG_C2S] = S("ssh.languages_client_to_server", "languages_client_to_server string"),
    [F_LANG_S2C] = S("ssh.languages_server_to_client", "languages_server_to_client string"),
    [F_KEX_ALGS_LEN] = U32("ssh.kex_algorithms_length", "kex_algorithms length"),
    [F_HOSTKEY_ALGS_LEN] = U32("ssh.server_host_key_algorithms_length",
                               "server_host_key_algorithms length"),
    [F_ENC_C2S_LEN] = U32("ssh.encryption_algorithms_client_to_server_length",
                          "encryption_algorithms_client_to_server length"),
    [F_ENC_S2C_LEN] = U32("ssh.encryption_algorithms_server_to_client_length",
                          "encryption_algorithms_server_to_client length"),
    [F_MAC_C2S_LEN] = U32("ssh.mac_algorithms_client_to_server_length",
                          "mac_algorithms_client_to_server length"),
    [F_MAC_S2C_LEN] = U32("ssh.mac_algorithms_server_to_client_length",
                          "mac_algorithms_server_to_client length"),
    [F_COMP_C2S_LEN] = U32("ssh.compression_algorithms_client_to_server_length",
                           "compression_algorithms_client_to_server length"),
    [F_COMP_S2C_LEN] = U32("ssh.compression_algorithms_server_to_client_length",
                           "compression_algorithms_server_to_client length"),
    [F_LANG_C2S_LEN] = U32("ssh.languages_client_to_server_length",
                           "languages_client_to_server length"),
    [F_LANG_S2C_LEN] = U32("ssh.languages_server_to_client_length",
                           "languages_server_to_client length"),
    [F_FIRST_KEX_FOLLOWS] = {"ssh.first_kex_packet_follows", "First KEX Packet Follows",
                             TW_FT_UINT8, TW_BASE_DEC},
    [F_KEX_RESERVED] = B("ssh.kex.reserved", "Reserved"),
    [F_HASSH_ALGO] = S("ssh.kex.hassh_algorithms", "hasshAlgorithms"),
    [F_HASSH] = S("ssh.kex.hassh", "hassh"),
    [F_HASSHSERVER_ALGO] = S("ssh.kex.hasshserver_algorithms", "hasshServerAlgorithms"),
    [F_HASSHSERVER] = S("ssh.kex.hasshserver", "hasshServer"),
    [F_HK_LEN] = U32("ssh.host_key.length", "Host key length"),
    [F_HK_TYPE_LEN] = U32("ssh.host_key.type_length", "Host key type length"),
    [F_HK_TYPE] = S("ssh.host_key.type", "Host key type"),
    [F_HK_DATA] = B("ssh.host_key.data", "Host key data"),
    [F_HK_RSA_N] = B("ssh.host_key.rsa.n", "RSA modulus (N)"),
    [F_HK_RSA_E] = B("ssh.host_key.rsa.e", "RSA public exponent (e)"),
    [F_HK_DSA_P] = B("ssh.host_key.dsa.p", "DSA prime modulus (p)"),
    [F_HK_DSA_Q] = B("ssh.host_key.dsa.q", "DSA prime divisor (q)"),
    [F_HK_DSA_G] = B("ssh.host_key.dsa.g", "DSA subgroup generator (g)"),
    [F_HK_DSA_Y] = B("ssh.host_key.dsa.y", "DSA public key (y)"),
    [F_HK_ECDSA_ID] = S("ssh.host_key.ecdsa.id", "ECDSA elliptic curve identifier"),
    [F_HK_ECDSA_ID_LEN] = U32("ssh.host_key.ecdsa.id_length",
                              "ECDSA elliptic curve identifier length"),
    [F_HK_ECDSA_Q] = B("ssh.host_key.ecdsa.q", "ECDSA public key (Q)"),
    [F_HK_ECDSA_Q_LEN] = U32("ssh.host_key.ecdsa.q_length", "ECDSA public key length"),
    [F_HK_EDDSA_KEY] = B("ssh.host_key.eddsa.key", "EdDSA public key"),
    [F_HK_EDDSA_KEY_LEN] = U32("ssh.host_key.eddsa.key_length", "EdDSA public key length"),
    [F_HS_LEN] = U32("ssh.host_sig.length", "Host signature length"),
    [F_HS_TYPE_LEN] = U32("ssh.host_sig.type_length", "Host signature type length"),
    [F_HS_TYPE] = S("ssh.host_sig.type", "Host signature type"),
    [F_HS_DATA] = B("ssh.host_sig.data", "Host signature data"),
    [F_HS_RSA] = B("ssh.host_sig.rsa", "RSA signature"),
    [F_HS_DSA] = B("ssh.host_sig.dsa", "DSA signature"),
    [F_DH_E] = B("ssh.dh.e", "DH client e"),
    [F_DH_F] = B("ssh.dh.f", "DH server f"),
    [F_GEX_MIN] = U32("ssh.dh_gex.min", "DH GEX Min"),
    [F_GEX_NBITS] = U32("ssh.dh_gex.nbits", "DH GEX Number of Bits"),
    [F_GEX_MAX] = U32("ssh.dh_gex.max", "DH GEX Max"),
    [F_GEX_P] = B("ssh.dh_gex.p", "DH GEX modulus (P)"),
    [F_GEX_G] = B("ssh.dh_gex.g", "DH GEX base (G)"),
    [F_ECDH_QC] = B("ssh.ecdh.q_c", "ECDH client's ephemeral public key (Q_C)"),
    [F_ECDH_QC_LEN] = U32("ssh.ecdh.q_c_length", "ECDH client's ephemeral public key length"),
    [F_ECDH_QS] = B("ssh.ecdh.q_s", "ECDH server's ephemeral public key (Q_S)"),
    [F_ECDH_QS_LEN] = U32("ssh.ecdh.q_s_length", "ECDH server's ephemeral public key length"),
    [F_MPINT_LEN] = U32("ssh.mpint_length", "Multi Precision Integer Length"),
};
#undef S
#undef B
#undef U32

enum { E_PACKET_LENGTH, E_PACKET_DECODE, E_KEY_LENGTH, E_COUNT };
static const struct tw_expert_def experts[E_COUNT] = {
    [E_PACKET_LENGTH] = {"ssh.packet_length.error", "decoder.ssh.packet_length", TW_SEV_WARN,
                         TW_GRP_PROTOCOL, "Overly large number"},
    [E_PACKET_DECODE] = {"ssh.packet_decode.error", "decoder.ssh.packet_decode", TW_SEV_WARN,
                         TW_GRP_PROTOCOL, "Packet decoded length not equal to packet length"},
    [E_KEY_LENGTH] = {"ssh.key_length.error", "decoder.ssh.key_length", TW_SEV_ERROR,
                      TW_GRP_PROTOCOL, "Invalid key length"},
};

/* ---------------------------------------------------------------------------------------------
 * Per-conversation state
 * ------------------------------------------------------------------------------------------- */
enum { V_UNKNOWN, V_1, V_2 };
enum { KEX_DH, KEX_GEX, KEX_ECDH };
enum { C2S, S2C };

struct peer {
    uint64_t frame_version_start, frame_version_end;
    uint64_t frame_key_start, frame_key_end;
    uint32_t frame_key_end_offset; /* relative to the start of the data SSH was given */
    uint32_t seq, seq_kex_init, seq_gex_req, seq_gex_grp, seq_gex_ini, seq_gex_rep, seq_ecdh_ini,
        seq_ecdh_rep, seq_dh_ini, seq_dh_rep, seq_new_key;
    char *kex_proposal, *enc_proposals[2], *mac_proposals[2], *comp_proposals[2];
    char *enc, *mac, *comp; /* negotiated (the server's DH/ECDH reply) */
    uint8_t cipher;         /* a cipher tshark 4.0 would try to decrypt with (set at NEWKEYS) */
};

struct flow {
    uint8_t version;
    uint8_t kex_kind;
    char *kex;
    struct peer peer[2];
};

#define FLOWS_MAX 65536
static struct tw_state *flow_tab;

static void peer_free(struct peer *pd)
{
    free(pd->kex_proposal);
    for (int i = 0; i < 2; i++) {
        free(pd->enc_proposals[i]);
        free(pd->mac_proposals[i]);
        free(pd->comp_proposals[i]);
    }
    free(pd->enc);
    free(pd->mac);
    free(pd->comp);
}

static void flow_drop(void *v)
{
    struct flow *f = v;
    free(f->kex);
    peer_free(&f->peer[0]);
    peer_free(&f->peer[1]);
}

static void ssh_init(void)
{
    flow_tab = tw_state_open("ssh.flows", sizeof(struct flow), FLOWS_MAX, flow_drop);
}

/* ---------------------------------------------------------------------------------------------
 * Reading as Wireshark's tvb does: a read or an item past the captured bytes is an exception
 * (past the reported end: malformed, else truncated) that ends the dissection.
 * ------------------------------------------------------------------------------------------- */
struct ctx {
    struct tw_pkt *p;
    const uint8_t *d;
    uint32_t base; /* tvb offset 0 */
    uint32_t end;  /* reported end */
    uint32_t cap;  /* captured end (<= end) */
    enum tw_status err;
    struct flow *f;
    struct peer *pd;
    int resp;
    uint64_t num;
};

static bool need(struct ctx *x, uint32_t off, uint64_t len)
{
    if (x->err) return false;
    if ((uint64_t)off + len <= x->cap) return true;
    x->err = (uint64_t)off + len > x->end ? TW_MALFORMED : TW_TRUNCATED;
    return false;
}

static uint32_t get32(struct ctx *x, uint32_t off)
{
    if (!need(x, off, 4)) return 0;
    const uint8_t *b = x->d + off;
    return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

static uint8_t get8(struct ctx *x, uint32_t off)
{
    return need(x, off, 1) ? x->d[off] : 0;
}

/* proto_tree_add_item(): the bytes must exist (a length of -1 means "the rest") */
static int32_t item(struct ctx *x, int f, uint32_t off, int64_t len)
{
    if (x->err) return -1;
    if (len == -1) {
        if (off > x->cap) {
            x->err = off > x->end ? TW_MALFORMED : TW_TRUNCATED;
            return -1;
        }
        len = x->cap - off;
    } else if (len < 0) {
        x->err = TW_MALFORMED;
        return -1;
    }
    if (!need(x, off, (uint64_t)len)) return -1;
    const struct tw_field_def *fd = &fields[f];
    if (fd->type == TW_FT_STRING) return tw_add_ascii(x->p, HF(f), off, (uint32_t)len, x->d + off);
    if (fd->type == TW_FT_BYTES) return tw_add_bytes(x->p, HF(f), &(struct tw_cur){.data = x->d},
                                                     off, (uint32_t)len);
    uint64_t v = 0;
    for (int64_t i = 0; i < len && i < 8; i++) v = v << 8 | x->d[off + i];
    return tw_add_uint(x->p, HF(f), off, (uint32_t)len, v);
}

static int32_t uint_item(struct ctx *x, int f, uint32_t off, uint32_t len, uint64_t v)
{
    if (x->err) return -1;
    return tw_add_uint(x->p, HF(f), off, len, v);
}

static void push(struct ctx *x, int32_t r)
{
    tw_tree_push(x->p, r);
}

/* col_append_sep_str(..., NULL, s): ", " when Info already holds text */
static void info_append(struct ctx *x, const char *s)
{
    struct tw_pkt *p = x->p;
    if (!p->want_cols || p->cols_locked) return;
    if (p->info.len) tw_info_add(p, ", ");
    tw_info_add(p, s);
}

/* col_prepend_fstr(): before everything, the fenced part too */
static void info_prepend(struct tw_pkt *p, const char *s)
{
    if (!p->want_cols || p->cols_locked) return;
    size_t n = strlen(s), old = p->info.len;
    if (!tw_buf_reserve(&p->info, n) || !p->info.p) return;
    memmove(p->info.p + n, p->info.p, old);
    memcpy(p->info.p, s, n);
    p->info.len = old + n;
    if (p->info_fence) p->info_fence += (uint32_t)n;
}

/* Wireshark's format_text(): printable ASCII as is, C escapes, other bytes octal */
static void format_text(const uint8_t *s, uint32_t n, char *out, size_t outsz)
{
    size_t k = 0;
    for (uint32_t i = 0; i < n && k + 5 < outsz; i++) {
        uint8_t ch = s[i];
        if (ch >= 0x20 && ch < 0x7f) {
            out[k++] = (char)ch;
            continue;
        }
        char e = 0;
        switch (ch) {
        case '\a': e = 'a'; break;
        case '\b': e = 'b'; break;
        case '\f': e = 'f'; break;
        case '\n': e = 'n'; break;
        case '\r': e = 'r'; break;
        case '\t': e = 't'; break;
        case '\v': e = 'v'; break;
        default: break;
        }
        out[k++] = '\\';
        if (e) {
            out[k++] = e;
        } else {
            out[k++] = (char)('0' + (ch >> 6));
            out[k++] = (char)('0' + ((ch >> 3) & 7));
            out[k++] = (char)('0' + (ch & 7));
        }
    }
    out[k] = 0;
}

static char *dup_ascii(const uint8_t *b, uint32_t n)
{
    /* tvb_get_string_enc(ENC_ASCII): stops at NUL; bytes above 0x7f become U+FFFD */
    char *s = malloc((size_t)n * 3 + 1);
    if (!s) return NULL;
    uint32_t k = 0;
    for (uint32_t i = 0; i < n && b[i]; i++) {
        if (b[i] < 0x80) {
            s[k++] = (char)b[i];
        } else {
            memcpy(s + k, "\xef\xbf\xbd", 3);
            k += 3;
        }
    }
    s[k] = 0;
    return s;
}

/* ssh_choose_algo(): the first of the client's names that the server lists too */
static void choose_algo(const char *client, const char *server, char **result)
{
    if (!client || !server || *result) return;
    const char *c = client;
    for (;;) {
        const char *ce = strchr(c, ',');
        size_t cl = ce ? (size_t)(ce - c) : strlen(c);
        const char *s = server;
        for (;;) {
            const char *se = strchr(s, ',');
            size_t sl = se ? (size_t)(se - s) : strlen(s);
            if (sl == cl && memcmp(s, c, cl) == 0) {
                *result = malloc(cl + 1);
                if (*result) {
                    memcpy(*result, c, cl);
                    (*result)[cl] = 0;
                }
                return;
            }
            if (!se) break;
            s = se + 1;
        }
        if (!ce) break;
        c = ce + 1;
    }
}

static void set_kex_kind(struct flow *f)
{
    const char *k = f->kex;
    if (!k) return;
    if (strcmp(k, "diffie-hellman-group-exchange-sha1") == 0 ||
        strcmp(k, "diffie-hellman-group-exchange-sha256") == 0)
        f->kex_kind = KEX_GEX;
    else if (strncmp(k, "ecdh-sha2-", 10) == 0 || strcmp(k, "curve25519-sha256@libssh.org") == 0 ||
             strcmp(k, "curve25519-sha256") == 0 || strcmp(k, "curve448-sha512") == 0)
        f->kex_kind = KEX_ECDH;
}

/* What tshark 4.0 shows of the negotiated algorithms (the "SSH Version 2 (...)" title): chosen
 * for both directions when the server's DH or ECDH reply is seen (never for DH group exchange);
 * of the MACs only hmac-sha2-256 is kept (the only one tshark 4.0 can check). */
static void choose_enc_mac(struct flow *f)
{
    for (int d = 0; d < 2; d++) {
        struct peer *pd = &f->peer[d];
        choose_algo(f->peer[C2S].enc_proposals[d], f->peer[S2C].enc_proposals[d], &pd->enc);
        char *mac = NULL;
        choose_algo(f->peer[C2S].mac_proposals[d], f->peer[S2C].mac_proposals[d], &mac);
        if (mac && !pd->mac && strcmp(mac, "hmac-sha2-256") == 0)
            pd->mac = mac;
        else
            free(mac);
        choose_algo(f->peer[C2S].comp_proposals[d], f->peer[S2C].comp_proposals[d], &pd->comp);
    }
}

/* ssh_decryption_set_cipher_id(): tshark 4.0 opens a decryption context for these at NEWKEYS,
 * keys or not; from then on it shows that side's packets as failed decryptions (nothing in
 * Info, an empty "SSH Version 2" subtree), needing 4 bytes (the length) or a 16-byte block */
enum { CIPHER_NONE, CIPHER_LEN4, CIPHER_BLOCK16 };
static uint8_t cipher_kind(const char *enc)
{
    if (!enc) return CIPHER_NONE;
    static const char *const len4[] = {"chacha20-poly1305@openssh.com", "chacha20-poly1305",
                                       "aes128-gcm@openssh.com", "aes128-gcm",
                                       "aes256-gcm@openssh.com", "aes256-gcm"};
    static const char *const block[] = {"aes128-cbc", "aes192-cbc", "aes256-cbc",
                                        "aes128-ctr", "aes192-ctr", "aes256-ctr"};
    for (size_t i = 0; i < TW_ARRAY_LEN(len4); i++)
        if (strcmp(enc, len4[i]) == 0) return CIPHER_LEN4;
    for (size_t i = 0; i < TW_ARRAY_LEN(block); i++)
        if (strcmp(enc, block[i]) == 0) return CIPHER_BLOCK16;
    return CIPHER_NONE;
}

/* ---------------------------------------------------------------------------------------------
 * Items
 * ------------------------------------------------------------------------------------------- */
static uint32_t add_mpint(struct ctx *x, uint32_t off, int f)
{
    uint32_t len = get32(x, off);
    uint_item(x, F_MPINT_LEN, off, 4, len);
    item(x, f, off + 4, len);
    return 4 + len;
}

static uint32_t add_string(struct ctx *x, uint32_t off, int f, int flen)
{
    uint32_t len = get32(x, off);
    uint_item(x, flen, off, 4, len);
    item(x, f, off + 4, len);
    return 4 + len;
}

/* ssh_tree_add_hostkey() / _hostsignature() */
static uint32_t add_hostkey(struct ctx *x, uint32_t off, bool sig)
{
    uint32_t start = off;
    uint32_t key_len = get32(x, off);
    off += 4;
    uint32_t type_len = get32(x, off);
    off += 4;
    if (!need(x, off, type_len)) return 0;
    char type[128];
    {
        uint32_t k = 0;
        for (uint32_t i = 0; i < type_len && x->d[off + i] && k + 4 < sizeof type; i++) {
            uint8_t ch = x->d[off + i];
            if (ch < 0x80) {
                type[k++] = (char)ch;
            } else {
                memcpy(type + k, "\xef\xbf\xbd", 3);
                k += 3;
            }
        }
        type[k] = 0;
    }
    struct tw_pkt *p = x->p;
    int32_t t = -1;
    if (p->want_all) {
        t = tw_add_text_(p, start, key_len + 4, "%s (type: %s)",
                         sig ? "KEX host signature" : "KEX host key", type);
    }
    push(x, t);
    int32_t lr = uint_item(x, sig ? F_HS_LEN : F_HK_LEN, start, 4, key_len);
    uint_item(x, sig ? F_HS_TYPE_LEN : F_HK_TYPE_LEN, start + 4, 4, type_len);
    if (!x->err && tw_want(p, HF(sig ? F_HS_TYPE : F_HK_TYPE)))
        tw_add_ascii(p, HF(sig ? F_HS_TYPE : F_HK_TYPE), off, type_len, x->d + off);
    off += type_len;
    if (!sig) {
        if (strcmp(type, "ssh-rsa") == 0) {
            off += add_mpint(x, off, F_HK_RSA_E);
            add_mpint(x, off, F_HK_RSA_N);
        } else if (strcmp(type, "ssh-dss") == 0) {
            off += add_mpint(x, off, F_HK_DSA_P);
            off += add_mpint(x, off, F_HK_DSA_Q);
            off += add_mpint(x, off, F_HK_DSA_G);
            add_mpint(x, off, F_HK_DSA_Y);
        } else if (strncmp(type, "ecdsa-sha2-", 11) == 0) {
            off += add_string(x, off, F_HK_ECDSA_ID, F_HK_ECDSA_ID_LEN);
            add_string(x, off, F_HK_ECDSA_Q, F_HK_ECDSA_Q_LEN);
        } else if (strncmp(type, "ssh-ed", 6) == 0) {
            add_string(x, off, F_HK_EDDSA_KEY, F_HK_EDDSA_KEY_LEN);
        } else {
            item(x, F_HK_DATA, off, (int64_t)(int32_t)(key_len - (type_len + 4)));
        }
    } else {
        if (strcmp(type, "ssh-rsa") == 0) {
            off += add_mpint(x, off, F_HS_RSA);
        } else if (strcmp(type, "ssh-dss") == 0) {
            off += add_mpint(x, off, F_HS_DSA);
        } else if (strncmp(type, "ecdsa-sha2-", 11) == 0 || strncmp(type, "ssh-ed", 6) == 0) {
            /* tshark 4.0 shows nothing of these */
        } else {
            item(x, F_HS_DATA, off, (int64_t)(int32_t)(sig ? key_len - (type_len + 4) : 0));
        }
        if (!x->err && off - start != 4 + key_len) {
            int32_t saved = p->ntree ? p->tree[p->ntree - 1] : -1;
            (void)saved;
            if (lr >= 0) tw_tree_push(p, lr);
            tw_expert(p, EX(E_PACKET_DECODE), start, 4,
                      "Decoded %d bytes, but packet legnth is %d bytes", (int)(off - start),
                      (int)key_len);
            if (lr >= 0) tw_tree_pop(p);
        }
    }
    tw_tree_pop(p);
    return 4 + key_len;
}

/* ssh_read_e() / ssh_read_f(): tshark keeps the public value (1 to 1025 bytes, DH group 18)
 * for decryption; another length is an "Invalid key length" item with its expert */
static void read_pub(struct ctx *x, uint32_t off)
{
    uint32_t len = get32(x, off);
    if (x->err) return;
    if (len == 0 || len > 1025) {
        struct tw_pkt *p = x->p;
        int32_t r = tw_add_text(p, off, 2, "Invalid key length: %u", len);
        tw_tree_push(p, r);
        tw_expert(p, EX(E_KEY_LENGTH), off, 2, "Invalid key length: %u", len);
        tw_tree_pop(p);
        return;
    }
    need(x, off + 4, len);
}

static uint32_t kex_dh(struct ctx *x, uint8_t code, uint32_t off, uint32_t *seq)
{
    struct peer *cl = &x->f->peer[C2S], *sv = &x->f->peer[S2C];
    *seq = 0;
    item(x, F_MSG_CODE_DH, off, 1);
    off += 1;
    const char *n = tw_vs_find(kex_dh_vals, code);
    char unk[32];
    if (!n) snprintf(unk, sizeof unk, "Unknown (%u)", code), n = unk;
    info_append(x, n);
    switch (code) {
    case 30:
        read_pub(x, off);
        off += add_mpint(x, off, F_DH_E);
        if (x->err) break;
        if (cl->seq_dh_ini == 0) cl->seq_dh_ini = ++cl->seq;
        *seq = cl->seq_dh_ini;
        break;
    case 31:
        off += add_hostkey(x, off, false);
        read_pub(x, off);
        if (!x->err) choose_enc_mac(x->f);
        off += add_mpint(x, off, F_DH_F);
        off += add_hostkey(x, off, true);
        if (x->err) break;
        if (sv->seq_dh_rep == 0) sv->seq_dh_rep = ++sv->seq;
        *seq = sv->seq_dh_rep;
        break;
    }
    return off;
}

static uint32_t kex_gex(struct ctx *x, uint8_t code, uint32_t off, uint32_t *seq)
{
    struct peer *cl = &x->f->peer[C2S], *sv = &x->f->peer[S2C];
    *seq = 0;
    item(x, F_MSG_CODE_GEX, off, 1);
    off += 1;
    const char *n = tw_vs_find(kex_gex_vals, code);
    char unk[32];
    if (!n) snprintf(unk, sizeof unk, "Unknown (%u)", code), n = unk;
    info_append(x, n);
    switch (code) {
    case 30:
        item(x, F_GEX_NBITS, off, 4);
        off += 4;
        break;
    case 31:
        off += add_mpint(x, off, F_GEX_P);
        off += add_mpint(x, off, F_GEX_G);
        if (x->err) break;
        if (sv->seq_gex_grp == 0) sv->seq_gex_grp = ++sv->seq;
        *seq = sv->seq_gex_grp;
        break;
    case 32:
        off += add_mpint(x, off, F_DH_E);
        if (x->err) break;
        if (cl->seq_gex_ini == 0) cl->seq_gex_ini = ++cl->seq;
        *seq = cl->seq_gex_ini;
        break;
    case 33:
        off += add_hostkey(x, off, false);
        off += add_mpint(x, off, F_DH_F);
        off += add_hostkey(x, off, true);
        if (x->err) break;
        if (sv->seq_gex_rep == 0) sv->seq_gex_rep = ++sv->seq;
        *seq = sv->seq_gex_rep;
        break;
    case 34:
        item(x, F_GEX_MIN, off, 4);
        off += 4;
        item(x, F_GEX_NBITS, off, 4);
        off += 4;
        item(x, F_GEX_MAX, off, 4);
        off += 4;
        if (x->err) break;
        if (cl->seq_gex_req == 0) cl->seq_gex_req = ++cl->seq;
        *seq = cl->seq_gex_req;
        break;
    }
    return off;
}

static uint32_t kex_ecdh(struct ctx *x, uint8_t code, uint32_t off, uint32_t *seq)
{
    struct peer *cl = &x->f->peer[C2S], *sv = &x->f->peer[S2C];
    item(x, F_MSG_CODE_ECDH, off, 1);
    off += 1;
    const char *n = tw_vs_find(kex_ecdh_vals, code);
    char unk[32];
    if (!n) snprintf(unk, sizeof unk, "Unknown (%u)", code), n = unk;
    info_append(x, n);
    switch (code) {
    case 30:
        read_pub(x, off);
        if (x->err) break;
        if (cl->seq_ecdh_ini == 0) cl->seq_ecdh_ini = cl->seq++;
        *seq = cl->seq_ecdh_ini;
        off += add_string(x, off, F_ECDH_QC, F_ECDH_QC_LEN);
        break;
    case 31:
        off += add_hostkey(x, off, false);
        read_pub(x, off);
        if (x->err) break;
        choose_enc_mac(x->f);
        if (sv->seq_ecdh_rep == 0) sv->seq_ecdh_rep = sv->seq++;
        *seq = sv->seq_ecdh_rep;
        off += add_string(x, off, F_ECDH_QS, F_ECDH_QS_LEN);
        off += add_hostkey(x, off, true);
        break;
    }
    return off;
}

static uint32_t proposal(struct ctx *x, uint32_t off, int flen, int f, char **store)
{
    uint32_t len = get32(x, off);
    uint_item(x, flen, off, 4, len);
    off += 4;
    item(x, f, off, len);
    if (x->err) return off;
    if (store) {
        free(*store);
        *store = dup_ascii(x->d + off, len);
    }
    return off + len;
}

static void md5_hex(const char *s, size_t n, char out[33])
{
    unsigned char d[EVP_MAX_MD_SIZE];
    unsigned int dl = 0;
    EVP_Digest(s, n, d, &dl, EVP_md5(), NULL);
    for (unsigned i = 0; i < 16; i++) snprintf(out + 2 * i, 3, "%02x", d[i]);
}

static const char *nn(const char *s)
{
    return s ? s : "(null)";
}

/* ssh_dissect_key_init() */
static uint32_t key_init(struct ctx *x, uint32_t off)
{
    struct tw_pkt *p = x->p;
    struct peer *pd = x->pd;
    uint32_t start = off;
    int32_t t = x->err ? -1 : tw_add_text(p, off, 0, "Algorithms");
    push(x, t);
    item(x, F_COOKIE, off, 16);
    off += 16;
    off = proposal(x, off, F_KEX_ALGS_LEN, F_KEX_ALGS, &pd->kex_proposal);
    off = proposal(x, off, F_HOSTKEY_ALGS_LEN, F_HOSTKEY_ALGS, NULL);
    off = proposal(x, off, F_ENC_C2S_LEN, F_ENC_C2S, &pd->enc_proposals[C2S]);
    off = proposal(x, off, F_ENC_S2C_LEN, F_ENC_S2C, &pd->enc_proposals[S2C]);
    off = proposal(x, off, F_MAC_C2S_LEN, F_MAC_C2S, &pd->mac_proposals[C2S]);
    off = proposal(x, off, F_MAC_S2C_LEN, F_MAC_S2C, &pd->mac_proposals[S2C]);
    off = proposal(x, off, F_COMP_C2S_LEN, F_COMP_C2S, &pd->comp_proposals[C2S]);
    off = proposal(x, off, F_COMP_S2C_LEN, F_COMP_S2C, &pd->comp_proposals[S2C]);
    off = proposal(x, off, F_LANG_C2S_LEN, F_LANG_C2S, NULL);
    off = proposal(x, off, F_LANG_S2C_LEN, F_LANG_S2C, NULL);
    item(x, F_FIRST_KEX_FOLLOWS, off, 1);
    off += 1;
    item(x, F_KEX_RESERVED, off, 4);
    off += 4;
    if (x->err) {
        tw_tree_pop(p);
        return off;
    }
    int d = x->resp ? S2C : C2S;
    int fa = x->resp ? F_HASSHSERVER_ALGO : F_HASSH_ALGO, fh = x->resp ? F_HASSHSERVER : F_HASSH;
    if (tw_want(p, HF(fa)) || tw_want(p, HF(fh))) {
        const char *parts[4] = {nn(pd->kex_proposal), nn(pd->enc_proposals[d]),
                                nn(pd->mac_proposals[d]), nn(pd->comp_proposals[d])};
        size_t n = 0;
        for (int i = 0; i < 4; i++) n += strlen(parts[i]) + 1;
        char *s = tw_arena_alloc(p->arena, n);
        if (s) {
            size_t k = 0;
            for (int i = 0; i < 4; i++) {
                size_t l = strlen(parts[i]);
                memcpy(s + k, parts[i], l);
                k += l;
                s[k++] = i < 3 ? ';' : 0;
            }
            char h[33];
            md5_hex(s, k - 1, h);
            int32_t r = tw_add_ptr(p, HF(fa), off, 0, (const uint8_t *)s, (uint32_t)(k - 1));
            tw_rec_flags(p, r, TW_RF_GENERATED);
            r = tw_add_strf(p, HF(fh), off, 0, "%s", h);
            tw_rec_flags(p, r, TW_RF_GENERATED);
        }
    }
    struct flow *f = x->f;
    if (f->peer[C2S].kex_proposal && f->peer[S2C].kex_proposal && !f->kex) {
        choose_algo(f->peer[C2S].kex_proposal, f->peer[S2C].kex_proposal, &f->kex);
        set_kex_kind(f);
    }
    if (t >= 0) p->recs[t].len = off - start;
    tw_tree_pop(p);
    return off;
}

/* ssh_dissect_key_exchange(): one binary packet of the key exchange. Returns the offset after
 * it, or UINT32_MAX when it asked TCP for more. */
static uint32_t key_exchange(struct ctx *x, uint32_t off)
{
    struct tw_pkt *p = x->p;
    struct peer *pd = x->pd;
    uint32_t last = off;
    if (off >= x->cap) { /* tvb_ensure_captured_length_remaining() */
        x->err = off >= x->end ? TW_MALFORMED : TW_TRUNCATED;
        return off;
    }
    uint32_t remain = x->cap - off;
    if (tw_can_desegment(p) && remain < 4) {
        tw_deseg_request(p, off, TW_DESEG_ONE_MORE_SEGMENT);
        return UINT32_MAX;
    }
    uint32_t plen = get32(x, off);
    if (x->err) return off;
    if (tw_can_desegment(p) && (uint64_t)plen + 4 > remain) {
        tw_deseg_request(p, off, plen + 4 - remain);
        return UINT32_MAX;
    }
    int32_t lr = uint_item(x, F_PACKET_LENGTH, off, 4, plen);
    if (plen >= 0xffff) {
        if (lr >= 0) tw_tree_push(p, lr);
        tw_expert(p, EX(E_PACKET_LENGTH), off, 4, "Overly large number %d", (int)plen);
        if (lr >= 0) tw_tree_pop(p);
        plen = remain - 4;
    }
    off += 4;
    uint8_t padlen = get8(x, off);
    uint_item(x, F_PADDING_LENGTH, off, 1, padlen);
    off += 1;
    /* tshark 4.0 fails here, before the Key Exchange subtree, on a packet that is not all there
     * (cut by the capture: truncated; longer than the segment without desegmentation: tshark's
     * "BoundError Unreassembled Packet", malformed here) */
    if (plen >= 1) need(x, off, plen - 1);
    if (x->err) return off;
    int32_t kt = -1;
    if (p->want_all) {
        if (x->f->kex)
            kt = tw_add_text_(p, off, plen - 1, "Key Exchange (method:%s)", x->f->kex);
        else
            kt = tw_add_text_(p, off, plen - 1, "Key Exchange");
    }
    push(x, kt);
    uint8_t code = get8(x, off);
    uint32_t seq = 0;
    if (x->err) {
        tw_tree_pop(p);
        return off;
    }
    if (code >= 30 && code < 40) {
        switch (x->f->kex_kind) {
        case KEX_GEX: off = kex_gex(x, code, off, &seq); break;
        case KEX_ECDH: off = kex_ecdh(x, code, off, &seq); break;
        default: off = kex_dh(x, code, off, &seq); break;
        }
    } else {
        item(x, F_MSG_CODE, off, 1);
        off += 1;
        const char *n = tw_vs_find(ssh2_msg_vals, code);
        char unk[32];
        if (!n) snprintf(unk, sizeof unk, "Unknown (%u)", code), n = unk;
        info_append(x, n);
        if (code == 20) {
            off = key_init(x, off);
            if (!x->err && (pd->frame_key_start == 0 || pd->frame_key_start == x->num)) {
                pd->frame_key_start = x->num;
                if (pd->seq_kex_init == 0) {
                    pd->seq_kex_init = pd->seq;
                    pd->seq++;
                }
            }
            seq = pd->seq_kex_init;
        } else if (code == 21) {
            if (pd->frame_key_end == 0) {
                pd->frame_key_end = x->num;
                pd->frame_key_end_offset = off - x->base;
                pd->cipher = cipher_kind(pd->enc);
                if (pd->seq_new_key == 0) {
                    pd->seq_new_key = pd->seq;
                    pd->seq++;
                }
            }
            seq = pd->seq_new_key;
        }
    }
    if (x->err) {
        tw_tree_pop(p);
        return off;
    }
    int64_t len = (int64_t)(int32_t)(plen + 4 - padlen - (off - last));
    /* a negative length is a huge unsigned one in tshark: the item fails */
    if (len != 0) item(x, F_PAYLOAD, off, len);
    tw_tree_pop(p);
    if (x->err) return off;
    off += (uint32_t)len;
    item(x, F_PADDING_STRING, off, padlen);
    off += padlen;
    uint_item(x, F_SEQ_NUM, off, 0, seq);
    return off;
}

/* ssh_try_dissect_encrypted_packet() */
static uint32_t encrypted(struct ctx *x, uint32_t off)
{
    struct tw_pkt *p = x->p;
    if (x->pd->cipher) {
        /* ssh_decrypt_packet() with keys it does not have: the length decrypts to nonsense
         * and it gives up, having read the first bytes */
        need(x, off, x->pd->cipher == CIPHER_LEN4 ? 4 : 16);
        return x->cap > off ? x->cap : off;
    }
    int32_t len = (int32_t)(x->end - off);
    if (p->want_cols) {
        char b[64];
        snprintf(b, sizeof b, "Encrypted packet (len=%d)", len);
        info_append(x, b);
    }
    if (p->has_tree) {
        /* tshark 4.0 shows no MAC and no clear length here, whatever was negotiated */
        int64_t enc_len = len;
        if (len > 4) {
            item(x, F_PACKET_LENGTH_ENC, off, 4);
            enc_len -= 4;
        }
        item(x, F_ENC_PACKET, off + 4, (int32_t)enc_len);
    }
    return off + (uint32_t)len;
}

/* ssh_dissect_ssh2() */
static uint32_t ssh2(struct ctx *x, uint32_t off, bool *deseg)
{
    struct tw_pkt *p = x->p;
    struct peer *pd = x->pd;
    while (!x->err && off < x->cap) {
        uint32_t last = off;
        int32_t t = -1;
        if (p->want_all) {
            char title[512];
            size_t k = (size_t)snprintf(title, sizeof title, "SSH Version 2");
            if (pd->enc || pd->mac || pd->comp) {
                k += (size_t)snprintf(title + k, sizeof title - TW_MIN(k, sizeof title), " (");
                if (pd->enc && k < sizeof title)
                    k += (size_t)snprintf(title + k, sizeof title - k, "encryption:%s%s", pd->enc,
                                          pd->mac || pd->comp ? " " : "");
                if (pd->mac && k < sizeof title)
                    k += (size_t)snprintf(title + k, sizeof title - k, "mac:%s%s", pd->mac,
                                          pd->comp ? " " : "");
                if (pd->comp && k < sizeof title)
                    k += (size_t)snprintf(title + k, sizeof title - k, "compression:%s", pd->comp);
                if (k < sizeof title) snprintf(title + k, sizeof title - k, ")");
            }
            t = tw_add_text_(p, off, x->end - off, "%s", title);
        }
        push(x, t);
        uint32_t rel = off - x->base;
        if (pd->frame_key_start == 0 ||
            (pd->frame_key_start <= x->num &&
             (pd->frame_key_end == 0 || x->num < pd->frame_key_end ||
              (x->num == pd->frame_key_end && rel < pd->frame_key_end_offset)))) {
            uint32_t n = key_exchange(x, off);
            if (n == UINT32_MAX) {
                *deseg = true;
                tw_tree_pop(p);
                break;
            }
            off = n;
        } else {
            off = encrypted(x, off);
        }
        tw_tree_pop(p);
        if (t >= 0 && !x->err) p->recs[t].len = off - last;
        if (off <= last) break;
    }
    return off;
}

/* ssh_dissect_ssh1() */
static uint32_t ssh1(struct ctx *x, uint32_t off, bool *deseg)
{
    struct tw_pkt *p = x->p;
    struct peer *pd = x->pd;
    int32_t t = x->err ? -1 : tw_add_text(p, off, x->end - off, "SSH Version 1");
    push(x, t);
    if (off >= x->cap) {
        x->err = off >= x->end ? TW_MALFORMED : TW_TRUNCATED;
        tw_tree_pop(p);
        return off;
    }
    uint32_t remain = x->cap - off;
    if (tw_can_desegment(p) && remain < 4) {
        tw_deseg_request(p, off, TW_DESEG_ONE_MORE_SEGMENT);
        *deseg = true;
        tw_tree_pop(p);
        return off;
    }
    uint32_t plen = get32(x, off);
    uint32_t padlen = 8 - plen % 8;
    if (!x->err && tw_can_desegment(p) && (uint64_t)plen + 4 + padlen > remain) {
        tw_deseg_request(p, off, plen + padlen - remain);
        *deseg = true;
        tw_tree_pop(p);
        return off;
    }
    if (plen >= 0xffff) {
        if (plen > 0 && !x->err) {
            int32_t r = uint_item(x, F_PACKET_LENGTH, off, 4, plen);
            tw_rec_label(p, r, "Overly large length %x", plen);
        }
        plen = remain - 4 - padlen;
    } else if (plen > 0) {
        uint_item(x, F_PACKET_LENGTH, off, 4, plen);
    }
    off += 4;
    uint_item(x, F_PADDING_LENGTH, off, padlen, padlen);
    off += padlen;
    uint32_t len;
    if (pd->frame_key_start == 0 ||
        (pd->frame_key_start >= x->num && x->num <= pd->frame_key_end)) {
        uint8_t code = get8(x, off);
        item(x, F_MSG_CODE1, off, 1);
        if (x->err) {
            tw_tree_pop(p);
            return off;
        }
        const char *n = tw_vs_find(ssh1_msg_vals, code);
        char unk[32];
        if (!n) snprintf(unk, sizeof unk, "Unknown (%u)", code), n = unk;
        info_append(x, n);
        off += 1;
        len = plen - 1;
        if (pd->frame_key_start == 0) pd->frame_key_start = x->num;
        pd->frame_key_end = x->num;
    } else {
        len = plen;
        char b[64];
        snprintf(b, sizeof b, "Encrypted packet (len=%d)", (int)len);
        info_append(x, b);
    }
    if (p->has_tree) item(x, F_PAYLOAD, off, (int32_t)len);
    off += len;
    tw_tree_pop(p);
    return off;
}

/* ssh_dissect_protocol(): the identification line */
static uint32_t version_line(struct ctx *x, uint32_t off, uint8_t *version, bool *deseg)
{
    struct tw_pkt *p = x->p;
    const uint8_t *b = x->d + off;
    uint32_t avail = x->cap > off ? x->cap - off : 0;
    if (!x->resp) {
        if (avail >= 6 && strncasecmp((const char *)b, "SSH-2.", 6) == 0)
            *version = V_2;
        else if (avail >= 9 && strncasecmp((const char *)b, "SSH-1.99-", 9) == 0)
            *version = V_2;
        else if (avail >= 6 && strncasecmp((const char *)b, "SSH-1.", 6) == 0)
            *version = V_1;
    }
    if (off >= x->cap) {
        x->err = off >= x->end ? TW_MALFORMED : TW_TRUNCATED;
        return off;
    }
    uint32_t remain = x->cap - off;
    const uint8_t *nl = memchr(b, '\n', remain);
    if (tw_can_desegment(p) && !nl) {
        /* tshark asks for linelen - remain_length bytes with linelen = -1 */
        tw_deseg_request(p, off, (uint32_t)(0xffffffffu - remain));
        *deseg = true;
        return off;
    }
    uint32_t linelen, protolen;
    if (!nl) {
        linelen = remain;
        protolen = linelen;
    } else {
        linelen = (uint32_t)(nl - b) + 1;
        if (linelen > 1 && b[linelen - 2] == '\r')
            protolen = linelen - 2;
        else
            protolen = linelen - 1;
    }
    if (p->want_cols) {
        char *s = tw_arena_alloc(p->arena, (size_t)protolen * 4 + 16);
        if (s) {
            memcpy(s, "Protocol (", 10);
            format_text(b, protolen, s + 10, (size_t)protolen * 4 + 4);
            strcat(s, ")");
            info_append(x, s);
        }
    }
    item(x, F_PROTOCOL, off, protolen);
    return off + linelen;
}

static struct flow *flow_for(struct tw_pkt *p)
{
    uint8_t key[TW_STATE_KEY_MAX];
    int dir = 0;
    if (!flow_tab || p->ctx.in_error_pkt) return NULL;
    size_t kl = tw_conv_key(p, p->ctx.srcport, p->ctx.dstport, key, &dir);
    bool fresh = false;
    struct flow *f = tw_state_put(flow_tab, key, kl, &fresh);
    return f;
}

/* the port the dissector was found by (pinfo->match_uint): the lower one when it is bound to
 * SSH, as TCP tries it first */
static uint16_t match_port(const struct tw_pkt *p)
{
    uint16_t lo = TW_MIN(p->ctx.srcport, p->ctx.dstport);
    uint16_t hi = TW_MAX(p->ctx.srcport, p->ctx.dstport);
    return tw_dispatch_find(TW_TBL_TCP_PORT, lo) == (int)ids.proto ? lo : hi;
}

static enum tw_status dissect_ssh(struct tw_pkt *p, struct tw_cur *c)
{
    struct flow scratch;
    struct flow *f = flow_for(p);
    bool owned = false;
    if (!f) {
        memset(&scratch, 0, sizeof scratch);
        f = &scratch;
        owned = true;
    }
    struct ctx x = {.p = p, .d = c->data, .base = c->off, .end = c->end,
                    .cap = TW_MIN(c->cap, c->end), .f = f};
    x.resp = p->ctx.dstport != match_port(p);
    x.pd = &f->peer[x.resp];
    x.num = p->frame ? p->frame->recno : 0;
    struct peer *pd = x.pd;
    uint8_t version = f->version;
    tw_col_proto(p, version == V_1 ? "SSHv1" : version == V_2 ? "SSHv2" : "SSH");
    tw_info_clear(p);
    uint32_t off = c->off;
    bool deseg = false;
    while (off < x.end && !x.err) {
        bool after_start = pd->frame_version_start == 0 || x.num >= pd->frame_version_start;
        bool before_end = pd->frame_version_end == 0 || x.num <= pd->frame_version_end;
        uint32_t last = off;
        const uint8_t *b = x.d + off;
        if (after_start && before_end) {
            /* tvb_strncaseeql() reads 4 bytes: fewer captured means "no" */
        }
        bool is_ver = after_start && before_end && x.cap >= off && x.cap - off >= 4 &&
                      strncasecmp((const char *)b, "SSH-", 4) == 0;
        if (is_ver) {
            if (pd->frame_version_start == 0) pd->frame_version_start = x.num;
            off = version_line(&x, off, &version, &deseg);
            if (!deseg && !x.err) {
                pd->frame_version_end = x.num;
                f->version = version;
            }
        } else if (version == V_1) {
            off = ssh1(&x, off, &deseg);
        } else if (version == V_2) {
            off = ssh2(&x, off, &deseg);
        } else {
            off = encrypted(&x, off);
        }
        if (deseg) {
            c->off = c->end;
            if (owned) flow_drop(&scratch);
            return TW_OK;
        }
        if (x.err) break;
        if (off <= last) break;
    }
    if (!x.err) {
        info_prepend(p, x.resp ? "Server: " : "Client: ");
        int32_t r = tw_add_uint(p, HF(F_DIRECTION), c->off, 0, (uint64_t)x.resp);
        tw_rec_flags(p, r, TW_RF_GENERATED);
    }
    c->off = c->end;
    if (owned) flow_drop(&scratch);
    if (x.err == TW_MALFORMED && !p->deseg.can) {
        /* past the segment's data where TCP could not desegment (cut by the capture, or
         * desegmentation off): tshark's FragmentBoundsError, not a malformed packet */
        tw_show_unreassembled(p);
        return TW_OK;
    }
    return x.err;
}

static const struct tw_binding bindings[] = {{TW_TBL_TCP_PORT, 22}, {TW_TBL_TCP_PORT, 29418}};

const struct tw_proto tw_proto_ssh = {
    .abbrev = "ssh",
    .name = "SSH Protocol",
    .short_name = "SSH",
    .fields = fields,
    .nfields = F_COUNT,
    .experts = experts,
    .nexperts = E_COUNT,
    .bindings = bindings,
    .nbindings = TW_ARRAY_LEN(bindings),
    .dissect = dissect_ssh,
    .init = ssh_init,
    .ids = &ids,
};
