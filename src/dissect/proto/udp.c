/* User Datagram Protocol (RFC 768) and Lightweight UDP (UDP-Lite, RFC 3828), which shares the
 * header layout with a checksum coverage in place of the length. Jumbograms (RFC 2675 section
 * 4): over IPv6 a zero length means "as long as the IP payload".
 *
 *    0      7 8     15 16    23 24    31
 *   +--------+--------+--------+--------+
 *   |     Source      |   Destination   |
 *   |      Port       |      Port       |
 *   +--------+--------+--------+--------+
 *   |     Length      |    Checksum     |     (UDP-Lite: Checksum Coverage | Checksum)
 *   +--------+--------+--------+--------+
 *   |          data octets ...
 *   +---------------- ...
 *
 * Conversations (address/port pairs) get tshark's stream index and the time since the first and
 * the previous datagram of the stream, kept in a bounded state table (CONV_MAX entries, least
 * recently used evicted: a pair seen again after its eviction gets a new index).
 */
#include "../dissect.h"

#include <stdio.h>

static struct tw_proto_ids ids, lite_ids;
#define HF(x) ((uint16_t)(ids.base + (x)))
#define EX(x) ((uint16_t)(ids.expert_base + (x)))

enum {
    F_SRCPORT,
    F_DSTPORT,
    F_PORT,
    F_LENGTH,
    F_CKSUM,
    F_CKSUM_CALC,
    F_CKSUM_STATUS,
    F_PAYLOAD,
    F_STREAM,
    F_TIME_REL,
    F_TIME_DELTA,
    F_COUNT
};

static const struct tw_vs cksum_status_vals[] = {
    {0, "Bad"}, {1, "Good"}, {2, "Unverified"}, {3, "Not present"}, {4, "Illegal"}, {0, NULL}};

static const struct tw_field_def fields[F_COUNT] = {
    [F_SRCPORT] = {"udp.srcport", "Source Port", TW_FT_UINT16, TW_BASE_PT_UDP},
    [F_DSTPORT] = {"udp.dstport", "Destination Port", TW_FT_UINT16, TW_BASE_PT_UDP},
    [F_PORT] = {"udp.port", "Source or Destination Port", TW_FT_UINT16, TW_BASE_PT_UDP},
    [F_LENGTH] = {"udp.length", "Length", TW_FT_UINT16, TW_BASE_DEC, 0, NULL, NULL, NULL,
                  "Length in octets including this header and the data"},
    [F_CKSUM] = {"udp.checksum", "Checksum", TW_FT_UINT16, TW_BASE_HEX, 0, NULL, NULL, NULL,
                 "Details at: https://www.wireshark.org/docs/wsug_html_chunked/ChAdvChecksums.html"},
    [F_CKSUM_CALC] = {"udp.checksum_calculated", "Calculated Checksum", TW_FT_UINT16, TW_BASE_HEX,
                      0, NULL, NULL, NULL,
                      "The expected UDP checksum field as calculated from the UDP packet"},
    [F_CKSUM_STATUS] = {"udp.checksum.status", "Checksum Status", TW_FT_UINT8, TW_BASE_NONE, 0,
                        cksum_status_vals},
    [F_PAYLOAD] = {"udp.payload", "Payload", TW_FT_BYTES},
    [F_STREAM] = {"udp.stream", "Stream index", TW_FT_UINT32, TW_BASE_DEC},
    [F_TIME_REL] = {"udp.time_relative", "Time since first frame", TW_FT_RELATIVE_TIME, 0, 0, NULL,
                    NULL, NULL, "Time relative to first frame in this UDP stream"},
    [F_TIME_DELTA] = {"udp.time_delta", "Time since previous frame", TW_FT_RELATIVE_TIME, 0, 0,
                      NULL, NULL, NULL, "Time delta from previous frame in this UDP stream"},
};

enum { E_TRACEROUTE, E_LENGTH_BAD, E_COVERAGE_BAD, E_CKSUM_ZERO, E_CKSUM_BAD, E_LENGTH_BAD_ZERO, E_COUNT };
static const struct tw_expert_def experts[E_COUNT] = {
    [E_TRACEROUTE] = {"udp.possible_traceroute", "decoder.udp.possible_traceroute", TW_SEV_CHAT,
                      TW_GRP_SEQUENCE, "Possible traceroute"},
    [E_LENGTH_BAD] = {"udp.length.bad", "decoder.udp.length_bad", TW_SEV_ERROR, TW_GRP_MALFORMED,
                      "Bad length value"},
    [E_COVERAGE_BAD] = {"udplite.checksum_coverage.bad", "decoder.udplite.coverage_bad",
                        TW_SEV_ERROR, TW_GRP_MALFORMED, "Bad checksum coverage length value"},
    [E_CKSUM_ZERO] = {"udp.checksum.zero", "decoder.udp.checksum_zero", TW_SEV_ERROR,
                      TW_GRP_CHECKSUM, "Illegal checksum value (0)"},
    [E_CKSUM_BAD] = {"udp.checksum.bad", "decoder.udp.bad_checksum", TW_SEV_ERROR,
                     TW_GRP_CHECKSUM, "Bad checksum"},
    [E_LENGTH_BAD_ZERO] = {"udp.length.bad_zero", "decoder.udp.length_bad_zero", TW_SEV_WARN,
                           TW_GRP_PROTOCOL, "Length is zero but payload < 65536"},
};

/* UDP-Lite's one field of its own (Wireshark names it under udp.) */
enum { FL_COVERAGE, FL_COUNT };
static const struct tw_field_def lite_fields[FL_COUNT] = {
    [FL_COVERAGE] = {"udp.checksum_coverage", "Checksum coverage", TW_FT_UINT16, TW_BASE_DEC},
};

/* preferences, with tshark's defaults */
static bool check_checksum, lite_check_checksum, ignore_ipv6_zero, lite_ignore_coverage;

#define CONV_MAX (1u << 20) /* live conversations remembered; beyond, the oldest is forgotten */
struct conv {
    uint32_t stream;
    struct tw_time first, prev;
    uint16_t dissector; /* protocol index + 1 of the dissector set on the conversation, 0 none */
    uint8_t media;      /* TW_MEDIA_*: what SDP announced on it (wildcard conversations) */
    bool shadowed;      /* a dissector made a new conversation for the pair: the next packet
                         * of the pair starts a new stream (tw_udp_conv_new) */
};
static struct tw_state *conv_tab;
/* tshark's conversations with the second address and port wildcarded (NO_ADDR2|NO_PORT2), made
 * ahead of their traffic by SDP (RTP/RTCP/T.38 media): keyed by one address and port */
static struct tw_state *wild_tab;
static uint32_t next_stream;

static size_t wild_key(const uint8_t *a, uint8_t al, uint16_t port, uint8_t *k)
{
    size_t n = 0;
    k[n++] = al;
    if (al) memcpy(k + n, a, al);
    n += al;
    k[n++] = (uint8_t)(port >> 8);
    k[n++] = (uint8_t)port;
    return n;
}

/* tshark's find_conversation() for a packet with no exact conversation: the wildcard ones,
 * keyed by the source address/port first, then by the destination's */
static struct conv *find_wild(const struct tw_pkt *p, uint16_t sport, uint16_t dport)
{
    if (!wild_tab) return NULL;
    const struct tw_addr *a = &p->ctx.ip_src, *b = &p->ctx.ip_dst;
    if (!a->p || !b->p || a->len > 16 || b->len > 16) return NULL;
    uint8_t key[TW_STATE_KEY_MAX];
    struct conv *cv = tw_state_get(wild_tab, key, wild_key(a->p, a->len, sport, key));
    if (!cv) cv = tw_state_get(wild_tab, key, wild_key(b->p, b->len, dport, key));
    return cv;
}

/* the stream index; the stream's timestamps (*rel, *delta) are returned for add_times() */
static struct conv *add_conv(struct tw_pkt *p, uint32_t off, uint16_t sport, uint16_t dport,
                             struct tw_time *rel, struct tw_time *delta)
{
    /* only when something shows conversation data (fixed for the run: all packets or none) */
    if (!conv_tab || !(p->want_all || p->want_cols || tw_want_proto(p, ids.proto) ||
                       tw_tap_wanted(p, TW_TAP_UDP)))
        return NULL;
    uint8_t key[TW_STATE_KEY_MAX];
    size_t kl = tw_conv_key(p, sport, dport, key, NULL);
    bool fresh = false;
    struct conv *cv = tw_state_get(conv_tab, key, kl);
    if (!cv) cv = find_wild(p, sport, dport);
    if (!cv) cv = tw_state_put(conv_tab, key, kl, &fresh);
    if (!cv) return NULL;
    if (fresh || cv->shadowed) {
        cv->stream = next_stream++;
        cv->first = cv->prev = p->frame->ts;
        cv->shadowed = false;
    }
    if (tw_want(p, HF(F_TIME_REL)) || tw_want(p, HF(F_TIME_DELTA))) {
        *rel = tw_time_sub(p->frame->ts, cv->first);
        *delta = tw_time_sub(p->frame->ts, cv->prev);
    }
    cv->prev = p->frame->ts;
    int32_t r = tw_add_uint(p, HF(F_STREAM), off, 0, cv->stream);
    tw_rec_flags(p, r, TW_RF_GENERATED);
    return cv;
}

bool tw_udp_conv_new(struct tw_pkt *p, uint16_t proto)
{
    if (!conv_tab) return false;
    uint8_t key[TW_STATE_KEY_MAX];
    size_t kl = tw_conv_key(p, p->ctx.srcport, p->ctx.dstport, key, NULL);
    struct conv *cv = tw_state_get(conv_tab, key, kl);
    if (!cv || cv->dissector == proto + 1u) return false;
    cv->dissector = (uint16_t)(proto + 1u);
    cv->shadowed = true;
    return true;
}

void tw_udp_conv_expect(const uint8_t *addr, uint8_t alen, uint16_t port, uint8_t media)
{
    if (!wild_tab || alen > 16) return;
    uint8_t key[TW_STATE_KEY_MAX];
    bool fresh = false;
    struct conv *cv = tw_state_put(wild_tab, key, wild_key(addr, alen, port, key), &fresh);
    if (!cv) return;
    /* a new conversation each time (tshark: another setup frame), numbered at its first packet */
    cv->dissector = 0;
    cv->media = media;
    cv->shadowed = true;
}

/* the stream's timestamps (tshark shows them for datagrams with a payload, outside ICMP errors) */
static void add_times(struct tw_pkt *p, uint32_t off, struct tw_time rel, struct tw_time delta)
{
    int32_t r = tw_add_text(p, off, 0, "Timestamps");
    tw_rec_flags(p, r, TW_RF_GENERATED);
    tw_tree_push(p, r);
    r = tw_add_time(p, HF(F_TIME_REL), off, 0, rel);
    tw_rec_flags(p, r, TW_RF_GENERATED);
    r = tw_add_time(p, HF(F_TIME_DELTA), off, 0, delta);
    tw_rec_flags(p, r, TW_RF_GENERATED);
    tw_tree_pop(p);
}

static void udp_init(void)
{
    next_stream = 0;
    conv_tab = tw_state_open("udp.conv", sizeof(struct conv), CONV_MAX, NULL);
    wild_tab = tw_state_open("udp.wconv", sizeof(struct conv), CONV_MAX, NULL);
    check_checksum = tw_pref_bool("udp.check_checksum", false);
    ignore_ipv6_zero = tw_pref_bool("udp.ignore_ipv6_zero_checksum", false);
    lite_check_checksum = tw_pref_bool("udplite.check_checksum", false);
    lite_ignore_coverage = tw_pref_bool("udplite.ignore_checksum_coverage", true);
}

static enum tw_status cur_status(const struct tw_cur *c)
{
    return c->err == TW_CUR_TRUNCATED ? TW_TRUNCATED : c->err ? TW_MALFORMED : TW_OK;
}

/* traceroute's default probe ports (LBL traceroute: 33434 + hop*3 + attempt) */
static void traceroute_hint(struct tw_pkt *p, int32_t rec, uint32_t off, uint16_t port)
{
    if (port <= 32768 + 666 || port > 32768 + 666 + 30) return;
    tw_tree_push(p, rec);
    tw_expert(p, EX(E_TRACEROUTE), off, 2, "Possible traceroute: hop #%u, attempt #%u",
              ((port - 32768u - 666u - 1u) / 3u) + 1u, ((port - 32768u - 666u - 1u) % 3u) + 1u);
    tw_tree_pop(p);
}

static uint16_t cksum_shouldbe(uint16_t sum, uint16_t computed)
{
    uint32_t s = (uint32_t)sum + computed;
    s = (s & 0xffff) + (s >> 16);
    s = (s & 0xffff) + (s >> 16);
    return (uint16_t)s;
}

/* checksum over the pseudo-header (with `plen` as its length) and `cov` bytes of the datagram;
 * false without IP below */
static bool compute_cksum(const struct tw_pkt *p, const struct tw_cur *c, uint32_t start,
                          uint8_t proto, uint32_t plen, uint32_t cov, uint16_t *out)
{
    const uint8_t *src = p->ctx.ip_src.p, *dst = p->ctx.ip_dst.p;
    uint8_t ph[40];
    size_t phl;
    if (!src || !dst) return false;
    if (p->ctx.ip_version == 4 && p->ctx.ip_src.len == 4 && p->ctx.ip_dst.len == 4) {
        memcpy(ph, src, 4);
        memcpy(ph + 4, dst, 4);
        ph[8] = 0;
        ph[9] = proto;
        ph[10] = (uint8_t)(plen >> 8);
        ph[11] = (uint8_t)plen;
        phl = 12;
    } else if (p->ctx.ip_version == 6) {
        if (p->ctx.ip6_home_addr) src = p->ctx.ip6_home_addr;
        if (p->ctx.ip6_final_dst) dst = p->ctx.ip6_final_dst;
        memcpy(ph, src, 16);
        memcpy(ph + 16, dst, 16);
        ph[32] = (uint8_t)(plen >> 24);
        ph[33] = (uint8_t)(plen >> 16);
        ph[34] = (uint8_t)(plen >> 8);
        ph[35] = (uint8_t)plen;
        ph[36] = ph[37] = ph[38] = 0;
        ph[39] = proto;
        phl = 40;
    } else {
        return false;
    }
    uint32_t sum = tw_cksum_add(0, ph, phl);
    sum = tw_cksum_add(sum, c->data + start, cov);
    *out = tw_cksum_fold(sum);
    return true;
}

/* the datagram for the stages after dissection (follow, statistics) */
static void publish_tap(struct tw_pkt *p, const struct tw_cur *c, uint32_t start, uint32_t rep,
                        uint32_t ulen, uint16_t field, uint16_t sum, uint32_t stream, bool lite)
{
    struct tw_tap_udp *t = tw_arena_alloc(p->arena, sizeof *t);
    if (!t) return;
    uint32_t cap_end = TW_MIN(c->cap, c->end);
    uint32_t caplen = cap_end > start ? cap_end - start : 0;
    t->ip_version = p->ctx.ip_version;
    t->src = p->ctx.ip_src;
    t->dst = p->ctx.ip_dst;
    t->sport = p->ctx.srcport;
    t->dport = p->ctx.dstport;
    t->stream = stream;
    t->length = field;
    uint32_t plen = TW_MIN(ulen, rep);
    t->payload_len = plen > 8 ? plen - 8 : 0;
    t->payload = c->data + start + 8;
    t->payload_cap = caplen > 8 ? TW_MIN(caplen - 8, t->payload_len) : 0;
    t->in_error = p->ctx.in_error_pkt;
    t->layer = p->nlayers ? p->nlayers - 1 : 0;
    t->cksum = TW_CK_UNKNOWN;
    t->lite = lite;
    uint16_t computed;
    /* UDP-Lite (tshark's UDP taps see it too): its coverage rules are not computed here */
    if (lite) {
    } else if (sum == 0)
        t->cksum = p->ctx.ip_version == 6 ? TW_CK_BAD : TW_CK_NONE;
    else if (p->tap_cksum && !p->ctx.ip_fragment && !p->ctx.in_error_pkt && caplen >= ulen &&
             ulen >= 8 && ulen <= rep && compute_cksum(p, c, start, 17, ulen, ulen, &computed)) {
        t->cksum = computed == 0 ? TW_CK_GOOD : TW_CK_BAD;
    }
    tw_tap_queue(p, TW_TAP_UDP, t);
}

static enum tw_status dissect_common(struct tw_pkt *p, struct tw_cur *c, bool lite)
{
    const uint32_t start = c->off;
    const uint32_t rep = tw_cur_left(c);
    const uint32_t cap_end = TW_MIN(c->cap, c->end);
    const uint32_t caplen = cap_end > start ? cap_end - start : 0;
    const bool labels = tw_want_labels(p);
    const uint8_t proto = lite ? 136 : 17;

    const uint8_t *h = tw_cur_bytes(c, 4);
    if (!h) {
        /* Wireshark reads both ports before adding its item: with fewer than 4 bytes (or none
         * at all, an IPv6 payload length of 0) it fails without one */
        tw_layer_unrecord(p);
        return cur_status(c);
    }
    uint16_t sport = (uint16_t)(h[0] << 8 | h[1]), dport = (uint16_t)(h[2] << 8 | h[3]);
    p->ctx.srcport = sport;
    p->ctx.dstport = dport;
    tw_info_clear(p);
    tw_info_printf(p, "%u \xe2\x86\x92 %u", sport, dport);
    if (tw_layer_recorded(p))
        tw_layer_label(p, "%s, Src Port: %u, Dst Port: %u",
                       lite ? "Lightweight User Datagram Protocol" : "User Datagram Protocol",
                       sport, dport);
    tw_layer_setlen(p, TW_MIN(8u, rep));
    int32_t r = tw_add_uint(p, HF(F_SRCPORT), start, 2, sport);
    traceroute_hint(p, r, start, sport);
    r = tw_add_uint(p, HF(F_DSTPORT), start + 2, 2, dport);
    traceroute_hint(p, r, start + 2, dport);
    r = tw_add_uint(p, HF(F_PORT), start, 2, sport);
    tw_rec_flags(p, r, TW_RF_HIDDEN);
    r = tw_add_uint(p, HF(F_PORT), start + 2, 2, dport);
    tw_rec_flags(p, r, TW_RF_HIDDEN);

    uint16_t field = tw_cur_u16(c);
    if (c->err) return cur_status(c);
    uint32_t ulen = field, cov = field;
    bool jumbo = false;
    if (!lite) {
        r = tw_add_uint(p, HF(F_LENGTH), start + 4, 2, field);
        if (ulen == 0 && p->ctx.ip_version == 6) {
            ulen = cov = rep;
            jumbo = true;
        }
        if (ulen < 8) {
            if (labels) tw_rec_label(p, r, "Length: %u (bogus, must be >= 8)", field);
            tw_tree_push(p, r);
            tw_expert(p, EX(E_LENGTH_BAD), start + 4, 2, "Bad length value %u < 8", ulen);
            tw_tree_pop(p);
            tw_info_printf(p, " [BAD UDP LENGTH %u < 8]", ulen);
            return TW_OK;
        }
        if (ulen > rep && !p->ctx.ip_fragment && !p->ctx.in_error_pkt) {
            if (labels) tw_rec_label(p, r, "Length: %u (bogus, payload length %u)", field, rep);
            tw_tree_push(p, r);
            tw_expert(p, EX(E_LENGTH_BAD), start + 4, 2, "Bad length value %u > IP payload length",
                      ulen);
            tw_tree_pop(p);
            tw_info_printf(p, " [BAD UDP LENGTH %u > IP PAYLOAD LENGTH]", ulen);
        }
        if (jumbo && ulen < 65536) {
            tw_tree_push(p, r);
            tw_expert(p, EX(E_LENGTH_BAD_ZERO), start + 4, 2, NULL);
            tw_tree_pop(p);
        }
    } else {
        r = tw_add_uint(p, (uint16_t)(lite_ids.base + FL_COVERAGE), start + 4, 2, field);
        ulen = rep;
        if (cov == 0) cov = rep;
        int32_t lr = tw_add_uint(p, HF(F_LENGTH), start + 4, 0, ulen);
        tw_rec_flags(p, lr, TW_RF_GENERATED);
        if (cov < 8 || cov > ulen) {
            if (labels)
                tw_rec_label(p, r, "Checksum coverage: %u (bogus, must be >= 8 and <= %u)", field,
                             ulen);
            tw_tree_push(p, r);
            tw_expert(p, EX(E_COVERAGE_BAD), start + 4, 2,
                      "Bad checksum coverage length value %u < 8 or > %u", cov, ulen);
            tw_tree_pop(p);
            tw_info_printf(p, " [BAD LIGHTWEIGHT UDP CHECKSUM COVERAGE LENGTH %u < 8 or > %u]", cov,
                           ulen);
            if (!lite_ignore_coverage) return TW_OK;
        }
    }
    tw_info_printf(p, " Len=%u", ulen - 8);
    if (jumbo) tw_info_add(p, " [Jumbogram]");

    uint16_t sum = tw_cur_u16(c);
    if (c->err) return cur_status(c);
    uint32_t off = start + 6;
    if (sum == 0) {
        /* no checksum: allowed over IPv4 (RFC 768), not over IPv6 (RFC 8200 8.1) */
        bool ignore = !lite && (p->ctx.ip_version != 6 || ignore_ipv6_zero);
        r = tw_add_uint(p, HF(F_CKSUM), off, 2, 0);
        tw_tree_push(p, r);
        if (ignore || p->ctx.in_error_pkt) {
            if (labels) tw_rec_label(p, r, "Checksum: 0x0000 [zero-value ignored]");
            r = tw_add_uint(p, HF(F_CKSUM_STATUS), off, 2, 3);
            if (labels) tw_rec_label(p, r, "Checksum Status: Not present");
        } else {
            if (labels) tw_rec_label(p, r, "Checksum: 0x0000 [zero-value illegal]");
            tw_expert(p, EX(E_CKSUM_ZERO), off, 2, NULL);
            tw_info_add(p, " [ILLEGAL CHECKSUM (0)]");
            r = tw_add_uint(p, HF(F_CKSUM_STATUS), off, 2, 4);
            if (labels) tw_rec_label(p, r, "Checksum Status: Illegal");
        }
        tw_rec_flags(p, r, TW_RF_GENERATED);
        tw_tree_pop(p);
    } else {
        uint16_t computed = 0;
        bool check = lite ? lite_check_checksum : check_checksum;
        if (check && !p->ctx.ip_fragment && caplen >= rep && caplen >= cov && rep >= cov &&
            cov >= 8 && compute_cksum(p, c, start, proto, lite ? rep : ulen, cov, &computed)) {
            uint16_t shouldbe = cksum_shouldbe(sum, computed);
            r = tw_add_uint(p, HF(F_CKSUM), off, 2, sum);
            if (labels) {
                if (computed == 0)
                    tw_rec_label(p, r, "Checksum: 0x%04x [correct]", sum);
                else
                    tw_rec_label(p, r,
                                 "Checksum: 0x%04x incorrect, should be 0x%04x (maybe caused by "
                                 "\"UDP checksum offload\"?)",
                                 sum, shouldbe);
            }
            tw_tree_push(p, r);
            if (computed != 0)
                tw_expert(p, EX(E_CKSUM_BAD), off, 2, "Bad checksum [should be 0x%04x]", shouldbe);
            int32_t cr = tw_add_uint(p, HF(F_CKSUM_CALC), off, 2, shouldbe);
            tw_rec_flags(p, cr, TW_RF_GENERATED);
            tw_tree_pop(p);
            r = tw_add_uint(p, HF(F_CKSUM_STATUS), off, 2, computed == 0 ? 1 : 0);
            tw_rec_flags(p, r, TW_RF_GENERATED);
            if (labels) tw_rec_label(p, r, "Checksum Status: %s", computed == 0 ? "Good" : "Bad");
            if (computed != 0) tw_info_add(p, " [UDP CHECKSUM INCORRECT]");
        } else {
            r = tw_add_uint(p, HF(F_CKSUM), off, 2, sum);
            if (labels) tw_rec_label(p, r, "Checksum: 0x%04x [unverified]", sum);
            r = tw_add_uint(p, HF(F_CKSUM_STATUS), off, 2, 2);
            tw_rec_flags(p, r, TW_RF_GENERATED);
            if (labels) tw_rec_label(p, r, "Checksum Status: Unverified");
        }
    }

    struct tw_time trel = {0, 0}, tdelta = {0, 0};
    struct conv *cv = add_conv(p, start, sport, dport, &trel, &tdelta);
    if (tw_tap_wanted(p, TW_TAP_UDP))
        publish_tap(p, c, start, rep, ulen, field, sum, cv ? cv->stream : UINT32_MAX, lite);
    if (ulen == 8) return TW_OK; /* empty datagram: anything after it is not UDP's */
    if (cv && !p->ctx.in_error_pkt) add_times(p, start, trel, tdelta);

    /* the payload: as much as the length says, within what IP delivered */
    uint32_t poff = start + 8;
    uint32_t rep_left = rep > 8 ? rep - 8 : 0;
    uint32_t cap_left = caplen > 8 ? caplen - 8 : 0;
    if (p->ctx.in_error_pkt && cap_left == 0) return TW_OK;
    if (ulen - 8 < rep_left) rep_left = ulen - 8;
    uint32_t n = TW_MIN(cap_left, rep_left);
    if (cap_left == 0) {
        /* tshark's payload item needs at least one byte of the rest */
        return poff >= c->end ? TW_MALFORMED : TW_TRUNCATED;
    }
    /* SIP's SDP bodies set up the media conversations (tshark's SIP and SDP dissectors) */
    if (!p->ctx.in_error_pkt) tw_sdp_conv_setup(c->data + poff, n, sport, dport);
    /* a conversation SDP announced carries RTP/RTCP (tshark's conversation dissector, tried
     * before the ports); without conversation tracking in this run, its wildcard is looked up */
    uint8_t media = TW_MEDIA_NONE;
    if (cv)
        media = cv->media;
    else if (wild_tab && tw_state_count(wild_tab)) {
        const struct conv *w = find_wild(p, sport, dport);
        if (w) media = w->media;
    }
    r = tw_add_ptr(p, HF(F_PAYLOAD), poff, cap_left, c->data + poff, cap_left);
    if (labels) tw_rec_label(p, r, "UDP payload (%u byte%s)", n, n == 1 ? "" : "s");
    struct tw_cur pl = *c;
    pl.off = poff;
    pl.end = poff + rep_left;
    if (pl.cap > pl.end) pl.cap = pl.end;
    if (media == TW_MEDIA_RTP || media == TW_MEDIA_RTCP) {
        tw_next(p, TW_TBL_NAME, media == TW_MEDIA_RTP ? TW_KEY_RTP : TW_KEY_RTCP, pl);
        return TW_OK;
    }
    /* lower port first, then the higher one, then the heuristics; port 0 is never looked up */
    uint16_t lo = sport < dport ? sport : dport, hi = sport < dport ? dport : sport;
    if (lo == 0)
        tw_next(p, TW_TBL_UDP_PORT, hi, pl);
    else
        tw_next2(p, TW_TBL_UDP_PORT, lo, hi, pl);
    return TW_OK;
}

static enum tw_status dissect_udp(struct tw_pkt *p, struct tw_cur *c)
{
    return dissect_common(p, c, false);
}

static enum tw_status dissect_udplite(struct tw_pkt *p, struct tw_cur *c)
{
    return dissect_common(p, c, true);
}

static const struct tw_binding bindings[] = {{TW_TBL_IP_PROTO, 17}};

const struct tw_proto tw_proto_udp = {
    .abbrev = "udp",
    .name = "User Datagram Protocol",
    .short_name = "UDP",
    .fields = fields,
    .nfields = F_COUNT,
    .experts = experts,
    .nexperts = E_COUNT,
    .bindings = bindings,
    .nbindings = TW_ARRAY_LEN(bindings),
    .dissect = dissect_udp,
    .init = udp_init,
    .ids = &ids,
};

static const struct tw_binding lite_bindings[] = {{TW_TBL_IP_PROTO, 136}};

const struct tw_proto tw_proto_udplite = {
    .abbrev = "udplite",
    .name = "Lightweight User Datagram Protocol",
    .short_name = "UDP-Lite",
    .fields = lite_fields,
    .nfields = FL_COUNT,
    .bindings = lite_bindings,
    .nbindings = TW_ARRAY_LEN(lite_bindings),
    .dissect = dissect_udplite,
    .ids = &lite_ids,
};
