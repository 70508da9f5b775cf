#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The HTML index report in a real browser: `dxframe index` on COINr's ASEM tables, in
Vietnamese and in English, rendered by headless Chromium without console messages and without
any request outside the page; its DOM has the charts and rows the index's own JSON output says
it should; nothing overflows its box and the page does not scroll sideways at 1280 px or at
390 px (a phone); the screenshot shows a styled page.

The shared browser machinery is in browser_common.py.

Usage: check_index_report.py --cli PATH/TO/dxframe --work DIR --data tests/data
                             [--screenshot-out FILE.png]

Exit status: 0 all checks passed; 1 a check failed; 77 Chromium is not installed (ctest
SKIP_RETURN_CODE), the only reason this test is ever skipped.

Expected counts are not hard-coded: they come from `dxframe index --format json` on the same
tables. Requests are checked twice: statically (no http:, https: or protocol-relative URL in any
src, href or CSS url()), and in the browser, which runs with every host name unresolvable and
writes a net log whose URLs must all be file: ones. A probe page that does fetch an external
image first proves that the net log sees such a request, a planted page with overlong labels
and a too-wide block proves that the layout probe fails when it should, and the console probe
of browser_common.py proves that console capture works: no check can turn into a silent pass.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys

from browser_common import EXTERNAL_REFERENCE, OFFLINE, SKIP, Dom, check, console_capture_works, console_lines, \
    decode_png, failures, find_chromium, layout_problems, load_with_netlog, measure_layout, request_capture_works, \
    run_chromium

# Appended to a copy of the page: measures the bar labels and values, the bars, the tree and the
# table box, and writes the result as JSON into a <pre id="dxframe-layout"> that --dump-dom shows.
LAYOUT_SCRIPT = """<script>
(function () {
  var out = {problems: [], labels: 0, pageWidth: document.documentElement.scrollWidth,
             viewWidth: window.innerWidth};
  function box(e) { return e.getBoundingClientRect(); }
  function inside(inner, outer, what) {
    var a = box(inner), b = box(outer);
    if (a.width <= 0 || a.height <= 0) { out.problems.push(what + ' is not drawn'); return; }
    if (a.left < b.left - 0.5 || a.right > b.right + 0.5 || a.top < b.top - 0.5 || a.bottom > b.bottom + 0.5)
      out.problems.push(what + ' overflows its box');
  }
  function fits(e, what) {
    if (e.scrollWidth > e.clientWidth + 0.5) out.problems.push(what + ' text is cut: ' + e.scrollWidth + ' > ' + e.clientWidth);
  }
  document.querySelectorAll('.bar-row').forEach(function (row) {
    var unit = row.dataset.unit, label = row.querySelector('.bar-label'), value = row.querySelector('.bar-value');
    out.labels++;
    fits(label, 'label of ' + unit);
    fits(value, 'value of ' + unit);
    inside(label, row, 'label of ' + unit);
    inside(value, row, 'value of ' + unit);
    inside(row.querySelector('svg.bar'), row, 'bar of ' + unit);
    label.querySelectorAll('span').forEach(function (s) {
      if (getComputedStyle(s).display !== 'none') inside(s, label, 'label text of ' + unit);
    });
    if (box(label).right > box(row.querySelector('svg.bar')).left + 0.5) out.problems.push('label of ' + unit + ' runs into its bar');
  });
  document.querySelectorAll('section').forEach(function (s) {
    if (box(s).right > document.documentElement.clientWidth + 0.5) out.problems.push('section #' + s.id + ' is wider than the page');
  });
  document.querySelectorAll('li.tree-node > .tn, li.tree-indicator').forEach(function (e) {
    inside(e, e.closest('section'), 'tree item ' + (e.dataset.id || e.parentNode.dataset.id));
  });
  var tb = document.querySelector('.table-box');
  if (tb) inside(tb, tb.closest('section'), 'the results table box');
  document.querySelectorAll('header h1, header .meta').forEach(function (e) {
    inside(e, document.querySelector('header.top .wrap'), 'header text');
  });
  var host = window.parent !== window ? window.parent.document : document;
  var pre = host.createElement('pre');
  pre.id = 'dxframe-layout';
  pre.textContent = JSON.stringify(out);
  host.body.appendChild(pre);
})();
</script>"""
def planted_overflow_is_caught(chromium, work, page_path):
    """The layout probe sees the overflows planted in a copy of the page (labels squeezed to 3
    characters, a block wider than the page)."""
    with open(page_path, encoding="utf-8") as f:
        page = f.read()
    planted = (page.replace("</style>", ".bars{--label-w:3ch!important}</style>")
               .replace("</main>", '<div style="width:1800px;height:4px"></div></main>'))
    m, err = measure_layout(chromium, planted, LAYOUT_SCRIPT, os.path.join(work, "layout-planted.html"), 1280)
    if m is None:
        print("FAIL: the layout probe did not run on the planted page:\n" + err[-2000:])
        return False
    problems = layout_problems(m)
    if not any("label of" in p for p in problems) or not any("sideways" in p for p in problems):
        print("FAIL: the layout probe missed the planted overflows; it found: %r" % problems[:5])
        return False
    return True


def expected_order(report):
    """Unit ids by rank (ties and unranked in input order), as the page must list them."""
    units = list(enumerate(report["units"]))
    ranked = sorted((u for u in units if "rank" in u[1]), key=lambda u: (u[1]["rank"], u[0]))
    return [u["unit"] for _, u in ranked] + [u["unit"] for _, u in units if "rank" not in u]


def check_page(chromium, cli, work, data, lang, screenshot_out):
    page = os.path.join(work, "index-%s.html" % lang)
    shot = os.path.join(work, "index-%s.png" % lang)
    for path in (page, shot):
        if os.path.exists(path):
            os.remove(path)
    tables = ["--data", os.path.join(data, "asem", "iData.csv"), "--meta", os.path.join(data, "asem", "iMeta.csv")]
    gen = subprocess.run([cli, "index", *tables, "--lang", lang, "-o", page], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE)
    if not check(gen.returncode == 0, "[%s] dxframe index -o index.html exited %d: %s"
                 % (lang, gen.returncode, gen.stderr.decode("utf-8", "replace"))):
        return
    js = subprocess.run([cli, "index", *tables, "--format", "json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                        check=True)
    report = json.loads(js.stdout.decode("utf-8"))
    with open(page, encoding="utf-8") as f:
        text = f.read()

    # 1. Nothing to fetch, statically and in the browser; no console message.
    static = EXTERNAL_REFERENCE.findall(text)
    check(not static, "[%s] the page names URLs to fetch: %r" % (lang, static[:5]))
    url = "file://" + os.path.abspath(page)
    dom_text, err, requested = load_with_netlog(chromium, page)
    check(requested is not None, "[%s] Chromium wrote no net log" % lang)
    check(not requested, "[%s] the page made requests outside itself: %r" % (lang, requested))
    messages = console_lines(err)
    check(not messages, "[%s] console messages while loading the page:\n  %s" % (lang, "\n  ".join(messages)))
    check("<svg" in dom_text, "[%s] --dump-dom gave no SVG (Chromium failed to render?):\n%s" % (lang, err[-2000:]))

    # 2. The DOM against the index's JSON.
    dom = Dom()
    dom.feed(dom_text)
    html_tag = dom.find("html")
    check(html_tag and html_tag[0][1].get("lang") == lang, "[%s] <html lang> is not %s" % (lang, lang))
    check(not dom.find("script") and not dom.find("link") and not dom.find("img"),
          "[%s] the page has a script, a link or an image element" % lang)
    order = expected_order(report)
    ranked = [u for u in order if any(x["unit"] == u and "rank" in x for x in report["units"])]
    components = [c["id"] for c in report["columns"] if c.get("parent") == report["index"]]
    check(len(components) >= 2, "[%s] the ASEM index should have several components, found %r" % (lang, components))
    bars = [a.get("data-unit") for _, a in dom.find("div", "bar-row", "bars")]
    check(bars == ranked, "[%s] bar rows %r..., expected the ranked units %r..." % (lang, bars[:5], ranked[:5]))
    segs = dom.find("rect", "seg", "bars")
    check(len(segs) == len(ranked) * len(components),
          "[%s] %d bar segments, expected %d units x %d components" % (lang, len(segs), len(ranked), len(components)))
    check([a.get("data-component") for _, a in segs[:len(components)]] == components,
          "[%s] the first bar's segments are not the index's components in order" % lang)
    legend = [a.get("data-component") for t, a in dom.find("li", None, "bars") if a.get("data-component")]
    check(legend == components, "[%s] the legend lists %r, expected %r" % (lang, legend, components))
    nodes = [c["id"] for c in report["columns"] if c["level"] > 1]
    indicators = [c["id"] for c in report["columns"] if c["level"] == 1]
    tree_nodes = [a.get("data-id") for _, a in dom.find("li", "tree-node", "framework")]
    tree_leaves = [a.get("data-id") for _, a in dom.find("li", "tree-indicator", "framework")]
    check(sorted(tree_nodes) == sorted(nodes), "[%s] the tree has nodes %r, expected %r" % (lang, tree_nodes, nodes))
    check(sorted(tree_leaves) == sorted(indicators), "[%s] the tree has %d indicators, expected %d"
          % (lang, len(tree_leaves), len(indicators)))
    weights = [float(a.get("data-weight")) for _, a in dom.find("li", "tree-indicator", "framework")]
    check(abs(sum(weights) - 1) < 1e-9, "[%s] the indicators' effective weights add up to %r, not 1" % (lang, sum(weights)))
    rows = [a.get("data-unit") for _, a in dom.find("tr", "unit-row", "results")]
    check(rows == order, "[%s] table rows %r..., expected by rank %r..." % (lang, rows[:5], order[:5]))
    check(len(dom.find("th", None, "results")) == 3 + len(report["columns"]),
          "[%s] the results table should have rank, unit, name and one column per indicator and node" % lang)

    # 3. Layout at a desktop and at a phone width.
    for width in (1280, 390):
        m, err = measure_layout(chromium, text, LAYOUT_SCRIPT, os.path.join(work, "layout-%s-%d.html" % (lang, width)),
                                width)
        if not check(m is not None, "[%s] the layout probe did not run at %d px:\n%s" % (lang, width, err[-2000:])):
            continue
        check(m["labels"] == len(ranked), "[%s] the probe measured %d bar labels at %d px, expected %d"
              % (lang, m["labels"], width, len(ranked)))
        check(m["viewWidth"] == width, "[%s] the probe ran in a %d px window, not %d px" % (lang, m["viewWidth"], width))
        problems = layout_problems(m)
        check(not problems, "[%s] layout problems at %d px:\n  %s" % (lang, width, "\n  ".join(problems[:20])))

    # 4. The page painted: the header band's blue and the first component's colour in the bars.
    _, err = run_chromium(chromium, OFFLINE + ["--window-size=1280,1600", "--screenshot=" + shot], url)
    if not check(os.path.exists(shot), "[%s] Chromium wrote no screenshot:\n%s" % (lang, err[-2000:])):
        return
    with open(shot, "rb") as f:
        width, height, bpp, pixels = decode_png(f.read())
    check((width, height) == (1280, 1600), "[%s] screenshot is %dx%d, expected 1280x1600" % (lang, width, height))
    r, g, b = pixels[20][20 * bpp:20 * bpp + 3]
    check(b > 90 and r < 40 and b > r + 50, "[%s] header band pixel is rgb(%d,%d,%d), not the page's dark blue" % (lang, r, g, b))
    colours = {bytes(pixels[y][x * bpp:x * bpp + 3]) for y in range(0, height, 5) for x in range(0, width, 5)}
    check(len(colours) > 50, "[%s] screenshot has only %d colours: a blank or unstyled page?" % (lang, len(colours)))
    check(bytes((0x00, 0x72, 0xB2)) in colours and bytes((0xE6, 0x9F, 0x00)) in colours,
          "[%s] the screenshot shows no bar segment in the first two components' colours" % lang)
    if screenshot_out:
        shutil.copyfile(shot, screenshot_out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--data", required=True, help="the test data folder (tests/data)")
    ap.add_argument("--screenshot-out", help="also save the English page's screenshot here")
    args = ap.parse_args()

    chromium = find_chromium()
    if not chromium:
        print("SKIP: Chromium is not installed (Debian: apt-get install chromium); "
              "the HTML index report was not checked in a browser.")
        return SKIP
    os.makedirs(args.work, exist_ok=True)
    if not console_capture_works(chromium, args.work) or not request_capture_works(chromium, args.work):
        return 1

    first = os.path.join(args.work, "index-en.html")
    check_page(chromium, args.cli, args.work, args.data, "en", args.screenshot_out)
    check_page(chromium, args.cli, args.work, args.data, "vi", None)
    if os.path.exists(first) and not planted_overflow_is_caught(chromium, args.work, first):
        return 1
    if failures:
        print("FAIL:\n- " + "\n- ".join(failures))
        return 1
    print("OK: the HTML index report renders in %s offline, without console messages or external requests; "
          "DOM, layout at 1280 and 390 px, and screenshot checked (en, vi)" % chromium)
    return 0


if __name__ == "__main__":
    sys.exit(main())
