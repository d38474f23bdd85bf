#!/usr/bin/python3
"""trawl's test runner: `make test` calls it; its last line is "N passed, N failed".

Suites (all by default, or --suite NAME[,NAME]):
  unit      C unit tests (cursor, readers), normal and ASan+UBSan builds
  cli       command-line behaviour (options, errors, exit status, stdin, compression)
  golden    capture + command -> expected output (tests/golden/*.test); --update rewrites .out
  asan      the golden and cli suites again with the ASan+UBSan build, and a third of the bpf
            suite's expressions over tests/pcaps
  trunc     truncation sweep: every golden capture cut at many snap lengths, under ASan
  corpus    every capture under ../shared/corpora read with -V under ASan: no crash, no report
  diff      differential against tshark over ../shared/corpora (tests/diff/*.fields)
  bpf       -f against tcpdump: tests/bpf/filters.txt over tests/pcaps and the corpora, kept
            frames compared (timestamp, lengths, bytes)
  write     -w round trips (pcapng, pcap, nsecpcap; several link types, nanosecond and binary
            timestamp resolutions) read back by tshark, tcpdump and trawl
  filterdiff  display filters: trawl -Y selects the frames tshark -Y selects (tests/diff/filters.txt)
  stream    stream engine on the seed 002 captures: what each policy and checksum mode
            reassembles, -z stream,ambiguity (text and JSON)
  fuzz      each libFuzzer target run briefly over its seeds and the corpora
  filter    display filter: ../shared/filters conformance vectors against tshark's answers,
            equivalent spellings compile to identical bytecode (--explain-filter)
  follow    -z follow against tshark, byte for byte, over a fixed set of corpus captures
            (tests/tools/followdiff.py; the golden suite has the committed-capture tests)
  stats     -z conv/endpoints/io,phs/io,stat against tshark (tests/tools/statsdiff.py) on the
            Ultimate PCAP and some wireshark and zeek corpus captures
  lab       the capture lab's committed captures (tests/lab/captures, made by tests/lab/run.sh
            with real servers and clients): read with -V -x under ASan, and compared with
            tshark (difftool) on the fields of dns/mdns, http, tls, x509, ocsp, bfd, ntp
  export    --export-objects: http files (names, bytes) against tshark's on the committed
            captures and a few corpus ones; every tls certificate parses with openssl
Tests that need ../shared skip cleanly when it is absent (counted as passed with a note)."""
import argparse
import concurrent.futures
import glob
import re
import os
import shlex
import shutil
import struct
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("TRAWL_SHARED") or os.path.join(os.path.dirname(ROOT), "shared")
BUILD = os.environ.get("TRAWL_BUILD") or os.path.join(ROOT, "build")
ASAN = os.path.join(ROOT, "build-asan")
ENV = dict(os.environ, TZ="UTC", LC_ALL="C.UTF-8")
sys.path.insert(0, os.path.join(ROOT, "tests", "tools"))
import capread  # noqa: E402

ASAN_ENV = dict(ENV, ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:halt_on_error=1",
                UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1")


class Results:
    def __init__(self):
        self.passed = 0
        self.failed = 0
        self.xfailed = 0
        self.notes = []

    def xfail(self, name, why):
        self.xfailed += 1
        print("XFAIL %s (%s)" % (name, why), flush=True)

    def ok(self, name, note=""):
        self.passed += 1
        print("PASS %s%s" % (name, (" (" + note + ")") if note else ""), flush=True)

    def fail(self, name, why):
        self.failed += 1
        print("FAIL %s: %s" % (name, why.rstrip()), flush=True)

    def check(self, name, cond, why=""):
        if cond:
            self.ok(name)
        else:
            self.fail(name, why)


def run(cmd, env=ENV, timeout=600, stdin=None):
    try:
        r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                           timeout=timeout, input=stdin)
        return r.returncode, r.stdout, r.stderr
    except subprocess.TimeoutExpired:
        return -999, b"", b"timeout"


def sanitizer_report(err):
    e = err.decode("utf-8", "replace")
    return ("ERROR: AddressSanitizer" in e or "runtime error:" in e or
            "ERROR: LeakSanitizer" in e or "UndefinedBehaviorSanitizer" in e)


# ------------------------------------------------------------------------------------------------
def suite_unit(res, args):
    for build in (BUILD, ASAN):
        tag = "asan" if build == ASAN else "release"
        exes = sorted(glob.glob(os.path.join(build, "tests", "test_*")))
        exes = [e for e in exes if os.access(e, os.X_OK) and not e.endswith(".p")]
        if not exes:
            res.fail("unit/%s" % tag, "no unit test binaries in %s" % build)
            continue
        for exe in exes:
            rc, out, err = run([exe], env=ASAN_ENV if build == ASAN else ENV,
                               stdin=b"")
            name = "unit/%s/%s" % (tag, os.path.basename(exe))
            if rc == 0 and not sanitizer_report(err):
                res.ok(name, out.decode().strip().split("\n")[-1] if out else "")
            else:
                res.fail(name, (out + err).decode("utf-8", "replace")[-2000:])


# ------------------------------------------------------------------------------------------------
def load_golden():
    tests = []
    for t in sorted(glob.glob(os.path.join(ROOT, "tests", "golden", "*.test"))):
        spec = {"name": os.path.basename(t)[:-5], "path": t, "status": 0}
        for line in open(t):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            k, _, v = line.partition(":")
            spec[k.strip()] = v.strip()
        tests.append(spec)
    return tests


def golden_cmd(trawl, spec):
    args = shlex.split(spec.get("args", ""))
    if "hex" in spec:
        return [trawl, "--hex", os.path.join(ROOT, spec["hex"]), "--no-progress"] + args
    return [trawl, "-r", os.path.join(ROOT, spec["pcap"]), "--no-progress"] + args


def suite_golden(res, args, trawl=None, tag="golden", env=ENV):
    trawl = trawl or os.path.join(BUILD, "trawl")
    for spec in load_golden():
        name = "%s/%s" % (tag, spec["name"])
        rc, out, err = run(golden_cmd(trawl, spec), env=env)
        expf = spec["path"][:-5] + ".out"
        want_status = int(spec.get("status", 0))
        if args.update and tag == "golden":
            with open(expf, "wb") as f:
                f.write(out)
            res.ok(name, "updated")
            continue
        if not os.path.exists(expf):
            res.fail(name, "no expected output %s (run tests/run.py --suite golden --update)" % expf)
            continue
        exp = open(expf, "rb").read()
        problems = []
        if out != exp:
            a = exp.decode("utf-8", "replace").split("\n")
            b = out.decode("utf-8", "replace").split("\n")
            for i in range(max(len(a), len(b))):
                x = a[i] if i < len(a) else "<eof>"
                y = b[i] if i < len(b) else "<eof>"
                if x != y:
                    problems.append("line %d:\n  expected: %s\n  got:      %s" % (i + 1, x, y))
                    break
        if rc != want_status:
            problems.append("exit status %d, expected %d: %s" % (rc, want_status, err.decode()[-500:]))
        if sanitizer_report(err):
            problems.append(err.decode("utf-8", "replace")[-3000:])
        if problems:
            res.fail(name, "\n".join(problems))
        else:
            res.ok(name)


# ------------------------------------------------------------------------------------------------
def suite_cli(res, args, trawl=None, tag="cli", env=ENV):
    trawl = trawl or os.path.join(BUILD, "trawl")
    sample = os.path.join(ROOT, "tests", "pcaps", "tour.pcapng")
    t = tag + "/"
    rc, out, err = run([trawl, "--help"], env=env)
    res.check(t + "help", rc == 0 and b"-T fields" in out and b"--hex" in out and b"-f EXPR" in out and b"-w FILE" in out, err.decode())
    rc, out, err = run([trawl], env=env)
    res.check(t + "no-input-is-usage-error", rc == 1 and b"no input" in err, "rc %d" % rc)
    rc, out, err = run([trawl, "-Z"], env=env)
    res.check(t + "unknown-option", rc == 1, "rc %d" % rc)
    rc, out, err = run([trawl, "-r", "/nonexistent/x.pcap"], env=env)
    res.check(t + "missing-file", rc == 2 and b"cannot open" in err, "rc %d %s" % (rc, err))
    rc, out, err = run([trawl, "-T", "fields", "-e", "no.such.field", "-r", sample], env=env)
    res.check(t + "bad-field", rc == 1 and b"no.such.field" in err, "rc %d %s" % (rc, err))
    rc, gf, err = run([trawl, "-G", "fields"], env=env)
    res.check(t + "G-fields", rc == 0 and b"\tip.src\t" in gf and gf.startswith(b"P\t"), err.decode())
    rc, gp, err = run([trawl, "-G", "protocols"], env=env)
    res.check(t + "G-protocols", rc == 0 and b"\teth\n" in gp, err.decode())
    if not os.path.exists(sample):
        res.fail(t + "sample", "missing " + sample)
        return
    data = open(sample, "rb").read()
    rc, ref, err = run([trawl, "-r", sample], env=env)
    res.check(t + "default-output", rc == 0 and len(ref.split(b"\n")) > 5, err.decode())
    rc, out, err = run([trawl, "-r", "-"], env=env, stdin=data)
    res.check(t + "stdin", rc == 0 and out == ref, "stdin output differs")
    import gzip
    rc, out, err = run([trawl, "-r", "-"], env=env, stdin=gzip.compress(data))
    res.check(t + "gzip", rc == 0 and out == ref, "gzip output differs: %s" % err.decode())
    zst = subprocess.run(["zstd", "-q", "-c"], input=data, stdout=subprocess.PIPE).stdout \
        if subprocess.run(["which", "zstd"], stdout=subprocess.PIPE).returncode == 0 else None
    if zst:
        rc, out, err = run([trawl, "-r", "-"], env=env, stdin=zst)
        res.check(t + "zstd", rc == 0 and out == ref, "zstd output differs: %s" % err.decode())
    rc, out, err = run([trawl, "-c", "3", "-r", sample], env=env)
    res.check(t + "count", rc == 0 and out.count(b"\n") == 3, "got %d lines" % out.count(b"\n"))
    rc, out, err = run([trawl, "-q", "-r", sample], env=env)
    res.check(t + "quiet", rc == 0 and out == b"", "output with -q")
    # truncated file: the last record cut short -> message with record number and offset, rc 2
    with tempfile.NamedTemporaryFile(suffix=".pcapng") as tf:
        tf.write(data[:-10])
        tf.flush()
        rc, out, err = run([trawl, "-r", tf.name], env=env)
        res.check(t + "cut-file", rc == 2 and b"offset" in err and out.count(b"\n") ==
                  ref.count(b"\n") - 1, "rc %d err %s" % (rc, err.decode()[-300:]))
    # corrupt pcapng block in the middle: reported, skipped, reading goes on
    blocks = pcapng_blocks(data)
    if len(blocks) > 6:
        off, ln = blocks[5]
        bad = bytearray(data)
        bad[off + 4:off + 8] = struct.pack("<I", 0x7ffffff0)  # impossible length
        with tempfile.NamedTemporaryFile(suffix=".pcapng") as tf:
            tf.write(bytes(bad))
            tf.flush()
            rc, out, err = run([trawl, "-r", tf.name], env=env)
            res.check(t + "pcapng-resync", rc == 2 and b"block at offset %d" % off in err and
                      out.count(b"\n") == ref.count(b"\n") - 1,
                      "rc %d lines %d/%d err %s" % (rc, out.count(b"\n"), ref.count(b"\n"), err.decode()[-400:]))
    suite_cli_bpf(res, trawl, t, env)
    if tag == "cli":
        suite_cli_deseg_memory(res, trawl, t, env)


def peak_rss_mib(cmd, env):
    """(rc, stdout, stderr, peak RSS in MiB) of cmd, measured by /usr/bin/time: Linux carries a
    process's peak RSS across fork and exec, so this runner's own size must not count"""
    with tempfile.NamedTemporaryFile("r") as tf:
        rc, out, err = run(["/usr/bin/time", "-q", "-f", "%M", "-o", tf.name] + cmd, env=env)
        try:
            rss = float(tf.read().strip().split("\n")[-1]) / 1024
        except ValueError:
            rss = float("nan")
    return rc, out, err, rss


def suite_cli_deseg_memory(res, trawl, t, env):
    """TCP desegmentation's memory follows the live PDUs: PDUs that cannot complete give their
    bytes up at the sender's FIN, and all PDUs together stay under a 64 MiB cap, the busy ones
    over it given up and counted (tests/tools/deseg_pressure.py writes the captures)."""
    if not os.path.exists("/usr/bin/time"):
        res.fail(t + "deseg-memory", "/usr/bin/time missing (Debian package time)")
        return
    gen = os.path.join(ROOT, "tests", "tools", "deseg_pressure.py")
    flows = 40
    note = b"TCP desegmentation: PDUs given up unfinished at the 64 MiB memory cap: "
    with tempfile.TemporaryDirectory() as d:
        # 40 responses of 2 MiB at once: 80 MiB in flight, 64 MiB kept
        pc = os.path.join(d, "concurrent.pcap")
        subprocess.run([sys.executable, gen, "concurrent", pc, str(flows), str(2 << 20)], check=True)
        rc, out, err, rss = peak_rss_mib([trawl, "-r", pc], env)
        done = sum(1 for l in out.split(b"\n") if re.search(rb" HTTP \d+ HTTP/1\.1 200 OK", l))
        m = re.search(re.escape(note) + rb"(\d+)", err)
        given_up = int(m.group(1)) if m else 0
        res.check(t + "deseg-memory-cap", rc == 0 and 0 < given_up < flows and
                  done + given_up == flows and rss < 160,
                  "rc %d: %d responses reassembled + %d given up (want %d), peak RSS %.0f MiB (want "
                  "< 160); %s" % (rc, done, given_up, flows, rss, err.decode()[-300:]))
        # 40 connections one after the other, each closing before the response it announced is
        # complete: every PDU gives its bytes up at the FIN, so the cap is never reached
        pt = os.path.join(d, "truncated.pcap")
        subprocess.run([sys.executable, gen, "truncated", pt, str(flows), str(2 << 20)], check=True)
        rc, out, err, rss = peak_rss_mib([trawl, "-r", pt], env)
        markers = out.count(b"[TCP segment of a reassembled PDU]")
        res.check(t + "deseg-memory-fin", rc == 0 and note not in err and rss < 40 and
                  markers > flows * 1000,
                  "rc %d, peak RSS %.0f MiB (want < 40), %d segments marked; %s" %
                  (rc, rss, markers, err.decode()[-300:]))


def suite_cli_bpf(res, trawl, t, env):
    """-f, -w and -F on the command line: errors, exit status, numbering, stdout."""
    pc = lambda n: os.path.join(ROOT, "tests", "pcaps", n)
    tour = pc("tour.pcapng")
    rc, out, err = run([trawl, "-r", pc("ipv4.pcap"), "-f", "tcp port"], env=env)
    res.check(t + "bpf-syntax-error", rc == 1 and out == b"" and b"syntax error" in err and
              b"link type 1" in err, "rc %d %s" % (rc, err.decode()[-300:]))
    rc, out, err = run([trawl, "-r", pc("links-raw.pcap"), "-f", "ether host 1:2:3:4:5:6"], env=env)
    res.check(t + "bpf-linktype-error", rc == 1 and out == b"" and b"Raw IP" in err and
              b"ethernet addresses" in err, "rc %d %s" % (rc, err.decode()[-300:]))
    rc, out, err = run([trawl, "-r", pc("ipv4.pcap"), "-f", "udp", "-T", "fields", "-e",
                        "frame.number", "-e", "frame.time_relative"], env=env)
    lines = out.decode().split("\n")[:-1]
    res.check(t + "bpf-renumbers", rc == 0 and len(lines) > 2 and
              [l.split("\t")[0] for l in lines] == [str(i + 1) for i in range(len(lines))] and
              lines[0].split("\t")[1] == "0.000000000", "rc %d %s" % (rc, out[:300]))
    rc, out, err = run([trawl, "-r", pc("ipv4.pcap"), "-f", "udp", "-c", "2", "-q", "-w", "-"], env=env)
    try:
        with tempfile.NamedTemporaryFile(suffix=".pcapng") as tf:
            tf.write(out)
            tf.flush()
            n = len(capread.read_capture(tf.name)[2])
    except ValueError:
        n = -1
    res.check(t + "write-stdout-count", rc == 0 and out[:4] == b"\x0a\x0d\x0d\x0a" and n == 2,
              "rc %d, %d frames" % (rc, n))
    with tempfile.TemporaryDirectory() as d:
        o = os.path.join(d, "o.pcap")
        rc, out, err = run([trawl, "-r", tour, "-w", o, "-F", "pcap"], env=env)
        res.check(t + "write-pcap-mixed-linktypes", rc == 1 and b"one link type" in err and
                  b"-F pcapng" in err, "rc %d %s" % (rc, err.decode()[-300:]))
        rc, out, err = run([trawl, "-r", tour, "-w", o, "-f", "ip"], env=env)
        res.check(t + "write-silent", rc == 0 and out == b"" and os.path.getsize(o) > 100,
                  "rc %d out %r" % (rc, out[:100]))
        rc, out, err = run([trawl, "-r", tour, "-w", o, "-P", "-f", "ip"], env=env)
        rc2, ref, _e = run([trawl, "-r", tour, "-f", "ip"], env=env)
        res.check(t + "write-P-prints", rc == 0 and out == ref and len(ref) > 0, "rc %d" % rc)
        rc, out, err = run([trawl, "-r", tour, "-w", o, "-f", "host 203.0.113.254"], env=env)
        rc2, o2, _e = run([trawl, "-r", o], env=env)
        res.check(t + "write-empty", rc == 0 and rc2 == 0 and o2 == b"", "rc %d/%d" % (rc, rc2))
        rc, out, err = run([trawl, "-r", tour, "-w", os.path.join(d, "no", "such", "dir")], env=env)
        res.check(t + "write-cannot-create", rc == 1 and b"cannot create" in err, "rc %d" % rc)
        cp = os.path.join(d, "copy.pcapng")
        with open(cp, "wb") as f:
            f.write(open(tour, "rb").read())
        rc, out, err = run([trawl, "-r", cp, "-w", cp], env=env)
        res.check(t + "write-onto-input", rc == 1 and b"is the input file" in err and
                  os.path.getsize(cp) == os.path.getsize(tour), "rc %d" % rc)
        rc, out, err = run([trawl, "-r", tour, "-w", o, "-F", "erf"], env=env)
        res.check(t + "write-bad-format", rc == 1 and b"-F" in err, "rc %d" % rc)
        rc, out, err = run([trawl, "-r", tour, "-w", "-", "-P"], env=env)
        res.check(t + "write-stdout-P", rc == 1, "rc %d" % rc)
        hexin = os.path.join(ROOT, "tests", "pcaps", "seed001-frame1.txt")
        if os.path.exists(hexin):
            rc, out, err = run([trawl, "--hex", hexin, "-f", "ip", "-w", o, "-F", "pcap"], env=env)
            rc2, out2, err2 = run([trawl, "--hex", hexin, "-f", "not ip"], env=env)
            res.check(t + "bpf-hex", rc == 0 and rc2 == 0 and out2 == b"" and
                      len(capread.read_capture(o)[2]) == 1, "rc %d/%d %s" % (rc, rc2, err + err2))
    if os.path.exists("/dev/full"):
        rc, out, err = run([trawl, "-r", tour, "-w", "/dev/full"], env=env)
        res.check(t + "write-error", rc == 1 and b"No space" in err, "rc %d %s" % (rc, err.decode()[-200:]))


def pcapng_blocks(data):
    out = []
    off = 0
    while off + 12 <= len(data):
        ln = struct.unpack_from("<I", data, off + 4)[0]
        if ln < 12:
            break
        out.append((off, ln))
        off += ln
    return out


# ------------------------------------------------------------------------------------------------
def suite_asan(res, args):
    trawl = os.path.join(ASAN, "trawl")
    if not os.path.exists(trawl):
        res.fail("asan", "no ASan build at " + trawl)
        return
    suite_cli(res, args, trawl, "asan-cli", ASAN_ENV)
    suite_golden(res, args, trawl, "asan-golden", ASAN_ENV)
    # every third expression of the bpf suite, over tests/pcaps (the whole list costs minutes)
    suite_bpf(res, args, trawl, "asan-bpf", ASAN_ENV, own_only=True, every=3)


# ------------------------------------------------------------------------------------------------
def read_pcap_records(path):
    data = open(path, "rb").read()
    magic = struct.unpack_from("<I", data, 0)[0]
    if magic not in (0xA1B2C3D4, 0xA1B23C4D):
        return None, None
    hdr = data[:24]
    recs = []
    off = 24
    while off + 16 <= len(data):
        s, u, incl, orig = struct.unpack_from("<IIII", data, off)
        recs.append((s, u, orig, data[off + 16:off + 16 + incl]))
        off += 16 + incl
    return hdr, recs


def write_truncated(hdr, recs, snap, path):
    with open(path, "wb") as f:
        f.write(hdr)
        for s, u, orig, pkt in recs:
            cut = pkt[:snap]
            f.write(struct.pack("<IIII", s, u, len(cut), orig))
            f.write(cut)


def suite_trunc(res, args):
    trawl = os.path.join(ASAN, "trawl")
    pcaps = sorted(set(os.path.join(ROOT, s["pcap"]) for s in load_golden() if "pcap" in s))
    pcaps = [p for p in pcaps if p.endswith(".pcap")]
    for p in pcaps:
        hdr, recs = read_pcap_records(p)
        name = "trunc/" + os.path.basename(p)
        if hdr is None:
            res.fail(name, "not a little-endian classic pcap")
            continue
        maxlen = max(len(r[3]) for r in recs) if recs else 0
        # every length through the first headers, then sparser (the suite's CI time grows with
        # every golden capture)
        snaps = (list(range(0, min(maxlen, 80) + 1)) + list(range(84, min(maxlen, 128) + 1, 4)) +
                 list(range(136, maxlen + 1, 32)))
        problems = []
        unmarked = 0
        with tempfile.TemporaryDirectory() as d:
            def one(snap):
                tp = os.path.join(d, "t%d.pcap" % snap)
                write_truncated(hdr, recs, snap, tp)
                rc, out, err = run([trawl, "-r", tp, "-V", "-x", "--no-progress"], env=ASAN_ENV)
                rc2, out2, err2 = run([trawl, "-r", tp, "-T", "fields", "-e", "frame.number",
                                       "-e", "_ws.short", "-e", "_ws.malformed", "-e",
                                       "frame.cap_len", "-e", "frame.len", "--no-progress"],
                                      env=ASAN_ENV)
                return snap, rc, err, rc2, out2, err2
            with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as ex:
                for snap, rc, err, rc2, out2, err2 in ex.map(one, snaps):
                    if sanitizer_report(err) or sanitizer_report(err2) or rc not in (0, 2) or rc2 not in (0, 2):
                        problems.append("snaplen %d: rc %d/%d %s" % (snap, rc, rc2, (err + err2).decode("utf-8", "replace")[-1500:]))
                        continue
                    for line in out2.decode().split("\n"):
                        f = line.split("\t")
                        if len(f) < 5 or not f[3]:
                            continue
                        # a frame cut short must say so (or be malformed) unless only a trailer was cut
                        if int(f[3]) < int(f[4]) and not f[1] and not f[2]:
                            unmarked += 1
        if problems:
            res.fail(name, "\n".join(problems[:3]))
        else:
            res.ok(name, "%d snap lengths, %d cut frames without a marker (trailer-only cuts)" % (len(snaps), unmarked))


# ------------------------------------------------------------------------------------------------
CAPTURE_MAGICS = (b"\xd4\xc3\xb2\xa1", b"\xa1\xb2\xc3\xd4", b"\x4d\x3c\xb2\xa1", b"\xa1\xb2\x3c\x4d",
                  b"\x0a\x0d\x0d\x0a", b"\x1f\x8b", b"\x28\xb5\x2f\xfd", b"\x34\xcd\xb2\xa1",
                  b"\xa1\xb2\xcd\x34")


def corpus_files(dirs):
    out = []
    for d in dirs:
        base = os.path.join(SHARED, "corpora", d)
        for root, _ds, fs in os.walk(base):
            for n in fs:
                p = os.path.join(root, n)
                try:
                    with open(p, "rb") as f:
                        h = f.read(4)
                except OSError:
                    continue
                if any(h.startswith(m) for m in CAPTURE_MAGICS):
                    out.append(p)
    return sorted(out)


def suite_corpus(res, args):
    if not os.path.isdir(os.path.join(SHARED, "corpora")):
        res.ok("corpus", "skipped: ../shared/corpora is absent")
        return
    trawl = os.path.join(ASAN, "trawl")
    # the corpora the foundation issue names (and a small extra one); suricata-verify (114 MB,
    # mostly the same protocols) only with --full, to keep CI within its time budget
    dirs = ["ultimate-pcap", "tcpdump", "wireshark", "zeek", "lekensteyn-wireshark-notes"]
    if args.full:
        dirs.append("suricata-verify")
    for d in dirs:
        files = corpus_files([d])
        bad = []

        def one(p):
            rc, out, err = run([trawl, "-r", p, "-V", "-x", "--no-progress"], env=ASAN_ENV, timeout=300)
            if rc == -999 or rc not in (0, 2) or sanitizer_report(err):
                return "%s: rc %d %s" % (os.path.relpath(p, SHARED), rc, err.decode("utf-8", "replace")[-1200:])
            return None
        with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as ex:
            for r in ex.map(one, files):
                if r:
                    bad.append(r)
        name = "corpus/%s" % d
        if bad:
            res.fail(name, "%d of %d files:\n%s" % (len(bad), len(files), "\n".join(bad[:5])))
        else:
            res.ok(name, "%d captures, -V -x under ASan+UBSan" % len(files))


# ------------------------------------------------------------------------------------------------
def suite_diff(res, args):
    if not os.path.isdir(os.path.join(SHARED, "corpora")):
        res.ok("diff", "skipped: ../shared/corpora is absent")
        return
    tool = os.path.join(ROOT, "tests", "tools", "difftool.py")
    for spec in sorted(glob.glob(os.path.join(ROOT, "tests", "diff", "*.diff"))):
        cfg = {}
        for line in open(spec):
            if line.strip() and not line.startswith("#"):
                k, _, v = line.partition(":")
                cfg[k.strip()] = v.strip()
        name = "diff/" + os.path.basename(spec)[:-5]
        paths = [os.path.join(SHARED, "corpora", p) for p in cfg["corpora"].split()]
        if args.quick and cfg.get("quick"):
            paths = [os.path.join(SHARED, "corpora", p) for p in cfg["quick"].split()]
        cmd = [sys.executable, tool, "--trawl", os.path.join(BUILD, "trawl"),
               "--min", cfg.get("min", "99.5"), "--show", "3", "--chunk", cfg.get("chunk", "150")]
        if cfg["fields"] != "all":  # otherwise every field both tools know
            cmd += ["--fields", "@" + os.path.join(ROOT, "tests", "diff", cfg["fields"])]
        if cfg.get("exclude"):
            cmd += ["--exclude", cfg["exclude"]]
        cmd += paths
        t0 = time.time()
        rc, out, err = run(cmd, timeout=3600)
        text = out.decode("utf-8", "replace")
        summary = [l for l in text.split("\n") if l.startswith("overall agreement") or
                   l.startswith("files compared") or l.startswith("frame count differences")]
        report = os.path.join(ROOT, "tests", "out")
        os.makedirs(report, exist_ok=True)
        with open(os.path.join(report, os.path.basename(spec)[:-5] + ".txt"), "w") as f:
            f.write(text)
        if rc == 0:
            res.ok(name, "; ".join(summary) + "; %.0fs" % (time.time() - t0))
        else:
            res.fail(name, "\n".join(summary) + "\n" + text[-3000:] + err.decode()[-500:])


# ------------------------------------------------------------------------------------------------

BPF_CORPORA = ["ultimate-pcap", "tcpdump/tests", "wireshark/test/captures",
               "zeek/testing/btest/Traces"]
# Over the corpora an expression runs on every BPF_SHARE-th file (the offset varies with the
# expression, so each file meets a few), one marked "@wide" on every BPF_WIDE-th; --full: all.
BPF_SHARE = 32
BPF_WIDE = 5


def load_bpf_filters():
    out = []
    for line in open(os.path.join(ROOT, "tests", "bpf", "filters.txt")):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        wide = line.startswith("@wide ")
        out.append((line[6:].strip() if wide else line, wide))
    return out


def usec_frames(path):
    """Frames of a pcap/pcapng file with timestamps cut to microseconds (what tcpdump writes)."""
    _k, _i, frames = capread.read_capture(path)
    return [(f[0] // 1000, f[1], f[2], f[3]) for f in frames]


def bpf_one(trawl, cap, expr, work, env=ENV):
    """tcpdump and trawl on one capture with one expression. Returns (kind, detail):
    ok / partial (tcpdump stopped at damage; the frames it wrote are compared) / skip-read /
    skip-compile (neither could compile) / skip-tcpdump-compile (tcpdump could not, trawl could)
    / fail."""
    fd, o1 = tempfile.mkstemp(dir=work, suffix=".pcap")
    os.close(fd)
    os.unlink(o1)
    o2 = o1[:-5] + "-trawl.pcap"
    try:
        rc1, _o, e1 = run(["tcpdump", "-r", cap, "-w", o1, expr], env=env, timeout=120)
        rc2, _o, e2 = run([trawl, "-r", cap, "-f", expr, "-w", o2, "-F", "pcap", "--no-progress"],
                          env=env, timeout=120)
        if sanitizer_report(e2):
            return "fail", "sanitizer: " + e2.decode("utf-8", "replace")[-1500:]
        t_out = os.path.exists(o1) and os.path.getsize(o1) >= 24
        if rc1 != 0 and not t_out:
            if rc2 == 1 and b"-f:" in e2:
                return "skip-compile", e1.decode("utf-8", "replace").strip()[-200:]
            msg = e1.decode("utf-8", "replace")
            if cap in msg or "file format" in msg or "link-layer type" in msg or "savefile" in msg \
                    or "interface" in msg or "pcapng" in msg or "dump file" in msg:
                return "skip-read", msg.strip()[-200:]
            return "skip-tcpdump-compile", msg.strip()[-200:]
        if rc2 == 1 and b"-f: cannot compile" in e2 and rc1 != 0:
            # tcpdump read only the interfaces of the first link type; trawl could not compile
            # for a later one
            return "skip-compile", e2.decode("utf-8", "replace").strip()[-200:]
        if rc2 not in (0, 2):
            if rc2 == 1 and b"a pcap file has one link type" in e2:
                return "skip-read", "several link types (tcpdump reads only the first)"
            return "fail", "trawl rc %d: %s" % (rc2, e2.decode("utf-8", "replace")[-400:])
        try:
            want = usec_frames(o1)
        except ValueError as e:  # tcpdump died mid-record
            return "skip-read", "tcpdump output unreadable: %s" % e
        got = usec_frames(o2)
        kind = "ok"
        if rc1 != 0:
            kind = "partial"
            got = got[:len(want)]
        if want == got:
            return kind, len(want)
        # libpcap cuts a record longer than the file's snaplen to the snaplen when it reads
        # it; trawl (like tshark) keeps the record whole. Same frames once cut: agreement.
        snap = capread.read_capture(o1)[1][0]["snaplen"]
        cut = [(r[0], min(r[1], snap), r[2], r[3][:snap]) for r in got]
        if want == cut:
            return kind + "-snapcut", len(want)
        for i in range(max(len(want), len(got))):
            a = want[i] if i < len(want) else None
            b = got[i] if i < len(got) else None
            if a != b:
                desc = lambda r: "none" if r is None else "ts %d.%06d caplen %d len %d" % (
                    r[0] // 10**6, r[0] % 10**6, r[1], r[2])
                return "fail", "%d frames from tcpdump, %d from trawl; kept frame %d: tcpdump %s, " \
                    "trawl %s%s" % (len(want), len(got), i + 1, desc(a), desc(b),
                                    " (bytes differ)" if a and b and a[:3] == b[:3] else "")
        return "fail", "?"
    finally:
        for o in (o1, o2):
            if os.path.exists(o):
                os.unlink(o)


def suite_bpf(res, args, trawl=None, tag="bpf", env=ENV, own_only=False, every=1):
    trawl = trawl or os.path.join(BUILD, "trawl")
    if subprocess.run(["which", "tcpdump"], stdout=subprocess.PIPE).returncode != 0:
        res.ok(tag, "skipped: tcpdump is not installed")
        return
    filters = load_bpf_filters()
    own = sorted(glob.glob(os.path.join(ROOT, "tests", "pcaps", "*.pcap*")))
    have_corpora = os.path.isdir(os.path.join(SHARED, "corpora")) and not own_only
    corpus = corpus_files(BPF_CORPORA) if have_corpora else []
    k = 1 if args.full else 3 if args.quick else 1
    jobs = []
    for n, (expr, wide) in enumerate(filters):
        if n % every:
            continue
        share = 1 if args.full else (BPF_WIDE if wide else BPF_SHARE) * k
        for p in own:
            jobs.append((n, "own", p))
        for i, p in enumerate(corpus):
            if i % share == n % share:
                jobs.append((n, "corpus", p))
    t0 = time.time()
    with tempfile.TemporaryDirectory() as work:
        def one(job):
            n, where, p = job
            return job, bpf_one(trawl, p, filters[n][0], work, env)
        with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as ex:
            results = list(ex.map(one, jobs))
    per = {}
    totals = {}
    for (n, where, p), (kind, detail) in results:
        per.setdefault(n, []).append((where, p, kind, detail))
        totals[kind] = totals.get(kind, 0) + 1
    for n, (expr, _e) in enumerate(filters):
        if n % every:
            continue
        rows = per.get(n, [])
        fails = [r for r in rows if r[2] == "fail"]
        cmp_ = [r for r in rows if r[2].startswith("ok") or r[2].startswith("partial")]
        kept = sum(r[3] for r in cmp_)
        skips = len(rows) - len(cmp_) - len(fails)
        name = "%s/%02d %s" % (tag, n + 1, expr)
        if fails:
            res.fail(name, "%d of %d captures differ:\n%s" % (
                len(fails), len(rows), "\n".join("  %s: %s" % (os.path.relpath(r[1], os.path.dirname(ROOT)) if r[0] == "corpus"
                                                               else os.path.basename(r[1]), r[3]) for r in fails[:4])))
        else:
            res.ok(name, "%d captures compared, %d frames kept, %d skipped" % (len(cmp_), kept, skips))
    summary = ", ".join("%s %d" % (k, v) for k, v in sorted(totals.items()))
    note = "" if have_corpora else "; corpora absent: tests/pcaps only"
    print("%s: %d expressions x captures in %.0fs: %s%s" % (tag, len(jobs), time.time() - t0, summary, note))
    if args.verbose_skips:
        for (n, where, p), (kind, detail) in results:
            if not kind.startswith("ok"):
                print("  %s %s [%s]: %s" % (kind, p, filters[n][0], detail))


def suite_filterdiff(res, args):
    """Display filters (tests/diff/filters.txt): trawl -Y selects the frames tshark -Y selects,
    over the corpora (suricata-verify too with --full); tests/tools/filterdiff.py does the work."""
    shared = os.environ.get("TRAWL_SHARED", SHARED)
    if not os.path.isdir(os.path.join(shared, "corpora")):
        res.ok("filterdiff", "skipped: %s/corpora is absent" % shared)
        return
    tool = os.path.join(ROOT, "tests", "tools", "filterdiff.py")
    cmd = [sys.executable, tool, "--trawl", os.path.join(BUILD, "trawl"), "--shared", shared]
    if args.full:
        cmd.append("--full")
    elif args.quick:
        cmd += ["ultimate-pcap", "wireshark"]
    t0 = time.time()
    rc, out, err = run(cmd, timeout=3600)
    text = out.decode("utf-8", "replace")
    report = os.path.join(ROOT, "tests", "out")
    os.makedirs(report, exist_ok=True)
    with open(os.path.join(report, "filterdiff.txt"), "w") as f:
        f.write(text + err.decode("utf-8", "replace"))
    summary = [l for l in text.split("\n") if l.startswith(("agreement:", "times:", "SKIP", "ERROR",
                                                           "filterdiff:"))]
    if rc == 0:
        res.ok("filterdiff", "; ".join(summary) + "; %.0fs" % (time.time() - t0))
    elif rc == 2:
        res.fail("filterdiff", "\n".join(summary) or text[-2000:] + err.decode()[-1000:])
    else:
        diffs = [l for l in text.split("\n") if l.startswith(("DIFFERS", "LIST:"))]
        res.fail("filterdiff", "\n".join(summary + diffs[:60]) +
                 "\n(full report: tests/out/filterdiff.txt)")


# the link types fuzz_dissect.c picks from (its first byte indexes this list)
FUZZ_LINKTYPES = [1, 0, 9, 50, 101, 105, 108, 113, 127, 192, 228, 229, 276, 147]


def make_seeds(target, out):
    """Seed inputs from the project's own captures, written in each target's input format."""
    pcaps = sorted(glob.glob(os.path.join(ROOT, "tests", "pcaps", "*.pcap*")))
    n = 0
    for p in pcaps:
        data = open(p, "rb").read()
        if target == "fuzz_capture":
            with open(os.path.join(out, "c%d" % n), "wb") as f:
                f.write(b"\0" + data[:65536])
            n += 1
        elif target == "fuzz_dissect" and p.endswith(".pcap"):
            hdr, recs = read_pcap_records(p)
            if hdr is None:
                continue
            lt = struct.unpack_from("<I", hdr, 20)[0] & 0xFFFF
            if lt not in FUZZ_LINKTYPES:
                continue
            for (_s, _u, _orig, pkt) in recs[:64]:
                with open(os.path.join(out, "d%d" % n), "wb") as f:
                    f.write(bytes([FUZZ_LINKTYPES.index(lt), 1, 0]) + pkt)
                n += 1
    if target == "fuzz_stream":
        # the engine's record format is synthetic: seed it with capture bytes in each mode
        for i, p in enumerate(sorted(glob.glob(os.path.join(ROOT, "tests", "pcaps", "seed002-*.pcap")))):
            data = open(p, "rb").read()[24:]
            for mode in range(3):
                with open(os.path.join(out, "s%d_%d" % (i, mode)), "wb") as f:
                    f.write(bytes([mode + 3 * i]) + data[:4096])
                n += 1
    if target == "fuzz_der":
        # the DER files gen_x509.py writes, as each kind the target knows
        kinds = {"ca": 0, "leaf": 0, "ec": 0, "ocsp-req": 1, "ocsp-good": 1, "ocsp-revoked": 1,
                 "ocsp-unauth": 1}
        for p in sorted(glob.glob(os.path.join(ROOT, "tests", "pcaps", "x509", "*.der"))):
            k = kinds.get(os.path.basename(p)[:-4], 0)
            for kind, mode in ((k, 0), (k, 2), (3, 0)):
                with open(os.path.join(out, "x%d" % n), "wb") as f:
                    f.write(bytes([kind, mode]) + open(p, "rb").read())
                n += 1
    if target == "fuzz_hex":
        for p in sorted(glob.glob(os.path.join(ROOT, "tests", "pcaps", "*.txt"))):
            with open(os.path.join(out, "h%d" % n), "wb") as f:
                f.write(open(p, "rb").read())
            n += 1
    return n


# ------------------------------------------------------------------------------------------------
def write_variants(src, d):
    """Inputs the project's captures do not have, made from ipv4.pcap: nanosecond and
    big-endian pcap, and pcapng with a binary timestamp resolution, if_name, comments and
    epb_flags."""
    _k, ifs, frames = capread.read_capture(src)
    lt = ifs[0]["linktype"]
    out = []
    p = os.path.join(d, "nsec.pcap")
    with open(p, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B23C4D, 2, 4, 0, 0, 262144, lt))
        for i, (ts, cl, wl, data, _g, _c, _fl) in enumerate(frames):
            ts += 123 * i + 7
            f.write(struct.pack("<IIII", ts // 10**9, ts % 10**9, cl, wl) + data)
    out.append(p)
    p = os.path.join(d, "bigendian.pcap")
    with open(p, "wb") as f:
        f.write(struct.pack(">IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, lt))
        for ts, cl, wl, data, _g, _c, _fl in frames:
            f.write(struct.pack(">IIII", ts // 10**9, ts % 10**9 // 1000, cl, wl) + data)
    out.append(p)
    p = os.path.join(d, "pow2.pcapng")

    def opt(code, v):
        return struct.pack("<HH", code, len(v)) + v + b"\0" * ((4 - len(v) % 4) % 4)

    def block(t, body):
        return struct.pack("<II", t, len(body) + 12) + body + struct.pack("<I", len(body) + 12)
    with open(p, "wb") as f:
        f.write(block(0x0A0D0D0A, struct.pack("<IHHq", 0x1A2B3C4D, 1, 0, -1) + struct.pack("<I", 0)))
        idb = struct.pack("<HHI", lt, 0, 9000) + opt(2, b"eth-test") + opt(9, bytes([0x80 | 20])) \
            + struct.pack("<I", 0)
        f.write(block(1, idb))
        f.write(block(1, struct.pack("<HHI", 101, 0, 0)))  # a second, unused interface
        for i, (ts, cl, wl, data, _g, _c, _fl) in enumerate(frames):
            units = ts * 2**20 // 10**9
            opts = b""
            if i % 3 == 0:
                opts += opt(1, b"comment %d" % i)
            if i % 4 == 1:
                opts += opt(2, struct.pack("<I", 1 + (i % 2)))
            if opts:
                opts += struct.pack("<I", 0)
            body = struct.pack("<IIIII", 0, units >> 32, units & 0xFFFFFFFF, cl, wl) + data + \
                b"\0" * ((4 - cl % 4) % 4) + opts
            f.write(block(6, body))
    out.append(p)
    return out


def tshark_times(path):
    rc, out, err = run(["tshark", "-r", path, "-T", "fields", "-e", "frame.time_epoch", "-e",
                        "frame.len", "-e", "frame.cap_len"], timeout=300)
    return rc, out.decode("utf-8", "replace").split("\n")


def usec_line(line):
    f = line.split("\t")
    if f and "." in f[0]:
        a, b = f[0].split(".")
        f[0] = a + "." + b[:6] + "0" * (len(b) - 6)
    return "\t".join(f)


def suite_write(res, args, trawl=None, tag="write", env=ENV):
    """-w round trips: what trawl writes, tshark reads with the same times and lengths, and
    the bytes of every frame (and pcapng's interfaces, comments and flags) are the input's."""
    trawl = trawl or os.path.join(BUILD, "trawl")
    have_tshark = subprocess.run(["which", "tshark"], stdout=subprocess.PIPE).returncode == 0
    inputs = sorted(glob.glob(os.path.join(ROOT, "tests", "pcaps", "*.pcap*")))
    if os.path.isdir(os.path.join(SHARED, "corpora")) and not args.quick:
        ng = [p for p in corpus_files(["wireshark/test/captures", "zeek/testing/btest/Traces"])
              if open(p, "rb").read(4) == b"\x0a\x0d\x0d\x0a"]
        inputs += ng[::max(1, len(ng) // 6)]
    with tempfile.TemporaryDirectory() as d:
        inputs += write_variants(os.path.join(ROOT, "tests", "pcaps", "ipv4.pcap"), d)

        src_times = {}

        def one(job):
            src, fmt = job
            out = os.path.join(d, "%s.%s.out" % (os.path.basename(src), fmt))
            rc, _o, err = run([trawl, "-r", src, "-w", out, "-F", fmt, "--no-progress"], env=env)
            if sanitizer_report(err):
                return "fail", err.decode("utf-8", "replace")[-1500:]
            try:
                kind, ifs, frames = capread.read_capture(src)
            except ValueError:
                kind, ifs, frames = None, [], []
            lts = set(i["linktype"] for i in ifs)
            if rc == 1 and b"a pcap file has one link type" in err and fmt != "pcapng" and len(lts) > 1:
                return "ok", "refused: %d link types" % len(lts)
            if rc not in (0, 2):
                return "fail", "rc %d %s" % (rc, err.decode("utf-8", "replace")[-300:])
            try:
                okind, oifs, oframes = capread.read_capture(out)
            except ValueError as e:
                return "fail", "output unreadable: %s" % e
            if len(oframes) != len(frames) or any(a[3] != b[3] for a, b in zip(frames, oframes)):
                return "fail", "frame bytes differ (%d frames in, %d out)" % (len(frames), len(oframes))
            if [(a[1], a[2]) for a in frames] != [(b[1], b[2]) for b in oframes]:
                return "fail", "frame lengths differ"
            if fmt == "pcapng":
                if [(a[4], a[5], a[6]) for a in frames] != [(b[4], b[5], b[6]) for b in oframes]:
                    return "fail", "interface ids, comments or epb_flags differ"
                if kind == "pcapng" and [(i["linktype"], i["snaplen"], i["tsresol"], i["name"]) for i in ifs] != \
                        [(i["linktype"], i["snaplen"], i["tsresol"], i["name"]) for i in oifs]:
                    return "fail", "interfaces differ: %s vs %s" % (ifs, oifs)
                if [a[0] for a in frames] != [b[0] for b in oframes]:
                    return "fail", "timestamps differ"
            if have_tshark:
                if src not in src_times:  # the input's, once for the three formats
                    src_times[src] = tshark_times(src)
                rc1, a = src_times[src]
                rc2, b = tshark_times(out)
                if fmt == "pcap":  # microseconds: the input's times cut to them
                    a = [usec_line(x) for x in a]
                    b = [usec_line(x) for x in b]
                if a != b:
                    diff = next(i for i in range(min(len(a), len(b)) + 1)
                                if i >= len(a) or i >= len(b) or a[i] != b[i])
                    return "fail", "tshark differs at frame %d: %r vs %r" % (
                        diff + 1, a[diff] if diff < len(a) else None, b[diff] if diff < len(b) else None)
            if len(lts) <= 1 or fmt != "pcapng":
                rc3, _o, e3 = run(["tcpdump", "-r", out, "-w", "/dev/null"])
                if rc3 != 0:
                    return "fail", "tcpdump cannot read it: %s" % e3.decode()[-200:]
            rc4, o4, e4 = run([trawl, "-r", out, "-T", "fields", "-e", "frame.len", "--no-progress"], env=env)
            if rc4 != 0 or o4.count(b"\n") != len(frames):
                return "fail", "trawl reads it back with rc %d, %d frames" % (rc4, o4.count(b"\n"))
            return "ok", "%d frames" % len(frames)
        def per_input(src):
            return [one((src, fmt)) for fmt in ("pcapng", "pcap", "nsecpcap")]
        with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as ex:
            results = [r for rs in ex.map(per_input, inputs) for r in rs]
            jobs = [(src, fmt) for src in inputs for fmt in ("pcapng", "pcap", "nsecpcap")]
            for (src, fmt), (kind, why) in zip(jobs, results):
                name = "%s/%s -F %s" % (tag, os.path.basename(src), fmt)
                if kind == "ok":
                    res.ok(name, why)
                else:
                    res.fail(name, why)


# ------------------------------------------------------------------------------------------------
# libFuzzer's -rss_limit_mb reads getrusage's peak RSS, which Linux carries across fork+exec: a
# target started straight from this (by then large) runner reports the runner's peak as its own
# and stops at once with "out-of-memory". A shell that forks the target gives it a fresh count.
FRESH_RSS = ["sh", "-c", '"$@"; exit $?', "sh"]


def suite_fuzz(res, args):
    targets = sorted(glob.glob(os.path.join(ASAN, "tests", "fuzz_*")))
    targets = [t for t in targets if os.access(t, os.X_OK) and not os.path.isdir(t)]
    if not targets:
        res.fail("fuzz", "no fuzz targets built (build-asan with -Dfuzz=true)")
        return
    seconds = 10 if args.quick else 45
    for t in targets:
        name = "fuzz/" + os.path.basename(t)
        seeds = os.path.join(ROOT, "tests", "fuzz", "seeds", os.path.basename(t))
        crashes = os.path.join(ROOT, "tests", "fuzz", "crashes", os.path.basename(t))
        with tempfile.TemporaryDirectory() as work:
            # permanent regressions first: every saved crash input must now pass
            inputs = sorted(glob.glob(os.path.join(crashes, "*"))) if os.path.isdir(crashes) else []
            if inputs:
                rc, out, err = run(FRESH_RSS + [t] + inputs, env=ASAN_ENV, timeout=300)
                if rc != 0:
                    res.fail(name + "/regressions", err.decode("utf-8", "replace")[-2000:])
                    continue
            gen = os.path.join(work, "gen")
            os.makedirs(gen)
            make_seeds(os.path.basename(t), gen)
            dirs = [work, gen] + ([seeds] if os.path.isdir(seeds) else [])
            rc, out, err = run(FRESH_RSS + [t, "-max_total_time=%d" % seconds, "-max_len=65536",
                                "-rss_limit_mb=1024", "-timeout=10", "-artifact_prefix=" + work + "/"]
                               + dirs, env=ASAN_ENV, timeout=seconds + 120)
            if rc == 0:
                res.ok(name, "%ds" % seconds)
            else:
                arts = glob.glob(os.path.join(work, "crash-*")) + glob.glob(os.path.join(work, "leak-*")) + \
                    glob.glob(os.path.join(work, "timeout-*")) + glob.glob(os.path.join(work, "oom-*"))
                res.fail(name, "artifacts %s\n%s" % (arts, err.decode("utf-8", "replace")[-2500:]))


# ------------------------------------------------------------------------------------------------
# Equivalent spellings: Wireshark treats each pair as the same filter, so trawl must compile both
# to the same program (--explain-filter output after its "Filter:" line).
FILTER_EQUIV = [
    ("tcp.port == 80", "tcp.port eq 80"),
    ("tcp.port != 80", "tcp.port ne 80"),
    ("tcp.port > 80", "tcp.port gt 80"),
    ("tcp.port < 80", "tcp.port lt 80"),
    ("tcp.port >= 80", "tcp.port ge 80"),
    ("tcp.port <= 80", "tcp.port le 80"),
    ("tcp.port === 80", "tcp.port all_eq 80"),
    ("tcp.port !== 80", "tcp.port any_ne 80"),
    ("tcp.port ~= 80", "tcp.port !== 80"),
    ("tcp and udp", "tcp && udp"),
    ("tcp or udp", "tcp || udp"),
    ("not tcp", "!tcp"),
    ('frame matches "a.c"', 'frame ~ "a.c"'),
    ("tcp.port == 80", "tcp.port == 0x50"),
    ("frame.len == 10", "frame.len == 0b1010"),
    ("frame.len == 10", "frame.len == 012"),
    ("ip.src == 10.0.0.1", "ip.src == 10.0.0.1/32"),
    ("(tcp)", "tcp"),
    ("eth.dst == aa:bb:cc:dd:ee:ff", "eth.dst == aa-bb-cc-dd-ee-ff"),
    ("tcp.payload[0:2] == 47:45", "tcp.payload[0-1] == 47:45"),
    ('tcp.payload[0:3] == "GET"', 'tcp.payload[0:3] == "\\x47ET"'),
    ("tcp.flags.syn == True", "tcp.flags.syn == 1"),
    ("ssl", "tls"),
    ("tcp.port in {80, 443}", "tcp.port in {80,443}"),
    ("tcp.port bitwise_and 4", "tcp.port & 4"),
    ("tcp.port any_eq 80", "tcp.port == 80"),
    ("tcp.port all_ne 80", "tcp.port != 80"),
    ("ip.proto == 6", 'ip.proto == "TCP"'),
    ("frame.len > 97", "frame.len > 'a'"),
    ("ip[9] == 06", "ip[9] == 0x06"),
    ("ip.proto == 6", "ip.proto == '\\x06'"),
]


def explain(trawl, f):
    rc, out, err = run([trawl, "--explain-filter", f])
    return rc, out.decode("utf-8", "replace").split("\n", 1)[-1], err.decode("utf-8", "replace")


def suite_filter(res, args):
    trawl = os.path.join(BUILD, "trawl")
    for a, b in FILTER_EQUIV:
        name = "filter/equiv/%s <=> %s" % (a, b)
        ra, pa, ea = explain(trawl, a)
        rb, pb, eb = explain(trawl, b)
        res.check(name, ra == 0 and rb == 0 and pa == pb,
                  "rc %d/%d %s%s\n%s\n---\n%s" % (ra, rb, ea, eb, pa, pb))
    # conformance vectors: tshark 4.0.17's verdicts on ../shared/filters/sample.pcap
    d = os.path.join(SHARED, "filters")
    if not os.path.isdir(d):  # a worktree sits one level deeper than the main checkout
        d = os.path.join(os.path.dirname(os.path.dirname(ROOT)), "shared", "filters")
    tsv = os.path.join(d, "conformance.tsv")
    if not os.path.exists(tsv):
        res.ok("filter/conformance", "skipped: %s absent" % tsv)
        return
    pcap = os.path.join(d, "sample.pcap")
    for line in open(tsv, encoding="utf-8").read().split("\n")[1:]:
        if not line.strip():
            continue
        f, _, exp = line.partition("\t")
        name = "filter/conformance/%s" % f
        rc, out, err = run([trawl, "-r", pcap, "--no-progress", "-Y", f])
        if exp.startswith("accepted"):
            want = int(exp.split(",")[1].split()[0])
            got = len(out.decode("utf-8", "replace").splitlines())
            ok = rc == 0 and got == want
            why = "expected %d frames, got %d (rc %d) %s" % (want, got, rc, err.decode()[-300:])
        else:
            # "REJECT: MSG     FILTER     CARET": tshark's three lines joined by spaces
            msg = exp[len("REJECT: "):]
            e = err.decode("utf-8", "replace")
            lines = e.split("\n")
            got_msg = lines[0][len("trawl: "):] if lines[0].startswith("trawl: ") else lines[0]
            ok = rc == 1 and msg.startswith(got_msg)
            rest = msg[len(got_msg):]
            caret = rest.split(f, 1)[1] if f in rest else ""
            if ok and "^" in caret:
                # the caret's column relative to the filter line (both indented by 4)
                want_col = caret.index("^") - 1 - 4
                got_col = lines[2].index("^") - 4 if len(lines) > 2 and "^" in lines[2] else -1
                want_len = len(caret.strip())
                got_len = len(lines[2].strip()) if len(lines) > 2 else 0
                ok = want_col == got_col and want_len == got_len
            why = "expected reject %r, got rc %d: %r" % (msg, rc, e[-400:])
        if ok:
            res.ok(name)
        else:
            res.fail(name, why)

# ------------------------------------------------------------------------------------------------
def suite_stream(res, args):
    """Seed 002 (tests/pcaps/gen_seed002.py): what each policy and checksum mode reassembles."""
    import base64
    import json
    trawl = os.path.join(BUILD, "trawl")
    pc = lambda n: os.path.join(ROOT, "tests", "pcaps", n)

    def client_bytes(pcap, *opts):
        rc, out, err = run([trawl, "-r", pc(pcap), "--no-progress", "-q"] + list(opts) +
                           ["-z", "stream,reassembled"])
        if rc != 0:
            return None, err.decode("utf-8", "replace")
        lines = out.decode("utf-8", "replace").split("\n")
        for i, l in enumerate(lines):
            if l.startswith("  client->server"):
                return l + "\n" + lines[i + 1], ""
        return None, out.decode("utf-8", "replace")

    got, why = client_bytes("seed002-badrst.pcap", "--stream-policy", "linux")
    res.check("stream/badrst-linux-evilstuff", got is not None and '"EVILSTUFF"' in got, got or why)
    got, why = client_bytes("seed002-badrst.pcap", "--stream-policy", "linux", "--checksum-mode", "all")
    res.check("stream/badrst-mode-all", got is not None and '"EVILSTUFF"' in got, got or why)
    got, why = client_bytes("seed002-badrst.pcap", "--stream-policy", "linux", "--checksum-mode", "none")
    res.check("stream/badrst-mode-none-ends-at-rst",
              got is not None and "0 bytes, ended by RST" in got and "EVIL" not in got, got or why)
    got, why = client_bytes("seed002-ts.pcap", "--stream-policy", "linux")
    res.check("stream/ts-linux", got is not None and "GET /EVILSTUFF HTTP/1.0" in got, got or why)
    got, why = client_bytes("seed002-ts.pcap", "--stream-policy", "windows")
    res.check("stream/ts-windows-drops-tsval-99",
              got is not None and '"GET /EVIL"' in got and "STUFF" not in got, got or why)
    got, why = client_bytes("seed002-ts.pcap", "--stream-policy", "linux@192.0.2.80",
                            "--stream-policy", "windows@192.0.2.0/24")
    res.check("stream/ts-policy-by-receiver", got is not None and "GET /EVILSTUFF" in got, got or why)

    # the ambiguity report names both sessions, with their frames
    for pcap, needle in (("seed002-badrst.pcap", "frame 4        client->server  bad-checksum RST"),
                         ("seed002-ts.pcap", "frame 6        client->server  PAWS-rejected"),
                         ("seed002-frag.pcap", "fragments overlap with different data")):
        rc, out, err = run([trawl, "-r", pc(pcap), "--no-progress", "-q", "-z", "stream,ambiguity"])
        o = out.decode("utf-8", "replace")
        res.check("stream/ambiguity/" + pcap, rc == 0 and needle in o and "Streams reported: 0 TCP, 0" not in o,
                  o + err.decode("utf-8", "replace"))
    rc, out, err = run([trawl, "-r", pc("seed002-ts.pcap"), "--no-progress", "-q", "-z",
                        "stream,ambiguity,json"])
    ok = False
    try:
        j = json.loads(out)
        groups = j["streams"][0]["client_to_server"]
        data = {tuple(g["policies"]): base64.b64decode(g["data"]) for g in groups}
        ok = data.get(("linux",)) == b"GET /EVILSTUFF HTTP/1.0\r\n\r\n" and len(data) == 2
    except Exception as e:  # noqa: BLE001 - any parse problem is the failure
        err += str(e).encode()
    res.check("stream/ambiguity-json", ok, (out + err).decode("utf-8", "replace")[-2000:])
    # -z follow --policy: the followed bytes are what the target reassembles
    def follow(pcap, *opts):
        rc, out, err = run([trawl, "-r", pc(pcap), "--no-progress", "-q"] + list(opts) +
                           ["-z", "follow,tcp,yaml,0"])
        got = b""
        for l in out.decode("utf-8", "replace").split("\n"):
            if l.startswith("      "):
                got += base64.b64decode(l.strip())
        return rc, got, (out + err).decode("utf-8", "replace")

    rc, got, o = follow("seed002-badrst.pcap", "--policy", "linux")
    res.check("stream/follow-policy-linux-evilstuff", rc == 0 and got == b"EVILSTUFF", o)
    rc, got, o = follow("seed002-badrst.pcap", "--policy", "linux", "--checksum-mode", "none")
    res.check("stream/follow-policy-mode-none-ends-at-rst", rc == 0 and got == b"", o)
    rc, got, o = follow("seed002-ts.pcap", "--policy", "windows")
    res.check("stream/follow-policy-windows-drops-tsval-99", rc == 0 and got == b"GET /EVIL", o)
    rc, got, o = follow("seed002-ts.pcap", "--policy", "linux")
    res.check("stream/follow-policy-linux-keeps-tsval-99",
              rc == 0 and got == b"GET /EVILSTUFF HTTP/1.0\r\n\r\n", o)
    rc, out, err = run([trawl, "-r", pc("seed002-ts.pcap"), "--no-progress", "-q",
                        "--stream-policy", "beos"])
    res.check("stream/bad-policy-refused", rc == 1 and b"unknown policy" in err, err.decode())


# ------------------------------------------------------------------------------------------------
# captures of ../shared/corpora whose TCP and UDP streams -z follow is compared on (suite follow):
# a fixed mix of short and long conversations, IPv4 and IPv6, tunnels, retransmissions and
# captures that start mid-stream; each agrees with tshark in every format
FOLLOW_CORPUS = [
    "wireshark/test/captures/challenge01_ooo_stream.pcapng.gz",
    "wireshark/test/captures/http-ooo.pcap",
    "wireshark/test/captures/http-ooo2.pcap",
    "wireshark/test/captures/retrans-tls.pcap",
    "wireshark/test/captures/grpc_web.pcapng.gz",
    "wireshark/test/captures/netperfmeter.pcapng.gz",
    "wireshark/test/captures/rsasnakeoil2.pcap",
    "wireshark/test/captures/sip.pcapng",
    "wireshark/test/captures/ipoipoip.pcap",
    "wireshark/test/captures/segmented_fpm.pcap",
    "zeek/testing/btest/Traces/conn-size.pcap",
    "zeek/testing/btest/Traces/echo-connections.pcap.gz",
    "zeek/testing/btest/Traces/globus-url-copy.pcap",
    "zeek/testing/btest/Traces/dns-edns-tcp-keepalive.pcap",
]


def suite_follow(res, args):
    if not os.path.isdir(os.path.join(SHARED, "corpora")):
        res.ok("follow", "skipped: ../shared/corpora is absent")
        return
    tool = os.path.join(ROOT, "tests", "tools", "followdiff.py")
    files = [os.path.join(SHARED, "corpora", f) for f in FOLLOW_CORPUS]
    missing = [f for f in files if not os.path.exists(f)]
    files = [f for f in files if os.path.exists(f)]
    rc, out, err = run([sys.executable, tool, "--trawl", os.path.join(BUILD, "trawl"), "--jobs",
                        "2", "--max", "8", "--all-formats"] + files, timeout=900)
    text = out.decode("utf-8", "replace")
    last = "; ".join(text.strip().split("\n")[-2:]) if text.strip() else err.decode()[-300:]
    note = last + ("; %d listed captures absent" % len(missing) if missing else "")
    if rc == 0:
        res.ok("follow/corpus", note)
    else:
        res.fail("follow/corpus", text[-3000:] + err.decode("utf-8", "replace")[-500:])


# ------------------------------------------------------------------------------------------------
def suite_stats(res, args):
    """-z reports against tshark (tests/tools/statsdiff.py): on the Ultimate PCAP and a few
    wireshark/zeek corpus captures. The reports trawl must print identically are checked; the
    others (io,phs needs dissectors trawl lacks) are listed as known differences."""
    shared = os.environ.get("TRAWL_SHARED", SHARED)
    corp = os.path.join(shared, "corpora")
    if not os.path.isdir(corp):
        res.ok("stats", "skipped: no %s" % corp)
        return
    if subprocess.run(["which", "tshark"], stdout=subprocess.PIPE).returncode != 0:
        res.ok("stats", "skipped: no tshark")
        return
    tool = os.path.join(ROOT, "tests", "tools", "statsdiff.py")
    caps = glob.glob(os.path.join(corp, "ultimate-pcap", "*.pcapng"))
    for rel in ["wireshark/test/captures/dhcp.pcap", "wireshark/test/captures/http.pcap",
                "wireshark/test/captures/ipv6.pcap", "wireshark/test/captures/ntp.pcap",
                "wireshark/test/captures/arp.pcap", "wireshark/test/captures/ipoipoip.pcap"]:
        if os.path.exists(os.path.join(corp, rel)):
            caps.append(os.path.join(corp, rel))
    caps += sorted(glob.glob(os.path.join(corp, "zeek", "**", "*.pcap"), recursive=True))[:4 if args.quick else 12]
    # identical everywhere they were measured (docs/differences.md "Statistics" lists the rest)
    same = ["conv,eth", "conv,ip", "conv,ipv6", "conv,tcp", "conv,udp", "endpoints,eth",
            "endpoints,ip", "endpoints,ipv6", "endpoints,tcp", "endpoints,udp", "io,stat,1",
            "io,stat,0,tcp"]
    known = {"io,phs": "protocols trawl does not dissect"}
    for cap in caps:
        # the Ultimate PCAP's protocol hierarchy is identical too (issue #4's "Done when")
        must = same + (["io,phs"] if "ultimate-pcap" in cap and not args.quick else [])
        zs = must + ([] if args.quick else [z for z in known if z not in must])
        cmd = [sys.executable, tool, "--quiet", "--show", "3", "--expect-same", ";".join(must)]
        for z in zs:
            cmd += ["-z", z]
        rc, out, err = run(cmd + [cap], timeout=1800)
        name = "stats/" + os.path.basename(cap)
        text = out.decode("utf-8", "replace")
        diffs = [l for l in text.split("\n") if l.startswith("DIFF")]
        bad = [l for l in diffs if l.split()[1] in must]
        if rc != 0 or bad:
            res.fail(name, "\n".join(bad) or text[-2000:] or err.decode()[-2000:])
        else:
            res.ok(name, "%d known differences" % len(diffs) if diffs else "")
            for l in diffs:
                z = l.split()[1]
                res.xfail(name + " " + z, known.get(z, "?"))


# ------------------------------------------------------------------------------------------------
LAB_CAPS = os.path.join(ROOT, "tests", "lab", "captures")
# protocol groups of the lab check: field prefix -> group
LAB_GROUPS = [("dns.", "dns"), ("mdns.", "dns"), ("http.", "http"), ("tls.", "tls"),
              ("x509", "x509"), ("pkix1", "x509"), ("pkcs1", "x509"), ("ocsp.", "ocsp"),
              ("bfd.", "bfd"), ("bfd_echo.", "bfd"), ("ntp.", "ntp"), ("ftp.", "ftp"),
              ("ftp-data.", "ftp")]


def lab_group(field):
    for pre, g in LAB_GROUPS:
        if field.startswith(pre):
            return g
    return None


def suite_lab(res, args):
    caps = sorted(glob.glob(os.path.join(LAB_CAPS, "*.pcap")))
    if not caps:
        res.fail("lab", "no captures under " + LAB_CAPS)
        return
    # 1. every capture read with -V -x under ASan+UBSan: no crash, no report
    trawl = os.path.join(ASAN, "trawl")
    if not os.path.exists(trawl):
        res.ok("lab/asan", "skipped: no ASan build at " + trawl)
    else:
        bad = []
        for p in caps:
            rc, _out, err = run([trawl, "-r", p, "-V", "-x", "--no-progress"], env=ASAN_ENV,
                                timeout=300)
            if rc != 0 or sanitizer_report(err):
                bad.append("%s: rc %d %s" % (os.path.basename(p), rc,
                                             err.decode("utf-8", "replace")[-1200:]))
        if bad:
            res.fail("lab/asan", "\n".join(bad[:5]))
        else:
            res.ok("lab/asan", "%d captures, -V -x under ASan+UBSan" % len(caps))
    # 2. tshark agreement on the fields of the protocols trawl dissects, per protocol, on every
    # lab capture.  Known disagreements (tests/lab/known.txt: capture, frame, field, cause) are
    # reported as XFAIL; any other one fails.
    if not shutil.which("tshark"):
        res.ok("lab/diff", "skipped: no tshark")
        return
    normal = os.path.join(BUILD, "trawl")
    import difftool
    fields = [f for f in difftool.common_fields(normal) if lab_group(f)]
    known = {}
    for line in open(os.path.join(ROOT, "tests", "lab", "known.txt")):
        line = line.strip()
        if line and not line.startswith("#"):
            cap, frame, fld, cause = line.split(None, 3)
            known[(cap, int(frame), fld)] = cause
    diffcaps = caps

    def one(p):
        return difftool.compare_file(p, normal, fields, 300, [], None)
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as ex:
        results = list(ex.map(one, diffcaps))
    groups = {}
    lines = []
    for r in results:
        cap = os.path.basename(r["file"])
        if r.get("skipped") or r.get("crash") or r["tshark_frames"] != r["trawl_frames"]:
            res.fail("lab/diff/" + cap, "skipped %s, crash %s, frames tshark %s trawl %s" % (
                r.get("skipped"), r.get("crash"), r.get("tshark_frames"), r.get("trawl_frames")))
            continue
        for fld, (ok, bad) in r["fields"].items():
            g = groups.setdefault(lab_group(fld), [0, 0, [], []])
            g[0] += ok
        for (fr, fld, a, b) in r["mismatch"]:
            g = groups.setdefault(lab_group(fld) or "columns", [0, 0, [], []])
            g[1] += 1
            why = known.get((cap, fr, fld))
            (g[3] if why else g[2]).append((cap, fr, fld, why))
            lines.append("%s #%d %s\n  tshark: %s\n  trawl:  %s\n  %s" % (
                cap, fr, fld, a[:300], b[:300], ("known: " + why) if why else "NEW"))
    report = os.path.join(ROOT, "tests", "out")
    os.makedirs(report, exist_ok=True)
    with open(os.path.join(report, "lab.txt"), "w") as f:
        f.write("\n".join(lines) + "\n")
    for g in sorted(set(x[1] for x in LAB_GROUPS) | set(groups)):
        ok, bad, new, old = groups.get(g, [0, 0, [], []])
        name = "lab/diff/" + g
        note = "%d of %d values agree (%.2f%%)" % (ok, ok + bad, 100.0 * ok / max(1, ok + bad))
        if new:
            res.fail(name, note + "; new disagreements (tests/out/lab.txt): " + ", ".join(
                "%s #%d %s" % x[:3] for x in new[:8]))
        elif old:
            res.xfail(name, note + "; %d known disagreements, tests/lab/known.txt" % len(old))
        else:
            res.ok(name, note if ok else "no values in the lab captures")
EXPORT_CORPUS = ["zeek/testing/btest/Traces/http/get-gzip.pcap",
                 "zeek/testing/btest/Traces/http/pipelined-requests.pcap",
                 "zeek/testing/btest/Traces/http/no-uri.pcap",
                 "zeek/testing/btest/Traces/http/http_09.pcap",
                 "zeek/testing/btest/Traces/http/m57-long-49600-80.pcap",
                 "wireshark/test/captures/http.pcap",
                 "wireshark/test/captures/http-ooo.pcap",
                 "suricata-verify/tests/filestore-5408/input.pcap"]
EXPORT_TLS_CORPUS = ["zeek/testing/btest/Traces/tls/chrome-34-google.pcap",
                     "zeek/testing/btest/Traces/tls/ecdsa-cert.pcap",
                     "wireshark/test/captures/tls12-dsb.pcapng"]


def suite_export(res, args):
    """--export-objects: http and ftp-data against tshark's export (names and bytes) over the
    committed captures and a few corpus ones; tls: every certificate exported parses with
    openssl."""
    tool = os.path.join(ROOT, "tests", "tools", "eo_compare.py")
    trawl = os.path.join(BUILD, "trawl")
    have = lambda prog: subprocess.run(["which", prog], stdout=subprocess.PIPE).returncode == 0
    own = [os.path.join(ROOT, "tests", "pcaps", n) for n in
           ("http.pcap", "http-export.pcap", "http-connect.pcap")]
    corpus = [os.path.join(SHARED, "corpora", p) for p in EXPORT_CORPUS]
    corpus = [p for p in corpus if os.path.exists(p)][:3 if args.quick else None]
    tls_own = sorted(glob.glob(os.path.join(ROOT, "tests", "pcaps", "*tls*.pcap")))
    tls_corpus = [os.path.join(SHARED, "corpora", p) for p in EXPORT_TLS_CORPUS]
    tls_corpus = [p for p in tls_corpus if os.path.exists(p)]
    ftp_own = [os.path.join(ROOT, "tests", "pcaps", "ftp.pcap")]
    ftp_corpus = [os.path.join(SHARED, "corpora", "suricata-verify", "tests", p) for p in (
        "ftp/ftp-upload-active/input.pcap", "ftp/ftp-download-passive/input.pcap",
        "firewall/ruletype-firewall-116-ftp-all-data-ipv4/input.pcap",
        "firewall/ruletype-firewall-117-ftp-all-data-ipv6/input.pcap")]
    ftp_corpus = [p for p in ftp_corpus if os.path.exists(p)]
    runs = [("export/http-own", "http", own, have("tshark")),
            ("export/ftp-data-own", "ftp-data", ftp_own, have("tshark")),
            ("export/ftp-data-corpus", "ftp-data", ftp_corpus, have("tshark") and ftp_corpus),
            ("export/http-corpus", "http", corpus, have("tshark") and corpus),
            ("export/tls-own", "tls", tls_own, have("openssl")),
            ("export/tls-corpus", "tls", tls_corpus, have("openssl") and tls_corpus)]
    for name, proto, files, ok in runs:
        if not ok:
            res.ok(name, "skipped: no tshark/openssl or no ../shared corpora")
            continue
        rc, out, err = run([sys.executable, tool, "--proto", proto, "--jobs", "2", "--trawl",
                            trawl] + files, timeout=900)
        text = out.decode("utf-8", "replace")
        if rc == 0:
            res.ok(name, text.strip().split("\n")[-1])
        else:
            res.fail(name, text[-3000:] + err.decode("utf-8", "replace")[-500:])
    # the certificate of tls.pcap is the generator's, byte for byte
    with tempfile.TemporaryDirectory() as d:
        run([trawl, "-r", os.path.join(ROOT, "tests", "pcaps", "tls.pcap"), "-q",
             "--export-objects", "tls," + d])
        got = [open(os.path.join(d, n), "rb").read() for n in os.listdir(d)]
        want = open(os.path.join(ROOT, "tests", "pcaps", "tls-test-cert.der"), "rb").read()
        if got == [want]:
            res.ok("export/tls-bytes")
        else:
            res.fail("export/tls-bytes", "%d files, expected the one of tls-test-cert.der" % len(got))
    # a name already in the directory is numbered; an unknown protocol is an error
    with tempfile.TemporaryDirectory() as d:
        open(os.path.join(d, "gz"), "wb").close()
        rc, out, err = run([trawl, "-r", os.path.join(ROOT, "tests", "pcaps", "http.pcap"), "-q",
                            "--export-objects", "http," + os.path.join(d, "")])
        names = sorted(os.listdir(d))
        rc2, _, err2 = run([trawl, "-r", os.path.join(ROOT, "tests", "pcaps", "http.pcap"), "-q",
                            "--export-objects", "smtp," + d])
        if rc == 0 and out == b"" and "gz(1)" in names and rc2 == 1 and b"http" in err2:
            res.ok("export/cli")
        else:
            res.fail("export/cli", "rc %d out %r names %s; unknown proto rc %d %r" %
                     (rc, out[:200], names, rc2, err2[:200]))


SUITES = [("unit", suite_unit), ("cli", suite_cli), ("golden", suite_golden), ("asan", suite_asan),
          ("filter", suite_filter), ("trunc", suite_trunc), ("corpus", suite_corpus),
          ("diff", suite_diff), ("filterdiff", suite_filterdiff), ("bpf", suite_bpf),
          ("write", suite_write), ("stream", suite_stream), ("follow", suite_follow),
          ("stats", suite_stats), ("lab", suite_lab), ("export", suite_export),
          ("fuzz", suite_fuzz)]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--suite", default="")
    ap.add_argument("--update", action="store_true", help="rewrite golden .out files")
    ap.add_argument("--quick", action="store_true", help="smaller corpus and fuzz budgets")
    ap.add_argument("--full", action="store_true", help="also the suricata-verify corpus under ASan")
    ap.add_argument("--verbose-skips", action="store_true", help="bpf: list every skipped capture")
    args = ap.parse_args()
    want = set(s for s in args.suite.split(",") if s)
    res = Results()
    t0 = time.time()
    for name, fn in SUITES:
        if want and name not in want:
            continue
        if args.quick and not want and name in ("trunc",):
            continue
        t1 = time.time()
        print("== %s" % name, flush=True)
        try:
            fn(res, args)
        except Exception as e:  # a broken suite is a failed test, not a crashed runner
            import traceback
            res.fail(name, "runner error: %s\n%s" % (e, traceback.format_exc()))
        print("== %s done in %.0fs" % (name, time.time() - t1), flush=True)
    print("total %.0fs" % (time.time() - t0))
    if res.xfailed:
        print("%d known failures (XFAIL, not counted as passed)" % res.xfailed)
    print("%d passed, %d failed" % (res.passed, res.failed))
    sys.exit(0 if res.failed == 0 else 1)


if __name__ == "__main__":
    main()
