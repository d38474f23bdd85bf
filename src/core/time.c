/* Timestamps: arithmetic and Wireshark's text forms. */
#include "core.h"

#include <time.h>

struct tw_time tw_time_sub(struct tw_time a, struct tw_time b)
{
    /* Wireshark's nstime_delta, including its 32-bit nanosecond arithmetic (which wraps on the
     * out-of-range fractions damaged files carry), so deltas print identically. */
    struct tw_time r;
    r.sec = a.sec - b.sec;
    r.nsec = (int32_t)((uint32_t)a.nsec - (uint32_t)b.nsec);
    if (a.sec < b.sec) {
        if (r.nsec > 0) {
            r.nsec = (int32_t)((uint32_t)r.nsec - 1000000000u);
            r.sec++;
        }
    } else if (a.sec > b.sec) {
        if (r.nsec < 0) {
            r.nsec = (int32_t)((uint32_t)r.nsec + 1000000000u);
            r.sec--;
        }
    }
    return r;
}

int tw_time_cmp(struct tw_time a, struct tw_time b)
{
    if (a.sec != b.sec) return a.sec < b.sec ? -1 : 1;
    if (a.nsec != b.nsec) return a.nsec < b.nsec ? -1 : 1;
    return 0;
}

static const char *const mon[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

static void add_frac(struct tw_buf *b, int32_t nsec, int prec, bool keep_sign)
{
    if (prec <= 0) return;
    char t[16];
    int64_t v = nsec;
    bool neg = v < 0;
    if (neg) v = -v;
    /* A damaged file can carry a fraction outside 0..999999999; Wireshark then prints all its
     * digits (and, for absolute times, the sign), so do we. */
    int digits = v >= 1000000000 ? 10 : 9;
    for (int i = digits - 1; i >= 0; i--) {
        t[i] = (char)('0' + v % 10);
        v /= 10;
    }
    tw_buf_addc(b, '.');
    if (neg && keep_sign) tw_buf_addc(b, '-');
    tw_buf_add(b, t, (size_t)(digits == 10 ? 10 : (prec > 9 ? 9 : prec)));
}

static void add2(struct tw_buf *b, int v)
{
    char t[2] = {(char)('0' + v / 10 % 10), (char)('0' + v % 10)};
    tw_buf_add(b, t, 2);
}

bool tw_buf_add_abs_time(struct tw_buf *b, struct tw_time t, int prec, bool utc)
{
    struct tm tm;
    time_t s = (time_t)t.sec;
    if (!(utc ? gmtime_r(&s, &tm) : localtime_r(&s, &tm))) return tw_buf_adds(b, "Not representable");
    tw_buf_adds(b, mon[tm.tm_mon]);
    tw_buf_addc(b, ' ');
    if (tm.tm_mday < 10) tw_buf_addc(b, ' ');
    tw_buf_add_u64(b, (uint64_t)tm.tm_mday);
    tw_buf_add(b, ", ", 2);
    tw_buf_add_i64(b, (int64_t)tm.tm_year + 1900);
    tw_buf_addc(b, ' ');
    add2(b, tm.tm_hour);
    tw_buf_addc(b, ':');
    add2(b, tm.tm_min);
    tw_buf_addc(b, ':');
    add2(b, tm.tm_sec);
    add_frac(b, t.nsec, prec, true);
    tw_buf_addc(b, ' ');
    return tw_buf_adds(b, utc ? "UTC" : (tm.tm_zone ? tm.tm_zone : ""));
}

bool tw_buf_add_rel_time(struct tw_buf *b, struct tw_time t, int prec)
{
    if (t.sec < 0 || t.nsec < 0) tw_buf_addc(b, '-');
    tw_buf_add_u64(b, t.sec < 0 ? (uint64_t)0 - (uint64_t)t.sec : (uint64_t)t.sec);
    add_frac(b, t.nsec, prec, false);
    return !b->overflow;
}
