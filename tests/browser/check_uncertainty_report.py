#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The uncertainty and sensitivity HTML pages in a real browser: headless Chromium renders them
without console messages and without any request outside the page, the DOM has the charts the
analysis results say it should, nothing overflows its box at 1280 px or at phone width (390 px),
and the screenshots show styled pages with the charts' colours.

The shared browser machinery is in browser_common.py.

Usage: check_uncertainty_report.py --cli PATH/TO/dxframe --work DIR --data tests/data
                                   [--docs-images DIR]

Exit status: 0 all checks passed; 1 a check failed; 77 Chromium is not installed (ctest
SKIP_RETURN_CODE), the only reason this test is ever skipped.

The pages are made from the ASEM tables (COINr's example data) with COINr's vignette inputs:
`dxframe uncertainty ... --runs 200 -o ua.html` and `dxframe sensitivity ... --runs 100 -o
sa.html`, in Vietnamese and English. Expected rows come from the same commands with
`--format json`, never from hard-coded counts. The layout is measured in the browser on a copy
of each page with a measuring script appended (the pages themselves have no script); a planted
page whose labels overflow and which scrolls sideways proves that the measurement can fail.
--docs-images writes the English screenshots for docs/ (uncertainty-report-en.png,
sensitivity-report-en.png).
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

VIGNETTE = ["--weight-noise", "2:0.25,3:0.25", "--normalise-alternatives", "minmax:1:100,zscore:10:2",
            "--aggregate-alternatives", "arithmetic,geometric"]
# Appended to a copy of a page: measures every label against its box, the chart marks against
# their rows, and the page against the window; writes the result as JSON into a
# <pre id="dxframe-layout"> that --dump-dom then shows.
LAYOUT_SCRIPT = """<script>
(function () {
  var out = {problems: [], rows: 0, inputs: 0, pageWidth: document.documentElement.scrollWidth,
             viewWidth: window.innerWidth};
  function box(e) { return e.getBoundingClientRect(); }
  function within(a, b, what) {
    if (a.width <= 0 && a.height <= 0) return;
    if (a.left < b.left - 0.5 || a.right > b.right + 0.5 || a.top < b.top - 0.5 || a.bottom > b.bottom + 0.5)
      out.problems.push(what + ' [' + [a.left, a.right, a.top, a.bottom].map(Math.round) + '] outside [' +
                        [b.left, b.right, b.top, b.bottom].map(Math.round) + ']');
  }
  function beside(label, track, what) {
    var a = box(label), b = box(track);
    if (a.right > b.left + 0.5) out.problems.push(what + ' runs into its plot area by ' + Math.round(a.right - b.left) + ' px');
  }
  function shown(e) { var s = e.closest('svg'); return box(s).width > 0; }
  document.querySelectorAll('svg.chart').forEach(function (svg) {
    var s = box(svg);
    if (s.width === 0) return;  // the chart for the other screen size
    svg.querySelectorAll('text').forEach(function (t) { within(box(t), s, 'text "' + t.textContent + '" of the chart'); });
  });
  document.querySelectorAll('g.unit-row').forEach(function (g) {
    if (!shown(g)) return;
    out.rows++;
    var track = g.querySelector('rect.track'), unit = g.getAttribute('data-unit');
    var label = g.querySelector('text.label'), rank = g.querySelector('text.rank');
    beside(label, track, 'label of ' + unit);
    if (box(rank).right > box(label).left + 0.5) out.problems.push('rank of ' + unit + ' runs into its label');
    var t = box(track);
    g.querySelectorAll('rect.band, line.median, path.nominal').forEach(function (m) {
      within(box(m), {left: t.left, right: t.right, top: t.top - 1, bottom: t.bottom + 1},
             m.getAttribute('class') + ' of ' + unit);
    });
  });
  document.querySelectorAll('g.input-row').forEach(function (g) {
    if (!shown(g)) return;
    out.inputs++;
    var track = g.querySelector('rect.track'), name = g.getAttribute('data-input');
    beside(g.querySelector('text.label'), track, 'label of ' + name);
    var t = box(track);
    g.querySelectorAll('rect.si, rect.sti, g.whisker line').forEach(function (m) {
      within(box(m), t, m.getAttribute('class') + ' of ' + name);
    });
  });
  // HTML text: no element may be wider than the box it is drawn in, and nothing outside a
  // scrolling box may stick out of its section.
  document.querySelectorAll('h1, h2, p, th, td, dt, dd, li, caption').forEach(function (e) {
    if (e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === 'visible')
      out.problems.push(e.tagName.toLowerCase() + ' "' + e.textContent.slice(0, 40) + '" overflows its box');
  });
  document.querySelectorAll('section').forEach(function (sec) {
    var s = box(sec);
    sec.querySelectorAll('*').forEach(function (e) {
      if (e.closest('.scroll') && !e.classList.contains('scroll')) return;
      if (e.closest('svg')) return;
      var a = box(e);
      if (a.width > 0 && a.right > s.right + 0.5) out.problems.push(e.tagName.toLowerCase() + '.' + e.className + ' sticks out of #' + sec.id);
    });
  });
  document.querySelectorAll('.scroll').forEach(function (e) {
    if (getComputedStyle(e).overflowX !== 'auto') out.problems.push('a wide box does not scroll on its own');
  });
  out.charts = Array.prototype.map.call(document.querySelectorAll('svg.chart'), function (svg) {
    return box(svg).width > 0 ? svg.getAttribute('class') : null;
  }).filter(function (c) { return c; });
  // Measured inside the frame of the wanted width; the result goes to the top document, which
  // --dump-dom shows.
  var top = window.parent.document;
  var pre = top.createElement('pre');
  pre.id = 'dxframe-layout';
  pre.textContent = JSON.stringify(out);
  top.body.appendChild(pre);
})();
</script>"""
# What the planted page adds: labels far too large for their column, and a block wider than a phone.
PLANTED = ("<style>svg.chart text.label{font-size:44px}</style></head>",
           '<div style="width:1600px;height:4px;background:#000"></div></main>')


def run(cli, args):
    proc = subprocess.run([cli, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8", "replace")


def check_layout(chromium, page_text, work, tag):
    for width in (1280, 390):
        m, err = measure_layout(chromium, page_text, LAYOUT_SCRIPT,
                                os.path.join(work, "layout-%s-%d.html" % (tag.replace("/", "-"), width)), width, 1200)
        if not check(m is not None, "[%s] the layout probe did not run at %d px:\n%s" % (tag, width, err[-2000:])):
            continue
        problems = layout_problems(m)
        check(not problems, "[%s] layout problems at %d px:\n  %s" % (tag, width, "\n  ".join(problems[:20])))
        yield m


def overflow_check_can_fail(chromium, page_text, work):
    """The planted page (labels too big, a block wider than a phone) must be caught."""
    planted = page_text.replace("</head>", PLANTED[0], 1).replace("</main>", PLANTED[1], 1)
    m, err = measure_layout(chromium, planted, LAYOUT_SCRIPT, os.path.join(work, "layout-planted.html"), 390, 1200)
    if not check(m is not None, "the layout probe did not run on the planted page:\n" + err[-2000:]):
        return
    problems = layout_problems(m)
    check(any("label of" in p for p in problems), "the planted oversized labels were not caught: %s" % problems[:5])
    check(any("scrolls sideways" in p for p in problems), "the planted wide block was not caught: %s" % problems[:5])


def nominal_order(ranks):
    """Unit ids as the page orders them: by nominal rank, then by median, then input order."""
    keyed = [(r["nominal"] is None, r["nominal"] or 0, r["median"] is None, r["median"] or 0, i, r["unit"])
             for i, r in enumerate(ranks)]
    return [k[-1] for k in sorted(keyed)]


def load_page(chromium, path, tag):
    """The DOM Chromium built for the page, after checking the console and external references."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    refs = EXTERNAL_REFERENCE.findall(text)
    check(not refs, "[%s] the page refers to something outside itself: %s" % (tag, refs[:5]))
    dom_text, err, outside = load_with_netlog(chromium, path)
    check(outside is not None, "[%s] Chromium wrote no net log" % tag)
    outside = outside or []
    messages = console_lines(err)
    check(not messages, "[%s] console messages while loading the page:\n  %s" % (tag, "\n  ".join(messages)))
    check(not outside, "[%s] the page made requests outside itself: %s" % (tag, outside[:5]))
    dom = Dom()
    dom.feed(dom_text)
    check(not dom.find("script"), "[%s] the page has a <script> element" % tag)
    check(not dom.find("link") and not dom.find("img") and not dom.find("iframe"), "[%s] the page loads assets" % tag)
    return text, dom


def screenshot(chromium, url, path, size, tag, colour):
    """A screenshot of `size`; its header band has the page's blue and the chart's `colour` shows."""
    if os.path.exists(path):
        os.remove(path)
    _, err = run_chromium(chromium, OFFLINE + ["--window-size=%d,%d" % size, "--screenshot=" + path], url)
    check(not console_lines(err), "[%s] console messages while taking the screenshot" % tag)
    if not check(os.path.exists(path), "[%s] Chromium wrote no screenshot:\n%s" % (tag, err[-2000:])):
        return
    with open(path, "rb") as f:
        width, height, bpp, pixels = decode_png(f.read())
    check((width, height) == size, "[%s] screenshot is %dx%d, expected %dx%d" % ((tag, width, height) + size))
    r, g, b = pixels[20][20 * bpp:20 * bpp + 3]
    check(b > 90 and r < 40 and b > r + 50, "[%s] header band pixel is rgb(%d,%d,%d), not the page's blue" % (tag, r, g, b))
    colours = {pixels[y][x * bpp:x * bpp + 3] for y in range(0, height, 5) for x in range(0, width, 5)}
    check(len(colours) > 50, "[%s] screenshot has only %d colours: a blank or unstyled page?" % (tag, len(colours)))
    near = [c for c in colours if all(abs(c[k] - colour[k]) <= 40 for k in range(3))]
    check(near, "[%s] no pixel near the chart colour rgb%s: the chart was not painted" % (tag, colour))


def generate(cli, command, runs, page, data, lang, tag):
    """Writes the page with `-o page` (the format from the extension) and returns the same
    analysis as --format json (None when either run fails)."""
    base = [command, "--data", os.path.join(data, "asem", "iData.csv"), "--meta",
            os.path.join(data, "asem", "iMeta.csv"), *VIGNETTE, "--runs", str(runs), "--lang", lang]
    for extra in (["-o", page], ["--format", "json"]):
        code, out, err = run(cli, base + extra)
        if not check(code == 0, "[%s] dxframe %s %s exited %d: %s" % (tag, command, " ".join(extra), code, err)):
            return None
    return json.loads(out)


def check_uncertainty(chromium, cli, work, data, lang, docs):
    tag = "uncertainty/" + lang
    page = os.path.join(work, "ua-%s.html" % lang)
    result = generate(cli, "uncertainty", 200, page, data, lang, tag)
    if result is None:
        return None
    text, dom = load_page(chromium, page, tag)
    check(dom.find("html")[0][1].get("lang") == lang, "[%s] <html lang> is not %s" % (tag, lang))

    order = nominal_order(result["ranks"])
    # Two charts, wide and for a phone, each one row per unit in nominal-rank order.
    check(len(dom.find("svg", "wide", "rank-intervals")) == 1 and len(dom.find("svg", "compact", "rank-intervals")) == 1,
          "[%s] expected a wide and a phone rank-intervals chart" % tag)
    rows = [a.get("data-unit") for _, a in dom.find("g", "unit-row", "rank-intervals")]
    check(rows == order + order, "[%s] chart rows %s... are not the units in nominal-rank order %s..." % (tag, rows[:5], order[:5]))
    lines = [a.get("data-unit") for _, a in dom.find("tr", "unit-line", "rank-intervals")]
    check(lines == order, "[%s] table rows are not the units in nominal-rank order" % tag)
    with_band = sum(1 for r in result["ranks"] if r["q5"] is not None and r["q95"] is not None)
    check(len(dom.find("rect", "band", "rank-intervals")) == 2 * with_band,
          "[%s] %d bands, expected %d" % (tag, len(dom.find("rect", "band", "rank-intervals")), with_band))
    check(len(dom.find("line", "median", "rank-intervals")) == 2 * sum(1 for r in result["ranks"] if r["median"] is not None),
          "[%s] one median mark per unit with a median expected" % tag)
    check(len(dom.find("path", "nominal", "rank-intervals")) == 2 * sum(1 for r in result["ranks"] if r["nominal"] is not None),
          "[%s] one nominal mark per unit with a nominal rank expected" % tag)
    check(len(order) == 51, "[%s] the ASEM tables have 51 units, the result %d" % (tag, len(order)))
    settings = " ".join(dom.text)
    check("200" in settings and "arithmetic, geometric" in settings, "[%s] the settings do not state the run" % tag)

    measured = list(check_layout(chromium, text, work, tag))
    check(all(m["rows"] == len(order) for m in measured), "[%s] the layout probe did not see every row" % tag)
    check([m["viewWidth"] for m in measured] == [1280, 390], "[%s] measured in viewports %s, not 1280 and 390 px"
          % (tag, [m["viewWidth"] for m in measured]))
    check([m["charts"] for m in measured] == [["chart rank-intervals wide"], ["chart rank-intervals compact"]],
          "[%s] charts shown at 1280 and 390 px: %s" % (tag, [m["charts"] for m in measured]))
    shot = os.path.join(work, "ua-%s.png" % lang)
    if lang != "en":  # one screenshot per page is enough; the layout probe measured both languages
        return text
    screenshot(chromium, "file://" + os.path.abspath(page), shot, (1280, 1500), tag, (131, 199, 238))
    if docs and os.path.exists(shot):
        shutil.copyfile(shot, os.path.join(docs, "uncertainty-report-en.png"))
    return text


def check_sensitivity(chromium, cli, work, data, lang, docs):
    tag = "sensitivity/" + lang
    page = os.path.join(work, "sa-%s.html" % lang)
    result = generate(cli, "sensitivity", 100, page, data, lang, tag)
    if result is None:
        return
    indices = result["sobol"]["indices"]
    text, dom = load_page(chromium, page, tag)

    names = [i["input"] for i in indices]
    rows = [a.get("data-input") for _, a in dom.find("g", "input-row", "sobol")]
    check(rows == names + names, "[%s] chart rows %s, inputs %s (wide and phone charts)" % (tag, rows, names))
    check(len(names) == 4, "[%s] the vignette has 4 uncertain inputs, the result %d" % (tag, len(names)))
    si = dom.find("rect", "si", "sobol")
    sti = dom.find("rect", "sti", "sobol")
    check(len(si) == 2 * len(names) and len(sti) == 2 * len(names), "[%s] %d Si and %d STi bars for %d inputs x 2 charts"
          % (tag, len(si), len(sti), len(names)))
    for kind, key in (("si", "first_order"), ("sti", "total")):
        expected = sum(1 for i in indices if i[key + "_q5"] is not None and i[key + "_q95"] is not None)
        whiskers = [a for _, a in dom.find("g", "whisker", "sobol") if a.get("data-of") == kind]
        check(len(whiskers) == 2 * expected, "[%s] %d %s whiskers, expected %d" % (tag, len(whiskers), kind, 2 * expected))
    # In each chart, bar lengths are proportional to the indices: each bar against the longest.
    n = len(names)
    for chart in (slice(0, n), slice(n, 2 * n)):
        bars = [(float(a["width"]), abs(i[key] or 0)) for i, (_, a), key in
                [(i, b, "first_order") for i, b in zip(indices, si[chart])] +
                [(i, b, "total") for i, b in zip(indices, sti[chart])]]
        longest = max(bars, key=lambda b: b[1])
        if longest[1] > 0:
            for w, v in bars:
                check(abs(w / longest[0] - v / longest[1]) < 0.01,
                      "[%s] a bar of %.2f px for %.4f is out of proportion with %.2f px for %.4f" % ((tag, w, v) + longest))
    lines = [a.get("data-input") for _, a in dom.find("tr", "input-line", "sobol")]
    check(lines == names, "[%s] table rows %s, inputs %s" % (tag, lines, names))
    measured = list(check_layout(chromium, text, work, tag))
    check(all(m["inputs"] == len(names) for m in measured), "[%s] the layout probe did not see every input" % tag)
    check([m["charts"] for m in measured] == [["chart sobol-indices wide"], ["chart sobol-indices compact"]],
          "[%s] charts shown at 1280 and 390 px: %s" % (tag, [m["charts"] for m in measured]))
    shot = os.path.join(work, "sa-%s.png" % lang)
    if lang != "en":
        return
    screenshot(chromium, "file://" + os.path.abspath(page), shot, (1280, 1100), tag, (230, 159, 0))
    if docs and os.path.exists(shot):
        shutil.copyfile(shot, os.path.join(docs, "sensitivity-report-en.png"))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--data", required=True, help="the test data folder (tests/data)")
    ap.add_argument("--docs-images", help="write the English screenshots here (docs/images)")
    args = ap.parse_args()

    chromium = find_chromium()
    if not chromium:
        print("SKIP: Chromium is not installed (Debian: apt-get install chromium); "
              "the uncertainty and sensitivity pages were not checked in a browser.")
        return SKIP
    os.makedirs(args.work, exist_ok=True)
    if not console_capture_works(chromium, args.work) or not request_capture_works(chromium, args.work):
        return 1

    for lang in ("vi", "en"):
        page = check_uncertainty(chromium, args.cli, args.work, args.data, lang, args.docs_images)
        check_sensitivity(chromium, args.cli, args.work, args.data, lang, args.docs_images)
    if page:
        overflow_check_can_fail(chromium, page, args.work)
    if failures:
        print("FAIL:\n- " + "\n- ".join(failures))
        return 1
    print("OK: the uncertainty and sensitivity pages render in %s without console messages or outside requests; "
          "DOM, layout at 1280 and 390 px, and screenshots checked (vi, en)" % chromium)
    return 0


if __name__ == "__main__":
    sys.exit(main())
