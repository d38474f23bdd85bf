#!/usr/bin/python3
"""Differential test: trawl against tshark (the oracle) with -T fields.

For every capture given (files or directories, searched recursively and recognised by magic),
both tools print the same fields; the values are compared frame by frame. The report gives the
agreement per field and overall, counting a (frame, field) pair when either side has a value.

  difftool.py [--trawl build/trawl] [--fields f1,f2|@file] [--jobs N] [--show N] PATHS...

Scope (--scope, on by default): where tshark dissects a protocol trawl does not implement yet
(DNS, HTTP, LLDP...), the frame is compared only on the fields of the protocols below the first
such protocol (and frame.*); frame.protocols is compared on that known prefix (trawl may end it
with "data"). The values left out are counted and reported as "out of scope"; --no-scope
compares everything.

Exit status 0 when the overall agreement reaches --min (default 0, report only)."""
import argparse
import collections
import concurrent.futures
import json
import os
import subprocess
import sys

MAGICS = (b"\xd4\xc3\xb2\xa1", b"\xa1\xb2\xc3\xd4", b"\x4d\x3c\xb2\xa1", b"\xa1\xb2\x3c\x4d",
          b"\x0a\x0d\x0d\x0a", b"\x1f\x8b", b"\x28\xb5\x2f\xfd", b"\x34\xcd\xb2\xa1",
          b"\xa1\xb2\xcd\x34")

ENV = dict(os.environ, TZ="UTC", LC_ALL="C.UTF-8")


def is_capture(path):
    try:
        with open(path, "rb") as f:
            head = f.read(4)
    except OSError:
        return False
    return any(head.startswith(m) for m in MAGICS)


def find_captures(paths):
    out = []
    for p in paths:
        if os.path.isdir(p):
            for root, _dirs, files in os.walk(p):
                for n in sorted(files):
                    fp = os.path.join(root, n)
                    if is_capture(fp):
                        out.append(fp)
        elif os.path.isfile(p):
            out.append(p)
    return sorted(out)


def run_fields(cmd, timeout):
    try:
        r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV,
                           timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, -999, "timeout"
    return r.stdout.decode("utf-8", "replace").split("\n")[:-1], r.returncode, \
        r.stderr.decode("utf-8", "replace")


def trawl_registry(trawl):
    """(known protocol abbrevs, field -> owning protocol) from trawl -G."""
    protos = set()
    owner = {}
    out = subprocess.run([trawl, "-G", "fields"], capture_output=True, text=True).stdout
    for line in out.split("\n"):
        parts = line.split("\t")
        if len(parts) > 2 and parts[0] == "P":
            protos.add(parts[2])
        elif len(parts) > 4 and parts[0] == "F":
            owner[parts[2]] = parts[4]
    return protos, owner


DESEG_FIELDS = {"tcp.pdu.size", "tcp.segments", "tcp.segment", "tcp.segment.count",
                "tcp.segment.overlap", "tcp.segment.overlap.conflict", "tcp.segment.multipletails",
                "tcp.segment.toolongfragment", "tcp.segment.error", "tcp.reassembled.length",
                "tcp.reassembled.data", "tcp.reassembled_in"}


def compare_file(path, trawl, fields, timeout, tshark_extra, scope=None):
    if scope and "frame.protocols" not in fields:
        fields = fields + ["frame.protocols"]
    eargs = []
    for f in fields:
        eargs += ["-e", f]
    # with scope, tshark also reports tcp.segment_data: a frame whose TCP payload tshark keeps
    # for reassembly (the TCP issue) has no layer above TCP in tshark yet
    ts_only = ["-e", "tcp.segment_data"] if scope and "tcp.segment_data" not in fields else []
    seg_col = fields.index("tcp.segment_data") if "tcp.segment_data" in fields else -1
    ts_lines, ts_rc, ts_err = run_fields(
        ["tshark", "-n", "-r", path, "-T", "fields"] + tshark_extra + eargs + ts_only, timeout)
    if ts_lines is None:
        return {"file": path, "skipped": "tshark timeout"}
    if ts_rc != 0 and not ts_lines:
        return {"file": path, "skipped": "tshark cannot read: " + ts_err.strip().split("\n")[-1][:120]}
    tw_lines, tw_rc, tw_err = run_fields([trawl, "-n", "-r", path, "-T", "fields", "--no-progress"] + tshark_extra + eargs,
                                         timeout)
    res = {"file": path, "tshark_frames": len(ts_lines), "trawl_frames": len(tw_lines) if tw_lines else 0,
           "tshark_rc": ts_rc, "trawl_rc": tw_rc, "fields": {}, "mismatch": [], "out_of_scope": 0}
    if tw_lines is None:
        res["crash"] = "trawl timeout"
        return res
    if tw_rc < 0 or tw_rc > 2:
        res["crash"] = "trawl exit %d: %s" % (tw_rc, tw_err[-300:])
    n = min(len(ts_lines), len(tw_lines))
    nf = len(fields)
    pi = fields.index("frame.protocols") if scope else -1
    for i in range(n):
        a = ts_lines[i].split("\t")
        b = tw_lines[i].split("\t")
        if ts_only:
            seg = len(a) == nf + 1 and a.pop() != ""
        else:
            seg = scope is not None and len(a) == nf and seg_col >= 0 and a[seg_col] != ""
        if len(a) != nf or len(b) != nf:
            res["mismatch"].append((i + 1, "*", "columns %d/%d" % (len(a), len(b)), ""))
            continue
        allowed = None
        deseg_out = False
        if scope:
            tp = a[pi].split(":") if a[pi] else []
            k = next((x for x, pr in enumerate(tp) if pr not in scope[0]), None)
            # TCP's desegmentation fields (tcp.pdu.size, tcp.segment*, tcp.reassembled*) say what
            # the protocols above TCP asked for: out of scope when trawl lacks one of them
            deseg_out = k is not None and "tcp" in tp[:k]
            if seg and k is None and "tcp" in tp and a[pi] != b[pi]:
                # held for TCP reassembly: compare up to the last TCP layer only (unless both
                # tools list the same protocols: a frame that ends one PDU and starts another)
                k = len(tp) - tp[::-1].index("tcp")
                tp = tp + ["(reassembly)"]
            elif seg and k is not None and "tcp" in tp[:k]:
                k = min(k, len(tp[:k]) - tp[:k][::-1].index("tcp"))
            if k is not None:
                allowed = set(tp[:k]) | {"frame"}
                wp = b[pi].split(":") if b[pi] else []
                ok_prefix = wp[:k] == tp[:k] and all(x == "data" for x in wp[k:])
                a[pi] = ":".join(tp[:k])
                b[pi] = a[pi] if ok_prefix else b[pi]
        for j in range(nf):
            if a[j] == "" and b[j] == "":
                continue
            if seg and (fields[j] == "tcp.payload" or (fields[j] == "tcp.segment_data" and not b[j])):
                # (trawl shows tcp.segment_data for retransmissions only, not for reassembly)
                res["out_of_scope"] += 1
                continue
            if deseg_out and fields[j] in DESEG_FIELDS:
                res["out_of_scope"] += 1
                continue
            if allowed is not None and fields[j] != "frame.protocols" and \
                    scope[1].get(fields[j], "") not in allowed:
                res["out_of_scope"] += 1
                continue
            st = res["fields"].setdefault(fields[j], [0, 0])
            if allowed is not None and b[j] and a[j].startswith(b[j] + ","):
                # tshark's further occurrences come from layers above the scope
                a[j] = b[j]
            if a[j] == b[j]:
                st[0] += 1
            else:
                st[1] += 1
                if len(res["mismatch"]) < 2000:
                    res["mismatch"].append((i + 1, fields[j], a[j][:200], b[j][:200]))
    return res


def common_fields(trawl):
    ours = subprocess.run([trawl, "-G", "fields"], capture_output=True, text=True).stdout
    theirs = subprocess.run(["tshark", "-G", "fields"], capture_output=True, text=True).stdout
    tnames = set()
    for line in theirs.split("\n"):
        parts = line.split("\t")
        if len(parts) > 2 and parts[0] == "F":
            tnames.add(parts[2])
        elif len(parts) > 2 and parts[0] == "P":
            tnames.add(parts[2])
    out = []
    for line in ours.split("\n"):
        parts = line.split("\t")
        if len(parts) > 2 and parts[0] == "F" and parts[2] in tnames:
            out.append(parts[2])
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--trawl", default=os.path.join(os.path.dirname(__file__), "..", "..", "build", "trawl"))
    ap.add_argument("--fields", help="comma list, or @file with one per line (default: every "
                                     "field trawl registers that tshark also has)")
    ap.add_argument("--exclude", default="", help="comma list of fields to leave out")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--timeout", type=int, default=120)
    ap.add_argument("--show", type=int, default=5, help="mismatch examples per field")
    ap.add_argument("--min", type=float, default=0.0, help="required overall agreement (percent)")
    ap.add_argument("--json", help="write the full result here")
    ap.add_argument("--chunk", type=int, default=150, help="fields per tshark run")
    ap.add_argument("-o", action="append", default=[], help="preference, passed as -o to both tools")
    ap.add_argument("--no-scope", action="store_true",
                    help="compare every value, also above protocols trawl does not implement")
    args = ap.parse_args()

    if args.fields:
        if args.fields.startswith("@"):
            fields = [l.strip() for l in open(args.fields[1:]) if l.strip() and not l.startswith("#")]
        else:
            fields = args.fields.split(",")
    else:
        fields = common_fields(args.trawl)
    excl = set(x for x in args.exclude.split(",") if x)
    fields = [f for f in fields if f not in excl]
    files = find_captures(args.paths)
    extra = []
    for o in args.o:
        extra += ["-o", o]
    chunks = [fields[i:i + args.chunk] for i in range(0, len(fields), args.chunk)]

    per_field = collections.defaultdict(lambda: [0, 0])
    examples = collections.defaultdict(list)
    frame_problems = []
    crashes = []
    skipped = []
    scope = None if args.no_scope else trawl_registry(args.trawl)
    out_of_scope = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as ex:
        futs = [ex.submit(compare_file, f, args.trawl, ch, args.timeout, extra, scope)
                for f in files for ch in chunks]
        for fu in concurrent.futures.as_completed(futs):
            r = fu.result()
            if "skipped" in r:
                skipped.append((r["file"], r["skipped"]))
                continue
            if r.get("crash"):
                crashes.append((r["file"], r["crash"]))
            out_of_scope += r.get("out_of_scope", 0)
            if r["tshark_frames"] != r["trawl_frames"]:
                frame_problems.append((r["file"], r["tshark_frames"], r["trawl_frames"], r["tshark_rc"]))
            for fld, (ok, bad) in r["fields"].items():
                per_field[fld][0] += ok
                per_field[fld][1] += bad
            for (fr, fld, a, b) in r["mismatch"]:
                if len(examples[fld]) < args.show:
                    examples[fld].append((os.path.relpath(r["file"]), fr, a, b))

    tot_ok = sum(v[0] for v in per_field.values())
    tot_bad = sum(v[1] for v in per_field.values())
    print("files compared: %d (skipped %d: tshark cannot read them)" % (len(files) - len(set(s[0] for s in skipped)), len(set(s[0] for s in skipped))))
    fp = sorted(set(frame_problems))
    print("frame count differences: %d" % len(fp))
    for f, a, b, rc in fp[:40]:
        print("  %s: tshark %d (rc %d), trawl %d" % (os.path.relpath(f), a, rc, b))
    print("trawl crashes/timeouts: %d" % len(crashes))
    for f, c in crashes[:20]:
        print("  %s: %s" % (os.path.relpath(f), c))
    print()
    print("%-45s %10s %10s %8s" % ("field", "agree", "differ", "agree%"))
    for fld in sorted(per_field, key=lambda k: (per_field[k][1] / max(1, sum(per_field[k])), k)):
        ok, bad = per_field[fld]
        print("%-45s %10d %10d %7.2f%%" % (fld, ok, bad, 100.0 * ok / max(1, ok + bad)))
    print()
    worst = sorted(per_field, key=lambda k: -per_field[k][1])
    for fld in worst:
        if not per_field[fld][1] or not examples[fld]:
            continue
        print("== %s" % fld)
        for (f, fr, a, b) in examples[fld]:
            print("   %s #%d\n      tshark: %s\n      trawl:  %s" % (f, fr, a, b))
    overall = 100.0 * tot_ok / max(1, tot_ok + tot_bad)
    print()
    print("overall agreement: %.3f%% of %d (frame, field) values" % (overall, tot_ok + tot_bad))
    if scope:
        print("out of scope: %d values (fields above a protocol trawl does not implement yet)" %
              out_of_scope)
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"per_field": per_field, "overall": overall, "frame_problems": fp,
                       "crashes": crashes, "skipped": skipped}, f, indent=1)
    ok = overall >= args.min and not crashes
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
