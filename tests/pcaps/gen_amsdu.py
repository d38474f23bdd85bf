#!/usr/bin/python3
"""Writes tests/pcaps/amsdu.pcap: 802.11 QoS data frames carrying A-MSDUs (LINKTYPE_IEEE802_11,
105, no FCS), for trawl's A-MSDU split (wlan.c) and the goldens amsdu-1..3:

  1  From DS, two subframes: IPv4/UDP and IPv4/TCP (the first padded to 4 bytes)
  2  To DS, three subframes: IPv6/ICMPv6 echo request, ARP, IPv4/ICMP echo request
  3  From DS, one subframe whose length runs past the frame (malformed)
  4  From DS, a subframe, then 10 bytes: less than a subframe header (ignored)
  5  a QoS data frame without the A-MSDU bit (plain LLC), for contrast

Deterministic: fixed timestamps and addresses. Run: /usr/bin/python3 tests/pcaps/gen_amsdu.py"""
import os
import struct

from scapy.all import ARP, ICMP, IP, IPv6, LLC, SNAP, TCP, UDP, ICMPv6EchoRequest, Raw

HERE = os.path.dirname(os.path.abspath(__file__))
T0 = 1700000000

AP = bytes.fromhex("001122334455")
STA = bytes.fromhex("0019e3aabbcc")
SRV = bytes.fromhex("88e0f37faec0")


def llc(payload, ethertype):
    return bytes(LLC(dsap=0xAA, ssap=0xAA, ctrl=3) / SNAP(OUI=0, code=ethertype)) + bytes(payload)


def subframe(da, sa, msdu, last):
    b = da + sa + struct.pack(">H", len(msdu)) + msdu
    if not last and len(b) % 4:
        b += b"\0" * (4 - len(b) % 4)
    return b


def qos_data(flags, a1, a2, a3, seq, body, amsdu=True):
    fc = struct.pack("<BB", 0x88, flags)  # QoS Data
    hdr = fc + struct.pack("<H", 44) + a1 + a2 + a3 + struct.pack("<H", seq << 4)
    qos = struct.pack("<H", 0x0080 if amsdu else 0x0000)
    return hdr + qos + body


def main():
    frames = []
    udp = llc(IP(src="10.1.0.1", dst="10.2.0.2", id=1) / UDP(sport=40001, dport=9999) / Raw(b"hello amsdu"), 0x0800)
    tcp = llc(IP(src="10.1.0.1", dst="10.2.0.2", id=2) /
              TCP(sport=443, dport=40000, flags="PA", seq=1000, ack=2000) / Raw(b"x" * 33), 0x0800)
    body = subframe(STA, SRV, udp, False) + subframe(STA, SRV, tcp, True)
    frames.append(qos_data(0x02, STA, AP, SRV, 1, body))

    icmp6 = llc(IPv6(src="2001:db8::1", dst="2001:db8::2") / ICMPv6EchoRequest(id=7, seq=1, data=b"ping6"), 0x86DD)
    arp = llc(ARP(op=1, hwsrc="00:19:e3:aa:bb:cc", psrc="10.1.0.1", pdst="10.1.0.254"), 0x0806)
    icmp4 = llc(IP(src="10.1.0.1", dst="10.2.0.2", id=3) / ICMP(id=9, seq=2) / Raw(b"ping4"), 0x0800)
    body = (subframe(SRV, STA, icmp6, False) + subframe(SRV, STA, arp, False) +
            subframe(SRV, STA, icmp4, True))
    frames.append(qos_data(0x01, AP, STA, SRV, 2, body))

    bad = STA + SRV + struct.pack(">H", 400) + udp
    frames.append(qos_data(0x02, STA, AP, SRV, 3, bad))

    body = subframe(STA, SRV, udp, False) + b"\x01" * 10
    frames.append(qos_data(0x02, STA, AP, SRV, 4, body))

    frames.append(qos_data(0x02, STA, AP, SRV, 5, udp, amsdu=False))

    with open(os.path.join(HERE, "amsdu.pcap"), "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 105))
        for i, fr in enumerate(frames):
            f.write(struct.pack("<IIII", T0 + i, 0, len(fr), len(fr)) + fr)


if __name__ == "__main__":
    main()
