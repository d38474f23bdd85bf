/* Routing Information Protocol versions 1 and 2 (RFC 1058, RFC 2453) on UDP 520, with the
 * simple password (RFC 2453 section 4.1) and keyed MD5 (RFC 2082) authentication entries.
 *
 *   command (1) | version (1) | zero / routing domain (2)
 *   then 20-byte entries: family (2) | route tag (2) | IP address | netmask | next hop | metric
 *   family 0xffff in the first entry: authentication type (2) and 16 bytes of password, or for
 *   MD5 digest offset (2), key id, auth data length, sequence number, 8 zero bytes; the digest
 *   trails the packet in a last 0xffff entry.
 */
#include "../dissect.h"

static struct tw_proto_ids ids;
#define HF(x) ((uint16_t)(ids.base + (x)))
#define EX(x) ((uint16_t)(ids.expert_base + (x)))

enum {
    F_COMMAND,
    F_VERSION,
    F_ROUTING_DOMAIN,
    F_IP,
    F_NETMASK,
    F_NEXT_HOP,
    F_METRIC,
    F_AUTH_TYPE,
    F_AUTH_PASSWD,
    F_FAMILY,
    F_ROUTE_TAG,
    F_ZERO_PADDING,
    F_DIGEST_OFFSET,
    F_KEY_ID,
    F_AUTH_DATA_LEN,
    F_SEQ_NUM,
    F_AUTH_DATA,
    F_COUNT
};

static const struct tw_vs version_vals[] = {{1, "RIPv1"}, {2, "RIPv2"}, {0, NULL}};
static const struct tw_vs command_vals[] = {
    {1, "Request"}, {2, "Response"}, {3, "Traceon"}, {4, "Traceoff"}, {5, "Vendor specific (Sun)"},
    {0, NULL}};
static const struct tw_vs family_vals[] = {{0, "Unspecified"}, {2, "IP"}, {0, NULL}};
static const struct tw_vs auth_vals[] = {
    {1, "IP Route"}, {2, "Simple Password"}, {3, "Keyed Message Digest"}, {0, NULL}};

static const struct tw_field_def fields[F_COUNT] = {
    [F_COMMAND] = {"rip.command", "Command", TW_FT_UINT8, TW_BASE_DEC, 0, command_vals, NULL, NULL,
                   "What type of RIP Command is this"},
    [F_VERSION] = {"rip.version", "Version", TW_FT_UINT8, TW_BASE_DEC, 0, version_vals, NULL, NULL,
                   "Version of the RIP protocol"},
    [F_ROUTING_DOMAIN] = {"rip.routing_domain", "Routing Domain", TW_FT_UINT16, TW_BASE_DEC, 0,
                          NULL, NULL, NULL, "RIPv2 Routing Domain"},
    [F_IP] = {"rip.ip", "IP Address", TW_FT_IPv4},
    [F_NETMASK] = {"rip.netmask", "Netmask", TW_FT_IPv4},
    [F_NEXT_HOP] = {"rip.next_hop", "Next Hop", TW_FT_IPv4, TW_BASE_NONE, 0, NULL, NULL, NULL,
                    "Next Hop router for this route"},
    [F_METRIC] = {"rip.metric", "Metric", TW_FT_UINT16, TW_BASE_DEC, 0, NULL, NULL, NULL,
                  "Metric for this route"},
    [F_AUTH_TYPE] = {"rip.auth.type", "Authentication type", TW_FT_UINT16, TW_BASE_DEC, 0,
                     auth_vals, NULL, NULL, "Type of authentication"},
    [F_AUTH_PASSWD] = {"rip.auth.passwd", "Password", TW_FT_STRING, TW_BASE_NONE, 0, NULL, NULL,
                       NULL, "Authentication password"},
    [F_FAMILY] = {"rip.family", "Address Family", TW_FT_UINT16, TW_BASE_DEC, 0, family_vals},
    [F_ROUTE_TAG] = {"rip.route_tag", "Route Tag", TW_FT_UINT16, TW_BASE_DEC},
    [F_ZERO_PADDING] = {"rip.zero_padding", "Zero adding", TW_FT_STRING, TW_BASE_NONE, 0, NULL,
                        NULL, NULL, "Authentication password"},
    [F_DIGEST_OFFSET] = {"rip.digest_offset", "Digest Offset", TW_FT_UINT16, TW_BASE_DEC},
    [F_KEY_ID] = {"rip.key_id", "Key ID", TW_FT_UINT8, TW_BASE_DEC},
    [F_AUTH_DATA_LEN] = {"rip.auth_data_len", "Auth Data Len", TW_FT_UINT8, TW_BASE_DEC},
    [F_SEQ_NUM] = {"rip.seq_num", "Seq num", TW_FT_UINT32, TW_BASE_DEC},
    [F_AUTH_DATA] = {"rip.authentication_data", "Authentication Data", TW_FT_BYTES},
};

enum { E_UNKNOWN_AF, E_COUNT };
static const struct tw_expert_def experts[E_COUNT] = {
    [E_UNKNOWN_AF] = {"rip.unknown_address_family", "decoder.rip.unknown_address_family",
                      TW_SEV_WARN, TW_GRP_PROTOCOL, "Unknown address family"},
};

static bool have(struct tw_cur *c, uint32_t off, uint32_t n)
{
    struct tw_cur t = *c;
    t.off = off;
    if (tw_cur_need(&t, n)) return true;
    if (!c->err) c->err = t.err;
    return false;
}
static uint32_t be16(const uint8_t *b)
{
    return (uint32_t)b[0] << 8 | b[1];
}
static uint32_t be32(const uint8_t *b)
{
    return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

/* an entry of family 0 (unspecified) or 2 (IP); false once a read failed */
static bool vector(struct tw_pkt *p, struct tw_cur *c, uint32_t off, uint8_t version, bool ip)
{
    if (!have(c, off + 16, 4)) return false;
    const uint8_t *b = c->data + off;
    uint32_t metric = be32(b + 16);
    int32_t t;
    if (ip) {
        if (!have(c, off + 4, 4)) return false;
        t = tw_add_text(p, off, 20, "IP Address: %u.%u.%u.%u, Metric: %u", b[4], b[5], b[6], b[7],
                        metric);
    } else {
        t = tw_add_text(p, off, 20, "Address not specified, Metric: %u", metric);
    }
    tw_tree_push(p, t);
    bool ok = have(c, off, 2);
    if (ok) tw_add_uint(p, HF(F_FAMILY), off, 2, be16(b));
    if (ok && version == 2 && (ok = have(c, off + 2, 2)))
        tw_add_uint(p, HF(F_ROUTE_TAG), off + 2, 2, be16(b + 2));
    if (ok && ip) tw_add_ptr(p, HF(F_IP), off + 4, 4, b + 4, 4);
    if (ok && version == 2) {
        if ((ok = have(c, off + 8, 4))) tw_add_ptr(p, HF(F_NETMASK), off + 8, 4, b + 8, 4);
        if (ok && (ok = have(c, off + 12, 4)))
            tw_add_ptr(p, HF(F_NEXT_HOP), off + 12, 4, b + 12, 4);
    }
    if (ok) tw_add_uint(p, HF(F_METRIC), off + 16, 4, metric);
    tw_tree_pop(p);
    return ok;
}

/* the authentication entry; returns the MD5 auth data length (the trailer) or -1 on error */
static int auth(struct tw_pkt *p, struct tw_cur *c, uint32_t off)
{
    if (!have(c, off + 2, 2)) return -1;
    const uint8_t *b = c->data + off;
    uint32_t type = be16(b + 2);
    const char *tn = tw_vs_find(auth_vals, type);
    int32_t t = tn ? tw_add_text(p, off, 20, "Authentication: %s", tn)
                   : tw_add_text(p, off, 20, "Authentication: Unknown (%u)", type);
    tw_tree_push(p, t);
    tw_add_uint(p, HF(F_AUTH_TYPE), off + 2, 2, type);
    int ret = 0;
    if (type == 2) {
        if (have(c, off + 4, 16))
            tw_add_ascii(p, HF(F_AUTH_PASSWD), off + 4, 16, b + 4);
        else
            ret = -1;
    } else if (type == 3) {
        ret = -1;
        if (!have(c, off + 4, 2)) goto out;
        uint32_t doff = be16(b + 4);
        tw_add_uint(p, HF(F_DIGEST_OFFSET), off + 4, 2, doff);
        if (!have(c, off + 6, 1)) goto out;
        tw_add_uint(p, HF(F_KEY_ID), off + 6, 1, b[6]);
        if (!have(c, off + 7, 1)) goto out;
        uint8_t dlen = b[7];
        tw_add_uint(p, HF(F_AUTH_DATA_LEN), off + 7, 1, dlen);
        if (!have(c, off + 8, 4)) goto out;
        tw_add_uint(p, HF(F_SEQ_NUM), off + 8, 4, be32(b + 8));
        if (!have(c, off + 12, 8)) goto out;
        tw_add_ascii(p, HF(F_ZERO_PADDING), off + 12, 8, b + 12);
        uint32_t toff = off - 4 + doff;
        if (!have(c, toff, 20)) goto out;
        int32_t tt = tw_add_text(p, toff, 20, "Authentication Data Trailer");
        tw_tree_push(p, tt);
        tw_add_bytes(p, HF(F_AUTH_DATA), c, toff + 4, 16);
        tw_tree_pop(p);
        ret = dlen;
    }
out:
    tw_tree_pop(p);
    return ret;
}

static enum tw_status dissect(struct tw_pkt *p, struct tw_cur *c)
{
    const uint32_t s = c->off;
    tw_col_proto(p, "RIP");
    tw_info_clear(p);
    if (!have(c, s, 2)) {
        tw_layer_unrecord(p);
        return TW_OK;
    }
    uint8_t command = c->data[s], version = c->data[s + 1];
    const char *vn = tw_vs_find(version_vals, version);
    tw_col_proto(p, vn ? vn : "RIP");
    const char *cn = tw_vs_find(command_vals, command);
    if (cn)
        tw_info_set(p, cn);
    else {
        tw_info_set(p, "");
        tw_info_printf(p, "Unknown command (%u)", command);
    }
    tw_add_uint(p, HF(F_COMMAND), s, 1, command);
    tw_add_uint(p, HF(F_VERSION), s + 1, 1, version);
    uint32_t off = s + 4;
    uint32_t trailer = 0;
    bool md5 = false;
    while (off < c->end && c->end - off > trailer) {
        if (!have(c, off, 2)) break;
        uint32_t family = be16(c->data + off);
        bool ok = true;
        if (family == 0)
            ok = vector(p, c, off, version, false);
        else if (family == 2)
            ok = vector(p, c, off, version, true);
        else if (family == 0xffff && off == s + 4) {
            int r = auth(p, c, off);
            ok = r >= 0;
            trailer = r > 0 ? (uint32_t)r : 0;
            md5 = true;
        } else if (family == 0xffff && md5 && c->end - off == 20) {
            /* the MD5 trailer, shown with the authentication entry */
        } else {
            int32_t t = tw_add_text(p, off, 20, "Unknown address family %u", family);
            tw_tree_push(p, t);
            tw_expert(p, EX(E_UNKNOWN_AF), off, 20, "Unknown address family %u", family);
            tw_tree_pop(p);
        }
        if (!ok) break;
        off += 20;
    }
    return TW_OK;
}

static const struct tw_binding bindings[] = {{TW_TBL_UDP_PORT, 520}};

const struct tw_proto tw_proto_rip = {
    .abbrev = "rip",
    .name = "Routing Information Protocol",
    .short_name = "RIP",
    .fields = fields,
    .nfields = F_COUNT,
    .experts = experts,
    .nexperts = E_COUNT,
    .bindings = bindings,
    .nbindings = TW_ARRAY_LEN(bindings),
    .dissect = dissect,
    .ids = &ids,
};
