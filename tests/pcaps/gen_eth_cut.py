#!/usr/bin/python3
"""Writes tests/pcaps/eth-cut.pcap: Ethernet frames whose trailer, padding or FCS the capture
cut, for eth.c's trailer code (Wireshark's add_ethernet_trailer: padding check, FCS guess,
trailer item, FCS read) and the goldens eth-cut-1 (-T fields) and eth-cut-2 (-V).

Each frame is UDP (or 802.1Q/UDP, or 802.3/LLC) with a 4-byte payload (46 bytes before the
trailer, 48 for 802.3's 7-byte LLC frame... see below), captured up to some bytes of what
follows, with a claimed length (wirelen) of 60, 64, 70 or 1000 bytes:
  - nothing of the trailer captured (EtherType step: no trailer code at all; 802.3: the FCS
    read fails, "Ethernet truncated")
  - zeros that start the padding, cut before its end ("Ethertype truncated", nothing shown)
  - whole padding, then a cut FCS (padding shown, then "Ethertype truncated")
  - a non-zero byte (no padding, a trailer item, then the FCS read fails)
  - frames long enough to need no padding, with 1-10 captured trailer bytes
Deterministic: fixed timestamps and addresses. Run: /usr/bin/python3 tests/pcaps/gen_eth_cut.py"""
import os

from scapy.all import IP, LLC, UDP, Dot1Q, Dot3, Ether, Raw, wrpcap

HERE = os.path.dirname(os.path.abspath(__file__))
T0 = 1700000000

SRC, DST = "00:1f:29:da:2d:79", "00:00:c0:a0:96:87"
udp = Ether(src=SRC, dst=DST) / IP(src="10.0.0.1", dst="10.0.0.2") / UDP(sport=1000, dport=9999) / Raw(b"ABCD")
vlan = (Ether(src=SRC, dst=DST) / Dot1Q(vlan=5) / IP(src="10.0.0.1", dst="10.0.0.2") /
        UDP(sport=1000, dport=9999) / Raw(b"ABCD"))
dot3 = Dot3(src=SRC, dst="01:80:c2:00:00:00", len=7) / LLC(dsap=0x42, ssap=0x42, ctrl=3) / Raw(b"\x00\x00\x00\x00")
big = Ether(src=SRC, dst=DST) / IP(src="10.0.0.1", dst="10.0.0.2") / UDP(sport=1000, dport=9999) / Raw(b"X" * 30)

cases = []
for base in (udp, vlan, dot3):
    for wire in (60, 64, 70, 1000):
        for extra in (b"", b"\x00", b"\x00" * 13, b"\x00" * 14, b"\x00" * 18, b"\x00" * 14 + b"\xaa",
                      b"\xff", b"\xff" * 4, b"\x00\xff"):
            if len(bytes(base)) + len(extra) <= wire:
                cases.append((base, extra, wire))
for wire in (100, 1000):
    for extra in (b"", b"\x00", b"\xff", b"\x01\x02\x03\x04\x05", b"\x00" * 10):
        cases.append((big, extra, wire))

pkts = []
for i, (base, extra, wire) in enumerate(cases):
    pk = Ether(bytes(base) + extra)
    pk.wirelen = wire
    pk.time = T0 + i
    pkts.append(pk)
wrpcap(os.path.join(HERE, "eth-cut.pcap"), pkts)
