/* ISAKMP / IKEv1 (RFC 2408, 2409) and IKEv2 (RFC 7296) on UDP 500, and UDP encapsulation of
 * IPsec on UDP 4500 (RFC 3948: a non-ESP marker of four zero bytes before IKE, a one-byte 0xff
 * NAT keepalive, ESP otherwise), as tshark 4.0 shows them: the header, the chain of payloads with
 * their generic headers and the common bodies (SA/proposal/transform with attributes, KE, ID,
 * CERT, CERTREQ, HASH, SIG, AUTH, Nonce, Notify, Delete, Vendor ID, TS, CP, NAT-D/NAT-OA, the
 * encrypted SK/SKF payloads as encrypted data); EAP payloads go to the EAP dissector. No
 * decryption, no IKEv2 fragment reassembly, no Cisco fragmentation. */
#include "../dissect.h"

#include <stdio.h>
#include <string.h>

#include "ike_vals.h"
#include "x509.h"

static struct tw_proto_ids ids, uids;

enum {
    F_ISPI,
    F_RSPI,
    F_NEXT,
    F_VERSION,
    F_MJVER,
    F_MNVER,
    F_EXCH,
    F_FLAGS,
    F_FLAG_E,
    F_FLAG_C,
    F_FLAG_A,
    F_FLAG_I,
    F_FLAG_V,
    F_FLAG_R,
    F_MSGID,
    F_LENGTH,
    F_TYPEPAYLOAD,
    F_CRITICAL,
    F_RESERVED7,
    F_RESERVED,
    F_PLEN,
    F_EXTRADATA,
    F_DATAPAYLOAD,
    F_SA_DOI,
    F_SA_SIT,
    F_SIT_ID,
    F_SIT_SECRECY,
    F_SIT_INTEG,
    F_PROP_NUM,
    F_PROP_PROTO,
    F_SPISIZE,
    F_PROP_TRANSFORMS,
    F_SPI,
    F_TRANS_NUM,
    F_TRANS_ID,
    F_RESERVED2,
    F_TF_TYPE,
    F_TF_ENCR,
    F_TF_PRF,
    F_TF_INTEG,
    F_TF_DH,
    F_TF_ESN,
    F_TF_ID,
    F_IKE_ATTR,
    F_IKE_ATTR_TYPE,
    F_IKE_ATTR_FORMAT,
    F_IKE_ATTR_LEN,
    F_IKE_ATTR_VALUE,
    F_IKE_ENCR,
    F_IKE_HASH,
    F_IKE_AUTHM,
    F_IKE_GROUP,
    F_IKE_GTYPE,
    F_IKE_LIFETYPE,
    F_IKE_LIFEDUR,
    F_IKE_LIFEDUR64,
    F_IKE_LIFEDURB,
    F_IKE_KEYLEN,
    F_IPS_ATTR,
    F_IPS_ATTR_TYPE,
    F_IPS_ATTR_FORMAT,
    F_IPS_ATTR_LEN,
    F_IPS_ATTR_VALUE,
    F_IPS_LIFETYPE,
    F_IPS_LIFEDUR,
    F_IPS_LIFEDUR64,
    F_IPS_LIFEDURB,
    F_IPS_GROUP,
    F_IPS_ENCAP,
    F_IPS_AUTH,
    F_IPS_KEYLEN,
    F_IKE2_ATTR,
    F_IKE2_ATTR_TYPE,
    F_IKE2_ATTR_FORMAT,
    F_IKE2_ATTR_LEN,
    F_IKE2_ATTR_VALUE,
    F_IKE2_KEYLEN,
    F_KE_DH,
    F_KE_DATA,
    F_ID_TYPE,
    F_ID_PROTO,
    F_ID_PORT,
    F_ID_DATA,
    F_ID_IPV4,
    F_ID_FQDN,
    F_ID_UFQDN,
    F_ID_IPV4_SUBNET,
    F_ID_IPV4_RSTART,
    F_ID_IPV4_REND,
    F_ID_IPV6,
    F_ID_IPV6_SUBNET,
    F_ID_IPV6_RSTART,
    F_ID_IPV6_REND,
    F_ID_KEYID,
    F_CERT_ENC,
    F_CERT_DATA,
    F_CERTREQ_TYPE,
    F_CERTREQ_AUTH,
    F_CERTREQ_SIG,
    F_AUTH_METHOD,
    F_AUTH_DATA,
    F_NOTIFY_DOI,
    F_NOTIFY_PROTO,
    F_NOTIFY_TYPE,
    F_NOTIFY_DATA,
    F_DPD_RUT,
    F_DPD_RUTACK,
    F_SIGHASH,
    F_DELETE_DOI,
    F_DELETE_PROTO,
    F_SPINUM,
    F_DELETE_SPI,
    F_VID_BYTES,
    F_VID_STRING,
    F_VID_UNITY_MAJOR,
    F_VID_UNITY_MINOR,
    F_HASH,
    F_SIG,
    F_NONCE,
    F_NAT_HASH,
    F_NAT_OA4,
    F_NAT_OA6,
    F_TS_NUM,
    F_TS_TYPE,
    F_TS_PROTO,
    F_TS_SELLEN,
    F_TS_SPORT,
    F_TS_EPORT,
    F_TS_S4,
    F_TS_E4,
    F_TS_S6,
    F_TS_E6,
    F_TS_DATA,
    F_ENC_DATA,
    F_ENC_IV,
    F_EAP_DATA,
    F_CFG_TYPE,
    F_CFG_ID,
    F_CFG_ATTR,
    F_CFG_ATTR_TYPE,
    F_CFG_ATTR_FORMAT,
    F_CFG_ATTR_LEN,
    F_CFG_ATTR_VALUE,
    F_FRAG_NUM,
    F_FRAG_TOTAL,
    F_NAT_KEEPALIVE,
    F_COUNT
};

static const struct tw_tfs tfs_crit = {"Critical", "Not critical"};
static const struct tw_tfs tfs_init = {"Initiator", "Responder"};
static const struct tw_tfs tfs_ver = {"A higher version enabled", "No higher version"};
static const struct tw_tfs tfs_resp = {"Response", "Request"};
static const struct tw_tfs tfs_enc = {"Encrypted", "Not encrypted"};
static const struct tw_tfs tfs_commit = {"Commit", "No commit"};
static const struct tw_tfs tfs_authonly = {"Authentication", "No authentication"};
static const struct tw_tfs tfs_attr_format = {"Type/Value (TV)", "Type/Length/Value (TLV)"};

#define V8(a, n, v)                                                                                \
    {                                                                                              \
        a, n, TW_FT_UINT8, TW_BASE_DEC, 0, v                                                       \
    }
#define V16(a, n, v)                                                                               \
    {                                                                                              \
        a, n, TW_FT_UINT16, TW_BASE_DEC, 0, v                                                      \
    }
#define R8(a, n, r)                                                                                \
    {                                                                                              \
        a, n, TW_FT_UINT8, TW_BASE_DEC, 0, NULL, r                                                 \
    }
#define R16(a, n, r)                                                                               \
    {                                                                                              \
        a, n, TW_FT_UINT16, TW_BASE_DEC, 0, NULL, r                                                \
    }
#define FMT(a)                                                                                     \
    {                                                                                              \
        a, "Format", TW_FT_BOOLEAN, 16, 0x8000, NULL, NULL, &tfs_attr_format                       \
    }
#define FLAG(a, n, m, t)                                                                           \
    {                                                                                              \
        a, n, TW_FT_BOOLEAN, 8, m, NULL, NULL, t                                                   \
    }

static const struct tw_field_def fields[F_COUNT] = {
    [F_ISPI] = TW_FD_BYTES("isakmp.ispi", "Initiator SPI"),
    [F_RSPI] = TW_FD_BYTES("isakmp.rspi", "Responder SPI"),
    [F_NEXT] = R8("isakmp.nextpayload", "Next payload", ike_payload_rvals),
    [F_VERSION] = {"isakmp.version", "Version", TW_FT_UINT8, TW_BASE_HEX},
    [F_MJVER] = {"isakmp.mjver", "MjVer", TW_FT_UINT8, TW_BASE_HEX, 0xf0},
    [F_MNVER] = {"isakmp.mnver", "MnVer", TW_FT_UINT8, TW_BASE_HEX, 0x0f},
    [F_EXCH] = V8("isakmp.exchangetype", "Exchange type", ike_exch_vals),
    [F_FLAGS] = {"isakmp.flags", "Flags", TW_FT_UINT8, TW_BASE_HEX},
    [F_FLAG_E] = FLAG("isakmp.flag_e", "Encryption", 0x01, &tfs_enc),
    [F_FLAG_C] = FLAG("isakmp.flag_c", "Commit", 0x02, &tfs_commit),
    [F_FLAG_A] = FLAG("isakmp.flag_a", "Authentication", 0x04, &tfs_authonly),
    [F_FLAG_I] = FLAG("isakmp.flag_i", "Initiator", 0x08, &tfs_init),
    [F_FLAG_V] = FLAG("isakmp.flag_v", "Version", 0x10, &tfs_ver),
    [F_FLAG_R] = FLAG("isakmp.flag_r", "Response", 0x20, &tfs_resp),
    [F_MSGID] = {"isakmp.messageid", "Message ID", TW_FT_UINT32, TW_BASE_HEX},
    [F_LENGTH] = TW_FD_U32D("isakmp.length", "Length"),
    [F_TYPEPAYLOAD] = R8("isakmp.typepayload", "Payload", ike_payload_rvals),
    [F_CRITICAL] = {"isakmp.criticalpayload", "Critical Bit", TW_FT_BOOLEAN, 8, 0x80, NULL, NULL,
                    &tfs_crit},
    [F_RESERVED7] = {"isakmp.reserved7", "Reserved", TW_FT_UINT8, TW_BASE_HEX, 0x7f},
    [F_RESERVED] = TW_FD_BYTES("isakmp.reserved", "Reserved"),
    [F_PLEN] = TW_FD_U16D("isakmp.payloadlength", "Payload length"),
    [F_EXTRADATA] = TW_FD_BYTES("isakmp.extradata", "Extra data"),
    [F_DATAPAYLOAD] = TW_FD_BYTES("isakmp.datapayload", "Data Payload"),
    [F_SA_DOI] = {"isakmp.sa.doi", "Domain of interpretation", TW_FT_UINT32, TW_BASE_DEC, 0,
                  ike_doi_vals},
    [F_SA_SIT] = TW_FD_BYTES("isakmp.sa.situation", "Situation"),
    [F_SIT_ID] = {"isakmp.sa.situation.identity_only", "Identity Only", TW_FT_BOOLEAN, 32, 0x1},
    [F_SIT_SECRECY] = {"isakmp.sa.situation.secrecy", "Secrecy", TW_FT_BOOLEAN, 32, 0x2},
    [F_SIT_INTEG] = {"isakmp.sa.situation.integrity", "Integrity", TW_FT_BOOLEAN, 32, 0x4},
    [F_PROP_NUM] = TW_FD_U8D("isakmp.prop.number", "Proposal number"),
    [F_PROP_PROTO] = {"isakmp.prop.protoid", "Protocol ID", TW_FT_UINT32, TW_BASE_DEC},
    [F_SPISIZE] = TW_FD_U8D("isakmp.spisize", "SPI Size"),
    [F_PROP_TRANSFORMS] = TW_FD_U8D("isakmp.prop.transforms", "Proposal transforms"),
    [F_SPI] = TW_FD_BYTES("isakmp.spi", "SPI"),
    [F_TRANS_NUM] = TW_FD_U8D("isakmp.trans.number", "Transform number"),
    [F_TRANS_ID] = TW_FD_U8D("isakmp.trans.id", "Transform ID"),
    [F_RESERVED2] = TW_FD_BYTES("isakmp.reserved2", "Reserved2"),
    [F_TF_TYPE] = R8("isakmp.tf.type", "Transform Type", ike_tftype_rvals),
    [F_TF_ENCR] = R16("isakmp.tf.id.encr", "Transform ID (ENCR)", ike_encr_rvals),
    [F_TF_PRF] = R16("isakmp.tf.id.prf", "Transform ID (PRF)", ike_prf_rvals),
    [F_TF_INTEG] = R16("isakmp.tf.id.integ", "Transform ID (INTEG)", ike_integ_rvals),
    [F_TF_DH] = R16("isakmp.tf.id.dh", "Transform ID (D-H)", ike_dh_rvals),
    [F_TF_ESN] = R16("isakmp.tf.id.esn", "Transform ID (ESN)", ike_esn_rvals),
    [F_TF_ID] = TW_FD_U16D("isakmp.tf.id", "Transform ID"),
    [F_IKE_ATTR] = TW_FD_NONE("isakmp.ike.attr", "IKE Attribute"),
    [F_IKE_ATTR_TYPE] = R16("isakmp.ike.attr.type", "Type", ike_v1attr_rvals),
    [F_IKE_ATTR_FORMAT] = FMT("isakmp.ike.attr.format"),
    [F_IKE_ATTR_LEN] = TW_FD_U16D("isakmp.ike.attr.length", "Length"),
    [F_IKE_ATTR_VALUE] = TW_FD_BYTES("isakmp.ike.attr.value", "Value"),
    [F_IKE_ENCR] =
        V16("isakmp.ike.attr.encryption_algorithm", "Encryption Algorithm", ike_v1_encr_vals),
    [F_IKE_HASH] = V16("isakmp.ike.attr.hash_algorithm", "HASH Algorithm", ike_v1_hash_vals),
    [F_IKE_AUTHM] =
        V16("isakmp.ike.attr.authentication_method", "Authentication Method", ike_v1_authmeth_vals),
    [F_IKE_GROUP] =
        V16("isakmp.ike.attr.group_description", "Group Description", ike_v1_group_vals),
    [F_IKE_GTYPE] = V16("isakmp.ike.attr.group_type", "Group Type", ike_v1_grouptype_vals),
    [F_IKE_LIFETYPE] = V16("isakmp.ike.attr.life_type", "Life Type", ike_v1_lifetype_vals),
    [F_IKE_LIFEDUR] = TW_FD_U32D("isakmp.ike.attr.life_duration", "Life Duration"),
    [F_IKE_LIFEDUR64] = {"isakmp.ike.attr.life_duration64", "Life Duration", TW_FT_UINT64,
                         TW_BASE_DEC},
    [F_IKE_LIFEDURB] = TW_FD_BYTES("isakmp.ike.attr.life_duration_bytes", "Life Duration"),
    [F_IKE_KEYLEN] = TW_FD_U16D("isakmp.ike.attr.key_length", "Key Length"),
    [F_IPS_ATTR] = TW_FD_NONE("isakmp.ipsec.attr", "IPsec Attribute"),
    [F_IPS_ATTR_TYPE] = R16("isakmp.ipsec.attr.type", "Type", ike_ipsecattr_rvals),
    [F_IPS_ATTR_FORMAT] = FMT("isakmp.ipsec.attr.format"),
    [F_IPS_ATTR_LEN] = TW_FD_U16D("isakmp.ipsec.attr.length", "Length"),
    [F_IPS_ATTR_VALUE] = TW_FD_BYTES("isakmp.ipsec.attr.value", "Value"),
    [F_IPS_LIFETYPE] = V16("isakmp.ipsec.attr.life_type", "Life Type", ike_ipsec_lifetype_vals),
    [F_IPS_LIFEDUR] = TW_FD_U32D("isakmp.ipsec.attr.life_duration", "Life Duration"),
    [F_IPS_LIFEDUR64] = {"isakmp.ipsec.attr.life_duration64", "Life Duration", TW_FT_UINT64,
                         TW_BASE_DEC},
    [F_IPS_LIFEDURB] = TW_FD_BYTES("isakmp.ipsec.attr.life_duration_bytes", "Life Duration"),
    [F_IPS_GROUP] =
        V16("isakmp.ipsec.attr.group_description", "Group Description", ike_v1_group_vals),
    [F_IPS_ENCAP] = V16("isakmp.ipsec.attr.encap_mode", "Encapsulation Mode", ike_ipsec_encap_vals),
    [F_IPS_AUTH] =
        V16("isakmp.ipsec.attr.auth_algorithm", "Authentication Algorithm", ike_ipsec_auth_vals),
    [F_IPS_KEYLEN] = TW_FD_U16D("isakmp.ipsec.attr.key_length", "Key Length"),
    [F_IKE2_ATTR] = TW_FD_NONE("isakmp.ike2.attr", "Transform Attribute"),
    [F_IKE2_ATTR_TYPE] = R16("isakmp.ike2.attr.type", "Type", ike2_attr_rvals),
    [F_IKE2_ATTR_FORMAT] = FMT("isakmp.ike2.attr.format"),
    [F_IKE2_ATTR_LEN] = TW_FD_U16D("isakmp.ike2.attr.length", "Length"),
    [F_IKE2_ATTR_VALUE] = TW_FD_BYTES("isakmp.ike2.attr.value", "Value"),
    [F_IKE2_KEYLEN] = TW_FD_U16D("isakmp.ike2.attr.key_length", "Key Length"),
    [F_KE_DH] = R16("isakmp.key_exchange.dh_group", "DH Group #", ike_dh_rvals),
    [F_KE_DATA] = TW_FD_BYTES("isakmp.key_exchange.data", "Key Exchange Data"),
    [F_ID_TYPE] = R8("isakmp.id.type", "ID type", ike_idtype_v1_rvals),
    [F_ID_PROTO] = R8("isakmp.id.protoid", "Protocol ID", ike_ipproto_rvals),
    [F_ID_PORT] = TW_FD_U16D("isakmp.id.port", "Port"),
    [F_ID_DATA] = TW_FD_NONE("isakmp.id.data", "Identification Data:"),
    [F_ID_IPV4] = {"isakmp.id.data.ipv4_addr", "ID_IPV4_ADDR", TW_FT_IPv4},
    [F_ID_FQDN] = {"isakmp.id.data.fqdn", "ID_FQDN", TW_FT_STRING},
    [F_ID_UFQDN] = {"isakmp.id.data.user_fqdn", "ID_FQDN", TW_FT_STRING},
    [F_ID_IPV4_SUBNET] = {"isakmp.id.data.ipv4_subnet", "ID_IPV4_SUBNET", TW_FT_IPv4},
    [F_ID_IPV4_RSTART] = {"isakmp.id.data.ipv4_range_start", "ID_IPV4_RANGE (Start)", TW_FT_IPv4},
    [F_ID_IPV4_REND] = {"isakmp.id.data.ipv4_range_end", "ID_IPV4_RANGE (End)", TW_FT_IPv4},
    [F_ID_IPV6] = {"isakmp.id.data.ipv6_addr", "ID_IPV6_ADDR", TW_FT_IPv6},
    [F_ID_IPV6_SUBNET] = {"isakmp.id.data.ipv6_subnet", "ID_IPV6A_ADDR_SUBNET", TW_FT_IPv6},
    [F_ID_IPV6_RSTART] = {"isakmp.id.data.ipv6_range_start", "ID_IPV6_ADDR_RANGE (Start)",
                          TW_FT_IPv6},
    [F_ID_IPV6_REND] = {"isakmp.id.data.ipv6_range_end", "ID_IPV6_ADDR_RANGE (End)", TW_FT_IPv6},
    [F_ID_KEYID] = TW_FD_BYTES("isakmp.id.data.key_id", "ID_KEY_ID"),
    [F_CERT_ENC] = R8("isakmp.cert.encoding", "Certificate Encoding", ike_certenc_v1_rvals),
    [F_CERT_DATA] = TW_FD_NONE("isakmp.cert.data", "Certificate Data"),
    [F_CERTREQ_TYPE] = R8("isakmp.certreq.type", "Certificate Type", ike_certenc_v1_rvals),
    [F_CERTREQ_AUTH] = TW_FD_BYTES("isakmp.ike.certreq.authority", "Certificate Authority Data"),
    [F_CERTREQ_SIG] = {"isakmp.certreq.authority.sig", "Certificate Authority Signature",
                       TW_FT_UINT32, TW_BASE_DEC},
    [F_AUTH_METHOD] = R8("isakmp.auth.method", "Authentication Method", ike_authmeth_rvals),
    [F_AUTH_DATA] = TW_FD_BYTES("isakmp.auth.data", "Authentication Data"),
    [F_NOTIFY_DOI] = {"isakmp.notify.doi", "Domain of interpretation", TW_FT_UINT32, TW_BASE_DEC, 0,
                      ike_doi_vals},
    [F_NOTIFY_PROTO] = {"isakmp.notify.protoid", "Protocol ID", TW_FT_UINT32, TW_BASE_DEC},
    [F_NOTIFY_TYPE] = R16("isakmp.notify.msgtype", "Notify Message Type", ike_notify_v1_rvals),
    [F_NOTIFY_DATA] = TW_FD_BYTES("isakmp.notify.data", "Notification DATA"),
    [F_DPD_RUT] = TW_FD_U32D("isakmp.notify.data.dpd.are_you_there", "DPD ARE-YOU-THERE sequence"),
    [F_DPD_RUTACK] =
        TW_FD_U32D("isakmp.notify.data.dpd.are_you_there_ack", "DPD ARE-YOU-THERE-ACK sequence"),
    [F_SIGHASH] = R16("isakmp.notify.data.signature_hash_algorithms",
                      "Supported Signature Hash Algorithm", ike_sighash_rvals),
    [F_DELETE_DOI] = {"isakmp.delete.doi", "Domain of interpretation", TW_FT_UINT32, TW_BASE_DEC, 0,
                      ike_doi_vals},
    [F_DELETE_PROTO] = {"isakmp.delete.protoid", "Protocol ID", TW_FT_UINT32, TW_BASE_DEC},
    [F_SPINUM] = TW_FD_U16D("isakmp.spinum", "Number of SPIs"),
    [F_DELETE_SPI] = TW_FD_BYTES("isakmp.delete.spi", "Delete SPI"),
    [F_VID_BYTES] = TW_FD_BYTES("isakmp.vid_bytes", "Vendor ID"),
    [F_VID_STRING] = {"isakmp.vid_string", "Vendor ID", TW_FT_STRING},
    [F_VID_UNITY_MAJOR] = {"isakmp.vid.cisco_unity.major", "CISCO-UNITY Major version",
                           TW_FT_UINT8, TW_BASE_DEC},
    [F_VID_UNITY_MINOR] = {"isakmp.vid.cisco_unity.minor", "CISCO-UNITY Minor version",
                           TW_FT_UINT8, TW_BASE_DEC},
    [F_HASH] = TW_FD_BYTES("isakmp.hash", "Hash DATA"),
    [F_SIG] = TW_FD_BYTES("isakmp.sig", "Signature DATA"),
    [F_NONCE] = TW_FD_BYTES("isakmp.nonce", "Nonce DATA"),
    [F_NAT_HASH] = TW_FD_BYTES("isakmp.ike.nat_hash", "HASH of the address and port"),
    [F_NAT_OA4] = {"isakmp.ike.nat_original_address_ipv4", "NAT Original IPv4 Address", TW_FT_IPv4},
    [F_NAT_OA6] = {"isakmp.ike.nat_original_address_ipv6", "NAT Original IPv6 Address", TW_FT_IPv6},
    [F_TS_NUM] = TW_FD_U8D("isakmp.ts.number", "Number of Traffic Selectors"),
    [F_TS_TYPE] = R8("isakmp.ts.type", "Traffic Selector Type", ike_ts_type_rvals),
    [F_TS_PROTO] = R8("isakmp.ts.protoid", "Protocol ID", ike_ipproto_rvals),
    [F_TS_SELLEN] = TW_FD_U16D("isakmp.ts.selector_length", "Selector Length"),
    [F_TS_SPORT] = TW_FD_U16D("isakmp.ts.start_port", "Start Port"),
    [F_TS_EPORT] = TW_FD_U16D("isakmp.ts.end_port", "End Port"),
    [F_TS_S4] = {"isakmp.ts.start_ipv4", "Starting Addr", TW_FT_IPv4},
    [F_TS_E4] = {"isakmp.ts.end_ipv4", "Ending Addr", TW_FT_IPv4},
    [F_TS_S6] = {"isakmp.ts.start_ipv6", "Starting Addr", TW_FT_IPv6},
    [F_TS_E6] = {"isakmp.ts.end_ipv6", "Ending Addr", TW_FT_IPv6},
    [F_TS_DATA] = TW_FD_NONE("isakmp.ts.data", "Traffic Selector"),
    [F_ENC_DATA] = TW_FD_NONE("isakmp.enc.data", "Encrypted Data"),
    [F_ENC_IV] = TW_FD_BYTES("isakmp.enc.iv", "Initialization Vector"),
    [F_EAP_DATA] = TW_FD_BYTES("isakmp.eap.data", "EAP Message"),
    [F_CFG_TYPE] = R8("isakmp.cfg.type", "Type", ike_cfg_v1_rvals),
    [F_CFG_ID] = TW_FD_U16D("isakmp.cfg.identifier", "Identifier"),
    [F_CFG_ATTR] = TW_FD_NONE("isakmp.cfg.attr", "Config Attribute"),
    [F_CFG_ATTR_TYPE] = R16("isakmp.cfg.attr.type", "Type", ike_cfgattr_v1_rvals),
    [F_CFG_ATTR_FORMAT] = FMT("isakmp.cfg.attr.format"),
    [F_CFG_ATTR_LEN] = TW_FD_U16D("isakmp.cfg.attr.length", "Length"),
    [F_CFG_ATTR_VALUE] = TW_FD_BYTES("isakmp.cfg.attr.value", "Value"),
    [F_FRAG_NUM] = TW_FD_U16D("isakmp.frag.number", "Fragment Number"),
    [F_FRAG_TOTAL] = TW_FD_U16D("isakmp.frag.total", "Total Fragments"),
    [F_NAT_KEEPALIVE] = TW_FD_NONE("isakmp.ike.nat_keepalive", "NAT Keepalive"),
};
#define HF(x) ((uint16_t)(ids.base + (x)))

enum { UF_KEEPALIVE, UF_MARKER, UF_COUNT };
static const struct tw_field_def ufields[UF_COUNT] = {
    [UF_KEEPALIVE] = TW_FD_NONE("udpencap.nat_keepalive", "NAT-keepalive packet"),
    [UF_MARKER] = TW_FD_NONE("udpencap.non_esp_marker", "Non-ESP Marker"),
};
#define UHF(x) ((uint16_t)(uids.base + (x)))

/* Vendor IDs tshark names (a prefix match, as tshark's) */
struct vid {
    const char *hex;
    const char *name;
};
static const struct vid vids[] = {
    {"afcad71368a1f1c96b8696fc77570100", "RFC 3706 DPD (Dead Peer Detection)"},
    {"09002689dfd6b712", "XAUTH"},
    {"4048b7d56ebce88525e7de7f00d6c2d3", "Cisco Fragmentation"},
    {"12f5f28c457168a9702d9fe274cc0100", "CISCO-UNITY"},
    {"4a131c81070358455c5728f20e95452f", "RFC 3947 Negotiation of NAT-Traversal in the IKE"},
    {"90cb80913ebb696e086381b5ec427b1f", "draft-ietf-ipsec-nat-t-ike-02\\n"},
    {"cd60464335df21f87cfdb2fc68b6a448", "draft-ietf-ipsec-nat-t-ike-02"},
    {"7d9419a65310ca6f2c179d9215529d56", "draft-ietf-ipsec-nat-t-ike-03"},
    {"4df37928e9fc4fd1b3262170d515c662", "draft-ietf-ipsec-nat-t-ike-00"},
    {"4485152d18b6bbcd0be8a8469579ddcc", "draft-ietf-ipsec-nat-t-ike-00"},
    {"8299031757a36082c6a621de", "Fortigate (Fortinet)"},
    {"1e2b516905991c7d7c96fcbfb587e461", "MS NT5 ISAKMPOAKLEY"},
    {"4f45755c645c6a795c5c6170", "strongSwan"},
    {"1f07f70eaa6514d3b0fa96542a500100", "Cisco VPN Concentrator (IKE Fragmentation)"},
    {"fb1de3cdf341b7ea16b7e5be0855f120", "Microsoft Vid-Initial-Contact"},
    {"e3a5966a76379fe707228231e5ce8652", "Microsoft Fragmentation"},
    {"214ca4faffa7f32d6748e5303395ae83", "MS-Negotiation Discovery Capable"},
    {"72872b95fcda2eb708efe322119b4971", "IKE CGA version 1"},
    {"4048b7d56ebce88525e7de7f00d6c2d3c0000000", "Cisco Fragmentation"},
    {"439b59f8ba676c4c7737ae22eab8f582", "draft-ietf-ipsec-nat-t-ike-07"},
    {"27bab5dc01ea0760ea4e3190ac27c0d0", "draft-stenberg-ipsec-nat-traversal-01"},
    {"6105c422e76847e43f9684801292aecd", "draft-stenberg-ipsec-nat-traversal-02"},
    {"699369228741c6d4ca094c93e242c9de19e7b7c60000000500000500", "Netscreen-6"},
};

static int hexval(char ch)
{
    return ch <= '9' ? ch - '0' : ch - 'a' + 10;
}

static const char *vid_name(const uint8_t *b, uint32_t n)
{
    for (size_t i = 0; i < TW_ARRAY_LEN(vids); i++) {
        size_t hl = strlen(vids[i].hex) / 2;
        if (n < hl) continue;
        size_t k = 0;
        for (; k < hl; k++)
            if (b[k] != (uint8_t)(hexval(vids[i].hex[2 * k]) << 4 | hexval(vids[i].hex[2 * k + 1])))
                break;
        if (k == hl) return vids[i].name;
    }
    return "Unknown Vendor ID";
}

static const char *rs(const struct tw_rs *r, uint32_t v)
{
    const char *s = tw_rs_find(r, v);
    return s ? s : "Unknown";
}

static const char *vs(const struct tw_vs *r, uint32_t v)
{
    const char *s = tw_vs_find(r, v);
    return s ? s : "Unknown";
}

struct ctx {
    int ver; /* 1 or 2 */
};

static void payloads(struct tw_pkt *p, const struct tw_cur *c, struct ctx *x, uint32_t off,
                     uint32_t len, uint8_t first, int depth, uint8_t proto);

/* the data attributes of IKEv1 SA (IKE or IPsec DOI) transforms, IKEv2 transforms, config */
enum attr_kind { AK_IKE, AK_IPSEC, AK_IKE2, AK_CFG };

static void attributes(struct tw_pkt *p, const struct tw_cur *c, uint32_t off, uint32_t end,
                       enum attr_kind k, struct ctx *x)
{
    static const uint16_t item[] = {F_IKE_ATTR, F_IPS_ATTR, F_IKE2_ATTR, F_CFG_ATTR};
    const uint16_t base = item[k];
    const uint8_t *d = c->data;
    while (off + 4 <= end && off + 4 <= c->cap) {
        uint16_t th = (uint16_t)(d[off] << 8 | d[off + 1]);
        uint16_t type = th & 0x7fff;
        bool tv = th & 0x8000;
        uint16_t lv = (uint16_t)(d[off + 2] << 8 | d[off + 3]);
        uint32_t vlen = tv ? 2 : lv, voff = tv ? off + 2 : off + 4;
        uint32_t total = tv ? 4 : 4 + (uint32_t)lv;
        if (voff + vlen > end) vlen = end > voff ? end - voff : 0;
        if (voff + vlen > c->cap) vlen = c->cap > voff ? c->cap - voff : 0;
        int32_t r = tw_add_rec(p, HF(base), off, total);
        tw_tree_push(p, r);
        tw_add_bits(p, HF(base + 2), off, 2, th);

        tw_add_uint(p, HF(base + 1), off, 2, type);
        if (!tv) tw_add_uint(p, HF(base + 3), off + 2, 2, lv);
        if (vlen) tw_add_bytes(p, HF(base + 4), c, voff, vlen);
        uint64_t v = 0;
        for (uint32_t i = 0; i < vlen && i < 8; i++) v = v << 8 | d[voff + i];
        const char *tname = "Unknown", *vname = NULL;
        char num[32];
        int16_t hf = -1;
        bool as_num = vlen >= 1 && vlen <= 4;
        if (k == AK_IKE) {
            tname = rs(ike_v1attr_rvals, type);
            switch (type) {
            case 1:
                hf = F_IKE_ENCR;
                vname = vs(ike_v1_encr_vals, (uint32_t)v);
                break;
            case 2:
                hf = F_IKE_HASH;
                vname = vs(ike_v1_hash_vals, (uint32_t)v);
                break;
            case 3:
                hf = F_IKE_AUTHM;
                vname = vs(ike_v1_authmeth_vals, (uint32_t)v);
                break;
            case 4:
                hf = F_IKE_GROUP;
                vname = vs(ike_v1_group_vals, (uint32_t)v);
                break;
            case 5:
                hf = F_IKE_GTYPE;
                vname = vs(ike_v1_grouptype_vals, (uint32_t)v);
                break;
            case 11:
                hf = F_IKE_LIFETYPE;
                vname = vs(ike_v1_lifetype_vals, (uint32_t)v);
                break;
            case 12:
                hf = vlen <= 4 ? F_IKE_LIFEDUR : vlen <= 8 ? F_IKE_LIFEDUR64 : F_IKE_LIFEDURB;
                as_num = vlen <= 8;
                break;
            case 14:
                hf = F_IKE_KEYLEN;
                break;
            }
        } else if (k == AK_IPSEC) {
            tname = rs(ike_ipsecattr_rvals, type);
            switch (type) {
            case 1:
                hf = F_IPS_LIFETYPE;
                vname = vs(ike_ipsec_lifetype_vals, (uint32_t)v);
                break;
            case 2:
                hf = vlen <= 4 ? F_IPS_LIFEDUR : vlen <= 8 ? F_IPS_LIFEDUR64 : F_IPS_LIFEDURB;
                as_num = vlen <= 8;
                break;
            case 3:
                hf = F_IPS_GROUP;
                vname = vs(ike_v1_group_vals, (uint32_t)v);
                break;
            case 4:
                hf = F_IPS_ENCAP;
                vname = vs(ike_ipsec_encap_vals, (uint32_t)v);
                break;
            case 5:
                hf = F_IPS_AUTH;
                vname = vs(ike_ipsec_auth_vals, (uint32_t)v);
                break;
            case 6:
                hf = F_IPS_KEYLEN;
                break;
            }
        } else if (k == AK_IKE2) {
            tname = rs(ike2_attr_rvals, type);
            if (type == 14) hf = F_IKE2_KEYLEN;
        } else {
            tname = rs(x->ver == 1 ? ike_cfgattr_v1_rvals : ike_cfgattr_v2_rvals, type);
        }
        if (hf >= 0 && vlen) {
            if (hf == F_IKE_LIFEDURB || hf == F_IPS_LIFEDURB || !as_num)
                tw_add_bytes(p, HF((uint16_t)hf), c, voff, vlen);
            else
                tw_add_uint(p, HF((uint16_t)hf), voff, vlen, v);
        }
        if (tw_want_labels(p) && r >= 0) {
            snprintf(num, sizeof num, "%llu", (unsigned long long)v);
            if (hf >= 0 && vlen && as_num)
                tw_rec_label(p, r, "%s (t=%u,l=%u): %s: %s", fields[base].name, type, vlen, tname,
                             vname ? vname : num);
            else
                tw_rec_label(p, r, "%s (t=%u,l=%u): %s", fields[base].name, type, vlen, tname);
        }
        tw_tree_pop(p);
        off += total;
    }
}

/* one payload's body (after its generic header) */
static void body(struct tw_pkt *p, const struct tw_cur *c, struct ctx *x, uint8_t type,
                 uint32_t off, uint32_t len, int32_t item, int depth, uint8_t proto)
{
    const uint8_t *d = c->data;
    uint32_t end = off + len;
    if (end > c->cap) end = c->cap; /* read only what was captured */
    uint32_t have = end > off ? end - off : 0;
#define NEED(n)                                                                                    \
    if (have < (n)) return
    switch (type) {
    case 1:    /* SA v1 */
    case 33: { /* SA v2 */
        if (x->ver == 1) {
            NEED(4);
            uint32_t doi = (uint32_t)d[off] << 24 | (uint32_t)d[off + 1] << 16 |
                           (uint32_t)d[off + 2] << 8 | d[off + 3];
            tw_add_uint(p, HF(F_SA_DOI), off, 4, doi);
            if (doi == 1) {
                NEED(8);
                int32_t r = tw_add_bytes(p, HF(F_SA_SIT), c, off + 4, 4);
                tw_tree_push(p, r);
                uint32_t sit = (uint32_t)d[off + 4] << 24 | (uint32_t)d[off + 5] << 16 |
                               (uint32_t)d[off + 6] << 8 | d[off + 7];
                tw_add_bits(p, HF(F_SIT_ID), off + 4, 4, sit);
                tw_add_bits(p, HF(F_SIT_SECRECY), off + 4, 4, sit);
                tw_add_bits(p, HF(F_SIT_INTEG), off + 4, 4, sit);
                tw_tree_pop(p);
                payloads(p, c, x, off + 8, len - 8, 2, depth + 1, 0);
            }
        } else {
            payloads(p, c, x, off, len, 2, depth + 1, 0);
        }
        break;
    }
    case 2: { /* proposal */
        NEED(4);
        uint8_t pnum = d[off], pid = d[off + 1], spis = d[off + 2], nt = d[off + 3];
        tw_add_uint(p, HF(F_PROP_NUM), off, 1, pnum);
        int32_t r = tw_add_uint(p, HF(F_PROP_PROTO), off + 1, 1, pid);
        if (tw_want_labels(p))
            tw_rec_label(p, r, "Protocol ID: %s (%u)",
                         vs(x->ver == 1 ? ike_protoid_v1_vals : ike_protoid_v2_vals, pid), pid);
        tw_add_uint(p, HF(F_SPISIZE), off + 2, 1, spis);
        tw_add_uint(p, HF(F_PROP_TRANSFORMS), off + 3, 1, nt);
        if (item >= 0 && tw_want_labels(p))
            tw_rec_label(p, item, "Payload: Proposal (2) # %u", pnum);
        uint32_t o = off + 4;
        if (spis) {
            if (len < 4 + (uint32_t)spis) return;
            tw_add_bytes(p, HF(F_SPI), c, o, have >= 4u + spis ? spis : have - 4);
            o += spis;
        }
        payloads(p, c, x, o, len - (o - off), 3, depth + 1, pid);
        break;
    }
    case 3: { /* transform */
        if (x->ver == 1) {
            NEED(4);
            tw_add_uint(p, HF(F_TRANS_NUM), off, 1, d[off]);
            int32_t tr = tw_add_uint(p, HF(F_TRANS_ID), off + 1, 1, d[off + 1]);
            if (proto == 1 && d[off + 1] == 1 && tw_want_labels(p))
                tw_rec_label(p, tr, "Transform ID: KEY_IKE (1)");
            tw_add_bytes(p, HF(F_RESERVED), c, off + 2, 2);
            if (item >= 0 && tw_want_labels(p))
                tw_rec_label(p, item, "Payload: Transform (3) # %u", d[off]);
            attributes(p, c, off + 4, end, proto == 1 ? AK_IKE : AK_IPSEC, x);
        } else {
            NEED(4);
            uint8_t tt = d[off];
            uint16_t id = (uint16_t)(d[off + 2] << 8 | d[off + 3]);
            tw_add_uint(p, HF(F_TF_TYPE), off, 1, tt);
            tw_add_bytes(p, HF(F_RESERVED), c, off + 1, 1);
            static const uint16_t idf[] = {F_TF_ID,    F_TF_ENCR, F_TF_PRF,
                                           F_TF_INTEG, F_TF_DH,   F_TF_ESN};
            tw_add_uint(p, HF(tt <= 5 ? idf[tt] : F_TF_ID), off + 2, 2, id);
            attributes(p, c, off + 4, end, AK_IKE2, x);
        }
        break;
    }
    case 4:    /* KE v1 */
    case 34: { /* KE v2 */
        uint32_t o = off;
        if (x->ver == 2) {
            NEED(4);
            tw_add_uint(p, HF(F_KE_DH), off, 2, (uint32_t)(d[off] << 8 | d[off + 1]));
            tw_add_bytes(p, HF(F_RESERVED), c, off + 2, 2);
            o += 4;
        }
        if (end > o) tw_add_bytes(p, HF(F_KE_DATA), c, o, end - o);
        break;
    }
    case 5:
    case 35:
    case 36: { /* ID */
        NEED(4);
        uint8_t it = d[off];
        int32_t r = tw_add_uint(p, HF(F_ID_TYPE), off, 1, it);
        if (tw_want_labels(p))
            tw_rec_label(p, r, "ID type: %s (%u)",
                         rs(x->ver == 1 ? ike_idtype_v1_rvals : ike_idtype_v2_rvals, it), it);
        if (x->ver == 1) {
            int32_t pr = tw_add_uint(p, HF(F_ID_PROTO), off + 1, 1, d[off + 1]);
            uint32_t port = (uint32_t)(d[off + 2] << 8 | d[off + 3]);
            int32_t po = tw_add_uint(p, HF(F_ID_PORT), off + 2, 2, port);
            if (tw_want_labels(p)) { /* zero means "any" */
                if (!d[off + 1]) tw_rec_label(p, pr, "Protocol ID: Unused");
                if (!port) tw_rec_label(p, po, "Port: Unused");
            }
        } else {
            tw_add_bytes(p, HF(F_RESERVED), c, off + 1, 3);
        }
        uint32_t o = off + 4, n = len > 4 ? len - 4 : 0;
        r = tw_add_rec(p, HF(F_ID_DATA), o, n);
        tw_tree_push(p, r);
        uint32_t hn = end > o ? end - o : 0;
        /* tshark reads a fixed-size address from the packet even when the payload's length is
         * shorter (a malformed payload shows the bytes after it) */
        uint32_t hcap = c->cap > o ? c->cap - o : 0;
        switch (it) {
        case 1:
            if (hcap >= 4) {
                tw_add_ptr(p, HF(F_ID_IPV4), o, 4, d + o, 4);
                if (tw_want_labels(p))
                    tw_rec_label(p, r, "Identification Data:%u.%u.%u.%u", d[o], d[o + 1],
                                 d[o + 2], d[o + 3]);
            }
            break;
        case 2:
        case 3:
            tw_add_ascii(p, HF(it == 2 ? F_ID_FQDN : F_ID_UFQDN), o, hn, d + o);
            if (tw_want_labels(p)) {
                char txt[256];
                size_t k = 0;
                for (uint32_t i = 0; i < hn && d[o + i] && k + 1 < sizeof txt; i++)
                    txt[k++] = d[o + i] >= 0x20 && d[o + i] < 0x7f ? (char)d[o + i] : '.';
                txt[k] = 0;
                tw_rec_label(p, r, "Identification Data:%s", txt);
            }
            break;
        case 4:
            if (hn >= 8) {
                tw_add_ptr(p, HF(F_ID_IPV4_SUBNET), o, 4, d + o, 4);
                tw_add_ptr(p, HF(F_ID_IPV4_SUBNET), o + 4, 4, d + o + 4, 4);
            }
            break;
        case 5:
            if (hn >= 16) tw_add_ptr(p, HF(F_ID_IPV6), o, 16, d + o, 16);
            break;
        case 7:
            if (hn >= 8) {
                tw_add_ptr(p, HF(F_ID_IPV4_RSTART), o, 4, d + o, 4);
                tw_add_ptr(p, HF(F_ID_IPV4_REND), o + 4, 4, d + o + 4, 4);
            }
            break;
        case 11:
            if (hn) tw_add_bytes(p, HF(F_ID_KEYID), c, o, hn);
            break;
        }
        tw_tree_pop(p);
        break;
    }
    case 6:
    case 37: /* CERT */
        NEED(1);
        tw_add_uint(p, HF(F_CERT_ENC), off, 1, d[off]);
        if (have > 1) tw_add_rec(p, HF(F_CERT_DATA), off + 1, have - 1);
        break;
    case 7:
    case 38: /* CERTREQ */
        NEED(1);
        tw_add_uint(p, HF(F_CERTREQ_TYPE), off, 1, d[off]);
        if (have <= 1) break;
        if (x->ver == 1 && d[off] == 4) {
            /* IKEv1 X.509-signature requests name the CA as an X.509 Name (x509if) */
            struct tw_asn a = {.p = p, .d = d, .cap = off + have};
            struct tw_ber_tlv t;
            if (tw_asn_get(&a, off + 1, off + have, &t))
                tw_asn_name(&a, &t, HF(F_CERTREQ_SIG), TW_X509IF_RDNSEQUENCE_HF, NULL, 0);
        } else if (x->ver == 2) {
            /* IKEv2: a list of 20-byte SHA-1 hashes of CA public keys */
            for (uint32_t o = off + 1; o < off + have; o += 20)
                tw_add_bytes(p, HF(F_CERTREQ_AUTH), c, o, off + have - o < 20 ? off + have - o : 20);
        } else {
            tw_add_bytes(p, HF(F_CERTREQ_AUTH), c, off + 1, have - 1);
        }
        break;
    case 8:
        if (have) tw_add_bytes(p, HF(F_HASH), c, off, have);
        break;
    case 9:
        if (have) tw_add_bytes(p, HF(F_SIG), c, off, have);
        break;
    case 10:
    case 40:
        if (have) tw_add_bytes(p, HF(F_NONCE), c, off, have);
        break;
    case 39: /* AUTH */
        NEED(4);
        tw_add_uint(p, HF(F_AUTH_METHOD), off, 1, d[off]);
        tw_add_bytes(p, HF(F_RESERVED), c, off + 1, 3);
        if (have > 4) tw_add_bytes(p, HF(F_AUTH_DATA), c, off + 4, have - 4);
        break;
    case 11:
    case 41: { /* Notify */
        uint32_t o = off;
        if (x->ver == 1) {
            NEED(4);
            tw_add_uint(p, HF(F_NOTIFY_DOI), o, 4,
                        (uint32_t)d[o] << 24 | (uint32_t)d[o + 1] << 16 | (uint32_t)d[o + 2] << 8 |
                            d[o + 3]);
            o += 4;
        }
        if (end < o + 4) return;
        uint8_t pid = d[o], spis = d[o + 1];
        uint16_t mt = (uint16_t)(d[o + 2] << 8 | d[o + 3]);
        int32_t r = tw_add_uint(p, HF(F_NOTIFY_PROTO), o, 1, pid);
        if (tw_want_labels(p))
            tw_rec_label(p, r, "Protocol ID: %s (%u)",
                         vs(x->ver == 1 ? ike_protoid_v1_vals : ike_protoid_v2_vals, pid), pid);
        tw_add_uint(p, HF(F_SPISIZE), o + 1, 1, spis);
        const char *mn = rs(x->ver == 1 ? ike_notify_v1_rvals : ike_notify_v2_rvals, mt);
        r = tw_add_uint(p, HF(F_NOTIFY_TYPE), o + 2, 2, mt);
        if (tw_want_labels(p)) tw_rec_label(p, r, "Notify Message Type: %s (%u)", mn, mt);
        if (x->ver == 2 && item >= 0 && tw_want_labels(p))
            tw_rec_label(p, item, "Payload: %s (%u) - %s", rs(ike_payload_rvals, type), type, mn);
        o += 4;
        if (spis) {
            if (end < o + spis) return;
            tw_add_bytes(p, HF(F_SPI), c, o, spis);
            o += spis;
        }
        if (end <= o) /* tshark adds the (empty) data item all the same */
            tw_add_ptr(p, HF(F_NOTIFY_DATA), o, 0, d + o, 0);
        if (end > o) {
            uint32_t n = end - o;
            tw_add_bytes(p, HF(F_NOTIFY_DATA), c, o, n);
            if (x->ver == 1 && (mt == 36136 || mt == 36137) && n == 4)
                tw_add_uint(p, HF(mt == 36136 ? F_DPD_RUT : F_DPD_RUTACK), o, 4,
                            (uint32_t)d[o] << 24 | (uint32_t)d[o + 1] << 16 |
                                (uint32_t)d[o + 2] << 8 | d[o + 3]);
            if (x->ver == 2 && mt == 16431)
                for (uint32_t i = 0; i + 2 <= n; i += 2)
                    tw_add_uint(p, HF(F_SIGHASH), o + i, 2,
                                (uint32_t)(d[o + i] << 8 | d[o + i + 1]));
        }
        break;
    }
    case 12:
    case 42: { /* Delete */
        uint32_t o = off;
        if (x->ver == 1) {
            NEED(4);
            tw_add_uint(p, HF(F_DELETE_DOI), o, 4,
                        (uint32_t)d[o] << 24 | (uint32_t)d[o + 1] << 16 | (uint32_t)d[o + 2] << 8 |
                            d[o + 3]);
            o += 4;
        }
        if (end < o + 4) return;
        uint8_t pid = d[o], spis = d[o + 1];
        uint16_t num = (uint16_t)(d[o + 2] << 8 | d[o + 3]);
        int32_t r = tw_add_uint(p, HF(F_DELETE_PROTO), o, 1, pid);
        if (tw_want_labels(p))
            tw_rec_label(p, r, "Protocol ID: %s (%u)",
                         vs(x->ver == 1 ? ike_delproto_v1_vals : ike_delproto_v2_vals, pid), pid);
        tw_add_uint(p, HF(F_SPISIZE), o + 1, 1, spis);
        tw_add_uint(p, HF(F_SPINUM), o + 2, 2, num);
        o += 4;
        for (uint32_t i = 0; i < num && spis; i++) {
            if (end < o + spis) break;
            tw_add_bytes(p, HF(F_DELETE_SPI), c, o, spis);
            o += spis;
        }
        break;
    }
    case 13:
    case 43: { /* Vendor ID */
        if (!have) break;
        tw_add_bytes(p, HF(F_VID_BYTES), c, off, have);
        const char *vn = vid_name(d + off, have);
        tw_add_strf(p, HF(F_VID_STRING), off, have, "%s", vn);
        /* CISCO-UNITY: 14 bytes of hash, then the major and minor version */
        static const uint8_t unity[14] = {0x12, 0xf5, 0xf2, 0x8c, 0x45, 0x71, 0x68,
                                          0xa9, 0x70, 0x2d, 0x9f, 0xe2, 0x74, 0xcc};
        bool is_unity = have >= 16 && memcmp(d + off, unity, sizeof unity) == 0;
        if (is_unity) {
            tw_add_uint(p, HF(F_VID_UNITY_MAJOR), off + 14, 1, d[off + 14]);
            tw_add_uint(p, HF(F_VID_UNITY_MINOR), off + 15, 1, d[off + 15]);
        }
        if (item >= 0 && tw_want_labels(p)) {
            if (is_unity)
                tw_rec_label(p, item, "Payload: Vendor ID (%u) : %s %u.%u", type, vn, d[off + 14],
                             d[off + 15]);
            else
                tw_rec_label(p, item, "Payload: Vendor ID (%u) : %s", type, vn);
        }
        break;
    }
    case 14:
    case 47: { /* Attributes / CP */
        NEED(4);
        int32_t r = tw_add_uint(p, HF(F_CFG_TYPE), off, 1, d[off]);
        if (tw_want_labels(p))
            tw_rec_label(p, r, "Type: %s (%u)",
                         rs(x->ver == 1 ? ike_cfg_v1_rvals : ike_cfg_v2_rvals, d[off]), d[off]);
        if (x->ver == 1) {
            tw_add_bytes(p, HF(F_RESERVED), c, off + 1, 1);
            tw_add_uint(p, HF(F_CFG_ID), off + 2, 2, (uint32_t)(d[off + 2] << 8 | d[off + 3]));
        } else {
            tw_add_bytes(p, HF(F_RESERVED), c, off + 1, 3);
        }
        attributes(p, c, off + 4, end, AK_CFG, x);
        break;
    }
    case 20:
    case 130: /* NAT-D */
        if (have) tw_add_bytes(p, HF(F_NAT_HASH), c, off, have);
        break;
    case 21:
    case 131: /* NAT-OA */
        NEED(4);
        tw_add_uint(p, HF(F_ID_TYPE), off, 1, d[off]);
        tw_add_bytes(p, HF(F_RESERVED), c, off + 1, 3);
        if (d[off] == 1 && have >= 8) tw_add_ptr(p, HF(F_NAT_OA4), off + 4, 4, d + off + 4, 4);
        if (d[off] == 5 && have >= 20) tw_add_ptr(p, HF(F_NAT_OA6), off + 4, 16, d + off + 4, 16);
        break;
    case 44:
    case 45: { /* TS */
        NEED(4);
        uint8_t n = d[off];
        tw_add_uint(p, HF(F_TS_NUM), off, 1, n);
        tw_add_bytes(p, HF(F_RESERVED), c, off + 1, 3);
        uint32_t o = off + 4;
        for (uint8_t i = 0; i < n && o + 4 <= end; i++) {
            uint8_t tt = d[o];
            uint16_t sl = (uint16_t)(d[o + 2] << 8 | d[o + 3]);
            if (sl < 4) break;
            int32_t r = tw_add_rec(p, HF(F_TS_DATA), o, sl);
            tw_tree_push(p, r);
            tw_add_uint(p, HF(F_TS_TYPE), o, 1, tt);
            tw_add_uint(p, HF(F_TS_PROTO), o + 1, 1, d[o + 1]);
            tw_add_uint(p, HF(F_TS_SELLEN), o + 2, 2, sl);
            if (o + 8 <= end) {
                tw_add_uint(p, HF(F_TS_SPORT), o + 4, 2, (uint32_t)(d[o + 4] << 8 | d[o + 5]));
                tw_add_uint(p, HF(F_TS_EPORT), o + 6, 2, (uint32_t)(d[o + 6] << 8 | d[o + 7]));
            }
            if (tt == 7 && o + 16 <= end) {
                tw_add_ptr(p, HF(F_TS_S4), o + 8, 4, d + o + 8, 4);
                tw_add_ptr(p, HF(F_TS_E4), o + 12, 4, d + o + 12, 4);
            } else if (tt == 8 && o + 40 <= end) {
                tw_add_ptr(p, HF(F_TS_S6), o + 8, 16, d + o + 8, 16);
                tw_add_ptr(p, HF(F_TS_E6), o + 24, 16, d + o + 24, 16);
            }
            tw_tree_pop(p);
            o += sl;
        }
        break;
    }
    case 53: /* SKF */
        NEED(4);
        tw_add_uint(p, HF(F_FRAG_NUM), off, 2, (uint32_t)(d[off] << 8 | d[off + 1]));
        tw_add_uint(p, HF(F_FRAG_TOTAL), off + 2, 2, (uint32_t)(d[off + 2] << 8 | d[off + 3]));
        off += 4;
        len -= 4;
        have -= 4;
        /* fall through */
    case 46: /* SK */
        if (len >= 4 && have >= 4) {
            tw_add_bytes(p, HF(F_ENC_IV), c, off, 4);
            tw_add_rec(p, HF(F_ENC_DATA), off + 4, len - 4);
        }
        break;
    case 48: { /* EAP */
        if (!len) break;
        struct tw_cur e = *c;
        e.off = off;
        e.end = off + len;
        if (e.cap > e.end) e.cap = e.end;
        uint32_t key = TW_KEY_EAP;
        tw_dissect_under(p, TW_TBL_NAME, 1, &key, e);
        break;
    }
    default:
        if (have) tw_add_bytes(p, HF(F_DATAPAYLOAD), c, off, have);
        break;
    }
#undef NEED
}

static void payloads(struct tw_pkt *p, const struct tw_cur *c, struct ctx *x, uint32_t off,
                     uint32_t len, uint8_t first, int depth, uint8_t proto)
{
    if (depth > 8) return;
    const uint8_t *d = c->data;
    uint8_t type = first;
    while (len > 0) {
        if (type == 0) {
            uint32_t n = off + len <= c->cap ? len : (c->cap > off ? c->cap - off : 0);
            if (n) tw_add_bytes(p, HF(F_EXTRADATA), c, off, n);
            return;
        }
        if (len < 4 || off + 4 > c->cap) return;
        uint8_t next = d[off];
        uint16_t plen = (uint16_t)(d[off + 2] << 8 | d[off + 3]);
        int32_t item = tw_add_uint(p, HF(F_TYPEPAYLOAD), off, plen, type);
        tw_tree_push(p, item);
        tw_add_uint(p, HF(F_NEXT), off, 1, next);
        if (x->ver == 2 && depth == 0) {
            tw_add_bits(p, HF(F_CRITICAL), off + 1, 1, d[off + 1]);
            tw_add_bits(p, HF(F_RESERVED7), off + 1, 1, d[off + 1]);
        } else {
            tw_add_bytes(p, HF(F_RESERVED), c, off + 1, 1);
        }
        tw_add_uint(p, HF(F_PLEN), off + 2, 2, plen);
        if (plen < 4 || plen > len) {
            tw_tree_pop(p);
            return;
        }
        body(p, c, x, type, off + 4, plen - 4u, item, depth, proto);
        tw_tree_pop(p);
        off += plen;
        len -= plen;
        type = next;
    }
}

static uint32_t be32(const uint8_t *b)
{
    return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

static enum tw_status dissect_isakmp(struct tw_pkt *p, struct tw_cur *c)
{
    uint32_t off = c->off, avail = tw_cur_avail(c), rep = tw_cur_left(c);
    const uint8_t *d = c->data + off;
    tw_col_proto(p, "ISAKMP");
    tw_info_clear(p);
    if (avail == 1 && d[0] == 0xff) {
        tw_info_set(p, "NAT Keepalive");
        tw_add_rec(p, HF(F_NAT_KEEPALIVE), off, 1);
        c->off = c->end;
        return TW_OK;
    }
    if (avail < 28) {
        /* the header is read field by field: what is missing ends the dissection */
        c->off = c->end;
        return avail < rep ? TW_TRUNCATED : TW_MALFORMED;
    }
    uint8_t next = d[16], ver = d[17], exch = d[18], flags = d[19];
    uint32_t mid = be32(d + 20), length = be32(d + 24);
    struct ctx x = {.ver = ver >> 4};
    if (length < 28) {
        /* tshark 4.0 refuses it ("return 0"): the Protocol column stays ISAKMP, Info empty,
         * the bytes are data */
        tw_layer_unrecord(p);
        tw_layer_hide(p);
        tw_next(p, TW_TBL_NAME, TW_KEY_DATA, *c);
        return TW_OK;
    }
    tw_add_bytes(p, HF(F_ISPI), c, off, 8);
    tw_add_bytes(p, HF(F_RSPI), c, off + 8, 8);
    tw_add_uint(p, HF(F_NEXT), off + 16, 1, next);
    int32_t r = tw_add_uint(p, HF(F_VERSION), off + 17, 1, ver);
    if (tw_want_labels(p)) tw_rec_label(p, r, "Version: %u.%u", ver >> 4, ver & 15);
    tw_tree_push(p, r);
    tw_add_bits(p, HF(F_MJVER), off + 17, 1, ver);
    tw_add_bits(p, HF(F_MNVER), off + 17, 1, ver);
    tw_tree_pop(p);
    if (x.ver == 1 || x.ver == 2) {
        tw_add_uint(p, HF(F_EXCH), off + 18, 1, exch);
        const char *en = tw_vs_find(ike_exch_vals, exch);
        if (en)
            tw_info_set(p, en);
        else
            tw_info_printf(p, "Unknown %d", exch);
    }
    r = tw_add_uint(p, HF(F_FLAGS), off + 19, 1, flags);
    tw_tree_push(p, r);
    if (x.ver == 1) {
        tw_add_bits(p, HF(F_FLAG_E), off + 19, 1, flags);
        tw_add_bits(p, HF(F_FLAG_C), off + 19, 1, flags);
        tw_add_bits(p, HF(F_FLAG_A), off + 19, 1, flags);
    } else if (x.ver == 2) {
        tw_add_bits(p, HF(F_FLAG_I), off + 19, 1, flags);
        tw_add_bits(p, HF(F_FLAG_V), off + 19, 1, flags);
        tw_add_bits(p, HF(F_FLAG_R), off + 19, 1, flags);
        if (tw_want_labels(p))
            tw_rec_label(p, r, "Flags: 0x%02x (%s, %s, %s)", flags,
                         flags & 0x08 ? "Initiator" : "Responder",
                         flags & 0x10 ? "A higher version enabled" : "No higher version",
                         flags & 0x20 ? "Response" : "Request");
    }
    tw_tree_pop(p);
    tw_add_uint(p, HF(F_MSGID), off + 20, 4, mid);
    if (x.ver == 2)
        tw_info_printf(p, " MID=%02u %s %s", mid, flags & 0x08 ? "Initiator" : "Responder",
                       flags & 0x20 ? "Response" : "Request");
    /* a length past the datagram (or beyond a signed int) is tshark's exception before its
     * Length item */
    if (length > 0x7fffffffu || length - 28 > rep - 28) {
        c->off = c->end;
        return TW_MALFORMED;
    }
    tw_add_uint(p, HF(F_LENGTH), off + 24, 4, length);
    uint32_t len = length - 28;
    if (x.ver == 1 && (flags & 0x01)) {
        int32_t er = tw_add_rec(p, HF(F_ENC_DATA), off + 28, len);
        if (tw_want_labels(p)) tw_rec_label(p, er, "Encrypted Data (%u bytes)", len);
    } else {
        payloads(p, c, &x, off + 28, len, next, 0, 0);
    }
    c->off = c->end;
    return TW_OK;
}

static enum tw_status dissect_udpencap(struct tw_pkt *p, struct tw_cur *c)
{
    uint32_t off = c->off, avail = tw_cur_avail(c);
    const uint8_t *d = c->data + off;
    tw_col_proto(p, "UDPENCAP");
    tw_info_clear(p);
    if (avail == 1 && d[0] == 0xff) {
        tw_info_set(p, "NAT-keepalive");
        tw_add_rec(p, UHF(UF_KEEPALIVE), off, 1);
        c->off = c->end;
        return TW_OK;
    }
    if (tw_cur_left(c) < 4) {
        c->off = c->end;
        return tw_cur_left(c) > avail ? TW_TRUNCATED : TW_MALFORMED;
    }
    if (avail < 4) {
        c->off = c->end;
        return TW_TRUNCATED;
    }
    if (be32(d) == 0) {
        tw_add_rec(p, UHF(UF_MARKER), off, 4);
        tw_layer_setlen(p, 4);
        struct tw_cur n = *c;
        n.off = off + 4;
        tw_next(p, TW_TBL_NAME, TW_KEY_ISAKMP, n);
    } else {
        tw_layer_setlen(p, 0);
        tw_next(p, TW_TBL_IP_PROTO, 50, *c);
    }
    c->off = c->end;
    return TW_OK;
}

static const struct tw_binding bindings[] = {{TW_TBL_UDP_PORT, 500}, {TW_TBL_NAME, TW_KEY_ISAKMP}};

const struct tw_proto tw_proto_isakmp = {
    .abbrev = "isakmp",
    .name = "Internet Security Association and Key Management Protocol",
    .short_name = "ISAKMP",
    .fields = fields,
    .nfields = F_COUNT,
    .bindings = bindings,
    .nbindings = TW_ARRAY_LEN(bindings),
    .dissect = dissect_isakmp,
    .ids = &ids,
};

static const struct tw_binding ubindings[] = {{TW_TBL_UDP_PORT, 4500}};

const struct tw_proto tw_proto_udpencap = {
    .abbrev = "udpencap",
    .name = "UDP Encapsulation of IPsec Packets",
    .short_name = "UDPENCAP",
    .fields = ufields,
    .nfields = UF_COUNT,
    .bindings = ubindings,
    .nbindings = TW_ARRAY_LEN(ubindings),
    .dissect = dissect_udpencap,
    .ids = &uids,
};
