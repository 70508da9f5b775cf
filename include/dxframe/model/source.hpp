// SPDX-License-Identifier: MIT
/// @file
/// @brief Where a figure or target comes from, and how far it is confirmed.
#pragma once

#include <optional>
#include <string>

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>

#include <dxframe/model/date.hpp>

namespace dxframe {

/// How well a fact is confirmed.
enum class confidence_level {
    verified,   ///< Read in the primary source (the legal text or the official publication).
    secondary,  ///< Reported by a secondary source (press, a province's site) quoting the primary.
    unverified  ///< Not confirmed, or sources disagree.
};
BOOST_DESCRIBE_ENUM(confidence_level, verified, secondary, unverified)

/// A citation: a legal reference or publication, with an optional link.
struct source {
    std::string reference;                       ///< E.g. "Decision 749/QĐ-TTg (03/06/2020), §II.1".
    std::optional<std::string> url;              ///< Where it can be read.
    std::optional<date> published;               ///< Date of the document or report.
    std::optional<confidence_level> confidence;  ///< How well confirmed; absent when not stated.
};
BOOST_DESCRIBE_STRUCT(source, (), (reference, url, published, confidence))

}  // namespace dxframe
