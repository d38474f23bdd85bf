#!/usr/bin/python3
"""Writes tests/pcaps/ike.pcap: ISAKMP over UDP 500 and 4500 for trawl's isakmp/udpencap/eap
dissectors and the goldens ike-1..3:

  1  IKEv2 IKE_SA_INIT request (500): SA (proposal, 4 transforms, key-length attribute), KE,
     Nonce, two NAT-D notifies, SIGNATURE_HASH_ALGORITHMS, Vendor ID (RFC 3706 DPD)
  2  IKEv2 IKE_SA_INIT response (500): SA, KE, Nonce, Vendor ID (unknown)
  3  IKEv2 IKE_AUTH request on 4500 (non-ESP marker): IDi (FQDN), CP request, SA, TSi, TSr and an
     EAP payload (EAP Response/Identity): unencrypted, as a test of the payload bodies
  4  IKEv2 IKE_AUTH response on 4500: IDr (IPv4), AUTH, EAP Request/MD5-Challenge
  5  IKEv2 INFORMATIONAL on 4500: an Encrypted (SK) payload
  6  NAT keepalive on 4500 (one byte 0xff)
  7  ESP in UDP on 4500
  8  IKEv1 Main Mode (500): SA (IPsec DOI, proposal, IKE transform with attributes), Vendor IDs
     (XAUTH, Cisco Unity)
  9  IKEv1 Main Mode (500): KE, Nonce, NAT-D x2
 10  IKEv1 Informational (500): Notify R-U-THERE, Delete
 11  IKEv1 Quick Mode with the encryption flag (500)

Deterministic: fixed timestamps, addresses and bytes. Run: /usr/bin/python3 tests/pcaps/gen_ike.py"""
import os
import struct

from scapy.all import IP, UDP, Ether, wrpcap

HERE = os.path.dirname(os.path.abspath(__file__))
T0 = 1700000000
CL, SV = "192.0.2.10", "198.51.100.20"
ISPI = bytes.fromhex("a1b2c3d4e5f60718")
RSPI = bytes.fromhex("1122334455667788")


def pl(next_type, body, crit=0):
    return struct.pack(">BBH", next_type, crit, 4 + len(body)) + body


def chain(items):
    """items: list of (type, body); returns (first type, bytes)"""
    out = b""
    for i, (t, b) in enumerate(items):
        nxt = items[i + 1][0] if i + 1 < len(items) else 0
        out += pl(nxt, b)
    return (items[0][0] if items else 0), out


def hdr(ispi, rspi, first, ver, exch, flags, mid, body):
    return ispi + rspi + struct.pack(">BBBBII", first, ver, exch, flags, mid, 28 + len(body)) + body


def tf2(ttype, tid, attrs=b""):
    return (3, struct.pack(">BBH", ttype, 0, tid) + attrs)


def prop(num, proto, transforms, spi=b""):
    _, body = chain(transforms)
    return (2, struct.pack(">BBBB", num, proto, len(spi), len(transforms)) + spi + body)


def sa(props):
    return chain(props)[1]


def notify2(mtype, data=b"", proto=0, spi=b""):
    return (41, struct.pack(">BBH", proto, len(spi), mtype) + spi + data)


def eap(code, ident, typ=None, data=b""):
    body = b"" if typ is None else bytes([typ]) + data
    return struct.pack(">BBH", code, ident, 4 + len(body)) + body


def ike_sa_init(resp):
    keylen = struct.pack(">HH", 0x800E, 128)
    props = [prop(1, 1, [tf2(1, 12, keylen), tf2(2, 5), tf2(3, 12), tf2(4, 19)])]
    items = [(33, sa(props)), (34, struct.pack(">HH", 19, 0) + bytes(range(64))),
             (40, bytes(range(100, 132)))]
    if not resp:
        items += [notify2(16388, bytes(20)), notify2(16389, b"\x01" * 20),
                  notify2(16431, bytes.fromhex("0001000200030004")),
                  (43, bytes.fromhex("afcad71368a1f1c96b8696fc77570100"))]
    else:
        items += [(43, b"trawl-test-vendor")]
    first, body = chain(items)
    return hdr(ISPI, RSPI if resp else bytes(8), first, 0x20, 34, 0x20 if resp else 0x08, 0, body)


def ike_auth_req():
    cp_attrs = struct.pack(">HH", 1, 0) + struct.pack(">HH", 3, 0)
    ts = struct.pack(">BBHHH", 7, 0, 16, 0, 65535) + bytes([10, 0, 0, 0]) + bytes([10, 0, 0, 255])
    props = [prop(1, 3, [tf2(1, 12, struct.pack(">HH", 0x800E, 256)), tf2(3, 12), tf2(5, 0)],
                  spi=bytes.fromhex("c0ffee01"))]
    items = [(35, struct.pack(">B3x", 2) + b"client.example.org"),
             (47, struct.pack(">B3x", 1) + cp_attrs), (33, sa(props)),
             (44, struct.pack(">B3x", 1) + ts), (45, struct.pack(">B3x", 1) + ts),
             (48, eap(2, 0, 1, b"user@example.org"))]
    first, body = chain(items)
    return hdr(ISPI, RSPI, first, 0x20, 35, 0x08, 1, body)


def ike_auth_resp():
    items = [(36, struct.pack(">B3x", 1) + bytes([198, 51, 100, 20])),
             (39, struct.pack(">B3x", 2) + bytes(range(20))),
             (48, eap(1, 1, 4, bytes([16]) + bytes(range(16)) + b"srv"))]
    first, body = chain(items)
    return hdr(ISPI, RSPI, first, 0x20, 35, 0x20, 1, body)


def informational():
    first, body = chain([(46, bytes.fromhex("0102030405060708") + bytes(range(40)))])
    # the SK payload's next payload names the first inner payload (Delete)
    body = bytes([42]) + body[1:]
    return hdr(ISPI, RSPI, first, 0x20, 37, 0x08, 2, body)


def v1_attr_tv(t, v):
    return struct.pack(">HH", 0x8000 | t, v)


def ikev1_mm1():
    attrs = (v1_attr_tv(1, 7) + v1_attr_tv(14, 256) + v1_attr_tv(2, 2) + v1_attr_tv(3, 1) +
             v1_attr_tv(4, 14) + v1_attr_tv(11, 1) + struct.pack(">HH", 12, 4) +
             struct.pack(">I", 86400))
    t = (3, struct.pack(">BBH", 1, 1, 0) + attrs)
    p = (2, struct.pack(">BBBB", 1, 1, 0, 1) + chain([t])[1])
    sa_body = struct.pack(">II", 1, 1) + chain([p])[1]
    items = [(1, sa_body), (13, bytes.fromhex("09002689dfd6b712")),
             (13, bytes.fromhex("12f5f28c457168a9702d9fe274cc0100"))]
    first, body = chain(items)
    return hdr(ISPI, bytes(8), first, 0x10, 2, 0, 0, body)


def ikev1_mm3():
    items = [(4, bytes(range(128))), (10, bytes(range(24))), (20, b"\x11" * 20), (20, b"\x22" * 20)]
    first, body = chain(items)
    return hdr(ISPI, RSPI, first, 0x10, 2, 0, 0, body)


def ikev1_info():
    n = (11, struct.pack(">IBBH", 1, 1, 16, 36136) + ISPI + RSPI + struct.pack(">I", 7))
    d = (12, struct.pack(">IBBH", 1, 3, 4, 1) + bytes.fromhex("deadbeef"))
    first, body = chain([n, d])
    return hdr(ISPI, RSPI, first, 0x10, 5, 0, 0x01020304, body)


def ikev1_qm_enc():
    return hdr(ISPI, RSPI, 8, 0x10, 32, 0x01, 0x0badcafe, bytes(range(48)))


def udp(src, dst, sport, dport, payload):
    return Ether(src="00:00:5e:00:53:01", dst="00:00:5e:00:53:02") / IP(
        src=src, dst=dst, id=1, flags="DF") / UDP(sport=sport, dport=dport) / payload


def main():
    M = b"\0\0\0\0"
    pkts = [
        udp(CL, SV, 500, 500, ike_sa_init(False)),
        udp(SV, CL, 500, 500, ike_sa_init(True)),
        udp(CL, SV, 4500, 4500, M + ike_auth_req()),
        udp(SV, CL, 4500, 4500, M + ike_auth_resp()),
        udp(CL, SV, 4500, 4500, M + informational()),
        udp(CL, SV, 4500, 4500, b"\xff"),
        udp(CL, SV, 4500, 4500, bytes.fromhex("c0ffee0100000001") + bytes(range(48))),
        udp(CL, SV, 500, 500, ikev1_mm1()),
        udp(SV, CL, 500, 500, ikev1_mm3()),
        udp(CL, SV, 500, 500, ikev1_info()),
        udp(CL, SV, 500, 500, ikev1_qm_enc()),
    ]
    for i, p in enumerate(pkts):
        p.time = T0 + i * 0.25
    wrpcap(os.path.join(HERE, "ike.pcap"), pkts)


main()
