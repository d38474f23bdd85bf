#!/usr/bin/python3
"""Writes tests/pcaps/udpconv.pcap: SIP over UDP with SDP bodies and the media that follow, for
tshark's conversations set up by SDP (udp.stream): RTP/RTCP/T.38 media with the other side
wildcarded, looked up by source then destination address/port, re-made by each SDP (re-INVITE,
retransmitted 200 OK, 183, error responses), media-level c=, a=rtcp:, no c=, port 0, non-RTP
transports, an exact pair that existed before the SDP, SIP found by its heuristic, IPv6.
Run with /usr/bin/python3 (scapy)."""
import os
from scapy.all import Ether, IP, IPv6, UDP, Raw, wrpcap

pk = []


def add(s, sp, d, dp, payload):
    ipl = IPv6(src=s, dst=d) if ':' in s else IP(src=s, dst=d, id=len(pk) + 1)
    x = Ether(src='02:00:00:00:00:01', dst='02:00:00:00:00:02') / ipl / UDP(sport=sp, dport=dp) \
        / Raw(payload)
    x.time = 1700000000 + len(pk) * 0.25
    pk.append(x)


def sdp(ip, port, extra='', sess_c=True, media_c=None, proto='RTP/AVP', media='audio', fmt='0 8'):
    v = '6' if ':' in ip else '4'
    s = 'v=0\r\no=- 1 1 IN IP%s %s\r\ns=-\r\n' % (v, ip)
    if sess_c:
        s += 'c=IN IP%s %s\r\n' % (v, ip)
    s += 't=0 0\r\nm=%s %d %s %s\r\n' % (media, port, proto, fmt)
    if media_c:
        s += 'c=IN IP4 %s\r\n' % media_c
    return s + extra


CSEQ = [0]


def invite(a, b, body, method='INVITE'):
    CSEQ[0] += 1
    return ('%s sip:bob@%s SIP/2.0\r\nVia: SIP/2.0/UDP %s:5060;branch=z9hG4bK%d\r\n'
            'From: <sip:alice@%s>;tag=1\r\nTo: <sip:bob@%s>\r\nCall-ID: c1@%s\r\nCSeq: %d %s\r\n'
            'Content-Type: application/sdp\r\nContent-Length: %d\r\n\r\n%s'
            % (method, b, a, CSEQ[0], a, b, a, CSEQ[0], method, len(body), body)).encode()


def resp(a, b, body, cseq, status='200 OK'):
    return ('SIP/2.0 %s\r\nVia: SIP/2.0/UDP %s:5060;branch=z9hG4bK%d\r\nFrom: <sip:alice@%s>;tag=1\r\n'
            'To: <sip:bob@%s>;tag=2\r\nCall-ID: c1@%s\r\nCSeq: %d INVITE\r\n'
            'Content-Type: application/sdp\r\nContent-Length: %d\r\n\r\n%s'
            % (status, a, cseq, a, b, a, cseq, len(body), body)).encode()


RTP = bytes([0x80, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 9]) + b'\x55' * 20

# offer/answer, then media both ways, RTCP (port + 1), another peer, a re-INVITE, its answer
A, B, C = '10.0.0.1', '10.0.0.2', '10.0.0.3'
add(A, 5060, B, 5060, invite(A, B, sdp(A, 4000)))
add(B, 5060, A, 5060, resp(A, B, sdp(B, 5000), CSEQ[0]))
add(A, 4000, B, 5000, RTP)
add(B, 5000, A, 4000, RTP)
add(A, 4000, B, 5000, RTP)
add(A, 4001, B, 5001, b'x' * 8)
add(B, 5001, A, 4001, b'x' * 8)
add(C, 6000, A, 4000, RTP)
add(A, 4000, C, 6000, RTP)
add(A, 5060, B, 5060, invite(A, B, sdp(A, 4000)))
add(A, 4000, B, 5000, RTP)
add(B, 5000, A, 4000, RTP)
add(B, 5060, A, 5060, resp(A, B, sdp(B, 5000), CSEQ[0]))
add(A, 4000, B, 5000, RTP)
add(B, 5000, A, 4000, RTP)
# an exact pair seen before the SDP keeps its stream
A, B = '10.1.0.1', '10.1.0.2'
add(A, 4000, B, 5000, RTP)
add(A, 5060, B, 5060, invite(A, B, sdp(A, 4000)))
add(A, 4000, B, 5000, RTP)
add(B, 5000, A, 4000, RTP)
# media-level c=, no c= at all, a=rtcp:, port 0
A, B = '10.2.0.1', '10.2.0.2'
add(A, 5060, B, 5060, invite(A, B, sdp(A, 4100, media_c='10.2.0.9')))
add(B, 5000, '10.2.0.9', 4100, RTP)
add('10.2.0.9', 4100, B, 5000, RTP)
add(B, 5000, A, 4100, RTP)
add(A, 4100, B, 5000, RTP)
add('10.2.0.3', 6000, '10.2.0.9', 4100, RTP)
add(A, 5060, B, 5060, invite(A, B, sdp(A, 4200, sess_c=False)))
add(B, 5000, A, 4200, RTP)
add(A, 4200, B, 5000, RTP)
add('10.2.0.3', 6000, A, 4200, RTP)
add(A, 5060, B, 5060, invite(A, B, sdp(A, 4300, extra='a=rtcp:4400\r\n')))
add(B, 5000, A, 4301, RTP)
add(A, 4301, B, 5000, RTP)
add(B, 5000, A, 4400, RTP)
add(A, 4400, B, 5000, RTP)
add('10.2.0.3', 6000, A, 4400, RTP)
add(A, 5060, B, 5060, invite(A, B, sdp(A, 0)))
add(B, 5000, A, 0, RTP)
add(A, 0, B, 5000, RTP)
# transports: T.38 (udptl), RTP/SAVP, RTP/AVPF yes; TCP/MSRP and udp no
A, B = '10.3.0.1', '10.3.0.2'
add(A, 5060, B, 5060, invite(A, B, sdp(A, 4000, proto='udptl', media='image', fmt='t38')))
add(B, 5000, A, 4000, RTP)
add(A, 4000, B, 5000, RTP)
add(A, 4001, B, 5000, RTP)
for i, (pr, md) in enumerate([('RTP/SAVP', 'video'), ('RTP/AVPF', 'audio'),
                              ('TCP/MSRP', 'message'), ('udp', 'audio')]):
    port = 4100 + 100 * i
    add(A, 5060, B, 5060, invite(A, B, sdp(A, port, proto=pr, media=md)))
    add(B, 5000, A, port, RTP)
    add(A, port, B, 5000, RTP)
# responses: 183 with SDP, 200 without a request seen, its retransmission, 486, another port;
# SIP on ports other than 5060 (heuristic)
A, B = '10.4.0.1', '10.4.0.2'
add(B, 5060, A, 5060, resp(A, B, sdp(B, 5100), 77, '183 Session Progress'))
add(A, 4000, B, 5100, RTP)
add(B, 5100, A, 4000, RTP)
for sp, st in [(5060, '200 OK'), (5060, '200 OK'), (5060, '486 Busy Here'), (5061, '200 OK')]:
    add(B, sp, A, 5060, resp(A, B, sdp(B, 5200), 78, st))
    add(A, 4000, B, 5200, RTP)
    add(B, 5200, A, 4000, RTP)
add(A, 5070, B, 5080, invite(A, B, sdp(A, 4600)))
add(B, 5000, A, 4600, RTP)
add(A, 4600, B, 5000, RTP)
# IPv6
A, B = 'fd00::1', 'fd00::2'
add(A, 5060, B, 5060, invite(A, B, sdp(A, 4000)))
add(B, 5000, A, 4000, RTP)
add(A, 4000, B, 5000, RTP)

wrpcap(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'udpconv.pcap'), pk)
