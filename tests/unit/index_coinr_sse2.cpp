// SPDX-License-Identifier: MIT
// The COINr reference and ASEM tests again, with the engine's AVX kernels switched off, so the
// SSE2 path is checked on machines that have AVX. (index_coinr.cpp runs the AVX path where the
// processor has it; index_coinr_scalar.cpp the portable one.)
#define DXFRAME_NO_AVX 1
#include "index_coinr.cpp"

static_assert(DXFRAME_INDEX_AVX == 0, "the SSE2 kernels are under test");
