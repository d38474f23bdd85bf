#!/usr/bin/python3
"""Writes tests/pcaps/tcpanalysis.pcap: TCP sequence analysis cases (tcp.analysis.*).

Deterministic (fixed timestamps, addresses and ISNs, no randomness). Each frame has its own
time, chosen against the thresholds the analysis uses (20 ms for a fast retransmission after
duplicate ACKs, the initial RTT for out-of-order). Covers: the handshake's initial RTT, ACKs
matched to segments (acks_frame, ack_rtt), bytes in flight with and without SACK blocks, bytes
since PSH, a segment after a hole (previous segment not captured), duplicate ACKs, a fast
retransmission, a spurious retransmission, a retransmission after a timeout (RTO), an
out-of-order segment, keep-alive and its ACK, window update, zero window, zero window probe and
its ACK, window full, an ACK for a segment never seen, a new connection reusing the ports, a
SYN/ACK with another ISN, a retransmitted SYN, and a connection without window scaling.

Run: /usr/bin/python3 tests/pcaps/gen_tcpanalysis.py   (from the repository root or anywhere)"""
import os
import struct

from scapy.all import IP, TCP, Ether, Raw

HERE = os.path.dirname(os.path.abspath(__file__))
T0 = 1600000000  # 2020-09-13 12:26:40 UTC

SRC_MAC = "00:11:22:33:44:55"
DST_MAC = "66:77:88:99:aa:bb"
C = "192.0.2.10"      # client
S = "198.51.100.20"   # server

frames = []  # (time in microseconds since T0, bytes)


def add(ms, src, dst, sport, dport, flags, seq, ack=0, win=1000, opts=None, data=b""):
    t = TCP(sport=sport, dport=dport, flags=flags, seq=seq, ack=ack, window=win,
            options=opts or [])
    pkt = Ether(src=SRC_MAC, dst=DST_MAC) / IP(src=src, dst=dst) / t
    if data:
        pkt = pkt / Raw(data)
    frames.append((int(round(ms * 1000)), bytes(pkt)))


def cs(ms, flags, seq, ack=0, **kw):
    """client -> server on the first connection's ports"""
    add(ms, C, S, 41001, 19001, flags, CI + seq, SI + ack if ack else 0, **kw)


def sc(ms, flags, seq, ack=0, **kw):
    add(ms, S, C, 19001, 41001, flags, SI + seq, CI + ack if ack else 0, **kw)


def d(n, ch=b"d"):
    return ch * n


# 1. one connection through most of the flags (relative numbers in the comments)
CI, SI = 1000, 5000
cs(0, "S", 0, win=1000, opts=[("MSS", 1460), ("SAckOK", b""), ("WScale", 2)])
sc(10, "SA", 0, 1, win=1000, opts=[("MSS", 1460), ("SAckOK", b""), ("WScale", 2)])
cs(20, "A", 1, 1)                                   # iRTT 20 ms
cs(30, "PA", 1, 1, data=d(100))                     # bytes in flight 100
sc(40, "A", 1, 101)                                 # ACK to frame 4
cs(50, "A", 101, 1, data=d(100))                    # [101,201)
cs(60, "A", 301, 1, data=d(100))                    # [301,401): previous segment not captured
sc(61, "A", 1, 201)                                 # ACK to frame 6
sc(62, "A", 1, 201, opts=[("NOP", None), ("NOP", None), ("SAck", (CI + 301, CI + 401))])
sc(63, "A", 1, 201, opts=[("NOP", None), ("NOP", None), ("SAck", (CI + 301, CI + 401))])
cs(64, "A", 201, 1, data=d(100))                    # fast retransmission (2 dup ACKs)
sc(70, "A", 1, 401)
cs(80, "A", 201, 1, data=d(100))                    # spurious retransmission
cs(100, "PA", 401, 1, data=d(100))                  # [401,501)
cs(400, "PA", 401, 1, data=d(100))                  # retransmission, RTO 300 ms
sc(410, "A", 1, 501)                                # ACK to frame 14
cs(500, "A", 601, 1, data=d(100))                   # [601,701): previous segment not captured
cs(501, "A", 501, 1, data=d(100))                   # out-of-order
sc(510, "A", 1, 701)
cs(1000, "A", 700, 1)                               # keep-alive
sc(1001, "A", 1, 701)                               # keep-alive ACK
sc(1100, "A", 1, 701, win=2000)                     # window update
sc(1101, "A", 1, 701, win=2000)                     # duplicate ACK
sc(1102, "A", 1, 701, win=2000)                     # duplicate ACK #2
sc(1200, "A", 1, 701, win=0)                        # zero window
cs(1300, "A", 701, 1, data=d(1))                    # zero window probe
sc(1301, "A", 1, 701, win=0)                        # zero window probe ACK
sc(1400, "A", 1, 701, win=1000)                     # window update (window of 4000 bytes)
cs(1500, "PA", 701, 1, data=d(4000))                # window full
sc(1600, "A", 1, 5201)                              # ACKed unseen segment
cs(1700, "FA", 5201, 1)
sc(1710, "FA", 1, 5202)
cs(1720, "A", 5202, 2)

# 2. the same ports again with another ISN: a new stream; its SYN/ACK is sent again with
#    another ISN too
CI, SI = 70000, 90000
cs(3000, "S", 0, win=2000, opts=[("MSS", 1460)])
sc(3010, "SA", 0, 1, win=2000, opts=[("MSS", 1460)])
add(3020, S, C, 19001, 41001, "SA", 95000, CI + 1, win=2000, opts=[("MSS", 1460)])
cs(3030, "A", 1, 5001, win=2000)
cs(3040, "PA", 1, 5001, win=2000, data=d(50, b"e"))
add(3050, S, C, 19001, 41001, "A", 95001, CI + 51, win=2000)

# 3. a retransmitted SYN, no window scaling, a keep-alive with one byte, a retransmitted FIN
add(4000, C, S, 41002, 19002, "S", 300, win=4000, opts=[("MSS", 1460)])
add(5000, C, S, 41002, 19002, "S", 300, win=4000, opts=[("MSS", 1460)])
add(5010, S, C, 19002, 41002, "SA", 700, 301, win=4000, opts=[("MSS", 1460)])
add(5020, C, S, 41002, 19002, "A", 301, 701, win=4000)
add(5030, C, S, 41002, 19002, "PA", 301, 701, win=4000, data=d(10, b"f"))
add(5040, S, C, 19002, 41002, "PA", 701, 311, win=4000, data=d(20, b"g"))
add(5050, C, S, 41002, 19002, "A", 311, 721, win=4000)
add(9000, C, S, 41002, 19002, "A", 310, 721, win=4000, data=b"\0")   # keep-alive (1 byte)
add(9010, S, C, 19002, 41002, "A", 721, 311, win=4000)               # keep-alive ACK
add(9020, C, S, 41002, 19002, "FA", 311, 721, win=4000)
add(9500, C, S, 41002, 19002, "FA", 311, 721, win=4000)              # retransmitted FIN
add(9510, S, C, 19002, 41002, "FA", 721, 312, win=4000)
add(9520, C, S, 41002, 19002, "A", 312, 722, win=4000)

with open(os.path.join(HERE, "tcpanalysis.pcap"), "wb") as f:
    f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
    for us, data in frames:
        f.write(struct.pack("<IIII", T0 + us // 1000000, us % 1000000, len(data), len(data)))
        f.write(data)
print("wrote %d frames" % len(frames))
