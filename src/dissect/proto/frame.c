/* Frame: the capture record itself (times, lengths, interface, comments), the root of every
 * packet. Its fields are Wireshark's frame.* so that scripts carry over. */
#include "../internal.h"

#include <stdio.h>

struct tw_proto_ids tw_ids_frame;
#define HF(x) ((uint16_t)(tw_ids_frame.base + (x)))

enum {
    F_SECTION,
    F_IFACE_ID,
    F_IFACE_NAME,
    F_IFACE_DESCR,
    F_ENCAP,
    F_TIME,
    F_OFFSET_SHIFT,
    F_TIME_EPOCH,
    F_TIME_DELTA,
    F_TIME_DELTA_DISP,
    F_TIME_REL,
    F_NUMBER,
    F_LEN,
    F_CAP_LEN,
    F_MARKED,
    F_IGNORED,
    F_PROTOCOLS,
    F_COMMENT,
    F_PKT_FLAGS,
    F_PKT_FLAGS_DIR,
    F_PKT_FLAGS_RECEPTION,
    F_PKT_FLAGS_FCSLEN,
    F_PKT_FLAGS_RESERVED,
    F_PKT_FLAGS_CRC,
    F_PKT_FLAGS_TOOLONG,
    F_PKT_FLAGS_TOOSHORT,
    F_PKT_FLAGS_IFG,
    F_PKT_FLAGS_UNALIGNED,
    F_PKT_FLAGS_SFD,
    F_PKT_FLAGS_PREAMBLE,
    F_PKT_FLAGS_SYMBOL,
    F_COUNT
};
const uint16_t tw_frame_field_protocols = F_PROTOCOLS;

static const struct tw_vs dir_vals[] = {
    {0, "Information not available"}, {1, "Inbound"}, {2, "Outbound"}, {0, NULL}};
static const struct tw_vs reception_vals[] = {{0, "Not specified"}, {1, "Unicast"},
                                              {2, "Multicast"},     {3, "Broadcast"},
                                              {4, "Promiscuous"},   {0, NULL}};

static const struct tw_field_def fields[F_COUNT] = {
    [F_SECTION] = {"frame.section_number", "Section number", TW_FT_UINT32, TW_BASE_DEC},
    [F_IFACE_ID] = {"frame.interface_id", "Interface id", TW_FT_UINT32, TW_BASE_DEC},
    [F_IFACE_NAME] = {"frame.interface_name", "Interface name", TW_FT_STRING},
    [F_IFACE_DESCR] = {"frame.interface_description", "Interface description", TW_FT_STRING},
    [F_ENCAP] = {"frame.encap_type", "Encapsulation type", TW_FT_INT16, TW_BASE_DEC},
    [F_TIME] = {"frame.time", "Arrival Time", TW_FT_ABSOLUTE_TIME, TW_ABSTIME_LOCAL},
    [F_OFFSET_SHIFT] = {"frame.offset_shift", "Time shift for this packet", TW_FT_RELATIVE_TIME},
    [F_TIME_EPOCH] = {"frame.time_epoch", "Epoch Time", TW_FT_RELATIVE_TIME},
    [F_TIME_DELTA] = {"frame.time_delta", "Time delta from previous captured frame",
                      TW_FT_RELATIVE_TIME},
    [F_TIME_DELTA_DISP] = {"frame.time_delta_displayed", "Time delta from previous displayed frame",
                           TW_FT_RELATIVE_TIME},
    [F_TIME_REL] = {"frame.time_relative", "Time since reference or first frame",
                    TW_FT_RELATIVE_TIME},
    [F_NUMBER] = {"frame.number", "Frame Number", TW_FT_UINT32, TW_BASE_DEC},
    [F_LEN] = {"frame.len", "Frame Length", TW_FT_UINT32, TW_BASE_DEC},
    [F_CAP_LEN] = {"frame.cap_len", "Capture Length", TW_FT_UINT32, TW_BASE_DEC},
    [F_MARKED] = {"frame.marked", "Frame is marked", TW_FT_BOOLEAN, 0},
    [F_IGNORED] = {"frame.ignored", "Frame is ignored", TW_FT_BOOLEAN, 0},
    [F_PROTOCOLS] = {"frame.protocols", "Protocols in frame", TW_FT_STRING},
    [F_COMMENT] = {"frame.comment", "Comment", TW_FT_STRING},
    [F_PKT_FLAGS] = {"frame.packet_flags", "Packet flags", TW_FT_UINT32, TW_BASE_HEX},
    [F_PKT_FLAGS_DIR] = {"frame.packet_flags_direction", "Direction", TW_FT_UINT32, TW_BASE_HEX,
                         0x3, dir_vals},
    [F_PKT_FLAGS_RECEPTION] = {"frame.packet_flags_reception_type", "Reception type",
                               TW_FT_UINT32, TW_BASE_DEC, 0x1c, reception_vals},
    [F_PKT_FLAGS_FCSLEN] = {"frame.packet_flags_fcs_length", "FCS length", TW_FT_UINT32,
                            TW_BASE_DEC, 0x1e0},
    [F_PKT_FLAGS_RESERVED] = {"frame.packet_flags_reserved", "Reserved", TW_FT_UINT32,
                              TW_BASE_DEC, 0xfe00},
    [F_PKT_FLAGS_CRC] = {"frame.packet_flags_crc_error", "CRC error", TW_FT_BOOLEAN, 32,
                         0x1000000, NULL, NULL, &tw_tfs_set_notset},
    [F_PKT_FLAGS_TOOLONG] = {"frame.packet_flags_packet_too_error", "Packet too long error",
                             TW_FT_BOOLEAN, 32, 0x2000000, NULL, NULL, &tw_tfs_set_notset},
    [F_PKT_FLAGS_TOOSHORT] = {"frame.packet_flags_packet_too_short_error",
                              "Packet too short error", TW_FT_BOOLEAN, 32, 0x4000000, NULL, NULL,
                              &tw_tfs_set_notset},
    [F_PKT_FLAGS_IFG] = {"frame.packet_flags_wrong_inter_frame_gap_error",
                         "Wrong interframe gap error", TW_FT_BOOLEAN, 32, 0x8000000, NULL, NULL,
                         &tw_tfs_set_notset},
    [F_PKT_FLAGS_UNALIGNED] = {"frame.packet_flags_unaligned_frame_error",
                               "Unaligned frame error", TW_FT_BOOLEAN, 32, 0x10000000, NULL, NULL,
                               &tw_tfs_set_notset},
    [F_PKT_FLAGS_SFD] = {"frame.packet_flags_start_frame_delimiter_error",
                         "Start frame delimiter error", TW_FT_BOOLEAN, 32, 0x20000000, NULL, NULL,
                         &tw_tfs_set_notset},
    [F_PKT_FLAGS_PREAMBLE] = {"frame.packet_flags_preamble_error", "Preamble error",
                              TW_FT_BOOLEAN, 32, 0x40000000, NULL, NULL, &tw_tfs_set_notset},
    [F_PKT_FLAGS_SYMBOL] = {"frame.packet_flags_symbol_error", "Symbol error", TW_FT_BOOLEAN, 32,
                            0x80000000, NULL, NULL, &tw_tfs_set_notset},
};

static const struct tw_expert_def experts[] = {
    {"frame.comment.expert", "frame.comment", TW_SEV_COMMENT, TW_GRP_COMMENTS_GROUP,
     "Formatted comment"},
    {"frame.len_lt_caplen", "capture.len_lt_caplen", TW_SEV_ERROR, TW_GRP_MALFORMED,
     "Frame length is less than captured length"},
    /* trawl's own (Wireshark has no such item): a capture point that timestamps frames out of
     * the order it wrote them in (seed 000's "negative delta times") */
    {"frame.time_delta_negative", "frame.time_delta_negative", TW_SEV_NOTE, TW_GRP_SEQUENCE,
     "Arrival time is earlier than the previous frame's (negative time delta)"},
};
enum { E_COMMENT, E_LEN_LT_CAPLEN, E_DELTA_NEGATIVE };
#define EX(x) ((uint16_t)(tw_ids_frame.expert_base + (x)))

static enum tw_status dissect(struct tw_pkt *p, struct tw_cur *c)
{
    const struct tw_frame *f = p->frame;
    const struct tw_iface *ifc = p->iface;
    bool labels = tw_want_labels(p);
    int32_t r;

    if (tw_layer_recorded(p)) {
        if (ifc)
            tw_layer_label(p,
                           "Frame %llu: %u bytes on wire (%llu bits), %u bytes captured (%llu bits) "
                           "on interface %s, id %u",
                           (unsigned long long)f->recno, f->wirelen, (unsigned long long)f->wirelen * 8,
                           f->caplen, (unsigned long long)f->caplen * 8,
                           ifc->name ? ifc->name : "unknown", f->iface);
        else
            tw_layer_label(p, "Frame %llu: %u bytes on wire (%llu bits), %u bytes captured (%llu bits)",
                           (unsigned long long)f->recno, f->wirelen, (unsigned long long)f->wirelen * 8,
                           f->caplen, (unsigned long long)f->caplen * 8);
    }
    for (uint32_t i = 0; i < f->ncomments; i++) {
        r = tw_add_ptr(p, HF(F_COMMENT), 0, 0, (const uint8_t *)f->comments[i].p, f->comments[i].n);
        tw_tree_push(p, r);
        if (labels)
            tw_expert(p, EX(E_COMMENT), 0, 0, "%.*s", (int)f->comments[i].n, f->comments[i].p);
        tw_tree_pop(p);
    }
    if (ifc) {
        tw_add_uint(p, HF(F_SECTION), 0, 0, (uint64_t)ifc->section + 1);
        r = tw_add_uint(p, HF(F_IFACE_ID), 0, 0, f->iface);
        if (labels)
            tw_rec_label(p, r, "Interface id: %u (%s)", f->iface, ifc->name ? ifc->name : "unknown");
        tw_tree_push(p, r);
        const char *nm = ifc->name ? ifc->name : "unknown";
        tw_add_ptr(p, HF(F_IFACE_NAME), 0, 0, (const uint8_t *)nm, (uint32_t)strlen(nm));
        if (ifc->descr)
            tw_add_ptr(p, HF(F_IFACE_DESCR), 0, 0, (const uint8_t *)ifc->descr,
                       (uint32_t)strlen(ifc->descr));
        tw_tree_pop(p);
    }
    if (f->has_flags) {
        r = tw_add_uint(p, HF(F_PKT_FLAGS), 0, 0, f->flags);
        tw_tree_push(p, r);
        for (int i = F_PKT_FLAGS_DIR; i <= F_PKT_FLAGS_SYMBOL; i++)
            tw_add_bits(p, HF(i), 0, 0, f->flags);
        tw_tree_pop(p);
    }
    int wt = tw_want(p, HF(F_ENCAP)) ? tw_linktype_to_wtap(f->linktype) : 0;
    r = tw_add_int(p, HF(F_ENCAP), 0, 0, wt);
    if (labels) {
        const char *nm = tw_linktype_name(f->linktype);
        if (nm) tw_rec_label(p, r, "Encapsulation type: %s (%d)", nm, wt);
        else tw_rec_label(p, r, "Encapsulation type: Unknown (LINKTYPE %u)", f->linktype);
    }
    tw_add_time(p, HF(F_TIME), 0, 0, f->ts);
    r = tw_add_time(p, HF(F_OFFSET_SHIFT), 0, 0, (struct tw_time){0, 0});
    tw_rec_flags(p, r, TW_RF_GENERATED);
    tw_add_time(p, HF(F_TIME_EPOCH), 0, 0, f->ts);
    r = tw_add_time(p, HF(F_TIME_DELTA), 0, 0, p->delta);
    tw_rec_flags(p, r, TW_RF_GENERATED);
    if (TW_UNLIKELY(p->delta.sec < 0 || p->delta.nsec < 0)) {
        tw_tree_push(p, r);
        tw_expert(p, EX(E_DELTA_NEGATIVE), 0, 0, NULL);
        tw_tree_pop(p);
    }
    r = tw_add_time(p, HF(F_TIME_DELTA_DISP), 0, 0, p->delta_disp);
    tw_rec_flags(p, r, TW_RF_GENERATED);
    r = tw_add_time(p, HF(F_TIME_REL), 0, 0, p->rel);
    tw_rec_flags(p, r, TW_RF_GENERATED);
    tw_add_uint(p, HF(F_NUMBER), 0, 0, f->recno);
    r = tw_add_uint(p, HF(F_LEN), 0, 0, f->wirelen);
    if (labels) tw_rec_label(p, r, "Frame Length: %u bytes (%llu bits)", f->wirelen, (unsigned long long)f->wirelen * 8);
    r = tw_add_uint(p, HF(F_CAP_LEN), 0, 0, f->caplen);
    if (labels) tw_rec_label(p, r, "Capture Length: %u bytes (%llu bits)", f->caplen, (unsigned long long)f->caplen * 8);
    if (f->wirelen < f->caplen) tw_expert(p, EX(E_LEN_LT_CAPLEN), 0, 0, NULL);
    r = tw_add_uint(p, HF(F_MARKED), 0, 0, 0);
    tw_rec_flags(p, r, TW_RF_GENERATED);
    r = tw_add_uint(p, HF(F_IGNORED), 0, 0, 0);
    tw_rec_flags(p, r, TW_RF_GENERATED);

    p->ctx.fcs_len = f->fcs_len > 0 ? (uint32_t)f->fcs_len : 0;
    tw_next(p, TW_TBL_LINKTYPE, f->linktype, *c);
    return TW_OK;
}

const struct tw_proto tw_proto_frame = {
    .abbrev = "frame",
    .name = "Frame",
    .short_name = "Frame",
    .fields = fields,
    .nfields = F_COUNT,
    .experts = experts,
    .nexperts = TW_ARRAY_LEN(experts),
    .dissect = dissect,
    .ids = &tw_ids_frame,
    .flags = TW_PROTO_NO_COLUMN,
};
