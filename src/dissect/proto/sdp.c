/* Session Description Protocol (RFC 4566): a body of media type application/sdp (SIP's message
 * body). One item per "x=value" line with tshark's field names and the sub-fields of o=, c=,
 * t=, m= and a= lines. Appends "/SDP" to the Protocol column ("SIP/SDP"). The media
 * conversations it announces are set up by src/dissect/sdpconv.c. Not done: sdp.media.format
 * names from a=rtpmap, bandwidth/key/repeat sub-fields, sdp.media_attr's known attributes'
 * own sub-fields (rtpmap, fmtp ...). */
#include "../dissect.h"

#include <stdio.h>
#include <string.h>

#include "rtp_pt.h"

static struct tw_proto_ids ids;
#define HF(x) ((uint16_t)(ids.base + (x)))

enum {
    F_VERSION,
    F_OWNER,
    F_OWNER_USER,
    F_OWNER_SESSID,
    F_OWNER_VERSION,
    F_OWNER_NETTYPE,
    F_OWNER_ADDRTYPE,
    F_OWNER_ADDR,
    F_SESSION_NAME,
    F_SESSION_INFO,
    F_URI,
    F_EMAIL,
    F_PHONE,
    F_CONN,
    F_CONN_NETTYPE,
    F_CONN_ADDRTYPE,
    F_CONN_ADDR,
    F_BW,
    F_TIME,
    F_TIME_START,
    F_TIME_STOP,
    F_REPEAT,
    F_TIMEZONE,
    F_KEY,
    F_SESSION_ATTR,
    F_MEDIA,
    F_MEDIA_MEDIA,
    F_MEDIA_PORT,
    F_MEDIA_PROTO,
    F_MEDIA_FORMAT,
    F_MEDIA_TITLE,
    F_MEDIA_ATTR,
    F_ATTR_FIELD,
    F_ATTR_VALUE,
    F_UNKNOWN,
    F_MIME_TYPE,
    F_SAMPLE_RATE,
    F_FMTP_PARAM,
    F_COUNT
};

#define S(a, n)                                                                                    \
    {                                                                                              \
        a, n, TW_FT_STRING, TW_BASE_NONE                                                           \
    }
static const struct tw_field_def fields[F_COUNT] = {
    [F_VERSION] = S("sdp.version", "Session Description Protocol Version (v)"),
    [F_OWNER] = S("sdp.owner", "Owner/Creator, Session Id (o)"),
    [F_OWNER_USER] = S("sdp.owner.username", "Owner Username"),
    [F_OWNER_SESSID] = S("sdp.owner.sessionid", "Session ID"),
    [F_OWNER_VERSION] = S("sdp.owner.version", "Session Version"),
    [F_OWNER_NETTYPE] = S("sdp.owner.network_type", "Owner Network Type"),
    [F_OWNER_ADDRTYPE] = S("sdp.owner.address_type", "Owner Address Type"),
    [F_OWNER_ADDR] = S("sdp.owner.address", "Owner Address"),
    [F_SESSION_NAME] = S("sdp.session_name", "Session Name (s)"),
    [F_SESSION_INFO] = S("sdp.session_info", "Session Information (i)"),
    [F_URI] = S("sdp.uri", "URI of Description (u)"),
    [F_EMAIL] = S("sdp.email", "E-mail Address (e)"),
    [F_PHONE] = S("sdp.phone", "Phone Number (p)"),
    [F_CONN] = S("sdp.connection_info", "Connection Information (c)"),
    [F_CONN_NETTYPE] = S("sdp.connection_info.network_type", "Connection Network Type"),
    [F_CONN_ADDRTYPE] = S("sdp.connection_info.address_type", "Connection Address Type"),
    [F_CONN_ADDR] = S("sdp.connection_info.address", "Connection Address"),
    [F_BW] = S("sdp.bandwidth", "Bandwidth Information (b)"),
    [F_TIME] = S("sdp.time", "Time Description, active time (t)"),
    [F_TIME_START] = S("sdp.time.start", "Session Start Time"),
    [F_TIME_STOP] = S("sdp.time.stop", "Session Stop Time"),
    [F_REPEAT] = S("sdp.repeat_time", "Repeat Time (r)"),
    [F_TIMEZONE] = S("sdp.timezone", "Time Zone Adjustments (z)"),
    [F_KEY] = S("sdp.encryption_key", "Encryption Key (k)"),
    [F_SESSION_ATTR] = S("sdp.session_attr", "Session Attribute (a)"),
    [F_MEDIA] = S("sdp.media", "Media Description, name and address (m)"),
    [F_MEDIA_MEDIA] = S("sdp.media.media", "Media Type"),
    [F_MEDIA_PORT] = {"sdp.media.port", "Media Port", TW_FT_UINT16, TW_BASE_DEC},
    [F_MEDIA_PROTO] = S("sdp.media.proto", "Media Protocol"),
    [F_MEDIA_FORMAT] = S("sdp.media.format", "Media Format"),
    [F_MEDIA_TITLE] = S("sdp.media_title", "Media Title (i)"),
    [F_MEDIA_ATTR] = S("sdp.media_attr", "Media Attribute (a)"),
    [F_ATTR_FIELD] = S("sdp.media_attribute.field", "Media Attribute Fieldname"),
    [F_ATTR_VALUE] = S("sdp.media_attribute.value", "Media Attribute Value"),
    [F_UNKNOWN] = S("sdp.unknown", "Unknown"),
    [F_MIME_TYPE] = S("sdp.mime.type", "MIME Type"),
    [F_SAMPLE_RATE] = S("sdp.sample_rate", "Sample Rate"),
    [F_FMTP_PARAM] = S("sdp.fmtp.parameter", "Media format specific parameters"),
};

/* the next space-separated word of [*o, end) */
static bool word(const uint8_t *d, uint32_t *o, uint32_t end, uint32_t *wo, uint32_t *wn)
{
    while (*o < end && d[*o] == ' ') (*o)++;
    if (*o >= end) return false;
    *wo = *o;
    while (*o < end && d[*o] != ' ') (*o)++;
    *wn = *o - *wo;
    return true;
}

static void words(struct tw_pkt *p, const uint8_t *d, uint32_t o, uint32_t end, const int *fl,
                  int nf, bool last_rest)
{
    uint32_t wo, wn;
    for (int i = 0; i < nf; i++) {
        if (last_rest && i == nf - 1) {
            while (o < end && d[o] == ' ') o++;
            if (o < end) tw_add_ascii(p, HF(fl[i]), o, end - o, d + o);
            return;
        }
        if (!word(d, &o, end, &wo, &wn)) return;
        tw_add_ascii(p, HF(fl[i]), wo, wn, d + wo);
    }
}

static enum tw_status dissect(struct tw_pkt *p, struct tw_cur *c)
{
    const uint8_t *d = c->data;
    uint32_t o = c->off, end = c->off + tw_cur_avail(c);
    const char *cur = p->col_proto;
    if (p->cols_locked)
        ;
    else if (cur && strcmp(cur, "SIP") == 0)
        tw_col_proto(p, "SIP/SDP");
    else
        tw_col_proto(p, "SDP");
    bool media = false;
    struct {
        uint32_t pt_o, pt_n, mo, mn;
    } maps[16];
    uint32_t nmaps = 0;
    while (o < end) {
        const uint8_t *e = memchr(d + o, '\n', end - o);
        uint32_t ln = e ? (uint32_t)(e - (d + o)) : end - o;
        uint32_t next = e ? o + ln + 1 : end;
        uint32_t full = next - o;
        if (ln && d[o + ln - 1] == '\r') ln--;
        if (ln < 2 || d[o + 1] != '=') {
            o = next;
            continue;
        }
        uint8_t t = d[o];
        uint32_t vo = o + 2, ve = o + ln;
        int f;
        switch (t) {
        case 'v':
            f = F_VERSION;
            break;
        case 'o':
            f = F_OWNER;
            break;
        case 's':
            f = F_SESSION_NAME;
            break;
        case 'i':
            f = media ? F_MEDIA_TITLE : F_SESSION_INFO;
            break;
        case 'u':
            f = F_URI;
            break;
        case 'e':
            f = F_EMAIL;
            break;
        case 'p':
            f = F_PHONE;
            break;
        case 'c':
            f = F_CONN;
            break;
        case 'b':
            f = F_BW;
            break;
        case 't':
            f = F_TIME;
            break;
        case 'r':
            f = F_REPEAT;
            break;
        case 'z':
            f = F_TIMEZONE;
            break;
        case 'k':
            f = F_KEY;
            break;
        case 'm':
            f = F_MEDIA, media = true;
            break;
        case 'a':
            f = media ? F_MEDIA_ATTR : F_SESSION_ATTR;
            break;
        default:
            f = F_UNKNOWN;
            break;
        }
        int32_t r = tw_add_ascii(p, HF(f), o, ve - vo, d + vo);
        tw_rec_setlen(p, r, full);
        tw_tree_push(p, r);
        if (f == F_OWNER) {
            static const int fl[] = {F_OWNER_USER,    F_OWNER_SESSID,   F_OWNER_VERSION,
                                     F_OWNER_NETTYPE, F_OWNER_ADDRTYPE, F_OWNER_ADDR};
            words(p, d, vo, ve, fl, 6, false);
        } else if (f == F_CONN) {
            static const int fl[] = {F_CONN_NETTYPE, F_CONN_ADDRTYPE, F_CONN_ADDR};
            words(p, d, vo, ve, fl, 3, false);
        } else if (f == F_TIME) {
            static const int fl[] = {F_TIME_START, F_TIME_STOP};
            words(p, d, vo, ve, fl, 2, false);
        } else if (f == F_MEDIA) {
            uint32_t x = vo, wo, wn;
            if (word(d, &x, ve, &wo, &wn)) tw_add_ascii(p, HF(F_MEDIA_MEDIA), wo, wn, d + wo);
            if (word(d, &x, ve, &wo, &wn)) {
                uint32_t port = 0, k = 0;
                while (k < wn && d[wo + k] >= '0' && d[wo + k] <= '9' && port < 65536)
                    port = port * 10 + (uint32_t)(d[wo + k++] - '0');
                tw_add_uint(p, HF(F_MEDIA_PORT), wo, k, port & 0xffff);
            }
            if (word(d, &x, ve, &wo, &wn)) tw_add_ascii(p, HF(F_MEDIA_PROTO), wo, wn, d + wo);
            while (word(d, &x, ve, &wo, &wn)) {
                uint32_t pt = 0, k = 0;
                while (k < wn && k < 4 && d[wo + k] >= '0' && d[wo + k] <= '9')
                    pt = pt * 10 + (uint32_t)(d[wo + k++] - '0');
                const char *nm = k == wn && k ? tw_vs_find(tw_rtp_pt_vals, pt) : NULL;
                if (nm)
                    tw_add_strf(p, HF(F_MEDIA_FORMAT), wo, wn, "%s", nm);
                else if (k == wn && k && pt >= 96 && pt <= 127)
                    tw_add_strf(p, HF(F_MEDIA_FORMAT), wo, wn, "DynamicRTP-Type-%u", pt);
                else
                    tw_add_ascii(p, HF(F_MEDIA_FORMAT), wo, wn, d + wo);
            }
            nmaps = 0;
        } else if (f == F_MEDIA_ATTR || f == F_SESSION_ATTR) {
            const uint8_t *col = memchr(d + vo, ':', ve - vo);
            uint32_t fe = col ? (uint32_t)(col - d) : ve;
            if (f == F_MEDIA_ATTR && col) {
                tw_add_ascii(p, HF(F_ATTR_FIELD), vo, fe - vo, d + vo);
                uint32_t fl = fe - vo;
                bool rtpmap = fl == 6 && memcmp(d + vo, "rtpmap", 6) == 0;
                bool fmtp = fl == 4 && memcmp(d + vo, "fmtp", 4) == 0;
                if (rtpmap || fmtp) {
                    /* "<pt> <encoding>/<rate>[/<params>]" or "<pt> <param>[; <param>]..." */
                    uint32_t x = fe + 1, wo, wn;
                    if (word(d, &x, ve, &wo, &wn)) {
                        int32_t fr = tw_add_ascii(p, HF(F_MEDIA_FORMAT), wo, wn, d + wo);
                        while (x < ve && d[x] == ' ') x++;
                        if (rtpmap) {
                            const uint8_t *sl = memchr(d + x, '/', ve - x);
                            uint32_t me = sl ? (uint32_t)(sl - d) : ve;
                            tw_add_ascii(p, HF(F_MIME_TYPE), x, me - x, d + x);
                            if (nmaps < 16) {
                                maps[nmaps].pt_o = wo, maps[nmaps].pt_n = wn;
                                maps[nmaps].mo = x, maps[nmaps].mn = me - x;
                                nmaps++;
                            }
                            if (sl) {
                                uint32_t ro = me + 1, re = ro;
                                while (re < ve && d[re] != '/') re++;
                                tw_add_ascii(p, HF(F_SAMPLE_RATE), ro, re - ro, d + ro);
                            }
                        } else {
                            for (uint32_t m = 0; m < nmaps; m++)
                                if (maps[m].pt_n == wn &&
                                    memcmp(d + maps[m].pt_o, d + wo, wn) == 0) {
                                    tw_rec_label(p, fr, "Media Format: %.*s [%.*s]", (int)wn,
                                                 (const char *)d + wo, (int)maps[m].mn,
                                                 (const char *)d + maps[m].mo);
                                    break;
                                }
                            while (x < ve) {
                                while (x < ve && (d[x] == ' ' || d[x] == ';')) x++;
                                uint32_t po = x;
                                while (x < ve && d[x] != ';') x++;
                                uint32_t pe = x;
                                while (pe > po && d[pe - 1] == ' ') pe--;
                                if (pe > po) tw_add_ascii(p, HF(F_FMTP_PARAM), po, pe - po, d + po);
                            }
                        }
                    }
                } else if (col) {
                    tw_add_ascii(p, HF(F_ATTR_VALUE), fe + 1, ve - fe - 1, d + fe + 1);
                }
            }
        }
        tw_tree_pop(p);
        o = next;
    }
    c->off = c->end;
    return TW_OK;
}

static const struct tw_binding bindings[] = {
    {TW_TBL_MEDIA_TYPE, 0x4c703dbbu}}; /* application/sdp */

const struct tw_proto tw_proto_sdp = {
    .abbrev = "sdp",
    .name = "Session Description Protocol",
    .short_name = "SDP",
    .fields = fields,
    .nfields = F_COUNT,
    .bindings = bindings,
    .nbindings = TW_ARRAY_LEN(bindings),
    .dissect = dissect,
    .ids = &ids,
    .flags = TW_PROTO_NO_COLUMN,
};
