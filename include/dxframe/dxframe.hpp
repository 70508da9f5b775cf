// SPDX-License-Identifier: MIT
/// @file
/// @brief Umbrella header: the whole dxframe library in one include.
///
/// Convenient for applications; libraries and hot translation units should include only the
/// headers they use (the model headers alone do not pull in nlohmann/json and compile several
/// times faster, see bench/README.md).
#pragma once

#include <dxframe/version.hpp>

#include <dxframe/diagnostic.hpp>
#include <dxframe/error.hpp>
#include <dxframe/model.hpp>
