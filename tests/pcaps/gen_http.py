#!/usr/bin/python3
"""Generate tests/pcaps/http.pcap: HTTP/1.x over TCP.

One TCP connection (handshake, data, FIN) per scenario: a GET and a POST with bodies, a response
split across segments (headers cut mid-line, body cut), pipelined requests and responses in one
segment, a chunked response with a trailer, a gzip-coded response, a 304, a HEAD, an HTTP/1.0
response without Content-Length ended by FIN, an HKP key fetch on 11371, an ACME HTTP-01 challenge,
OCSP over HTTP, HTTP found by the heuristic on a port of its own, and a leading CRLF.

Deterministic: fixed timestamps, no randomness (gzip with mtime 0). Run with /usr/bin/python3."""
import gzip
import os

from scapy.layers.inet import IP, TCP
from scapy.layers.l2 import Ether
from scapy.packet import Raw
from scapy.utils import wrpcap

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "http.pcap")
MAC_C, MAC_S = "02:00:00:00:00:0c", "02:00:00:00:00:05"
CLI, SRV = "192.0.2.20", "198.51.100.80"

pkts = []
T = [1700000000.0]


def emit(p):
    T[0] += 0.001
    p.time = round(T[0], 6)
    pkts.append(p)


class Conn:
    def __init__(self, cport, sport):
        self.cport, self.sport = cport, sport
        self.cseq, self.sseq = 1000 + cport * 7, 50000 + cport * 3
        self.syn()

    def _pkt(self, from_client, flags, data=b""):
        if from_client:
            ip = Ether(src=MAC_C, dst=MAC_S) / IP(src=CLI, dst=SRV, id=1)
            tcp = TCP(sport=self.cport, dport=self.sport, seq=self.cseq, ack=self.sseq,
                      flags=flags, window=65535)
        else:
            ip = Ether(src=MAC_S, dst=MAC_C) / IP(src=SRV, dst=CLI, id=1)
            tcp = TCP(sport=self.sport, dport=self.cport, seq=self.sseq, ack=self.cseq,
                      flags=flags, window=65535)
        p = ip / tcp
        if data:
            p = p / Raw(data)
        emit(p)
        n = len(data) + (1 if "S" in flags or "F" in flags else 0)
        if from_client:
            self.cseq += n
        else:
            self.sseq += n

    def syn(self):
        self.cseq -= 1
        self.sseq -= 1
        ip = Ether(src=MAC_C, dst=MAC_S) / IP(src=CLI, dst=SRV, id=1)
        emit(ip / TCP(sport=self.cport, dport=self.sport, seq=self.cseq, flags="S", window=65535))
        self.cseq += 1
        ip = Ether(src=MAC_S, dst=MAC_C) / IP(src=SRV, dst=CLI, id=1)
        emit(ip / TCP(sport=self.sport, dport=self.cport, seq=self.sseq, ack=self.cseq,
                      flags="SA", window=65535))
        self.sseq += 1
        self._pkt(True, "A")

    def c(self, data, flags="PA"):
        self._pkt(True, flags, data)

    def s(self, data, flags="PA"):
        self._pkt(False, flags, data)

    def ack_c(self):
        self._pkt(True, "A")

    def close(self):
        self._pkt(True, "FA")
        self._pkt(False, "FA")
        self._pkt(True, "A")


def resp(code, phrase, headers, body=b"", version=b"HTTP/1.1"):
    h = version + b" " + str(code).encode() + b" " + phrase + b"\r\n"
    for k, v in headers:
        h += k + b": " + v + b"\r\n"
    return h + b"\r\n" + body


HTML = b"<html><head><title>trawl</title></head>\n<body>hello</body></html>\n"

# 1. GET and POST with bodies
c = Conn(40001, 80)
c.c(b"GET /index.html?lang=en&x=1 HTTP/1.1\r\nHost: www.example.com\r\n"
    b"User-Agent: trawl-test/1.0\r\nAccept: text/html,*/*;q=0.8\r\n"
    b"Accept-Language: en-US\r\nAccept-Encoding: gzip, deflate\r\n"
    b"Referer: http://www.example.com/\r\nCookie: a=1; b=2\r\nConnection: keep-alive\r\n"
    b"X-Custom-Thing: yes\r\n\r\n")
c.s(resp(200, b"OK", [(b"Date", b"Tue, 14 Nov 2023 22:13:20 GMT"), (b"Server", b"nginx/1.22.1"),
                      (b"Content-Type", b"text/html; charset=utf-8"),
                      (b"Content-Length", str(len(HTML)).encode()),
                      (b"Set-Cookie", b"sid=abc; Path=/"), (b"Last-Modified", b"Mon, 13 Nov 2023 10:00:00 GMT"),
                      (b"Cache-Control", b"max-age=60")], HTML))
form = b"user=alice&pass=secret"
c.c(b"POST /login HTTP/1.1\r\nHost: www.example.com\r\nContent-Type: text/plain\r\n"
    b"Content-Length: " + str(len(form)).encode() + b"\r\nAuthorization: Basic YWxpY2U6c2VjcmV0\r\n\r\n" + form)
js = b'{"ok":true}'
c.s(resp(302, b"Found", [(b"Location", b"/home"), (b"Content-Type", b"text/plain"),
                         (b"Content-Length", str(len(js)).encode())], js))
c.close()

# 2. a response split across segments: headers cut mid-line, then the body in two parts
c = Conn(40002, 8080)
c.c(b"GET /big.txt HTTP/1.1\r\nHost: split.example\r\n\r\n")
body = b"".join(b"line %03d of the split body\n" % i for i in range(40))
r = resp(200, b"OK", [(b"Content-Type", b"text/plain"), (b"Content-Length", str(len(body)).encode()),
                      (b"Server", b"split/1")], body)
hend = r.index(b"\r\n\r\n") + 4
c.s(r[:30])
c.ack_c()
c.s(r[30:hend + 100])
c.ack_c()
c.s(r[hend + 100:])
c.close()

# 3. pipelining: two requests in one segment, two responses in one segment
c = Conn(40003, 80)
c.c(b"GET /a HTTP/1.1\r\nHost: pipe.example\r\n\r\nGET /b HTTP/1.1\r\nHost: pipe.example\r\n\r\n")
c.s(resp(200, b"OK", [(b"Content-Type", b"text/plain"), (b"Content-Length", b"2")], b"A\n") +
    resp(404, b"Not Found", [(b"Content-Type", b"text/plain"), (b"Content-Length", b"2")], b"B\n"))
c.close()

# 4. chunked response with a trailer
c = Conn(40004, 80)
c.c(b"GET /chunked HTTP/1.1\r\nHost: chunk.example\r\nTE: trailers\r\n\r\n")
c.s(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"
    b"7\r\nchunk1\n\r\n" b"a\r\nsecond one\r\n" b"0\r\nExpires: never\r\n\r\n")
c.close()

# 5. gzip content coding
c = Conn(40005, 80)
c.c(b"GET /gz HTTP/1.1\r\nHost: gz.example\r\nAccept-Encoding: gzip\r\n\r\n")
gz = gzip.compress(b"compressed text line one\ncompressed text line two\n", mtime=0)
c.s(resp(200, b"OK", [(b"Content-Type", b"text/plain"), (b"Content-Encoding", b"gzip"),
                      (b"Content-Length", str(len(gz)).encode())], gz))
c.close()

# 6. a 304 and 7. a HEAD on one connection
c = Conn(40006, 80)
c.c(b"GET /cached HTTP/1.1\r\nHost: cache.example\r\nIf-Modified-Since: Mon, 13 Nov 2023 10:00:00 GMT\r\n\r\n")
c.s(b"HTTP/1.1 304 Not Modified\r\nETag: \"x1\"\r\n\r\n")
c.c(b"HEAD /file.bin HTTP/1.1\r\nHost: cache.example\r\n\r\n")
c.s(resp(200, b"OK", [(b"Content-Type", b"application/octet-stream"), (b"Content-Length", b"1234")]))
c.close()

# 8. HTTP/1.0 response without Content-Length, ended by FIN
c = Conn(40008, 80)
c.c(b"GET /old HTTP/1.0\r\n\r\n")
c.s(b"HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nold style body\n")
c.s(b"", flags="FA")
c.c(b"", flags="FA")
c.s(b"", flags="A")

# 9. HKP on 11371
c = Conn(40009, 11371)
c.c(b"GET /pks/lookup?op=get&options=mr&search=0x0123456789ABCDEF HTTP/1.1\r\nHost: keys.example:11371\r\n\r\n")
key = b"-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nmQENBFakekey\n-----END PGP PUBLIC KEY BLOCK-----\n"
c.s(resp(200, b"OK", [(b"Content-Type", b"application/pgp-keys"), (b"Content-Length", str(len(key)).encode())], key))
c.close()

# 10. ACME HTTP-01 challenge
c = Conn(40010, 80)
c.c(b"GET /.well-known/acme-challenge/LoqXcYV8q5ONbJQxbmR7SCTNo3tiAXDfowyjxAjEuX0 HTTP/1.1\r\n"
    b"Host: acme.example\r\nUser-Agent: Mozilla/5.0 (compatible; Let's Encrypt validation server)\r\n\r\n")
tok = b"LoqXcYV8q5ONbJQxbmR7SCTNo3tiAXDfowyjxAjEuX0.9jg46WB3rR_AHD-EBXdN7cBkH1WOu0tA3M9fm21mqTI"
c.s(resp(200, b"OK", [(b"Content-Type", b"application/octet-stream"), (b"Content-Length", str(len(tok)).encode())], tok))
c.close()

# 11. OCSP over HTTP (the DER bodies are placeholders)
c = Conn(40011, 80)
req = bytes.fromhex("3051304f304d304b3049300906052b0e03021a05000414") + bytes(range(20)) + \
    bytes.fromhex("0414") + bytes(range(20, 40)) + bytes.fromhex("021001")
c.c(b"POST / HTTP/1.1\r\nHost: ocsp.example\r\nContent-Type: application/ocsp-request\r\n"
    b"Content-Length: " + str(len(req)).encode() + b"\r\n\r\n" + req)
rsp = bytes.fromhex("30030a0101")
c.s(resp(200, b"OK", [(b"Content-Type", b"application/ocsp-response"),
                      (b"Content-Length", str(len(rsp)).encode())], rsp))
c.close()

# 12. HTTP on an unregistered port (the heuristic), with a leading CRLF on the second request
c = Conn(40012, 9999)
c.c(b"GET /heur HTTP/1.1\r\nHost: heur.example:9999\r\n\r\n")
c.s(resp(200, b"OK", [(b"Content-Type", b"text/plain"), (b"Content-Length", b"3")], b"hi\n"))
c.c(b"\r\nGET /again HTTP/1.1\r\nHost: heur.example:9999\r\n\r\n")
c.s(resp(204, b"No Content", [(b"Server", b"heur")]))
c.close()

# 13. deflate (zlib) content coding and a Transfer-Encoding with Content-Length (expert)
c = Conn(40013, 80)
import zlib
df = zlib.compress(b'{"deflated": "yes"}')
c.c(b"GET /df HTTP/1.1\r\nHost: df.example\r\n\r\n")
c.s(resp(200, b"OK", [(b"Content-Type", b"text/plain"), (b"Content-Encoding", b"deflate"),
                      (b"Content-Length", str(len(df)).encode())], df))
c.close()

wrpcap(OUT, pkts)
