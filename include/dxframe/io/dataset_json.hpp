// SPDX-License-Identifier: MIT
/// @file
/// @brief Loading and saving a dataset as a `dxframe/1` JSON document.
///
/// The document is `{"format": "dxframe/1", "framework": {...}, "entities": [...],
/// "observations": [...]}` (schema/dxframe.schema.json). Loading never throws on bad data and
/// never returns a half-built dataset as if it were whole: it reports every problem it can find
/// as a diagnostic with a JSON Pointer (and line and column for syntax errors), and gives the
/// dataset only when there is no error. When only some records are bad, it gives them all as a
/// partial_dataset instead, so that validation can still report everything in the same run.
/// Saving writes a canonical text: save → load → save is byte-identical.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/describe/class.hpp>

#include <dxframe/config.hpp>
#include <dxframe/diagnostic.hpp>
#include <dxframe/io/json.hpp>
#include <dxframe/model/dataset.hpp>
#include <dxframe/model/partial_dataset.hpp>

namespace dxframe {

/// Bounds on what load_dataset accepts, so that a hostile or broken file cannot exhaust memory
/// or the stack. The defaults open commune-level national data (3,321 communes × 100
/// indicators × 12 months: 4 million observations, a 720 MB file of about 30 million values)
/// while still refusing what no dataset needs. The document is streamed, so memory grows with
/// the dataset read, not with the document. A `limit_exceeded` diagnostic names the member (and
/// the command-line option) that raises the limit it hit.
struct load_limits {
    /// Largest document, in bytes (default 4 GiB; command line: --max-input-size).
    std::uint64_t max_document_bytes = std::uint64_t{4} << 30;
    std::size_t max_depth = 64;  ///< Deepest nesting of arrays and objects (default 64; at most 1000 is honoured).
    std::size_t max_string_length = 1u << 20;  ///< Longest string or key, in bytes (default 1 MiB).
    /// Most JSON values (scalars, arrays, objects) in the document (default 1 billion;
    /// command line: --max-values).
    std::uint64_t max_elements = 1'000'000'000;
};
BOOST_DESCRIBE_STRUCT(load_limits, (), (max_document_bytes, max_depth, max_string_length, max_elements))

/// How load_dataset reads.
struct load_options {
    strictness mode = strictness::strict;  ///< Unknown members: errors (strict) or kept-aside warnings (lenient).
    load_limits limits{};                  ///< Size, depth, string and count bounds.
};
BOOST_DESCRIBE_STRUCT(load_options, (), (mode, limits))

/// What load_dataset found. At most one of `data` and `partial` is set; neither after a syntax
/// error, a limit hit or a wrong `format` (the document was not read to its end).
struct load_result {
    std::optional<dataset> data;  ///< The dataset; nullopt when any error was found (never half-built).
    /// The document was read to the end but had errors in its records or members: every record,
    /// the damaged ones in place, for dxframe::validate(const partial_dataset&).
    std::optional<partial_dataset> partial;
    std::vector<diagnostic> diagnostics;        ///< Every problem, with JSON Pointer paths.
    std::vector<unknown_field> unknown_fields;  ///< Lenient mode: unknown members, kept aside.

    /// True when the document was loaded (no error; warnings allowed).
    bool ok() const noexcept { return data.has_value(); }
};
BOOST_DESCRIBE_STRUCT(load_result, (), (data, partial, diagnostics, unknown_fields))

/// Loads a `dxframe/1` document from JSON text.
///
/// Reports, each with the JSON Pointer of the offending element:
///   - `invalid_json` (with line and column): a syntax error, invalid UTF-8, a truncated text;
///     also a UTF-8 byte order mark (an error in strict mode, a warning in lenient mode);
///   - `limit_exceeded`: a document, nesting depth, string or value count over options.limits;
///   - `duplicate_key`: the same key twice in one object;
///   - `unsupported_format`: `format` missing or not "dxframe/1" (reading stops there: the
///     rest of a document of another format would only produce noise);
///   - `type_mismatch`, `unknown_field`, `missing_required_field`, `invalid_enum_value`,
///     `invalid_date`, `non_finite_value`: see <dxframe/io/json.hpp>.
/// Reading goes on after each problem as far as it can, so one run reports them all: a record
/// with a bad member (an impossible date, a wrong type, a bad enum value, a missing member) is
/// kept in its place, marked damaged, and reading goes on; it stops only at a syntax error, a
/// limit, or a wrong `format`. `data` is set only when there is no error; when the document
/// was read to its end with errors, `partial` holds every record and the damage. Semantic
/// checks (references, bounds, targets) are not done here: pass `*data` or `*partial` to
/// dxframe::validate().
DXFRAME_DECL load_result load_dataset(std::string_view json_text, const load_options& options = {});

/// Loads a `dxframe/1` document from a file, streaming it (the text is never held whole).
/// Throws io_error only when the file cannot be read; every problem with its content is a
/// diagnostic, as for load_dataset. A file larger than options.limits.max_document_bytes is
/// not read beyond that limit.
DXFRAME_DECL load_result load_dataset_file(const std::string& path, const load_options& options = {});

/// Loads a `dxframe/1` document from a stream (standard input), streaming it as
/// load_dataset_file does. Throws io_error when the stream fails (badbit).
DXFRAME_DECL load_result load_dataset_stream(std::istream& in, const load_options& options = {});

namespace detail {

/// What a load did, for the benchmark.
struct load_statistics {
    std::size_t observations = 0;       ///< Observations read.
    std::size_t fast_observations = 0;  ///< Of which decoded without a tree (the fast path).
};

/// load_dataset reading the text in chunks of `chunk` bytes (tests cut tokens at chunk edges).
DXFRAME_DECL load_result load_dataset_chunked(std::string_view json_text, const load_options& options,
                                              std::size_t chunk, load_statistics* statistics = nullptr);

/// load_dataset_file, with statistics.
DXFRAME_DECL load_result load_dataset_file_with(const std::string& path, const load_options& options,
                                                load_statistics* statistics);

}  // namespace detail

/// The canonical `dxframe/1` text of a dataset: "format" first, then framework, entities and
/// observations; members in declaration order; empty optionals, vectors and maps left out;
/// two-space indentation and a final newline; numbers written with the fewest digits that read
/// back to the same double. save → load → save gives the same bytes.
///
/// Throws dxframe::error (the dataset breaks the model's invariants, a programming error) for
/// an enum value with no name, a NaN or infinite number, or a string that is not valid UTF-8.
DXFRAME_DECL std::string save_dataset(const dataset& ds);

}  // namespace dxframe

#if DXFRAME_HEADER_ONLY
#include <dxframe/io/impl/dataset_json.ipp>
#endif
