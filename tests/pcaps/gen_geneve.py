#!/usr/bin/python3
"""Writes tests/pcaps/geneve.pcap: Geneve (RFC 8926) on UDP port 6081 over Ethernet/IPv4, for
trawl's geneve.c and the goldens geneve-1..3:

  1  Ethernet payload (0x6558) carrying IPv4/ICMP, no options
  2  IPv4 payload (0x0800), the O flag, a Linux option (class 0x0100) with 8 bytes of data
  3  IPv6 payload (0x86dd), the C flag, a critical option and a zero-length option
  4  Google options: GCP VNID (egress), GCP endpoint, GCP profile, VNI 0xabcdef
  5  Amazon, Experimental, Unassigned and Standard classes, option flags' reserved bits set,
     the header's reserved byte and reserved flag bits set
  6  an option whose length runs past the options area (warning, the list stops)
  7  an unknown version (1)
  8  an EtherType nobody dissects (0x88b5): the payload is data
  9  an options length beyond the end of the packet (malformed)
 10  the same as 2, cut by the snap length inside the options (truncated)
 11  a GCP profile option with no data (tshark cannot read a 0-byte integer: malformed)
 12  only 5 bytes of Geneve header (malformed)

Deterministic: fixed timestamps and addresses. Run: /usr/bin/python3 tests/pcaps/gen_geneve.py"""
import os
import struct

from scapy.all import ICMP, IP, UDP, Ether, IPv6, Raw

HERE = os.path.dirname(os.path.abspath(__file__))
T0 = 1700000000

OUT_SRC = "00:11:22:33:44:55"
OUT_DST = "66:77:88:99:aa:bb"


def opt(cls, typ, data=b"", flags=0):
    assert len(data) % 4 == 0
    return struct.pack(">HBB", cls, typ, (flags << 5) | (len(data) // 4)) + data


def geneve(proto, vni, opts=b"", ver=0, flags=0, rsvd=0, optlen=None):
    if optlen is None:
        optlen = len(opts) // 4
    return struct.pack(">BBH", (ver << 6) | optlen, flags, proto) + \
        struct.pack(">I", (vni << 8) | rsvd) + opts


def outer(payload, sport=40000):
    return bytes(Ether(src=OUT_SRC, dst=OUT_DST) / IP(src="192.0.2.1", dst="192.0.2.2", id=1) /
                 UDP(sport=sport, dport=6081) / Raw(payload))


inner_eth = bytes(Ether(src="02:00:00:00:00:01", dst="02:00:00:00:00:02") /
                  IP(src="10.0.0.1", dst="10.0.0.2", id=7) / ICMP(id=1, seq=1) / Raw(b"ping"))
inner_ip4 = bytes(IP(src="10.0.0.3", dst="10.0.0.4", id=8) / ICMP(id=2, seq=2))
inner_ip6 = bytes(IPv6(src="2001:db8::1", dst="2001:db8::2", hlim=64) / UDP(sport=1234, dport=5678) /
                  Raw(b"hello"))

frames = []  # (bytes, caplen or None)
frames.append((outer(geneve(0x6558, 0x000001, b"")), None))
frames.append((outer(geneve(0x0800, 0x000102, opt(0x0100, 0x01, b"ABCDEFGH"), flags=0x80) + inner_ip4),
               None))
frames.append((outer(geneve(0x86dd, 0x123456, opt(0x0101, 0x81, b"\x00\x00\x00\x2a") +
                            opt(0x0102, 0x05), flags=0x40) + inner_ip6), None))
gcp = (opt(0x0132, 0x01, struct.pack(">I", (0x0000abc << 4) | 1)) +
       opt(0x0132, 0x02, bytes(range(16))) + opt(0x0132, 0x03, struct.pack(">Q", 987654321)))
frames.append((outer(geneve(0x6558, 0xabcdef, gcp) + inner_eth), None))
mix = (opt(0x0105, 0x10, b"\x01\x02\x03\x04", flags=5) + opt(0xfff3, 0x7f, b"") +
       opt(0x2000, 0x90, b"\xde\xad\xbe\xef") + opt(0x0042, 0x00, b"\x00" * 8) +
       opt(0x0110, 0x01, b"") + opt(0x0136, 0xff, b"\xff" * 4))
frames.append((outer(geneve(0x6558, 0x000010, mix, flags=0x3f, rsvd=0x5a) + inner_eth), None))
bad = opt(0x0100, 0x02, b"\x11\x22\x33\x44") + struct.pack(">HBB", 0x0132, 0x01, 3) + b"\x00" * 4
frames.append((outer(geneve(0x6558, 0x000020, bad) + inner_eth), None))
frames.append((outer(geneve(0x6558, 0x000030, opt(0x0100, 0x01, b"\x00" * 4), ver=1) + inner_eth),
               None))
frames.append((outer(geneve(0x88b5, 0x000040) + b"\x01\x02\x03\x04\x05\x06"), None))
frames.append((outer(geneve(0x0800, 0x000050, opt(0x0100, 0x01, b"\x00" * 4), optlen=40)), None))
f10 = outer(geneve(0x0800, 0x000102, opt(0x0100, 0x01, b"ABCDEFGH"), flags=0x80) + inner_ip4)
frames.append((f10, 14 + 20 + 8 + 8 + 6))
frames.append((outer(geneve(0x6558, 0x000060, opt(0x0132, 0x03)) + inner_eth), None))
frames.append((outer(struct.pack(">BBHB", 0, 0, 0x6558, 0)), None))


def main():
    path = os.path.join(HERE, "geneve.pcap")
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))
        for i, (b, cap) in enumerate(frames):
            caplen = len(b) if cap is None else cap
            f.write(struct.pack("<IIII", T0 + i, 1000 * i, caplen, len(b)))
            f.write(b[:caplen])
    print(path, len(frames), "frames")


if __name__ == "__main__":
    main()
