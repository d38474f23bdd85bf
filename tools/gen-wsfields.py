#!/usr/bin/env python3
"""Write data/wsfields.tsv.gz: every field and protocol name Wireshark (tshark -G) knows, with
its type as trawl's enum tw_ft number. Run by hand when the reference tshark changes:

    python3 tools/gen-wsfields.py [TSHARK] > /dev/null   # writes data/wsfields.tsv.gz

Only names and types are kept (facts about the interface users type filters against)."""
import gzip
import os
import subprocess
import sys

# trawl's enum tw_ft, in order (src/dissect/dissect.h)
TW_FT = ["FT_NONE", "FT_PROTOCOL", "FT_BOOLEAN", "FT_CHAR", "FT_UINT8", "FT_UINT16", "FT_UINT24",
         "FT_UINT32", "FT_UINT40", "FT_UINT48", "FT_UINT56", "FT_UINT64", "FT_INT8", "FT_INT16",
         "FT_INT24", "FT_INT32", "FT_INT40", "FT_INT48", "FT_INT56", "FT_INT64", "FT_FLOAT",
         "FT_DOUBLE", "FT_ABSOLUTE_TIME", "FT_RELATIVE_TIME", "FT_STRING", "FT_STRINGZ",
         "FT_UINT_STRING", "FT_ETHER", "FT_BYTES", "FT_UINT_BYTES", "FT_IPv4", "FT_IPv6",
         "FT_FRAMENUM", "FT_GUID", "FT_OID", "FT_EUI64"]
# Wireshark types trawl has no enum value for: the nearest one that filters the same way
ALIAS = {"FT_STRINGZPAD": "FT_STRING", "FT_STRINGZTRUNC": "FT_STRING", "FT_IPXNET": "FT_UINT32",
         "FT_FCWWN": "FT_BYTES", "FT_AX25": "FT_BYTES", "FT_VINES": "FT_BYTES",
         "FT_SYSTEM_ID": "FT_BYTES", "FT_REL_OID": "FT_OID", "FT_IEEE_11073_SFLOAT": "FT_FLOAT",
         "FT_IEEE_11073_FLOAT": "FT_FLOAT"}


def main():
    tshark = sys.argv[1] if len(sys.argv) > 1 else "tshark"
    names = {}
    fields = subprocess.run([tshark, "-G", "fields"], capture_output=True, text=True,
                            check=True).stdout
    for line in fields.splitlines():
        c = line.split("\t")
        if c[0] == "P" and len(c) >= 3:
            names.setdefault(c[2], "FT_PROTOCOL")
        elif c[0] == "F" and len(c) >= 4:
            names.setdefault(c[2], c[3])
    protos = subprocess.run([tshark, "-G", "protocols"], capture_output=True, text=True,
                            check=True).stdout
    for line in protos.splitlines():
        c = line.split("\t")
        if len(c) >= 3:
            names.setdefault(c[2], "FT_PROTOCOL")
    out = []
    for name in sorted(names):
        t = ALIAS.get(names[name], names[name])
        if t not in TW_FT:
            print(f"skipping {name}: type {names[name]}", file=sys.stderr)
            continue
        out.append(f"{name}\t{TW_FT.index(t)}\n")
    here = os.path.dirname(os.path.abspath(__file__))
    path = os.path.join(here, "..", "data", "wsfields.tsv.gz")
    with open(path, "wb") as f:
        # mtime 0: the same input gives the same bytes
        with gzip.GzipFile(fileobj=f, mode="wb", compresslevel=9, mtime=0) as g:
            g.write("".join(out).encode())
    print(f"{len(out)} names -> {os.path.normpath(path)}", file=sys.stderr)


if __name__ == "__main__":
    main()
