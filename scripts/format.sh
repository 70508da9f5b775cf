#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# clang-format (14, .clang-format) over dxframe's C++ sources.
#   scripts/format.sh            reformat every tracked .hpp/.ipp/.cpp in place
#   scripts/format.sh --check    list the files that differ from the style; exit 1 if any
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
cf=$(command -v clang-format-14 || command -v clang-format || true)
if [ -z "$cf" ]; then
    echo "format: clang-format not found (apt-get install clang-format-14)" >&2
    exit 2
fi
mapfile -t files < <(git ls-files '*.hpp' '*.ipp' '*.cpp' | grep -v '^tests/data/')
if [ "${1:-}" = "--check" ]; then
    bad=()
    for f in "${files[@]}"; do
        if ! "$cf" --dry-run -Werror "$f" >/dev/null 2>&1; then bad+=("$f"); fi
    done
    if [ ${#bad[@]} -gt 0 ]; then
        printf 'format: %d of %d files differ from .clang-format:\n' "${#bad[@]}" "${#files[@]}"
        printf '  %s\n' "${bad[@]}"
        echo "format: run scripts/format.sh to reformat them"
        exit 1
    fi
    echo "format: ${#files[@]} files match .clang-format"
else
    "$cf" -i "${files[@]}"
    echo "format: reformatted ${#files[@]} files"
fi
