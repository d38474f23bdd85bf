/* X.509 certificates (RFC 5280, ITU-T X.509), dissected as Wireshark's ASN.1 dissectors do:
 *
 *   Certificate ::= SEQUENCE { signedCertificate TBSCertificate, algorithmIdentifier
 *                              AlgorithmIdentifier, encrypted BIT STRING }
 *   TBSCertificate ::= SEQUENCE { version [0] EXPLICIT INTEGER DEFAULT v1, serialNumber INTEGER,
 *       signature AlgorithmIdentifier, issuer Name, validity SEQUENCE { notBefore Time,
 *       notAfter Time }, subject Name, subjectPublicKeyInfo SEQUENCE { algorithm
 *       AlgorithmIdentifier, subjectPublicKey BIT STRING }, issuerUniqueIdentifier [1] IMPLICIT
 *       BIT STRING OPTIONAL, subjectUniqueIdentifier [2] IMPLICIT BIT STRING OPTIONAL,
 *       extensions [3] EXPLICIT SEQUENCE OF Extension OPTIONAL }
 *   Name ::= CHOICE { rdnSequence SEQUENCE OF SET OF SEQUENCE { type OID, value ANY } }
 *   Extension ::= SEQUENCE { extnId OID, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING }
 *
 * The fields belong to several Wireshark protocols: x509af (the certificate), x509if (names),
 * x509sat (attribute values), x509ce (extensions), pkix1implicit (authority information access,
 * user notices), pkix1explicit (CPS qualifiers), pkcs-1 (RSA keys) and ber (bit string padding).
 * Wireshark reaches attribute values, extensions and policy qualifiers through its BER OID
 * table, and every such call adds the protocol to frame.protocols without a line of its own in
 * the tree: here each is a nested dissection of a protocol without a record (x509sat, x509ce,
 * pkix1implicit, pkix1explicit), told what to decode by a note left for it (struct pending).
 * The certificate itself (x509af) is called by TLS directly: no layer, no protocol line.
 *
 * ocsp.c dissects OCSP with the helpers exported through x509.h. */
#include "x509.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

struct tw_proto_ids tw_x509_af_ids, tw_x509_if_ids, tw_x509_sat_ids, tw_x509_ce_ids,
    tw_x509_impl_ids, tw_x509_expl_ids, tw_x509_ber_ids, tw_x509_pkcs1_ids;
#define AF(x)   ((uint16_t)(tw_x509_af_ids.base + (x)))
#define IF(x)   ((uint16_t)(tw_x509_if_ids.base + (x)))
#define SAT(x)  ((uint16_t)(tw_x509_sat_ids.base + (x)))
#define CE(x)   ((uint16_t)(tw_x509_ce_ids.base + (x)))
#define IMPL(x) ((uint16_t)(tw_x509_impl_ids.base + (x)))
#define EXPL(x) ((uint16_t)(tw_x509_expl_ids.base + (x)))
#define BER(x)  ((uint16_t)(tw_x509_ber_ids.base + (x)))
#define PK1(x)  ((uint16_t)(tw_x509_pkcs1_ids.base + (x)))

/* ---- field tables ---- */

static const struct tw_vs version_vals[] = {{0, "v1"}, {1, "v2"}, {2, "v3"}, {0, NULL}};
static const struct tw_vs name_vals[] = {{0, "rdnSequence"}, {0, NULL}};
static const struct tw_vs time_vals[] = {{0, "utcTime"}, {1, "generalizedTime"}, {0, NULL}};

static const struct tw_field_def af_fields[TW_X509AF_COUNT] = {
    [TW_X509AF_SIGNED] = {"x509af.signedCertificate_element", "signedCertificate", TW_FT_NONE},
    [TW_X509AF_VERSION] = {"x509af.version", "version", TW_FT_INT32, TW_BASE_DEC, 0, version_vals},
    [TW_X509AF_SERIAL] = {"x509af.serialNumber", "serialNumber", TW_FT_BYTES},
    [TW_X509AF_SIGNATURE] = {"x509af.signature_element", "signature", TW_FT_NONE},
    [TW_X509AF_ALGORITHM_ID] = {"x509af.algorithm.id", "Algorithm Id", TW_FT_OID},
    [TW_X509AF_ISSUER] = {"x509af.issuer", "issuer", TW_FT_UINT32, TW_BASE_DEC, 0, name_vals},
    [TW_X509AF_VALIDITY] = {"x509af.validity_element", "validity", TW_FT_NONE},
    [TW_X509AF_NOTBEFORE] = {"x509af.notBefore", "notBefore", TW_FT_UINT32, TW_BASE_DEC, 0,
                             time_vals},
    [TW_X509AF_NOTAFTER] = {"x509af.notAfter", "notAfter", TW_FT_UINT32, TW_BASE_DEC, 0, time_vals},
    [TW_X509AF_UTCTIME] = {"x509af.utcTime", "utcTime", TW_FT_STRING},
    [TW_X509AF_GENTIME] = {"x509af.generalizedTime", "generalizedTime", TW_FT_ABSOLUTE_TIME,
                           TW_ABSTIME_LOCAL},
    [TW_X509AF_SUBJECT] = {"x509af.subject", "subject", TW_FT_UINT32, TW_BASE_DEC, 0, name_vals},
    [TW_X509AF_RDNSEQUENCE] = {"x509af.rdnSequence", "rdnSequence", TW_FT_UINT32, TW_BASE_DEC},
    [TW_X509AF_SPKI] = {"x509af.subjectPublicKeyInfo_element", "subjectPublicKeyInfo", TW_FT_NONE},
    [TW_X509AF_ALGORITHM] = {"x509af.algorithm_element", "algorithm", TW_FT_NONE},
    [TW_X509AF_SPK] = {"x509af.subjectPublicKey", "subjectPublicKey", TW_FT_BYTES},
    [TW_X509AF_ISSUER_UID] = {"x509af.issuerUniqueIdentifier", "issuerUniqueIdentifier",
                              TW_FT_BYTES},
    [TW_X509AF_SUBJECT_UID] = {"x509af.subjectUniqueIdentifier", "subjectUniqueIdentifier",
                               TW_FT_BYTES},
    [TW_X509AF_EXTENSIONS] = {"x509af.extensions", "extensions", TW_FT_UINT32, TW_BASE_DEC},
    [TW_X509AF_EXTENSION] = {"x509af.Extension_element", "Extension", TW_FT_NONE},
    [TW_X509AF_EXTENSION_ID] = {"x509af.extension.id", "Extension Id", TW_FT_OID},
    [TW_X509AF_CRITICAL] = {"x509af.critical", "critical", TW_FT_BOOLEAN},
    [TW_X509AF_ALGID] = {"x509af.algorithmIdentifier_element", "algorithmIdentifier", TW_FT_NONE},
    [TW_X509AF_ENCRYPTED] = {"x509af.encrypted", "encrypted", TW_FT_BYTES},
    [TW_X509AF_CERTIFICATE] = {"x509af.Certificate_element", "Certificate", TW_FT_NONE},
    [TW_X509AF_DSS_PARAMS] = {"x509af.DSS_Params_element", "DSS-Params", TW_FT_NONE},
    [TW_X509AF_P] = {"x509af.p", "p", TW_FT_BYTES},
    [TW_X509AF_Q] = {"x509af.q", "q", TW_FT_BYTES},
    [TW_X509AF_G] = {"x509af.g", "g", TW_FT_BYTES},
    [TW_X509AF_CRL_SIGNED] = {"x509af.signedCertificateList_element", "signedCertificateList",
                              TW_FT_NONE},
    [TW_X509AF_THISUPDATE] = {"x509af.thisUpdate", "thisUpdate", TW_FT_UINT32, TW_BASE_DEC, 0,
                              time_vals},
    [TW_X509AF_NEXTUPDATE] = {"x509af.nextUpdate", "nextUpdate", TW_FT_UINT32, TW_BASE_DEC, 0,
                              time_vals},
    [TW_X509AF_REVOKED] = {"x509af.revokedCertificates", "revokedCertificates", TW_FT_UINT32,
                           TW_BASE_DEC},
    [TW_X509AF_REVOKED_ITEM] = {"x509af.revokedCertificates_item_element",
                                "revokedCertificates item", TW_FT_NONE},
    [TW_X509AF_USERCERT] = {"x509af.userCertificate", "userCertificate", TW_FT_BYTES},
    [TW_X509AF_REVDATE] = {"x509af.revocationDate", "revocationDate", TW_FT_UINT32, TW_BASE_DEC, 0,
                           time_vals},
    [TW_X509AF_CRLENTRYEXT] = {"x509af.crlEntryExtensions", "crlEntryExtensions", TW_FT_UINT32,
                               TW_BASE_DEC},
    [TW_X509AF_CRLEXT] = {"x509af.crlExtensions", "crlExtensions", TW_FT_UINT32, TW_BASE_DEC},
};

enum { IF_RDNSEQUENCE, IF_RDN_ITEM, IF_RDN_ELEMENT, IF_OID, IF_COUNT };
static const struct tw_field_def if_fields[IF_COUNT] = {
    [IF_RDNSEQUENCE] = {"x509if.rdnSequence", "rdnSequence", TW_FT_UINT32, TW_BASE_DEC},
    [IF_RDN_ITEM] = {"x509if.RDNSequence_item", "RDNSequence item", TW_FT_UINT32, TW_BASE_DEC},
    [IF_RDN_ELEMENT] = {"x509if.RelativeDistinguishedName_item_element",
                        "RelativeDistinguishedName item", TW_FT_NONE},
    [IF_OID] = {"x509if.oid", "Object Id", TW_FT_OID},
};

enum {
    SAT_DIRECTORYSTRING,
    SAT_COUNTRYNAME,
    SAT_PRINTABLESTRING_U, /* PrintableString: the attribute syntax */
    SAT_IA5STRING_U,
    SAT_TELETEX,
    SAT_PRINTABLE,
    SAT_UNIVERSAL,
    SAT_BMP,
    SAT_UTF8,
    SAT_COUNT
};
static const struct tw_vs dirstring_vals[] = {{0, "teletexString"},   {1, "printableString"},
                                              {2, "universalString"}, {3, "bmpString"},
                                              {4, "uTF8String"},      {0, NULL}};
static const struct tw_field_def sat_fields[SAT_COUNT] = {
    [SAT_DIRECTORYSTRING] = {"x509sat.DirectoryString", "DirectoryString", TW_FT_UINT32,
                             TW_BASE_DEC, 0, dirstring_vals},
    [SAT_COUNTRYNAME] = {"x509sat.CountryName", "CountryName", TW_FT_STRING},
    [SAT_PRINTABLESTRING_U] = {"x509sat.PrintableString", "PrintableString", TW_FT_STRING},
    [SAT_IA5STRING_U] = {"x509sat.IA5String", "IA5String", TW_FT_STRING},
    [SAT_TELETEX] = {"x509sat.teletexString", "teletexString", TW_FT_STRING},
    [SAT_PRINTABLE] = {"x509sat.printableString", "printableString", TW_FT_STRING},
    [SAT_UNIVERSAL] = {"x509sat.universalString", "universalString", TW_FT_STRING},
    [SAT_BMP] = {"x509sat.bmpString", "bmpString", TW_FT_STRING},
    [SAT_UTF8] = {"x509sat.uTF8String", "uTF8String", TW_FT_STRING},
};

enum {
    CE_SKI,
    CE_AKI,
    CE_KEYID,
    CE_AUTH_ISSUER,
    CE_AUTH_SERIAL,
    CE_CRLNUMBER,
    CE_CRLREASON,
    CE_KEYUSAGE,
    CE_KU_DS,
    CE_KU_CC,
    CE_KU_KE,
    CE_KU_DE,
    CE_KU_KA,
    CE_KU_KCS,
    CE_KU_CRL,
    CE_KU_EO,
    CE_KU_DO,
    CE_KEYPURPOSEIDS,
    CE_KEYPURPOSEID,
    CE_GENERALNAMES,
    CE_GENERALNAME,
    CE_OTHERNAME,
    CE_TYPE_ID,
    CE_RFC822,
    CE_DNS,
    CE_DIRNAME,
    CE_URI,
    CE_IPADDR,
    CE_IPV4,
    CE_IPV6,
    CE_REGID,
    CE_BC,
    CE_CA,
    CE_PATHLEN,
    CE_CRLDP,
    CE_DP_ELEMENT,
    CE_DP,
    CE_FULLNAME,
    CE_REASONS,
    CE_CRLISSUER,
    CE_POLICIES,
    CE_POLICYINFO,
    CE_POLICYID,
    CE_QUALIFIERS,
    CE_QUALIFIERINFO,
    CE_ID,
    CE_TEMPLATE,
    CE_TEMPLATE_ID,
    CE_TEMPLATE_MAJOR,
    CE_TEMPLATE_MINOR,
    CE_COUNT
};
static const struct tw_vs gn_vals[] = {{0, "otherName"},
                                       {1, "rfc822Name"},
                                       {2, "dNSName"},
                                       {3, "x400Address"},
                                       {4, "directoryName"},
                                       {5, "ediPartyName"},
                                       {6, "uniformResourceIdentifier"},
                                       {7, "iPAddress"},
                                       {8, "registeredID"},
                                       {0, NULL}};
static const struct tw_vs dpname_vals[] = {
    {0, "fullName"}, {1, "nameRelativeToCRLIssuer"}, {0, NULL}};
#define KU(a, n, m)                                                                                \
    {                                                                                              \
        "x509ce.KeyUsage." a, a, TW_FT_BOOLEAN, 8, m                                               \
    }
static const struct tw_vs crlreason_vals[] = {
    {0, "unspecified"},       {1, "keyCompromise"},        {2, "cACompromise"},
    {3, "affiliationChanged"}, {4, "superseded"},          {5, "cessationOfOperation"},
    {6, "certificateHold"},   {8, "removeFromCRL"},        {9, "privilegeWithdrawn"},
    {10, "aaCompromise"},     {0, NULL}};

static const struct tw_field_def ce_fields[CE_COUNT] = {
    [CE_SKI] = {"x509ce.SubjectKeyIdentifier", "SubjectKeyIdentifier", TW_FT_BYTES},
    [CE_AKI] = {"x509ce.AuthorityKeyIdentifier_element", "AuthorityKeyIdentifier", TW_FT_NONE},
    [CE_KEYID] = {"x509ce.keyIdentifier", "keyIdentifier", TW_FT_BYTES},
    [CE_AUTH_ISSUER] = {"x509ce.authorityCertIssuer", "authorityCertIssuer", TW_FT_UINT32,
                        TW_BASE_DEC},
    [CE_AUTH_SERIAL] = {"x509ce.authorityCertSerialNumber", "authorityCertSerialNumber",
                        TW_FT_BYTES},
    [CE_CRLNUMBER] = {"x509ce.CRLNumber", "CRLNumber", TW_FT_UINT64, TW_BASE_DEC},
    [CE_CRLREASON] = {"x509ce.CRLReason", "CRLReason", TW_FT_UINT32, TW_BASE_DEC, 0,
                      crlreason_vals},
    [CE_KEYUSAGE] = {"x509ce.KeyUsage", "KeyUsage", TW_FT_BYTES},
    [CE_KU_DS] = KU("digitalSignature", 0, 0x80),
    [CE_KU_CC] = KU("contentCommitment", 0, 0x40),
    [CE_KU_KE] = KU("keyEncipherment", 0, 0x20),
    [CE_KU_DE] = KU("dataEncipherment", 0, 0x10),
    [CE_KU_KA] = KU("keyAgreement", 0, 0x08),
    [CE_KU_KCS] = KU("keyCertSign", 0, 0x04),
    [CE_KU_CRL] = KU("cRLSign", 0, 0x02),
    [CE_KU_EO] = KU("encipherOnly", 0, 0x01),
    [CE_KU_DO] = KU("decipherOnly", 1, 0x80),
    [CE_KEYPURPOSEIDS] = {"x509ce.KeyPurposeIDs", "KeyPurposeIDs", TW_FT_UINT32, TW_BASE_DEC},
    [CE_KEYPURPOSEID] = {"x509ce.KeyPurposeId", "KeyPurposeId", TW_FT_OID},
    [CE_GENERALNAMES] = {"x509ce.GeneralNames", "GeneralNames", TW_FT_UINT32, TW_BASE_DEC},
    [CE_GENERALNAME] = {"x509ce.GeneralName", "GeneralName", TW_FT_UINT32, TW_BASE_DEC, 0, gn_vals},
    [CE_OTHERNAME] = {"x509ce.otherName_element", "otherName", TW_FT_NONE},
    [CE_TYPE_ID] = {"x509ce.type_id", "type-id", TW_FT_OID},
    [CE_RFC822] = {"x509ce.rfc822Name", "rfc822Name", TW_FT_STRING},
    [CE_DNS] = {"x509ce.dNSName", "dNSName", TW_FT_STRING},
    [CE_DIRNAME] = {"x509ce.directoryName", "directoryName", TW_FT_UINT32, TW_BASE_DEC, 0,
                    name_vals},
    [CE_URI] = {"x509ce.uniformResourceIdentifier", "uniformResourceIdentifier", TW_FT_STRING},
    [CE_IPADDR] = {"x509ce.iPAddress", "iPAddress", TW_FT_BYTES},
    [CE_IPV4] = {"x509ce.IPAddress.ipv4", "iPAddress", TW_FT_IPv4, 0, 0, NULL, NULL, NULL,
                 "IPv4 address"},
    [CE_IPV6] = {"x509ce.IPAddress.ipv6", "iPAddress", TW_FT_IPv6, 0, 0, NULL, NULL, NULL,
                 "IPv6 address"},
    [CE_REGID] = {"x509ce.registeredID", "registeredID", TW_FT_OID},
    [CE_BC] = {"x509ce.BasicConstraintsSyntax_element", "BasicConstraintsSyntax", TW_FT_NONE},
    [CE_CA] = {"x509ce.cA", "cA", TW_FT_BOOLEAN},
    [CE_PATHLEN] = {"x509ce.pathLenConstraint", "pathLenConstraint", TW_FT_UINT64, TW_BASE_DEC},
    [CE_CRLDP] = {"x509ce.CRLDistPointsSyntax", "CRLDistPointsSyntax", TW_FT_UINT32, TW_BASE_DEC},
    [CE_DP_ELEMENT] = {"x509ce.DistributionPoint_element", "DistributionPoint", TW_FT_NONE},
    [CE_DP] = {"x509ce.distributionPoint", "distributionPoint", TW_FT_UINT32, TW_BASE_DEC, 0,
               dpname_vals},
    [CE_FULLNAME] = {"x509ce.fullName", "fullName", TW_FT_UINT32, TW_BASE_DEC},
    [CE_REASONS] = {"x509ce.reasons", "reasons", TW_FT_BYTES},
    [CE_CRLISSUER] = {"x509ce.cRLIssuer", "cRLIssuer", TW_FT_UINT32, TW_BASE_DEC},
    [CE_POLICIES] = {"x509ce.CertificatePoliciesSyntax", "CertificatePoliciesSyntax", TW_FT_UINT32,
                     TW_BASE_DEC},
    [CE_POLICYINFO] = {"x509ce.PolicyInformation_element", "PolicyInformation", TW_FT_NONE},
    [CE_POLICYID] = {"x509ce.policyIdentifier", "policyIdentifier", TW_FT_OID},
    [CE_QUALIFIERS] = {"x509ce.policyQualifiers", "policyQualifiers", TW_FT_UINT32, TW_BASE_DEC},
    [CE_QUALIFIERINFO] = {"x509ce.PolicyQualifierInfo_element", "PolicyQualifierInfo", TW_FT_NONE},
    [CE_ID] = {"x509ce.id", "Id", TW_FT_OID},
    [CE_TEMPLATE] = {"x509ce.CertificateTemplate_element", "CertificateTemplate", TW_FT_NONE},
    [CE_TEMPLATE_ID] = {"x509ce.templateID", "templateID", TW_FT_OID},
    [CE_TEMPLATE_MAJOR] = {"x509ce.templateMajorVersion", "templateMajorVersion", TW_FT_INT32,
                           TW_BASE_DEC},
    [CE_TEMPLATE_MINOR] = {"x509ce.templateMinorVersion", "templateMinorVersion", TW_FT_INT32,
                           TW_BASE_DEC},
};

enum {
    IMPL_AIA,
    IMPL_AD,
    IMPL_METHOD,
    IMPL_LOCATION,
    IMPL_USERNOTICE,
    IMPL_NOTICEREF,
    IMPL_ORGANIZATION,
    IMPL_NOTICENUMBERS,
    IMPL_NOTICENUMBER,
    IMPL_EXPLICITTEXT,
    IMPL_IA5,
    IMPL_VISIBLE,
    IMPL_BMP,
    IMPL_UTF8,
    IMPL_COUNT
};
static const struct tw_vs displaytext_vals[] = {
    {0, "ia5String"}, {1, "visibleString"}, {2, "bmpString"}, {3, "utf8String"}, {0, NULL}};
static const struct tw_field_def impl_fields[IMPL_COUNT] = {
    [IMPL_AIA] = {"pkix1implicit.AuthorityInfoAccessSyntax", "AuthorityInfoAccessSyntax",
                  TW_FT_UINT32, TW_BASE_DEC},
    [IMPL_AD] = {"pkix1implicit.AccessDescription_element", "AccessDescription", TW_FT_NONE},
    [IMPL_METHOD] = {"pkix1implicit.accessMethod", "accessMethod", TW_FT_OID},
    [IMPL_LOCATION] = {"pkix1implicit.accessLocation", "accessLocation", TW_FT_UINT32, TW_BASE_DEC},
    [IMPL_USERNOTICE] = {"pkix1implicit.UserNotice_element", "UserNotice", TW_FT_NONE},
    [IMPL_NOTICEREF] = {"pkix1implicit.noticeRef_element", "noticeRef", TW_FT_NONE},
    [IMPL_ORGANIZATION] = {"pkix1implicit.organization", "organization", TW_FT_UINT32, TW_BASE_DEC,
                           0, displaytext_vals},
    [IMPL_NOTICENUMBERS] = {"pkix1implicit.noticeNumbers", "noticeNumbers", TW_FT_UINT32,
                            TW_BASE_DEC},
    [IMPL_NOTICENUMBER] = {"pkix1implicit.noticeNumbers_item", "noticeNumbers item", TW_FT_INT32,
                           TW_BASE_DEC},
    [IMPL_EXPLICITTEXT] = {"pkix1implicit.explicitText", "explicitText", TW_FT_UINT32, TW_BASE_DEC,
                           0, displaytext_vals},
    [IMPL_IA5] = {"pkix1implicit.ia5String", "ia5String", TW_FT_STRING},
    [IMPL_VISIBLE] = {"pkix1implicit.visibleString", "visibleString", TW_FT_STRING},
    [IMPL_BMP] = {"pkix1implicit.bmpString", "bmpString", TW_FT_STRING},
    [IMPL_UTF8] = {"pkix1implicit.utf8String", "utf8String", TW_FT_STRING},
};

static const struct tw_field_def expl_fields[TW_X509EXPL_COUNT] = {
    [TW_X509EXPL_DIRSTRING] = {"pkix1explicit.DirectoryString", "DirectoryString", TW_FT_STRING},
    [TW_X509EXPL_EXTENSION] = {"pkix1explicit.Extension_element", "Extension", TW_FT_NONE},
    [TW_X509EXPL_ID] = {"pkix1explicit.id", "Id", TW_FT_STRING, 0, 0, NULL, NULL, NULL,
                        "Object identifier Id"},
    [TW_X509EXPL_CRITICAL] = {"pkix1explicit.critical", "critical", TW_FT_BOOLEAN},
};

enum { BER_PADDING, BER_COUNT };
enum { BER_E_EXPECTED_SEQUENCE, BER_E_COUNT };
static const struct tw_expert_def ber_experts[BER_E_COUNT] = {
    [BER_E_EXPECTED_SEQUENCE] = {"ber.error.expected.sequence", "decoder.ber.expected_sequence",
                                 TW_SEV_WARN, TW_GRP_MALFORMED, "BER Error: Sequence expected"},
};
static const struct tw_field_def ber_fields[BER_COUNT] = {
    [BER_PADDING] = {"ber.bitstring.padding", "Padding", TW_FT_UINT8, TW_BASE_DEC},
};

enum { PK1_MODULUS, PK1_EXPONENT, PK1_ECPARAMETERS, PK1_NAMEDCURVE, PK1_COUNT };
static const struct tw_vs ecparam_vals[] = {
    {0, "specifiedCurve"}, {1, "namedCurve"}, {2, "implicitlyCA"}, {0, NULL}};
static const struct tw_field_def pk1_fields[PK1_COUNT] = {
    [PK1_MODULUS] = {"pkcs1.modulus", "modulus", TW_FT_BYTES},
    [PK1_EXPONENT] = {"pkcs1.publicExponent", "publicExponent", TW_FT_INT32, TW_BASE_DEC},
    [PK1_ECPARAMETERS] = {"pkcs1.ECParameters", "ECParameters", TW_FT_UINT32, TW_BASE_DEC, 0,
                          ecparam_vals},
    [PK1_NAMEDCURVE] = {"pkcs1.namedCurve", "namedCurve", TW_FT_OID},
};

/* the start of a layer called for an OID: no line of its own, its records under the caller's */
static void oid_layer(struct tw_pkt *p)
{
    tw_layer_unrecord(p);
    if (p->ntree >= 2) p->tree[p->ntree - 1] = p->tree[p->ntree - 2];
}

struct tw_asn;
static enum tw_status nested(struct tw_asn *a, uint32_t key, int kind, const char *oid,
                             const struct tw_ber_tlv *t, char *txt, size_t cap);
static int ns_field(const char *oid);

/* a tree label, cut as Wireshark cuts labels (239 bytes, at a character boundary) */
static void label(struct tw_pkt *p, int32_t r, const char *fmt, ...) TW_PRINTF(3, 4);
static void label(struct tw_pkt *p, int32_t r, const char *fmt, ...)
{
    if (r < 0 || !tw_want_labels(p)) return;
    char buf[240];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    if ((size_t)n >= sizeof buf) {
        size_t k = sizeof buf - 1;
        while (k && ((uint8_t)buf[k] & 0xc0) == 0x80) k--; /* buf[k] would start the next char */
        buf[k] = 0;
    }
    tw_rec_label_(p, r, "%s", buf);
}

/* ---- reading helpers (x509.h) ---- */

bool tw_asn_get(struct tw_asn *a, uint32_t pos, uint32_t limit, struct tw_ber_tlv *t)
{
    if (a->st) return false;
    enum tw_status s = tw_ber_read(a->d, pos, limit, a->cap, t);
    if (s != TW_OK) {
        a->st = s;
        return false;
    }
    return true;
}

bool tw_asn_expect(struct tw_asn *a, uint32_t pos, uint32_t limit, uint8_t cls, uint32_t tag,
                   struct tw_ber_tlv *t)
{
    if (!tw_asn_get(a, pos, limit, t)) return false;
    if (t->cls != cls || t->tag != tag) {
        if (cls == TW_BER_UNIVERSAL && tag == TW_BER_SEQUENCE) {
            /* Wireshark's BER shows a wrong tag where a SEQUENCE belongs as an error line with a
             * warning and skips the element, without an exception */
            static const char *const cn[4] = {"UNIVERSAL", "APPLICATION", "CONTEXT", "PRIVATE"};
            char msg[160];
            snprintf(msg, sizeof msg,
                     "BER Error: Sequence expected but class:%s(%u) %s tag:%u was unexpected",
                     cn[t->cls & 3], (unsigned)(t->cls & 3), t->cons ? "Constructed" : "Primitive",
                     (unsigned)t->tag);
            int32_t r = tw_add_text(a->p, t->start, t->end - t->start, "%s", msg);
            tw_tree_push(a->p, r);
            tw_expert(a->p, (uint16_t)(tw_x509_ber_ids.expert_base + BER_E_EXPECTED_SEQUENCE),
                      t->start, t->end - t->start, "%s", msg);
            tw_tree_pop(a->p);
            return false;
        }
        a->st = TW_MALFORMED;
        return false;
    }
    return true;
}

uint32_t tw_asn_count(struct tw_asn *a, const struct tw_ber_tlv *t)
{
    uint32_t n = 0;
    struct tw_ber_tlv in;
    for (uint32_t pos = t->off; pos < t->off + t->len; pos = in.end) {
        if (tw_ber_read(a->d, pos, t->off + t->len, a->cap, &in) != TW_OK) break;
        n++;
    }
    return n;
}

static int32_t rec_whole(struct tw_pkt *p, uint16_t hf, const struct tw_ber_tlv *t)
{
    return tw_want(p, hf) ? tw_add_rec(p, hf, t->start, t->end - t->start) : -1;
}

int32_t tw_asn_none(struct tw_asn *a, uint16_t hf, const struct tw_ber_tlv *t)
{
    return rec_whole(a->p, hf, t);
}

int32_t tw_asn_uint(struct tw_asn *a, uint16_t hf, const struct tw_ber_tlv *t, uint64_t v)
{
    return tw_add_uint(a->p, hf, t->start, t->end - t->start, v);
}

void tw_asn_items_label(struct tw_asn *a, int32_t r, uint32_t n, const char *extra)
{
    if (r < 0 || !tw_want_labels(a->p)) return;
    const char *name = tw_field(a->p->recs[r].field)->def->name;
    label(a->p, r, "%s: %u item%s%s%s%s", name, n, n == 1 ? "" : "s", extra && *extra ? " (" : "",
          extra ? extra : "", extra && *extra ? ")" : "");
}

/* an OID in text, with its name if known: "2.5.4.3" and "id-at-commonName" */
static _Thread_local char resolved[160];
static void oid_texts(const uint8_t *p, uint32_t n, char *dot, size_t cap, const char **name)
{
    if (!tw_ber_oid_text(p, n, dot, cap)) snprintf(dot, cap, "%s", "");
    *name = dot[0] && tw_ber_oid_resolved(dot, resolved, sizeof resolved) ? resolved : NULL;
}

int32_t tw_asn_oid(struct tw_asn *a, uint16_t hf, const struct tw_ber_tlv *t, char *dot, size_t cap)
{
    char tmp[128];
    if (!dot) dot = tmp, cap = sizeof tmp;
    const char *name;
    oid_texts(a->d + t->off, t->len, dot, cap, &name);
    struct tw_pkt *p = a->p;
    if (!tw_want(p, hf)) return -1;
    int32_t r;
    if (tw_field(hf)->def->type == TW_FT_STRING) {
        size_t n = strlen(dot);
        uint8_t *s = tw_arena_alloc(p->arena, n + 1);
        if (!s) return -1;
        memcpy(s, dot, n + 1);
        r = tw_add_ptr(p, hf, t->off, t->len, s, (uint32_t)n);
    } else {
        r = tw_add_ptr(p, hf, t->off, t->len, a->d + t->off, t->len);
    }
    if (name) label(p, r, "%s: %s (%s)", tw_field(hf)->def->name, dot, name);
    return r;
}

int32_t tw_asn_bytes(struct tw_asn *a, uint16_t hf, const struct tw_ber_tlv *t)
{
    return tw_add_ptr(a->p, hf, t->off, t->len, a->d + t->off, t->len);
}

/* an INTEGER shown as bytes, labelled "0x..." as Wireshark shows serial numbers */
int32_t tw_asn_serial(struct tw_asn *a, uint16_t hf, const struct tw_ber_tlv *t)
{
    int32_t r = tw_asn_bytes(a, hf, t);
    if (r >= 0 && tw_want_labels(a->p)) {
        char hex[80];
        uint32_t n = t->len > 36 ? 36 : t->len;
        for (uint32_t i = 0; i < n; i++) snprintf(hex + 2 * i, 3, "%02x", a->d[t->off + i]);
        hex[2 * n] = 0;
        label(a->p, r, "%s: 0x%s%s", tw_field(hf)->def->name, hex,
              t->len > 36 ? "\xe2\x80\xa6" : "");
    }
    return r;
}

int32_t tw_asn_int(struct tw_asn *a, uint16_t hf, const struct tw_ber_tlv *t)
{
    int64_t v = 0;
    if (!tw_ber_int(a->d + t->off, t->len, &v)) return -1;
    const struct tw_field_def *d = tw_field(hf)->def;
    if (d->type == TW_FT_UINT64 || d->type == TW_FT_UINT32)
        return tw_add_uint(a->p, hf, t->off, t->len, (uint64_t)v);
    return tw_add_int(a->p, hf, t->off, t->len, v);
}

int32_t tw_asn_bool(struct tw_asn *a, uint16_t hf, const struct tw_ber_tlv *t)
{
    uint64_t v = t->len ? a->d[t->off] != 0 : 0;
    return tw_add_uint(a->p, hf, t->off, t->len, v);
}

/* BIT STRING: Wireshark's "Padding" (unused bits) then the bits */
static int32_t bitstring(struct tw_asn *a, uint16_t hf, const struct tw_ber_tlv *t, bool pad)
{
    if (t->len == 0) return -1;
    if (pad) tw_add_uint(a->p, BER(BER_PADDING), t->off, 1, a->d[t->off]);
    return tw_add_ptr(a->p, hf, t->off + 1, t->len - 1, a->d + t->off + 1, t->len - 1);
}

int32_t tw_asn_bits(struct tw_asn *a, uint16_t hf, const struct tw_ber_tlv *t)
{
    return bitstring(a, hf, t, true);
}

/* a string (its bytes as they are, UTF-8 for BMPString), also copied into txt for labels */
static int32_t string_field(struct tw_asn *a, uint16_t hf, const struct tw_ber_tlv *t,
                            uint32_t utag, char *txt, size_t cap)
{
    struct tw_pkt *p = a->p;
    const uint8_t *s = a->d + t->off;
    uint32_t n = t->len;
    if (utag == TW_BER_BMPSTRING || utag == TW_BER_UNIVERSALSTRING) {
        uint32_t w = utag == TW_BER_BMPSTRING ? 2 : 4;
        uint8_t *o = tw_arena_alloc(p->arena, (size_t)n * 2 + 4);
        if (!o) return -1;
        uint32_t k = 0;
        for (uint32_t i = 0; i + w <= n; i += w) {
            uint32_t c = w == 2 ? (uint32_t)(s[i] << 8 | s[i + 1])
                                : (uint32_t)s[i] << 24 | (uint32_t)s[i + 1] << 16 |
                                      (uint32_t)s[i + 2] << 8 | s[i + 3];
            if (c >= 0xd800 && c < 0xe000) c = 0xfffd;
            if (c > 0x10ffff) c = 0xfffd;
            if (c < 0x80)
                o[k++] = (uint8_t)c;
            else if (c < 0x800)
                o[k++] = (uint8_t)(0xc0 | c >> 6), o[k++] = (uint8_t)(0x80 | (c & 0x3f));
            else if (c < 0x10000)
                o[k++] = (uint8_t)(0xe0 | c >> 12), o[k++] = (uint8_t)(0x80 | (c >> 6 & 0x3f)),
                o[k++] = (uint8_t)(0x80 | (c & 0x3f));
            else
                o[k++] = (uint8_t)(0xf0 | c >> 18), o[k++] = (uint8_t)(0x80 | (c >> 12 & 0x3f)),
                o[k++] = (uint8_t)(0x80 | (c >> 6 & 0x3f)), o[k++] = (uint8_t)(0x80 | (c & 0x3f));
        }
        s = o;
        n = k;
    }
    if (txt && cap) {
        size_t m = n < cap - 1 ? n : cap - 1;
        memcpy(txt, s, m);
        txt[m] = 0;
    }
    if (utag == TW_BER_UTF8STRING || s != a->d + t->off)
        return tw_add_ptr(p, hf, t->off, t->len, s, n);
    return tw_add_ascii(p, hf, t->off, n, s);
}

/* ---- the nested layers: what the next one is to decode ---- */

enum pend_kind {
    PK_NONE,
    PK_ATTRIBUTE, /* x509sat: an attribute value, pend.oid its type */
    PK_EXTENSION, /* x509ce / pkix1implicit: an extension value, pend.oid its id */
    PK_QUALIFIER, /* pkix1explicit / pkix1implicit: a policy qualifier, pend.oid its id */
    PK_ECPARAMS,  /* pkcs-1: an EC key's parameters */
    PK_DSSPARAMS, /* x509af: a DSA key's parameters */
};
static _Thread_local struct {
    enum pend_kind kind;
    char oid[64];
    char *txt; /* where an attribute value's text goes (labels) */
    size_t cap;
} pend;

static enum tw_status nested(struct tw_asn *a, uint32_t key, int kind, const char *oid,
                             const struct tw_ber_tlv *t, char *txt, size_t cap)
{
    pend.kind = (enum pend_kind)kind;
    snprintf(pend.oid, sizeof pend.oid, "%s", oid);
    pend.txt = txt;
    pend.cap = cap;
    if (txt && cap) txt[0] = 0;
    struct tw_cur c = {a->d, t->start, t->end, a->cap, TW_CUR_OK};
    enum tw_status st = tw_dissect_nested(a->p, TW_TBL_NAME, key, c);
    pend.kind = PK_NONE;
    if (st != TW_OK) a->st = st, a->reported = true;
    return st;
}

/* ---- names ---- */

/* attribute types whose value x509sat decodes, and how */
enum attr_syntax { AS_NONE, AS_DIRSTRING, AS_COUNTRY, AS_PRINTABLE, AS_IA5 };
static enum attr_syntax attr_syntax(const char *oid)
{
    if (strncmp(oid, "2.5.4.", 6) == 0) {
        int n = 0;
        for (const char *s = oid + 6; *s; s++) {
            if (*s < '0' || *s > '9') return AS_NONE;
            n = n * 10 + (*s - '0');
            if (n > 1000) return AS_NONE;
        }
        switch (n) {
        case 6:
            return AS_COUNTRY;
        case 5:
        case 46:
            return AS_PRINTABLE;
        case 3:
        case 4:
        case 7:
        case 8:
        case 9:
        case 10:
        case 11:
        case 12:
        case 13:
        case 15:
        case 17:
        case 41:
        case 42:
        case 43:
        case 44:
        case 65:
        case 97:
            return AS_DIRSTRING;
        default:
            return AS_NONE;
        }
    }
    if (strcmp(oid, "1.2.840.113549.1.9.1") == 0) return AS_IA5;
    if (strcmp(oid, "1.3.6.1.4.1.311.60.2.1.1") == 0) return AS_DIRSTRING;
    if (strcmp(oid, "1.3.6.1.4.1.311.60.2.1.2") == 0) return AS_DIRSTRING;
    if (strcmp(oid, "1.3.6.1.4.1.311.60.2.1.3") == 0) return AS_COUNTRY;
    if (strcmp(oid, "0.9.2342.19200300.100.1.25") == 0) return AS_IA5;
    return AS_NONE;
}

static enum tw_status dissect_sat(struct tw_pkt *p, struct tw_cur *c)
{
    oid_layer(p);
    if (pend.kind != PK_ATTRIBUTE) return TW_OK;
    struct tw_asn a = {p, c->data, c->cap < c->end ? c->cap : c->end, TW_OK, false};
    struct tw_ber_tlv t;
    char *txt = pend.txt;
    size_t cap = pend.cap;
    if (!tw_asn_get(&a, c->off, c->end, &t)) return a.st;
    switch (attr_syntax(pend.oid)) {
    case AS_COUNTRY:
        string_field(&a, SAT(SAT_COUNTRYNAME), &t, t.tag, txt, cap);
        break;
    case AS_PRINTABLE:
        string_field(&a, SAT(SAT_PRINTABLESTRING_U), &t, t.tag, txt, cap);
        break;
    case AS_IA5:
        string_field(&a, SAT(SAT_IA5STRING_U), &t, t.tag, txt, cap);
        break;
    case AS_DIRSTRING: {
        static const struct {
            uint32_t tag;
            uint16_t choice, f;
        } ch[] = {{TW_BER_TELETEXSTRING, 0, SAT_TELETEX},
                  {TW_BER_PRINTABLESTRING, 1, SAT_PRINTABLE},
                  {TW_BER_UNIVERSALSTRING, 2, SAT_UNIVERSAL},
                  {TW_BER_BMPSTRING, 3, SAT_BMP},
                  {TW_BER_UTF8STRING, 4, SAT_UTF8}};
        size_t i;
        for (i = 0; i < TW_ARRAY_LEN(ch); i++)
            if (t.cls == TW_BER_UNIVERSAL && t.tag == ch[i].tag) break;
        if (i == TW_ARRAY_LEN(ch)) return TW_MALFORMED;
        tw_add_uint(p, SAT(SAT_DIRECTORYSTRING), t.start, t.end - t.start, ch[i].choice);
        tw_tree_push(p, p->nrecs ? (int32_t)p->nrecs - 1 : -1);
        string_field(&a, SAT(ch[i].f), &t, t.tag, txt, cap);
        tw_tree_pop(p);
        break;
    }
    default:
        break;
    }
    c->off = t.end;
    return a.st;
}

/* "type=value" of one attribute for labels: the type's name, or its number */
static void dn_append(char *dn, size_t cap, const char *sep, const char *oid, const char *val)
{
    size_t n = strlen(dn);
    if (n + 1 >= cap) return;
    char rname[160];
    const char *name = tw_ber_oid_resolved(oid, rname, sizeof rname) ? rname : NULL;
    const char *parts[4] = {n ? sep : "", name ? name : oid, "=", val};
    for (int i = 0; i < 4; i++)
        for (const char *c = parts[i]; *c && n + 1 < cap; c++) dn[n++] = *c;
    dn[n] = 0;
}

/* prepend "s," to dn */
static void dn_prepend(char *dn, size_t cap, const char *s)
{
    size_t n = strlen(dn), m = strlen(s) + (n ? 1 : 0);
    if (n + m + 1 > cap) {
        if (m + 1 > cap) return;
        n = cap - m - 1;
    }
    memmove(dn + m, dn, n);
    dn[n + m] = 0;
    memcpy(dn, s, strlen(s));
    if (n) dn[m - 1] = ',';
}

int tw_asn_name(struct tw_asn *a, const struct tw_ber_tlv *t, uint16_t hf_choice,
                uint16_t hf_rdnseq, char *dn_out, size_t dn_cap)
{
    struct tw_pkt *p = a->p;
    bool labels = tw_want_labels(p);
    char dn[600];
    dn[0] = 0;
    /* Name ::= CHOICE { rdnSequence RDNSequence }: the only alternative, a SEQUENCE */
    if (!tw_ber_is(t, TW_BER_UNIVERSAL, TW_BER_SEQUENCE)) {
        a->st = TW_MALFORMED;
        return -1;
    }
    if (hf_choice) {
        int32_t rc = tw_asn_uint(a, hf_choice, t, 0);
        tw_tree_push(p, rc);
    }
    uint32_t n = tw_asn_count(a, t);
    int32_t rs = hf_rdnseq ? tw_asn_uint(a, hf_rdnseq, t, n) : -1;
    tw_tree_push(p, rs);
    struct tw_ber_tlv rdn, atv, ty, val;
    for (uint32_t pos = t->off; pos < t->off + t->len && !a->st; pos = rdn.end) {
        if (!tw_asn_expect(a, pos, t->off + t->len, TW_BER_UNIVERSAL, TW_BER_SET, &rdn)) break;
        uint32_t k = tw_asn_count(a, &rdn);
        int32_t ri = tw_asn_uint(a, IF(IF_RDN_ITEM), &rdn, k);
        tw_tree_push(p, ri);
        char rdn_txt[300];
        rdn_txt[0] = 0;
        for (uint32_t q = rdn.off; q < rdn.end && !a->st; q = atv.end) {
            if (!tw_asn_expect(a, q, rdn.end, TW_BER_UNIVERSAL, TW_BER_SEQUENCE, &atv)) break;
            int32_t re = tw_asn_none(a, IF(IF_RDN_ELEMENT), &atv);
            tw_tree_push(p, re);
            char oid[64];
            if (tw_asn_expect(a, atv.off, atv.end, TW_BER_UNIVERSAL, TW_BER_OID, &ty)) {
                tw_asn_oid(a, IF(IF_OID), &ty, oid, sizeof oid);
                if (ty.end < atv.end && tw_asn_get(a, ty.end, atv.end, &val)) {
                    char vtxt[256];
                    vtxt[0] = 0;
                    if (attr_syntax(oid) != AS_NONE)
                        nested(a, TW_KEY_X509SAT, PK_ATTRIBUTE, oid, &val, vtxt, sizeof vtxt);
                    if (labels || dn_out) {
                        char one[300];
                        one[0] = 0;
                        dn_append(one, sizeof one, "", oid, vtxt);
                        label(p, re, "RelativeDistinguishedName item (%s)", one);
                        dn_append(rdn_txt, sizeof rdn_txt, "+", oid, vtxt);
                    }
                }
            }
            tw_tree_pop(p);
        }
        tw_tree_pop(p);
        if (labels || dn_out) {
            label(p, ri, "RDNSequence item: %u item%s (%s)", k, k == 1 ? "" : "s", rdn_txt);
            dn_prepend(dn, sizeof dn, rdn_txt);
        }
    }
    tw_tree_pop(p);
    if (hf_choice) tw_tree_pop(p);
    tw_asn_items_label(a, rs, n, dn);
    if (dn_out && dn_cap) snprintf(dn_out, dn_cap, "%s", dn);
    return a->st ? -1 : 0;
}

/* ---- GeneralName ---- */

void tw_asn_general_name(struct tw_asn *a, const struct tw_ber_tlv *t, uint16_t hf_choice)
{
    struct tw_pkt *p = a->p;
    if (t->cls != TW_BER_CONTEXT || t->tag > 8) {
        a->st = TW_MALFORMED;
        return;
    }
    int32_t rc = tw_asn_uint(a, hf_choice, t, t->tag);
    /* pkix1implicit.accessLocation has no value names: "accessLocation: 6" */
    tw_tree_push(p, rc);
    struct tw_ber_tlv in;
    switch (t->tag) {
    case 0: { /* otherName [0] IMPLICIT SEQUENCE { type-id OID, value [0] EXPLICIT ANY } */
        int32_t r = tw_asn_none(a, CE(CE_OTHERNAME), t);
        tw_tree_push(p, r);
        if (tw_asn_expect(a, t->off, t->end, TW_BER_UNIVERSAL, TW_BER_OID, &in))
            tw_asn_oid(a, CE(CE_TYPE_ID), &in, NULL, 0);
        tw_tree_pop(p);
        break;
    }
    case 1:
        string_field(a, CE(CE_RFC822), t, TW_BER_IA5STRING, NULL, 0);
        break;
    case 2:
        string_field(a, CE(CE_DNS), t, TW_BER_IA5STRING, NULL, 0);
        break;
    case 4: /* directoryName [4] EXPLICIT Name */
        if (tw_asn_get(a, t->off, t->end, &in))
            tw_asn_name(a, &in, CE(CE_DIRNAME), IF(IF_RDNSEQUENCE), NULL, 0);
        break;
    case 6:
        string_field(a, CE(CE_URI), t, TW_BER_IA5STRING, NULL, 0);
        break;
    case 7:
        if (t->len == 4)
            tw_asn_bytes(a, CE(CE_IPV4), t);
        else if (t->len == 16)
            tw_asn_bytes(a, CE(CE_IPV6), t);
        else
            tw_asn_bytes(a, CE(CE_IPADDR), t);
        break;
    case 8:
        tw_asn_oid(a, CE(CE_REGID), t, NULL, 0);
        break;
    default:
        break;
    }
    tw_tree_pop(p);
}

/* GeneralNames ::= SEQUENCE OF GeneralName, under a count field */
static void general_names(struct tw_asn *a, const struct tw_ber_tlv *t, uint16_t hf_count)
{
    struct tw_pkt *p = a->p;
    uint32_t n = tw_asn_count(a, t);
    int32_t r = tw_asn_uint(a, hf_count, t, n);
    tw_asn_items_label(a, r, n, NULL);
    tw_tree_push(p, r);
    struct tw_ber_tlv in;
    for (uint32_t pos = t->off; pos < t->end && !a->st; pos = in.end) {
        if (!tw_asn_get(a, pos, t->end, &in)) break;
        tw_asn_general_name(a, &in, CE(CE_GENERALNAME));
    }
    tw_tree_pop(p);
}

/* ---- AlgorithmIdentifier ---- */

int tw_asn_algorithm(struct tw_asn *a, const struct tw_ber_tlv *t, uint16_t hf_element, char *oid,
                     size_t cap)
{
    struct tw_pkt *p = a->p;
    int32_t r = tw_asn_none(a, hf_element, t);
    tw_tree_push(p, r);
    struct tw_ber_tlv in;
    char dot[128];
    if (!oid) oid = dot, cap = sizeof dot;
    oid[0] = 0;
    if (tw_asn_expect(a, t->off, t->end, TW_BER_UNIVERSAL, TW_BER_OID, &in)) {
        tw_asn_oid(a, AF(TW_X509AF_ALGORITHM_ID), &in, oid, cap);
        char rname[160];
        const char *name = tw_ber_oid_resolved(oid, rname, sizeof rname) ? rname : NULL;
        if (name) label(p, r, "%s (%s)", tw_field(hf_element)->def->name, name);
        /* parameters, through the OID table: an EC key's curve (pkcs-1), a DSA key's
         * DSS-Params (x509af) */
        struct tw_ber_tlv prm;
        if (in.end < t->end && strcmp(oid, "1.2.840.10045.2.1") == 0 &&
            tw_asn_get(a, in.end, t->end, &prm))
            nested(a, TW_KEY_PKCS1, PK_ECPARAMS, oid, &prm, NULL, 0);
        else if (in.end < t->end && strcmp(oid, "1.2.840.10040.4.1") == 0 &&
                 tw_asn_get(a, in.end, t->end, &prm))
            nested(a, TW_KEY_X509AF_OID, PK_DSSPARAMS, oid, &prm, NULL, 0);
    }
    tw_tree_pop(p);
    return a->st ? -1 : 0;
}

/* ---- extensions ---- */

enum ext_kind {
    EX_NONE,
    EX_SKI,
    EX_KU,
    EX_SAN,
    EX_BC,
    EX_CRLDP,
    EX_POLICIES,
    EX_AKI,
    EX_EKU,
    EX_AIA,
    EX_TEMPLATE,
    EX_CRLNUMBER,
    EX_CRLREASON,
};
static enum ext_kind ext_kind(const char *oid)
{
    static const struct {
        const char *oid;
        enum ext_kind k;
    } m[] = {{"2.5.29.14", EX_SKI},
             {"2.5.29.15", EX_KU},
             {"2.5.29.17", EX_SAN},
             {"2.5.29.18", EX_SAN},
             {"2.5.29.19", EX_BC},
             {"2.5.29.20", EX_CRLNUMBER},
             {"2.5.29.21", EX_CRLREASON},
             {"2.5.29.31", EX_CRLDP},
             {"2.5.29.32", EX_POLICIES},
             {"2.5.29.35", EX_AKI},
             {"2.5.29.37", EX_EKU},
             {"1.3.6.1.5.5.7.1.1", EX_AIA},
             {"1.3.6.1.4.1.311.21.10", EX_POLICIES},
             {"1.3.6.1.4.1.311.21.7", EX_TEMPLATE}};
    for (size_t i = 0; i < TW_ARRAY_LEN(m); i++)
        if (strcmp(m[i].oid, oid) == 0) return m[i].k;
    return EX_NONE;
}

static void key_usage(struct tw_asn *a, const struct tw_ber_tlv *t)
{
    struct tw_pkt *p = a->p;
    if (!tw_ber_is(t, TW_BER_UNIVERSAL, TW_BER_BITSTRING) || t->len == 0) {
        a->st = TW_MALFORMED;
        return;
    }
    int32_t r = bitstring(a, CE(CE_KEYUSAGE), t, true);
    tw_tree_push(p, r);
    uint8_t b0 = t->len > 1 ? a->d[t->off + 1] : 0, b1 = t->len > 2 ? a->d[t->off + 2] : 0;
    for (int i = CE_KU_DS; i <= CE_KU_EO; i++)
        tw_add_bits(p, CE(i), t->off + 1, t->len > 1 ? 1 : 0, b0);
    tw_add_bits(p, CE(CE_KU_DO), t->off + 2, t->len > 2 ? 1 : 0, b1);
    tw_tree_pop(p);
}

static void policies(struct tw_asn *a, const struct tw_ber_tlv *t)
{
    struct tw_pkt *p = a->p;
    uint32_t n = tw_asn_count(a, t);
    int32_t r = tw_asn_uint(a, CE(CE_POLICIES), t, n);
    tw_asn_items_label(a, r, n, NULL);
    tw_tree_push(p, r);
    struct tw_ber_tlv pi, id, qs, qi, qid, qv;
    for (uint32_t pos = t->off; pos < t->end && !a->st; pos = pi.end) {
        if (!tw_asn_expect(a, pos, t->end, TW_BER_UNIVERSAL, TW_BER_SEQUENCE, &pi)) break;
        tw_tree_push(p, tw_asn_none(a, CE(CE_POLICYINFO), &pi));
        if (tw_asn_expect(a, pi.off, pi.end, TW_BER_UNIVERSAL, TW_BER_OID, &id)) {
            tw_asn_oid(a, CE(CE_POLICYID), &id, NULL, 0);
            if (id.end < pi.end &&
                tw_asn_expect(a, id.end, pi.end, TW_BER_UNIVERSAL, TW_BER_SEQUENCE, &qs)) {
                uint32_t k = tw_asn_count(a, &qs);
                int32_t rq = tw_asn_uint(a, CE(CE_QUALIFIERS), &qs, k);
                tw_asn_items_label(a, rq, k, NULL);
                tw_tree_push(p, rq);
                for (uint32_t q = qs.off; q < qs.end && !a->st; q = qi.end) {
                    if (!tw_asn_expect(a, q, qs.end, TW_BER_UNIVERSAL, TW_BER_SEQUENCE, &qi)) break;
                    tw_tree_push(p, tw_asn_none(a, CE(CE_QUALIFIERINFO), &qi));
                    char oid[64];
                    if (tw_asn_expect(a, qi.off, qi.end, TW_BER_UNIVERSAL, TW_BER_OID, &qid)) {
                        tw_asn_oid(a, CE(CE_ID), &qid, oid, sizeof oid);
                        if (qid.end < qi.end && tw_asn_get(a, qid.end, qi.end, &qv)) {
                            if (strcmp(oid, "1.3.6.1.5.5.7.2.1") == 0)
                                nested(a, TW_KEY_PKIX1EXPLICIT, PK_QUALIFIER, oid, &qv, NULL, 0);
                            else if (strcmp(oid, "1.3.6.1.5.5.7.2.2") == 0)
                                nested(a, TW_KEY_PKIX1IMPLICIT, PK_QUALIFIER, oid, &qv, NULL, 0);
                        }
                    }
                    tw_tree_pop(p);
                }
                tw_tree_pop(p);
            }
        }
        tw_tree_pop(p);
    }
    tw_tree_pop(p);
}

static void crl_dp(struct tw_asn *a, const struct tw_ber_tlv *t)
{
    struct tw_pkt *p = a->p;
    uint32_t n = tw_asn_count(a, t);
    int32_t r = tw_asn_uint(a, CE(CE_CRLDP), t, n);
    tw_asn_items_label(a, r, n, NULL);
    tw_tree_push(p, r);
    struct tw_ber_tlv dp, f, ch;
    for (uint32_t pos = t->off; pos < t->end && !a->st; pos = dp.end) {
        if (!tw_asn_expect(a, pos, t->end, TW_BER_UNIVERSAL, TW_BER_SEQUENCE, &dp)) break;
        tw_tree_push(p, tw_asn_none(a, CE(CE_DP_ELEMENT), &dp));
        for (uint32_t q = dp.off; q < dp.end && !a->st; q = f.end) {
            if (!tw_asn_get(a, q, dp.end, &f)) break;
            if (f.cls != TW_BER_CONTEXT) continue;
            if (f.tag == 0) { /* distributionPoint [0] DistributionPointName (a CHOICE) */
                if (!tw_asn_get(a, f.off, f.end, &ch)) break;
                int32_t rc = tw_asn_uint(a, CE(CE_DP), &f, ch.tag);
                tw_tree_push(p, rc);
                if (ch.cls == TW_BER_CONTEXT && ch.tag == 0) general_names(a, &ch, CE(CE_FULLNAME));
                tw_tree_pop(p);
            } else if (f.tag == 1) {
                bitstring(a, CE(CE_REASONS), &f, true);
            } else if (f.tag == 2) {
                general_names(a, &f, CE(CE_CRLISSUER));
            }
        }
        tw_tree_pop(p);
    }
    tw_tree_pop(p);
}

static void aki(struct tw_asn *a, const struct tw_ber_tlv *t)
{
    struct tw_pkt *p = a->p;
    tw_tree_push(p, tw_asn_none(a, CE(CE_AKI), t));
    struct tw_ber_tlv f;
    for (uint32_t q = t->off; q < t->end && !a->st; q = f.end) {
        if (!tw_asn_get(a, q, t->end, &f)) break;
        if (f.cls != TW_BER_CONTEXT) continue;
        if (f.tag == 0)
            tw_asn_bytes(a, CE(CE_KEYID), &f);
        else if (f.tag == 1)
            general_names(a, &f, CE(CE_AUTH_ISSUER));
        else if (f.tag == 2)
            tw_asn_serial(a, CE(CE_AUTH_SERIAL), &f);
    }
    tw_tree_pop(p);
}

static void eku(struct tw_asn *a, const struct tw_ber_tlv *t)
{
    struct tw_pkt *p = a->p;
    uint32_t n = tw_asn_count(a, t);
    int32_t r = tw_asn_uint(a, CE(CE_KEYPURPOSEIDS), t, n);
    tw_asn_items_label(a, r, n, NULL);
    tw_tree_push(p, r);
    struct tw_ber_tlv in;
    for (uint32_t pos = t->off; pos < t->end && !a->st; pos = in.end) {
        if (!tw_asn_expect(a, pos, t->end, TW_BER_UNIVERSAL, TW_BER_OID, &in)) break;
        tw_asn_oid(a, CE(CE_KEYPURPOSEID), &in, NULL, 0);
    }
    tw_tree_pop(p);
}

static void basic_constraints(struct tw_asn *a, const struct tw_ber_tlv *t)
{
    struct tw_pkt *p = a->p;
    int32_t r = tw_asn_none(a, CE(CE_BC), t);
    if (t->len == 0) label(p, r, "BasicConstraintsSyntax [0 length]");
    tw_tree_push(p, r);
    struct tw_ber_tlv f;
    for (uint32_t q = t->off; q < t->end && !a->st; q = f.end) {
        if (!tw_asn_get(a, q, t->end, &f)) break;
        if (tw_ber_is(&f, TW_BER_UNIVERSAL, TW_BER_BOOLEAN))
            tw_asn_bool(a, CE(CE_CA), &f);
        else if (tw_ber_is(&f, TW_BER_UNIVERSAL, TW_BER_INTEGER))
            tw_asn_int(a, CE(CE_PATHLEN), &f);
    }
    tw_tree_pop(p);
}

static void aia(struct tw_asn *a, const struct tw_ber_tlv *t)
{
    struct tw_pkt *p = a->p;
    uint32_t n = tw_asn_count(a, t);
    int32_t r = tw_asn_uint(a, IMPL(IMPL_AIA), t, n);
    tw_asn_items_label(a, r, n, NULL);
    tw_tree_push(p, r);
    struct tw_ber_tlv ad, m, loc;
    for (uint32_t pos = t->off; pos < t->end && !a->st; pos = ad.end) {
        if (!tw_asn_expect(a, pos, t->end, TW_BER_UNIVERSAL, TW_BER_SEQUENCE, &ad)) break;
        tw_tree_push(p, tw_asn_none(a, IMPL(IMPL_AD), &ad));
        if (tw_asn_expect(a, ad.off, ad.end, TW_BER_UNIVERSAL, TW_BER_OID, &m)) {
            tw_asn_oid(a, IMPL(IMPL_METHOD), &m, NULL, 0);
            if (tw_asn_get(a, m.end, ad.end, &loc))
                tw_asn_general_name(a, &loc, IMPL(IMPL_LOCATION));
        }
        tw_tree_pop(p);
    }
    tw_tree_pop(p);
}

/* DisplayText ::= CHOICE { ia5String, visibleString, bmpString, utf8String } */
static void display_text(struct tw_asn *a, const struct tw_ber_tlv *t, uint16_t hf)
{
    uint32_t choice;
    uint16_t f2;
    switch (t->tag) {
    case TW_BER_IA5STRING:
        choice = 0, f2 = IMPL_IA5;
        break;
    case TW_BER_VISIBLESTRING:
        choice = 1, f2 = IMPL_VISIBLE;
        break;
    case TW_BER_BMPSTRING:
        choice = 2, f2 = IMPL_BMP;
        break;
    case TW_BER_UTF8STRING:
        choice = 3, f2 = IMPL_UTF8;
        break;
    default:
        return;
    }
    int32_t rc = tw_asn_uint(a, IMPL(hf), t, choice);
    tw_tree_push(a->p, rc);
    string_field(a, IMPL(f2), t, t->tag, NULL, 0);
    tw_tree_pop(a->p);
}

/* UserNotice ::= SEQUENCE { noticeRef NoticeReference OPTIONAL, explicitText DisplayText
 * OPTIONAL }, NoticeReference ::= SEQUENCE { organization DisplayText, noticeNumbers SEQUENCE OF
 * INTEGER } */
static void user_notice(struct tw_asn *a, const struct tw_ber_tlv *t)
{
    struct tw_pkt *p = a->p;
    if (!tw_ber_is(t, TW_BER_UNIVERSAL, TW_BER_SEQUENCE)) {
        a->st = TW_MALFORMED;
        return;
    }
    tw_tree_push(p, tw_asn_none(a, IMPL(IMPL_USERNOTICE), t));
    struct tw_ber_tlv f, g, i;
    for (uint32_t q = t->off; q < t->end && !a->st; q = f.end) {
        if (!tw_asn_get(a, q, t->end, &f)) break;
        if (!tw_ber_is(&f, TW_BER_UNIVERSAL, TW_BER_SEQUENCE)) {
            display_text(a, &f, IMPL_EXPLICITTEXT);
            continue;
        }
        tw_tree_push(p, tw_asn_none(a, IMPL(IMPL_NOTICEREF), &f));
        for (uint32_t k = f.off; k < f.end && !a->st; k = g.end) {
            if (!tw_asn_get(a, k, f.end, &g)) break;
            if (!tw_ber_is(&g, TW_BER_UNIVERSAL, TW_BER_SEQUENCE)) {
                display_text(a, &g, IMPL_ORGANIZATION);
                continue;
            }
            uint32_t n = tw_asn_count(a, &g);
            int32_t rn = tw_asn_uint(a, IMPL(IMPL_NOTICENUMBERS), &g, n);
            tw_asn_items_label(a, rn, n, NULL);
            tw_tree_push(p, rn);
            for (uint32_t j = g.off; j < g.end && !a->st; j = i.end) {
                if (!tw_asn_get(a, j, g.end, &i)) break;
                tw_asn_int(a, IMPL(IMPL_NOTICENUMBER), &i);
            }
            tw_tree_pop(p);
        }
        tw_tree_pop(p);
    }
    tw_tree_pop(p);
}

/* Microsoft's CertificateTemplate ::= SEQUENCE { templateID OID, templateMajorVersion INTEGER
 * OPTIONAL, templateMinorVersion INTEGER OPTIONAL } */
static void template_ext(struct tw_asn *a, const struct tw_ber_tlv *t)
{
    struct tw_pkt *p = a->p;
    tw_tree_push(p, tw_asn_none(a, CE(CE_TEMPLATE), t));
    struct tw_ber_tlv f;
    int n = 0;
    for (uint32_t q = t->off; q < t->end && !a->st; q = f.end) {
        if (!tw_asn_get(a, q, t->end, &f)) break;
        if (tw_ber_is(&f, TW_BER_UNIVERSAL, TW_BER_OID))
            tw_asn_oid(a, CE(CE_TEMPLATE_ID), &f, NULL, 0);
        else if (tw_ber_is(&f, TW_BER_UNIVERSAL, TW_BER_INTEGER))
            tw_asn_int(a, CE(n++ ? CE_TEMPLATE_MINOR : CE_TEMPLATE_MAJOR), &f);
    }
    tw_tree_pop(p);
}

static enum tw_status dissect_ext(struct tw_pkt *p, struct tw_cur *c)
{
    oid_layer(p);
    if (pend.kind != PK_EXTENSION && pend.kind != PK_QUALIFIER) return TW_OK;
    struct tw_asn a = {p, c->data, c->cap < c->end ? c->cap : c->end, TW_OK, false};
    struct tw_ber_tlv t;
    if (!tw_asn_get(&a, c->off, c->end, &t)) return a.st;
    if (pend.kind == PK_QUALIFIER) {
        if (strcmp(pend.oid, "1.3.6.1.5.5.7.2.1") == 0) /* CPSuri: IA5String */
            string_field(&a, EXPL(TW_X509EXPL_DIRSTRING), &t, TW_BER_IA5STRING, NULL, 0);
        else
            user_notice(&a, &t);
    } else {
        switch (ext_kind(pend.oid)) {
        case EX_SKI:
            tw_asn_bytes(&a, CE(CE_SKI), &t);
            break;
        case EX_KU:
            key_usage(&a, &t);
            break;
        case EX_SAN:
            general_names(&a, &t, CE(CE_GENERALNAMES));
            break;
        case EX_BC:
            basic_constraints(&a, &t);
            break;
        case EX_CRLDP:
            crl_dp(&a, &t);
            break;
        case EX_POLICIES:
            policies(&a, &t);
            break;
        case EX_AKI:
            aki(&a, &t);
            break;
        case EX_EKU:
            eku(&a, &t);
            break;
        case EX_AIA:
            aia(&a, &t);
            break;
        case EX_TEMPLATE:
            template_ext(&a, &t);
            break;
        case EX_CRLNUMBER: /* CRLNumber ::= INTEGER */
            if (tw_ber_is(&t, TW_BER_UNIVERSAL, TW_BER_INTEGER)) tw_asn_int(&a, CE(CE_CRLNUMBER), &t);
            break;
        case EX_CRLREASON: /* CRLReason ::= ENUMERATED */
            if (tw_ber_is(&t, TW_BER_UNIVERSAL, TW_BER_ENUMERATED))
                tw_asn_int(&a, CE(CE_CRLREASON), &t);
            break;
        default:
            break;
        }
    }
    c->off = t.end;
    return a.reported ? TW_OK : a.st;
}

void tw_asn_extensions(struct tw_asn *a, const struct tw_ber_tlv *t, uint16_t hf_count,
                       uint16_t hf_ext, uint16_t hf_id, uint16_t hf_crit,
                       bool (*own)(struct tw_asn *a, const char *oid, const struct tw_ber_tlv *val))
{
    struct tw_pkt *p = a->p;
    uint32_t n = tw_asn_count(a, t);
    int32_t r = tw_asn_uint(a, hf_count, t, n);
    tw_asn_items_label(a, r, n, NULL);
    tw_tree_push(p, r);
    struct tw_ber_tlv ext, id, f, val;
    for (uint32_t pos = t->off; pos < t->end && !a->st; pos = ext.end) {
        if (!tw_asn_expect(a, pos, t->end, TW_BER_UNIVERSAL, TW_BER_SEQUENCE, &ext)) break;
        int32_t re = tw_asn_none(a, hf_ext, &ext);
        tw_tree_push(p, re);
        char oid[64];
        if (tw_asn_expect(a, ext.off, ext.end, TW_BER_UNIVERSAL, TW_BER_OID, &id)) {
            tw_asn_oid(a, hf_id, &id, oid, sizeof oid);
            char rname[160];
            const char *name = tw_ber_oid_resolved(oid, rname, sizeof rname) ? rname : NULL;
            if (name && hf_ext == AF(TW_X509AF_EXTENSION))
                label(p, re, "%s (%s)", tw_field(hf_ext)->def->name, name);
            for (uint32_t q = id.end; q < ext.end && !a->st; q = f.end) {
                if (!tw_asn_get(a, q, ext.end, &f)) break;
                if (tw_ber_is(&f, TW_BER_UNIVERSAL, TW_BER_BOOLEAN)) {
                    tw_asn_bool(a, hf_crit, &f);
                } else if (tw_ber_is(&f, TW_BER_UNIVERSAL, TW_BER_OCTETSTRING)) {
                    if (f.len == 0 || !tw_asn_get(a, f.off, f.end, &val)) break;
                    if (own && own(a, oid, &val)) continue;
                    if (tw_ocsp_oid_ext(a, oid, &val)) continue;
                    enum ext_kind k = ext_kind(oid);
                    if (k == EX_AIA)
                        nested(a, TW_KEY_PKIX1IMPLICIT, PK_EXTENSION, oid, &val, NULL, 0);
                    else if (k != EX_NONE)
                        nested(a, TW_KEY_X509CE, PK_EXTENSION, oid, &val, NULL, 0);
                    else if (ns_field(oid) >= 0)
                        nested(a, TW_KEY_NS_CERT_EXTS, PK_EXTENSION, oid, &val, NULL, 0);
                    else if ((strcmp(oid, "1.3.6.1.4.1.11129.2.4.2") == 0 ||
                              strcmp(oid, "1.3.6.1.4.1.11129.2.4.5") == 0) &&
                             tw_ber_is(&val, TW_BER_UNIVERSAL, TW_BER_OCTETSTRING)) {
                        /* RFC 6962's SCT list (in a certificate, .2, or an OCSP response, .5): TLS-encoded,
                         * inside an OCTET STRING */
                        enum tw_status st = tw_tls_sct_ext(p, a->d, val.off, val.end, a->cap);
                        if (st != TW_OK) a->st = st, a->reported = true;
                    }
                }
            }
        }
        tw_tree_pop(p);
    }
    tw_tree_pop(p);
}

/* ---- the certificate ---- */

static void validity_time(struct tw_asn *a, const struct tw_ber_tlv *t, uint16_t hf_choice)
{
    struct tw_pkt *p = a->p;
    bool gen = tw_ber_is(t, TW_BER_UNIVERSAL, TW_BER_GENERALIZEDTIME);
    if (!gen && !tw_ber_is(t, TW_BER_UNIVERSAL, TW_BER_UTCTIME)) {
        a->st = TW_MALFORMED;
        return;
    }
    int32_t rc = tw_asn_uint(a, hf_choice, t, gen ? 1 : 0);
    tw_tree_push(p, rc);
    const uint8_t *s = a->d + t->off;
    if (gen) {
        struct tw_time tm;
        if (tw_ber_time(s, t->len, true, &tm))
            tw_add_time(p, AF(TW_X509AF_GENTIME), t->off, t->len, tm);
    } else if (tw_want(p, AF(TW_X509AF_UTCTIME))) {
        /* Wireshark's text: "2015-11-03 00:00:00 (UTC)" (years 50-99 are 19xx) */
        if (t->len >= 11 && (s[t->len - 1] == 'Z') && (t->len == 13 || t->len == 11)) {
            int yy = (s[0] - '0') * 10 + (s[1] - '0');
            tw_add_strf(p, AF(TW_X509AF_UTCTIME), t->off, t->len,
                        "%s%.2s-%.2s-%.2s %.2s:%.2s:%.2s (UTC)", yy < 50 ? "20" : "19", s, s + 2,
                        s + 4, s + 6, s + 8, t->len == 13 ? (const char *)s + 10 : "00");
        } else {
            tw_add_ascii(p, AF(TW_X509AF_UTCTIME), t->off, t->len, s);
        }
    }
    tw_tree_pop(p);
}

static void public_key(struct tw_asn *a, const struct tw_ber_tlv *t, const char *alg)
{
    struct tw_pkt *p = a->p;
    if (!tw_ber_is(t, TW_BER_UNIVERSAL, TW_BER_BITSTRING) || t->len == 0) {
        a->st = TW_MALFORMED;
        return;
    }
    /* Wireshark decodes an RSA key itself (no padding line) and leaves others to BER */
    bool rsa = strcmp(alg, "1.2.840.113549.1.1.1") == 0;
    int32_t r = bitstring(a, AF(TW_X509AF_SPK), t, !rsa);
    if (!rsa) return;
    /* RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER } */
    struct tw_asn k = *a;
    struct tw_ber_tlv seq, m, e;
    tw_tree_push(p, r);
    if (tw_asn_expect(&k, t->off + 1, t->end, TW_BER_UNIVERSAL, TW_BER_SEQUENCE, &seq) &&
        tw_asn_expect(&k, seq.off, seq.end, TW_BER_UNIVERSAL, TW_BER_INTEGER, &m)) {
        tw_asn_serial(&k, PK1(PK1_MODULUS), &m);
        if (tw_asn_expect(&k, m.end, seq.end, TW_BER_UNIVERSAL, TW_BER_INTEGER, &e))
            tw_asn_int(&k, PK1(PK1_EXPONENT), &e);
    }
    tw_tree_pop(p);
}

static void tbs_certificate(struct tw_asn *a, const struct tw_ber_tlv *t)
{
    struct tw_pkt *p = a->p;
    tw_tree_push(p, tw_asn_none(a, AF(TW_X509AF_SIGNED), t));
    uint32_t pos = t->off;
    struct tw_ber_tlv f, in;
    if (!tw_asn_get(a, pos, t->end, &f)) goto out;
    if (f.cls == TW_BER_CONTEXT && f.tag == 0) { /* version [0] EXPLICIT */
        if (tw_asn_expect(a, f.off, f.end, TW_BER_UNIVERSAL, TW_BER_INTEGER, &in))
            tw_asn_int(a, AF(TW_X509AF_VERSION), &in);
        pos = f.end;
    }
    if (!tw_asn_expect(a, pos, t->end, TW_BER_UNIVERSAL, TW_BER_INTEGER, &f)) goto out;
    tw_asn_serial(a, AF(TW_X509AF_SERIAL), &f);
    if (!tw_asn_expect(a, f.end, t->end, TW_BER_UNIVERSAL, TW_BER_SEQUENCE, &f)) goto out;
    tw_asn_algorithm(a, &f, AF(TW_X509AF_SIGNATURE), NULL, 0);
    if (!tw_asn_get(a, f.end, t->end, &f)) goto out;
    if (tw_asn_name(a, &f, AF(TW_X509AF_ISSUER), IF(IF_RDNSEQUENCE), NULL, 0) < 0) goto out;
    if (!tw_asn_expect(a, f.end, t->end, TW_BER_UNIVERSAL, TW_BER_SEQUENCE, &f)) goto out;
    tw_tree_push(p, tw_asn_none(a, AF(TW_X509AF_VALIDITY), &f));
    if (tw_asn_get(a, f.off, f.end, &in)) {
        validity_time(a, &in, AF(TW_X509AF_NOTBEFORE));
        if (tw_asn_get(a, in.end, f.end, &in)) validity_time(a, &in, AF(TW_X509AF_NOTAFTER));
    }
    tw_tree_pop(p);
    if (a->st || !tw_asn_get(a, f.end, t->end, &f)) goto out;
    if (tw_asn_name(a, &f, AF(TW_X509AF_SUBJECT), AF(TW_X509AF_RDNSEQUENCE), NULL, 0) < 0) goto out;
    if (!tw_asn_expect(a, f.end, t->end, TW_BER_UNIVERSAL, TW_BER_SEQUENCE, &f)) goto out;
    tw_tree_push(p, tw_asn_none(a, AF(TW_X509AF_SPKI), &f));
    char alg[64];
    alg[0] = 0;
    if (tw_asn_expect(a, f.off, f.end, TW_BER_UNIVERSAL, TW_BER_SEQUENCE, &in)) {
        tw_asn_algorithm(a, &in, AF(TW_X509AF_ALGORITHM), alg, sizeof alg);
        if (tw_asn_get(a, in.end, f.end, &in)) public_key(a, &in, alg);
    }
    tw_tree_pop(p);
    for (pos = f.end; pos < t->end && !a->st; pos = f.end) {
        if (!tw_asn_get(a, pos, t->end, &f)) break;
        if (f.cls != TW_BER_CONTEXT) continue;
        if (f.tag == 1)
            bitstring(a, AF(TW_X509AF_ISSUER_UID), &f, true);
        else if (f.tag == 2)
            bitstring(a, AF(TW_X509AF_SUBJECT_UID), &f, true);
        else if (f.tag == 3 &&
                 tw_asn_expect(a, f.off, f.end, TW_BER_UNIVERSAL, TW_BER_SEQUENCE, &in))
            tw_asn_extensions(a, &in, AF(TW_X509AF_EXTENSIONS), AF(TW_X509AF_EXTENSION),
                              AF(TW_X509AF_EXTENSION_ID), AF(TW_X509AF_CRITICAL), NULL);
    }
out:
    tw_tree_pop(p);
}

void tw_asn_certificate(struct tw_asn *a, const struct tw_ber_tlv *t)
{
    struct tw_ber_tlv f;
    if (!tw_ber_is(t, TW_BER_UNIVERSAL, TW_BER_SEQUENCE)) {
        a->st = TW_MALFORMED;
        return;
    }
    if (!tw_asn_expect(a, t->off, t->end, TW_BER_UNIVERSAL, TW_BER_SEQUENCE, &f)) return;
    tbs_certificate(a, &f);
    if (a->st) return;
    if (!tw_asn_expect(a, f.end, t->end, TW_BER_UNIVERSAL, TW_BER_SEQUENCE, &f)) return;
    tw_asn_algorithm(a, &f, AF(TW_X509AF_ALGID), NULL, 0);
    if (!tw_asn_expect(a, f.end, t->end, TW_BER_UNIVERSAL, TW_BER_BITSTRING, &f)) return;
    bitstring(a, AF(TW_X509AF_ENCRYPTED), &f, true);
}

static bool is_time(const struct tw_ber_tlv *t)
{
    return tw_ber_is(t, TW_BER_UNIVERSAL, TW_BER_UTCTIME) ||
           tw_ber_is(t, TW_BER_UNIVERSAL, TW_BER_GENERALIZEDTIME);
}

/* CertificateList (RFC 5280 5.1): TBSCertList { version?, signature, issuer, thisUpdate,
 * nextUpdate?, revokedCertificates?, [0] crlExtensions? }, signatureAlgorithm, signature */
static void certificate_list(struct tw_asn *a, const struct tw_ber_tlv *t)
{
    struct tw_pkt *p = a->p;
    struct tw_ber_tlv tbs, f, in, e;
    if (!tw_ber_is(t, TW_BER_UNIVERSAL, TW_BER_SEQUENCE)) {
        a->st = TW_MALFORMED;
        return;
    }
    if (!tw_asn_expect(a, t->off, t->end, TW_BER_UNIVERSAL, TW_BER_SEQUENCE, &tbs)) return;
    tw_tree_push(p, tw_asn_none(a, AF(TW_X509AF_CRL_SIGNED), &tbs));
    uint32_t pos = tbs.off;
    if (!tw_asn_get(a, pos, tbs.end, &f)) goto out;
    if (tw_ber_is(&f, TW_BER_UNIVERSAL, TW_BER_INTEGER)) {
        tw_asn_int(a, AF(TW_X509AF_VERSION), &f);
        pos = f.end;
    }
    if (!tw_asn_expect(a, pos, tbs.end, TW_BER_UNIVERSAL, TW_BER_SEQUENCE, &f)) goto out;
    tw_asn_algorithm(a, &f, AF(TW_X509AF_SIGNATURE), NULL, 0);
    if (!tw_asn_get(a, f.end, tbs.end, &f)) goto out;
    if (tw_asn_name(a, &f, AF(TW_X509AF_ISSUER), IF(IF_RDNSEQUENCE), NULL, 0) < 0) goto out;
    if (!tw_asn_get(a, f.end, tbs.end, &f)) goto out;
    validity_time(a, &f, AF(TW_X509AF_THISUPDATE));
    for (pos = f.end; pos < tbs.end && !a->st; pos = f.end) {
        if (!tw_asn_get(a, pos, tbs.end, &f)) break;
        if (is_time(&f)) {
            validity_time(a, &f, AF(TW_X509AF_NEXTUPDATE));
        } else if (tw_ber_is(&f, TW_BER_UNIVERSAL, TW_BER_SEQUENCE)) {
            uint32_t n = tw_asn_count(a, &f);
            int32_t r = tw_asn_uint(a, AF(TW_X509AF_REVOKED), &f, n);
            tw_asn_items_label(a, r, n, NULL);
            tw_tree_push(p, r);
            for (uint32_t q = f.off; q < f.end && !a->st; q = in.end) {
                if (!tw_asn_expect(a, q, f.end, TW_BER_UNIVERSAL, TW_BER_SEQUENCE, &in)) break;
                tw_tree_push(p, tw_asn_none(a, AF(TW_X509AF_REVOKED_ITEM), &in));
                if (tw_asn_expect(a, in.off, in.end, TW_BER_UNIVERSAL, TW_BER_INTEGER, &e)) {
                    tw_asn_serial(a, AF(TW_X509AF_USERCERT), &e);
                    if (e.end < in.end && tw_asn_get(a, e.end, in.end, &e)) {
                        validity_time(a, &e, AF(TW_X509AF_REVDATE));
                        if (!a->st && e.end < in.end && tw_asn_get(a, e.end, in.end, &e) &&
                            tw_ber_is(&e, TW_BER_UNIVERSAL, TW_BER_SEQUENCE))
                            tw_asn_extensions(a, &e, AF(TW_X509AF_CRLENTRYEXT),
                                              AF(TW_X509AF_EXTENSION), AF(TW_X509AF_EXTENSION_ID),
                                              AF(TW_X509AF_CRITICAL), NULL);
                    }
                }
                tw_tree_pop(p);
            }
            tw_tree_pop(p);
        } else if (f.cls == TW_BER_CONTEXT && f.tag == 0 &&
                   tw_asn_expect(a, f.off, f.end, TW_BER_UNIVERSAL, TW_BER_SEQUENCE, &in)) {
            tw_asn_extensions(a, &in, AF(TW_X509AF_CRLEXT), AF(TW_X509AF_EXTENSION),
                              AF(TW_X509AF_EXTENSION_ID), AF(TW_X509AF_CRITICAL), NULL);
        }
    }
out:
    tw_tree_pop(p);
    if (a->st) return;
    if (!tw_asn_expect(a, tbs.end, t->end, TW_BER_UNIVERSAL, TW_BER_SEQUENCE, &f)) return;
    tw_asn_algorithm(a, &f, AF(TW_X509AF_ALGID), NULL, 0);
    if (!tw_asn_expect(a, f.end, t->end, TW_BER_UNIVERSAL, TW_BER_BITSTRING, &f)) return;
    bitstring(a, AF(TW_X509AF_ENCRYPTED), &f, true);
}

/* DSS-Params ::= SEQUENCE { p INTEGER, q INTEGER, g INTEGER }, the integers' bytes as they are */
static void dss_params(struct tw_asn *a, const struct tw_ber_tlv *t)
{
    if (!tw_ber_is(t, TW_BER_UNIVERSAL, TW_BER_SEQUENCE)) return;
    tw_tree_push(a->p, tw_asn_none(a, AF(TW_X509AF_DSS_PARAMS), t));
    static const uint16_t part[] = {TW_X509AF_P, TW_X509AF_Q, TW_X509AF_G};
    struct tw_ber_tlv in;
    uint32_t pos = t->off;
    for (size_t i = 0; i < TW_ARRAY_LEN(part) && !a->st; i++, pos = in.end) {
        if (!tw_asn_expect(a, pos, t->end, TW_BER_UNIVERSAL, TW_BER_INTEGER, &in)) break;
        tw_asn_serial(a, AF(part[i]), &in);
    }
    tw_tree_pop(a->p);
}

static enum tw_status dissect_cert(struct tw_pkt *p, struct tw_cur *c)
{
    struct tw_asn a = {p, c->data, c->cap < c->end ? c->cap : c->end, TW_OK, false};
    struct tw_ber_tlv t;
    /* called through the OID table (key parameters) it is a layer in frame.protocols, as in
     * tshark; called for a certificate by TLS or OCSP it is not */
    bool oid = pend.kind == PK_DSSPARAMS;
    if (oid) {
        oid_layer(p);
        pend.kind = PK_NONE;
        if (!tw_asn_get(&a, c->off, c->end, &t)) return a.st;
        dss_params(&a, &t);
        c->off = t.end;
        return a.st;
    }
    if (p->via_table == TW_TBL_MEDIA_TYPE) {
        /* application/pkix-crl (HTTP): tshark's pkix-crl, a text line heading the list in an
         * x509af layer without a protocol line, naming the Protocol and Info columns */
        oid_layer(p);
        tw_col_proto(p, "PKIX-CRL");
        if (p->want_cols && !p->cols_locked) {
            p->info.len = 0;
            p->info_fence = 0;
            tw_info_add(p, "Certificate Revocation List");
        }
        int32_t top = tw_add_text(p, c->off, c->end - c->off, "Certificate Revocation List");
        tw_tree_push(p, top);
        if (tw_asn_get(&a, c->off, c->end, &t)) certificate_list(&a, &t);
        tw_tree_pop(p);
        c->off = c->end;
        return a.reported ? TW_OK : a.st;
    }
    oid_layer(p);
    tw_layer_hide(p);
    if (!tw_asn_get(&a, c->off, c->end, &t)) return a.st;
    tw_asn_certificate(&a, &t);
    c->off = a.st ? c->end : t.end;
    return a.reported ? TW_OK : a.st;
}

static enum tw_status dissect_pkcs1(struct tw_pkt *p, struct tw_cur *c)
{
    oid_layer(p);
    if (pend.kind != PK_ECPARAMS) return TW_OK;
    struct tw_asn a = {p, c->data, c->cap < c->end ? c->cap : c->end, TW_OK, false};
    struct tw_ber_tlv t;
    if (!tw_asn_get(&a, c->off, c->end, &t)) return a.st;
    /* ECParameters ::= CHOICE { specifiedCurve SEQUENCE, namedCurve OID, implicitlyCA NULL } */
    uint32_t choice = tw_ber_is(&t, TW_BER_UNIVERSAL, TW_BER_OID)    ? 1
                      : tw_ber_is(&t, TW_BER_UNIVERSAL, TW_BER_NULL) ? 2
                                                                     : 0;
    int32_t r = tw_asn_uint(&a, PK1(PK1_ECPARAMETERS), &t, choice);
    tw_tree_push(p, r);
    if (choice == 1) tw_asn_oid(&a, PK1(PK1_NAMEDCURVE), &t, NULL, 0);
    tw_tree_pop(p);
    c->off = t.end;
    return a.st;
}

/* a DistinguishedName alone (TLS CertificateRequest): its RDNs under the caller's subtree */
static enum tw_status dissect_dn(struct tw_pkt *p, struct tw_cur *c)
{
    struct tw_asn a = {p, c->data, c->cap < c->end ? c->cap : c->end, TW_OK, false};
    struct tw_ber_tlv t;
    if (!tw_asn_get(&a, c->off, c->end, &t)) return a.st;
    tw_asn_name(&a, &t, 0, 0, NULL, 0);
    c->off = a.st ? c->end : t.end;
    return a.reported ? TW_OK : a.st;
}

size_t tw_x509_dn_text(const uint8_t *der, uint32_t len, char *out, size_t cap)
{
    if (cap) out[0] = 0;
    if (!der || cap == 0) return 0;
    struct tw_ber_tlv dn, rdn, atv, ty, val, in;
    if (tw_ber_read(der, 0, len, len, &dn) != TW_OK || !tw_ber_is(&dn, 0, TW_BER_SEQUENCE))
        return 0;
    char all[600];
    all[0] = 0;
    for (uint32_t q = dn.off; q < dn.end; q = rdn.end) {
        if (tw_ber_read(der, q, dn.end, len, &rdn) != TW_OK) break;
        char one[300];
        one[0] = 0;
        for (uint32_t k = rdn.off; k < rdn.end; k = atv.end) {
            if (tw_ber_read(der, k, rdn.end, len, &atv) != TW_OK ||
                tw_ber_read(der, atv.off, atv.end, len, &ty) != TW_OK ||
                tw_ber_read(der, ty.end, atv.end, len, &val) != TW_OK)
                break;
            char oid[64], v[256];
            if (!tw_ber_oid_text(der + ty.off, ty.len, oid, sizeof oid)) break;
            const struct tw_ber_tlv *s = &val;
            if (val.cons && tw_ber_read(der, val.off, val.end, len, &in) == TW_OK) s = &in;
            size_t m = s->len < sizeof v - 1 ? s->len : sizeof v - 1;
            memcpy(v, der + s->off, m);
            v[m] = 0;
            dn_append(one, sizeof one, "+", oid, v);
        }
        dn_prepend(all, sizeof all, one);
    }
    snprintf(out, cap, "%s", all);
    return strlen(out);
}

/* ---- Netscape certificate extensions (ns_cert_exts) ---- */

enum {
    NS_BASEURL,
    NS_REVURL,
    NS_CAREVURL,
    NS_CAPOLICYURL,
    NS_COMMENT,
    NS_SSLSERVERNAME,
    NS_RENEWALURL,
    NS_CERTTYPE,
    NS_CT_SSLCLIENT,
    NS_CT_SSLSERVER,
    NS_CT_SMIME,
    NS_CT_OBJSIGN,
    NS_CT_RESERVED,
    NS_CT_SSLCA,
    NS_CT_SMIMECA,
    NS_CT_OBJSIGNCA,
    NS_COUNT
};
static struct tw_proto_ids ns_ids;
#define NS(x) ((uint16_t)(ns_ids.base + (x)))
#define NSCT(a, n, m)                                                                              \
    {                                                                                              \
        "ns.cert.exts.CertType." a, n, TW_FT_BOOLEAN, 8, m                                         \
    }
static const struct tw_field_def ns_fields[NS_COUNT] = {
    [NS_BASEURL] = {"ns_cert_exts.BaseUrl", "BaseUrl", TW_FT_STRING},
    [NS_REVURL] = {"ns_cert_exts.RevocationUrl", "RevocationUrl", TW_FT_STRING},
    [NS_CAREVURL] = {"ns_cert_exts.CaRevocationUrl", "CaRevocationUrl", TW_FT_STRING},
    [NS_CAPOLICYURL] = {"ns_cert_exts.CaPolicyUrl", "CaPolicyUrl", TW_FT_STRING},
    [NS_COMMENT] = {"ns_cert_exts.Comment", "Comment", TW_FT_STRING},
    [NS_SSLSERVERNAME] = {"ns_cert_exts.SslServerName", "SslServerName", TW_FT_STRING},
    [NS_RENEWALURL] = {"ns_cert_exts.CertRenewalUrl", "CertRenewalUrl", TW_FT_STRING},
    [NS_CERTTYPE] = {"ns_cert_exts.CertType", "CertType", TW_FT_BYTES},
    [NS_CT_SSLCLIENT] = NSCT("ssl.client", "ssl-client", 0x80),
    [NS_CT_SSLSERVER] = NSCT("ssl.server", "ssl-server", 0x40),
    [NS_CT_SMIME] = NSCT("smime", "smime", 0x20),
    [NS_CT_OBJSIGN] = NSCT("object.signing", "object-signing", 0x10),
    [NS_CT_RESERVED] = NSCT("reserved.for.future.use", "reserved-for-future-use", 0x08),
    [NS_CT_SSLCA] = NSCT("ssl.ca", "ssl-ca", 0x04),
    [NS_CT_SMIMECA] = NSCT("smime.ca", "smime-ca", 0x02),
    [NS_CT_OBJSIGNCA] = NSCT("object.signing.ca", "object-signing-ca", 0x01),
};

/* the ns_cert_exts field of a Netscape extension, -1 if none */
static int ns_field(const char *oid)
{
    static const char pre[] = "2.16.840.1.113730.1.";
    if (strncmp(oid, pre, sizeof pre - 1) != 0) return -1;
    const char *s = oid + sizeof pre - 1;
    if (strcmp(s, "1") == 0) return NS_CERTTYPE;
    if (strcmp(s, "2") == 0) return NS_BASEURL;
    if (strcmp(s, "3") == 0) return NS_REVURL;
    if (strcmp(s, "4") == 0) return NS_CAREVURL;
    if (strcmp(s, "7") == 0) return NS_RENEWALURL;
    if (strcmp(s, "8") == 0) return NS_CAPOLICYURL;
    if (strcmp(s, "12") == 0) return NS_SSLSERVERNAME;
    if (strcmp(s, "13") == 0) return NS_COMMENT;
    return -1;
}

static enum tw_status dissect_ns(struct tw_pkt *p, struct tw_cur *c)
{
    oid_layer(p);
    if (pend.kind != PK_EXTENSION) return TW_OK;
    int f = ns_field(pend.oid);
    struct tw_asn a = {p, c->data, c->cap < c->end ? c->cap : c->end, TW_OK, false};
    struct tw_ber_tlv t;
    if (f < 0 || !tw_asn_get(&a, c->off, c->end, &t)) return a.st;
    if (f == NS_CERTTYPE) {
        if (!tw_ber_is(&t, TW_BER_UNIVERSAL, TW_BER_BITSTRING) || t.len == 0) return TW_MALFORMED;
        int32_t r = bitstring(&a, NS(NS_CERTTYPE), &t, true);
        tw_tree_push(p, r);
        uint8_t b0 = t.len > 1 ? a.d[t.off + 1] : 0;
        for (int i = NS_CT_SSLCLIENT; i <= NS_CT_OBJSIGNCA; i++)
            tw_add_bits(p, NS(i), t.off + 1, t.len > 1 ? 1 : 0, b0);
        tw_tree_pop(p);
    } else {
        string_field(&a, NS(f), &t, TW_BER_IA5STRING, NULL, 0);
    }
    c->off = t.end;
    return a.st;
}

/* ---- the subject's commonName, for file names ---- */

size_t tw_x509_subject_cn(const uint8_t *der, uint32_t len, char *out, size_t cap)
{
    if (cap) out[0] = 0;
    if (!der || cap == 0) return 0;
    struct tw_ber_tlv cert, tbs, f, rdn, atv, ty, val;
#define RD(pos, lim, t) (tw_ber_read(der, (pos), (lim), len, (t)) == TW_OK)
    if (!RD(0, len, &cert) || !RD(cert.off, cert.end, &tbs)) return 0;
    uint32_t pos = tbs.off;
    /* version?, serialNumber, signature, issuer, validity, subject */
    if (!RD(pos, tbs.end, &f)) return 0;
    if (f.cls == TW_BER_CONTEXT && f.tag == 0) {
        pos = f.end;
    }
    for (int i = 0; i < 5; i++) {
        if (!RD(pos, tbs.end, &f)) return 0;
        pos = f.end;
    }
    if (!tw_ber_is(&f, TW_BER_UNIVERSAL, TW_BER_SEQUENCE)) return 0;
    size_t n = 0;
    for (uint32_t q = f.off; q < f.end; q = rdn.end) {
        if (!RD(q, f.end, &rdn)) break;
        for (uint32_t k = rdn.off; k < rdn.end; k = atv.end) {
            if (!RD(k, rdn.end, &atv) || !RD(atv.off, atv.end, &ty) || !RD(ty.end, atv.end, &val))
                break;
            static const uint8_t cn_oid[] = {0x55, 0x04, 0x03};
            if (ty.len != 3 || memcmp(der + ty.off, cn_oid, 3) != 0) continue;
            n = 0;
            const uint8_t *s = der + val.off;
            uint32_t w = val.tag == TW_BER_BMPSTRING ? 2 : 1;
            for (uint32_t i = w - 1; i < val.len && n + 1 < cap; i += w)
                out[n++] =
                    (s[i] >= 0x20 && s[i] < 0x7f && (w == 1 || s[i - 1] == 0)) ? (char)s[i] : '_';
            out[n] = 0;
        }
    }
#undef RD
    return n;
}

/* the subject DN's text as TLS labels a certificate with it */
size_t tw_x509_subject_text(const uint8_t *der, uint32_t len, char *out, size_t cap)
{
    if (cap) out[0] = 0;
    if (!der || cap == 0) return 0;
    struct tw_ber_tlv cert, tbs, f;
#define RD(pos, lim, t) (tw_ber_read(der, (pos), (lim), len, (t)) == TW_OK)
    if (!RD(0, len, &cert) || !RD(cert.off, cert.end, &tbs)) return 0;
    uint32_t pos = tbs.off;
    if (!RD(pos, tbs.end, &f)) return 0;
    if (f.cls == TW_BER_CONTEXT && f.tag == 0) pos = f.end;
    for (int i = 0; i < 5; i++) {
        if (!RD(pos, tbs.end, &f)) return 0;
        pos = f.end;
    }
#undef RD
    if (!tw_ber_is(&f, TW_BER_UNIVERSAL, TW_BER_SEQUENCE)) return 0;
    return tw_x509_dn_text(der + f.start, f.end - f.start, out, cap);
}

/* ---- protocols ---- */

static const struct tw_binding cert_bindings[] = {
    {TW_TBL_NAME, TW_KEY_X509_CERT},
    {TW_TBL_NAME, TW_KEY_X509AF_OID},
    {TW_TBL_MEDIA_TYPE, 0xa64fde9cu}, /* application/pkix-crl */
};
static const struct tw_binding dn_bindings[] = {{TW_TBL_NAME, TW_KEY_X509_DN}};
static const struct tw_binding sat_bindings[] = {{TW_TBL_NAME, TW_KEY_X509SAT}};
static const struct tw_binding ce_bindings[] = {{TW_TBL_NAME, TW_KEY_X509CE}};
static const struct tw_binding impl_bindings[] = {{TW_TBL_NAME, TW_KEY_PKIX1IMPLICIT}};
static const struct tw_binding expl_bindings[] = {{TW_TBL_NAME, TW_KEY_PKIX1EXPLICIT}};
static const struct tw_binding pkcs1_bindings[] = {{TW_TBL_NAME, TW_KEY_PKCS1}};
static const struct tw_binding ns_bindings[] = {{TW_TBL_NAME, TW_KEY_NS_CERT_EXTS}};

#define QUIET (TW_PROTO_NO_RECORD | TW_PROTO_NO_COLUMN)
/* the OID-table layers: in frame.protocols, without a line (so that, as in tshark, a filter
 * naming the protocol does not match) */
#define OID_LAYER TW_PROTO_NO_COLUMN

/* the certificate: TLS calls it for each certificate; no layer (hidden), no line of its own. As an
 * OID-table entry (DSS-Params) it is a layer. */
const struct tw_proto tw_proto_x509af = {
    .abbrev = "x509af",
    .name = "X.509 Authentication Framework",
    .short_name = "X509AF",
    .fields = af_fields,
    .nfields = TW_X509AF_COUNT,
    .bindings = cert_bindings,
    .nbindings = TW_ARRAY_LEN(cert_bindings),
    .dissect = dissect_cert,
    .ids = &tw_x509_af_ids,
    .flags = OID_LAYER,
};
const struct tw_proto tw_proto_x509if = {
    .abbrev = "x509if",
    .name = "X.509 Information Framework",
    .short_name = "X509IF",
    .fields = if_fields,
    .nfields = IF_COUNT,
    .bindings = dn_bindings,
    .nbindings = TW_ARRAY_LEN(dn_bindings),
    .dissect = dissect_dn,
    .ids = &tw_x509_if_ids,
    .flags = QUIET | TW_PROTO_NO_LAYER,
};
const struct tw_proto tw_proto_x509sat = {
    .abbrev = "x509sat",
    .name = "X.509 Selected Attribute Types",
    .short_name = "X509SAT",
    .fields = sat_fields,
    .nfields = SAT_COUNT,
    .bindings = sat_bindings,
    .nbindings = TW_ARRAY_LEN(sat_bindings),
    .dissect = dissect_sat,
    .ids = &tw_x509_sat_ids,
    .flags = OID_LAYER,
};
const struct tw_proto tw_proto_x509ce = {
    .abbrev = "x509ce",
    .name = "X.509 Certificate Extensions",
    .short_name = "X509CE",
    .fields = ce_fields,
    .nfields = CE_COUNT,
    .bindings = ce_bindings,
    .nbindings = TW_ARRAY_LEN(ce_bindings),
    .dissect = dissect_ext,
    .ids = &tw_x509_ce_ids,
    .flags = OID_LAYER,
};
const struct tw_proto tw_proto_pkix1implicit = {
    .abbrev = "pkix1implicit",
    .name = "PKIX1Implitit", /* sic, as Wireshark names it */
    .short_name = "PKIX1IMPLICIT",
    .fields = impl_fields,
    .nfields = IMPL_COUNT,
    .bindings = impl_bindings,
    .nbindings = TW_ARRAY_LEN(impl_bindings),
    .dissect = dissect_ext,
    .ids = &tw_x509_impl_ids,
    .flags = OID_LAYER,
};
const struct tw_proto tw_proto_pkix1explicit = {
    .abbrev = "pkix1explicit",
    .name = "PKIX1Explicit",
    .short_name = "PKIX1EXPLICIT",
    .fields = expl_fields,
    .nfields = TW_X509EXPL_COUNT,
    .bindings = expl_bindings,
    .nbindings = TW_ARRAY_LEN(expl_bindings),
    .dissect = dissect_ext,
    .ids = &tw_x509_expl_ids,
    .flags = OID_LAYER,
};
const struct tw_proto tw_proto_ber = {
    .abbrev = "ber",
    .name = "Basic Encoding Rules (ASN.1 X.690)",
    .short_name = "BER",
    .fields = ber_fields,
    .nfields = BER_COUNT,
    .experts = ber_experts,
    .nexperts = BER_E_COUNT,
    .ids = &tw_x509_ber_ids,
    .flags = QUIET | TW_PROTO_NO_LAYER,
};
const struct tw_proto tw_proto_pkcs1 = {
    .abbrev = "pkcs-1",
    .name = "PKCS#1",
    .short_name = "PKCS-1",
    .fields = pk1_fields,
    .nfields = PK1_COUNT,
    .bindings = pkcs1_bindings,
    .nbindings = TW_ARRAY_LEN(pkcs1_bindings),
    .dissect = dissect_pkcs1,
    .ids = &tw_x509_pkcs1_ids,
    .flags = OID_LAYER,
};
const struct tw_proto tw_proto_ns_cert_exts = {
    .abbrev = "ns_cert_exts",
    .name = "NetScape Certificate Extensions",
    .short_name = "NS_CERT_EXTS",
    .fields = ns_fields,
    .nfields = NS_COUNT,
    .bindings = ns_bindings,
    .nbindings = TW_ARRAY_LEN(ns_bindings),
    .dissect = dissect_ns,
    .ids = &ns_ids,
    .flags = OID_LAYER,
};
