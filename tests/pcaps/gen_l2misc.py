#!/usr/bin/python3
"""Writes tests/pcaps/l2misc.pcap: 802.1X/EAP, syslog and TFTP for trawl's eapol/eap/syslog/tftp
dissectors and the goldens l2misc-1..3:

  1  EAPOL-Start (padded to 60 bytes: the rest is Ethernet padding)
  2  EAP Request/Identity        3  EAP Response/Identity
  4  EAP Request/MD5-Challenge   5  EAP Response/Nak (desired MD5)
  6  EAP Request/TLS Start       7  EAP Success
  8  EAPOL-Key, RSN descriptor, 4-way handshake message 1
  9  syslog <34> with an RFC 3164 header   10  syslog without PRI
 11  TFTP read request with blksize option (client port 40000 -> 69)
 12  TFTP data block 1 from the server's new port 50000 (a new udp.stream)
 13  TFTP ack   14  TFTP last data block (short)   15  TFTP ack
 16  TFTP write request, 17 TFTP error (file exists) from port 50001

Deterministic: fixed timestamps, addresses and bytes. Run: /usr/bin/python3 tests/pcaps/gen_l2misc.py"""
import os
import struct

from scapy.all import IP, UDP, Ether, Raw, wrpcap

HERE = os.path.dirname(os.path.abspath(__file__))
T0 = 1700000000
SUP, AUTH = "00:00:5e:00:53:10", "00:00:5e:00:53:20"
PAE = "01:80:c2:00:00:03"


def eapol(src, dst, typ, body, ver=2):
    return Ether(src=src, dst=dst, type=0x888E) / Raw(struct.pack(">BBH", ver, typ, len(body)) + body)


def eap(code, ident, typ=None, data=b""):
    body = b"" if typ is None else bytes([typ]) + data
    return struct.pack(">BBH", code, ident, 4 + len(body)) + body


def rsn_msg1():
    ki = 0x008A
    body = struct.pack(">BHH", 2, ki, 16) + struct.pack(">Q", 1) + bytes(range(32))
    body += bytes(16) + bytes(8) + bytes(8) + bytes(16) + struct.pack(">H", 0)
    return body


def udp(src, dst, sport, dport, payload):
    return Ether(src=SUP, dst=AUTH) / IP(src=src, dst=dst, id=1) / UDP(sport=sport, dport=dport) / Raw(payload)


def main():
    C, S = "192.0.2.30", "198.51.100.40"
    pkts = [
        eapol(SUP, PAE, 1, b""),
        eapol(AUTH, SUP, 0, eap(1, 1, 1)),
        eapol(SUP, AUTH, 0, eap(2, 1, 1, b"alice@example.org")),
        eapol(AUTH, SUP, 0, eap(1, 2, 4, bytes([16]) + bytes(range(16)) + b"auth")),
        eapol(SUP, AUTH, 0, eap(2, 2, 3, bytes([4]))),
        eapol(AUTH, SUP, 0, eap(1, 3, 13, bytes([0x20]))),
        eapol(AUTH, SUP, 0, eap(3, 3)),
        eapol(AUTH, SUP, 3, rsn_msg1()),
        udp(C, S, 51514, 514, b"<34>Oct 11 22:14:15 mymachine su: 'su root' failed for lonvick"),
        udp(C, S, 51514, 514, b"no priority here\n"),
        udp(C, S, 40000, 69, b"\x00\x01boot.img\x00octet\x00blksize\x001024\x00"),
        udp(S, C, 50000, 40000, b"\x00\x03\x00\x01" + bytes(1024)),
        udp(C, S, 40000, 50000, b"\x00\x04\x00\x01"),
        udp(S, C, 50000, 40000, b"\x00\x03\x00\x02" + b"tail"),
        udp(C, S, 40000, 50000, b"\x00\x04\x00\x02"),
        udp(C, S, 40001, 69, b"\x00\x02notes.txt\x00netascii\x00"),
        udp(S, C, 50001, 40001, b"\x00\x05\x00\x06File already exists\x00"),
    ]
    for i, p in enumerate(pkts):
        p.time = T0 + i * 0.25
    wrpcap(os.path.join(HERE, "l2misc.pcap"), pkts)


main()
