#!/usr/bin/python3
"""Generate tests/pcaps/pgsql.pcap: PostgreSQL v3 sessions on TCP 5432 built byte by byte.

Streams:
 1. SSLRequest refused ('N'), startup message, MD5 authentication (request, password message),
    AuthenticationOk + ParameterStatus x3 + BackendKeyData + ReadyForQuery in one segment, a
    simple query answered by RowDescription (2 columns), DataRows (one with a NULL), the last
    DataRow split over two segments, CommandComplete, ReadyForQuery; an extended query (Parse,
    Bind, Describe, Execute, Sync) answered by ParseComplete, BindComplete, RowDescription,
    DataRow, CommandComplete, ReadyForQuery; a query failing with an ErrorResponse; a
    NotificationResponse; Terminate.
 2. SCRAM-SHA-256 (SASL) authentication messages.
 3. SSLRequest accepted ('S'): the conversation goes on in TLS (a ClientHello record).

Deterministic: fixed timestamps. Run with /usr/bin/python3 (Debian's scapy)."""
import os
import struct

from scapy.layers.inet import IP, TCP
from scapy.layers.l2 import Ether
from scapy.packet import Raw
from scapy.utils import wrpcap

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "pcaps", "pgsql.pcap")

MAC_A, MAC_B = "02:00:00:00:00:0a", "02:00:00:00:00:0b"
CLI, SRV = "192.0.2.10", "198.51.100.54"

pkts = []
T = [1767225600.0]


def step():
    T[0] += 0.001
    return T[0]


def u16(v):
    return struct.pack("!H", v)


def u32(v):
    return struct.pack("!I", v)


def i32(v):
    return struct.pack("!i", v)


def z(s):
    return s.encode() + b"\x00"


def msg(t, body=b""):
    return t.encode() + u32(len(body) + 4) + body


def untyped(code, body=b""):
    return u32(len(body) + 8) + u32(code) + body


class Conn:
    def __init__(self, cport, sport=5432):
        self.cport, self.sport = cport, sport
        self.cseq, self.sseq = 7000, 9000

    def seg(self, from_client, data, flags="PA"):
        if from_client:
            ip = IP(src=CLI, dst=SRV)
            tcp = TCP(sport=self.cport, dport=self.sport, seq=self.cseq, ack=self.sseq, flags=flags)
            self.cseq += len(data)
        else:
            ip = IP(src=SRV, dst=CLI)
            tcp = TCP(sport=self.sport, dport=self.cport, seq=self.sseq, ack=self.cseq, flags=flags)
            self.sseq += len(data)
        eth = Ether(src=MAC_A, dst=MAC_B) if from_client else Ether(src=MAC_B, dst=MAC_A)
        p = eth / ip / tcp
        if data:
            p = p / Raw(data)
        p.time = step()
        pkts.append(p)

    def open(self):
        self.seg(True, b"", "S")
        self.cseq += 1
        self.seg(False, b"", "SA")
        self.sseq += 1
        self.seg(True, b"", "A")

    def close(self):
        self.seg(True, b"", "FA")
        self.cseq += 1
        self.seg(False, b"", "FA")
        self.sseq += 1
        self.seg(True, b"", "A")


def rowdesc(cols):
    b = u16(len(cols))
    for i, (name, typ, size) in enumerate(cols):
        b += z(name) + u32(16384) + u16(i + 1) + u32(typ) + struct.pack("!h", size) + i32(-1) + u16(0)
    return msg("T", b)


def datarow(vals):
    b = u16(len(vals))
    for v in vals:
        b += i32(-1) if v is None else i32(len(v)) + v.encode()
    return msg("D", b)


# 1. a plain session
c = Conn(41000)
c.open()
c.seg(True, untyped(80877103))
c.seg(False, b"N")
params = z("user") + z("alice") + z("database") + z("shop") + z("application_name") + z("psql") + b"\x00"
c.seg(True, u32(len(params) + 8) + u16(3) + u16(0) + params)
c.seg(False, msg("R", u32(5) + bytes([0x9e, 0x66, 0xd5, 0x9b])))
c.seg(True, msg("p", z("md57e45bd227c38f260985f33fc27745946")))
c.seg(False, msg("R", u32(0)) + msg("S", z("server_version") + z("16.2")) +
      msg("S", z("client_encoding") + z("UTF8")) + msg("S", z("DateStyle") + z("ISO, MDY")) +
      msg("K", u32(4242) + u32(123456789)) + msg("Z", b"I"))
c.seg(True, msg("Q", z("SELECT id, name FROM items ORDER BY id;")))
rows = rowdesc([("id", 23, 4), ("name", 25, -1)]) + datarow(["1", "apple"]) + \
    datarow(["2", None]) + datarow(["3", "cherry"])
last = datarow(["4", "a much longer name that will be split over two segments"])
c.seg(False, rows + last[:20])
c.seg(False, last[20:] + msg("C", z("SELECT 4")) + msg("Z", b"I"))
c.seg(True, msg("P", z("s1") + z("SELECT name FROM items WHERE id = $1") + u16(1) + u32(23)) +
      msg("B", z("") + z("s1") + u16(1) + u16(0) + u16(1) + i32(1) + b"2" + u16(1) + u16(0)) +
      msg("D", b"P" + z("")) + msg("E", z("") + u32(0)) + msg("S"))
c.seg(False, msg("1") + msg("2") + rowdesc([("name", 25, -1)]) + datarow(["banana"]) +
      msg("C", z("SELECT 1")) + msg("Z", b"I"))
c.seg(True, msg("Q", z("SELECT * FROM nosuch;")))
c.seg(False, msg("E", b"S" + z("ERROR") + b"V" + z("ERROR") + b"C" + z("42P01") +
                 b"M" + z('relation "nosuch" does not exist') + b"P" + z("15") +
                 b"F" + z("parse_relation.c") + b"L" + z("1449") + b"R" + z("parserOpenTable") +
                 b"\x00") + msg("Z", b"I"))
c.seg(False, msg("A", u32(4243) + z("items_changed") + z("id=4")))
c.seg(True, msg("X"))
c.close()

# 2. SASL
c = Conn(41001)
c.open()
params = z("user") + z("bob") + b"\x00"
c.seg(True, u32(len(params) + 8) + u16(3) + u16(0) + params)
c.seg(False, msg("R", u32(10) + z("SCRAM-SHA-256") + b"\x00"))
first = b"n,,n=,r=rOprNGfwEbeRWgbNEkqO"
c.seg(True, msg("p", z("SCRAM-SHA-256") + u32(len(first)) + first))
c.seg(False, msg("R", u32(11) + b"r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096"))
c.seg(True, msg("p", b"c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ="))
c.seg(False, msg("R", u32(12) + b"v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=") + msg("R", u32(0)) +
      msg("Z", b"I"))
c.seg(True, msg("X"))
c.close()

# 3. SSLRequest accepted: TLS follows
c = Conn(41002)
c.open()
c.seg(True, untyped(80877103))
c.seg(False, b"S")
hello = bytes([1]) + b"\x00\x00\x2a" + b"\x03\x03" + bytes(32) + b"\x00" + b"\x00\x02\x13\x01" + b"\x01\x00" + b"\x00\x00"
hello = bytes([1]) + struct.pack("!I", len(hello) - 4)[1:] + hello[4:]
c.seg(True, b"\x16\x03\x01" + u16(len(hello)) + hello)
c.close()

wrpcap(OUT, pkts)
print(OUT, len(pkts))
