/* Minimal unit-test helpers: CHECK records a failure with its line and goes on. */
#ifndef TW_TEST_CHECK_H
#define TW_TEST_CHECK_H
#include <stdio.h>

static int tw_checks, tw_failures;
#define CHECK(cond)                                                                              \
    do {                                                                                         \
        tw_checks++;                                                                             \
        if (!(cond)) {                                                                           \
            tw_failures++;                                                                       \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond);             \
        }                                                                                        \
    } while (0)
#define CHECK_EQ(a, b)                                                                           \
    do {                                                                                         \
        long long _a = (long long)(a), _b = (long long)(b);                                      \
        tw_checks++;                                                                             \
        if (_a != _b) {                                                                          \
            tw_failures++;                                                                       \
            fprintf(stderr, "%s:%d: CHECK_EQ failed: %s == %lld, expected %s == %lld\n",         \
                    __FILE__, __LINE__, #a, _a, #b, _b);                                         \
        }                                                                                        \
    } while (0)
#define TEST_DONE()                                                                              \
    do {                                                                                         \
        printf("%d checks, %d failures\n", tw_checks, tw_failures);                              \
        return tw_failures ? 1 : 0;                                                              \
    } while (0)
#endif
