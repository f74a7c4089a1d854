"""The tide desk's team names, the lead's briefing helper, the questions (one exact figure
each) and the code cells they share. Free of Semantic Kernel, so that the runs can be
written before its telemetry settings are read."""

from __future__ import annotations

from benchmarks.corpus._desk import Run, Turn, cell, read

__all__ = [
    "AGENTS",
    "CHECKER",
    "CLERK",
    "CODER",
    "LEAD",
    "Run",
    "Turn",
    "WRITER",
    "ask",
    "cell",
    "read",
]

LEAD = "tide_lead"
CLERK = "data_clerk"
CODER = "py_coder"
CHECKER = "checker"
WRITER = "notice_writer"
AGENTS = (LEAD, CLERK, CODER, CHECKER, WRITER)


def ask(colleague: str, brief: str, mark: str = "") -> Turn:
    """A lead's turn briefing a colleague (Semantic Kernel's agent-as-plugin function
    takes the brief as ``messages``)."""
    return Turn(LEAD, "", (f"ask_{colleague}", {"messages": brief}), mark=mark)


HARBOUR_Q2 = (
    "What was Harbour Point's mean sea level over Q2 2026 (the mean of its April to June "
    "monthly values)? Metres, three decimals."
)
AVAIL_Q3 = (
    "What share of gauge-days across the whole network had valid data in Q3 2026 (July to "
    "September)? Percent, one decimal."
)
NORTH_SURGES = (
    "How many surge events at or above the warning level were recorded at the North region's "
    "gauges in 2026? Count quality-ok events only."
)
SKERRY_PEAK = (
    "By how much did Skerry Pier's highest high water of the April to September season change "
    "from 2025 to 2026? Centimetres, with its sign."
)
UPKEEP_Q3 = (
    "How much credit is due to us under the gauge upkeep contract (upkeep_contract.json) for "
    "Q3 2026? GBP, two decimals."
)
EAST_MSL = (
    "How far did the East region's mean sea level in Q3 2026 (the mean of its gauges' monthly "
    "values) sit above the region's baseline? Millimetres, one decimal."
)
LANTERN_CD = (
    "What was Lantern Steps' highest 2026 high water above chart datum (the reading plus the "
    "gauge's datum offset)? Metres, two decimals."
)

Q2 = "('2026-04', '2026-05', '2026-06')"
Q3 = "('2026-07', '2026-08', '2026-09')"

AVAIL = """
import csv, calendar
rows = [r for r in csv.DictReader(open('readings_2026.csv')) if r['month'] in {months}]
ok = sum(int(r['data_days']) for r in rows)
days = sum({days} for r in rows)
print(len(rows), 'rows', ok, days)
print(f'{{ok / days * 100:.1f}}')
"""
MONTH_DAYS = "calendar.monthrange(2026, int(r['month'][5:]))[1]"

SURGES = """
import csv, json
t = json.load(open('thresholds.json'))
north = {{r['gauge_id'] for r in csv.DictReader(open('gauges.csv')) if r['region'] == 'North'}}
ev = [r for r in csv.DictReader(open('surges_2026.csv')) if r['gauge_id'] in north
      and float(r['surge_m']) {op} t['surge_warning_m']{quality}]
print(len(ev))
"""
QUALITY_OK = " and r['quality'] == 'ok'"

PEAK = """
import csv
def peak(f):
    return max(float(r['{col}']) for r in csv.DictReader(open(f)) if r['gauge_id'] == '{gauge}')
a, b = peak('readings_2025.csv'), peak('readings_2026.csv')
print(a, b)
print(f'{{(b - a) * 100:+.0f}}')
"""

UPKEEP = """
import csv, json, calendar
c = json.load(open('upkeep_contract.json'))
rows = [r for r in csv.DictReader(open('readings_2026.csv'))
        if r['month'] in c['months']['{quarter}']{skip}]
lost = sum(calendar.monthrange(2026, int(r['month'][5:]))[1] - int(r['data_days']) for r in rows)
credit = lost * c['credit_gbp_per_lost_day']
print(len(rows), 'rows', lost, round(credit, 2))
print(f"{{{final}:.2f}}")
"""
EXCLUDED = " and r['gauge_id'] not in c['excluded_gauge_ids']"
CAPPED = "min(credit, c['quarterly_cap_gbp'])"

EAST = """
import csv, json
t = json.load(open('thresholds.json'))
east = {{r['gauge_id'] for r in csv.DictReader(open('gauges.csv')) if r['region'] == '{region}'}}
v = [float(r['msl_m']) for r in csv.DictReader(open('{file}'))
     if r['gauge_id'] in east and r['month'] in {months}]
m = sum(v) / len(v)
print(len(v), round(m, 4))
print(f"{{(m - t['msl_baseline_m']['East']) * 1000:.1f}}")
"""
