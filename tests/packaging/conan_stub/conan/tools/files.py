# SPDX-License-Identifier: MIT
"""Stand-in for conan.tools.files: load reads a file; copy copies the files under `src` whose
path relative to `src` matches `pattern` (fnmatch, so "*.hpp" also matches in subfolders),
keeping their relative paths, as Conan's copy does."""
import fnmatch
import os
import shutil


def load(conanfile, path, encoding="utf-8"):
    with open(path, encoding=encoding) as f:
        return f.read()


def copy(conanfile, pattern, src, dst, keep_path=True, excludes=None):
    copied = []
    for root, _dirs, files in os.walk(src):
        for name in files:
            path = os.path.join(root, name)
            rel = os.path.relpath(path, src)
            if not fnmatch.fnmatch(rel, pattern):
                continue
            target = os.path.join(dst, rel if keep_path else name)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            shutil.copy2(path, target)
            copied.append(target)
    return copied
