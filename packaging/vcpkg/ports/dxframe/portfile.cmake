# SPDX-License-Identifier: MIT
# vcpkg overlay port for dxframe, building the checkout this port lives in:
#   vcpkg install dxframe --overlay-ports=<repo>/packaging/vcpkg/ports
# or, in manifest mode, "overlay-ports" in vcpkg-configuration.json. vcpkg does not hash the
# sources of a local tree, so pass --no-binarycaching (or bump port-version) after changing it.
# A registry port would take the sources of a release instead:
#   vcpkg_from_github(OUT_SOURCE_PATH SOURCE_PATH REPO dxframe/dxframe REF "v${VERSION}" SHA512 <sha of the tarball>)
get_filename_component(SOURCE_PATH "${CMAKE_CURRENT_LIST_DIR}/../../../.." ABSOLUTE)
if(NOT EXISTS "${SOURCE_PATH}/include/dxframe/dxframe.hpp")
    message(FATAL_ERROR "dxframe overlay port: no dxframe source tree at ${SOURCE_PATH}")
endif()

# Header-only: one configuration is enough, and no debug/ tree is produced.
set(VCPKG_BUILD_TYPE release)

# Library and package files only: no tests, examples, tool, benchmarks or fuzzers, and no
# -Werror (the port is built with whatever compiler the triplet uses).
vcpkg_cmake_configure(
    SOURCE_PATH "${SOURCE_PATH}"
    OPTIONS
        -DDXFRAME_BUILD_TESTS=OFF
        -DDXFRAME_BUILD_EXAMPLES=OFF
        -DDXFRAME_BUILD_TOOLS=OFF
        -DDXFRAME_BUILD_BENCH=OFF
        -DDXFRAME_BUILD_FUZZ=OFF
        -DDXFRAME_DEV_WERROR=OFF
        -DDXFRAME_INSTALL=ON
)
vcpkg_cmake_install()

# dxframe installs its CMake package to share/cmake/dxframe; vcpkg wants share/dxframe.
vcpkg_cmake_config_fixup(PACKAGE_NAME dxframe CONFIG_PATH share/cmake/dxframe)
vcpkg_fixup_pkgconfig()

# The license goes to share/dxframe/copyright instead of the upstream share/doc/dxframe.
file(REMOVE_RECURSE "${CURRENT_PACKAGES_DIR}/share/doc")
vcpkg_install_copyright(FILE_LIST "${SOURCE_PATH}/LICENSE")
file(INSTALL "${CMAKE_CURRENT_LIST_DIR}/usage" DESTINATION "${CURRENT_PACKAGES_DIR}/share/${PORT}")
