#!/usr/bin/python3
"""Writes tests/pcaps/arp-ax25.pcap: ARP of hardware type 3 (AX.25) over Ethernet, for
arp.c's AX.25 path and the goldens arp-ax25-1 (-V), -2 (-T fields) and -3 (-Y with layers):

  1-5   requests with 7-byte AX.25 addresses: callsign with SSID 0, a space ending the
        callsign early, SSID 15 with trailing spaces, an all-space callsign, unprintable
        characters
  6     bytes that are no shifted callsign (0x40 stops it, 0x7f shows '.')
  7     a reply with 6-byte hardware addresses (shown as bytes, not as AX.25)
  8     an Ethernet ARP request (hardware type 1) for comparison: arp once in frame.protocols
  9-13  AX.25 ARP cut by the capture at 7, 8, 14, 22 and 26 bytes: tshark adds the ARP
        tree only once its Info text is made, so the cut ones before that have no ARP item
  14    an AX.25 ARP with 6-byte addresses padded to the Ethernet minimum (Padding)

tshark 4.0 lists arp twice in frame.protocols for hardware type 3 and puts every item in the
second layer (arp#2). Deterministic: fixed timestamps and addresses.
Run: /usr/bin/python3 tests/pcaps/gen_arp_ax25.py"""
import os
import struct

from scapy.all import Ether, Raw, wrpcap

HERE = os.path.dirname(os.path.abspath(__file__))
T0 = 1700000000


def callsign(s, ssid):
    return bytes((ord(ch) << 1) & 0xFF for ch in s) + bytes([0x60 | (ssid << 1)])


def arp(hrd, op, sha, spa, tha, tpa, pro=0x0800):
    return (struct.pack(">HHBBH", hrd, pro, len(sha), len(spa), op) + sha + spa + tha + tpa)


IP1, IP2 = bytes([44, 1, 2, 3]), bytes([44, 1, 2, 9])
bodies = [
    arp(3, 1, callsign("N0CALL", 0), IP1, callsign("Q2XYZ ", 3), IP2),
    arp(3, 1, callsign("AB1 CD", 5), IP1, callsign("Q2XYZ ", 3), IP2),
    arp(3, 2, callsign("K1    ", 15), IP1, callsign("N0CALL", 1), IP2),
    arp(3, 1, callsign("      ", 0), IP1, bytes(7), IP2),
    arp(3, 1, callsign("\x01\x7fabc~", 1), IP1, callsign("Q2XYZ ", 3), IP2),
    arp(3, 1, bytes([0x81, 0x83, 0xFF, 0x40, 0, 1, 0xFF]), IP1, callsign("Q2XYZ ", 3), IP2),
    arp(3, 2, bytes.fromhex("001f29da2d79"), IP1, bytes.fromhex("0a0b0c0d0e0f"), IP2),
    arp(1, 1, bytes.fromhex("001f29da2d79"), IP1, bytes(6), IP2),
]
full = arp(3, 1, callsign("N0CALL", 2), IP1, callsign("Q2XYZ ", 3), IP2)
for n in (7, 8, 14, 22, 26):
    bodies.append(full[:n])
bodies.append(arp(3, 1, bytes.fromhex("001f29da2d79"), IP1, bytes(6), IP2) + bytes(18))

pkts = []
for i, b in enumerate(bodies):
    pk = Ether(src="00:1f:29:da:2d:79", dst="ff:ff:ff:ff:ff:ff", type=0x0806) / Raw(b)
    pk.time = T0 + i
    pkts.append(pk)
wrpcap(os.path.join(HERE, "arp-ax25.pcap"), pkts)
