/* output: sinks that print decoded packets (summary lines, trees, fields, JSON, EK, hex dumps)
 * and the registry listings (-G). This header is the only door into src/output/. Sinks read
 * layers and field records; they never parse packet bytes. */
#ifndef TW_OUTPUT_H
#define TW_OUTPUT_H

#include "../dissect/dissect.h"

enum tw_out_format {
    TW_OUT_LINE,   /* default: one summary line per packet */
    TW_OUT_TREE,   /* -V */
    TW_OUT_FIELDS, /* -T fields */
    TW_OUT_JSON,   /* -T json */
    TW_OUT_EK,     /* -T ek */
    TW_OUT_NONE,   /* -q, or -x alone */
};

enum tw_time_fmt {
    TW_TIME_REL,        /* -t r (default) */
    TW_TIME_ABS,        /* -t a */
    TW_TIME_ABS_DATE,   /* -t ad */
    TW_TIME_DELTA,      /* -t d */
    TW_TIME_DELTA_DISP, /* -t dd */
    TW_TIME_EPOCH,      /* -t e */
    TW_TIME_UTC,        /* -t u */
    TW_TIME_UTC_DATE,   /* -t ud */
};

struct tw_output_cfg {
    enum tw_out_format format;
    bool hex;           /* -x */
    bool print_summary; /* -P: the summary line above trees and dumps */
    bool resolve_names; /* !-n: MAC vendor names in columns and *_resolved fields */
    enum tw_time_fmt time_fmt;
    /* -T fields */
    const char **efields; /* as many as the command line has (argv lives on) */
    uint32_t nefields;
    bool header;       /* -E header=y */
    char separator;    /* -E separator= (default tab) */
    char occurrence;   /* 'f', 'l', or 'a' (default) */
    char aggregator;   /* -E aggregator= (default ',') */
    char quote;        /* 0, '"' or '\'' */
    bool bare_escape;  /* -E escape=n turns off escaping of \t \n in values */
};

struct tw_sink;

/* Creates the sink for cfg writing to out. On a bad field name etc. returns NULL with msg. */
struct tw_sink *tw_sink_open(const struct tw_output_cfg *cfg, struct tw_out *out, char *err,
                             size_t errlen);
/* The per-field "wanted" flags this sink needs (tw_field_count() bytes), want_all and
 * want_cols; callers OR in what filters need. */
void tw_sink_wants(const struct tw_sink *s, uint8_t *want, bool *want_all, bool *want_cols);
void tw_sink_packet(struct tw_sink *s, const struct tw_pkt *p);
void tw_sink_close(struct tw_sink *s);

/* -G fields / -G protocols */
void tw_print_glossary(struct tw_out *out, const char *what);

/* Value formatting shared by every sink and the filter (string(), error messages). */
/* Value as tshark -T fields prints it. */
void tw_fmt_value(struct tw_buf *b, const struct tw_rec *r);
/* The tree line for a record ("Source Address: 127.0.0.1", "0100 .... = Version: 4"). */
void tw_fmt_label(struct tw_buf *b, const struct tw_pkt *p, const struct tw_rec *r);
/* Columns of the summary line. */
void tw_fmt_addr(struct tw_buf *b, const struct tw_addr *a, bool resolve);
void tw_fmt_time_col(struct tw_buf *b, const struct tw_pkt *p, enum tw_time_fmt tf);

/* ---------------------------------------------------------------------------------------------
 * -z: statistics and reports over the whole run (tshark's -z). Each kind is a module with a
 * const ops struct, listed once in zstat.c. A module parses its argument, says what it needs from
 * dissection, sees every packet read (after -f; `displayed` tells whether it passed -Y: tshark's
 * taps see packets the display filter hides), and prints its report after the packets.
 * ------------------------------------------------------------------------------------------- */
struct tw_zneeds {
    uint8_t *want; /* per-field flags, tw_field_count()+1 bytes: set want[id] for fields read */
    uint32_t taps; /* bits (1u << enum tw_tap_id) of the tap items the module reads */
    bool cksum;    /* tap items must carry checksum verdicts */
    bool layers;   /* every protocol layer dissected, whatever fields are wanted (io,phs) */
    bool all;      /* every field recorded (a report built from the whole tree) */
    bool tree;     /* tshark would build a protocol tree for this report (a tap with a filter,
                    * or one that reads fields): decides tw_pkt.has_tree with the rest */
};

struct tw_zstat_ops {
    const char *name;  /* the argument up to its parameters: "conv", "io,phs", "follow" */
    const char *usage; /* e.g. "conv,TYPE[,FILTER]"; listed by -z help */
    /* parses the whole argument; NULL with a message in err when it is wrong */
    void *(*open)(const char *arg, struct tw_zneeds *need, char *err, size_t errlen);
    void (*packet)(void *st, const struct tw_pkt *p, bool displayed);
    void (*finish)(void *st, struct tw_out *out); /* the report */
    void (*close)(void *st);
};

struct tw_zstat;
/* the module for `arg` (longest name that is the argument or is followed by a comma in it) */
struct tw_zstat *tw_zstat_open(const char *arg, struct tw_zneeds *need, char *err, size_t errlen);
void tw_zstat_packet(struct tw_zstat *z, const struct tw_pkt *p, bool displayed);
void tw_zstat_finish(struct tw_zstat *z, struct tw_out *out);
void tw_zstat_close(struct tw_zstat *z);
/* --export-objects PROTO,DIR: a report like the -z ones (it prints nothing; -z export,PROTO
 * lists what it wrote) */
struct tw_zstat *tw_export_objects_open(const char *arg, struct tw_zneeds *need, char *err,
                                        size_t errlen);
/* -z help: every module's usage */
void tw_zstat_list(struct tw_out *out);

#endif
