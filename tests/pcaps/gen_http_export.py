#!/usr/bin/python3
"""Generate tests/pcaps/http-export.pcap: HTTP bodies whose exported file names and bytes test
--export-objects http against tshark's: a URI ending in a slash, "/", characters Windows forbids
and control bytes (%xx), bytes above 0x7f (U+FFFD), a name longer than 255 bytes with and
without an extension, duplicate names with an extension (a.txt, a(1).txt), a chunked and
gzip-coded body, a deflate body, an empty chunked body, a POST body, and a response in a
connection whose request was not captured (object<frame>.<content type>, and object<frame>
without a content type).

Deterministic: fixed timestamps, no randomness (gzip with mtime 0). Run with /usr/bin/python3."""
import gzip
import os
import zlib

from scapy.layers.inet import IP, TCP
from scapy.layers.l2 import Ether
from scapy.packet import Raw
from scapy.utils import wrpcap

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "http-export.pcap")
MAC_C, MAC_S = "02:00:00:00:00:0c", "02:00:00:00:00:05"
CLI, SRV = "192.0.2.21", "198.51.100.81"

pkts = []
T = [1700100000.0]


def emit(p):
    T[0] += 0.001
    p.time = round(T[0], 6)
    pkts.append(p)


class Conn:
    def __init__(self, cport, sport=80, handshake=True):
        self.cport, self.sport = cport, sport
        self.cseq, self.sseq = 2000 + cport * 5, 70000 + cport * 3
        if handshake:
            self.cseq -= 1
            self.sseq -= 1
            self._pkt(True, "S")
            self._pkt(False, "SA")
            self._pkt(True, "A")

    def _pkt(self, from_client, flags, data=b""):
        if from_client:
            p = Ether(src=MAC_C, dst=MAC_S) / IP(src=CLI, dst=SRV, id=1) / TCP(
                sport=self.cport, dport=self.sport, seq=self.cseq, ack=self.sseq, flags=flags,
                window=65535)
        else:
            p = Ether(src=MAC_S, dst=MAC_C) / IP(src=SRV, dst=CLI, id=1) / TCP(
                sport=self.sport, dport=self.cport, seq=self.sseq, ack=self.cseq, flags=flags,
                window=65535)
        if flags == "S":
            p[TCP].ack = 0
        if data:
            p = p / Raw(data)
        emit(p)
        n = len(data) + (1 if "S" in flags or "F" in flags else 0)
        if from_client:
            self.cseq += n
        else:
            self.sseq += n

    def c(self, data):
        self._pkt(True, "PA", data)

    def s(self, data):
        self._pkt(False, "PA", data)

    def close(self):
        self._pkt(True, "FA")
        self._pkt(False, "FA")
        self._pkt(True, "A")


def resp(headers, body):
    h = b"HTTP/1.1 200 OK\r\n"
    for k, v in headers:
        h += k + b": " + v + b"\r\n"
    return h + b"\r\n" + body


def get(c, uri, host=b"export.example"):
    c.c(b"GET " + uri + b" HTTP/1.1\r\nHost: " + host + b"\r\n\r\n")


def plain(c, body, ctype=b"text/plain"):
    c.s(resp([(b"Content-Type", ctype), (b"Content-Length", str(len(body)).encode())], body))


c = Conn(41001)
for uri in [b"/dir/sub/", b"/", b'/a<b>c:d"e|f*g%01h', b"/caf\xc3\xa9.txt", b"/a.txt", b"/a.txt",
            b"/q/x?y=1/2", b"/" + b"n" * 300 + b".html", b"/" + b"m" * 300]:
    get(c, uri)
    plain(c, b"body of " + uri[:40] + b"\n")
c.close()

# content codings: chunked + gzip, deflate, an empty chunked body
c = Conn(41002)
get(c, b"/gz.json")
z = gzip.compress(b'{"hello": "world"}\n' * 20, mtime=0)
c.s(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\n"
    b"Transfer-Encoding: chunked\r\n\r\n" + b"%x\r\n" % 40 + z[:40] + b"\r\n" +
    b"%x\r\n" % (len(z) - 40) + z[40:] + b"\r\n0\r\n\r\n")
get(c, b"/deflate.txt")
d = zlib.compress(b"deflated text\n" * 10)
c.s(resp([(b"Content-Type", b"text/plain"), (b"Content-Encoding", b"deflate"),
          (b"Content-Length", str(len(d)).encode())], d))
get(c, b"/empty")
c.s(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
c.close()

# a POST body (named after its own URI), and the response
c = Conn(41003, 8080)
form = b"name=trawl&x=1"
c.c(b"POST /upload/form.cgi HTTP/1.1\r\nHost: post.example:8080\r\n"
    b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " +
    str(len(form)).encode() + b"\r\n\r\n" + form)
plain(c, b"stored\n")
c.close()

# responses without a captured request: object<frame>.<content type>, object<frame>
c = Conn(41004, handshake=False)
plain(c, b"<p>no request</p>\n", b"text/html")
c.s(b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nbare\n")
c.close()

wrpcap(OUT, pkts)
