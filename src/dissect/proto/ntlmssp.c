/* NTLMSSP (MS-NLMP) as tshark 4.0 shows it: the NEGOTIATE, CHALLENGE and AUTHENTICATE messages
 * with their negotiate flags, strings (Unicode or OEM by the flags), server challenge, target
 * info AV pairs, version, LM/NTLM responses (the NTLMv2 response and its AV pairs), session key
 * and MIC. Reached from HTTP's authentication headers (TW_KEY_NTLMSSP, a base64-decoded data
 * source "NTLMSSP / GSSAPI Data"). No keys, so nothing is decrypted or verified.
 *
 * The message is a blob inside a header: an exception while reading it is caught by tshark's
 * dissector, which shows "[Malformed Packet: NTLMSSP]" under the header (not at the top of the
 * tree) and lets HTTP go on. Reads are emulated on a buffer whose captured and reported lengths
 * are the same (the decoded bytes), except inside the target-info list, which tshark reads
 * through a sub-buffer of the length the message claims: a read past the decoded bytes but
 * inside that claim is its "length of contained item exceeds length of containing item".
 * The flags of the connection's last CHALLENGE are remembered (per TCP conversation) for an
 * AUTHENTICATE that has none of its own, as tshark's conversation data.
 * Not done: the signing verifier, decryption; an attribute of type Flags longer than 4 bytes
 * lacks tshark's "Trying to fetch an unsigned integer" expert. */
#include "../dissect.h"
#include "../internal.h"

#include <stdio.h>
#include <string.h>

static struct tw_proto_ids ids;

/* tshark's ntlmssp_info of a conversation: the flags of the CHALLENGE (or of an AUTHENTICATE,
 * while none are known), its server challenge */
struct nconv {
    bool saw_challenge;
    uint32_t flags;
    uint8_t chal[8];
};
static struct tw_state *conv_tab;

static void ntlmssp_init(void)
{
    conv_tab = tw_state_open("ntlmssp.conversations", sizeof(struct nconv), 1u << 16, NULL);
}

enum {
    F_IDENT,
    F_MSGTYPE,
    F_FLAGS,
    F_FL01, /* 32 flag bits, low to high */
    F_FL80000000 = F_FL01 + 31,
    F_NEG_WS,
    F_NEG_DOMAIN,
    F_CLIENT_CHAL,
    F_SERVER_CHAL,
    F_RESERVED,
    F_CHAL_TARGET_NAME,
    F_AUTH_DOMAIN,
    F_AUTH_USER,
    F_AUTH_HOST,
    F_AUTH_LM,
    F_AUTH_NT,
    F_AUTH_SESSKEY,
    F_STR_LEN,
    F_STR_MAXLEN,
    F_STR_OFF,
    F_BLOB_LEN,
    F_BLOB_MAXLEN,
    F_BLOB_OFF,
    F_VERSION,
    F_VER_MAJOR,
    F_VER_MINOR,
    F_VER_BUILD,
    F_VER_REV,
    F_TI,
    F_TI_LEN,
    F_TI_MAXLEN,
    F_TI_OFF,
    F_TI_TYPE,
    F_TI_ITEMLEN,
    F_TI_END, /* 11 attribute fields, by attribute type */
    F_V2_TYPE = F_TI_END + 11,
    F_V2_ITEMLEN,
    F_V2_END, /* 11 attribute fields */
    F_MIC = F_V2_END + 11,
    F_VERF,
    F_VERF_VERS,
    F_VERF_BODY,
    F_VERF_PAD,
    F_VERF_CRC,
    F_VERF_HMAC,
    F_VERF_SEQ,
    F_V2,
    F_V2_PROOF,
    F_V2_RVER,
    F_V2_HIRVER,
    F_V2_Z,
    F_V2_PAD,
    F_V2_TIME,
    F_V2_CHAL,
    F_RSC,
    F_RSC_VERSION,
    F_RSC_FLAGS,
    F_RSC_LM,
    F_RSC_NT,
    F_RSC_REMOVED,
    F_RSC_CREDKEY,
    F_RSC_SHA,
    F_RSC_CREDKEY_V,
    F_RSC_CREDKEY_TYPE,
    F_RSC_ENC_SIZE,
    F_RSC_ENC,
    F_COUNT
};

enum {
    E_V2_KEY_TOO_LONG,
    E_BLOB_TOO_LONG,
    E_TI_UNKNOWN,
    E_TI_INVALID,
    E_MSGTYPE,
    E_AUTHENTICATED,
    E_SESSIONBASEKEY,
    E_SESSIONKEY,
    E_COUNT
};

static const struct tw_vs msg_types[] = {{1, "NTLMSSP_NEGOTIATE"},
                                         {2, "NTLMSSP_CHALLENGE"},
                                         {3, "NTLMSSP_AUTH"},
                                         {4, "NTLMSSP_UNKNOWN"},
                                         {0, NULL}};

static const struct tw_vs av_names[] = {{0, "End of list"},
                                        {1, "NetBIOS computer name"},
                                        {2, "NetBIOS domain name"},
                                        {3, "DNS computer name"},
                                        {4, "DNS domain name"},
                                        {5, "DNS tree name"},
                                        {6, "Flags"},
                                        {7, "Timestamp"},
                                        {8, "Restrictions"},
                                        {9, "Target Name"},
                                        {10, "Channel Bindings"},
                                        {0, NULL}};

#define FLAG(bit, ab, nm, bl)                                                                      \
    [F_FL01 + (bit)] = {"ntlmssp." ab, nm, TW_FT_BOOLEAN, 32, 1ull << (bit), NULL, NULL, &tw_tfs_set_notset, bl}
#define STR(ab, nm, bl) {ab, nm, TW_FT_STRING, 0, 0, NULL, NULL, NULL, bl}
#define BYTES(ab, nm, bl) {ab, nm, TW_FT_BYTES, 0, 0, NULL, NULL, NULL, bl}
#define NONE(ab, nm) {ab, nm, TW_FT_NONE}
#define DEC(ab, nm, t) {ab, nm, t, TW_BASE_DEC}
#define HEX(ab, nm, t) {ab, nm, t, TW_BASE_HEX}
#define AV_FIELDS(base, pre)                                                                       \
    [base + 0] = NONE("ntlmssp." pre ".end", "List End"),                                        \
    [base + 1] = STR("ntlmssp." pre ".nb_computer_name", "NetBIOS Computer Name",                \
                     "Server NetBIOS Computer Name"),                                            \
    [base + 2] = STR("ntlmssp." pre ".nb_domain_name", "NetBIOS Domain Name",                    \
                     "Server NetBIOS Domain Name"),                                              \
    [base + 3] = STR("ntlmssp." pre ".dns_computer_name", "DNS Computer Name", NULL),            \
    [base + 4] = STR("ntlmssp." pre ".dns_domain_name", "DNS Domain Name", NULL),                \
    [base + 5] = STR("ntlmssp." pre ".dns_tree_name", "DNS Tree Name", NULL),                    \
    [base + 6] = HEX("ntlmssp." pre ".flags", "Flags", TW_FT_UINT32),                            \
    [base + 7] = {"ntlmssp." pre ".timestamp", "Timestamp", TW_FT_ABSOLUTE_TIME, TW_ABSTIME_UTC}, \
    [base + 8] = BYTES("ntlmssp." pre ".restrictions", "Restrictions", NULL),                    \
    [base + 9] = STR("ntlmssp." pre ".target_name", "Target Name", NULL),                        \
    [base + 10] = BYTES("ntlmssp." pre ".channel_bindings", "Channel Bindings", NULL)

static const struct tw_field_def fields[F_COUNT] = {
    [F_IDENT] = STR("ntlmssp.identifier", "NTLMSSP identifier", NULL),
    [F_MSGTYPE] = {"ntlmssp.messagetype", "NTLM Message Type", TW_FT_UINT32, TW_BASE_HEX, 0,
                   msg_types},
    [F_FLAGS] = HEX("ntlmssp.negotiateflags", "Negotiate Flags", TW_FT_UINT32),
    FLAG(0, "negotiateunicode", "Negotiate UNICODE", NULL),
    FLAG(1, "negotiateoem", "Negotiate OEM", NULL),
    FLAG(2, "requesttarget", "Request Target", NULL),
    FLAG(3, "negotiate00000008", "Request 0x00000008", NULL),
    FLAG(4, "negotiatesign", "Negotiate Sign", NULL),
    FLAG(5, "negotiateseal", "Negotiate Seal", NULL),
    FLAG(6, "negotiatedatagram", "Negotiate Datagram", NULL),
    FLAG(7, "negotiatelmkey", "Negotiate Lan Manager Key", NULL),
    FLAG(8, "negotiate00000100", "Negotiate 0x00000100", NULL),
    FLAG(9, "negotiatentlm", "Negotiate NTLM key", NULL),
    FLAG(10, "negotiatentonly", "Negotiate NT Only", NULL),
    FLAG(11, "negotiateanonymous", "Negotiate Anonymous", NULL),
    FLAG(12, "negotiateoemdomainsupplied", "Negotiate OEM Domain Supplied", NULL),
    FLAG(13, "negotiateoemworkstationsupplied", "Negotiate OEM Workstation Supplied", NULL),
    FLAG(14, "negotiate00004000", "Negotiate 0x00004000", NULL),
    FLAG(15, "negotiatealwayssign", "Negotiate Always Sign", NULL),
    FLAG(16, "targettypedomain", "Target Type Domain", NULL),
    FLAG(17, "targettypeserver", "Target Type Server", NULL),
    FLAG(18, "targettypeshare", "Target Type Share", NULL),
    FLAG(19, "negotiatentlm2", "Negotiate Extended Security", NULL),
    FLAG(20, "negotiateidentify", "Negotiate Identify", NULL),
    FLAG(21, "negotiatent00200000", "Negotiate 0x00200000", NULL),
    FLAG(22, "requestnonntsession", "Request Non-NT Session", NULL),
    FLAG(23, "negotiatetargetinfo", "Negotiate Target Info", NULL),
    FLAG(24, "negotiatent01000000", "Negotiate 0x01000000", NULL),
    FLAG(25, "negotiateversion", "Negotiate Version", NULL),
    FLAG(26, "negotiatent04000000", "Negotiate 0x04000000", NULL),
    FLAG(27, "negotiatent08000000", "Negotiate 0x08000000", NULL),
    FLAG(28, "negotiatent10000000", "Negotiate 0x10000000", NULL),
    FLAG(29, "negotiate128", "Negotiate 128", "128-bit encryption is supported"),
    FLAG(30, "negotiatekeyexch", "Negotiate Key Exchange", NULL),
    FLAG(31, "negotiate56", "Negotiate 56", "56-bit encryption is supported"),
    [F_NEG_WS] = STR("ntlmssp.negotiate.callingworkstation", "Calling workstation name", NULL),
    [F_NEG_DOMAIN] = STR("ntlmssp.negotiate.domain", "Calling workstation domain", NULL),
    [F_CLIENT_CHAL] = BYTES("ntlmssp.ntlmclientchallenge", "LMv2 Client Challenge",
                            "The 8-byte LMv2 challenge message generated by the client"),
    [F_SERVER_CHAL] = BYTES("ntlmssp.ntlmserverchallenge", "NTLM Server Challenge", NULL),
    [F_RESERVED] = BYTES("ntlmssp.reserved", "Reserved", NULL),
    [F_CHAL_TARGET_NAME] = STR("ntlmssp.challenge.target_name", "Target Name", NULL),
    [F_AUTH_DOMAIN] = STR("ntlmssp.auth.domain", "Domain name", NULL),
    [F_AUTH_USER] = STR("ntlmssp.auth.username", "User name", NULL),
    [F_AUTH_HOST] = STR("ntlmssp.auth.hostname", "Host name", NULL),
    [F_AUTH_LM] = BYTES("ntlmssp.auth.lmresponse", "Lan Manager Response", NULL),
    [F_AUTH_NT] = BYTES("ntlmssp.auth.ntresponse", "NTLM Response", NULL),
    [F_AUTH_SESSKEY] = BYTES("ntlmssp.auth.sesskey", "Session Key", NULL),
    [F_STR_LEN] = DEC("ntlmssp.string.length", "Length", TW_FT_UINT16),
    [F_STR_MAXLEN] = DEC("ntlmssp.string.maxlen", "Maxlen", TW_FT_UINT16),
    [F_STR_OFF] = DEC("ntlmssp.string.offset", "Offset", TW_FT_UINT32),
    [F_BLOB_LEN] = DEC("ntlmssp.blob.length", "Length", TW_FT_UINT16),
    [F_BLOB_MAXLEN] = DEC("ntlmssp.blob.maxlen", "Maxlen", TW_FT_UINT16),
    [F_BLOB_OFF] = DEC("ntlmssp.blob.offset", "Offset", TW_FT_UINT32),
    [F_VERSION] = NONE("ntlmssp.version", "Version"),
    [F_VER_MAJOR] = DEC("ntlmssp.version.major", "Major Version", TW_FT_UINT8),
    [F_VER_MINOR] = DEC("ntlmssp.version.minor", "Minor Version", TW_FT_UINT8),
    [F_VER_BUILD] = DEC("ntlmssp.version.build_number", "Build Number", TW_FT_UINT16),
    [F_VER_REV] = DEC("ntlmssp.version.ntlm_current_revision", "NTLM Current Revision",
                      TW_FT_UINT8),
    [F_TI] = NONE("ntlmssp.challenge.target_info", "Target Info"),
    [F_TI_LEN] = DEC("ntlmssp.challenge.target_info.length", "Length", TW_FT_UINT16),
    [F_TI_MAXLEN] = DEC("ntlmssp.challenge.target_info.maxlen", "Maxlen", TW_FT_UINT16),
    [F_TI_OFF] = DEC("ntlmssp.challenge.target_info.offset", "Offset", TW_FT_UINT32),
    [F_TI_TYPE] = {"ntlmssp.challenge.target_info.item.type", "Target Info Item Type",
                   TW_FT_UINT16, TW_BASE_HEX, 0, av_names},
    [F_TI_ITEMLEN] = DEC("ntlmssp.challenge.target_info.item.length", "Target Info Item Length",
                         TW_FT_UINT16),
    AV_FIELDS(F_TI_END, "challenge.target_info"),
    [F_V2_TYPE] = {"ntlmssp.ntlmv2_response.item.type", "NTLMV2 Response Item Type",
                   TW_FT_UINT16, TW_BASE_HEX, 0, av_names},
    [F_V2_ITEMLEN] = DEC("ntlmssp.ntlmv2_response.item.length", "NTLMV2 Response Item Length",
                         TW_FT_UINT16),
    AV_FIELDS(F_V2_END, "ntlmv2_response"),
    [F_MIC] = BYTES("ntlmssp.authenticate.mic", "MIC", "Message Integrity Code"),
    [F_VERF] = NONE("ntlmssp.verf", "NTLMSSP Verifier"),
    [F_VERF_VERS] = DEC("ntlmssp.verf.vers", "Version Number", TW_FT_UINT32),
    [F_VERF_BODY] = BYTES("ntlmssp.verf.body", "Verifier Body", NULL),
    [F_VERF_PAD] = HEX("ntlmssp.verf.randompad", "Random Pad", TW_FT_UINT32),
    [F_VERF_CRC] = HEX("ntlmssp.verf.crc32", "Verifier CRC32", TW_FT_UINT32),
    [F_VERF_HMAC] = BYTES("ntlmssp.verf.hmacmd5", "HMAC MD5", NULL),
    [F_VERF_SEQ] = BYTES("ntlmssp.verf.sequence", "Sequence", NULL),
    [F_V2] = BYTES("ntlmssp.ntlmv2_response", "NTLMv2 Response", NULL),
    [F_V2_PROOF] = BYTES("ntlmssp.ntlmv2_response.ntproofstr", "NTProofStr",
                         "The HMAC-MD5 of the challenge"),
    [F_V2_RVER] = {"ntlmssp.ntlmv2_response.rversion", "Response Version", TW_FT_UINT8,
                   TW_BASE_DEC, 0, NULL, NULL, NULL,
                   "The 1-byte response version, currently set to 1"},
    [F_V2_HIRVER] = {"ntlmssp.ntlmv2_response.hirversion", "Hi Response Version", TW_FT_UINT8,
                     TW_BASE_DEC, 0, NULL, NULL, NULL,
                     "The 1-byte highest response version understood by the client, currently "
                     "set to 1"},
    [F_V2_Z] = BYTES("ntlmssp.ntlmv2_response.z", "Z", "byte array of zero bytes"),
    [F_V2_PAD] = BYTES("ntlmssp.ntlmv2_response.pad", "padding", NULL),
    [F_V2_TIME] = {"ntlmssp.ntlmv2_response.time", "Time", TW_FT_ABSOLUTE_TIME, TW_ABSTIME_UTC, 0,
                   NULL, NULL, NULL, "The 8-byte little-endian time in UTC"},
    [F_V2_CHAL] = BYTES("ntlmssp.ntlmv2_response.chal", "NTLMv2 Client Challenge",
                        "The 8-byte NTLMv2 challenge message generated by the client"),
    [F_RSC] = NONE("ntlmssp.NTLM_REMOTE_SUPPLEMENTAL_CREDENTIAL",
                   "NTLM_REMOTE_SUPPLEMENTAL_CREDENTIAL"),
    [F_RSC_VERSION] = HEX("ntlmssp.NTLM_REMOTE_SUPPLEMENTAL_CREDENTIAL.Version", "Version",
                          TW_FT_UINT32),
    [F_RSC_FLAGS] = HEX("ntlmssp.NTLM_REMOTE_SUPPLEMENTAL_CREDENTIAL.Flags", "Flags",
                        TW_FT_UINT32),
    [F_RSC_LM] = {"ntlmssp.NTLM_REMOTE_SUPPLEMENTAL_CREDENTIAL.LM_PRESENT", "lm_present",
                  TW_FT_BOOLEAN, 32, 0x1},
    [F_RSC_NT] = {"ntlmssp.NTLM_REMOTE_SUPPLEMENTAL_CREDENTIAL.NT_PRESENT", "nt_present",
                  TW_FT_BOOLEAN, 32, 0x2},
    [F_RSC_REMOVED] = {"ntlmssp.NTLM_REMOTE_SUPPLEMENTAL_CREDENTIAL.REMOVED", "removed",
                       TW_FT_BOOLEAN, 32, 0x4},
    [F_RSC_CREDKEY] = {"ntlmssp.NTLM_REMOTE_SUPPLEMENTAL_CREDENTIAL.CREDKEY_PRESENT",
                       "credkey_present", TW_FT_BOOLEAN, 32, 0x8},
    [F_RSC_SHA] = {"ntlmssp.NTLM_REMOTE_SUPPLEMENTAL_CREDENTIAL.SHA_PRESENT", "sha_present",
                   TW_FT_BOOLEAN, 32, 0x10},
    [F_RSC_CREDKEY_V] = BYTES("ntlmssp.NTLM_REMOTE_SUPPLEMENTAL_CREDENTIAL.CredentialKey",
                              "CredentialKey", NULL),
    [F_RSC_CREDKEY_TYPE] = DEC("ntlmssp.NTLM_REMOTE_SUPPLEMENTAL_CREDENTIAL.CredentialKeyType",
                               "CredentialKeyType", TW_FT_UINT32),
    [F_RSC_ENC_SIZE] = DEC("ntlmssp.NTLM_REMOTE_SUPPLEMENTAL_CREDENTIAL.EncryptedCredsSize",
                           "EncryptedCredsSize", TW_FT_UINT32),
    [F_RSC_ENC] = BYTES("ntlmssp.NTLM_REMOTE_SUPPLEMENTAL_CREDENTIAL.EncryptedCreds",
                        "EncryptedCreds", NULL),
};

static const struct tw_expert_def experts[E_COUNT] = {
    [E_V2_KEY_TOO_LONG] = {"ntlmssp.v2_key_too_long", "decoder.ntlmssp.v2_key_too_long",
                           TW_SEV_WARN, TW_GRP_UNDECODED, "NTLM v2 key is too long"},
    [E_BLOB_TOO_LONG] = {"ntlmssp.blob.length.too_long", "decoder.ntlmssp.blob_too_long",
                         TW_SEV_WARN, TW_GRP_UNDECODED, "Session blob length too long"},
    [E_TI_UNKNOWN] = {"ntlmssp.target_info_attr.unknown", "decoder.ntlmssp.unknown_av_pair",
                      TW_SEV_WARN, TW_GRP_UNDECODED, "unknown NTLMSSP Target Info Attribute"},
    [E_TI_INVALID] = {"ntlmssp.target_info_attr.invalid", "decoder.ntlmssp.invalid_av_pairs",
                      TW_SEV_WARN, TW_GRP_UNDECODED, "invalid NTLMSSP Target Info AvPairs"},
    [E_MSGTYPE] = {"ntlmssp.messagetype.unknown", "decoder.ntlmssp.unknown_message",
                   TW_SEV_WARN, TW_GRP_PROTOCOL, "Unrecognized NTLMSSP Message"},
    [E_AUTHENTICATED] = {"ntlmssp.authenticated", "decoder.ntlmssp.authenticated", TW_SEV_CHAT,
                         TW_GRP_SECURITY, "Authenticated NTHASH"},
    [E_SESSIONBASEKEY] = {"ntlmssp.sessionbasekey", "decoder.ntlmssp.sessionbasekey",
                          TW_SEV_NOTE, TW_GRP_SECURITY, "SessionBaseKey"},
    [E_SESSIONKEY] = {"ntlmssp.sessionkey", "decoder.ntlmssp.sessionkey", TW_SEV_NOTE,
                      TW_GRP_SECURITY, "SessionKey"},
};

#define HF(x) ((uint16_t)(ids.base + (x)))
#define EX(x) ((uint16_t)(ids.expert_base + (x)))

#define NEG_UNICODE 0x00000001u
#define NEG_VERSION 0x02000000u

/* the message: its decoded bytes; err is the exception tshark would have thrown */
enum { X_NONE, X_BOUNDS, X_CONTAINED };
struct nm {
    struct tw_pkt *p;
    const uint8_t *d;
    uint32_t n;
    int err;
};

/* do [off, off+len) exist? If not, tshark throws (a ReportedBoundsError: the decoded bytes are
 * all there is) */
static bool need(struct nm *m, uint64_t off, uint64_t len)
{
    if (m->err) return false;
    if (off + len > m->n) {
        m->err = X_BOUNDS;
        return false;
    }
    return true;
}
static uint16_t le16(const struct nm *m, uint32_t o)
{
    return (uint16_t)(m->d[o] | m->d[o + 1] << 8);
}
static uint32_t le32(const struct nm *m, uint32_t o)
{
    return (uint32_t)m->d[o] | (uint32_t)m->d[o + 1] << 8 | (uint32_t)m->d[o + 2] << 16 |
           (uint32_t)m->d[o + 3] << 24;
}

/* a string as tshark's tvb_get_string_enc makes it, to its first NUL: UTF-16LE (unpaired
 * surrogates and an odd last byte as U+FFFD) or ASCII (bytes above 0x7f as U+FFFD) */
static char *get_string(struct nm *m, uint32_t off, uint32_t len, bool uni)
{
    char *s = tw_arena_alloc(m->p->arena, (size_t)len * 3 + 4);
    if (!s) return NULL;
    size_t k = 0;
    const uint8_t *b = m->d + off;
    if (!uni) {
        for (uint32_t i = 0; i < len; i++) {
            if (b[i] == 0) break;
            if (b[i] < 0x80) {
                s[k++] = (char)b[i];
            } else {
                memcpy(s + k, "\xef\xbf\xbd", 3);
                k += 3;
            }
        }
        s[k] = 0;
        return s;
    }
    uint32_t i = 0;
    while (i + 1 < len) {
        uint32_t u = (uint32_t)(b[i] | b[i + 1] << 8);
        i += 2;
        if (u >= 0xd800 && u < 0xdc00) {
            if (i + 1 < len) {
                uint32_t lo = (uint32_t)(b[i] | b[i + 1] << 8);
                if (lo >= 0xdc00 && lo < 0xe000) {
                    i += 2;
                    u = 0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00);
                } else {
                    u = 0xfffd;
                }
            } else {
                u = 0xfffd;
            }
        } else if (u >= 0xdc00 && u < 0xe000) {
            u = 0xfffd;
        }
        if (u == 0) {
            i = len;
            break;
        }
        if (u < 0x80) {
            s[k++] = (char)u;
        } else if (u < 0x800) {
            s[k++] = (char)(0xc0 | u >> 6);
            s[k++] = (char)(0x80 | (u & 0x3f));
        } else if (u < 0x10000) {
            s[k++] = (char)(0xe0 | u >> 12);
            s[k++] = (char)(0x80 | ((u >> 6) & 0x3f));
            s[k++] = (char)(0x80 | (u & 0x3f));
        } else {
            s[k++] = (char)(0xf0 | u >> 18);
            s[k++] = (char)(0x80 | ((u >> 12) & 0x3f));
            s[k++] = (char)(0x80 | ((u >> 6) & 0x3f));
            s[k++] = (char)(0x80 | (u & 0x3f));
        }
    }
    if (i + 1 == len) { /* an odd last byte (not after a NUL) */
        memcpy(s + k, "\xef\xbf\xbd", 3);
        k += 3;
    }
    s[k] = 0;
    return s;
}

static int32_t add_str(struct nm *m, int f, uint32_t off, uint32_t len, const char *s)
{
    return s ? tw_add_ptr(m->p, HF(f), off, len, (const uint8_t *)s, (uint32_t)strlen(s)) : -1;
}

/* a Windows FILETIME (100 ns since 1601) as an absolute time */
static int32_t add_nttime(struct nm *m, int f, uint32_t off)
{
    if (!need(m, off, 8)) return -1;
    uint64_t ft = (uint64_t)le32(m, off) | (uint64_t)le32(m, off + 4) << 32;
    struct tw_time t;
    t.sec = (int64_t)(ft / 10000000u) - INT64_C(11644473600);
    t.nsec = (int32_t)(ft % 10000000u) * 100;
    int32_t r = tw_add_time(m->p, HF(f), off, 8, t);
    if (ft == 0) tw_rec_label(m->p, r, "%s: No time specified (0)", fields[f].name);
    return r;
}

/* the negotiate flags and one boolean per bit; the label lists the names of the bits set, cut
 * where tshark's 240-byte label ends */
static uint32_t add_flags(struct nm *m, uint32_t off)
{
    if (!need(m, off, 4)) return 0;
    struct tw_pkt *p = m->p;
    uint32_t fl = le32(m, off);
    int32_t r = tw_add_uint(p, HF(F_FLAGS), off, 4, fl);
    if (r >= 0 && tw_want_labels(p)) {
        char lab[256];
        int n = snprintf(lab, sizeof lab, "Negotiate Flags: 0x%08x", fl);
        for (int b = 31; b >= 0; b--) {
            if (!(fl & (1u << b))) continue;
            n += snprintf(lab + n, sizeof lab - (size_t)n, ", %s", fields[F_FL01 + b].name);
            if (n >= 239) break;
        }
        if (n > 239) n = 239;
        lab[n] = 0;
        tw_rec_label(p, r, "%s", lab);
    }
    tw_tree_push(p, r);
    for (int b = 31; b >= 0; b--) tw_add_bits(p, HF(F_FL01 + b), off, 4, fl);
    tw_tree_pop(p);
    return fl;
}

/* Wireshark's check for characters after the NUL of an ASCII string item runs over the
 * converted string (3 bytes per byte above 0x7f), from its first NUL to the item's length */
static void oem_stray(struct nm *m, int32_t r, uint32_t off, uint32_t len)
{
    const uint8_t *b = m->d + off;
    uint64_t pos = 0, nul = UINT64_MAX;
    bool stray = false;
    for (uint32_t i = 0; i < len && pos < len; i++) {
        uint32_t w = b[i] >= 0x80 ? 3 : 1;
        if (b[i] == 0 && nul == UINT64_MAX) nul = pos;
        if (nul != UINT64_MAX && b[i] != 0) {
            stray = true;
            break;
        }
        pos += w;
    }
    if (!stray) return;
    /* tw_string_stray() on bytes that say so: a NUL, then a character */
    uint8_t *t = tw_arena_alloc(m->p->arena, len);
    if (!t || len < 2) return;
    memset(t, 0, len);
    t[len - 1] = 1;
    tw_string_stray(m->p, r, t, len, off);
}

/* a string described by length/maxlen/offset at off; *start and *end: where its bytes are
 * (the end of the message if it has none); *out: the string ("" for none) */
static uint32_t do_string(struct nm *m, uint32_t off, bool uni, int f, int64_t *start,
                          int64_t *end, const char **out)
{
    struct tw_pkt *p = m->p;
    if (!need(m, off, 8)) return off;
    /* tshark reads the length and maxlen as signed 16-bit numbers, the offset as signed 32 */
    int16_t len = (int16_t)le16(m, off), maxlen = (int16_t)le16(m, off + 2);
    int32_t so = (int32_t)le32(m, off + 4);
    *start = so > (int64_t)off + 8 ? (int64_t)so : (int64_t)m->n;
    if (len == 0) {
        *end = *start;
        add_str(m, f, off, 8, "NULL");
        if (out) *out = "";
        return off + 8;
    }
    if (uni && (so & 1)) so++;
    /* a negative offset counts from the end; length -1 is "to the end", other negative
     * lengths are an error */
    int64_t ao = so < 0 ? (int64_t)m->n + so : so;
    if (ao < 0 || len < -1) {
        m->err = X_BOUNDS;
        return off;
    }
    uint32_t ilen = len == -1 ? (ao <= m->n ? m->n - (uint32_t)ao : 0) : (uint32_t)len;
    if (!need(m, (uint64_t)ao, ilen)) return off;
    const char *s = get_string(m, (uint32_t)ao, ilen, uni);
    if (out) *out = s ? s : "";
    int32_t r = add_str(m, f, (uint32_t)ao, ilen, s);
    if (!uni) oem_stray(m, r, (uint32_t)ao, ilen);
    tw_tree_push(p, r);
    tw_add_uint(p, HF(F_STR_LEN), off, 2, (uint32_t)(int32_t)len);
    tw_add_uint(p, HF(F_STR_MAXLEN), off + 2, 2, (uint32_t)(int32_t)maxlen);
    tw_add_uint(p, HF(F_STR_OFF), off + 4, 4, (uint32_t)so);
    tw_tree_pop(p);
    *end = (int64_t)so + len;
    return off + 8;
}

static void do_version(struct nm *m, uint32_t off)
{
    struct tw_pkt *p = m->p;
    if (!need(m, off, 8)) return;
    int32_t r = tw_add_rec(p, HF(F_VERSION), off, 8);
    tw_rec_label(p, r, "Version %u.%u (Build %u); NTLM Current Revision %u", m->d[off],
                 m->d[off + 1], le16(m, off + 2), m->d[off + 7]);
    tw_tree_push(p, r);
    tw_add_uint(p, HF(F_VER_MAJOR), off, 1, m->d[off]);
    tw_add_uint(p, HF(F_VER_MINOR), off + 1, 1, m->d[off + 1]);
    tw_add_uint(p, HF(F_VER_BUILD), off + 2, 2, le16(m, off + 2));
    tw_add_uint(p, HF(F_VER_REV), off + 7, 1, m->d[off + 7]);
    tw_tree_pop(p);
}

/* an AV pair list at off, `len` bytes as the message claims: read through a sub-buffer of that
 * length, of which only what the message has exists. Returns where the reading stopped. */
static uint32_t do_av_list(struct nm *m, uint32_t off, uint16_t len, bool v2)
{
    struct tw_pkt *p = m->p;
    if (m->err) return off;
    if (off > m->n) { /* the sub-buffer cannot begin there */
        m->err = X_BOUNDS;
        return off;
    }
    uint32_t have = m->n - off < len ? m->n - off : len; /* captured bytes of the sub-buffer */
    uint32_t io = 0;
    uint16_t type = 0xffff;
    int tf = v2 ? F_V2_TYPE : F_TI_TYPE, lf = v2 ? F_V2_ITEMLEN : F_TI_ITEMLEN;
    int base = v2 ? F_V2_END : F_TI_END;
    while (io + 4 <= have && type != 0) {
        type = le16(m, off + io);
        uint16_t clen = le16(m, off + io + 2);
        uint32_t ilen = (uint32_t)clen + 4;
        if (io + ilen > have) {
            int32_t t = tw_add_text(p, off + io, len - io, "%s", experts[E_TI_INVALID].summary);
            tw_tree_push(p, t);
            tw_expert(p, EX(E_TI_INVALID), off + io, len - io, NULL);
            tw_tree_pop(p);
            if (have < len) m->err = X_CONTAINED;
            return off + len;
        }
        const char *nm = tw_vs_find(av_names, type);
        const char *text = NULL;
        uint32_t co = off + io + 4;
        if (clen > 0 && type >= 1 && type <= 9 && type != 6 && type != 7 && type != 8)
            text = get_string(m, co, clen, true);
        int32_t t;
        if (!tw_want_labels(p))
            t = tw_add_text(p, off + io, ilen, "x");
        else if (!nm)
            t = tw_add_text(p, off + io, ilen, "Attribute: Unknown (%d)", type);
        else if (text)
            t = tw_add_text(p, off + io, ilen, "Attribute: %s: %s", nm, text);
        else
            t = tw_add_text(p, off + io, ilen, "Attribute: %s", nm);
        tw_tree_push(p, t);
        tw_add_uint(p, HF(tf), off + io, 2, type);
        tw_add_uint(p, HF(lf), off + io + 2, 2, clen);
        if (clen > 0) {
            switch (type) {
            case 1: case 2: case 3: case 4: case 5: case 9:
                add_str(m, base + type, co, clen, text);
                break;
            case 6: {
                uint32_t v = 0;
                uint32_t k = clen < 4 ? clen : 4;
                for (uint32_t i = 0; i < k; i++) v |= (uint32_t)m->d[co + i] << (8 * i);
                tw_add_uint(p, HF(base + 6), co, clen, v);
                break;
            }
            case 7:
                if (co + 8 > off + have) {
                    m->err = co + 8 > off + len ? X_BOUNDS : X_CONTAINED;
                    tw_tree_pop(p);
                    return off + io;
                }
                add_nttime(m, base + 7, co);
                break;
            case 8: case 10:
                tw_add_ptr(p, HF(base + type), co, clen, m->d + co, clen);
                break;
            default: {
                int32_t x = tw_add_text(p, co, clen, "%s", experts[E_TI_UNKNOWN].summary);
                tw_tree_push(p, x);
                tw_expert(p, EX(E_TI_UNKNOWN), co, clen, NULL);
                tw_tree_pop(p);
                break;
            }
            }
        }
        tw_tree_pop(p);
        io += ilen;
    }
    return off + io;
}

static void do_ntlmv2(struct nm *m, uint32_t off, uint32_t len)
{
    struct tw_pkt *p = m->p;
    uint32_t o = off;
    int32_t r = tw_add_ptr(p, HF(F_V2), off, len, m->d + off, len);
    tw_tree_push(p, r);
    if (need(m, o, 16)) tw_add_ptr(p, HF(F_V2_PROOF), o, 16, m->d + o, 16);
    o += 16;
    if (need(m, o, 1)) tw_add_uint(p, HF(F_V2_RVER), o, 1, m->d[o]);
    o += 1;
    if (need(m, o, 1)) tw_add_uint(p, HF(F_V2_HIRVER), o, 1, m->d[o]);
    o += 1;
    if (need(m, o, 6)) tw_add_ptr(p, HF(F_V2_Z), o, 6, m->d + o, 6);
    o += 6;
    add_nttime(m, F_V2_TIME, o);
    o += 8;
    if (need(m, o, 8)) tw_add_ptr(p, HF(F_V2_CHAL), o, 8, m->d + o, 8);
    o += 8;
    if (need(m, o, 4)) tw_add_ptr(p, HF(F_V2_Z), o, 4, m->d + o, 4);
    o += 4;
    uint32_t e = do_av_list(m, o, (uint16_t)(len - (o - off)), true);
    if (!m->err && e - off < len) {
        uint32_t pl = len - (e - off);
        if (need(m, e, pl)) tw_add_ptr(p, HF(F_V2_PAD), e, pl, m->d + e, pl);
    }
    tw_tree_pop(p);
}

/* a blob described by length/maxlen/offset at off */
static uint32_t do_blob(struct nm *m, uint32_t off, int f, int64_t *end, uint16_t *blen)
{
    struct tw_pkt *p = m->p;
    if (!need(m, off, 8)) return off;
    uint16_t len = le16(m, off), maxlen = le16(m, off + 2);
    uint32_t bo = le32(m, off + 4);
    if (blen) *blen = len;
    if (len == 0) {
        *end = (int64_t)bo > (int64_t)off + 8 ? (int64_t)bo : (int64_t)off + 8;
        int32_t r = tw_add_ptr(p, HF(f), off, 8, m->d + off, 0);
        tw_rec_label(p, r, "%s: Empty", fields[f].name);
        return off + 8;
    }
    if (!need(m, bo, len)) return off;
    int32_t r = tw_add_ptr(p, HF(f), bo, len, m->d + bo, len);
    tw_tree_push(p, r);
    tw_add_uint(p, HF(F_BLOB_LEN), off, 2, len);
    tw_add_uint(p, HF(F_BLOB_MAXLEN), off + 2, 2, maxlen);
    tw_add_uint(p, HF(F_BLOB_OFF), off + 4, 4, bo);
    /* an NTLMv2 response (more than 24 bytes) under the NTLM response */
    if (f == F_AUTH_NT && len > 24) do_ntlmv2(m, bo, len);
    tw_tree_pop(p);
    *end = (int64_t)bo + len;
    if (f == F_AUTH_LM) {
        /* an LMv2 response: 16 zero bytes after the first 8 (if they exist) */
        static const uint8_t zero[16];
        if ((uint64_t)bo + 24 <= m->n && memcmp(m->d + bo + 8, zero, 16) == 0)
            tw_add_ptr(p, HF(F_CLIENT_CHAL), bo, 8, m->d + bo, 8);
    }
    return off + 8;
}

static void do_negotiate(struct nm *m, uint32_t off)
{
    if (!need(m, off, 4)) return;
    uint32_t fl = add_flags(m, off);
    off += 4;
    int64_t s1 = 0, e1 = 0, s2 = 0, e2 = 0;
    off = do_string(m, off, false, F_NEG_DOMAIN, &s1, &e1, NULL);
    if (m->err) return;
    off = do_string(m, off, false, F_NEG_WS, &s2, &e2, NULL);
    if (m->err) return;
    int64_t ds = s1 < s2 ? s1 : s2;
    if ((int64_t)off < ds && (fl & NEG_VERSION)) do_version(m, off);
}

static void do_challenge(struct nm *m, uint32_t off)
{
    struct tw_pkt *p = m->p;
    uint32_t fl = 0;
    bool uni = false;
    if ((uint64_t)off + 12 <= m->n) {
        fl = le32(m, off + 8);
        uni = fl & NEG_UNICODE;
    }
    int64_t ds = 0, de = 0;
    off = do_string(m, off, uni, F_CHAL_TARGET_NAME, &ds, &de, NULL);
    if (m->err) return;
    add_flags(m, off);
    if (m->err) return;
    off += 4;
    if (!need(m, off, 8)) return;
    tw_add_ptr(p, HF(F_SERVER_CHAL), off, 8, m->d + off, 8);
    struct nconv *cv = tw_conv_state(conv_tab, p);
    if (cv && (!cv->saw_challenge || memcmp(cv->chal, m->d + off, 8) != 0)) {
        cv->saw_challenge = true;
        cv->flags = fl;
        memcpy(cv->chal, m->d + off, 8);
    }
    off += 8;
    if ((int64_t)off >= ds) return;
    if (!need(m, off, 8)) return;
    tw_add_ptr(p, HF(F_RESERVED), off, 8, m->d + off, 8);
    off += 8;
    if ((int64_t)off < ds) {
        if (!need(m, off, 8)) return;
        uint16_t tl = le16(m, off), tm = le16(m, off + 2);
        uint32_t to = le32(m, off + 4);
        if (tl == 0) {
            int32_t r = tw_add_rec(p, HF(F_TI), off, 8);
            tw_rec_label(p, r, "Target Info List: Empty");
        } else {
            /* tshark checks only that the item begins inside the message */
            if (to > m->n) {
                m->err = X_BOUNDS;
                return;
            }
            int32_t r = tw_add_rec(p, HF(F_TI), to, tl);
            tw_tree_push(p, r);
            tw_add_uint(p, HF(F_TI_LEN), off, 2, tl);
            tw_add_uint(p, HF(F_TI_MAXLEN), off + 2, 2, tm);
            tw_add_uint(p, HF(F_TI_OFF), off + 4, 4, to);
            do_av_list(m, to, tl, false);
            tw_tree_pop(p);
            if (m->err) return;
        }
        off += 8;
    }
    if ((int64_t)off < ds && (fl & NEG_VERSION)) do_version(m, off);
}

static void do_auth(struct nm *m, uint32_t off)
{
    struct tw_pkt *p = m->p;
    bool uni = false, have_flags = false;
    int64_t ds, is, ie, de = 0;
    struct nconv *cv = tw_conv_state(conv_tab, p);
    if ((uint64_t)off + 52 <= m->n) {
        ds = (int32_t)le32(m, off + 4);
        for (int i = 1; i < 5; i++) {
            is = (int32_t)le32(m, off + 8 * (uint32_t)i + 4);
            if (is < ds) ds = is;
        }
        if ((int64_t)off + 40 < ds) {
            have_flags = true;
            uni = le32(m, off + 48) & NEG_UNICODE;
        }
    }
    if (!have_flags && cv && cv->saw_challenge) uni = cv->flags & NEG_UNICODE;
    if (!need(m, off, 8)) return;
    ds = (int32_t)le32(m, off + 4);
    off = do_blob(m, off, F_AUTH_LM, &ie, NULL);
    if (m->err) return;
    de = ie;
    if (!need(m, off, 8)) return;
    is = (int32_t)le32(m, off + 4);
    off = do_blob(m, off, F_AUTH_NT, &ie, NULL);
    if (m->err) return;
    if (is < ds) ds = is;
    if (ie > de) de = ie;
    const char *dom = "", *user = "";
    static const int sf[3] = {F_AUTH_DOMAIN, F_AUTH_USER, F_AUTH_HOST};
    for (int i = 0; i < 3; i++) {
        if (!need(m, off, 8)) return;
        off = do_string(m, off, uni, sf[i], &is, &ie, i == 0 ? &dom : i == 1 ? &user : NULL);
        if (m->err) return;
        if (is < ds) ds = is;
        if (ie > de) de = ie;
        if (i == 1) tw_info_printf(p, "%sUser: %s\\%s", p->info.len ? ", " : "", dom, user);
    }
    uint16_t sl = 0;
    if ((int64_t)off < ds) {
        off = do_blob(m, off, F_AUTH_SESSKEY, &ie, &sl);
        if (m->err) return;
    }
    uint32_t fl = 0;
    if ((int64_t)off < ds) {
        fl = add_flags(m, off);
        if (m->err) return;
        off += 4;
        if (cv && cv->flags == 0) cv->flags = fl;
    }
    if ((int64_t)off < ds) {
        if (fl & NEG_VERSION) {
            do_version(m, off);
        } else if (need(m, off, 8)) {
            tw_add_ptr(p, HF(F_V2_Z), off, 8, m->d + off, 8);
        }
        if (m->err) return;
        off += 8;
    }
    if ((int64_t)off < ds) {
        if (!need(m, off, 16)) return;
        tw_add_ptr(p, HF(F_MIC), off, 16, m->d + off, 16);
    }
    if (sl > 16) tw_expert(p, EX(E_BLOB_TOO_LONG), 0, 0, "Session blob length too long: %u", sl);
}

static enum tw_status dissect_ntlmssp(struct tw_pkt *p, struct tw_cur *c)
{
    struct nm m = {p, c->data + c->off, tw_cur_avail(c), X_NONE};
    uint32_t ntree = p->ntree;
    c->off = c->end;
    do {
        if (!need(&m, 0, 8)) break;
        tw_add_ascii(p, HF(F_IDENT), 0, 8, m.d);
        if (!need(&m, 8, 4)) break;
        uint32_t type = le32(&m, 8);
        int32_t r = tw_add_uint(p, HF(F_MSGTYPE), 8, 4, type);
        const char *tn = tw_vs_find(msg_types, type);
        if (p->info.len) tw_info_add(p, ", ");
        tw_info_add(p, tn ? tn : "Unknown NTLMSSP message type");
        switch (type) {
        case 1: do_negotiate(&m, 12); break;
        case 2: do_challenge(&m, 12); break;
        case 3: do_auth(&m, 12); break;
        default:
            tw_tree_push(p, r);
            tw_expert(p, EX(E_MSGTYPE), 8, 4, NULL);
            tw_tree_pop(p);
            break;
        }
    } while (0);
    if (!m.err) return TW_OK;
    /* tshark's show_exception() under the tree the message was given (the header's) */
    p->ntree = ntree > 1 ? ntree - 1 : ntree;
    if (p->status < TW_MALFORMED) p->status = TW_MALFORMED;
    const char *why =
        m.err == X_CONTAINED ? "length of contained item exceeds length of containing item" : NULL;
    int32_t r = -1;
    if (tw_want(p, tw_ids_ws_malformed.field)) {
        r = tw_add_rec(p, tw_ids_ws_malformed.field, 0, 0);
        if (r >= 0) {
            p->recs[r].label =
                why ? tw_arena_printf(p->arena, "[Malformed Packet: NTLMSSP: %s]", why)
                    : "[Malformed Packet: NTLMSSP]";
            p->recs[r].flags |= TW_RF_LABEL;
        }
    }
    tw_tree_push(p, r);
    tw_expert(p, (uint16_t)tw_ids_ws_malformed.expert_base, 0, 0, NULL);
    tw_tree_pop(p);
    if (why)
        tw_info_printf(p, "[Malformed Packet: %s]", why);
    else
        tw_info_add(p, "[Malformed Packet]");
    return TW_OK;
}

static const struct tw_binding bindings[] = {{TW_TBL_NAME, TW_KEY_NTLMSSP}};

const struct tw_proto tw_proto_ntlmssp = {
    .abbrev = "ntlmssp",
    .name = "NTLM Secure Service Provider",
    .short_name = "NTLMSSP",
    .fields = fields,
    .nfields = F_COUNT,
    .experts = experts,
    .nexperts = E_COUNT,
    .bindings = bindings,
    .nbindings = TW_ARRAY_LEN(bindings),
    .dissect = dissect_ntlmssp,
    .init = ntlmssp_init,
    .ids = &ids,
    .flags = TW_PROTO_NO_COLUMN, /* the Protocol column stays HTTP's */
};
