#!/usr/bin/python3
"""Writes tests/pcaps/snmp.pcap: SNMP v1 get/get-next/response/trap, v2c getbulk/snmpV2-trap
a request/response order that exercises
tshark's new conversation per address/port pair (udp.stream), a reply from a second agent port,
a non-SNMP payload on 161 and trailing bytes after a message. Run with /usr/bin/python3 (scapy)."""
import os
from scapy.all import Ether, IP, UDP, Raw, wrpcap
from scapy.layers.snmp import (SNMP, SNMPget, SNMPnext, SNMPresponse, SNMPtrapv1, SNMPbulk,
                               SNMPtrapv2, SNMPvarbind)
from scapy.asn1.asn1 import ASN1_OID, ASN1_STRING, ASN1_INTEGER, ASN1_NULL, ASN1_TIME_TICKS, \
    ASN1_COUNTER32, ASN1_GAUGE32, ASN1_IPADDRESS

C, A, M = '10.0.0.1', '10.0.0.2', '10.0.0.9'
SYS = '1.3.6.1.2.1.1.1.0'


def vb(oid, val=None):
    return SNMPvarbind(oid=ASN1_OID(oid), value=val if val is not None else ASN1_NULL(0))


def v1(pdu, comm='public'):
    return bytes(SNMP(version=0, community=comm, PDU=pdu))


def v2(pdu, comm='private'):
    return bytes(SNMP(version=1, community=comm, PDU=pdu))


pk = []


def add(s, sp, d, dp, payload):
    x = Ether(src='02:00:00:00:00:01', dst='02:00:00:00:00:02') / IP(src=s, dst=d, id=len(pk) + 1) \
        / UDP(sport=sp, dport=dp) / Raw(payload)
    x.time = 1700000000 + len(pk) * 0.25
    pk.append(x)


add(C, 40000, A, 161, v1(SNMPget(id=1, varbindlist=[vb(SYS), vb('1.3.6.1.2.1.1.5.0')])))
add(C, 40000, A, 161, v1(SNMPget(id=1, varbindlist=[vb(SYS), vb('1.3.6.1.2.1.1.5.0')])))
add(A, 161, C, 40000, v1(SNMPresponse(id=1, varbindlist=[
    vb(SYS, ASN1_STRING(b'Linux box')), vb('1.3.6.1.2.1.1.5.0', ASN1_STRING(b'box'))])))
add(C, 40001, A, 161, v1(SNMPnext(id=2, varbindlist=[vb('1.3.6.1.2.1.2')])))
add(A, 1161, C, 40001, v1(SNMPresponse(id=2, varbindlist=[
    vb('1.3.6.1.2.1.2.1.0', ASN1_INTEGER(3))])))
add(A, 161, C, 40001, v1(SNMPresponse(id=2, error=2, error_index=1, varbindlist=[
    vb('1.3.6.1.2.1.2.2.1.10.1', ASN1_COUNTER32(123456)),
    vb('1.3.6.1.2.1.2.2.1.5.1', ASN1_GAUGE32(1000000000)),
    vb('1.3.6.1.2.1.1.3.0', ASN1_TIME_TICKS(4242)),
    vb('1.3.6.1.2.1.4.20.1.1.10.0.0.2', ASN1_IPADDRESS('10.0.0.2')),
    vb('1.3.6.1.2.1.1.2.0', ASN1_OID('1.3.6.1.4.1.8072.3.2.10')),
    vb('1.3.6.1.2.1.2.2.1.6.1', ASN1_STRING(b'\x00\x11\x22\x33\x44\x55'))])))
add(A, 5000, M, 162, v1(SNMPtrapv1(enterprise=ASN1_OID('1.3.6.1.4.1.9.1'), agent_addr='10.0.0.2',
                                   generic_trap=6, specific_trap=17, time_stamp=99,
                                   varbindlist=[vb('1.3.6.1.2.1.2.1.0', ASN1_INTEGER(-5))])))
add(A, 5000, M, 162, v1(SNMPtrapv1(enterprise=ASN1_OID('1.3.6.1.4.1.9.1'), agent_addr='10.0.0.2',
                                   generic_trap=2, specific_trap=0, time_stamp=100)))
add(C, 40002, A, 161, v2(SNMPbulk(id=3, non_repeaters=1, max_repetitions=10,
                                  varbindlist=[vb('1.3.6.1.2.1.1'), vb('0.1')])))
add(A, 5001, M, 162, v2(SNMPtrapv2(id=77, varbindlist=[
    vb('1.3.6.1.2.1.1.3.0', ASN1_TIME_TICKS(1)),
    vb('1.3.6.1.6.3.1.1.4.1.0', ASN1_OID('1.3.6.1.6.3.1.1.5.3'))])))
add(C, 40003, A, 161, b'not snmp at all')
add(C, 40003, A, 161, v2(SNMPget(id=4, varbindlist=[vb(SYS)])) + b'\xde\xad')

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'snmp.pcap')
wrpcap(out, pk)
