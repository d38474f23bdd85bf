#!/usr/bin/python3
"""Writes tests/pcaps/ipv6.pcap: IPv6 with every extension header trawl decodes (hop-by-hop,
routing types 0/2/3/4, fragment, destination options, AH), ESP, ICMPv6 echo/errors/neighbour
discovery/MLD/node information/router renumbering, tunnels, the address-derived fields, and
malformed or truncated variants of each. Deterministic: fixed timestamps and field values."""
import os
import struct

from scapy.all import (AH, ESP, HAO, ICMPv6DestUnreach, ICMPv6EchoReply, ICMPv6EchoRequest,
                       ICMPv6MLQuery, ICMPv6MLQuery2, ICMPv6MLReport, ICMPv6MLReport2,
                       ICMPv6MLDMultAddrRec, ICMPv6ND_NA, ICMPv6ND_NS, ICMPv6ND_RA,
                       ICMPv6ND_Redirect, ICMPv6ND_RS, ICMPv6NDOptDNSSL, ICMPv6NDOptMTU,
                       ICMPv6NDOptPrefixInfo, ICMPv6NDOptRDNSS, ICMPv6NDOptRedirectedHdr,
                       ICMPv6NDOptRouteInfo, ICMPv6NDOptSrcLLAddr, ICMPv6NDOptDstLLAddr,
                       ICMPv6PacketTooBig, ICMPv6ParamProblem, ICMPv6TimeExceeded, IP, IPv6,
                       IPv6ExtHdrDestOpt, IPv6ExtHdrFragment, IPv6ExtHdrHopByHop,
                       IPv6ExtHdrRouting, IPv6ExtHdrSegmentRouting, Jumbo, PadN, Pad1,
                       RouterAlert, Ether, Raw, UDP)
from scapy.layers.inet6 import HBHOptUnknown

SRC = "2001:db8::1"
DST = "2001:db8::2"
E = Ether(src="00:11:22:33:44:55", dst="66:77:88:99:aa:bb")
EM = Ether(src="00:11:22:33:44:55", dst="33:33:00:00:00:01")


def v6(**kw):
    kw.setdefault("src", SRC)
    kw.setdefault("dst", DST)
    kw.setdefault("hlim", 64)
    return IPv6(**kw)


def built(p):
    """The packet with every length and checksum filled in, as bytes."""
    return bytes(p)


pkts = []


def add(p, cut=None):
    """cut: keep only that many bytes, as a capture with a small snaplen would"""
    b = built(p) if not isinstance(p, (bytes, bytearray)) else bytes(p)
    pkts.append((b[:cut] if cut is not None else b, len(b)))


def patch(b, off, data):
    b = bytearray(b)
    b[off:off + len(data)] = data
    return bytes(b)


# --- echo, matched request/reply, and data in the payload
add(E / v6() / ICMPv6EchoRequest(id=0x1234, seq=1, data=b"abcdefgh"))
add(E / v6(src=DST, dst=SRC) / ICMPv6EchoReply(id=0x1234, seq=1, data=b"abcdefgh"))
add(E / v6(tc=0xb8, fl=0x12345) / ICMPv6EchoRequest(id=0x1234, seq=2))
# bad checksum
add(E / v6() / ICMPv6EchoRequest(id=0x1234, seq=3, cksum=0x1111))

# --- hop-by-hop: router alert + PadN, with MLD; Pad1s; an unknown option; Jumbo payload
add(EM / v6(dst="ff02::16", hlim=1) /
    IPv6ExtHdrHopByHop(options=[RouterAlert(value=0), PadN(optdata=b"")]) /
    ICMPv6MLReport2(records=[ICMPv6MLDMultAddrRec(rtype=4, dst="ff02::db8:1122:3344")]))
add(EM / v6(dst="ff02::1", hlim=1) /
    IPv6ExtHdrHopByHop(options=[RouterAlert(value=0), PadN(optdata=b"")]) /
    ICMPv6MLQuery(mladdr="::", mrd=10000))
add(EM / v6(dst="ff02::1", hlim=1) /
    IPv6ExtHdrHopByHop(options=[RouterAlert(value=0), PadN(optdata=b"")]) /
    ICMPv6MLQuery2(mladdr="::", mrd=10000, sources=["2001:db8::7"]))
add(EM / v6(dst="ff02::2", hlim=1) /
    IPv6ExtHdrHopByHop(options=[RouterAlert(value=0), PadN(optdata=b"")]) /
    ICMPv6MLReport(mladdr="ff05::2"))
add(E / v6() / IPv6ExtHdrHopByHop(options=[Pad1(), Pad1(), HBHOptUnknown(otype=0x3e,
                                                                           optdata=b"\x01\x02")]) /
    UDP(sport=1000, dport=2000) / b"x")
jumbo = bytes(IPv6ExtHdrHopByHop(nh=58, options=[Jumbo(jumboplen=70000)]))
add(E / v6(plen=0, nh=0) / Raw(jumbo + bytes(ICMPv6EchoRequest(id=1, seq=1))))
# payload length 0 with a hop-by-hop header but no Jumbo option
add(E / v6(plen=0, nh=0) / Raw(bytes(IPv6ExtHdrHopByHop(nh=59, options=[PadN(optdata=b"\0\0\0\0")]))))

# --- routing headers: type 0 (segments left > 0: the last address is the destination the
# checksum uses), type 2, RPL (type 3), segment routing (type 4), an unknown type
add(E / v6() / IPv6ExtHdrRouting(addresses=["2001:db8::5", "2001:db8::6"], segleft=2) /
    ICMPv6EchoRequest(id=7, seq=1))
add(E / v6() / IPv6ExtHdrRouting(addresses=["2001:db8::5"], segleft=0) /
    UDP(sport=40053, dport=40053) / b"q")
rt2 = struct.pack("!BBBB", 58, 2, 2, 1) + b"\0" * 4 + bytes.fromhex("20010db8000000000000000000000009")
add(E / v6(nh=43) / Raw(rt2 + bytes(ICMPv6EchoRequest(id=8, seq=1))))
# RPL source route: CmprI 8, CmprE 8, pad 0: two addresses of 8 bytes
rpl = struct.pack("!BBBB", 17, 2, 3, 2) + struct.pack("!I", 0x88000000) + \
    bytes.fromhex("00000000000000aa") + bytes.fromhex("00000000000000bb")
add(E / v6(nh=43, dst="2001:db8::99") / Raw(rpl + bytes(UDP(sport=40083, dport=40083) / b"r")))
add(E / v6() / IPv6ExtHdrSegmentRouting(addresses=["2001:db8::a", "2001:db8::b"], segleft=1) /
    ICMPv6EchoRequest(id=9, seq=1))
unk_rt = struct.pack("!BBBB", 59, 1, 200, 0) + b"\x01" * 12
add(E / v6(nh=43) / Raw(unk_rt))

# --- fragments: first, middle, last, and an atomic fragment
payload = bytes(UDP(sport=40011, dport=40022) / (b"F" * 40))
add(E / v6() / IPv6ExtHdrFragment(nh=17, offset=0, m=1, id=0xabcd) / Raw(payload[:24]))
add(E / v6() / IPv6ExtHdrFragment(nh=17, offset=3, m=1, id=0xabcd) / Raw(payload[24:40]))
add(E / v6() / IPv6ExtHdrFragment(nh=17, offset=5, m=0, id=0xabcd) / Raw(payload[40:]))
add(E / v6() / IPv6ExtHdrFragment(nh=58, offset=0, m=0, id=0x1) / ICMPv6EchoRequest(id=3, seq=3))

# --- destination options: home address (the checksum's source), tunnel encapsulation limit
add(E / v6() / IPv6ExtHdrDestOpt(options=[HAO(hoa="2001:db8::77")]) /
    ICMPv6EchoRequest(id=10, seq=1))
tel = bytes(IPv6ExtHdrDestOpt(nh=41, options=[HBHOptUnknown(otype=4, optdata=b"\x04"),
                                               PadN(optdata=b"\0")]))
add(E / v6(nh=60) / Raw(tel + bytes(v6(src="2001:db8::10", dst="2001:db8::20") /
                                    ICMPv6EchoRequest(id=11, seq=1))))
# an option meant for the hop-by-hop header in a destination options header
add(E / v6() / IPv6ExtHdrDestOpt(options=[RouterAlert(value=1), PadN(optdata=b"")]) /
    ICMPv6EchoRequest(id=12, seq=1))
# no next header
add(E / v6(nh=59) / Raw(b"\0" * 6))

# --- AH inside IPv6, ESP with a gap in its sequence numbers, AH over IPv4
ah = struct.pack("!BBHII", 58, 4, 0, 0x1000, 5) + bytes(range(12))
add(E / v6(nh=51) / Raw(ah + bytes(ICMPv6EchoRequest(id=13, seq=1))))
esp = lambda seq: struct.pack("!II", 0x2000, seq) + bytes(range(32))
add(E / v6(nh=50) / Raw(esp(1)))
add(E / v6(nh=50) / Raw(esp(2)))
add(E / v6(nh=50) / Raw(esp(5)))
add(E / v6(nh=50) / Raw(esp(5)))
add(E / IP(src="192.0.2.1", dst="192.0.2.2", proto=51) / Raw(
    struct.pack("!BBHII", 1, 4, 0, 0x3000, 1) + bytes(12) + b"\x08\x00\xf7\xff\x00\x00\x00\x00"))

# --- neighbour discovery
add(EM / v6(src="fe80::211:22ff:fe33:4455", dst="ff02::2", hlim=255) /
    ICMPv6ND_RS() / ICMPv6NDOptSrcLLAddr(lladdr="00:11:22:33:44:55"))
add(EM / v6(src="fe80::1", dst="ff02::1", hlim=255) /
    ICMPv6ND_RA(M=1, O=1, prf=1, routerlifetime=1800, reachabletime=30000, retranstimer=1000) /
    ICMPv6NDOptPrefixInfo(prefixlen=64, prefix="2001:db8:1::", validlifetime=0xffffffff,
                          preferredlifetime=604800) /
    ICMPv6NDOptMTU(mtu=1500) /
    ICMPv6NDOptRDNSS(lifetime=0, dns=["2001:db8::53"]) /
    ICMPv6NDOptDNSSL(lifetime=600, searchlist=["example.com", "test"]) /
    ICMPv6NDOptRouteInfo(plen=48, prf=3, rtlifetime=0xffffffff, prefix="2001:db8:2::") /
    ICMPv6NDOptSrcLLAddr(lladdr="00:00:5e:00:01:01"))
add(E / v6(src="fe80::211:22ff:fe33:4455", dst="ff02::1:ff00:1", hlim=255) /
    ICMPv6ND_NS(tgt="fe80::1") / ICMPv6NDOptSrcLLAddr(lladdr="00:11:22:33:44:55") /
    Raw(bytes.fromhex("0e01a1b2c3d4e5f6")))  # and a nonce option (RFC 3971)
add(E / v6(src="fe80::1", dst="fe80::211:22ff:fe33:4455", hlim=255) /
    ICMPv6ND_NA(R=1, S=1, O=0, tgt="fe80::1") / ICMPv6NDOptDstLLAddr(lladdr="00:00:5e:00:01:01"))
add(E / v6(src="fe80::1", dst="fe80::2", hlim=255) /
    ICMPv6ND_Redirect(tgt="fe80::3", dst="2001:db8::abcd") /
    ICMPv6NDOptRedirectedHdr(pkt=bytes(v6(src="fe80::2", dst="2001:db8::abcd") /
                                       UDP(sport=4, dport=5) / b"redirected.")))

# --- errors quoting the offending datagram
quoted = v6(src=DST, dst="2001:db8::99") / UDP(sport=4000, dport=53) / b"query"
add(E / v6() / ICMPv6DestUnreach(code=4) / quoted)
add(E / v6() / ICMPv6PacketTooBig(mtu=1280) / quoted)
add(E / v6() / ICMPv6TimeExceeded(code=0) / quoted)
add(E / v6() / ICMPv6ParamProblem(code=1, ptr=6) / quoted)
add(E / v6() / ICMPv6DestUnreach(code=9) / Raw(b"\x45\x00\x00\x14"))  # not IPv6 inside

# --- node information query, router renumbering (raw bodies)
ni = struct.pack("!BBHHHQ", 139, 0, 0, 3, 0x3e, 0x0102030405060708) + \
    bytes.fromhex("20010db8000000000000000000000002")
add(E / v6(nh=58) / Raw(ni))
rr = struct.pack("!BBHIBBH4s", 138, 0, 0, 7, 0, 0x40, 100, b"\0" * 4) + \
    struct.pack("!BBBBBBH", 1, 3, 0, 64, 48, 64, 0) + bytes.fromhex("20010db8000000000000000000000000") + \
    struct.pack("!BBBBIII", 64, 0, 0xc0, 0xc0, 86400, 0xffffffff, 0x80000000) + \
    bytes.fromhex("20010db8ffff00000000000000000000")
add(E / v6(nh=58) / Raw(rr))

# --- tunnels and addresses Wireshark derives fields from
add(E / v6() / v6(src="2001:db8:aa::1", dst="2001:db8:bb::1") / ICMPv6EchoRequest(id=20, seq=1))
add(E / v6(src="64:ff9b::102:304", dst="2002:c000:0201:7::1") / ICMPv6EchoRequest(id=21, seq=1))
add(E / v6(src="2001:0:4136:e378:8000:63bf:3fff:fdd2", dst="fe80::200:5efe:c0a8:101") /
    ICMPv6EchoRequest(id=22, seq=1))
add(E / v6(src="fe80::211:22ff:fe33:4455", dst="64:ff9b::a0b:c0d") / ICMPv6EchoRequest(id=23, seq=1))
add(E / IP(src="192.0.2.1", dst="192.0.2.2", proto=41) / v6() / ICMPv6EchoRequest(id=24, seq=1))

# --- unknown next header, padding after a short datagram
add(E / v6(nh=253) / Raw(b"experiment"))
add(E / v6() / ICMPv6EchoRequest(id=25, seq=1) / Raw(b"") )

# --- malformed and truncated
add(patch(built(E / v6() / ICMPv6EchoRequest(id=30, seq=1)), 14, b"\x40"))     # bogus version
add(E / v6() / ICMPv6EchoRequest(id=31, seq=1), cut=14 + 30)                    # header cut
add(E / v6() / ICMPv6EchoRequest(id=32, seq=1), cut=14 + 42)                    # ICMPv6 cut
add(patch(built(E / v6() / ICMPv6EchoRequest(id=33, seq=1)), 14 + 4, b"\x01\x00"))  # plen 256
add(patch(built(E / v6() / IPv6ExtHdrHopByHop(options=[PadN(optdata=b"\0\0\0\0")]) /
                ICMPv6EchoRequest(id=34, seq=1)), 14 + 40 + 1, b"\x05"))         # hbh too long
add(patch(built(E / v6() / IPv6ExtHdrHopByHop(options=[PadN(optdata=b"\0\0\0\0")]) /
                ICMPv6EchoRequest(id=35, seq=1)), 14 + 40 + 3, b"\x09"))         # option too long
add(patch(built(E / v6() / IPv6ExtHdrRouting(addresses=["2001:db8::5"], segleft=1) /
                ICMPv6EchoRequest(id=36, seq=1)), 14 + 40 + 1, b"\x07"))         # routing too long
add(E / v6() / IPv6ExtHdrFragment(nh=17, offset=0, m=1, id=7) / Raw(payload[:24]), cut=14 + 44)
add(E / v6(src="fe80::1", dst="ff02::1", hlim=255) / ICMPv6ND_RA() /
    Raw(b"\x01\x00\x00\x00\x00\x00\x00\x00"))                                   # zero option length
add(E / v6(src="fe80::1", dst="ff02::1", hlim=255) / ICMPv6ND_RA() /
    Raw(b"\x03\x04\x40\xc0"))                                                    # option cut short
add(E / v6() / ICMPv6DestUnreach(code=4))                                       # nothing quoted
add(E / v6(nh=51) / Raw(struct.pack("!BBHI", 58, 4, 0, 0x1000)))                  # AH cut
add(E / v6(nh=50) / Raw(b"\0\0"))                                               # ESP cut

# written by hand so that the malformed frames stay exactly as built
here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "ipv6.pcap"), "wb") as f:
    f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
    for i, (b, wire) in enumerate(pkts):
        f.write(struct.pack("<IIII", 1700000000 + i, 1000 * i, len(b), wire))
        f.write(b)
