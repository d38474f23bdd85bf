#!/usr/bin/python3
"""Writes the link-layer test captures for trawl's vlan, ieee8021ad/ah, llc, arp, sll, null,
raw, ppp, pppoes/pppoed, gre and vxlan dissectors (one capture per link type, since a classic
pcap has one):

  links.pcap       Ethernet: 802.1Q (stacked, QinQ 0x9100, 802.3 length inside), 802.1ad,
                   802.1ah, 802.3 + LLC (U/I/S frames, XID, SNAP with OUI 0 and others, raw
                   IPX), trailers and padding, ARP/RARP (requests, replies, gratuitous,
                   announcement, probe, non-Ethernet sizes, duplicate addresses), PPPoE
                   discovery (tags, DSLF sub-tags) and session, GRE (checksum good/bad, key,
                   sequence, routing, PPTP), VXLAN, and truncated/malformed variants of each
  links-sll.pcap   LINKTYPE_LINUX_SLL (113)
  links-sll2.pcap  LINKTYPE_LINUX_SLL2 (276)
  links-null.pcap  LINKTYPE_NULL (0), host byte order guessed
  links-loop.pcap  LINKTYPE_LOOP (108)
  links-raw.pcap   LINKTYPE_RAW (101)
  links-ppp.pcap   LINKTYPE_PPP (9)

Deterministic: fixed timestamps and addresses, no randomness.
Run: /usr/bin/python3 tests/pcaps/gen_links.py"""
import os
import struct

from scapy.all import ARP, IP, UDP, Dot1Q, Ether, Raw

HERE = os.path.dirname(os.path.abspath(__file__))
T0 = 1600000000

SRC_MAC = "00:11:22:33:44:55"
DST_MAC = "66:77:88:99:aa:bb"
A = "192.0.2.1"
B = "198.51.100.7"


def cksum(b):
    if len(b) % 2:
        b += b"\0"
    s = sum(struct.unpack("!%dH" % (len(b) // 2), b))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return (~s) & 0xffff


def write(name, linktype, frames):
    """frames: list of bytes or (bytes, caplen) -- a caplen below the length cuts the capture"""
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, linktype))
        for i, fr in enumerate(frames):
            data, cap = (fr, None) if isinstance(fr, (bytes, bytearray)) else fr
            data = bytes(data)
            wire = len(data)
            if cap is not None:
                data = data[:cap]
            f.write(struct.pack("<IIII", T0 + i, 1000 * i, len(data), wire))
            f.write(data)


def udp_ip(payload=b"x" * 8, sport=40000, dport=40001):
    return bytes(IP(src=A, dst=B, id=1) / UDP(sport=sport, dport=dport) / Raw(payload))


def eth(etype, payload, src=SRC_MAC, dst=DST_MAC):
    return bytes(Ether(src=src, dst=dst, type=etype)) + bytes(payload)


def e8023(payload, length=None, src=SRC_MAC, dst="01:80:c2:00:00:00"):
    hdr = bytes(Ether(src=src, dst=dst, type=0))[:12]
    return hdr + struct.pack("!H", len(payload) if length is None else length) + payload


def tag(tci, etype):
    return struct.pack("!HH", tci, etype)


def arp(op=1, hrd=1, pro=0x0800, hln=6, pln=4, sha=b"\x00\x11\x22\x33\x44\x55",
        spa=b"\xc0\x00\x02\x01", tha=b"\0" * 6, tpa=b"\xc6\x33\x64\x07"):
    return struct.pack("!HHBBH", hrd, pro, hln, pln, op) + sha + spa + tha + tpa


# ---------------------------------------------------------------------------------------------
# Ethernet
# ---------------------------------------------------------------------------------------------
F = []
ip = udp_ip()
# VLAN: plain, priority/DEI, stacked (three tags), Q-in-Q 0x9100, 802.3 inside VLAN
F.append(bytes(Ether(src=SRC_MAC, dst=DST_MAC) / Dot1Q(vlan=100) / IP(src=A, dst=B, id=1) /
               UDP(sport=1, dport=2) / Raw(b"v" * 4)))
F.append(eth(0x8100, tag(0xb00a, 0x0800) + ip))
F.append(eth(0x8100, tag(10, 0x8100) + tag(20, 0x8100) + tag(30, 0x0806) + arp()))
F.append(eth(0x9100, tag(7, 0x8100) + tag(8, 0x0800) + ip))
F.append(eth(0x8100, tag(5, 0x0026) + b"\x42\x42\x03" + b"\0" * 35))
F.append(eth(0x8100, tag(5, 0x05dc) + b"\x42\x42\x03" + b"\0" * 10))       # length too big
F.append(eth(0x8100, tag(6, 0x0806) + arp() + b"\0" * 6 + b"\xde\xad\xbe\xef"))  # pad+trailer
F.append(eth(0x8100, b"\x00"))                                                # truncated tag
F.append(eth(0x8100, tag(1, 0x8100) * 25 + ip))                              # too many tags
# 802.1ad: S-tag + C-tag (as tcpdump's QinQ capture), two S-tags, I-tag (802.1ah)
F.append(eth(0x88a8, tag(200, 0x8100) + tag(2001, 0x0806) + arp() + b"\0" * 10 + b"\1\2\3\4"))
F.append(eth(0x88a8, tag(0x2064, 0x88a8) + tag(0x3065, 0x0800) + ip))
F.append(eth(0x88e7, struct.pack("!I", 0x20abcdef) + bytes.fromhex("0a0b0c0d0e0f000102030405") +
             struct.pack("!H", 0x0800) + ip))
F.append(eth(0x88a8, tag(300, 0x88e7) + struct.pack("!I", 0x00012345) +
             bytes.fromhex("0a0b0c0d0e0f000102030405") + struct.pack("!H", 0x0806) + arp()))
# 802.3 + LLC: STP BPDU (U frame), padding, trailer, I and S frames, XID, TEST, unknown SAPs
bpdu = bytes(38)
F.append(e8023(b"\x42\x42\x03" + bpdu[3:]))
F.append(e8023(b"\x42\x42\x03" + bpdu[3:] + b"\0" * 8 + b"TRLR"))
F.append(e8023(b"\xf0\xf0\x06\x0b" + b"netbios-i-frame"))
F.append(e8023(b"\x04\x05\x0d\x13" + b"s-frame"))
F.append(e8023(b"\x42\x43\xaf\x81\x01\x02"))
F.append(e8023(b"\xaa\x43\xf3" + b"test"))
F.append(e8023(b"\xe4\xe5\x03" + b"unknown sap"))
F.append(e8023(b"\xff\xff\x00\x20" + b"\x00" * 28))                           # raw IPX
F.append(e8023(b"\x42\x42\x03", length=100))                                  # past the end
F.append(e8023(b"\x42"))                                                      # truncated
# SNAP: IPv4 (OUI 0), ARP, unknown EtherType, Cisco CDP PID, 802.1 bridged Ethernet, unknown
F.append(e8023(b"\xaa\xaa\x03\x00\x00\x00\x08\x00" + ip, dst=DST_MAC))
F.append(e8023(b"\xaa\xaa\x03\x00\x00\x00\x08\x06" + arp(), dst=DST_MAC))
F.append(e8023(b"\xaa\xaa\x03\x00\x00\x00\x12\x34" + b"opaque", dst=DST_MAC))
F.append(e8023(b"\xaa\xaa\x03\x00\x00\x0c\x20\x00" + b"\x02\xb4\x00\x00", dst="01:00:0c:cc:cc:cc"))
F.append(e8023(b"\xaa\xaa\x03\x00\x80\xc2\x00\x07\x00\x00" + eth(0x0806, arp()), dst=DST_MAC))
F.append(e8023(b"\xaa\xaa\x03\x12\x34\x56\x00\x01" + b"vendor", dst=DST_MAC))
F.append(e8023(b"\xaa\xaa\x03\x00\x00"))                                      # cut SNAP
F.append((e8023(b"\xaa\xaa\x03\x00\x00\x00\x08\x00" + ip, dst=DST_MAC), 20))  # snaplen
# ARP: request, reply, gratuitous request/reply, announcement, probe, RARP, InARP, DRARP
F.append(eth(0x0806, arp(1), dst="ff:ff:ff:ff:ff:ff"))
F.append(eth(0x0806, arp(2, sha=b"\x00\x11\x22\x33\x44\x66", tha=b"\x00\x11\x22\x33\x44\x55",
                         spa=b"\xc6\x33\x64\x07", tpa=b"\xc0\x00\x02\x01")))
F.append(eth(0x0806, arp(1, tha=b"\xff" * 6, tpa=b"\xc0\x00\x02\x01")))
F.append(eth(0x0806, arp(2, tha=b"\xff" * 6, tpa=b"\xc0\x00\x02\x01")))
F.append(eth(0x0806, arp(1, tpa=b"\xc0\x00\x02\x01")))
F.append(eth(0x0806, arp(1, spa=b"\0\0\0\0")))
F.append(eth(0x8035, arp(3)))
F.append(eth(0x8035, arp(4, tha=b"\x00\x11\x22\x33\x44\x77")))
F.append(eth(0x0806, arp(8)))
F.append(eth(0x0806, arp(9)))
F.append(eth(0x0806, arp(7)))
F.append(eth(0x0806, arp(11)))
F.append(eth(0x0806, arp(24)))
F.append(eth(0x0806, arp(0x1234)))
# the same address from another MAC: Wireshark's duplicate-address report
F.append(eth(0x0806, arp(1, sha=b"\x00\x11\x22\x33\x44\x99")))
# other hardware/protocol types and sizes, zero sizes, long addresses
F.append(eth(0x0806, arp(1, hrd=6, pro=0x86dd, hln=6, pln=16, spa=bytes(range(16)),
                         tpa=bytes(range(16, 32)))))
F.append(eth(0x0806, arp(2, hrd=0x1234, hln=8, sha=b"ABCDEFGH", tha=b"abcdefgh")))
F.append(eth(0x0806, arp(1, hln=0, pln=0, sha=b"", spa=b"", tha=b"", tpa=b"")))
F.append(eth(0x0806, arp(1, hrd=0x20, hln=40, sha=bytes(40), tha=bytes(range(40)))))
F.append(eth(0x0806, arp(1)[:20]))                          # shorter than its sizes say
F.append(eth(0x0806, arp(1)[:5]))                           # cut in the fixed part
F.append((eth(0x0806, arp(2)), 36))                         # snaplen inside the addresses
# PPPoE discovery: PADI with tags (service, host-uniq, AC-name, unknown, DSLF vendor, metrics,
# credits, sequence of wrong length, errors), PADO claiming too much, PADT, unknown code
tags = (struct.pack("!HH", 0x0101, 0) + struct.pack("!HH", 0x0103, 4) + b"\1\2\3\4" +
        struct.pack("!HH", 0x0102, 6) + b"AC-One" + struct.pack("!HH", 0x0999, 3) + b"xyz" +
        struct.pack("!HHI", 0x0105, 4 + 2 + 4 + 6 + 5, 3561) + b"\x01\x04circ" +
        b"\x81\x04" + struct.pack("!I", 1024) + b"\x90\x03\x01\x01\x02" +
        struct.pack("!HH", 0x0107, 10) + struct.pack("!HBBHHH", 0x000b, 100, 50, 10, 1000, 2000) +
        struct.pack("!HHHH", 0x0106, 4, 7, 9) + struct.pack("!HH", 0x0108, 3) + b"abc" +
        struct.pack("!HH", 0x0201, 5) + b"nosvc" + struct.pack("!HH", 0x0120, 2) + b"\x05\xdc")


def pppoe(code, sid, payload, plen=None):
    return struct.pack("!BBHH", 0x11, code, sid, len(payload) if plen is None else plen) + payload


F.append(eth(0x8863, pppoe(0x09, 0, tags), dst="ff:ff:ff:ff:ff:ff"))
F.append(eth(0x8863, pppoe(0x07, 0, tags[:20], plen=200)))
F.append(eth(0x8863, pppoe(0x65, 0x1234, struct.pack("!HH", 0x0101, 3) + b"svc" + b"\0\0\0\0")))
F.append(eth(0x8863, pppoe(0xa7, 0x1234, b"")))
F.append(eth(0x8863, pppoe(0x42, 0x1234, b"")))
F.append(eth(0x8863, b"\x11\x09"))
# PPPoE session: IPv4, LCP, IPCP, unknown protocol, credits tag, bad payload length, short
F.append(eth(0x8864, pppoe(0, 0x1234, b"\x00\x21" + ip)))
F.append(eth(0x8864, pppoe(0, 0x1234, b"\xc0\x21\x01\x01\x00\x08\x05\x06\x12\x34")))
F.append(eth(0x8864, pppoe(0, 0x1234, b"\x80\x21\x01\x01\x00\x0a\x03\x06\xc0\x00\x02\x01")))
F.append(eth(0x8864, pppoe(0, 0x1234, b"\x12\x34" + b"unknown protocol")))
F.append(eth(0x8864, pppoe(0, 0x1234, b"\x21" + ip)))
F.append(eth(0x8864, pppoe(0, 0x1234, struct.pack("!HHHH", 0x0106, 4, 1, 2) + b"\x00\x21" + ip)))
F.append(eth(0x8864, pppoe(0, 0x1234, b"\x00\x21" + ip + b"\0" * 30, plen=60)))
F.append(eth(0x8864, pppoe(0, 0x1234, b"\x00\x21" + ip, plen=10)))
F.append(eth(0x8864, b"\x11\x00\x12"))


# GRE over IPv4: plain, checksum (good, bad), key, key+sequence, PPTP (with/without ack),
# keepalive-like empty, routing, WCCP v1/v2, transparent Ethernet, unknown type, truncated
def gre_ip(g, src=A, dst=B):
    return eth(0x0800, bytes(IP(src=src, dst=dst, id=7, proto=47) / Raw(g)))


inner = udp_ip(b"in")
F.append(gre_ip(struct.pack("!HH", 0, 0x0800) + inner))
g = struct.pack("!HHHH", 0x8000, 0x0800, 0, 0) + inner
F.append(gre_ip(g[:4] + struct.pack("!H", cksum(g)) + g[6:]))
F.append(gre_ip(struct.pack("!HHHH", 0x8000, 0x0800, 0x1234, 0) + inner))
F.append(gre_ip(struct.pack("!HHI", 0x2000, 0x0800, 0xdeadbeef) + inner))
F.append(gre_ip(struct.pack("!HHII", 0x3000, 0x86dd, 1, 2) + b"\x60"))
F.append(gre_ip(struct.pack("!HHHHII", 0x3081, 0x880b, len(inner) + 4, 66, 5, 4) +
                b"\xff\x03\x00\x21" + inner))
F.append(gre_ip(struct.pack("!HHHHI", 0x2081, 0x880b, 0, 66, 5)))
F.append(gre_ip(struct.pack("!HH", 0, 0x0800)))
F.append(gre_ip(struct.pack("!HHHH", 0x4000, 0x0800, 0, 0) + struct.pack("!HBB", 0x0800, 0, 4) +
                b"\x01\x02\x03\x04" + struct.pack("!HBB", 0, 0, 0) + inner))
F.append(gre_ip(struct.pack("!HH", 0, 0x883e) + inner))
F.append(gre_ip(struct.pack("!HH", 0, 0x883e) + b"\x01\x02\x03\x04" + inner))
F.append(gre_ip(struct.pack("!HH", 0, 0x6558) + eth(0x0806, arp())))
F.append(gre_ip(struct.pack("!HH", 0, 0x4321) + b"opaque"))
F.append(gre_ip(struct.pack("!HH", 0x2000, 0x0800) + b"\x01"))
F.append(gre_ip(b"\x00\x00\x08"))


# VXLAN: plain, all flags, GBP, truncated header, header without payload
def vx(hdr, payload=b""):
    return eth(0x0800, bytes(IP(src=A, dst=B, id=9) / UDP(sport=40000, dport=4789) /
                             Raw(hdr + payload)))


ieth = eth(0x0800, inner, src="02:00:00:00:00:01", dst="02:00:00:00:00:02")
F.append(vx(struct.pack("!II", 0x08000000, 0x00123400), ieth))
F.append(vx(struct.pack("!II", 0x88481234, 0x00fffffe), ieth))
F.append(vx(struct.pack("!II", 0xffffffff, 0xffffffff), ieth))
F.append(vx(struct.pack("!II", 0x08000000, 0x00000100)))
F.append(vx(b"\x08\x00\x00"))
write("links.pcap", 1, F)

# ---------------------------------------------------------------------------------------------
# Linux cooked captures
# ---------------------------------------------------------------------------------------------
def sll(pkttype, hatype, addr, proto, payload):
    return struct.pack("!HHH", pkttype, hatype, len(addr)) + addr.ljust(8, b"\0")[:8] + \
        struct.pack("!H", proto) + payload


mac = b"\x00\x11\x22\x33\x44\x55"
S = [
    sll(0, 1, mac, 0x0800, ip),
    sll(4, 1, mac, 0x0800, ip + b"\0" * 6),
    sll(1, 1, mac, 0x0806, arp() + b"\0" * 18),
    sll(2, 1, mac, 0x86dd, b"\x60"),
    sll(3, 772, b"", 0x0800, ip),
    sll(0, 778, b"\xc0\x00\x02\x01", 0x0800, ip),
    sll(0, 512, b"", 0x0800, ip),
    sll(0, 0x1234, b"0123456789", 0x0800, ip),
    sll(0, 1, b"\x01\x02\x03", 0x0800, ip),
    sll(0, 1, mac, 0x0004, b"\x42\x42\x03" + bytes(35)),
    sll(0, 1, mac, 0x0003, eth(0x0806, arp())),
    sll(0, 1, mac, 0x0001, b"\xff\xff\x00\x1e" + bytes(26)),
    sll(0, 512, b"", 0x0007, b"\xff\x03\x00\x21" + ip),
    sll(0, 280, b"", 0x000c, bytes(16)),
    sll(0, 1, mac, 0x0019, b"linux protocol 0x19"),
    sll(9, 1, mac, 0x1234, b"unknown ethertype"),
    sll(0, 1, mac, 0x0800, b"")[:10],
]
write("links-sll.pcap", 113, S)


def sll2(proto, ifindex, hatype, pkttype, addr, payload):
    return struct.pack("!HHIHBB", proto, 0, ifindex, hatype, pkttype, len(addr)) + \
        addr.ljust(8, b"\0")[:8] + payload


S2 = [
    sll2(0x0800, 2, 1, 0, mac, ip),
    sll2(0x0806, 3, 1, 4, mac, arp()),
    sll2(0x86dd, 1, 772, 0, b"", b"\x60"),
    sll2(0x0004, 2, 1, 1, mac, b"\x42\x42\x03" + bytes(35)),
    sll2(0x0800, 7, 778, 0, b"\xc0\x00\x02\x01", ip),
    sll2(0x0800, 2, 1, 0, mac, b"")[:15],
]
write("links-sll2.pcap", 276, S2)

# ---------------------------------------------------------------------------------------------
# BSD loopback (host order guessed), OpenBSD loopback (network order)
# ---------------------------------------------------------------------------------------------
ip6 = bytes.fromhex("6000000000081140") + bytes(15) + b"\x01" + bytes(15) + b"\x02" + \
    bytes.fromhex("9c409c4100080000")
N = [
    struct.pack("<I", 2) + ip,
    struct.pack(">I", 2) + ip,
    struct.pack("<I", 24) + ip6,
    struct.pack("<I", 30) + ip6,
    struct.pack("<I", 28) + ip6,
    b"\x00\x02\x00\x00" + ip,                  # IRIX: 16-bit AF first
    b"\x00\x00\x08\x00" + ip,                  # old Linux: an EtherType
    b"\xff\x03\x00\x21" + ip,                  # PPP in HDLC framing
    struct.pack("<I", 7) + b"osi",
    struct.pack("<I", 99) + b"unknown family",
    struct.pack("<I", 0x1234) + b"unknown type",
    b"\x02\x00",
]
write("links-null.pcap", 0, N)
L = [
    struct.pack(">I", 2) + ip,
    struct.pack(">I", 24) + ip6,
    struct.pack("<I", 2) + ip,
    struct.pack(">I", 0x0800) + ip,
    b"\x00\x00",
]
write("links-loop.pcap", 108, L)

# ---------------------------------------------------------------------------------------------
# Raw IP, PPP
# ---------------------------------------------------------------------------------------------
R = [
    ip,
    ip6,
    b"\xff\x03\x00\x21" + ip,
    b"\x00\xff\x03\x00\x21" + ip,
    bytes(6) + b"\xff\x03\x00\x21" + ip,
    bytes(10) + ip,
    b"\x12\x34\x56\x78\x9a\xbc\xde\xf0",
    b"\x12\x34\x56",
    b"",
    (ip, 10),
]
write("links-raw.pcap", 101, R)
P = [
    b"\xff\x03\x00\x21" + ip,
    b"\x00\x21" + ip,
    b"\x21" + ip,
    b"\xff\x03\xc0\x21\x01\x01\x00\x04",
    b"\xff\x03\x80\x21\x01\x01\x00\x04",
    b"\xff\x03\x12\x35" + b"unknown",
    b"\xff\x03\x00\x4b\x42\x42\x03" + bytes(35),
    b"\x0f\x00\x08\x00" + ip,
    b"\xff",
    b"",
]
write("links-ppp.pcap", 9, P)
print("wrote links*.pcap")
