#!/usr/bin/python3
"""Writes the 802.11 test captures for trawl's radiotap, wlan_radio, ppi and wlan dissectors:

  wlan-radiotap.pcap  LINKTYPE_IEEE802_11_RADIOTAP (127): beacon, probe request/response,
                      authentication, association request/response, deauthentication,
                      disassociation, action, ACK/RTS/CTS/PS-Poll/BlockAckReq/BlockAck,
                      QoS data with LLC/SNAP/IPv4/UDP, data to-DS/from-DS/WDS (4 addresses)
                      with IPv4/ICMP and ARP, null function, QoS null, protected data (CCMP,
                      TKIP, WEP), +HTC, FCS present (good and bad), data padding, truncated
                      and malformed variants
  wlan-ppi.pcap       LINKTYPE_PPI (192): 802.11-common, 802.11n MAC, 802.11n MAC+PHY fields
                      in front of data and management frames, and a malformed PPI header
  wlan.pcap           LINKTYPE_IEEE802_11 (105): bare frames (no FCS)

Deterministic: fixed timestamps and addresses, no randomness.
Run: /usr/bin/python3 tests/pcaps/gen_wlan.py"""
import os
import struct
import zlib

from scapy.all import ARP, ICMP, IP, LLC, SNAP, UDP, Raw

HERE = os.path.dirname(os.path.abspath(__file__))
T0 = 1600000000

AP = bytes.fromhex("001122334455")
STA = bytes.fromhex("0019e3aabbcc")
STA2 = bytes.fromhex("66778899aabb")
BCAST = b"\xff" * 6
WDS1 = bytes.fromhex("02aabbccdd01")
WDS2 = bytes.fromhex("02aabbccdd02")


def write(name, linktype, frames):
    """frames: list of bytes or (bytes, caplen) -- a caplen below the length cuts the capture"""
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, linktype))
        for i, fr in enumerate(frames):
            data, cap = (fr, None) if isinstance(fr, (bytes, bytearray)) else fr
            data = bytes(data)
            wire = len(data)
            if cap is not None:
                data = data[:cap]
            f.write(struct.pack("<IIII", T0 + i, 1000 * i, len(data), wire))
            f.write(data)


def fc(ftype, subtype, flags=0):
    return bytes([(subtype << 4) | (ftype << 2), flags])


def seqctl(seq, frag=0):
    return struct.pack("<H", (seq << 4) | frag)


def hdr3(ftype, subtype, a1, a2, a3, seq, flags=0, dur=0, frag=0):
    return fc(ftype, subtype, flags) + struct.pack("<H", dur) + a1 + a2 + a3 + seqctl(seq, frag)


def tag(num, body):
    return bytes([num, len(body)]) + body


def ssid(s):
    return tag(0, s)


RATES = tag(1, bytes([0x82, 0x84, 0x8B, 0x96, 0x0C, 0x12, 0x18, 0x24]))
XRATES = tag(50, bytes([0x30, 0x48, 0x60, 0x6C]))
DSPARAM = tag(3, bytes([6]))
TIM = tag(5, bytes([0, 1, 0, 0]))
COUNTRY = tag(7, b"DE " + bytes([1, 13, 20]))
VENDOR = tag(221, bytes([0x02, 0x11, 0x22, 0x01, 0xAB, 0xCD]))


def fixed_beacon(ts=0x0123456789, bi=100, cap=0x0431):
    return struct.pack("<QHH", ts, bi, cap)


def llc_ip_udp(payload=b"hello wlan", src="192.0.2.1", dst="198.51.100.7"):
    return bytes(LLC(dsap=0xAA, ssap=0xAA, ctrl=3) / SNAP(OUI=0, code=0x0800) /
                 IP(src=src, dst=dst, id=7) / UDP(sport=40000, dport=9999) / Raw(payload))


def llc_ip_icmp(src="192.0.2.1", dst="198.51.100.7"):
    return bytes(LLC(dsap=0xAA, ssap=0xAA, ctrl=3) / SNAP(OUI=0, code=0x0800) /
                 IP(src=src, dst=dst, id=8) / ICMP(id=1, seq=2) / Raw(b"ping"))


def llc_arp():
    return bytes(LLC(dsap=0xAA, ssap=0xAA, ctrl=3) / SNAP(OUI=0, code=0x0806) /
                 ARP(op=1, hwsrc="00:19:e3:aa:bb:cc", psrc="192.0.2.1", pdst="192.0.2.254"))


def with_fcs(frame):
    return frame + struct.pack("<I", zlib.crc32(frame) & 0xFFFFFFFF)


# ---- management frames ----
beacon = hdr3(0, 8, BCAST, AP, AP, 100) + fixed_beacon() + ssid(b"trawl-net") + RATES + \
    DSPARAM + TIM + COUNTRY + XRATES + VENDOR
beacon_hidden = hdr3(0, 8, BCAST, AP, AP, 101) + fixed_beacon() + ssid(b"\0\0\0\0") + RATES
probe_req = hdr3(0, 4, BCAST, STA, BCAST, 5) + ssid(b"") + RATES + XRATES
probe_req_named = hdr3(0, 4, BCAST, STA, BCAST, 6) + ssid(b"trawl-net") + RATES
probe_resp = hdr3(0, 5, STA, AP, AP, 102, flags=0x08, dur=314) + fixed_beacon(cap=0x0411) + \
    ssid(b"trawl-net") + RATES + DSPARAM
auth = hdr3(0, 11, AP, STA, AP, 7, dur=314) + struct.pack("<HHH", 0, 1, 0)
auth_resp = hdr3(0, 11, STA, AP, AP, 103, dur=314) + struct.pack("<HHH", 0, 2, 0)
assoc_req = hdr3(0, 0, AP, STA, AP, 8) + struct.pack("<HH", 0x0431, 10) + ssid(b"trawl-net") + RATES
assoc_resp = hdr3(0, 1, STA, AP, AP, 104) + struct.pack("<HHH", 0x0431, 0, 0xC001) + RATES
reassoc_req = hdr3(0, 2, AP, STA, AP, 9) + struct.pack("<HH", 0x0431, 10) + AP + ssid(b"trawl-net")
deauth = hdr3(0, 12, STA, AP, AP, 105) + struct.pack("<H", 7)
disassoc = hdr3(0, 10, AP, STA, AP, 10) + struct.pack("<H", 8)
action = hdr3(0, 13, AP, STA, AP, 11) + bytes([3, 0, 1, 0x02, 0x10, 0x00, 0x00])
atim = hdr3(0, 9, BCAST, STA, AP, 12)

# ---- control frames ----
ack = fc(1, 13) + struct.pack("<H", 0) + STA
cts = fc(1, 12) + struct.pack("<H", 100) + AP
rts = fc(1, 11) + struct.pack("<H", 200) + AP + STA
pspoll = fc(1, 10, 0x10) + struct.pack("<H", 0xC001) + AP + STA
bar = fc(1, 8) + struct.pack("<H", 100) + AP + STA + struct.pack("<HH", 0x0004, 0x0010)
ba = fc(1, 9) + struct.pack("<H", 0) + STA + AP + struct.pack("<HH", 0x0004, 0x0010) + b"\xff" * 8
cfend = fc(1, 14) + struct.pack("<H", 0) + BCAST + AP

# ---- data frames ----
qos_data_tods = fc(2, 8, 0x01) + struct.pack("<H", 44) + AP + STA + STA2 + seqctl(200) + \
    struct.pack("<H", 0x0005) + llc_ip_udp()
data_fromds = hdr3(2, 0, STA, AP, STA2, 201, flags=0x02) + llc_ip_icmp("198.51.100.7", "192.0.2.1")
data_adhoc_arp = hdr3(2, 0, BCAST, STA, AP, 202) + llc_arp()
wds = fc(2, 0, 0x03) + struct.pack("<H", 0) + WDS2 + WDS1 + STA2 + seqctl(203) + STA + llc_ip_udp()
wds_qos = fc(2, 8, 0x03) + struct.pack("<H", 0) + WDS2 + WDS1 + STA2 + seqctl(204) + STA + \
    struct.pack("<H", 0x0006) + llc_ip_udp()
null_fn = hdr3(2, 4, AP, STA, AP, 205, flags=0x11, dur=48)
qos_null = fc(2, 12, 0x01) + struct.pack("<H", 48) + AP + STA + AP + seqctl(206) + struct.pack("<H", 0x0010)
ccmp = fc(2, 8, 0x41) + struct.pack("<H", 44) + AP + STA + STA2 + seqctl(207) + struct.pack("<H", 0) + \
    bytes([0x01, 0x00, 0x00, 0x20, 0x00, 0x00, 0x00, 0x00]) + bytes(range(40)) + b"\x11" * 8
tkip = hdr3(2, 0, AP, STA, STA2, 208, flags=0x41) + bytes([0x00, 0x20, 0x01, 0x20, 0x05, 0x00, 0x00, 0x00]) + \
    bytes(range(30)) + b"\x22" * 12
wep = hdr3(2, 0, AP, STA, STA2, 209, flags=0x41) + bytes([0x12, 0x34, 0x56, 0x40]) + bytes(range(20)) + \
    b"\x33" * 4
htc = fc(2, 8, 0x81) + struct.pack("<H", 44) + AP + STA + STA2 + seqctl(210) + struct.pack("<H", 0x0000) + \
    struct.pack("<I", 0x00001000) + llc_ip_udp(b"htc")
frag1 = hdr3(2, 0, AP, STA, STA2, 211, flags=0x05) + llc_ip_udp(b"A" * 20)[:24]
retry_data = hdr3(2, 0, AP, STA, STA2, 200, flags=0x09) + llc_ip_udp(b"retry")
# a data frame with an unknown subtype and one with a reserved type
unknown_type = fc(3, 5) + struct.pack("<H", 0) + AP + STA + AP + seqctl(1) + b"abc"

# ---- radiotap ----


def radiotap(flags=None, rate=None, freq=None, chflags=0, signal=None, noise=None, antenna=None):
    present = 0
    body = b""

    def align(b, n):
        off = 8 + len(b)
        return b + b"\0" * ((-off) % n)
    if flags is not None:
        present |= 1 << 1
        body += bytes([flags])
    if rate is not None:
        present |= 1 << 2
        body += bytes([rate])
    if freq is not None:
        present |= 1 << 3
        body = align(body, 2) + struct.pack("<HH", freq, chflags)
    if signal is not None:
        present |= 1 << 5
        body += struct.pack("<b", signal)
    if noise is not None:
        present |= 1 << 6
        body += struct.pack("<b", noise)
    if antenna is not None:
        present |= 1 << 11
        body += bytes([antenna])
    return struct.pack("<BBHI", 0, 0, 8 + len(body), present) + body


RT_B = dict(rate=2, freq=2437, chflags=0x00A0, signal=-40, noise=-90, antenna=1)
RT_G = dict(rate=108, freq=2437, chflags=0x00C0, signal=-55, noise=-95, antenna=0)


def rt(frame, fcs=False, badfcs=False, pad=False, **kw):
    fl = 0x02
    if fcs:
        fl |= 0x10
        frame = with_fcs(frame)
        if badfcs:
            frame = frame[:-4] + bytes([frame[-4] ^ 0xFF]) + frame[-3:]
            fl |= 0x40
    if pad:
        fl |= 0x20
    args = dict(RT_G)
    args.update(kw)
    return radiotap(flags=fl, **args) + frame


def padded(frame, hlen):
    """insert data padding after an hlen-byte header up to a multiple of 4"""
    n = (-hlen) % 4
    return frame[:hlen] + b"\0" * n + frame[hlen:]


rt_frames = [
    rt(beacon, fcs=True, **RT_B),
    rt(beacon_hidden),
    rt(probe_req, **RT_B),
    rt(probe_req_named),
    rt(probe_resp, fcs=True),
    rt(auth),
    rt(auth_resp),
    rt(assoc_req),
    rt(assoc_resp),
    rt(reassoc_req),
    rt(deauth, fcs=True),
    rt(disassoc),
    rt(action),
    rt(atim),
    rt(ack, fcs=True, **RT_B),
    rt(cts),
    rt(rts),
    rt(pspoll),
    rt(bar),
    rt(ba),
    rt(cfend),
    rt(qos_data_tods, fcs=True),
    rt(data_fromds),
    rt(data_adhoc_arp),
    rt(wds),
    rt(wds_qos, fcs=True),
    rt(null_fn),
    rt(qos_null),
    rt(ccmp, fcs=True),
    rt(tkip),
    rt(wep),
    rt(htc),
    rt(frag1),
    rt(retry_data),
    rt(qos_data_tods, fcs=True, badfcs=True),
    rt(padded(qos_data_tods, 26), pad=True),
    rt(unknown_type),
    # truncated: cut in the middle of the IP header, and in the 802.11 header
    (rt(qos_data_tods), 24 + 40),
    (rt(beacon), 24 + 30),
    # malformed: a management frame shorter than its header, a beacon whose SSID tag runs off
    # the end, a control frame of 4 bytes, an FCS-flagged frame shorter than the FCS
    rt(beacon[:16]),
    rt(beacon[:24 + 12] + bytes([0, 20]) + b"abc"),
    rt(ack[:4]),
    rt(b"\xd4\x00", fcs=False),
    radiotap(flags=0x10) + b"\xd4\x00",
]

# ---- PPI ----


def ppi_field(ftype, body):
    return struct.pack("<HH", ftype, len(body)) + body


def ppi(fields, dlt=105, flags=0):
    body = b"".join(fields)
    return struct.pack("<BBHI", 0, flags, 8 + len(body), dlt) + body


def ppi_common(tsft=0x1122334455, flags=0x0000, rate=108, freq=2437, chflags=0x00C0, fhss=(0, 0),
               signal=-50, noise=-90):
    return ppi_field(2, struct.pack("<QHHHHBBbb", tsft, flags, rate, freq, chflags, fhss[0], fhss[1],
                                    signal, noise))


def ppi_n_mac(flags=0x00000003, ampdu_id=42, delims=1):
    return ppi_field(3, struct.pack("<IIB3s", flags, ampdu_id, delims, b"\0\0\0"))


def ppi_n_macphy(flags=0x00000002, ampdu_id=7, delims=0, mcs=7, streams=1, rssi=200,
                 freq=5180, chflags=0x0140):
    body = struct.pack("<IIB", flags, ampdu_id, delims)
    body += struct.pack("<BBB", mcs, streams, rssi)
    body += bytes([1, 2, 3, 4])            # RSSI per antenna, control channel
    body += bytes([5, 6, 7, 8])            # RSSI per antenna, extension channel
    body += struct.pack("<HH", freq, chflags)
    body += struct.pack("<bbbbbbbb", -60, -90, -61, -91, -62, -92, -63, -93)
    body += struct.pack("<IIII", 1, 2, 3, 4)
    return ppi_field(4, body)


ppi_frames = [
    ppi([ppi_common(flags=0x0001)]) + with_fcs(beacon),
    ppi([ppi_common()]) + qos_data_tods,
    ppi([ppi_common(rate=2, chflags=0x00A0), ppi_n_mac()]) + data_fromds,
    ppi([ppi_n_macphy()]) + probe_req,
    ppi([ppi_common(), ppi_n_macphy(mcs=15, streams=2, flags=0x00000001)]) + ack,
    ppi([ppi_common(flags=0x0004)]) + with_fcs(qos_data_tods),
    ppi([ppi_field(0x7777, b"\x01\x02\x03")]) + null_fn,
    # malformed: a field running past the header, a header length below 8
    ppi([ppi_field(2, b"\0" * 30)])[:8] + struct.pack("<HH", 2, 40) + b"\0" * 10 + ack,
    struct.pack("<BBHI", 0, 0, 6, 105) + ack,
    (ppi([ppi_common()]) + qos_data_tods, 30),
]

plain_frames = [
    beacon, probe_req, probe_resp, auth, ack, rts, cts, qos_data_tods, data_fromds, wds, null_fn,
    ccmp, wep, bar, ba, deauth, (beacon, 40), beacon[:10], htc,
]

write("wlan-radiotap.pcap", 127, rt_frames)
write("wlan-ppi.pcap", 192, ppi_frames)
write("wlan.pcap", 105, plain_frames)
