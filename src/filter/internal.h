/* filter internals: tokens, syntax tree, checked types, bytecode. Only src/filter/ includes it. */
#ifndef TW_FILTER_INTERNAL_H
#define TW_FILTER_INTERNAL_H

#include "filter.h"
#include "../dissect/dissect.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#define TWF_MAX_DEPTH 64     /* parser nesting */
#define TWF_MAX_NODES 4096   /* syntax tree size */
#define TWF_MAX_INSNS 4096   /* program size */
#define TWF_MAX_REGS 1024
#define TWF_MAX_SLICES 16    /* ranges in one [..] */
#define TWF_SCAN_FIELDS 3     /* up to this many fields, a packet recording only them is scanned */

/* ---- scanner ---- */
enum twf_tok {
    TK_EOF, TK_LPAREN, TK_RPAREN, TK_LBRACE, TK_RBRACE, TK_LBRACK, TK_RBRACK, TK_COMMA,
    TK_DOTDOT, TK_HASH, TK_DOLLAR, TK_AND, TK_OR, TK_NOT, TK_EQ, TK_NE, TK_ALL_EQ, TK_ANY_NE,
    TK_GT, TK_GE, TK_LT, TK_LE, TK_CONTAINS, TK_MATCHES, TK_BITAND, TK_IN, TK_ANY, TK_ALL,
    TK_PLUS, TK_MINUS, TK_STAR, TK_SLASH, TK_PERCENT, TK_STRING, TK_WORD, TK_BAD
};

struct twf_tok_s {
    enum twf_tok t;
    uint32_t pos, len; /* span in the filter text */
    char *str;         /* TK_STRING: decoded bytes (heap); TK_WORD: copy of the word */
    uint32_t slen;
};

struct twf_err {
    bool set;
    bool has_span;
    uint32_t pos, len;
    char msg[400];
};

struct twf_lex {
    const char *s;
    uint32_t n, i;
    struct twf_err *err;
};

bool twf_lex_next(struct twf_lex *lx, struct twf_tok_s *tk);
void twf_errf(struct twf_err *e, uint32_t pos, uint32_t len, bool span, const char *fmt, ...)
    TW_PRINTF(5, 6);

/* ---- value types (what an expression yields) ---- */
enum twf_vt {
    VT_NONE,  /* text-only item: existence only */
    VT_PROTO, /* a protocol: its bytes */
    VT_BOOL,
    VT_UINT,
    VT_INT,
    VT_DOUBLE,
    VT_ABSTIME,
    VT_RELTIME,
    VT_STRING,
    VT_BYTES,
    VT_ETHER,
    VT_IPV4,
    VT_IPV6,
    VT_GUID,
    VT_OID,
    VT_EUI64,
};

/* a field value at run time (also constants) */
struct twf_val {
    uint8_t vt;   /* enum twf_vt */
    uint8_t mask; /* addresses: prefix bits (32/128 for a host) */
    union {
        uint64_t u;
        int64_t i;
        double d;
        int64_t ns; /* times as nanoseconds */
        struct {
            const uint8_t *p;
            uint32_t n;
        } b;
        uint8_t a6[16];
        uint32_t a4;
    } v;
    uint32_t flen; /* the field's length in the packet (len() of a non-sequence field) */
    uint32_t tail; /* protocols: bytes from the item to the end of the layer's data, which
                    * `contains` and `matches` search in tshark 4.0 (len() and slices use the
                    * item's own length) */
};

/* times are nanoseconds in an int64: beyond ~292 years from 1970 they saturate */
static inline int64_t twf_ns(int64_t sec, int64_t nsec)
{
    int64_t r;
    if (__builtin_mul_overflow(sec, (int64_t)1000000000, &r) || __builtin_add_overflow(r, nsec, &r))
        return sec < 0 ? INT64_MIN + 1 : INT64_MAX;
    return r == INT64_MIN ? INT64_MIN + 1 : r;
}
static inline int64_t twf_ns_add(int64_t a, int64_t b)
{
    int64_t r;
    if (__builtin_add_overflow(a, b, &r)) return b < 0 ? INT64_MIN + 1 : INT64_MAX;
    return r == INT64_MIN ? INT64_MIN + 1 : r;
}

/* ---- syntax tree ---- */
enum twf_node_kind {
    N_FIELD, N_WORD, N_STRING, N_REF, N_FUNC, N_SLICE, N_ARITH, N_NEG, N_SET, N_RANGE,
    N_AND, N_OR, N_NOT, N_CMP, N_IN, N_TEST
};

enum twf_cmp { C_EQ, C_NE, C_ALL_EQ, C_ANY_NE, C_GT, C_GE, C_LT, C_LE, C_CONTAINS, C_MATCHES };
enum twf_arith { A_ADD, A_SUB, A_MUL, A_DIV, A_MOD, A_BAND };
enum twf_quant { Q_DEFAULT, Q_ANY, Q_ALL };

struct twf_slice {
    int32_t start; /* negative counts from the end */
    int32_t len;   /* -1: to the end */
};

struct twf_node {
    uint8_t kind;
    uint8_t op;    /* enum twf_cmp / twf_arith */
    uint8_t quant; /* enum twf_quant for N_CMP */
    bool negated;  /* N_IN: not in */
    uint32_t pos, len;
    uint32_t opos, olen; /* N_ARITH: the operator's span (tshark points errors at it) */
    int32_t a, b;      /* children (node indexes), -1 none */
    int32_t next;      /* next sibling in a list (function args, set elements) */
    char *str;         /* N_WORD / N_STRING / N_FIELD name / N_FUNC name */
    uint32_t slen;
    int32_t field;     /* N_FIELD / N_REF: registry id, or -1 */
    int32_t cat;       /* catalogue entry when not in the registry, else -1 */
    uint8_t ft;        /* field type (enum tw_ft) */
    int32_t layer_lo, layer_hi; /* #n / #[a-b]: 0 = any layer */
    struct twf_slice *slices;
    uint32_t nslices;
    uint8_t vt;        /* checked value type */
    int32_t konst;     /* constant index once converted, -1 */
};

struct twf_tree {
    struct twf_node *n;
    uint32_t nn, cap;
};

int32_t twf_parse(const char *text, struct twf_tree *t, struct twf_err *err);

/* ---- field catalogue (Wireshark names trawl does not dissect) ---- */
/* Returns the field type (enum tw_ft) of a Wireshark 4.0.17 name, or -1. */
int twf_catalogue_lookup(const char *name, size_t len);

/* ---- program ---- */
enum twf_opcode {
    OP_EXISTS,  /* flag = field present (a = field, layer range) */
    OP_PROTO,   /* flag = protocol in the layer stack (a = proto index) */
    OP_LOAD,    /* r[dst] = values of field a */
    OP_CONST,   /* r[dst] = constant a */
    OP_SLICE,   /* r[dst] = slices of r[a] (slice list k) */
    OP_FUNC,    /* r[dst] = fn k (r[a], r[b]...) */
    OP_ARITH,   /* r[dst] = r[a] op r[b] */
    OP_NEG,     /* r[dst] = -r[a] */
    OP_CMP,     /* flag = r[a] op r[b] under quantifier */
    OP_IN,      /* flag = r[a] in set k */
    OP_NONZERO, /* flag = some value of r[a] is nonzero / present */
    OP_NOT,     /* flag = !flag */
    OP_JF,      /* if !flag goto a */
    OP_JT,      /* if flag goto a */
    OP_RET,
    OP_NOTEMPTY,  /* flag = r[a] has a value */
    OP_CMP_FIELD, /* LOAD + CONST + CMP in one: flag = values of field a (no layer selection)
                   * op constant b (regex k), under quantifier */
    OP_IN_FIELD,  /* LOAD + IN in one: flag = some value of field a in set k */
};

enum twf_fn { F_LEN, F_COUNT, F_UPPER, F_LOWER, F_STRING, F_MAX, F_MIN, F_ABS };

/* OP_CMP_FIELD / OP_IN_FIELD on a record of the field itself: a shortcut that needs no
 * twf_val (values of fields sharing its name take the general way) */
enum twf_fast {
    FAST_NONE,
    FAST_UINT, /* unsigned integer field vs an unsigned constant (a sorted unsigned set) */
    FAST_IPV4, /* IPv4 field vs an IPv4 constant */
};

struct twf_insn {
    uint8_t op;
    uint8_t sub;   /* comparison / arith op / function */
    uint8_t quant;
    uint8_t vt;    /* comparison type */
    uint8_t fast;  /* enum twf_fast */
    bool all;      /* OP_CMP_FIELD: every value must pass (quantifier / operator), else any */
    bool namesakes; /* OP_*_FIELD: other fields share the name (records of any of them count) */
    uint8_t ctab;   /* FAST_* ordering tests: bit 0 passes "less", bit 1 "equal", bit 2 "greater" */
    uint32_t fmask; /* FAST_IPV4: the constant's prefix mask */
    uint64_t fk;    /* FAST_*: the constant (FAST_IPV4: masked) */
    int32_t dst, a, b;
    int32_t k;     /* set / slice list / regex / constant index */
    int32_t lo, hi; /* OP_LOAD / OP_EXISTS: layer range */
    int32_t nargs;
    int32_t args[8];
};

struct twf_setelem {
    struct twf_val lo, hi; /* lo == hi for a single value */
    bool range;
};

struct twf_set {
    struct twf_setelem *e;
    uint32_t n;
    bool sorted_uint; /* all unsigned ranges, sorted by lo: binary search */
};

struct twf_reg {
    uint32_t start, n; /* values pool[start .. start+n) */
};

struct tw_filter {
    char *text;
    struct twf_insn *code;
    uint32_t ncode;
    struct twf_val *consts;
    uint32_t nconsts;
    struct twf_set *sets;
    uint32_t nsets;
    struct twf_slice **slices;
    uint32_t *nslices;
    uint32_t nslicelists;
    pcre2_code **re;
    pcre2_match_data **md;
    uint32_t nre;
    char **strs; /* owned strings (constants' bytes) */
    uint32_t nstrs;
    uint32_t nregs;
    /* run-time scratch, sized on demand and reused */
    struct twf_reg *regs;
    struct twf_val *pool;
    uint32_t pool_used, pool_cap;
    uint8_t *sbuf; /* string()/upper()/lower() results */
    uint32_t sbuf_used, sbuf_cap;
    bool tests_only; /* twf_tests_only(): run by the lighter loop */
    /* fields the program reads */
    uint16_t *want;
    uint32_t nwant;
};

/* vm.c: does the program use no registers (fused tests and logic only)? */
bool twf_tests_only(const struct tw_filter *f);
/* check.c: types, literal conversion */
bool twf_check(struct tw_filter *f, struct twf_tree *t, int32_t root, struct twf_err *err);
/* compile.c */
bool twf_compile(struct tw_filter *f, struct twf_tree *t, int32_t root, struct twf_err *err);
int32_t twf_add_const(struct tw_filter *f, const struct twf_val *v);
char *twf_own(struct tw_filter *f, const char *s, size_t n);
const char *twf_vt_name(uint8_t vt);
enum twf_vt twf_vt_of_ft(uint8_t ft);
const char *twf_ft_desc(uint8_t ft);
int twf_val_cmp(const struct twf_val *a, const struct twf_val *b, bool *ok);

#endif
