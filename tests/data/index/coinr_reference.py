#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Expected values for tests/unit/index_coinr.cpp, computed independently of dxframe.

This is a from-scratch transcription of the formulas in COINr's R sources (bluefoxr/COINr,
R/normalise.R, R/aggregate.R, R/results.R, R/weights.R), written in plain Python with R's
semantics for missing values (NA), so that the C++ engine can be checked against numbers that
were not produced by the C++ engine. It reads small_iData.csv / small_iMeta.csv (the COINr
layout) and prints C++ initialisers that the test pastes in as literals.

COINr rules transcribed here:
  * Normalise.numeric: x' = Direction * x, then the n_* function on x'.
  * n_minmax(l, u) = (x' - min)/(max - min)*(u - l) + l
  * n_zscore(m, s) = (x' - mean)/sd*s + m, sd the sample sd (n - 1)
  * n_rank = rank(x', ties.method = "min", na.last = "keep"); n_prank = (rank - 1)/(n_nonNA - 1);
    n_borda = rank - 1
  * n_goalposts via use_iMeta: for Direction -1 the goalposts become (-U, -L), then
    y = (x' - gp1)/(gp2 - gp1), truncated to [0, 1] when goalpost_trunc2posts, times the scale
  * n_dist2targ via use_iMeta: targ' = Target * Direction, y = (x' - min(x'))/(targ' - min(x')),
    capped at 1 when dist2targ_cap_max
  * n_dist2max = 1 - (max - x')/(max - min); n_fracmax = x'/max(x')
  * a_amean: weights of NA children dropped, the rest rescaled to sum 1
  * a_gmean = exp(sum(w log x)/sum(w)); a_hmean = sum(w)/sum(w/x); a_genmean = (sum(w x^p)/sum(w))^(1/p),
    all over the children present
  * weighted median: the smallest value whose cumulative weight reaches half the total (exactly
    half: the mean of it and the next value) -- COINr's vignette uses an external weighted median;
    dxframe documents this definition
  * Aggregate.data.frame: NA when sum(!is.na(x))/length(x) < dat_thresh
  * get_results: Rank = rank(-Index, ties.method = "min", na.last = "keep")

Where dxframe deliberately differs from COINr (documented in docs/index-methods.md), the
expected value encodes dxframe's rule and says so: fraction_of_max of a lower-is-better
indicator with positive values is refused (COINr returns x/min(x), which reverses the order),
and geometric/harmonic means refuse values <= 0 for the unit concerned (COINr stops the run).

Run: python3 coinr_reference.py > expected.inc
"""

import csv
import math
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def read_table(name):
    with open(os.path.join(HERE, name), newline="") as f:
        return list(csv.DictReader(f))


def num(s):
    return None if s in ("", "NA") else float(s)


meta = read_table("small_iMeta.csv")
data = read_table("small_iData.csv")
units = [r["uCode"] for r in data]
inds = [m for m in meta if m["Type"] == "Indicator"]
aggs = [m for m in meta if m["Type"] == "Aggregate"]
codes = [m["iCode"] for m in inds]
raw = {c: [num(r[c]) for r in data] for c in codes}


class Refused(Exception):
    """dxframe refuses this column/unit and reports a diagnostic (see module docstring)."""


def present(x):
    return [v for v in x if v is not None]


def rank_min(x):
    """R: rank(x, ties.method = "min", na.last = "keep")."""
    vals = present(x)
    return [None if v is None else 1 + sum(1 for w in vals if w < v) for v in x]


def normalise(code, method, params):
    m = next(r for r in inds if r["iCode"] == code)
    d = float(m["Direction"])
    x = [None if v is None else d * v for v in raw[code]]
    vals = present(x)
    mn, mx = min(vals), max(vals)
    if method == "none":
        return x
    if method == "minmax":
        lo, hi = params
        return [None if v is None else (v - mn) / (mx - mn) * (hi - lo) + lo for v in x]
    if method == "zscore":
        mu, s = params
        mean = sum(vals) / len(vals)
        sd = math.sqrt(sum((v - mean) ** 2 for v in vals) / (len(vals) - 1))
        return [None if v is None else (v - mean) / sd * s + mu for v in x]
    if method == "rank":
        return rank_min(x)
    if method == "percentile_rank":
        return [None if r is None else (r - 1) / (len(vals) - 1) for r in rank_min(x)]
    if method == "borda":
        return [None if r is None else r - 1 for r in rank_min(x)]
    if method == "goalposts":
        lo, hi, scale = float(m["goalpost_lower"]), float(m["goalpost_upper"]), float(m["goalpost_scale"])
        trunc = m["goalpost_trunc2posts"] == "TRUE"
        gp = (hi * d, lo * d) if d == -1 else (lo * d, hi * d)
        out = []
        for v in x:
            if v is None:
                out.append(None)
                continue
            y = (v - gp[0]) / (gp[1] - gp[0])
            if trunc:
                y = min(max(y, 0.0), 1.0)
            out.append(y * scale)
        return out
    if method == "distance_to_target":
        targ = float(m["Target"]) * d
        cap = m["dist2targ_cap_max"] == "TRUE"
        out = []
        for v in x:
            if v is None:
                out.append(None)
                continue
            y = (v - mn) / (targ - mn)
            out.append(1.0 if cap and y > 1 else y)
        return out
    if method == "distance_to_max":
        return [None if v is None else 1 - (mx - v) / (mx - mn) for v in x]
    if method == "fraction_of_max":
        if not mx > 0:
            raise Refused()
        return [None if v is None else v / mx for v in x]
    raise ValueError(method)


def wmedian(pairs):
    pairs = sorted((v, w) for v, w in pairs if w > 0)
    total = sum(w for _, w in pairs)
    cum = 0.0
    for k, (v, w) in enumerate(pairs):
        cum += w
        if abs(2 * cum - total) <= 1e-12 * total and k + 1 < len(pairs):
            return 0.5 * (v + pairs[k + 1][0])
        if 2 * cum >= total:
            return v
    return pairs[-1][0]


def aggregate_row(xs, ws, method, p, thresh):
    have = [(x, w) for x, w in zip(xs, ws) if x is not None]
    if not have or len(have) / len(xs) < thresh:
        return None
    wsum = sum(w for _, w in have)
    if method == "arithmetic":
        return sum(w / wsum * x for x, w in have)
    if method in ("geometric", "harmonic") or (method == "genmean" and p < 0):
        if any(x <= 0 for x, _ in have):
            raise Refused()
    if method == "geometric":
        return math.exp(sum(w * math.log(x) for x, w in have) / wsum)
    if method == "harmonic":
        return wsum / sum(w / x for x, w in have)
    if method == "genmean":
        return (sum(w * x ** p for x, w in have) / wsum) ** (1 / p)
    if method == "median":
        return wmedian(have)
    raise ValueError(method)


def run(norm, norm_params, agg, p=1.0, thresh=0.0):
    """Normalise every indicator, aggregate level by level, rank. Returns columns by code."""
    cols = {}
    for c in codes:
        try:
            cols[c] = normalise(c, norm, norm_params)
        except Refused:
            cols[c] = [None] * len(units)
    for lev in sorted({int(a["Level"]) for a in aggs}):
        for a in (a for a in aggs if int(a["Level"]) == lev):
            kids = [m for m in meta if m["Parent"] == a["iCode"] and m["Type"] in ("Indicator", "Aggregate")]
            out = []
            for u in range(len(units)):
                xs = [cols[k["iCode"]][u] for k in kids]
                ws = [float(k["Weight"]) for k in kids]
                try:
                    out.append(aggregate_row(xs, ws, agg, p, thresh))
                except Refused:
                    out.append(None)
            cols[a["iCode"]] = out
    index = cols["Index"]
    ranks = [None if v is None else 1 + sum(1 for w in present(index) if w > v) for v in index]
    return cols, ranks


def lit(v):
    return "NA" if v is None else repr(float(v))


def emit(name, cols, ranks, keys):
    print(f"// {name}")
    print("{")
    for k in keys:
        print(f"    {{\"{k}\", {{{', '.join(lit(v) for v in cols[k])}}}}},")
    print("},")
    print("{" + ", ".join("0" if r is None else str(r) for r in ranks) + "},")


NORMALISERS = [
    ("none", "none", None),
    ("minmax:0:100", "minmax", (0.0, 100.0)),
    ("minmax:1:10", "minmax", (1.0, 10.0)),
    ("zscore:0:1", "zscore", (0.0, 1.0)),
    ("zscore:100:10", "zscore", (100.0, 10.0)),
    ("rank", "rank", None),
    ("percentile_rank", "percentile_rank", None),
    ("borda", "borda", None),
    ("goalposts", "goalposts", None),
    ("distance_to_target", "distance_to_target", None),
    ("distance_to_max", "distance_to_max", None),
    ("fraction_of_max", "fraction_of_max", None),
]
AGGREGATORS = [
    ("arithmetic", "arithmetic", 1.0),
    ("geometric", "geometric", 1.0),
    ("harmonic", "harmonic", 1.0),
    ("genmean:2", "genmean", 2.0),
    ("genmean:-1.5", "genmean", -1.5),
    ("genmean:0.5", "genmean", 0.5),
    ("median", "median", 1.0),
]
agg_codes = [a["iCode"] for a in sorted(aggs, key=lambda a: int(a["Level"]))]

print("// Generated by tests/data/index/coinr_reference.py -- do not edit by hand.")
print("// Every normaliser with the arithmetic mean: all columns (indicators, then aggregates).")
for spec, method, params in NORMALISERS:
    cols, ranks = run(method, params, "arithmetic")
    print(f"{{\"{spec}\", \"arithmetic\", 0.0,")
    emit(spec, cols, ranks, codes + agg_codes)
    print("},")
print("// Every aggregator after minmax:1:100 (strictly positive), then some mixed pairs and")
print("// availability thresholds.")
CASES = [("minmax:1:100", "minmax", (1.0, 100.0), a, m, p, 0.0) for a, m, p in AGGREGATORS]
CASES += [
    ("rank", "rank", None, "geometric", "geometric", 1.0, 0.0),
    ("zscore:100:10", "zscore", (100.0, 10.0), "harmonic", "harmonic", 1.0, 0.0),
    ("minmax:0:100", "minmax", (0.0, 100.0), "geometric", "geometric", 1.0, 0.0),
    ("goalposts", "goalposts", None, "median", "median", 1.0, 0.0),
    ("minmax:0:100", "minmax", (0.0, 100.0), "arithmetic", "arithmetic", 1.0, 0.5),
    ("minmax:0:100", "minmax", (0.0, 100.0), "arithmetic", "arithmetic", 1.0, 0.6),
    ("minmax:0:100", "minmax", (0.0, 100.0), "arithmetic", "arithmetic", 1.0, 1.0),
]
for spec, method, params, aspec, amethod, p, thresh in CASES:
    cols, ranks = run(method, params, amethod, p, thresh)
    print(f"{{\"{spec}\", \"{aspec}\", {thresh!r},")
    emit(f"{spec} + {aspec}, min share {thresh}", cols, ranks, codes + agg_codes)
    print("},")

# Effective weights (COINr get_eff_wts): weight / sum of siblings, multiplied down the tree.
print("// Effective weights, by code")
eff = {}
by_code = {m["iCode"]: m for m in meta if m["Type"] in ("Indicator", "Aggregate")}


def eff_weight(code):
    m = by_code[code]
    if not m["Parent"]:
        return 1.0
    sibs = [s for s in by_code.values() if s["Parent"] == m["Parent"]]
    return float(m["Weight"]) / sum(float(s["Weight"]) for s in sibs) * eff_weight(m["Parent"])


print("{" + ", ".join(f"{{\"{c}\", {eff_weight(c)!r}}}" for c in codes + agg_codes) + "}")
