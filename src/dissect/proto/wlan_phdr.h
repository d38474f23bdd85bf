/* The 802.11 radio pseudo-header: what a capture header in front of an 802.11 frame (radiotap,
 * PPI) says about how the frame travelled over the air. The radio header fills it in, the
 * "802.11 radio information" step (wlan_radio) shows it, and the 802.11 dissector reads the
 * FCS and data-padding facts from it. It is valid only for the frame whose number it carries.
 *
 * Shared between radiotap.c (which also defines wlan_radio), ppi.c and wlan.c; no dissector
 * calls another through it, they only read what the previous layer left here. */
#ifndef TW_WLAN_PHDR_H
#define TW_WLAN_PHDR_H

#include "../dissect.h"

/* PHY types, numbered as Wireshark's wlan_radio.phy values */
enum {
    TW_PHY_UNKNOWN = 0,
    TW_PHY_11_FHSS = 1,
    TW_PHY_11_IR = 2,
    TW_PHY_11_DSSS = 3,
    TW_PHY_11B = 4,
    TW_PHY_11A = 5,
    TW_PHY_11G = 6,
    TW_PHY_11N = 7,
    TW_PHY_11AC = 8,
    TW_PHY_11AD = 9,
    TW_PHY_11AH = 10,
    TW_PHY_11AX = 11,
};

/* the encapsulation number under which wlan_radio is bound (Wireshark's
 * WTAP_ENCAP_IEEE_802_11_WITH_RADIO) */
#define TW_WTAP_ENCAP_80211_WITH_RADIO 23

struct tw_wlan_phdr {
    uint64_t frame;  /* frame number this describes; 0 = none */
    int8_t fcs_len;  /* -1 unknown, 0 absent, 4 present */
    bool datapad;    /* 802.11 header padded to a multiple of 4 bytes */
    uint8_t phy;

    bool has_channel, has_frequency, has_data_rate, has_tsf;
    bool has_signal_dbm, has_noise_dbm, has_signal_db, has_noise_db;
    bool has_aggregate, has_zero_len_psdu;
    uint16_t channel, frequency;
    uint16_t data_rate; /* in 500 kb/s units */
    int8_t signal_dbm, noise_dbm;
    uint8_t signal_db, noise_db;
    uint64_t tsf;
    uint32_t aggregate_flags, aggregate_id; /* flags: 1 last part, 2 delimiter CRC error */
    uint8_t zero_len_psdu;

    union {
        struct {
            bool has_hop_set, has_hop_pattern;
            uint8_t hop_set, hop_pattern;
        } fhss;
        struct {
            bool has_short_preamble, short_preamble;
        } b;
        struct {
            bool has_channel_type, has_turbo_type;
            uint8_t channel_type, turbo_type;
        } a;
        struct {
            bool has_short_preamble, short_preamble, has_mode;
            uint8_t mode;
        } g;
        struct {
            bool has_mcs, has_bw, has_short_gi, has_greenfield, has_fec, has_stbc, has_ness;
            uint8_t mcs, bw, short_gi, greenfield, fec, stbc, ness;
        } n;
        struct {
            bool has_stbc, has_txop_ps, has_short_gi, has_sgi_nsym, has_ldpc_extra,
                has_beamformed, has_bw, has_gid, has_paid, has_fec;
            uint8_t stbc, txop_ps, short_gi, sgi_nsym, ldpc_extra, beamformed, bw, gid, fec;
            uint16_t paid;
            uint8_t mcs[4], nss[4];
        } ac;
        struct {
            bool has_mcs, has_bwru, has_gi;
            uint8_t mcs, bwru, gi, nsts;
        } ax;
    } u;
};

extern struct tw_wlan_phdr tw_wlan_phdr;

/* Start a fresh pseudo-header for the current frame. */
void tw_wlan_phdr_reset(struct tw_pkt *p);
/* The pseudo-header, if the current frame has one. */
const struct tw_wlan_phdr *tw_wlan_phdr_get(const struct tw_pkt *p);

/* Label a bitmask item as Wireshark's proto_tree_add_bitmask does: "Name: 0x0140, X, Y" with
 * the names of the set boolean subfields and "Name: value" of subfields with value strings. */
void tw_wlan_bitmask_label(struct tw_pkt *p, int32_t rec, uint16_t hf, uint64_t value,
                           const uint16_t *subs, unsigned nsubs);

/* "2412 [BG 1]" as Wireshark writes a frequency; the channel or -1 */
int tw_wlan_mhz_to_chan(unsigned freq);

#endif
