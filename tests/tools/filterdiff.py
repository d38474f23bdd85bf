#!/usr/bin/python3
"""Differential test of display filters: the frames trawl's -Y selects against tshark's.

For every filter of tests/diff/filters.txt and every capture of the corpora, the frame numbers
tshark 4.0.17 selects are compared with those `trawl -Y FILTER -T fields -e frame.number` selects.

  filterdiff.py [--trawl build/trawl] [--full] [--tshark-only] [--show 3] [CORPUS...]

How it stays within its time budget (docs/testing-filters.md has the measurements):
  * merging: the readable captures of each corpus are concatenated (mergecap -a -I none) into one
    pcapng in a temporary directory, so each tool starts once per corpus, not once per capture.
    A capture mergecap cannot read (unsupported link type, damaged) is left out and listed.
    `capinfos` gives each capture's frame count, which maps a merged frame number back to
    (capture, frame) for the report. State that crosses capture boundaries (IP reassembly,
    ICMP request/response matching, time deltas) is the same for both tools on the merged file.
  * tshark: one run per merged file evaluates every filter, through a generated Lua script with
    one Listener per filter (a tap filter is compiled and evaluated by the same engine as -Y;
    --verify-tap checks that on a sample of filters). A filter tshark rejects is reported by
    Listener.new's error. A probe run on a sample of each file finds the filters that select
    most frames; the main run taps `not (FILTER)` for those (a Lua call per selected frame is
    the main cost). A big file is run by two tshark processes, each with half of the filters.
    Frames the frame tap never sees (an exception escaped the frame dissector) are listed and
    not compared.
  * trawl: one run per filter per merged file.
  * scope: frames where tshark decodes a layer trawl knows above one it does not (tunnels and
    link layers trawl lacks) are reported apart and do not fail the run (--no-scope: they do).

Filter list format: one filter per line, '#' comments. A line `@reject FILTER` is a filter
tshark 4.0.17 rejects (trawl must reject it too). Known differences (--known, default
tests/diff/filters.known): lines `FILTER<TAB>reason`; such a filter is reported but does not
fail the run.

Exit status: 0 when every filter agrees (selection equal on every corpus, or rejected by both)
except known differences; 1 otherwise; 2 when the runner cannot run (no corpora, no tshark,
trawl without -Y)."""
import argparse
import bisect
import concurrent.futures
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SHARED = os.path.join(os.path.dirname(ROOT), "shared")
ENV = dict(os.environ, TZ="UTC", LC_ALL="C.UTF-8")

MAGICS = (b"\xd4\xc3\xb2\xa1", b"\xa1\xb2\xc3\xd4", b"\x4d\x3c\xb2\xa1", b"\xa1\xb2\x3c\x4d",
          b"\x0a\x0d\x0d\x0a", b"\x1f\x8b", b"\x28\xb5\x2f\xfd", b"\x34\xcd\xb2\xa1",
          b"\xa1\xb2\xcd\x34")

# corpus name -> directory under ../shared/corpora
CORPORA = [("ultimate-pcap", "ultimate-pcap"), ("tcpdump", "tcpdump/tests"),
           ("wireshark", "wireshark/test/captures"), ("zeek", "zeek/testing/btest/Traces")]
FULL_CORPORA = [("suricata-verify", "suricata-verify")]


def log(msg):
    print(msg, file=sys.stderr, flush=True)


# ------------------------------------------------------------------------------------------------
class Filter:
    def __init__(self, idx, line, text, reject):
        self.idx = idx          # 0-based position in the list
        self.line = line        # line number in the file
        self.text = text
        self.reject = reject    # the list says tshark rejects it


def load_filters(path):
    out = []
    for n, raw in enumerate(open(path, encoding="utf-8"), 1):
        s = raw.strip()
        if not s or s.startswith("#"):
            continue
        reject = False
        if s.startswith("@reject "):
            reject = True
            s = s[len("@reject "):].strip()
        out.append(Filter(len(out), n, s, reject))
    return out


def load_known(path):
    known = {}
    if path and os.path.exists(path):
        for raw in open(path, encoding="utf-8"):
            if not raw.strip() or raw.startswith("#"):
                continue
            parts = raw.rstrip("\n").split("\t")
            if len(parts) >= 3:  # FILTER, the captures the difference is confined to, reason
                caps = {c.strip() for c in parts[1].split(",") if c.strip()}
                known[parts[0].strip()] = (caps, parts[2].strip() or "(no reason given)")
            else:  # FILTER, reason: excused in every capture
                known[parts[0].strip()] = ({"*"}, (parts[1] if len(parts) > 1 else "").strip()
                                           or "(no reason given)")
    return known


# ------------------------------------------------------------------------------------------------
def find_captures(base):
    out = []
    for root, _dirs, files in os.walk(base):
        for n in files:
            p = os.path.join(root, n)
            try:
                with open(p, "rb") as f:
                    head = f.read(4)
            except OSError:
                continue
            if any(head.startswith(m) for m in MAGICS):
                out.append(p)
    return sorted(out)


class Chunk:
    """Consecutive captures of one corpus merged into one pcapng, with the map back to
    (capture, frame)."""

    def __init__(self, corpus, num, files, tmp):
        self.corpus = corpus
        self.name = "%s.%d" % (corpus, num)
        self.merged = os.path.join(tmp, self.name + ".pcapng")
        self.files = files    # captures in the merged file, in order
        self.starts = []      # merged frame number of each capture's first frame
        self.excluded = []    # (capture, reason)
        self.frames = 0
        self.mapped = False   # the per-capture counts add up to the merged count

    def prepare(self, counts):
        files = list(self.files)
        # mergecap stops at the first capture it cannot read and names it: drop it and retry
        while files:
            r = subprocess.run(["mergecap", "-a", "-I", "none", "-w", self.merged] + files,
                               capture_output=True, text=True, env=ENV)
            if r.returncode == 0:
                break
            m = re.search(r'"([^"]+)"', r.stderr)
            if not m or m.group(1) not in files:
                raise RuntimeError("mergecap failed on %s: %s" % (self.name, r.stderr[-500:]))
            why = " ".join(r.stderr.replace(m.group(0), "").split())
            self.excluded.append((m.group(1), why[:160]))
            files.remove(m.group(1))
        self.files = files
        if not files:
            return
        r = subprocess.run(["capinfos", "-c", "-M", "-T", "-r", self.merged], capture_output=True,
                           text=True, env=ENV)
        self.frames = int(r.stdout.strip().split("\t")[-1])
        n = 1
        for p in files:
            self.starts.append(n)
            n += counts.get(p, 0)
        self.mapped = (n - 1 == self.frames)

    def where(self, frame):
        """'capture:frame' for a merged frame number."""
        if not self.mapped:
            return "%s-merged:%d" % (self.name, frame)
        i = bisect.bisect_right(self.starts, frame) - 1
        return "%s:%d" % (os.path.relpath(self.files[i], os.path.join(SHARED, "corpora")),
                          frame - self.starts[i] + 1)


def make_chunks(name, base, tmp, chunk_frames):
    """The corpus's captures in chunks of about chunk_frames frames, each merged."""
    files = find_captures(base)
    counts = {}
    if files:
        r = subprocess.run(["capinfos", "-c", "-M", "-T", "-r"] + files, capture_output=True,
                           text=True, env=ENV)
        for line in r.stdout.split("\n"):
            p, _, c = line.rpartition("\t")
            if p and c.isdigit():
                counts[p] = int(c)
    groups = [[]]
    n = 0
    for p in files:
        if groups[-1] and n + counts.get(p, 0) > chunk_frames:
            groups.append([])
            n = 0
        groups[-1].append(p)
        n += counts.get(p, 0)
    chunks = [Chunk(name, i, g, tmp) for i, g in enumerate(groups) if g]
    for c in chunks:
        c.prepare(counts)
    return chunks


# ------------------------------------------------------------------------------------------------
LUA = r"""
-- generated by filterdiff.py: one tap per display filter; the frames it selects, as ranges
local filters = {
%s
}
local out = io.stdout
local protocols = %s
for _, e in ipairs(filters) do
  local idx, f = e[1], e[2]
  local ok, err = pcall(function()
    local tap = Listener.new(nil, f)
    local first, last = nil, nil
    function tap.packet(pinfo)
      local n = pinfo.number
      if last ~= nil and n == last + 1 then
        last = n
      else
        if first ~= nil then out:write("R ", idx, " ", first, " ", last, "\n") end
        first, last = n, n
      end
    end
    function tap.draw()
      if first ~= nil then out:write("R ", idx, " ", first, " ", last, "\n") end
      out:write("D ", idx, "\n")
    end
  end)
  if not ok then
    out:write("E ", idx, " ", (tostring(err):gsub("[\r\n]", " ")), "\n")
  end
end-- every frame the frame tap sees: a frame whose dissection ends in an exception that escapes
-- the frame dissector never reaches the tap (filtered or not), while -Y still evaluates it
local all = Listener.new(nil, nil)
local first, last = nil, nil
function all.packet(pinfo)
  local n = pinfo.number
  if protocols then out:write("P ", n, " ", tostring(protocols()), "\n") end
  if last ~= nil and n == last + 1 then
    last = n
  else
    if first ~= nil then out:write("U ", first, " ", last, "\n") end
    first, last = n, n
  end
end
function all.draw()
  if first ~= nil then out:write("U ", first, " ", last, "\n") end
  out:write("D -1\n")
end
"""


def lua_quote(s):
    level = 1
    while ("]" + "=" * level + "]") in s:
        level += 1
    return "[" + "=" * level + "[" + s + "]" + "=" * level + "]"


def tap_text(flt, invert):
    return "not (%s)" % flt.text if invert else flt.text


def tshark_run(chunk, entries, tmp, timeout, known_protos=None):
    """One tshark run over a chunk for entries [(filter, invert)]: ({idx: sorted selected
    frames}, {idx: error}, seconds). An inverted entry taps `not (FILTER)` (fewer Lua calls
    for a filter that selects most frames); its selection is the complement within the frames
    the tap sees. sel[-1] lists the frames the tap does not see (not compared). With
    known_protos (trawl's protocols), sel[-2] lists the frames out of scope: those where
    tshark dissects a protocol trawl knows above one it does not (a tunnel trawl does not
    decode: the inner layers exist only in tshark)."""
    fd, script = tempfile.mkstemp(prefix=chunk.name + "-", suffix=".lua", dir=tmp)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(LUA % (",\n".join("{%d, %s}" % (x.idx, lua_quote(tap_text(x, inv)))
                                  for x, inv in entries),
                       'Field.new("frame.protocols")' if known_protos else "nil"))
    t0 = time.time()
    r = subprocess.run(["tshark", "-n", "-q", "-X", "lua_script:" + script, "-r", chunk.merged],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV, timeout=timeout)
    ranges = {}
    errs = {}
    done = set()
    tapped = []
    oos = []
    for line in r.stdout.decode("utf-8", "replace").split("\n"):
        if line.startswith("P "):
            _, num, protos = (line + " ").split(" ", 2)
            pl = protos.strip().split(":")
            k = next((j for j, x in enumerate(pl) if x not in known_protos), None)
            if k is not None and any(x in known_protos and x not in GENERIC for x in pl[k:]):
                oos.append(int(num))
        elif line.startswith("R "):
            _, i, a, b = line.split()
            ranges.setdefault(int(i), []).append((int(a), int(b)))
        elif line.startswith("U "):
            _, a, b = line.split()
            tapped.append((int(a), int(b)))
        elif line.startswith("D "):
            done.add(int(line.split()[1]))
        elif line.startswith("E "):
            _, i, msg = line.split(" ", 2)
            m = re.search(r'is invalid - (.*)', msg)
            errs[int(i)] = m.group(1) if m else msg
    missing = [x.idx for x, _ in entries if x.idx not in done and x.idx not in errs]
    if -1 not in done:
        missing.append(-1)
    if missing:
        raise RuntimeError("tshark on %s: no result for %d filters (rc %d): %s" % (
            chunk.name, len(missing), r.returncode, r.stderr.decode("utf-8", "replace")[-800:]))
    untapped = []
    prev = 1
    for a, b in tapped:
        untapped.extend(range(prev, a))
        prev = b + 1
    untapped.extend(range(prev, chunk.frames + 1))
    skip = set(untapped)
    sel = {-1: untapped}
    if known_protos:
        sel[-2] = oos
    for x, inv in entries:
        rs = ranges.get(x.idx, [])
        out = []
        if inv:
            if x.idx in errs:
                raise RuntimeError("tshark on %s rejects the inverted filter: %s (%s)" % (
                    chunk.name, tap_text(x, True), errs[x.idx]))
            prev = 1
            for a, b in rs:
                out.extend(range(prev, a))
                prev = b + 1
            out.extend(range(prev, chunk.frames + 1))
            if skip:
                out = [k for k in out if k not in skip]
        else:
            for a, b in rs:
                out.extend(range(a, b + 1))
        sel[x.idx] = out
    return sel, errs, time.time() - t0


def tshark_cached(chunk, entries, tmp, cache, timeout, known_protos=None):
    """tshark_run, reusing a result kept in --cache for the same filters and merged file."""
    if not cache:
        return tshark_run(chunk, entries, tmp, timeout, known_protos)
    h = hashlib.sha256()
    h.update(repr(sorted(known_protos or [])).encode())
    for x, inv in entries:
        h.update(x.text.encode() + b"\0")
    with open(chunk.merged, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    path = os.path.join(cache, "%s-%s.txt" % (chunk.name, h.hexdigest()[:16]))
    if os.path.exists(path):
        sel, errs = {}, {}
        for line in open(path, encoding="utf-8"):
            k, _, v = line.rstrip("\n").partition(" ")
            i, _, rest = v.partition(" ")
            if k == "S":
                sel[int(i)] = [int(x) for x in rest.split()]
            elif k == "E":
                errs[int(i)] = rest
        return sel, errs, 0.0
    sel, errs, dt = tshark_run(chunk, entries, tmp, timeout, known_protos)
    os.makedirs(cache, exist_ok=True)
    with open(path + ".tmp", "w", encoding="utf-8") as f:
        for i, v in sel.items():
            f.write("S %d %s\n" % (i, " ".join(map(str, v))))
        for i, e in errs.items():
            f.write("E %d %s\n" % (i, e))
    os.replace(path + ".tmp", path)
    return sel, errs, dt


def tshark_display_filter(chunk, text, timeout):
    r = subprocess.run(["tshark", "-n", "-r", chunk.merged, "-Y", text, "-T", "fields",
                        "-e", "frame.number"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       env=ENV, timeout=timeout)
    if r.returncode != 0 and not r.stdout:
        return None
    return [int(x) for x in r.stdout.split()]


# ------------------------------------------------------------------------------------------------
def trawl_accepts_Y(trawl, sample):
    """None when trawl has a working -Y, else the reason."""
    if not os.access(trawl, os.X_OK):
        return "no trawl binary at %s (build it: meson setup build && ninja -C build)" % trawl
    r = subprocess.run([trawl, "-n", "-r", sample, "-Y", "frame", "-T", "fields", "-e",
                        "frame.number", "--no-progress"], capture_output=True, env=ENV, timeout=300)
    err = r.stderr.decode("utf-8", "replace").strip()
    if r.returncode != 0:
        return "trawl does not accept -Y (exit %d: %s)" % (r.returncode, err[:300])
    if not r.stdout.strip():
        return "trawl -Y frame selects no frame of %s (stderr: %s)" % (sample, err[:300])
    return None


def trawl_protocols(trawl):
    out = subprocess.run([trawl, "-G", "fields"], capture_output=True, text=True, env=ENV).stdout
    return frozenset(l.split("\t")[2] for l in out.split("\n")
                     if l.startswith("P\t") and len(l.split("\t")) > 2)


# protocols trawl registers that say nothing about the layers above an unknown protocol
GENERIC = frozenset(["data", "_ws.malformed", "_ws.short", "_ws.expert", "_ws.unreassembled"])


def trawl_run(trawl, chunk, flt, timeout):
    """(sorted frame list, or None when rejected, or 'timeout'/'crash'; message)."""
    try:
        r = subprocess.run([trawl, "-n", "-r", chunk.merged, "-Y", flt.text, "-T", "fields",
                            "-e", "frame.number", "--no-progress"], stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, env=ENV, timeout=timeout)
    except subprocess.TimeoutExpired:
        return "timeout", "timeout after %ds" % timeout
    err = r.stderr.decode("utf-8", "replace").strip()
    if r.returncode < 0 or r.returncode > 2:
        return "crash", "exit %d: %s" % (r.returncode, err[-300:])
    try:
        frames = [int(x) for x in r.stdout.split()]
    except ValueError:
        return "crash", "unexpected output: %r" % r.stdout[:200]
    if r.returncode == 1 and not frames:
        return None, err.split("\n")[0][:200]       # rejected (usage/filter error)
    return frames, err.split("\n")[0][:200] if r.returncode else ""


# ------------------------------------------------------------------------------------------------
def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpora", nargs="*", help="corpus names (default: %s; --full adds %s)" % (
        " ".join(c for c, _ in CORPORA), " ".join(c for c, _ in FULL_CORPORA)))
    ap.add_argument("--trawl", default=os.path.join(ROOT, "build", "trawl"))
    ap.add_argument("--filters", default=os.path.join(ROOT, "tests", "diff", "filters.txt"))
    ap.add_argument("--known", default=os.path.join(ROOT, "tests", "diff", "filters.known"))
    ap.add_argument("--shared", default=SHARED, help="directory holding corpora/")
    ap.add_argument("--full", action="store_true", help="also suricata-verify")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--chunk", type=int, default=10 ** 9,
                    help="at most this many frames per merged file (default: one file per corpus;"
                         " each trawl run pays trawl's start-up, so fewer files are cheaper)")
    ap.add_argument("--split", type=int, default=120000,
                    help="a merged file of more frames is run by several tshark processes, each "
                         "tapping a share of the filters")
    ap.add_argument("--sample", type=int, default=600,
                    help="frames per merged file in the probe run, which decides per filter and "
                         "file whether the main run taps the filter or its negation")
    ap.add_argument("--show", type=int, default=3, help="examples per difference kind")
    ap.add_argument("--timeout", type=int, default=1200, help="per tool run, seconds")
    ap.add_argument("--tshark-only", action="store_true",
                    help="only tshark's selections: per-filter counts per corpus, list checks")
    ap.add_argument("--verify-tap", type=int, default=0, metavar="N",
                    help="also run tshark -Y for N filters spread over the list and check the "
                         "tap selected the same frames")
    ap.add_argument("--cache", help="keep tshark's results in this directory between runs "
                                    "(never inside the repository)")
    ap.add_argument("--only", help="regular expression: run only the filters it finds")
    ap.add_argument("--no-scope", action="store_true",
                    help="also fail on frames where tshark decodes a tunnel trawl does not")
    args = ap.parse_args()

    shared = os.path.abspath(args.shared)
    corp_dir = os.path.join(shared, "corpora")
    if not os.path.isdir(corp_dir):
        print("SKIP: %s is absent" % corp_dir)
        return 0
    for tool in ("tshark", "mergecap", "capinfos", "editcap"):
        if not shutil.which(tool):
            print("ERROR: %s not found" % tool)
            return 2
    table = CORPORA + (FULL_CORPORA if args.full else [])
    if args.corpora:
        names = dict(CORPORA + FULL_CORPORA)
        bad = [c for c in args.corpora if c not in names]
        if bad:
            print("ERROR: unknown corpus %s (known: %s)" % (", ".join(bad), " ".join(names)))
            return 2
        table = [(c, names[c]) for c in args.corpora]
    table = [(c, d) for c, d in table if os.path.isdir(os.path.join(corp_dir, d))]

    filters = load_filters(args.filters)
    if args.only:
        rx = re.compile(args.only)
        filters = [f for f in filters if rx.search(f.text)]
        for i, f in enumerate(filters):
            f.idx = i
    known = load_known(args.known)
    t_start = time.time()
    tmp = tempfile.mkdtemp(prefix="filterdiff-")
    try:
        return run(args, shared, table, filters, known, tmp, t_start)
    except (RuntimeError, OSError, subprocess.SubprocessError) as e:
        print("ERROR: %s" % e)
        print("filterdiff: the runner failed")
        return 2
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def cpu_children():
    t = os.times()
    return t.children_user + t.children_system


def run(args, shared, table, filters, known, tmp, t_start):
    global SHARED
    SHARED = shared
    sample = os.path.join(ROOT, "tests", "pcaps", "tour.pcapng")
    if not args.tshark_only and os.path.exists(sample):
        why = trawl_accepts_Y(args.trawl, sample)
        if why:
            print("ERROR: %s" % why)
            print("filterdiff: cannot compare: trawl has no working -Y")
            return 2
    # 1. merge
    t0 = time.time()
    chunks = []
    corpora = []
    for name, d in table:
        cs = [c for c in make_chunks(name, os.path.join(shared, "corpora", d), tmp, args.chunk)
              if c.files]
        if cs:
            corpora.append(name)
            chunks += cs
    t_merge = time.time() - t0
    for name in corpora:
        cs = [c for c in chunks if c.corpus == name]
        print("corpus %s: %d captures, %d frames, %d merged files%s%s" % (
            name, sum(len(c.files) for c in cs), sum(c.frames for c in cs), len(cs),
            ", %d captures left out" % sum(len(c.excluded) for c in cs)
            if any(c.excluded for c in cs) else "",
            "" if all(c.mapped for c in cs) else " (frame map unavailable)"))
        for c in cs:
            for p, why in c.excluded:
                print("  left out: %s (%s)" % (os.path.relpath(p, os.path.join(shared, "corpora")), why))
    print("merge: %.1fs" % t_merge)
    if not chunks:
        print("SKIP: no captures")
        return 0

    # trawl must have -Y (checked before merging on the repository's own sample when it exists)
    known_protos = None
    if not args.tshark_only:
        why = trawl_accepts_Y(args.trawl, chunks[0].merged)
        if why:
            print("ERROR: %s" % why)
            print("filterdiff: cannot compare: trawl has no working -Y")
            return 2
        if not args.no_scope:
            known_protos = trawl_protocols(args.trawl)

    # 2. tshark: a probe run over a sample of every chunk taps each filter as written: it says
    # which filters tshark rejects and, per chunk, which filters select most frames. The main
    # runs (one per chunk, in parallel) tap those negated: a Lua call per selected frame is
    # the main cost, and a negated filter gives the same selection as its complement.
    t0 = time.time()
    c0 = cpu_children()
    sample_files = []
    offsets = {}
    n = 0
    for c in chunks:
        out = os.path.join(tmp, c.name + ".sample.pcapng")
        want = max(args.sample, c.frames // 100)
        if c.frames <= want:
            ranges = ["1-%d" % c.frames]
            got = c.frames
        else:
            blocks = max(1, want // 50)
            step = c.frames // blocks
            ranges = ["%d-%d" % (1 + k * step, k * step + 50) for k in range(blocks)]
            got = 50 * blocks
        subprocess.run(["editcap", "-r", c.merged, out] + ranges, capture_output=True, env=ENV,
                       check=True)
        sample_files.append(out)
        offsets[c.name] = (n, got)
        n += got
    probe = Chunk("probe", 0, [], tmp)
    probe.merged = os.path.join(tmp, "probe.pcapng")
    subprocess.run(["mergecap", "-a", "-I", "none", "-w", probe.merged] + sample_files,
                   capture_output=True, env=ENV, check=True)
    probe.frames = n
    psel, ts_err, pdt = tshark_run(probe, [(f, False) for f in filters], tmp, args.timeout)
    log("tshark probe (%d frames): %.1fs" % (n, pdt))
    invert = {}
    for c in chunks:
        off, got = offsets[c.name]
        inv = set()
        for f in filters:
            if f.idx not in ts_err:
                k = bisect.bisect_right(psel[f.idx], off + got) - bisect.bisect_right(psel[f.idx], off)
                if k * 2 > got:
                    inv.add(f.idx)
        invert[c.name] = inv
    # a big merged file is run as several tshark processes, each with a share of the filters
    # (each dissects the whole file, but the Lua calls are shared out)
    ts = {c.name: ({}, {}, 0.0) for c in chunks}
    work = []
    for c in chunks:
        acc = [(f, f.idx in invert[c.name]) for f in filters if f.idx not in ts_err]
        groups = max(1, min(args.jobs * 2, -(-c.frames // args.split)))
        for g in range(groups):
            work.append((c, acc[g::groups], known_protos if g == 0 else None))
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as ex:
        futs = {ex.submit(tshark_cached, c, entries, tmp, args.cache, args.timeout, kp): (c, entries)
                for c, entries, kp in sorted(work, key=lambda w: -w[0].frames * (1 + len(w[1])))}
        for fu in concurrent.futures.as_completed(futs):
            c, entries = futs[fu]
            sel, errs, dt = fu.result()
            ts[c.name][0].update(sel)
            ts[c.name][1].update(errs)
            ts[c.name] = (ts[c.name][0], ts[c.name][1], ts[c.name][2] + dt)
            log("tshark %s (%d frames, %d filters, %d negated): %.1fs" % (
                c.name, c.frames, len(entries), sum(1 for _, i in entries if i), dt))
    t_tshark = time.time() - t0
    cpu_tshark = cpu_children() - c0
    print("tshark: %.1fs wall, %.1fs CPU, %d runs + a probe of %d frames (%.1fs); filters tapped "
          "negated per merged file: %s" % (t_tshark, cpu_tshark, len(work), n, pdt, " ".join(
              "%s:%d" % (c.name, len(invert[c.name])) for c in chunks)))
    skipped = [c.where(x) for c in chunks for x in ts[c.name][0].get(-1, [])]
    print("not compared: %d frames tshark's frame tap never sees (the dissection ends in an "
          "exception outside the frame dissector's handler)%s" % (
              len(skipped), ": " + ", ".join(skipped[:10]) if skipped else ""))
    if args.verify_tap:
        verify_tap(args, chunks, filters, ts)

    list_problems = []
    for f in filters:
        if f.reject and f.idx not in ts_err:
            list_problems.append("line %d: marked @reject but tshark accepts it: %s" % (f.line, f.text))
        if not f.reject and f.idx in ts_err:
            list_problems.append("line %d: tshark rejects it (%s): %s" % (f.line, ts_err[f.idx], f.text))

    if args.tshark_only:
        return report_tshark_only(corpora, chunks, filters, ts, ts_err, list_problems, t_start)

    # 3. trawl: one run per filter per chunk
    t0 = time.time()
    c0 = cpu_children()
    jobs = [(f, c) for f in filters for c in chunks]
    tw = {}
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as ex:
        for (f, c), r in zip(jobs, ex.map(lambda fc: trawl_run(args.trawl, fc[1], fc[0], args.timeout), jobs)):
            tw[(f.idx, c.name)] = r
    t_trawl = time.time() - t0
    cpu_trawl = cpu_children() - c0

    # 4. compare
    return report_compare(args, corpora, chunks, filters, known, ts, ts_err, tw, list_problems,
                          (t_tshark, cpu_tshark, t_trawl, cpu_trawl), t_start)


def verify_tap(args, chunks, filters, ts):
    acc = [f for f in filters if not f.reject]
    n = min(args.verify_tap, len(acc))
    pick = [acc[(i * len(acc)) // n] for i in range(n)] if n else []
    same = diff = 0
    for c in chunks:
        for f in pick:
            got = tshark_display_filter(c, f.text, args.timeout)
            skip = set(ts[c.name][0].get(-1, []))
            if got is not None and skip:
                got = [x for x in got if x not in skip]
            tap = ts[c.name][0].get(f.idx, [])
            if got == tap:
                same += 1
            else:
                diff += 1
                print("TAP DIFFERS %s line %d: -Y %d frames, tap %d: %s" % (
                    c.name, f.line, -1 if got is None else len(got), len(tap), f.text))
    print("verify-tap: %d filters x %d merged files: %d identical, %d differ" % (
        len(pick), len(chunks), same, diff))


def report_tshark_only(corpora, chunks, filters, ts, ts_err, list_problems, t_start):
    frames = {n: sum(c.frames for c in chunks if c.corpus == n) for n in corpora}
    print("\n%-5s %s  %s  filter" % ("line", "  ".join("%9s" % n[:9] for n in corpora), "   total"))
    trivial = []
    for f in filters:
        if f.idx in ts_err:
            print("%-5d %s  rejected: %s" % (f.line, f.text, ts_err[f.idx]))
            continue
        counts = [sum(len(ts[c.name][0].get(f.idx, [])) for c in chunks if c.corpus == n)
                  for n in corpora]
        every = all(counts[i] == frames[n] for i, n in enumerate(corpora))
        mark = " NONE" if sum(counts) == 0 else " ALL" if every else ""
        if mark:
            trivial.append("line %d:%s: %s" % (f.line, mark, f.text))
        print("%-5d %s  %8d%s  %s" % (f.line, "  ".join("%9d" % n for n in counts), sum(counts),
                                       mark, f.text))
    print("\nframes: %d in %d corpora" % (sum(frames.values()), len(corpora)))
    for p in list_problems + trivial:
        print("LIST: " + p)
    print("tshark-only: %d filters, %d rejected by tshark, %d trivial, %d list problems; %.1fs" % (
        len(filters), len(ts_err), len(trivial), len(list_problems), time.time() - t_start))
    return 1 if list_problems else 0


def report_compare(args, corpora, chunks, filters, known, ts, ts_err, tw, list_problems, times,
                   t_start):
    untapped = {c.name: set(ts[c.name][0].get(-1, [])) for c in chunks}
    oos = {c.name: set(ts[c.name][0].get(-2, [])) for c in chunks}
    n_oos = sum(len(v) for v in oos.values())
    if not args.no_scope:
        ex = [c.where(x) for c in chunks for x in sorted(oos[c.name])[:2]]
        print("out of scope: %d frames where tshark decodes a layer trawl knows above one it does "
              "not (tunnels: MPLS, ERSPAN, FabricPath, Teredo, GTP...): their differences are "
              "listed as 'out of scope' and do not fail the suite%s" % (
                  n_oos, "; e.g. " + ", ".join(ex[:6]) if ex else ""))
    failing = []
    n_same = n_diff = n_known = n_scope_only = 0
    frames_ts = frames_tw = frames_diff = frames_oos = 0
    kinds = {"only-tshark": 0, "only-trawl": 0, "trawl-rejects": 0, "trawl-accepts": 0, "crash": 0}
    print("\n%-5s %9s %9s %7s  filter" % ("line", "tshark", "trawl", "differ"))
    for f in filters:
        lines = []
        t_rej = f.idx in ts_err
        n_ts = n_tw = n_d = 0
        bad = False
        hard = False  # a difference no known entry can excuse: rejects, accepts, crashes
        where_diff = []
        scope_lines = []
        for name in corpora:
            only_t, only_w, rej, acc, crash = [], [], [], [], []
            os_t, os_w = [], []
            for c in chunks:
                if c.corpus != name:
                    continue
                res, msg = tw[(f.idx, c.name)]
                want = ts[c.name][0].get(f.idx, []) if not t_rej else []
                n_ts += len(want)
                if res in ("timeout", "crash"):
                    crash.append("%s %s" % (res, msg))
                    continue
                if res is None:
                    if not t_rej:
                        rej.append(msg)
                    continue
                if t_rej:
                    acc.append(len(res))
                    continue
                skip = untapped[c.name]
                if skip:
                    res = [x for x in res if x not in skip]
                n_tw += len(res)
                if res != want:
                    a, b = set(want), set(res)
                    o = oos[c.name]
                    only_t += [c.where(x) for x in sorted(a - b) if x not in o]
                    only_w += [c.where(x) for x in sorted(b - a) if x not in o]
                    os_t += [c.where(x) for x in sorted(a - b) if x in o]
                    os_w += [c.where(x) for x in sorted(b - a) if x in o]
                    if a == b:
                        only_w.append("(duplicate or unordered frame numbers in %s)" % c.name)
            if crash:
                kinds["crash"] += 1
                lines.append("    %s: trawl %s" % (name, crash[0]))
            if rej:
                kinds["trawl-rejects"] += 1
                lines.append("    %s: trawl rejects it (%s), tshark accepts" % (name, rej[0]))
            if acc:
                kinds["trawl-accepts"] += 1
                lines.append("    %s: tshark rejects it (%s), trawl accepts (%d frames)" % (
                    name, ts_err[f.idx], sum(acc)))
            if only_t:
                kinds["only-tshark"] += 1
                lines.append("    %s: %d only tshark, e.g. %s" % (name, len(only_t),
                                                                  ", ".join(only_t[:args.show])))
            if only_w:
                kinds["only-trawl"] += 1
                lines.append("    %s: %d only trawl, e.g. %s" % (name, len(only_w),
                                                                 ", ".join(only_w[:args.show])))
            for what, lst in (("only tshark", os_t), ("only trawl", os_w)):
                if lst:
                    scope_lines.append("    %s: out of scope: %d %s, e.g. %s" % (
                        name, len(lst), what, ", ".join(lst[:args.show])))
            frames_oos += len(os_t) + len(os_w)
            n_d += len(only_t) + len(only_w)
            bad = bad or bool(crash or rej or acc or only_t or only_w)
            hard = hard or bool(crash or rej or acc)
            where_diff += only_t + only_w
        frames_ts += n_ts
        frames_tw += n_tw
        frames_diff += n_d
        if t_rej:
            print("%-5d %9s %9s %7s  %s   [rejected by tshark%s]" % (
                f.line, "-", "-", "REJ" if bad else "", f.text, "" if bad else " and trawl"))
        else:
            print("%-5d %9d %9d %7s  %s" % (f.line, n_ts, n_tw, n_d if bad else "", f.text))
        for l in lines + scope_lines:
            print(l)
        if not bad:
            n_same += 1
            if scope_lines:
                n_scope_only += 1
        elif f.text in known and not hard and (
                "*" in known[f.text][0] or
                all(os.path.basename(w.rsplit(":", 1)[0]) in known[f.text][0] for w in where_diff)):
            n_known += 1
            print("    known difference: %s" % known[f.text][1])
        else:
            n_diff += 1
            failing.append("DIFFERS line %d: %s%s" % (f.line, f.text, (" | " + lines[0].strip())
                                                       if lines else ""))
    print()
    for l in failing:
        print(l)
    for p in list_problems:
        print("LIST: " + p)
    for k in known:
        if k not in {f.text for f in filters}:
            print("KNOWN: not in the filter list: %s" % k)
    total = len(filters)
    print("\nkinds of difference (filter x corpus): " + ", ".join("%s %d" % kv for kv in kinds.items()))
    print("times: tshark %.1fs wall %.1fs CPU, trawl %.1fs wall %.1fs CPU, total %.1fs wall" % (
        times + (time.time() - t_start,)))
    print("agreement: %d of %d filters identical (%.1f%%; %d of them differ only out of scope), "
          "%d known differences, %d differ; frames selected: tshark %d, trawl %d, differing %d "
          "(+%d out of scope)" % (
              n_same, total, 100.0 * n_same / max(total, 1), n_scope_only, n_known, n_diff,
              frames_ts, frames_tw, frames_diff, frames_oos))
    return 0 if n_diff == 0 and not list_problems else 1


if __name__ == "__main__":
    sys.exit(main())
