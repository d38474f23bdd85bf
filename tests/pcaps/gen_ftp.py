#!/usr/bin/python3
"""Generate tests/pcaps/ftp.pcap: FTP control and data connections (tshark: ftp, ftp-data).

  control 10.0.0.1:40000 -> 10.0.0.2:21
    a multi-line 220 welcome in one segment, USER/PASS, PWD (257), CWD (250), CDUP (250),
    PASV (227) + a data connection to the passive port carrying a RETR text file,
    LIST split over two segments ("LI" then "ST -la"), EPSV (229) + a data connection,
    PORT + a binary STOR from server port 20, EPRT |1|..| + a data connection from port 20,
    a 227 whose address differs from the server's (NAT), a bad EPSV reply, QUIT/221
  control 10.0.0.1:40010 -> 10.0.0.3:21: AUTH TLS, 234, then TLS records on the connection
  implicit FTPS: 10.0.0.1:40020 -> 10.0.0.3:990 with a TLS ClientHello
  IPv6 control [2001:db8::1]:40030 -> [2001:db8::2]:21: EPSV + a data connection, EPRT |2|..|

Deterministic: fixed timestamps. Run with /usr/bin/python3."""
import os
import struct

from scapy.layers.inet import IP, TCP
from scapy.layers.inet6 import IPv6
from scapy.layers.l2 import Ether
from scapy.packet import Raw
from scapy.utils import wrpcap

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "ftp.pcap")
MAC_C, MAC_S = "02:00:00:00:00:0c", "02:00:00:00:00:05"
pkts = []
T = [1700000000.0]


def emit(p):
    T[0] += 0.001
    p.time = round(T[0], 6)
    pkts.append(p)


class Conn:
    def __init__(self, cli, srv, cport, sport, handshake=True):
        self.cli, self.srv, self.cport, self.sport = cli, srv, cport, sport
        self.cseq, self.sseq = 1000 + cport, 70000 + cport
        if handshake:
            self.raw(True, "S", seq=self.cseq - 1, ack=0)
            self.raw(False, "SA", seq=self.sseq - 1, ack=self.cseq)
            self.pkt(True, "A")

    def ip(self, fromcli):
        s, d = (self.cli, self.srv) if fromcli else (self.srv, self.cli)
        if ":" in s:
            return IPv6(src=s, dst=d)
        return IP(src=s, dst=d)

    def raw(self, fromcli, flags, seq, ack):
        e = Ether(src=MAC_C, dst=MAC_S) if fromcli else Ether(src=MAC_S, dst=MAC_C)
        sp, dp = (self.cport, self.sport) if fromcli else (self.sport, self.cport)
        emit(e / self.ip(fromcli) / TCP(sport=sp, dport=dp, seq=seq, ack=ack, flags=flags,
                                         window=65535))

    def pkt(self, fromcli, flags, data=b""):
        e = Ether(src=MAC_C, dst=MAC_S) if fromcli else Ether(src=MAC_S, dst=MAC_C)
        sp, dp = (self.cport, self.sport) if fromcli else (self.sport, self.cport)
        seq, ack = (self.cseq, self.sseq) if fromcli else (self.sseq, self.cseq)
        p = e / self.ip(fromcli) / TCP(sport=sp, dport=dp, seq=seq, ack=ack, flags=flags,
                                        window=65535)
        if data:
            p = p / Raw(data)
        emit(p)
        n = len(data) + (1 if "F" in flags else 0)
        if fromcli:
            self.cseq += n
        else:
            self.sseq += n

    def req(self, line):
        self.pkt(True, "PA", line)
        self.pkt(False, "A")

    def resp(self, line):
        self.pkt(False, "PA", line)
        self.pkt(True, "A")

    def close(self, cli_first=True):
        self.pkt(cli_first, "FA")
        self.pkt(not cli_first, "FA")
        self.pkt(cli_first, "A")


def data_conn(cli, srv, cport, sport, payloads, from_srv=True):
    d = Conn(cli, srv, cport, sport)
    for b in payloads:
        d.pkt(not from_srv, "PA", b)
        d.pkt(from_srv, "A")
    d.close(cli_first=not from_srv)


def tls_record(ctype, body):
    return struct.pack("!BHH", ctype, 0x0301, len(body)) + body


def client_hello():
    random = bytes(range(32))
    body = struct.pack("!H", 0x0303) + random + b"\x00" + struct.pack("!HH", 2, 0x002f) + b"\x01\x00"
    hs = b"\x01" + struct.pack("!I", len(body))[1:] + body
    return tls_record(22, hs)


def server_hello():
    random = bytes(range(32, 64))
    body = struct.pack("!H", 0x0303) + random + b"\x00" + struct.pack("!H", 0x002f) + b"\x00"
    hs = b"\x02" + struct.pack("!I", len(body))[1:] + body
    return tls_record(22, hs) + tls_record(22, b"\x0e\x00\x00\x00")


CLI, SRV = "10.0.0.1", "10.0.0.2"
c = Conn(CLI, SRV, 40000, 21)
c.resp(b"220-Welcome to the test server\r\n220-Second line of the banner\r\n 3 spaces line\r\n220 Ready\r\n")
c.req(b"USER anonymous\r\n")
c.resp(b"331 Please specify the password.\r\n")
c.req(b"PASS guest@\r\n")
c.resp(b"230 Login successful.\r\n")
c.req(b"PWD\r\n")
c.resp(b"257 \"/pub\" is the current directory\r\n")
c.req(b"CWD docs/old\r\n")
c.resp(b"250 Directory successfully changed.\r\n")
c.req(b"CDUP\r\n")
c.resp(b"250 Directory successfully changed.\r\n")
c.req(b"TYPE I\r\n")
c.resp(b"200 Switching to Binary mode.\r\n")
c.req(b"PASV\r\n")
c.resp(b"227 Entering Passive Mode (10,0,0,2,195,80).\r\n")
c.req(b"RETR notes.txt\r\n")
c.resp(b"150 Opening BINARY mode data connection for notes.txt (26 bytes).\r\n")
data_conn(CLI, SRV, 40001, 50000, [b"first line\r\nsecond line\r\n"])
c.resp(b"226 Transfer complete.\r\n")
c.req(b"EPSV\r\n")
c.resp(b"229 Entering Extended Passive Mode (|||50001|)\r\n")
c.pkt(True, "PA", b"LI")
c.pkt(True, "PA", b"ST -la\r\n")
c.pkt(False, "A")
c.resp(b"150 Here comes the directory listing.\r\n")
data_conn(CLI, SRV, 40002, 50001, [b"-rw-r--r-- 1 ftp ftp 26 Jan 01 00:00 notes.txt\r\n"])
c.resp(b"226 Directory send OK.\r\n")
c.req(b"PORT 10,0,0,1,157,0\r\n")
c.resp(b"200 PORT command successful.\r\n")
c.req(b"STOR upload.bin\r\n")
c.resp(b"150 Ok to send data.\r\n")
data_conn(SRV, CLI, 20, 40192, [bytes(range(0, 256, 3)), bytes(range(1, 200, 7))], from_srv=False)
c.resp(b"226 Transfer complete.\r\n")
c.req(b"EPRT |1|10.0.0.1|40300|\r\n")
c.resp(b"200 EPRT command successful.\r\n")
c.req(b"NLST\r\n")
c.resp(b"150 Here comes the directory listing.\r\n")
data_conn(SRV, CLI, 20, 40300, [b"notes.txt\r\nupload.bin\r\n"], from_srv=False)
c.resp(b"226 Directory send OK.\r\n")
c.req(b"PASV\r\n")
c.resp(b"227 Entering Passive Mode (192,0,2,9,195,90).\r\n")
c.req(b"EPSV\r\n")
c.resp(b"229 Extended Passive Mode not today\r\n")
c.req(b"SIZE notes.txt\r\n")
c.resp(b"213 26\r\n")
c.req(b"QUIT\r\n")
c.resp(b"221 Goodbye.\r\n")
c.close()

# explicit FTPS
c = Conn(CLI, "10.0.0.3", 40010, 21)
c.resp(b"220 FTPS ready\r\n")
c.req(b"AUTH TLS\r\n")
c.resp(b"234 Proceed with negotiation.\r\n")
c.pkt(True, "PA", client_hello())
c.pkt(False, "PA", server_hello())
c.pkt(True, "PA", tls_record(23, bytes(range(40))))
c.pkt(False, "PA", tls_record(23, bytes(range(40, 90))))
c.close()

# implicit FTPS
c = Conn(CLI, "10.0.0.3", 40020, 990)
c.pkt(True, "PA", client_hello())
c.pkt(False, "PA", server_hello())
c.pkt(True, "A")
c.close()

# IPv6
C6, S6 = "2001:db8::1", "2001:db8::2"
c = Conn(C6, S6, 40030, 21)
c.resp(b"220 IPv6 server\r\n")
c.req(b"EPSV\r\n")
c.resp(b"229 Entering Extended Passive Mode (|||50010|)\r\n")
c.req(b"LIST\r\n")
c.resp(b"150 Here comes the directory listing.\r\n")
data_conn(C6, S6, 40031, 50010, [b"drwxr-xr-x 2 ftp ftp 4096 Jan 01 00:00 pub\r\n"])
c.resp(b"226 Directory send OK.\r\n")
c.req(b"EPRT |2|2001:db8::1|40400|\r\n")
c.resp(b"200 EPRT command successful.\r\n")
c.req(b"RETR x\r\n")
c.resp(b"150 Opening data connection.\r\n")
data_conn(S6, C6, 20, 40400, [b"\x00\x01binary"], from_srv=False)
c.resp(b"226 Transfer complete.\r\n")
c.req(b"EPRT |x|bad|\r\n")
c.resp(b"500 Bad EPRT\r\n")
c.close()

wrpcap(OUT, pkts)
