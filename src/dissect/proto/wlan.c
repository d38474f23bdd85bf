/* IEEE 802.11 MAC frames (IEEE Std 802.11-2020 clause 9): the MAC header, management frame
 * bodies (fixed fields and the common elements, others shown by number and length), control
 * frames by name, and data frames down to LLC. Protected payloads are shown as data after their
 * WEP/TKIP/CCMP header. Reached from the 802.11 link types and, through TW_TBL_NAME, from the
 * radio headers (radiotap, PPI) that say whether an FCS trails the frame.
 *
 *   +----+----+-------+-------+-------+----------+-------+------+-----+------+-----+
 *   | FC | Dur| Addr1 | Addr2 | Addr3 | Seq ctl  | Addr4 | QoS  | HTC | body | FCS |
 *   | 2  | 2  |   6   |   6   |   6   |    2     |   6   |  2   |  4  |      |  4  |
 *   +----+----+-------+-------+-------+----------+-------+------+-----+------+-----+
 *   (control frames stop after Addr1 or Addr2; Addr4 only with To DS and From DS set)
 */
#include "wlan_phdr.h"

#include <stdio.h>

#include "wlan_vals.h"

static struct tw_proto_ids ids, mids, aids;
#define HF(x) ((uint16_t)(ids.base + (x)))
#define EX(x) ((uint16_t)(ids.expert_base + (x)))

enum {
    F_TYPE_SUBTYPE, F_FC, F_FC_VERSION, F_FC_TYPE, F_FC_SUBTYPE, F_FLAGS, F_DS, F_TODS, F_FROMDS,
    F_MOREFRAG, F_RETRY, F_PWRMGT, F_MOREDATA, F_PROTECTED, F_ORDER, F_DURATION, F_AID,
    F_RA, F_RA_RES, F_TA, F_TA_RES, F_DA, F_DA_RES, F_SA, F_SA_RES, F_BSSID, F_BSSID_RES,
    F_STAA, F_STAA_RES, F_ADDR, F_ADDR_RES, F_FRAG, F_SEQ, F_FCS, F_FCS_STATUS,
    F_QOS, F_QOS_TID, F_QOS_PRIO, F_QOS_EOSP, F_QOS_BIT4, F_QOS_ACK, F_QOS_AMSDU,
    F_QOS_TXOP_LIMIT, F_QOS_PS_BUF, F_QOS_BUF_IND, F_QOS_HI_AC, F_QOS_QAP_LOAD, F_QOS_TXOP_REQ,
    F_QOS_QSIZE, F_HTC, F_HTC_VHT,
    F_WEP_IV, F_WEP_KEY, F_WEP_ICV, F_TKIP_EXTIV, F_CCMP_EXTIV,
    /* management body */
    F_FIXED_ALL, F_TIMESTAMP, F_BEACON, F_CAP, F_CAP_ESS, F_CAP_IBSS, F_CAP_R1, F_CAP_R2,
    F_CAP_PRIVACY, F_CAP_SHORTPRE, F_CAP_R3, F_CAP_R4, F_CAP_SPECMAN, F_CAP_QOS, F_CAP_SST,
    F_CAP_APSD, F_CAP_RM, F_CAP_EPD, F_CAP_R5, F_CAP_R6, F_LISTEN, F_CURRENT_AP, F_STATUS,
    F_FIXED_AID, F_REASON, F_AUTH_ALG, F_AUTH_SEQ, F_CATEGORY, F_SAE_TYPE, F_SAE_GROUP,
    F_SAE_TOKEN, F_SAE_SCALAR, F_SAE_ELEMENT, F_SAE_SEND_CONFIRM, F_SAE_CONFIRM,
    F_TAGGED_ALL, F_TAG, F_TAG_NUMBER, F_TAG_LENGTH, F_SSID, F_RATES, F_XRATES, F_DS_CHANNEL,
    F_TIM_COUNT, F_TIM_PERIOD, F_TIM_BMAPCTL, F_TIM_MCAST, F_TIM_OFFSET, F_TIM_PVB, F_TAG_OUI,
    F_TAG_OUI_TYPE, F_TAG_VENDOR_DATA,
    F_COUNT
};

static const struct tw_vs vs_sae_type[] = {{1, "Commit"}, {2, "Confirm"}, {0, NULL}};
static const struct tw_vs vs_sae_group[] = {
    {1, "default 768-bit MODP group"}, {2, "alternate 1024-bit MODP group"},
    {3, "EC2N group on GP[2^155]"}, {4, "EC2N group on GP[2^185]"}, {5, "1536-bit MODP group"},
    {14, "2048-bit MODP group"}, {15, "3072-bit MODP group"}, {16, "4096-bit MODP group"},
    {17, "6144-bit MODP group"}, {18, "8192-bit MODP group"}, {19, "256-bit random ECP group"},
    {20, "384-bit random ECP group"}, {21, "521-bit random ECP group"},
    {22, "1024-bit MODP Group with 160-bit Prime Order Subgroup"},
    {23, "2048-bit MODP Group with 224-bit Prime Order Subgroup"},
    {24, "2048-bit MODP Group with 256-bit Prime Order Subgroup"},
    {25, "192-bit Random ECP Group"}, {26, "224-bit Random ECP Group"},
    {27, "224-bit Brainpool ECP group"}, {28, "256-bit Brainpool ECP group"},
    {29, "384-bit Brainpool ECP group"}, {30, "512-bit Brainpool ECP group"}, {0, NULL}};

static const struct tw_tfs tfs_tods = {"Frame is entering DS", "Frame is not entering DS"};
static const struct tw_tfs tfs_fromds = {"Frame is exiting DS", "Frame is not exiting DS"};
static const struct tw_tfs tfs_frag = {"More fragments follow", "This is the last fragment"};
static const struct tw_tfs tfs_retry = {"Frame is being retransmitted", "Frame is not being retransmitted"};
static const struct tw_tfs tfs_pwr = {"STA will go to sleep", "STA will stay up"};
static const struct tw_tfs tfs_more = {"Data is buffered for STA at AP", "No data buffered"};
static const struct tw_tfs tfs_prot = {"Data is protected", "Data is not protected"};
static const struct tw_tfs tfs_order = {"Strictly ordered", "Not strictly ordered"};
static const struct tw_tfs tfs_eosp = {"End of service period", "Service period"};
static const struct tw_tfs tfs_bit4 = {"Bits 8-15 of QoS Control field are Queue Size",
                                       "Bits 8-15 of QoS Control field are TXOP Duration Requested"};
static const struct tw_tfs tfs_amsdu = {"A-MSDU", "MSDU"};
static const struct tw_tfs tfs_yesno = {"Yes", "No"};
static const struct tw_tfs tfs_ess = {"Transmitter is an AP", "Transmitter is a STA"};
static const struct tw_tfs tfs_ibss = {"Transmitter belongs to an IBSS", "Transmitter belongs to a BSS"};
static const struct tw_tfs tfs_privacy = {"Data confidentiality required", "Data confidentiality not required"};
static const struct tw_tfs tfs_allowed = {"Allowed", "Not Allowed"};
static const struct tw_tfs tfs_impl = {"Implemented", "Not Implemented"};
static const struct tw_tfs tfs_inuse = {"In use", "Not in use"};

#define ETHER(ab, nm, bl) {ab, nm, TW_FT_ETHER, TW_BASE_NONE, 0, NULL, NULL, NULL, bl}
#define RESOLVED(ab, nm, bl) {ab, nm, TW_FT_STRING, TW_BASE_NONE, 0, NULL, NULL, NULL, bl}
#define CAPBIT(ab, nm, m, t) {ab, nm, TW_FT_BOOLEAN, 16, m, NULL, NULL, t}
#define CAPRES(ab, m) {ab, "Reserved", TW_FT_UINT16, TW_BASE_DEC, m}

static const struct tw_field_def fields[F_COUNT] = {
    [F_TYPE_SUBTYPE] = {"wlan.fc.type_subtype", "Type/Subtype", TW_FT_UINT16, TW_BASE_HEX, 0,
                        vs_type_subtype, NULL, NULL,
                        "Type and subtype combined (first byte: type, second byte: subtype)"},
    [F_FC] = {"wlan.fc", "Frame Control Field", TW_FT_UINT16, TW_BASE_HEX, 0, NULL, NULL, NULL,
              "MAC Frame control"},
    [F_FC_VERSION] = {"wlan.fc.version", "Version", TW_FT_UINT8, TW_BASE_DEC, 0x3, NULL, NULL, NULL,
                      "MAC Protocol version"},
    [F_FC_TYPE] = {"wlan.fc.type", "Type", TW_FT_UINT8, TW_BASE_DEC, 0xc, vs_frame_type, NULL, NULL,
                   "Frame type"},
    [F_FC_SUBTYPE] = {"wlan.fc.subtype", "Subtype", TW_FT_UINT8, TW_BASE_DEC, 0xf0, NULL, NULL, NULL,
                      "Frame subtype"},
    [F_FLAGS] = {"wlan.flags", "Flags", TW_FT_UINT8, TW_BASE_HEX},
    [F_DS] = {"wlan.fc.ds", "DS status", TW_FT_UINT8, TW_BASE_HEX, 0x3, vs_ds, NULL, NULL,
              "Data-frame DS-traversal status"},
    [F_TODS] = {"wlan.fc.tods", "To DS", TW_FT_BOOLEAN, 8, 0x1, NULL, NULL, &tfs_tods, "To DS flag"},
    [F_FROMDS] = {"wlan.fc.fromds", "From DS", TW_FT_BOOLEAN, 8, 0x2, NULL, NULL, &tfs_fromds,
                  "From DS flag"},
    [F_MOREFRAG] = {"wlan.fc.frag", "More Fragments", TW_FT_BOOLEAN, 8, 0x4, NULL, NULL, &tfs_frag,
                    "More Fragments flag"},
    [F_RETRY] = {"wlan.fc.retry", "Retry", TW_FT_BOOLEAN, 8, 0x8, NULL, NULL, &tfs_retry,
                 "Retransmission flag"},
    [F_PWRMGT] = {"wlan.fc.pwrmgt", "PWR MGT", TW_FT_BOOLEAN, 8, 0x10, NULL, NULL, &tfs_pwr,
                  "Power management status"},
    [F_MOREDATA] = {"wlan.fc.moredata", "More Data", TW_FT_BOOLEAN, 8, 0x20, NULL, NULL, &tfs_more,
                    "More data flag"},
    [F_PROTECTED] = {"wlan.fc.protected", "Protected flag", TW_FT_BOOLEAN, 8, 0x40, NULL, NULL,
                     &tfs_prot},
    [F_ORDER] = {"wlan.fc.order", "+HTC/Order flag", TW_FT_BOOLEAN, 8, 0x80, NULL, NULL, &tfs_order,
                 "HT Control present/strictly ordered flag"},
    [F_DURATION] = {"wlan.duration", "Duration", TW_FT_UINT16, TW_BASE_DEC, 0x7fff, NULL, NULL, NULL,
                    NULL, " microseconds"},
    [F_AID] = {"wlan.aid", "Association ID", TW_FT_UINT16, TW_BASE_DEC, 0x3fff},
    [F_RA] = ETHER("wlan.ra", "Receiver address", "Receiving Station Hardware Address"),
    [F_RA_RES] = RESOLVED("wlan.ra_resolved", "Receiver address (resolved)",
                          "Receiving Station Hardware Address (resolved)"),
    [F_TA] = ETHER("wlan.ta", "Transmitter address", "Transmitting Station Hardware Address"),
    [F_TA_RES] = RESOLVED("wlan.ta_resolved", "Transmitter address (resolved)",
                          "Transmitting Station Hardware Address (resolved)"),
    [F_DA] = ETHER("wlan.da", "Destination address", "Destination Hardware Address"),
    [F_DA_RES] = RESOLVED("wlan.da_resolved", "Destination address (resolved)",
                          "Destination Hardware Address (resolved)"),
    [F_SA] = ETHER("wlan.sa", "Source address", "Source Hardware Address"),
    [F_SA_RES] = RESOLVED("wlan.sa_resolved", "Source address (resolved)",
                          "Source Hardware Address (resolved)"),
    [F_BSSID] = ETHER("wlan.bssid", "BSS Id", "Basic Service Set ID"),
    [F_BSSID_RES] = RESOLVED("wlan.bssid_resolved", "BSS Id (resolved)", "Basic Service Set ID (resolved)"),
    [F_STAA] = ETHER("wlan.staa", "STA address", "Station Hardware Address"),
    [F_STAA_RES] = RESOLVED("wlan.staa_resolved", "STA address (resolved)",
                            "Station Hardware Address (resolved)"),
    [F_ADDR] = ETHER("wlan.addr", "Hardware address", "SA, DA, BSSID, RA or TA Hardware Address"),
    [F_ADDR_RES] = RESOLVED("wlan.addr_resolved", "Hardware address (resolved)",
                            "SA, DA, BSSID, RA or TA Hardware Address (resolved)"),
    [F_FRAG] = {"wlan.frag", "Fragment number", TW_FT_UINT16, TW_BASE_DEC, 0xf},
    [F_SEQ] = {"wlan.seq", "Sequence number", TW_FT_UINT16, TW_BASE_DEC, 0xfff0},
    [F_FCS] = {"wlan.fcs", "Frame check sequence", TW_FT_UINT32, TW_BASE_HEX, 0, NULL, NULL, NULL,
               "Frame Check Sequence (FCS)"},
    [F_FCS_STATUS] = {"wlan.fcs.status", "FCS Status", TW_FT_UINT8, TW_BASE_NONE},
    [F_QOS] = {"wlan.qos", "Qos Control", TW_FT_UINT16, TW_BASE_HEX},
    [F_QOS_TID] = {"wlan.qos.tid", "TID", TW_FT_UINT16, TW_BASE_DEC, 0xf},
    [F_QOS_PRIO] = {"wlan.qos.priority", "Priority", TW_FT_UINT16, TW_BASE_DEC, 0x7, vs_qos_priority,
                    NULL, NULL, "802.1D Tag"},
    [F_QOS_EOSP] = {"wlan.qos.eosp", "EOSP", TW_FT_BOOLEAN, 16, 0x10, NULL, NULL, &tfs_eosp, "EOSP Field"},
    [F_QOS_BIT4] = {"wlan.qos.bit4", "QoS bit 4", TW_FT_BOOLEAN, 16, 0x10, NULL, NULL, &tfs_bit4},
    [F_QOS_ACK] = {"wlan.qos.ack", "Ack Policy", TW_FT_UINT16, TW_BASE_HEX, 0x60, vs_qos_ack},
    [F_QOS_AMSDU] = {"wlan.qos.amsdupresent", "Payload Type", TW_FT_BOOLEAN, 16, 0x80, NULL, NULL,
                     &tfs_amsdu},
    [F_QOS_TXOP_LIMIT] = {"wlan.qos.txop_limit", "TXOP Limit", TW_FT_UINT16, TW_BASE_DEC, 0xff00},
    [F_QOS_PS_BUF] = {"wlan.qos.ps_buf_state", "QAP PS Buffer State", TW_FT_UINT16, TW_BASE_HEX, 0xff00},
    [F_QOS_BUF_IND] = {"wlan.qos.buf_state_indicated", "Buffer State Indicated", TW_FT_BOOLEAN, 16,
                       0x200, NULL, NULL, &tfs_yesno},
    [F_QOS_HI_AC] = {"wlan.qos.highest_pri_buf_ac", "Highest-Priority Buffered AC", TW_FT_UINT16,
                     TW_BASE_DEC, 0xc00},
    [F_QOS_QAP_LOAD] = {"wlan.qos.qap_buf_load", "QAP Buffered Load", TW_FT_UINT16, TW_BASE_DEC, 0xf000},
    [F_QOS_TXOP_REQ] = {"wlan.qos.txop_dur_req", "TXOP Duration Requested", TW_FT_UINT16, TW_BASE_DEC,
                        0xff00},
    [F_QOS_QSIZE] = {"wlan.qos.queue_size", "Queue Size", TW_FT_UINT16, TW_BASE_DEC, 0xff00},
    [F_HTC] = {"wlan.htc", "HT Control (+HTC)", TW_FT_UINT32, TW_BASE_HEX, 0, NULL, NULL, NULL,
               "High Throughput Control (+HTC)"},
    [F_HTC_VHT] = {"wlan.htc.vht", "VHT", TW_FT_BOOLEAN, 32, 0x1, NULL, NULL, NULL,
                   "High Throughput Control HT/VHT flag"},
    [F_WEP_IV] = {"wlan.wep.iv", "Initialization Vector", TW_FT_UINT24, TW_BASE_HEX},
    [F_WEP_KEY] = {"wlan.wep.key", "Key Index", TW_FT_UINT8, TW_BASE_DEC},
    [F_WEP_ICV] = {"wlan.wep.icv", "WEP ICV", TW_FT_UINT32, TW_BASE_HEX},
    [F_TKIP_EXTIV] = {"wlan.tkip.extiv", "TKIP Ext. Initialization Vector", TW_FT_STRING, TW_BASE_NONE,
                      0, NULL, NULL, NULL, "TKIP Extended Initialization Vector"},
    [F_CCMP_EXTIV] = {"wlan.ccmp.extiv", "CCMP Ext. Initialization Vector", TW_FT_STRING, TW_BASE_NONE,
                      0, NULL, NULL, NULL, "CCMP Extended Initialization Vector"},
    [F_FIXED_ALL] = {"wlan.fixed.all", "Fixed parameters", TW_FT_NONE},
    [F_TIMESTAMP] = {"wlan.fixed.timestamp", "Timestamp", TW_FT_UINT64, TW_BASE_DEC},
    [F_BEACON] = {"wlan.fixed.beacon", "Beacon Interval", TW_FT_UINT32, TW_BASE_CUSTOM},
    [F_CAP] = {"wlan.fixed.capabilities", "Capabilities Information", TW_FT_UINT16, TW_BASE_HEX, 0,
               NULL, NULL, NULL, "Capability information"},
    [F_CAP_ESS] = CAPBIT("wlan.fixed.capabilities.ess", "ESS capabilities", 0x1, &tfs_ess),
    [F_CAP_IBSS] = CAPBIT("wlan.fixed.capabilities.ibss", "IBSS status", 0x2, &tfs_ibss),
    [F_CAP_R1] = CAPRES("wlan.fixed.capabilities.reserved1", 0x4),
    [F_CAP_R2] = CAPRES("wlan.fixed.capabilities.reserved2", 0x8),
    [F_CAP_PRIVACY] = CAPBIT("wlan.fixed.capabilities.privacy", "Privacy", 0x10, &tfs_privacy),
    [F_CAP_SHORTPRE] = CAPBIT("wlan.fixed.capabilities.short_preamble", "Short Preamble", 0x20,
                              &tfs_allowed),
    [F_CAP_R3] = CAPRES("wlan.fixed.capabilities.reserved3", 0x40),
    [F_CAP_R4] = CAPRES("wlan.fixed.capabilities.reserved4", 0x80),
    [F_CAP_SPECMAN] = CAPBIT("wlan.fixed.capabilities.spec_man", "Spectrum Management", 0x100, &tfs_impl),
    [F_CAP_QOS] = CAPBIT("wlan.fixed.capabilities.qos", "QoS", 0x200, &tfs_impl),
    [F_CAP_SST] = CAPBIT("wlan.fixed.capabilities.short_slot_time", "Short Slot Time", 0x400, &tfs_inuse),
    [F_CAP_APSD] = CAPBIT("wlan.fixed.capabilities.apsd", "Automatic Power Save Delivery", 0x800,
                          &tfs_impl),
    [F_CAP_RM] = CAPBIT("wlan.fixed.capabilities.radio_measurement", "Radio Measurement", 0x1000,
                        &tfs_impl),
    [F_CAP_EPD] = CAPBIT("wlan.fixed.capabilities.epd", "EPD", 0x2000, &tfs_impl),
    [F_CAP_R5] = CAPRES("wlan.fixed.capabilities.reserved5", 0x4000),
    [F_CAP_R6] = CAPRES("wlan.fixed.capabilities.reserved6", 0x8000),
    [F_LISTEN] = {"wlan.fixed.listen_ival", "Listen Interval", TW_FT_UINT16, TW_BASE_HEX},
    [F_CURRENT_AP] = ETHER("wlan.fixed.current_ap", "Current AP", "MAC address of current AP"),
    [F_STATUS] = {"wlan.fixed.status_code", "Status code", TW_FT_UINT16, TW_BASE_HEX, 0, vs_status,
                  NULL, NULL, "Status of requested event"},
    [F_FIXED_AID] = {"wlan.fixed.aid", "Association ID", TW_FT_UINT16, TW_BASE_HEX, 0x3fff},
    [F_REASON] = {"wlan.fixed.reason_code", "Reason code", TW_FT_UINT16, TW_BASE_HEX, 0, vs_reason,
                  NULL, NULL, "Reason for unsolicited notification"},
    [F_AUTH_ALG] = {"wlan.fixed.auth.alg", "Authentication Algorithm", TW_FT_UINT16, TW_BASE_DEC, 0,
                    vs_auth_alg},
    [F_AUTH_SEQ] = {"wlan.fixed.auth_seq", "Authentication SEQ", TW_FT_UINT16, TW_BASE_HEX, 0, NULL,
                    NULL, NULL, "Authentication Sequence Number"},
    [F_CATEGORY] = {"wlan.fixed.category_code", "Category code", TW_FT_UINT16, TW_BASE_DEC, 0,
                    vs_category, NULL, NULL, "Management action category"},
    [F_SAE_TYPE] = {"wlan.fixed.sae_message_type", "SAE Message Type", TW_FT_UINT16, TW_BASE_DEC, 0,
                    vs_sae_type},
    [F_SAE_GROUP] = {"wlan.fixed.finite_cyclic_group", "Group Id", TW_FT_UINT16, TW_BASE_DEC, 0,
                     vs_sae_group},
    [F_SAE_TOKEN] = {"wlan.fixed.anti_clogging_token", "Anti-Clogging Token", TW_FT_BYTES},
    [F_SAE_SCALAR] = {"wlan.fixed.scalar", "Scalar", TW_FT_BYTES},
    [F_SAE_ELEMENT] = {"wlan.fixed.finite_field_element", "Finite Field Element", TW_FT_BYTES},
    [F_SAE_SEND_CONFIRM] = {"wlan.fixed.send_confirm", "Send-Confirm", TW_FT_UINT16, TW_BASE_DEC},
    [F_SAE_CONFIRM] = {"wlan.fixed.confirm", "Confirm", TW_FT_BYTES},
    [F_TAGGED_ALL] = {"wlan.tagged.all", "Tagged parameters", TW_FT_NONE},
    [F_TAG] = {"wlan.tag", "Tag", TW_FT_NONE},
    [F_TAG_NUMBER] = {"wlan.tag.number", "Tag Number", TW_FT_UINT8, TW_BASE_DEC, 0, vs_tag, NULL, NULL,
                      "Element ID"},
    [F_TAG_LENGTH] = {"wlan.tag.length", "Tag length", TW_FT_UINT32, TW_BASE_DEC, 0, NULL, NULL, NULL,
                      "Length of tag"},
    [F_SSID] = {"wlan.ssid", "SSID", TW_FT_BYTES, TW_BASE_NONE, 0, NULL, NULL, NULL,
                "Indicates the identity of an ESS or IBSS"},
    [F_RATES] = {"wlan.supported_rates", "Supported Rates", TW_FT_UINT8, TW_BASE_HEX, 0, vs_rates, NULL,
                 NULL, "In Mbit/sec, (B) for Basic Rates"},
    [F_XRATES] = {"wlan.extended_supported_rates", "Extended Supported Rates", TW_FT_UINT8, TW_BASE_HEX,
                  0, vs_rates, NULL, NULL, "In Mbit/sec, (B) for Basic Rates"},
    [F_DS_CHANNEL] = {"wlan.ds.current_channel", "Current Channel", TW_FT_UINT8, TW_BASE_DEC, 0, NULL,
                      NULL, NULL, "DS Parameter Set - Current Channel"},
    [F_TIM_COUNT] = {"wlan.tim.dtim_count", "DTIM count", TW_FT_UINT8, TW_BASE_DEC},
    [F_TIM_PERIOD] = {"wlan.tim.dtim_period", "DTIM period", TW_FT_UINT8, TW_BASE_DEC},
    [F_TIM_BMAPCTL] = {"wlan.tim.bmapctl", "Bitmap control", TW_FT_UINT8, TW_BASE_HEX},
    [F_TIM_MCAST] = {"wlan.tim.bmapctl.multicast", "Multicast", TW_FT_BOOLEAN, 8, 0x1},
    [F_TIM_OFFSET] = {"wlan.tim.bmapctl.offset", "Bitmap Offset", TW_FT_UINT8, TW_BASE_HEX, 0xfe},
    [F_TIM_PVB] = {"wlan.tim.partial_virtual_bitmap", "Partial Virtual Bitmap", TW_FT_BYTES, TW_BASE_NONE},
    [F_TAG_OUI] = {"wlan.tag.oui", "OUI", TW_FT_UINT24, TW_BASE_OUI, 0, NULL, NULL, NULL,
                   "OUI of vendor specific IE"},
    [F_TAG_OUI_TYPE] = {"wlan.tag.vendor.oui.type", "Vendor Specific OUI Type", TW_FT_UINT8, TW_BASE_DEC},
    [F_TAG_VENDOR_DATA] = {"wlan.tag.vendor.data", "Vendor Specific Data", TW_FT_BYTES, TW_BASE_NONE, 0,
                           NULL, NULL, NULL, "Unknown/undecoded Vendor Specific Data"},
};

static const struct tw_expert_def experts[] = {
    {"wlan.fc.retry.expert", "decoder.wlan.retry", TW_SEV_NOTE, TW_GRP_SEQUENCE, "Retransmission (retry)"},
    {"wlan.tag.length.bad", "decoder.wlan.tag_length_bad", TW_SEV_ERROR, TW_GRP_MALFORMED,
     "Tag Length is longer than remaining payload"},
};
enum { E_RETRY, E_TAG_LEN };

/* frame types */
enum { T_MGT = 0, T_CTRL = 1, T_DATA = 2, T_EXT = 3 };

static bool pref_assume_fcs;

static void init(void) { pref_assume_fcs = tw_pref_bool("wlan.fcs", false); }

/* copy a string into the arena (values of *_resolved fields, column texts) */
static const uint8_t *arena_str(struct tw_pkt *p, const char *s, uint32_t *n)
{
    size_t l = strlen(s);
    uint8_t *d = tw_arena_alloc(p->arena, l + 1);
    if (!d) return NULL;
    memcpy(d, s, l + 1);
    *n = (uint32_t)l;
    return d;
}

static void label_ether(struct tw_pkt *p, int32_t r, uint16_t hf, const uint8_t *a)
{
    if (r < 0 || !tw_want_labels(p)) return;
    const char *nm = tw_field(hf)->def->name;
    if (tw_names_enabled())
        tw_rec_label(p, r, "%s: %s (%02x:%02x:%02x:%02x:%02x:%02x)", nm, tw_ether_name(a), a[0], a[1],
                     a[2], a[3], a[4], a[5]);
    else
        tw_rec_label(p, r, "%s: %02x:%02x:%02x:%02x:%02x:%02x", nm, a[0], a[1], a[2], a[3], a[4], a[5]);
}

/* an address field and its hidden _resolved twin */
static void add_mac(struct tw_pkt *p, int f, const uint8_t *data, uint32_t off)
{
    const uint8_t *a = data + off;
    int32_t r = tw_add_ptr(p, HF(f), off, 6, a, 6);
    label_ether(p, r, HF(f), a);
    if (tw_want(p, HF(f + 1))) {
        uint32_t n = 0;
        const uint8_t *s = arena_str(p, tw_ether_name(a), &n);
        if (s) tw_rec_flags(p, tw_add_ptr(p, HF(f + 1), off, 6, s, n), TW_RF_HIDDEN);
    }
}

/* the hidden wlan.addr / wlan.addr_resolved pair */
static void add_addr(struct tw_pkt *p, const uint8_t *data, uint32_t off)
{
    const uint8_t *a = data + off;
    int32_t r = tw_add_ptr(p, HF(F_ADDR), off, 6, a, 6);
    tw_rec_flags(p, r, TW_RF_HIDDEN);
    if (tw_want(p, HF(F_ADDR_RES))) {
        uint32_t n = 0;
        const uint8_t *s = arena_str(p, tw_ether_name(a), &n);
        if (s) tw_rec_flags(p, tw_add_ptr(p, HF(F_ADDR_RES), off, 6, s, n), TW_RF_HIDDEN);
    }
}

/* "Name (aa:bb:cc:dd:ee:ff) (RA)" as the columns show control frames' addresses */
static void col_tagged(struct tw_pkt *p, struct tw_addr *dst, const uint8_t *a, const char *what)
{
    if (!p->want_cols) return;
    char buf[128];
    if (tw_names_enabled())
        snprintf(buf, sizeof buf, "%.64s (%02x:%02x:%02x:%02x:%02x:%02x) (%s)", tw_ether_name(a), a[0],
                 a[1], a[2], a[3], a[4], a[5], what);
    else
        snprintf(buf, sizeof buf, "%02x:%02x:%02x:%02x:%02x:%02x (%s)", a[0], a[1], a[2], a[3], a[4],
                 a[5], what);
    uint32_t n = 0;
    const uint8_t *s = arena_str(p, buf, &n);
    if (s) *dst = (struct tw_addr){TW_AT_STR, (uint8_t)n, s};
}

/* a bit-field item labelled Wireshark's way: ".... ..01 = Name: text" */
static void bits_label(char *out, size_t n, uint64_t mask, unsigned width, uint64_t v)
{
    size_t k = 0;
    for (unsigned i = width; i-- > 0 && k + 2 < n;) {
        if (!(mask >> i & 1)) out[k++] = '.';
        else out[k++] = (char)('0' + (v >> i & 1));
        if (i && i % 4 == 0 && k + 2 < n) out[k++] = ' ';
    }
    out[k] = 0;
}

static void label_bits(struct tw_pkt *p, int32_t r, uint16_t hf, unsigned width, uint64_t raw,
                       const char *fmt, ...) TW_PRINTF(6, 7);
static void label_bits(struct tw_pkt *p, int32_t r, uint16_t hf, unsigned width, uint64_t raw,
                       const char *fmt, ...)
{
    if (r < 0 || !tw_want_labels(p)) return;
    char bits[96], text[256];
    bits_label(bits, sizeof bits, tw_field(hf)->def->mask, width, raw);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    tw_rec_label(p, r, "%s = %s: %s", bits, tw_field(hf)->def->name, text);
}

static void flag_string(char *out, uint8_t flags, bool fcs)
{
    static const char chars[] = "TFMRPmpo";
    for (int i = 0; i < 8; i++) out[7 - i] = (flags >> i & 1) ? chars[i] : '.';
    out[8] = fcs ? 'C' : 0;
    out[9] = 0;
}

static bool printable(const uint8_t *s, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++)
        if (s[i] < 0x20 || s[i] > 0x7e) return false;
    return true;
}

/* SSID as Wireshark writes it: "name" when printable, else hex; empty = wildcard */
static void ssid_text(char *out, size_t n, const uint8_t *s, uint32_t len)
{
    if (printable(s, len)) {
        snprintf(out, n, "\"%.*s\"", (int)len, (const char *)s);
        return;
    }
    size_t k = 0;
    for (uint32_t i = 0; i < len && k + 3 < n; i++) k += (size_t)snprintf(out + k, n - k, "%02x", s[i]);
    out[k] = 0;
}

/* ---------------------------------------------------------------------------------------------
 * Management frame body
 * ------------------------------------------------------------------------------------------- */
static void add_u16_fixed(struct tw_pkt *p, int f, struct tw_cur *c, uint32_t off)
{
    uint16_t v = tw_cur_u16le(c);
    if (!tw_cur_ok(c)) return;
    int32_t r = tw_add_bits(p, HF(f), off, 2, v);
    if (r < 0 || !tw_want_labels(p)) return;
    const struct tw_field_def *d = tw_field(HF(f))->def;
    uint16_t mv = d->mask ? (uint16_t)(v & d->mask) : v;
    const char *s = d->vals ? tw_vs_find(d->vals, mv) : NULL;
    if (d->display == TW_BASE_HEX) {
        if (d->vals) tw_rec_label(p, r, "%s: %s (0x%04x)", d->name, s ? s : "Unknown", mv);
        else tw_rec_label(p, r, "%s: 0x%04x", d->name, mv);
    } else if (d->vals) {
        tw_rec_label(p, r, "%s: %s (%u)", d->name, s ? s : "Unknown", mv);
    }
}

/* SAE (authentication algorithm 3, IEEE 802.11-2020 9.4.1.x) after the algorithm, sequence and
 * status fields, as Wireshark 4.0 reads it (worked out from crafted frames):
 *  - sequence 1 (Commit) with status 0 or 126: group, then [anti-clogging token], scalar and
 *    element, whose lengths the group gives; status 76: group and token; status 77: the group;
 *  - sequence 2 (Confirm), any status: send-confirm and the confirm value (all that is left);
 *  - the commit's fixed fields end where an extension element that SAE may carry (password
 *    identifier 33, rejected groups 92, anti-clogging token container 93) starts, searched from
 *    after scalar and element: the bytes between are the token.
 * Returns the bytes it used, or UINT32_MAX when a field ran past the frame (malformed). */
static bool sae_group_lens(uint16_t g, uint32_t *sc, uint32_t *el)
{
    static const struct {
        uint8_t group;
        uint16_t scalar, element;
    } t[] = {{1, 96, 96},    {2, 128, 128},  {5, 192, 192},  {14, 256, 256},  {15, 384, 384},
             {16, 512, 512}, {17, 768, 768}, {18, 1024, 1024}, {19, 32, 64},  {20, 48, 96},
             {21, 66, 132},  {22, 20, 128},  {23, 28, 256},  {24, 32, 256},   {25, 24, 48},
             {26, 28, 56},   {27, 28, 56},   {28, 32, 64},   {29, 48, 96},    {30, 64, 128}};
    for (size_t i = 0; i < TW_ARRAY_LEN(t); i++)
        if (t[i].group == g) {
            *sc = t[i].scalar;
            *el = t[i].element;
            return true;
        }
    return false;
}

static uint32_t sae_fixed_len(struct tw_cur *c, uint32_t off, uint32_t from)
{
    uint32_t n = tw_cur_left(c) > off - c->off ? tw_cur_left(c) - (off - c->off) : 0;
    const uint8_t *d;
    uint32_t have = tw_cur_avail(c) > off - c->off ? tw_cur_avail(c) - (off - c->off) : 0;
    if (have < n) n = have; /* only what was captured can be searched */
    if (!n) return 0;
    struct tw_cur t = *c;
    t.off = off;
    if (!tw_cur_try_peek(&t, 0, n, &d)) return n;
    for (uint32_t i = from; i + 3 < n; i++)
        if (d[i] == 255 && (d[i + 2] == 33 || d[i + 2] == 92 || d[i + 2] == 93)) return i;
    return n;
}

static bool add_bytes_at(struct tw_pkt *p, struct tw_cur *c, int f, uint32_t off, uint32_t n)
{
    struct tw_cur t = *c;
    t.off = off;
    const uint8_t *d;
    if (!tw_cur_try_peek(&t, 0, n, &d)) {
        /* past the frame (malformed) or only past what was captured (truncated) */
        c->err = (uint64_t)off + n > c->end ? TW_CUR_MALFORMED : TW_CUR_TRUNCATED;
        return false;
    }
    tw_add_ptr(p, HF(f), off, n, d, n);
    return true;
}

static uint32_t sae_body(struct tw_pkt *p, struct tw_cur *c, uint32_t o, uint16_t seq,
                         uint16_t status)
{
    int32_t r = tw_add_uint(p, HF(F_SAE_TYPE), o - 4, 2, seq);
    if (r >= 0 && tw_want_labels(p)) {
        const char *s = tw_vs_find(vs_sae_type, seq);
        tw_rec_label(p, r, "SAE Message Type: %s (%u)", s ? s : "Unknown", seq);
    }
    struct tw_cur t = *c;
    t.off = o;
    if (seq == 2) {
        uint16_t sc = tw_cur_u16le(&t);
        if (!tw_cur_ok(&t)) {
            c->err = t.err;
            return UINT32_MAX;
        }
        tw_add_uint(p, HF(F_SAE_SEND_CONFIRM), o, 2, sc);
        uint32_t rest = tw_cur_left(&t);
        if (!add_bytes_at(p, c, F_SAE_CONFIRM, o + 2, rest)) return UINT32_MAX;
        return 2 + rest;
    }
    if (seq != 1 || (status != 0 && status != 126 && status != 76 && status != 77)) return 0;
    uint16_t g = tw_cur_u16le(&t);
    if (!tw_cur_ok(&t)) {
        c->err = t.err;
        return UINT32_MAX;
    }
    r = tw_add_uint(p, HF(F_SAE_GROUP), o, 2, g);
    if (r >= 0 && tw_want_labels(p)) {
        const char *s = tw_vs_find(vs_sae_group, g);
        tw_rec_label(p, r, "Group Id: %s (%u)", s ? s : "Unknown", g);
    }
    if (status == 77) return 2;
    uint32_t sc = 0, el = 0;
    bool known = sae_group_lens(g, &sc, &el);
    if (status == 76) {
        uint32_t tok = sae_fixed_len(c, o + 2, 0);
        if (!add_bytes_at(p, c, F_SAE_TOKEN, o + 2, tok)) return UINT32_MAX;
        return 2 + tok;
    }
    uint32_t fixed = sae_fixed_len(c, o + 2, sc + el);
    uint32_t off = o + 2;
    if (!known) { /* Wireshark shows all as a token, then fails */
        if (fixed) add_bytes_at(p, c, F_SAE_TOKEN, off, fixed);
        if (!c->err) c->err = TW_CUR_MALFORMED;
        return UINT32_MAX;
    }
    if (fixed > sc + el) {
        uint32_t tok = fixed - sc - el;
        if (!add_bytes_at(p, c, F_SAE_TOKEN, off, tok)) return UINT32_MAX;
        off += tok;
    }
    if (!add_bytes_at(p, c, F_SAE_SCALAR, off, sc)) return UINT32_MAX;
    if (!add_bytes_at(p, c, F_SAE_ELEMENT, off + sc, el)) return UINT32_MAX;
    return off + sc + el - o;
}

static void add_capabilities(struct tw_pkt *p, struct tw_cur *c, uint32_t off)
{
    uint16_t v = tw_cur_u16le(c);
    if (!tw_cur_ok(c)) return;
    int32_t r = tw_add_uint(p, HF(F_CAP), off, 2, v);
    tw_tree_push(p, r);
    for (int f = F_CAP_ESS; f <= F_CAP_R6; f++) tw_add_bits(p, HF(f), off, 2, v);
    tw_tree_pop(p);
}

/* rates tag: "1(B), 2(B), 5.5(B), [Mbit/sec]" */
static void rates_text(char *out, size_t n, const uint8_t *b, uint32_t len)
{
    size_t k = 0;
    out[0] = 0;
    for (uint32_t i = 0; i < len && k < n; i++) {
        const char *s = tw_vs_find(vs_rates, b[i]);
        char tmp[48];
        if (!s) {
            snprintf(tmp, sizeof tmp, "%g%s", (b[i] & 0x7f) * 0.5, (b[i] & 0x80) ? "(B)" : "");
            s = tmp;
        }
        k += (size_t)snprintf(out + k, n - k, "%s, ", s);
    }
    if (k < n) snprintf(out + k, n - k, "[Mbit/sec]");
}

static bool is_oui_decoded(uint32_t oui)
{
    /* vendors whose elements Wireshark decodes in depth; trawl shows only OUI and type */
    switch (oui) {
    case 0x0050f2: case 0x00037f: case 0x000b86: case 0x004096: case 0x506f9a:
    case 0x00904c: case 0x001374: case 0x000fac: case 0x00a040: case 0x8cfdf0: case 0x0017f2:
    case 0x001b63: case 0x00e04c: case 0x0000f0: case 0x001392: case 0x000c43: case 0x0c4e47:
        return true;
    default:
        return false;
    }
}

static enum tw_status tagged_params(struct tw_pkt *p, struct tw_cur *c, uint8_t subtype,
                                    bool *ssid_done)
{
    bool labels = tw_want_labels(p);
    while (tw_cur_left(c) > 0) {
        uint32_t off = c->off;
        uint32_t left = tw_cur_left(c);
        uint8_t num = tw_cur_u8(c);
        uint8_t len = tw_cur_u8(c);
        if (!tw_cur_ok(c)) {
            /* Wireshark adds the tag item before reading its header */
            tw_add_uint(p, HF(F_TAG), off, left, 0);
            return c->err == TW_CUR_TRUNCATED ? TW_TRUNCATED : TW_MALFORMED;
        }
        uint32_t avail = tw_cur_avail(c);
        int32_t tr = tw_add_uint(p, HF(F_TAG), off, TW_MIN(2u + len, left), 0);
        const char *tname = tw_vs_find(vs_tag, num);
        if (labels) tw_rec_label(p, tr, "Tag: %s", tname ? tname : "Reserved");
        tw_tree_push(p, tr);
        int32_t r = tw_add_uint(p, HF(F_TAG_NUMBER), off, 1, num);
        if (labels) tw_rec_label(p, r, "Tag Number: %s (%u)", tname ? tname : "Reserved", num);
        int32_t lr = tw_add_uint(p, HF(F_TAG_LENGTH), off + 1, 1, len);
        if ((uint32_t)len > left - 2) {
            tw_tree_push(p, lr);
            tw_expert(p, EX(E_TAG_LEN), off + 1, 1, NULL);
            tw_tree_pop(p);
            tw_tree_pop(p);
            c->err = TW_CUR_MALFORMED;
            return TW_MALFORMED;
        }
        if (len > avail) {
            tw_tree_pop(p);
            c->err = TW_CUR_TRUNCATED;
            return TW_TRUNCATED;
        }
        const uint8_t *b = tw_cur_bytes(c, len);
        uint32_t bo = off + 2;
        char text[512];
        switch (num) {
        case 0: { /* SSID */
            if (len == 0) {
                r = tw_add_ptr(p, HF(F_SSID), bo, 0, b, 0);
                if (labels) {
                    tw_rec_label(p, r, "SSID: <MISSING>");
                    tw_rec_label(p, tr, "Tag: SSID parameter set: Wildcard SSID");
                }
                if (!*ssid_done) tw_info_add(p, ", SSID=Wildcard (Broadcast)");
            } else {
                ssid_text(text, sizeof text, b, len);
                r = tw_add_ptr(p, HF(F_SSID), bo, len, b, len);
                if (labels) {
                    tw_rec_label(p, r, "SSID: %s", text);
                    tw_rec_label(p, tr, "Tag: SSID parameter set: %s", text);
                }
                if (!*ssid_done) tw_info_printf(p, ", SSID=%s", text);
            }
            *ssid_done = true;
            break;
        }
        case 1:
        case 50: {
            int f = num == 1 ? F_RATES : F_XRATES;
            for (uint32_t i = 0; i < len; i++) tw_add_uint(p, HF(f), bo + i, 1, b[i]);
            if (labels && tr >= 0) {
                rates_text(text, sizeof text, b, len);
                tw_rec_label(p, tr, "Tag: %s %s", tname, text);
            }
            break;
        }
        case 3:
            if (len >= 1) {
                tw_add_uint(p, HF(F_DS_CHANNEL), bo, 1, b[0]);
                if (labels) tw_rec_label(p, tr, "Tag: DS Parameter set: Current Channel: %u", b[0]);
            }
            break;
        case 5:
            if (len >= 3) {
                tw_add_uint(p, HF(F_TIM_COUNT), bo, 1, b[0]);
                tw_add_uint(p, HF(F_TIM_PERIOD), bo + 1, 1, b[1]);
                int32_t br = tw_add_uint(p, HF(F_TIM_BMAPCTL), bo + 2, 1, b[2]);
                tw_tree_push(p, br);
                tw_add_bits(p, HF(F_TIM_MCAST), bo + 2, 1, b[2]);
                tw_add_bits(p, HF(F_TIM_OFFSET), bo + 2, 1, b[2]);
                tw_tree_pop(p);
                if (len > 3) tw_add_ptr(p, HF(F_TIM_PVB), bo + 3, len - 3u, b + 3, len - 3u);
                if (labels)
                    tw_rec_label(p, tr, "Tag: Traffic Indication Map (TIM): DTIM %u of %u bitmap", b[0],
                                 b[1]);
            }
            break;
        case 221:
            if (len >= 3) {
                uint32_t oui = (uint32_t)b[0] << 16 | (uint32_t)b[1] << 8 | b[2];
                r = tw_add_uint(p, HF(F_TAG_OUI), bo, 3, oui);
                if (labels) {
                    const char *v = tw_oui_name(b);
                    if (v) tw_rec_label(p, r, "OUI: %02x:%02x:%02x (%s)", b[0], b[1], b[2], v);
                    else tw_rec_label(p, r, "OUI: %02x:%02x:%02x", b[0], b[1], b[2]);
                }
                if (len >= 4) tw_add_uint(p, HF(F_TAG_OUI_TYPE), bo + 3, 1, b[3]);
                if (!is_oui_decoded(oui) && len >= 4) {
                    tw_add_ptr(p, HF(F_TAG_VENDOR_DATA), bo + 3, len - 3u, b + 3, len - 3u);
                    if (labels) {
                        const char *v = tw_oui_name(b);
                        tw_rec_label(p, tr, "Tag: Vendor Specific: %s", v ? v : "(null)");
                    }
                }
            }
            break;
        default:
            break;
        }
        (void)subtype;
        tw_tree_pop(p);
    }
    return TW_OK;
}

static enum tw_status mgt_body(struct tw_pkt *p, struct tw_cur *c, uint8_t subtype)
{
    uint32_t start = c->off;
    uint32_t left = tw_cur_left(c);
    if (left == 0 && subtype != 8 && subtype != 5) return TW_OK;
    /* the management body is Wireshark's separate "wlan.mgt" tree item */
    int32_t mr = -1;
    uint32_t saved = p->ntree;
    if (tw_want(p, mids.field)) {
        p->ntree = 0;
        mr = tw_add_rec(p, mids.field, start, left);
        p->ntree = saved;
    }
    tw_tree_push(p, mr);
    uint32_t flen = 0;
    switch (subtype) {
    case 0: flen = 4; break;
    case 1: case 3: flen = 6; break;
    case 2: flen = 10; break;
    case 5: case 8: flen = 12; break;
    case 10: case 12: flen = 2; break;
    case 11: flen = 6; break;
    case 13: case 14: flen = 1; break;
    default: break;
    }
    bool labels = tw_want_labels(p);
    if (flen) {
        int32_t fr = tw_add_uint(p, HF(F_FIXED_ALL), start, TW_MIN(flen, left), 0);
        if (labels) tw_rec_label(p, fr, "Fixed parameters (%u bytes)", flen);
        tw_tree_push(p, fr);
        uint32_t o = start;
        switch (subtype) {
        case 5:
        case 8: {
            uint64_t ts = tw_cur_u64le(c);
            if (!tw_cur_ok(c)) break;
            tw_add_uint(p, HF(F_TIMESTAMP), o, 8, ts);
            uint16_t bi = tw_cur_u16le(c);
            if (!tw_cur_ok(c)) break;
            int32_t r = tw_add_uint(p, HF(F_BEACON), o + 8, 2, bi);
            if (labels) tw_rec_label(p, r, "Beacon Interval: %f [Seconds]", bi * 1024.0 / 1000000.0);
            tw_info_printf(p, ", BI=%u", bi);
            add_capabilities(p, c, o + 10);
            break;
        }
        case 0:
        case 2:
            add_capabilities(p, c, o);
            add_u16_fixed(p, F_LISTEN, c, o + 2);
            if (subtype == 2) {
                const uint8_t *a = tw_cur_bytes(c, 6);
                if (a) label_ether(p, tw_add_ptr(p, HF(F_CURRENT_AP), o + 4, 6, a, 6), HF(F_CURRENT_AP), a);
            }
            break;
        case 1:
        case 3:
            add_capabilities(p, c, o);
            add_u16_fixed(p, F_STATUS, c, o + 2);
            add_u16_fixed(p, F_FIXED_AID, c, o + 4);
            break;
        case 10:
        case 12: add_u16_fixed(p, F_REASON, c, o); break;
        case 11: {
            struct tw_cur h = *c;
            uint16_t alg = tw_cur_u16le(&h), seq = tw_cur_u16le(&h), status = tw_cur_u16le(&h);
            add_u16_fixed(p, F_AUTH_ALG, c, o);
            add_u16_fixed(p, F_AUTH_SEQ, c, o + 2);
            add_u16_fixed(p, F_STATUS, c, o + 4);
            if (tw_cur_ok(c) && alg == 3) {
                uint32_t more = sae_body(p, c, o + 6, seq, status);
                if (more == UINT32_MAX) {
                    /* the fixed fields ran past the frame: Wireshark's item has no size */
                    if (labels) tw_rec_label(p, fr, "Fixed parameters");
                    tw_rec_setlen(p, fr, tw_cur_avail(c) + (c->off - o));
                    break;
                }
                if (more) {
                    tw_cur_skip(c, more);
                    tw_rec_setlen(p, fr, 6 + more);
                    if (labels) tw_rec_label(p, fr, "Fixed parameters (%u bytes)", 6 + more);
                }
            }
            break;
        }
        case 13:
        case 14: {
            uint8_t cat = tw_cur_u8(c);
            if (!tw_cur_ok(c)) break;
            int32_t r = tw_add_uint(p, HF(F_CATEGORY), o, 1, cat);
            if (labels) {
                const char *s = tw_vs_find(vs_category, cat);
                tw_rec_label(p, r, "Category code: %s (%u)", s ? s : "Unknown", cat);
            }
            break;
        }
        default: break;
        }
        tw_tree_pop(p);
        if (!tw_cur_ok(c)) {
            tw_tree_pop(p);
            return c->err == TW_CUR_TRUNCATED ? TW_TRUNCATED : TW_MALFORMED;
        }
    }
    enum tw_status st = TW_OK;
    /* action frames' bodies are not decoded further; others carry elements */
    if (subtype != 13 && subtype != 14 && tw_cur_left(c) > 0) {
        uint32_t tl = tw_cur_left(c);
        int32_t tr = tw_add_uint(p, HF(F_TAGGED_ALL), c->off, TW_MIN(tl, tw_cur_avail(c)), 0);
        if (labels) tw_rec_label(p, tr, "Tagged parameters (%u bytes)", tl);
        tw_tree_push(p, tr);
        bool ssid_done = false;
        st = tagged_params(p, c, subtype, &ssid_done);
        tw_tree_pop(p);
    }
    tw_tree_pop(p);
    return st;
}

/* ---------------------------------------------------------------------------------------------
 * The MAC header
 * ------------------------------------------------------------------------------------------- */
static void add_qos(struct tw_pkt *p, uint32_t off, uint16_t q, uint8_t flags, uint8_t subtype)
{
    int32_t r = tw_add_uint(p, HF(F_QOS), off, 2, q);
    tw_tree_push(p, r);
    tw_add_bits(p, HF(F_QOS_TID), off, 2, q);
    int32_t pr = tw_add_bits(p, HF(F_QOS_PRIO), off, 2, q);
    tw_rec_flags(p, pr, TW_RF_GENERATED);
    bool null = (subtype & 0x4) != 0;
    if (flags & 0x02) {
        tw_add_bits(p, HF(F_QOS_EOSP), off, 2, q);
        tw_add_bits(p, HF(F_QOS_ACK), off, 2, q);
        if (!null) tw_add_bits(p, HF(F_QOS_AMSDU), off, 2, q);
        int32_t br = tw_add_bits(p, HF(F_QOS_PS_BUF), off, 2, q);
        tw_tree_push(p, br);
        tw_add_bits(p, HF(F_QOS_BUF_IND), off, 2, q);
        if (q & 0x200) {
            tw_add_bits(p, HF(F_QOS_HI_AC), off, 2, q);
            tw_add_bits(p, HF(F_QOS_QAP_LOAD), off, 2, q);
        }
        tw_tree_pop(p);
    } else {
        tw_add_bits(p, HF(F_QOS_BIT4), off, 2, q);
        tw_add_bits(p, HF(F_QOS_ACK), off, 2, q);
        if (!null) tw_add_bits(p, HF(F_QOS_AMSDU), off, 2, q);
        if (q & 0x10) {
            int32_t qr = tw_add_bits(p, HF(F_QOS_QSIZE), off, 2, q);
            if ((q >> 8) == 0 && tw_want_labels(p))
                label_bits(p, qr, HF(F_QOS_QSIZE), 16, q, "0 (no buffered traffic in the queue)");
        } else {
            int32_t tr = tw_add_bits(p, HF(F_QOS_TXOP_REQ), off, 2, q);
            if ((q >> 8) == 0 && tw_want_labels(p))
                label_bits(p, tr, HF(F_QOS_TXOP_REQ), 16, q, "0 (no TXOP requested)");
        }
    }
    tw_tree_pop(p);
}

/* An A-MSDU (QoS Control's "A-MSDU present"): subframes of destination, source, length and an
 * LLC-framed MSDU, each but the last padded to 4 bytes, as long as more than a subframe header
 * is left. Each MSDU's layers hang under its subframe, as in tshark; the aggregate is a tree
 * item, not a layer (frame.protocols lists the MSDUs' layers only). */
enum { A_SUBFRAME, A_LENGTH, A_COUNT };
static const struct tw_field_def afields[A_COUNT] = {
    [A_SUBFRAME] = {"wlan_aggregate.a_mdsu.subframe", "A-MSDU Subframe", TW_FT_NONE},
    [A_LENGTH] = {"wlan_aggregate.a_mdsu.length", "A-MSDU Length", TW_FT_UINT16, TW_BASE_DEC},
};
#define AF(x) ((uint16_t)(aids.base + (x)))

static enum tw_status amsdu(struct tw_pkt *p, struct tw_cur *c, struct tw_cur *body)
{
    uint32_t off = body->off;
    int32_t ar = -1;
    const int32_t wrec = p->layers[p->nlayers - 1].rec; /* 802.11's item */
    /* the aggregate is a top-level item, after 802.11's */
    uint32_t saved = p->ntree;
    if (p->ntree < TW_MAX_TREE) p->tree[p->ntree++] = -1;
    if (tw_want(p, aids.field)) {
        ar = tw_add_rec(p, aids.field, off, tw_cur_left(body));
        tw_rec_label(p, ar, "IEEE 802.11 Aggregate MSDU");
    }
    tw_tree_push(p, ar);
    enum tw_status st = TW_OK;
    for (uint32_t i = 1; off < body->end && body->end - off > 14; i++) {
        struct tw_cur h = *body;
        h.off = off;
        const uint8_t *hd;
        if (!tw_cur_try_peek(&h, 0, 14, &hd)) {
            c->err = TW_CUR_TRUNCATED;
            st = TW_TRUNCATED;
            break;
        }
        uint32_t len = (uint32_t)hd[12] << 8 | hd[13];
        /* an MSDU longer than what is left is given its announced length, as tshark's subset
         * is: the layers inside read what is there (the cursor's cap keeps them in it) */
        uint32_t next = off + 14 + len;
        uint32_t rel = next - body->off; /* padding counts from the A-MSDU's start */
        uint32_t padded = next + (4 - rel % 4) % 4;
        uint32_t shown = TW_MIN(padded, body->end);
        int32_t sr = tw_add_rec(p, AF(A_SUBFRAME), off, shown - off);
        tw_rec_label(p, sr, "A-MSDU Subframe #%u", i);
        tw_tree_push(p, sr);
        /* the hidden _resolved twins go to 802.11's own tree, as tshark's do */
        for (int k = 0; k < 2; k++) {
            int f = k ? F_SA : F_DA;
            const uint8_t *a = c->data + off + 6 * (uint32_t)k;
            label_ether(p, tw_add_ptr(p, HF(f), off + 6 * (uint32_t)k, 6, a, 6), HF(f), a);
            if (tw_want(p, HF(f + 1)) && p->ntree < TW_MAX_TREE) {
                uint32_t n = 0;
                const uint8_t *nm = arena_str(p, tw_ether_name(a), &n);
                p->tree[p->ntree++] = wrec;
                if (nm)
                    tw_rec_flags(p, tw_add_ptr(p, HF(f + 1), off + 6 * (uint32_t)k, 6, nm, n),
                                 TW_RF_HIDDEN);
                p->ntree--;
            }
        }
        tw_add_uint(p, AF(A_LENGTH), off + 12, 2, len);
        struct tw_cur m = *body;
        m.off = off + 14;
        m.end = next;
        m.cap = TW_MIN(TW_MIN(body->cap, body->end), next);
        if (m.cap < m.off) m.cap = m.off;
        uint32_t key = TW_KEY_LLC;
        enum tw_status in = tw_dissect_under(p, TW_TBL_NAME, 1, &key, m);
        tw_tree_pop(p);
        /* an error inside the MSDU ends the frame's dissection there (tshark's exception leaves
         * the loop); its layer already reported it */
        if (in != TW_OK) break;
        /* an MSDU the capture cut without its layers noticing: tshark ends there silently */
        if (m.cap < m.end) break;
        off = padded;
    }
    p->ntree = saved;
    return st;
}

static enum tw_status dissect(struct tw_pkt *p, struct tw_cur *c)
{
    uint32_t start = c->off;
    const struct tw_wlan_phdr *ph = tw_wlan_phdr_get(p);
    bool labels = tw_want_labels(p);

    int fcs_len = 0;
    if (p->via_table == TW_TBL_NAME && p->via_key == TW_KEY_WLAN_FCS) fcs_len = 4;
    else if (p->via_table == TW_TBL_LINKTYPE && p->frame->fcs_len == 4) fcs_len = 4;
    else if (pref_assume_fcs) fcs_len = 4;
    bool datapad = ph && ph->datapad;

    const uint8_t *fcb;
    if (!tw_cur_try_peek(c, 0, 2, &fcb)) {
        tw_layer_unrecord(p);
        c->err = tw_cur_left(c) >= 2 ? TW_CUR_TRUNCATED : TW_CUR_MALFORMED;
        return c->err == TW_CUR_TRUNCATED ? TW_TRUNCATED : TW_MALFORMED;
    }
    uint8_t fc0 = fcb[0], flags = fcb[1];
    uint8_t ftype = (fc0 >> 2) & 3, subtype = fc0 >> 4;
    uint16_t ts = (uint16_t)(ftype << 4 | subtype);
    if (ftype == T_CTRL && subtype == 6) ts = 0x160; /* control frame extension: not decoded */
    const char *tsname = tw_vs_find(vs_type_subtype, ts);
    if (!tsname) tsname = ftype == T_EXT ? "Unrecognized (Reserved frame)" : "Unrecognized (Reserved frame)";

    tw_col_proto(p, "802.11");
    if ((fc0 & 3) >= 2) {
        /* protocol versions 2 and 3 are not defined: only the version is shown */
        tw_info_set(p, "");
        tw_info_printf(p, "Unknown protocol version: %u", fc0 & 3);
        if (tw_layer_recorded(p)) tw_layer_label(p, "IEEE 802.11 Unknown Protocol Version:%u", fc0 & 3);
        tw_add_bits(p, HF(F_FC_VERSION), start, 1, fc0);
        tw_layer_setlen(p, tw_cur_left(c));
        c->off = c->end > c->cap ? c->cap : c->end;
        return TW_OK;
    }
    tw_info_set(p, tsname);
    if (tw_layer_recorded(p)) tw_layer_label(p, "IEEE 802.11 %s", tsname);

    /* header length */
    bool qos = ftype == T_DATA && (subtype & 0x8);
    uint16_t qosv = 0;
    uint32_t hlen = 24;
    if (ftype == T_CTRL) {
        switch (subtype) {
        case 12: case 13: hlen = 10; break; /* CTS, ACK */
        case 8: case 9: case 10: case 11: case 14: case 15: case 4: case 5: hlen = 16; break;
        default: hlen = 10; break;
        }
    } else if (ftype == T_DATA) {
        if ((flags & 3) == 3) hlen += 6;
        if (qos) hlen += 2;
        if (qos && (flags & 0x80)) hlen += 4;
    } else if (ftype == T_MGT) {
        if (flags & 0x80) hlen += 4;
    } else {
        hlen = 10;
    }

    int32_t r = tw_add_uint(p, HF(F_TYPE_SUBTYPE), start, 1, ts);
    if (labels && !tw_vs_find(vs_type_subtype, ts)) tw_rec_label(p, r, "Type/Subtype: Unknown (0x%04x)", ts);
    r = tw_add_uint(p, HF(F_FC), start, 2, (uint32_t)fc0 << 8 | flags);
    tw_tree_push(p, r);
    tw_add_bits(p, HF(F_FC_VERSION), start, 1, fc0);
    tw_add_bits(p, HF(F_FC_TYPE), start, 1, fc0);
    tw_add_bits(p, HF(F_FC_SUBTYPE), start, 1, fc0);
    r = tw_add_uint(p, HF(F_FLAGS), start + 1, 1, flags);
    tw_tree_push(p, r);
    int32_t dsr = tw_add_bits(p, HF(F_DS), start + 1, 1, flags);
    tw_rec_flags(p, tw_add_bits(p, HF(F_TODS), start + 1, 1, flags), TW_RF_HIDDEN);
    tw_rec_flags(p, tw_add_bits(p, HF(F_FROMDS), start + 1, 1, flags), TW_RF_HIDDEN);
    tw_add_bits(p, HF(F_MOREFRAG), start + 1, 1, flags);
    int32_t rr = tw_add_bits(p, HF(F_RETRY), start + 1, 1, flags);
    if ((flags & 0x08) && ftype != T_CTRL) {
        /* Wireshark hangs the retry note on the DS item's subtree */
        (void)rr;
        tw_tree_push(p, dsr);
        tw_expert(p, EX(E_RETRY), start + 1, 0, NULL);
        tw_tree_pop(p);
    }
    tw_add_bits(p, HF(F_PWRMGT), start + 1, 1, flags);
    tw_add_bits(p, HF(F_MOREDATA), start + 1, 1, flags);
    tw_add_bits(p, HF(F_PROTECTED), start + 1, 1, flags);
    tw_add_bits(p, HF(F_ORDER), start + 1, 1, flags);
    tw_tree_pop(p);
    tw_tree_pop(p);
    tw_cur_skip(c, 2);

    /* the FCS, when present, is cut off the frame before the header is read further */
    uint32_t rep = tw_cur_left(c) + 2; /* reported bytes of the frame */
    bool has_fcs = fcs_len == 4 && rep >= 4;
    struct tw_cur fc = *c; /* the frame without its FCS */
    if (has_fcs) {
        fc.end -= 4;
        if (fc.cap > fc.end) fc.cap = fc.end;
    }

    uint16_t dur = tw_cur_u16le(&fc);
    if (!tw_cur_ok(&fc)) {
        c->err = fc.err;
        return TW_OK;
    }
    if (ftype == T_CTRL && subtype == 10) {
        r = tw_add_bits(p, HF(F_AID), start + 2, 2, dur);
        if (labels) label_bits(p, r, HF(F_AID), 16, dur, "0x%04x", dur & 0x3fff);
    } else {
        r = tw_add_bits(p, HF(F_DURATION), start + 2, 2, dur);
        if (labels) label_bits(p, r, HF(F_DURATION), 16, dur, "%u microseconds", dur & 0x7fff);
    }

    /* the whole header must be there before the addresses are shown (management and data
     * frames: Wireshark reads the sequence control first) */
    struct tw_cur hc = fc;
    hc.off = start;
    if (ftype == T_MGT || ftype == T_DATA) {
        /* the columns come from the addresses that are there, even in a short frame */
        const uint8_t *aa;
        if (ftype == T_MGT && tw_cur_try_peek(&hc, 4, 12, &aa)) tw_col_dl(p, TW_AT_ETHER, aa + 6, aa, 6);
        /* the receiver is shown before the rest of the header is checked */
        if (tw_cur_try_peek(&hc, 4, 6, &aa)) {
            add_mac(p, F_RA, c->data, start + 4);
            add_addr(p, c->data, start + 4);
        }
        if (!tw_cur_bytes(&hc, hlen)) {
            c->err = hc.err;
            return TW_OK;
        }
    }
    const uint8_t *d = c->data;
    uint32_t a1 = start + 4, a2 = start + 10, a3 = start + 16, a4 = start + 24;
    uint16_t seqc = 0;
    struct tw_addr csrc = {0}, cdst = {0};
    bool amsdu_cols = false; /* the columns of an A-MSDU (see below) */
    uint32_t amsdu_da = 0;
    if (ftype == T_MGT) {
        seqc = (uint16_t)(d[start + 22] | d[start + 23] << 8);
        add_mac(p, F_DA, d, a1);
        add_mac(p, F_TA, d, a2);
        add_mac(p, F_SA, d, a2);
        add_mac(p, F_BSSID, d, a3);
        add_addr(p, d, a2);
        add_addr(p, d, a3);
        tw_add_bits(p, HF(F_FRAG), start + 22, 2, seqc);
        tw_add_bits(p, HF(F_SEQ), start + 22, 2, seqc);
        tw_col_dl(p, TW_AT_ETHER, d + a2, d + a1, 6);
    } else if (ftype == T_DATA) {
        seqc = (uint16_t)(d[start + 22] | d[start + 23] << 8);
        add_mac(p, F_TA, d, a2);
        add_addr(p, d, a2);
        uint32_t da = a1, sa = a2, bssid = a3, staa = 0;
        bool have_bssid = true;
        switch (flags & 3) {
        case 0: da = a1, sa = a2, bssid = a3, staa = 0; break;
        case 1: da = a3, sa = a2, bssid = a1, staa = a2; break;
        case 2: da = a1, sa = a3, bssid = a2, staa = a1; break;
        case 3: da = a3, sa = a4, have_bssid = false; break;
        }
        /* in an A-MSDU the subframes carry the end addresses: tshark shows no source or
         * destination read from address 3 (seen with From DS; To DS assumed alike) */
        bool a3_end = (flags & 3) == 1 || (flags & 3) == 2;
        bool amsdu_hdr = qos && (d[start + 24 + ((flags & 3) == 3 ? 6 : 0)] & 0x80) && a3_end;
        if (!(amsdu_hdr && da == a3)) add_mac(p, F_DA, d, da);
        if (amsdu_hdr && da != a3) amsdu_cols = true, amsdu_da = da;
        if (!(amsdu_hdr && sa == a3)) add_mac(p, F_SA, d, sa);
        if (have_bssid) add_mac(p, F_BSSID, d, bssid);
        if (staa) add_mac(p, F_STAA, d, staa);
        tw_add_bits(p, HF(F_FRAG), start + 22, 2, seqc);
        tw_add_bits(p, HF(F_SEQ), start + 22, 2, seqc);
        if ((flags & 3) == 3) add_addr(p, d, a4);
        if (!amsdu_hdr) add_addr(p, d, a3);
        tw_col_dl(p, TW_AT_ETHER, d + sa, d + da, 6);
    } else {
        /* control (and extension) frames: the receiver, then a transmitter/BSSID */
        const uint8_t *a = tw_cur_bytes(&fc, 6);
        if (!a) {
            c->err = fc.err;
            return TW_OK;
        }
        add_mac(p, F_RA, d, a1);
        add_addr(p, d, a1);
        if (ftype == T_CTRL && subtype == 10) add_mac(p, F_BSSID, d, a1);
        if (ftype == T_CTRL)
            col_tagged(p, &cdst, d + a1, subtype == 10 ? "BSSID" : "RA");
        if (hlen >= 16 && ftype == T_CTRL) {
            const uint8_t *b = tw_cur_bytes(&fc, 6);
            if (!b) {
                p->dl_src = csrc, p->dl_dst = cdst;
                c->err = fc.err;
                return TW_OK;
            }
            bool cfend = subtype == 14 || subtype == 15;
            add_mac(p, cfend ? F_BSSID : F_TA, d, a2);
            add_addr(p, d, a2);
            col_tagged(p, &csrc, d + a2, cfend ? "BSSID" : "TA");
        }
        p->dl_src = csrc, p->dl_dst = cdst;
    }
    if (amsdu_cols) {
        /* an A-MSDU names no source in its header: tshark's Source column keeps what the
         * layers below set, the Destination is the header's destination */
        struct tw_addr prev = p->net_src.type ? p->net_src : p->dl_src;
        p->net_src = prev;
        p->net_dst = (struct tw_addr){TW_AT_ETHER, 6, d + amsdu_da};
    } else {
        p->net_src = p->net_dst = (struct tw_addr){TW_AT_NONE, 0, NULL};
    }

    /* the FCS */
    if (has_fcs) {
        uint32_t fo = start + rep - 4;
        const uint8_t *q;
        struct tw_cur all = *c;
        if (tw_cur_try_peek(&all, rep - 6, 4, &q)) {
            uint32_t v = (uint32_t)q[0] | (uint32_t)q[1] << 8 | (uint32_t)q[2] << 16 | (uint32_t)q[3] << 24;
            r = tw_add_uint(p, HF(F_FCS), fo, 4, v);
            if (labels) tw_rec_label(p, r, "Frame check sequence: 0x%08x [unverified]", v);
            r = tw_add_uint(p, HF(F_FCS_STATUS), fo, 0, 2);
            tw_rec_flags(p, r, TW_RF_GENERATED);
            if (labels) tw_rec_label(p, r, "FCS Status: Unverified");
        }
    }

    char fl[10];
    flag_string(fl, flags, has_fcs);
    if (ftype == T_CTRL || ftype == T_EXT) tw_info_printf(p, ", Flags=%s", fl);
    else tw_info_printf(p, ", SN=%u, FN=%u, Flags=%s", seqc >> 4, seqc & 0xf, fl);
    if (tw_layer_recorded(p)) tw_layer_label(p, "IEEE 802.11 %s, Flags: %s", tsname, fl);

    uint32_t off = start + 24 + ((ftype == T_DATA && (flags & 3) == 3) ? 6 : 0);
    if (qos) {
        uint16_t q = (uint16_t)(d[off] | d[off + 1] << 8);
        qosv = q;
        add_qos(p, off, q, flags, subtype);
        off += 2;
    }
    if ((qos || ftype == T_MGT) && (flags & 0x80)) {
        uint32_t h = (uint32_t)d[off] | (uint32_t)d[off + 1] << 8 | (uint32_t)d[off + 2] << 16 |
                     (uint32_t)d[off + 3] << 24;
        r = tw_add_uint(p, HF(F_HTC), off, 4, h);
        tw_tree_push(p, r);
        tw_add_bits(p, HF(F_HTC_VHT), off, 4, h);
        tw_tree_pop(p);
        off += 4;
    }
    tw_layer_setlen(p, ftype == T_MGT || ftype == T_DATA ? hlen : TW_MIN(hlen, rep));
    if (ftype != T_MGT && ftype != T_DATA) {
        if (has_fcs) tw_layer_claim(p, rep);
        return TW_OK;
    }
    if (datapad && hlen % 4) hlen += 4 - hlen % 4;

    /* the body */
    struct tw_cur body = fc;
    body.off = start + hlen;
    if (body.off > body.end) body.off = body.end;
    if (ftype == T_MGT) {
        enum tw_status st = mgt_body(p, &body, subtype);
        if (st != TW_OK) c->err = body.err ? body.err : (uint8_t)st;
        return st;
    }
    /* data frames */
    if (subtype & 0x4) return TW_OK; /* no data */
    if (tw_cur_left(&body) == 0) return TW_OK;
    if (flags & 0x40) {
        const uint8_t *iv;
        if (!tw_cur_try_peek(&body, 0, 4, &iv)) {
            tw_next(p, TW_TBL_NAME, TW_KEY_DATA, tw_cur_rest(&body));
            return TW_OK;
        }
        uint32_t ivo = body.off;
        bool extiv = (iv[3] & 0x20) != 0;
        if (extiv) {
            const uint8_t *e;
            if (!tw_cur_try_peek(&body, 0, 8, &e)) {
                body.err = TW_CUR_TRUNCATED;
                c->err = tw_cur_left(&body) >= 8 ? TW_CUR_TRUNCATED : TW_CUR_MALFORMED;
                return TW_OK;
            }
            bool tkip = (e[1] & 0x7f) == ((e[0] | 0x20) & 0x7f);
            bool ccmp = !tkip && e[2] == 0;
            uint32_t iv32 = (uint32_t)e[4] | (uint32_t)e[5] << 8 | (uint32_t)e[6] << 16 | (uint32_t)e[7] << 24;
            if (tkip || ccmp) {
                int32_t tr = tw_add_text(p, ivo, 8, "%s parameters", tkip ? "TKIP" : "CCMP");
                tw_tree_push(p, tr);
                uint16_t iv16 = tkip ? (uint16_t)(e[0] << 8 | e[2]) : (uint16_t)(e[1] << 8 | e[0]);
                tw_add_strf(p, HF(tkip ? F_TKIP_EXTIV : F_CCMP_EXTIV), ivo, 8, "0x%08X%04X", iv32, iv16);
                tw_add_uint(p, HF(F_WEP_KEY), ivo + 3, 1, e[3] >> 6);
                tw_tree_pop(p);
                tw_layer_setlen(p, hlen + 8);
                tw_cur_skip(&body, 8);
            }
            tw_info_printf(p, "%s", "");
            tw_next(p, TW_TBL_NAME, TW_KEY_DATA, tw_cur_rest(&body));
            return TW_OK;
        }
        /* WEP: IV, key index, data, ICV */
        int32_t wr = tw_add_text(p, ivo, 4, "WEP parameters");
        tw_tree_push(p, wr);
        tw_add_uint(p, HF(F_WEP_IV), ivo, 3, (uint32_t)iv[0] << 16 | (uint32_t)iv[1] << 8 | iv[2]);
        tw_add_uint(p, HF(F_WEP_KEY), ivo + 3, 1, iv[3] >> 6);
        tw_cur_skip(&body, 4);
        uint32_t left = tw_cur_left(&body);
        if (left >= 4) {
            const uint8_t *icv;
            struct tw_cur ic = body;
            ic.off = body.off + left - 4;
            if (tw_cur_try_peek(&ic, 0, 4, &icv)) {
                uint32_t v = (uint32_t)icv[0] << 24 | (uint32_t)icv[1] << 16 | (uint32_t)icv[2] << 8 | icv[3];
                r = tw_add_uint(p, HF(F_WEP_ICV), ic.off, 4, v);
                if (labels) tw_rec_label(p, r, "WEP ICV: 0x%08x (not verified)", v);
            }
            body.end -= 4;
            if (body.cap > body.end) body.cap = body.end;
        }
        tw_tree_pop(p);
        if (tw_cur_left(&body)) tw_next(p, TW_TBL_NAME, TW_KEY_DATA, tw_cur_rest(&body));
        return TW_OK;
    }
    if ((flags & 0x04) || (seqc & 0xf)) {
        /* a fragment: reassembly is not done, the piece is shown as data */
        tw_info_set(p, "Fragmented IEEE 802.11 frame");
        tw_next(p, TW_TBL_NAME, TW_KEY_DATA, tw_cur_rest(&body));
        return TW_OK;
    }
    const uint8_t *q;
    if (tw_cur_try_peek(&body, 0, 2, &q) && q[0] == 0xff && q[1] == 0xff &&
        tw_dispatch_find(TW_TBL_ETHERTYPE, 0x8137) >= 0) {
        tw_next(p, TW_TBL_ETHERTYPE, 0x8137, tw_cur_rest(&body));
        return TW_OK;
    }
    if (qos && (qosv & 0x80)) return amsdu(p, c, &body);
    tw_next(p, TW_TBL_NAME, TW_KEY_LLC, tw_cur_rest(&body));
    return TW_OK;
}

static const struct tw_binding bindings[] = {
    {TW_TBL_LINKTYPE, 105},
    {TW_TBL_NAME, TW_KEY_WLAN},
    {TW_TBL_NAME, TW_KEY_WLAN_NOFCS},
    {TW_TBL_NAME, TW_KEY_WLAN_FCS},
};

const struct tw_proto tw_proto_wlan = {
    .abbrev = "wlan",
    .name = "IEEE 802.11 wireless LAN",
    .short_name = "IEEE 802.11",
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

const struct tw_proto tw_proto_wlan_aggregate = {
    .abbrev = "wlan_aggregate",
    .name = "IEEE 802.11 wireless LAN aggregate frame",
    .short_name = "IEEE 802.11 Aggregate Data",
    .fields = afields,
    .nfields = A_COUNT,
    .ids = &aids,
    .flags = TW_PROTO_NO_COLUMN | TW_PROTO_NO_LAYER,
};

/* "IEEE 802.11 Wireless Management": only a tree item (not a layer), registered so that its
 * name can be filtered and shown */
const struct tw_proto tw_proto_wlan_mgt = {
    .abbrev = "wlan.mgt",
    .name = "IEEE 802.11 Wireless Management",
    .short_name = "802.11 MGT",
    .ids = &mids,
    .flags = TW_PROTO_NO_COLUMN | TW_PROTO_NO_LAYER,
};
