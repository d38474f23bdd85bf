#!/usr/bin/python3
"""Writes tests/pcaps/fddi.pcap (LINKTYPE_FDDI, read by Wireshark as FDDI with bit-swapped MAC
addresses): an asynchronous LLC frame carrying IPv4/UDP over SNAP, a synchronous LLC frame, an
SMT info frame, a MAC beacon, an asynchronous frame with the R bit (control), and a frame cut
inside the header. Run with /usr/bin/python3 (Debian's scapy)."""
import os
import struct

from scapy.layers.inet import IP, UDP
from scapy.packet import Raw
from scapy.utils import PcapWriter

HERE = os.path.dirname(os.path.abspath(__file__))
DA = bytes.fromhex("aa00040083a7")
SA = bytes.fromhex("aa00040082a7")
SNAP_IP = bytes.fromhex("aaaa03000000") + struct.pack("!H", 0x0800)


def frame(fc, payload):
    return bytes([fc]) + DA + SA + payload


def main():
    ip = bytes(IP(src="192.0.2.1", dst="198.51.100.2", id=7) / UDP(sport=5000, dport=9) /
               Raw(b"fddi test"))
    frames = [
        frame(0x50, SNAP_IP + ip),
        frame(0xd0, SNAP_IP + ip),
        frame(0x41, b"\x01\x02\x03\x04"),
        frame(0xc2, b"\x00\x00\x00\x00"),
        frame(0x5c, SNAP_IP + ip),
        frame(0x50, b"")[:9],
    ]
    w = PcapWriter(os.path.join(HERE, "fddi.pcap"), linktype=10, sync=True)
    for i, f in enumerate(frames):
        p = Raw(f)
        p.time = 1767227000 + i
        w.write(p)
    w.close()


if __name__ == "__main__":
    main()
