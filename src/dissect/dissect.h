/* dissect: the field registry, dispatch tables, and the decoded packet (layer stack + flat field
 * records in a per-packet arena). This header is the only door into src/dissect/: protocol
 * files include it, and so do the filter and the output sinks, which read records, never bytes.
 *
 * A protocol is one file in src/dissect/proto/ that defines a `const struct tw_proto` and is
 * listed once in protocols.def (see docs/adding-a-dissector.md). */
#ifndef TW_DISSECT_H
#define TW_DISSECT_H

#include "../capture/capture.h"
#include "../core/core.h"

/* ---------------------------------------------------------------------------------------------
 * Field types and display bases: Wireshark's FT_* and BASE_* so that `-G fields` and users'
 * expectations carry over.
 * ------------------------------------------------------------------------------------------- */
enum tw_ft {
    TW_FT_NONE,
    TW_FT_PROTOCOL,
    TW_FT_BOOLEAN,
    TW_FT_CHAR,
    TW_FT_UINT8,
    TW_FT_UINT16,
    TW_FT_UINT24,
    TW_FT_UINT32,
    TW_FT_UINT40,
    TW_FT_UINT48,
    TW_FT_UINT56,
    TW_FT_UINT64,
    TW_FT_INT8,
    TW_FT_INT16,
    TW_FT_INT24,
    TW_FT_INT32,
    TW_FT_INT40,
    TW_FT_INT48,
    TW_FT_INT56,
    TW_FT_INT64,
    TW_FT_FLOAT,
    TW_FT_DOUBLE,
    TW_FT_ABSOLUTE_TIME,
    TW_FT_RELATIVE_TIME,
    TW_FT_STRING,
    TW_FT_STRINGZ,
    TW_FT_UINT_STRING,
    TW_FT_ETHER,
    TW_FT_BYTES,
    TW_FT_UINT_BYTES,
    TW_FT_IPv4,
    TW_FT_IPv6,
    TW_FT_FRAMENUM,
    TW_FT_GUID,
    TW_FT_OID,
    TW_FT_EUI64,
    TW_FT_COUNT
};

/* display: for integers a base; for FT_BOOLEAN the bit width of the parent field (0 if none);
 * for FT_ABSOLUTE_TIME one of TW_ABSTIME_*; for FT_FRAMENUM a TW_FRAMENUM_* kind. */
enum tw_base {
    TW_BASE_NONE = 0,
    TW_BASE_DEC = 1,
    TW_BASE_HEX = 2,
    TW_BASE_OCT = 3,
    TW_BASE_DEC_HEX = 4,
    TW_BASE_HEX_DEC = 5,
    TW_BASE_CUSTOM = 6,
    TW_BASE_OUI = 7,
    TW_BASE_PT_UDP = 8,
    TW_BASE_PT_TCP = 9,
    TW_BASE_SEP_COLON = 10, /* bytes: aa:bb:cc */
    TW_BASE_SEP_DASH = 11,
    TW_BASE_SEP_DOT = 12,
    TW_BASE_SEP_SPACE = 13,
};
/* flag or'ed into a bytes field's display: an empty value is shown as "<none>" (Wireshark's
 * BASE_ALLOW_ZERO) */
#define TW_BASE_ALLOW_ZERO 0x1000
enum { TW_ABSTIME_LOCAL = 1000, TW_ABSTIME_UTC = 1001, TW_ABSTIME_DOY_UTC = 1002 };

/* value_string / range_string / true_false_string, as in Wireshark */
struct tw_vs {
    uint32_t val;
    const char *str;
};
struct tw_rs {
    uint32_t lo, hi;
    const char *str;
};
struct tw_tfs {
    const char *t, *f;
};
extern const struct tw_tfs tw_tfs_set_notset; /* "Set" / "Not set" */
extern const struct tw_tfs tw_tfs_yes_no;
extern const struct tw_tfs tw_tfs_true_false;
const char *tw_vs_find(const struct tw_vs *vs, uint32_t v);
const char *tw_rs_find(const struct tw_rs *rs, uint32_t v);

/* One field, declared as const data by its protocol. Everything (filter names and types, -V,
 * -T fields, JSON keys, -G fields) is driven from this one table. */
struct tw_field_def {
    const char *abbrev; /* Wireshark's filter name: "ip.src" */
    const char *name;   /* display name: "Source Address" */
    uint8_t type;       /* enum tw_ft */
    uint16_t display;   /* enum tw_base, bool width, or TW_ABSTIME_* */
    uint64_t mask;      /* bitmask within the parent integer, 0 for none */
    const struct tw_vs *vals;
    const struct tw_rs *rvals;
    const struct tw_tfs *tfs;
    const char *blurb;
    const char *unit; /* appended in labels: " bytes" */
};

/* Shorthands for a field table entry of the common kinds: abbreviation and name only */
#define TW_FD_U8D(a, n) {a, n, TW_FT_UINT8, TW_BASE_DEC}
#define TW_FD_U16D(a, n) {a, n, TW_FT_UINT16, TW_BASE_DEC}
#define TW_FD_U32D(a, n) {a, n, TW_FT_UINT32, TW_BASE_DEC}
#define TW_FD_BYTES(a, n) {a, n, TW_FT_BYTES, TW_BASE_NONE}
#define TW_FD_NONE(a, n) {a, n, TW_FT_NONE, TW_BASE_NONE}
#define TW_FD_IPV4(a, n) {a, n, TW_FT_IPv4, TW_BASE_NONE}

/* Expert infos: named events with Wireshark's expert field names, severities and groups. */
/* Values are Wireshark's PI_* numbers (_ws.expert.severity / .group print them). */
enum tw_sev {
    TW_SEV_COMMENT = 0x00100000,
    TW_SEV_CHAT = 0x00200000,
    TW_SEV_NOTE = 0x00400000,
    TW_SEV_WARN = 0x00600000,
    TW_SEV_ERROR = 0x00800000
};
enum tw_grp {
    TW_GRP_CHECKSUM = 0x01000000,
    TW_GRP_SEQUENCE = 0x02000000,
    TW_GRP_RESPONSE_CODE = 0x03000000,
    TW_GRP_REQUEST_CODE = 0x04000000,
    TW_GRP_UNDECODED = 0x05000000,
    TW_GRP_REASSEMBLE = 0x06000000,
    TW_GRP_MALFORMED = 0x07000000,
    TW_GRP_DEBUG = 0x08000000,
    TW_GRP_PROTOCOL = 0x09000000,
    TW_GRP_SECURITY = 0x0a000000,
    TW_GRP_COMMENTS_GROUP = 0x0b000000,
    TW_GRP_DECRYPTION = 0x0c000000,
    TW_GRP_ASSUMPTION = 0x0d000000,
    TW_GRP_DEPRECATED = 0x0e000000
};
extern const struct tw_vs tw_expert_sev_vals[];
extern const struct tw_vs tw_expert_grp_vals[];
struct tw_expert_def {
    const char *abbrev; /* Wireshark's expert field: "ip.bogus_ip_version" */
    const char *event;  /* trawl's event name: "decoder.ip.bad_version" */
    uint32_t sev, grp;  /* enum tw_sev, enum tw_grp */
    const char *summary;
};

/* ---------------------------------------------------------------------------------------------
 * Dispatch tables: a protocol binds itself to keys; no dissector calls another by name.
 * ------------------------------------------------------------------------------------------- */
enum tw_table {
    TW_TBL_NONE = 0,
    TW_TBL_LINKTYPE,  /* pcap LINKTYPE_* */
    TW_TBL_ETHERTYPE, /* 16-bit EtherType (Ethernet, VLAN, SLL, GRE, SNAP with OUI 0) */
    TW_TBL_IP_PROTO,  /* IPv4 protocol / IPv6 next header */
    TW_TBL_UDP_PORT,
    TW_TBL_TCP_PORT,
    TW_TBL_PPP_PROTO,   /* PPP protocol field */
    TW_TBL_LLC_SAP,     /* 802.2 DSAP */
    TW_TBL_SNAP,        /* OUI << 16 | PID for non-zero OUIs */
    TW_TBL_NULL_FAMILY, /* BSD loopback address family (host order decoded) */
    TW_TBL_WTAP_ENCAP,  /* Wireshark encapsulation, for sub-dissection by encapsulation */
    TW_TBL_NAME,        /* protocols addressed by a private key (e.g. 802.11 after radiotap) */
    TW_TBL_MEDIA_TYPE,  /* MIME media type of a body (HTTP), key
                           tw_media_key("application/ocsp-request") */
    TW_TBL_COUNT
};

#define TW_WS_DEFLATE       0x01 /* permessage-deflate was agreed */
#define TW_WS_SERVER_NO_CTX 0x02 /* ... with server_no_context_takeover */
#define TW_WS_CLIENT_NO_CTX 0x04 /* ... with client_no_context_takeover */

/* Private keys in TW_TBL_NAME: a wrapper (radiotap, PPI) hands on to "the 802.11 dissector"
 * without naming it. */
enum {
    TW_KEY_WLAN = 1,
    TW_KEY_WLAN_NOFCS,
    TW_KEY_WLAN_FCS,
    TW_KEY_ETH,
    TW_KEY_ETH_MAYBE_FCS, /* Ethernet whose FCS presence the dissector must judge */
    TW_KEY_LLC,
    TW_KEY_IP,   /* IPv4 or IPv6 by version nibble */
    TW_KEY_DATA, /* plain data */
    TW_KEY_PPP,
    TW_KEY_ETHERTYPE_STEP, /* the "ethertype" step: dispatch on ctx.ethertype, then trailers */
    TW_KEY_8023_STEP,      /* 802.3 length framing: LLC (or raw IPX) on ctx.ethertype.type bytes,
                            * then trailers (not listed in frame.protocols) */
    TW_KEY_MPTCP,          /* a TCP option of kind 30, dissected as Wireshark's "mptcp" protocol */
    TW_KEY_X509_CERT,      /* one DER X.509 certificate (TLS Certificate message), x509af.* */
    TW_KEY_OCSP_RESPONSE,  /* a DER OCSPResponse (TLS CertificateStatus, OCSP stapling) */
    TW_KEY_WEBSOCKET,      /* WebSocket frames on a connection HTTP upgraded */
    TW_KEY_FTP_DATA,       /* an FTP data connection announced by FTP (tw_tcp_conv_expect) */
    TW_KEY_NTLMSSP,        /* an NTLMSSP message (base64 in HTTP's authentication headers) */
    TW_KEY_ABOVE_TCP_LAST = TW_KEY_NTLMSSP,
    /* (the keys from TW_KEY_X509_CERT to TW_KEY_ABOVE_TCP_LAST are reached from protocols above
     * TCP, tcp.c's above_tcp(): add such a key before the marker; keys of protocols below or
     * beside TCP go after this line) */
    TW_KEY_ISAKMP,         /* an ISAKMP message (after UDP 4500's non-ESP marker) */
    TW_KEY_EAP,            /* an EAP packet (IKEv2 EAP payload, EAPOL) */
    TW_KEY_TLS_EAP,        /* TLS records of EAP-TLS/TTLS/PEAP/FAST/TEAP (after tls_eap_outer) */
    TW_KEY_TLS_SCT,        /* an X.509 SignedCertificateTimestampList extension (tw_tls_sct_ext) */
    TW_KEY_ISL,            /* a Cisco ISL frame (Ethernet to 01:00:0c:00:00 with a length) */
    TW_KEY_ETH_FCS,        /* Ethernet ending with a 4-byte FCS (inside Cisco ISL) */
    TW_KEY_ATMARP,         /* ARP of hardware type 19 (ATM, RFC 2225) */
    TW_KEY_AX25ARP,        /* ARP of hardware type 3 (AX.25): tshark's ARP calls itself again */
    TW_KEY_RTP,            /* RTP on a conversation SDP announced (tw_udp_conv_expect) */
    TW_KEY_RTCP,           /* RTCP on a conversation SDP announced */
    TW_KEY_ETH_TRAILER,    /* an Ethernet trailer heuristic (eth.c offers the trailer bytes) */
    TW_KEY_ETH_TRAILER_VSS, /* the Ethernet trailer heuristic tshark tries first (vssmonitoring),
                            * offered the trailer also when the capture cut it */
};

struct tw_binding {
    uint8_t table; /* enum tw_table */
    uint32_t key;
};

/* ---------------------------------------------------------------------------------------------
 * Decoded packet.
 * ------------------------------------------------------------------------------------------- */
enum tw_status { TW_OK = 0, TW_TRUNCATED = 1, TW_MALFORMED = 2 };

#define TW_MAX_LAYERS 256 /* IPv6 evasion captures chain over a hundred extension headers */
#define TW_MAX_DEPTH  24  /* nested dissection (tunnels, ICMP-in-ICMP) is capped here */
#define TW_MAX_TREE   64
#define TW_MAX_CHAINS 64 /* fields a packet can index (tw_pkt_index_field) */
#define TW_CHAIN_CAP  32 /* records listed per indexed field and packet */

/* record flags */
#define TW_RF_GENERATED 0x01 /* shown in [brackets] */
#define TW_RF_HIDDEN    0x02 /* filterable and in -T fields, not in trees or JSON */
#define TW_RF_LABEL     0x04 /* label is the whole line (text item) */
#define TW_RF_EXPERT    0x08
/* a custom label too long shows " [truncated]" first, as the labels Wireshark's *_format()
 * functions set (proto_tree_set_representation); without it a long one is just cut, as text
 * appended with proto_item_append_text */
#define TW_RF_MARK_TRUNC 0x10

struct tw_rec {
    uint16_t field;
    uint8_t flags;
    uint8_t src; /* data source: 0 = the frame */
    int32_t parent;
    uint32_t off, len;
    union {
        uint64_t u;
        int64_t i;
        double d;
        struct tw_time t;
        struct {
            const uint8_t *p;
            uint32_t n;
        } b;
    } v;
    const char *label; /* custom text for trees (arena), NULL for the default "Name: value" */
};

struct tw_layer {
    uint16_t proto;
    uint8_t status; /* enum tw_status */
    uint8_t depth;  /* nesting level (0 = outermost stack) */
    bool hidden;    /* left out of frame.protocols (a dissector that refused the packet) */
    bool posted;    /* its post hook ran (a chain run by tw_dissect_here runs its own) */
    bool itemless;  /* listed in frame.protocols, but its tree item was never added (a
                     * TW_PROTO_NO_RECORD dissector that failed first): a filter does not see it */
    bool rooted;    /* nested (depth > 0), but its item hangs at the tree's root: what UDP carries
                     * inside an ICMP error, as tshark's tree shows it */
    uint8_t more_items; /* further top-level items of its protocol (several BGP messages in one
                         * segment are one layer, one "bgp" item each): -z io,phs counts them */
    bool under;     /* at depth 0, but its item hangs under another layer's (tw_dissect_under):
                     * not a top-level item of the tree (-z io,phs) */
    /* per top-level item k < 32 (the first, then the more_items): bit k of item_bad/item_short
     * when a "[Malformed Packet]"/"[Packet size limited]" line follows that item (a PDU of
     * tw_tcp_pdus that failed), of item_noline when the item itself was taken back
     * (tw_layer_unrecord): -z io,phs walks the tree's lines as tshark does */
    uint32_t item_bad, item_short, item_noline;
    bool item_kept; /* an earlier top-level item of it stays in the tree (rec is the newest) */
    uint32_t off, len;
    uint32_t avail;   /* bytes the layer was given (its cursor's claimed length) */
    uint32_t claim;   /* bytes it says it really spans (IP total length), 0 = all it was given */
    int32_t rec;      /* the protocol's record, or -1 */
    uint8_t src;      /* data source its cursor reads (0 = the frame) */
    uint32_t priv[4]; /* the dissector's notes for its post hook */
};

/* An address for the Source/Destination columns and conversations. */
enum tw_at { TW_AT_NONE, TW_AT_ETHER, TW_AT_IPv4, TW_AT_IPv6, TW_AT_STR, TW_AT_OTHER };
struct tw_addr {
    uint8_t type;
    uint8_t len;
    const uint8_t *p;
};

/* ---------------------------------------------------------------------------------------------
 * Taps: what a dissector publishes about a packet for the stages after dissection (the stream
 * engine, follow, statistics), as Wireshark's tap_queue_packet(). A dissector publishes only
 * when tw_tap_wanted() (fixed for the run); the item and what it points to live in the packet's
 * arena or the packet's data sources, valid until the next packet. A packet has one item per
 * instance of the protocol, outermost first (a tunnel gives two IP items).
 * ------------------------------------------------------------------------------------------- */
enum tw_tap_id {
    TW_TAP_ETH,
    TW_TAP_IP,
    TW_TAP_TCP,
    TW_TAP_UDP,
    /* exported objects (--export-objects, -z export): one tap per kind, items are
     * struct tw_export_obj, queued with tw_export_object() */
    TW_TAP_EO_HTTP,
    TW_TAP_EO_TLS,
    TW_TAP_EO_FTP_DATA,
    TW_TAP_COUNT
};

/* checksum verdict in a tap item: computed only when a consumer asked (tw_pkt.tap_cksum) */
enum tw_tap_cksum {
    TW_CK_UNKNOWN = 0, /* not computed: not asked, not all bytes captured, a fragment, ... */
    TW_CK_GOOD,
    TW_CK_BAD,
    TW_CK_NONE, /* UDP over IPv4 with checksum 0: the sender computed none */
};

struct tw_tap_item {
    uint8_t id; /* enum tw_tap_id */
    const void *data;
    struct tw_tap_item *next;
};

struct tw_tap_eth {
    const uint8_t *src, *dst; /* 6 bytes each */
    uint16_t type;            /* type/length field */
    uint32_t layer;           /* index in tw_pkt.layers */
};

struct tw_tap_ip {
    uint8_t version; /* 4 or 6 */
    uint8_t proto;   /* IPv4 protocol; IPv6: the upper-layer header after extension headers */
    uint8_t ttl;     /* TTL / hop limit */
    struct tw_addr src, dst;
    uint32_t len;      /* IPv4 total length; IPv6 40 + payload length (the header's claim) */
    uint32_t hdr_len;  /* header bytes (IPv6: with extension headers up to the payload) */
    uint32_t id;       /* identification (IPv6: fragment header's, 0 without one) */
    uint32_t frag_off; /* fragment offset in bytes */
    bool more_frags, dont_frag;
    bool fragment;           /* MF set or offset non-zero (IPv6: a fragment header) */
    bool reassembled;        /* IPv6: this fragment completed its datagram, reassembled here */
    enum tw_tap_cksum cksum; /* IPv4 header checksum (IPv6: TW_CK_UNKNOWN) */
    const uint8_t *payload;  /* the bytes after the header(s) in this frame */
    uint32_t payload_cap;    /* captured payload bytes (<= what the header claims) */
    bool in_error;           /* quoted inside an ICMP error */
    uint32_t layer;
};

struct tw_tap_tcp {
    uint8_t ip_version;
    struct tw_addr src, dst; /* innermost IP addresses */
    uint16_t sport, dport;
    uint32_t stream;   /* tcp.stream, UINT32_MAX when not tracked */
    uint32_t seq, ack; /* raw */
    uint16_t flags;    /* 12 bits: NS..FIN as in the header */
    uint16_t win;      /* raw window field */
    uint16_t urp;
    const uint8_t *hdr; /* the TCP header (options follow its first 20 bytes) */
    uint32_t hdr_len;   /* data offset * 4 */
    uint32_t hdr_cap;   /* header bytes captured (<= hdr_len) */
    const uint8_t *payload;
    uint32_t seg_len;     /* tcp.len: the segment's payload length as IP gives it */
    uint32_t payload_cap; /* payload bytes captured (<= seg_len) */
    enum tw_tap_cksum cksum;
    bool ip_fragment; /* the segment is a fragment IP could not reassemble */
    bool in_error;
    uint32_t layer;
};

struct tw_tap_udp {
    uint8_t ip_version;
    struct tw_addr src, dst;
    uint16_t sport, dport;
    uint32_t stream; /* udp.stream, UINT32_MAX when not tracked */
    uint16_t length; /* the header's length field (UDP-Lite: the checksum coverage) */
    bool lite;       /* UDP-Lite (Wireshark's udp tap sees it too) */
    const uint8_t *payload;
    uint32_t payload_len; /* from the length field (or IP when it is 0 / jumbogram) */
    uint32_t payload_cap;
    enum tw_tap_cksum cksum;
    bool in_error;
    uint32_t layer;
};

struct tw_run_ctx; /* per-run state the frame protocol needs (times, interfaces) */

/* A data source: bytes other than the frame that layers are dissected from (a reassembled
 * datagram), as Wireshark's "Reassembled IPv4 (1710 bytes)". Source 0 is the frame itself. */
#define TW_MAX_SOURCES 8
struct tw_source {
    const uint8_t *data; /* arena memory, valid until the next packet */
    uint32_t len;
    const char *name;
};

struct tw_pkt {
    const struct tw_frame *frame;
    const struct tw_iface *iface;
    struct tw_time rel, delta, delta_disp; /* computed by the pipeline */
    struct tw_arena *arena;

    /* what to record */
    const uint8_t *want; /* per-field flags (all set when want_all, see tw_pkt_prime) */
    uint8_t *want_every; /* the all-set array tw_pkt_prime points `want` to for want_all */
    uint8_t *want_proto; /* per protocol: any of its fields wanted (tw_pkt_prime); NULL = all */
    bool want_all;       /* trees and JSON: everything */
    bool want_cols;      /* summary line: columns */
    bool want_layers;    /* every layer must be dissected (-z io,phs), even with no field wanted */
    bool has_tree;       /* tshark would build a protocol tree (anything beyond the summary line
                          * is printed): some reads, and the errors they raise, happen only then */
    bool tree_visible;   /* ... and prints it (-V, -T fields/json/pdml): items no field, filter or
                          * tree asks for are otherwise only faked by tshark, skipping the
                          * checks that come with making them (an integer's length) */

    /* layers and records */
    struct tw_layer layers[TW_MAX_LAYERS];
    uint32_t nlayers;
    struct tw_rec *recs;
    uint32_t nrecs, maxrecs;
    uint32_t nrecs_added; /* records added to this packet: more than nrecs once some were taken
                           * back (tw_layer_unrecord) */
    uint32_t recs_dropped;
    int32_t tree[TW_MAX_TREE];
    uint32_t ntree;
    uint32_t chain_base; /* ntree where the running chain's layers hang (tw_dissect_here) */
    uint32_t depth;

    /* data sources beyond the frame ([0] is the frame; nsources counts it) */
    struct tw_source sources[TW_MAX_SOURCES];
    uint32_t nsources;
    /* where the top-level "[N Reassembled TCP Segments]" items stand among the layers, as
     * tshark's tree-less walk (-z io,phs) sees them: each before the layer of that index (after
     * the reassembled PDU's layers; before them when a FIN completes the PDU) */
    uint16_t seg_items[4];
    uint8_t nseg_items;
    uint8_t cur_src;    /* source of the running layer: new records get it */
    uint16_t cur_proto; /* the protocol running (its dissector or post hook); an expert's record
                         * keeps it in v.u, as tshark names it in -z expert */

    /* columns */
    const char *col_proto;
    bool col_proto_fixed; /* Wireshark's col_set_writable(COL_PROTOCOL, FALSE) */
    struct tw_buf info;
    uint32_t info_fence; /* Wireshark's col_set_fence(COL_INFO): clear/set keep what precedes */
    struct tw_addr dl_src, dl_dst, net_src, net_dst;
    uint32_t cols_locked; /* >0 while a nested dissection must not touch the columns */

    /* how the running dissector was reached (table and key), e.g. Ethernet from the link type
     * has an FCS question, Ethernet inside a tunnel does not */
    uint8_t via_table;
    uint32_t via_key;

    /* next-protocol request from the running dissector */
    struct {
        uint8_t table;
        uint8_t nkeys;
        uint32_t keys[2];
        struct tw_cur cur;
    } next;

    /* context shared down the stack within one packet */
    struct {
        uint32_t fcs_len;   /* FCS bytes the link layer says trail the frame */
        uint16_t vlan_id;   /* the last 802.1Q VLAN id seen (Wireshark's pinfo->vlan_id) */
        uint8_t ip_version; /* innermost IP */
        struct tw_addr ip_src, ip_dst;
        const uint8_t *ip6_final_dst; /* after a routing header: pseudo-header dest */
        const uint8_t *ip6_home_addr; /* home address option: pseudo-header source */
        uint8_t ip_proto;
        uint8_t ip_ttl;   /* IPv4 TTL / IPv6 hop limit (ICMP echo shows it in Info) */
        bool ip_fragment; /* the IP payload is a non-first fragment / incomplete */
        uint32_t ip_payload_off, ip_payload_len;
        uint16_t srcport, dstport;
        uint16_t tcp_flags; /* the TCP segment's flags (Wireshark's tcpinfo->flags) */
        /* the segment's payload in relative sequence numbers (Wireshark's tcpinfo->seq and
         * nxtseq), valid with tcp_tracked (TCP keeps this connection's conversation) */
        uint32_t tcp_seq, tcp_nxtseq;
        bool tcp_tracked;
        /* the protocol that handed its connection to TLS (Wireshark's ssl_starttls_ack() app
         * handle): TLS names it as the application data protocol */
        const char *starttls_app;
        /* the subprotocol a WebSocket handshake chose (Sec-WebSocket-Protocol: "sip"), its
         * extensions (TW_WS_*: permessage-deflate) and the server's port */
        const char *ws_protocol;
        uint8_t ws_flags;
        uint16_t ws_server_port;
        /* the TCP conversation: the frame that made it (its first packet, or the announcement
         * of tw_tcp_conv_expect) and the announcer's tag (0 for a conversation nobody
         * announced) */
        uint32_t tcp_setup_frame;
        uint64_t tcp_conv_tag;
        bool in_error_pkt; /* inside an ICMP error's quoted datagram */
        bool tls_refused;  /* TLS on a TCP port found no record: TCP's heuristics run next,
                            * TLS's own not among them (tshark's dissector returning 0) */
        /* handed from Ethernet, VLAN, SLL... to the "ethertype" step, which dispatches on the
         * type and afterwards shows what the payload did not claim as padding/trailer/FCS */
        struct {
            uint16_t type;
            uint16_t type_hf;    /* field for the type itself (eth.type, vlan.etype, sll.etype) */
            uint16_t trailer_hf; /* field for trailer bytes (eth.trailer, vlan.trailer) */
            int8_t fcs_len;      /* -1 unknown (guess), 0 none, 4 present */
            uint32_t link_off;   /* where the link header began (its frame is "the tvb") */
        } ethertype;
    } ctx;

    uint8_t status; /* worst status over all layers */
    uint32_t expert_max_sev;
    bool expert_any;

    /* taps: which ones someone consumes (bit per enum tw_tap_id, fixed for the run), whether
     * they want checksum verdicts, and this packet's items in order */
    uint32_t tap_want;
    bool tap_cksum;
    struct tw_tap_item *taps, *taps_last;
    /* a dissection error inside an ICMP error's quoted datagram escaped it: tshark's pinfo stays
     * "in error", so no tap queued afterwards sees the packet (the frame tap io,stat and io,phs
     * count on among them) */
    bool taps_lost;

    /* TCP desegmentation, between TCP and the protocol it hands a payload to (see
     * tw_deseg_request) */
    struct {
        bool can;             /* TCP can keep bytes for the running protocol */
        uint32_t base;        /* cursor offset where the protocol's data began */
        uint32_t offset;      /* request: cursor offset of the first byte not dissected */
        uint32_t len;         /* request: bytes still needed (0 = none), or TW_DESEG_* */
        uint32_t layer;       /* index of the layer that may request (TCP's sub-protocol) */
        int32_t tcp_rec;      /* TCP's record (tw_tcp_pdus adds tcp.pdu.size under it) */
        uint16_t pdu_size_hf; /* tcp.pdu.size */
    } deseg;

    /* field index (tw_pkt_index_field): per indexed field ("chain"), its records in record
     * order: chain_recs[ch * TW_CHAIN_CAP ...], chain_n[ch] of them (more than TW_CHAIN_CAP:
     * the list is incomplete, readers scan) */
    const uint8_t *rec_chain; /* per field id: its chain + 1, 0 = not indexed */
    uint8_t *rec_chain_owned; /* rec_chain once a field is indexed */
    int32_t *chain_recs;
    uint32_t nchains;
    uint32_t chain_n[TW_MAX_CHAINS];
};

static inline bool tw_tap_wanted(const struct tw_pkt *p, enum tw_tap_id id)
{
    return TW_UNLIKELY(p->tap_want >> id & 1u);
}
/* appends an item (data must outlive the packet's dissection: arena or packet bytes); false
 * when the arena is full */
bool tw_tap_queue(struct tw_pkt *p, enum tw_tap_id id, const void *data);

/* An exported object (Wireshark's export_object_entry_t): an HTTP body as tshark's export
 * writes it (de-chunked, decompressed), a file carried by FTP-DATA, a certificate. A dissector
 * that finds one calls tw_export_object() with its TW_TAP_EO_* kind; the call does nothing
 * unless --export-objects or -z export asked for that kind in this run (docs/export-objects.md).
 * Strings are C strings (NULL: none) and are copied; `data` is not copied and must stay valid
 * until the next packet (packet bytes, a data source, the arena). `filename` is the object's
 * name before the consumer makes it safe and unique (tshark's: the last component of the
 * request URI for HTTP); NULL names the object "object<frame>[.<content type>]". */
struct tw_export_obj {
    uint8_t kind; /* enum tw_tap_id, TW_TAP_EO_* */
    const char *hostname, *content_type, *filename;
    const uint8_t *data;
    uint32_t len;
    uint32_t part_of; /* 0: a whole object; else the key of an object whose parts are appended
                       * in packet order and written at the end of the run (FTP-DATA: the
                       * frame of the command the transfer answers) */
};
static inline bool tw_export_wanted(const struct tw_pkt *p, enum tw_tap_id kind)
{
    return tw_tap_wanted(p, kind);
}
bool tw_export_object(struct tw_pkt *p, enum tw_tap_id kind, const char *hostname,
                      const char *content_type, const char *filename, const uint8_t *data,
                      uint32_t len);
/* a part of the object `key` (non-zero): parts with the same key are concatenated into one
 * object, written when the run ends */
bool tw_export_object_part(struct tw_pkt *p, enum tw_tap_id kind, uint32_t key,
                           const char *hostname, const char *content_type, const char *filename,
                           const uint8_t *data, uint32_t len);
/* the packet's first item of a kind after `after` (NULL: from the start) */
const struct tw_tap_item *tw_tap_next(const struct tw_pkt *p, enum tw_tap_id id,
                                      const struct tw_tap_item *after);

/* The protocol descriptor: everything a protocol contributes, as data. */
typedef enum tw_status (*tw_dissect_fn)(struct tw_pkt *p, struct tw_cur *c);
typedef bool (*tw_heur_fn)(struct tw_pkt *p, const struct tw_cur *c);

#define TW_PROTO_NO_COLUMN   0x01 /* does not set the Protocol column (pseudo-protocols) */
#define TW_PROTO_NO_LAYER    0x02 /* not listed in frame.protocols */
#define TW_PROTO_NO_RECORD   0x04 /* no protocol line in trees (Wireshark's "ethertype") */
#define TW_PROTO_PARENT_TREE 0x08 /* its fields go under the previous layer's line */

struct tw_proto_ids {
    uint16_t proto; /* protocol index */
    uint16_t field; /* the protocol's own FT_PROTOCOL field id */
    uint16_t base;  /* first field id of its fields[] */
    uint16_t expert_base;
};

struct tw_proto {
    const char *abbrev;     /* filter name: "ip" */
    const char *name;       /* long name: "Internet Protocol Version 4" */
    const char *short_name; /* Protocol column: "IPv4" */
    const struct tw_field_def *fields;
    uint16_t nfields;
    const struct tw_expert_def *experts;
    uint16_t nexperts;
    const struct tw_binding *bindings;
    uint16_t nbindings;
    tw_dissect_fn dissect;
    /* optional: runs after everything above this layer was dissected (trailers, padding) */
    void (*post)(struct tw_pkt *p, uint32_t layer);
    /* optional: runs once at registry start-up, after preferences are set (read prefs here) */
    void (*init)(void);
    struct tw_proto_ids *ids; /* filled in at registration */
    uint32_t flags;
    /* heuristic sub-dissector: tried on tables listed in heur_tables when no binding matched */
    tw_heur_fn heur;
    uint8_t heur_tables[2];
};

/* ---------------------------------------------------------------------------------------------
 * Registry (per run, built once at start-up).
 * ------------------------------------------------------------------------------------------- */
struct tw_field_info {
    const struct tw_field_def *def;
    uint16_t proto; /* owning protocol */
    uint8_t shift;  /* trailing zero bits of mask */
    uint8_t width;  /* bits of the type (8 for UINT8...) */
    bool is_proto;  /* the protocol's own item */
    bool is_expert;
    const struct tw_expert_def *expert;
    /* Wireshark lets several fields share one abbrev (llc.control.ftype is 8 or 16 bits wide
     * by frame type): `first` is the id the name resolves to, `next_same` the next field with
     * the same abbrev (0 = none). -e and filters treat the whole chain as one field. */
    uint16_t first;
    uint16_t next_same;
};

bool tw_registry_init(void);
void tw_registry_free(void);
uint32_t tw_field_count(void);
const struct tw_field_info *tw_field(uint16_t id);
/* Field or protocol by filter name; -1 if unknown. Protocol aliases (ssl -> tls) resolve. */
int tw_field_lookup(const char *name, size_t len);
uint32_t tw_proto_count(void);
extern const struct tw_proto *const tw_all_protos[];
extern const uint32_t tw_nprotos;
static inline const struct tw_proto *tw_proto_get(uint16_t idx)
{
    return idx < tw_nprotos ? tw_all_protos[idx] : NULL;
}
int tw_proto_lookup(const char *abbrev);
/* -d (decode-as): make table[key] dissect with protocol `abbrev`. */
bool tw_dispatch_override(enum tw_table t, uint32_t key, const char *abbrev);
const char *tw_table_name(enum tw_table t);
int tw_table_lookup_name(const char *name);
/* The protocol bound to table[key], or -1. */
int tw_dispatch_find(enum tw_table t, uint32_t key);

/* ---------------------------------------------------------------------------------------------
 * Dissection entry points (used by the pipeline).
 * ------------------------------------------------------------------------------------------- */
void tw_pkt_init(struct tw_pkt *p, struct tw_arena *arena, uint32_t maxrecs);
void tw_pkt_free(struct tw_pkt *p);
/* After `want` (and want_all) are set: derive want_proto, so that dissectors can skip whole
 * groups of records nobody asked for (tw_want_proto). */
void tw_pkt_prime(struct tw_pkt *p);
/* Dissect one frame completely. The packet holds records until the next call. */
void tw_dissect_frame(struct tw_pkt *p, const struct tw_frame *f);

/* Field index. A consumer that reads a few fields of every packet (the display filter) asks
 * for them once, before the first packet: from then on tw_add_rec() lists the records of each
 * indexed field (all fields sharing its name count as one) as they are added, so that the
 * reader visits just those records, in record order, instead of scanning all of them. `hf` must
 * be the id its name resolves to (tw_field(hf)->first == hf). Returns the field's chain, or -1
 * when it cannot be indexed (TW_MAX_CHAINS reached, out of memory): the reader then scans. */
int tw_pkt_index_field(struct tw_pkt *p, uint16_t hf);
/* the chain of field `hf`, or -1 if it is not indexed */
static inline int tw_rec_chain(const struct tw_pkt *p, uint16_t hf)
{
    return (int)p->rec_chain[hf] - 1;
}
/* The records of chain ch in this packet: *n entries of the returned list, or NULL when the
 * field had more than TW_CHAIN_CAP records (scan instead). Once records were taken back from
 * the end (tw_layer_unrecord) and others added since, an entry may be stale: unless
 * tw_chains_intact(p), use only those for which tw_chain_live() holds. */
static inline const int32_t *tw_chain_list(const struct tw_pkt *p, int ch, uint32_t *n)
{
    *n = p->chain_n[ch];
    return *n <= TW_CHAIN_CAP ? p->chain_recs + (uint32_t)ch * TW_CHAIN_CAP : NULL;
}
static inline bool tw_chains_intact(const struct tw_pkt *p)
{
    return p->nrecs == p->nrecs_added;
}
static inline bool tw_chain_live(const struct tw_pkt *p, int ch, int32_t r)
{
    return (uint32_t)r < p->nrecs && p->rec_chain[p->recs[r].field] == ch + 1;
}

/* ---------------------------------------------------------------------------------------------
 * Dissector API.
 * ------------------------------------------------------------------------------------------- */
/* tw_pkt_prime() folds want_all into want[] and want_proto[] (all set), so each test is one
 * load: these run ~100 times per packet, wanted or not */
static inline bool tw_want(const struct tw_pkt *p, uint16_t hf)
{
    return p->want[hf];
}

/* Is any field of protocol `proto` (a protocol index, ids->proto) wanted? A shortcut for code
 * that builds several records of its own protocol only; experts and other protocols' fields
 * still need their own checks. */
static inline bool tw_want_proto(const struct tw_pkt *p, uint16_t proto)
{
    return !p->want_proto || p->want_proto[proto];
}

int32_t tw_add_rec(struct tw_pkt *p, uint16_t hf, uint32_t off, uint32_t len);
static inline int32_t tw_add_uint(struct tw_pkt *p, uint16_t hf, uint32_t off, uint32_t len,
                                  uint64_t v)
{
    if (!tw_want(p, hf)) return -1;
    int32_t r = tw_add_rec(p, hf, off, len);
    if (r >= 0) p->recs[r].v.u = v;
    return r;
}
static inline int32_t tw_add_int(struct tw_pkt *p, uint16_t hf, uint32_t off, uint32_t len,
                                 int64_t v)
{
    if (!tw_want(p, hf)) return -1;
    int32_t r = tw_add_rec(p, hf, off, len);
    if (r >= 0) p->recs[r].v.i = v;
    return r;
}
/* integer read from a bitmask field: stores (raw & mask) >> shift */
int32_t tw_add_bits_rec(struct tw_pkt *p, uint16_t hf, uint32_t off, uint32_t len, uint64_t raw);
static inline int32_t tw_add_bits(struct tw_pkt *p, uint16_t hf, uint32_t off, uint32_t len,
                                  uint64_t raw)
{
    return tw_want(p, hf) ? tw_add_bits_rec(p, hf, off, len, raw) : -1;
}
static inline int32_t tw_add_double(struct tw_pkt *p, uint16_t hf, uint32_t off, uint32_t len,
                                    double v)
{
    if (!tw_want(p, hf)) return -1;
    int32_t r = tw_add_rec(p, hf, off, len);
    if (r >= 0) p->recs[r].v.d = v;
    return r;
}
static inline int32_t tw_add_time(struct tw_pkt *p, uint16_t hf, uint32_t off, uint32_t len,
                                  struct tw_time t)
{
    if (!tw_want(p, hf)) return -1;
    int32_t r = tw_add_rec(p, hf, off, len);
    if (r >= 0) p->recs[r].v.t = t;
    return r;
}
/* bytes, strings, addresses: value is [ptr, ptr+n), usually inside the frame */
static inline int32_t tw_add_ptr(struct tw_pkt *p, uint16_t hf, uint32_t off, uint32_t len,
                                 const uint8_t *ptr, uint32_t n)
{
    if (!tw_want(p, hf)) return -1;
    int32_t r = tw_add_rec(p, hf, off, len);
    if (r >= 0) {
        p->recs[r].v.b.p = ptr;
        p->recs[r].v.b.n = n;
    }
    return r;
}
/* bytes at [off, off+len) of the cursor's data (must already be known readable) */
static inline int32_t tw_add_bytes(struct tw_pkt *p, uint16_t hf, const struct tw_cur *c,
                                   uint32_t off, uint32_t len)
{
    return tw_add_ptr(p, hf, off, len, c->data + off, len);
}
/* a string made up by the dissector (copied into the arena) */
/* an ASCII string field from n packet bytes at b: kept up to the first NUL, bytes above 0x7f
 * shown as U+FFFD, as Wireshark does for ENC_ASCII */
int32_t tw_add_ascii(struct tw_pkt *p, uint16_t hf, uint32_t off, uint32_t n, const uint8_t *b);
int32_t tw_add_strf_(struct tw_pkt *p, uint16_t hf, uint32_t off, uint32_t len, const char *fmt,
                     ...) TW_PRINTF(5, 6);
/* The formatting helpers below are macros that test "is it wanted?" before the call, so that an
 * unwanted label costs neither the arguments nor a variadic call (measured: ~4% of -q time). */
#define tw_add_strf(p, hf, off, len, ...)                                                          \
    (tw_want((p), (hf)) ? tw_add_strf_((p), (hf), (off), (len), __VA_ARGS__) : -1)
/* a text-only line in the tree (no field) */
int32_t tw_add_text_(struct tw_pkt *p, uint32_t off, uint32_t len, const char *fmt, ...)
    TW_PRINTF(4, 5);
#define tw_add_text(p, off, len, ...)                                                              \
    ((p)->want_all ? tw_add_text_((p), (off), (len), __VA_ARGS__) : -1)

static inline void tw_rec_flags(struct tw_pkt *p, int32_t r, uint8_t fl)
{
    if (r >= 0) p->recs[r].flags |= fl;
}
/* custom tree label (only built when a tree is wanted) */
void tw_rec_label_(struct tw_pkt *p, int32_t r, const char *fmt, ...) TW_PRINTF(3, 4);
#define tw_rec_label(p, r, ...)                                                                    \
    ((r) >= 0 && (p)->want_all ? tw_rec_label_((p), (r), __VA_ARGS__) : (void)0)
static inline bool tw_want_labels(const struct tw_pkt *p)
{
    return p->want_all;
}
static inline void tw_rec_setlen(struct tw_pkt *p, int32_t r, uint32_t len)
{
    if (r >= 0) p->recs[r].len = len;
}

/* subtrees: records added after push are children of r (or of the current parent if r < 0) */
static inline void tw_tree_push(struct tw_pkt *p, int32_t r)
{
    if (p->ntree < TW_MAX_TREE) {
        p->tree[p->ntree] = r >= 0 ? r : (p->ntree ? p->tree[p->ntree - 1] : -1);
        p->ntree++;
    }
}
static inline void tw_tree_pop(struct tw_pkt *p)
{
    if (p->ntree > 1) p->ntree--;
}

/* expert info attached to the current subtree */
void tw_expert(struct tw_pkt *p, uint16_t expert_id, uint32_t off, uint32_t len, const char *fmt,
               ...) TW_PRINTF(5, 6);

/* Wireshark's check on a string item added from ASCII/UTF-8 bytes (record r, n bytes at off):
 * non-NUL bytes after the first NUL add "Trailing stray characters" under it */
void tw_string_stray(struct tw_pkt *p, int32_t r, const uint8_t *s, uint32_t n, uint32_t off);
/* Wireshark's "Trying to fetch an unsigned integer with length N" error expert (an integer item
 * of a length its type cannot hold; `what` is "an unsigned integer"): the caller then reports
 * the packet malformed */
void tw_type_length_mismatch(struct tw_pkt *p, const char *what, uint32_t off, uint32_t len);

/* the current layer: its byte range, and the text of its protocol line in trees and -e */
void tw_layer_setlen(struct tw_pkt *p, uint32_t len);
/* IP's datagram is shorter than the frame and IP was handed the frame's own bytes from their
 * start (raw IP link types): Wireshark's IP shrinks the tvb it was given, which is then the
 * frame's, so the frame's bytes (frame[...] in filters, the hex dump) end with the datagram. */
void tw_frame_shrink(struct tw_pkt *p, uint32_t len);
/* how many bytes of what it was given this layer really spans (IP total length); lower layers
 * call the rest a trailer */
static inline void tw_layer_claim(struct tw_pkt *p, uint32_t len)
{
    if (p->nlayers) p->layers[p->nlayers - 1].claim = len;
}
/* The current layer refused the packet (Wireshark's "return 0"): it stays in the tree but is not
 * listed in frame.protocols. */
static inline void tw_layer_hide(struct tw_pkt *p)
{
    if (p->nlayers) p->layers[p->nlayers - 1].hidden = true;
}
/* A TW_PROTO_NO_RECORD dissector failed before adding its own tree item (Wireshark reads some
 * bytes before proto_tree_add_item): the protocol is in frame.protocols but not in the tree. */
static inline void tw_layer_itemless(struct tw_pkt *p)
{
    if (p->nlayers) p->layers[p->nlayers - 1].itemless = true;
}
static inline uint32_t *tw_layer_priv(struct tw_pkt *p)
{
    return p->layers[p->nlayers ? p->nlayers - 1 : 0].priv;
}
void tw_layer_label_(struct tw_pkt *p, const char *fmt, ...) TW_PRINTF(2, 3);
#define tw_layer_label(p, ...) (tw_layer_recorded(p) ? tw_layer_label_((p), __VA_ARGS__) : (void)0)
/* Undo the current layer's protocol line (the layer stays in frame.protocols): for dissectors
 * that, like Wireshark's, add their line only once their first reads succeed. Possible only
 * while the line is still the last record. */
static inline void tw_layer_unrecord(struct tw_pkt *p)
{
    struct tw_layer *l = p->nlayers ? &p->layers[p->nlayers - 1] : NULL;
    if (!l) return;
    if (l->more_items < 32) l->item_noline |= 1u << l->more_items;
    if (l->rec < 0) return;
    if ((uint32_t)l->rec + 1 == p->nrecs)
        p->nrecs--;
    else /* records came after it (tcp.pdu.size under TCP): it stays, unseen in the tree */
        p->recs[l->rec].flags |= TW_RF_HIDDEN;
    l->rec = -1;
    if (p->ntree) p->tree[p->ntree - 1] = -1;
}
/* Is the current layer's protocol line recorded (so a label is worth building)? */
/* the current layer has its own record (a tree or a filter wants it): labels are worth making */
static inline bool tw_layer_recorded(const struct tw_pkt *p)
{
    return p->nlayers && p->layers[p->nlayers - 1].rec >= 0;
}

/* Columns. All are no-ops unless the summary line is wanted. */
void tw_info_clear(struct tw_pkt *p);
void tw_info_add(struct tw_pkt *p, const char *s);
void tw_info_addn(struct tw_pkt *p, const char *s, size_t n);
void tw_info_printf_(struct tw_pkt *p, const char *fmt, ...) TW_PRINTF(2, 3);
#define tw_info_printf(p, ...)                                                                     \
    ((p)->want_cols && !(p)->cols_locked ? tw_info_printf_((p), __VA_ARGS__) : (void)0)
void tw_info_set(struct tw_pkt *p, const char *s);
static inline void tw_col_proto(struct tw_pkt *p, const char *s)
{
    if (!p->col_proto_fixed) p->col_proto = s;
}
/* Wireshark's col_set_fence(COL_INFO): what Info holds now stays through later clears/sets */
static inline void tw_info_fence(struct tw_pkt *p)
{
    if (p->want_cols && !p->cols_locked) p->info_fence = (uint32_t)p->info.len;
}
/* A dissection error the running protocol catches and shows, as Wireshark's show_exception():
 * the "[Malformed Packet: X]" / "[Packet size limited during capture: X truncated]" item and
 * Info text, the packet's status; the caller goes on. */
void tw_show_status(struct tw_pkt *p, enum tw_status st);
/* Wireshark's FragmentBoundsError shown: "[BoundError Unreassembled Packet: X]" with its Note
 * expert, "[BoundErrorUnreassembled Packet]" in Info; the packet is not malformed. For a
 * protocol that ran past the data of a segment TCP could not desegment. */
void tw_show_unreassembled(struct tw_pkt *p);
/* Move the records from index `from` to the end so that they come at index `at` (< from),
 * before the ones added since `at` (Wireshark's proto_tree_move_item: TCP shows the list of
 * reassembled segments before the protocol it reassembled for, though it adds it after).
 * Parents, layers and the subtree stack follow. */
void tw_recs_move(struct tw_pkt *p, uint32_t at, uint32_t from);
static inline void tw_col_dl(struct tw_pkt *p, uint8_t type, const uint8_t *s, const uint8_t *d,
                             uint8_t len)
{
    p->dl_src = (struct tw_addr){type, len, s};
    p->dl_dst = (struct tw_addr){type, len, d};
}
static inline void tw_col_net(struct tw_pkt *p, uint8_t type, const uint8_t *s, const uint8_t *d,
                              uint8_t len)
{
    p->net_src = (struct tw_addr){type, len, s};
    p->net_dst = (struct tw_addr){type, len, d};
}

/* Ask the core to dissect cursor `c` next with the protocol bound to table[key] (or, with two
 * keys, the first that has a binding: ports try the lower one first as Wireshark does). */
static inline void tw_next(struct tw_pkt *p, enum tw_table t, uint32_t key, struct tw_cur c)
{
    p->next.table = (uint8_t)t;
    p->next.nkeys = 1;
    p->next.keys[0] = key;
    p->next.cur = c;
}
static inline void tw_next2(struct tw_pkt *p, enum tw_table t, uint32_t k1, uint32_t k2,
                            struct tw_cur c)
{
    p->next.table = (uint8_t)t;
    p->next.nkeys = 2;
    p->next.keys[0] = k1;
    p->next.keys[1] = k2;
    p->next.cur = c;
}
/* A new data source over `data` (len bytes, which must stay valid until the next packet: the
 * packet arena) named as Wireshark names it ("Reassembled IPv4"). Returns a cursor over it for
 * tw_next(); if the packet has no room for another source the cursor still works, the bytes are
 * just not listed (hex dumps). */
struct tw_cur tw_new_source(struct tw_pkt *p, const uint8_t *data, uint32_t len, const char *name);
/* the records added next are in the data source whose bytes begin at data (one made by
 * tw_new_source); the current one is kept if there is none */
void tw_use_source(struct tw_pkt *p, const uint8_t *data);

/* Dissect `c` now at the current depth, as the next layers of this packet, and come back: TCP
 * handing a payload (or a reassembled PDU, several per segment) to the protocol above, HTTP
 * handing a body to its media type's protocol. The layers run exactly as if tw_next() had asked
 * for them (listed in frame.protocols, free to set the columns, status markers as usual); with
 * two keys the first one bound wins. Returns the status of the chain it ran. */
enum tw_status tw_dissect_here(struct tw_pkt *p, enum tw_table t, uint32_t nkeys,
                               const uint32_t *keys, struct tw_cur c);
/* A further protocol item of the running layer (one per message when several messages of a
 * TCP protocol share a segment: BGP, DNS, PostgreSQL): the item `hf` at off/len, at tree depth
 * `ntree` (where the layer's first item hangs), made the layer's record and the current subtree;
 * counted in the layer's more_items. */
void tw_layer_next_item(struct tw_pkt *p, uint16_t hf, uint32_t off, uint32_t len, uint32_t ntree);
/* tw_dissect_here(), with the layers' items under the caller's current subtree instead of beside
 * the caller, at the same depth (unlike tw_dissect_nested(): the layers set the columns and
 * addresses as usual): 802.11 A-MSDU subframes */
enum tw_status tw_dissect_under(struct tw_pkt *p, enum tw_table t, uint32_t nkeys,
                                const uint32_t *keys, struct tw_cur c);

/* The TW_TBL_MEDIA_TYPE key of a media type: FNV-1a over its lowercase bytes, parameters (";")
 * and surrounding blanks left out. */
static inline uint32_t tw_media_key(const char *s, size_t n)
{
    while (n && (*s == ' ' || *s == '\t')) s++, n--;
    uint32_t h = 2166136261u;
    size_t end = 0;
    while (end < n && s[end] != ';') end++;
    while (end && (s[end - 1] == ' ' || s[end - 1] == '\t')) end--;
    for (size_t i = 0; i < end; i++) {
        uint8_t ch = (uint8_t)s[i];
        if (ch >= 'A' && ch <= 'Z') ch = (uint8_t)(ch + 32);
        h = (h ^ ch) * 16777619u;
    }
    return h;
}

/* The media type's name the text-lines and media protocols show for a body handed to them by
 * tw_dissect_here() on TW_TBL_MEDIA_TYPE (Wireshark's pinfo->match_string): set it around the
 * call, restoring what it returns (http.c). NULL: none. */
const char *tw_media_name_swap(const char *name);

/* The C escape tshark's format_text() writes for a character ("\\n" for a newline), or NULL when
 * the character stands as it is; the backslash itself is escaped only with `backslash`. */
static inline const char *tw_text_escape(uint8_t ch, bool backslash)
{
    switch (ch) {
    case '\a': return "\\a";
    case '\b': return "\\b";
    case '\f': return "\\f";
    case '\n': return "\\n";
    case '\r': return "\\r";
    case '\t': return "\\t";
    case '\v': return "\\v";
    case '\\': return backslash ? "\\\\" : NULL;
    default: return NULL;
    }
}

/* ---------------------------------------------------------------------------------------------
 * TCP desegmentation (Wireshark's pinfo->can_desegment, desegment_offset, desegment_len, with
 * the single-pass behaviour of tshark 4.0). A protocol running on TCP that finds the PDU at
 * cursor offset `off` incomplete calls tw_deseg_request(p, off, n), where n is how many bytes it
 * needs beyond the end of its data (TW_DESEG_ONE_MORE_SEGMENT when it cannot tell yet, as for
 * HTTP headers without their blank line; TW_DESEG_UNTIL_FIN for "until the sender closes", as
 * for a response body without a length), and returns TW_OK without dissecting the incomplete
 * PDU. TCP keeps the bytes from `off` on and, in the frame whose segment completes them, calls
 * the protocol again over a data source "Reassembled TCP" holding the PDU from its first byte
 * (the protocol may ask for more again). The bytes before `off` count as dissected; a segment
 * where off is where the protocol's data began shows "[TCP segment of a reassembled PDU]". Whether
 * the protocol is listed in frame.protocols for such a segment is its own choice, as in
 * Wireshark: TLS adds its item first and stays, tw_tcp_pdus() (DNS) hides the layer.
 *
 * Only when tw_can_desegment(p): not on a segment cut by the capture, an IP fragment, a segment
 * quoted in an ICMP error, with -o tcp.desegment_tcp_streams:FALSE, or for a protocol not
 * reached from TCP. Otherwise the protocol dissects what it has, as Wireshark's do.
 * ------------------------------------------------------------------------------------------- */
#define TW_DESEG_ONE_MORE_SEGMENT 0x0fffffffu
#define TW_DESEG_UNTIL_FIN        0x0ffffffeu
static inline bool tw_can_desegment(const struct tw_pkt *p)
{
    return p->deseg.can && p->deseg.layer < p->nlayers &&
           p->layers[p->deseg.layer].proto == p->cur_proto &&
           p->layers[p->deseg.layer].depth == p->depth;
}
static inline void tw_deseg_request(struct tw_pkt *p, uint32_t off, uint32_t n)
{
    p->deseg.offset = off;
    p->deseg.len = n;
}
/* Wireshark's tcp_dissect_pdus(): the data from c->off to the end is a run of PDUs, each
 * beginning with `fixed` bytes from which pdu_len() gives the whole PDU's length (called with
 * at least `fixed` bytes present at `off`; returning 0 means "cannot tell yet, need one more
 * segment"). Each PDU goes to dissect_pdu() as a cursor spanning exactly it (cut short where the
 * capture is); a PDU that runs past the data is requested from TCP when desegmentation is
 * possible, otherwise dissected as far as it goes. A length below `fixed` is malformed. An
 * error in one PDU is reported and the next one still dissected, as tshark does. Each PDU's
 * length is also shown in TCP's tree as tcp.pdu.size. */
enum tw_status
tw_tcp_pdus(struct tw_pkt *p, struct tw_cur *c, uint32_t fixed,
            uint32_t (*pdu_len)(struct tw_pkt *p, const struct tw_cur *c, uint32_t off, void *arg),
            enum tw_status (*dissect_pdu)(struct tw_pkt *p, struct tw_cur *pdu, void *arg),
            void *arg);

/* Wireshark's dissect_tcp_payload() called by a protocol on TCP for the bytes it relays (SOCKS
 * after its handshake, with the remote port in place of its own): "TCP payload (N bytes)" under
 * the current subtree, then the TCP port protocol of sport/dport (lower port first) on `c`, the
 * whole payload of the current segment. When the running protocol may ask TCP for more bytes,
 * the payload goes through the desegmentation of the TCP conversation of those ports (made if
 * new, which takes a tcp.stream index as tshark's get_tcp_conversation_data() does), with its own
 * multi-segment PDUs; its segment items go under the running layer's item. p->ctx.srcport and
 * dstport are the substituted ports meanwhile. */
void tw_tcp_relay(struct tw_pkt *p, struct tw_cur c, uint16_t sport, uint16_t dport);

/* Dissect `c` now, nested under the current subtree (ICMP's quoted datagram, tunnels that
 * must finish before the outer protocol continues). Depth-capped. */
enum tw_status tw_dissect_nested(struct tw_pkt *p, enum tw_table t, uint32_t key, struct tw_cur c);

/* Preferences, tshark's -o name:value ("tcp.check_checksum:TRUE"). Set before tw_run();
 * dissectors read them in their init hook. Unknown names are kept (later issues add readers). */
bool tw_pref_set(const char *name_value);
bool tw_pref_bool(const char *name, bool dflt);
long tw_pref_int(const char *name, long dflt);
const char *tw_pref_str(const char *name);

/* Decryption secrets the capture carries (pcapng DSB: type 0x544c534b is a TLS key log), handed
 * over as they are read, before the packets after them are dissected (tls_decrypt.c). */
void tw_secrets_add(uint32_t type, const uint8_t *data, uint32_t len);

/* MAC address names (names.c): Wireshark's manuf/wka resolution ("IntelCor_0a:0b:0c",
 * "Broadcast"). With names disabled (-n) tw_ether_name gives the plain address; tw_oui_name
 * (the vendor's long name, NULL if unknown) works either way, as in tshark. The returned
 * string is valid until the next call. */
void tw_names_set_enabled(bool on);
bool tw_names_enabled(void);
const char *tw_ether_name(const uint8_t a[6]);
const char *tw_oui_name(const uint8_t a[3]);

/* ---------------------------------------------------------------------------------------------
 * State across packets (state.c): per-run tables for dissectors that remember (reassembly,
 * request/response matching). A table maps a byte key (up to TW_STATE_KEY_MAX bytes) to a
 * fixed-size value, zeroed when created. It holds at most max_entries: when full, a put evicts
 * the least recently used entry (get and put both count as use), calling `drop` on its value
 * first (free what the value owns). Value pointers stay valid until their entry is deleted or
 * evicted, so do not keep one across a put into the same table. Open tables in the protocol's
 * init hook; all are closed (and dropped) when the run ends.
 * ------------------------------------------------------------------------------------------- */
#define TW_STATE_KEY_MAX 48
/* A conversation key for tw_state tables (TCP, UDP): address length, then both endpoints
 * (innermost IP address, port) with the smaller first, so that both directions find the same
 * entry. *dir (if not NULL) is 0 when the sender sorts first. k needs TW_STATE_KEY_MAX bytes. */
size_t tw_conv_key(const struct tw_pkt *p, uint16_t sport, uint16_t dport, uint8_t *k, int *dir);
/* The entry of table t for the current packet's conversation (its ports), created if new; NULL
 * without a table or inside an ICMP error's quoted datagram. */
struct tw_state;
void *tw_conv_state(struct tw_state *t, const struct tw_pkt *p);
/* tshark's conversation_new() + conversation_set_dissector() by a dissector over UDP: unless the
 * current packet's UDP conversation already carries protocol `proto` (an ids.proto), a new exact
 * conversation shadows it, so that the next packet of the address/port pair (either direction)
 * starts a new udp.stream (with fresh stream times); this packet keeps its index. Returns true
 * when it made one. A no-op when UDP conversations are not tracked in this run. */
bool tw_udp_conv_new(struct tw_pkt *p, uint16_t proto);
/* tshark's rtp_add_address()/rtcp_add_address()/t38_add_address() from SDP: a new conversation
 * for `addr` (alen 4 or 16 bytes) and `port` with the other side wildcarded; packets with no exact
 * conversation find it by their source address/port, else their destination's, and it gets its
 * udp.stream at its first packet. A no-op when UDP conversations are not tracked in this run. */
void tw_udp_conv_expect(const uint8_t *addr, uint8_t alen, uint16_t port, uint8_t media);
/* what a conversation made by tw_udp_conv_expect carries: its packets go to TW_TBL_NAME key
 * TW_KEY_RTP / TW_KEY_RTCP before any port's protocol */
enum { TW_MEDIA_NONE, TW_MEDIA_RTP, TW_MEDIA_RTCP, TW_MEDIA_T38 };
/* tshark's conversation_new(..., NO_PORT2) + conversation_set_dissector() over TCP (FTP's data
 * connections): a conversation between a1 (port port1) and a2 (any port), alen 4 or 16 bytes,
 * made before its first packet. The first TCP connection with no conversation of its own that
 * matches it (source a1/port1 and destination a2, or the reverse) takes it: its payload goes to
 * TW_TBL_NAME key `sub_key` before any port's protocol, with p->ctx.tcp_setup_frame and
 * p->ctx.tcp_conv_tag set to setup_frame and tag (tag 0 names no announcement); the SYN that opens it does not count in
 * tcp.completeness (the conversation existed before it). A later announcement of the same
 * addresses and port replaces an unused one. A no-op when TCP conversations are not tracked. */
void tw_tcp_conv_expect(const uint8_t *a1, const uint8_t *a2, uint8_t alen, uint16_t port1,
                        uint32_t sub_key, uint64_t tag, uint32_t setup_frame);
/* sdpconv.c: a UDP payload that tshark would dissect as SIP (port 5060 or its heuristic) with an
 * SDP body: the body's media make their conversations (tw_udp_conv_expect) */
void tw_sdp_conv_setup(const uint8_t *d, uint32_t n, uint16_t sport, uint16_t dport);
struct tw_state;
struct tw_state *tw_state_open(const char *name, size_t value_size, uint32_t max_entries,
                               void (*drop)(void *value));
void *tw_state_get(struct tw_state *s, const void *key, size_t klen);
void *tw_state_put(struct tw_state *s, const void *key, size_t klen, bool *fresh);
void tw_state_del(struct tw_state *s, void *value);
/* evict the least recently used entry (false if empty): for owners with a budget of their own */
bool tw_state_evict_oldest(struct tw_state *s);
/* the least recently used entry's value (NULL if empty), to retire entries by age */
void *tw_state_oldest(struct tw_state *s);
uint32_t tw_state_count(const struct tw_state *s);
uint64_t tw_state_evicted(const struct tw_state *s);
void tw_state_close_all(void);
/* Bounded state that had to give something up for its caps counts it: `what` is a constant
 * sentence (counted by its address, up to 16 kinds). tw_state_report() writes one warning per
 * kind at the end of the run (and a debug message per table that evicted entries). */
void tw_state_note(const char *what);
void tw_state_report(void);

/* Reassembly by byte offset (reasm.c), on a state table: Wireshark's fragment_add_check() as
 * its single pass behaves. The key says which datagram a fragment belongs to. tw_reasm_add()
 * stores a copy of the fragment and returns true when it completes the datagram, filling `res`
 * (bytes and fragment list in the packet arena). Bounded by max_pending datagrams and max_bytes
 * of stored fragments in all (the least recently touched datagrams are dropped first), and per
 * datagram by max_len bytes and max_frags fragments (a fragment beyond them is refused). */
enum {
    TW_FRAG_OVERLAP = 0x01,
    TW_FRAG_CONFLICT = 0x02,
    TW_FRAG_MULTIPLE_TAILS = 0x04,
    TW_FRAG_TOO_LONG = 0x08,
};
struct tw_reasm_frag {
    uint32_t frame, off, len;
    uint8_t flags; /* TW_FRAG_* */
};
struct tw_reasm_result {
    const uint8_t *data;
    uint32_t len;
    const struct tw_reasm_frag *frags; /* in offset order */
    uint32_t nfrags;
    uint8_t flags; /* all fragments' flags or'ed */
};
struct tw_reasm {
    struct tw_state *tab; /* closed with the run, like every state table */
    uint32_t max_len, max_frags;
    uint64_t bytes, max_bytes; /* fragment bytes held, and the budget for all datagrams */
};
/* call from the protocol's init hook */
bool tw_reasm_open(struct tw_reasm *r, const char *name, uint32_t max_pending, uint32_t max_len,
                   uint32_t max_frags, uint64_t max_bytes);
bool tw_reasm_add(struct tw_reasm *r, struct tw_pkt *p, const void *key, size_t klen, uint32_t off,
                  const uint8_t *data, uint32_t len, bool more, struct tw_reasm_result *res);
/* The fields a protocol shows a completed reassembly with (Wireshark's fragment_items). */
struct tw_reasm_fields {
    uint16_t fragments, fragment, error, overlap, conflict, multiple_tails, too_long, count, length,
        data;
    const char *one, *many; /* "IPv4 Fragment", "IPv4 Fragments" */
};
/* Wireshark's fragment tree, under the current subtree: "[2 IPv4 Fragments (1710 bytes): #5(1480),
 * #6(230)]", a line per fragment (with its overlap/conflict/tail/too-long flags), the count,
 * the length and the bytes (length and bytes left out when their field is 0). Call after
 * tw_new_source() over res->data. */
void tw_reasm_tree(struct tw_pkt *p, const struct tw_reasm_result *res,
                   const struct tw_reasm_fields *f);

/* EAP-TLS (eap.c) names the TLS session (a state key of its EAP conversation) and the sender's
 * side (an EAP Request comes from the server) of the records it hands over next under
 * TW_KEY_TLS_EAP, as tshark's EAP dissector does with its conversation and port 443 (tls.c) */
void tw_tls_eap_outer(struct tw_pkt *p, const uint8_t *key, size_t klen, bool from_server);
/* an X.509 certificate's SignedCertificateTimestampList (RFC 6962), bytes [off, end) of data:
 * dissected by TLS as tshark does (a "tls" entry in frame.protocols, no line of its own) */
enum tw_status tw_tls_sct_ext(struct tw_pkt *p, const uint8_t *data, uint32_t off, uint32_t end,
                              uint32_t cap);

/* Name helpers shared by dissectors and sinks */
const char *tw_ipproto_name(uint8_t proto); /* "TCP", or NULL */

#endif
