/* Helpers shared by the -z statistics reports (stats_conv.c, stats_phs.c, stats_io.c). */
#ifndef TW_OUTPUT_STATS_H
#define TW_OUTPUT_STATS_H

#include "output.h"

struct tw_filter;

/* A report's own display filter (tshark's tap filter): compiled, and its fields added to
 * need->want so the packets carry what it reads. NULL with a message in err when it does not
 * compile. */
struct tw_filter *tw_stats_filter(const char *text, struct tw_zneeds *need, char *err,
                                  size_t errlen);
/* does the packet pass the report's filter (NULL: every packet does) */
bool tw_stats_match(struct tw_filter *f, const struct tw_pkt *p);
void tw_stats_filter_free(struct tw_filter *f);

/* Wireshark's format_size(n, bytes, SI): "999 bytes", "12 kB", "34 MB", "56 GB", "78 TB"
 * (integer division, a prefix only from 10 of its unit up) */
void tw_stats_size(char *dst, size_t len, uint64_t n);

/* nstime_to_sec(): the time as a double, as Wireshark computes it */
static inline double tw_stats_secs(struct tw_time t)
{
    return (double)t.sec + (double)t.nsec / 1000000000.0;
}

#endif
