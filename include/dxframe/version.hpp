// SPDX-License-Identifier: MIT
/// @file
/// @brief Version of the dxframe library.
#pragma once

/// Major version: incremented on incompatible API or data-format changes.
#define DXFRAME_VERSION_MAJOR 0
/// Minor version: incremented on backwards-compatible additions.
#define DXFRAME_VERSION_MINOR 1
/// Patch version: incremented on fixes.
#define DXFRAME_VERSION_PATCH 0
/// The version as one string, "major.minor.patch".
#define DXFRAME_VERSION_STRING "0.1.0"

namespace dxframe {
/// The library version as a string ("major.minor.patch").
inline constexpr const char* version_string = DXFRAME_VERSION_STRING;
/// The data-format tag written into and required from every document.
inline constexpr const char* format_tag = "dxframe/1";
}  // namespace dxframe
