/* Radiotap (LINKTYPE 127, https://www.radiotap.org): a little-endian header of capture
 * metadata in front of an 802.11 frame, and Wireshark's "802.11 radio information"
 * (wlan_radio) step that shows what the header said and derives the frame's airtime.
 *
 *   +---------+-----+--------+------------------+------------------------------------+
 *   | version | pad | length | present bitmap(s) | fields, each naturally aligned     |
 *   |    1    |  1  |  2 LE  |  4 LE each (b31   | relative to the header start, in   |
 *   |         |     |        |  = another word)  | bit order                          |
 *   +---------+-----+--------+------------------+------------------------------------+
 *
 * Bit 29 of a present word resets the next word to the radiotap namespace, bit 30 switches it
 * to a vendor namespace (OUI, sub-namespace and skip length precede the vendor data). A field
 * this dissector does not know the size of ends the walk, as it must.
 */
#include "wlan_phdr.h"

#include <math.h>
#include <stdio.h>

static struct tw_proto_ids ids, wids;
#define HF(x) ((uint16_t)(ids.base + (x)))
#define EX(x) ((uint16_t)(ids.expert_base + (x)))
#define WHF(x) ((uint16_t)(wids.base + (x)))
#define WEX(x) ((uint16_t)(wids.expert_base + (x)))


/* the VHT "known" bandwidth bit is not in tshark's field list; named after its siblings */
#define F_VHT_HAVE_BW_DEF                                                                        \
    {"radiotap.vht.have_bw", "Bandwidth", TW_FT_BOOLEAN, 16, 0x40, NULL, NULL, &tfs_present_absent, \
     NULL, NULL}

enum {
    F_VERSION,
    F_PAD,
    F_LENGTH,
    F_PRESENT,
    F_PRESENT_WORD,
    F_PRESENT_TSFT,
    F_PRESENT_FLAGS,
    F_PRESENT_RATE,
    F_PRESENT_CHANNEL,
    F_PRESENT_FHSS,
    F_PRESENT_DBM_ANTSIGNAL,
    F_PRESENT_DBM_ANTNOISE,
    F_PRESENT_LOCK_QUALITY,
    F_PRESENT_TX_ATTENUATION,
    F_PRESENT_DB_TX_ATTENUATION,
    F_PRESENT_DBM_TX_POWER,
    F_PRESENT_ANTENNA,
    F_PRESENT_DB_ANTSIGNAL,
    F_PRESENT_DB_ANTNOISE,
    F_PRESENT_RXFLAGS,
    F_PRESENT_TXFLAGS,
    F_PRESENT_DATA_RETRIES,
    F_PRESENT_XCHANNEL,
    F_PRESENT_MCS,
    F_PRESENT_AMPDU,
    F_PRESENT_VHT,
    F_PRESENT_TIMESTAMP,
    F_PRESENT_HE,
    F_PRESENT_HE_MU,
    F_PRESENT_ZLEN,
    F_PRESENT_L_SIG,
    F_PRESENT_TLV,
    F_PRESENT_RTAP_NS,
    F_PRESENT_VENDOR_NS,
    F_PRESENT_EXT,
    F_MACTIME,
    F_FLAGS,
    F_FLAGS_CFP,
    F_FLAGS_PREAMBLE,
    F_FLAGS_WEP,
    F_FLAGS_FRAG,
    F_FLAGS_FCS,
    F_FLAGS_DATAPAD,
    F_FLAGS_BADFCS,
    F_FLAGS_SHORTGI,
    F_DATARATE,
    F_CHANNEL_FREQ,
    F_CHANNEL_FLAGS,
    F_CHF_700,
    F_CHF_800,
    F_CHF_900,
    F_CHANNEL_FLAGS_TURBO,
    F_CHANNEL_FLAGS_CCK,
    F_CHANNEL_FLAGS_OFDM,
    F_CHF_2GHZ,
    F_CHF_5GHZ,
    F_CHANNEL_FLAGS_PASSIVE,
    F_CHANNEL_FLAGS_DYNAMIC,
    F_CHANNEL_FLAGS_GFSK,
    F_CHANNEL_FLAGS_GSM,
    F_CHANNEL_FLAGS_STURBO,
    F_CHANNEL_FLAGS_HALF,
    F_CHANNEL_FLAGS_QUARTER,
    F_FHSS_HOPSET,
    F_FHSS_PATTERN,
    F_DBM_ANTSIGNAL,
    F_DBM_ANTNOISE,
    F_QUALITY,
    F_TXATTENUATION,
    F_DB_TXATTENUATION,
    F_TXPOWER,
    F_ANTENNA,
    F_DB_ANTSIGNAL,
    F_DB_ANTNOISE,
    F_RXFLAGS,
    F_RXFLAGS_BADPLCP,
    F_TXFLAGS,
    F_TXF_FAIL,
    F_TXF_CTS,
    F_TXF_RTS,
    F_TXF_NOACK,
    F_TXF_NOSEQNO,
    F_TXF_ORDER,
    F_DATA_RETRIES,
    F_XCHANNEL_CHANNEL,
    F_XCHANNEL_FREQ,
    F_XCHANNEL_FLAGS,
    F_XCHANNEL_FLAGS_TURBO,
    F_XCHANNEL_FLAGS_CCK,
    F_XCHANNEL_FLAGS_OFDM,
    F_XCHF_2GHZ,
    F_XCHF_5GHZ,
    F_XCHANNEL_FLAGS_PASSIVE,
    F_XCHANNEL_FLAGS_DYNAMIC,
    F_XCHANNEL_FLAGS_GFSK,
    F_XCHANNEL_FLAGS_GSM,
    F_XCHANNEL_FLAGS_STURBO,
    F_XCHANNEL_FLAGS_HALF,
    F_XCHANNEL_FLAGS_QUARTER,
    F_XCHANNEL_FLAGS_HT20,
    F_XCHANNEL_FLAGS_HT40U,
    F_XCHANNEL_FLAGS_HT40D,
    F_MCS,
    F_MCS_KNOWN,
    F_MCS_HAVE_BW,
    F_MCS_HAVE_INDEX,
    F_MCS_HAVE_GI,
    F_MCS_HAVE_FORMAT,
    F_MCS_HAVE_FEC,
    F_MCS_HAVE_STBC,
    F_MCS_HAVE_NESS,
    F_MCS_NESS_BIT1,
    F_MCS_BW,
    F_MCS_GI,
    F_MCS_FORMAT,
    F_MCS_FEC,
    F_MCS_STBC,
    F_MCS_NESS_BIT0,
    F_MCS_INDEX,
    F_AMPDU,
    F_AMPDU_REFERENCE,
    F_AMPDU_FLAGS,
    F_AMPDU_FLAGS_REPORT_ZEROLEN,
    F_AMPDU_FLAGS_IS_ZEROLEN,
    F_AMPDU_FLAGS_LASTKNOWN,
    F_AMPDU_FLAGS_LAST,
    F_AMPDU_FLAGS_DELIM_CRC_ERROR,
    F_AMPDU_FLAGS_EOF,
    F_AMPDU_FLAGS_EOF_KNOWN,
    F_AMPDU_DELIM_CRC,
    F_VHT,
    F_VHT_KNOWN,
    F_VHT_USER,
    F_VHT_HAVE_STBC,
    F_VHT_HAVE_TXOP_PS,
    F_VHT_HAVE_GI,
    F_VHT_HAVE_SGI_NSYM_DA,
    F_VHT_HAVE_LDPC_EXTRA,
    F_VHT_HAVE_BEAMFORMED,
    F_VHT_HAVE_BW,
    F_VHT_LDPC_EXTRA,
    F_VHT_HAVE_GID,
    F_VHT_HAVE_PAID,
    F_VHT_STBC,
    F_VHT_TXOP_PS,
    F_VHT_GI,
    F_VHT_SGI_NSYM_DA,
    F_VHT_BEAMFORMED,
    F_VHT_BW,
    F_VHT_NSTS_0,
    F_VHT_NSTS_1,
    F_VHT_NSTS_2,
    F_VHT_NSTS_3,
    F_VHT_MCS_0,
    F_VHT_MCS_1,
    F_VHT_MCS_2,
    F_VHT_MCS_3,
    F_VHT_NSS_0,
    F_VHT_NSS_1,
    F_VHT_NSS_2,
    F_VHT_NSS_3,
    F_VHT_CODING_0,
    F_VHT_CODING_1,
    F_VHT_CODING_2,
    F_VHT_CODING_3,
    F_VHT_DATARATE_0,
    F_VHT_DATARATE_1,
    F_VHT_DATARATE_2,
    F_VHT_DATARATE_3,
    F_VHT_GID,
    F_VHT_PAID,
    F_TIMESTAMP,
    F_TIMESTAMP_TS,
    F_TIMESTAMP_ACCURACY,
    F_TIMESTAMP_UNIT,
    F_TIMESTAMP_SAMPLINGPOS,
    F_TS_FLAGS_32BIT,
    F_TIMESTAMP_FLAGS_ACCURACY,
    F_VENDOR_NAMESPACE,
    F_VENDOR_OUI,
    F_VENDOR_SUBNS,
    F_VENDOR_DATA_LEN,
    F_VENDOR_DATA,
    F_TLV_UNKNOWN_DATA,
    F_HE_DATA_1,
    F_HE_DATA_1_PPDU_FORMAT,
    F_HE_DATA_1_BSS_COLOR_KNOWN,
    F_HE_DATA_1_BEAM_CHANGE_KNOWN,
    F_HE_DATA_1_UL_DL_KNOWN,
    F_HE_DATA_1_DATA_MCS_KNOWN,
    F_HE_DATA_1_DATA_DCM_KNOWN,
    F_HE_DATA_1_CODING_KNOWN,
    F_HE_DATA_1_LDPC_EXTRA_SYMBOL_SEGMENT_KNOWN,
    F_HE_DATA_1_STBC_KNOWN,
    F_HE_DATA_1_SPATIAL_REUSE_1_KNOWN,
    F_HE_DATA_1_SPATIAL_REUSE_2_KNOWN,
    F_HE_DATA_1_SPATIAL_REUSE_3_KNOWN,
    F_HE_DATA_1_SPATIAL_REUSE_4_KNOWN,
    F_HE_DATA_1_DATA_BW_RU_ALLOCATION_KNOWN,
    F_HE_DATA_1_DOPPLER_KNOWN,
    F_HE_DATA_2,
    F_HE_DATA_2_PRI_SEC_80_MHZ_KNOWN,
    F_HE_DATA_2_GI_KNOWN,
    F_HE_DATA_2_NUM_LTF_SYMBOLS_KNOWN,
    F_HE_DATA_2_PRE_FEC_PADDING_FACTOR_KNOWN,
    F_HE_DATA_2_TXBF_KNOWN,
    F_HE_DATA_2_PE_DISAMBIGUITY_KNOWN,
    F_HE_DATA_2_TXOP_KNOWN,
    F_HE_DATA_2_MIDAMBLE_PERIODICITY_KNOWN,
    F_HE_DATA_2_RU_ALLOCATION_OFFSET,
    F_HE_DATA_2_RU_ALLOCATION_OFFSETI_KNOWN,
    F_HE_DATA_2_PRI_SEC_80_MHZ,
    F_HE_DATA_3,
    F_HE_DATA_3_BSS_COLOR,
    F_HE_DATA_3_BSS_COLOR_UNKNOWN,
    F_HE_DATA_3_BEAM_CHANGE,
    F_HE_DATA_3_BEAM_CHANGE_UNKNOWN,
    F_HE_DATA_3_UL_DL,
    F_HE_DATA_3_UL_DL_UNKNOWN,
    F_HE_DATA_3_DATA_MCS,
    F_HE_DATA_3_DATA_MCS_UNKNOWN,
    F_HE_DATA_3_DATA_DCM,
    F_HE_DATA_3_DATA_DCM_UNKNOWN,
    F_HE_DATA_3_CODING,
    F_HE_DATA_3_CODING_UNKNOWN,
    F_HE_DATA_3_LDPC_EXTRA_SYMBOL_SEGMENT,
    F_HE_DATA_3_LDPC_EXTRA_SYMBOL_SEGMENT_UNKNOWN,
    F_HE_DATA_3_STBC,
    F_HE_DATA_3_STBC_UNKNOWN,
    F_HE_DATA_4,
    F_HE_DATA_4_SPATIAL_REUSE,
    F_HE_DATA_4_SPATIAL_REUSE_UNKNOWN,
    F_HE_DATA_4_RESERVED_D4_FFF0,
    F_HE_DATA_4_SPATIAL_REUSE_1,
    F_HE_DATA_4_SPATIAL_REUSE_1_UNKNOWN,
    F_HE_DATA_4_SPATIAL_REUSE_2,
    F_HE_DATA_4_SPATIAL_REUSE_2_UNKNOWN,
    F_HE_DATA_4_SPATIAL_REUSE_3,
    F_HE_DATA_4_SPATIAL_REUSE_3_UNKNOWN,
    F_HE_DATA_4_SPATIAL_REUSE_4,
    F_HE_DATA_4_SPATIAL_REUSE_4_UNKNOWN,
    F_HE_DATA_4_STA_ID_USER,
    F_HE_DATA_4_RESERVED_D4_B15,
    F_HE_DATA_5,
    F_HE_DATA_5_DATA_BW_RU_ALLOCATION,
    F_HE_DATA_5_DATA_BW_RU_ALLOCATION_UNKNOWN,
    F_HE_DATA_5_GI,
    F_HE_DATA_5_GI_UNKNOWN,
    F_HE_DATA_5_LTF_SYMBOL_SIZE,
    F_HE_DATA_5_LTF_SYMBOL_SIZE_UNKNOWN,
    F_HE_NUM_LTF_SYMBOLS,
    F_HE_NUM_LTF_SYMBOLS_UNKNOWN,
    F_HE_DATA_5_RESERVED_D5_B11,
    F_HE_PRE_FEC_PADDING_FACTOR,
    F_HE_PRE_FEC_PADDING_FACTOR_UNKNOWN,
    F_HE_TXBF,
    F_HE_TXBF_UNKNOWN,
    F_HE_PE_DISAMBIGUITY,
    F_HE_PE_DISAMBIGUITY_UNKNOWN,
    F_HE_DATA_6,
    F_HE_DATA_6_NSTS,
    F_HE_DATA_6_DOPPLER_VALUE,
    F_HE_DATA_6_DOPPLER_VALUE_UNKNOWN,
    F_HE_DATA_6_RESERVED_D6_00E0,
    F_HE_DATA_6_TXOP_VALUE,
    F_HE_DATA_6_TXOP_VALUE_UNKNOWN,
    F_HE_DATA_6_MIDAMBLE_PERIODICITY,
    F_HE_DATA_6_MIDAMBLE_PERIODICITY_UNKNOWN,
    F_ZLEN_TYPE,
    F_L_SIG_DATA1,
    F_L_SIG_RATE_KNOWN,
    F_L_SIG_LENGTH_KNOWN,
    F_L_SIG_RESERVED,
    F_L_SIG_DATA2,
    F_L_SIG_RATE,
    F_L_SIG_LENGTH,
    F_COUNT
};
static const struct tw_tfs tfs_present_absent = {"Present", "Absent"};
static const struct tw_tfs tfs_short_long = {"Short", "Long"};
static const struct tw_vs vs_mcs_bw[] = {{0, "20 MHz"},{1, "40 MHz"},{2, "20 MHz lower"},{3, "20 MHz upper"}, {0, NULL}};
static const struct tw_vs vs_mcs_gi[] = {{0, "long"},{1, "short"}, {0, NULL}};
static const struct tw_vs vs_mcs_format[] = {{0, "mixed"},{1, "greenfield"}, {0, NULL}};
static const struct tw_vs vs_mcs_fec[] = {{0, "BCC"},{1, "LDPC"}, {0, NULL}};
static const struct tw_tfs tfs_on_off = {"On", "Off"};
static const struct tw_vs vs_vht_bw[] = {{0, "20 MHz"},{1, "40 MHz"},{2, "20 MHz lower"},{3, "20 MHz upper"},{4, "80 MHz"},{5, "40 MHz lower"},{6, "40 MHz upper"},{7, "20 MHz, channel 1/4"},{8, "20 MHz, channel 2/4"},{9, "20 MHz, channel 3/4"},{10, "20 MHz, channel 4/4"},{11, "160 MHz"},{12, "80 MHz lower"},{13, "80 MHz upper"},{14, "40 MHz, channel 1/4"},{15, "40 MHz, channel 2/4"},{16, "40 MHz, channel 3/4"},{17, "40 MHz, channel 4/4"},{18, "20 MHz, channel 1/8"},{19, "20 MHz, channel 2/8"},{20, "20 MHz, channel 3/8"},{21, "20 MHz, channel 4/8"},{22, "20 MHz, channel 5/8"},{23, "20 MHz, channel 6/8"},{24, "20 MHz, channel 7/8"},{25, "20 MHz, channel 8/8"}, {0, NULL}};
static const struct tw_vs vs_timestamp_unit[] = {{0, "msec"},{1, "usec"},{2, "nsec"}, {0, NULL}};
static const struct tw_vs vs_timestamp_samplingpos[] = {{0, "first MPDU bit/symbol"},{1, "signal acquisition"},{2, "end of frame"},{15, "undefined"}, {0, NULL}};
static const struct tw_tfs tfs_yes_no = {"Yes", "No"};
static const struct tw_vs vs_he_data_1_ppdu_format[] = {{0x0, "HE_SU"},{0x1, "HE_EXT_SU"},{0x2, "HE_MU"},{0x3, "HE_TRIG"}, {0, NULL}};
static const struct tw_tfs tfs_known_unknown = {"Known", "Unknown"};
static const struct tw_tfs tfs_secondary_primary = {"secondary", "primary"};
static const struct tw_vs vs_he_data_3_coding[] = {{0x0, "BCC"},{0x1, "LDPC"}, {0, NULL}};
static const struct tw_vs vs_he_data_5_data_bw_ru_allocation[] = {{0x0, "20"},{0x1, "40"},{0x2, "80"},{0x3, "160/80+80"},{0x4, "26-tone RU"},{0x5, "52-tone RU"},{0x6, "106-tone RU"},{0x7, "242-tone RU"},{0x8, "484-tone RU"},{0x9, "996-tone RU"},{0xa, "2x996-tone RU"},{0xb, "reserved"},{0xc, "reserved"},{0xd, "reserved"},{0xe, "reserved"},{0xf, "reserved"}, {0, NULL}};
static const struct tw_vs vs_he_data_5_gi[] = {{0x0, "0.8us"},{0x1, "1.6us"},{0x2, "3.2us"},{0x3, "reserved"}, {0, NULL}};
static const struct tw_vs vs_he_data_5_ltf_symbol_size[] = {{0x0, "unknown"},{0x1, "1x"},{0x2, "2x"},{0x3, "4x"}, {0, NULL}};
static const struct tw_vs vs_he_num_ltf_symbols[] = {{0x0, "1x"},{0x1, "2x"},{0x2, "4x"},{0x3, "6x"},{0x4, "8x"},{0x5, "reserved"},{0x6, "reserved"},{0x7, "reserved"}, {0, NULL}};
static const struct tw_vs vs_he_data_6_nsts[] = {{0x0, "Unknown"},{0x1, "1 space-time stream"},{0x2, "2 space-time streams"},{0x3, "3 space-time streams"},{0x4, "4 space-time streams"},{0x5, "5 space-time streams"},{0x6, "6 space-time streams"},{0x7, "7 space-time streams"},{0x8, "8 space-time streams"},{0x9, "9 space-time streams"},{0xa, "10 space-time streams"},{0xb, "11 space-time streams"},{0xc, "12 space-time streams"},{0xd, "13 space-time streams"},{0xe, "14 space-time streams"},{0xf, "15 space-time streams"}, {0, NULL}};
static const struct tw_vs vs_he_data_6_midamble_periodicity[] = {{0x0, "10"},{0x1, "20"}, {0, NULL}};
static const struct tw_rs rs_zlen_type[] = {{0x0, 0x0, "sounding PPDU"},{0x1, 0x1, "reserved"},{0x2, 0x2, "S1G NDP CMAC frame"},{0x3, 0xfe, "reserved"},{0xff, 0xff, "vendor-specific"}, {0, 0, NULL}};
static const struct tw_field_def fields[F_COUNT] = {
    [F_VERSION] = {"radiotap.version", "Header revision", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL, NULL, "Version of radiotap header format", NULL},
    [F_PAD] = {"radiotap.pad", "Header pad", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL, NULL, "Padding", NULL},
    [F_LENGTH] = {"radiotap.length", "Header length", TW_FT_UINT16, TW_BASE_DEC, 0, NULL, NULL, NULL, "Length of header including version, pad, length and data fields", NULL},
    [F_PRESENT] = {"radiotap.present", "Present flags", TW_FT_NONE, TW_BASE_NONE, 0, NULL, NULL, NULL, "Bitmask indicating which fields are present", NULL},
    [F_PRESENT_WORD] = {"radiotap.present.word", "Present flags word", TW_FT_UINT32, TW_BASE_HEX, 0, NULL, NULL, NULL, "Word from present flags bitmask", NULL},
    [F_PRESENT_TSFT] = {"radiotap.present.tsft", "TSFT", TW_FT_BOOLEAN, 32, 0x1, NULL, NULL, &tfs_present_absent, "Specifies if the Time Synchronization Function Timer field is present", NULL},
    [F_PRESENT_FLAGS] = {"radiotap.present.flags", "Flags", TW_FT_BOOLEAN, 32, 0x2, NULL, NULL, &tfs_present_absent, "Specifies if the channel flags field is present", NULL},
    [F_PRESENT_RATE] = {"radiotap.present.rate", "Rate", TW_FT_BOOLEAN, 32, 0x4, NULL, NULL, &tfs_present_absent, "Specifies if the transmit/receive rate field is present", NULL},
    [F_PRESENT_CHANNEL] = {"radiotap.present.channel", "Channel", TW_FT_BOOLEAN, 32, 0x8, NULL, NULL, &tfs_present_absent, "Specifies if the transmit/receive frequency field is present", NULL},
    [F_PRESENT_FHSS] = {"radiotap.present.fhss", "FHSS", TW_FT_BOOLEAN, 32, 0x10, NULL, NULL, &tfs_present_absent, "Specifies if the hop set and pattern is present for frequency hopping radios", NULL},
    [F_PRESENT_DBM_ANTSIGNAL] = {"radiotap.present.dbm_antsignal", "dBm Antenna Signal", TW_FT_BOOLEAN, 32, 0x20, NULL, NULL, &tfs_present_absent, "Specifies if the antenna signal strength in dBm is present", NULL},
    [F_PRESENT_DBM_ANTNOISE] = {"radiotap.present.dbm_antnoise", "dBm Antenna Noise", TW_FT_BOOLEAN, 32, 0x40, NULL, NULL, &tfs_present_absent, "Specifies if the RF noise power at antenna field is present", NULL},
    [F_PRESENT_LOCK_QUALITY] = {"radiotap.present.lock_quality", "Lock Quality", TW_FT_BOOLEAN, 32, 0x80, NULL, NULL, &tfs_present_absent, "Specifies if the signal quality field is present", NULL},
    [F_PRESENT_TX_ATTENUATION] = {"radiotap.present.tx_attenuation", "TX Attenuation", TW_FT_BOOLEAN, 32, 0x100, NULL, NULL, &tfs_present_absent, "Specifies if the transmit power distance from max power field is present", NULL},
    [F_PRESENT_DB_TX_ATTENUATION] = {"radiotap.present.db_tx_attenuation", "dB TX Attenuation", TW_FT_BOOLEAN, 32, 0x200, NULL, NULL, &tfs_present_absent, "Specifies if the transmit power distance from max power (in dB) field is present", NULL},
    [F_PRESENT_DBM_TX_POWER] = {"radiotap.present.dbm_tx_power", "dBm TX Power", TW_FT_BOOLEAN, 32, 0x400, NULL, NULL, &tfs_present_absent, "Specifies if the transmit power (in dBm) field is present", NULL},
    [F_PRESENT_ANTENNA] = {"radiotap.present.antenna", "Antenna", TW_FT_BOOLEAN, 32, 0x800, NULL, NULL, &tfs_present_absent, "Specifies if the antenna number field is present", NULL},
    [F_PRESENT_DB_ANTSIGNAL] = {"radiotap.present.db_antsignal", "dB Antenna Signal", TW_FT_BOOLEAN, 32, 0x1000, NULL, NULL, &tfs_present_absent, "Specifies if the RF signal power at antenna in dB field is present", NULL},
    [F_PRESENT_DB_ANTNOISE] = {"radiotap.present.db_antnoise", "dB Antenna Noise", TW_FT_BOOLEAN, 32, 0x2000, NULL, NULL, &tfs_present_absent, "Specifies if the RF signal power at antenna in dBm field is present", NULL},
    [F_PRESENT_RXFLAGS] = {"radiotap.present.rxflags", "RX flags", TW_FT_BOOLEAN, 32, 0x4000, NULL, NULL, &tfs_present_absent, "Specifies if the RX flags field is present", NULL},
    [F_PRESENT_TXFLAGS] = {"radiotap.present.txflags", "TX flags", TW_FT_BOOLEAN, 32, 0x8000, NULL, NULL, &tfs_present_absent, "Specifies if the TX flags field is present", NULL},
    [F_PRESENT_DATA_RETRIES] = {"radiotap.present.data_retries", "data retries", TW_FT_BOOLEAN, 32, 0x20000, NULL, NULL, &tfs_present_absent, "Specifies if the data retries field is present", NULL},
    [F_PRESENT_XCHANNEL] = {"radiotap.present.xchannel", "Channel+", TW_FT_BOOLEAN, 32, 0x40000, NULL, NULL, &tfs_present_absent, "Specifies if the extended channel info field is present", NULL},
    [F_PRESENT_MCS] = {"radiotap.present.mcs", "MCS information", TW_FT_BOOLEAN, 32, 0x80000, NULL, NULL, &tfs_present_absent, "Specifies if the MCS field is present", NULL},
    [F_PRESENT_AMPDU] = {"radiotap.present.ampdu", "A-MPDU Status", TW_FT_BOOLEAN, 32, 0x100000, NULL, NULL, &tfs_present_absent, "Specifies if the A-MPDU status field is present", NULL},
    [F_PRESENT_VHT] = {"radiotap.present.vht", "VHT information", TW_FT_BOOLEAN, 32, 0x200000, NULL, NULL, &tfs_present_absent, "Specifies if the VHT field is present", NULL},
    [F_PRESENT_TIMESTAMP] = {"radiotap.present.timestamp", "frame timestamp", TW_FT_BOOLEAN, 32, 0x400000, NULL, NULL, &tfs_present_absent, "Specifies if the timestamp field is present", NULL},
    [F_PRESENT_HE] = {"radiotap.present.he", "HE information", TW_FT_BOOLEAN, 32, 0x800000, NULL, NULL, &tfs_present_absent, "Specifies if the HE field is present", NULL},
    [F_PRESENT_HE_MU] = {"radiotap.present.he_mu", "HE-MU information", TW_FT_BOOLEAN, 32, 0x1000000, NULL, NULL, &tfs_present_absent, "Specifies if the HE field is present", NULL},
    [F_PRESENT_ZLEN] = {"radiotap.present.0_length.psdu", "0 Length PSDU", TW_FT_BOOLEAN, 32, 0x4000000, NULL, NULL, &tfs_present_absent, "Specifies whether or not the 0-Length PSDU field is present", NULL},
    [F_PRESENT_L_SIG] = {"radiotap.present.l_sig", "L-SIG", TW_FT_BOOLEAN, 32, 0x8000000, NULL, NULL, &tfs_present_absent, "Specifies whether or not the L-SIG field is present", NULL},
    [F_PRESENT_TLV] = {"radiotap.present.tlv", "TLVs", TW_FT_BOOLEAN, 32, 0x10000000, NULL, NULL, &tfs_present_absent, "Specifies switch to TLV fields", NULL},
    [F_PRESENT_RTAP_NS] = {"radiotap.present.rtap_ns", "Radiotap NS next", TW_FT_BOOLEAN, 32, 0x20000000, NULL, NULL, NULL, "Specifies a reset to the radiotap namespace", NULL},
    [F_PRESENT_VENDOR_NS] = {"radiotap.present.vendor_ns", "Vendor NS next", TW_FT_BOOLEAN, 32, 0x40000000, NULL, NULL, NULL, "Specifies that the next bitmap is in a vendor namespace", NULL},
    [F_PRESENT_EXT] = {"radiotap.present.ext", "Ext", TW_FT_BOOLEAN, 32, 0x80000000, NULL, NULL, &tfs_present_absent, "Specifies if there are any extensions to the header present", NULL},
    [F_MACTIME] = {"radiotap.mactime", "MAC timestamp", TW_FT_UINT64, TW_BASE_DEC, 0, NULL, NULL, NULL, "Value in microseconds of the MAC's Time Synchronization Function timer when the first bit of the MPDU arrived at the MAC.", NULL},
    [F_FLAGS] = {"radiotap.flags", "Flags", TW_FT_UINT8, TW_BASE_HEX, 0, NULL, NULL, NULL, NULL, NULL},
    [F_FLAGS_CFP] = {"radiotap.flags.cfp", "CFP", TW_FT_BOOLEAN, 8, 0x1, NULL, NULL, NULL, "Sent/Received during CFP", NULL},
    [F_FLAGS_PREAMBLE] = {"radiotap.flags.preamble", "Preamble", TW_FT_BOOLEAN, 8, 0x2, NULL, NULL, &tfs_short_long, "Sent/Received with short preamble", NULL},
    [F_FLAGS_WEP] = {"radiotap.flags.wep", "WEP", TW_FT_BOOLEAN, 8, 0x4, NULL, NULL, NULL, "Sent/Received with WEP encryption", NULL},
    [F_FLAGS_FRAG] = {"radiotap.flags.frag", "Fragmentation", TW_FT_BOOLEAN, 8, 0x8, NULL, NULL, NULL, "Sent/Received with fragmentation", NULL},
    [F_FLAGS_FCS] = {"radiotap.flags.fcs", "FCS at end", TW_FT_BOOLEAN, 8, 0x10, NULL, NULL, NULL, "Frame includes FCS at end", NULL},
    [F_FLAGS_DATAPAD] = {"radiotap.flags.datapad", "Data Pad", TW_FT_BOOLEAN, 8, 0x20, NULL, NULL, NULL, "Frame has padding between 802.11 header and payload", NULL},
    [F_FLAGS_BADFCS] = {"radiotap.flags.badfcs", "Bad FCS", TW_FT_BOOLEAN, 8, 0x40, NULL, NULL, NULL, "Frame received with bad FCS", NULL},
    [F_FLAGS_SHORTGI] = {"radiotap.flags.shortgi", "Short GI", TW_FT_BOOLEAN, 8, 0x80, NULL, NULL, NULL, "Frame Sent/Received with HT short Guard Interval", NULL},
    [F_DATARATE] = {"radiotap.datarate", "Data rate (Mb/s)", TW_FT_FLOAT, TW_BASE_NONE, 0, NULL, NULL, NULL, "Speed this frame was sent/received at", NULL},
    [F_CHANNEL_FREQ] = {"radiotap.channel.freq", "Channel frequency", TW_FT_UINT32, TW_BASE_DEC, 0, NULL, NULL, NULL, "Channel frequency in megahertz that this frame was sent/received on", NULL},
    [F_CHANNEL_FLAGS] = {"radiotap.channel.flags", "Channel flags", TW_FT_UINT16, TW_BASE_HEX, 0, NULL, NULL, NULL, NULL, NULL},
    [F_CHF_700] = {"radiotap.channel.flags.700mhz", "700 MHz spectrum", TW_FT_BOOLEAN, 16, 0x1, NULL, NULL, NULL, "Channel Flags Turbo", NULL},
    [F_CHF_800] = {"radiotap.channel.flags.800mhz", "800 MHz spectrum", TW_FT_BOOLEAN, 16, 0x2, NULL, NULL, NULL, "Channel Flags Turbo", NULL},
    [F_CHF_900] = {"radiotap.channel.flags.900mhz", "900 MHz spectrum", TW_FT_BOOLEAN, 16, 0x4, NULL, NULL, NULL, "Channel Flags Turbo", NULL},
    [F_CHANNEL_FLAGS_TURBO] = {"radiotap.channel.flags.turbo", "Turbo", TW_FT_BOOLEAN, 16, 0x10, NULL, NULL, NULL, "Channel Flags Turbo", NULL},
    [F_CHANNEL_FLAGS_CCK] = {"radiotap.channel.flags.cck", "Complementary Code Keying (CCK)", TW_FT_BOOLEAN, 16, 0x20, NULL, NULL, NULL, "Channel Flags Complementary Code Keying (CCK) Modulation", NULL},
    [F_CHANNEL_FLAGS_OFDM] = {"radiotap.channel.flags.ofdm", "Orthogonal Frequency-Division Multiplexing (OFDM)", TW_FT_BOOLEAN, 16, 0x40, NULL, NULL, NULL, "Channel Flags Orthogonal Frequency-Division Multiplexing (OFDM)", NULL},
    [F_CHF_2GHZ] = {"radiotap.channel.flags.2ghz", "2 GHz spectrum", TW_FT_BOOLEAN, 16, 0x80, NULL, NULL, NULL, "Channel Flags 2 GHz spectrum", NULL},
    [F_CHF_5GHZ] = {"radiotap.channel.flags.5ghz", "5 GHz spectrum", TW_FT_BOOLEAN, 16, 0x100, NULL, NULL, NULL, "Channel Flags 5 GHz spectrum", NULL},
    [F_CHANNEL_FLAGS_PASSIVE] = {"radiotap.channel.flags.passive", "Passive", TW_FT_BOOLEAN, 16, 0x200, NULL, NULL, NULL, "Channel Flags Passive", NULL},
    [F_CHANNEL_FLAGS_DYNAMIC] = {"radiotap.channel.flags.dynamic", "Dynamic CCK-OFDM", TW_FT_BOOLEAN, 16, 0x400, NULL, NULL, NULL, "Channel Flags Dynamic CCK-OFDM Channel", NULL},
    [F_CHANNEL_FLAGS_GFSK] = {"radiotap.channel.flags.gfsk", "Gaussian Frequency Shift Keying (GFSK)", TW_FT_BOOLEAN, 16, 0x800, NULL, NULL, NULL, "Channel Flags Gaussian Frequency Shift Keying (GFSK) Modulation", NULL},
    [F_CHANNEL_FLAGS_GSM] = {"radiotap.channel.flags.gsm", "GSM (900MHz)", TW_FT_BOOLEAN, 16, 0x1000, NULL, NULL, NULL, "Channel Flags GSM", NULL},
    [F_CHANNEL_FLAGS_STURBO] = {"radiotap.channel.flags.sturbo", "Static Turbo", TW_FT_BOOLEAN, 16, 0x2000, NULL, NULL, NULL, "Channel Flags Status Turbo", NULL},
    [F_CHANNEL_FLAGS_HALF] = {"radiotap.channel.flags.half", "Half Rate Channel (10MHz Channel Width)", TW_FT_BOOLEAN, 16, 0x4000, NULL, NULL, NULL, "Channel Flags Half Rate", NULL},
    [F_CHANNEL_FLAGS_QUARTER] = {"radiotap.channel.flags.quarter", "Quarter Rate Channel (5MHz Channel Width)", TW_FT_BOOLEAN, 16, 0x8000, NULL, NULL, NULL, "Channel Flags Quarter Rate", NULL},
    [F_FHSS_HOPSET] = {"radiotap.fhss.hopset", "FHSS Hop Set", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL, NULL, "Frequency Hopping Spread Spectrum hopset", NULL},
    [F_FHSS_PATTERN] = {"radiotap.fhss.pattern", "FHSS Pattern", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL, NULL, "Frequency Hopping Spread Spectrum hop pattern", NULL},
    [F_DBM_ANTSIGNAL] = {"radiotap.dbm_antsignal", "Antenna signal", TW_FT_INT8, TW_BASE_DEC, 0, NULL, NULL, NULL, "RF signal power at the antenna expressed as decibels from one milliwatt", " dBm"},
    [F_DBM_ANTNOISE] = {"radiotap.dbm_antnoise", "Antenna noise", TW_FT_INT8, TW_BASE_DEC, 0, NULL, NULL, NULL, "RF noise power at the antenna expressed as decibels from one milliwatt", " dBm"},
    [F_QUALITY] = {"radiotap.quality", "Signal Quality", TW_FT_UINT16, TW_BASE_DEC, 0, NULL, NULL, NULL, "Signal quality (unitless measure)", NULL},
    [F_TXATTENUATION] = {"radiotap.txattenuation", "TX attenuation", TW_FT_UINT16, TW_BASE_DEC, 0, NULL, NULL, NULL, "Transmit power expressed as unitless distance from max power set at factory calibration (0 is max power)", NULL},
    [F_DB_TXATTENUATION] = {"radiotap.db_txattenuation", "dB TX attenuation", TW_FT_UINT16, TW_BASE_DEC, 0, NULL, NULL, NULL, "Transmit power expressed as decibels from max power set at factory calibration (0 is max power)", " dB"},
    [F_TXPOWER] = {"radiotap.txpower", "Transmit power", TW_FT_INT8, TW_BASE_DEC, 0, NULL, NULL, NULL, "Transmit power at the antenna port expressed as decibels from one milliwatt", " dBm"},
    [F_ANTENNA] = {"radiotap.antenna", "Antenna", TW_FT_UINT32, TW_BASE_DEC, 0, NULL, NULL, NULL, "Antenna number this frame was sent/received over (starting at 0)", NULL},
    [F_DB_ANTSIGNAL] = {"radiotap.db_antsignal", "dB antenna signal", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL, NULL, "RF signal power at the antenna expressed as decibels from a fixed, arbitrary value", " dB"},
    [F_DB_ANTNOISE] = {"radiotap.db_antnoise", "dB antenna noise", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL, NULL, "RF noise power at the antenna expressed as decibels from a fixed, arbitrary value", " dB"},
    [F_RXFLAGS] = {"radiotap.rxflags", "RX flags", TW_FT_UINT16, TW_BASE_HEX, 0, NULL, NULL, NULL, NULL, NULL},
    [F_RXFLAGS_BADPLCP] = {"radiotap.rxflags.badplcp", "Bad PLCP", TW_FT_BOOLEAN, 24, 0x2, NULL, NULL, NULL, "Frame with bad PLCP", NULL},
    [F_TXFLAGS] = {"radiotap.txflags", "TX flags", TW_FT_UINT16, TW_BASE_HEX, 0, NULL, NULL, NULL, NULL, NULL},
    [F_TXF_FAIL] = {"radiotap.rxflags.fail", "Fail", TW_FT_BOOLEAN, 24, 0x1, NULL, NULL, NULL, "Transmission failed due to excessive retries", NULL},
    [F_TXF_CTS] = {"radiotap.rxflags.cts", "CTS", TW_FT_BOOLEAN, 24, 0x2, NULL, NULL, NULL, "Transmission used CTS-to-self protection", NULL},
    [F_TXF_RTS] = {"radiotap.rxflags.rts", "RTS/CTS", TW_FT_BOOLEAN, 24, 0x4, NULL, NULL, NULL, "Transmission used RTS/CTS handshake", NULL},
    [F_TXF_NOACK] = {"radiotap.rxflags.noack", "No ACK", TW_FT_BOOLEAN, 24, 0x8, NULL, NULL, NULL, "Transmission shall not expect an ACK frame", NULL},
    [F_TXF_NOSEQNO] = {"radiotap.rxflags.noseqno", "Has Seqnum", TW_FT_BOOLEAN, 24, 0x10, NULL, NULL, NULL, "Frame includes a pre-configured sequence number", NULL},
    [F_TXF_ORDER] = {"radiotap.rxflags.order", "Order", TW_FT_BOOLEAN, 24, 0x20, NULL, NULL, NULL, "Frame must not be reordered relative to others with this flag", NULL},
    [F_DATA_RETRIES] = {"radiotap.data_retries", "data retries", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL, NULL, "Number of data retries a transmitted frame used", NULL},
    [F_XCHANNEL_CHANNEL] = {"radiotap.xchannel.channel", "Channel number", TW_FT_UINT32, TW_BASE_DEC, 0, NULL, NULL, NULL, NULL, NULL},
    [F_XCHANNEL_FREQ] = {"radiotap.xchannel.freq", "Channel frequency", TW_FT_UINT32, TW_BASE_DEC, 0, NULL, NULL, NULL, NULL, NULL},
    [F_XCHANNEL_FLAGS] = {"radiotap.xchannel.flags", "Channel flags", TW_FT_UINT32, TW_BASE_HEX, 0, NULL, NULL, NULL, NULL, NULL},
    [F_XCHANNEL_FLAGS_TURBO] = {"radiotap.xchannel.flags.turbo", "Turbo", TW_FT_BOOLEAN, 24, 0x10, NULL, NULL, NULL, "Channel Flags Turbo", NULL},
    [F_XCHANNEL_FLAGS_CCK] = {"radiotap.xchannel.flags.cck", "Complementary Code Keying (CCK)", TW_FT_BOOLEAN, 24, 0x20, NULL, NULL, NULL, "Channel Flags Complementary Code Keying (CCK) Modulation", NULL},
    [F_XCHANNEL_FLAGS_OFDM] = {"radiotap.xchannel.flags.ofdm", "Orthogonal Frequency-Division Multiplexing (OFDM)", TW_FT_BOOLEAN, 24, 0x40, NULL, NULL, NULL, "Channel Flags Orthogonal Frequency-Division Multiplexing (OFDM)", NULL},
    [F_XCHF_2GHZ] = {"radiotap.xchannel.flags.2ghz", "2 GHz spectrum", TW_FT_BOOLEAN, 24, 0x80, NULL, NULL, NULL, "Channel Flags 2 GHz spectrum", NULL},
    [F_XCHF_5GHZ] = {"radiotap.xchannel.flags.5ghz", "5 GHz spectrum", TW_FT_BOOLEAN, 24, 0x100, NULL, NULL, NULL, "Channel Flags 5 GHz spectrum", NULL},
    [F_XCHANNEL_FLAGS_PASSIVE] = {"radiotap.channel.xtype.passive", "Passive", TW_FT_BOOLEAN, 24, 0x200, NULL, NULL, NULL, "Channel Flags Passive", NULL},
    [F_XCHANNEL_FLAGS_DYNAMIC] = {"radiotap.xchannel.flags.dynamic", "Dynamic CCK-OFDM", TW_FT_BOOLEAN, 24, 0x400, NULL, NULL, NULL, "Channel Flags Dynamic CCK-OFDM Channel", NULL},
    [F_XCHANNEL_FLAGS_GFSK] = {"radiotap.xchannel.flags.gfsk", "Gaussian Frequency Shift Keying (GFSK)", TW_FT_BOOLEAN, 24, 0x800, NULL, NULL, NULL, "Channel Flags Gaussian Frequency Shift Keying (GFSK) Modulation", NULL},
    [F_XCHANNEL_FLAGS_GSM] = {"radiotap.xchannel.flags.gsm", "GSM (900MHz)", TW_FT_BOOLEAN, 24, 0x1000, NULL, NULL, NULL, "Channel Flags GSM", NULL},
    [F_XCHANNEL_FLAGS_STURBO] = {"radiotap.xchannel.flags.sturbo", "Static Turbo", TW_FT_BOOLEAN, 24, 0x2000, NULL, NULL, NULL, "Channel Flags Status Turbo", NULL},
    [F_XCHANNEL_FLAGS_HALF] = {"radiotap.xchannel.flags.half", "Half Rate Channel (10MHz Channel Width)", TW_FT_BOOLEAN, 24, 0x4000, NULL, NULL, NULL, "Channel Flags Half Rate", NULL},
    [F_XCHANNEL_FLAGS_QUARTER] = {"radiotap.xchannel.flags.quarter", "Quarter Rate Channel (5MHz Channel Width)", TW_FT_BOOLEAN, 24, 0x8000, NULL, NULL, NULL, "Channel Flags Quarter Rate", NULL},
    [F_XCHANNEL_FLAGS_HT20] = {"radiotap.xchannel.flags.ht20", "HT Channel (20MHz Channel Width)", TW_FT_BOOLEAN, 24, 0x10000, NULL, NULL, NULL, "Channel Flags HT/20", NULL},
    [F_XCHANNEL_FLAGS_HT40U] = {"radiotap.xchannel.flags.ht40u", "HT Channel (40MHz Channel Width with Extension channel above)", TW_FT_BOOLEAN, 24, 0x20000, NULL, NULL, NULL, "Channel Flags HT/40+", NULL},
    [F_XCHANNEL_FLAGS_HT40D] = {"radiotap.xchannel.flags.ht40d", "HT Channel (40MHz Channel Width with Extension channel below)", TW_FT_BOOLEAN, 24, 0x40000, NULL, NULL, NULL, "Channel Flags HT/40-", NULL},
    [F_MCS] = {"radiotap.mcs", "MCS information", TW_FT_NONE, TW_BASE_NONE, 0, NULL, NULL, NULL, NULL, NULL},
    [F_MCS_KNOWN] = {"radiotap.mcs.known", "Known MCS information", TW_FT_UINT8, TW_BASE_HEX, 0, NULL, NULL, NULL, "Bit mask indicating what MCS information is present", NULL},
    [F_MCS_HAVE_BW] = {"radiotap.mcs.have_bw", "Bandwidth", TW_FT_BOOLEAN, 8, 0x1, NULL, NULL, &tfs_present_absent, "Bandwidth information present", NULL},
    [F_MCS_HAVE_INDEX] = {"radiotap.mcs.have_index", "MCS index", TW_FT_BOOLEAN, 8, 0x2, NULL, NULL, &tfs_present_absent, "MCS index information present", NULL},
    [F_MCS_HAVE_GI] = {"radiotap.mcs.have_gi", "Guard interval", TW_FT_BOOLEAN, 8, 0x4, NULL, NULL, &tfs_present_absent, "Sent/Received guard interval information present", NULL},
    [F_MCS_HAVE_FORMAT] = {"radiotap.mcs.have_format", "Format", TW_FT_BOOLEAN, 8, 0x8, NULL, NULL, &tfs_present_absent, "Format information present", NULL},
    [F_MCS_HAVE_FEC] = {"radiotap.mcs.have_fec", "FEC type", TW_FT_BOOLEAN, 8, 0x10, NULL, NULL, &tfs_present_absent, "Forward error correction type information present", NULL},
    [F_MCS_HAVE_STBC] = {"radiotap.mcs.have_stbc", "STBC streams", TW_FT_BOOLEAN, 8, 0x20, NULL, NULL, &tfs_present_absent, "Space Time Block Coding streams information present", NULL},
    [F_MCS_HAVE_NESS] = {"radiotap.mcs.have_ness", "Number of extension spatial streams", TW_FT_BOOLEAN, 8, 0x40, NULL, NULL, &tfs_present_absent, "Number of extension spatial streams information present", NULL},
    [F_MCS_NESS_BIT1] = {"radiotap.mcs.ness_bit1", "Number of extension spatial streams bit 1", TW_FT_UINT8, TW_BASE_DEC, 0x80, NULL, NULL, NULL, "Bit 1 of number of extension spatial streams information", NULL},
    [F_MCS_BW] = {"radiotap.mcs.bw", "Bandwidth", TW_FT_UINT8, TW_BASE_DEC, 0x3, vs_mcs_bw, NULL, NULL, NULL, NULL},
    [F_MCS_GI] = {"radiotap.mcs.gi", "Guard interval", TW_FT_UINT8, TW_BASE_DEC, 0x4, vs_mcs_gi, NULL, NULL, "Sent/Received guard interval", NULL},
    [F_MCS_FORMAT] = {"radiotap.mcs.format", "Format", TW_FT_UINT8, TW_BASE_DEC, 0x8, vs_mcs_format, NULL, NULL, NULL, NULL},
    [F_MCS_FEC] = {"radiotap.mcs.fec", "FEC type", TW_FT_UINT8, TW_BASE_DEC, 0x10, vs_mcs_fec, NULL, NULL, "Forward error correction type", NULL},
    [F_MCS_STBC] = {"radiotap.mcs.stbc", "STBC streams", TW_FT_UINT8, TW_BASE_DEC, 0x60, NULL, NULL, NULL, "Number of Space Time Block Code streams", NULL},
    [F_MCS_NESS_BIT0] = {"radiotap.mcs.ness_bit0", "Number of extension spatial streams bit 0", TW_FT_UINT8, TW_BASE_DEC, 0x80, NULL, NULL, NULL, "Bit 0 of number of extension spatial streams information", NULL},
    [F_MCS_INDEX] = {"radiotap.mcs.index", "MCS index", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL, NULL, NULL, NULL},
    [F_AMPDU] = {"radiotap.ampdu", "A-MPDU status", TW_FT_NONE, TW_BASE_NONE, 0, NULL, NULL, NULL, NULL, NULL},
    [F_AMPDU_REFERENCE] = {"radiotap.ampdu.reference", "A-MPDU reference number", TW_FT_UINT32, TW_BASE_DEC, 0, NULL, NULL, NULL, NULL, NULL},
    [F_AMPDU_FLAGS] = {"radiotap.ampdu.flags", "A-MPDU flags", TW_FT_UINT16, TW_BASE_HEX, 0, NULL, NULL, NULL, "A-MPDU status flags", NULL},
    [F_AMPDU_FLAGS_REPORT_ZEROLEN] = {"radiotap.ampdu.flags.report_zerolen", "Driver reports 0-length subframes in this A-MPDU", TW_FT_BOOLEAN, 16, 0x1, NULL, NULL, NULL, NULL, NULL},
    [F_AMPDU_FLAGS_IS_ZEROLEN] = {"radiotap.ampdu.flags.is_zerolen", "This is a 0-length subframe", TW_FT_BOOLEAN, 16, 0x2, NULL, NULL, NULL, NULL, NULL},
    [F_AMPDU_FLAGS_LASTKNOWN] = {"radiotap.ampdu.flags.lastknown", "Last subframe of this A-MPDU is known", TW_FT_BOOLEAN, 16, 0x4, NULL, NULL, NULL, NULL, NULL},
    [F_AMPDU_FLAGS_LAST] = {"radiotap.ampdu.flags.last", "This is the last subframe of this A-MPDU", TW_FT_BOOLEAN, 16, 0x8, NULL, NULL, NULL, NULL, NULL},
    [F_AMPDU_FLAGS_DELIM_CRC_ERROR] = {"radiotap.ampdu.flags.delim_crc_error", "Delimiter CRC error on this subframe", TW_FT_BOOLEAN, 16, 0x10, NULL, NULL, NULL, NULL, NULL},
    [F_AMPDU_FLAGS_EOF] = {"radiotap.ampdu.flags.eof", "EOF on this subframe", TW_FT_BOOLEAN, 16, 0x40, NULL, NULL, NULL, NULL, NULL},
    [F_AMPDU_FLAGS_EOF_KNOWN] = {"radiotap.ampdu.flags.eof_known", "EOF of this A-MPDU is known", TW_FT_BOOLEAN, 16, 0x80, NULL, NULL, NULL, NULL, NULL},
    [F_AMPDU_DELIM_CRC] = {"radiotap.ampdu.delim_crc", "A-MPDU subframe delimiter CRC", TW_FT_UINT8, TW_BASE_HEX, 0, NULL, NULL, NULL, NULL, NULL},
    [F_VHT] = {"radiotap.vht", "VHT information", TW_FT_NONE, TW_BASE_NONE, 0, NULL, NULL, NULL, NULL, NULL},
    [F_VHT_KNOWN] = {"radiotap.vht.known", "Known VHT information", TW_FT_UINT8, TW_BASE_HEX, 0, NULL, NULL, NULL, "Bit mask indicating what VHT information is present", NULL},
    [F_VHT_USER] = {"radiotap.vht.user", "User", TW_FT_NONE, TW_BASE_NONE, 0, NULL, NULL, NULL, NULL, NULL},
    [F_VHT_HAVE_STBC] = {"radiotap.vht.have_stbc", "STBC", TW_FT_BOOLEAN, 16, 0x1, NULL, NULL, &tfs_present_absent, "Space Time Block Coding information present", NULL},
    [F_VHT_HAVE_TXOP_PS] = {"radiotap.vht.have_txop_ps", "TXOP_PS_NOT_ALLOWED", TW_FT_BOOLEAN, 16, 0x2, NULL, NULL, &tfs_present_absent, "TXOP_PS_NOT_ALLOWED information present", NULL},
    [F_VHT_HAVE_GI] = {"radiotap.vht.have_gi", "Guard interval", TW_FT_BOOLEAN, 16, 0x4, NULL, NULL, &tfs_present_absent, "Short/Long guard interval information present", NULL},
    [F_VHT_HAVE_SGI_NSYM_DA] = {"radiotap.vht.have_sgi_nsym_da", "SGI Nsym disambiguation", TW_FT_BOOLEAN, 16, 0x8, NULL, NULL, &tfs_present_absent, "Short guard interval Nsym disambiguation information present", NULL},
    [F_VHT_HAVE_LDPC_EXTRA] = {"radiotap.vht.ldpc_extra", "LDPC extra OFDM symbol", TW_FT_BOOLEAN, 16, 0x10, NULL, NULL, &tfs_present_absent, NULL, NULL},
    [F_VHT_HAVE_BEAMFORMED] = {"radiotap.vht.have_beamformed", "Beamformed", TW_FT_BOOLEAN, 16, 0x20, NULL, NULL, &tfs_present_absent, NULL, NULL},
    [F_VHT_HAVE_BW] = F_VHT_HAVE_BW_DEF,
    [F_VHT_LDPC_EXTRA] = {"radiotap.vht.ldpc_extra", "LDPC extra OFDM symbol", TW_FT_BOOLEAN, 8, 0x10, NULL, NULL, NULL, NULL, NULL},
    [F_VHT_HAVE_GID] = {"radiotap.mcs.have_gid", "Group ID", TW_FT_BOOLEAN, 16, 0x80, NULL, NULL, &tfs_present_absent, NULL, NULL},
    [F_VHT_HAVE_PAID] = {"radiotap.mcs.have_paid", "Partial AID", TW_FT_BOOLEAN, 16, 0x100, NULL, NULL, &tfs_present_absent, NULL, NULL},
    [F_VHT_STBC] = {"radiotap.vht.stbc", "STBC", TW_FT_BOOLEAN, 8, 0x1, NULL, NULL, &tfs_on_off, "Space Time Block Coding flag", NULL},
    [F_VHT_TXOP_PS] = {"radiotap.vht.txop_ps", "TXOP_PS_NOT_ALLOWED", TW_FT_BOOLEAN, 8, 0x2, NULL, NULL, NULL, "Flag indicating whether STAs may doze during TXOP", NULL},
    [F_VHT_GI] = {"radiotap.vht.gi", "Guard interval", TW_FT_UINT8, TW_BASE_DEC, 0x4, vs_mcs_gi, NULL, NULL, "Short/Long guard interval", NULL},
    [F_VHT_SGI_NSYM_DA] = {"radiotap.vht.sgi_nsym_da", "SGI Nsym disambiguation", TW_FT_BOOLEAN, 8, 0x8, NULL, NULL, NULL, "Short Guard Interval Nsym disambiguation", NULL},
    [F_VHT_BEAMFORMED] = {"radiotap.vht.beamformed", "Beamformed", TW_FT_BOOLEAN, 8, 0x20, NULL, NULL, NULL, NULL, NULL},
    [F_VHT_BW] = {"radiotap.vht.bw", "Bandwidth", TW_FT_UINT8, TW_BASE_DEC, 0, vs_vht_bw, NULL, NULL, NULL, NULL},
    [F_VHT_NSTS_0] = {"radiotap.vht.nsts.0", "Space-time streams 0", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL, NULL, "Number of Space-time streams", NULL},
    [F_VHT_NSTS_1] = {"radiotap.vht.nsts.1", "Space-time streams 1", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL, NULL, "Number of Space-time streams", NULL},
    [F_VHT_NSTS_2] = {"radiotap.vht.nsts.2", "Space-time streams 2", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL, NULL, "Number of Space-time streams", NULL},
    [F_VHT_NSTS_3] = {"radiotap.vht.nsts.3", "Space-time streams 3", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL, NULL, "Number of Space-time streams", NULL},
    [F_VHT_MCS_0] = {"radiotap.vht.mcs.0", "MCS index 0", TW_FT_UINT8, TW_BASE_DEC, 0xf0, NULL, NULL, NULL, "MCS index", NULL},
    [F_VHT_MCS_1] = {"radiotap.vht.mcs.1", "MCS index 1", TW_FT_UINT8, TW_BASE_DEC, 0xf0, NULL, NULL, NULL, "MCS index", NULL},
    [F_VHT_MCS_2] = {"radiotap.vht.mcs.2", "MCS index 2", TW_FT_UINT8, TW_BASE_DEC, 0xf0, NULL, NULL, NULL, "MCS index", NULL},
    [F_VHT_MCS_3] = {"radiotap.vht.mcs.3", "MCS index 3", TW_FT_UINT8, TW_BASE_DEC, 0xf0, NULL, NULL, NULL, "MCS index", NULL},
    [F_VHT_NSS_0] = {"radiotap.vht.nss.0", "Spatial streams 0", TW_FT_UINT8, TW_BASE_DEC, 0xf, NULL, NULL, NULL, "Number of spatial streams", NULL},
    [F_VHT_NSS_1] = {"radiotap.vht.nss.1", "Spatial streams 1", TW_FT_UINT8, TW_BASE_DEC, 0xf, NULL, NULL, NULL, "Number of spatial streams", NULL},
    [F_VHT_NSS_2] = {"radiotap.vht.nss.2", "Spatial streams 2", TW_FT_UINT8, TW_BASE_DEC, 0xf, NULL, NULL, NULL, "Number of spatial streams", NULL},
    [F_VHT_NSS_3] = {"radiotap.vht.nss.3", "Spatial streams 3", TW_FT_UINT8, TW_BASE_DEC, 0xf, NULL, NULL, NULL, "Number of spatial streams", NULL},
    [F_VHT_CODING_0] = {"radiotap.vht.coding.0", "Coding 0", TW_FT_UINT8, TW_BASE_DEC, 0x1, vs_mcs_fec, NULL, NULL, "Coding", NULL},
    [F_VHT_CODING_1] = {"radiotap.vht.coding.1", "Coding 1", TW_FT_UINT8, TW_BASE_DEC, 0x2, vs_mcs_fec, NULL, NULL, "Coding", NULL},
    [F_VHT_CODING_2] = {"radiotap.vht.coding.2", "Coding 2", TW_FT_UINT8, TW_BASE_DEC, 0x4, vs_mcs_fec, NULL, NULL, "Coding", NULL},
    [F_VHT_CODING_3] = {"radiotap.vht.coding.3", "Coding 3", TW_FT_UINT8, TW_BASE_DEC, 0x8, vs_mcs_fec, NULL, NULL, "Coding", NULL},
    [F_VHT_DATARATE_0] = {"radiotap.vht.datarate.0", "Data rate (Mb/s) 0", TW_FT_FLOAT, TW_BASE_NONE, 0, NULL, NULL, NULL, "Speed this frame was sent/received at", NULL},
    [F_VHT_DATARATE_1] = {"radiotap.vht.datarate.1", "Data rate (Mb/s) 1", TW_FT_FLOAT, TW_BASE_NONE, 0, NULL, NULL, NULL, "Speed this frame was sent/received at", NULL},
    [F_VHT_DATARATE_2] = {"radiotap.vht.datarate.2", "Data rate (Mb/s) 2", TW_FT_FLOAT, TW_BASE_NONE, 0, NULL, NULL, NULL, "Speed this frame was sent/received at", NULL},
    [F_VHT_DATARATE_3] = {"radiotap.vht.datarate.3", "Data rate (Mb/s) 3", TW_FT_FLOAT, TW_BASE_NONE, 0, NULL, NULL, NULL, "Speed this frame was sent/received at", NULL},
    [F_VHT_GID] = {"radiotap.vht.gid", "Group Id", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL, NULL, NULL, NULL},
    [F_VHT_PAID] = {"radiotap.vht.paid", "Partial AID", TW_FT_UINT16, TW_BASE_DEC, 0, NULL, NULL, NULL, NULL, NULL},
    [F_TIMESTAMP] = {"radiotap.timestamp", "timestamp information", TW_FT_NONE, TW_BASE_NONE, 0, NULL, NULL, NULL, NULL, NULL},
    [F_TIMESTAMP_TS] = {"radiotap.timestamp.ts", "timestamp", TW_FT_UINT64, TW_BASE_DEC, 0, NULL, NULL, NULL, NULL, NULL},
    [F_TIMESTAMP_ACCURACY] = {"radiotap.timestamp.accuracy", "accuracy", TW_FT_UINT16, TW_BASE_DEC, 0, NULL, NULL, NULL, NULL, NULL},
    [F_TIMESTAMP_UNIT] = {"radiotap.timestamp.unit", "time unit", TW_FT_UINT8, TW_BASE_DEC, 0xf, vs_timestamp_unit, NULL, NULL, NULL, NULL},
    [F_TIMESTAMP_SAMPLINGPOS] = {"radiotap.timestamp.samplingpos", "sampling position", TW_FT_UINT8, TW_BASE_DEC, 0xf0, vs_timestamp_samplingpos, NULL, NULL, NULL, NULL},
    [F_TS_FLAGS_32BIT] = {"radiotap.timestamp.flags.32bit", "32-bit counter", TW_FT_BOOLEAN, 8, 0x1, NULL, NULL, &tfs_yes_no, NULL, NULL},
    [F_TIMESTAMP_FLAGS_ACCURACY] = {"radiotap.timestamp.flags.accuracy", "accuracy field", TW_FT_BOOLEAN, 8, 0x2, NULL, NULL, &tfs_present_absent, NULL, NULL},
    [F_VENDOR_NAMESPACE] = {"radiotap.vendor_namespace", "Vendor namespace", TW_FT_BYTES, TW_BASE_NONE, 0, NULL, NULL, NULL, NULL, NULL},
    [F_VENDOR_OUI] = {"radiotap.vendor_oui", "Vendor OUI", TW_FT_UINT24, TW_BASE_OUI, 0, NULL, NULL, NULL, NULL, NULL},
    [F_VENDOR_SUBNS] = {"radiotap.vendor_subns", "Vendor sub namespace", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL, NULL, "Vendor-specified sub namespace", NULL},
    [F_VENDOR_DATA_LEN] = {"radiotap.vendor_data_len", "Vendor data length", TW_FT_UINT16, TW_BASE_DEC, 0, NULL, NULL, NULL, "Length of vendor-specified data", NULL},
    [F_VENDOR_DATA] = {"radiotap.vendor_data", "Vendor data", TW_FT_NONE, TW_BASE_NONE, 0, NULL, NULL, NULL, "Vendor-specified data", NULL},
    [F_TLV_UNKNOWN_DATA] = {"radiotap.tlv.unknown_data", "unknown TLV data", TW_FT_BYTES, TW_BASE_NONE, 0, NULL, NULL, NULL, NULL, NULL},
    [F_HE_DATA_1] = {"radiotap.he.data_1", "HE Data 1", TW_FT_UINT16, TW_BASE_HEX, 0, NULL, NULL, NULL, "Data 1 of the HE Info field", NULL},
    [F_HE_DATA_1_PPDU_FORMAT] = {"radiotap.he.data_1.ppdu_format", "PPDU Format", TW_FT_UINT16, TW_BASE_HEX, 0x3, vs_he_data_1_ppdu_format, NULL, NULL, NULL, NULL},
    [F_HE_DATA_1_BSS_COLOR_KNOWN] = {"radiotap.he.data_1.bss_color_known", "BSS Color known", TW_FT_BOOLEAN, 16, 0x4, NULL, NULL, &tfs_known_unknown, NULL, NULL},
    [F_HE_DATA_1_BEAM_CHANGE_KNOWN] = {"radiotap.he.data_1.beam_change_known", "Beam Change known", TW_FT_BOOLEAN, 16, 0x8, NULL, NULL, &tfs_known_unknown, NULL, NULL},
    [F_HE_DATA_1_UL_DL_KNOWN] = {"radiotap.he.data_1.ul_dl_known", "UL/DL known", TW_FT_BOOLEAN, 16, 0x10, NULL, NULL, &tfs_known_unknown, NULL, NULL},
    [F_HE_DATA_1_DATA_MCS_KNOWN] = {"radiotap.he.data_1.data_mcs_known", "data MCS known", TW_FT_BOOLEAN, 16, 0x20, NULL, NULL, &tfs_known_unknown, NULL, NULL},
    [F_HE_DATA_1_DATA_DCM_KNOWN] = {"radiotap.he.data_1.data_dcm_known", "data DCM known", TW_FT_BOOLEAN, 16, 0x40, NULL, NULL, &tfs_known_unknown, NULL, NULL},
    [F_HE_DATA_1_CODING_KNOWN] = {"radiotap.he.data_1.coding_known", "Coding known", TW_FT_BOOLEAN, 16, 0x80, NULL, NULL, &tfs_known_unknown, NULL, NULL},
    [F_HE_DATA_1_LDPC_EXTRA_SYMBOL_SEGMENT_KNOWN] = {"radiotap.he.data_1.ldpc_extra_symbol_segment_known", "LDPC extra symbol segment known", TW_FT_BOOLEAN, 16, 0x100, NULL, NULL, &tfs_known_unknown, NULL, NULL},
    [F_HE_DATA_1_STBC_KNOWN] = {"radiotap.he.data_1.stbc_known", "STBC known", TW_FT_BOOLEAN, 16, 0x200, NULL, NULL, &tfs_known_unknown, NULL, NULL},
    [F_HE_DATA_1_SPATIAL_REUSE_1_KNOWN] = {"radiotap.he.data_1.spatial_reuse_1_known", "Spatial Reuse 1 known", TW_FT_BOOLEAN, 16, 0x400, NULL, NULL, &tfs_known_unknown, NULL, NULL},
    [F_HE_DATA_1_SPATIAL_REUSE_2_KNOWN] = {"radiotap.he.data_1.spatial_reuse_2_known", "Spatial Reuse 2 known", TW_FT_BOOLEAN, 16, 0x800, NULL, NULL, &tfs_known_unknown, NULL, NULL},
    [F_HE_DATA_1_SPATIAL_REUSE_3_KNOWN] = {"radiotap.he.data_1.spatial_reuse_3_known", "Spatial Reuse 3 known", TW_FT_BOOLEAN, 16, 0x1000, NULL, NULL, &tfs_known_unknown, NULL, NULL},
    [F_HE_DATA_1_SPATIAL_REUSE_4_KNOWN] = {"radiotap.he.data_1.spatial_reuse_4_known", "Spatial Reuse 4 known", TW_FT_BOOLEAN, 16, 0x2000, NULL, NULL, &tfs_known_unknown, NULL, NULL},
    [F_HE_DATA_1_DATA_BW_RU_ALLOCATION_KNOWN] = {"radiotap.he.data_1.data_bw_ru_allocation_known", "data BW/RU allocation known", TW_FT_BOOLEAN, 16, 0x4000, NULL, NULL, &tfs_known_unknown, NULL, NULL},
    [F_HE_DATA_1_DOPPLER_KNOWN] = {"radiotap.he.data_1.doppler_known", "Doppler known", TW_FT_BOOLEAN, 16, 0x8000, NULL, NULL, &tfs_known_unknown, NULL, NULL},
    [F_HE_DATA_2] = {"radiotap.he.data_2", "HE Data 2", TW_FT_UINT16, TW_BASE_HEX, 0, NULL, NULL, NULL, "Data 1 of the HE Info field", NULL},
    [F_HE_DATA_2_PRI_SEC_80_MHZ_KNOWN] = {"radiotap.he.data_2.pri_sec_80_mhz_known", "pri/sec 80 MHz known", TW_FT_BOOLEAN, 16, 0x1, NULL, NULL, NULL, NULL, NULL},
    [F_HE_DATA_2_GI_KNOWN] = {"radiotap.he.data_2.gi_known", "GI known", TW_FT_BOOLEAN, 16, 0x2, NULL, NULL, &tfs_known_unknown, NULL, NULL},
    [F_HE_DATA_2_NUM_LTF_SYMBOLS_KNOWN] = {"radiotap.he.data_2.num_ltf_symbols_known", "LTF symbols known", TW_FT_BOOLEAN, 16, 0x4, NULL, NULL, &tfs_known_unknown, NULL, NULL},
    [F_HE_DATA_2_PRE_FEC_PADDING_FACTOR_KNOWN] = {"radiotap.he.data_2.pre_fec_padding_factor_known", "Pre-FEC Padding Factor known", TW_FT_BOOLEAN, 16, 0x8, NULL, NULL, &tfs_known_unknown, NULL, NULL},
    [F_HE_DATA_2_TXBF_KNOWN] = {"radiotap.he.data_2.txbf_known", "TxBF known", TW_FT_BOOLEAN, 16, 0x10, NULL, NULL, &tfs_known_unknown, NULL, NULL},
    [F_HE_DATA_2_PE_DISAMBIGUITY_KNOWN] = {"radiotap.he.data_2.pe_disambiguity_known", "PE Disambiguity known", TW_FT_BOOLEAN, 16, 0x20, NULL, NULL, &tfs_known_unknown, NULL, NULL},
    [F_HE_DATA_2_TXOP_KNOWN] = {"radiotap.he.data_2.txop_known", "TXOP known", TW_FT_BOOLEAN, 16, 0x40, NULL, NULL, &tfs_known_unknown, NULL, NULL},
    [F_HE_DATA_2_MIDAMBLE_PERIODICITY_KNOWN] = {"radiotap.he.data_2.midamble_periodicity_known", "midamble periodicity known", TW_FT_BOOLEAN, 16, 0x80, NULL, NULL, &tfs_known_unknown, NULL, NULL},
    [F_HE_DATA_2_RU_ALLOCATION_OFFSET] = {"radiotap.he.data_2.ru_allocation_offset", "RU allocation offset", TW_FT_UINT16, TW_BASE_HEX, 0x3f00, NULL, NULL, NULL, NULL, NULL},
    [F_HE_DATA_2_RU_ALLOCATION_OFFSETI_KNOWN] = {"radiotap.he.data_2.ru_allocation_offseti_known", "RU allocation offset known", TW_FT_BOOLEAN, 16, 0x4000, NULL, NULL, &tfs_known_unknown, NULL, NULL},
    [F_HE_DATA_2_PRI_SEC_80_MHZ] = {"radiotap.he.data_2.pri_sec_80_mhz", "pri/sec 80 MHz", TW_FT_BOOLEAN, 16, 0x8000, NULL, NULL, &tfs_secondary_primary, NULL, NULL},
    [F_HE_DATA_3] = {"radiotap.he.data_3", "HE Data 3", TW_FT_UINT16, TW_BASE_HEX, 0, NULL, NULL, NULL, "Data 1 of the HE Info field", NULL},
    [F_HE_DATA_3_BSS_COLOR] = {"radiotap.he.data_3.bss_color", "BSS Color", TW_FT_UINT16, TW_BASE_HEX, 0x3f, NULL, NULL, NULL, NULL, NULL},
    [F_HE_DATA_3_BSS_COLOR_UNKNOWN] = {"radiotap.he.data_3.bss_color_unknown", "BSS Color unknown", TW_FT_UINT16, TW_BASE_HEX, 0x3f, NULL, NULL, NULL, NULL, NULL},
    [F_HE_DATA_3_BEAM_CHANGE] = {"radiotap.he.data_3.beam_change", "Beam Change", TW_FT_UINT16, TW_BASE_HEX, 0x40, NULL, NULL, NULL, NULL, NULL},
    [F_HE_DATA_3_BEAM_CHANGE_UNKNOWN] = {"radiotap.he.data_3.beam_change_unknown", "Beam Change unknown", TW_FT_UINT16, TW_BASE_HEX, 0x40, NULL, NULL, NULL, NULL, NULL},
    [F_HE_DATA_3_UL_DL] = {"radiotap.he.data_3.ul_dl", "UL/DL", TW_FT_UINT16, TW_BASE_HEX, 0x80, NULL, NULL, NULL, NULL, NULL},
    [F_HE_DATA_3_UL_DL_UNKNOWN] = {"radiotap.he.data_3.ul_dl_unknown", "UL/DL unknown", TW_FT_UINT16, TW_BASE_HEX, 0x80, NULL, NULL, NULL, NULL, NULL},
    [F_HE_DATA_3_DATA_MCS] = {"radiotap.he.data_3.data_mcs", "data MCS", TW_FT_UINT16, TW_BASE_HEX, 0xf00, NULL, NULL, NULL, NULL, NULL},
    [F_HE_DATA_3_DATA_MCS_UNKNOWN] = {"radiotap.he.data_3.data_mcs_unknown", "data MCS unknown", TW_FT_UINT16, TW_BASE_HEX, 0xf00, NULL, NULL, NULL, NULL, NULL},
    [F_HE_DATA_3_DATA_DCM] = {"radiotap.he.data_3.data_dcm", "data DCM", TW_FT_UINT16, TW_BASE_HEX, 0x1000, NULL, NULL, NULL, NULL, NULL},
    [F_HE_DATA_3_DATA_DCM_UNKNOWN] = {"radiotap.he.data_3.data_dcm_unknown", "data DCM unknown", TW_FT_UINT16, TW_BASE_HEX, 0x1000, NULL, NULL, NULL, NULL, NULL},
    [F_HE_DATA_3_CODING] = {"radiotap.he.data_3.coding", "Coding", TW_FT_UINT16, TW_BASE_HEX, 0x2000, vs_he_data_3_coding, NULL, NULL, NULL, NULL},
    [F_HE_DATA_3_CODING_UNKNOWN] = {"radiotap.he.data_3.coding_unknown", "Coding unknown", TW_FT_UINT16, TW_BASE_HEX, 0x2000, NULL, NULL, NULL, NULL, NULL},
    [F_HE_DATA_3_LDPC_EXTRA_SYMBOL_SEGMENT] = {"radiotap.he.data_3.ldpc_extra_symbol_segment", "LDPC extra symbol segment", TW_FT_UINT16, TW_BASE_HEX, 0x4000, NULL, NULL, NULL, NULL, NULL},
    [F_HE_DATA_3_LDPC_EXTRA_SYMBOL_SEGMENT_UNKNOWN] = {"radiotap.he.data_3.ldpc_extra_symbol_segment_unknown", "LDPC extra symbol segment unknown", TW_FT_UINT16, TW_BASE_HEX, 0x4000, NULL, NULL, NULL, NULL, NULL},
    [F_HE_DATA_3_STBC] = {"radiotap.he.data_3.stbc", "STBC", TW_FT_UINT16, TW_BASE_HEX, 0x8000, NULL, NULL, NULL, NULL, NULL},
    [F_HE_DATA_3_STBC_UNKNOWN] = {"radiotap.he.data_3.stbc_unknown", "STBC unknown", TW_FT_UINT16, TW_BASE_HEX, 0x8000, NULL, NULL, NULL, NULL, NULL},
    [F_HE_DATA_4] = {"radiotap.he.data_4", "HE Data 4", TW_FT_UINT16, TW_BASE_HEX, 0, NULL, NULL, NULL, "Data 1 of the HE Info field", NULL},
    [F_HE_DATA_4_SPATIAL_REUSE] = {"radiotap.he.data_4.spatial_reuse", "Spatial Reuse", TW_FT_UINT16, TW_BASE_HEX, 0xf, NULL, NULL, NULL, NULL, NULL},
    [F_HE_DATA_4_SPATIAL_REUSE_UNKNOWN] = {"radiotap.he.data_4.spatial_reuse_unknown", "Spatial Reuse unknown", TW_FT_UINT16, TW_BASE_HEX, 0xf, NULL, NULL, NULL, NULL, NULL},
    [F_HE_DATA_4_RESERVED_D4_FFF0] = {"radiotap.he.data_4.reserved_d4_fff0", "Reserved", TW_FT_UINT16, TW_BASE_HEX, 0xfff0, NULL, NULL, NULL, NULL, NULL},
    [F_HE_DATA_4_SPATIAL_REUSE_1] = {"radiotap.he.data_4.spatial_reuse_1", "Spatial Reuse 1", TW_FT_UINT16, TW_BASE_HEX, 0xf, NULL, NULL, NULL, NULL, NULL},
    [F_HE_DATA_4_SPATIAL_REUSE_1_UNKNOWN] = {"radiotap.he.data_4.spatial_reuse_1_unknown", "Spatial Reuse 1 unknown", TW_FT_UINT16, TW_BASE_HEX, 0xf, NULL, NULL, NULL, NULL, NULL},
    [F_HE_DATA_4_SPATIAL_REUSE_2] = {"radiotap.he.data_4.spatial_reuse_2", "Spatial Reuse 2", TW_FT_UINT16, TW_BASE_HEX, 0xf0, NULL, NULL, NULL, NULL, NULL},
    [F_HE_DATA_4_SPATIAL_REUSE_2_UNKNOWN] = {"radiotap.he.data_4.spatial_reuse_2_unknown", "Spatial Reuse 2 unknown", TW_FT_UINT16, TW_BASE_HEX, 0xf0, NULL, NULL, NULL, NULL, NULL},
    [F_HE_DATA_4_SPATIAL_REUSE_3] = {"radiotap.he.data_4.spatial_reuse_3", "Spatial Reuse 3", TW_FT_UINT16, TW_BASE_HEX, 0xf00, NULL, NULL, NULL, NULL, NULL},
    [F_HE_DATA_4_SPATIAL_REUSE_3_UNKNOWN] = {"radiotap.he.data_4.spatial_reuse_3_unknown", "Spatial Reuse 3 unknown", TW_FT_UINT16, TW_BASE_HEX, 0xf00, NULL, NULL, NULL, NULL, NULL},
    [F_HE_DATA_4_SPATIAL_REUSE_4] = {"radiotap.he.data_4.spatial_reuse_4", "Spatial Reuse 4", TW_FT_UINT16, TW_BASE_HEX, 0xf000, NULL, NULL, NULL, NULL, NULL},
    [F_HE_DATA_4_SPATIAL_REUSE_4_UNKNOWN] = {"radiotap.he.data_4.spatial_reuse_4_unknown", "Spatial Reuse 4 unknown", TW_FT_UINT16, TW_BASE_HEX, 0xf000, NULL, NULL, NULL, NULL, NULL},
    [F_HE_DATA_4_STA_ID_USER] = {"radiotap.he.data_4.sta_id_user", "STA-ID of user data captured for", TW_FT_UINT16, TW_BASE_HEX, 0x7ff0, NULL, NULL, NULL, NULL, NULL},
    [F_HE_DATA_4_RESERVED_D4_B15] = {"radiotap.he.data_4.reserved_d4_b15", "Reserved", TW_FT_UINT16, TW_BASE_HEX, 0x8000, NULL, NULL, NULL, NULL, NULL},
    [F_HE_DATA_5] = {"radiotap.he.data_5", "HE Data 5", TW_FT_UINT16, TW_BASE_HEX, 0, NULL, NULL, NULL, "Data 1 of the HE Info field", NULL},
    [F_HE_DATA_5_DATA_BW_RU_ALLOCATION] = {"radiotap.he.data_5.data_bw_ru_allocation", "data Bandwidth/RU allocation", TW_FT_UINT16, TW_BASE_HEX, 0xf, vs_he_data_5_data_bw_ru_allocation, NULL, NULL, NULL, NULL},
    [F_HE_DATA_5_DATA_BW_RU_ALLOCATION_UNKNOWN] = {"radiotap.he.data_5.data_bw_ru_allocation_unknown", "data Bandwidth/RU allocation unknown", TW_FT_UINT16, TW_BASE_HEX, 0xf, NULL, NULL, NULL, NULL, NULL},
    [F_HE_DATA_5_GI] = {"radiotap.he.data_5.gi", "GI", TW_FT_UINT16, TW_BASE_HEX, 0x30, vs_he_data_5_gi, NULL, NULL, NULL, NULL},
    [F_HE_DATA_5_GI_UNKNOWN] = {"radiotap.he.data_5.gi_unknown", "GI unknown", TW_FT_UINT16, TW_BASE_HEX, 0x30, NULL, NULL, NULL, NULL, NULL},
    [F_HE_DATA_5_LTF_SYMBOL_SIZE] = {"radiotap.he.data_5.ltf_symbol_size", "LTF symbol size", TW_FT_UINT16, TW_BASE_HEX, 0xc0, vs_he_data_5_ltf_symbol_size, NULL, NULL, NULL, NULL},
    [F_HE_DATA_5_LTF_SYMBOL_SIZE_UNKNOWN] = {"radiotap.he.data_5.ltf_symbol_size_unknown", "LTF symbol size unknown", TW_FT_UINT16, TW_BASE_HEX, 0xc0, NULL, NULL, NULL, NULL, NULL},
    [F_HE_NUM_LTF_SYMBOLS] = {"radiotap.he.num_ltf_symbols", "LTF symbols", TW_FT_UINT16, TW_BASE_HEX, 0x700, vs_he_num_ltf_symbols, NULL, NULL, NULL, NULL},
    [F_HE_NUM_LTF_SYMBOLS_UNKNOWN] = {"radiotap.he.num_ltf_symbols_unknown", "LTF symbols unknown", TW_FT_UINT16, TW_BASE_HEX, 0x700, NULL, NULL, NULL, NULL, NULL},
    [F_HE_DATA_5_RESERVED_D5_B11] = {"radiotap.he.data_5.reserved_d5_b11", "reserved", TW_FT_UINT16, TW_BASE_HEX, 0x800, NULL, NULL, NULL, NULL, NULL},
    [F_HE_PRE_FEC_PADDING_FACTOR] = {"radiotap.he.pre_fec_padding_factor", "Pre-FEC Padding Factor", TW_FT_UINT16, TW_BASE_HEX, 0x3000, NULL, NULL, NULL, NULL, NULL},
    [F_HE_PRE_FEC_PADDING_FACTOR_UNKNOWN] = {"radiotap.he.pre_fec_padding_factor_unknown", "Pre-FEC Padding Factor unknown", TW_FT_UINT16, TW_BASE_HEX, 0x3000, NULL, NULL, NULL, NULL, NULL},
    [F_HE_TXBF] = {"radiotap.he.txbf", "TxBF", TW_FT_UINT16, TW_BASE_HEX, 0x4000, NULL, NULL, NULL, NULL, NULL},
    [F_HE_TXBF_UNKNOWN] = {"radiotap.he.txbf_unknown", "TxBF unknown", TW_FT_UINT16, TW_BASE_HEX, 0x4000, NULL, NULL, NULL, NULL, NULL},
    [F_HE_PE_DISAMBIGUITY] = {"radiotap.he.pe_disambiguity", "PE Disambiguity", TW_FT_UINT16, TW_BASE_HEX, 0x8000, NULL, NULL, NULL, NULL, NULL},
    [F_HE_PE_DISAMBIGUITY_UNKNOWN] = {"radiotap.he.pe_disambiguity_unknown", "PE Disambiguity unknown", TW_FT_UINT16, TW_BASE_HEX, 0x8000, NULL, NULL, NULL, NULL, NULL},
    [F_HE_DATA_6] = {"radiotap.he.data_6", "HE Data 6", TW_FT_UINT16, TW_BASE_HEX, 0, NULL, NULL, NULL, "Data 1 of the HE Info field", NULL},
    [F_HE_DATA_6_NSTS] = {"radiotap.he.data_6.nsts", "NSTS", TW_FT_UINT16, TW_BASE_HEX, 0xf, vs_he_data_6_nsts, NULL, NULL, NULL, NULL},
    [F_HE_DATA_6_DOPPLER_VALUE] = {"radiotap.he.data_6.doppler_value", "Doppler value", TW_FT_UINT16, TW_BASE_HEX, 0x10, NULL, NULL, NULL, NULL, NULL},
    [F_HE_DATA_6_DOPPLER_VALUE_UNKNOWN] = {"radiotap.he.data_6.doppler_value_unknown", "Doppler value unknown", TW_FT_UINT16, TW_BASE_HEX, 0x10, NULL, NULL, NULL, NULL, NULL},
    [F_HE_DATA_6_RESERVED_D6_00E0] = {"radiotap.he.data_6.reserved_d6_00e0", "Reserved", TW_FT_UINT16, TW_BASE_HEX, 0xe0, NULL, NULL, NULL, NULL, NULL},
    [F_HE_DATA_6_TXOP_VALUE] = {"radiotap.he.data_6.txop_value", "TXOP value", TW_FT_UINT16, TW_BASE_HEX, 0x7f00, NULL, NULL, NULL, NULL, NULL},
    [F_HE_DATA_6_TXOP_VALUE_UNKNOWN] = {"radiotap.he.data_6.txop_value_unknown", "TXOP value unknown", TW_FT_UINT16, TW_BASE_HEX, 0x7f00, NULL, NULL, NULL, NULL, NULL},
    [F_HE_DATA_6_MIDAMBLE_PERIODICITY] = {"radiotap.he.data_6.midamble_periodicity", "midamble periodicity", TW_FT_UINT16, TW_BASE_HEX, 0x8000, vs_he_data_6_midamble_periodicity, NULL, NULL, NULL, NULL},
    [F_HE_DATA_6_MIDAMBLE_PERIODICITY_UNKNOWN] = {"radiotap.he.data_6.midamble_periodicity_unknown", "midamble periodicity unknown", TW_FT_UINT16, TW_BASE_HEX, 0x8000, NULL, NULL, NULL, NULL, NULL},
    [F_ZLEN_TYPE] = {"radiotap.0_len_psdu.type", "Type", TW_FT_UINT8, TW_BASE_HEX, 0, NULL, rs_zlen_type, NULL, NULL, NULL},
    [F_L_SIG_DATA1] = {"radiotap.l_sig.data1", "Data1", TW_FT_UINT16, TW_BASE_HEX, 0, NULL, NULL, NULL, NULL, NULL},
    [F_L_SIG_RATE_KNOWN] = {"radiotap.l_sig.rate_known", "rate known", TW_FT_BOOLEAN, 16, 0x1, NULL, NULL, NULL, NULL, NULL},
    [F_L_SIG_LENGTH_KNOWN] = {"radiotap.l_sig.length_known", "length known", TW_FT_BOOLEAN, 16, 0x2, NULL, NULL, NULL, NULL, NULL},
    [F_L_SIG_RESERVED] = {"radiotap.l_sig.reserved", "reserved", TW_FT_UINT16, TW_BASE_HEX, 0xfffc, NULL, NULL, NULL, NULL, NULL},
    [F_L_SIG_DATA2] = {"radiotap.l_sig.data2", "Data2", TW_FT_UINT16, TW_BASE_HEX, 0, NULL, NULL, NULL, NULL, NULL},
    [F_L_SIG_RATE] = {"radiotap.l_sig.rate", "rate", TW_FT_UINT16, TW_BASE_DEC, 0xf, NULL, NULL, NULL, NULL, NULL},
    [F_L_SIG_LENGTH] = {"radiotap.l_sig.length", "length", TW_FT_UINT16, TW_BASE_DEC, 0xfff0, NULL, NULL, NULL, NULL, NULL},
};

enum {
    W_PHY,
    W_FHSS_HOP_SET,
    W_FHSS_HOP_PATTERN,
    W_11A_CHANNEL_TYPE,
    W_11A_TURBO_TYPE,
    W_11G_MODE,
    W_11N_MCS_INDEX,
    W_11N_BANDWIDTH,
    W_11N_SHORT_GI,
    W_11N_GREENFIELD,
    W_11N_FEC,
    W_11N_STBC_STREAMS,
    W_11N_NESS,
    W_11AC_STBC,
    W_AC_TXOP_PS,
    W_11AC_SHORT_GI,
    W_11AC_SHORT_GI_NSYM_DISAMBIG,
    W_11AC_LDPC_EXTRA_OFDM_SYMBOL,
    W_11AC_BEAMFORMED,
    W_11AC_BANDWIDTH,
    W_11AC_USER,
    W_11AC_NSTS,
    W_11AC_MCS,
    W_11AC_NSS,
    W_11AC_FEC,
    W_11AC_GID,
    W_11AC_PAID,
    W_DATA_RATE,
    W_CHANNEL,
    W_FREQUENCY,
    W_SHORT_PREAMBLE,
    W_SIGNAL_DB,
    W_SIGNAL_DBM,
    W_NOISE_DB,
    W_NOISE_DBM,
    W_SNR,
    W_TIMESTAMP,
    W_LAST_PART_OF_AN_AMPDU,
    W_A_MPDU_DELIM_CRC_ERROR,
    W_A_MPDU_AGGREGATE_ID,
    W_DURATION,
    W_PREAMBLE,
    W_AGGREGATE,
    W_AGGREGATE_DURATION,
    W_IFS,
    W_START_TSF,
    W_END_TSF,
    W_ZERO_LEN_PSDU_TYPE,
    W_COUNT
};
static const struct tw_vs wvs_phy[] = {{1, "802.11 FHSS"},{2, "802.11 IR"},{3, "802.11 DSSS"},{4, "802.11b (HR/DSSS)"},{5, "802.11a (OFDM)"},{6, "802.11g (ERP)"},{7, "802.11n (HT)"},{8, "802.11ac (VHT)"},{9, "802.11ad (DMG)"},{10, "802.11ah (S1G)"},{11, "802.11ax (HE)"}, {0, NULL}};
static const struct tw_vs wvs_11a_channel_type[] = {{0, "Normal"},{1, "Half-clocked"},{2, "Quarter-clocked"}, {0, NULL}};
static const struct tw_vs wvs_11a_turbo_type[] = {{0, "Non-turbo"},{1, "Turbo"},{2, "Dynamic turbo"},{3, "Static turbo"}, {0, NULL}};
static const struct tw_vs wvs_11g_mode[] = {{0, "None"},{1, "Super G"}, {0, NULL}};
static const struct tw_vs wvs_11n_bandwidth[] = {{0, "20 MHz"},{1, "40 MHz"},{2, "20 MHz + 20 MHz lower"},{3, "20 MHz + 20 MHz upper"},{4, "80 MHz"},{5, "40 MHz + 40 MHz lower"},{6, "40 MHz + 40 MHz upper"},{7, "20 MHz, channel 1/4"},{8, "20 MHz, channel 2/4"},{9, "20 MHz, channel 3/4"},{10, "20 MHz, channel 4/4"},{11, "160 MHz"},{12, "80 MHz + 80 MHz lower"},{13, "80 MHz + 80 MHz upper"},{14, "40 MHz, channel 1/4"},{15, "40 MHz, channel 2/4"},{16, "40 MHz, channel 3/4"},{17, "40 MHz, channel 4/4"},{18, "20 MHz, channel 1/8"},{19, "20 MHz, channel 2/8"},{20, "20 MHz, channel 3/8"},{21, "20 MHz, channel 4/8"},{22, "20 MHz, channel 5/8"},{23, "20 MHz, channel 6/8"},{24, "20 MHz, channel 7/8"},{25, "20 MHz, channel 8/8"}, {0, NULL}};
static const struct tw_vs wvs_11n_fec[] = {{0, "BEC"},{1, "LDPC"}, {0, NULL}};
static const struct tw_tfs wtfs_on_off = {"On", "Off"};
static const struct tw_vs wvs_zero_len_psdu_type[] = {{0x0, "sounding PPDU"},{0x1, "data not captured"},{0xff, "vendor-specific"}, {0, NULL}};
static const struct tw_field_def wfields[W_COUNT] = {
    [W_PHY] = {"wlan_radio.phy", "PHY type", TW_FT_UINT32, TW_BASE_DEC, 0, wvs_phy, NULL, NULL, NULL, NULL},
    [W_FHSS_HOP_SET] = {"wlan_radio.fhss.hop_set", "Hop set", TW_FT_UINT8, TW_BASE_HEX, 0, NULL, NULL, NULL, NULL, NULL},
    [W_FHSS_HOP_PATTERN] = {"wlan_radio.fhss.hop_pattern", "Hop pattern", TW_FT_UINT8, TW_BASE_HEX, 0, NULL, NULL, NULL, NULL, NULL},
    [W_11A_CHANNEL_TYPE] = {"wlan_radio.11a.channel_type", "Channel type", TW_FT_UINT32, TW_BASE_DEC, 0, wvs_11a_channel_type, NULL, NULL, NULL, NULL},
    [W_11A_TURBO_TYPE] = {"wlan_radio.11a.turbo_type", "Turbo type", TW_FT_UINT32, TW_BASE_DEC, 0, wvs_11a_turbo_type, NULL, NULL, NULL, NULL},
    [W_11G_MODE] = {"wlan_radio.11g.mode", "Proprietary mode", TW_FT_UINT32, TW_BASE_DEC, 0, wvs_11g_mode, NULL, NULL, NULL, NULL},
    [W_11N_MCS_INDEX] = {"wlan_radio.11n.mcs_index", "MCS index", TW_FT_UINT32, TW_BASE_DEC, 0, NULL, NULL, NULL, "Modulation and Coding Scheme index", NULL},
    [W_11N_BANDWIDTH] = {"wlan_radio.11n.bandwidth", "Bandwidth", TW_FT_UINT32, TW_BASE_DEC, 0, wvs_11n_bandwidth, NULL, NULL, NULL, NULL},
    [W_11N_SHORT_GI] = {"wlan_radio.11n.short_gi", "Short GI", TW_FT_BOOLEAN, 0, 0, NULL, NULL, NULL, NULL, NULL},
    [W_11N_GREENFIELD] = {"wlan_radio.11n.greenfield", "Greenfield", TW_FT_BOOLEAN, 0, 0, NULL, NULL, NULL, NULL, NULL},
    [W_11N_FEC] = {"wlan_radio.11n.fec", "FEC", TW_FT_UINT32, TW_BASE_DEC, 0, wvs_11n_fec, NULL, NULL, NULL, NULL},
    [W_11N_STBC_STREAMS] = {"wlan_radio.11n.stbc_streams", "Number of STBC streams", TW_FT_UINT32, TW_BASE_DEC, 0, NULL, NULL, NULL, NULL, NULL},
    [W_11N_NESS] = {"wlan_radio.11n.ness", "Number of extension spatial streams", TW_FT_UINT32, TW_BASE_DEC, 0, NULL, NULL, NULL, NULL, NULL},
    [W_11AC_STBC] = {"wlan_radio.11ac.stbc", "STBC", TW_FT_BOOLEAN, 0, 0, NULL, NULL, &wtfs_on_off, "Space Time Block Coding flag", NULL},
    [W_AC_TXOP_PS] = {"wlan_radio_11ac.txop_ps_not_allowed", "TXOP_PS_NOT_ALLOWED", TW_FT_BOOLEAN, 0, 0, NULL, NULL, NULL, "Flag indicating whether STAs may doze during TXOP", NULL},
    [W_11AC_SHORT_GI] = {"wlan_radio.11ac.short_gi", "Short GI", TW_FT_BOOLEAN, 0, 0, NULL, NULL, NULL, NULL, NULL},
    [W_11AC_SHORT_GI_NSYM_DISAMBIG] = {"wlan_radio.11ac.short_gi_nsym_disambig", "Short GI Nsym disambiguation", TW_FT_BOOLEAN, 0, 0, NULL, NULL, NULL, "Short Guard Interval Nsym disambiguation", NULL},
    [W_11AC_LDPC_EXTRA_OFDM_SYMBOL] = {"wlan_radio.11ac.ldpc_extra_ofdm_symbol", "LDPC extra OFDM symbol", TW_FT_BOOLEAN, 0, 0, NULL, NULL, NULL, NULL, NULL},
    [W_11AC_BEAMFORMED] = {"wlan_radio.11ac.beamformed", "Beamformed", TW_FT_BOOLEAN, 0, 0, NULL, NULL, NULL, NULL, NULL},
    [W_11AC_BANDWIDTH] = {"wlan_radio.11ac.bandwidth", "Bandwidth", TW_FT_UINT32, TW_BASE_DEC, 0, wvs_11n_bandwidth, NULL, NULL, NULL, NULL},
    [W_11AC_USER] = {"wlan_radio.11ac.user", "User", TW_FT_NONE, TW_BASE_NONE, 0, NULL, NULL, NULL, NULL, NULL},
    [W_11AC_NSTS] = {"wlan_radio.11ac.nsts", "Space-time streams", TW_FT_UINT32, TW_BASE_DEC, 0, NULL, NULL, NULL, "Number of Space-time streams", NULL},
    [W_11AC_MCS] = {"wlan_radio.11ac.mcs", "MCS index", TW_FT_UINT32, TW_BASE_DEC, 0, NULL, NULL, NULL, "Modulation and Coding Scheme index", NULL},
    [W_11AC_NSS] = {"wlan_radio.11ac.nss", "Spatial streams", TW_FT_UINT32, TW_BASE_DEC, 0, NULL, NULL, NULL, "Number of spatial streams", NULL},
    [W_11AC_FEC] = {"wlan_radio.11ac.fec", "FEC", TW_FT_UINT32, TW_BASE_DEC, 0, wvs_11n_fec, NULL, NULL, "Type of FEC", NULL},
    [W_11AC_GID] = {"wlan_radio.11ac.gid", "Group Id", TW_FT_UINT32, TW_BASE_DEC, 0, NULL, NULL, NULL, NULL, NULL},
    [W_11AC_PAID] = {"wlan_radio.11ac.paid", "Partial AID", TW_FT_UINT16, TW_BASE_DEC, 0, NULL, NULL, NULL, NULL, NULL},
    [W_DATA_RATE] = {"wlan_radio.data_rate", "Data rate", TW_FT_FLOAT, TW_BASE_NONE, 0, NULL, NULL, NULL, "Speed at which this frame was sent/received", NULL},
    [W_CHANNEL] = {"wlan_radio.channel", "Channel", TW_FT_UINT32, TW_BASE_DEC, 0, NULL, NULL, NULL, "802.11 channel number that this frame was sent/received on", NULL},
    [W_FREQUENCY] = {"wlan_radio.frequency", "Frequency", TW_FT_UINT16, TW_BASE_DEC, 0, NULL, NULL, NULL, "Center frequency of the 802.11 channel that this frame was sent/received on", "MHz"},
    [W_SHORT_PREAMBLE] = {"wlan_radio.short_preamble", "Short preamble", TW_FT_BOOLEAN, 0, 0, NULL, NULL, NULL, NULL, NULL},
    [W_SIGNAL_DB] = {"wlan_radio.signal_db", "Signal strength (dB)", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL, NULL, NULL, " dB"},
    [W_SIGNAL_DBM] = {"wlan_radio.signal_dbm", "Signal strength (dBm)", TW_FT_INT8, TW_BASE_DEC, 0, NULL, NULL, NULL, NULL, " dBm"},
    [W_NOISE_DB] = {"wlan_radio.noise_db", "Noise level (dB)", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL, NULL, NULL, " dB"},
    [W_NOISE_DBM] = {"wlan_radio.noise_dbm", "Noise level (dBm)", TW_FT_INT8, TW_BASE_DEC, 0, NULL, NULL, NULL, NULL, " dBm"},
    [W_SNR] = {"wlan_radio.snr", "Signal/noise ratio (dB)", TW_FT_INT32, TW_BASE_DEC, 0, NULL, NULL, NULL, NULL, " dB"},
    [W_TIMESTAMP] = {"wlan_radio.timestamp", "TSF timestamp", TW_FT_UINT64, TW_BASE_DEC, 0, NULL, NULL, NULL, "Timing Synchronization Function timestamp", NULL},
    [W_LAST_PART_OF_AN_AMPDU] = {"wlan_radio.last_part_of_an_ampdu", "Last part of an A-MPDU", TW_FT_BOOLEAN, 32, 0x1, NULL, NULL, NULL, "This is the last part of an A-MPDU", NULL},
    [W_A_MPDU_DELIM_CRC_ERROR] = {"wlan_radio.a_mpdu_delim_crc_error", "A-MPDU delimiter CRC error", TW_FT_BOOLEAN, 32, 0x2, NULL, NULL, NULL, NULL, NULL},
    [W_A_MPDU_AGGREGATE_ID] = {"wlan_radio.a_mpdu_aggregate_id", "A-MPDU aggregate ID", TW_FT_UINT32, TW_BASE_DEC, 0, NULL, NULL, NULL, NULL, NULL},
    [W_DURATION] = {"wlan_radio.duration", "Duration", TW_FT_UINT32, TW_BASE_DEC, 0, NULL, NULL, NULL, "Total duration of the frame in microseconds, including any preamble or plcp header. Calculated from the frame length, modulation and other phy data.", "µs"},
    [W_PREAMBLE] = {"wlan_radio.preamble", "Preamble", TW_FT_UINT32, TW_BASE_DEC, 0, NULL, NULL, NULL, "Duration of the PLCP or preamble in microseconds, calculated from PHY data", "µs"},
    [W_AGGREGATE] = {"wlan_radio.aggregate", "A-MPDU", TW_FT_NONE, TW_BASE_NONE, 0, NULL, NULL, NULL, "MPDU is part of an A-MPDU", NULL},
    [W_AGGREGATE_DURATION] = {"wlan_radio.aggregate.duration", "Aggregate Duration", TW_FT_UINT32, TW_BASE_DEC, 0, NULL, NULL, NULL, "Total duration of the aggregate in microseconds, including any preamble or plcp header and multiple MPDUs. Calculated from the total subframe lengths, modulation and other phy data, assumes no excess padding.", "µs"},
    [W_IFS] = {"wlan_radio.ifs", "IFS", TW_FT_INT64, TW_BASE_DEC, 0, NULL, NULL, NULL, "Inter Frame Space before this frame in microseconds, calculated from PHY data", "µs"},
    [W_START_TSF] = {"wlan_radio.start_tsf", "Start", TW_FT_UINT64, TW_BASE_DEC, 0, NULL, NULL, NULL, "Calculated start time of the frame", "µs"},
    [W_END_TSF] = {"wlan_radio.end_tsf", "End", TW_FT_UINT64, TW_BASE_DEC, 0, NULL, NULL, NULL, "Calculated end time of the frame", "µs"},
    [W_ZERO_LEN_PSDU_TYPE] = {"wlan_radio.zero_len_psdu.type", "Zero-length PSDU Type", TW_FT_UINT8, TW_BASE_HEX, 0, wvs_zero_len_psdu_type, NULL, NULL, "Type of zero-length PSDU", NULL},
};

static const struct tw_expert_def experts[] = {
    {"radiotap.length.invalid", "decoder.radiotap.bad_length", TW_SEV_ERROR, TW_GRP_MALFORMED,
     "The radiotap header length is less than 8 bytes"},
    {"radiotap.present.radiotap_and_vendor", "decoder.radiotap.two_namespaces", TW_SEV_ERROR,
     TW_GRP_MALFORMED, "Both radiotap and vendor namespace specified in bitmask word"},
    {"radiotap.data_past_header", "decoder.radiotap.data_past_header", TW_SEV_ERROR,
     TW_GRP_MALFORMED, "Radiotap data goes past the end of the radiotap header"},
    {"radiotap.vht.datarate.invalid", "decoder.radiotap.vht_bad_rate", TW_SEV_WARN,
     TW_GRP_MALFORMED, "Data rate invalid"},
};
enum { E_BAD_LENGTH, E_TWO_NS, E_PAST_HEADER, E_VHT_RATE };

static const struct tw_expert_def wexperts[] = {
    {"wlan_radio.assumed.short_preamble", "decoder.wlan_radio.assumed_short_preamble",
     TW_SEV_WARN, TW_GRP_ASSUMPTION,
     "No preamble length information was available, assuming short preamble."},
    {"wlan_radio.assumed.non_greenfield", "decoder.wlan_radio.assumed_non_greenfield",
     TW_SEV_WARN, TW_GRP_ASSUMPTION,
     "No plcp type information was available, assuming non greenfield."},
    {"wlan_radio.assumed.no_stbc", "decoder.wlan_radio.assumed_no_stbc", TW_SEV_WARN,
     TW_GRP_ASSUMPTION, "No stbc information was available, assuming no stbc."},
    {"wlan_radio.assumed.no_extension_streams", "decoder.wlan_radio.assumed_no_ext_streams",
     TW_SEV_WARN, TW_GRP_ASSUMPTION,
     "No extension stream information was available, assuming no extension streams."},
    {"wlan_radio.assumed.bcc_fec", "decoder.wlan_radio.assumed_bcc_fec", TW_SEV_WARN,
     TW_GRP_ASSUMPTION, "No fec type information was available, assuming bcc fec."},
};
enum { WE_SHORT_PREAMBLE, WE_NON_GREENFIELD, WE_NO_STBC, WE_NO_EXT_STREAMS, WE_BCC_FEC };

/* ---------------------------------------------------------------------------------------------
 * Shared helpers (declared in wlan_phdr.h)
 * ------------------------------------------------------------------------------------------- */
struct tw_wlan_phdr tw_wlan_phdr;

void tw_wlan_phdr_reset(struct tw_pkt *p)
{
    memset(&tw_wlan_phdr, 0, sizeof tw_wlan_phdr);
    tw_wlan_phdr.frame = p->frame->recno;
    tw_wlan_phdr.fcs_len = -1;
    tw_wlan_phdr.phy = TW_PHY_UNKNOWN;
}

const struct tw_wlan_phdr *tw_wlan_phdr_get(const struct tw_pkt *p)
{
    return tw_wlan_phdr.frame && tw_wlan_phdr.frame == p->frame->recno ? &tw_wlan_phdr : NULL;
}

static int type_hex_digits(uint8_t type)
{
    switch (type) {
    case TW_FT_UINT8: return 2;
    case TW_FT_UINT16: return 4;
    case TW_FT_UINT24: return 6;
    case TW_FT_UINT32: return 8;
    case TW_FT_UINT40: return 10;
    case TW_FT_UINT48: return 12;
    default: return 16;
    }
}

void tw_wlan_bitmask_label(struct tw_pkt *p, int32_t rec, uint16_t hf, uint64_t value,
                           const uint16_t *subs, unsigned nsubs)
{
    if (rec < 0 || !tw_want_labels(p)) return;
    const struct tw_field_def *d = tw_field(hf)->def;
    char buf[1024];
    int n = snprintf(buf, sizeof buf, "%s: 0x%0*llx", d->name, type_hex_digits(d->type),
                     (unsigned long long)value);
    for (unsigned i = 0; i < nsubs && n > 0 && (size_t)n < sizeof buf; i++) {
        const struct tw_field_info *si = tw_field(subs[i]);
        const struct tw_field_def *sd = si->def;
        uint64_t v = sd->mask ? (value & sd->mask) >> si->shift : value;
        if (sd->type == TW_FT_BOOLEAN) {
            if (v) n += snprintf(buf + n, sizeof buf - (size_t)n, ", %s", sd->name);
        } else if (sd->vals || sd->rvals) {
            const char *s = sd->vals ? tw_vs_find(sd->vals, (uint32_t)v) : NULL;
            if (!s && sd->rvals) s = tw_rs_find(sd->rvals, (uint32_t)v);
            n += snprintf(buf + n, sizeof buf - (size_t)n, ", %s: %s", sd->name,
                          s ? s : "Unknown");
        }
    }
    tw_rec_label(p, rec, "%s", buf);
}

/* Frequency bands as Wireshark numbers them: 2.4 GHz (channel 14 apart), 5 GHz from 5000 MHz,
 * 6 GHz from 5950 MHz, and 4.9 GHz public safety from 4910 MHz. */
static const struct {
    unsigned fmin, fmax;
    int cmin;
    bool bg;
} freq_bands[] = {
    {2412, 2472, 1, true}, {2484, 2484, 14, true}, {5000, 5925, 0, false},
    {5950, 7125, 0, false}, {4910, 4980, 182, false},
};

static int band_of(unsigned freq)
{
    for (unsigned i = 0; i < TW_ARRAY_LEN(freq_bands); i++)
        if (freq >= freq_bands[i].fmin && freq <= freq_bands[i].fmax) return (int)i;
    return -1;
}

int tw_wlan_mhz_to_chan(unsigned freq)
{
    int b = band_of(freq);
    return b < 0 ? -1 : (int)((freq - freq_bands[b].fmin) / 5) + freq_bands[b].cmin;
}

static void mhz_to_str(char *out, size_t n, unsigned freq)
{
    int b = band_of(freq);
    if (b < 0)
        snprintf(out, n, "%u", freq);
    else
        snprintf(out, n, "%u [%s %d]", freq, freq_bands[b].bg ? "BG" : "A",
                 tw_wlan_mhz_to_chan(freq));
}

/* ---------------------------------------------------------------------------------------------
 * Rates
 * ------------------------------------------------------------------------------------------- */
/* data bits per OFDM symbol of each HT MCS at 20 MHz (802.11-2020 tables 19-27..19-41) */
static const uint16_t ht_dbps[77] = {
    26,  52,  78,  104, 156, 208, 234, 260, 52,  104, 156, 208, 312, 416, 468, 520,
    78,  156, 234, 312, 468, 624, 702, 780, 104, 208, 312, 416, 624, 832, 936, 1040,
    12,  156, 208, 260, 234, 312, 390, 208, 260, 260, 312, 364, 364, 416, 312, 390,
    390, 468, 546, 546, 624, 260, 312, 364, 312, 364, 416, 468, 416, 468, 520, 520,
    572, 390, 468, 546, 468, 546, 624, 702, 624, 702, 780, 780, 858};
/* spatial streams of each HT MCS */
static const uint8_t ht_streams[77] = {
    1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 4, 4,
    4, 4, 4, 4, 4, 4, 1, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
    3, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4};
/* BCC encoders of each HT MCS */
static const uint8_t ht_nes[77] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 1, 1,
    1, 1, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2};
#define MAX_HT_MCS 76

static float ht_rate(unsigned mcs, bool bw40, bool sgi)
{
    return (float)(ht_dbps[mcs] * (bw40 ? 108 : 52) / 52.0 / (sgi ? 3.6 : 4.0));
}

/* VHT: data bits per symbol at 20 MHz for MCS 0..9, data subcarriers per bandwidth class */
static const float vht_dbps[10] = {26, 52, 78, 104, 156, 208, 234, 260, 312, (float)(1040 / 3.0)};
static const unsigned vht_subcarriers[4] = {52, 108, 234, 468};
static const char *const vht_mod[10] = {"BPSK",   "QPSK",   "QPSK",   "16-QAM",  "16-QAM",
                                        "64-QAM", "64-QAM", "64-QAM", "256-QAM", "256-QAM"};
static const char *const vht_code[10] = {"1/2", "1/2", "3/4", "1/2", "3/4",
                                         "2/3", "3/4", "5/6", "3/4", "5/6"};
/* bandwidth code -> class (20/40/80/160) */
static const uint8_t vht_bw_class[26] = {0, 1, 0, 0, 2, 1, 1, 0, 0, 0, 0, 0, 0,
                                         3, 2, 2, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0};
/* Combinations 802.11ac does not define (NSS-1 bit set per bandwidth class), MCS 6 and 9. */
static bool vht_valid(unsigned mcs, unsigned bwc, unsigned nss)
{
    if (nss < 1 || nss > 8) return false;
    static const uint8_t mcs6[4] = {0x00, 0x00, 0x44, 0x00}; /* 80 MHz, NSS 3 and 7 */
    static const uint8_t mcs9[4] = {0xdb, 0x00, 0x20, 0x04}; /* 20: 1,2,4,5,7,8; 80: 6; 160: 3 */
    if (mcs == 6) return !(mcs6[bwc] & (1u << (nss - 1)));
    if (mcs == 9) return !(mcs9[bwc] & (1u << (nss - 1)));
    return true;
}
/* radiotap's per-user VHT rate: the rate rounded to 0.1 Mb/s as the tables in the standard */
static float vht_rate_tab(unsigned mcs, unsigned bwc, bool sgi)
{
    double r = vht_dbps[mcs] * vht_subcarriers[bwc] / 52.0 / (sgi ? 3.6 : 4.0);
    return (float)(floor(r * 10.0 + 0.5) / 10.0);
}
/* wlan_radio's VHT rate: unrounded */
static float vht_rate(unsigned mcs, unsigned bwc, bool sgi)
{
    return (float)(vht_dbps[mcs] * vht_subcarriers[bwc] / (sgi ? 3.6 : 4.0) / 52.0);
}

/* HE (802.11ax) rates: data subcarriers, bits per subcarrier and code rate, rounded to 0.1 */
static float he_rate(unsigned nsts, unsigned mcs, unsigned bwru, unsigned gi)
{
    static const unsigned nsd_su[4] = {234, 468, 980, 1960};
    static const unsigned nsd_ru[6] = {24, 48, 102, 234, 468, 980};
    static const unsigned bits[12] = {1, 2, 2, 4, 4, 6, 6, 6, 8, 8, 10, 10};
    static const double code[12] = {1.0 / 2, 1.0 / 2, 3.0 / 4, 1.0 / 2, 3.0 / 4, 2.0 / 3,
                                    3.0 / 4, 5.0 / 6, 3.0 / 4, 5.0 / 6, 3.0 / 4, 5.0 / 6};
    static const double sym[3] = {13.6, 14.4, 16.0};
    if (nsts < 1 || nsts > 8 || mcs > 11 || gi > 2) return 0.0f;
    unsigned nsd;
    if (bwru < 4) nsd = nsd_su[bwru];
    else if (bwru - 4 < 6) nsd = nsd_ru[bwru - 4];
    else return 0.0f;
    double r = nsd * bits[mcs] * code[mcs] * nsts / sym[gi];
    return (float)(floor(r * 10.0 + 0.5) / 10.0);
}

#define RATE_IS_DSSS(r) ((r) == 2 || (r) == 4 || (r) == 11 || (r) == 22)
#define RATE_IS_OFDM(r)                                                                          \
    ((r) == 12 || (r) == 18 || (r) == 24 || (r) == 36 || (r) == 48 || (r) == 72 || (r) == 96 ||  \
     (r) == 108)
#define FREQ_IS_BG(f) ((f) <= 2484)
#define FREQ_IS_11AD(f) ((unsigned)(f) >= 57240u)

/* channel flag combinations (radiotap Channel field) */
#define CH_TURBO 0x0010
#define CH_CCK 0x0020
#define CH_OFDM 0x0040
#define CH_2GHZ 0x0080
#define CH_5GHZ 0x0100
#define CH_DYN 0x0400
#define CH_GFSK 0x0800
#define CH_STURBO 0x2000
#define CH_ALLTURBO (CH_2GHZ | CH_5GHZ | CH_GFSK | CH_CCK | CH_OFDM | CH_DYN | CH_TURBO | CH_STURBO)
#define CH_FHSS (CH_2GHZ | CH_GFSK)
#define CH_DSSS (CH_2GHZ)
#define CH_A (CH_5GHZ | CH_OFDM)
#define CH_B (CH_2GHZ | CH_CCK)
#define CH_PUREG (CH_2GHZ | CH_OFDM)
#define CH_G (CH_2GHZ | CH_DYN)

static void phy_from_channel_flags(struct tw_wlan_phdr *ph, uint32_t fl)
{
    switch (fl & CH_ALLTURBO) {
    case CH_FHSS: ph->phy = TW_PHY_11_FHSS; break;
    case CH_DSSS: ph->phy = TW_PHY_11_DSSS; break;
    case CH_A:
        ph->phy = TW_PHY_11A;
        ph->u.a.has_turbo_type = true;
        ph->u.a.turbo_type = 0;
        break;
    case CH_B: ph->phy = TW_PHY_11B; break;
    case CH_PUREG:
    case CH_G:
        ph->phy = TW_PHY_11G;
        ph->u.g.has_mode = true;
        ph->u.g.mode = 0;
        break;
    case CH_A | CH_TURBO:
        ph->phy = TW_PHY_11A;
        ph->u.a.has_turbo_type = true;
        ph->u.a.turbo_type = 2;
        break;
    case CH_PUREG | CH_TURBO:
        ph->phy = TW_PHY_11G;
        ph->u.g.has_mode = true;
        ph->u.g.mode = 1;
        break;
    case CH_A | CH_TURBO | CH_STURBO:
        ph->phy = TW_PHY_11A;
        ph->u.a.has_turbo_type = true;
        ph->u.a.turbo_type = 3;
        break;
    default: break;
    }
}

/* ---------------------------------------------------------------------------------------------
 * Preferences
 * ------------------------------------------------------------------------------------------- */
static int pref_fcs_handling; /* 0 use the FCS bit, 1 assume present, 2 assume absent */
static bool pref_high_rates_mcs;
static bool pref_short_preamble, pref_tsf_at_end = true;

static void init(void)
{
    const char *s = tw_pref_str("radiotap.fcs_handling");
    pref_fcs_handling = 0;
    if (s) {
        if (strstr(s, "present") || strcmp(s, "1") == 0 || strstr(s, "have an FCS"))
            pref_fcs_handling = 1;
        else if (strstr(s, "absent") || strcmp(s, "2") == 0 || strstr(s, "don't have"))
            pref_fcs_handling = 2;
    }
    pref_high_rates_mcs = tw_pref_bool("radiotap.interpret_high_rates_as_mcs", false);
}

/* ---------------------------------------------------------------------------------------------
 * The present-bitmap walk (radiotap.org "Parsing"): returns the next field or a stop reason.
 * ------------------------------------------------------------------------------------------- */
/* alignment and size of radiotap-namespace fields 0..27; 0 = unknown size */
static const uint8_t rt_align[28] = {8, 1, 1, 2, 2, 1, 1, 2, 2, 2, 1, 1, 1, 1,
                                     2, 2, 1, 1, 4, 1, 4, 2, 8, 2, 2, 0, 1, 2};
static const uint8_t rt_size[28] = {8, 1, 1, 4, 2, 1, 1, 2, 2, 2, 1, 1, 1,  1,
                                    2, 2, 1, 1, 8, 3, 8, 12, 12, 12, 12, 0, 1, 4};
enum { IT_HIT = 0, IT_END = 1, IT_BAD = 2 };

struct rt_iter {
    const uint8_t *h; /* the whole header, `len` bytes, already checked readable */
    uint32_t len;
    uint32_t arg;          /* offset of the next field */
    uint32_t next_bitmap;  /* offset of the next present word */
    uint32_t shifter;      /* current word, shifted */
    uint32_t index;        /* bit index within the namespace */
    uint32_t next_ns_data; /* where the vendor namespace's data ends */
    bool reset_on_ext, in_rtap_ns, known_ns;
    /* the field found */
    uint32_t this_index, this_off, this_size;
    bool this_rtap;
};

static uint32_t le32(const uint8_t *b) { return b[0] | b[1] << 8 | b[2] << 16 | (uint32_t)b[3] << 24; }
static uint16_t le16(const uint8_t *b) { return (uint16_t)(b[0] | b[1] << 8); }

static int it_next(struct rt_iter *it)
{
    for (unsigned guard = 0; guard < 100000; guard++) {
        bool hit = false;
        uint32_t bit = it->index % 32;
        uint32_t align = 1, size = 0;
        if (bit == 31 && !(it->shifter & 1)) return IT_END;
        if (!(it->shifter & 1)) goto next_entry;
        if (bit == 29 || bit == 31) {
            align = 1, size = 0;
        } else if (bit == 30) {
            align = 2, size = 6;
        } else {
            if (!it->known_ns || it->index >= 28) {
                if (it->known_ns) return it->index == 28 ? IT_END : IT_END;
                align = 0;
            } else {
                align = rt_align[it->index];
                size = rt_size[it->index];
                if (it->index == 25) return IT_BAD; /* Wireshark gives up on this one */
            }
            if (!align) {
                it->arg = it->next_ns_data;
                it->known_ns = false;
                goto next_entry;
            }
        }
        if (it->arg & (align - 1)) it->arg += align - (it->arg & (align - 1));
        if (bit == 30) {
            if (it->arg + size > it->len) return IT_BAD;
            uint32_t vlen = le16(it->h + it->arg + 4);
            it->next_ns_data = it->arg + size + vlen;
            it->known_ns = false; /* no vendor namespaces are known */
            size += vlen;
        }
        it->this_index = it->index;
        it->this_off = it->arg;
        it->this_size = size;
        it->this_rtap = it->in_rtap_ns;
        it->arg += size;
        if (it->arg > it->len) return IT_BAD;
        switch (bit) {
        case 30:
            it->reset_on_ext = true;
            it->in_rtap_ns = false;
            it->this_index = 30;
            hit = true;
            goto next_entry;
        case 29:
            it->reset_on_ext = true;
            it->known_ns = true;
            it->in_rtap_ns = true;
            goto next_entry;
        case 31:
            if (it->next_bitmap + 4 > it->len) return IT_BAD;
            it->shifter = le32(it->h + it->next_bitmap);
            it->next_bitmap += 4;
            if (it->reset_on_ext) it->index = 0;
            else it->index++;
            it->reset_on_ext = false;
            break;
        default:
            hit = true;
        next_entry:
            it->shifter >>= 1;
            it->index++;
        }
        if (hit) return IT_HIT;
    }
    return IT_BAD;
}

/* ---------------------------------------------------------------------------------------------
 * Field dissection
 * ------------------------------------------------------------------------------------------- */
static const uint16_t present_bits[32] = {
    F_PRESENT_TSFT, F_PRESENT_FLAGS, F_PRESENT_RATE, F_PRESENT_CHANNEL, F_PRESENT_FHSS,
    F_PRESENT_DBM_ANTSIGNAL, F_PRESENT_DBM_ANTNOISE, F_PRESENT_LOCK_QUALITY,
    F_PRESENT_TX_ATTENUATION, F_PRESENT_DB_TX_ATTENUATION, F_PRESENT_DBM_TX_POWER,
    F_PRESENT_ANTENNA, F_PRESENT_DB_ANTSIGNAL, F_PRESENT_DB_ANTNOISE, F_PRESENT_RXFLAGS,
    F_PRESENT_TXFLAGS, F_COUNT, F_PRESENT_DATA_RETRIES, F_PRESENT_XCHANNEL, F_PRESENT_MCS,
    F_PRESENT_AMPDU, F_PRESENT_VHT, F_PRESENT_TIMESTAMP, F_PRESENT_HE, F_PRESENT_HE_MU,
    F_COUNT, F_PRESENT_ZLEN, F_PRESENT_L_SIG, F_PRESENT_TLV, F_PRESENT_RTAP_NS,
    F_PRESENT_VENDOR_NS, F_PRESENT_EXT};

/* add field f with value v over [off, off+len) and, when labels are wanted, subfields */
static int32_t add_u(struct tw_pkt *p, int f, uint32_t off, uint32_t len, uint64_t v)
{
    return tw_add_uint(p, HF(f), off, len, v);
}

static void add_bits(struct tw_pkt *p, int top, uint32_t off, uint32_t len, uint64_t v,
                     const int *subs, unsigned n)
{
    int32_t r = add_u(p, top, off, len, v);
    uint16_t hs[24];
    for (unsigned i = 0; i < n && i < 24; i++) hs[i] = HF(subs[i]);
    tw_wlan_bitmask_label(p, r, HF(top), v, hs, n < 24 ? n : 24);
    tw_tree_push(p, r);
    for (unsigned i = 0; i < n; i++) tw_add_bits(p, HF(subs[i]), off, len, v);
    tw_tree_pop(p);
}

static const int chan_flag_subs[] = {
    F_CHF_700, F_CHF_800, F_CHF_900, F_CHANNEL_FLAGS_TURBO, F_CHANNEL_FLAGS_CCK,
    F_CHANNEL_FLAGS_OFDM, F_CHF_2GHZ, F_CHF_5GHZ, F_CHANNEL_FLAGS_PASSIVE,
    F_CHANNEL_FLAGS_DYNAMIC, F_CHANNEL_FLAGS_GFSK, F_CHANNEL_FLAGS_GSM,
    F_CHANNEL_FLAGS_STURBO, F_CHANNEL_FLAGS_HALF, F_CHANNEL_FLAGS_QUARTER};
static const int xchan_flag_subs[] = {
    F_XCHANNEL_FLAGS_TURBO, F_XCHANNEL_FLAGS_CCK, F_XCHANNEL_FLAGS_OFDM, F_XCHF_2GHZ,
    F_XCHF_5GHZ, F_XCHANNEL_FLAGS_PASSIVE, F_XCHANNEL_FLAGS_DYNAMIC, F_XCHANNEL_FLAGS_GFSK,
    F_XCHANNEL_FLAGS_GSM, F_XCHANNEL_FLAGS_STURBO, F_XCHANNEL_FLAGS_HALF,
    F_XCHANNEL_FLAGS_QUARTER, F_XCHANNEL_FLAGS_HT20, F_XCHANNEL_FLAGS_HT40U,
    F_XCHANNEL_FLAGS_HT40D};
static const int flag_subs[] = {F_FLAGS_CFP,     F_FLAGS_PREAMBLE, F_FLAGS_WEP,
                                F_FLAGS_FRAG,    F_FLAGS_FCS,      F_FLAGS_DATAPAD,
                                F_FLAGS_BADFCS,  F_FLAGS_SHORTGI};
static const int txflag_subs[] = {F_TXF_FAIL,  F_TXF_CTS,     F_TXF_RTS,
                                  F_TXF_NOACK, F_TXF_NOSEQNO, F_TXF_ORDER};
static const int rxflag_subs[] = {F_RXFLAGS_BADPLCP};
static const int ampdu_subs[] = {
    F_AMPDU_FLAGS_REPORT_ZEROLEN, F_AMPDU_FLAGS_IS_ZEROLEN, F_AMPDU_FLAGS_LASTKNOWN,
    F_AMPDU_FLAGS_LAST, F_AMPDU_FLAGS_DELIM_CRC_ERROR, F_AMPDU_FLAGS_EOF,
    F_AMPDU_FLAGS_EOF_KNOWN};

static void dissect_mcs(struct tw_pkt *p, struct tw_wlan_phdr *ph, const uint8_t *b, uint32_t a)
{
    uint8_t known = b[0], fl = b[1], mcs = 0;
    bool can_rate = true;
    if (known && ph->phy != TW_PHY_11AD) {
        ph->phy = TW_PHY_11N;
        memset(&ph->u.n, 0, sizeof ph->u.n);
    }
    if (known & 0x02) {
        mcs = b[2];
        ph->u.n.has_mcs = true;
        ph->u.n.mcs = mcs;
    } else {
        can_rate = false;
    }
    if (known & 0x01) ph->u.n.has_bw = true, ph->u.n.bw = fl & 3;
    bool sgi = false;
    if (known & 0x04) {
        sgi = (fl & 0x04) != 0;
        ph->u.n.has_short_gi = true;
        ph->u.n.short_gi = sgi;
    } else {
        can_rate = false;
    }
    if (known & 0x08) ph->u.n.has_greenfield = true, ph->u.n.greenfield = (fl & 0x08) != 0;
    if (known & 0x10) ph->u.n.has_fec = true, ph->u.n.fec = (fl & 0x10) ? 1 : 0;
    if (known & 0x20) ph->u.n.has_stbc = true, ph->u.n.stbc = (fl & 0x60) >> 5;
    if (known & 0x40)
        ph->u.n.has_ness = true, ph->u.n.ness = (uint8_t)(((known & 0x80) >> 6) | ((fl & 0x80) >> 7));

    int32_t r = tw_add_uint(p, HF(F_MCS), a, 3, 0);
    tw_tree_push(p, r);
    static const int with_bit1[] = {F_MCS_HAVE_BW,     F_MCS_HAVE_INDEX, F_MCS_HAVE_GI,
                                    F_MCS_HAVE_FORMAT, F_MCS_HAVE_FEC,   F_MCS_HAVE_STBC,
                                    F_MCS_HAVE_NESS,   F_MCS_NESS_BIT1};
    add_bits(p, F_MCS_KNOWN, a, 1, known, with_bit1, (known & 0x40) ? 8 : 7);
    bool bw40 = false;
    if (known & 0x01) {
        bw40 = (fl & 3) == 1;
        tw_add_bits(p, HF(F_MCS_BW), a + 1, 1, fl);
    } else {
        can_rate = false;
    }
    if (known & 0x04) tw_add_bits(p, HF(F_MCS_GI), a + 1, 1, fl);
    if (known & 0x08) tw_add_bits(p, HF(F_MCS_FORMAT), a + 1, 1, fl);
    if (known & 0x10) tw_add_bits(p, HF(F_MCS_FEC), a + 1, 1, fl);
    if (known & 0x20) tw_add_bits(p, HF(F_MCS_STBC), a + 1, 1, fl);
    if (known & 0x40) tw_add_bits(p, HF(F_MCS_NESS_BIT0), a + 1, 1, fl);
    if (known & 0x02) tw_add_uint(p, HF(F_MCS_INDEX), a + 2, 1, mcs);
    tw_tree_pop(p);
    if (can_rate && mcs <= MAX_HT_MCS && ht_dbps[mcs] != 0) {
        float rate = ht_rate(mcs, bw40, sgi);
        int32_t rr = tw_add_double(p, HF(F_DATARATE), a, 3, rate);
        tw_rec_flags(p, rr, TW_RF_GENERATED);
        if (tw_want_labels(p)) tw_rec_label(p, rr, "Data Rate: %.1f Mb/s", rate);
    }
}

static void dissect_vht(struct tw_pkt *p, struct tw_wlan_phdr *ph, const uint8_t *b, uint32_t a)
{
    uint16_t known = le16(b);
    uint8_t fl = b[2];
    bool can_rate = true, sgi = false;
    unsigned bwc = 0;
    /* the union may hold another PHY's bytes (an HT field before this one): its flags must not
     * be read as 802.11ac ones */
    if (ph->phy != TW_PHY_11AC) memset(&ph->u.ac, 0, sizeof ph->u.ac);
    if (known) ph->phy = TW_PHY_11AC;
    int32_t root = tw_add_uint(p, HF(F_VHT), a, 12, 0);
    tw_tree_push(p, root);
    /* Wireshark reads the 16-bit "known" into an 8-bit field big-endian */
    int32_t r = add_u(p, F_VHT_KNOWN, a, 2, (uint32_t)b[0] << 8 | b[1]);
    if (tw_want_labels(p)) tw_rec_label(p, r, "Known VHT information: 0x%02x%02x", b[0], b[1]);
    tw_tree_push(p, r);
    static const int ks[] = {F_VHT_HAVE_STBC, F_VHT_HAVE_TXOP_PS, F_VHT_HAVE_GI,
                             F_VHT_HAVE_SGI_NSYM_DA, F_VHT_HAVE_LDPC_EXTRA, F_VHT_HAVE_BEAMFORMED,
                             F_VHT_HAVE_BW, F_VHT_HAVE_GID, F_VHT_HAVE_PAID};
    for (unsigned i = 0; i < TW_ARRAY_LEN(ks); i++) tw_add_bits(p, HF(ks[i]), a, 2, known);
    tw_tree_pop(p);
    if (known & 0x01) {
        ph->u.ac.has_stbc = true;
        ph->u.ac.stbc = (fl & 0x01) != 0;
        tw_add_bits(p, HF(F_VHT_STBC), a + 2, 1, fl);
    }
    if (known & 0x02) {
        ph->u.ac.has_txop_ps = true;
        ph->u.ac.txop_ps = (fl & 0x02) != 0;
        tw_add_bits(p, HF(F_VHT_TXOP_PS), a + 2, 1, fl);
    }
    if (known & 0x04) {
        sgi = (fl & 0x04) != 0;
        ph->u.ac.has_short_gi = true;
        ph->u.ac.short_gi = sgi;
        tw_add_bits(p, HF(F_VHT_GI), a + 2, 1, fl);
    } else {
        can_rate = false;
    }
    if (known & 0x08) {
        ph->u.ac.has_sgi_nsym = true;
        ph->u.ac.sgi_nsym = (fl & 0x08) != 0;
        int32_t rr = tw_add_bits(p, HF(F_VHT_SGI_NSYM_DA), a + 2, 1, fl);
        if (rr >= 0 && tw_want_labels(p) && (fl & 0x08) && (known & 0x04) && !(fl & 0x04))
            tw_rec_label(p, rr, ".... 1... = SGI Nsym disambiguation: True (invalid)");
    }
    if (known & 0x10) {
        ph->u.ac.has_ldpc_extra = true;
        ph->u.ac.ldpc_extra = (fl & 0x10) != 0;
        tw_add_bits(p, HF(F_VHT_LDPC_EXTRA), a + 2, 1, fl);
    }
    if (known & 0x20) {
        ph->u.ac.has_beamformed = true;
        ph->u.ac.beamformed = (fl & 0x20) != 0;
        tw_add_bits(p, HF(F_VHT_BEAMFORMED), a + 2, 1, fl);
    }
    if (known & 0x40) {
        uint8_t bw = b[3] & 0x1f;
        ph->u.ac.has_bw = true;
        ph->u.ac.bw = bw;
        if (bw < TW_ARRAY_LEN(vht_bw_class)) bwc = vht_bw_class[bw];
        else can_rate = false;
        tw_add_uint(p, HF(F_VHT_BW), a + 3, 1, b[3]);
    } else {
        can_rate = false;
    }
    ph->u.ac.has_fec = true;
    ph->u.ac.fec = b[8];
    for (unsigned u = 0; u < 4; u++) {
        uint8_t mn = b[4 + u], nss = mn & 0x0f, mcs = mn >> 4;
        ph->u.ac.mcs[u] = mcs;
        ph->u.ac.nss[u] = nss;
        if (!nss) continue;
        ph->phy = TW_PHY_11AC;
        int32_t ur = tw_add_uint(p, HF(F_VHT_USER), a + 4, 5, 0);
        if (tw_want_labels(p)) tw_rec_label(p, ur, "User %u: MCS %u", u, mcs);
        tw_tree_push(p, ur);
        int32_t mr = tw_add_bits(p, HF(F_VHT_MCS_0 + (int)u), a + 4 + u, 1, mn);
        if (mr >= 0 && tw_want_labels(p)) {
            if (mcs > 9) tw_rec_label(p, mr, "%u%u%u%u .... = MCS index %u: %u (invalid)", mcs >> 3 & 1, mcs >> 2 & 1, mcs >> 1 & 1, mcs & 1, u, mcs);
            else tw_rec_label(p, mr, "%u%u%u%u .... = MCS index %u: %u (%s %s)", mcs >> 3 & 1, mcs >> 2 & 1, mcs >> 1 & 1, mcs & 1, u, mcs, vht_mod[mcs], vht_code[mcs]);
        }
        tw_add_bits(p, HF(F_VHT_NSS_0 + (int)u), a + 4 + u, 1, mn);
        if (known & 0x01) {
            int32_t nr = tw_add_uint(p, HF(F_VHT_NSTS_0 + (int)u), a + 4 + u, 1,
                                     (fl & 0x01) ? 2u * nss : nss);
            tw_rec_flags(p, nr, TW_RF_GENERATED);
        }
        tw_add_bits(p, HF(F_VHT_CODING_0 + (int)u), a + 8, 1, b[8]);
        if (can_rate && mcs <= 9 && nss <= 8) {
            float rate = vht_rate_tab(mcs, bwc, sgi) * nss;
            if (rate != 0.0f) {
                int32_t rr = tw_add_double(p, HF(F_VHT_DATARATE_0 + (int)u), a, 12, rate);
                tw_rec_flags(p, rr, TW_RF_GENERATED);
                if (tw_want_labels(p)) tw_rec_label(p, rr, "Data Rate: %.1f Mb/s", rate);
                if (!vht_valid(mcs, bwc, nss)) {
                    tw_tree_push(p, rr);
                    tw_expert(p, EX(E_VHT_RATE), a, 12, NULL);
                    tw_tree_pop(p);
                }
            }
        }
        tw_tree_pop(p);
    }
    if (known & 0x80) {
        ph->u.ac.has_gid = true;
        ph->u.ac.gid = b[9];
        tw_add_uint(p, HF(F_VHT_GID), a + 9, 1, b[9]);
    }
    if (known & 0x100) {
        ph->u.ac.has_paid = true;
        ph->u.ac.paid = le16(b + 10);
        tw_add_uint(p, HF(F_VHT_PAID), a + 10, 2, le16(b + 10));
    }
    tw_tree_pop(p);
}

static void dissect_he(struct tw_pkt *p, struct tw_wlan_phdr *ph, const uint8_t *b, uint32_t a)
{
    uint16_t d1 = le16(b), d2 = le16(b + 2), d3 = le16(b + 4), d4 = le16(b + 6);
    uint16_t d5 = le16(b + 8), d6 = le16(b + 10);
    ph->phy = TW_PHY_11AX;
    memset(&ph->u.ax, 0, sizeof ph->u.ax);
    int32_t root = tw_add_text(p, a, 12, "HE information");
    tw_tree_push(p, root);
    static const int s1[] = {F_HE_DATA_1_PPDU_FORMAT, F_HE_DATA_1_BSS_COLOR_KNOWN,
                             F_HE_DATA_1_BEAM_CHANGE_KNOWN, F_HE_DATA_1_UL_DL_KNOWN,
                             F_HE_DATA_1_DATA_MCS_KNOWN, F_HE_DATA_1_DATA_DCM_KNOWN,
                             F_HE_DATA_1_CODING_KNOWN,
                             F_HE_DATA_1_LDPC_EXTRA_SYMBOL_SEGMENT_KNOWN,
                             F_HE_DATA_1_STBC_KNOWN, F_HE_DATA_1_SPATIAL_REUSE_1_KNOWN,
                             F_HE_DATA_1_SPATIAL_REUSE_2_KNOWN,
                             F_HE_DATA_1_SPATIAL_REUSE_3_KNOWN,
                             F_HE_DATA_1_SPATIAL_REUSE_4_KNOWN,
                             F_HE_DATA_1_DATA_BW_RU_ALLOCATION_KNOWN, F_HE_DATA_1_DOPPLER_KNOWN};
    add_bits(p, F_HE_DATA_1, a, 2, d1, s1, TW_ARRAY_LEN(s1));
    static const int s2[] = {F_HE_DATA_2_PRI_SEC_80_MHZ_KNOWN, F_HE_DATA_2_GI_KNOWN,
                             F_HE_DATA_2_NUM_LTF_SYMBOLS_KNOWN,
                             F_HE_DATA_2_PRE_FEC_PADDING_FACTOR_KNOWN, F_HE_DATA_2_TXBF_KNOWN,
                             F_HE_DATA_2_PE_DISAMBIGUITY_KNOWN, F_HE_DATA_2_TXOP_KNOWN,
                             F_HE_DATA_2_MIDAMBLE_PERIODICITY_KNOWN,
                             F_HE_DATA_2_RU_ALLOCATION_OFFSET,
                             F_HE_DATA_2_RU_ALLOCATION_OFFSETI_KNOWN,
                             F_HE_DATA_2_PRI_SEC_80_MHZ};
    add_bits(p, F_HE_DATA_2, a + 2, 2, d2, s2, TW_ARRAY_LEN(s2));
    int s3[] = {(d1 & 0x0004) ? F_HE_DATA_3_BSS_COLOR : F_HE_DATA_3_BSS_COLOR_UNKNOWN,
                (d1 & 0x0008) ? F_HE_DATA_3_BEAM_CHANGE : F_HE_DATA_3_BEAM_CHANGE_UNKNOWN,
                (d1 & 0x0010) ? F_HE_DATA_3_UL_DL : F_HE_DATA_3_UL_DL_UNKNOWN,
                (d1 & 0x0020) ? F_HE_DATA_3_DATA_MCS : F_HE_DATA_3_DATA_MCS_UNKNOWN,
                (d1 & 0x0040) ? F_HE_DATA_3_DATA_DCM : F_HE_DATA_3_DATA_DCM_UNKNOWN,
                (d1 & 0x0080) ? F_HE_DATA_3_CODING : F_HE_DATA_3_CODING_UNKNOWN,
                (d1 & 0x0100) ? F_HE_DATA_3_LDPC_EXTRA_SYMBOL_SEGMENT
                              : F_HE_DATA_3_LDPC_EXTRA_SYMBOL_SEGMENT_UNKNOWN,
                (d1 & 0x0200) ? F_HE_DATA_3_STBC : F_HE_DATA_3_STBC_UNKNOWN};
    if (d1 & 0x0020) ph->u.ax.has_mcs = true, ph->u.ax.mcs = (d3 >> 8) & 0x0f;
    add_bits(p, F_HE_DATA_3, a + 4, 2, d3, s3, TW_ARRAY_LEN(s3));
    unsigned fmt = d1 & 3;
    if (fmt == 0 || fmt == 1) {
        int s4[] = {(d1 & 0x0400) ? F_HE_DATA_4_SPATIAL_REUSE : F_HE_DATA_4_SPATIAL_REUSE_UNKNOWN,
                    F_HE_DATA_4_RESERVED_D4_FFF0};
        add_bits(p, F_HE_DATA_4, a + 6, 2, d4, s4, 2);
    } else if (fmt == 3) {
        int s4[] = {
            (d1 & 0x0400) ? F_HE_DATA_4_SPATIAL_REUSE_1 : F_HE_DATA_4_SPATIAL_REUSE_1_UNKNOWN,
            (d1 & 0x0800) ? F_HE_DATA_4_SPATIAL_REUSE_2 : F_HE_DATA_4_SPATIAL_REUSE_2_UNKNOWN,
            (d1 & 0x1000) ? F_HE_DATA_4_SPATIAL_REUSE_3 : F_HE_DATA_4_SPATIAL_REUSE_3_UNKNOWN,
            (d1 & 0x2000) ? F_HE_DATA_4_SPATIAL_REUSE_4 : F_HE_DATA_4_SPATIAL_REUSE_4_UNKNOWN};
        add_bits(p, F_HE_DATA_4, a + 6, 2, d4, s4, 4);
    } else {
        int s4[] = {(d1 & 0x0400) ? F_HE_DATA_4_SPATIAL_REUSE : F_HE_DATA_4_SPATIAL_REUSE_UNKNOWN,
                    F_HE_DATA_4_STA_ID_USER, F_HE_DATA_4_RESERVED_D4_B15};
        add_bits(p, F_HE_DATA_4, a + 6, 2, d4, s4, 3);
    }
    bool ltf_known = ((d5 >> 6) & 3) != 0;
    int s5[] = {(d1 & 0x4000) ? F_HE_DATA_5_DATA_BW_RU_ALLOCATION
                              : F_HE_DATA_5_DATA_BW_RU_ALLOCATION_UNKNOWN,
                (d2 & 0x0002) ? F_HE_DATA_5_GI : F_HE_DATA_5_GI_UNKNOWN,
                ltf_known ? F_HE_DATA_5_LTF_SYMBOL_SIZE : F_HE_DATA_5_LTF_SYMBOL_SIZE_UNKNOWN,
                (d2 & 0x0004) ? F_HE_NUM_LTF_SYMBOLS : F_HE_NUM_LTF_SYMBOLS_UNKNOWN,
                F_HE_DATA_5_RESERVED_D5_B11,
                (d2 & 0x0008) ? F_HE_PRE_FEC_PADDING_FACTOR : F_HE_PRE_FEC_PADDING_FACTOR_UNKNOWN,
                (d2 & 0x0010) ? F_HE_TXBF : F_HE_TXBF_UNKNOWN,
                (d2 & 0x0020) ? F_HE_PE_DISAMBIGUITY : F_HE_PE_DISAMBIGUITY_UNKNOWN};
    if (d2 & 0x0002) ph->u.ax.has_gi = true, ph->u.ax.gi = (d5 >> 4) & 3;
    if (d1 & 0x4000) ph->u.ax.has_bwru = true, ph->u.ax.bwru = d5 & 0x0f;
    add_bits(p, F_HE_DATA_5, a + 8, 2, d5, s5, TW_ARRAY_LEN(s5));
    int s6[] = {F_HE_DATA_6_NSTS,
                (d1 & 0x8000) ? F_HE_DATA_6_DOPPLER_VALUE : F_HE_DATA_6_DOPPLER_VALUE_UNKNOWN,
                F_HE_DATA_6_RESERVED_D6_00E0,
                (d2 & 0x0040) ? F_HE_DATA_6_TXOP_VALUE : F_HE_DATA_6_TXOP_VALUE_UNKNOWN,
                (d2 & 0x0080) ? F_HE_DATA_6_MIDAMBLE_PERIODICITY
                              : F_HE_DATA_6_MIDAMBLE_PERIODICITY_UNKNOWN};
    add_bits(p, F_HE_DATA_6, a + 10, 2, d6, s6, TW_ARRAY_LEN(s6));
    ph->u.ax.nsts = d6 & 0x0f;
    tw_tree_pop(p);
}

/* one radiotap-namespace field at rel. offset o (absolute a) */
static void dissect_field(struct tw_pkt *p, struct tw_wlan_phdr *ph, unsigned idx,
                          const uint8_t *b, uint32_t a, uint32_t size, uint8_t *rflags,
                          bool *have_rflags, bool *zero_len)
{
    bool labels = tw_want_labels(p);
    int32_t r;
    switch (idx) {
    case 0: { /* TSFT */
        uint64_t t = (uint64_t)le32(b) | (uint64_t)le32(b + 4) << 32;
        ph->tsf = t;
        ph->has_tsf = true;
        add_u(p, F_MACTIME, a, 8, t);
        break;
    }
    case 1: /* Flags */
        *have_rflags = true;
        *rflags = b[0];
        if (b[0] & 0x20) ph->datapad = true;
        ph->fcs_len = pref_fcs_handling == 1 ? 4 : pref_fcs_handling == 2 ? 0 : (b[0] & 0x10) ? 4 : 0;
        r = add_u(p, F_FLAGS, a, 1, b[0]);
        tw_tree_push(p, r);
        for (unsigned i = 0; i < TW_ARRAY_LEN(flag_subs); i++)
            tw_add_bits(p, HF(flag_subs[i]), a, 1, b[0]);
        tw_tree_pop(p);
        break;
    case 2: /* Rate */
        if (pref_high_rates_mcs && b[0] >= 0x80 && b[0] <= 0x80 + 76) {
            add_u(p, F_MCS_INDEX, a, 1, b[0] & 0x7f);
        } else {
            r = tw_add_double(p, HF(F_DATARATE), a, 1, (float)b[0] / 2);
            if (labels) tw_rec_label(p, r, "Data Rate: %.1f Mb/s", (double)((float)b[0] / 2));
            ph->has_data_rate = true;
            ph->data_rate = b[0];
        }
        break;
    case 3: { /* Channel */
        uint16_t freq = le16(b), cf = le16(b + 2);
        if (freq) {
            ph->has_frequency = true;
            ph->frequency = freq;
            int ch = tw_wlan_mhz_to_chan(freq);
            if (ch != -1) ph->has_channel = true, ph->channel = (uint16_t)ch;
        }
        memset(&ph->u, 0, sizeof ph->u);
        phy_from_channel_flags(ph, cf);
        if (FREQ_IS_11AD(freq)) ph->phy = TW_PHY_11AD;
        r = add_u(p, F_CHANNEL_FREQ, a, 2, freq);
        if (labels && r >= 0) {
            char s[48];
            mhz_to_str(s, sizeof s, freq);
            tw_rec_label(p, r, "Channel frequency: %s", s);
        }
        add_bits(p, F_CHANNEL_FLAGS, a + 2, 2, cf, chan_flag_subs, TW_ARRAY_LEN(chan_flag_subs));
        break;
    }
    case 4: /* FHSS */
        ph->phy = TW_PHY_11_FHSS;
        ph->u.fhss.has_hop_set = ph->u.fhss.has_hop_pattern = true;
        ph->u.fhss.hop_set = b[0];
        ph->u.fhss.hop_pattern = b[1];
        add_u(p, F_FHSS_HOPSET, a, 1, b[0]);
        add_u(p, F_FHSS_PATTERN, a + 1, 1, b[1]);
        break;
    case 5:
        ph->has_signal_dbm = true;
        ph->signal_dbm = (int8_t)b[0];
        tw_add_int(p, HF(F_DBM_ANTSIGNAL), a, 1, (int8_t)b[0]);
        break;
    case 6:
        ph->has_noise_dbm = true;
        ph->noise_dbm = (int8_t)b[0];
        tw_add_int(p, HF(F_DBM_ANTNOISE), a, 1, (int8_t)b[0]);
        break;
    case 7: add_u(p, F_QUALITY, a, 2, le16(b)); break;
    case 8: add_u(p, F_TXATTENUATION, a, 2, le16(b)); break;
    case 9: add_u(p, F_DB_TXATTENUATION, a, 2, le16(b)); break;
    case 10: tw_add_int(p, HF(F_TXPOWER), a, 1, (int8_t)b[0]); break;
    case 11: add_u(p, F_ANTENNA, a, 1, b[0]); break;
    case 12:
        ph->has_signal_db = true;
        ph->signal_db = b[0];
        add_u(p, F_DB_ANTSIGNAL, a, 1, b[0]);
        break;
    case 13:
        ph->has_noise_db = true;
        ph->noise_db = b[0];
        add_u(p, F_DB_ANTNOISE, a, 1, b[0]);
        break;
    case 14: add_bits(p, F_RXFLAGS, a, 2, le16(b), rxflag_subs, 1); break;
    case 15: add_bits(p, F_TXFLAGS, a, 2, le16(b), txflag_subs, TW_ARRAY_LEN(txflag_subs)); break;
    case 17: add_u(p, F_DATA_RETRIES, a, 1, b[0]); break;
    case 18: { /* XChannel */
        uint32_t xf = le32(b);
        uint16_t freq = le16(b + 4);
        phy_from_channel_flags(ph, xf);
        if (freq) {
            ph->has_frequency = true;
            ph->frequency = freq;
            if (FREQ_IS_11AD(freq)) ph->phy = TW_PHY_11AD;
        }
        ph->has_channel = true;
        ph->channel = b[6];
        add_u(p, F_XCHANNEL_CHANNEL, a + 6, 1, b[6]);
        add_u(p, F_XCHANNEL_FREQ, a + 4, 2, freq);
        add_bits(p, F_XCHANNEL_FLAGS, a, 4, xf, xchan_flag_subs, TW_ARRAY_LEN(xchan_flag_subs));
        break;
    }
    case 19: dissect_mcs(p, ph, b, a); break;
    case 20: { /* A-MPDU status */
        uint16_t af = le16(b + 4);
        ph->has_aggregate = true;
        ph->aggregate_id = le32(b);
        ph->aggregate_flags = ((af & 0x08) ? 1u : 0u) | ((af & 0x10) ? 2u : 0u);
        r = tw_add_uint(p, HF(F_AMPDU), a, 8, 0);
        tw_tree_push(p, r);
        add_u(p, F_AMPDU_REFERENCE, a, 4, le32(b));
        int32_t fr = add_u(p, F_AMPDU_FLAGS, a + 4, 2, af);
        tw_tree_push(p, fr);
        for (unsigned i = 0; i < TW_ARRAY_LEN(ampdu_subs); i++)
            tw_add_bits(p, HF(ampdu_subs[i]), a + 4, 2, af);
        tw_tree_pop(p);
        if (af & 0x20) add_u(p, F_AMPDU_DELIM_CRC, a + 6, 1, b[6]);
        tw_tree_pop(p);
        break;
    }
    case 21: dissect_vht(p, ph, b, a); break;
    case 22: { /* timestamp */
        r = tw_add_uint(p, HF(F_TIMESTAMP), a, 12, 0);
        tw_tree_push(p, r);
        add_u(p, F_TIMESTAMP_TS, a, 8, (uint64_t)le32(b) | (uint64_t)le32(b + 4) << 32);
        if (b[11] & 0x02) add_u(p, F_TIMESTAMP_ACCURACY, a + 8, 2, le16(b + 8));
        tw_add_bits(p, HF(F_TIMESTAMP_UNIT), a + 10, 1, b[10]);
        tw_add_bits(p, HF(F_TIMESTAMP_SAMPLINGPOS), a + 10, 1, b[10]);
        tw_add_bits(p, HF(F_TS_FLAGS_32BIT), a + 11, 1, b[11]);
        tw_add_bits(p, HF(F_TIMESTAMP_FLAGS_ACCURACY), a + 11, 1, b[11]);
        tw_tree_pop(p);
        break;
    }
    case 23: dissect_he(p, ph, b, a); break;
    case 24: tw_add_text(p, a, 12, "HE-MU information"); break;
    case 26: { /* 0-length PSDU */
        r = tw_add_text(p, a, 1, "0-length PSDU");
        tw_tree_push(p, r);
        add_u(p, F_ZLEN_TYPE, a, 1, b[0]);
        tw_tree_pop(p);
        if (b[0] <= 2 || b[0] == 0xff) {
            ph->has_zero_len_psdu = true;
            ph->zero_len_psdu = b[0];
        }
        *zero_len = true;
        break;
    }
    case 27: { /* L-SIG */
        r = tw_add_text(p, a, 4, "L-SIG");
        tw_tree_push(p, r);
        static const int l1[] = {F_L_SIG_RATE_KNOWN, F_L_SIG_LENGTH_KNOWN, F_L_SIG_RESERVED};
        static const int l2[] = {F_L_SIG_RATE, F_L_SIG_LENGTH};
        add_bits(p, F_L_SIG_DATA1, a, 2, le16(b), l1, 3);
        add_bits(p, F_L_SIG_DATA2, a + 2, 2, le16(b + 2), l2, 2);
        tw_tree_pop(p);
        break;
    }
    default:
        tw_add_ptr(p, HF(F_TLV_UNKNOWN_DATA), a, size, b, size);
        break;
    }
}

static enum tw_status dissect(struct tw_pkt *p, struct tw_cur *c)
{
    struct tw_wlan_phdr *ph = &tw_wlan_phdr;
    tw_wlan_phdr_reset(p);
    tw_col_proto(p, "WLAN");
    uint32_t start = c->off;
    uint8_t version = tw_cur_u8(c);
    uint8_t pad = tw_cur_u8(c);
    uint16_t length = tw_cur_u16le(c);
    if (!tw_cur_ok(c)) return TW_OK;
    tw_info_clear(p);
    tw_info_printf(p, "Radiotap Capture v%u, Length %u", version, length);
    if (tw_layer_recorded(p)) tw_layer_label(p, "Radiotap Header v%u, Length %u", version, length);
    tw_layer_setlen(p, length);
    add_u(p, F_VERSION, start, 1, version);
    add_u(p, F_PAD, start + 1, 1, pad);
    int32_t lr = add_u(p, F_LENGTH, start + 2, 2, length);
    if (length < 8) {
        tw_tree_push(p, lr);
        tw_expert(p, EX(E_BAD_LENGTH), start + 2, 2, NULL);
        tw_tree_pop(p);
        c->off = c->end > c->cap ? c->cap : c->end;
        return TW_OK;
    }
    /* the whole header must be there (Wireshark copies it out first) */
    struct tw_cur hc = *c;
    hc.off = start;
    const uint8_t *h = tw_cur_bytes(&hc, length);
    if (!h) {
        c->err = hc.err;
        return hc.err == TW_CUR_TRUNCATED ? TW_TRUNCATED : TW_MALFORMED;
    }
    bool labels = tw_want_labels(p);
    const char *suffix = "";
    bool zero_len = false, have_rflags = false;
    uint8_t rflags = 0;

    /* find the end of the present words */
    struct rt_iter it;
    memset(&it, 0, sizeof it);
    it.h = h;
    it.len = length;
    it.arg = 8;
    it.shifter = le32(h + 4);
    it.next_bitmap = 8;
    it.known_ns = it.in_rtap_ns = true;
    bool invalid = version != 0;
    if (!invalid && (it.shifter & 0x80000000u)) {
        for (;;) {
            if (it.arg + 4 > length) {
                invalid = true;
                break;
            }
            if (!(le32(h + it.arg) & 0x80000000u)) break;
            it.arg += 4;
        }
        it.arg += 4;
    }
    if (invalid) {
        suffix = " (invalid)";
    } else {
        uint32_t nbm = (it.arg - 4) / 4;
        int32_t pr = tw_add_uint(p, HF(F_PRESENT), start + 4, nbm * 4, 0);
        tw_tree_push(p, pr);
        bool rtap_next = true, two_ns = false;
        uint32_t ns_off_next = 0;
        for (uint32_t i = 0; i < nbm && !two_ns; i++) {
            uint32_t bm = le32(h + 4 + 4 * i);
            uint32_t ns_off = ns_off_next;
            ns_off_next += 32;
            uint32_t wo = start + 4 + 4 * i;
            int32_t wr = add_u(p, F_PRESENT_WORD, wo, 4, bm);
            tw_tree_push(p, wr);
            bool rtap = rtap_next;
            if (bm & (1u << 29)) rtap_next = true, ns_off_next = 0;
            if (bm & (1u << 30)) rtap_next = false;
            if ((bm & (3u << 29)) == (3u << 29)) {
                tw_expert(p, EX(E_TWO_NS), wo, 4,
                          "Both radiotap and vendor namespace specified in bitmask word %u", i);
                two_ns = true;
            } else {
                unsigned from = (rtap && ns_off == 0) ? 0 : 29;
                for (unsigned bit = from; bit < 32; bit++) {
                    uint16_t f = present_bits[bit];
                    if (f == F_COUNT) continue;
                    tw_add_bits(p, HF(f), wo, 4, bm);
                }
            }
            tw_tree_pop(p);
        }
        tw_tree_pop(p);
        if (two_ns) {
            suffix = " (malformed)";
        } else {
            int rc;
            while ((rc = it_next(&it)) == IT_HIT) {
                uint32_t a = start + it.this_off;
                const uint8_t *b = h + it.this_off;
                if (it.this_index == 30 && it.this_size >= 6) {
                    int32_t vr = -1;
                    if (tw_want(p, HF(F_VENDOR_NAMESPACE))) {
                        vr = tw_add_ptr(p, HF(F_VENDOR_NAMESPACE), a, it.this_size, b, it.this_size);
                        if (labels)
                            tw_rec_label(p, vr, "Vendor namespace: %02x:%02x:%02x-%u", b[0], b[1],
                                         b[2], b[3]);
                    }
                    tw_tree_push(p, vr);
                    add_u(p, F_VENDOR_OUI, a, 3, (uint32_t)b[0] << 16 | (uint32_t)b[1] << 8 | b[2]);
                    add_u(p, F_VENDOR_SUBNS, a + 3, 1, b[3]);
                    add_u(p, F_VENDOR_DATA_LEN, a + 4, 2, le16(b + 4));
                    tw_add_uint(p, HF(F_VENDOR_DATA), a + 6, it.this_size - 6, 0);
                    tw_tree_pop(p);
                }
                if (!it.this_rtap || it.this_index == 30) continue;
                dissect_field(p, ph, it.this_index, b, a, it.this_size, &rflags, &have_rflags,
                              &zero_len);
            }
            if (rc == IT_BAD) {
                tw_tree_push(p, pr);
                tw_expert(p, EX(E_PAST_HEADER), start + 4, nbm * 4, NULL);
                tw_tree_pop(p);
                suffix = " (malformed)";
            }
        }
    }
    if (*suffix && tw_layer_recorded(p))
        tw_layer_label(p, "Radiotap Header v%u, Length %u%s", version, length, suffix);
    c->off = start + length;
    if (zero_len) return TW_OK;

    /* settle the PHY from the data rate where the header left it open */
    if (ph->has_data_rate) {
        if (ph->phy == TW_PHY_UNKNOWN) {
            if (RATE_IS_DSSS(ph->data_rate)) ph->phy = TW_PHY_11B;
            else if (RATE_IS_OFDM(ph->data_rate) && ph->has_frequency)
                ph->phy = FREQ_IS_BG(ph->frequency) ? TW_PHY_11G : TW_PHY_11A;
        } else if (ph->phy == TW_PHY_11G && RATE_IS_DSSS(ph->data_rate)) {
            ph->phy = TW_PHY_11B;
        }
    }
    if (ph->phy == TW_PHY_11B) {
        ph->u.b.has_short_preamble = have_rflags;
        ph->u.b.short_preamble = have_rflags && (rflags & 0x02);
    } else if (ph->phy == TW_PHY_11N && !ph->u.n.has_short_gi && have_rflags) {
        ph->u.n.has_short_gi = true;
        ph->u.n.short_gi = (rflags & 0x80) ? 1 : 0;
    }
    struct tw_cur rest = tw_cur_rest(c);
    tw_next(p, TW_TBL_WTAP_ENCAP, TW_WTAP_ENCAP_80211_WITH_RADIO, rest);
    return TW_OK;
}

static const struct tw_binding bindings[] = {{TW_TBL_LINKTYPE, 127}};

const struct tw_proto tw_proto_radiotap = {
    .abbrev = "radiotap",
    .name = "IEEE 802.11 Radiotap Capture header",
    .short_name = "802.11 Radiotap",
    .fields = fields,
    .nfields = F_COUNT,
    .experts = experts,
    .nexperts = TW_ARRAY_LEN(experts),
    .bindings = bindings,
    .nbindings = TW_ARRAY_LEN(bindings),
    .dissect = dissect,
    .init = init,
    .ids = &ids,
};

/* ---------------------------------------------------------------------------------------------
 * wlan_radio: "802.11 radio information". Shows the pseudo-header and works out the frame's
 * airtime from its length and PHY parameters (preamble, symbols), and from the TSF where the
 * frame started and ended and the gap to the previous frame. Aggregates (A-MPDUs) are found by
 * their subframes sharing one TSF. This needs the frames in order, as a first pass sees them.
 * ------------------------------------------------------------------------------------------- */
struct radio_info {
    uint64_t start_tsf, end_tsf;
    int64_t ifs;
    uint32_t prior_aggregate_data;
    bool in_aggregate, tracked;
    bool valid;
};
struct phy_state {
    uint8_t phy;
    __typeof__(((struct tw_wlan_phdr *)0)->u) u;
};
static struct {
    bool has_tsf;
    uint64_t tsf;
    struct phy_state ps;
    uint32_t prev_length;
    struct radio_info info; /* the previous frame's */
} prev;
static struct {
    bool active;
    struct phy_state ps;
    uint32_t duration;
} agg;
/* QCA-style aggregates report TSF -1 until the last subframe: the previous frame may wait for
 * its times to be fixed up */

static uint32_t ht_duration(uint32_t len, uint8_t mcs, uint8_t bw, bool sgi, unsigned stbc)
{
    uint32_t bits = 8 * len + 16 + ht_nes[mcs] * 6u;
    uint32_t mstbc = stbc ? 2 : 1;
    uint32_t bps = ht_dbps[mcs] * (bw == 1 ? 2u : 1u);
    uint32_t symbols = bits / (bps * mstbc);
    if (bits % (bps * mstbc)) symbols++;
    symbols *= mstbc;
    return (symbols * (sgi ? 36u : 40u) + 5) / 10;
}

static uint32_t vht_duration(uint32_t len, float rate)
{
    uint32_t bits = 8 * len + 16;
    return (uint32_t)((float)bits / rate);
}

static int32_t wadd(struct tw_pkt *p, int f, uint64_t v)
{
    return tw_add_uint(p, WHF(f), 0, 0, v);
}

static enum tw_status wlan_radio_dissect(struct tw_pkt *p, struct tw_cur *c)
{
    static const struct tw_wlan_phdr none = {.fcs_len = -1};
    const struct tw_wlan_phdr *ph = tw_wlan_phdr_get(p);
    if (!ph) ph = &none;
    tw_col_proto(p, "Radio");
    tw_info_clear(p);
    tw_layer_setlen(p, 0);
    bool labels = tw_want_labels(p);
    uint32_t frame_length = tw_cur_left(c);
    float data_rate = 0.0f;
    bool have_rate = false, has_short_preamble = false, short_preamble = true;
    bool can_rate = false;
    unsigned bwc = 0;
    uint32_t preamble = 0, agg_preamble = 0, duration = 0, prior_duration = 0;
    bool have_duration = false;
    struct radio_info info = {0};
    info.valid = true;

    if (ph->has_data_rate) {
        data_rate = (float)ph->data_rate * 0.5f;
        have_rate = true;
    }
    struct phy_state cur = {ph->phy, ph->u};
    uint8_t phy = ph->phy;
    /* aggregate detection */
    if (p->frame->recno > 1 && (ph->phy == TW_PHY_11N || ph->phy == TW_PHY_11AC) &&
        ph->phy == prev.ps.phy && ph->has_tsf && prev.has_tsf &&
        (ph->tsf == prev.tsf || (!agg.active && prev.tsf && ph->tsf == 0) ||
         prev.tsf == UINT64_MAX)) {
        if (!agg.active) {
            agg.active = true;
            agg.ps = prev.ps;
            agg.duration = 0;
        }
        info.in_aggregate = true;
        if (prev.prev_length % 4) prev.prev_length = (prev.prev_length | 3) + 1;
        prev.prev_length += 4;
        info.prior_aggregate_data = prev.prev_length;
        prev.prev_length += frame_length;
        if (ph->phy == TW_PHY_11N) {
            if (ph->u.n.has_mcs && agg.ps.u.n.has_mcs && ph->u.n.mcs > agg.ps.u.n.mcs) agg.ps.u = ph->u;
        } else if (ph->u.ac.mcs[0] > agg.ps.u.ac.mcs[0]) {
            agg.ps.u = ph->u;
        }
        cur = agg.ps;
        phy = agg.ps.phy;
    } else {
        agg.active = false;
        prev.prev_length = frame_length;
    }
    prev.has_tsf = ph->has_tsf;
    prev.tsf = ph->tsf;
    prev.ps.phy = ph->phy;
    prev.ps.u = ph->u;

    if (phy != TW_PHY_UNKNOWN) {
        wadd(p, W_PHY, phy);
        switch (phy) {
        case TW_PHY_11_FHSS:
            if (cur.u.fhss.has_hop_set) wadd(p, W_FHSS_HOP_SET, cur.u.fhss.hop_set);
            if (cur.u.fhss.has_hop_pattern) wadd(p, W_FHSS_HOP_PATTERN, cur.u.fhss.hop_pattern);
            break;
        case TW_PHY_11B:
            has_short_preamble = cur.u.b.has_short_preamble;
            short_preamble = cur.u.b.short_preamble;
            if (has_short_preamble) wadd(p, W_SHORT_PREAMBLE, short_preamble);
            break;
        case TW_PHY_11A:
            if (cur.u.a.has_channel_type) wadd(p, W_11A_CHANNEL_TYPE, cur.u.a.channel_type);
            if (cur.u.a.has_turbo_type) wadd(p, W_11A_TURBO_TYPE, cur.u.a.turbo_type);
            break;
        case TW_PHY_11G:
            has_short_preamble = cur.u.g.has_short_preamble;
            short_preamble = cur.u.g.short_preamble;
            if (has_short_preamble) wadd(p, W_SHORT_PREAMBLE, short_preamble);
            if (cur.u.g.has_mode) wadd(p, W_11G_MODE, cur.u.g.mode);
            break;
        case TW_PHY_11N: {
            const __typeof__(cur.u.n) *n = &cur.u.n;
            if (n->has_mcs && n->has_bw && n->has_short_gi && n->mcs < MAX_HT_MCS) {
                data_rate = ht_rate(n->mcs, n->bw == 1, n->short_gi);
                have_rate = true;
            }
            if (n->has_mcs) wadd(p, W_11N_MCS_INDEX, n->mcs);
            if (n->has_bw) wadd(p, W_11N_BANDWIDTH, n->bw);
            if (n->has_short_gi) wadd(p, W_11N_SHORT_GI, n->short_gi);
            if (n->has_greenfield) wadd(p, W_11N_GREENFIELD, n->greenfield);
            if (n->has_fec) wadd(p, W_11N_FEC, n->fec);
            if (n->has_stbc) wadd(p, W_11N_STBC_STREAMS, n->stbc);
            if (n->has_ness) wadd(p, W_11N_NESS, n->ness);
            break;
        }
        case TW_PHY_11AC: {
            const __typeof__(cur.u.ac) *v = &cur.u.ac;
            if (v->has_short_gi) {
                can_rate = true;
                wadd(p, W_11AC_SHORT_GI, v->short_gi);
            }
            if (v->has_bw) {
                wadd(p, W_11AC_BANDWIDTH, v->bw);
                if (v->bw < TW_ARRAY_LEN(vht_bw_class)) bwc = vht_bw_class[v->bw];
                else can_rate = false;
            } else {
                can_rate = false;
            }
            if (v->has_stbc) wadd(p, W_11AC_STBC, v->stbc);
            if (v->has_txop_ps) wadd(p, W_AC_TXOP_PS, v->txop_ps);
            if (v->has_sgi_nsym) wadd(p, W_11AC_SHORT_GI_NSYM_DISAMBIG, v->sgi_nsym);
            if (v->has_ldpc_extra) wadd(p, W_11AC_LDPC_EXTRA_OFDM_SYMBOL, v->ldpc_extra);
            if (v->has_beamformed) wadd(p, W_11AC_BEAMFORMED, v->beamformed);
            for (unsigned i = 0; i < 4; i++) {
                if (!v->nss[i]) continue;
                int32_t ur = wadd(p, W_11AC_USER, 0);
                if (labels) tw_rec_label(p, ur, "User %u: MCS %u", i, v->mcs[i]);
                tw_tree_push(p, ur);
                int32_t mr = wadd(p, W_11AC_MCS, v->mcs[i]);
                if (labels) {
                    if (v->mcs[i] > 9) tw_rec_label(p, mr, "MCS index: %u (invalid)", v->mcs[i]);
                    else tw_rec_label(p, mr, "MCS index: %u (%s %s)", v->mcs[i], vht_mod[v->mcs[i]], vht_code[v->mcs[i]]);
                }
                wadd(p, W_11AC_NSS, v->nss[i]);
                if (v->has_stbc) wadd(p, W_11AC_NSTS, v->stbc ? 2u * v->nss[i] : v->nss[i]);
                if (v->has_fec) wadd(p, W_11AC_FEC, (v->fec >> i) & 1);
                tw_tree_pop(p);
                if (can_rate && v->mcs[i] <= 9 && v->nss[i] <= 8 && vht_valid(v->mcs[i], bwc, v->nss[i])) {
                    data_rate = vht_rate(v->mcs[i], bwc, v->short_gi) * v->nss[i];
                    if (data_rate != 0.0f) have_rate = true;
                }
            }
            if (v->has_gid) wadd(p, W_11AC_GID, v->gid);
            if (v->has_paid) wadd(p, W_11AC_PAID, v->paid);
            break;
        }
        case TW_PHY_11AX:
            if (cur.u.ax.has_gi && cur.u.ax.has_bwru && cur.u.ax.has_mcs) {
                data_rate = he_rate(cur.u.ax.nsts, cur.u.ax.mcs, cur.u.ax.bwru, cur.u.ax.gi);
                if (data_rate != 0.0f) have_rate = true;
            }
            break;
        default: break;
        }
    }
    if (have_rate) {
        int32_t r = tw_add_double(p, WHF(W_DATA_RATE), 0, 0, data_rate);
        if (labels) tw_rec_label(p, r, "Data rate: %.1f Mb/s", (double)data_rate);
    }
    if (ph->has_channel) wadd(p, W_CHANNEL, ph->channel);
    if (ph->has_frequency) wadd(p, W_FREQUENCY, ph->frequency);
    if (ph->has_signal_db) wadd(p, W_SIGNAL_DB, ph->signal_db);
    if (ph->has_signal_dbm) tw_add_int(p, WHF(W_SIGNAL_DBM), 0, 0, ph->signal_dbm);
    if (ph->has_noise_db) wadd(p, W_NOISE_DB, ph->noise_db);
    if (ph->has_noise_dbm) tw_add_int(p, WHF(W_NOISE_DBM), 0, 0, ph->noise_dbm);
    if (ph->has_signal_dbm && ph->has_noise_dbm)
        tw_add_int(p, WHF(W_SNR), 0, 0, ph->signal_dbm - ph->noise_dbm);
    if (ph->has_tsf) wadd(p, W_TIMESTAMP, ph->tsf);
    if (ph->has_aggregate) {
        tw_add_bits(p, WHF(W_LAST_PART_OF_AN_AMPDU), 0, 0, ph->aggregate_flags);
        tw_add_bits(p, WHF(W_A_MPDU_DELIM_CRC_ERROR), 0, 0, ph->aggregate_flags);
        wadd(p, W_A_MPDU_AGGREGATE_ID, ph->aggregate_id);
    }
    if (p->frame->fcs_len == 0) frame_length += 4;

    if (have_rate && data_rate > 0) {
        bool a_short = false, a_non_gf = false, a_no_stbc = false, a_no_ness = false, a_bcc = false;
        bool dsss = data_rate == 1.0f || data_rate == 2.0f || data_rate == 5.5f ||
                    data_rate == 11.0f || data_rate == 22.0f || data_rate == 33.0f;
        bool ofdm = data_rate == 6.0f || data_rate == 9.0f || data_rate == 12.0f ||
                    data_rate == 18.0f || data_rate == 24.0f || data_rate == 36.0f ||
                    data_rate == 48.0f || data_rate == 54.0f;
        if (phy == TW_PHY_11G && dsss) phy = TW_PHY_11B;
        else if (phy == TW_PHY_UNKNOWN && dsss) phy = TW_PHY_11B;
        else if (phy == TW_PHY_UNKNOWN && ofdm) phy = TW_PHY_11A;
        switch (phy) {
        case TW_PHY_11B: {
            if (!has_short_preamble || pref_short_preamble) a_short = true, short_preamble = true;
            preamble = short_preamble ? 96 : 192;
            float x = (float)preamble + (float)(frame_length * 8) / data_rate;
            duration = (uint32_t)ceil((double)x);
            have_duration = true;
            break;
        }
        case TW_PHY_11A:
        case TW_PHY_11G: {
            preamble = 20;
            uint32_t bits = 16 + 8 * frame_length + 6;
            uint32_t symbols = (uint32_t)ceil((double)((float)bits / (data_rate * 4)));
            duration = preamble + symbols * 4;
            have_duration = true;
            break;
        }
        case TW_PHY_11N: {
            static const unsigned dltf[4] = {1, 2, 4, 4}, eltf[4] = {0, 1, 2, 4};
            const __typeof__(cur.u.n) *n = &cur.u.n;
            if (!n->has_mcs || n->mcs > MAX_HT_MCS || !n->has_bw || !n->has_short_gi) break;
            if (n->has_greenfield) preamble = n->greenfield ? 24 : 32;
            else preamble = 32, a_non_gf = true;
            unsigned stbc = 0, ness = 0;
            if (n->has_stbc) stbc = n->stbc;
            else a_no_stbc = true;
            if (n->has_ness) {
                ness = n->ness;
                if (ness >= 4) break;
            } else {
                a_no_ness = true;
            }
            unsigned nsts = ht_streams[n->mcs] + stbc;
            if (nsts == 0 || nsts - 1 >= 4) break;
            preamble += 4 * (dltf[nsts - 1] + eltf[ness]);
            if (!n->has_fec) a_bcc = true;
            if (info.in_aggregate) {
                agg_preamble = preamble;
                if (info.prior_aggregate_data) preamble = 0;
                prior_duration = ht_duration(info.prior_aggregate_data, n->mcs, n->bw, n->short_gi, stbc);
                duration = preamble +
                           ht_duration(frame_length + info.prior_aggregate_data, n->mcs, n->bw,
                                       n->short_gi, stbc) -
                           prior_duration;
            } else {
                duration = preamble + ht_duration(frame_length, n->mcs, n->bw, n->short_gi, stbc);
            }
            have_duration = true;
            break;
        }
        case TW_PHY_11AC: {
            const __typeof__(cur.u.ac) *v = &cur.u.ac;
            if (!v->has_stbc) a_no_stbc = true;
            preamble = 32 + 4 * v->nss[0] * (v->has_stbc ? v->stbc + 1u : 1u);
            if (info.in_aggregate) {
                agg_preamble = preamble;
                if (info.prior_aggregate_data) preamble = 0;
                prior_duration = vht_duration(info.prior_aggregate_data, data_rate);
                duration = preamble + vht_duration(info.prior_aggregate_data + frame_length, data_rate) -
                           prior_duration;
            } else {
                duration = preamble + vht_duration(frame_length, data_rate);
            }
            have_duration = true;
            break;
        }
        default: break;
        }

        if (have_duration && ph->has_tsf) {
            if (agg.active) agg.duration = agg_preamble + prior_duration + duration;
            if (ph->tsf == UINT64_MAX) {
                info.start_tsf = prior_duration + (agg.active ? agg_preamble : 0);
                info.end_tsf = prior_duration + duration + (agg.active ? agg_preamble : 0);
                info.tracked = true;
            } else if (agg.active && pref_tsf_at_end) {
                info.start_tsf = ph->tsf - duration;
                info.end_tsf = ph->tsf;
                if (prev.info.valid && prev.info.tracked) {
                    uint64_t ppdu_start = ph->tsf - (prior_duration + duration + agg_preamble);
                    prev.info.start_tsf += ppdu_start;
                    prev.info.end_tsf += ppdu_start;
                    prev.info.tracked = false;
                }
            } else if (pref_tsf_at_end) {
                info.start_tsf = ph->tsf - duration;
                info.end_tsf = ph->tsf;
            } else {
                info.start_tsf = ph->tsf + prior_duration - preamble;
                info.end_tsf = ph->tsf + prior_duration + duration - preamble;
            }
            if (p->frame->recno > 1 && prev.info.valid)
                info.ifs = (int64_t)(info.start_tsf - prev.info.end_tsf);
        }
        if (have_duration) {
            int32_t dr = wadd(p, W_DURATION, duration);
            tw_rec_flags(p, dr, TW_RF_GENERATED);
            tw_tree_push(p, dr);
            if (a_short) tw_expert(p, WEX(WE_SHORT_PREAMBLE), 0, 0, NULL);
            if (a_non_gf) tw_expert(p, WEX(WE_NON_GREENFIELD), 0, 0, NULL);
            if (a_no_stbc) tw_expert(p, WEX(WE_NO_STBC), 0, 0, NULL);
            if (a_no_ness) tw_expert(p, WEX(WE_NO_EXT_STREAMS), 0, 0, NULL);
            if (a_bcc) tw_expert(p, WEX(WE_BCC_FEC), 0, 0, NULL);
            int32_t r;
            if (preamble) {
                r = wadd(p, W_PREAMBLE, preamble);
                tw_rec_flags(p, r, TW_RF_GENERATED);
            }
            if (info.in_aggregate) {
                r = wadd(p, W_AGGREGATE, 0);
                tw_rec_flags(p, r, TW_RF_GENERATED);
                if (labels) tw_rec_label(p, r, "This MPDU is part of an A-MPDU");
                if (agg.active && agg.duration) {
                    r = wadd(p, W_AGGREGATE_DURATION, agg.duration);
                    tw_rec_flags(p, r, TW_RF_GENERATED);
                }
            }
            if (info.ifs) {
                r = tw_add_int(p, WHF(W_IFS), 0, 0, info.ifs);
                tw_rec_flags(p, r, TW_RF_GENERATED);
            }
            if (info.start_tsf) {
                r = wadd(p, W_START_TSF, info.start_tsf);
                tw_rec_flags(p, r, TW_RF_GENERATED);
            }
            if (info.end_tsf) {
                r = wadd(p, W_END_TSF, info.end_tsf);
                tw_rec_flags(p, r, TW_RF_GENERATED);
            }
            tw_tree_pop(p);
        }
    }
    if (ph->has_zero_len_psdu) wadd(p, W_ZERO_LEN_PSDU_TYPE, ph->zero_len_psdu);
    prev.info = info;
    if (ph->has_zero_len_psdu) return TW_OK;

    int8_t fcs = ph->fcs_len;
    tw_next(p, TW_TBL_NAME, fcs == 4 ? TW_KEY_WLAN_FCS : fcs == 0 ? TW_KEY_WLAN_NOFCS : TW_KEY_WLAN,
            *c);
    return TW_OK;
}

static void wlan_radio_init(void)
{
    pref_short_preamble = tw_pref_bool("wlan_radio.always_short_preamble", false);
    pref_tsf_at_end = tw_pref_bool("wlan_radio.tsf_at_end", true);
    memset(&prev, 0, sizeof prev);
    memset(&agg, 0, sizeof agg);
}

static const struct tw_binding wbindings[] = {
    {TW_TBL_WTAP_ENCAP, TW_WTAP_ENCAP_80211_WITH_RADIO}};

const struct tw_proto tw_proto_wlan_radio = {
    .abbrev = "wlan_radio",
    .name = "802.11 radio information",
    .short_name = "802.11 Radio",
    .fields = wfields,
    .nfields = W_COUNT,
    .experts = wexperts,
    .nexperts = TW_ARRAY_LEN(wexperts),
    .bindings = wbindings,
    .nbindings = TW_ARRAY_LEN(wbindings),
    .dissect = wlan_radio_dissect,
    .init = wlan_radio_init,
    .ids = &wids,
};
