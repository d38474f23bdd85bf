"""Byte builders the TLS capture generators share (gen_tls.py, gen_tls_frag.py): big-endian
integers, length-prefixed vectors, TLS records, handshake messages and extensions, and the
deterministic filler bytes they use for randoms and opaque data."""
import struct


def fill(seed, n):
    return bytes((seed * 7 + i * 13) & 0xFF for i in range(n))


def u8(v):
    return struct.pack("!B", v)


def u16(v):
    return struct.pack("!H", v)


def u24(v):
    return struct.pack("!I", v)[1:]


def v8(b):
    return u8(len(b)) + b


def v16(b):
    return u16(len(b)) + b


def v24(b):
    return u24(len(b)) + b


def record(ctype, body, ver=0x0303):
    return u8(ctype) + u16(ver) + v16(body)


def hs(htype, body):
    return u8(htype) + v24(body)


def ext(etype, body):
    return u16(etype) + v16(body)


def clock(start, dt=0.001):
    """a packet clock for TcpConv: each call returns a time dt later than the one before"""
    t = [start]

    def step():
        t[0] += dt
        return t[0]
    return step


class TcpConv:
    """A TCP connection written into `out` (a list of scapy packets): handshake on creation,
    c()/s() send data from the client/server with PSH+ACK, close() ends it with FINs. Packet
    times come from clock(), IP ids count the packets."""

    def __init__(self, out, clock, cli, srv, sport, dport, macs=("02:00:00:00:00:0a", "02:00:00:00:00:0b")):
        self.out, self.clock = out, clock
        self.cli, self.srv, self.sport, self.dport, self.macs = cli, srv, sport, dport, macs
        self.cseq, self.sseq = 1000, 50000
        self._pkt(True, "S", b"")
        self.cseq += 1
        self._pkt(False, "SA", b"")
        self.sseq += 1
        self._pkt(True, "A", b"")

    def _pkt(self, from_client, flags, data):
        from scapy.layers.inet import IP, TCP
        from scapy.layers.l2 import Ether
        from scapy.packet import Raw

        src, dst = (self.cli, self.srv) if from_client else (self.srv, self.cli)
        sp, dp = (self.sport, self.dport) if from_client else (self.dport, self.sport)
        seq, ack = (self.cseq, self.sseq) if from_client else (self.sseq, self.cseq)
        mac_s, mac_d = self.macs if from_client else self.macs[::-1]
        p = Ether(src=mac_s, dst=mac_d) / IP(src=src, dst=dst, id=len(self.out) + 1) / TCP(
            sport=sp, dport=dp, flags=flags, seq=seq, ack=ack if "A" in flags else 0, window=65535)
        if data:
            p = p / Raw(data)
        p.time = self.clock()
        self.out.append(p)

    def c(self, data):
        self._pkt(True, "PA", data)
        self.cseq += len(data)

    def s(self, data):
        self._pkt(False, "PA", data)
        self.sseq += len(data)

    def close(self):
        self._pkt(True, "FA", b"")
        self.cseq += 1
        self._pkt(False, "FA", b"")
        self.sseq += 1
        self._pkt(True, "A", b"")
