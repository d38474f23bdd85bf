#!/usr/bin/python3
"""Writes tests/pcaps/tls-alpn.pcap: TLS 1.2 sessions whose ServerHello picks an ALPN protocol,
each followed by application data, so that tls.app_data_proto (and the record's label) names
the protocol tshark 4.0 would hand the data to: exact names from its "tls.alpn" table ("h2",
"http/1.1", "spdy/3.1"), its prefix matches for draft and revision numbers ("h2-16", "h2-",
"spdy/5"), and names it does not know ("h3", "h2c-x"), which fall back to the port (443 is
HTTP; 8444 has nothing). Run with /usr/bin/python3 (Debian's scapy)."""
import os
import sys

from scapy.utils import wrpcap

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from tlsgen import TcpConv, clock, ext, fill, hs, record, u8, u16, v8, v16  # noqa: E402

step = clock(1767227400.0)
CASES = [("h2", 443), ("h2-16", 443), ("h2-", 8444), ("http/1.1", 8444), ("spdy/3.1", 443),
         ("spdy/5", 8444), ("h3", 443), ("h2c-x", 8444)]


def main():
    pkts = []
    for i, (proto, port) in enumerate(CASES):
        cv = TcpConv(pkts, step, "192.0.2.81", "198.51.100.91", 50300 + i, port)
        offer = ext(16, v16(v8(proto.encode()) + v8(b"http/1.1")))
        ch = (u16(0x0303) + fill(10 + i, 32) + v8(b"") + v16(u16(0xc02f)) + v8(b"\x00") +
              v16(offer))
        cv.c(record(22, hs(1, ch), 0x0301))
        sh = (u16(0x0303) + fill(30 + i, 32) + v8(b"") + u16(0xc02f) + u8(0) +
              v16(ext(16, v16(v8(proto.encode())))))
        cv.s(record(22, hs(2, sh) + hs(14, b"")))
        cv.c(record(22, hs(16, v8(fill(50 + i, 32)))) + record(20, b"\x01") +
             record(22, fill(60 + i, 40)))
        cv.s(record(20, b"\x01") + record(22, fill(70 + i, 40)))
        cv.c(record(23, fill(80 + i, 48)))
        cv.s(record(23, fill(90 + i, 64)))
        cv.close()
    wrpcap(os.path.join(HERE, "tls-alpn.pcap"), pkts)


if __name__ == "__main__":
    main()
