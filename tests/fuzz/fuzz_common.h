/* Shared by the libFuzzer targets: a registry, a packet with everything wanted, and sinks that
 * format every record (tree, JSON, fields) into /dev/null, so output code is fuzzed too. */
#ifndef TW_FUZZ_COMMON_H
#define TW_FUZZ_COMMON_H

#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include "output/output.h"

struct fz {
    struct tw_arena arena;
    struct tw_pkt pkt;
    uint8_t *want;
    struct tw_out out;
    struct tw_output_cfg cfg_tree, cfg_json, cfg_line;
    struct tw_sink *tree, *json, *line;
};

static struct fz *fz_get(void)
{
    static struct fz *z;
    if (z) return z;
    tw_log_verbosity = -1; /* damaged input is the normal case here: keep the log quiet */
    z = calloc(1, sizeof *z);
    if (!tw_registry_init()) abort();
    tw_arena_init(&z->arena, 1 << 20);
    tw_pkt_init(&z->pkt, &z->arena, 65536);
    z->want = calloc(tw_field_count() + 1, 1);
    z->pkt.want = z->want;
    z->pkt.want_all = true;
    z->pkt.has_tree = true;
    z->pkt.want_cols = true;
    tw_pkt_prime(&z->pkt);
    tw_out_init(&z->out, open("/dev/null", O_WRONLY));
    z->cfg_tree.format = TW_OUT_TREE;
    z->cfg_tree.hex = true;
    z->cfg_json.format = TW_OUT_JSON;
    z->cfg_line.format = TW_OUT_LINE;
    char err[128];
    z->tree = tw_sink_open(&z->cfg_tree, &z->out, err, sizeof err);
    z->json = tw_sink_open(&z->cfg_json, &z->out, err, sizeof err);
    z->line = tw_sink_open(&z->cfg_line, &z->out, err, sizeof err);
    if (!z->tree || !z->json || !z->line) abort();
    return z;
}

static void fz_dissect_and_print(struct fz *z, const struct tw_frame *f, const struct tw_iface *ifc)
{
    tw_arena_reset(&z->arena);
    z->pkt.iface = ifc;
    tw_dissect_frame(&z->pkt, f);
    tw_sink_packet(z->tree, &z->pkt);
    tw_sink_packet(z->json, &z->pkt);
    tw_sink_packet(z->line, &z->pkt);
    z->out.b.len = 0; /* nothing needs to reach /dev/null */
}

#endif
