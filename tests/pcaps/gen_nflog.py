#!/usr/bin/python3
"""Writes tests/pcaps/nflog.pcap (LINKTYPE_NFLOG): netlink attributes as the kernel writes them
(little-endian length and type, values in network order, padded to 4 bytes): packet header,
prefix, interface indexes, UID/GID, timestamp, hardware address, and the payload (IPv4/UDP,
IPv6/UDP), then a record whose attribute claims more bytes than there are. Run with
/usr/bin/python3 (Debian's scapy)."""
import os
import struct

from scapy.layers.inet import IP, UDP
from scapy.layers.inet6 import IPv6
from scapy.packet import Raw
from scapy.utils import PcapWriter

HERE = os.path.dirname(os.path.abspath(__file__))


def tlv(t, value):
    b = struct.pack("<HH", 4 + len(value), t) + value
    return b + bytes(-len(b) % 4)


def record(family, res_id, tlvs):
    return struct.pack("!BBH", family, 0, res_id) + b"".join(tlvs)


def main():
    ip4 = bytes(IP(src="10.0.2.15", dst="93.184.216.34", id=3) / UDP(sport=5353, dport=53) / Raw(b"q"))
    ip6 = bytes(IPv6(src="2001:db8::f", dst="2001:db8::1") / UDP(sport=5353, dport=53) / Raw(b"r"))
    recs = [
        record(2, 42, [tlv(1, struct.pack("!HBx", 0x0800, 3)), tlv(10, b"drop: \0"),
                       tlv(5, struct.pack("!I", 2)), tlv(11, struct.pack("!i", 1000)),
                       tlv(14, struct.pack("!i", -1)), tlv(9, ip4)]),
        record(10, 7, [tlv(1, struct.pack("!HBx", 0x86dd, 1)), tlv(4, struct.pack("!I", 3)),
                       tlv(8, bytes.fromhex("0006ffffb8a386b9c3d60000")),
                       tlv(3, struct.pack("!QQ", 1378492318, 614652)), tlv(9, ip6)]),
        record(2, 0, [struct.pack("<HH", 256, 1) + bytes(4)]),
    ]
    w = PcapWriter(os.path.join(HERE, "nflog.pcap"), linktype=239, sync=True)
    for i, r in enumerate(recs):
        p = Raw(r)
        p.time = 1767227200 + i
        w.write(p)
    w.close()


if __name__ == "__main__":
    main()
