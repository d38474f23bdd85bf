/* BER/DER reading for the ASN.1 dissectors: see ber.h. */
#include "ber.h"

#include <stdio.h>
#include <string.h>

enum tw_status tw_ber_read(const uint8_t *d, uint32_t pos, uint32_t limit, uint32_t cap,
                           struct tw_ber_tlv *t)
{
    uint32_t avail = limit < cap ? limit : cap;
    memset(t, 0, sizeof *t);
    t->start = pos;
#define NEED(n)                                                                                    \
    do {                                                                                           \
        if ((uint64_t)pos + (n) > limit) return TW_MALFORMED;                                      \
        if ((uint64_t)pos + (n) > avail) return TW_TRUNCATED;                                      \
    } while (0)
    NEED(1);
    uint8_t id = d[pos++];
    t->cls = id >> 6;
    t->cons = (id & 0x20) != 0;
    t->tag = id & 0x1f;
    if (t->tag == 0x1f) {
        uint32_t tag = 0;
        for (int i = 0;; i++) {
            NEED(1);
            uint8_t b = d[pos++];
            if (i == 4 || (i == 0 && b == 0x80)) return TW_MALFORMED;
            tag = tag << 7 | (b & 0x7f);
            if (!(b & 0x80)) break;
        }
        t->tag = tag;
    }
    NEED(1);
    uint8_t l0 = d[pos++];
    uint64_t len;
    if (l0 < 0x80) {
        len = l0;
    } else if (l0 == 0x80) {
        /* indefinite: only for constructed elements; find the end-of-contents octets by
         * walking the elements inside (bounded by the nesting the recursion allows) */
        if (!t->cons) return TW_MALFORMED;
        t->indefinite = true;
        t->off = pos;
        static _Thread_local int depth;
        if (depth > 32) return TW_MALFORMED;
        depth++;
        enum tw_status st = TW_OK;
        for (;;) {
            if ((uint64_t)pos + 2 > limit) {
                st = TW_MALFORMED;
                break;
            }
            if ((uint64_t)pos + 2 > avail) {
                st = TW_TRUNCATED;
                break;
            }
            if (d[pos] == 0 && d[pos + 1] == 0) break;
            struct tw_ber_tlv in;
            st = tw_ber_read(d, pos, limit, cap, &in);
            if (st != TW_OK) break;
            pos = in.end;
        }
        depth--;
        if (st != TW_OK) return st;
        t->len = pos - t->off;
        t->end = pos + 2;
        return TW_OK;
    } else {
        uint32_t n = l0 & 0x7f;
        if (n > 4) return TW_MALFORMED;
        NEED(n);
        len = 0;
        for (uint32_t i = 0; i < n; i++) len = len << 8 | d[pos++];
    }
    t->off = pos;
    if (pos + len > limit) {
        t->len = limit > pos ? limit - pos : 0;
        t->end = limit;
        return TW_MALFORMED;
    }
    t->len = (uint32_t)len;
    t->end = pos + t->len;
    if (t->end > avail) return TW_TRUNCATED;
    return TW_OK;
#undef NEED
}

size_t tw_ber_oid_text(const uint8_t *p, uint32_t n, char *out, size_t cap)
{
    if (cap) out[0] = 0;
    if (n == 0 || cap == 0) return 0;
    size_t k = 0;
    uint64_t v = 0;
    bool first = true;
    uint32_t nb = 0;
    for (uint32_t i = 0; i < n; i++) {
        if (nb == 0 && p[i] == 0x80) return 0; /* non-minimal */
        if (++nb > 9) return 0;                /* beyond 63 bits */
        v = v << 7 | (p[i] & 0x7f);
        if (p[i] & 0x80) {
            if (i + 1 == n) return 0; /* the last subidentifier is unfinished */
            continue;
        }
        int w;
        if (first) {
            uint64_t a = v < 40 ? 0 : v < 80 ? 1 : 2;
            w = snprintf(out + k, cap - k, "%llu.%llu", (unsigned long long)a,
                         (unsigned long long)(v - a * 40));
            first = false;
        } else {
            w = snprintf(out + k, cap - k, ".%llu", (unsigned long long)v);
        }
        if (w < 0 || (size_t)w >= cap - k) {
            out[0] = 0;
            return 0;
        }
        k += (size_t)w;
        v = 0;
        nb = 0;
    }
    return k;
}

/* Wireshark's names (its oid registrations) for the OIDs certificates and OCSP commonly use */
static const struct {
    const char *oid, *name;
} oid_names[] = {
    /* algorithms */
    {"1.2.840.113549.1.1.1", "rsaEncryption"},
    {"1.2.840.113549.1.1.2", "md2WithRSAEncryption"},
    {"1.2.840.113549.1.1.4", "md5WithRSAEncryption"},
    {"1.2.840.113549.1.1.5", "sha1WithRSAEncryption"},
    {"1.2.840.113549.1.1.10", "id-RSASSA-PSS"},
    {"1.2.840.113549.1.1.11", "sha256WithRSAEncryption"},
    {"1.2.840.113549.1.1.12", "sha384WithRSAEncryption"},
    {"1.2.840.113549.1.1.13", "sha512WithRSAEncryption"},
    {"1.2.840.113549.1.1.14", "sha224WithRSAEncryption"},
    {"1.2.840.10040.4.1", "id-dsa"},
    {"1.2.840.10040.4.3", "id-dsa-with-sha1"},
    {"1.2.840.10045.2.1", "id-ecPublicKey"},
    {"1.2.840.10045.3.1.7", "secp256r1"},
    {"1.2.840.10045.4.1", "ecdsa-with-SHA1"},
    {"1.2.840.10045.4.3.2", "ecdsa-with-SHA256"},
    {"1.2.840.10045.4.3.3", "ecdsa-with-SHA384"},
    {"1.2.840.10045.4.3.4", "ecdsa-with-SHA512"},
    {"1.3.132.0.34", "secp384r1"},
    {"1.3.132.0.35", "secp521r1"},
    {"1.3.14.3.2.26", "SHA-1"},
    {"2.16.840.1.101.3.4.2.1", "sha256"},
    {"2.16.840.1.101.3.4.2.2", "sha384"},
    {"2.16.840.1.101.3.4.2.3", "sha512"},
    /* NIST sigAlgs (names as tshark 4.0 resolves them) */
    {"2.16.840.1.101.3.4.3.1", "id-dsa-with-sha224"},
    {"2.16.840.1.101.3.4.3.2", "id-dsa-with-sha256"},
    {"2.16.840.1.101.3.4.3.3", "id-dsa-with-sha384"},
    {"2.16.840.1.101.3.4.3.4", "id-dsa-with-sha512"},
    {"2.16.840.1.101.3.4.3.5", "id-dsa-with-sha3-224"},
    {"2.16.840.1.101.3.4.3.6", "id-dsa-with-sha3-256"},
    {"2.16.840.1.101.3.4.3.7", "id-dsa-with-sha3-384"},
    {"2.16.840.1.101.3.4.3.8", "id-dsa-with-sha3-512"},
    {"2.16.840.1.101.3.4.3.9", "id-ecdsa-with-sha3-224"},
    {"2.16.840.1.101.3.4.3.10", "id-ecdsa-with-sha3-256"},
    {"2.16.840.1.101.3.4.3.11", "id-ecdsa-with-sha3-384"},
    {"2.16.840.1.101.3.4.3.12", "id-ecdsa-with-sha3-512"},
    {"2.16.840.1.101.3.4.3.13", "id-rsassa-pkcs1-v1_5-with-sha3-224"},
    {"2.16.840.1.101.3.4.3.14", "id-rsassa-pkcs1-v1_5-with-sha3-256"},
    {"2.16.840.1.101.3.4.3.15", "id-rsassa-pkcs1-v1_5-with-sha3-384"},
    {"2.16.840.1.101.3.4.3.16", "id-rsassa-pkcs1-v1_5-with-sha3-512"},
    /* attribute types */
    {"2.5.4.3", "id-at-commonName"},
    {"2.5.4.4", "id-at-surname"},
    {"2.5.4.5", "id-at-serialNumber"},
    {"2.5.4.6", "id-at-countryName"},
    {"2.5.4.7", "id-at-localityName"},
    {"2.5.4.8", "id-at-stateOrProvinceName"},
    {"2.5.4.9", "id-at-streetAddress"},
    {"2.5.4.10", "id-at-organizationName"},
    {"2.5.4.11", "id-at-organizationalUnitName"},
    {"2.5.4.12", "id-at-title"},
    {"2.5.4.13", "id-at-description"},
    {"2.5.4.15", "id-at-businessCategory"},
    {"2.5.4.17", "id-at-postalCode"},
    {"2.5.4.41", "id-at-name"},
    {"2.5.4.42", "id-at-givenName"},
    {"2.5.4.43", "id-at-initials"},
    {"2.5.4.46", "id-at-dnQualifier"},
    {"2.5.4.65", "id-at-pseudonym"},
    {"1.2.840.113549.1.9.1", "pkcs-9-at-emailAddress"},
    {"0.9.2342.19200300.100.1.25", "dc"},
    {"1.3.6.1.4.1.311.60.2.1.1", "jurisdictionOfIncorporationLocalityName"},
    {"1.3.6.1.4.1.311.60.2.1.2", "jurisdictionOfIncorporationStateOrProvinceName"},
    {"1.3.6.1.4.1.311.60.2.1.3", "jurisdictionOfIncorporationCountryName"},
    {"1.3.6.1.4.1.311.21.7", "id-ms-certificate-template"},
    {"1.3.6.1.4.1.311.21.10", "id-ms-application-certificate-policies"},
    /* certificate extensions */
    {"2.5.29.14", "id-ce-subjectKeyIdentifier"},
    {"2.5.29.15", "id-ce-keyUsage"},
    {"2.5.29.16", "id-ce-privateKeyUsagePeriod"},
    {"2.5.29.17", "id-ce-subjectAltName"},
    {"2.5.29.18", "id-ce-issuerAltName"},
    {"2.5.29.19", "id-ce-basicConstraints"},
    {"2.5.29.20", "id-ce-cRLNumber"},
    {"2.5.29.21", "id-ce-reasonCode"},
    {"2.5.29.30", "id-ce-nameConstraints"},
    {"2.5.29.31", "id-ce-cRLDistributionPoints"},
    {"2.5.29.32", "id-ce-certificatePolicies"},
    {"2.5.29.32.0", "anyPolicy"},
    {"2.5.29.33", "id-ce-policyMappings"},
    {"2.5.29.35", "id-ce-authorityKeyIdentifier"},
    {"2.5.29.36", "id-ce-policyConstraints"},
    {"2.5.29.37", "id-ce-extKeyUsage"},
    {"1.3.6.1.5.5.7.1.1", "id-pe-authorityInfoAccess"},
    {"1.3.6.1.4.1.11129.2.4.2", "SignedCertificateTimestampList"},
    {"1.3.6.1.4.1.11129.2.4.5", "SignedCertificateTimestampList"},
    {"1.3.6.1.5.5.7.2.1", "id-qt-cps"},
    {"1.3.6.1.5.5.7.2.2", "id-qt-unotice"},
    {"1.3.6.1.5.5.7.3.1", "id-kp-serverAuth"},
    {"1.3.6.1.5.5.7.3.2", "id-kp-clientAuth"},
    {"1.3.6.1.5.5.7.3.3", "id-kp-codeSigning"},
    {"1.3.6.1.5.5.7.3.4", "id-kp-emailProtection"},
    {"1.3.6.1.5.5.7.3.8", "id-kp-timeStamping"},
    {"1.3.6.1.5.5.7.3.9", "OCSPSigning"}, /* as tshark 4.0 names it */
    {"1.3.6.1.5.5.7.48.1", "id-ad-ocsp"},
    {"1.3.6.1.5.5.7.48.2", "id-ad-caIssuers"},
    /* Netscape certificate extensions */
    {"2.16.840.1.113730.1.1", "ns_cert_exts.cert_type"},
    {"2.16.840.1.113730.1.2", "ns_cert_exts.base_url"},
    {"2.16.840.1.113730.1.3", "ns_cert_exts.revocation_url"},
    {"2.16.840.1.113730.1.4", "ns_cert_exts.ca_revocation_url"},
    {"2.16.840.1.113730.1.7", "ns_cert_exts.cert_renewal_url"},
    {"2.16.840.1.113730.1.8", "ns_cert_exts.ca_policy_url"},
    {"2.16.840.1.113730.1.12", "ns_cert_exts.ssl_server_name"},
    {"2.16.840.1.113730.1.13", "ns_cert_exts.comment"},
    /* OCSP */
    {"1.3.6.1.5.5.7.48.1.1", "id-pkix-ocsp-basic"},
    {"1.3.6.1.5.5.7.48.1.2", "id-pkix-ocsp-nonce"},
    {"1.3.6.1.5.5.7.48.1.3", "id-pkix-ocsp-crl"},
    {"1.3.6.1.5.5.7.48.1.4", "id-pkix-ocsp-response"},
    {"1.3.6.1.5.5.7.48.1.5", "id-pkix-ocsp-nocheck"},
    {"1.3.6.1.5.5.7.48.1.6", "id-pkix-ocsp-archive-cutoff"},
    {"1.3.6.1.5.5.7.48.1.7", "id-pkix-ocsp-service-locator"},
};

const char *tw_ber_oid_name(const char *dotted)
{
    for (size_t i = 0; i < TW_ARRAY_LEN(oid_names); i++)
        if (strcmp(oid_names[i].oid, dotted) == 0) return oid_names[i].name;
    return NULL;
}

bool tw_ber_oid_resolved(const char *dotted, char *out, size_t cap)
{
    static const struct {
        const char *oid, *name;
    } roots[] = {
        {"0", "itu-t"},
        {"1", "iso"},
        {"1.2.840", "ISO assigned OIDs, USA"},
        {"2", "joint-iso-itu-t"},
        {"2.16.840.1", "US company arc"}};
    if (cap) out[0] = 0;
    const char *best = NULL;
    size_t best_len = 0;
    size_t n = strlen(dotted);
    for (size_t i = 0; i < TW_ARRAY_LEN(oid_names) + TW_ARRAY_LEN(roots); i++) {
        const char *o =
            i < TW_ARRAY_LEN(oid_names) ? oid_names[i].oid : roots[i - TW_ARRAY_LEN(oid_names)].oid;
        size_t l = strlen(o);
        if (l > n || l <= best_len || memcmp(o, dotted, l) != 0) continue;
        if (l < n && dotted[l] != '.') continue;
        best_len = l;
        best = i < TW_ARRAY_LEN(oid_names) ? oid_names[i].name
                                           : roots[i - TW_ARRAY_LEN(oid_names)].name;
    }
    if (!best || !cap) return false;
    snprintf(out, cap, "%s%s", best, dotted + best_len);
    return true;
}

bool tw_ber_int(const uint8_t *p, uint32_t n, int64_t *v)
{
    if (n == 0 || n > 8) return false;
    uint64_t x = (p[0] & 0x80) ? ~(uint64_t)0 : 0;
    for (uint32_t i = 0; i < n; i++) x = x << 8 | p[i];
    *v = (int64_t)x;
    return true;
}

static int digits(const uint8_t *p, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (p[i] < '0' || p[i] > '9') return -1;
        v = v * 10 + (p[i] - '0');
    }
    return v;
}

/* days since 1970-01-01 of a civil date (proleptic Gregorian) */
static int64_t days_from_civil(int64_t y, int m, int d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

bool tw_ber_time(const uint8_t *p, uint32_t n, bool generalized, struct tw_time *t)
{
    int yl = generalized ? 4 : 2;
    if (n < (uint32_t)yl + 8) return false;
    int y = digits(p, yl), mo = digits(p + yl, 2), d = digits(p + yl + 2, 2),
        h = digits(p + yl + 4, 2), mi = digits(p + yl + 6, 2), s = 0;
    uint32_t k = (uint32_t)yl + 8;
    if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > 31 || h < 0 || h > 23 || mi < 0 || mi > 59)
        return false;
    if (k + 2 <= n && p[k] >= '0' && p[k] <= '9') {
        s = digits(p + k, 2);
        if (s < 0 || s > 60) return false;
        k += 2;
    }
    int64_t ns = 0;
    if (generalized && k < n && (p[k] == '.' || p[k] == ',')) {
        k++;
        int64_t scale = 100000000;
        while (k < n && p[k] >= '0' && p[k] <= '9') {
            ns += (p[k] - '0') * scale;
            scale /= 10;
            k++;
        }
    }
    if (!generalized) y += y < 50 ? 2000 : 1900;
    int64_t off = 0;
    if (k < n && p[k] == 'Z') {
        k++;
    } else if (k + 5 <= n && (p[k] == '+' || p[k] == '-')) {
        int oh = digits(p + k + 1, 2), om = digits(p + k + 3, 2);
        if (oh < 0 || om < 0) return false;
        off = (p[k] == '+' ? 1 : -1) * (int64_t)(oh * 3600 + om * 60);
        k += 5;
    } else if (!generalized) {
        return false;
    }
    if (k != n) return false;
    t->sec = days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s - off;
    t->nsec = (int32_t)ns;
    return true;
}
