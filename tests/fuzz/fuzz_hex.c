/* libFuzzer target: the hex-text reader on arbitrary text, frames dissected and printed. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct fz *z = fz_get();
    struct tw_capture_opts o = {.hex = true, .hex_linktype = 1};
    char err[256];
    struct tw_capture *c = tw_capture_open_mem(data, size, &o, err, sizeof err);
    if (c) {
        struct tw_frame f;
        for (int i = 0; i < 1000 && tw_capture_next(c, &f) == 1; i++)
            fz_dissect_and_print(z, &f, NULL);
        tw_capture_close(c);
    }
    return 0;
}
