#!/usr/bin/python3
"""Writes tests/pcaps/tls-cut.pcap: tls.pcap (gen_tls.py) as a capture with a 100-byte snap
length would have kept it, so that TLS records are cut inside their bodies (ClientHello,
server flight, application data): tshark stops after each cut record's header ("TLS
truncated"). Golden: tls-cut-1 (tshark's -V), tls-cut-2 (summary lines).
Run: /usr/bin/python3 tests/pcaps/gen_tls_cut.py"""
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
SNAP = 100


def main():
    data = open(os.path.join(HERE, "tls.pcap"), "rb").read()
    magic, vmaj, vmin, zone, sigfigs, _snap, lt = struct.unpack_from("<IHHiIII", data, 0)
    out = [struct.pack("<IHHiIII", magic, vmaj, vmin, zone, sigfigs, SNAP, lt)]
    off = 24
    while off + 16 <= len(data):
        sec, usec, incl, orig = struct.unpack_from("<IIII", data, off)
        pkt = data[off + 16:off + 16 + incl]
        off += 16 + incl
        keep = pkt[:SNAP]
        out.append(struct.pack("<IIII", sec, usec, len(keep), orig) + keep)
    with open(os.path.join(HERE, "tls-cut.pcap"), "wb") as f:
        f.write(b"".join(out))


if __name__ == "__main__":
    main()
