// SPDX-License-Identifier: MIT
// Leaks on purpose. Built only in sanitizer builds, where the test `leak_check_is_live` expects
// LeakSanitizer to report it: proof that the suite's "no leaks" is a real check, not a check
// that was switched off (LSan needs ptrace-like access some sandboxes deny).
#include <cstdio>

namespace {

// Out of line, so that no copy of the pointer is left in main's frame.
[[gnu::noinline]] void lose_a_block() {
    int* block = new int[16];
    block[3] = 42;
    std::printf("%d\n", block[3]);
}

}  // namespace

int main() {
    lose_a_block();
    return 0;
}
