#!/usr/bin/python3
"""Differential test of -z follow: trawl against tshark (the oracle), byte for byte.

For every capture (files or directories, searched recursively, recognised by magic): the TCP
and UDP stream indexes come from tshark (-T fields -e tcp.stream -e udp.stream); up to --max
streams of each kind are followed, each in one format chosen in rotation (ascii, hex, raw,
yaml; --all-formats: every stream in every format); one tshark and one trawl run get the same
-z follow arguments and their outputs are cut into reports and compared one by one.

  followdiff.py [--trawl build/trawl] [--jobs N] [--max N] [--show N] PATHS...

--trawl-arg ARG (repeatable) adds ARG to trawl's command line only, e.g. `--trawl-arg=--policy
--trawl-arg=bsd --trawl-arg=--checksum-mode --trawl-arg=none` to see how often the stream
engine's view of a stream comes out as tshark's follow (docs/follow.md).

Prints per capture a line when something differs, then the totals (captures, reports
compared, identical, differing). Exit status 1 when anything differs or trawl fails."""
import argparse
import concurrent.futures
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from difftool import ENV, find_captures  # noqa: E402

FORMATS = ("ascii", "hex", "raw", "yaml")
SEP = b"=" * 67 + b"\n"
EMPTY_TEXT = b"Node 0: :0\nNode 1: :0\n" + SEP
EMPTY_YAML = b"host: \n    port: 0\n  - peer: 1\n    host: \n    port: 0\npackets:\n"


def streams(path, timeout):
    r = subprocess.run(["tshark", "-r", path, "-T", "fields", "-e", "tcp.stream", "-e",
                        "udp.stream"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                       env=ENV, timeout=timeout)
    tcp, udp = set(), set()
    for line in r.stdout.decode("utf-8", "replace").split("\n"):
        parts = line.split("\t")
        if len(parts) != 2:
            continue
        for kind, val in (("tcp", parts[0]), ("udp", parts[1])):
            # a tunnel gives several values; the follow tap sees each
            for v in val.split(","):
                if v.isdigit():
                    (tcp if kind == "tcp" else udp).add(int(v))
    return sorted(tcp), sorted(udp)


def split_reports(out, args):
    """cuts the -z output (after the packets; -q prints none) into one report per argument,
    in the order tshark prints them (the last argument first)"""
    reports = []
    pos = 0
    for arg in reversed(args):
        if ",yaml," in arg:
            # yaml: "peers:" ... up to the next report (a blank line + separator, or "peers:")
            start = out.find(b"peers:\n", pos)
            if start < 0:
                return None
            nxt = len(out)
            for marker in (b"\n" + SEP, b"peers:\n"):
                k = out.find(marker, start + 7)
                if 0 <= k < nxt:
                    nxt = k
            reports.append(out[start:nxt])
            pos = nxt
        else:
            start = out.find(b"\n" + SEP, pos)
            if start < 0:
                return None
            end = out.find(SEP, start + 1 + len(SEP))
            if end < 0:
                return None
            end += len(SEP)
            reports.append(out[start:end])
            pos = end
    return list(reversed(reports))


def compare(path, trawl, max_streams, all_formats, timeout, blind=False, extra=()):
    res = {"path": path, "compared": 0, "same": 0, "diffs": [], "error": None, "tcp": 0,
           "tcp_same": 0}
    if blind:
        # streams 0..max-1 without asking tshark first (one tshark run less); the reports of
        # streams that do not exist (empty in both outputs) are not counted
        tcp = udp = list(range(max_streams))
    else:
        try:
            tcp, udp = streams(path, timeout)
        except subprocess.TimeoutExpired:
            res["error"] = "tshark timeout listing streams"
            return res
    args = []
    for kind, idx in (("tcp", tcp[:max_streams]), ("udp", udp[:max_streams])):
        for n, s in enumerate(idx):
            fmts = FORMATS if all_formats else (FORMATS[(s + (kind == "udp")) % len(FORMATS)],)
            for f in fmts:
                args.append("follow,%s,%s,%d" % (kind, f, s))
    if not args:
        return res
    zs = []
    for a in args:
        zs += ["-z", a]
    try:
        t = subprocess.run(["tshark", "-r", path, "-q"] + zs, stdout=subprocess.PIPE,
                           stderr=subprocess.DEVNULL, env=ENV, timeout=timeout)
        w = subprocess.run([trawl, "-r", path, "-q"] + list(extra) + zs, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, env=ENV, timeout=timeout)
    except subprocess.TimeoutExpired:
        res["error"] = "timeout"
        return res
    except OSError as e:
        res["error"] = "cannot run: %s" % e
        return res
    if w.returncode not in (0, 2):
        res["error"] = "trawl exit %d: %s" % (w.returncode, w.stderr.decode()[:200])
        return res
    tr = split_reports(t.stdout, args)
    wr = split_reports(w.stdout, args)
    if tr is None:
        res["error"] = "cannot cut tshark's output"
        return res
    if wr is None:
        res["compared"] = len(args)
        res["diffs"].append(("*", "trawl output cannot be cut into reports"))
        return res
    for a, x, y in zip(args, tr, wr):
        if blind and x == y and (x.endswith(EMPTY_TEXT) or x.endswith(EMPTY_YAML)):
            continue
        res["compared"] += 1
        tcp = a.startswith("follow,tcp,")
        res["tcp"] += tcp
        if x == y:
            res["same"] += 1
            res["tcp_same"] += tcp
        else:
            xl, yl = x.split(b"\n"), y.split(b"\n")
            k = next((i for i in range(min(len(xl), len(yl))) if xl[i] != yl[i]),
                     min(len(xl), len(yl)))
            res["diffs"].append((a, "line %d: tshark %r trawl %r" % (
                k + 1, xl[k][:80] if k < len(xl) else b"<end>",
                yl[k][:80] if k < len(yl) else b"<end>")))
    return res


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--trawl", default=os.path.join(os.path.dirname(os.path.dirname(
        os.path.dirname(os.path.abspath(__file__)))), "build", "trawl"))
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--max", type=int, default=30, help="streams of each kind per capture")
    ap.add_argument("--all-formats", action="store_true")
    ap.add_argument("--timeout", type=int, default=300)
    ap.add_argument("--show", type=int, default=3, help="differences shown per capture")
    ap.add_argument("--blind", action="store_true",
                    help="follow streams 0..max-1 without listing them with tshark first")
    ap.add_argument("--trawl-arg", action="append", default=[],
                    help="an argument for trawl only (repeatable)")
    ap.add_argument("-v", "--verbose", action="store_true", help="a line per capture")
    ap.add_argument("paths", nargs="+")
    a = ap.parse_args()
    caps = find_captures(a.paths)
    tot = {"caps": 0, "with": 0, "compared": 0, "same": 0, "errors": 0, "capsdiff": 0,
           "tcpcaps": 0, "tcpcaps_same": 0, "tcp": 0, "tcp_same": 0}
    with concurrent.futures.ThreadPoolExecutor(a.jobs) as ex:
        for r in ex.map(lambda p: compare(p, a.trawl, a.max, a.all_formats, a.timeout, a.blind,
                                              a.trawl_arg), caps):
            tot["caps"] += 1
            if r["error"]:
                tot["errors"] += 1
                print("ERROR %s: %s" % (r["path"], r["error"]))
                continue
            if r["compared"]:
                tot["with"] += 1
            tot["compared"] += r["compared"]
            tot["tcp"] += r["tcp"]
            tot["tcp_same"] += r["tcp_same"]
            if r["tcp"]:
                tot["tcpcaps"] += 1
                tot["tcpcaps_same"] += r["tcp"] == r["tcp_same"]
            tot["same"] += r["same"]
            if r["diffs"]:
                tot["capsdiff"] += 1
                print("DIFF %s: %d of %d differ (tcp %d of %d)" % (r["path"], len(r["diffs"]), r["compared"], r["tcp"] - r["tcp_same"], r["tcp"]))
                for arg, why in r["diffs"][:a.show]:
                    print("    %s: %s" % (arg, why))
            elif a.verbose:
                print("SAME %s: %d reports (tcp %d)" % (r["path"], r["compared"], r["tcp"]))
            sys.stdout.flush()
    print("captures %d (with streams %d, errors %d); reports compared %d, identical %d, "
          "differing %d; captures all identical %d" % (
              tot["caps"], tot["with"], tot["errors"], tot["compared"], tot["same"],
              tot["compared"] - tot["same"], tot["with"] - tot["capsdiff"]))
    print("TCP: reports %d, identical %d; captures with TCP streams %d, all identical %d" % (
        tot["tcp"], tot["tcp_same"], tot["tcpcaps"], tot["tcpcaps_same"]))
    return 1 if tot["compared"] != tot["same"] or tot["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
