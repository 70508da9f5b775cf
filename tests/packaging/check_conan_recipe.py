# SPDX-License-Identifier: MIT
"""Checks the Conan 2 recipe (conanfile.py) and its test_package without a Conan client:
both files compile, and, imported against the stand-in `conan` module in conan_stub/, the
recipe's methods do what the packaging conventions ask (version from version.hpp, Boost and
nlohmann_json required, one package id, C++17 and compiler checks, headers + license packaged,
CMake and pkg-config names). Usage: check_conan_recipe.py <source dir> <scratch dir>"""
import importlib.util
import os
import py_compile
import re
import shutil
import sys
import types

source_dir = os.path.abspath(sys.argv[1])
scratch = os.path.abspath(sys.argv[2])
here = os.path.dirname(os.path.abspath(__file__))
failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print("FAIL:", what)


recipe_path = os.path.join(source_dir, "conanfile.py")
test_recipe_path = os.path.join(source_dir, "packaging", "conan", "test_package", "conanfile.py")
for path in (recipe_path, test_recipe_path):
    py_compile.compile(path, cfile=os.path.join(scratch, os.path.basename(os.path.dirname(path)) + ".pyc"),
                       doraise=True)

sys.path.insert(0, os.path.join(here, "conan_stub"))
import conan.tools.build as stub_build  # noqa: E402  (the stub, not a Conan install)
from conan.errors import ConanInvalidConfiguration  # noqa: E402


def load_module(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class _Compiler(types.SimpleNamespace):
    def __str__(self):
        return self.name


def make_settings(compiler, version, cppstd):
    return types.SimpleNamespace(os="Linux", arch="x86_64", build_type="Release",
                                 compiler=_Compiler(name=compiler, version=version, cppstd=cppstd))


recipe_module = load_module("dxframe_conanfile", recipe_path)
Recipe = recipe_module.DxframeConan

# Version: from version.hpp, and the same as the CMake project version.
recipe = Recipe(settings=make_settings("gcc", "12", "17"), recipe_folder=source_dir)
recipe.set_version()
with open(os.path.join(source_dir, "CMakeLists.txt"), encoding="utf-8") as f:
    cmake_version = re.search(r"project\(dxframe\s+VERSION\s+([0-9.]+)", f.read()).group(1)
check(recipe.version == cmake_version, "recipe version %s == CMake project version %s" % (recipe.version, cmake_version))
check(recipe.name == "dxframe", "recipe name is dxframe")
check(recipe.package_type == "header-library", "package_type is header-library")
check(recipe.license == "MIT", "license is MIT")
check(getattr(recipe, "no_copy_source", False), "no_copy_source")
check(os.path.isfile(os.path.join(source_dir, recipe.test_package_folder, "conanfile.py")),
      "test_package_folder names an existing test_package")
check(recipe.default_options.get("boost/*:header_only") is True, "Boost is consumed header-only")
for pattern in recipe.exports_sources:
    check(pattern in ("include/*", "LICENSE"), "exports_sources entry %r is expected" % pattern)

# Requirements: Boost and nlohmann_json, their headers visible to consumers.
recipe.requirements()
names = {ref.split("/")[0]: (ref, traits) for ref, traits in recipe.requires_calls}
check(set(names) == {"boost", "nlohmann_json"}, "requires exactly boost and nlohmann_json, got %s" % sorted(names))
for name, (ref, traits) in names.items():
    check(traits.get("transitive_headers") is True, "%s headers are transitive" % ref)
    version = ref.split("/")[1]
    minimum = {"boost": (1, 81), "nlohmann_json": (3, 11)}[name]
    check(tuple(int(p) for p in version.split(".")[:2]) >= minimum, "%s is at least %s" % (ref, minimum))

# One package for every configuration.
recipe.package_id()
check(recipe.info.cleared, "package_id() clears the info")

# validate(): C++17 at least, tested compilers only.
for compiler, version, cppstd, ok in [("gcc", "12", "17", True), ("gcc", "13", "gnu20", True),
                                      ("clang", "14", "20", True), ("gcc", "12", "14", False),
                                      ("clang", "16", "gnu14", False), ("gcc", "11", "17", False),
                                      ("clang", "13", "17", False)]:
    r = Recipe(settings=make_settings(compiler, version, cppstd), recipe_folder=source_dir)
    r.version = recipe.version
    try:
        r.validate()
        accepted = True
    except ConanInvalidConfiguration:
        accepted = False
    check(accepted == ok, "validate() should %s %s %s with cppstd %s"
          % ("accept" if ok else "reject", compiler, version, cppstd))

# package(): every public header and the license, nothing else.
package_folder = os.path.join(scratch, "package")
shutil.rmtree(package_folder, ignore_errors=True)
recipe.source_folder = source_dir
recipe.package_folder = package_folder
recipe.package()
packaged = sorted(os.path.relpath(os.path.join(root, n), package_folder)
                  for root, _dirs, files in os.walk(package_folder) for n in files)
expected = sorted(["licenses/LICENSE"] + [
    os.path.relpath(os.path.join(root, n), source_dir)
    for root, _dirs, files in os.walk(os.path.join(source_dir, "include")) for n in files if n.endswith((".hpp", ".ipp"))])
check(packaged == expected, "package() copies the headers, their .ipp bodies and the license only (%d files, expected %d)"
      % (len(packaged), len(expected)))
check("include/dxframe/dxframe.hpp" in packaged, "the umbrella header is packaged")

# package_info(): the names dxframe's own CMake package and .pc file use.
recipe.package_info()
props = recipe.cpp_info.properties
check(props.get("cmake_file_name") == "dxframe", "cmake_file_name dxframe")
check(props.get("cmake_target_name") == "dxframe::dxframe", "cmake_target_name dxframe::dxframe")
check(props.get("pkg_config_name") == "dxframe", "pkg_config_name dxframe")
check(recipe.cpp_info.bindirs == [] and recipe.cpp_info.libdirs == [], "no bin or lib directories")
check(sorted(recipe.cpp_info.requires) == ["boost::headers", "nlohmann_json::nlohmann_json"],
      "depends on Boost's headers component and nlohmann_json")
check(getattr(recipe.cpp_info, "system_libs", []) == ["pthread"], "links the thread library on Linux (std::thread)")
with open(os.path.join(source_dir, "cmake", "dxframe.pc.in"), encoding="utf-8") as f:
    check("Name: dxframe" in f.read(), "the installed .pc file has the same name")

# test_package: requires the tested reference, builds with CMake, runs only what was built.
test_module = load_module("dxframe_test_package", test_recipe_path)
test_recipe = test_module.DxframeTestConan(settings=make_settings("gcc", "12", "17"),
                                           tested_reference_str="dxframe/" + recipe.version)
test_recipe.requirements()
check([ref for ref, _ in test_recipe.requires_calls] == ["dxframe/" + recipe.version],
      "test_package requires the tested reference")
test_recipe.layout()
check(test_recipe.layout_calls == [("cmake_layout", ".")], "test_package uses cmake_layout")
test_recipe.build()
check([c for c, _ in test_recipe.run_calls] == ["cmake configure", "cmake build"], "test_package configures and builds")
test_recipe.cpp.build.bindir = os.path.join(scratch, "no-such-dir")
try:
    test_recipe.test()
    check(False, "test_package.test() fails when the program was not built")
except RuntimeError:
    pass
built = os.path.join(scratch, "bin")
os.makedirs(built, exist_ok=True)
with open(os.path.join(built, "test_package"), "w", encoding="utf-8") as f:
    f.write("")
test_recipe.cpp.build.bindir = built
test_recipe.run_calls.clear()
test_recipe.test()
check(test_recipe.run_calls == [(os.path.join(built, "test_package"), "conanrun")],
      "test_package.test() runs the program in the run environment")
stub_build.CAN_RUN = False
test_recipe.run_calls.clear()
test_recipe.test()
check(test_recipe.run_calls == [], "test_package.test() runs nothing when cross-building")

if failures:
    print("%d check(s) failed" % len(failures))
    sys.exit(1)
print("conan recipe OK: dxframe/%s, %d packaged files" % (recipe.version, len(packaged)))
