/* filter parser: hand-written Pratt parser over the token array, building the syntax tree with
 * each node's column span. Nesting is capped (TWF_MAX_DEPTH), the tree too (TWF_MAX_NODES). */
#include "internal.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

struct parser {
    const char *text;
    struct twf_tok_s *tk;
    uint32_t ntk, i;
    struct twf_tree *t;
    struct twf_err *err;
    uint32_t depth;
};

static struct twf_tok_s *peek(struct parser *p) { return &p->tk[p->i]; }
static struct twf_tok_s *peek2(struct parser *p)
{
    return &p->tk[p->i + 1 < p->ntk ? p->i + 1 : p->ntk - 1];
}

static void unexpected(struct parser *p, const struct twf_tok_s *tk)
{
    if (tk->t == TK_EOF)
        twf_errf(p->err, 0, 0, false, "Unexpected end of filter expression.");
    else
        twf_errf(p->err, tk->pos, tk->len, true, "\"%.*s\" was unexpected in this context.",
                 (int)tk->len, p->text + tk->pos);
}

static int32_t new_node(struct parser *p, uint8_t kind, uint32_t pos, uint32_t len)
{
    struct twf_tree *t = p->t;
    if (t->nn >= TWF_MAX_NODES) {
        twf_errf(p->err, pos, len, false, "Filter expression is too long.");
        return -1;
    }
    if (t->nn == t->cap) {
        uint32_t nc = t->cap ? t->cap * 2 : 64;
        struct twf_node *nn = realloc(t->n, nc * sizeof *nn);
        if (!nn) {
            twf_errf(p->err, 0, 0, false, "Out of memory.");
            return -1;
        }
        t->n = nn;
        t->cap = nc;
    }
    struct twf_node *n = &t->n[t->nn];
    memset(n, 0, sizeof *n);
    n->kind = kind;
    n->pos = pos;
    n->len = len;
    n->a = n->b = n->next = -1;
    n->field = n->cat = n->konst = -1;
    return (int32_t)t->nn++;
}

static struct twf_node *N(struct parser *p, int32_t i) { return &p->t->n[i]; }

static void span_to(struct parser *p, int32_t n, int32_t last)
{
    struct twf_node *a = N(p, n), *b = N(p, last);
    if (b->pos + b->len > a->pos + a->len) a->len = b->pos + b->len - a->pos;
}

static int32_t parse_or(struct parser *p);
static int32_t parse_arith(struct parser *p, int minprec);

static bool enter(struct parser *p)
{
    if (++p->depth > TWF_MAX_DEPTH) {
        twf_errf(p->err, peek(p)->pos, peek(p)->len, false, "Filter expression is nested too deeply.");
        return false;
    }
    return true;
}

/* integer in a slice or layer spec; false if s is not one */
static bool parse_int(const char *s, size_t n, int32_t *out)
{
    char buf[32];
    if (n == 0 || n >= sizeof buf) return false;
    memcpy(buf, s, n);
    buf[n] = 0;
    char *end;
    errno = 0;
    long v = strtol(buf, &end, 10);
    if (errno || *end || v > INT32_MAX || v < -INT32_MAX) return false;
    *out = (int32_t)v;
    return true;
}

/* the raw text between '[' (token index lb) and the matching ']' */
static bool bracket_text(struct parser *p, uint32_t *from, uint32_t *to)
{
    uint32_t lb = p->i;
    p->i++;
    while (peek(p)->t != TK_RBRACK) {
        if (peek(p)->t == TK_EOF) {
            uint32_t end = (uint32_t)strlen(p->text);
            twf_errf(p->err, end, 1, true, "The right bracket was missing from a slice.");
            return false;
        }
        p->i++;
    }
    *from = p->tk[lb].pos + 1;
    *to = peek(p)->pos;
    p->i++;
    return true;
}

static char *trim(const char *s, uint32_t *n)
{
    while (*n && isspace((unsigned char)*s)) s++, (*n)--;
    while (*n && isspace((unsigned char)s[*n - 1])) (*n)--;
    return (char *)s;
}

static bool parse_slices(struct parser *p, int32_t node)
{
    uint32_t from, to;
    uint32_t lbpos = peek(p)->pos;
    if (!bracket_text(p, &from, &to)) return false;
    struct twf_slice sl[TWF_MAX_SLICES];
    uint32_t ns = 0;
    uint32_t i = from;
    while (i <= to) {
        uint32_t j = i;
        while (j < to && p->text[j] != ',') j++;
        uint32_t n = j - i;
        const char *s = trim(p->text + i, &n);
        const char *colon = memchr(s, ':', n);
        const char *dash = n > 1 ? memchr(s + 1, '-', n - 1) : NULL;
        int32_t a = 0, b = 0;
        struct twf_slice x;
        bool ok;
        if (colon) {
            size_t la = (size_t)(colon - s), lb = n - la - 1;
            ok = (la == 0 || parse_int(s, la, &a)) && (lb == 0 || parse_int(colon + 1, lb, &b));
            ok = ok && (lb == 0 || b >= 0);
            x = (struct twf_slice){la ? a : 0, lb ? b : -1};
        } else if (dash) {
            size_t la = (size_t)(dash - s), lb = n - la - 1;
            ok = parse_int(s, la, &a) && parse_int(dash + 1, lb, &b) && a >= 0 && b >= a;
            x = (struct twf_slice){a, ok ? b - a + 1 : 0};
        } else {
            ok = parse_int(s, n, &a);
            x = (struct twf_slice){a, 1};
        }
        if (!ok || ns >= TWF_MAX_SLICES) {
            twf_errf(p->err, (uint32_t)(s - p->text), n ? n : 1, true,
                     "\"%.*s\" is not a valid range.", (int)n, s);
            return false;
        }
        sl[ns++] = x;
        i = j + 1;
    }
    int32_t sn = new_node(p, N_SLICE, N(p, node)->pos, 0);
    if (sn < 0) return false;
    struct twf_node *s = N(p, sn);
    s->a = node;
    s->len = to + 1 - s->pos;
    s->slices = malloc(ns * sizeof *s->slices);
    if (!s->slices) return false;
    memcpy(s->slices, sl, ns * sizeof *sl);
    s->nslices = ns;
    (void)lbpos;
    return true;
}

static int32_t postfix(struct parser *p, int32_t n)
{
    if (peek(p)->t == TK_HASH && N(p, n)->kind == N_WORD) {
        p->i++;
        int32_t lo, hi;
        struct twf_tok_s *tk = peek(p);
        if (tk->t == TK_LBRACK) {
            uint32_t from, to;
            if (!bracket_text(p, &from, &to)) return -1;
            uint32_t len = to - from;
            const char *s = trim(p->text + from, &len);
            const char *d = memchr(s, '-', len);
            const char *c = memchr(s, ':', len);
            bool ok;
            if (d) ok = parse_int(s, (size_t)(d - s), &lo) &&
                        parse_int(d + 1, len - (size_t)(d - s) - 1, &hi);
            else if (c) {
                int32_t cnt;
                ok = parse_int(s, (size_t)(c - s), &lo) &&
                     parse_int(c + 1, len - (size_t)(c - s) - 1, &cnt) && cnt > 0;
                hi = ok ? lo + cnt - 1 : 0;
            } else ok = parse_int(s, len, &lo), hi = lo;
            if (!ok || lo < 1 || hi < lo) {
                twf_errf(p->err, from, to - from, true, "\"%.*s\" is not a valid layer range.",
                         (int)(to - from), p->text + from);
                return -1;
            }
            N(p, n)->len = to + 1 - N(p, n)->pos;
        } else if (tk->t == TK_WORD && parse_int(tk->str, tk->slen, &lo) && lo >= 0 &&
                   tk->pos == p->tk[p->i - 1].pos + 1) {
            hi = lo;
            N(p, n)->len = tk->pos + tk->len - N(p, n)->pos;
            p->i++;
        } else {
            unexpected(p, tk);
            return -1;
        }
        if (lo == 0) lo = hi = INT32_MAX; /* tshark accepts #0; no field is in layer 0 */
        N(p, n)->layer_lo = lo;
        N(p, n)->layer_hi = hi;
    }
    while (peek(p)->t == TK_LBRACK) {
        if (!parse_slices(p, n)) return -1;
        n = (int32_t)p->t->nn - 1;
    }
    return n;
}

static int32_t parse_primary(struct parser *p)
{
    struct twf_tok_s *tk = peek(p);
    int32_t n = -1;
    switch (tk->t) {
    case TK_WORD:
        if (peek2(p)->t == TK_LPAREN) {
            n = new_node(p, N_FUNC, tk->pos, tk->len);
            if (n < 0) return -1;
            N(p, n)->str = tk->str;
            N(p, n)->slen = tk->slen;
            tk->str = NULL;
            p->i += 2;
            int32_t last = -1;
            if (peek(p)->t != TK_RPAREN) {
                for (;;) {
                    int32_t a = parse_arith(p, 0);
                    if (a < 0) return -1;
                    if (last < 0) N(p, n)->a = a;
                    else N(p, last)->next = a;
                    last = a;
                    if (peek(p)->t == TK_COMMA) {
                        p->i++;
                        continue;
                    }
                    break;
                }
            }
            if (peek(p)->t != TK_RPAREN) {
                unexpected(p, peek(p));
                return -1;
            }
            N(p, n)->b = (int32_t)peek(p)->pos; /* closing paren, for the span */
            p->i++;
            return postfix(p, n);
        }
        n = new_node(p, N_WORD, tk->pos, tk->len);
        if (n < 0) return -1;
        N(p, n)->str = tk->str;
        N(p, n)->slen = tk->slen;
        tk->str = NULL;
        p->i++;
        return postfix(p, n);
    case TK_STRING:
        n = new_node(p, N_STRING, tk->pos, tk->len);
        if (n < 0) return -1;
        N(p, n)->str = tk->str;
        N(p, n)->slen = tk->slen;
        tk->str = NULL;
        p->i++;
        return postfix(p, n);
    case TK_DOLLAR: {
        p->i++;
        if (peek(p)->t != TK_LBRACE) {
            unexpected(p, peek(p));
            return -1;
        }
        p->i++;
        struct twf_tok_s *w = peek(p);
        if (w->t != TK_WORD) {
            unexpected(p, w);
            return -1;
        }
        n = new_node(p, N_REF, w->pos, w->len);
        if (n < 0) return -1;
        N(p, n)->str = w->str;
        N(p, n)->slen = w->slen;
        w->str = NULL;
        p->i++;
        if (peek(p)->t != TK_RBRACE) {
            unexpected(p, peek(p));
            return -1;
        }
        p->i++;
        return n;
    }
    case TK_LBRACE: {
        p->i++;
        if (!enter(p)) return -1;
        n = parse_arith(p, 0);
        p->depth--;
        if (n < 0) return -1;
        if (peek(p)->t != TK_RBRACE) {
            unexpected(p, peek(p));
            return -1;
        }
        p->i++;
        return n;
    }
    default: unexpected(p, tk); return -1;
    }
}

static int arith_prec(enum twf_tok t, uint8_t *op)
{
    switch (t) {
    case TK_BITAND: *op = A_BAND; return 1;
    case TK_PLUS: *op = A_ADD; return 2;
    case TK_MINUS: *op = A_SUB; return 2;
    case TK_STAR: *op = A_MUL; return 3;
    case TK_SLASH: *op = A_DIV; return 3;
    case TK_PERCENT: *op = A_MOD; return 3;
    default: return 0;
    }
}

static int32_t parse_arith(struct parser *p, int minprec)
{
    if (!enter(p)) return -1;
    int32_t l;
    struct twf_tok_s *tk = peek(p);
    if (tk->t == TK_MINUS) {
        p->i++;
        int32_t x = parse_arith(p, 4);
        if (x < 0) return -1;
        l = new_node(p, N_NEG, tk->pos, 1);
        if (l < 0) return -1;
        N(p, l)->a = x;
        span_to(p, l, x);
    } else {
        l = parse_primary(p);
        if (l < 0) return -1;
    }
    for (;;) {
        uint8_t op;
        int prec = arith_prec(peek(p)->t, &op);
        if (!prec || prec <= minprec) break;
        struct twf_tok_s *optk = peek(p);
        p->i++;
        int32_t r = parse_arith(p, prec);
        if (r < 0) return -1;
        int32_t n = new_node(p, N_ARITH, N(p, l)->pos, 0);
        if (n < 0) return -1;
        N(p, n)->op = op;
        N(p, n)->a = l;
        N(p, n)->b = r;
        N(p, n)->len = optk->pos + optk->len - N(p, n)->pos;
        N(p, n)->opos = optk->pos;
        N(p, n)->olen = optk->len;
        span_to(p, n, r);
        l = n;
    }
    p->depth--;
    return l;
}

static bool cmp_op(enum twf_tok t, uint8_t *op)
{
    switch (t) {
    case TK_EQ: *op = C_EQ; return true;
    case TK_NE: *op = C_NE; return true;
    case TK_ALL_EQ: *op = C_ALL_EQ; return true;
    case TK_ANY_NE: *op = C_ANY_NE; return true;
    case TK_GT: *op = C_GT; return true;
    case TK_GE: *op = C_GE; return true;
    case TK_LT: *op = C_LT; return true;
    case TK_LE: *op = C_LE; return true;
    case TK_CONTAINS: *op = C_CONTAINS; return true;
    case TK_MATCHES: *op = C_MATCHES; return true;
    default: return false;
    }
}

static int32_t parse_set(struct parser *p)
{
    struct twf_tok_s *lb = peek(p);
    if (lb->t != TK_LBRACE) {
        unexpected(p, lb);
        return -1;
    }
    p->i++;
    int32_t set = new_node(p, N_SET, lb->pos, 1);
    if (set < 0) return -1;
    int32_t last = -1;
    for (;;) {
        int32_t e = parse_arith(p, 0);
        if (e < 0) return -1;
        if (peek(p)->t == TK_DOTDOT) {
            p->i++;
            int32_t hi = parse_arith(p, 0);
            if (hi < 0) return -1;
            int32_t r = new_node(p, N_RANGE, N(p, e)->pos, 0);
            if (r < 0) return -1;
            N(p, r)->a = e;
            N(p, r)->b = hi;
            span_to(p, r, e);
            span_to(p, r, hi);
            e = r;
        }
        if (last < 0) N(p, set)->a = e;
        else N(p, last)->next = e;
        last = e;
        if (peek(p)->t == TK_COMMA) {
            p->i++;
            continue;
        }
        if (peek(p)->t == TK_RBRACE) break;
        unexpected(p, peek(p));
        return -1;
    }
    N(p, set)->len = peek(p)->pos + 1 - N(p, set)->pos;
    p->i++;
    return set;
}

static int32_t parse_rel(struct parser *p)
{
    int32_t l = parse_arith(p, 0);
    if (l < 0) return -1;
    uint8_t op;
    struct twf_tok_s *tk = peek(p);
    if (cmp_op(tk->t, &op)) {
        p->i++;
        int32_t r = parse_arith(p, 0);
        if (r < 0) return -1;
        int32_t n = new_node(p, N_CMP, tk->pos, tk->len);
        if (n < 0) return -1;
        N(p, n)->op = op;
        N(p, n)->a = l;
        N(p, n)->b = r;
        return n;
    }
    bool neg = false;
    if (tk->t == TK_NOT && peek2(p)->t == TK_IN) {
        neg = true;
        p->i++;
        tk = peek(p);
    }
    if (tk->t == TK_IN) {
        p->i++;
        int32_t s = parse_set(p);
        if (s < 0) return -1;
        int32_t n = new_node(p, N_IN, tk->pos, tk->len);
        if (n < 0) return -1;
        N(p, n)->negated = neg;
        N(p, n)->a = l;
        N(p, n)->b = s;
        return n;
    }
    int32_t n = new_node(p, N_TEST, N(p, l)->pos, N(p, l)->len);
    if (n < 0) return -1;
    N(p, n)->a = l;
    return n;
}

static int32_t parse_unary(struct parser *p)
{
    if (!enter(p)) return -1;
    struct twf_tok_s *tk = peek(p);
    int32_t n;
    if (tk->t == TK_NOT) {
        p->i++;
        int32_t x = parse_unary(p);
        if (x < 0) return -1;
        n = new_node(p, N_NOT, tk->pos, tk->len);
        if (n < 0) return -1;
        N(p, n)->a = x;
    } else if (tk->t == TK_ANY || tk->t == TK_ALL) {
        p->i++;
        n = parse_rel(p);
        if (n < 0) return -1;
        if (N(p, n)->kind != N_CMP) {
            unexpected(p, peek(p)); /* tshark's grammar wants a relation here */
            return -1;
        }
        N(p, n)->quant = tk->t == TK_ANY ? Q_ANY : Q_ALL;
    } else if (tk->t == TK_LPAREN) {
        p->i++;
        n = parse_or(p);
        if (n < 0) return -1;
        if (peek(p)->t != TK_RPAREN) {
            unexpected(p, peek(p));
            return -1;
        }
        p->i++;
    } else {
        n = parse_rel(p);
    }
    p->depth--;
    return n;
}

static int32_t parse_and(struct parser *p)
{
    int32_t l = parse_unary(p);
    while (l >= 0 && peek(p)->t == TK_AND) {
        struct twf_tok_s *tk = peek(p);
        p->i++;
        int32_t r = parse_unary(p);
        if (r < 0) return -1;
        int32_t n = new_node(p, N_AND, tk->pos, tk->len);
        if (n < 0) return -1;
        N(p, n)->a = l;
        N(p, n)->b = r;
        l = n;
    }
    return l;
}

static int32_t parse_or(struct parser *p)
{
    if (!enter(p)) return -1;
    int32_t l = parse_and(p);
    while (l >= 0 && peek(p)->t == TK_OR) {
        struct twf_tok_s *tk = peek(p);
        p->i++;
        int32_t r = parse_and(p);
        if (r < 0) return -1;
        int32_t n = new_node(p, N_OR, tk->pos, tk->len);
        if (n < 0) return -1;
        N(p, n)->a = l;
        N(p, n)->b = r;
        l = n;
    }
    p->depth--;
    return l;
}

int32_t twf_parse(const char *text, struct twf_tree *t, struct twf_err *err)
{
    struct twf_lex lx = {text, (uint32_t)strlen(text), 0, err};
    struct parser p = {text, NULL, 0, 0, t, err, 0};
    uint32_t cap = 0;
    int32_t root = -1;
    for (;;) {
        if (p.ntk == cap) {
            cap = cap ? cap * 2 : 32;
            if (cap > 4 * TWF_MAX_NODES) {
                twf_errf(err, 0, 0, false, "Filter expression is too long.");
                goto out;
            }
            struct twf_tok_s *nt = realloc(p.tk, cap * sizeof *nt);
            if (!nt) goto out;
            p.tk = nt;
        }
        if (!twf_lex_next(&lx, &p.tk[p.ntk])) goto out;
        if (p.tk[p.ntk++].t == TK_EOF) break;
    }
    if (p.ntk == 1) {
        twf_errf(err, 0, 0, false, "Unexpected end of filter expression.");
        goto out;
    }
    root = parse_or(&p);
    if (root >= 0 && peek(&p)->t != TK_EOF) {
        unexpected(&p, peek(&p));
        root = -1;
    }
out:
    if (root < 0 && !err->set) twf_errf(err, 0, 0, false, "Out of memory.");
    for (uint32_t i = 0; i < p.ntk; i++) free(p.tk[i].str);
    free(p.tk);
    return root;
}
