/* The run: what main.c parsed, and the one function that processes a capture. */
#ifndef TW_RUN_H
#define TW_RUN_H

#include "output/output.h"

#define TW_MAX_DECODE_AS 32
#define TW_MAX_ZSTATS 256
#define TW_MAX_EXPORTS 8

struct tw_decode_as {
    int table; /* enum tw_table */
    uint32_t key;
    const char *proto;
};

struct tw_config {
    const char *input; /* -r FILE, "-" for stdin */
    bool hex;          /* --hex */
    uint32_t hex_linktype;
    struct tw_output_cfg out;
    uint64_t max_packets; /* -c, 0 = all */
    bool progress;        /* progress line on a terminal (default on) */
    bool line_buffered;   /* -l: flush after every packet */
    struct tw_decode_as decode_as[TW_MAX_DECODE_AS];
    uint32_t ndecode_as;
    const char *bpf;          /* -f: BPF read filter, NULL for none */
    const char *write_path;   /* -w FILE ("-" = stdout), NULL for none */
    enum tw_write_format write_format; /* -F */
    const char *filter;    /* -Y: display filter, NULL for none */
    const char *zargs[TW_MAX_ZSTATS]; /* -z reports, in command-line order */
    /* --stream-policy and --checksum-mode are kept in tw_stream_opts (stream/stream.h), where the
     * stream engine and the reports read them */
    uint32_t nzargs;
    const char *export_args[TW_MAX_EXPORTS]; /* --export-objects PROTO,DIR */
    uint32_t nexport;
};

/* Reads the whole input and prints it as configured. Returns the process exit status:
 * 0 ok, 1 usage/setup error, 2 the input was damaged or unreadable (after printing what could
 * be read). */
int tw_run(const struct tw_config *cfg);
/* --explain-filter: compile and print the program; 0, or 1 (message on stderr) */
int tw_explain_filter(const char *text);
/* -z help */
int tw_zstat_help(void);

#endif
