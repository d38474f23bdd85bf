/* bench/gen: writes a large, realistic capture for benchmarks.
 *
 *   trawl-bench-gen OUT.pcap [SIZE_MB (default 1024)] [SEED]
 *
 * Interleaved flows, hundreds alive at once: DNS over UDP, HTTP/1.1 over TCP (handshake, request,
 * response body in MSS-sized segments, ACKs, FIN), and TLS 1.2 / 1.3 over TCP (ClientHello with
 * SNI, server flight, application data records, close). Each flow runs over IPv4, IPv6 or
 * IPv4 inside an 802.1Q tag. Every IP, TCP and UDP checksum is valid. Classic pcap, microsecond
 * timestamps, Ethernet. Deterministic for a given seed. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rng_state = 0x9E3779B97F4A7C15ull;
static uint64_t rnd(void)
{
    uint64_t x = rng_state;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return rng_state = x;
}
static uint32_t rnd_n(uint32_t n) { return (uint32_t)(rnd() % n); }

static uint32_t csum_add(uint32_t sum, const uint8_t *p, size_t n)
{
    while (n > 1) {
        sum += (uint32_t)(p[0] << 8 | p[1]);
        p += 2;
        n -= 2;
    }
    if (n) sum += (uint32_t)(p[0] << 8);
    return sum;
}
static uint16_t csum_fold(uint32_t sum)
{
    while (sum >> 16) sum = (sum & 0xffff) + (sum >> 16);
    return (uint16_t)~sum;
}
static void put16(uint8_t *p, uint16_t v)
{
    p[0] = (uint8_t)(v >> 8);
    p[1] = (uint8_t)v;
}
static void put32(uint8_t *p, uint32_t v)
{
    put16(p, (uint16_t)(v >> 16));
    put16(p + 2, (uint16_t)v);
}

enum fam { V4, V6, VLAN4 };
enum kind { DNS, HTTP, TLS12, TLS13 };

struct flow {
    enum kind kind;
    enum fam fam;
    uint8_t cmac[6], smac[6];
    uint8_t cip[16], sip[16];
    uint16_t cport, sport;
    uint16_t vlan;
    uint32_t cseq, sseq; /* next sequence numbers */
    int step;
    uint32_t to_send; /* server bytes still to send */
    uint32_t c_to_send;
    uint32_t segs_since_ack;
    uint16_t dns_id;
    bool active;
};

static FILE *out;
static uint64_t written, npkts;
static uint64_t ts_us = 1767225600ull * 1000000;
static uint8_t frame[2048];
static uint8_t payload_pool[65536];

static void write_frame(uint32_t len)
{
    ts_us += 1 + rnd_n(120);
    uint32_t hdr[4] = {(uint32_t)(ts_us / 1000000), (uint32_t)(ts_us % 1000000), len, len};
    fwrite(hdr, sizeof hdr, 1, out);
    fwrite(frame, len, 1, out);
    written += 16 + len;
    npkts++;
}

/* Builds Ethernet [+VLAN] + IP + TCP/UDP with the given payload; from_client picks direction. */
static void emit(struct flow *f, bool from_client, bool tcp, uint8_t flags, const uint8_t *pl,
                 uint32_t plen)
{
    uint8_t *p = frame;
    memcpy(p, from_client ? f->smac : f->cmac, 6);
    memcpy(p + 6, from_client ? f->cmac : f->smac, 6);
    p += 12;
    if (f->fam == VLAN4) {
        put16(p, 0x8100);
        put16(p + 2, f->vlan);
        p += 4;
    }
    put16(p, f->fam == V6 ? 0x86dd : 0x0800);
    p += 2;
    const uint8_t *src = from_client ? f->cip : f->sip, *dst = from_client ? f->sip : f->cip;
    uint32_t l4len = (tcp ? 32u : 8u) + plen;
    uint8_t *ip = p;
    uint32_t pseudo = 0;
    if (f->fam == V6) {
        put32(ip, 0x60000000u | (f->cport & 0xfffff));
        put16(ip + 4, (uint16_t)l4len);
        ip[6] = tcp ? 6 : 17;
        ip[7] = 64;
        memcpy(ip + 8, src, 16);
        memcpy(ip + 24, dst, 16);
        pseudo = csum_add(0, ip + 8, 32);
        pseudo += l4len + (tcp ? 6 : 17);
        p += 40;
    } else {
        ip[0] = 0x45;
        ip[1] = 0;
        put16(ip + 2, (uint16_t)(20 + l4len));
        put16(ip + 4, (uint16_t)rnd());
        put16(ip + 6, 0x4000);
        ip[8] = from_client ? 64 : 57;
        ip[9] = tcp ? 6 : 17;
        put16(ip + 10, 0);
        memcpy(ip + 12, src, 4);
        memcpy(ip + 16, dst, 4);
        put16(ip + 10, csum_fold(csum_add(0, ip, 20)));
        pseudo = csum_add(0, ip + 12, 8);
        pseudo += l4len + (tcp ? 6 : 17);
        p += 20;
    }
    uint8_t *l4 = p;
    uint16_t sp = from_client ? f->cport : f->sport, dp = from_client ? f->sport : f->cport;
    put16(l4, sp);
    put16(l4 + 2, dp);
    if (tcp) {
        uint32_t *seq = from_client ? &f->cseq : &f->sseq;
        uint32_t ack = from_client ? f->sseq : f->cseq;
        put32(l4 + 4, *seq);
        put32(l4 + 8, (flags & 0x10) ? ack : 0);
        l4[12] = 8 << 4; /* 32-byte header: timestamps option */
        l4[13] = flags;
        put16(l4 + 14, from_client ? 64240 : 65535);
        put16(l4 + 16, 0);
        put16(l4 + 18, 0);
        l4[20] = 1;
        l4[21] = 1;
        l4[22] = 8;
        l4[23] = 10;
        put32(l4 + 24, (uint32_t)(ts_us / 1000));
        put32(l4 + 28, (uint32_t)(ts_us / 1000) - 20);
        memcpy(l4 + 32, pl, plen);
        put16(l4 + 16, csum_fold(csum_add(pseudo, l4, l4len)));
        *seq += plen + ((flags & 0x03) ? 1 : 0); /* SYN and FIN count */
    } else {
        put16(l4 + 4, (uint16_t)l4len);
        put16(l4 + 6, 0);
        memcpy(l4 + 8, pl, plen);
        uint16_t c = csum_fold(csum_add(pseudo, l4, l4len));
        put16(l4 + 6, c ? c : 0xffff);
    }
    write_frame((uint32_t)(l4 + l4len - frame));
}

static const char *names[] = {"www.example.com", "api.example.net", "cdn.example.org",
                              "mail.example.com", "static.example.net", "img.example.org"};

static uint32_t dns_msg(uint8_t *b, uint16_t id, const char *name, bool resp, bool v6)
{
    uint32_t n = 12;
    put16(b, id);
    put16(b + 2, resp ? 0x8180 : 0x0100);
    put16(b + 4, 1);
    put16(b + 6, resp ? 2 : 0);
    put16(b + 8, 0);
    put16(b + 10, 0);
    const char *s = name;
    while (*s) {
        const char *dot = strchr(s, '.');
        size_t l = dot ? (size_t)(dot - s) : strlen(s);
        b[n++] = (uint8_t)l;
        memcpy(b + n, s, l);
        n += (uint32_t)l;
        s += l + (dot ? 1 : 0);
    }
    b[n++] = 0;
    put16(b + n, v6 ? 28 : 1);
    put16(b + n + 2, 1);
    n += 4;
    if (resp) {
        for (int i = 0; i < 2; i++) {
            put16(b + n, 0xc00c);
            put16(b + n + 2, v6 ? 28 : 1);
            put16(b + n + 4, 1);
            put32(b + n + 6, 300);
            uint16_t rl = v6 ? 16 : 4;
            put16(b + n + 10, rl);
            for (int k = 0; k < rl; k++) b[n + 12 + k] = (uint8_t)rnd();
            n += 12u + rl;
        }
    }
    return n;
}

static uint32_t client_hello(uint8_t *b, const char *sni, bool tls13)
{
    uint32_t n = 0;
    b[n++] = 0x16;
    put16(b + n, 0x0301);
    n += 2;
    uint32_t reclen_at = n;
    n += 2;
    b[n++] = 1;
    uint32_t hslen_at = n;
    n += 3;
    put16(b + n, 0x0303);
    n += 2;
    for (int i = 0; i < 32; i++) b[n++] = (uint8_t)rnd();
    b[n++] = 32;
    for (int i = 0; i < 32; i++) b[n++] = (uint8_t)rnd();
    static const uint16_t suites[] = {0x1301, 0x1302, 0x1303, 0xc02b, 0xc02f, 0xc02c,
                                      0xc030, 0xcca9, 0xcca8, 0xc013, 0xc014, 0x009c};
    put16(b + n, sizeof suites);
    n += 2;
    for (size_t i = 0; i < sizeof suites / 2; i++, n += 2) put16(b + n, suites[i]);
    b[n++] = 1;
    b[n++] = 0;
    uint32_t extlen_at = n;
    n += 2;
    size_t sl = strlen(sni);
    put16(b + n, 0);
    put16(b + n + 2, (uint16_t)(sl + 5));
    put16(b + n + 4, (uint16_t)(sl + 3));
    b[n + 6] = 0;
    put16(b + n + 7, (uint16_t)sl);
    memcpy(b + n + 9, sni, sl);
    n += 9 + (uint32_t)sl;
    static const uint8_t alpn[] = {0x00, 0x10, 0x00, 0x0e, 0x00, 0x0c, 0x02, 'h', '2', 0x08,
                                   'h',  't',  't',  'p',  '/',  '1',  '.', '1'};
    memcpy(b + n, alpn, sizeof alpn);
    n += sizeof alpn;
    static const uint8_t groups[] = {0x00, 0x0a, 0x00, 0x08, 0x00, 0x06, 0x00, 0x1d, 0x00, 0x17, 0x00, 0x18};
    memcpy(b + n, groups, sizeof groups);
    n += sizeof groups;
    if (tls13) {
        static const uint8_t sv[] = {0x00, 0x2b, 0x00, 0x05, 0x04, 0x03, 0x04, 0x03, 0x03};
        memcpy(b + n, sv, sizeof sv);
        n += sizeof sv;
        put16(b + n, 0x0033);
        put16(b + n + 2, 38);
        put16(b + n + 4, 36);
        put16(b + n + 6, 0x001d);
        put16(b + n + 8, 32);
        n += 10;
        for (int i = 0; i < 32; i++) b[n++] = (uint8_t)rnd();
    }
    /* padding extension to a typical browser size */
    uint32_t pad = n < 500 ? 500 - n : 0;
    put16(b + n, 0x0015);
    put16(b + n + 2, (uint16_t)pad);
    memset(b + n + 4, 0, pad);
    n += 4 + pad;
    put16(b + extlen_at, (uint16_t)(n - extlen_at - 2));
    uint32_t hs = n - hslen_at - 3;
    b[hslen_at] = (uint8_t)(hs >> 16);
    put16(b + hslen_at + 1, (uint16_t)hs);
    put16(b + reclen_at, (uint16_t)(n - reclen_at - 2));
    return n;
}

/* application-data records filling one segment */
static uint32_t app_records(uint8_t *b, uint32_t len)
{
    uint32_t n = 0;
    while (len - n >= 6) {
        uint32_t r = len - n - 5;
        if (r > 16384) r = 16384;
        b[n] = 0x17;
        put16(b + n + 1, 0x0303);
        put16(b + n + 3, (uint16_t)r);
        memcpy(b + n + 5, payload_pool + rnd_n(30000), r);
        n += 5 + r;
    }
    return n;
}

static void new_flow(struct flow *f, uint32_t idx)
{
    memset(f, 0, sizeof *f);
    uint32_t k = rnd_n(100);
    f->kind = k < 25 ? DNS : k < 60 ? HTTP : k < 80 ? TLS12 : TLS13;
    uint32_t fa = rnd_n(100);
    f->fam = fa < 60 ? V4 : fa < 85 ? V6 : VLAN4;
    for (int i = 0; i < 6; i++) f->cmac[i] = (uint8_t)rnd(), f->smac[i] = (uint8_t)rnd();
    f->cmac[0] &= 0xfc;
    f->smac[0] &= 0xfc;
    if (f->fam == V6) {
        static const uint8_t pfx[8] = {0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0};
        memcpy(f->cip, pfx, 8);
        memcpy(f->sip, pfx, 8);
        f->sip[5] = 1;
        for (int i = 8; i < 16; i++) f->cip[i] = (uint8_t)rnd(), f->sip[i] = (uint8_t)rnd();
    } else {
        f->cip[0] = 10;
        f->cip[1] = (uint8_t)rnd_n(4);
        f->cip[2] = (uint8_t)rnd();
        f->cip[3] = (uint8_t)(1 + rnd_n(254));
        f->sip[0] = 172;
        f->sip[1] = 16;
        f->sip[2] = (uint8_t)rnd_n(16);
        f->sip[3] = (uint8_t)(1 + rnd_n(254));
    }
    if (idx % 97 == 0 && f->fam != V6) memcpy(f->cip, "\x0a\x00\x00\x01", 4); /* a hot host */
    f->vlan = (uint16_t)(10 + rnd_n(40));
    f->cport = (uint16_t)(32768 + rnd_n(28000));
    f->sport = f->kind == DNS ? 53 : f->kind == HTTP ? 80 : 443;
    f->cseq = (uint32_t)rnd();
    f->sseq = (uint32_t)rnd();
    f->dns_id = (uint16_t)rnd();
    f->active = true;
}

/* one packet of flow f; returns false when the flow is over */
static bool step(struct flow *f)
{
    static uint8_t pl[20000];
    const char *name = names[f->dns_id % 6];
    if (f->kind == DNS) {
        uint32_t n = dns_msg(pl, f->dns_id, name, f->step == 1, f->fam == V6);
        emit(f, f->step == 0, false, 0, pl, n);
        return ++f->step < 2;
    }
    const uint8_t SYN = 0x02, ACK = 0x10, PSH = 0x08, FIN = 0x01;
    switch (f->step) {
    case 0: emit(f, true, true, SYN, NULL, 0); break;
    case 1: emit(f, false, true, SYN | ACK, NULL, 0); break;
    case 2: emit(f, true, true, ACK, NULL, 0); break;
    case 3: {
        uint32_t n;
        if (f->kind == HTTP) {
            n = (uint32_t)snprintf((char *)pl, sizeof pl,
                                   "GET /assets/%u/item.js HTTP/1.1\r\nHost: %s\r\nUser-Agent: Mozilla/5.0 "
                                   "(X11; Linux x86_64) trawl-bench/1.0\r\nAccept: */*\r\nAccept-Encoding: "
                                   "gzip, deflate\r\nConnection: keep-alive\r\nCookie: session=%016llx\r\n\r\n",
                                   f->dns_id, name, (unsigned long long)rnd());
            f->to_send = 1000 + rnd_n(60000);
        } else {
            n = client_hello(pl, name, f->kind == TLS13);
            f->to_send = 3000 + rnd_n(2000); /* server flight */
        }
        emit(f, true, true, PSH | ACK, pl, n);
        break;
    }
    default: {
        /* server data in MSS segments, client ACK every second segment, then close */
        if (f->to_send) {
            uint32_t n = f->to_send > 1448 ? 1448 : f->to_send;
            if (f->kind == HTTP && f->step == 4) {
                /* to_send is the body; the header goes before it */
                int h = snprintf((char *)pl, sizeof pl,
                                 "HTTP/1.1 200 OK\r\nServer: nginx\r\nContent-Type: application/javascript\r\n"
                                 "Content-Length: %u\r\nCache-Control: max-age=3600\r\n\r\n", f->to_send);
                f->to_send += (uint32_t)h;
                n = f->to_send > 1448 ? 1448 : f->to_send;
                memcpy(pl + h, payload_pool + rnd_n(30000), n - (uint32_t)h);
            } else if (f->kind != HTTP && f->step == 4) {
                pl[0] = 0x16;
                put16(pl + 1, 0x0303);
                put16(pl + 3, (uint16_t)(n - 5));
                pl[5] = 2;
                memcpy(pl + 6, payload_pool + rnd_n(30000), n - 6);
            } else if (f->kind != HTTP) {
                n = app_records(pl, n);
            } else {
                memcpy(pl, payload_pool + rnd_n(30000), n);
            }
            emit(f, false, true, PSH | ACK, pl, n);
            f->to_send -= n < f->to_send ? n : f->to_send;
            if (++f->segs_since_ack == 1 || !f->to_send) {
                f->segs_since_ack = 0;
                f->step++;
                emit(f, true, true, ACK, NULL, 0);
            }
            if (!f->to_send && f->kind != HTTP && f->c_to_send == 0 && f->step < 1000) {
                /* TLS: client answers with its flight/app data, server sends more app data */
                f->c_to_send = 200 + rnd_n(3000);
                f->step = 1000;
            }
        } else if (f->c_to_send) {
            uint32_t n = f->c_to_send > 1448 ? 1448 : f->c_to_send;
            n = app_records(pl, n);
            emit(f, true, true, PSH | ACK, pl, n);
            f->c_to_send = f->c_to_send > n ? f->c_to_send - n : 0;
            if (!f->c_to_send) f->to_send = 2000 + rnd_n(40000), f->c_to_send = 0, f->step = 2000;
        } else if (f->step < 5000) {
            emit(f, true, true, FIN | ACK, NULL, 0);
            f->step = 5000;
            return true;
        } else if (f->step == 5000) {
            emit(f, false, true, FIN | ACK, NULL, 0);
        } else {
            emit(f, true, true, ACK, NULL, 0);
            return false;
        }
        break;
    }
    }
    f->step++;
    return true;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s OUT.pcap [SIZE_MB] [SEED]\n", argv[0]);
        return 1;
    }
    uint64_t target = (argc > 2 ? strtoull(argv[2], NULL, 10) : 1024) << 20;
    if (argc > 3) rng_state ^= strtoull(argv[3], NULL, 10) * 0x100000001B3ull;
    out = fopen(argv[1], "wb");
    if (!out) {
        perror(argv[1]);
        return 1;
    }
    static char obuf[1 << 20];
    setvbuf(out, obuf, _IOFBF, sizeof obuf);
    uint32_t hdr[6] = {0xa1b2c3d4, 0x00040002, 0, 0, 65535, 1};
    fwrite(hdr, sizeof hdr, 1, out);
    written = 24;
    for (size_t i = 0; i < sizeof payload_pool; i++) payload_pool[i] = (uint8_t)rnd();
    enum { NFLOWS = 600 };
    static struct flow flows[NFLOWS];
    for (uint32_t i = 0; i < NFLOWS; i++) new_flow(&flows[i], i);
    uint32_t serial = NFLOWS;
    while (written < target) {
        uint32_t i = rnd_n(NFLOWS);
        if (!step(&flows[i])) new_flow(&flows[i], serial++);
    }
    fclose(out);
    fprintf(stderr, "%s: %llu packets, %llu bytes, %.0f bytes/frame average, %u flows\n", argv[1],
            (unsigned long long)npkts, (unsigned long long)written,
            (double)(written - 24) / (double)npkts - 16, serial);
    return 0;
}
