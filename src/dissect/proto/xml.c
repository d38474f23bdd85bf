/* eXtensible Markup Language: a body whose media type tshark 4.0's XML dissector registers
 * (text/xml, application/xml and many application/...+xml types), reached through HTTP's (and
 * other protocols') media type table. trawl shows the protocol line only (no xml.tag /
 * xml.attribute tree yet), which is what frame.protocols and -z io,phs need. XML appends "/XML"
 * to the Protocol column the carrier set ("HTTP/XML"). */
#include "../dissect.h"

#include <string.h>

static struct tw_proto_ids ids;

static enum tw_status dissect(struct tw_pkt *p, struct tw_cur *c)
{
    if (p->cols_locked) {
        c->off = c->end;
        return TW_OK;
    }
    const char *cur = p->col_proto;
    if (cur && strcmp(cur, "HTTP") == 0)
        tw_col_proto(p, "HTTP/XML");
    else if (cur && strcmp(cur, "SIP") == 0)
        tw_col_proto(p, "SIP/XML");
    else
        tw_col_proto(p, "XML");
    c->off = c->end;
    return TW_OK;
}

static const struct tw_binding bindings[] = {
    {TW_TBL_MEDIA_TYPE, 0x12648e18u}, /* text/xml */
    {TW_TBL_MEDIA_TYPE, 0x3e4bb053u}, /* application/xml */
    {TW_TBL_MEDIA_TYPE, 0x4a79b893u}, /* application/soap+xml */
    {TW_TBL_MEDIA_TYPE, 0xbbfe0a01u}, /* application/atom+xml */
    {TW_TBL_MEDIA_TYPE, 0xbe877a30u}, /* application/rss+xml */
    {TW_TBL_MEDIA_TYPE, 0x504d5110u}, /* application/rdf+xml */
    {TW_TBL_MEDIA_TYPE, 0x4c43a4ddu}, /* application/xhtml+xml */
    {TW_TBL_MEDIA_TYPE, 0xcf8ee739u}, /* application/xslt+xml */
    {TW_TBL_MEDIA_TYPE, 0x8bdeb037u}, /* application/mathml+xml */
    {TW_TBL_MEDIA_TYPE, 0x83b3a8d1u}, /* image/svg+xml */
    {TW_TBL_MEDIA_TYPE, 0x34b2814au}, /* application/xml-dtd */
    {TW_TBL_MEDIA_TYPE, 0xc3185c91u}, /* application/pidf+xml */
    {TW_TBL_MEDIA_TYPE, 0x416e4885u}, /* application/cpim-pidf+xml */
    {TW_TBL_MEDIA_TYPE, 0x3cf3b0d5u}, /* application/xpidf+xml */
    {TW_TBL_MEDIA_TYPE, 0x312efa93u}, /* application/pidf-diff+xml */
    {TW_TBL_MEDIA_TYPE, 0xfcd6a930u}, /* application/rlmi+xml */
    {TW_TBL_MEDIA_TYPE, 0x35ce851au}, /* application/reginfo+xml */
    {TW_TBL_MEDIA_TYPE, 0x82c125fcu}, /* application/watcherinfo+xml */
    {TW_TBL_MEDIA_TYPE, 0xd9f05dd3u}, /* application/dialog-info+xml */
    {TW_TBL_MEDIA_TYPE, 0x3b5d7b79u}, /* application/conference-info+xml */
    {TW_TBL_MEDIA_TYPE, 0x505bd6e8u}, /* application/resource-lists+xml */
    {TW_TBL_MEDIA_TYPE, 0x89ba4146u}, /* application/rls-services+xml */
    {TW_TBL_MEDIA_TYPE, 0x2a409778u}, /* application/pres-rules+xml */
    {TW_TBL_MEDIA_TYPE, 0x5340998fu}, /* application/auth-policy+xml */
    {TW_TBL_MEDIA_TYPE, 0x9feddea7u}, /* application/simple-filter+xml */
    {TW_TBL_MEDIA_TYPE, 0xe0881ee4u}, /* application/im-iscomposing+xml */
    {TW_TBL_MEDIA_TYPE, 0x21d47f86u}, /* application/xcap-att+xml */
    {TW_TBL_MEDIA_TYPE, 0xe2b674aau}, /* application/xcap-caps+xml */
    {TW_TBL_MEDIA_TYPE, 0xecde69c0u}, /* application/xcap-diff+xml */
    {TW_TBL_MEDIA_TYPE, 0x30066996u}, /* application/xcap-el+xml */
    {TW_TBL_MEDIA_TYPE, 0x0107951bu}, /* application/xcap-error+xml */
    {TW_TBL_MEDIA_TYPE, 0x083289fcu}, /* application/xcap-ns+xml */
    {TW_TBL_MEDIA_TYPE, 0x65d5bdb9u}, /* application/cpl+xml */
    {TW_TBL_MEDIA_TYPE, 0x91ebf96bu}, /* application/ccmp+xml */
    {TW_TBL_MEDIA_TYPE, 0x57a11f20u}, /* application/3gpp-ims+xml */
    {TW_TBL_MEDIA_TYPE, 0xb2d9afdeu}, /* application/media_control+xml */
    {TW_TBL_MEDIA_TYPE, 0x9f181cf7u}, /* application/vnd.wv.csp+xml */
    {TW_TBL_MEDIA_TYPE, 0x36ca6e3au}, /* application/vnd.wv.csp.xml */
    {TW_TBL_MEDIA_TYPE, 0xcc1fdc19u}, /* text/vnd.wap.wml */
    {TW_TBL_MEDIA_TYPE, 0x9d36aa8eu}, /* application/x-crd+xml */
    {TW_TBL_MEDIA_TYPE, 0x703fd6d2u}, /* application/wsdl+xml */
    {TW_TBL_MEDIA_TYPE, 0x01c6842bu}, /* application/smil */
    {TW_TBL_MEDIA_TYPE, 0xe262c90fu}, /* application/vnd.oma.drm.roap-trigger+xml */
    {TW_TBL_MEDIA_TYPE, 0xdcf0b614u}, /* application/poc-settings+xml */
    {TW_TBL_MEDIA_TYPE, 0x3b2c2545u}, /* application/vnd.oma.poc.groups+xml */
};

const struct tw_proto tw_proto_xml = {
    .abbrev = "xml",
    .name = "eXtensible Markup Language",
    .short_name = "XML",
    .bindings = bindings,
    .nbindings = TW_ARRAY_LEN(bindings),
    .dissect = dissect,
    .ids = &ids,
    .flags = TW_PROTO_NO_COLUMN,
};
