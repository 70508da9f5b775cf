# SPDX-License-Identifier: MIT
"""Stand-in for conan.tools.scm: Version compares dotted numeric versions."""


class Version:
    def __init__(self, value):
        self._parts = tuple(int(p) for p in str(value).split("."))

    def _key(self, other):
        other = other if isinstance(other, Version) else Version(other)
        width = max(len(self._parts), len(other._parts))
        return (self._parts + (0,) * (width - len(self._parts)),
                other._parts + (0,) * (width - len(other._parts)))

    def __lt__(self, other):
        a, b = self._key(other)
        return a < b

    def __ge__(self, other):
        return not self < other

    def __eq__(self, other):
        a, b = self._key(other)
        return a == b
