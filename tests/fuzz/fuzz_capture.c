/* libFuzzer target: the capture readers (pcap, pcapng, gzip/zstd framing) on arbitrary bytes,
 * with every frame they deliver dissected and printed. The first byte picks how the input is
 * presented: as it is, or with a pcap or pcapng magic forced at the start, so both readers get
 * deep coverage from random inputs. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1) return 0;
    struct fz *z = fz_get();
    uint8_t mode = data[0] % 3;
    data++, size--;
    uint8_t *copy = malloc(size + 1);
    memcpy(copy, data, size);
    if (size >= 4 && mode == 1) memcpy(copy, "\xd4\xc3\xb2\xa1", 4);
    if (size >= 4 && mode == 2) memcpy(copy, "\x0a\x0d\x0d\x0a", 4);
    char err[256];
    struct tw_capture *c = tw_capture_open_mem(copy, size, NULL, err, sizeof err);
    if (c) {
        struct tw_frame f;
        for (int i = 0; i < 1000 && tw_capture_next(c, &f) == 1; i++)
            fz_dissect_and_print(z, &f, tw_capture_iface(c, f.iface));
        tw_capture_close(c);
    }
    free(copy);
    return 0;
}
