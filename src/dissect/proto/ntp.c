/* Network Time Protocol on UDP 123: the time packet of NTPv1-4 (RFC 5905 section 7.3, with
 * extension fields and the key id/MAC trailer), the control message of mode 6 (RFC 1305
 * appendix B / RFC 9327: header, status word, data) and the private mode 7 of ntpd (ntpdc's
 * request/response: header, the data items of each request code, authentication trailer).
 *
 *    0                   1                   2                   3
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |LI | VN  |Mode |    Stratum    |     Poll      |   Precision   |
 *   |                 Root Delay, Root Dispersion (16.16)           |
 *   |                          Reference ID                         |
 *   |   Reference, Origin, Receive, Transmit Timestamps (64 each)   |
 *   |   Extension fields ... / Key Identifier / Message Digest      |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * Not decoded (shown at the header level only): the name=value items of control data, the
 * peer status word, the data items of mode 7, and request/response matching.
 */
#include "../dissect.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static struct tw_proto_ids ids;
#define HF(x) ((uint16_t)(ids.base + (x)))
#define EX(x) ((uint16_t)(ids.expert_base + (x)))

/* mode 7 data item fields: X(id, abbrev, name, type, display, mask, vals, tfs, blurb) */
#define M7_FIELDS(X)                                                                               \
    X(F_M_ITEM, "ntp.priv.mode7.item", "Mode7 item", TW_FT_STRINGZ, TW_BASE_NONE, 0, NULL, NULL,   \
      NULL)                                                                                        \
    X(F_M_AVGINT, "ntp.priv.monlist.avgint", "avgint", TW_FT_UINT32, TW_BASE_DEC, 0, NULL, NULL,   \
      NULL)                                                                                        \
    X(F_M_LSINT, "ntp.priv.monlist.lsint", "lsint", TW_FT_UINT32, TW_BASE_DEC, 0, NULL, NULL,      \
      NULL)                                                                                        \
    X(F_M_RESTR, "ntp.priv.monlist.restr", "restr", TW_FT_UINT32, TW_BASE_HEX, 0, NULL, NULL,      \
      NULL)                                                                                        \
    X(F_M_MCOUNT, "ntp.priv.monlist.count", "count", TW_FT_UINT32, TW_BASE_DEC, 0, NULL, NULL,     \
      NULL)                                                                                        \
    X(F_M_RADDR, "ntp.priv.monlist.remote_address", "remote address", TW_FT_IPv4, TW_BASE_NONE, 0, \
      NULL, NULL, NULL)                                                                            \
    X(F_M_LADDR, "ntp.priv.monlist.local_address", "local address", TW_FT_IPv4, TW_BASE_NONE, 0,   \
      NULL, NULL, NULL)                                                                            \
    X(F_M_MFLAGS, "ntp.priv.monlist.flags", "flags", TW_FT_UINT32, TW_BASE_HEX, 0, NULL, NULL,     \
      NULL)                                                                                        \
    X(F_M_MPORT, "ntp.priv.monlist.port", "port", TW_FT_UINT16, TW_BASE_DEC, 0, NULL, NULL, NULL)  \
    X(F_M_MMODE, "ntp.priv.monlist.mode", "mode", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL, NULL)   \
    X(F_M_MVERSION, "ntp.priv.monlist.version", "version", TW_FT_UINT8, TW_BASE_DEC, 0, NULL,      \
      NULL, NULL)                                                                                  \
    X(F_M_MIPV6, "ntp.priv.monlist.ipv6", "ipv6", TW_FT_UINT32, TW_BASE_HEX, 0, NULL, NULL, NULL)  \
    X(F_M_MUNUSED, "ntp.priv.monlist.unused", "unused", TW_FT_UINT32, TW_BASE_HEX, 0, NULL, NULL,  \
      NULL)                                                                                        \
    X(F_M_MADDR6, "ntp.priv.monlist.addr6", "ipv6 remote addr", TW_FT_IPv6, TW_BASE_NONE, 0, NULL, \
      NULL, NULL)                                                                                  \
    X(F_M_MDADDR6, "ntp.priv.monlist.daddr6", "ipv6 local addr", TW_FT_IPv6, TW_BASE_NONE, 0,      \
      NULL, NULL, NULL)                                                                            \
    X(F_M_TSTAMP, "ntp.priv.tstamp", "Authentication timestamp", TW_FT_ABSOLUTE_TIME,              \
      TW_ABSTIME_UTC, 0, NULL, NULL, NULL)                                                         \
    X(F_M_ADDR, "ntp.priv.mode7.address", "Address", TW_FT_IPv4, TW_BASE_NONE, 0, NULL, NULL,      \
      NULL)                                                                                        \
    X(F_M_MASK, "ntp.priv.mode7.mask", "Mask", TW_FT_IPv4, TW_BASE_NONE, 0, NULL, NULL, NULL)      \
    X(F_M_BCAST, "ntp.priv.mode7.bcast", "Bcast", TW_FT_IPv4, TW_BASE_NONE, 0, NULL, NULL, NULL)   \
    X(F_M_PORT, "ntp.priv.mode7.port", "Port", TW_FT_UINT16, TW_BASE_DEC, 0, NULL, NULL, NULL)     \
    X(F_M_HMODE, "ntp.priv.mode7.hmode", "HMode", TW_FT_UINT8, TW_BASE_DEC, 0, mode_vals, NULL,    \
      NULL)                                                                                        \
    X(F_M_PFLAGS, "ntp.priv.mode7.peer.flags", "Flags", TW_FT_UINT8, TW_BASE_HEX, 0xff, NULL,      \
      NULL, NULL)                                                                                  \
    X(F_M_V6FLAG, "ntp.priv.mode7.ipv6_flag", "IPv6 Flag", TW_FT_UINT32, TW_BASE_DEC, 0, NULL,     \
      NULL, NULL)                                                                                  \
    X(F_M_UNUSED, "ntp.priv.mode7.unused", "Unused", TW_FT_BYTES, TW_BASE_NONE, 0, NULL, NULL,     \
      NULL)                                                                                        \
    X(F_M_ADDR6, "ntp.priv.mode7.address6", "IPv6 addr", TW_FT_IPv6, TW_BASE_NONE, 0, NULL, NULL,  \
      NULL)                                                                                        \
    X(F_M_MASK6, "ntp.priv.mode7.mask6", "IPv6 mask", TW_FT_IPv6, TW_BASE_NONE, 0, NULL, NULL,     \
      NULL)                                                                                        \
    X(F_M_BCAST6, "ntp.priv.mode7.bcast6", "IPv6 bcast", TW_FT_IPv6, TW_BASE_NONE, 0, NULL, NULL,  \
      NULL)                                                                                        \
    X(F_M_PF_CONFIG, "ntp.priv.mode7.peer.flags.config", "Config", TW_FT_BOOLEAN, 8, 0x1, NULL,    \
      &tw_tfs_set_notset, NULL)                                                                    \
    X(F_M_PF_SYSPEER, "ntp.priv.mode7.peer.flags.syspeer", "Syspeer", TW_FT_BOOLEAN, 8, 0x2, NULL, \
      &tw_tfs_set_notset, NULL)                                                                    \
    X(F_M_PF_BURST, "ntp.priv.mode7.peer.flags.burst", "Burst", TW_FT_BOOLEAN, 8, 0x4, NULL,       \
      &tw_tfs_set_notset, NULL)                                                                    \
    X(F_M_PF_REFCLOCK, "ntp.priv.mode7.peer.flags.refclock", "Refclock", TW_FT_BOOLEAN, 8, 0x8,    \
      NULL, &tw_tfs_set_notset, NULL)                                                              \
    X(F_M_PF_PREFER, "ntp.priv.mode7.peer.flags.prefer", "Prefer", TW_FT_BOOLEAN, 8, 0x10, NULL,   \
      &tw_tfs_set_notset, NULL)                                                                    \
    X(F_M_PF_AUTHENABLE, "ntp.priv.mode7.peer.flags.authenable", "Auth enable", TW_FT_BOOLEAN, 8,  \
      0x20, NULL, &tw_tfs_set_notset, NULL)                                                        \
    X(F_M_PF_SELCAND, "ntp.priv.mode7.peer.flags.sel_candidate", "Sel Candidate", TW_FT_BOOLEAN,   \
      8, 0x40, NULL, &tw_tfs_set_notset, NULL)                                                     \
    X(F_M_PF_SHORTLIST, "ntp.priv.mode7.peer.flags.shortlist", "Shortlist", TW_FT_BOOLEAN, 8,      \
      0x80, NULL, &tw_tfs_set_notset, NULL)                                                        \
    X(F_M_DSTADDR, "ntp.priv.mode7.dstaddress", "Destination address", TW_FT_IPv4, TW_BASE_NONE,   \
      0, NULL, NULL, NULL)                                                                         \
    X(F_M_SRCADDR, "ntp.priv.mode7.srcaddress", "Source address", TW_FT_IPv4, TW_BASE_NONE, 0,     \
      NULL, NULL, NULL)                                                                            \
    X(F_M_SRCPORT, "ntp.priv.mode7.srcport", "Source port", TW_FT_UINT16, TW_BASE_DEC, 0, NULL,    \
      NULL, NULL)                                                                                  \
    X(F_M_COUNT, "ntp.priv.mode7.count", "Count", TW_FT_UINT32, TW_BASE_DEC, 0, NULL, NULL, NULL)  \
    X(F_M_HPOLL, "ntp.priv.mode7.hpoll", "Host polling interval", TW_FT_INT8, TW_BASE_DEC, 0,      \
      NULL, NULL, NULL)                                                                            \
    X(F_M_REACH, "ntp.priv.mode7.reach", "Reach", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL, NULL)   \
    X(F_M_DELAY, "ntp.priv.mode7.delay", "Delay", TW_FT_INT32, TW_BASE_DEC, 0, NULL, NULL, NULL)   \
    X(F_M_OFFSET, "ntp.priv.mode7.offset", "Offset", TW_FT_UINT64, TW_BASE_DEC, 0, NULL, NULL,     \
      NULL)                                                                                        \
    X(F_M_DISPERSION, "ntp.priv.mode7.dispersion", "Dispersion", TW_FT_UINT32, TW_BASE_DEC, 0,     \
      NULL, NULL, NULL)                                                                            \
    X(F_M_DSTADDR6, "ntp.priv.mode7.dstaddress6", "IPv6 destination addr", TW_FT_IPv6,             \
      TW_BASE_NONE, 0, NULL, NULL, NULL)                                                           \
    X(F_M_SRCADDR6, "ntp.priv.mode7.srcaddress6", "IPv6 source addr", TW_FT_IPv6, TW_BASE_NONE, 0, \
      NULL, NULL, NULL)                                                                            \
    X(F_M_LEAP, "ntp.priv.mode7.leap", "Leap", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL, NULL)      \
    X(F_M_PMODE, "ntp.priv.mode7.pmode", "Peer mode", TW_FT_UINT8, TW_BASE_DEC, 0, mode_vals,      \
      NULL, NULL)                                                                                  \
    X(F_M_VERSION, "ntp.priv.mode7.version", "Version", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL,   \
      NULL)                                                                                        \
    X(F_M_UNREACH, "ntp.priv.mode7.unreach", "Unreach", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL,   \
      NULL)                                                                                        \
    X(F_M_FLASH, "ntp.priv.mode7.flash", "Flash", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL, NULL)   \
    X(F_M_TTL, "ntp.priv.mode7.ttl", "TTL", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL, NULL)         \
    X(F_M_FLASH2, "ntp.priv.mode7.flash2", "Flash new", TW_FT_UINT16, TW_BASE_DEC, 0, NULL, NULL,  \
      NULL)                                                                                        \
    X(F_M_ASSOCID, "ntp.priv.mode7.associd", "Association ID", TW_FT_UINT16, TW_BASE_DEC, 0, NULL, \
      NULL, NULL)                                                                                  \
    X(F_M_PKEYID, "ntp.priv.mode7.pkeyid", "Peer Key ID", TW_FT_UINT32, TW_BASE_DEC, 0, NULL,      \
      NULL, NULL)                                                                                  \
    X(F_M_TIMER, "ntp.priv.mode7.timer", "Timer", TW_FT_UINT32, TW_BASE_DEC, 0, NULL, NULL, NULL)  \
    X(F_M_FILTDELAY, "ntp.priv.mode7.filtdelay", "Filt delay", TW_FT_INT32, TW_BASE_DEC, 0, NULL,  \
      NULL, NULL)                                                                                  \
    X(F_M_FILTOFFSET, "ntp.priv.mode7.filtoffset", "Filt offset", TW_FT_INT64, TW_BASE_DEC, 0,     \
      NULL, NULL, NULL)                                                                            \
    X(F_M_ORDER, "ntp.priv.mode7.order", "Order", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL, NULL)   \
    X(F_M_SELECTDIS, "ntp.priv.mode7.selectdis", "Selectdis", TW_FT_UINT32, TW_BASE_DEC, 0, NULL,  \
      NULL, NULL)                                                                                  \
    X(F_M_ESTBDELAY, "ntp.priv.mode7.estbdelay", "Estbdelay", TW_FT_INT32, TW_BASE_DEC, 0, NULL,   \
      NULL, NULL)                                                                                  \
    X(F_M_BDELAY, "ntp.priv.mode7.bdelay", "Bdelay", TW_FT_INT32, TW_BASE_DEC, 0, NULL, NULL,      \
      NULL)                                                                                        \
    X(F_M_AUTHDELAY, "ntp.priv.mode7.authdelay", "Auth delay", TW_FT_INT64, TW_BASE_DEC, 0, NULL,  \
      NULL, NULL)                                                                                  \
    X(F_M_MINPOLL, "ntp.priv.mode7.minpoll", "Minpoll", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL,   \
      NULL)                                                                                        \
    X(F_M_MAXPOLL, "ntp.priv.mode7.maxpoll", "Maxpoll", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL,   \
      NULL)                                                                                        \
    X(F_M_CFLAGS, "ntp.priv.config.flags", "Flags", TW_FT_UINT8, TW_BASE_HEX, 0xff, NULL, NULL,    \
      NULL)                                                                                        \
    X(F_M_CF_AUTH, "ntp.priv.mode7.config.flags.authenable", "Authenable", TW_FT_BOOLEAN, 8, 0x1,  \
      NULL, &tw_tfs_set_notset, NULL)                                                              \
    X(F_M_CF_PREFER, "ntp.priv.mode7.config.flags.prefer", "Prefer", TW_FT_BOOLEAN, 8, 0x2, NULL,  \
      &tw_tfs_set_notset, NULL)                                                                    \
    X(F_M_CF_BURST, "ntp.priv.mode7.config.flags.burst", "Burst", TW_FT_BOOLEAN, 8, 0x4, NULL,     \
      &tw_tfs_set_notset, NULL)                                                                    \
    X(F_M_CF_IBURST, "ntp.priv.mode7.config.flags.iburst", "IBurst", TW_FT_BOOLEAN, 8, 0x8, NULL,  \
      &tw_tfs_set_notset, NULL)                                                                    \
    X(F_M_CF_NOSELECT, "ntp.priv.mode7.config.flags.no_select", "No Select", TW_FT_BOOLEAN, 8,     \
      0x10, NULL, &tw_tfs_set_notset, NULL)                                                        \
    X(F_M_CF_SKEY, "ntp.priv.mode7.config.flags.skey", "Skey", TW_FT_BOOLEAN, 8, 0x20, NULL,       \
      &tw_tfs_set_notset, NULL)                                                                    \
    X(F_M_KEYFILE, "ntp.priv.mode7.key_file", "Key file name", TW_FT_STRING, TW_BASE_NONE, 0,      \
      NULL, NULL, NULL)                                                                            \
    X(F_M_SFLAGS, "ntp.priv.mode7.sys.flags", "Flags", TW_FT_UINT32, TW_BASE_HEX, 0xff, NULL,      \
      NULL, NULL)                                                                                  \
    X(F_M_SF_BCLIENT, "ntp.priv.mode7.sys.flags.bclient", "Bclient", TW_FT_BOOLEAN, 8, 0x1, NULL,  \
      &tw_tfs_set_notset, NULL)                                                                    \
    X(F_M_SF_PPS, "ntp.priv.mode7.sys.flags.pps", "PPS", TW_FT_BOOLEAN, 8, 0x2, NULL,              \
      &tw_tfs_set_notset, NULL)                                                                    \
    X(F_M_SF_NTP, "ntp.priv.mode7.sys.flags.ntp", "NTP", TW_FT_BOOLEAN, 8, 0x4, NULL,              \
      &tw_tfs_set_notset, NULL)                                                                    \
    X(F_M_SF_KERNEL, "ntp.priv.mode7.sys.flags.kernel", "Kernel", TW_FT_BOOLEAN, 8, 0x8, NULL,     \
      &tw_tfs_set_notset, NULL)                                                                    \
    X(F_M_SF_MONITOR, "ntp.priv.mode7.sys.flags.monitor", "Monitor", TW_FT_BOOLEAN, 8, 0x10, NULL, \
      &tw_tfs_set_notset, NULL)                                                                    \
    X(F_M_SF_FILEGEN, "ntp.priv.mode7.sys.flags.filegen", "Filegen", TW_FT_BOOLEAN, 8, 0x20, NULL, \
      &tw_tfs_set_notset, NULL)                                                                    \
    X(F_M_SF_AUTH, "ntp.priv.mode7.sys.flags.auth", "Auth", TW_FT_BOOLEAN, 8, 0x40, NULL,          \
      &tw_tfs_set_notset, NULL)                                                                    \
    X(F_M_SF_CAL, "ntp.priv.mode7.sys.flags.cal", "Cal", TW_FT_BOOLEAN, 8, 0x80, NULL,             \
      &tw_tfs_set_notset, NULL)                                                                    \
    X(F_M_RFLAGS_ALL, "ntp.priv.mode7.reset_stats.flags", "Flags", TW_FT_UINT32, TW_BASE_HEX,      \
      0xff, NULL, NULL, NULL)                                                                      \
    X(F_M_RS_ALLPEERS, "ntp.priv.mode7.reset_stats.flags.allpeers", "All Peers", TW_FT_BOOLEAN,    \
      32, 0x1, NULL, &tw_tfs_set_notset, NULL)                                                     \
    X(F_M_RS_IO, "ntp.priv.mode7.reset_stats.flags.io", "IO", TW_FT_BOOLEAN, 32, 0x2, NULL,        \
      &tw_tfs_set_notset, NULL)                                                                    \
    X(F_M_RS_SYS, "ntp.priv.mode7.reset_stats.flags.sys", "Sys", TW_FT_BOOLEAN, 32, 0x4, NULL,     \
      &tw_tfs_set_notset, NULL)                                                                    \
    X(F_M_RS_MEM, "ntp.priv.mode7.reset_stats.flags.mem", "Mem", TW_FT_BOOLEAN, 32, 0x8, NULL,     \
      &tw_tfs_set_notset, NULL)                                                                    \
    X(F_M_RS_TIMER, "ntp.priv.mode7.reset_stats.flags.timer", "Timer", TW_FT_BOOLEAN, 32, 0x10,    \
      NULL, &tw_tfs_set_notset, NULL)                                                              \
    X(F_M_RS_AUTH, "ntp.priv.mode7.reset_stats.flags.auth", "Auth", TW_FT_BOOLEAN, 32, 0x20, NULL, \
      &tw_tfs_set_notset, NULL)                                                                    \
    X(F_M_RS_CTL, "ntp.priv.mode7.reset_stats.flags.ctl", "Ctl", TW_FT_BOOLEAN, 32, 0x40, NULL,    \
      &tw_tfs_set_notset, NULL)                                                                    \
    X(F_M_KEY, "ntp.priv.mode7.key", "Key", TW_FT_UINT64, TW_BASE_HEX, 0, NULL, NULL, NULL)        \
    X(F_M_TIMEUP, "ntp.priv.mode7.timeup", "Time up", TW_FT_UINT32, TW_BASE_DEC, 0, NULL, NULL,    \
      "time counters were reset")                                                                  \
    X(F_M_TIMERESET, "ntp.priv.mode7.timereset", "Time reset", TW_FT_UINT32, TW_BASE_DEC, 0, NULL, \
      NULL, "time counters were reset")                                                            \
    X(F_M_TIMERECEIVED, "ntp.priv.mode7.timereceived", "Time received", TW_FT_UINT32, TW_BASE_DEC, \
      0, NULL, NULL, "time since a packet received")                                               \
    X(F_M_TIMETOSEND, "ntp.priv.mode7.timetosend", "Time to send", TW_FT_UINT32, TW_BASE_DEC, 0,   \
      NULL, NULL, "time until a packet sent")                                                      \
    X(F_M_TIMEREACHABLE, "ntp.priv.mode7.timereachable", "Time reachable", TW_FT_UINT32,           \
      TW_BASE_DEC, 0, NULL, NULL, "time peer has been reachable")                                  \
    X(F_M_SENT, "ntp.priv.mode7.sent", "Sent", TW_FT_UINT32, TW_BASE_DEC, 0, NULL, NULL, NULL)     \
    X(F_M_PROCESSED, "ntp.priv.mode7.processed", "Processed", TW_FT_UINT32, TW_BASE_DEC, 0, NULL,  \
      NULL, NULL)                                                                                  \
    X(F_M_BADAUTH, "ntp.priv.mode7.badauth", "Bad authentication", TW_FT_UINT32, TW_BASE_DEC, 0,   \
      NULL, NULL, NULL)                                                                            \
    X(F_M_BOGUSORG, "ntp.priv.mode7.bogusorg", "Bogus origin", TW_FT_UINT32, TW_BASE_DEC, 0, NULL, \
      NULL, NULL)                                                                                  \
    X(F_M_OLDPKT, "ntp.priv.mode7.oldpkt", "Old packet", TW_FT_UINT32, TW_BASE_DEC, 0, NULL, NULL, \
      NULL)                                                                                        \
    X(F_M_SELDISP, "ntp.priv.mode7.seldisp", "Bad dispersion", TW_FT_UINT32, TW_BASE_DEC, 0, NULL, \
      NULL, NULL)                                                                                  \
    X(F_M_SELBROKEN, "ntp.priv.mode7.selbroken", "Bad reference time", TW_FT_UINT32, TW_BASE_DEC,  \
      0, NULL, NULL, NULL)                                                                         \
    X(F_M_CANDIDATE, "ntp.priv.mode7.candidate", "Candidate", TW_FT_UINT32, TW_BASE_DEC, 0, NULL,  \
      NULL, NULL)                                                                                  \
    X(F_M_NUMKEYS, "ntp.priv.mode7.numkeys", "Num keys", TW_FT_UINT32, TW_BASE_DEC, 0, NULL, NULL, \
      NULL)                                                                                        \
    X(F_M_NUMFREEKEYS, "ntp.priv.mode7.numfreekeys", "Num free keys", TW_FT_UINT32, TW_BASE_DEC,   \
      0, NULL, NULL, NULL)                                                                         \
    X(F_M_KEYLOOKUPS, "ntp.priv.mode7.keylookups", "Keylookups", TW_FT_UINT32, TW_BASE_DEC, 0,     \
      NULL, NULL, NULL)                                                                            \
    X(F_M_KEYNOTFOUND, "ntp.priv.mode7.keynotfound", "Key not found", TW_FT_UINT32, TW_BASE_DEC,   \
      0, NULL, NULL, NULL)                                                                         \
    X(F_M_ENCRYPTIONS, "ntp.priv.mode7.encryptions", "Encryptions", TW_FT_UINT32, TW_BASE_DEC, 0,  \
      NULL, NULL, NULL)                                                                            \
    X(F_M_DECRYPTIONS, "ntp.priv.mode7.decryptions", "Decryptions", TW_FT_UINT32, TW_BASE_DEC, 0,  \
      NULL, NULL, NULL)                                                                            \
    X(F_M_EXPIRED, "ntp.priv.mode7.expired", "Expired", TW_FT_UINT32, TW_BASE_DEC, 0, NULL, NULL,  \
      NULL)                                                                                        \
    X(F_M_KEYUNCACHED, "ntp.priv.mode7.keyuncached", "Key uncached", TW_FT_UINT32, TW_BASE_DEC, 0, \
      NULL, NULL, NULL)                                                                            \
    X(F_M_LOCALADDR, "ntp.priv.mode7.local_address", "Local address", TW_FT_IPv4, TW_BASE_NONE, 0, \
      NULL, NULL, NULL)                                                                            \
    X(F_M_TRAPADDR, "ntp.priv.mode7.trap_address", "Trap address", TW_FT_IPv4, TW_BASE_NONE, 0,    \
      NULL, NULL, NULL)                                                                            \
    X(F_M_TRAPPORT, "ntp.priv.mode7.trap_port", "Trap port", TW_FT_UINT16, TW_BASE_DEC, 0, NULL,   \
      NULL, NULL)                                                                                  \
    X(F_M_SEQUENCE, "ntp.priv.mode7.sequence", "Sequence number", TW_FT_UINT16, TW_BASE_DEC, 0,    \
      NULL, NULL, NULL)                                                                            \
    X(F_M_SETTIME, "ntp.priv.mode7.settime", "Trap set time", TW_FT_UINT32, TW_BASE_DEC, 0, NULL,  \
      NULL, NULL)                                                                                  \
    X(F_M_ORIGTIME, "ntp.priv.mode7.origtime", "Trap originally time", TW_FT_UINT32, TW_BASE_DEC,  \
      0, NULL, NULL, NULL)                                                                         \
    X(F_M_RESETS, "ntp.priv.mode7.resets", "Resets", TW_FT_UINT32, TW_BASE_DEC, 0, NULL, NULL,     \
      NULL)                                                                                        \
    X(F_M_TRAPSFLAGS, "ntp.priv.traps.flags", "Flags", TW_FT_UINT32, TW_BASE_HEX, 0, NULL, NULL,   \
      NULL)                                                                                        \
    X(F_M_LOCALADDR6, "ntp.priv.mode7.local_address6", "IPv6 local addr", TW_FT_IPv6,              \
      TW_BASE_NONE, 0, NULL, NULL, NULL)                                                           \
    X(F_M_TRAPADDR6, "ntp.priv.mode7.trap_address6", "IPv6 trap addr", TW_FT_IPv6, TW_BASE_NONE,   \
      0, NULL, NULL, NULL)                                                                         \
    X(F_M_REQ, "ntp.priv.mode7.requests", "Requests", TW_FT_UINT32, TW_BASE_DEC, 0, NULL, NULL,    \
      NULL)                                                                                        \
    X(F_M_BADPKTS, "ntp.priv.mode7.bad_packets", "Bad packets", TW_FT_UINT32, TW_BASE_DEC, 0,      \
      NULL, NULL, NULL)                                                                            \
    X(F_M_RESPONSES, "ntp.priv.mode7.responses", "Responses", TW_FT_UINT32, TW_BASE_DEC, 0, NULL,  \
      NULL, NULL)                                                                                  \
    X(F_M_FRAGS, "ntp.priv.mode7.fragments", "Fragments", TW_FT_UINT32, TW_BASE_DEC, 0, NULL,      \
      NULL, NULL)                                                                                  \
    X(F_M_ERRORS, "ntp.priv.mode7.errors", "Errors", TW_FT_UINT32, TW_BASE_DEC, 0, NULL, NULL,     \
      NULL)                                                                                        \
    X(F_M_TOOSHORT, "ntp.priv.mode7.too_short", "Too short packets", TW_FT_UINT32, TW_BASE_DEC, 0, \
      NULL, NULL, NULL)                                                                            \
    X(F_M_INPUTRESP, "ntp.priv.mode7.input_responses", "Responses on input", TW_FT_UINT32,         \
      TW_BASE_DEC, 0, NULL, NULL, NULL)                                                            \
    X(F_M_INPUTFRAG, "ntp.priv.mode7.input_fragments", "Fragments on input", TW_FT_UINT32,         \
      TW_BASE_DEC, 0, NULL, NULL, NULL)                                                            \
    X(F_M_INPUTERR, "ntp.priv.mode7.input_errors", "Errors on input", TW_FT_UINT32, TW_BASE_DEC,   \
      0, NULL, NULL, NULL)                                                                         \
    X(F_M_BADOFFSET, "ntp.priv.mode7.bad_offset", "Non zero offset packets", TW_FT_UINT32,         \
      TW_BASE_DEC, 0, NULL, NULL, NULL)                                                            \
    X(F_M_BADVERSION, "ntp.priv.mode7.bad_version", "Unknown version packets", TW_FT_UINT32,       \
      TW_BASE_DEC, 0, NULL, NULL, NULL)                                                            \
    X(F_M_DATATOOSHORT, "ntp.priv.mode7.data_too_short", "Data too short", TW_FT_UINT32,           \
      TW_BASE_DEC, 0, NULL, NULL, NULL)                                                            \
    X(F_M_BADOP, "ntp.priv.mode7.badop", "Bad op code found", TW_FT_UINT32, TW_BASE_DEC, 0, NULL,  \
      NULL, NULL)                                                                                  \
    X(F_M_ASYNCMSGS, "ntp.priv.mode7.async_messages", "Async messages", TW_FT_UINT32, TW_BASE_DEC, \
      0, NULL, NULL, NULL)                                                                         \
    X(F_M_TYPE, "ntp.priv.mode7.type", "Type", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL, NULL)      \
    X(F_M_CLOCKFLAGS, "ntp.priv.mode7.clock_flags", "Clock Flags", TW_FT_UINT8, TW_BASE_DEC, 0,    \
      NULL, NULL, NULL)                                                                            \
    X(F_M_LASTEVENT, "ntp.priv.mode7.lastevent", "Last event", TW_FT_UINT8, TW_BASE_DEC, 0, NULL,  \
      NULL, NULL)                                                                                  \
    X(F_M_CURSTATUS, "ntp.priv.mode7.currentstatus", "Current status", TW_FT_UINT8, TW_BASE_DEC,   \
      0, NULL, NULL, NULL)                                                                         \
    X(F_M_POLLS, "ntp.priv.mode7.polls", "Polls", TW_FT_UINT32, TW_BASE_DEC, 0, NULL, NULL, NULL)  \
    X(F_M_NORESPONSE, "ntp.priv.mode7.noresponse", "Noresponse", TW_FT_UINT32, TW_BASE_DEC, 0,     \
      NULL, NULL, NULL)                                                                            \
    X(F_M_BADFORMAT, "ntp.priv.mode7.badformat", "Bad format", TW_FT_UINT32, TW_BASE_DEC, 0, NULL, \
      NULL, NULL)                                                                                  \
    X(F_M_BADDATA, "ntp.priv.mode7.baddata", "Bad data", TW_FT_UINT32, TW_BASE_DEC, 0, NULL, NULL, \
      NULL)                                                                                        \
    X(F_M_TIMESTARTED, "ntp.priv.mode7.timestarted", "Time started", TW_FT_UINT32, TW_BASE_DEC, 0, \
      NULL, NULL, NULL)                                                                            \
    X(F_M_FUDGETIME1, "ntp.priv.mode7.fudgetime1", "Fudge time 1", TW_FT_UINT64, TW_BASE_HEX, 0,   \
      NULL, NULL, NULL)                                                                            \
    X(F_M_FUDGETIME2, "ntp.priv.mode7.fudgetime2", "Fudge time 2", TW_FT_UINT64, TW_BASE_HEX, 0,   \
      NULL, NULL, NULL)                                                                            \
    X(F_M_FUDGEVAL1, "ntp.priv.mode7.fudgeval1", "Fudge val 1", TW_FT_INT32, TW_BASE_DEC, 0, NULL, \
      NULL, NULL)                                                                                  \
    X(F_M_FUDGEVAL2, "ntp.priv.mode7.fudgeval2", "Fudge val 2", TW_FT_UINT32, TW_BASE_DEC, 0,      \
      NULL, NULL, NULL)                                                                            \
    X(F_M_KOFFSET, "ntp.priv.mode7.kernel_offset", "Offset", TW_FT_INT32, TW_BASE_DEC, 0, NULL,    \
      NULL, NULL)                                                                                  \
    X(F_M_FREQ, "ntp.priv.mode7.freq", "Freq", TW_FT_INT32, TW_BASE_DEC, 0, NULL, NULL, NULL)      \
    X(F_M_STABILITY, "ntp.priv.mode7.stability", "Stability (ppm)", TW_FT_UINT32, TW_BASE_DEC, 0,  \
      NULL, NULL, NULL)                                                                            \
    X(F_M_MAXERROR, "ntp.priv.mode7.maxerror", "Max error", TW_FT_INT32, TW_BASE_DEC, 0, NULL,     \
      NULL, NULL)                                                                                  \
    X(F_M_ESTERROR, "ntp.priv.mode7.esterror", "Est error", TW_FT_INT32, TW_BASE_DEC, 0, NULL,     \
      NULL, NULL)                                                                                  \
    X(F_M_STATUS, "ntp.priv.mode7.status", "Status", TW_FT_UINT16, TW_BASE_DEC, 0, NULL, NULL,     \
      NULL)                                                                                        \
    X(F_M_SHIFT, "ntp.priv.mode7.shift", "Shift", TW_FT_UINT16, TW_BASE_DEC, 0, NULL, NULL, NULL)  \
    X(F_M_CONSTANT, "ntp.priv.mode7.constant", "Constant", TW_FT_INT32, TW_BASE_DEC, 0, NULL,      \
      NULL, NULL)                                                                                  \
    X(F_M_PRECISION, "ntp.priv.mode7.precision", "Precision", TW_FT_INT32, TW_BASE_DEC, 0, NULL,   \
      NULL, NULL)                                                                                  \
    X(F_M_TOLERANCE, "ntp.priv.mode7.tolerance", "tolerance", TW_FT_INT32, TW_BASE_DEC, 0, NULL,   \
      NULL, NULL)                                                                                  \
    X(F_M_PPSFREQ, "ntp.priv.mode7.ppsfreq", "ppsfreq", TW_FT_INT32, TW_BASE_DEC, 0, NULL, NULL,   \
      NULL)                                                                                        \
    X(F_M_JITTER, "ntp.priv.mode7.jitter", "jitter", TW_FT_INT32, TW_BASE_DEC, 0, NULL, NULL,      \
      NULL)                                                                                        \
    X(F_M_STABIL, "ntp.priv.mode7.stabil", "stabil", TW_FT_INT32, TW_BASE_DEC, 0, NULL, NULL,      \
      NULL)                                                                                        \
    X(F_M_JITCNT, "ntp.priv.mode7.jitcnt", "jitcnt", TW_FT_INT32, TW_BASE_DEC, 0, NULL, NULL,      \
      NULL)                                                                                        \
    X(F_M_CALCNT, "ntp.priv.mode7.calcnt", "calcnt", TW_FT_INT32, TW_BASE_DEC, 0, NULL, NULL,      \
      NULL)                                                                                        \
    X(F_M_ERRCNT, "ntp.priv.mode7.errcnt", "errcnt", TW_FT_INT32, TW_BASE_DEC, 0, NULL, NULL,      \
      NULL)                                                                                        \
    X(F_M_STBCNT, "ntp.priv.mode7.stbcnt", "stbcnt", TW_FT_INT32, TW_BASE_DEC, 0, NULL, NULL,      \
      NULL)                                                                                        \
    X(F_M_LASTOFFSET, "ntp.priv.mode7.last_offset", "Last offset", TW_FT_INT64, TW_BASE_DEC, 0,    \
      NULL, NULL, NULL)                                                                            \
    X(F_M_DRIFTCOMP, "ntp.priv.mode7.drift_comp", "Drift comp", TW_FT_INT64, TW_BASE_DEC, 0, NULL, \
      NULL, NULL)                                                                                  \
    X(F_M_COMPLIANCE, "ntp.priv.mode7.compliance", "Compliance", TW_FT_UINT32, TW_BASE_DEC, 0,     \
      NULL, NULL, NULL)                                                                            \
    X(F_M_WATCHDOG, "ntp.priv.mode7.watchdog_timer", "Watchdog timer", TW_FT_UINT32, TW_BASE_DEC,  \
      0, NULL, NULL, NULL)                                                                         \
    X(F_M_POLL, "ntp.priv.mode7.poll", "Poll", TW_FT_UINT32, TW_BASE_DEC, 0, NULL, NULL, NULL)     \
    X(F_M_SFLAGS8, "ntp.priv.mode7.sys.flags8", "Flags", TW_FT_UINT8, TW_BASE_HEX, 0xff, NULL,     \
      NULL, NULL)                                                                                  \
    X(F_M_DENIED, "ntp.priv.mode7.denied", "Denied", TW_FT_UINT32, TW_BASE_DEC, 0, NULL, NULL,     \
      NULL)                                                                                        \
    X(F_M_OLDVERSION, "ntp.priv.mode7.oldversion", "Old version", TW_FT_UINT32, TW_BASE_DEC, 0,    \
      NULL, NULL, NULL)                                                                            \
    X(F_M_NEWVERSION, "ntp.priv.mode7.newversion", "New version", TW_FT_UINT32, TW_BASE_DEC, 0,    \
      NULL, NULL, NULL)                                                                            \
    X(F_M_BADLENGTH, "ntp.priv.mode7.badlength", "Bad length", TW_FT_UINT32, TW_BASE_DEC, 0, NULL, \
      NULL, NULL)                                                                                  \
    X(F_M_LIMITREJ, "ntp.priv.mode7.limitrejected", "Limit rejected", TW_FT_UINT32, TW_BASE_DEC,   \
      0, NULL, NULL, NULL)                                                                         \
    X(F_M_LAMPORT, "ntp.priv.mode7.lamport", "Lamport violation", TW_FT_UINT32, TW_BASE_DEC, 0,    \
      NULL, NULL, NULL)                                                                            \
    X(F_M_TSROUNDING, "ntp.priv.mode7.tsrounding", "Timestamp rounding error", TW_FT_UINT32,       \
      TW_BASE_DEC, 0, NULL, NULL, NULL)                                                            \
    X(F_M_TOTALMEM, "ntp.priv.mode7.totalmem", "Total memory", TW_FT_UINT16, TW_BASE_DEC, 0, NULL, \
      NULL, NULL)                                                                                  \
    X(F_M_FREEMEM, "ntp.priv.mode7.freemem", "Free memory", TW_FT_UINT16, TW_BASE_DEC, 0, NULL,    \
      NULL, NULL)                                                                                  \
    X(F_M_FINDPEER, "ntp.priv.mode7.findpeer_calls", "Find peer calls", TW_FT_UINT32, TW_BASE_DEC, \
      0, NULL, NULL, NULL)                                                                         \
    X(F_M_ALLOCATIONS, "ntp.priv.mode7.allocations", "Allocations", TW_FT_UINT32, TW_BASE_DEC, 0,  \
      NULL, NULL, NULL)                                                                            \
    X(F_M_DEMOBIL, "ntp.priv.mode7.demobilizations", "Demobilizations", TW_FT_UINT32, TW_BASE_DEC, \
      0, NULL, NULL, NULL)                                                                         \
    X(F_M_HASHCOUNT, "ntp.priv.mode7.hashcount", "Hashcount", TW_FT_BYTES, TW_BASE_NONE, 0, NULL,  \
      NULL, NULL)                                                                                  \
    X(F_M_TOTALRECV, "ntp.priv.mode7.totalrecvbufs", "Toal receive buffer", TW_FT_UINT16,          \
      TW_BASE_DEC, 0, NULL, NULL, NULL)                                                            \
    X(F_M_FREERECV, "ntp.priv.mode7.freerecvbufs", "Free receive buffer", TW_FT_UINT16,            \
      TW_BASE_DEC, 0, NULL, NULL, NULL)                                                            \
    X(F_M_FULLRECV, "ntp.priv.mode7.fullrecvbufs", "Full receive buffer", TW_FT_UINT16,            \
      TW_BASE_DEC, 0, NULL, NULL, NULL)                                                            \
    X(F_M_LOWWATER, "ntp.priv.mode7.lowwater", "Low water", TW_FT_UINT16, TW_BASE_DEC, 0, NULL,    \
      NULL, NULL)                                                                                  \
    X(F_M_DROPPED, "ntp.priv.mode7.dropped", "Dropped packets", TW_FT_UINT32, TW_BASE_DEC, 0,      \
      NULL, NULL, NULL)                                                                            \
    X(F_M_IGNORED, "ntp.priv.mode7.ignored", "Ignored packets", TW_FT_UINT32, TW_BASE_DEC, 0,      \
      NULL, NULL, NULL)                                                                            \
    X(F_M_RECEIVED, "ntp.priv.mode7.received", "Received packets", TW_FT_UINT32, TW_BASE_DEC, 0,   \
      NULL, NULL, NULL)                                                                            \
    X(F_M_NOTSENT, "ntp.priv.mode7.notsent", "Not sent packets", TW_FT_UINT32, TW_BASE_DEC, 0,     \
      NULL, NULL, NULL)                                                                            \
    X(F_M_INTERRUPTS, "ntp.priv.mode7.interrupts", "Interrupts", TW_FT_UINT32, TW_BASE_DEC, 0,     \
      NULL, NULL, NULL)                                                                            \
    X(F_M_INTRECEIVED, "ntp.priv.mode7.int_received", "Received by interrupt handler",             \
      TW_FT_UINT32, TW_BASE_DEC, 0, NULL, NULL, NULL)                                              \
    X(F_M_ALARMS, "ntp.priv.mode7.alarms", "Alarms", TW_FT_UINT32, TW_BASE_DEC, 0, NULL, NULL,     \
      NULL)                                                                                        \
    X(F_M_OVERFLOWS, "ntp.priv.mode7.overflows", "Overflows", TW_FT_UINT32, TW_BASE_DEC, 0, NULL,  \
      NULL, NULL)                                                                                  \
    X(F_M_XMTCALLS, "ntp.priv.mode7.xmtcalls", "Transmitted calls", TW_FT_UINT32, TW_BASE_DEC, 0,  \
      NULL, NULL, NULL)                                                                            \
    X(F_M_RFLAGS, "ntp.priv.mode7.rflags", "Rflags", TW_FT_UINT16, TW_BASE_DEC, 0, NULL, NULL,     \
      NULL)                                                                                        \
    X(F_M_MFLAGS16, "ntp.priv.mode7.mflags", "Mflags", TW_FT_UINT16, TW_BASE_DEC, 0, NULL, NULL,   \
      NULL)                                                                                        \
    X(F_M_INTNAME, "ntp.priv.mode7.int_name", "Interface name", TW_FT_STRING, TW_BASE_NONE, 0,     \
      NULL, NULL, NULL)                                                                            \
    X(F_M_INTFLAGS, "ntp.priv.mode7.int_flags", "Interface flags", TW_FT_INT32, TW_BASE_DEC, 0,    \
      NULL, NULL, NULL)                                                                            \
    X(F_M_LASTTTL, "ntp.priv.mode7.last_ttl", "Last TTL specified", TW_FT_INT32, TW_BASE_DEC, 0,   \
      NULL, NULL, NULL)                                                                            \
    X(F_M_NUMMCAST, "ntp.priv.mode7.num_mcast", "Numer multicast sockets", TW_FT_INT32,            \
      TW_BASE_DEC, 0, NULL, NULL, NULL)                                                            \
    X(F_M_UPTIME, "ntp.priv.mode7.uptime", "Uptime", TW_FT_INT32, TW_BASE_DEC, 0, NULL, NULL,      \
      NULL)                                                                                        \
    X(F_M_SCOPEID, "ntp.priv.mode7.scopeid", "Scopeid", TW_FT_UINT32, TW_BASE_DEC, 0, NULL, NULL,  \
      NULL)                                                                                        \
    X(F_M_IFINDEX, "ntp.priv.mode7.ifindex", "Ifindex", TW_FT_UINT32, TW_BASE_DEC, 0, NULL, NULL,  \
      NULL)                                                                                        \
    X(F_M_IFNUM, "ntp.priv.mode7.ifnum", "Ifnum", TW_FT_UINT32, TW_BASE_DEC, 0, NULL, NULL, NULL)  \
    X(F_M_PEERCNT, "ntp.priv.mode7.peercnt", "Peer count", TW_FT_UINT32, TW_BASE_DEC, 0, NULL,     \
      NULL, NULL)                                                                                  \
    X(F_M_FAMILY, "ntp.priv.mode7.family", "Address family", TW_FT_UINT16, TW_BASE_DEC, 0, NULL,   \
      NULL, NULL)                                                                                  \
    X(F_M_IGNOREPKT, "ntp.priv.mode7.ignore_pkts", "Ignore packets", TW_FT_UINT8, TW_BASE_DEC, 0,  \
      NULL, NULL, NULL)                                                                            \
    X(F_M_ACTION, "ntp.priv.mode7.action", "Action", TW_FT_UINT8, TW_BASE_DEC, 0, action_vals,     \
      NULL, NULL)                                                                                  \
    X(F_M_NVALUES, "ntp.priv.mode7.nvalues", "Nvalues", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL,   \
      NULL)                                                                                        \
    X(F_M_NTIMES, "ntp.priv.mode7.ntimes", "Ntimes", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL,      \
      NULL)                                                                                        \
    X(F_M_SVALUES, "ntp.priv.mode7.svalues", "Svalues", TW_FT_UINT16, TW_BASE_DEC, 0, NULL, NULL,  \
      NULL)                                                                                        \
    X(F_M_STIMES, "ntp.priv.mode7.stimes", "Stimes", TW_FT_UINT32, TW_BASE_DEC, 0, NULL, NULL,     \
      NULL)                                                                                        \
    X(F_M_VALUES, "ntp.priv.mode7.values", "Values", TW_FT_BYTES, TW_BASE_NONE, 0, NULL, NULL,     \
      NULL)                                                                                        \
    X(F_M_TIMES, "ntp.priv.mode7.times", "Times", TW_FT_BYTES, TW_BASE_NONE, 0, NULL, NULL, NULL)  \
    X(F_M_WHICH, "ntp.priv.mode7.which", "Which", TW_FT_UINT32, TW_BASE_DEC, 0, NULL, NULL, NULL)  \
    X(F_M_FUDGETIME, "ntp.priv.mode7.fudgetime", "Fudgetime", TW_FT_UINT64, TW_BASE_DEC, 0, NULL,  \
      NULL, NULL)                                                                                  \
    X(F_M_FUDGEVALFLAGS, "ntp.priv.mode7.fudgeval_flags", "Fudgeval flags", TW_FT_UINT32,          \
      TW_BASE_DEC, 0, NULL, NULL, NULL)                                                            \
    X(F_M_IPPEERLIMIT, "ntp.priv.mode7.ippeerlimit", "IP peer limit", TW_FT_INT16, TW_BASE_DEC, 0, \
      NULL, NULL, NULL)                                                                            \
    X(F_M_RESTRFLAGS, "ntp.priv.mode7.restrict_flags", "Restrict flags", TW_FT_UINT16,             \
      TW_BASE_DEC, 0, NULL, NULL, NULL)

enum {
    F_FLAGS,
    F_LI,
    F_VN,
    F_MODE,
    F_STRATUM,
    F_PPOLL,
    F_PRECISION,
    F_ROOTDELAY,
    F_ROOTDISP,
    F_REFID,
    F_REFTIME,
    F_ORG,
    F_REC,
    F_XMT,
    F_KEYID,
    F_MAC,
    F_PADDING,
    F_EXT,
    F_EXT_TYPE,
    F_EXT_LENGTH,
    F_EXT_VALUE,
    F_C_FLAGS2,
    F_C_R,
    F_C_ERROR,
    F_C_MORE,
    F_C_OPCODE,
    F_C_SEQ,
    F_C_STATUS,
    F_C_SYS_LI,
    F_C_SYS_CLKSRC,
    F_C_SYS_COUNT,
    F_C_SYS_CODE,
    F_C_PS_CONFIG,
    F_C_PS_AUTHENABLE,
    F_C_PS_AUTHENTIC,
    F_C_PS_REACH,
    F_C_PS_BCAST,
    F_C_PS_SELECTION,
    F_C_PS_COUNT,
    F_C_PS_CODE,
    F_C_DATA,
    F_C_ITEM,
    F_C_ASSOCID,
    F_C_OFFSET,
    F_C_COUNT,
    F_P_R,
    F_P_MORE,
    F_P_AUTH_SEQ,
    F_P_AUTH,
    F_P_SEQ,
    F_P_IMPL,
    F_P_REQCODE,
    F_P_ERR,
    F_P_NUMITEMS,
    F_P_RESERVED,
    F_P_ITEMSIZE,
#define X(id, ...) id,
    M7_FIELDS(X)
#undef X
        F_COUNT
};

static const struct tw_vs li_vals[] = {{0, "no warning"},
                                       {1, "last minute of the day has 61 seconds"},
                                       {2, "last minute of the day has 59 seconds"},
                                       {3, "unknown (clock unsynchronized)"},
                                       {0, NULL}};
static const struct tw_vs vn_vals[] = {
    {0, "reserved"},      {1, "NTP Version 1"}, {2, "NTP Version 2"},
    {3, "NTP Version 3"}, {4, "NTP Version 4"}, {5, "reserved"},
    {6, "reserved"},      {7, "reserved"},      {0, NULL}};
static const struct tw_vs mode_vals[] = {{0, "reserved"},
                                         {1, "symmetric active"},
                                         {2, "symmetric passive"},
                                         {3, "client"},
                                         {4, "server"},
                                         {5, "broadcast"},
                                         {6, "reserved for NTP control message"},
                                         {7, "reserved for private use"},
                                         {0, NULL}};
/* the short mode names of the Info column */
static const char *const info_modes[8] = {"reserved", "symmetric active", "symmetric passive",
                                          "client",   "server",           "broadcast",
                                          "control",  "private"};
static const struct tw_rs stratum_vals[] = {
    {0, 0, "unspecified or invalid"}, {1, 1, "primary reference"}, {2, 15, "secondary reference"},
    {16, 16, "unsynchronized"},       {17, 255, "reserved"},       {0, 0, NULL}};
static const struct tw_vs ext_vals[] = {
    {0x0002, "No-Operation Request"},
    {0x0102, "Association Message Request"},
    {0x0104, "Unique Identifier"},
    {0x0202, "Certificate Message Request"},
    {0x0204, "NTS Cookie"},
    {0x0302, "Cookie Message Request"},
    {0x0304, "NTS Cookie Placeholder"},
    {0x0402, "Autokey Message Request"},
    {0x0404, "NTS Authenticator and Encrypted Extension Fields"},
    {0x0502, "Leapseconds Message Request"},
    {0x0602, "Sign Message Request"},
    {0x0702, "IFF Identity Message Request"},
    {0x0802, "GQ Identity Message Request"},
    {0x0902, "MV Identity Message Request"},
    {0x2005, "Checksum Complement"},
    {0x8002, "No-Operation Response"},
    {0x8102, "Association Message Response"},
    {0x8202, "Certificate Message Response"},
    {0x8302, "Cookie Message Response"},
    {0x8402, "Autokey Message Response"},
    {0x8502, "Leapseconds Message Response"},
    {0x8602, "Sign Message Response"},
    {0x8702, "IFF Identity Message Response"},
    {0x8802, "GQ Identity Message Response"},
    {0x8902, "MV Identity Message Response"},
    {0xc002, "No-Operation Error Response"},
    {0xc102, "Association Message Error Response"},
    {0xc202, "Certificate Message Error Response"},
    {0xc302, "Cookie Message Error Response"},
    {0xc402, "Autokey Message Error Response"},
    {0xc502, "Leapseconds Message Error Response"},
    {0xc602, "Sign Message Error Response"},
    {0xc702, "IFF Identity Message Error Response"},
    {0xc802, "GQ Identity Message Error Response"},
    {0xc902, "MV Identity Message Error Response"},
    {0, NULL}};
static const struct tw_vs r_vals[] = {{0, "Request"}, {1, "Response"}, {0, NULL}};
static const struct tw_vs opcode_vals[] = {{0, "reserved"},
                                           {1, "read status"},
                                           {2, "read variables"},
                                           {3, "write variables"},
                                           {4, "read clock variables"},
                                           {5, "write clock variables"},
                                           {6, "set trap address/port"},
                                           {7, "asynchronous message"},
                                           {8, "runtime configuration"},
                                           {9, "save config to file"},
                                           {10, "retrieve MRU (mrulist)"},
                                           {11, "retrieve ordered list"},
                                           {12, "request a client nonce"},
                                           {31, "unset trap address/port"},
                                           {0, NULL}};
static const struct tw_vs clksrc_vals[] = {
    {0, "unspecified or unknown"},
    {1, "Calibrated atomic clock (e.g. HP 5061)"},
    {2, "VLF (band 4) or LF (band 5) radio (e.g. OMEGA, WWVB)"},
    {3, "HF (band 7) radio (e.g. CHU, MSF, WWV/H)"},
    {4, "UHF (band 9) satellite (e.g. GOES, GPS)"},
    {5, "local net (e.g. DCN, TSP, DTS)"},
    {6, "UDP/NTP"},
    {7, "UDP/TIME"},
    {8, "eyeball-and-wristwatch"},
    {9, "telephone modem (e.g. NIST)"},
    {0, NULL}};
static const struct tw_vs syscode_vals[] = {
    {0, "unspecified"},
    {1, "frequency correction (drift) file not available"},
    {2, "frequency correction started (frequency stepped)"},
    {3, "spike detected and ignored, starting stepout timer"},
    {4, "frequency training started"},
    {5, "clock synchronized"},
    {6, "system restart"},
    {7, "panic stop (required step greater than panic threshold)"},
    {8, "no system peer"},
    {9, "leap second insertion/deletion armed"},
    {10, "leap second disarmed"},
    {11, "leap second inserted or deleted"},
    {12, "clock stepped (stepout timer expired)"},
    {13, "kernel loop discipline status changed"},
    {14, "leapseconds table loaded from file"},
    {15, "leapseconds table outdated, updated file needed"},
    {0, NULL}};
static const struct tw_tfs tfs_config = {"configured (peer.config)",
                                         "not configured (peer.config)"};
static const struct tw_tfs tfs_authenable = {"authentication enabled (peer.authenable)",
                                             "authentication disabled (peer.authenable)"};
static const struct tw_tfs tfs_authentic = {"authentication okay (peer.authentic)",
                                            "authentication not okay (peer.authentic)"};
static const struct tw_tfs tfs_reach = {"reachability okay (peer.reach != 0)",
                                        "reachability not okay (peer.reach != 0)"};
static const struct tw_vs sel_vals[] = {
    {0, "rejected"},
    {1, "passed sanity checks (tests 1 through 8 in Section 3.4.3)"},
    {2, "passed correctness checks (intersection algorithm in Section 4.2.1)"},
    {3, "passed candidate checks (if limit check implemented)"},
    {4, "passed outlier checks (clustering algorithm in Section 4.2.2)"},
    {5, "current synchronization source; max distance exceeded (if limit check implemented)"},
    {6, "current synchronization source; max distance okay"},
    {7, "reserved"},
    {0, NULL}};
static const struct tw_vs peercode_vals[] = {
    {0, "unspecified"},
    {1, "association mobilized"},
    {2, "association demobilized"},
    {3, "peer unreachable (peer.reach was nonzero now zero)"},
    {4, "peer reachable (peer.reach was zero now nonzero)"},
    {5, "association restarted or timed out"},
    {6, "no server found (ntpdate mode)"},
    {7, "rate exceeded (kiss code RATE)"},
    {8, "access denied (kiss code DENY)"},
    {9, "leap armed from server LI code"},
    {10, "become system peer"},
    {11, "reference clock event (see clock status word)"},
    {12, "authentication failure"},
    {13, "popcorn spike suppressor"},
    {14, "entering interleave mode"},
    {15, "interleave error (recovered)"},
    {0, NULL}};
static const struct tw_vs impl_vals[] = {
    {0, "UNIV"}, {2, "XNTPD_OLD (pre-IPv6)"}, {3, "XNTPD"}, {0, NULL}};
static const char *const reqcodes[] = {"PEER_LIST",
                                       "PEER_LIST_SUM",
                                       "PEER_INFO",
                                       "PEER_STATS",
                                       "SYS_INFO",
                                       "SYS_STATS",
                                       "IO_STATS",
                                       "MEM_STATS",
                                       "LOOP_INFO",
                                       "TIMER_STATS",
                                       "CONFIG",
                                       "UNCONFIG",
                                       "SET_SYS_FLAG",
                                       "CLR_SYS_FLAG",
                                       "MONITOR",
                                       "NOMONITOR",
                                       "GET_RESTRICT",
                                       "RESADDFLAGS",
                                       "RESSUBFLAGS",
                                       "UNRESTRICT",
                                       "MON_GETLIST",
                                       "RESET_STATS",
                                       "RESET_PEER",
                                       "REREAD_KEYS",
                                       "DO_DIRTY_HACK",
                                       "DONT_DIRTY_HACK",
                                       "TRUSTKEY",
                                       "UNTRUSTKEY",
                                       "AUTHINFO",
                                       "TRAPS",
                                       "ADD_TRAP",
                                       "CLR_TRAP",
                                       "REQUEST_KEY",
                                       "CONTROL_KEY",
                                       "GET_CTLSTATS",
                                       "GET_LEAPINFO",
                                       "GET_CLOCKINFO",
                                       "SET_CLKFUDGE",
                                       "GET_KERNEL",
                                       "GET_CLKBUGINFO",
                                       NULL,
                                       "SET_PRECISION",
                                       "MON_GETLIST_1",
                                       "HOSTNAME_ASSOCID",
                                       "IF_STATS",
                                       "IF_RELOAD"};
static const struct tw_vs action_vals[] = {
    {1, "Interface exists"}, {2, "Interface created"}, {3, "Interface deleted"}, {0, NULL}};
static struct tw_vs reqcode_vals[TW_ARRAY_LEN(reqcodes) + 1];
static const struct tw_vs err_vals[] = {{0, "No error"},
                                        {1, "incompatible implementation number"},
                                        {2, "unimplemented request code"},
                                        {3, "format error"},
                                        {4, "no data available"},
                                        {5, "unknown"},
                                        {6, "unknown"},
                                        {7, "authentication failure"},
                                        {0, NULL}};

static const struct tw_field_def fields[F_COUNT] = {
    [F_FLAGS] = {"ntp.flags", "Flags", TW_FT_UINT8, TW_BASE_HEX, 0, NULL, NULL, NULL,
                 "Flags (Leap/Version/Mode)"},
    [F_LI] = {"ntp.flags.li", "Leap Indicator", TW_FT_UINT8, TW_BASE_DEC, 0xc0, li_vals, NULL, NULL,
              "Warning of an impending leap second to be inserted or deleted in the last minute "
              "of the current month"},
    [F_VN] = {"ntp.flags.vn", "Version number", TW_FT_UINT8, TW_BASE_DEC, 0x38, vn_vals},
    [F_MODE] = {"ntp.flags.mode", "Mode", TW_FT_UINT8, TW_BASE_DEC, 0x07, mode_vals},
    [F_STRATUM] = {"ntp.stratum", "Peer Clock Stratum", TW_FT_UINT8, TW_BASE_DEC, 0, NULL,
                   stratum_vals},
    [F_PPOLL] = {"ntp.ppoll", "Peer Polling Interval", TW_FT_UINT8, TW_BASE_DEC, 0, NULL, NULL,
                 NULL, "Maximum interval between successive messages"},
    [F_PRECISION] = {"ntp.precision", "Peer Clock Precision", TW_FT_UINT8, TW_BASE_DEC, 0, NULL,
                     NULL, NULL, "The precision of the system clock"},
    [F_ROOTDELAY] = {"ntp.rootdelay", "Root Delay", TW_FT_UINT32, TW_BASE_DEC, 0, NULL, NULL, NULL,
                     "Total round-trip delay to the reference clock"},
    [F_ROOTDISP] = {"ntp.rootdispersion", "Root Dispersion", TW_FT_UINT32, TW_BASE_DEC, 0, NULL,
                    NULL, NULL, "Total dispersion to the reference clock"},
    [F_REFID] = {"ntp.refid", "Reference ID", TW_FT_BYTES, TW_BASE_NONE, 0, NULL, NULL, NULL,
                 "Particular server or reference clock being used"},
    [F_REFTIME] = {"ntp.reftime", "Reference Timestamp", TW_FT_ABSOLUTE_TIME, TW_ABSTIME_UTC, 0,
                   NULL, NULL, NULL, "Time when the system clock was last set or corrected"},
    [F_ORG] = {"ntp.org", "Origin Timestamp", TW_FT_ABSOLUTE_TIME, TW_ABSTIME_UTC, 0, NULL, NULL,
               NULL, "Time at the client when the request departed for the server"},
    [F_REC] = {"ntp.rec", "Receive Timestamp", TW_FT_ABSOLUTE_TIME, TW_ABSTIME_UTC, 0, NULL, NULL,
               NULL, "Time at the server when the request arrived from the client"},
    [F_XMT] = {"ntp.xmt", "Transmit Timestamp", TW_FT_ABSOLUTE_TIME, TW_ABSTIME_UTC, 0, NULL, NULL,
               NULL, "Time at the server when the response left for the client"},
    [F_KEYID] = {"ntp.keyid", "Key ID", TW_FT_BYTES},
    [F_MAC] = {"ntp.mac", "Message Authentication Code", TW_FT_BYTES},
    [F_PADDING] = {"ntp.padding", "Padding", TW_FT_BYTES},
    [F_EXT] = {"ntp.ext", "Extension", TW_FT_NONE},
    [F_EXT_TYPE] = {"ntp.ext.type", "Field Type", TW_FT_UINT16, TW_BASE_HEX, 0, ext_vals},
    [F_EXT_LENGTH] = {"ntp.ext.length", "Length", TW_FT_UINT16, TW_BASE_DEC, 0, NULL, NULL, NULL,
                      "Entire extension length including padding"},
    [F_EXT_VALUE] = {"ntp.ext.value", "Value", TW_FT_BYTES, TW_BASE_NONE, 0, NULL, NULL, NULL,
                     "Type-specific value"},
    [F_C_FLAGS2] = {"ntp.ctrl.flags2", "Flags 2", TW_FT_UINT8, TW_BASE_HEX, 0, NULL, NULL, NULL,
                    "Flags (Response/Error/More/Opcode)"},
    [F_C_R] = {"ntp.ctrl.flags2.r", "Response bit", TW_FT_UINT8, TW_BASE_DEC, 0x80, r_vals},
    [F_C_ERROR] = {"ntp.ctrl.flags2.error", "Error bit", TW_FT_UINT8, TW_BASE_DEC, 0x40},
    [F_C_MORE] = {"ntp.ctrl.flags2.more", "More bit", TW_FT_UINT8, TW_BASE_DEC, 0x20},
    [F_C_OPCODE] = {"ntp.ctrl.flags2.opcode", "Opcode", TW_FT_UINT8, TW_BASE_DEC, 0x1f,
                    opcode_vals},
    [F_C_SEQ] = {"ntp.ctrl.sequence", "Sequence", TW_FT_UINT16, TW_BASE_DEC},
    [F_C_STATUS] = {"ntp.ctrl.status", "Status", TW_FT_UINT16, TW_BASE_HEX},
    [F_C_SYS_LI] = {"ntp.ctrl.sys_status.li", "Leap Indicator", TW_FT_UINT16, TW_BASE_DEC, 0xc000,
                    li_vals},
    [F_C_SYS_CLKSRC] = {"ntp.ctrl.sys_status.clksrc", "Clock Source", TW_FT_UINT16, TW_BASE_DEC,
                        0x3f00, clksrc_vals},
    [F_C_SYS_COUNT] = {"ntp.ctrl.sys_status.count", "System Event Counter", TW_FT_UINT16,
                       TW_BASE_DEC, 0xf0},
    [F_C_SYS_CODE] = {"ntp.ctrl.sys_status.code", "System Event Code", TW_FT_UINT16, TW_BASE_DEC,
                      0x0f, syscode_vals},
    [F_C_PS_CONFIG] = {"ntp.ctrl.peer_status.config", "Peer Status", TW_FT_BOOLEAN, 16, 0x8000,
                       NULL, NULL, &tfs_config},
    [F_C_PS_AUTHENABLE] = {"ntp.ctrl.peer_status.authenable", "Peer Status", TW_FT_BOOLEAN, 16,
                           0x4000, NULL, NULL, &tfs_authenable},
    [F_C_PS_AUTHENTIC] = {"ntp.ctrl.peer_status.authentic", "Peer Status", TW_FT_BOOLEAN, 16,
                          0x2000, NULL, NULL, &tfs_authentic},
    [F_C_PS_REACH] = {"ntp.ctrl.peer_status.reach", "Peer Status", TW_FT_BOOLEAN, 16, 0x1000, NULL,
                      NULL, &tfs_reach},
    [F_C_PS_BCAST] = {"ntp.ctrl.peer_status.bcast", "Peer Status broadcast association",
                      TW_FT_BOOLEAN, 16, 0x0800, NULL, NULL, &tw_tfs_set_notset},
    [F_C_PS_SELECTION] = {"ntp.ctrl.peer_status.selection", "Peer Selection", TW_FT_UINT16,
                          TW_BASE_DEC, 0x0700, sel_vals},
    [F_C_PS_COUNT] = {"ntp.ctrl.peer_status.count", "Peer Event Counter", TW_FT_UINT16, TW_BASE_DEC,
                      0x00f0},
    [F_C_PS_CODE] = {"ntp.ctrl.peer_status.code", "Peer Event Code", TW_FT_UINT16, TW_BASE_DEC,
                     0x000f, peercode_vals},
    [F_C_DATA] = {"ntp.ctrl.data", "Data", TW_FT_NONE},
    [F_C_ITEM] = {"ntp.ctrl.item", "Item", TW_FT_NONE},
    [F_C_ASSOCID] = {"ntp.ctrl.associd", "AssociationID", TW_FT_UINT16, TW_BASE_DEC},
    [F_C_OFFSET] = {"ntp.ctrl.offset", "Offset", TW_FT_UINT16, TW_BASE_DEC},
    [F_C_COUNT] = {"ntp.ctrl.count", "Count", TW_FT_UINT16, TW_BASE_DEC},
    [F_P_R] = {"ntp.priv.flags.r", "Response bit", TW_FT_UINT8, TW_BASE_DEC, 0x80, r_vals},
    [F_P_MORE] = {"ntp.priv.flags.more", "More bit", TW_FT_UINT8, TW_BASE_DEC, 0x40},
    [F_P_AUTH_SEQ] = {"ntp.priv.auth_seq", "Auth, sequence", TW_FT_UINT8, TW_BASE_DEC, 0, NULL,
                      NULL, NULL, "Auth bit, sequence number"},
    [F_P_AUTH] = {"ntp.priv.auth", "Auth bit", TW_FT_UINT8, TW_BASE_DEC, 0x80},
    [F_P_SEQ] = {"ntp.priv.seq", "Sequence number", TW_FT_UINT8, TW_BASE_DEC, 0x7f},
    [F_P_IMPL] = {"ntp.priv.impl", "Implementation", TW_FT_UINT8, TW_BASE_DEC, 0, impl_vals},
    [F_P_REQCODE] = {"ntp.priv.reqcode", "Request code", TW_FT_UINT8, TW_BASE_DEC, 0, reqcode_vals},
    [F_P_ERR] = {"ntp.priv.err", "Err", TW_FT_UINT8, TW_BASE_HEX, 0, err_vals},
    [F_P_NUMITEMS] = {"ntp.priv.numitems", "Number of data items", TW_FT_UINT16, TW_BASE_DEC},
    [F_P_RESERVED] = {"ntp.priv.reserved", "Reserved", TW_FT_UINT8, TW_BASE_HEX},
    [F_P_ITEMSIZE] = {"ntp.priv.itemsize", "Size of data item", TW_FT_UINT16, TW_BASE_DEC},
#define X(id, ab, nm, ty, di, mk, vs, tf, bl) [id] = {ab, nm, ty, di, mk, vs, NULL, tf, bl},
    M7_FIELDS(X)
#undef X
};

enum { E_EXT_LEN, E_COUNT };
static const struct tw_expert_def experts[E_COUNT] = {
    [E_EXT_LEN] = {"ntp.ext.invalid_length", "decoder.ntp.ext_invalid_length", TW_SEV_WARN,
                   TW_GRP_PROTOCOL, "Extension invalid length"},
};

static void ntp_init(void)
{
    size_t n = 0;
    for (size_t i = 0; i < TW_ARRAY_LEN(reqcodes); i++)
        if (reqcodes[i]) reqcode_vals[n++] = (struct tw_vs){(uint32_t)i, reqcodes[i]};
}

/* a bitmask parent: "Name: 0x.., Child: value-string, ..." for the children with names */
static int32_t add_bitmask(struct tw_pkt *p, int parent, const int *kids, int nk, uint32_t off,
                           uint32_t len, uint32_t v, int hexw)
{
    int32_t r = tw_add_uint(p, HF(parent), off, len, v);
    if (r >= 0 && tw_want_labels(p)) {
        char lab[512];
        int n = hexw ? snprintf(lab, sizeof lab, "%s: 0x%0*x", fields[parent].name, hexw, v)
                     : snprintf(lab, sizeof lab, "%s: %u", fields[parent].name, v);
        for (int i = 0; i < nk && n > 0 && (size_t)n < sizeof lab; i++) {
            const struct tw_field_def *d = &fields[kids[i]];
            if (d->type == TW_FT_BOOLEAN) {
                if (v & d->mask) n += snprintf(lab + n, sizeof lab - (size_t)n, ", %s", d->name);
                continue;
            }
            if (!d->vals) continue;
            uint32_t kv = (uint32_t)((v & d->mask) >> __builtin_ctzll(d->mask));
            const char *s = tw_vs_find(d->vals, kv);
            n += snprintf(lab + n, sizeof lab - (size_t)n, ", %s: %s", d->name, s ? s : "Unknown");
        }
        tw_rec_label(p, r, "%s", lab);
    }
    tw_tree_push(p, r);
    for (int i = 0; i < nk; i++) tw_add_bits(p, HF(kids[i]), off, len, v);
    tw_tree_pop(p);
    return r;
}

/* NTP timestamp (seconds since 1900 and a binary fraction) as Wireshark's absolute time */
static void add_ntp_time(struct tw_pkt *p, int f, const uint8_t *b, uint32_t off)
{
    uint32_t s = (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
    uint32_t fr = (uint32_t)b[4] << 24 | (uint32_t)b[5] << 16 | (uint32_t)b[6] << 8 | b[7];
    struct tw_time t;
    if (s == 0 && fr == 0) {
        t.sec = 0;
        t.nsec = TW_TIME_UNSET_NSEC;
    } else {
        /* era 0 before 1968-01-20 counts as era 1 (RFC 4330 section 3) */
        int64_t secs = (int64_t)s - 2208988800LL;
        if (!(s & 0x80000000u)) secs += 4294967296LL;
        t.sec = secs;
        t.nsec = (int32_t)(((uint64_t)fr * 1000000000ULL) >> 32);
    }
    tw_add_time(p, HF(f), off, 8, t);
}

static uint32_t be32(const uint8_t *b)
{
    return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

static void dissect_std(struct tw_pkt *p, struct tw_cur *c, uint32_t start, uint8_t flags)
{
    static const int kids[] = {F_LI, F_VN, F_MODE};
    add_bitmask(p, F_FLAGS, kids, 3, start, 1, flags, 2);
    /* fields are added as far as the bytes go (a datagram quoted in an ICMP error is cut) */
    const uint8_t *b = c->data + c->off;
    const uint32_t have = tw_cur_avail(c);
    struct tw_cur t = *c;
    tw_cur_skip(&t, 47);
    uint8_t stratum = have >= 1 ? b[0] : 0;
    if (have >= 1) tw_add_uint(p, HF(F_STRATUM), start + 1, 1, stratum);
    if (have >= 2) {
        uint8_t ppoll = b[1];
        int32_t r = tw_add_uint(p, HF(F_PPOLL), start + 2, 1, ppoll);
        if (ppoll >= 4 && ppoll <= 17)
            tw_rec_label(p, r, "Peer Polling Interval: %u (%u seconds)", ppoll, 1u << ppoll);
        else
            tw_rec_label(p, r, "Peer Polling Interval: invalid (%u)", ppoll);
    }
    if (have >= 3) {
        int32_t r = tw_add_uint(p, HF(F_PRECISION), start + 3, 1, b[2]);
        tw_rec_label(p, r, "Peer Clock Precision: %8.6f seconds", ldexp(1.0, (int8_t)b[2]));
    }
    if (have >= 7) {
        uint32_t rd = be32(b + 3);
        int32_t r = tw_add_uint(p, HF(F_ROOTDELAY), start + 4, 4, rd);
        tw_rec_label(p, r, "Root Delay: %8.6f seconds", rd / 65536.0);
    }
    if (have >= 11) {
        uint32_t rdisp = be32(b + 7);
        int32_t r = tw_add_uint(p, HF(F_ROOTDISP), start + 8, 4, rdisp);
        tw_rec_label(p, r, "Root Dispersion: %8.6f seconds", rdisp / 65536.0);
    }
    if (have >= 15) {
        int32_t r = tw_add_ptr(p, HF(F_REFID), start + 12, 4, b + 11, 4);
        static const struct {
            char id[5];
            const char *name;
        } primary[] = {{"GOES", "Geostationary Orbit Environment Satellite"},
                       {"GPS", "Global Position System"},
                       {"GAL", "Galileo Positioning System"},
                       {"PPS", "Generic pulse-per-second"},
                       {"IRIG", "Inter-Range Instrumentation Group"},
                       {"WWVB", "LF Radio WWVB Ft. Collins, CO 60 kHz"},
                       {"DCF", "LF Radio DCF77 Mainflingen, DE 77.5 kHz"},
                       {"HBG", "LF Radio HBG Prangins, HB 75 kHz"},
                       {"MSF", "LF Radio MSF Anthorn, UK 60 kHz"},
                       {"JJY", "LF Radio JJY Fukushima, JP 40 kHz, Saga, JP 60 kHz"},
                       {"LORC", "MF Radio LORAN C station, 100 kHz"},
                       {"TDF", "MF Radio Allouis, FR 162 kHz"},
                       {"CHU", "HF Radio CHU Ottawa, Ontario"},
                       {"WWV", "HF Radio WWV Ft. Collins, CO"},
                       {"WWVH", "HF Radio WWVH Kauai, HI"},
                       {"NIST", "NIST telephone modem"},
                       {"ACTS", "NIST telephone modem"},
                       {"USNO", "USNO telephone modem"},
                       {"PTB", "European telephone modem"},
                       {"LOCL", "uncalibrated local clock"},
                       {"CESM", "calibrated Cesium clock"},
                       {"RBDM", "calibrated Rubidium clock"},
                       {"OMEG", "OMEGA radionavigation system"},
                       {"DCN", "DCN routing protocol"},
                       {"TSP", "TSP time protocol"},
                       {"DTS", "Digital Time Service"},
                       {"ATOM", "Atomic clock (calibrated)"},
                       {"VLF", "VLF radio (OMEGA,, etc.)"},
                       {"1PPS", "External 1 PPS input"},
                       {"FREE", "(Internal clock)"},
                       {"INIT", "(Initialization)"},
                       {"", "NULL"}};
        const char *pn = NULL;
        for (size_t i = 0; stratum <= 1 && i < TW_ARRAY_LEN(primary); i++)
            if (!memcmp(b + 11, primary[i].id, 4)) pn = primary[i].name;
        if (pn) {
            tw_rec_label(p, r, "Reference ID: %s", pn);
        } else if (stratum <= 1) {
            char id[5];
            int k = 0;
            for (; k < 4 && b[11 + k]; k++) id[k] = b[11 + k] < 0x80 ? (char)b[11 + k] : '?';
            id[k] = 0;
            tw_rec_label(p, r, "Reference ID: Unidentified reference source '%s'", id);
        } else {
            tw_rec_label(p, r, "Reference ID: %u.%u.%u.%u", b[11], b[12], b[13], b[14]);
        }
    }
    static const int ts[4] = {F_REFTIME, F_ORG, F_REC, F_XMT};
    for (uint32_t k = 0; k < 4 && have >= 23 + 8 * k; k++)
        add_ntp_time(p, ts[k], b + 15 + 8 * k, start + 16 + 8 * k);
    if (have < 47) {
        c->err = t.err;
        return;
    }
    c->off += 47;

    /* NTPv4 extension fields while more than the largest MAC (24 bytes) is left */
    uint32_t off = start + 48;
    while (((flags >> 3) & 7) == 4 && c->end > off && c->end - off > 24) {
        struct tw_cur e = *c;
        e.off = off;
        uint16_t type = tw_cur_u16(&e), elen = tw_cur_u16(&e);
        if (e.err) {
            c->err = e.err;
            return;
        }
        int32_t er = tw_add_rec(p, HF(F_EXT), off, elen);
        if (!tw_want(p, HF(F_EXT))) er = -1;
        tw_tree_push(p, er);
        tw_add_uint(p, HF(F_EXT_TYPE), off, 2, type);
        int32_t lr = tw_add_uint(p, HF(F_EXT_LENGTH), off + 2, 2, elen);
        if (elen < 8 || (elen & 3)) {
            tw_tree_push(p, lr);
            tw_expert(p, EX(E_EXT_LEN), off + 2, 2, NULL);
            tw_tree_pop(p);
            tw_tree_pop(p);
            return;
        }
        const uint8_t *v = tw_cur_bytes(&e, elen - 4u);
        if (v) tw_add_ptr(p, HF(F_EXT_VALUE), off + 4, elen - 4u, v, elen - 4u);
        tw_tree_pop(p);
        if (e.err) {
            c->err = e.err;
            return;
        }
        off += elen;
    }
    struct tw_cur m = *c;
    m.off = off;
    if (c->end >= off + 4) {
        const uint8_t *k = tw_cur_bytes(&m, 4);
        if (!k) {
            c->err = m.err;
            return;
        }
        tw_add_ptr(p, HF(F_KEYID), off, 4, k, 4);
    }
    off += 4;
    if (c->end > off) {
        uint32_t n = c->end - off;
        const uint8_t *k = tw_cur_bytes(&m, n);
        if (!k) {
            c->err = m.err;
            return;
        }
        tw_add_ptr(p, HF(F_MAC), off, n, k, n);
    }
}

static void dissect_ctrl(struct tw_pkt *p, struct tw_cur *c, uint32_t start, uint8_t flags)
{
    static const int kids[] = {F_LI, F_VN, F_MODE};
    static const int kids2[] = {F_C_R, F_C_ERROR, F_C_MORE, F_C_OPCODE};
    static const int syskids[] = {F_C_SYS_LI, F_C_SYS_CLKSRC, F_C_SYS_COUNT, F_C_SYS_CODE};
    static const int peerkids[] = {F_C_PS_CONFIG, F_C_PS_AUTHENABLE, F_C_PS_AUTHENTIC, F_C_PS_REACH,
                                   F_C_PS_BCAST,  F_C_PS_SELECTION,  F_C_PS_COUNT,     F_C_PS_CODE};
    add_bitmask(p, F_FLAGS, kids, 3, start, 1, flags, 2);
    uint8_t f2 = tw_cur_u8(c);
    if (c->err) return;
    add_bitmask(p, F_C_FLAGS2, kids2, 4, start + 1, 1, f2, 2);
    const uint8_t *b = tw_cur_bytes(c, 10);
    if (!b) return;
    tw_add_uint(p, HF(F_C_SEQ), start + 2, 2, (uint32_t)b[0] << 8 | b[1]);
    uint16_t status = (uint16_t)(b[2] << 8 | b[3]), associd = (uint16_t)(b[4] << 8 | b[5]);
    uint8_t op = f2 & 0x1f;
    if ((f2 & 0x80) && !(f2 & 0x40) && associd == 0 && (op == 1 || op == 2 || op == 3 || op == 7))
        add_bitmask(p, F_C_STATUS, syskids, 4, start + 4, 2, status, 4);
    else if ((f2 & 0x80) && !(f2 & 0x40) && (op == 1 || op == 2 || op == 3 || op == 7))
        add_bitmask(p, F_C_STATUS, peerkids, 8, start + 4, 2, status, 4);
    else
        tw_add_uint(p, HF(F_C_STATUS), start + 4, 2, status);
    tw_add_uint(p, HF(F_C_ASSOCID), start + 6, 2, associd);
    tw_add_uint(p, HF(F_C_OFFSET), start + 8, 2, (uint32_t)b[6] << 8 | b[7]);
    uint16_t count = (uint16_t)(b[8] << 8 | b[9]);
    tw_add_uint(p, HF(F_C_COUNT), start + 10, 2, count);
    if (count) {
        if (c->end < start + 12u + count) {
            tw_cur_skip(c, count);
            return;
        }
        int32_t dr = tw_want(p, HF(F_C_DATA)) ? tw_add_rec(p, HF(F_C_DATA), start + 12, count) : -1;
        if (op == 1 && associd == 0) {
            /* read status of all associations: (association id, peer status word) pairs */
            for (uint32_t o = start + 12; o + 4 <= start + 12u + count; o += 4) {
                const uint8_t *it = c->data + o;
                tw_tree_push(p, dr);
                int32_t ir = tw_want(p, HF(F_C_ITEM)) ? tw_add_rec(p, HF(F_C_ITEM), o, 4) : -1;
                tw_tree_push(p, ir);
                tw_add_uint(p, HF(F_C_ASSOCID), o, 2, (uint32_t)it[0] << 8 | it[1]);
                tw_tree_pop(p);
                tw_tree_pop(p);
                add_bitmask(p, F_C_STATUS, peerkids, 8, o + 2, 2, (uint32_t)it[2] << 8 | it[3], 4);
            }
        }
    }
}

struct nib4s {
    char s[10];
};
/* "0000 ...." for a 4-bit value in the high nibble */
static struct nib4s nib4(uint8_t v)
{
    struct nib4s b;
    for (int i = 0; i < 4; i++) b.s[i] = (char)('0' + (v >> (3 - i) & 1));
    memcpy(b.s + 4, " ....", 6);
    return b;
}

struct bits12s {
    char s[20];
};
/* "0000  0000 0000" for the low 12 bits of a 16-bit field */
static struct bits12s bits12(uint16_t v)
{
    struct bits12s b;
    int k = 0;
    for (int i = 11; i >= 0; i--) {
        b.s[k++] = (char)('0' + (v >> i & 1));
        if (i == 8)
            b.s[k++] = ' ', b.s[k++] = ' ';
        else if (i == 4)
            b.s[k++] = ' ';
    }
    b.s[k] = 0;
    return b;
}

/* ---- mode 7 data items ---------------------------------------------------------------------
 * Every request code ntpd's ntpdc uses has a fixed item layout (request and response differ for
 * a few). Each step adds one field of len bytes at the item's running offset; offsets are 16-bit
 * as in Wireshark, and a field past the end of the datagram stops the dissection there (past
 * the captured bytes: truncated; past the datagram: malformed). */
enum { K_U, K_I, K_P, K_S, K_T, K_BPEER, K_BCONF, K_BSYS8, K_BSYS, K_BRESET, K_KEYLE, K_SKIP };
struct m7s {
    uint16_t f;
    uint16_t len;
    uint8_t k;
};
#define SU(f, n)                                                                                   \
    {                                                                                              \
        f, n, K_U                                                                                  \
    }
#define SI(f, n)                                                                                   \
    {                                                                                              \
        f, n, K_I                                                                                  \
    }
#define SP(f, n)                                                                                   \
    {                                                                                              \
        f, n, K_P                                                                                  \
    }

static const struct m7s lay_peer_req[] = {
    SP(F_M_ADDR, 4),   SU(F_M_PORT, 2),   SU(F_M_HMODE, 1), {F_M_PFLAGS, 1, K_BPEER},
    SU(F_M_V6FLAG, 4), SP(F_M_UNUSED, 4), SP(F_M_ADDR6, 16)};
static const struct m7s lay_peer_list_sum[] = {
    SP(F_M_DSTADDR, 4), SP(F_M_SRCADDR, 4), SU(F_M_SRCPORT, 2),   SU(F_STRATUM, 1),
    SI(F_M_HPOLL, 1),   SU(F_PPOLL, 1),     SU(F_M_REACH, 1),     {F_M_PFLAGS, 1, K_BPEER},
    SU(F_M_HMODE, 1),   SI(F_M_DELAY, 4),   SU(F_M_OFFSET, 8),    SU(F_M_DISPERSION, 4),
    SU(F_M_V6FLAG, 4),  SP(F_M_UNUSED, 4),  SP(F_M_DSTADDR6, 16), SP(F_M_SRCADDR6, 16)};
static const struct m7s lay_peer_info_resp[] = {
    SP(F_M_DSTADDR, 4), SP(F_M_SRCADDR, 4),    SU(F_M_SRCPORT, 2),    {F_M_PFLAGS, 1, K_BPEER},
    SU(F_M_LEAP, 1),    SU(F_M_HMODE, 1),      SU(F_M_PMODE, 1),      SU(F_STRATUM, 1),
    SU(F_PPOLL, 1),     SI(F_M_HPOLL, 1),      SU(F_PRECISION, 1),    SU(F_M_VERSION, 1),
    SP(F_M_UNUSED, 1),  SU(F_M_REACH, 1),      SU(F_M_UNREACH, 1),    SU(F_M_FLASH, 1),
    SU(F_M_TTL, 1),     SU(F_M_FLASH2, 2),     SU(F_M_ASSOCID, 2),    SP(F_KEYID, 4),
    SU(F_M_PKEYID, 4),  SP(F_REFID, 4),        SU(F_M_TIMER, 4),      SU(F_ROOTDELAY, 4),
    SU(F_ROOTDISP, 4),  {F_REFTIME, 8, K_T},   {F_ORG, 8, K_T},       {F_REC, 8, K_T},
    {F_XMT, 8, K_T},    SI(F_M_FILTDELAY, 4),  SI(F_M_FILTOFFSET, 8), SU(F_M_ORDER, 1),
    SI(F_M_DELAY, 4),   SU(F_M_DISPERSION, 4), SU(F_M_OFFSET, 8),     SU(F_M_SELECTDIS, 4),
    SP(F_M_UNUSED, 4),  SP(F_M_UNUSED, 4),     SP(F_M_UNUSED, 4),     SP(F_M_UNUSED, 4),
    SP(F_M_UNUSED, 4),  SP(F_M_UNUSED, 4),     SP(F_M_UNUSED, 4),     SI(F_M_ESTBDELAY, 4),
    SU(F_M_V6FLAG, 4),  SP(F_M_UNUSED, 4),     SP(F_M_DSTADDR6, 16),  SP(F_M_SRCADDR6, 16)};
static const struct m7s lay_peer_stats_resp[] = {
    SP(F_M_DSTADDR, 4),   SP(F_M_SRCADDR, 4),      SU(F_M_SRCPORT, 2),    {F_M_PFLAGS, 1, K_BPEER},
    SU(F_M_TIMERESET, 4), SU(F_M_TIMERECEIVED, 4), SU(F_M_TIMETOSEND, 4), SU(F_M_TIMEREACHABLE, 4),
    SU(F_M_SENT, 4),      SP(F_M_UNUSED, 4),       SU(F_M_PROCESSED, 4),  SP(F_M_UNUSED, 4),
    SU(F_M_BADAUTH, 4),   SU(F_M_BOGUSORG, 4),     SU(F_M_OLDPKT, 4),     SP(F_M_UNUSED, 4),
    SP(F_M_UNUSED, 4),    SU(F_M_SELDISP, 4),      SU(F_M_SELBROKEN, 4),  SP(F_M_UNUSED, 4),
    SU(F_M_CANDIDATE, 1), SP(F_M_UNUSED, 1),       SP(F_M_UNUSED, 1),     SP(F_M_UNUSED, 1),
    SU(F_M_V6FLAG, 4),    SP(F_M_UNUSED, 4),       SP(F_M_DSTADDR6, 16),  SP(F_M_SRCADDR6, 16)};
static const struct m7s lay_sys_info[] = {
    SP(F_M_ADDR, 4),     SU(F_M_PMODE, 1),   SU(F_M_LEAP, 1),           SU(F_STRATUM, 1),
    SU(F_PRECISION, 1),  SU(F_ROOTDELAY, 4), SU(F_ROOTDISP, 4),         SP(F_REFID, 4),
    {F_REFTIME, 8, K_T}, SU(F_M_POLL, 4),    {F_M_SFLAGS8, 1, K_BSYS8}, SP(F_M_UNUSED, 3),
    SI(F_M_BDELAY, 4),   SI(F_M_FREQ, 4),    SI(F_M_AUTHDELAY, 8),      SU(F_M_STABILITY, 4),
    SU(F_M_V6FLAG, 4),   SP(F_M_UNUSED, 4),  SP(F_M_ADDR6, 16)};
static const struct m7s lay_sys_stats[] = {
    SU(F_M_TIMEUP, 4),     SU(F_M_TIMERESET, 4),    SU(F_M_DENIED, 4),    SU(F_M_OLDVERSION, 4),
    SU(F_M_NEWVERSION, 4), SU(F_M_BADVERSION, 4),   SU(F_M_BADLENGTH, 4), SU(F_M_PROCESSED, 4),
    SU(F_M_BADAUTH, 4),    SU(F_M_TIMERECEIVED, 4), SU(F_M_LIMITREJ, 4),  SU(F_M_LAMPORT, 4),
    SU(F_M_TSROUNDING, 4)};
static const struct m7s lay_io_stats[] = {
    SU(F_M_TIMERESET, 4), SU(F_M_TOTALRECV, 2), SU(F_M_FREERECV, 2),   SU(F_M_FULLRECV, 2),
    SU(F_M_LOWWATER, 2),  SU(F_M_DROPPED, 4),   SU(F_M_IGNORED, 4),    SU(F_M_RECEIVED, 4),
    SU(F_M_SENT, 4),      SU(F_M_NOTSENT, 4),   SU(F_M_INTERRUPTS, 4), SU(F_M_INTRECEIVED, 4)};
static const struct m7s lay_mem_stats[] = {SU(F_M_TIMERESET, 4),   SU(F_M_TOTALMEM, 2),
                                           SU(F_M_FREEMEM, 2),     SU(F_M_FINDPEER, 4),
                                           SU(F_M_ALLOCATIONS, 4), SU(F_M_DEMOBIL, 4)};
static const struct m7s lay_loop_info[] = {SI(F_M_LASTOFFSET, 8), SI(F_M_DRIFTCOMP, 8),
                                           SU(F_M_COMPLIANCE, 4), SU(F_M_WATCHDOG, 4)};
static const struct m7s lay_timer_stats[] = {SU(F_M_TIMERESET, 4), SU(F_M_ALARMS, 4),
                                             SU(F_M_OVERFLOWS, 4), SU(F_M_XMTCALLS, 4)};
static const struct m7s lay_config[] = {
    SP(F_M_ADDR, 4),    SU(F_M_HMODE, 1),         SU(F_M_VERSION, 1), SU(F_M_MINPOLL, 1),
    SU(F_M_MAXPOLL, 1), {F_M_CFLAGS, 1, K_BCONF}, SU(F_M_TTL, 1),     SP(F_M_UNUSED, 2),
    SP(F_KEYID, 4),     {F_M_KEYFILE, 128, K_S},  SU(F_M_V6FLAG, 4),  SP(F_M_UNUSED, 4),
    SP(F_M_ADDR6, 16)};
static const struct m7s lay_unconfig[] = {SP(F_M_ADDR, 4), SU(F_M_V6FLAG, 4), SP(F_M_ADDR6, 16)};
static const struct m7s lay_sys_flag[] = {{F_M_SFLAGS, 4, K_BSYS}};
static const struct m7s lay_get_restrict[] = {
    SP(F_M_ADDR, 4),   SP(F_M_MASK, 4),   SU(F_M_COUNT, 4),  SU(F_M_RFLAGS, 2), SU(F_M_MFLAGS16, 2),
    SU(F_M_V6FLAG, 4), SP(F_M_UNUSED, 4), SP(F_M_ADDR6, 16), SP(F_M_MASK6, 16)};
static const struct m7s lay_resflags[] = {
    SP(F_M_ADDR, 4),     SP(F_M_MASK, 4),   SI(F_M_IPPEERLIMIT, 2), SU(F_M_RESTRFLAGS, 2),
    SU(F_M_MFLAGS16, 2), SP(F_M_UNUSED, 4), SP(F_M_ADDR6, 16),      SP(F_M_MASK6, 16)};
static const struct m7s lay_reset_stats[] = {{F_M_RFLAGS_ALL, 4, K_BRESET}};
static const struct m7s lay_trustkey[] = {{F_M_KEY, 8, K_KEYLE}};
static const struct m7s lay_authinfo[] = {
    SU(F_M_TIMERESET, 4),   SU(F_M_NUMKEYS, 4),     SU(F_M_NUMFREEKEYS, 4),
    SU(F_M_KEYLOOKUPS, 4),  SU(F_M_KEYNOTFOUND, 4), SU(F_M_ENCRYPTIONS, 4),
    SU(F_M_DECRYPTIONS, 4), SU(F_M_EXPIRED, 4),     SU(F_M_KEYUNCACHED, 4)};
static const struct m7s lay_traps[] = {
    SP(F_M_LOCALADDR, 4), SP(F_M_TRAPADDR, 4),    SU(F_M_TRAPPORT, 2),  SU(F_M_SEQUENCE, 2),
    SU(F_M_SETTIME, 4),   SU(F_M_ORIGTIME, 4),    SU(F_M_RESETS, 4),    SU(F_M_TRAPSFLAGS, 4),
    SU(F_M_V6FLAG, 4),    SP(F_M_LOCALADDR6, 16), SP(F_M_TRAPADDR6, 16)};
static const struct m7s lay_add_trap[] = {
    SP(F_M_LOCALADDR, 4), SP(F_M_TRAPADDR, 4),    SU(F_M_TRAPPORT, 2),  SP(F_M_UNUSED, 2),
    SU(F_M_V6FLAG, 4),    SP(F_M_LOCALADDR6, 16), SP(F_M_TRAPADDR6, 16)};
static const struct m7s lay_keyid[] = {SP(F_KEYID, 4)};
static const struct m7s lay_ctl_stats[] = {
    SU(F_M_TIMERESET, 4),    SU(F_M_REQ, 4),      SU(F_M_BADPKTS, 4),   SU(F_M_RESPONSES, 4),
    SU(F_M_FRAGS, 4),        SU(F_M_ERRORS, 4),   SU(F_M_TOOSHORT, 4),  SU(F_M_INPUTRESP, 4),
    SU(F_M_INPUTFRAG, 4),    SU(F_M_INPUTERR, 4), SU(F_M_BADOFFSET, 4), SU(F_M_BADVERSION, 4),
    SU(F_M_DATATOOSHORT, 4), SU(F_M_BADOP, 4),    SU(F_M_ASYNCMSGS, 4)};
static const struct m7s lay_addr[] = {SP(F_M_ADDR, 4)};
static const struct m7s lay_clockinfo_resp[] = {
    SP(F_M_ADDR, 4),      SU(F_M_TYPE, 1),        SU(F_M_CLOCKFLAGS, 1), SU(F_M_LASTEVENT, 1),
    SU(F_M_CURSTATUS, 1), SU(F_M_POLLS, 4),       SU(F_M_NORESPONSE, 4), SU(F_M_BADFORMAT, 4),
    SU(F_M_BADDATA, 4),   SU(F_M_TIMESTARTED, 4), SU(F_M_FUDGETIME1, 8), SU(F_M_FUDGETIME2, 8),
    SI(F_M_FUDGEVAL1, 4), SU(F_M_FUDGEVAL2, 4)};
static const struct m7s lay_clkfudge[] = {SP(F_M_ADDR, 4), SU(F_M_WHICH, 4), SU(F_M_FUDGETIME, 8),
                                          SU(F_M_FUDGEVALFLAGS, 4)};
static const struct m7s lay_kernel[] = {
    SI(F_M_KOFFSET, 4),   SI(F_M_FREQ, 4),    SI(F_M_MAXERROR, 4), SI(F_M_ESTERROR, 4),
    SU(F_M_STATUS, 2),    SU(F_M_SHIFT, 2),   SI(F_M_CONSTANT, 4), SI(F_M_PRECISION, 4),
    SI(F_M_TOLERANCE, 4), SI(F_M_PPSFREQ, 4), SI(F_M_JITTER, 4),   SI(F_M_STABIL, 4),
    SI(F_M_JITCNT, 4),    SI(F_M_CALCNT, 4),  SI(F_M_ERRCNT, 4),   SI(F_M_STBCNT, 4)};
static const struct m7s lay_clkbug_resp[] = {
    SP(F_M_ADDR, 4),   SU(F_M_NVALUES, 1), SU(F_M_NTIMES, 1), SU(F_M_SVALUES, 2),
    SU(F_M_STIMES, 4), SP(F_M_VALUES, 64), SP(F_M_TIMES, 256)};
static const struct m7s lay_if_v4[] = {SP(F_M_ADDR, 4), {0, 12, K_SKIP}, SP(F_M_BCAST, 4),
                                       {0, 12, K_SKIP}, SP(F_M_MASK, 4), {0, 12, K_SKIP}};
static const struct m7s lay_if_v6[] = {SP(F_M_ADDR6, 16), SP(F_M_BCAST6, 16), SP(F_M_MASK6, 16)};
static const struct m7s lay_if_rest[] = {
    SU(F_M_V6FLAG, 4),   {F_M_INTNAME, 32, K_S}, SI(F_M_INTFLAGS, 4),  SI(F_M_LASTTTL, 4),
    SI(F_M_NUMMCAST, 4), SU(F_M_RECEIVED, 4),    SU(F_M_SENT, 4),      SU(F_M_NOTSENT, 4),
    SI(F_M_UPTIME, 4),   SU(F_M_SCOPEID, 4),     SU(F_M_IFINDEX, 4),   SU(F_M_IFNUM, 4),
    SU(F_M_PEERCNT, 4),  SU(F_M_FAMILY, 2),      SU(F_M_IGNOREPKT, 1), SU(F_M_ACTION, 1),
    SP(F_M_UNUSED, 4)};
#undef SU
#undef SI
#undef SP

struct m7 {
    struct tw_pkt *p;
    struct tw_cur *c;
    uint32_t start;
    uint32_t rend, rcap; /* datagram and captured ends, relative to the NTP header */
};

/* Are len bytes at off (relative) there? If not, stop as Wireshark's exception would. */
static bool m7_need(struct m7 *m, uint32_t off, uint32_t len)
{
    if (m->c->err) return false;
    uint64_t e = (uint64_t)off + len;
    if (e > m->rend) {
        m->c->err = TW_CUR_MALFORMED;
        return false;
    }
    if (e > m->rcap) {
        m->c->err = TW_CUR_TRUNCATED;
        return false;
    }
    return true;
}

static uint64_t m7_be(const uint8_t *b, uint32_t n)
{
    uint64_t v = 0;
    for (uint32_t i = 0; i < n; i++) v = v << 8 | b[i];
    return v;
}

/* an 8-bit-masked flags integer: "0000 1001 = Flags: 0x09, Config, Refclock" and its bits */
static void m7_flags(struct m7 *m, int parent, const int *kids, int nk, uint32_t off, uint32_t len,
                     uint32_t v)
{
    struct tw_pkt *p = m->p;
    int32_t r = tw_add_bits(p, HF(parent), m->start + off, len, v);
    if (r >= 0 && tw_want_labels(p)) {
        char lab[512];
        int n = 0;
        for (int i = (int)len * 8 - 1; i >= 0; i--) {
            lab[n++] = i < 8 ? (char)('0' + (v >> i & 1)) : '.';
            if (i && !(i & 3)) lab[n++] = ' ';
        }
        n += snprintf(lab + n, sizeof lab - (size_t)n, " = %s: 0x%02x", fields[parent].name,
                      v & 0xff);
        for (int i = 0; i < nk && (size_t)n < sizeof lab; i++)
            if (v & fields[kids[i]].mask)
                n += snprintf(lab + n, sizeof lab - (size_t)n, ", %s", fields[kids[i]].name);
        tw_rec_label(p, r, "%s", lab);
    }
    tw_tree_push(p, r);
    for (int i = 0; i < nk; i++) tw_add_bits(p, HF(kids[i]), m->start + off, len, v);
    tw_tree_pop(p);
}

/* Wireshark looks for stray bytes after the NUL in the UTF-8 form of the string (a byte above
 * 0x7f became 3 bytes of U+FFFD) but only up to the field's byte length: the same test on the
 * first n bytes of that form */
static void m7_stray(struct tw_pkt *p, int32_t r, const uint8_t *b, uint32_t n, uint32_t at)
{
    uint8_t u[128 * 3];
    uint32_t k = 0;
    for (uint32_t i = 0; i < n && k < n && k + 3 <= sizeof u; i++) {
        if (b[i] < 0x80) {
            u[k++] = b[i];
        } else {
            memcpy(u + k, "\xef\xbf\xbd", 3);
            k += 3;
        }
    }
    tw_string_stray(p, r, u, k < n ? k : n, at);
}

/* run a layout from *off; false once a field does not fit */
static bool m7_run(struct m7 *m, const struct m7s *l, size_t n, uint16_t *off)
{
    static const int peer[] = {F_M_PF_CONFIG, F_M_PF_SYSPEER,    F_M_PF_BURST,   F_M_PF_REFCLOCK,
                               F_M_PF_PREFER, F_M_PF_AUTHENABLE, F_M_PF_SELCAND, F_M_PF_SHORTLIST};
    static const int conf[] = {F_M_CF_AUTH,   F_M_CF_PREFER,   F_M_CF_BURST,
                               F_M_CF_IBURST, F_M_CF_NOSELECT, F_M_CF_SKEY};
    static const int sys[] = {F_M_SF_BCLIENT, F_M_SF_PPS,     F_M_SF_NTP,  F_M_SF_KERNEL,
                              F_M_SF_MONITOR, F_M_SF_FILEGEN, F_M_SF_AUTH, F_M_SF_CAL};
    static const int reset[] = {F_M_RS_ALLPEERS, F_M_RS_IO,   F_M_RS_SYS, F_M_RS_MEM,
                                F_M_RS_TIMER,    F_M_RS_AUTH, F_M_RS_CTL};
    struct tw_pkt *p = m->p;
    for (size_t i = 0; i < n; i++) {
        const struct m7s *s = &l[i];
        uint32_t o = *off, at = m->start + o;
        if (s->k != K_SKIP) {
            if (!m7_need(m, o, s->len)) return false;
            const uint8_t *b = m->c->data + at;
            uint16_t hf = HF(s->f);
            switch (s->k) {
            case K_U:
                tw_add_uint(p, hf, at, s->len, m7_be(b, s->len));
                break;
            case K_I: {
                uint64_t v = m7_be(b, s->len);
                unsigned sh = 64 - 8 * s->len;
                tw_add_int(p, hf, at, s->len, (int64_t)(v << sh) >> sh);
                break;
            }
            case K_P:
                tw_add_ptr(p, hf, at, s->len, b, s->len);
                break;
            case K_S: {
                /* ENC_ASCII: up to the first NUL; bytes after it raise Wireshark's expert */
                int32_t r = tw_want(p, hf) ? tw_add_ascii(p, hf, at, s->len, b) : -1;
                m7_stray(p, r, b, s->len, at);
                break;
            }
            case K_T:
                add_ntp_time(p, s->f, b, at);
                break;
            case K_BPEER:
                m7_flags(m, s->f, peer, 8, o, 1, b[0]);
                break;
            case K_BCONF:
                m7_flags(m, s->f, conf, 6, o, 1, b[0]);
                break;
            case K_BSYS8:
                m7_flags(m, s->f, sys, 8, o, 1, b[0]);
                break;
            case K_BSYS:
                m7_flags(m, s->f, sys, 8, o, 4, (uint32_t)m7_be(b, 4));
                break;
            case K_BRESET:
                m7_flags(m, s->f, reset, 7, o, 4, (uint32_t)m7_be(b, 4));
                break;
            case K_KEYLE: {
                uint64_t v = 0;
                for (int k = 7; k >= 0; k--) v = v << 8 | b[k];
                tw_add_uint(p, hf, at, 8, v);
                break;
            }
            }
        }
        *off = (uint16_t)(*off + s->len);
    }
    return true;
}

#define LAY(a) a, TW_ARRAY_LEN(a)

/* the layout of one item of request code rc, NULL for codes without items */
static const struct m7s *m7_layout(uint8_t rc, bool resp, size_t *n)
{
    const struct m7s *l = NULL;
    size_t k = 0;
#define L(a) (l = (a), k = TW_ARRAY_LEN(a))
    switch (rc) {
    case 0:
        L(lay_peer_req);
        break;
    case 1:
        L(lay_peer_list_sum);
        break;
    case 2:
        if (resp)
            L(lay_peer_info_resp);
        else
            L(lay_peer_req);
        break;
    case 3:
        if (resp)
            L(lay_peer_stats_resp);
        else
            L(lay_peer_req);
        break;
    case 4:
        L(lay_sys_info);
        break;
    case 5:
        L(lay_sys_stats);
        break;
    case 6:
        L(lay_io_stats);
        break;
    case 7:
        L(lay_mem_stats);
        break;
    case 8:
        L(lay_loop_info);
        break;
    case 9:
        L(lay_timer_stats);
        break;
    case 10:
        L(lay_config);
        break;
    case 11:
        L(lay_unconfig);
        break;
    case 12:
    case 13:
        L(lay_sys_flag);
        break;
    case 16:
        L(lay_get_restrict);
        break;
    case 17:
    case 18:
    case 19:
        L(lay_resflags);
        break;
    case 21:
        L(lay_reset_stats);
        break;
    case 22:
        L(lay_unconfig);
        break;
    case 26:
    case 27:
        L(lay_trustkey);
        break;
    case 28:
        L(lay_authinfo);
        break;
    case 29:
        L(lay_traps);
        break;
    case 30:
    case 31:
        L(lay_add_trap);
        break;
    case 32:
    case 33:
        L(lay_keyid);
        break;
    case 34:
        L(lay_ctl_stats);
        break;
    case 36:
        if (resp)
            L(lay_clockinfo_resp);
        else
            L(lay_addr);
        break;
    case 37:
        L(lay_clkfudge);
        break;
    case 38:
        L(lay_kernel);
        break;
    case 39:
        if (resp)
            L(lay_clkbug_resp);
        else
            L(lay_addr);
        break;
    }
#undef L
    *n = k;
    return l;
}

/* one MON_GETLIST(_1) item: ntpd's monitor list entry */
static void m7_monlist(struct m7 *m, uint8_t rc, uint16_t off, uint16_t isize)
{
    struct tw_pkt *p = m->p;
    const uint8_t *d = m->c->data + m->start;
    bool one = rc == 42;
    uint16_t po = (uint16_t)(off + (one ? 28 : 20)), ao = (uint16_t)(off + 16);
    if (!m7_need(m, po, 2) || !m7_need(m, ao, 4) || !m7_need(m, off, isize)) return;
    int32_t r = tw_add_strf(p, HF(F_M_ITEM), m->start + off, isize, "%s", "Monlist Item");
    if (r >= 0 && tw_want_labels(p))
        tw_rec_label(p, r, "Monlist item: address: %u.%u.%u.%u:%u", d[ao], d[ao + 1], d[ao + 2],
                     d[ao + 3], (unsigned)(d[po] << 8 | d[po + 1]));
    if (!tw_want(p, HF(F_M_ITEM))) r = -1;
    tw_tree_push(p, r);
    static const struct m7s head[] = {{F_M_AVGINT, 4, K_U},
                                      {F_M_LSINT, 4, K_U},
                                      {F_M_RESTR, 4, K_U},
                                      {F_M_MCOUNT, 4, K_U},
                                      {F_M_RADDR, 4, K_P}};
    static const struct m7s local[] = {{F_M_LADDR, 4, K_P}, {F_M_MFLAGS, 4, K_U}};
    static const struct m7s tail[] = {{F_M_MPORT, 2, K_U},
                                      {F_M_MMODE, 1, K_U},
                                      {F_M_MVERSION, 1, K_U},
                                      {F_M_MIPV6, 4, K_U},
                                      {F_M_MUNUSED, 4, K_U}};
    static const struct m7s v6[] = {{F_M_MADDR6, 16, K_P}, {F_M_MDADDR6, 16, K_P}};
    bool ok = m7_run(m, LAY(head), &off) && (!one || m7_run(m, LAY(local), &off));
    uint16_t v6o = (uint16_t)(off + 4);
    ok = ok && m7_run(m, LAY(tail), &off);
    if (ok && m7_be(d + v6o, 4) != 0) m7_run(m, v6, one ? 2 : 1, &off);
    tw_tree_pop(p);
}

static void m7_items(struct m7 *m, uint8_t rc, bool resp, uint16_t nitems, uint16_t isize)
{
    struct tw_pkt *p = m->p;
    const char *rs = rc < TW_ARRAY_LEN(reqcodes) && reqcodes[rc] ? reqcodes[rc] : "Unknown";
    for (uint32_t i = 0; i < nitems && !m->c->err; i++) {
        uint16_t off = (uint16_t)(8 + (uint32_t)isize * i);
        if (rc == 20 || rc == 42) {
            m7_monlist(m, rc, off, isize);
            continue;
        }
        if (!m7_need(m, off, isize)) break;
        int32_t r = tw_add_strf(p, HF(F_M_ITEM), m->start + off, isize, "%s", "");
        if (r >= 0 && tw_want_labels(p)) tw_rec_label(p, r, "%s Item", rs);
        if (!tw_want(p, HF(F_M_ITEM))) r = -1;
        tw_tree_push(p, r);
        size_t n;
        const struct m7s *l = m7_layout(rc, resp, &n);
        if (l) {
            if (m7_run(m, l, n, &off) && rc == 7) {
                /* MEM_STATS: the hash chain counts fill the rest of the item */
                int32_t hl = (int32_t)isize - 20;
                if (hl < -1) {
                    m->c->err = TW_CUR_MALFORMED;
                } else {
                    uint32_t len = hl == -1 ? (off <= m->rcap ? m->rcap - off : 0) : (uint32_t)hl;
                    if (hl == -1 && off > m->rcap)
                        m->c->err = off > m->rend ? TW_CUR_MALFORMED : TW_CUR_TRUNCATED;
                    else if (m7_need(m, off, len))
                        tw_add_ptr(p, HF(F_M_HASHCOUNT), m->start + off, len,
                                   m->c->data + m->start + off, len);
                }
            }
        } else if (rc == 44 || rc == 45) {
            /* IF_STATS / IF_RELOAD: the address family flag decides the address fields */
            if (m7_need(m, (uint32_t)off + 48, 4)) {
                uint32_t v6 = (uint32_t)m7_be(m->c->data + m->start + off + 48, 4);
                if (v6 == 0 ? m7_run(m, LAY(lay_if_v4), &off) : m7_run(m, LAY(lay_if_v6), &off))
                    m7_run(m, LAY(lay_if_rest), &off);
            }
        }
        tw_tree_pop(p);
    }
}

static void dissect_priv(struct tw_pkt *p, struct tw_cur *c, uint32_t start, uint8_t flags)
{
    static const int kids[] = {F_P_R, F_P_MORE, F_VN, F_MODE};
    static const int akids[] = {F_P_AUTH, F_P_SEQ};
    add_bitmask(p, F_FLAGS, kids, 4, start, 1, flags, 2);
    uint8_t as = tw_cur_u8(c);
    if (c->err) return;
    add_bitmask(p, F_P_AUTH_SEQ, akids, 2, start + 1, 1, as, 0);
    uint8_t impl = tw_cur_u8(c);
    if (c->err) return;
    tw_add_uint(p, HF(F_P_IMPL), start + 2, 1, impl);
    uint8_t rc = tw_cur_u8(c);
    if (c->err) return;
    tw_add_uint(p, HF(F_P_REQCODE), start + 3, 1, rc);
    const char *rs = rc < TW_ARRAY_LEN(reqcodes) && reqcodes[rc] ? reqcodes[rc] : "Unknown";
    tw_info_printf(p, ", %s, %s", (flags & 0x80) ? "Response" : "Request", rs);
    struct m7 m = {p, c, start, c->end - start, (c->cap < c->end ? c->cap : c->end) - start};
    if (impl == 3) {
        /* the error code and item count, then reserved bits and the item size (4 + 12 bits) */
        /* each field is read as Wireshark adds it: the 4-bit one needs its byte only */
        const uint8_t *b = m7_need(&m, 4, 1) ? c->data + start + 4 : NULL;
        if (!b) return;
        uint8_t err = b[0] >> 4;
        int32_t r = tw_add_uint(p, HF(F_P_ERR), start + 4, 1, err);
        if (r >= 0 && tw_want_labels(p)) {
            const char *es = tw_vs_find(err_vals, err);
            tw_rec_label(p, r, "%s = Err: %s (0x%02x)", nib4(err).s, es ? es : "Unknown", err);
        }
        if (!tw_cur_bytes(c, 2)) return;
        uint16_t nitems = (uint16_t)((b[0] & 0x0f) << 8 | b[1]);
        r = tw_add_uint(p, HF(F_P_NUMITEMS), start + 4, 2, nitems);
        if (r >= 0 && tw_want_labels(p))
            tw_rec_label(p, r, ".... %s = Number of data items: %u", bits12(nitems).s, nitems);
        b = m7_need(&m, 6, 1) ? c->data + start + 6 : NULL;
        if (!b) return;
        uint8_t res = b[0] >> 4;
        r = tw_add_uint(p, HF(F_P_RESERVED), start + 6, 1, res);
        if (r >= 0 && tw_want_labels(p))
            tw_rec_label(p, r, "%s = Reserved: 0x%02x", nib4(res).s, res);
        if (!tw_cur_bytes(c, 2)) return;
        uint16_t isize = (uint16_t)((b[0] & 0x0f) << 8 | b[1]);
        r = tw_add_uint(p, HF(F_P_ITEMSIZE), start + 6, 2, isize);
        if (r >= 0 && tw_want_labels(p))
            tw_rec_label(p, r, ".... %s = Size of data item: %u", bits12(isize).s, isize);
        m7_items(&m, rc, (flags & 0x80) != 0, nitems, isize);
        if (c->err) return;
    }
    if (!(flags & 0x80) && (as & 0x80)) {
        /* an authenticated request: timestamp, key id and MAC at fixed offsets */
        static const struct m7s auth[] = {{F_M_TSTAMP, 8, K_T}, {F_KEYID, 4, K_P}};
        uint16_t off = 184;
        if (!m7_run(&m, LAY(auth), &off)) return;
        if (m.rend > 196 && m7_need(&m, 196, m.rend - 196))
            tw_add_ptr(p, HF(F_MAC), start + 196, m.rend - 196, c->data + start + 196,
                       m.rend - 196);
    }
}

static enum tw_status dissect(struct tw_pkt *p, struct tw_cur *c)
{
    const uint32_t start = c->off;
    tw_info_clear(p);
    uint8_t flags = tw_cur_u8(c);
    if (c->err) return TW_OK;
    uint8_t vn = (flags >> 3) & 7, mode = flags & 7;
    tw_info_printf(p, "NTP Version %u, %s", vn, info_modes[mode]);
    tw_layer_label(p, "Network Time Protocol (NTP Version %u, %s)", vn, info_modes[mode]);
    if (mode == 6)
        dissect_ctrl(p, c, start, flags);
    else if (mode == 7)
        dissect_priv(p, c, start, flags);
    else
        dissect_std(p, c, start, flags);
    return TW_OK;
}

static const struct tw_binding bindings[] = {{TW_TBL_UDP_PORT, 123}};

const struct tw_proto tw_proto_ntp = {
    .abbrev = "ntp",
    .name = "Network Time Protocol",
    .short_name = "NTP",
    .fields = fields,
    .nfields = F_COUNT,
    .experts = experts,
    .nexperts = E_COUNT,
    .bindings = bindings,
    .nbindings = TW_ARRAY_LEN(bindings),
    .dissect = dissect,
    .init = ntp_init,
    .ids = &ids,
};
