#!/usr/bin/python3
"""Writes tests/pcaps/server-port.pcap: which port's protocol TCP calls, and BGP NOTIFICATION
messages with RFC 8203 shutdown communications, for the goldens server-port-1 (-V) and -2
(-T fields):

  1     a SYN carrying data from port 20 to port 179 (a BGP NOTIFICATION): the server port
        (where the SYN went) is tried before the lower port, so BGP, not FTP-DATA
  2     the same bytes on a new connection without a SYN: FTP-DATA (the lower port)
  3-5   SYN 21 -> 5000, SYN+ACK 5000 -> 21, data 21 -> 5000: the server port is 5000 (no
        protocol), then the lower port 21 (FTP)
  6-    NOTIFICATIONs with Cease minor codes 2 and 4 (and 3, 9, 10 for comparison) whose
        communication fills the message exactly, is followed by more bytes, is longer than
        the message, is empty, or is longer than RFC 8203's 128 bytes

Deterministic: fixed timestamps and addresses. Run: /usr/bin/python3 tests/pcaps/gen_server_port.py"""
import os
import struct

from scapy.all import IP, TCP, Ether, Raw, wrpcap

HERE = os.path.dirname(os.path.abspath(__file__))
T0 = 1700000000


def notification(body):
    return b"\xff" * 16 + struct.pack(">HB", 19 + len(body), 3) + body


pkts = []


def add(pk):
    pk.time = T0 + len(pkts)
    pkts.append(pk)


A, B = "192.0.2.1", "192.0.2.2"
cease = notification(bytes([6, 10, 10]) + b"0123456789")
add(Ether() / IP(src=A, dst=B) / TCP(sport=20, dport=179, flags="S", seq=100) / Raw(cease))
add(Ether() / IP(src=A, dst=B) / TCP(sport=20, dport=180, flags="PA", seq=100, ack=1) /
    Raw(b"\xff" * 16 + b"\x00\x15\x03\x06\x02"))
add(Ether() / IP(src=A, dst=B) / TCP(sport=21, dport=5000, flags="S", seq=1000))
add(Ether() / IP(src=B, dst=A) / TCP(sport=5000, dport=21, flags="SA", seq=5000, ack=1001))
add(Ether() / IP(src=A, dst=B) / TCP(sport=21, dport=5000, flags="PA", seq=1001, ack=5001) /
    Raw(b"220 ready\r\n"))

seq = 1
for minor in (2, 4, 3, 9, 10):
    for comm, extra in ((b"0123456789", b""), (b"0123456789", b"X"), (b"shutdown", b"ExtraData"),
                        (b"", b""), (b"", b"ab"), (b"a" * 129, b""), (b"a" * 128, b"")):
        m = notification(bytes([6, minor, len(comm)]) + comm + extra)
        add(Ether() / IP(src="198.51.100.1", dst="198.51.100.2") /
            TCP(sport=30000, dport=179, flags="PA", seq=seq, ack=1) / Raw(m))
        seq += len(m)
    m = notification(bytes([6, minor, 20]) + b"short")
    add(Ether() / IP(src="198.51.100.1", dst="198.51.100.2") /
        TCP(sport=30000, dport=179, flags="PA", seq=seq, ack=1) / Raw(m))
    seq += len(m)
wrpcap(os.path.join(HERE, "server-port.pcap"), pkts)
