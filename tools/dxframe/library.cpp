// SPDX-License-Identifier: MIT
// The library's function bodies, compiled once for the whole tool: the tool is built in
// separate-compilation mode (DXFRAME_SEPARATE_COMPILATION, see <dxframe/config.hpp>), so its
// other units include declarations only. This also keeps that mode tested: every CLI test
// runs code compiled this way, while the unit tests use the header-only mode.
#include <dxframe/src.hpp>
