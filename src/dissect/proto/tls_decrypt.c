/* TLS decryption with the secrets of an NSS key log, as tshark does with -o tls.keylog_file and
 * with the TLS key log of pcapng Decryption Secrets Blocks (type 0x544c534b).
 *
 * Key log lines (NSS format), keyed by the ClientHello's random:
 *   CLIENT_RANDOM <cr> <master secret>                       TLS 1.0-1.2
 *   CLIENT_HANDSHAKE_TRAFFIC_SECRET <cr> <secret>            TLS 1.3, and
 *   SERVER_HANDSHAKE_TRAFFIC_SECRET, CLIENT_TRAFFIC_SECRET_0, SERVER_TRAFFIC_SECRET_0
 *
 * TLS 1.0-1.2 (RFC 2246 5, RFC 5246 5 and 6.3): key_block = PRF(master_secret, "key expansion",
 * server_random + client_random), cut into the client and server MAC keys, write keys and IVs.
 * The PRF is P_SHA256 (P_SHA384 for the suites named SHA384) in TLS 1.2, P_MD5 xor P_SHA1 before.
 * TLS 1.3 (RFC 8446 7.1, 7.3): key = HKDF-Expand-Label(secret, "key", "", key_length), iv =
 * HKDF-Expand-Label(secret, "iv", "", 12); the handshake secrets until each side's Finished, the
 * application secrets after it.
 *
 * Ciphers: AES-128/256-GCM (RFC 5288), ChaCha20-Poly1305 (RFC 7905), AES-128/256-CBC with
 * HMAC-SHA1/SHA256/SHA384 (explicit IV from TLS 1.1, encrypt-then-MAC of RFC 7366 when
 * negotiated). The MAC of CBC records is not checked (tshark's is, and only warns).
 */
#include "tls_decrypt.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../dissect.h"
#include "tls.h"

/* ---------------------------------------------------------------------------------------------
 * Key log
 * ------------------------------------------------------------------------------------------- */
enum { S_MS, S_CHTS, S_SHTS, S_CTS0, S_STS0, S_COUNT };

struct keylog_entry {
    uint8_t cr[32];
    uint8_t secret[S_COUNT][48];
    uint8_t len[S_COUNT]; /* 0: not known */
};

static struct keylog_entry *keylog;
static uint32_t nkeylog, capkeylog;
static bool file_loaded;

static int hexval(int ch)
{
    if (ch >= '0' && ch <= '9') return ch - '0';
    if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
    if (ch >= 'A' && ch <= 'F') return ch - 'A' + 10;
    return -1;
}

/* hex digits at s (n of them, even) into out; false if not all hex or too long */
static bool unhex(const char *s, size_t n, uint8_t *out, size_t cap)
{
    if (n % 2 || n / 2 > cap) return false;
    for (size_t i = 0; i < n; i += 2) {
        int a = hexval((unsigned char)s[i]), b = hexval((unsigned char)s[i + 1]);
        if (a < 0 || b < 0) return false;
        out[i / 2] = (uint8_t)(a << 4 | b);
    }
    return true;
}

static struct keylog_entry *keylog_find(const uint8_t cr[32])
{
    for (uint32_t i = nkeylog; i-- > 0;)
        if (memcmp(keylog[i].cr, cr, 32) == 0) return &keylog[i];
    return NULL;
}

/* one key log line (without its end of line) */
static void keylog_line(const char *l, size_t n)
{
    static const char *const labels[S_COUNT] = {
        "CLIENT_RANDOM", "CLIENT_HANDSHAKE_TRAFFIC_SECRET", "SERVER_HANDSHAKE_TRAFFIC_SECRET",
        "CLIENT_TRAFFIC_SECRET_0", "SERVER_TRAFFIC_SECRET_0"};
    size_t sp1 = 0;
    while (sp1 < n && l[sp1] != ' ') sp1++;
    int which = -1;
    for (int i = 0; i < S_COUNT; i++)
        if (strlen(labels[i]) == sp1 && memcmp(l, labels[i], sp1) == 0) which = i;
    if (which < 0 || sp1 + 1 + 64 + 1 > n || l[sp1 + 1 + 64] != ' ') return;
    uint8_t cr[32], sec[48];
    const char *hs = l + sp1 + 1 + 64 + 1;
    size_t hn = (size_t)(l + n - hs);
    while (hn && (hs[hn - 1] == ' ' || hs[hn - 1] == '\t')) hn--;
    if (!unhex(l + sp1 + 1, 64, cr, 32) || !unhex(hs, hn, sec, sizeof sec) || hn == 0) return;
    if (which == S_MS && hn != 96) return;
    struct keylog_entry *e = keylog_find(cr);
    if (!e) {
        if (nkeylog == capkeylog) {
            uint32_t nc = capkeylog ? capkeylog * 2 : 16;
            struct keylog_entry *ne = realloc(keylog, nc * sizeof *ne);
            if (!ne) return;
            keylog = ne;
            capkeylog = nc;
        }
        e = &keylog[nkeylog++];
        memset(e, 0, sizeof *e);
        memcpy(e->cr, cr, 32);
    }
    memcpy(e->secret[which], sec, hn / 2);
    e->len[which] = (uint8_t)(hn / 2);
}

static void keylog_text(const char *t, size_t n)
{
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && t[j] != '\n') j++;
        size_t e = j;
        if (e > i && t[e - 1] == '\r') e--;
        if (e > i && t[i] != '#') keylog_line(t + i, e - i);
        i = j + 1;
    }
}

void tw_secrets_add(uint32_t type, const uint8_t *data, uint32_t len)
{
    if (type == 0x544c534bu && data) keylog_text((const char *)data, len);
}

void tls_dec_init(void)
{
    if (file_loaded) return;
    file_loaded = true;
    const char *path = tw_pref_str("tls.keylog_file");
    if (!path || !*path) path = tw_pref_str("ssl.keylog_file");
    if (!path || !*path) return;
    FILE *f = fopen(path, "rb");
    if (!f) {
        tw_log(TW_LOG_WARN, "tls.keylog_file: cannot open %s", path);
        return;
    }
    char line[1024];
    while (fgets(line, sizeof line, f)) {
        size_t n = strlen(line);
        keylog_text(line, n);
    }
    fclose(f);
}

/* ---------------------------------------------------------------------------------------------
 * Cipher suites
 * ------------------------------------------------------------------------------------------- */
enum mode { M_GCM, M_CHACHA, M_CBC, M_NULL };
enum hash { H_SHA1, H_SHA256, H_SHA384, H_MD5 };

struct suite {
    uint16_t id;
    uint8_t mode;   /* enum mode */
    uint8_t keylen; /* bytes */
    uint8_t mac;    /* enum hash: CBC's HMAC */
    uint8_t prf;    /* enum hash: the TLS 1.2 PRF's / TLS 1.3 HKDF's hash */
};

static const struct suite suites[] = {
    /* TLS 1.3 */
    {0x1301, M_GCM, 16, 0, H_SHA256},
    {0x1302, M_GCM, 32, 0, H_SHA384},
    {0x1303, M_CHACHA, 32, 0, H_SHA256},
    /* AES-GCM */
    {0x009c, M_GCM, 16, 0, H_SHA256},
    {0x009d, M_GCM, 32, 0, H_SHA384},
    {0x009e, M_GCM, 16, 0, H_SHA256},
    {0x009f, M_GCM, 32, 0, H_SHA384},
    {0x00a2, M_GCM, 16, 0, H_SHA256},
    {0x00a3, M_GCM, 32, 0, H_SHA384},
    {0x00a8, M_GCM, 16, 0, H_SHA256},
    {0x00a9, M_GCM, 32, 0, H_SHA384},
    {0x00aa, M_GCM, 16, 0, H_SHA256},
    {0x00ab, M_GCM, 32, 0, H_SHA384},
    {0xc02b, M_GCM, 16, 0, H_SHA256},
    {0xc02c, M_GCM, 32, 0, H_SHA384},
    {0xc02d, M_GCM, 16, 0, H_SHA256},
    {0xc02e, M_GCM, 32, 0, H_SHA384},
    {0xc02f, M_GCM, 16, 0, H_SHA256},
    {0xc030, M_GCM, 32, 0, H_SHA384},
    {0xc031, M_GCM, 16, 0, H_SHA256},
    {0xc032, M_GCM, 32, 0, H_SHA384},
    /* ChaCha20-Poly1305 */
    {0xcca8, M_CHACHA, 32, 0, H_SHA256},
    {0xcca9, M_CHACHA, 32, 0, H_SHA256},
    {0xccaa, M_CHACHA, 32, 0, H_SHA256},
    {0xccab, M_CHACHA, 32, 0, H_SHA256},
    {0xccac, M_CHACHA, 32, 0, H_SHA256},
    {0xccad, M_CHACHA, 32, 0, H_SHA256},
    {0xccae, M_CHACHA, 32, 0, H_SHA256},
    /* AES-CBC */
    {0x002f, M_CBC, 16, H_SHA1, H_SHA256},
    {0x0033, M_CBC, 16, H_SHA1, H_SHA256},
    {0x0035, M_CBC, 32, H_SHA1, H_SHA256},
    {0x0039, M_CBC, 32, H_SHA1, H_SHA256},
    {0x003c, M_CBC, 16, H_SHA256, H_SHA256},
    {0x003d, M_CBC, 32, H_SHA256, H_SHA256},
    {0x0067, M_CBC, 16, H_SHA256, H_SHA256},
    {0x006b, M_CBC, 32, H_SHA256, H_SHA256},
    {0x008c, M_CBC, 16, H_SHA1, H_SHA256},
    {0x008d, M_CBC, 32, H_SHA1, H_SHA256},
    {0xc004, M_CBC, 16, H_SHA1, H_SHA256},
    {0xc005, M_CBC, 32, H_SHA1, H_SHA256},
    {0xc009, M_CBC, 16, H_SHA1, H_SHA256},
    {0xc00a, M_CBC, 32, H_SHA1, H_SHA256},
    {0xc013, M_CBC, 16, H_SHA1, H_SHA256},
    {0xc014, M_CBC, 32, H_SHA1, H_SHA256},
    {0xc023, M_CBC, 16, H_SHA256, H_SHA256},
    {0xc024, M_CBC, 32, H_SHA384, H_SHA384},
    {0xc027, M_CBC, 16, H_SHA256, H_SHA256},
    {0xc028, M_CBC, 32, H_SHA384, H_SHA384},
    /* NULL encryption: the plaintext then the MAC, readable without the key log (tshark
     * creates a decoder for these once the suite and version are known, skipping the MAC) */
    {0x0001, M_NULL, 0, H_MD5, H_SHA256},
    {0x0002, M_NULL, 0, H_SHA1, H_SHA256},
    {0x002c, M_NULL, 0, H_SHA1, H_SHA256},
    {0x002d, M_NULL, 0, H_SHA1, H_SHA256},
    {0x002e, M_NULL, 0, H_SHA1, H_SHA256},
    {0x003b, M_NULL, 0, H_SHA256, H_SHA256},
    {0x00b0, M_NULL, 0, H_SHA256, H_SHA256},
    {0x00b1, M_NULL, 0, H_SHA384, H_SHA384},
    {0x00b4, M_NULL, 0, H_SHA256, H_SHA256},
    {0x00b5, M_NULL, 0, H_SHA384, H_SHA384},
    {0x00b8, M_NULL, 0, H_SHA256, H_SHA256},
    {0x00b9, M_NULL, 0, H_SHA384, H_SHA384},
    {0xc001, M_NULL, 0, H_SHA1, H_SHA256},
    {0xc006, M_NULL, 0, H_SHA1, H_SHA256},
    {0xc00b, M_NULL, 0, H_SHA1, H_SHA256},
    {0xc010, M_NULL, 0, H_SHA1, H_SHA256},
    {0xc015, M_NULL, 0, H_SHA1, H_SHA256},
    {0xc039, M_NULL, 0, H_SHA1, H_SHA256},
    {0xc03a, M_NULL, 0, H_SHA256, H_SHA256},
    {0xc03b, M_NULL, 0, H_SHA384, H_SHA384},
};

static const struct suite *suite_find(uint16_t id)
{
    for (size_t i = 0; i < TW_ARRAY_LEN(suites); i++)
        if (suites[i].id == id) return &suites[i];
    return NULL;
}

static const EVP_MD *md_of(int h)
{
    switch (h) {
    case H_SHA1:
        return EVP_sha1();
    case H_SHA384:
        return EVP_sha384();
    default:
        return EVP_sha256();
    }
}

/* ---------------------------------------------------------------------------------------------
 * Key derivation
 * ------------------------------------------------------------------------------------------- */
/* P_hash(secret, seed) xor-ed into out (n bytes): RFC 5246 5 */
static bool p_hash_xor(const EVP_MD *md, const uint8_t *sec, size_t sl, const uint8_t *seed,
                       size_t seedl, uint8_t *out, size_t n)
{
    uint8_t a[EVP_MAX_MD_SIZE], t[EVP_MAX_MD_SIZE], buf[EVP_MAX_MD_SIZE + 128];
    unsigned al = 0, tl = 0;
    size_t hl = (size_t)EVP_MD_get_size(md);
    if (seedl > 128) return false;
    if (!HMAC(md, sec, (int)sl, seed, seedl, a, &al)) return false; /* A(1) */
    for (size_t done = 0; done < n;) {
        memcpy(buf, a, hl);
        memcpy(buf + hl, seed, seedl);
        if (!HMAC(md, sec, (int)sl, buf, hl + seedl, t, &tl)) return false;
        for (size_t i = 0; i < tl && done < n; i++) out[done++] ^= t[i];
        if (!HMAC(md, sec, (int)sl, a, al, a, &al)) return false; /* A(i+1) */
    }
    return true;
}

static bool prf(uint16_t version, int h, const uint8_t *sec, size_t sl, const char *label,
                const uint8_t *s1, const uint8_t *s2, uint8_t *out, size_t n)
{
    uint8_t seed[128];
    size_t ll = strlen(label);
    memcpy(seed, label, ll);
    memcpy(seed + ll, s1, 32);
    memcpy(seed + ll + 32, s2, 32);
    size_t seedl = ll + 64;
    memset(out, 0, n);
    if (version >= 0x0303) return p_hash_xor(md_of(h), sec, sl, seed, seedl, out, n);
    /* TLS 1.0/1.1: the secret's halves (overlapping by a byte when odd) to MD5 and SHA-1 */
    size_t half = (sl + 1) / 2;
    return p_hash_xor(EVP_md5(), sec, half, seed, seedl, out, n) &&
           p_hash_xor(EVP_sha1(), sec + sl - half, half, seed, seedl, out, n);
}

/* HKDF-Expand-Label(secret, label, "", n) of RFC 8446 7.1 */
static bool hkdf_label(const EVP_MD *md, const uint8_t *sec, size_t sl, const char *label,
                       uint8_t *out, size_t n)
{
    uint8_t info[2 + 1 + 255 + 1 + 1];
    size_t ll = strlen(label), il = 0;
    info[il++] = (uint8_t)(n >> 8);
    info[il++] = (uint8_t)n;
    info[il++] = (uint8_t)(6 + ll);
    memcpy(info + il, "tls13 ", 6);
    il += 6;
    memcpy(info + il, label, ll);
    il += ll;
    info[il++] = 0; /* empty context */
    uint8_t t[EVP_MAX_MD_SIZE], buf[EVP_MAX_MD_SIZE + sizeof info + 1];
    unsigned tl = 0;
    size_t done = 0;
    for (uint8_t i = 1; done < n; i++) {
        size_t bl = 0;
        if (i > 1) {
            memcpy(buf, t, tl);
            bl = tl;
        }
        memcpy(buf + bl, info, il);
        bl += il;
        buf[bl++] = i;
        if (!HMAC(md, sec, (int)sl, buf, bl, t, &tl)) return false;
        for (size_t k = 0; k < tl && done < n; k++) out[done++] = t[k];
    }
    return true;
}

/* ---------------------------------------------------------------------------------------------
 * Per-session state
 * ------------------------------------------------------------------------------------------- */
struct dir_keys {
    bool on;     /* records are encrypted (after CCS; TLS 1.3: once keys are known) */
    bool keyed;  /* key/iv below valid */
    uint8_t app; /* TLS 1.3: 0 handshake keys, 1 application keys */
    uint64_t seq;
    uint8_t key[32], iv[16], mac[48];
};

struct tls_dec {
    bool tried; /* key block derived (or found impossible) */
    bool ok;
    const struct suite *cs;
    uint16_t version;
    uint8_t draft; /* TLS 1.3 draft, 0 for the RFC */
    struct keylog_entry kl;
    struct dir_keys d[2]; /* [from_server] */
};

void tls_dec_free(struct tls_dec *d)
{
    if (d) OPENSSL_cleanse(d, sizeof *d);
    free(d);
}

static bool null_suite(const struct tls_session *s)
{
    const struct suite *cs = suite_find(s->cipher);
    return cs && cs->mode == M_NULL && s->version >= 0x0300 && s->version <= 0x0303;
}

static struct tls_dec *dec_get(struct tls_session *s)
{
    /* no state at all while there is no key log (or a NULL-encryption suite) */
    if (!s->dec && (nkeylog || null_suite(s))) s->dec = calloc(1, sizeof *s->dec);
    return s->dec;
}

static size_t maclen_of(const struct suite *cs)
{
    if (cs->mode != M_CBC && cs->mode != M_NULL) return 0;
    return cs->mac == H_MD5 ? 16 : cs->mac == H_SHA1 ? 20 : cs->mac == H_SHA256 ? 32 : 48;
}

/* TLS 1.3 traffic keys of one side from the secret of that stage */
static bool keys13(struct tls_dec *d, int dir, int which)
{
    struct dir_keys *k = &d->d[dir];
    k->keyed = false;
    if (!d->kl.len[which]) return false;
    const EVP_MD *md = md_of(d->cs->prf);
    if (!hkdf_label(md, d->kl.secret[which], d->kl.len[which], "key", k->key, d->cs->keylen) ||
        !hkdf_label(md, d->kl.secret[which], d->kl.len[which], "iv", k->iv, 12))
        return false;
    k->seq = 0;
    k->keyed = true;
    return true;
}

/* the keys of a session once its suite, randoms and secrets are known */
static void derive(struct tls_session *s, struct tls_dec *d)
{
    if (d->tried) return;
    if (null_suite(s)) {
        /* nothing to derive; the MAC is not checked (tshark skips it without the keys) */
        d->tried = d->ok = true;
        d->version = s->version;
        d->cs = suite_find(s->cipher);
        d->d[0].keyed = d->d[1].keyed = true;
        return;
    }
    if (!s->have_cr || !s->have_sr) return;
    d->tried = true;
    d->version = s->version;
    d->draft = s->draft;
    d->cs = suite_find(s->cipher);
    struct keylog_entry *e = keylog_find(s->client_random);
    if (!d->cs || !e) return;
    d->kl = *e;
    if (d->version == 0x0304) {
        if (d->cs->mode == M_CBC) return;
        d->ok = true;
        keys13(d, 0, S_CHTS);
        keys13(d, 1, S_SHTS);
        d->d[0].on = d->d[0].keyed;
        d->d[1].on = d->d[1].keyed;
        return;
    }
    if (d->version < 0x0301 || d->version > 0x0303 || !d->kl.len[S_MS]) return;
    if (d->cs->mode == M_NULL) return;
    if (d->cs->mode != M_CBC && d->version < 0x0303) return;
    size_t ml = maclen_of(d->cs), kl = d->cs->keylen;
    size_t ivl = d->cs->mode == M_GCM ? 4 : d->cs->mode == M_CHACHA ? 12 : 16;
    uint8_t kb[2 * (48 + 32 + 16)];
    size_t need = 2 * (ml + kl + ivl);
    if (!prf(d->version, d->cs->prf, d->kl.secret[S_MS], 48, "key expansion", s->server_random,
             s->client_random, kb, need))
        return;
    size_t o = 0;
    memcpy(d->d[0].mac, kb + o, ml);
    o += ml;
    memcpy(d->d[1].mac, kb + o, ml);
    o += ml;
    memcpy(d->d[0].key, kb + o, kl);
    o += kl;
    memcpy(d->d[1].key, kb + o, kl);
    o += kl;
    memcpy(d->d[0].iv, kb + o, ivl);
    o += ivl;
    memcpy(d->d[1].iv, kb + o, ivl);
    OPENSSL_cleanse(kb, sizeof kb);
    d->d[0].keyed = d->d[1].keyed = true;
    d->ok = true;
}

void tls_dec_ccs(struct tls_session *s, bool from_server)
{
    if (s->version == 0x0304) return;
    struct tls_dec *d = dec_get(s);
    if (!d) return;
    d->d[from_server].on = true;
    d->d[from_server].seq = 0;
}

void tls_dec_finished(struct tls_session *s, bool from_server)
{
    struct tls_dec *d = s->dec;
    if (!d || !d->ok || d->version != 0x0304 || d->d[from_server].app) return;
    d->d[from_server].app = 1;
    keys13(d, from_server, from_server ? S_STS0 : S_CTS0);
}

bool tls_dec_ready(struct tls_session *s, bool from_server)
{
    if (!null_suite(s) && (!nkeylog || !s->have_cr || !s->have_sr)) return false;
    struct tls_dec *d = dec_get(s);
    if (!d) return false;
    if (!d->tried) {
        bool on0 = d->d[0].on, on1 = d->d[1].on;
        derive(s, d);
        if (d->version != 0x0304) {
            d->d[0].on = on0;
            d->d[1].on = on1;
        }
    }
    return d->ok && d->d[from_server].on && d->d[from_server].keyed;
}

static const EVP_CIPHER *cipher_of(const struct suite *cs)
{
    switch (cs->mode) {
    case M_GCM:
        return cs->keylen == 16 ? EVP_aes_128_gcm() : EVP_aes_256_gcm();
    case M_CHACHA:
        return EVP_chacha20_poly1305();
    default:
        return cs->keylen == 16 ? EVP_aes_128_cbc() : EVP_aes_256_cbc();
    }
}

/* AEAD open: nonce (12), aad, ciphertext n bytes then a 16-byte tag */
static bool aead_open(const struct suite *cs, const uint8_t *key, const uint8_t nonce[12],
                      const uint8_t *aad, int aadl, const uint8_t *ct, int n, uint8_t *out)
{
    EVP_CIPHER_CTX *x = EVP_CIPHER_CTX_new();
    int l = 0, ok = x != NULL;
    ok = ok && EVP_DecryptInit_ex(x, cipher_of(cs), NULL, NULL, NULL) == 1;
    ok = ok && EVP_CIPHER_CTX_ctrl(x, EVP_CTRL_AEAD_SET_IVLEN, 12, NULL) == 1;
    ok = ok && EVP_DecryptInit_ex(x, NULL, NULL, key, nonce) == 1;
    ok = ok && EVP_DecryptUpdate(x, NULL, &l, aad, aadl) == 1;
    ok = ok && EVP_DecryptUpdate(x, out, &l, ct, n) == 1;
    ok = ok && EVP_CIPHER_CTX_ctrl(x, EVP_CTRL_AEAD_SET_TAG, 16, (void *)(ct + n)) == 1;
    ok = ok && EVP_DecryptFinal_ex(x, out + l, &l) == 1;
    EVP_CIPHER_CTX_free(x);
    return ok;
}

static bool cbc_decrypt(const struct suite *cs, const uint8_t *key, const uint8_t *iv,
                        const uint8_t *ct, int n, uint8_t *out)
{
    EVP_CIPHER_CTX *x = EVP_CIPHER_CTX_new();
    int l = 0, ok = x != NULL;
    ok = ok && EVP_DecryptInit_ex(x, cipher_of(cs), NULL, key, iv) == 1;
    ok = ok && EVP_CIPHER_CTX_set_padding(x, 0) == 1;
    ok = ok && EVP_DecryptUpdate(x, out, &l, ct, n) == 1;
    EVP_CIPHER_CTX_free(x);
    return ok;
}

static void put64(uint8_t *b, uint64_t v)
{
    for (int i = 7; i >= 0; i--, v >>= 8) b[i] = (uint8_t)v;
}

bool tls_dec_record(struct tw_pkt *p, struct tls_session *s, bool from_server, const uint8_t hdr[5],
                    const uint8_t *body, uint32_t len, uint8_t **out, uint32_t *out_len,
                    uint8_t *ct)
{
    if (!tls_dec_ready(s, from_server)) return false;
    struct tls_dec *d = s->dec;
    if (d->version == 0x0304 && hdr[0] != 23) return false;
    struct dir_keys *k = &d->d[from_server];
    const struct suite *cs = d->cs;
    uint8_t *buf = tw_arena_alloc(p->arena, len ? len : 1);
    if (!buf) return false;
    /* a record that fails (TLS 1.3 early data without its secret) leaves the number alone */
    uint64_t seq = k->seq;
    uint8_t aad[13], nonce[12];
    if (d->version == 0x0304) {
        if (len < 17) return false;
        memcpy(nonce, k->iv, 12);
        for (int i = 0; i < 8; i++) nonce[11 - i] ^= (uint8_t)(seq >> (8 * i));
        /* the record header became the additional data in draft 25 */
        int aadl = d->draft && d->draft < 25 ? 0 : 5;
        if (!aead_open(cs, k->key, nonce, hdr, aadl, body, (int)len - 16, buf)) return false;
        uint32_t n = len - 16;
        while (n && buf[n - 1] == 0) n--;
        if (!n) return false;
        *ct = buf[n - 1];
        k->seq++;
        *out = buf;
        *out_len = n - 1;
        return true;
    }
    put64(aad, seq);
    aad[8] = hdr[0];
    aad[9] = hdr[1];
    aad[10] = hdr[2];
    *ct = hdr[0];
    if (cs->mode == M_GCM) {
        if (len < 8 + 16) return false;
        uint32_t n = len - 8 - 16;
        memcpy(nonce, k->iv, 4);
        memcpy(nonce + 4, body, 8);
        aad[11] = (uint8_t)(n >> 8);
        aad[12] = (uint8_t)n;
        if (!aead_open(cs, k->key, nonce, aad, 13, body + 8, (int)n, buf)) return false;
        k->seq++;
        *out = buf;
        *out_len = n;
        return true;
    }
    if (cs->mode == M_CHACHA) {
        if (len < 16) return false;
        uint32_t n = len - 16;
        memcpy(nonce, k->iv, 12);
        for (int i = 0; i < 8; i++) nonce[11 - i] ^= (uint8_t)(seq >> (8 * i));
        aad[11] = (uint8_t)(n >> 8);
        aad[12] = (uint8_t)n;
        if (!aead_open(cs, k->key, nonce, aad, 13, body, (int)n, buf)) return false;
        k->seq++;
        *out = buf;
        *out_len = n;
        return true;
    }
    if (cs->mode == M_NULL) {
        size_t ml = maclen_of(cs);
        if (len < ml) return false;
        memcpy(buf, body, len - ml);
        k->seq++;
        *out = buf;
        *out_len = len - (uint32_t)ml;
        return true;
    }
    /* CBC: [explicit IV] ciphertext, the MAC inside it or (encrypt-then-MAC) after it */
    size_t ml = maclen_of(cs);
    uint32_t n = len;
    if (s->etm) {
        if (n < ml) return false;
        n -= (uint32_t)ml;
    }
    const uint8_t *iv = k->iv, *c = body;
    if (d->version >= 0x0302) {
        if (n < 16) return false;
        iv = body;
        c += 16;
        n -= 16;
    }
    if (n == 0 || n % 16) return false;
    if (!cbc_decrypt(cs, k->key, iv, c, (int)n, buf)) return false;
    k->seq++;
    if (d->version < 0x0302) memcpy(k->iv, c + n - 16, 16); /* TLS 1.0: chained IV */
    uint32_t pad = (uint32_t)buf[n - 1] + 1;
    if (pad > n) return false;
    n -= pad;
    if (!s->etm) {
        if (n < ml) return false;
        n -= (uint32_t)ml;
    }
    *out = buf;
    *out_len = n;
    return true;
}
