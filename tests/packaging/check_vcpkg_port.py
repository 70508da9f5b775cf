# SPDX-License-Identifier: MIT
"""Static checks of the vcpkg files (there is no vcpkg binary on the build machines): the
root manifest and the overlay port's manifest parse and agree with the CMake project, the
portfile passes only options CMakeLists.txt defines and fixes up the directory dxframe
installs its package to, and every Boost library the headers include is a port dependency.
Usage: check_vcpkg_port.py <source dir>"""
import json
import os
import re
import sys

source_dir = os.path.abspath(sys.argv[1])
port_dir = os.path.join(source_dir, "packaging", "vcpkg", "ports", "dxframe")
failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print("FAIL:", what)


def read(*parts):
    with open(os.path.join(source_dir, *parts), encoding="utf-8") as f:
        return f.read()


cmakelists = read("CMakeLists.txt")
project_version = re.search(r"project\(dxframe\s+VERSION\s+([0-9.]+)", cmakelists).group(1)
cmake_options = set(re.findall(r"option\((DXFRAME_\w+)", cmakelists))
cmake_options |= set(re.findall(r"set\((DXFRAME_\w+)\s[^)]*CACHE", cmakelists))

root = json.loads(read("vcpkg.json"))
port = json.loads(read("packaging", "vcpkg", "ports", "dxframe", "vcpkg.json"))


def dep_name(dep):
    return dep if isinstance(dep, str) else dep["name"]


for label, manifest in (("root vcpkg.json", root), ("port vcpkg.json", port)):
    check(manifest.get("name") == "dxframe", label + ": name is dxframe")
    check(manifest.get("version-semver") == project_version,
          "%s: version-semver %s == CMake project version %s" % (label, manifest.get("version-semver"), project_version))
    check(manifest.get("license") == "MIT", label + ": license is the SPDX id MIT")
    check(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", manifest.get("name", "")) is not None, label + ": valid port name")

port_deps = port.get("dependencies", [])
port_libs = {dep_name(d) for d in port_deps if not (isinstance(d, dict) and d.get("host"))}
port_host = {dep_name(d) for d in port_deps if isinstance(d, dict) and d.get("host")}
check({"boost-describe", "nlohmann-json"} <= port_libs, "port depends on boost-describe and nlohmann-json")
check(port_host == {"vcpkg-cmake", "vcpkg-cmake-config"}, "port host dependencies are vcpkg-cmake(-config)")

root_libs = {dep_name(d) for d in root.get("dependencies", [])}
check(root_libs == port_libs, "root manifest and port list the same libraries (%s vs %s)"
      % (sorted(root_libs), sorted(port_libs)))
tests_feature = root.get("features", {}).get("tests", {})
check("catch2" in {dep_name(d) for d in tests_feature.get("dependencies", [])}, "root feature 'tests' adds catch2")

# Every Boost library the public headers include must be a dependency of the port.
boost_libs = set()
for dirpath, _dirs, files in os.walk(os.path.join(source_dir, "include")):
    for name in files:
        if name.endswith((".hpp", ".ipp")):
            with open(os.path.join(dirpath, name), encoding="utf-8") as f:
                for lib in re.findall(r"#\s*include\s*<boost/(\w+)(?:/|\.hpp)", f.read()):
                    boost_libs.add("boost-" + lib.replace("_", "-"))
check(boost_libs <= port_libs, "Boost libraries the headers include are port dependencies (missing: %s)"
      % sorted(boost_libs - port_libs))

portfile = read("packaging", "vcpkg", "ports", "dxframe", "portfile.cmake")
passed = dict(re.findall(r"-D(DXFRAME_\w+)=(\S+)", portfile))
for name in passed:
    check(name in cmake_options, "portfile option %s is defined in CMakeLists.txt" % name)
for name, value in (("DXFRAME_BUILD_TESTS", "OFF"), ("DXFRAME_BUILD_EXAMPLES", "OFF"),
                    ("DXFRAME_BUILD_TOOLS", "OFF"), ("DXFRAME_INSTALL", "ON")):
    check(passed.get(name) == value, "portfile passes -D%s=%s" % (name, value))
check(re.search(r"set\(VCPKG_BUILD_TYPE release\)", portfile) is not None, "header-only: VCPKG_BUILD_TYPE release")
for call in ("vcpkg_cmake_configure", "vcpkg_cmake_install", "vcpkg_fixup_pkgconfig", "vcpkg_install_copyright"):
    check(re.search(r"\b%s\(" % call, portfile) is not None, "portfile calls " + call)
fixup = re.search(r"vcpkg_cmake_config_fixup\(([^)]*)\)", portfile)
check(fixup is not None, "portfile calls vcpkg_cmake_config_fixup")
if fixup:
    args = fixup.group(1).split()
    config_path = args[args.index("CONFIG_PATH") + 1] if "CONFIG_PATH" in args else None
    default_dir = re.search(r'set\(DXFRAME_INSTALL_CMAKEDIR "\$\{CMAKE_INSTALL_DATADIR\}/([^"]+)"', cmakelists)
    check(default_dir is not None and config_path == "share/" + default_dir.group(1),
          "CONFIG_PATH %s is where CMakeLists.txt installs the package" % config_path)
    check("PACKAGE_NAME" in args and args[args.index("PACKAGE_NAME") + 1] == "dxframe", "PACKAGE_NAME dxframe")

usage = read("packaging", "vcpkg", "ports", "dxframe", "usage")
check("find_package(dxframe CONFIG REQUIRED)" in usage and "dxframe::dxframe" in usage,
      "usage shows find_package(dxframe CONFIG REQUIRED) and dxframe::dxframe")
check("usage" in portfile and "share/${PORT}" in portfile, "portfile installs the usage file")

if failures:
    print("%d check(s) failed" % len(failures))
    sys.exit(1)
print("vcpkg files OK: dxframe %s, port dependencies %s" % (project_version, sorted(port_libs)))
