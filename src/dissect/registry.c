/* The per-run registry: protocols from protocols.def, their fields and experts numbered into one
 * id space, a name index for filters and -e, and the dispatch tables built from bindings. */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <strings.h>

#define TW_PROTO(file, sym) extern const struct tw_proto tw_proto_##sym;
#include "protocols.def"
#undef TW_PROTO

const struct tw_proto *const tw_all_protos[] = {
#define TW_PROTO(file, sym) &tw_proto_##sym,
#include "protocols.def"
#undef TW_PROTO
};
#define all_protos tw_all_protos

#define NPROTOS TW_ARRAY_LEN(all_protos)
const uint32_t tw_nprotos = NPROTOS;

static struct tw_field_info *fields; /* index 0 unused */
static uint32_t nfields;
static struct tw_field_def *proto_field_defs; /* FT_PROTOCOL defs made for each protocol */
static struct tw_field_def *expert_field_defs;

/* name index: open addressing over field ids */
static uint16_t *name_idx;
static uint32_t name_mask;
static uint64_t seed;

/* dispatch: open addressing (table, key) -> proto+1 */
struct dent {
    uint32_t key;
    uint8_t table;
    uint16_t proto1; /* 0 = empty */
};
static struct dent *disp;
static uint32_t disp_mask;
/* One bit per (table, low 16 bits of key) that has any binding: most port lookups miss (both
 * ports of a connection, one of them ephemeral), and the bit answers them without probing. */
static uint64_t disp_bits[TW_TBL_COUNT][65536 / 64];
/* Keys that fit 16 bits (ports, EtherTypes, IP protocols...) are also mapped directly:
 * direct[t][key] = proto+1, so that a lookup costs one load instead of a hash and a probe (they
 * run ~6 times per packet, at ~35 instructions each before). Wider keys (SNAP, media types,
 * private names) stay in the hash only. `no_direct`: the table could not be allocated. */
static uint16_t *direct[TW_TBL_COUNT];
static bool no_direct[TW_TBL_COUNT];

static uint16_t *heur[TW_TBL_COUNT];
static uint32_t nheur[TW_TBL_COUNT];

const uint16_t *tw_heur_list(enum tw_table t, uint32_t *n)
{
    *n = t < TW_TBL_COUNT ? nheur[t] : 0;
    return *n ? heur[t] : NULL;
}

static const char *const table_names[TW_TBL_COUNT] = {
    [TW_TBL_NONE] = "none",           [TW_TBL_LINKTYPE] = "wtap_encap",
    [TW_TBL_ETHERTYPE] = "ethertype", [TW_TBL_IP_PROTO] = "ip.proto",
    [TW_TBL_UDP_PORT] = "udp.port",   [TW_TBL_TCP_PORT] = "tcp.port",
    [TW_TBL_PPP_PROTO] = "ppp.protocol", [TW_TBL_LLC_SAP] = "llc.dsap",
    [TW_TBL_SNAP] = "llc.snap",       [TW_TBL_NULL_FAMILY] = "null.family",
    [TW_TBL_WTAP_ENCAP] = "wtap_encap_internal", [TW_TBL_NAME] = "internal",
    [TW_TBL_MEDIA_TYPE] = "media_type",
};

const char *tw_table_name(enum tw_table t) { return t < TW_TBL_COUNT ? table_names[t] : "?"; }
int tw_table_lookup_name(const char *name)
{
    for (int i = 1; i < TW_TBL_COUNT; i++)
        if (table_names[i] && strcmp(table_names[i], name) == 0) return i;
    return -1;
}

static uint32_t name_hash(const char *s, size_t n) { return (uint32_t)tw_hash(s, n, seed); }

static bool name_insert(uint16_t id)
{
    const char *nm = fields[id].def->abbrev;
    size_t n = strlen(nm);
    uint32_t h = name_hash(nm, n) & name_mask;
    fields[id].first = id;
    while (name_idx[h]) {
        uint16_t f = name_idx[h];
        if (strcmp(fields[f].def->abbrev, nm) == 0) { /* first wins; chain the others */
            while (fields[f].next_same) f = fields[f].next_same;
            fields[f].next_same = id;
            fields[id].first = name_idx[h];
            return true;
        }
        h = (h + 1) & name_mask;
    }
    name_idx[h] = id;
    return true;
}

int tw_field_lookup(const char *name, size_t len)
{
    if (!name_idx) return -1;
    uint32_t h = name_hash(name, len) & name_mask;
    while (name_idx[h]) {
        const char *a = fields[name_idx[h]].def->abbrev;
        if (strncmp(a, name, len) == 0 && a[len] == 0) return name_idx[h];
        h = (h + 1) & name_mask;
    }
    /* aliases Wireshark keeps for renamed protocols */
    static const struct {
        const char *from, *to;
    } alias[] = {{"ssl", "tls"}, {"dtls", "dtls"}, {"bootp", "dhcp"}, {"ssl.", "tls."}};
    for (size_t i = 0; i < TW_ARRAY_LEN(alias); i++) {
        size_t fl = strlen(alias[i].from);
        bool prefix = alias[i].from[fl - 1] == '.';
        if ((prefix && len > fl && strncmp(name, alias[i].from, fl) == 0) ||
            (!prefix && len == fl && strncmp(name, alias[i].from, fl) == 0)) {
            if (strcmp(alias[i].from, alias[i].to) == 0) continue;
            char tmp[256];
            size_t tl = strlen(alias[i].to);
            if (tl + (len - fl) >= sizeof tmp) return -1;
            memcpy(tmp, alias[i].to, tl);
            memcpy(tmp + tl, name + fl, len - fl);
            return tw_field_lookup(tmp, tl + len - fl);
        }
    }
    return -1;
}

static uint8_t type_width(uint8_t t)
{
    switch (t) {
    case TW_FT_CHAR:
    case TW_FT_UINT8:
    case TW_FT_INT8: return 8;
    case TW_FT_UINT16:
    case TW_FT_INT16: return 16;
    case TW_FT_UINT24:
    case TW_FT_INT24: return 24;
    case TW_FT_UINT32:
    case TW_FT_INT32:
    case TW_FT_FRAMENUM: return 32;
    case TW_FT_UINT40:
    case TW_FT_INT40: return 40;
    case TW_FT_UINT48:
    case TW_FT_INT48: return 48;
    case TW_FT_UINT56:
    case TW_FT_INT56: return 56;
    case TW_FT_UINT64:
    case TW_FT_INT64: return 64;
    default: return 0;
    }
}

static uint32_t disp_slot(uint8_t t, uint32_t key)
{
    /* the table holds only registered keys (packets look up, never insert), so a plain
     * multiplicative mix is enough and costs a few cycles per layer */
    uint64_t x = ((uint64_t)t << 32 | key) * 0x9E3779B97F4A7C15ull;
    return (uint32_t)(x >> 32 ^ x) & disp_mask;
}

static void direct_set(uint8_t t, uint32_t key, uint16_t proto1)
{
    if (t >= TW_TBL_COUNT || key > 0xffff || no_direct[t]) return;
    if (!direct[t]) direct[t] = calloc(65536, sizeof *direct[t]);
    if (!direct[t])
        no_direct[t] = true;
    else
        direct[t][key] = proto1;
}

static bool disp_set(uint8_t t, uint32_t key, uint16_t proto, bool replace)
{
    uint32_t h = disp_slot(t, key);
    for (uint32_t i = 0; i <= disp_mask; i++, h = (h + 1) & disp_mask) {
        struct dent *d = &disp[h];
        if (!d->proto1) {
            *d = (struct dent){key, t, (uint16_t)(proto + 1)};
            if (t < TW_TBL_COUNT) disp_bits[t][(key & 0xffff) >> 6] |= 1ull << (key & 63);
            direct_set(t, key, d->proto1);
            return true;
        }
        if (d->table == t && d->key == key) {
            if (replace) d->proto1 = (uint16_t)(proto + 1);
            direct_set(t, key, d->proto1);
            return true;
        }
    }
    return false;
}

int tw_dispatch_find(enum tw_table t, uint32_t key)
{
    if ((unsigned)t < TW_TBL_COUNT) {
        /* (the pages of direct[t] no key falls in are all the one zero page) */
        if (key <= 0xffff && !no_direct[t]) return direct[t] ? (int)direct[t][key] - 1 : -1;
        if (!(disp_bits[t][(key & 0xffff) >> 6] >> (key & 63) & 1)) return -1;
    }
    uint32_t h = disp_slot((uint8_t)t, key);
    for (;;) {
        const struct dent *d = &disp[h];
        if (!d->proto1) return -1;
        if (d->table == t && d->key == key) return d->proto1 - 1;
        h = (h + 1) & disp_mask;
    }
}

bool tw_dispatch_override(enum tw_table t, uint32_t key, const char *abbrev)
{
    int p = tw_proto_lookup(abbrev);
    if (p < 0) return false;
    return disp_set((uint8_t)t, key, (uint16_t)p, true);
}

uint32_t tw_field_count(void) { return nfields; }
const struct tw_field_info *tw_field(uint16_t id) { return &fields[id]; }
uint32_t tw_proto_count(void) { return NPROTOS; }
int tw_proto_lookup(const char *abbrev)
{
    for (uint32_t i = 0; i < NPROTOS; i++)
        if (strcmp(all_protos[i]->abbrev, abbrev) == 0) return (int)i;
    if (strcmp(abbrev, "ssl") == 0) return tw_proto_lookup("tls");
    return -1;
}

bool tw_registry_init(void)
{
    if (fields) return true;
    seed = tw_hash_seed_random();
    uint32_t total = 1, nbind = 0, nexp = 0;
    for (uint32_t i = 0; i < NPROTOS; i++) {
        total += 1u + all_protos[i]->nfields + all_protos[i]->nexperts;
        nbind += all_protos[i]->nbindings;
        nexp += all_protos[i]->nexperts;
    }
    if (total > 65000) {
        tw_log(TW_LOG_ERROR, "too many fields (%u)", total);
        return false;
    }
    fields = calloc(total, sizeof *fields);
    proto_field_defs = calloc(NPROTOS, sizeof *proto_field_defs);
    expert_field_defs = calloc(nexp ? nexp : 1, sizeof *expert_field_defs);
    uint32_t cap = 64;
    while (cap < total * 2) cap *= 2;
    name_idx = calloc(cap, sizeof *name_idx);
    name_mask = cap - 1;
    uint32_t dcap = 64;
    while (dcap < nbind * 2 + 64) dcap *= 2;
    disp = calloc(dcap, sizeof *disp);
    disp_mask = dcap - 1;
    if (!fields || !proto_field_defs || !expert_field_defs || !name_idx || !disp) return false;

    uint32_t id = 1, e = 0;
    for (uint32_t i = 0; i < NPROTOS; i++) {
        const struct tw_proto *pr = all_protos[i];
        struct tw_field_def *pd = &proto_field_defs[i];
        pd->abbrev = pr->abbrev;
        pd->name = pr->name;
        pd->type = TW_FT_PROTOCOL;
        fields[id] = (struct tw_field_info){.def = pd, .proto = (uint16_t)i, .is_proto = true};
        if (pr->ids) {
            pr->ids->proto = (uint16_t)i;
            pr->ids->field = (uint16_t)id;
            pr->ids->base = (uint16_t)(id + 1);
        }
        name_insert((uint16_t)id);
        id++;
        for (uint32_t f = 0; f < pr->nfields; f++, id++) {
            const struct tw_field_def *d = &pr->fields[f];
            uint8_t shift = 0;
            if (d->mask) shift = (uint8_t)__builtin_ctzll(d->mask);
            fields[id] = (struct tw_field_info){.def = d,
                                                .proto = (uint16_t)i,
                                                .shift = shift,
                                                .width = type_width(d->type)};
            if (!d->abbrev || !d->name) {
                tw_log(TW_LOG_ERROR, "protocol %s: field %u has no name", pr->abbrev, f);
                return false;
            }
            name_insert((uint16_t)id);
        }
        if (pr->ids) pr->ids->expert_base = (uint16_t)id;
        for (uint32_t x = 0; x < pr->nexperts; x++, id++, e++) {
            const struct tw_expert_def *xd = &pr->experts[x];
            struct tw_field_def *fd = &expert_field_defs[e];
            fd->abbrev = xd->abbrev;
            fd->name = xd->summary;
            fd->type = TW_FT_NONE;
            fields[id] = (struct tw_field_info){
                .def = fd, .proto = (uint16_t)i, .is_expert = true, .expert = xd};
            name_insert((uint16_t)id);
        }
    }
    nfields = id;
    for (uint32_t i = 0; i < NPROTOS; i++)
        if (all_protos[i]->init) all_protos[i]->init();
    for (uint32_t i = 0; i < NPROTOS; i++) {
        const struct tw_proto *pr = all_protos[i];
        for (uint32_t b = 0; b < pr->nbindings; b++)
            disp_set(pr->bindings[b].table, pr->bindings[b].key, (uint16_t)i, false);
        if (pr->heur) {
            for (int k = 0; k < 2; k++) {
                uint8_t t = pr->heur_tables[k];
                if (!t || t >= TW_TBL_COUNT) continue;
                uint16_t *n = realloc(heur[t], (nheur[t] + 1) * sizeof *n);
                if (!n) return false;
                heur[t] = n;
                heur[t][nheur[t]++] = (uint16_t)i;
            }
        }
    }
    return true;
}

void tw_registry_free(void)
{
    tw_state_close_all(); /* the dissectors' memory across packets ends with the run */
    free(fields);
    free(proto_field_defs);
    free(expert_field_defs);
    free(name_idx);
    free(disp);
    memset(disp_bits, 0, sizeof disp_bits);
    for (int t = 0; t < TW_TBL_COUNT; t++) {
        free(direct[t]);
        direct[t] = NULL;
        no_direct[t] = false;
        free(heur[t]);
        heur[t] = NULL;
        nheur[t] = 0;
    }
    fields = NULL;
    proto_field_defs = expert_field_defs = NULL;
    name_idx = NULL;
    disp = NULL;
    nfields = 0;
}

const struct tw_tfs tw_tfs_set_notset = {"Set", "Not set"};
const struct tw_tfs tw_tfs_yes_no = {"Yes", "No"};
const struct tw_tfs tw_tfs_true_false = {"True", "False"};

const char *tw_vs_find(const struct tw_vs *vs, uint32_t v)
{
    if (!vs) return NULL;
    for (; vs->str; vs++)
        if (vs->val == v) return vs->str;
    return NULL;
}

const char *tw_rs_find(const struct tw_rs *rs, uint32_t v)
{
    if (!rs) return NULL;
    for (; rs->str; rs++)
        if (v >= rs->lo && v <= rs->hi) return rs->str;
    return NULL;
}

/* ---- preferences ---- */

#define MAX_PREFS 64
static struct {
    char name[96];
    char value[160];
} prefs[MAX_PREFS];
static uint32_t nprefs;

bool tw_pref_set(const char *nv)
{
    const char *colon = strchr(nv, ':');
    if (!colon || colon == nv) return false;
    size_t nl = (size_t)(colon - nv), vl = strlen(colon + 1);
    if (nl >= sizeof prefs[0].name || vl >= sizeof prefs[0].value) return false;
    uint32_t i;
    for (i = 0; i < nprefs; i++)
        if (strncmp(prefs[i].name, nv, nl) == 0 && prefs[i].name[nl] == 0) break;
    if (i == nprefs) {
        if (nprefs == MAX_PREFS) return false;
        nprefs++;
    }
    memcpy(prefs[i].name, nv, nl);
    prefs[i].name[nl] = 0;
    memcpy(prefs[i].value, colon + 1, vl + 1);
    return true;
}

const char *tw_pref_str(const char *name)
{
    for (uint32_t i = 0; i < nprefs; i++)
        if (strcmp(prefs[i].name, name) == 0) return prefs[i].value;
    return NULL;
}

bool tw_pref_bool(const char *name, bool dflt)
{
    const char *v = tw_pref_str(name);
    if (!v) return dflt;
    return strcasecmp(v, "TRUE") == 0 || strcmp(v, "1") == 0 || strcasecmp(v, "yes") == 0;
}

long tw_pref_int(const char *name, long dflt)
{
    const char *v = tw_pref_str(name);
    if (!v || !*v) return dflt;
    char *end;
    long r = strtol(v, &end, 0);
    return *end ? dflt : r;
}
