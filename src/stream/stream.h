/* TCP streams as each target sees them: per-connection, per-direction reassembly with target
 * (OS) overlap policies, PAWS per policy, checksum modes, RST/FIN handling, caps; and IP
 * defragmentation with target policies. docs/stream-engine.md is the design and the facts.
 *
 * Use: tw_stream_open(cfg), then tw_stream_packet() for every packet after dissection (it reads
 * the packet's TCP and IP tap items), tw_stream_close() at the end. A connection is handed to
 * cfg->on_conn when it is finished (both sides closed and idle, idle timeout, eviction, or end of
 * input); the callback reads its directions, views and events through the accessors below. */
#ifndef TW_STREAM_H
#define TW_STREAM_H

#include "../dissect/dissect.h"

#include <stdbool.h>
#include <stdint.h>

/* TCP target policies (Novak & Sturges; Snort 3's names). */
enum tw_spol {
    TW_SPOL_FIRST,
    TW_SPOL_LAST,
    TW_SPOL_BSD,
    TW_SPOL_LINUX,
    TW_SPOL_OLD_LINUX,
    TW_SPOL_WINDOWS,
    TW_SPOL_WIN2003,
    TW_SPOL_VISTA,
    TW_SPOL_SOLARIS,
    TW_SPOL_HPUX10,
    TW_SPOL_HPUX11,
    TW_SPOL_IRIX,
    TW_SPOL_MACOS,
    TW_SPOL_COUNT,
    TW_SPOL_BSD_RIGHT = TW_SPOL_COUNT, /* fragments only (HP JetDirect); TCP treats it as bsd */
};
#define TW_SPOL_ALL ((1u << TW_SPOL_COUNT) - 1u)

/* IP fragment target policies (Novak, "Target-Based Fragmentation Reassembly"). */
enum tw_fpol {
    TW_FPOL_FIRST,
    TW_FPOL_LAST,
    TW_FPOL_BSD,
    TW_FPOL_BSD_RIGHT,
    TW_FPOL_LINUX,
    TW_FPOL_WINDOWS,
    TW_FPOL_SOLARIS,
    TW_FPOL_COUNT
};
#define TW_FPOL_ALL ((1u << TW_FPOL_COUNT) - 1u)

enum tw_cksum_mode { TW_CKMODE_ALL, TW_CKMODE_NONE, TW_CKMODE_OFFLOAD };

/* "linux" -> TW_SPOL_LINUX (also "bsd-right"); -1 when unknown */
int tw_spol_parse(const char *name, size_t n);
const char *tw_spol_name(unsigned pol);
const char *tw_fpol_name(unsigned pol);
/* the fragment policy a TCP target policy's host uses (Suricata's and Snort's mapping) */
enum tw_fpol tw_spol_frag(unsigned pol);

/* ---------------------------------------------------------------------------------------------
 * Host -> policy map (--stream-policy POLICY[@CIDR], longest prefix wins) and the run's options.
 * ------------------------------------------------------------------------------------------- */
#define TW_STREAM_MAX_MAP 256
struct tw_policy_map {
    struct {
        uint8_t family; /* 4 or 6 */
        uint8_t bits;
        uint8_t pol; /* enum tw_spol (or TW_SPOL_BSD_RIGHT) */
        uint8_t addr[16];
    } e[TW_STREAM_MAX_MAP];
    uint32_t n;
    uint8_t def; /* default policy (bsd unless POLICY without @CIDR was given) */
};

/* The options main.c parsed; the engine and the reports read them (one per process). */
struct tw_stream_opts {
    struct tw_policy_map map;
    enum tw_cksum_mode cksum_mode;
    int follow_policy; /* --policy: -z follow,tcp as this target sees it (enum tw_spol); -1 none */
};
extern struct tw_stream_opts tw_stream_opts;
/* parses one --stream-policy argument into tw_stream_opts; false with a message */
bool tw_stream_policy_arg(const char *arg, char *err, size_t errlen);
bool tw_stream_cksum_arg(const char *arg);
/* the policy of a receiving host */
unsigned tw_policy_lookup(const struct tw_policy_map *m, const struct tw_addr *a);

/* ---------------------------------------------------------------------------------------------
 * Engine
 * ------------------------------------------------------------------------------------------- */
enum tw_sev_kind {
    TW_SEV_BAD_CKSUM_DATA, /* a segment with data and a bad checksum (receiver drops it) */
    TW_SEV_BAD_CKSUM_RST,
    TW_SEV_BAD_CKSUM_FIN,
    TW_SEV_BAD_CKSUM_SYN,
    TW_SEV_PAWS,          /* timestamp older than the last: dropped by the policies in `pols` */
    TW_SEV_OUT_OF_WINDOW, /* beyond the receiver's advertised window */
    TW_SEV_OVERLAP,       /* out-of-order data overlapping queued data with different bytes */
    TW_SEV_OLD_CONFLICT,  /* a retransmission whose bytes differ from those already delivered */
    TW_SEV_DATA_AFTER_RST,
    TW_SEV_DATA_ON_SYN, /* kept by the policies in `pols` */
    TW_SEV_URGENT,
    TW_SEV_GAP, /* bytes never seen: the stream skips them */
    TW_SEV_CAP, /* a cap was hit: queued data forced out (a gap) */
    TW_SEV_RST, /* a RST the receiver accepts: its stream ends (information) */
    TW_SEV_RST_OUT_OF_WINDOW,
    TW_SEV_COUNT
};
const char *tw_sev_name(enum tw_sev_kind k);

struct tw_sevent {
    uint8_t kind;  /* enum tw_sev_kind */
    uint8_t dir;   /* direction of the segment: 0 client->server, 1 server->client */
    uint16_t pols; /* policies concerned (drop / keep, by kind); 0 = all */
    uint64_t frame;
    uint64_t off; /* stream offset of the segment's data (relative to ISN+1) */
    uint32_t len;
    uint32_t tsval, tslast; /* TW_SEV_PAWS */
};

struct tw_stream;
struct tw_sconn;
struct tw_sview;
struct tw_sdgram;

struct tw_stream_cfg {
    uint32_t policies;  /* policies to reassemble (bit per enum tw_spol); 0 = each receiver's own */
    uint32_t max_conns; /* live connections; beyond: least recently used is finished early */
    uint32_t max_segs;  /* out-of-order segments queued per direction and view */
    uint32_t max_queue; /* out-of-order bytes queued per direction and view */
    uint32_t keep;      /* delivered bytes kept per direction and view for the callback */
    uint32_t max_events;  /* events kept per connection (more are counted) */
    uint32_t idle;        /* seconds of capture time without a packet before a connection ends */
    uint32_t closed_idle; /* same after RST or both FINs */
    enum tw_cksum_mode cksum_mode;
    const struct tw_policy_map *map;
    bool defrag; /* also run IP defragmentation (every fragment policy) */
    bool chunks; /* log which frame delivered which kept bytes (tw_sview_chunks; needs keep) */
    uint32_t max_frag_trackers, max_frags, frag_timeout;
    void (*on_conn)(void *user, const struct tw_sconn *c);
    void (*on_dgram)(void *user, const struct tw_sdgram *d);
    void *user;
};
void tw_stream_defaults(struct tw_stream_cfg *cfg);

struct tw_stream *tw_stream_open(const struct tw_stream_cfg *cfg);
/* one packet (its taps must include TCP and IP items); frame = 1-based number */
void tw_stream_packet(struct tw_stream *s, const struct tw_pkt *p, uint64_t frame);
/* finishes every live connection and datagram (callbacks run), then frees everything */
void tw_stream_close(struct tw_stream *s);

struct tw_stream_stats {
    uint64_t conns, evicted, timed_out, segs, dropped_cksum, dropped_paws, dropped_window, overlaps,
        caps_hit, frags, dgrams, frag_evicted, frag_timed_out;
};
const struct tw_stream_stats *tw_stream_stats(const struct tw_stream *s);

/* Connection accessors (valid inside on_conn). */
uint32_t tw_sconn_index(const struct tw_sconn *c); /* tcp.stream */
/* endpoint d (0 = client, the first packet's source) */
const struct tw_addr *tw_sconn_addr(const struct tw_sconn *c, unsigned d);
uint16_t tw_sconn_port(const struct tw_sconn *c, unsigned d);
uint64_t tw_sconn_first_frame(const struct tw_sconn *c);
const struct tw_sevent *tw_sconn_events(const struct tw_sconn *c, uint32_t *n, uint32_t *lost);
/* views of direction d (data sent by endpoint d): policy groups with identical handling */
uint32_t tw_sconn_nviews(const struct tw_sconn *c, unsigned d);
const struct tw_sview *tw_sconn_view(const struct tw_sconn *c, unsigned d, uint32_t i);
/* the view a policy ended in */
const struct tw_sview *tw_sconn_view_of(const struct tw_sconn *c, unsigned d, unsigned pol);
uint32_t tw_sview_policies(const struct tw_sview *v);
uint64_t tw_sview_delivered(const struct tw_sview *v); /* bytes delivered in all */
/* 64-bit digest of every delivered byte (independent of segmentation; not cryptographic) */
uint64_t tw_sview_hash(const struct tw_sview *v);
/* the first `keep` delivered bytes (truncated = more were delivered) */
const uint8_t *tw_sview_bytes(const struct tw_sview *v, uint32_t *len, bool *truncated);
bool tw_sview_reset(const struct tw_sview *v); /* ended by a RST */

/* With cfg.chunks: the kept bytes cut where they came from, in delivery order. `frame` carried
 * them, `at` is the packet whose processing delivered them in order (UINT64_MAX: delivered when
 * the connection ended, past a gap), `off` their stream offset (relative to ISN+1; a jump from
 * the previous chunk's end is a gap). Contiguous bytes of one frame delivered by one packet are
 * one chunk. The lengths add up to tw_sview_bytes' length. NULL when the log could not be kept
 * (out of memory); empty before any byte. */
struct tw_schunk {
    uint64_t frame, at, off;
    uint32_t len;
};
const struct tw_schunk *tw_sview_chunks(const struct tw_sview *v, uint32_t *n);

/* A fragmented datagram whose fragments overlapped (only those are reported). */
struct tw_sdgram {
    uint8_t version;
    struct tw_addr src, dst;
    uint8_t proto;
    uint32_t id;
    uint64_t first_frame;
    bool conflict; /* overlapping fragments carried different bytes */
    bool complete;
    uint32_t nframes;
    uint64_t frames[16]; /* the first 16 fragments' frames */
    /* per fragment policy: the reassembled payload (NULL if incomplete for that policy) */
    const uint8_t *bytes[TW_FPOL_COUNT];
    uint32_t len[TW_FPOL_COUNT];
};

/* ---------------------------------------------------------------------------------------------
 * Fragment reassembly core (defrag.c), usable alone by tests: fragments in arrival order, each
 * policy's bytes out.
 * ------------------------------------------------------------------------------------------- */
struct tw_frag {
    uint32_t off, len;
    const uint8_t *data;
    bool more;
};
/* Reassembles under `pol` into out (cap bytes); returns the length, or -1 when a hole remains or
 * the last fragment is missing. *conflict tells whether overlapping bytes differed. */
int64_t tw_frag_assemble(unsigned pol, const struct tw_frag *f, uint32_t n, uint8_t *out,
                         uint32_t cap, bool *conflict);

/* Overlap core (stream.c), usable alone by tests: one direction's out-of-order queue under one
 * policy. Segments are (offset, bytes); the queue delivers in order from offset 0. */
struct tw_squeue;
struct tw_squeue *tw_squeue_new(unsigned pol, uint32_t max_segs, uint32_t max_bytes);
/* false: a cap refused the segment */
bool tw_squeue_add(struct tw_squeue *q, uint64_t off, const uint8_t *data, uint32_t len);
/* bytes delivered in order so far (into out, up to cap); returns the count */
uint32_t tw_squeue_delivered(const struct tw_squeue *q, uint8_t *out, uint32_t cap);
void tw_squeue_free(struct tw_squeue *q);

#endif
