/* Byte sources: a file or stdin, plain, gzip (zlib) or zstd (libzstd), recognised by magic. */
#include "internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static long raw_read(struct tw_src *s, uint8_t *dst, size_t n)
{
    if (s->raw_eof) return 0;
    if (s->mem) {
        size_t k = TW_MIN(n, s->mem_len - s->raw_pos);
        memcpy(dst, s->mem + s->raw_pos, k);
        s->raw_pos += k;
        if (k == 0) s->raw_eof = true;
        return (long)k;
    }
    for (;;) {
        ssize_t r = read(s->fd, dst, n);
        if (r < 0 && errno == EINTR) continue;
        if (r < 0) {
            tw_log(TW_LOG_ERROR, "read error: %s", strerror(errno));
            return -1;
        }
        if (r == 0) s->raw_eof = true;
        s->raw_pos += (uint64_t)r;
        return (long)r;
    }
}

/* Refill the compressed-input buffer when empty. Returns bytes available, 0 at end, -1 err. */
static long in_refill(struct tw_src *s)
{
    if (s->in_off < s->in_len) return (long)(s->in_len - s->in_off);
    s->in_off = s->in_len = 0;
    long r = raw_read(s, s->in, s->in_cap);
    if (r > 0) s->in_len = (size_t)r;
    return r;
}

static bool src_start(struct tw_src *s, const char *what, char *err, size_t errlen);

bool tw_src_open_mem(struct tw_src *s, const uint8_t *data, size_t len, char *err, size_t errlen)
{
    memset(s, 0, sizeof *s);
    s->fd = -1;
    s->mem = data;
    s->mem_len = len;
    return src_start(s, "memory", err, errlen);
}

bool tw_src_open(struct tw_src *s, const char *path, char *err, size_t errlen)
{
    memset(s, 0, sizeof *s);
    if (strcmp(path, "-") == 0) {
        s->fd = 0;
    } else {
        s->fd = open(path, O_RDONLY | O_CLOEXEC);
        if (s->fd < 0) {
            snprintf(err, errlen, "cannot open \"%s\": %s", path, strerror(errno));
            return false;
        }
        s->own_fd = true;
    }
    return src_start(s, path, err, errlen);
}

static bool src_start(struct tw_src *s, const char *path, char *err, size_t errlen)
{
    /* in-memory input needs only a small staging buffer (magic peek, compressed input) */
    s->in_cap = s->mem ? TW_MIN(TW_READ_CHUNK, s->mem_len + 16) : TW_READ_CHUNK;
    s->in = calloc(1, s->in_cap);
    if (!s->in) {
        snprintf(err, errlen, "out of memory");
        tw_src_close(s);
        return false;
    }
    /* Peek the magic. Pipes may return short reads: gather up to 4 bytes. */
    while (s->in_len < 4) {
        long r = raw_read(s, s->in + s->in_len, s->in_cap - s->in_len);
        if (r < 0) {
            snprintf(err, errlen, "cannot read \"%s\"", path);
            tw_src_close(s);
            return false;
        }
        if (r == 0) break;
        s->in_len += (size_t)r;
    }
    const uint8_t *m = s->in;
    if (s->in_len >= 2 && m[0] == 0x1f && m[1] == 0x8b) {
        s->comp = TW_COMP_GZIP;
        /* 16 + MAX_WBITS: expect a gzip wrapper */
        if (inflateInit2(&s->z, 16 + MAX_WBITS) != Z_OK) {
            snprintf(err, errlen, "zlib initialisation failed");
            tw_src_close(s);
            return false;
        }
        s->z_init = true;
    } else if (s->in_len >= 4 && m[0] == 0x28 && m[1] == 0xb5 && m[2] == 0x2f && m[3] == 0xfd) {
        s->comp = TW_COMP_ZSTD;
        s->zs = ZSTD_createDStream();
        if (!s->zs || ZSTD_isError(ZSTD_initDStream(s->zs))) {
            snprintf(err, errlen, "zstd initialisation failed");
            tw_src_close(s);
            return false;
        }
    }
    return true;
}

void tw_src_close(struct tw_src *s)
{
    if (s->z_init) inflateEnd(&s->z);
    if (s->zs) ZSTD_freeDStream(s->zs);
    if (s->own_fd && s->fd >= 0) close(s->fd);
    free(s->in);
    memset(s, 0, sizeof *s);
    s->fd = -1;
}

static long gz_read(struct tw_src *s, uint8_t *dst, size_t n)
{
    s->z.next_out = dst;
    s->z.avail_out = (uInt)(n > UINT32_MAX ? UINT32_MAX : n);
    while (s->z.avail_out > 0) {
        long avail = in_refill(s);
        if (avail < 0) return -1;
        if (avail == 0) break;
        s->z.next_in = s->in + s->in_off;
        s->z.avail_in = (uInt)avail;
        int rc = inflate(&s->z, Z_NO_FLUSH);
        s->in_off = s->in_len - s->z.avail_in;
        if (rc == Z_STREAM_END) {
            /* Concatenated gzip members continue; trailing garbage ends the stream. */
            if (in_refill(s) <= 0 || s->in[s->in_off] != 0x1f) {
                s->in_off = s->in_len;
                s->raw_eof = true;
                break;
            }
            inflateReset(&s->z);
        } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
            tw_log(TW_LOG_ERROR, "gzip data corrupt after %llu compressed bytes: %s",
                   (unsigned long long)(s->raw_pos - (s->in_len - s->in_off)),
                   s->z.msg ? s->z.msg : "inflate error");
            long got = (long)(n - s->z.avail_out);
            s->raw_eof = true;
            s->in_off = s->in_len;
            return got > 0 ? got : -1;
        } else if (rc == Z_BUF_ERROR && s->z.avail_in > 0) {
            break;
        }
    }
    return (long)(n - s->z.avail_out);
}

static long zstd_read(struct tw_src *s, uint8_t *dst, size_t n)
{
    ZSTD_outBuffer out = {dst, n, 0};
    while (out.pos < out.size) {
        long avail = in_refill(s);
        if (avail < 0) return -1;
        if (avail == 0) break;
        ZSTD_inBuffer in = {s->in + s->in_off, (size_t)avail, 0};
        size_t rc = ZSTD_decompressStream(s->zs, &out, &in);
        s->in_off += in.pos;
        if (ZSTD_isError(rc)) {
            tw_log(TW_LOG_ERROR, "zstd data corrupt: %s", ZSTD_getErrorName(rc));
            s->raw_eof = true;
            s->in_off = s->in_len;
            return out.pos ? (long)out.pos : -1;
        }
        if (in.pos == 0 && out.pos == 0 && rc == 0) break;
    }
    return (long)out.pos;
}

long tw_src_read(struct tw_src *s, uint8_t *dst, size_t n)
{
    switch (s->comp) {
    case TW_COMP_GZIP:
        return gz_read(s, dst, n);
    case TW_COMP_ZSTD:
        return zstd_read(s, dst, n);
    case TW_COMP_NONE:
    default:
        if (s->in_off < s->in_len) {
            size_t k = TW_MIN(n, s->in_len - s->in_off);
            memcpy(dst, s->in + s->in_off, k);
            s->in_off += k;
            return (long)k;
        }
        return raw_read(s, dst, n);
    }
}
