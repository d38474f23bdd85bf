#!/usr/bin/python3
"""Writes tests/pcaps/ntlmssp.pcap: NTLMSSP (MS-NLMP) messages carried base64-encoded in HTTP
authentication headers, as tshark 4.0 decodes them:
  - an NTLM handshake: 401 with "WWW-Authenticate: NTLM", a request with the NEGOTIATE message
    (OEM domain and workstation supplied, version), a 401 with the CHALLENGE (Unicode target
    name, target info AV pairs: NetBIOS/DNS names, flags, timestamp, an unknown pair, end),
    a request with the AUTHENTICATE message (LMv2 response, NTLMv2 response with its own AV
    pairs, Unicode domain/user/host, session key, flags, version, MIC);
  - the same through a proxy (Proxy-Authenticate / Proxy-Authorization), with an OEM
    AUTHENTICATE without session key/flags (old form) and an NTLMv1 24-byte response;
  - "Negotiate" carrying raw NTLMSSP;
  - a truncated CHALLENGE, a string offset past the end, an unknown message type, an
    AUTHENTICATE cut inside its header;
  - base64 with stray characters (skipped), a message cut inside its type.
Run with /usr/bin/python3 (Debian's scapy)."""
import base64
import os
import struct
import sys

from scapy.utils import wrpcap

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from tlsgen import TcpConv, clock  # noqa: E402

step = clock(1767229200.0)
SIG = b"NTLMSSP\x00"
VERSION = bytes([10, 0]) + struct.pack("<H", 19041) + b"\x00\x00\x00\x0f"


def u(s):
    return s.encode("utf-16-le")


def av(t, v):
    return struct.pack("<HH", t, len(v)) + v


FT = struct.pack("<Q", 133800000000000000 + 1234567)


def target_info():
    return (av(2, u("CORP")) + av(1, u("WEB01")) + av(4, u("corp.example")) +
            av(3, u("web01.corp.example")) + av(5, u("corp.example")) +
            av(6, struct.pack("<I", 2)) + av(7, FT) + av(0x42, b"\x01\x02") + av(0, b""))


def negotiate(flags, domain=b"", ws=b"", version=True):
    hdr_len = 32 + (8 if version else 0)
    off_d = hdr_len
    off_w = off_d + len(domain)
    body = SIG + struct.pack("<II", 1, flags)
    body += struct.pack("<HHI", len(domain), len(domain), off_d)
    body += struct.pack("<HHI", len(ws), len(ws), off_w)
    if version:
        body += VERSION
    return body + domain + ws


def challenge(flags, name, ti, version=True):
    hdr = 48 + (8 if version else 0)
    off_n = hdr
    off_t = off_n + len(name)
    b = SIG + struct.pack("<I", 2) + struct.pack("<HHI", len(name), len(name), off_n)
    b += struct.pack("<I", flags) + bytes.fromhex("0123456789abcdef") + bytes(8)
    b += struct.pack("<HHI", len(ti), len(ti), off_t)
    if version:
        b += VERSION
    return b + name + ti


def authenticate(flags, lm, nt, dom, user, host, skey, version=True, mic=True, old=False):
    hdr = 52 if old else 64 + (8 if version else 0) + (16 if mic else 0)
    data = b""
    fields = []
    for blob in (lm, nt, dom, user, host) + (() if old else (skey,)):
        fields.append(struct.pack("<HHI", len(blob), len(blob), hdr + len(data)))
        data += blob
    b = SIG + struct.pack("<I", 3) + b"".join(fields)
    if not old:
        b += struct.pack("<I", flags)
        if version:
            b += VERSION
        if mic:
            b += bytes(range(0xa0, 0xb0))
    return b + data


def ntlmv2(extra_pad=4):
    pairs = (av(2, u("CORP")) + av(1, u("WEB01")) + av(7, FT) + av(6, struct.pack("<I", 2)) +
             av(8, bytes(range(48))) + av(10, bytes(16)) + av(9, u("HTTP/web01.corp.example")) +
             av(0, b""))
    return (bytes(range(0x10, 0x20)) + b"\x01\x01" + bytes(6) + FT +
            bytes.fromhex("1122334455667788") + bytes(4) + pairs + bytes(extra_pad))


F_NEG = 0xe2088297 | 0x3000
F_CHAL = 0xe2898215
F_AUTH = 0xe2888215


def b64(b):
    return base64.b64encode(b)


def main():
    pkts = []
    # the handshake
    cv = TcpConv(pkts, step, "192.0.2.10", "198.51.100.20", 49200, 80)
    cv.c(b"GET /secure/ HTTP/1.1\r\nHost: web01.corp.example\r\n\r\n")
    cv.s(b"HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: NTLM\r\nWWW-Authenticate: Negotiate\r\n"
         b"Content-Length: 0\r\n\r\n")
    cv.c(b"GET /secure/ HTTP/1.1\r\nHost: web01.corp.example\r\nAuthorization: NTLM " +
         b64(negotiate(F_NEG, b"CORP", b"WKSTN7")) + b"\r\n\r\n")
    cv.s(b"HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: NTLM " +
         b64(challenge(F_CHAL, u("CORP"), target_info())) + b"\r\nContent-Length: 0\r\n\r\n")
    lm = bytes(range(0x30, 0x38)) + bytes(16)
    cv.c(b"GET /secure/ HTTP/1.1\r\nHost: web01.corp.example\r\nAuthorization: NTLM " +
         b64(authenticate(F_AUTH, lm, ntlmv2(), u("CORP"), u("alice"), u("WKSTN7"),
                          bytes(range(0x40, 0x50)))) + b"\r\n\r\n")
    cv.s(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")
    cv.close()
    # through a proxy: OEM strings, NTLMv1, old AUTHENTICATE without flags
    cv = TcpConv(pkts, step, "192.0.2.10", "198.51.100.30", 49201, 3128)
    cv.c(b"GET http://www.example.com/ HTTP/1.1\r\nHost: www.example.com\r\n"
         b"Proxy-Authorization: NTLM " + b64(negotiate(0x00000207, version=False)) + b"\r\n\r\n")
    cv.s(b"HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: NTLM " +
         b64(challenge(0x00010206, b"PROXYDOM", b"", version=False)) +
         b"\r\nContent-Length: 0\r\n\r\n")
    cv.c(b"GET http://www.example.com/ HTTP/1.1\r\nHost: www.example.com\r\n"
         b"Proxy-Authorization: NTLM " +
         b64(authenticate(0, bytes(range(24)), bytes(range(24, 48)), b"PROXYDOM", b"bob",
                          b"HOSTX", b"", old=True)) + b"\r\n\r\n")
    cv.s(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")
    cv.close()
    # Negotiate carrying raw NTLMSSP; malformed blobs; bad base64
    cv = TcpConv(pkts, step, "192.0.2.11", "198.51.100.20", 49202, 80)
    cv.c(b"GET /n HTTP/1.1\r\nHost: web01\r\nAuthorization: Negotiate " +
         b64(negotiate(F_NEG & ~0x3000)) + b"\r\n\r\n")
    chal = challenge(F_CHAL, u("CORP"), target_info())
    cv.s(b"HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Negotiate " + b64(chal[:70]) +
         b"\r\nContent-Length: 0\r\n\r\n")
    bad = bytearray(negotiate(F_NEG, b"CORP", b"WKSTN7"))
    struct.pack_into("<I", bad, 20, 5000)
    cv.c(b"GET /n HTTP/1.1\r\nHost: web01\r\nAuthorization: NTLM " + b64(bytes(bad)) + b"\r\n\r\n")
    cv.s(b"HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: NTLM " +
         b64(SIG + struct.pack("<I", 7) + bytes(12)) + b"\r\nContent-Length: 0\r\n\r\n")
    auth = authenticate(F_AUTH, lm, ntlmv2(0), u("CORP"), u("alice"), u("WKSTN7"), bytes(16))
    cv.c(b"GET /n HTTP/1.1\r\nHost: web01\r\nAuthorization: NTLM " + b64(auth[:40]) + b"\r\n\r\n")
    cv.s(b"HTTP/1.1 401 Unauthorized\r\nProxy-Authenticate: NTLM " + b64(SIG + b"\x02\x00") +
         b"\r\nContent-Length: 0\r\n\r\n")
    neg = b64(negotiate(F_NEG, b"CORP", b"WKSTN7"))
    cv.c(b"GET /n HTTP/1.1\r\nHost: web01\r\nAuthorization: NTLM " + neg[:10] + b" *" +
         neg[10:] + b"\r\n\r\n")
    cv.s(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")
    cv.close()
    wrpcap(os.path.join(HERE, "ntlmssp.pcap"), pkts)


if __name__ == "__main__":
    main()
