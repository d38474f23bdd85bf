/* FDDI (ANSI X3.139, ISO 9314-2) as a link layer: LINKTYPE_FDDI (10), which Wireshark reads as
 * "FDDI with bit-swapped MAC addresses": a frame control octet, the destination and source
 * addresses (each octet's bits reversed for display, as tshark shows them), then 802.2 LLC for
 * LLC frames.
 *
 *   +----+-------------+-------------+---------------------------+
 *   | FC | DA (6)      | SA (6)      | LLC frame ...             |
 *   +----+-------------+-------------+---------------------------+
 *
 * FC is CLFF ZZZZ: class/length/format in the high nibble (0x5 asynchronous LLC, 0xd synchronous
 * LLC, 0x4 SMT, 0xc MAC, ...), its control bits in the low one (an LLC frame's priority in the
 * low three). */
#include "../dissect.h"

#include <stdio.h>

static struct tw_proto_ids ids;
#define HF(x) ((uint16_t)(ids.base + (x)))

enum { F_FC, F_CLF, F_PRIO, F_SMT_SUB, F_MAC_SUB, F_DST, F_SRC, F_ADDR, F_COUNT };

static const struct tw_vs clf_vals[] = {
    {0x0, "Void"}, {0x4, "SMT"},       {0x5, "Async LLC"},         {0x6, "Implementor Async"},
    {0x8, "Nonrestricted Token"},      {0xc, "MAC"},               {0xd, "Sync LLC"},
    {0xe, "Implementor Sync"},         {0, NULL}};
static const struct tw_vs smt_vals[] = {{1, "Info"}, {15, "Next Station Address"}, {0, NULL}};
static const struct tw_vs mac_vals[] = {{2, "Beacon"}, {3, "Claim"}, {0, NULL}};

static const struct tw_field_def fields[F_COUNT] = {
    [F_FC] = {"fddi.fc", "Frame Control", TW_FT_UINT8, TW_BASE_HEX},
    [F_CLF] = {"fddi.fc.clf", "Class/Length/Format", TW_FT_UINT8, TW_BASE_HEX, 0xf0, clf_vals},
    [F_PRIO] = {"fddi.fc.prio", "Priority", TW_FT_UINT8, TW_BASE_DEC, 0x07},
    [F_SMT_SUB] = {"fddi.fc.smt_subtype", "SMT Subtype", TW_FT_UINT8, TW_BASE_DEC, 0x0f, smt_vals},
    [F_MAC_SUB] = {"fddi.fc.mac_subtype", "MAC Subtype", TW_FT_UINT8, TW_BASE_DEC, 0x0f, mac_vals},
    [F_DST] = {"fddi.dst", "Destination", TW_FT_ETHER},
    [F_SRC] = {"fddi.src", "Source", TW_FT_ETHER},
    [F_ADDR] = {"fddi.addr", "Source or Destination Address", TW_FT_ETHER},
};

/* the frame control in words, as the protocol line and the FC item say it */
static void fc_text(uint8_t fc, char *out, size_t cap)
{
    switch (fc) {
    case 0x00: snprintf(out, cap, "Void frame"); return;
    case 0x80: snprintf(out, cap, "Nonrestricted token"); return;
    case 0xc0: snprintf(out, cap, "Restricted token"); return;
    case 0x41: snprintf(out, cap, "SMT info"); return;
    case 0x4f: snprintf(out, cap, "SMT Next station address"); return;
    case 0xc2: snprintf(out, cap, "MAC beacon"); return;
    case 0xc3: snprintf(out, cap, "MAC claim token"); return;
    }
    unsigned z = fc & 0x0f;
    switch (fc & 0xf0) {
    case 0xc0: snprintf(out, cap, "MAC frame, control %x", z); return;
    case 0x40: snprintf(out, cap, "SMT frame, control %x", z); return;
    case 0x50:
        if (fc & 0x08)
            snprintf(out, cap, "Async LLC frame, control %x", z);
        else
            snprintf(out, cap, "Async LLC frame, priority %u", fc & 0x07u);
        return;
    case 0xd0:
        if (z)
            snprintf(out, cap, "Sync LLC frame, control %x", z);
        else
            snprintf(out, cap, "Sync LLC frame");
        return;
    case 0x60: snprintf(out, cap, "Implementor async frame, control %x", z); return;
    case 0xe0: snprintf(out, cap, "Implementor sync frame, control %x", z); return;
    default: snprintf(out, cap, "Unknown frame type"); return;
    }
}

/* each address as visible item, then hidden repeats, as tshark adds them */
static void address(struct tw_pkt *p, uint16_t hf, uint32_t off, const uint8_t *a)
{
    tw_add_ptr(p, hf, off, 6, a, 6);
    tw_rec_flags(p, tw_add_ptr(p, HF(F_ADDR), off, 6, a, 6), TW_RF_HIDDEN);
    tw_rec_flags(p, tw_add_ptr(p, hf, off, 6, a, 6), TW_RF_HIDDEN);
    tw_rec_flags(p, tw_add_ptr(p, HF(F_ADDR), off, 6, a, 6), TW_RF_HIDDEN);
}

static uint8_t bitswap(uint8_t b)
{
    b = (uint8_t)((b & 0xf0) >> 4 | (b & 0x0f) << 4);
    b = (uint8_t)((b & 0xcc) >> 2 | (b & 0x33) << 2);
    return (uint8_t)((b & 0xaa) >> 1 | (b & 0x55) << 1);
}

static enum tw_status dissect(struct tw_pkt *p, struct tw_cur *c)
{
    uint32_t off = c->off;
    const uint8_t *h;
    if (!tw_cur_try_peek(c, 0, 1, &h)) {
        tw_cur_skip(c, 1); /* nothing: past the end */
        return TW_MALFORMED;
    }
    uint8_t fc = h[0];
    char txt[64];
    fc_text(fc, txt, sizeof txt);
    tw_layer_label(p, "Fiber Distributed Data Interface, %s", txt);
    tw_layer_setlen(p, 13);
    tw_col_proto(p, "FDDI");
    tw_info_set(p, txt);
    int32_t r = tw_add_uint(p, HF(F_FC), off, 1, fc);
    if (r >= 0 && tw_want_labels(p)) tw_rec_label(p, r, "Frame Control: 0x%02x (%s)", fc, txt);
    tw_tree_push(p, r);
    tw_add_bits(p, HF(F_CLF), off, 1, fc);
    switch (fc & 0xf0) {
    case 0x40: tw_add_bits(p, HF(F_SMT_SUB), off, 1, fc); break;
    case 0xc0: tw_add_bits(p, HF(F_MAC_SUB), off, 1, fc); break;
    case 0x50:
        if (!(fc & 0x08)) tw_add_bits(p, HF(F_PRIO), off, 1, fc);
        break;
    default: break;
    }
    tw_tree_pop(p);
    /* the addresses, bits reversed, each read as far as the frame goes (tshark stops at the
     * first one missing) */
    uint8_t *a = tw_arena_alloc(p->arena, 12);
    if (!a) return TW_MALFORMED;
    for (int k = 0; k < 2; k++) {
        if (!tw_cur_try_peek(c, 1 + 6u * (uint32_t)k, 6, &h)) {
            tw_cur_skip(c, tw_cur_left(c) + 1);
            return TW_MALFORMED;
        }
        for (int i = 0; i < 6; i++) a[6 * k + i] = bitswap(h[i]);
        if (k == 0) {
            p->dl_dst = (struct tw_addr){TW_AT_ETHER, 6, a};
            if (!p->dl_src.type) p->dl_src = (struct tw_addr){TW_AT_STR, 0, (const uint8_t *)""};
        } else {
            p->dl_src = (struct tw_addr){TW_AT_ETHER, 6, a + 6};
        }
        address(p, HF(k ? F_SRC : F_DST), off + 1 + 6u * (uint32_t)k, a + 6 * k);
    }
    tw_cur_skip(c, 13);
    struct tw_cur pl = tw_cur_rest(c);
    /* asynchronous LLC frames carry 802.2 LLC; everything else is data to tshark */
    if ((fc & 0xf0) == 0x50)
        tw_next(p, TW_TBL_NAME, TW_KEY_LLC, pl);
    else
        tw_next(p, TW_TBL_NAME, TW_KEY_DATA, pl);
    return TW_OK;
}

static const struct tw_binding bindings[] = {{TW_TBL_LINKTYPE, 10}};

const struct tw_proto tw_proto_fddi = {
    .abbrev = "fddi",
    .name = "Fiber Distributed Data Interface",
    .short_name = "FDDI",
    .fields = fields,
    .nfields = F_COUNT,
    .bindings = bindings,
    .nbindings = TW_ARRAY_LEN(bindings),
    .dissect = dissect,
    .ids = &ids,
};
