#!/usr/bin/python3
"""Writes tests/pcaps/udpapps.pcap: BFD, NTP, DHCP and DHCPv6 for trawl's UDP application
dissectors.

Covers: BFD control (v1 Up, Init with poll, simple password, keyed MD5, meticulous SHA1, an auth
section of the wrong length, the A flag without room for a section, version 0), multihop on 4784,
echo on 3785; NTP client and server (with a zero timestamp, key id and MAC), an NTPv4 extension
field, mode 6 read-status request and response, mode 7 request; DHCP Discover, Offer, Request
and ACK (relayed, with relay agent information), a BOOTP reply without options, a bad cookie;
DHCPv6 Solicit, Advertise (IA_NA with an address), Request with FQDN, Reply with status code and
IA_PD, Relay-forw wrapping a Solicit, Information-request with a domain search list.

Deterministic: fixed timestamps and field values. Run with /usr/bin/python3 (Debian's scapy)."""
import os
import struct

from scapy.layers.inet import IP, UDP
from scapy.layers.inet6 import IPv6
from scapy.layers.l2 import Ether
from scapy.packet import Raw
from scapy.utils import wrpcap

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "udpapps.pcap")
T0 = 1600000000
MAC_A, MAC_B = "02:00:00:00:00:0a", "02:00:00:00:00:0b"
A4, B4 = "192.0.2.1", "192.0.2.2"
A6, B6 = "fe80::1", "ff02::1:2"

frames = []


def add(pkt):
    pkt.time = T0 + len(frames) * 0.25
    frames.append(pkt)


def udp4(sport, dport, payload, src=A4, dst=B4):
    add(Ether(src=MAC_A, dst=MAC_B) / IP(src=src, dst=dst, ttl=255) /
        UDP(sport=sport, dport=dport) / Raw(payload))


def udp6(sport, dport, payload, src=A6, dst=B6):
    add(Ether(src=MAC_A, dst=MAC_B) / IPv6(src=src, dst=dst, hlim=1) /
        UDP(sport=sport, dport=dport) / Raw(payload))


# ---- BFD ---------------------------------------------------------------------------------------
def bfd(diag, sta, flags, mult, my, your, tx, rx, echo, auth=b"", version=1, length=None):
    b0 = (version << 5) | diag
    b1 = (sta << 6) | flags if version else flags
    body = struct.pack("!IIIII", my, your, tx, rx, echo) + auth
    ln = length if length is not None else 4 + len(body)
    return struct.pack("!BBBB", b0, b1, mult, ln) + body


udp4(49152, 3784, bfd(0, 1, 0, 3, 1, 0, 1000000, 1000000, 0))
udp4(49152, 3784, bfd(0, 2, 0x20, 3, 1, 2, 300000, 300000, 50000))      # Init, Poll
udp4(49152, 3784, bfd(3, 3, 0x18, 5, 0x11223344, 0x55667788, 300000, 300000, 0))  # Final, C
pw = b"secret"
udp4(49152, 3784, bfd(0, 3, 0x04, 3, 1, 2, 1000000, 1000000, 0,
                      struct.pack("!BBB", 1, 3 + len(pw), 7) + pw))
udp4(49152, 3784, bfd(0, 3, 0x04, 3, 1, 2, 1000000, 1000000, 0,
                      struct.pack("!BBBBI", 2, 24, 1, 0, 42) + bytes(range(16))))
udp4(49152, 3784, bfd(0, 3, 0x04, 3, 1, 2, 1000000, 1000000, 0,
                      struct.pack("!BBBBI", 5, 28, 1, 0, 43) + bytes(range(20, 40))))
udp4(49152, 3784, bfd(0, 3, 0x04, 3, 1, 2, 1000000, 1000000, 0,
                      struct.pack("!BBBBI", 4, 24, 1, 0, 44) + bytes(range(16))))  # bad length
udp4(49152, 3784, bfd(7, 0, 0x04, 3, 1, 2, 1000000, 1000000, 0))  # A flag, no section
udp4(49152, 3784, bfd(1, 0, 0xd0, 3, 1, 2, 1000000, 1000000, 0, version=0))
udp4(49153, 4784, bfd(0, 3, 0x02, 3, 9, 10, 100000, 100000, 0))  # multihop, demand
udp4(3785, 3785, b"\x01\x02\x03\x04echo-payload")


# ---- NTP ---------------------------------------------------------------------------------------
def ntp_ts(sec, frac=0):
    return struct.pack("!II", sec, frac)


def ntp(li, vn, mode, stratum, poll, prec, rdelay, rdisp, refid, ref, org, rec, xmt, tail=b""):
    return (struct.pack("!BBBbII", (li << 6) | (vn << 3) | mode, stratum, poll, prec, rdelay,
                        rdisp) + refid + ref + org + rec + xmt + tail)


NTP_NOW = 3809000000
udp4(50123, 123, ntp(0, 4, 3, 0, 6, -20, 0, 0, b"\0\0\0\0", ntp_ts(0), ntp_ts(0), ntp_ts(0),
                     ntp_ts(NTP_NOW, 0x80000000)))
udp4(123, 50123, ntp(0, 4, 4, 2, 6, -23, 0x00000a3d, 0x00001f40, bytes([192, 0, 2, 200]),
                     ntp_ts(NTP_NOW - 60, 0x40000000), ntp_ts(NTP_NOW, 0x80000000),
                     ntp_ts(NTP_NOW, 0x90000000), ntp_ts(NTP_NOW, 0xa0000000)), B4, A4)
udp4(123, 123, ntp(1, 3, 1, 1, 10, -18, 0, 0x10, b"GPS\0", ntp_ts(NTP_NOW - 5), ntp_ts(0),
                   ntp_ts(0), ntp_ts(NTP_NOW), struct.pack("!I", 1) + bytes(range(16))))
ext = struct.pack("!HH", 0x0104, 36) + bytes(range(32))
udp4(50124, 123, ntp(0, 4, 3, 0, 6, -20, 0, 0, b"\0\0\0\0", ntp_ts(0), ntp_ts(0), ntp_ts(0),
                     ntp_ts(NTP_NOW + 1), ext))
udp4(50125, 123, struct.pack("!BBHHHHH", (2 << 3) | 6, 0x01, 7, 0, 0, 0, 0))
items = struct.pack("!HHHH", 48829, 0x961a, 48828, 0x8011)
udp4(123, 50125, struct.pack("!BBHHHHH", (2 << 3) | 6, 0x81, 7, 0x0618, 0, 0, len(items)) + items,
     B4, A4)
udp4(50126, 123, struct.pack("!BBBBHH", (2 << 3) | 7, 0, 3, 4, 0, 0))


# ---- DHCP / BOOTP ------------------------------------------------------------------------------
CHADDR = bytes.fromhex("020000000042")


def bootp(op, xid, ciaddr="0.0.0.0", yiaddr="0.0.0.0", siaddr="0.0.0.0", giaddr="0.0.0.0",
          flags=0, hops=0, opts=None, sname=b"", cookie=b"\x63\x82\x53\x63"):
    import socket
    b = struct.pack("!BBBBIHH", op, 1, 6, hops, xid, 3, flags)
    for a in (ciaddr, yiaddr, siaddr, giaddr):
        b += socket.inet_aton(a)
    b += CHADDR + b"\0" * 10 + sname.ljust(64, b"\0") + b"\0" * 128
    if opts is not None:
        b += cookie + opts
        if len(b) < 300:
            b += b"\0" * (300 - len(b))
    return b


def opt(code, data):
    return bytes([code, len(data)]) + data


def ip(a):
    import socket
    return socket.inet_aton(a)


relay = opt(82, opt(1, b"eth0/1/2") + opt(2, bytes.fromhex("0a0b0c")) + opt(6, b"sub-42") +
            opt(5, ip("10.0.0.1")))
prl = opt(55, bytes([1, 3, 6, 15, 42, 51, 119, 252]))
cid = opt(61, b"\x01" + CHADDR)
XID = 0x3903F326
udp4(68, 67, bootp(1, XID, opts=opt(53, b"\x01") + cid + opt(12, b"client1") + prl +
                   opt(57, struct.pack("!H", 1500)) + opt(60, b"trawl-test 1.0") + b"\xff"),
     "0.0.0.0", "255.255.255.255")
udp4(67, 67, bootp(2, XID, yiaddr="10.1.0.50", siaddr="10.1.0.1", giaddr="10.1.0.254", hops=1,
                   opts=opt(53, b"\x02") + opt(54, ip("10.1.0.1")) + opt(51, struct.pack("!I", 86400)) +
                   opt(58, struct.pack("!I", 43200)) + opt(59, struct.pack("!I", 75600)) +
                   opt(1, ip("255.255.255.0")) + opt(3, ip("10.1.0.254")) +
                   opt(6, ip("10.1.0.2") + ip("10.1.0.3")) + opt(15, b"example.net") +
                   opt(28, ip("10.1.0.255")) + opt(42, ip("10.1.0.4")) + relay + b"\xff",
                   sname=b"dhcp-server"), "10.1.0.1", "10.1.0.254")
udp4(67, 67, bootp(1, XID, giaddr="10.1.0.254", hops=1, flags=0x8000,
                   opts=opt(53, b"\x03") + cid + opt(50, ip("10.1.0.50")) +
                   opt(54, ip("10.1.0.1")) + opt(81, b"\x01\x00\x00client1.example.net") + prl +
                   relay + b"\x00\x00\xff"), "10.1.0.254", "10.1.0.1")
udp4(67, 67, bootp(2, XID, yiaddr="10.1.0.50", giaddr="10.1.0.254", hops=1,
                   opts=opt(53, b"\x05") + opt(54, ip("10.1.0.1")) +
                   opt(51, struct.pack("!I", 3600)) + opt(1, ip("255.255.255.0")) +
                   opt(33, ip("10.2.0.0") + ip("10.1.0.254") + b"\x01\x02\x03") +
                   opt(2, struct.pack("!i", -3600)) + relay + b"\xff"), "10.1.0.1", "10.1.0.254")
udp4(68, 67, bootp(1, 0x1234, opts=opt(53, b"\x07") + opt(56, b"bye") + b"\xff"))
udp4(67, 68, bootp(2, 0x5678, yiaddr="10.1.0.60"), "10.1.0.1", "10.1.0.60")
udp4(68, 67, bootp(1, 0x9abc, opts=b"\x01\x02", cookie=b"\0\0\0\0"))


# ---- DHCPv6 ------------------------------------------------------------------------------------
def o6(code, data):
    return struct.pack("!HH", code, len(data)) + data


def a6(a):
    import socket
    return socket.inet_pton(socket.AF_INET6, a)


DUID_LL = struct.pack("!HH", 3, 1) + CHADDR
DUID_LLT = struct.pack("!HHI", 1, 1, 600000000) + bytes.fromhex("020000000001")
DUID_EN = struct.pack("!HI", 2, 9) + b"\x01\x02\x03\x04"


def msg6(t, xid, opts):
    return struct.pack("!I", (t << 24) | xid) + opts


iaaddr = o6(5, a6("2001:db8::50") + struct.pack("!II", 3600, 7200))
solicit = msg6(1, 0x123456, o6(1, DUID_LL) + o6(6, struct.pack("!HHH", 23, 24, 39)) +
               o6(8, struct.pack("!H", 150)) + o6(3, struct.pack("!III", 1, 0, 0)) + o6(14, b""))
udp6(546, 547, solicit)
udp6(547, 546, msg6(2, 0x123456, o6(3, struct.pack("!III", 1, 1800, 2880) + iaaddr) +
                    o6(1, DUID_LL) + o6(2, DUID_LLT) + o6(7, b"\xff") +
                    o6(23, a6("2001:db8::53") + a6("2001:db8::54"))), "fe80::2", "fe80::1")
fqdn = b"\x01" + b"\x06client\x07example\x03net\x00"
udp6(546, 547, msg6(3, 0x654321, o6(1, DUID_LL) + o6(2, DUID_LLT) +
                    o6(3, struct.pack("!III", 1, 0, 0) + iaaddr) + o6(39, fqdn) +
                    o6(16, struct.pack("!IH", 311, 8) + b"MSFT 5.0") +
                    o6(15, struct.pack("!H", 4) + b"home")))
prefix = o6(26, struct.pack("!IIB", 3600, 7200, 56) + a6("2001:db8:100::"))
udp6(547, 546, msg6(7, 0x654321, o6(1, DUID_LL) + o6(2, DUID_EN) +
                    o6(25, struct.pack("!III", 7, 1800, 2880) + prefix) +
                    o6(13, struct.pack("!H", 0) + b"All good") +
                    o6(17, struct.pack("!I", 9) + o6(1, b"abc"))), "fe80::2", "fe80::1")
udp6(547, 547, struct.pack("!BB", 12, 0) + a6("2001:db8:1::1") + a6("fe80::1") +
     o6(18, b"eth0") + o6(9, solicit), "2001:db8:1::1", "2001:db8::547")
udp6(546, 547, msg6(11, 0xabcdef, o6(1, DUID_LL) + o6(8, b"\0\0") +
                    o6(24, b"\x07example\x03com\x00\x03eng\x07example\x03com\x00") +
                    o6(56, o6(1, a6("2001:db8::123")) + o6(3, b"\x03ntp\x07example\x03com\x00"))))

wrpcap(OUT, frames)
print("wrote %s (%d frames)" % (OUT, len(frames)))
