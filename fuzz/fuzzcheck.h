#pragma once

// A promise a fuzz target checks beyond "no crash": a broken one traps, which libFuzzer reports as
// a crash with the input that broke it.
inline void check(bool condition)
{
    if (!condition)
        __builtin_trap();
}
