#!/usr/bin/env python3
"""SSDP (HTTP messages over UDP 1900): an M-SEARCH to the multicast group, a unicast answer, and
a NOTIFY, for the ssdp goldens. Deterministic (fixed times and addresses)."""
import os
from scapy.all import Ether, IP, UDP, wrpcap

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "ssdp.pcap")

msearch = (b"M-SEARCH * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nMAN: \"ssdp:discover\"\r\n"
           b"MX: 2\r\nST: ssdp:all\r\n\r\n")
answer = (b"HTTP/1.1 200 OK\r\nCACHE-CONTROL: max-age=1800\r\nEXT:\r\n"
          b"LOCATION: http://192.168.7.1:49152/rootDesc.xml\r\nSERVER: Linux/5.10 UPnP/1.0 lab/1.0\r\n"
          b"ST: upnp:rootdevice\r\nUSN: uuid:12345678-1234-1234-1234-123456789abc::upnp:rootdevice\r\n\r\n")
notify = (b"NOTIFY * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nCACHE-CONTROL: max-age=1800\r\n"
          b"LOCATION: http://192.168.7.1:49152/rootDesc.xml\r\nNT: upnp:rootdevice\r\n"
          b"NTS: ssdp:alive\r\nUSN: uuid:12345678-1234-1234-1234-123456789abc::upnp:rootdevice\r\n\r\n")

c, r = "02:00:00:00:07:02", "02:00:00:00:07:01"
m = "01:00:5e:7f:ff:fa"
pkts = [
    Ether(src=c, dst=m) / IP(src="192.168.7.2", dst="239.255.255.250", ttl=2) /
    UDP(sport=50000, dport=1900) / msearch,
    Ether(src=r, dst=c) / IP(src="192.168.7.1", dst="192.168.7.2") /
    UDP(sport=1900, dport=50000) / answer,
    Ether(src=r, dst=m) / IP(src="192.168.7.1", dst="239.255.255.250", ttl=2) /
    UDP(sport=1900, dport=1900) / notify,
]
for i, p in enumerate(pkts):
    p.time = 1700000000 + i * 0.25
wrpcap(OUT, pkts)
