#!/usr/bin/python3
"""Writes tests/pcaps/tls-early.pcap: TLS ClientHellos with and without the early_data
extension, each followed by a client flight (ChangeCipherSpec, application data record) sent
before any ServerHello, for tls.c and the goldens tls-early-1 (-V) and tls-early-2 (summary
lines). tshark 4.0 takes a ClientHello offering early data as TLS 1.3 for the session: the
0-RTT records are labelled TLSv1.3 and their content type is an "Opaque Type"; without it
(supported_versions alone) they stay TLSv1.2.

  1-2   supported_versions 1.3 and 1.2, early_data
  3-4   supported_versions 1.3 and 1.2 only
  5-6   supported_versions 1.3 only
  7-8   early_data only
  9-10  supported_versions 1.3 only, early_data

Deterministic: fixed timestamps and addresses. Run: /usr/bin/python3 tests/pcaps/gen_tls_early.py"""
import os

from scapy.all import IP, TCP, Ether, Raw, load_layer, wrpcap

load_layer("tls")
from scapy.layers.tls.extensions import (TLS_Ext_EarlyDataIndication,  # noqa: E402
                                         TLS_Ext_SupportedVersion_CH)
from scapy.layers.tls.handshake import TLSClientHello  # noqa: E402
from scapy.layers.tls.record import TLS  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
T0 = 1700000000
pkts = []


def conv(port, exts):
    ch = bytes(TLS(version=0x0301, msg=[TLSClientHello(version=0x0303, ciphers=[0x1301],
                                                       gmt_unix_time=0, random_bytes=bytes(28),
                                                       ext=exts)]))
    pkts.append(Ether() / IP(src="10.0.0.1", dst="10.0.0.2") /
                TCP(sport=port, dport=443, flags="PA", seq=1, ack=1) / Raw(ch))
    flight = bytes([0x14, 3, 3, 0, 1, 1]) + bytes([23, 3, 3, 0, 20]) + bytes(range(20))
    pkts.append(Ether() / IP(src="10.0.0.1", dst="10.0.0.2") /
                TCP(sport=port, dport=443, flags="PA", seq=1 + len(ch), ack=1) / Raw(flight))


both = TLS_Ext_SupportedVersion_CH(versions=[0x0304, 0x0303])
only13 = TLS_Ext_SupportedVersion_CH(versions=[0x0304])
early = TLS_Ext_EarlyDataIndication()
conv(40001, [both, early])
conv(40002, [both])
conv(40003, [only13])
conv(40004, [early])
conv(40005, [only13, early])
for i, pk in enumerate(pkts):
    pk.time = T0 + i
wrpcap(os.path.join(HERE, "tls-early.pcap"), pkts)
