#!/usr/bin/python3
"""Generate tests/pcaps/dns.pcap: DNS over UDP and TCP, mDNS and LLMNR.

Queries and responses for each record type trawl decodes (A, AAAA, CNAME, NS, PTR, MX, TXT, SOA,
SRV, OPT with client subnet/cookie/padding, HTTPS/SVCB, DS, DNSKEY, RRSIG, NSEC, CAA, an unknown
type), a name compression loop, a name cut short, a retransmitted query and response, an error
reply, an mDNS announcement with cache-flush and QU bits, an LLMNR query and response, DNS over TCP
with the length prefix, and a truncated capture.

Messages are built byte by byte (struct) so that malformed ones are possible. Deterministic:
fixed timestamps, no randomness. Run with /usr/bin/python3 (Debian's scapy)."""
import os
import struct

from scapy.layers.inet import IP, TCP, UDP
from scapy.layers.inet6 import IPv6
from scapy.layers.l2 import Ether
from scapy.packet import Raw
from scapy.utils import wrpcap

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "dns.pcap")

CLI4, SRV4 = "192.0.2.10", "198.51.100.53"
CLI6, SRV6 = "2001:db8::10", "2001:db8::53"
MAC_A, MAC_B = "02:00:00:00:00:0a", "02:00:00:00:00:0b"


def name(n):
    """Uncompressed wire name."""
    out = b""
    for lab in n.split("."):
        if lab:
            out += bytes([len(lab)]) + lab.encode()
    return out + b"\0"


def hdr(ident, flags, qd=0, an=0, ns=0, ar=0):
    return struct.pack("!HHHHHH", ident, flags, qd, an, ns, ar)


def question(n, qtype, qclass=1):
    return (name(n) if isinstance(n, str) else n) + struct.pack("!HH", qtype, qclass)


def rr(n, rtype, rdata, rclass=1, ttl=300):
    nb = name(n) if isinstance(n, str) else n
    return nb + struct.pack("!HHIH", rtype, rclass, ttl, len(rdata)) + rdata


PTR0 = b"\xc0\x0c"  # pointer to the first question's name

QR, AA, TC, RD, RA, AD, CD = 0x8000, 0x0400, 0x0200, 0x0100, 0x0080, 0x0020, 0x0010


def query(ident, n, qtype, flags=RD, extra=b"", ar=0):
    return hdr(ident, flags, 1, 0, 0, ar) + question(n, qtype) + extra


def response(ident, n, qtype, answers, flags=QR | RD | RA, ns=b"", nns=0, ar=b"", nar=0):
    return (hdr(ident, flags, 1, len(answers), nns, nar) + question(n, qtype) +
            b"".join(answers) + ns + ar)


def opt(payload=1232, ext_rcode=0, version=0, do=False, options=b""):
    return b"\0" + struct.pack("!HHBBHH", 41, payload, ext_rcode, version,
                               0x8000 if do else 0, len(options)) + options


def edns_option(code, data):
    return struct.pack("!HH", code, len(data)) + data


pkts = []
T0 = 1700000000


def add(p, dt):
    p.time = T0 + dt
    pkts.append(p)


def udp4(payload, dt, sport=40000, dport=53, src=CLI4, dst=SRV4, reply=False):
    if reply:
        src, dst, sport, dport = dst, src, dport, sport
    add(Ether(src=MAC_A, dst=MAC_B) / IP(src=src, dst=dst, id=1) / UDP(sport=sport, dport=dport) /
        Raw(payload), dt)


def udp6(payload, dt, sport=40001, dport=53, reply=False):
    src, dst = CLI6, SRV6
    if reply:
        src, dst, sport, dport = dst, src, dport, sport
    add(Ether(src=MAC_A, dst=MAC_B) / IPv6(src=src, dst=dst) / UDP(sport=sport, dport=dport) /
        Raw(payload), dt)


t = 0.0


def step():
    global t
    t += 0.25
    return t


def main():
    global t
    # A query and its answer (a CNAME chain, then A)
    udp4(query(0x1a2b, "www.example.com", 1), step())
    udp4(response(0x1a2b, "www.example.com", 1, [
        rr(PTR0, 5, name("edge.example.net")),
        rr(b"\x03\x65\x64\x67\x65\xc0\x10"[:0] + name("edge.example.net"), 1, bytes([93, 184, 216, 34]),
           ttl=60)]), step(), reply=True)
    # AAAA over IPv6, with EDNS0 (client subnet, cookie, padding) in the query
    ecs = edge = edns_option(8, struct.pack("!HBB", 1, 24, 0) + bytes([203, 0, 113]))
    cookie = edns_option(10, bytes(range(1, 9)))
    pad = edns_option(12, b"\0" * 6)
    udp6(query(0x0002, "www.example.com", 28, extra=opt(4096, do=True, options=ecs + cookie + pad),
               ar=1), step())
    udp6(response(0x0002, "www.example.com", 28,
                  [rr(PTR0, 28, bytes.fromhex("20010db8000000000000000000000001"), ttl=0x80000010)],
                  ar=opt(1232, options=edns_option(10, bytes(range(1, 9)) + bytes(range(9, 25)))),
                  nar=1), step(), reply=True)
    # NS, with a SOA in authority
    udp4(query(0x0003, "example.com", 2), step(), sport=40002)
    udp4(response(0x0003, "example.com", 2, [rr(PTR0, 2, name("a.iana-servers.net")),
                                             rr(PTR0, 2, b"\x01b\xc0\x2b")],
                  ns=rr(PTR0, 6, name("ns.icann.org") + name("noc.dns.icann.org") +
                        struct.pack("!IIIII", 2023080100, 7200, 3600, 1209600, 3600)), nns=1),
         step(), sport=40002, reply=True)
    # PTR
    udp4(query(0x0004, "34.216.184.93.in-addr.arpa", 12), step(), sport=40003)
    udp4(response(0x0004, "34.216.184.93.in-addr.arpa", 12, [rr(PTR0, 12, name("www.example.com"))]),
         step(), sport=40003, reply=True)
    # MX and TXT
    udp4(query(0x0005, "example.com", 15), step(), sport=40004)
    udp4(response(0x0005, "example.com", 15, [rr(PTR0, 15, struct.pack("!H", 10) + name("mail.example.com")),
                                              rr(PTR0, 15, struct.pack("!H", 20) + b"\x04mail\xc0\x0c")]),
         step(), sport=40004, reply=True)
    udp4(query(0x0006, "example.com", 16), step(), sport=40005)
    udp4(response(0x0006, "example.com", 16, [rr(PTR0, 16, b"\x0bv=spf1 -all\x05hello\x00")]),
         step(), sport=40005, reply=True)
    # SRV
    udp4(query(0x0007, "_sip._tcp.example.com", 33), step(), sport=40006)
    udp4(response(0x0007, "_sip._tcp.example.com", 33,
                  [rr(PTR0, 33, struct.pack("!HHH", 10, 60, 5060) + name("sip.example.com"))]),
         step(), sport=40006, reply=True)
    # HTTPS (SVCB form): alpn, port, ipv4hint, ipv6hint, mandatory, no-default-alpn, ech, unknown key
    svc = (struct.pack("!H", 1) + b"\0" +
           edns_option(0, struct.pack("!HH", 1, 3)) +
           edns_option(1, b"\x02h2\x02h3") + edns_option(2, b"") + edns_option(3, struct.pack("!H", 8443)) +
           edns_option(4, bytes([192, 0, 2, 1, 192, 0, 2, 2])) + edns_option(5, b"\x00\x01\x02\x03") +
           edns_option(6, bytes.fromhex("20010db8000000000000000000000002")) + edns_option(99, b"xy"))
    udp4(query(0x0008, "example.com", 65), step(), sport=40007)
    udp4(response(0x0008, "example.com", 65, [rr(PTR0, 65, svc)]), step(), sport=40007, reply=True)
    # DNSSEC: DS, DNSKEY, RRSIG, NSEC
    key = bytes.fromhex("0301 0001 c0a8 0101 aabb ccdd eeff 0011 2233 4455".replace(" ", ""))
    udp4(query(0x0009, "example.com", 43, flags=RD | AD), step(), sport=40008)
    udp4(response(0x0009, "example.com", 43, [
        rr(PTR0, 43, struct.pack("!HBB", 370, 13, 2) + bytes(range(32))),
        rr(PTR0, 48, struct.pack("!HBB", 257, 3, 13) + key),
        rr(PTR0, 46, struct.pack("!HBBIIIH", 43, 13, 2, 86400, 1702000000, 1700000000, 31406) +
           name("com") + bytes(range(64))),
        rr(PTR0, 47, name("a.example.com") + bytes([0, 6, 0x62, 0x01, 0x80, 0x08, 0x00, 0x03]))],
        flags=QR | RD | RA | AD), step(), sport=40008, reply=True)
    # CAA
    udp4(query(0x000a, "example.com", 257), step(), sport=40009)
    udp4(response(0x000a, "example.com", 257, [
        rr(PTR0, 257, b"\x00\x05issueletsencrypt.org"),
        rr(PTR0, 257, b"\x80\x09issuewild;"),
        rr(PTR0, 257, b"\x00\x05iodefmailto:sec@example.com"),
        rr(PTR0, 257, b"\x00\x03xyzabc")]), step(), sport=40009, reply=True)
    # unknown type, root name, class CH
    udp4(hdr(0x000b, RD, 1) + question("", 2) + b"", step(), sport=40010)
    udp4(hdr(0x000c, QR, 1, 1) + question("version.bind", 16, 3) + rr(PTR0, 16, b"\x059.9.9", rclass=3),
         step(), sport=40010, reply=True)
    udp4(response(0x000d, "x.example", 999, [rr(PTR0, 999, b"\x01\x02\x03")]), step(), sport=40011,
         reply=True)
    # NXDOMAIN with SOA, and an error with an unknown rcode
    udp4(response(0x000e, "nope.example.com", 1, [], flags=QR | RD | RA | 3), step(), sport=40012,
         reply=True)
    udp4(response(0x000f, "nope.example.com", 1, [], flags=QR | 12), step(), sport=40012, reply=True)
    # retransmitted query, its response twice
    udp4(query(0x2222, "retry.example.com", 1), step(), sport=40013)
    udp4(query(0x2222, "retry.example.com", 1), step(), sport=40013)
    r = response(0x2222, "retry.example.com", 1, [rr(PTR0, 1, bytes([192, 0, 2, 99]))])
    udp4(r, step(), sport=40013, reply=True)
    udp4(r, step(), sport=40013, reply=True)
    # compression loop: the answer's name points to itself
    loop = hdr(0x3333, QR, 1, 1) + question("loop.example", 1) + b"\xc0\x1e" + struct.pack(
        "!HHIH", 1, 1, 5, 4) + bytes([1, 2, 3, 4])
    udp4(loop, step(), sport=40014, reply=True)
    # a name cut short (label runs past the end of the datagram)
    udp4(hdr(0x4444, RD, 1) + b"\x07example\x10com", step(), sport=40015)
    # a forward pointer (allowed by Wireshark) and a pointer past the end
    udp4(hdr(0x4445, QR, 1, 1) + b"\xc0\x12" + struct.pack("!HH", 1, 1) + name("fwd.example") +
         struct.pack("!HHIH", 1, 1, 5, 4) + bytes(4), step(), sport=40016, reply=True)
    udp4(hdr(0x4446, RD, 1) + b"\xc0\xff" + struct.pack("!HH", 1, 1), step(), sport=40017)
    # extraneous data after the message
    udp4(query(0x4447, "extra.example", 1) + b"\xde\xad", step(), sport=40018)
    # more questions announced than present
    udp4(hdr(0x4448, RD, 2) + question("one.example", 1), step(), sport=40019)
    # mDNS: QU query, then an announcement with cache flush
    udp4(hdr(0, 0, 1) + question("_ipp._tcp.local", 12, 0x8001), step(), sport=5353, dport=5353,
         dst="224.0.0.251")
    udp4(hdr(0, QR | AA, 0, 4) +
         rr("_ipp._tcp.local", 12, name("printer._ipp._tcp.local"), ttl=4500) +
         rr("printer._ipp._tcp.local", 33, struct.pack("!HHH", 0, 0, 631) + name("printer.local"),
            rclass=0x8001, ttl=120) +
         rr("printer._ipp._tcp.local", 16, b"\x09txtvers=1\x00", rclass=0x8001) +
         rr("printer.local", 1, bytes([192, 0, 2, 77]), rclass=0x8001, ttl=120),
         step(), sport=5353, dport=5353, dst="224.0.0.251")
    # LLMNR query and response
    udp4(hdr(0x5555, 0, 1) + question("wpad", 1), step(), sport=50000, dport=5355, dst="224.0.0.252")
    udp4(hdr(0x5555, QR, 1, 1) + question("wpad", 1) + rr(PTR0, 1, bytes([192, 0, 2, 5]), ttl=30),
         step(), sport=50000, dport=5355, src=CLI4, dst=SRV4, reply=True)
    # DNS over TCP: handshake-free segments with the length prefix, one PDU each
    tq = query(0x6666, "tcp.example.com", 1)
    tr = response(0x6666, "tcp.example.com", 1, [rr(PTR0, 1, bytes([192, 0, 2, 66]))])
    add(Ether(src=MAC_A, dst=MAC_B) / IP(src=CLI4, dst=SRV4) /
        TCP(sport=41000, dport=53, flags="PA", seq=1000, ack=5000) / Raw(struct.pack("!H", len(tq)) + tq),
        step())
    add(Ether(src=MAC_B, dst=MAC_A) / IP(src=SRV4, dst=CLI4) /
        TCP(sport=53, dport=41000, flags="PA", seq=5000, ack=1000 + len(tq) + 2) /
        Raw(struct.pack("!H", len(tr)) + tr), step())
    # snaplen-truncated response (cut inside the answer)
    p = Ether(src=MAC_A, dst=MAC_B) / IP(src=SRV4, dst=CLI4) / UDP(sport=53, dport=40020) / Raw(
        response(0x7777, "cut.example.com", 1, [rr(PTR0, 1, bytes([192, 0, 2, 7]))]))
    step()
    raw = bytes(p)
    pkts_trunc = (raw[:len(raw) - 6], len(raw))

    wrpcap(OUT, pkts)
    # append the truncated frame by hand (scapy writes caplen == wirelen)
    with open(OUT, "ab") as f:
        data, wire = pkts_trunc
        ts = T0 + t
        f.write(struct.pack("<IIII", int(ts), int(round((ts - int(ts)) * 1e6)), len(data), wire))
        f.write(data)


if __name__ == "__main__":
    main()
