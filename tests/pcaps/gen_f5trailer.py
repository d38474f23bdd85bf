#!/usr/bin/python3
"""Writes tests/pcaps/f5trailer.pcap: Ethernet frames (ARP requests) carrying F5 Ethernet
trailers, for trawl's f5ethtrailer.c (the heuristic tshark 4.0 runs on Ethernet trailers) and
the goldens f5trailer-1 (-V) and f5trailer-2 (-T fields):

  1  legacy: low v1 (ingress, VIP "vs_web"), medium v3, high v0 (IPv4 peers)
  2  legacy: low v0 (BIG-IP 10 layout, 22 bytes), medium v0 (32-bit flow ids), high v0
     with no peer flow ("No peer connection information")
  3  legacy: low v0 (BIG-IP 9.4 layout, 35 bytes, flow ids in low noise), medium v1 with an
     RST cause, after 4 zero bytes of padding
  4  DPT: low v3 (flags), medium v4 with an RST cause, high v1, a TLV of an unknown provider
  5  DPT: low v2 (egress), medium v4, high v1 with route-domain and IPv6 peers
  6  DPT whose second TLV claims more bytes than there are (bad length)
  7  not an F5 trailer: 8 zero bytes then 0xff... (left as an Ethernet trailer)
  8  cut: 10 zero bytes then 7 bytes (tshark's dissector throws: "[Malformed Packet]")
  9  legacy medium v2 with an RST cause from the peer, then junk that is no trailer
 10  the frame's original FCS, then a DPT trailer (low v3)
 11  a legacy header whose type rejects its length: tshark shows an empty "Medium Details" but
     leaves the bytes an Ethernet trailer

Deterministic: fixed timestamps and addresses. Run: /usr/bin/python3 tests/pcaps/gen_f5trailer.py"""
import os
import struct

from scapy.all import ARP, Ether, wrpcap

HERE = os.path.dirname(os.path.abspath(__file__))
T0 = 1700000000

SRC = "00:1f:29:da:2d:79"


def arp(i):
    return bytes(Ether(dst="ff:ff:ff:ff:ff:ff", src=SRC) /
                 ARP(op=1, hwsrc=SRC, psrc="192.168.1.%d" % (10 + i), pdst="192.168.1.1"))


def legacy(typ, ver, body):
    return bytes([typ, len(body) + 1, ver]) + body


def v4mapped(a):
    return bytes(10) + b"\xff\xff" + bytes(int(x) for x in a.split("."))


def rtdom(rd, a):
    return bytes.fromhex("26200000" "0c10f501" "0000") + struct.pack(">H", rd) + \
        bytes(int(x) for x in a.split("."))


def rst(text, peer=False, val=0x123456789abc, line=1234):
    b = bytes([0 | (1 if peer else 0)]) + struct.pack(">Q", val << 16 | line) + text
    return bytes([len(b)]) + b


# legacy low v1: ingress, slot (0-based), tmm, VIP length, VIP
low_v1 = legacy(1, 1, bytes([1, 1, 3, 6]) + b"vs_web")
# legacy medium v3: flow, peer, cfflags2, cfflags, flow type, HA unit, reserved, priority, RST len
med_v3 = legacy(2, 3, struct.pack(">QQIIBBIBB", 0x1111, 0x2222, 0x80000000, 0x00c00012, 1, 0,
                                  0, 3, 0))
high_v0 = legacy(3, 0, bytes([6]) + struct.pack(">H", 4094) + v4mapped("10.1.1.1") +
                 v4mapped("10.2.2.2") + struct.pack(">HH", 44321, 443))
f1 = low_v1 + med_v3 + high_v0

# legacy low v0 (22 bytes): ingress, slot, tmm, VIP (16, NUL padded)
low_v10 = legacy(1, 0, bytes([0, 0, 1]) + b"pool_a".ljust(16, b"\0"))
med_v10 = legacy(2, 0, struct.pack(">IIIBBHH", 0x33, 0, 0x10, 2, 1, 0x0100, 0x0200))
high_nopeer = legacy(3, 0, bytes(39))
f2 = low_v10 + med_v10 + high_nopeer

# legacy low v0 (35 bytes, 9.4): ingress, slot, tmm, flow, peer, cfflags, type, VIP (16)
low_v94 = legacy(1, 0, bytes([1, 2, 0]) + struct.pack(">IIIB", 0x44, 0x55, 0x1, 3) +
                 b"vip94".ljust(16, b"\0"))
med_v1 = legacy(2, 1, struct.pack(">QQIBBHH", 0x66, 0x77, 0x20, 1, 0, 1, 2) +
                rst(b"No local listener"))
f3 = bytes(4) + low_v94 + med_v1


def tlv(prov, typ, ver, body):
    return struct.pack(">HHHH", prov, typ, 8 + len(body), ver) + body


def dpt(*tlvs, length=None):
    body = b"".join(tlvs)
    return struct.pack(">IHH", 0xF5DEB0F5, length if length is not None else 8 + len(body), 1) + body


def med_v4(flow, peer, rc=b"\0"):
    return tlv(1, 2, 4, struct.pack(">QQIIBBIB", flow, peer, 1, 0x12, 1, 1, 0, 5) + rc)


def high_v1(a, b, sport, dport, proto=17, vlan=10):
    return tlv(1, 3, 1, bytes([proto]) + struct.pack(">H", vlan) + a + b +
               struct.pack(">HH", sport, dport))


f4 = dpt(tlv(1, 1, 3, bytes([0x05, 0, 7, 4]) + b"vs_4"),
         med_v4(0x99, 0xAA, rst(b"Policy action", peer=False)),
         high_v1(v4mapped("172.16.0.9"), v4mapped("172.16.0.1"), 5353, 53),
         tlv(9, 1, 1, b"\x01\x02\x03"))
f5 = dpt(tlv(1, 1, 2, bytes([0, 1, 2, 0])),
         med_v4(0x1234, 0x5678),
         high_v1(rtdom(12, "10.9.8.7"), bytes.fromhex("20010db8000000000000000000000001"), 1000,
                 2000, proto=6))
f6 = dpt(tlv(1, 1, 3, bytes([0x01, 0, 0, 0])), struct.pack(">HHHH", 1, 2, 200, 4) + bytes(8))
f7 = bytes(8) + b"\xff\xee\xdd\xcc\xbb\xaa\x99\x88\x77"
f8 = bytes(10) + bytes([1, 5, 1, 1, 0, 2, 0])
med_v2 = legacy(2, 2, struct.pack(">QQIBBHHB", 0xbb, 0xcc, 0x30, 2, 1, 3, 4, 6) +
                rst(b"Idle timeout", peer=True))
f9 = med_v2 + b"\x07\x07\x07\x07\x07\x07"
f10 = bytes.fromhex("c0ffee11") + dpt(tlv(1, 1, 3, bytes([0x00, 3, 1, 2]) + b"vs"))
f11 = legacy(2, 1, bytes(18))

pkts = []
for i, t in enumerate([f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11]):
    p = Ether(arp(i) + t)
    p.time = T0 + i
    pkts.append(p)
wrpcap(os.path.join(HERE, "f5trailer.pcap"), pkts)
