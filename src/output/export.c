/* Exported objects: --export-objects PROTO,DIR writes every object a dissector hands over
 * (tw_export_object: HTTP bodies, TLS certificates, FTP-DATA files) into DIR with tshark 4.0's
 * file names; -z export,PROTO prints the list of them (packet, hostname, content type, size,
 * file name) after the packets. Both are -z modules reading the TW_TAP_EO_* taps; the two forms
 * for one PROTO share one state, so the list shows the names the files were written under.
 *
 * Naming, as tshark's ui/cli/tap-exportobject.c and epan/export_object.c: the dissector's name
 * (HTTP: the request URI's last component), or "object<frame>[.<content type>]" without one;
 * characters Windows forbids and control bytes become %xx; a name longer than 255 bytes, or one
 * that already exists in DIR, is cut and numbered "name(1).ext", "name(2).ext"... keeping the
 * extension, up to 999 (tshark's gui.max_export_objects), after which the last name is
 * overwritten. Files are written as objects arrive (tshark keeps them all in memory and writes
 * at the end; the names come out the same). Layout of the list: docs/export-objects.md. */
#include "output.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAXFILELEN 255  /* tshark's EXPORT_OBJECT_MAXFILELEN */
#define MAX_DUPS   1000 /* tshark's gui.max_export_objects default */
#define PATH_ROOM  4096

static const struct {
    const char *name;
    enum tw_tap_id kind;
} kinds[] = {
    {"ftp-data", TW_TAP_EO_FTP_DATA},
    {"http", TW_TAP_EO_HTTP},
    {"tls", TW_TAP_EO_TLS},
};

struct row {
    uint32_t frame;
    uint64_t size;
    char *host, *ctype, *name;
};

/* one per kind and run, shared by --export-objects and -z export */
struct eo {
    enum tw_tap_id kind;
    const char *proto;
    uint32_t refs;
    char *dir; /* NULL: list only */
    bool dir_made, dir_failed;
    bool table;
    bool once; /* tls: an object whose name was given before is the same certificate: skip */
    /* names given in this run (open addressing, strings owned) */
    char **names;
    uint32_t nnames, nslots;
    struct row *rows;
    uint32_t nrows, caprows;
    uint64_t nwritten, nfailed;
    /* objects made of parts (FTP-DATA), held until the end of the run, in order of first part */
    struct part_obj *parts;
    uint32_t nparts, capparts;
    uint64_t parts_held, parts_dropped;
};

#define PARTS_HELD_MAX ((uint64_t)512 << 20) /* bytes held for objects made of parts */
struct part_obj {
    uint32_t key, frame;
    char *host, *ctype, *name;
    uint8_t *buf;
    size_t len, cap;
};

struct handle {
    struct eo *eo;
    bool primary; /* the handle that reads the taps */
    bool table;   /* the handle that prints the list */
};

static struct eo *by_kind[TW_TAP_COUNT];

static uint32_t hash_str(const char *s)
{
    uint32_t h = 2166136261u;
    for (; *s; s++) h = (h ^ (uint8_t)*s) * 16777619u;
    return h;
}

static bool name_seen(const struct eo *e, const char *s)
{
    if (!e->nslots) return false;
    for (uint32_t i = hash_str(s) & (e->nslots - 1);; i = (i + 1) & (e->nslots - 1)) {
        if (!e->names[i]) return false;
        if (strcmp(e->names[i], s) == 0) return true;
    }
}

static void name_add(struct eo *e, const char *s)
{
    if ((e->nnames + 1) * 2 > e->nslots) {
        uint32_t ns = e->nslots ? e->nslots * 2 : 256;
        char **nv = calloc(ns, sizeof *nv);
        if (!nv) return;
        for (uint32_t i = 0; i < e->nslots; i++) {
            if (!e->names[i]) continue;
            uint32_t j = hash_str(e->names[i]) & (ns - 1);
            while (nv[j]) j = (j + 1) & (ns - 1);
            nv[j] = e->names[i];
        }
        free(e->names);
        e->names = nv;
        e->nslots = ns;
    }
    char *d = strdup(s);
    if (!d) return;
    uint32_t j = hash_str(s) & (e->nslots - 1);
    while (e->names[j]) j = (j + 1) & (e->nslots - 1);
    e->names[j] = d;
    e->nnames++;
}

/* ---- tshark's names: eo_massage_str() and eo_rename() ---- */

struct name {
    char s[MAXFILELEN * 3 + 64];
    size_t n;
};

static void name_cut(struct name *nm, size_t n)
{
    if (n < nm->n) nm->n = n;
    nm->s[nm->n] = 0;
}

static void name_app(struct name *nm, const char *s, size_t n)
{
    if (n > sizeof nm->s - 1 - nm->n) n = sizeof nm->s - 1 - nm->n;
    memcpy(nm->s + nm->n, s, n);
    nm->n += n;
    nm->s[nm->n] = 0;
}

/* "(dupn)" before the extension (the last '.' on), cutting the name so that all of it fits in
 * MAXFILELEN bytes; an extension too long to keep is treated as part of the name */
static void name_rename(struct name *nm, int dupn)
{
    char tag[16] = "";
    if (dupn) snprintf(tag, sizeof tag, "(%d)", dupn);
    size_t tl = strlen(tag);
    const char *dot = strrchr(nm->s, '.');
    if (dot && (size_t)(nm->s + nm->n - dot) + tl < MAXFILELEN) {
        char ext[sizeof nm->s];
        size_t el = (size_t)(nm->s + nm->n - dot);
        memcpy(ext, dot, el);
        name_cut(nm, nm->n - el);
        if (nm->n >= MAXFILELEN - (tl + el)) name_cut(nm, MAXFILELEN - (tl + el));
        name_app(nm, tag, tl);
        name_app(nm, ext, el);
    } else {
        if (nm->n >= MAXFILELEN - tl) name_cut(nm, MAXFILELEN - tl);
        name_app(nm, tag, tl);
    }
}

static void name_massage(struct name *nm, const char *in, int dupn)
{
    static const char reject[] = "<>:\"/\\|?*\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d"
                                 "\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c"
                                 "\x1d\x1e\x1f";
    nm->n = 0;
    nm->s[0] = 0;
    for (const char *s = in; *s; s++) {
        if (strchr(reject, *s)) {
            char hx[8];
            snprintf(hx, sizeof hx, "%%%02x", (unsigned)(uint8_t)*s);
            name_app(nm, hx, 3);
        } else {
            name_app(nm, s, 1);
        }
    }
    if (dupn != 0 || nm->n > MAXFILELEN) name_rename(nm, dupn);
}

static void name_for(struct name *nm, const struct tw_export_obj *o, uint32_t frame, int dupn)
{
    if (o->filename) {
        name_massage(nm, o->filename, dupn);
    } else {
        char gen[MAXFILELEN + 1];
        const char *ext = o->content_type;
        snprintf(gen, sizeof gen, "object%u%s%s", frame, ext ? "." : "", ext ? ext : "");
        name_massage(nm, gen, dupn);
    }
}

/* ---- the directory ---- */

static bool make_dirs(const char *path)
{
    char buf[PATH_ROOM];
    size_t n = strlen(path);
    if (n == 0 || n >= sizeof buf) return false;
    memcpy(buf, path, n + 1);
    for (size_t i = 1; i <= n; i++) {
        if (buf[i] != '/' && buf[i] != 0) continue;
        char keep = buf[i];
        buf[i] = 0;
        if (mkdir(buf, 0755) != 0 && errno != EEXIST) return false;
        buf[i] = keep;
    }
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool ensure_dir(struct eo *e)
{
    if (e->dir_made) return true;
    if (e->dir_failed) return false;
    struct stat st;
    if ((stat(e->dir, &st) == 0 && S_ISDIR(st.st_mode)) || make_dirs(e->dir)) {
        e->dir_made = true;
        return true;
    }
    fprintf(stderr, "Failed to create export objects output directory \"%s\": %s\n", e->dir,
            strerror(errno));
    e->dir_failed = true;
    return false;
}

static bool path_exists(const struct eo *e, const char *name)
{
    char path[PATH_ROOM];
    if (snprintf(path, sizeof path, "%s/%s", e->dir, name) >= (int)sizeof path) return false;
    struct stat st;
    return stat(path, &st) == 0;
}

static void write_object(struct eo *e, const char *name, const struct tw_export_obj *o)
{
    char path[PATH_ROOM];
    if (snprintf(path, sizeof path, "%s/%s", e->dir, name) >= (int)sizeof path) {
        e->nfailed++;
        return;
    }
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) {
        fprintf(stderr, "trawl: cannot write \"%s\": %s\n", path, strerror(errno));
        e->nfailed++;
        return;
    }
    const uint8_t *d = o->data;
    size_t left = o->len;
    while (left > 0) {
        ssize_t w = write(fd, d, left);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) {
            fprintf(stderr, "trawl: writing \"%s\": %s\n", path, strerror(errno));
            e->nfailed++;
            break;
        }
        d += w;
        left -= (size_t)w;
    }
    close(fd);
    if (left == 0) e->nwritten++;
}

static char *dup_or_null(const char *s)
{
    return s ? strdup(s) : NULL;
}

static void add_row(struct eo *e, uint32_t frame, const struct tw_export_obj *o, const char *name)
{
    if (e->nrows == e->caprows) {
        uint32_t nc = e->caprows ? e->caprows * 2 : 64;
        struct row *nr = realloc(e->rows, nc * sizeof *nr);
        if (!nr) return;
        e->rows = nr;
        e->caprows = nc;
    }
    struct row *r = &e->rows[e->nrows++];
    r->frame = frame;
    r->size = o->len;
    r->host = dup_or_null(o->hostname);
    r->ctype = dup_or_null(o->content_type);
    r->name = strdup(name);
}

static void object_at(struct eo *e, const struct tw_pkt *p, uint32_t frame,
                      const struct tw_export_obj *o);

/* a part of an object: appended to the held object of its key (made at its first part, which
 * names it); a part past the memory cap is counted and dropped */
static void object_part(struct eo *e, uint32_t frame, const struct tw_export_obj *o)
{
    struct part_obj *po = NULL;
    for (uint32_t i = e->nparts; i-- > 0;)
        if (e->parts[i].key == o->part_of) {
            po = &e->parts[i];
            break;
        }
    if (!po) {
        if (e->nparts == e->capparts) {
            uint32_t nc = e->capparts ? e->capparts * 2 : 16;
            struct part_obj *np = realloc(e->parts, nc * sizeof *np);
            if (!np) {
                e->parts_dropped += o->len;
                return;
            }
            e->parts = np;
            e->capparts = nc;
        }
        po = &e->parts[e->nparts++];
        *po = (struct part_obj){o->part_of,
                                frame,
                                dup_or_null(o->hostname),
                                dup_or_null(o->content_type),
                                dup_or_null(o->filename),
                                NULL,
                                0,
                                0};
    }
    if (!o->len) return;
    if (e->parts_held + o->len > PARTS_HELD_MAX) {
        e->parts_dropped += o->len;
        return;
    }
    if (po->len + o->len > po->cap) {
        size_t nc = po->cap ? po->cap : 4096;
        while (nc < po->len + o->len) nc *= 2;
        uint8_t *nb = realloc(po->buf, nc);
        if (!nb) {
            e->parts_dropped += o->len;
            return;
        }
        po->buf = nb;
        po->cap = nc;
    }
    memcpy(po->buf + po->len, o->data, o->len);
    po->len += o->len;
    e->parts_held += o->len;
}

/* the held objects, written (and listed) once the run is over; or only freed */
static void parts_flush(struct eo *e, bool write)
{
    for (uint32_t i = 0; i < e->nparts; i++) {
        struct part_obj *po = &e->parts[i];
        struct tw_export_obj o = {(uint8_t)e->kind,
                                  po->host,
                                  po->ctype,
                                  po->name,
                                  po->buf ? po->buf : (const uint8_t *)"",
                                  (uint32_t)po->len,
                                  0};
        if (write) object_at(e, NULL, po->frame, &o);
        free(po->host);
        free(po->ctype);
        free(po->name);
        free(po->buf);
    }
    if (e->parts_dropped && write)
        fprintf(stderr,
                "trawl: --export-objects %s: %llu bytes not exported (more than %llu MiB "
                "held for objects made of parts)\n",
                e->proto, (unsigned long long)e->parts_dropped,
                (unsigned long long)(PARTS_HELD_MAX >> 20));
    free(e->parts);
    e->parts = NULL;
    e->nparts = e->capparts = 0;
    e->parts_held = e->parts_dropped = 0;
}

static void object(struct eo *e, const struct tw_pkt *p, const struct tw_export_obj *o)
{
    uint32_t frame = (uint32_t)p->frame->recno;
    if (o->part_of) {
        object_part(e, frame, o);
        return;
    }
    object_at(e, p, frame, o);
}

/* one whole object: named, written, listed (p: the packet, NULL for a held object) */
static void object_at(struct eo *e, const struct tw_pkt *p, uint32_t frame,
                      const struct tw_export_obj *o)
{
    struct name nm;
    if (e->once) {
        name_for(&nm, o, frame, 0);
        if (name_seen(e, nm.s)) return;
    }
    bool disk = e->dir && ensure_dir(e);
    /* the first name, then numbered ones, that nothing holds yet: the directory's files when
     * writing, else the names given so far in this run */
    int dupn = 0;
    for (;;) {
        name_for(&nm, o, frame, dupn);
        bool taken = disk ? path_exists(e, nm.s)
                          : name_seen(e, nm.s) || !strcmp(nm.s, ".") || !strcmp(nm.s, "..");
        if (!taken || ++dupn >= MAX_DUPS) break;
    }
    if (disk) write_object(e, nm.s, o);
    if (!disk || e->once) name_add(e, nm.s);
    if (e->table) {
        /* the tls hostname: the server that sent the certificate */
        char host[64];
        struct tw_export_obj oo = *o;
        if (!o->hostname && e->kind == TW_TAP_EO_TLS && p && p->net_src.type) {
            struct tw_buf b;
            tw_buf_init(&b, 256);
            tw_fmt_addr(&b, &p->net_src, false);
            size_t n = TW_MIN(b.len, sizeof host - 1);
            if (b.p) memcpy(host, b.p, n);
            host[n] = 0;
            tw_buf_free(&b);
            oo.hostname = host;
        }
        add_row(e, frame, &oo, nm.s);
    }
}

/* ---- the module ---- */

static int kind_of(const char *s, size_t n)
{
    for (size_t i = 0; i < TW_ARRAY_LEN(kinds); i++)
        if (strlen(kinds[i].name) == n && memcmp(kinds[i].name, s, n) == 0) return (int)i;
    return -1;
}

static void kinds_list(char *err, size_t errlen, const char *head)
{
    size_t k = (size_t)snprintf(err, errlen, "%s; the export object types are:", head);
    for (size_t i = 0; i < TW_ARRAY_LEN(kinds) && k < errlen; i++)
        k += (size_t)snprintf(err + k, errlen - k, " %s", kinds[i].name);
}

/* arg: "export,PROTO" (-z) or "PROTO,DIR" (--export-objects, dir = true) */
static void *eo_open_as(const char *arg, bool dir, struct tw_zneeds *need, char *err, size_t errlen)
{
    const char *proto = arg, *rest = NULL;
    if (!dir) {
        proto = arg + strlen("export");
        if (*proto != ',') {
            kinds_list(err, errlen, "-z export,PROTO needs a protocol");
            return NULL;
        }
        proto++;
    }
    const char *comma = strchr(proto, ',');
    size_t pl = comma ? (size_t)(comma - proto) : strlen(proto);
    if (dir) {
        if (!comma || !comma[1]) {
            kinds_list(err, errlen, "--export-objects is given as PROTO,DIR");
            return NULL;
        }
        rest = comma + 1;
    } else if (comma) {
        snprintf(err, errlen, "-z export,PROTO takes no further parameters");
        return NULL;
    }
    int k = kind_of(proto, pl);
    if (k < 0) {
        char head[128];
        snprintf(head, sizeof head, "unknown export object type \"%.*s\"", (int)TW_MIN(pl, 64u),
                 proto);
        kinds_list(err, errlen, head);
        return NULL;
    }
    enum tw_tap_id kind = kinds[k].kind;
    struct eo *e = by_kind[kind];
    if (e && ((dir && e->dir) || (!dir && e->table))) {
        snprintf(err, errlen, "%s already specified protocol '%s'",
                 dir ? "\"--export-objects\"" : "-z export", kinds[k].name);
        return NULL;
    }
    struct handle *h = calloc(1, sizeof *h);
    if (!h) goto oom;
    if (!e) {
        e = calloc(1, sizeof *e);
        if (!e) {
            free(h);
            goto oom;
        }
        e->kind = kind;
        e->proto = kinds[k].name;
        e->once = kind == TW_TAP_EO_TLS;
        by_kind[kind] = e;
        h->primary = true;
    }
    if (dir) {
        e->dir = strdup(rest);
        if (!e->dir) {
            free(h);
            goto oom;
        }
    } else {
        e->table = true;
        h->table = true;
    }
    e->refs++;
    h->eo = e;
    /* TCP must track its streams (the TCP tap asks for that) and hand its payloads up (every
     * layer) even when nothing is printed, so that HTTP sees whole bodies */
    need->taps |= 1u << kind | 1u << TW_TAP_TCP;
    need->layers = true;
    return h;
oom:
    snprintf(err, errlen, "out of memory");
    return NULL;
}

static void *eo_open(const char *arg, struct tw_zneeds *need, char *err, size_t errlen)
{
    return eo_open_as(arg, false, need, err, errlen);
}

static void eo_packet(void *st, const struct tw_pkt *p, bool displayed)
{
    (void)displayed; /* as tshark's taps: every packet read, whatever -Y says */
    struct handle *h = st;
    if (!h->primary) return;
    struct eo *e = h->eo;
    for (const struct tw_tap_item *it = tw_tap_next(p, e->kind, NULL); it;
         it = tw_tap_next(p, e->kind, it))
        object(e, p, it->data);
}

static size_t width(const char *s)
{
    /* display width: UTF-8 continuation bytes take no column */
    size_t w = 0;
    for (; s && *s; s++) w += ((uint8_t)*s & 0xc0) != 0x80;
    return w;
}

static void cell(struct tw_buf *b, const char *s, size_t w, bool last)
{
    const char *v = s ? s : "";
    tw_buf_adds(b, v);
    if (!last) tw_buf_add_pad(b, ' ', w - width(v) + 2);
}

static void eo_finish(void *st, struct tw_out *out)
{
    struct handle *h = st;
    struct eo *e = h->eo;
    parts_flush(e, true);                    /* whichever handle finishes first */
    if (e->dir && h->primary) ensure_dir(e); /* tshark makes DIR even when nothing was found */
    if (!h->table) return;
    struct tw_buf *b = &out->b;
    size_t wh = strlen("Hostname"), wc = strlen("Content Type"), ws = strlen("Size"), wp = 6;
    for (uint32_t i = 0; i < e->nrows; i++) {
        const struct row *r = &e->rows[i];
        char num[24];
        wh = TW_MAX(wh, width(r->host));
        wc = TW_MAX(wc, width(r->ctype));
        ws = TW_MAX(ws, (size_t)snprintf(num, sizeof num, "%llu", (unsigned long long)r->size));
        wp = TW_MAX(wp, (size_t)snprintf(num, sizeof num, "%u", r->frame));
    }
    tw_buf_adds(b, "===================================================================\n");
    tw_buf_printf(b, "Export Objects: %s (%u object%s)\n", e->proto, e->nrows,
                  e->nrows == 1 ? "" : "s");
    tw_buf_printf(b, "%*s  ", (int)wp, "Packet");
    cell(b, "Hostname", wh, false);
    cell(b, "Content Type", wc, false);
    tw_buf_printf(b, "%*s  Filename\n", (int)ws, "Size");
    for (uint32_t i = 0; i < e->nrows; i++) {
        const struct row *r = &e->rows[i];
        tw_buf_printf(b, "%*u  ", (int)wp, r->frame);
        cell(b, r->host, wh, false);
        cell(b, r->ctype, wc, false);
        tw_buf_printf(b, "%*llu  %s\n", (int)ws, (unsigned long long)r->size, r->name);
    }
    tw_buf_adds(b, "===================================================================\n");
    tw_out_maybe_flush(out);
}

static void eo_close(void *st)
{
    struct handle *h = st;
    if (!h) return;
    struct eo *e = h->eo;
    free(h);
    if (--e->refs) return;
    if (e->nfailed)
        fprintf(stderr, "trawl: --export-objects %s: %llu object(s) could not be written\n",
                e->proto, (unsigned long long)e->nfailed);
    by_kind[e->kind] = NULL;
    parts_flush(e, false);
    for (uint32_t i = 0; i < e->nslots; i++) free(e->names[i]);
    free(e->names);
    for (uint32_t i = 0; i < e->nrows; i++) {
        free(e->rows[i].host);
        free(e->rows[i].ctype);
        free(e->rows[i].name);
    }
    free(e->rows);
    free(e->dir);
    free(e);
}

const struct tw_zstat_ops tw_zstat_export = {
    "export",  "export,PROTO   (PROTO: ftp-data, http, tls; the objects --export-objects writes)",
    eo_open,   eo_packet,
    eo_finish, eo_close,
};

/* --export-objects PROTO,DIR: the same module, writing files */
static void *eo_open_dir(const char *arg, struct tw_zneeds *need, char *err, size_t errlen)
{
    return eo_open_as(arg, true, need, err, errlen);
}

const struct tw_zstat_ops tw_zstat_export_objects = {
    "--export-objects", "--export-objects PROTO,DIR", eo_open_dir, eo_packet, eo_finish, eo_close,
};
