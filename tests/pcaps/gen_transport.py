#!/usr/bin/python3
"""Generate tests/pcaps/transport.pcap: TCP and UDP over IPv4 and IPv6, well-formed and not.

Covers every TCP option trawl decodes (MSS, WS, SACK_PERM, SACK, timestamps, TFO, MPTCP,
experimental, MD5, user timeout, unknown kinds), malformed option lists (length past the end,
too-short length, length byte missing, wrong fixed lengths, bytes after EOL, 4 NOPs), bogus header
lengths, zero windows, URG, odd flag combinations, RST with text, checksums (good, bad, 0xffff),
UDP zero checksum over IPv4 and IPv6, bad UDP lengths, UDP-Lite, and snaplen-truncated frames.

Deterministic: fixed timestamps, no randomness. Run with /usr/bin/python3 (Debian's scapy)."""
import os
import struct

from scapy.layers.inet import IP
from scapy.layers.inet6 import IPv6, IPv6ExtHdrRouting, IPv6ExtHdrDestOpt, HAO
from scapy.layers.l2 import Ether
from scapy.packet import Raw

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "transport.pcap")

SRC4, DST4 = "192.0.2.10", "198.51.100.20"
SRC6, DST6 = "2001:db8::10", "2001:db8:1::20"
FINAL6 = "2001:db8:2::30"  # routing header final destination
HOME6 = "2001:db8:3::40"   # home address option

MAC_A, MAC_B = "02:00:00:00:00:0a", "02:00:00:00:00:0b"


def cksum(data):
    if len(data) % 2:
        data += b"\0"
    s = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return (~s) & 0xFFFF


def ip_bytes(a):
    import socket
    if ":" in a:
        return socket.inet_pton(socket.AF_INET6, a)
    return socket.inet_aton(a)


def pseudo(src, dst, proto, length):
    s, d = ip_bytes(src), ip_bytes(dst)
    if len(s) == 4:
        return s + d + struct.pack("!BBH", 0, proto, length)
    return s + d + struct.pack("!IxxxB", length, proto)


def tcp(sport, dport, seq, ack, flags, win=64240, opts=b"", payload=b"", doff=None, urp=0,
        csum="good", src=SRC4, dst=DST4, proto=6):
    """TCP segment bytes. flags is the 12-bit field (res/AE/CWR/ECE/URG/ACK/PSH/RST/SYN/FIN)."""
    if len(opts) % 4:
        opts += b"\0" * (4 - len(opts) % 4)
    hl = doff if doff is not None else (20 + len(opts)) // 4
    hdr = struct.pack("!HHIIHHHH", sport, dport, seq, ack, (hl << 12) | (flags & 0xFFF), win, 0,
                      urp) + opts
    seg = hdr + payload
    if csum == "good" or csum == "ffff":
        c = cksum(pseudo(src, dst, proto, len(seg)) + seg)
        if csum == "ffff":
            # only a computed 0x0000 can be written as 0xffff; caller arranges that case
            c = 0xFFFF if c == 0 else c
    elif csum == "zero":
        c = 0
    else:
        c = csum
    return seg[:16] + struct.pack("!H", c) + seg[18:]


def udp(sport, dport, payload=b"", length=None, csum="good", src=SRC4, dst=DST4, proto=17,
        coverage=None):
    ln = length if length is not None else 8 + len(payload)
    if proto == 136:
        ln = coverage if coverage is not None else 0
    seg = struct.pack("!HHHH", sport, dport, ln, 0) + payload
    if csum == "good":
        if proto == 136:
            cov = len(seg) if ln == 0 else ln
            c = cksum(pseudo(src, dst, proto, len(seg)) + seg[:cov])
        else:
            c = cksum(pseudo(src, dst, proto, ln) + seg)
        if c == 0:
            c = 0xFFFF
    elif csum == "zero":
        c = 0
    else:
        c = csum
    return seg[:6] + struct.pack("!H", c) + seg[8:]


def v4(l4, proto, src=SRC4, dst=DST4, **kw):
    return bytes(Ether(src=MAC_A, dst=MAC_B) / IP(src=src, dst=dst, proto=proto, ttl=64, id=1, **kw)
                 / Raw(l4))


def v6(l4, nh, src=SRC6, dst=DST6, ext=None):
    ip = IPv6(src=src, dst=dst, hlim=64)
    if ext is not None:
        pkt = Ether(src=MAC_A, dst=MAC_B) / ip / ext / Raw(l4)
        pkt[ext.__class__].nh = nh
    else:
        ip.nh = nh
        pkt = Ether(src=MAC_A, dst=MAC_B) / ip / Raw(l4)
    return bytes(pkt)


# option builders
def o_mss(v, ln=4):
    return bytes([2, ln]) + struct.pack("!H", v)[: ln - 2]


def o_ws(s):
    return bytes([3, 3, s])


def o_sackp():
    return bytes([4, 2])


def o_sack(*edges):
    return bytes([5, 2 + 4 * len(edges)]) + b"".join(struct.pack("!I", e) for e in edges)


def o_ts(v, e):
    return bytes([8, 10]) + struct.pack("!II", v, e)


NOP, EOL = b"\x01", b"\x00"

frames = []  # (bytes, caplen or None)


def add(b, caplen=None):
    frames.append((b, caplen))


def both(make):
    """make(src, dst, wrap) for IPv4 then IPv6; wrap(l4, proto)."""
    make(SRC4, DST4, lambda l4, pr: v4(l4, pr))
    make(SRC6, DST6, lambda l4, pr: v6(l4, pr, SRC6, DST6))


def tcp_cases(s, d, wrap):
    ports = iter(range(41000, 42000, 2))

    def T(sport, dport, *a, keep=False, **k):
        # every case gets its own port pair (so that tshark's flow analysis does not tie them
        # together) unless it is part of the handshake sequence
        if not keep:
            sport = next(ports)
            dport = sport + 1
        return wrap(tcp(sport, dport, *a, src=s, dst=d, **k), 6)

    syn_opts = o_mss(65495) + o_sackp() + o_ts(1785194484, 0) + NOP + o_ws(10)
    # handshake and data (Linux style options)
    add(T(60094, 8765, 141748459, 0, 0x002, 65495, syn_opts, keep=True))
    add(T(8765, 60094, 3000000000, 141748460, 0x012, 65483, syn_opts, keep=True))
    add(T(60094, 8765, 141748460, 3000000001, 0x010, 64, NOP + NOP + o_ts(1785194484, 1785194484), keep=True))
    add(T(60094, 8765, 141748460, 3000000001, 0x018, 64, NOP + NOP + o_ts(1785194485, 1785194484),
          b"hello, transport\n", keep=True))
    # SACK with 1, 2, 3 blocks (the first a D-SACK below the ack)
    add(T(8765, 60094, 3000000001, 141748477, 0x010, 512,
          NOP + NOP + o_ts(9, 8) + NOP + NOP + o_sack(141748500, 141748600), keep=True))
    add(T(8765, 60094, 3000000001, 141748477, 0x010, 512,
          NOP + NOP + o_sack(141748400, 141748450, 141748500, 141748600), keep=True))
    add(T(8765, 60094, 3000000001, 141748477, 0x010, 512,
          NOP + NOP + o_sack(1, 2, 3, 4, 5, 6), keep=True))
    # SACK with a dangling half block
    add(T(8765, 60094, 3000000001, 141748477, 0x010, 512, bytes([5, 6]) + b"\0\0\0\x07" + NOP + NOP, keep=True))
    # FIN/ACK, RST, RST with a text payload, RST/ACK
    add(T(60094, 8765, 141748477, 3000000001, 0x011, 64, keep=True))
    add(T(8765, 60094, 3000000001, 0, 0x004, 0, keep=True))
    add(T(8765, 60094, 3000000001, 141748478, 0x014, 0, payload=b"connection refused by policy", keep=True))
    # all flags (reserved, AE, CWR, ECE, URG...) with an urgent pointer
    add(T(1234, 4321, 1, 2, 0xFFF, 0, urp=7, payload=b"urgent!"))
    # ECN setup SYN (AE|CWR|ECE), URG with pointer, zero window
    add(T(40000, 40001, 5, 0, 0x1C2, 0, o_mss(1460)))
    add(T(40000, 40001, 6, 9, 0x030, 0, urp=3, payload=b"abcdef"))
    # urgent pointer set without URG, ack number set without ACK
    add(T(40000, 40001, 7, 12345, 0x008, 1000, urp=99, payload=b"x"))
    # TFO: cookie request on SYN, cookie on SYN with data, experimental-kind TFO, other ExID
    add(T(40002, 40003, 100, 0, 0x002, 1000, o_mss(1460) + bytes([34, 2]) + NOP + NOP))
    add(T(40002, 40003, 100, 0, 0x002, 1000, o_mss(1460) + bytes([34, 10]) + bytes(range(1, 9)),
          b"GET"))
    add(T(40002, 40003, 100, 0, 0x002, 1000, bytes([254, 12, 0xF9, 0x89]) + bytes(range(8))))
    add(T(40002, 40003, 100, 0, 0x002, 1000, bytes([254, 8, 0x12, 0x34, 1, 2, 3, 4])))
    add(T(40002, 40003, 100, 0, 0x002, 1000, bytes([253, 6, 0xAB, 0xCD, 9, 9])))
    add(T(40002, 40003, 100, 0, 0x002, 1000, bytes([254, 3, 0x12]) + NOP))
    # MPTCP MP_CAPABLE (SYN), DSS, unknown subtype
    add(T(40004, 40005, 200, 0, 0x002, 1000,
          o_mss(1460) + bytes([30, 12, 0x01, 0x81]) + bytes.fromhex("0123456789abcdef")))
    add(T(40004, 40005, 201, 300, 0x010, 1000, bytes([30, 8, 0x20, 0x01]) + b"\0\0\0\x05"))
    add(T(40004, 40005, 201, 300, 0x010, 1000, bytes([30, 4, 0xF0, 0x00])))
    # MD5 signature, user timeout, echo, echo reply, CC, quick-start, AO
    add(T(40006, 40007, 1, 2, 0x018, 1000, bytes([19, 18]) + bytes(range(16)) + NOP + NOP, b"\0" * 19))
    add(T(40006, 40007, 1, 2, 0x010, 1000, bytes([28, 4, 0x80, 0x0A]) + bytes([6, 6, 0, 0, 0, 1])
          + bytes([7, 6, 0, 0, 0, 2]) + NOP + NOP))
    add(T(40006, 40007, 1, 2, 0x010, 1000, bytes([11, 6, 0, 0, 1, 0]) + bytes([12, 6, 0, 0, 2, 0])
          + bytes([13, 6, 0, 0, 3, 0]) + NOP + NOP))
    add(T(40006, 40007, 1, 2, 0x010, 1000, bytes([27, 8, 0x15, 7, 0, 0, 0, 0x10])
          + bytes([29, 8, 1, 2, 0xA1, 0xA2, 0xA3, 0xA4])))
    # unknown options, AccECN kinds, SCPS-ish kinds
    add(T(40006, 40007, 1, 2, 0x010, 1000, bytes([99, 4, 0xAA, 0xBB]) + bytes([200, 2]) + NOP + NOP))
    add(T(40016, 40017, 1, 2, 0x010, 1000, bytes([172, 11]) + bytes(range(9)) + NOP))
    add(T(40018, 40019, 1, 2, 0x010, 1000, bytes([174, 5, 0, 0, 9]) + NOP + NOP + NOP))
    # more option variants: AO alone, quick-start request, TARR and AccECN experiments, bare ExID
    add(T(40024, 40025, 1, 2, 0x010, 1000, bytes([29, 4, 7, 9])))
    add(T(40024, 40025, 1, 2, 0x010, 1000, bytes([27, 8, 0x00, 7, 0, 0, 0, 0x10])))
    add(T(40024, 40025, 1, 2, 0x010, 1000, bytes([27, 6, 0x0F, 7, 0, 0]) + NOP + NOP))
    add(T(40024, 40025, 1, 2, 0x010, 1000, bytes([254, 5, 0x00, 0xAC, 0x0A]) + NOP * 3))
    add(T(40024, 40025, 1, 2, 0x010, 1000, bytes([254, 4, 0x00, 0xAC])))
    add(T(40024, 40025, 1, 2, 0x010, 1000, bytes([254, 7, 0xAC, 0xC0, 0, 1, 2]) + NOP))
    add(T(40024, 40025, 1, 2, 0x010, 1000, bytes([254, 4, 0x55, 0x66])))
    add(T(40024, 40025, 1, 2, 0x010, 1000, bytes([28, 4, 0x00, 0x05]) + bytes([28, 3, 1]) + NOP))
    add(T(40024, 40025, 1, 2, 0x010, 1000, bytes([19, 4, 1, 2]) + bytes([6, 4, 0, 0])))
    add(T(40024, 40025, 1, 2, 0x010, 1000, bytes([172, 2]) + bytes([172, 5, 0, 0, 1]) + bytes([172, 8]) + bytes(6)
          + bytes([174, 3, 0]) + NOP))
    add(T(40024, 40025, 1, 2, 0x010, 1000, bytes([34, 3, 1]) + bytes([76, 4, 0, 0]) + NOP))
    # no flags at all; SYN whose option list breaks (MSS check after the error?)
    add(T(40026, 40027, 1, 0, 0x000, 1000))
    add(T(40026, 40027, 1, 0, 0x002, 1000, bytes([3, 3, 2]) + bytes([8, 30]) + NOP * 3))
    # NOP runs at different alignments
    add(T(40026, 40027, 1, 2, 0x010, 1000, o_mss(1460) + NOP * 8))
    add(T(40026, 40027, 1, 2, 0x010, 1000, NOP + o_ws(3) + NOP * 4 + bytes([4, 2]) + NOP * 2))
    # reserved bits partially set
    add(T(40026, 40027, 1, 2, 0x410, 1000))
    # EOL then zeros; EOL then garbage; four NOPs in a row
    add(T(40008, 40009, 1, 2, 0x010, 1000, o_mss(1460) + EOL + b"\0\0\0"))
    add(T(40008, 40009, 1, 2, 0x010, 1000, EOL + b"\0\x01\x02\x03"))
    add(T(40008, 40009, 1, 2, 0x010, 1000, NOP * 4 + o_ts(1, 2) + NOP + NOP))
    # wrong fixed lengths; window scale shift > 14
    add(T(40008, 40009, 1, 2, 0x002, 1000, o_mss(1460, 3) + NOP + bytes([3, 4, 7, 0]) + NOP * 3))
    add(T(40008, 40009, 1, 2, 0x002, 1000, bytes([8, 6, 0, 0, 0, 1]) + bytes([4, 3, 0]) + NOP * 3))
    add(T(40008, 40009, 1, 2, 0x002, 1000, o_ws(15) + NOP))
    # option length past the end, too short, length byte missing
    add(T(40008, 40009, 1, 2, 0x010, 1000, bytes([2, 40, 5, 0xB4])))
    add(T(40008, 40009, 1, 2, 0x010, 1000, bytes([2, 1, 5, 0xB4])))
    add(T(40008, 40009, 1, 2, 0x010, 1000, bytes([99, 0, 5, 0xB4])))
    add(T(40008, 40009, 1, 2, 0x010, 1000, NOP + NOP + NOP + bytes([8])))
    # bogus header length (16 bytes), header longer than the segment
    add(T(40010, 40011, 1, 2, 0x010, 1000, doff=4))
    add(T(40010, 40011, 1, 2, 0x010, 1000, doff=0))
    add(T(40010, 40011, 1, 2, 0x018, 1000, doff=15, payload=b"abcd"))
    # checksums: bad, and a segment whose correct checksum is written as 0xffff
    add(T(40012, 40013, 1, 2, 0x018, 1000, payload=b"bad checksum", csum=0x1234))
    # payload chosen so that the computed checksum is zero: solve for two bytes
    base = tcp(40012, 40013, 1, 2, 0x018, 1000, payload=b"\0\0", src=s, dst=d, csum="zero")
    need = cksum(pseudo(s, d, 6, len(base)) + base)  # value the two bytes must add
    fix = struct.pack("!H", need)
    seg = tcp(40012, 40013, 1, 2, 0x018, 1000, payload=fix, src=s, dst=d, csum="zero")
    seg = seg[:16] + b"\xff\xff" + seg[18:]
    add(wrap(seg, 6))
    # snaplen cuts: inside the fixed header, inside options, inside the payload
    full = T(40014, 40015, 1, 2, 0x018, 1000, NOP + NOP + o_ts(5, 6), b"truncated payload here")
    hdr = 14 + (20 if s == SRC4 else 40)
    add(full, hdr + 10)
    add(full, hdr + 26)
    add(full, hdr + 40)
    add(full, hdr + 2)
    add(full, hdr + 32)
    for cut in (4, 8, 12, 13, 14, 16, 18, 20, 21):
        add(full, hdr + cut)


def udp_cases(s, d, wrap):
    U = lambda *a, **k: wrap(udp(*a, src=s, dst=d, **k), k.get("proto", 17))
    add(U(60000, 40020, b"udp payload"))
    add(U(60000, 40020, b"udp zero checksum", csum="zero"))
    add(U(60000, 40020, b"udp bad checksum", csum=0xBEEF))
    add(U(60000, 40020, b"udp long length", length=200))
    add(U(60000, 40020, b"udp short length", length=5))
    add(U(60000, 40020, b"udp length below ip", length=12))
    add(U(60000, 40020, b"zero length", length=0, csum="zero"))
    add(U(40021, 40021, b""))
    add(U(0, 40020, b"port zero"))
    # UDP-Lite: full coverage (0), partial coverage, bad coverage
    add(U(60001, 40022, b"udplite full", proto=136, coverage=0))
    add(U(60001, 40022, b"udplite partial", proto=136, coverage=12))
    add(U(60001, 40022, b"udplite bad", proto=136, coverage=4))
    add(U(60001, 40022, b"udplite long", proto=136, coverage=400))
    # truncated
    full = U(60000, 40020, b"truncated udp payload")
    hdr = 14 + (20 if s == SRC4 else 40)
    add(full, hdr + 4)
    add(full, hdr + 12)
    add(full, hdr + 8)


def build():
    both(tcp_cases)
    both(udp_cases)
    # IPv6 routing header (type 2) and home address option: pseudo-header uses them
    rh = IPv6ExtHdrRouting(type=2, segleft=1, addresses=[FINAL6])
    seg = tcp(40030, 40031, 1, 2, 0x018, 1000, payload=b"via rh2", src=SRC6, dst=FINAL6)
    add(v6(seg, 6, SRC6, DST6, rh))
    do = IPv6ExtHdrDestOpt(options=[HAO(hoa=HOME6)])
    seg = udp(40032, 40033, b"home address", src=HOME6, dst=DST6)
    add(v6(seg, 17, SRC6, DST6, do))
    # UDP zero-checksum over IPv6 is illegal
    with open(OUT, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))
        for i, (b, cap) in enumerate(frames):
            c = b[:cap] if cap is not None else b
            f.write(struct.pack("<IIII", 1700000000 + i, 1000 * i, len(c), len(b)))
            f.write(c)


if __name__ == "__main__":
    build()
    print("wrote %s (%d frames)" % (OUT, len(frames)))
