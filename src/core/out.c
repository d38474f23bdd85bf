/* Buffered output to a file descriptor: sinks append to one buffer, flushed in large writes. */
#include "core.h"

#include <errno.h>
#include <unistd.h>

void tw_out_init(struct tw_out *o, int fd)
{
    tw_buf_init(&o->b, (size_t)1 << 30);
    tw_buf_reserve(&o->b, 1 << 17);
    o->fd = fd;
    o->flush_at = 1 << 16;
    o->failed = false;
}

bool tw_out_flush(struct tw_out *o)
{
    size_t done = 0;
    while (done < o->b.len && !o->failed) {
        ssize_t n = write(o->fd, o->b.p + done, o->b.len - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            o->failed = true;
            break;
        }
        done += (size_t)n;
    }
    o->b.len = 0;
    return !o->failed;
}

void tw_out_free(struct tw_out *o)
{
    tw_out_flush(o);
    tw_buf_free(&o->b);
}
