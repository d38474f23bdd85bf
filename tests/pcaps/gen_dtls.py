#!/usr/bin/python3
"""Generate tests/pcaps/dtls.pcap: DTLS 1.2 (RFC 6347) exchanges built byte by byte.

Conversation 1 (UDP 51000 -> 4433, found by the DTLS heuristic): ClientHello (SNI, groups, point
formats, signature_algorithms, use_srtp), HelloVerifyRequest with a cookie, the ClientHello again
with the cookie, ServerHello + the first fragment of the Certificate (tls-test-cert.der) in one
datagram, the rest of the Certificate split over two records of the next datagram with
ServerKeyExchange (ECDHE), CertificateRequest and ServerHelloDone, ClientKeyExchange +
ChangeCipherSpec + encrypted Finished, the server's ChangeCipherSpec + Finished, application
data both ways, a heartbeat request, a plaintext alert and an encrypted one.
Conversation 2 (UDP 5684, CoAP's DTLS port): ClientHello, application data.

Deterministic: fixed timestamps, fixed "random" bytes. Run with /usr/bin/python3 (Debian's scapy)."""
import os
import struct
import sys

from scapy.layers.inet import IP, UDP
from scapy.layers.l2 import Ether
from scapy.packet import Raw
from scapy.utils import wrpcap

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from tlsgen import ext, u8, u16, u24, v8, v16, v24  # noqa: E402
OUT = os.path.join(HERE, "dtls.pcap")
CERT = open(os.path.join(HERE, "tls-test-cert.der"), "rb").read()
CLI, SRV = "192.0.2.30", "198.51.100.40"
T0 = 1700000000.0
pkts = []


def fill(seed, n):
    return bytes((seed * 31 + i * 7) & 0xFF for i in range(n))


def record(ct, epoch, seq, body, ver=0xFEFD):
    return u8(ct) + u16(ver) + u16(epoch) + struct.pack("!Q", seq)[2:] + v16(body)


def hs(t, mseq, body, off=0, n=None):
    """a handshake message, or the fragment [off, off + n) of it"""
    if n is None:
        n = len(body) - off
    return u8(t) + u24(len(body)) + u16(mseq) + u24(off) + u24(n) + body[off:off + n]


def send(cport, sport, from_client, data):
    if from_client:
        p = IP(src=CLI, dst=SRV) / UDP(sport=cport, dport=sport)
    else:
        p = IP(src=SRV, dst=CLI) / UDP(sport=sport, dport=cport)
    p = Ether(src="02:00:00:00:00:1a", dst="02:00:00:00:00:1b") / p / Raw(data)
    p.time = T0 + len(pkts) * 0.01
    pkts.append(p)


EXTS = (ext(0, v16(u8(0) + v16(b"dtls.example.net"))) +
        ext(10, v16(u16(0x001D) + u16(0x0017))) +
        ext(11, v8(b"\x00")) +
        ext(13, v16(u16(0x0403) + u16(0x0804))) +
        ext(14, v16(u16(0x0001) + u16(0x0007)) + v8(b"")) +
        ext(0xFF01, v8(b"")))
COOKIE = fill(3, 20)


def client_hello(cookie):
    return (u16(0xFEFD) + fill(1, 32) + v8(b"") + v8(cookie) +
            v16(u16(0xC02B) + u16(0xC02F) + u16(0x00FF)) + v8(b"\x00") + v16(EXTS))


c = lambda d: send(51000, 4433, True, d)  # noqa: E731
s = lambda d: send(51000, 4433, False, d)  # noqa: E731
c(record(22, 0, 0, hs(1, 0, client_hello(b""))))
s(record(22, 0, 0, hs(3, 0, u16(0xFEFF) + v8(COOKIE)), ver=0xFEFF))
c(record(22, 0, 1, hs(1, 1, client_hello(COOKIE))))
sh = (u16(0xFEFD) + fill(2, 32) + v8(fill(4, 32)) + u16(0xC02B) + u8(0) +
      v16(ext(0xFF01, v8(b"")) + ext(11, v8(b"\x00"))))
cert = v24(v24(CERT))
cut1, cut2 = len(cert) // 3, 2 * len(cert) // 3
s(record(22, 0, 1, hs(2, 1, sh)) + record(22, 0, 2, hs(11, 2, cert, 0, cut1)))
ske = u8(3) + u16(0x001D) + v8(fill(5, 32)) + u16(0x0403) + v16(fill(6, 71))
creq = v8(u8(1) + u8(64)) + v16(u16(0x0403) + u16(0x0804)) + v16(b"")
s(record(22, 0, 3, hs(11, 2, cert, cut1, cut2 - cut1)) +
  record(22, 0, 4, hs(11, 2, cert, cut2, len(cert) - cut2) + hs(12, 3, ske)) +
  record(22, 0, 5, hs(13, 4, creq) + hs(14, 5, b"")))
c(record(22, 0, 2, hs(11, 2, v24(b""))) +
  record(22, 0, 3, hs(16, 3, v8(fill(7, 32)))) +
  record(20, 0, 4, b"\x01") + record(22, 1, 0, fill(8, 40)))
s(record(20, 0, 6, b"\x01") + record(22, 1, 0, fill(9, 40)))
c(record(23, 1, 1, fill(10, 48)))
s(record(23, 1, 1, fill(11, 64)) + record(23, 1, 2, fill(12, 32)))
c(record(24, 1, 2, b"\x01" + u16(4) + b"ping" + fill(13, 16)))
c(record(21, 1, 3, b"\x01\x00"))
s(record(21, 1, 3, fill(14, 26)))

c = lambda d: send(51001, 5684, True, d)  # noqa: E731
c(record(22, 0, 0, hs(1, 0, client_hello(b""))))
send(51001, 5684, False, record(21, 0, 0, b"\x02\x28"))
c(record(23, 1, 0, fill(15, 30)))

wrpcap(OUT, pkts)
