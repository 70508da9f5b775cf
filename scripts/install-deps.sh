#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs what building and testing dxframe needs on Debian 12 (bookworm). Idempotent: when
# every package is already installed it changes nothing and needs no network.
# Runs as root, or through sudo when that is available.
set -euo pipefail

packages=(
    # toolchain
    cmake ninja-build g++ clang-14 libclang-rt-14-dev pkg-config
    # library dependencies (Boost by name: the default libboost-dev is 1.74, without Describe)
    libboost1.81-dev nlohmann-json3-dev
    # tests and benchmarks
    catch2 libbenchmark-dev python3 python3-jsonschema
    # the browser check of the HTML report
    chromium
    # static checks and API docs
    clang-tidy-14 clang-format-14 cppcheck doxygen
)

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: all ${#packages[@]} packages already installed"
    exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
    as_root=()
elif command -v sudo >/dev/null 2>&1; then
    as_root=(sudo)
else
    echo "install-deps: missing packages (${missing[*]}) and neither root nor sudo; install them by hand" >&2
    exit 1
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -q
"${as_root[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
