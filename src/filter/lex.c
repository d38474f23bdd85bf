/* filter scanner: one token at a time, with its column span for error carets. */
#include "internal.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void twf_errf(struct twf_err *e, uint32_t pos, uint32_t len, bool span, const char *fmt, ...)
{
    if (e->set) return;
    e->set = true;
    e->has_span = span;
    e->pos = pos;
    e->len = len;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
    va_end(ap);
}

static bool is_word_char(char c)
{
    return isalnum((unsigned char)c) || c == '_' || c == '.' || c == ':' || c == '/';
}

static const struct {
    const char *w;
    enum twf_tok t;
} keywords[] = {
    {"and", TK_AND},   {"or", TK_OR},       {"not", TK_NOT},           {"eq", TK_EQ},
    {"ne", TK_NE},     {"all_eq", TK_ALL_EQ}, {"any_ne", TK_ANY_NE},   {"gt", TK_GT},
    {"any_eq", TK_EQ}, {"all_ne", TK_NE}, /* 4.0's spellings of == and != */
    {"ge", TK_GE},     {"lt", TK_LT},       {"le", TK_LE},             {"contains", TK_CONTAINS},
    {"matches", TK_MATCHES}, {"bitwise_and", TK_BITAND}, {"in", TK_IN}, {"any", TK_ANY},
    {"all", TK_ALL},
};

/* a quoted string ("..." or r"..."); i is at the opening quote */
static bool lex_string(struct twf_lex *lx, struct twf_tok_s *tk, bool raw)
{
    uint32_t start = tk->pos;
    uint32_t i = lx->i + 1;
    char *out = malloc(lx->n - i + 1);
    if (!out) return false;
    uint32_t k = 0;
    for (;;) {
        if (i >= lx->n) {
            free(out);
            twf_errf(lx->err, start, lx->n - start, false, "The final quote was omitted.");
            return false;
        }
        char c = lx->s[i];
        if (c == '"') {
            i++;
            break;
        }
        if (c != '\\') {
            out[k++] = c;
            i++;
            continue;
        }
        if (i + 1 >= lx->n) {
            i++;
            continue; /* the missing quote is reported next round */
        }
        char e = lx->s[i + 1];
        if (raw) {
            /* raw strings keep the backslash; \" does not end the string */
            out[k++] = '\\';
            out[k++] = e;
            i += 2;
            continue;
        }
        uint32_t esc = i;
        i += 2;
        switch (e) {
        case 'a': out[k++] = '\a'; break;
        case 'b': out[k++] = '\b'; break;
        case 'f': out[k++] = '\f'; break;
        case 'n': out[k++] = '\n'; break;
        case 'r': out[k++] = '\r'; break;
        case 't': out[k++] = '\t'; break;
        case 'v': out[k++] = '\v'; break;
        case 'x': {
            int h1 = i < lx->n ? tw_hexdigit(lx->s[i]) : -1;
            if (h1 < 0) {
                out[k++] = 'x';
                break;
            }
            int v = h1;
            i++;
            int h2 = i < lx->n ? tw_hexdigit(lx->s[i]) : -1;
            if (h2 >= 0) {
                v = v * 16 + h2;
                i++;
            }
            out[k++] = (char)v;
            break;
        }
        case 'u':
        case 'U': {
            uint32_t want = e == 'u' ? 4 : 8, j = 0;
            uint32_t cp = 0;
            while (j < want && i + j < lx->n && tw_hexdigit(lx->s[i + j]) >= 0)
                cp = cp * 16 + (uint32_t)tw_hexdigit(lx->s[i + j]), j++;
            /* C's rule for universal character names, which tshark 4.0 follows: all digits,
             * not below U+00A0 (except $ @ `), not a surrogate, not above U+10FFFF */
            if (j == want && (cp >= 0xA0 || cp == 0x24 || cp == 0x40 || cp == 0x60) &&
                !(cp >= 0xD800 && cp <= 0xDFFF) && cp <= 0x10FFFF) {
                i += j;
                if (cp < 0x80) {
                    out[k++] = (char)cp;
                } else if (cp < 0x800) {
                    out[k++] = (char)(0xC0 | cp >> 6);
                    out[k++] = (char)(0x80 | (cp & 0x3F));
                } else if (cp < 0x10000) {
                    out[k++] = (char)(0xE0 | cp >> 12);
                    out[k++] = (char)(0x80 | (cp >> 6 & 0x3F));
                    out[k++] = (char)(0x80 | (cp & 0x3F));
                } else {
                    out[k++] = (char)(0xF0 | cp >> 18);
                    out[k++] = (char)(0x80 | (cp >> 12 & 0x3F));
                    out[k++] = (char)(0x80 | (cp >> 6 & 0x3F));
                    out[k++] = (char)(0x80 | (cp & 0x3F));
                }
                break;
            }
            free(out);
            twf_errf(lx->err, esc, 2 + j, true, "%.*s is not a valid universal character name",
                     (int)(2 + j), lx->s + esc);
            return false;
        }
        default:
            if (e >= '0' && e <= '7') {
                int v = e - '0';
                for (int d = 0; d < 2 && i < lx->n && lx->s[i] >= '0' && lx->s[i] <= '7'; d++)
                    v = v * 8 + (lx->s[i++] - '0');
                out[k++] = (char)v;
            } else {
                out[k++] = e; /* \\ \" and any other character stand for themselves */
            }
        }
    }
    out[k] = 0;
    tk->t = TK_STRING;
    tk->str = out;
    tk->slen = k;
    tk->len = i - start;
    lx->i = i;
    return true;
}

/* A character constant: 'a', '\\', '\'', '\x41', '\101'. It becomes a word holding its
 * decimal value, so that it converts like the number it is (frame.len > 'a'). tshark 4.0 takes
 * no other escapes ('\n' is "too long"). */
static bool lex_char(struct twf_lex *lx, struct twf_tok_s *tk)
{
    uint32_t start = lx->i, i = lx->i + 1, end = i;
    while (end < lx->n && lx->s[end] != '\'') end += lx->s[end] == '\\' ? 2 : 1;
    if (end >= lx->n) {
        twf_errf(lx->err, start, lx->n - start, false, "The final quote was omitted.");
        return false;
    }
    const char *b = lx->s + i;
    uint32_t n = end - i;
    int v = -1;
    if (n == 1 && b[0] != '\\') v = (unsigned char)b[0];
    else if (n == 2 && b[0] == '\\' && (b[1] == '\\' || b[1] == '\'' || b[1] == '"')) v = (unsigned char)b[1];
    else if (n == 4 && b[0] == '\\' && b[1] == 'x' && tw_hexdigit(b[2]) >= 0 && tw_hexdigit(b[3]) >= 0)
        v = tw_hexdigit(b[2]) * 16 + tw_hexdigit(b[3]);
    else if (n == 4 && b[0] == '\\' && b[1] >= '0' && b[1] <= '3' && b[2] >= '0' && b[2] <= '7' &&
             b[3] >= '0' && b[3] <= '7')
        v = (b[1] - '0') * 64 + (b[2] - '0') * 8 + (b[3] - '0');
    uint32_t tl = end + 1 - start;
    if (v < 0) {
        twf_errf(lx->err, start, tl, true, "%.*s is too long to be a valid character constant.",
                 (int)tl, lx->s + start);
        return false;
    }
    tk->t = TK_WORD;
    tk->str = malloc(8);
    if (!tk->str) return false;
    tk->slen = (uint32_t)snprintf(tk->str, 8, "%d", v);
    tk->len = tl;
    lx->i = end + 1;
    return true;
}

bool twf_lex_next(struct twf_lex *lx, struct twf_tok_s *tk)
{
    memset(tk, 0, sizeof *tk);
    while (lx->i < lx->n && isspace((unsigned char)lx->s[lx->i])) lx->i++;
    tk->pos = lx->i;
    if (lx->i >= lx->n) {
        tk->t = TK_EOF;
        return true;
    }
    const char *s = lx->s + lx->i;
    uint32_t rest = lx->n - lx->i;
    char c = s[0], c1 = rest > 1 ? s[1] : 0, c2 = rest > 2 ? s[2] : 0;
    uint32_t len = 1;
    enum twf_tok t = TK_BAD;
    switch (c) {
    case '(': t = TK_LPAREN; break;
    case ')': t = TK_RPAREN; break;
    case '{': t = TK_LBRACE; break;
    case '}': t = TK_RBRACE; break;
    case '[': t = TK_LBRACK; break;
    case ']': t = TK_RBRACK; break;
    case ',': t = TK_COMMA; break;
    case '#': t = TK_HASH; break;
    case '$': t = TK_DOLLAR; break;
    case '+': t = TK_PLUS; break;
    case '-': t = TK_MINUS; break;
    case '*': t = TK_STAR; break;
    case '/': t = TK_SLASH; break;
    case '%': t = TK_PERCENT; break;
    case '~':
        if (c1 == '=') t = TK_ANY_NE, len = 2;
        else t = TK_MATCHES;
        break;
    case '&':
        if (c1 == '&') t = TK_AND, len = 2;
        else t = TK_BITAND;
        break;
    case '|':
        if (c1 == '|') t = TK_OR, len = 2;
        break;
    case '=':
        if (c1 == '=' && c2 == '=') t = TK_ALL_EQ, len = 3;
        else if (c1 == '=') t = TK_EQ, len = 2;
        break;
    case '!':
        if (c1 == '=' && c2 == '=') t = TK_ANY_NE, len = 3;
        else if (c1 == '=') t = TK_NE, len = 2;
        else t = TK_NOT;
        break;
    case '>':
        if (c1 == '=') t = TK_GE, len = 2;
        else t = TK_GT;
        break;
    case '<':
        if (c1 == '=') t = TK_LE, len = 2;
        else t = TK_LT;
        break;
    case '.':
        if (c1 == '.') t = TK_DOTDOT, len = 2;
        break;
    case '"': return lex_string(lx, tk, false);
    case '\'': return lex_char(lx, tk);
    default: break;
    }
    if (c == 'r' && c1 == '"') {
        lx->i++; /* tk->pos stays on the 'r': the token's span covers it */
        return lex_string(lx, tk, true);
    }
    if (t == TK_BAD && (is_word_char(c) && c != '/' && c != '.')) {
        /* a word: field name, number, address, byte string, unquoted literal. '-' joins when
         * a letter or digit follows (aa-bb, sip.Request-Line); '..' ends it (set ranges). */
        len = 0;
        while (len < rest) {
            char d = s[len];
            if (d == '.' && len + 1 < rest && s[len + 1] == '.') break;
            if (is_word_char(d)) {
                len++;
                continue;
            }
            if (d == '-' && len > 0 && len + 1 < rest && isalnum((unsigned char)s[len + 1])) {
                len++;
                continue;
            }
            break;
        }
        tk->t = TK_WORD;
        for (size_t k = 0; k < TW_ARRAY_LEN(keywords); k++)
            if (strlen(keywords[k].w) == len && memcmp(keywords[k].w, s, len) == 0)
                tk->t = keywords[k].t;
        tk->len = len;
        tk->str = malloc(len + 1);
        if (!tk->str) return false;
        memcpy(tk->str, s, len);
        tk->str[len] = 0;
        tk->slen = len;
        lx->i += len;
        return true;
    }
    if (t == TK_BAD) {
        /* one (UTF-8) character nobody expects: the parser reports it */
        len = 1;
        while (len < rest && ((unsigned char)s[len] & 0xC0) == 0x80) len++;
    }
    tk->t = t;
    tk->len = len;
    lx->i += len;
    return true;
}
