#!/usr/bin/python3
"""Writes small captures for edge cases where tshark's behaviour was worked out by crafting frames
(goldens edges-*, expected outputs are tshark 4.0.17's):

  sae.pcap          802.11 Authentication frames with SAE (algorithm 3): commits for ECC and
                    FFC groups, with an anti-clogging token, with trailing password-identifier /
                    rejected-groups elements, an extension element SAE does not carry, a cut
                    scalar, an unknown group, status 76/77/126 and other statuses, confirms
  time-2038.pcap    timestamps in 2016, 2039, 2106 (pcap's 32-bit unsigned seconds): Wireshark
                    orders times by the 32-bit-cast difference of their seconds
  rawip-101.pcap    LINKTYPE_RAW (101): IPv4 and IPv6 datagrams shorter than the frame, and one
                    behind 10 zero bytes; IP shrinks the frame's own bytes when it starts them
  rawip-228.pcap    LINKTYPE_IPV4 (228), the same
  icmp-cut.pcap     IPv4 whose total length leaves 0..8 bytes of ICMP (malformed, not truncated)

Deterministic: fixed timestamps and addresses. Run: /usr/bin/python3 tests/pcaps/gen_edges.py"""
import os
import struct

from scapy.all import IP, UDP, Dot11, Ether, IPv6, RadioTap, Raw

HERE = os.path.dirname(os.path.abspath(__file__))
T0 = 1700000000


def write(name, frames, linktype, times=None):
    """A classic pcap, microseconds, little-endian, written by hand (fixed bytes every run)."""
    out = [struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, linktype)]
    for i, f in enumerate(frames):
        b = bytes(f)
        t = times[i] if times else T0 + i
        out.append(struct.pack("<IIII", t, 0, len(b), len(b)) + b)
    with open(os.path.join(HERE, name), "wb") as fh:
        fh.write(b"".join(out))


def auth(body):
    return RadioTap() / Dot11(type=0, subtype=11, addr1="00:11:22:33:44:55",
                              addr2="66:77:88:99:aa:bb", addr3="00:11:22:33:44:55") / Raw(body)


def sae():
    sc, el = bytes(range(1, 33)), bytes(range(100, 164))
    pid = bytes([255, 4, 33]) + b"abc"
    rg = bytes([255, 3, 92, 19, 0])

    def hdr(seq, status, group=None):
        b = struct.pack("<HHH", 3, seq, status)
        return b + (struct.pack("<H", group) if group is not None else b"")

    f = [
        hdr(1, 0, 19) + sc + el,                       # plain commit
        hdr(1, 0, 19) + sc + el + pid,                 # + password identifier
        hdr(1, 0, 19) + sc + el + pid + rg,            # + both
        hdr(1, 0, 19) + bytes(5) + sc + el + pid,      # token, then the element
        hdr(1, 0, 19) + sc + el + bytes([255, 2, 1, 0]),  # an extension SAE does not carry
        hdr(1, 0, 19) + sc + el + bytes([255, 2, 33]),    # too short to count
        hdr(1, 0, 19) + sc + el[:10],                  # element cut: malformed
        hdr(1, 0, 20) + bytes(48) + bytes(96),         # 384-bit ECP
        hdr(1, 0, 15) + bytes(384) + bytes(384),       # 3072-bit MODP
        hdr(1, 0, 22) + bytes(20) + bytes(128),        # MODP with 160-bit subgroup
        hdr(1, 0, 99) + bytes(40),                     # unknown group: malformed
        hdr(1, 0, 19),                                 # group only: malformed
        hdr(1, 76, 19) + bytes(8) + pid,               # anti-clogging token required
        hdr(1, 77, 19),                                # group not supported
        hdr(1, 126, 19) + sc + el + pid,               # hash-to-element
        hdr(1, 1, 19) + sc + el,                       # other status: the rest are elements
        hdr(2, 0) + struct.pack("<H", 1) + bytes(32),  # confirm
        hdr(2, 0) + struct.pack("<H", 1) + bytes(32) + pid,  # confirm: all is the confirm
        hdr(2, 0),                                     # confirm without send-confirm
        hdr(3, 0) + bytes([0, 0]),                     # unknown message type
    ]
    write("sae.pcap", [auth(b) for b in f], 127)


def times():
    pk = Ether(src="00:00:5e:00:53:01", dst="00:00:5e:00:53:02") / IP(src="192.0.2.1", dst="192.0.2.2") / UDP(sport=1000, dport=2000)
    # 2016, 2039 (past 2^31), 2106 (near 2^32), 2016 again
    write("time-2038.pcap", [pk, pk, pk, pk], 1, times=[1466797060, 2177452800, 4294967000, 1466797061])


def rawip():
    v4 = bytes(IP(src="192.0.2.1", dst="192.0.2.2", id=1) / UDP(sport=1, dport=2) / b"abcd") + b"\xee" * 8
    v6 = bytes(IPv6(src="2001:db8::1", dst="2001:db8::2") / UDP(sport=1, dport=2) / b"abcd") + b"\xee" * 8
    write("rawip-101.pcap", [Raw(v4), Raw(v6), Raw(bytes(10) + v4)], 101)
    write("rawip-228.pcap", [Raw(v4), Raw(v4[:28])], 228)


def icmpcut():
    eth = Ether(src="00:00:5e:00:53:01", dst="00:00:5e:00:53:02")
    body = bytes([8, 0, 0x12, 0x34, 0, 1, 0, 2])
    write("icmp-cut.pcap", [eth / IP(src="192.0.2.1", dst="192.0.2.2", proto=1, id=n) / Raw(body[:n])
                            for n in range(0, 9)], 1)


if __name__ == "__main__":
    sae()
    times()
    rawip()
    icmpcut()
