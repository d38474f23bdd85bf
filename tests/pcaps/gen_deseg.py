#!/usr/bin/python3
"""Generate tests/pcaps/deseg.pcap: TCP desegmentation cases, with DNS over TCP (length-prefixed
PDUs, Wireshark's tcp_dissect_pdus) as the protocol above TCP.

Streams (one TCP connection each, handshake included):
 1. a query whose PDU is split over two segments, in the middle of the message;
 2. only the length prefix in the first segment, then the rest over two more segments;
 3. two whole PDUs in one segment, then a PDU split 1 byte into the next segment, which also
    carries a whole PDU and the start of another, completed by the last segment;
 4. a split PDU whose second part is retransmitted, and a segment retransmitted at a PDU start;
 5. a segment with just one byte of the length prefix;
 6. a PDU split over three segments where the middle one arrives out of order;
 7. a PDU larger than the segments (six segments), then a FIN.

Deterministic: fixed timestamps, no randomness. Run with /usr/bin/python3 (Debian's scapy)."""
import os
import struct

from scapy.layers.inet import IP, TCP
from scapy.layers.l2 import Ether
from scapy.packet import Raw
from scapy.utils import wrpcap

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "deseg.pcap")
CLI, SRV = "192.0.2.10", "198.51.100.53"
MAC_A, MAC_B = "02:00:00:00:00:0a", "02:00:00:00:00:0b"


def name(n):
    out = b""
    for lab in n.split("."):
        if lab:
            out += bytes([len(lab)]) + lab.encode()
    return out + b"\0"


def query(ident, qname):
    msg = struct.pack("!HHHHHH", ident, 0x0100, 1, 0, 0, 0) + name(qname) + struct.pack("!HH", 1, 1)
    return struct.pack("!H", len(msg)) + msg


def response(ident, qname, naddr):
    msg = struct.pack("!HHHHHH", ident, 0x8180, 1, naddr, 0, 0) + name(qname) + struct.pack("!HH", 1, 1)
    for i in range(naddr):
        msg += b"\xc0\x0c" + struct.pack("!HHIH", 1, 1, 300, 4) + bytes([10, 0, i // 256, i % 256])
    return struct.pack("!H", len(msg)) + msg


class Conn:
    def __init__(self, pkts, sport, t0):
        self.pkts, self.sport, self.t = pkts, sport, t0
        self.cseq, self.sseq = 1000, 50000

    def _emit(self, frm_cli, flags, seq, ack, data=b""):
        if frm_cli:
            p = Ether(src=MAC_A, dst=MAC_B) / IP(src=CLI, dst=SRV) / TCP(
                sport=self.sport, dport=53, flags=flags, seq=seq, ack=ack, window=8192)
        else:
            p = Ether(src=MAC_B, dst=MAC_A) / IP(src=SRV, dst=CLI) / TCP(
                sport=53, dport=self.sport, flags=flags, seq=seq, ack=ack, window=8192)
        if data:
            p = p / Raw(data)
        p.time = self.t
        self.t += 0.001
        self.pkts.append(p)

    def handshake(self):
        self._emit(True, "S", self.cseq, 0)
        self.cseq += 1
        self._emit(False, "SA", self.sseq, self.cseq)
        self.sseq += 1
        self._emit(True, "A", self.cseq, self.sseq)

    def cli(self, data, seq=None, advance=True):
        s = self.cseq if seq is None else seq
        self._emit(True, "PA", s, self.sseq, data)
        if advance and seq is None:
            self.cseq += len(data)

    def srv(self, data, seq=None, advance=True):
        s = self.sseq if seq is None else seq
        self._emit(False, "PA", s, self.cseq, data)
        if advance and seq is None:
            self.sseq += len(data)

    def fin(self):
        self._emit(True, "FA", self.cseq, self.sseq)
        self.cseq += 1
        self._emit(False, "FA", self.sseq, self.cseq)
        self.sseq += 1
        self._emit(True, "A", self.cseq, self.sseq)


def main():
    pkts = []
    t = 1700000000.0

    c = Conn(pkts, 40001, t)
    c.handshake()
    q = query(0x1111, "split.example.com")
    c.cli(q[:11])
    c.cli(q[11:])
    c.srv(response(0x1111, "split.example.com", 1))
    c.fin()

    c = Conn(pkts, 40002, t + 1)
    c.handshake()
    q = query(0x2222, "prefix.example.org")
    c.cli(q[:2])
    c.cli(q[2:9])
    c.cli(q[9:])
    c.fin()

    c = Conn(pkts, 40003, t + 2)
    c.handshake()
    a, b = query(0x3301, "a.example"), query(0x3302, "b.example")
    d, e, f = query(0x3303, "d.example"), query(0x3304, "e.example"), query(0x3305, "f.example")
    c.cli(a + b + d[:-1])
    c.cli(d[-1:] + e + f[:5])
    c.cli(f[5:])
    c.fin()

    c = Conn(pkts, 40004, t + 3)
    c.handshake()
    q = query(0x4444, "retrans.example.net")
    s0 = c.cseq
    c.cli(q[:8])
    s1 = c.cseq
    c.cli(q[8:])
    c.cli(q[8:], seq=s1)  # retransmission of the completing part
    q2 = query(0x4445, "again.example.net")
    s2 = c.cseq
    c.cli(q2[:6])
    c.cli(q2[:6], seq=s2)  # retransmission of a PDU start
    c.cli(q2[6:])
    _ = s0
    c.fin()

    c = Conn(pkts, 40005, t + 4)
    c.handshake()
    q = query(0x5555, "one.byte.example")
    c.cli(q[:1])
    c.cli(q[1:])
    c.fin()

    c = Conn(pkts, 40006, t + 5)
    c.handshake()
    q = query(0x6666, "out.of.order.example")
    s0 = c.cseq
    c.cli(q[:10])
    s1 = c.cseq
    c.cli(q[20:], seq=s1 + 10)
    c.cli(q[10:20], seq=s1)
    c.cseq = s0 + len(q)
    c.fin()

    c = Conn(pkts, 40007, t + 6)
    c.handshake()
    c.cli(query(0x7777, "big.example"))
    r = response(0x7777, "big.example", 40)
    for i in range(0, len(r), 100):
        c.srv(r[i:i + 100])
    c.fin()

    wrpcap(OUT, pkts)


if __name__ == "__main__":
    main()
