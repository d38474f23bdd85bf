"""Byte builders the TLS capture generators share (gen_tls.py, gen_tls_frag.py): big-endian
integers, length-prefixed vectors, TLS records, handshake messages and extensions, and the
deterministic filler bytes they use for randoms and opaque data."""
import struct


def fill(seed, n):
    return bytes((seed * 7 + i * 13) & 0xFF for i in range(n))


def u8(v):
    return struct.pack("!B", v)


def u16(v):
    return struct.pack("!H", v)


def u24(v):
    return struct.pack("!I", v)[1:]


def v8(b):
    return u8(len(b)) + b


def v16(b):
    return u16(len(b)) + b


def v24(b):
    return u24(len(b)) + b


def record(ctype, body, ver=0x0303):
    return u8(ctype) + u16(ver) + v16(body)


def hs(htype, body):
    return u8(htype) + v24(body)


def ext(etype, body):
    return u16(etype) + v16(body)
