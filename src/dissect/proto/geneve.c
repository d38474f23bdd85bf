/* Generic Network Virtualization Encapsulation (Geneve, RFC 8926) on UDP port 6081, as tshark
 * 4.0 shows it.
 *
 *    0                   1                   2                   3
 *    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |Ver|  Opt Len  |O|C|    Rsvd.  |          Protocol Type        |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |        Virtual Network Identifier (VNI)       |    Reserved   |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                    Variable-Length Options                    |
 *
 * Opt Len counts 4-byte words. Each option is a 4-byte header (class 16 bits, type 8 bits whose
 * top bit marks it critical, 3 reserved bits, a 5-bit length in 4-byte words) and its data.
 * The payload's Protocol Type is an EtherType (0x6558 for an Ethernet frame).
 *
 * What tshark does that shapes this file:
 *  - the options area is one item: if it is not all in the packet, nothing of it is shown;
 *  - an option longer than what is left of the area ends the list with a warning;
 *  - the Info column names the payload's EtherType ("Encapsulated IPv4"), also when the
 *    version is unknown (the warning is only in the tree);
 *  - an EtherType nobody dissects goes to "data" as a layer of its own. */
#include "../dissect.h"

#include <stdio.h>

extern const struct tw_vs tw_etype_vals[];

static struct tw_proto_ids ids;
#define HF(x) ((uint16_t)(ids.base + (x)))
#define EX(x) ((uint16_t)(ids.expert_base + (x)))

enum {
    F_VERSION,
    F_FLAGS,
    F_FLAG_OAM,
    F_FLAG_CRITICAL,
    F_FLAG_RESERVED,
    F_PROTO_TYPE,
    F_VNI,
    F_RESERVED,
    F_OPTIONS,
    F_OPT_CLASS,
    F_OPT_TYPE,
    F_OPT_TYPE_CRITICAL,
    F_OPT_FLAGS,
    F_OPT_FLAGS_RESERVED,
    F_OPT_LENGTH,
    F_OPTION,
    F_GCP_VNID,
    F_GCP_RESERVED,
    F_GCP_DIRECTION,
    F_GCP_ENDPOINT,
    F_GCP_PROFILE,
    F_UNKNOWN_DATA,
    F_COUNT
};

enum { E_VERSION_UNKNOWN, E_OPT_LEN_INVALID, E_COUNT };

/* option classes as IANA's registry stood for tshark 4.0 */
static const struct tw_rs class_names[] = {
    {0x0000, 0x00ff, "Standard"},
    {0x0100, 0x0100, "Linux"},
    {0x0101, 0x0101, "Open vSwitch"},
    {0x0102, 0x0102, "Open Virtual Networking (OVN)"},
    {0x0103, 0x0103, "In-band Network Telemetry (INT)"},
    {0x0104, 0x0104, "VMware"},
    {0x0105, 0x0105, "Amazon.com, Inc."},
    {0x0106, 0x0106, "Cisco Systems, Inc."},
    {0x0107, 0x0107, "Oracle Corporation"},
    {0x0108, 0x0110, "Amazon.com, Inc."},
    {0x0111, 0x0118, "IBM"},
    {0x0119, 0x0128, "Ericsson"},
    {0x0129, 0x0129, "Oxide Computer Company"},
    {0x0130, 0x0131, "Cisco Systems, Inc."},
    {0x0132, 0x0135, "Google LLC"},
    {0x0136, 0x0136, "InfoQuick Global Connection Tech Ltd."},
    {0x0137, 0xfeff, "Unassigned"},
    {0xfff0, 0xffff, "Experimental"},
    {0, 0, NULL}};

/* class << 8 | type of the options tshark decodes */
enum { OPT_GCP_VNID = 0x013201, OPT_GCP_ENDPOINT = 0x013202, OPT_GCP_PROFILE = 0x013203 };
static const struct tw_vs option_names[] = {{OPT_GCP_VNID, "GCP Virtual Network ID"},
                                            {OPT_GCP_ENDPOINT, "GCP Endpoint ID"},
                                            {OPT_GCP_PROFILE, "GCP Profile ID"},
                                            {0, NULL}};

static const struct tw_tfs direction_tfs = {"Egress", "Ingress"};

static const struct tw_field_def fields[F_COUNT] = {
    [F_VERSION] = {"geneve.version", "Version", TW_FT_UINT8, TW_BASE_DEC},
    [F_FLAGS] = {"geneve.flags", "Flags", TW_FT_UINT8, TW_BASE_HEX},
    [F_FLAG_OAM] = {"geneve.flags.oam", "Operations, Administration and Management Frame",
                    TW_FT_BOOLEAN, 8, 0x80},
    [F_FLAG_CRITICAL] = {"geneve.flags.critical", "Critical Options Present", TW_FT_BOOLEAN, 8,
                         0x40},
    [F_FLAG_RESERVED] = {"geneve.flags.reserved", "Reserved", TW_FT_BOOLEAN, 8, 0x3f},
    [F_PROTO_TYPE] = {"geneve.proto_type", "Protocol Type", TW_FT_UINT16, TW_BASE_HEX, 0,
                      tw_etype_vals},
    [F_VNI] = {"geneve.vni", "Virtual Network Identifier (VNI)", TW_FT_UINT24, TW_BASE_HEX_DEC},
    [F_RESERVED] = {"geneve.reserved", "Reserved", TW_FT_UINT8, TW_BASE_HEX},
    [F_OPTIONS] = {"geneve.options", "Geneve Options", TW_FT_BYTES, TW_BASE_NONE},
    [F_OPT_CLASS] = {"geneve.option.class", "Class", TW_FT_UINT16, TW_BASE_HEX, 0, NULL,
                     class_names},
    [F_OPT_TYPE] = {"geneve.option.type", "Type", TW_FT_UINT8, TW_BASE_HEX},
    [F_OPT_TYPE_CRITICAL] = {"geneve.option.type.critical", "Critical Option", TW_FT_BOOLEAN, 8,
                             0x80},
    [F_OPT_FLAGS] = {"geneve.option.flags", "Flags", TW_FT_UINT8, TW_BASE_HEX},
    [F_OPT_FLAGS_RESERVED] = {"geneve.option.flags.reserved", "Reserved", TW_FT_BOOLEAN, 8, 0xe0},
    [F_OPT_LENGTH] = {"geneve.option.length", "Length", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL,
                      NULL, NULL, " bytes"},
    [F_OPTION] = {"geneve.option", "Option", TW_FT_BYTES, TW_BASE_NONE},
    [F_GCP_VNID] = {"geneve.option.gcp.vnid", "GCP Virtual Network ID", TW_FT_UINT32, TW_BASE_DEC},
    [F_GCP_RESERVED] = {"geneve.option.gcp.reserved", "GCP Reserved bits", TW_FT_BOOLEAN, 32, 0xe},
    [F_GCP_DIRECTION] = {"geneve.option.gcp.direction", "GCP Traffic Direction", TW_FT_BOOLEAN, 32,
                         0x1, NULL, NULL, &direction_tfs},
    [F_GCP_ENDPOINT] = {"geneve.option.gcp.endpoint", "GCP Endpoint ID", TW_FT_BYTES, TW_BASE_NONE},
    [F_GCP_PROFILE] = {"geneve.option.gcp.profile", "GCP Profile ID", TW_FT_UINT64, TW_BASE_DEC},
    [F_UNKNOWN_DATA] = {"geneve.option.unknown.data", "Unknown Option Data", TW_FT_BYTES,
                        TW_BASE_NONE},
};

static const struct tw_expert_def experts[E_COUNT] = {
    [E_VERSION_UNKNOWN] = {"geneve.version.unknown", "decoder.geneve.unknown_version", TW_SEV_WARN,
                           TW_GRP_PROTOCOL, "Unknown version"},
    [E_OPT_LEN_INVALID] = {"geneve.option.length.invalid", "decoder.geneve.bad_option_length",
                           TW_SEV_WARN, TW_GRP_PROTOCOL, "Invalid length for option"},
};

/* "GCP Endpoint ID, Class: Google LLC (0x0132) Type: 0x02" */
static void option_name(char *buf, size_t n, uint16_t cls, uint8_t type)
{
    const char *on = tw_vs_find(option_names, (uint32_t)cls << 8 | type);
    const char *cn = tw_rs_find(class_names, cls);
    snprintf(buf, n, "%s, Class: %s (0x%04x) Type: 0x%02x", on ? on : "Unknown",
             cn ? cn : "Unknown", cls, type);
}

/* the bit picture of a field of `nbits` bits starting at the top of a 32-bit word, in the form
 * of an item added by bit position: "1000 0000  0000 0000  0000 0000  1101 ...." */
static void bit_picture(char *buf, uint32_t word, unsigned nbits)
{
    size_t k = 0;
    for (unsigned i = 0; i < 32; i++) {
        if (i) {
            if (i % 4 == 0) buf[k++] = ' ';
            if (i % 8 == 0) buf[k++] = ' ';
        }
        buf[k++] = i < nbits ? ((word >> (31 - i)) & 1 ? '1' : '0') : '.';
    }
    buf[k] = '\0';
}

/* the label of a boolean field over several bits, with the bits as they are: "101. .... =
 * Reserved: True" (the value alone would show every bit of the mask set) */
static void bool_label(struct tw_pkt *p, int32_t r, const struct tw_field_def *d, uint64_t raw)
{
    if (r < 0 || !tw_want_labels(p)) return;
    char pic[80];
    size_t k = 0;
    unsigned w = d->display;
    for (unsigned i = 0; i < w; i++) {
        uint64_t bit = (uint64_t)1 << (w - 1 - i);
        if (i && i % 4 == 0) pic[k++] = ' ';
        pic[k++] = (d->mask & bit) ? ((raw & bit) ? '1' : '0') : '.';
    }
    pic[k] = '\0';
    const struct tw_tfs *t = d->tfs ? d->tfs : &tw_tfs_true_false;
    tw_rec_label(p, r, "%s = %s: %s", pic, d->name, (raw & d->mask) ? t->t : t->f);
}

/* an expert whose text is also a line of the tree of its own, the expert under it */
static void expert_line(struct tw_pkt *p, uint16_t ex, uint32_t off, uint32_t len, const char *msg)
{
    int32_t t = tw_add_text(p, off, len, "%s", msg);
    tw_tree_push(p, t);
    tw_expert(p, ex, off, len, "%s", msg);
    tw_tree_pop(p);
}

enum { OPT_OK, OPT_CUT, OPT_MALFORMED };

/* one option whose bytes [off, off+len) are known readable: OPT_CUT when a field reads past the
 * packet (the cursor's error says why), OPT_MALFORMED for an integer field of a size tshark
 * cannot read */
static int dissect_option(struct tw_pkt *p, struct tw_cur *c, uint32_t off, uint32_t len)
{
    const uint8_t *b = c->data + off;
    uint16_t cls = (uint16_t)(b[0] << 8 | b[1]);
    uint8_t type = b[2];
    uint8_t oflags = b[3] >> 5;
    const char *crit = (type & 0x80) ? "Critical" : "Non-critical";
    int32_t r = tw_add_bytes(p, HF(F_OPTION), c, off, len);
    if (r >= 0 && tw_want_labels(p)) {
        char nm[128];
        option_name(nm, sizeof nm, cls, type);
        tw_rec_label(p, r, "%s (%s)", nm, crit);
    }
    tw_tree_push(p, r);
    tw_add_uint(p, HF(F_OPT_CLASS), off, 2, cls);
    r = tw_add_uint(p, HF(F_OPT_TYPE), off + 2, 1, type);
    tw_rec_label(p, r, "Type: 0x%02x (%s)", type, crit);
    r = tw_add_bits(p, HF(F_OPT_TYPE_CRITICAL), off + 2, 1, type);
    tw_rec_flags(p, r, TW_RF_HIDDEN);
    r = tw_add_uint(p, HF(F_OPT_FLAGS), off + 3, 1, oflags);
    if (oflags)
        tw_rec_label(p, r, "Flags: 0x%02x (RSVD)", oflags);
    else
        tw_rec_flags(p, r, TW_RF_HIDDEN);
    tw_tree_push(p, r);
    int32_t rr = tw_add_bits(p, HF(F_OPT_FLAGS_RESERVED), off + 3, 1, b[3]);
    bool_label(p, rr, &fields[F_OPT_FLAGS_RESERVED], b[3]);
    /* a child of a hidden item is not shown either */
    if (!oflags) tw_rec_flags(p, rr, TW_RF_HIDDEN);
    tw_tree_pop(p);
    tw_add_uint(p, HF(F_OPT_LENGTH), off + 3, 1, len);
    uint32_t d = off + 4, dlen = len - 4;
    int ret = OPT_OK;
    switch ((uint32_t)cls << 8 | type) {
    case OPT_GCP_VNID: {
        /* 28 bits of VNI, 3 reserved bits, the direction bit: a 4-byte word, read as such even
         * when the option is shorter */
        struct tw_cur t = *c;
        t.off = d;
        uint32_t w = tw_cur_u32(&t);
        if (!tw_cur_ok(&t)) {
            c->err = t.err;
            ret = OPT_CUT;
            break;
        }
        r = tw_add_uint(p, HF(F_GCP_VNID), d, 4, w >> 4);
        if (r >= 0 && tw_want_labels(p)) {
            char pic[48];
            bit_picture(pic, w, 28);
            tw_rec_label(p, r, "%s = GCP Virtual Network ID: %u", pic, w >> 4);
        }
        tw_add_bits(p, HF(F_GCP_DIRECTION), d, 4, w);
        r = tw_add_bits(p, HF(F_GCP_RESERVED), d, 4, w);
        bool_label(p, r, &fields[F_GCP_RESERVED], w);
        break;
    }
    case OPT_GCP_ENDPOINT:
        tw_add_bytes(p, HF(F_GCP_ENDPOINT), c, d, dlen);
        break;
    case OPT_GCP_PROFILE: {
        /* an unsigned integer of 1 to 8 bytes; anything else tshark cannot read */
        /* (an item tshark only fakes, no tree showing it, is not checked) */
        if ((dlen < 1 || dlen > 8) && (p->tree_visible || tw_want(p, HF(F_GCP_PROFILE)))) {
            tw_type_length_mismatch(p, "an unsigned integer", d, dlen);
            ret = OPT_MALFORMED;
            break;
        }
        uint64_t v = 0;
        for (uint32_t i = 0; i < dlen && i < 8; i++) v = v << 8 | b[4 + i];
        tw_add_uint(p, HF(F_GCP_PROFILE), d, dlen, v);
        break;
    }
    default:
        tw_add_bytes(p, HF(F_UNKNOWN_DATA), c, d, dlen);
        break;
    }
    tw_tree_pop(p);
    return ret;
}

static enum tw_status dissect(struct tw_pkt *p, struct tw_cur *c)
{
    uint32_t off = c->off;
    tw_col_proto(p, "Geneve");
    tw_info_clear(p);

    uint8_t ver_opt = tw_cur_u8(c);
    if (!tw_cur_ok(c)) return TW_OK;
    uint8_t ver = ver_opt >> 6;
    tw_add_uint(p, HF(F_VERSION), off, 1, ver);
    if (ver != 0) {
        char msg[40];
        snprintf(msg, sizeof msg, "Unknown version %u", ver);
        expert_line(p, EX(E_VERSION_UNKNOWN), off, 1, msg);
        tw_info_printf(p, "Unknown Geneve version %u", ver);
    }
    uint32_t opts_len = (uint32_t)(ver_opt & 0x3f) * 4;
    tw_add_uint(p, HF(F_OPT_LENGTH), off, 1, opts_len);

    uint8_t flags = tw_cur_u8(c);
    if (!tw_cur_ok(c)) return TW_OK;
    int32_t r = tw_add_uint(p, HF(F_FLAGS), off + 1, 1, flags);
    if (r >= 0 && tw_want_labels(p)) {
        /* the names of the flags that are set follow the value */
        char lab[160];
        size_t n = (size_t)snprintf(lab, sizeof lab, "Flags: 0x%02x", flags);
        if ((flags & 0x80) && n < sizeof lab)
            n += (size_t)snprintf(lab + n, sizeof lab - n,
                                  ", Operations, Administration and Management Frame");
        if ((flags & 0x40) && n < sizeof lab)
            n += (size_t)snprintf(lab + n, sizeof lab - n, ", Critical Options Present");
        if ((flags & 0x3f) && n < sizeof lab) snprintf(lab + n, sizeof lab - n, ", Reserved");
        tw_rec_label(p, r, "%s", lab);
    }
    tw_tree_push(p, r);
    tw_add_bits(p, HF(F_FLAG_OAM), off + 1, 1, flags);
    tw_add_bits(p, HF(F_FLAG_CRITICAL), off + 1, 1, flags);
    r = tw_add_bits(p, HF(F_FLAG_RESERVED), off + 1, 1, flags);
    bool_label(p, r, &fields[F_FLAG_RESERVED], flags);
    tw_tree_pop(p);

    uint16_t ptype = tw_cur_u16(c);
    if (!tw_cur_ok(c)) return TW_OK;
    tw_add_uint(p, HF(F_PROTO_TYPE), off + 2, 2, ptype);
    {
        const char *nm = tw_vs_find(tw_etype_vals, ptype);
        tw_info_clear(p);
        if (nm)
            tw_info_printf(p, "Encapsulated %s", nm);
        else
            tw_info_printf(p, "Encapsulated 0x%04x (unknown)", ptype);
    }

    uint32_t vni = tw_cur_u24(c);
    if (!tw_cur_ok(c)) return TW_OK;
    tw_add_uint(p, HF(F_VNI), off + 4, 3, vni);
    tw_layer_label(p, "Generic Network Virtualization Encapsulation, VNI: 0x%06x%s", vni,
                   (flags & 0x80) ? ", OAM" : "");

    uint8_t rsvd = tw_cur_u8(c);
    if (!tw_cur_ok(c)) return TW_OK;
    r = tw_add_uint(p, HF(F_RESERVED), off + 7, 1, rsvd);
    if (!rsvd) tw_rec_flags(p, r, TW_RF_HIDDEN);

    /* tshark looks at the options only when it builds a tree */
    if (opts_len && p->has_tree) {
        uint32_t o = c->off;
        /* the options area is one item: all of it must be there */
        if (!tw_cur_need(c, opts_len)) return TW_OK;
        r = tw_add_bytes(p, HF(F_OPTIONS), c, o, opts_len);
        tw_rec_label(p, r, "Options: (%u bytes)", opts_len);
        tw_tree_push(p, r);
        uint32_t left = opts_len;
        while (left > 0) {
            const uint8_t *b = c->data + o;
            uint32_t olen = 4 + (uint32_t)(b[3] & 0x1f) * 4;
            if (olen > left) {
                char nm[128], msg[192];
                option_name(nm, sizeof nm, (uint16_t)(b[0] << 8 | b[1]), b[2]);
                snprintf(msg, sizeof msg, "%s (length of %u is past end of options)", nm, olen);
                expert_line(p, EX(E_OPT_LEN_INVALID), o + 3, 1, msg);
                break;
            }
            int st = dissect_option(p, c, o, olen);
            if (st == OPT_CUT) return TW_OK;
            if (st == OPT_MALFORMED) return TW_MALFORMED;
            o += olen;
            left -= olen;
        }
        tw_tree_pop(p);
    }
    if (!tw_cur_skip(c, opts_len)) return TW_OK;
    tw_layer_setlen(p, 8 + opts_len);

    struct tw_cur pl = tw_cur_rest(c);
    if (tw_dispatch_find(TW_TBL_ETHERTYPE, ptype) >= 0)
        tw_next(p, TW_TBL_ETHERTYPE, ptype, pl);
    else if (tw_cur_avail(&pl)) /* no bytes: tshark's data adds nothing, not even its name */
        tw_next(p, TW_TBL_NAME, TW_KEY_DATA, pl);
    return TW_OK;
}

static const struct tw_binding bindings[] = {{TW_TBL_UDP_PORT, 6081}};

const struct tw_proto tw_proto_geneve = {
    .abbrev = "geneve",
    .name = "Generic Network Virtualization Encapsulation",
    .short_name = "Geneve",
    .fields = fields,
    .nfields = F_COUNT,
    .experts = experts,
    .nexperts = E_COUNT,
    .bindings = bindings,
    .nbindings = TW_ARRAY_LEN(bindings),
    .dissect = dissect,
    .ids = &ids,
};
