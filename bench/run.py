#!/usr/bin/python3
"""Benchmark: trawl against tshark and tcpdump on the same file, in one run.

  bench/run.py [--size-mb 1024] [--file F] [--repeat 3] [--skip-tshark] [--only NAME,...]
  bench/run.py --flat 10      peak RSS on 1 and 10 GiB of fresh flows through a pipe

Builds bench/out/bench-<size>m-g<GEN_VERSION>.pcap with build/trawl-bench-gen when it is missing (interleaved
DNS, HTTP/1.1 and TLS 1.2/1.3 flows over IPv4, IPv6 and VLAN, ~600-byte frames, valid
checksums), warms the page cache, then times each command (best of --repeat for trawl and
tcpdump, one run for tshark), printing seconds, packets/s, MiB/s and peak RSS (from wait4)."""
import argparse
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "bench", "out")
TRAWL = os.path.join(ROOT, "build", "trawl")
# fields of every application protocol the generator writes: DNS, HTTP and TLS run on every
# packet of theirs, with TCP desegmentation, as tshark does for its -T fields
APP_FIELDS = []
for _f in ("frame.number", "dns.qry.name", "dns.a", "http.request.method", "http.host",
           "http.request.uri", "http.response.code", "http.content_length", "tls.handshake.type",
           "tls.handshake.extensions_server_name", "tls.handshake.ciphersuite", "tls.record.length"):
    APP_FIELDS += ["-e", _f]
# bumped whenever bench/gen.c writes different traffic, so an old file is not reused
GEN_VERSION = 2


def measure(cmd, stdout_path="/dev/null"):
    with open(stdout_path, "wb") as so:
        t0 = time.monotonic()
        # Linux carries a process's peak RSS across fork and exec, so wait4 on a child of this
        # (large) Python process would report Python's size: measure through /usr/bin/time,
        # whose own footprint is a few hundred KiB.
        with tempfile.NamedTemporaryFile("r") as tf:
            p = subprocess.Popen(["/usr/bin/time", "-q", "-f", "%M", "-o", tf.name] + cmd, stdout=so,
                                 stderr=subprocess.PIPE, env=dict(os.environ, TZ="UTC"))
            _pid, status, _ru = os.wait4(p.pid, 0)
            el = time.monotonic() - t0
            try:
                rss_kb = float(tf.read().strip().split("\n")[-1])
            except ValueError:
                rss_kb = float("nan")
    err = p.stderr.read().decode("utf-8", "replace")
    rc = os.waitstatus_to_exitcode(status)
    return el, rss_kb / 1024.0, rc, err


def count_packets(path):
    out = subprocess.run([TRAWL, "-r", path, "-T", "fields", "-e", "frame.number", "-E",
                          "occurrence=l"], capture_output=True)
    return out.stdout.count(b"\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size-mb", type=int, default=1024)
    ap.add_argument("--file")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--skip-tshark", action="store_true")
    ap.add_argument("--only", default="")
    ap.add_argument("--flat", type=int, default=0, metavar="N",
                    help="instead: peak RSS over 1 and N generated GiB streamed through a pipe")
    args = ap.parse_args()
    if args.flat:
        return flat(args.flat)
    os.makedirs(OUT, exist_ok=True)
    path = args.file or os.path.join(OUT, "bench-%dm-g%d.pcap" % (args.size_mb, GEN_VERSION))
    if not os.path.exists(path):
        gen = os.path.join(ROOT, "build", "trawl-bench-gen")
        print("generating %s ..." % path, flush=True)
        subprocess.run([gen, path, str(args.size_mb)], check=True)
    size = os.path.getsize(path)
    subprocess.run(["cat", path], stdout=subprocess.DEVNULL)  # warm the page cache
    npk = count_packets(path)
    print("file: %s, %.1f MiB, %d packets, %.0f bytes/packet" % (path, size / 2**20, npk, size / max(1, npk)))
    only = set(x for x in args.only.split(",") if x)
    cases = [
        ("trawl -q (read + dissect every layer)", "trawl-q", [TRAWL, "-q", "-r", path]),
        ("trawl one-line output", "trawl-line", [TRAWL, "-r", path]),
        ("trawl -q -z stream,ambiguity (TCP tracking + reassembly, 13 policies)", "trawl-stream",
         [TRAWL, "-q", "-r", path, "-z", "stream,ambiguity"]),
        ("trawl -T fields (5 fields)", "trawl-fields",
         [TRAWL, "-r", path, "-T", "fields", "-e", "frame.number", "-e", "ip.src", "-e", "ip.dst",
          "-e", "tcp.srcport", "-e", "tcp.dstport"]),
        ("trawl -T fields (application fields: DNS, HTTP, TLS)", "trawl-appfields",
         [TRAWL, "-r", path, "-T", "fields"] + APP_FIELDS),
        ("trawl -V (full trees)", "trawl-tree", [TRAWL, "-V", "-r", path]),
        ("tcpdump text output", "tcpdump-text", ["tcpdump", "-n", "-r", path]),
        ("tcpdump -w /dev/null (read only)", "tcpdump-read", ["tcpdump", "-r", path, "-w", "/dev/null"]),
        ("trawl -q -f 'tcp port 443' (BPF read filter)", "trawl-bpf",
         [TRAWL, "-q", "-r", path, "-f", "tcp port 443"]),
        ("tcpdump -w /dev/null 'tcp port 443'", "tcpdump-bpf",
         ["tcpdump", "-r", path, "-w", "/dev/null", "tcp port 443"]),
        ("trawl -f 'tcp port 443' -w /dev/null", "trawl-bpf-write",
         [TRAWL, "-r", path, "-f", "tcp port 443", "-w", "/dev/null"]),
        ("trawl -q -Y 'ip.addr == 10.0.0.1 && tcp.port in {80, 443}'", "trawl-Y",
         [TRAWL, "-q", "-r", path, "-Y", "ip.addr == 10.0.0.1 && tcp.port in {80, 443}"]),
        ("trawl -q -Y 'tcp.payload contains \"GET /\"'", "trawl-Y-contains",
         [TRAWL, "-q", "-r", path, "-Y", 'tcp.payload contains "GET /"']),
        ("tshark -q -Y 'ip.addr == 10.0.0.1 && tcp.port in {80, 443}'", "tshark-Y",
         ["tshark", "-n", "-q", "-r", path, "-Y", "ip.addr == 10.0.0.1 && tcp.port in {80, 443}"]),
        ("tshark one-line output", "tshark-line", ["tshark", "-n", "-r", path]),
        ("tshark -T fields (application fields: DNS, HTTP, TLS)", "tshark-appfields",
         ["tshark", "-n", "-r", path, "-T", "fields"] + APP_FIELDS),
        ("tshark -T fields (5 fields)", "tshark-fields",
         ["tshark", "-n", "-r", path, "-T", "fields", "-e", "frame.number", "-e", "ip.src", "-e",
          "ip.dst", "-e", "tcp.srcport", "-e", "tcp.dstport"]),
    ]
    rows = []
    for label, key, cmd in cases:
        if only and key not in only:
            continue
        if key.startswith("tshark") and args.skip_tshark:
            continue
        reps = 1 if key.startswith("tshark") or key == "trawl-tree" else args.repeat
        best = None
        for _ in range(reps):
            el, rss, rc, err = measure(cmd)
            if rc != 0:
                print("  %s: exit %d %s" % (key, rc, err[-300:]))
            if best is None or el < best[0]:
                best = (el, rss)
        el, rss = best
        rows.append((label, key, el, npk / el, size / 2**20 / el, rss))
        print("%-42s %8.2f s %12.0f pkt/s %8.1f MiB/s %8.1f MiB RSS" % (label, el, npk / el, size / 2**20 / el, rss), flush=True)
    base = {r[1]: r for r in rows}
    print()
    lines = ["| command | seconds | packets/s | MiB/s | peak RSS (MiB) |", "|---|---:|---:|---:|---:|"]
    for label, key, el, pps, mbs, rss in rows:
        lines.append("| %s | %.2f | %.0f | %.1f | %.1f |" % (label, el, pps, mbs, rss))
    ratios = []
    for a, b in (("trawl-line", "tshark-line"), ("trawl-fields", "tshark-fields"),
                 ("trawl-appfields", "tshark-appfields"),
                 ("trawl-line", "tcpdump-text"), ("trawl-q", "tcpdump-read"),
                 ("trawl-bpf", "tcpdump-bpf"), ("trawl-bpf-write", "tcpdump-bpf"),
                 ("trawl-Y", "tshark-Y")):
        if a in base and b in base:
            ratios.append("%s is %.1fx faster than %s" % (a, base[b][2] / base[a][2], b))
    text = "\n".join(lines) + "\n\n" + "\n".join("- " + r for r in ratios) + "\n"
    print(text)
    with open(os.path.join(OUT, "results.md"), "w") as f:
        f.write("file: %s, %.1f MiB, %d packets\n\n" % (os.path.basename(path), size / 2**20, npk) + text)


def flat(gib):
    """Memory on endless input: the generator streams fresh flows (new addresses and ports all
    along) through a pipe, 1 GiB and then `gib` GiB, and peak RSS is compared."""
    gen = os.path.join(ROOT, "build", "trawl-bench-gen")
    cases = [("trawl -q -z stream,ambiguity", ["-q", "-z", "stream,ambiguity"]),
             ("trawl one-line output", []),
             ("trawl -q -Y 'tcp.analysis.flags'", ["-q", "-Y", "tcp.analysis.flags"])]
    lines = ["| command | GiB | packets/s | peak RSS (MiB) |", "|---|---:|---:|---:|"]
    for label, extra in cases:
        for size in (1, gib):
            with tempfile.NamedTemporaryFile("r") as gerr:
                cmd = "%s /dev/stdout %d 2>%s | %s -r - %s > /dev/null" % (
                    gen, size * 1024, gerr.name, TRAWL, " ".join("'%s'" % a for a in extra))
                el, rss, rc, err = measure(["sh", "-c", cmd])
                if rc != 0:
                    print("  exit %d %s" % (rc, err[-300:]))
                # the generator says "...: N packets, ..."
                words = gerr.read().split()
                pk = int(words[words.index("packets,") - 1]) if "packets," in words else 0
            lines.append("| %s | %d | %.0f | %.1f |" % (label, size, pk / el, rss))
            print(lines[-1], flush=True)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
