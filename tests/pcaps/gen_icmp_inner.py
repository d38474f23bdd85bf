#!/usr/bin/python3
"""Writes tests/pcaps/icmp-inner.pcap: ICMP and ICMPv6 errors quoting a datagram whose next
header is cut short, and plain datagrams with 1-6 bytes of UDP/TCP/ICMP/GRE, for the goldens
icmp-inner-1 (-V) and icmp-inner-2 (frame.protocols):

  - inside an error, a protocol that fails before adding its item (UDP/TCP need the ports,
    ICMP type/code and byte 5, GRE flags and type, the IPv6 hop-by-hop header its first two
    bytes, the fragment header all 8) is taken off frame.protocols, as tshark 4.0 does; at
    the top level it stays there, without an item (UDP with under 4 bytes has none)
  - quoted datagrams cut by the capture itself (not by the error's length)

Deterministic: fixed timestamps and addresses. Run: /usr/bin/python3 tests/pcaps/gen_icmp_inner.py"""
import os

from scapy.all import ICMP, IP, TCP, UDP, Ether, ICMPv6DestUnreach, IPv6, Raw, wrpcap

HERE = os.path.dirname(os.path.abspath(__file__))
T0 = 1700000000
A, B = "192.0.2.1", "192.0.2.2"
A6, B6 = "fe80::beef", "fe80::dead"

pkts = []
heads = ((17, bytes(UDP(sport=53, dport=1000, len=8))), (6, bytes(TCP(sport=80, dport=1000))),
         (1, bytes(ICMP() / b"abcd")), (47, bytes(8)))
for proto, full in heads:
    for n in (1, 2, 4, 6, 8):
        if n > len(full):
            continue
        inner = bytes(IP(proto=proto, len=20 + len(full), src=A, dst=B)) + full[:n]
        pkts.append(Ether() / IP(src=B, dst=A) / ICMP(type=3, code=3) / Raw(inner))
for proto, full in heads:
    for n in (1, 2, 6):
        pkts.append(Ether() / IP(proto=proto, src=B, dst=A) / Raw(full[:n]))
for nh, full in ((17, bytes(UDP(sport=53, dport=1000, len=8))), (0, bytes([17, 0, 1, 4, 0, 0, 0, 0])),
                 (44, bytes([17, 0, 0, 0, 0, 0, 0, 1]))):
    for n in (0, 1, 2, 4, 8):
        inner = bytes(IPv6(nh=nh, plen=8, src=A6, dst=B6)) + full[:n]
        pkts.append(Ether() / IPv6(src=B6, dst=A6) / ICMPv6DestUnreach() / Raw(inner))
# the error itself cut by the capture
inner = bytes(IP(proto=17, len=28, src=A, dst=B)) + bytes(UDP(sport=53, dport=1000, len=8))
full = bytes(Ether() / IP(src=B, dst=A) / ICMP(type=3, code=3) / Raw(inner))
for cut in (2, 6):
    pkts.append(Ether(full[:len(full) - 8 + cut]))
inner = (bytes(IPv6(nh=44, plen=16, src=A6, dst=B6)) + bytes([17, 0, 0, 0, 0, 0, 0, 1]) +
         bytes(UDP(sport=53, dport=1000, len=8)))
full = bytes(Ether() / IPv6(src=B6, dst=A6) / ICMPv6DestUnreach() / Raw(inner))
for cut in (4, 10):
    pkts.append(Ether(full[:len(full) - 16 + cut]))
for i, pk in enumerate(pkts):
    pk.time = T0 + i
wrpcap(os.path.join(HERE, "icmp-inner.pcap"), pkts)
