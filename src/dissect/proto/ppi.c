/* PPI, the Per-Packet Information header (LINKTYPE_PPI 192; CACE Technologies' PPI
 * specification 1.0.10): a little-endian header naming the payload's link type, followed by
 * type-length fields. The 802.11-Common (2), 802.11n MAC (3) and 802.11n MAC+PHY (4) fields fill
 * the 802.11 radio pseudo-header that wlan_radio shows; other fields are listed by type.
 *
 *   +---------+-------+--------+---------+--------------------------------------------+
 *   | version | flags | length |   DLT   | fields: type (2 LE), length (2 LE), data   |
 *   |    1    |   1   |  2 LE  |  4 LE   | ...                                        |
 *   +---------+-------+--------+---------+--------------------------------------------+
 */
#include "wlan_phdr.h"

#include <stdio.h>

static struct tw_proto_ids ids;
#define HF(x) ((uint16_t)(ids.base + (x)))
#define EX(x) ((uint16_t)(ids.expert_base + (x)))

enum {
    F_VERSION, F_FLAGS, F_FLAGS_ALIGN, F_FLAGS_RESERVED, F_LENGTH, F_DLT, F_FIELD_TYPE, F_FIELD_LEN,
    F_C_TSFT, F_C_FLAGS, F_C_FLAGS_FCS, F_C_FLAGS_TSFT, F_C_FLAGS_FCS_INVALID, F_C_FLAGS_PHY_ERR,
    F_C_RATE, F_C_FREQ, F_C_CHFLAGS, F_C_CH_TURBO, F_C_CH_CCK, F_C_CH_OFDM, F_C_CH_2GHZ, F_C_CH_5GHZ,
    F_C_CH_PASSIVE, F_C_CH_DYN, F_C_CH_GFSK, F_C_FHSS_HOPSET, F_C_FHSS_PATTERN, F_C_SIGNAL, F_C_NOISE,
    F_N_FLAGS, F_N_GREENFIELD, F_N_HT40, F_N_SGI, F_N_DUP, F_N_AGG, F_N_MORE_AGG, F_N_CRC_ERR,
    F_N_AMPDU_ID, F_N_DELIMS, F_N_RESERVED,
    F_P_MCS, F_P_STREAMS, F_P_RSSI, F_P_RSSI_C0, F_P_RSSI_C1, F_P_RSSI_C2, F_P_RSSI_C3, F_P_RSSI_E0,
    F_P_RSSI_E1, F_P_RSSI_E2, F_P_RSSI_E3, F_P_EXT_FREQ, F_P_EXT_FLAGS, F_P_X_TURBO, F_P_X_CCK,
    F_P_X_OFDM, F_P_X_2GHZ, F_P_X_5GHZ, F_P_X_PASSIVE, F_P_X_DYN, F_P_X_GFSK, F_P_S0, F_P_N0, F_P_S1,
    F_P_N1, F_P_S2, F_P_N2, F_P_S3, F_P_N3, F_P_EVM0, F_P_EVM1, F_P_EVM2, F_P_EVM3,
    F_RESERVED, F_INVALID_LEN,
    F_COUNT
};

static const struct tw_tfs tfs_align = {"32-bit aligned", "Not aligned"};
static const struct tw_tfs tfs_present = {"Present", "Absent"};
static const struct tw_tfs tfs_tsft = {"milliseconds", "microseconds"};
static const struct tw_tfs tfs_invalid = {"Invalid", "Valid"};
static const struct tw_tfs tfs_phyerr = {"PHY error", "No errors"};
static const struct tw_tfs tfs_ht40 = {"HT40", "HT20"};

static const struct tw_vs field_types[] = {
    {2, "802.11-Common"}, {3, "802.11n MAC Extensions"}, {4, "802.11n MAC+PHY Extensions"},
    {5, "Spectrum-Map"}, {6, "Process-Info"}, {7, "Capture-Info"}, {8, "Aggregation Extension"},
    {9, "802.3 Extension"}, {30002, "GPS Tagging"}, {30003, "Vector Tagging"},
    {30004, "Sensor Tagging"}, {30005, "Antenna Tagging"}, {0, NULL}};

#define B16(ab, nm, m, bl) {ab, nm, TW_FT_BOOLEAN, 16, m, NULL, NULL, NULL, bl}
#define B32(ab, nm, m, bl) {ab, nm, TW_FT_BOOLEAN, 32, m, NULL, NULL, NULL, bl}
#define U8(ab, nm, bl) {ab, nm, TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL, NULL, bl}
#define I8(ab, nm, bl) {ab, nm, TW_FT_INT8, TW_BASE_DEC, 0, NULL, NULL, NULL, bl}
#define U32(ab, nm, bl) {ab, nm, TW_FT_UINT32, TW_BASE_DEC, 0, NULL, NULL, NULL, bl}
#define CH "PPI 802.11-Common Channel Flags "
#define XC "PPI 802.11n MAC+PHY Channel Flags "
#define MP "PPI 802.11n MAC+PHY "

static const struct tw_field_def fields[F_COUNT] = {
    [F_VERSION] = {"ppi.version", "Version", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL, NULL,
                   "PPI header format version"},
    [F_FLAGS] = {"ppi.flags", "Flags", TW_FT_UINT8, TW_BASE_HEX, 0, NULL, NULL, NULL, "PPI header flags"},
    [F_FLAGS_ALIGN] = {"ppi.flags.alignment", "Alignment", TW_FT_BOOLEAN, 8, 0x1, NULL, NULL, &tfs_align,
                       "PPI header flags - 32bit Alignment"},
    [F_FLAGS_RESERVED] = {"ppi.flags.reserved", "Reserved", TW_FT_UINT8, TW_BASE_HEX, 0xfe, NULL, NULL,
                          NULL, "PPI header flags - Reserved Flags"},
    [F_LENGTH] = {"ppi.length", "Header length", TW_FT_UINT16, TW_BASE_DEC, 0, NULL, NULL, NULL,
                  "Length of header including payload"},
    [F_DLT] = {"ppi.dlt", "DLT", TW_FT_UINT32, TW_BASE_DEC, 0, NULL, NULL, NULL,
               "libpcap Data Link Type (DLT) of the payload"},
    [F_FIELD_TYPE] = {"ppi.field_type", "Field type", TW_FT_UINT16, TW_BASE_DEC, 0, field_types, NULL,
                      NULL, "PPI data field type"},
    [F_FIELD_LEN] = {"ppi.field_len", "Field length", TW_FT_UINT16, TW_BASE_DEC, 0, NULL, NULL, NULL,
                     "PPI data field length"},
    [F_C_TSFT] = {"ppi.80211-common.tsft", "TSFT", TW_FT_UINT64, TW_BASE_DEC, 0, NULL, NULL, NULL,
                  "PPI 802.11-Common Timing Synchronization Function Timer (TSFT)"},
    [F_C_FLAGS] = {"ppi.80211-common.flags", "Flags", TW_FT_UINT16, TW_BASE_HEX, 0, NULL, NULL, NULL,
                   "PPI 802.11-Common Flags"},
    [F_C_FLAGS_FCS] = {"ppi.80211-common.flags.fcs", "FCS present flag", TW_FT_BOOLEAN, 16, 0x1, NULL,
                       NULL, &tfs_present,
                       "PPI 802.11-Common Frame Check Sequence (FCS) Present Flag"},
    [F_C_FLAGS_TSFT] = {"ppi.80211-common.flags.tsft", "TSFT flag", TW_FT_BOOLEAN, 16, 0x2, NULL, NULL,
                        &tfs_tsft,
                        "PPI 802.11-Common Timing Synchronization Function Timer (TSFT) msec/usec flag"},
    [F_C_FLAGS_FCS_INVALID] = {"ppi.80211-common.flags.fcs-invalid", "FCS validity", TW_FT_BOOLEAN, 16,
                               0x4, NULL, NULL, &tfs_invalid,
                               "PPI 802.11-Common Frame Check Sequence (FCS) Validity flag"},
    [F_C_FLAGS_PHY_ERR] = {"ppi.80211-common.flags.phy-err", "PHY error flag", TW_FT_BOOLEAN, 16, 0x8,
                           NULL, NULL, &tfs_phyerr, "PPI 802.11-Common Physical level (PHY) Error"},
    [F_C_RATE] = {"ppi.80211-common.rate", "Data rate", TW_FT_UINT16, TW_BASE_DEC, 0, NULL, NULL, NULL,
                  "PPI 802.11-Common Data Rate (x 500 Kbps)"},
    [F_C_FREQ] = {"ppi.80211-common.chan.freq", "Channel frequency", TW_FT_UINT16, TW_BASE_DEC, 0, NULL,
                  NULL, NULL, "PPI 802.11-Common Channel Frequency"},
    [F_C_CHFLAGS] = {"ppi.80211-common.chan.flags", "Channel flags", TW_FT_UINT16, TW_BASE_HEX, 0, NULL,
                     NULL, NULL, "PPI 802.11-Common Channel Flags"},
    [F_C_CH_TURBO] = B16("ppi.80211-common.chan.flags.turbo", "Turbo", 0x10, CH "Turbo"),
    [F_C_CH_CCK] = B16("ppi.80211-common.chan.flags.cck", "Complementary Code Keying (CCK)", 0x20,
                       CH "Complementary Code Keying (CCK) Modulation"),
    [F_C_CH_OFDM] = B16("ppi.80211-common.chan.flags.ofdm",
                        "Orthogonal Frequency-Division Multiplexing (OFDM)", 0x40,
                        CH "Orthogonal Frequency-Division Multiplexing (OFDM)"),
    [F_C_CH_2GHZ] = B16("ppi.80211-common.chan.flags.2ghz", "2 GHz spectrum", 0x80, CH "2 GHz spectrum"),
    [F_C_CH_5GHZ] = B16("ppi.80211-common.chan.flags.5ghz", "5 GHz spectrum", 0x100, CH "5 GHz spectrum"),
    [F_C_CH_PASSIVE] = B16("ppi.80211-common.chan.flags.passive", "Passive", 0x200, CH "Passive"),
    [F_C_CH_DYN] = B16("ppi.80211-common.chan.flags.dynamic", "Dynamic CCK-OFDM", 0x400,
                       CH "Dynamic CCK-OFDM Channel"),
    [F_C_CH_GFSK] = B16("ppi.80211-common.chan.flags.gfsk", "Gaussian Frequency Shift Keying (GFSK)",
                        0x800, CH "Gaussian Frequency Shift Keying (GFSK) Modulation"),
    [F_C_FHSS_HOPSET] = {"ppi.80211-common.fhss.hopset", "FHSS hopset", TW_FT_UINT8, TW_BASE_HEX, 0, NULL,
                         NULL, NULL, "PPI 802.11-Common Frequency-Hopping Spread Spectrum (FHSS) Hopset"},
    [F_C_FHSS_PATTERN] = {"ppi.80211-common.fhss.pattern", "FHSS pattern", TW_FT_UINT8, TW_BASE_HEX, 0,
                          NULL, NULL, NULL,
                          "PPI 802.11-Common Frequency-Hopping Spread Spectrum (FHSS) Pattern"},
    [F_C_SIGNAL] = I8("ppi.80211-common.dbm.antsignal", "dBm antenna signal",
                      "PPI 802.11-Common dBm Antenna Signal"),
    [F_C_NOISE] = I8("ppi.80211-common.dbm.antnoise", "dBm antenna noise",
                     "PPI 802.11-Common dBm Antenna Noise"),
    [F_N_FLAGS] = {"ppi.80211n-mac.flags", "MAC flags", TW_FT_UINT32, TW_BASE_HEX, 0, NULL, NULL, NULL,
                   "PPI 802.11n MAC flags"},
    [F_N_GREENFIELD] = B32("ppi.80211n-mac.flags.greenfield", "Greenfield flag", 0x1,
                           "PPI 802.11n MAC Greenfield Flag"),
    [F_N_HT40] = {"ppi.80211n-mac.flags.ht20_40", "HT20/HT40 flag", TW_FT_BOOLEAN, 32, 0x2, NULL, NULL, &tfs_ht40,
                  "PPI 802.11n MAC HT20/HT40 Flag"},
    [F_N_SGI] = B32("ppi.80211n-mac.flags.rx.short_guard_interval", "RX Short Guard Interval (SGI) flag",
                    0x4, "PPI 802.11n MAC RX Short Guard Interval (SGI) Flag"),
    [F_N_DUP] = B32("ppi.80211n-mac.flags.rx.duplicate", "Duplicate RX flag", 0x8,
                    "PPI 802.11n MAC Duplicate RX Flag"),
    [F_N_AGG] = B32("ppi.80211n-mac.flags.agg", "Aggregate flag", 0x10, "PPI 802.11 MAC Aggregate Flag"),
    [F_N_MORE_AGG] = B32("ppi.80211n-mac.flags.more_agg", "More aggregates flag", 0x20,
                         "PPI 802.11n MAC More Aggregates Flag"),
    [F_N_CRC_ERR] = B32("ppi.80211n-mac.flags.delim_crc_error_after",
                        "A-MPDU Delimiter CRC error after this frame flag", 0x40,
                        "PPI 802.11n MAC A-MPDU Delimiter CRC Error After This Frame Flag"),
    [F_N_AMPDU_ID] = {"ppi.80211n-mac.ampdu_id", "AMPDU-ID", TW_FT_UINT32, TW_BASE_HEX, 0, NULL, NULL,
                      NULL, "PPI 802.11n MAC AMPDU-ID"},
    [F_N_DELIMS] = U8("ppi.80211n-mac.num_delimiters", "Num-Delimiters",
                      "PPI 802.11n MAC number of zero-length pad delimiters"),
    [F_N_RESERVED] = {"ppi.80211n-mac.reserved", "Reserved", TW_FT_UINT24, TW_BASE_HEX, 0, NULL, NULL,
                      NULL, "PPI 802.11n MAC Reserved"},
    [F_P_MCS] = U8("ppi.80211n-mac-phy.mcs", "MCS", MP "Modulation Coding Scheme (MCS)"),
    [F_P_STREAMS] = U8("ppi.80211n-mac-phy.num_streams", "Number of spatial streams",
                       MP "number of spatial streams"),
    [F_P_RSSI] = U8("ppi.80211n-mac-phy.rssi.combined", "RSSI combined",
                    MP "Received Signal Strength Indication (RSSI) Combined"),
    [F_P_RSSI_C0] = U8("ppi.80211n-mac-phy.rssi.ant0ctl", "Antenna 0 control RSSI",
                       MP "Antenna 0 Control Channel Received Signal Strength Indication (RSSI)"),
    [F_P_RSSI_C1] = U8("ppi.80211n-mac-phy.rssi.ant1ctl", "Antenna 1 control RSSI",
                       MP "Antenna 1 Control Channel Received Signal Strength Indication (RSSI)"),
    [F_P_RSSI_C2] = U8("ppi.80211n-mac-phy.rssi.ant2ctl", "Antenna 2 control RSSI",
                       MP "Antenna 2 Control Channel Received Signal Strength Indication (RSSI)"),
    [F_P_RSSI_C3] = U8("ppi.80211n-mac-phy.rssi.ant3ctl", "Antenna 3 control RSSI",
                       MP "Antenna 3 Control Channel Received Signal Strength Indication (RSSI)"),
    [F_P_RSSI_E0] = U8("ppi.80211n-mac-phy.rssi.ant0ext", "Antenna 0 extension RSSI",
                       MP "Antenna 0 Extension Channel Received Signal Strength Indication (RSSI)"),
    [F_P_RSSI_E1] = U8("ppi.80211n-mac-phy.rssi.ant1ext", "Antenna 1 extension RSSI",
                       MP "Antenna 1 Extension Channel Received Signal Strength Indication (RSSI)"),
    [F_P_RSSI_E2] = U8("ppi.80211n-mac-phy.rssi.ant2ext", "Antenna 2 extension RSSI",
                       MP "Antenna 2 Extension Channel Received Signal Strength Indication (RSSI)"),
    [F_P_RSSI_E3] = U8("ppi.80211n-mac-phy.rssi.ant3ext", "Antenna 3 extension RSSI",
                       MP "Antenna 3 Extension Channel Received Signal Strength Indication (RSSI)"),
    [F_P_EXT_FREQ] = {"ppi.80211-mac-phy.ext-chan.freq", "Extended channel frequency", TW_FT_UINT16,
                      TW_BASE_DEC, 0, NULL, NULL, NULL, MP "Extended Channel Frequency"},
    [F_P_EXT_FLAGS] = {"ppi.80211-mac-phy.ext-chan.flags", "Channel flags", TW_FT_UINT16, TW_BASE_HEX, 0,
                       NULL, NULL, NULL, MP "Channel Flags"},
    [F_P_X_TURBO] = B16("ppi.80211-mac-phy.ext-chan.flags.turbo", "Turbo", 0x10, XC "Turbo"),
    [F_P_X_CCK] = B16("ppi.80211-mac-phy.ext-chan.flags.cck", "Complementary Code Keying (CCK)", 0x20,
                      XC "Complementary Code Keying (CCK) Modulation"),
    [F_P_X_OFDM] = B16("ppi.80211-mac-phy.ext-chan.flags.ofdm",
                       "Orthogonal Frequency-Division Multiplexing (OFDM)", 0x40,
                       XC "Orthogonal Frequency-Division Multiplexing (OFDM)"),
    [F_P_X_2GHZ] = B16("ppi.80211-mac-phy.ext-chan.flags.2ghz", "2 GHz spectrum", 0x80, XC "2 GHz spectrum"),
    [F_P_X_5GHZ] = B16("ppi.80211-mac-phy.ext-chan.flags.5ghz", "5 GHz spectrum", 0x100, XC "5 GHz spectrum"),
    [F_P_X_PASSIVE] = B16("ppi.80211-mac-phy.ext-chan.flags.passive", "Passive", 0x200, XC "Passive"),
    [F_P_X_DYN] = B16("ppi.80211-mac-phy.ext-chan.flags.dynamic", "Dynamic CCK-OFDM", 0x400,
                      XC "Dynamic CCK-OFDM Channel"),
    [F_P_X_GFSK] = B16("ppi.80211-mac-phy.ext-chan.flags.gfsk", "Gaussian Frequency Shift Keying (GFSK)",
                       0x800, XC "Gaussian Frequency Shift Keying (GFSK) Modulation"),
    [F_P_S0] = I8("ppi.80211n-mac-phy.dbmant0.signal", "dBm antenna 0 signal", MP "dBm Antenna 0 Signal"),
    [F_P_N0] = I8("ppi.80211n-mac-phy.dbmant0.noise", "dBm antenna 0 noise", MP "dBm Antenna 0 Noise"),
    [F_P_S1] = I8("ppi.80211n-mac-phy.dbmant1.signal", "dBm antenna 1 signal", MP "dBm Antenna 1 Signal"),
    [F_P_N1] = I8("ppi.80211n-mac-phy.dbmant1.noise", "dBm antenna 1 noise", MP "dBm Antenna 1 Noise"),
    [F_P_S2] = I8("ppi.80211n-mac-phy.dbmant2.signal", "dBm antenna 2 signal", MP "dBm Antenna 2 Signal"),
    [F_P_N2] = I8("ppi.80211n-mac-phy.dbmant2.noise", "dBm antenna 2 noise", MP "dBm Antenna 2 Noise"),
    [F_P_S3] = I8("ppi.80211n-mac-phy.dbmant3.signal", "dBm antenna 3 signal", MP "dBm Antenna 3 Signal"),
    [F_P_N3] = I8("ppi.80211n-mac-phy.dbmant3.noise", "dBm antenna 3 noise", MP "dBm Antenna 3 Noise"),
    [F_P_EVM0] = U32("ppi.80211n-mac-phy.evm0", "EVM-0", MP "Error Vector Magnitude (EVM) for chain 0"),
    [F_P_EVM1] = U32("ppi.80211n-mac-phy.evm1", "EVM-1", MP "Error Vector Magnitude (EVM) for chain 1"),
    [F_P_EVM2] = U32("ppi.80211n-mac-phy.evm2", "EVM-2", MP "Error Vector Magnitude (EVM) for chain 2"),
    [F_P_EVM3] = U32("ppi.80211n-mac-phy.evm3", "EVM-3", MP "Error Vector Magnitude (EVM) for chain 3"),
    [F_RESERVED] = {"ppi.reserved", "Reserved", TW_FT_BYTES, TW_BASE_NONE},
    [F_INVALID_LEN] = {"ppi.invalid_length", "Invalid length", TW_FT_NONE},
};

static const struct tw_expert_def experts[] = {
    {"ppi.invalid_length.expert", "decoder.ppi.invalid_length", TW_SEV_ERROR, TW_GRP_MALFORMED,
     "Invalid length"},
};

static uint16_t le16(const uint8_t *b) { return (uint16_t)(b[0] | b[1] << 8); }
static uint32_t le32(const uint8_t *b) { return b[0] | b[1] << 8 | b[2] << 16 | (uint32_t)b[3] << 24; }

static void add_flags(struct tw_pkt *p, int top, int first, int last, uint32_t off, uint32_t len,
                      uint32_t v)
{
    int32_t r = tw_add_uint(p, HF(top), off, len, v);
    tw_tree_push(p, r);
    for (int f = first; f <= last; f++) tw_add_bits(p, HF(f), off, len, v);
    tw_tree_pop(p);
}

static void freq_label(struct tw_pkt *p, int32_t r, const char *name, uint16_t freq)
{
    if (r < 0 || !tw_want_labels(p)) return;
    int ch = tw_wlan_mhz_to_chan(freq);
    if (ch < 0) tw_rec_label(p, r, "%s: %u", name, freq);
    else tw_rec_label(p, r, "%s: %u [%s %d]", name, freq, freq <= 2484 ? "BG" : "A", ch);
}

static void phy_from_chflags(struct tw_wlan_phdr *ph, uint16_t fl)
{
    switch (fl & 0x0ff0) {
    case 0x0140: /* 5 GHz OFDM */
        ph->phy = TW_PHY_11A;
        ph->u.a.has_turbo_type = true;
        ph->u.a.turbo_type = 0;
        break;
    case 0x00a0: ph->phy = TW_PHY_11B; break; /* 2 GHz CCK */
    case 0x00c0: /* 2 GHz OFDM */
    case 0x0480: /* 2 GHz dynamic */
        ph->phy = TW_PHY_11G;
        ph->u.g.has_mode = true;
        ph->u.g.mode = 0;
        break;
    case 0x0880: ph->phy = TW_PHY_11_FHSS; break;
    case 0x0080: ph->phy = TW_PHY_11_DSSS; break;
    default: break;
    }
}

static void common_field(struct tw_pkt *p, struct tw_wlan_phdr *ph, const uint8_t *b, uint32_t o)
{
    uint64_t tsft = (uint64_t)le32(b) | (uint64_t)le32(b + 4) << 32;
    uint16_t fl = le16(b + 8), rate = le16(b + 10), freq = le16(b + 12), chf = le16(b + 14);
    tw_add_uint(p, HF(F_C_TSFT), o, 8, tsft);
    add_flags(p, F_C_FLAGS, F_C_FLAGS_FCS, F_C_FLAGS_PHY_ERR, o + 8, 2, fl);
    int32_t r = tw_add_uint(p, HF(F_C_RATE), o + 10, 2, rate * 500u); /* kb/s, as Wireshark */
    if (tw_want_labels(p)) tw_rec_label(p, r, "Rate: %.1f Mbps", rate * 0.5);
    freq_label(p, tw_add_uint(p, HF(F_C_FREQ), o + 12, 2, freq), "Channel frequency", freq);
    add_flags(p, F_C_CHFLAGS, F_C_CH_TURBO, F_C_CH_GFSK, o + 14, 2, chf);
    tw_add_uint(p, HF(F_C_FHSS_HOPSET), o + 16, 1, b[16]);
    tw_add_uint(p, HF(F_C_FHSS_PATTERN), o + 17, 1, b[17]);
    tw_add_int(p, HF(F_C_SIGNAL), o + 18, 1, (int8_t)b[18]);
    tw_add_int(p, HF(F_C_NOISE), o + 19, 1, (int8_t)b[19]);

    ph->fcs_len = (fl & 1) ? 4 : 0;
    if (tsft) ph->has_tsf = true, ph->tsf = tsft;
    if (rate) ph->has_data_rate = true, ph->data_rate = rate;
    if (freq) {
        ph->has_frequency = true;
        ph->frequency = freq;
        int ch = tw_wlan_mhz_to_chan(freq);
        if (ch >= 0) ph->has_channel = true, ph->channel = (uint16_t)ch;
    }
    phy_from_chflags(ph, chf);
    ph->has_signal_dbm = true, ph->signal_dbm = (int8_t)b[18];
    ph->has_noise_dbm = true, ph->noise_dbm = (int8_t)b[19];
}

static void n_mac(struct tw_pkt *p, struct tw_wlan_phdr *ph, const uint8_t *b, uint32_t o, bool phy)
{
    uint32_t fl = le32(b);
    add_flags(p, F_N_FLAGS, F_N_GREENFIELD, F_N_CRC_ERR, o, 4, fl);
    tw_add_uint(p, HF(F_N_AMPDU_ID), o + 4, 4, le32(b + 4));
    tw_add_uint(p, HF(F_N_DELIMS), o + 8, 1, b[8]);
    if (!phy) tw_add_uint(p, HF(F_N_RESERVED), o + 9, 3, (uint32_t)b[9] << 16 | (uint32_t)b[10] << 8 | b[11]);
    if (ph->phy != TW_PHY_11N) memset(&ph->u.n, 0, sizeof ph->u.n);
    ph->phy = TW_PHY_11N;
    ph->u.n.has_bw = true, ph->u.n.bw = (fl & 2) ? 1 : 0;
    ph->u.n.has_short_gi = true, ph->u.n.short_gi = (fl & 4) ? 1 : 0;
    ph->u.n.has_greenfield = true, ph->u.n.greenfield = (fl & 1) ? 1 : 0;
    if (fl & 0x10) {
        ph->has_aggregate = true;
        ph->aggregate_id = le32(b + 4);
        ph->aggregate_flags = ((fl & 0x20) ? 0u : 1u) | ((fl & 0x40) ? 2u : 0u);
    }
    if (!phy) return;
    static const int rssi[] = {F_P_RSSI_C0, F_P_RSSI_C1, F_P_RSSI_C2, F_P_RSSI_C3,
                               F_P_RSSI_E0, F_P_RSSI_E1, F_P_RSSI_E2, F_P_RSSI_E3};
    tw_add_uint(p, HF(F_P_MCS), o + 9, 1, b[9]);
    tw_add_uint(p, HF(F_P_STREAMS), o + 10, 1, b[10]);
    tw_add_uint(p, HF(F_P_RSSI), o + 11, 1, b[11]);
    for (unsigned i = 0; i < 8; i++) tw_add_uint(p, HF(rssi[i]), o + 12 + i, 1, b[12 + i]);
    uint16_t xf = le16(b + 20);
    freq_label(p, tw_add_uint(p, HF(F_P_EXT_FREQ), o + 20, 2, xf), "Ext. Channel frequency", xf);
    add_flags(p, F_P_EXT_FLAGS, F_P_X_TURBO, F_P_X_GFSK, o + 22, 2, le16(b + 22));
    for (unsigned i = 0; i < 8; i++) tw_add_int(p, HF(F_P_S0 + (int)i), o + 24 + i, 1, (int8_t)b[24 + i]);
    for (unsigned i = 0; i < 4; i++) tw_add_uint(p, HF(F_P_EVM0 + (int)i), o + 32 + 4 * i, 4, le32(b + 32 + 4 * i));
    if (b[9] != 255) ph->u.n.has_mcs = true, ph->u.n.mcs = b[9];
    if (b[10]) ph->u.n.has_ness = true, ph->u.n.ness = b[10];
}

static enum tw_status dissect(struct tw_pkt *p, struct tw_cur *c)
{
    uint32_t start = c->off;
    struct tw_wlan_phdr *ph = &tw_wlan_phdr;
    tw_wlan_phdr_reset(p);
    const uint8_t *h = tw_cur_bytes(c, 8);
    if (!h) {
        tw_layer_unrecord(p);
        return c->err == TW_CUR_TRUNCATED ? TW_TRUNCATED : TW_MALFORMED;
    }
    uint16_t len = le16(h + 2);
    uint32_t dlt = le32(h + 4);
    tw_col_proto(p, "PPI");
    tw_info_set(p, "");
    tw_info_printf(p, "PPI version %u, %u bytes", h[0], len);
    if (tw_layer_recorded(p)) tw_layer_label(p, "PPI version %u, %u bytes", h[0], len);
    tw_layer_setlen(p, len);
    tw_add_uint(p, HF(F_VERSION), start, 1, h[0]);
    add_flags(p, F_FLAGS, F_FLAGS_ALIGN, F_FLAGS_RESERVED, start + 1, 1, h[1]);
    tw_add_uint(p, HF(F_LENGTH), start + 2, 2, len);
    tw_add_uint(p, HF(F_DLT), start + 4, 4, dlt);
    uint32_t tlen = len >= 8 ? len - 8u : 0; /* a shorter length: the payload follows anyway */
    struct tw_cur fc = tw_cur_sub(c, tlen, NULL);
    bool labels = tw_want_labels(p);
    while (tw_cur_left(&fc) > 0) {
        uint32_t fo = fc.off;
        uint16_t ft = tw_cur_u16le(&fc);
        uint16_t fl = tw_cur_u16le(&fc);
        if (!tw_cur_ok(&fc)) break;
        const char *tn = tw_vs_find(field_types, ft);
        int32_t fr = tw_add_text(p, fo, 4u + fl, "%s", tn ? (ft == 3 ? "802.11n MAC" : ft == 4 ? "802.11n MAC+PHY" : tn) : "Reserved");
        tw_tree_push(p, fr);
        int32_t r = tw_add_uint(p, HF(F_FIELD_TYPE), fo, 2, ft);
        if (labels) tw_rec_label(p, r, "Field type: %s (%u)", tn ? tn : "Reserved", ft);
        tw_add_uint(p, HF(F_FIELD_LEN), fo + 2, 2, fl);
        const uint8_t *b = tw_cur_bytes(&fc, fl);
        if (!b) {
            tw_tree_pop(p);
            break;
        }
        uint32_t need = ft == 2 ? 20 : ft == 3 ? 12 : ft == 4 ? 48 : 0;
        if (need && fl != need) {
            r = tw_add_uint(p, HF(F_INVALID_LEN), fo + 4, fl, 0);
            if (labels) tw_rec_label(p, r, "Invalid length: %u", fl);
            tw_tree_push(p, r);
            tw_expert(p, EX(0), fo + 4, fl, "Invalid length: %u", fl);
            tw_tree_pop(p);
        } else if (ft == 2) {
            common_field(p, ph, b, fo + 4);
        } else if (ft == 3 || ft == 4) {
            n_mac(p, ph, b, fo + 4, ft == 4);
        }
        tw_tree_pop(p);
    }
    if (fc.err) {
        c->err = fc.err;
        return c->err == TW_CUR_TRUNCATED ? TW_TRUNCATED : TW_MALFORMED;
    }
    struct tw_cur rest = tw_cur_rest(c);
    if (dlt == 105) {
        tw_next(p, TW_TBL_WTAP_ENCAP, TW_WTAP_ENCAP_80211_WITH_RADIO, rest);
    } else {
        tw_next(p, TW_TBL_LINKTYPE, dlt, rest);
    }
    return TW_OK;
}

static const struct tw_binding bindings[] = {{TW_TBL_LINKTYPE, 192}};

const struct tw_proto tw_proto_ppi = {
    .abbrev = "ppi",
    .name = "PPI Packet Header",
    .short_name = "PPI",
    .fields = fields,
    .nfields = F_COUNT,
    .experts = experts,
    .nexperts = TW_ARRAY_LEN(experts),
    .bindings = bindings,
    .nbindings = TW_ARRAY_LEN(bindings),
    .dissect = dissect,
    .ids = &ids,
};
