/* Internet checksum (RFC 1071). The one's-complement sum does not depend on byte order (RFC
 * 1071 section 2 (B)): native 32-bit words are summed into 64 bits, folded to 16, and swapped on
 * a little-endian host, which costs about one add per four bytes. */
#include "core.h"

#include <string.h>

uint32_t tw_cksum_add(uint32_t sum, const uint8_t *p, size_t n)
{
    uint64_t acc = 0;
    while (n >= 16) {
        uint64_t a, b;
        memcpy(&a, p, 8);
        memcpy(&b, p + 8, 8);
        acc += (a & 0xffffffffu) + (a >> 32) + (b & 0xffffffffu) + (b >> 32);
        p += 16;
        n -= 16;
    }
    while (n >= 4) {
        uint32_t w;
        memcpy(&w, p, 4);
        acc += w;
        p += 4;
        n -= 4;
    }
    if (n >= 2) {
        uint16_t w;
        memcpy(&w, p, 2);
        acc += w;
        p += 2;
        n -= 2;
    }
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    if (n) acc += (uint32_t)p[0] << 8;
#else
    if (n) acc += p[0]; /* the pad byte follows it: in swapped order it is the low byte */
#endif
    while (acc >> 16) acc = (acc & 0xffff) + (acc >> 16);
    uint32_t r = (uint32_t)acc;
#if !(defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__)
    r = (r >> 8 | r << 8) & 0xffff;
#endif
    r += sum;
    /* fold to fit comfortably for further adds */
    while (r >> 16) r = (r & 0xffff) + (r >> 16);
    return r;
}
