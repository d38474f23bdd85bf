/* MAC address names as Wireshark shows them ("IntelCor_0a:0b:0c", "Broadcast",
 * "IPv4mcast_7f:ff:fa"), from the manuf and wka data files that Wireshark installs
 * (/usr/share/wireshark; TRAWL_MANUF and TRAWL_WKA override the paths) and /etc/ethers.
 *
 * The lookup order is Wireshark's: exact addresses (ethers, 48-bit entries); then the
 * well-known ranges, as masked keys probed from the longest mask down, first for masks
 * 47..24 (printing the host part that follows the whole bytes of the probe), then the 24-bit
 * vendor table ("Vendor_xx:yy:zz"), then masks 23..1; else the address itself. Note that a
 * range key is found by any probe whose masked address equals it, so "33-33-00-00-00-00/16"
 * names 33:33:00:00:00:01 "IPv6mcast_01" through the 40-bit probe, exactly as tshark does.
 *
 * Loaded on first use only (a -q run never reads the files); results are cached per address. */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>

#define NAME_MAX_LEN 64

struct nent {
    uint64_t key; /* 48-bit address (or 24-bit OUI) + 1; 0 = empty */
    uint32_t name, longname; /* offsets into the string pool */
};

struct ntab {
    struct nent *e;
    uint32_t mask, n;
};

static struct ntab exact, wka, manuf;
static char *pool;
static size_t pool_len, pool_cap;
static bool loaded, enabled = true;

struct cent {
    uint64_t key; /* address + 1 */
    char name[NAME_MAX_LEN];
};
#define CACHE_SIZE 4096
static struct cent *cache;

void tw_names_set_enabled(bool on) { enabled = on; }
bool tw_names_enabled(void) { return enabled; }

static uint32_t pool_add(const char *s, size_t n)
{
    if (pool_len + n + 1 > pool_cap) {
        size_t nc = pool_cap ? pool_cap * 2 : 1 << 20;
        while (nc < pool_len + n + 1) nc *= 2;
        char *np = realloc(pool, nc);
        if (!np) return 0;
        pool = np;
        pool_cap = nc;
    }
    uint32_t off = (uint32_t)pool_len;
    memcpy(pool + pool_len, s, n);
    pool[pool_len + n] = 0;
    pool_len += n + 1;
    return off;
}

static uint32_t slot(uint64_t key, uint32_t mask)
{
    key *= 0x9E3779B97F4A7C15ull;
    return (uint32_t)(key >> 40) & mask;
}

static bool tab_put(struct ntab *t, uint64_t key, uint32_t name, uint32_t longname, bool replace)
{
    if (!t->e || (t->n + 1) * 2 > t->mask + 1) {
        uint32_t ncap = t->e ? (t->mask + 1) * 2 : 1024;
        struct nent *ne = calloc(ncap, sizeof *ne);
        if (!ne) return false;
        for (uint32_t i = 0; t->e && i <= t->mask; i++) {
            if (!t->e[i].key) continue;
            uint32_t h = slot(t->e[i].key, ncap - 1);
            while (ne[h].key) h = (h + 1) & (ncap - 1);
            ne[h] = t->e[i];
        }
        free(t->e);
        t->e = ne;
        t->mask = ncap - 1;
    }
    uint32_t h = slot(key + 1, t->mask);
    while (t->e[h].key) {
        if (t->e[h].key == key + 1) {
            if (replace) t->e[h].name = name, t->e[h].longname = longname;
            return true;
        }
        h = (h + 1) & t->mask;
    }
    t->e[h] = (struct nent){key + 1, name, longname};
    t->n++;
    return true;
}

static const struct nent *tab_get(const struct ntab *t, uint64_t key)
{
    if (!t->e) return NULL;
    uint32_t h = slot(key + 1, t->mask);
    while (t->e[h].key) {
        if (t->e[h].key == key + 1) return &t->e[h];
        h = (h + 1) & t->mask;
    }
    return NULL;
}

/* "00:11:22", "00-11-22-33-44-55/40", "0011.2233.4455" -> bytes and mask (0 = 24-bit OUI,
 * 48 = whole address, else a range). Returns false for lines that are not addresses. */
static bool parse_addr(const char **pp, uint8_t a[6], unsigned *mask)
{
    const char *p = *pp;
    int n = 0;
    memset(a, 0, 6);
    while (n < 6) {
        int h = tw_hexdigit((unsigned char)p[0]), l = tw_hexdigit((unsigned char)p[1]);
        if (h < 0 || l < 0) break;
        a[n++] = (uint8_t)(h << 4 | l);
        p += 2;
        if (*p == ':' || *p == '-' || *p == '.') p++;
        else break;
    }
    if (n != 3 && n != 6) {
        if (n < 3) return false;
    }
    *mask = n == 3 ? 0 : 48;
    if (*p == '/') {
        p++;
        unsigned m = 0;
        while (*p >= '0' && *p <= '9') m = m * 10 + (unsigned)(*p++ - '0');
        if (m == 0 || m > 48) return false;
        *mask = m;
    } else if (n != 3 && n != 6) {
        return false;
    }
    *pp = p;
    return true;
}

static uint64_t key48(const uint8_t a[6])
{
    uint64_t k = 0;
    for (int i = 0; i < 6; i++) k = k << 8 | a[i];
    return k;
}

static void load_file(const char *path, bool is_ethers)
{
    FILE *f = fopen(path, "r");
    if (!f) return;
    char line[1024];
    while (fgets(line, sizeof line, f)) {
        const char *p = line;
        while (*p == ' ' || *p == '\t') p++;
        if (*p == '#' || *p == '\n' || !*p) continue;
        uint8_t a[6];
        unsigned mask;
        if (!parse_addr(&p, a, &mask)) continue;
        while (*p == ' ' || *p == '\t') p++;
        const char *ns = p;
        while (*p && *p != '\t' && *p != '\n' && *p != '#' && !(is_ethers && *p == ' ')) p++;
        const char *ne = p;
        while (ne > ns && ne[-1] == ' ') ne--;
        if (ne == ns) continue;
        uint32_t name = pool_add(ns, (size_t)(ne - ns)), longname = name;
        if (*p == '\t') {
            p++;
            const char *ls = p;
            while (*p && *p != '\t' && *p != '\n' && *p != '#') p++;
            const char *le = p;
            while (le > ls && le[-1] == ' ') le--;
            if (le > ls) longname = pool_add(ls, (size_t)(le - ls));
        }
        if (mask == 48) tab_put(&exact, key48(a), name, longname, false);
        else if (mask == 0) tab_put(&manuf, (uint64_t)a[0] << 16 | a[1] << 8 | a[2], name, longname, false);
        else tab_put(&wka, key48(a), name, longname, false);
    }
    fclose(f);
}

static void load(void)
{
    if (loaded) return;
    loaded = true;
    const char *m = getenv("TRAWL_MANUF");
    const char *w = getenv("TRAWL_WKA");
    const char *e = getenv("TRAWL_ETHERS");
    /* ethers first: its exact names win over the data files' */
    load_file(e ? e : "/etc/ethers", true);
    load_file(m ? m : "/usr/share/wireshark/manuf", false);
    load_file(w ? w : "/usr/share/wireshark/wka", false);
    cache = calloc(CACHE_SIZE, sizeof *cache);
}

static const char *wka_probe(const uint8_t a[6], unsigned mask)
{
    uint8_t m[6];
    unsigned i = 0, num = mask;
    for (; num >= 8; i++, num -= 8) m[i] = a[i];
    if (i < 6) {
        m[i] = (uint8_t)(a[i] & (0xFF << (8 - num)));
        i++;
    }
    for (; i < 6; i++) m[i] = 0;
    const struct nent *n = tab_get(&wka, key48(m));
    return n ? pool + n->name : NULL;
}

static void fmt_tail(char *out, const char *name, const uint8_t *a, int first, unsigned bits)
{
    int n = snprintf(out, NAME_MAX_LEN, "%s", name);
    for (int i = first; i < 6 && n < NAME_MAX_LEN; i++) {
        unsigned v = a[i];
        if (i == first) v &= 0xFFu >> bits;
        n += snprintf(out + n, (size_t)(NAME_MAX_LEN - n), "%c%02x", i == first ? '_' : ':', v);
    }
}

static void resolve(const uint8_t a[6], char *out)
{
    const struct nent *x = tab_get(&exact, key48(a));
    if (x) {
        snprintf(out, NAME_MAX_LEN, "%s", pool + x->name);
        return;
    }
    /* ranges narrower than a vendor block: 47..24 bits */
    for (int whole = 5; whole >= 3; whole--) {
        for (int m = 7; m >= 0; m--) {
            const char *nm = wka_probe(a, (unsigned)(whole * 8 + m));
            if (nm) {
                fmt_tail(out, nm, a, whole, (unsigned)m);
                return;
            }
        }
    }
    const struct nent *v = tab_get(&manuf, (uint64_t)a[0] << 16 | a[1] << 8 | a[2]);
    if (!v && (a[0] & 1)) /* the group bit is not part of the vendor's block */
        v = tab_get(&manuf, (uint64_t)(a[0] & 0xFE) << 16 | a[1] << 8 | a[2]);
    if (v) {
        fmt_tail(out, pool + v->name, a, 3, 0);
        return;
    }
    for (int whole = 2; whole >= 0; whole--) {
        for (int m = 7; m >= (whole == 0 ? 1 : 0); m--) {
            const char *nm = wka_probe(a, (unsigned)(whole * 8 + m));
            if (nm) {
                fmt_tail(out, nm, a, whole, (unsigned)m);
                return;
            }
        }
    }
    snprintf(out, NAME_MAX_LEN, "%02x:%02x:%02x:%02x:%02x:%02x", a[0], a[1], a[2], a[3], a[4], a[5]);
}

const char *tw_ether_name(const uint8_t a[6])
{
    static char raw[NAME_MAX_LEN];
    if (!enabled) {
        snprintf(raw, sizeof raw, "%02x:%02x:%02x:%02x:%02x:%02x", a[0], a[1], a[2], a[3], a[4], a[5]);
        return raw;
    }
    load();
    uint64_t k = key48(a) + 1;
    if (!cache) {
        resolve(a, raw);
        return raw;
    }
    struct cent *c = &cache[(k * 0x9E3779B97F4A7C15ull) >> 52];
    if (c->key != k) {
        resolve(a, c->name);
        c->key = k;
    }
    return c->name;
}

const char *tw_oui_name(const uint8_t a[3])
{
    load();
    const struct nent *v = tab_get(&manuf, (uint64_t)a[0] << 16 | a[1] << 8 | a[2]);
    return v ? pool + v->longname : NULL;
}
