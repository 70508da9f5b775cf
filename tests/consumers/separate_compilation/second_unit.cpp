// SPDX-License-Identifier: MIT
// A second unit that includes every dxframe header, so the link would fail if any header still
// defined a non-inline function in separate-compilation mode.
#include <dxframe/data/vietnam.hpp>
#include <dxframe/dxframe.hpp>
