#!/usr/bin/python3
"""Generate tests/pcaps/json.pcap: JSON bodies over HTTP/1.1, as tshark 4.0's JSON dissector
sees them through the media type table.

One TCP connection per scenario (handshake, one POST with a JSON body, a 200 response with a
JSON body, FIN): objects, arrays, nesting, every value kind (string, number, true, false, null,
NaN), escapes (\\n, \\", \\/, \\uXXXX, surrogate pairs, lone surrogates, control characters),
empty object and array, whitespace between and around tokens, several top-level values in one
body, invalid JSON (trailing garbage, unterminated string, bad literal, bad number, bad escape,
a top-level scalar), a gzip-coded body, the other JSON media types (json-rpc, problem+json,
x-ndjson, a charset parameter, upper case) and a type JSON does not take (text/json).

Deterministic: fixed timestamps, no randomness (gzip with mtime 0). Run with /usr/bin/python3."""
import gzip
import os

from scapy.layers.inet import IP, TCP
from scapy.layers.l2 import Ether
from scapy.packet import Raw
from scapy.utils import wrpcap

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "json.pcap")
MAC_C, MAC_S = "02:00:00:00:00:0c", "02:00:00:00:00:05"
CLI, SRV = "192.0.2.21", "198.51.100.81"

pkts = []
T = [1700100000.0]


def emit(p):
    T[0] += 0.001
    p.time = round(T[0], 6)
    pkts.append(p)


class Conn:
    def __init__(self, cport, sport=80):
        self.cport, self.sport = cport, sport
        self.cseq, self.sseq = 2000 + cport * 7, 60000 + cport * 3
        emit(Ether(src=MAC_C, dst=MAC_S) / IP(src=CLI, dst=SRV, id=1) /
             TCP(sport=cport, dport=sport, seq=self.cseq - 1, flags="S", window=65535))
        emit(Ether(src=MAC_S, dst=MAC_C) / IP(src=SRV, dst=CLI, id=1) /
             TCP(sport=sport, dport=cport, seq=self.sseq - 1, ack=self.cseq, flags="SA",
                 window=65535))
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
        if data:
            p = p / Raw(data)
        emit(p)
        n = len(data) + (1 if "F" in flags else 0)
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


def req(path, body, ctype=b"application/json", extra=b""):
    return (b"POST " + path + b" HTTP/1.1\r\nHost: api.example\r\nContent-Type: " + ctype +
            b"\r\n" + extra + b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body)


def resp(body, ctype=b"application/json", extra=b""):
    return (b"HTTP/1.1 200 OK\r\nContent-Type: " + ctype + b"\r\n" + extra +
            b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body)


CASES = [
    # (request body, request type, response body, response type)
    (b'{"s":"str","n":-12.5e+3,"i":0,"t":true,"f":false,"z":null,"a":[1,2.25,3E-2],'
     b'"o":{"x":{}},"e":[]}', b"application/json",
     b'[[],{},[{"k":[1,{"d":"e"}]}],"x",NaN,-0,10]', b"application/json"),
    (b'{"esc":"q\\"b\\\\s\\/n\\nr\\rt\\tb\\bf\\f","u":"\\u00e9\\u4E2D","sp":"\\ud83d\\ude00",'
     b'"lone":"\\ud800x","lone2":"\\ud800\\n","trail":"\\udc00z","ctl":"\\u0001|\\u001f",'
     b'"nul":"a\\u0000b","k\\u00e9y":1,"":"empty key","raw":"h\xc3\xa9llo \xe2\x82\xac"}',
     b"application/json; charset=utf-8",
     b'{"pair_bad":"\\ud83d\\u0041","hi":"\\uD83D\\uDE00!","tab\\tkey":"v","sl":"a\\/b"}',
     b"application/problem+json"),
    (b'  \r\n{ "a" :\t[ 1 , 2 ]\n,"b" : { "c" : "d" } }\r\n', b"application/json",
     b'\n[\n  {"id": 1, "name": "one"},\n  {"id": 2, "name": "two"}\n]\n',
     b"application/json-rpc"),
    (b'{"a":1} xyz', b"application/json",
     b'{"a":"abc', b"application/json"),
    (b'{"a":tru}', b"application/json",
     b'{"n":01}', b"application/json"),
    (b'{"bad":"\\x41"}', b"application/json",
     b'42', b"application/json"),
    (b'{"a":1}{"b":[2]}\n{"c":3}\n', b"application/x-ndjson",
     b'"just a string"', b"application/json"),
    (b'{"deep":' + b'[' * 20 + b'{"x":null}' + b']' * 20 + b'}', b"APPLICATION/JSON",
     b'{"k":"v"}', b"text/json"),
    (b'{"jsonrpc":"2.0","method":"sum","params":[1,2],"id":1}', b"application/jsonrequest",
     b'{"problem":"x","status":400}', b"application/merge-patch+json"),
    (b'[{"op":"add","path":"/a","value":1}]', b"application/json-patch+json",
     b'[{"bn":"urn:dev:","n":"t","v":1.5}]', b"application/senml+json"),
    (b'{"a":[1,2,]}', b"application/json",
     b'{"a" 1}', b"application/json"),
    (b'[1e5,1.e5,-,2]', b"application/json",
     b'{"x":"\xff\xfe bytes"}', b"application/json"),
    (b'{"dds":1}', b"application/dds-web+json",
     b'{"lwm2m":[{"n":"0","v":1}]}', b"application/vnd.oma.lwm2m+json"),
    (b'{"sensml":true}', b"application/sensml+json",
     b'[]', b"application/json"),
    (b'{"c":"A\x80B\xc3C\xe2\x82D\xed\xa0\x80E\xc0\xafF\xf0\x9f\x98\x80G","k\x80":1}',
     b"application/json",
     b'[")]}\'\\ x\\y", "\\u00e9 at end\\u00e9", {"k": "\\ud83d\\ude00"}]', b"application/json"),
    (b'{}', b"application/json",
     b'[true, false, null] \n', b"application/json"),
]

port = 41000
for rq, rqt, rs, rst in CASES:
    c = Conn(port)
    c.c(req(b"/api/%d" % port, rq, rqt))
    c.s(resp(rs, rst))
    c.close()
    port += 1

# a gzip-coded JSON response
c = Conn(port)
c.c(b"GET /data HTTP/1.1\r\nHost: api.example\r\nAccept-Encoding: gzip\r\n\r\n")
body = gzip.compress(b'{"compressed":true,"list":["a","b"],"n":3}', mtime=0)
c.s(resp(body, extra=b"Content-Encoding: gzip\r\n"))
c.close()
port += 1

wrpcap(OUT, pkts)
