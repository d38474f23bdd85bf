/* Precision Time Protocol, IEEE 1588 version 2, over Ethernet (EtherType 0x88F7) and UDP
 * (event port 319, general port 320), as tshark 4.0 shows it ("ptp", fields ptp.v2.*).
 *
 * The 34-byte common header:
 *   majorSdoId(4) messageType(4) | minorVersionPTP(4) versionPTP(4) | messageLength(2) |
 *   domainNumber | minorSdoId | flags(2) | correctionField(8, ns << 16) |
 *   messageTypeSpecific(4) | sourcePortIdentity (clockIdentity(8) portNumber(2)) |
 *   sequenceId(2) | controlField | logMessagePeriod
 * then the message body: Timestamps are 48-bit seconds + 32-bit nanoseconds; port identities
 * are an 8-byte clock identity and a 2-byte port number. The message claims messageLength
 * bytes, so the Ethernet bytes after it are padding.
 *
 * Not done: PTPv1, the TLVs of Announce / Signaling / Management messages (the management
 * header up to its action field is shown), tshark's Sync/Follow_Up analysis (off by default).
 */
#include "../dissect.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

static struct tw_proto_ids ids;
#define HF(x) ((uint16_t)(ids.base + (x)))

enum {
    F_MAJORSDOID,
    F_MSGTYPE,
    F_MINORVER,
    F_VERSION,
    F_MSGLEN,
    F_DOMAIN,
    F_MINORSDOID,
    F_FLAGS,
    F_FL_SECURITY,
    F_FL_SPECIFIC2,
    F_FL_SPECIFIC1,
    F_FL_UNICAST,
    F_FL_TWOSTEP,
    F_FL_ALTMASTER,
    F_FL_SYNCUNCERT,
    F_FL_FREQTRACE,
    F_FL_TIMETRACE,
    F_FL_TIMESCALE,
    F_FL_UTCREASON,
    F_FL_LI59,
    F_FL_LI61,
    F_CORR_NS,
    F_CORR_SUBNS,
    F_MSGSPECIFIC,
    F_CLOCKID,
    F_CLOCKID_MANUF,
    F_SRCPORTID,
    F_SEQID,
    F_CONTROL,
    F_LOGPERIOD,
    /* Sync, Delay_Req */
    F_SDR_TS_S,
    F_SDR_TS_NS,
    /* Follow_Up */
    F_FU_TS_S,
    F_FU_TS_NS,
    /* Delay_Resp */
    F_DR_TS_S,
    F_DR_TS_NS,
    F_DR_REQ_ID,
    F_DR_REQ_PORT,
    /* Announce */
    F_AN_TS_S,
    F_AN_TS_NS,
    F_AN_UTCOFF,
    F_AN_PRIO1,
    F_AN_GMCLASS,
    F_AN_GMACC,
    F_AN_GMVAR,
    F_AN_PRIO2,
    F_AN_GMID,
    F_AN_STEPS,
    F_TIMESOURCE,
    /* Peer delay */
    F_PDRQ_TS_S,
    F_PDRQ_TS_NS,
    F_PDRS_TS_S,
    F_PDRS_TS_NS,
    F_PDRS_REQ_ID,
    F_PDRS_REQ_PORT,
    F_PDFU_TS_S,
    F_PDFU_TS_NS,
    F_PDFU_REQ_ID,
    F_PDFU_REQ_PORT,
    /* Signaling, Management */
    F_SIG_TARGET_ID,
    F_SIG_TARGET_PORT,
    F_MM_TARGET_ID,
    F_MM_TARGET_PORT,
    F_MM_START_HOPS,
    F_MM_HOPS,
    F_MM_ACTION,
    F_MM_TLVTYPE,
    F_MM_TLVLEN,
    F_MM_ID,
    F_MM_DATA,
    F_COUNT
};

static const struct tw_vs majorsdo_vals[] = {{1, "gPTP Domain"}, {2, "CMLDS"}, {0, NULL}};
static const struct tw_vs msgtype_vals[] = {{0, "Sync Message"},
                                            {1, "Delay_Req Message"},
                                            {2, "Peer_Delay_Req Message"},
                                            {3, "Peer_Delay_Resp Message"},
                                            {8, "Follow_Up Message"},
                                            {9, "Delay_Resp Message"},
                                            {10, "Peer_Delay_Resp_Follow_Up Message"},
                                            {11, "Announce Message"},
                                            {12, "Signalling Message"},
                                            {13, "Management Message"},
                                            {0, NULL}};
static const struct tw_vs control_vals[] = {{0, "Sync Message"},
                                            {1, "Delay_Req Message"},
                                            {2, "Follow_Up Message"},
                                            {3, "Delay_Resp Message"},
                                            {4, "Management Message"},
                                            {5, "Other Message"},
                                            {0, NULL}};
static const struct tw_vs timesource_vals[] = {{0x10, "ATOMIC_CLOCK"},
                                               {0x20, "GPS"},
                                               {0x30, "TERRESTRIAL_RADIO"},
                                               {0x40, "PTP"},
                                               {0x50, "NTP"},
                                               {0x60, "HAND_SET"},
                                               {0x90, "OTHER"},
                                               {0xa0, "INTERNAL_OSCILLATOR"},
                                               {0xff, "reserved"},
                                               {0, NULL}};
static const struct tw_vs accuracy_vals[] = {{0x20, "The time is accurate to within 25 ns"},
                                             {0x21, "The time is accurate to within 100 ns"},
                                             {0x22, "The time is accurate to within 250 ns"},
                                             {0x23, "The time is accurate to within 1 us"},
                                             {0x24, "The time is accurate to within 2,5 us"},
                                             {0x25, "The time is accurate to within 10 us"},
                                             {0x26, "The time is accurate to within 25 us"},
                                             {0x27, "The time is accurate to within 100 us"},
                                             {0x28, "The time is accurate to within 250 us"},
                                             {0x29, "The time is accurate to within 1 ms"},
                                             {0x2a, "The time is accurate to within 2,5 ms"},
                                             {0x2b, "The time is accurate to within 10 ms"},
                                             {0x2c, "The time is accurate to within 25 ms"},
                                             {0x2d, "The time is accurate to within 100 ms"},
                                             {0x2e, "The time is accurate to within 250 ms"},
                                             {0x2f, "The time is accurate to within 1 s"},
                                             {0x30, "The time is accurate to within 10 s"},
                                             {0x31, "The time is accurate to >10 s"},
                                             {0x32, "reserved"},
                                             {0x80, "For use by alternate PTP profiles"},
                                             {0xfe, "Accuracy Unknown"},
                                             {0xff, "reserved"},
                                             {0, NULL}};
static const struct tw_vs tlvtype_vals[] = {{0, "Reserved"},
                                            {1, "Management"},
                                            {2, "Management error status"},
                                            {3, "Organization extension"},
                                            {4, "Request unicast transmission"},
                                            {5, "Grant unicast transmission"},
                                            {6, "Cancel unicast transmission"},
                                            {7, "Acknowledge cancel unicast transmission"},
                                            {8, "Path trace"},
                                            {9, "Alternate time offset indicator"},
                                            {0x2000, "Authentication"},
                                            {0x2001, "Authentication challenge"},
                                            {0x2002, "Security association update"},
                                            {0x2003, "Cum. freq. scale factor offset"},
                                            {0, NULL}};
static const struct tw_vs mgmtid_vals[] = {{0, "NULL_MANAGEMENT"},
                                           {1, "CLOCK_DESCRIPTION"},
                                           {2, "USER_DESCRIPTION"},
                                           {3, "SAVE_IN_NON_VOLATILE_STORAGE"},
                                           {4, "RESET_NON_VOLATILE_STORAGE"},
                                           {5, "INITIALIZE"},
                                           {6, "FAULT_LOG"},
                                           {7, "FAULT_LOG_RESET"},
                                           {8192, "DEFAULT_DATA_SET"},
                                           {8193, "CURRENT_DATA_SET"},
                                           {8194, "PARENT_DATA_SET"},
                                           {8195, "TIME_PROPERTIES_DATA_SET"},
                                           {8196, "PORT_DATA_SET"},
                                           {8197, "PRIORITY1"},
                                           {8198, "PRIORITY2"},
                                           {8199, "DOMAIN"},
                                           {8200, "SLAVE_ONLY"},
                                           {8201, "LOG_ANNOUNCE_INTERVAL"},
                                           {8202, "ANNOUNCE_RECEIPT_TIMEOUT"},
                                           {8203, "LOG_SYNC_INTERVAL"},
                                           {8204, "VERSION_NUMBER"},
                                           {8205, "ENABLE_PORT"},
                                           {8206, "DISABLE_PORT"},
                                           {8207, "TIME"},
                                           {8208, "CLOCK_ACCURACY"},
                                           {8209, "UTC_PROPERTIES"},
                                           {8210, "TRACEABILITY_PROPERTIES"},
                                           {8211, "TIMESCALE_PROPERTIES"},
                                           {8212, "UNICAST_NEGOTIATION_ENABLE"},
                                           {8213, "PATH_TRACE_LIST"},
                                           {8214, "PATH_TRACE_ENABLE"},
                                           {8215, "GRANDMASTER_CLUSTER_TABLE"},
                                           {8216, "UNICAST_MASTER_TABLE"},
                                           {8217, "UNICAST_MASTER_MAX_TABLE_SIZE"},
                                           {8218, "ACCEPTABLE_MASTER_TABLE"},
                                           {8219, "ACCEPTABLE_MASTER_TABLE_ENABLED"},
                                           {8220, "ACCEPTABLE_MASTER_MAX_TABLE_SIZE"},
                                           {8221, "ALTERNATE_MASTER"},
                                           {8222, "ALTERNATE_TIME_OFFSET_ENABLE"},
                                           {8223, "ALTERNATE_TIME_OFFSET_NAME"},
                                           {8224, "ALTERNATE_TIME_OFFSET_MAX_KEY"},
                                           {8225, "ALTERNATE_TIME_OFFSET_PROPERTIES"},
                                           {16384, "TC_DEFAULT_DATA_SET"},
                                           {16385, "TC_PORT_DATA_SET"},
                                           {16386, "PRIMARY_DOMAIN"},
                                           {24576, "DELAY_MECHANISM"},
                                           {24577, "LOG_MIN_PDELAY_REQ_INTERVAL"},
                                           {0, NULL}};
/* the Info column's names of the data sets (the others: the managementId name) */
static const struct tw_vs mgmtid_info_vals[] = {
    {1, "Clock description"}, {8192, "Default dataset"}, {8193, "Current dataset"},
    {8194, "Parent dataset"}, {8196, "Port dataset"},    {0, NULL}};
static const struct tw_vs action_vals[] = {{0, "GET"},     {1, "SET"},         {2, "RESPONSE"},
                                           {3, "COMMAND"}, {4, "ACKNOWLEDGE"}, {0, NULL}};

#define FLAG(abbr, name, bit)                                                                      \
    {                                                                                              \
        abbr, name, TW_FT_BOOLEAN, 16, bit, NULL, NULL, &tw_tfs_true_false                         \
    }
#define U64(abbr, name, base)                                                                      \
    {                                                                                              \
        abbr, name, TW_FT_UINT64, base                                                             \
    }
#define I32(abbr, name)                                                                            \
    {                                                                                              \
        abbr, name, TW_FT_INT32, TW_BASE_DEC                                                       \
    }
#define U16(abbr, name)                                                                            \
    {                                                                                              \
        abbr, name, TW_FT_UINT16, TW_BASE_DEC                                                      \
    }

static const struct tw_field_def fields[F_COUNT] = {
    [F_MAJORSDOID] = {"ptp.v2.majorsdoid", "majorSdoId", TW_FT_UINT8, TW_BASE_HEX, 0xf0,
                      majorsdo_vals},
    [F_MSGTYPE] = {"ptp.v2.messagetype", "messageType", TW_FT_UINT8, TW_BASE_HEX, 0x0f,
                   msgtype_vals},
    [F_MINORVER] = {"ptp.v2.minorversionptp", "minorVersionPTP", TW_FT_UINT8, TW_BASE_DEC, 0xf0},
    [F_VERSION] = {"ptp.v2.versionptp", "versionPTP", TW_FT_UINT8, TW_BASE_DEC, 0x0f},
    [F_MSGLEN] = U16("ptp.v2.messagelength", "messageLength"),
    [F_DOMAIN] = {"ptp.v2.domainnumber", "domainNumber", TW_FT_UINT8, TW_BASE_DEC},
    [F_MINORSDOID] = {"ptp.v2.minorsdoid", "minorSdoId", TW_FT_UINT8, TW_BASE_DEC},
    [F_FLAGS] = {"ptp.v2.flags", "flags", TW_FT_UINT16, TW_BASE_HEX},
    [F_FL_SECURITY] = FLAG("ptp.v2.flags.security", "PTP_SECURITY", 0x8000),
    [F_FL_SPECIFIC2] = FLAG("ptp.v2.flags.specific2", "PTP profile Specific 2", 0x4000),
    [F_FL_SPECIFIC1] = FLAG("ptp.v2.flags.specific1", "PTP profile Specific 1", 0x2000),
    [F_FL_UNICAST] = FLAG("ptp.v2.flags.unicast", "PTP_UNICAST", 0x0400),
    [F_FL_TWOSTEP] = FLAG("ptp.v2.flags.twostep", "PTP_TWO_STEP", 0x0200),
    [F_FL_ALTMASTER] = FLAG("ptp.v2.flags.alternatemaster", "PTP_ALTERNATE_MASTER", 0x0100),
    [F_FL_SYNCUNCERT] =
        FLAG("ptp.v2.flags.synchronizationUncertain", "SYNCHRONIZATION_UNCERTAIN", 0x0040),
    [F_FL_FREQTRACE] = FLAG("ptp.v2.flags.frequencytraceable", "FREQUENCY_TRACEABLE", 0x0020),
    [F_FL_TIMETRACE] = FLAG("ptp.v2.flags.timetraceable", "TIME_TRACEABLE", 0x0010),
    [F_FL_TIMESCALE] = FLAG("ptp.v2.flags.timescale", "PTP_TIMESCALE", 0x0008),
    [F_FL_UTCREASON] = FLAG("ptp.v2.flags.utcreasonable", "PTP_UTC_REASONABLE", 0x0004),
    [F_FL_LI59] = FLAG("ptp.v2.flags.li59", "PTP_LI_59", 0x0002),
    [F_FL_LI61] = FLAG("ptp.v2.flags.li61", "PTP_LI_61", 0x0001),
    [F_CORR_NS] = U64("ptp.v2.correction.ns", "correction", TW_BASE_DEC),
    [F_CORR_SUBNS] = {"ptp.v2.correction.subns", "correctionSubNs", TW_FT_DOUBLE, TW_BASE_NONE},
    [F_MSGSPECIFIC] = {"ptp.v2.messagetypespecific", "messageTypeSpecific", TW_FT_UINT32,
                       TW_BASE_DEC},
    [F_CLOCKID] = U64("ptp.v2.clockidentity", "ClockIdentity", TW_BASE_HEX),
    [F_CLOCKID_MANUF] = {"ptp.v2.clockidentity_manuf", "MAC Vendor", TW_FT_BYTES, TW_BASE_NONE},
    [F_SRCPORTID] = U16("ptp.v2.sourceportid", "SourcePortID"),
    [F_SEQID] = U16("ptp.v2.sequenceid", "sequenceId"),
    [F_CONTROL] = {"ptp.v2.controlfield", "controlField", TW_FT_UINT8, TW_BASE_DEC, 0,
                   control_vals},
    [F_LOGPERIOD] = {"ptp.v2.logmessageperiod", "logMessagePeriod", TW_FT_INT8, TW_BASE_DEC},
    [F_SDR_TS_S] =
        U64("ptp.v2.sdr.origintimestamp.seconds", "originTimestamp (seconds)", TW_BASE_DEC),
    [F_SDR_TS_NS] = I32("ptp.v2.sdr.origintimestamp.nanoseconds", "originTimestamp (nanoseconds)"),
    [F_FU_TS_S] = U64("ptp.v2.fu.preciseorigintimestamp.seconds",
                      "preciseOriginTimestamp (seconds)", TW_BASE_DEC),
    [F_FU_TS_NS] = {"ptp.v2.fu.preciseorigintimestamp.nanoseconds",
                    "preciseOriginTimestamp (nanoseconds)", TW_FT_UINT32, TW_BASE_DEC},
    [F_DR_TS_S] =
        U64("ptp.v2.dr.receivetimestamp.seconds", "receiveTimestamp (seconds)", TW_BASE_DEC),
    [F_DR_TS_NS] = I32("ptp.v2.dr.receivetimestamp.nanoseconds", "receiveTimestamp (nanoseconds)"),
    [F_DR_REQ_ID] =
        U64("ptp.v2.dr.requestingsourceportidentity", "requestingSourcePortIdentity", TW_BASE_HEX),
    [F_DR_REQ_PORT] = U16("ptp.v2.dr.requestingsourceportid", "requestingSourcePortId"),
    [F_AN_TS_S] =
        U64("ptp.v2.an.origintimestamp.seconds", "originTimestamp (seconds)", TW_BASE_DEC),
    [F_AN_TS_NS] = I32("ptp.v2.an.origintimestamp.nanoseconds", "originTimestamp (nanoseconds)"),
    [F_AN_UTCOFF] = {"ptp.v2.an.origincurrentutcoffset", "originCurrentUTCOffset", TW_FT_INT16,
                     TW_BASE_DEC},
    [F_AN_PRIO1] = {"ptp.v2.an.priority1", "priority1", TW_FT_UINT8, TW_BASE_DEC},
    [F_AN_GMCLASS] = {"ptp.v2.an.grandmasterclockclass", "grandmasterClockClass", TW_FT_UINT8,
                      TW_BASE_DEC},
    [F_AN_GMACC] = {"ptp.v2.an.grandmasterclockaccuracy", "grandmasterClockAccuracy", TW_FT_UINT8,
                    TW_BASE_HEX, 0, accuracy_vals},
    [F_AN_GMVAR] = U16("ptp.v2.an.grandmasterclockvariance", "grandmasterClockVariance"),
    [F_AN_PRIO2] = {"ptp.v2.an.priority2", "priority2", TW_FT_UINT8, TW_BASE_DEC},
    [F_AN_GMID] =
        U64("ptp.v2.an.grandmasterclockidentity", "grandmasterClockIdentity", TW_BASE_HEX),
    [F_AN_STEPS] = U16("ptp.v2.an.localstepsremoved", "localStepsRemoved"),
    [F_TIMESOURCE] = {"ptp.v2.timesource", "TimeSource", TW_FT_UINT8, TW_BASE_HEX, 0,
                      timesource_vals},
    [F_PDRQ_TS_S] =
        U64("ptp.v2.pdrq.origintimestamp.seconds", "originTimestamp (seconds)", TW_BASE_DEC),
    [F_PDRQ_TS_NS] =
        I32("ptp.v2.pdrq.origintimestamp.nanoseconds", "originTimestamp (nanoseconds)"),
    [F_PDRS_TS_S] = U64("ptp.v2.pdrs.requestreceipttimestamp.seconds",
                        "requestreceiptTimestamp (seconds)", TW_BASE_DEC),
    [F_PDRS_TS_NS] = I32("ptp.v2.pdrs.requestreceipttimestamp.nanoseconds",
                         "requestreceiptTimestamp (nanoseconds)"),
    [F_PDRS_REQ_ID] =
        U64("ptp.v2.pdrs.requestingportidentity", "requestingSourcePortIdentity", TW_BASE_HEX),
    [F_PDRS_REQ_PORT] = U16("ptp.v2.pdrs.requestingsourceportid", "requestingSourcePortId"),
    [F_PDFU_TS_S] = U64("ptp.v2.pdfu.responseorigintimestamp.seconds",
                        "responseOriginTimestamp (seconds)", TW_BASE_DEC),
    [F_PDFU_TS_NS] = I32("ptp.v2.pdfu.responseorigintimestamp.nanoseconds",
                         "responseOriginTimestamp (nanoseconds)"),
    [F_PDFU_REQ_ID] =
        U64("ptp.v2.pdfu.requestingportidentity", "requestingSourcePortIdentity", TW_BASE_HEX),
    [F_PDFU_REQ_PORT] = U16("ptp.v2.pdfu.requestingsourceportid", "requestingSourcePortId"),
    [F_SIG_TARGET_ID] = U64("ptp.v2.sig.targetportidentity", "targetPortIdentity", TW_BASE_HEX),
    [F_SIG_TARGET_PORT] = U16("ptp.v2.sig.targetportid", "targetPortId"),
    [F_MM_TARGET_ID] = U64("ptp.v2.mm.targetportidentity", "targetPortIdentity", TW_BASE_HEX),
    [F_MM_TARGET_PORT] = U16("ptp.v2.mm.targetportid", "targetPortId"),
    [F_MM_START_HOPS] = {"ptp.v2.mm.startingboundaryhops", "startingBoundaryHops", TW_FT_UINT8,
                         TW_BASE_DEC},
    [F_MM_HOPS] = {"ptp.v2.mm.boundaryhops", "boundaryHops", TW_FT_UINT8, TW_BASE_DEC},
    [F_MM_ACTION] = {"ptp.v2.mm.action", "action", TW_FT_UINT8, TW_BASE_DEC, 0x0f, action_vals},
    [F_MM_TLVTYPE] = {"ptp.v2.mm.tlvType", "tlvType", TW_FT_UINT16, TW_BASE_DEC, 0, tlvtype_vals},
    [F_MM_TLVLEN] = U16("ptp.v2.mm.lengthField", "lengthField"),
    [F_MM_ID] = {"ptp.v2.mm.managementId", "managementId", TW_FT_UINT16, TW_BASE_DEC, 0,
                 mgmtid_vals},
    [F_MM_DATA] = {"ptp.v2.mm.data", "data", TW_FT_BYTES, TW_BASE_NONE},
};

static uint64_t rd(const uint8_t *b, unsigned n)
{
    uint64_t v = 0;
    for (unsigned i = 0; i < n; i++) v = v << 8 | b[i];
    return v;
}

/* [off, off+n) inside the message and the captured bytes? else the cursor records why */
static bool have(struct tw_cur *c, uint32_t off, uint32_t n)
{
    struct tw_cur t = *c;
    t.off = off;
    if (tw_cur_need(&t, n)) return true;
    if (!c->err) c->err = t.err;
    return false;
}

static bool add_u(struct tw_pkt *p, struct tw_cur *c, int f, uint32_t off, unsigned n)
{
    if (!have(c, off, n)) return false;
    tw_add_uint(p, HF(f), off, n, rd(c->data + off, n));
    return true;
}

static bool add_i32(struct tw_pkt *p, struct tw_cur *c, int f, uint32_t off)
{
    if (!have(c, off, 4)) return false;
    tw_add_int(p, HF(f), off, 4, (int32_t)(uint32_t)rd(c->data + off, 4));
    return true;
}

/* a Timestamp: 48-bit seconds, 32-bit nanoseconds (signed in most of tshark's fields) */
static bool add_ts(struct tw_pkt *p, struct tw_cur *c, int fs, int fns, uint32_t off,
                   bool ns_unsigned)
{
    if (!add_u(p, c, fs, off, 6)) return false;
    return ns_unsigned ? add_u(p, c, fns, off + 6, 4) : add_i32(p, c, fns, off + 6);
}

/* an 8-byte clock identity, with the vendor of the MAC address it was made from (EUI-48 with
 * ff:fe inserted in the middle) */
static bool add_clockid(struct tw_pkt *p, struct tw_cur *c, int f, uint32_t off, bool manuf)
{
    if (!have(c, off, 8)) return false;
    const uint8_t *b = c->data + off;
    int32_t r = tw_add_uint(p, HF(f), off, 8, rd(b, 8));
    if (manuf && b[3] == 0xff && b[4] == 0xfe) {
        tw_tree_push(p, r);
        int32_t m = tw_add_ptr(p, HF(F_CLOCKID_MANUF), off, 3, b, 3);
        if (m >= 0 && tw_want_labels(p)) {
            /* the vendor's short name (tshark's manuf column), else the three bytes */
            const uint8_t a[6] = {b[0], b[1], b[2], 0, 0, 0};
            const char *vn = tw_ether_name(a);
            size_t n = strlen(vn);
            if (n > 9 && strcmp(vn + n - 9, "_00:00:00") == 0)
                tw_rec_label(p, m, "MAC Vendor: %.*s", (int)(n - 9), vn);
            else
                tw_rec_label(p, m, "MAC Vendor: %02x:%02x:%02x", b[0], b[1], b[2]);
        }
        tw_tree_pop(p);
    }
    return true;
}

static void header(struct tw_pkt *p, struct tw_cur *c, uint32_t s)
{
    const uint8_t *h = c->data + s;
    tw_add_bits(p, HF(F_MAJORSDOID), s, 1, h[0]);
    tw_add_bits(p, HF(F_MSGTYPE), s, 1, h[0]);
    tw_add_bits(p, HF(F_MINORVER), s + 1, 1, h[1]);
    tw_add_bits(p, HF(F_VERSION), s + 1, 1, h[1]);
    if (!add_u(p, c, F_MSGLEN, s + 2, 2)) return;
    if (!add_u(p, c, F_DOMAIN, s + 4, 1)) return;
    if (!add_u(p, c, F_MINORSDOID, s + 5, 1)) return;
    if (!have(c, s + 6, 2)) return;
    uint32_t fl = (uint32_t)rd(h + 6, 2);
    int32_t r = tw_add_uint(p, HF(F_FLAGS), s + 6, 2, fl);
    tw_tree_push(p, r);
    for (int f = F_FL_SECURITY; f <= F_FL_LI61; f++) tw_add_bits(p, HF(f), s + 6, 2, fl);
    tw_tree_pop(p);
    if (!have(c, s + 8, 8)) return;
    int64_t corr = (int64_t)rd(h + 8, 8);
    int64_t ns = corr / 65536; /* arithmetic shift of the scaled value */
    if (corr < 0 && corr % 65536) ns--;
    uint32_t sub = (uint32_t)(corr & 0xffff);
    r = -1;
    if (tw_want_labels(p))
        r = tw_add_text_(p, s + 8, 8, "correctionField: %f nanoseconds",
                         (double)ns + sub / 65536.0);
    tw_tree_push(p, r);
    int32_t rn = tw_add_uint(p, HF(F_CORR_NS), s + 8, 6, (uint64_t)ns);
    tw_rec_label(p, rn, "correction: Ns: %" PRId64 " nanoseconds", ns);
    tw_add_double(p, HF(F_CORR_SUBNS), s + 14, 2, sub / 65536.0);
    tw_tree_pop(p);
    if (!add_u(p, c, F_MSGSPECIFIC, s + 16, 4)) return;
    if (!add_clockid(p, c, F_CLOCKID, s + 20, true)) return;
    if (!add_u(p, c, F_SRCPORTID, s + 28, 2)) return;
    if (!add_u(p, c, F_SEQID, s + 30, 2)) return;
    if (!add_u(p, c, F_CONTROL, s + 32, 1)) return;
    if (!have(c, s + 33, 1)) return;
    tw_add_int(p, HF(F_LOGPERIOD), s + 33, 1, (int8_t)h[33]);
}

/* the management TLV: type, length, managementId and its data (not broken down yet) */
static void mgmt_tlv(struct tw_pkt *p, struct tw_cur *c, uint32_t o)
{
    if (!add_u(p, c, F_MM_TLVTYPE, o, 2) || !have(c, o + 2, 2)) return;
    uint32_t len = (uint32_t)rd(c->data + o + 2, 2);
    tw_add_uint(p, HF(F_MM_TLVLEN), o + 2, 2, len);
    if (len < 2 || !add_u(p, c, F_MM_ID, o + 4, 2)) return;
    if (len > 2 && have(c, o + 6, len - 2)) tw_add_bytes(p, HF(F_MM_DATA), c, o + 6, len - 2);
}

static void body(struct tw_pkt *p, struct tw_cur *c, uint32_t s, uint8_t type)
{
    uint32_t o = s + 34;
    switch (type) {
    case 0x0: /* Sync */
    case 0x1: /* Delay_Req */
        add_ts(p, c, F_SDR_TS_S, F_SDR_TS_NS, o, false);
        break;
    case 0x8: /* Follow_Up */
        add_ts(p, c, F_FU_TS_S, F_FU_TS_NS, o, true);
        break;
    case 0x9: /* Delay_Resp */
        if (add_ts(p, c, F_DR_TS_S, F_DR_TS_NS, o, false) &&
            add_clockid(p, c, F_DR_REQ_ID, o + 10, false))
            add_u(p, c, F_DR_REQ_PORT, o + 18, 2);
        break;
    case 0x2: /* Pdelay_Req */
        add_ts(p, c, F_PDRQ_TS_S, F_PDRQ_TS_NS, o, false);
        break;
    case 0x3: /* Pdelay_Resp */
        if (add_ts(p, c, F_PDRS_TS_S, F_PDRS_TS_NS, o, false) &&
            add_clockid(p, c, F_PDRS_REQ_ID, o + 10, false))
            add_u(p, c, F_PDRS_REQ_PORT, o + 18, 2);
        break;
    case 0xa: /* Pdelay_Resp_Follow_Up */
        if (add_ts(p, c, F_PDFU_TS_S, F_PDFU_TS_NS, o, false) &&
            add_clockid(p, c, F_PDFU_REQ_ID, o + 10, false))
            add_u(p, c, F_PDFU_REQ_PORT, o + 18, 2);
        break;
    case 0xb: /* Announce */
        if (!add_ts(p, c, F_AN_TS_S, F_AN_TS_NS, o, false)) break;
        if (!have(c, o + 10, 2)) break;
        tw_add_int(p, HF(F_AN_UTCOFF), o + 10, 2, (int16_t)(uint16_t)rd(c->data + o + 10, 2));
        /* o + 12 is reserved */
        if (!add_u(p, c, F_AN_PRIO1, o + 13, 1) || !add_u(p, c, F_AN_GMCLASS, o + 14, 1) ||
            !add_u(p, c, F_AN_GMACC, o + 15, 1) || !add_u(p, c, F_AN_GMVAR, o + 16, 2) ||
            !add_u(p, c, F_AN_PRIO2, o + 18, 1) || !add_clockid(p, c, F_AN_GMID, o + 19, false) ||
            !add_u(p, c, F_AN_STEPS, o + 27, 2))
            break;
        add_u(p, c, F_TIMESOURCE, o + 29, 1);
        break;
    case 0xc: /* Signaling */
        if (add_clockid(p, c, F_SIG_TARGET_ID, o, false)) add_u(p, c, F_SIG_TARGET_PORT, o + 8, 2);
        break;
    case 0xd: /* Management */
        if (!add_clockid(p, c, F_MM_TARGET_ID, o, false) ||
            !add_u(p, c, F_MM_TARGET_PORT, o + 8, 2) || !add_u(p, c, F_MM_START_HOPS, o + 10, 1) ||
            !add_u(p, c, F_MM_HOPS, o + 11, 1) || !have(c, o + 12, 1))
            break;
        tw_add_bits(p, HF(F_MM_ACTION), o + 12, 1, c->data[o + 12]);
        mgmt_tlv(p, c, o + 14);
        break;
    default:
        break;
    }
}

static enum tw_status dissect(struct tw_pkt *p, struct tw_cur *c)
{
    const uint32_t s = c->off;
    tw_col_proto(p, "PTPv2");
    if (!have(c, s, 2)) return c->err == TW_CUR_TRUNCATED ? TW_TRUNCATED : TW_MALFORMED;
    const uint8_t *h = c->data + s;
    if ((h[1] & 0x0f) != 2) {
        /* PTPv1 (and anything else): not dissected */
        tw_col_proto(p, "PTP");
        tw_info_set(p, "");
        tw_next(p, TW_TBL_NAME, TW_KEY_DATA, *c);
        return TW_OK;
    }
    uint8_t type = h[0] & 0x0f;
    const char *tn = tw_vs_find(msgtype_vals, type);
    if (type == 0xd && have(c, s + 48, 1) && c->err == 0) {
        uint32_t id = have(c, s + 52, 2) ? (uint32_t)rd(h + 52, 2) : 0;
        const char *in = tw_vs_find(mgmtid_info_vals, id);
        if (!in) in = tw_vs_find(mgmtid_vals, id);
        const char *an = tw_vs_find(action_vals, h[46] & 0x0f);
        tw_info_set(p, "");
        tw_info_printf(p, "Management (%s) %s", in ? in : "Unknown", an ? an : "Unknown");
    } else {
        tw_info_set(p, tn ? tn : "Unknown message");
    }
    if (have(c, s + 2, 2)) {
        uint32_t len = (uint32_t)rd(h + 2, 2);
        if (len >= 4 && s + len <= c->end) {
            c->end = s + len;
            tw_layer_setlen(p, len);
            tw_layer_claim(p, len);
        }
    }
    c->err = 0;
    header(p, c, s);
    if (!c->err) body(p, c, s, type);
    if (c->err) return c->err == TW_CUR_TRUNCATED ? TW_TRUNCATED : TW_MALFORMED;
    return TW_OK;
}

static const struct tw_binding bindings[] = {
    {TW_TBL_ETHERTYPE, 0x88f7}, {TW_TBL_UDP_PORT, 319}, {TW_TBL_UDP_PORT, 320}};

const struct tw_proto tw_proto_ptp = {
    .abbrev = "ptp",
    .name = "Precision Time Protocol (IEEE1588)",
    .short_name = "PTP",
    .fields = fields,
    .nfields = F_COUNT,
    .bindings = bindings,
    .nbindings = TW_ARRAY_LEN(bindings),
    .dissect = dissect,
    .ids = &ids,
};
