#!/usr/bin/python3
"""Writes tests/pcaps/tls-kex.pcap: TLS 1.2 (and one TLS 1.0) handshakes whose key exchange
messages depend on the cipher suite the ServerHello picks, one connection per class tshark 4.0
tells apart:
  - RSA_PSK (0xccae): ServerKeyExchange with a PSK identity hint, ClientKeyExchange with the
    identity and an encrypted premaster secret ("RSA PSK Client Params");
  - PSK (0x00a8): hint and identity only ("PSK Server/Client Params");
  - RSA export (0x0003, TLS 1.0): "RSA-EXPORT Server Params" (modulus, exponent, signature);
  - DH_anon (0x0034): Diffie-Hellman server params without a signature;
  - ECDH_anon (0xc018): EC Diffie-Hellman server params without a signature;
  - DHE_PSK (0xccad) and ECDHE_PSK (0xccac): left undissected by tshark 4.0;
  - DHE_DSS (0x0032) with a TLS 1.2 signature algorithm of DSA (SHA512 DSA, 0x0602).
Run with /usr/bin/python3 (Debian's scapy)."""
import os
import sys

from scapy.utils import wrpcap

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from tlsgen import TcpConv, clock, fill, hs, record, u8, u16, v8, v16  # noqa: E402

step = clock(1767226800.0)


def hello(htype, ver, suites, seed):
    body = u16(ver) + fill(seed, 32) + v8(b"")
    if htype == 1:
        body += v16(b"".join(u16(s) for s in suites)) + v8(b"\x00")
    else:
        body += u16(suites[0]) + u8(0)
    return hs(htype, body)


def signed(ver, alg, seed, n=64):
    return (u16(alg) if ver >= 0x0303 else b"") + v16(fill(seed, n))


def dh_params(seed):
    return v16(fill(seed, 64)) + v16(b"\x02") + v16(fill(seed + 1, 64))


def ec_params(seed):
    return u8(3) + u16(29) + v8(fill(seed, 32))


CASES = [
    # (suite, version, ServerKeyExchange body or None, ClientKeyExchange body)
    (0xccae, 0x0303, v16(b"hint-rsa-psk"), v16(b"Client_identity") + v16(fill(20, 128))),
    (0x00a8, 0x0303, v16(b"hint-psk"), v16(b"psk-client")),
    (0x0003, 0x0301, v16(fill(21, 64)) + v16(b"\x01\x00\x01") + signed(0x0301, 0, 22),
     v16(fill(23, 64))),
    (0x0034, 0x0303, dh_params(24), v16(fill(26, 64))),
    (0xc018, 0x0303, ec_params(27), v8(fill(28, 32))),
    (0xccad, 0x0303, v16(b"h") + dh_params(29), v16(b"id") + v16(fill(31, 64))),
    (0xccac, 0x0303, v16(b"h") + ec_params(32), v16(b"id") + v8(fill(33, 32))),
    (0x0032, 0x0303, dh_params(34) + signed(0x0303, 0x0602, 36), v16(fill(37, 64))),
]


def main():
    pkts = []
    for i, (suite, ver, ske, cke) in enumerate(CASES):
        cv = TcpConv(pkts, step, "192.0.2.80", "198.51.100.90", 50200 + i, 443)
        cv.c(record(22, hello(1, ver, [suite, 0x00ff], 40 + i), 0x0301))
        msgs = hello(2, ver, [suite], 60 + i)
        if ske is not None:
            msgs += hs(12, ske)
        msgs += hs(14, b"")
        cv.s(record(22, msgs, ver))
        cv.c(record(22, hs(16, cke), ver) + record(20, b"\x01", ver) + record(22, fill(80 + i, 40), ver))
        cv.s(record(20, b"\x01", ver) + record(22, fill(90 + i, 40), ver))
        cv.close()
    wrpcap(os.path.join(HERE, "tls-kex.pcap"), pkts)


if __name__ == "__main__":
    main()
