#!/usr/bin/python3
"""Writes tests/pcaps/tour.pcapng: the capture `make run` prints, a short tour of what trawl
dissects. Frames are built with scapy; the pcapng container is written here so that it carries
two interfaces (Ethernet with nanosecond timestamps, raw IP with microseconds), packet comments,
epb_flags and a name resolution block. Deterministic: fixed timestamps, no randomness.

Run: /usr/bin/python3 tests/pcaps/gen_tour.py"""
import os
import struct

from scapy.all import (ARP, DNS, DNSQR, DNSRR, ICMP, IP, TCP, UDP, Dot1Q, Ether, ICMPv6EchoReply,
                       ICMPv6EchoRequest, ICMPv6ND_NA, ICMPv6ND_NS, ICMPv6NDOptDstLLAddr,
                       ICMPv6NDOptSrcLLAddr, IPv6, IPv6ExtHdrFragment, IPv6ExtHdrHopByHop, Raw,
                       RouterAlert, fragment)

HERE = os.path.dirname(os.path.abspath(__file__))
BASE = 1767225600  # 2026-01-01T00:00:00Z

CLIENT_MAC, SERVER_MAC, GW_MAC = "52:54:00:12:34:56", "52:54:00:65:43:21", "00:1b:21:0a:0b:0c"
C4, S4, DNS4 = "192.0.2.10", "198.51.100.80", "192.0.2.53"
C6, S6 = "2001:db8::10", "2001:db8:1::80"


def opt(code, val):
    pad = (4 - len(val) % 4) % 4
    return struct.pack("<HH", code, len(val)) + val + b"\0" * pad


def block(btype, body):
    body += b"\0" * ((4 - len(body) % 4) % 4)
    n = len(body) + 12
    return struct.pack("<II", btype, n) + body + struct.pack("<I", n)


def shb():
    body = struct.pack("<IHHq", 0x1A2B3C4D, 1, 0, -1)
    body += opt(4, b"trawl tests/pcaps/gen_tour.py") + opt(0, b"")
    return block(0x0A0D0D0A, body)


def idb(linktype, name, descr, tsresol):
    body = struct.pack("<HHI", linktype, 0, 262144)
    body += opt(2, name.encode()) + opt(3, descr.encode()) + opt(9, bytes([tsresol])) + opt(0, b"")
    return block(1, body)


def epb(ifid, t_ns, data, wirelen=None, comment=None, flags=None, units=10**9):
    ts = t_ns * units // 10**9
    wl = len(data) if wirelen is None else wirelen
    body = struct.pack("<IIIII", ifid, ts >> 32, ts & 0xFFFFFFFF, len(data), wl) + data
    body += b"\0" * ((4 - len(data) % 4) % 4)
    opts = b""
    if comment:
        opts += opt(1, comment.encode())
    if flags is not None:
        opts += opt(2, struct.pack("<I", flags))
    if opts:
        body += opts + opt(0, b"")
    return block(6, body)


def nrb():
    recs = struct.pack("<HH", 1, 4 + 12) + bytes([198, 51, 100, 80]) + b"www.example\0"
    recs += b"\0" * ((4 - len(recs) % 4) % 4)
    recs += struct.pack("<HH", 0, 0)
    return block(4, recs)


def tls_client_hello(sni):
    host = sni.encode()
    ext_sni = struct.pack(">HHHBH", 0, len(host) + 5, len(host) + 3, 0, len(host)) + host
    ext_alpn = struct.pack(">HHH", 16, 11, 9) + b"\x08http/1.1"
    ext_sv = struct.pack(">HHB", 43, 5, 4) + b"\x03\x04\x03\x03"
    exts = ext_sni + ext_alpn + ext_sv
    body = b"\x03\x03" + bytes(range(32)) + b"\x20" + bytes(range(32, 64))
    body += struct.pack(">H", 4) + b"\x13\x01\xc0\x2f" + b"\x01\x00"
    body += struct.pack(">H", len(exts)) + exts
    hs = b"\x01" + struct.pack(">I", len(body))[1:] + body
    return b"\x16\x03\x01" + struct.pack(">H", len(hs)) + hs


def main():
    frames = []  # (ifid, timestamp in ns, bytes, extra kwargs)
    t = 0

    def add(pkt, dt=1000000, ifid=0, **kw):
        nonlocal t
        t += dt
        frames.append((ifid, BASE * 10**9 + t, bytes(pkt), kw))

    eth_c = Ether(src=CLIENT_MAC, dst=GW_MAC)
    eth_s = Ether(src=GW_MAC, dst=CLIENT_MAC)
    # ARP
    add(Ether(src=CLIENT_MAC, dst="ff:ff:ff:ff:ff:ff") / ARP(op=1, hwsrc=CLIENT_MAC, psrc=C4, pdst="192.0.2.1"),
        comment="ARP: who has the gateway?")
    add(Ether(src=GW_MAC, dst=CLIENT_MAC) / ARP(op=2, hwsrc=GW_MAC, psrc="192.0.2.1", hwdst=CLIENT_MAC, pdst=C4))
    # DNS over UDP
    add(eth_c / IP(src=C4, dst=DNS4, id=1) / UDP(sport=53124, dport=53) /
        DNS(id=0x1a2b, rd=1, qd=DNSQR(qname="www.example.", qtype="A")))
    add(eth_s / IP(src=DNS4, dst=C4, id=2) / UDP(sport=53, dport=53124) /
        DNS(id=0x1a2b, qr=1, rd=1, ra=1, qd=DNSQR(qname="www.example.", qtype="A"),
            an=DNSRR(rrname="www.example.", type="A", ttl=300, rdata=S4)))
    # TCP handshake, HTTP request and response, close
    cs, ss = 1000, 5000
    tcp_opts = [("MSS", 1460), ("SAckOK", b""), ("Timestamp", (100, 0)), ("NOP", None), ("WScale", 7)]
    add(eth_c / IP(src=C4, dst=S4, id=3, flags="DF") / TCP(sport=40000, dport=80, flags="S", seq=cs, window=64240, options=tcp_opts),
        comment="TCP handshake starts")
    add(eth_s / IP(src=S4, dst=C4, id=4, flags="DF") / TCP(sport=80, dport=40000, flags="SA", seq=ss, ack=cs + 1, window=65160,
                                                          options=[("MSS", 1400), ("SAckOK", b""), ("Timestamp", (900, 100)), ("NOP", None), ("WScale", 7)]))
    add(eth_c / IP(src=C4, dst=S4, id=5, flags="DF") / TCP(sport=40000, dport=80, flags="A", seq=cs + 1, ack=ss + 1, window=502,
                                                          options=[("NOP", None), ("NOP", None), ("Timestamp", (101, 900))]))
    req = b"GET /index.html HTTP/1.1\r\nHost: www.example\r\nUser-Agent: trawl-tour/1.0\r\nAccept: */*\r\n\r\n"
    add(eth_c / IP(src=C4, dst=S4, id=6, flags="DF") / TCP(sport=40000, dport=80, flags="PA", seq=cs + 1, ack=ss + 1, window=502,
                                                          options=[("NOP", None), ("NOP", None), ("Timestamp", (102, 900))]) / Raw(req))
    body = b"<html><body>hello</body></html>\n"
    resp = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n" % len(body) + body
    add(eth_s / IP(src=S4, dst=C4, id=7, flags="DF") / TCP(sport=80, dport=40000, flags="PA", seq=ss + 1, ack=cs + 1 + len(req), window=509,
                                                          options=[("NOP", None), ("NOP", None), ("Timestamp", (905, 102))]) / Raw(resp))
    add(eth_c / IP(src=C4, dst=S4, id=8, flags="DF") / TCP(sport=40000, dport=80, flags="FA", seq=cs + 1 + len(req), ack=ss + 1 + len(resp), window=501))
    add(eth_s / IP(src=S4, dst=C4, id=9, flags="DF") / TCP(sport=80, dport=40000, flags="FA", seq=ss + 1 + len(resp), ack=cs + 2 + len(req), window=509))
    add(eth_c / IP(src=C4, dst=S4, id=10, flags="DF") / TCP(sport=40000, dport=80, flags="A", seq=cs + 2 + len(req), ack=ss + 2 + len(resp), window=501))
    # TLS ClientHello to port 443
    add(eth_c / IP(src=C4, dst=S4, id=11, flags="DF") / TCP(sport=40001, dport=443, flags="PA", seq=77, ack=88, window=502) /
        Raw(tls_client_hello("www.example")), comment="TLS ClientHello with SNI")
    # ICMP echo, and an unreachable quoting a UDP datagram
    add(eth_c / IP(src=C4, dst=S4, id=12) / ICMP(type=8, id=0x1234, seq=1) / Raw(b"trawl-ping-payload"))
    add(eth_s / IP(src=S4, dst=C4, id=13) / ICMP(type=0, id=0x1234, seq=1) / Raw(b"trawl-ping-payload"))
    quoted = IP(src=C4, dst=S4, id=14) / UDP(sport=33434, dport=33435) / Raw(b"probe")
    add(eth_s / IP(src=S4, dst=C4, id=15) / ICMP(type=3, code=3) / Raw(bytes(quoted)[:28]))
    # VLAN-tagged UDP, and stacked 802.1ad + 802.1Q
    add(Ether(src=CLIENT_MAC, dst=GW_MAC) / Dot1Q(vlan=100, prio=5) / IP(src=C4, dst=S4, id=16) / UDP(sport=41000, dport=41001) / Raw(b"vlan"))
    add(Ether(src=CLIENT_MAC, dst=GW_MAC, type=0x88a8) / Dot1Q(vlan=200, type=0x8100) / Dot1Q(vlan=300) /
        IP(src=C4, dst=S4, id=17) / UDP(sport=41000, dport=41001) / Raw(b"qinq"))
    # IPv4 fragments of one UDP datagram
    big = IP(src=C4, dst=S4, id=0x4242) / UDP(sport=6000, dport=6001) / Raw(b"F" * 1200)
    for fr in fragment(big, fragsize=512):
        add(eth_c / fr)
    # IPv6: neighbour discovery, echo with a hop-by-hop header, a fragment
    add(Ether(src=CLIENT_MAC, dst="33:33:ff:00:00:80") / IPv6(src=C6, dst="ff02::1:ff00:80", hlim=255) /
        ICMPv6ND_NS(tgt=S6) / ICMPv6NDOptSrcLLAddr(lladdr=CLIENT_MAC))
    add(Ether(src=GW_MAC, dst=CLIENT_MAC) / IPv6(src=S6, dst=C6, hlim=255) /
        ICMPv6ND_NA(tgt=S6, R=1, S=1, O=1) / ICMPv6NDOptDstLLAddr(lladdr=GW_MAC))
    add(eth_c / IPv6(src=C6, dst=S6) / IPv6ExtHdrHopByHop(options=[RouterAlert()]) / ICMPv6EchoRequest(id=7, seq=1, data=b"v6"))
    add(eth_s / IPv6(src=S6, dst=C6) / ICMPv6EchoReply(id=7, seq=1, data=b"v6"))
    add(eth_c / IPv6(src=C6, dst=S6) / IPv6ExtHdrFragment(id=0xabcd, m=1, offset=0, nh=17) / Raw(bytes(UDP(sport=7000, dport=7001, len=1008) / Raw(b"6" * 64))))
    # the frames of the binary-protocols tutorial (seed 001)
    seed1 = bytes.fromhex("0011bc565f000001e8130c8908004500003c13b3363a3f0613be6a565eafefc9b00417af0050cf16e8db00000000a00216d0ec8700000204"
                          "05b40402080a9340fb680000000001030307")
    add(seed1, comment="seed 001: the tutorial's frame")
    # a frame cut by the snaplen, flagged as inbound
    full = bytes(eth_c / IP(src=C4, dst=S4, id=18) / UDP(sport=9000, dport=9001) / Raw(b"x" * 400))
    add(full[:96], wirelen=len(full), flags=0x1, comment="captured with a 96-byte snaplen")
    # the second interface: raw IP with microsecond timestamps
    add(IP(src="10.0.0.1", dst="10.0.0.2", id=19) / UDP(sport=1234, dport=4321) / Raw(b"raw-ip"), ifid=1)
    add(IPv6(src="fd00::1", dst="fd00::2") / UDP(sport=1234, dport=4321) / Raw(b"raw-ipv6"), ifid=1)

    out = shb() + idb(1, "eth0", "tour Ethernet", 9) + idb(101, "tun0", "tour raw IP", 6) + nrb()
    for ifid, ts, data, kw in frames:
        out += epb(ifid, ts, data, units=10**9 if ifid == 0 else 10**6, **kw)
    with open(os.path.join(HERE, "tour.pcapng"), "wb") as f:
        f.write(out)
    print("wrote tour.pcapng: %d frames" % len(frames))


if __name__ == "__main__":
    main()
