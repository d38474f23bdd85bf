/* The BER/DER reader and the X.509 helpers other dissectors call (ber.h). */
#include <string.h>

#include "check.h"
#include "dissect/ber.h"

static void test_tlv(void)
{
    struct tw_ber_tlv t;
    static const uint8_t seq[] = {0x30, 0x03, 0x02, 0x01, 0x05};
    CHECK_EQ(tw_ber_read(seq, 0, sizeof seq, sizeof seq, &t), TW_OK);
    CHECK(t.cons && t.tag == TW_BER_SEQUENCE && t.cls == TW_BER_UNIVERSAL);
    CHECK_EQ(t.off, 2);
    CHECK_EQ(t.len, 3);
    CHECK_EQ(t.end, 5);
    /* the contents run past the enclosing element: malformed; past the capture: truncated */
    CHECK_EQ(tw_ber_read(seq, 0, 4, 5, &t), TW_MALFORMED);
    CHECK_EQ(tw_ber_read(seq, 0, 5, 4, &t), TW_TRUNCATED);
    /* long form length, high tag number */
    static const uint8_t lng[] = {0x9f, 0x81, 0x00, 0x81, 0x01, 0xaa};
    CHECK_EQ(tw_ber_read(lng, 0, sizeof lng, sizeof lng, &t), TW_OK);
    CHECK_EQ(t.cls, TW_BER_CONTEXT);
    CHECK_EQ(t.tag, 128);
    CHECK_EQ(t.len, 1);
    /* five length octets: refused */
    static const uint8_t big[] = {0x04, 0x85, 0, 0, 0, 0, 1, 0};
    CHECK_EQ(tw_ber_read(big, 0, sizeof big, sizeof big, &t), TW_MALFORMED);
    /* indefinite length, constructed */
    static const uint8_t ind[] = {0x30, 0x80, 0x05, 0x00, 0x00, 0x00};
    CHECK_EQ(tw_ber_read(ind, 0, sizeof ind, sizeof ind, &t), TW_OK);
    CHECK(t.indefinite);
    CHECK_EQ(t.len, 2);
    CHECK_EQ(t.end, 6);
}

static void test_oid_time(void)
{
    char s[64];
    static const uint8_t sha256rsa[] = {0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b};
    CHECK(tw_ber_oid_text(sha256rsa, sizeof sha256rsa, s, sizeof s) > 0);
    CHECK(strcmp(s, "1.2.840.113549.1.1.11") == 0);
    CHECK(strcmp(tw_ber_oid_name(s), "sha256WithRSAEncryption") == 0);
    static const uint8_t joint[] = {0x67, 0x81, 0x0c, 0x01, 0x02, 0x02};
    CHECK(tw_ber_oid_text(joint, sizeof joint, s, sizeof s) > 0);
    CHECK(strcmp(s, "2.23.140.1.2.2") == 0);
    char r[64];
    CHECK(tw_ber_oid_resolved(s, r, sizeof r));
    CHECK(strcmp(r, "joint-iso-itu-t.23.140.1.2.2") == 0);
    static const uint8_t unfinished[] = {0x2a, 0x86};
    CHECK_EQ(tw_ber_oid_text(unfinished, sizeof unfinished, s, sizeof s), 0);
    struct tw_time t;
    CHECK(tw_ber_time((const uint8_t *)"151103000000Z", 13, false, &t));
    CHECK_EQ(t.sec, 1446508800);
    CHECK(tw_ber_time((const uint8_t *)"20510601000000Z", 15, true, &t));
    CHECK_EQ(t.sec, 2569190400LL);
    CHECK(tw_ber_time((const uint8_t *)"490601000000Z", 13, false, &t));
    CHECK_EQ(t.sec, 2506118400LL);
    CHECK(!tw_ber_time((const uint8_t *)"1511030000", 10, false, &t));
}

static void test_cn(void)
{
    /* Certificate { TBS { [0] v3, serial, sigalg, issuer, validity, subject { C=DE, CN=a.test } } }
     */
    static const uint8_t der[] = {
        0x30, 0x38, 0x30, 0x36, 0xa0, 0x03, 0x02, 0x01, 0x02, 0x02, 0x01, 0x01, 0x30, 0x00, 0x30,
        0x00, 0x30, 0x00, 0x30, 0x26, 0x31, 0x0b, 0x30, 0x09, 0x06, 0x03, 0x55, 0x04, 0x06, 0x13,
        0x02, 0x44, 0x45, 0x31, 0x17, 0x30, 0x15, 0x06, 0x03, 0x55, 0x04, 0x03, 0x0c, 0x0e, 'a',
        '.',  't',  'e',  's',  't',  '/',  0x01, 'x',  'y',  'z',  'w',  'v',  'u'};
    char cn[64];
    CHECK_EQ(tw_x509_subject_cn(der, sizeof der, cn, sizeof cn), 14);
    CHECK(strcmp(cn, "a.test/_xyzwvu") == 0);
    CHECK_EQ(tw_x509_subject_cn(der, 20, cn, sizeof cn), 0);
    /* the subject alone as a DistinguishedName: reversed, names for the types */
    char dn[128];
    CHECK(tw_x509_dn_text(der + 18, sizeof der - 18, dn, sizeof dn) > 0);
    CHECK(strncmp(dn, "id-at-commonName=a.test/", 24) == 0);
    CHECK(strstr(dn, ",id-at-countryName=DE") != NULL);
}

int main(void)
{
    test_tlv();
    test_oid_time();
    test_cn();
    TEST_DONE();
}
