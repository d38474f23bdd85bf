/* Virtual Router Redundancy Protocol, IP protocol 112: version 2 (RFC 3768) and version 3
 * (RFC 5798, over IPv4 or IPv6), as tshark 4.0 shows it.
 *
 *   version (4 bits) type (4 bits) | virtual router id | priority | address count |
 *   v2: auth type | advertisement interval (s)      v3: reserved (4 bits) interval (12 bits, cs)
 *   checksum (2) | addresses (4 or 16 each) | v2: authentication data (8)
 * The v3 checksum covers an IP pseudo-header as well; tshark checks it by default.
 */
#include "../dissect.h"

#include <string.h>

static struct tw_proto_ids ids;
#define HF(x) ((uint16_t)(ids.base + (x)))
#define EX(x) ((uint16_t)(ids.expert_base + (x)))

enum {
    F_TYPEVER,
    F_VERSION,
    F_TYPE,
    F_VRID,
    F_PRIO,
    F_COUNT_IP,
    F_CKSUM,
    F_CKSUM_STATUS,
    F_AUTH_TYPE,
    F_ADVER_INT,
    F_RESERVED,
    F_SHORT_ADVER_INT,
    F_IP,
    F_IPV6,
    F_AUTH_STRING,
    F_MD5,
    F_COUNT
};

static const struct tw_vs type_vals[] = {{1, "Advertisement"}, {0, NULL}};
static const struct tw_vs auth_vals[] = {
    {0, "No Authentication"},
    {1, "Simple Text Authentication [RFC 2338] / Reserved [RFC 3768]"},
    {2, "IP Authentication Header [RFC 2338] / Reserved [RFC 3768]"},
    {3, "Cisco VRRP MD5 Authentication"},
    {0, NULL}};
static const struct tw_vs cksum_status_vals[] = {
    {0, "Bad"}, {1, "Good"}, {2, "Unverified"}, {3, "Not present"}, {4, "Illegal"}, {0, NULL}};

static const struct tw_field_def fields[F_COUNT] = {
    [F_TYPEVER] = {"vrrp.typever", "VRRP message version and type", TW_FT_UINT8, TW_BASE_DEC, 0,
                   NULL, NULL, NULL, "VRRP version and type"},
    [F_VERSION] = {"vrrp.version", "VRRP protocol version", TW_FT_UINT8, TW_BASE_DEC, 0xf0},
    [F_TYPE] = {"vrrp.type", "VRRP packet type", TW_FT_UINT8, TW_BASE_DEC, 0x0f, type_vals},
    [F_VRID] = {"vrrp.virt_rtr_id", "Virtual Rtr ID", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL, NULL,
                "Virtual router this packet is reporting status for"},
    [F_PRIO] = {"vrrp.prio", "Priority", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL, NULL,
                "Sending VRRP router's priority for the virtual router"},
    [F_COUNT_IP] = {"vrrp.addr_count", "Addr Count", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL, NULL,
                    "The number of addresses contained in this VRRP advertisement"},
    [F_CKSUM] = {"vrrp.checksum", "Checksum", TW_FT_UINT16, TW_BASE_HEX, 0, NULL, NULL, NULL,
                 "Used to detect data corruption in the VRRP message"},
    [F_CKSUM_STATUS] = {"vrrp.checksum.status", "Checksum Status", TW_FT_UINT8, TW_BASE_NONE, 0,
                        cksum_status_vals},
    [F_AUTH_TYPE] = {"vrrp.auth_type", "Auth Type", TW_FT_UINT8, TW_BASE_DEC, 0, auth_vals, NULL,
                     NULL, "The authentication method being utilized"},
    [F_ADVER_INT] = {"vrrp.adver_int", "Adver Int", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL, NULL,
                     "Time interval (in seconds) between ADVERTISEMENTS"},
    [F_RESERVED] = {"vrrp.reserved_mbz", "Reserved", TW_FT_UINT8, TW_BASE_DEC, 0xf0, NULL, NULL,
                    NULL, "Must be zero"},
    [F_SHORT_ADVER_INT] = {"vrrp.short_adver_int", "Adver Int", TW_FT_UINT16, TW_BASE_DEC, 0x0fff,
                           NULL, NULL, NULL,
                           "Time interval (in centiseconds) between ADVERTISEMENTS"},
    [F_IP] = {"vrrp.ip_addr", "IP Address", TW_FT_IPv4, TW_BASE_NONE, 0, NULL, NULL, NULL,
              "IP address associated with the virtual router"},
    [F_IPV6] = {"vrrp.ipv6_addr", "IPv6 Address", TW_FT_IPv6, TW_BASE_NONE, 0, NULL, NULL, NULL,
                "IPv6 address associated with the virtual router"},
    [F_AUTH_STRING] = {"vrrp.auth_string", "Authentication String", TW_FT_STRING, TW_BASE_NONE},
    [F_MD5] = {"vrrp.md5_auth_data", "MD5 Authentication Data", TW_FT_BYTES, TW_BASE_NONE, 0, NULL,
               NULL, NULL, "MD5 digest string is contained."},
};

enum { E_CKSUM_BAD, E_COUNT };
static const struct tw_expert_def experts[E_COUNT] = {
    [E_CKSUM_BAD] = {"vrrp.checksum_bad.expert", "decoder.vrrp.bad_checksum", TW_SEV_WARN,
                     TW_GRP_CHECKSUM, "Bad checksum"},
};

static const char *prio_name(uint8_t v)
{
    switch (v) {
    case 0:
        return "Current Master has stopped participating in VRRP";
    case 100:
        return "Default priority for a backup VRRP router";
    case 255:
        return "This VRRP router owns the virtual router's IP address(es)";
    default:
        return "Non-default backup priority";
    }
}

static enum tw_status dissect(struct tw_pkt *p, struct tw_cur *c)
{
    const uint32_t s = c->off;
    tw_col_proto(p, "VRRP");
    tw_info_clear(p);
    const uint8_t *h = tw_cur_bytes(c, 8);
    if (!h) return c->err == TW_CUR_TRUNCATED ? TW_TRUNCATED : TW_MALFORMED;
    uint8_t ver = h[0] >> 4, type = h[0] & 0x0f;
    tw_info_printf(p, "Announcement (v%u)", ver);
    const char *tn = tw_vs_find(type_vals, type);
    int32_t r = tw_add_uint(p, HF(F_TYPEVER), s, 1, h[0]);
    tw_rec_label(p, r, "Version %u, Packet type %u (%s)", ver, type, tn ? tn : "Unknown");
    tw_tree_push(p, r);
    tw_add_bits(p, HF(F_VERSION), s, 1, h[0]);
    tw_add_bits(p, HF(F_TYPE), s, 1, h[0]);
    tw_tree_pop(p);
    tw_add_uint(p, HF(F_VRID), s + 1, 1, h[1]);
    r = tw_add_uint(p, HF(F_PRIO), s + 2, 1, h[2]);
    tw_rec_label(p, r, "Priority: %u (%s)", h[2], prio_name(h[2]));
    uint8_t naddr = h[3];
    tw_add_uint(p, HF(F_COUNT_IP), s + 3, 1, naddr);
    uint8_t auth = 0;
    if (ver == 3) {
        uint32_t v = (uint32_t)(h[4] << 8 | h[5]);
        tw_add_bits(p, HF(F_RESERVED), s + 4, 1, h[4]);
        tw_add_bits(p, HF(F_SHORT_ADVER_INT), s + 4, 2, v);
    } else {
        auth = h[4];
        tw_add_uint(p, HF(F_AUTH_TYPE), s + 4, 1, auth);
        tw_add_uint(p, HF(F_ADVER_INT), s + 5, 1, h[5]);
    }

    /* the checksum over the whole message (v3: and the IP pseudo-header) */
    uint16_t sum = (uint16_t)(h[6] << 8 | h[7]);
    uint32_t len = c->end - s, capd = TW_MIN(c->cap, c->end) - s;
    r = tw_add_uint(p, HF(F_CKSUM), s + 6, 2, sum);
    int32_t st;
    const struct tw_addr *ns = &p->net_src, *nd = &p->net_dst;
    bool v6 = ns->type == TW_AT_IPv6;
    if (!p->ctx.ip_fragment && capd >= len) {
        uint32_t acc = 0;
        if (ver == 3 && ns->p && nd->p && (ns->type == TW_AT_IPv4 || v6)) {
            acc = tw_cksum_add(acc, ns->p, ns->len);
            acc = tw_cksum_add(acc, nd->p, nd->len);
            uint8_t ph[8] = {0, 0, (uint8_t)(len >> 8), (uint8_t)len, 0, 0, 0, 112};
            acc = v6 ? tw_cksum_add(acc, ph, 8) : tw_cksum_add(acc, ph + 2, 2) + 112;
        }
        uint16_t computed = tw_cksum_fold(tw_cksum_add(acc, c->data + s, len));
        if (computed == 0) {
            tw_rec_label(p, r, "Checksum: 0x%04x [correct]", sum);
            st = tw_add_uint(p, HF(F_CKSUM_STATUS), s + 6, 2, 1);
        } else {
            uint32_t sb = (uint32_t)sum + computed;
            sb = (sb & 0xffff) + (sb >> 16);
            sb = (sb & 0xffff) + (sb >> 16);
            tw_rec_label(p, r, "Checksum: 0x%04x incorrect, should be 0x%04x", sum, sb);
            tw_tree_push(p, r);
            tw_expert(p, EX(E_CKSUM_BAD), s + 6, 2, "Bad checksum [should be 0x%04x]", sb);
            tw_tree_pop(p);
            st = tw_add_uint(p, HF(F_CKSUM_STATUS), s + 6, 2, 0);
        }
    } else {
        tw_rec_label(p, r, "Checksum: 0x%04x [unverified]", sum);
        st = tw_add_uint(p, HF(F_CKSUM_STATUS), s + 6, 2, 2);
    }
    tw_rec_flags(p, st, TW_RF_GENERATED);

    uint32_t alen = v6 ? 16 : 4;
    for (uint32_t i = 0; i < naddr; i++) {
        uint32_t o = c->off;
        const uint8_t *a = tw_cur_bytes(c, alen);
        if (!a) return c->err == TW_CUR_TRUNCATED ? TW_TRUNCATED : TW_MALFORMED;
        tw_add_ptr(p, HF(v6 ? F_IPV6 : F_IP), o, alen, a, alen);
    }
    if (ver == 3 || auth == 0) return TW_OK;
    uint32_t o = c->off;
    if (auth == 1) {
        const uint8_t *a = tw_cur_bytes(c, 8);
        if (!a) return c->err == TW_CUR_TRUNCATED ? TW_TRUNCATED : TW_MALFORMED;
        tw_add_ascii(p, HF(F_AUTH_STRING), o, 8, a);
    } else if (auth == 3) {
        const uint8_t *a = tw_cur_bytes(c, 16);
        if (!a) return c->err == TW_CUR_TRUNCATED ? TW_TRUNCATED : TW_MALFORMED;
        tw_add_ptr(p, HF(F_MD5), o, 16, a, 16);
    }
    return TW_OK;
}

static const struct tw_binding bindings[] = {{TW_TBL_IP_PROTO, 112}};

const struct tw_proto tw_proto_vrrp = {
    .abbrev = "vrrp",
    .name = "Virtual Router Redundancy Protocol",
    .short_name = "VRRP",
    .fields = fields,
    .nfields = F_COUNT,
    .experts = experts,
    .nexperts = E_COUNT,
    .bindings = bindings,
    .nbindings = TW_ARRAY_LEN(bindings),
    .dissect = dissect,
    .ids = &ids,
};
