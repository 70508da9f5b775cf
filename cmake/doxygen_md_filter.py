# SPDX-License-Identifier: MIT
"""Doxygen input filter for docs/*.md (FILTER_PATTERNS in docs/Doxyfile.in).

The pages are written for GitHub, where every heading gets an anchor and a page links to its
own sections with [text](#heading-slug). Doxygen 1.9.4 makes anchors only from explicit
`{#label}` markers, so this filter adds one to each heading that the same page links to (only
those: labels are global in Doxygen, and headings such as "Summary" recur across pages).
Usage: doxygen_md_filter.py FILE  (writes the filtered page to standard output)."""
import re
import sys


def github_slug(title):
    slug = title.strip().lower()
    slug = re.sub(r"[^\w\- ]", "", slug)
    return slug.replace(" ", "-")


with open(sys.argv[1], encoding="utf-8") as f:
    text = f.read()

targets = set(re.findall(r"\]\(#([^)\s]+)\)", text))
out = []
in_code = False
for line in text.splitlines(keepends=True):
    if line.lstrip().startswith("```"):
        in_code = not in_code
    heading = None if in_code else re.match(r"^(#{1,6}) (.*?)\s*$", line)
    if heading and "{#" not in heading.group(2):
        slug = github_slug(heading.group(2).replace("`", ""))
        if slug in targets:
            line = "%s %s {#%s}\n" % (heading.group(1), heading.group(2), slug)
    out.append(line)
sys.stdout.write("".join(out))
