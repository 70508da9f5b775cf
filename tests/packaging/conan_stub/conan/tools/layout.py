# SPDX-License-Identifier: MIT
"""Stand-in for conan.tools.layout."""


def basic_layout(conanfile, src_folder=".", build_folder=None):
    conanfile.layout_calls.append(("basic_layout", src_folder))
    conanfile.folders.source = src_folder
