#!/usr/bin/python3
"""Writes tests/pcaps/http-nothttp.pcap: TCP port 80 connections whose first bytes are not an
HTTP message, for http.c and the goldens http-nothttp-1 (-V) and -2 (summary lines). As tshark
4.0 does:
  - a first line that is no request, response or header ("<html>", "hello there"), or binary
    bytes where the first message should start: HTTP adds nothing and leaves frame.protocols
    (no data either)
  - text without a line end yet, or a first line "Name: value": HTTP's tree (for the header),
    TCP's columns
  - binary bytes after a request was seen: "Continuation", with the bytes as data under HTTP
  - messages the capture cut (snap length): inside the first line (tshark takes what there
    is as the line, "GET /x HTT"), inside a header line with or without its colon, after a
    status line; each ends with "HTTP truncated" where tshark's bounds exception comes

Deterministic: fixed timestamps and addresses. Run: /usr/bin/python3 tests/pcaps/gen_http_nothttp.py"""
import os

from scapy.all import IP, TCP, Ether, Raw, wrpcap

HERE = os.path.dirname(os.path.abspath(__file__))
T0 = 1700000000
pkts = []


def conv(cport, msgs):
    c, s = "10.0.0.1", "10.0.0.2"
    cs, ss = 1000, 5000
    pkts.append(Ether() / IP(src=c, dst=s) / TCP(sport=cport, dport=80, flags="S", seq=cs - 1))
    pkts.append(Ether() / IP(src=s, dst=c) / TCP(sport=80, dport=cport, flags="SA", seq=ss - 1, ack=cs))
    pkts.append(Ether() / IP(src=c, dst=s) / TCP(sport=cport, dport=80, flags="A", seq=cs, ack=ss))
    for who, data in msgs:
        if who == "s":
            pkts.append(Ether() / IP(src=s, dst=c) /
                        TCP(sport=80, dport=cport, flags="PA", seq=ss, ack=cs) / Raw(data))
            ss += len(data)
        else:
            pkts.append(Ether() / IP(src=c, dst=s) /
                        TCP(sport=cport, dport=80, flags="PA", seq=cs, ack=ss) / Raw(data))
            cs += len(data)


conv(40001, [("s", b"<html>\n<head>hi</head>\n</html>\n")])
conv(40002, [("c", b"hello there\r\n")])
conv(40003, [("c", b"hello there")])
conv(40004, [("s", b"<html>")])
conv(40005, [("c", b"GET / HTTP/1.1\r\nHost: x\r\n\r\n"), ("s", b"<html>\n")])
conv(40006, [("s", b"Foo: bar\r\n\r\n")])
conv(40007, [("c", b"\xc3\x83 / HTTP/1.1\r\nHost: x\r\n\r\n")])
conv(40008, [("c", b"\x01\x02\x03binary")])
conv(40009, [("c", b"GET / HTTP/1.1\r\nHost: x\r\n\r\n"), ("s", b"\x01\x02\x03binary")])
conv(40010, [("s", b"\x00\x00")])
for i, (data, cut) in enumerate(((b"GET /images/sf.net_box.gif HTTP/1.1\r\nHost: x\r\n\r\n", 30),
                                  (b"GET /a HTTP/1.1\r\nHost: xyz\r\nUser-Agent: me\r\n\r\n", 24),
                                  (b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello", 12),
                                  (b"POST /x HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello", 20))):
    resp = data.startswith(b"HTTP")
    port = 41000 + i
    full = bytes(Ether() / IP(src="10.0.0.1", dst="10.0.0.2") /
                 TCP(sport=80 if resp else port, dport=port if resp else 80, flags="PA", seq=1, ack=1) /
                 Raw(data))
    pk = Ether(full[:54 + cut])
    pk.wirelen = len(full)
    pkts.append(pk)
for i, pk in enumerate(pkts):
    pk.time = T0 + i * 0.001
wrpcap(os.path.join(HERE, "http-nothttp.pcap"), pkts)
