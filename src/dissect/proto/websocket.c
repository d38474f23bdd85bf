/* WebSocket (RFC 6455) as tshark 4.0 shows it, on a connection HTTP upgraded (a 101 Switching
 * Protocols answer with "Upgrade: websocket"; http.c hands the bytes after it here):
 *
 *   FIN | RSV1-3 | opcode (4) | MASK | payload length (7) [| 16 or 64-bit length] [| masking key]
 *   | payload
 *
 * A frame split over segments is asked from TCP (tcp_dissect_pdus). A masked payload is shown
 * as "Masked payload" and unmasked into a data source of its own. Text goes to the subprotocol
 * the handshake chose (SIP) or to data-text-lines; a message sent in fragments is reassembled
 * per direction and shown with its last fragment. Not done: permessage-deflate decompression
 * (tshark inflates such payloads; here they stay as they are).
 */
#include "../dissect.h"

#include <stdlib.h>
#include <string.h>
#include <zlib.h>

static struct tw_proto_ids ids;
#define HF(x) ((uint16_t)(ids.base + (x)))
#define EX(x) ((uint16_t)(ids.expert_base + (x)))

enum {
    F_FIN,
    F_RSV,
    F_PMC,
    F_OPCODE,
    F_MASK,
    F_PLEN,
    F_PLEN16,
    F_PLEN64,
    F_MASKKEY,
    F_PAYLOAD,
    F_MASKED,
    F_CONT,
    F_TEXT,
    F_CLOSE,
    F_CLOSE_CODE,
    F_CLOSE_REASON,
    F_PING,
    F_PONG,
    F_UNKNOWN,
    F_FRAGS,
    F_FRAG,
    F_FRAG_OVERLAP,
    F_FRAG_CONFLICT,
    F_FRAG_MULTI,
    F_FRAG_TOOLONG,
    F_FRAG_ERROR,
    F_FRAG_COUNT,
    F_REASM_LEN,
    F_COUNT
};

enum { E_UNKNOWN, E_INFLATE, E_COUNT };
static const struct tw_expert_def experts[E_COUNT] = {
    [E_UNKNOWN] = {"websocket.payload.unknown.expert", "decoder.websocket.payload.unknown.expert",
                   TW_SEV_NOTE, TW_GRP_UNDECODED, "Dissector for Websocket Opcode"},
    [E_INFLATE] = {"websocket.decompression.failed.expert",
                   "decoder.websocket.decompression.failed.expert", TW_SEV_WARN, TW_GRP_PROTOCOL,
                   "Decompression failed"},
};

static const struct tw_vs opcode_vals[] = {{0, "Continuation"}, {1, "Text"},
                                           {2, "Binary"},       {8, "Connection Close"},
                                           {9, "Ping"},         {10, "Pong"},
                                           {0, NULL}};
static const struct tw_vs close_vals[] = {{1000, "Normal Closure"},
                                          {1001, "Going Away"},
                                          {1002, "Protocol error"},
                                          {1003, "Unsupported Data"},
                                          {1004, "---Reserved----"},
                                          {1005, "No Status Rcvd"},
                                          {1006, "Abnormal Closure"},
                                          {1007, "Invalid frame payload data"},
                                          {1008, "Policy Violation"},
                                          {1009, "Message Too Big"},
                                          {1010, "Mandatory Ext."},
                                          {1011, "Internal Server"},
                                          {1015, "TLS handshake"},
                                          {0, NULL}};

static const struct tw_field_def fields[F_COUNT] = {
    [F_FIN] = {"websocket.fin", "Fin", TW_FT_BOOLEAN, 8, 0x80},
    [F_RSV] = {"websocket.rsv", "Reserved", TW_FT_UINT8, TW_BASE_HEX, 0x70},
    [F_PMC] = {"websocket.pmc", "Per-Message Compressed", TW_FT_BOOLEAN, 8, 0x40},
    [F_OPCODE] = {"websocket.opcode", "Opcode", TW_FT_UINT8, TW_BASE_DEC, 0x0f, opcode_vals},
    [F_MASK] = {"websocket.mask", "Mask", TW_FT_BOOLEAN, 8, 0x80},
    [F_PLEN] = {"websocket.payload_length", "Payload length", TW_FT_UINT8, TW_BASE_DEC, 0x7f},
    [F_PLEN16] = {"websocket.payload_length_ext_16", "Extended Payload length (16 bits)",
                  TW_FT_UINT16, TW_BASE_DEC},
    [F_PLEN64] = {"websocket.payload_length_ext_64", "Extended Payload length (64 bits)",
                  TW_FT_UINT64, TW_BASE_DEC},
    [F_MASKKEY] = {"websocket.masking_key", "Masking-Key", TW_FT_BYTES},
    [F_PAYLOAD] = {"websocket.payload", "Payload", TW_FT_NONE},
    [F_MASKED] = {"websocket.masked_payload", "Masked payload", TW_FT_NONE},
    [F_CONT] = {"websocket.payload.continue", "Continue", TW_FT_BYTES},
    [F_TEXT] = {"websocket.payload.text", "Text", TW_FT_STRING},
    [F_CLOSE] = {"websocket.payload.close", "Close", TW_FT_NONE},
    [F_CLOSE_CODE] = {"websocket.payload.close.status_code", "Status code", TW_FT_UINT16,
                      TW_BASE_DEC, 0, close_vals},
    [F_CLOSE_REASON] = {"websocket.payload.close.reason", "Reason", TW_FT_STRING},
    [F_PING] = {"websocket.payload.ping", "Ping", TW_FT_BYTES},
    [F_PONG] = {"websocket.payload.pong", "Pong", TW_FT_BYTES},
    [F_UNKNOWN] = {"websocket.payload.unknown", "Unknown", TW_FT_BYTES},
    [F_FRAGS] = {"websocket.fragments", "Reassembled websocket Fragments", TW_FT_NONE},
    [F_FRAG] = {"websocket.fragment", "Websocket Fragment", TW_FT_FRAMENUM},
    [F_FRAG_OVERLAP] = {"websocket.fragment.overlap", "Fragment overlap", TW_FT_BOOLEAN},
    [F_FRAG_CONFLICT] = {"websocket.fragment.overlap.conflict",
                         "Conflicting data in fragment overlap", TW_FT_BOOLEAN},
    [F_FRAG_MULTI] = {"websocket.fragment.multipletails", "Multiple tail fragments found",
                      TW_FT_BOOLEAN},
    [F_FRAG_TOOLONG] = {"websocket.fragment.toolongfragment", "Fragment too long",
                        TW_FT_BOOLEAN},
    [F_FRAG_ERROR] = {"websocket.fragment.error", "Defragmentation error", TW_FT_FRAMENUM},
    [F_FRAG_COUNT] = {"websocket.fragment.count", "Fragment count", TW_FT_UINT32, TW_BASE_DEC},
    [F_REASM_LEN] = {"websocket.reassembled.length", "Reassembled websocket Payload length",
                     TW_FT_UINT32, TW_BASE_DEC},
};

/* a message's fragments, per connection and direction */
#define MSG_MAX (1u << 20)
static struct tw_reasm reasm;
struct dir_state {
    uint32_t next_off; /* where the next fragment of the open message goes */
    uint8_t opcode;    /* the message's (its first fragment's) */
    bool open;
    bool comp;         /* the open message is compressed (its first frame's RSV1) */
    z_stream *z;       /* permessage-deflate: the direction's inflater (context takeover) */
};
static struct tw_state *dir_tab;

static void dir_drop(void *v)
{
    struct dir_state *ds = v;
    if (ds->z) {
        inflateEnd(ds->z);
        free(ds->z);
        ds->z = NULL;
    }
}

static void ws_init(void)
{
    tw_reasm_open(&reasm, "websocket.reasm", 4096, MSG_MAX, 1024, 64u << 20);
    dir_tab = tw_state_open("websocket.dir", sizeof(struct dir_state), 65536, dir_drop);
}

/* permessage-deflate (RFC 7692): the payload and 00 00 ff ff through the direction's raw
 * inflater, kept across messages unless that side has no context takeover; NULL on failure */
static uint8_t *inflate_msg(struct tw_pkt *p, struct dir_state *ds, bool reset, const uint8_t *in,
                            uint32_t n, uint32_t *outlen)
{
    if (!ds) return NULL;
    if (!ds->z) {
        ds->z = calloc(1, sizeof *ds->z);
        if (!ds->z) return NULL;
        if (inflateInit2(ds->z, -15) != Z_OK) {
            free(ds->z);
            ds->z = NULL;
            return NULL;
        }
    } else if (reset) {
        inflateReset(ds->z);
    }
    static const uint8_t tail[4] = {0, 0, 0xff, 0xff};
    size_t cap = (size_t)n * 4 + 64, len = 0;
    uint8_t *buf = malloc(cap);
    if (!buf) return NULL;
    int rc = Z_OK;
    for (int part = 0; part < 2 && rc != Z_DATA_ERROR && rc != Z_NEED_DICT && rc != Z_MEM_ERROR;
         part++) {
        ds->z->next_in = (Bytef *)(uintptr_t)(part ? tail : in);
        ds->z->avail_in = part ? 4 : n;
        while (ds->z->avail_in) {
            if (len == cap) {
                if (cap >= MSG_MAX) break;
                uint8_t *nb = realloc(buf, cap * 2);
                if (!nb) break;
                buf = nb;
                cap *= 2;
            }
            ds->z->next_out = buf + len;
            ds->z->avail_out = (uInt)(cap - len);
            rc = inflate(ds->z, Z_SYNC_FLUSH);
            len = cap - ds->z->avail_out;
            if (rc != Z_OK) break;
        }
    }
    uint8_t *o = NULL;
    if (rc != Z_DATA_ERROR && rc != Z_NEED_DICT && rc != Z_MEM_ERROR) {
        o = tw_arena_alloc(p->arena, len ? len : 1);
        if (o) {
            memcpy(o, buf, len);
            *outlen = (uint32_t)len;
        }
    } else {
        inflateReset(ds->z);
    }
    free(buf);
    return o;
}

static size_t dir_key(const struct tw_pkt *p, uint8_t *k)
{
    int dir = 0;
    size_t n = tw_conv_key(p, p->ctx.srcport, p->ctx.dstport, k, &dir);
    if (n < TW_STATE_KEY_MAX) k[n++] = (uint8_t)dir;
    return n;
}


/* the frame's whole length from its first bytes (0: more bytes needed to tell) */
static uint32_t pdu_len(struct tw_pkt *p, const struct tw_cur *c, uint32_t off, void *arg)
{
    (void)p;
    (void)arg;
    uint32_t avail = (c->cap < c->end ? c->cap : c->end) - off;
    const uint8_t *b = c->data + off;
    uint32_t hl = 2 + ((b[1] & 0x80) ? 4u : 0u);
    uint64_t len = b[1] & 0x7f;
    if (len == 126) {
        if (avail < 4) return 0;
        hl += 2;
        len = (uint64_t)b[2] << 8 | b[3];
    } else if (len == 127) {
        if (avail < 10) return 0;
        hl += 8;
        len = 0;
        for (int i = 0; i < 8; i++) len = len << 8 | b[2 + i];
    }
    uint64_t total = hl + len;
    return total > 0x7fffffffu ? 0x7fffffffu : (uint32_t)total;
}

static void info_add(struct tw_pkt *p, uint8_t opcode, bool fin, bool mask)
{
    if (!p->want_cols) return;
    /* tshark: "WebSocket", the opcode, then " [FIN] " or "[FRAGMENT] ", then "[MASKED]" */
    if (p->info.len && p->info.p[p->info.len - 1] != ' ') tw_info_add(p, " ");
    const char *op = tw_vs_find(opcode_vals, opcode);
    tw_info_printf(p, "WebSocket %s%s%s", op ? op : "Unknown Opcode", fin ? " [FIN] " : "[FRAGMENT] ",
                   !mask ? "" : fin ? "[MASKED]" : " [MASKED]");
}

/* text: data-text-lines, or the subprotocol the handshake chose */
static void text_payload(struct tw_pkt *p, struct tw_cur t)
{
    const char *sub = p->ctx.ws_protocol;
    uint32_t saved = p->ntree;
    if (sub && strcmp(sub, "sip") == 0) {
        uint32_t k = 5060;
        tw_dissect_here(p, TW_TBL_UDP_PORT, 1, &k, t);
    } else {
        uint32_t k = tw_media_key("text/plain", 10);
        tw_dissect_here(p, TW_TBL_MEDIA_TYPE, 1, &k, t);
    }
    p->ntree = saved;
}

struct pdus {
    uint32_t n, ntree;
};

static enum tw_status pdu(struct tw_pkt *p, struct tw_cur *c, void *arg)
{
    struct pdus *st = arg;
    if (st->n++ > 0 && p->nlayers)
        tw_layer_next_item(p, ids.field, c->off, c->end - c->off, st->ntree);
    const uint32_t o = c->off;
    const uint8_t *h = tw_cur_bytes(c, 2);
    if (!h) return c->err == TW_CUR_TRUNCATED ? TW_TRUNCATED : TW_MALFORMED;
    bool fin = h[0] & 0x80, mask = h[1] & 0x80;
    uint8_t opcode = h[0] & 0x0f, l7 = h[1] & 0x7f;
    tw_col_proto(p, "WebSocket");
    if (st->n == 1) tw_info_clear(p); /* (after HTTP's fence in the 101's segment) */
    info_add(p, opcode, fin, mask);
    tw_add_bits(p, HF(F_FIN), o, 1, h[0]);
    tw_add_bits(p, HF(F_RSV), o, 1, h[0]);
    bool deflate = p->ctx.ws_flags & TW_WS_DEFLATE;
    if (deflate) tw_add_bits(p, HF(F_PMC), o, 1, h[0]);
    bool compressed = deflate && (h[0] & 0x40);
    tw_add_bits(p, HF(F_OPCODE), o, 1, h[0]);
    tw_add_bits(p, HF(F_MASK), o + 1, 1, h[1]);
    int32_t lr = tw_add_bits(p, HF(F_PLEN), o + 1, 1, h[1]);
    uint64_t len = l7;
    if (l7 == 126) {
        if (tw_want_labels(p))
            tw_rec_label(p, lr, ".111 1110 = Payload length: 126 Extended Payload Length (16 bits)");
        uint32_t eo = c->off;
        const uint8_t *e = tw_cur_bytes(c, 2);
        if (!e) return c->err == TW_CUR_TRUNCATED ? TW_TRUNCATED : TW_MALFORMED;
        len = (uint64_t)e[0] << 8 | e[1];
        tw_add_uint(p, HF(F_PLEN16), eo, 2, len);
    } else if (l7 == 127) {
        if (tw_want_labels(p))
            tw_rec_label(p, lr, ".111 1111 = Payload length: 127 Extended Payload Length (64 bits)");
        uint32_t eo = c->off;
        const uint8_t *e = tw_cur_bytes(c, 8);
        if (!e) return c->err == TW_CUR_TRUNCATED ? TW_TRUNCATED : TW_MALFORMED;
        len = 0;
        for (int i = 0; i < 8; i++) len = len << 8 | e[i];
        tw_add_uint(p, HF(F_PLEN64), eo, 8, len);
    }
    uint8_t key[4] = {0, 0, 0, 0};
    if (mask) {
        uint32_t ko = c->off;
        const uint8_t *k = tw_cur_bytes(c, 4);
        if (!k) return c->err == TW_CUR_TRUNCATED ? TW_TRUNCATED : TW_MALFORMED;
        memcpy(key, k, 4);
        tw_add_ptr(p, HF(F_MASKKEY), ko, 4, k, 4);
    }
    if (len == 0) return TW_OK;
    uint32_t po = c->off, cap = c->cap < c->end ? c->cap : c->end;
    uint32_t n = len < (uint64_t)(c->end - po) ? (uint32_t)len : c->end - po;
    uint32_t have = po < cap ? (n < cap - po ? n : cap - po) : 0;
    struct tw_cur pay = *c;
    pay.off = po;
    pay.end = po + n;
    if (mask) {
        tw_add_rec(p, HF(F_MASKED), po, n);
        uint8_t *u = tw_arena_alloc(p->arena, have ? have : 1);
        if (!u) return TW_OK;
        for (uint32_t i = 0; i < have; i++) u[i] = c->data[po + i] ^ key[i & 3];
        pay = tw_new_source(p, u, have, "Unmasked data");
    }
    c->off = c->end;
    uint8_t saved_src = p->cur_src;
    if (mask) tw_use_source(p, pay.data);
    int32_t pr = tw_add_rec(p, HF(F_PAYLOAD), pay.off, tw_cur_left(&pay));
    tw_tree_push(p, pr);
    /* a message in fragments: reassembled per direction, shown with its last fragment */
    uint8_t dk[TW_STATE_KEY_MAX];
    size_t dkl = dir_key(p, dk);
    struct dir_state *ds = dir_tab && opcode < 8 ? tw_state_put(dir_tab, dk, dkl, NULL) : NULL;
    bool frag = ds && (!fin || (opcode == 0 && ds->open));
    struct tw_cur msg = pay;
    uint8_t mop = opcode;
    struct tw_reasm_result res;
    bool done = false;
    if (frag) {
        if (opcode != 0) { /* a new message begins */
            ds->open = true;
            ds->next_off = 0;
            ds->opcode = opcode;
            ds->comp = compressed;
        }
        mop = ds->opcode;
        uint32_t fo = ds->next_off;
        uint32_t fl = tw_cur_left(&pay) < tw_cur_avail(&pay) ? tw_cur_left(&pay) : tw_cur_avail(&pay);
        done = tw_reasm_add(&reasm, p, dk, dkl, fo, pay.data + pay.off, fl, !fin, &res) && fin;
        ds->next_off = fo + fl;
        if (fin) ds->open = false;
    }
    if (frag && !done) {
        tw_tree_pop(p);
        p->cur_src = saved_src;
        return TW_OK;
    }
    if (frag && done) {
        msg = tw_new_source(p, res.data, res.len, "Reassembled Message");
        tw_use_source(p, msg.data);
    }
    bool from_server = p->ctx.srcport == p->ctx.ws_server_port;
    /* a message is compressed when its first frame says so (RSV1) */
    bool msg_comp = frag ? ds->comp : compressed;
    if (msg_comp && ds) {
        bool reset = p->ctx.ws_flags & (from_server ? TW_WS_SERVER_NO_CTX : TW_WS_CLIENT_NO_CTX);
        uint32_t ul = 0;
        uint8_t *u = inflate_msg(p, ds, reset, msg.data + msg.off, tw_cur_avail(&msg), &ul);
        if (u) {
            msg = tw_new_source(p, u, ul, "Decompressed payload");
            tw_use_source(p, msg.data);
        } else {
            tw_expert(p, EX(E_INFLATE), msg.off, tw_cur_avail(&msg), NULL);
        }
    }
    uint32_t ml = tw_cur_avail(&msg);
    const uint8_t *m = msg.data + msg.off;
    switch (mop) {
    case 1: /* (a subprotocol shows the text itself) */
        if (!p->ctx.ws_protocol) tw_add_ptr(p, HF(F_TEXT), msg.off, ml, m, ml);
        break;
    case 2:
        break;
    case 8: {
        int32_t cr = tw_add_rec(p, HF(F_CLOSE), msg.off, ml);
        tw_tree_push(p, cr);
        if (ml >= 2) tw_add_uint(p, HF(F_CLOSE_CODE), msg.off, 2, (uint32_t)m[0] << 8 | m[1]);
        if (ml > 2) tw_add_ascii(p, HF(F_CLOSE_REASON), msg.off + 2, ml - 2, m + 2);
        tw_tree_pop(p);
        break;
    }
    case 9:
        tw_add_ptr(p, HF(F_PING), msg.off, ml, m, ml);
        break;
    case 10:
        tw_add_ptr(p, HF(F_PONG), msg.off, ml, m, ml);
        break;
    default: {
        int32_t ur = tw_add_ptr(p, HF(F_UNKNOWN), msg.off, ml, m, ml);
        tw_tree_push(p, ur);
        tw_expert(p, EX(E_UNKNOWN), msg.off, ml,
                  "Dissector for Websocket Opcode (%u) code not implemented, Contact Wireshark "
                  "developers if you want this supported",
                  mop);
        tw_tree_pop(p);
        break;
    }
    }
    tw_tree_pop(p);
    if (frag && done) {
        struct tw_reasm_fields f = {.one = "Reassembled websocket Fragment",
                                    .many = "Reassembled websocket Fragments"};
        f.fragments = HF(F_FRAGS);
        f.fragment = HF(F_FRAG);
        f.error = HF(F_FRAG_ERROR);
        f.overlap = HF(F_FRAG_OVERLAP);
        f.conflict = HF(F_FRAG_CONFLICT);
        f.multiple_tails = HF(F_FRAG_MULTI);
        f.too_long = HF(F_FRAG_TOOLONG);
        f.count = HF(F_FRAG_COUNT);
        f.length = HF(F_REASM_LEN);
        uint32_t saved = p->ntree;
        p->ntree = 0; /* at the top of the tree, as tshark's */
        tw_reasm_tree(p, &res, &f);
        p->ntree = saved;
    }
    if (mop == 1 && ml) text_payload(p, msg);
    else if (mop == 2 && ml) {
        uint32_t k = TW_KEY_DATA, saved = p->ntree;
        tw_dissect_here(p, TW_TBL_NAME, 1, &k, msg);
        p->ntree = saved;
    }
    p->cur_src = saved_src;
    return TW_OK;
}

static enum tw_status dissect(struct tw_pkt *p, struct tw_cur *c)
{
    struct pdus st = {0, p->ntree ? p->ntree - 1 : 0};
    uint32_t me = p->nlayers - 1;
    enum tw_status r = tw_tcp_pdus(p, c, 2, pdu_len, pdu, &st);
    /* a segment that only starts a frame (TCP keeps it) lists neither WebSocket nor the HTTP
     * that handed it over, as in tshark */
    if (st.n == 0 && r == TW_OK) {
        tw_layer_unrecord(p);
        tw_layer_hide(p);
        if (me >= 1 && strcmp(tw_proto_get(p->layers[me - 1].proto)->abbrev, "http") == 0)
            p->layers[me - 1].hidden = true;
    }
    return r;
}

static const struct tw_binding bindings[] = {{TW_TBL_NAME, TW_KEY_WEBSOCKET}};

const struct tw_proto tw_proto_websocket = {
    .abbrev = "websocket",
    .name = "WebSocket",
    .short_name = "WebSocket",
    .fields = fields,
    .nfields = F_COUNT,
    .experts = experts,
    .nexperts = E_COUNT,
    .bindings = bindings,
    .nbindings = TW_ARRAY_LEN(bindings),
    .dissect = dissect,
    .init = ws_init,
    .ids = &ids,
};
