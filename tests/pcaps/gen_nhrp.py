#!/usr/bin/python3
"""Writes tests/pcaps/nhrp.pcap: NHRP (RFC 2332, Cisco and RFC 2735 extensions) over IP protocol
54, GRE 0x2001 and LLC/SNAP (IANA OUI, PID 3), and Ethernet frames with VSS Monitoring trailers,
for trawl's nhrp.c and vssmonitoring.c and the goldens nhrp-1 (-V), nhrp-2 (summary lines) and
nhrp-3 (-T fields). Every frame's expected output is tshark 4.0's.

NHRP (frames 1-30): resolution request with every extension (responder address, forward and
reverse transit with CIEs, authentication, vendor private, Cisco NAT address, device
capabilities, mobile authentication, an unknown one, end), resolution reply (codes, a bad
checksum), registration and purge requests/replies, an error indication carrying a packet
(and an extension after it), a traffic indication carrying an IPv4 packet, over GRE and
LLC/SNAP, SNAP long-form protocol type, unknown address family and protocol types, a packet
length below the header, a bad extension offset, data after the End extension, incomplete
authentication/vendor extensions, lengths past the end, packets cut by the capture.
VSS Monitoring (frames 31-): time stamp, time stamp and port stamp, after padding, with an
FCS-sized tail, port stamp only (refused by default), all-zero, far-off and bad-nanosecond time
stamps, too long, a trailer cut by the capture.

Deterministic: fixed timestamps and addresses. Run: /usr/bin/python3 tests/pcaps/gen_nhrp.py"""
import os
import struct

from scapy.all import ARP, GRE, IP, LLC, SNAP, Dot3, Ether, ICMP, Raw
from scapy.utils import PcapWriter

HERE = os.path.dirname(os.path.abspath(__file__))
T0 = 1623850625

MAC_A = "00:11:22:33:44:55"
MAC_B = "00:66:77:88:99:aa"


def cksum(b):
    if len(b) % 2:
        b += b"\0"
    s = sum(struct.unpack("!%dH" % (len(b) // 2), b))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return (~s) & 0xffff


def ip4(s):
    return bytes(int(x) for x in s.split("."))


def cie(code=0, prefix=32, mtu=1514, htime=7200, nbma=b"", saddr=b"", prot=b"", pref=0,
        lens=None):
    al, sl, pl = lens if lens else (len(nbma), len(saddr), len(prot))
    return (struct.pack("!BBHHHBBBB", code, prefix, 0, mtu, htime, al, sl, pl, pref) + nbma +
            saddr + prot)


def ext(typ, body=b"", compulsory=True, length=None):
    tc = (0x8000 if compulsory else 0) | typ
    return struct.pack("!HH", tc, len(body) if length is None else length) + body


def nhrp(op, mand, exts=b"", afn=1, pro=0x0800, snap=b"\0" * 5, hop=255, shtl=4, sstl=0,
         version=1, pktsz=None, extoff=None, good=True, csum=None):
    """the fixed header + mandatory part + extensions, checksum computed unless told"""
    body = mand + exts
    total = 20 + len(body)
    if extoff is None:
        extoff = 20 + len(mand) if exts else 0
    if pktsz is None:
        pktsz = total
    hdr = struct.pack("!HH5sBHHHBBBB", afn, pro, snap, hop, pktsz, 0, extoff, version, op,
                      shtl, sstl)
    pkt = hdr + body
    if csum is not None:
        c = csum
    else:
        c = cksum(pkt[:pktsz] if pktsz <= len(pkt) else pkt)
        if not good:
            c ^= 0x1234
    return pkt[:12] + struct.pack("!H", c) + pkt[14:]


def mand_std(flags=0, reqid=1, src_nbma=ip4("192.0.2.1"), ssaddr=b"", src=ip4("10.0.0.1"),
             dst=ip4("10.0.0.2"), cies=b""):
    return (struct.pack("!BBHI", len(src), len(dst), flags, reqid) + src_nbma + ssaddr + src +
            dst + cies)


def mand_err(code, eoff, src_nbma=ip4("192.0.2.1"), src=ip4("10.0.0.1"), dst=ip4("10.0.0.2")):
    return struct.pack("!BBHHH", len(src), len(dst), 0, code, eoff) + src_nbma + src + dst


def mand_ind(src_nbma=ip4("192.0.2.1"), src=ip4("10.0.0.1"), dst=ip4("10.0.0.2")):
    return struct.pack("!BBHI", len(src), len(dst), 0, 0) + src_nbma + src + dst


def over_ip(payload, src="198.51.100.1", dst="198.51.100.2"):
    return Ether(src=MAC_A, dst=MAC_B) / IP(src=src, dst=dst, proto=54, ttl=64) / Raw(payload)


def over_gre(payload):
    return (Ether(src=MAC_A, dst=MAC_B) / IP(src="203.0.113.1", dst="203.0.113.2") /
            GRE(proto=0x2001, key_present=1, key=1000) / Raw(payload))


def over_snap(payload):
    return (Dot3(src=MAC_A, dst=MAC_B) / LLC(dsap=0xaa, ssap=0xaa, ctrl=3) /
            SNAP(OUI=0x00005e, code=0x0003) / Raw(payload))


pkts = []


def add(p, cut=None):
    b = bytes(p)
    pkts.append((b, cut))


AUTH = ext(7, struct.pack("!HH", 0, 1) + ip4("10.0.0.1") + b"secret")
VENDOR = ext(8, b"\x00\x00\x0c" + b"\x01\x02\x03\x04", compulsory=False)
RESP = ext(3, cie(nbma=ip4("192.0.2.9"), prot=ip4("10.0.0.9")))
FWD = ext(4, cie(nbma=ip4("192.0.2.7"), prot=ip4("10.0.0.7")) +
          cie(code=4, nbma=ip4("192.0.2.8"), prot=ip4("10.0.0.8")))
REV = ext(5)
NAT = ext(9, cie(nbma=ip4("203.0.113.9"), prot=ip4("10.0.0.2")), compulsory=False)
DEVCAP = ext(9, struct.pack("!II", 1, 0), compulsory=False)
MOBILE = ext(10, struct.pack("!HH", 0, 7) + ip4("10.0.0.1") + b"\xaa\xbb")
UNKNOWN = ext(0x21, b"\xde\xad\xbe\xef", compulsory=False)
END = ext(0)

# 1 resolution request, every extension
add(over_ip(nhrp(1, mand_std(flags=0xc802, reqid=5),
                 RESP + FWD + REV + AUTH + VENDOR + NAT + DEVCAP + MOBILE + UNKNOWN + END)))
# 2 resolution reply with CIEs (success, an unknown code), bad checksum
add(over_ip(nhrp(2, mand_std(flags=0x6000, reqid=5,
                             cies=cie(nbma=ip4("192.0.2.2"), prot=ip4("10.0.0.2")) +
                             cie(code=0x33, prefix=24, nbma=b"\x01\x02\x03", prot=b"\x0a\x00")),
                 RESP + END, good=False)))
# 3 registration request, U bit, client with a subaddress (shown, not skipped)
add(over_ip(nhrp(3, mand_std(flags=0x8002, reqid=300,
                             cies=cie(nbma=ip4("192.0.2.1"), saddr=b"\x77", prot=b"")),
                 AUTH + END)))
# 4 registration reply
add(over_ip(nhrp(4, mand_std(flags=0x0002, reqid=300,
                             cies=cie(code=0x0e, nbma=ip4("192.0.2.1"), prot=ip4("10.0.0.1"))),
                 RESP + END), src="198.51.100.2", dst="198.51.100.1"))
# 5 purge request (N bit), 6 purge reply
add(over_ip(nhrp(5, mand_std(flags=0x8000, reqid=77, cies=cie(prot=ip4("10.0.0.5"))))))
add(over_ip(nhrp(6, mand_std(flags=0x0000, reqid=77, cies=cie(prot=ip4("10.0.0.5"))))))
# 7 error indication carrying a registration request, and an extension after it
inner = nhrp(3, mand_std(reqid=9), AUTH + END)
add(over_ip(nhrp(7, mand_err(0x000b, 40) + inner, END, extoff=20 + len(mand_err(1, 0)) + len(inner))))
# 8 error indication, unknown error code, no extensions
add(over_ip(nhrp(7, mand_err(0x0042, 0) + nhrp(1, mand_std(reqid=3)))))
# 9 traffic indication carrying an IPv4 ICMP echo (no data)
echo = bytes(IP(src="10.0.0.3", dst="10.0.0.4", ttl=255) / ICMP(type=8, id=1, seq=1))
add(over_ip(nhrp(8, mand_ind() + echo, FWD + END, extoff=20 + len(mand_ind()) + len(echo))))
# 10 over GRE 0x2001
add(over_gre(nhrp(1, mand_std(flags=0x0802, reqid=11), END)))
# 11 over LLC/SNAP, IANA OUI, PID 3
add(over_snap(nhrp(2, mand_std(reqid=12, cies=cie(nbma=ip4("192.0.2.3"), prot=ip4("10.0.0.3")))))
    )
# 12 SNAP long-form protocol type (tshark reads on from the PID)
add(over_ip(nhrp(1, mand_std(reqid=13), pro=0x0080, snap=b"\x00\x00\x0c\x20\x00")))
# 13 SNAP long form, OUI 0
add(over_ip(nhrp(1, mand_std(reqid=14), pro=0x0080, snap=b"\x00\x00\x00\x08\x00")))
# 14 unknown address family, NLPID protocol type (IP), E.164 address types
add(over_ip(nhrp(1, mand_std(reqid=15, src_nbma=b"\x01\x02\x03\x04\x05"), afn=0x1234,
                 pro=0x00cc, shtl=0x45, sstl=0x40)))
# 15-17 reserved / ATM Forum / experimental protocol types, unknown NLPID, unknown EtherType
add(over_ip(nhrp(1, mand_std(reqid=16), pro=0x0300)))
add(over_ip(nhrp(1, mand_std(reqid=17), pro=0x0450, afn=2)))
add(over_ip(nhrp(1, mand_std(reqid=18), pro=0x0550, afn=0x4001)))
add(over_ip(nhrp(1, mand_std(reqid=19), pro=0x0077)))
add(over_ip(nhrp(1, mand_std(reqid=20), pro=0x1234)))
# 20 packet length below the fixed header
add(over_ip(nhrp(1, mand_std(reqid=21), pktsz=12)))
# 21 extension offset beyond the packet
add(over_ip(nhrp(2, mand_std(reqid=22), END, extoff=0x400)))
# 22 data after End of Extension
add(over_ip(nhrp(1, mand_std(reqid=23), END, pktsz=None) + b"\x01\x02\x03\x04\x05"))
# 23 incomplete authentication and vendor-private extensions, unknown op type, version 2
add(over_ip(nhrp(9, mand_std(reqid=24), ext(7, b"\x00\x01") + ext(8, b"\x00\x0c") + END,
                 version=2)))
# 24 CIE lengths past the end (malformed)
add(over_ip(nhrp(2, mand_std(reqid=25, cies=cie(nbma=ip4("192.0.2.2"), prot=ip4("10.0.0.2"),
                                                   lens=(4, 0, 40))))))
# 25 extension length past the end
add(over_ip(nhrp(1, mand_std(reqid=26), ext(0x22, b"\x01\x02", length=200) + END)))
# 26 shorter than the packet type's offset
add(over_ip(b"\x00\x01\x08\x00\x00\x00\x00\x00\x00\xff\x00\x40"))
# 27 packet length larger than the data (checksum not verified; the CIE read fails)
add(over_ip(nhrp(3, mand_std(reqid=27), pktsz=200)))
# 28 the request of frame 1, cut by the capture in the extensions
add(over_ip(nhrp(1, mand_std(flags=0xc802, reqid=28), RESP + FWD + AUTH + END)), cut=100)
# 29 cut in the fixed header (after the type byte), 30 cut before it
add(over_ip(nhrp(1, mand_std(reqid=29), END)), cut=14 + 20 + 18)
add(over_ip(nhrp(1, mand_std(reqid=30), END)), cut=14 + 20 + 10)

# ---- VSS Monitoring trailers: after an ARP request (42 bytes), so that nothing else in the
# frame is plain data ----


def arp_frame(trailer, pad=b""):
    p = (Ether(src=MAC_A, dst="ff:ff:ff:ff:ff:ff") /
         ARP(op=1, hwsrc=MAC_A, psrc="192.0.2.10", pdst="192.0.2.20"))
    return bytes(p) + pad + trailer




def vss_ts(secs, ns, clk=1):
    return struct.pack("!II", secs, (clk << 30) | ns)


# 31 time stamp only (8 bytes)
add(arp_frame(vss_ts(T0 + 3, 123456789)))
# 32 time stamp and port stamp (9 bytes)
add(arp_frame(vss_ts(T0 - 100, 5, clk=2) + b"\x07"))
# 33 padded with zeros to 60 bytes, then time stamp + port stamp
add(arp_frame(vss_ts(T0, 999999999, clk=3) + b"\x2a", pad=b"\x00" * 18))
# 34 time stamp then an FCS-sized tail (12 bytes: the dissector takes the first 8)
add(arp_frame(vss_ts(T0 + 1, 1000, clk=0) + b"\xde\xad\xbe\xef"))
# 35 uptime-based time stamp (under an hour)
add(arp_frame(vss_ts(1800, 42) + b"\x01"))
# 36 port stamp only: refused by default (left an Ethernet trailer)
add(arp_frame(b"\x05"))
# 37 all-zero seconds (padding, not a trailer)
add(arp_frame(b"\x00" * 8 + b"\x01"))
# 38 time stamp 60 days off the frame's time
add(arp_frame(vss_ts(T0 + 60 * 86400, 1)))
# 39 nanoseconds too large
add(arp_frame(vss_ts(T0, 0x3fffffff)))
# 40 too long for a VSS trailer (15 bytes)
add(arp_frame(vss_ts(T0, 1) + b"\x01\x02\x03\x04\x05\x06\x07"))
# 41 length 3 modulo 4 (11 bytes)
add(arp_frame(vss_ts(T0, 1) + b"\x01\x02\x03"))
# 42 a time stamp + port stamp trailer cut by the capture (9 bytes, 5 captured)
f = arp_frame(vss_ts(T0 + 2, 2) + b"\x03")
add(f, cut=len(f) - 4)
# 43 a 12-byte trailer cut after 10 bytes (the time stamp is all there)
f = arp_frame(vss_ts(T0 + 2, 2) + b"\x10\x20\x30\x40")
add(f, cut=len(f) - 2)
# 44 NHRP (IP claims less than the frame) followed by a VSS trailer
add(bytes(over_ip(nhrp(2, mand_std(reqid=44), END))) + vss_ts(T0, 77) + b"\x09")


def main():
    out = os.path.join(HERE, "nhrp.pcap")
    w = PcapWriter(out, linktype=1, sync=True)
    for i, (b, cut) in enumerate(pkts):
        from scapy.packet import Raw as R
        p = R(b)
        p.time = T0 + i
        if cut is not None:
            p = R(b[:cut])
            p.time = T0 + i
            p.wirelen = len(b)
        w.write(p)
    w.close()


if __name__ == "__main__":
    main()
