#!/usr/bin/python3
"""Generate tests/pcaps/http-connect.pcap: HTTP CONNECT tunnels through a proxy on port 8080.

  1  CONNECT tls.example:443 answered 200: the client's and server's next bytes are TLS (the
     ClientHello and ServerHello records of tests/pcaps/tls.pcap's first connection, the
     ServerHello flight split over two segments), shown under HTTP as tshark does
  2  CONNECT other.example:443 answered 407: no tunnel, the following bytes stay HTTP
  3  CONNECT dns.example:53 answered 200: the tunnel carries DNS over TCP (port 53's dissector)

Deterministic: fixed timestamps. Run with /usr/bin/python3 (needs tests/pcaps/tls.pcap)."""
import os
import struct

from scapy.layers.inet import IP, TCP
from scapy.layers.l2 import Ether
from scapy.packet import Raw
from scapy.utils import rdpcap, wrpcap

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "http-connect.pcap")
MAC_C, MAC_S = "02:00:00:00:00:0c", "02:00:00:00:00:05"
CLI, SRV = "192.0.2.20", "198.51.100.8"

pkts = []
T = [1700000000.0]


def emit(p):
    T[0] += 0.001
    p.time = round(T[0], 6)
    pkts.append(p)


class Conn:
    def __init__(self, cport, sport):
        self.cport, self.sport = cport, sport
        self.cseq, self.sseq = 1000 + cport * 7, 50000 + cport * 3
        emit(Ether(src=MAC_C, dst=MAC_S) / IP(src=CLI, dst=SRV) /
             TCP(sport=cport, dport=sport, seq=self.cseq - 1, flags="S", window=65535))
        emit(Ether(src=MAC_S, dst=MAC_C) / IP(src=SRV, dst=CLI) /
             TCP(sport=sport, dport=cport, seq=self.sseq - 1, ack=self.cseq, flags="SA", window=65535))
        self.c(b"", "A")

    def _pkt(self, from_client, flags, data):
        if from_client:
            p = Ether(src=MAC_C, dst=MAC_S) / IP(src=CLI, dst=SRV) / TCP(
                sport=self.cport, dport=self.sport, seq=self.cseq, ack=self.sseq, flags=flags,
                window=65535)
        else:
            p = Ether(src=MAC_S, dst=MAC_C) / IP(src=SRV, dst=CLI) / TCP(
                sport=self.sport, dport=self.cport, seq=self.sseq, ack=self.cseq, flags=flags,
                window=65535)
        if data:
            p = p / Raw(data)
        emit(p)
        n = len(data) + (1 if "F" in flags else 0)
        if from_client:
            self.cseq += n
        else:
            self.sseq += n

    def c(self, data, flags="PA"):
        self._pkt(True, flags, data)

    def s(self, data, flags="PA"):
        self._pkt(False, flags, data)

    def close(self):
        self._pkt(True, "FA", b"")
        self._pkt(False, "FA", b"")
        self._pkt(True, "A", b"")


def tls_flights():
    """The first client and server payloads starting a TLS record in tls.pcap's first stream."""
    hello = server = None
    for p in rdpcap(os.path.join(HERE, "tls.pcap")):
        if TCP not in p or not bytes(p[TCP].payload):
            continue
        d = bytes(p[TCP].payload)
        if d[0] != 0x16:
            continue
        if hello is None and p[TCP].dport == 443:
            hello = d
        elif hello is not None and server is None and p[TCP].sport == 443:
            server = d
            break
    return hello, server


hello, server = tls_flights()

c = Conn(41001, 8080)
c.c(b"CONNECT tls.example:443 HTTP/1.1\r\nHost: tls.example:443\r\nUser-Agent: gen\r\n\r\n")
c.s(b"HTTP/1.1 200 Connection Established\r\nProxy-Agent: gen\r\n\r\n")
c.c(hello)
half = len(server) // 2
c.s(server[:half], "A")
c.s(server[half:])
c.close()

c = Conn(41002, 8080)
c.c(b"CONNECT other.example:443 HTTP/1.1\r\nHost: other.example:443\r\n\r\n")
c.s(b"HTTP/1.1 407 Proxy Authentication Required\r\nContent-Length: 0\r\n\r\n")
c.c(b"GET / HTTP/1.1\r\nHost: other.example\r\n\r\n")
c.close()

q = bytes.fromhex("12340100000100000000000003777777076578616d706c650000010001")
c = Conn(41003, 8080)
c.c(b"CONNECT dns.example:53 HTTP/1.1\r\nHost: dns.example:53\r\n\r\n")
c.s(b"HTTP/1.1 200 OK\r\n\r\n")
c.c(struct.pack(">H", len(q)) + q)
c.close()

wrpcap(OUT, pkts)
