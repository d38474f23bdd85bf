/* Internet checksum (RFC 1071), summed 64 bits at a time. */
#include "core.h"

uint32_t tw_cksum_add(uint32_t sum, const uint8_t *p, size_t n)
{
    uint64_t acc = sum;
    while (n >= 8) {
        uint32_t a = (uint32_t)p[0] << 8 | p[1], b = (uint32_t)p[2] << 8 | p[3];
        uint32_t c = (uint32_t)p[4] << 8 | p[5], d = (uint32_t)p[6] << 8 | p[7];
        acc += a + b + c + d;
        p += 8;
        n -= 8;
    }
    while (n >= 2) {
        acc += (uint32_t)p[0] << 8 | p[1];
        p += 2;
        n -= 2;
    }
    if (n) acc += (uint32_t)p[0] << 8;
    while (acc >> 32) acc = (acc & 0xffffffffu) + (acc >> 32);
    uint32_t r = (uint32_t)(acc & 0xffffffffu);
    /* fold to fit comfortably for further adds */
    while (r >> 16) r = (r & 0xffff) + (r >> 16);
    return r;
}
