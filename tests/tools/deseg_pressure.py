#!/usr/bin/python3
"""Writes captures that put TCP desegmentation under memory pressure (written at test time: they
are tens of MiB, too large to commit).

  deseg_pressure.py concurrent OUT.pcap [FLOWS] [BODY_BYTES]
      FLOWS HTTP responses of BODY_BYTES each (Content-Length matches), their segments sent
      round robin, so all of them are being reassembled at once (FLOWS x BODY_BYTES in flight).
  deseg_pressure.py truncated OUT.pcap [FLOWS] [BODY_BYTES]
      FLOWS connections one after the other, each announcing twice the body it sends and then
      closing with FIN: no response ever completes, and each connection is over before the next.

Ethernet, IPv4, one second of capture time per 1,000 packets. Checksums are zero (trawl and tshark
do not check them by default)."""
import struct
import sys

MSS = 1448


def ip_sum(h):
    s = sum(struct.unpack("!10H", h))
    s = (s & 0xFFFF) + (s >> 16)
    s = (s & 0xFFFF) + (s >> 16)
    return (~s) & 0xFFFF


class Writer:
    def __init__(self, path):
        self.f = open(path, "wb")
        self.f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))
        self.n = 0

    def tcp(self, src, dst, sport, dport, seq, ack, flags, payload=b""):
        th = struct.pack("!HHIIBBHHH", sport, dport, seq & 0xFFFFFFFF, ack & 0xFFFFFFFF, 5 << 4,
                         flags, 65535, 0, 0)
        tot = 20 + len(th) + len(payload)
        ih = struct.pack("!BBHHHBBH4s4s", 0x45, 0, tot, self.n & 0xFFFF, 0x4000, 64, 6, 0,
                         bytes(src), bytes(dst))
        ih = ih[:10] + struct.pack("!H", ip_sum(ih)) + ih[12:]
        frame = b"\x02\0\0\0\0\x02" + b"\x02\0\0\0\0\x01" + b"\x08\x00" + ih + th + payload
        us = self.n * 1000
        self.f.write(struct.pack("<IIII", us // 1000000, us % 1000000, len(frame), len(frame)))
        self.f.write(frame)
        self.n += 1

    def close(self):
        self.f.close()


class Flow:
    def __init__(self, w, i, body, announce):
        self.w = w
        self.c = [10, 0, i >> 8, i & 0xFF]
        self.s = [192, 0, 2, 1]
        self.cp = 40000 + i
        self.cseq, self.sseq = 1000, 5000
        hdr = ("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\n"
               "Content-Length: %d\r\n\r\n" % announce).encode()
        self.data = hdr + bytes((i + k) & 0xFF for k in range(256)) * (body // 256) + b"x" * (body % 256)
        self.sent = 0

    def open(self):
        w = self.w
        w.tcp(self.c, self.s, self.cp, 80, self.cseq, 0, 0x02)
        w.tcp(self.s, self.c, 80, self.cp, self.sseq, self.cseq + 1, 0x12)
        self.cseq += 1
        self.sseq += 1
        w.tcp(self.c, self.s, self.cp, 80, self.cseq, self.sseq, 0x10)
        req = b"GET /f HTTP/1.1\r\nHost: example\r\n\r\n"
        w.tcp(self.c, self.s, self.cp, 80, self.cseq, self.sseq, 0x18, req)
        self.cseq += len(req)

    def step(self):
        """one server segment (and an ACK every other one); False when all is sent"""
        if self.sent >= len(self.data):
            return False
        chunk = self.data[self.sent:self.sent + MSS]
        self.w.tcp(self.s, self.c, 80, self.cp, self.sseq + self.sent, self.cseq, 0x18, chunk)
        self.sent += len(chunk)
        if (self.sent // MSS) % 2 == 0:
            self.w.tcp(self.c, self.s, self.cp, 80, self.cseq, self.sseq + self.sent, 0x10)
        return True

    def close(self):
        w = self.w
        w.tcp(self.s, self.c, 80, self.cp, self.sseq + self.sent, self.cseq, 0x11)
        w.tcp(self.c, self.s, self.cp, 80, self.cseq, self.sseq + self.sent + 1, 0x11)
        w.tcp(self.s, self.c, 80, self.cp, self.sseq + self.sent + 1, self.cseq + 1, 0x10)


def main():
    mode, out = sys.argv[1], sys.argv[2]
    flows = int(sys.argv[3]) if len(sys.argv) > 3 else 40
    body = int(sys.argv[4]) if len(sys.argv) > 4 else 2 << 20
    w = Writer(out)
    if mode == "concurrent":
        fl = [Flow(w, i, body, body) for i in range(flows)]
        for f in fl:
            f.open()
        busy = True
        while busy:
            busy = False
            for f in fl:
                busy |= f.step()
        for f in fl:
            f.close()
    elif mode == "truncated":
        for i in range(flows):
            f = Flow(w, i, body, 2 * body)
            f.open()
            while f.step():
                pass
            f.close()
    else:
        sys.exit("unknown mode " + mode)
    w.close()


if __name__ == "__main__":
    main()
