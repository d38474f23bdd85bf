/* filter: Wireshark 4.0's display filter language (-Y), compiled to a small register bytecode
 * and run by a forward-only interpreter. See docs/filter-language.md. */
#ifndef TW_FILTER_H
#define TW_FILTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct tw_pkt;
struct tw_filter;

/* Compile `text`. On error returns NULL and writes tshark's message, then the filter and a
 * caret line under the offending span (when there is one) into err ("MSG\n    TEXT\n    ^~~\n").
 * Call after tw_registry_init(). */
struct tw_filter *tw_filter_compile(const char *text, char *err, size_t errlen);
/* Does the decoded packet pass? No allocation per call. */
bool tw_filter_run(struct tw_filter *f, const struct tw_pkt *p);
/* Mark the registry fields the program reads (want[id] = 1): dissectors must record them. */
void tw_filter_wants(const struct tw_filter *f, uint8_t *want);
/* Ask the packet to index the fields the program reads (tw_pkt_index_field), so that each read
 * walks just that field's records. Optional (reads scan the records otherwise); once, before
 * the first packet, for the one filter run on every packet. */
void tw_filter_index(const struct tw_filter *f, struct tw_pkt *p);
/* Print the program (instructions, constants), as Wireshark's dftest does. */
void tw_filter_explain(const struct tw_filter *f, FILE *out);
void tw_filter_free(struct tw_filter *f);

#endif
