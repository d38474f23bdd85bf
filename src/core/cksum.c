/* Internet checksum (RFC 1071). The one's-complement sum does not depend on byte order (RFC
 * 1071 section 2 (B)): native 32-bit words are summed into 64 bits, folded to 16, and swapped on
 * a little-endian host, which costs about one add per four bytes. */
#include "core.h"

#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

uint32_t tw_cksum_add(uint32_t sum, const uint8_t *p, size_t n)
{
    uint64_t acc = 0;
#if defined(__SSE2__)
    /* 32 bytes a step with pmaddwd: each 16-bit word, biased by 0x8000 to read as signed, is
     * added to its neighbour into a 32-bit lane (w0 + w1 - 0x10000); the bias is given back
     * exactly when the lanes are emptied into acc, every 8,192 steps at most (a lane moves by
     * less than 2^17 a step, so it stays far from overflow) */
    while (n >= 32) {
        const __m128i bias = _mm_set1_epi16((short)0x8000), one = _mm_set1_epi16(1);
        __m128i s0 = _mm_setzero_si128(), s1 = _mm_setzero_si128();
        size_t steps = n / 32 < 8192 ? n / 32 : 8192;
        for (size_t i = 0; i < steps; i++) {
            __m128i a = _mm_loadu_si128((const __m128i *)(const void *)p);
            __m128i b = _mm_loadu_si128((const __m128i *)(const void *)(p + 16));
            s0 = _mm_add_epi32(s0, _mm_madd_epi16(_mm_xor_si128(a, bias), one));
            s1 = _mm_add_epi32(s1, _mm_madd_epi16(_mm_xor_si128(b, bias), one));
            p += 32;
        }
        n -= steps * 32;
        int32_t l[8];
        _mm_storeu_si128((__m128i *)(void *)l, s0);
        _mm_storeu_si128((__m128i *)(void *)(l + 4), s1);
        int64_t t = 0;
        for (int k = 0; k < 8; k++) t += l[k];
        acc += (uint64_t)(t + (int64_t)steps * 8 * 0x10000);
    }
#endif
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
