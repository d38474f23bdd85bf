#!/usr/bin/python3
"""Generate tests/pcaps/ssh.pcap: SSH-2 sessions on TCP 22 built byte by byte.

Streams:
 1. curve25519-sha256 key exchange with aes128-ctr/hmac-sha2-256: version exchange, the client's
    KEXINIT split over two TCP segments, the server's KEXINIT, ECDH init, the server's ECDH reply
    (ssh-ed25519 host key and signature) with NEWKEYS and a first encrypted packet in the same
    segment, the client's NEWKEYS, encrypted packets both ways.
 2. diffie-hellman-group-exchange-sha256 with an ssh-rsa host key and 3des-cbc: GEX request,
    group, init, reply + NEWKEYS, then encrypted packets (tshark shows their length), two
    KEXINIT-phase packets in one segment (IGNORE + KEXINIT).
 3. an HTTP request sent to port 22 before any version line, the server's version line split over
    two segments, and a packet shorter than four bytes.

Also writes tests/pcaps/ssh-cut.pcap: the same frames as a capture with a 150-byte snap length
would have kept them (packets cut inside, nothing to desegment with: "Packet size limited" and
tshark's "BoundError Unreassembled Packet").

Deterministic: fixed timestamps, fixed "random" bytes. Run with /usr/bin/python3 (Debian's scapy)."""
import os
import struct

from scapy.layers.inet import IP, TCP
from scapy.layers.l2 import Ether
from scapy.packet import Raw
from scapy.utils import wrpcap

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "pcaps", "ssh.pcap")

MAC_A, MAC_B = "02:00:00:00:00:0a", "02:00:00:00:00:0b"
CLI, SRV = "192.0.2.10", "198.51.100.22"

pkts = []
T = [1767225600.0]


def step():
    T[0] += 0.001
    return T[0]


def fill(seed, n):
    return bytes((seed * 7 + i * 13) & 0xFF for i in range(n))


def u32(v):
    return struct.pack("!I", v)


def sstr(b):
    if isinstance(b, str):
        b = b.encode()
    return u32(len(b)) + b


def mpint(b):
    return u32(len(b)) + b


def packet(payload, block=8):
    """binary packet: length, padding length, payload, padding (at least 4 bytes)"""
    pad = block - (len(payload) + 5) % block
    if pad < 4:
        pad += block
    return u32(len(payload) + 1 + pad) + bytes([pad]) + payload + bytes(pad)


def kexinit(seed, kex, hostkey, enc, mac, comp="none"):
    p = bytes([20]) + fill(seed, 16)
    for name in (kex, hostkey, enc, enc, mac, mac, comp, comp, "", ""):
        p += sstr(name)
    return packet(p + b"\x00" + u32(0))


class Conn:
    def __init__(self, cport, sport=22):
        self.cport, self.sport = cport, sport
        self.cseq, self.sseq = 1000, 5000

    def seg(self, from_client, data, flags="PA"):
        if from_client:
            ip = IP(src=CLI, dst=SRV)
            tcp = TCP(sport=self.cport, dport=self.sport, seq=self.cseq, ack=self.sseq, flags=flags)
            self.cseq += len(data)
        else:
            ip = IP(src=SRV, dst=CLI)
            tcp = TCP(sport=self.sport, dport=self.cport, seq=self.sseq, ack=self.cseq, flags=flags)
            self.sseq += len(data)
        eth = Ether(src=MAC_A, dst=MAC_B) if from_client else Ether(src=MAC_B, dst=MAC_A)
        p = eth / ip / tcp
        if data:
            p = p / Raw(data)
        p.time = step()
        pkts.append(p)

    def open(self):
        self.seg(True, b"", "S")
        self.cseq += 1
        self.seg(False, b"", "SA")
        self.sseq += 1
        self.seg(True, b"", "A")

    def close(self):
        self.seg(True, b"", "FA")
        self.cseq += 1
        self.seg(False, b"", "FA")
        self.sseq += 1
        self.seg(True, b"", "A")


ED_KEY = sstr("ssh-ed25519") + sstr(fill(3, 32))
ED_SIG = sstr("ssh-ed25519") + sstr(fill(4, 64))

# 1. curve25519, aes128-ctr
c = Conn(50022)
c.open()
c.seg(False, b"SSH-2.0-OpenSSH_9.6p1 Ubuntu-3ubuntu13\r\n")
c.seg(True, b"SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n")
ki = kexinit(1, "curve25519-sha256,ecdh-sha2-nistp256,diffie-hellman-group14-sha256",
             "ssh-ed25519,rsa-sha2-512", "aes128-ctr,chacha20-poly1305@openssh.com",
             "hmac-sha2-256,hmac-sha1")
c.seg(True, ki[:100])
c.seg(True, ki[100:])
c.seg(False, kexinit(2, "curve25519-sha256,diffie-hellman-group14-sha256",
                     "ssh-ed25519", "aes128-ctr,aes256-ctr", "hmac-sha2-256"))
c.seg(True, packet(bytes([30]) + sstr(fill(5, 32))))
reply = packet(bytes([31]) + sstr(ED_KEY) + sstr(fill(6, 32)) + sstr(ED_SIG))
c.seg(False, reply + packet(bytes([21])) + fill(7, 64))
c.seg(True, packet(bytes([21])))
c.seg(True, fill(8, 64))
c.seg(False, fill(9, 48))
c.seg(True, fill(10, 96))
c.seg(False, fill(11, 3))
c.close()

# 2. DH group exchange, ssh-rsa, 3des-cbc
c = Conn(50023)
c.open()
c.seg(False, b"SSH-2.0-OpenSSH_7.4\r\n")
c.seg(True, b"SSH-2.0-PuTTY_Release_0.70\r\n")
c.seg(True, packet(bytes([2]) + sstr(b"ignored")) +
      kexinit(12, "diffie-hellman-group-exchange-sha256", "ssh-rsa", "3des-cbc", "hmac-md5"))
c.seg(False, kexinit(13, "diffie-hellman-group-exchange-sha256,diffie-hellman-group1-sha1",
                     "ssh-rsa,ssh-dss", "3des-cbc,aes128-cbc", "hmac-md5,hmac-sha1"))
c.seg(True, packet(bytes([34]) + u32(1024) + u32(2048) + u32(8192)))
c.seg(False, packet(bytes([31]) + mpint(b"\x00" + fill(14, 128)) + mpint(b"\x02")))
c.seg(True, packet(bytes([32]) + mpint(fill(15, 128))))
rsa_key = sstr("ssh-rsa") + mpint(b"\x01\x00\x01") + mpint(b"\x00" + fill(16, 128))
rsa_sig = sstr("ssh-rsa") + sstr(fill(17, 128))
c.seg(False, packet(bytes([33]) + sstr(rsa_key) + mpint(b"\x00" + fill(18, 128)) +
                    sstr(rsa_sig)) + packet(bytes([21])))
c.seg(True, packet(bytes([21])) + fill(19, 40))
c.seg(True, fill(20, 56))
c.seg(False, fill(21, 72))
c.close()

# 3. not SSH first; a version line over two segments; a short packet
c = Conn(50024)
c.open()
c.seg(True, b"GET / HTTP/1.1\r\nHost: 198.51.100.22:22\r\nUser-Agent: curl/8.5.0\r\n\r\n")
c.seg(False, b"SSH-2.0-Open")
c.seg(False, b"SSH_8.7\r\n")
c.seg(False, b"Invalid SSH identification string.\r\n")
c.seg(True, b"\x00\x01")
c.close()

wrpcap(OUT, pkts)
print(OUT, len(pkts))

SNAP = 150
data = open(OUT, "rb").read()
magic, vmaj, vmin, zone, sigfigs, _snap, lt = struct.unpack_from("<IHHiIII", data, 0)
out = [struct.pack("<IHHiIII", magic, vmaj, vmin, zone, sigfigs, SNAP, lt)]
off = 24
while off + 16 <= len(data):
    sec, usec, incl, orig = struct.unpack_from("<IIII", data, off)
    pkt = data[off + 16:off + 16 + incl]
    off += 16 + incl
    out.append(struct.pack("<IIII", sec, usec, min(incl, SNAP), orig) + pkt[:SNAP])
CUT = os.path.join(HERE, "..", "pcaps", "ssh-cut.pcap")
with open(CUT, "wb") as f:
    f.write(b"".join(out))
print(CUT)
