/* UDP ports tshark 4.0 hands to a dissector of its own (dns.c has the list): its UDP heuristics
 * are not reached for them, so trawl's (DNS, DTLS) are not either. */
#ifndef TW_PROTO_UDP_PORTS_H
#define TW_PROTO_UDP_PORTS_H

#include <stdbool.h>
#include <stdint.h>

bool tw_udp_port_taken(uint16_t port);

#endif
