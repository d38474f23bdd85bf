#!/usr/bin/python3
"""Writes tests/pcaps/eaptls.pcap: EAP-TLS and PEAP over EAPOL (Ethernet), for the reassembly of
EAP-TLS fragments and the TLS records inside, as tshark 4.0 dissects them.

The TLS handshake is hand-made (fixed randoms; the certificates are tests/pcaps/x509/leaf.der
and ca.der from gen_x509.py; the CertificateRequest names the CA's DN):

  1-2    Request/Identity, Response/Identity
  3      EAP-TLS Start
  4      ClientHello in one EAP-TLS packet (no flags)
  5-9    the server's flight (ServerHello, Certificate, CertificateRequest, ServerHelloDone) in
         three fragments: Length+More, More, last; the client's empty acknowledgements between
  10-12  the client's flight (Certificate, ClientKeyExchange, ChangeCipherSpec, Finished) in two
         fragments: Length+More, last (with the server's acknowledgement between)
  13-15  the server's ChangeCipherSpec + Finished with Length and no More; empty response;
         EAP Success
  16-21  a second authentication (a new Request/Identity: a new TLS session), PEAP this time:
         Start, ClientHello, a ServerHello + ServerHelloDone, then application data both ways
         (the application data protocol is PEAP)
  22-24  a fragment with Length+More cut short by a new Start (the reassembly is dropped), then
         an unfragmented ClientHello

Run with /usr/bin/python3 (Debian's scapy)."""
import os
import struct

from scapy.all import Ether, Raw, wrpcap

HERE = os.path.dirname(os.path.abspath(__file__))
T0 = 1700000500
SUP, AUTH = "00:00:5e:00:53:11", "00:00:5e:00:53:21"


def eapol(src, dst, body):
    return Ether(src=src, dst=dst, type=0x888E) / Raw(struct.pack(">BBH", 2, 0, len(body)) + body)


def eap(code, ident, typ=None, data=b""):
    body = b"" if typ is None else bytes([typ]) + data
    return struct.pack(">BBH", code, ident, 4 + len(body)) + body


def tls_flags(flags, data=b"", length=None):
    out = bytes([flags])
    if flags & 0x80:
        out += struct.pack(">I", len(data) if length is None else length)
    return out + data


def u24(n):
    return struct.pack(">I", n)[1:]


def hs(typ, body):
    return bytes([typ]) + u24(len(body)) + body


def record(ct, body, version=0x0303):
    return struct.pack(">BHH", ct, version, len(body)) + body


def client_hello(seed):
    rnd = bytes((seed + i) & 0xFF for i in range(32))
    suites = struct.pack(">HHH", 4, 0xC02F, 0x009C)
    ext = struct.pack(">HH", 0xFF01, 1) + b"\x00"  # renegotiation_info
    ext += struct.pack(">HHH", 10, 4, 2) + struct.pack(">H", 23)  # supported_groups
    body = struct.pack(">H", 0x0303) + rnd + b"\x00" + suites + b"\x01\x00"
    body += struct.pack(">H", len(ext)) + ext
    return record(22, hs(1, body), 0x0301)


def server_hello(seed):
    rnd = bytes((seed * 3 + i) & 0xFF for i in range(32))
    ext = struct.pack(">HH", 0xFF01, 1) + b"\x00"
    body = struct.pack(">H", 0x0303) + rnd + b"\x00" + struct.pack(">H", 0xC02F) + b"\x00"
    return hs(2, body + struct.pack(">H", len(ext)) + ext)


def certificate(certs):
    lst = b"".join(u24(len(c)) + c for c in certs)
    return hs(11, u24(len(lst)) + lst)


def ca_subject(der):
    """the subject Name of a DER certificate (tbsCertificate's sixth element)"""

    def tlv(b, i):
        tag, ln = b[i], b[i + 1]
        j = i + 2
        if ln & 0x80:
            n = ln & 0x7F
            ln = int.from_bytes(b[j:j + n], "big")
            j += n
        return tag, j, j + ln

    _, s, _ = tlv(der, 0)  # Certificate
    _, t, te = tlv(der, s)  # tbsCertificate
    i = t
    elems = []
    while i < te:
        tag, cs, ce = tlv(der, i)
        elems.append((tag, i, ce))
        i = ce
    if elems[0][0] == 0xA0:  # [0] version
        elems = elems[1:]
    _, a, b = elems[4]  # serial, signature, issuer, validity, subject
    return der[a:b]


def cert_request(dn):
    types = b"\x02\x01\x40"  # rsa_sign, ecdsa_sign
    sigs = struct.pack(">HHH", 4, 0x0401, 0x0403)
    dns = struct.pack(">H", len(dn)) + dn
    return hs(13, types + sigs + struct.pack(">H", len(dns)) + dns)


def main():
    with open(os.path.join(HERE, "x509", "leaf.der"), "rb") as f:
        leaf = f.read()
    with open(os.path.join(HERE, "x509", "ca.der"), "rb") as f:
        ca = f.read()
    flight = record(22, server_hello(1) + certificate([leaf, ca]) + cert_request(ca_subject(ca))
                    + hs(14, b""))
    third = (len(flight) + 2) // 3
    parts = [flight[:third], flight[third:2 * third], flight[2 * third:]]
    client_flight = (record(22, certificate([leaf]) + hs(16, struct.pack(">H", 64) + bytes(range(64))))
                     + record(20, b"\x01") + record(22, bytes(range(40))))
    half = len(client_flight) // 2
    server_fin = record(20, b"\x01") + record(22, bytes(range(100, 140)))

    A, S = (AUTH, SUP), (SUP, AUTH)
    msgs = [
        (A, eap(1, 10, 1)),
        (S, eap(2, 10, 1, b"carol@example.org")),
        (A, eap(1, 11, 13, tls_flags(0x20))),
        (S, eap(2, 11, 13, tls_flags(0x00, client_hello(5)))),
        (A, eap(1, 12, 13, tls_flags(0xC0, parts[0], len(flight)))),
        (S, eap(2, 12, 13, tls_flags(0x00))),
        (A, eap(1, 13, 13, tls_flags(0x40, parts[1]))),
        (S, eap(2, 13, 13, tls_flags(0x00))),
        (A, eap(1, 14, 13, tls_flags(0x00, parts[2]))),
        (S, eap(2, 14, 13, tls_flags(0xC0, client_flight[:half], len(client_flight)))),
        (A, eap(1, 15, 13, tls_flags(0x00))),
        (S, eap(2, 15, 13, tls_flags(0x00, client_flight[half:]))),
        (A, eap(1, 16, 13, tls_flags(0x80, server_fin))),
        (S, eap(2, 16, 13, tls_flags(0x00))),
        (A, eap(3, 16)),
        # a second authentication: PEAP (version 0)
        (A, eap(1, 20, 1)),
        (S, eap(2, 20, 1, b"dave@example.org")),
        (A, eap(1, 21, 25, tls_flags(0x20))),
        (S, eap(2, 21, 25, tls_flags(0x00, client_hello(9)))),
        (A, eap(1, 22, 25, tls_flags(0x00, record(22, server_hello(2) + hs(14, b""))))),
        (S, eap(2, 22, 25, tls_flags(0x00, record(20, b"\x01") + record(23, bytes(range(48)))))),
        # a fragment dropped by a new Start, then an unfragmented ClientHello
        (A, eap(1, 23, 13, tls_flags(0xC0, parts[0], len(flight)))),
        (A, eap(1, 24, 13, tls_flags(0x20))),
        (S, eap(2, 24, 13, tls_flags(0x00, client_hello(7)))),
    ]
    pkts = []
    for i, ((src, dst), body) in enumerate(msgs):
        pk = eapol(src, dst, body)
        pk.time = T0 + i * 0.01
        pkts.append(pk)
    wrpcap(os.path.join(HERE, "eaptls.pcap"), pkts)


if __name__ == "__main__":
    main()
