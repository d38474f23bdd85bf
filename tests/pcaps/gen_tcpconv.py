#!/usr/bin/python3
"""Writes tests/pcaps/tcpconv.pcap: TCP and UDP conversations for trawl's stream indexes,
completeness, relative sequence numbers and window scaling.

Deterministic (fixed timestamps, addresses and ISNs, no randomness). Covers: a normal
handshake with data, SACK and FIN; a connection first seen mid-stream; port reuse by a new
SYN with another ISN; a retransmitted SYN with the same ISN; sequence numbers wrapping around
2^32; window scaling offered by one side only and by both; a SYN whose acknowledgment field is
not zero; RST; TCP over IPv6 and inside IP-in-IP; ICMP errors quoting TCP and UDP; UDP flows
in both directions over IPv4 and IPv6; a truncated TCP header.

Run: /usr/bin/python3 tests/pcaps/gen_tcpconv.py   (from the repository root or anywhere)"""
import os
import struct

from scapy.all import ICMP, IP, TCP, UDP, IPv6, Ether, Raw

HERE = os.path.dirname(os.path.abspath(__file__))
T0 = 1600000000  # 2020-09-13 12:26:40 UTC

SRC_MAC = "00:11:19003:33:44:55"
DST_MAC = "66:77:88:99:aa:bb"
C = "192.0.2.10"      # client
S = "198.51.100.20"   # server
C6 = "2001:db8::10"
S6 = "2001:db8::20"

frames = []


def add(pkt, snap=None):
    frames.append((bytes(pkt), snap))


def e4(src, dst, l4):
    return Ether(src=SRC_MAC, dst=DST_MAC) / IP(src=src, dst=dst) / l4


def e6(src, dst, l4):
    return Ether(src=SRC_MAC, dst=DST_MAC) / IPv6(src=src, dst=dst) / l4


def tcp(sport, dport, flags, seq, ack=0, win=8192, opts=None, data=b""):
    t = TCP(sport=sport, dport=dport, flags=flags, seq=seq, ack=ack, window=win,
            options=opts or [])
    return t / Raw(data) if data else t


# 1. a whole connection, both sides scaling, with SACK and FIN
CI, SI = 1000, 500000
add(e4(C, S, tcp(40001, 19001, "S", CI, win=65535,
                 opts=[("MSS", 1460), ("SAckOK", b""), ("WScale", 7)])))
add(e4(S, C, tcp(19001, 40001, "SA", SI, CI + 1, win=28960,
                 opts=[("MSS", 1460), ("NOP", None), ("WScale", 9)])))
add(e4(C, S, tcp(40001, 19001, "A", CI + 1, SI + 1, win=512)))
add(e4(C, S, tcp(40001, 19001, "PA", CI + 1, SI + 1, win=512, data=b"a" * 18)))
add(e4(S, C, tcp(19001, 40001, "A", SI + 1, CI + 19, win=60,
                 opts=[("NOP", None), ("NOP", None), ("SAck", (CI + 19, CI + 30))])))
add(e4(S, C, tcp(19001, 40001, "PA", SI + 1, CI + 19, win=60, data=b"b" * 19)))
add(e4(S, C, tcp(19001, 40001, "FA", SI + 20, CI + 19, win=60)))
add(e4(C, S, tcp(40001, 19001, "FA", CI + 19, SI + 21, win=512)))
add(e4(S, C, tcp(19001, 40001, "A", SI + 21, CI + 20, win=60)))

# 2. seen mid-stream: no SYN, the first packets carry data
add(e4(C, S, tcp(40002, 19002, "PA", 7000000, 9000000, win=1000, data=b"x" * 10)))
add(e4(S, C, tcp(19002, 40002, "A", 9000000, 7000010, win=2000)))
add(e4(C, S, tcp(40002, 19002, "PA", 7000010, 9000000, win=1000, data=b"y" * 5)))

# 3. port reuse: the connection of part 1 is over; a new SYN with another ISN on the same ports
add(e4(C, S, tcp(40001, 19001, "S", 777777, win=65535, opts=[("MSS", 1460)])))
add(e4(S, C, tcp(19001, 40001, "SA", 888888, 777778, win=5840, opts=[("MSS", 1460)])))
add(e4(C, S, tcp(40001, 19001, "A", 777778, 888889, win=5840)))

# 4. a retransmitted SYN (same ISN): the same stream; window scaling offered by the client only
add(e4(C, S, tcp(40003, 19003, "S", 42, win=64240, opts=[("MSS", 1460), ("WScale", 7)])))
add(e4(C, S, tcp(40003, 19003, "S", 42, win=64240, opts=[("MSS", 1460), ("WScale", 7)])))
add(e4(S, C, tcp(19003, 40003, "SA", 4242, 43, win=5792, opts=[("MSS", 1460)])))
add(e4(C, S, tcp(40003, 19003, "A", 43, 4243, win=502)))
add(e4(S, C, tcp(19003, 40003, "PA", 4243, 43, win=5792, data=b"c" * 11)))

# 5. sequence numbers wrapping around 2^32; the server scales but the client's SYN did not offer
ISN = 0xfffffff0
add(e4(C, S, tcp(40004, 19004, "S", ISN, win=4096)))
add(e4(S, C, tcp(19004, 40004, "SA", 0xffffff00, ISN + 1, win=4096, opts=[("WScale", 2)])))
add(e4(C, S, tcp(40004, 19004, "A", ISN + 1, 0xffffff01, win=4096)))
add(e4(C, S, tcp(40004, 19004, "PA", ISN + 1, 0xffffff01, win=4096, data=b"z" * 32)))
add(e4(S, C, tcp(19004, 40004, "A", 0xffffff01, (ISN + 33) & 0xffffffff, win=4096)))
add(e4(C, S, tcp(40004, 19004, "RA", (ISN + 33) & 0xffffffff, 0xffffff01, win=0)))

# 6. a SYN whose acknowledgment field is not zero (no ACK flag), then a reset without ACK
add(e4(C, S, tcp(40005, 19005, "S", 123456, ack=99, win=1024)))
add(e4(S, C, tcp(19005, 40005, "R", 0, ack=0, win=0)))

# 7. TCP over IPv6, a whole handshake with scaling on both sides
add(e6(C6, S6, tcp(50000, 19002, "S", 10, win=65535, opts=[("WScale", 8)])))
add(e6(S6, C6, tcp(19002, 50000, "SA", 20, 11, win=65535, opts=[("WScale", 3)])))
add(e6(C6, S6, tcp(50000, 19002, "A", 11, 21, win=100)))
add(e6(C6, S6, tcp(50000, 19002, "PA", 11, 21, win=100, data=b"hello")))

# 8. TCP inside IP-in-IP (the inner addresses make the conversation)
inner = IP(src="10.1.1.1", dst="10.2.2.2") / tcp(1234, 19001, "S", 5555, win=2048)
add(Ether(src=SRC_MAC, dst=DST_MAC) / IP(src=C, dst=S, proto=4) / inner)
inner = IP(src="10.2.2.2", dst="10.1.1.1") / tcp(19001, 1234, "SA", 6666, 5556, win=2048)
add(Ether(src=SRC_MAC, dst=DST_MAC) / IP(src=S, dst=C, proto=4) / inner)

# 9. UDP flows, both directions, IPv4 and IPv6, and an empty datagram
add(e4(C, S, UDP(sport=40053, dport=19006) / Raw(b"q1")))
add(e4(S, C, UDP(sport=19006, dport=40053) / Raw(b"r1")))
add(e4(C, S, UDP(sport=40054, dport=19006) / Raw(b"q2")))
add(e4(C, S, UDP(sport=40053, dport=19006) / Raw(b"q3")))
add(e6(C6, S6, UDP(sport=4000, dport=4001) / Raw(b"six")))
add(e6(S6, C6, UDP(sport=4001, dport=4000)))

# 10. ICMP errors quoting a UDP datagram and a TCP segment of the flows above
quoted = bytes(IP(src=C, dst=S) / UDP(sport=40054, dport=19006) / Raw(b"q2"))
add(e4(S, C, ICMP(type=3, code=3) / Raw(quoted)))
quoted = bytes(IP(src=C, dst=S) / tcp(40002, 19002, "PA", 7000015, 9000000, win=1000))[:28]
add(e4(S, C, ICMP(type=3, code=1) / Raw(quoted)))
quoted = bytes(IP(src=S, dst=C) / tcp(19002, 40002, "A", 9000000, 7000015, win=2000))
add(e4(C, S, ICMP(type=3, code=1) / Raw(quoted)))

# 11. a TCP header cut by the capture (no stream: tshark cannot read its sequence numbers)
add(e4(C, S, tcp(40006, 19001, "S", 1, win=1)), snap=14 + 20 + 8)

with open(os.path.join(HERE, "tcpconv.pcap"), "wb") as f:
    f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
    for i, (data, snap) in enumerate(frames):
        cap = data if snap is None else data[:snap]
        f.write(struct.pack("<IIII", T0 + i // 4, 125000 * (i % 4) + i, len(cap), len(data)))
        f.write(cap)
print("wrote %d frames" % len(frames))
