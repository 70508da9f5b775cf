// SPDX-License-Identifier: MIT
// Leaks on purpose. Built only in sanitizer builds, where the test `leak_check_is_live` expects
// LeakSanitizer to report it: proof that the suite's "no leaks" is a real check, not a check
// that was switched off (LSan needs ptrace-like access some sandboxes deny).
#include <cstdio>

namespace {
int* volatile kept = nullptr;
}

int main() {
    kept = new int[16];
    kept[3] = 42;
    std::printf("%d\n", kept[3]);
    kept = nullptr;  // the only pointer to the block is gone: a leak
    return 0;
}
