#!/usr/bin/env python3
"""Compare --export-objects PROTO,DIR of trawl and tshark over captures.

For each capture both programs export into fresh directories; the directories must hold the
same file names with the same bytes. Prints one line per capture that differs (or, with -v,
per capture) and a summary: identical (with objects), identical (both empty), different.

  python3 tests/tools/eo_compare.py [--proto http] [--jobs 2] [--trawl build/trawl] PATHS...

PATHS are files or directories (searched for *.pcap, *.pcapng, *.cap, *.pcap.gz). With
--proto tls (tshark 4.0 has no tls export) each exported file is instead checked with
`openssl x509 -inform der -noout`.
"""
import argparse
import concurrent.futures as cf
import os
import shutil
import subprocess
import sys
import tempfile

EXTS = (".pcap", ".pcapng", ".cap", ".pcap.gz", ".pcapng.gz")
ENV = dict(os.environ, TZ="UTC", LC_ALL="C.UTF-8")


def files_of(paths):
    for p in paths:
        if os.path.isdir(p):
            for root, _, names in os.walk(p):
                for n in sorted(names):
                    if n.endswith(EXTS):
                        yield os.path.join(root, n)
        else:
            yield p


def read_dir(d):
    out = {}
    if not os.path.isdir(d):
        return None
    for n in os.listdir(d):
        with open(os.path.join(d, n), "rb") as f:
            out[n] = f.read()
    return out


def run(cmd, timeout):
    try:
        r = subprocess.run(cmd, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                           timeout=timeout)
        return r.returncode, r.stdout
    except subprocess.TimeoutExpired:
        return None, b""


def compare(path, args):
    tmp = tempfile.mkdtemp(prefix="eo_cmp_")
    try:
        d2 = os.path.join(tmp, "trawl")
        rc2, out2 = run([args.trawl, "-r", path, "-q", "--export-objects",
                         f"{args.proto},{d2}"], args.timeout)
        if rc2 is None:
            return path, "timeout", "trawl timed out"
        got = read_dir(d2) or {}
        if args.proto == "tls":
            bad = []
            for n in sorted(got):
                r = subprocess.run(["openssl", "x509", "-inform", "der", "-noout", "-in",
                                    os.path.join(d2, n)], stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
                if r.returncode != 0:
                    bad.append(n)
            if bad:
                return path, "diff", f"{len(bad)}/{len(got)} do not parse: {bad[:3]}"
            return path, ("same" if got else "empty"), f"{len(got)} certificates"
        d1 = os.path.join(tmp, "tshark")
        rc1, out1 = run(["tshark", "-r", path, "-q", "--export-objects",
                         f"{args.proto},{d1}"], args.timeout)
        if rc1 is None:
            return path, "timeout", "tshark timed out"
        want = read_dir(d1) or {}
        if out1 != out2:
            return path, "diff", "stdout differs"
        if want == got:
            return path, ("same" if want else "empty"), f"{len(want)} objects"
        only1 = sorted(set(want) - set(got))
        only2 = sorted(set(got) - set(want))
        differ = sorted(n for n in set(want) & set(got) if want[n] != got[n])
        msg = []
        if only1:
            msg.append(f"only tshark: {only1[:4]}{'...' if len(only1) > 4 else ''}")
        if only2:
            msg.append(f"only trawl: {only2[:4]}{'...' if len(only2) > 4 else ''}")
        if differ:
            d = differ[0]
            msg.append(f"bytes differ: {differ[:4]} ({d}: tshark {len(want[d])}, "
                       f"trawl {len(got[d])})")
        return path, "diff", f"{len(want)} vs {len(got)} objects; " + "; ".join(msg)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--proto", default="http")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--trawl", default=os.path.join(os.path.dirname(__file__), "..", "..",
                                                     "build", "trawl"))
    ap.add_argument("--timeout", type=int, default=600)
    ap.add_argument("-v", action="store_true")
    ap.add_argument("paths", nargs="+")
    args = ap.parse_args()
    files = list(files_of(args.paths))
    counts = {"same": 0, "empty": 0, "diff": 0, "timeout": 0}
    with cf.ThreadPoolExecutor(args.jobs) as ex:
        for path, verdict, msg in ex.map(lambda f: compare(f, args), files):
            counts[verdict] += 1
            if verdict in ("diff", "timeout") or args.v:
                print(f"{verdict:7} {path}: {msg}", flush=True)
    print(f"{len(files)} captures: {counts['same']} identical with objects, "
          f"{counts['empty']} identical without objects, {counts['diff']} different, "
          f"{counts['timeout']} timed out")
    return 1 if counts["diff"] or counts["timeout"] else 0


if __name__ == "__main__":
    sys.exit(main())
