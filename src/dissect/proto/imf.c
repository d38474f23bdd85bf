/* Internet Message Format (RFC 5322), the media type message/rfc822, as tshark 4.0 shows it: a
 * message SMTP reassembled from its DATA phase. Each header field is an item named by its
 * (case-insensitive) name, an unknown one an "Unknown-Extension"; address fields are split into
 * items, mailboxes into display name and address. The body goes to the protocol of the
 * Content-Type (when it carries parameters, as tshark reads it; base64 decoded first), or is
 * shown line by line as Message-Text. Info lists From and Subject, then the text's lines. */
#include "../dissect.h"
#include "textline.h"

#include <string.h>

static struct tw_proto_ids ids;

enum {
    F_DATE,
    F_FROM,
    F_SENDER,
    F_REPLY_TO,
    F_TO,
    F_CC,
    F_BCC,
    F_MESSAGE_ID,
    F_IN_REPLY_TO,
    F_REFERENCES,
    F_SUBJECT,
    F_COMMENTS,
    F_USER_AGENT,
    F_KEYWORDS,
    F_RESENT_DATE,
    F_RESENT_FROM,
    F_RESENT_SENDER,
    F_RESENT_TO,
    F_RESENT_CC,
    F_RESENT_BCC,
    F_RESENT_MESSAGE_ID,
    F_RETURN_PATH,
    F_RECEIVED,
    F_CONTENT_TYPE,
    F_CONTENT_TYPE_TYPE,
    F_CONTENT_TYPE_PARAMETERS,
    F_CONTENT_DESCRIPTION,
    F_CONTENT_ID,
    F_CONTENT_TRANSFER_ENCODING,
    F_MIME_VERSION,
    F_AUTOFORWARDED,
    F_AUTOSUBMITTED,
    F_X400_CONTENT_IDENTIFIER,
    F_CONTENT_LANGUAGE,
    F_CONVERSION,
    F_CONVERSION_WITH_LOSS,
    F_DELIVERY_DATE,
    F_DISCARDED_X400_IPMS_EXTENSIONS,
    F_DISCARDED_X400_MTS_EXTENSIONS,
    F_DL_EXPANSION_HISTORY,
    F_DEFERRED_DELIVERY,
    F_EXPIRES,
    F_IMPORTANCE,
    F_INCOMPLETE_COPY,
    F_LATEST_DELIVERY_TIME,
    F_MESSAGE_TYPE,
    F_ORIGINAL_ENCODED_INFORMATION_TYPES,
    F_ORIGINATOR_RETURN_ADDRESS,
    F_PRIORITY,
    F_REPLY_BY,
    F_SENSITIVITY,
    F_SUPERSEDES,
    F_X400_CONTENT_TYPE,
    F_X400_MTS_IDENTIFIER,
    F_X400_ORIGINATOR,
    F_X400_RECEIVED,
    F_X400_RECIPIENTS,
    F_DELIVERED_TO,
    F_EXT_MAILER,
    F_EXT_MIMEOLE,
    F_EXT_EXPIRY_DATE,
    F_EXT_TNEF_CORRELATOR,
    F_EXT_UIDL,
    F_EXT_AUTHENTICATION_WARNING,
    F_EXT_VIRUS_SCANNED,
    F_EXT_ORIGINAL_TO,
    F_THREAD_INDEX,
    F_LINES,
    F_PRECEDENCE,
    F_EXTENSION,
    F_EXTENSION_TYPE,
    F_EXTENSION_VALUE,
    F_DISPLAY_NAME,
    F_ADDRESS,
    F_ADDRESS_LIST_ITEM,
    F_MAILBOX_LIST_ITEM,
    F_SIOLABEL,
    F_MESSAGE_TEXT,
    F_COUNT
};

#define S(abbrev, name)                                                                            \
    {                                                                                              \
        abbrev, name, TW_FT_STRING                                                                 \
    }
static const struct tw_field_def fields[F_COUNT] = {
    [F_DATE] = {"imf.date", "Date", TW_FT_STRING, 0, 0, NULL, NULL, NULL, "DateTime"},
    [F_FROM] = {"imf.from", "From", TW_FT_STRING, 0, 0, NULL, NULL, NULL, "MailboxList"},
    [F_SENDER] = S("imf.sender", "Sender"),
    [F_REPLY_TO] = S("imf.reply_to", "Reply-To"),
    [F_TO] = S("imf.to", "To"),
    [F_CC] = S("imf.cc", "Cc"),
    [F_BCC] = S("imf.bcc", "Bcc"),
    [F_MESSAGE_ID] = S("imf.message_id", "Message-ID"),
    [F_IN_REPLY_TO] = S("imf.in_reply_to", "In-Reply-To"),
    [F_REFERENCES] = S("imf.references", "References"),
    [F_SUBJECT] = S("imf.subject", "Subject"),
    [F_COMMENTS] = S("imf.comments", "Comments"),
    [F_USER_AGENT] = S("imf.user_agent", "User-Agent"),
    [F_KEYWORDS] = S("imf.keywords", "Keywords"),
    [F_RESENT_DATE] = S("imf.resent.date", "Resent-Date"),
    [F_RESENT_FROM] = S("imf.resent.from", "Resent-From"),
    [F_RESENT_SENDER] = S("imf.resent.sender", "Resent-Sender"),
    [F_RESENT_TO] = S("imf.resent.to", "Resent-To"),
    [F_RESENT_CC] = S("imf.resent.cc", "Resent-Cc"),
    [F_RESENT_BCC] = S("imf.resent.bcc", "Resent-Bcc"),
    [F_RESENT_MESSAGE_ID] = S("imf.resent.message_id", "Resent-Message-ID"),
    [F_RETURN_PATH] = S("imf.return_path", "Return-Path"),
    [F_RECEIVED] = S("imf.received", "Received"),
    [F_CONTENT_TYPE] = S("imf.content.type", "Content-Type"),
    [F_CONTENT_TYPE_TYPE] = S("imf.content.type.type", "Type"),
    [F_CONTENT_TYPE_PARAMETERS] = S("imf.content.type.parameters", "Parameters"),
    [F_CONTENT_DESCRIPTION] = S("imf.content.description", "Content-Description"),
    [F_CONTENT_ID] = S("imf.content.id", "Content-ID"),
    [F_CONTENT_TRANSFER_ENCODING] = S("imf.content.transfer_encoding", "Content-Transfer-Encoding"),
    [F_MIME_VERSION] = S("imf.mime_version", "MIME-Version"),
    [F_AUTOFORWARDED] = S("imf.autoforwarded", "Autoforwarded"),
    [F_AUTOSUBMITTED] = S("imf.autosubmitted", "Autosubmitted"),
    [F_X400_CONTENT_IDENTIFIER] = S("imf.x400_content_identifier", "X400-Content-Identifier"),
    [F_CONTENT_LANGUAGE] = S("imf.content_language", "Content-Language"),
    [F_CONVERSION] = S("imf.conversion", "Conversion"),
    [F_CONVERSION_WITH_LOSS] = S("imf.conversion_with_loss", "Conversion-With-Loss"),
    [F_DELIVERY_DATE] = S("imf.delivery_date", "Delivery-Date"),
    [F_DISCARDED_X400_IPMS_EXTENSIONS] =
        S("imf.discarded_x400_ipms_extensions", "Discarded-X400-IPMS-Extensions"),
    [F_DISCARDED_X400_MTS_EXTENSIONS] =
        S("imf.discarded_x400_mts_extensions", "Discarded-X400-MTS-Extensions"),
    [F_DL_EXPANSION_HISTORY] = S("imf.dl_expansion_history", "DL-Expansion-History"),
    [F_DEFERRED_DELIVERY] = S("imf.deferred_delivery", "Deferred-Delivery"),
    [F_EXPIRES] = S("imf.expires", "Expires"),
    [F_IMPORTANCE] = S("imf.importance", "Importance"),
    [F_INCOMPLETE_COPY] = S("imf.incomplete_copy", "Incomplete-Copy"),
    [F_LATEST_DELIVERY_TIME] = S("imf.latest_delivery_time", "Latest-Delivery-Time"),
    [F_MESSAGE_TYPE] = S("imf.message_type", "Message-Type"),
    [F_ORIGINAL_ENCODED_INFORMATION_TYPES] =
        S("imf.original_encoded_information_types", "Original-Encoded-Information-Types"),
    [F_ORIGINATOR_RETURN_ADDRESS] = S("imf.originator_return_address", "Originator-Return-Address"),
    [F_PRIORITY] = S("imf.priority", "Priority"),
    [F_REPLY_BY] = S("imf.reply_by", "Reply-By"),
    [F_SENSITIVITY] = S("imf.sensitivity", "Sensitivity"),
    [F_SUPERSEDES] = S("imf.supersedes", "Supersedes"),
    [F_X400_CONTENT_TYPE] = S("imf.x400_content_type", "X400-Content-Type"),
    [F_X400_MTS_IDENTIFIER] = S("imf.x400_mts_identifier", "X400-MTS-Identifier"),
    [F_X400_ORIGINATOR] = S("imf.x400_originator", "X400-Originator"),
    [F_X400_RECEIVED] = S("imf.x400_received", "X400-Received"),
    [F_X400_RECIPIENTS] = S("imf.x400_recipients", "X400-Recipients"),
    [F_DELIVERED_TO] = S("imf.delivered_to", "Delivered-To"),
    [F_EXT_MAILER] = S("imf.ext.mailer", "X-Mailer"),
    [F_EXT_MIMEOLE] = S("imf.ext.mimeole", "X-MimeOLE"),
    [F_EXT_EXPIRY_DATE] = S("imf.ext.expiry-date", "Expiry-Date"),
    [F_EXT_TNEF_CORRELATOR] = S("imf.ext.tnef-correlator", "X-MS-TNEF-Correlator"),
    [F_EXT_UIDL] = S("imf.ext.uidl", "X-UIDL"),
    [F_EXT_AUTHENTICATION_WARNING] =
        S("imf.ext.authentication_warning", "X-Authentication-Warning"),
    [F_EXT_VIRUS_SCANNED] = S("imf.ext.virus_scanned", "X-Virus-Scanned"),
    [F_EXT_ORIGINAL_TO] = S("imf.ext.original-to", "X-Original-To"),
    [F_THREAD_INDEX] = S("imf.thread-index", "Thread-Index"),
    [F_LINES] = S("imf.lines", "Lines"),
    [F_PRECEDENCE] = S("imf.precedence", "Precedence"),
    [F_EXTENSION] = S("imf.extension", "Unknown-Extension"),
    [F_EXTENSION_TYPE] = S("imf.extension.type", "Type"),
    [F_EXTENSION_VALUE] = S("imf.extension.value", "Value"),
    [F_DISPLAY_NAME] = S("imf.display_name", "Display-Name"),
    [F_ADDRESS] = S("imf.address", "Address"),
    [F_ADDRESS_LIST_ITEM] = S("imf.address_list.item", "Item"),
    [F_MAILBOX_LIST_ITEM] = S("imf.mailbox_list.item", "Item"),
    [F_SIOLABEL] = {"imf.siolabel", "SIO-Label", TW_FT_NONE},
    [F_MESSAGE_TEXT] = {"imf.message_text", "Message-Text", TW_FT_NONE},
};
#undef S
#define HF(x)        ((uint16_t)(ids.base + (x)))
#define MEDIA_RFC822 0xf1af421au /* tw_media_key("message/rfc822") */

enum { SUB_NONE, SUB_MAILBOX, SUB_MAILBOX_LIST, SUB_ADDRESS_LIST };
struct hdr {
    const char *name; /* lower case */
    uint16_t f;
    uint8_t sub;
    bool info;
};
static const struct hdr hdrs[] = {
    {"date", F_DATE, SUB_NONE, false},
    {"from", F_FROM, SUB_MAILBOX_LIST, true},
    {"sender", F_SENDER, SUB_MAILBOX, false},
    {"reply-to", F_REPLY_TO, SUB_ADDRESS_LIST, false},
    {"to", F_TO, SUB_ADDRESS_LIST, false},
    {"cc", F_CC, SUB_ADDRESS_LIST, false},
    {"bcc", F_BCC, SUB_ADDRESS_LIST, false},
    {"message-id", F_MESSAGE_ID, SUB_NONE, false},
    {"in-reply-to", F_IN_REPLY_TO, SUB_NONE, false},
    {"references", F_REFERENCES, SUB_NONE, false},
    {"subject", F_SUBJECT, SUB_NONE, true},
    {"comments", F_COMMENTS, SUB_NONE, false},
    {"user-agent", F_USER_AGENT, SUB_NONE, false},
    {"keywords", F_KEYWORDS, SUB_NONE, false},
    {"resent-date", F_RESENT_DATE, SUB_NONE, false},
    {"resent-from", F_RESENT_FROM, SUB_MAILBOX_LIST, false},
    {"resent-sender", F_RESENT_SENDER, SUB_MAILBOX, false},
    {"resent-to", F_RESENT_TO, SUB_ADDRESS_LIST, false},
    {"resent-cc", F_RESENT_CC, SUB_ADDRESS_LIST, false},
    {"resent-bcc", F_RESENT_BCC, SUB_ADDRESS_LIST, false},
    {"resent-message-id", F_RESENT_MESSAGE_ID, SUB_NONE, false},
    {"return-path", F_RETURN_PATH, SUB_NONE, false},
    {"received", F_RECEIVED, SUB_NONE, false},
    {"content-type", F_CONTENT_TYPE, SUB_NONE, false},
    {"content-id", F_CONTENT_ID, SUB_NONE, false},
    {"content-description", F_CONTENT_DESCRIPTION, SUB_NONE, false},
    {"content-transfer-encoding", F_CONTENT_TRANSFER_ENCODING, SUB_NONE, false},
    {"mime-version", F_MIME_VERSION, SUB_NONE, false},
    {"autoforwarded", F_AUTOFORWARDED, SUB_NONE, false},
    {"autosubmitted", F_AUTOSUBMITTED, SUB_NONE, false},
    {"x400-content-identifier", F_X400_CONTENT_IDENTIFIER, SUB_NONE, false},
    {"content-language", F_CONTENT_LANGUAGE, SUB_NONE, false},
    {"conversion", F_CONVERSION, SUB_NONE, false},
    {"conversion-with-loss", F_CONVERSION_WITH_LOSS, SUB_NONE, false},
    {"delivery-date", F_DELIVERY_DATE, SUB_NONE, false},
    {"discarded-x400-ipms-extensions", F_DISCARDED_X400_IPMS_EXTENSIONS, SUB_NONE, false},
    {"discarded-x400-mts-extensions", F_DISCARDED_X400_MTS_EXTENSIONS, SUB_NONE, false},
    {"dl-expansion-history", F_DL_EXPANSION_HISTORY, SUB_NONE, false},
    {"deferred-delivery", F_DEFERRED_DELIVERY, SUB_NONE, false},
    {"expires", F_EXPIRES, SUB_NONE, false},
    {"importance", F_IMPORTANCE, SUB_NONE, false},
    {"incomplete-copy", F_INCOMPLETE_COPY, SUB_NONE, false},
    {"latest-delivery-time", F_LATEST_DELIVERY_TIME, SUB_NONE, false},
    {"message-type", F_MESSAGE_TYPE, SUB_NONE, false},
    {"original-encoded-information-types", F_ORIGINAL_ENCODED_INFORMATION_TYPES, SUB_NONE, false},
    {"originator-return-address", F_ORIGINATOR_RETURN_ADDRESS, SUB_NONE, false},
    {"priority", F_PRIORITY, SUB_NONE, false},
    {"reply-by", F_REPLY_BY, SUB_NONE, false},
    {"sensitivity", F_SENSITIVITY, SUB_NONE, false},
    {"supersedes", F_SUPERSEDES, SUB_NONE, false},
    {"x400-content-type", F_X400_CONTENT_TYPE, SUB_NONE, false},
    {"x400-mts-identifier", F_X400_MTS_IDENTIFIER, SUB_NONE, false},
    {"x400-originator", F_X400_ORIGINATOR, SUB_NONE, false},
    {"x400-received", F_X400_RECEIVED, SUB_NONE, false},
    {"x400-recipients", F_X400_RECIPIENTS, SUB_NONE, false},
    {"delivered-to", F_DELIVERED_TO, SUB_MAILBOX, false},
    {"x-mailer", F_EXT_MAILER, SUB_NONE, false},
    {"thread-index", F_THREAD_INDEX, SUB_NONE, false},
    {"x-mimeole", F_EXT_MIMEOLE, SUB_NONE, false},
    {"expiry-date", F_EXT_EXPIRY_DATE, SUB_NONE, false},
    {"x-ms-tnef-correlator", F_EXT_TNEF_CORRELATOR, SUB_NONE, false},
    {"x-uidl", F_EXT_UIDL, SUB_NONE, false},
    {"x-authentication-warning", F_EXT_AUTHENTICATION_WARNING, SUB_NONE, false},
    {"x-virus-scanned", F_EXT_VIRUS_SCANNED, SUB_NONE, false},
    {"x-original-to", F_EXT_ORIGINAL_TO, SUB_NONE, false},
    {"lines", F_LINES, SUB_NONE, false},
    {"precedence", F_PRECEDENCE, SUB_NONE, false},
    {"sio-label", F_SIOLABEL, SUB_NONE, false},
};

static const struct hdr *hdr_find(const uint8_t *k, uint32_t n)
{
    for (size_t i = 0; i < TW_ARRAY_LEN(hdrs); i++)
        if (strlen(hdrs[i].name) == n && tl_ieq(k, hdrs[i].name, n)) return &hdrs[i];
    return NULL;
}

static int64_t find_u8(const uint8_t *d, uint32_t off, int64_t len, uint8_t ch)
{
    for (int64_t i = 0; i < len; i++)
        if (d[off + i] == ch) return off + i;
    return -1;
}

static int32_t add_str(struct tw_pkt *p, uint16_t hf, const uint8_t *d, int64_t off, int64_t len)
{
    if (len < 0) len = 0;
    return tw_add_ascii(p, hf, (uint32_t)off, (uint32_t)len, d + off);
}

static void mailbox(struct tw_pkt *p, const uint8_t *d, uint32_t off, uint32_t len, int32_t item)
{
    tw_tree_push(p, item);
    int64_t a = find_u8(d, off, len, '<');
    if (a < 0) {
        add_str(p, HF(F_ADDRESS), d, off, len);
    } else {
        uint32_t o = off;
        while (o < (uint32_t)a && tl_isspace(d[o])) o++;
        if (o != (uint32_t)a) add_str(p, HF(F_DISPLAY_NAME), d, o, a - o - 1);
        int64_t e = find_u8(d, (uint32_t)a + 1, (int64_t)len - (a + 1 - off), '>');
        if (e >= 0) add_str(p, HF(F_ADDRESS), d, a + 1, e - a - 1);
    }
    tw_tree_pop(p);
}

static void list(struct tw_pkt *p, const uint8_t *d, uint32_t off, uint32_t len, int32_t item,
                 bool addresses, const char *label_name);

static void address(struct tw_pkt *p, const uint8_t *d, uint32_t off, uint32_t len, int32_t item)
{
    int64_t a = find_u8(d, off, len, ':');
    if (a < 0) {
        mailbox(p, d, off, len, item);
        return;
    }
    tw_tree_push(p, item);
    int32_t g = add_str(p, HF(F_DISPLAY_NAME), d, off, a - off - 1);
    uint32_t o = (uint32_t)a + 1;
    while (o < off + len && tl_isspace(d[o])) o++;
    if (o < off + len && d[o] != ';') list(p, d, o, len - (o - off), g, false, "Display-Name");
    tw_tree_pop(p);
}

static void list(struct tw_pkt *p, const uint8_t *d, uint32_t off, uint32_t len, int32_t item,
                 bool addresses, const char *label_name)
{
    tw_tree_push(p, item);
    uint32_t io = off, count = 0;
    int64_t e;
    do {
        e = find_u8(d, io, (int64_t)len - (io - off), ',');
        count++;
        uint32_t il = e < 0 ? len - (io - off) : (uint32_t)e - io;
        int32_t r =
            add_str(p, HF(addresses ? F_ADDRESS_LIST_ITEM : F_MAILBOX_LIST_ITEM), d, io, il);
        if (addresses)
            address(p, d, io, il, r);
        else
            mailbox(p, d, io, il, r);
        if (e >= 0) io = (uint32_t)e + 1;
    } while (e >= 0);
    tw_tree_pop(p);
    if (item >= 0 && tw_want_labels(p)) {
        const struct tw_rec *rc = &p->recs[item];
        tw_rec_label(p, item, "%s: %s, %u item%s", label_name,
                     tl_fmt(p, rc->v.b.p, rc->v.b.n, false), count, count == 1 ? "" : "s");
    }
}

/* imf_find_field_end(): where the field from off ends (after its CR LF, continuation lines
 * included), -1 without one; *last when the blank line that ends the header follows */
static int64_t field_end(const uint8_t *d, int64_t off, int64_t max, bool *last)
{
    while (off < max) {
        int64_t cr = find_u8(d, (uint32_t)off, max - off, '\r');
        if (cr < 0) break;
        off = cr + 1;
        if (off < max && d[off] == '\n') {
            if (++off >= max) {
                if (last) *last = true;
                return off - 2;
            }
            switch (d[off]) {
            case '\r':
                if (off + 1 < max && d[off + 1] == '\n' && last) *last = true;
                return off;
            case ' ':
            case '\t':
                break;
            default:
                return off;
            }
        }
    }
    return -1;
}

/* col_append_str(): Info holds at most 4095 characters in tshark, the rest is cut */
static void info_cat(struct tw_pkt *p, const char *s)
{
    if (!p->want_cols || p->cols_locked) return;
    size_t n = strlen(s), room = p->info.len < 4095 ? 4095 - p->info.len : 0;
    if (n > room) n = room;
    if (n) tw_info_addn(p, s, n);
}

static const uint8_t *b64_decode(struct tw_pkt *p, const uint8_t *s, uint32_t n, uint32_t *out)
{
    uint8_t *o = tw_arena_alloc(p->arena, n / 4 * 3 + 3);
    if (!o) return NULL;
    uint32_t k = 0, acc = 0, bits = 0;
    for (uint32_t i = 0; i < n && s[i]; i++) {
        uint8_t c = s[i];
        int v;
        if (c >= 'A' && c <= 'Z')
            v = c - 'A';
        else if (c >= 'a' && c <= 'z')
            v = c - 'a' + 26;
        else if (c >= '0' && c <= '9')
            v = c - '0' + 52;
        else if (c == '+')
            v = 62;
        else if (c == '/')
            v = 63;
        else if (c == '=')
            break;
        else
            continue;
        acc = acc << 6 | (uint32_t)v;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            o[k++] = (uint8_t)(acc >> bits);
        }
    }
    *out = k;
    return o;
}

static enum tw_status dissect_imf(struct tw_pkt *p, struct tw_cur *c)
{
    const uint8_t *d = c->data;
    const int64_t base = c->off, max = TW_MIN(c->end, c->cap);
    if (p->want_cols && !p->cols_locked && p->col_proto && !p->col_proto_fixed) {
        size_t n = strlen(p->col_proto);
        char *s = tw_arena_alloc(p->arena, n + 5);
        if (s) {
            memcpy(s, p->col_proto, n);
            memcpy(s + n, "/IMF", 5);
            tw_col_proto(p, s);
        }
    } else {
        tw_col_proto(p, "IMF");
    }
    tw_info_clear(p);
    int64_t start = base, end = 0, unknown = 0;
    bool last = false;
    const uint8_t *ctype = NULL, *cenc = NULL;
    uint32_t ctype_n = 0, cenc_n = 0;
    while (!last) {
        int64_t colon = find_u8(d, (uint32_t)start, max - start, ':');
        if (colon < 0) {
            end = -1;
            break;
        }
        const struct hdr *h = hdr_find(d + start, (uint32_t)(colon - start));
        if (!h) unknown = start;
        start = colon + 1;
        end = field_end(d, start, max, &last);
        if (end < 0) break;
        int64_t v = start;
        while (v < end && tl_isspace(d[v])) v++;
        if (v == end) v = start;
        int32_t item;
        if (!h) {
            item = add_str(p, HF(F_EXTENSION), d, unknown, end - unknown - 2);
            if (item >= 0 && tw_want_labels(p)) {
                const struct tw_rec *rc = &p->recs[item];
                tw_rec_label(p, item,
                             "Unknown-Extension: %s (Contact Wireshark developers if you want this "
                             "supported.)",
                             tl_fmt(p, rc->v.b.p, rc->v.b.n, false));
            }
            tw_tree_push(p, item);
            add_str(p, HF(F_EXTENSION_TYPE), d, unknown, start - 1 - unknown);
            add_str(p, HF(F_EXTENSION_VALUE), d, v, end - v - 2);
            tw_tree_pop(p);
        } else if (h->f == F_SIOLABEL) {
            item = tw_want(p, HF(F_SIOLABEL))
                       ? tw_add_rec(p, HF(F_SIOLABEL), (uint32_t)v, (uint32_t)(end - v - 2))
                       : -1;
        } else {
            /* the tree needs the item for sub-items even when the field itself is not wanted */
            item = add_str(p, HF(h->f), d, v, end - v - 2);
        }
        if (h && h->info)
            tw_info_printf(p, "%s: %s, ", h->name,
                           tl_fmt(p, d + v, (uint32_t)(end - v - 2), false));
        if (h && h->f == F_CONTENT_TYPE) {
            /* dissect_imf_content_type(): type and parameters when a ';' follows the type */
            int64_t o = start, len = end - start;
            for (int64_t i = 0; i < len; i++)
                if (!tl_isspace(d[o + i])) {
                    o += i;
                    break;
                }
            int64_t semi = find_u8(d, (uint32_t)o, TW_MIN(len, max - o), ';');
            if (semi >= 0) {
                tw_tree_push(p, item);
                add_str(p, HF(F_CONTENT_TYPE_TYPE), d, o, semi - o);
                ctype = d + o;
                ctype_n = (uint32_t)(semi - o);
                int64_t fe = field_end(d, semi + 1, o + len, NULL);
                if (fe >= 0) add_str(p, HF(F_CONTENT_TYPE_PARAMETERS), d, semi + 1, fe - semi - 3);
                tw_tree_pop(p);
            }
        } else if (h && h->f == F_CONTENT_TRANSFER_ENCODING) {
            cenc = d + v;
            cenc_n = (uint32_t)(end - v - 2);
        } else if (h && h->sub == SUB_MAILBOX) {
            mailbox(p, d, (uint32_t)v, (uint32_t)(end - v), item);
        } else if (h && h->sub != SUB_NONE) {
            list(p, d, (uint32_t)v, (uint32_t)(end - v), item, h->sub == SUB_ADDRESS_LIST,
                 fields[h->f].name);
        }
        start = end;
    }
    if (last) end += 2;
    if (end < 0) end = base;
    if (ctype) {
        tw_info_fence(p);
        char *name = tw_arena_alloc(p->arena, ctype_n + 1);
        uint32_t key = tw_media_key((const char *)ctype, ctype_n);
        if (name) {
            memcpy(name, ctype, ctype_n);
            name[ctype_n] = 0;
        }
        struct tw_cur body;
        if (cenc && cenc_n >= 6 && tl_ieq(cenc, "base64", 6)) {
            uint32_t bn = 0;
            const uint8_t *b = b64_decode(p, d + end, (uint32_t)(max - end), &bn);
            char *sn = tw_arena_alloc(p->arena, cenc_n + 1);
            if (sn) {
                memcpy(sn, cenc, cenc_n);
                sn[cenc_n] = 0;
            }
            body = tw_new_source(p, b ? b : d, b ? bn : 0, sn ? sn : "base64");
        } else {
            body = *c;
            body.off = (uint32_t)end;
        }
        if (tw_dispatch_find(TW_TBL_MEDIA_TYPE, key) >= 0) {
            const char *saved = tw_media_name_swap(name);
            uint32_t first = p->nlayers;
            tw_dissect_here(p, TW_TBL_MEDIA_TYPE, 1, &key, body);
            tw_media_name_swap(saved);
            /* an empty body is shown, but tshark does not list its protocol */
            if (body.off >= body.end)
                for (uint32_t i = first; i < p->nlayers; i++) p->layers[i].hidden = true;
        }
    } else {
        int32_t item = -1;
        if (tw_want(p, HF(F_MESSAGE_TEXT)))
            item = tw_add_rec(p, HF(F_MESSAGE_TEXT), (uint32_t)end, (uint32_t)(c->end - end));
        tw_tree_push(p, item);
        uint32_t o = (uint32_t)end, next;
        while (o < max) {
            tl_line_end(d, o, (uint32_t)max, &next, false);
            if (p->want_all || p->want_cols) {
                const char *t = tl_fmt(p, d + o, next - o, true);
                tw_add_text(p, o, next - o, "%s", t);
                if (p->want_cols && !p->cols_locked) {
                    if (p->info.len) info_cat(p, ", ");
                    info_cat(p, t);
                }
            }
            o = next;
        }
        tw_tree_pop(p);
    }
    c->off = c->end;
    return TW_OK;
}

static const struct tw_binding bindings[] = {
    {TW_TBL_MEDIA_TYPE, MEDIA_RFC822}, /* message/rfc822 */
};

const struct tw_proto tw_proto_imf = {
    .abbrev = "imf",
    .name = "Internet Message Format",
    .short_name = "IMF",
    .fields = fields,
    .nfields = F_COUNT,
    .bindings = bindings,
    .nbindings = TW_ARRAY_LEN(bindings),
    .dissect = dissect_imf,
    .ids = &ids,
    .flags = TW_PROTO_NO_COLUMN,
};
