/* NetBIOS Name Service: RFC 1001 section 15 and RFC 1002 section 4.2, on UDP 137 (tshark 4.0
 * binds no TCP port to it). A DNS-like header, questions and resource records whose names are
 * NetBIOS names in first-level encoding (each nibble of the 16-byte name plus 'A', then an
 * optional scope ID as further labels), and two record types of its own: NB (name flags and an
 * IPv4 address per entry) and NBSTAT (node status: the node's name table, then its statistics).
 *
 *    0                   1                   2                   3
 *    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |         NAME_TRN_ID           |R| OPCODE|AA|TC|RD|RA|0|0|B| RCODE|
 *   |          QDCOUNT              |           ANCOUNT             |
 *   |          NSCOUNT              |           ARCOUNT             |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   questions: name, type, class; records: name, type, class, TTL, RDLENGTH, RDATA
 *
 * What tshark 4.0 shows, which trawl follows:
 * - Info: the opcode's name (plus " response"), the reply code when not 0, then " TYPE NAME" per
 *   question of a request, " NB <first address>" / " NBSTAT" / " Unknown" per answer of a
 *   response (a WACK adds nothing); the authority and additional sections add nothing.
 * - The ONT sub-fields keep value strings written for the unshifted bits while the value shown
 *   is shifted, so only B-node (0) is ever named there ("ONT: Unknown (3)"); the line of NB flags
 *   appends the right node type from the unshifted bits ("(H-node, unique)").
 * - A node status record's byte count is not reduced for its "number of names" byte, so each
 *   "incomplete entry" check is one byte lenient; a short entry stops that record without
 *   skipping the rest of its data, and the next record is read from there. Each name of the
 *   table is made printable into a buffer as long as the record's own name is in bytes, so
 *   after a 2-byte name pointer only its first character is left ("H<00>").
 * - Reads happen where Wireshark reads: some only when a tree is built, some only when the
 *   Info column is computed (the first address of an NB answer), so a record without the bytes
 *   it claims is malformed in one view and fine in another, as in tshark (one exception: -V -P,
 *   see dissect_rr()).
 */
#include "../dissect.h"
#include "../internal.h"

#include <stdio.h>
#include <string.h>

static struct tw_proto_ids ids;
#define HF(x) ((uint16_t)(ids.base + (x)))
#define EX(x) ((uint16_t)(ids.expert_base + (x)))

enum {
    F_FLAGS,
    F_FL_RESPONSE,
    F_FL_OPCODE,
    F_FL_AUTH,
    F_FL_TRUNC,
    F_FL_RD,
    F_FL_RA,
    F_FL_BCAST,
    F_FL_RCODE,
    F_ID,
    F_COUNT_Q,
    F_COUNT_AN,
    F_COUNT_NS,
    F_COUNT_AR,
    F_NAME_FLAGS,
    F_NAME_FLAGS_GROUP,
    F_NAME_FLAGS_ONT,
    F_NAME_FLAGS_DRG,
    F_NAME_FLAGS_CNF,
    F_NAME_FLAGS_ACT,
    F_NAME_FLAGS_PRM,
    F_NB_FLAGS,
    F_NB_FLAGS_GROUP,
    F_NB_FLAGS_ONT,
    F_TYPE,
    F_CLASS,
    F_NAME,
    F_ADDR,
    F_NUM_NAMES,
    F_UNIT_ID,
    F_JUMPERS,
    F_TEST_RESULT,
    F_VERSION,
    F_PERIOD,
    F_NUM_CRCS,
    F_NUM_ALIGN,
    F_NUM_COLL,
    F_NUM_SEND_ABORTS,
    F_GOOD_SENDS,
    F_GOOD_RECEIVES,
    F_RETRANSMITS,
    F_NO_RESOURCE,
    F_CMD_BLOCKS,
    F_PENDING,
    F_MAX_PENDING,
    F_MAX_TOTAL,
    F_SESSION_SIZE,
    F_DATA,
    F_NETBIOS_NAME,
    F_TTL,
    F_DATA_LENGTH,
    F_COUNT
};

enum { OP_WACK = 7 };
enum { T_NB = 32, T_NBSTAT = 33 };
#define FL_RESPONSE 0x8000u
#define FL_RCODE    0x000fu

static const struct tw_vs opcode_vals[] = {{0, "Name query"},
                                           {5, "Registration"},
                                           {6, "Release"},
                                           {7, "Wait for acknowledgment"},
                                           {8, "Refresh"},
                                           {9, "Refresh (alternate opcode)"},
                                           {15, "Multi-homed registration"},
                                           {0, NULL}};
static const struct tw_vs rcode_vals[] = {{0, "No error"},
                                          {1, "Request was invalidly formatted"},
                                          {2, "Server failure"},
                                          {3, "Requested name does not exist"},
                                          {4, "Request is not implemented"},
                                          {5, "Request was refused"},
                                          {6, "Name is owned by another node"},
                                          {7, "Name is in conflict"},
                                          {0, NULL}};
/* keyed by the unshifted bits, as Wireshark writes them (see the top of the file) */
static const struct tw_vs name_ont_vals[] = {
    {0x0000, "B-node"}, {0x2000, "P-node"}, {0x4000, "M-node"}, {0, NULL}};
static const struct tw_vs nb_ont_vals[] = {
    {0x0000, "B-node"}, {0x2000, "P-node"}, {0x4000, "M-node"}, {0x6000, "H-node"}, {0, NULL}};
static const struct tw_vs type_vals[] = {{T_NB, "NB"}, {T_NBSTAT, "NBSTAT"}, {0, NULL}};
static const struct tw_vs class_vals[] = {{1, "IN"},     {2, "CS"},    {3, "CH"}, {4, "HS"},
                                          {254, "NONE"}, {255, "ANY"}, {0, NULL}};
/* NetBIOS name types (the 16th byte of a name), as Wireshark's NetBIOS dissector names them */
static const struct tw_vs name_type_vals[] = {{0x00, "Workstation/Redirector"},
                                              {0x01, "Browser"},
                                              {0x02, "Workstation/Redirector"},
                                              {0x03, "Messenger service/Main name"},
                                              {0x05, "Forwarded name"},
                                              {0x06, "RAS Server service"},
                                              {0x1b, "Domain Master Browser"},
                                              {0x1c, "Domain Controllers"},
                                              {0x1d, "Local Master Browser"},
                                              {0x1e, "Browser Election Service"},
                                              {0x1f, "Net DDE Service"},
                                              {0x20, "Server service"},
                                              {0x21, "RAS client service"},
                                              {0x22, "Exchange Interchange (MSMail Connector)"},
                                              {0x23, "Exchange Store"},
                                              {0x24, "Exchange Directory"},
                                              {0x2b, "Lotus Notes Server service"},
                                              {0x30, "Modem sharing server service"},
                                              {0x31, "Modem sharing client service"},
                                              {0x43, "SMS Clients Remote Control"},
                                              {0x44, "SMS Administrators Remote Control Tool"},
                                              {0x45, "SMS Clients Remote Chat"},
                                              {0x46, "SMS Clients Remote Transfer"},
                                              {0x4c, "DEC Pathworks TCP/IP Service on Windows NT"},
                                              {0x52, "DEC Pathworks TCP/IP Service on Windows NT"},
                                              {0x6a, "Microsoft Exchange IMC"},
                                              {0x87, "Microsoft Exchange MTA"},
                                              {0xbe, "Network Monitor Agent"},
                                              {0xbf, "Network Monitor Analyzer"},
                                              {0, NULL}};

static const struct tw_tfs tfs_response = {"Message is a response", "Message is a query"};
static const struct tw_tfs tfs_auth = {"Server is an authority for domain",
                                       "Server is not an authority for domain"};
static const struct tw_tfs tfs_trunc = {"Message is truncated", "Message is not truncated"};
static const struct tw_tfs tfs_rd = {"Do query recursively", "Don't do query recursively"};
static const struct tw_tfs tfs_ra = {"Server can do recursive queries",
                                     "Server can't do recursive queries"};
static const struct tw_tfs tfs_bcast = {"Broadcast packet", "Not a broadcast packet"};
static const struct tw_tfs tfs_group = {"Group name", "Unique name"};
#define YN &tw_tfs_yes_no

static const struct tw_field_def fields[F_COUNT] = {
    [F_FLAGS] = {"nbns.flags", "Flags", TW_FT_UINT16, TW_BASE_HEX},
    [F_FL_RESPONSE] = {"nbns.flags.response", "Response", TW_FT_BOOLEAN, 16, 0x8000, NULL, NULL,
                       &tfs_response, "Is the message a response?"},
    [F_FL_OPCODE] = {"nbns.flags.opcode", "Opcode", TW_FT_UINT16, TW_BASE_DEC, 0x7800, opcode_vals,
                     NULL, NULL, "Operation code"},
    [F_FL_AUTH] = {"nbns.flags.authoritative", "Authoritative", TW_FT_BOOLEAN, 16, 0x400, NULL,
                   NULL, &tfs_auth, "Is the server is an authority for the domain?"},
    [F_FL_TRUNC] = {"nbns.flags.truncated", "Truncated", TW_FT_BOOLEAN, 16, 0x200, NULL, NULL,
                    &tfs_trunc, "Is the message truncated?"},
    [F_FL_RD] = {"nbns.flags.recdesired", "Recursion desired", TW_FT_BOOLEAN, 16, 0x100, NULL, NULL,
                 &tfs_rd, "Do query recursively?"},
    [F_FL_RA] = {"nbns.flags.recavail", "Recursion available", TW_FT_BOOLEAN, 16, 0x80, NULL, NULL,
                 &tfs_ra, "Can the server do recursive queries?"},
    [F_FL_BCAST] = {"nbns.flags.broadcast", "Broadcast", TW_FT_BOOLEAN, 16, 0x10, NULL, NULL,
                    &tfs_bcast, "Is this a broadcast packet?"},
    [F_FL_RCODE] = {"nbns.flags.rcode", "Reply code", TW_FT_UINT16, TW_BASE_DEC, 0xf, rcode_vals},
    [F_ID] = {"nbns.id", "Transaction ID", TW_FT_UINT16, TW_BASE_HEX, 0, NULL, NULL, NULL,
              "Identification of transaction"},
    [F_COUNT_Q] = {"nbns.count.queries", "Questions", TW_FT_UINT16, TW_BASE_DEC, 0, NULL, NULL,
                   NULL, "Number of queries in packet"},
    [F_COUNT_AN] = {"nbns.count.answers", "Answer RRs", TW_FT_UINT16, TW_BASE_DEC, 0, NULL, NULL,
                    NULL, "Number of answers in packet"},
    [F_COUNT_NS] = {"nbns.count.auth_rr", "Authority RRs", TW_FT_UINT16, TW_BASE_DEC, 0, NULL, NULL,
                    NULL, "Number of authoritative records in packet"},
    [F_COUNT_AR] = {"nbns.count.add_rr", "Additional RRs", TW_FT_UINT16, TW_BASE_DEC, 0, NULL, NULL,
                    NULL, "Number of additional records in packet"},
    [F_NAME_FLAGS] = {"nbns.name_flags", "Name flags", TW_FT_UINT16, TW_BASE_HEX},
    [F_NAME_FLAGS_GROUP] = {"nbns.name_flags.group", "Name type", TW_FT_BOOLEAN, 16, 0x8000, NULL,
                            NULL, &tfs_group},
    [F_NAME_FLAGS_ONT] = {"nbns.name_flags.ont", "ONT", TW_FT_UINT16, TW_BASE_DEC, 0x6000,
                          name_ont_vals},
    [F_NAME_FLAGS_DRG] = {"nbns.name_flags.drg", "Name is being deregistered", TW_FT_BOOLEAN, 16,
                          0x1000, NULL, NULL, YN},
    [F_NAME_FLAGS_CNF] = {"nbns.name_flags.cnf", "Name is in conflict", TW_FT_BOOLEAN, 16, 0x800,
                          NULL, NULL, YN},
    [F_NAME_FLAGS_ACT] = {"nbns.name_flags.act", "Name is active", TW_FT_BOOLEAN, 16, 0x400, NULL,
                          NULL, YN},
    [F_NAME_FLAGS_PRM] = {"nbns.name_flags.prm", "Permanent node name", TW_FT_BOOLEAN, 16, 0x200,
                          NULL, NULL, YN},
    [F_NB_FLAGS] = {"nbns.nb_flags", "Name flags", TW_FT_UINT16, TW_BASE_HEX},
    [F_NB_FLAGS_GROUP] = {"nbns.nb_flags.group", "Name type", TW_FT_BOOLEAN, 16, 0x8000, NULL, NULL,
                          &tfs_group},
    [F_NB_FLAGS_ONT] = {"nbns.nb_flags.ont", "ONT", TW_FT_UINT16, TW_BASE_DEC, 0x6000, nb_ont_vals},
    [F_TYPE] = {"nbns.type", "Type", TW_FT_UINT16, TW_BASE_DEC, 0, type_vals},
    [F_CLASS] = {"nbns.class", "Class", TW_FT_UINT16, TW_BASE_DEC, 0, class_vals},
    [F_NAME] = {"nbns.name", "Name", TW_FT_STRING},
    [F_ADDR] = {"nbns.addr", "Addr", TW_FT_IPv4},
    [F_NUM_NAMES] = {"nbns.number_of_names", "Number of names", TW_FT_UINT8, TW_BASE_DEC},
    [F_UNIT_ID] = {"nbns.unit_id", "Unit ID", TW_FT_ETHER},
    [F_JUMPERS] = {"nbns.jumpers", "Jumpers", TW_FT_UINT8, TW_BASE_HEX},
    [F_TEST_RESULT] = {"nbns.test_result", "Test result", TW_FT_UINT8, TW_BASE_HEX},
    [F_VERSION] = {"nbns.version_number", "Version number", TW_FT_UINT16, TW_BASE_HEX},
    [F_PERIOD] = {"nbns.period_of_statistics", "Period of statistics", TW_FT_UINT16, TW_BASE_HEX},
    [F_NUM_CRCS] = {"nbns.num_crcs", "Number of CRCs", TW_FT_UINT16, TW_BASE_DEC},
    [F_NUM_ALIGN] = {"nbns.num_alignment_errors", "Number of alignment errors", TW_FT_UINT16,
                     TW_BASE_DEC},
    [F_NUM_COLL] = {"nbns.num_collisions", "Number of collisions", TW_FT_UINT16, TW_BASE_DEC},
    [F_NUM_SEND_ABORTS] = {"nbns.num_send_aborts", "Number of send aborts", TW_FT_UINT16,
                           TW_BASE_DEC},
    [F_GOOD_SENDS] = {"nbns.num_good_sends", "Number of good sends", TW_FT_UINT32, TW_BASE_DEC},
    [F_GOOD_RECEIVES] = {"nbns.num_good_receives", "Number of good receives", TW_FT_UINT32,
                         TW_BASE_DEC},
    [F_RETRANSMITS] = {"nbns.numretransmits", "Number of retransmits", TW_FT_UINT16, TW_BASE_DEC},
    [F_NO_RESOURCE] = {"nbns.num_no_resource_conditions", "Number of no resource conditions",
                       TW_FT_UINT16, TW_BASE_DEC},
    [F_CMD_BLOCKS] = {"nbns.numcommand_blocks", "Number of command blocks", TW_FT_UINT16,
                      TW_BASE_DEC},
    [F_PENDING] = {"nbns.numpending_sessions", "Number of pending sessions", TW_FT_UINT16,
                   TW_BASE_DEC},
    [F_MAX_PENDING] = {"nbns.max_num_pending_sessions", "Max number of pending sessions",
                       TW_FT_UINT16, TW_BASE_DEC},
    [F_MAX_TOTAL] = {"nbns.max_total_sessions_possible", "Max total sessions possible",
                     TW_FT_UINT16, TW_BASE_DEC},
    [F_SESSION_SIZE] = {"nbns.session_data_packet_size", "Session data packet size", TW_FT_UINT16,
                        TW_BASE_DEC},
    [F_DATA] = {"nbns.data", "Data", TW_FT_BYTES},
    [F_NETBIOS_NAME] = {"nbns.netbios_name", "Name", TW_FT_STRING},
    [F_TTL] = {"nbns.ttl", "Time to live", TW_FT_UINT32, TW_BASE_DEC},
    [F_DATA_LENGTH] = {"nbns.data_length", "Data length", TW_FT_UINT16, TW_BASE_DEC},
};

enum { E_INCOMPLETE, E_COUNT };
static const struct tw_expert_def experts[E_COUNT] = {
    [E_INCOMPLETE] = {"nbns.incomplete_entry", "decoder.nbns.incomplete_entry", TW_SEV_ERROR,
                      TW_GRP_MALFORMED, "incomplete entry"},
};

/* ---- the message: absolute offsets, Wireshark's exceptions as a sticky error ---- */
struct msg {
    struct tw_pkt *p;
    const uint8_t *d;
    uint32_t base; /* the message's first byte: name pointers count from here */
    uint32_t end;  /* claimed end */
    uint32_t cap;  /* captured end */
    uint8_t err;   /* TW_CUR_* */
};

/* are [off, off+n) there? past the claimed end is malformed, past the capture truncated; as
 * in Wireshark's tvbuff checks, a start already past the capture (but not past the claimed
 * end) is truncated whatever the length */
static bool need(struct msg *m, uint32_t off, uint32_t n)
{
    if (m->err) return false;
    uint64_t e = (uint64_t)off + n;
    if (off > m->cap && off <= m->end) {
        m->err = TW_CUR_TRUNCATED;
        return false;
    }
    if (e > m->end) {
        m->err = TW_CUR_MALFORMED;
        return false;
    }
    if (e > m->cap) {
        m->err = TW_CUR_TRUNCATED;
        return false;
    }
    return true;
}
static uint8_t rd8(struct msg *m, uint32_t off)
{
    return need(m, off, 1) ? m->d[off] : 0;
}
static uint16_t rd16(struct msg *m, uint32_t off)
{
    return need(m, off, 2) ? (uint16_t)(m->d[off] << 8 | m->d[off + 1]) : 0;
}
static uint32_t rd32(struct msg *m, uint32_t off)
{
    if (!need(m, off, 4)) return 0;
    const uint8_t *b = m->d + off;
    return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}
/* label bytes are read one by one: the first missing byte decides the error */
static bool need_bytes(struct msg *m, uint32_t off, uint32_t n)
{
    if (m->err) return false;
    uint32_t lim = m->cap < m->end ? m->cap : m->end;
    if ((uint64_t)off + n <= lim) return true;
    m->err = lim >= m->end ? TW_CUR_MALFORMED : TW_CUR_TRUNCATED;
    return false;
}

/* ---- names ---- */
#define MAX_DNAME_LEN 255 /* the DNS name buffer: longer names read "<Name too long>" */
#define MAX_POINTERS  255
/* bytes read for one name over all its pointers: a bound of trawl's own (as in dns.c) so that
 * crafted pointer chains cannot cost millions of reads; no real name comes near it */
#define NAME_WORK_MAX 16384
/* the decoded name: 15 characters as <xx> at worst, the type, the scope, room to spare */
#define NB_NAME_MAX (15 * 4 + MAX_DNAME_LEN + 64)

/* Expands the DNS-encoded name at off into raw (a C string: what follows a NUL byte is not
 * seen, as in Wireshark) as Wireshark's get_dns_name() does; returns the bytes it occupies
 * there, 0 with m->err set on an exception. */
static uint32_t dns_name(struct msg *m, uint32_t off, char raw[MAX_DNAME_LEN + 1])
{
    const uint32_t start = off;
    int64_t len = -1;
    /* np: bytes written; nlen: the length Wireshark reports, which counts label bytes and dots
     * but not the text of bit-string labels */
    uint32_t pointers = 0, np = 0, nlen = 0, maxname = MAX_DNAME_LEN, work = 0;
    const char *special = NULL;
    for (;;) {
        uint8_t cl = rd8(m, off);
        if (m->err) return 0;
        off++;
        if (cl == 0) break;
        switch (cl & 0xc0) {
        case 0x00:
            if (np != 0) {
                if (maxname > 0) {
                    raw[np++] = '.';
                    nlen++;
                    maxname--;
                }
            } else {
                maxname--;
            }
            if (!need_bytes(m, off, cl)) return 0;
            work += cl + 1u;
            for (uint32_t i = 0; i < cl; i++) {
                if (maxname > 0) {
                    raw[np++] = (char)m->d[off + i];
                    nlen++;
                    maxname--;
                }
            }
            off += cl;
            break;
        case 0x40:
            if ((cl & 0x3f) == 1) {
                /* RFC 2673 bit-string label: "\[x<hex>/<bits>]" */
                uint8_t bits = rd8(m, off);
                if (m->err) return 0;
                off++;
                int ll = (bits - 1) / 8 + 1;
                work += (uint32_t)ll + 2u;
                char tmp[16];
                for (int i = -1; i <= ll; i++) {
                    int w;
                    if (i < 0) {
                        w = snprintf(tmp, sizeof tmp, "\\[x");
                    } else if (i < ll) {
                        uint8_t b = rd8(m, off);
                        if (m->err) return 0;
                        off++;
                        w = snprintf(tmp, sizeof tmp, "%02x", b);
                    } else {
                        w = snprintf(tmp, sizeof tmp, "/%d]", bits);
                    }
                    if (maxname > 0) {
                        if ((uint32_t)w <= maxname) {
                            memcpy(raw + np, tmp, (size_t)w);
                            np += (uint32_t)w;
                            maxname -= (uint32_t)w;
                        } else {
                            maxname = 0;
                        }
                    }
                }
                break;
            }
            len = (int64_t)off - start;
            special = "<Unknown extended label>";
            goto done;
        case 0x80:
            m->err = TW_CUR_MALFORMED;
            return 0;
        default: {
            uint8_t lo = rd8(m, off);
            if (m->err) return 0;
            uint32_t ind = m->base + ((uint32_t)(cl & 0x3f) << 8 | lo);
            off++;
            pointers++;
            if (len < 0) len = (int64_t)off - start;
            if (ind == off + 2 || pointers > MAX_POINTERS || work > NAME_WORK_MAX) {
                special = "<Name contains a pointer that loops>";
                goto done;
            }
            off = ind;
            break;
        }
        }
    }
    if (maxname == 0) special = "<Name too long>";
    if (len < 0) len = (int64_t)off - start;
done:
    /* get_dns_name()'s checks, whichever way the expansion ended */
    raw[np] = 0;
    if (!special && raw[0] == 0 && len <= 2) {
        snprintf(raw, MAX_DNAME_LEN + 1, "%s", "<Root>");
        return (uint32_t)len;
    }
    if (len < 2 || (len > 2 && nlen == 0 && !special)) {
        m->err = TW_CUR_MALFORMED;
        return 0;
    }
    if (special) snprintf(raw, MAX_DNAME_LEN + 1, "%s", special);
    return (uint32_t)len;
}

/* A 16-byte NetBIOS name made printable into out (at most outlen - 1 characters, as Wireshark's
 * buffer of that size holds): non-printable bytes as <xx>, trailing blanks dropped; returns the
 * name type (the 16th byte). */
static int netbios_name(const uint8_t nb[16], char *out, int outlen)
{
    static const char hex[] = "0123456789abcdef";
    int k = 0, left = outlen;
    for (int i = 0; i < 15; i++) {
        uint8_t ch = nb[i];
        if (ch >= ' ' && ch <= '~') {
            if (--left > 0) out[k++] = (char)ch;
        } else {
            if (--left > 0) out[k++] = '<';
            if (--left > 0) out[k++] = hex[ch >> 4];
            if (--left > 0) out[k++] = hex[ch & 15];
            if (--left > 0) out[k++] = '>';
        }
    }
    out[k] = 0;
    /* up to 15 trailing blanks go */
    for (int i = 0, j = k - 1; i < 15 && j >= 0; i++, j--) {
        if (out[j] != ' ') {
            out[j + 1] = 0;
            break;
        }
    }
    return nb[15];
}

static const char *name_type_descr(int t)
{
    const char *s = t >= 0 ? tw_vs_find(name_type_vals, (uint32_t)t) : NULL;
    return s ? s : "Unknown";
}

/* The NetBIOS name at off, first-level decoding undone ("WORKGROUP<1d>", the scope ID after
 * it), or Wireshark's text for an illegal one (*type = -1). Returns the bytes it occupies. */
static uint32_t nb_name(struct msg *m, uint32_t off, char out[NB_NAME_MAX], int *type)
{
    char raw[MAX_DNAME_LEN + 1];
    uint32_t used = dns_name(m, off, raw);
    *type = -1;
    out[0] = 0;
    if (m->err) return 0;
    uint8_t nb[16];
    size_t idx = 0;
    const char *s = raw;
    const char *bad = NULL;
    char badbuf[64];
    for (;;) {
        char c = *s;
        if (c == 0 || c == '.') break;
        if (c < 'A' || c > 'Z') {
            bad = "Illegal NetBIOS name (1st character not between A and Z in first-level "
                  "encoding)";
            break;
        }
        uint8_t v = (uint8_t)((c - 'A') << 4);
        c = *++s;
        if (c == 0 || c == '.') {
            bad = "Illegal NetBIOS name (odd number of bytes)";
            break;
        }
        if (c < 'A' || c > 'Z') {
            bad = "Illegal NetBIOS name (2nd character not between A and Z in first-level "
                  "encoding)";
            break;
        }
        v |= (uint8_t)(c - 'A');
        s++;
        if (idx < 16) nb[idx++] = v;
    }
    if (!bad && idx != 16) {
        snprintf(badbuf, sizeof badbuf, "Illegal NetBIOS name (%lu bytes long)",
                 (unsigned long)idx);
        bad = badbuf;
    }
    if (bad) {
        snprintf(out, NB_NAME_MAX, "%s", bad);
        return used;
    }
    *type = netbios_name(nb, out, NB_NAME_MAX);
    size_t k = strlen(out);
    k += (size_t)snprintf(out + k, NB_NAME_MAX - k, "<%02x>", (unsigned)*type);
    if (*s == '.' && k < NB_NAME_MAX) snprintf(out + k, NB_NAME_MAX - k, "%s", s);
    return used;
}

/* ---- labels ---- */

/* Wireshark's signed_time_secs_to_str(): "3 days, 11 hours, 20 minutes", "-1 second" */
static void ttl_str(char *out, size_t n, uint32_t raw)
{
    int32_t sv = (int32_t)raw;
    if (sv == 0) {
        snprintf(out, n, "0 seconds");
        return;
    }
    size_t k = 0;
    uint32_t v = (uint32_t)sv;
    if (sv < 0) {
        k += (size_t)snprintf(out, n, "-");
        v = (uint32_t)(-(int64_t)sv);
    }
    uint32_t parts[4] = {v / 86400, v / 3600 % 24, v / 60 % 60, v % 60};
    static const char *const unit[4] = {"day", "hour", "minute", "second"};
    bool first = true;
    out[k] = 0;
    for (int i = 0; i < 4 && k < n; i++) {
        if (!parts[i]) continue;
        k += (size_t)snprintf(out + k, n - k, "%s%u %s%s", first ? "" : ", ", parts[i], unit[i],
                              parts[i] == 1 ? "" : "s");
        first = false;
    }
}

/* proto_tree_add_bitmask(): the header field with ", <name>" per set flag and
 * ", <name>: <value>" per sub-field with value strings; then the sub-fields under it */
static int32_t add_bitmask(struct tw_pkt *p, int hdr, uint32_t off, uint16_t v, const int *subs,
                           int nsubs, const char *suffix)
{
    int32_t r = tw_add_uint(p, HF(hdr), off, 2, v);
    if (r >= 0 && tw_want_labels(p)) {
        char lab[320];
        size_t k = (size_t)snprintf(lab, sizeof lab, "%s: 0x%04x", fields[hdr].name, v);
        for (int i = 0; i < nsubs && k < sizeof lab; i++) {
            const struct tw_field_def *f = &fields[subs[i]];
            uint32_t fv = v & (uint32_t)f->mask;
            if (f->type == TW_FT_BOOLEAN) {
                if (fv) k += (size_t)snprintf(lab + k, sizeof lab - k, ", %s", f->name);
                continue;
            }
            uint32_t sh = fv;
            for (uint64_t mk = f->mask; mk && !(mk & 1); mk >>= 1) sh >>= 1;
            const char *s = tw_vs_find(f->vals, sh);
            k += (size_t)snprintf(lab + k, sizeof lab - k, ", %s: %s", f->name, s ? s : "Unknown");
        }
        tw_rec_label(p, r, "%s%s", lab, suffix ? suffix : "");
    }
    tw_tree_push(p, r);
    for (int i = 0; i < nsubs; i++) tw_add_bits(p, HF(subs[i]), off, 2, v);
    tw_tree_pop(p);
    return r;
}

static const int req_flags[] = {F_FL_RESPONSE, F_FL_OPCODE, F_FL_TRUNC, F_FL_RD, F_FL_BCAST};
static const int resp_flags[] = {F_FL_RESPONSE, F_FL_OPCODE, F_FL_AUTH,  F_FL_TRUNC,
                                 F_FL_RD,       F_FL_RA,     F_FL_BCAST, F_FL_RCODE};
static const int nb_flag_subs[] = {F_NB_FLAGS_GROUP, F_NB_FLAGS_ONT};
static const int name_flag_subs[] = {F_NAME_FLAGS_GROUP, F_NAME_FLAGS_ONT, F_NAME_FLAGS_DRG,
                                     F_NAME_FLAGS_CNF,   F_NAME_FLAGS_ACT, F_NAME_FLAGS_PRM};

/* the header's flags, or a WACK's RDATA (wack: no reply code) */
static void add_nbns_flags(struct tw_pkt *p, uint32_t off, uint16_t fl, bool wack)
{
    if (fl & FL_RESPONSE)
        add_bitmask(p, F_FLAGS, off, fl, resp_flags,
                    wack ? (int)TW_ARRAY_LEN(resp_flags) - 1 : (int)TW_ARRAY_LEN(resp_flags), NULL);
    else
        add_bitmask(p, F_FLAGS, off, fl, req_flags, (int)TW_ARRAY_LEN(req_flags), NULL);
}

static int32_t add_string(struct tw_pkt *p, int f, uint32_t off, uint32_t len, const char *s)
{
    if (!tw_want(p, HF(f))) return -1;
    size_t n = strlen(s);
    char *c = tw_arena_alloc(p->arena, n + 1);
    if (!c) return -1;
    memcpy(c, s, n + 1);
    return tw_add_ptr(p, HF(f), off, len, (const uint8_t *)c, (uint32_t)n);
}

/* proto_tree_add_expert(): the line, then Wireshark's check that the bytes it covers exist */
static void incomplete(struct msg *m, uint32_t off, uint32_t len)
{
    struct tw_pkt *p = m->p;
    uint32_t lim = m->cap < m->end ? m->cap : m->end, shown = len;
    if (off >= lim)
        shown = 0;
    else if (lim - off < len)
        shown = lim - off;
    int32_t t = tw_add_text(p, off, shown, "%s", experts[E_INCOMPLETE].summary);
    tw_tree_push(p, t);
    tw_expert(p, EX(E_INCOMPLETE), off, shown, NULL);
    /* as for every expert of the Malformed group, the hidden _ws.malformed item */
    if (tw_want(p, tw_ids_ws_malformed.field)) {
        int32_t r = tw_add_rec(p, tw_ids_ws_malformed.field, off, 0);
        tw_rec_flags(p, r, TW_RF_HIDDEN);
        if (r >= 0 && tw_want_labels(p)) tw_rec_label(p, r, "Malformed Packet");
    }
    tw_tree_pop(p);
    need(m, off, len);
}

/* a proto_tree_add_item() of a fixed-size field: the bytes must exist, tree or not */
static bool item_u(struct msg *m, int f, uint32_t off, uint32_t len)
{
    if (!need(m, off, len)) return false;
    uint32_t v = len == 1 ? m->d[off] : len == 2 ? rd16(m, off) : rd32(m, off);
    tw_add_uint(m->p, HF(f), off, len, v);
    return true;
}

/* ---- questions and records ---- */

static uint32_t dissect_query(struct msg *m, uint32_t off, bool info)
{
    struct tw_pkt *p = m->p;
    char name[NB_NAME_MAX];
    int nt;
    uint32_t used = nb_name(m, off, name, &nt);
    uint16_t type = rd16(m, off + used);
    uint16_t cls = rd16(m, off + used + 2);
    if (m->err) return 0;
    const char *tn = tw_vs_find(type_vals, type);
    if (!tn) tn = "Unknown";
    const char *cn = tw_vs_find(class_vals, cls);
    if (!cn) cn = "Unknown";
    if (info) tw_info_printf(p, " %s %s", tn, name);
    if (!p->has_tree) return used + 4;
    int32_t q = tw_add_text(p, off, used + 4, "%s: type %s, class %s", name, tn, cn);
    tw_tree_push(p, q);
    int32_t r = add_string(p, F_NAME, off, used, name);
    if (nt != -1) tw_rec_label(p, r, "Name: %s (%s)", name, name_type_descr(nt));
    tw_add_uint(p, HF(F_TYPE), off + used, 2, type);
    tw_add_uint(p, HF(F_CLASS), off + used + 2, 2, cls);
    tw_tree_pop(p);
    return used + 4;
}

/* the items every record starts with */
static void rr_head(struct msg *m, uint32_t off, uint32_t used, const char *name, uint16_t type,
                    uint16_t cls, uint32_t ttl, uint16_t dlen)
{
    struct tw_pkt *p = m->p;
    add_string(p, F_NAME, off + 1, used ? used - 1 : 0, name);
    tw_add_uint(p, HF(F_TYPE), off + used, 2, type);
    tw_add_uint(p, HF(F_CLASS), off + used + 2, 2, cls);
    int32_t r = tw_add_uint(p, HF(F_TTL), off + used + 4, 4, ttl);
    if (r >= 0 && tw_want_labels(p)) {
        char t[96];
        ttl_str(t, sizeof t, ttl);
        tw_rec_label(p, r, "Time to live: %s", t);
    }
    tw_add_uint(p, HF(F_DATA_LENGTH), off + used + 8, 2, dlen);
}

/* node status RDATA at cur, dlen as the record says (kept one too large, as in Wireshark);
 * returns the offset after what was read */
static uint32_t nbstat_data(struct msg *m, uint32_t cur, uint32_t dlen, uint32_t name_used)
{
    struct tw_pkt *p = m->p;
    if (dlen < 1) {
        incomplete(m, cur, dlen);
        return cur;
    }
    uint8_t num = rd8(m, cur);
    if (m->err) return cur;
    tw_add_uint(p, HF(F_NUM_NAMES), cur, 1, num);
    cur++;
    for (; num; num--) {
        if (dlen < 16) {
            incomplete(m, cur, dlen);
            return cur;
        }
        if (p->has_tree) {
            if (!need(m, cur, 16)) return cur;
            char s[NB_NAME_MAX];
            int nt = netbios_name(m->d + cur, s, (int)name_used);
            int32_t r = add_string(p, F_NETBIOS_NAME, cur, 16, s);
            tw_rec_label(p, r, "Name: %s<%02x> (%s)", s, (unsigned)nt, name_type_descr(nt));
        }
        cur += 16;
        dlen -= 16;
        if (dlen < 2) {
            incomplete(m, cur, dlen);
            return cur;
        }
        if (p->has_tree) {
            uint16_t fl = rd16(m, cur);
            if (m->err) return cur;
            add_bitmask(p, F_NAME_FLAGS, cur, fl, name_flag_subs, (int)TW_ARRAY_LEN(name_flag_subs),
                        NULL);
        }
        cur += 2;
        dlen -= 2;
    }
    if (dlen < 6) {
        incomplete(m, cur, dlen);
        return cur;
    }
    if (!need(m, cur, 6)) return cur;
    tw_add_ptr(p, HF(F_UNIT_ID), cur, 6, m->d + cur, 6);
    cur += 6;
    dlen -= 6;
    static const struct {
        uint8_t f, len;
    } stats[] = {{F_JUMPERS, 1},       {F_TEST_RESULT, 1},     {F_VERSION, 2},
                 {F_PERIOD, 2},        {F_NUM_CRCS, 2},        {F_NUM_ALIGN, 2},
                 {F_NUM_COLL, 2},      {F_NUM_SEND_ABORTS, 2}, {F_GOOD_SENDS, 4},
                 {F_GOOD_RECEIVES, 4}, {F_RETRANSMITS, 2},     {F_NO_RESOURCE, 2},
                 {F_CMD_BLOCKS, 2},    {F_PENDING, 2},         {F_MAX_PENDING, 2},
                 {F_MAX_TOTAL, 2},     {F_SESSION_SIZE, 2}};
    for (size_t i = 0; i < TW_ARRAY_LEN(stats); i++) {
        if (dlen < stats[i].len) {
            incomplete(m, cur, dlen);
            return cur;
        }
        if (!item_u(m, stats[i].f, cur, stats[i].len)) return cur;
        cur += stats[i].len;
        dlen -= stats[i].len;
    }
    return cur;
}

static uint32_t dissect_rr(struct msg *m, uint32_t off, bool info, unsigned opcode)
{
    struct tw_pkt *p = m->p;
    char name[NB_NAME_MAX + 64];
    int nt;
    uint32_t used = nb_name(m, off, name, &nt);
    uint16_t type = rd16(m, off + used);
    uint16_t cls = rd16(m, off + used + 2);
    uint32_t ttl = rd32(m, off + used + 4);
    uint16_t dlen = rd16(m, off + used + 8);
    if (m->err) return 0;
    const char *tn = tw_vs_find(type_vals, type);
    if (!tn) tn = "Unknown";
    const char *cn = tw_vs_find(class_vals, cls);
    if (!cn) cn = "Unknown";
    uint32_t cur = off + used + 10;
    bool pushed = false;

    if (type == T_NB && info && opcode != OP_WACK) {
        /* The first entry's address, read for the column only: tshark has no columns when it
         * prints just a tree (-V), and then reads nothing here, while trawl's tree output
         * computes them anyway; so with a tree the address is shown when it is there, and its
         * absence is an error only in views without a tree (summary, -T fields). With -V -P
         * tshark would call a missing address malformed; trawl cannot tell that case apart. */
        if (p->want_cols) {
            struct msg t = *m;
            if (need(&t, cur + 2, 4)) {
                const uint8_t *a = m->d + cur + 2;
                tw_info_printf(p, " %s %u.%u.%u.%u", tn, a[0], a[1], a[2], a[3]);
            } else if (!p->want_all) {
                m->err = t.err;
                return 0;
            }
        }
    } else if (type != T_NB && info) {
        tw_info_printf(p, " %s", tn);
    }
    if (p->has_tree) {
        /* the record's line spans its data: Wireshark needs those bytes before it goes on */
        if (!need(m, off, used + 10u + dlen)) return 0;
        int32_t rr = tw_add_text(p, off, used + 10u + dlen, "%s: type %s, class %s", name, tn, cn);
        tw_tree_push(p, rr);
        pushed = true;
        if (type == T_NB) {
            size_t k = strlen(name);
            snprintf(name + k, sizeof name - k, " (%s)", name_type_descr(nt));
        }
        rr_head(m, off, used, name, type, cls, ttl, dlen);
    }

    if (type == T_NB) {
        while (dlen > 0 && !m->err) {
            if (dlen < 2) {
                incomplete(m, cur, dlen);
                break;
            }
            if (opcode == OP_WACK) {
                uint16_t fl = rd16(m, cur);
                if (m->err) break;
                if (p->has_tree) add_nbns_flags(p, cur, fl, true);
                cur += 2;
                dlen -= 2;
                continue;
            }
            if (p->has_tree) {
                uint16_t fl = rd16(m, cur);
                if (m->err) break;
                char sfx[32];
                snprintf(sfx, sizeof sfx, " (%s, %s)", tw_vs_find(nb_ont_vals, fl & 0x6000u),
                         (fl & 0x8000) ? "group" : "unique");
                add_bitmask(p, F_NB_FLAGS, cur, fl, nb_flag_subs, (int)TW_ARRAY_LEN(nb_flag_subs),
                            sfx);
            }
            cur += 2;
            dlen -= 2;
            if (dlen < 4) {
                incomplete(m, cur, dlen);
                break;
            }
            if (!need(m, cur, 4)) break;
            tw_add_ptr(p, HF(F_ADDR), cur, 4, m->d + cur, 4);
            cur += 4;
            dlen -= 4;
        }
    } else if (type == T_NBSTAT) {
        cur = nbstat_data(m, cur, dlen, used);
    } else {
        if (p->has_tree && need(m, cur, dlen))
            tw_add_ptr(p, HF(F_DATA), cur, dlen, m->d + cur, dlen);
        cur += dlen;
    }
    if (pushed) tw_tree_pop(p);
    return cur - off;
}

/* a section: its line (when a tree is built, Wireshark needs a byte where it starts), then its
 * entries; returns the bytes they took */
static uint32_t dissect_section(struct msg *m, uint32_t off, unsigned count, const char *title,
                                bool query, bool info, unsigned opcode)
{
    struct tw_pkt *p = m->p;
    int32_t sec = -1;
    if (p->has_tree) {
        if (!need(m, off, 1)) return 0;
        sec = tw_add_text(p, off, 0, "%s", title);
    }
    tw_tree_push(p, sec);
    uint32_t cur = off;
    while (count-- > 0 && !m->err) {
        uint32_t n = query ? dissect_query(m, cur, info) : dissect_rr(m, cur, info, opcode);
        if (m->err) break;
        cur += n;
    }
    tw_tree_pop(p);
    tw_rec_setlen(p, sec, cur - off);
    return cur - off;
}

static enum tw_status dissect(struct tw_pkt *p, struct tw_cur *c)
{
    struct msg m = {p, c->data, c->off, c->end, c->cap, 0};
    const uint32_t o = c->off;
    tw_info_clear(p);
    uint16_t id = rd16(&m, o);
    uint16_t fl = rd16(&m, o + 2);
    if (m.err) {
        /* Wireshark reads both before it adds its item */
        tw_layer_unrecord(p);
        c->err = m.err;
        return TW_OK;
    }
    unsigned opcode = (fl >> 11) & 15u;
    bool response = fl & FL_RESPONSE;
    const char *on = tw_vs_find(opcode_vals, opcode);
    if (on)
        tw_info_printf(p, "%s%s", on, response ? " response" : "");
    else
        tw_info_printf(p, "Unknown operation (%u)%s", opcode, response ? " response" : "");
    if (response && (fl & FL_RCODE)) {
        const char *rn = tw_vs_find(rcode_vals, fl & FL_RCODE);
        tw_info_printf(p, ", %s", rn ? rn : "Unknown error");
    }

    tw_add_uint(p, HF(F_ID), o, 2, id);
    if (p->has_tree) add_nbns_flags(p, o + 2, fl, false);
    uint16_t cnt[4];
    for (int i = 0; i < 4; i++) {
        cnt[i] = rd16(&m, o + 4 + 2u * (unsigned)i);
        if (m.err) break;
        tw_add_uint(p, HF(F_COUNT_Q + i), o + 4 + 2u * (unsigned)i, 2, cnt[i]);
    }
    uint32_t cur = o + 12;
    if (!m.err && cnt[0] > 0)
        cur += dissect_section(&m, cur, cnt[0], "Queries", true, !response, opcode);
    if (!m.err && cnt[1] > 0)
        cur += dissect_section(&m, cur, cnt[1], "Answers", false, response, opcode);
    if (!m.err && cnt[2] > 0)
        cur += dissect_section(&m, cur, cnt[2], "Authoritative nameservers", false, false, opcode);
    if (!m.err && cnt[3] > 0)
        dissect_section(&m, cur, cnt[3], "Additional records", false, false, opcode);
    if (m.err) c->err = m.err;
    return TW_OK;
}

static const struct tw_binding bindings[] = {{TW_TBL_UDP_PORT, 137}};

const struct tw_proto tw_proto_nbns = {
    .abbrev = "nbns",
    .name = "NetBIOS Name Service",
    .short_name = "NBNS",
    .fields = fields,
    .nfields = F_COUNT,
    .experts = experts,
    .nexperts = E_COUNT,
    .bindings = bindings,
    .nbindings = TW_ARRAY_LEN(bindings),
    .dissect = dissect,
    .ids = &ids,
};
