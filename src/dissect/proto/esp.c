/* IP Encapsulating Security Payload (RFC 4303 section 2). Without keys only the SPI and the
 * sequence number can be read; the rest is ciphertext (tshark shows nothing more by default).
 * Like tshark, the sequence numbers of each SPI are checked for gaps and repeats.
 *
 *    0                   1                   2                   3
 *    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |               Security Parameters Index (SPI)                 |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                      Sequence Number                          |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                    Payload Data* (variable)                   |
 *   ~                                                               ~
 */
#include "../dissect.h"

#include <stdio.h>
#include <stdlib.h>

static struct tw_proto_ids ids;
#define HF(x) ((uint16_t)(ids.base + (x)))
#define EX(x) ((uint16_t)(ids.expert_base + (x)))

enum {
    F_SPI, F_SEQUENCE, F_PAD, F_PAD_LEN, F_PROTOCOL, F_IV, F_ENCRYPTED, F_DECRYPTED, F_CONTAINED,
    F_ICV, F_ICV_GOOD, F_ICV_BAD, F_EXPECTED_SN, F_PREVIOUS_FRAME,
    F_COUNT
};
static const struct tw_field_def fields[F_COUNT] = {
    [F_SPI] = {"esp.spi", "ESP SPI", TW_FT_UINT32, TW_BASE_HEX_DEC, 0, NULL, NULL, NULL,
               "IP Encapsulating Security Payload Security Parameters Index"},
    [F_SEQUENCE] = {"esp.sequence", "ESP Sequence", TW_FT_UINT32, TW_BASE_DEC, 0, NULL, NULL, NULL,
                    "IP Encapsulating Security Payload Sequence Number"},
    [F_PAD] = {"esp.pad", "Pad", TW_FT_BYTES, TW_BASE_NONE},
    [F_PAD_LEN] = {"esp.pad_len", "ESP Pad Length", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL, NULL,
                   "IP Encapsulating Security Payload Pad Length"},
    [F_PROTOCOL] = {"esp.protocol", "ESP Next Header", TW_FT_UINT8, TW_BASE_HEX, 0, NULL, NULL,
                    NULL, "IP Encapsulating Security Payload Next Header"},
    [F_IV] = {"esp.iv", "ESP IV", TW_FT_BYTES, TW_BASE_NONE, 0, NULL, NULL, NULL,
              "IP Encapsulating Security Payload Initialization Vector"},
    [F_ENCRYPTED] = {"esp.encrypted_data", "ESP Encrypted Data", TW_FT_BYTES, TW_BASE_NONE, 0, NULL,
                     NULL, NULL, "IP Encapsulating Security Payload Encrypted Data"},
    [F_DECRYPTED] = {"esp.decrypted_data", "ESP Decrypted Data", TW_FT_BYTES, TW_BASE_NONE, 0, NULL,
                     NULL, NULL, "IP Encapsulating Security Payload Decrypted Data"},
    [F_CONTAINED] = {"esp.contained_data", "ESP Contained Data", TW_FT_BYTES, TW_BASE_NONE, 0, NULL,
                     NULL, NULL, "IP Encapsulating Security Payload Contained Data"},
    [F_ICV] = {"esp.icv", "ESP ICV", TW_FT_BYTES, TW_BASE_NONE, 0, NULL, NULL, NULL,
               "IP Encapsulating Security Payload Integrity Check Value"},
    [F_ICV_GOOD] = {"esp.icv_good", "Good", TW_FT_BOOLEAN, 0, 0, NULL, NULL, NULL,
                    "True: ICV matches packet content; False: doesn't match content or not "
                    "checked"},
    [F_ICV_BAD] = {"esp.icv_bad", "Bad", TW_FT_BOOLEAN, 0, 0, NULL, NULL, NULL,
                   "True: ICV doesn't match packet content; False: matches content or not "
                   "checked"},
    [F_EXPECTED_SN] = {"esp.sequence-analysis.expected-sn", "Expected SN", TW_FT_UINT32,
                       TW_BASE_DEC},
    [F_PREVIOUS_FRAME] = {"esp.sequence-analysis.previous-frame", "Previous Frame", TW_FT_FRAMENUM,
                          TW_BASE_NONE},
};
static const struct tw_expert_def experts[] = {
    {"esp.sequence-analysis.wrong-sequence-number", "decoder.esp.wrong_sequence_number",
     TW_SEV_WARN, TW_GRP_SEQUENCE, "Wrong Sequence Number"},
};

/* ---- per-SPI sequence state (Wireshark's esp.do_esp_sequence_analysis, on by default) ---- */
struct spi_state {
    uint32_t spi;
    uint32_t prev_seq;
    uint64_t prev_frame;
    bool used;
};
static struct spi_state *spis;
static uint32_t spi_mask, spi_count;
static bool seq_analysis = true;
#define SPI_MAX (1u << 20) /* hostile traffic cannot grow the table further */

static bool spi_grow(void)
{
    uint32_t cap = spis ? (spi_mask + 1) * 2 : 256;
    struct spi_state *n = calloc(cap, sizeof *n);
    if (!n) return false;
    for (uint32_t i = 0; spis && i <= spi_mask; i++) {
        if (!spis[i].used) continue;
        uint32_t h = (spis[i].spi * 2654435761u) & (cap - 1);
        while (n[h].used) h = (h + 1) & (cap - 1);
        n[h] = spis[i];
    }
    free(spis);
    spis = n;
    spi_mask = cap - 1;
    return true;
}

/* The state of an SPI, created on first sight (*created); NULL when the table is full. */
static struct spi_state *spi_find(uint32_t spi, bool *created)
{
    *created = false;
    if ((!spis || (spi_count + 1) * 2 > spi_mask + 1) && spi_count < SPI_MAX) spi_grow();
    if (!spis) return NULL;
    uint32_t h = (spi * 2654435761u) & spi_mask;
    for (uint32_t i = 0; i <= spi_mask; i++, h = (h + 1) & spi_mask) {
        if (spis[h].used && spis[h].spi == spi) return &spis[h];
        if (!spis[h].used) {
            if ((spi_count + 1) * 2 > spi_mask + 1) return NULL; /* full: not tracked */
            spis[h].used = true;
            spis[h].spi = spi;
            spi_count++;
            *created = true;
            return &spis[h];
        }
    }
    return NULL;
}

static void sequence_analysis(struct tw_pkt *p, uint32_t start, uint32_t spi, uint32_t seq)
{
    bool created;
    struct spi_state *st = spi_find(spi, &created);
    if (!st) return;
    uint64_t frame = p->frame->recno;
    if (created) {
        st->prev_seq = seq;
        st->prev_frame = frame;
        return;
    }
    uint32_t expected = st->prev_seq + 1;
    if (seq != expected) {
        int32_t r = tw_add_uint(p, HF(F_EXPECTED_SN), start, 0, expected);
        tw_rec_flags(p, r, TW_RF_GENERATED);
        if (seq > expected && tw_want_labels(p))
            tw_rec_label(p, r, "Expected SN: %u (%u SNs missing)", expected, seq - expected);
        int32_t rf = tw_add_uint(p, HF(F_PREVIOUS_FRAME), start, 0, st->prev_frame);
        tw_rec_flags(p, rf, TW_RF_GENERATED);
        tw_tree_push(p, r);
        if (seq == st->prev_seq)
            tw_expert(p, EX(0), start, 0, "Wrong Sequence Number for SPI %08x - %u repeated", spi,
                      seq);
        else if (seq > expected)
            tw_expert(p, EX(0), start, 0, "Wrong Sequence Number for SPI %08x - %u missing", spi,
                      seq - expected);
        else
            tw_expert(p, EX(0), start, 0,
                      "Wrong Sequence Number for SPI %08x - %u less than expected", spi,
                      expected - seq);
        tw_tree_pop(p);
    }
    st->prev_seq = seq;
    st->prev_frame = frame;
}

static enum tw_status dissect(struct tw_pkt *p, struct tw_cur *c)
{
    uint32_t start = c->off;
    tw_info_clear(p);
    uint32_t spi = tw_cur_u32(c);
    if (c->err) return TW_OK;
    tw_add_uint(p, HF(F_SPI), start, 4, spi);
    uint32_t seq = tw_cur_u32(c);
    if (c->err) return TW_OK;
    tw_add_uint(p, HF(F_SEQUENCE), start + 4, 4, seq);
    tw_info_printf(p, "ESP (SPI=0x%08x)", spi);
    if (seq_analysis) sequence_analysis(p, start, spi, seq);
    /* the payload is encrypted: nothing more to show without keys */
    return TW_OK;
}

static void esp_init(void)
{
    free(spis);
    spis = NULL;
    spi_mask = spi_count = 0;
    seq_analysis = tw_pref_bool("esp.do_esp_sequence_analysis", true);
}

static const struct tw_binding bindings[] = {{TW_TBL_IP_PROTO, 50}};

const struct tw_proto tw_proto_esp = {
    .abbrev = "esp",
    .name = "Encapsulating Security Payload",
    .short_name = "ESP",
    .fields = fields,
    .nfields = F_COUNT,
    .experts = experts,
    .nexperts = TW_ARRAY_LEN(experts),
    .bindings = bindings,
    .nbindings = TW_ARRAY_LEN(bindings),
    .dissect = dissect,
    .init = esp_init,
    .ids = &ids,
};
