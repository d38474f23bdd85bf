#!/usr/bin/python3
"""Generate tests/pcaps/dns-rr.pcap: DNS responses with the record types tshark 4.0 decodes
field by field beyond those of dns.pcap: HINFO, RP, LOC (north/east and south/west), APL (IPv4,
IPv6, negated, another family), SSHFP, TLSA, NSEC3 (with and without salt, opt-out),
NSEC3PARAM, a TSIG record, and a query whose name is long enough for tshark to mark its tree
line " [truncated]". Built with gen_dns.py's helpers; run with /usr/bin/python3 (Debian's
scapy)."""
import os
import struct
import sys

from scapy.utils import wrpcap

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import gen_dns as g  # noqa: E402

OUT = os.path.join(HERE, "dns-rr.pcap")


def cs(s):
    """a character-string"""
    return bytes([len(s)]) + s.encode()


def loc(lat_ms, lon_ms, alt_cm):
    return struct.pack("!BBBBIII", 0, 0x23, 0x53, 0x13, (1 << 31) + lat_ms, (1 << 31) + lon_ms,
                       10000000 + alt_cm)


def apl(fam, prefix, addr, neg=False):
    return struct.pack("!HBB", fam, prefix, (0x80 if neg else 0) | len(addr)) + addr


def nsec3(flags, salt, hashed, bitmap):
    return (struct.pack("!BBHB", 1, flags, 10, len(salt)) + salt + bytes([len(hashed)]) + hashed +
            bitmap)


def main():
    z = "rr.example.com"
    answers = [
        (13, cs("APPLE-POWERBOOK") + cs("WIN32")),
        (17, g.name("hostmaster.example.com") + g.name("info.example.com")),
        (29, loc(180920300, 31127700, 18600)),
        (29, loc(-45000123, -120500000, -1250)),
        (42, apl(1, 24, bytes([192, 0, 2])) + apl(2, 32, bytes.fromhex("20010db8")) +
         apl(1, 8, bytes([10]), neg=True) + apl(3, 16, b"\x01\x02")),
        (44, bytes([4, 2]) + bytes(range(32))),
        (52, bytes([3, 1, 1]) + bytes(range(100, 132))),
        (50, nsec3(1, b"", bytes(range(20)), b"\x00\x06\x62\x01\x80\x08\x00\x03")),
        (50, nsec3(0, bytes.fromhex("aabbccdd"), bytes(range(40, 52)), b"\x00\x01\x40")),
        (51, struct.pack("!BBHB", 1, 0, 20, 8) + bytes.fromhex("7b1a90a916197e45")),
    ]
    for i, (t, rdata) in enumerate(answers):
        g.udp4(g.query(0x2000 + i, z, t), g.step(), sport=42000 + i)
        g.udp4(g.response(0x2000 + i, z, t, [g.rr(g.PTR0, t, rdata)]), g.step(), sport=42000 + i,
               reply=True)
    # a TSIG record in the additional section (class ANY, TTL 0)
    tsig = (g.name("hmac-sha256") + struct.pack("!HIH", 0, 1700000000, 300) + struct.pack("!H", 32) +
            bytes(range(32)) + struct.pack("!HHH", 0x3000, 0, 0))
    msg = g.hdr(0x3000, g.QR | g.RD | g.RA, 1, 0, 0, 1) + g.question(z, 1) + g.rr(
        g.name("key.example.com"), 250, tsig, rclass=255, ttl=0)
    g.udp4(msg, g.step(), sport=42100, reply=True)
    # a query for a 250-character name: tshark cuts its line with " [truncated]"
    long_name = ".".join(["abcdefghijklmnopqrstuvwxyz0123456789"] * 6) + ".example"
    g.udp4(g.query(0x3001, long_name, 1), g.step(), sport=42101)
    wrpcap(OUT, g.pkts)


if __name__ == "__main__":
    main()
