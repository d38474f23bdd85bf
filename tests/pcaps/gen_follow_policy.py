#!/usr/bin/python3
"""Writes tests/pcaps/follow-policy.pcap: TCP streams where `-z follow,tcp,...` and
`-z follow,tcp,... --policy POLICY` (the stream engine's view of a target) part ways.

Deterministic (fixed timestamps, addresses and ISNs, no randomness). One TCP stream per case:
  0  two out-of-order segments for the same bytes with different data ("BBBB", then "CCCC"),
     then the hole before them: first/bsd/linux keep BBBB, last takes CCCC; tshark's follow
     shows BBBB
  1  a lost segment the receiver acknowledges: tshark's "[4 bytes missing in capture file]"
     chunk; the engine skips the gap when the connection ends
  2  data on the SYN, acknowledged: tshark follows it, macos keeps it, the others drop it
  3  a data segment with a bad TCP checksum, then a good one for the same bytes with other
     data: tshark (no checksum validation) shows the first, a receiver the second
  4  a request/response exchange with an out-of-order pair in the server's direction: the
     chunks of both directions in delivery order

Run: /usr/bin/python3 tests/pcaps/gen_follow_policy.py   (from the repository root or anywhere)"""
import os
import struct

from scapy.all import IP, TCP, Ether, Raw

HERE = os.path.dirname(os.path.abspath(__file__))
T0 = 1710000000

MAC1 = "00:11:22:33:44:55"
MAC2 = "66:77:88:99:aa:bb"
C = "192.0.2.1"
S = "198.51.100.2"

frames = []


def add(raw):
    frames.append(raw)


class Conn:
    """A TCP connection between C:cport and S:sport with explicit sequence numbers."""

    def __init__(self, cport, sport, cisn, sisn):
        self.cport, self.sport = cport, sport
        self.c, self.s = cisn, sisn

    def pkt(self, from_client, flags, seq, ack, data=b"", bad_cksum=False):
        src, dst = (C, S) if from_client else (S, C)
        sp, dp = (self.cport, self.sport) if from_client else (self.sport, self.cport)
        t = TCP(sport=sp, dport=dp, flags=flags, seq=seq & 0xffffffff, ack=ack & 0xffffffff,
                window=8192)
        p = Ether(src=MAC1, dst=MAC2) / IP(src=src, dst=dst, id=len(frames) + 1) / t
        if data:
            p = p / Raw(data)
        raw = bytearray(bytes(p))
        if bad_cksum:
            off = 14 + 20 + 16  # Ethernet, IPv4 header, then the TCP checksum field
            raw[off] ^= 0x5a
            raw[off + 1] ^= 0xa5
        add(bytes(raw))

    def handshake(self, syn_data=b""):
        self.pkt(True, "S", self.c, 0, syn_data)
        self.c += 1 + len(syn_data)
        self.pkt(False, "SA", self.s, self.c)
        self.s += 1
        self.pkt(True, "A", self.c, self.s)

    def send(self, from_client, data, off=0, advance=True, bad_cksum=False):
        mine = self.c if from_client else self.s
        theirs = self.s if from_client else self.c
        self.pkt(from_client, "PA", mine + off, theirs, data, bad_cksum)
        if advance:
            if from_client:
                self.c += len(data)
            else:
                self.s += len(data)

    def ack(self, from_client):
        self.pkt(from_client, "A", self.c if from_client else self.s,
                 self.s if from_client else self.c)

    def close(self):
        self.pkt(True, "FA", self.c, self.s)
        self.pkt(False, "FA", self.s, self.c + 1)
        self.pkt(True, "A", self.c + 1, self.s + 1)


# 0. the same out-of-order bytes twice with different data, then the hole
k = Conn(42000, 80, 1000, 50000)
k.handshake()
k.send(True, b"BBBB", off=4, advance=False)
k.send(True, b"CCCC", off=4, advance=False)
k.send(True, b"AAAA")
k.c += 4
k.ack(False)
k.send(False, b"ok\r\n")
k.send(True, b"more")
k.close()

# 1. a lost segment the receiver acknowledges
k = Conn(42001, 80, 2000, 60000)
k.handshake()
k.send(True, b"1111")
k.c += 4  # "2222" is not in the capture
k.send(True, b"3333")
k.ack(False)
k.send(False, b"back")
k.close()

# 2. data on the SYN, acknowledged by the server
k = Conn(42002, 80, 3000, 70000)
k.handshake(syn_data=b"hello")
k.send(True, b"next")
k.send(False, b"done")
k.close()

# 3. a bad checksum, then the segment the receiver takes
k = Conn(42003, 80, 4000, 80000)
k.handshake()
k.send(True, b"GET /bad", advance=False, bad_cksum=True)
k.send(True, b"GET /ok!")
k.send(False, b"200")
k.close()

# 4. an exchange; the server's second segment arrives before its first
k = Conn(42004, 80, 5000, 90000)
k.handshake()
k.send(True, b"req1")
k.send(False, b"part2", off=5, advance=False)
k.send(False, b"part1")
k.s += 5
k.send(True, b"req2")
k.send(False, b"resp2")
k.close()


def write(name):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
        for i, data in enumerate(frames):
            f.write(struct.pack("<IIII", T0 + i // 4, 250000 * (i % 4) + 17, len(data), len(data)))
            f.write(data)
    print("wrote %s (%d frames)" % (name, len(frames)))


write("follow-policy.pcap")
