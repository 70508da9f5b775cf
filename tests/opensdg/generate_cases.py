#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Reference cases for dxframe's growth_ratio method, computed with Open SDG's rules.

Open SDG's progress measure lives in open-sdg/sdg-build, file sdg/ProgressMeasure.py (class
SeriesProgress and the module functions growth_calculation, get_progress_status). The function
`open_sdg_series` below is an independent transcription of its rules for one series, written
from a reading of that file; it does not import or copy it, and it shares no code with the C++
implementation (include/dxframe/progress/growth.hpp). The series themselves are random, from a
fixed seed, aimed at every branch of the rules.

Usage:  python3 tests/opensdg/generate_cases.py [OUT.csv]
        (default: tests/data/progress/opensdg_cases.csv next to this script's tests/ folder)

Each row: one series (year:value pairs), Open SDG's configuration (base_year, target,
target_year, direction, limit) and the expected Open SDG status, progress value and score.
tests/unit/progress_opensdg.cpp asserts that dxframe agrees on every row;
check_against_opensdg.py runs the real Open SDG code on the same rows when it is available.

Domain (cases where Open SDG itself raises or works in complex numbers are left out, and are
covered by dxframe's own tests instead): a base year with no data at or after it (pandas raises);
a target whose sign differs from the base value's (Python computes a complex power); a target
equal to the base value (a division by a zero required growth: ZeroDivisionError or +-inf
depending on the pandas version); values in (0, 0.001] next to a zero target (Open SDG compares
with the substitute 0.001, dxframe with 0).
"""

import csv
import math
import os
import random
import sys

# Open SDG's defaults (ProgressMeasure.py, get_progress_thresholds).
WITH_TARGET = {"high": 0.95, "med": 0.6, "low": 0.0}
WITHOUT_TARGET = {"high": 0.015, "med": 0.005, "low": 0.0}
LIMIT_EXPONENT = 4.44
ZERO_SUBSTITUTE = 0.001


class OutOfDomain(Exception):
    """Open SDG raises (or leaves the reals) for this input."""


def growth(current, base, t_current, t_base):
    """Compound annual growth, as growth_calculation: (v1/v2)^(1/(t1 - t2)) - 1."""
    ratio = current / base
    if ratio < 0:
        raise OutOfDomain("negative ratio to a fractional power")
    return ratio ** (1.0 / (t_current - t_base)) - 1.0


def status_of(value, thresholds, achieved):
    """get_progress_status: achieved first, then the bands; None or NaN give not_available."""
    if achieved:
        return "target_achieved"
    if value is not None:
        if value >= thresholds["high"]:
            return "substantial_progress"
        if thresholds["med"] <= value < thresholds["high"]:
            return "moderate_progress"
        if thresholds["low"] <= value < thresholds["med"]:
            return "limited_progress"
        if value < thresholds["low"]:
            return "deterioration"
    return "not_available"


def open_sdg_series(points, base_year, target, target_year, direction, limit):
    """Open SDG's SeriesProgress for one series. points: {year: value}; direction +1 / -1.

    Returns (status, progress_value, score); progress_value and score may be None.
    """
    # __init__: a zero target is replaced before anything else (and is what "achieved" uses).
    if target == 0:
        target = ZERO_SUBSTITUTE
    method = 1 if target is None else 2
    years = sorted(points)
    current_year = years[-1]
    current_value = points[current_year]
    if base_year not in points:
        later = [y for y in years if y > base_year]
        if not later:
            raise OutOfDomain("no data at or after the base year")
        base_year = later[0]
    base_value = points[base_year]
    sign = -1 if base_value < 0 else 1  # taken before a zero base is replaced

    # get_progress_thresholds (uses the base value before replacement).
    coefficient = 1.0
    if method == 1:
        thresholds = dict(WITHOUT_TARGET)
        if limit is not None:
            b, lim = abs(base_value), abs(limit)
            if b >= 2 * lim:
                coefficient = 1.0
            elif b <= lim:
                coefficient = 1 - (b / lim) ** LIMIT_EXPONENT
            else:
                coefficient = 1 - ((2 * lim - b) / lim) ** LIMIT_EXPONENT
            for key in ("high", "med", "low"):
                thresholds[key] *= coefficient
    else:
        thresholds = dict(WITH_TARGET)

    # is_target_achieved.
    achieved = target is not None and (
        (direction == -1 and current_value <= target) or (direction == 1 and current_value >= target))

    # calculate_progress_value.
    value = None
    if base_value == 0:
        base_value = ZERO_SUBSTITUTE
    if (base_value > 0 and current_value < 0) or (base_value < 0 and current_value > 0):
        value = None
    elif base_year > current_year or current_year - base_year < 1:
        value = None
    elif method == 1:
        value = sign * direction * growth(current_value, base_value, current_year, base_year)
    else:
        observed = growth(current_value, base_value, current_year, base_year)
        required = growth(target, base_value, target_year, base_year)
        if required == 0:
            # target == base value: Open SDG divides by zero. With pandas 1.5 the years are Python
            # ints and this raises ZeroDivisionError; with numpy scalars it gives +-inf. Neither is
            # a stable reference, so such cases are left out (dxframe: deterioration, score -5).
            raise OutOfDomain("zero required growth")
        value = sign * direction * observed / abs(required)

    status = status_of(value, thresholds, achieved)

    # get_score.
    if achieved:
        score = 5.0
    elif value is None or math.isnan(value):
        score = None
    elif method == 1:
        if value < thresholds["low"]:
            score = max(125 * value - 2.5, -5.0)
        elif coefficient == 0:
            score = 5.0
        elif value >= thresholds["high"]:
            score = min(500 * value / coefficient - 5, 5.0)
        elif value >= thresholds["med"]:
            score = 250 * value / coefficient - 1.25
        else:
            score = 500 * value / coefficient - 2.5
    else:
        if value >= thresholds["med"]:
            score = min(7.1429 * value - 4.2857, 5.0)
        else:
            score = max(4.1667 * value - 2.5, -5.0)
    return status, value, score


# ---------------------------------------------------------------------------------------------
# Random series aimed at each branch.

def r3(x):
    return round(x, 3)


def years_span(rng, base_year, n_after, gap_max=2):
    """Sorted distinct years starting at base_year with n_after more, gaps of 1..gap_max."""
    years = [base_year]
    for _ in range(n_after):
        years.append(years[-1] + rng.randint(1, gap_max))
    return years


def fill(rng, years, start, end):
    """Values from start to end along years with noise in between (end is exact)."""
    out = {}
    n = len(years) - 1
    for i, y in enumerate(years):
        if i == 0:
            out[y] = start
        elif i == n:
            out[y] = end
        else:
            frac = i / n
            mid = start + (end - start) * frac
            out[y] = r3(mid * (1 + rng.uniform(-0.05, 0.05)))
    return out


def value_for_ratio(base, target, ratio, by, cy, ty):
    """Current value whose growth ratio against (base -> target) is about `ratio`."""
    required = (target / base) ** (1.0 / (ty - by)) - 1
    observed = ratio * abs(required)
    return base * (1 + observed) ** (cy - by)


def case_with_target(rng, direction, ratio, negative=False):
    by = rng.randint(2012, 2018)
    years = years_span(rng, by, rng.randint(1, 5))
    cy = years[-1]
    ty = rng.randint(cy + 1, cy + 10) if rng.random() < 0.85 else cy
    base = r3(rng.uniform(5, 80))
    factor = rng.uniform(1.2, 3.0)
    target = r3(base * factor) if direction == 1 else r3(base / factor)
    if negative:
        base, target = -base, -target
        # More negative is "higher" in magnitude: for direction +1 the target must be less negative.
        if direction == 1:
            base, target = min(base, target), max(base, target)
        else:
            base, target = max(base, target), min(base, target)
    sign = -1 if base < 0 else 1
    # growth ratio is s·d·observed/|required|; pick observed with the sign that gives `ratio`.
    required = (target / base) ** (1.0 / (ty - by)) - 1
    observed = ratio * abs(required) * sign * direction
    current = r3(base * (1 + observed) ** (cy - by))
    if current == 0 or (current > 0) != (base > 0):
        current = r3(base * 0.5)
    return fill(rng, years, base, current), by, target, ty, direction, None


def case_no_target(rng, direction, g, negative=False, limit=None, base=None):
    by = rng.randint(2012, 2018)
    years = years_span(rng, by, rng.randint(1, 5))
    cy = years[-1]
    ty = rng.randint(cy, cy + 10)
    if base is None:
        base = r3(rng.uniform(5, 80))
    if negative:
        base = -abs(base)
    sign = -1 if base < 0 else 1
    observed = g * sign * direction
    current = r3(base * (1 + observed) ** (cy - by))
    return fill(rng, years, base, current), by, None, ty, direction, limit


def build_cases(seed=20240601):
    rng = random.Random(seed)
    cases = []

    def add(branch, spec):
        points, by, target, ty, direction, limit = spec
        cases.append({"branch": branch, "points": points, "base_year": by, "target": target,
                      "target_year": ty, "direction": direction, "limit": limit})

    bands = {"on_track": (0.95, 1.6), "moderate": (0.6, 0.95), "limited": (0.0, 0.6), "deterioration": (-2.0, -0.01)}
    for band, (lo, hi) in bands.items():
        for direction in (1, -1):
            for _ in range(14):
                add(f"target_{'up' if direction == 1 else 'down'}_{band}",
                    case_with_target(rng, direction, rng.uniform(lo, hi)))
            for _ in range(5):
                add(f"target_negative_values_{band}",
                    case_with_target(rng, direction, rng.uniform(lo, hi), negative=True))

    # Achieved: the latest value is on the right side of the target (even with one point).
    for direction in (1, -1):
        for _ in range(12):
            by = rng.randint(2012, 2018)
            years = years_span(rng, by, rng.randint(1, 4))
            base = r3(rng.uniform(5, 80))
            target = r3(base * rng.uniform(1.1, 2)) if direction == 1 else r3(base / rng.uniform(1.1, 2))
            current = r3(target * (1 + direction * rng.uniform(0, 0.3)))
            if rng.random() < 0.2:
                current = target  # exactly on the target
            add("achieved", (fill(rng, years, base, current), by, target, years[-1] + rng.randint(0, 8), direction, None))
        for _ in range(4):
            by = rng.randint(2012, 2018)
            target = r3(rng.uniform(10, 50))
            current = r3(target * (1 + direction * rng.uniform(0.01, 0.3)))
            pts = {by - 3: r3(rng.uniform(1, 90)), by + rng.randint(0, 2): current}
            add("achieved_single_point", (pts, by, target, by + 10, direction, None))

    # Zero base: replaced by 0.001 (sign taken as +1 before replacement).
    for _ in range(12):
        by = rng.randint(2012, 2018)
        years = years_span(rng, by, rng.randint(1, 4))
        target = r3(rng.uniform(20, 100))
        current = r3(rng.uniform(0.5, target * 0.95))
        add("zero_base_target", (fill(rng, years, 0.0, current), by, target, years[-1] + rng.randint(1, 8), 1, None))
    # Zero target (a "reduce to zero" target): replaced by 0.001.
    for _ in range(12):
        by = rng.randint(2012, 2018)
        years = years_span(rng, by, rng.randint(1, 4))
        base = r3(rng.uniform(5, 80))
        current = r3(base * rng.uniform(0.05, 1.3))
        if rng.random() < 0.2:
            current = 0.0  # reaches zero: achieved
        add("zero_target_down", (fill(rng, years, base, current), by, 0.0, years[-1] + rng.randint(1, 8), -1, None))
    # Sign change between base and latest: not available (unless achieved).
    for direction in (1, -1):
        for _ in range(6):
            by = rng.randint(2012, 2018)
            years = years_span(rng, by, rng.randint(1, 4))
            base = r3(rng.uniform(5, 50))
            current = -r3(rng.uniform(1, 20))
            target = r3(base * 1.5) if direction == 1 else None
            add("sign_change", (fill(rng, years, base, current), by, target, years[-1] + 5, direction, None))
        for _ in range(3):
            by = rng.randint(2012, 2018)
            years = years_span(rng, by, rng.randint(1, 3))
            base = -r3(rng.uniform(5, 50))
            current = r3(rng.uniform(1, 20))
            target = -r3(abs(base) * 2) if direction == -1 else None
            add("sign_change_negative_base", (fill(rng, years, base, current), by, target, years[-1] + 5, direction, None))
    for _ in range(4):
        by = rng.randint(2012, 2018)
        years = years_span(rng, by, 2)
        add("zero_base_sign_change", (fill(rng, years, 0.0, -r3(rng.uniform(1, 9))), by, None, years[-1] + 4, 1, None))

    # One point at or after the base year (others before it): not available.
    for _ in range(8):
        by = rng.randint(2012, 2018)
        base = r3(rng.uniform(5, 50))
        pts = {by - 4: r3(rng.uniform(5, 50)), by - 1: r3(rng.uniform(5, 50)), by + rng.randint(0, 3): base}
        direction = rng.choice((1, -1))
        target = (r3(base * 2) if direction == 1 else r3(base / 2)) if rng.random() < 0.6 else None
        add("single_point", (pts, by, target, by + 12, direction, None))

    # Base year without data: the next year that has data is used; earlier points are ignored.
    for _ in range(10):
        by = rng.randint(2012, 2018)
        first = by + rng.randint(1, 3)
        years = years_span(rng, first, rng.randint(1, 4))
        base = r3(rng.uniform(5, 80))
        direction = rng.choice((1, -1))
        target = r3(base * 1.8) if direction == 1 else r3(base / 1.8)
        current = r3(base * rng.uniform(0.7, 1.6))
        pts = fill(rng, years, base, current)
        pts[by - 2] = r3(rng.uniform(100, 500))  # wild value before the base year: ignored
        add("base_year_missing", (pts, by, target, years[-1] + rng.randint(1, 8), direction, None))

    # A latest value of zero (growth -1).
    for _ in range(4):
        by = rng.randint(2012, 2018)
        years = years_span(rng, by, 2)
        base = r3(rng.uniform(5, 80))
        add("current_zero_up", (fill(rng, years, base, 0.0), by, r3(base * 2), years[-1] + 5, 1, None))
        add("current_zero_no_target_down", (fill(rng, years, base, 0.0), by, None, years[-1] + 5, -1, None))

    # No target: the direction-adjusted growth against 1.5% / 0.5% / 0.
    gbands = {"on_track": (0.015, 0.08), "moderate": (0.005, 0.015), "limited": (0.0, 0.005),
              "deterioration": (-0.08, -0.0005)}
    for band, (lo, hi) in gbands.items():
        for direction in (1, -1):
            for _ in range(10):
                add(f"no_target_{'up' if direction == 1 else 'down'}_{band}",
                    case_no_target(rng, direction, rng.uniform(lo, hi)))
            for _ in range(3):
                add(f"no_target_negative_values_{band}",
                    case_no_target(rng, direction, rng.uniform(lo, hi), negative=True))
    for direction in (1, -1):
        for _ in range(3):
            by = rng.randint(2012, 2018)
            years = years_span(rng, by, 3)
            base = r3(rng.uniform(5, 80))
            add("no_target_flat", (fill(rng, years, base, base), by, None, years[-1] + 3, direction, None))
        for _ in range(3):
            by = rng.randint(2012, 2018)
            years = years_span(rng, by, 2)
            add("no_target_zero_base", (fill(rng, years, 0.0, r3(rng.uniform(0.01, 5))), by, None,
                                        years[-1] + 3, direction, None))

    # No target with a limit: thresholds scaled by C in each of its branches.
    for _ in range(10):
        lim = r3(rng.uniform(50, 100))
        base = r3(lim * rng.uniform(0.3, 0.98))   # b <= L
        add("limit_below", case_no_target(rng, 1, rng.uniform(-0.01, 0.03), limit=lim, base=base))
    for _ in range(10):
        lim = r3(rng.uniform(2, 20))
        base = r3(lim * rng.uniform(1.05, 1.9))   # L < b < 2L (decrease towards a floor)
        add("limit_between", case_no_target(rng, -1, rng.uniform(-0.01, 0.03), limit=lim, base=base))
    for _ in range(6):
        lim = r3(rng.uniform(2, 20))
        base = r3(lim * rng.uniform(2.0, 4.0))    # b >= 2L: C = 1
        add("limit_far", case_no_target(rng, -1, rng.uniform(-0.02, 0.03), limit=lim, base=base))
    for _ in range(6):
        lim = r3(rng.uniform(50, 100))
        # b = L: C = 0, so any non-negative growth scores 5.
        add("limit_equal", case_no_target(rng, 1, rng.uniform(-0.01, 0.02), limit=lim, base=lim))
    for _ in range(3):
        by = rng.randint(2012, 2018)
        years = years_span(rng, by, 2)
        lim = r3(rng.uniform(50, 100))
        add("limit_equal_flat", (fill(rng, years, lim, lim), by, None, years[-1] + 3, 1, lim))

    return cases


def fmt(x):
    if x is None:
        return ""
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    return repr(float(x))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out_path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "data", "progress", "opensdg_cases.csv")
    rows = []
    for i, c in enumerate(build_cases(), start=1):
        try:
            status, value, score = open_sdg_series(c["points"], c["base_year"], c["target"], c["target_year"],
                                                   c["direction"], c["limit"])
        except OutOfDomain:
            continue
        rows.append({
            "case": i,
            "branch": c["branch"],
            "direction": "positive" if c["direction"] == 1 else "negative",
            "base_year": c["base_year"],
            "target": fmt(c["target"]),
            "target_year": c["target_year"],
            "limit": fmt(c["limit"]),
            "series": ";".join(f"{y}:{fmt(v)}" for y, v in sorted(c["points"].items())),
            "status": status,
            "progress_value": fmt(value),
            "score": fmt(score),
        })
    with open(out_path, "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0].keys()), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    by_status = {}
    for r in rows:
        by_status[r["status"]] = by_status.get(r["status"], 0) + 1
    print(f"{len(rows)} cases -> {out_path}")
    for k in sorted(by_status):
        print(f"  {k}: {by_status[k]}")


if __name__ == "__main__":
    main()
