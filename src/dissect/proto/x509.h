/* Shared between x509.c and ocsp.c: the ASN.1 reading context and the X.509 pieces OCSP reuses
 * (names, general names, algorithm identifiers, extensions, certificates). */
#ifndef TW_PROTO_X509_H
#define TW_PROTO_X509_H

#include "../ber.h"
#include "../dissect.h"

/* one ASN.1 walk over a cursor's bytes: the first error stops it */
struct tw_asn {
    struct tw_pkt *p;
    const uint8_t *d;  /* the cursor's data (absolute offsets) */
    uint32_t cap;      /* readable end */
    enum tw_status st; /* first error */
    bool reported;     /* a nested layer already reported the error */
};

extern struct tw_proto_ids tw_x509_af_ids, tw_x509_if_ids, tw_x509_sat_ids, tw_x509_ce_ids,
    tw_x509_impl_ids, tw_x509_expl_ids, tw_x509_ber_ids, tw_x509_pkcs1_ids;

enum {
    TW_X509AF_SIGNED,
    TW_X509AF_VERSION,
    TW_X509AF_SERIAL,
    TW_X509AF_SIGNATURE,
    TW_X509AF_ALGORITHM_ID,
    TW_X509AF_ISSUER,
    TW_X509AF_VALIDITY,
    TW_X509AF_NOTBEFORE,
    TW_X509AF_NOTAFTER,
    TW_X509AF_UTCTIME,
    TW_X509AF_GENTIME,
    TW_X509AF_SUBJECT,
    TW_X509AF_RDNSEQUENCE,
    TW_X509AF_SPKI,
    TW_X509AF_ALGORITHM,
    TW_X509AF_SPK,
    TW_X509AF_ISSUER_UID,
    TW_X509AF_SUBJECT_UID,
    TW_X509AF_EXTENSIONS,
    TW_X509AF_EXTENSION,
    TW_X509AF_EXTENSION_ID,
    TW_X509AF_CRITICAL,
    TW_X509AF_ALGID,
    TW_X509AF_ENCRYPTED,
    TW_X509AF_CERTIFICATE,
    TW_X509AF_DSS_PARAMS,
    TW_X509AF_P,
    TW_X509AF_Q,
    TW_X509AF_G,
    TW_X509AF_CRL_SIGNED,
    TW_X509AF_THISUPDATE,
    TW_X509AF_NEXTUPDATE,
    TW_X509AF_REVOKED,
    TW_X509AF_REVOKED_ITEM,
    TW_X509AF_USERCERT,
    TW_X509AF_REVDATE,
    TW_X509AF_CRLENTRYEXT,
    TW_X509AF_CRLEXT,
    TW_X509AF_COUNT
};
enum {
    TW_X509EXPL_DIRSTRING,
    TW_X509EXPL_EXTENSION,
    TW_X509EXPL_ID,
    TW_X509EXPL_CRITICAL,
    TW_X509EXPL_COUNT
};
#define TW_X509AF_HF(x)          ((uint16_t)(tw_x509_af_ids.base + (x)))
#define TW_X509EXPL_HF(x)        ((uint16_t)(tw_x509_expl_ids.base + (x)))
#define TW_X509CE_GENERALNAME_HF ((uint16_t)(tw_x509_ce_ids.base + 18))
#define TW_X509IF_RDNSEQUENCE_HF ((uint16_t)(tw_x509_if_ids.base + 0)) /* x509if.rdnSequence */
#define TW_X509IF_RDNSEQUENCE_HF ((uint16_t)(tw_x509_if_ids.base + 0))

bool tw_asn_get(struct tw_asn *a, uint32_t pos, uint32_t limit, struct tw_ber_tlv *t);
bool tw_asn_expect(struct tw_asn *a, uint32_t pos, uint32_t limit, uint8_t cls, uint32_t tag,
                   struct tw_ber_tlv *t);
/* elements inside a constructed element */
uint32_t tw_asn_count(struct tw_asn *a, const struct tw_ber_tlv *t);
/* records: the whole element (FT_NONE), a number over the whole element, contents as an OID
 * (dotted text into dot when given), bytes, an INTEGER as bytes labelled 0x..., an INTEGER,
 * a BOOLEAN, a BIT STRING with ber.bitstring.padding */
int32_t tw_asn_none(struct tw_asn *a, uint16_t hf, const struct tw_ber_tlv *t);
int32_t tw_asn_uint(struct tw_asn *a, uint16_t hf, const struct tw_ber_tlv *t, uint64_t v);
int32_t tw_asn_oid(struct tw_asn *a, uint16_t hf, const struct tw_ber_tlv *t, char *dot,
                   size_t cap);
int32_t tw_asn_bytes(struct tw_asn *a, uint16_t hf, const struct tw_ber_tlv *t);
int32_t tw_asn_serial(struct tw_asn *a, uint16_t hf, const struct tw_ber_tlv *t);
int32_t tw_asn_int(struct tw_asn *a, uint16_t hf, const struct tw_ber_tlv *t);
int32_t tw_asn_bool(struct tw_asn *a, uint16_t hf, const struct tw_ber_tlv *t);
int32_t tw_asn_bits(struct tw_asn *a, uint16_t hf, const struct tw_ber_tlv *t);
/* "name: N items (extra)" */
void tw_asn_items_label(struct tw_asn *a, int32_t r, uint32_t n, const char *extra);

/* Name (x509if): hf_choice (0 for none) then hf_rdnseq with the RDNs; the DN text for labels
 * into dn_out when given. -1 on error. */
int tw_asn_name(struct tw_asn *a, const struct tw_ber_tlv *t, uint16_t hf_choice,
                uint16_t hf_rdnseq, char *dn_out, size_t dn_cap);
void tw_asn_general_name(struct tw_asn *a, const struct tw_ber_tlv *t, uint16_t hf_choice);
/* AlgorithmIdentifier under element field hf_element, x509af.algorithm.id inside */
int tw_asn_algorithm(struct tw_asn *a, const struct tw_ber_tlv *t, uint16_t hf_element, char *oid,
                     size_t cap);
/* Extensions ::= SEQUENCE OF Extension. `own` may claim an extension's value (OCSP's nonce);
 * otherwise the X.509 extensions known here are dissected as nested x509ce/pkix1implicit. */
/* ocsp.c: an extension whose OID tshark gives to OCSP (nonce, nocheck), dissected in a nested
 * "ocsp" layer; false for other OIDs */
bool tw_ocsp_oid_ext(struct tw_asn *a, const char *oid, const struct tw_ber_tlv *val);
void tw_asn_extensions(struct tw_asn *a, const struct tw_ber_tlv *t, uint16_t hf_count,
                       uint16_t hf_ext, uint16_t hf_id, uint16_t hf_crit,
                       bool (*own)(struct tw_asn *a, const char *oid,
                                   const struct tw_ber_tlv *val));
/* Certificate (x509af fields) */
void tw_asn_certificate(struct tw_asn *a, const struct tw_ber_tlv *t);

#endif
