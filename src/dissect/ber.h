/* A small bounds-checked BER/DER reader for the ASN.1 dissectors (X.509, OCSP): tag-length-value
 * headers, object identifiers as dotted text with Wireshark's names for them, integers and
 * times. Offsets are absolute within a buffer, as tw_cur's; nothing is read past `cap`.
 *
 * X.690 in brief: an identifier octet (class in bits 8-7, constructed in bit 6, tag in bits 5-1,
 * 31 = the tag follows in base-128 octets), a length (short form < 0x80, long form 0x8N and N
 * octets, 0x80 = indefinite, ended by two zero octets), then the contents. */
#ifndef TW_DISSECT_BER_H
#define TW_DISSECT_BER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dissect.h"

enum { TW_BER_UNIVERSAL = 0, TW_BER_APPLICATION = 1, TW_BER_CONTEXT = 2, TW_BER_PRIVATE = 3 };
/* universal tags */
enum {
    TW_BER_BOOLEAN = 1,
    TW_BER_INTEGER = 2,
    TW_BER_BITSTRING = 3,
    TW_BER_OCTETSTRING = 4,
    TW_BER_NULL = 5,
    TW_BER_OID = 6,
    TW_BER_ENUMERATED = 10,
    TW_BER_UTF8STRING = 12,
    TW_BER_SEQUENCE = 16,
    TW_BER_SET = 17,
    TW_BER_NUMERICSTRING = 18,
    TW_BER_PRINTABLESTRING = 19,
    TW_BER_TELETEXSTRING = 20,
    TW_BER_IA5STRING = 22,
    TW_BER_UTCTIME = 23,
    TW_BER_GENERALIZEDTIME = 24,
    TW_BER_VISIBLESTRING = 26,
    TW_BER_UNIVERSALSTRING = 28,
    TW_BER_BMPSTRING = 30,
};

struct tw_ber_tlv {
    uint8_t cls;     /* TW_BER_UNIVERSAL... */
    bool cons;       /* constructed */
    bool indefinite; /* length 0x80: contents end with 00 00 (found and left out of len) */
    uint32_t tag;
    uint32_t start; /* offset of the identifier octet */
    uint32_t off;   /* offset of the contents */
    uint32_t len;   /* contents length */
    uint32_t end;   /* offset after the element (after 00 00 when indefinite) */
};

/* Reads the TLV header at `pos`. The element must end by `limit` (the enclosing element's end):
 * otherwise TW_MALFORMED; if it ends by `limit` but past `cap` (the captured bytes),
 * TW_TRUNCATED. TW_OK when its header and contents are all readable. */
enum tw_status tw_ber_read(const uint8_t *d, uint32_t pos, uint32_t limit, uint32_t cap,
                           struct tw_ber_tlv *t);

static inline bool tw_ber_is(const struct tw_ber_tlv *t, uint8_t cls, uint32_t tag)
{
    return t->cls == cls && t->tag == tag;
}

/* OID contents as dotted text ("1.2.840.113549.1.1.11"); returns its length, 0 if the encoding
 * is invalid or does not fit (out always NUL-terminated when cap > 0). */
size_t tw_ber_oid_text(const uint8_t *p, uint32_t n, char *out, size_t cap);
/* Wireshark's name for a dotted OID ("sha256WithRSAEncryption"), NULL if it has none here. */
const char *tw_ber_oid_name(const char *dotted);
/* The name Wireshark shows for a dotted OID in labels: its own name, or the longest named prefix
 * with the remaining arcs ("joint-iso-itu-t.23.140.1.2.2"). Returns false (out empty) when not
 * even the first arc is named. */
bool tw_ber_oid_resolved(const char *dotted, char *out, size_t cap);

/* INTEGER contents (two's complement, at most 8 octets) */
bool tw_ber_int(const uint8_t *p, uint32_t n, int64_t *v);
/* UTCTime ("YYMMDDhhmm[ss]Z", years 50-99 are 19xx) or GeneralizedTime ("YYYYMMDDhhmm[ss[.f]]Z")
 * to a time; false if it cannot be read */
bool tw_ber_time(const uint8_t *p, uint32_t n, bool generalized, struct tw_time *t);

/* ---- X.509 helpers for other dissectors (TLS certificate export, labels) ---- */

/* The subject's commonName of a DER certificate (the last one in the subject, as Wireshark's
 * label and most tools take it), copied into out (NUL-terminated, bytes outside printable ASCII
 * replaced by '_'). Returns its length, 0 if the certificate has none or cannot be read. */
size_t tw_x509_subject_cn(const uint8_t *der, uint32_t len, char *out, size_t cap);

/* Wireshark's text of a DER DistinguishedName (SEQUENCE OF RDN) as TLS labels it: the RDNs in
 * reverse order, "id-at-commonName=Name,id-at-countryName=US". Returns its length. */
size_t tw_x509_dn_text(const uint8_t *der, uint32_t len, char *out, size_t cap);
/* the same text for a DER certificate's subject (TLS's "Certificate: ... (subject)" label) */
size_t tw_x509_subject_text(const uint8_t *der, uint32_t len, char *out, size_t cap);

/* Private TW_TBL_NAME keys for the layers an X.509 certificate or OCSP message adds (Wireshark's
 * BER OID dissectors each add their protocol to frame.protocols). High values, apart from the
 * shared keys in dissect.h. */
enum {
    TW_KEY_X509SAT = 0x78350001,
    TW_KEY_X509CE,
    TW_KEY_PKIX1IMPLICIT,
    TW_KEY_PKIX1EXPLICIT,
    TW_KEY_OCSP_OID,
    TW_KEY_PKCS1,
    TW_KEY_NS_CERT_EXTS,
    TW_KEY_X509_DN, /* a DistinguishedName (TLS CertificateRequest): RDN items, x509if.* */
    TW_KEY_X509AF_OID, /* x509af's OID-table entries: a DSA key's DSS-Params */
};

#endif
