/* -z modules: the table and the glue around each module's ops (see output.h). Adding a report =
 * one file defining a `const struct tw_zstat_ops` + one line in `modules` below. */
#include "output.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern const struct tw_zstat_ops tw_zstat_expert;
extern const struct tw_zstat_ops tw_zstat_stream_ambiguity, tw_zstat_stream_reassembled;
extern const struct tw_zstat_ops tw_zstat_follow_tcp, tw_zstat_follow_udp;
extern const struct tw_zstat_ops tw_zstat_conv, tw_zstat_endpoints, tw_zstat_phs, tw_zstat_io;
extern const struct tw_zstat_ops tw_zstat_export, tw_zstat_export_objects;

static const struct tw_zstat_ops *const modules[] = {
    &tw_zstat_expert,
    &tw_zstat_stream_ambiguity,
    &tw_zstat_stream_reassembled,
    &tw_zstat_follow_tcp,
    &tw_zstat_follow_udp,
    &tw_zstat_conv, &tw_zstat_endpoints, &tw_zstat_phs, &tw_zstat_io,
    &tw_zstat_export,
};

struct tw_zstat {
    const struct tw_zstat_ops *ops;
    void *st;
};

static bool name_matches(const char *name, const char *arg)
{
    size_t n = strlen(name);
    return strncmp(name, arg, n) == 0 && (arg[n] == 0 || arg[n] == ',');
}

static struct tw_zstat *open_module(const struct tw_zstat_ops *m, const char *arg,
                                    struct tw_zneeds *need, char *err, size_t errlen)
{
    struct tw_zstat *z = calloc(1, sizeof *z);
    if (!z) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    z->ops = m;
    z->st = m->open(arg, need, err, errlen);
    if (!z->st) {
        free(z);
        return NULL;
    }
    return z;
}

struct tw_zstat *tw_export_objects_open(const char *arg, struct tw_zneeds *need, char *err,
                                        size_t errlen)
{
    return open_module(&tw_zstat_export_objects, arg, need, err, errlen);
}

struct tw_zstat *tw_zstat_open(const char *arg, struct tw_zneeds *need, char *err, size_t errlen)
{
    const struct tw_zstat_ops *best = NULL;
    for (size_t i = 0; i < TW_ARRAY_LEN(modules); i++) {
        const struct tw_zstat_ops *m = modules[i];
        if (m && name_matches(m->name, arg) && (!best || strlen(m->name) > strlen(best->name)))
            best = m;
    }
    if (!best) {
        snprintf(err, errlen, "invalid -z argument \"%s\"; see -z help for the reports there are",
                 arg);
        return NULL;
    }
    return open_module(best, arg, need, err, errlen);
}

void tw_zstat_packet(struct tw_zstat *z, const struct tw_pkt *p, bool displayed)
{
    if (z->ops->packet) z->ops->packet(z->st, p, displayed);
}

void tw_zstat_finish(struct tw_zstat *z, struct tw_out *out)
{
    if (z->ops->finish) z->ops->finish(z->st, out);
}

void tw_zstat_close(struct tw_zstat *z)
{
    if (!z) return;
    if (z->ops->close) z->ops->close(z->st);
    free(z);
}

void tw_zstat_list(struct tw_out *out)
{
    tw_buf_printf(&out->b, "The reports -z knows:\n");
    for (size_t i = 0; i < TW_ARRAY_LEN(modules); i++)
        if (modules[i]) tw_buf_printf(&out->b, "     %s\n", modules[i]->usage);
    tw_out_flush(out);
}
