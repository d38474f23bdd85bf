"""A small, independent reader of pcap and pcapng files for the tests: it checks what trawl's
writer produced without going through trawl's own reader.

read_capture(path) -> (kind, ifaces, frames)
  kind    "pcap", "pcap-nsec" or "pcapng"
  ifaces  list of dicts: linktype, snaplen, tsresol (units per second), name
  frames  list of (ts_ns, caplen, wirelen, data, iface, comments, flags)
Raises ValueError on a malformed file."""
import struct


def _pcap(data):
    magic = data[:4]
    table = {b"\xd4\xc3\xb2\xa1": ("<", 10**6), b"\xa1\xb2\xc3\xd4": (">", 10**6),
             b"\x4d\x3c\xb2\xa1": ("<", 10**9), b"\xa1\xb2\x3c\x4d": (">", 10**9)}
    if magic not in table:
        raise ValueError("not a pcap file")
    e, units = table[magic]
    if len(data) < 24:
        raise ValueError("pcap header cut short")
    snap, ltword = struct.unpack_from(e + "II", data, 16)
    ifaces = [{"linktype": ltword & 0xFFFF, "snaplen": snap, "tsresol": units, "name": None,
               "ltword": ltword}]
    frames = []
    off = 24
    while off < len(data):
        if off + 16 > len(data):
            raise ValueError("record header cut short at %d" % off)
        s, frac, incl, orig = struct.unpack_from(e + "IIII", data, off)
        if off + 16 + incl > len(data):
            raise ValueError("record data cut short at %d" % off)
        frames.append((s * 10**9 + frac * (10**9 // units), incl, orig,
                       data[off + 16:off + 16 + incl], 0, [], None))
        off += 16 + incl
    return ("pcap" if units == 10**6 else "pcap-nsec"), ifaces, frames


def _options(body, e):
    out = []
    off = 0
    while off + 4 <= len(body):
        code, ln = struct.unpack_from(e + "HH", body, off)
        off += 4
        if code == 0:
            break
        if off + ln > len(body):
            raise ValueError("option runs past its block")
        out.append((code, body[off:off + ln]))
        off += (ln + 3) & ~3
    return out


def _pcapng(data):
    ifaces, frames = [], []
    sec_base = 0
    e = "<"
    off = 0
    while off < len(data):
        if off + 12 > len(data):
            raise ValueError("block cut short at %d" % off)
        if data[off:off + 4] == b"\x0a\x0d\x0d\x0a":
            bom = data[off + 8:off + 12]
            e = "<" if bom == b"\x4d\x3c\x2b\x1a" else ">" if bom == b"\x1a\x2b\x3c\x4d" else None
            if e is None:
                raise ValueError("bad byte-order magic at %d" % off)
            sec_base = len(ifaces)
        btype, blen = struct.unpack_from(e + "II", data, off)
        if blen < 12 or blen % 4 or off + blen > len(data):
            raise ValueError("bad block length %d at %d" % (blen, off))
        if struct.unpack_from(e + "I", data, off + blen - 4)[0] != blen:
            raise ValueError("trailing length differs at %d" % off)
        b = data[off:off + blen]
        if btype == 1:
            lt, _r, snap = struct.unpack_from(e + "HHI", b, 8)
            res, name = 10**6, None
            for code, v in _options(b[16:-4], e):
                if code == 9 and v:
                    res = 2 ** (v[0] & 0x7F) if v[0] & 0x80 else 10 ** v[0]
                elif code == 2:
                    name = v.rstrip(b"\0").decode("utf-8", "replace")
            ifaces.append({"linktype": lt, "snaplen": snap, "tsresol": res, "name": name})
        elif btype in (2, 6):
            if btype == 6:
                ifid, hi, lo, incl, orig = struct.unpack_from(e + "IIIII", b, 8)
            else:
                ifid, _d, hi, lo, incl, orig = struct.unpack_from(e + "HHIIII", b, 8)
            g = sec_base + ifid
            if g >= len(ifaces):
                raise ValueError("packet for unknown interface %d at %d" % (ifid, off))
            res = ifaces[g]["tsresol"]
            ts = (hi << 32) | lo
            comments, flags = [], None
            for code, v in _options(b[28 + ((incl + 3) & ~3):-4], e):
                if code == 1:
                    comments.append(v)
                elif code == 2 and len(v) >= 4:
                    flags = struct.unpack_from(e + "I", v)[0]
            frames.append((ts * 10**9 // res, incl, orig, b[28:28 + incl], g, comments, flags))
        elif btype == 3:
            orig = struct.unpack_from(e + "I", b, 8)[0]
            incl = min(orig, blen - 16, ifaces[sec_base]["snaplen"] or orig)
            frames.append((0, incl, orig, b[12:12 + incl], sec_base, [], None))
        off += blen
    return "pcapng", ifaces, frames


def read_capture(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:4] == b"\x0a\x0d\x0d\x0a":
        return _pcapng(data)
    return _pcap(data)
