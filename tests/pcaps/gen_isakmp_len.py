#!/usr/bin/python3
"""Writes tests/pcaps/isakmp-len.pcap: ISAKMP headers whose Length field is impossible, for
isakmp.c and the golden isakmp-len-1 (-V) / isakmp-len-2 (summary lines):

  1-2  UDP 500, Length 0 with a zero and a non-zero initiator SPI: tshark 4.0 refuses them
       (the Protocol column says ISAKMP, Info is empty, the bytes are data)
  3-4  Length 28 (the header alone), zero and non-zero SPIs
  5-6  Length 27 and 30 (two bytes follow the header)
  7    an IKEv2 header with Length 0 (refused too)
  8-9  UDP 4500 after the non-ESP marker, Length 0 and 27 (udpencap, then data)
  10   Length 2^31 (tshark's exception before its Length item)
  11   Length 100 in a 28-byte message (the same exception)

Deterministic: fixed timestamps. Run: /usr/bin/python3 tests/pcaps/gen_isakmp_len.py"""
import os
import struct

from scapy.all import IP, UDP, Ether, Raw, wrpcap

HERE = os.path.dirname(os.path.abspath(__file__))
T0 = 1700000000
Z, N = bytes(8), b"\x11" * 8


def ike(ispi, np, ver, length, extra=b"", port=500, pre=b""):
    h = pre + ispi + Z + bytes([np, ver, 1 if ver == 0x10 else 34, 0]) + struct.pack(">II", 0, length)
    return Ether() / IP(src="192.0.2.1", dst="192.0.2.2") / UDP(sport=port, dport=port) / Raw(h + extra)


pkts = [
    ike(Z, 8, 0x10, 0, b"\x0a\x00"),
    ike(N, 8, 0x10, 0, b"\x0a\x00"),
    ike(Z, 0, 0x10, 28),
    ike(N, 0, 0x10, 28),
    ike(N, 0, 0x10, 27),
    ike(N, 0, 0x10, 30, b"\x0a\x00"),
    ike(N, 0, 0x20, 0),
    ike(N, 0, 0x10, 0, port=4500, pre=bytes(4)),
    ike(N, 0, 0x10, 27, port=4500, pre=bytes(4)),
    ike(N, 0, 0x10, 0x80000000),
    ike(N, 0, 0x10, 100),
]
for i, pk in enumerate(pkts):
    pk.time = T0 + i
wrpcap(os.path.join(HERE, "isakmp-len.pcap"), pkts)
