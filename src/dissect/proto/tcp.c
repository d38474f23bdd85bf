/* Transmission Control Protocol: RFC 9293 (formerly RFC 793) section 3.1; options: window scale
 * and timestamps RFC 7323, SACK RFC 2018 (D-SACK RFC 2883), Fast Open RFC 7413, Multipath TCP
 * RFC 8684 (kind and subtype only), user timeout RFC 5482, MD5 RFC 2385, TCP-AO RFC 5925,
 * quick-start RFC 4782, experimental kinds RFC 6994, AccECN (draft-ietf-tcpm-accurate-ecn).
 *
 *    0                   1                   2                   3
 *    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *   +-------------------------------+-------------------------------+
 *   |          Source Port          |       Destination Port        |
 *   +-------------------------------+-------------------------------+
 *   |                        Sequence Number                        |
 *   +---------------------------------------------------------------+
 *   |                    Acknowledgment Number                      |
 *   +-------+-----+-+-+-+-+-+-+-+-+-+-------------------------------+
 *   |  Data |     |A|C|E|U|A|P|R|S|F|                               |
 *   | Offset| Rsv |E|W|C|R|C|S|S|Y|I|            Window             |
 *   |       |     | |R|E|G|K|H|T|N|N|                               |
 *   +-------+-----+-+-+-+-+-+-+-+-+-+-------------------------------+
 *   |           Checksum            |         Urgent Pointer        |
 *   +-------------------------------+-------------------------------+
 *   |                    Options                    |    Padding    |
 *   +-----------------------------------------------+---------------+
 *
 * Conversations (one per address/port pair, tshark's single pass): the stream index, the
 * completeness flags seen so far, relative sequence numbers (the base is the ISN, or seq - 1 /
 * ack - 1 for a connection first seen mid-stream), the window scale negotiated in the SYN and
 * SYN/ACK, and the time since the first and the previous frame of the stream. They live in a
 * bounded state table (CONV_MAX entries, least recently used evicted: a conversation seen again
 * after its eviction counts as new and gets a new stream index). Sequence analysis
 * (tcp.analysis.*: retransmissions, duplicate ACKs, windows, ACK matching, bytes in flight)
 * follows Wireshark 4.0's single pass; see "Sequence analysis" below. */
#include "../dissect.h"

#include <stdio.h>
#include <stdlib.h>

static struct tw_proto_ids ids, mptcp_ids;
#define HF(x) ((uint16_t)(ids.base + (x)))
#define EX(x) ((uint16_t)(ids.expert_base + (x)))

enum {
    F_SRCPORT,
    F_DSTPORT,
    F_PORT,
    F_STREAM,
    F_COMPLETENESS,
    F_SEQ,
    F_SEQ_RAW,
    F_NXTSEQ,
    F_ACK,
    F_ACK_RAW,
    F_HDR_LEN,
    F_FLAGS,
    F_FLAGS_RES,
    F_FLAGS_AE,
    F_FLAGS_CWR,
    F_FLAGS_ECE,
    F_FLAGS_URG,
    F_FLAGS_ACK,
    F_FLAGS_PUSH,
    F_FLAGS_RESET,
    F_FLAGS_SYN,
    F_FLAGS_FIN,
    F_FLAGS_STR,
    F_WIN,
    F_WIN_SIZE,
    F_WIN_SCALEFACTOR,
    F_CKSUM,
    F_CKSUM_STATUS,
    F_CKSUM_CALC,
    F_LEN,
    F_URP,
    F_OPTIONS,
    F_OPT_KIND,
    F_OPT_LEN,
    /* one item per option (Wireshark registers these as byte-valued "protocols") */
    F_O_NOP,
    F_O_EOL,
    F_O_TS,
    F_O_MSS,
    F_O_WS,
    F_O_SACKP,
    F_O_SACK,
    F_O_ECHO,
    F_O_ECHOREPLY,
    F_O_CC,
    F_O_CCNEW,
    F_O_CCECHO,
    F_O_AO,
    F_O_MD5,
    F_O_SCPSREC,
    F_O_SCPSCOR,
    F_O_QS,
    F_O_USERTO,
    F_O_TFO,
    F_O_ACCECN,
    F_O_EXP,
    F_O_UNKNOWN,
    /* option values */
    F_MSS_VAL,
    F_WS_SHIFT,
    F_WS_MULT,
    F_EXP_DATA,
    F_EXP_EXID,
    F_UNKNOWN_PAYLOAD,
    F_SACK_LE,
    F_SACK_RE,
    F_SACK_COUNT,
    F_DSACK_LE,
    F_DSACK_RE,
    F_ECHO_VAL,
    F_TSVAL,
    F_TSECR,
    F_MPTCP_SUBTYPE,
    F_CC_VAL,
    F_MD5_DIGEST,
    F_AO_KEYID,
    F_AO_RNEXTKEYID,
    F_AO_MAC,
    F_QS_RATE,
    F_QS_TTL_DIFF,
    F_TARR_RATE,
    F_TARR_RESERVED,
    F_ACCECN_EE0B,
    F_ACCECN_ECEB,
    F_ACCECN_EE1B,
    F_USERTO_GRAN,
    F_USERTO_VAL,
    F_TFO_REQUEST,
    F_TFO_COOKIE,
    F_PAYLOAD,
    F_RESET_CAUSE,
    F_TIME_REL,
    F_TIME_DELTA,
    /* sequence analysis (tcp.analysis.*) */
    F_AN,
    F_AN_FLAGS,
    F_AN_ACKS_FRAME,
    F_AN_ACK_RTT,
    F_AN_FIRST_RTT,
    F_AN_BIF,
    F_AN_PUSH_BYTES,
    F_AN_RTO,
    F_AN_RTO_FRAME,
    F_AN_DUPACK,
    F_AN_DUPACK_NUM,
    F_AN_DUPACK_FRAME,
    F_SEGMENT_DATA,
    F_PDU_SIZE,
    F_REASSEMBLED_IN,
    F_SEGMENTS,
    F_SEGMENT,
    F_SEG_OVERLAP,
    F_SEG_OVERLAP_CONFLICT,
    F_SEG_MULTIPLE_TAILS,
    F_SEG_TOO_LONG,
    F_SEG_ERROR,
    F_SEG_COUNT,
    F_REASSEMBLED_LENGTH,
    F_REASSEMBLED_DATA,
    F_COUNT
};

/* flag bits of the 12-bit field */
#define TH_FIN  0x001
#define TH_SYN  0x002
#define TH_RST  0x004
#define TH_PUSH 0x008
#define TH_ACK  0x010
#define TH_URG  0x020
#define TH_ECE  0x040
#define TH_CWR  0x080
#define TH_AE   0x100
#define TH_RES  0xe00

static const struct tw_vs cksum_status_vals[] = {
    {0, "Bad"}, {1, "Good"}, {2, "Unverified"}, {3, "Not present"}, {4, "Illegal"}, {0, NULL}};

static const struct tw_vs kind_vals[] = {{0, "End of Option List"},
                                         {1, "No-Operation"},
                                         {2, "Maximum Segment Size"},
                                         {3, "Window Scale"},
                                         {4, "SACK Permitted"},
                                         {5, "SACK"},
                                         {6, "Echo"},
                                         {7, "Echo Reply"},
                                         {8, "Time Stamp Option"},
                                         {9, "Partial Order Connection Permitted"},
                                         {10, "Partial Order Service Profile"},
                                         {11, "CC"},
                                         {12, "CC.NEW"},
                                         {13, "CC.ECHO"},
                                         {14, "TCP Alternate Checksum Request"},
                                         {15, "TCP Alternate Checksum Data"},
                                         {16, "Skeeter"},
                                         {17, "Bubba"},
                                         {18, "Trailer Checksum Option"},
                                         {19, "MD5 Signature Option"},
                                         {20, "SCPS Capabilities"},
                                         {21, "Selective Negative Acknowledgements"},
                                         {22, "Record Boundaries"},
                                         {23, "Corruption experienced"},
                                         {24, "SNAP"},
                                         {25, "Unassigned"},
                                         {26, "TCP Compression Filter"},
                                         {27, "Quick-Start Response"},
                                         {28, "User Timeout Option"},
                                         {29, "The TCP Authentication Option"},
                                         {30, "Multipath TCP"},
                                         {34, "TCP Fast Open Cookie"},
                                         {76, "Riverbed Probe"},
                                         {78, "Riverbed Transparency"},
                                         {172, "Accurate ECN Order 0"},
                                         {174, "Accurate ECN Order 1"},
                                         {253, "RFC3692-style Experiment 1"},
                                         {254, "RFC3692-style Experiment 2"},
                                         {0, NULL}};

#define EXID_TARR    0x00ac
#define EXID_ACCECN0 0xacc0
#define EXID_ACCECN1 0xacc1
#define EXID_TFO     0xf989
static const struct tw_vs exid_vals[] = {
    {0x00ac, "TCP ACK Rate Request"},
    {0x0348, "Host ID"},
    {0x0a0d, "Autonomous System Compensation"},
    {0x0ca0, "Capability Option"},
    {0x0ed0, "Extended Data Offset"},
    {0x454e, "Encryption Negotiation"},
    {0x5323, "Service Number"},
    {0x75ec, "Timestamp Interval"},
    {0xacc0, "Accurate ECN - Order 0"},
    {0xacc1, "Accurate ECN - Order 1"},
    {0xacce, "Accurate ECN"},
    {0xe2d4, "Shared Memory communications over RMDA protocol"},
    {0xf989, "Fast Open"},
    {0xf990, "Low Latency"},
    {0, NULL}};

static const struct tw_vs mptcp_subtype_vals[] = {{0, "Multipath Capable"},
                                                  {1, "Join Connection"},
                                                  {2, "Data Sequence Signal"},
                                                  {3, "Add Address"},
                                                  {4, "Remove Address"},
                                                  {5, "Change Subflow Priority"},
                                                  {6, "TCP Fallback"},
                                                  {7, "Fast Close"},
                                                  {8, "TCP Reset"},
                                                  {0, NULL}};

static const struct tw_vs qs_rate_vals[] = {{0, "0 bit/s"},
                                            {1, "80 Kbit/s"},
                                            {2, "160 Kbit/s"},
                                            {3, "320 Kbit/s"},
                                            {4, "640 Kbit/s"},
                                            {5, "1.28 Mbit/s"},
                                            {6, "2.56 Mbit/s"},
                                            {7, "5.12 Mbit/s"},
                                            {8, "10.24 Mbit/s"},
                                            {9, "20.48 Mbit/s"},
                                            {10, "40.96 Mbit/s"},
                                            {11, "81.92 Mbit/s"},
                                            {12, "163.84 Mbit/s"},
                                            {13, "327.68 Mbit/s"},
                                            {14, "655.36 Mbit/s"},
                                            {15, "1.31072 Gbit/s"},
                                            {0, NULL}};

static const struct tw_tfs userto_gran_tfs = {"Minutes", "Seconds"};

#define CKSUM_BLURB                                                                                \
    "Details at: https://www.wireshark.org/docs/wsug_html_chunked/ChAdvChecksums.html"

static const struct tw_field_def fields[F_COUNT] = {
    [F_SRCPORT] = {"tcp.srcport", "Source Port", TW_FT_UINT16, TW_BASE_PT_TCP},
    [F_DSTPORT] = {"tcp.dstport", "Destination Port", TW_FT_UINT16, TW_BASE_PT_TCP},
    [F_PORT] = {"tcp.port", "Source or Destination Port", TW_FT_UINT16, TW_BASE_PT_TCP},
    [F_STREAM] = {"tcp.stream", "Stream index", TW_FT_UINT32, TW_BASE_DEC},
    [F_COMPLETENESS] = {"tcp.completeness", "Conversation completeness", TW_FT_UINT8,
                        TW_BASE_CUSTOM, 0, NULL, NULL, NULL,
                        "The completeness of the conversation capture"},
    [F_SEQ] = {"tcp.seq", "Sequence Number", TW_FT_UINT32, TW_BASE_DEC},
    [F_NXTSEQ] = {"tcp.nxtseq", "Next Sequence Number", TW_FT_UINT32, TW_BASE_DEC},
    [F_ACK] = {"tcp.ack", "Acknowledgment Number", TW_FT_UINT32, TW_BASE_DEC},
    [F_SEQ_RAW] = {"tcp.seq_raw", "Sequence Number (raw)", TW_FT_UINT32, TW_BASE_DEC, 0, NULL, NULL,
                   NULL, "This shows the raw value of the sequence number"},
    [F_ACK_RAW] = {"tcp.ack_raw", "Acknowledgment number (raw)", TW_FT_UINT32, TW_BASE_DEC, 0, NULL,
                   NULL, NULL, "This shows the raw value of the acknowledgment number"},
    [F_HDR_LEN] = {"tcp.hdr_len", "Header Length", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL, NULL,
                   "Data offset in 32-bit words"},
    [F_FLAGS] = {"tcp.flags", "Flags", TW_FT_UINT16, TW_BASE_HEX, 0xfff, NULL, NULL, NULL,
                 "Flags (12 bits)"},
    [F_FLAGS_RES] = {"tcp.flags.res", "Reserved", TW_FT_BOOLEAN, 12, TH_RES, NULL, NULL,
                     &tw_tfs_set_notset, "Three reserved bits (must be zero)"},
    [F_FLAGS_AE] = {"tcp.flags.ae", "Accurate ECN", TW_FT_BOOLEAN, 12, TH_AE, NULL, NULL,
                    &tw_tfs_set_notset},
    [F_FLAGS_CWR] = {"tcp.flags.cwr", "Congestion Window Reduced", TW_FT_BOOLEAN, 12, TH_CWR, NULL,
                     NULL, &tw_tfs_set_notset},
    [F_FLAGS_ECE] = {"tcp.flags.ece", "ECN-Echo", TW_FT_BOOLEAN, 12, TH_ECE, NULL, NULL,
                     &tw_tfs_set_notset},
    [F_FLAGS_URG] = {"tcp.flags.urg", "Urgent", TW_FT_BOOLEAN, 12, TH_URG, NULL, NULL,
                     &tw_tfs_set_notset},
    [F_FLAGS_ACK] = {"tcp.flags.ack", "Acknowledgment", TW_FT_BOOLEAN, 12, TH_ACK, NULL, NULL,
                     &tw_tfs_set_notset},
    [F_FLAGS_PUSH] = {"tcp.flags.push", "Push", TW_FT_BOOLEAN, 12, TH_PUSH, NULL, NULL,
                      &tw_tfs_set_notset},
    [F_FLAGS_RESET] = {"tcp.flags.reset", "Reset", TW_FT_BOOLEAN, 12, TH_RST, NULL, NULL,
                       &tw_tfs_set_notset},
    [F_FLAGS_SYN] = {"tcp.flags.syn", "Syn", TW_FT_BOOLEAN, 12, TH_SYN, NULL, NULL,
                     &tw_tfs_set_notset},
    [F_FLAGS_FIN] = {"tcp.flags.fin", "Fin", TW_FT_BOOLEAN, 12, TH_FIN, NULL, NULL,
                     &tw_tfs_set_notset},
    [F_FLAGS_STR] = {"tcp.flags.str", "TCP Flags", TW_FT_STRING},
    [F_WIN] = {"tcp.window_size_value", "Window", TW_FT_UINT16, TW_BASE_DEC, 0, NULL, NULL, NULL,
               "The window size value from the TCP header"},
    [F_WIN_SIZE] = {"tcp.window_size", "Calculated window size", TW_FT_UINT32, TW_BASE_DEC, 0, NULL,
                    NULL, NULL, "The scaled window size (if scaling has been used)"},
    [F_WIN_SCALEFACTOR] = {"tcp.window_size_scalefactor", "Window size scaling factor", TW_FT_INT32,
                           TW_BASE_DEC, 0, NULL, NULL, NULL,
                           "The window size scaling factor (-1 when unknown, -2 when no scaling "
                           "is used)"},
    [F_CKSUM] = {"tcp.checksum", "Checksum", TW_FT_UINT16, TW_BASE_HEX, 0, NULL, NULL, NULL,
                 CKSUM_BLURB},
    [F_CKSUM_STATUS] = {"tcp.checksum.status", "Checksum Status", TW_FT_UINT8, TW_BASE_NONE, 0,
                        cksum_status_vals},
    [F_CKSUM_CALC] = {"tcp.checksum_calculated", "Calculated Checksum", TW_FT_UINT16, TW_BASE_HEX,
                      0, NULL, NULL, NULL,
                      "The expected TCP checksum field as calculated from the TCP segment"},
    [F_LEN] = {"tcp.len", "TCP Segment Len", TW_FT_UINT32, TW_BASE_DEC},
    [F_URP] = {"tcp.urgent_pointer", "Urgent Pointer", TW_FT_UINT16, TW_BASE_DEC},
    [F_OPTIONS] = {"tcp.options", "TCP Options", TW_FT_BYTES},
    [F_OPT_KIND] = {"tcp.option_kind", "Kind", TW_FT_UINT8, TW_BASE_DEC, 0, kind_vals, NULL, NULL,
                    "This TCP option's kind"},
    [F_OPT_LEN] = {"tcp.option_len", "Length", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL, NULL,
                   "Length of this TCP option in bytes (including kind and length fields)"},
    [F_O_NOP] = {"tcp.options.nop", "TCP Option - No-Operation (NOP)", TW_FT_BYTES},
    [F_O_EOL] = {"tcp.options.eol", "TCP Option - End of Option List (EOL)", TW_FT_BYTES},
    [F_O_TS] = {"tcp.options.timestamp", "TCP Option - Timestamps", TW_FT_BYTES},
    [F_O_MSS] = {"tcp.options.mss", "TCP Option - Maximum segment size", TW_FT_BYTES},
    [F_O_WS] = {"tcp.options.wscale", "TCP Option - Window scale", TW_FT_BYTES},
    [F_O_SACKP] = {"tcp.options.sack_perm", "TCP Option - SACK permitted", TW_FT_BYTES},
    [F_O_SACK] = {"tcp.options.sack", "TCP Option - SACK", TW_FT_BYTES},
    [F_O_ECHO] = {"tcp.options.echo", "TCP Option - Echo", TW_FT_BYTES},
    [F_O_ECHOREPLY] = {"tcp.options.echoreply", "TCP Option - Echo reply", TW_FT_BYTES},
    [F_O_CC] = {"tcp.options.cc", "TCP Option - CC", TW_FT_BYTES},
    [F_O_CCNEW] = {"tcp.options.ccnew", "TCP Option - CC.NEW", TW_FT_BYTES},
    [F_O_CCECHO] = {"tcp.options.ccecho", "TCP Option - CC.ECHO", TW_FT_BYTES},
    [F_O_AO] = {"tcp.options.ao", "TCP Option - TCP AO", TW_FT_BYTES},
    [F_O_MD5] = {"tcp.options.md5", "TCP Option - TCP MD5 signature", TW_FT_BYTES},
    [F_O_SCPSREC] = {"tcp.options.scpsrec", "TCP Option - SCPS record boundary", TW_FT_BYTES},
    [F_O_SCPSCOR] = {"tcp.options.scpscor", "TCP Option - SCPS corruption experienced",
                     TW_FT_BYTES},
    [F_O_QS] = {"tcp.options.qs", "TCP Option - Quick-Start", TW_FT_BYTES},
    [F_O_USERTO] = {"tcp.options.user_to", "TCP Option - User Timeout", TW_FT_BYTES},
    [F_O_TFO] = {"tcp.options.tfo", "TCP Option - TCP Fast Open", TW_FT_BYTES},
    [F_O_ACCECN] = {"tcp.options.acc_ecn", "TCP Option - Accurate ECN", TW_FT_BYTES},
    [F_O_EXP] = {"tcp.options.experimental", "TCP Option - Experimental", TW_FT_BYTES},
    [F_O_UNKNOWN] = {"tcp.options.unknown", "TCP Option - Unknown", TW_FT_BYTES},
    [F_MSS_VAL] = {"tcp.options.mss_val", "MSS Value", TW_FT_UINT16, TW_BASE_DEC},
    [F_WS_SHIFT] = {"tcp.options.wscale.shift", "Shift count", TW_FT_UINT8, TW_BASE_DEC, 0, NULL,
                    NULL, NULL, "Logarithmically encoded power of 2 scale factor"},
    [F_WS_MULT] = {"tcp.options.wscale.multiplier", "Multiplier", TW_FT_UINT16, TW_BASE_DEC, 0,
                   NULL, NULL, NULL, "Multiply segment window size by this for scaled window size"},
    [F_EXP_DATA] = {"tcp.options.experimental.data", "Data", TW_FT_BYTES},
    [F_EXP_EXID] = {"tcp.options.experimental.exid", "Experiment Identifier", TW_FT_UINT16,
                    TW_BASE_HEX, 0, exid_vals},
    [F_UNKNOWN_PAYLOAD] = {"tcp.options.unknown.payload", "Payload", TW_FT_BYTES},
    [F_SACK_LE] = {"tcp.options.sack_le", "TCP SACK Left Edge", TW_FT_UINT32, TW_BASE_DEC},
    [F_SACK_RE] = {"tcp.options.sack_re", "TCP SACK Right Edge", TW_FT_UINT32, TW_BASE_DEC},
    [F_SACK_COUNT] = {"tcp.options.sack.count", "TCP SACK Count", TW_FT_UINT8, TW_BASE_DEC},
    [F_DSACK_LE] = {"tcp.options.sack.dsack_le", "TCP D-SACK Left Edge", TW_FT_UINT32, TW_BASE_DEC,
                    0, NULL, NULL, NULL, "Duplicate SACK Left Edge"},
    [F_DSACK_RE] = {"tcp.options.sack.dsack_re", "TCP D-SACK Right Edge", TW_FT_UINT32, TW_BASE_DEC,
                    0, NULL, NULL, NULL, "Duplicate SACK Right Edge"},
    [F_ECHO_VAL] = {"tcp.options.echo_value", "TCP Echo Option", TW_FT_UINT32, TW_BASE_DEC, 0, NULL,
                    NULL, NULL, "TCP Sack Echo"},
    [F_TSVAL] = {"tcp.options.timestamp.tsval", "Timestamp value", TW_FT_UINT32, TW_BASE_DEC, 0,
                 NULL, NULL, NULL, "Value of sending machine's timestamp clock"},
    [F_TSECR] = {"tcp.options.timestamp.tsecr", "Timestamp echo reply", TW_FT_UINT32, TW_BASE_DEC,
                 0, NULL, NULL, NULL, "Echoed timestamp from remote machine"},
    [F_MPTCP_SUBTYPE] = {"tcp.options.mptcp.subtype", "Multipath TCP subtype", TW_FT_UINT8,
                         TW_BASE_DEC, 0xf0, mptcp_subtype_vals},
    [F_CC_VAL] = {"tcp.options.cc_value", "TCP CC Option", TW_FT_UINT32, TW_BASE_DEC},
    [F_MD5_DIGEST] = {"tcp.options.md5.digest", "MD5 digest", TW_FT_BYTES},
    [F_AO_KEYID] = {"tcp.options.ao.keyid", "AO KeyID", TW_FT_UINT8, TW_BASE_DEC},
    [F_AO_RNEXTKEYID] = {"tcp.options.ao.rnextkeyid", "AO RNextKeyID", TW_FT_UINT8, TW_BASE_DEC},
    [F_AO_MAC] = {"tcp.options.ao.mac", "AO MAC", TW_FT_BYTES},
    [F_QS_RATE] = {"tcp.options.qs.rate", "QS Rate", TW_FT_UINT8, TW_BASE_DEC, 0x0f, qs_rate_vals},
    [F_QS_TTL_DIFF] = {"tcp.options.qs.ttl_diff", "QS Rate", TW_FT_UINT8, TW_BASE_DEC},
    [F_TARR_RATE] = {"tcp.options.tarr.rate", "TARR Rate", TW_FT_UINT8, TW_BASE_DEC, 0xfe},
    [F_TARR_RESERVED] = {"tcp.options.tar.reserved", "TARR Reserved", TW_FT_UINT8, TW_BASE_DEC,
                         0x01},
    [F_ACCECN_EE0B] = {"tcp.options.acc_ecn.ee0b", "Accurate ECN Echo ECT(0) Byte Counter",
                       TW_FT_UINT24, TW_BASE_DEC},
    [F_ACCECN_ECEB] = {"tcp.options.acc_ecn.eceb", "Accurate ECN Echo CE Byte Counter",
                       TW_FT_UINT24, TW_BASE_DEC},
    [F_ACCECN_EE1B] = {"tcp.options.acc_ecn.ee1b", "Accurate ECN Echo ECT(1) Byte Counter",
                       TW_FT_UINT24, TW_BASE_DEC},
    [F_USERTO_GRAN] = {"tcp.options.user_to_granularity", "Granularity", TW_FT_BOOLEAN, 16, 0x8000,
                       NULL, NULL, &userto_gran_tfs, "TCP User Timeout Granularity"},
    [F_USERTO_VAL] = {"tcp.options.user_to_val", "User Timeout", TW_FT_UINT16, TW_BASE_DEC, 0x7fff,
                      NULL, NULL, NULL, "TCP User Timeout Value"},
    [F_TFO_REQUEST] = {"tcp.options.tfo.request", "Fast Open Cookie Request", TW_FT_NONE},
    [F_TFO_COOKIE] = {"tcp.options.tfo.cookie", "Fast Open Cookie", TW_FT_BYTES},
    [F_PAYLOAD] = {"tcp.payload", "TCP payload", TW_FT_BYTES, TW_BASE_NONE, 0, NULL, NULL, NULL,
                   "The TCP payload of this packet"},
    [F_RESET_CAUSE] = {"tcp.reset_cause", "Reset cause", TW_FT_STRING},
    [F_TIME_REL] = {"tcp.time_relative", "Time since first frame in this TCP stream",
                    TW_FT_RELATIVE_TIME, 0, 0, NULL, NULL, NULL,
                    "Time relative to first frame in this TCP stream"},
    [F_TIME_DELTA] = {"tcp.time_delta", "Time since previous frame in this TCP stream",
                      TW_FT_RELATIVE_TIME, 0, 0, NULL, NULL, NULL,
                      "Time delta from previous frame in this TCP stream"},
    [F_AN] = {"tcp.analysis", "SEQ/ACK analysis", TW_FT_NONE, TW_BASE_NONE, 0, NULL, NULL, NULL,
              "This frame has some of the TCP analysis shown"},
    [F_AN_FLAGS] = {"tcp.analysis.flags", "TCP Analysis Flags", TW_FT_NONE, TW_BASE_NONE, 0, NULL,
                    NULL, NULL, "This frame has some of the TCP analysis flags set"},
    [F_AN_ACKS_FRAME] = {"tcp.analysis.acks_frame", "This is an ACK to the segment in frame",
                         TW_FT_FRAMENUM, TW_BASE_NONE, 0, NULL, NULL, NULL,
                         "Which previous segment is this an ACK for"},
    [F_AN_ACK_RTT] = {"tcp.analysis.ack_rtt", "The RTT to ACK the segment was", TW_FT_RELATIVE_TIME,
                      0, 0, NULL, NULL, NULL, "How long time it took to ACK the segment (RTT)"},
    [F_AN_FIRST_RTT] = {"tcp.analysis.initial_rtt", "iRTT", TW_FT_RELATIVE_TIME, 0, 0, NULL, NULL,
                        NULL, "How long it took for the SYN to ACK handshake (iRTT)"},
    [F_AN_BIF] = {"tcp.analysis.bytes_in_flight", "Bytes in flight", TW_FT_UINT32, TW_BASE_DEC, 0,
                  NULL, NULL, NULL, "How many bytes are now in flight for this connection"},
    [F_AN_PUSH_BYTES] = {"tcp.analysis.push_bytes_sent", "Bytes sent since last PSH flag",
                         TW_FT_UINT32, TW_BASE_DEC, 0, NULL, NULL, NULL,
                         "How many bytes have been sent since the last PSH flag"},
    [F_AN_RTO] = {"tcp.analysis.rto", "The RTO for this segment was", TW_FT_RELATIVE_TIME, 0, 0,
                  NULL, NULL, NULL,
                  "How long transmission was delayed before this segment was retransmitted (RTO)"},
    [F_AN_RTO_FRAME] = {"tcp.analysis.rto_frame", "RTO based on delta from frame", TW_FT_FRAMENUM,
                        TW_BASE_NONE, 0, NULL, NULL, NULL,
                        "This is the frame we measure the RTO from"},
    [F_AN_DUPACK] = {"tcp.analysis.duplicate_ack", "Duplicate ACK", TW_FT_NONE, TW_BASE_NONE, 0,
                     NULL, NULL, NULL, "This is a duplicate ACK"},
    [F_AN_DUPACK_NUM] = {"tcp.analysis.duplicate_ack_num", "Duplicate ACK #", TW_FT_UINT32,
                         TW_BASE_DEC, 0, NULL, NULL, NULL, "This is duplicate ACK number #"},
    [F_AN_DUPACK_FRAME] = {"tcp.analysis.duplicate_ack_frame", "Duplicate to the ACK in frame",
                           TW_FT_FRAMENUM, TW_BASE_NONE, 0, NULL, NULL, NULL,
                           "This is a duplicate to the ACK in frame #"},
    [F_SEGMENT_DATA] = {"tcp.segment_data", "TCP segment data", TW_FT_BYTES, TW_BASE_NONE, 0, NULL,
                        NULL, NULL, "A data segment used in reassembly of a lower-level protocol"},
    [F_PDU_SIZE] = {"tcp.pdu.size", "PDU Size", TW_FT_UINT32, TW_BASE_DEC, 0, NULL, NULL, NULL,
                    "The size of this PDU"},
    [F_REASSEMBLED_IN] = {"tcp.reassembled_in", "Reassembled PDU in frame", TW_FT_FRAMENUM, 0, 0,
                          NULL, NULL, NULL,
                          "The PDU that doesn't end in this segment is reassembled in this frame"},
    [F_SEGMENTS] = {"tcp.segments", "Reassembled TCP Segments", TW_FT_NONE, 0, 0, NULL, NULL, NULL,
                    "TCP Segments"},
    [F_SEGMENT] = {"tcp.segment", "TCP Segment", TW_FT_FRAMENUM},
    [F_SEG_OVERLAP] = {"tcp.segment.overlap", "Segment overlap", TW_FT_BOOLEAN, 0, 0, NULL, NULL,
                       NULL, "Segment overlaps with other segments"},
    [F_SEG_OVERLAP_CONFLICT] = {"tcp.segment.overlap.conflict",
                                "Conflicting data in segment overlap", TW_FT_BOOLEAN, 0, 0, NULL,
                                NULL, NULL, "Overlapping segments contained conflicting data"},
    [F_SEG_MULTIPLE_TAILS] = {"tcp.segment.multipletails", "Multiple tail segments found",
                              TW_FT_BOOLEAN, 0, 0, NULL, NULL, NULL,
                              "Several tails were found when reassembling the pdu"},
    [F_SEG_TOO_LONG] = {"tcp.segment.toolongfragment", "Segment too long", TW_FT_BOOLEAN, 0, 0,
                        NULL, NULL, NULL, "Segment contained data past end of the pdu"},
    [F_SEG_ERROR] = {"tcp.segment.error", "Reassembling error", TW_FT_FRAMENUM, 0, 0, NULL, NULL,
                     NULL, "Reassembling error due to illegal segments"},
    [F_SEG_COUNT] = {"tcp.segment.count", "Segment count", TW_FT_UINT32, TW_BASE_DEC},
    [F_REASSEMBLED_LENGTH] = {"tcp.reassembled.length", "Reassembled TCP length", TW_FT_UINT32,
                              TW_BASE_DEC, 0, NULL, NULL, NULL,
                              "The total length of the reassembled payload"},
    [F_REASSEMBLED_DATA] = {"tcp.reassembled.data", "Reassembled TCP Data", TW_FT_BYTES, 0, 0, NULL,
                            NULL, NULL, "The reassembled payload"},
};

enum {
    E_OPT_LEN_INVALID,
    E_SACK_DSACK,
    E_WS_SHIFT_INVALID,
    E_MSS_ABSENT,
    E_MSS_PRESENT,
    E_SHORT_SEGMENT,
    E_ACK_NONZERO,
    E_SYNACK,
    E_SYN,
    E_FIN,
    E_RST,
    E_CKSUM_FFFF,
    E_CKSUM_BAD,
    E_URP_NONZERO,
    E_SUBOPT_MALFORMED,
    E_NOP,
    E_AFTER_EOL,
    E_BOGUS_HLEN,
    E_TFO_SYN,
    /* sequence analysis */
    E_AN_RETRANS,
    E_AN_FAST_RETRANS,
    E_AN_SPURIOUS,
    E_AN_OOO,
    E_AN_REUSED,
    E_AN_LOST,
    E_AN_ACK_LOST,
    E_AN_WIN_UPDATE,
    E_AN_WIN_FULL,
    E_AN_KEEP_ALIVE,
    E_AN_KEEP_ALIVE_ACK,
    E_AN_DUPACK,
    E_AN_ZWP,
    E_AN_ZW,
    E_AN_ZWP_ACK,
    E_FIN_ACTIVE,
    E_FIN_PASSIVE,
    E_COUNT
};
static const struct tw_expert_def experts[E_COUNT] = {
    [E_OPT_LEN_INVALID] = {"tcp.option.len.invalid", "decoder.tcp.option_len_invalid", TW_SEV_NOTE,
                           TW_GRP_SEQUENCE, "Invalid length for option"},
    [E_SACK_DSACK] = {"tcp.options.sack.dsack", "decoder.tcp.dsack", TW_SEV_WARN, TW_GRP_SEQUENCE,
                      "D-SACK Sequence"},
    [E_WS_SHIFT_INVALID] = {"tcp.options.wscale.shift.invalid", "decoder.tcp.wscale_shift_invalid",
                            TW_SEV_WARN, TW_GRP_PROTOCOL, "Window scale shift exceeds 14"},
    [E_MSS_ABSENT] = {"tcp.options.mss.absent", "decoder.tcp.mss_absent", TW_SEV_NOTE,
                      TW_GRP_PROTOCOL, "The SYN packet does not contain a MSS option"},
    [E_MSS_PRESENT] = {"tcp.options.mss.present", "decoder.tcp.mss_present", TW_SEV_WARN,
                       TW_GRP_PROTOCOL, "The non-SYN packet does contain a MSS option"},
    [E_SHORT_SEGMENT] = {"tcp.short_segment", "decoder.tcp.short_segment", TW_SEV_WARN,
                         TW_GRP_MALFORMED, "Short segment"},
    [E_ACK_NONZERO] = {"tcp.ack.nonzero", "decoder.tcp.ack_nonzero", TW_SEV_NOTE, TW_GRP_PROTOCOL,
                       "The acknowledgment number field is nonzero while the ACK flag is not set"},
    [E_SYNACK] = {"tcp.connection.synack", "tcp.connection.synack", TW_SEV_CHAT, TW_GRP_SEQUENCE,
                  "Connection establish acknowledge (SYN+ACK)"},
    [E_SYN] = {"tcp.connection.syn", "tcp.connection.syn", TW_SEV_CHAT, TW_GRP_SEQUENCE,
               "Connection establish request (SYN)"},
    [E_FIN] = {"tcp.connection.fin", "tcp.connection.fin", TW_SEV_CHAT, TW_GRP_SEQUENCE,
               "Connection finish (FIN)"},
    [E_RST] = {"tcp.connection.rst", "tcp.connection.rst", TW_SEV_WARN, TW_GRP_SEQUENCE,
               "Connection reset (RST)"},
    [E_CKSUM_FFFF] = {"tcp.checksum.ffff", "decoder.tcp.checksum_ffff", TW_SEV_WARN,
                      TW_GRP_CHECKSUM, "TCP Checksum 0xffff instead of 0x0000 (see RFC 1624)"},
    [E_CKSUM_BAD] = {"tcp.checksum_bad.expert", "decoder.tcp.bad_checksum", TW_SEV_ERROR,
                     TW_GRP_CHECKSUM, "Bad checksum"},
    [E_URP_NONZERO] = {"tcp.urgent_pointer.non_zero", "decoder.tcp.urgent_pointer_nonzero",
                       TW_SEV_NOTE, TW_GRP_PROTOCOL,
                       "The urgent pointer field is nonzero while the URG flag is not set"},
    [E_SUBOPT_MALFORMED] = {"tcp.suboption_malformed", "decoder.tcp.suboption_malformed",
                            TW_SEV_ERROR, TW_GRP_MALFORMED,
                            "suboption would go past end of option"},
    [E_NOP] = {"tcp.nop", "decoder.tcp.nop_run", TW_SEV_WARN, TW_GRP_PROTOCOL,
               "4 NOP in a row - a router may have removed some options"},
    [E_AFTER_EOL] = {"tcp.non_zero_bytes_after_eol", "decoder.tcp.bytes_after_eol", TW_SEV_ERROR,
                     TW_GRP_PROTOCOL, "Non zero bytes in option space after EOL option"},
    [E_BOGUS_HLEN] = {"tcp.bogus_header_length", "decoder.tcp.bad_header_length", TW_SEV_ERROR,
                      TW_GRP_PROTOCOL, "Bogus TCP Header length"},
    [E_TFO_SYN] = {"tcp.analysis.tfo_syn", "tcp.tfo_syn_cookie", TW_SEV_NOTE, TW_GRP_SEQUENCE,
                   "TCP SYN with TFO Cookie"},
    [E_AN_RETRANS] = {"tcp.analysis.retransmission", "tcp.analysis.retransmission", TW_SEV_NOTE,
                      TW_GRP_SEQUENCE, "This frame is a (suspected) retransmission"},
    [E_AN_FAST_RETRANS] = {"tcp.analysis.fast_retransmission", "tcp.analysis.fast_retransmission",
                           TW_SEV_NOTE, TW_GRP_SEQUENCE,
                           "This frame is a (suspected) fast retransmission"},
    [E_AN_SPURIOUS] = {"tcp.analysis.spurious_retransmission",
                       "tcp.analysis.spurious_retransmission", TW_SEV_NOTE, TW_GRP_SEQUENCE,
                       "This frame is a (suspected) spurious retransmission"},
    [E_AN_OOO] = {"tcp.analysis.out_of_order", "tcp.analysis.out_of_order", TW_SEV_WARN,
                  TW_GRP_SEQUENCE, "This frame is a (suspected) out-of-order segment"},
    [E_AN_REUSED] = {"tcp.analysis.reused_ports", "tcp.analysis.reused_ports", TW_SEV_NOTE,
                     TW_GRP_SEQUENCE,
                     "A new tcp session is started with the same ports as an earlier session in "
                     "this trace"},
    [E_AN_LOST] = {"tcp.analysis.lost_segment", "tcp.analysis.lost_segment", TW_SEV_WARN,
                   TW_GRP_SEQUENCE, "Previous segment(s) not captured (common at capture start)"},
    [E_AN_ACK_LOST] = {"tcp.analysis.ack_lost_segment", "tcp.analysis.ack_lost_segment",
                       TW_SEV_WARN, TW_GRP_SEQUENCE,
                       "ACKed segment that wasn't captured (common at capture start)"},
    [E_AN_WIN_UPDATE] = {"tcp.analysis.window_update", "tcp.analysis.window_update", TW_SEV_CHAT,
                         TW_GRP_SEQUENCE, "TCP window update"},
    [E_AN_WIN_FULL] = {"tcp.analysis.window_full", "tcp.analysis.window_full", TW_SEV_WARN,
                       TW_GRP_SEQUENCE,
                       "TCP window specified by the receiver is now completely full"},
    [E_AN_KEEP_ALIVE] = {"tcp.analysis.keep_alive", "tcp.analysis.keep_alive", TW_SEV_NOTE,
                         TW_GRP_SEQUENCE, "TCP keep-alive segment"},
    [E_AN_KEEP_ALIVE_ACK] = {"tcp.analysis.keep_alive_ack", "tcp.analysis.keep_alive_ack",
                             TW_SEV_NOTE, TW_GRP_SEQUENCE, "ACK to a TCP keep-alive segment"},
    [E_AN_DUPACK] = {"tcp.analysis.duplicate_ack", "tcp.analysis.duplicate_ack", TW_SEV_NOTE,
                     TW_GRP_SEQUENCE, "Duplicate ACK"},
    [E_AN_ZWP] = {"tcp.analysis.zero_window_probe", "tcp.analysis.zero_window_probe", TW_SEV_NOTE,
                  TW_GRP_SEQUENCE, "TCP Zero Window Probe"},
    [E_AN_ZW] = {"tcp.analysis.zero_window", "tcp.analysis.zero_window", TW_SEV_WARN,
                 TW_GRP_SEQUENCE, "TCP Zero Window segment"},
    [E_AN_ZWP_ACK] = {"tcp.analysis.zero_window_probe_ack", "tcp.analysis.zero_window_probe_ack",
                      TW_SEV_NOTE, TW_GRP_SEQUENCE, "ACK to a TCP Zero Window Probe"},
    [E_FIN_ACTIVE] = {"tcp.connection.fin_active", "tcp.connection.fin_active", TW_SEV_NOTE,
                      TW_GRP_SEQUENCE, "This frame initiates the connection closing"},
    [E_FIN_PASSIVE] = {"tcp.connection.fin_passive", "tcp.connection.fin_passive", TW_SEV_NOTE,
                       TW_GRP_SEQUENCE, "This frame undergoes the connection closing"},
};

static bool check_checksum; /* -o tcp.check_checksum (tshark's default: FALSE) */

/* ---------------------------------------------------------------------------------------------
 * Conversations.
 * ------------------------------------------------------------------------------------------- */
#define CONV_MAX (1u << 20) /* live conversations remembered; beyond, the oldest is forgotten */

/* completeness bits, as tshark accumulates them */
#define C_SYNSENT 0x01
#define C_SYNACK  0x02
#define C_ACK     0x04
#define C_DATA    0x08
#define C_FIN     0x10
#define C_RST     0x20

#define WS_UNKNOWN  (-1)
#define WS_NOT_USED (-2)

/* A segment sent and not yet acknowledged (sequence analysis). */
struct ta_seg {
    uint32_t frame, seq, nextseq; /* absolute sequence numbers */
    struct tw_time ts;
};

/* Sequence analysis state of one direction: Wireshark's tcp_analyze_seq_flow_info_t and the
 * analysis members of tcp_flow_t. Sequence numbers are absolute. */
struct ta_flow {
    struct ta_seg *segs; /* unacknowledged segments, oldest first (malloc'ed, TA_MAX_UNACKED) */
    uint32_t nsegs, cap;
    uint32_t nextseq;         /* highest next sequence number seen (0: none yet) */
    uint32_t nextseqframe;    /* the frame that set it */
    uint32_t maxseqtobeacked; /* highest contiguous next sequence number */
    uint32_t lastack;         /* the last acknowledgment number sent (raw, even without ACK) */
    uint32_t lastnondupack;   /* frame whose acknowledgment number last changed */
    uint32_t window;          /* last window sent, unscaled (UINT32_MAX: none yet) */
    /* duplicate ACKs in a row; UINT32_MAX after an ACKed unseen segment (Wireshark's -1 in an
     * unsigned counter, which its fast-retransmission test then sees as "many") */
    uint32_t dupacknum;
    uint32_t push_bytes_sent;
    struct tw_time nextseqtime, lastacktime;
    uint32_t sack_len[3]; /* lengths of the SACK blocks of its last segment (up to 3) */
    uint8_t nsack;
    uint16_t lastsegflags; /* analysis flags of its last segment */
    bool valid_bif;        /* bytes in flight can be computed (no hole seen since an ACK) */
    bool push_set_last;
    bool is_first_ack; /* a SYN was sent and no pure ACK yet: the window is not scaled yet */
};

/* A PDU being reassembled for the protocol above (Wireshark's tcp_multisegment_pdu and its
 * fragment_head): the segments' bytes placed by offset from `seq`. */
struct msp_frag {
    uint32_t frame, off, len, at; /* at: where its bytes are in the store */
    uint8_t flags;                /* TW_FRAG_* */
};
struct msp {
    uint32_t seq, nxtpdu; /* relative sequence numbers: first byte, end of the PDU */
    uint32_t first_frame;
    uint32_t reassembled_in; /* 0 until complete */
    uint32_t datalen;        /* valid with datalen_set: the PDU's length */
    bool datalen_set, entire_segment, partial;
    bool dropped; /* its bytes were given up (memory cap, sender's FIN): never completes */
    struct msp *lru_prev,
        *lru_next;          /* while it holds bytes: all such PDUs, least recently grown first */
    int64_t grown_sec;      /* capture time of its last segment */
    struct msp_frag *frags; /* in offset order, arrival order for equal offsets */
    uint32_t nfrags, capfrags;
    uint8_t *store;
    uint32_t store_len, store_cap;
};
#define MSP_PER_FLOW 8 /* remembered per direction (finished ones answer later lookups) */
struct deseg_flow {
    struct msp *msps; /* sorted by seq, at most MSP_PER_FLOW */
    uint32_t n;
    bool until_fin; /* a protocol asked for everything up to the FIN */
    uint32_t fin_frame;
};

struct conv_flow {
    uint32_t base_seq; /* the sender's ISN (or seq - 1 when first seen without SYN) */
    bool base_set;
    int8_t win_scale;       /* shift from its window-scale option, WS_UNKNOWN or WS_NOT_USED */
    bool closing_initiator; /* sent the first FIN of the connection */
    struct ta_flow an;
    struct deseg_flow ds;
};

struct conv {
    uint32_t stream;
    uint8_t completeness;
    uint8_t fin_dirs;       /* bit per direction that sent a FIN; both set after a RST */
    int64_t last_sec;       /* capture time of its latest packet */
    uint64_t last_pkt;      /* conv_clock at its latest packet */
    struct conv_flow fl[2]; /* [0]: sent by the endpoint that sorts first in the key */
    struct tw_time first, prev;
    struct tw_time mru_syn, first_rtt; /* last SYN's time; SYN to first pure ACK (iRTT) */
    /* the frame that made the conversation: its first packet, or the one that announced it
     * (tw_tcp_conv_expect), with the announcer's dissector (a TW_TBL_NAME key, 0 for none) and
     * tag */
    uint32_t sub_key, setup_frame;
    uint64_t sub_tag;
    /* the port the latest SYN went to (SYN+ACK: came from), 0 before any SYN: Wireshark's
     * tcpd->server_port, whose protocol is tried before the lower port's */
    uint16_t server_port;
};

static struct tw_state *conv_tab;
/* conversations announced ahead of their traffic (tshark's conversation_new(..., NO_PORT2)):
 * keyed by the first address, the second address and the first port; the second port is a
 * wildcard */
struct expect {
    uint32_t sub_key, setup_frame;
    uint64_t tag;
};
static struct tw_state *expect_tab;
#define EXPECT_MAX 4096
static uint32_t next_stream;
static bool rel_seq; /* -o tcp.relative_sequence_numbers and tcp.analyze_sequence_numbers */

static bool analyze_seq;      /* -o tcp.analyze_sequence_numbers */
static uint64_t ta_segs_held; /* unacknowledged segments stored, all conversations */

static void msp_free_all(struct deseg_flow *ds);

static void conv_drop(void *v)
{
    struct conv *cv = v;
    for (int d = 0; d < 2; d++) {
        msp_free_all(&cv->fl[d].ds);
        ta_segs_held -= cv->fl[d].an.nsegs;
        free(cv->fl[d].an.segs);
        cv->fl[d].an.segs = NULL;
        cv->fl[d].an.nsegs = cv->fl[d].an.cap = 0;
    }
}

/* Memory follows the live connections, not the capture's length (tshark keeps every
 * conversation): a conversation closed in both directions (or reset) and quiet for
 * CLOSED_IDLE_SEC of capture time, or open and quiet for OPEN_IDLE_SEC, and in both cases for
 * IDLE_PACKETS TCP packets (so a capture whose clock jumps does not retire anything early), is
 * retired when the least recently seen. A later packet on its address/port pair starts a new
 * stream (tshark would number it as the old one). Checked as packets come, two at a time, from
 * the oldest. */
#define CLOSED_IDLE_SEC 60
#define OPEN_IDLE_SEC   1800
#define IDLE_PACKETS    50000
static uint64_t conv_clock; /* TCP packets seen with conversation tracking */
static void retire_idle(int64_t now)
{
    conv_clock++;
    for (int k = 0; k < 2; k++) {
        struct conv *o = tw_state_oldest(conv_tab);
        if (!o || conv_clock - o->last_pkt < IDLE_PACKETS) return;
        int64_t idle = now - o->last_sec;
        if (idle < (o->fin_dirs == 3 ? CLOSED_IDLE_SEC : OPEN_IDLE_SEC)) return;
        tw_state_del(conv_tab, o);
    }
}

static bool desegment_pref; /* -o tcp.desegment_tcp_streams (default TRUE) */
static uint64_t deseg_held; /* bytes held by multi-segment PDUs, all conversations */
/* PDUs holding bytes, least recently grown first: the memory cap gives up the oldest */
static struct msp *lru_head, *lru_tail;
static int64_t deseg_now; /* the current segment's capture time, seconds */
static const char deseg_note[] =
    "TCP desegmentation: PDUs given up unfinished at the 64 MiB memory cap";

static void tcp_init(void)
{
    desegment_pref = tw_pref_bool("tcp.desegment_tcp_streams", true);
    deseg_held = 0;
    lru_head = lru_tail = NULL;
    check_checksum = tw_pref_bool("tcp.check_checksum", false);
    analyze_seq = tw_pref_bool("tcp.analyze_sequence_numbers", true);
    rel_seq = tw_pref_bool("tcp.relative_sequence_numbers", true) && analyze_seq;
    next_stream = 0;
    conv_clock = 0;
    ta_segs_held = 0;
    conv_tab = tw_state_open("tcp.conv", sizeof(struct conv), CONV_MAX, conv_drop);
    expect_tab = tw_state_open("tcp.expect", sizeof(struct expect), EXPECT_MAX, NULL);
}

static size_t expect_key(const uint8_t *a1, const uint8_t *a2, uint8_t alen, uint16_t port1,
                         uint8_t *k)
{
    size_t n = 0;
    k[n++] = alen;
    memcpy(k + n, a1, alen);
    memcpy(k + n + alen, a2, alen);
    n += 2u * alen;
    k[n++] = (uint8_t)(port1 >> 8);
    k[n++] = (uint8_t)port1;
    return n;
}

void tw_tcp_conv_expect(const uint8_t *a1, const uint8_t *a2, uint8_t alen, uint16_t port1,
                        uint32_t sub_key, uint64_t tag, uint32_t setup_frame)
{
    if (!expect_tab || alen > 16) return;
    uint8_t key[TW_STATE_KEY_MAX];
    bool fresh = false;
    struct expect *e = tw_state_put(expect_tab, key, expect_key(a1, a2, alen, port1, key), &fresh);
    if (!e) return;
    e->sub_key = sub_key;
    e->tag = tag;
    e->setup_frame = setup_frame;
}

/* tshark's find_conversation() for a packet with no exact conversation: an announced one whose
 * first endpoint is the source (then the destination); it becomes this pair's (used up) */
static bool expect_take(const struct tw_pkt *p, uint16_t sport, uint16_t dport, struct conv *cv)
{
    if (!expect_tab || !tw_state_count(expect_tab)) return false;
    const struct tw_addr *a = &p->ctx.ip_src, *b = &p->ctx.ip_dst;
    if (!a->p || !b->p || a->len != b->len || a->len > 16) return false;
    uint8_t key[TW_STATE_KEY_MAX];
    struct expect *e = tw_state_get(expect_tab, key, expect_key(a->p, b->p, a->len, sport, key));
    if (!e) e = tw_state_get(expect_tab, key, expect_key(b->p, a->p, a->len, dport, key));
    if (!e) return false;
    cv->sub_key = e->sub_key;
    cv->sub_tag = e->tag;
    cv->setup_frame = e->setup_frame;
    tw_state_del(expect_tab, e);
    return true;
}

static void conv_start(struct conv *cv, const struct tw_pkt *p)
{
    conv_drop(cv);
    memset(cv, 0, sizeof *cv);
    cv->stream = next_stream++;
    cv->setup_frame = (uint32_t)p->frame->recno; /* tshark's conversation setup_frame */
    cv->fl[0].win_scale = cv->fl[1].win_scale = WS_UNKNOWN;
    cv->first = cv->prev = p->frame->ts;
    for (int d = 0; d < 2; d++) {
        cv->fl[d].an.window = UINT32_MAX;
        cv->fl[d].an.valid_bif = true;
    }
}

/* tshark's names for the usual combinations of completeness bits */
static const char *completeness_str(uint8_t v)
{
    switch (v) {
    case C_SYNSENT:
        return "Incomplete, SYN_SENT";
    case C_SYNSENT | C_SYNACK:
        return "Incomplete, CLIENT_ESTABLISHED";
    case C_SYNSENT | C_SYNACK | C_ACK:
        return "Incomplete, ESTABLISHED";
    case C_SYNSENT | C_SYNACK | C_ACK | C_DATA:
        return "Incomplete, DATA";
    case C_SYNSENT | C_SYNACK | C_ACK | C_DATA | C_FIN:
    case C_SYNSENT | C_SYNACK | C_ACK | C_DATA | C_RST:
    case C_SYNSENT | C_SYNACK | C_ACK | C_DATA | C_FIN | C_RST:
        return "Complete, WITH_DATA";
    case C_SYNSENT | C_SYNACK | C_ACK | C_FIN:
    case C_SYNSENT | C_SYNACK | C_ACK | C_RST:
    case C_SYNSENT | C_SYNACK | C_ACK | C_FIN | C_RST:
        return "Complete, NO_DATA";
    default:
        return "Incomplete";
    }
}

/* After a SYN's options: a SYN without the window-scale option means neither side scales (the
 * peer's side is set too, in case its SYN/ACK is missed); a SYN/ACK with the option answering
 * a SYN without it does not scale either. */
static void check_scaling(struct conv *cv, int dir, bool synack)
{
    struct conv_flow *fw = &cv->fl[dir], *rv = &cv->fl[dir ^ 1];
    if (fw->win_scale == WS_UNKNOWN) {
        fw->win_scale = rv->win_scale = WS_NOT_USED;
    } else if (synack && rv->win_scale == WS_NOT_USED) {
        fw->win_scale = WS_NOT_USED;
    }
}

/* ---------------------------------------------------------------------------------------------
 * Sequence analysis (tcp.analysis.*), as Wireshark 4.0's single pass does it: each segment is
 * classified against what its direction and the opposite one sent before (flags such as
 * retransmission, duplicate ACK, zero window), acknowledgments are matched to the segments they
 * acknowledge (acks_frame, ack_rtt), and bytes in flight are counted from the segments still
 * unacknowledged. Every step follows tcp_analyze_sequence_number(), including its quirks
 * (raw acknowledgment numbers compared even without the ACK flag, unscaled windows).
 *
 * Memory: each direction keeps its unacknowledged segments, at most TA_MAX_UNACKED (Wireshark's
 * TCP_MAX_UNACKED_SEGMENTS: beyond it new segments are not remembered, as in Wireshark), and all
 * conversations together at most TA_MAX_HELD (beyond, new segments are not remembered either,
 * which only matters for captures with millions of unacknowledged segments at once).
 * ------------------------------------------------------------------------------------------- */
#define TA_MAX_UNACKED 10000u
#define TA_MAX_HELD    (1u << 22)

/* analysis flags (Wireshark's TCP_A_*) */
#define TA_RETRANSMISSION          0x0001
#define TA_LOST_PACKET             0x0002
#define TA_ACK_LOST_PACKET         0x0004
#define TA_KEEP_ALIVE              0x0008
#define TA_DUPLICATE_ACK           0x0010
#define TA_ZERO_WINDOW             0x0020
#define TA_ZERO_WINDOW_PROBE       0x0040
#define TA_ZERO_WINDOW_PROBE_ACK   0x0080
#define TA_KEEP_ALIVE_ACK          0x0100
#define TA_OUT_OF_ORDER            0x0200
#define TA_FAST_RETRANSMISSION     0x0400
#define TA_WINDOW_UPDATE           0x0800
#define TA_WINDOW_FULL             0x1000
#define TA_REUSED_PORTS            0x2000
#define TA_SPURIOUS_RETRANSMISSION 0x4000

/* sequence-space comparisons */
#define SEQ_LT(a, b) ((int32_t)((a) - (b)) < 0)
#define SEQ_LE(a, b) ((int32_t)((a) - (b)) <= 0)
#define SEQ_GT(a, b) ((int32_t)((b) - (a)) < 0)

/* What the analysis found for one segment (Wireshark's tcp_acked); `have` says whether it
 * exists at all, which decides whether the "SEQ/ACK analysis" item is shown. */
struct ta_res {
    bool have;
    uint16_t flags;
    uint32_t frame_acked;
    struct tw_time ack_rtt;
    uint32_t bytes_in_flight, push_bytes_sent;
    uint32_t dupack_num, dupack_frame;
    struct tw_time rto;
    uint32_t rto_frame;
};

static bool time_is_zero(struct tw_time t)
{
    return t.sec == 0 && t.nsec == 0;
}

/* a - b in nanoseconds as Wireshark computes it there: unsigned, so "earlier" is huge */
static uint64_t ns_since(struct tw_time a, struct tw_time b)
{
    return (uint64_t)(a.sec - b.sec) * 1000000000u + (uint64_t)(int64_t)a.nsec -
           (uint64_t)(int64_t)b.nsec;
}

static void ta_push(struct ta_flow *f, uint32_t frame, uint32_t seq, uint32_t nextseq,
                    struct tw_time ts)
{
    if (f->nsegs == f->cap) {
        uint32_t nc = f->cap ? f->cap * 2 : 8;
        if (nc > TA_MAX_UNACKED) nc = TA_MAX_UNACKED;
        struct ta_seg *ns = realloc(f->segs, (size_t)nc * sizeof *ns);
        if (!ns) return;
        f->segs = ns;
        f->cap = nc;
    }
    f->segs[f->nsegs++] = (struct ta_seg){frame, seq, nextseq, ts};
    ta_segs_held++;
}

/* Wireshark's tcp_analyze_sequence_number(), for a segment with a known length. Sequence and
 * acknowledgment numbers are absolute, the window is the header's (unscaled). */
static void ta_analyze(struct conv *cv, int dir, const struct tw_pkt *p, uint32_t seq, uint32_t ack,
                       uint32_t seglen, uint16_t fl, uint32_t window, struct ta_res *res)
{
    struct ta_flow *fw = &cv->fl[dir].an, *rv = &cv->fl[dir ^ 1].an;
    const uint32_t frame = (uint32_t)p->frame->recno;
    const struct tw_time now = p->frame->ts;
    const uint16_t sfr = TH_SYN | TH_FIN | TH_RST;

    if (fl & TH_ACK) rv->valid_bif = true;

    /* zero window probe: exactly one byte at the next sequence number into a zero window */
    if (seglen == 1 && seq == fw->nextseq && rv->window == 0) {
        res->have = true;
        res->flags |= TA_ZERO_WINDOW_PROBE;
        goto finished_fwd;
    }
    /* zero window */
    if (window == 0 && !(fl & sfr)) {
        res->have = true;
        res->flags |= TA_ZERO_WINDOW;
    }
    /* lost segment: beyond the next expected sequence number (RST excepted) */
    if (fw->nextseq && SEQ_GT(seq, fw->nextseq) && !(fl & TH_RST)) {
        res->have = true;
        res->flags |= TA_LOST_PACKET;
        fw->valid_bif = false; /* until an ACK is seen in the other direction */
    }
    /* keep-alive: 0 or 1 byte, one before the next expected sequence number */
    if (seglen <= 1 && seq == fw->nextseq - 1 && !(fl & sfr)) {
        res->have = true;
        res->flags |= TA_KEEP_ALIVE;
    }
    /* window update: no data, same sequence and acknowledgment, another window */
    if (seglen == 0 && window && window != fw->window && seq == fw->nextseq && ack == fw->lastack &&
        !(fl & sfr)) {
        res->have = true;
        res->flags |= TA_WINDOW_UPDATE;
    }
    /* window full: the data reaches the right edge of the receiver's window */
    if (seglen > 0 && cv->fl[dir ^ 1].win_scale != WS_UNKNOWN && !(fl & sfr)) {
        int ws = cv->fl[dir ^ 1].win_scale;
        uint32_t shift = (rv->is_first_ack || ws == WS_NOT_USED) ? 0 : (uint32_t)ws;
        if (seq + seglen == rv->lastack + (rv->window << shift)) {
            res->have = true;
            res->flags |= TA_WINDOW_FULL;
        }
    }
    bool same = seglen == 0 && window == fw->window && seq == fw->nextseq && ack == fw->lastack &&
                !(fl & sfr);
    /* keep-alive ACK: repeats the previous ACK right after a keep-alive from the other side */
    if (same && window && (rv->lastsegflags & TA_KEEP_ALIVE)) {
        res->have = true;
        res->flags |= TA_KEEP_ALIVE_ACK;
        goto finished_fwd;
    }
    /* zero window probe ACK */
    if (same && window == 0 && (rv->lastsegflags & TA_ZERO_WINDOW_PROBE)) {
        res->have = true;
        res->flags |= TA_ZERO_WINDOW_PROBE_ACK;
        goto finished_fwd;
    }
    /* duplicate ACK */
    if (same && window) {
        fw->dupacknum = fw->dupacknum == UINT32_MAX ? 1 : fw->dupacknum + 1;
        res->have = true;
        res->flags |= TA_DUPLICATE_ACK;
        res->dupack_num = fw->dupacknum;
        res->dupack_frame = fw->lastnondupack;
    }

finished_fwd:
    if (ack != fw->lastack) {
        fw->lastnondupack = frame;
        fw->dupacknum = 0;
    }
    /* ACKed unseen segment: acknowledges beyond what the other side was seen sending. When
     * that side has sent beyond the limit since, the limit moves up to it; otherwise the hole
     * is reported once until that side's acknowledgment number changes (dupacknum -1). */
    if (rv->maxseqtobeacked && SEQ_GT(ack, rv->maxseqtobeacked) && (fl & TH_ACK)) {
        res->have = true;
        if (SEQ_LT(rv->maxseqtobeacked, rv->nextseq)) {
            rv->maxseqtobeacked = rv->nextseq;
            res->flags |= TA_ACK_LOST_PACKET;
        } else {
            if (rv->dupacknum == 0) res->flags |= TA_ACK_LOST_PACKET;
            rv->dupacknum = UINT32_MAX;
        }
    }

    /* retransmission, fast retransmission, spurious retransmission, out of order: data (or
     * SYN/FIN) that does not advance the sequence number */
    if (seglen > 0 || (fl & (TH_SYN | TH_FIN))) {
        bool not_advanced = fw->nextseq && SEQ_LT(seq, fw->nextseq);
        if (res->flags & TA_KEEP_ALIVE) goto finished_retrans;
        /* more than one byte right after a possible zero window probe adds new data */
        if (seglen > 1 && fw->nextseq - 1 == seq) not_advanced = false;
        if (seglen > 0 && rv->lastack && SEQ_LE(seq + seglen, rv->lastack)) {
            res->have = true;
            res->flags |= TA_SPURIOUS_RETRANSMISSION;
            goto finished_retrans;
        }
        /* fast retransmission (tcp.fastrt_supersedes_ooo: checked before out-of-order): at
         * least two duplicate ACKs asked for it, within 20 ms of the last one */
        if (not_advanced && rv->dupacknum >= 2 && rv->lastack == seq &&
            ns_since(now, rv->lastacktime) < 20000000u) {
            res->have = true;
            res->flags |= TA_FAST_RETRANSMISSION;
            goto finished_retrans;
        }
        /* out of order: soon (within the initial RTT, or 3 ms without one) after the highest
         * segment, and not its exact repetition */
        uint64_t thres =
            time_is_zero(cv->first_rtt)
                ? 3000000u
                : (uint64_t)cv->first_rtt.nsec + (uint64_t)cv->first_rtt.sec * 1000000000u;
        if (not_advanced && ns_since(now, fw->nextseqtime) < thres &&
            fw->nextseq != seq + seglen + ((fl & (TH_SYN | TH_FIN)) ? 1u : 0u)) {
            res->have = true;
            res->flags |= TA_OUT_OF_ORDER;
            goto finished_retrans;
        }
        if (not_advanced) {
            res->have = true;
            res->flags |= TA_RETRANSMISSION;
            /* the RTO from the oldest unacknowledged segment, else from the highest one */
            if (fw->nsegs) {
                res->rto = tw_time_sub(now, fw->segs[0].ts);
                res->rto_frame = fw->segs[0].frame;
            } else {
                res->rto = tw_time_sub(now, fw->nextseqtime);
                res->rto_frame = fw->nextseqframe;
            }
        }
    }
finished_retrans:;

    uint32_t nextseq = seq + seglen;
    if ((seglen || (fl & (TH_SYN | TH_FIN))) && fw->nsegs < TA_MAX_UNACKED) {
        if (fl & (TH_SYN | TH_FIN)) nextseq += 1;
        if (ta_segs_held < TA_MAX_HELD) ta_push(fw, frame, seq, nextseq, now);
    }
    bool zwp = (res->flags & TA_ZERO_WINDOW_PROBE) != 0;
    if ((SEQ_GT(nextseq, fw->nextseq) || !fw->nextseq) && !zwp) {
        fw->nextseq = nextseq;
        fw->nextseqframe = frame;
        fw->nextseqtime = now;
    }
    if ((seq == fw->maxseqtobeacked || !fw->maxseqtobeacked) && !zwp)
        fw->maxseqtobeacked = fw->nextseq;
    fw->window = window;
    fw->lastack = ack;
    fw->lastacktime = now;
    fw->lastsegflags = res->have ? res->flags : 0;

    /* segments this acknowledges (walked newest first, as Wireshark's list is): an exact match
     * is the acked frame (the oldest exact match wins), a partial one is trimmed */
    uint32_t keep = rv->nsegs;
    for (uint32_t i = rv->nsegs; i-- > 0;) {
        struct ta_seg *u = &rv->segs[i];
        if (ack == u->nextseq) {
            res->have = true;
            res->frame_acked = u->frame;
            res->ack_rtt = tw_time_sub(now, u->ts);
        } else if (SEQ_GT(ack, u->seq) && SEQ_LE(ack, u->nextseq)) {
            u->seq = ack;
            continue;
        } else if (SEQ_GT(u->nextseq, ack)) {
            continue;
        }
        u->frame = 0; /* acknowledged: removed below (frame numbers start at 1) */
        keep--;
    }
    if (keep != rv->nsegs) {
        uint32_t j = 0;
        for (uint32_t i = 0; i < rv->nsegs; i++)
            if (rv->segs[i].frame) rv->segs[j++] = rv->segs[i];
        ta_segs_held -= rv->nsegs - j;
        rv->nsegs = j;
    }

    /* bytes in flight, from the payloads of the unacknowledged segments, less the blocks the
     * other side's last segment SACKed */
    if (seglen != 0 && fw->nsegs && fw->valid_bif) {
        uint32_t base = cv->fl[dir].base_seq;
        const struct ta_seg *h = &fw->segs[fw->nsegs - 1];
        uint32_t first = h->seq - base, last = h->nextseq - base;
        for (uint32_t i = fw->nsegs; i-- > 0;) {
            const struct ta_seg *u = &fw->segs[i];
            if (u->nextseq - base > last) last = u->nextseq - base;
            if (u->seq - base < first) first = u->seq - base;
        }
        uint32_t in_flight = last - first;
        for (uint32_t i = 0; i < rv->nsack; i++) in_flight -= rv->sack_len[i];
        if (in_flight > 0 && in_flight < 2000000000u) {
            res->have = true;
            res->bytes_in_flight = in_flight;
            if (fl & (TH_SYN | TH_FIN)) res->bytes_in_flight -= 1;
        }
        if (fl & TH_PUSH) {
            fw->push_bytes_sent = fw->push_set_last ? seglen : fw->push_bytes_sent + seglen;
            fw->push_set_last = true;
        } else if (fw->push_set_last) {
            fw->push_bytes_sent = seglen;
            fw->push_set_last = false;
        } else {
            fw->push_bytes_sent += seglen;
        }
        res->have = true;
        res->push_bytes_sent = fw->push_bytes_sent;
    }
}

/* Checks made when the conversation is found, before the analysis (even for a segment quoted
 * in an ICMP error): a SYN repeating the ISN, a SYN/ACK with another ISN than the one seen
 * (which restarts its direction's numbering: ports reused); the direction's SACK blocks are
 * forgotten until its options are read again. */
static void ta_conv_checks(struct conv *cv, int dir, uint32_t seq, uint16_t fl, struct ta_res *res)
{
    struct conv_flow *fw = &cv->fl[dir];
    if (!analyze_seq) return;
    if ((fl & (TH_SYN | TH_ACK)) == TH_SYN && fw->base_set && seq == fw->base_seq) {
        /* the SYN again (a new ISN made a new conversation already): the next sequence number
         * falls back to the highest contiguous one (a RST may have moved it) */
        fw->an.nextseq = fw->an.maxseqtobeacked;
        res->have = true;
    }
    if ((fl & (TH_SYN | TH_ACK)) == (TH_SYN | TH_ACK) && fw->base_set && seq != fw->base_seq) {
        fw->base_seq = seq;
        res->have = true;
        res->flags |= TA_REUSED_PORTS;
    }
    fw->an.nsack = 0;
}

/* After the header: the handshake's marks (a SYN starts the unscaled-window phase and its time
 * is kept; the first pure ACK after it gives the initial RTT and ends that phase). */
static void ta_handshake(struct conv *cv, int dir, uint16_t fl, struct tw_time now)
{
    struct ta_flow *fw = &cv->fl[dir].an;
    if (fl & TH_SYN) {
        if (!(fl & TH_ACK)) cv->mru_syn = now;
        fw->is_first_ack = true;
    }
    if ((fl & (TH_SYN | TH_ACK)) == TH_ACK) {
        if (!time_is_zero(cv->mru_syn) && time_is_zero(cv->first_rtt))
            cv->first_rtt = tw_time_sub(now, cv->mru_syn);
        fw->is_first_ack = false;
    }
}

static bool compute_cksum(const struct tw_pkt *p, const struct tw_cur *c, uint32_t start,
                          uint32_t len, uint16_t *out);

/* Wireshark hands no retransmitted or out-of-order payload to the protocol above (with
 * tcp.no_subdissector_on_error, its default), and when the segment could be reassembled it
 * shows a retransmission's bytes as "Retransmitted TCP segment data" and a spurious
 * retransmission's not at all. True when the payload is not to be dissected. */
static bool ta_payload_withheld(struct tw_pkt *p, const struct tw_cur *c, uint32_t start,
                                uint32_t rep, const struct ta_res *a, uint32_t cap_left,
                                uint32_t rep_left, bool can_deseg)
{
    uint16_t f = a->flags;
    if (!(f & (TA_RETRANSMISSION | TA_OUT_OF_ORDER | TA_SPURIOUS_RETRANSMISSION))) return false;
    if (can_deseg && (f & TA_SPURIOUS_RETRANSMISSION)) return true;
    if (can_deseg && (f & TA_RETRANSMISSION)) {
        uint32_t poff = start + (rep - rep_left);
        int32_t r = tw_add_ptr(p, HF(F_SEGMENT_DATA), poff, cap_left, c->data + poff, cap_left);
        tw_rec_label(p, r, "Retransmitted TCP segment data (%u byte%s)", rep_left,
                     rep_left == 1 ? "" : "s");
        return true;
    }
    /* an out-of-order segment may still complete a PDU being reassembled (desegment() decides);
     * otherwise nothing goes up */
    if (can_deseg) return false;
    return (f & (TA_RETRANSMISSION | TA_OUT_OF_ORDER)) != 0;
}

/* An Info prefix as Wireshark's col_prepend_fence_fstr() adds it. */
static void info_prepend(struct tw_pkt *p, const char *s)
{
    if (!p->want_cols || p->cols_locked) return;
    size_t n = strlen(s), old = p->info.len;
    if (!tw_buf_reserve(&p->info, n)) return;
    memmove(p->info.p + n, p->info.p, old);
    memcpy(p->info.p, s, n);
    p->info.len = old + n;
    /* the fence moves with the text before it, and covers the prefix at least */
    if (p->info_fence) p->info_fence += (uint32_t)n;
    if (p->info_fence < n) p->info_fence = (uint32_t)n;
}

static void an_expert(struct tw_pkt *p, int e)
{
    tw_expert(p, EX(e), 0, 0, NULL);
}

/* Wireshark's tcp_print_sequence_number_analysis(): the "SEQ/ACK analysis" subtree and the
 * Info prefixes. The prefixes are prepended one after the other, so the last one comes first. */
static void ta_print(struct tw_pkt *p, const struct conv *cv, const struct ta_res *a,
                     uint32_t start)
{
    if (!a->have) return;
    int32_t r = tw_add_rec(p, HF(F_AN), start, 0);
    tw_rec_flags(p, r, TW_RF_GENERATED);
    tw_tree_push(p, r);
    if (a->frame_acked) {
        r = tw_add_uint(p, HF(F_AN_ACKS_FRAME), start, 0, a->frame_acked);
        tw_rec_flags(p, r, TW_RF_GENERATED);
        if (!time_is_zero(a->ack_rtt)) {
            r = tw_add_time(p, HF(F_AN_ACK_RTT), start, 0, a->ack_rtt);
            tw_rec_flags(p, r, TW_RF_GENERATED);
        }
    }
    if (!time_is_zero(cv->first_rtt)) {
        r = tw_add_time(p, HF(F_AN_FIRST_RTT), start, 0, cv->first_rtt);
        tw_rec_flags(p, r, TW_RF_GENERATED);
    }
    if (a->bytes_in_flight) {
        r = tw_add_uint(p, HF(F_AN_BIF), start, 0, a->bytes_in_flight);
        tw_rec_flags(p, r, TW_RF_GENERATED);
        r = tw_add_uint(p, HF(F_AN_PUSH_BYTES), start, 0, a->push_bytes_sent);
        tw_rec_flags(p, r, TW_RF_GENERATED);
    }
    uint16_t f = a->flags;
    if (f) {
        r = tw_add_rec(p, HF(F_AN_FLAGS), start, 0);
        tw_rec_flags(p, r, TW_RF_GENERATED);
        tw_tree_push(p, r);
        if (f & TA_REUSED_PORTS) {
            an_expert(p, E_AN_REUSED);
            info_prepend(p, "[TCP Port numbers reused] ");
        }
        if (f & TA_RETRANSMISSION) {
            an_expert(p, E_AN_RETRANS);
            info_prepend(p, "[TCP Retransmission] ");
            if (!time_is_zero(a->rto)) {
                r = tw_add_time(p, HF(F_AN_RTO), start, 0, a->rto);
                tw_rec_flags(p, r, TW_RF_GENERATED);
                r = tw_add_uint(p, HF(F_AN_RTO_FRAME), start, 0, a->rto_frame);
                tw_rec_flags(p, r, TW_RF_GENERATED);
            }
        }
        if (f & TA_FAST_RETRANSMISSION) {
            an_expert(p, E_AN_FAST_RETRANS);
            an_expert(p, E_AN_RETRANS);
            info_prepend(p, "[TCP Fast Retransmission] ");
        }
        if (f & TA_SPURIOUS_RETRANSMISSION) {
            an_expert(p, E_AN_SPURIOUS);
            an_expert(p, E_AN_RETRANS);
            info_prepend(p, "[TCP Spurious Retransmission] ");
        }
        if (f & TA_OUT_OF_ORDER) {
            an_expert(p, E_AN_OOO);
            info_prepend(p, "[TCP Out-Of-Order] ");
        }
        if (f & TA_LOST_PACKET) {
            an_expert(p, E_AN_LOST);
            info_prepend(p, "[TCP Previous segment not captured] ");
        }
        if (f & TA_ACK_LOST_PACKET) {
            an_expert(p, E_AN_ACK_LOST);
            info_prepend(p, "[TCP ACKed unseen segment] ");
        }
        if (f & TA_WINDOW_UPDATE) {
            an_expert(p, E_AN_WIN_UPDATE);
            info_prepend(p, "[TCP Window Update] ");
        }
        if (f & TA_WINDOW_FULL) {
            an_expert(p, E_AN_WIN_FULL);
            info_prepend(p, "[TCP Window Full] ");
        }
        if (f & TA_KEEP_ALIVE) {
            an_expert(p, E_AN_KEEP_ALIVE);
            info_prepend(p, "[TCP Keep-Alive] ");
        }
        if (f & TA_KEEP_ALIVE_ACK) {
            an_expert(p, E_AN_KEEP_ALIVE_ACK);
            info_prepend(p, "[TCP Keep-Alive ACK] ");
        }
        if (a->dupack_num && (f & TA_DUPLICATE_ACK)) {
            r = tw_add_rec(p, HF(F_AN_DUPACK), start, 0);
            tw_rec_flags(p, r, TW_RF_GENERATED);
            tw_rec_label(p, r, "This is a TCP duplicate ack");
            if (p->want_cols && !p->cols_locked) {
                char b[64];
                snprintf(b, sizeof b, "[TCP Dup ACK %u#%u] ", a->dupack_frame, a->dupack_num);
                info_prepend(p, b);
            }
        }
        /* (a duplicate ACK never has a zero window, so these stay in order under the flags) */
        if (f & TA_ZERO_WINDOW_PROBE) {
            an_expert(p, E_AN_ZWP);
            info_prepend(p, "[TCP ZeroWindowProbe] ");
        }
        if (f & TA_ZERO_WINDOW) {
            an_expert(p, E_AN_ZW);
            info_prepend(p, "[TCP ZeroWindow] ");
        }
        if (f & TA_ZERO_WINDOW_PROBE_ACK) {
            an_expert(p, E_AN_ZWP_ACK);
            info_prepend(p, "[TCP ZeroWindowProbeAck] ");
        }
        tw_tree_pop(p);
        if (a->dupack_num) {
            r = tw_add_uint(p, HF(F_AN_DUPACK_NUM), start, 0, a->dupack_num);
            tw_rec_flags(p, r, TW_RF_GENERATED);
            r = tw_add_uint(p, HF(F_AN_DUPACK_FRAME), start, 0, a->dupack_frame);
            tw_rec_flags(p, r, TW_RF_GENERATED);
            tw_tree_push(p, r);
            tw_expert(p, EX(E_AN_DUPACK), start, 0, "Duplicate ACK (#%u)", a->dupack_num);
            tw_tree_pop(p);
        }
    }
    tw_tree_pop(p);
}

/* ---------------------------------------------------------------------------------------------
 * Per-packet state shared by the header and the option decoders.
 * ------------------------------------------------------------------------------------------- */
struct tcp_state {
    const struct tw_cur *seg; /* the whole segment as IP handed it over */
    uint32_t start;           /* offset of the TCP header */
    uint16_t flags;
    uint32_t ack;
    bool labels; /* building tree labels */
    /* SACK blocks seen so far (for the D-SACK test, as Wireshark keeps up to four) */
    uint32_t sack_le[4], sack_re[4];
    uint32_t nsack;
    int32_t opts_rec;
    struct conv *cv; /* the conversation (NULL when none) and the sender's side in it */
    int dir;
    uint32_t sack_base; /* subtracted from SACK edges: the receiver's ISN when relative */
    char optnames[512]; /* ", Maximum segment size, ..." for the Options line */
    size_t optnames_len;
};

/* dissect_options' way to say "stop, the failure is already reported" */
#define TW_STOP_REPORTED ((enum tw_status)0x7f)

static enum tw_status cur_status(const struct tw_cur *c)
{
    return c->err == TW_CUR_TRUNCATED ? TW_TRUNCATED : c->err ? TW_MALFORMED : TW_OK;
}

/* tshark's proto_tree_add_expert: a text line carrying the message, with the expert under it
 * (expert infos attached to an existing item go through tw_expert directly) */
static void text_expert(struct tw_pkt *p, uint16_t xid, uint32_t off, uint32_t len, const char *fmt,
                        ...) TW_PRINTF(5, 6);
static void text_expert(struct tw_pkt *p, uint16_t xid, uint32_t off, uint32_t len, const char *fmt,
                        ...)
{
    char msg[256];
    const char *m = NULL;
    if (fmt) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(msg, sizeof msg, fmt, ap);
        va_end(ap);
        m = msg;
    } else {
        m = tw_field(xid)->expert->summary;
    }
    int32_t r = tw_add_text(p, off, len, "%s", m);
    tw_tree_push(p, r);
    tw_expert(p, xid, off, len, "%s", m);
    tw_tree_pop(p);
}

/* Would an item over [off, off+len) of the segment be out of bounds? Wireshark adds expert
 * items first and checks their range afterwards, so the item stays and the packet is marked. */
static enum tw_status range_status(const struct tw_cur *seg, uint32_t off, uint32_t len)
{
    uint64_t e = (uint64_t)off + len;
    if (e > seg->end) return TW_MALFORMED;
    if (e > seg->cap) return TW_TRUNCATED;
    return TW_OK;
}

static void add_optname(struct tcp_state *t, const char *name)
{
    if (!t->labels) return;
    int n =
        snprintf(t->optnames + t->optnames_len, sizeof t->optnames - t->optnames_len, ", %s", name);
    if (n > 0) {
        t->optnames_len += (size_t)n;
        if (t->optnames_len >= sizeof t->optnames) t->optnames_len = sizeof t->optnames - 1;
    }
}

/* Flags as tshark lists them in Info and on the Flags line: "SYN, ACK", "<None>" (n >= 64) */
static void flags_list(char *out, size_t n, uint16_t fl)
{
    static const char *const names[10] = {"FIN", "SYN", "RST", "PSH", "ACK",
                                          "URG", "ECE", "CWR", "AE",  "Reserved"};
    size_t l = 0;
    for (int i = 0; i < 10; i++) {
        bool set = i < 9 ? (fl & (1u << i)) != 0 : (fl & TH_RES) != 0;
        if (!set) continue;
        size_t k = strlen(names[i]);
        if (l + k + 3 > n) break;
        if (l) {
            out[l++] = ',';
            out[l++] = ' ';
        }
        memcpy(out + l, names[i], k);
        l += k;
    }
    if (l == 0 && n > 6) {
        memcpy(out, "<None>", 6);
        l = 6;
    }
    out[l] = 0;
}

/* "RRRACEUAPRSF" with a middle dot (U+00B7) for each flag that is not set */
static size_t flags_letters(char *out, uint16_t fl)
{
    static const char letters[] = "RRRACEUAPRSF";
    size_t l = 0;
    for (int i = 0; i < 12; i++) {
        if (fl & (0x800u >> i)) {
            out[l++] = letters[i];
        } else {
            out[l++] = (char)0xc2;
            out[l++] = (char)0xb7;
        }
    }
    out[l] = 0;
    return l;
}

/* ---------------------------------------------------------------------------------------------
 * Options. Each decoder gets a cursor over exactly its option's bytes (kind and length already
 * checked against the option space); reads past the capture fail with TRUNCATED, as the
 * corresponding tshark read would.
 * ------------------------------------------------------------------------------------------- */
struct opt {
    struct tw_cur c; /* the option, positioned after kind and length */
    uint32_t off;    /* offset of the kind byte */
    uint32_t len;    /* option length */
    uint8_t kind;
    int32_t item;     /* the option's own item */
    int32_t len_rec;  /* its Length item */
    char suffix[160]; /* appended to the item's label */
    size_t suffix_len;
    bool failed_nested; /* a nested dissection (mptcp) failed and has reported it */
};

static void opt_suffix(struct tcp_state *t, struct opt *o, const char *fmt, ...) TW_PRINTF(3, 4);
static void opt_suffix(struct tcp_state *t, struct opt *o, const char *fmt, ...)
{
    if (!t->labels || o->suffix_len >= sizeof o->suffix - 1) return;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(o->suffix + o->suffix_len, sizeof o->suffix - o->suffix_len, fmt, ap);
    va_end(ap);
    if (n > 0) {
        o->suffix_len += (size_t)n;
        if (o->suffix_len >= sizeof o->suffix) o->suffix_len = sizeof o->suffix - 1;
    }
}

/* the option item with its Kind and Length (the caller pops the subtree) */
static void opt_begin(struct tw_pkt *p, struct tcp_state *t, struct opt *o, int f)
{
    const struct tw_cur *s = t->seg;
    uint32_t cap_end = TW_MIN(s->cap, s->end);
    uint32_t have = o->off < cap_end ? TW_MIN(o->len, cap_end - o->off) : 0;
    o->item = tw_add_ptr(p, HF(f), o->off, have, s->data + o->off, have);
    tw_tree_push(p, o->item);
}

static void opt_kind_len(struct tw_pkt *p, struct opt *o)
{
    tw_add_uint(p, HF(F_OPT_KIND), o->off, 1, o->kind);
    o->len_rec = tw_add_uint(p, HF(F_OPT_LEN), o->off + 1, 1, o->len);
}

/* the fixed length an option must have; a wrong one gets an expert under Length */
static bool opt_len_is(struct tw_pkt *p, struct opt *o, uint32_t want)
{
    if (o->len == want) return true;
    tw_tree_push(p, o->len_rec);
    tw_expert(p, EX(E_OPT_LEN_INVALID), o->off + 1, 1, "option length should be %u", want);
    tw_tree_pop(p);
    return false;
}

static void opt_len_bad(struct tw_pkt *p, struct opt *o, const char *fmt, ...) TW_PRINTF(3, 4);
static void opt_len_bad(struct tw_pkt *p, struct opt *o, const char *fmt, ...)
{
    char msg[160];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    tw_tree_push(p, o->len_rec);
    tw_expert(p, EX(E_OPT_LEN_INVALID), o->off + 1, 1, "%s", msg);
    tw_tree_pop(p);
}

/* A byte field inside the option. tshark checks its bounds before adding it, so a field the
 * capture cut short is not added and the error is left on the option's cursor. */
static bool opt_bytes(struct tw_pkt *p, struct opt *o, int f, uint32_t off, uint32_t len,
                      int32_t *rec)
{
    struct tw_cur x = o->c;
    x.off = off;
    if (!tw_cur_skip(&x, len)) {
        o->c.err = x.err;
        return false;
    }
    int32_t r = tw_add_ptr(p, HF(f), off, len, o->c.data + off, len);
    if (rec) *rec = r;
    return true;
}

static void tfo_payload(struct tw_pkt *p, struct tcp_state *t, struct opt *o, uint32_t off,
                        uint32_t len)
{
    if (len == 2) {
        if (tw_want(p, HF(F_TFO_REQUEST))) tw_add_rec(p, HF(F_TFO_REQUEST), off, 2);
        tw_info_add(p, " TFO=R");
    } else if (len > 2) {
        int32_t r = -1;
        if (!opt_bytes(p, o, F_TFO_COOKIE, off + 2, len - 2, &r)) return;
        tw_info_add(p, " TFO=C");
        if ((t->flags & (TH_SYN | TH_ACK)) == TH_SYN) {
            tw_tree_push(p, r);
            tw_expert(p, EX(E_TFO_SYN), off + 2, len - 2, NULL);
            tw_tree_pop(p);
        }
    }
}

static void accecn_data(struct tw_pkt *p, struct tcp_state *t, struct opt *o, uint32_t off,
                        uint32_t dlen, bool order0)
{
    struct tw_cur *c = &o->c;
    c->off = off;
    const char *ord = order0 ? " (Order 0)" : " (Order 1)";
    uint32_t a, b, d;
    int fa = order0 ? F_ACCECN_EE0B : F_ACCECN_EE1B, fd = order0 ? F_ACCECN_EE1B : F_ACCECN_EE0B;
    const char *na = order0 ? "EE0B" : "EE1B", *nd = order0 ? "EE1B" : "EE0B";
    switch (dlen) {
    case 0:
        tw_info_add(p, " AccECN");
        break;
    case 3:
        a = tw_cur_u24(c);
        if (c->err) return;
        tw_add_uint(p, HF(fa), off, 3, a);
        opt_suffix(t, o, "%s: %s %u", ord, na, a);
        tw_info_printf(p, " %s=%u", na, a);
        break;
    case 6:
    case 9:
        a = tw_cur_u24(c);
        if (c->err) return;
        tw_add_uint(p, HF(fa), off, 3, a);
        tw_info_printf(p, " %s=%u", na, a);
        b = tw_cur_u24(c);
        if (c->err) return;
        tw_add_uint(p, HF(F_ACCECN_ECEB), off + 3, 3, b);
        tw_info_printf(p, " ECEB=%u", b);
        if (dlen == 6) {
            opt_suffix(t, o, "%s: %s %u, ECEB %u", ord, na, a, b);
            break;
        }
        d = tw_cur_u24(c);
        if (c->err) return;
        tw_add_uint(p, HF(fd), off + 6, 3, d);
        tw_info_printf(p, " %s=%u", nd, d);
        opt_suffix(t, o, "%s: %s %u, ECEB %u, %s %u", ord, na, a, b, nd, d);
        break;
    default:
        break;
    }
}

static void opt_mss(struct tw_pkt *p, struct tcp_state *t, struct opt *o)
{
    opt_begin(p, t, o, F_O_MSS);
    if (!(t->flags & TH_SYN)) tw_expert(p, EX(E_MSS_PRESENT), o->off, o->len, NULL);
    opt_kind_len(p, o);
    if (!opt_len_is(p, o, 4)) return;
    uint16_t v = tw_cur_u16(&o->c);
    if (o->c.err) return;
    tw_add_uint(p, HF(F_MSS_VAL), o->off + 2, 2, v);
    opt_suffix(t, o, ": %u bytes", v);
    tw_info_printf(p, " MSS=%u", v);
}

static void opt_ws(struct tw_pkt *p, struct tcp_state *t, struct opt *o)
{
    opt_begin(p, t, o, F_O_WS);
    opt_kind_len(p, o);
    if (!opt_len_is(p, o, 3)) return;
    uint8_t v = tw_cur_u8(&o->c);
    if (o->c.err) return;
    uint32_t shift = v;
    int32_t r = tw_add_uint(p, HF(F_WS_SHIFT), o->off + 2, 1, v);
    if (shift > 14) {
        /* RFC 7323 2.3: log it and use 14 */
        shift = 14;
        tw_tree_push(p, r);
        tw_expert(p, EX(E_WS_SHIFT_INVALID), o->off + 2, 1, NULL);
        tw_tree_pop(p);
    }
    if (t->cv) t->cv->fl[t->dir].win_scale = (int8_t)shift;
    r = tw_add_uint(p, HF(F_WS_MULT), o->off + 2, 1, 1u << shift);
    tw_rec_flags(p, r, TW_RF_GENERATED);
    opt_suffix(t, o, ": %u (multiply by %u)", v, 1u << shift);
    tw_info_printf(p, " WS=%u", 1u << shift);
}

static void opt_sack(struct tw_pkt *p, struct tcp_state *t, struct opt *o)
{
    opt_begin(p, t, o, F_O_SACK);
    opt_kind_len(p, o);
    uint32_t off = o->off + 2, left = o->len - 2, blocks = 0;
    struct tw_cur *c = &o->c;
    while (left > 0) {
        if (left < 4) {
            text_expert(p, EX(E_SUBOPT_MALFORMED), off, left, NULL);
            break;
        }
        c->off = off;
        uint32_t le = tw_cur_u32(c) - t->sack_base;
        if (c->err) return;
        int32_t r = tw_add_uint(p, HF(F_SACK_LE), off, 4, le);
        tw_rec_label(p, r, "left edge = %u%s", le, t->cv && rel_seq ? " (relative)" : "");
        left -= 4;
        if (left < 4) {
            text_expert(p, EX(E_SUBOPT_MALFORMED), off, left, NULL);
            break;
        }
        uint32_t re = tw_cur_u32(c) - t->sack_base;
        if (c->err) return;
        left -= 4;
        r = tw_add_uint(p, HF(F_SACK_RE), off + 4, 4, re);
        tw_rec_label(p, r, "right edge = %u%s", re, t->cv && rel_seq ? " (relative)" : "");
        tw_info_printf(p, " SLE=%u SRE=%u", le, re);
        if (t->cv && blocks < 3) {
            /* the blocks bytes in flight subtract (Wireshark keeps three) */
            struct ta_flow *an = &t->cv->fl[t->dir].an;
            an->sack_len[blocks] = re - le;
            an->nsack = (uint8_t)(blocks + 1);
        }
        if (t->nsack < 4) {
            t->sack_le[t->nsack] = le;
            t->sack_re[t->nsack] = re;
            t->nsack++;
        }
        if (blocks < 4) blocks++;
        opt_suffix(t, o, " %u-%u", le, re);
        off += 8;
    }
    int32_t r = tw_add_uint(p, HF(F_SACK_COUNT), o->off, 0, blocks);
    tw_rec_flags(p, r, TW_RF_GENERATED);
    /* D-SACK (RFC 2883 section 4): the first block lies below the cumulative ACK, or inside
     * the second block. Both comparisons are in sequence space. */
    bool dsack = (int32_t)(t->sack_re[0] - (t->ack - t->sack_base)) <= 0 ||
                 (t->nsack > 1 && (int32_t)(t->sack_le[1] - t->sack_re[0]) < 0 &&
                  (int32_t)(t->sack_re[1] - t->sack_re[0]) >= 0);
    if (!dsack) return;
    c->off = o->off + 2;
    uint32_t le = tw_cur_u32(c) - t->sack_base;
    if (c->err) return;
    r = tw_add_uint(p, HF(F_DSACK_LE), o->off + 2, 4, le);
    tw_rec_flags(p, r, TW_RF_GENERATED);
    tw_rec_label(p, r, "D-SACK Left Edge = %u%s", le, t->cv && rel_seq ? " (relative)" : "");
    uint32_t re = tw_cur_u32(c) - t->sack_base;
    if (c->err) return;
    r = tw_add_uint(p, HF(F_DSACK_RE), o->off + 6, 4, re);
    tw_rec_flags(p, r, TW_RF_GENERATED);
    tw_rec_label(p, r, "D-SACK Right Edge = %u%s", re, t->cv && rel_seq ? " (relative)" : "");
    text_expert(p, EX(E_SACK_DSACK), o->off + 2, 8, NULL);
}

static void opt_u32(struct tw_pkt *p, struct tcp_state *t, struct opt *o, int item, int f,
                    const char *info, bool suffix)
{
    opt_begin(p, t, o, item);
    opt_kind_len(p, o);
    if (!opt_len_is(p, o, 6)) return;
    uint32_t v = tw_cur_u32(&o->c);
    if (o->c.err) return;
    tw_add_uint(p, HF(f), o->off + 2, 4, v);
    if (suffix) opt_suffix(t, o, ": %u", v);
    tw_info_printf(p, " %s=%u", info, v);
}

static void opt_ts(struct tw_pkt *p, struct tcp_state *t, struct opt *o)
{
    opt_begin(p, t, o, F_O_TS);
    opt_kind_len(p, o);
    if (!opt_len_is(p, o, 10)) return;
    uint32_t v = tw_cur_u32(&o->c);
    if (o->c.err) return;
    tw_add_uint(p, HF(F_TSVAL), o->off + 2, 4, v);
    uint32_t e = tw_cur_u32(&o->c);
    if (o->c.err) return;
    tw_add_uint(p, HF(F_TSECR), o->off + 6, 4, e);
    opt_suffix(t, o, ": TSval %u, TSecr %u", v, e);
    tw_info_printf(p, " TSval=%u TSecr=%u", v, e);
}

static void opt_md5(struct tw_pkt *p, struct tcp_state *t, struct opt *o)
{
    opt_begin(p, t, o, F_O_MD5);
    opt_kind_len(p, o);
    tw_info_add(p, " MD5");
    if (!opt_len_is(p, o, 18)) return;
    opt_bytes(p, o, F_MD5_DIGEST, o->off + 2, 16, NULL);
}

static void opt_ao(struct tw_pkt *p, struct tcp_state *t, struct opt *o)
{
    opt_begin(p, t, o, F_O_AO);
    opt_kind_len(p, o);
    tw_info_add(p, "TCP AO"); /* sic: tshark 4.0 appends it without a space */
    if (o->len < 4) {
        opt_len_bad(p, o, "option length should be >= than 4");
        return;
    }
    uint8_t k = tw_cur_u8(&o->c);
    if (o->c.err) return;
    tw_add_uint(p, HF(F_AO_KEYID), o->off + 2, 1, k);
    k = tw_cur_u8(&o->c);
    if (o->c.err) return;
    tw_add_uint(p, HF(F_AO_RNEXTKEYID), o->off + 3, 1, k);
    if (o->len > 4) opt_bytes(p, o, F_AO_MAC, o->off + 4, o->len - 4, NULL);
}

static void opt_qs(struct tw_pkt *p, struct tcp_state *t, struct opt *o)
{
    opt_begin(p, t, o, F_O_QS);
    opt_kind_len(p, o);
    if (!opt_len_is(p, o, 8)) return;
    uint8_t rate = tw_cur_u8(&o->c);
    if (o->c.err) return;
    const char *rs = tw_vs_find(qs_rate_vals, rate & 0x0f);
    tw_info_printf(p, " QSresp=%s", rs ? rs : "Unknown");
    tw_add_bits(p, HF(F_QS_RATE), o->off + 2, 1, rate);
    uint8_t ttl = tw_cur_u8(&o->c);
    if (o->c.err) return;
    tw_add_uint(p, HF(F_QS_TTL_DIFF), o->off + 3, 1, ttl);
}

static void opt_userto(struct tw_pkt *p, struct tcp_state *t, struct opt *o)
{
    opt_begin(p, t, o, F_O_USERTO);
    opt_kind_len(p, o);
    if (!opt_len_is(p, o, 4)) return;
    uint16_t v = tw_cur_u16(&o->c);
    if (o->c.err) return;
    tw_add_bits(p, HF(F_USERTO_GRAN), o->off + 2, 2, v);
    tw_add_bits(p, HF(F_USERTO_VAL), o->off + 2, 2, v);
    tw_info_printf(p, " USER_TO=%u", v & 0x7fffu);
}

static void opt_accecn(struct tw_pkt *p, struct tcp_state *t, struct opt *o)
{
    opt_begin(p, t, o, F_O_ACCECN);
    opt_kind_len(p, o);
    if (o->len != 2 && o->len != 5 && o->len != 8 && o->len != 11) {
        opt_len_bad(p, o, "option length should be 2, 5, 8, or 11 instead of %u", o->len);
        return;
    }
    accecn_data(p, t, o, o->off + 2, o->len - 2, o->kind == 172);
}

static void opt_exp(struct tw_pkt *p, struct tcp_state *t, struct opt *o)
{
    opt_begin(p, t, o, F_O_EXP);
    opt_kind_len(p, o);
    if (o->len < 4) {
        opt_len_bad(p, o, "option length %u smaller than 4", o->len);
        return;
    }
    uint16_t exid = tw_cur_u16(&o->c);
    if (o->c.err) return;
    tw_add_uint(p, HF(F_EXP_EXID), o->off + 2, 2, exid);
    const char *en = tw_vs_find(exid_vals, exid);
    opt_suffix(t, o, ": %s", en ? en : "Unknown");
    switch (exid) {
    case EXID_TARR:
        if (o->len != 4 && o->len != 5) {
            opt_len_bad(p, o, "option length should be 4 or 5 instead of %u", o->len);
        } else if (o->len == 4) {
            tw_info_add(p, " TARR");
        } else {
            uint8_t b = tw_cur_u8(&o->c);
            if (o->c.err) return;
            tw_add_bits(p, HF(F_TARR_RATE), o->off + 4, 1, b);
            tw_add_bits(p, HF(F_TARR_RESERVED), o->off + 4, 1, b);
            tw_info_printf(p, " TARR=%u", b >> 1);
            opt_suffix(t, o, " %u", b >> 1);
        }
        break;
    case EXID_ACCECN0:
    case EXID_ACCECN1:
        if (o->len != 4 && o->len != 7 && o->len != 10 && o->len != 13) {
            opt_len_bad(p, o, "option length should be 4, 7, 10, or 13 instead of %u", o->len);
        } else {
            opt_suffix(t, o, ": Accurate ECN");
            accecn_data(p, t, o, o->off + 4, o->len - 4, exid == EXID_ACCECN0);
        }
        break;
    case EXID_TFO:
        tfo_payload(p, t, o, o->off + 2, o->len - 2);
        break;
    default:
        if (o->len > 4 && !opt_bytes(p, o, F_EXP_DATA, o->off + 4, o->len - 4, NULL)) return;
        tw_info_printf(p, " ExID=%X", exid);
        break;
    }
}

/* Kind 30 is dissected by Wireshark's "mptcp" protocol, which therefore shows up in
 * frame.protocols and names the Protocol column; only kind, length and subtype are decoded. */
static void opt_mptcp(struct tw_pkt *p, struct tcp_state *t, struct opt *o)
{
    (void)t;
    if (!p->cols_locked) tw_col_proto(p, "MPTCP");
    struct tw_cur oc = o->c;
    oc.off = o->off;
    enum tw_status st = tw_dissect_nested(p, TW_TBL_NAME, TW_KEY_MPTCP, oc);
    if (st != TW_OK) o->failed_nested = true;
}

static enum tw_status mptcp_dissect(struct tw_pkt *p, struct tw_cur *c)
{
    uint32_t off = c->off;
    uint8_t kind = tw_cur_u8(c), len = tw_cur_u8(c);
    if (c->err) return cur_status(c);
    tw_add_uint(p, HF(F_OPT_KIND), off, 1, kind);
    tw_add_uint(p, HF(F_OPT_LEN), off + 1, 1, len);
    uint8_t b = tw_cur_u8(c);
    if (c->err) return cur_status(c);
    tw_add_bits(p, HF(F_MPTCP_SUBTYPE), off + 2, 1, b);
    if (tw_layer_recorded(p)) {
        /* the label is also what -e mptcp prints, so it is set even without a tree */
        const char *sn = tw_vs_find(mptcp_subtype_vals, b >> 4u);
        if (sn)
            tw_layer_label(p, "Multipath Transmission Control Protocol: %s", sn);
        else
            tw_layer_label(p, "Multipath Transmission Control Protocol: Unknown (%u)", b >> 4u);
    }
    c->off = c->end > c->off ? c->end : c->off;
    return TW_OK;
}

static void opt_tfo(struct tw_pkt *p, struct tcp_state *t, struct opt *o)
{
    opt_begin(p, t, o, F_O_TFO);
    opt_kind_len(p, o);
    tfo_payload(p, t, o, o->off, o->len);
}

static void opt_two(struct tw_pkt *p, struct tcp_state *t, struct opt *o, int f)
{
    opt_begin(p, t, o, f);
    opt_kind_len(p, o);
    opt_len_is(p, o, 2);
}

static void opt_unknown(struct tw_pkt *p, struct tcp_state *t, struct opt *o)
{
    opt_begin(p, t, o, F_O_UNKNOWN);
    opt_kind_len(p, o);
    if (o->len > 2) opt_bytes(p, o, F_UNKNOWN_PAYLOAD, o->off + 2, o->len - 2, NULL);
}

/* the name tshark lists on the Options line and uses in its length complaints */
static const char *opt_name(uint8_t kind, char *buf, size_t n)
{
    switch (kind) {
    case 2:
        return "Maximum segment size";
    case 3:
        return "Window scale";
    case 4:
        return "SACK permitted";
    case 5:
        return "SACK";
    case 6:
        return "Echo";
    case 7:
        return "Echo reply";
    case 8:
        return "Timestamps";
    case 11:
        return "CC";
    case 12:
        return "CC.NEW";
    case 13:
        return "CC.ECHO";
    case 19:
        return "TCP MD5 signature";
    case 22:
        return "SCPS record boundary";
    case 23:
        return "SCPS corruption experienced";
    case 27:
        return "Quick-Start";
    case 28:
        return "User Timeout";
    case 29:
        return "TCP AO";
    case 30:
        return "MPTCP";
    case 34:
        return "TCP Fast Open";
    case 172:
    case 174:
        return "Accurate ECN";
    case 253:
    case 254:
        return "Experimental";
    default:
        snprintf(buf, n, "Unknown (0x%02x)", kind);
        return buf;
    }
}

static void opt_dispatch(struct tw_pkt *p, struct tcp_state *t, struct opt *o)
{
    switch (o->kind) {
    case 2:
        opt_mss(p, t, o);
        break;
    case 3:
        opt_ws(p, t, o);
        break;
    case 4:
        opt_begin(p, t, o, F_O_SACKP);
        opt_kind_len(p, o);
        tw_info_add(p, " SACK_PERM");
        opt_len_is(p, o, 2);
        break;
    case 5:
        opt_sack(p, t, o);
        break;
    case 6:
    case 7:
        opt_u32(p, t, o, F_O_ECHO, F_ECHO_VAL, "ECHO", true);
        break;
    case 8:
        opt_ts(p, t, o);
        break;
    case 11:
    case 12:
    case 13:
        opt_u32(p, t, o, F_O_CC, F_CC_VAL, "CC", false);
        break;
    case 19:
        opt_md5(p, t, o);
        break;
    case 22:
        opt_two(p, t, o, F_O_SCPSREC);
        break;
    case 23:
        opt_two(p, t, o, F_O_SCPSCOR);
        break;
    case 27:
        opt_qs(p, t, o);
        break;
    case 28:
        opt_userto(p, t, o);
        break;
    case 29:
        opt_ao(p, t, o);
        break;
    case 30:
        opt_mptcp(p, t, o);
        break;
    case 34:
        opt_tfo(p, t, o);
        break;
    case 172:
    case 174:
        opt_accecn(p, t, o);
        break;
    case 253:
    case 254:
        opt_exp(p, t, o);
        break;
    default:
        opt_unknown(p, t, o);
        break;
    }
}

/* Walk the option space [off, off+len). Reads go through a cursor over the whole segment, so
 * an option space that runs past the segment (header length larger than the segment) fails
 * the way tshark's reads do. */
static enum tw_status dissect_options(struct tw_pkt *p, struct tcp_state *t, uint32_t off,
                                      uint32_t len)
{
    struct tw_cur c = *t->seg;
    c.off = off;
    uint32_t length = len, nop_count = 0;
    bool eol_seen = false, mss_seen = false;
    char nbuf[32];
    while (length > 0) {
        uint32_t ooff = c.off;
        uint8_t kind = tw_cur_u8(&c);
        if (c.err) return cur_status(&c);
        if (eol_seen && kind != 0) {
            text_expert(p, EX(E_AFTER_EOL), ooff, length, "Non-zero header padding");
            return range_status(t->seg, ooff, length);
        }
        length--;
        if (kind == 0 || kind == 1) {
            if (kind == 0) {
                eol_seen = true;
            } else if (nop_count == 0 || (ooff - t->start) % 4) {
                /* NOPs in a row within one 32-bit word */
                /* tshark checks this only while building a tree (-q -z expert: none) */
                if (++nop_count == 4 && p->has_tree) tw_expert(p, EX(E_NOP), off, len, NULL);
            } else {
                nop_count = 0;
            }
            int f = kind ? F_O_NOP : F_O_EOL;
            int32_t r = tw_add_ptr(p, HF(f), ooff, 1, c.data + ooff, 1);
            tw_tree_push(p, r);
            tw_add_uint(p, HF(F_OPT_KIND), ooff, 1, kind);
            tw_tree_pop(p);
            tw_rec_label(p, r, "%s", fields[f].name);
            add_optname(t, kind ? "No-Operation (NOP)" : "End of Option List (EOL)");
            continue;
        }
        const char *name = opt_name(kind, nbuf, sizeof nbuf);
        if (length == 0) {
            text_expert(p, EX(E_OPT_LEN_INVALID), ooff, 1, "%s (length byte past end of options)",
                        name);
            return range_status(t->seg, ooff, 1);
        }
        uint8_t olen = tw_cur_u8(&c);
        if (c.err) return cur_status(&c);
        length--;
        if (olen < 2) {
            text_expert(p, EX(E_OPT_LEN_INVALID), ooff, 2,
                        "%s (with too-short option length = %u byte%s)", name, olen,
                        olen == 1 ? "" : "s");
            return range_status(t->seg, ooff, 2);
        }
        if ((uint32_t)olen - 2 > length) {
            text_expert(p, EX(E_OPT_LEN_INVALID), ooff, length,
                        "%s (option length = %u byte%s says option goes past end of options)", name,
                        olen, olen == 1 ? "" : "s");
            return range_status(t->seg, ooff, length);
        }
        if (kind == 2) mss_seen = true;
        /* the option's own view; it must lie inside the segment */
        if ((uint64_t)ooff + olen > t->seg->end) return TW_MALFORMED;
        struct opt o;
        o.c = c;
        o.c.off = ooff + 2;
        o.c.end = ooff + olen;
        if (o.c.cap > o.c.end) o.c.cap = o.c.end;
        o.off = ooff;
        o.len = olen;
        o.kind = kind;
        o.item = o.len_rec = -1;
        o.suffix[0] = 0;
        o.suffix_len = 0;
        o.failed_nested = false;
        uint32_t depth = p->ntree;
        opt_dispatch(p, t, &o);
        p->ntree = depth;
        if (t->labels && o.item >= 0 && kind != 30)
            tw_rec_label(p, o.item, "%s%s", tw_field(p->recs[o.item].field)->def->name, o.suffix);
        if (o.c.err) return cur_status(&o.c);
        if (o.failed_nested) return TW_STOP_REPORTED;
        add_optname(t, name);
        c.off = ooff + olen;
        length -= olen - 2u;
    }
    if ((t->flags & TH_SYN) && !mss_seen) tw_expert(p, EX(E_MSS_ABSENT), off, len, NULL);
    return TW_OK;
}

/* ---------------------------------------------------------------------------------------------
 * The header.
 * ------------------------------------------------------------------------------------------- */
static void set_summary(struct tw_pkt *p, const char *s)
{
    if (tw_layer_recorded(p)) tw_layer_label(p, "Transmission Control Protocol%s", s);
}

/* the Protocol column as it was before TCP (when even the ports cannot be read, tshark never
 * got as far as setting it) */
static void restore_col_proto(struct tw_pkt *p)
{
    for (uint32_t i = p->nlayers - 1; i-- > 0;) {
        const struct tw_proto *pr = tw_proto_get(p->layers[i].proto);
        if (p->layers[i].depth != p->depth) break;
        if (!(pr->flags & TW_PROTO_NO_COLUMN)) {
            tw_col_proto(p, pr->short_name);
            return;
        }
    }
}

static uint16_t cksum_shouldbe(uint16_t sum, uint16_t computed)
{
    uint32_t s = (uint32_t)sum + computed;
    s = (s & 0xffff) + (s >> 16);
    s = (s & 0xffff) + (s >> 16);
    return (uint16_t)s;
}

/* the TCP checksum over the IPv4/IPv6 pseudo-header and the whole segment; false when it
 * cannot be computed (no IP below) */
static bool compute_cksum(const struct tw_pkt *p, const struct tw_cur *c, uint32_t start,
                          uint32_t len, uint16_t *out)
{
    const uint8_t *src = p->ctx.ip_src.p, *dst = p->ctx.ip_dst.p;
    uint8_t ph[40];
    size_t phl;
    if (p->ctx.ip_version == 4 && p->ctx.ip_src.len == 4 && p->ctx.ip_dst.len == 4 && src && dst) {
        memcpy(ph, src, 4);
        memcpy(ph + 4, dst, 4);
        ph[8] = 0;
        ph[9] = 6;
        ph[10] = (uint8_t)(len >> 8);
        ph[11] = (uint8_t)len;
        phl = 12;
    } else if (p->ctx.ip_version == 6 && src && dst) {
        if (p->ctx.ip6_home_addr) src = p->ctx.ip6_home_addr;
        if (p->ctx.ip6_final_dst) dst = p->ctx.ip6_final_dst;
        memcpy(ph, src, 16);
        memcpy(ph + 16, dst, 16);
        ph[32] = (uint8_t)(len >> 24);
        ph[33] = (uint8_t)(len >> 16);
        ph[34] = (uint8_t)(len >> 8);
        ph[35] = (uint8_t)len;
        ph[36] = ph[37] = ph[38] = 0;
        ph[39] = 6;
        phl = 40;
    } else {
        return false;
    }
    uint32_t sum = tw_cksum_add(0, ph, phl);
    sum = tw_cksum_add(sum, c->data + start, len);
    *out = tw_cksum_fold(sum);
    return true;
}

static void add_checksum(struct tw_pkt *p, struct tw_cur *c, uint32_t start, uint32_t rep,
                         uint16_t th_sum)
{
    uint32_t off = start + 16;
    bool labels = tw_want_labels(p);
    uint16_t computed = 0;
    bool all = TW_MIN(c->cap, c->end) >= start + rep;
    if (check_checksum && !p->ctx.ip_fragment && all &&
        compute_cksum(p, c, start, rep, &computed)) {
        if (computed == 0 && th_sum == 0xffff) {
            int32_t r = tw_add_uint(p, HF(F_CKSUM), off, 2, th_sum);
            if (labels)
                tw_rec_label(p, r, "Checksum: 0x%04x [should be 0x0000 (see RFC 1624)]", th_sum);
            tw_tree_push(p, r);
            r = tw_add_uint(p, HF(F_CKSUM_CALC), off, 2, 0);
            tw_rec_flags(p, r, TW_RF_GENERATED);
            r = tw_add_uint(p, HF(F_CKSUM_STATUS), off, 0, 0);
            tw_rec_flags(p, r, TW_RF_GENERATED);
            if (labels) tw_rec_label(p, r, "Checksum Status: Bad");
            tw_tree_push(p, r);
            tw_expert(p, EX(E_CKSUM_FFFF), off, 0, NULL);
            tw_tree_pop(p);
            tw_tree_pop(p);
            tw_info_add(p, " [TCP CHECKSUM 0xFFFF]");
            return;
        }
        uint16_t shouldbe = cksum_shouldbe(th_sum, computed);
        int32_t r = tw_add_uint(p, HF(F_CKSUM), off, 2, th_sum);
        if (computed == 0) {
            if (labels) tw_rec_label(p, r, "Checksum: 0x%04x [correct]", th_sum);
        } else {
            if (labels)
                tw_rec_label(p, r,
                             "Checksum: 0x%04x incorrect, should be 0x%04x(maybe caused by \"TCP "
                             "checksum offload\"?)",
                             th_sum, shouldbe);
            tw_tree_push(p, r);
            tw_expert(p, EX(E_CKSUM_BAD), off, 2, "Bad checksum [should be 0x%04x]", shouldbe);
            tw_tree_pop(p);
        }
        r = tw_add_uint(p, HF(F_CKSUM_STATUS), off, 2, computed == 0 ? 1 : 0);
        tw_rec_flags(p, r, TW_RF_GENERATED);
        if (labels) tw_rec_label(p, r, "Checksum Status: %s", computed == 0 ? "Good" : "Bad");
        r = tw_add_uint(p, HF(F_CKSUM_CALC), off, 2, shouldbe);
        tw_rec_flags(p, r, TW_RF_GENERATED);
        if (computed != 0) tw_info_add(p, " [TCP CHECKSUM INCORRECT]");
        return;
    }
    int32_t r = tw_add_uint(p, HF(F_CKSUM), off, 2, th_sum);
    if (labels) tw_rec_label(p, r, "Checksum: 0x%04x [unverified]", th_sum);
    r = tw_add_uint(p, HF(F_CKSUM_STATUS), off, 2, 2);
    tw_rec_flags(p, r, TW_RF_GENERATED);
    if (labels) tw_rec_label(p, r, "Checksum Status: Unverified");
}

/* Conversation tracking (and with it the sequence analysis) costs ~1,000 instructions per
 * segment, so it runs only when something shown depends on it: a tcp field computed from the
 * conversation, a TCP expert, or anything that can sit above TCP (tshark's analysis withholds
 * retransmitted payloads from the protocol above, so what is dissected there depends on it).
 * Header fields read straight from the segment (ports, raw numbers, flags, window value,
 * checksum, options, payload) do not. What is wanted is fixed for the run: the answer is
 * computed once per want array. */
static bool stateless_field(uint32_t f)
{
    switch (f) {
    case F_SRCPORT:
    case F_DSTPORT:
    case F_PORT:
    case F_SEQ_RAW:
    case F_ACK_RAW:
    case F_HDR_LEN:
    case F_FLAGS:
    case F_FLAGS_RES:
    case F_FLAGS_AE:
    case F_FLAGS_CWR:
    case F_FLAGS_ECE:
    case F_FLAGS_URG:
    case F_FLAGS_ACK:
    case F_FLAGS_PUSH:
    case F_FLAGS_RESET:
    case F_FLAGS_SYN:
    case F_FLAGS_FIN:
    case F_FLAGS_STR:
    case F_WIN:
    case F_CKSUM:
    case F_CKSUM_STATUS:
    case F_CKSUM_CALC:
    case F_LEN:
    case F_URP:
    case F_PAYLOAD:
    case F_RESET_CAUSE:
        return true;
    default:
        /* options and their values, except SACK edges (relative to the peer's ISN) */
        return f >= F_OPTIONS && f <= F_TFO_COOKIE && f != F_SACK_LE && f != F_SACK_RE &&
               f != F_DSACK_LE && f != F_DSACK_RE;
    }
}

static bool above_tcp(uint16_t pr)
{
    const struct tw_proto *d = tw_proto_get(pr);
    if (!d->dissect || strncmp(d->abbrev, "_ws", 3) == 0 || strcmp(d->abbrev, "data") == 0)
        return true;
    for (uint16_t i = 0; i < d->nbindings; i++) {
        uint8_t t = d->bindings[i].table;
        /* on TCP ports, or reached from a protocol above TCP: bodies by media type (OCSP, text
         * lines), certificates and OCSP responses inside TLS (private keys from
         * TW_KEY_X509_CERT on) */
        if (t == TW_TBL_TCP_PORT || t == TW_TBL_MEDIA_TYPE ||
            (t == TW_TBL_NAME && d->bindings[i].key >= TW_KEY_X509_CERT &&
             d->bindings[i].key <= TW_KEY_ABOVE_TCP_LAST))
            return true;
    }
    return d->heur &&
           (d->heur_tables[0] == TW_TBL_TCP_PORT || d->heur_tables[1] == TW_TBL_TCP_PORT);
}

/* a field of another protocol whose value depends on what runs above TCP */
static bool shown_above_tcp(const struct tw_field_info *fi)
{
    return above_tcp(fi->proto) || strcmp(fi->def ? fi->def->abbrev : "", "frame.protocols") == 0;
}

static bool tracking_needed(const struct tw_pkt *p)
{
    static const uint8_t *for_want;
    static bool needed;
    if (p->want == for_want) return needed;
    for_want = p->want;
    needed = false;
    uint32_t n = tw_field_count();
    for (uint32_t i = 1; i < n && !needed; i++) {
        if (!p->want[i]) continue;
        const struct tw_field_info *fi = tw_field((uint16_t)i);
        if (i == ids.field || i == mptcp_ids.field) continue; /* the protocol items themselves */
        if (fi->proto == ids.proto)
            needed = fi->is_expert || i < ids.base || i >= (uint32_t)ids.base + F_COUNT ||
                     !stateless_field(i - ids.base);
        else if (fi->proto == mptcp_ids.proto)
            needed = fi->is_expert;
        else
            needed = shown_above_tcp(fi);
    }
    return needed;
}

/* Does anything this run shows depend on the protocols above TCP: a field of one of them (or of
 * what they reach, above_tcp()), frame.protocols, experts, or TCP's own desegmentation fields,
 * which say what those protocols asked for? Columns and trees are checked by the caller. When
 * nothing does, the payload is not handed up at all (-q, or fields and filters on the lower
 * layers only). A protocol that carries lower layers again over TCP (a tunnel) must make
 * above_tcp() count those layers first. Once per want array, as tracking_needed(). */
static bool up_needed(const struct tw_pkt *p)
{
    static const uint8_t *for_want;
    static bool needed;
    if (p->want == for_want) return needed;
    for_want = p->want;
    needed = false;
    for (uint32_t f = F_SEGMENT_DATA; f <= F_REASSEMBLED_DATA && !needed; f++)
        needed = tw_want(p, HF(f));
    uint32_t n = tw_field_count();
    for (uint32_t i = 1; i < n && !needed; i++) {
        if (!p->want[i]) continue;
        const struct tw_field_info *fi = tw_field((uint16_t)i);
        if (fi->proto == ids.proto || fi->proto == mptcp_ids.proto) continue;
        needed = shown_above_tcp(fi);
    }
    return needed;
}

/* Is any option field (or MPTCP, whose items sit among the options) wanted? Once per want
 * array, as tracking_needed(). */
static bool options_wanted(const struct tw_pkt *p)
{
    static const uint8_t *for_want;
    static bool wanted;
    if (p->want == for_want) return wanted;
    for_want = p->want;
    wanted = false;
    for (uint32_t f = F_OPTIONS; f <= F_TFO_COOKIE && !wanted; f++) wanted = tw_want(p, HF(f));
    uint32_t n = tw_field_count();
    for (uint32_t i = 1; i < n && !wanted; i++)
        wanted = p->want[i] && tw_field((uint16_t)i)->proto == mptcp_ids.proto;
    return wanted;
}

/* For a conversation kept only for the tap: are the options all captured and plainly well
 * formed, of kinds whose parsers cannot fail on such bytes? Then the walk, which adds nothing
 * in such a run, would end with TW_OK and can be left out (it still decides, on other bytes,
 * whether the segment reaches the tap at all, as tshark's taps come after the options). */
static bool opts_plainly_ok(const struct tw_cur *c, uint32_t off, uint32_t len)
{
    if ((uint64_t)off + len > TW_MIN(c->cap, c->end)) return false;
    const uint8_t *b = c->data + off;
    uint32_t i = 0;
    while (i < len) {
        uint8_t k = b[i];
        if (k == 1) {
            i++;
            continue;
        }
        if (k == 0) {
            for (i++; i < len; i++)
                if (b[i]) return false;
            return true;
        }
        if (len - i < 2) return false;
        uint8_t l = b[i + 1];
        switch (k) {
        case 2: /* MSS */
            if (l != 4) return false;
            break;
        case 3: /* window scale */
            if (l != 3) return false;
            break;
        case 4: /* SACK permitted */
            if (l != 2) return false;
            break;
        case 5: /* SACK */
            if (l < 10 || (l - 2) % 8) return false;
            break;
        case 8: /* timestamps */
            if (l != 10) return false;
            break;
        default:
            return false;
        }
        if (l > len - i) return false;
        i += l;
    }
    return true;
}

/* the segment for the stages after dissection (stream engine, follow, statistics) */
static void publish_tap(struct tw_pkt *p, const struct tw_cur *c, uint32_t start, uint32_t rep,
                        uint32_t hlen, uint32_t stream, uint32_t seq, uint32_t ack, uint16_t fl,
                        uint16_t win, uint16_t urp)
{
    struct tw_tap_tcp *t = tw_arena_alloc(p->arena, sizeof *t);
    if (!t) return;
    uint32_t cap_end = TW_MIN(c->cap, c->end);
    t->ip_version = p->ctx.ip_version;
    t->src = p->ctx.ip_src;
    t->dst = p->ctx.ip_dst;
    t->sport = p->ctx.srcport;
    t->dport = p->ctx.dstport;
    t->stream = stream;
    t->seq = seq;
    t->ack = ack;
    t->flags = fl;
    t->win = win;
    t->urp = urp;
    t->hdr = c->data + start;
    t->hdr_len = hlen;
    t->hdr_cap = cap_end > start ? TW_MIN(cap_end - start, hlen) : 0;
    uint32_t poff = start + hlen;
    t->payload = c->data + TW_MIN(poff, cap_end);
    t->seg_len = rep > hlen ? rep - hlen : 0;
    t->payload_cap = cap_end > poff ? TW_MIN(cap_end - poff, t->seg_len) : 0;
    t->ip_fragment = p->ctx.ip_fragment;
    t->in_error = p->ctx.in_error_pkt;
    t->layer = p->nlayers ? p->nlayers - 1 : 0;
    t->cksum = TW_CK_UNKNOWN;
    uint16_t computed;
    if (p->tap_cksum && !p->ctx.ip_fragment && !p->ctx.in_error_pkt && hlen >= 20 &&
        cap_end >= start + rep && compute_cksum(p, c, start, rep, &computed))
        t->cksum = computed == 0 ? TW_CK_GOOD : TW_CK_BAD;
    tw_tap_queue(p, TW_TAP_TCP, t);
}

/* ---------------------------------------------------------------------------------------------
 * Desegmentation (dissect.h "TCP desegmentation"): Wireshark's desegment_tcp() as tshark's single
 * pass behaves, with its defaults (tcp.desegment_tcp_streams on, out-of-order reassembly off).
 * A protocol that needs more bytes leaves a request in p->deseg; the bytes from there on go into
 * a "multi-segment PDU" keyed by its first relative sequence number, later segments of the
 * direction that fall inside it are added by offset, and the frame whose segment completes it
 * hands the whole PDU to the protocol over a "Reassembled TCP" data source. A few finished PDUs
 * are remembered per direction: a later segment inside one is shown as part of it.
 * Bounded, so memory follows the live PDUs and not the capture's length (tshark keeps them all):
 * a PDU gives its bytes up when the sender's FIN comes before its end (deseg_closed), when it
 * would pass DESEG_MAX_PDU bytes, and, least recently grown first, when all PDUs together would
 * pass DESEG_MAX_HELD (idle ones first, else the one asking: deseg_room; counted, reported at
 * the end of the run). A PDU given up stays known, so
 * its later segments show as tshark shows them, but it never completes. MSP_PER_FLOW PDUs are
 * remembered per direction.
 * ------------------------------------------------------------------------------------------- */
#define DESEG_MAX_PDU   (16u << 20)
#define DESEG_MAX_FRAGS 16384u
#define DESEG_MAX_HELD  (64ull << 20)

/* make r (or the top level, for -1) the parent of what is added next, on a new subtree slot so
 * the caller's stack stays as it was once p->ntree is put back */
static void push_parent(struct tw_pkt *p, int32_t r)
{
    if (p->ntree < TW_MAX_TREE) p->tree[p->ntree++] = r;
}

static void lru_unlink(struct msp *m)
{
    if (m->lru_prev)
        m->lru_prev->lru_next = m->lru_next;
    else if (lru_head == m)
        lru_head = m->lru_next;
    if (m->lru_next)
        m->lru_next->lru_prev = m->lru_prev;
    else if (lru_tail == m)
        lru_tail = m->lru_prev;
    m->lru_prev = m->lru_next = NULL;
}

static void lru_touch(struct msp *m)
{
    if (lru_tail == m) return;
    lru_unlink(m);
    m->lru_prev = lru_tail;
    if (lru_tail)
        lru_tail->lru_next = m;
    else
        lru_head = m;
    lru_tail = m;
}

static void msp_release(struct msp *m)
{
    lru_unlink(m);
    deseg_held -= m->store_cap + (uint64_t)m->capfrags * sizeof *m->frags;
    free(m->store);
    free(m->frags);
    m->store = NULL;
    m->frags = NULL;
    m->store_len = m->store_cap = m->nfrags = m->capfrags = 0;
}

static void msp_free_all(struct deseg_flow *ds)
{
    for (uint32_t i = 0; i < ds->n; i++) msp_release(&ds->msps[i]);
    free(ds->msps);
    ds->msps = NULL;
    ds->n = 0;
}

/* Wireshark's wmem_tree_lookup32(): the PDU starting exactly at seq */
static struct msp *msp_exact(struct deseg_flow *ds, uint32_t seq)
{
    for (uint32_t i = 0; i < ds->n; i++)
        if (ds->msps[i].seq == seq) return &ds->msps[i];
    return NULL;
}

/* wmem_tree_lookup32_le(): the PDU with the greatest start <= key (plain unsigned order) */
static struct msp *msp_le(struct deseg_flow *ds, uint32_t key)
{
    struct msp *best = NULL;
    for (uint32_t i = 0; i < ds->n; i++)
        if (ds->msps[i].seq <= key && (!best || ds->msps[i].seq > best->seq)) best = &ds->msps[i];
    return best;
}

/* a new PDU at seq (replacing one that starts there); the lowest one goes when the list is full */
static struct msp *msp_store(struct deseg_flow *ds, uint32_t seq, uint32_t nxtpdu, uint32_t frame)
{
    struct msp *m = msp_exact(ds, seq);
    if (m) {
        msp_release(m);
    } else {
        if (!ds->msps) {
            ds->msps = calloc(MSP_PER_FLOW, sizeof *ds->msps);
            if (!ds->msps) return NULL;
        }
        if (ds->n == MSP_PER_FLOW) {
            struct msp *low = &ds->msps[0];
            for (uint32_t i = 1; i < ds->n; i++)
                if (ds->msps[i].seq < low->seq) low = &ds->msps[i];
            msp_release(low);
            m = low;
        } else {
            m = &ds->msps[ds->n++];
        }
    }
    memset(m, 0, sizeof *m);
    m->seq = seq;
    m->nxtpdu = nxtpdu;
    m->first_frame = frame;
    return m;
}

/* its bytes are given up: later segments inside it still show as part of it, but it never
 * completes */
static void msp_drop(struct msp *m)
{
    msp_release(m);
    m->dropped = true;
}

/* room for `need` more held bytes: PDUs that have not grown for DESEG_IDLE_SEC of capture time
 * (a lost segment, an abandoned connection) are given up, least recently grown first; if that
 * is not enough, m is refused (so that many busy PDUs over the cap do not push each other out) */
#define DESEG_IDLE_SEC 60
static bool deseg_room(const struct msp *m, uint64_t need)
{
    while (deseg_held + need > DESEG_MAX_HELD) {
        struct msp *v = lru_head;
        if (v == m) v = v->lru_next;
        if (!v || deseg_now - v->grown_sec < DESEG_IDLE_SEC) return false;
        msp_drop(v);
        tw_state_note(deseg_note);
    }
    return true;
}

/* Wireshark's fragment_add() on the PDU's fragment list: true when the PDU is complete (also when
 * it was before: a segment into a finished PDU is only an overlap). */
/* the bytes a PDU holds from its start without a gap (its fragments are in offset order) */
static uint32_t msp_covered(const struct msp *m)
{
    uint32_t covered = 0;
    for (uint32_t k = 0; k < m->nfrags; k++) {
        const struct msp_frag *g = &m->frags[k];
        if (g->off <= covered && g->off + g->len > covered) covered = g->off + g->len;
    }
    return covered;
}

static bool msp_add(struct msp *m, uint32_t frame, uint32_t off, const uint8_t *data, uint32_t len,
                    bool more)
{
    if (m->reassembled_in && m->partial && (uint64_t)off + len >= m->datalen) {
        /* the protocol asked for more after a reassembly: the list opens again */
        for (uint32_t i = 0; i < m->nfrags; i++)
            m->frags[i].flags &= (uint8_t) ~(TW_FRAG_TOO_LONG | TW_FRAG_MULTIPLE_TAILS);
        m->partial = false;
        m->datalen_set = false;
        m->datalen = 0;
        m->reassembled_in = 0;
    }
    if (m->reassembled_in) return true;
    if (m->dropped) return false;
    if ((uint64_t)off + len > DESEG_MAX_PDU || m->nfrags >= DESEG_MAX_FRAGS) {
        msp_drop(m);
        return false;
    }
    if (m->nfrags == m->capfrags) {
        uint32_t cap = m->capfrags ? m->capfrags * 2 : 4;
        struct msp_frag *n = NULL;
        if (deseg_room(m, (uint64_t)(cap - m->capfrags) * sizeof *m->frags))
            n = realloc(m->frags, cap * sizeof *n);
        if (!n) {
            tw_state_note(deseg_note);
            msp_drop(m);
            return false;
        }
        deseg_held += (uint64_t)(cap - m->capfrags) * sizeof *n;
        m->frags = n;
        m->capfrags = cap;
    }
    if (m->store_len + len > m->store_cap) {
        /* the PDU's announced length when it is known and enough, else doubling */
        uint64_t want = (uint64_t)m->store_len + len, cap;
        if (m->nxtpdu - m->seq >= want && m->nxtpdu - m->seq <= DESEG_MAX_PDU && !m->entire_segment)
            cap = m->nxtpdu - m->seq;
        else
            for (cap = m->store_cap ? m->store_cap : 2048; cap < want;) cap *= 2;
        uint8_t *n = NULL;
        if (cap <= 2ull * DESEG_MAX_PDU && deseg_room(m, cap - m->store_cap))
            n = realloc(m->store, cap);
        if (!n) {
            tw_state_note(deseg_note);
            msp_drop(m);
            return false;
        }
        deseg_held += cap - m->store_cap;
        m->store = n;
        m->store_cap = (uint32_t)cap;
    }
    lru_touch(m);
    m->grown_sec = deseg_now;
    if (len) memcpy(m->store + m->store_len, data, len);
    struct msp_frag f = {frame, off, len, m->store_len, 0};
    m->store_len += len;
    if (!more) {
        if (m->datalen_set) {
            if (m->datalen != off + len) f.flags |= TW_FRAG_MULTIPLE_TAILS;
        } else {
            m->datalen = off + len;
            m->datalen_set = true;
        }
    }
    uint32_t i = m->nfrags;
    while (i > 0 && m->frags[i - 1].off > off) i--;
    memmove(&m->frags[i + 1], &m->frags[i], (m->nfrags - i) * sizeof *m->frags);
    m->frags[i] = f;
    m->nfrags++;
    if (!m->datalen_set) return false;
    if (msp_covered(m) < m->datalen) return false;
    m->reassembled_in = frame;
    return true;
}

/* the PDU's bytes and fragment list in the packet arena (reasm.c lays bytes down the same way) */
static bool msp_result(struct tw_pkt *p, struct msp *m, struct tw_reasm_result *res)
{
    uint8_t *out = tw_arena_alloc(p->arena, m->datalen ? m->datalen : 1);
    struct tw_reasm_frag *list =
        tw_arena_alloc(p->arena, (m->nfrags ? m->nfrags : 1) * sizeof *list);
    if (!out || !list) return false;
    uint32_t pos = 0;
    uint8_t all = 0;
    for (uint32_t i = 0; i < m->nfrags; i++) {
        struct msp_frag *f = &m->frags[i];
        if (f->len && f->off >= m->datalen) {
            f->flags |= TW_FRAG_TOO_LONG;
        } else if (f->len && f->off <= pos) {
            uint32_t n = f->len;
            if (f->off + n > m->datalen) {
                f->flags |= TW_FRAG_TOO_LONG;
                n = m->datalen - f->off;
            }
            const uint8_t *src = m->store + f->at;
            uint32_t over = pos - f->off;
            if (over) {
                f->flags |= TW_FRAG_OVERLAP;
                if (memcmp(out + f->off, src, TW_MIN(n, over)) != 0) f->flags |= TW_FRAG_CONFLICT;
            }
            if (f->off + n > pos) {
                memcpy(out + pos, src + over, n - over);
                pos = f->off + n;
            }
        }
        list[i] = (struct tw_reasm_frag){f->frame, f->off, f->len, f->flags};
        all |= f->flags;
    }
    res->data = out;
    res->len = m->datalen;
    res->frags = list;
    res->nfrags = m->nfrags;
    res->flags = all;
    return true;
}

/* the "[N Reassembled TCP Segments (L bytes): #a(x), ...]" tree, at the top level, placed before
 * the records added since `mark` (the reassembled protocol's) */
static void deseg_tree(struct tw_pkt *p, const struct tw_reasm_result *res, uint32_t mark)
{
    uint32_t from = p->nrecs, saved = p->ntree;
    if (p->nseg_items < TW_ARRAY_LEN(p->seg_items))
        p->seg_items[p->nseg_items++] = (uint16_t)p->nlayers;
    push_parent(p, -1);
    const struct tw_reasm_fields rf = {HF(F_SEGMENTS),
                                       HF(F_SEGMENT),
                                       HF(F_SEG_ERROR),
                                       HF(F_SEG_OVERLAP),
                                       HF(F_SEG_OVERLAP_CONFLICT),
                                       HF(F_SEG_MULTIPLE_TAILS),
                                       HF(F_SEG_TOO_LONG),
                                       HF(F_SEG_COUNT),
                                       HF(F_REASSEMBLED_LENGTH),
                                       HF(F_REASSEMBLED_DATA),
                                       "Reassembled TCP Segment",
                                       "Reassembled TCP Segments"};
    tw_reasm_tree(p, res, &rf);
    p->ntree = saved;
    if (mark < from && from < p->nrecs) tw_recs_move(p, mark, from);
}

/* "TCP segment data (N bytes)" under TCP's tree */
static void seg_data(struct tw_pkt *p, int32_t tcp_rec, const struct tw_cur *c, uint32_t off,
                     uint32_t n, const char *prefix)
{
    if (!tw_want(p, HF(F_SEGMENT_DATA))) return;
    uint32_t saved = p->ntree;
    push_parent(p, tcp_rec);
    uint32_t cap_end = TW_MIN(c->cap, c->end);
    uint32_t have = off < cap_end ? TW_MIN(n, cap_end - off) : 0;
    int32_t r = tw_add_ptr(p, HF(F_SEGMENT_DATA), off, have, c->data + off, have);
    tw_rec_label(p, r, "%sTCP segment data (%u byte%s)", prefix, n, n == 1 ? "" : "s");
    p->ntree = saved;
}

struct sub_call {
    uint16_t lo, hi;    /* the ports in the order they are tried (lo 0: hi only) */
    uint16_t an_flags;  /* the segment's analysis flags */
    uint32_t tcp_layer; /* TCP's layer index */
    uint32_t req_off;   /* request: offset from the start of the data handed over */
    uint32_t req_len;
    uint32_t sub_key; /* the conversation's own dissector (TW_TBL_NAME key), 0 for the ports */
    uint16_t sport, dport; /* the segment's ports, as each call up sees them (a protocol above
                            * may have changed p->ctx's for the next layer: HTTP's tunnel) */
};

/* Wireshark's process_tcp_payload() + decode_tcp_ports(): the protocol above, on `c` */
static void call_sub(struct tw_pkt *p, struct tw_cur c, bool can, struct sub_call *sc)
{
    sc->req_off = sc->req_len = 0;
    /* tcp.no_subdissector_on_error: no retransmitted or out-of-order data goes up */
    if (sc->an_flags & (TA_RETRANSMISSION | TA_OUT_OF_ORDER)) return;
    __typeof__(p->deseg) saved = p->deseg;
    p->deseg.can = can;
    p->deseg.layer = p->nlayers;
    p->deseg.base = c.off;
    p->deseg.offset = c.off;
    p->deseg.len = 0;
    p->deseg.tcp_rec = p->layers[sc->tcp_layer].rec;
    p->deseg.pdu_size_hf = HF(F_PDU_SIZE);
    uint32_t keys[2] = {sc->lo, sc->hi};
    if (sc->sport | sc->dport) {
        p->ctx.srcport = sc->sport;
        p->ctx.dstport = sc->dport;
    }
    if (sc->sub_key)
        tw_dissect_here(p, TW_TBL_NAME, 1, &sc->sub_key, c);
    else if (sc->lo == 0)
        tw_dissect_here(p, TW_TBL_TCP_PORT, 1, &keys[1], c);
    else
        tw_dissect_here(p, TW_TBL_TCP_PORT, 2, keys, c);
    if (can && p->deseg.len) {
        sc->req_len = p->deseg.len;
        sc->req_off = p->deseg.offset > c.off ? p->deseg.offset - c.off : 0;
    }
    int32_t tcp_rec = p->deseg.tcp_rec; /* moved records keep it current */
    p->deseg = saved;
    p->deseg.tcp_rec = tcp_rec;
}

/* "[Reassembled PDU in frame: N]" under TCP's tree */
static void reassembled_in(struct tw_pkt *p, const struct sub_call *sc, uint32_t off,
                           uint32_t frame)
{
    uint32_t saved = p->ntree;
    push_parent(p, p->layers[sc->tcp_layer].rec);
    int32_t r = tw_add_uint(p, HF(F_REASSEMBLED_IN), off, 0, frame);
    tw_rec_flags(p, r, TW_RF_GENERATED);
    p->ntree = saved;
}

static void info_marker(struct tw_pkt *p)
{
    tw_col_proto(p, "TCP");
    if (!p->want_cols || p->cols_locked) return;
    if (p->info.len) tw_info_add(p, " ");
    tw_info_add(p, "[TCP segment of a reassembled PDU]");
}

/* desegment_tcp(): the payload at c->off (relative sequence number seq) of a segment TCP can keep
 * bytes of */
static void desegment(struct tw_pkt *p, struct conv_flow *fw, const struct tw_cur *c, uint32_t seq,
                      uint32_t nxtseq, struct sub_call *sc)
{
    struct deseg_flow *ds = &fw->ds;
    const uint32_t frame = (uint32_t)p->frame->recno;
    deseg_now = p->frame->ts.sec;
    const uint32_t seg_end = c->end; /* all of it is captured (or TCP would not desegment) */
    uint32_t offset = c->off;
    const bool proto_fixed = p->col_proto_fixed;
    /* tshark's another_segment_in_frame: a PDU ended before this one in the segment (a PDU
     * handed up that turned out to need more, "partial", does not count) */
    bool another_in_frame = false;
    for (;;) {
        struct msp *ipfd = NULL, *m;
        uint32_t last_fragment_len = 0, another_pdu_follows = 0, deseg_offset = offset;
        bool must_desegment = false, called = false, partial = false;
        sc->req_off = sc->req_len = 0;
        uint32_t req_abs = 0; /* the request's offset in c's data */

        m = msp_exact(ds, seq);
        /* a segment that starts a PDU seen before but runs past its end is no retransmission
         * (a one-byte zero window probe followed by more, data resent with more: tshark's bugs
         * 15427, 13523): it joins that PDU below */
        if (m && SEQ_LE(nxtseq, m->nxtpdu)) {
            /* seen before: a retransmission of a PDU's first segment */
            bool retrans = m->first_frame != frame;
            if (!retrans) {
                tw_col_proto(p, "TCP");
                if (m->reassembled_in) reassembled_in(p, sc, c->off, m->reassembled_in);
            }
            seg_data(p, p->layers[sc->tcp_layer].rec, c, offset, seg_end - offset,
                     retrans ? "Retransmitted " : "");
            break;
        }
        if (!m) m = msp_le(ds, seq - 1);
        /* tshark compares the PDU's end in sequence space (GT_SEQ): a request near 2^32 bytes
         * (garbage read as a length) ends "before" the next segment, which starts afresh */
        if (m && m->seq <= seq && SEQ_GT(m->nxtpdu, seq)) {
            uint32_t len = m->entire_segment ? seg_end - offset : TW_MIN(nxtseq, m->nxtpdu) - seq;
            last_fragment_len = len;
            if (msp_add(m, frame, seq - m->seq, c->data + offset, len, SEQ_LT(nxtseq, m->nxtpdu)))
                ipfd = m;
            if (m->entire_segment) {
                m->entire_segment = false;
                m->nxtpdu = nxtseq;
            }
            if (m->nxtpdu < nxtseq && m->nxtpdu >= seq && len > 0)
                another_pdu_follows = m->nxtpdu - seq;
        } else {
            struct tw_cur pl = *c;
            pl.off = offset;
            call_sub(p, pl, true, sc);
            called = true;
            if (sc->req_len) {
                must_desegment = true;
                deseg_offset = offset + sc->req_off;
            }
            m = NULL;
        }

        if (ipfd && ipfd->reassembled_in == frame) {
            struct tw_reasm_result res;
            if (nxtseq < ipfd->nxtpdu) {
                /* completed by a segment that is not its last (out of order): shown, not
                 * handed over (the protocol gets it in the frame of the last segment) */
                seg_data(p, p->layers[sc->tcp_layer].rec, c, offset, seg_end - offset, "");
                if (msp_result(p, ipfd, &res)) {
                    tw_new_source(p, res.data, res.len, "Reassembled TCP");
                    deseg_tree(p, &res, p->nrecs);
                }
                break;
            }
            if (!msp_result(p, ipfd, &res)) break;
            uint32_t mark = p->nrecs;
            struct tw_cur rc = tw_new_source(p, res.data, res.len, "Reassembled TCP");
            call_sub(p, rc, true, sc);
            called = true;
            uint32_t old_len = res.len - last_fragment_len;
            if (sc->req_len && sc->req_off <= old_len) {
                /* it needs more for the PDU it thought complete: tshark takes the last data
                 * source back (remove_last_data_source), so the hex dump does not list it */
                if (p->nsources > 1) p->nsources--;
                ipfd->partial = true;
                partial = true;
                if (sc->req_len == TW_DESEG_ONE_MORE_SEGMENT) {
                    uint32_t end = seq + (seg_end - offset);
                    ipfd->nxtpdu = TW_MAX(end, ipfd->nxtpdu) + 1;
                    ipfd->entire_segment = true;
                } else if (sc->req_len == TW_DESEG_UNTIL_FIN) {
                    /* every later segment joins it until the FIN (not just the next one) */
                    ds->until_fin = true;
                    ipfd->nxtpdu = nxtseq + 0x40000000u;
                } else if (seq + last_fragment_len >= ipfd->nxtpdu) {
                    ipfd->nxtpdu = seq + last_fragment_len + sc->req_len;
                } else {
                    ipfd->nxtpdu += sc->req_len;
                }
                offset += last_fragment_len;
                seq += last_fragment_len;
                if (seg_end > offset) continue;
                /* the request stays for the marker below */
                req_abs = 0;
            } else {
                uint32_t nbytes = another_pdu_follows ? another_pdu_follows : seg_end - offset;
                seg_data(p, p->layers[sc->tcp_layer].rec, c, offset, nbytes, "");
                deseg_tree(p, &res, mark);
                if (sc->req_len) {
                    must_desegment = true;
                    deseg_offset = seg_end - (res.len - sc->req_off);
                }
            }
        }
        (void)req_abs;

        if (must_desegment) {
            if (sc->req_len == TW_DESEG_UNTIL_FIN) ds->until_fin = true;
            uint32_t deseg_seq = seq + (deseg_offset - offset);
            if (nxtseq - deseg_seq <= 1024u * 1024u) {
                struct msp *n;
                if (sc->req_len == TW_DESEG_ONE_MORE_SEGMENT) {
                    n = msp_store(ds, deseg_seq, nxtseq + 1, frame);
                    if (n) n->entire_segment = true;
                } else if (sc->req_len == TW_DESEG_UNTIL_FIN) {
                    n = msp_store(ds, deseg_seq, nxtseq + 0x40000000u, frame);
                } else {
                    n = msp_store(ds, deseg_seq, nxtseq + sc->req_len, frame);
                }
                if (n)
                    msp_add(n, frame, 0, c->data + deseg_offset, nxtseq - deseg_seq,
                            SEQ_LT(nxtseq, n->nxtpdu));
            }
        }

        if (!called || sc->req_len != 0) {
            if (ipfd && ipfd->reassembled_in && ipfd->reassembled_in != frame && !partial)
                reassembled_in(p, sc, c->off, ipfd->reassembled_in);
            /* no marker once a PDU ended earlier in this segment */
            if (sc->req_off == 0 && !another_in_frame) info_marker(p);
            seg_data(p, p->layers[sc->tcp_layer].rec, c, deseg_offset, seg_end - deseg_offset, "");
        }
        /* a finished PDU keeps only what later lookups need */
        if (ipfd && ipfd->reassembled_in && !ipfd->partial && ipfd->store) msp_release(ipfd);

        if (!another_pdu_follows) break;
        /* another PDU follows in this segment: the columns so far stay */
        tw_info_fence(p);
        p->col_proto_fixed = true;
        offset += another_pdu_follows;
        seq += another_pdu_follows;
        another_in_frame = true;
    }
    p->col_proto_fixed = proto_fixed;
}

/* The sender's FIN ends a PDU a protocol wanted "until FIN": it is handed over now, with no more
 * desegmentation offered. True when that happened (the segment is done). */
static bool deseg_fin(struct tw_pkt *p, struct conv_flow *fw, const struct tw_cur *c, uint32_t seq,
                      uint32_t seglen, struct sub_call *sc)
{
    struct deseg_flow *ds = &fw->ds;
    const uint32_t frame = (uint32_t)p->frame->recno;
    deseg_now = p->frame->ts.sec;
    if (ds->fin_frame && ds->fin_frame != frame) return false;
    ds->fin_frame = frame;
    struct msp *m = msp_le(ds, seq - 1);
    if (!m) return false;
    uint32_t cap_end = TW_MIN(c->cap, c->end);
    uint32_t have = c->off < cap_end ? cap_end - c->off : 0;
    if (!m->reassembled_in && !m->dropped && msp_covered(m) < seq - m->seq) {
        /* a gap before the FIN: the PDU read "until FIN" now ends here, so deseg_closed keeps
         * it, and a segment filling the gap later completes it (shown there, not handed over,
         * as tshark does: Ultimate PCAP frame 21223); the segment itself goes on as any other */
        if (SEQ_GT(m->nxtpdu, seq + seglen)) {
            m->nxtpdu = seq + seglen;
            m->entire_segment = false;
        }
        return false;
    }
    if (!msp_add(m, frame, seq - m->seq, c->data + c->off, TW_MIN(seglen, have), false))
        return false;
    struct tw_reasm_result res;
    if (!msp_result(p, m, &res)) return false;
    struct tw_cur rc = tw_new_source(p, res.data, res.len, "Reassembled TCP");
    deseg_tree(p, &res, p->nrecs);
    call_sub(p, rc, false, sc);
    msp_release(m);
    return true;
}

/* The sender's FIN at relative sequence number `end`: it sends nothing beyond, so a PDU that needs
 * bytes from there on can never complete and gives its bytes up (memory follows live flows; the
 * PDU is still remembered, so later segments inside it show as they would in tshark). */
static void deseg_closed(struct deseg_flow *ds, uint32_t end)
{
    for (uint32_t i = 0; i < ds->n; i++) {
        struct msp *m = &ds->msps[i];
        if ((m->store || m->frags) && (!m->reassembled_in || m->partial) && SEQ_GT(m->nxtpdu, end))
            msp_drop(m);
    }
}

/* SOCKS relays its tunnel's bytes through TCP as the conversation of other ports, which takes
 * a stream index (tw_tcp_relay): where it runs, the payload goes up whenever tcp.stream is shown */
static bool relays(uint16_t k1, uint16_t k2)
{
    static int relay_proto = -2;
    if (relay_proto == -2) relay_proto = tw_proto_lookup("socks");
    if (relay_proto < 0) return false;
    int pr = k1 ? tw_dispatch_find(TW_TBL_TCP_PORT, k1) : -1;
    if (pr < 0 && k2) pr = tw_dispatch_find(TW_TBL_TCP_PORT, k2);
    return pr == relay_proto;
}

/* Wireshark's dissect_tcp_payload() called from above (dissect.h) */
void tw_tcp_relay(struct tw_pkt *p, struct tw_cur c, uint16_t sport, uint16_t dport)
{
    uint32_t cap_end = TW_MIN(c.cap, c.end);
    uint32_t cap_left = c.off < cap_end ? cap_end - c.off : 0;
    uint32_t rep_left = c.end > c.off ? c.end - c.off : 0;
    int32_t r = tw_add_ptr(p, HF(F_PAYLOAD), c.off, cap_left, c.data + c.off, cap_left);
    tw_rec_label(p, r, "TCP payload (%u byte%s)", rep_left, rep_left == 1 ? "" : "s");
    if (!p->nlayers) return;
    const uint16_t osport = p->ctx.srcport, odport = p->ctx.dstport;
    const bool can = tw_can_desegment(p) && p->ctx.tcp_tracked;
    p->ctx.srcport = sport;
    p->ctx.dstport = dport;
    /* the conversation of the substituted ports: tshark makes it (and its stream index) as soon
     * as the relaying protocol asks for it */
    struct conv *cv = NULL;
    int dir = 0;
    if (conv_tab && p->ctx.tcp_tracked && !p->ctx.in_error_pkt) {
        uint8_t key[TW_STATE_KEY_MAX];
        bool fresh = false;
        size_t kl = tw_conv_key(p, sport, dport, key, &dir);
        cv = tw_state_put(conv_tab, key, kl, &fresh);
        if (cv && fresh) conv_start(cv, p);
        if (cv) {
            cv->last_sec = p->frame->ts.sec;
            cv->last_pkt = conv_clock;
        }
    }
    uint16_t lo = sport < dport ? sport : dport, hi = sport < dport ? dport : sport;
    struct sub_call sc = {lo, hi, 0, p->nlayers - 1, 0, 0, cv ? cv->sub_key : 0, sport, dport};
    if (can && cv) {
        const uint8_t saved_src = p->cur_src;
        desegment(p, &cv->fl[dir], &c, p->ctx.tcp_seq, p->ctx.tcp_nxtseq, &sc);
        p->cur_src = saved_src;
    } else {
        call_sub(p, c, false, &sc);
    }
    p->ctx.srcport = osport;
    p->ctx.dstport = odport;
}

/* Wireshark's tcp_dissect_pdus() (dissect.h) */
enum tw_status
tw_tcp_pdus(struct tw_pkt *p, struct tw_cur *c, uint32_t fixed,
            uint32_t (*pdu_len)(struct tw_pkt *p, const struct tw_cur *c, uint32_t off, void *arg),
            enum tw_status (*dissect_pdu)(struct tw_pkt *p, struct tw_cur *pdu, void *arg),
            void *arg)
{
    const bool can = tw_can_desegment(p);
    /* tcp.pdu.size goes into the tree of the TCP right below, if the protocol runs there */
    const bool over_tcp = p->deseg.layer < p->nlayers &&
                          p->layers[p->deseg.layer].proto == p->cur_proto &&
                          p->layers[p->deseg.layer].depth == p->depth && p->deseg.pdu_size_hf;
    uint32_t off = c->off;
    const uint32_t li = p->nlayers ? p->nlayers - 1 : 0; /* the running layer */
    bool cut_shown = false; /* a PDU already ended "truncated" (its marker is shown) */
    while (off < c->end) {
        uint32_t cap_end = TW_MIN(c->cap, c->end);
        if (off >= cap_end) {
            /* tshark shows one "[Packet size limited during capture]" for a PDU cut by the
             * capture, not a second one for the PDUs after it */
            c->off = cut_shown ? c->end : off;
            return cut_shown ? TW_OK : TW_TRUNCATED;
        }
        uint32_t avail = cap_end - off;
        if (can && avail < fixed) {
            tw_deseg_request(p, off, TW_DESEG_ONE_MORE_SEGMENT);
            if (off == c->off) tw_layer_hide(p); /* nothing of it here: not in frame.protocols */
            c->off = c->end;
            return TW_OK;
        }
        if (avail < fixed) {
            c->off = off;
            return off + fixed > c->end ? TW_MALFORMED : TW_TRUNCATED;
        }
        uint32_t plen = pdu_len(p, c, off, arg);
        if (plen == 0) {
            if (can) {
                tw_deseg_request(p, off, TW_DESEG_ONE_MORE_SEGMENT);
                if (off == c->off) tw_layer_hide(p);
                c->off = c->end;
                return TW_OK;
            }
            c->off = off;
            return TW_MALFORMED;
        }
        if (plen < fixed) {
            c->off = off;
            return TW_MALFORMED;
        }
        if (can && avail < plen) {
            tw_deseg_request(p, off, plen - avail);
            if (off == c->off) tw_layer_hide(p);
            c->off = c->end;
            return TW_OK;
        }
        if (over_tcp && tw_want(p, p->deseg.pdu_size_hf)) {
            uint32_t saved = p->ntree;
            uint8_t src = p->cur_src;
            push_parent(p, p->deseg.tcp_rec);
            int32_t r = tw_add_uint(p, p->deseg.pdu_size_hf, off, plen, plen);
            tw_rec_flags(p, r, TW_RF_GENERATED);
            p->ntree = saved;
            p->cur_src = src;
        }
        struct tw_cur pdu = *c;
        pdu.off = off;
        pdu.end = (uint64_t)off + plen < c->end ? off + plen : c->end;
        if (pdu.cap > pdu.end) pdu.cap = pdu.end;
        pdu.err = 0;
        enum tw_status st = dissect_pdu(p, &pdu, arg);
        if (st == TW_OK && pdu.err) st = pdu.err == TW_CUR_TRUNCATED ? TW_TRUNCATED : TW_MALFORMED;
        if (st != TW_OK) {
            tw_show_status(p, st);
            struct tw_layer *l = p->nlayers ? &p->layers[li] : NULL;
            if (l && l->more_items < 32) {
                if (st == TW_TRUNCATED)
                    l->item_short |= 1u << l->more_items;
                else
                    l->item_bad |= 1u << l->more_items;
            }
        }
        if (st == TW_TRUNCATED) cut_shown = true;
        if ((uint64_t)off + plen >= c->end) break;
        off += plen;
    }
    c->off = c->end;
    return TW_OK;
}

/* Wireshark finds or makes the conversation as soon as TCP's first 16 bytes are read: tcp.stream
 * (a new one when a SYN brings another ISN on a known address/port pair), and the checks made
 * before the analysis. NULL when the state table is full. */
static struct conv *conv_find(struct tw_pkt *p, uint16_t sport, uint16_t dport, uint32_t seq,
                              uint16_t fl, int *dirp, bool *freshp, bool *expectedp,
                              struct ta_res *tres)
{
    uint8_t key[TW_STATE_KEY_MAX];
    int dir = 0;
    bool fresh = false;
    size_t kl = tw_conv_key(p, sport, dport, key, &dir);
    retire_idle(p->frame->ts.sec);
    struct conv *cv = tw_state_put(conv_tab, key, kl, &fresh);
    *expectedp = false;
    if (cv && fresh) {
        conv_start(cv, p);
        /* an announced conversation existed before this packet: its first SYN does not
         * count as the one that made it (tcp.completeness) */
        *expectedp = expect_take(p, sport, dport, cv);
    } else if (cv && (fl & (TH_SYN | TH_ACK)) == TH_SYN && cv->fl[dir].base_set &&
               cv->fl[dir].base_seq != seq) {
        /* a SYN with another ISN on a known address/port pair: the ports were reused by a
         * new connection, which tshark counts as a new stream (already showing its SYN) */
        conv_start(cv, p);
        cv->completeness = C_SYNSENT;
        fresh = true;
        tres->have = true;
        tres->flags |= TA_REUSED_PORTS;
    }
    if (cv) {
        ta_conv_checks(cv, dir, seq, fl, tres);
        if (fl & TH_FIN) cv->fin_dirs |= (uint8_t)(1u << dir);
        if (fl & TH_RST) cv->fin_dirs = 3;
        cv->last_sec = p->frame->ts.sec;
        cv->last_pkt = conv_clock;
    }
    *dirp = dir;
    *freshp = fresh;
    return cv;
}

static bool opts_plainly_ok(const struct tw_cur *c, uint32_t off, uint32_t len);
static void publish_tap(struct tw_pkt *p, const struct tw_cur *c, uint32_t start, uint32_t rep,
                        uint32_t hlen, uint32_t stream, uint32_t seq, uint32_t ack, uint16_t fl,
                        uint16_t win, uint16_t urp);

/* A run that reads TCP only through its tap (-z stream,ambiguity, follow, conv: no TCP field,
 * column, tree or protocol above is shown): the conversation for tcp.stream, the sequence bases
 * (which decide when reused ports start a new stream), and the tap. It ends as the full path
 * below would in such a run; anything out of the ordinary (a quoted segment, a header cut by the
 * capture or shorter than 20 bytes, a segment shorter than its header, options not plainly well
 * formed) is left to the full path: false, nothing done. */
static bool tap_only(struct tw_pkt *p, struct tw_cur *c, uint32_t start, uint32_t rep,
                     uint16_t sport, uint16_t dport, uint32_t seq, uint32_t ack, uint32_t hlen,
                     uint16_t fl, uint16_t win)
{
    if (p->ctx.in_error_pkt || hlen < 20 || rep < hlen || !conv_tab) return false;
    if ((uint64_t)start + hlen > TW_MIN(c->cap, c->end)) return false;
    if (hlen > 20 && !opts_plainly_ok(c, start + 20, hlen - 20)) return false;
    struct ta_res tres = {0};
    int dir;
    bool fresh, expected;
    struct conv *cv = conv_find(p, sport, dport, seq, fl, &dir, &fresh, &expected, &tres);
    if (cv && !p->ctx.ip_fragment) { /* the segment's length is known (the full path's
                                      * have_seglen) */
        struct conv_flow *fw = &cv->fl[dir], *rv = &cv->fl[dir ^ 1];
        if (!fw->base_set) {
            fw->base_seq = (fl & TH_SYN) ? seq : seq - 1;
            fw->base_set = true;
        }
        if (!rv->base_set && (fl & TH_ACK)) {
            rv->base_seq = ack - 1;
            rv->base_set = true;
        }
    }
    tw_layer_setlen(p, hlen);
    const uint8_t *u = c->data + start + 18;
    uint16_t urp = (uint16_t)(u[0] << 8 | u[1]);
    c->off = start + hlen;
    publish_tap(p, c, start, rep, hlen, cv ? cv->stream : UINT32_MAX, seq, ack, fl, win, urp);
    return true;
}

static void add_flag(struct tw_pkt *p, int f, uint32_t off, uint16_t fl)
{
    tw_add_bits(p, HF(f), off, 2, fl);
}

static enum tw_status dissect(struct tw_pkt *p, struct tw_cur *c)
{
    const uint32_t start = c->off;
    const uint32_t rep = tw_cur_left(c); /* the segment length IP gave us */
    const bool labels = tw_want_labels(p);
    const bool summary = tw_layer_recorded(p);
    char sum[192];
    size_t sl = 0;
    sum[0] = 0;
#define SUMMARY(...)                                                                               \
    do {                                                                                           \
        if (summary && sl < sizeof sum) {                                                          \
            int n_ = snprintf(sum + sl, sizeof sum - sl, __VA_ARGS__);                             \
            if (n_ > 0) sl = TW_MIN(sizeof sum - 1, sl + (size_t)n_);                              \
        }                                                                                          \
    } while (0)

    const uint8_t *h = tw_cur_bytes(c, 4);
    if (!h) {
        /* tshark fails reading the ports, before it sets the column or adds its item */
        restore_col_proto(p);
        tw_layer_unrecord(p);
        return cur_status(c);
    }
    uint16_t sport = (uint16_t)(h[0] << 8 | h[1]), dport = (uint16_t)(h[2] << 8 | h[3]);
    p->ctx.srcport = sport;
    p->ctx.dstport = dport;
    p->ctx.tcp_tracked = false;
    tw_info_clear(p);
    tw_info_printf(p, "%u \xe2\x86\x92 %u", sport, dport);
    SUMMARY(", Src Port: %u, Dst Port: %u", sport, dport);
    tw_add_uint(p, HF(F_SRCPORT), start, 2, sport);
    tw_add_uint(p, HF(F_DSTPORT), start + 2, 2, dport);
    int32_t r = tw_add_uint(p, HF(F_PORT), start, 2, sport);
    tw_rec_flags(p, r, TW_RF_HIDDEN);
    r = tw_add_uint(p, HF(F_PORT), start + 2, 2, dport);
    tw_rec_flags(p, r, TW_RF_HIDDEN);

    /* inside an ICMP error tshark shows the quoted sequence number as it is, right away */
    if (p->ctx.in_error_pkt) {
        struct tw_cur sc = *c;
        uint32_t s0 = tw_cur_u32(&sc);
        if (!sc.err) tw_add_uint(p, HF(F_SEQ), start + 4, 4, s0);
    }
    /* sequence, acknowledgment, offset and flags, window: tshark reads all of them before it
     * adds anything more */
    const uint8_t *b = tw_cur_bytes(c, 12);
    if (!b) {
        set_summary(p, sum);
        return cur_status(c);
    }
    uint32_t seq = (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
    uint32_t ack = (uint32_t)b[4] << 24 | (uint32_t)b[5] << 16 | (uint32_t)b[6] << 8 | b[7];
    uint32_t hlen = (uint32_t)(b[8] >> 4) * 4;
    uint16_t fl = (uint16_t)((b[8] << 8 | b[9]) & 0xfff);
    p->ctx.tcp_flags = fl;
    uint16_t win = (uint16_t)(b[10] << 8 | b[11]);

    /* the conversation: tshark finds or makes it as soon as these 16 bytes are read */
    struct ta_res tres = {0};
    struct conv *cv = NULL;
    int dir = 0;
    bool fresh = false, expected = false;
    /* `shown`: something shows what the conversation knows (fields, columns, layers above);
     * otherwise a conversation exists only for the tap's tcp.stream (-z stream, follow), and
     * the sequence analysis and the option walk, which feed nothing then, are left out */
    const bool shown = p->want_all || p->want_cols || p->want_layers || tracking_needed(p);
    if (!shown && !summary && !p->has_tree && tw_tap_wanted(p, TW_TAP_TCP) &&
        !tw_want_proto(p, ids.proto) &&
        tap_only(p, c, start, rep, sport, dport, seq, ack, hlen, fl, win))
        return TW_OK;
    if (conv_tab && (shown || tw_tap_wanted(p, TW_TAP_TCP)))
        cv = conv_find(p, sport, dport, seq, fl, &dir, &fresh, &expected, &tres);
    struct tw_time trel = {0, 0}, tdelta = {0, 0};
    if (cv) {
        r = tw_add_uint(p, HF(F_STREAM), start, 0, cv->stream);
        tw_rec_flags(p, r, TW_RF_GENERATED);
        r = tw_add_uint(p, HF(F_COMPLETENESS), start, 0, cv->completeness);
        tw_rec_flags(p, r, TW_RF_GENERATED);
        tw_rec_label(p, r, "Conversation completeness: %s (%u)", completeness_str(cv->completeness),
                     cv->completeness);
        if (tw_want(p, HF(F_TIME_REL)) || tw_want(p, HF(F_TIME_DELTA))) {
            trel = tw_time_sub(p->frame->ts, cv->first);
            tdelta = tw_time_sub(p->frame->ts, cv->prev);
        }
        cv->prev = p->frame->ts;
    }

    bool have_seglen = false;
    uint32_t seglen = 0;
    if (!p->ctx.ip_fragment && !p->ctx.in_error_pkt) {
        if (rep < hlen) {
            text_expert(p, EX(E_SHORT_SEGMENT), start, 0,
                        "Short segment. Segment/fragment does not contain a full TCP header (might "
                        "be NMAP or someone else deliberately sending unusual packets)");
        } else {
            have_seglen = true;
            seglen = rep - hlen;
            r = tw_add_uint(p, HF(F_LEN), start + 12, 1, seglen);
            tw_rec_flags(p, r, TW_RF_GENERATED);
        }
    }

    /* relative numbers: the bases are the ISNs, or one less than the first sequence number
     * (acknowledgment number) seen when the connection's start was missed */
    uint32_t rseq = seq, rack = ack, rwin = win;
    if (cv && (p->ctx.in_error_pkt || !have_seglen)) {
        /* no sequence analysis on a quoted segment or one whose length is unknown: raw
         * numbers, and the flags do not count */
        if (!(fl & TH_SYN) && cv->fl[dir].win_scale >= 0)
            rwin = (uint32_t)win << cv->fl[dir].win_scale;
    } else if (cv) {
        struct conv_flow *fw = &cv->fl[dir], *rv = &cv->fl[dir ^ 1];
        if (!fw->base_set) {
            fw->base_seq = (fl & TH_SYN) ? seq : seq - 1;
            fw->base_set = true;
        }
        if (!rv->base_set && (fl & TH_ACK)) {
            rv->base_seq = ack - 1;
            rv->base_set = true;
        }
        if (analyze_seq && shown) ta_analyze(cv, dir, p, seq, ack, seglen, fl, win, &tres);
        if (rel_seq) {
            rseq = seq - fw->base_seq;
            if (fl & TH_ACK) rack = ack - rv->base_seq;
        }
        /* completeness, as the flags seen so far (shown above as it was before this packet);
         * a conversation's first packet counts only if it is a SYN */
        if (!fresh || expected || (fl & (TH_SYN | TH_ACK)) == TH_SYN) {
            /* SYN_SENT only from the SYN that made the conversation (a SYN on a conversation
             * seen before does not count) */
            if (fl & TH_SYN)
                cv->completeness |= (fl & TH_ACK) ? C_SYNACK : fresh && !expected ? C_SYNSENT : 0;
            if ((fl & (TH_SYN | TH_ACK)) == TH_ACK && have_seglen && seglen == 0)
                cv->completeness |= C_ACK;
            if (have_seglen && seglen > 0) cv->completeness |= C_DATA;
            if (fl & TH_FIN) cv->completeness |= C_FIN;
            if (fl & TH_RST) cv->completeness |= C_RST;
        }
        /* SYNs are never scaled */
        if (!(fl & TH_SYN) && fw->win_scale >= 0) rwin = (uint32_t)win << fw->win_scale;
    }

    char fls[80];
    bool want_fls = labels || p->want_cols;
    if (want_fls) flags_list(fls, sizeof fls, fl);
    tw_info_printf(p, " [%s] Seq=%u", want_fls ? fls : "", rseq);
    if (fl & TH_ACK) tw_info_printf(p, " Ack=%u", rack);
    SUMMARY(", Seq: %u", rseq);
    if (!p->ctx.in_error_pkt) {
        r = tw_add_uint(p, HF(F_SEQ), start + 4, 4, rseq);
        if (cv && rel_seq)
            tw_rec_label(p, r, "Sequence Number: %u    (relative sequence number)", rseq);
        r = tw_add_uint(p, HF(F_SEQ_RAW), start + 4, 4, seq);
        if (!rel_seq) tw_rec_flags(p, r, TW_RF_HIDDEN); /* tshark hides it when equal */
    }
    tw_info_printf(p, " Win=%u", rwin);

    if (hlen < 20) {
        tw_info_printf(p, ", bogus TCP header length (%u, must be at least 20)", hlen);
        r = tw_add_uint(p, HF(F_HDR_LEN), start + 12, 1, hlen);
        if (labels)
            tw_rec_label(p, r, "%u%u%u%u .... = Header Length: %u bytes (%u)", (b[8] >> 7) & 1,
                         (b[8] >> 6) & 1, (b[8] >> 5) & 1, (b[8] >> 4) & 1, hlen, hlen >> 2);
        if (p->has_tree) { /* tshark adds the item and its expert only with a tree */
            tw_tree_push(p, r);
            tw_expert(p, EX(E_BOGUS_HLEN), start + 12, 1,
                      "Bogus TCP header length (%u, must be at least 20)", hlen);
            tw_tree_pop(p);
        }
        set_summary(p, sum);
        return TW_OK;
    }
    if (fl & TH_ACK) SUMMARY(", Ack: %u", rack);
    if (have_seglen) SUMMARY(", Len: %u", seglen);
    set_summary(p, sum);
    tw_layer_setlen(p, TW_MIN(hlen, rep));
    if (cv && analyze_seq && shown) ta_handshake(cv, dir, fl, p->frame->ts);

    if (have_seglen && cv) {
        /* SYN and FIN take a sequence number (tshark counts one even when both are set) */
        uint32_t nxt = rseq + seglen + ((fl & (TH_SYN | TH_FIN)) ? 1u : 0u);
        r = tw_add_uint(p, HF(F_NXTSEQ), start, 0, nxt);
        tw_rec_flags(p, r, TW_RF_GENERATED);
        if (rel_seq)
            tw_rec_label(p, r, "Next Sequence Number: %u    (relative sequence number)", nxt);
    }
    r = tw_add_uint(p, HF(F_ACK), start + 8, 4, rack);
    if ((fl & TH_ACK) && cv && rel_seq)
        tw_rec_label(p, r, "Acknowledgment Number: %u    (relative ack number)", rack);
    if (!(fl & TH_ACK) && ack != 0) {
        tw_tree_push(p, r);
        tw_expert(p, EX(E_ACK_NONZERO), start + 8, 4, NULL);
        tw_tree_pop(p);
    }
    r = tw_add_uint(p, HF(F_ACK_RAW), start + 8, 4, ack);
    if (!rel_seq && (fl & TH_ACK)) tw_rec_flags(p, r, TW_RF_HIDDEN);
    r = tw_add_uint(p, HF(F_HDR_LEN), start + 12, 1, hlen);
    if (labels)
        tw_rec_label(p, r, "%u%u%u%u .... = Header Length: %u bytes (%u)", (b[8] >> 7) & 1,
                     (b[8] >> 6) & 1, (b[8] >> 5) & 1, (b[8] >> 4) & 1, hlen, hlen >> 2);

    r = tw_add_uint(p, HF(F_FLAGS), start + 12, 2, fl);
    if (labels) tw_rec_label(p, r, "Flags: 0x%03x (%s)", fl, fls);
    tw_tree_push(p, r);
    r = tw_add_bits(p, HF(F_FLAGS_RES), start + 12, 1, fl);
    if (labels)
        tw_rec_label(p, r, "%u%u%u. .... .... = Reserved: %s", (fl >> 11) & 1, (fl >> 10) & 1,
                     (fl >> 9) & 1, (fl & TH_RES) ? "Set" : "Not set");
    add_flag(p, F_FLAGS_AE, start + 12, fl);
    add_flag(p, F_FLAGS_CWR, start + 13, fl);
    add_flag(p, F_FLAGS_ECE, start + 13, fl);
    add_flag(p, F_FLAGS_URG, start + 13, fl);
    add_flag(p, F_FLAGS_ACK, start + 13, fl);
    add_flag(p, F_FLAGS_PUSH, start + 13, fl);
    r = tw_add_bits(p, HF(F_FLAGS_RESET), start + 13, 1, fl);
    if (fl & TH_RST) {
        tw_tree_push(p, r);
        tw_expert(p, EX(E_RST), start + 13, 1, NULL);
        tw_tree_pop(p);
    }
    r = tw_add_bits(p, HF(F_FLAGS_SYN), start + 13, 1, fl);
    if (fl & TH_SYN) {
        tw_tree_push(p, r);
        if (fl & TH_ACK)
            tw_expert(p, EX(E_SYNACK), start + 13, 1,
                      "Connection establish acknowledge (SYN+ACK): server port %u", sport);
        else
            tw_expert(p, EX(E_SYN), start + 13, 1,
                      "Connection establish request (SYN): server port %u", dport);
        tw_tree_pop(p);
    }
    r = tw_add_bits(p, HF(F_FLAGS_FIN), start + 13, 1, fl);
    if (fl & TH_FIN) {
        tw_tree_push(p, r);
        tw_expert(p, EX(E_FIN), start + 13, 1, NULL);
        tw_tree_pop(p);
    }
    r = -1;
    if (tw_want(p, HF(F_FLAGS_STR))) {
        char letters[40];
        size_t ll = flags_letters(letters, fl);
        uint8_t *s = tw_arena_alloc(p->arena, ll + 1);
        if (s) {
            memcpy(s, letters, ll + 1);
            r = tw_add_ptr(p, HF(F_FLAGS_STR), start + 12, 2, s, (uint32_t)ll);
            tw_rec_flags(p, r, TW_RF_GENERATED);
        }
    }
    if ((fl & TH_FIN) && cv) {
        /* which side closes first (tshark hangs it on the flags string) */
        bool passive = cv->fl[dir ^ 1].closing_initiator;
        if (!passive) cv->fl[dir].closing_initiator = true;
        tw_tree_push(p, r);
        tw_expert(p, EX(passive ? E_FIN_PASSIVE : E_FIN_ACTIVE), start + 12, 2, NULL);
        tw_tree_pop(p);
    }
    tw_tree_pop(p);
    tw_add_uint(p, HF(F_WIN), start + 14, 2, win);
    if (cv) {
        r = tw_add_uint(p, HF(F_WIN_SIZE), start + 14, 2, rwin);
        tw_rec_flags(p, r, TW_RF_GENERATED);
        if (!(fl & TH_SYN)) {
            int ws = cv->fl[dir].win_scale;
            r = tw_add_int(p, HF(F_WIN_SCALEFACTOR), start + 14, 2, ws >= 0 ? 1 << ws : ws);
            tw_rec_flags(p, r, TW_RF_GENERATED);
            if (ws == WS_UNKNOWN)
                tw_rec_label(p, r, "Window size scaling factor: -1 (unknown)");
            else if (ws == WS_NOT_USED)
                tw_rec_label(p, r, "Window size scaling factor: -2 (no window scaling used)");
        }
    }

    /* checksum and urgent pointer: each read can still run off a short capture */
    uint16_t th_sum = tw_cur_u16(c);
    if (c->err) return cur_status(c);
    add_checksum(p, c, start, rep, th_sum);
    uint16_t urp = tw_cur_u16(c);
    if (c->err) return cur_status(c);
    r = tw_add_uint(p, HF(F_URP), start + 18, 2, urp);
    if (fl & TH_URG) {
        tw_info_printf(p, " Urg=%u", urp);
    } else if (urp) {
        tw_tree_push(p, r);
        tw_expert(p, EX(E_URP_NONZERO), start + 18, 2, NULL);
        tw_tree_pop(p);
    }
    if (have_seglen) tw_info_printf(p, " Len=%u", seglen);

    /* the option walk only when something can show it: no record, expert, column, tap or layer
     * above TCP depends on the options of an untracked segment otherwise */
    if (hlen > 20 && ((cv && (shown || !opts_plainly_ok(c, start + 20, hlen - 20))) ||
                      p->want_all || p->want_cols || options_wanted(p))) {
        uint32_t optlen = hlen - 20, ooff = start + 20;
        uint32_t cap_end = TW_MIN(c->cap, c->end);
        uint32_t bc = ooff < cap_end ? cap_end - ooff : 0;
        struct tcp_state t;
        t.seg = c;
        t.start = start;
        t.flags = fl;
        t.ack = ack;
        t.labels = labels;
        t.nsack = 0;
        t.cv = cv;
        t.dir = dir;
        t.sack_base = cv && rel_seq ? cv->fl[dir ^ 1].base_seq : 0;
        t.sack_le[0] = t.sack_re[0] = 0;
        t.optnames[0] = 0;
        t.optnames_len = 0;
        r = tw_add_ptr(p, HF(F_OPTIONS), ooff, TW_MIN(bc, optlen), c->data + ooff,
                       TW_MIN(bc, optlen));
        t.opts_rec = r;
        uint32_t depth = p->ntree;
        tw_tree_push(p, r);
        enum tw_status st = dissect_options(p, &t, ooff, optlen);
        p->ntree = depth;
        if (labels) tw_rec_label(p, r, "Options: (%u bytes)%s", optlen, t.optnames);
        /* a failure inside the nested mptcp layer is already reported (and named MPTCP) */
        if (st == TW_STOP_REPORTED) return TW_OK;
        if (st != TW_OK) return st;
    }
    /* tshark queues its taps after the options: options it cannot read (cut by the capture)
     * end the dissection before, and the packet reaches no tap */
    if (tw_tap_wanted(p, TW_TAP_TCP))
        publish_tap(p, c, start, rep, hlen, cv ? cv->stream : UINT32_MAX, seq, ack, fl, win, urp);
    if (cv && (fl & TH_SYN)) check_scaling(cv, dir, (fl & TH_ACK) != 0);
    if (cv && p->want_all) {
        r = tw_add_text(p, start, 0, "Timestamps");
        tw_rec_flags(p, r, TW_RF_GENERATED);
        tw_tree_push(p, r);
        r = tw_add_time(p, HF(F_TIME_REL), start, 0, trel);
        tw_rec_flags(p, r, TW_RF_GENERATED);
        r = tw_add_time(p, HF(F_TIME_DELTA), start, 0, tdelta);
        tw_rec_flags(p, r, TW_RF_GENERATED);
        tw_tree_pop(p);
    } else if (cv) {
        r = tw_add_time(p, HF(F_TIME_REL), start, 0, trel);
        tw_rec_flags(p, r, TW_RF_GENERATED);
        r = tw_add_time(p, HF(F_TIME_DELTA), start, 0, tdelta);
        tw_rec_flags(p, r, TW_RF_GENERATED);
    }
    if (cv && analyze_seq && shown) ta_print(p, cv, &tres, start);

    /* the payload */
    uint32_t poff = start + hlen;
    uint32_t cap_end = TW_MIN(c->cap, c->end);
    uint32_t cap_left = poff < cap_end ? cap_end - poff : 0;
    /* the whole segment is here, not a fragment, not quoted, checksum not known bad: TCP can
     * keep bytes for the protocol above (Wireshark's can_desegment) */
    bool can = cv && desegment_pref && have_seglen && c->cap >= c->end && !p->ctx.ip_fragment &&
               !p->ctx.in_error_pkt;
    if (can && check_checksum) {
        uint16_t csum;
        if (compute_cksum(p, c, start, rep, &csum) && csum != 0) can = false;
    }
    /* Wireshark tries the server port (the one a SYN went to) first, then the lower port, then
     * the higher one, then the heuristics; port 0 is never looked up */
    uint16_t lo = sport < dport ? sport : dport, hi = sport < dport ? dport : sport;
    if (cv && (fl & TH_SYN)) cv->server_port = (fl & TH_ACK) ? sport : dport;
    uint16_t k1 = lo, k2 = hi;
    if (cv && cv->server_port && cv->server_port == hi && lo != 0) k1 = hi, k2 = lo;
    struct sub_call sc = {k1,    k2,   tres.flags, p->nlayers - 1, 0, 0, cv ? cv->sub_key : 0,
                          sport, dport};
    /* what the protocol above announced this conversation with (ftp-data) */
    p->ctx.tcp_setup_frame = cv ? cv->setup_frame : 0;
    p->ctx.tcp_conv_tag = cv ? cv->sub_tag : 0;
    struct tw_cur pl = *c;
    pl.off = poff;
    if (cv) {
        /* for a protocol that relays the payload on (tw_tcp_relay) */
        uint32_t base = cv->fl[dir].base_set ? cv->fl[dir].base_seq : 0;
        p->ctx.tcp_tracked = true;
        p->ctx.tcp_seq = seq - base;
        p->ctx.tcp_nxtseq = seq - base + (have_seglen ? seglen : 0);
    }
    /* FTP announces its data connections, which changes their tcp.completeness: port 21 goes up
     * whenever that is shown */
    const bool up = p->want_all || p->want_cols || p->want_layers || up_needed(p) ||
                    (lo == 21 && tw_want(p, HF(F_COMPLETENESS))) ||
                    (tw_want(p, HF(F_STREAM)) && relays(k1, k2));
    /* the sender's FIN ends what a protocol wanted "until FIN", with or without data */
    if (up && can && (fl & TH_FIN) && cv->fl[dir].ds.until_fin) {
        uint32_t base = cv->fl[dir].base_set ? cv->fl[dir].base_seq : 0;
        /* the segment that completes the PDU has no tcp.payload item in tshark (zeek's
         * http/byteranges.pcap, frame 65) */
        if (deseg_fin(p, &cv->fl[dir], &pl, seq - base, seglen, &sc)) return TW_OK;
        if (cap_left && tw_want(p, HF(F_PAYLOAD))) {
            uint32_t rl = c->end > poff ? c->end - poff : 0;
            int32_t pr = tw_add_ptr(p, HF(F_PAYLOAD), poff, cap_left, c->data + poff, cap_left);
            if (labels) tw_rec_label(p, pr, "TCP payload (%u byte%s)", rl, rl == 1 ? "" : "s");
        }
        if (cap_left) {
            /* not completed: the segment goes on as any other (payload already shown) */
            desegment(p, &cv->fl[dir], &pl, seq - base, seq - base + seglen, &sc);
            deseg_closed(&cv->fl[dir].ds, seq - base + seglen);
            return TW_OK;
        }
    }
    if (can && (fl & TH_FIN))
        deseg_closed(&cv->fl[dir].ds,
                     seq - (cv->fl[dir].base_set ? cv->fl[dir].base_seq : 0) + seglen);
    if (cap_left == 0) return TW_OK;
    if (fl & TH_RST) {
        /* RFC 1122 4.2.2.12: a RST may carry text explaining why; tshark shows it as ASCII,
         * up to the first NUL, with non-ASCII bytes replaced */
        if (tw_want(p, HF(F_RESET_CAUSE))) {
            uint8_t *s = tw_arena_alloc(p->arena, (size_t)cap_left * 3 + 1);
            if (s) {
                uint32_t n = 0;
                for (uint32_t i = 0; i < cap_left; i++) {
                    uint8_t ch = c->data[poff + i];
                    if (ch == 0) break;
                    if (ch < 0x80) {
                        s[n++] = ch;
                    } else {
                        s[n++] = 0xef;
                        s[n++] = 0xbf;
                        s[n++] = 0xbd;
                    }
                }
                s[n] = 0;
                tw_add_ptr(p, HF(F_RESET_CAUSE), poff, cap_left, s, n);
            }
        }
        return TW_OK;
    }
    uint32_t rep_left = c->end > poff ? c->end - poff : 0;
    r = tw_add_ptr(p, HF(F_PAYLOAD), poff, cap_left, c->data + poff, cap_left);
    if (labels) tw_rec_label(p, r, "TCP payload (%u byte%s)", rep_left, rep_left == 1 ? "" : "s");
    if (ta_payload_withheld(p, c, start, rep, &tres, cap_left, rep_left, can)) return TW_OK;
    if (!up) return TW_OK;
    if (can) {
        uint32_t base = cv->fl[dir].base_set ? cv->fl[dir].base_seq : 0;
        desegment(p, &cv->fl[dir], &pl, seq - base, seq - base + seglen, &sc);
        return TW_OK;
    }
    if (tres.flags & (TA_RETRANSMISSION | TA_OUT_OF_ORDER)) return TW_OK;
    /* the protocol above runs next, in the chain; it cannot ask for more bytes */
    p->deseg.can = false;
    p->deseg.layer = p->nlayers;
    p->deseg.tcp_rec = p->layers[p->nlayers - 1].rec;
    p->deseg.pdu_size_hf = HF(F_PDU_SIZE);
    if (sc.sub_key)
        tw_next(p, TW_TBL_NAME, sc.sub_key, pl);
    else if (lo == 0)
        tw_next(p, TW_TBL_TCP_PORT, hi, pl);
    else
        tw_next2(p, TW_TBL_TCP_PORT, k1, k2, pl);
    return TW_OK;
#undef SUMMARY
}

static const struct tw_binding bindings[] = {{TW_TBL_IP_PROTO, 6}};

const struct tw_proto tw_proto_tcp = {
    .abbrev = "tcp",
    .name = "Transmission Control Protocol",
    .short_name = "TCP",
    .fields = fields,
    .nfields = F_COUNT,
    .experts = experts,
    .nexperts = E_COUNT,
    .bindings = bindings,
    .nbindings = TW_ARRAY_LEN(bindings),
    .dissect = dissect,
    .init = tcp_init,
    .ids = &ids,
};

/* Multipath TCP has a protocol of its own in Wireshark ("mptcp"), run for each kind-30 option. */
static const struct tw_binding mptcp_bindings[] = {{TW_TBL_NAME, TW_KEY_MPTCP}};

const struct tw_proto tw_proto_mptcp = {
    .abbrev = "mptcp",
    .name = "Multipath Transmission Control Protocol",
    .short_name = "MPTCP",
    .bindings = mptcp_bindings,
    .nbindings = TW_ARRAY_LEN(mptcp_bindings),
    .dissect = mptcp_dissect,
    .ids = &mptcp_ids,
};
