/* The conversations tshark's SIP and SDP dissectors set up for media (udp.stream only).
 *
 * tshark 4.0 dissects a UDP payload as SIP on port 5060 or by its heuristic (a request line
 * "METHOD URI SIP/2.0" or a status line "SIP/2.0 NNN"). An "application/sdp" body goes to SDP,
 * which for every media description with a port, an address (the media's c= line, else the
 * session's) and an RTP or T.38 transport calls rtp_add_address() (plus rtcp_add_address() for
 * the a=rtcp: port, else port + 1) or t38_add_address(): each makes a new conversation for the
 * address and port with the other side wildcarded (see docs/notes.md, "udp.stream: tshark's
 * conversation rules"). This file only finds those media; it shows nothing (no sip/sdp layer).
 * UDP calls it for every payload outside ICMP errors; sip.c calls it for each SIP message
 * reassembled from TCP. Each media also tells UDP what it carries (RTP, RTCP, T.38), which UDP
 * dispatches to before its ports (the rtp.c and rtcp.c dissectors).
 * Not done: multipart bodies, tshark's SIP resend tracking (a resent message sets
 * up the original's media, which is what it carries unless the resend differs). */
#include "dissect.h"

#include <arpa/inet.h>
#include <string.h>
#include <strings.h>

struct span {
    const uint8_t *p;
    uint32_t n;
};

static bool is_token_char(uint8_t c)
{
    return c > 0x20 && c < 0x7f && !strchr("()<>@,;:\\\"/[]?={}", c);
}

/* tshark's request/status line test: "SIP/2.0 NNN ..." or "METHOD SP URI SP SIP/2.0" */
static bool sip_first_line(struct span l)
{
    if (l.n >= 12 && memcmp(l.p, "SIP/2.0 ", 8) == 0)
        return l.p[8] >= '0' && l.p[8] <= '9' && l.p[9] >= '0' && l.p[9] <= '9' &&
               l.p[10] >= '0' && l.p[10] <= '9';
    uint32_t i = 0;
    while (i < l.n && is_token_char(l.p[i])) i++;
    if (i == 0 || i >= l.n || l.p[i] != ' ') return false;
    return l.n >= i + 1 + 8 && memcmp(l.p + l.n - 8, " SIP/2.0", 8) == 0 && l.n - 8 > i + 1;
}

/* the next line of s (without CR/LF); false at the end */
static bool next_line(struct span *s, struct span *l)
{
    if (s->n == 0) return false;
    const uint8_t *e = memchr(s->p, '\n', s->n);
    uint32_t len = e ? (uint32_t)(e - s->p) : s->n;
    l->p = s->p;
    l->n = len;
    if (l->n && l->p[l->n - 1] == '\r') l->n--;
    s->p += e ? len + 1 : len;
    s->n -= e ? len + 1 : len;
    return true;
}

static struct span trim(struct span v)
{
    while (v.n && (v.p[0] == ' ' || v.p[0] == '\t')) v.p++, v.n--;
    while (v.n && (v.p[v.n - 1] == ' ' || v.p[v.n - 1] == '\t')) v.n--;
    return v;
}

/* header "Name:" (or its compact form) matched case-insensitively: the value */
static bool header(struct span l, const char *name, const char *compact, struct span *v)
{
    const uint8_t *c = memchr(l.p, ':', l.n);
    if (!c) return false;
    struct span nm = trim((struct span){l.p, (uint32_t)(c - l.p)});
    if (!((nm.n == strlen(name) && strncasecmp((const char *)nm.p, name, nm.n) == 0) ||
          (nm.n == strlen(compact) && strncasecmp((const char *)nm.p, compact, nm.n) == 0)))
        return false;
    *v = trim((struct span){c + 1, l.n - (uint32_t)(c + 1 - l.p)});
    return true;
}

/* "IN IP4 a.b.c.d[/ttl]" / "IN IP6 x::y": the address */
static uint8_t conn_addr(struct span v, uint8_t out[16])
{
    char buf[64];
    if (v.n < 7 || v.n >= sizeof buf) return 0;
    memcpy(buf, v.p, v.n);
    buf[v.n] = 0;
    int fam;
    if (strncmp(buf, "IN IP4 ", 7) == 0) fam = AF_INET;
    else if (strncmp(buf, "IN IP6 ", 7) == 0) fam = AF_INET6;
    else return 0;
    char *a = buf + 7;
    while (*a == ' ') a++;
    a[strcspn(a, "/ ")] = 0;
    if (inet_pton(fam, a, out) != 1) return 0;
    return fam == AF_INET ? 4 : 16;
}

static bool parse_port(const uint8_t *p, uint32_t n, uint32_t *i, uint32_t *port)
{
    uint32_t v = 0, k = *i;
    while (k < n && p[k] >= '0' && p[k] <= '9' && v <= 65535) v = v * 10 + (p[k++] - '0');
    if (k == *i || v > 65535) return false;
    *i = k;
    *port = v;
    return true;
}

struct media {
    bool on;
    uint32_t port, rtcp;
    int kind; /* 0 none, 1 RTP (+RTCP), 2 T.38 */
    uint8_t addr[16], alen;
};

static void media_done(const struct media *m, const uint8_t *saddr, uint8_t salen)
{
    if (!m->on || m->kind == 0 || m->port == 0) return;
    const uint8_t *a = m->alen ? m->addr : saddr;
    uint8_t al = m->alen ? m->alen : salen;
    if (!al) return;
    tw_udp_conv_expect(a, al, (uint16_t)m->port, m->kind == 1 ? TW_MEDIA_RTP : TW_MEDIA_T38);
    if (m->kind == 1) {
        uint32_t rp = m->rtcp ? m->rtcp : m->port + 1;
        if (rp <= 65535) tw_udp_conv_expect(a, al, (uint16_t)rp, TW_MEDIA_RTCP);
    }
}

static void sdp_body(struct span b)
{
    uint8_t saddr[16];
    uint8_t salen = 0;
    struct media m = {0};
    struct span l;
    while (next_line(&b, &l)) {
        if (l.n < 2 || l.p[1] != '=') continue;
        struct span v = {l.p + 2, l.n - 2};
        if (l.p[0] == 'm') {
            media_done(&m, saddr, salen);
            memset(&m, 0, sizeof m);
            m.on = true;
            /* m=<media> <port>[/<n>] <proto> <fmt>... */
            const uint8_t *sp = memchr(v.p, ' ', v.n);
            if (!sp) continue;
            uint32_t i = (uint32_t)(sp - v.p) + 1;
            if (!parse_port(v.p, v.n, &i, &m.port)) continue;
            if (i < v.n && v.p[i] == '/') {
                uint32_t cnt;
                i++;
                parse_port(v.p, v.n, &i, &cnt);
            }
            while (i < v.n && v.p[i] == ' ') i++;
            uint32_t j = i;
            while (j < v.n && v.p[j] != ' ') j++;
            struct span pr = {v.p + i, j - i};
#define IS(s) (pr.n == sizeof(s) - 1 && memcmp(pr.p, s, pr.n) == 0)
            if (IS("RTP/AVP") || IS("RTP/AVPF") || IS("RTP/SAVP") || IS("RTP/SAVPF")) m.kind = 1;
            else if (IS("udptl") || IS("UDPTL")) m.kind = 2;
#undef IS
        } else if (l.p[0] == 'c') {
            if (m.on) m.alen = conn_addr(v, m.addr);
            else salen = conn_addr(v, saddr);
        } else if (l.p[0] == 'a' && m.on && v.n > 5 && memcmp(v.p, "rtcp:", 5) == 0) {
            uint32_t i = 5, port;
            if (parse_port(v.p, v.n, &i, &port)) m.rtcp = port;
        }
    }
    media_done(&m, saddr, salen);
}

void tw_sdp_conv_setup(const uint8_t *d, uint32_t n, uint16_t sport, uint16_t dport)
{
    (void)sport;
    (void)dport; /* port 5060 or the heuristic: both need the same first line */
    struct span s = {d, n}, l;
    if (!next_line(&s, &l) || !sip_first_line(l)) return;
    bool sdp = false;
    int64_t clen = -1;
    struct span v;
    for (;;) {
        if (!next_line(&s, &l)) return; /* no body */
        if (l.n == 0) break;
        if (header(l, "Content-Type", "c", &v)) {
            const uint8_t *semi = memchr(v.p, ';', v.n);
            struct span mt = trim((struct span){v.p, semi ? (uint32_t)(semi - v.p) : v.n});
            sdp = mt.n == 15 && strncasecmp((const char *)mt.p, "application/sdp", 15) == 0;
        } else if (header(l, "Content-Length", "l", &v)) {
            uint32_t i = 0, x;
            clen = parse_port(v.p, v.n, &i, &x) ? (int64_t)x : clen;
        }
    }
    if (!sdp) return;
    if (clen >= 0 && (uint64_t)clen < s.n) s.n = (uint32_t)clen;
    sdp_body(s);
}
