#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""What every browser check of a dxframe HTML report shares: finding and running headless
Chromium with a fresh profile, offline, capturing its console and its net log (with probes
proving that both captures work), decoding the PNG it writes, a DOM parser that knows which
section each element is in, and measuring a page's layout at a given width with a check's own
probe script.

The report checks (check_report.py, ...) import this module; it has no test of its own.
"""
import html
import html.parser
import json
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
# No host name resolves, so a request outside the page could never be answered; the net log
# then shows whether one was even attempted.
OFFLINE = ["--host-resolver-rules=MAP * ~NOTFOUND"]
# A URL a page would fetch: in a src/href-like attribute or CSS url(), with a scheme other than
# data: (which is inside the page), or protocol-relative.
EXTERNAL_REFERENCE = re.compile(r"""(?:\b(?:src|href|xlink:href|action|poster|srcset)\s*=\s*["']?\s*|url\(\s*["']?\s*)"""
                                r"""(?:(?!data:)[a-z][a-z0-9+.-]*:|//)""", re.I)
# Where a layout probe script writes its findings (JSON) for --dump-dom to show.
LAYOUT_RESULT = re.compile(r'<pre id="dxframe-layout">(.*?)</pre>', re.S)
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


def external_requests(netlog_path):
    """The URLs a page asked for, other than file:, data: and about: ones, from Chromium's net
    log. Chromium's own background requests (component updates, accounts) start with no
    initiator ("not an origin"); a request of the page has the page's origin ("null" for a file)
    as its initiator."""
    with open(netlog_path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    try:
        log = json.loads(text)
    except ValueError:  # Chromium may leave the last event unterminated when it exits
        log = json.loads(text.rstrip().rstrip(",") + "]}")
    kinds = {v: k for k, v in log["constants"]["logEventTypes"].items()}
    urls = set()
    for event in log["events"]:
        params = event.get("params") or {}
        if kinds.get(event["type"]) != "URL_REQUEST_START_JOB" or "url" not in params:
            continue  # the end of a job has no URL
        if params.get("initiator") != "not an origin" and not params["url"].startswith(("file:", "data:", "about:")):
            urls.add(params["url"])
    return sorted(urls)


def load_with_netlog(chromium, path, extra=()):
    """Loads the page at `path` offline with a net log beside it; returns (DOM text, Chromium's
    stderr, the external URLs requested, or None when Chromium wrote no net log)."""
    netlog = path + ".netlog.json"
    if os.path.exists(netlog):
        os.remove(netlog)
    dom_text, err = run_chromium(chromium, OFFLINE + ["--log-net-log=" + netlog, "--net-log-capture-mode=Everything",
                                                      "--dump-dom", *extra], "file://" + os.path.abspath(path))
    if not os.path.exists(netlog):
        return dom_text, err, None
    return dom_text, err, external_requests(netlog)


def request_capture_works(chromium, work):
    """True when a probe page with an image and a CSS background from outside shows both requests
    in the net log, so a broken capture cannot turn into a silent pass."""
    probe = os.path.join(work, "request-probe.html")
    with open(probe, "w", encoding="utf-8") as f:
        f.write('<!DOCTYPE html><html><body><img src="http://dxframe-probe.invalid/a.png">'
                '<div style="background:url(https://dxframe-probe.invalid/b.png)">x</div></body></html>')
    _, err, requested = load_with_netlog(chromium, probe)
    requested = requested or []
    if any(u.endswith("/a.png") for u in requested) and any(u.endswith("/b.png") for u in requested):
        return True
    print("FAIL: request capture does not work (the probe page's requests not seen: %r); Chromium said:\n%s"
          % (requested, err[-2000:]))
    return False


def measure_layout(chromium, page_text, probe_script, path, width, height=1800):
    """Runs a check's layout probe (a <script> that writes its findings as JSON into a
    <pre id="dxframe-layout"> of the top document) on `page_text` in a viewport `width` px wide;
    returns (the findings or None when the probe did not run, Chromium's stderr). Headless
    Chromium's window is never narrower than 500 px and a phone is, so the page is measured in
    an iframe of that width; srcdoc keeps the frame in the wrapper's origin, so the probe can write
    into the wrapper, which --dump-dom shows. The probe file is written to `path`."""
    probe = page_text.replace("</body>", probe_script + "</body>")
    with open(path, "w", encoding="utf-8") as f:
        f.write('<!DOCTYPE html><html><body style="margin:0"><iframe style="border:0;width:%dpx;height:%dpx" '
                'srcdoc="%s"></iframe></body></html>' % (width, height, html.escape(probe, quote=True)))
    dom_text, err = run_chromium(chromium, OFFLINE + ["--window-size=%d,%d" % (max(width + 40, 1300), height + 200),
                                                      "--dump-dom"], "file://" + os.path.abspath(path))
    found = LAYOUT_RESULT.search(dom_text)
    if not found:
        return None, err
    return json.loads(html.unescape(found.group(1))), err


def layout_problems(m):
    """A probe's problems, plus sideways scrolling of the whole page (its `pageWidth` against
    its `viewWidth`)."""
    problems = list(m["problems"])
    if m["pageWidth"] > m["viewWidth"]:
        problems.append("the page scrolls sideways: %d px wide in a %d px window" % (m["pageWidth"], m["viewWidth"]))
    return problems
