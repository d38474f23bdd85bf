/* trawl: options -> struct tw_config -> tw_run(). Nothing else lives here. */
#include "run.h"
#include "stream/stream.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#ifndef TW_VERSION
#define TW_VERSION "0.1.0"
#endif

static const char usage_text[] =
    "Usage: trawl [options] -r FILE\n"
    "       trawl [options] --hex FILE\n"
    "       trawl -G [fields|protocols]\n"
    "\n"
    "trawl reads pcap and pcapng captures (plain, gzip or zstd; - for standard input),\n"
    "dissects every layer, and prints packets the way tshark does.\n"
    "\n"
    "Input:\n"
    "  -r FILE                read packets from FILE (\"-\" reads standard input)\n"
    "  --hex FILE             read frames written as hex text: text2pcap/od/hexdump offset\n"
    "                         lines, or bare space-separated bytes with a blank line between\n"
    "                         frames (\"-\" reads standard input)\n"
    "  --linktype TYPE        link type of --hex frames: a LINKTYPE number or one of ether,\n"
    "                         raw, ipv4, ipv6, sll, sll2, null, ppp, radiotap, wlan (default ether)\n"
    "  -c N                   stop after reading N packets\n"
    "  -o NAME:VALUE          a tshark preference, e.g. -o ip.check_checksum:TRUE (checksum\n"
    "                         validation is off by default, as in tshark)\n"
    "  -f EXPR                BPF read filter in tcpdump's language (pcap-filter(7)),\n"
    "                         compiled by libpcap for each link type in the input and applied\n"
    "                         before dissection: frames that fail it are skipped as if never\n"
    "                         captured (not numbered, not dissected, no effect on times)\n"
    "  -Y FILTER              display filter in Wireshark 4.0's language: only matching\n"
    "                         packets are printed (e.g. -Y 'tcp.port == 80 && http')\n"
    "  --explain-filter FILTER  print the filter's compiled program and exit\n"
    "  -z REPORT              a statistics report printed after the packets, in tshark's\n"
    "                         layout (repeatable; -z help lists them)\n"
    "  --export-objects PROTO,DIR  write every object of PROTO (http, tls, ftp-data) into DIR\n"
    "                         with tshark's file names; -z export,PROTO lists them\n"
    "  --stream-policy POLICY[@CIDR]  how receivers in CIDR reassemble TCP and IP fragments\n"
    "                         (first, last, bsd, bsd-right, linux, old-linux, windows, win2003,\n"
    "                         vista, solaris, hpux10, hpux11, irix, macos; repeatable, longest\n"
    "                         prefix wins; without @CIDR the default, bsd unless given)\n"
    "  --checksum-mode MODE   stream engine: all (drop bad checksums, default), none (accept\n"
    "                         everything), offload (accept NIC-offload checksums)\n"
    "  --policy POLICY        -z follow,tcp shows the bytes a POLICY target would reassemble\n"
    "  -d TABLE==KEY,PROTO    decode as: dissect TABLE value KEY as PROTO, e.g.\n"
    "                         -d tcp.port==5223,tls (tables: ethertype, ip.proto, udp.port,\n"
    "                         tcp.port, ppp.protocol, llc.dsap, wtap_encap)\n"
    "\n"
    "Output:\n"
    "  (default)              one summary line per packet: No. Time Source -> Destination\n"
    "                         Protocol Length Info\n"
    "  -V                     print the protocol tree of each packet\n"
    "  -P                     with -V or -x, also print the summary line; with -w, print\n"
    "                         packets as well\n"
    "  -x                     print a hex and ASCII dump of each packet\n"
    "  -T fields|json|ek|text output format: tab-separated field values (with -e), tshark's\n"
    "                         JSON, Elasticsearch bulk lines, or text (the default)\n"
    "  -e FIELD               a field to print with -T fields (repeatable), Wireshark's names\n"
    "  -E OPT=VAL             -T fields options: header=y|n, separator=/t|/s|CHAR,\n"
    "                         occurrence=f|l|a, aggregator=,|/s|CHAR, quote=d|s|n\n"
    "  -t ad|a|r|d|dd|e|u|ud  time column: absolute with date, absolute, relative (default),\n"
    "                         delta, delta displayed, epoch, UTC, UTC with date\n"
    "  -n                     no name resolution in the summary line\n"
    "  -q                     print no per-packet output (read and dissect only)\n"
    "  -l                     flush output after every packet\n"
    "  --no-progress          no progress line on stderr for large files\n"
    "  -w FILE                write the frames kept (after -f) to a capture file (\"-\" for\n"
    "                         standard output); nothing is printed unless -P is given\n"
    "  -F pcapng|pcap|nsecpcap  format for -w: pcapng (default; keeps interfaces, timestamp\n"
    "                         resolution, comments, flags), pcap (microseconds; one link\n"
    "                         type only; \"libpcap\" is the same) or nanosecond pcap\n"
    "\n"
    "Information:\n"
    "  -G fields              list every field: F name abbrev type protocol base mask blurb\n"
    "  -G protocols           list every protocol: name short-name abbrev\n"
    "  -h, --help             this text\n"
    "  -v, --version          version\n"
    "\n"
    "Exit status: 0 on success, 1 for a usage error, 2 when the input was damaged or\n"
    "unreadable (everything readable is still printed; each damaged record is reported with\n"
    "its record number and byte offset).\n";

static int usage_error(const char *what, const char *arg)
{
    fprintf(stderr, "trawl: %s%s%s%s\nSee 'trawl --help'.\n", what, arg ? " \"" : "",
            arg ? arg : "", arg ? "\"" : "");
    return 1;
}

static bool parse_u64(const char *s, uint64_t *out)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 0);
    if (errno || end == s || *end) return false;
    *out = v;
    return true;
}

static bool parse_linktype(const char *s, uint32_t *lt)
{
    static const struct {
        const char *name;
        uint32_t lt;
    } names[] = {{"ether", 1},   {"eth", 1},      {"ethernet", 1}, {"raw", 101},
                 {"ip", 101},    {"ipv4", 228},   {"ipv6", 229},   {"sll", 113},
                 {"sll2", 276},  {"null", 0},     {"loop", 108},   {"ppp", 9},
                 {"radiotap", 127}, {"wlan", 105}, {"802.11", 105}, {"ppi", 192}};
    for (size_t i = 0; i < TW_ARRAY_LEN(names); i++)
        if (strcmp(s, names[i].name) == 0) {
            *lt = names[i].lt;
            return true;
        }
    uint64_t v;
    if (parse_u64(s, &v) && v <= 0xFFFF) {
        *lt = (uint32_t)v;
        return true;
    }
    return false;
}

static char unslash(const char *v)
{
    if (strcmp(v, "/t") == 0) return '\t';
    if (strcmp(v, "/s") == 0) return ' ';
    return v[0];
}

static bool parse_E(struct tw_output_cfg *o, const char *arg)
{
    const char *eq = strchr(arg, '=');
    if (!eq) return false;
    size_t kl = (size_t)(eq - arg);
    const char *v = eq + 1;
    if (kl == 6 && strncmp(arg, "header", 6) == 0) {
        o->header = v[0] == 'y' || v[0] == 'Y';
    } else if (kl == 9 && strncmp(arg, "separator", 9) == 0) {
        if (!v[0]) return false;
        o->separator = unslash(v);
    } else if (kl == 10 && strncmp(arg, "occurrence", 10) == 0) {
        if (v[0] != 'f' && v[0] != 'l' && v[0] != 'a') return false;
        o->occurrence = v[0];
    } else if (kl == 10 && strncmp(arg, "aggregator", 10) == 0) {
        if (!v[0]) return false;
        o->aggregator = unslash(v);
    } else if (kl == 5 && strncmp(arg, "quote", 5) == 0) {
        o->quote = v[0] == 'd' ? '"' : v[0] == 's' ? '\'' : 0;
        if (v[0] != 'd' && v[0] != 's' && v[0] != 'n') return false;
    } else if (kl == 6 && strncmp(arg, "escape", 6) == 0) {
        o->bare_escape = v[0] == 'n';
    } else if (kl == 11 && strncmp(arg, "bom", 3) == 0) {
        /* accepted for compatibility */
    } else {
        return false;
    }
    return true;
}

static bool parse_time_fmt(const char *s, enum tw_time_fmt *tf)
{
    static const struct {
        const char *n;
        enum tw_time_fmt f;
    } m[] = {{"r", TW_TIME_REL},       {"a", TW_TIME_ABS},   {"ad", TW_TIME_ABS_DATE},
             {"d", TW_TIME_DELTA},     {"dd", TW_TIME_DELTA_DISP}, {"e", TW_TIME_EPOCH},
             {"u", TW_TIME_UTC},       {"ud", TW_TIME_UTC_DATE}};
    for (size_t i = 0; i < TW_ARRAY_LEN(m); i++)
        if (strcmp(s, m[i].n) == 0) {
            *tf = m[i].f;
            return true;
        }
    return false;
}

static bool parse_decode_as(struct tw_config *cfg, char *arg)
{
    /* TABLE==KEY,PROTO (tshark also accepts a single '=') */
    char *eq = strchr(arg, '=');
    char *comma = strrchr(arg, ',');
    if (!eq || !comma || comma < eq || cfg->ndecode_as >= TW_MAX_DECODE_AS) return false;
    *eq = 0;
    char *key = eq + 1;
    if (*key == '=') key++;
    *comma = 0;
    int t = tw_table_lookup_name(arg);
    uint64_t k;
    if (t < 0 || !parse_u64(key, &k) || k > UINT32_MAX) return false;
    cfg->decode_as[cfg->ndecode_as++] = (struct tw_decode_as){t, (uint32_t)k, comma + 1};
    return true;
}

int main(int argc, char **argv)
{
    struct tw_config cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.hex_linktype = 1;
    cfg.progress = true;
    cfg.out.format = TW_OUT_LINE;
    /* at most one -e per argument: a tshark user may pass a thousand */
    static const char *efields_store[4096];
    cfg.out.efields = efields_store;
    static const char **efields_heap; /* reachable until exit */
    if ((size_t)argc > TW_ARRAY_LEN(efields_store)) {
        efields_heap = calloc((size_t)argc, sizeof *efields_heap);
        if (!efields_heap) return 1;
        cfg.out.efields = efields_heap;
    }
    cfg.out.separator = '\t';
    cfg.out.occurrence = 'a';
    cfg.out.aggregator = ',';
    cfg.out.resolve_names = true;
    bool tree = false, quiet = false, print_summary = false, line_buffered = false;
    const char *tformat = NULL, *glossary = NULL;
    cfg.write_format = TW_WRITE_PCAPNG;

    enum { OPT_HEX = 1000, OPT_LINKTYPE, OPT_NO_PROGRESS, OPT_EXPLAIN_FILTER, OPT_STREAM_POLICY,
           OPT_CHECKSUM_MODE, OPT_POLICY, OPT_EXPORT_OBJECTS };
    const char *explain = NULL;
    static const struct option longopts[] = {
        {"hex", required_argument, NULL, OPT_HEX},
        {"linktype", required_argument, NULL, OPT_LINKTYPE},
        {"no-progress", no_argument, NULL, OPT_NO_PROGRESS},
        {"explain-filter", required_argument, NULL, OPT_EXPLAIN_FILTER},
        {"stream-policy", required_argument, NULL, OPT_STREAM_POLICY},
        {"checksum-mode", required_argument, NULL, OPT_CHECKSUM_MODE},
        {"policy", required_argument, NULL, OPT_POLICY},
        {"export-objects", required_argument, NULL, OPT_EXPORT_OBJECTS},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'v'},
        {NULL, 0, NULL, 0}};
    int opt;
    opterr = 0;
    /* '-G' takes an optional argument in tshark; handle "-G" alone below */
    while ((opt = getopt_long(argc, argv, ":r:VxPT:e:E:c:qnlt:G:d:o:f:w:F:hvY:z:", longopts, NULL)) != -1) {
        switch (opt) {
        case 'r': cfg.input = optarg; break;
        case OPT_HEX:
            cfg.input = optarg;
            cfg.hex = true;
            break;
        case OPT_LINKTYPE:
            if (!parse_linktype(optarg, &cfg.hex_linktype))
                return usage_error("unknown link type", optarg);
            break;
        case OPT_NO_PROGRESS: cfg.progress = false; break;
        case OPT_EXPLAIN_FILTER: explain = optarg; break;
        case OPT_STREAM_POLICY: {
            char perr[256];
            if (!tw_stream_policy_arg(optarg, perr, sizeof perr))
                return usage_error(perr, NULL);
            break;
        }
        case OPT_CHECKSUM_MODE:
            if (!tw_stream_cksum_arg(optarg))
                return usage_error("--checksum-mode supports all, none and offload, not", optarg);
            break;
        case OPT_POLICY:
            tw_stream_opts.follow_policy = tw_spol_parse(optarg, strlen(optarg));
            if ((unsigned)tw_stream_opts.follow_policy >= TW_SPOL_COUNT)
                return usage_error("--policy: unknown TCP policy", optarg);
            break;
        case OPT_EXPORT_OBJECTS:
            if (cfg.nexport >= TW_MAX_EXPORTS)
                return usage_error("too many --export-objects at", optarg);
            cfg.export_args[cfg.nexport++] = optarg;
            break;
        case 'Y': cfg.filter = optarg; break;
        case 'V': tree = true; break;
        case 'x': cfg.out.hex = true; break;
        case 'P': print_summary = true; break;
        case 'T': tformat = optarg; break;
        case 'e':
            cfg.out.efields[cfg.out.nefields++] = optarg;
            break;
        case 'E':
            if (!parse_E(&cfg.out, optarg)) return usage_error("invalid -E option", optarg);
            break;
        case 'c':
            if (!parse_u64(optarg, &cfg.max_packets) || cfg.max_packets == 0)
                return usage_error("invalid packet count", optarg);
            break;
        case 'q': quiet = true; break;
        case 'n': cfg.out.resolve_names = false; break;
        case 'l': line_buffered = true; break;
        case 't':
            if (!parse_time_fmt(optarg, &cfg.out.time_fmt))
                return usage_error("invalid time format (ad, a, r, d, dd, e, u, ud)", optarg);
            break;
        case 'G': glossary = optarg; break;
        case 'd':
            if (!parse_decode_as(&cfg, optarg))
                return usage_error("invalid decode-as (TABLE==KEY,PROTO)", optarg);
            break;
        case 'o':
            if (!tw_pref_set(optarg)) return usage_error("invalid preference (NAME:VALUE)", optarg);
            break;
        case 'f': cfg.bpf = optarg; break;
        case 'z':
            if (strcmp(optarg, "help") == 0) return tw_zstat_help();
            if (cfg.nzargs >= TW_MAX_ZSTATS) return usage_error("too many -z reports at", optarg);
            cfg.zargs[cfg.nzargs++] = optarg;
            break;
        case 'w': cfg.write_path = optarg; break;
        case 'F':
            if (!tw_writer_format(optarg, &cfg.write_format))
                return usage_error("-F supports pcapng, pcap (libpcap) and nsecpcap, not", optarg);
            break;
        case 'h': fputs(usage_text, stdout); return 0;
        case 'v': printf("trawl %s\n", TW_VERSION); return 0;
        case ':':
            if (optopt == 'G') {
                glossary = "fields";
                break;
            }
            return usage_error("an option needs an argument:", argv[optind - 1]);
        default:
            return usage_error("unknown option", argv[optind - 1]);
        }
    }
    cfg.line_buffered = line_buffered;
    if (glossary) {
        if (strcmp(glossary, "fields") && strcmp(glossary, "protocols"))
            return usage_error("-G supports fields and protocols, not", glossary);
        if (!tw_registry_init()) return 1;
        struct tw_out out;
        tw_out_init(&out, STDOUT_FILENO);
        tw_print_glossary(&out, glossary);
        tw_out_free(&out);
        tw_registry_free();
        return 0;
    }
    if (explain) return tw_explain_filter(explain);
    if (optind < argc) return usage_error("unexpected argument", argv[optind]);
    if (!cfg.input) return usage_error("no input: use -r FILE or --hex FILE", NULL);
    /* a hand-pasted frame stands alone: decode what a fragment carries (see ip.c) */
    if (cfg.hex && !tw_pref_str("ip.dissect_fragment_payload"))
        tw_pref_set("ip.dissect_fragment_payload:TRUE");

    if (tformat) {
        if (strcmp(tformat, "fields") == 0) cfg.out.format = TW_OUT_FIELDS;
        else if (strcmp(tformat, "json") == 0) cfg.out.format = TW_OUT_JSON;
        else if (strcmp(tformat, "ek") == 0) cfg.out.format = TW_OUT_EK;
        else if (strcmp(tformat, "text") == 0) cfg.out.format = tree ? TW_OUT_TREE : TW_OUT_LINE;
        else return usage_error("supported -T formats are fields, json, ek and text, not", tformat);
    } else if (tree) {
        cfg.out.format = TW_OUT_TREE;
    } else if (cfg.out.hex) {
        cfg.out.format = TW_OUT_NONE; /* tshark -x alone prints only the dump (-P adds lines) */
    }
    if (cfg.write_path && print_summary && strcmp(cfg.write_path, "-") == 0)
        return usage_error("-P cannot be combined with -w - (both write to standard output)", NULL);
    /* tshark's rule: with -w, packets are printed only when -P asks for them */
    if (quiet || (cfg.write_path && !print_summary)) {
        cfg.out.format = TW_OUT_NONE;
        cfg.out.hex = false;
    }
    cfg.out.print_summary = print_summary && !quiet &&
                            (cfg.out.format == TW_OUT_TREE || cfg.out.format == TW_OUT_NONE);
    return tw_run(&cfg);
}
