/* TLS record decryption from NSS key log secrets (tls_decrypt.c): the key log of
 * -o tls.keylog_file and of pcapng Decryption Secrets Blocks, the TLS 1.0-1.2 key block (PRF) and
 * the TLS 1.3 traffic keys (HKDF-Expand-Label), and the record ciphers (AES-GCM,
 * ChaCha20-Poly1305, AES-CBC with HMAC). */
#ifndef TW_PROTO_TLS_DECRYPT_H
#define TW_PROTO_TLS_DECRYPT_H

#include <stdbool.h>
#include <stdint.h>

struct tls_session;
struct tw_pkt;
struct tls_dec;

/* (re)reads the key log file of the tls.keylog_file preference; DSB secrets are kept */
void tls_dec_init(void);
void tls_dec_free(struct tls_dec *d);

/* a ChangeCipherSpec from one side (TLS 1.0-1.2): its later records are encrypted */
void tls_dec_ccs(struct tls_session *s, bool from_server);
/* a TLS 1.3 Finished from one side: its later records use the application traffic keys */
void tls_dec_finished(struct tls_session *s, bool from_server);
/* Can a record from this side be decrypted now? (encryption on and keys known) */
bool tls_dec_ready(struct tls_session *s, bool from_server);

/* Decrypts one record (hdr: its 5 header bytes; body: len bytes) from one side, advancing that
 * side's sequence number. The plaintext goes to the packet's arena: *out, *out_len, and the
 * content type (TLS 1.3: the inner one) to *ct. False when it cannot be decrypted. */
bool tls_dec_record(struct tw_pkt *p, struct tls_session *s, bool from_server, const uint8_t hdr[5],
                    const uint8_t *body, uint32_t len, uint8_t **out, uint32_t *out_len,
                    uint8_t *ct);

#endif
