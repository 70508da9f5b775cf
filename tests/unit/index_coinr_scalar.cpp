// SPDX-License-Identifier: MIT
// The COINr reference and ASEM tests again, with the engine's SSE2 kernels switched off, so the
// portable C++ path (used on non-x86 machines) is checked against the same expected values.
// Each test file is its own program, so this does not mix the two builds of the kernels.
#define DXFRAME_NO_SIMD 1
#include "index_coinr.cpp"

static_assert(DXFRAME_INDEX_SSE2 == 0, "the scalar kernels are under test");
