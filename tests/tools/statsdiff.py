#!/usr/bin/python3
"""Compare trawl's -z reports with tshark's, report by report, capture by capture.

    statsdiff.py [--trawl PATH] [-z ARG]... [--names] [--show N] [--expect-same ARG,...] PATHS...

Each -z ARG is run alone through both tools (`-q -z ARG`, TZ=UTC, LC_ALL=C.UTF-8) and the outputs
compared byte for byte. PATHS are captures or directories (searched for *.pcap, *.pcapng,
*.cap and their .gz). Without -z, the conversation, endpoint, protocol hierarchy and I/O
reports are all run. --names also runs the tables with MAC names on (trawl's and tshark's
default) besides -n. Prints one line per capture and report, and a summary per report; exit
status 1 when a report listed in --expect-same differs somewhere (by default: none, the tool
only reports)."""
import argparse
import collections
import concurrent.futures
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ENV = dict(os.environ, TZ="UTC", LC_ALL="C.UTF-8")
DEFAULT_Z = ["conv,eth", "conv,ip", "conv,ipv6", "conv,tcp", "conv,udp", "endpoints,eth",
             "endpoints,ip", "endpoints,ipv6", "endpoints,tcp", "endpoints,udp", "io,phs",
             "io,stat,0", "io,stat,1", "io,stat,0.1,tcp,udp,,ip.len>100"]
EXTS = (".pcap", ".pcapng", ".cap", ".pcap.gz", ".pcapng.gz")


def captures(paths):
    out = []
    for p in paths:
        if os.path.isdir(p):
            for d, _, fs in os.walk(p):
                out += [os.path.join(d, f) for f in sorted(fs) if f.endswith(EXTS)]
        else:
            out.append(p)
    return out


def run(cmd, timeout=600):
    try:
        r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV,
                           timeout=timeout)
        return r.returncode, r.stdout
    except subprocess.TimeoutExpired:
        return -999, b""


def compare(trawl, tshark, cap, z, names):
    opt = [] if names else ["-n"]
    rc1, want = run([tshark] + opt + ["-r", cap, "-q", "-z", z])
    rc2, got = run([trawl, "--no-progress"] + opt + ["-r", cap, "-q", "-z", z])
    if rc1 != 0:
        return "skip", "tshark exit %d" % rc1
    if rc2 not in (0, 2):  # 2: a damaged record, as tshark reads on
        return "diff", "trawl exit %d" % rc2
    if want == got:
        return "same", ""
    a, b = want.decode("utf-8", "replace").split("\n"), got.decode("utf-8", "replace").split("\n")
    for i in range(max(len(a), len(b))):
        x = a[i] if i < len(a) else "<eof>"
        y = b[i] if i < len(b) else "<eof>"
        if x != y:
            return "diff", "line %d\n    tshark: %s\n    trawl:  %s" % (i + 1, x, y)
    return "diff", "?"


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--trawl", default=os.path.join(ROOT, "build", "trawl"))
    ap.add_argument("--tshark", default="tshark")
    ap.add_argument("-z", action="append", dest="zs")
    ap.add_argument("--names", action="store_true", help="also without -n")
    ap.add_argument("--show", type=int, default=0, help="print the first N differences")
    ap.add_argument("--expect-same", default="", help="reports that must be identical")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--quiet", action="store_true", help="only differences and the summary")
    ap.add_argument("paths", nargs="+")
    args = ap.parse_args()
    zs = args.zs or DEFAULT_Z
    caps = captures(args.paths)
    jobs = []
    for cap in caps:
        for z in zs:
            jobs.append((cap, z, False))
            if args.names and z.split(",")[0] in ("conv", "endpoints"):
                jobs.append((cap, z, True))
    stats = collections.OrderedDict()
    shown = 0
    failed = False
    must = set(x for x in args.expect_same.split(";") if x)
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as ex:
        futs = [ex.submit(compare, args.trawl, args.tshark, c, z, n) for c, z, n in jobs]
        for (cap, z, n), f in zip(jobs, futs):
            verdict, why = f.result()
            key = z + (" (names)" if n else "")
            s = stats.setdefault(key, collections.Counter())
            s[verdict] += 1
            if verdict == "diff" and z in must:
                failed = True
            if verdict != "same" or not args.quiet:
                line = "%-4s %s  %s" % (verdict.upper(), key, os.path.relpath(cap))
                if verdict == "diff" and shown < args.show:
                    line += "\n  " + why
                    shown += 1
                elif verdict == "skip":
                    line += "  (" + why + ")"
                print(line, flush=True)
    print("summary (identical / captures compared):")
    for key, s in stats.items():
        print("  %-40s %d/%d%s" % (key, s["same"], s["same"] + s["diff"],
                                  ("  (%d skipped)" % s["skip"]) if s["skip"] else ""))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
