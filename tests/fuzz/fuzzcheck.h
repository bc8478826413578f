#pragma once

#include <cstdio>
#include <cstdlib>

/// An invariant of the code under fuzzing: when it does not hold the fuzzer stops with a
/// crash report and keeps the input, as for a memory error.
#define CX_FUZZ_CHECK(condition)                                                                   \
    do {                                                                                           \
        if (!(condition)) {                                                                        \
            std::fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #condition);     \
            std::abort();                                                                          \
        }                                                                                          \
    } while (false)
