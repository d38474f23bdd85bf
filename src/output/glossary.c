/* -G protocols and -G fields, in tshark's tab-separated layout. */
#include "internal.h"

static const char *const ft_names[TW_FT_COUNT] = {
    "FT_NONE",    "FT_PROTOCOL", "FT_BOOLEAN", "FT_CHAR",    "FT_UINT8",   "FT_UINT16",
    "FT_UINT24",  "FT_UINT32",   "FT_UINT40",  "FT_UINT48",  "FT_UINT56",  "FT_UINT64",
    "FT_INT8",    "FT_INT16",    "FT_INT24",   "FT_INT32",   "FT_INT40",   "FT_INT48",
    "FT_INT56",   "FT_INT64",    "FT_FLOAT",   "FT_DOUBLE",  "FT_ABSOLUTE_TIME",
    "FT_RELATIVE_TIME", "FT_STRING", "FT_STRINGZ", "FT_UINT_STRING", "FT_ETHER", "FT_BYTES",
    "FT_UINT_BYTES", "FT_IPv4", "FT_IPv6", "FT_FRAMENUM", "FT_GUID", "FT_OID", "FT_EUI64"};

static const char *base_name(const struct tw_field_def *d)
{
    if (d->type == TW_FT_BOOLEAN) return NULL; /* printed as a number */
    if (d->type == TW_FT_ABSOLUTE_TIME) {
        switch (d->display) {
        case TW_ABSTIME_UTC: return "ABSOLUTE_TIME_UTC";
        case TW_ABSTIME_DOY_UTC: return "ABSOLUTE_TIME_DOY_UTC";
        default: return "ABSOLUTE_TIME_LOCAL";
        }
    }
    if (!tw_ft_is_uint(d->type) && !tw_ft_is_int(d->type)) return "";
    switch (d->display) {
    case TW_BASE_DEC: return "BASE_DEC";
    case TW_BASE_HEX: return "BASE_HEX";
    case TW_BASE_OCT: return "BASE_OCT";
    case TW_BASE_DEC_HEX: return "BASE_DEC_HEX";
    case TW_BASE_HEX_DEC: return "BASE_HEX_DEC";
    case TW_BASE_CUSTOM: return "BASE_CUSTOM";
    case TW_BASE_OUI: return "BASE_OUI";
    case TW_BASE_PT_UDP: return "BASE_PT_UDP";
    case TW_BASE_PT_TCP: return "BASE_PT_TCP";
    default: return "BASE_NONE";
    }
}

void tw_print_glossary(struct tw_out *out, const char *what)
{
    struct tw_buf *b = &out->b;
    uint32_t np = tw_proto_count();
    if (strcmp(what, "protocols") == 0) {
        for (uint32_t i = 0; i < np; i++) {
            const struct tw_proto *pr = tw_proto_get((uint16_t)i);
            tw_buf_printf(b, "%s\t%s\t%s\n", pr->name, pr->short_name, pr->abbrev);
        }
    } else {
        uint32_t n = tw_field_count();
        for (uint32_t id = 1; id < n; id++) {
            const struct tw_field_info *fi = tw_field((uint16_t)id);
            const struct tw_field_def *d = fi->def;
            if (fi->same_name) continue; /* tshark lists a name once */
            if (fi->is_proto) {
                tw_buf_printf(b, "P\t%s\t%s\n", d->name, d->abbrev);
                continue;
            }
            const struct tw_proto *pr = tw_proto_get(fi->proto);
            const char *bn = base_name(d);
            tw_buf_printf(b, "F\t%s\t%s\t%s\t%s\t", d->name, d->abbrev, ft_names[d->type],
                          pr->abbrev);
            if (bn) tw_buf_adds(b, bn);
            else tw_buf_printf(b, "%u", d->display);
            tw_buf_printf(b, "\t0x%llx\t%s\n", (unsigned long long)d->mask, d->blurb ? d->blurb : "");
        }
    }
    tw_out_flush(out);
}
