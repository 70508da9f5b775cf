// SPDX-License-Identifier: MIT
// One include for the tests, whichever Catch2 is installed: v3 (vcpkg, Conan, FetchContent)
// or Debian 12's v2.13. Tests use only the macros common to both.
#pragma once

#if __has_include(<catch2/catch_test_macros.hpp>)
#include <catch2/catch_approx.hpp>
#include <catch2/catch_test_macros.hpp>
#include <catch2/generators/catch_generators.hpp>
#include <catch2/matchers/catch_matchers_floating_point.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>
#define DXFRAME_CATCH_VERSION 3
#else
#include <catch2/catch.hpp>
#define DXFRAME_CATCH_VERSION 2
// v3 names it Catch::Approx; v2 keeps it in Catch::Detail. Tests write Catch::Approx.
namespace Catch {
using Catch::Detail::Approx;
}
#endif
