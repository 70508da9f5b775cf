# SPDX-License-Identifier: MIT
"""Stand-in for conan.tools.build: the cppstd check compares the `compiler.cppstd` setting
("17", "gnu20", ...) with the minimum, as Conan does when the setting is given."""
from conan.errors import ConanInvalidConfiguration

CAN_RUN = True


def _std_number(cppstd):
    value = int(str(cppstd).replace("gnu", ""))
    # 98 sorts before 11.
    return value - 100 if value >= 98 else value


def check_min_cppstd(conanfile, cppstd, gnu_extensions=False):
    current = conanfile.settings.compiler.cppstd
    if current is None:
        raise ConanInvalidConfiguration("stub: give compiler.cppstd in the test settings")
    if _std_number(current) < _std_number(cppstd):
        raise ConanInvalidConfiguration("Current cppstd (%s) is lower than the required C++ standard (%s)."
                                        % (current, cppstd))


def can_run(conanfile):
    return CAN_RUN
