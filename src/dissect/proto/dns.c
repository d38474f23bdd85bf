/* Domain Name System (RFC 1034, RFC 1035) and the two protocols that share its message format:
 * Multicast DNS (RFC 6762: the top bit of a question's class asks for a unicast response, of a
 * record's class flushes caches) and LLMNR (RFC 4795: conflict and tentative flags). Over TCP a
 * message is preceded by a two-byte length (RFC 1035 section 4.2.2).
 *
 *    0  1  2  3  4  5  6  7  8  9 10 11 12 13 14 15
 *   +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
 *   |                      ID                       |
 *   |QR|   Opcode  |AA|TC|RD|RA| Z|AD|CD|   RCODE   |
 *   |        QDCOUNT / ANCOUNT / NSCOUNT / ARCOUNT  |
 *   +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
 *   then questions (name, type, class) and resource records (name, type, class, TTL,
 *   RDLENGTH, RDATA) in the answer, authority and additional sections.
 *
 * Names are sequences of labels, or end in a pointer (two bytes, top bits 11) to an earlier name
 * in the message (RFC 1035 section 4.1.4). Pointers are followed up to 255 times (then the name
 * is "<Name contains a pointer that loops>", as Wireshark says), so a loop costs bounded work.
 *
 * Requests and responses are matched per conversation (address/port pair) and transaction ID
 * as tshark's single pass does: a query opens a transaction (or, within the retransmission
 * window of an unanswered one, is a retransmission of it), the first response answers it, later
 * responses are retransmissions. The tables are bounded tw_state tables (least recently used
 * entries are forgotten). */
#include "../dissect.h"
#include "udp_ports.h"

#include <stdio.h>

static struct tw_proto_ids ids, mdns_ids, llmnr_ids;
#define HF(x) ((uint16_t)(ids.base + (x)))
#define EX(x) ((uint16_t)(ids.expert_base + (x)))

enum {
    F_LENGTH,
    F_ID,
    F_FLAGS,
    F_FL_RESPONSE,
    F_FL_OPCODE,
    F_FL_AUTH,
    F_FL_CONFLICT_Q,
    F_FL_CONFLICT_R,
    F_FL_TRUNC,
    F_FL_RD,
    F_FL_TENTATIVE,
    F_FL_RA,
    F_FL_Z,
    F_FL_AD,
    F_FL_AD_Q,
    F_FL_CD,
    F_FL_RCODE,
    F_CNT_Q,
    F_CNT_ZONES,
    F_CNT_AN,
    F_CNT_PREREQ,
    F_CNT_NS,
    F_CNT_UPD,
    F_CNT_AR,
    F_QRY_NAME,
    F_QRY_NAME_LEN,
    F_CNT_LABELS,
    F_QRY_TYPE,
    F_QRY_CLASS,
    F_QRY_CLASS_MDNS,
    F_QRY_QU,
    F_RR_NAME,
    F_RR_TYPE,
    F_RR_CLASS,
    F_RR_CLASS_MDNS,
    F_RR_FLUSH,
    F_RR_EXT_RCODE,
    F_RR_EDNS0_VER,
    F_RR_Z,
    F_RR_Z_DO,
    F_RR_Z_RES,
    F_RR_TTL,
    F_RR_LEN,
    F_RR_UDP_PAYLOAD,
    F_RR_UDP_PAYLOAD_MDNS,
    F_A,
    F_AAAA,
    F_CNAME,
    F_NS,
    F_PTR,
    F_MX_PREF,
    F_MX_EXCH,
    F_TXT_LEN,
    F_TXT,
    F_SOA_MNAME,
    F_SOA_RNAME,
    F_SOA_SERIAL,
    F_SOA_REFRESH,
    F_SOA_RETRY,
    F_SOA_EXPIRE,
    F_SOA_MINTTL,
    F_SRV_SERVICE,
    F_SRV_PROTO,
    F_SRV_NAME,
    F_SRV_PRIO,
    F_SRV_WEIGHT,
    F_SRV_PORT,
    F_SRV_TARGET,
    F_OPT,
    F_OPT_CODE,
    F_OPT_LEN,
    F_OPT_DATA,
    F_OPT_CLI_FAMILY,
    F_OPT_CLI_NETMASK,
    F_OPT_CLI_SCOPE,
    F_OPT_CLI_ADDR,
    F_OPT_CLI_ADDR4,
    F_OPT_CLI_ADDR6,
    F_OPT_COOKIE_CLI,
    F_OPT_COOKIE_SRV,
    F_OPT_PADDING,
    F_OPT_KEEPALIVE,
    F_OPT_EXT_ERR_CODE,
    F_OPT_EXT_ERR_TEXT,
    F_SVCB_PRIO,
    F_SVCB_TARGET,
    F_SVCB_KEY,
    F_SVCB_VLEN,
    F_SVCB_VALUE,
    F_SVCB_PARAM,
    F_SVCB_MANDATORY,
    F_SVCB_ALPN_LEN,
    F_SVCB_ALPN,
    F_SVCB_PORT,
    F_SVCB_IPV4,
    F_SVCB_ECH,
    F_SVCB_IPV6,
    F_SVCB_ODOH,
    F_DS_KEYID,
    F_DS_ALGO,
    F_DS_DIGEST_TYPE,
    F_DS_DIGEST,
    F_HINFO_CPU_LEN,
    F_HINFO_CPU,
    F_HINFO_OS_LEN,
    F_HINFO_OS,
    F_LOC_VERSION,
    F_LOC_SIZE,
    F_LOC_HPREC,
    F_LOC_VPREC,
    F_LOC_LAT,
    F_LOC_LON,
    F_LOC_ALT,
    F_LOC_UNKNOWN,
    F_RP_MAILBOX,
    F_RP_TXT,
    F_APL_FAMILY,
    F_APL_PREFIX,
    F_APL_NEG,
    F_APL_AFDLEN,
    F_APL_IPV4,
    F_APL_IPV6,
    F_APL_DATA,
    F_SSHFP_ALGO,
    F_SSHFP_TYPE,
    F_SSHFP_FP,
    F_NSEC3_ALGO,
    F_NSEC3_FLAGS,
    F_NSEC3_OPTOUT,
    F_NSEC3_ITER,
    F_NSEC3_SALT_LEN,
    F_NSEC3_SALT,
    F_NSEC3_HASH_LEN,
    F_NSEC3_HASH,
    F_TSIG_ALGO,
    F_TSIG_TIME,
    F_TSIG_FUDGE,
    F_TSIG_MAC_SIZE,
    F_TSIG_MAC,
    F_TSIG_ORIG_ID,
    F_TSIG_ERROR,
    F_TSIG_OTHER_LEN,
    F_TSIG_OTHER,
    F_TLSA_USAGE,
    F_TLSA_SELECTOR,
    F_TLSA_MATCHING,
    F_TLSA_DATA,
    F_DNSKEY_FLAGS,
    F_DNSKEY_ZONE,
    F_DNSKEY_REVOKED,
    F_DNSKEY_SEP,
    F_DNSKEY_RES,
    F_DNSKEY_PROTO,
    F_DNSKEY_ALGO,
    F_DNSKEY_KEYID,
    F_DNSKEY_PUBKEY,
    F_RRSIG_TYPE,
    F_RRSIG_ALGO,
    F_RRSIG_LABELS,
    F_RRSIG_OTTL,
    F_RRSIG_EXP,
    F_RRSIG_INC,
    F_RRSIG_KEYTAG,
    F_RRSIG_SIGNER,
    F_RRSIG_SIG,
    F_NSEC_NEXT,
    F_CAA_FLAGS,
    F_CAA_CRIT,
    F_CAA_ISSUE,
    F_CAA_ISSUEWILD,
    F_CAA_IODEF,
    F_CAA_UNKNOWN,
    F_CAA_TAG_LEN,
    F_CAA_TAG,
    F_CAA_VALUE,
    F_DATA,
    F_RESPONSE_IN,
    F_RESPONSE_TO,
    F_RETRANS,
    F_RETRANS_REQ_IN,
    F_RETRANS_RESP_IN,
    F_TIME,
    F_UNSOLICITED,
    F_EXTRA_DATA,
    F_EXTRA_LEN,
    F_COUNT
};

/* value strings (tshark -G values) */
static const struct tw_vs type_vals[] = {
    {0, "Unused"},
    {1, "A (Host Address)"},
    {2, "NS (authoritative Name Server)"},
    {3, "MD (Mail Destination)"},
    {4, "MF (Mail Forwarder)"},
    {5, "CNAME (Canonical NAME for an alias)"},
    {6, "SOA (Start Of a zone of Authority)"},
    {7, "MB (MailBox domain name)"},
    {8, "MG (Mail Group member)"},
    {9, "MR (Mail Rename domain)"},
    {10, "NULL RR"},
    {11, "WKS (Well Known Service)"},
    {12, "PTR (domain name PoinTeR)"},
    {13, "HINFO (host information)"},
    {14, "MINFO (Mailbox or mail list information)"},
    {15, "MX (Mail eXchange)"},
    {16, "TXT (Text strings)"},
    {17, "RP (Responsible Person)"},
    {18, "AFSDB (AFS Data Base location)"},
    {19, "X25 (XX.25 PSDN address)"},
    {20, "ISDN (ISDN address)"},
    {21, "RT (Route Through)"},
    {22, "NSAP (NSAP address)"},
    {23, "NSAP-PTR (NSAP domain name pointer)"},
    {24, "SIG (security signature)"},
    {25, "KEY (security key)"},
    {26, "PX (X.400 mail mapping information)"},
    {27, "GPOS (Geographical Position)"},
    {28, "AAAA (IPv6 Address)"},
    {29, "LOC (Location Information)"},
    {30, "NXT (Next Domain)"},
    {31, "EID (Endpoint Identifier)"},
    {32, "NIMLOC (Nimrod Locator)"},
    {33, "SRV (Server Selection)"},
    {34, "ATMA (ATM Address)"},
    {35, "NAPTR (Naming Authority Pointer)"},
    {36, "KX (Key Exchanger)"},
    {37, "CERT"},
    {38, "A6 (OBSOLETE - use AAAA)"},
    {39, "DNAME"},
    {40, "SINK"},
    {41, "OPT"},
    {42, "APL"},
    {43, "DS (Delegation Signer)"},
    {44, "SSHFP (SSH Key Fingerprint)"},
    {45, "IPSECKEY"},
    {46, "RRSIG (Resource Record Signature)"},
    {47, "NSEC (Next Secure)"},
    {48, "DNSKEY (DNS Public Key)"},
    {49, "DHCID"},
    {50, "NSEC3"},
    {51, "NSEC3PARAM"},
    {52, "TLSA"},
    {55, "HIP (Host Identity Protocol)"},
    {57, "RKEY"},
    {58, "TALINK (Trust Anchor LINK)"},
    {59, "CDS (Child DS)"},
    {60, "CDNSKEY (DNSKEY(s) the Child wants reflected in DS)"},
    {61, "OPENPGPKEY (OpenPGP Key)"},
    {62, "CSYNC (Child-to-Parent Synchronization)"},
    {63, "ZONEMD"},
    {64, "SVCB (General Purpose Service Endpoints)"},
    {65, "HTTPS (HTTPS Specific Service Endpoints)"},
    {99, "SPF"},
    {100, "UINFO"},
    {101, "UID"},
    {102, "GID"},
    {103, "UNSPEC"},
    {104, "NID (NodeID)"},
    {105, "L32 (Locator32)"},
    {106, "L64 (Locator64)"},
    {107, "LP (Locator FQDN)"},
    {108, "EUI48"},
    {109, "EUI64"},
    {249, "TKEY (Transaction Key)"},
    {250, "TSIG (Transaction Signature)"},
    {251, "IXFR (incremental transfer)"},
    {252, "AXFR (transfer of an entire zone)"},
    {253, "MAILB (mailbox-related RRs)"},
    {254, "MAILA (mail agent RRs)"},
    {255, "* (A request for all records the server/cache has available)"},
    {256, "URI"},
    {257, "CAA (Certification Authority Restriction)"},
    {32768, "TA (DNSSEC Trust Authorities)"},
    {32769, "DLV (DNSSEC Lookaside Validation)"},
    {65281, "WINS"},
    {65282, "WINS-R"},
    {65422, "XPF"},
    {0, NULL}};
static const struct tw_vs rcode_vals[] = {{0, "No error"},
                                          {1, "Format error"},
                                          {2, "Server failure"},
                                          {3, "No such name"},
                                          {4, "Not implemented"},
                                          {5, "Refused"},
                                          {6, "Name exists"},
                                          {7, "RRset exists"},
                                          {8, "RRset does not exist"},
                                          {9, "Not authoritative"},
                                          {10, "Name out of zone"},
                                          {11, "DSO-Type not implemented"},
                                          {16, "Bad OPT Version or TSIG Signature Failure"},
                                          {17, "Key not recognized"},
                                          {18, "Signature out of time window"},
                                          {19, "Bad TKEY Mode"},
                                          {20, "Duplicate key name"},
                                          {21, "Algorithm not supported"},
                                          {22, "Bad Truncation"},
                                          {23, "Bad/missing Server Cookie"},
                                          {0, NULL}};
static const struct tw_vs opcode_vals[] = {{0, "Standard query"},
                                           {1, "Inverse query"},
                                           {2, "Server status request"},
                                           {4, "Zone change notification"},
                                           {5, "Dynamic update"},
                                           {6, "DNS Stateful operations (DSO)"},
                                           {0, NULL}};
static const struct tw_vs optcode_vals[] = {{0, "Reserved"},
                                            {1, "LLQ - Long-lived query"},
                                            {2, "UL - Update lease"},
                                            {3, "NSID - Name Server Identifier"},
                                            {4, "Owner (reserved)"},
                                            {5, "DAU - DNSSEC Algorithm Understood (RFC6975)"},
                                            {6, "DHU - DS Hash Understood (RFC6975)"},
                                            {7, "N3U - NSEC3 Hash Understood (RFC6975)"},
                                            {20730, "Experimental - CSUBNET - Client subnet"},
                                            {8, "CSUBNET - Client subnet"},
                                            {9, "EDNS EXPIRE (RFC7314)"},
                                            {10, "COOKIE"},
                                            {11, "EDNS TCP Keepalive"},
                                            {12, "PADDING"},
                                            {13, "CHAIN"},
                                            {15, "Extended DNS Error"},
                                            {0, NULL}};
static const struct tw_vs class_vals[] = {{1, "IN"},     {2, "CS"},    {3, "CH"}, {4, "HS"},
                                          {254, "NONE"}, {255, "ANY"}, {0, NULL}};
static const struct tw_vs algo_vals[] = {{1, "RSA/MD5"},
                                         {2, "Diffie-Hellman"},
                                         {3, "DSA"},
                                         {4, "Elliptic curve crypto"},
                                         {5, "RSA/SHA1"},
                                         {6, "DSA + NSEC3/SHA1"},
                                         {7, "RSA/SHA1 + NSEC3/SHA1"},
                                         {8, "RSA/SHA-256"},
                                         {10, "RSA/SHA-512"},
                                         {12, "GOST R 34.10-2001"},
                                         {13, "ECDSA Curve P-256 with SHA-256"},
                                         {14, "ECDSA Curve P-386 with SHA-386"},
                                         {15, "Ed25519"},
                                         {16, "Ed448"},
                                         {157, "HMAC/MD5"},
                                         {252, "Indirect key"},
                                         {253, "Private, domain name"},
                                         {254, "Private, OID"},
                                         {0, NULL}};
static const struct tw_vs digest_vals[] = {{0, "Reserved digest"}, {1, "SHA-1"},   {2, "SHA-256"},
                                           {3, "GOST R 34.11-94"}, {4, "SHA-384"}, {0, NULL}};
static const struct tw_vs svcb_key_vals[] = {
    {0, "mandatory"}, {1, "alpn"},     {2, "no-default-alpn"}, {3, "port"},         {4, "ipv4hint"},
    {5, "echconfig"}, {6, "ipv6hint"}, {32769, "odohconfig"},  {65535, "key65535"}, {0, NULL}};
static const struct tw_vs family_vals[] = {{1, "IPv4"}, {2, "IPv6"}, {0, NULL}};
static const struct tw_vs nsec3_algo_vals[] = {{0, "Reserved"}, {1, "SHA-1"}, {0, NULL}};
static const struct tw_vs sshfp_algo_vals[] = {{0, "Reserved"}, {1, "RSA"},     {2, "DSA"}, {3, "ECDSA"},
                                               {4, "Ed25519"},  {5, "XMSS"},    {0, NULL}};
static const struct tw_vs sshfp_type_vals[] = {{0, "Reserved"}, {1, "SHA1"}, {2, "SHA256"}, {0, NULL}};
static const struct tw_tfs tfs_apl_neg = {"Yes (!)", "No (0)"};
static const struct tw_tfs tfs_optout = {"Additional insecure delegations allowed",
                                         "Additional insecure delegations forbidden"};
/* TLSA (RFC 6698, the acronyms of RFC 7218) */
static const struct tw_vs tlsa_usage_vals[] = {{0, "CA constraint (PKIX-TA)"},
                                               {1, "Service certificate constraint (PKIX-EE)"},
                                               {2, "Trust anchor assertion (DANE-TA)"},
                                               {3, "Domain-issued certificate (DANE-EE)"},
                                               {0, NULL}};
static const struct tw_vs tlsa_selector_vals[] = {
    {0, "Full certificate (Cert)"}, {1, "SubjectPublicKeyInfo (SPKI)"}, {0, NULL}};
static const struct tw_vs tlsa_matching_vals[] = {{0, "No Hash Used (Full)"},
                                                  {1, "256 bit hash by SHA2 (SHA2-256)"},
                                                  {2, "512 bit hash by SHA2 (SHA2-512)"},
                                                  {0, NULL}};

static const struct tw_tfs tfs_response = {"Message is a response", "Message is a query"};
static const struct tw_tfs tfs_auth = {"Server is an authority for domain",
                                       "Server is not an authority for domain"};
static const struct tw_tfs tfs_conflict_q = {"The sender received multiple responses", "None"};
static const struct tw_tfs tfs_conflict_r = {"The name is not considered unique",
                                             "The name is considered unique"};
static const struct tw_tfs tfs_trunc = {"Message is truncated", "Message is not truncated"};
static const struct tw_tfs tfs_rd = {"Do query recursively", "Don't do query recursively"};
static const struct tw_tfs tfs_tentative = {"Tentative", "Not tentative"};
static const struct tw_tfs tfs_ra = {"Server can do recursive queries",
                                     "Server can't do recursive queries"};
static const struct tw_tfs tfs_z = {"reserved - incorrect!", "reserved (0)"};
static const struct tw_tfs tfs_ad = {
    "Answer/authority portion was authenticated by the server",
    "Answer/authority portion was not authenticated by the server"};
static const struct tw_tfs tfs_cd = {"Acceptable", "Unacceptable"};
static const struct tw_tfs tfs_do = {"Accepts DNSSEC security RRs",
                                     "Cannot handle DNSSEC security RRs"};
static const struct tw_tfs tfs_zone = {"This is the zone key for specified zone",
                                       "This it not a zone key"};
static const struct tw_tfs tfs_crit = {"Critical", "Not critical"};

static const struct tw_field_def fields[F_COUNT] = {
    [F_LENGTH] = {"dns.length", "Length", TW_FT_UINT16, TW_BASE_DEC, 0, NULL, NULL, NULL,
                  "Length of DNS-over-TCP request or response"},
    [F_ID] = {"dns.id", "Transaction ID", TW_FT_UINT16, TW_BASE_HEX, 0, NULL, NULL, NULL,
              "Identification of transaction"},
    [F_FLAGS] = {"dns.flags", "Flags", TW_FT_UINT16, TW_BASE_HEX, 0, NULL, NULL, NULL, NULL},
    [F_FL_RESPONSE] = {"dns.flags.response", "Response", TW_FT_BOOLEAN, 16, 0x8000, NULL, NULL,
                       &tfs_response, "Is the message a response?"},
    [F_FL_OPCODE] = {"dns.flags.opcode", "Opcode", TW_FT_UINT16, TW_BASE_DEC, 0x7800, opcode_vals,
                     NULL, NULL, "Operation code"},
    [F_FL_AUTH] = {"dns.flags.authoritative", "Authoritative", TW_FT_BOOLEAN, 16, 0x400, NULL, NULL,
                   &tfs_auth, "Is the server is an authority for the domain?"},
    [F_FL_CONFLICT_Q] = {"dns.flags.conflict", "Conflict", TW_FT_BOOLEAN, 16, 0x400, NULL, NULL,
                         &tfs_conflict_q, "Did we receive multiple responses to a query?"},
    [F_FL_CONFLICT_R] = {"dns.flags.conflict", "Conflict", TW_FT_BOOLEAN, 16, 0x400, NULL, NULL,
                         &tfs_conflict_r, "Did we receive multiple responses to a query?"},
    [F_FL_TRUNC] = {"dns.flags.truncated", "Truncated", TW_FT_BOOLEAN, 16, 0x200, NULL, NULL,
                    &tfs_trunc, "Is the message truncated?"},
    [F_FL_RD] = {"dns.flags.recdesired", "Recursion desired", TW_FT_BOOLEAN, 16, 0x100, NULL, NULL,
                 &tfs_rd, "Do query recursively?"},
    [F_FL_TENTATIVE] =
        {"dns.flags.tentative", "Tentative", TW_FT_BOOLEAN, 16, 0x100, NULL, NULL, &tfs_tentative,
         "Is the responder authoritative for the name, but not yet verified the uniqueness?"},
    [F_FL_RA] = {"dns.flags.recavail", "Recursion available", TW_FT_BOOLEAN, 16, 0x80, NULL, NULL,
                 &tfs_ra, "Can the server do recursive queries?"},
    [F_FL_Z] = {"dns.flags.z", "Z", TW_FT_BOOLEAN, 16, 0x40, NULL, NULL, &tfs_z, "Z flag"},
    [F_FL_AD] = {"dns.flags.authenticated", "Answer authenticated", TW_FT_BOOLEAN, 16, 0x20, NULL,
                 NULL, &tfs_ad, "Was the reply data authenticated by the server?"},
    [F_FL_AD_Q] = {"dns.flags.authenticated", "AD bit", TW_FT_BOOLEAN, 16, 0x20, NULL, NULL,
                   &tw_tfs_set_notset, "Was the reply data authenticated by the server?"},
    [F_FL_CD] = {"dns.flags.checkdisable", "Non-authenticated data", TW_FT_BOOLEAN, 16, 0x10, NULL,
                 NULL, &tfs_cd, "Is non-authenticated data acceptable?"},
    [F_FL_RCODE] = {"dns.flags.rcode", "Reply code", TW_FT_UINT16, TW_BASE_DEC, 0xf, rcode_vals,
                    NULL, NULL, NULL},
    [F_CNT_Q] = {"dns.count.queries", "Questions", TW_FT_UINT16, TW_BASE_DEC, 0, NULL, NULL, NULL,
                 "Number of queries in packet"},
    [F_CNT_ZONES] = {"dns.count.zones", "Zones", TW_FT_UINT16, TW_BASE_DEC, 0, NULL, NULL, NULL,
                     "Number of zones in packet"},
    [F_CNT_AN] = {"dns.count.answers", "Answer RRs", TW_FT_UINT16, TW_BASE_DEC, 0, NULL, NULL, NULL,
                  "Number of answers in packet"},
    [F_CNT_PREREQ] = {"dns.count.prerequisites", "Prerequisites", TW_FT_UINT16, TW_BASE_DEC, 0,
                      NULL, NULL, NULL, "Number of prerequisites in packet"},
    [F_CNT_NS] = {"dns.count.auth_rr", "Authority RRs", TW_FT_UINT16, TW_BASE_DEC, 0, NULL, NULL,
                  NULL, "Number of authoritative records in packet"},
    [F_CNT_UPD] = {"dns.count.updates", "Updates", TW_FT_UINT16, TW_BASE_DEC, 0, NULL, NULL, NULL,
                   "Number of updates records in packet"},
    [F_CNT_AR] = {"dns.count.add_rr", "Additional RRs", TW_FT_UINT16, TW_BASE_DEC, 0, NULL, NULL,
                  NULL, "Number of additional records in packet"},
    [F_QRY_NAME] = {"dns.qry.name", "Name", TW_FT_STRING, 0, 0, NULL, NULL, NULL, "Query Name"},
    [F_QRY_NAME_LEN] = {"dns.qry.name.len", "Name Length", TW_FT_UINT16, TW_BASE_DEC, 0, NULL, NULL,
                        NULL, "Query Name Len"},
    [F_CNT_LABELS] = {"dns.count.labels", "Label Count", TW_FT_UINT16, TW_BASE_DEC, 0, NULL, NULL,
                      NULL, "Query Label Count"},
    [F_QRY_TYPE] = {"dns.qry.type", "Type", TW_FT_UINT16, TW_BASE_DEC, 0, type_vals, NULL, NULL,
                    "Query Type"},
    [F_QRY_CLASS] = {"dns.qry.class", "Class", TW_FT_UINT16, TW_BASE_HEX, 0, class_vals, NULL, NULL,
                     "Query Class"},
    [F_QRY_CLASS_MDNS] = {"dns.qry.class", "Class", TW_FT_UINT16, TW_BASE_HEX, 0x7fff, class_vals,
                          NULL, NULL, "Query Class"},
    [F_QRY_QU] = {"dns.qry.qu", "\"QU\" question", TW_FT_BOOLEAN, 16, 0x8000, NULL, NULL, NULL,
                  "QU flag"},
    [F_RR_NAME] = {"dns.resp.name", "Name", TW_FT_STRING, 0, 0, NULL, NULL, NULL, "Response Name"},
    [F_RR_TYPE] = {"dns.resp.type", "Type", TW_FT_UINT16, TW_BASE_DEC, 0, type_vals, NULL, NULL,
                   "Response Type"},
    [F_RR_CLASS] = {"dns.resp.class", "Class", TW_FT_UINT16, TW_BASE_HEX, 0, class_vals, NULL, NULL,
                    "Response Class"},
    [F_RR_CLASS_MDNS] = {"dns.resp.class", "Class", TW_FT_UINT16, TW_BASE_HEX, 0x7fff, class_vals,
                         NULL, NULL, "Response Class"},
    [F_RR_FLUSH] = {"dns.resp.cache_flush", "Cache flush", TW_FT_BOOLEAN, 16, 0x8000, NULL, NULL,
                    NULL, "Cache flush flag"},
    [F_RR_EXT_RCODE] = {"dns.resp.ext_rcode", "Higher bits in extended RCODE", TW_FT_UINT8,
                        TW_BASE_HEX, 0, NULL, NULL, NULL, NULL},
    [F_RR_EDNS0_VER] = {"dns.resp.edns0_version", "EDNS0 version", TW_FT_UINT8, TW_BASE_DEC, 0,
                        NULL, NULL, NULL, NULL},
    [F_RR_Z] = {"dns.resp.z", "Z", TW_FT_UINT16, TW_BASE_HEX, 0, NULL, NULL, NULL, NULL},
    [F_RR_Z_DO] = {"dns.resp.z.do", "DO bit", TW_FT_BOOLEAN, 16, 0x8000, NULL, NULL, &tfs_do,
                   "DNSSEC OK"},
    [F_RR_Z_RES] = {"dns.resp.z.reserved", "Reserved", TW_FT_UINT16, TW_BASE_HEX, 0x7fff, NULL,
                    NULL, NULL, NULL},
    [F_RR_TTL] = {"dns.resp.ttl", "Time to live", TW_FT_UINT32, TW_BASE_DEC, 0, NULL, NULL, NULL,
                  "Response TTL"},
    [F_RR_LEN] = {"dns.resp.len", "Data length", TW_FT_UINT16, TW_BASE_DEC, 0, NULL, NULL, NULL,
                  "Response Length"},
    [F_RR_UDP_PAYLOAD] = {"dns.rr.udp_payload_size", "UDP payload size", TW_FT_UINT16, TW_BASE_DEC,
                          0, NULL, NULL, NULL, NULL},
    [F_RR_UDP_PAYLOAD_MDNS] = {"dns.rr.udp_payload_size", "UDP payload size", TW_FT_UINT16,
                               TW_BASE_HEX, 0x7fff, NULL, NULL, NULL, NULL},
    [F_A] = {"dns.a", "Address", TW_FT_IPv4, 0, 0, NULL, NULL, NULL, "Response Address"},
    [F_AAAA] = {"dns.aaaa", "AAAA Address", TW_FT_IPv6, 0, 0, NULL, NULL, NULL,
                "AAAA Response Address"},
    [F_CNAME] = {"dns.cname", "CNAME", TW_FT_STRING, 0, 0, NULL, NULL, NULL,
                 "Response Primary Name"},
    [F_NS] = {"dns.ns", "Name Server", TW_FT_STRING, 0, 0, NULL, NULL, NULL, NULL},
    [F_PTR] = {"dns.ptr.domain_name", "Domain Name", TW_FT_STRING, 0, 0, NULL, NULL, NULL, NULL},
    [F_MX_PREF] = {"dns.mx.preference", "Preference", TW_FT_UINT16, TW_BASE_DEC, 0, NULL, NULL,
                   NULL, NULL},
    [F_MX_EXCH] = {"dns.mx.mail_exchange", "Mail Exchange", TW_FT_STRING, 0, 0, NULL, NULL, NULL,
                   NULL},
    [F_TXT_LEN] = {"dns.txt.length", "TXT Length", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL, NULL,
                   NULL},
    [F_TXT] = {"dns.txt", "TXT", TW_FT_STRING, 0, 0, NULL, NULL, NULL, NULL},
    [F_SOA_MNAME] = {"dns.soa.mname", "Primary name server", TW_FT_STRING, 0, 0, NULL, NULL, NULL,
                     NULL},
    [F_SOA_RNAME] = {"dns.soa.rname", "Responsible authority's mailbox", TW_FT_STRING, 0, 0, NULL,
                     NULL, NULL, NULL},
    [F_SOA_SERIAL] = {"dns.soa.serial_number", "Serial Number", TW_FT_UINT32, TW_BASE_DEC, 0, NULL,
                      NULL, NULL, NULL},
    [F_SOA_REFRESH] = {"dns.soa.refresh_interval", "Refresh Interval", TW_FT_UINT32, TW_BASE_DEC, 0,
                       NULL, NULL, NULL, NULL},
    [F_SOA_RETRY] = {"dns.soa.retry_interval", "Retry Interval", TW_FT_UINT32, TW_BASE_DEC, 0, NULL,
                     NULL, NULL, NULL},
    [F_SOA_EXPIRE] = {"dns.soa.expire_limit", "Expire limit", TW_FT_UINT32, TW_BASE_DEC, 0, NULL,
                      NULL, NULL, NULL},
    [F_SOA_MINTTL] = {"dns.soa.minimum_ttl", "Minimum TTL", TW_FT_UINT32, TW_BASE_DEC, 0, NULL,
                      NULL, NULL, NULL},
    [F_SRV_SERVICE] = {"dns.srv.service", "Service", TW_FT_STRING, 0, 0, NULL, NULL, NULL,
                       "Desired service"},
    [F_SRV_PROTO] = {"dns.srv.proto", "Protocol", TW_FT_STRING, 0, 0, NULL, NULL, NULL,
                     "Desired protocol"},
    [F_SRV_NAME] = {"dns.srv.name", "Name", TW_FT_STRING, 0, 0, NULL, NULL, NULL,
                    "Domain this resource record refers to"},
    [F_SRV_PRIO] = {"dns.srv.priority", "Priority", TW_FT_UINT16, TW_BASE_DEC, 0, NULL, NULL, NULL,
                    NULL},
    [F_SRV_WEIGHT] = {"dns.srv.weight", "Weight", TW_FT_UINT16, TW_BASE_DEC, 0, NULL, NULL, NULL,
                      NULL},
    [F_SRV_PORT] = {"dns.srv.port", "Port", TW_FT_UINT16, TW_BASE_DEC, 0, NULL, NULL, NULL, NULL},
    [F_SRV_TARGET] = {"dns.srv.target", "Target", TW_FT_STRING, 0, 0, NULL, NULL, NULL, NULL},
    [F_OPT] = {"dns.opt", "Option", TW_FT_NONE, 0, 0, NULL, NULL, NULL, NULL},
    [F_OPT_CODE] = {"dns.opt.code", "Option Code", TW_FT_UINT16, TW_BASE_DEC, 0, optcode_vals, NULL,
                    NULL, NULL},
    [F_OPT_LEN] = {"dns.opt.len", "Option Length", TW_FT_UINT16, TW_BASE_DEC, 0, NULL, NULL, NULL,
                   NULL},
    [F_OPT_DATA] = {"dns.opt.data", "Option Data", TW_FT_BYTES, 0, 0, NULL, NULL, NULL, NULL},
    [F_OPT_CLI_FAMILY] = {"dns.opt.client.family", "Family", TW_FT_UINT16, TW_BASE_DEC, 0,
                          family_vals, NULL, NULL, NULL},
    [F_OPT_CLI_NETMASK] = {"dns.opt.client.netmask", "Source Netmask", TW_FT_UINT8, TW_BASE_DEC, 0,
                           NULL, NULL, NULL, NULL},
    [F_OPT_CLI_SCOPE] = {"dns.opt.client.scope", "Scope Netmask", TW_FT_UINT8, TW_BASE_DEC, 0, NULL,
                         NULL, NULL, NULL},
    [F_OPT_CLI_ADDR] = {"dns.opt.client.addr", "Client Subnet", TW_FT_BYTES, 0, 0, NULL, NULL, NULL,
                        NULL},
    [F_OPT_CLI_ADDR4] = {"dns.opt.client.addr4", "Client Subnet", TW_FT_IPv4, 0, 0, NULL, NULL,
                         NULL, NULL},
    [F_OPT_CLI_ADDR6] = {"dns.opt.client.addr6", "Client Subnet", TW_FT_IPv6, 0, 0, NULL, NULL,
                         NULL, NULL},
    [F_OPT_COOKIE_CLI] = {"dns.opt.cookie.client", "Client Cookie", TW_FT_BYTES, 0, 0, NULL, NULL,
                          NULL, NULL},
    [F_OPT_COOKIE_SRV] = {"dns.opt.cookie.server", "Server Cookie", TW_FT_BYTES, 0, 0, NULL, NULL,
                          NULL, NULL},
    [F_OPT_PADDING] = {"dns.opt.padding", "Padding", TW_FT_BYTES, 0, 0, NULL, NULL, NULL,
                       "The PADDING octets SHOULD be set to 0x00"},
    [F_OPT_KEEPALIVE] =
        {"dns.opt.edns_tcp_keepalive.timeout", "Timeout", TW_FT_UINT16, TW_BASE_DEC, 0, NULL, NULL,
         NULL,
         "an idle timeout value for the TCP connection, specified in units of 100 milliseconds"},
    [F_OPT_EXT_ERR_CODE] = {"dns.opt.ext_error.info_code", "Info Code", TW_FT_UINT16, TW_BASE_DEC,
                            0, NULL, NULL, NULL, NULL},
    [F_OPT_EXT_ERR_TEXT] = {"dns.opt.ext_error.extra_text", "Extra Text", TW_FT_STRING, 0, 0, NULL,
                            NULL, NULL, NULL},
    [F_SVCB_PRIO] = {"dns.svcb.svcpriority", "SvcPriority", TW_FT_UINT16, TW_BASE_DEC, 0, NULL,
                     NULL, NULL, NULL},
    [F_SVCB_TARGET] = {"dns.svcb.targetname", "TargetName", TW_FT_STRING, 0, 0, NULL, NULL, NULL,
                       NULL},
    [F_SVCB_KEY] = {"dns.svcb.svcparam.key", "SvcParamKey", TW_FT_UINT16, TW_BASE_DEC, 0,
                    svcb_key_vals, NULL, NULL, NULL},
    [F_SVCB_VLEN] = {"dns.svcb.svcparam.value.length", "SvcParamValue length", TW_FT_UINT16,
                     TW_BASE_DEC, 0, NULL, NULL, NULL, NULL},
    [F_SVCB_VALUE] = {"dns.svcb.svcparam.value", "SvcParamValue", TW_FT_BYTES, 0, 0, NULL, NULL,
                      NULL, NULL},
    [F_SVCB_PARAM] = {"dns.svcb.svcparam", "SvcParam", TW_FT_NONE, 0, 0, NULL, NULL, NULL, NULL},
    [F_SVCB_MANDATORY] = {"dns.svcb.svcparam.mandatory.key", "Mandatory key", TW_FT_UINT16,
                          TW_BASE_DEC, 0, svcb_key_vals, NULL, NULL, "Mandatory keys in this RR"},
    [F_SVCB_ALPN_LEN] = {"dns.svcb.svcparam.alpn.length", "ALPN length", TW_FT_UINT8, TW_BASE_DEC,
                         0, NULL, NULL, NULL, NULL},
    [F_SVCB_ALPN] = {"dns.svcb.svcparam.alpn", "ALPN", TW_FT_STRING, 0, 0, NULL, NULL, NULL,
                     "Additional supported protocols"},
    [F_SVCB_PORT] = {"dns.svcb.svcparam.port", "Port", TW_FT_UINT16, TW_BASE_DEC, 0, NULL, NULL,
                     NULL, "Port for alternative endpoint"},
    [F_SVCB_IPV4] = {"dns.svcb.svcparam.ipv4hint.ip", "IP", TW_FT_IPv4, 0, 0, NULL, NULL, NULL,
                     "IPv4 address hints"},
    [F_SVCB_ECH] = {"dns.svcb.svcparam.echconfig", "ECHConfig", TW_FT_BYTES, 0, 0, NULL, NULL, NULL,
                    "Encrypted ClientHello (ECH) infos"},
    [F_SVCB_IPV6] = {"dns.svcb.svcparam.ipv6hint.ip", "IP", TW_FT_IPv6, 0, 0, NULL, NULL, NULL,
                     "IPv6 address hints"},
    [F_SVCB_ODOH] = {"dns.svcb.svcparam.odohconfig", "ODoHConfig", TW_FT_BYTES, 0, 0, NULL, NULL,
                     NULL, "Oblivious DoH keys"},
    [F_DS_KEYID] = {"dns.ds.key_id", "Key id", TW_FT_UINT16, TW_BASE_HEX, 0, NULL, NULL, NULL,
                    NULL},
    [F_DS_ALGO] = {"dns.ds.algorithm", "Algorithm", TW_FT_UINT8, TW_BASE_DEC, 0, algo_vals, NULL,
                   NULL, NULL},
    [F_DS_DIGEST_TYPE] = {"dns.ds.digest_type", "Digest Type", TW_FT_UINT8, TW_BASE_DEC, 0,
                          digest_vals, NULL, NULL, NULL},
    [F_DS_DIGEST] = {"dns.ds.digest", "Digest", TW_FT_BYTES, 0, 0, NULL, NULL, NULL, NULL},
    [F_HINFO_CPU_LEN] = {"dns.hinfo.cpu_length", "CPU Length", TW_FT_UINT8, TW_BASE_DEC, 0, NULL,
                         NULL, NULL, NULL},
    [F_HINFO_CPU] = {"dns.hinfo.cpu", "CPU", TW_FT_STRING, 0, 0, NULL, NULL, NULL, NULL},
    [F_HINFO_OS_LEN] = {"dns.hinfo.os_length", "OS Length", TW_FT_UINT8, TW_BASE_DEC, 0, NULL,
                        NULL, NULL, NULL},
    [F_HINFO_OS] = {"dns.hinfo.os", "OS", TW_FT_STRING, 0, 0, NULL, NULL, NULL, NULL},
    [F_LOC_VERSION] = {"dns.loc.version", "Version", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL, NULL,
                       NULL},
    [F_LOC_SIZE] = {"dns.loc.size", "Size", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL, NULL, NULL},
    [F_LOC_HPREC] = {"dns.loc.horizontal_precision", "Horizontal Precision", TW_FT_UINT8,
                     TW_BASE_DEC, 0, NULL, NULL, NULL, NULL},
    [F_LOC_VPREC] = {"dns.loc.vertical_precision", "Vertical Precision", TW_FT_UINT8, TW_BASE_DEC,
                     0, NULL, NULL, NULL, NULL},
    [F_LOC_LAT] = {"dns.loc.latitude", "Latitude", TW_FT_UINT32, TW_BASE_DEC, 0, NULL, NULL, NULL,
                   NULL},
    [F_LOC_LON] = {"dns.loc.longitude", "Longitude", TW_FT_UINT32, TW_BASE_DEC, 0, NULL, NULL,
                   NULL, NULL},
    [F_LOC_ALT] = {"dns.loc.altitude", "Altitude", TW_FT_UINT32, TW_BASE_DEC, 0, NULL, NULL, NULL,
                   NULL},
    [F_LOC_UNKNOWN] = {"dns.loc.unknown_data", "Unknown data", TW_FT_BYTES, 0, 0, NULL, NULL, NULL,
                       NULL},
    [F_RP_MAILBOX] = {"dns.rp.mailbox", "Mailbox", TW_FT_STRING, 0, 0, NULL, NULL, NULL, NULL},
    [F_RP_TXT] = {"dns.rp.txt_rr", "TXT RR", TW_FT_STRING, 0, 0, NULL, NULL, NULL, NULL},
    [F_APL_FAMILY] = {"dns.apl.address_family", "Address Family", TW_FT_UINT16, TW_BASE_DEC, 0,
                      family_vals, NULL, NULL, NULL},
    [F_APL_PREFIX] = {"dns.apl.coded_prefix", "Prefix Length", TW_FT_UINT8, TW_BASE_DEC, 0, NULL,
                      NULL, NULL, NULL},
    [F_APL_NEG] = {"dns.apl.negation", "Negation Flag", TW_FT_BOOLEAN, 8, 0x80, NULL, NULL,
                   &tfs_apl_neg, NULL},
    [F_APL_AFDLEN] = {"dns.apl.afdlength", "Address Length", TW_FT_UINT8, TW_BASE_DEC, 0x7f, NULL,
                      NULL, NULL, NULL},
    [F_APL_IPV4] = {"dns.apl.afdpart.ipv4", "Address", TW_FT_IPv4, 0, 0, NULL, NULL, NULL, NULL},
    [F_APL_IPV6] = {"dns.apl.afdpart.ipv6", "Address", TW_FT_IPv6, 0, 0, NULL, NULL, NULL, NULL},
    [F_APL_DATA] = {"dns.apl.afdpart.data", "Address", TW_FT_BYTES, 0, 0, NULL, NULL, NULL, NULL},
    [F_SSHFP_ALGO] = {"dns.sshfp.algorithm", "Algorithm", TW_FT_UINT8, TW_BASE_DEC, 0,
                      sshfp_algo_vals, NULL, NULL, NULL},
    [F_SSHFP_TYPE] = {"dns.sshfp.fingerprint.type", "Fingerprint type", TW_FT_UINT8, TW_BASE_DEC,
                      0, sshfp_type_vals, NULL, NULL, NULL},
    [F_SSHFP_FP] = {"dns.sshfp.fingerprint", "Fingerprint", TW_FT_BYTES, 0, 0, NULL, NULL, NULL,
                    NULL},
    [F_NSEC3_ALGO] = {"dns.nsec3.algo", "Hash algorithm", TW_FT_UINT8, TW_BASE_DEC, 0,
                      nsec3_algo_vals, NULL, NULL, NULL},
    [F_NSEC3_FLAGS] = {"dns.nsec3.flags", "NSEC3 flags", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL,
                       NULL, NULL},
    [F_NSEC3_OPTOUT] = {"dns.nsec3.flags.opt_out", "NSEC3 Opt-out flag", TW_FT_BOOLEAN, 8, 0x1,
                        NULL, NULL, &tfs_optout, NULL},
    [F_NSEC3_ITER] = {"dns.nsec3.iterations", "NSEC3 iterations", TW_FT_UINT16, TW_BASE_DEC, 0,
                      NULL, NULL, NULL, NULL},
    [F_NSEC3_SALT_LEN] = {"dns.nsec3.salt_length", "Salt length", TW_FT_UINT8, TW_BASE_DEC, 0,
                          NULL, NULL, NULL, NULL},
    [F_NSEC3_SALT] = {"dns.nsec3.salt_value", "Salt value", TW_FT_BYTES, 0, 0, NULL, NULL, NULL,
                      NULL},
    [F_NSEC3_HASH_LEN] = {"dns.nsec3.hash_length", "Hash length", TW_FT_UINT8, TW_BASE_DEC, 0,
                          NULL, NULL, NULL, NULL},
    [F_NSEC3_HASH] = {"dns.nsec3.hash_value", "Next hashed owner", TW_FT_STRING, 0, 0, NULL, NULL,
                      NULL, NULL},
    [F_TSIG_ALGO] = {"dns.tsig.algorithm_name", "Algorithm Name", TW_FT_STRING, 0, 0, NULL, NULL,
                     NULL, NULL},
    [F_TSIG_TIME] = {"dns.tsig.time_signed", "Time Signed", TW_FT_ABSOLUTE_TIME, TW_ABSTIME_UTC, 0,
                     NULL, NULL, NULL, NULL},
    [F_TSIG_FUDGE] = {"dns.tsig.fudge", "Fudge", TW_FT_UINT16, TW_BASE_DEC, 0, NULL, NULL, NULL,
                      NULL},
    [F_TSIG_MAC_SIZE] = {"dns.tsig.mac_size", "MAC Size", TW_FT_UINT16, TW_BASE_DEC, 0, NULL, NULL,
                         NULL, NULL},
    [F_TSIG_MAC] = {"dns.tsig.mac", "MAC", TW_FT_NONE, 0, 0, NULL, NULL, NULL, NULL},
    [F_TSIG_ORIG_ID] = {"dns.tsig.original_id", "Original Id", TW_FT_UINT16, TW_BASE_DEC, 0, NULL,
                        NULL, NULL, NULL},
    [F_TSIG_ERROR] = {"dns.tsig.error", "Error", TW_FT_UINT16, TW_BASE_DEC, 0, rcode_vals, NULL,
                      NULL, NULL},
    [F_TSIG_OTHER_LEN] = {"dns.tsig.other_len", "Other Len", TW_FT_UINT16, TW_BASE_DEC, 0, NULL,
                          NULL, NULL, NULL},
    [F_TSIG_OTHER] = {"dns.tsig.other_data", "Other Data", TW_FT_BYTES, 0, 0, NULL, NULL, NULL,
                      NULL},
    [F_TLSA_USAGE] = {"dns.tlsa.certificate_usage", "Certificate Usage", TW_FT_UINT8, TW_BASE_DEC,
                      0, tlsa_usage_vals, NULL, NULL, NULL},
    [F_TLSA_SELECTOR] = {"dns.tlsa.selector", "Selector", TW_FT_UINT8, TW_BASE_DEC, 0,
                         tlsa_selector_vals, NULL, NULL, NULL},
    [F_TLSA_MATCHING] = {"dns.tlsa.matching_type", "Matching Type", TW_FT_UINT8, TW_BASE_DEC, 0,
                         tlsa_matching_vals, NULL, NULL, NULL},
    [F_TLSA_DATA] = {"dns.tlsa.certificate_association_data", "Certificate Association Data",
                     TW_FT_BYTES, 0, 0, NULL, NULL, NULL, NULL},
    [F_DNSKEY_FLAGS] = {"dns.dnskey.flags", "Flags", TW_FT_UINT16, TW_BASE_HEX, 0, NULL, NULL, NULL,
                        NULL},
    [F_DNSKEY_ZONE] = {"dns.dnskey.flags.zone_key", "Zone Key", TW_FT_BOOLEAN, 16, 0x100, NULL,
                       NULL, &tfs_zone, NULL},
    [F_DNSKEY_REVOKED] = {"dns.dnskey.flags.key_revoked", "Key Revoked", TW_FT_BOOLEAN, 16, 0x80,
                          NULL, NULL, &tw_tfs_yes_no, NULL},
    [F_DNSKEY_SEP] = {"dns.dnskey.flags.secure_entry_point", "Key Signing Key", TW_FT_BOOLEAN, 16,
                      0x1, NULL, NULL, &tw_tfs_yes_no, NULL},
    [F_DNSKEY_RES] = {"dns.dnskey.flags.reserved", "Key Signing Key", TW_FT_UINT16, TW_BASE_HEX,
                      0xfe7e, NULL, NULL, NULL, "Must be zero"},
    [F_DNSKEY_PROTO] = {"dns.dnskey.protocol", "Protocol", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL,
                        NULL, "Must be 3"},
    [F_DNSKEY_ALGO] = {"dns.dnskey.algorithm", "Algorithm", TW_FT_UINT8, TW_BASE_DEC, 0, algo_vals,
                       NULL, NULL,
                       "Identifies the public key's cryptographic algorithm and determines the "
                       "format of the Public Key field"},
    [F_DNSKEY_KEYID] = {"dns.dnskey.key_id", "Key id", TW_FT_UINT16, TW_BASE_DEC, 0, NULL, NULL,
                        NULL, NULL},
    [F_DNSKEY_PUBKEY] = {"dns.dnskey.public_key", "Public Key", TW_FT_BYTES, 0, 0, NULL, NULL, NULL,
                         NULL},
    [F_RRSIG_TYPE] = {"dns.rrsig.type_covered", "Type Covered", TW_FT_UINT16, TW_BASE_DEC, 0,
                      type_vals, NULL, NULL,
                      "Identifies the type of the RRset that is covered by this RRSIG record"},
    [F_RRSIG_ALGO] = {"dns.rrsig.algorithm", "Algorithm", TW_FT_UINT8, TW_BASE_DEC, 0, algo_vals,
                      NULL, NULL,
                      "Identifies the cryptographic algorithm used to create the signature"},
    [F_RRSIG_LABELS] = {"dns.rrsig.labels", "Labels", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL, NULL,
                        "Specifies the number of labels in the original RRSIG RR owner name"},
    [F_RRSIG_OTTL] =
        {"dns.rrsig.original_ttl", "Original TTL", TW_FT_UINT32, TW_BASE_DEC, 0, NULL, NULL, NULL,
         "Specifies the TTL of the covered RRset as it appears in the authoritative zone"},
    [F_RRSIG_EXP] = {"dns.rrsig.signature_expiration", "Signature Expiration", TW_FT_ABSOLUTE_TIME,
                     TW_ABSTIME_UTC, 0, NULL, NULL, NULL,
                     "Specify a validity period for the signature"},
    [F_RRSIG_INC] = {"dns.rrsig.signature_inception", "Signature Inception", TW_FT_ABSOLUTE_TIME,
                     TW_ABSTIME_UTC, 0, NULL, NULL, NULL,
                     "Specify a validity period for the signature"},
    [F_RRSIG_KEYTAG] =
        {"dns.rrsig.key_tag", "Key Tag", TW_FT_UINT16, TW_BASE_DEC, 0, NULL, NULL, NULL,
         "Contains the key tag value of the DNSKEY RR that validates this signature"},
    [F_RRSIG_SIGNER] = {"dns.rrsig.signers_name", "Signer's name", TW_FT_STRING, 0, 0, NULL, NULL,
                        NULL,
                        "Identifies the owner name of the DNSKEY RR that a validator is supposed "
                        "to use to validate this signature"},
    [F_RRSIG_SIG] = {"dns.rrsig.signature", "Signature", TW_FT_BYTES, 0, 0, NULL, NULL, NULL,
                     "Contains the cryptographic signature that covers the RRSIG RDATA"},
    [F_NSEC_NEXT] = {"dns.nsec.next_domain_name", "Next Domain Name", TW_FT_STRING, 0, 0, NULL,
                     NULL, NULL, NULL},
    [F_CAA_FLAGS] = {"dns.caa.flags", "CAA Flags", TW_FT_UINT8, TW_BASE_HEX, 0, NULL, NULL, NULL,
                     NULL},
    [F_CAA_CRIT] = {"dns.caa.flags.issuer_critical", "Issuer Critical", TW_FT_BOOLEAN, 8, 0x80,
                    NULL, NULL, &tfs_crit, "Other CAs must not issue certificates"},
    [F_CAA_ISSUE] = {"dns.caa.issue", "Issue", TW_FT_STRING, 0, 0, NULL, NULL, NULL,
                     "CA which is allowed to issue certificates"},
    [F_CAA_ISSUEWILD] = {"dns.caa.issuewild", "Issue Wildcard", TW_FT_STRING, 0, 0, NULL, NULL,
                         NULL, "CA which is allowed to issue wildcard certificates"},
    [F_CAA_IODEF] = {"dns.caa.iodef", "Report URL", TW_FT_STRING, 0, 0, NULL, NULL, NULL,
                     "URL or email address for certificate issue requests and violation reports"},
    [F_CAA_UNKNOWN] = {"dns.caa.unknown", "Unknown tag", TW_FT_STRING, 0, 0, NULL, NULL, NULL,
                       NULL},
    [F_CAA_TAG_LEN] = {"dns.caa.tag_length", "Tag length", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL,
                       NULL, NULL},
    [F_CAA_TAG] = {"dns.caa.tag", "Tag", TW_FT_STRING, 0, 0, NULL, NULL, NULL, NULL},
    [F_CAA_VALUE] = {"dns.caa.value", "Value", TW_FT_STRING, 0, 0, NULL, NULL, NULL, NULL},
    [F_DATA] = {"dns.data", "Data", TW_FT_BYTES, 0, 0, NULL, NULL, NULL, NULL},
    [F_RESPONSE_IN] = {"dns.response_in", "Response In", TW_FT_FRAMENUM, 0, 0, NULL, NULL, NULL,
                       "The response to this DNS query is in this frame"},
    [F_RESPONSE_TO] = {"dns.response_to", "Request In", TW_FT_FRAMENUM, 0, 0, NULL, NULL, NULL,
                       "This is a response to the DNS query in this frame"},
    [F_RETRANS] = {"dns.retransmission", "Retransmission", TW_FT_BOOLEAN, 0, 0, NULL, NULL, NULL,
                   "This is a retransmission"},
    [F_RETRANS_REQ_IN] = {"dns.retransmit_request_in", "Retransmitted request. Original request in",
                          TW_FT_FRAMENUM, 0, 0, NULL, NULL, NULL,
                          "This is a retransmitted DNS query"},
    [F_RETRANS_RESP_IN] = {"dns.retransmit_response_in",
                           "Retransmitted response. Original response in", TW_FT_FRAMENUM, 0, 0,
                           NULL, NULL, NULL, "This is a retransmitted DNS response"},
    [F_TIME] = {"dns.time", "Time", TW_FT_RELATIVE_TIME, 0, 0, NULL, NULL, NULL,
                "The time between the Query and the Response"},
    [F_UNSOLICITED] = {"dns.unsolicited", "Unsolicited", TW_FT_BOOLEAN, 0, 0, NULL, NULL, NULL,
                       "This is an unsolicited response"},
    [F_EXTRA_DATA] = {"dns.extraneous.data", "Extraneous Data Bytes", TW_FT_BYTES, 0, 0, NULL, NULL,
                      NULL, NULL},
    [F_EXTRA_LEN] = {"dns.extraneous.length", "Extraneous Data Length", TW_FT_INT32, TW_BASE_DEC, 0,
                     NULL, NULL, NULL, NULL},
};

enum {
    E_RETRANS_REQ,
    E_RETRANS_RESP,
    E_TTL_HIGH,
    E_UNDECODED,
    E_EXTRANEOUS,
    E_OPT_BAD_LEN,
    E_KEYID_SHORT,
    E_TSIG_NOALG,
    E_COUNT
};
static const struct tw_expert_def experts[E_COUNT] = {
    [E_RETRANS_REQ] = {"dns.retransmit_request", "decoder.dns.retransmit_request", TW_SEV_WARN,
                       TW_GRP_PROTOCOL, "DNS query retransmission"},
    [E_RETRANS_RESP] = {"dns.retransmit_response", "decoder.dns.retransmit_response", TW_SEV_WARN,
                        TW_GRP_PROTOCOL, "DNS response retransmission"},
    [E_TTL_HIGH] = {"dns.ttl.high_bit_set", "decoder.dns.ttl_high_bit", TW_SEV_WARN,
                    TW_GRP_PROTOCOL, "The uppermost bit of the TTL is set (RFC 2181, section 8)"},
    [E_UNDECODED] = {"dns.undecoded.type", "decoder.dns.undecoded_type", TW_SEV_NOTE,
                     TW_GRP_UNDECODED, "Undecoded option"},
    [E_EXTRANEOUS] = {"dns.extraneous", "decoder.dns.extraneous", TW_SEV_NOTE, TW_GRP_UNDECODED,
                      "Extraneous data"},
    [E_OPT_BAD_LEN] = {"dns.rr.opt.bad_length", "decoder.dns.opt_bad_length", TW_SEV_ERROR,
                       TW_GRP_MALFORMED, "Length too long for any type of IP address."},
    [E_KEYID_SHORT] = {"dns.key_id_buffer_too_short", "decoder.dns.key_id_short", TW_SEV_WARN,
                       TW_GRP_PROTOCOL, "Buffer too short to compute a key id"},
    [E_TSIG_NOALG] = {"dns.tsig.noalg", "decoder.dns.tsig.noalg", TW_SEV_WARN, TW_GRP_UNDECODED,
                      "No dissector for algorithm"},
};

/* record types with something to say beyond their name */
enum {
    T_A = 1,
    T_NS = 2,
    T_CNAME = 5,
    T_SOA = 6,
    T_PTR = 12,
    T_MX = 15,
    T_TXT = 16,
    T_AAAA = 28,
    T_SRV = 33,
    T_OPT = 41,
    T_DS = 43,
    T_RRSIG = 46,
    T_NSEC = 47,
    T_DNSKEY = 48,
    T_TLSA = 52,
    T_SVCB = 64,
    T_HTTPS = 65,
    T_AXFR = 252,
    T_IXFR = 251,
    T_TSIG = 250,
    T_CAA = 257,
};

#define MAX_DNAME_LEN 255 /* Wireshark's name buffer: longer names read "<Name too long>" */
#define MAX_POINTERS  255 /* pointers followed in one name before calling it a loop */
/* bytes read for one name, over all its pointers: Wireshark has no such bound, but without it
 * a crafted message (many questions whose names hop 255 times through long label runs) costs
 * billions of reads; no real name comes near it */
#define NAME_WORK_MAX 16384
#define NAME_FMT_MAX  (MAX_DNAME_LEN * 4 + 8)

/* ---- state: transactions per conversation and ID ---- */
#define TRANS_MAX (1u << 18)
struct trans {
    uint32_t req_frame, rep_frame;
    struct tw_time req_time;
    bool multiple;
};
static struct tw_state *trans_tab;
static long retrans_timer;

static void dns_init(void)
{
    trans_tab = tw_state_open("dns.trans", sizeof(struct trans), TRANS_MAX, NULL);
    retrans_timer = tw_pref_int("dns.retransmission_timer", 5);
}

/* ---- the message being dissected ---- */
struct msg {
    struct tw_pkt *p;
    const uint8_t *d; /* frame bytes (absolute offsets) */
    uint32_t base;    /* where the message starts: name pointers count from here */
    uint32_t end;     /* claimed end */
    uint32_t cap;     /* captured end */
    uint8_t err;      /* TW_CUR_* (sticky) */
    bool mdns, llmnr, labels;
};

/* Wireshark's exceptions: past the claimed end is malformed, past the capture truncated */
static bool need(struct msg *m, uint32_t off, uint32_t n)
{
    if (m->err) return false;
    uint64_t e = (uint64_t)off + n;
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

/* Wireshark reads label bytes one at a time: the first missing byte decides the error */
static bool need_bytes(struct msg *m, uint32_t off, uint32_t n)
{
    if (m->err) return false;
    uint64_t e = (uint64_t)off + n;
    uint32_t lim = m->cap < m->end ? m->cap : m->end;
    if (e <= lim) return true;
    m->err = lim >= m->end ? TW_CUR_MALFORMED : TW_CUR_TRUNCATED;
    return false;
}

/* An expanded name: raw bytes as Wireshark collects them (labels joined by '.'), its length,
 * and the text shown (Wireshark's format_text: printable ASCII kept, C escapes, \ooo, UTF-8
 * sequences kept, invalid bytes as U+FFFD). */
struct dname {
    char raw[MAX_DNAME_LEN + 1];
    uint32_t rawlen;
    const char *special; /* "<Root>" and the like instead of raw */
    char txt[NAME_FMT_MAX];
    uint32_t txtlen;
};

static void format_name(struct dname *n)
{
    if (n->special) {
        n->txtlen = (uint32_t)strlen(n->special);
        memcpy(n->txt, n->special, n->txtlen + 1);
        return;
    }
    const uint8_t *s = (const uint8_t *)n->raw;
    uint32_t k = 0;
    for (uint32_t i = 0; i < n->rawlen;) {
        uint8_t c = s[i];
        if (c >= 0x20 && c < 0x7f) {
            n->txt[k++] = (char)c;
            i++;
            continue;
        }
        if (c >= 0x80) {
            uint32_t q = tw_utf8_seq(s + i, n->rawlen - i);
            if (q) {
                memcpy(n->txt + k, s + i, q);
                k += q;
                i += q;
            } else {
                memcpy(n->txt + k, "\xef\xbf\xbd", 3);
                k += 3;
                i++;
            }
            continue;
        }
        n->txt[k++] = '\\';
        switch (c) {
        case '\a':
            n->txt[k++] = 'a';
            break;
        case '\b':
            n->txt[k++] = 'b';
            break;
        case '\f':
            n->txt[k++] = 'f';
            break;
        case '\n':
            n->txt[k++] = 'n';
            break;
        case '\r':
            n->txt[k++] = 'r';
            break;
        case '\t':
            n->txt[k++] = 't';
            break;
        case '\v':
            n->txt[k++] = 'v';
            break;
        default:
            n->txt[k++] = (char)('0' + (c >> 6 & 3));
            n->txt[k++] = (char)('0' + (c >> 3 & 7));
            n->txt[k++] = (char)('0' + (c & 7));
        }
        i++;
    }
    n->txt[k] = 0;
    n->txtlen = k;
}

/* Expands the name at off; returns the bytes it occupies there (0 after an error, m->err set).
 * Follows Wireshark's expand_dns_name()/get_dns_name() including its limits and messages. */
static uint32_t get_name(struct msg *m, uint32_t off, struct dname *n)
{
    const uint32_t start = off;
    int64_t len = -1;
    uint32_t pointers = 0, np = 0, maxname = MAX_DNAME_LEN, work = 0;
    n->rawlen = 0;
    n->special = NULL;
    for (;;) {
        uint8_t cl = rd8(m, off);
        if (m->err) return 0;
        off++;
        if (cl == 0) break;
        switch (cl & 0xc0) {
        case 0x00:
            if (np != 0) {
                if (maxname > 0) {
                    n->raw[np++] = '.';
                    n->rawlen++;
                    maxname--;
                }
            } else {
                maxname--;
            }
            if (!need_bytes(m, off, cl)) return 0;
            work += cl + 1u;
            for (uint32_t i = 0; i < cl; i++) {
                if (maxname > 0) {
                    n->raw[np++] = (char)m->d[off + i];
                    n->rawlen++;
                    maxname--;
                }
            }
            off += cl;
            break;
        case 0x40:
            if ((cl & 0x3f) == 1) {
                /* RFC 2673 bitstring label: "\[x<hex>/<bits>]" (not counted in the length,
                 * as in Wireshark) */
                uint8_t bits = rd8(m, off);
                if (m->err) return 0;
                off++;
                int ll = (bits - 1) / 8 + 1;
                work += (uint32_t)ll + 2u;
                char tmp[16];
                int w = snprintf(tmp, sizeof tmp, "\\[x");
                if (maxname > 0) {
                    if ((uint32_t)w <= maxname) {
                        memcpy(n->raw + np, tmp, (size_t)w);
                        np += (uint32_t)w;
                        maxname -= (uint32_t)w;
                    } else {
                        maxname = 0;
                    }
                }
                for (int i = 0; i < ll; i++) {
                    uint8_t b = rd8(m, off);
                    if (m->err) return 0;
                    off++;
                    w = snprintf(tmp, sizeof tmp, "%02x", b);
                    if (maxname > 0) {
                        if ((uint32_t)w <= maxname) {
                            memcpy(n->raw + np, tmp, (size_t)w);
                            np += (uint32_t)w;
                            maxname -= (uint32_t)w;
                        } else {
                            maxname = 0;
                        }
                    }
                }
                w = snprintf(tmp, sizeof tmp, "/%d]", bits);
                if (maxname > 0) {
                    if ((uint32_t)w <= maxname) {
                        memcpy(n->raw + np, tmp, (size_t)w);
                        np += (uint32_t)w;
                        maxname -= (uint32_t)w;
                    } else {
                        maxname = 0;
                    }
                }
                break;
            }
            n->special = "<Unknown extended label>";
            len = (int64_t)off - start;
            if (len < 1) {
                m->err = TW_CUR_MALFORMED;
                return 0;
            }
            return (uint32_t)len;
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
                n->special = "<Name contains a pointer that loops>";
                return (uint32_t)len;
            }
            off = ind;
            break;
        }
        }
    }
    if (maxname == 0) n->special = "<Name too long>";
    if (len < 0) len = (int64_t)off - start;
    if (!n->special && (n->rawlen == 0 || n->raw[0] == 0) && len <= 2) {
        n->special = "<Root>";
        return (uint32_t)len;
    }
    if (len < 2 || (len > 2 && n->rawlen == 0 && !n->special)) {
        m->err = TW_CUR_MALFORMED;
        return 0;
    }
    return (uint32_t)len;
}

/* the raw length and text Wireshark reports (for the special names: their text) */
static uint32_t name_rawlen(const struct dname *n)
{
    return n->special ? (uint32_t)strlen(n->special) : n->rawlen;
}

static int32_t add_name(struct tw_pkt *p, uint16_t hf, uint32_t off, uint32_t len,
                        const struct dname *n)
{
    if (!tw_want(p, hf)) return -1;
    uint8_t *s = tw_arena_alloc(p->arena, n->txtlen + 1);
    if (!s) return -1;
    memcpy(s, n->txt, n->txtlen + 1);
    return tw_add_ptr(p, hf, off, len, s, n->txtlen);
}

static const char *type_name(uint16_t t, char *buf, size_t n)
{
    if (t == 255) return "ANY"; /* the only short name that is not its description's head */
    const char *s = tw_vs_find(type_vals, t);
    if (!s) {
        snprintf(buf, n, "Unknown (%u)", t);
        return buf;
    }
    const char *par = strstr(s, " (");
    if (!par) return s;
    size_t k = (size_t)(par - s);
    if (k >= n) k = n - 1;
    memcpy(buf, s, k);
    buf[k] = 0;
    return buf;
}

/* Wireshark's unsigned_time_secs_to_str: "1 day, 2 hours, 3 minutes, 4 seconds" */
static void secs_str(char *out, size_t n, uint32_t v)
{
    if (v == 0) {
        snprintf(out, n, "0 seconds");
        return;
    }
    uint32_t parts[4] = {v / 86400, v / 3600 % 24, v / 60 % 60, v % 60};
    static const char *const unit[4] = {"day", "hour", "minute", "second"};
    size_t k = 0;
    out[0] = 0;
    for (int i = 0; i < 4; i++) {
        if (!parts[i] || k >= n) continue;
        k += (size_t)snprintf(out + k, n - k, "%s%u %s%s", k ? ", " : "", parts[i], unit[i],
                              parts[i] == 1 ? "" : "s");
    }
}

static int32_t add_u(struct msg *m, uint16_t f, uint32_t off, uint32_t len, uint32_t v)
{
    return tw_add_uint(m->p, HF(f), off, len, v);
}

/* an unsigned field whose tree label carries a duration: "Refresh Interval: 7200 (2 hours)" */
static void add_secs(struct msg *m, uint16_t f, uint32_t off)
{
    uint32_t v = rd32(m, off);
    if (m->err) return;
    int32_t r = add_u(m, f, off, 4, v);
    if (r >= 0 && m->labels) {
        char d[96];
        secs_str(d, sizeof d, v);
        tw_rec_label(m->p, r, "%s: %u (%s)", fields[f].name, v, d);
    }
}

/* bytes [off, off+len) as a field (they must exist, as for proto_tree_add_item) */
static int32_t add_bytes(struct msg *m, uint16_t f, uint32_t off, uint32_t len)
{
    if (!need(m, off, len)) return -1;
    return tw_add_ptr(m->p, HF(f), off, len, m->d + off, len);
}

static int32_t add_string(struct msg *m, uint16_t f, uint32_t off, uint32_t len)
{
    if (!need(m, off, len)) return -1;
    return tw_add_ascii(m->p, HF(f), off, len, m->d + off);
}

static uint32_t dissect_question(struct msg *m, uint32_t off, bool *multiple)
{
    struct tw_pkt *p = m->p;
    struct dname n;
    uint32_t used = get_name(m, off, &n);
    uint16_t type = rd16(m, off + used);
    uint16_t cls = rd16(m, off + used + 2);
    if (m->err) return 0;
    format_name(&n);
    bool qu = false;
    if (m->mdns) {
        qu = cls & 0x8000;
        cls &= 0x7fff;
    }
    if (type == T_AXFR || type == T_IXFR) *multiple = true;
    char tb[32];
    const char *tn = type_name(type, tb, sizeof tb);
    tw_info_printf(p, " %s %s", tn, n.txt);
    if (m->mdns) tw_info_printf(p, ", \"%s\" question", qu ? "QU" : "QM");
    int32_t q = tw_add_text(p, off, used + 4, "%s: type %s, class %s%s", n.txt, tn,
                            tw_vs_find(class_vals, cls) ? tw_vs_find(class_vals, cls) : "Unknown",
                            m->mdns ? (qu ? ", \"QU\" question" : ", \"QM\" question") : "");
    tw_rec_flags(p, q, TW_RF_MARK_TRUNC);
    tw_tree_push(p, q);
    add_name(p, HF(F_QRY_NAME), off, used, &n);
    uint32_t nl = name_rawlen(&n);
    int32_t r = add_u(m, F_QRY_NAME_LEN, off, used, nl > 1 ? nl : 0);
    tw_rec_flags(p, r, TW_RF_GENERATED);
    if (tw_want(p, HF(F_CNT_LABELS))) {
        const char *s = n.special ? n.special : n.raw;
        uint32_t labels = 0;
        if (nl > 1) {
            for (uint32_t i = 0; i < nl; i++) labels += s[i] == '.';
            labels++;
        }
        r = add_u(m, F_CNT_LABELS, off, used, labels);
        tw_rec_flags(p, r, TW_RF_GENERATED);
    }
    add_u(m, F_QRY_TYPE, off + used, 2, type);
    if (m->mdns) {
        tw_add_bits(p, HF(F_QRY_CLASS_MDNS), off + used + 2, 2, cls);
        tw_add_bits(p, HF(F_QRY_QU), off + used + 2, 2, qu ? 0x8000 : 0);
    } else {
        add_u(m, F_QRY_CLASS, off + used + 2, 2, cls);
    }
    tw_tree_pop(p);
    return used + 4;
}

/* RFC 4034 appendix B key tag (RSA/MD5: bytes from the modulus) */
static uint16_t key_tag(const uint8_t *b, uint32_t n, uint8_t algo)
{
    if (algo == 1) return (uint16_t)((b[n - 3] << 8) + b[n - 2]);
    uint32_t ac = 0, i = 0;
    for (; i + 1 < n; i += 2) ac += (uint32_t)(b[i] << 8) + b[i + 1];
    if (i < n) ac += (uint32_t)b[i] << 8;
    ac += (ac >> 16) & 0xffff;
    return (uint16_t)ac;
}

static const char b64chars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
static void base64(char *out, size_t n, const uint8_t *b, uint32_t len)
{
    size_t k = 0;
    for (uint32_t i = 0; i < len && k + 5 < n; i += 3) {
        uint32_t v = (uint32_t)b[i] << 16;
        if (i + 1 < len) v |= (uint32_t)b[i + 1] << 8;
        if (i + 2 < len) v |= b[i + 2];
        out[k++] = b64chars[v >> 18 & 63];
        out[k++] = b64chars[v >> 12 & 63];
        out[k++] = i + 1 < len ? b64chars[v >> 6 & 63] : '=';
        out[k++] = i + 2 < len ? b64chars[v & 63] : '=';
    }
    out[k] = 0;
}

static void dissect_opt_options(struct msg *m, uint32_t cur, uint32_t data_len)
{
    struct tw_pkt *p = m->p;
    int32_t left = (int32_t)data_len;
    while (left > 0 && !m->err) {
        uint16_t code = rd16(m, cur);
        uint16_t olen = rd16(m, cur + 2);
        if (m->err) return;
        left -= 4;
        int32_t r = tw_add_rec(p, HF(F_OPT), cur, 4u + olen);
        if (r >= 0 && m->labels) {
            const char *s = tw_vs_find(optcode_vals, code);
            if (s)
                tw_rec_label(p, r, "Option: %s", s);
            else
                tw_rec_label(p, r, "Option: Unknown (%u)", code);
        }
        tw_tree_push(p, r);
        add_u(m, F_OPT_CODE, cur, 2, code);
        int32_t lenrec = add_u(m, F_OPT_LEN, cur + 2, 2, olen);
        cur += 4;
        add_bytes(m, F_OPT_DATA, cur, olen);
        switch (code) {
        case 8: { /* client subnet, RFC 7871 */
            uint16_t fam = rd16(m, cur);
            add_u(m, F_OPT_CLI_FAMILY, cur, 2, fam);
            add_u(m, F_OPT_CLI_NETMASK, cur + 2, 1, rd8(m, cur + 2));
            add_u(m, F_OPT_CLI_SCOPE, cur + 3, 1, rd8(m, cur + 3));
            if (m->err) break;
            /* as Wireshark: the address length is 16-bit arithmetic, over 16 flagged on the
             * option length and cut to 16 */
            uint32_t al = (uint16_t)(olen - 4u);
            if (al > 16) {
                tw_tree_push(p, lenrec);
                tw_expert(p, EX(E_OPT_BAD_LEN), cur - 2, 2, NULL);
                tw_tree_pop(p);
                al = 16;
            }
            if (need(m, cur + 4, al)) {
                uint8_t *ab = tw_arena_alloc(p->arena, 16);
                if (!ab) break;
                memset(ab, 0, 16);
                memcpy(ab, m->d + cur + 4, al);
                if (fam == 1)
                    tw_add_ptr(p, HF(F_OPT_CLI_ADDR4), cur + 4, al, ab, 4);
                else if (fam == 2)
                    tw_add_ptr(p, HF(F_OPT_CLI_ADDR6), cur + 4, al, ab, 16);
                else
                    add_bytes(m, F_OPT_CLI_ADDR, cur + 4, al);
            }
            break;
        }
        case 10: /* cookie, RFC 7873 */
            add_bytes(m, F_OPT_COOKIE_CLI, cur, 8);
            if (olen >= 8) {
                int32_t s = add_bytes(m, F_OPT_COOKIE_SRV, cur + 8, olen - 8u);
                if (olen == 8) tw_rec_label(p, s, "Server Cookie: <MISSING>");
            }
            break;
        case 11: /* tcp keepalive, RFC 7828 */
            if (olen == 2) add_u(m, F_OPT_KEEPALIVE, cur, 2, rd16(m, cur));
            break;
        case 12: /* padding, RFC 7830 */
            add_bytes(m, F_OPT_PADDING, cur, olen);
            break;
        case 15: /* extended error, RFC 8914 */
            add_u(m, F_OPT_EXT_ERR_CODE, cur, 2, rd16(m, cur));
            if (olen > 2) add_string(m, F_OPT_EXT_ERR_TEXT, cur + 2, olen - 2u);
            break;
        default:
            break;
        }
        tw_tree_pop(p);
        cur += olen;
        left -= olen;
    }
}

struct sbuf {
    char b[1600];
    size_t k;
};
static void sb_printf(struct sbuf *s, const char *fmt, ...) TW_PRINTF(2, 3);
static void sb_printf(struct sbuf *s, const char *fmt, ...)
{
    if (s->k >= sizeof s->b) return;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(s->b + s->k, sizeof s->b - s->k, fmt, ap);
    va_end(ap);
    if (n > 0) s->k = TW_MIN(s->k + (size_t)n, sizeof s->b - 1);
}

static void svcb_key_text(struct sbuf *lb, char sep, uint16_t k)
{
    const char *s = tw_vs_find(svcb_key_vals, k);
    if (s)
        sb_printf(lb, "%c%s", sep, s);
    else
        sb_printf(lb, "%ckey%u", sep, k);
}

/* SVCB/HTTPS (RFC 9460). Like Wireshark 4.0, each parameter moves on by what its decoder read
 * (a port reads 2 bytes whatever the length says), so a bad length misaligns what follows. */
static void dissect_svcb(struct msg *m, uint32_t cur, uint32_t data_len)
{
    struct tw_pkt *p = m->p;
    const uint32_t end = cur + data_len;
    add_u(m, F_SVCB_PRIO, cur, 2, rd16(m, cur));
    cur += 2;
    struct dname n;
    uint32_t used = get_name(m, cur, &n);
    if (m->err) return;
    format_name(&n);
    add_name(p, HF(F_SVCB_TARGET), cur, used, &n);
    cur += used;
    while (cur < end && !m->err) {
        int32_t r = tw_add_rec(p, HF(F_SVCB_PARAM), cur, 4);
        tw_rec_label(p, r, "SvcParam");
        uint16_t key = rd16(m, cur);
        uint16_t vlen = rd16(m, cur + 2);
        if (m->err) return;
        tw_rec_setlen(p, r, 4u + vlen);
        struct sbuf lb = {.k = 0};
        lb.b[0] = 0;
        svcb_key_text(&lb, ' ', key);
        tw_tree_push(p, r);
        add_u(m, F_SVCB_KEY, cur, 2, key);
        add_u(m, F_SVCB_VLEN, cur + 2, 2, vlen);
        uint32_t v = cur + 4, ve = v + vlen;
        char sep = '=';
        switch (key) {
        case 0:
            for (; v < ve && !m->err; v += 2) {
                uint16_t k = rd16(m, v);
                if (m->err) break;
                add_u(m, F_SVCB_MANDATORY, v, 2, k);
                svcb_key_text(&lb, sep, k);
                sep = ',';
            }
            break;
        case 1:
            while (v < ve && !m->err) {
                uint8_t al = rd8(m, v);
                if (m->err) break;
                add_u(m, F_SVCB_ALPN_LEN, v, 1, al);
                add_string(m, F_SVCB_ALPN, v + 1, al);
                if (!m->err) sb_printf(&lb, "%c%.*s", sep, (int)al, (const char *)m->d + v + 1);
                sep = ',';
                v += 1u + al;
            }
            break;
        case 2:
            break;
        case 3: {
            uint16_t port = rd16(m, v);
            if (m->err) break;
            add_u(m, F_SVCB_PORT, v, 2, port);
            sb_printf(&lb, "=%u", port);
            v += 2;
            break;
        }
        case 4:
        case 6: {
            uint32_t al = key == 4 ? 4 : 16;
            for (; v < ve && !m->err; v += al) {
                if (!need(m, v, al)) break;
                add_bytes(m, key == 4 ? F_SVCB_IPV4 : F_SVCB_IPV6, v, al);
                char a[48];
                if (key == 4)
                    tw_fmt_ipv4(a, m->d + v);
                else
                    tw_fmt_ipv6(a, m->d + v);
                sb_printf(&lb, "%c%s", sep, a);
                sep = ',';
            }
            break;
        }
        case 5:
        case 32769: {
            int32_t e = add_bytes(m, key == 5 ? F_SVCB_ECH : F_SVCB_ODOH, v, vlen);
            if (!m->err && m->labels) {
                char b[1400];
                base64(b, sizeof b, m->d + v, vlen);
                tw_rec_label(p, e, "%s: %s", key == 5 ? "ECHConfig" : "ODoHConfig", b);
                sb_printf(&lb, "=%s", b);
            }
            v = ve;
            break;
        }
        default:
            if (vlen > 0) {
                add_bytes(m, F_SVCB_VALUE, v, vlen);
                if (!m->err) sb_printf(&lb, "=%.*s", (int)vlen, (const char *)m->d + v);
            }
            v = ve;
            break;
        }
        if (r >= 0 && m->labels) tw_rec_label(p, r, "SvcParam:%s", lb.b);
        tw_tree_pop(p);
        cur = v;
    }
}

static void dissect_caa(struct msg *m, uint32_t cur, uint32_t data_len)
{
    struct tw_pkt *p = m->p;
    uint8_t fl = rd8(m, cur);
    if (m->err) return;
    int32_t r = add_u(m, F_CAA_FLAGS, cur, 1, fl);
    tw_tree_push(p, r);
    tw_add_bits(p, HF(F_CAA_CRIT), cur, 1, fl);
    tw_tree_pop(p);
    cur++;
    uint8_t tl = rd8(m, cur);
    if (m->err) return;
    int32_t vl = (int32_t)data_len - 1 - (1 + tl);
    if (vl < 0 || !need(m, cur + 1, tl) || !need(m, cur + 1 + tl, (uint32_t)vl)) {
        if (!m->err) m->err = TW_CUR_MALFORMED;
        return;
    }
    const uint8_t *tag = m->d + cur + 1;
    uint16_t f = F_CAA_UNKNOWN;
    if (tl <= 5 && memcmp(tag, "issue", tl) == 0)
        f = F_CAA_ISSUE;
    else if (tl <= 9 && memcmp(tag, "issuewild", tl) == 0)
        f = F_CAA_ISSUEWILD;
    else if (tl <= 5 && memcmp(tag, "iodef", tl) == 0)
        f = F_CAA_IODEF;
    /* the item spans tag and value; its value is the value's text */
    int32_t it = tw_add_ascii(p, HF(f), cur, (uint32_t)vl, m->d + cur + 1 + tl);
    tw_rec_setlen(p, it, 1u + tl + (uint32_t)vl);
    tw_tree_push(p, it);
    add_u(m, F_CAA_TAG_LEN, cur, 1, tl);
    add_string(m, F_CAA_TAG, cur + 1, tl);
    add_string(m, F_CAA_VALUE, cur + 1 + tl, (uint32_t)vl);
    tw_tree_pop(p);
}

/* types Wireshark 4.0 decodes (the rest get its "not implemented" note and dns.data); trawl
 * decodes a subset and leaves the others' data alone */
static bool ws_knows_type(uint16_t t)
{
    switch (t) {
    case 1:
    case 2:
    case 3:
    case 4:
    case 5:
    case 6:
    case 7:
    case 8:
    case 9:
    case 10:
    case 11:
    case 12:
    case 13:
    case 14:
    case 15:
    case 16:
    case 17:
    case 18:
    case 19:
    case 20:
    case 21:
    case 22:
    case 23:
    case 24:
    case 25:
    case 26:
    case 27:
    case 28:
    case 29:
    case 30:
    case 33:
    case 35:
    case 36:
    case 37:
    case 38:
    case 39:
    case 41:
    case 42:
    case 43:
    case 44:
    case 45:
    case 46:
    case 47:
    case 48:
    case 49:
    case 50:
    case 51:
    case 52:
    case 55:
    case 59:
    case 60:
    case 61:
    case 62:
    case 63:
    case 64:
    case 65:
    case 99:
    case 104:
    case 105:
    case 106:
    case 107:
    case 108:
    case 109:
    case 249:
    case 250:
    case 257:
    case 32769:
    case 65281:
    case 65282:
    case 65422:
        return true;
    default:
        return false;
    }
}

/* NSEC/NSEC3 type bit maps (RFC 4034 section 4.1.2): each type listed as a dns.resp.type */
static void type_bitmap(struct msg *m, uint32_t o, int32_t left)
{
    struct tw_pkt *p = m->p;
    while (left != 0 && !m->err) {
        uint8_t blk = rd8(m, o), bsz = rd8(m, o + 1);
        if (m->err) break;
        o += 2;
        left -= 2;
        uint32_t t = (uint32_t)blk * 256;
        for (; bsz && !m->err; bsz--) {
            uint8_t bits = rd8(m, o);
            if (m->err) break;
            for (int i = 0; i < 8; i++, t++) {
                if (!(bits & (0x80 >> i))) continue;
                int32_t br = add_u(m, F_RR_TYPE, o, 1, t);
                if (br >= 0 && m->labels) {
                    const char *d = tw_vs_find(type_vals, t);
                    if (d)
                        tw_rec_label(p, br, "RR type in bit map: %s", d);
                    else
                        tw_rec_label(p, br, "RR type in bit map: Unknown (%u)", t);
                }
            }
            o++;
            left--;
        }
    }
}

/* an rdata name: text in Info, ", what NAME" on the record's line, and the field */
/* LOC (RFC 1876): a size or precision byte (mantissa, power of ten, in centimetres) */
static void loc_size(struct msg *m, uint16_t f, uint32_t off, const char *name)
{
    uint8_t v = rd8(m, off);
    if (m->err) return;
    int32_t r = add_u(m, f, off, 1, v);
    if (r < 0 || !m->labels) return;
    double cm = v >> 4;
    for (int e = v & 0xf; e > 0; e--) cm *= 10;
    tw_rec_label(m->p, r, "%s: %u (%g m)", name, v, cm / 100);
}

/* a latitude or longitude: thousandths of an arc second from 2^31 */
static void loc_angle(struct msg *m, uint16_t f, uint32_t off, const char *name, char pos,
                      char neg)
{
    uint32_t v = rd32(m, off);
    if (m->err) return;
    int32_t r = add_u(m, f, off, 4, v);
    if (r < 0 || !m->labels) return;
    uint32_t a = v >= 0x80000000u ? v - 0x80000000u : 0x80000000u - v;
    tw_rec_label(m->p, r, "%s: %u (%u deg %u min %u.%03u sec %c)", name, v, a / 3600000,
                 a / 60000 % 60, a / 1000 % 60, a % 1000, v >= 0x80000000u ? pos : neg);
}

static void rdata_name(struct msg *m, uint32_t cur, uint16_t f, const char *what, char *lab,
                       size_t labn)
{
    struct dname n;
    uint32_t used = get_name(m, cur, &n);
    if (m->err) return;
    format_name(&n);
    tw_info_printf(m->p, " %s", n.txt);
    if (lab) snprintf(lab, labn, ", %s%s", what, n.txt);
    add_name(m->p, HF(f), cur, used, &n);
}

static uint32_t dissect_rr(struct msg *m, uint32_t off)
{
    struct tw_pkt *p = m->p;
    struct dname n;
    uint32_t used = get_name(m, off, &n);
    uint16_t type = rd16(m, off + used);
    uint16_t cls = rd16(m, off + used + 2);
    uint16_t data_len = rd16(m, off + used + 8);
    if (m->err) return 0;
    format_name(&n);
    bool flush = false;
    if (m->mdns) {
        flush = cls & 0x8000;
        cls &= 0x7fff;
    }
    char tb[32];
    const char *tn = type_name(type, tb, sizeof tb);
    tw_info_printf(p, " %s", tn);
    if (flush) tw_info_add(p, ", cache flush");
    const uint32_t cur = off + used + 10;
    int32_t rr = -1;
    char lab[NAME_FMT_MAX + 96];
    lab[0] = 0;
    const char *cn = tw_vs_find(class_vals, cls);
    if (p->has_tree) {
        /* the record's line spans its data: Wireshark needs those bytes before it goes on */
        if (!need(m, off, used + 10u + data_len)) return 0;
        rr = tw_add_text(p, off, used + 10u + data_len, "x");
        tw_tree_push(p, rr);
        if (type == T_SRV && n.txt[0] && !n.special) {
            /* _service._proto.name */
            const char *s = n.txt, *d1 = strchr(s, '.');
            tw_add_strf(p, HF(F_SRV_SERVICE), off, used, "%.*s",
                        (int)(d1 ? (size_t)(d1 - s) : strlen(s)), s);
            if (d1) {
                const char *d2 = strchr(d1 + 1, '.');
                tw_add_strf(p, HF(F_SRV_PROTO), off, used, "%.*s",
                            (int)(d2 ? (size_t)(d2 - d1 - 1) : strlen(d1 + 1)), d1 + 1);
                if (d2) tw_add_strf(p, HF(F_SRV_NAME), off, used, "%s", d2 + 1);
            }
        } else {
            add_name(p, HF(F_RR_NAME), off, used, &n);
        }
        add_u(m, F_RR_TYPE, off + used, 2, type);
        if (type == T_OPT) {
            if (m->mdns) {
                tw_add_bits(p, HF(F_RR_UDP_PAYLOAD_MDNS), off + used + 2, 2, cls);
                tw_add_bits(p, HF(F_RR_FLUSH), off + used + 2, 2, flush ? 0x8000 : 0);
            } else {
                add_u(m, F_RR_UDP_PAYLOAD, off + used + 2, 2, cls);
            }
            add_u(m, F_RR_EXT_RCODE, off + used + 4, 1, m->d[off + used + 4]);
            add_u(m, F_RR_EDNS0_VER, off + used + 5, 1, m->d[off + used + 5]);
            uint16_t z = rd16(m, off + used + 6);
            int32_t zr = add_u(m, F_RR_Z, off + used + 6, 2, z);
            tw_tree_push(p, zr);
            tw_add_bits(p, HF(F_RR_Z_DO), off + used + 6, 2, z);
            tw_add_bits(p, HF(F_RR_Z_RES), off + used + 6, 2, z);
            tw_tree_pop(p);
        } else {
            if (m->mdns) {
                tw_add_bits(p, HF(F_RR_CLASS_MDNS), off + used + 2, 2, cls);
                tw_add_bits(p, HF(F_RR_FLUSH), off + used + 2, 2, flush ? 0x8000 : 0);
            } else {
                add_u(m, F_RR_CLASS, off + used + 2, 2, cls);
            }
            uint32_t ttl = rd32(m, off + used + 4);
            int32_t tr = add_u(m, F_RR_TTL, off + used + 4, 4, ttl);
            if (tr >= 0 && m->labels) {
                char d[96];
                secs_str(d, sizeof d, ttl);
                tw_rec_label(p, tr, "Time to live: %u (%s)", ttl, d);
            }
            if (ttl & 0x80000000u) {
                tw_tree_push(p, tr);
                tw_expert(p, EX(E_TTL_HIGH), off + used + 4, 4, NULL);
                tw_tree_pop(p);
            }
        }
        add_u(m, F_RR_LEN, off + used + 8, 2, data_len);
    }
    if (data_len == 0) goto done;

    switch (type) {
    case T_A: {
        if (!need(m, cur, 4)) break;
        char a[16];
        tw_fmt_ipv4(a, m->d + cur);
        tw_info_printf(p, " %s", a);
        snprintf(lab, sizeof lab, ", addr %s", a);
        add_bytes(m, F_A, cur, 4);
        break;
    }
    case T_AAAA: {
        if (!need(m, cur, 16)) break;
        char a[48];
        tw_fmt_ipv6(a, m->d + cur);
        tw_info_printf(p, " %s", a);
        snprintf(lab, sizeof lab, ", addr %s", a);
        add_bytes(m, F_AAAA, cur, 16);
        break;
    }
    case T_NS:
        rdata_name(m, cur, F_NS, "ns ", lab, sizeof lab);
        break;
    case T_CNAME:
        rdata_name(m, cur, F_CNAME, "cname ", lab, sizeof lab);
        break;
    case T_PTR:
        rdata_name(m, cur, F_PTR, "", lab, sizeof lab);
        break;
    case T_SOA: {
        rdata_name(m, cur, F_SOA_MNAME, "mname ", lab, sizeof lab);
        struct dname mn;
        uint32_t u1 = get_name(m, cur, &mn);
        struct dname rn;
        uint32_t u2 = get_name(m, cur + u1, &rn);
        if (m->err) break;
        format_name(&rn);
        add_name(p, HF(F_SOA_RNAME), cur + u1, u2, &rn);
        uint32_t o = cur + u1 + u2;
        add_u(m, F_SOA_SERIAL, o, 4, rd32(m, o));
        add_secs(m, F_SOA_REFRESH, o + 4);
        add_secs(m, F_SOA_RETRY, o + 8);
        add_secs(m, F_SOA_EXPIRE, o + 12);
        add_secs(m, F_SOA_MINTTL, o + 16);
        break;
    }
    case T_MX: {
        uint16_t pref = rd16(m, cur);
        struct dname mx;
        uint32_t u = get_name(m, cur + 2, &mx);
        if (m->err) break;
        format_name(&mx);
        tw_info_printf(p, " %u %s", pref, mx.txt);
        snprintf(lab, sizeof lab, ", preference %u, mx %s", pref, mx.txt);
        add_u(m, F_MX_PREF, cur, 2, pref);
        add_name(p, HF(F_MX_EXCH), cur + 2, u, &mx);
        break;
    }
    case T_TXT: {
        int32_t left = data_len;
        uint32_t o = cur;
        while (left != 0 && !m->err) {
            uint8_t tl = rd8(m, o);
            if (m->err) break;
            add_u(m, F_TXT_LEN, o, 1, tl);
            o++;
            left--;
            if (!need_bytes(m, o, tl)) break;
            tw_add_ascii(p, HF(F_TXT), o, tl, m->d + o);
            o += tl;
            left -= tl;
        }
        break;
    }
    case T_SRV: {
        uint16_t pr = rd16(m, cur), w = rd16(m, cur + 2), port = rd16(m, cur + 4);
        if (m->err) break;
        add_u(m, F_SRV_PRIO, cur, 2, pr);
        add_u(m, F_SRV_WEIGHT, cur + 2, 2, w);
        add_u(m, F_SRV_PORT, cur + 4, 2, port);
        struct dname t;
        uint32_t u = get_name(m, cur + 6, &t);
        if (m->err) break;
        format_name(&t);
        add_name(p, HF(F_SRV_TARGET), cur + 6, u, &t);
        tw_info_printf(p, " %u %u %u %s", pr, w, port, t.txt);
        snprintf(lab, sizeof lab, ", priority %u, weight %u, port %u, target %s", pr, w, port,
                 t.txt);
        break;
    }
    case T_OPT:
        dissect_opt_options(m, cur, data_len);
        break;
    case T_DS: {
        add_u(m, F_DS_KEYID, cur, 2, rd16(m, cur));
        add_u(m, F_DS_ALGO, cur + 2, 1, rd8(m, cur + 2));
        add_u(m, F_DS_DIGEST_TYPE, cur + 3, 1, rd8(m, cur + 3));
        if (data_len > 4) add_bytes(m, F_DS_DIGEST, cur + 4, data_len - 4u);
        break;
    }
    case T_TSIG: {
        struct dname an;
        uint32_t u = get_name(m, cur, &an);
        if (m->err) break;
        format_name(&an);
        add_name(p, HF(F_TSIG_ALGO), cur, u, &an);
        uint32_t o = cur + u;
        if (!need(m, o, 10)) break;
        struct tw_time ts = {(int64_t)((uint64_t)rd16(m, o) << 32 | rd32(m, o + 2)), 0};
        tw_add_time(p, HF(F_TSIG_TIME), o, 6, ts);
        add_u(m, F_TSIG_FUDGE, o + 6, 2, rd16(m, o + 6));
        uint16_t ms = rd16(m, o + 8);
        add_u(m, F_TSIG_MAC_SIZE, o + 8, 2, ms);
        o += 10;
        if (!need(m, o, ms)) break;
        /* tshark verifies no MAC: it says so for every algorithm */
        int32_t mr = tw_add_rec(p, HF(F_TSIG_MAC), o, ms);
        tw_tree_push(p, mr);
        tw_expert(p, EX(E_TSIG_NOALG), o, 0, "No dissector for algorithm:%s", an.txt);
        tw_tree_pop(p);
        o += ms;
        add_u(m, F_TSIG_ORIG_ID, o, 2, rd16(m, o));
        add_u(m, F_TSIG_ERROR, o + 2, 2, rd16(m, o + 2));
        uint16_t ol = rd16(m, o + 4);
        if (m->err) break;
        add_u(m, F_TSIG_OTHER_LEN, o + 4, 2, ol);
        if (ol) add_bytes(m, F_TSIG_OTHER, o + 6, ol);
        break;
    }
    case 13: { /* HINFO: two character-strings */
        uint8_t cl = rd8(m, cur);
        uint8_t ol = rd8(m, cur + 1 + cl);
        if (!need(m, cur + 2 + cl, ol)) break;
        add_u(m, F_HINFO_CPU_LEN, cur, 1, cl);
        add_string(m, F_HINFO_CPU, cur + 1, cl);
        add_u(m, F_HINFO_OS_LEN, cur + 1 + cl, 1, ol);
        add_string(m, F_HINFO_OS, cur + 2 + cl, ol);
        tw_info_printf(p, " %.*s %.*s", (int)cl, (const char *)m->d + cur + 1, (int)ol,
                       (const char *)m->d + cur + 2 + cl);
        snprintf(lab, sizeof lab, ", CPU %.*s, OS %.*s", (int)cl, (const char *)m->d + cur + 1,
                 (int)ol, (const char *)m->d + cur + 2 + cl);
        break;
    }
    case 29: { /* LOC (RFC 1876) */
        uint8_t ver = rd8(m, cur);
        if (m->err) break;
        add_u(m, F_LOC_VERSION, cur, 1, ver);
        if (ver != 0) {
            if (data_len > 1) add_bytes(m, F_LOC_UNKNOWN, cur + 1, data_len - 1u);
            break;
        }
        loc_size(m, F_LOC_SIZE, cur + 1, "Size");
        loc_size(m, F_LOC_HPREC, cur + 2, "Horizontal Precision");
        loc_size(m, F_LOC_VPREC, cur + 3, "Vertical Precision");
        loc_angle(m, F_LOC_LAT, cur + 4, "Latitude", 'N', 'S');
        loc_angle(m, F_LOC_LON, cur + 8, "Longitude", 'E', 'W');
        uint32_t alt = rd32(m, cur + 12);
        if (m->err) break;
        int32_t ar = add_u(m, F_LOC_ALT, cur + 12, 4, alt);
        if (ar >= 0 && m->labels)
            tw_rec_label(p, ar, "Altitude: %u (%g m)", alt, ((double)alt - 10000000.0) / 100);
        break;
    }
    case 17: { /* RP (RFC 1183): Info shows the owner's name, as tshark's */
        struct dname mb, tx;
        uint32_t u1 = get_name(m, cur, &mb);
        if (m->err) break;
        uint32_t u2 = get_name(m, cur + u1, &tx);
        if (m->err) break;
        format_name(&mb);
        format_name(&tx);
        tw_info_printf(p, " %s", n.txt);
        add_name(p, HF(F_RP_MAILBOX), cur, u1, &mb);
        add_name(p, HF(F_RP_TXT), cur + u1, u2, &tx);
        break;
    }
    case 51: { /* NSEC3PARAM (RFC 5155): the flags without their bits; Info the owner */
        uint8_t sl = rd8(m, cur + 4);
        if (m->err) break;
        tw_info_printf(p, " %s", n.txt);
        add_u(m, F_NSEC3_ALGO, cur, 1, rd8(m, cur));
        add_u(m, F_NSEC3_FLAGS, cur + 1, 1, rd8(m, cur + 1));
        add_u(m, F_NSEC3_ITER, cur + 2, 2, rd16(m, cur + 2));
        add_u(m, F_NSEC3_SALT_LEN, cur + 4, 1, sl);
        int32_t sr = add_bytes(m, F_NSEC3_SALT, cur + 5, sl);
        if (sr >= 0 && sl == 0) tw_rec_label(p, sr, "Salt value: <MISSING>");
        break;
    }
    case 42: { /* APL (RFC 3123): address prefixes, the address's trailing zero bytes left out */
        uint32_t o = cur, e = cur + data_len;
        tw_info_printf(p, " %s", n.txt);
        while (o + 4 <= e && !m->err) {
            uint16_t fam = rd16(m, o);
            uint8_t nl = rd8(m, o + 3), an = nl & 0x7f;
            if (m->err) break;
            add_u(m, F_APL_FAMILY, o, 2, fam);
            add_u(m, F_APL_PREFIX, o + 2, 1, rd8(m, o + 2));
            tw_add_bits(p, HF(F_APL_NEG), o + 3, 1, nl);
            tw_add_bits(p, HF(F_APL_AFDLEN), o + 3, 1, nl);
            if (!need(m, o + 4, an)) break;
            uint32_t alen = fam == 1 ? 4 : fam == 2 ? 16 : 0;
            uint8_t *a = alen && an <= alen ? tw_arena_alloc(p->arena, alen) : NULL;
            if (a) {
                memset(a, 0, alen);
                memcpy(a, m->d + o + 4, an);
                tw_add_ptr(p, HF(fam == 1 ? F_APL_IPV4 : F_APL_IPV6), o + 4, an, a, alen);
            } else {
                add_bytes(m, F_APL_DATA, o + 4, an);
            }
            o += 4u + an;
        }
        break;
    }
    case 44: /* SSHFP (RFC 4255) */
        add_u(m, F_SSHFP_ALGO, cur, 1, rd8(m, cur));
        add_u(m, F_SSHFP_TYPE, cur + 1, 1, rd8(m, cur + 1));
        if (data_len > 2) add_bytes(m, F_SSHFP_FP, cur + 2, data_len - 2u);
        break;
    case T_TLSA:
        tw_info_printf(p, " %s", n.txt);
        add_u(m, F_TLSA_USAGE, cur, 1, rd8(m, cur));
        add_u(m, F_TLSA_SELECTOR, cur + 1, 1, rd8(m, cur + 1));
        add_u(m, F_TLSA_MATCHING, cur + 2, 1, rd8(m, cur + 2));
        if (data_len > 3) add_bytes(m, F_TLSA_DATA, cur + 3, data_len - 3u);
        break;
    case T_DNSKEY: {
        uint16_t fl = rd16(m, cur);
        if (m->err) break;
        int32_t fr = add_u(m, F_DNSKEY_FLAGS, cur, 2, fl);
        tw_tree_push(p, fr);
        tw_add_bits(p, HF(F_DNSKEY_ZONE), cur, 2, fl);
        tw_add_bits(p, HF(F_DNSKEY_REVOKED), cur, 2, fl);
        tw_add_bits(p, HF(F_DNSKEY_SEP), cur, 2, fl);
        tw_add_bits(p, HF(F_DNSKEY_RES), cur, 2, fl);
        tw_tree_pop(p);
        add_u(m, F_DNSKEY_PROTO, cur + 2, 1, rd8(m, cur + 2));
        uint8_t algo = rd8(m, cur + 3);
        add_u(m, F_DNSKEY_ALGO, cur + 3, 1, algo);
        if (m->err) break;
        if (data_len < 4) {
            tw_expert(p, EX(E_KEYID_SHORT), cur, data_len, NULL);
        } else if (need(m, cur, data_len)) {
            int32_t kr = add_u(m, F_DNSKEY_KEYID, 0, 0, key_tag(m->d + cur, data_len, algo));
            tw_rec_flags(p, kr, TW_RF_GENERATED);
        }
        if (data_len > 4) add_bytes(m, F_DNSKEY_PUBKEY, cur + 4, data_len - 4u);
        break;
    }
    case T_RRSIG: {
        add_u(m, F_RRSIG_TYPE, cur, 2, rd16(m, cur));
        add_u(m, F_RRSIG_ALGO, cur + 2, 1, rd8(m, cur + 2));
        add_u(m, F_RRSIG_LABELS, cur + 3, 1, rd8(m, cur + 3));
        add_secs(m, F_RRSIG_OTTL, cur + 4);
        uint32_t ex = rd32(m, cur + 8), in = rd32(m, cur + 12);
        if (m->err) break;
        tw_add_time(p, HF(F_RRSIG_EXP), cur + 8, 4, (struct tw_time){ex, 0});
        tw_add_time(p, HF(F_RRSIG_INC), cur + 12, 4, (struct tw_time){in, 0});
        add_u(m, F_RRSIG_KEYTAG, cur + 16, 2, rd16(m, cur + 16));
        struct dname s;
        uint32_t u = get_name(m, cur + 18, &s);
        if (m->err) break;
        format_name(&s);
        add_name(p, HF(F_RRSIG_SIGNER), cur + 18, u, &s);
        int32_t sl = (int32_t)data_len - 18 - (int32_t)u;
        if (sl > 0) add_bytes(m, F_RRSIG_SIG, cur + 18 + u, (uint32_t)sl);
        break;
    }
    case T_NSEC: {
        struct dname nx;
        uint32_t u = get_name(m, cur, &nx);
        if (m->err) break;
        format_name(&nx);
        tw_info_printf(p, " %s", nx.txt);
        snprintf(lab, sizeof lab, ", next domain name %s", nx.txt);
        add_name(p, HF(F_NSEC_NEXT), cur, u, &nx);
        type_bitmap(m, cur + u, (int32_t)data_len - (int32_t)u);
        break;
    }
    case 50: { /* NSEC3 (RFC 5155) */
        uint8_t fl = rd8(m, cur + 1);
        uint8_t sl = rd8(m, cur + 4);
        if (m->err) break;
        add_u(m, F_NSEC3_ALGO, cur, 1, rd8(m, cur));
        int32_t fr = add_u(m, F_NSEC3_FLAGS, cur + 1, 1, fl);
        tw_tree_push(p, fr);
        tw_add_bits(p, HF(F_NSEC3_OPTOUT), cur + 1, 1, fl);
        tw_tree_pop(p);
        add_u(m, F_NSEC3_ITER, cur + 2, 2, rd16(m, cur + 2));
        add_u(m, F_NSEC3_SALT_LEN, cur + 4, 1, sl);
        int32_t sr = add_bytes(m, F_NSEC3_SALT, cur + 5, sl);
        if (sr >= 0 && sl == 0) tw_rec_label(p, sr, "Salt value: <MISSING>");
        uint8_t hl = rd8(m, cur + 5 + sl);
        if (m->err) break;
        add_u(m, F_NSEC3_HASH_LEN, cur + 5 + sl, 1, hl);
        uint32_t ho = cur + 6u + sl;
        if (!need(m, ho, hl)) break;
        /* the next hashed owner name in base32hex (RFC 4648), lowercase, unpadded */
        char b32[420];
        uint32_t k = 0, bits = 0, acc = 0;
        for (uint32_t i = 0; i < hl; i++) {
            acc = acc << 8 | m->d[ho + i];
            bits += 8;
            while (bits >= 5) {
                bits -= 5;
                b32[k++] = "0123456789abcdefghijklmnopqrstuv"[acc >> bits & 31];
            }
        }
        if (bits) b32[k++] = "0123456789abcdefghijklmnopqrstuv"[acc << (5 - bits) & 31];
        b32[k] = 0;
        int32_t hr = tw_add_strf(p, HF(F_NSEC3_HASH), ho, hl, "%s", b32);
        tw_rec_flags(p, hr, TW_RF_GENERATED);
        uint32_t u = 6u + sl + hl;
        type_bitmap(m, cur + u, (int32_t)data_len - (int32_t)u);
        break;
    }
    case 11: /* WKS: Info shows the address */
        if (need(m, cur, 4)) {
            char a[16];
            tw_fmt_ipv4(a, m->d + cur);
            tw_info_printf(p, " %s", a);
        }
        break;
    case T_SVCB:
    case T_HTTPS:
        dissect_svcb(m, cur, data_len);
        break;
    case T_CAA:
        dissect_caa(m, cur, data_len);
        break;
    default:
        if (ws_knows_type(type)) break;
        tw_expert(p, EX(E_UNDECODED), off, used + 10u + data_len,
                  "Dissector for DNS Type (%u) code not implemented, Contact Wireshark "
                  "developers if you want this supported",
                  type);
        add_bytes(m, F_DATA, cur, data_len);
        break;
    }

done:
    if (rr >= 0) {
        if (m->labels) {
            tw_rec_flags(p, rr, TW_RF_MARK_TRUNC);
            if (type == T_OPT)
                tw_rec_label(p, rr, "%s: type %s%s", n.txt, tn, flush ? ", cache flush" : "");
            else
                tw_rec_label(p, rr, "%s: type %s, class %s%s%s", n.txt, tn, cn ? cn : "Unknown",
                             flush ? ", cache flush" : "", lab);
        }
        tw_tree_pop(p);
    }
    return used + 10u + data_len;
}

/* request/response matching as tshark's first pass; returns what to show at the end */
struct match {
    uint32_t req_frame, rep_frame;
    struct tw_time req_time;
    bool retrans, tracked;
    struct trans *t; /* the transaction, to record AXFR/IXFR (valid until the next put) */
};

static void match(struct msg *m, uint16_t id, bool response, bool tcp, struct match *r)
{
    struct tw_pkt *p = m->p;
    memset(r, 0, sizeof *r);
    r->req_time = p->frame->ts;
    if (!trans_tab || p->ctx.in_error_pkt) return;
    uint8_t key[TW_STATE_KEY_MAX + 4];
    size_t kl = tw_conv_key(p, p->ctx.srcport, p->ctx.dstport, key, NULL);
    if (kl + 3 > TW_STATE_KEY_MAX) return;
    key[kl++] = tcp ? 6 : 17;
    key[kl++] = (uint8_t)(id >> 8);
    key[kl++] = (uint8_t)id;
    const uint32_t num = (uint32_t)p->frame->recno;
    struct trans *t = tw_state_get(trans_tab, key, kl);
    if (!response) {
        bool fresh = !t || t->rep_frame > 0;
        if (!fresh) {
            struct tw_time d = tw_time_sub(p->frame->ts, t->req_time);
            double s = (double)d.sec + (double)d.nsec / 1e9;
            if (s < (double)retrans_timer)
                r->retrans = true;
            else
                fresh = true;
        }
        if (fresh) {
            t = tw_state_put(trans_tab, key, kl, NULL);
            if (!t) return;
            t->req_frame = num;
            t->rep_frame = 0;
            t->req_time = p->frame->ts;
            t->multiple = false;
        }
    } else if (t) {
        if (t->rep_frame == 0)
            t->rep_frame = num;
        else if (!t->multiple)
            r->retrans = true;
    }
    if (t) {
        r->req_frame = t->req_frame;
        r->rep_frame = t->rep_frame;
        r->req_time = t->req_time;
        r->tracked = true;
        r->t = t;
    }
}

static void show_match(struct msg *m, const struct match *r, bool response, int32_t id_rec,
                       uint32_t base)
{
    struct tw_pkt *p = m->p;
    int32_t x;
    if (!response) {
        if (r->retrans && r->req_frame && !p->ctx.in_error_pkt) {
            tw_tree_push(p, id_rec);
            tw_expert(p, EX(E_RETRANS_REQ), base, 2,
                      "DNS query retransmission. Original request in frame %u", r->req_frame);
            tw_tree_pop(p);
            x = add_u(m, F_RETRANS_REQ_IN, 0, 0, r->req_frame);
            tw_rec_flags(p, x, TW_RF_GENERATED);
            x = tw_add_uint(p, HF(F_RETRANS), 0, 0, 1);
            tw_rec_flags(p, x, TW_RF_GENERATED);
        } else if (r->rep_frame) {
            x = add_u(m, F_RESPONSE_IN, 0, 0, r->rep_frame);
            tw_rec_flags(p, x, TW_RF_GENERATED);
        }
        return;
    }
    if (r->req_frame) {
        if (r->retrans && r->rep_frame && !p->ctx.in_error_pkt) {
            tw_tree_push(p, id_rec);
            tw_expert(p, EX(E_RETRANS_RESP), base, 2,
                      "DNS response retransmission. Original response in frame %u", r->rep_frame);
            tw_tree_pop(p);
            x = add_u(m, F_RETRANS_RESP_IN, 0, 0, r->rep_frame);
            tw_rec_flags(p, x, TW_RF_GENERATED);
            x = tw_add_uint(p, HF(F_RETRANS), 0, 0, 1);
            tw_rec_flags(p, x, TW_RF_GENERATED);
        } else {
            x = add_u(m, F_RESPONSE_TO, 0, 0, r->req_frame);
            tw_rec_flags(p, x, TW_RF_GENERATED);
            x = tw_add_time(p, HF(F_TIME), 0, 0, tw_time_sub(p->frame->ts, r->req_time));
            tw_rec_flags(p, x, TW_RF_GENERATED);
        }
    } else if (!r->retrans) {
        x = tw_add_uint(p, HF(F_UNSOLICITED), 0, 0, 1);
        tw_rec_flags(p, x, TW_RF_GENERATED);
    }
}

static enum tw_status st(const struct msg *m)
{
    return m->err == TW_CUR_TRUNCATED ? TW_TRUNCATED : m->err ? TW_MALFORMED : TW_OK;
}

enum kind { K_DNS, K_MDNS, K_LLMNR };

/* one message at [base, end); with `tcp` its two-byte length precedes it */
static enum tw_status dissect_message(struct tw_pkt *p, const struct tw_cur *c, uint32_t base,
                                      uint32_t end, enum kind kind, bool tcp, bool first)
{
    struct msg m = {.p = p,
                    .d = c->data,
                    .base = base,
                    .end = end,
                    .cap = TW_MIN(c->cap, end),
                    .mdns = kind == K_MDNS,
                    .llmnr = kind == K_LLMNR,
                    .labels = tw_want_labels(p)};
    if (first) tw_info_clear(p);
    uint16_t id = rd16(&m, base);
    uint16_t flags = rd16(&m, base + 2);
    if (m.err) {
        if (first) tw_layer_unrecord(p);
        return st(&m);
    }
    const bool resp = flags & 0x8000;
    const uint16_t opcode = flags >> 11 & 0xf, rcode = flags & 0xf;
    const bool update = opcode == 5;
    {
        const char *on = tw_vs_find(opcode_vals, opcode);
        if (on)
            tw_info_printf(p, "%s%s 0x%04x", on, resp ? " response" : "", id);
        else
            tw_info_printf(p, "Unknown operation (%u)%s 0x%04x", opcode, resp ? " response" : "",
                           id);
        if (resp && rcode != 0) {
            const char *rn = tw_vs_find(rcode_vals, rcode);
            if (rn)
                tw_info_printf(p, " %s", rn);
            else
                tw_info_printf(p, " Unknown error (%u)", rcode);
        }
    }
    if (first && p->ctx.in_error_pkt && p->nlayers) {
        /* quoted in an ICMP error, tshark shows the message at the top of the tree */
        int32_t lr = p->layers[p->nlayers - 1].rec;
        if (lr >= 0) p->recs[lr].parent = -1;
    }
    if (first)
        tw_layer_label(p, "%s (%s)",
                       kind == K_LLMNR  ? "Link-local Multicast Name Resolution"
                       : kind == K_MDNS ? "Multicast Domain Name System"
                                        : "Domain Name System",
                       resp ? "response" : "query");

    struct match mt;
    match(&m, id, resp, tcp, &mt);

    if (tcp) add_u(&m, F_LENGTH, base - 2, 2, (uint32_t)(end - base));
    int32_t id_rec = add_u(&m, F_ID, base, 2, id);
    int32_t fr = add_u(&m, F_FLAGS, base + 2, 2, flags);
    if (fr >= 0 && m.labels) {
        const char *on = tw_vs_find(opcode_vals, opcode);
        const char *rn = tw_vs_find(rcode_vals, rcode);
        tw_rec_label(p, fr, "Flags: 0x%04x %s%s%s", flags, on ? on : "Unknown operation",
                     resp ? " response, " : "", resp ? (rn ? rn : "Unknown error") : "");
    }
    tw_tree_push(p, fr);
    const uint32_t fo = base + 2;
    tw_add_bits(p, HF(F_FL_RESPONSE), fo, 2, flags);
    tw_add_bits(p, HF(F_FL_OPCODE), fo, 2, flags);
    if (kind == K_LLMNR) {
        tw_add_bits(p, HF(resp ? F_FL_CONFLICT_R : F_FL_CONFLICT_Q), fo, 2, flags);
        tw_add_bits(p, HF(F_FL_TRUNC), fo, 2, flags);
        tw_add_bits(p, HF(F_FL_TENTATIVE), fo, 2, flags);
        if (resp) tw_add_bits(p, HF(F_FL_RCODE), fo, 2, flags);
    } else {
        if (resp) tw_add_bits(p, HF(F_FL_AUTH), fo, 2, flags);
        tw_add_bits(p, HF(F_FL_TRUNC), fo, 2, flags);
        tw_add_bits(p, HF(F_FL_RD), fo, 2, flags);
        if (resp) tw_add_bits(p, HF(F_FL_RA), fo, 2, flags);
        tw_add_bits(p, HF(F_FL_Z), fo, 2, flags);
        if (resp)
            tw_add_bits(p, HF(F_FL_AD), fo, 2, flags);
        else if (flags & 0x20)
            tw_add_bits(p, HF(F_FL_AD_Q), fo, 2, flags);
        tw_add_bits(p, HF(F_FL_CD), fo, 2, flags);
        if (resp) tw_add_bits(p, HF(F_FL_RCODE), fo, 2, flags);
    }
    tw_tree_pop(p);

    uint16_t cnt[4];
    static const uint16_t cf[2][4] = {{F_CNT_Q, F_CNT_AN, F_CNT_NS, F_CNT_AR},
                                      {F_CNT_ZONES, F_CNT_PREREQ, F_CNT_UPD, F_CNT_AR}};
    for (int i = 0; i < 4; i++) {
        cnt[i] = rd16(&m, base + 4 + 2u * (uint32_t)i);
        if (m.err) return st(&m);
        add_u(&m, cf[update][i], base + 4 + 2u * (uint32_t)i, 2, cnt[i]);
    }
    uint32_t cur = base + 12;
    bool multiple = false;
    if (cnt[0] > 0) {
        int32_t q = tw_add_text(p, cur, 0, "%s", update ? "Zone" : "Queries");
        tw_tree_push(p, q);
        const uint32_t s = cur;
        for (uint32_t i = 0; i < cnt[0]; i++) {
            uint32_t u = dissect_question(&m, cur, &multiple);
            if (m.err) break;
            cur += u;
        }
        tw_rec_setlen(p, q, cur - s);
        tw_tree_pop(p);
        if (m.err) return st(&m);
        if (mt.t) mt.t->multiple = multiple;
    }
    static const char *const sect[2][3] = {
        {"Answers", "Authoritative nameservers", "Additional records"},
        {"Prerequisites", "Updates", "Additional records"}};
    for (int k = 1; k < 4; k++) {
        if (cnt[k] == 0) continue;
        int32_t q = tw_add_text(p, cur, 0, "%s", sect[update][k - 1]);
        tw_tree_push(p, q);
        const uint32_t s = cur;
        for (uint32_t i = 0; i < cnt[k]; i++) {
            uint32_t u = dissect_rr(&m, cur);
            if (m.err) break;
            cur += u;
        }
        tw_rec_setlen(p, q, cur - s);
        tw_tree_pop(p);
        if (m.err) return st(&m);
    }
    show_match(&m, &mt, resp, id_rec, base);

    if (cur < end) {
        uint32_t n = end - cur;
        int32_t x = tw_add_text(p, cur, n, "Extraneous Data (%u bytes)", n);
        tw_tree_push(p, x);
        add_bytes(&m, F_EXTRA_DATA, cur, n);
        if (!m.err) {
            int32_t l = tw_add_int(p, HF(F_EXTRA_LEN), 0, 0, (int64_t)n);
            tw_rec_flags(p, l, TW_RF_GENERATED);
            /* tshark hides this expert item (it still counts in -z expert) */
            uint32_t before = p->nrecs;
            tw_expert(p, EX(E_EXTRANEOUS), cur, n, NULL);
            for (uint32_t i = before; i < p->nrecs; i++) p->recs[i].flags |= TW_RF_HIDDEN;
        }
        tw_tree_pop(p);
    }
    return st(&m);
}

static enum tw_status dissect_udp_kind(struct tw_pkt *p, struct tw_cur *c, enum kind kind)
{
    enum tw_status s = dissect_message(p, c, c->off, c->end, kind, false, true);
    if (s == TW_OK) c->off = c->end;
    return s;
}

/* DNS over TCP: [length][message] PDUs through TCP's desegmentation (tw_tcp_pdus), each message
 * with a "Domain Name System" tree of its own as in Wireshark */
struct tcp_pdus {
    uint32_t n;     /* messages dissected so far in this call */
    uint32_t ntree; /* the subtree depth the layer started at */
};

static uint32_t tcp_pdu_len(struct tw_pkt *p, const struct tw_cur *c, uint32_t off, void *arg)
{
    (void)p;
    (void)arg;
    return (uint32_t)(c->data[off] << 8 | c->data[off + 1]) + 2;
}

static enum tw_status tcp_pdu(struct tw_pkt *p, struct tw_cur *pdu, void *arg)
{
    struct tcp_pdus *st = arg;
    if (st->n++ > 0 && p->nlayers) {
        /* a further message: a new protocol line at the layer's level */
        tw_layer_next_item(p, ids.field, pdu->off, pdu->end - pdu->off, st->ntree);
    }
    return dissect_message(p, pdu, pdu->off + 2, pdu->end, K_DNS, true, true);
}

static enum tw_status dissect_dns(struct tw_pkt *p, struct tw_cur *c)
{
    if (p->via_table != TW_TBL_TCP_PORT) return dissect_udp_kind(p, c, K_DNS);
    struct tcp_pdus st = {0, p->ntree ? p->ntree - 1 : 0};
    enum tw_status s = tw_tcp_pdus(p, c, 2, tcp_pdu_len, tcp_pdu, &st);
    if (st.n == 0 && s == TW_OK) {
        /* nothing of it here (TCP keeps the bytes): Wireshark adds no DNS line */
        tw_layer_unrecord(p);
    }
    return s;
}

static enum tw_status dissect_mdns(struct tw_pkt *p, struct tw_cur *c)
{
    tw_col_proto(p, "MDNS"); /* the column says MDNS, the protocol's short name mDNS */
    return dissect_udp_kind(p, c, K_MDNS);
}

static enum tw_status dissect_llmnr(struct tw_pkt *p, struct tw_cur *c)
{
    return dissect_udp_kind(p, c, K_LLMNR);
}

/* UDP ports tshark 4.0 hands to a dissector of their own (tshark -G decodes, udp.port, less
 * DNS's): tshark never reaches its heuristics for them, so neither does trawl's DNS heuristic,
 * even where trawl has no dissector for the port yet (NBNS on 137 looks like DNS) */
static const uint16_t ws_udp_ports[] = {
    7,     13,    19,    37,    49,    67,    68,    69,    88,    111,   123,   137,   138,
    161,   162,   173,   177,   213,   269,   319,   320,   389,   427,   434,   464,   473,
    496,   500,   502,   513,   514,   520,   521,   524,   525,   539,   546,   547,   573,
    623,   631,   646,   654,   664,   698,   699,   701,   750,   853,   854,   910,   921,
    925,   1001,  1044,  1052,  1069,  1089,  1090,  1091,  1101,  1113,  1153,  1194,  1293,
    1547,  1628,  1629,  1645,  1646,  1700,  1701,  1718,  1719,  1745,  1755,  1812,  1813,
    1900,  1985,  2029,  2048,  2055,  2067,  2099,  2123,  2152,  2157,  2190,  2221,  2222,
    2231,  2246,  2268,  2269,  2313,  2345,  2424,  2427,  2428,  2727,  2887,  2944,  2945,
    2948,  2949,  2960,  3000,  3121,  3130,  3205,  3222,  3250,  3333,  3343,  3357,  3386,
    3389,  3452,  3455,  3478,  3483,  3503,  3540,  3544,  3567,  3622,  3671,  3784,  3785,
    3792,  3799,  3804,  3819,  3863,  3956,  4000,  4011,  4058,  4305,  4306,  4307,  4341,
    4342,  4500,  4533,  4534,  4551,  4555,  4556,  4569,  4665,  4672,  4713,  4729,  4739,
    4754,  4784,  4789,  4790,  4791,  4991,  5000,  5001,  5031,  5050,  5060,  5072,  5094,
    5246,  5247,  5264,  5265,  5350,  5351,  5404,  5405,  5436,  5555,  5567,  5678,  5683,
    5684,  5868,  6060,  6073,  6081,  6084,  6087,  6118,  6160,  6343,  6543,  6635,  6666,
    6696,  6784,  6970,  7000,  7001,  7002,  7003,  7004,  7005,  7006,  7007,  7008,  7009,
    7010,  7021,  7074,  7075,  7255,  7275,  7784,  8000,  8116,  8161,  8200,  8211,  8600,
    8611,  8612,  8613,  8614,  8755,  8767,  8805,  8848,  9003,  9200,  9201,  9202,  9203,
    9214,  9600,  9875,  9877,  9899,  9901,  9955,  9956,  9996,  9999,  10253, 10500, 11211,
    11273, 11898, 12000, 12001, 12002, 12003, 12004, 12220, 12222, 12223, 13400, 13819, 13907,
    13910, 17220, 17500, 17754, 17755, 17756, 18246, 19132, 19788, 19948, 19999, 20000, 20561,
    22222, 23272, 24576, 24577, 25826, 26000, 27036, 27500, 27910, 27950, 27951, 27952, 27953,
    27960, 27961, 27962, 27963, 30030, 32000, 32512, 34962, 34980, 37008, 41170, 44818, 45564,
    47000, 47808, 49999, 54328, 56000, 56001, 56500, 56501, 57000, 57001, 57032, 57033, 57500,
    57501, 57532, 57533, 59000, 59001, 59032, 59033, 59500, 59501, 59532, 59533, 60001};

bool tw_udp_port_taken(uint16_t port)
{
    size_t lo = 0, hi = TW_ARRAY_LEN(ws_udp_ports);
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (ws_udp_ports[mid] == port) return true;
        if (ws_udp_ports[mid] < port)
            lo = mid + 1;
        else
            hi = mid;
    }
    return false;
}

/* tshark's "dns_udp" heuristic (enabled by default): a standard query with one question and
 * nothing else, or a response with few records */
static bool heur_dns(struct tw_pkt *p, const struct tw_cur *c)
{
    if (tw_udp_port_taken(p->ctx.srcport) || tw_udp_port_taken(p->ctx.dstport)) return false;
    const uint8_t *h;
    if (tw_cur_left(c) <= 12 || !tw_cur_try_peek(c, 0, 12, &h)) return false;
    uint16_t flags = (uint16_t)(h[2] << 8 | h[3]);
    uint16_t qd = (uint16_t)(h[4] << 8 | h[5]), an = (uint16_t)(h[6] << 8 | h[7]);
    uint16_t ns = (uint16_t)(h[8] << 8 | h[9]), ar = (uint16_t)(h[10] << 8 | h[11]);
    if (flags & 0x7800) return false;
    if (!(flags & 0x8000)) {
        if (qd != 1 || an != 0 || ns != 0) return false;
    } else if (qd > 1 || an > 100 || ns > 10) {
        return false;
    }
    return ar <= 10;
}

static const struct tw_binding bindings[] = {
    {TW_TBL_UDP_PORT, 53}, {TW_TBL_TCP_PORT, 53}, {TW_TBL_TCP_PORT, 5353}};

const struct tw_proto tw_proto_dns = {
    .abbrev = "dns",
    .name = "Domain Name System",
    .short_name = "DNS",
    .fields = fields,
    .nfields = F_COUNT,
    .experts = experts,
    .nexperts = E_COUNT,
    .bindings = bindings,
    .nbindings = TW_ARRAY_LEN(bindings),
    .dissect = dissect_dns,
    .init = dns_init,
    .ids = &ids,
    .heur = heur_dns,
    .heur_tables = {TW_TBL_UDP_PORT},
};

static const struct tw_binding mdns_bindings[] = {{TW_TBL_UDP_PORT, 5353}};

const struct tw_proto tw_proto_mdns = {
    .abbrev = "mdns",
    .name = "Multicast Domain Name System",
    .short_name = "mDNS",
    .bindings = mdns_bindings,
    .nbindings = TW_ARRAY_LEN(mdns_bindings),
    .dissect = dissect_mdns,
    .ids = &mdns_ids,
};

static const struct tw_binding llmnr_bindings[] = {{TW_TBL_UDP_PORT, 5355}};

const struct tw_proto tw_proto_llmnr = {
    .abbrev = "llmnr",
    .name = "Link-local Multicast Name Resolution",
    .short_name = "LLMNR",
    .bindings = llmnr_bindings,
    .nbindings = TW_ARRAY_LEN(llmnr_bindings),
    .dissect = dissect_llmnr,
    .ids = &llmnr_ids,
};
