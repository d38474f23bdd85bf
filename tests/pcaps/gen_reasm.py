#!/usr/bin/python3
"""Writes tests/pcaps/reasm.pcap: IPv4 and IPv6 fragment reassembly and ICMP echo matching.

Deterministic (fixed timestamps, fixed addresses, no randomness). Covers, for IPv4: in-order,
out-of-order, a duplicate, overlapping fragments with equal and with conflicting bytes, a
missing fragment (never completes), two different tails, a fragment running past the tail, a
truncated (snaplen) fragment, a bad header checksum fragment (not reassembled with checksum
checks on), interleaved datagrams sharing an identification with different protocols, a
reassembled ICMP echo, many small fragments (a long fragment list), and a fragment whose
offset alone would exceed 64 KiB; for IPv6: in-order and out-of-order UDP, an overlap, a
missing fragment and a reassembled ICMPv6 echo with its reply; pings with and without a reply,
a duplicate reply, and requests repeated with the same id/seq; and one datagram seen on two
VLANs (Wireshark keys IPv4 reassembly on the VLAN id when an address is private).

Run: /usr/bin/python3 tests/pcaps/gen_reasm.py   (from the repository root or anywhere)"""
import os
import struct

from scapy.all import ICMP, IP, UDP, Ether, ICMPv6EchoReply, ICMPv6EchoRequest, IPv6, Raw
from scapy.layers.inet6 import IPv6ExtHdrFragment

HERE = os.path.dirname(os.path.abspath(__file__))
T0 = 1700000000  # 2023-11-14 22:13:20 UTC

SRC_MAC = "00:11:22:33:44:55"
DST_MAC = "66:77:88:99:aa:bb"
A = "192.0.2.1"
B = "198.51.100.7"
A6 = "2001:db8::1"
B6 = "2001:db8::2"

frames = []


def eth(payload, etype=0x0800):
    return bytes(Ether(src=SRC_MAC, dst=DST_MAC, type=etype)) + bytes(payload)


def add(data, snap=None):
    frames.append((bytes(data), snap))


def cksum(b):
    if len(b) % 2:
        b += b"\0"
    s = sum(struct.unpack("!%dH" % (len(b) // 2), b))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return (~s) & 0xffff


def frag4(payload, off, more, ident, proto=17, src=A, dst=B, bad_sum=False):
    """one IPv4 fragment carrying payload at byte offset off (a multiple of 8)"""
    s = bytes(map(int, src.split(".")))
    d = bytes(map(int, dst.split(".")))
    fo = (0x2000 if more else 0) | (off // 8)
    h = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(payload), ident, fo, 64, proto, 0, s, d)
    c = cksum(h) ^ (0x1111 if bad_sum else 0)
    h = h[:10] + struct.pack("!H", c) + h[12:]
    return eth(h + payload)


def udp_dgram(sport, dport, data, src=A, dst=B):
    return bytes(IP(src=src, dst=dst) / UDP(sport=sport, dport=dport) / Raw(data))[20:]


def pattern(n, seed):
    return bytes((seed + i * 7) & 0xff for i in range(n))


def frag6(payload, off, more, ident, nxt=17, src=A6, dst=B6):
    hdr = IPv6(src=src, dst=dst, nh=44, plen=8 + len(payload))
    fh = struct.pack("!BBHI", nxt, 0, off | (1 if more else 0), ident)
    return eth(bytes(hdr)[:40] + fh + payload, 0x86dd)


def udp6_dgram(sport, dport, data):
    return bytes(IPv6(src=A6, dst=B6) / UDP(sport=sport, dport=dport) / Raw(data))[40:]


# 1-2: in order, two fragments (UDP)
d = udp_dgram(5000, 9999, pattern(1500, 1))
add(frag4(d[:1480], 0, True, 0x0101))
add(frag4(d[1480:], 1480, False, 0x0101))
# 3-5: out of order, three fragments
d = udp_dgram(5001, 9999, pattern(2000, 2))
add(frag4(d[1200:], 1200, False, 0x0102))
add(frag4(d[:600], 0, True, 0x0102))
add(frag4(d[600:1200], 600, True, 0x0102))
# 6-8: a duplicate of the first fragment before the last
d = udp_dgram(5002, 9999, pattern(1000, 3))
add(frag4(d[:504], 0, True, 0x0103))
add(frag4(d[:504], 0, True, 0x0103))
add(frag4(d[504:], 504, False, 0x0103))
# 9-11: overlapping fragments with equal bytes
d = udp_dgram(5003, 9999, pattern(1200, 4))
add(frag4(d[:800], 0, True, 0x0104))
add(frag4(d[400:1000], 400, True, 0x0104))
add(frag4(d[1000:], 1000, False, 0x0104))
# 12-14: overlapping fragments with conflicting bytes
d = udp_dgram(5004, 9999, pattern(1200, 5))
add(frag4(d[:800], 0, True, 0x0105))
add(frag4(b"\xee" * 600, 400, True, 0x0105))
add(frag4(d[1000:], 1000, False, 0x0105))
# 15-16: missing middle fragment: never completes
d = udp_dgram(5005, 9999, pattern(1500, 6))
add(frag4(d[:504], 0, True, 0x0106))
add(frag4(d[1008:], 1008, False, 0x0106))
# 17-19: two tails that disagree, then the gap filled
d = udp_dgram(5006, 9999, pattern(1000, 7))
add(frag4(d[504:], 504, False, 0x0107))
add(frag4(d[504:800], 504, False, 0x0107))
add(frag4(d[:504], 0, True, 0x0107))
# 20-22: a middle fragment running past the tail
d = udp_dgram(5007, 9999, pattern(1000, 8))
add(frag4(d[504:] + b"EXTRA-BYTES-PAST-THE-END", 504, True, 0x0108))
add(frag4(d[:504], 0, True, 0x0108))
add(frag4(d[800:], 800, False, 0x0108))
# 23-24: first fragment cut by the snaplen (not reassembled), then the tail
d = udp_dgram(5008, 9999, pattern(1000, 9))
add(frag4(d[:504], 0, True, 0x0109), snap=14 + 20 + 100)
add(frag4(d[504:], 504, False, 0x0109))
# 25-28: two datagrams sharing the identification, different protocols, interleaved
d1 = udp_dgram(5009, 9999, pattern(700, 10))
d2 = pattern(700, 11)
add(frag4(d1[:504], 0, True, 0x010a, proto=17))
add(frag4(d2[:504], 0, True, 0x010a, proto=253))
add(frag4(d2[504:], 504, False, 0x010a, proto=253))
add(frag4(d1[504:], 504, False, 0x010a, proto=17))
# 29-30: a fragmented ICMP echo request and its (unfragmented) reply
icmp = bytes(ICMP(type=8, id=0x4242, seq=1) / Raw(pattern(1600, 12)))
add(frag4(icmp[:1480], 0, True, 0x010b, proto=1))
add(frag4(icmp[1480:], 1480, False, 0x010b, proto=1))
reply = bytes(ICMP(type=0, id=0x4242, seq=1) / Raw(pattern(1600, 12)))
add(eth(IP(src=B, dst=A, proto=1, id=0x0201) / Raw(reply)))
# 32-71: forty small fragments (a long fragment list), sent in reverse
d = udp_dgram(5010, 9999, pattern(40 * 16 - 8, 13))
for i in reversed(range(40)):
    add(frag4(d[i * 16:(i + 1) * 16], i * 16, i != 39, 0x010c))
# 72: a fragment whose offset alone goes past 64 KiB (never completes); 73: not a fragment
add(frag4(pattern(64, 14), 65528, True, 0x010d))
add(frag4(udp_dgram(5011, 9999, b"x" * 8), 0, False, 0x010e))

# IPv6
# 74-75: in order
d = udp6_dgram(6000, 9999, pattern(1500, 20))
add(frag6(d[:1448], 0, True, 0x11111111))
add(frag6(d[1448:], 1448, False, 0x11111111))
# 76-78: out of order, with an overlap of equal bytes
d = udp6_dgram(6001, 9999, pattern(1800, 21))
add(frag6(d[1000:], 1000, False, 0x22222222))
add(frag6(d[:800], 0, True, 0x22222222))
add(frag6(d[400:1000], 400, True, 0x22222222))
# 79-80: missing the middle: never completes
d = udp6_dgram(6002, 9999, pattern(1500, 22))
add(frag6(d[:496], 0, True, 0x33333333))
add(frag6(d[1000:], 1000, False, 0x33333333))
# 81-83: a fragmented ICMPv6 echo request and its reply, plus a duplicate reply
req = IPv6(src=A6, dst=B6) / ICMPv6EchoRequest(id=0x77, seq=3, data=pattern(1400, 23))
b = bytes(req)[40:]
add(frag6(b[:1000], 0, True, 0x44444444, nxt=58))
add(frag6(b[1000:], 1000, False, 0x44444444, nxt=58))
rep = IPv6(src=B6, dst=A6) / ICMPv6EchoReply(id=0x77, seq=3, data=pattern(1400, 23))
add(eth(bytes(rep), 0x86dd))
add(eth(bytes(rep), 0x86dd))

# pings (ICMP over IPv4)
# 85-86: request and reply
add(eth(IP(src=A, dst=B, id=1) / ICMP(type=8, id=0x1111, seq=1) / Raw(b"ping-one")))
add(eth(IP(src=B, dst=A, id=2) / ICMP(type=0, id=0x1111, seq=1) / Raw(b"ping-one")))
# 87: a duplicate reply (no second match)
add(eth(IP(src=B, dst=A, id=3) / ICMP(type=0, id=0x1111, seq=1) / Raw(b"ping-one")))
# 88: a request with no reply
add(eth(IP(src=A, dst=B, id=4) / ICMP(type=8, id=0x1111, seq=2) / Raw(b"ping-two")))
# 89-91: the same request twice, then one reply (matches the second)
add(eth(IP(src=A, dst=B, id=5) / ICMP(type=8, id=0x1111, seq=3) / Raw(b"ping-3")))
add(eth(IP(src=A, dst=B, id=6) / ICMP(type=8, id=0x1111, seq=3) / Raw(b"ping-3")))
add(eth(IP(src=B, dst=A, id=7) / ICMP(type=0, id=0x1111, seq=3) / Raw(b"ping-3")))
# 92: a reply with no request
add(eth(IP(src=B, dst=A, id=8) / ICMP(type=0, id=0x2222, seq=9) / Raw(b"orphan")))
# 93-94: a reply whose data differs from its request's (another checksum: no match)
add(eth(IP(src=A, dst=B, id=9) / ICMP(type=8, id=0x1111, seq=4) / Raw(b"ping-4")))
add(eth(IP(src=B, dst=A, id=10) / ICMP(type=0, id=0x1111, seq=4) / Raw(b"PING-4")))
# 95-96: request to a third host, reply from it (another address pair)
add(eth(IP(src=A, dst="203.0.113.9", id=11) / ICMP(type=8, id=0x1111, seq=1) / Raw(b"ping-one")))
add(eth(IP(src="203.0.113.9", dst=A, id=12) / ICMP(type=0, id=0x1111, seq=1) / Raw(b"ping-one")))
# 97: a truncated echo request (header cut)
add(eth(IP(src=A, dst=B, id=13) / ICMP(type=8, id=0x1111, seq=5) / Raw(b"cut")), snap=14 + 20 + 6)
# 98-99: a first fragment with a bad header checksum, then the tail (reassembled unless
# ip.check_checksum is on)
d = udp_dgram(5012, 9999, pattern(900, 15))
add(frag4(d[:504], 0, True, 0x010f, bad_sum=True))
add(frag4(d[504:], 504, False, 0x010f))
# 100-103: the same datagram on VLAN 10 and VLAN 20, interleaved: public addresses, so one
# reassembly (the copy is an overlap); 104-107: the same with private addresses, reassembled
# per VLAN
def vlan(frame, vid):
    return frame[:12] + struct.pack("!HH", 0x8100, vid) + frame[12:]


for s4, d4 in ((A, B), ("10.0.0.1", "10.0.0.2")):
    d = udp_dgram(5013, 9999, pattern(900, 16), src=s4, dst=d4)
    add(vlan(frag4(d[:504], 0, True, 0x0110, src=s4, dst=d4), 10))
    add(vlan(frag4(d[:504], 0, True, 0x0110, src=s4, dst=d4), 20))
    add(vlan(frag4(d[504:], 504, False, 0x0110, src=s4, dst=d4), 10))
    add(vlan(frag4(d[504:], 504, False, 0x0110, src=s4, dst=d4), 20))

with open(os.path.join(HERE, "reasm.pcap"), "wb") as f:
    f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
    for i, (data, snap) in enumerate(frames):
        cap = data if snap is None else data[:snap]
        f.write(struct.pack("<IIII", T0 + i // 4, 100000 * (i % 4) + i, len(cap), len(data)))
        f.write(cap)
print("wrote %d frames" % len(frames))
