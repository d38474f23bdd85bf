/* Bidirectional Forwarding Detection: control packets (RFC 5880 section 4, on UDP 3784 single hop
 * per RFC 5881, 4784 multihop per RFC 5883, 6784 on LAG per RFC 7130, 7784 seamless BFD per
 * RFC 7881) and echo packets (UDP 3785, whose content only the sender understands). Version 0
 * (draft-katz-ward-bfd-01) has H/D/P/F flags where version 1 has the session state.
 *
 *    0                   1                   2                   3
 *    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |Vers |  Diag   |Sta|P|F|C|A|D|M|  Detect Mult  |    Length     |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                  My / Your Discriminator (2 x 32)             |
 *   |   Desired Min TX, Required Min RX, Required Min Echo RX (us)  |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |   Auth Type   |   Auth Len    |  Auth Key ID  |  ...          |   (when A is set)
 *
 * Authentication (section 4.2-4.4): simple password (key id, 1-16 bytes of password), keyed and
 * meticulous keyed MD5 (length 24) and SHA1 (length 28): key id, reserved, sequence number and
 * the digest, which Wireshark names bfd.checksum.
 */
#include "../dissect.h"

#include <stdio.h>

static struct tw_proto_ids ids, echo_ids;
#define HF(x) ((uint16_t)(ids.base + (x)))
#define EX(x) ((uint16_t)(ids.expert_base + (x)))

enum {
    F_VERSION,
    F_DIAG,
    F_STA,
    F_FLAGS,
    F_FLAG_H,
    F_FLAG_D0,
    F_FLAG_P0,
    F_FLAG_F0,
    F_FLAG_P,
    F_FLAG_F,
    F_FLAG_C,
    F_FLAG_A,
    F_FLAG_D,
    F_FLAG_M,
    F_MULT,
    F_LENGTH,
    F_MY_DISC,
    F_YOUR_DISC,
    F_TX,
    F_RX,
    F_ECHO_RX,
    F_CHECKSUM,
    F_AUTH_TYPE,
    F_AUTH_LEN,
    F_AUTH_KEY,
    F_AUTH_PASSWORD,
    F_AUTH_SEQ,
    F_COUNT
};

static const struct tw_vs diag_vals[] = {{0, "No Diagnostic"},
                                         {1, "Control Detection Time Expired"},
                                         {2, "Echo Function Failed"},
                                         {3, "Neighbor Signaled Session Down"},
                                         {4, "Forwarding Plane Reset"},
                                         {5, "Path Down"},
                                         {6, "Concatenated Path Down"},
                                         {7, "Administratively Down"},
                                         {8, "Reverse Concatenated Path Down"},
                                         {9, "Mis-Connectivity Defect"},
                                         {0, NULL}};
static const struct tw_vs sta_vals[] = {
    {0, "AdminDown"}, {1, "Down"}, {2, "Init"}, {3, "Up"}, {0, NULL}};
static const struct tw_vs auth_vals[] = {{1, "Simple Password"},       {2, "Keyed MD5"},
                                         {3, "Meticulous Keyed MD5"},  {4, "Keyed SHA1"},
                                         {5, "Meticulous Keyed SHA1"}, {0, NULL}};

#define SN &tw_tfs_set_notset
static const struct tw_field_def fields[F_COUNT] = {
    [F_VERSION] = {"bfd.version", "Protocol Version", TW_FT_UINT8, TW_BASE_DEC, 0xe0, NULL, NULL,
                   NULL, "The version number of the BFD protocol"},
    [F_DIAG] = {"bfd.diag", "Diagnostic Code", TW_FT_UINT8, TW_BASE_HEX, 0x1f, diag_vals, NULL,
                NULL, "This field give the reason for a BFD session failure"},
    [F_STA] = {"bfd.sta", "Session State", TW_FT_UINT8, TW_BASE_HEX, 0xc0, sta_vals, NULL, NULL,
               "The BFD state as seen by the transmitting system"},
    [F_FLAGS] = {"bfd.flags", "Message Flags", TW_FT_UINT8, TW_BASE_HEX},
    [F_FLAG_H] = {"bfd.flags.h", "I hear you", TW_FT_BOOLEAN, 8, 0x80, NULL, NULL, SN},
    [F_FLAG_D0] = {"bfd.flags.d", "Demand", TW_FT_BOOLEAN, 8, 0x40, NULL, NULL, SN},
    [F_FLAG_P0] = {"bfd.flags.p", "Poll", TW_FT_BOOLEAN, 8, 0x20, NULL, NULL, SN},
    [F_FLAG_F0] = {"bfd.flags.f", "Final", TW_FT_BOOLEAN, 8, 0x10, NULL, NULL, SN},
    [F_FLAG_P] = {"bfd.flags.p", "Poll", TW_FT_BOOLEAN, 6, 0x20, NULL, NULL, SN,
                  "If set, the transmitting system is expecting a packet with the Final (F) bit "
                  "in reply"},
    [F_FLAG_F] = {"bfd.flags.f", "Final", TW_FT_BOOLEAN, 6, 0x10, NULL, NULL, SN,
                  "If set, the transmitting system is replying to a packet with the Poll (P) bit "
                  "set"},
    [F_FLAG_C] = {"bfd.flags.c", "Control Plane Independent", TW_FT_BOOLEAN, 6, 0x08, NULL, NULL,
                  SN, "If set, the BFD implementation is implemented in the forwarding plane"},
    [F_FLAG_A] = {"bfd.flags.a", "Authentication Present", TW_FT_BOOLEAN, 6, 0x04, NULL, NULL, SN,
                  "The Authentication Section is present"},
    [F_FLAG_D] = {"bfd.flags.d", "Demand", TW_FT_BOOLEAN, 6, 0x02, NULL, NULL, SN,
                  "If set, Demand mode is active in the transmitting system"},
    [F_FLAG_M] = {"bfd.flags.m", "Multipoint", TW_FT_BOOLEAN, 6, 0x01, NULL, NULL, SN,
                  "Reserved for future point-to-multipoint extensions"},
    [F_MULT] = {"bfd.detect_time_multiplier", "Detect Time Multiplier", TW_FT_UINT8, TW_BASE_DEC, 0,
                NULL, NULL, NULL,
                "The transmit interval multiplied by this value is the failure detection time"},
    [F_LENGTH] = {"bfd.message_length", "Message Length", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL,
                  NULL, "Length of the BFD Control packet, in bytes", " bytes"},
    [F_MY_DISC] = {"bfd.my_discriminator", "My Discriminator", TW_FT_UINT32, TW_BASE_HEX},
    [F_YOUR_DISC] = {"bfd.your_discriminator", "Your Discriminator", TW_FT_UINT32, TW_BASE_HEX},
    [F_TX] = {"bfd.desired_min_tx_interval", "Desired Min TX Interval", TW_FT_UINT32, TW_BASE_DEC,
              0, NULL, NULL, NULL,
              "The minimum interval to use when transmitting BFD Control packets"},
    [F_RX] = {"bfd.required_min_rx_interval", "Required Min RX Interval", TW_FT_UINT32, TW_BASE_DEC,
              0, NULL, NULL, NULL,
              "The minimum interval between received BFD Control packets that this system can "
              "support"},
    [F_ECHO_RX] = {"bfd.required_min_echo_interval", "Required Min Echo Interval", TW_FT_UINT32,
                   TW_BASE_DEC, 0, NULL, NULL, NULL,
                   "The minimum interval between received BFD Echo packets that this system can "
                   "support"},
    [F_CHECKSUM] = {"bfd.checksum", "Checksum", TW_FT_BYTES},
    [F_AUTH_TYPE] = {"bfd.auth.type", "Authentication Type", TW_FT_UINT8, TW_BASE_DEC, 0, auth_vals,
                     NULL, NULL, "The type of authentication in use on this session"},
    [F_AUTH_LEN] = {"bfd.auth.len", "Authentication Length", TW_FT_UINT8, TW_BASE_DEC, 0, NULL,
                    NULL, NULL, "The length, in bytes, of the authentication section", " bytes"},
    [F_AUTH_KEY] = {"bfd.auth.key", "Authentication Key ID", TW_FT_UINT8, TW_BASE_DEC, 0, NULL,
                    NULL, NULL,
                    "The Authentication Key ID, identifies which password is in use for this "
                    "packet"},
    [F_AUTH_PASSWORD] = {"bfd.auth.password", "Password", TW_FT_STRING, TW_BASE_NONE, 0, NULL, NULL,
                         NULL, "The simple password in use on this session"},
    [F_AUTH_SEQ] = {"bfd.auth.seq_num", "Sequence Number", TW_FT_UINT32, TW_BASE_HEX, 0, NULL, NULL,
                    NULL,
                    "The Sequence Number is periodically incremented to prevent replay attacks"},
};

enum { E_AUTH_LEN, E_NO_DATA, E_COUNT };
static const struct tw_expert_def experts[E_COUNT] = {
    [E_AUTH_LEN] = {"bfd.auth.len.invalid", "decoder.bfd.auth_len_invalid", TW_SEV_WARN,
                    TW_GRP_MALFORMED, "Length of authentication section is invalid"},
    [E_NO_DATA] = {"bfd.auth.no_data", "decoder.bfd.auth_no_data", TW_SEV_WARN, TW_GRP_MALFORMED,
                   "Authentication flag is set in a BFD packet, but no authentication data is "
                   "present"},
};

/* a uint item showing "N ms (N us)" */
static void add_interval(struct tw_pkt *p, int f, uint32_t off, uint32_t v)
{
    int32_t r = tw_add_uint(p, HF(f), off, 4, v);
    tw_rec_label(p, r, "%s: %4u ms (%u us)", fields[f].name, v / 1000, v);
}

/* the authentication section at off (the control header's 24 bytes before it) */
static void dissect_auth(struct tw_pkt *p, struct tw_cur *c, uint32_t off)
{
    struct tw_cur a = *c;
    a.off = off;
    uint8_t type = tw_cur_u8(&a);
    uint8_t len = tw_cur_u8(&a);
    if (a.err) {
        c->err = a.err;
        return;
    }
    const char *tn = tw_vs_find(auth_vals, type);
    int32_t st =
        tw_add_text(p, off, len, "Authentication: %s", tn ? tn : "Unknown Authentication Type");
    if (st >= 0 && !tn)
        tw_rec_label(p, st, "Authentication: Unknown Authentication Type (%u)", type);
    tw_tree_push(p, st);
    tw_add_uint(p, HF(F_AUTH_TYPE), off, 1, type);
    tw_add_uint(p, HF(F_AUTH_LEN), off + 1, 1, len);
    uint8_t key = tw_cur_u8(&a);
    if (a.err) goto out;
    tw_add_uint(p, HF(F_AUTH_KEY), off + 2, 1, key);
    if (type == 1) {
        uint32_t n = len >= 3 ? len - 3u : 0;
        const uint8_t *pw = tw_cur_bytes(&a, n);
        if (pw) tw_add_ascii(p, HF(F_AUTH_PASSWORD), off + 3, n, pw);
    } else if (type >= 2 && type <= 5) {
        uint32_t need = type <= 3 ? 24 : 28, dlen = type <= 3 ? 16 : 20;
        if (len != need) {
            /* Wireshark's proto_tree_add_expert: a text line with the expert under it */
            int32_t t = tw_add_text(p, off, len,
                                    "Length of authentication section (%u) is invalid for "
                                    "Authentication Type: %s",
                                    len, tn);
            tw_tree_push(p, t);
            tw_expert(p, EX(E_AUTH_LEN), off, len,
                      "Length of authentication section (%u) is invalid for Authentication Type: "
                      "%s",
                      len, tn);
            tw_tree_pop(p);
        }
        if (!p->has_tree) goto out; /* Wireshark adds the rest only with a tree */
        a.off = off + 4;
        uint32_t seq = tw_cur_u32(&a);
        if (a.err) goto out;
        tw_add_uint(p, HF(F_AUTH_SEQ), off + 4, 4, seq);
        const uint8_t *d = tw_cur_bytes(&a, dlen);
        if (d) tw_add_ptr(p, HF(F_CHECKSUM), off + 8, dlen, d, dlen);
    }
out:
    tw_tree_pop(p);
    if (a.err) c->err = a.err;
}

static enum tw_status dissect(struct tw_pkt *p, struct tw_cur *c)
{
    const uint32_t start = c->off;
    tw_info_clear(p);
    /* Wireshark reads the whole fixed header before it adds anything */
    struct tw_cur h = *c;
    if (!tw_cur_skip(&h, 24)) {
        c->err = h.err;
        tw_layer_unrecord(p);
        return TW_OK;
    }
    const uint8_t *b = c->data + start;
    uint8_t version = b[0] >> 5, diag = b[0] & 0x1f, flags = b[1];
    uint8_t sta = version == 0 ? 0 : flags >> 6;
    uint8_t fl = version == 0 ? flags : (flags & 0x3e);
    uint8_t mult = b[2], length = b[3];
    uint32_t v[5];
    for (int i = 0; i < 5; i++)
        v[i] = (uint32_t)b[4 + 4 * i] << 24 | (uint32_t)b[5 + 4 * i] << 16 |
               (uint32_t)b[6 + 4 * i] << 8 | b[7 + 4 * i];
    const char *dn = tw_vs_find(diag_vals, diag);
    if (version == 0 && diag > 7) dn = NULL;
    if (version == 0)
        tw_info_printf(p, "Diag: %s, Flags: 0x%02x", dn ? dn : "Unknown", fl);
    else
        tw_info_printf(p, "Diag: %s, State: %s, Flags: 0x%02x", dn ? dn : "Unknown",
                       tw_vs_find(sta_vals, sta), fl);
    tw_layer_label(p, "BFD Control message");
    tw_layer_setlen(p, length);

    tw_add_uint(p, HF(F_VERSION), start, 1, version);
    tw_add_uint(p, HF(F_DIAG), start, 1, diag);
    if (version != 0) tw_add_uint(p, HF(F_STA), start + 1, 1, sta);
    int32_t r = tw_add_uint(p, HF(F_FLAGS), start + 1, 1, flags);
    if (r >= 0 && tw_want_labels(p)) {
        char lab[160];
        int n = snprintf(lab, sizeof lab, "Message Flags: 0x%02x", flags);
        int first = version == 0 ? F_FLAG_H : F_FLAG_P, last = version == 0 ? F_FLAG_F0 : F_FLAG_M;
        for (int f = first; f <= last && n > 0 && (size_t)n < sizeof lab; f++)
            if (flags & fields[f].mask)
                n += snprintf(lab + n, sizeof lab - (size_t)n, ", %s: Set", fields[f].name);
        tw_rec_label(p, r, "%s", lab);
    }
    tw_tree_push(p, r);
    if (version == 0) {
        for (int f = F_FLAG_H; f <= F_FLAG_F0; f++) tw_add_bits(p, HF(f), start + 1, 1, flags);
    } else {
        for (int f = F_FLAG_P; f <= F_FLAG_M; f++) tw_add_bits(p, HF(f), start + 1, 1, flags);
    }
    tw_tree_pop(p);
    r = tw_add_uint(p, HF(F_MULT), start + 2, 1, mult);
    tw_rec_label(p, r, "Detect Time Multiplier: %u (= %u ms Detection time)", mult,
                 mult * (v[2] / 1000));
    tw_add_uint(p, HF(F_LENGTH), start + 3, 1, length);
    tw_add_uint(p, HF(F_MY_DISC), start + 4, 4, v[0]);
    tw_add_uint(p, HF(F_YOUR_DISC), start + 8, 4, v[1]);
    add_interval(p, F_TX, start + 12, v[2]);
    add_interval(p, F_RX, start + 16, v[3]);
    add_interval(p, F_ECHO_RX, start + 20, v[4]);

    if (version != 0 && (flags & 0x04)) {
        if (length >= 28)
            dissect_auth(p, c, start + 24);
        else {
            int32_t t =
                tw_add_text(p, start + 24, length > 24 ? length - 24u : 0,
                            "Authentication: Length of the BFD frame is invalid (%u)", length);
            tw_tree_push(p, t);
            tw_expert(p, EX(E_NO_DATA), start + 24, length > 24 ? length - 24u : 0,
                      "Authentication: Length of the BFD frame is invalid (%u)", length);
            tw_tree_pop(p);
        }
    }
    return TW_OK;
}

enum { FE_PACKET, FE_COUNT };
static const struct tw_field_def echo_fields[FE_COUNT] = {
    [FE_PACKET] = {"bfd_echo.packet", "Echo", TW_FT_BYTES, TW_BASE_NONE, 0, NULL, NULL, NULL,
                   "Originator specific echo packet"},
};

static enum tw_status dissect_echo(struct tw_pkt *p, struct tw_cur *c)
{
    uint32_t n = tw_cur_left(c);
    tw_info_clear(p);
    tw_info_add(p, "Originator specific content");
    tw_layer_label(p, "BFD Echo message");
    tw_layer_setlen(p, n);
    uint32_t have = tw_cur_avail(c);
    tw_add_ptr(p, (uint16_t)(echo_ids.base + FE_PACKET), c->off, n, c->data + c->off, have);
    return TW_OK;
}

static const struct tw_binding bindings[] = {{TW_TBL_UDP_PORT, 3784},
                                             {TW_TBL_UDP_PORT, 4784},
                                             {TW_TBL_UDP_PORT, 6784},
                                             {TW_TBL_UDP_PORT, 7784}};

const struct tw_proto tw_proto_bfd = {
    .abbrev = "bfd",
    .name = "Bidirectional Forwarding Detection Control Message",
    .short_name = "BFD Control",
    .fields = fields,
    .nfields = F_COUNT,
    .experts = experts,
    .nexperts = E_COUNT,
    .bindings = bindings,
    .nbindings = TW_ARRAY_LEN(bindings),
    .dissect = dissect,
    .ids = &ids,
};

static const struct tw_binding echo_bindings[] = {{TW_TBL_UDP_PORT, 3785}};

const struct tw_proto tw_proto_bfd_echo = {
    .abbrev = "bfd_echo",
    .name = "Bidirectional Forwarding Detection Echo Packet",
    .short_name = "BFD Echo",
    .fields = echo_fields,
    .nfields = FE_COUNT,
    .bindings = echo_bindings,
    .nbindings = TW_ARRAY_LEN(echo_bindings),
    .dissect = dissect_echo,
    .ids = &echo_ids,
};
