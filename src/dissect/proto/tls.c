/* Transport Layer Security (SSL 3.0, TLS 1.0-1.3: RFC 6101, 2246, 4346, 5246, 8446) over TCP, and
 * the SSL 2.0-compatible ClientHello (RFC 5246 appendix E.2), as tshark 4.0 shows them.
 *
 *   record:     ContentType type (1) | ProtocolVersion (2) | uint16 length | fragment
 *   handshake:  HandshakeType (1) | uint24 length | body
 *
 * Several records per segment are walked in turn; a record that runs past the segment is asked
 * of TCP (tw_deseg_request) and dissected in the frame that completes it. Per conversation the
 * dissector remembers what tshark does: the negotiated version (which names the records and the
 * Protocol column), which side is the server, the frames of each side's ChangeCipherSpec (after
 * which handshake records are encrypted), the negotiated cipher suite (for ClientKeyExchange)
 * and whether the server resumed the session. Nothing is decrypted.
 *
 * JA3 and JA3S (tshark's tls.handshake.ja3*) are computed with MD5 from libcrypto; JA4
 * (FoxIO) is trawl's own addition (tls.handshake.ja4, ja4_r), absent in tshark 4.0.
 */
#include "../dissect.h"

#include <openssl/evp.h>
#include <openssl/sha.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tls.h"
#include "tls_decrypt.h"
#include "tls_vals.h"
#include "../ber.h"
#include "x509.h"

static struct tw_proto_ids ids;
/* the field and expert ids of the protocol the context dissects (TLS or DTLS) */
#define HF(f) ((uint16_t)(x->v->ids->base + (f)))
#define EX(e) ((uint16_t)(x->v->ids->expert_base + (e)))
static const struct tls_variant tls_variant = {.ids = &ids, .name = "TLS"};

static const struct tw_vs version_short[] = {{0x0002, "SSLv2"},    {0x0300, "SSLv3"},
                                             {0x0301, "TLSv1"},    {0x0302, "TLSv1.1"},
                                             {0x0303, "TLSv1.2"},  {0x0304, "TLSv1.3"},
                                             {0xfeff, "DTLSv1.0"}, {0xfefd, "DTLSv1.2"},
                                             {0x0101, "GMTLSv1"},  {0, NULL}};

#define F0 0, NULL, NULL, NULL
/* TLS's own fields after the shared ones */
enum {
    TF_SEG_DATA = F_COUNT,
    TF_SEGMENTS,
    TF_SEGMENT,
    TF_SEG_COUNT,
    TF_REASM_LEN,
    TF_REASM_DATA,
    TF_V2_IS_ESCAPE,
    TF_V2_PADDING_LEN,
    TF_V2_SID_HIT,
    TF_V2_CERT_TYPE,
    TF_V2_CONN_ID_LEN,
    TF_V2_CONN_ID,
    TF_V2_CLEAR_KEY_LEN,
    TF_V2_ENC_KEY_LEN,
    TF_V2_KEY_ARG_LEN,
    TF_V2_CLEAR_KEY,
    TF_V2_ENC_KEY,
    TF_V2_KEY_ARG,
    TF_COUNT
};

static const struct tw_vs v2_cert_type_vals[] = {{1, "X.509 Certificate"}, {0, NULL}};

static const struct tw_field_def fields[TF_COUNT] = {
#define TLS_P "tls."
#include "tls_fields.inc"
#undef TLS_P
    [TF_SEG_DATA] = {"tls.segment.data", "TLS segment data", TW_FT_BYTES},
    [TF_SEGMENTS] = {"tls.segments", "Reassembled TLS segments", TW_FT_NONE},
    [TF_SEGMENT] = {"tls.segment", "TLS segment", TW_FT_FRAMENUM},
    [TF_SEG_COUNT] = {"tls.segment.count", "Segment count", TW_FT_UINT32, TW_BASE_DEC},
    [TF_REASM_LEN] = {"tls.reassembled.length", "Reassembled PDU length", TW_FT_UINT32,
                      TW_BASE_DEC},
    [TF_REASM_DATA] = {"tls.reassembled.data", "Reassembled PDU data", TW_FT_BYTES},
    [TF_V2_IS_ESCAPE] = {"tls.record.is_escape", "Is Escape", TW_FT_BOOLEAN},
    [TF_V2_PADDING_LEN] = {"tls.record.padding_length", "Padding Length", TW_FT_UINT8, TW_BASE_DEC},
    [TF_V2_SID_HIT] = {"tls.handshake.session_id_hit", "Session ID Hit", TW_FT_BOOLEAN},
    [TF_V2_CERT_TYPE] = {"tls.handshake.cert_type", "Certificate Type", TW_FT_UINT8, TW_BASE_DEC, 0,
                         v2_cert_type_vals},
    [TF_V2_CONN_ID_LEN] = {"tls.handshake.connection_id_length", "Connection ID Length",
                           TW_FT_UINT16, TW_BASE_DEC},
    [TF_V2_CONN_ID] = {"tls.handshake.connection_id", "Connection ID", TW_FT_NONE},
    [TF_V2_CLEAR_KEY_LEN] = {"tls.handshake.clear_key_length", "Clear Key Data Length",
                             TW_FT_UINT16, TW_BASE_DEC},
    [TF_V2_ENC_KEY_LEN] = {"tls.handshake.encrypted_key_length", "Encrypted Key Data Length",
                           TW_FT_UINT16, TW_BASE_DEC},
    [TF_V2_KEY_ARG_LEN] = {"tls.handshake.key_arg_length", "Key Argument Length", TW_FT_UINT16,
                           TW_BASE_DEC},
    [TF_V2_CLEAR_KEY] = {"tls.handshake.clear_key_data", "Clear Key Data", TW_FT_NONE},
    [TF_V2_ENC_KEY] = {"tls.handshake.encrypted_key", "Encrypted Key", TW_FT_NONE},
    [TF_V2_KEY_ARG] = {"tls.handshake.key_arg", "Key Argument", TW_FT_NONE},
};
#define TF(x) ((uint16_t)(ids.base + (x)))

static const struct tw_expert_def experts[E_COUNT] = {
    [E_RESUMED] = {"tls.resumed", "decoder.tls.resumed", TW_SEV_NOTE, TW_GRP_SEQUENCE,
                   "This session reuses previously negotiated keys (Session resumption)"},
    [E_VECTOR_LEN] = {"tls.malformed.vector_length", "decoder.tls.vector_length", TW_SEV_ERROR,
                      TW_GRP_MALFORMED, "Variable vector length is outside the permitted range"},
};

/* ---------------------------------------------------------------------------------------------
 * Per-conversation session
 * ------------------------------------------------------------------------------------------- */
#define SESSIONS_MAX 65536
static struct tw_state *sess_tab;

/* Bounds of handshake reassembly: a message is at most 4 + 2^24 - 1 bytes by its length field;
 * all messages being reassembled hold at most HS_HELD_MAX bytes together and at most
 * HS_FRAGS_MAX fragments each. A message over a cap is given up: its later fragments are still
 * recognised as such (so the records after it look as in tshark), it just never completes. */
#define HS_MSG_MAX   (4u + 0xffffffu)
#define HS_HELD_MAX  ((uint64_t)64 << 20)
#define HS_FRAGS_MAX (1u << 20)
static uint64_t hs_held;
static const char hs_note[] =
    "TLS handshake messages not reassembled (memory or fragment cap reached)";

static void hs_release(struct hs_pend *h)
{
    hs_held -= h->cap + (uint64_t)h->capfrags * sizeof *h->frags;
    free(h->buf);
    free(h->frags);
    h->buf = NULL;
    h->frags = NULL;
    h->cap = h->capfrags = h->nfrags = 0;
}

static void hs_end(struct hs_pend *h)
{
    hs_release(h);
    h->len = 0;
    h->active = false;
}

static void session_drop(void *v)
{
    struct tls_session *s = v;
    hs_end(&s->hs[0]);
    hs_end(&s->hs[1]);
    tls_dec_free(s->dec);
    s->dec = NULL;
    for (int i = 0; i < 2; i++) {
        free(s->app_pend[i].buf);
        free(s->app_pend[i].frags);
        s->app_pend[i].buf = NULL;
        s->app_pend[i].frags = NULL;
        s->app_pend[i].len = s->app_pend[i].cap = 0;
        s->app_pend[i].nfrags = s->app_pend[i].capfrags = 0;
    }
}

/* adds a fragment of n bytes; false (the message given up) when a cap says no */
static bool hs_grow(struct hs_pend *h, uint32_t need_bytes)
{
    if (h->nfrags == h->capfrags) {
        if (h->capfrags >= HS_FRAGS_MAX) return false;
        uint32_t nc = h->capfrags ? h->capfrags * 2 : 8;
        uint64_t more = (uint64_t)(nc - h->capfrags) * sizeof *h->frags;
        if (hs_held + more > HS_HELD_MAX) return false;
        struct hs_frag *f = realloc(h->frags, nc * sizeof *f);
        if (!f) return false;
        h->frags = f;
        h->capfrags = nc;
        hs_held += more;
    }
    if (need_bytes > h->cap) {
        uint32_t nc = h->cap ? h->cap : 1024;
        while (nc < need_bytes) nc = nc > HS_MSG_MAX / 2 ? HS_MSG_MAX : nc * 2;
        if (hs_held + (nc - h->cap) > HS_HELD_MAX) return false;
        uint8_t *b = realloc(h->buf, nc);
        if (!b) return false;
        hs_held += nc - h->cap;
        h->buf = b;
        h->cap = nc;
    }
    return true;
}

static void hs_add(struct hs_pend *h, uint32_t frame, const uint8_t *data, uint32_t n)
{
    for (uint32_t i = 0; h->len + i < 4 && i < n; i++) h->hdr[h->len + i] = data[i];
    if (h->len == 0 || h->buf) {
        if ((uint64_t)h->len + n > HS_MSG_MAX || !hs_grow(h, h->len + n)) {
            hs_release(h);
            tw_state_note(hs_note);
        } else {
            memcpy(h->buf + h->len, data, n);
            h->frags[h->nfrags++] = (struct hs_frag){frame, n};
        }
    }
    h->len += n;
    h->active = true;
}

static void tls_init(void)
{
    hs_held = 0;
    tls_dec_init();
    sess_tab =
        tw_state_open("tls.sessions", sizeof(struct tls_session), SESSIONS_MAX, session_drop);
}

/* TLS ports tshark 4.0 binds on TCP (tshark -G decodes, tcp.port ... tls) */
static const uint16_t tls_ports[] = {324,  443,  465,  636,  802,  853,   993,   995,
                                     1300, 2221, 2443, 3249, 3250, 3251,  3252,  3496,
                                     5061, 5671, 5684, 5868, 8883, 11207, 19999, 27017};
/* the application protocol tshark associates with a TLS port (tls.port in -G decodes) */
static const struct tw_vs app_protos[] = {{443, "Hypertext Transfer Protocol"},
                                          {465, "Simple Mail Transfer Protocol"},
                                          {993, "Internet Message Access Protocol"},
                                          {995, "Post Office Protocol"},
                                          {636, "Lightweight Directory Access Protocol"},
                                          {5061, "Session Initiation Protocol"},
                                          {853, "Domain Name System"},
                                          {8883, "MQ Telemetry Transport Protocol"},
                                          {5671, "Advanced Message Queuing Protocol"},
                                          /* STARTTLS: the protocol that upgraded */
                                          {25, "Simple Mail Transfer Protocol"},
                                          {587, "Simple Mail Transfer Protocol"},
                                          {110, "Post Office Protocol"},
                                          {143, "Internet Message Access Protocol"},
                                          {389, "Lightweight Directory Access Protocol"},
                                          {5222, "XMPP Protocol"},
                                          {0, NULL}};

static bool is_tls_port(uint16_t port)
{
    for (size_t i = 0; i < TW_ARRAY_LEN(tls_ports); i++)
        if (tls_ports[i] == port) return true;
    return false;
}

static void info_sep(struct tls_ctx *x, const char *s)
{
    /* col_append_sep_str: a separator when the column has anything (before the fence too) */
    if (x->p->info.len) tw_info_add(x->p, ", ");
    tw_info_add(x->p, s);
    x->info_any = true;
}

static const char *vname(uint16_t v, const char *dflt)
{
    const char *n = tw_vs_find(version_short, v);
    return n ? n : dflt;
}

static uint16_t try_get_version(uint16_t v)
{
    if (v >= 0x0300 && v <= 0x0304) return v;
    if (v == 0x0101) return v;
    if ((v & 0xff00) == 0x7f00 || v == 0xfb17 || v == 0xfb1a) return 0x0304;
    return 0;
}

static bool valid_ct(uint8_t ct)
{
    return ct >= 20 && ct <= 25;
}

static bool valid_hs_type(uint8_t t)
{
    return tw_vs_find(tls_hs_type_vals, t) != NULL;
}

bool tls_valid_hs_type(uint8_t t)
{
    return valid_hs_type(t);
}

/* TLS 1.2 or later, or DTLS 1.2 (signature algorithms in ServerKeyExchange and friends) */
static bool v12plus(uint16_t v)
{
    return v == 0x0303 || v == 0x0304 || v == 0xfefd;
}

/* tshark's ssl_try_set_version: a non-ClientHello handshake or any other valid record sets the
 * session version from the version it carries */
static void try_set_version(struct tls_session *s, uint8_t ct, uint8_t hs_type, uint16_t version)
{
    bool auth = (ct == 22 && valid_hs_type(hs_type) && hs_type != 1) || (ct != 22 && valid_ct(ct));
    if (!auth) return;
    uint16_t v = try_get_version(version);
    if (v) {
        s->version = v;
        s->draft = (version & 0xff00) == 0x7f00 ? (uint8_t)version
                   : version == 0xfb17          ? 23
                   : version == 0xfb1a          ? 26
                                                : 0;
    }
}

static bool is_grease(uint16_t v)
{
    return (v & 0x0f0f) == 0x0a0a && (v >> 8) == (v & 0xff);
}

/* ---------------------------------------------------------------------------------------------
 * Small helpers
 * ------------------------------------------------------------------------------------------- */
static inline uint32_t be16(const uint8_t *b)
{
    return (uint32_t)b[0] << 8 | b[1];
}
static inline uint32_t be24(const uint8_t *b)
{
    return (uint32_t)b[0] << 16 | be16(b + 1);
}

/* reads n bytes at c->off if readable within [.., end) without failing the cursor */
static bool have(const struct tw_cur *c, uint32_t off, uint32_t n, uint32_t end)
{
    if ((uint64_t)off + n > end) return false;
    return (uint64_t)off + n <= c->cap && (uint64_t)off + n <= c->end;
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

/* ---------------------------------------------------------------------------------------------
 * JA3 / JA4
 * ------------------------------------------------------------------------------------------- */
struct fp {
    uint16_t version; /* legacy_version */
    uint16_t ciphers[256];
    uint32_t nciphers;
    uint16_t exts[128];
    uint32_t nexts;
    uint16_t groups[128];
    uint32_t ngroups;
    uint8_t ecpf[32];
    uint32_t necpf;
    uint16_t sigalgs[128];
    uint32_t nsigalgs;
    uint16_t max_sv; /* highest supported_versions entry (not GREASE) */
    char sni_kind;   /* 'd' with SNI, 'i' without */
    char alpn[2];
    bool has_alpn;
};

static void md5_hex(const char *s, size_t n, char out[33])
{
    unsigned char d[EVP_MAX_MD_SIZE];
    unsigned int dl = 0;
    EVP_Digest(s, n, d, &dl, EVP_md5(), NULL);
    for (unsigned i = 0; i < 16; i++) snprintf(out + 2 * i, 3, "%02x", d[i]);
}

static void sha256_12(const char *s, size_t n, char out[13])
{
    unsigned char d[EVP_MAX_MD_SIZE];
    unsigned int dl = 0;
    EVP_Digest(s, n, d, &dl, EVP_sha256(), NULL);
    for (unsigned i = 0; i < 6; i++) snprintf(out + 2 * i, 3, "%02x", d[i]);
}

/* the buffer's text, NUL-terminated ("" if it overflowed) */
static const char *bstr(struct tw_buf *b)
{
    if (!tw_buf_addc(b, '\0') || !b->p) return "";
    b->len--;
    return b->p;
}

static void buf_list(struct tw_buf *b, const uint16_t *v, uint32_t n, bool skip_grease, bool hex,
                     const char *sep)
{
    bool first = true;
    for (uint32_t i = 0; i < n; i++) {
        if (skip_grease && is_grease(v[i])) continue;
        if (!first) tw_buf_adds(b, sep);
        if (hex)
            tw_buf_printf(b, "%04x", v[i]);
        else
            tw_buf_printf(b, "%u", v[i]);
        first = false;
    }
}

static int cmp_u16(const void *a, const void *b)
{
    return (int)*(const uint16_t *)a - (int)*(const uint16_t *)b;
}

static void ja3_client(struct tls_ctx *x, const struct fp *f, uint32_t off, uint32_t len)
{
    struct tw_pkt *p = x->p;
    bool want3 = tw_want(p, HF(F_JA3_FULL)) || tw_want(p, HF(F_JA3));
    bool want4 = tw_want(p, HF(F_JA4)) || tw_want(p, HF(F_JA4_R));
    if (!want3 && !want4) return;
    struct tw_buf b;
    tw_buf_init(&b, 65536);
    if (want3) {
        tw_buf_printf(&b, "%u,", f->version);
        buf_list(&b, f->ciphers, f->nciphers, true, false, "-");
        tw_buf_adds(&b, ",");
        buf_list(&b, f->exts, f->nexts, true, false, "-");
        tw_buf_adds(&b, ",");
        buf_list(&b, f->groups, f->ngroups, true, false, "-");
        tw_buf_adds(&b, ",");
        for (uint32_t i = 0; i < f->necpf; i++) tw_buf_printf(&b, i ? "-%u" : "%u", f->ecpf[i]);
        int32_t r = tw_add_strf(p, HF(F_JA3_FULL), off, len, "%s", bstr(&b));
        tw_rec_flags(p, r, TW_RF_GENERATED);
        char h[33];
        md5_hex(bstr(&b), b.len, h);
        r = tw_add_strf(p, HF(F_JA3), off, len, "%s", h);
        tw_rec_flags(p, r, TW_RF_GENERATED);
    }
    if (want4) {
        /* JA4 (FoxIO): t<ver><d|i><nn ciphers><nn exts><alpn>_<sha256/12 of sorted ciphers>_
         * <sha256/12 of sorted exts (no SNI, no ALPN)_sigalgs in order> */
        uint16_t v = f->max_sv ? f->max_sv : f->version;
        const char *vs = v == 0x0304   ? "13"
                         : v == 0x0303 ? "12"
                         : v == 0x0302 ? "11"
                         : v == 0x0301 ? "10"
                         : v == 0x0300 ? "s3"
                         : v == 0x0002 ? "s2"
                                       : "00";
        uint16_t cs[256], ex[128];
        uint32_t nc = 0, ne = 0, ne_all = 0;
        for (uint32_t i = 0; i < f->nciphers; i++)
            if (!is_grease(f->ciphers[i])) cs[nc++] = f->ciphers[i];
        for (uint32_t i = 0; i < f->nexts; i++) {
            if (is_grease(f->exts[i])) continue;
            ne_all++;
            if (f->exts[i] != 0 && f->exts[i] != 16) ex[ne++] = f->exts[i];
        }
        qsort(cs, nc, sizeof cs[0], cmp_u16);
        qsort(ex, ne, sizeof ex[0], cmp_u16);
        char a0 = '0', a1 = '0';
        if (f->has_alpn) a0 = f->alpn[0], a1 = f->alpn[1];
        struct tw_buf c1, c2;
        tw_buf_init(&c1, 65536);
        tw_buf_init(&c2, 65536);
        buf_list(&c1, cs, nc, false, true, ",");
        buf_list(&c2, ex, ne, false, true, ",");
        if (f->nsigalgs) {
            tw_buf_adds(&c2, "_");
            buf_list(&c2, f->sigalgs, f->nsigalgs, true, true, ",");
        }
        char h1[13] = "000000000000", h2[13] = "000000000000";
        if (nc) sha256_12(bstr(&c1), c1.len, h1);
        if (ne) sha256_12(bstr(&c2), c2.len, h2);
        char head[16];
        snprintf(head, sizeof head, "t%s%c%02u%02u%c%c", vs, f->sni_kind ? f->sni_kind : 'i',
                 TW_MIN(nc, 99u), TW_MIN(ne_all, 99u), a0, a1);
        /* hidden: filterable and in -T fields, kept out of trees so that -V stays tshark's */
        int32_t r = tw_add_strf(p, HF(F_JA4), off, len, "%s_%s_%s", head, h1, h2);
        tw_rec_flags(p, r, TW_RF_GENERATED | TW_RF_HIDDEN);
        r = tw_add_strf(p, HF(F_JA4_R), off, len, "%s_%s_%s", head, bstr(&c1), bstr(&c2));
        tw_rec_flags(p, r, TW_RF_GENERATED | TW_RF_HIDDEN);
        tw_buf_free(&c1);
        tw_buf_free(&c2);
    }
    tw_buf_free(&b);
}

static void ja3_server(struct tls_ctx *x, const struct fp *f, uint32_t off, uint32_t len)
{
    struct tw_pkt *p = x->p;
    if (!tw_want(p, HF(F_JA3S_FULL)) && !tw_want(p, HF(F_JA3S))) return;
    struct tw_buf b;
    tw_buf_init(&b, 65536);
    tw_buf_printf(&b, "%u,%u,", f->version, f->nciphers ? f->ciphers[0] : 0);
    buf_list(&b, f->exts, f->nexts, true, false, "-");
    int32_t r = tw_add_strf(p, HF(F_JA3S_FULL), off, len, "%s", bstr(&b));
    tw_rec_flags(p, r, TW_RF_GENERATED);
    char h[33];
    md5_hex(bstr(&b), b.len, h);
    r = tw_add_strf(p, HF(F_JA3S), off, len, "%s", h);
    tw_rec_flags(p, r, TW_RF_GENERATED);
    tw_buf_free(&b);
}

/* ---------------------------------------------------------------------------------------------
 * Extensions
 * ------------------------------------------------------------------------------------------- */
enum { HELLO_CLIENT, HELLO_SERVER, HELLO_OTHER };

/* the protocol tshark 4.0 hands application data to after the server chose an ALPN protocol
 * (its "tls.alpn" table) */
static const char *alpn_app(const uint8_t *s, uint32_t n)
{
    static const struct {
        const char *id, *name;
    } map[] = {{"h2", "HyperText Transfer Protocol 2"},
               {"http/1.1", "Hypertext Transfer Protocol"},
               {"http/1.0", "Hypertext Transfer Protocol"},
               {"http/0.9", "Hypertext Transfer Protocol"},
               {"spdy/1", "SPDY"},
               {"spdy/2", "SPDY"},
               {"spdy/3", "SPDY"},
               {"spdy/3.1", "SPDY"}};
    for (size_t i = 0; i < TW_ARRAY_LEN(map); i++)
        if (strlen(map[i].id) == n && memcmp(map[i].id, s, n) == 0) return map[i].name;
    /* then tshark's prefixes for draft and revision numbers ("h2-16", "spdy/4") */
    if (n >= 3 && memcmp(s, "h2-", 3) == 0) return "HyperText Transfer Protocol 2";
    if (n >= 5 && memcmp(s, "spdy/", 5) == 0) return "SPDY";
    return NULL;
}


static void sct_list(struct tls_ctx *x, const struct tw_cur *c, uint32_t off, uint32_t end);
/* the TLS version of the session whose certificate is being dissected */
static uint16_t sct_version;

/* one SignatureAndHashAlgorithm: the pair, then its hash and signature bytes */
static void sigalg_item(struct tls_ctx *x, const struct tw_cur *c, uint32_t off)
{
    struct tw_pkt *p = x->p;
    uint16_t a = (uint16_t)be16(c->data + off);
    int32_t s = add_u(x, F_SIGALG, c, off, 2);
    if (s >= 0 && tw_want_labels(p) && !tw_vs_find(tls_sigalg_vals, a)) {
        /* not a TLS 1.3 SignatureScheme: tshark names the TLS 1.2 hash and signature pair
         * ("SHA256 DSA" for 0x0402) */
        const char *h = tw_vs_find(tls_hash_vals, a >> 8), *g = tw_vs_find(tls_sig_vals, a & 0xff);
        tw_rec_label(p, s, "Signature Algorithm: %s %s (0x%04x)", h ? h : "Unknown",
                     g ? g : "Unknown", a);
    }
    tw_tree_push(p, s);
    add_u(x, F_SIG_HASH, c, off, 1);
    add_u(x, F_SIG_SIG, c, off + 1, 1);
    tw_tree_pop(p);
}
static void sigalg_list(struct tls_ctx *x, const struct tw_cur *c, uint32_t off, uint32_t end,
                        struct fp *f)
{
    struct tw_pkt *p = x->p;
    if (!have(c, off, 2, end)) return;
    uint32_t n = be16(c->data + off);
    add_u(x, F_SIGALG_LEN, c, off, 2);
    off += 2;
    if (off + n > end) n = end - off;
    int32_t r = add_none(x, F_SIGALGS, off, n);
    tw_rec_label(p, r, "Signature Hash Algorithms (%u algorithm%s)", n / 2, n / 2 == 1 ? "" : "s");
    tw_tree_push(p, r);
    for (uint32_t i = 0; i + 2 <= n && have(c, off + i, 2, end); i += 2) {
        uint16_t a = (uint16_t)be16(c->data + off + i);
        if (f && f->nsigalgs < TW_ARRAY_LEN(f->sigalgs)) f->sigalgs[f->nsigalgs++] = a;
        sigalg_item(x, c, off + i);
    }
    tw_tree_pop(p);
}

static void ext_body(struct tls_ctx *x, const struct tw_cur *c, uint16_t type, uint32_t off,
                     uint32_t end, int hello, struct fp *f)
{
    struct tw_pkt *p = x->p;
    uint32_t len = end - off;
    switch (type) {
    case 0: /* server_name */
        if (len == 0) return;
        {
            int32_t t = tw_add_text(p, off, len, "Server Name Indication extension");
            tw_tree_push(p, t);
            if (have(c, off, 2, end)) {
                uint32_t ll = be16(c->data + off);
                add_u(x, F_SNI_LIST_LEN, c, off, 2);
                uint32_t o = off + 2, le = TW_MIN(end, o + ll);
                while (have(c, o, 3, le)) {
                    add_u(x, F_SNI_TYPE, c, o, 1);
                    uint32_t nl = be16(c->data + o + 1);
                    add_u(x, F_SNI_LEN, c, o + 1, 2);
                    o += 3;
                    if (!have(c, o, nl, le)) break;
                    tw_add_ascii(p, HF(F_SNI), o, nl, c->data + o);
                    o += nl;
                }
            }
            tw_tree_pop(p);
        }
        return;
    case 1: /* max_fragment_length */
        if (have(c, off, 1, end)) add_u(x, F_MFL, c, off, 1);
        return;
    case 5: /* status_request */
        if (len == 0) return;
        if (have(c, off, 1, end)) {
            add_u(x, F_STATUS_TYPE, c, off, 1);
            if (c->data[off] == 1 && have(c, off + 1, 2, end)) {
                uint32_t rl = be16(c->data + off + 1);
                add_u(x, F_STATUS_RID_LEN, c, off + 1, 2);
                uint32_t o = off + 3 + rl;
                if (have(c, o, 2, end)) add_u(x, F_STATUS_EXTS_LEN, c, o, 2);
            }
        }
        return;
    case 10: /* supported_groups */
        if (have(c, off, 2, end)) {
            uint32_t n = be16(c->data + off);
            add_u(x, F_GROUPS_LEN, c, off, 2);
            uint32_t o = off + 2;
            if (o + n > end) n = end - o;
            int32_t r = add_none(x, F_GROUPS, o, n);
            tw_rec_label(p, r, "Supported Groups (%u group%s)", n / 2, n / 2 == 1 ? "" : "s");
            tw_tree_push(p, r);
            for (uint32_t i = 0; i + 2 <= n && have(c, o + i, 2, end); i += 2) {
                if (f && f->ngroups < TW_ARRAY_LEN(f->groups))
                    f->groups[f->ngroups++] = (uint16_t)be16(c->data + o + i);
                add_u(x, F_GROUP, c, o + i, 2);
            }
            tw_tree_pop(p);
        }
        return;
    case 11: /* ec_point_formats */
        if (have(c, off, 1, end)) {
            uint32_t n = c->data[off];
            add_u(x, F_ECPF_LEN, c, off, 1);
            uint32_t o = off + 1;
            if (o + n > end) n = end - o;
            int32_t r = add_none(x, F_ECPFS, o, n);
            tw_rec_label(p, r, "Elliptic curves point formats (%u)", n);
            tw_tree_push(p, r);
            for (uint32_t i = 0; i < n && have(c, o + i, 1, end); i++) {
                if (f && f->necpf < TW_ARRAY_LEN(f->ecpf)) f->ecpf[f->necpf++] = c->data[o + i];
                add_u(x, F_ECPF, c, o + i, 1);
            }
            tw_tree_pop(p);
        }
        return;
    case 13: /* signature_algorithms */
    case 34: /* delegated_credentials */
    case 50: /* signature_algorithms_cert */
        sigalg_list(x, c, off, end, type == 13 ? f : NULL);
        return;
    case 15: /* heartbeat */
        if (have(c, off, 1, end)) add_u(x, F_HB_MODE, c, off, 1);
        return;
    case 16: /* application_layer_protocol_negotiation */
        if (have(c, off, 2, end)) {
            uint32_t n = be16(c->data + off);
            add_u(x, F_ALPN_LEN, c, off, 2);
            uint32_t o = off + 2;
            if (o + n > end) n = end - o;
            int32_t r = add_none(x, F_ALPN_LIST, o, n);
            tw_tree_push(p, r);
            uint32_t le = o + n;
            bool first = true;
            while (have(c, o, 1, le)) {
                uint32_t sl = c->data[o];
                add_u(x, F_ALPN_STR_LEN, c, o, 1);
                o++;
                if (!have(c, o, sl, le)) break;
                if (first && f && sl > 0) {
                    f->has_alpn = true;
                    f->alpn[0] = (char)c->data[o];
                    f->alpn[1] = (char)c->data[o + sl - 1];
                }
                first = false;
                if (hello == HELLO_SERVER || (hello == HELLO_OTHER && x->from_server))
                    x->s->app = alpn_app(c->data + o, sl);
                tw_add_ascii(p, HF(F_ALPN_STR), o, sl, c->data + o);
                o += sl;
            }
            tw_tree_pop(p);
        }
        return;
    case 21: /* padding */
        if (len) tw_add_bytes(p, HF(F_PADDING), c, off, len);
        return;
    case 28: /* record_size_limit */
        if (have(c, off, 2, end)) add_u(x, F_RSL, c, off, 2);
        return;
    case 35: /* session_ticket */
    {
        int32_t r = tw_add_bytes(p, HF(F_EXT_DATA), c, off, have(c, off, len, end) ? len : 0);
        tw_rec_label(p, r, "Data (%u bytes)", len);
        return;
    }
    case 41: /* pre_shared_key */
    {
        int32_t t = tw_add_text(p, off, len, "Pre-Shared Key extension");
        tw_tree_push(p, t);
        if (hello == HELLO_SERVER) {
            if (have(c, off, 2, end)) add_u(x, F_PSK_SELECTED, c, off, 2);
        } else if (have(c, off, 2, end)) {
            uint32_t il = be16(c->data + off);
            add_u(x, F_PSK_IDS_LEN, c, off, 2);
            uint32_t o = off + 2, ie = TW_MIN(end, o + il);
            while (have(c, o, 2, ie)) {
                uint32_t l = be16(c->data + o);
                int32_t it = tw_add_text(p, o, 2 + l + 4, "PSK Identity (length: %u)", l);
                tw_tree_push(p, it);
                add_u(x, F_PSK_ID_LEN, c, o, 2);
                o += 2;
                if (!have(c, o, l, ie)) {
                    tw_tree_pop(p);
                    break;
                }
                tw_add_bytes(p, HF(F_PSK_ID), c, o, l);
                o += l;
                if (have(c, o, 4, ie)) add_u(x, F_PSK_AGE, c, o, 4);
                o += 4;
                tw_tree_pop(p);
            }
            o = off + 2 + il;
            if (have(c, o, 2, end)) {
                uint32_t bl = be16(c->data + o);
                add_u(x, F_PSK_BINDERS_LEN, c, o, 2);
                add_none(x, F_PSK_BINDERS, o + 2, TW_MIN(bl, end - (o + 2)));
            }
        }
        tw_tree_pop(p);
        return;
    }
    case 42: /* early_data */
        if (len == 4 && have(c, off, 4, end)) add_u(x, F_MAX_EARLY, c, off, 4);
        /* a ClientHello offering early data is TLS 1.3 for tshark from here on (the 0-RTT
         * records before the ServerHello are labelled TLSv1.3, "Opaque Type") */
        if (hello == HELLO_CLIENT && x->s && x->s->version != 0x0304) {
            x->s->version = 0x0304;
            x->s->draft = 0;
            x->early13 = true; /* (this frame's Protocol column keeps the record's version) */
        }
        return;
    case 43: /* supported_versions */
        if (hello == HELLO_CLIENT) {
            if (have(c, off, 1, end)) {
                uint32_t n = c->data[off];
                add_u(x, F_SV_LEN, c, off, 1);
                for (uint32_t i = 0; i + 2 <= n && have(c, off + 1 + i, 2, end); i += 2) {
                    uint16_t v = (uint16_t)be16(c->data + off + 1 + i);
                    if (f && !is_grease(v) && v > f->max_sv && v <= 0x0304) f->max_sv = v;
                    add_u(x, F_SV, c, off + 1 + i, 2);
                }
            }
        } else if (have(c, off, 2, end)) {
            add_u(x, F_SV, c, off, 2);
        }
        return;
    case 44: /* cookie */
        if (have(c, off, 2, end)) {
            uint32_t n = be16(c->data + off);
            add_u(x, F_COOKIE_LEN, c, off, 2);
            if (have(c, off + 2, n, end)) tw_add_bytes(p, HF(F_COOKIE), c, off + 2, n);
        }
        return;
    case 45: /* psk_key_exchange_modes */
        if (have(c, off, 1, end)) {
            uint32_t n = c->data[off];
            add_u(x, F_PSK_MODES_LEN, c, off, 1);
            for (uint32_t i = 0; i < n && have(c, off + 1 + i, 1, end); i++)
                add_u(x, F_PSK_MODE, c, off + 1 + i, 1);
        }
        return;
    case 40: /* key_share before TLS 1.3 draft 23 */
    case 51: /* key_share */
    {
        int32_t t = tw_add_text(p, off, len, "Key Share extension");
        tw_tree_push(p, t);
        uint32_t o = off, ke = end;
        if (hello == HELLO_CLIENT) {
            if (have(c, off, 2, end)) {
                uint32_t n = be16(c->data + off);
                add_u(x, F_KS_CLIENT_LEN, c, off, 2);
                o = off + 2;
                ke = TW_MIN(end, o + n);
            }
        } else if (len == 2 && have(c, off, 2, end)) { /* HelloRetryRequest */
            add_u(x, F_KS_SELECTED, c, off, 2);
            ke = o;
        }
        while (have(c, o, 4, ke)) {
            uint16_t g = (uint16_t)be16(c->data + o);
            uint32_t kl = be16(c->data + o + 2);
            const char *gn = tw_vs_find(tls_group_vals, g);
            int32_t e =
                tw_add_text(p, o, 4 + kl, "Key Share Entry: Group: %s, Key Exchange length: %u",
                            gn ? gn : "Unknown", kl);
            tw_tree_push(p, e);
            add_u(x, F_KS_GROUP, c, o, 2);
            add_u(x, F_KS_KEX_LEN, c, o + 2, 2);
            o += 4;
            if (!have(c, o, kl, ke)) {
                tw_tree_pop(p);
                break;
            }
            tw_add_bytes(p, HF(F_KS_KEX), c, o, kl);
            o += kl;
            tw_tree_pop(p);
            if (hello != HELLO_CLIENT) break;
        }
        tw_tree_pop(p);
        return;
    }
    case 27: /* compress_certificate */
        if (have(c, off, 1, end)) {
            uint32_t n = c->data[off];
            add_u(x, F_CC_ALGS_LEN, c, off, 1);
            for (uint32_t i = 0; i + 2 <= n && have(c, off + 1 + i, 2, end); i += 2)
                add_u(x, F_CC_ALG, c, off + 1 + i, 2);
        }
        return;
    case 13172: /* next_protocol_negotiation */
        if (hello == HELLO_SERVER) {
            uint32_t o = off;
            while (have(c, o, 1, end)) {
                uint32_t sl = c->data[o];
                add_u(x, F_NPN_STR_LEN, c, o, 1);
                o++;
                if (!have(c, o, sl, end)) break;
                tw_add_ascii(p, HF(F_NPN_STR), o, sl, c->data + o);
                o += sl;
            }
        }
        return;
    case 17513: /* application_settings (ALPS) */
        if (hello == HELLO_CLIENT && have(c, off, 2, end)) {
            uint32_t n = be16(c->data + off);
            add_u(x, F_ALPS_LEN, c, off, 2);
            uint32_t o = off + 2;
            if (o + n > end) n = end - o;
            int32_t r = add_none(x, F_ALPS_LIST, o, n);
            tw_tree_push(p, r);
            uint32_t le = o + n;
            while (have(c, o, 1, le)) {
                uint32_t sl = c->data[o];
                add_u(x, F_ALPS_STR_LEN, c, o, 1);
                o++;
                if (!have(c, o, sl, le)) break;
                tw_add_ascii(p, HF(F_ALPS_STR), o, sl, c->data + o);
                o += sl;
            }
            tw_tree_pop(p);
            return;
        }
        if (len && have(c, off, len, end)) tw_add_bytes(p, HF(F_ALPS_SETTINGS), c, off, len);
        return;
    case 0xff01: /* renegotiation_info */
        if (have(c, off, 1, end)) {
            int32_t t = tw_add_text(p, off, len, "Renegotiation Info extension");
            tw_tree_push(p, t);
            uint32_t n = c->data[off];
            add_u(x, F_RENEG_LEN, c, off, 1);
            if (n && have(c, off + 1, n, end)) tw_add_bytes(p, HF(F_RENEG), c, off + 1, n);
            tw_tree_pop(p);
        }
        return;
    case 17: /* status_request_v2 */
        if (len == 0) return;
        if (have(c, off, 2, end)) {
            uint32_t ll = be16(c->data + off);
            add_u(x, F_STATUS_LIST_LEN, c, off, 2);
            uint32_t o = off + 2, le = TW_MIN(end, o + ll);
            while (have(c, o, 3, le)) {
                uint32_t il = be16(c->data + o + 1);
                add_u(x, F_STATUS_TYPE, c, o, 1);
                add_u(x, F_STATUS_LEN, c, o + 1, 2);
                uint32_t io = o + 3, ie = TW_MIN(le, io + il);
                uint8_t st = c->data[o];
                if ((st == 1 || st == 2) && have(c, io, 2, ie)) {
                    uint32_t rl = be16(c->data + io);
                    add_u(x, F_STATUS_RID_LEN, c, io, 2);
                    if (have(c, io + 2 + rl, 2, ie)) add_u(x, F_STATUS_EXTS_LEN, c, io + 2 + rl, 2);
                }
                o = io + il;
            }
        }
        return;
    case 14: /* use_srtp: DTLS only (RFC 5764) */
        if (!x->v->srtp_f) break;
        if (len >= 2 && have(c, off, 2, end)) {
            uint16_t f0 = x->v->srtp_f; /* profiles length, profile, MKI length, MKI */
            uint32_t pl = be16(c->data + off);
            add_u(x, f0, c, off, 2);
            if (pl > len - 2) pl = len - 2;
            uint32_t o = off + 2;
            for (uint32_t pe = o + pl; o < pe && have(c, o, 2, end); o += 2)
                add_u(x, f0 + 1, c, o, 2);
            if (have(c, o, 1, end)) {
                uint32_t ml = c->data[o];
                add_u(x, f0 + 2, c, o, 1);
                if (ml && have(c, o + 1, ml, end)) tw_add_bytes(p, HF(f0 + 3), c, o + 1, ml);
            }
        }
        return;
    case 53: /* connection_id (deprecated) */
    case 54: /* connection_id (RFC 9146): cid<0..2^8-1> */
        if (have(c, off, 1, end)) {
            uint32_t n = c->data[off];
            add_u(x, F_CID_LEN, c, off, 1);
            if (n && have(c, off + 1, n, end)) tw_add_bytes(p, HF(F_CID), c, off + 1, n);
        }
        return;
    case 22: /* encrypt_then_mac */
        if (hello == HELLO_SERVER) x->s->etm = true;
        if (len == 0) return;
        break;
    case 18: /* signed_certificate_timestamp */
        if (len == 0) return;
        if (have(c, off, len, end)) {
            sct_list(x, c, off, off + len);
            return;
        }
        break;
    case 23: /* extended_master_secret */
    case 49: /* post_handshake_auth */
        if (len == 0) return;
        break;
    default:
        break;
    }
    if (have(c, off, len, end) || len == 0) {
        int32_t r = tw_add_bytes(p, HF(F_EXT_DATA), c, off, len);
        if (len == 0) tw_rec_label(p, r, "Data: <MISSING>");
    }
}

static void extensions(struct tls_ctx *x, const struct tw_cur *c, uint32_t off, uint32_t end,
                       int hello, struct fp *f)
{
    struct tw_pkt *p = x->p;
    if (!have(c, off, 2, end)) return;
    uint32_t n = be16(c->data + off);
    int32_t lr = add_u(x, F_EXTS_LEN, c, off, 2);
    off += 2;
    if (off + n > end) {
        /* Wireshark's ssl_add_vector(): the vector runs past the message, no extension is read */
        tw_tree_push(p, lr);
        tw_expert(p, EX(E_VECTOR_LEN), off - 2, 2,
                  "Vector length %u is too large, truncating it to %u", n, end - off);
        tw_tree_pop(p);
        return;
    }
    uint32_t ee = TW_MIN(end, off + n);
    while (have(c, off, 4, ee)) {
        uint16_t type = (uint16_t)be16(c->data + off);
        uint32_t len = be16(c->data + off + 2);
        if (f && f->nexts < TW_ARRAY_LEN(f->exts)) f->exts[f->nexts++] = type;
        if (f && type == 0) f->sni_kind = 'd';
        const char *nm = tw_vs_find(tls_ext_vals, type);
        int32_t t =
            nm ? tw_add_text(p, off, 4 + len, "Extension: %s (len=%u)", nm, len)
               : tw_add_text(p, off, 4 + len, "Extension: Unknown type %u (len=%u)", type, len);
        tw_tree_push(p, t);
        add_u(x, F_EXT_TYPE, c, off, 2);
        add_u(x, F_EXT_LEN, c, off + 2, 2);
        uint32_t be = off + 4 + len;
        if (be > ee) be = ee;
        ext_body(x, c, type, off + 4, be, hello, f);
        tw_tree_pop(p);
        off += 4 + len;
    }
}

/* ---------------------------------------------------------------------------------------------
 * Handshake messages
 * ------------------------------------------------------------------------------------------- */
static void random_field(struct tls_ctx *x, const struct tw_cur *c, uint32_t off, uint32_t end)
{
    struct tw_pkt *p = x->p;
    if (!have(c, off, 32, end)) return;
    int32_t r = tw_add_bytes(p, HF(F_RANDOM), c, off, 32);
    if (x->s->version != 0x0304) {
        tw_tree_push(p, r);
        struct tw_time t = {(int64_t)(be16(c->data + off) << 16 | be16(c->data + off + 2)), 0};
        tw_add_time(p, HF(F_RANDOM_TIME), off, 4, t);
        tw_add_bytes(p, HF(F_RANDOM_BYTES), c, off + 4, 28);
        tw_tree_pop(p);
    }
}

static void client_hello(struct tls_ctx *x, const struct tw_cur *c, uint32_t off, uint32_t end,
                         uint32_t hs_off, uint32_t hs_len)
{
    struct tw_pkt *p = x->p;
    static struct fp f;
    memset(&f, 0, sizeof f);
    if (!have(c, off, 2, end)) return;
    f.version = (uint16_t)be16(c->data + off);
    add_u(x, F_HS_VERSION, c, off, 2);
    off += 2;
    random_field(x, c, off, end);
    off += 32;
    if (!have(c, off, 1, end)) return;
    uint32_t sl = c->data[off];
    add_u(x, F_SID_LEN, c, off, 1);
    off++;
    if (sl && have(c, off, sl, end)) {
        tw_add_bytes(p, HF(F_SID), c, off, sl);
        if (sl <= 32) {
            memcpy(x->s->client_sid, c->data + off, sl);
            x->s->client_sid_len = (uint8_t)sl;
        }
    } else {
        x->s->client_sid_len = 0;
    }
    off += sl;
    if (x->v->dtls) { /* DTLS: cookie<0..2^8-1> */
        if (!have(c, off, 1, end)) return;
        uint32_t kl = c->data[off];
        add_u(x, x->v->cookie_len_f, c, off, 1);
        off++;
        if (kl && have(c, off, kl, end)) tw_add_bytes(p, HF(x->v->cookie_f), c, off, kl);
        off += kl;
    }
    if (!have(c, off, 2, end)) return;
    uint32_t cl = be16(c->data + off);
    add_u(x, F_CS_LEN, c, off, 2);
    off += 2;
    uint32_t cn = TW_MIN(cl, end - TW_MIN(end, off));
    int32_t r = add_none(x, F_CSS, off, cn);
    tw_rec_label(p, r, "Cipher Suites (%u suite%s)", cl / 2, cl / 2 == 1 ? "" : "s");
    tw_tree_push(p, r);
    for (uint32_t i = 0; i + 2 <= cl && have(c, off + i, 2, end); i += 2) {
        if (f.nciphers < TW_ARRAY_LEN(f.ciphers))
            f.ciphers[f.nciphers++] = (uint16_t)be16(c->data + off + i);
        add_u(x, F_CS, c, off + i, 2);
    }
    tw_tree_pop(p);
    off += cl;
    if (!have(c, off, 1, end)) goto done;
    uint32_t ml = c->data[off];
    add_u(x, F_COMP_LEN, c, off, 1);
    off++;
    r = add_none(x, F_COMPS, off, TW_MIN(ml, end - TW_MIN(end, off)));
    tw_rec_label(p, r, "Compression Methods (%u method%s)", ml, ml == 1 ? "" : "s");
    tw_tree_push(p, r);
    for (uint32_t i = 0; i < ml && have(c, off + i, 1, end); i++) add_u(x, F_COMP, c, off + i, 1);
    tw_tree_pop(p);
    off += ml;
    if (off < end) extensions(x, c, off, end, HELLO_CLIENT, &f);
done:
    ja3_client(x, &f, hs_off, hs_len);
}

static void server_hello(struct tls_ctx *x, const struct tw_cur *c, uint32_t off, uint32_t end,
                         uint32_t hs_off, uint32_t hs_len)
{
    struct tw_pkt *p = x->p;
    static struct fp f;
    memset(&f, 0, sizeof f);
    if (!have(c, off, 2, end)) return;
    f.version = (uint16_t)be16(c->data + off);
    add_u(x, F_HS_VERSION, c, off, 2);
    off += 2;
    random_field(x, c, off, end);
    off += 32;
    /* TLS 1.3 drafts before 22 had neither session id nor compression method */
    bool old13 = x->s->version == 0x0304 && x->s->draft > 0 && x->s->draft < 22;
    uint32_t sl = 0;
    if (!old13) {
        if (!have(c, off, 1, end)) return;
        sl = c->data[off];
        add_u(x, F_SID_LEN, c, off, 1);
        off++;
    }
    if (sl && have(c, off, sl, end)) {
        tw_add_bytes(p, HF(F_SID), c, off, sl);
        if (x->s->version != 0x0304 && x->s->client_sid_len == sl &&
            memcmp(x->s->client_sid, c->data + off, sl) == 0)
            x->s->resumed = true;
    }
    off += sl;
    if (!have(c, off, 2, end)) return;
    f.ciphers[0] = (uint16_t)be16(c->data + off);
    f.nciphers = 1;
    x->s->cipher = f.ciphers[0];
    add_u(x, F_CS, c, off, 2);
    off += 2;
    if (!old13) {
        if (!have(c, off, 1, end)) goto done;
        add_u(x, F_COMP, c, off, 1);
        off++;
    }
    if (off < end) extensions(x, c, off, end, HELLO_SERVER, &f);
done:
    ja3_server(x, &f, hs_off, hs_len);
}

/* --export-objects tls: every certificate as DER, named "<subject CN>_<SHA-256, 16 hex>.der"
 * (the CN with anything but letters, digits, '-', '_' and inner '.' made '_', at most 64
 * characters; "no-cn" without one). tshark 4.0 has no such export (docs/export-objects.md). */
static void export_cert(struct tw_pkt *p, const uint8_t *der, uint32_t len)
{
    /* bytes that are not one whole DER SEQUENCE are no certificate file (fuzzed or cut
     * handshakes): not written, so that every file exported is a certificate */
    struct tw_ber_tlv t;
    if (tw_ber_read(der, 0, len, len, &t) != TW_OK ||
        !tw_ber_is(&t, TW_BER_UNIVERSAL, TW_BER_SEQUENCE) || t.end != len)
        return;
    char cn[65], name[100];
    size_t n = tw_x509_subject_cn(der, len, cn, sizeof cn);
    for (size_t i = 0; i < n; i++) {
        char ch = cn[i];
        bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                  (ch >= '0' && ch <= '9') || ch == '-' || ch == '_' || (ch == '.' && i > 0);
        if (!ok) cn[i] = '_';
    }
    if (n == 0) snprintf(cn, sizeof cn, "no-cn");
    uint8_t md[SHA256_DIGEST_LENGTH];
    SHA256(der, len, md);
    int k = snprintf(name, sizeof name, "%s_", cn);
    for (int i = 0; i < 8 && k > 0; i++)
        k += snprintf(name + k, sizeof name - (size_t)k, "%02x", md[i]);
    snprintf(name + k, sizeof name - (size_t)k, ".der");
    tw_export_object(p, TW_TAP_EO_TLS, NULL, "application/pkix-cert", name, der, len);
}

/* one DER certificate of cl bytes at off: the bytes labelled with the subject, exported for
 * --export-objects tls, the X.509 tree under them */
static void one_cert(struct tls_ctx *x, const struct tw_cur *c, uint32_t off, uint32_t cl)
{
    struct tw_pkt *p = x->p;
    int32_t cr = tw_add_bytes(p, HF(F_CERT), c, off, cl);
    if (tw_export_wanted(p, TW_TAP_EO_TLS)) export_cert(p, c->data + off, cl);
    if (cr >= 0 && tw_want_labels(p)) {
        /* tshark names the certificate by its subject */
        char dn[600];
        uint32_t have_cl = c->cap > off ? TW_MIN(cl, c->cap - off) : 0;
        if (tw_x509_subject_text(c->data + off, have_cl, dn, sizeof dn) > 0) {
            /* the value as tshark abbreviates bytes in a label: 36 bytes, then an ellipsis */
            char hx[80];
            uint32_t k = TW_MIN(have_cl, 36u);
            for (uint32_t i = 0; i < k; i++) snprintf(hx + 2 * i, 3, "%02x", c->data[off + i]);
            hx[2 * k] = 0;
            tw_rec_label(p, cr, "Certificate: %s%s (%s)", hx, have_cl > 36 ? "\xe2\x80\xa6" : "",
                         dn);
        }
    }
    tw_tree_push(p, cr);
    struct tw_cur cc = *c;
    cc.off = off;
    cc.end = off + cl;
    if (cc.cap > cc.end) cc.cap = cc.end;
    p->cols_locked++;
    sct_version = x->s->version; /* an SCT list inside reads its signatures by it */
    tw_dissect_nested(p, TW_TBL_NAME, TW_KEY_X509_CERT, cc);
    p->cols_locked--;
    tw_tree_pop(p);
}

static void certificates(struct tls_ctx *x, const struct tw_cur *c, uint32_t off, uint32_t end)
{
    struct tw_pkt *p = x->p;
    if (x->s->version == 0x0304) {
        if (!have(c, off, 1, end)) return;
        uint32_t n = c->data[off];
        add_u(x, F_CERT_CTX_LEN, c, off, 1);
        off++;
        if (n && have(c, off, n, end)) tw_add_bytes(p, HF(F_CERT_CTX), c, off, n);
        off += n;
    }
    if (!have(c, off, 3, end)) return;
    uint32_t tl = be24(c->data + off);
    add_u(x, F_CERTS_LEN, c, off, 3);
    off += 3;
    if (!tl) return;
    uint32_t le = TW_MIN(end, off + tl);
    int32_t r = add_none(x, F_CERTS, off, le - off);
    tw_rec_label(p, r, "Certificates (%u bytes)", tl);
    tw_tree_push(p, r);
    while (have(c, off, 3, le)) {
        uint32_t cl = be24(c->data + off);
        add_u(x, F_CERT_LEN, c, off, 3);
        off += 3;
        if (!have(c, off, cl, le)) break;
        one_cert(x, c, off, cl);
        off += cl;
        if (x->s->version == 0x0304) { /* per-certificate extensions */
            if (!have(c, off, 2, le)) break;
            uint32_t el = be16(c->data + off);
            extensions(x, c, off, TW_MIN(le, off + 2 + el), HELLO_OTHER, NULL);
            off += 2 + el;
        }
    }
    tw_tree_pop(p);
}

static void cert_status(struct tls_ctx *x, const struct tw_cur *c, uint32_t off, uint32_t end)
{
    struct tw_pkt *p = x->p;
    if (!have(c, off, 1, end)) return;
    add_u(x, F_STATUS_TYPE, c, off, 1);
    if (c->data[off] != 1 || !have(c, off + 1, 3, end)) return;
    uint32_t n = be24(c->data + off + 1);
    add_u(x, F_OCSP_LEN, c, off + 1, 3);
    off += 4;
    if (!n || !have(c, off, n, end)) return;
    struct tw_cur cc = *c;
    cc.off = off;
    cc.end = off + n;
    if (cc.cap > cc.end) cc.cap = cc.end;
    p->cols_locked++;
    tw_dissect_nested(p, TW_TBL_NAME, TW_KEY_OCSP_RESPONSE, cc);
    p->cols_locked--;
}

/* key exchange algorithm of a cipher suite, from its IANA name, in the classes tshark 4.0's
 * key exchange dissection tells apart (it leaves DHE_PSK and ECDHE_PSK undissected) */
enum {
    KEX_UNKNOWN,
    KEX_RSA,
    KEX_DHE,
    KEX_DH_ANON,
    KEX_ECDHE,
    KEX_ECDH_ANON,
    KEX_PSK,
    KEX_RSA_PSK,
    KEX_XDHE_PSK,
    KEX_TLS13
};
static int cipher_kex(uint16_t cs)
{
    static const struct {
        const char *prefix;
        int kex;
    } classes[] = {
        {"TLS_RSA_PSK_", KEX_RSA_PSK},     {"TLS_DHE_PSK_", KEX_XDHE_PSK},
        {"TLS_ECDHE_PSK_", KEX_XDHE_PSK},  {"TLS_PSK_", KEX_PSK},
        {"TLS_ECDH_anon_", KEX_ECDH_ANON}, {"TLS_ECDHE_", KEX_ECDHE},
        {"TLS_ECDH_", KEX_ECDHE},          {"TLS_DH_anon_", KEX_DH_ANON},
        {"TLS_DHE_", KEX_DHE},             {"TLS_DH_", KEX_DHE},
        {"TLS_RSA_", KEX_RSA},             {"TLS_AES_", KEX_TLS13},
        {"TLS_CHACHA20_", KEX_TLS13},
    };
    const char *n = tw_vs_find(tls_cipher_vals, cs);
    if (!n) return KEX_UNKNOWN;
    for (size_t i = 0; i < TW_ARRAY_LEN(classes); i++)
        if (strncmp(n, classes[i].prefix, strlen(classes[i].prefix)) == 0) return classes[i].kex;
    return KEX_UNKNOWN;
}

static bool vec16(struct tls_ctx *x, const struct tw_cur *c, uint32_t *off, uint32_t end, int flen,
                  int fdata)
{
    if (!have(c, *off, 2, end)) return false;
    uint32_t n = be16(c->data + *off);
    int32_t lr = add_u(x, flen, c, *off, 2);
    *off += 2;
    if (*off + n > end) {
        /* Wireshark's ssl_add_vector(): longer than what is left, the vector is not read */
        tw_tree_push(x->p, lr);
        tw_expert(x->p, EX(E_VECTOR_LEN), *off - 2, 2,
                  "Vector length %u is too large, truncating it to %u", n, end - *off);
        tw_tree_pop(x->p);
        return false;
    }
    if (!have(c, *off, n, end)) return false;
    tw_add_bytes(x->p, HF(fdata), c, *off, n);
    *off += n;
    return true;
}

/* digitally-signed: the algorithm pair from TLS 1.2 on, then the signature (flen, fdata) */
static void signed_struct(struct tls_ctx *x, const struct tw_cur *c, uint32_t off, uint32_t end,
                          int flen, int fdata)
{
    if (v12plus(x->s->version) && have(c, off, 2, end)) {
        sigalg_item(x, c, off);
        off += 2;
    }
    vec16(x, c, &off, end, flen, fdata);
}

static void signature(struct tls_ctx *x, const struct tw_cur *c, uint32_t off, uint32_t end)
{
    signed_struct(x, c, off, end, F_SIG_LEN, F_SIG);
}

static void cert_verify(struct tls_ctx *x, const struct tw_cur *c, uint32_t off, uint32_t end)
{
    signed_struct(x, c, off, end, F_CV_SIG_LEN, F_CV_SIG);
}

static void server_kex(struct tls_ctx *x, const struct tw_cur *c, uint32_t off, uint32_t end)
{
    struct tw_pkt *p = x->p;
    int kex = cipher_kex(x->s->cipher);
    if (kex == KEX_ECDHE || kex == KEX_ECDH_ANON) {
        int32_t t = tw_add_text(p, off, end - off, "EC Diffie-Hellman Server Params");
        tw_tree_push(p, t);
        if (have(c, off, 1, end)) {
            add_u(x, F_CURVE_TYPE, c, off, 1);
            if (c->data[off] == 3 && have(c, off + 1, 3, end)) {
                add_u(x, F_NAMED_CURVE, c, off + 1, 2);
                uint32_t n = c->data[off + 3];
                add_u(x, F_SERVER_POINT_LEN, c, off + 3, 1);
                off += 4;
                if (have(c, off, n, end)) {
                    tw_add_bytes(p, HF(F_SERVER_POINT), c, off, n);
                    off += n;
                    if (kex != KEX_ECDH_ANON) signature(x, c, off, end);
                }
            }
        }
        tw_tree_pop(p);
    } else if (kex == KEX_DHE || kex == KEX_DH_ANON) {
        int32_t t = tw_add_text(p, off, end - off, "Diffie-Hellman Server Params");
        tw_tree_push(p, t);
        if (vec16(x, c, &off, end, F_P_LEN, F_P) && vec16(x, c, &off, end, F_G_LEN, F_G) &&
            vec16(x, c, &off, end, F_YS_LEN, F_YS) && kex == KEX_DHE)
            signature(x, c, off, end);
        tw_tree_pop(p);
    } else if (kex == KEX_RSA) { /* only sent for export-grade RSA */
        int32_t t = tw_add_text(p, off, end - off, "RSA-EXPORT Server Params");
        tw_tree_push(p, t);
        if (vec16(x, c, &off, end, F_MODULUS_LEN, F_MODULUS) &&
            vec16(x, c, &off, end, F_EXPONENT_LEN, F_EXPONENT))
            signature(x, c, off, end);
        tw_tree_pop(p);
    } else if (kex == KEX_PSK || kex == KEX_RSA_PSK) {
        int32_t t = tw_add_text(p, off, end - off, "PSK Server Params");
        tw_tree_push(p, t);
        vec16(x, c, &off, end, F_HINT_LEN, F_HINT);
        tw_tree_pop(p);
    }
}

static void client_kex(struct tls_ctx *x, const struct tw_cur *c, uint32_t off, uint32_t end)
{
    struct tw_pkt *p = x->p;
    int kex = cipher_kex(x->s->cipher);
    if (kex == KEX_ECDHE || kex == KEX_ECDH_ANON) {
        int32_t t = tw_add_text(p, off, end - off, "EC Diffie-Hellman Client Params");
        tw_tree_push(p, t);
        if (have(c, off, 1, end)) {
            uint32_t n = c->data[off];
            add_u(x, F_CLIENT_POINT_LEN, c, off, 1);
            if (have(c, off + 1, n, end)) tw_add_bytes(p, HF(F_CLIENT_POINT), c, off + 1, n);
        }
        tw_tree_pop(p);
    } else if (kex == KEX_DHE || kex == KEX_DH_ANON) {
        int32_t t = tw_add_text(p, off, end - off, "Diffie-Hellman Client Params");
        tw_tree_push(p, t);
        vec16(x, c, &off, end, F_YC_LEN, F_YC);
        tw_tree_pop(p);
    } else if (kex == KEX_RSA) {
        int32_t t = tw_add_text(p, off, end - off, "RSA Encrypted PreMaster Secret");
        tw_tree_push(p, t);
        if (x->s->version == 0x0300 || x->s->version == 0x0100) { /* SSLv3, old OpenSSL DTLS */
            tw_add_bytes(p, HF(F_EPMS), c, off, end - off);
        } else {
            vec16(x, c, &off, end, F_EPMS_LEN, F_EPMS);
        }
        tw_tree_pop(p);
    } else if (kex == KEX_PSK || kex == KEX_RSA_PSK) {
        int32_t t = tw_add_text(p, off, end - off,
                                kex == KEX_PSK ? "PSK Client Params" : "RSA PSK Client Params");
        tw_tree_push(p, t);
        if (vec16(x, c, &off, end, F_IDENTITY_LEN, F_IDENTITY) && kex == KEX_RSA_PSK)
            vec16(x, c, &off, end, F_EPMS_LEN, F_EPMS);
        tw_tree_pop(p);
    }
}

static void cert_request(struct tls_ctx *x, const struct tw_cur *c, uint32_t off, uint32_t end)
{
    struct tw_pkt *p = x->p;
    if (x->s->version == 0x0304) {
        if (!have(c, off, 1, end)) return;
        uint32_t n = c->data[off];
        add_u(x, F_CERT_CTX_LEN, c, off, 1);
        off++;
        if (n && have(c, off, n, end)) tw_add_bytes(p, HF(F_CERT_CTX), c, off, n);
        off += n;
        extensions(x, c, off, end, HELLO_OTHER, NULL);
        return;
    }
    if (!have(c, off, 1, end)) return;
    uint32_t n = c->data[off];
    add_u(x, F_CERT_TYPES_COUNT, c, off, 1);
    off++;
    int32_t r = add_none(x, F_CERT_TYPES, off, TW_MIN(n, end - TW_MIN(end, off)));
    tw_rec_label(p, r, "Certificate types (%u type%s)", n, n == 1 ? "" : "s");
    tw_tree_push(p, r);
    for (uint32_t i = 0; i < n && have(c, off + i, 1, end); i++)
        add_u(x, F_CERT_TYPE, c, off + i, 1);
    tw_tree_pop(p);
    off += n;
    if (v12plus(x->s->version)) {
        if (!have(c, off, 2, end)) return;
        uint32_t sl = be16(c->data + off);
        sigalg_list(x, c, off, end, NULL);
        off += 2 + sl;
    }
    if (!have(c, off, 2, end)) return;
    uint32_t dl = be16(c->data + off);
    add_u(x, F_DNAMES_LEN, c, off, 2);
    off += 2;
    if (!dl) return;
    uint32_t de = TW_MIN(end, off + dl);
    r = add_none(x, F_DNAMES, off, de - off);
    tw_rec_label(p, r, "Distinguished Names (%u byte%s)", dl, dl == 1 ? "" : "s");
    tw_tree_push(p, r);
    while (have(c, off, 2, de)) {
        uint32_t nl = be16(c->data + off);
        add_u(x, F_DNAME_LEN, c, off, 2);
        off += 2;
        if (!have(c, off, nl, de)) break;
        int32_t dr = add_none(x, F_DNAME, off, nl);
        /* tshark decodes it as an X.509 DistinguishedName: the RDNs under the item, the
         * DN text in its label */
        struct tw_asn a = {.p = p, .d = c->data, .cap = off + nl};
        struct tw_ber_tlv t;
        char dn[600];
        dn[0] = 0;
        tw_tree_push(p, dr);
        if (tw_asn_get(&a, off, off + nl, &t)) tw_asn_name(&a, &t, 0, 0, dn, sizeof dn);
        tw_tree_pop(p);
        if (dr >= 0 && tw_want_labels(p)) tw_rec_label(p, dr, "Distinguished Name: (%s)", dn);
        off += nl;
    }
    tw_tree_pop(p);
}

static void new_ticket_body(struct tls_ctx *x, const struct tw_cur *c, uint32_t off, uint32_t end);

/* Wireshark's unsigned_time_secs_to_str: "2 hours, 1 minute" */
static void secs_str(uint32_t t, char *out, size_t n)
{
    static const struct {
        uint32_t secs;
        const char *unit;
    } u[] = {{86400, "day"}, {3600, "hour"}, {60, "minute"}, {1, "second"}};
    size_t used = 0;
    out[0] = 0;
    if (t == 0) {
        snprintf(out, n, "0 seconds");
        return;
    }
    for (size_t i = 0; i < TW_ARRAY_LEN(u); i++) {
        uint32_t v = t / u[i].secs;
        t %= u[i].secs;
        if (!v) continue;
        int k = snprintf(out + used, n - used, "%s%u %s%s", used ? ", " : "", v, u[i].unit,
                         v == 1 ? "" : "s");
        if (k < 0 || (size_t)k >= n - used) return;
        used += (size_t)k;
    }
}

static void new_ticket(struct tls_ctx *x, const struct tw_cur *c, uint32_t off, uint32_t end)
{
    struct tw_pkt *p = x->p;
    if (!have(c, off, 4, end)) return;
    int32_t t = tw_add_text(p, off, end - off, "TLS Session Ticket");
    tw_tree_push(p, t);
    new_ticket_body(x, c, off, end);
    tw_tree_pop(p);
}

static void new_ticket_body(struct tls_ctx *x, const struct tw_cur *c, uint32_t off, uint32_t end)
{
    struct tw_pkt *p = x->p;
    int32_t lr = add_u(x, F_TICKET_LIFETIME, c, off, 4);
    if (lr >= 0 && tw_want_labels(p)) {
        char buf[96];
        uint32_t v = (uint32_t)be24(c->data + off) << 8 | c->data[off + 3];
        secs_str(v, buf, sizeof buf);
        if (v == 0) /* tshark writes no duration for 0 */
            tw_rec_label(p, lr, "Session Ticket Lifetime Hint: 0 seconds");
        else
            tw_rec_label(p, lr, "Session Ticket Lifetime Hint: %u seconds (%s)", v, buf);
    }
    off += 4;
    bool v13 = x->s->version == 0x0304;
    if (v13) {
        if (!have(c, off, 5, end)) return;
        add_u(x, F_TICKET_AGE_ADD, c, off, 4);
        off += 4;
        /* the nonce came with draft 21 */
        if (!x->s->draft || x->s->draft >= 21) {
            uint32_t nl = c->data[off];
            add_u(x, F_TICKET_NONCE_LEN, c, off, 1);
            off += 1;
            if (!have(c, off, nl, end)) return;
            tw_add_bytes(p, HF(F_TICKET_NONCE), c, off, nl);
            off += nl;
        }
    }
    if (!have(c, off, 2, end)) return;
    uint32_t tl = be16(c->data + off);
    add_u(x, F_TICKET_LEN, c, off, 2);
    off += 2;
    if (!have(c, off, tl, end)) return;
    tw_add_bytes(p, HF(F_TICKET), c, off, tl);
    off += tl;
    if (v13) extensions(x, c, off, end, HELLO_OTHER, NULL);
}

/* the handshake bodies TLS and DTLS share (tshark's ssl_dissect_hnd_* in packet-tls-utils.c) */
void tls_hs_body(struct tls_ctx *x, const struct tw_cur *c, uint8_t type, uint32_t b, uint32_t e,
                 uint32_t hs_off, uint32_t hs_len)
{
    /* the randoms decryption needs (after the version, 2 bytes) */
    if ((type == 1 || type == 2) && have(c, b + 2, 32, e)) {
        memcpy(type == 1 ? x->s->client_random : x->s->server_random, c->data + b + 2, 32);
        if (type == 1) {
            x->s->have_cr = true;
            x->s->have_sr = false;
            x->s->etm = false;
        } else {
            x->s->have_sr = true;
        }
    }
    switch (type) {
    case 1:
        client_hello(x, c, b, e, hs_off, hs_len);
        break;
    case 2:
        server_hello(x, c, b, e, hs_off, hs_len);
        break;
    case 4:
        new_ticket(x, c, b, e);
        break;
    case 8:
        extensions(x, c, b, e, HELLO_OTHER, NULL);
        break;
    case 11:
        certificates(x, c, b, e);
        break;
    case 12:
        server_kex(x, c, b, e);
        break;
    case 13:
        cert_request(x, c, b, e);
        break;
    case 15:
        cert_verify(x, c, b, e);
        break;
    case 16:
        client_kex(x, c, b, e);
        break;
    case 20:
        add_none(x, F_VERIFY_DATA, b, e - b);
        break;
    case 22:
        cert_status(x, c, b, e);
        break;
    default:
        break;
    }
}

/* tshark's tls_scan_server_hello: the version a ServerHello negotiates (supported_versions
 * wins) */
static uint16_t scan_server_version(const struct tw_cur *c, uint32_t off, uint32_t end)
{
    if (!have(c, off, 2, end)) return 0;
    uint16_t v = (uint16_t)be16(c->data + off);
    off += 34;
    if (!have(c, off, 1, end)) return v;
    off += 1 + c->data[off] + 3;
    if (!have(c, off, 2, end)) return v;
    uint32_t ee = TW_MIN(end, off + 2 + be16(c->data + off));
    off += 2;
    while (have(c, off, 4, ee)) {
        uint32_t t = be16(c->data + off), l = be16(c->data + off + 2);
        if (t == 43 && l == 2 && have(c, off + 4, 2, ee)) return (uint16_t)be16(c->data + off + 4);
        off += 4 + l;
    }
    return v;
}

/* the Info column and the record's label for one handshake message */
static int32_t hs_details(struct tls_ctx *x, int32_t rec, uint16_t version, const char *name,
                          bool first, uint32_t off, uint32_t len)
{
    struct tw_pkt *p = x->p;
    info_sep(x, name);
    tw_rec_label(p, rec, "%s Record Layer: Handshake Protocol: %s", vname(version, "TLS"),
                 first ? name : "Multiple Handshake Messages");
    int32_t r = add_none(x, F_HS, off, len);
    tw_rec_label(p, r, "Handshake Protocol: %s", name);
    return r;
}

static bool encrypted_hs(struct tls_ctx *x, const struct tw_cur *c, uint32_t off, uint32_t end)
{
    uint32_t len = end - off;
    if (len < 16) return false;
    if (!have(c, off, 5, end)) return true;
    const uint8_t *b = c->data + off;
    bool enc = !b[0] && !b[1] && !b[2] && !b[3] && !b[4];
    /* a ChangeCipherSpec before it: encrypted, except in TLS 1.3, where CCS is the dummy of
     * middlebox compatibility mode and the handshake after a HelloRetryRequest is still plain
     * (the lab's tls.pcap frame 163: the real ServerHello after HRR and CCS) */
    if (!enc && x->s->version != 0x0304) {
        uint64_t ccs = x->from_server ? x->s->server_ccs_frame : x->s->client_ccs_frame;
        enc = ccs != 0 && x->frame > ccs;
    }
    if (!enc) {
        enc = !valid_hs_type(b[0]);
        if (!enc) enc = be24(b + 1) >= 0x10000;
    }
    return enc;
}

/* one whole handshake message at off (4 + its length bytes readable or cut by the capture):
 * tshark's dissect_tls_handshake_full */
static void hs_message(struct tls_ctx *x, const struct tw_cur *c, int32_t rec, uint32_t off,
                       uint32_t end, uint16_t version, bool first)
{
    struct tw_pkt *p = x->p;
    uint8_t type = c->data[off];
    uint32_t len = be24(c->data + off + 1);
    const char *name = tw_vs_find(tls_hs_type_vals, type);
    /* only the first message of a record, or one of a known type, is shown */
    if (!name && !first) return;
    bool hrr = false;
    if (first && type == 2 && len > 2) {
        uint16_t sv = scan_server_version(c, off + 4, off + 4 + len);
        static const uint8_t hrr_random[8] = {0xcf, 0x21, 0xad, 0x74, 0xe5, 0x9a, 0x61, 0x11};
        if (have(c, off + 6, 8, end) && memcmp(c->data + off + 6, hrr_random, 8) == 0) hrr = true;
        try_set_version(x->s, 22, 2, sv);
    }
    if (hrr) name = "Hello Retry Request";
    int32_t hr = hs_details(x, rec, version, name ? name : "Encrypted Handshake Message", first,
                            off, 4 + len);
    if (!name) return;
    tw_tree_push(p, hr);
    tw_add_uint(p, HF(F_HS_TYPE), off, 1, type);
    tw_add_uint(p, HF(F_HS_LENGTH), off + 1, 3, len);
    tls_hs_body(x, c, type, off + 4, off + 4 + len, off, 4 + len);
    tw_tree_pop(p);
}

/* the start of a message the record does not hold whole (tshark's tls_show_handshake_details
 * for an incomplete message): Info only for a record's first message */
static void hs_fragment(struct tls_ctx *x, int32_t rec, uint16_t version, uint8_t type, bool first,
                        uint32_t off, uint32_t len)
{
    struct tw_pkt *p = x->p;
    const char *n = tw_vs_find(tls_hs_type_vals, type);
    if (!n) n = "Encrypted Handshake Message";
    if (first) {
        char b2[96];
        snprintf(b2, sizeof b2, "[%s Fragment]", n);
        info_sep(x, b2);
        tw_rec_label(p, rec, "%s Record Layer: Handshake Protocol: %s (fragment)",
                     vname(version, "TLS"), n);
    } else {
        tw_rec_label(p, rec, "%s Record Layer: Handshake Protocol: %s", vname(version, "TLS"),
                     "Multiple Handshake Messages");
    }
    int32_t r = add_none(x, F_HS, off, len);
    tw_rec_label(p, r, "Handshake Protocol: %s (fragment)", n);
}

/* a message reassembled from the held fragments and this record's last one: the
 * "Reassembled TLS Handshake" data source, the fragment list and the message over it */
static void hs_complete(struct tls_ctx *x, struct hs_pend *h, int32_t rec, uint16_t version)
{
    struct tw_pkt *p = x->p;
    uint32_t n = h->len;
    uint8_t *data = tw_arena_alloc(p->arena, n);
    struct tw_reasm_frag *list = tw_arena_alloc(p->arena, h->nfrags * sizeof *list);
    if (!data || !list) return;
    memcpy(data, h->buf, n);
    uint32_t at = 0;
    for (uint32_t i = 0; i < h->nfrags; i++) {
        list[i] = (struct tw_reasm_frag){h->frags[i].frame, at, h->frags[i].len, 0};
        at += h->frags[i].len;
    }
    struct tw_reasm_result res = {data, n, list, h->nfrags, 0};
    struct tw_cur rc = tw_new_source(p, data, n, "Reassembled TLS Handshake");
    const struct tw_reasm_fields rf = {.fragments = HF(F_HS_FRAGMENTS),
                                       .fragment = HF(F_HS_FRAGMENT),
                                       .error = HF(F_HS_FRAGMENT),
                                       .count = HF(F_HS_FRAG_COUNT),
                                       .one = "Reassembled Handshake Fragment",
                                       .many = "Reassembled Handshake Fragments"};
    tw_reasm_tree(p, &res, &rf);
    uint8_t saved = p->cur_src;
    tw_use_source(p, data);
    hs_message(x, &rc, rec, 0, n, version, true);
    p->cur_src = saved;
}

/* tshark's dissect_tls_handshake as its single pass runs: (1) a message a previous record of
 * this direction left incomplete takes what it still needs from this record, and if that
 * completes it the reassembled message is shown, else the record is all fragment; (2) a record
 * that does not continue a message may be encrypted; (3) whole messages follow, and one that
 * runs past the record starts a new reassembly. */
static void handshake(struct tls_ctx *x, const struct tw_cur *c, int32_t rec, uint32_t off,
                      uint32_t end, uint16_t version)
{
    struct tw_pkt *p = x->p;
    if (off >= end) return;
    /* no reassembly without a session of its own (state table full, a quoted packet) */
    struct hs_pend *h = x->s != &x->scratch ? &x->s->hs[x->from_server] : NULL;
    uint32_t frame = x->frame > UINT32_MAX ? UINT32_MAX : (uint32_t)x->frame;
    bool first = true, continued = false;
    if (h && h->active) {
        /* the message length, from the held bytes and as many as needed after them (tshark
         * reads them from the rest of the segment, past this record if it must) */
        uint8_t hd[4];
        uint32_t hn = TW_MIN(h->len, 4u);
        memcpy(hd, h->hdr, hn);
        for (uint32_t i = off; hn < 4 && have(c, i, 1, c->end); i++) hd[hn++] = c->data[i];
        uint32_t sub = end - off, msg_len = 0;
        if (hn == 4) {
            msg_len = 4 + be24(hd + 1);
            if (msg_len > h->len && sub > msg_len - h->len) sub = msg_len - h->len;
        }
        if (!have(c, off, sub, end)) {
            /* bytes missing from the capture: the message cannot complete, nor is it known
             * where the next one starts */
            hs_end(h);
        } else {
            bool last = msg_len && h->len + sub == msg_len;
            uint8_t type = h->hdr[0];
            hs_add(h, frame, c->data + off, sub);
            continued = true;
            if (!last) {
                hs_fragment(x, rec, version, type, false, off, end - off);
                return;
            }
            const char *n = tw_vs_find(tls_hs_type_vals, type);
            int32_t r = add_none(x, F_HS, off, sub);
            tw_rec_label(p, r, "Handshake Protocol: %s (last fragment)",
                         n ? n : "Encrypted Handshake Message");
            if (h->buf) hs_complete(x, h, rec, version);
            hs_end(h);
            off += sub;
            first = false;
        }
    }
    if (!continued && !x->decrypted && encrypted_hs(x, c, off, end)) {
        hs_details(x, rec, version, "Encrypted Handshake Message", true, off, end - off);
        return;
    }
    while (off < end) {
        uint32_t left = end - off;
        if (left < 4 || !have(c, off, 4, end) || 4 + be24(c->data + off + 1) > left) {
            /* a message continued in a later record */
            uint8_t t = have(c, off, 1, end) ? c->data[off] : 0;
            if (h && have(c, off, left, end)) {
                hs_end(h);
                hs_add(h, frame, c->data + off, left);
            }
            hs_fragment(x, rec, version, t, first, off, left);
            return;
        }
        hs_message(x, c, rec, off, end, version, first);
        off += 4 + be24(c->data + off + 1);
        first = false;
    }
}

/* ---------------------------------------------------------------------------------------------
 * Records
 * ------------------------------------------------------------------------------------------- */
static void alert(struct tls_ctx *x, const struct tw_cur *c, int32_t rec, uint32_t off,
                  uint32_t len)
{
    struct tw_pkt *p = x->p;
    int32_t r = add_none(x, F_ALERT, off, len);
    if (len != 2) {
        info_sep(x, "Encrypted Alert");
        tw_rec_label(p, rec, "%s Record Layer: Encrypted Alert", vname(x->s->version, "TLS"));
        tw_rec_label(p, r, "Alert Message: Encrypted Alert");
        return;
    }
    if (!have(c, off, 2, off + 2)) return;
    const char *lv = tw_vs_find(tls_alert_level_vals, c->data[off]);
    const char *ds = tw_vs_find(tls_alert_desc_vals, c->data[off + 1]);
    char buf[160];
    snprintf(buf, sizeof buf, "Alert (Level: %s, Description: %s)", lv ? lv : "Unknown",
             ds ? ds : "Unknown");
    info_sep(x, buf);
    tw_rec_label(p, rec, "%s Record Layer: %s", vname(x->s->version, "TLS"), buf);
    tw_tree_push(p, r);
    add_u(x, F_ALERT_LEVEL, c, off, 1);
    add_u(x, F_ALERT_DESC, c, off + 1, 1);
    tw_tree_pop(p);
}

static void heartbeat(struct tls_ctx *x, const struct tw_cur *c, int32_t rec, uint32_t off,
                      uint32_t len, bool plaintext)
{
    struct tw_pkt *p = x->p;
    int32_t r = add_none(x, F_HB, off, len);
    if (!plaintext || len < 3 || !have(c, off, 3, off + len)) {
        info_sep(x, "Encrypted Heartbeat");
        tw_rec_label(p, rec, "%s Record Layer: Encrypted Heartbeat", vname(x->s->version, "TLS"));
        tw_rec_label(p, r, "Encrypted Heartbeat Message");
        return;
    }
    uint8_t type = c->data[off];
    uint32_t pl = be16(c->data + off + 1);
    const char *tn = tw_vs_find(tls_hb_type_vals, type);
    char buf[64];
    snprintf(buf, sizeof buf, "Heartbeat %s", tn ? tn : "Unknown");
    info_sep(x, buf);
    tw_rec_label(p, rec, "%s Record Layer: %s", vname(x->s->version, "TLS"), buf);
    tw_tree_push(p, r);
    add_u(x, F_HB_TYPE, c, off, 1);
    add_u(x, F_HB_PAYLOAD_LEN, c, off + 1, 2);
    if (pl <= len - 3 && have(c, off + 3, pl, off + len)) {
        int32_t pr = tw_add_bytes(p, HF(F_HB_PAYLOAD), c, off + 3, pl);
        tw_rec_label(p, pr, "Payload (%u bytes)", pl);
        uint32_t padl = len - 3 - pl;
        if (padl && have(c, off + 3 + pl, padl, off + len)) {
            int32_t dr = tw_add_bytes(p, HF(F_HB_PADDING), c, off + 3 + pl, padl);
            tw_rec_label(p, dr, "Padding and HMAC (%u bytes)", padl);
        }
    }
    tw_tree_pop(p);
}

static const char *app_name(struct tls_ctx *x)
{
    struct tw_pkt *p = x->p;
    const char *app = x->s->app;
    if (!app) app = p->ctx.starttls_app;
    if (!app) app = tw_vs_find(app_protos, p->ctx.srcport);
    if (!app) app = tw_vs_find(app_protos, p->ctx.dstport);
    return app;
}

static bool app_is_http(struct tls_ctx *x)
{
    const char *app = app_name(x);
    return app && strcmp(app, "Hypertext Transfer Protocol") == 0;
}

static void app_data(struct tls_ctx *x, const struct tw_cur *c, int32_t rec, uint32_t b,
                     uint32_t rlen, uint16_t version, const char *ctn)
{
    struct tw_pkt *p = x->p;
    info_sep(x, "Application Data");
    const char *app = app_name(x);
    tw_rec_label(p, rec, "%s Record Layer: %s Protocol: %s", vname(version, "SSL"), ctn,
                 app ? app : "Application Data");
    if (have(c, b, rlen, b + rlen) || rlen == 0) tw_add_bytes(p, HF(F_APP_DATA), c, b, rlen);
    if (app) {
        int32_t r = tw_add_strf(p, HF(F_APP_PROTO), 0, 0, "%s", app);
        tw_rec_flags(p, r, TW_RF_GENERATED);
    }
}

/* one SSLv3/TLS record at off; returns the offset after it, or UINT32_MAX after a request for
 * more data */
static uint32_t record(struct tls_ctx *x, const struct tw_cur *c, uint32_t off, uint32_t end,
                       uint32_t base)
{
    struct tw_pkt *p = x->p;
    struct tls_session *s = x->s;
    uint32_t avail = end - off;
    if ((s->version >= 0x0301 && s->version <= 0x0303) || s->version == 0x0101) {
        if (avail >= 1 && have(c, off, 1, end) && !valid_ct(c->data[off])) {
            info_sep(x, "Ignored Unknown Record");
            return end;
        }
    }
    if (avail < 5) {
        if (tw_can_desegment(p)) {
            tw_deseg_request(p, off, TW_DESEG_ONE_MORE_SEGMENT);
            return UINT32_MAX;
        }
        return end;
    }
    if (!have(c, off, 5, end)) {
        /* the header itself is cut by the capture: tshark's read of it fails there */
        x->cut = true;
        return end;
    }
    uint8_t ct = c->data[off];
    uint16_t version = (uint16_t)be16(c->data + off + 1);
    uint32_t rlen = be16(c->data + off + 3);
    if (!valid_ct(ct)) {
        /* no sense going on: tshark 4.0 treats the rest of the segment as continuation */
        info_sep(x, "Continuation Data");
        return end;
    }
    if (avail < rlen + 5) {
        if (tw_can_desegment(p)) {
            tw_deseg_request(p, off, rlen + 5 - avail);
            return UINT32_MAX;
        }
        return end;
    }
    (void)base;
    int32_t rec = add_none(x, F_RECORD, off, 5 + rlen);
    tw_tree_push(p, rec);
    if (s->version == 0x0304 && ct == 23)
        add_u(x, F_OPAQUE_TYPE, c, off, 1);
    else
        add_u(x, F_CT, c, off, 1);
    add_u(x, F_REC_VERSION, c, off + 1, 2);
    add_u(x, F_REC_LENGTH, c, off + 3, 2);
    uint32_t b = off + 5, e = off + 5 + rlen;
    if (s->version == 0) {
        uint8_t next = have(c, b, 1, end) ? c->data[b] : 0;
        try_set_version(s, ct, next, version);
        tw_col_proto(p, vname(version, "SSL"));
    } else {
        version = s->version;
    }
    /* tshark reads a record's whole body before looking into it (to decrypt it, for every
     * record but TLS 1.3's plaintext handshake): one cut by the capture ends the dissection
     * after its header, with no label, Info or content */
    if (rlen && (s->version != 0x0304 || ct == 23) && !have(c, b, rlen, e)) {
        x->cut = true;
        tw_tree_pop(p);
        return end;
    }
    /* a record the key log's secrets decrypt: its plaintext is the "Decrypted TLS" data
     * source the content is dissected from (TLS 1.3: the inner content type, generated) */
    struct tw_cur dc = *c;
    uint8_t *plain = NULL;
    uint32_t plen = 0;
    uint8_t saved_src = p->cur_src;
    if (ct != 20 && x->s != &x->scratch && have(c, b, rlen, e) &&
        tls_dec_record(p, s, x->from_server, c->data + off, c->data + b, rlen, &plain, &plen,
                       &ct)) {
        if (plen) {
            dc = tw_new_source(p, plain, plen, "Decrypted TLS");
            tw_use_source(p, plain);
        } else {
            dc.off = dc.end = dc.cap = 0;
        }
        if (s->version == 0x0304) {
            p->cur_src = saved_src;
            int32_t r = tw_add_uint(p, HF(F_CT), off, 0, ct);
            tw_rec_flags(p, r, TW_RF_GENERATED);
            if (plen) p->cur_src = (uint8_t)(p->nsources - 1);
        }
    }
    const char *ctn = tw_vs_find(tls_content_type_vals, ct);
    tw_rec_label(p, rec, "%s Record Layer: %s Protocol: %s", vname(version, "SSL"),
                 ctn ? ctn : "unknown", ctn ? ctn : "unknown");
    if (plain) {
        bool http = false;
        switch (ct) {
        case 21:
            alert(x, &dc, rec, 0, plen);
            break;
        case 22:
            x->decrypted = true;
            handshake(x, &dc, rec, 0, plen, version);
            x->decrypted = false;
            /* TLS 1.3: a side's Finished switches it to the application traffic keys */
            for (uint32_t o = 0; s->version == 0x0304 && o + 4 <= plen;
                 o += 4 + be24(plain + o + 1))
                if (plain[o] == 20) tls_dec_finished(s, x->from_server);
            break;
        case 23:
            p->cur_src = saved_src;
            app_data(x, c, rec, b, rlen, version, ctn);
            http = plen && app_is_http(x);
            break;
        case 24:
            heartbeat(x, &dc, rec, 0, plen, true);
            break;
        default:
            break;
        }
        p->cur_src = saved_src;
        tw_tree_pop(p);
        /* decrypted application data goes to the protocol above (HTTP only, yet) after the
         * records, whose Info after this one then follows the protocol's */
        if (http && x->napp < TW_ARRAY_LEN(x->app)) {
            x->app_dir[x->napp] = x->from_server;
            x->app[x->napp++] = dc;
            x->info_mark = p->info.len;
        }
        return e;
    }
    switch (ct) {
    case 20: {
        info_sep(x, "Change Cipher Spec");
        tw_rec_label(p, rec, "%s Record Layer: Change Cipher Spec Protocol: Change Cipher Spec",
                     vname(version, "SSL"));
        int32_t r = add_none(x, F_CCS, b, rlen);
        if (s->resumed) {
            tw_tree_push(p, r);
            tw_expert(p, EX(E_RESUMED), b, rlen, NULL);
            tw_tree_pop(p);
        }
        if (s != &x->scratch) tls_dec_ccs(s, x->from_server);
        if (x->from_server) {
            if (!s->server_ccs_frame) s->server_ccs_frame = x->frame;
            s->resumed = false;
        } else if (!s->client_ccs_frame) {
            s->client_ccs_frame = x->frame;
        }
        break;
    }
    case 21:
        alert(x, c, rec, b, rlen);
        break;
    case 22:
        handshake(x, c, rec, b, e, version);
        break;
    case 23:
        app_data(x, c, rec, b, rlen, version, ctn);
        break;
    case 24:
        if (version == 0x0304) break;
        heartbeat(x, c, rec, b, rlen,
                  !(x->from_server ? s->server_ccs_frame : s->client_ccs_frame));
        break;
    default:
        break;
    }
    tw_tree_pop(p);
    return e;
}

/* SSL 2.0-compatible ClientHello (the only SSLv2 message tshark still dissects) */
static bool looks_like_v2_hello(const struct tw_cur *c, uint32_t off, uint32_t end)
{
    const uint8_t *b;
    if (!have(c, off, 3, end)) return false;
    b = c->data + off;
    if (b[0] & 0x80) return b[2] == 1;
    return false;
}

/* tshark's ssl_is_valid_ssl_version */
static bool v2_valid_version(uint16_t v)
{
    return v == 0x0002 || v == 0x0300 || v == 0x0301 || v == 0x0302 || v == 0x0303 || v == 0x0304 ||
           v == 0xfeff || v == 0xfefd || v == 0x0100;
}

/* tshark's ssl_looks_like_sslv2: an unencrypted SSLv2 handshake record (two-byte header) of a
 * conversation whose version is not known yet */
static bool looks_like_sslv2(const struct tw_cur *c, uint32_t off, uint32_t end)
{
    if (!have(c, off, 3, end)) return false;
    const uint8_t *b = c->data + off;
    return b[0] >= 0x80 && (b[2] == 1 || b[2] == 2 || b[2] == 4);
}

/* tshark's ssl_looks_like_valid_v2_handshake: the message at o of a record of rlen bytes */
static bool v2_valid_handshake(const struct tw_cur *c, uint32_t o, uint32_t e, uint32_t rlen)
{
    if (!have(c, o, 1, e)) return false;
    const uint8_t *b = c->data + o;
    switch (b[0]) {
    case 1:
        return have(c, o, 3, e) && v2_valid_version((uint16_t)be16(b + 1));
    case 4:
        return have(c, o, 5, e) && v2_valid_version((uint16_t)be16(b + 3));
    case 2:
        return have(c, o, 10, e) && be16(b + 4) + be16(b + 6) + be16(b + 8) <= rlen;
    default:
        return false;
    }
}

static void v2_client_hello(struct tls_ctx *x, const struct tw_cur *c, uint32_t o, uint32_t e)
{
    struct tw_pkt *p = x->p;
    if (!have(c, o, 8, e)) return;
    add_u(x, F_HS_VERSION, c, o, 2);
    uint32_t csl = be16(c->data + o + 2), sl = be16(c->data + o + 4), chl = be16(c->data + o + 6);
    add_u(x, F_V2_CIPHER_SPEC_LEN, c, o + 2, 2);
    add_u(x, F_V2_SID_LEN, c, o + 4, 2);
    add_u(x, F_V2_CHALLENGE_LEN, c, o + 6, 2);
    o += 8;
    int32_t t = add_none(x, F_CSS, o, csl);
    tw_rec_label(p, t, "Cipher Specs (%u specs)", csl / 3);
    tw_tree_push(p, t);
    for (uint32_t i = 0; i + 3 <= csl && have(c, o + i, 3, e); i += 3)
        add_u(x, F_V2_CIPHER_SPEC, c, o + i, 3);
    tw_tree_pop(p);
    o += csl;
    if (sl && have(c, o, sl, e)) tw_add_bytes(p, HF(F_SID), c, o, sl);
    o += sl;
    if (chl && have(c, o, chl, e)) add_none(x, F_V2_CHALLENGE, o, chl);
}

static void v2_client_master_key(struct tls_ctx *x, const struct tw_cur *c, uint32_t o, uint32_t e)
{
    struct tw_pkt *p = x->p;
    if (!have(c, o, 9, e)) return;
    add_u(x, F_V2_CIPHER_SPEC, c, o, 3);
    uint32_t ckl = be16(c->data + o + 3), ekl = be16(c->data + o + 5), kal = be16(c->data + o + 7);
    tw_add_uint(p, TF(TF_V2_CLEAR_KEY_LEN), o + 3, 2, ckl);
    tw_add_uint(p, TF(TF_V2_ENC_KEY_LEN), o + 5, 2, ekl);
    tw_add_uint(p, TF(TF_V2_KEY_ARG_LEN), o + 7, 2, kal);
    o += 9;
    if (ckl && have(c, o, ckl, e)) tw_add_uint(p, TF(TF_V2_CLEAR_KEY), o, ckl, 0);
    o += ckl;
    if (ekl && have(c, o, ekl, e)) tw_add_uint(p, TF(TF_V2_ENC_KEY), o, ekl, 0);
    o += ekl;
    if (kal && have(c, o, kal, e)) tw_add_uint(p, TF(TF_V2_KEY_ARG), o, kal, 0);
}

static void v2_server_hello(struct tls_ctx *x, const struct tw_cur *c, uint32_t o, uint32_t e)
{
    struct tw_pkt *p = x->p;
    if (!have(c, o, 2, e)) return;
    tw_add_uint(p, TF(TF_V2_SID_HIT), o, 1, c->data[o]);
    tw_add_uint(p, TF(TF_V2_CERT_TYPE), o + 1, 1, c->data[o + 1]);
    o += 2;
    if (!have(c, o, 8, e) || !v2_valid_version((uint16_t)be16(c->data + o))) return;
    add_u(x, F_HS_VERSION, c, o, 2);
    uint32_t certl = be16(c->data + o + 2), csl = be16(c->data + o + 4),
             cidl = be16(c->data + o + 6);
    tw_add_uint(p, HF(F_CERT_LEN), o + 2, 2, certl);
    add_u(x, F_V2_CIPHER_SPEC_LEN, c, o + 4, 2);
    tw_add_uint(p, TF(TF_V2_CONN_ID_LEN), o + 6, 2, cidl);
    o += 8;
    if (certl) {
        if (!have(c, o, certl, e)) return;
        one_cert(x, c, o, certl);
        o += certl;
    }
    if (csl) {
        int32_t t = add_none(x, F_CSS, o, csl);
        tw_rec_label(p, t, "Cipher Specs (%u spec%s)", csl / 3, csl / 3 == 1 ? "" : "s");
        tw_tree_push(p, t);
        for (uint32_t i = 0; i + 3 <= csl && have(c, o + i, 3, e); i += 3)
            add_u(x, F_V2_CIPHER_SPEC, c, o + i, 3);
        tw_tree_pop(p);
        o += csl;
    }
    if (cidl && have(c, o, cidl, e)) tw_add_uint(p, TF(TF_V2_CONN_ID), o, cidl, 0);
}

/* an SSLv2 record (tshark's dissect_ssl2_record): a two-byte header (top bit set) or a
 * three-byte one with the escape bit and a padding length; handshake messages in the clear,
 * anything else "Encrypted Data" */
static uint32_t v2_record(struct tls_ctx *x, const struct tw_cur *c, uint32_t off, uint32_t end)
{
    struct tw_pkt *p = x->p;
    const uint8_t *b = c->data + off;
    const uint32_t hdr = (b[0] & 0x80) ? 2 : 3;
    if (end - off < hdr || !have(c, off, hdr, end)) {
        if (tw_can_desegment(p)) {
            tw_deseg_request(p, off, TW_DESEG_ONE_MORE_SEGMENT);
            return UINT32_MAX;
        }
        return end;
    }
    uint32_t rlen =
        hdr == 2 ? (uint32_t)(b[0] & 0x7f) << 8 | b[1] : (uint32_t)(b[0] & 0x3f) << 8 | b[1];
    if (end - off < rlen + hdr) {
        if (tw_can_desegment(p)) {
            tw_deseg_request(p, off, rlen + hdr - (end - off));
            return UINT32_MAX;
        }
    }
    uint32_t o = off + hdr, e = TW_MIN(end, o + rlen);
    int32_t rec = add_none(x, F_RECORD, off, TW_MIN(hdr + rlen, end - off));
    tw_tree_push(p, rec);
    uint8_t mt = have(c, o, 1, e) ? c->data[o] : 0xff;
    /* a handshake past the ClientHello makes the conversation SSLv2 */
    if (x->s->version == 0 && mt >= 2 && mt <= 8) x->s->version = 0x0002;
    tw_col_proto(p, "SSLv2");
    x->v2 = true;
    const char *mn = tw_vs_find(tls_hs_type_v2_vals, mt);
    if (!mn || !v2_valid_handshake(c, o, e, rlen)) {
        tw_rec_label(p, rec, "SSLv2 Record Layer: Encrypted Data");
        int32_t vr = tw_add_uint(p, HF(F_REC_VERSION), off, 0, 0x0002);
        tw_rec_flags(p, vr, TW_RF_GENERATED);
        info_sep(x, "Encrypted Data");
        tw_tree_pop(p);
        return off + hdr + rlen;
    }
    info_sep(x, mn);
    tw_rec_label(p, rec, "SSLv2 Record Layer: %s", mn);
    int32_t vr = tw_add_uint(p, HF(F_REC_VERSION), off, 0, 0x0002);
    tw_rec_flags(p, vr, TW_RF_GENERATED);
    tw_add_uint(p, HF(F_REC_LENGTH), off, hdr == 2 ? 2 : 3, rlen);
    if (hdr == 3) {
        tw_add_uint(p, TF(TF_V2_IS_ESCAPE), off, 1, (b[0] & 0x40) != 0);
        tw_add_uint(p, TF(TF_V2_PADDING_LEN), off + 2, 1, b[2]);
    }
    add_u(x, F_V2_HS_TYPE, c, o, 1);
    switch (mt) {
    case 1:
        v2_client_hello(x, c, o + 1, e);
        break;
    case 2:
        v2_client_master_key(x, c, o + 1, e);
        break;
    case 4:
        v2_server_hello(x, c, o + 1, e);
        break;
    default:
        break;
    }
    /* a body the capture cut: tshark's reads stop there */
    if (!have(c, off, hdr + rlen, end)) x->cut = true;
    tw_tree_pop(p);
    return off + hdr + rlen;
}

static bool looks_like_v3(const struct tw_cur *c, uint32_t off, uint32_t end)
{
    if (!have(c, off, 3, end)) return false;
    const uint8_t *b = c->data + off;
    if (!valid_ct(b[0])) return false;
    uint16_t v = (uint16_t)be16(b + 1);
    return v == 0x0300 || v == 0x0301 || v == 0x0302 || v == 0x0303 || v == 0x0304 || v == 0x0101;
}

static struct tls_session *session_for(struct tw_pkt *p, int *dir)
{
    uint8_t key[TW_STATE_KEY_MAX];
    *dir = 0;
    if (!sess_tab || p->ctx.in_error_pkt) return NULL;
    size_t kl = tw_conv_key(p, p->ctx.srcport, p->ctx.dstport, key, dir);
    return tw_state_put(sess_tab, key, kl, NULL);
}

static struct tls_session *session_find(struct tw_pkt *p)
{
    uint8_t key[TW_STATE_KEY_MAX];
    int dir = 0;
    if (!sess_tab || p->ctx.in_error_pkt) return NULL;
    size_t kl = tw_conv_key(p, p->ctx.srcport, p->ctx.dstport, key, &dir);
    return tw_state_get(sess_tab, key, kl);
}

/* the session and direction EAP-TLS names for the records it hands over next (tls.h) */
static struct {
    const struct tw_pkt *p;
    uint64_t frame;
    uint8_t key[TW_STATE_KEY_MAX];
    size_t klen;
    bool from_server;
} eap_outer;

void tw_tls_eap_outer(struct tw_pkt *p, const uint8_t *key, size_t klen, bool from_server)
{
    if (klen > sizeof eap_outer.key) klen = sizeof eap_outer.key;
    eap_outer.p = p;
    eap_outer.frame = p->frame ? p->frame->recno : 0;
    memcpy(eap_outer.key, key, klen);
    eap_outer.klen = klen;
    eap_outer.from_server = from_server;
}

/* Hands one direction's decrypted application data to the protocol above (HTTP) with TLS's
 * own desegmentation: what it asks more for is kept and put before the next record's
 * plaintext. True when the protocol dissected something. */
#define APP_PEND_MAX (16u << 20)
static bool app_one(struct tls_ctx *x, struct tw_cur dc, bool from_server)
{
    struct tw_pkt *p = x->p;
    struct tls_session *s = x->s;
    __typeof__(s->app_pend[0]) *pd = &s->app_pend[from_server];
    int32_t tls_rec = p->nlayers ? p->layers[p->nlayers - 1].rec : -1;
    uint32_t n = dc.end - dc.off, rec_n = n;
    struct tw_cur rec_dc = dc;
    uint32_t frame = x->frame > UINT32_MAX ? UINT32_MAX : (uint32_t)x->frame;
    /* the pieces of what goes up: the held ones, then this record's */
    uint32_t nfl = pd->len ? pd->nfrags + 1 : 1;
    struct tw_reasm_frag *fl = tw_arena_alloc(p->arena, nfl * sizeof *fl);
    if (!fl) return false;
    {
        uint32_t at = 0;
        for (uint32_t i = 0; pd->len && i < pd->nfrags; i++) {
            fl[i] = (struct tw_reasm_frag){pd->frags[i].frame, at, pd->frags[i].len, 0};
            at += pd->frags[i].len;
        }
        fl[nfl - 1] = (struct tw_reasm_frag){frame, at, n, 0};
    }
    bool joined = pd->len != 0;
    if (pd->len) {
        uint8_t *all = tw_arena_alloc(p->arena, (size_t)pd->len + n);
        if (!all) return false;
        memcpy(all, pd->buf, pd->len);
        memcpy(all + pd->len, dc.data + dc.off, n);
        n += pd->len;
        pd->len = 0;
        dc = tw_new_source(p, all, n, "Reassembled TLS");
    }
    __typeof__(p->deseg) saved = p->deseg;
    bool can = s != &x->scratch;
    p->deseg.can = can;
    p->deseg.layer = p->nlayers;
    p->deseg.base = dc.off;
    p->deseg.offset = dc.off;
    p->deseg.len = 0;
    p->deseg.pdu_size_hf = 0;
    uint32_t k = 80, mark = p->nrecs;
    uint16_t mark_layer = (uint16_t)p->nlayers;
    tw_dissect_here(p, TW_TBL_TCP_PORT, 1, &k, dc);
    bool shown = true;
    if (can && p->deseg.len) {
        uint32_t from = p->deseg.offset > dc.off ? p->deseg.offset - dc.off : 0;
        if (from == 0) shown = false;
        /* the record's bytes kept: "TLS segment data" */
        if (rec_n) {
            /* (TLS's line exists when a tree or filter wants it; the field goes in any case) */
            uint32_t saved_ntree = p->ntree;
            if (tls_rec >= 0 && p->ntree < TW_MAX_TREE) p->tree[p->ntree++] = tls_rec;
            uint32_t sf = from > n - rec_n ? from - (n - rec_n) : 0;
            struct tw_cur rc = rec_dc;
            uint8_t saved_src = p->cur_src;
            tw_use_source(p, rc.data);
            if (sf < rec_n) {
                int32_t r = tw_add_bytes(p, (uint16_t)(ids.base + TF_SEG_DATA), &rc, rc.off + sf,
                                         rec_n - sf);
                tw_rec_label(p, r, "TLS segment data (%u bytes)", rec_n - sf);
            }
            p->cur_src = saved_src;
            p->ntree = saved_ntree;
        }
        uint32_t keep = from < n ? n - from : 0;
        if (keep && keep <= APP_PEND_MAX) {
            if (keep > pd->cap) {
                uint8_t *b = realloc(pd->buf, keep);
                if (b) {
                    pd->buf = b;
                    pd->cap = keep;
                }
            }
            if (keep <= pd->cap && nfl > pd->capfrags) {
                struct hs_frag *nf = realloc(pd->frags, nfl * sizeof *nf);
                if (nf) {
                    pd->frags = nf;
                    pd->capfrags = nfl;
                }
            }
            if (keep <= pd->cap && nfl <= pd->capfrags) {
                memcpy(pd->buf, dc.data + dc.off + from, keep);
                pd->len = keep;
                pd->nfrags = 0;
                for (uint32_t i = 0; i < nfl; i++) {
                    uint32_t fe = fl[i].off + fl[i].len;
                    if (fe <= from) continue;
                    uint32_t fs = fl[i].off > from ? fl[i].off : from;
                    pd->frags[pd->nfrags++] = (struct hs_frag){fl[i].frame, fe - fs};
                }
            }
        }
    } else if (joined) {
        /* completed: "TLS segment data" of this record's piece and the "[N Reassembled TLS
         * segments]" tree at the top level, before the protocol's records */
        uint32_t saved_ntree = p->ntree;
        if (tls_rec >= 0 && p->ntree < TW_MAX_TREE) p->tree[p->ntree++] = tls_rec;
        uint8_t saved_src = p->cur_src;
        tw_use_source(p, rec_dc.data);
        int32_t r = tw_add_bytes(p, (uint16_t)(ids.base + TF_SEG_DATA), &rec_dc, rec_dc.off, rec_n);
        tw_rec_label(p, r, "TLS segment data (%u bytes)", rec_n);
        tw_use_source(p, dc.data);
        uint32_t from_rec = p->nrecs;
        if (p->nseg_items < TW_ARRAY_LEN(p->seg_items)) p->seg_items[p->nseg_items++] = mark_layer;
        p->ntree = 0;
        struct tw_reasm_result res = {dc.data + dc.off, n, fl, nfl, 0};
        const struct tw_reasm_fields rf = {.fragments = (uint16_t)(ids.base + TF_SEGMENTS),
                                           .fragment = (uint16_t)(ids.base + TF_SEGMENT),
                                           .error = (uint16_t)(ids.base + TF_SEGMENT),
                                           .count = (uint16_t)(ids.base + TF_SEG_COUNT),
                                           .length = (uint16_t)(ids.base + TF_REASM_LEN),
                                           .data = (uint16_t)(ids.base + TF_REASM_DATA),
                                           .one = "Reassembled TLS segment",
                                           .many = "Reassembled TLS segments"};
        tw_reasm_tree(p, &res, &rf);
        p->ntree = saved_ntree;
        p->cur_src = saved_src;
        if (mark < from_rec && from_rec < p->nrecs) tw_recs_move(p, mark, from_rec);
    }
    int32_t tcp_rec = p->deseg.tcp_rec;
    p->deseg = saved;
    p->deseg.tcp_rec = tcp_rec;
    return shown;
}

static bool app_hand_on(struct tls_ctx *x)
{
    struct tw_pkt *p = x->p;
    /* tshark hands each record's plaintext on as it goes: the protocol's Info, then what the
     * records after the last one added */
    char tail[256];
    size_t tl = 0;
    if (p->want_cols && p->info.len > x->info_mark) {
        tl = TW_MIN(p->info.len - x->info_mark, sizeof tail - 1);
        memcpy(tail, p->info.p + x->info_mark, tl);
    }
    bool shown = false;
    for (uint32_t i = 0; i < x->napp; i++) shown |= app_one(x, x->app[i], x->app_dir[i]);
    if (!shown) tw_info_set(p, "[TLS segment of a reassembled PDU]");
    if (tl) tw_info_addn(p, tail, tl);
    return shown;
}

/* ---- Signed Certificate Timestamps (RFC 6962) ---- */

/* the Certificate Transparency logs tshark 4.0 names, by log ID (those the corpora's
 * certificates cite; any other is an "Unknown Log") */
static const struct {
    const char *id;
    const char *name;
} ct_logs[] = {
    {"4494652eb0eeceafc44007d8a8fe28c0dae682bed8cb31b53fd33396b5b681a8", "Cloudflare 'Nimbus2021' Log"},
    {"41c8cab1df22464a10c6a13a0942875e4e318b1b03ebeb4bc768f090629606f6", "Cloudflare 'Nimbus2022' Log"},
    {"7a328c54d8b72db620ea38e0521ee98416703213854d3bd22bc13a57a352eb52", "Cloudflare 'Nimbus2023' Log"},
    {"dab6bf6b3fb5b6229f9bc2bb5c6be87091716cbb51848534bda43d3048d7fbab", "Cloudflare 'Nimbus2024' Log"},
    {"5614069a2fd7c2ecd3f5e1bd44b23ec74676b9bc99115cc0ef949855d689d0dd", "DigiCert Log Server"},
    {"8775bfe7597cf88c43995fbdf36eff568d475636ff4ab560c1b4eaff5ea0830f", "DigiCert Log Server 2"},
    {"51a3b0f5fd01799c566db837788f0ca47acc1b27cbf79e88429a0dfed48b05e5", "DigiCert Nessie2022 Log"},
    {"b3737707e18450f86386d605a9dc11094a792db1670c0b87dcf0030e7936a59a", "DigiCert Nessie2023 Log"},
    {"5cdc4392fee6ab4544b15e9ad456e61037fbd5fa47dca17394b25ee6f6c70eca", "DigiCert Yeti2021 Log"},
    {"2245450759552456963fa12ff1f76d86e0232663adc04b7f5dc6835c6ee20f02", "DigiCert Yeti2022 Log"},
    {"059c01d320e00784139580498d117c903266afaf7250b5af3b46a43e11840d4a", "DigiCert Yeti2022-2 Log"},
    {"48b0e36bdaa647340fe56a02fa9d30eb1c5201cb56dd2c81d9bbbfab39d88473", "DigiCert Yeti2024 Log"},
    {"f65c942fd1773022145418083094568ee34d131933bfdf0c2f200bcc4ef164e3", "Google 'Argon2021' log"},
    {"2979bef09e393921f056739f63a577e5be577d9c600af8f94d5d265c255dc784", "Google 'Argon2022' log"},
    {"eecdd064d5db1acec55cb79db4cd13a23287467cbcecdec351485946711fb59b", "Google 'Argon2024' log"},
    {"68f698f81f6482be3a8ceeb9281d4cfc71515d6793d444d10a67acbb4f4ffbc4", "Google 'Aviator' log"},
    {"a4b90990b418581487bb13a2cc67700a3c359804f91bdfb8e377cd0ec80ddc10", "Google 'Pilot' log"},
    {"ee4bbdb775ce60bae142691fabe19e66a30f7e5fb072d88300c47b897aa8fdcb", "Google 'Rocketeer' log"},
    {"bbd9dfbc1f8a71b593942397aa927b473857950aab52e81a909664368e1ed185", "Google 'Skydiver' log"},
    {"7d3ef2f88fff88556824c2c0ca9e5289792bc50e78097f2e6a9768997e22f0d7", "Google 'Xenon2021' log"},
    {"46a555eb75fa912030b5a28969f4f37d112c4174befd49b885abf2fc70fe6d47", "Google 'Xenon2022' log"},
    {"adf7befa7cff10c88b9d3d9c1e3e186ab467295dcfb10c24ca858634ebdc828a", "Google 'Xenon2023' log"},
    {"dfa55eab68824f1f6cadeeb85f4e3e5aeacda212a46a5e8e3b12c020445c2a73", "Let's Encrypt 'Oak2022' log"},
    {"b73efb24df9c4dba75f239c5ba58f46c5dfc42cf7a9f35c49e1d098125edb499", "Let's Encrypt 'Oak2023' log"},
    {"3f174b4fd7224758941d651c84be0d12ed90377f1f856aebc1bf2885ecf8646e", "Let's Encrypt 'Oak2024H2' log"},
    {"6f5376ac31f03119d89900a45115ff77151c11d902c10029068db2089a37d913", "Sectigo 'Mammoth' CT log"},
    {"5581d4c2169036014aea0b9b573c53f0c0e43878702508172fa3aa1d0713d30c", "Sectigo 'Sabre' CT log"},
    {"ddeb1d2b7a0d4fa6208b81ad8168707e2e8e9d01d55c888d3d11c4cdb6ecbecc", "Symantec log"},
    {"03019df3fd85a69a8ebd1facc6da9ba73e469774fe77f579fc5a08b8328c1d6b", "Venafi Gen2 CT log"},
    {"ac3b9aed7fa9674757159e6d7d575672f9d98100941e9bdeffeca1313b75782d", "Venafi log"},
};

static const char *ct_log_name(const uint8_t *id)
{
    char hex[65];
    for (int i = 0; i < 32; i++) snprintf(hex + 2 * i, 3, "%02x", id[i]);
    for (size_t i = 0; i < TW_ARRAY_LEN(ct_logs); i++)
        if (memcmp(ct_logs[i].id, hex, 64) == 0) return ct_logs[i].name;
    return "Unknown Log";
}

/* SignedCertificateTimestampList: from a TLS extension or an X.509 certificate's extension */
static void sct_list(struct tls_ctx *x, const struct tw_cur *c, uint32_t off, uint32_t end)
{
    struct tw_pkt *p = x->p;
    if (!have(c, off, 2, end)) return;
    uint32_t n = be16(c->data + off);
    add_u(x, F_SCTS_LEN, c, off, 2);
    off += 2;
    uint32_t le = end - off > n ? off + n : end;
    while (have(c, off, 2, le)) {
        uint32_t sl = be16(c->data + off);
        uint32_t se = le - (off + 2) > sl ? off + 2 + sl : le;
        int32_t it = tw_add_text(p, off, se - off, "Signed Certificate Timestamp (%s)",
                                 have(c, off + 3, 32, se) ? ct_log_name(c->data + off + 3)
                                                          : "Unknown Log");
        tw_tree_push(p, it);
        add_u(x, F_SCT_LEN, c, off, 2);
        uint32_t o = off + 2;
        if (have(c, o, 1, se)) add_u(x, F_SCT_VERSION, c, o, 1);
        if (have(c, o + 1, 32, se)) tw_add_bytes(p, HF(F_SCT_LOGID), c, o + 1, 32);
        if (have(c, o + 33, 8, se)) {
            uint64_t ms = 0;
            for (int i = 0; i < 8; i++) ms = ms << 8 | c->data[o + 33 + i];
            struct tw_time t = {(int64_t)(ms / 1000), (int32_t)(ms % 1000) * 1000000};
            tw_add_time(p, HF(F_SCT_TIMESTAMP), o + 33, 8, t);
        }
        o += 41;
        if (have(c, o, 2, se)) {
            uint32_t el = be16(c->data + o);
            add_u(x, F_SCT_EXTS_LEN, c, o, 2);
            o += 2;
            if (el && have(c, o, el, se)) add_none(x, F_SCT_EXTS, o, el);
            o += el;
            signed_struct(x, c, o, se, F_SCT_SIG_LEN, F_SCT_SIG);
        }
        tw_tree_pop(p);
        off = se;
    }
}

static struct {
    struct tw_pkt *p;
} sct_pending;

enum tw_status tw_tls_sct_ext(struct tw_pkt *p, const uint8_t *data, uint32_t off, uint32_t end,
                              uint32_t cap)
{
    struct tw_cur c = {data, off, end, cap, TW_CUR_OK};
    sct_pending.p = p;
    enum tw_status st = tw_dissect_nested(p, TW_TBL_NAME, TW_KEY_TLS_SCT, c);
    sct_pending.p = NULL;
    return st;
}

static enum tw_status dissect_tls(struct tw_pkt *p, struct tw_cur *c)
{
    if (sct_pending.p == p) {
        /* a certificate's SCT list (tw_tls_sct_ext): in frame.protocols, without a line */
        sct_pending.p = NULL;
        tw_layer_unrecord(p);
        if (p->ntree >= 2) p->tree[p->ntree - 1] = p->tree[p->ntree - 2];
        struct tls_ctx x = {.p = p, .v = &tls_variant};
        memset(&x.scratch, 0, sizeof x.scratch);
        x.s = &x.scratch;
        x.s->version = sct_version;
        sct_list(&x, c, c->off, c->end);
        c->off = c->end;
        return TW_OK;
    }
    const uint8_t *h;
    if (tw_cur_try_peek(c, 0, 5, &h) && h[0] >= 0x20 && h[0] < 0x7f && h[1] >= 0x20 &&
        h[1] < 0x7f && h[2] >= 0x20 && h[2] < 0x7f && h[3] >= 0x20 && h[3] < 0x7f) {
        /* four printable characters: not TLS (tshark hands the bytes on as data, and the
         * Protocol column stays the layer's below) */
        tw_layer_unrecord(p);
        tw_layer_hide(p);
        if (p->nlayers >= 2) {
            const struct tw_proto *below = tw_proto_get(p->layers[p->nlayers - 2].proto);
            if (below) tw_col_proto(p, below->short_name);
        }
        if (p->via_table == TW_TBL_TCP_PORT) {
            /* reached by its port, TLS returns 0 and TCP tries its heuristics (HTTP on 443 is
             * HTTP then, suricata-verify http-brotli-ce), then data; no port has key 0 */
            p->ctx.tls_refused = true;
            if (tw_can_desegment(p)) p->deseg.layer = p->nlayers; /* the next layer may ask */
            tw_next(p, TW_TBL_TCP_PORT, 0, *c);
        } else {
            tw_next(p, TW_TBL_NAME, TW_KEY_DATA, *c);
        }
        return TW_OK;
    }
    struct tls_ctx x = {.p = p, .v = &tls_variant};
    int dir = 0;
    x.frame = p->frame ? p->frame->recno : 0;
    const bool from_eap = eap_outer.p == p && eap_outer.frame == x.frame;
    eap_outer.p = NULL;
    x.s = from_eap ? (sess_tab && !p->ctx.in_error_pkt
                          ? tw_state_put(sess_tab, eap_outer.key, eap_outer.klen, NULL)
                          : NULL)
                   : session_for(p, &dir);
    if (!x.s) {
        memset(&x.scratch, 0, sizeof x.scratch);
        x.s = &x.scratch;
    }
    if (from_eap) {
        x.from_server = eap_outer.from_server;
    } else {
        /* which side is the server: the receiver of a ClientHello, else a TLS port */
        const uint8_t *b;
        bool ch = tw_cur_try_peek(c, 0, 6, &b) && b[0] == 22 && b[5] == 1;
        if (ch && x.s->server_dir == 0) x.s->server_dir = (uint8_t)(2 - dir); /* receiver */
        if (x.s->server_dir)
            x.from_server = (uint8_t)(dir + 1) == x.s->server_dir;
        else
            x.from_server = is_tls_port(p->ctx.srcport) && !is_tls_port(p->ctx.dstport);
    }
    tw_col_proto(p, vname(x.s->version, "SSL"));
    tw_info_clear(p);
    uint32_t off = c->off, end = c->end;
    if (end > c->cap) end = c->end; /* lengths are judged on what was sent */
    while (off < end) {
        uint32_t next;
        struct tls_session *s = x.s;
        if (s->version == 0x0002) {
            next = v2_record(&x, c, off, end);
        } else if (s->version) {
            if (end - off < 5) {
                if (tw_can_desegment(p)) {
                    tw_deseg_request(p, off, TW_DESEG_ONE_MORE_SEGMENT);
                    break;
                }
                break;
            }
            if (looks_like_v2_hello(c, off, end) && !looks_like_v3(c, off, end))
                next = v2_record(&x, c, off, end);
            else
                next = record(&x, c, off, end, c->off);
        } else {
            if (end - off < 5) {
                if (tw_can_desegment(p)) tw_deseg_request(p, off, TW_DESEG_ONE_MORE_SEGMENT);
                break;
            }
            if (looks_like_sslv2(c, off, end) && !looks_like_v3(c, off, end))
                next = v2_record(&x, c, off, end);
            else if (looks_like_v3(c, off, end))
                next = record(&x, c, off, end, c->off);
            else {
                info_sep(&x, "Continuation Data");
                next = end;
            }
        }
        if (next == UINT32_MAX || x.cut) break;
        if (next > end || next <= off) next = end;
        off = next;
    }
    /* the version a ServerHello negotiated names the frame */
    bool shown = x.napp && app_hand_on(&x);
    if (x.s->version && !shown && !x.v2 && !x.early13)
        tw_col_proto(p, vname(x.s->version, "SSL"));
    tw_info_fence(p);
    c->off = c->end;
    return x.cut ? TW_TRUNCATED : TW_OK;
}

/* tshark's TLS heuristic on TCP: a record header of a handshake or application data record in
 * a version tshark knows, or an SSLv2 ClientHello; a conversation already found to be TLS stays
 * TLS */
/* tshark's Modbus/TCP (port 502) refuses what does not look like its header: 8 bytes, a zero
 * protocol identifier and a length of at least 2; refused bytes reach the heuristics */
static bool modbus_takes(const struct tw_cur *c)
{
    const uint8_t *b;
    return tw_cur_try_peek(c, 0, 8, &b) && be16(b + 2) == 0 && be16(b + 4) >= 2;
}

static bool other_port(uint16_t port)
{
    /* protocols with STARTTLS hand the rest of the connection to TLS in tshark; trawl does not
     * dissect them yet, so the heuristic finds the TLS that follows the upgrade. Not IRC (6667)
     * nor RDP (3389): tshark 4.0's IRC dissector keeps the connection after "STARTTLS" (the TLS
     * records are IRC lines), and TPKT, which owns 3389, shows the TLS that follows an RDP
     * negotiation as "Continuation"; neither port ever reaches the TLS heuristic. */
    static const uint16_t starttls[] = {21, 25, 110, 143, 389, 587, 5222, 5269, 5432};
    for (size_t i = 0; i < TW_ARRAY_LEN(starttls); i++)
        if (starttls[i] == port) return false;
    size_t lo = 0, hi = TW_ARRAY_LEN(tls_other_tcp_ports);
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (tls_other_tcp_ports[mid] == port) return true;
        if (tls_other_tcp_ports[mid] < port)
            lo = mid + 1;
        else
            hi = mid;
    }
    return false;
}

/* Does the dissector tshark gives this port keep bytes that do not look like its protocol?
 * Modbus/TCP (502) and MRCPv2 (6075, 30000-30200: its TCP dissector returns 0 unless the bytes
 * start "MRCP/2.0") refuse them, and the heuristics run (the lab's ftps.pcap: TLS on passive
 * data port 30004). */
static bool port_takes(uint16_t port, const struct tw_cur *c)
{
    if (port == 502) return modbus_takes(c);
    if (port == 6075 || (port >= 30000 && port <= 30200)) {
        const uint8_t *b;
        return tw_cur_try_peek(c, 0, 8, &b) && memcmp(b, "MRCP/2.0", 8) == 0;
    }
    return true;
}

static bool heur_tls(struct tw_pkt *p, const struct tw_cur *c)
{
    if (p->ctx.tls_refused) return false;
    if (session_find(p)) return true;
    /* a port tshark gives to another protocol never reaches its heuristics (trawl may not have
     * that protocol yet) */
    if ((other_port(p->ctx.srcport) && port_takes(p->ctx.srcport, c)) ||
        (other_port(p->ctx.dstport) && port_takes(p->ctx.dstport, c)))
        return false;
    const uint8_t *b;
    if (tw_cur_try_peek(c, 0, 5, &b)) {
        uint16_t v = (uint16_t)be16(b + 1);
        uint32_t l = be16(b + 3);
        if ((b[0] == 22 || b[0] == 23) &&
            (v == 0x0300 || v == 0x0301 || v == 0x0302 || v == 0x0303 || v == 0x0101) && l != 0 &&
            l < 0x4000 + 2048)
            return true;
    }
    if (tw_cur_avail(c) >= 46 && tw_cur_try_peek(c, 0, 11, &b)) {
        uint32_t csl = be16(b + 5), sl = be16(b + 7);
        if (b[0] == 0x80 && b[2] == 1 && csl && csl % 3 == 0 && (sl == 0 || sl == 16) &&
            be16(b + 9) == 32)
            return true;
    }
    return false;
}

static const struct tw_binding bindings[] = {
    {TW_TBL_NAME, TW_KEY_TLS_EAP}, {TW_TBL_NAME, TW_KEY_TLS_SCT}, {TW_TBL_TCP_PORT, 324},   {TW_TBL_TCP_PORT, 443},
    {TW_TBL_TCP_PORT, 465},        {TW_TBL_TCP_PORT, 636},   {TW_TBL_TCP_PORT, 802},
    {TW_TBL_TCP_PORT, 853},        {TW_TBL_TCP_PORT, 993},   {TW_TBL_TCP_PORT, 995},
    {TW_TBL_TCP_PORT, 1300},       {TW_TBL_TCP_PORT, 2221},  {TW_TBL_TCP_PORT, 2443},
    {TW_TBL_TCP_PORT, 3249},       {TW_TBL_TCP_PORT, 3250},  {TW_TBL_TCP_PORT, 3251},
    {TW_TBL_TCP_PORT, 3252},       {TW_TBL_TCP_PORT, 3496},  {TW_TBL_TCP_PORT, 5061},
    {TW_TBL_TCP_PORT, 5671},       {TW_TBL_TCP_PORT, 5684},  {TW_TBL_TCP_PORT, 5868},
    {TW_TBL_TCP_PORT, 8883},       {TW_TBL_TCP_PORT, 11207}, {TW_TBL_TCP_PORT, 19999},
    {TW_TBL_TCP_PORT, 27017},
};

const struct tw_proto tw_proto_tls = {
    .abbrev = "tls",
    .name = "Transport Layer Security",
    .short_name = "TLS",
    .fields = fields,
    .nfields = TF_COUNT,
    .experts = experts,
    .nexperts = E_COUNT,
    .bindings = bindings,
    .nbindings = TW_ARRAY_LEN(bindings),
    .dissect = dissect_tls,
    .init = tls_init,
    .ids = &ids,
    .heur = heur_tls,
    .heur_tables = {TW_TBL_TCP_PORT},
};
