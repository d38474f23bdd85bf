/* What TLS (tls.c) and DTLS (dtls.c) share: the field enum (both register the fields of
 * tls_fields.inc under their own prefix, so one index names tls.X in one and dtls.X in the other),
 * the per-conversation session the handshake bodies read and update, the dissection context, and
 * the handshake-body dissectors tls.c implements for both. */
#ifndef TW_PROTO_TLS_H
#define TW_PROTO_TLS_H

#include "../dissect.h"

enum {
    F_RECORD,
    F_CT,
    F_OPAQUE_TYPE,
    F_REC_VERSION,
    F_REC_LENGTH,
    F_APP_DATA,
    F_APP_PROTO,
    F_ALERT,
    F_ALERT_LEVEL,
    F_ALERT_DESC,
    F_CCS,
    F_HS,
    F_HS_TYPE,
    F_HS_LENGTH,
    F_HS_VERSION,
    F_RANDOM,
    F_RANDOM_TIME,
    F_RANDOM_BYTES,
    F_SID_LEN,
    F_SID,
    F_CS_LEN,
    F_CSS,
    F_CS,
    F_COMP_LEN,
    F_COMPS,
    F_COMP,
    F_EXTS_LEN,
    F_EXT_TYPE,
    F_EXT_LEN,
    F_EXT_DATA,
    F_SNI_LIST_LEN,
    F_SNI_TYPE,
    F_SNI_LEN,
    F_SNI,
    F_ALPN_LEN,
    F_ALPN_LIST,
    F_ALPN_STR_LEN,
    F_ALPN_STR,
    F_GROUPS_LEN,
    F_GROUPS,
    F_GROUP,
    F_ECPF_LEN,
    F_ECPFS,
    F_ECPF,
    F_SIGALG_LEN,
    F_SIGALGS,
    F_SIGALG,
    F_SIG_HASH,
    F_SIG_SIG,
    F_RENEG_LEN,
    F_RENEG,
    F_SV_LEN,
    F_SV,
    F_KS_CLIENT_LEN,
    F_KS_GROUP,
    F_KS_KEX_LEN,
    F_KS_KEX,
    F_KS_SELECTED,
    F_PSK_IDS_LEN,
    F_PSK_ID_LEN,
    F_PSK_ID,
    F_PSK_AGE,
    F_PSK_BINDERS_LEN,
    F_PSK_BINDERS,
    F_PSK_SELECTED,
    F_PSK_MODES_LEN,
    F_PSK_MODE,
    F_STATUS_TYPE,
    F_STATUS_LIST_LEN,
    F_STATUS_LEN,
    F_STATUS_RID_LEN,
    F_STATUS_EXTS_LEN,
    F_PADDING,
    F_RSL,
    F_HB_MODE,
    F_MFL,
    F_COOKIE_LEN,
    F_COOKIE,
    F_MAX_EARLY,
    F_CERTS_LEN,
    F_CERTS,
    F_CERT_LEN,
    F_CERT,
    F_CERT_CTX_LEN,
    F_CERT_CTX,
    F_OCSP_LEN,
    F_CURVE_TYPE,
    F_NAMED_CURVE,
    F_SERVER_POINT_LEN,
    F_SERVER_POINT,
    F_CLIENT_POINT_LEN,
    F_CLIENT_POINT,
    F_P_LEN,
    F_P,
    F_G_LEN,
    F_G,
    F_YS_LEN,
    F_YS,
    F_YC_LEN,
    F_YC,
    F_EPMS_LEN,
    F_EPMS,
    F_MODULUS_LEN,
    F_MODULUS,
    F_EXPONENT_LEN,
    F_EXPONENT,
    F_HINT_LEN,
    F_HINT,
    F_IDENTITY_LEN,
    F_IDENTITY,
    F_SCTS_LEN,
    F_SCT_LEN,
    F_SCT_VERSION,
    F_SCT_LOGID,
    F_SCT_TIMESTAMP,
    F_SCT_EXTS_LEN,
    F_SCT_EXTS,
    F_SCT_SIG_LEN,
    F_SCT_SIG,
    F_SIG_LEN,
    F_SIG,
    F_CERT_TYPES_COUNT,
    F_CERT_TYPES,
    F_CERT_TYPE,
    F_DNAMES_LEN,
    F_DNAMES,
    F_DNAME_LEN,
    F_DNAME,
    F_TICKET_LIFETIME,
    F_TICKET_AGE_ADD,
    F_TICKET_NONCE_LEN,
    F_TICKET_NONCE,
    F_TICKET_LEN,
    F_TICKET,
    F_VERIFY_DATA,
    F_CV_SIG_LEN,
    F_CV_SIG,
    F_HB,
    F_HB_TYPE,
    F_HB_PAYLOAD_LEN,
    F_HB_PAYLOAD,
    F_HB_PADDING,
    F_V2_CIPHER_SPEC_LEN,
    F_V2_SID_LEN,
    F_V2_CHALLENGE_LEN,
    F_V2_CIPHER_SPEC,
    F_V2_CHALLENGE,
    F_V2_HS_TYPE,
    F_CC_ALGS_LEN,
    F_CC_ALG,
    F_NPN_STR_LEN,
    F_NPN_STR,
    F_ALPS_LEN,
    F_ALPS_LIST,
    F_ALPS_STR_LEN,
    F_ALPS_STR,
    F_ALPS_SETTINGS,
    F_JA3_FULL,
    F_JA3,
    F_JA3S_FULL,
    F_JA3S,
    F_JA4,
    F_JA4_R,
    F_HS_FRAG_COUNT,
    F_HS_FRAGMENT,
    F_HS_FRAGMENTS,
    F_CID_LEN,
    F_CID,
    F_COUNT
};

/* A handshake message that continues in a later record of the same direction (tshark's
 * client/server_hs_reassembly_id): its bytes so far and the fragments they came in. */
struct hs_frag {
    uint32_t frame, len;
};
struct hs_pend {
    uint8_t *buf; /* NULL once given up (memory caps): the message is followed, never completed */
    struct hs_frag *frags;
    uint32_t len; /* bytes of the message seen so far */
    uint32_t cap, nfrags, capfrags;
    uint8_t hdr[4]; /* its first bytes (type, length), kept even when given up */
    bool active;
};

struct tls_session {
    struct hs_pend hs[2]; /* [from_server] */
    uint16_t version;     /* 0 = unknown */
    uint8_t draft;        /* TLS 1.3 draft number (0x7fNN), 0 for the RFC */
    uint16_t cipher;
    uint8_t server_dir; /* tw_conv_key direction of packets from the server + 1; 0 unknown */
    bool resumed;
    uint8_t client_sid_len;
    uint8_t client_sid[32];
    uint64_t client_ccs_frame, server_ccs_frame;
    const char *app; /* application protocol the server's ALPN chose, NULL if none */
    /* decryption (tls_decrypt.c): the hellos' randoms, encrypt-then-MAC, the keys */
    uint8_t client_random[32], server_random[32];
    bool have_cr, have_sr, etm;
    struct tls_dec *dec; /* NULL until a record may be decrypted */
    /* decrypted application data the protocol above asked more for (tshark's TLS
     * desegmentation of application data), per direction [from_server] */
    struct {
        uint8_t *buf;
        uint32_t len, cap;
        struct hs_frag *frags; /* the frames its bytes came in */
        uint32_t nfrags, capfrags;
    } app_pend[2];
};

/* the experts both register, in this order */
enum { E_RESUMED, E_VECTOR_LEN, E_COUNT };

/* which protocol a shared dissector works for: its field ids and what differs */
struct tls_variant {
    struct tw_proto_ids *ids;        /* fields in the order of the F_* enum */
    const char *name;                /* "TLS" or "DTLS": record labels without a known version */
    bool dtls;                       /* ClientHello cookie, DTLS extensions */
    uint16_t cookie_len_f, cookie_f; /* field indices (from ids->base) of dtls.handshake.cookie* */
    uint16_t srtp_f; /* first of the dtls.use_srtp.* fields (profiles length, profile,
                        MKI length, MKI), 0 for none */
};

struct tls_ctx {
    struct tw_pkt *p;
    const struct tls_variant *v;
    struct tls_session *s; /* may be NULL (state table full) */
    struct tls_session scratch;
    bool from_server;
    bool early13; /* a ClientHello of this packet offered early data (session now TLS 1.3) */
    bool info_any;
    bool cut;       /* a record's body is not all in the capture: the dissection ends there */
    bool v2;        /* an SSLv2 record was dissected: the Protocol column stays "SSLv2" */
    bool decrypted; /* the handshake being dissected is decrypted plaintext */
    /* decrypted application data for the protocol above, and the Info length after the last */
    struct tw_cur app[8];
    bool app_dir[8]; /* from_server */
    uint32_t napp;
    size_t info_mark;
    uint64_t frame;
};

/* a handshake message's body, [off, end), of type `type` whose header starts at hs_off and spans
 * hs_len bytes with it (the JA3/JA3S items cover that span) */
void tls_hs_body(struct tls_ctx *x, const struct tw_cur *c, uint8_t type, uint32_t off,
                 uint32_t end, uint32_t hs_off, uint32_t hs_len);
/* tshark's ssl_is_valid_handshake_type: a HandshakeType tshark names */
bool tls_valid_hs_type(uint8_t t);

#endif
