/* Datagram Transport Layer Security (DTLS 1.0 and 1.2: RFC 4347, 6347) over UDP, as tshark 4.0
 * shows it.
 *
 *   record:     ContentType (1) | ProtocolVersion (2) | uint16 epoch | uint48 sequence_number |
 *               uint16 length | fragment
 *   handshake:  HandshakeType (1) | uint24 length | uint16 message_seq | uint24 fragment_offset |
 *               uint24 fragment_length | body fragment
 *
 * A datagram holds one or more records, a record one or more handshake messages or fragments of
 * one. Fragments of a message are reassembled by message_seq (and direction) as tshark's
 * fragment_add does, and the message is shown in the datagram whose fragment ends it. The
 * handshake bodies and extensions are tls.c's (tls_hs_body), under the dtls.* names of
 * tls_fields.inc. Nothing is decrypted.
 */
#include <stdio.h>
#include <string.h>

#include "tls.h"
#include "tls_vals.h"
#include "udp_ports.h"

static struct tw_proto_ids ids;
#define HF(f) ((uint16_t)(ids.base + (f)))
#define EX(e) ((uint16_t)(ids.expert_base + (e)))

enum {
    DF_EPOCH = F_COUNT,
    DF_SEQ,
    DF_SPECIAL_TYPE,
    DF_CID,
    DF_ENC_CONTENT,
    DF_MSG_SEQ,
    DF_FRAG_OFF,
    DF_FRAG_LEN,
    DF_COOKIE_LEN,
    DF_COOKIE,
    DF_FRAGMENTS,
    DF_FRAGMENT,
    DF_FRAG_OVERLAP,
    DF_FRAG_CONFLICT,
    DF_FRAG_MULTI_TAILS,
    DF_FRAG_TOO_LONG,
    DF_FRAG_ERROR,
    DF_FRAG_COUNT,
    DF_REASSEMBLED_IN,
    DF_REASSEMBLED_LEN,
    DF_SRTP_PROFILES_LEN,
    DF_SRTP_PROFILE,
    DF_SRTP_MKI_LEN,
    DF_SRTP_MKI,
    DF_COUNT
};

/* SRTPProtectionProfile (RFC 5764, 7714) */
static const struct tw_vs srtp_profile_vals[] = {{0x0001, "SRTP_AES128_CM_HMAC_SHA1_80"},
                                                 {0x0002, "SRTP_AES128_CM_HMAC_SHA1_32"},
                                                 {0x0005, "SRTP_NULL_HMAC_SHA1_80"},
                                                 {0x0006, "SRTP_NULL_SHA1_32"},
                                                 {0x0007, "SRTP_AEAD_AES_128_GCM"},
                                                 {0x0008, "SRTP_AEAD_AES_256_GCM"},
                                                 {0, NULL}};

#define F0 0, NULL, NULL, NULL
static const struct tw_field_def fields[DF_COUNT] = {
#define TLS_P "dtls."
#include "tls_fields.inc"
#undef TLS_P
    [DF_EPOCH] = {"dtls.record.epoch", "Epoch", TW_FT_UINT16, TW_BASE_DEC},
    [DF_SEQ] = {"dtls.record.sequence_number", "Sequence Number", TW_FT_UINT64, TW_BASE_DEC},
    [DF_SPECIAL_TYPE] = {"dtls.record.special_type", "Special Type", TW_FT_UINT8, TW_BASE_DEC, 0,
                         tls_content_type_vals, NULL, NULL,
                         "Always set to value 25, actual content type is known after decryption"},
    [DF_CID] = {"dtls.record.connection_id", "Connection ID", TW_FT_BYTES},
    [DF_ENC_CONTENT] = {"dtls.enc_content", "Encrypted Record Content", TW_FT_BYTES, TW_BASE_NONE,
                        F0, "Encrypted record data"},
    [DF_MSG_SEQ] = {"dtls.handshake.message_seq", "Message Sequence", TW_FT_UINT16, TW_BASE_DEC, F0,
                    "Message sequence of handshake message"},
    [DF_FRAG_OFF] = {"dtls.handshake.fragment_offset", "Fragment Offset", TW_FT_UINT24, TW_BASE_DEC,
                     F0, "Fragment offset of handshake message"},
    [DF_FRAG_LEN] = {"dtls.handshake.fragment_length", "Fragment Length", TW_FT_UINT24, TW_BASE_DEC,
                     F0, "Fragment length of handshake message"},
    [DF_COOKIE_LEN] = {"dtls.handshake.cookie_length", "Cookie Length", TW_FT_UINT8, TW_BASE_DEC,
                       F0, "Length of the cookie field"},
    [DF_COOKIE] = {"dtls.handshake.cookie", "Cookie", TW_FT_BYTES},
    [DF_FRAGMENTS] = {"dtls.fragments", "Message fragments", TW_FT_NONE},
    [DF_FRAGMENT] = {"dtls.fragment", "Message fragment", TW_FT_FRAMENUM},
    [DF_FRAG_OVERLAP] = {"dtls.fragment.overlap", "Message fragment overlap", TW_FT_BOOLEAN},
    [DF_FRAG_CONFLICT] = {"dtls.fragment.overlap.conflicts",
                          "Message fragment overlapping with conflicting data", TW_FT_BOOLEAN},
    [DF_FRAG_MULTI_TAILS] = {"dtls.fragment.multiple_tails", "Message has multiple tail fragments",
                             TW_FT_BOOLEAN},
    [DF_FRAG_TOO_LONG] = {"dtls.fragment.too_long_fragment", "Message fragment too long",
                          TW_FT_BOOLEAN},
    [DF_FRAG_ERROR] = {"dtls.fragment.error", "Message defragmentation error", TW_FT_FRAMENUM},
    [DF_FRAG_COUNT] = {"dtls.fragment.count", "Message fragment count", TW_FT_UINT32, TW_BASE_DEC},
    [DF_REASSEMBLED_IN] = {"dtls.reassembled.in", "Reassembled in", TW_FT_FRAMENUM},
    [DF_REASSEMBLED_LEN] = {"dtls.reassembled.length", "Reassembled DTLS length", TW_FT_UINT32,
                            TW_BASE_DEC},
    [DF_SRTP_PROFILES_LEN] = {"dtls.use_srtp.protection_profiles_length",
                              "SRTP Protection Profiles Length", TW_FT_UINT16, TW_BASE_DEC},
    [DF_SRTP_PROFILE] = {"dtls.use_srtp.protection_profile", "SRTP Protection Profile",
                         TW_FT_UINT16, TW_BASE_HEX, 0, srtp_profile_vals},
    [DF_SRTP_MKI_LEN] = {"dtls.use_srtp.mki_length", "MKI Length", TW_FT_UINT8, TW_BASE_DEC},
    [DF_SRTP_MKI] = {"dtls.use_srtp.mki", "MKI", TW_FT_BYTES},
};

enum { DE_FRAG_TOO_LONG = E_COUNT, DE_FRAG_PAST_END, DE_FRAG_ZERO, DE_MSG_LEN_DIFF, DE_COUNT };
static const struct tw_expert_def experts[DE_COUNT] = {
    [E_RESUMED] = {"dtls.resumed", "decoder.dtls.resumed", TW_SEV_NOTE, TW_GRP_SEQUENCE,
                   "This session reuses previously negotiated keys (Session resumption)"},
    [E_VECTOR_LEN] = {"dtls.malformed.vector_length", "decoder.dtls.vector_length", TW_SEV_ERROR,
                      TW_GRP_MALFORMED, "Variable vector length is outside the permitted range"},
    [DE_FRAG_TOO_LONG] = {"dtls.handshake.fragment_length.too_long",
                          "decoder.dtls.fragment_too_long", TW_SEV_ERROR, TW_GRP_PROTOCOL,
                          "Fragment length is larger than message length"},
    [DE_FRAG_PAST_END] = {"dtls.handshake.fragment_past_end_msg", "decoder.dtls.fragment_past_end",
                          TW_SEV_ERROR, TW_GRP_PROTOCOL,
                          "Fragment runs past the end of the message"},
    [DE_FRAG_ZERO] = {"dtls.handshake.fragment_length.zero", "decoder.dtls.fragment_zero",
                      TW_SEV_WARN, TW_GRP_PROTOCOL,
                      "Zero-length fragment length for fragmented message"},
    [DE_MSG_LEN_DIFF] = {"dtls.msg_len_diff_fragment", "decoder.dtls.msg_len_diff", TW_SEV_ERROR,
                         TW_GRP_PROTOCOL, "Message length differs from value in earlier fragment"},
};

static const struct tls_variant variant = {.ids = &ids,
                                           .name = "DTLS",
                                           .dtls = true,
                                           .cookie_len_f = DF_COOKIE_LEN,
                                           .cookie_f = DF_COOKIE,
                                           .srtp_f = DF_SRTP_PROFILES_LEN};

/* the short names tshark gives the versions (ssl_version_short_names): Protocol column and
 * record labels */
static const struct tw_vs version_short[] = {{0xfeff, "DTLSv1.0"},
                                             {0xfefd, "DTLSv1.2"},
                                             {0x0100, "DTLS 1.0 (OpenSSL pre 0.9.8f)"},
                                             {0, NULL}};

/* the application protocol tshark's dtls.port table names for a port */
static const struct tw_vs app_protos[] = {{853, "Domain Name System"},
                                          {5684, "Constrained Application Protocol"},
                                          {5868, "Diameter Protocol"},
                                          {0, NULL}};

#define SESSIONS_MAX 65536
static struct tw_state *sess_tab;
static struct tw_reasm reasm;

static void dtls_init(void)
{
    sess_tab = tw_state_open("dtls.sessions", sizeof(struct tls_session), SESSIONS_MAX, NULL);
    tw_reasm_open(&reasm, "dtls.reassembly", 4096, 1u << 24, 4096, (uint64_t)64 << 20);
}

static inline uint32_t be16(const uint8_t *b)
{
    return (uint32_t)b[0] << 8 | b[1];
}
static inline uint32_t be24(const uint8_t *b)
{
    return (uint32_t)b[0] << 16 | be16(b + 1);
}

static bool have(const struct tw_cur *c, uint32_t off, uint32_t n, uint32_t end)
{
    if ((uint64_t)off + n > end) return false;
    return (uint64_t)off + n <= c->cap && (uint64_t)off + n <= c->end;
}

static const char *vname(uint16_t v)
{
    const char *n = tw_vs_find(version_short, v);
    return n ? n : "DTLS";
}

static bool dtls_version(uint16_t v)
{
    return v == 0xfeff || v == 0xfefd || v == 0x0100;
}

static bool valid_ct(uint8_t ct)
{
    return ct >= 20 && ct <= 25;
}

/* tshark's looks_like_dtls: a valid content type and a DTLS version */
static bool looks_like_dtls(const uint8_t *b)
{
    return valid_ct(b[0]) && dtls_version((uint16_t)be16(b + 1));
}

/* ssl_try_set_version for DTLS: a record other than a handshake, or a handshake message other
 * than ClientHello, tells the version */
static void try_set_version(struct tls_session *s, uint8_t ct, uint8_t hs_type, uint16_t v)
{
    bool auth =
        (ct == 22 && tls_valid_hs_type(hs_type) && hs_type != 1) || (ct != 22 && valid_ct(ct));
    if (auth && dtls_version(v)) s->version = v;
}

static void info_sep(struct tls_ctx *x, const char *s)
{
    if (x->p->info.len) tw_info_add(x->p, ", ");
    tw_info_add(x->p, s);
}

static int32_t add_u(struct tls_ctx *x, int f, const struct tw_cur *c, uint32_t off, uint32_t len)
{
    uint64_t v = 0;
    for (uint32_t i = 0; i < len; i++) v = v << 8 | c->data[off + i];
    return tw_add_uint(x->p, HF(f), off, len, v);
}

static int32_t add_none(struct tls_ctx *x, int f, uint32_t off, uint32_t len)
{
    return tw_want(x->p, HF(f)) ? tw_add_rec(x->p, HF(f), off, len) : -1;
}

/* HelloVerifyRequest: server_version, cookie<0..32> */
static void hello_verify(struct tls_ctx *x, const struct tw_cur *c, uint32_t off, uint32_t end)
{
    if (!have(c, off, 3, end)) return;
    add_u(x, F_HS_VERSION, c, off, 2);
    uint32_t n = c->data[off + 2];
    int32_t r = add_u(x, DF_COOKIE_LEN, c, off + 2, 1);
    if (n > 32 || off + 3 + n > end) {
        tw_tree_push(x->p, r);
        tw_expert(x->p, EX(E_VECTOR_LEN), off + 2, 1,
                  n > 32 ? "Vector length %u is too large, truncating it to %u"
                         : "Vector length %u is too large, truncating it to %u",
                  n, n > 32 ? 32 : end - off - 3);
        tw_tree_pop(x->p);
        return;
    }
    if (n && have(c, off + 3, n, end)) tw_add_bytes(x->p, HF(DF_COOKIE), c, off + 3, n);
}

/* one message's body: [b, e) of `c` */
static void hs_body(struct tls_ctx *x, const struct tw_cur *c, uint8_t type, uint32_t hs_off,
                    uint32_t b, uint32_t e)
{
    switch (type) {
    case 2:
        if (have(c, b, 2, e)) try_set_version(x->s, 22, 2, (uint16_t)be16(c->data + b));
        tls_hs_body(x, c, type, b, e, hs_off, e - hs_off);
        break;
    case 3:
        hello_verify(x, c, b, e);
        break;
    case 14:
        x->s->resumed = false;
        break;
    default:
        tls_hs_body(x, c, type, b, e, hs_off, e - hs_off);
        break;
    }
}

/* tshark's dissect_dtls_handshake over a record body [off, end) that is not decrypted */
static void handshake(struct tls_ctx *x, const struct tw_cur *c, int32_t rec, uint32_t off,
                      uint32_t end, int dir)
{
    struct tw_pkt *p = x->p;
    bool first = true;
    for (; off < end; first = false) {
        uint32_t hs_off = off;
        int32_t hr = add_none(x, F_HS, off, c->end - off);
        if (!have(c, off, 12, c->end)) {
            x->cut = true;
            return;
        }
        const uint8_t *h = c->data + off;
        uint8_t type = h[0];
        uint32_t len = be24(h + 1), seq = be16(h + 4), fo = be24(h + 6), fl = be24(h + 9);
        const char *name = NULL;
        if (off + fl <= end) name = tw_vs_find(tls_hs_type_vals, type);
        if (!name && !first) return;
        if (!name) {
            info_sep(x, "Encrypted Handshake Message");
            return;
        }
        info_sep(x, name);
        tw_tree_push(p, hr);
        tw_add_uint(p, HF(F_HS_TYPE), off, 1, type);
        int32_t lr = tw_add_uint(p, HF(F_HS_LENGTH), off + 1, 3, len);
        tw_add_uint(p, HF(DF_MSG_SEQ), off + 4, 2, seq);
        tw_add_uint(p, HF(DF_FRAG_OFF), off + 6, 3, fo);
        int32_t fr = tw_add_uint(p, HF(DF_FRAG_LEN), off + 9, 3, fl);
        tw_tree_pop(p);
        tw_rec_setlen(p, hr, fl + 12);
        off += 12;
        bool fragmented = false, done = false;
        const char *frag = "";
        struct tw_reasm_result res;
        if (fl + fo > len) {
            tw_tree_push(p, hr);
            if (fo == 0) {
                tw_expert(p, EX(DE_FRAG_TOO_LONG), hs_off + 9, 3, NULL);
            } else {
                fragmented = true;
                tw_expert(p, EX(DE_FRAG_PAST_END), hs_off + 9, 3, NULL);
            }
            tw_tree_pop(p);
            (void)fr;
        } else if (fo > 0 && fl == 0) {
            tw_tree_push(p, hr);
            tw_expert(p, EX(DE_FRAG_ZERO), hs_off + 9, 3, NULL);
            tw_tree_pop(p);
            off += fl;
            continue;
        } else if (fl < len) {
            fragmented = true;
            if (!have(c, off, fl, c->end)) {
                x->cut = true;
                return;
            }
            uint8_t key[TW_STATE_KEY_MAX + 8];
            int d = 0;
            size_t kl = tw_conv_key(p, p->ctx.srcport, p->ctx.dstport, key, &d);
            key[kl++] = (uint8_t)dir;
            key[kl++] = (uint8_t)(seq >> 8);
            key[kl++] = (uint8_t)seq;
            key[kl++] = (uint8_t)(len >> 16);
            key[kl++] = (uint8_t)(len >> 8);
            key[kl++] = (uint8_t)len;
            bool last = fo + fl == len;
            if (!p->ctx.in_error_pkt &&
                tw_reasm_add(&reasm, p, key, kl, fo, c->data + off, fl, !last, &res) && last)
                done = true;
            frag = done ? " (Reassembled)" : " (Fragment)";
            tw_info_add(p, frag);
            (void)lr;
        }
        const char *ctn = "Handshake";
        tw_rec_label(p, rec, "%s Record Layer: %s Protocol: %s%s", vname(x->s->version), ctn,
                     first ? name : "Multiple Handshake Messages", frag);
        tw_rec_label(p, hr, "Handshake Protocol: %s%s", name, frag);
        if (fragmented && !done) {
            off += fl;
            continue;
        }
        if (type == 1 || type == 2) x->s->resumed = false; /* a new handshake */
        if (done) {
            struct tw_cur rc = tw_new_source(p, res.data, res.len, "Reassembled DTLS");
            uint8_t saved = p->cur_src;
            tw_use_source(p, res.data);
            tw_tree_push(p, hr);
            hs_body(x, &rc, type, 0, 0, res.len);
            tw_tree_pop(p);
            p->cur_src = saved;
            const struct tw_reasm_fields rf = {.fragments = HF(DF_FRAGMENTS),
                                               .fragment = HF(DF_FRAGMENT),
                                               .error = HF(DF_FRAG_ERROR),
                                               .overlap = HF(DF_FRAG_OVERLAP),
                                               .conflict = HF(DF_FRAG_CONFLICT),
                                               .multiple_tails = HF(DF_FRAG_MULTI_TAILS),
                                               .too_long = HF(DF_FRAG_TOO_LONG),
                                               .count = HF(DF_FRAG_COUNT),
                                               .length = HF(DF_REASSEMBLED_LEN),
                                               .one = "Message fragment",
                                               .many = "Message fragments"};
            tw_reasm_tree(p, &res, &rf);
        } else {
            uint32_t be = off + TW_MIN(len, fl);
            tw_tree_push(p, hr);
            hs_body(x, c, type, hs_off, off, be);
            tw_tree_pop(p);
            /* tshark's reads of a body the capture cut end the dissection there */
            if (be > off && !have(c, off, be - off, c->end)) {
                x->cut = true;
                return;
            }
        }
        off += fl;
    }
}

static void alert(struct tls_ctx *x, const struct tw_cur *c, int32_t rec, uint32_t off,
                  uint32_t end)
{
    struct tw_pkt *p = x->p;
    int32_t r = add_none(x, F_ALERT, off, 2);
    if (!have(c, off, 2, c->end)) {
        x->cut = true;
        return;
    }
    (void)end;
    const char *lv = tw_vs_find(tls_alert_level_vals, c->data[off]);
    const char *ds = tw_vs_find(tls_alert_desc_vals, c->data[off + 1]);
    if (lv && ds) {
        char buf[160];
        snprintf(buf, sizeof buf, "Alert (Level: %s, Description: %s)", lv, ds);
        info_sep(x, buf);
        tw_rec_label(p, rec, "%s Record Layer: %s", vname(x->s->version), buf);
        tw_tree_push(p, r);
        add_u(x, F_ALERT_LEVEL, c, off, 1);
        add_u(x, F_ALERT_DESC, c, off + 1, 1);
        tw_tree_pop(p);
    } else {
        info_sep(x, "Encrypted Alert");
        tw_rec_label(p, rec, "%s Record Layer: Encrypted Alert", vname(x->s->version));
        tw_rec_label(p, r, "Alert Message: Encrypted Alert");
    }
}

static void heartbeat(struct tls_ctx *x, const struct tw_cur *c, int32_t rec, uint32_t off,
                      uint32_t rlen)
{
    struct tw_pkt *p = x->p;
    int32_t r = add_none(x, F_HB, off, rlen >= 32 ? rlen - 32 : 0);
    if (!have(c, off, 3, c->end)) {
        x->cut = true;
        return;
    }
    uint8_t type = c->data[off];
    uint32_t pl = be16(c->data + off + 1);
    const char *tn = tw_vs_find(tls_hb_type_vals, type);
    bool fits = rlen >= 19 && pl <= rlen - 19;
    if (tn && fits) {
        char buf[64];
        snprintf(buf, sizeof buf, "Heartbeat %s", tn);
        info_sep(x, buf);
        tw_rec_label(p, rec, "%s Record Layer: %s", vname(x->s->version), buf);
        tw_tree_push(p, r);
        add_u(x, F_HB_TYPE, c, off, 1);
        add_u(x, F_HB_PAYLOAD_LEN, c, off + 1, 2);
        uint32_t padl = rlen - 3 - pl;
        if (have(c, off + 3, pl, c->end)) {
            int32_t pr = tw_add_bytes(p, HF(F_HB_PAYLOAD), c, off + 3, pl);
            tw_rec_label(p, pr, "Payload (%u byte%s)", pl, pl == 1 ? "" : "s");
        }
        if (have(c, off + 3 + pl, padl, c->end)) {
            int32_t dr = tw_add_bytes(p, HF(F_HB_PADDING), c, off + 3 + pl, padl);
            tw_rec_label(p, dr, "Padding and HMAC (%u byte%s)", padl, padl == 1 ? "" : "s");
        }
        tw_tree_pop(p);
    } else {
        info_sep(x, "Encrypted Heartbeat");
        tw_rec_label(p, rec, "%s Record Layer: Encrypted Heartbeat", vname(x->s->version));
        tw_rec_label(p, r, "Encrypted Heartbeat Message");
    }
}

/* one record at off (13 header bytes known readable); returns the offset after it */
static uint32_t record(struct tls_ctx *x, const struct tw_cur *c, uint32_t off, int dir)
{
    struct tw_pkt *p = x->p;
    struct tls_session *s = x->s;
    const uint8_t *h = c->data + off;
    uint8_t ct = h[0];
    uint32_t rlen = be16(h + 11);
    if (!valid_ct(ct)) {
        info_sep(x, "Continuation Data");
        tw_col_proto(p, "DTLS");
        return off + 13 + rlen;
    }
    int32_t rec = add_none(x, F_RECORD, off, 13 + rlen);
    tw_tree_push(p, rec);
    if (ct == 25)
        add_u(x, DF_SPECIAL_TYPE, c, off, 1);
    else
        add_u(x, F_CT, c, off, 1);
    add_u(x, F_REC_VERSION, c, off + 1, 2);
    add_u(x, DF_EPOCH, c, off + 3, 2);
    add_u(x, DF_SEQ, c, off + 5, 6);
    add_u(x, F_REC_LENGTH, c, off + 11, 2);
    uint32_t b = off + 13, e = b + rlen;
    if (!have(c, b, 1, c->end)) {
        /* tshark reads the byte after the header to guess the version */
        x->cut = true;
        tw_tree_pop(p);
        return e;
    }
    if (s->version == 0) try_set_version(s, ct, c->data[b], (uint16_t)be16(h + 1));
    tw_col_proto(p, vname(s->version));
    const char *ctn = tw_vs_find(tls_content_type_vals, ct);
    switch (ct) {
    case 20: {
        info_sep(x, "Change Cipher Spec");
        tw_rec_label(p, rec, "%s Record Layer: Change Cipher Spec Protocol: Change Cipher Spec",
                     vname(s->version));
        int32_t r = add_none(x, F_CCS, b, rlen);
        if (s->resumed) {
            tw_tree_push(p, r);
            tw_expert(p, EX(E_RESUMED), b, rlen, NULL);
            tw_tree_pop(p);
        }
        if (x->from_server) s->resumed = false;
        break;
    }
    case 21:
        alert(x, c, rec, b, e);
        break;
    case 22:
        handshake(x, c, rec, b, e, dir);
        break;
    case 23: {
        info_sep(x, "Application Data");
        const char *app = tw_vs_find(app_protos, p->ctx.srcport);
        if (!app) app = tw_vs_find(app_protos, p->ctx.dstport);
        tw_rec_label(p, rec, "%s Record Layer: %s Protocol: %s", vname(s->version), ctn,
                     app ? app : "Application Data");
        if (have(c, b, rlen, c->end) || rlen == 0)
            tw_add_bytes(p, HF(F_APP_DATA), c, b, rlen);
        else
            x->cut = true;
        if (app) {
            int32_t r = tw_add_strf(p, HF(F_APP_PROTO), 0, 0, "%s", app);
            tw_rec_flags(p, r, TW_RF_GENERATED);
        }
        break;
    }
    case 24:
        heartbeat(x, c, rec, b, rlen);
        break;
    case 25:
        /* a Connection ID record with the default CID length of 0: nothing to decrypt it */
        tw_rec_label(p, rec, "%s Record Layer: Connection ID", vname(s->version));
        info_sep(x, "Connection ID");
        if (have(c, b, rlen, c->end))
            tw_add_bytes(p, HF(DF_ENC_CONTENT), c, b, rlen);
        else
            x->cut = true;
        break;
    default:
        break;
    }
    tw_tree_pop(p);
    return e;
}

static enum tw_status dissect_dtls(struct tw_pkt *p, struct tw_cur *c)
{
    struct tls_ctx x = {.p = p, .v = &variant};
    uint8_t key[TW_STATE_KEY_MAX];
    int dir = 0;
    x.s = NULL;
    if (sess_tab && !p->ctx.in_error_pkt) {
        size_t kl = tw_conv_key(p, p->ctx.srcport, p->ctx.dstport, key, &dir);
        x.s = tw_state_put(sess_tab, key, kl, NULL);
    }
    if (!x.s) {
        memset(&x.scratch, 0, sizeof x.scratch);
        x.s = &x.scratch;
    }
    x.frame = p->frame ? p->frame->recno : 0;
    /* tshark's dtls_associations: the side on a DTLS port is the server */
    x.from_server = tw_vs_find(app_protos, p->ctx.srcport) != NULL;
    tw_col_proto(p, "DTLS");
    tw_info_clear(p);
    uint32_t off = c->off, end = c->end;
    while (off < end && !x.cut) {
        if (end - off < 13) return TW_MALFORMED;
        if (!have(c, off, 13, end)) return TW_TRUNCATED;
        if (x.s->version == 0 && !looks_like_dtls(c->data + off)) {
            info_sep(&x, "Continuation Data");
            tw_col_proto(p, "DTLS");
            break;
        }
        uint32_t next = record(&x, c, off, dir);
        if (next <= off) break;
        off = next;
    }
    /* the version a ServerHello negotiated names the frame */
    if (x.s->version) tw_col_proto(p, vname(x.s->version));
    tw_info_fence(p);
    c->off = c->end;
    if (x.cut) return TW_TRUNCATED;
    if (off > end) return TW_MALFORMED;
    return TW_OK;
}

/* tshark's dissect_dtls_heur on UDP: DTLS-looking records that end exactly at the end of the
 * datagram (when it was captured whole), or, for a datagram the capture cut, records that look
 * like DTLS as far as they can be followed */
static bool heur_dtls(struct tw_pkt *p, const struct tw_cur *c)
{
    if (tw_udp_port_taken(p->ctx.srcport) || tw_udp_port_taken(p->ctx.dstport)) return false;
    uint32_t len = tw_cur_left(c), caplen = tw_cur_avail(c);
    const uint8_t *d = c->data + c->off;
    uint32_t off = 0;
    if (caplen >= len) {
        while (off + 13 <= len && looks_like_dtls(d + off)) {
            off += be16(d + off + 11) + 13;
            if (off == len) return true;
        }
        return false;
    }
    if (caplen < 13) return false; /* tshark 4.0 shows such a stub as UDP (measured) */
    while (caplen - TW_MIN(caplen, off) >= 3) {
        if (!looks_like_dtls(d + off)) return false;
        off += 3;
        if (caplen - off >= 10)
            off += be16(d + off + 8) + 10;
        else
            return true;
        if (off == caplen) return true;
    }
    return caplen >= 3 && off <= len;
}

static const struct tw_binding bindings[] = {{TW_TBL_UDP_PORT, 853},
                                             {TW_TBL_UDP_PORT, 2221},
                                             {TW_TBL_UDP_PORT, 5684},
                                             {TW_TBL_UDP_PORT, 5868}};

const struct tw_proto tw_proto_dtls = {
    .abbrev = "dtls",
    .name = "Datagram Transport Layer Security",
    .short_name = "DTLS",
    .fields = fields,
    .nfields = DF_COUNT,
    .experts = experts,
    .nexperts = DE_COUNT,
    .bindings = bindings,
    .nbindings = TW_ARRAY_LEN(bindings),
    .dissect = dissect_dtls,
    .init = dtls_init,
    .ids = &ids,
    .heur = heur_dtls,
    .heur_tables = {TW_TBL_UDP_PORT},
};
