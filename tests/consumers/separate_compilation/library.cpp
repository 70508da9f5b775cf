// SPDX-License-Identifier: MIT
// The one unit holding dxframe's function bodies (separate-compilation mode).
#include <dxframe/src.hpp>
