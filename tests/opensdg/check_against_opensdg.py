#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Runs Open SDG's own progress measure on the rows of opensdg_cases.csv and compares.

This checks that generate_cases.py transcribes Open SDG's rules faithfully. Open SDG's code is
not part of dxframe: fetch sdg/ProgressMeasure.py from open-sdg/sdg-build yourself and pass its
path. It needs pandas and numpy (Debian: python3-pandas). sdg-build's package __init__ pulls in
much more than the progress measure needs, so the file is loaded inside a temporary package whose
__init__ provides only the `Loggable` base class it imports.

Usage:  python3 tests/opensdg/check_against_opensdg.py PATH/TO/ProgressMeasure.py [CASES.csv]
Exit code 0 when every row agrees (status, progress value and score), 1 otherwise.
"""

import csv
import importlib
import math
import os
import shutil
import sys
import tempfile

SHIM = '''
class Loggable:
    """Stand-in for sdg.Loggable: collects warnings instead of logging them."""
    def __init__(self, logging=None):
        self.logging = logging
        self.warnings = []
    def warn(self, message, **kwargs):
        self.warnings.append(message)
    def debug(self, message, **kwargs):
        pass
'''


class Options:
    """The indicator options SeriesProgress reads (sdg-build's defaults for the column names)."""
    series_column = "Series"
    unit_column = "Units"
    progress_column = "Progress"
    non_disaggregation_columns = ["Year", "Series", "Units", "Value", "Progress"]

    def get_observation_attributes(self):
        return []


class Indicator:
    def __init__(self, data):
        self.inid = "case"
        self.data = data
        self.meta = {}
        self.options = Options()


def parse_number(text):
    if text == "":
        return None
    return float(text)


def same(a, b):
    if a is None or b is None:
        return a is None and b is None
    a, b = float(a), float(b)
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    if math.isinf(a) or math.isinf(b):
        return a == b
    return abs(a - b) <= 1e-12 * max(1.0, abs(a), abs(b))


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    source = sys.argv[1]
    here = os.path.dirname(os.path.abspath(__file__))
    cases = sys.argv[2] if len(sys.argv) > 2 else os.path.join(here, "..", "data", "progress", "opensdg_cases.csv")

    import pandas as pd  # noqa: E402  (only needed here)

    tmp = tempfile.mkdtemp(prefix="opensdg_")
    try:
        os.makedirs(os.path.join(tmp, "sdg"))
        with open(os.path.join(tmp, "sdg", "__init__.py"), "w") as f:
            f.write(SHIM)
        shutil.copy(source, os.path.join(tmp, "sdg", "ProgressMeasure.py"))
        sys.path.insert(0, tmp)
        pm = importlib.import_module("sdg.ProgressMeasure")

        agree = disagree = 0
        for row in csv.DictReader(open(cases)):
            pairs = [p.split(":") for p in row["series"].split(";")]
            data = pd.DataFrame({"Year": [int(y) for y, _ in pairs], "Value": [float(v) for _, v in pairs]})
            config = {"base_year": int(row["base_year"]), "target_year": int(row["target_year"]),
                      "direction": row["direction"]}
            if row["target"] != "":
                config["target"] = float(row["target"])
            if row["limit"] != "":
                config["limit"] = float(row["limit"])
            s = pm.SeriesProgress(Indicator(data), config)
            value = None if s.progress_value is None else float(s.progress_value)
            score = None if s.score is None else float(s.score)
            ok = (s.status == row["status"] and same(value, parse_number(row["progress_value"])) and
                  same(score, parse_number(row["score"])))
            if ok:
                agree += 1
            else:
                disagree += 1
                print(f"case {row['case']} ({row['branch']}): Open SDG {s.status} {value} {score}; "
                      f"csv {row['status']} {row['progress_value']} {row['score']}")
        print(f"{agree} of {agree + disagree} cases agree with Open SDG's ProgressMeasure.py")
        return 0 if disagree == 0 else 1
    finally:
        sys.path.remove(tmp) if tmp in sys.path else None
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
