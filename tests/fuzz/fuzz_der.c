/* libFuzzer target: the DER reader and the ASN.1 dissectors (X.509 certificates, OCSP,
 * distinguished names). The first byte chooses what the rest is: a certificate (x509af), an
 * OCSP request or response (ocsp), a distinguished name (x509if), each wrapped in an Ethernet,
 * IPv4 and UDP frame whose port is decoded as that protocol and printed as tree, JSON and
 * summary line; or the plain helpers (subject commonName, DN text, OID text). The second byte
 * varies the wire length, so both "truncated" and "malformed" paths run. */
#include "fuzz_common.h"

#include "dissect/ber.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2 || size > 60000) return 0;
    struct fz *z = fz_get();
    static bool bound;
    if (!bound) {
        tw_dispatch_override(TW_TBL_UDP_PORT, 9998, "x509af");
        tw_dispatch_override(TW_TBL_UDP_PORT, 9999, "ocsp");
        tw_dispatch_override(TW_TBL_UDP_PORT, 9997, "x509if");
        bound = true;
    }
    uint8_t kind = data[0] % 4, lenmode = data[1] % 3;
    data += 2, size -= 2;
    if (kind == 3) {
        char out[512];
        uint8_t *copy = malloc(size ? size : 1);
        memcpy(copy, data, size);
        tw_x509_subject_cn(copy, (uint32_t)size, out, sizeof out);
        tw_x509_dn_text(copy, (uint32_t)size, out, sizeof out);
        tw_ber_oid_text(copy, (uint32_t)size, out, sizeof out);
        struct tw_time t;
        tw_ber_time(copy, (uint32_t)size, size > 13, &t);
        free(copy);
        return 0;
    }
    size_t n = 42 + size;
    uint8_t *f8 = calloc(1, n);
    static const uint8_t eth[14] = {2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1, 0x08, 0x00};
    memcpy(f8, eth, 14);
    uint8_t *ip = f8 + 14;
    uint16_t iplen = (uint16_t)(20 + 8 + size);
    ip[0] = 0x45, ip[2] = (uint8_t)(iplen >> 8), ip[3] = (uint8_t)iplen, ip[8] = 64, ip[9] = 17;
    ip[12] = 10, ip[15] = 1, ip[16] = 10, ip[19] = 2;
    uint8_t *udp = ip + 20;
    uint16_t port = kind == 0 ? 9998 : kind == 1 ? 9999 : 9997;
    uint16_t ulen = (uint16_t)(8 + size);
    udp[0] = 0x30, udp[1] = 0x39, udp[2] = (uint8_t)(port >> 8), udp[3] = (uint8_t)port;
    udp[4] = (uint8_t)(ulen >> 8), udp[5] = (uint8_t)ulen;
    memcpy(udp + 8, data, size);
    struct tw_frame f;
    memset(&f, 0, sizeof f);
    f.linktype = 1;
    f.fcs_len = 0;
    f.data = f8;
    f.caplen = (uint32_t)(lenmode == 2 ? n / 2 : n);
    f.wirelen = lenmode == 1 ? (uint32_t)n + 100 : (uint32_t)n;
    f.recno = 1;
    fz_dissect_and_print(z, &f, NULL);
    free(f8);
    return 0;
}
