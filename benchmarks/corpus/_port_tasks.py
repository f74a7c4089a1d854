"""The river port berth office's questions (one exact figure each), its files, and the
Python the coder writes for them (templates its runs fill in, the right way or not)."""

# the cells are the coder's code as the agent wrote it, long lines included
# ruff: noqa: E501

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parent / "_port_data"
OCT = "calls_2026-10.csv"
SEPT = "calls_2026-09.csv"
T26 = "tariff_2026.json"
T25 = "tariff_2025.json"
FILES = (
    "berths.csv, vessels.csv, calls_2026-09.csv, calls_2026-10.csv, tariff_2025.json, "
    "tariff_2026.json, port_rules.json"
)

DUES = (
    "What berth dues does the port charge for the Humber Star's October 2026 call under "
    "the 2026 tariff? GBP, two decimals."
)
GRAIN = "How many tonnes of grain were discharged at the port in October 2026? Whole tonnes."
OCCUPANCY = (
    "What was the occupancy of berth B3 in October 2026 (hours alongside over hours in the "
    "month)? Percent, one decimal."
)
CARGO = (
    "What cargo dues does the port earn on its October 2026 calls under the 2026 tariff? "
    "GBP, two decimals."
)

# the Humber Star (V05): 84.6 m, hazardous; C1004 at B2 (class A), 54 hours alongside
DUES_CODE = """import math
from datetime import datetime
alongside = datetime.fromisoformat('{alongside}')
departed = datetime.fromisoformat('{departed}')
hours = (departed - alongside).total_seconds() / 3600
days = {days}
dues = {loa} * {rate} * days
print(hours, days, round(dues, 2))
print(f'{{dues * {factor}:.2f}}')
"""
DUES_FILES_CODE = """import csv, json, math
from datetime import datetime
tariff = json.load(open('{tariff}'))
vessel = next(v for v in csv.DictReader(open('vessels.csv')) if v['vessel_id'] == 'V05')
berth_class = {{b['berth']: b['class'] for b in csv.DictReader(open('berths.csv'))}}
call = next(c for c in csv.DictReader(open('{calls}')) if c['vessel_id'] == 'V05' and c['status'] == 'completed')
hours = {hours}
days = {days}
rate = tariff['berth_dues_per_metre_loa_per_day'][berth_class[call['berth']]]
dues = float(vessel['{loa_key}']) * rate * days{surcharge}
print(call['call_id'], hours, days, rate)
print(f'{{max(dues, tariff["minimum_berth_dues"]):.2f}}')
"""
SURCHARGE = " * (1 + tariff['hazardous_surcharge_pct'] / 100)"
HOURS = "(datetime.fromisoformat(call['departed']) - datetime.fromisoformat(call['alongside'])).total_seconds() / 3600"
# both of the Humber Star's calls on file, September's and October's, at the 2026 rates
DUES_BOTH = """import math
from datetime import datetime
calls = {'C0904': ('2026-09-11 15:00', '2026-09-13 09:00'), 'C1004': ('2026-10-06 14:00', '2026-10-08 20:00')}
total = 0
for call, (a, d) in calls.items():
    hours = (datetime.fromisoformat(d) - datetime.fromisoformat(a)).total_seconds() / 3600
    dues = 84.6 * 1.85 * math.ceil(hours / 24) * 1.15
    print(call, hours, f'{dues:.2f}')
    total += dues
print(f'{total:.2f}')
"""
GRAIN_GIVEN = """tonnes = {tonnes}
print(len(tonnes), tonnes)
print(sum(tonnes.values()))
"""
GRAIN_CODE = """import csv
rows = [r for r in csv.DictReader(open('{calls}'))
        if r['cargo'] == 'grain'{keep}]
print([(r['call_id'], r['operation'], r['tonnes']) for r in rows])
print(sum(int(r['tonnes']) for r in rows))
"""
DISCHARGED = " and r['operation'] == 'discharge' and r['status'] == 'completed'"
OCC_CODE = """import csv
from datetime import datetime
rows = [r for r in csv.DictReader(open('{calls}')) if r['berth'] == '{berth}'{keep}]
hours = sum((datetime.fromisoformat(r['departed']) - datetime.fromisoformat(r['alongside'])).total_seconds() / 3600 for r in rows)
print([r['call_id'] for r in rows], hours)
print(f'{{100 * hours / {month}:.1f}}')
"""
OCC_GIVEN = """from datetime import datetime
stays = {stays}
hours = sum((datetime.fromisoformat(b) - datetime.fromisoformat(a)).total_seconds() / 3600 for a, b in stays.values())
print(sorted(stays), hours)
print(f'{{100 * hours / (31 * 24):.1f}}')
"""
# strptime with an ISO 'T' the file does not have: the first row raises
STRP_ERROR = "ValueError: time data '2026-10-02 15:00' does not match format '%Y-%m-%dT%H:%M'"
OCC_STRP = """import csv
from datetime import datetime
rows = [r for r in csv.DictReader(open('calls_2026-10.csv')) if r['berth'] == 'B3' and r['status'] == 'completed']
fmt = '%Y-%m-%dT%H:%M'
hours = sum((datetime.strptime(r['departed'], fmt) - datetime.strptime(r['alongside'], fmt)).total_seconds() / 3600 for r in rows)
print([r['call_id'] for r in rows], hours)
print(f'{100 * hours / (31 * 24):.1f}')
"""
COMPLETED = " and r['status'] == 'completed'"
CARGO_CODE = """import csv, json
rates = json.load(open('{tariff}'))['cargo_dues_per_tonne']
rows = [r for r in csv.DictReader(open('{calls}')){keep}]
total = sum(int(r['tonnes']) * {rate} for r in rows)
print(len(rows), sum(int(r['tonnes']) for r in rows))
print(f'{{total:.2f}}')
"""
COMPLETED_ONLY = " if r['status'] == 'completed'"
RATE = "rates[r['cargo']]"
CARGO_GIVEN = """import csv
rates = {rates}
rows = [r for r in csv.DictReader(open('calls_2026-10.csv')) if r['status'] == 'completed']
total = sum(int(r['tonnes']) * rates[r['cargo']] for r in rows)
print(len(rows), sum(int(r['tonnes']) for r in rows))
print(f'{{total:.2f}}')
"""


def dues(
    loa: str = "84.6",
    rate: str = "1.85",
    days: str = "math.ceil(hours / 24)",
    factor: str = "1.15",
    alongside: str = "2026-10-06 14:00",
    departed: str = "2026-10-08 20:00",
) -> str:
    return DUES_CODE.format(
        loa=loa, rate=rate, days=days, factor=factor, alongside=alongside, departed=departed
    )


def dues_files(
    tariff: str = T26,
    calls: str = OCT,
    days: str = "math.ceil(hours / 24)",
    surcharge: str = SURCHARGE,
    hours: str = HOURS,
    loa_key: str = "loa_m",
) -> str:
    return DUES_FILES_CODE.format(
        tariff=tariff, calls=calls, days=days, surcharge=surcharge, hours=hours, loa_key=loa_key
    )


def grain(calls: str = OCT, keep: str = DISCHARGED) -> str:
    return GRAIN_CODE.format(calls=calls, keep=keep)


def occupancy(
    calls: str = OCT, berth: str = "B3", keep: str = COMPLETED, month: str = "(31 * 24)"
) -> str:
    return OCC_CODE.format(calls=calls, berth=berth, keep=keep, month=month)


def grain_given(tonnes: dict[str, int]) -> str:
    return GRAIN_GIVEN.format(tonnes=tonnes)


def occupancy_given(stays: dict[str, tuple[str, str]]) -> str:
    return OCC_GIVEN.format(stays=stays)


def cargo_given(rates: dict[str, float]) -> str:
    return CARGO_GIVEN.format(rates=rates)


def cargo(tariff: str = T26, calls: str = OCT, keep: str = COMPLETED_ONLY, rate: str = RATE) -> str:
    return CARGO_CODE.format(tariff=tariff, calls=calls, keep=keep, rate=rate)
