/* Helpers shared by the -z statistics reports. */
#include "stats.h"

#include "../filter/filter.h"

#include <inttypes.h>
#include <stdio.h>

struct tw_filter *tw_stats_filter(const char *text, struct tw_zneeds *need, char *err,
                                  size_t errlen)
{
    char msg[512];
    struct tw_filter *f = tw_filter_compile(text, msg, sizeof msg);
    if (!f) {
        snprintf(err, errlen, "the report's filter \"%s\" is wrong: %s", text, msg);
        return NULL;
    }
    tw_filter_wants(f, need->want);
    return f;
}

bool tw_stats_match(struct tw_filter *f, const struct tw_pkt *p)
{
    return !f || tw_filter_run(f, p);
}

void tw_stats_filter_free(struct tw_filter *f)
{
    tw_filter_free(f);
}

void tw_stats_size(char *dst, size_t len, uint64_t n)
{
    static const char *const pfx[] = {" TB", " GB", " MB", " kB"};
    const uint64_t k = 1000;
    uint64_t div[] = {k * k * k * k, k * k * k, k * k, k};
    for (int i = 0; i < 4; i++) {
        if (n / div[i] >= 10) {
            snprintf(dst, len, "%" PRIu64 "%s", n / div[i], pfx[i]);
            return;
        }
    }
    snprintf(dst, len, "%" PRIu64 " bytes", n);
}
