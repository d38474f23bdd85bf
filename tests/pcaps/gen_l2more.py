#!/usr/bin/python3
"""Writes tests/pcaps/l2more.pcap (Ethernet), for the small link-layer dissectors of the l2more
branch (ptp.c, isl.c, ATMARP in arp.c, vrrp.c) and the goldens l2more-1..3:

  1  PTPv2 Sync over Ethernet (EtherType 0x88f7), two-step, padded to 60 bytes
  2  PTPv2 Follow_Up over Ethernet, a negative correctionField
  3  PTPv2 Delay_Resp over UDP 320 (IPv4), with a clock identity made from a MAC (ff:fe)
  4  PTPv2 Announce over UDP 320
  5  PTPv2 Pdelay_Resp over Ethernet
  6  PTPv2 Management GET (CURRENT_DATA_SET) over Ethernet
  7  Cisco ISL carrying an 802.3/LLC/SNAP frame (CDP's address) with a 4-byte FCS
  8  ATMARP request with two 20-byte NSAP numbers (ICD and DCC formats)
  9  ATMARP reply with E.164 numbers
 10  ATMARP whose lengths run past the frame (malformed, as arp-oobr.pcap frame 1166)
 11  VRRPv2 advertisement with simple-text authentication, two addresses
 12  VRRPv3 advertisement over IPv6 with a bad checksum
 13  VRRPv3 advertisement over IPv4

Deterministic: fixed timestamps and addresses. Run: /usr/bin/python3 tests/pcaps/gen_l2more.py"""
import os
import struct

from scapy.all import IP, UDP, Ether, IPv6, Raw, wrpcap

HERE = os.path.dirname(os.path.abspath(__file__))
T0 = 1700000000

PTP_MC = "01:1b:19:00:00:00"
SRC = "00:1b:21:3c:4d:5e"


def ptp_hdr(mtype, length, flags=0, corr=0, clock=bytes.fromhex("001b21fffe3c4d5e"), port=1,
            seq=7, control=0, logp=0, domain=0):
    return (struct.pack(">BBHBBH", mtype, 2, length, domain, 0, flags)
            + struct.pack(">q", corr) + b"\0\0\0\0" + clock + struct.pack(">HHBb", port, seq,
                                                                         control, logp))


def ts(sec, ns):
    return struct.pack(">HIi", sec >> 32, sec & 0xFFFFFFFF, ns)


def frames():
    out = []
    # 1 Sync, two-step
    out.append(Ether(dst=PTP_MC, src=SRC, type=0x88F7) / Raw(ptp_hdr(0, 44, flags=0x0200)
                                                                + ts(0, 0)))
    # 2 Follow_Up, negative correction (-1.5 ns)
    out.append(Ether(dst=PTP_MC, src=SRC, type=0x88F7)
               / Raw(ptp_hdr(8, 44, corr=-(3 << 15), control=2) + ts(1700000000, 123456789)))
    # 3 Delay_Resp over UDP 320
    body = (ptp_hdr(9, 54, control=3, seq=42, logp=-4) + ts(1700000001, 5)
            + bytes.fromhex("7cfe90fffef950b4") + struct.pack(">H", 2))
    out.append(Ether(dst="01:00:5e:00:01:81", src=SRC) / IP(src="10.0.0.1", dst="224.0.1.129",
                                                            ttl=1, id=1)
               / UDP(sport=320, dport=320) / Raw(body))
    # 4 Announce over UDP 320
    body = (ptp_hdr(0xB, 64, flags=0x0008, control=5, logp=1) + ts(0, 0)
            + struct.pack(">hBBBBHB", 37, 0, 128, 6, 0x21, 0x4E5D, 128)
            + bytes.fromhex("001b21fffe3c4d5e") + struct.pack(">HB", 1, 0x20))
    out.append(Ether(dst="01:00:5e:00:01:81", src=SRC) / IP(src="10.0.0.1", dst="224.0.1.129",
                                                            ttl=1, id=2)
               / UDP(sport=320, dport=320) / Raw(body))
    # 5 Pdelay_Resp over Ethernet
    body = (ptp_hdr(3, 54, flags=0x0200, control=5, logp=127, seq=9) + ts(1700000002, 999)
            + bytes.fromhex("0200c0fffe112233") + struct.pack(">H", 1))
    out.append(Ether(dst="01:80:c2:00:00:0e", src=SRC, type=0x88F7) / Raw(body))
    # 6 Management GET CURRENT_DATA_SET
    body = (ptp_hdr(0xD, 72, control=4, logp=127, seq=0)
            + b"\xff" * 8 + struct.pack(">HBBBB", 0xFFFF, 3, 3, 0, 0)
            + struct.pack(">HHH", 1, 20, 0x2001) + b"\0" * 18)
    out.append(Ether(dst=PTP_MC, src=SRC, type=0x88F7) / Raw(body))
    # 7 ISL: header, then an 802.3 frame with LLC/SNAP (Cisco OUI, PID 0x2004: DTP) and an FCS
    inner_payload = bytes.fromhex("aaaa0300000c2004") + bytes.fromhex(
        "01000100084c616200000200050400030005400004000a001906eab885")
    inner = (bytes.fromhex("01000ccccccc001906eab885") + struct.pack(">H", len(inner_payload))
             + inner_payload)
    inner += b"\0" * (60 - len(inner)) + bytes.fromhex("f7a7fe42")
    isl_rest = bytes.fromhex("aaaa0300000c000300000000") + inner
    isl = (bytes.fromhex("01000c000000001906eab885") + struct.pack(">H", len(isl_rest))
           + isl_rest)
    out.append(Ether(isl))
    # 8 ATMARP request, NSAP numbers
    nsap1 = bytes.fromhex("47000580ffe1000000f21a2d79001f29da2d7900")
    nsap2 = bytes.fromhex("39840f80011234567890abcdef01020304050607")
    body = (struct.pack(">HHBBHBBBB", 19, 0x0800, 20, 0, 1, 4, 20, 0, 4) + nsap1
            + bytes([192, 168, 1, 104]) + nsap2 + bytes([192, 168, 1, 1]))
    out.append(Ether(dst="ff:ff:ff:ff:ff:ff", src="00:1f:29:da:2d:79", type=0x0806) / Raw(body))
    # 9 ATMARP reply, E.164 numbers
    body = (struct.pack(">HHBBHBBBB", 19, 0x0800, 0x48, 0, 2, 4, 0x48, 0, 4) + b"12345678"
            + bytes([10, 0, 0, 1]) + b"87654321" + bytes([10, 0, 0, 2]))
    out.append(Ether(dst="00:1f:29:da:2d:79", src="00:1f:29:da:2d:7a", type=0x0806) / Raw(body))
    # 10 ATMARP with lengths past the frame
    body = bytes.fromhex("00130800060400010000")[:8] + bytes.fromhex("001f29da") + b"\0" * 30
    out.append(Ether(dst="ff:ff:ff:ff:ff:ff", src="00:1f:29:da:2d:79", type=0x0806) / Raw(body))
    # 11 VRRPv2 with text authentication
    v2 = bytearray(struct.pack(">BBBBBBH", 0x21, 5, 100, 2, 1, 1, 0) + bytes([10, 1, 1, 1])
                   + bytes([10, 1, 1, 2]) + b"secret\0\0")
    out.append(Ether(dst="01:00:5e:00:00:12", src="00:00:5e:00:01:05")
               / IP(src="10.1.1.2", dst="224.0.0.18", ttl=255, proto=112, id=3) / Raw(v2))
    # 12 VRRPv3 over IPv6, checksum left wrong
    v3 = struct.pack(">BBBBHH", 0x31, 7, 255, 1, 100, 0x1234) + bytes.fromhex(
        "fe800000000000000000000000000001")
    out.append(Ether(dst="33:33:00:00:00:12", src="00:00:5e:00:02:07")
               / IPv6(src="fe80::1", dst="ff02::12", hlim=255, nh=112) / Raw(v3))
    # 13 VRRPv3 over IPv4 (checksum filled in below)
    out.append(Ether(dst="01:00:5e:00:00:12", src="00:00:5e:00:01:09")
               / IP(src="10.2.2.2", dst="224.0.0.18", ttl=255, proto=112, id=4)
               / Raw(struct.pack(">BBBBHH", 0x31, 9, 0, 1, 0x0064, 0) + bytes([10, 2, 2, 1])))
    return out


def cksum(b):
    if len(b) % 2:
        b += b"\0"
    s = sum(struct.unpack(">%dH" % (len(b) // 2), b))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return (~s) & 0xFFFF


def main():
    pk = frames()
    # VRRPv2 checksum over the message
    v2 = bytearray(bytes(pk[10][Raw]))
    v2[6:8] = struct.pack(">H", cksum(bytes(v2)))
    pk[10][Raw].load = bytes(v2)
    # VRRPv3 over IPv4: pseudo-header + message
    v3 = bytearray(bytes(pk[12][Raw]))
    ph = bytes([10, 2, 2, 2, 224, 0, 0, 18, 0, 112]) + struct.pack(">H", len(v3))
    v3[6:8] = struct.pack(">H", cksum(ph + bytes(v3)))
    pk[12][Raw].load = bytes(v3)
    for i, p in enumerate(pk):
        p.time = T0 + i
    wrpcap(os.path.join(HERE, "l2more.pcap"), pk)


if __name__ == "__main__":
    main()
