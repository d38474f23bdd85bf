/* libFuzzer target: the dissector entry point. The first two bytes choose the link type (from
 * the ones trawl dissects, so every dissector is reachable), the third the FCS setting, the
 * rest is the frame; it is dissected with everything wanted and printed as tree, JSON and
 * summary line. Wire length is varied too, so "truncated" and "malformed" paths both run. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const uint32_t linktypes[] = {1, 0, 9, 50, 101, 105, 108, 113, 127, 192, 228, 229, 276, 147, 10, 239};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 3) return 0;
    struct fz *z = fz_get();
    struct tw_frame f;
    memset(&f, 0, sizeof f);
    f.linktype = linktypes[data[0] % (sizeof linktypes / sizeof linktypes[0])];
    f.fcs_len = data[1] % 3 == 0 ? -1 : (data[1] % 3 == 1 ? 0 : 4);
    uint8_t lenmode = data[2] % 4;
    data += 3, size -= 3;
    /* a private copy so reads past the end are caught exactly */
    uint8_t *copy = malloc(size ? size : 1);
    memcpy(copy, data, size);
    f.data = copy;
    f.caplen = (uint32_t)size;
    f.wirelen = lenmode == 0 ? f.caplen : lenmode == 1 ? f.caplen + 100 : lenmode == 2 ? f.caplen / 2 : 65535;
    f.recno = 1;
    fz_dissect_and_print(z, &f, NULL);
    free(copy);
    return 0;
}
