/* Per-packet bump allocator with a fixed ceiling (see core.h). */
#include "core.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

bool tw_arena_init(struct tw_arena *a, size_t size)
{
    a->buf = malloc(size);
    a->used = 0;
    a->size = a->buf ? size : 0;
    a->failed = 0;
    a->big = NULL;
    a->big_bytes = 0;
    return a->buf != NULL;
}

/* a block of its own: the chain link, then the bytes (16-byte aligned) */
struct big_block {
    struct big_block *next;
    max_align_t align[];
};

void tw_arena_drop_big(struct tw_arena *a)
{
    for (struct big_block *b = a->big, *n; b; b = n) {
        n = b->next;
        free(b);
    }
    a->big = NULL;
    a->big_bytes = 0;
}

void tw_arena_free(struct tw_arena *a)
{
    tw_arena_drop_big(a);
    free(a->buf);
    a->buf = NULL;
    a->size = a->used = 0;
}

void *tw_arena_alloc(struct tw_arena *a, size_t n)
{
    size_t start = (a->used + 15) & ~(size_t)15;
    if (start > a->size || n > a->size - start) {
        struct big_block *b = NULL;
        if (n <= TW_ARENA_BIG_MAX - a->big_bytes) b = malloc(sizeof *b + n);
        if (!b) {
            a->failed++;
            return NULL;
        }
        b->next = a->big;
        a->big = b;
        a->big_bytes += n;
        return b->align;
    }
    a->used = start + n;
    return a->buf + start;
}

char *tw_arena_printf(struct tw_arena *a, const char *fmt, ...)
{
    va_list ap;
    size_t room = a->size > a->used ? a->size - a->used : 0;
    char *p = (char *)a->buf + a->used;
    va_start(ap, fmt);
    int n = room ? vsnprintf(p, room, fmt, ap) : -1;
    va_end(ap);
    if (n < 0 || (size_t)n >= room) {
        a->failed++;
        return NULL;
    }
    a->used += (size_t)n + 1;
    return p;
}
