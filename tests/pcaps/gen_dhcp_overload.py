#!/usr/bin/python3
"""Writes tests/pcaps/dhcp-overload.pcap: DHCP Offers whose Option Overload (52) gives the
sname field, the file field, or both to options (RFC 2131 4.1), as tshark 4.0 dissects them
under option 52; and one whose sname options lack their End. Run with /usr/bin/python3
(Debian's scapy)."""
import os
import struct

from scapy.layers.inet import IP, UDP
from scapy.layers.l2 import Ether
from scapy.packet import Raw
from scapy.utils import wrpcap

HERE = os.path.dirname(os.path.abspath(__file__))


def opt(code, value):
    return bytes([code, len(value)]) + value


def offer(xid, sname, file, overload):
    hdr = struct.pack("!BBBBIHH", 2, 1, 6, 0, xid, 0, 0)
    hdr += bytes([0, 0, 0, 0]) + bytes([192, 0, 2, 50]) + bytes([192, 0, 2, 1]) + bytes(4)
    hdr += bytes.fromhex("020000000001") + bytes(10)
    hdr += sname.ljust(64, b"\0") + file.ljust(128, b"\0") + b"\x63\x82\x53\x63"
    opts = (opt(53, b"\x02") + opt(54, bytes([192, 0, 2, 1])) + opt(51, struct.pack("!I", 300)) +
            opt(52, bytes([overload])) + b"\xff")
    return hdr + opts


def main():
    sname_opts = opt(6, bytes([192, 0, 2, 53])) + opt(3, bytes([192, 0, 2, 1])) + b"\xff"
    file_opts = opt(15, b"example.net") + opt(1, bytes([255, 255, 255, 0])) + b"\xff"
    msgs = [offer(1, sname_opts, b"", 2),
            offer(2, b"", file_opts, 1),
            offer(3, sname_opts, file_opts, 3),
            offer(4, opt(6, bytes([192, 0, 2, 53])), b"boot.img", 2)]
    pkts = []
    for i, m in enumerate(msgs):
        p = (Ether(src="02:00:00:00:00:01", dst="ff:ff:ff:ff:ff:ff") /
             IP(src="192.0.2.1", dst="255.255.255.255") / UDP(sport=67, dport=68) / Raw(m))
        p.time = 1767229800 + i
        pkts.append(p)
    wrpcap(os.path.join(HERE, "dhcp-overload.pcap"), pkts)


if __name__ == "__main__":
    main()
