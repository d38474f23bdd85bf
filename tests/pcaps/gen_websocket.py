#!/usr/bin/python3
"""Writes tests/pcaps/websocket.pcap: WebSocket (RFC 6455) after HTTP's 101 Switching
Protocols, as tshark 4.0 dissects it:
  - connection 1: the 101 and a first server frame in one segment; masked and unmasked text,
    ping/pong, a text message in two fragments with a ping between them, binary, a frame with
    a 16-bit length split over two segments (TCP reassembly), an unknown opcode, a close with
    status code and reason;
  - connection 2: permessage-deflate agreed (RFC 7692): compressed text messages with context
    takeover across messages, in both directions;
  - connection 3: a 101 to another protocol ("Upgrade: tcp", as Docker's attach): the later
    bytes are data under an HTTP layer without a line.
Run with /usr/bin/python3 (Debian's scapy)."""
import os
import struct
import sys
import zlib

from scapy.utils import wrpcap

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from tlsgen import TcpConv, clock  # noqa: E402

step = clock(1767230400.0)
KEY = b"\x37\xfa\x21\x3d"


def frame(opcode, payload, fin=True, mask=False, rsv1=False):
    b0 = (0x80 if fin else 0) | (0x40 if rsv1 else 0) | opcode
    n = len(payload)
    if n < 126:
        hdr = bytes([b0, (0x80 if mask else 0) | n])
    elif n < 65536:
        hdr = bytes([b0, (0x80 if mask else 0) | 126]) + struct.pack("!H", n)
    else:
        hdr = bytes([b0, (0x80 if mask else 0) | 127]) + struct.pack("!Q", n)
    if mask:
        payload = bytes(c ^ KEY[i & 3] for i, c in enumerate(payload))
        hdr += KEY
    return hdr + payload


def upgrade(cv, ext=b""):
    cv.c(b"GET /chat HTTP/1.1\r\nHost: ws.example\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
         b"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n" +
         (b"Sec-WebSocket-Extensions: permessage-deflate\r\n" if ext else b"") + b"\r\n")
    return (b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            b"Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n" + ext + b"\r\n")


def main():
    pkts = []
    cv = TcpConv(pkts, step, "192.0.2.90", "198.51.100.90", 50600, 80)
    cv.s(upgrade(cv) + frame(1, b"welcome"))
    cv.c(frame(1, b"hello server", mask=True))
    cv.s(frame(1, b"hello client\nsecond line"))
    cv.c(frame(9, b"ping", mask=True))
    cv.s(frame(10, b"ping"))
    cv.c(frame(1, b"first half, ", fin=False, mask=True))
    cv.c(frame(9, b"", mask=True))
    cv.c(frame(0, b"second half", mask=True))
    cv.s(frame(2, bytes(range(40))))
    big = frame(1, b"x" * 300)
    cv.s(big[:100])
    cv.s(big[100:])
    cv.s(frame(3, b"odd"))
    cv.c(frame(8, struct.pack("!H", 1001) + b"going away", mask=True))
    cv.s(frame(8, b""))
    cv.close()

    cv = TcpConv(pkts, step, "192.0.2.90", "198.51.100.90", 50601, 80)
    cv.s(upgrade(cv, b"Sec-WebSocket-Extensions: permessage-deflate\r\n"))
    zs = zlib.compressobj(9, zlib.DEFLATED, -15)
    zc = zlib.compressobj(9, zlib.DEFLATED, -15)
    for i, text in enumerate([b"KEY=07cb9559eff21e3e34f3", b"KEY=07cb9559eff21e3e34f3 again",
                              b"TOGGLE=2d80b22edb3afc"]):
        z = zs.compress(text) + zs.flush(zlib.Z_SYNC_FLUSH)
        cv.s(frame(1, z[:-4], rsv1=True))
        z = zc.compress(text.lower()) + zc.flush(zlib.Z_SYNC_FLUSH)
        cv.c(frame(1, z[:-4], rsv1=True, mask=True))
    cv.close()

    cv = TcpConv(pkts, step, "192.0.2.90", "198.51.100.91", 50602, 2375)
    cv.c(b"POST /v1.41/containers/abc/attach?stream=1 HTTP/1.1\r\nHost: docker\r\n"
         b"Connection: Upgrade\r\nUpgrade: tcp\r\nContent-Length: 0\r\n\r\n")
    cv.s(b"HTTP/1.1 101 UPGRADED\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n")
    cv.c(b"ls\r\n")
    cv.s(b"bin  etc  usr\r\n")
    cv.close()
    wrpcap(os.path.join(HERE, "websocket.pcap"), pkts)


if __name__ == "__main__":
    main()
