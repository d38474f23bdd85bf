#!/usr/bin/python3
"""Writes tests/pcaps/ntp7.pcap: NTP mode 7 ("private", ntpdc's request/response format) over
UDP port 123, for trawl's mode 7 dissection (ntp.c) and the goldens ntp7-1..3:

  1-2   PEER_LIST request / response (an IPv4 and an IPv6 peer)
  3-4   PEER_LIST_SUM request / response (IPv4 and IPv6 items, strata 1, 2 and 16)
  5-6   SYS_INFO request / response
  7     LOOP_INFO response
  8-9   MON_GETLIST_1 request / response (IPv4 and IPv6 entries)
  10    MON_GETLIST response
  11    an error response (format error, no items)
  12    an authenticated PEER_INFO request (timestamp, key id, MAC)
  13    PEER_LIST_SUM response claiming more items than the datagram holds (malformed)
  14    SYS_INFO response cut by the capture's snap length (truncated)
  15    an XNTPD_OLD (implementation 2) request: no item header
  16    MONITOR and an unknown request code with items
  17-27 PEER_INFO, PEER_STATS, CONFIG, SET_SYS_FLAG, RESET_STATS, TRUSTKEY, MEM_STATS,
        GET_CLOCKINFO, GET_KERNEL, IF_STATS (IPv4 and IPv6) items

Deterministic: fixed timestamps and addresses. Run: /usr/bin/python3 tests/pcaps/gen_ntp7.py"""
import os
import socket
import struct

from scapy.all import IP, UDP, Ether, Raw

HERE = os.path.dirname(os.path.abspath(__file__))
T0 = 1700000000
CLI, SRV = "192.0.2.10", "192.0.2.1"


def ip4(s):
    return socket.inet_aton(s)


def ip6(s):
    return socket.inet_pton(socket.AF_INET6, s)


def mode7(resp, rc, items=b"", nitems=0, isize=0, err=0, impl=3, seq=0, auth=False, more=False,
          vn=2):
    b0 = (0x80 if resp else 0) | (0x40 if more else 0) | (vn << 3) | 7
    b1 = (0x80 if auth else 0) | seq
    hdr = struct.pack(">BBBBHH", b0, b1, impl, rc, (err << 12) | nitems, isize)
    return hdr + items


def frame(payload, resp, sport=40123):
    src, dst = (SRV, CLI) if resp else (CLI, SRV)
    sp, dp = (123, sport) if resp else (sport, 123)
    return bytes(Ether(src="02:00:00:00:00:01", dst="02:00:00:00:00:02") /
                 IP(src=src, dst=dst, id=1) / UDP(sport=sp, dport=dp) / Raw(payload))


def peer_item(addr, port, hmode, flags, v6=None):
    if v6:
        return ip4("0.0.0.0") + struct.pack(">HBBII", port, hmode, flags, 1, 0) + ip6(v6)
    return ip4(addr) + struct.pack(">HBBII", port, hmode, flags, 0, 0) + bytes(16)


def sum_item(dst, src, stratum, hpoll, ppoll, reach, flags, hmode, delay, off, disp, v6=None):
    b = (ip4(dst) + ip4(src) + struct.pack(">HBbBBBBiQI", 123, stratum, hpoll, ppoll, reach,
                                            flags, hmode, delay, off, disp))
    if v6:
        return b + struct.pack(">II", 1, 0) + ip6(v6[0]) + ip6(v6[1])
    return b + struct.pack(">II", 0, 0) + bytes(32)


def sys_info():
    return (ip4("192.0.2.50") + struct.pack(">BBBb", 4, 0, 2, -20) + struct.pack(">II", 0x1234, 0x5678) +
            ip4("192.0.2.50") + struct.pack(">II", 0xE93C9A00, 0x80000000) + struct.pack(">I", 6) +
            bytes([0x0D]) + bytes(3) + struct.pack(">iiqI", 5, -1234, 0, 17) + struct.pack(">II", 0, 0) +
            bytes(16))


def mon_item(one, avgint, lsint, count, raddr, laddr, port, mode, ver, v6=None):
    b = struct.pack(">IIII", avgint, lsint, 0x10, count) + ip4(raddr)
    if one:
        b += ip4(laddr) + struct.pack(">I", 0x2)
    b += struct.pack(">HBBII", port, mode, ver, 1 if v6 else 0, 0)
    if v6:
        b += ip6(v6[0]) + (ip6(v6[1]) if one else b"")
    else:
        b += bytes(32 if one else 16)
    return b


def peer_info_resp():
    b = ip4(CLI) + ip4(SRV) + struct.pack(">HBBBBBBbbBBBBBBHH", 123, 0x83, 0, 3, 4, 2, 6, 6, -22, 4, 0,
                                          255, 0, 0, 64, 0, 1234)
    b += bytes(4) + struct.pack(">I", 7) + ip4("192.0.2.99") + struct.pack(">III", 30, 0x100, 0x200)
    b += struct.pack(">IIIIIIII", 0xE93C9A00, 0, 0xE93C9A10, 0x40000000, 0, 0, 0xE93C9A20, 1)
    b += struct.pack(">iqBiIQI", -5, -77, 3, 1000, 2000, 3000, 400)
    b += bytes(28) + struct.pack(">iII", 9, 0, 0) + bytes(32)
    return b


def peer_stats_resp():
    b = ip4(CLI) + ip4(SRV) + struct.pack(">HB", 123, 0x01)
    b += struct.pack(">IIIII", 100, 5, 60, 90, 42) + bytes(4) + struct.pack(">I", 40) + bytes(4)
    b += struct.pack(">III", 1, 2, 3) + bytes(8) + struct.pack(">II", 4, 5) + bytes(4)
    b += bytes([7, 0, 0, 0]) + struct.pack(">II", 0, 0) + bytes(32)
    return b


def config_item():
    return (ip4("192.0.2.77") + struct.pack(">BBBBBB", 3, 4, 6, 10, 0x0B, 0) + bytes(2) +
            struct.pack(">I", 5) + b"/etc/ntp.keys".ljust(128, b"\0") + struct.pack(">II", 0, 0) + bytes(16))


def mem_stats():
    return struct.pack(">IHHIII", 3600, 15, 10, 777, 5, 2) + bytes(range(8))


def clockinfo():
    return (ip4("127.127.1.0") + struct.pack(">BBBB", 1, 3, 0, 0) + struct.pack(">IIIII", 10, 1, 2, 3, 99) +
            struct.pack(">QQiI", 0x0000000100000000, 0, -3, 0x4C4F434C))


def kernel():
    return struct.pack(">iiiiHHiiiiiiiiii", -320, 549225, 279970, 540, 0x2001, 2, 6, 1, 33554432, 0,
                       200, 33554432, 0, 0, 0, 0)


def if_item(v6):
    if v6:
        a = ip6("2001:db8::1") + ip6("::") + ip6("ffff:ffff:ffff:ffff::")
        flag = 1
    else:
        a = ip4("192.0.2.1").ljust(16, b"\0") + ip4("192.0.2.255").ljust(16, b"\0") + ip4("255.255.255.0").ljust(16, b"\0")
        flag = 0
    return (a + struct.pack(">I", flag) + b"eth0".ljust(32, b"\0") +
            struct.pack(">iiiIIIiIIIIHBBI", 0x11, 0, 0, 500, 400, 1, 3600, 0, 2, 1, 3,
                        10 if v6 else 2, 0, 2, 0))


def main():
    fr = []  # (bytes, caplen or None)

    def add(payload, resp, cut=None):
        fr.append((frame(payload, resp), cut))

    add(mode7(False, 0), False)
    items = peer_item("192.0.2.20", 123, 3, 0x83) + peer_item(None, 123, 1, 0x21, v6="2001:db8::20")
    add(mode7(True, 0, items, 2, 32), True)
    add(mode7(False, 1), False)
    items = (sum_item(CLI, "192.0.2.30", 1, 10, 10, 255, 0x83, 3, 1199, 3, 261) +
             sum_item(CLI, "192.0.2.31", 2, 6, 6, 0x7f, 0x09, 4, -4, 0xFFFFFFFFFFFFFFFF, 2015) +
             sum_item("0.0.0.0", "0.0.0.0", 16, -1, 10, 0, 0x20, 1, 0, 0, 0,
                      v6=("2001:db8::10", "2001:db8::40")))
    add(mode7(True, 1, items, 3, 72), True)
    add(mode7(False, 4), False)
    add(mode7(True, 4, sys_info(), 1, 80), True)
    add(mode7(True, 8, struct.pack(">qqII", 1530635, -35994009600, 30, 422), 1, 24), True)
    add(mode7(False, 42), False)
    items = (mon_item(True, 64, 2, 12, "198.51.100.7", SRV, 123, 3, 4) +
             mon_item(True, 1, 0, 3, "0.0.0.0", "0.0.0.0", 5353, 7, 2, v6=("2001:db8::7", "2001:db8::1")))
    add(mode7(True, 42, items, 2, 72), True)
    add(mode7(True, 20, mon_item(False, 5, 6, 7, "203.0.113.9", None, 40000, 3, 3), 1, 48), True)
    add(mode7(True, 2, err=3), True)
    req = mode7(False, 2, peer_item("192.0.2.30", 123, 3, 0), 1, 32, auth=True, seq=5)
    req = req.ljust(184, b"\0") + struct.pack(">II", 0xE93C9A00, 0x80000000) + struct.pack(">I", 1) + bytes(range(16))
    add(req, False)
    items = sum_item(CLI, "192.0.2.30", 1, 10, 10, 255, 0x83, 3, 1199, 3, 261) + bytes(30)
    add(mode7(True, 1, items, 3, 72), True)
    add(mode7(True, 4, sys_info(), 1, 80), True, cut=14 + 20 + 8 + 8 + 30)
    add(mode7(False, 1, impl=2), False)
    add(mode7(False, 14, bytes(4), 1, 4), False)
    add(mode7(False, 40, bytes(8), 2, 4), False)
    add(mode7(True, 2, peer_info_resp(), 1, len(peer_info_resp()), more=True), True)
    add(mode7(True, 3, peer_stats_resp(), 1, len(peer_stats_resp())), True)
    add(mode7(False, 10, config_item(), 1, len(config_item())), False)
    add(mode7(False, 12, struct.pack(">I", 0x15), 1, 4), False)
    add(mode7(False, 21, struct.pack(">I", 0x43), 1, 4), False)
    add(mode7(False, 26, struct.pack("<Q", 0x1122334455667788), 1, 8), False)
    add(mode7(True, 7, mem_stats(), 1, 28), True)
    add(mode7(True, 36, clockinfo(), 1, len(clockinfo())), True)
    add(mode7(True, 38, kernel(), 1, 60), True)
    add(mode7(True, 44, if_item(False) + if_item(True), 2, len(if_item(False))), True)

    with open(os.path.join(HERE, "ntp7.pcap"), "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))
        for i, (b, cut) in enumerate(fr):
            cap = b[:cut] if cut else b
            f.write(struct.pack("<IIII", T0 + i, 1000 * i, len(cap), len(b)) + cap)


if __name__ == "__main__":
    main()
