#!/usr/bin/python3
"""Generate tests/pcaps/mail.pcap: SMTP, IMAP, Telnet and MySQL sessions.

  1  SMTP (25): greeting, EHLO with a multi-line reply, AUTH LOGIN (user and password lines),
     MAIL/RCPT, DATA over three segments (the last one with the EOM), so IMF gets the message
     reassembled, QUIT
  2  SMTP (587): EHLO, STARTTLS, 220, then a TLS ClientHello (the connection is TLS's)
  3  IMAP (143): greeting, LOGIN, SELECT, UID FETCH with a literal (the message goes to IMF),
     a tagged OK over two segments, LOGOUT
  4  Telnet (23): option negotiation (DO/WILL/WONT), NAWS and terminal type suboptions, data
  5  MySQL (3306): greeting, login request, query, a result set (header, field, EOF, row,
     EOF in one segment), an error
  6  MySQL (3306): greeting, SSL request, then a TLS ClientHello

Deterministic: fixed timestamps. Run with /usr/bin/python3."""
import os
import struct

from scapy.layers.inet import IP, TCP
from scapy.layers.l2 import Ether
from scapy.packet import Raw
from scapy.utils import wrpcap

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "mail.pcap")
MAC_C, MAC_S = "02:00:00:00:00:0c", "02:00:00:00:00:05"
CLI, SRV = "192.0.2.40", "198.51.100.25"
pkts = []
T = [1700000000.0]


def emit(p):
    T[0] += 0.001
    p.time = round(T[0], 6)
    pkts.append(p)


class Conn:
    def __init__(self, cport, sport):
        self.cport, self.sport = cport, sport
        self.cseq, self.sseq = 1000 + cport, 70000 + cport
        emit(Ether(src=MAC_C, dst=MAC_S) / IP(src=CLI, dst=SRV) /
             TCP(sport=cport, dport=sport, seq=self.cseq - 1, flags="S", window=65535))
        emit(Ether(src=MAC_S, dst=MAC_C) / IP(src=SRV, dst=CLI) /
             TCP(sport=sport, dport=cport, seq=self.sseq - 1, ack=self.cseq, flags="SA", window=65535))
        self.pkt(True, "A")

    def pkt(self, cli, flags, data=b""):
        if cli:
            p = Ether(src=MAC_C, dst=MAC_S) / IP(src=CLI, dst=SRV) / TCP(
                sport=self.cport, dport=self.sport, seq=self.cseq, ack=self.sseq, flags=flags, window=65535)
        else:
            p = Ether(src=MAC_S, dst=MAC_C) / IP(src=SRV, dst=CLI) / TCP(
                sport=self.sport, dport=self.cport, seq=self.sseq, ack=self.cseq, flags=flags, window=65535)
        if data:
            p = p / Raw(data)
        emit(p)
        n = len(data) + (1 if "F" in flags else 0)
        if cli:
            self.cseq += n
        else:
            self.sseq += n

    def c(self, data):
        self.pkt(True, "PA", data)

    def s(self, data):
        self.pkt(False, "PA", data)

    def close(self):
        self.pkt(True, "FA")
        self.pkt(False, "FA")
        self.pkt(True, "A")


def client_hello():
    body = struct.pack(">H", 0x0303) + bytes(range(32)) + b"\x00" + struct.pack(">H", 2) + \
        b"\x13\x01" + b"\x01\x00" + struct.pack(">H", 0)
    hs = b"\x01" + struct.pack(">I", len(body))[1:] + body
    return b"\x16\x03\x01" + struct.pack(">H", len(hs)) + hs


# 1: SMTP with AUTH LOGIN and a DATA phase over three segments
c = Conn(40001, 25)
c.s(b"220 mail.example.org ESMTP ready\r\n")
c.c(b"EHLO client.example.com\r\n")
c.s(b"250-mail.example.org\r\n250-PIPELINING\r\n250-AUTH LOGIN PLAIN\r\n250 8BITMIME\r\n")
c.c(b"AUTH LOGIN\r\n")
c.s(b"334 VXNlcm5hbWU6\r\n")
c.c(b"YWxpY2U=\r\n")
c.s(b"334 UGFzc3dvcmQ6\r\n")
c.c(b"c2VjcmV0\r\n")
c.s(b"235 2.7.0 Authentication successful\r\n")
c.c(b"MAIL FROM:<alice@example.com>\r\n")
c.s(b"250 2.1.0 Ok\r\n")
c.c(b"RCPT TO:<bob@example.org>\r\n")
c.s(b"250 2.1.5 Ok\r\n")
c.c(b"DATA\r\n")
c.s(b"354 End data with <CR><LF>.<CR><LF>\r\n")
c.c(b"From: Alice <alice@example.com>\r\nTo: Bob <bob@example.org>, carol@example.org\r\n"
    b"Subject: Test message\r\nDate: Tue, 14 Nov 2023 22:13:20 +0000\r\n")
c.c(b"Message-ID: <1234@example.com>\r\nX-Custom: folded\r\n value\r\n\r\nHello Bob,\r\n")
c.c(b"this is the body.\r\n.\r\n")
c.s(b"250 2.0.0 Ok: queued as 4711\r\n")
c.c(b"QUIT\r\n")
c.s(b"221 2.0.0 Bye\r\n")
c.close()

# 2: SMTP submission with STARTTLS
c = Conn(40002, 587)
c.s(b"220 mail.example.org ESMTP\r\n")
c.c(b"EHLO client\r\n")
c.s(b"250-mail.example.org\r\n250 STARTTLS\r\n")
c.c(b"STARTTLS\r\n")
c.s(b"220 2.0.0 Ready to start TLS\r\n")
c.c(client_hello())
c.close()

# 3: IMAP
c = Conn(40003, 143)
c.s(b"* OK [CAPABILITY IMAP4rev1 STARTTLS] ready\r\n")
c.c(b"a1 LOGIN \"alice\" \"secret\"\r\n")
c.s(b"a1 OK LOGIN completed\r\n")
c.c(b"a2 SELECT INBOX\r\n")
c.s(b"* 1 EXISTS\r\n* 0 RECENT\r\na2 OK [READ-WRITE] SELECT completed\r\n")
c.c(b"a3 UID FETCH 1 (BODY[])\r\n")
msg = b"From: carol@example.org\r\nSubject: hi\r\n\r\nshort\r\n"
c.s(b"* 1 FETCH (UID 7 BODY[] {%d}\r\n" % len(msg) + msg[:20])
c.s(msg[20:] + b")\r\n")
c.s(b"a3 OK FETCH completed\r\n")
c.c(b"a4 LOGOUT\r\n")
c.s(b"* BYE logging out\r\na4 OK LOGOUT completed\r\n")
c.close()

# 4: Telnet
c = Conn(40004, 23)
c.s(b"\xff\xfd\x18\xff\xfd\x1f\xff\xfb\x01\xff\xfb\x03")
c.c(b"\xff\xfb\x18\xff\xfb\x1f\xff\xfd\x01\xff\xfd\x03")
c.c(b"\xff\xfa\x1f\x00\x50\x00\x18\xff\xf0")
c.s(b"\xff\xfa\x18\x01\xff\xf0")
c.c(b"\xff\xfa\x18\x00xterm\xff\xf0")
c.s(b"\r\nlogin: ")
c.c(b"alice\r\x00")
c.s(b"Password: ")
c.c(b"\xff\xfc\x20secret\r\n")
c.close()


def my(num, payload):
    return struct.pack("<I", len(payload))[:3] + bytes([num]) + payload


def lenenc(b):
    return bytes([len(b)]) + b


# 5: MySQL with a query and a result set
c = Conn(40005, 3306)
greet = b"\x0a" + b"8.0.28\x00" + struct.pack("<I", 42) + b"abcdefgh\x00" + struct.pack("<H", 0xffff) + \
    b"\xff" + struct.pack("<H", 2) + struct.pack("<H", 0xdfff) + b"\x15" + b"\x00" * 10 + \
    b"ijklmnopqrst\x00" + b"mysql_native_password\x00"
c.s(my(0, greet))
login = struct.pack("<H", 0xa68d) + struct.pack("<H", 0x000b) + struct.pack("<I", 16777216) + b"\x2d" + \
    b"\x00" * 23 + b"root\x00" + lenenc(bytes(range(20))) + b"test\x00" + b"mysql_native_password\x00"
c.c(my(1, login))
c.s(my(2, b"\x00\x00\x00\x02\x00\x00\x00"))
c.c(my(0, b"\x03select 1"))
field = lenenc(b"def") + lenenc(b"") + lenenc(b"") + lenenc(b"") + lenenc(b"1") + lenenc(b"") + \
    b"\x0c" + struct.pack("<H", 63) + struct.pack("<I", 1) + b"\x08" + struct.pack("<H", 0x81) + b"\x00" + b"\x00\x00"
eof = b"\xfe\x00\x00\x02\x00"
c.s(my(1, b"\x01") + my(2, field) + my(3, eof) + my(4, lenenc(b"1")) + my(5, eof))
c.c(my(0, b"\x03select * from nope"))
c.s(my(1, b"\xff" + struct.pack("<H", 1146) + b"#42S02" + b"Table 'test.nope' doesn't exist"))
c.c(my(0, b"\x01"))
c.close()

# 6: MySQL SSL request, then TLS
c = Conn(40006, 3306)
c.s(my(0, greet))
ssl = struct.pack("<H", 0xae8d) + struct.pack("<H", 0x000b) + struct.pack("<I", 16777216) + b"\x2d" + b"\x00" * 23
c.c(my(1, ssl))
c.c(client_hello())
c.close()

wrpcap(OUT, pkts)
print("wrote", OUT, len(pkts), "packets")
