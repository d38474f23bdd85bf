/* What IPv6 (ipv6.c) shares with the protocols that sit in its extension header chain or read
 * its header: AH (ah.c) continues the chain, ICMPv6 (icmpv6.c) wants the hop limit for its Info
 * column. Only these files include this header. */
#ifndef TW_PROTO_IPV6_H
#define TW_PROTO_IPV6_H

#include "../dissect.h"

/* Wireshark's ipproto_val names, for "Next Header: UDP (17)" labels (ranges in the _rvals). */
extern const struct tw_vs tw_ip6_proto_vals[];
extern const struct tw_rs tw_ip6_proto_rvals[];
/* ipprotostr(): the name of an IP protocol number, "Unknown" when there is none */
const char *tw_ip6_proto_str(uint8_t nxt);

/* The record under which an extension header of the current IPv6 chain puts its own protocol
 * line (Wireshark shows extension headers inside the IPv6 tree), or -1 when the running layer
 * is not part of an IPv6 header chain (AH over IPv4). */
int32_t tw_ipv6_chain_root(struct tw_pkt *p, bool *in_chain);

/* Continue the IPv6 header chain after an extension header (or AH) that ends at c: extension
 * headers go on through the IP protocol table; anything else ends the chain (the IPv6 line then
 * spans all extension headers, ctx.ip_proto is set, and unknown protocols are named in Info). */
void tw_ipv6_next(struct tw_pkt *p, uint8_t nxt, struct tw_cur c);

/* The hop limit of the innermost IPv6 header of the current chain; false when there is none. */
bool tw_ipv6_hlim(const struct tw_pkt *p, uint8_t *hlim);

/* The extension header chain length so far ("ipv6_pinfo->frag_plen" in Wireshark): an extension
 * header reports its length here; the fragment header reads what is left. */
void tw_ipv6_add_exthdr_len(struct tw_pkt *p, uint32_t len);

/* Label helpers shared with ICMPv6: the "0110 .... = " prefix of a masked field, and an integer
 * split into flags shown as Wireshark's proto_tree_add_bitmask does (the header line names the set
 * flags and the value strings of the other parts). */
int tw_ip6_bits_prefix(char *out, size_t n, uint64_t mask, int width, uint64_t raw);
int32_t tw_ip6_bitmask(struct tw_pkt *p, uint16_t hdr, const uint16_t *subs, size_t n, uint32_t off,
                       uint32_t len, uint64_t raw);

#endif
