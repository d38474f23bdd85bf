/* Diagnostics to stderr. Error messages are counted so that main can exit non-zero. */
#include "core.h"

#include <stdio.h>

unsigned tw_log_errors;
int tw_log_verbosity = TW_LOG_INFO;

void tw_log(enum tw_log_level lvl, const char *fmt, ...)
{
    static const char *const pfx[] = {"error", "warning", "info", "debug"};
    if (lvl == TW_LOG_ERROR) tw_log_errors++;
    if ((int)lvl > tw_log_verbosity) return;
    char line[2048];
    va_list ap;
    va_start(ap, fmt);
    int n = snprintf(line, sizeof line, "trawl: %s: ", pfx[lvl]);
    if (n < 0) n = 0;
    vsnprintf(line + n, sizeof line - (size_t)n, fmt, ap);
    va_end(ap);
    fputs(line, stderr);
    fputc('\n', stderr);
}
