#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Keeps README.md's code in step with code that CI compiles and runs.

Every ```cpp block in README.md must be preceded by a marker line
`<!-- example: examples/NAME.cpp -->` and be identical to that file, which CI builds and runs
as a test. Every `dxframe ...` command shown in a ```sh block must name a registered
sub-command, and every ```json block must pass `dxframe validate` (both checked when the tool
path is given).
"""
import pathlib
import re
import subprocess
import sys

root = pathlib.Path(sys.argv[1])
tool = sys.argv[2] if len(sys.argv) > 2 else None
readme = (root / "README.md").read_text(encoding="utf-8")
failures = []

blocks = list(re.finditer(r"(?:<!-- example: (?P<file>[^ ]+) -->\n)?```cpp\n(?P<code>.*?)```", readme, re.S))
if not blocks:
    failures.append("README.md has no ```cpp block")
for m in blocks:
    name = m.group("file")
    if name is None:
        failures.append("a ```cpp block has no '<!-- example: examples/NAME.cpp -->' marker:\n" + m.group("code")[:200])
        continue
    path = root / name
    if not path.is_file():
        failures.append(f"{name}: named by README.md but missing")
        continue
    if path.read_text(encoding="utf-8") != m.group("code"):
        failures.append(f"{name}: README.md's copy differs from the file")

if tool:
    # Every JSON block is a dxframe/1 document that loads and validates without errors.
    for doc in re.findall(r"```json\n(.*?)```", readme, re.S):
        run = subprocess.run([tool, "validate", "-"], input=doc, capture_output=True, text=True)
        if run.returncode != 0:
            failures.append("a ```json block of README.md does not validate:\n" + run.stdout + run.stderr)
    help_text = subprocess.run([tool, "--help"], capture_output=True, text=True, check=True).stdout
    commands = set(re.findall(r"^  (\w+)\s", help_text, re.M))
    for block in re.findall(r"```sh\n(.*?)```", readme, re.S):
        for sub in re.findall(r"(?:^|\s|/)dxframe (\w+)", block):
            if sub not in commands:
                failures.append(f"README.md shows 'dxframe {sub}', which is not a command ({sorted(commands)})")

for f in failures:
    print("readme_check:", f)
print(f"readme_check: {len(blocks)} code blocks checked, {len(failures)} problems")
sys.exit(1 if failures else 0)
