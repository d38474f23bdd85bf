#!/usr/bin/python3
"""Writes tests/pcaps/follow.pcap: TCP and UDP conversations for -z follow.

Deterministic (fixed timestamps, addresses and ISNs, no randomness). One TCP stream per case:
  0  a plain exchange: several segments in a row from one side, binary bytes, long payloads
  1  out-of-order segments (held until the gap fills)
  2  retransmissions: an exact copy, one with more data than the first, a keep-alive
  3  data on the SYN and on the SYN/ACK
  4  a lost segment the receiver acknowledges ("[N bytes missing in capture file]")
  5  a gap at the end never filled (held data is not shown)
  6  IPv6
  7  every byte value the ascii/ebcdic views keep, one per segment (EBCDIC table)
  8  a held segment that overlaps data that arrives after it
  9  a payload cut by the capture's snapshot length
 10  sequence numbers wrapping around 2^32
 11  TCP options cut by the snapshot length (tshark's taps never see those segments)
UDP: two flows over IPv4 and IPv6, an empty datagram, an ICMP error quoting a UDP datagram.

Run: /usr/bin/python3 tests/pcaps/gen_follow.py   (from the repository root or anywhere)"""
import os
import struct

from scapy.all import ICMP, IP, TCP, UDP, IPv6, Ether, Raw

HERE = os.path.dirname(os.path.abspath(__file__))
T0 = 1700000000

MAC1 = "00:11:22:33:44:55"
MAC2 = "66:77:88:99:aa:bb"
C = "192.0.2.1"
S = "198.51.100.2"
C6 = "2001:db8::1"
S6 = "2001:db8::2"

frames = []


def add(pkt, snap=None):
    frames.append((bytes(pkt), snap))


def e4(src, dst, l4):
    return Ether(src=MAC1, dst=MAC2) / IP(src=src, dst=dst) / l4


def e6(src, dst, l4):
    return Ether(src=MAC1, dst=MAC2) / IPv6(src=src, dst=dst) / l4


def tcp(sport, dport, flags, seq, ack=0, data=b""):
    t = TCP(sport=sport, dport=dport, flags=flags, seq=seq, ack=ack, window=8192)
    return t / Raw(data) if data else t


class Conn:
    """A TCP connection between C:cport and S:sport with explicit sequence numbers."""

    def __init__(self, cport, sport, cisn, sisn, v6=False):
        self.cport, self.sport = cport, sport
        self.c, self.s = cisn, sisn
        self.v6 = v6

    def pkt(self, from_client, flags, seq, ack, data=b"", snap=None):
        if self.v6:
            src, dst = (C6, S6) if from_client else (S6, C6)
            mk = e6
        else:
            src, dst = (C, S) if from_client else (S, C)
            mk = e4
        sp, dp = (self.cport, self.sport) if from_client else (self.sport, self.cport)
        add(mk(src, dst, tcp(sp, dp, flags, seq & 0xffffffff, ack & 0xffffffff, data)), snap)

    def handshake(self):
        self.pkt(True, "S", self.c, 0)
        self.pkt(False, "SA", self.s, self.c + 1)
        self.c += 1
        self.s += 1
        self.pkt(True, "A", self.c, self.s)

    def send(self, from_client, data, advance=True, seq=None, ack=None):
        mine = self.c if from_client else self.s
        theirs = self.s if from_client else self.c
        self.pkt(from_client, "PA", mine if seq is None else seq,
                 theirs if ack is None else ack, data)
        if advance:
            if from_client:
                self.c += len(data)
            else:
                self.s += len(data)


# 0. plain exchange
k = Conn(41000, 80, 1000, 90000)
k.handshake()
k.send(True, b"GET / HTTP/1.1\r\nHost: example\r\n\r\n")
k.send(False, b"HTTP/1.1 200 OK\r\n")
k.send(False, b"Content-Length: 70\r\n\r\n")
k.send(False, bytes(range(256)) + b"\t\x7f\x80tail")
k.send(True, b"x" * 100)
k.pkt(True, "FA", k.c, k.s)
k.pkt(False, "FA", k.s, k.c + 1)

# 1. out of order: the second and third segments come before the first
k = Conn(41001, 80, 2000, 80000)
k.handshake()
k.send(True, b"BBBB", seq=k.c + 4, advance=False)
k.send(True, b"CCCC", seq=k.c + 8, advance=False)
k.send(True, b"AAAA", seq=k.c, advance=False)
k.c += 12
k.send(False, b"reply")
k.send(True, b"EEEE", seq=k.c + 4, advance=False)
k.send(True, b"DDDD", seq=k.c, advance=False)
k.c += 8

# 2. retransmissions
k = Conn(41002, 80, 3000, 70000)
k.handshake()
k.send(True, b"hello ")
k.send(True, b"hello ", seq=k.c - 6, advance=False)            # exact copy
k.send(True, b"hello world", seq=k.c - 6, advance=False)       # more than before
k.c += 5
k.send(True, b"!", seq=k.c - 1, advance=False)                 # keep-alive style
k.send(False, b"ok")
k.send(False, b"ok", seq=k.s - 2, advance=False)

# 3. data on the SYN and the SYN/ACK
k = Conn(41003, 80, 4000, 60000)
k.pkt(True, "S", k.c, 0, b"syn-data")
k.pkt(False, "SA", k.s, k.c + 9, b"synack-data")
k.c += 9
k.s += 12
k.pkt(True, "A", k.c, k.s)
k.send(True, b"after")

# 4. a lost segment, acknowledged by the receiver
k = Conn(41004, 80, 5000, 50000)
k.handshake()
k.send(True, b"1111")
k.send(True, b"3333", seq=k.c + 4, advance=False)   # 2222 never captured
k.pkt(False, "A", k.s, k.c + 8)
k.c += 8
k.send(True, b"4444")
k.send(False, b"back")

# 5. a gap at the end never filled
k = Conn(41005, 80, 6000, 40000)
k.handshake()
k.send(True, b"first")
k.send(True, b"later", seq=k.c + 10, advance=False)
k.send(False, b"answer")

# 6. IPv6
k = Conn(41006, 443, 7000, 30000, v6=True)
k.handshake()
k.send(True, b"v6 request")
k.send(False, b"v6 response " * 3)

# 7. one segment per byte the ascii view keeps (LF, CR, 0x20..0x7e)
k = Conn(41007, 80, 8000, 20000)
k.handshake()
for b in [0x0a, 0x0d] + list(range(0x20, 0x7f)):
    k.send(True, bytes([b]))

# 8. a held segment overlapping data that arrives after it
k = Conn(41008, 80, 9000, 10000)
k.handshake()
k.send(True, b"67890", seq=k.c + 5, advance=False)
k.send(True, b"abcdefg", seq=k.c, advance=False)   # covers the held segment's start
k.c += 10
k.send(False, b"z")

# 9. a payload cut by the snapshot length
k = Conn(41009, 80, 10000, 5000)
k.handshake()
k.pkt(True, "PA", k.c, k.s, b"0123456789" * 4, snap=14 + 20 + 20 + 15)
k.c += 40
k.send(True, b"next")

# 10. sequence numbers wrapping around 2^32
k = Conn(41010, 80, 0xfffffff0, 0xfffffffa)
k.handshake()
k.send(True, b"w" * 20)
k.send(False, b"v" * 10)
k.send(True, b"after-wrap")

# 11. options cut by the snapshot length: the SYN and a data segment
k = Conn(41011, 80, 11000, 4000)
opts = [("MSS", 1460), ("SAckOK", b""), ("WScale", 7), ("NOP", None), ("NOP", None),
        ("Timestamp", (1, 2))]
add(e4(C, S, TCP(sport=41011, dport=80, flags="S", seq=k.c, window=8192, options=opts)),
    snap=14 + 20 + 24)
k.c += 1
k.pkt(False, "SA", k.s, k.c)
k.s += 1
add(e4(C, S, TCP(sport=41011, dport=80, flags="PA", seq=k.c, ack=k.s, window=8192,
                 options=[("MSS", 1460)] + [("NOP", None)] * 6) / Raw(b"cut")),
    snap=14 + 20 + 22)
k.c += 3
k.send(True, b"seen")

# UDP flows
add(e4(C, S, UDP(sport=5000, dport=53) / Raw(b"query one")))
add(e4(S, C, UDP(sport=53, dport=5000) / Raw(b"answer one" * 10)))
add(e4(C, S, UDP(sport=5000, dport=53)))                      # empty datagram
add(e4(C, S, UDP(sport=5000, dport=53) / Raw(b"query two")))
add(e6(C6, S6, UDP(sport=6000, dport=6001) / Raw(b"\x00\x01binary\xff")))
add(e6(S6, C6, UDP(sport=6001, dport=6000) / Raw(b"pong")))
quoted = bytes(IP(src=C, dst=S) / UDP(sport=5000, dport=53) / Raw(b"query two"))
add(e4(S, C, ICMP(type=3, code=3) / Raw(quoted)))

with open(os.path.join(HERE, "follow.pcap"), "wb") as f:
    f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
    for i, (data, snap) in enumerate(frames):
        cap = data if snap is None else data[:snap]
        f.write(struct.pack("<IIII", T0 + i // 4, 125000 * (i % 4) + 7 * i, len(cap), len(data)))
        f.write(cap)
print("wrote %d frames" % len(frames))
