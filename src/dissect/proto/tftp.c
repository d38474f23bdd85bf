/* TFTP (RFC 1350, options RFC 2347-2349) on UDP 69 as tshark 4.0 shows it: opcode, file name and
 * transfer type of requests with their options, block numbers, error code and message, option
 * acknowledgements; data blocks go to the data protocol, the last one (shorter than the block
 * size) is marked so in Info.
 *
 * tshark's conversation rule: a read or write request makes a conversation for the client's
 * address and port with the server's port left open, because the server answers from a port of
 * its own. Packets of that conversation are TFTP whatever their ports, and UDP counts it as a
 * new stream from its first packet: here a table of the transfers keyed by the client's address
 * and port, tw_udp_conv_expect() for udp.stream, and a heuristic on UDP that recognises the
 * transfer's later packets. Not done: reassembly of the file, windowsize/tsize experts. */
#include "../dissect.h"

#include <string.h>

#include "ike_vals.h"

static struct tw_proto_ids ids;

enum {
    F_OPCODE,
    F_SOURCE_FILE,
    F_DEST_FILE,
    F_REQUEST_FRAME,
    F_TYPE,
    F_BLOCK,
    F_BLOCK_FULL,
    F_ERROR_CODE,
    F_ERROR_MSG,
    F_OPT_NAME,
    F_OPT_VALUE,
    F_COUNT
};

static const struct tw_field_def fields[F_COUNT] = {
    [F_OPCODE] = {"tftp.opcode", "Opcode", TW_FT_UINT16, TW_BASE_DEC, 0, tftp_opcode_vals},
    [F_SOURCE_FILE] = {"tftp.source_file", "Source File", TW_FT_STRINGZ},
    [F_DEST_FILE] = {"tftp.destination_file", "Destination File", TW_FT_STRINGZ},
    [F_REQUEST_FRAME] = {"tftp.request_frame", "Request frame", TW_FT_FRAMENUM},
    [F_TYPE] = {"tftp.type", "Type", TW_FT_STRINGZ},
    [F_BLOCK] = {"tftp.block", "Block", TW_FT_UINT16, TW_BASE_DEC},
    [F_BLOCK_FULL] = {"tftp.block.full", "Full Block Number", TW_FT_UINT32, TW_BASE_DEC},
    [F_ERROR_CODE] = {"tftp.error.code", "Error code", TW_FT_UINT16, TW_BASE_DEC, 0,
                      tftp_error_vals},
    [F_ERROR_MSG] = {"tftp.error.message", "Error message", TW_FT_STRINGZ},
    [F_OPT_NAME] = {"tftp.option.name", "Option name", TW_FT_STRINGZ},
    [F_OPT_VALUE] = {"tftp.option.value", "Option value", TW_FT_STRINGZ},
};
#define HF(x) ((uint16_t)(ids.base + (x)))

enum { E_ERROR, E_COUNT };
static const struct tw_expert_def experts[E_COUNT] = {
    [E_ERROR] = {"tftp.error", "decoder.tftp.error", TW_SEV_WARN, TW_GRP_RESPONSE_CODE,
                 "TFTP ERROR packet"},
};
#define EX(x) ((uint16_t)(ids.expert_base + (x)))

#define NAME_MAX_LEN 128
struct xfer {
    uint32_t req_frame;
    bool write;
    uint16_t blksize;
    uint32_t last_block, wraps; /* for the full block number */
    char file[NAME_MAX_LEN];
};
static struct tw_state *xfers;

static void tftp_init(void)
{
    xfers = tw_state_open("tftp.xfer", sizeof(struct xfer), 4096, NULL);
}

/* the key of a transfer: the client's address and port (as UDP's wildcard conversations) */
static size_t xkey(const struct tw_addr *a, uint16_t port, uint8_t *k)
{
    size_t n = 0;
    k[n++] = a->len;
    memcpy(k + n, a->p, a->len);
    n += a->len;
    k[n++] = (uint8_t)(port >> 8);
    k[n++] = (uint8_t)port;
    return n;
}

static struct xfer *find_xfer(const struct tw_pkt *p)
{
    if (!xfers || p->ctx.in_error_pkt) return NULL;
    const struct tw_addr *s = &p->ctx.ip_src, *d = &p->ctx.ip_dst;
    if (!s->p || !d->p || s->len > 16 || d->len > 16) return NULL;
    uint8_t k[TW_STATE_KEY_MAX];
    struct xfer *x = tw_state_get(xfers, k, xkey(s, p->ctx.srcport, k));
    if (!x) x = tw_state_get(xfers, k, xkey(d, p->ctx.dstport, k));
    return x;
}

static bool heur_tftp(struct tw_pkt *p, const struct tw_cur *c)
{
    const uint8_t *b;
    if (!tw_cur_try_peek(c, 0, 2, &b)) return false;
    uint16_t op = (uint16_t)(b[0] << 8 | b[1]);
    if (op < 1 || op > 6) return false;
    return find_xfer(p) != NULL;
}

/* a NUL-terminated string at o (within n bytes from o); returns its length with the NUL, or 0
 * when there is no NUL (the string runs to the end) */
static uint32_t strz(const uint8_t *b, uint32_t o, uint32_t n, uint32_t *slen)
{
    const uint8_t *z = memchr(b + o, 0, n - o);
    *slen = z ? (uint32_t)(z - (b + o)) : n - o;
    return z ? *slen + 1 : *slen;
}

static enum tw_status dissect_tftp(struct tw_pkt *p, struct tw_cur *c)
{
    uint32_t off = c->off, avail = tw_cur_avail(c), rep = tw_cur_left(c);
    const uint8_t *d = c->data + off;
    tw_col_proto(p, "TFTP");
    tw_info_clear(p);
    c->off = c->end;
    if (avail < 2) return rep >= 2 ? TW_TRUNCATED : TW_MALFORMED;
    uint16_t op = (uint16_t)(d[0] << 8 | d[1]);
    const char *on = tw_vs_find(tftp_opcode_vals, op);
    if (on)
        tw_info_set(p, on);
    else
        tw_info_printf(p, "Unknown (0x%04x)", op);
    tw_add_uint(p, HF(F_OPCODE), off, 2, op);
    struct xfer *x = NULL;
    if ((op == 1 || op == 2) && xfers && !p->ctx.in_error_pkt && p->ctx.ip_src.p &&
        p->ctx.ip_src.len <= 16) {
        uint8_t k[TW_STATE_KEY_MAX];
        size_t kl = xkey(&p->ctx.ip_src, p->ctx.srcport, k);
        bool fresh = false;
        x = tw_state_put(xfers, k, kl, &fresh);
        if (x && fresh)
            tw_udp_conv_expect(p->ctx.ip_src.p, p->ctx.ip_src.len, p->ctx.srcport, TW_MEDIA_NONE);
        if (x) {
            x->req_frame = (uint32_t)p->frame->recno;
            x->write = op == 2;
            x->blksize = 512;
            x->last_block = 0;
            x->wraps = 0;
            x->file[0] = 0;
        }
    } else {
        x = find_xfer(p);
    }
    if ((op == 3 || op == 4 || op == 5) && x && x->file[0]) {
        /* tshark names the file of either direction "Destination File" here */
        int32_t r = tw_add_strf(p, HF(F_DEST_FILE), off, 0, "%s", x->file);
        tw_rec_flags(p, r, TW_RF_GENERATED);
        r = tw_add_uint(p, HF(F_REQUEST_FRAME), off, 0, x->req_frame);
        tw_rec_flags(p, r, TW_RF_GENERATED);
        if (tw_want_labels(p))
            tw_rec_label(p, r, "%s Request in frame %u", x->write ? "Write" : "Read", x->req_frame);
    }
    uint32_t o = 2, sl = 0, n;
    switch (op) {
    case 1:
    case 2: {
        n = strz(d, o, avail, &sl);
        if (o + n > avail || d[o + n - 1]) /* no NUL: the string runs past the data */
            return avail < rep ? TW_TRUNCATED : TW_MALFORMED;
        tw_add_ascii(p, HF(op == 1 ? F_SOURCE_FILE : F_DEST_FILE), off + o, n, d + o);
        if (x) {
            uint32_t k = sl < NAME_MAX_LEN - 1 ? sl : NAME_MAX_LEN - 1;
            memcpy(x->file, d + o, k);
            x->file[k] = 0;
        }
        if (p->want_cols) {
            tw_info_add(p, ", File: ");
            tw_info_addn(p, (const char *)d + o, sl);
        }
        o += n;
        if (o >= avail) break;
        n = strz(d, o, avail, &sl);
        tw_add_ascii(p, HF(F_TYPE), off + o, n, d + o);
        if (p->want_cols) {
            tw_info_add(p, ", Transfer type: ");
            tw_info_addn(p, (const char *)d + o, sl);
        }
        o += n;
    }
        /* fall through to the options */
    case 6:
        while (o < avail) {
            uint32_t nl, vl;
            uint32_t nn = strz(d, o, avail, &nl);
            if (o + nn >= avail) break;
            uint32_t vn = strz(d, o + nn, avail, &vl);
            tw_add_ascii(p, HF(F_OPT_NAME), off + o, nn, d + o);
            tw_add_ascii(p, HF(F_OPT_VALUE), off + o + nn, vn, d + o + nn);
            if (p->want_cols) {
                tw_info_add(p, ", ");
                tw_info_addn(p, (const char *)d + o, nl);
                tw_info_add(p, "=");
                tw_info_addn(p, (const char *)d + o + nn, vl);
            }
            if (x && nl == 7 && strncmp((const char *)d + o, "blksize", 7) == 0) {
                uint32_t v = 0;
                for (uint32_t i = 0; i < vl && i < 6; i++)
                    if (d[o + nn + i] >= '0' && d[o + nn + i] <= '9')
                        v = v * 10 + (uint32_t)(d[o + nn + i] - '0');
                if (v >= 8 && v <= 65464) x->blksize = (uint16_t)v;
            }
            o += nn + vn;
        }
        break;
    case 3:
    case 4: {
        if (avail < 4) return rep >= 4 ? TW_TRUNCATED : TW_MALFORMED;
        uint16_t blk = (uint16_t)(d[2] << 8 | d[3]);
        tw_add_uint(p, HF(F_BLOCK), off + 2, 2, blk);
        uint32_t full = blk;
        if (x) {
            if (op == 3) {
                if (blk < (x->last_block & 0xffff) && (x->last_block & 0xffff) > 0xff00) x->wraps++;
                full = x->wraps << 16 | blk;
                x->last_block = full;
            } else {
                full = (x->last_block & ~0xffffu) | blk;
            }
        }
        int32_t r = tw_add_uint(p, HF(F_BLOCK_FULL), off + 2, 0, full);
        tw_rec_flags(p, r, TW_RF_GENERATED);
        tw_info_printf(p, ", Block: %u", blk);
        if (op == 3) {
            uint32_t dl = rep - 4;
            if (dl < (x ? x->blksize : 512u)) tw_info_add(p, " (last)");
            if (rep > 4) {
                struct tw_cur dc = *c;
                dc.off = off + 4;
                tw_next(p, TW_TBL_NAME, TW_KEY_DATA, dc);
            }
        }
        break;
    }
    case 5: {
        if (avail < 4) return rep >= 4 ? TW_TRUNCATED : TW_MALFORMED;
        uint16_t ec = (uint16_t)(d[2] << 8 | d[3]);
        tw_add_uint(p, HF(F_ERROR_CODE), off + 2, 2, ec);
        const char *en = tw_vs_find(tftp_error_vals, ec);
        tw_info_printf(p, ", Code: %s", en ? en : "Unknown");
        if (avail > 4) {
            n = strz(d, 4, avail, &sl);
            tw_add_ascii(p, HF(F_ERROR_MSG), off + 4, n, d + 4);
            if (p->want_cols) {
                tw_info_add(p, ", Message: ");
                tw_info_addn(p, (const char *)d + 4, sl);
            }
        }
        tw_expert(p, EX(E_ERROR), off, 0, "%s", experts[E_ERROR].summary);
        break;
    }
    }
    return avail < rep ? TW_TRUNCATED : TW_OK;
}

static const struct tw_binding bindings[] = {{TW_TBL_UDP_PORT, 69}};

const struct tw_proto tw_proto_tftp = {
    .abbrev = "tftp",
    .name = "Trivial File Transfer Protocol",
    .short_name = "TFTP",
    .fields = fields,
    .nfields = F_COUNT,
    .experts = experts,
    .nexperts = E_COUNT,
    .bindings = bindings,
    .nbindings = TW_ARRAY_LEN(bindings),
    .dissect = dissect_tftp,
    .init = tftp_init,
    .ids = &ids,
    .heur = heur_tftp,
    .heur_tables = {TW_TBL_UDP_PORT},
};
