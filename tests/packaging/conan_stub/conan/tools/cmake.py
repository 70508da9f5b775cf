# SPDX-License-Identifier: MIT
"""Stand-in for conan.tools.cmake: records configure/build calls."""


class CMake:
    def __init__(self, conanfile):
        self._conanfile = conanfile

    def configure(self):
        self._conanfile.run_calls.append(("cmake configure", None))

    def build(self):
        self._conanfile.run_calls.append(("cmake build", None))


def cmake_layout(conanfile, src_folder="."):
    conanfile.layout_calls.append(("cmake_layout", src_folder))
