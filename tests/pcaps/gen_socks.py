#!/usr/bin/python3
"""Writes tests/pcaps/socks.pcap: SOCKS conversations on TCP 1080, for socks.c and the goldens
socks-1 (-V), socks-2 (summary lines) and socks-3 (fields). As tshark 4.0 shows them:
  - SOCKS4 CONNECT granted (then HTTP through the tunnel) and rejected
  - SOCKS4a CONNECT with a host name
  - SOCKS5 without authentication: CONNECT to an IPv4 address (HTTP through the tunnel, the
    response split over two segments), to a domain name (greeting and request in one segment),
    to an IPv6 address
  - SOCKS5 username/password authentication, accepted and refused
  - SOCKS5 BIND (two replies) and UDP ASSOCIATE
  - a short SOCKS5 greeting and a request cut short
  - data that is not SOCKS on port 1080 ("Unknown")

Deterministic: fixed timestamps and addresses. Run: /usr/bin/python3 tests/pcaps/gen_socks.py"""
import os
import socket
import struct

from scapy.all import IP, TCP, Ether, Raw, wrpcap

HERE = os.path.dirname(os.path.abspath(__file__))
T0 = 1700000000
pkts = []


def conv(cport, msgs, sport=1080):
    c, s = "10.0.0.1", "10.0.0.2"
    cs, ss = 1000, 5000
    pkts.append(Ether() / IP(src=c, dst=s) / TCP(sport=cport, dport=sport, flags="S", seq=cs - 1))
    pkts.append(Ether() / IP(src=s, dst=c) / TCP(sport=sport, dport=cport, flags="SA", seq=ss - 1, ack=cs))
    pkts.append(Ether() / IP(src=c, dst=s) / TCP(sport=cport, dport=sport, flags="A", seq=cs, ack=ss))
    for who, data in msgs:
        if who == "s":
            pkts.append(Ether() / IP(src=s, dst=c) /
                        TCP(sport=sport, dport=cport, flags="PA", seq=ss, ack=cs) / Raw(data))
            ss += len(data)
        else:
            pkts.append(Ether() / IP(src=c, dst=s) /
                        TCP(sport=cport, dport=sport, flags="PA", seq=cs, ack=ss) / Raw(data))
            cs += len(data)


def v4req(cmd, port, ip, user=b"", host=None):
    d = struct.pack("!BBH", 4, cmd, port) + socket.inet_aton(ip) + user + b"\x00"
    if host is not None:
        d += host + b"\x00"
    return d


def v4rep(code, port=0, ip="0.0.0.0"):
    return struct.pack("!BBH", 0, code, port) + socket.inet_aton(ip)


def v5addr(kind, addr):
    if kind == 1:
        return b"\x01" + socket.inet_aton(addr)
    if kind == 3:
        return b"\x03" + bytes([len(addr)]) + addr
    return b"\x04" + socket.inet_pton(socket.AF_INET6, addr)


def v5req(cmd, kind, addr, port):
    return bytes([5, cmd, 0]) + v5addr(kind, addr) + struct.pack("!H", port)


def v5rep(code, kind, addr, port):
    return bytes([5, code, 0]) + v5addr(kind, addr) + struct.pack("!H", port)


GET = b"GET /index.html HTTP/1.1\r\nHost: example.com\r\nUser-Agent: test\r\n\r\n"
RESP1 = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"
RESP2 = b"Content-Length: 6\r\n\r\nhello\n"

# SOCKS4 CONNECT granted, HTTP through the tunnel
conv(41001, [("c", v4req(1, 80, "192.0.2.10", b"alice")), ("s", v4rep(90, 80, "192.0.2.10")),
             ("c", GET), ("s", RESP1 + RESP2)])
# SOCKS4 CONNECT rejected
conv(41002, [("c", v4req(1, 80, "192.0.2.11", b"bob")), ("s", v4rep(91))])
# SOCKS4a with a host name
conv(41003, [("c", v4req(1, 8080, "0.0.0.1", b"carol", b"www.example.org")),
             ("s", v4rep(90, 8080, "0.0.0.1")), ("c", GET)])
# SOCKS5, no authentication, CONNECT to IPv4, HTTP with the response in two segments
conv(41004, [("c", b"\x05\x01\x00"), ("s", b"\x05\x00"),
             ("c", v5req(1, 1, "192.0.2.20", 80)), ("s", v5rep(0, 1, "192.0.2.1", 41004)),
             ("c", GET), ("s", RESP1), ("s", RESP2)])
# SOCKS5 greeting and CONNECT to a domain name in one segment
conv(41005, [("c", b"\x05\x01\x00" + v5req(1, 3, b"www.example.com", 80)),
             ("s", b"\x05\x00"), ("s", v5rep(0, 1, "0.0.0.0", 0)), ("c", GET)])
# SOCKS5 CONNECT to IPv6, two methods offered
conv(41006, [("c", b"\x05\x02\x00\x02"), ("s", b"\x05\x00"),
             ("c", v5req(1, 4, "2001:db8::1", 443)), ("s", v5rep(0, 4, "2001:db8::2", 1234)),
             ("c", b"\x17\x03\x03\x00\x05hello")])
# SOCKS5 username/password accepted
conv(41007, [("c", b"\x05\x02\x00\x02"), ("s", b"\x05\x02"),
             ("c", b"\x01\x05alice\x06secret"), ("s", b"\x01\x00"),
             ("c", v5req(1, 1, "192.0.2.30", 80)), ("s", v5rep(0, 1, "192.0.2.1", 5555)),
             ("c", GET)])
# SOCKS5 username/password refused
conv(41008, [("c", b"\x05\x01\x02"), ("s", b"\x05\x02"),
             ("c", b"\x01\x03bob\x05wrong"), ("s", b"\x01\x01")])
# SOCKS5 no acceptable method
conv(41009, [("c", b"\x05\x01\x80"), ("s", b"\x05\xff")])
# SOCKS5 BIND: first and second reply
conv(41010, [("c", b"\x05\x01\x00"), ("s", b"\x05\x00"),
             ("c", v5req(2, 1, "192.0.2.40", 21)), ("s", v5rep(0, 1, "10.0.0.2", 40000)),
             ("s", v5rep(0, 1, "192.0.2.40", 20))])
# SOCKS5 UDP ASSOCIATE
conv(41011, [("c", b"\x05\x01\x00"), ("s", b"\x05\x00"),
             ("c", v5req(3, 1, "0.0.0.0", 41011)), ("s", v5rep(0, 1, "10.0.0.2", 40001))])
# SOCKS5 GSS-API chosen
conv(41012, [("c", b"\x05\x01\x01"), ("s", b"\x05\x01"),
             ("c", b"\x01\x01\x00\x04abcd"), ("s", b"\x01\x01\x00\x02xy")])
# malformed: a greeting that stops after the version, a request cut short
conv(41013, [("c", b"\x05")])
conv(41014, [("c", b"\x05\x01\x00"), ("s", b"\x05\x00"), ("c", b"\x05\x01\x00\x03\x10abc")])
# SOCKS4 request without the user id's NUL
conv(41015, [("c", struct.pack("!BBH", 4, 1, 80) + socket.inet_aton("192.0.2.50") + b"dave")])
# not SOCKS at all
conv(41016, [("c", b"hello there\r\n"), ("s", b"what?\r\n")])
for i, pk in enumerate(pkts):
    pk.time = T0 + i * 0.001
wrpcap(os.path.join(HERE, "socks.pcap"), pkts)
