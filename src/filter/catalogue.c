/* filter catalogue: Wireshark 4.0.17's field and protocol names with their types (facts read
 * from `tshark -G fields` / `-G protocols` by tools/gen-wsfields.py), so that filters naming
 * fields trawl does not dissect still compile. The data is embedded gzip-compressed and only
 * inflated the first time a name is not in trawl's own registry. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>
#include <zlib.h>

extern const unsigned char tw_wsfields_gz[];
extern const unsigned int tw_wsfields_gz_len;

struct entry {
    const char *name;
    uint32_t len;
    uint8_t ft;
};

static char *text;
static struct entry *entries;
static uint32_t nentries;
static bool loaded, failed;

static int cmp_entry(const void *a, const void *b)
{
    const struct entry *x = a, *y = b;
    uint32_t n = x->len < y->len ? x->len : y->len;
    int c = memcmp(x->name, y->name, n);
    return c ? c : (x->len > y->len) - (x->len < y->len);
}

static void unload(void)
{
    free(entries);
    free(text);
    entries = NULL;
    text = NULL;
}

static bool load(void)
{
    if (loaded) return !failed;
    loaded = true;
    failed = true;
    /* inflate (gzip) */
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK) return false;
    size_t cap = (size_t)tw_wsfields_gz_len * 6 + 1024, used = 0;
    text = malloc(cap);
    zs.next_in = (Bytef *)(uintptr_t)tw_wsfields_gz;
    zs.avail_in = tw_wsfields_gz_len;
    int rc = Z_OK;
    while (text && rc == Z_OK) {
        if (used + 1 >= cap) {
            if (cap > ((size_t)64 << 20)) break;
            char *nt = realloc(text, cap * 2);
            if (!nt) break;
            text = nt;
            cap *= 2;
        }
        zs.next_out = (Bytef *)text + used;
        zs.avail_out = (uInt)(cap - used - 1);
        rc = inflate(&zs, Z_NO_FLUSH);
        used = cap - 1 - zs.avail_out;
    }
    inflateEnd(&zs);
    if (!text || rc != Z_STREAM_END) {
        unload();
        return false;
    }
    text[used] = 0;
    /* lines: "name<TAB>type-number" */
    uint32_t lines = 0;
    for (size_t i = 0; i < used; i++) lines += text[i] == '\n';
    entries = malloc((lines + 1) * sizeof *entries);
    if (!entries) {
        unload();
        return false;
    }
    char *p = text, *end = text + used;
    while (p < end) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl) nl = end;
        char *tab = memchr(p, '\t', (size_t)(nl - p));
        if (tab && nentries <= lines) {
            long ft = 0;
            for (const char *d = tab + 1; d < nl && *d >= '0' && *d <= '9' && ft < 1000; d++)
                ft = ft * 10 + (*d - '0');
            if (ft >= 0 && ft < TW_FT_COUNT)
                entries[nentries++] = (struct entry){p, (uint32_t)(tab - p), (uint8_t)ft};
        }
        p = nl + 1;
    }
    /* the generator writes the names sorted; sort only if someone edited the file by hand */
    for (uint32_t i = 1; i < nentries; i++)
        if (cmp_entry(&entries[i - 1], &entries[i]) > 0) {
            qsort(entries, nentries, sizeof *entries, cmp_entry);
            break;
        }
    atexit(unload);
    failed = false;
    return true;
}

static int find(const char *name, size_t len)
{
    struct entry key = {name, (uint32_t)len, 0};
    const struct entry *e = bsearch(&key, entries, nentries, sizeof *entries, cmp_entry);
    return e ? e->ft : -1;
}

/* protocol names Wireshark still accepts for renamed protocols (and their fields' prefixes) */
static const struct {
    const char *old, *cur;
} aliases[] = {{"ssl", "tls"}, {"bootp", "dhcp"}};

/* Literals (addresses, numbers, byte strings) are never names: do not inflate the catalogue for
 * them. Names hold no ':' or '/', and a name starting with a digit has a letter in it
 * (6lowpan). */
static bool maybe_name(const char *s, size_t len)
{
    bool letter = false;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == ':' || s[i] == '/') return false;
        if ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') || s[i] == '_') letter = true;
    }
    if (s[0] >= '0' && s[0] <= '9') {
        /* 0x1f, 1e3, 0b101: numbers */
        if (len > 1 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X' || s[1] == 'b' || s[1] == 'B'))
            return false;
        return letter;
    }
    return true;
}

int twf_catalogue_lookup(const char *name, size_t len)
{
    if (!len || !maybe_name(name, len) || !load()) return -1;
    int ft = find(name, len);
    if (ft >= 0) return ft;
    for (size_t i = 0; i < TW_ARRAY_LEN(aliases); i++) {
        size_t ol = strlen(aliases[i].old), cl = strlen(aliases[i].cur);
        if (len < ol || memcmp(name, aliases[i].old, ol) != 0 || (len > ol && name[ol] != '.'))
            continue;
        char buf[256];
        if (len - ol + cl >= sizeof buf) return -1;
        memcpy(buf, aliases[i].cur, cl);
        memcpy(buf + cl, name + ol, len - ol);
        return find(buf, len - ol + cl);
    }
    return -1;
}
