/* libFuzzer target: the stream engine and the defragmenter. The input is a list of 16-byte
 * records, each one TCP segment or IP fragment between two fixed hosts, fed to an engine that
 * tracks every policy (views split and merge freely) with small caps, so that overlaps, PAWS,
 * RSTs, caps, evictions and timeouts are all reached; at the end every connection and datagram
 * is finished and its views read. The overlap queue and tw_frag_assemble are driven directly
 * too, with data bytes taken from the input. */
#include <stdlib.h>
#include <string.h>

#include "stream/stream.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static uint64_t sink;

static void on_conn(void *user, const struct tw_sconn *c)
{
    (void)user;
    uint32_t n, lost;
    const struct tw_sevent *ev = tw_sconn_events(c, &n, &lost);
    for (uint32_t i = 0; i < n; i++) sink += ev[i].off + ev[i].len;
    for (unsigned d = 0; d < 2; d++)
        for (uint32_t i = 0; i < tw_sconn_nviews(c, d); i++) {
            const struct tw_sview *v = tw_sconn_view(c, d, i);
            uint32_t len;
            bool tr;
            const uint8_t *b = tw_sview_bytes(v, &len, &tr);
            for (uint32_t k = 0; k < len; k++) sink += b[k];
            sink += tw_sview_hash(v) + tw_sview_delivered(v);
        }
}

static void on_dgram(void *user, const struct tw_sdgram *d)
{
    (void)user;
    for (unsigned p = 0; p < TW_FPOL_COUNT; p++)
        if (d->bytes[p])
            for (uint32_t k = 0; k < d->len[p]; k++) sink += d->bytes[p][k];
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const uint8_t ha[4] = {10, 0, 0, 1}, hb[4] = {10, 0, 0, 2};
    static uint8_t payload[256];
    for (unsigned i = 0; i < sizeof payload; i++) payload[i] = (uint8_t)(i * 7 + 1);
    if (size < 1) return 0;
    uint8_t mode = data[0];
    data++, size--;

    if (mode % 3 == 1) { /* the overlap queue alone: records (offset, length, fill) */
        struct tw_squeue *q = tw_squeue_new(mode / 3 % TW_SPOL_COUNT, 16, 512);
        for (size_t i = 0; i + 3 <= size; i += 3) {
            uint8_t buf[64];
            memset(buf, data[i + 2], sizeof buf);
            tw_squeue_add(q, data[i] % 128, buf, data[i + 1] % 64);
        }
        uint8_t out[1024];
        sink += tw_squeue_delivered(q, out, sizeof out);
        tw_squeue_free(q);
        return 0;
    }
    if (mode % 3 == 2) { /* fragments alone: records (offset/8, length, more, fill) */
        struct tw_frag f[64];
        uint8_t bufs[64][64];
        uint32_t n = 0;
        for (size_t i = 0; i + 4 <= size && n < 64; i += 4, n++) {
            memset(bufs[n], data[i + 3], sizeof bufs[n]);
            f[n] = (struct tw_frag){(uint32_t)(data[i] % 32) * 8, data[i + 1] % 64u, bufs[n],
                                    data[i + 2] & 1};
        }
        static uint8_t out[4096];
        for (unsigned p = 0; p < TW_FPOL_COUNT; p++) {
            bool c;
            sink += (uint64_t)tw_frag_assemble(p, f, n, out, sizeof out, &c);
        }
        return 0;
    }

    struct tw_stream_cfg cfg;
    tw_stream_defaults(&cfg);
    cfg.policies = TW_SPOL_ALL;
    cfg.max_conns = 3;
    cfg.max_segs = 8;
    cfg.max_queue = 300;
    cfg.keep = 200;
    cfg.max_events = 8;
    cfg.idle = 5;
    cfg.closed_idle = 2;
    cfg.cksum_mode = (enum tw_cksum_mode)(mode / 3 % 3);
    cfg.defrag = true;
    cfg.max_frag_trackers = 2;
    cfg.max_frags = 6;
    cfg.frag_timeout = 3;
    cfg.on_conn = on_conn;
    cfg.on_dgram = on_dgram;
    struct tw_stream *s = tw_stream_open(&cfg);
    if (!s) return 0;
    uint64_t frame = 0;
    for (size_t i = 0; i + 16 <= size; i += 16) {
        const uint8_t *r = data + i;
        struct tw_frame fr;
        memset(&fr, 0, sizeof fr);
        fr.ts.sec = r[15] / 16;
        struct tw_pkt p;
        memset(&p, 0, sizeof p);
        p.frame = &fr;
        struct tw_tap_item item;
        bool dir = r[0] & 1;
        struct tw_addr src = {TW_AT_IPv4, 4, dir ? hb : ha}, dst = {TW_AT_IPv4, 4, dir ? ha : hb};
        if (r[0] & 0x80) { /* an IP fragment */
            struct tw_tap_ip ip;
            memset(&ip, 0, sizeof ip);
            ip.version = 4;
            ip.proto = 1;
            ip.src = src;
            ip.dst = dst;
            ip.id = r[1] % 4;
            ip.frag_off = (uint32_t)(r[2] % 64) * 8;
            ip.more_frags = r[3] & 1;
            ip.fragment = true;
            ip.payload = payload + r[4] % 64;
            ip.payload_cap = r[5] % 128;
            item = (struct tw_tap_item){TW_TAP_IP, &ip, NULL};
            p.taps = p.taps_last = &item;
            tw_stream_packet(s, &p, ++frame);
            continue;
        }
        /* a TCP segment with a timestamp option */
        uint8_t hdr[32];
        memset(hdr, 0, sizeof hdr);
        hdr[12] = 8 << 4;
        hdr[20] = 1;
        hdr[21] = 1;
        hdr[22] = 8;
        hdr[23] = 10;
        memcpy(hdr + 24, r + 10, 4);
        hdr[16] = r[14];
        struct tw_tap_tcp t;
        memset(&t, 0, sizeof t);
        t.ip_version = 4;
        t.src = src;
        t.dst = dst;
        t.sport = dir ? 80 : 1234;
        t.dport = dir ? 1234 : 80;
        t.stream = r[1] % 4;
        t.seq = (uint32_t)r[2] << 8 | r[3];
        t.ack = (uint32_t)r[4] << 8 | r[5];
        t.flags = r[6] & 0x3f;
        t.win = (uint16_t)(r[7] << 4);
        t.hdr = hdr;
        t.hdr_len = 32;
        t.hdr_cap = (r[0] & 2) ? 32 : 20;
        t.payload = payload + r[8] % 128;
        t.seg_len = r[9] % 128;
        t.payload_cap = t.seg_len;
        t.cksum = (enum tw_tap_cksum)(r[0] >> 2 & 3);
        item = (struct tw_tap_item){TW_TAP_TCP, &t, NULL};
        p.taps = p.taps_last = &item;
        tw_stream_packet(s, &p, ++frame);
    }
    tw_stream_close(s);
    return 0;
}
