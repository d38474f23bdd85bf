/* Cisco Enhanced Interior Gateway Routing Protocol (RFC 7868), IP protocol 88, as tshark 4.0
 * shows it: the 20-byte header (version, opcode, checksum, flags, sequence, acknowledge, virtual
 * router id, AS) and the TLVs: parameters (with peer termination), MD5 authentication,
 * sequence, software version, next multicast sequence, stub, TID list, and the classic IPv4 and
 * IPv6 internal/external routes and their multi-topology (MTR) forms with the legacy metric.
 * Wide-metric (0x06xx) and community TLVs are shown by their type and length only.
 */
#include "../dissect.h"

#include <stdio.h>
#include <string.h>

static struct tw_proto_ids ids;
#define HF(x) ((uint16_t)(ids.base + (x)))
#define EX(x) ((uint16_t)(ids.expert_base + (x)))

enum {
    F_VERSION,
    F_OPCODE,
    F_CHECKSUM,
    F_CHECKSUM_STATUS,
    F_FLAGS,
    F_FL_INIT,
    F_FL_CONDRECV,
    F_FL_RESTART,
    F_FL_EOT,
    F_SEQ,
    F_ACK,
    F_VRID,
    F_AS,
    F_TLV_TYPE,
    F_TLV_LEN,
    F_K1,
    F_K2,
    F_K3,
    F_K4,
    F_K5,
    F_K6,
    F_HOLDTIME,
    F_AUTH_TYPE,
    F_AUTH_LENGTH,
    F_AUTH_KEYID,
    F_AUTH_KEYSEQ,
    F_NULLPAD,
    F_AUTH_DIGEST,
    F_SEQ_ADDRLEN,
    F_SEQ_IPV4,
    F_SEQ_IPV6,
    F_NEXT_MCAST_SEQ,
    F_RELEASE,
    F_TLV_VERSION,
    F_STUB,
    F_STUB_CONNECTED,
    F_STUB_STATIC,
    F_STUB_SUMMARY,
    F_STUB_REDIST,
    F_STUB_LEAKMAP,
    F_STUB_RECVONLY,
    F_TIDLIST_FLAGS,
    F_TIDLIST_LEN,
    F_TIDLIST,
    F_TID,
    F_AFI,
    F_ROUTERID,
    F_OLD_TAG,
    F_DELAY,
    F_BW,
    F_MTU,
    F_HOPCOUNT,
    F_REL,
    F_LOAD,
    F_INTAG,
    F_MFL_SRCWD,
    F_MFL_CD,
    F_MFL_ACTIVE,
    F_MFL_REPL,
    F_EXT_ORIGRID,
    F_EXT_AS,
    F_EXT_TAG,
    F_EXT_METRIC,
    F_EXT_RESERVED,
    F_EXT_PROTO,
    F_OPQ_EXT,
    F_OPQ_CD,
    F_IPV4_NEXTHOP,
    F_IPV4_PREFIXLEN,
    F_IPV4_DEST,
    F_IPV6_NEXTHOP,
    F_IPV6_PREFIXLEN,
    F_IPV6_DEST,
    F_COUNT
};

static const struct tw_vs opcode_vals[] = {{1, "Update"},     {2, "Request"},    {3, "Query"},
                                           {4, "Reply"},      {5, "Hello"},      {6, "IPX SAP"},
                                           {10, "SIA-Query"}, {11, "SIA-Reply"}, {0, NULL}};
static const struct tw_vs tlv_vals[] = {{0x0001, "Parameters"},
                                        {0x0002, "Authentication"},
                                        {0x0003, "Sequence"},
                                        {0x0004, "Software Version"},
                                        {0x0005, "Next multicast sequence"},
                                        {0x0006, "Peer Stub Information"},
                                        {0x0007, "Peer Termination"},
                                        {0x0008, "Peer TID List"},
                                        {0x0102, "Internal Route(IPv4)"},
                                        {0x0103, "External Route(IPv4)"},
                                        {0x0104, "Ext-Community(IPv4)"},
                                        {0x0402, "Internal Route(IPv6)"},
                                        {0x0403, "External Route(IPv6)"},
                                        {0x0404, "Ext-Community(IPv6)"},
                                        {0x00f2, "Internal Route(MTR)"},
                                        {0x00f3, "External Route(MTR)"},
                                        {0x00f4, "Ext-Community(MTR)"},
                                        {0x00f5, "TopologyID List"},
                                        {0x0602, "Internal Route(Multi-Protocol)"},
                                        {0x0603, "External Route(Multi-Protocol)"},
                                        {0x0604, "Ext-Community(Multi-Protocol)"},
                                        {0, NULL}};
static const struct tw_vs auth_vals[] = {{2, "MD5"}, {3, "SHA2-256"}, {0, NULL}};
static const struct tw_vs afi_vals[] = {{1, "IPv4"},      {2, "IPv6"},           {3, "IPX"},
                                        {4, "Appletalk"}, {5, "Service Family"}, {0, NULL}};
static const struct tw_vs proto_vals[] = {{1, "IGRP"},
                                          {2, "EIGRP"},
                                          {3, "Static Route"},
                                          {4, "RIP"},
                                          {5, "Hello"},
                                          {6, "OSPF"},
                                          {7, "IS-IS"},
                                          {8, "EGP"},
                                          {9, "BGP"},
                                          {10, "IDRP"},
                                          {11, "Connected Route"},
                                          {0, NULL}};
static const struct tw_vs cksum_status_vals[] = {
    {0, "Bad"}, {1, "Good"}, {2, "Unverified"}, {3, "Not present"}, {4, "Illegal"}, {0, NULL}};
static const struct tw_tfs tfs_true_false = {"True", "False"};

#define SN &tw_tfs_set_notset
#define TF &tfs_true_false
static const struct tw_field_def fields[F_COUNT] = {
    [F_VERSION] = {"eigrp.version", "Version", TW_FT_UINT8, TW_BASE_DEC},
    [F_OPCODE] = {"eigrp.opcode", "Opcode", TW_FT_UINT8, TW_BASE_DEC, 0, opcode_vals},
    [F_CHECKSUM] = {"eigrp.checksum", "Checksum", TW_FT_UINT16, TW_BASE_HEX},
    [F_CHECKSUM_STATUS] = {"eigrp.checksum.status", "Checksum Status", TW_FT_UINT8, TW_BASE_NONE, 0,
                           cksum_status_vals},
    [F_FLAGS] = {"eigrp.flags", "Flags", TW_FT_UINT32, TW_BASE_HEX},
    [F_FL_INIT] = {"eigrp.flags.init", "Init", TW_FT_BOOLEAN, 32, 0x1, NULL, NULL, SN},
    [F_FL_CONDRECV] = {"eigrp.flags.condrecv", "Conditional Receive", TW_FT_BOOLEAN, 32, 0x2, NULL,
                       NULL, SN},
    [F_FL_RESTART] = {"eigrp.flags.restart", "Restart", TW_FT_BOOLEAN, 32, 0x4, NULL, NULL, SN},
    [F_FL_EOT] = {"eigrp.flags.eot", "End Of Table", TW_FT_BOOLEAN, 32, 0x8, NULL, NULL, SN},
    [F_SEQ] = {"eigrp.seq", "Sequence", TW_FT_UINT32, TW_BASE_DEC},
    [F_ACK] = {"eigrp.ack", "Acknowledge", TW_FT_UINT32, TW_BASE_DEC},
    [F_VRID] = {"eigrp.vrid", "Virtual Router ID", TW_FT_UINT16, TW_BASE_DEC},
    [F_AS] = {"eigrp.as", "Autonomous System", TW_FT_UINT16, TW_BASE_DEC},
    [F_TLV_TYPE] = {"eigrp.tlv_type", "Type", TW_FT_UINT16, TW_BASE_HEX, 0, tlv_vals},
    [F_TLV_LEN] = {"eigrp.tlv.len", "Length", TW_FT_UINT16, TW_BASE_DEC},
    [F_K1] = {"eigrp.par.k1", "K1", TW_FT_UINT8, TW_BASE_DEC},
    [F_K2] = {"eigrp.par.k2", "K2", TW_FT_UINT8, TW_BASE_DEC},
    [F_K3] = {"eigrp.par.k3", "K3", TW_FT_UINT8, TW_BASE_DEC},
    [F_K4] = {"eigrp.par.k4", "K4", TW_FT_UINT8, TW_BASE_DEC},
    [F_K5] = {"eigrp.par.k5", "K5", TW_FT_UINT8, TW_BASE_DEC},
    [F_K6] = {"eigrp.par.k6", "K6", TW_FT_UINT8, TW_BASE_DEC},
    [F_HOLDTIME] = {"eigrp.par.holdtime", "Hold Time", TW_FT_UINT16, TW_BASE_DEC},
    [F_AUTH_TYPE] = {"eigrp.auth.type", "Type", TW_FT_UINT16, TW_BASE_DEC, 0, auth_vals},
    [F_AUTH_LENGTH] = {"eigrp.auth.length", "Length", TW_FT_UINT16, TW_BASE_DEC},
    [F_AUTH_KEYID] = {"eigrp.auth.keyid", "Key ID", TW_FT_UINT32, TW_BASE_DEC},
    [F_AUTH_KEYSEQ] = {"eigrp.auth.keyseq", "Key Sequence", TW_FT_UINT32, TW_BASE_DEC},
    [F_NULLPAD] = {"eigrp.nullpad", "Nullpad", TW_FT_BYTES},
    [F_AUTH_DIGEST] = {"eigrp.auth.digest", "Digest", TW_FT_BYTES},
    [F_SEQ_ADDRLEN] = {"eigrp.seq.addrlen", "Address length", TW_FT_UINT8, TW_BASE_DEC},
    [F_SEQ_IPV4] = {"eigrp.seq.ipv4addr", "IP Address", TW_FT_IPv4},
    [F_SEQ_IPV6] = {"eigrp.seq.ipv6addr", "IPv6 Address", TW_FT_IPv6},
    [F_NEXT_MCAST_SEQ] = {"eigrp.next_mcast_seq", "Multicast Sequence", TW_FT_UINT32, TW_BASE_DEC},
    [F_RELEASE] = {"eigrp.release_version", "EIGRP Release", TW_FT_UINT16, TW_BASE_CUSTOM},
    [F_TLV_VERSION] = {"eigrp.tlv_version", "EIGRP TLV version", TW_FT_UINT16, TW_BASE_CUSTOM},
    [F_STUB] = {"eigrp.stub_options", "Stub Options", TW_FT_UINT16, TW_BASE_HEX},
    [F_STUB_CONNECTED] = {"eigrp.stub_options.connected", "Connected", TW_FT_BOOLEAN, 16, 0x1, NULL,
                          NULL, SN},
    [F_STUB_STATIC] = {"eigrp.stub_options.static", "Static", TW_FT_BOOLEAN, 16, 0x2, NULL, NULL,
                       SN},
    [F_STUB_SUMMARY] = {"eigrp.stub_options.summary", "Summary", TW_FT_BOOLEAN, 16, 0x4, NULL, NULL,
                        SN},
    [F_STUB_REDIST] = {"eigrp.stub_options.redist", "Redistributed", TW_FT_BOOLEAN, 16, 0x8, NULL,
                       NULL, SN},
    [F_STUB_LEAKMAP] = {"eigrp.stub_options.leakmap", "Leak-Map", TW_FT_BOOLEAN, 16, 0x10, NULL,
                        NULL, SN},
    [F_STUB_RECVONLY] = {"eigrp.stub_options.recvonly", "Receive-Only", TW_FT_BOOLEAN, 16, 0x20,
                         NULL, NULL, SN},
    [F_TIDLIST_FLAGS] = {"eigrp.tidlist.flags", "TID List Flags", TW_FT_UINT16, TW_BASE_HEX},
    [F_TIDLIST_LEN] = {"eigrp.tidlist.len", "TID List Size", TW_FT_UINT16, TW_BASE_DEC},
    [F_TIDLIST] = {"eigrp.tidlist", "TID List", TW_FT_UINT16, TW_BASE_DEC},
    [F_TID] = {"eigrp.tid", "Topology", TW_FT_UINT16, TW_BASE_DEC},
    [F_AFI] = {"eigrp.afi", "AFI", TW_FT_UINT16, TW_BASE_DEC, 0, afi_vals},
    [F_ROUTERID] = {"eigrp.routerid", "RouterID", TW_FT_IPv4},
    [F_OLD_TAG] = {"eigrp.old_metric.tag", "Tag", TW_FT_UINT32, TW_BASE_DEC},
    [F_DELAY] = {"eigrp.old_metric.delay", "Scaled Delay", TW_FT_UINT32, TW_BASE_DEC},
    [F_BW] = {"eigrp.old_metric.bw", "Scaled BW", TW_FT_UINT32, TW_BASE_DEC},
    [F_MTU] = {"eigrp.old_metric.mtu", "MTU", TW_FT_UINT24, TW_BASE_DEC},
    [F_HOPCOUNT] = {"eigrp.old_metric.hopcount", "Hop Count", TW_FT_UINT8, TW_BASE_DEC},
    [F_REL] = {"eigrp.old_metric.rel", "Reliability", TW_FT_UINT8, TW_BASE_DEC},
    [F_LOAD] = {"eigrp.old_metric.load", "Load", TW_FT_UINT8, TW_BASE_DEC},
    [F_INTAG] = {"eigrp.old_metric.intag", "Route Tag", TW_FT_UINT8, TW_BASE_DEC},
    [F_MFL_SRCWD] = {"eigrp.metric.flags.srcwd", "Source Withdraw", TW_FT_BOOLEAN, 8, 0x1, NULL,
                     NULL, TF},
    [F_MFL_CD] = {"eigrp.metric.flags.cd", "Candidate Default", TW_FT_BOOLEAN, 8, 0x2, NULL, NULL,
                  TF},
    [F_MFL_ACTIVE] = {"eigrp.metric.flags.active", "Route is Active", TW_FT_BOOLEAN, 8, 0x4, NULL,
                      NULL, TF},
    [F_MFL_REPL] = {"eigrp.metric.flags.repl", "Route is Replicated", TW_FT_BOOLEAN, 8, 0x8, NULL,
                    NULL, TF},
    [F_EXT_ORIGRID] = {"eigrp.extdata.origrid", "Originating RouterID", TW_FT_IPv4},
    [F_EXT_AS] = {"eigrp.extdata.as", "Originating A.S.", TW_FT_UINT32, TW_BASE_DEC},
    [F_EXT_TAG] = {"eigrp.extdata.tag", "Administrative Tag", TW_FT_UINT32, TW_BASE_DEC},
    [F_EXT_METRIC] = {"eigrp.extdata.metric", "External Metric", TW_FT_UINT32, TW_BASE_DEC},
    [F_EXT_RESERVED] = {"eigrp.extdata.reserved", "Reserved", TW_FT_UINT16, TW_BASE_DEC},
    [F_EXT_PROTO] = {"eigrp.extdata.proto", "External Protocol ID", TW_FT_UINT8, TW_BASE_DEC, 0,
                     proto_vals},
    [F_OPQ_EXT] = {"eigrp.opaque.flag.ext", "Route is External", TW_FT_BOOLEAN, 8, 0x1, NULL, NULL,
                   TF},
    [F_OPQ_CD] = {"eigrp.opaque.flag.cd", "Route is Candidate Default", TW_FT_BOOLEAN, 8, 0x2, NULL,
                  NULL, TF},
    [F_IPV4_NEXTHOP] = {"eigrp.ipv4.nexthop", "NextHop", TW_FT_IPv4},
    [F_IPV4_PREFIXLEN] = {"eigrp.ipv4.prefixlen", "Prefix Length", TW_FT_UINT8, TW_BASE_DEC},
    [F_IPV4_DEST] = {"eigrp.ipv4.destination", "Destination", TW_FT_IPv4},
    [F_IPV6_NEXTHOP] = {"eigrp.ipv6.nexthop", "NextHop", TW_FT_IPv6},
    [F_IPV6_PREFIXLEN] = {"eigrp.ipv6.prefixlen", "Prefix Length", TW_FT_UINT8, TW_BASE_DEC},
    [F_IPV6_DEST] = {"eigrp.ipv6.destination", "Destination", TW_FT_IPv6},
};

enum { E_CHECKSUM, E_PEER_TERM, E_TLV_LEN, E_UNKNOWN_TLV, E_PREFIXLEN, E_COUNT };
static const struct tw_expert_def experts[E_COUNT] = {
    [E_CHECKSUM] = {"eigrp.checksum.bad", "decoder.eigrp.bad_checksum", TW_SEV_WARN,
                    TW_GRP_CHECKSUM, "Bad Checksum"},
    [E_PEER_TERM] = {"eigrp.peer_termination", "decoder.eigrp.peer_termination", TW_SEV_NOTE,
                     TW_GRP_RESPONSE_CODE, "Peer Termination"},
    [E_TLV_LEN] = {"eigrp.tlv.len.invalid", "decoder.eigrp.tlv_len_invalid", TW_SEV_ERROR,
                   TW_GRP_MALFORMED, "Corrupt TLV (Length field less than 4)"},
    [E_UNKNOWN_TLV] = {"eigrp.tlv_type.unknown", "decoder.eigrp.unknown_tlv", TW_SEV_ERROR,
                       TW_GRP_UNDECODED, "Unknown TLV"},
    [E_PREFIXLEN] = {"eigrp.prefixlen.invalid", "decoder.eigrp.prefixlen_invalid", TW_SEV_WARN,
                     TW_GRP_MALFORMED, "Invalid prefix length"},
};

struct ex {
    struct tw_pkt *p;
    struct tw_cur *c;
    uint32_t end; /* the TLV's end */
    bool err;
};

static bool have(struct ex *x, uint32_t off, uint32_t n)
{
    if (x->err) return false;
    struct tw_cur t = *x->c;
    t.off = off;
    if (tw_cur_need(&t, n)) return true;
    if (!x->c->err) x->c->err = t.err;
    x->err = true;
    return false;
}
static uint32_t g8(struct ex *x, uint32_t o)
{
    return x->c->data[o];
}
static uint32_t g16(struct ex *x, uint32_t o)
{
    return (uint32_t)x->c->data[o] << 8 | x->c->data[o + 1];
}
static uint32_t g24(struct ex *x, uint32_t o)
{
    return (uint32_t)x->c->data[o] << 16 | (uint32_t)x->c->data[o + 1] << 8 | x->c->data[o + 2];
}
static uint32_t g32(struct ex *x, uint32_t o)
{
    return g16(x, o) << 16 | g16(x, o + 2);
}
static int32_t au(struct ex *x, int f, uint32_t o, uint32_t n)
{
    if (!have(x, o, n)) return -2;
    uint32_t v = n == 1 ? g8(x, o) : n == 2 ? g16(x, o) : n == 3 ? g24(x, o) : g32(x, o);
    return tw_add_uint(x->p, HF(f), o, n, v);
}
static int32_t ab(struct ex *x, int f, uint32_t o, uint32_t n)
{
    if (!have(x, o, n)) return -2;
    return tw_add_ptr(x->p, HF(f), o, n, x->c->data + o, n);
}

static void ip6_str(const uint8_t *a, char *out, size_t n)
{
    uint16_t w[8];
    for (int i = 0; i < 8; i++) w[i] = (uint16_t)(a[2 * i] << 8 | a[2 * i + 1]);
    int best = -1, bestlen = 0;
    for (int i = 0; i < 8;) {
        if (w[i]) {
            i++;
            continue;
        }
        int j = i;
        while (j < 8 && !w[j]) j++;
        if (j - i > bestlen && j - i >= 2) best = i, bestlen = j - i;
        i = j;
    }
    size_t o = 0;
    out[0] = 0;
    for (int i = 0; i < 8 && o < n; i++) {
        if (i == best) {
            o += (size_t)snprintf(out + o, n - o, "::");
            i += bestlen - 1;
            continue;
        }
        bool sep = i > 0 && i != best + bestlen;
        o += (size_t)snprintf(out + o, n - o, "%s%x", sep ? ":" : "", w[i]);
    }
    if (o >= n) out[n - 1] = 0;
}

/* the legacy (classic) metric block of 16 bytes */
static void legacy_metric(struct ex *x, uint32_t o)
{
    struct tw_pkt *p = x->p;
    int32_t t = tw_add_text(p, o, 16, "Legacy Metric");
    tw_tree_push(p, t);
    au(x, F_DELAY, o, 4);
    au(x, F_BW, o + 4, 4);
    au(x, F_MTU, o + 8, 3);
    au(x, F_HOPCOUNT, o + 11, 1);
    au(x, F_REL, o + 12, 1);
    au(x, F_LOAD, o + 13, 1);
    au(x, F_INTAG, o + 14, 1);
    if (have(x, o + 15, 1)) {
        int32_t f = tw_add_text(p, o + 15, 1, "Flags");
        tw_tree_push(p, f);
        uint32_t v = g8(x, o + 15);
        for (int k = F_MFL_SRCWD; k <= F_MFL_REPL; k++) tw_add_bits(p, HF(k), o + 15, 1, v);
        tw_tree_pop(p);
    }
    tw_tree_pop(p);
}

/* the external data block of 20 bytes */
static void external_data(struct ex *x, uint32_t o)
{
    struct tw_pkt *p = x->p;
    int32_t t = tw_add_text(p, o, 20, "External Data");
    tw_tree_push(p, t);
    ab(x, F_EXT_ORIGRID, o, 4);
    au(x, F_EXT_AS, o + 4, 4);
    au(x, F_EXT_TAG, o + 8, 4);
    au(x, F_EXT_METRIC, o + 12, 4);
    au(x, F_EXT_RESERVED, o + 16, 2);
    au(x, F_EXT_PROTO, o + 18, 1);
    if (have(x, o + 19, 1)) {
        int32_t f = tw_add_text(p, o + 19, 1, "External Flags");
        tw_tree_push(p, f);
        tw_add_bits(p, HF(F_OPQ_EXT), o + 19, 1, g8(x, o + 19));
        tw_add_bits(p, HF(F_OPQ_CD), o + 19, 1, g8(x, o + 19));
        tw_tree_pop(p);
    }
    tw_tree_pop(p);
}

/* destinations (prefix length + the significant bytes) until the TLV ends; returns the text of
 * the first for the TLV's label */
static void destinations(struct ex *x, uint32_t o, bool v6, char *first, size_t fn)
{
    struct tw_pkt *p = x->p;
    first[0] = 0;
    bool one = false;
    while (o < x->end) {
        if (!have(x, o, 1)) return;
        uint32_t plen = g8(x, o), max = v6 ? 128 : 32;
        tw_add_uint(p, HF(v6 ? F_IPV6_PREFIXLEN : F_IPV4_PREFIXLEN), o, 1, plen);
        if (plen > max) {
            tw_expert(p, EX(E_PREFIXLEN), o, 1, "Invalid prefix length %u, must be <= %u", plen,
                      max);
            return;
        }
        uint32_t n = (plen + 7) / 8;
        if (!v6 && n == 0) n = 1; /* tshark reads at least one byte of an IPv4 destination */
        /* an IPv6 prefix on a byte boundary carries one byte more (as tshark reads it) */
        if (v6 && plen % 8 == 0 && plen < 128) n++;
        if (!have(x, o + 1, n)) return;
        uint8_t *a = tw_arena_alloc(p->arena, 16);
        if (!a) return;
        memset(a, 0, 16);
        memcpy(a, x->c->data + o + 1, TW_MIN((plen + 7) / 8, v6 ? 16u : 4u));
        char s[64];
        if (v6)
            ip6_str(a, s, sizeof s);
        else
            snprintf(s, sizeof s, "%u.%u.%u.%u", a[0], a[1], a[2], a[3]);
        tw_add_ptr(p, HF(v6 ? F_IPV6_DEST : F_IPV4_DEST), o + 1, n, a, v6 ? 16 : 4);
        if (!one) snprintf(first, fn, "%s/%u", s, plen);
        one = true;
        o += 1 + n;
    }
}

static void tlv(struct ex *x, uint32_t o, uint32_t type, uint32_t len, int32_t t)
{
    struct tw_pkt *p = x->p;
    uint32_t v = o + 4;
    char dest[80];
    switch (type) {
    case 0x0001: {
        if (!have(x, v, 8)) break;
        bool term = true;
        for (int k = 0; k < 6; k++) {
            tw_add_uint(p, HF(F_K1 + k), v + (uint32_t)k, 1, g8(x, v + (uint32_t)k));
            if (k < 5) term &= g8(x, v + (uint32_t)k) == 255;
        }
        tw_add_uint(p, HF(F_HOLDTIME), v + 6, 2, g16(x, v + 6));
        if (term) {
            tw_rec_label(p, t, "Parameters: Peer Termination");
            tw_expert(p, EX(E_PEER_TERM), v, 6, "Peer Termination");
        }
        break;
    }
    case 0x0002: {
        if (!have(x, v, 2)) break;
        uint32_t at = g16(x, v);
        const char *an = tw_vs_find(auth_vals, at);
        tw_rec_label(p, t, "Authentication %s", an ? an : "Unknown");
        au(x, F_AUTH_TYPE, v, 2);
        au(x, F_AUTH_LENGTH, v + 2, 2);
        au(x, F_AUTH_KEYID, v + 4, 4);
        au(x, F_AUTH_KEYSEQ, v + 8, 4);
        ab(x, F_NULLPAD, v + 12, 8);
        if (!x->err && have(x, v + 2, 2)) {
            uint32_t dl = g16(x, v + 2);
            if (at == 2 || at == 3) ab(x, F_AUTH_DIGEST, v + 20, dl);
        }
        break;
    }
    case 0x0003: {
        uint32_t a = v;
        while (a < x->end && !x->err) {
            if (!have(x, a, 1)) break;
            uint32_t al = g8(x, a);
            au(x, F_SEQ_ADDRLEN, a, 1);
            if (al == 4)
                ab(x, F_SEQ_IPV4, a + 1, 4);
            else if (al == 16)
                ab(x, F_SEQ_IPV6, a + 1, 16);
            else
                break;
            a += 1 + al;
        }
        break;
    }
    case 0x0004:
        if (!have(x, v, 4)) break;
        tw_rec_label(p, t, "Software Version: EIGRP=%u.%u, TLV=%u.%u", g8(x, v), g8(x, v + 1),
                     g8(x, v + 2), g8(x, v + 3));
        {
            int32_t r = tw_add_uint(p, HF(F_RELEASE), v, 2, g16(x, v));
            tw_rec_label(p, r, "EIGRP Release: %u.%02u", g8(x, v), g8(x, v + 1));
            r = tw_add_uint(p, HF(F_TLV_VERSION), v + 2, 2, g16(x, v + 2));
            tw_rec_label(p, r, "EIGRP TLV version: %u.%02u", g8(x, v + 2), g8(x, v + 3));
        }
        break;
    case 0x0005:
        if (!have(x, v, 4)) break;
        tw_rec_label(p, t, "Next multicast sequence: %u", g32(x, v));
        au(x, F_NEXT_MCAST_SEQ, v, 4);
        break;
    case 0x0006: {
        if (!have(x, v, 2)) break;
        uint32_t s = g16(x, v);
        int32_t r = tw_add_uint(p, HF(F_STUB), v, 2, s);
        if (r >= 0 && tw_want_labels(p)) {
            char lab[200];
            int k = snprintf(lab, sizeof lab, "Stub Options: 0x%04x", s);
            for (int f = F_STUB_CONNECTED; f <= F_STUB_RECVONLY && k > 0 && (size_t)k < sizeof lab;
                 f++)
                if (s & fields[f].mask)
                    k += snprintf(lab + k, sizeof lab - (size_t)k, ", %s", fields[f].name);
            tw_rec_label(p, r, "%s", lab);
        }
        tw_tree_push(p, r);
        for (int f = F_STUB_CONNECTED; f <= F_STUB_RECVONLY; f++) tw_add_bits(p, HF(f), v, 2, s);
        tw_tree_pop(p);
        break;
    }
    case 0x00f5: {
        tw_rec_label(p, t, "Peer Topology ID List");
        au(x, F_TIDLIST_FLAGS, v, 2);
        if (!have(x, v + 2, 2)) break;
        uint32_t n = g16(x, v + 2);
        tw_add_uint(p, HF(F_TIDLIST_LEN), v + 2, 2, n);
        int32_t l = tw_add_text(p, v + 4, n, "%u TIDs", n / 2);
        tw_tree_push(p, l);
        for (uint32_t i = 0; i + 2 <= n && !x->err; i += 2) au(x, F_TIDLIST, v + 4 + i, 2);
        tw_tree_pop(p);
        break;
    }
    case 0x0102:
    case 0x0103:
    case 0x0402:
    case 0x0403: {
        bool v6 = type >= 0x0400, ext = (type & 0xff) == 3;
        uint32_t nhl = v6 ? 16 : 4, o2 = v;
        ab(x, v6 ? F_IPV6_NEXTHOP : F_IPV4_NEXTHOP, o2, nhl);
        o2 += nhl;
        if (ext) {
            external_data(x, o2);
            o2 += 20;
        }
        legacy_metric(x, o2);
        o2 += 16;
        if (x->err) break;
        destinations(x, o2, v6, dest, sizeof dest);
        if (dest[0]) tw_rec_label(p, t, "%s  =   %s", tw_vs_find(tlv_vals, type), dest);
        break;
    }
    case 0x00f2:
    case 0x00f3: {
        /* two reserved bytes, then the topology */
        bool ext = type == 0x00f3;
        au(x, F_TID, v + 2, 2);
        if (!have(x, v + 4, 2)) break;
        uint32_t afi = g16(x, v + 4);
        au(x, F_AFI, v + 4, 2);
        ab(x, F_ROUTERID, v + 6, 4);
        au(x, F_OLD_TAG, v + 10, 4);
        uint32_t o2 = v + 14;
        legacy_metric(x, o2);
        o2 += 16;
        if (x->err || (afi != 1 && afi != 2)) break;
        bool v6 = afi == 2;
        ab(x, v6 ? F_IPV6_NEXTHOP : F_IPV4_NEXTHOP, o2, v6 ? 16 : 4);
        o2 += v6 ? 16 : 4;
        if (ext) {
            external_data(x, o2);
            o2 += 20;
        }
        if (x->err) break;
        destinations(x, o2, v6, dest, sizeof dest);
        if (dest[0]) tw_rec_label(p, t, "%s  =   %s", tw_vs_find(tlv_vals, type), dest);
        break;
    }
    default:
        break;
    }
    (void)len;
}

static enum tw_status dissect(struct tw_pkt *p, struct tw_cur *c)
{
    const uint32_t s = c->off;
    struct ex x = {p, c, c->end, false};
    tw_col_proto(p, "EIGRP");
    tw_info_clear(p);
    if (!have(&x, s, 20)) {
        tw_layer_unrecord(p);
        return TW_OK;
    }
    uint32_t opcode = g8(&x, s + 1), ack = g32(&x, s + 12);
    const char *on = tw_vs_find(opcode_vals, opcode);
    if (opcode == 5 && ack)
        tw_info_set(p, "Hello (Ack)");
    else if (on)
        tw_info_set(p, on);
    else {
        tw_info_set(p, "");
        tw_info_printf(p, "Unknown OpCode (0x%04x)", opcode);
    }
    tw_add_uint(p, HF(F_VERSION), s, 1, g8(&x, s));
    tw_add_uint(p, HF(F_OPCODE), s + 1, 1, opcode);
    uint32_t cks = g16(&x, s + 2);
    int32_t cr = tw_add_uint(p, HF(F_CHECKSUM), s + 2, 2, cks), st = -1;
    uint32_t rep = c->end - s, capd = TW_MIN(c->cap, c->end) - s;
    if (!p->ctx.ip_fragment && capd >= rep) {
        uint16_t computed = tw_cksum_fold(tw_cksum_add(0, c->data + s, rep));
        if (computed == 0) {
            tw_rec_label(p, cr, "Checksum: 0x%04x [correct]", cks);
            st = tw_add_uint(p, HF(F_CHECKSUM_STATUS), s + 2, 2, 1);
        } else {
            uint32_t sb = cks + computed;
            sb = (sb & 0xffff) + (sb >> 16);
            sb = (sb & 0xffff) + (sb >> 16);
            tw_rec_label(p, cr, "Checksum: 0x%04x incorrect, should be 0x%04x", cks, sb);
            tw_tree_push(p, cr);
            tw_expert(p, EX(E_CHECKSUM), s + 2, 2, "Bad Checksum [should be 0x%04x]", sb);
            tw_tree_pop(p);
            st = tw_add_uint(p, HF(F_CHECKSUM_STATUS), s + 2, 2, 0);
        }
    } else {
        tw_rec_label(p, cr, "Checksum: 0x%04x [unverified]", cks);
        st = tw_add_uint(p, HF(F_CHECKSUM_STATUS), s + 2, 2, 2);
    }
    tw_rec_flags(p, st, TW_RF_GENERATED);
    uint32_t fl = g32(&x, s + 4);
    int32_t fr = tw_add_uint(p, HF(F_FLAGS), s + 4, 4, fl);
    if (fr >= 0 && tw_want_labels(p)) {
        char lab[160];
        int k = snprintf(lab, sizeof lab, "Flags: 0x%08x", fl);
        for (int f = F_FL_INIT; f <= F_FL_EOT && k > 0 && (size_t)k < sizeof lab; f++)
            if (fl & fields[f].mask)
                k += snprintf(lab + k, sizeof lab - (size_t)k, ", %s", fields[f].name);
        tw_rec_label(p, fr, "%s", lab);
    }
    tw_tree_push(p, fr);
    for (int f = F_FL_INIT; f <= F_FL_EOT; f++) tw_add_bits(p, HF(f), s + 4, 4, fl);
    tw_tree_pop(p);
    tw_add_uint(p, HF(F_SEQ), s + 8, 4, g32(&x, s + 8));
    tw_add_uint(p, HF(F_ACK), s + 12, 4, ack);
    uint32_t vrid = g16(&x, s + 16);
    int32_t vr = tw_add_uint(p, HF(F_VRID), s + 16, 2, vrid);
    tw_rec_label(p, vr, "Virtual Router ID: %u (%s)", vrid,
                 vrid == 0        ? "Address-Family"
                 : vrid == 0x8000 ? "Service-Family"
                                  : "Reserved");
    tw_add_uint(p, HF(F_AS), s + 18, 2, g16(&x, s + 18));
    uint32_t o = s + 20;
    while (o < c->end && !x.err) {
        if (!have(&x, o, 4)) break;
        uint32_t type = g16(&x, o), len = g16(&x, o + 2);
        const char *tn = tw_vs_find(tlv_vals, type);
        int32_t t = tw_add_text(p, o, len, "%s", tn ? tn : "Unknown TLV");
        tw_tree_push(p, t);
        tw_add_uint(p, HF(F_TLV_TYPE), o, 2, type);
        int32_t lr = tw_add_uint(p, HF(F_TLV_LEN), o + 2, 2, len);
        if (len < 4) {
            tw_tree_push(p, lr);
            tw_expert(p, EX(E_TLV_LEN), o + 2, 2, "Corrupt TLV (Length field less than 4)");
            tw_tree_pop(p);
            tw_tree_pop(p);
            break;
        }
        x.end = TW_MIN(o + len, c->end);
        tlv(&x, o, type, len, t);
        tw_tree_pop(p);
        o += len;
    }
    return TW_OK;
}

static const struct tw_binding bindings[] = {{TW_TBL_IP_PROTO, 88}};

const struct tw_proto tw_proto_eigrp = {
    .abbrev = "eigrp",
    .name = "Cisco EIGRP",
    .short_name = "EIGRP",
    .fields = fields,
    .nfields = F_COUNT,
    .experts = experts,
    .nexperts = E_COUNT,
    .bindings = bindings,
    .nbindings = TW_ARRAY_LEN(bindings),
    .dissect = dissect,
    .ids = &ids,
};
