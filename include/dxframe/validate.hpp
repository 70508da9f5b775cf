// SPDX-License-Identifier: MIT
/// @file
/// @brief Checking a dataset: the rule set that turns bad data into diagnostics.
///
/// `validate(ds)` looks at a dataset that was loaded (or built in code) and reports everything a
/// reader would call a mistake: ids that repeat or name nothing, values outside an indicator's
/// bounds, targets whose kind and values do not fit, cycles in the indicator tree or in province
/// mergers, observations that contradict each other, and so on. Each diagnostic carries a JSON
/// Pointer to the exact member at fault (`/framework/targets/3/value`) and a message that names
/// the values involved. docs/diagnostics.md lists every code with an example and a fix.
///
/// It never throws on bad data, returns diagnostics in document order (the order in which the
/// offending members appear in the saved JSON document), and runs in O(n) expected time with
/// hash look-ups, so a dataset of a million observations is checked in about a second.
#pragma once

#include <vector>

#include <boost/describe/class.hpp>

#include <dxframe/config.hpp>
#include <dxframe/diagnostic.hpp>
#include <dxframe/model/dataset.hpp>
#include <dxframe/model/partial_dataset.hpp>

namespace dxframe {

/// Choices that change what `validate` reports.
struct validate_options {
    /// Report targets and observations that cite no source as `missing_source` (severity info).
    /// Turn off for bulk data where sources are recorded elsewhere: with a million unsourced
    /// observations it is a million notes.
    bool report_missing_sources = true;
};
BOOST_DESCRIBE_STRUCT(validate_options, (), (report_missing_sources))

/// Checks a dataset against every rule and returns what is wrong, in document order.
///
/// Never throws on bad data (only std::bad_alloc can escape). Severity error means the data
/// should not be used as it is; warning, probably a mistake; info, worth knowing. Use
/// `has_errors(result)` to decide whether to go on. The rules, with examples, are listed in
/// docs/diagnostics.md.
DXFRAME_DECL std::vector<diagnostic> validate(const dataset& ds, const validate_options& options = {});

/// Checks what a load with errors read (load_result::partial), so that one run reports the
/// loader's problems and the dataset's: every rule runs on the records that read cleanly, in
/// document order, with their document paths. A damaged record is skipped by every rule but
/// still owns its id, so a reference to it is not reported as unknown; when some damaged
/// record of a kind has no readable id (or a whole list was unreadable), no reference to that
/// kind is reported as unknown, since it may have named that record (a compiler's rule against
/// cascades). Values of damaged records are never used by the checks of others (an indicator's
/// bounds, an entity's dates). Never throws on bad data (only std::bad_alloc can escape).
DXFRAME_DECL std::vector<diagnostic> validate(const partial_dataset& partial, const validate_options& options = {});

}  // namespace dxframe

#if DXFRAME_HEADER_ONLY
#include <dxframe/impl/validate.ipp>
#endif
