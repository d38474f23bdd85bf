#!/usr/bin/python3
"""Generate tests/pcaps/finger-whois.pcap: Finger (TCP 79) and WHOIS (TCP 43) sessions.

  1  finger: query "alice\\r\\n", a response over three segments, the FIN in its own segment
  2  finger: query without CR LF (expert), the response and the FIN in one segment
  3  whois: query, an answer over two segments with a Latin-1 byte (shown as U+FFFD), FIN alone
  4  whois: query, a one-segment answer carrying the FIN

Deterministic: fixed timestamps. Run with /usr/bin/python3."""
import os

from scapy.layers.inet import IP, TCP
from scapy.layers.l2 import Ether
from scapy.packet import Raw
from scapy.utils import wrpcap

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "finger-whois.pcap")
MAC_C, MAC_S = "02:00:00:00:00:0c", "02:00:00:00:00:05"
CLI, SRV = "192.0.2.30", "198.51.100.43"
pkts = []
T = [1700000000.0]


def emit(p):
    T[0] += 0.001
    p.time = round(T[0], 6)
    pkts.append(p)


class Conn:
    def __init__(self, cport, sport):
        self.cport, self.sport = cport, sport
        self.cseq, self.sseq = 1000 + cport, 70000 + cport
        emit(Ether(src=MAC_C, dst=MAC_S) / IP(src=CLI, dst=SRV) /
             TCP(sport=cport, dport=sport, seq=self.cseq - 1, flags="S", window=65535))
        emit(Ether(src=MAC_S, dst=MAC_C) / IP(src=SRV, dst=CLI) /
             TCP(sport=sport, dport=cport, seq=self.sseq - 1, ack=self.cseq, flags="SA", window=65535))
        self.pkt(True, "A")

    def pkt(self, cli, flags, data=b""):
        if cli:
            p = Ether(src=MAC_C, dst=MAC_S) / IP(src=CLI, dst=SRV) / TCP(
                sport=self.cport, dport=self.sport, seq=self.cseq, ack=self.sseq, flags=flags, window=65535)
        else:
            p = Ether(src=MAC_S, dst=MAC_C) / IP(src=SRV, dst=CLI) / TCP(
                sport=self.sport, dport=self.cport, seq=self.sseq, ack=self.cseq, flags=flags, window=65535)
        if data:
            p = p / Raw(data)
        emit(p)
        n = len(data) + (1 if "F" in flags else 0)
        if cli:
            self.cseq += n
        else:
            self.sseq += n


c = Conn(50001, 79)
c.pkt(True, "PA", b"alice\r\n")
c.pkt(False, "PA", b"Login: alice\t\t\tName: Alice\n")
c.pkt(False, "PA", b"Directory: /home/alice\tShell: /bin/sh\n")
c.pkt(False, "PA", b"No mail.\nNo Plan.\n")
c.pkt(False, "FA")
c.pkt(True, "FA")
c.pkt(False, "A")

c = Conn(50002, 79)
c.pkt(True, "PA", b"bob")
c.pkt(False, "FPA", b"finger: bob: no such user.\r\n")
c.pkt(True, "FA")
c.pkt(False, "A")

c = Conn(50003, 43)
c.pkt(True, "PA", b"192.0.2.0\r\n")
c.pkt(False, "PA", b"% This is a test database\n\ninetnum:        192.0.2.0 - 192.0.2.255\n")
c.pkt(False, "PA", b"descr:          Stra\xdfe 1\nsource:         TEST\n")
c.pkt(False, "FA")
c.pkt(True, "FA")
c.pkt(False, "A")

c = Conn(50004, 43)
c.pkt(True, "PA", b"-B example\r\n")
c.pkt(False, "FPA", b"% No entries found\n")
c.pkt(True, "FA")
c.pkt(False, "A")

wrpcap(OUT, pkts)
