#!/usr/bin/python3
"""Writes tests/pcaps/http443.pcap: plain HTTP on TCP port 443, where tshark's TLS dissector
finds no record and TCP's heuristics hand the bytes to HTTP (with its "Unencrypted HTTP protocol
detected over encrypted port" warning):
  - a GET and a text/plain response with Content-Encoding: br (brotli), its body split over two
    segments (HTTP asks TCP for the rest);
  - a chunked response whose last data chunk is one byte ("Chunk size: 1 octet");
  - bytes that are neither TLS nor HTTP (data);
  - a TLS record, then an HTTP request on the same connection;
  - a proxy (port 3128) CONNECT to host:443 whose tunnel carries plain HTTP: the tunnel's bytes
    go to TLS as if on 443, TLS refuses them, HTTP is found by the heuristics on the client's
    request and the tunnel's later bytes are data (tshark's http_payload_subdissector).
Needs Debian's python3-brotli. Run with /usr/bin/python3 (Debian's scapy)."""
import os
import sys

import brotli
from scapy.utils import wrpcap

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from tlsgen import TcpConv, clock  # noqa: E402

step = clock(1767228000.0)


def main():
    pkts = []
    text = b"hello from trawl over port 443\n" * 8
    body = brotli.compress(text)
    cv = TcpConv(pkts, step, "192.0.2.82", "198.51.100.92", 50400, 443)
    cv.c(b"GET /br HTTP/1.1\r\nHost: plain.example\r\nAccept-Encoding: br\r\n\r\n")
    resp = (b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Encoding: br\r\n"
            b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body)
    cv.s(resp[:60])
    cv.s(resp[60:])
    cv.c(b"GET /chunks HTTP/1.1\r\nHost: plain.example\r\n\r\n")
    cv.s(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"
         b"5\r\nhello\r\n1\r\n!\r\n0\r\n\r\n")
    cv.close()
    cv = TcpConv(pkts, step, "192.0.2.82", "198.51.100.92", 50401, 443)
    cv.c(b"neither TLS nor HTTP, just bytes\r\n")
    cv.close()
    cv = TcpConv(pkts, step, "192.0.2.82", "198.51.100.92", 50402, 443)
    cv.c(b"\x17\x03\x03\x00\x05abcde")
    cv.c(b"GET /after-tls HTTP/1.1\r\nHost: plain.example\r\n\r\n")
    cv.close()
    cv = TcpConv(pkts, step, "192.0.2.82", "198.51.100.93", 50403, 3128)
    cv.c(b"CONNECT plain.example:443 HTTP/1.1\r\nHost: plain.example:443\r\n\r\n")
    cv.s(b"HTTP/1.1 200 Connection established\r\n\r\n")
    cv.c(b"GET /tunnelled HTTP/1.1\r\nHost: plain.example\r\n\r\n")
    cv.s(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
    cv.c(b"GET /again HTTP/1.1\r\nHost: plain.example\r\n\r\n")
    cv.close()
    wrpcap(os.path.join(HERE, "http443.pcap"), pkts)


if __name__ == "__main__":
    main()
