/* filter explain (--explain-filter): the program as text, one instruction a line, as
 * Wireshark's dftest shows its own. Identical programs print identically. */
#include "internal.h"

#include <arpa/inet.h>
#include <string.h>

static const char *const cmp_names[] = {"EQ", "ALL_NE", "ALL_EQ", "ANY_NE", "GT", "GE", "LT",
                                        "LE", "CONTAINS", "MATCHES"};
static const char *const arith_names[] = {"ADD", "SUBTRACT", "MULTIPLY", "DIVIDE", "MODULO",
                                          "BITWISE_AND"};
static const char *const fn_names[] = {"len", "count", "upper", "lower", "string", "max", "min",
                                       "abs"};

static void put_val(FILE *out, const struct twf_val *v)
{
    switch (v->vt) {
    case VT_UINT: fprintf(out, "%llu", (unsigned long long)v->v.u); break;
    case VT_INT: fprintf(out, "%lld", (long long)v->v.i); break;
    case VT_DOUBLE: fprintf(out, "%.17g", v->v.d); break;
    case VT_ABSTIME:
    case VT_RELTIME:
    {
        uint64_t m = v->v.ns < 0 ? 0 - (uint64_t)v->v.ns : (uint64_t)v->v.ns;
        fprintf(out, "%s%llu.%09llu", v->v.ns < 0 ? "-" : "", (unsigned long long)(m / 1000000000),
                (unsigned long long)(m % 1000000000));
    }
        break;
    case VT_IPV4:
        fprintf(out, "%u.%u.%u.%u/%u", v->v.a4 >> 24, (v->v.a4 >> 16) & 255, (v->v.a4 >> 8) & 255,
                v->v.a4 & 255, v->mask);
        break;
    case VT_IPV6: {
        char t[64];
        inet_ntop(AF_INET6, v->v.a6, t, sizeof t);
        fprintf(out, "%s/%u", t, v->mask);
        break;
    }
    case VT_STRING:
        fputc('"', out);
        for (uint32_t i = 0; i < v->v.b.n; i++) {
            uint8_t c = v->v.b.p[i];
            if (c == '"' || c == '\\') fprintf(out, "\\%c", c);
            else if (c < 0x20 || c >= 0x7f) fprintf(out, "\\x%02x", c);
            else fputc(c, out);
        }
        fputc('"', out);
        break;
    default:
        for (uint32_t i = 0; i < v->v.b.n; i++) fprintf(out, i ? ":%02x" : "%02x", v->v.b.p[i]);
        if (!v->v.b.n) fputs("<empty>", out);
        break;
    }
    fprintf(out, " <%s>", twf_vt_name(v->vt));
}

static const char *field_name(int32_t id)
{
    return id < 0 ? "<not dissected by trawl>" : tw_field((uint16_t)id)->def->abbrev;
}

static void layers(FILE *out, const struct twf_insn *in)
{
    if (in->lo == in->hi && in->lo) fprintf(out, "#%d", in->lo);
    else if (in->lo) fprintf(out, "#[%d-%d]", in->lo, in->hi);
}

void tw_filter_explain(const struct tw_filter *f, FILE *out)
{
    fprintf(out, "Filter: %s\n\nConstants:\n", f->text);
    for (uint32_t i = 0; i < f->nconsts; i++) {
        fprintf(out, "  c%u = ", i);
        put_val(out, &f->consts[i]);
        fputc('\n', out);
    }
    for (uint32_t i = 0; i < f->nsets; i++) {
        fprintf(out, "  set%u = {", i);
        for (uint32_t k = 0; k < f->sets[i].n; k++) {
            const struct twf_setelem *e = &f->sets[i].e[k];
            fputs(k ? ", " : " ", out);
            put_val(out, &e->lo);
            if (e->range) {
                fputs(" .. ", out);
                put_val(out, &e->hi);
            }
        }
        fprintf(out, " }%s\n", f->sets[i].sorted_uint ? " (sorted)" : "");
    }
    for (uint32_t i = 0; i < f->nslicelists; i++) {
        fprintf(out, "  slice%u = [", i);
        for (uint32_t k = 0; k < f->nslices[i]; k++) {
            const struct twf_slice *s = &f->slices[i][k];
            if (s->len < 0) fprintf(out, "%s%d:", k ? "," : "", s->start);
            else fprintf(out, "%s%d:%d", k ? "," : "", s->start, s->len);
        }
        fputs("]\n", out);
    }
    fputs("\nInstructions:\n", out);
    for (uint32_t pc = 0; pc < f->ncode; pc++) {
        const struct twf_insn *in = &f->code[pc];
        fprintf(out, "%05u ", pc);
        switch ((enum twf_opcode)in->op) {
        case OP_PROTO:
            fprintf(out, "CHECK_PROTO     %s\n", tw_proto_get((uint16_t)in->a)->abbrev);
            break;
        case OP_EXISTS:
            fprintf(out, "CHECK_EXISTS    %s", field_name(in->a));
            layers(out, in);
            fputc('\n', out);
            break;
        case OP_LOAD:
            fprintf(out, "READ_TREE       %s", field_name(in->a));
            layers(out, in);
            fprintf(out, " -> r%d\n", in->dst);
            break;
        case OP_CONST: fprintf(out, "PUT_CONST       c%d -> r%d\n", in->k, in->dst); break;
        case OP_SLICE: fprintf(out, "SLICE           r%d slice%d -> r%d\n", in->a, in->k, in->dst); break;
        case OP_FUNC:
            fprintf(out, "CALL_FUNCTION   %s(", fn_names[in->sub]);
            for (int32_t k = 0; k < in->nargs; k++) fprintf(out, "%sr%d", k ? ", " : "", in->args[k]);
            fprintf(out, ") -> r%d\n", in->dst);
            break;
        case OP_ARITH:
            fprintf(out, "%-15s r%d, r%d -> r%d\n", arith_names[in->sub], in->a, in->b, in->dst);
            break;
        case OP_NEG: fprintf(out, "UNARY_MINUS     r%d -> r%d\n", in->a, in->dst); break;
        case OP_CMP: {
            const char *q = in->quant == Q_ANY ? "ANY_" : in->quant == Q_ALL ? "ALL_" : "";
            char name[32];
            snprintf(name, sizeof name, "%s%s", q, cmp_names[in->sub]);
            if (in->sub == C_MATCHES) fprintf(out, "%-15s r%d, re%d\n", name, in->a, in->k);
            else fprintf(out, "%-15s r%d, r%d\n", name, in->a, in->b);
            break;
        }
        case OP_CMP_FIELD: {
            const char *q = in->quant == Q_ANY ? "ANY_" : in->quant == Q_ALL ? "ALL_" : "";
            char name[32];
            snprintf(name, sizeof name, "%s%s", q, cmp_names[in->sub]);
            if (in->sub == C_MATCHES)
                fprintf(out, "%-15s %s, re%d\n", name, field_name(in->a), in->k);
            else
                fprintf(out, "%-15s %s, c%d\n", name, field_name(in->a), in->b);
            break;
        }
        case OP_IN: fprintf(out, "SET_IN          r%d, set%d\n", in->a, in->k); break;
        case OP_IN_FIELD:
            fprintf(out, "SET_IN          %s, set%d\n", field_name(in->a), in->k);
            break;
        case OP_NONZERO: fprintf(out, "NOT_ZERO        r%d\n", in->a); break;
        case OP_NOTEMPTY: fprintf(out, "NOT_EMPTY       r%d\n", in->a); break;
        case OP_NOT: fputs("NOT\n", out); break;
        case OP_JF: fprintf(out, "IF_FALSE_GOTO   %05d\n", in->a); break;
        case OP_JT: fprintf(out, "IF_TRUE_GOTO    %05d\n", in->a); break;
        case OP_RET: fputs("RETURN\n", out); break;
        }
    }
}
