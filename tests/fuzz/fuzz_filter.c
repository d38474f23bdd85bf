/* libFuzzer target: the display filter compiler on arbitrary text; a program that compiles is
 * explained and run over an empty packet, then freed. */
#include "dissect/dissect.h"
#include "filter/filter.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static bool init;
    static struct tw_arena arena;
    static struct tw_pkt pkt;
    static uint8_t *want;
    static FILE *devnull;
    if (!init) {
        if (!tw_registry_init()) abort();
        tw_arena_init(&arena, 1 << 16);
        tw_pkt_init(&pkt, &arena, 1024);
        want = calloc(tw_field_count() + 1, 1);
        pkt.want = want;
        static const uint8_t nothing[1];
        static struct tw_frame fr;
        fr.data = nothing;
        pkt.frame = &fr;
        devnull = fopen("/dev/null", "w");
        init = true;
    }
    if (size > 4096) return 0;
    char *text = malloc(size + 1);
    if (!text) return 0;
    memcpy(text, data, size);
    text[size] = 0;
    char err[1024];
    struct tw_filter *f = tw_filter_compile(text, err, sizeof err);
    if (f) {
        tw_filter_wants(f, want);
        if (devnull) tw_filter_explain(f, devnull);
        (void)tw_filter_run(f, &pkt);
        tw_filter_free(f);
    }
    free(text);
    return 0;
}
