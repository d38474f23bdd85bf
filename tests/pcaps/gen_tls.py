#!/usr/bin/python3
"""Generate tests/pcaps/tls.pcap: TLS 1.0-1.3 and DTLS 1.2 handshakes built byte by byte.

Streams: a TLS 1.2 full handshake on 443 (ClientHello with GREASE, SNI, ALPN, status_request,
supported_groups, ec_point_formats, signature_algorithms, session_ticket, extended_master_secret,
renegotiation_info, padding; ServerHello, Certificate (tls-test-cert.der, our own self-signed
certificate), CertificateStatus, ServerKeyExchange, CertificateRequest, ServerHelloDone in one
segment; ClientKeyExchange + ChangeCipherSpec + encrypted Finished in one segment; a
NewSessionTicket; application data; an encrypted alert), a TLS 1.3 handshake (key_share,
supported_versions, psk_key_exchange_modes, pre_shared_key, record_size_limit), resumption by
session id and by ticket, a plaintext alert, a TLS 1.0 and an SSLv2-compatible ClientHello, a
record split over two segments, a heartbeat, TLS on 5223 (decode-as), and DTLS 1.2 on UDP.

Deterministic: fixed timestamps, fixed "random" bytes. Run with /usr/bin/python3 (Debian's scapy)."""
import os
import struct
import sys

from scapy.layers.inet import IP, TCP, UDP
from scapy.layers.l2 import Ether
from scapy.packet import Raw
from scapy.utils import wrpcap

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from tlsgen import ext, fill, hs, record, u8, u16, u24, v8, v16, v24  # noqa: E402
OUT = os.path.join(HERE, "tls.pcap")
CERT = open(os.path.join(HERE, "tls-test-cert.der"), "rb").read()

MAC_A, MAC_B = "02:00:00:00:00:0a", "02:00:00:00:00:0b"
CLI, SRV = "192.0.2.10", "198.51.100.20"

pkts = []
T = [1767225600.0]


def step():
    T[0] += 0.001
    return T[0]


def sni(name):
    return ext(0, v16(u8(0) + v16(name.encode())))


def alpn(*protos):
    return ext(16, v16(b"".join(v8(p.encode()) for p in protos)))


def client_hello(ver=0x0303, rnd_seed=1, sid=b"", suites=(0xC02B, 0xC02F, 0x009C, 0x0035),
                 comp=b"\x00", exts=b""):
    body = u16(ver) + fill(rnd_seed, 32) + v8(sid) + v16(b"".join(u16(s) for s in suites))
    body += v8(comp)
    if exts is not None:
        body += v16(exts)
    return hs(1, body)


def server_hello(ver=0x0303, rnd_seed=2, sid=b"", suite=0xC02F, exts=b""):
    body = u16(ver) + fill(rnd_seed, 32) + v8(sid) + u16(suite) + u8(0)
    if exts is not None:
        body += v16(exts)
    return hs(2, body)


class Conn:
    def __init__(self, sport, dport, proto="tcp"):
        self.sport, self.dport = sport, dport
        self.cseq, self.sseq = 1000, 50000
        if proto == "tcp":
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


SIGALGS = ext(13, v16(b"".join(u16(x) for x in (0x0403, 0x0804, 0x0401, 0x0503, 0x0805, 0x0501,
                                                 0x0806, 0x0601, 0x0201))))
GROUPS = ext(10, v16(b"".join(u16(x) for x in (0x0A0A, 0x001D, 0x0017, 0x0018))))
ECPF = ext(11, v8(b"\x00\x01\x02"))

# ---- 1. TLS 1.2 full handshake on 443 ----
c = Conn(40001, 443)
exts = (ext(0x1A1A, b"") + sni("www.example.com") + ext(23, b"") + ext(0xFF01, b"\x00") +
        GROUPS + ECPF + ext(35, b"") + alpn("h2", "http/1.1") +
        ext(5, b"\x01" + u16(0) + u16(0)) + SIGALGS + ext(18, b"") + ext(0x4A4A, b"\x00") +
        ext(21, b"\x00" * 20))
c.c(record(22, client_hello(suites=(0x2A2A, 0xC02B, 0xC02F, 0xC02C, 0xC030, 0xCCA9, 0xCCA8,
                                    0xC013, 0xC014, 0x009C, 0x009D, 0x002F, 0x0035),
                            exts=exts), ver=0x0301))
sh = server_hello(exts=ext(0xFF01, b"\x00") + ext(23, b"") + ext(35, b"") + ext(11, v8(b"\x00")) +
                  ext(16, v16(v8(b"h2"))) + ext(5, b""))
cert = hs(11, v24(v24(CERT)))
# a real OCSP response (made by gen_x509.py), so that the stapled response dissects as tshark's
OCSP_RESP = open(os.path.join(HERE, "x509", "ocsp-good.der"), "rb").read()
status = hs(22, u8(1) + v24(OCSP_RESP))
ske = hs(12, u8(3) + u16(0x001D) + v8(fill(3, 32)) + u16(0x0403) + v16(fill(4, 71)))
creq = hs(13, v8(b"\x01\x40") + v16(u16(0x0403) + u16(0x0804)) + v16(b""))
shd = hs(14, b"")
c.s(record(22, sh + cert + status + ske + creq + shd))
cke = hs(16, v8(fill(5, 32)))
c.c(record(22, cke) + record(20, b"\x01") + record(22, fill(6, 40)))
nst = hs(4, struct.pack("!I", 7200) + v16(fill(7, 96)))
c.s(record(22, nst) + record(20, b"\x01") + record(22, fill(8, 40)))
c.c(record(23, fill(10, 100)))
c.s(record(23, fill(11, 300)) + record(23, fill(12, 50)))
c.c(record(21, fill(13, 26)))
c.close()

# ---- 2. TLS 1.3 ----
c = Conn(40002, 443)
ks = ext(51, v16(u16(0x2A2A) + v16(b"\x00") + u16(0x001D) + v16(fill(20, 32))))
psk_id = v16(fill(21, 48)) + struct.pack("!I", 0x01020304)
psk = ext(41, v16(psk_id) + v16(v8(fill(22, 32))))
exts = (sni("tls13.example.com") + GROUPS + ext(43, v8(u16(0x3A3A) + u16(0x0304) + u16(0x0303))) +
        ks + ext(45, v8(b"\x01")) + SIGALGS + ext(28, u16(0x4001)) + alpn("h2") + psk)
c.c(record(22, client_hello(sid=fill(23, 32), suites=(0x1301, 0x1302, 0x1303, 0xC02F),
                            exts=exts), ver=0x0301))
sh = server_hello(sid=fill(23, 32), suite=0x1301,
                  exts=ext(43, u16(0x0304)) + ext(51, u16(0x001D) + v16(fill(24, 32))) +
                  ext(41, u16(0)))
c.s(record(22, sh) + record(20, b"\x01") + record(23, fill(25, 80)) + record(23, fill(26, 60)))
c.c(record(20, b"\x01") + record(23, fill(27, 53)))
c.c(record(23, fill(28, 40)))
c.s(record(23, fill(29, 200)))
c.close()

# ---- 3. resumption by session id (abbreviated handshake) ----
SID = fill(30, 32)
c = Conn(40003, 443)
c.c(record(22, client_hello(sid=SID, exts=sni("www.example.com") + ext(35, b""))))
c.s(record(22, server_hello(sid=SID, exts=b"")) + record(20, b"\x01") + record(22, fill(31, 40)))
c.c(record(20, b"\x01") + record(22, fill(32, 40)))
c.close()

# ---- 4. resumption by ticket ----
c = Conn(40004, 443)
c.c(record(22, client_hello(sid=fill(33, 32), exts=sni("www.example.com") +
                            ext(35, fill(34, 96)))))
c.s(record(22, server_hello(sid=fill(33, 32), exts=ext(35, b""))) +
    record(22, hs(4, struct.pack("!I", 300) + v16(fill(35, 96)))) + record(20, b"\x01") +
    record(22, fill(36, 40)))
c.c(record(20, b"\x01") + record(22, fill(37, 40)))
c.close()

# ---- 5. plaintext alert; TLS 1.0 hello; SSLv2-compatible hello ----
c = Conn(40005, 443)
c.c(record(22, client_hello(ver=0x0301, suites=(0x0005, 0x000A), exts=None), ver=0x0301))
c.s(record(21, b"\x02\x28", ver=0x0301))
c.close()
c = Conn(40006, 443)
v2 = u16(0x0301) + u16(9) + u16(0) + u16(16) + b"\x00\x00\x04\x01\x00\x80\x00\x00\x0a" + fill(40, 16)
c.c(struct.pack("!H", 0x8000 | (len(v2) + 1)) + b"\x01" + v2)
c.close()

# ---- 6. a record split over two segments, heartbeat ----
c = Conn(40007, 443)
ch = record(22, client_hello(exts=sni("split.example.com") + ext(15, b"\x01")))
c.c(ch[:40])
c.c(ch[40:])
c.s(record(22, server_hello(exts=ext(15, b"\x01"))) + record(22, hs(14, b"")))
c.c(record(24, b"\x01" + u16(16) + fill(41, 16) + fill(42, 16)))
c.close()

# ---- 7. TLS on 5223 (decode-as) ----
c = Conn(40008, 5223)
c.c(record(22, client_hello(exts=sni("push.example.com"))))
c.close()

# ---- 8. DTLS 1.2 on UDP 4433 ----


def dtls_rec(ctype, epoch, seq, body, ver=0xFEFD):
    return u8(ctype) + u16(ver) + u16(epoch) + struct.pack("!Q", seq)[2:] + v16(body)


def dtls_hs(htype, mseq, body, frag_off=0, frag_len=None):
    if frag_len is None:
        frag_len = len(body) - frag_off
    return (u8(htype) + u24(len(body)) + u16(mseq) + u24(frag_off) + u24(frag_len) +
            body[frag_off:frag_off + frag_len])


def udp(from_client, data):
    if from_client:
        p = Ether(src=MAC_A, dst=MAC_B) / IP(src=CLI, dst=SRV) / UDP(sport=50000, dport=4433)
    else:
        p = Ether(src=MAC_B, dst=MAC_A) / IP(src=SRV, dst=CLI) / UDP(sport=4433, dport=50000)
    p = p / Raw(data)
    p.time = step()
    pkts.append(p)


dch = (u16(0xFEFD) + fill(50, 32) + v8(b"") + v8(b"") + v16(u16(0xC02B) + u16(0xC02F)) +
       v8(b"\x00") + v16(sni("dtls.example.com") + GROUPS + ECPF))
udp(True, dtls_rec(22, 0, 0, dtls_hs(1, 0, dch)))
udp(False, dtls_rec(22, 0, 0, dtls_hs(3, 0, u16(0xFEFF) + v8(fill(51, 20)))))
dch2 = (u16(0xFEFD) + fill(50, 32) + v8(b"") + v8(fill(51, 20)) + v16(u16(0xC02B) + u16(0xC02F)) +
        v8(b"\x00") + v16(sni("dtls.example.com") + GROUPS + ECPF))
udp(True, dtls_rec(22, 0, 1, dtls_hs(1, 1, dch2)))
dsh = u16(0xFEFD) + fill(52, 32) + v8(fill(53, 32)) + u16(0xC02B) + u8(0) + v16(ext(23, b""))
dcert = v24(v24(CERT))
udp(False, dtls_rec(22, 0, 1, dtls_hs(2, 1, dsh)) +
    dtls_rec(22, 0, 2, dtls_hs(11, 2, dcert, 0, 200)))
udp(False, dtls_rec(22, 0, 3, dtls_hs(11, 2, dcert, 200, len(dcert) - 200)) +
    dtls_rec(22, 0, 4, dtls_hs(14, 3, b"")))
udp(True, dtls_rec(22, 0, 2, dtls_hs(16, 2, v8(fill(54, 65)))) +
    dtls_rec(20, 0, 3, b"\x01") + dtls_rec(22, 1, 0, fill(55, 48)))
udp(False, dtls_rec(20, 0, 5, b"\x01") + dtls_rec(22, 1, 0, fill(56, 48)))
udp(True, dtls_rec(23, 1, 1, fill(57, 64)))
udp(False, dtls_rec(21, 1, 1, fill(58, 26)))

wrpcap(OUT, pkts)
