#!/usr/bin/python3
"""Writes tests/pcaps/http-evasion.pcap: HTTP responses whose framing headers are malformed the
way HTTP evasion tests make them, for tshark 4.0's reading of them:
  - "Transfer-Encoding: xchunked": not chunked; with no length the body runs to the close
    (HTTP asks TCP for everything until the FIN), and the coding is flagged as unknown;
  - "Content-length: 34 68": to the header's own dissection the length is 34 (a space may end
    the number), to TCP reassembly it is no length at all (the body runs to the close); the
    bytes after the 34 are a Continuation whose data hangs under its HTTP line;
  - "Content-length: 68;": no length to either (the body runs to the close);
  - "Content-length:  +12 ": a length of 12 to both;
  - a gzip body whose header sets a reserved flag bit (and FNAME): zlib refuses it, tshark
    skips the header by its flags and inflates the rest;
  - chunk sizes as strtol reads them (a vertical tab before "f"), a last chunk followed by one
    line that is not empty ("0\n \n": tshark pulls in one line and is done);
  - "Transfer-Encoding:,chunked" (not chunked to reassembly, which reads the first coding only)
    and "Transfer-Encoding:\0chunked", "Content-Encoding:gzip\0" (values end at a NUL; labels
    show it as \000);
  - an image/jpeg range (206) that does not begin with SOI: tshark's JFIF dissector refuses it
    ("HTTP body subdissector failed") and media shows it;
  - chunk sizes of 2^64 and 0x80000000: tshark keeps the size in a signed int, so both are
    negative and its chunk loop throws ("Malformed Packet") before the chunk's item;
  - a response without length whose headers come in three segments and whose body comes in
    three more: every body segment waits for the FIN (the reassembly asked "until FIN" keeps
    growing).
Run with /usr/bin/python3 (Debian's scapy)."""
import os
import struct
import sys
import zlib

from scapy.utils import wrpcap

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from tlsgen import TcpConv, clock  # noqa: E402

step = clock(1767228600.0)
BODY = b"X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"


def main():
    pkts = []
    cases = [
        (b"Transfer-Encoding: xchunked\r\n", b"5\r\nhello\r\n0\r\n\r\n"),
        (b"Content-length: 34 68\r\n", BODY),
        (b"Content-length: 68;\r\n", BODY + BODY),
        (b"Content-length:  +12 \r\n", b"twelve bytes"),
    ]
    co = zlib.compressobj(9, zlib.DEFLATED, -15)
    raw = co.compress(BODY) + co.flush()
    gz = (b"\x1f\x8b\x08\x28" + bytes(6) + b"eicar.txt\x00" + raw +
          struct.pack("<II", zlib.crc32(BODY), len(BODY)))
    cases.append((b"Content-Encoding: gzip\r\nContent-Length: %d\r\n" % len(gz), gz))
    chunks = b"".join(b"\x0b%x\r\n%s\r\n" % (len(BODY[i:i + 15]), BODY[i:i + 15])
                      for i in range(0, len(BODY), 15))
    cases.append((b"Transfer-Encoding: chunked\r\n", chunks + b"0\r\n\r\n"))
    cases.append((b"Transfer-Encoding: chunked\r\n", b"5\r\nhello\r\n0\n \n"))
    cases.append((b"Transfer-Encoding:,chunked\r\n", b"4\r\nX5O!\r\n0\r\n\r\n"))
    cases.append((b"Transfer-Encoding:\x00chunked\r\n", b"4\r\nX5O!\r\n0\r\n\r\n"))
    zco = zlib.compressobj(9, zlib.DEFLATED, 31)
    gz2 = zco.compress(BODY) + zco.flush()
    cases.append((b"Content-Encoding:gzip\x00\r\nContent-Length: %d\r\n" % len(gz2), gz2))
    part = bytes(range(40, 140))
    cases.append((b"Content-Type: image/jpeg\r\nContent-Range: bytes 100-199/1000\r\n"
                  b"Content-Length: 100\r\n", part))
    for size in (b"10000000000000000", b"80000000"):
        cases.append((b"Transfer-Encoding: chunked\r\n",
                      size + b"\r\n\r\nGET /smuggled HTTP/1.1\r\nHost: target\r\n\r\n"))
    for i, (hdr, body) in enumerate(cases):
        cv = TcpConv(pkts, step, "192.0.2.84", "198.51.100.94", 50500 + i, 80)
        cv.c(b"GET /evasion/%d HTTP/1.1\r\nHost: evader.example\r\n\r\n" % i)
        cv.s(b"HTTP/1.1 200 ok\r\nContent-type: application/octet-stream\r\nConnection: close\r\n" +
             hdr + b"\r\n" + body)
        cv.close()
    cv = TcpConv(pkts, step, "192.0.2.84", "198.51.100.94", 50600, 80)
    cv.c(b"GET /parts HTTP/1.1\r\nHost: evader.example\r\n\r\n")
    for part in (b"HTTP/1.1 206 Partial Content\r\n", b"Content-Type: text/plain\r\n", b"\r\n",
                 b"Foobar!\r\n", b"Baz\r\n", b"\r\n"):
        cv.s(part)
    cv.close()
    wrpcap(os.path.join(HERE, "http-evasion.pcap"), pkts)


if __name__ == "__main__":
    main()
