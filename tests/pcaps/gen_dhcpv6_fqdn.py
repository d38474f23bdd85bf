#!/usr/bin/python3
"""Writes tests/pcaps/dhcpv6-fqdn.pcap: DHCPv6 Solicits whose Client FQDN option (39) covers the
cases tshark 4.0 words differently: each combination of the client's N and S flags (N and S
together is an error), a partial name (no root label), a single-label name (a TLD, warned
about), an empty domain field (the client asks the server for a name), a full name; and Replies
with the server's flags (O: the server overrode the client's S bit). Run with /usr/bin/python3 (Debian's scapy)."""
import os
import struct

from scapy.layers.inet import UDP
from scapy.layers.inet6 import IPv6
from scapy.layers.l2 import Ether
from scapy.packet import Raw
from scapy.utils import wrpcap

HERE = os.path.dirname(os.path.abspath(__file__))


def label(*parts, root=True):
    return b"".join(bytes([len(x)]) + x for x in parts) + (b"\x00" if root else b"")


def main():
    cases = [(1, 0x00, label(b"host", b"example", b"net")),
             (1, 0x01, label(b"User-PC", root=False)),
             (1, 0x04, label(b"User-PC")),
             (1, 0x05, b""),
             (7, 0x03, label(b"host", b"example", b"net")),
             (7, 0x02, label(b"host", b"example", b"net")),
             (7, 0x05, label(b"host", b"example", b"net")),
             (7, 0x06, label(b"host", b"example", b"net"))]
    pkts = []
    for i, (mt, flags, name) in enumerate(cases):
        opt = struct.pack("!HH", 39, 1 + len(name)) + bytes([flags]) + name
        msg = bytes([mt]) + struct.pack("!I", 0x100 + i)[1:] + opt
        src, dst, sp, dp = ("fe80::1", "ff02::1:2", 546, 547) if mt == 1 else \
            ("fe80::2", "fe80::1", 547, 546)
        p = (Ether(src="02:00:00:00:00:01", dst="33:33:00:01:00:02") / IPv6(src=src, dst=dst) /
             UDP(sport=sp, dport=dp) / Raw(msg))
        p.time = 1767229200 + i
        pkts.append(p)
    wrpcap(os.path.join(HERE, "dhcpv6-fqdn.pcap"), pkts)


if __name__ == "__main__":
    main()
