/* capture: reading frames from files (pcap, pcapng, hex text; plain, gzip or zstd; or stdin).
 * This header is the only door into src/capture/. It knows link-type numbers but no protocol. */
#ifndef TW_CAPTURE_H
#define TW_CAPTURE_H

#include "../core/core.h"

/* A string slice from the file (options, comments): pointer + length, not NUL-terminated. */
struct tw_slice {
    const char *p;
    uint32_t n;
};

#define TW_FRAME_MAX_COMMENTS 8

/* One frame as the capture file recorded it. `data` and the slices stay valid until the next
 * tw_capture_next() call. */
struct tw_frame {
    const uint8_t *data;
    uint32_t caplen;   /* bytes in data */
    uint32_t wirelen;  /* bytes on the wire as recorded (a lying file may say < caplen) */
    struct tw_time ts; /* absolute time (if_tsoffset applied) */
    uint64_t ts_raw;   /* the time as recorded, in the interface's if_tsresol units, without
                        * if_tsoffset (pcap: seconds * units + fraction); the writer keeps it */
    uint32_t linktype; /* LINKTYPE_* (pcap/pcapng numbering) */
    uint32_t iface;    /* global interface index (pcapng: across sections), 0 for pcap */
    uint64_t recno;    /* 1-based frame number */
    uint64_t file_off; /* offset of the record in the (decompressed) stream */
    int fcs_len;       /* bytes of FCS at the end of the frame: -1 unknown, 0, 2, 4 */
    bool has_flags;
    uint32_t flags; /* epb_flags */
    uint32_t ncomments;
    struct tw_slice comments[TW_FRAME_MAX_COMMENTS];
    /* Link types whose records start with a pseudo-header that Wireshark's reader moves out of
     * the packet (SunATM's 4 bytes): it is here, and not counted in caplen/wirelen. */
    const uint8_t *phdr;
    uint32_t phdr_len;
};

/* One interface (pcapng IDB; a pcap file has exactly one). */
struct tw_iface {
    uint32_t linktype;
    uint32_t snaplen;
    char *name;  /* if_name or NULL */
    char *descr; /* if_description or NULL */
    uint64_t tsresol_units; /* timestamp units per second */
    bool tsresol_pow2;
    uint8_t tsresol_raw; /* if_tsresol byte (6 if absent) */
    int64_t tsoffset;    /* seconds */
    int fcs_len;
    uint32_t section; /* which SHB it belongs to (0-based) */
    bool swapped;     /* written in the other byte order than this host's (DLT_NULL's header
                       * is in the writer's order: BPF code depends on it) */
};

/* A pcapng Decryption Secrets Block, kept for TLS/WireGuard decryption later. */
struct tw_secret {
    uint32_t type; /* 0x544c534b TLS key log, 0x57474b4c WireGuard, ... */
    uint8_t *data;
    uint32_t len;
};

enum tw_capture_format {
    TW_FMT_PCAP,
    TW_FMT_PCAP_NSEC,
    TW_FMT_PCAP_MODIFIED,
    TW_FMT_PCAPNG,
    TW_FMT_HEX
};

enum tw_compression { TW_COMP_NONE, TW_COMP_GZIP, TW_COMP_ZSTD };

struct tw_capture_opts {
    bool hex;              /* input is hex text */
    uint32_t hex_linktype; /* link type for hex text (default 1, Ethernet) */
};

struct tw_capture_stats {
    uint64_t records;     /* frames delivered */
    uint64_t bad_records; /* records skipped or cut short */
    uint64_t blocks_skipped;
    uint64_t bytes; /* bytes consumed from the (decompressed) stream */
};

struct tw_capture;

/* Opens path ("-" is stdin). On failure returns NULL with a message in err. */
struct tw_capture *tw_capture_open(const char *path, const struct tw_capture_opts *opts,
                                   char *err, size_t errlen);
/* 1: a frame in *f; 0: end of input; -1: fatal read error (message already logged).
 * Recoverable damage is logged with the record number and byte offset, counted, and skipped. */
int tw_capture_next(struct tw_capture *c, struct tw_frame *f);
void tw_capture_close(struct tw_capture *c);
/* The same over bytes in memory (tests and fuzzing); data must outlive the capture. */
struct tw_capture *tw_capture_open_mem(const uint8_t *data, size_t len,
                                       const struct tw_capture_opts *opts, char *err,
                                       size_t errlen);

enum tw_capture_format tw_capture_format(const struct tw_capture *c);
enum tw_compression tw_capture_compression(const struct tw_capture *c);
const char *tw_capture_format_name(const struct tw_capture *c);
uint32_t tw_capture_niface(const struct tw_capture *c);
const struct tw_iface *tw_capture_iface(const struct tw_capture *c, uint32_t idx);
const struct tw_capture_stats *tw_capture_stats(const struct tw_capture *c);
/* Secrets collected so far (DSBs appear before the packets they decrypt). */
uint32_t tw_capture_nsecrets(const struct tw_capture *c);
const struct tw_secret *tw_capture_secret(const struct tw_capture *c, uint32_t idx);
/* Size of the input file if known (0 for pipes), and bytes of compressed input consumed so far,
 * for the progress line. */
uint64_t tw_capture_file_size(const struct tw_capture *c);
uint64_t tw_capture_file_pos(const struct tw_capture *c);

/* The name Wireshark gives a link type's encapsulation ("Ethernet"), and its frame.encap_type
 * number (WTAP_ENCAP_*), or -1 when unknown. */
const char *tw_linktype_name(uint32_t linktype);
int tw_linktype_to_wtap(uint32_t linktype);

/* BPF read filter (bpf.c): tcpdump's language compiled by libpcap, once per link type. */
struct tw_bpf;
struct tw_bpf *tw_bpf_open(const char *expr); /* NULL: out of memory; compiles nothing yet */
/* Compiles for an interface's link type (and byte order) unless already done. On failure, err
 * holds libpcap's message with the link type. */
bool tw_bpf_compile(struct tw_bpf *b, const struct tw_iface *ifc, char *err, size_t errlen);
/* 1: the frame passes; 0: it does not; -1: its interface's link type cannot be compiled for
 * (err set). `cap` is the capture the frame came from. */
int tw_bpf_match(struct tw_bpf *b, const struct tw_capture *cap, const struct tw_frame *f,
                 char *err, size_t errlen);
const char *tw_bpf_expr(const struct tw_bpf *b);
void tw_bpf_close(struct tw_bpf *b);

/* Capture writer (writer.c): the frames a run keeps, as pcapng (interfaces, resolutions,
 * comments and flags kept) or classic pcap (one link type; micro- or nanosecond). */
enum tw_write_format { TW_WRITE_PCAPNG, TW_WRITE_PCAP, TW_WRITE_PCAP_NSEC };
struct tw_writer;
/* Parses a -F name (pcapng, pcap, libpcap, nsecpcap); false if unknown. */
bool tw_writer_format(const char *name, enum tw_write_format *fmt);
/* path "-" is standard output. `cap` is the input the frames come from: its interfaces become
 * the output's; it must outlive the writer. */
struct tw_writer *tw_writer_open(const char *path, enum tw_write_format fmt,
                                 const struct tw_capture *cap, char *err, size_t errlen);
/* false: the frame cannot be written (err says why: a write error, or a link type that a pcap
 * file cannot hold); the output should then be abandoned. */
bool tw_writer_write(struct tw_writer *w, const struct tw_frame *f, char *err, size_t errlen);
/* Flushes and closes; false (err set) if any write failed. Frees w either way. */
bool tw_writer_close(struct tw_writer *w, char *err, size_t errlen);

#endif
