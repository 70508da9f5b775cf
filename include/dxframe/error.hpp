// SPDX-License-Identifier: MIT
/// @file
/// @brief The exception thrown on misuse of the API (never on bad data).
#pragma once

#include <stdexcept>
#include <string>

namespace dxframe {

/// Thrown when the API is misused (an invalid argument, a precondition broken by the caller).
/// Bad *data* never throws: it is reported as diagnostics (see diagnostic.hpp).
class error : public std::runtime_error {
public:
    /// Creates an error with a human-readable message.
    explicit error(const std::string& message) : std::runtime_error(message) {}
};

}  // namespace dxframe
