/* RIPng for IPv6 (RFC 2080) on UDP 521: command (1) | version (1) | reserved (2), then route
 * table entries of 20 bytes: IPv6 prefix (16) | route tag (2) | prefix length (1) | metric (1). */
#include "../dissect.h"

#include <stdio.h>

static struct tw_proto_ids ids;
#define HF(x) ((uint16_t)(ids.base + (x)))

enum { F_CMD, F_VERSION, F_RESERVED, F_RTE, F_PREFIX, F_TAG, F_PLEN, F_METRIC, F_COUNT };

static const struct tw_vs cmd_vals[] = {{1, "Request"}, {2, "Response"}, {0, NULL}};

static const struct tw_field_def fields[F_COUNT] = {
    [F_CMD] = {"ripng.cmd", "Command", TW_FT_UINT8, TW_BASE_DEC, 0, cmd_vals, NULL, NULL,
               "Used to specify the purpose of this message"},
    [F_VERSION] = {"ripng.version", "Version", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL, NULL,
                   "Version of RIPng"},
    [F_RESERVED] = {"ripng.reserved", "Reserved", TW_FT_BYTES, TW_BASE_NONE, 0, NULL, NULL, NULL,
                    "Must be Zero"},
    [F_RTE] = {"ripng.rte", "Route Table Entry", TW_FT_NONE},
    [F_PREFIX] = {"ripng.rte.ipv6_prefix", "IPv6 Prefix", TW_FT_IPv6, TW_BASE_NONE, 0, NULL, NULL,
                  NULL, "Destination"},
    [F_TAG] = {"ripng.rte.route_tag", "Route Tag", TW_FT_UINT16, TW_BASE_HEX, 0, NULL, NULL, NULL,
               "Provides a method of separating internal RIPng routes (routes for networks within "
               "the RIPng routing domain) from external RIPng routes, which may have been imported "
               "from an EGP or another IGP"},
    [F_PLEN] = {"ripng.rte.prefix_length", "Prefix Length", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL,
                NULL,
                "The length in bits of the significant part of the prefix starting from the left "
                "of the prefix"},
    [F_METRIC] = {"ripng.rte.metric", "Metric", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL, NULL,
                  "The current metric for the destination; the value 16 (infinity) indicates that "
                  "the destination is not reachable"},
};

static bool have(struct tw_cur *c, uint32_t off, uint32_t n)
{
    struct tw_cur t = *c;
    t.off = off;
    if (tw_cur_need(&t, n)) return true;
    if (!c->err) c->err = t.err;
    return false;
}

/* RFC 5952 text of an IPv6 address (Wireshark's ip6_to_str) */
static void ip6_str(const uint8_t *a, char *out, size_t n)
{
    uint16_t w[8];
    for (int i = 0; i < 8; i++) w[i] = (uint16_t)(a[2 * i] << 8 | a[2 * i + 1]);
    int best = -1, bestlen = 0;
    for (int i = 0; i < 8;) {
        if (w[i]) {
            i++;
            continue;
        }
        int j = i;
        while (j < 8 && !w[j]) j++;
        if (j - i > bestlen && j - i >= 2) best = i, bestlen = j - i;
        i = j;
    }
    size_t o = 0;
    out[0] = 0;
    for (int i = 0; i < 8 && o < n; i++) {
        if (i == best) {
            o += (size_t)snprintf(out + o, n - o, "::");
            i += bestlen - 1;
            continue;
        }
        bool sep = i > 0 && i != best + bestlen;
        o += (size_t)snprintf(out + o, n - o, "%s%x", sep ? ":" : "", w[i]);
    }
    if (o >= n) out[n - 1] = 0;
}

static enum tw_status dissect(struct tw_pkt *p, struct tw_cur *c)
{
    const uint32_t s = c->off;
    tw_col_proto(p, "RIPng");
    if (!have(c, s, 2)) {
        tw_layer_unrecord(p);
        return TW_OK;
    }
    uint8_t cmd = c->data[s], version = c->data[s + 1];
    const char *cn = tw_vs_find(cmd_vals, cmd);
    tw_info_set(p, "");
    if (cn)
        tw_info_printf(p, " Command %s, Version %u", cn, version);
    else
        tw_info_printf(p, " Command Unknown (%u), Version %u", cmd, version);
    if (!p->has_tree) return TW_OK;
    tw_add_uint(p, HF(F_CMD), s, 1, cmd);
    tw_add_uint(p, HF(F_VERSION), s + 1, 1, version);
    if (!have(c, s + 2, 2)) return TW_OK;
    tw_add_bytes(p, HF(F_RESERVED), c, s + 2, 2);
    uint32_t off = s + 4;
    while (off < c->end) {
        /* Wireshark adds the entry's item over 20 bytes first: all must be there */
        if (!have(c, off, 20)) break;
        int32_t r = tw_want(p, HF(F_RTE)) ? tw_add_rec(p, HF(F_RTE), off, 20) : -1;
        tw_tree_push(p, r);
        bool ok = have(c, off, 16);
        char pre[48] = "";
        if (ok) {
            tw_add_ptr(p, HF(F_PREFIX), off, 16, c->data + off, 16);
            ip6_str(c->data + off, pre, sizeof pre);
        }
        uint32_t plen = 0, metric = 0;
        if (ok && (ok = have(c, off + 16, 2)))
            tw_add_uint(p, HF(F_TAG), off + 16, 2,
                        (uint32_t)c->data[off + 16] << 8 | c->data[off + 17]);
        if (ok && (ok = have(c, off + 18, 1))) {
            plen = c->data[off + 18];
            tw_add_uint(p, HF(F_PLEN), off + 18, 1, plen);
        }
        if (ok && (ok = have(c, off + 19, 1))) {
            metric = c->data[off + 19];
            tw_add_uint(p, HF(F_METRIC), off + 19, 1, metric);
        }
        tw_tree_pop(p);
        if (r >= 0 && tw_want_labels(p)) {
            if (ok)
                tw_rec_label(p, r, "Route Table Entry: IPv6 Prefix: %s/%u Metric: %u", pre, plen,
                             metric);
            else if (pre[0])
                tw_rec_label(p, r, "Route Table Entry: IPv6 Prefix: %s", pre);
        }
        if (!ok) break;
        off += 20;
    }
    return TW_OK;
}

static const struct tw_binding bindings[] = {{TW_TBL_UDP_PORT, 521}};

const struct tw_proto tw_proto_ripng = {
    .abbrev = "ripng",
    .name = "RIPng",
    .short_name = "RIPng",
    .fields = fields,
    .nfields = F_COUNT,
    .bindings = bindings,
    .nbindings = TW_ARRAY_LEN(bindings),
    .dissect = dissect,
    .ids = &ids,
};
