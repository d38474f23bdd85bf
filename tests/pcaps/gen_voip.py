#!/usr/bin/python3
"""Writes tests/pcaps/voip.pcap: a SIP call over UDP (INVITE and 200 OK with SDP bodies, ACK,
BYE), the RTP and RTCP (SR+SDES, RR, BYE, APP) that follow on the announced ports, a keep-alive
of blanks on 5060 (not SIP), SIP over TCP 5060 (a REGISTER split over two segments and
reassembled to its Content-Length, its 200 OK), an HTTP response with a text/xml body, and
NetFlow v5 and v9 (template, then data) exports on UDP 2055.
Deterministic: fixed addresses, ports, timestamps. Run with /usr/bin/python3 (scapy)."""
import os
import struct
from scapy.all import Ether, IP, UDP, TCP, Raw, wrpcap

pk = []
A, B = '10.1.0.1', '10.2.0.2'  # caller (alice), callee (bob)


def emit(p):
    p.time = 1700000000 + len(pk) * 0.02
    pk.append(p)


def udp(s, sp, d, dp, payload, ipid=None):
    emit(Ether(src='02:00:00:00:00:01', dst='02:00:00:00:00:02') /
         IP(src=s, dst=d, id=len(pk) + 1) / UDP(sport=sp, dport=dp) / Raw(payload))


def sdp(ip, port, sess):
    return ('v=0\r\no=alice %d 1 IN IP4 %s\r\ns=call\r\nc=IN IP4 %s\r\nt=0 0\r\n'
            'm=audio %d RTP/AVP 8 0 101\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:0 PCMU/8000\r\n'
            'a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15; foo=1\r\na=ptime:20\r\n'
            'a=sendrecv\r\n' % (sess, ip, ip, port))


def sip(first, cseq, body=b'', ctype=None, extra=''):
    h = first + '\r\n'
    h += 'Via: SIP/2.0/UDP %s:5060;branch=z9hG4bK%s\r\n' % (A, cseq.split()[0])
    h += 'Max-Forwards: 70\r\n'
    h += 'From: "Alice" <sip:alice@example.org>;tag=a1\r\nTo: <sip:bob@example.org>\r\n'
    h += 'Call-ID: call-1@example.org\r\nCSeq: %s\r\n' % cseq
    h += 'Contact: <sip:alice@%s:5060>\r\n' % A
    h += extra
    if ctype:
        h += 'Content-Type: %s\r\n' % ctype
    h += 'Content-Length: %d\r\n\r\n' % len(body)
    return h.encode() + body


# the call: INVITE (SDP: alice's media 10.1.0.1:40000), 100, 200 OK (SDP: bob's 10.2.0.2:50000)
udp(A, 5060, B, 5060, sip('INVITE sip:bob@example.org SIP/2.0', '1 INVITE',
                          sdp(A, 40000, 11).encode(), 'application/sdp', 'User-Agent: gen\r\n'))
udp(B, 5060, A, 5060, sip('SIP/2.0 100 Trying', '1 INVITE'))
udp(B, 5060, A, 5060, sip('SIP/2.0 200 OK', '1 INVITE', sdp(B, 50000, 22).encode(),
                          'application/sdp', 'Server: gen\r\n'))
udp(A, 5060, B, 5060, sip('ACK sip:bob@example.org SIP/2.0', '1 ACK'))


def rtp(s, sp, d, dp, seq, ts, ssrc, pt=8, marker=0, payload=b'\xd5' * 160, pad=0, csrc=(),
        ext=None):
    b0 = 0x80 | (0x20 if pad else 0) | (0x10 if ext else 0) | len(csrc)
    h = struct.pack('!BBHII', b0, (marker << 7) | pt, seq, ts, ssrc)
    for c in csrc:
        h += struct.pack('!I', c)
    if ext:
        h += struct.pack('!HH', ext[0], len(ext[1]) // 4) + ext[1]
    body = payload
    if pad:
        body += b'\x00' * (pad - 1) + bytes([pad])
    udp(s, sp, d, dp, h + body)


for i in range(4):
    rtp(A, 40000, B, 50000, 100 + i, 8000 + 160 * i, 0x11223344, marker=1 if i == 0 else 0)
    rtp(B, 50000, A, 40000, 7 + i, 900 + 160 * i, 0x55667788, pt=0)
rtp(A, 40000, B, 50000, 105, 8800, 0x11223344, pt=96, payload=b'abcd', pad=4,
    csrc=(0x01020304,), ext=(0xbede, b'\x10\xaa\x00\x00'))


def rtcp_hdr(pt, count, words, pad=0):
    return struct.pack('!BBH', 0x80 | (0x20 if pad else 0) | count, pt, words)


def report_block(ssrc):
    return struct.pack('!IB', ssrc, 12) + (5).to_bytes(3, 'big') + \
        struct.pack('!IIII', 0x0001006e, 33, 0x11112222, 65536)


def sdes(ssrc, items):
    body = struct.pack('!I', ssrc)
    for t, v in items:
        body += bytes([t, len(v)]) + v
    body += b'\x00'
    while len(body) % 4:
        body += b'\x00'
    return body


sr = struct.pack('!IIIIII', 0x11223344, 3908941000, 0x80000000, 8800, 6, 964) + \
    report_block(0x55667788)
c1 = sdes(0x11223344, [(1, b'alice@example.org'), (6, b'gen')])
pkt = rtcp_hdr(200, 1, len(sr) // 4) + sr + rtcp_hdr(202, 1, len(c1) // 4) + c1
udp(A, 40001, B, 50001, pkt)
rr = struct.pack('!I', 0x55667788) + report_block(0x11223344)
c2 = sdes(0x55667788, [(1, b'bob@example.org')])
udp(B, 50001, A, 40001, rtcp_hdr(201, 1, len(rr) // 4) + rr + rtcp_hdr(202, 1, len(c2) // 4) + c2)
app = struct.pack('!I', 0x11223344) + b'TEST' + b'\x01\x02\x03\x04'
reason = b'\x03bye'
udp(A, 40001, B, 50001, rtcp_hdr(204, 3, len(app) // 4) + app +
    rtcp_hdr(203, 1, 2) + struct.pack('!I', 0x11223344) + reason)

udp(A, 5060, B, 5060, sip('BYE sip:bob@example.org SIP/2.0', '2 BYE'))
udp(B, 5060, A, 5060, sip('SIP/2.0 200 OK', '2 BYE'))
udp(A, 5060, B, 5060, b'     ')  # keep-alive: not SIP

# SIP over TCP: a REGISTER in two segments, its 200 OK
C, S = '10.3.0.3', '10.4.0.4'
cseq, sseq = 1000, 5000


def tcp(cli, flags, data=b''):
    global cseq, sseq
    if cli:
        p = IP(src=C, dst=S, id=len(pk) + 1) / TCP(sport=5070, dport=5060, seq=cseq, ack=sseq,
                                                    flags=flags, window=65535)
        cseq += len(data) + (1 if 'S' in flags or 'F' in flags else 0)
    else:
        p = IP(src=S, dst=C, id=len(pk) + 1) / TCP(sport=5060, dport=5070, seq=sseq, ack=cseq,
                                                    flags=flags, window=65535)
        sseq += len(data) + (1 if 'S' in flags or 'F' in flags else 0)
    emit(Ether(src='02:00:00:00:00:03', dst='02:00:00:00:00:04') / p / Raw(data) if data else
         Ether(src='02:00:00:00:00:03', dst='02:00:00:00:00:04') / p)


cseq -= 1
tcp(True, 'S')
sseq -= 1
p = IP(src=S, dst=C, id=len(pk) + 1) / TCP(sport=5060, dport=5070, seq=sseq, ack=cseq, flags='SA',
                                            window=65535)
sseq += 1
emit(Ether(src='02:00:00:00:00:04', dst='02:00:00:00:00:03') / p)
tcp(True, 'A')
reg = ('REGISTER sip:example.org SIP/2.0\r\nVia: SIP/2.0/TCP %s:5070;branch=z9hG4bKr1\r\n'
       'From: <sip:carol@example.org>;tag=c1\r\nTo: <sip:carol@example.org>\r\n'
       'Call-ID: reg-1@example.org\r\nCSeq: 5 REGISTER\r\nContact: <sip:carol@%s:5070>\r\n'
       'Expires: 3600\r\nContent-Type: text/plain\r\nContent-Length: 11\r\n\r\nhello world'
       % (C, C)).encode()
tcp(True, 'PA', reg[:120])
tcp(True, 'PA', reg[120:])
ok = ('SIP/2.0 200 OK\r\nVia: SIP/2.0/TCP %s:5070;branch=z9hG4bKr1\r\n'
      'From: <sip:carol@example.org>;tag=c1\r\nTo: <sip:carol@example.org>;tag=s1\r\n'
      'Call-ID: reg-1@example.org\r\nCSeq: 5 REGISTER\r\n'
      'Contact: <sip:carol@%s:5070>;expires=0\r\nContent-Length: 0\r\n\r\n' % (C, C)).encode()
tcp(False, 'PA', ok)

# HTTP with an XML body
H, W = '10.5.0.5', '10.6.0.6'
xml = b'<?xml version="1.0"?>\n<a x="1"><b>text</b></a>\n'
resp = (b'HTTP/1.1 200 OK\r\nContent-Type: application/xml\r\nContent-Length: %d\r\n\r\n'
        % len(xml)) + xml
emit(Ether() / IP(src=W, dst=H, id=len(pk) + 1) /
     TCP(sport=80, dport=40080, seq=1, ack=1, flags='PA', window=65535) / Raw(resp))

# NetFlow v5 (two records), v9 (data before its template, template, data)
R, K = '10.7.0.7', '10.8.0.8'
v5 = struct.pack('!HHIIIIBBH', 5, 2, 123456, 1700000000, 500, 77, 1, 2, 0x4005)
for i in range(2):
    v5 += struct.pack('!4s4s4sHHIIIIHHBBBBHHBBH', bytes([192, 0, 2, 1 + i]), bytes([198, 51, 100, 9]),
                      bytes([10, 0, 0, 1]), 3, 4, 10 + i, 1500 + i, 100000, 120000, 1234, 80, 0,
                      0x1b, 6, 0, 64512, 64513, 24, 16, 0)
udp(R, 40555, K, 2055, v5)
tmpl = struct.pack('!HH', 256, 4) + struct.pack('!HHHHHHHH', 8, 4, 12, 4, 1, 4, 2, 4)
data = struct.pack('!4s4sII', bytes([192, 0, 2, 5]), bytes([192, 0, 2, 6]), 999, 3)
hdr9 = lambda n, seq: struct.pack('!HHIII', 9, n, 5000, 1700000001, seq) + struct.pack('!I', 7)
udp(R, 40555, K, 2055, hdr9(1, 1) + struct.pack('!HH', 256, 4 + len(data)) + data)
udp(R, 40555, K, 2055, hdr9(2, 2) + struct.pack('!HH', 0, 4 + len(tmpl)) + tmpl +
    struct.pack('!HH', 256, 4 + len(data)) + data)

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'voip.pcap')
wrpcap(out, pk)
print('wrote', out, len(pk), 'packets')
