#!/usr/bin/python3
"""Writes tests/pcaps/l2ctl.pcap: layer-2 control protocols. STP (configuration, TCN, RSTP with
topology change, MSTP with two MSTI records), PVST+ over SNAP with its originating-VLAN TLV, CDP
(with a correct and a wrong checksum, an odd length), DTP, VTP summary and subset advertisements,
UDLD, LLDP (mandatory TLVs, system TLVs, management address, IEEE 802.1/802.3 TLVs, DCBX ETS/PFC/
application priority, LLDP-MED, MUD URL, an unknown OUI, End; and one with a bad first TLV), LACP,
Marker and the loopback protocol. Frames are padded to 60 bytes as on the wire. Run with
/usr/bin/python3 (scapy)."""
import os
import struct
from scapy.all import Ether, Dot3, LLC, SNAP, Raw, wrpcap

MAC1, MAC2 = '00:11:22:33:44:55', '00:66:77:88:99:aa'
BPDU_DST, CISCO_DST, LLDP_DST = '01:80:c2:00:00:00', '01:00:0c:cc:cc:cc', '01:80:c2:00:00:0e'
PVST_DST, SLOW_DST = '01:00:0c:cc:cc:cd', '01:80:c2:00:00:02'

pk = []


def add(frame):
    raw = bytes(frame)
    if len(raw) < 60:
        raw += b'\x00' * (60 - len(raw))
    x = Ether(raw)
    x.time = 1700000000 + len(pk) * 0.5
    pk.append(x)


def mac(s):
    return bytes(int(b, 16) for b in s.split(':'))


def bid(prio, ext, m):
    return struct.pack('>H', prio | ext) + mac(m)


def bpdu(ver, btype, flags, root, cost, bridge, port, times=(0, 20, 2, 15)):
    b = struct.pack('>HBBB', 0, ver, btype, flags) + root + struct.pack('>I', cost) + bridge
    b += struct.pack('>H', port) + b''.join(struct.pack('>H', t * 256) for t in times)
    return b


def llc_stp(payload):
    return Dot3(src=MAC1, dst=BPDU_DST) / LLC(dsap=0x42, ssap=0x42, ctrl=3) / Raw(payload)


def snap(dst, pid, payload, oui=0x00000c):
    return Dot3(src=MAC2, dst=dst) / LLC(dsap=0xaa, ssap=0xaa, ctrl=3) / \
        SNAP(OUI=oui, code=pid) / Raw(payload)


# STP configuration BPDU, TCN, RSTP proposal with TC, MSTP with two MSTIs
add(llc_stp(bpdu(0, 0, 0x00, bid(32768, 0, MAC1), 0, bid(32768, 0, MAC1), 0x8001)))
add(llc_stp(bytes([0, 0, 0, 0x80])))
add(llc_stp(bpdu(2, 2, 0x0f, bid(4096, 10, MAC1), 20000, bid(32768, 10, MAC2), 0x8002) + b'\x00'))
mst = bytes([0]) + b'REGION1'.ljust(32, b'\x00') + struct.pack('>H', 7) + bytes(range(16))
mst += struct.pack('>I', 200000) + bid(32768, 0, MAC2) + bytes([20])
msti = b''
for i, (fl, prio) in enumerate(((0xfc, 0x6), (0x38, 0x8))):
    msti += bytes([fl]) + struct.pack('>H', prio << 12 | (i + 1)) + mac(MAC1)
    msti += struct.pack('>I', i * 2000) + bytes([prio << 4, 0x80, 19])
add(llc_stp(bpdu(3, 2, 0x7c, bid(0, 0, MAC1), 200000, bid(32768, 0, MAC2), 0x8012, (1, 20, 2, 15))
            + b'\x00' + struct.pack('>H', len(mst) + len(msti)) + mst + msti))
# PVST+ (SNAP 00000c/010b): RSTP BPDU, then the originating VLAN TLV
add(snap(PVST_DST, 0x010b, bpdu(2, 2, 0x3c, bid(32768, 5, MAC1), 4, bid(32768, 5, MAC2), 0x8004)
         + b'\x00' + struct.pack('>HHH', 0, 2, 5)))


def tlv(t, v):
    return struct.pack('>HH', t, len(v) + 4) + v


def cdp_cksum(b):
    s = 0
    n = len(b) & ~1
    for i in range(0, n, 2):
        s += b[i] << 8 | b[i + 1]
    if len(b) & 1:
        last = b[-1]
        s += (0xffffff00 | last) if last & 0x80 else last
        s &= 0xffffffff
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return ~s & 0xffff


def cdp(tlvs, good=True):
    body = b''.join(tlvs)
    pdu = bytes([2, 180]) + b'\x00\x00' + body
    ck = cdp_cksum(pdu)
    if not good:
        ck ^= 0x1111
    return pdu[:2] + struct.pack('>H', ck) + body


addrs = struct.pack('>I', 2) + bytes([1, 1, 0xcc]) + struct.pack('>H', 4) + bytes([192, 0, 2, 1])
addrs += bytes([2, 8]) + bytes([0xaa, 0xaa, 3, 0, 0, 0, 0x86, 0xdd]) + struct.pack('>H', 16) + \
    bytes.fromhex('20010db8000000000000000000000001')
cdp_tlvs = [tlv(1, b'switch1.example'), tlv(2, addrs), tlv(3, b'GigabitEthernet0/1'),
            tlv(4, struct.pack('>I', 0x28)), tlv(5, b'Example IOS\nVersion 1.0\nBuilt today'),
            tlv(6, b'cisco WS-C0000'), tlv(9, b'lab'), tlv(10, struct.pack('>H', 1)),
            tlv(11, b'\x01'), tlv(0x12, b'\x00'), tlv(0x13, b'\x00'),
            tlv(0x16, struct.pack('>I', 1) + bytes([1, 1, 0xcc]) + struct.pack('>H', 4) +
                bytes([192, 0, 2, 1]))]
add(snap(CISCO_DST, 0x2000, cdp(cdp_tlvs)))
add(snap(CISCO_DST, 0x2000, cdp([tlv(1, b'sw2'), tlv(3, b'Fa0/2x')], good=False)))
add(snap(CISCO_DST, 0x2000, cdp([tlv(1, b'odd-length'), tlv(0x15, b'\x01\x02\xe9')])))
# DTP
add(snap(CISCO_DST, 0x2004, b'\x01' + tlv(1, b'lab\x00') + tlv(2, b'\x81') + tlv(3, b'\xa5') +
         tlv(4, mac(MAC2))))
# VTP summary and subset advertisements
dom = b'lab'.ljust(32, b'\x00')
add(snap(CISCO_DST, 0x2003, bytes([2, 1, 1, 3]) + dom + struct.pack('>I', 13) + bytes([192, 0, 2, 9])
         + b'230102030405' + bytes(range(16))))
vi = bytes([0, 1, 7]) + struct.pack('>HHI', 1, 1500, 100001) + b'default\x00'
vi2 = bytes([0, 3, 5]) + struct.pack('>HHI', 1003, 4472, 101003) + b'trcrf\x00\x00\x00' + \
    bytes([1, 1]) + struct.pack('>H', 0xccc) + bytes([7, 1]) + struct.pack('>H', 2)
add(snap(CISCO_DST, 0x2003, bytes([2, 2, 1, 3]) + dom + struct.pack('>I', 13) +
         bytes([len(vi) + 1]) + vi + bytes([len(vi2) + 1]) + vi2))
# UDLD
add(snap(CISCO_DST, 0x0111, bytes([0x21, 0x03]) + b'\x6d\x85' + tlv(1, b'FOC123') + tlv(2, b'Gi0/1')
         + tlv(3, b'\x00\x00\x00\x00') + tlv(4, b'\x07') + tlv(7, b'\x00\x00\x00\x01')))


def ltlv(t, v):
    return struct.pack('>H', t << 9 | len(v)) + v


def org(oui, sub, v):
    return ltlv(127, struct.pack('>I', oui)[1:] + bytes([sub]) + v)


lldp = ltlv(1, b'\x04' + mac(MAC1)) + ltlv(2, b'\x05' + b'eth0') + ltlv(3, struct.pack('>H', 120))
lldp += ltlv(4, b'Uplink port') + ltlv(5, b'host1') + ltlv(6, b'Example OS\nrelease 1')
lldp += ltlv(7, struct.pack('>HH', 0x14, 0x04))
lldp += ltlv(8, bytes([5, 1, 192, 0, 2, 1, 2]) + struct.pack('>I', 3) + b'\x00')
lldp += org(0x0080c2, 1, struct.pack('>H', 10)) + org(0x0080c2, 2, b'\x06' + struct.pack('>H', 20))
lldp += org(0x0080c2, 3, struct.pack('>H', 10) + b'\x05users')
lldp += org(0x0080c2, 4, b'\x08' + bytes.fromhex('0000424203000000'))
lldp += org(0x0080c2, 7, b'\x03' + struct.pack('>I', 7))
lldp += org(0x0080c2, 8, b'\x20\x00')
lldp += org(0x0080c2, 9, b'\x83' + bytes.fromhex('f41114f414') + bytes([0, 50, 0, 0, 50, 0, 0, 0])
            + bytes([0, 2, 0, 0, 2, 0, 0, 0]))
lldp += org(0x0080c2, 10, b'\x00' + bytes.fromhex('f41114f414') + bytes([0, 50, 0, 0, 50, 0, 0, 0])
            + bytes([0, 2, 0, 0, 2, 0, 0, 0]))
lldp += org(0x0080c2, 11, b'\x44\x34')
lldp += org(0x0080c2, 12, b'\x00' + b'\x84\x0c\xbc' + b'\x61\x89\x06')
lldp += org(0x00120f, 1, b'\x03' + struct.pack('>HH', 0x6c03, 0x10))
lldp += org(0x00120f, 2, b'\x0f\x01\x04\x51' + struct.pack('>HH', 130, 130))
lldp += org(0x00120f, 3, b'\x01' + struct.pack('>I', 0))
lldp += org(0x00120f, 4, struct.pack('>H', 1522))
lldp += org(0x0012bb, 1, struct.pack('>H', 0x33) + b'\x03')
lldp += org(0x0012bb, 2, b'\x01' + struct.pack('>I', 0x80000000 | (10 << 9) | (5 << 6) | 46)[1:])
lldp += org(0x0012bb, 5, b'HW1.0')
lldp += org(0x00005e, 1, b'https://example.com/mud')
lldp += org(0x123456, 9, b'\x01\x02')
lldp += ltlv(0, b'')
add(Ether(src=MAC1, dst=LLDP_DST, type=0x88cc) / Raw(lldp))
add(Ether(src=MAC1, dst=LLDP_DST, type=0x88cc) / Raw(ltlv(3, b'\x00\x78') + ltlv(0, b'')))
# LACP and Marker (slow protocols)


def party(t, prio, m, key, pprio, port, state):
    return bytes([t, 20]) + struct.pack('>H', prio) + mac(m) + struct.pack('>HHHB', key, pprio, port,
                                                                        state) + b'\x00' * 3


lacp = b'\x01\x01' + party(1, 32768, MAC1, 13, 32768, 22, 0x85) + \
    party(2, 32768, MAC2, 13, 32768, 25, 0x36) + bytes([3, 16]) + struct.pack('>H', 32768) + \
    b'\x00' * 12 + b'\x00\x00' + b'\x00' * 50
add(Ether(src=MAC1, dst=SLOW_DST, type=0x8809) / Raw(lacp))
marker = b'\x02\x01' + bytes([1, 16]) + struct.pack('>H', 22) + mac(MAC1) + struct.pack('>IH', 7, 0)
marker += b'\x00\x00' + b'\x00' * 90
add(Ether(src=MAC1, dst=SLOW_DST, type=0x8809) / Raw(marker))
# loopback: a reply, and a forward then reply
add(Ether(src=MAC1, dst=MAC1, type=0x9000) / Raw(struct.pack('<HHH', 0, 1, 0) + b'\x55' * 40))
add(Ether(src=MAC1, dst=MAC2, type=0x9000) / Raw(struct.pack('<HH', 0, 2) + mac(MAC1) +
                                                 struct.pack('<HH', 1, 1) + b'\x55' * 40))

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'l2ctl.pcap')
wrpcap(out, pk)
print('wrote', out, len(pk), 'frames')
