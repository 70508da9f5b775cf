#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The Viet Nam dataset's source files (data/vietnam/*.json) and the header generated from them.

data/vietnam/ is the source of truth: readable UTF-8 JSON, one record per line, split by part:

    framework.json        format tag, framework id/name/nation/source, pillars, nodes
    <pillar>.json         one per pillar and foundation (awareness.json ... digital_society.json)
                          and dti.json: the indicators of that pillar, the targets on them and
                          the observations of them
    entities.json         nation, ministries, provinces (before and after the 2025 mergers)
    tasks.json            assigned tasks

Commands (run from anywhere; paths are relative to the repository):

    python3 scripts/vietnam_data.py              format the source files, then write the header
    python3 scripts/vietnam_data.py --check      exit 1 if the header or a source file is not
                                                 what the command above would write (CI test)
    python3 scripts/vietnam_data.py --json OUT   write the assembled dxframe/1 document to OUT
                                                 ('-' for standard output), e.g. to validate it

The header include/dxframe/data/impl/vietnam.ipp holds the assembled document as C++ raw-string
pieces (non-ASCII written as \\uXXXX so that the header means the same under any source
character set; each piece well below the 16,000-byte literal limit of MSVC).
"""
import json
import os
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
DATA = os.path.join(ROOT, "data", "vietnam")
HEADER = os.path.join(ROOT, "include", "dxframe", "data", "impl", "vietnam.ipp")

# The order of the part files in the assembled document (pillars in dxframe::all_pillars order).
PILLAR_FILES = ["awareness", "institutions", "infrastructure", "platforms", "data", "human_resources",
                "cybersecurity", "digital_government", "digital_economy", "digital_society", "dti"]
PART_KEYS = ["indicators", "targets", "observations"]
PIECE_LIMIT = 12000


class DataError(Exception):
    pass


def read_json(name):
    path = os.path.join(DATA, name)
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except OSError as e:
        raise DataError("%s: cannot read: %s" % (path, e.strerror))
    try:
        return json.loads(text), text
    except json.JSONDecodeError as e:
        raise DataError("%s:%d:%d: not JSON: %s" % (path, e.lineno, e.colno, e.msg))


def expect_keys(name, doc, keys):
    if not isinstance(doc, dict) or sorted(doc) != sorted(keys):
        found = sorted(doc) if isinstance(doc, dict) else type(doc).__name__
        raise DataError("%s: expected an object with exactly %s, found %s" % (name, keys, found))
    for k in keys:
        if k != "format" and k != "framework" and not isinstance(doc[k], list):
            raise DataError("%s: '%s' must be an array" % (name, k))


def load_parts():
    """Reads every part file; returns (parts as {file name: document}, assembled document)."""
    parts = {}
    fw_doc, _ = read_json("framework.json")
    expect_keys("framework.json", fw_doc, ["format", "framework"])
    parts["framework.json"] = fw_doc
    framework = dict(fw_doc["framework"])
    for key in ("indicators", "targets", "tasks"):
        if key in framework:
            raise DataError("framework.json: '%s' belong in their own files, not in framework.json" % key)
    collected = {k: [] for k in PART_KEYS}
    for stem in PILLAR_FILES:
        name = stem + ".json"
        doc, _ = read_json(name)
        expect_keys(name, doc, PART_KEYS)
        parts[name] = doc
        for k in PART_KEYS:
            collected[k].extend(doc[k])
    entities, _ = read_json("entities.json")
    expect_keys("entities.json", entities, ["entities"])
    parts["entities.json"] = entities
    tasks, _ = read_json("tasks.json")
    expect_keys("tasks.json", tasks, ["tasks"])
    parts["tasks.json"] = tasks
    known = set(parts)
    stray = sorted(f for f in os.listdir(DATA) if f.endswith(".json") and f not in known)
    if stray:
        raise DataError("data/vietnam: files the assembly does not read: %s" % ", ".join(stray))

    # Field order of the framework object follows the model (dxframe::framework's members).
    order = ["id", "name", "nation", "pillars", "dimensions", "nodes", "indicators", "targets", "tasks"]
    assembled_fw = {}
    for key in order:
        if key in ("indicators", "targets"):
            assembled_fw[key] = collected[key]
        elif key == "tasks":
            assembled_fw[key] = tasks["tasks"]
        elif key in framework:
            assembled_fw[key] = framework[key]
    for key, value in framework.items():
        if key not in assembled_fw:
            assembled_fw[key] = value
    document = {"format": fw_doc["format"], "framework": assembled_fw, "entities": entities["entities"],
                "observations": collected["observations"]}
    check_pillar_placement(parts)
    return parts, document


def check_pillar_placement(parts):
    """Each indicator sits in its pillar's file; targets and observations beside their indicator."""
    home = {}
    for stem in PILLAR_FILES:
        for ind in parts[stem + ".json"]["indicators"]:
            want = ind.get("pillar") or "dti"
            if want != stem:
                raise DataError("%s.json: indicator '%s' has pillar '%s': move it to %s.json"
                                % (stem, ind.get("id"), ind.get("pillar"), want))
            home[ind.get("id")] = stem
    for stem in PILLAR_FILES:
        doc = parts[stem + ".json"]
        for key in ("targets", "observations"):
            for j, rec in enumerate(doc[key]):
                where = home.get(rec.get("indicator"))
                if where is not None and where != stem:
                    raise DataError("%s.json: %s[%d] is of indicator '%s', which lives in %s.json: move it there"
                                    % (stem, key, j, rec.get("indicator"), where))


def dump(value, ascii_only):
    return json.dumps(value, ensure_ascii=ascii_only, separators=(", ", ": "))


def object_lines(doc, ascii_only, indent=""):
    """An object with scalar members on one line each and arrays as one element per line."""
    lines = [indent + "{"]
    items = list(doc.items())
    for k, (key, value) in enumerate(items):
        end = "" if k == len(items) - 1 else ","
        if isinstance(value, list):
            lines.append('%s  "%s": [' % (indent, key))
            for j, element in enumerate(value):
                lines.append(indent + "    " + dump(element, ascii_only) + ("," if j < len(value) - 1 else ""))
            lines.append(indent + "  ]" + end)
        elif isinstance(value, dict) and key == "framework":
            inner = object_lines(value, ascii_only, indent + "  ")
            inner[0] = '%s  "%s": {' % (indent, key)
            inner[-1] = inner[-1] + end
            lines.extend(inner)
        else:
            lines.append('%s  "%s": %s%s' % (indent, key, dump(value, ascii_only), end))
    lines.append(indent + "}")
    return lines


def part_text(doc):
    return "\n".join(object_lines(doc, ascii_only=False)) + "\n"


def document_text(document, ascii_only):
    return "\n".join(object_lines(document, ascii_only)) + "\n"


def header_text(document):
    pieces, current = [], ""
    for line in document_text(document, ascii_only=True).splitlines(keepends=True):
        if ')dxj"' in line:
            raise DataError("the text ')dxj\"' would end the raw string: reword the record holding it")
        if current and len(current) + len(line) > PIECE_LIMIT:
            pieces.append(current)
            current = ""
        current += line
    pieces.append(current)
    body = ",\n".join('    R"dxj(%s)dxj"' % p for p in pieces)
    return HEADER_TEMPLATE.replace("@PIECES@", body + ",")


HEADER_TEMPLATE = """// SPDX-License-Identifier: MIT
// GENERATED by scripts/vietnam_data.py from data/vietnam/*.json: do not edit by hand; edit the
// JSON files and run `python3 scripts/vietnam_data.py` (docs/vietnam-dataset.md).
//
// Definitions for <dxframe/data/vietnam.hpp> (see <dxframe/config.hpp>: included by that header
// in header-only mode, by <dxframe/src.hpp> in separate compilation).
//
// The text is split into pieces well below 16,000 bytes (the largest string literal every
// supported compiler accepts) and joined at run time; non-ASCII characters are written as JSON
// `\\uXXXX` escapes so that this file reads the same under any source character set.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

#include <dxframe/data/vietnam.hpp>
#include <dxframe/error.hpp>
#include <dxframe/io/dataset_json.hpp>
#include <dxframe/model/dataset.hpp>

namespace dxframe {
namespace detail {

/// The embedded document, in pieces that concatenate to the full JSON text. Plain pointers, not
/// string_views: measuring 700 KB of literals in a constant expression exceeds Clang's step limit.
// Generated layout, not clang-format's:
// clang-format off
inline constexpr const char* vietnam_json_pieces[] = {
@PIECES@
};
// clang-format on

}  // namespace detail

namespace data {

DXFRAME_DECL std::string_view vietnam_json() {
    static const std::string text = [] {
        std::size_t size = 0;
        for (const std::string_view piece : detail::vietnam_json_pieces)
            size += piece.size();
        std::string joined;
        joined.reserve(size);
        for (const std::string_view piece : detail::vietnam_json_pieces)
            joined.append(piece.data(), piece.size());
        return joined;
    }();
    return text;
}

namespace detail {

/// Loads `json_text` strictly, or throws dxframe::error naming the first problem. The embedded
/// dataset is program text, not user data: if it fails to load, that is a defect of the library.
inline dataset load_embedded(std::string_view json_text, std::string_view name) {
    load_result result = load_dataset(json_text);
    if (!result.ok() || !result.data) {
        std::string message = "dxframe: the embedded dataset '" + std::string(name) + "' does not load";
        if (!result.diagnostics.empty()) {
            const diagnostic& first = result.diagnostics.front();
            message += ": " + first.path + ": " + first.message;
        }
        throw error(message);
    }
    return std::move(*result.data);
}

}  // namespace detail

DXFRAME_DECL dataset vietnam() {
    static const dataset parsed = detail::load_embedded(vietnam_json(), "vietnam");
    return parsed;
}

}  // namespace data
}  // namespace dxframe
"""


def read_text(path):
    try:
        with open(path, encoding="utf-8", newline="") as f:
            return f.read()
    except OSError:
        return None


def write_text(path, text):
    tmp = "%s.%d.tmp" % (path, os.getpid())
    with open(tmp, "w", encoding="utf-8", newline="") as f:
        f.write(text)
    os.replace(tmp, path)


def main(argv):
    try:
        parts, document = load_parts()
        if len(argv) >= 2 and argv[0] == "--json":
            text = document_text(document, ascii_only=False)
            if argv[1] == "-":
                sys.stdout.write(text)
            else:
                write_text(argv[1], text)
            return 0
        if argv == ["--check"]:
            stale = []
            for name, doc in parts.items():
                if read_text(os.path.join(DATA, name)) != part_text(doc):
                    stale.append("data/vietnam/" + name + " (not in canonical form)")
            if read_text(HEADER) != header_text(document):
                stale.append("include/dxframe/data/impl/vietnam.ipp (differs from data/vietnam/)")
            if stale:
                sys.stderr.write("vietnam_data: out of date: %s\nRun: python3 scripts/vietnam_data.py\n"
                                 % "; ".join(stale))
                return 1
            print("vietnam_data: header and %d source files in sync" % len(parts))
            return 0
        if argv:
            sys.stderr.write(__doc__)
            return 2
        for name, doc in parts.items():
            path = os.path.join(DATA, name)
            if read_text(path) != part_text(doc):
                write_text(path, part_text(doc))
        write_text(HEADER, header_text(document))
        print("vietnam_data: wrote include/dxframe/data/impl/vietnam.ipp from %d files" % len(parts))
        return 0
    except DataError as e:
        sys.stderr.write("vietnam_data: %s\n" % e)
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
