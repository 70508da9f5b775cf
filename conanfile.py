# SPDX-License-Identifier: MIT
"""Conan 2 recipe for dxframe, a header-only C++17 library.

    conan create .                 # package this checkout and run packaging/conan/test_package
    conan create . -s compiler.cppstd=20

The package holds the headers and the license only: Conan generates the CMake package
(find_package(dxframe), target dxframe::dxframe) and the pkg-config file (dxframe) itself.
"""
import os
import re

from conan import ConanFile
from conan.errors import ConanInvalidConfiguration
from conan.tools.build import check_min_cppstd
from conan.tools.files import copy, load
from conan.tools.layout import basic_layout
from conan.tools.scm import Version

required_conan_version = ">=2.0.9"


class DxframeConan(ConanFile):
    name = "dxframe"
    description = ("Header-only C++17 library modelling a national digital-transformation framework "
                   "(Vietnam's by default): typed model, JSON/CSV interchange, validation, progress to "
                   "targets, composite indices, uncertainty analysis")
    license = "MIT"
    url = "https://github.com/dxframe/dxframe"
    homepage = "https://github.com/dxframe/dxframe"
    topics = ("digital-transformation", "composite-index", "indicators", "header-only")
    package_type = "header-library"
    settings = "os", "arch", "compiler", "build_type"
    exports_sources = "include/*", "LICENSE"
    no_copy_source = True
    test_package_folder = "packaging/conan/test_package"
    # dxframe uses Boost's header-only libraries (Describe, Mp11): no compiled Boost is needed.
    default_options = {"boost/*:header_only": True}

    # The public headers use C++17 (std::optional, std::string_view, inline variables).
    _min_cppstd = 17
    # The oldest compilers CI builds the library with; older ones are not claimed to work.
    _min_compiler_versions = {"gcc": "12", "clang": "14"}

    def set_version(self):
        # One source of truth: the version macros of include/dxframe/version.hpp.
        text = load(self, os.path.join(self.recipe_folder, "include", "dxframe", "version.hpp"))
        parts = []
        for part in ("MAJOR", "MINOR", "PATCH"):
            match = re.search(r"#define DXFRAME_VERSION_%s (\d+)" % part, text)
            if match is None:
                raise ConanInvalidConfiguration("include/dxframe/version.hpp lacks DXFRAME_VERSION_" + part)
            parts.append(match.group(1))
        self.version = ".".join(parts)

    def layout(self):
        basic_layout(self)

    def requirements(self):
        # The public headers include Boost.Describe/Mp11 and nlohmann/json, so their headers must
        # reach every consumer.
        self.requires("boost/1.86.0", transitive_headers=True)
        self.requires("nlohmann_json/3.11.3", transitive_headers=True)

    def package_id(self):
        # Headers only: one package for every configuration.
        self.info.clear()

    def validate(self):
        check_min_cppstd(self, self._min_cppstd)
        compiler = str(self.settings.compiler)
        minimum = self._min_compiler_versions.get(compiler)
        if minimum is not None and Version(self.settings.compiler.version) < minimum:
            raise ConanInvalidConfiguration(
                "%s requires %s >= %s (the oldest version it is tested with)" % (self.ref, compiler, minimum))

    def package(self):
        copy(self, "LICENSE", src=self.source_folder, dst=os.path.join(self.package_folder, "licenses"))
        # The headers and the function bodies they include (impl/*.ipp, see dxframe/config.hpp).
        for pattern in ("*.hpp", "*.ipp"):
            copy(self, pattern, src=os.path.join(self.source_folder, "include"),
                 dst=os.path.join(self.package_folder, "include"))

    def package_info(self):
        self.cpp_info.bindirs = []
        self.cpp_info.libdirs = []
        # The same names as the CMake package and the .pc file dxframe installs itself.
        self.cpp_info.set_property("cmake_file_name", "dxframe")
        self.cpp_info.set_property("cmake_target_name", "dxframe::dxframe")
        self.cpp_info.set_property("pkg_config_name", "dxframe")
        self.cpp_info.requires = ["boost::headers", "nlohmann_json::nlohmann_json"]
        # The uncertainty analysis runs on std::thread.
        if str(self.settings.os) in ("Linux", "FreeBSD"):
            self.cpp_info.system_libs = ["pthread"]
