/* Seeded 64-bit hash (a wyhash-style multiply-mix). A per-run random seed keeps hostile traffic
 * from choosing keys that collide in our tables. */
#include "core.h"

#include <fcntl.h>
#include <time.h>
#include <unistd.h>

static inline uint64_t mix(uint64_t a, uint64_t b)
{
    __uint128_t r = (__uint128_t)a * b;
    return (uint64_t)r ^ (uint64_t)(r >> 64);
}

static inline uint64_t rd64(const uint8_t *p)
{
    uint64_t v;
    memcpy(&v, p, 8);
    return v;
}
static inline uint64_t rd32(const uint8_t *p)
{
    uint32_t v;
    memcpy(&v, p, 4);
    return v;
}

uint64_t tw_hash(const void *key, size_t n, uint64_t seed)
{
    const uint8_t *p = key;
    const uint64_t k0 = 0xa0761d6478bd642full, k1 = 0xe7037ed1a0b428dbull,
                   k2 = 0x8ebc6af09c88c6e3ull;
    seed ^= mix(seed ^ k0, k1);
    uint64_t a, b;
    if (n <= 16) {
        if (n >= 4) {
            a = (rd32(p) << 32) | rd32(p + ((n >> 3) << 2));
            b = (rd32(p + n - 4) << 32) | rd32(p + n - 4 - ((n >> 3) << 2));
        } else if (n > 0) {
            a = ((uint64_t)p[0] << 16) | ((uint64_t)p[n >> 1] << 8) | p[n - 1];
            b = 0;
        } else {
            a = b = 0;
        }
    } else {
        size_t i = n;
        while (i > 16) {
            seed = mix(rd64(p) ^ k1, rd64(p + 8) ^ seed);
            p += 16;
            i -= 16;
        }
        a = rd64(p + i - 16);
        b = rd64(p + i - 8);
    }
    return mix(k1 ^ n, mix(a ^ k1, b ^ seed) ^ k2);
}

uint64_t tw_hash_seed_random(void)
{
    uint64_t s = 0;
    int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        if (read(fd, &s, sizeof s) != (ssize_t)sizeof s) s = 0;
        close(fd);
    }
    if (!s) {
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        s = (uint64_t)ts.tv_sec * 1000000007ull ^ (uint64_t)ts.tv_nsec ^ (uint64_t)getpid() << 32;
    }
    return s;
}
