#!/usr/bin/python3
"""Writes tests/pcaps/filter-pool.pcap: DNS queries carrying 300 and 1,000 questions, so that a
display filter function (len, upper, lower, string) over dns.qry.name sees more values than the
filter VM's initial value pool (256) and must grow it while it walks them (regression test of a
use-after-free in len(): the goldens filter-pool-1 and -2).
Deterministic. Run: /usr/bin/python3 tests/pcaps/gen_filter_pool.py"""
import os
import struct

from scapy.all import IP, UDP, Ether, Raw, wrpcap

HERE = os.path.dirname(os.path.abspath(__file__))
T0 = 1700000000


def query(qid, names):
    q = struct.pack(">HHHHHH", qid, 0x0100, len(names), 0, 0, 0)
    for n in names:
        for label in n.split("."):
            q += bytes([len(label)]) + label.encode()
        q += b"\x00" + struct.pack(">HH", 1, 1)
    return q


pkts = []
for i, count in enumerate((300, 1000)):
    names = ["h%d.%s.example" % (k, "long-label" * (k % 5)) if k % 5 else "h%d.example" % k
             for k in range(count)]
    pk = Ether() / IP(src="192.0.2.1", dst="192.0.2.53") / UDP(sport=5353 + i, dport=53) / Raw(query(i, names))
    pk.time = T0 + i
    pkts.append(pk)
wrpcap(os.path.join(HERE, "filter-pool.pcap"), pkts)
