/* Internal to src/output/: the sink interface every format implements. */
#ifndef TW_OUTPUT_INTERNAL_H
#define TW_OUTPUT_INTERNAL_H

#include "output.h"

struct tw_sink;

/* One const ops struct per output format; all walk the same layers and records. */
struct tw_sink_ops {
    const char *name;
    bool (*open)(struct tw_sink *s, char *err, size_t errlen);
    void (*packet)(struct tw_sink *s, const struct tw_pkt *p);
    void (*close)(struct tw_sink *s);
};

struct tw_sink {
    const struct tw_sink_ops *ops;
    const struct tw_output_cfg *cfg;
    struct tw_out *out;
    uint8_t *want; /* fields this sink needs */
    bool want_all, want_cols;
    uint64_t count; /* packets printed */
    /* -T fields: requested field id per column (-1: unknown name, printed empty) */
    int32_t *ecol;
    struct tw_buf *ecol_buf;
    /* the columns a field is printed in: fcol[first id of its name] is the first column,
     * ecol_next[column] the next one with the same field (-1 ends both lists) */
    int32_t *fcol, *ecol_next;
    /* scratch */
    struct tw_buf tmp;
    /* tree walking */
    int32_t *first_child, *next_sib;
    uint32_t tree_cap;
};

extern const struct tw_sink_ops tw_sink_line, tw_sink_tree, tw_sink_fields, tw_sink_json,
    tw_sink_ek, tw_sink_none;

bool tw_ft_is_uint(uint8_t t);
bool tw_ft_is_int(uint8_t t);

/* Child/sibling links of a packet's records (trees and JSON walk them). Roots are chained from
 * *root. */
bool tw_tree_links(struct tw_sink *s, const struct tw_pkt *p, int32_t *root);
/* The hex+ASCII dump of the frame (-x). */
void tw_hexdump(struct tw_buf *b, const uint8_t *data, uint32_t len);
/* The summary line (used by the line sink and above trees with -P). */
void tw_summary_line(struct tw_sink *s, struct tw_buf *b, const struct tw_pkt *p);

#endif
