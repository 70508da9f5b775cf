# SPDX-License-Identifier: MIT
"""Conan test_package for dxframe: finds the package with CMake and runs one real call."""
import os

from conan import ConanFile
from conan.tools.build import can_run
from conan.tools.cmake import CMake, cmake_layout


class DxframeTestConan(ConanFile):
    settings = "os", "arch", "compiler", "build_type"
    generators = "CMakeDeps", "CMakeToolchain", "VirtualRunEnv"
    test_type = "explicit"

    def requirements(self):
        self.requires(self.tested_reference_str)

    def layout(self):
        cmake_layout(self)

    def build(self):
        cmake = CMake(self)
        cmake.configure()
        cmake.build()

    def test(self):
        if can_run(self):
            program = os.path.join(self.cpp.build.bindir, "test_package")
            # A layout mismatch must not pass silently.
            if not os.path.isfile(program):
                raise RuntimeError("test_package was not built at " + program)
            self.run(program, env="conanrun")
