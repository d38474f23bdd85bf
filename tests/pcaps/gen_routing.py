#!/usr/bin/python3
"""Writes tests/pcaps/routing.pcap: routing and first-hop protocols for trawl's ospf.c, eigrp.c,
igmp.c, rip.c, ripng.c, hsrp.c and bgp.c and the goldens routing-1..3 (Ethernet, classic pcap):

   1-8   OSPFv2: Hello (crypt auth), Hello (simple password), DB description with LSA headers,
         LS request, LS update with router/network/summary/ASBR-summary/AS-external/NSSA LSAs,
         LS acknowledge, a Hello cut short (truncated), an LS update whose LSA runs past the
         packet (malformed)
   9-11  OSPFv3: Hello, LS update with router/network/link/intra-area-prefix/inter-area-prefix/
         AS-external LSAs, LS acknowledge
  12-15  EIGRP: Hello (parameters, software version), Update with IPv4 internal and external
         routes, Update with an IPv6 internal route and MD5 authentication, goodbye (peer
         termination)
  16-22  IGMP: v1 report, v2 query, v2 report, v2 leave, v3 general query, v3 query with
         sources, v3 report with three group records
  23-26  RIPv1 request, RIPv2 response, RIPv2 with a simple password, RIPv2 with keyed MD5
  27     RIPng response
  28-31  HSRPv1 hello, HSRPv1 advertise, HSRPv2 hello over IPv4 with MD5 TLV, HSRPv2 hello over
         IPv6
  32-40  BGP on one TCP connection: OPEN with capabilities (both ways), KEEPALIVE, an UPDATE
         with AS_PATH/NEXT_HOP/MED/LOCAL_PREF/AGGREGATOR/COMMUNITIES and NLRI, two messages in
         one segment (UPDATE with MP_REACH_NLRI IPv6 + KEEPALIVE), an UPDATE with withdrawn
         routes and MP_UNREACH split over two segments, ROUTE-REFRESH, NOTIFICATION (cease)

Deterministic: fixed timestamps, addresses and sequence numbers. Every payload is built here
byte by byte (struct), so that the test does not depend on scapy's contrib layers.
Run: /usr/bin/python3 tests/pcaps/gen_routing.py"""
import os
import struct

from scapy.all import IP, TCP, UDP, Ether, IPv6, Raw, wrpcap

HERE = os.path.dirname(os.path.abspath(__file__))
T0 = 1700000000

MAC_A = "00:00:0c:07:ac:01"
MAC_B = "00:1b:21:aa:bb:02"
pkts = []


def add(p):
    p.time = T0 + len(pkts)
    pkts.append(p)


def ip4(s):
    return bytes(int(x) for x in s.split("."))


def ip6(s):
    import ipaddress

    return ipaddress.IPv6Address(s).packed


def cksum(b):
    if len(b) % 2:
        b += b"\0"
    s = sum(struct.unpack(">%dH" % (len(b) // 2), b))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return (~s) & 0xFFFF


def mc_ether(dst_ip):
    o = dst_ip.split(".")
    return "01:00:5e:%02x:%02x:%02x" % (int(o[1]) & 0x7F, int(o[2]), int(o[3]))


# ---------------------------------------------------------------------------- OSPFv2
def ospf2(mtype, body, router="10.0.0.1", area="0.0.0.0", autype=0, auth=b"\0" * 8, trailer=b""):
    length = 24 + len(body)
    hdr = struct.pack(">BBH4s4sHH", 2, mtype, length, ip4(router), ip4(area), 0, autype)
    ck = 0 if autype == 2 else cksum(hdr[:16] + body)
    hdr = hdr[:12] + struct.pack(">H", ck) + hdr[14:]
    return hdr + auth + body + trailer


def lsa_hdr(age, opts, ltype, lsid, adv, seq, length, ck=0x1234):
    return struct.pack(">HBB4s4sIHH", age, opts, ltype, ip4(lsid), ip4(adv), seq, ck, length)


def lsa2(ltype, lsid, adv, body, opts=0x22, age=10):
    return lsa_hdr(age, opts, ltype, lsid, adv, 0x80000001, 20 + len(body)) + body


def ospf_ip(payload, dst="224.0.0.5", src="10.0.0.1"):
    return Ether(src=MAC_A, dst=mc_ether(dst)) / IP(src=src, dst=dst, ttl=1, proto=89) / Raw(payload)


hello2 = struct.pack(">4sHBBI4s4s", ip4("255.255.255.0"), 10, 0x12, 1, 40, ip4("10.0.0.1"),
                     ip4("10.0.0.2")) + ip4("10.0.0.2")
lls = struct.pack(">HH", 0, 3) + struct.pack(">HHI", 1, 4, 1)  # ext options LR
crypt = struct.pack(">HBBI", 0, 1, 16, 1000)
add(ospf_ip(ospf2(1, hello2, autype=2, auth=crypt, trailer=bytes(range(16)) + lls)))
add(ospf_ip(ospf2(1, hello2[:6] + b"\x02" + hello2[7:], autype=1, auth=b"secret\0\0")))
dbd = struct.pack(">HBBI", 1500, 0x02, 0x07, 4711)
dbd += lsa_hdr(30, 0x22, 1, "10.0.0.1", "10.0.0.1", 0x80000003, 48)
dbd += lsa_hdr(40, 0x22, 2, "10.0.0.2", "10.0.0.2", 0x80000002, 32)
add(ospf_ip(ospf2(2, dbd), dst="10.0.0.2"))
lsr = struct.pack(">I4s4s", 1, ip4("10.0.0.1"), ip4("10.0.0.1"))
lsr += struct.pack(">I4s4s", 5, ip4("192.168.0.0"), ip4("10.0.0.9"))
add(ospf_ip(ospf2(3, lsr), dst="10.0.0.2"))
router_body = struct.pack(">BBH", 0x03, 0, 2)
router_body += struct.pack(">4s4sBBH", ip4("10.0.0.2"), ip4("10.0.0.1"), 2, 0, 10)
router_body += struct.pack(">4s4sBBH", ip4("172.16.0.0"), ip4("255.255.0.0"), 3, 1, 1)
router_body += struct.pack(">BBH", 8, 0, 20)
lsas = [
    lsa2(1, "10.0.0.1", "10.0.0.1", router_body),
    lsa2(2, "10.0.0.2", "10.0.0.2", ip4("255.255.255.0") + ip4("10.0.0.1") + ip4("10.0.0.2")),
    lsa2(3, "192.168.1.0", "10.0.0.1", ip4("255.255.255.0") + struct.pack(">I", 100)),
    lsa2(4, "10.0.0.9", "10.0.0.1", ip4("0.0.0.0") + struct.pack(">I", 200)),
    lsa2(5, "0.0.0.0", "10.0.0.9", ip4("0.0.0.0") + struct.pack(">I", 0x80000001)
         + ip4("0.0.0.0") + struct.pack(">I", 77)),
    lsa2(7, "192.168.7.0", "10.0.0.9", ip4("255.255.255.0") + struct.pack(">I", 20)
         + ip4("10.0.0.9") + struct.pack(">I", 0), opts=0x08),
]
lsu = struct.pack(">I", len(lsas)) + b"".join(lsas)
add(ospf_ip(ospf2(4, lsu)))
ack = b"".join(l[:20] for l in lsas[:3])
add(ospf_ip(ospf2(5, ack)))
p = ospf_ip(ospf2(1, hello2))
add(Ether(bytes(p)[:14 + 20 + 30]))  # cut by the capture inside the Hello
bad = struct.pack(">I", 1) + lsa_hdr(5, 0x22, 1, "10.0.0.1", "10.0.0.1", 0x80000001, 60) + b"\0" * 8
add(ospf_ip(ospf2(4, bad)))


# ---------------------------------------------------------------------------- OSPFv3
SRC6 = "fe80::1"
DST6 = "ff02::5"


def ospf3(mtype, body, router="10.0.0.1", src=SRC6, dst=DST6):
    length = 16 + len(body)
    hdr = struct.pack(">BBH4s4sHBB", 3, mtype, length, ip4(router), ip4("0.0.0.0"), 0, 0, 0)
    ph = ip6(src) + ip6(dst) + struct.pack(">IxxxB", length, 89)
    ck = cksum(ph + hdr + body)
    hdr = hdr[:12] + struct.pack(">H", ck) + hdr[14:]
    return Ether(src=MAC_A, dst="33:33:00:00:00:05") / IPv6(src=src, dst=dst, hlim=1, nh=89) / Raw(
        hdr + body)


def lsa3(ftype, lsid, adv, body, age=3):
    return struct.pack(">HH4s4sIHH", age, ftype, ip4(lsid), ip4(adv), 0x80000010, 0x4321,
                       20 + len(body)) + body


hello3 = struct.pack(">IB3sHH4s4s", 5, 1, b"\x00\x00\x13", 10, 40, ip4("10.0.0.1"),
                     ip4("0.0.0.0")) + ip4("10.0.0.2")
add(ospf3(1, hello3))
l3 = [
    lsa3(0x2001, "0.0.0.0", "10.0.0.1", struct.pack(">B3s", 0x01, b"\x00\x00\x13")
         + struct.pack(">BBHII4s", 2, 0, 10, 5, 6, ip4("10.0.0.2"))),
    lsa3(0x2002, "0.0.0.6", "10.0.0.2", struct.pack(">B3s", 0, b"\x00\x00\x13") + ip4("10.0.0.2")
         + ip4("10.0.0.1")),
    lsa3(0x0008, "0.0.0.5", "10.0.0.1", struct.pack(">B3s", 1, b"\x00\x00\x13") + ip6("fe80::1")
         + struct.pack(">I", 1) + struct.pack(">BBH", 64, 0, 0) + ip6("2001:db8:1::")[:8]),
    lsa3(0x2009, "0.0.0.0", "10.0.0.1", struct.pack(">HH4s4s", 2, 0x2001, ip4("0.0.0.0"),
                                                    ip4("10.0.0.1"))
         + struct.pack(">BBH", 64, 0, 10) + ip6("2001:db8:1::")[:8]
         + struct.pack(">BBH", 128, 2, 0) + ip6("2001:db8::1")),
    lsa3(0x2003, "0.0.0.1", "10.0.0.1", struct.pack(">I", 30) + struct.pack(">BBH", 48, 0, 0)
         + ip6("2001:db8:2::")[:8]),
    lsa3(0x4005, "0.0.0.2", "10.0.0.1", struct.pack(">I", 0x05000014)
         + struct.pack(">BBH", 0, 0, 0) + struct.pack(">I", 99)),
]
add(ospf3(4, struct.pack(">I", len(l3)) + b"".join(l3)))
add(ospf3(5, b"".join(l[:20] for l in l3[:2])))


# ---------------------------------------------------------------------------- EIGRP
def eigrp(opcode, tlvs, seq=0, ack=0, flags=0, asn=100, src="10.0.0.1", dst="224.0.0.10"):
    hdr = struct.pack(">BBHIIIHH", 2, opcode, 0, flags, seq, ack, 0, asn)
    body = b"".join(tlvs)
    ck = cksum(hdr + body)
    hdr = hdr[:2] + struct.pack(">H", ck) + hdr[4:]
    return Ether(src=MAC_A, dst=mc_ether(dst)) / IP(src=src, dst=dst, ttl=2, proto=88) / Raw(hdr + body)


def tlv(t, v):
    return struct.pack(">HH", t, 4 + len(v)) + v


params = tlv(1, struct.pack(">6BH", 1, 0, 1, 0, 0, 0, 15))
swver = tlv(4, bytes([12, 4, 1, 2]))
metric = struct.pack(">II", 2560, 25600) + b"\x00\x05\xdc" + bytes([1, 255, 1, 0, 0])
add(eigrp(5, [params, swver]))
int4 = tlv(0x0102, ip4("0.0.0.0") + metric + bytes([24]) + ip4("192.168.1.0")[:3])
ext4 = tlv(0x0103, ip4("0.0.0.0") + ip4("10.0.0.9") + struct.pack(">IIIHBB", 65000, 7, 20, 0, 6, 1)
           + metric + bytes([16]) + ip4("172.16.0.0")[:2])
add(eigrp(1, [int4, ext4], seq=10, flags=1, dst="10.0.0.2"))
md5 = tlv(2, struct.pack(">HHII8s", 2, 16, 1, 0, b"") + bytes(range(100, 116)))
int6 = tlv(0x0402, ip6("::") + metric + bytes([64]) + ip6("2001:db8:5::")[:8] + b"\0")
add(eigrp(1, [md5, int6], seq=11, ack=10, dst="10.0.0.2"))
add(eigrp(5, [tlv(1, struct.pack(">6BH", 255, 255, 255, 255, 255, 0, 15)), swver]))


# ---------------------------------------------------------------------------- IGMP
def igmp(payload, dst, src="192.168.1.10", opts=True):
    ck = cksum(payload)
    payload = payload[:2] + struct.pack(">H", ck) + payload[4:]
    ip = IP(src=src, dst=dst, ttl=1, proto=2)
    return Ether(src=MAC_B, dst=mc_ether(dst)) / ip / Raw(payload)


add(igmp(struct.pack(">BBH4s", 0x12, 0, 0, ip4("239.1.1.1")), "239.1.1.1"))
add(igmp(struct.pack(">BBH4s", 0x11, 100, 0, ip4("0.0.0.0")), "224.0.0.1", src="192.168.1.1"))
add(igmp(struct.pack(">BBH4s", 0x16, 0, 0, ip4("239.2.2.2")), "239.2.2.2"))
add(igmp(struct.pack(">BBH4s", 0x17, 0, 0, ip4("239.2.2.2")), "224.0.0.2"))
add(igmp(struct.pack(">BBH4sBBH", 0x11, 100, 0, ip4("0.0.0.0"), 0x02, 125, 0), "224.0.0.1",
         src="192.168.1.1"))
add(igmp(struct.pack(">BBH4sBBH", 0x11, 0x8a, 0, ip4("232.1.1.1"), 0x0a, 60, 2) + ip4("10.1.1.1")
         + ip4("10.1.1.2"), "232.1.1.1", src="192.168.1.1"))
recs = struct.pack(">BBH4s", 2, 0, 0, ip4("224.0.0.251"))
recs += struct.pack(">BBH4s", 1, 1, 2, ip4("232.5.5.5")) + ip4("10.9.9.9") + ip4("10.9.9.8") + b"AUX!"
recs += struct.pack(">BBH4s", 6, 0, 1, ip4("232.6.6.6")) + ip4("10.7.7.7")
add(igmp(struct.pack(">BBHHH", 0x22, 0, 0, 0, 3) + recs, "224.0.0.22"))


# ---------------------------------------------------------------------------- RIP / RIPng
def udp4(payload, sport, dport, src, dst, mac_dst=None):
    return (Ether(src=MAC_A, dst=mac_dst or mc_ether(dst)) / IP(src=src, dst=dst, ttl=1)
            / UDP(sport=sport, dport=dport) / Raw(payload))


def rte(fam, tag, addr, mask, nh, metric):
    return struct.pack(">HH4s4s4sI", fam, tag, ip4(addr), ip4(mask), ip4(nh), metric)


add(udp4(struct.pack(">BBH", 1, 1, 0) + rte(0, 0, "0.0.0.0", "0.0.0.0", "0.0.0.0", 16), 520, 520,
         "10.0.0.1", "255.255.255.255", "ff:ff:ff:ff:ff:ff"))
add(udp4(struct.pack(">BBH", 2, 2, 0) + rte(2, 0, "10.1.0.0", "255.255.0.0", "0.0.0.0", 1)
         + rte(2, 7, "10.2.0.0", "255.255.255.0", "10.0.0.9", 3), 520, 520, "10.0.0.1", "224.0.0.9"))
add(udp4(struct.pack(">BBH", 2, 2, 0) + struct.pack(">HH16s", 0xFFFF, 2, b"letmein")
         + rte(2, 0, "10.3.0.0", "255.255.0.0", "0.0.0.0", 2), 520, 520, "10.0.0.1", "224.0.0.9"))
md5e = struct.pack(">HHHBBI8s", 0xFFFF, 3, 44, 1, 16, 1234, b"")
md5t = struct.pack(">HH", 0xFFFF, 1) + bytes(range(32, 48))
add(udp4(struct.pack(">BBH", 2, 2, 0) + md5e + rte(2, 0, "10.4.0.0", "255.255.0.0", "0.0.0.0", 4)
         + md5t, 520, 520, "10.0.0.1", "224.0.0.9"))
ripng = struct.pack(">BBH", 2, 1, 0) + ip6("2001:db8:10::") + struct.pack(">HBB", 0, 48, 1)
ripng += ip6("::") + struct.pack(">HBB", 0x0102, 0, 5)
add(Ether(src=MAC_A, dst="33:33:00:00:00:09") / IPv6(src="fe80::1", dst="ff02::9", hlim=255)
    / UDP(sport=521, dport=521) / Raw(ripng))


# ---------------------------------------------------------------------------- HSRP
hsrp1 = struct.pack(">BBBBBBBB8s4s", 0, 0, 16, 3, 10, 120, 1, 0, b"cisco", ip4("10.0.0.254"))
add(udp4(hsrp1, 1985, 1985, "10.0.0.1", "224.0.0.2"))
adv = struct.pack(">BBHHBBHHI", 0, 3, 1, 10, 2, 0, 1, 2, 0)
add(udp4(adv, 1985, 1985, "10.0.0.1", "224.0.0.2"))
gs4 = struct.pack(">BBBBBBH6sIII16s", 1, 40, 2, 0, 6, 4, 10, bytes.fromhex("00000c07ac01"), 110,
                  3000, 10000, ip4("10.0.0.254") + b"\0" * 12)
md5tlv = struct.pack(">BBBBH4sI16s", 4, 28, 1, 0, 0, ip4("10.0.0.1"), 0, bytes(range(16)))
add(udp4(gs4 + md5tlv, 1985, 1985, "10.0.0.1", "224.0.0.102"))
gs6 = struct.pack(">BBBBBBH6sIII16s", 1, 40, 2, 0, 5, 6, 20, bytes.fromhex("00000c9f f014".replace(" ", "")),
                  100, 1000, 5000, ip6("fe80::5:73ff:fea0:14"))
add(Ether(src=MAC_A, dst="33:33:00:00:00:66") / IPv6(src="fe80::1", dst="ff02::66", hlim=255)
    / UDP(sport=2029, dport=2029) / Raw(gs6))


# ---------------------------------------------------------------------------- BGP
MARK = b"\xff" * 16


def bgp(mtype, body):
    return MARK + struct.pack(">HB", 19 + len(body), mtype) + body


def cap(t, v):
    return struct.pack(">BB", t, len(v)) + v


caps = cap(1, struct.pack(">HBB", 1, 0, 1)) + cap(1, struct.pack(">HBB", 2, 0, 1)) + cap(2, b"")
caps += cap(64, struct.pack(">HHBB", 0x8078, 1, 1, 0x80)) + cap(65, struct.pack(">I", 65001))
caps += cap(128, b"")
opt = struct.pack(">BB", 2, len(caps)) + caps
open_a = bgp(1, struct.pack(">BHH4sB", 4, 65001, 180, ip4("10.0.0.1"), len(opt)) + opt)
open_b = bgp(1, struct.pack(">BHH4sB", 4, 23456, 90, ip4("10.0.0.2"), len(opt)) + opt)
keep = bgp(4, b"")


def attr(flags, t, v):
    if flags & 0x10:
        return struct.pack(">BBH", flags, t, len(v)) + v
    return struct.pack(">BBB", flags, t, len(v)) + v


aspath = struct.pack(">BB", 2, 3) + struct.pack(">HHH", 65001, 65002, 23456) + struct.pack(">BBH", 1, 1, 64512)
attrs = attr(0x40, 1, b"\x00") + attr(0x40, 2, aspath) + attr(0x40, 3, ip4("10.0.0.1"))
attrs += attr(0x80, 4, struct.pack(">I", 50)) + attr(0x40, 5, struct.pack(">I", 200))
attrs += attr(0x40, 6, b"") + attr(0xC0, 7, struct.pack(">H", 65001) + ip4("10.0.0.1"))
attrs += attr(0xC0, 8, struct.pack(">II", (65001 << 16) | 100, 0xFFFFFF01))
attrs += attr(0x80, 9, ip4("10.0.0.7")) + attr(0x80, 10, ip4("10.0.0.8") + ip4("10.0.0.9"))
nlri = bytes([24]) + ip4("192.168.10.0")[:3] + bytes([32]) + ip4("10.10.10.10") + bytes([8, 10])
upd1 = bgp(2, struct.pack(">H", 0) + struct.pack(">H", len(attrs)) + attrs + nlri)
mp = struct.pack(">HBB", 2, 1, 32) + ip6("2001:db8::1") + ip6("fe80::1") + b"\x00"
mp += bytes([64]) + ip6("2001:db8:100::")[:8] + bytes([48]) + ip6("2001:db8:200::")[:6]
attrs2 = attr(0x40, 1, b"\x02") + attr(0x50, 2, b"") + attr(0x90, 14, mp)
upd2 = bgp(2, struct.pack(">HH", 0, len(attrs2)) + attrs2)
wd = bytes([24]) + ip4("172.16.5.0")[:3]
unr = struct.pack(">HB", 2, 1) + bytes([64]) + ip6("2001:db8:100::")[:8]
attrs3 = attr(0x80, 15, unr)
upd3 = bgp(2, struct.pack(">H", len(wd)) + wd + struct.pack(">H", len(attrs3)) + attrs3)
rr = bgp(5, struct.pack(">HBB", 1, 0, 1))
notif = bgp(3, bytes([6, 2]) + bytes([5]) + b"bye!!")

A, B = "10.0.0.1", "10.0.0.2"
seq = {A: 1000, B: 5000}


def tcp(src, dst, data, flags="PA"):
    sport, dport = (40000, 179) if src == A else (179, 40000)
    p = (Ether(src=MAC_A if src == A else MAC_B, dst=MAC_B if src == A else MAC_A)
         / IP(src=src, dst=dst, ttl=64) / TCP(sport=sport, dport=dport, flags=flags,
                                              seq=seq[src], ack=seq[dst], window=16384))
    if data:
        p = p / Raw(data)
    seq[src] += len(data)
    add(p)


tcp(A, B, open_a)
tcp(B, A, open_b)
tcp(A, B, keep)
tcp(A, B, upd1)
tcp(B, A, upd2 + keep)
tcp(A, B, upd3[:25])
tcp(A, B, upd3[25:])
tcp(B, A, rr)
tcp(A, B, notif)

wrpcap(os.path.join(HERE, "routing.pcap"), pkts)
