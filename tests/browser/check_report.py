#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The HTML scorecard in a real browser: headless Chromium renders it without console errors,
to a PNG that shows the page, and its DOM has the charts and rows the scorecard says it should.

The shared browser machinery is in browser_common.py.

Usage: check_report.py --cli PATH/TO/dxframe --work DIR [--as-of DATE] [--screenshot-out FILE]

Exit status: 0 all checks passed; 1 a check failed; 77 Chromium is not installed (ctest
SKIP_RETURN_CODE), the only reason this test is ever skipped.

Expected counts are not hard-coded: they come from the scorecard's own JSON output for the same
dataset and date (`dxframe scorecard --format json`), and the DOM is checked against them.
The layout is measured in the browser on a copy of the page with a measuring script appended
(the page itself has no script): the date and age of each target's latest observation and the
stale marks must be there, one per target that has them, drawn inside their table cell, and
no table may be wider than its section.
A probe page with a deliberate console error first proves that console capture works, so a
broken capture cannot turn into a silent pass.
"""
import argparse
import html
import json
import os
import re
import shutil
import subprocess
import sys

from browser_common import SKIP, Dom, check, console_capture_works, console_lines, decode_png, failures, \
    find_chromium, run_chromium

# Appended to a copy of the page: measures the data-age and stale marks and the tables, and
# writes the result as JSON into a <pre id="dxframe-layout"> that --dump-dom then shows.
LAYOUT_SCRIPT = """<script>
(function () {
  var out = {ages: 0, stale: 0, dates: 0, problems: [], noTarget: 0, newestSource: null, newestData: null,
             pageWidth: document.documentElement.scrollWidth, viewWidth: window.innerWidth};
  function inside(inner, outer) {
    var a = inner.getBoundingClientRect(), b = outer.getBoundingClientRect();
    return a.width > 0 && a.height > 0 && a.left >= b.left - 0.5 && a.right <= b.right + 0.5 &&
           a.top >= b.top - 0.5 && a.bottom <= b.bottom + 0.5;
  }
  var targets = document.getElementById('targets');
  [['.data-date', 'dates'], ['.data-age', 'ages'], ['.stale-mark', 'stale']].forEach(function (k) {
    targets.querySelectorAll(k[0]).forEach(function (e) {
      out[k[1]]++;
      var td = e.closest('td'), tr = e.closest('tr');
      if (!td || !inside(e, td)) out.problems.push(k[0] + ' outside its cell in row ' + (tr && tr.dataset.target));
    });
  });
  targets.querySelectorAll('.stale-mark').forEach(function (e) {
    var tr = e.closest('tr');
    if (!tr.classList.contains('stale')) out.problems.push('stale mark in a row not marked stale: ' + tr.dataset.target);
    var age = e.closest('.data-age');
    if (!age) out.problems.push('stale mark outside the data age in row ' + tr.dataset.target);
  });
  document.querySelectorAll('table').forEach(function (t) {
    var s = t.closest('section');
    if (t.getBoundingClientRect().right > s.getBoundingClientRect().right + 0.5)
      out.problems.push('a table is wider than section #' + s.id);
  });
  var head = document.querySelector('header.top .wrap');
  document.querySelectorAll('header .freshness strong, header .freshness .stale-mark').forEach(function (e) {
    if (!inside(e, head)) out.problems.push('header date outside the header: ' + e.className);
  });
  out.noTarget = document.querySelectorAll('tr.pillar-row td.no-target').length;
  var ns = document.querySelector('.newest-source'), nd = document.querySelector('.newest-observation');
  out.newestSource = ns && ns.textContent;
  out.newestData = nd && nd.textContent;
  var pre = document.createElement('pre');
  pre.id = 'dxframe-layout';
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>"""
LAYOUT_RESULT = re.compile(r'<pre id="dxframe-layout">(.*?)</pre>', re.S)


def human_date(iso, lang):
    if iso is None:
        return "\u2014"
    y, m, d = iso.split("-")
    return "%s/%s/%s" % (d, m, y) if lang == "vi" else iso


def check_layout(chromium, report, work, sc, lang):
    """The data-age and stale marks are there, inside their cells, and nothing overflows."""
    with open(report, encoding="utf-8") as f:
        page = f.read()
    probe = os.path.join(work, "layout-%s.html" % lang)
    with open(probe, "w", encoding="utf-8") as f:
        f.write(page.replace("</body>", LAYOUT_SCRIPT + "</body>"))
    dom_text, err = run_chromium(chromium, ["--window-size=1280,2200", "--dump-dom"], "file://" + os.path.abspath(probe))
    found = LAYOUT_RESULT.search(dom_text)
    if not check(found, "[%s] the layout probe did not run:\n%s" % (lang, err[-2000:])):
        return
    m = json.loads(html.unescape(found.group(1)))
    with_data = [t for t in sc["targets"] if t["latest_age_days"] is not None]
    stale = [t for t in sc["targets"] if t["stale"]]
    check(m["dates"] == len(with_data), "[%s] %d data dates in #targets, expected %d" % (lang, m["dates"], len(with_data)))
    check(m["ages"] == len(with_data), "[%s] %d data ages in #targets, expected %d" % (lang, m["ages"], len(with_data)))
    check(m["stale"] == len(stale), "[%s] %d stale marks in #targets, expected %d" % (lang, m["stale"], len(stale)))
    check(len(stale) >= 1, "[%s] the check needs at least one stale target to look at" % lang)
    check(not m["problems"], "[%s] layout problems:\n  %s" % (lang, "\n  ".join(m["problems"])))
    check(m["pageWidth"] <= m["viewWidth"], "[%s] the page scrolls sideways: %d px wide in a %d px window"
          % (lang, m["pageWidth"], m["viewWidth"]))
    empty = [g for g in sc["pillars"] if g["targets"] == 0]
    check(m["noTarget"] == len(empty), "[%s] %d pillar rows say 'no target set', expected %d" % (lang, m["noTarget"], len(empty)))
    check(m["newestSource"] == human_date(sc["newest_source"], lang),
          "[%s] header's newest source %r, scorecard says %r" % (lang, m["newestSource"], sc["newest_source"]))
    check(m["newestData"] == human_date(sc["newest_observation"], lang),
          "[%s] header's newest data %r, scorecard says %r" % (lang, m["newestData"], sc["newest_observation"]))


def check_page(chromium, cli, work, as_of, lang, screenshot_out):
    report = os.path.join(work, "report-%s.html" % lang)
    shot = os.path.join(work, "report-%s.png" % lang)
    for path in (report, shot):
        if os.path.exists(path):
            os.remove(path)
    gen = subprocess.run([cli, "scorecard", "--as-of", as_of, "--lang", lang, "-o", report],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if not check(gen.returncode == 0, "[%s] dxframe scorecard -o report.html exited %d: %s"
                 % (lang, gen.returncode, gen.stderr.decode("utf-8", "replace"))):
        return
    js = subprocess.run([cli, "scorecard", "--as-of", as_of, "--lang", lang, "--format", "json"],
                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=True)
    sc = json.loads(js.stdout.decode("utf-8"))
    url = "file://" + os.path.abspath(report)

    # 1. The DOM as the browser built it, and the console while it did.
    dom_text, err = run_chromium(chromium, ["--dump-dom"], url)
    messages = console_lines(err)
    check(not messages, "[%s] console messages while loading the page:\n  %s" % (lang, "\n  ".join(messages)))
    check("<svg" in dom_text, "[%s] --dump-dom gave no SVG (Chromium failed to render?):\n%s" % (lang, err[-2000:]))
    dom = Dom()
    dom.feed(dom_text)

    groups = sc["pillars"] + ([sc["unassigned"]] if sc.get("unassigned") else [])
    html_tag = dom.find("html")
    check(html_tag and html_tag[0][1].get("lang") == lang, "[%s] <html lang> is not %s" % (lang, lang))
    check(not dom.find("script"), "[%s] the page has a <script> element" % lang)
    check(not dom.find("link") and not dom.find("img"), "[%s] the page loads external assets" % lang)
    check(len(dom.find("svg", "pillar-chart")) == 1, "[%s] expected one pillar chart" % lang)
    bars = dom.find("rect", "bar", "pillars")
    check(len(bars) == len(groups), "[%s] pillar chart has %d bars, scorecard has %d pillars" % (lang, len(bars), len(groups)))
    rows = dom.find("tr", "pillar-row")
    check(len(rows) == len(groups), "[%s] %d pillar rows, expected %d" % (lang, len(rows), len(groups)))
    row_ids = {a.get("data-pillar") for _, a in rows}
    for g in groups:
        check(g["id"] in row_ids, "[%s] no row for pillar %s" % (lang, g["id"]))
        check(g["name"] in "".join(dom.text), "[%s] pillar name %r not in the page text" % (lang, g["name"]))
    target_rows = dom.find("tr", "target-row", "targets")
    check(len(target_rows) == len(sc["targets"]),
          "[%s] %d target rows, scorecard has %d targets" % (lang, len(target_rows), len(sc["targets"])))
    check(len(sc["targets"]) >= 1, "[%s] the scorecard has no targets" % lang)
    progress = dom.find("svg", "progress", "targets")
    check(len(progress) == len(sc["targets"]), "[%s] %d progress bars in #targets, expected %d"
          % (lang, len(progress), len(sc["targets"])))
    counts = sc["overall"]["counts"]
    present = [s for s, n in counts.items() if n > 0]
    for status in present:
        check(dom.find("tr", "status-" + status, "targets"), "[%s] no target row with class status-%s" % (lang, status))
        check(dom.find("rect", "status-" + status, "summary"), "[%s] no status-mix segment for %s" % (lang, status))
    check(len(dom.find("rect", "seg", "summary")) == len(present),
          "[%s] status mix has %d segments, expected %d" % (lang, len(dom.find("rect", "seg", "summary")), len(present)))
    indicators = {t["indicator"] for t in sc["targets"] if t["series"]}
    figures = dom.find("figure", "trajectory-figure")
    check(len(figures) == len(indicators),
          "[%s] %d trajectory charts, expected one per indicator with observations (%d)" % (lang, len(figures), len(indicators)))
    check(len(dom.find("circle", "obs", "trajectories")) >= sum(1 for _ in indicators),
          "[%s] trajectory charts have fewer observation points than charts" % lang)
    check(len(dom.find("line", "deadline", "trajectories")) == len(figures),
          "[%s] every trajectory chart needs a deadline marker" % lang)
    ranking = sc.get("ranking")
    if ranking:
        ranked = [e for e in ranking["entries"] if e["value"] is not None]
        check(len(dom.find("rect", "rank-bar", "ranking")) == len(ranked),
              "[%s] ranking chart has %d bars, expected %d" % (lang, len(dom.find("rect", "rank-bar", "ranking")), len(ranked)))
    check(len(dom.find("tr", "task-row", "tasks")) == len(sc["overdue_tasks"]) + len(sc["due_soon_tasks"]),
          "[%s] task rows do not match the scorecard's overdue and due-soon tasks" % lang)
    stale_rows = dom.find("tr", "stale", "targets")
    check(len(stale_rows) == sum(1 for t in sc["targets"] if t["stale"]),
          "[%s] %d target rows marked stale, scorecard has %d" % (lang, len(stale_rows), sum(1 for t in sc["targets"] if t["stale"])))
    check_layout(chromium, report, work, sc, lang)

    # 2. The page painted: a PNG of the right size whose header band has the page's colour.
    _, err = run_chromium(chromium, ["--window-size=1280,2200", "--screenshot=" + shot], url)
    messages = console_lines(err)
    check(not messages, "[%s] console messages while taking the screenshot:\n  %s" % (lang, "\n  ".join(messages)))
    if not check(os.path.exists(shot), "[%s] Chromium wrote no screenshot:\n%s" % (lang, err[-2000:])):
        return
    with open(shot, "rb") as f:
        png = f.read()
    width, height, bpp, pixels = decode_png(png)
    check((width, height) == (1280, 2200), "[%s] screenshot is %dx%d, expected 1280x2200" % (lang, width, height))
    r, g, b = pixels[20][20 * bpp:20 * bpp + 3]
    check(b > 90 and r < 40 and b > r + 50, "[%s] header band pixel is rgb(%d,%d,%d), not the page's dark blue" % (lang, r, g, b))
    colours = {pixels[y][x * bpp:x * bpp + 3] for y in range(0, height, 7) for x in range(0, width, 7)}
    check(len(colours) > 50, "[%s] screenshot has only %d colours: a blank or unstyled page?" % (lang, len(colours)))
    if screenshot_out:
        shutil.copyfile(shot, screenshot_out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--data", help="the test data folder (unused: the scorecard is the embedded dataset)")
    ap.add_argument("--as-of", default="2025-11-22")
    ap.add_argument("--screenshot-out")
    args = ap.parse_args()

    chromium = find_chromium()
    if not chromium:
        print("SKIP: Chromium is not installed (Debian: apt-get install chromium); "
              "the HTML report was not checked in a browser.")
        return SKIP
    os.makedirs(args.work, exist_ok=True)

    if not console_capture_works(chromium, args.work):
        return 1

    check_page(chromium, args.cli, args.work, args.as_of, "vi", args.screenshot_out)
    check_page(chromium, args.cli, args.work, args.as_of, "en", None)
    if failures:
        print("FAIL:\n- " + "\n- ".join(failures))
        return 1
    print("OK: the HTML report renders in %s without console errors; DOM and screenshot checked (vi, en)" % chromium)
    return 0


if __name__ == "__main__":
    sys.exit(main())
