#!/usr/bin/python3
"""Writes tests/pcaps/nbns.pcap: NetBIOS Name Service (RFC 1002) datagrams on UDP 137, for
trawl's nbns.c and the goldens nbns-1 (-V) and nbns-2 (-T fields):

   1  name query NB WORKGROUP<1d> (broadcast)
   2  positive name query response, two NB entries (B-node unique, H-node group)
   3  node status query NBSTAT *<00>...
   4  node status response: five names (flags: active, group, P-node, conflict...), MAC, stats
   5  registration request, additional record by a name pointer (H-node)
   6  negative registration response (rcode 6, name owned by another node)
   7  release request
   8  refresh request (opcode 8) and 9  refresh (alternate opcode 9)
  10  WACK (opcode 7 response, RDATA = the request's flags)
  11  multi-homed registration (opcode 15)
  12  response with NULL, NS and A records (types tshark calls Unknown), one per section
  13  unknown opcode 3, and a name with a scope ID
  14  illegal first-level encodings (lower case, odd length, 15-byte name)
  15  additional NB record whose RDATA is 5 bytes ("incomplete entry")
  16  node status response announcing 3 names but carrying one ("incomplete entry")
  17  node status response cut by the snaplen (truncated)
  18  8 bytes: a header cut short (malformed)
  19  negative name query response (rcode 3) with RDLENGTH 0 ending the datagram
  20  TTL values: 0 seconds, one day and a bit, 0xffffffff (negative as tshark reads it)
  21  node status response echoing the question, its answer named by a pointer (2 bytes: tshark
      then keeps one character of each name in the table)

Deterministic: fixed timestamps and addresses. Run: /usr/bin/python3 tests/pcaps/gen_nbns.py"""
import os
import struct

from scapy.all import IP, UDP, Ether, Raw

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "nbns.pcap")
T0 = 1700000000

MAC_A = "00:11:22:33:44:55"
MAC_B = "00:aa:bb:cc:dd:ee"
BCAST = "ff:ff:ff:ff:ff:ff"
CLI = "192.168.1.10"
SRV = "192.168.1.5"
NET_BCAST = "192.168.1.255"


def encode(name, suffix, scope=b""):
    """first-level encoding of a 15-byte padded name plus its type byte, then the scope labels"""
    raw = (name if isinstance(name, bytes) else name.encode()).ljust(15, b" ")[:15] + bytes([suffix])
    enc = bytes(b for c in raw for b in (0x41 + (c >> 4), 0x41 + (c & 15)))
    out = bytes([32]) + enc
    for lab in scope.split(b".") if scope else []:
        out += bytes([len(lab)]) + lab
    return out + b"\0"


def encode_raw(label):
    """a name of one arbitrary label (for illegal encodings)"""
    return bytes([len(label)]) + label + b"\0"


def star():
    return bytes([32]) + bytes(b for c in b"*" + b"\0" * 15 for b in (0x41 + (c >> 4), 0x41 + (c & 15))) + b"\0"


def hdr(tid, flags, qd=0, an=0, ns=0, ar=0):
    return struct.pack("!HHHHHH", tid, flags, qd, an, ns, ar)


def question(name, qtype=32, qclass=1):
    return name + struct.pack("!HH", qtype, qclass)


def rr(name, rtype, rdata, ttl=300000, rclass=1, rdlen=None):
    n = len(rdata) if rdlen is None else rdlen
    return name + struct.pack("!HHIH", rtype, rclass, ttl, n) + rdata


def nb(flags, addr):
    return struct.pack("!H", flags) + bytes(int(x) for x in addr.split("."))


def nbstat_names(entries):
    out = bytes([len(entries)])
    for name, suffix, flags in entries:
        out += (name if isinstance(name, bytes) else name.encode()).ljust(15, b" ")[:15]
        out += bytes([suffix]) + struct.pack("!H", flags)
    return out


def stats(mac):
    out = bytes.fromhex(mac.replace(":", ""))
    out += bytes([0x01, 0x02])  # jumpers, test result
    out += struct.pack("!HH", 0x0300, 0x1234)  # version, period
    out += struct.pack("!HHHH", 1, 2, 3, 4)  # CRCs, alignment errors, collisions, send aborts
    out += struct.pack("!II", 100000, 200000)  # good sends, good receives
    out += struct.pack("!HHHHHHH", 5, 6, 7, 8, 9, 10, 1460)
    return out


records = []
t = 0.0


def add(payload, src=CLI, dst=NET_BCAST, smac=MAC_A, dmac=BCAST, sport=137, dport=137, cut=0):
    global t
    t += 0.25
    raw = bytes(Ether(src=smac, dst=dmac) / IP(src=src, dst=dst, id=1) /
                UDP(sport=sport, dport=dport) / Raw(payload))
    records.append((T0 + t, raw[:len(raw) - cut], len(raw)))


def reply(payload, **kw):
    add(payload, src=SRV, dst=CLI, smac=MAC_B, dmac=MAC_A, **kw)


def main():
    wg = encode("WORKGROUP", 0x1D)
    host0 = encode("HOSTA", 0x00)
    host20 = encode("HOSTA", 0x20)
    # 1, 2: name query and positive response
    add(hdr(0x1001, 0x0110, qd=1) + question(wg))
    reply(hdr(0x1001, 0x8500, an=1) +
          rr(wg, 32, nb(0x0000, "192.168.1.5") + nb(0xE000, "192.168.1.6")))
    # 3, 4: node status query and response
    add(hdr(0x1002, 0x0000, qd=1) + question(star(), 33), dst=SRV, dmac=MAC_B)
    names = [("HOSTA", 0x00, 0x0400), ("WORKGROUP", 0x00, 0x8400), ("HOSTA", 0x20, 0x0600),
             (b"\x01\x02__MSBROWSE__\x02", 0x01, 0x8400), ("PNODE", 0x03, 0x3C00)]
    reply(hdr(0x1002, 0x8400, an=1) + rr(star(), 33, nbstat_names(names) + stats(MAC_B), ttl=0))
    # 5, 6: registration and a negative registration response
    add(hdr(0x1003, 0x2910, qd=1, ar=1) + question(host0) +
        rr(b"\xc0\x0c", 32, nb(0x6000, CLI)))
    reply(hdr(0x1003, 0xAD86, an=1) + rr(host0, 32, nb(0x0000, "192.168.1.99"), ttl=0))
    # 7: release, 8: refresh, 9: refresh (alternate opcode)
    add(hdr(0x1004, 0x3010, qd=1, ar=1) + question(host0) + rr(b"\xc0\x0c", 32, nb(0x4000, CLI), ttl=0))
    add(hdr(0x1005, 0x4100, qd=1, ar=1) + question(host20) + rr(b"\xc0\x0c", 32, nb(0x2000, CLI)),
        dst=SRV, dmac=MAC_B)
    add(hdr(0x1006, 0x4900, qd=1, ar=1) + question(host20) + rr(b"\xc0\x0c", 32, nb(0x2000, CLI)),
        dst=SRV, dmac=MAC_B)
    # 10: WACK
    reply(hdr(0x1005, 0xBC00, an=1) + rr(host20, 32, struct.pack("!H", 0x4100), ttl=2))
    # 11: multi-homed registration
    add(hdr(0x1007, 0x7800, qd=1, ar=1) + question(host0) + rr(b"\xc0\x0c", 32, nb(0x6000, CLI)),
        dst=SRV, dmac=MAC_B)
    # 12: NULL answer, NS authority, A additional
    reply(hdr(0x1008, 0x8580, an=1, ns=1, ar=1) + rr(host0, 10, b"\x00\x00") +
          rr(encode("SCOPE", 0x00), 2, encode("NS", 0x20)) + rr(b"\xc0\x0c", 1, bytes([10, 0, 0, 1])))
    # 13: unknown opcode, a name with a scope ID
    add(hdr(0x1009, 0x1800, qd=1) + question(encode("SCOPED", 0x00, b"corp.example")))
    # 14: illegal names: lower case, odd length, 15 bytes long
    add(hdr(0x100A, 0x0110, qd=3) + question(encode_raw(b"abcd")) + question(encode_raw(b"ABC")) +
        question(encode_raw(b"A" * 30)))
    # 15: an NB RDATA of 5 bytes
    add(hdr(0x100B, 0x2910, qd=1, ar=1) + question(host0) +
        rr(b"\xc0\x0c", 32, nb(0x0000, CLI)[:5]))
    # 16: node status response claiming 3 names with 1
    reply(hdr(0x100C, 0x8400, an=1) + rr(star(), 33, bytes([3]) + b"ONLY".ljust(15) + b"\x00\x04\x00",
                                           ttl=0))
    # 17: node status response cut by the snaplen
    reply(hdr(0x100D, 0x8400, an=1) + rr(star(), 33, nbstat_names(names) + stats(MAC_B), ttl=0),
          cut=60)
    # 18: a header cut short
    add(struct.pack("!HHHH", 0x100E, 0x0110, 1, 0))
    # 19: negative name query response with RDLENGTH 0 at the end of the datagram
    reply(hdr(0x100F, 0x8583, an=1) + rr(wg, 32, b""))
    # 20: TTLs 0 and 90061 (1 day 1 hour 1 minute 1 second), 0xffffffff
    reply(hdr(0x1010, 0x8500, an=1, ar=2) + rr(host0, 32, nb(0x0000, SRV), ttl=0) +
          rr(b"\xc0\x0c", 32, nb(0x0000, SRV), ttl=90061) +
          rr(b"\xc0\x0c", 32, nb(0x0000, SRV), ttl=0xFFFFFFFF))
    # 21: node status response with the question and a pointer as the answer's name
    reply(hdr(0x1011, 0x8400, qd=1, an=1) + question(star(), 33) +
          rr(b"\xc0\x0c", 33, nbstat_names(names[:3]) + stats(MAC_B), ttl=0))

    with open(OUT, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))
        for ts, data, wire in records:
            f.write(struct.pack("<IIII", int(ts), int(round((ts - int(ts)) * 1e6)), len(data), wire))
            f.write(data)


if __name__ == "__main__":
    main()
