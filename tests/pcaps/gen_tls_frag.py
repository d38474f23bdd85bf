#!/usr/bin/python3
"""Writes tests/pcaps/tls-frag.pcap: TLS 1.2 handshake messages split over several records, and
records split over TCP segments, for TLS's handshake reassembly (tshark reassembles a message in
the record that completes it: "Reassembled TLS Handshake", tls.handshake.fragments).

Stream 1 (port 443): a ClientHello in three records, each in a segment of its own, the first
holding only the type and two bytes of the length; the server's ServerHello followed by the
start of a Certificate (tls-test-cert.der) in one record, the middle of the Certificate in a
second record and segment, and its end plus ServerHelloDone in a third record split over two
TCP segments; then ClientKeyExchange, ChangeCipherSpec and an encrypted Finished.
Stream 2 (port 443): a ClientHello in two records of one segment (it completes in the frame
where it starts); a Certificate whose first record holds only its type byte, the rest in a
second record of the next segment that also carries ServerHelloDone in a record of its own.

Deterministic: fixed timestamps and "random" bytes. Goldens: tlsfrag-1 (-V -x), tlsfrag-2
(fields), tlsfrag-3 (summary lines of -Y "tls.handshake.type == 1"), all tshark's output.
Run: /usr/bin/python3 tests/pcaps/gen_tls_frag.py"""
import os
import sys

from scapy.layers.inet import IP, TCP
from scapy.layers.l2 import Ether
from scapy.packet import Raw
from scapy.utils import wrpcap

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from tlsgen import ext, fill, hs, record, u8, u16, v8, v16, v24  # noqa: E402
OUT = os.path.join(HERE, "tls-frag.pcap")
CERT = open(os.path.join(HERE, "tls-test-cert.der"), "rb").read()

MAC_A, MAC_B = "02:00:00:00:00:0a", "02:00:00:00:00:0b"
CLI, SRV = "192.0.2.10", "198.51.100.20"

pkts = []
T = [1767225600.0]


def step():
    T[0] += 0.001
    return T[0]


def client_hello(rnd_seed, name):
    exts = (ext(0, v16(u8(0) + v16(name.encode()))) +
            ext(10, v16(u16(0x001D) + u16(0x0017))) + ext(11, v8(b"\x00")) +
            ext(13, v16(u16(0x0403) + u16(0x0804) + u16(0x0401))) + ext(23, b"") +
            ext(0xFF01, b"\x00") + ext(16, v16(v8(b"h2") + v8(b"http/1.1"))))
    body = (u16(0x0303) + fill(rnd_seed, 32) + v8(b"") +
            v16(b"".join(u16(s) for s in (0xC02B, 0xC02F, 0x009C, 0x0035))) + v8(b"\x00") +
            v16(exts))
    return hs(1, body)


def server_hello(rnd_seed):
    body = u16(0x0303) + fill(rnd_seed, 32) + v8(b"") + u16(0xC02F) + u8(0)
    body += v16(ext(0xFF01, b"\x00") + ext(23, b""))
    return hs(2, body)


class Conn:
    def __init__(self, sport, dport):
        self.sport, self.dport = sport, dport
        self.cseq, self.sseq = 1000, 50000
        self.pkt(True, "S", b"")
        self.cseq += 1
        self.pkt(False, "SA", b"")
        self.sseq += 1
        self.pkt(True, "A", b"")

    def pkt(self, from_client, flags, data):
        if from_client:
            ip = IP(src=CLI, dst=SRV, id=len(pkts) + 1)
            tcp = TCP(sport=self.sport, dport=self.dport, flags=flags, seq=self.cseq,
                      ack=self.sseq if "A" in flags else 0, window=65535)
            e = Ether(src=MAC_A, dst=MAC_B)
        else:
            ip = IP(src=SRV, dst=CLI, id=len(pkts) + 1)
            tcp = TCP(sport=self.dport, dport=self.sport, flags=flags, seq=self.sseq,
                      ack=self.cseq, window=65535)
            e = Ether(src=MAC_B, dst=MAC_A)
        p = e / ip / tcp
        if data:
            p = p / Raw(data)
        p.time = step()
        pkts.append(p)

    def c(self, data):
        self.pkt(True, "PA", data)
        self.cseq += len(data)

    def s(self, data):
        self.pkt(False, "PA", data)
        self.sseq += len(data)

    def close(self):
        self.pkt(True, "FA", b"")
        self.cseq += 1
        self.pkt(False, "FA", b"")
        self.sseq += 1
        self.pkt(True, "A", b"")


# ---- 1. ClientHello over three records and segments; Certificate over three records ----
c = Conn(40101, 443)
ch = client_hello(1, "frag.example.com")
c.c(record(22, ch[:3], ver=0x0301))
c.c(record(22, ch[3:60], ver=0x0301))
c.c(record(22, ch[60:], ver=0x0301))
cert = hs(11, v24(v24(CERT)))
shd = hs(14, b"")
c.s(record(22, server_hello(2) + cert[:50]))
c.s(record(22, cert[50:300]))
last = record(22, cert[300:] + shd)
c.s(last[:len(last) // 2])
c.s(last[len(last) // 2:])
c.c(record(22, hs(16, v8(fill(5, 32)))) + record(20, b"\x01") + record(22, fill(6, 40)))
c.s(record(20, b"\x01") + record(22, fill(8, 40)))
c.close()

# ---- 2. ClientHello in two records of one segment; Certificate's first record is one byte ----
c = Conn(40102, 443)
ch = client_hello(3, "two.example.com")
c.c(record(22, ch[:70], ver=0x0301) + record(22, ch[70:], ver=0x0301))
c.s(record(22, server_hello(4)) + record(22, cert[:1]))
c.s(record(22, cert[1:]) + record(22, shd))
c.close()

wrpcap(OUT, pkts)
