#!/usr/bin/python3
"""Writes tests/pcaps/mpls.pcap: MPLS label stacks over Ethernet as tshark dissects them: one
label with IPv4/TCP (Ethernet padding after the IPv4 total length), two labels with IPv4/UDP,
the IPv6 explicit-null label with IPv6/UDP, a multicast EtherType (0x8848), a payload whose first
nibble is neither 4 nor 6 (data), and a stack that ends where the frame does. Run with
/usr/bin/python3 (Debian's scapy)."""
import os
import struct

from scapy.layers.inet import IP, TCP, UDP
from scapy.layers.inet6 import IPv6
from scapy.layers.l2 import Ether
from scapy.packet import Raw
from scapy.utils import wrpcap

HERE = os.path.dirname(os.path.abspath(__file__))


def label(value, tc=0, bottom=True, ttl=64):
    return struct.pack("!I", value << 12 | tc << 9 | (0x100 if bottom else 0) | ttl)


def main():
    eth = dict(src="02:00:00:00:00:0a", dst="02:00:00:00:00:0b")
    ip4 = bytes(IP(src="10.1.2.1", dst="10.34.0.1", id=1) / TCP(sport=11001, dport=23, flags="S"))
    ip4u = bytes(IP(src="10.1.2.1", dst="10.34.0.2", id=2) / UDP(sport=40010, dport=9) / Raw(b"x"))
    ip6 = bytes(IPv6(src="2001:db8::1", dst="2001:db8::2") / UDP(sport=4001, dport=9) / Raw(b"y"))
    frames = [
        Ether(type=0x8847, **eth) / Raw(label(29, 6, True, 255) + ip4),
        Ether(type=0x8847, **eth) / Raw(label(1000, 0, False, 255) + label(16, 5, True, 254) + ip4u),
        Ether(type=0x8847, **eth) / Raw(label(2, 0, True, 64) + ip6),
        Ether(type=0x8848, **eth) / Raw(label(3000, 1, True, 10) + ip4u),
        Ether(type=0x8847, **eth) / Raw(label(17) + b"\x55" + bytes(7) + b"payload"),
        Ether(type=0x8847, **eth) / Raw(label(18, 0, False) + label(19)),
    ]
    for i, f in enumerate(frames):
        f.time = 1767227100 + i
    wrpcap(os.path.join(HERE, "mpls.pcap"), frames)


if __name__ == "__main__":
    main()
