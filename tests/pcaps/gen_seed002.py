#!/usr/bin/python3
"""Writes the two sessions of seed 002 (Judy Novak's IDS-evasion posts), both directions:

tests/pcaps/seed002-badrst.pcap: a handshake, a RST with a bad TCP checksum from the client,
then "EVIL" and "STUFF" in two segments (the server acknowledges both: it never took the bogus
RST), then a valid RST. A receiver validating checksums sees "EVILSTUFF"; an analyzer that
does not validate them closes the stream at the bogus RST and sees nothing.

tests/pcaps/seed002-ts.pcap: a handshake with TCP timestamps (client TSval 100), "GET /EVIL" with
TSval 100, then "STUFF HTTP/1.0\\r\\n\\r\\n" with TSval 99, one less than the last. The server
answers as Linux 2.4/2.6 does: it accepts the segment (acknowledges all 27 bytes and echoes 100).
Policy linux sees "GET /EVILSTUFF HTTP/1.0"; windows drops the TSval-99 segment (PAWS).

Deterministic (fixed timestamps, addresses and ISNs). Run: /usr/bin/python3 tests/pcaps/gen_seed002.py
"""
import os
import struct

from scapy.all import IP, TCP, Ether, IPv6, IPv6ExtHdrFragment, Raw

HERE = os.path.dirname(os.path.abspath(__file__))
T0 = 1278280619  # 2010-07-04 21:56:59 UTC, the date of the article's Snort alert

CMAC = "00:0c:29:00:00:01"
SMAC = "00:0c:29:00:00:02"
C = "192.0.2.1"
S = "192.0.2.80"


def frame(src, dst, tcp, payload=b"", bad_cksum=False):
    smac, dmac = (CMAC, SMAC) if src == C else (SMAC, CMAC)
    pkt = Ether(src=smac, dst=dmac) / IP(src=src, dst=dst, ttl=64, id=0x100) / tcp
    if payload:
        pkt = pkt / Raw(payload)
    raw = bytearray(bytes(pkt))
    if bad_cksum:
        off = 14 + 20 + 16  # Ethernet + IPv4 header, then the TCP checksum field
        raw[off] ^= 0x5a
        raw[off + 1] ^= 0xa5
    return bytes(raw)


def write(name, frames):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
        for i, data in enumerate(frames):
            f.write(struct.pack("<IIII", T0 + i // 10, 100000 * (i % 10) + 1000, len(data), len(data)))
            f.write(data)
    print("wrote %s (%d frames)" % (name, len(frames)))


# Session 1: the bogus RST
CS, SS = 3000000000, 1000
cp, sp = 40001, 80
f = []
f.append(frame(C, S, TCP(sport=cp, dport=sp, flags="S", seq=CS, window=8192)))
f.append(frame(S, C, TCP(sport=sp, dport=cp, flags="SA", seq=SS, ack=CS + 1, window=8192)))
f.append(frame(C, S, TCP(sport=cp, dport=sp, flags="A", seq=CS + 1, ack=SS + 1, window=8192)))
f.append(frame(C, S, TCP(sport=cp, dport=sp, flags="R", seq=CS + 1, ack=0, window=0), bad_cksum=True))
f.append(frame(C, S, TCP(sport=cp, dport=sp, flags="PA", seq=CS + 1, ack=SS + 1, window=8192), b"EVIL"))
f.append(frame(S, C, TCP(sport=sp, dport=cp, flags="A", seq=SS + 1, ack=CS + 5, window=8192)))
f.append(frame(C, S, TCP(sport=cp, dport=sp, flags="PA", seq=CS + 5, ack=SS + 1, window=8192), b"STUFF"))
f.append(frame(S, C, TCP(sport=sp, dport=cp, flags="A", seq=SS + 1, ack=CS + 10, window=8192)))
f.append(frame(C, S, TCP(sport=cp, dport=sp, flags="R", seq=CS + 10, ack=0, window=0)))
write("seed002-badrst.pcap", f)

# Session 2: the timestamp one less than the last
CS, SS = 2000, 7000
cp, sp = 40002, 80


def ts(val, ecr):
    return [("NOP", None), ("NOP", None), ("Timestamp", (val, ecr))]


f = []
f.append(frame(C, S, TCP(sport=cp, dport=sp, flags="S", seq=CS, window=8192, options=ts(100, 0))))
f.append(frame(S, C, TCP(sport=sp, dport=cp, flags="SA", seq=SS, ack=CS + 1, window=8192,
                         options=ts(5000, 100))))
f.append(frame(C, S, TCP(sport=cp, dport=sp, flags="A", seq=CS + 1, ack=SS + 1, window=8192,
                         options=ts(100, 5000))))
f.append(frame(C, S, TCP(sport=cp, dport=sp, flags="PA", seq=CS + 1, ack=SS + 1, window=8192,
                         options=ts(100, 5000)), b"GET /EVIL"))
f.append(frame(S, C, TCP(sport=sp, dport=cp, flags="A", seq=SS + 1, ack=CS + 10, window=8192,
                         options=ts(5001, 100))))
f.append(frame(C, S, TCP(sport=cp, dport=sp, flags="PA", seq=CS + 10, ack=SS + 1, window=8192,
                         options=ts(99, 5001)), b"STUFF HTTP/1.0\r\n\r\n"))
# the Linux answer: all 27 bytes acknowledged, 100 echoed instead of 99
f.append(frame(S, C, TCP(sport=sp, dport=cp, flags="A", seq=SS + 1, ack=CS + 28, window=8192,
                         options=ts(5002, 100))))
f.append(frame(C, S, TCP(sport=cp, dport=sp, flags="FA", seq=CS + 28, ack=SS + 1, window=8192,
                         options=ts(101, 5002))))
f.append(frame(S, C, TCP(sport=sp, dport=cp, flags="FA", seq=SS + 1, ack=CS + 29, window=8192,
                         options=ts(5003, 101))))
f.append(frame(C, S, TCP(sport=cp, dport=sp, flags="A", seq=CS + 29, ack=SS + 2, window=8192,
                         options=ts(102, 5003))))
write("seed002-ts.pcap", f)

# Fragments (not in the article; the same question one layer down): an ICMP echo in 17 IPv4
# fragments overlapping as in Novak's "Target-Based Fragmentation Reassembly" test, each filled
# with its letter, so that every fragment policy reassembles different bytes.
PATTERN = [("A", 0, 3), ("B", 4, 2), ("C", 6, 3), ("D", 10, 1), ("E", 13, 2), ("F", 15, 3),
           ("G", 18, 2), ("H", 20, 2), ("I", 22, 1), ("J", 1, 4), ("K", 6, 3), ("L", 9, 3),
           ("M", 12, 3), ("N", 16, 1), ("O", 19, 1), ("P", 20, 1), ("Q", 22, 2)]
f = []
for i, (ch, unit, units) in enumerate(PATTERN):
    more = i != len(PATTERN) - 1
    ip = IP(src=C, dst=S, ttl=64, id=0x4242, proto=1, flags="MF" if more else 0, frag=unit)
    f.append(bytes(Ether(src=CMAC, dst=SMAC) / ip / Raw(ch.encode() * (8 * units))))
# the same question over IPv6: two fragments overlapping with different bytes, then the last
for off, more, data in ((0, 1, b"a" * 16), (1, 1, b"b" * 16), (3, 0, b"c" * 8)):
    ip6 = IPv6(src="2001:db8::1", dst="2001:db8::80", nh=44, hlim=64)
    fh = IPv6ExtHdrFragment(nh=58, offset=off, m=more, id=0x77)
    f.append(bytes(Ether(src=CMAC, dst=SMAC, type=0x86DD) / ip6 / fh / Raw(data)))
write("seed002-frag.pcap", f)
