/* Online Certificate Status Protocol (RFC 6960), DER, as Wireshark 4.0 dissects it:
 *
 *   OCSPRequest ::= SEQUENCE { tbsRequest TBSRequest, optionalSignature [0] EXPLICIT Signature
 *                              OPTIONAL }
 *   TBSRequest ::= SEQUENCE { version [0] EXPLICIT INTEGER DEFAULT v1, requestorName [1]
 *       EXPLICIT GeneralName OPTIONAL, requestList SEQUENCE OF Request, requestExtensions [2]
 *       EXPLICIT Extensions OPTIONAL }
 *   Request ::= SEQUENCE { reqCert CertID, singleRequestExtensions [0] EXPLICIT Extensions OPT }
 *   CertID ::= SEQUENCE { hashAlgorithm AlgorithmIdentifier, issuerNameHash OCTET STRING,
 *                         issuerKeyHash OCTET STRING, serialNumber INTEGER }
 *   OCSPResponse ::= SEQUENCE { responseStatus ENUMERATED, responseBytes [0] EXPLICIT SEQUENCE {
 *                               responseType OID, response OCTET STRING } OPTIONAL }
 *   BasicOCSPResponse ::= SEQUENCE { tbsResponseData ResponseData, signatureAlgorithm
 *       AlgorithmIdentifier, signature BIT STRING, certs [0] EXPLICIT SEQUENCE OF Certificate OPT }
 *   ResponseData ::= SEQUENCE { version [0] EXPLICIT DEFAULT v1, responderID CHOICE { byName [1]
 *       EXPLICIT Name, byKey [2] EXPLICIT OCTET STRING }, producedAt GeneralizedTime, responses
 *       SEQUENCE OF SingleResponse, responseExtensions [1] EXPLICIT Extensions OPTIONAL }
 *   SingleResponse ::= SEQUENCE { certID CertID, certStatus CHOICE { good [0] IMPLICIT NULL,
 *       revoked [1] IMPLICIT SEQUENCE { revocationTime GeneralizedTime, revocationReason [0]
 *       EXPLICIT CRLReason OPTIONAL }, unknown [2] IMPLICIT NULL }, thisUpdate GeneralizedTime,
 *       nextUpdate [0] EXPLICIT GeneralizedTime OPTIONAL, singleExtensions [1] EXPLICIT
 *       Extensions OPTIONAL }
 *
 * One protocol, reached four ways: an HTTP body of type application/ocsp-request or
 * application/ocsp-response (a layer with its line, "OCSP" in the Protocol column, "Request" or
 * "Response" in Info); TLS's CertificateStatus (TW_KEY_OCSP_RESPONSE: a line "OCSP Response" in
 * TLS's tree, not listed in frame.protocols); and, as Wireshark's BER OID table calls it, for the
 * BasicOCSPResponse inside responseBytes and for the nonce extension (a layer in
 * frame.protocols without a line). Decode-as (-d) on a port guesses request or response. */
#include "x509.h"

#include <stdio.h>
#include <string.h>

static struct tw_proto_ids ids;
#define HF(x) ((uint16_t)(ids.base + (x)))

enum {
    F_TBSREQUEST,
    F_VERSION,
    F_REQUESTORNAME,
    F_REQUESTLIST,
    F_REQUEST,
    F_REQCERT,
    F_SINGLEREQEXT,
    F_REQEXT,
    F_OPTSIG,
    F_HASHALG,
    F_NAMEHASH,
    F_KEYHASH,
    F_SERIAL,
    F_STATUS,
    F_RESPBYTES,
    F_RESPTYPE_ID,
    F_BASIC,
    F_TBSRESP,
    F_RESPONDERID,
    F_BYNAME,
    F_BYKEY,
    F_PRODUCEDAT,
    F_RESPONSES,
    F_SINGLE,
    F_CERTID,
    F_CERTSTATUS,
    F_GOOD,
    F_REVOKED,
    F_UNKNOWN,
    F_REVTIME,
    F_REVREASON,
    F_THISUPDATE,
    F_NEXTUPDATE,
    F_SINGLEEXT,
    F_RESPEXT,
    F_SIGALG,
    F_SIGNATURE,
    F_CERTS,
    F_CERTIFICATE,
    F_NONCE,
    F_NULL,
    F_COUNT
};

static const struct tw_vs status_vals[] = {
    {0, "successful"}, {1, "malformedRequest"}, {2, "internalError"},
    {3, "tryLater"},   {5, "sigRequired"},      {6, "unauthorized"},
    {0, NULL}};
static const struct tw_vs responder_vals[] = {{1, "byName"}, {2, "byKey"}, {0, NULL}};
static const struct tw_vs certstatus_vals[] = {
    {0, "good"}, {1, "revoked"}, {2, "unknown"}, {0, NULL}};
static const struct tw_vs reason_vals[] = {{0, "unspecified"},
                                           {1, "keyCompromise"},
                                           {2, "cACompromise"},
                                           {3, "affiliationChanged"},
                                           {4, "superseded"},
                                           {5, "cessationOfOperation"},
                                           {6, "certificateHold"},
                                           {8, "removeFromCRL"},
                                           {9, "privilegeWithdrawn"},
                                           {10, "aACompromise"},
                                           {0, NULL}};
static const struct tw_vs version_vals[] = {{0, "v1"}, {0, NULL}};

#define T_UTC TW_FT_ABSOLUTE_TIME, TW_ABSTIME_UTC
static const struct tw_field_def fields[F_COUNT] = {
    [F_TBSREQUEST] = {"ocsp.tbsRequest_element", "tbsRequest", TW_FT_NONE},
    [F_VERSION] = {"ocsp.version", "version", TW_FT_INT32, TW_BASE_DEC, 0, version_vals},
    [F_REQUESTORNAME] = {"ocsp.requestorName", "requestorName", TW_FT_UINT32, TW_BASE_DEC},
    [F_REQUESTLIST] = {"ocsp.requestList", "requestList", TW_FT_UINT32, TW_BASE_DEC},
    [F_REQUEST] = {"ocsp.Request_element", "Request", TW_FT_NONE},
    [F_REQCERT] = {"ocsp.reqCert_element", "reqCert", TW_FT_NONE},
    [F_SINGLEREQEXT] = {"ocsp.singleRequestExtensions", "singleRequestExtensions", TW_FT_UINT32,
                        TW_BASE_DEC},
    [F_REQEXT] = {"ocsp.requestExtensions", "requestExtensions", TW_FT_UINT32, TW_BASE_DEC},
    [F_OPTSIG] = {"ocsp.optionalSignature_element", "optionalSignature", TW_FT_NONE},
    [F_HASHALG] = {"ocsp.hashAlgorithm_element", "hashAlgorithm", TW_FT_NONE},
    [F_NAMEHASH] = {"ocsp.issuerNameHash", "issuerNameHash", TW_FT_BYTES},
    [F_KEYHASH] = {"ocsp.issuerKeyHash", "issuerKeyHash", TW_FT_BYTES},
    [F_SERIAL] = {"ocsp.serialNumber", "serialNumber", TW_FT_BYTES},
    [F_STATUS] = {"ocsp.responseStatus", "responseStatus", TW_FT_UINT32, TW_BASE_DEC, 0,
                  status_vals},
    [F_RESPBYTES] = {"ocsp.responseBytes_element", "responseBytes", TW_FT_NONE},
    [F_RESPTYPE_ID] = {"ocsp.responseType.id", "ResponseType Id", TW_FT_STRING},
    [F_BASIC] = {"ocsp.BasicOCSPResponse_element", "BasicOCSPResponse", TW_FT_NONE},
    [F_TBSRESP] = {"ocsp.tbsResponseData_element", "tbsResponseData", TW_FT_NONE},
    [F_RESPONDERID] = {"ocsp.responderID", "responderID", TW_FT_UINT32, TW_BASE_DEC, 0,
                       responder_vals},
    [F_BYNAME] = {"ocsp.byName", "byName", TW_FT_UINT32, TW_BASE_DEC},
    [F_BYKEY] = {"ocsp.byKey", "byKey", TW_FT_BYTES},
    [F_PRODUCEDAT] = {"ocsp.producedAt", "producedAt", T_UTC},
    [F_RESPONSES] = {"ocsp.responses", "responses", TW_FT_UINT32, TW_BASE_DEC},
    [F_SINGLE] = {"ocsp.SingleResponse_element", "SingleResponse", TW_FT_NONE},
    [F_CERTID] = {"ocsp.certID_element", "certID", TW_FT_NONE},
    [F_CERTSTATUS] = {"ocsp.certStatus", "certStatus", TW_FT_UINT32, TW_BASE_DEC, 0,
                      certstatus_vals},
    [F_GOOD] = {"ocsp.good_element", "good", TW_FT_NONE},
    [F_REVOKED] = {"ocsp.revoked_element", "revoked", TW_FT_NONE},
    [F_UNKNOWN] = {"ocsp.unknown_element", "unknown", TW_FT_NONE},
    [F_REVTIME] = {"ocsp.revocationTime", "revocationTime", T_UTC},
    [F_REVREASON] = {"ocsp.revocationReason", "revocationReason", TW_FT_UINT32, TW_BASE_DEC, 0,
                     reason_vals},
    [F_THISUPDATE] = {"ocsp.thisUpdate", "thisUpdate", T_UTC},
    [F_NEXTUPDATE] = {"ocsp.nextUpdate", "nextUpdate", T_UTC},
    [F_SINGLEEXT] = {"ocsp.singleExtensions", "singleExtensions", TW_FT_UINT32, TW_BASE_DEC},
    [F_RESPEXT] = {"ocsp.responseExtensions", "responseExtensions", TW_FT_UINT32, TW_BASE_DEC},
    [F_SIGALG] = {"ocsp.signatureAlgorithm_element", "signatureAlgorithm", TW_FT_NONE},
    [F_SIGNATURE] = {"ocsp.signature", "signature", TW_FT_BYTES},
    [F_CERTS] = {"ocsp.certs", "certs", TW_FT_UINT32, TW_BASE_DEC},
    [F_CERTIFICATE] = {"ocsp.Certificate_element", "Certificate", TW_FT_NONE},
    [F_NONCE] = {"ocsp.ReOcspNonce", "ReOcspNonce", TW_FT_BYTES},
    [F_NULL] = {"ocsp.NULL_element", "NULL", TW_FT_NONE},
};

#define OID_BASIC "1.3.6.1.5.5.7.48.1.1"
#define OID_NONCE "1.3.6.1.5.5.7.48.1.2"
#define OID_NOCHECK "1.3.6.1.5.5.7.48.1.5"

/* what a nested "ocsp" layer reached through TW_KEY_OCSP_OID decodes */
enum { OP_NONE, OP_BASIC, OP_NONCE, OP_NULL };
static _Thread_local int pend_kind;

static enum tw_status nested(struct tw_asn *a, int kind, const struct tw_ber_tlv *t)
{
    pend_kind = kind;
    struct tw_cur c = {a->d, t->start, t->end, a->cap, TW_CUR_OK};
    enum tw_status st = tw_dissect_nested(a->p, TW_TBL_NAME, TW_KEY_OCSP_OID, c);
    pend_kind = OP_NONE;
    if (st != TW_OK) a->st = st, a->reported = true;
    return st;
}

/* the extensions whose OIDs tshark gives to OCSP (an "ocsp" layer), in OCSP messages and in
 * certificates alike: the nonce, and the OCSP signer's nocheck (a NULL) */
bool tw_ocsp_oid_ext(struct tw_asn *a, const char *oid, const struct tw_ber_tlv *val)
{
    if (strcmp(oid, OID_NONCE) == 0)
        nested(a, OP_NONCE, val);
    else if (strcmp(oid, OID_NOCHECK) == 0)
        nested(a, OP_NULL, val);
    else
        return false;
    return true;
}

static void extensions(struct tw_asn *a, const struct tw_ber_tlv *t, uint16_t hf_count)
{
    tw_asn_extensions(a, t, hf_count, TW_X509EXPL_HF(TW_X509EXPL_EXTENSION),
                      TW_X509EXPL_HF(TW_X509EXPL_ID), TW_X509EXPL_HF(TW_X509EXPL_CRITICAL),
                      tw_ocsp_oid_ext);
}

/* [n] EXPLICIT wrapper around a SEQUENCE OF Extension */
static void explicit_extensions(struct tw_asn *a, const struct tw_ber_tlv *f, uint16_t hf_count)
{
    struct tw_ber_tlv in;
    if (tw_asn_expect(a, f->off, f->end, TW_BER_UNIVERSAL, TW_BER_SEQUENCE, &in))
        extensions(a, &in, hf_count);
}

static void gentime(struct tw_asn *a, uint16_t hf, const struct tw_ber_tlv *t)
{
    struct tw_time tm;
    if (!tw_ber_is(t, TW_BER_UNIVERSAL, TW_BER_GENERALIZEDTIME)) {
        a->st = TW_MALFORMED;
        return;
    }
    if (tw_ber_time(a->d + t->off, t->len, true, &tm)) tw_add_time(a->p, hf, t->off, t->len, tm);
}

static void cert_id(struct tw_asn *a, const struct tw_ber_tlv *t, uint16_t hf_element)
{
    struct tw_pkt *p = a->p;
    tw_tree_push(p, tw_asn_none(a, HF(hf_element), t));
    struct tw_ber_tlv f;
    if (tw_asn_expect(a, t->off, t->end, TW_BER_UNIVERSAL, TW_BER_SEQUENCE, &f)) {
        tw_asn_algorithm(a, &f, HF(F_HASHALG), NULL, 0);
        if (tw_asn_expect(a, f.end, t->end, TW_BER_UNIVERSAL, TW_BER_OCTETSTRING, &f)) {
            tw_asn_bytes(a, HF(F_NAMEHASH), &f);
            if (tw_asn_expect(a, f.end, t->end, TW_BER_UNIVERSAL, TW_BER_OCTETSTRING, &f)) {
                tw_asn_bytes(a, HF(F_KEYHASH), &f);
                if (tw_asn_expect(a, f.end, t->end, TW_BER_UNIVERSAL, TW_BER_INTEGER, &f))
                    tw_asn_serial(a, HF(F_SERIAL), &f);
            }
        }
    }
    tw_tree_pop(p);
}

/* certs [0] EXPLICIT SEQUENCE OF Certificate */
static void certs(struct tw_asn *a, const struct tw_ber_tlv *f)
{
    struct tw_pkt *p = a->p;
    struct tw_ber_tlv seq, c;
    if (!tw_asn_expect(a, f->off, f->end, TW_BER_UNIVERSAL, TW_BER_SEQUENCE, &seq)) return;
    uint32_t n = tw_asn_count(a, &seq);
    int32_t r = tw_asn_uint(a, HF(F_CERTS), &seq, n);
    tw_asn_items_label(a, r, n, NULL);
    tw_tree_push(p, r);
    for (uint32_t pos = seq.off; pos < seq.end && !a->st; pos = c.end) {
        if (!tw_asn_get(a, pos, seq.end, &c)) break;
        int32_t rc = tw_asn_none(a, HF(F_CERTIFICATE), &c);
        /* tshark names each certificate by its subject */
        char dn[600];
        if (rc >= 0 && tw_want_labels(p) &&
            tw_x509_subject_text(a->d + c.start, (c.end <= a->cap ? c.end : a->cap) - c.start, dn,
                                 sizeof dn) > 0)
            tw_rec_label(p, rc, "Certificate (%s)", dn);
        tw_tree_push(p, rc);
        tw_asn_certificate(a, &c);
        tw_tree_pop(p);
    }
    tw_tree_pop(p);
}

static void request(struct tw_asn *a, const struct tw_ber_tlv *t)
{
    struct tw_pkt *p = a->p;
    struct tw_ber_tlv tbs, f, in;
    if (!tw_asn_expect(a, t->off, t->end, TW_BER_UNIVERSAL, TW_BER_SEQUENCE, &tbs)) return;
    tw_tree_push(p, tw_asn_none(a, HF(F_TBSREQUEST), &tbs));
    for (uint32_t pos = tbs.off; pos < tbs.end && !a->st; pos = f.end) {
        if (!tw_asn_get(a, pos, tbs.end, &f)) break;
        if (f.cls == TW_BER_CONTEXT && f.tag == 0) {
            if (tw_asn_get(a, f.off, f.end, &in)) tw_asn_int(a, HF(F_VERSION), &in);
        } else if (f.cls == TW_BER_CONTEXT && f.tag == 1) {
            if (tw_asn_get(a, f.off, f.end, &in)) tw_asn_general_name(a, &in, HF(F_REQUESTORNAME));
        } else if (f.cls == TW_BER_CONTEXT && f.tag == 2) {
            explicit_extensions(a, &f, HF(F_REQEXT));
        } else if (tw_ber_is(&f, TW_BER_UNIVERSAL, TW_BER_SEQUENCE)) {
            uint32_t n = tw_asn_count(a, &f);
            int32_t r = tw_asn_uint(a, HF(F_REQUESTLIST), &f, n);
            tw_asn_items_label(a, r, n, NULL);
            tw_tree_push(p, r);
            struct tw_ber_tlv rq, g;
            for (uint32_t q = f.off; q < f.end && !a->st; q = rq.end) {
                if (!tw_asn_expect(a, q, f.end, TW_BER_UNIVERSAL, TW_BER_SEQUENCE, &rq)) break;
                tw_tree_push(p, tw_asn_none(a, HF(F_REQUEST), &rq));
                for (uint32_t k = rq.off; k < rq.end && !a->st; k = g.end) {
                    if (!tw_asn_get(a, k, rq.end, &g)) break;
                    if (tw_ber_is(&g, TW_BER_UNIVERSAL, TW_BER_SEQUENCE))
                        cert_id(a, &g, F_REQCERT);
                    else if (g.cls == TW_BER_CONTEXT && g.tag == 0)
                        explicit_extensions(a, &g, HF(F_SINGLEREQEXT));
                }
                tw_tree_pop(p);
            }
            tw_tree_pop(p);
        }
    }
    tw_tree_pop(p);
    /* optionalSignature [0] EXPLICIT Signature */
    if (!a->st && tbs.end < t->end && tw_asn_get(a, tbs.end, t->end, &f) &&
        f.cls == TW_BER_CONTEXT && f.tag == 0 &&
        tw_asn_expect(a, f.off, f.end, TW_BER_UNIVERSAL, TW_BER_SEQUENCE, &in)) {
        tw_tree_push(p, tw_asn_none(a, HF(F_OPTSIG), &in));
        struct tw_ber_tlv g;
        for (uint32_t k = in.off; k < in.end && !a->st; k = g.end) {
            if (!tw_asn_get(a, k, in.end, &g)) break;
            if (tw_ber_is(&g, TW_BER_UNIVERSAL, TW_BER_SEQUENCE))
                tw_asn_algorithm(a, &g, HF(F_SIGALG), NULL, 0);
            else if (tw_ber_is(&g, TW_BER_UNIVERSAL, TW_BER_BITSTRING))
                tw_asn_bits(a, HF(F_SIGNATURE), &g);
            else if (g.cls == TW_BER_CONTEXT && g.tag == 0)
                certs(a, &g);
        }
        tw_tree_pop(p);
    }
}

static void single_response(struct tw_asn *a, const struct tw_ber_tlv *t)
{
    struct tw_pkt *p = a->p;
    tw_tree_push(p, tw_asn_none(a, HF(F_SINGLE), t));
    struct tw_ber_tlv f, in;
    bool seen_status = false;
    for (uint32_t pos = t->off; pos < t->end && !a->st; pos = f.end) {
        if (!tw_asn_get(a, pos, t->end, &f)) break;
        if (tw_ber_is(&f, TW_BER_UNIVERSAL, TW_BER_SEQUENCE)) {
            cert_id(a, &f, F_CERTID);
        } else if (f.cls == TW_BER_CONTEXT && !seen_status) {
            seen_status = true;
            int32_t r = tw_asn_uint(a, HF(F_CERTSTATUS), &f, f.tag);
            tw_tree_push(p, r);
            if (f.tag == 0) {
                tw_asn_none(a, HF(F_GOOD), &f);
            } else if (f.tag == 2) {
                tw_asn_none(a, HF(F_UNKNOWN), &f);
            } else if (f.tag == 1) {
                tw_tree_push(p, tw_asn_none(a, HF(F_REVOKED), &f));
                if (tw_asn_get(a, f.off, f.end, &in)) {
                    gentime(a, HF(F_REVTIME), &in);
                    struct tw_ber_tlv rr, e;
                    if (in.end < f.end && tw_asn_get(a, in.end, f.end, &rr) &&
                        rr.cls == TW_BER_CONTEXT && rr.tag == 0 &&
                        tw_asn_expect(a, rr.off, rr.end, TW_BER_UNIVERSAL, TW_BER_ENUMERATED, &e))
                        tw_asn_int(a, HF(F_REVREASON), &e);
                }
                tw_tree_pop(p);
            }
            tw_tree_pop(p);
        } else if (tw_ber_is(&f, TW_BER_UNIVERSAL, TW_BER_GENERALIZEDTIME)) {
            gentime(a, HF(F_THISUPDATE), &f);
        } else if (f.cls == TW_BER_CONTEXT && f.tag == 0) {
            if (tw_asn_get(a, f.off, f.end, &in)) gentime(a, HF(F_NEXTUPDATE), &in);
        } else if (f.cls == TW_BER_CONTEXT && f.tag == 1) {
            explicit_extensions(a, &f, HF(F_SINGLEEXT));
        }
    }
    tw_tree_pop(p);
}

static void basic_response(struct tw_asn *a, const struct tw_ber_tlv *t)
{
    struct tw_pkt *p = a->p;
    if (!tw_ber_is(t, TW_BER_UNIVERSAL, TW_BER_SEQUENCE)) {
        a->st = TW_MALFORMED;
        return;
    }
    tw_tree_push(p, tw_asn_none(a, HF(F_BASIC), t));
    struct tw_ber_tlv rd, f, in;
    if (tw_asn_expect(a, t->off, t->end, TW_BER_UNIVERSAL, TW_BER_SEQUENCE, &rd)) {
        tw_tree_push(p, tw_asn_none(a, HF(F_TBSRESP), &rd));
        bool seen_id = false;
        for (uint32_t pos = rd.off; pos < rd.end && !a->st; pos = f.end) {
            if (!tw_asn_get(a, pos, rd.end, &f)) break;
            if (f.cls == TW_BER_CONTEXT && f.tag == 0 && !seen_id) {
                if (tw_asn_get(a, f.off, f.end, &in)) tw_asn_int(a, HF(F_VERSION), &in);
            } else if (f.cls == TW_BER_CONTEXT && (f.tag == 1 || f.tag == 2) && !seen_id) {
                seen_id = true;
                int32_t r = tw_asn_uint(a, HF(F_RESPONDERID), &f, f.tag);
                tw_tree_push(p, r);
                if (tw_asn_get(a, f.off, f.end, &in)) {
                    if (f.tag == 1)
                        tw_asn_name(a, &in, HF(F_BYNAME), TW_X509IF_RDNSEQUENCE_HF, NULL, 0);
                    else if (tw_ber_is(&in, TW_BER_UNIVERSAL, TW_BER_OCTETSTRING))
                        tw_asn_bytes(a, HF(F_BYKEY), &in);
                }
                tw_tree_pop(p);
            } else if (f.cls == TW_BER_CONTEXT && f.tag == 1) {
                explicit_extensions(a, &f, HF(F_RESPEXT));
            } else if (tw_ber_is(&f, TW_BER_UNIVERSAL, TW_BER_GENERALIZEDTIME)) {
                gentime(a, HF(F_PRODUCEDAT), &f);
            } else if (tw_ber_is(&f, TW_BER_UNIVERSAL, TW_BER_SEQUENCE)) {
                uint32_t n = tw_asn_count(a, &f);
                int32_t r = tw_asn_uint(a, HF(F_RESPONSES), &f, n);
                tw_asn_items_label(a, r, n, NULL);
                tw_tree_push(p, r);
                struct tw_ber_tlv sr;
                for (uint32_t q = f.off; q < f.end && !a->st; q = sr.end) {
                    if (!tw_asn_expect(a, q, f.end, TW_BER_UNIVERSAL, TW_BER_SEQUENCE, &sr)) break;
                    single_response(a, &sr);
                }
                tw_tree_pop(p);
            }
        }
        tw_tree_pop(p);
    }
    for (uint32_t pos = rd.end; pos < t->end && !a->st; pos = f.end) {
        if (!tw_asn_get(a, pos, t->end, &f)) break;
        if (tw_ber_is(&f, TW_BER_UNIVERSAL, TW_BER_SEQUENCE))
            tw_asn_algorithm(a, &f, HF(F_SIGALG), NULL, 0);
        else if (tw_ber_is(&f, TW_BER_UNIVERSAL, TW_BER_BITSTRING))
            tw_asn_bits(a, HF(F_SIGNATURE), &f);
        else if (f.cls == TW_BER_CONTEXT && f.tag == 0)
            certs(a, &f);
    }
    tw_tree_pop(p);
}

static void response(struct tw_asn *a, const struct tw_ber_tlv *t)
{
    struct tw_pkt *p = a->p;
    struct tw_ber_tlv f, rb, ty, r;
    if (!tw_asn_expect(a, t->off, t->end, TW_BER_UNIVERSAL, TW_BER_ENUMERATED, &f)) return;
    tw_asn_int(a, HF(F_STATUS), &f);
    if (f.end >= t->end || !tw_asn_get(a, f.end, t->end, &f)) return;
    if (f.cls != TW_BER_CONTEXT || f.tag != 0) return;
    if (!tw_asn_expect(a, f.off, f.end, TW_BER_UNIVERSAL, TW_BER_SEQUENCE, &rb)) return;
    tw_tree_push(p, tw_asn_none(a, HF(F_RESPBYTES), &rb));
    char oid[64];
    if (tw_asn_expect(a, rb.off, rb.end, TW_BER_UNIVERSAL, TW_BER_OID, &ty)) {
        tw_asn_oid(a, HF(F_RESPTYPE_ID), &ty, oid, sizeof oid);
        if (tw_asn_expect(a, ty.end, rb.end, TW_BER_UNIVERSAL, TW_BER_OCTETSTRING, &r) &&
            strcmp(oid, OID_BASIC) == 0 && r.len) {
            struct tw_ber_tlv in;
            if (tw_asn_get(a, r.off, r.end, &in)) nested(a, OP_BASIC, &in);
        }
    }
    tw_tree_pop(p);
}

/* request or response: a response's SEQUENCE begins with the ENUMERATED status */
static bool looks_like_response(struct tw_asn *a, const struct tw_ber_tlv *t)
{
    return t->len > 0 && t->off < a->cap && a->d[t->off] == 0x0a;
}

static enum tw_status dissect(struct tw_pkt *p, struct tw_cur *c)
{
    struct tw_asn a = {p, c->data, c->cap < c->end ? c->cap : c->end, TW_OK, false};
    struct tw_ber_tlv t;
    if (p->via_table == TW_TBL_NAME && p->via_key == TW_KEY_OCSP_OID) {
        /* called for an OID: a layer without a line */
        int kind = pend_kind;
        pend_kind = OP_NONE;
        tw_layer_unrecord(p);
        /* its records go under the caller's subtree, as the line it does not have would */
        if (p->ntree >= 2) p->tree[p->ntree - 1] = p->tree[p->ntree - 2];
        if (!tw_asn_get(&a, c->off, c->end, &t)) return a.st;
        if (kind == OP_BASIC) {
            basic_response(&a, &t);
        } else if (kind == OP_NONCE) {
            /* ReOcspNonce ::= OCTET STRING */
            if (tw_ber_is(&t, TW_BER_UNIVERSAL, TW_BER_OCTETSTRING))
                tw_asn_bytes(&a, HF(F_NONCE), &t);
            else
                a.st = TW_MALFORMED;
        } else if (kind == OP_NULL) {
            if (tw_ber_is(&t, TW_BER_UNIVERSAL, TW_BER_NULL))
                tw_asn_none(&a, HF(F_NULL), &t);
            else
                a.st = TW_MALFORMED;
        }
        c->off = t.end;
        return a.reported ? TW_OK : a.st;
    }
    bool is_resp;
    if (p->via_table == TW_TBL_NAME && p->via_key == TW_KEY_OCSP_RESPONSE) {
        /* TLS CertificateStatus: a line "OCSP Response" in TLS's tree, not a layer */
        tw_layer_hide(p);
        tw_layer_label(p, "OCSP Response");
        is_resp = true;
    } else if (p->via_table == TW_TBL_MEDIA_TYPE) {
        is_resp = p->via_key ==
                  tw_media_key("application/ocsp-response", sizeof "application/ocsp-response" - 1);
    } else {
        is_resp = c->off < a.cap && tw_ber_read(a.d, c->off, c->end, a.cap, &t) == TW_OK &&
                  looks_like_response(&a, &t);
    }
    if (p->via_table != TW_TBL_NAME) tw_info_set(p, is_resp ? "Response" : "Request");
    if (!tw_asn_expect(&a, c->off, c->end, TW_BER_UNIVERSAL, TW_BER_SEQUENCE, &t)) return a.st;
    tw_layer_setlen(p, t.end - c->off);
    if (is_resp)
        response(&a, &t);
    else
        request(&a, &t);
    c->off = t.end;
    return a.reported ? TW_OK : a.st;
}

/* FNV-1a of "application/ocsp-request" and "application/ocsp-response", as tw_media_key()
 * computes them (checked at start-up) */
#define KEY_OCSP_REQUEST  0x60420c0fu
#define KEY_OCSP_RESPONSE 0x52f1e255u
static const struct tw_binding media_bindings[] = {
    {TW_TBL_NAME, TW_KEY_OCSP_RESPONSE},
    {TW_TBL_NAME, TW_KEY_OCSP_OID},
    {TW_TBL_MEDIA_TYPE, KEY_OCSP_REQUEST},
    {TW_TBL_MEDIA_TYPE, KEY_OCSP_RESPONSE},
};

static void init(void)
{
    if (tw_media_key("application/ocsp-request", 24) != KEY_OCSP_REQUEST ||
        tw_media_key("application/ocsp-response", 25) != KEY_OCSP_RESPONSE)
        tw_log(TW_LOG_ERROR, "ocsp: media type keys out of date");
}

const struct tw_proto tw_proto_ocsp = {
    .abbrev = "ocsp",
    .name = "Online Certificate Status Protocol",
    .short_name = "OCSP",
    .fields = fields,
    .nfields = F_COUNT,
    .bindings = media_bindings,
    .nbindings = TW_ARRAY_LEN(media_bindings),
    .dissect = dissect,
    .init = init,
    .ids = &ids,
};
