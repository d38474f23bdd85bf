/* The per-packet pipeline, top to bottom. Read this first:
 *
 *   capture ──► frame ──► dissect ──► (flow/stream, app: later issues) ──► filter ──► sinks
 *
 * tw_run() sets each stage up from struct tw_config, then loops: next frame, times, dissect,
 * filter, print. Stages only meet through their headers. */
#include "run.h"

#include "filter/filter.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#define ARENA_SIZE ((size_t)1 << 20)
#define MAX_RECORDS 65536u

struct progress {
    bool on;
    double last, start;
    uint64_t size;
};

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void human(char *out, size_t n, double v)
{
    const char *u[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    int i = 0;
    while (v >= 1024 && i < 4) v /= 1024, i++;
    snprintf(out, n, "%.1f %s", v, u[i]);
}

static void progress_tick(struct progress *pr, const struct tw_capture *cap, uint64_t pkts, bool final)
{
    if (!pr->on) return;
    double t = now_s();
    if (!final && t - pr->last < 0.5) return;
    pr->last = t;
    if (final) {
        fputs("\r\033[K", stderr);
        return;
    }
    char done[32], total[32];
    human(done, sizeof done, (double)tw_capture_file_pos(cap));
    human(total, sizeof total, (double)pr->size);
    double el = t - pr->start;
    fprintf(stderr, "\r\033[K%s / %s, %llu packets, %.0f packets/s", done, total,
            (unsigned long long)pkts, el > 0 ? pkts / el : 0.0);
    fflush(stderr);
}

int tw_run(const struct tw_config *cfg)
{
    char err[512];
    tw_names_set_enabled(cfg->out.resolve_names);
    if (!tw_registry_init()) return 1;
    for (uint32_t i = 0; i < cfg->ndecode_as; i++) {
        const struct tw_decode_as *d = &cfg->decode_as[i];
        if (!tw_dispatch_override((enum tw_table)d->table, d->key, d->proto)) {
            tw_log(TW_LOG_ERROR, "decode-as: unknown protocol \"%s\"", d->proto);
            return 1;
        }
    }

    /* display filter: compiled before anything is read, so a bad one reads nothing */
    struct tw_filter *filter = NULL;
    if (cfg->filter) {
        char ferr[1024];
        filter = tw_filter_compile(cfg->filter, ferr, sizeof ferr);
        if (!filter) {
            fprintf(stderr, "trawl: %s", ferr);
            tw_registry_free();
            return 1;
        }
    }

    /* source */
    struct tw_capture_opts copts = {.hex = cfg->hex, .hex_linktype = cfg->hex_linktype};
    struct tw_capture *cap = tw_capture_open(cfg->input, &copts, err, sizeof err);
    if (!cap) {
        tw_log(TW_LOG_ERROR, "%s", err);
        tw_filter_free(filter);
        return 2;
    }

    /* BPF read filter (-f): compiled now for the link types known before the first frame
     * (pcap, hex; pcapng interfaces appear as frames arrive and compile on first use) */
    struct tw_bpf *bpf = NULL;
    if (cfg->bpf) {
        bpf = tw_bpf_open(cfg->bpf);
        bool ok = bpf != NULL;
        if (!ok) snprintf(err, sizeof err, "out of memory");
        for (uint32_t i = 0; ok && i < tw_capture_niface(cap); i++)
            ok = tw_bpf_compile(bpf, tw_capture_iface(cap, i), err, sizeof err);
        if (!ok) {
            tw_log(TW_LOG_ERROR, "%s", err);
            tw_bpf_close(bpf);
            tw_capture_close(cap);
            return 1;
        }
    }
    /* capture writer (-w): gets every displayed frame */
    struct tw_writer *wr = NULL;
    if (cfg->write_path) {
        wr = tw_writer_open(cfg->write_path, cfg->write_format, cap, err, sizeof err);
        if (!wr) {
            tw_log(TW_LOG_ERROR, "%s", err);
            tw_bpf_close(bpf);
            tw_capture_close(cap);
            return 1;
        }
    }

    /* sinks, and what they (and later the filter) need recorded */
    struct tw_out out;
    tw_out_init(&out, STDOUT_FILENO);
    struct tw_sink *sink = tw_sink_open(&cfg->out, &out, err, sizeof err);
    if (!sink) {
        tw_log(TW_LOG_ERROR, "%s", err);
        tw_writer_close(wr, err, sizeof err);
        tw_bpf_close(bpf);
        tw_capture_close(cap);
        tw_out_free(&out);
        tw_filter_free(filter);
        return 1;
    }
    int status = 0;
    uint8_t *want = calloc(tw_field_count() + 1, 1);
    struct tw_arena arena;
    struct tw_pkt pkt;
    if (!want || !tw_arena_init(&arena, ARENA_SIZE)) {
        tw_log(TW_LOG_ERROR, "out of memory");
        free(want);
        tw_filter_free(filter);
        tw_sink_close(sink);
        tw_writer_close(wr, err, sizeof err);
        tw_bpf_close(bpf);
        tw_capture_close(cap);
        tw_out_free(&out);
        return 1;
    }
    tw_pkt_init(&pkt, &arena, MAX_RECORDS);
    tw_sink_wants(sink, want, &pkt.want_all, &pkt.want_cols);
    pkt.want = want;

    /* -z reports: what each needs from dissection is known before the first packet */
    struct tw_zstat *zs[TW_MAX_ZSTATS + TW_MAX_EXPORTS];
    uint32_t nz = 0;
    bool ztree = false;
    /* tshark builds a tree when the output shows more than the summary line; what a report
     * reads does not count unless it says so (need.tree): -q -z expert runs tree-less */
    pkt.has_tree = pkt.want_all || cfg->out.format == TW_OUT_FIELDS;
    /* ... and shows it (tshark's print_details): only then is every item really made */
    pkt.tree_visible = pkt.has_tree;
    for (uint32_t i = 0; i <= tw_field_count() && !pkt.has_tree; i++) pkt.has_tree = want[i] != 0;
    /* --export-objects first: a -z export list of the same protocol then shows its file names */
    for (uint32_t i = 0; i < cfg->nexport + cfg->nzargs; i++) {
        struct tw_zneeds need = {.want = want};
        zs[nz] = i < cfg->nexport
                     ? tw_export_objects_open(cfg->export_args[i], &need, err, sizeof err)
                     : tw_zstat_open(cfg->zargs[i - cfg->nexport], &need, err, sizeof err);
        if (!zs[nz]) {
            fprintf(stderr, "trawl: %s\n", err);
            status = 1;
            break;
        }
        nz++;
        pkt.tap_want |= need.taps;
        pkt.tap_cksum |= need.cksum;
        if (need.all) pkt.want_all = true;
        if (need.layers) pkt.want_layers = true;
        if (need.tree || need.all) ztree = true;
    }
    if (ztree) pkt.has_tree = true;
    if (filter) {
        /* the fields the filter reads are recorded; tshark builds a tree when it filters */
        tw_filter_wants(filter, want);
        tw_filter_index(filter, &pkt); /* its reads walk just their fields' records */
        pkt.has_tree = true;
    }
    tw_pkt_prime(&pkt); /* after every want[] is known: the sinks', the reports', the filter's */

    struct progress pr = {0};
    pr.size = tw_capture_file_size(cap);
    pr.on = cfg->progress && isatty(STDERR_FILENO) && pr.size > ((uint64_t)64 << 20);
    pr.start = pr.last = now_s();

    struct tw_frame f;
    struct tw_time first = {0, 0}, prev = {0, 0}, prev_disp = {0, 0};
    bool pcapng = tw_capture_format(cap) == TW_FMT_PCAPNG;
    uint64_t nread = 0, nseen = 0;
    bool any_disp = false;
    int rc = 0;
    uint32_t nsecrets = 0;
    while (status == 0 && (rc = tw_capture_next(cap, &f)) == 1) {
        /* pcapng DSB secrets read so far, for the dissectors that decrypt */
        for (; nsecrets < tw_capture_nsecrets(cap); nsecrets++) {
            const struct tw_secret *sec = tw_capture_secret(cap, nsecrets);
            tw_secrets_add(sec->type, sec->data, sec->len);
        }
        /* BPF read filter: as if the capture had been taken with it, a frame that fails is
         * not there at all: no number, no times, no dissection, no state */
        if (bpf) {
            int m = tw_bpf_match(bpf, cap, &f, err, sizeof err);
            if (TW_UNLIKELY(m < 0)) {
                tw_log(TW_LOG_ERROR, "%s", err);
                status = 1;
                break;
            }
            if (!m) {
                if (TW_UNLIKELY((++nseen & 0xFFFF) == 0)) progress_tick(&pr, cap, nread, false);
                continue;
            }
            f.recno = nread + 1;
        }

        /* frame: times relative to the first, previous and previous displayed frame */
        if (nread == 0) first = prev = prev_disp = f.ts;
        pkt.rel = tw_time_sub(f.ts, first);
        pkt.delta = tw_time_sub(f.ts, prev);
        /* until a frame is displayed there is no previous displayed frame (tshark: 0) */
        pkt.delta_disp = any_disp ? tw_time_sub(f.ts, prev_disp) : (struct tw_time){0, 0};
        pkt.iface = pcapng ? tw_capture_iface(cap, f.iface) : NULL;
        nread++;

        /* dissect every layer (recording only what was asked for) */
        tw_arena_reset(&arena);
        tw_dissect_frame(&pkt, &f);

        /* display filter */
        bool displayed = !filter || tw_filter_run(filter, &pkt);

        /* reports see every packet read, as tshark's taps do */
        for (uint32_t i = 0; i < nz; i++) tw_zstat_packet(zs[i], &pkt, displayed);

        if (displayed) {
            if (wr && !tw_writer_write(wr, &f, err, sizeof err)) {
                tw_log(TW_LOG_ERROR, "%s", err);
                status = 1;
                break;
            }
            tw_sink_packet(sink, &pkt);
            if (cfg->line_buffered) tw_out_flush(&out);
            prev_disp = f.ts;
            any_disp = true;
        }
        prev = f.ts;
        if (out.failed) break;
        if (cfg->max_packets && nread >= cfg->max_packets) break;
        progress_tick(&pr, cap, nread, false);
    }
    progress_tick(&pr, cap, nread, true);

    tw_sink_close(sink);
    /* reports print last one first, as tshark's (its tap listener list is built by prepending) */
    for (uint32_t i = nz; i-- > 0;) {
        if (status == 0) tw_zstat_finish(zs[i], &out);
        tw_zstat_close(zs[i]);
    }
    tw_out_flush(&out);
    tw_out_free(&out);
    if (wr && !tw_writer_close(wr, err, sizeof err)) {
        tw_log(TW_LOG_ERROR, "%s", err);
        status = 1;
    }
    tw_bpf_close(bpf);
    const struct tw_capture_stats *st = tw_capture_stats(cap);
    if (status == 0 && (rc < 0 || st->bad_records)) {
        tw_log(TW_LOG_WARN, "%llu damaged record(s) in the input; %llu frames read",
               (unsigned long long)st->bad_records, (unsigned long long)st->records);
        status = 2;
    }
    tw_state_report(); /* what the dissectors' caps made them forget */
    tw_pkt_free(&pkt);
    tw_arena_free(&arena);
    free(want);
    tw_filter_free(filter);
    tw_capture_close(cap);
    tw_registry_free();
    return status;
}

int tw_zstat_help(void)
{
    struct tw_out out;
    tw_out_init(&out, STDOUT_FILENO);
    tw_zstat_list(&out);
    tw_out_free(&out);
    return 0;
}

int tw_explain_filter(const char *text)
{
    if (!tw_registry_init()) return 1;
    char ferr[1024];
    struct tw_filter *f = tw_filter_compile(text, ferr, sizeof ferr);
    if (!f) {
        fprintf(stderr, "trawl: %s", ferr);
        tw_registry_free();
        return 1;
    }
    tw_filter_explain(f, stdout);
    tw_filter_free(f);
    tw_registry_free();
    return 0;
}
