#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""What every browser check of a dxframe HTML report shares: finding and running headless
Chromium with a fresh profile, capturing its console, decoding the PNG it writes, a DOM parser
that knows which section each element is in, and a probe proving that console capture works.

The report checks (check_report.py, ...) import this module; it has no test of its own.
"""
import html.parser
import os
import re
import shutil
import struct
import subprocess
import tempfile
import zlib

SKIP = 77
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-default-apps", "--disable-extensions", "--mute-audio", "--hide-scrollbars",
    "--enable-logging=stderr", "--v=0",
]
CONSOLE_LINE = re.compile(r":CONSOLE[:(]")
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
    return condition


def find_chromium():
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        path = shutil.which(name)
        if path:
            return path
    return None


def run_chromium(chromium, extra, url, timeout=180):
    """Runs headless Chromium with a fresh profile; returns (stdout, stderr)."""
    profile = tempfile.mkdtemp(prefix="dxframe-chromium-")
    try:
        proc = subprocess.run([chromium, *FLAGS, "--user-data-dir=" + profile, *extra, url],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)
        return proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace")
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def console_lines(stderr):
    return [line for line in stderr.splitlines() if CONSOLE_LINE.search(line) or "Uncaught" in line]


def decode_png(data):
    """Width, height and rows of RGB(A) pixels of an 8-bit, non-interlaced PNG (what Chromium writes)."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG file")
    pos, idat, width, height, ctype = 8, b"", 0, 0, 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or ctype not in (2, 6) or interlace != 0:
                raise ValueError("unsupported PNG layout")
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    bpp = 4 if ctype == 6 else 3
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, prev, i = [], bytearray(stride), 0
    for _ in range(height):
        ftype, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            if ftype == 1:
                line[x] = (line[x] + a) & 0xFF
            elif ftype == 2:
                line[x] = (line[x] + b) & 0xFF
            elif ftype == 3:
                line[x] = (line[x] + (a + b) // 2) & 0xFF
            elif ftype == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        rows.append(bytes(line))
        prev = line
    return width, height, bpp, rows


class Dom(html.parser.HTMLParser):
    """Every element with its tag, attributes and the ids of the sections around it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements = []
        self.stack = []
        self.text = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        sections = [a.get("id") for t, a in self.stack if t == "section"]
        self.elements.append((tag, attrs, sections))
        if tag not in ("meta", "br", "img", "input", "link", "rect", "line", "circle", "path", "polyline"):
            self.stack.append((tag, attrs))

    def handle_startendtag(self, tag, attrs):
        attrs = dict(attrs)
        sections = [a.get("id") for t, a in self.stack if t == "section"]
        self.elements.append((tag, attrs, sections))

    def handle_endtag(self, tag):
        for k in range(len(self.stack) - 1, -1, -1):
            if self.stack[k][0] == tag:
                del self.stack[k:]
                break

    def handle_data(self, data):
        self.text.append(data)

    def find(self, tag=None, cls=None, section=None):
        out = []
        for t, a, sections in self.elements:
            if tag and t != tag:
                continue
            if cls and cls not in (a.get("class") or "").split():
                continue
            if section and section not in sections:
                continue
            out.append((t, a))
        return out


def console_capture_works(chromium, work):
    """True when a page with a deliberate console error shows that error in the capture, so a
    broken capture cannot turn into a silent pass. Prints what Chromium said when it does not."""
    probe = os.path.join(work, "probe.html")
    with open(probe, "w", encoding="utf-8") as f:
        f.write('<!DOCTYPE html><html><body><script>console.error("dxframe-probe"); '
                'undefinedFunction();</script></body></html>')
    _, err = run_chromium(chromium, ["--dump-dom"], "file://" + os.path.abspath(probe))
    seen = console_lines(err)
    if any("dxframe-probe" in line for line in seen) and any("Uncaught" in line for line in seen):
        return True
    print("FAIL: console capture does not work (probe page's error not seen); Chromium said:\n" + err[-3000:])
    return False
