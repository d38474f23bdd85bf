#!/usr/bin/python3
"""Writes tests/pcaps/ipv4.pcap: IPv4 and ICMP cases for trawl's ip and icmp dissectors.

Deterministic (fixed timestamps, fixed addresses, no randomness). Covers: options of every kind
the dissector knows (and broken ones), fragments, checksums, bogus version / header length /
total length, truncated headers, Ethernet padding and trailers, IP-in-IP, unknown protocols,
and ICMP echo, errors quoting UDP/TCP/ICMP, redirect, timestamp, address mask, router
advertisement, RFC 4884 extensions and MPLS label stacks.

Run: /usr/bin/python3 tests/pcaps/gen_ipv4.py   (from the repository root or anywhere)"""
import os
import struct

from scapy.all import ICMP, IP, TCP, UDP, Ether, Raw

HERE = os.path.dirname(os.path.abspath(__file__))
T0 = 1600000000  # 2020-09-13 12:26:40 UTC

SRC_MAC = "00:11:22:33:44:55"
DST_MAC = "66:77:88:99:aa:bb"
A = "192.0.2.1"
B = "198.51.100.7"
R = "203.0.113.254"

frames = []


def eth(payload, etype=0x0800):
    return bytes(Ether(src=SRC_MAC, dst=DST_MAC, type=etype)) + bytes(payload)


def add(data, snap=None):
    """append a frame; snap cuts the captured bytes (wire length stays)"""
    data = bytes(data)
    frames.append((data, snap))


def cksum(b):
    if len(b) % 2:
        b += b"\0"
    s = sum(struct.unpack("!%dH" % (len(b) // 2), b))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return (~s) & 0xffff


def raw_ip(ver=4, ihl=5, tos=0, tot=None, ident=0x1234, flags_off=0, ttl=64, proto=17,
           src=A, dst=B, opts=b"", payload=b"", csum=None):
    """an IPv4 header built by hand, for the malformed cases scapy would fix up"""
    s = bytes(map(int, src.split(".")))
    d = bytes(map(int, dst.split(".")))
    if tot is None:
        tot = ihl * 4 + len(payload)
    h = struct.pack("!BBHHHBBH4s4s", (ver << 4) | ihl, tos, tot, ident, flags_off, ttl, proto, 0,
                    s, d) + opts
    if csum is None:
        csum = cksum(h[:ihl * 4] if len(h) >= ihl * 4 else h)
    h = h[:10] + struct.pack("!H", csum) + h[12:]
    return h + payload


# 1-2: echo request / reply with a BSD-style timeval in the data
tv = struct.pack("<II", T0, 250000) + bytes(range(8, 56))
add(eth(IP(src=A, dst=B, id=0x0101, flags="DF") / ICMP(type=8, id=0x0001, seq=1) / Raw(tv)))
add(eth(IP(src=B, dst=A, id=0x0202, ttl=57) / ICMP(type=0, id=0x0001, seq=1) / Raw(tv)))
# 3: echo with big-endian timeval and DSCP EF / ECN CE
tvbe = struct.pack("!II", T0, 500000) + b"abcdefgh"
add(eth(IP(src=A, dst=B, tos=0xbb) / ICMP(type=8, id=0xbeef, seq=258) / Raw(tvbe)))
# 4: echo with short data (no timestamp)
add(eth(IP(src=A, dst=B) / ICMP(type=8, id=7, seq=9) / Raw(b"hi")))
# 5: echo with a bad ICMP checksum
add(eth(IP(src=A, dst=B) / ICMP(type=8, id=7, seq=10, chksum=0x1234) / Raw(b"0123456789")))
# 6: bad IP header checksum
add(eth(raw_ip(proto=1, csum=0xdead, payload=bytes(ICMP(type=8, id=1, seq=2)))))

# 7-8: destination unreachable (port) quoting IP+UDP, and fragmentation needed with MTU
quoted_udp = bytes(IP(src=B, dst=A, id=0x4242, ttl=1) / UDP(sport=33434, dport=53) / Raw(b"xxxxxxxxxxxx"))
add(eth(IP(src=A, dst=B) / ICMP(type=3, code=3) / Raw(quoted_udp[:28])))
add(eth(IP(src=R, dst=B) / ICMP(type=3, code=4, nexthopmtu=1400) / Raw(quoted_udp[:28])))
# 9: time exceeded quoting IP+TCP (first 8 bytes of TCP only)
quoted_tcp = bytes(IP(src=B, dst=A, ttl=1, id=0x99) / TCP(sport=40000, dport=80, flags="S", seq=1))
add(eth(IP(src=R, dst=B) / ICMP(type=11, code=0) / Raw(quoted_tcp[:28])))
# 10: time exceeded, reassembly, quoting an IP header whose total length exceeds what is quoted
big = raw_ip(src=B, dst=A, tot=1500, proto=17, payload=struct.pack("!HHHH", 1234, 5678, 1480, 0))
add(eth(IP(src=R, dst=B) / ICMP(type=11, code=1) / Raw(big)))
# 11: redirect for host with a gateway
add(eth(IP(src=R, dst=B) / ICMP(type=5, code=1, gw="203.0.113.1") / Raw(quoted_udp[:28])))
# 12: source quench
add(eth(IP(src=R, dst=B) / ICMP(type=4, code=0) / Raw(quoted_udp[:28])))
# 13: parameter problem with pointer
add(eth(IP(src=R, dst=B) / ICMP(type=12, code=0, ptr=20) / Raw(quoted_udp[:28])))
# 14: unreachable quoting an ICMP echo (ICMP in ICMP)
quoted_icmp = bytes(IP(src=B, dst=A) / ICMP(type=8, id=5, seq=6) / Raw(b"payload!"))
add(eth(IP(src=R, dst=B) / ICMP(type=3, code=1) / Raw(quoted_icmp[:28])))
# 15: RFC 4884 time exceeded with length and an MPLS label stack extension
orig = bytes(IP(src=B, dst=A, ttl=1) / UDP(sport=33434, dport=33435) / Raw(b"\0" * 100))[:128]
ext_obj = struct.pack("!HBB", 8, 1, 1) + struct.pack("!I", (16005 << 12) | (0 << 9) | (1 << 8) | 1)
ext_hdr = struct.pack("!BBH", 0x20, 0, 0)
ext = ext_hdr + ext_obj
ext = ext[:2] + struct.pack("!H", cksum(ext)) + ext[4:]
icmp_hdr = struct.pack("!BBHBBH", 11, 0, 0, 0, 32, 0)
body = icmp_hdr + orig + ext
body = body[:2] + struct.pack("!H", cksum(body)) + body[4:]
add(eth(raw_ip(src=R, dst=B, proto=1, payload=body)))
# 16: unreachable without RFC 4884 length, 128+ bytes of quote, extension guessed (MPLS)
orig2 = bytes(IP(src=B, dst=A, ttl=1) / UDP(sport=33434, dport=33436) / Raw(b"\1" * 72))
orig2 += b"\0" * (128 - len(orig2))
icmp_hdr = struct.pack("!BBHI", 3, 3, 0, 0)
body = icmp_hdr + orig2 + ext
body = body[:2] + struct.pack("!H", cksum(body)) + body[4:]
add(eth(raw_ip(src=R, dst=B, proto=1, payload=body)))

# 17-20: timestamp request/reply, address mask request/reply
add(eth(IP(src=A, dst=B) / ICMP(type=13, id=3, seq=4, ts_ori=45000000, ts_rx=0, ts_tx=0)))
add(eth(IP(src=B, dst=A) / ICMP(type=14, id=3, seq=4, ts_ori=45000000, ts_rx=45000100,
                                ts_tx=45000101)))
add(eth(IP(src=A, dst=B) / ICMP(type=17, id=1, seq=1, addr_mask="0.0.0.0")))
add(eth(IP(src=B, dst=A) / ICMP(type=18, id=1, seq=1, addr_mask="255.255.255.0")))
# 21: router advertisement with two addresses
ra = struct.pack("!BBHBBH", 9, 0, 0, 2, 2, 1800) + bytes([192, 0, 2, 1]) + struct.pack("!i", 0) + \
    bytes([192, 0, 2, 2]) + struct.pack("!i", -5)
ra = ra[:2] + struct.pack("!H", cksum(ra)) + ra[4:]
add(eth(raw_ip(src=A, dst="224.0.0.1", ttl=1, proto=1, payload=ra)))
# 22: router solicitation, 23: information request, 24: unknown type
add(eth(IP(src=A, dst="224.0.0.2", ttl=1) / ICMP(type=10, code=0)))
add(eth(IP(src=A, dst=B) / ICMP(type=15, id=2, seq=2)))
add(eth(IP(src=A, dst=B) / ICMP(type=200, code=7) / Raw(b"abcd")))
# 25: truncated echo (snaplen cuts the data)
add(eth(IP(src=A, dst=B) / ICMP(type=8, id=1, seq=3) / Raw(b"Q" * 64)), snap=14 + 20 + 8 + 10)
# 26: ICMP header itself truncated
add(eth(IP(src=A, dst=B) / ICMP(type=8, id=1, seq=4) / Raw(b"Q" * 8)), snap=14 + 20 + 3)

# options

rr = bytes([7, 15, 8]) + bytes([10, 0, 0, 1]) + bytes(8) + b"\0"  # pointer at 2nd slot
add(eth(raw_ip(ihl=5 + 4, proto=1, opts=rr, payload=bytes(ICMP(type=8, id=1, seq=11)))))
ts_only = bytes([0x44, 12, 9, 0x10]) + struct.pack("!II", 1000, 0)
ts_addr = bytes([0x44, 20, 13, 0x21]) + bytes([10, 0, 0, 1]) + struct.pack("!I", 2000) + bytes(8)
add(eth(raw_ip(ihl=5 + 8, proto=1, opts=ts_only + ts_addr, payload=bytes(ICMP(type=8, seq=12)))))
# loose source route, pointer at the second address: final destination is the last entry
lsrr = bytes([0x83, 11, 8]) + bytes([10, 1, 1, 1]) + bytes([10, 2, 2, 2]) + b"\1"  # NOP after
add(eth(raw_ip(ihl=5 + 3, proto=17, opts=lsrr, payload=bytes(UDP(sport=7, dport=7)))))
# strict source route with exhausted pointer
ssrr = bytes([0x89, 7, 8]) + bytes([10, 3, 3, 3]) + b"\0"
add(eth(raw_ip(ihl=5 + 2, proto=17, opts=ssrr, payload=bytes(UDP(sport=7, dport=9)))))
# router alert (IGMP style) + security (RFC 791) + stream id
ra_opt = bytes([0x94, 4, 0, 0])
sec = bytes([0x82, 11]) + struct.pack("!HH", 0xd788, 5) + b"HR" + b"TCC"
sid = bytes([0x88, 4, 0x12, 0x34])
add(eth(raw_ip(ihl=5 + 5, proto=2, ttl=1, dst="224.0.0.22", opts=ra_opt + sec + b"\0" + sid,
               payload=bytes.fromhex("1600fa04e0000016"))))
# RFC 1108 security, extended security, MTU probe/reply, traceroute, quick-start, SDB
sec1108 = bytes([0x82, 5, 0x5a, 0x81, 0x40])
esec = bytes([0x85, 5, 0x01, 0xaa, 0xbb])
mtup = bytes([0x0b, 4, 0x05, 0xdc])
mtur = bytes([0x0c, 4, 0x05, 0xdc])
add(eth(raw_ip(ihl=5 + 5, proto=1, opts=sec1108 + esec + mtup + mtur + b"\1\1",
               payload=bytes(ICMP(type=8, seq=13)))))
tr = bytes([0x52, 12]) + struct.pack("!HHH", 77, 1, 2) + bytes([10, 9, 9, 9])
qs = bytes([0x19, 8, 0x05, 30]) + struct.pack("!I", 0x12345678)
sdb = bytes([0x95, 10]) + bytes([10, 0, 0, 1, 10, 0, 0, 2])
add(eth(raw_ip(ihl=5 + 8, proto=1, ttl=40, opts=tr + qs + sdb + b"\0\0",
               payload=bytes(ICMP(type=8, seq=14)))))
# CIPSO with a restrictive bitmap tag, then an unknown option, then 4 NOPs
cipso = bytes([0x86, 12]) + struct.pack("!I", 3) + bytes([1, 6, 0, 2, 0xa0, 0x01])
unk = bytes([0x9e, 4, 1, 2])
add(eth(raw_ip(ihl=5 + 5, proto=1, opts=cipso + unk + b"\1\1\1\1",
               payload=bytes(ICMP(type=8, seq=15)))))
# broken options: too-short length, length past the end, length byte missing
add(eth(raw_ip(ihl=6, proto=1, opts=bytes([0x07, 1, 0, 0]), payload=bytes(ICMP(type=8, seq=16)))))
add(eth(raw_ip(ihl=6, proto=1, opts=bytes([0x44, 40, 5, 0]), payload=bytes(ICMP(type=8, seq=17)))))
add(eth(raw_ip(ihl=6, proto=1, opts=bytes([1, 1, 1, 0x83]), payload=bytes(ICMP(type=8, seq=18)))))
# record route with pointer in the middle of an address, fixed option with a wrong length
add(eth(raw_ip(ihl=8, proto=1, opts=bytes([7, 7, 5, 1, 2, 3, 4, 0x94, 3, 0, 1, 0]),
               payload=bytes(ICMP(type=8, seq=19)))))

# fragments of one UDP datagram (first, middle, last) and an unfragmented DF packet
dgram = bytes(UDP(sport=5000, dport=5001) / Raw(bytes(range(256)) * 2))
add(eth(raw_ip(ident=0xd940, flags_off=0x2000 | 0, proto=17, payload=dgram[:200])))
add(eth(raw_ip(ident=0xd940, flags_off=0x2000 | 25, proto=17, payload=dgram[200:400])))
add(eth(raw_ip(ident=0xd940, flags_off=0x0000 | 50, proto=17, payload=dgram[400:])))
# a first fragment whose payload the snaplen cut (not reassemblable: dissected as UDP)
add(eth(raw_ip(ident=0xd941, flags_off=0x2000, proto=17, payload=dgram[:200])), snap=14 + 20 + 40)
# reserved bit set, DF+MF
add(eth(raw_ip(flags_off=0x8000, proto=1, payload=bytes(ICMP(type=8, seq=20)))))

# malformed headers
add(eth(raw_ip(ver=5, proto=1, payload=bytes(ICMP(type=8)))))                  # bogus version
add(eth(raw_ip(ihl=4, proto=1, payload=bytes(ICMP(type=8)))))                  # bogus hlen
add(eth(raw_ip(tot=16, proto=1, payload=bytes(ICMP(type=8)))))                 # len < hlen
add(eth(raw_ip(tot=0, proto=17, payload=bytes(UDP(sport=1, dport=2)))))        # len 0 (TSO)
add(eth(raw_ip(tot=400, proto=1, payload=bytes(ICMP(type=8, seq=21)))))       # len > frame
add(eth(raw_ip(proto=1, payload=bytes(ICMP(type=8, seq=22)))), snap=14 + 10)  # header cut
add(eth(raw_ip(ihl=15, proto=1, opts=b"\1" * 40)[:14 + 30]))                   # options cut
add(eth(bytes.fromhex("4500")))                                                # 2 bytes of IP

# padding and trailers: zero padding, non-zero trailer after a short datagram
add(eth(IP(src=A, dst=B) / ICMP(type=8, id=9, seq=1)) + b"\0" * 18)
add(eth(IP(src=A, dst=B) / ICMP(type=8, id=9, seq=2)) + b"\0" * 10 + b"TRAILER!")
# IP in IP, and an unknown IP protocol
inner = bytes(IP(src="10.0.0.1", dst="10.0.0.2") / ICMP(type=8, id=4, seq=4))
add(eth(raw_ip(proto=4, payload=inner)))
add(eth(raw_ip(proto=253, payload=b"experimental")))
add(eth(raw_ip(proto=99, payload=b"private")))

with open(os.path.join(HERE, "ipv4.pcap"), "wb") as f:
    f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
    for i, (data, snap) in enumerate(frames):
        cap = data if snap is None else data[:snap]
        f.write(struct.pack("<IIII", T0 + i, 250000 + i, len(cap), len(data)))
        f.write(cap)
print("wrote %d frames" % len(frames))
