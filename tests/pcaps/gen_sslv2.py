#!/usr/bin/python3
"""Writes tests/pcaps/sslv2.pcap: an SSL 2.0 handshake as tshark 4.0 dissects it (its
dissect_ssl2_record): a ClientHello, a ServerHello with a certificate (x509/leaf.der from
gen_x509.py), cipher specs and a connection ID, a ClientMasterKey (clear key, encrypted key,
key argument), then records the handshake leaves encrypted ("Encrypted Data"), one of them
with the three-byte header (escape bit, padding length), and two records in one segment.
Run with /usr/bin/python3 (Debian's scapy)."""
import os
import sys

from scapy.utils import wrpcap

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from tlsgen import TcpConv, clock, fill, u8, u16  # noqa: E402

step = clock(1767225900.0)


def rec2(body):
    """a record with the two-byte header"""
    return u16(0x8000 | len(body)) + body


def rec3(body, pad, escape=False):
    """a record with the three-byte header: length, escape bit, padding length"""
    return u16((0x4000 if escape else 0) | len(body)) + u8(pad) + body


SPECS = bytes.fromhex("0700c0050080030080010080060040")


def main():
    with open(os.path.join(HERE, "x509", "leaf.der"), "rb") as f:
        cert = f.read()
    pkts = []
    cv = TcpConv(pkts, step, "192.0.2.60", "198.51.100.70", 50100, 443)
    challenge = fill(3, 16)
    cv.c(rec2(u8(1) + u16(0x0002) + u16(len(SPECS)) + u16(0) + u16(len(challenge)) + SPECS + challenge))
    conn_id = fill(4, 16)
    cv.s(rec2(u8(4) + u8(0) + u8(1) + u16(0x0002) + u16(len(cert)) + u16(6) + u16(len(conn_id))
              + cert + SPECS[:6] + conn_id))
    clear, enc, arg = fill(5, 5), fill(6, 64), fill(7, 8)
    cv.c(rec2(u8(2) + SPECS[:3] + u16(len(clear)) + u16(len(enc)) + u16(len(arg)) + clear + enc + arg))
    cv.s(rec2(fill(8, 33)))
    cv.c(rec3(fill(9, 40), 7))
    cv.s(rec2(fill(10, 17)) + rec3(fill(11, 24), 3, escape=True))
    cv.close()
    wrpcap(os.path.join(HERE, "sslv2.pcap"), pkts)


if __name__ == "__main__":
    main()
