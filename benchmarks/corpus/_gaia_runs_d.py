"""GAIA-style runs, part D: peaks in metres, leap days, a family's train fare, a density."""

from __future__ import annotations

from benchmarks.corpus._common import (
    BAD_ASSUMPTION,
    HEALTHY,
    LOST_CONSTRAINT,
    WRONG_ACCEPTED,
    WRONG_INPUT,
    WRONG_SOURCE,
)
from benchmarks.corpus._gaia_team import MISTAKE, SYMPTOM, Run, Task, run_code, say

PEAKS = Task(
    key="peaks",
    question=(
        "Of the mountains listed in peaks.csv, which is the second highest, and what is its "
        "height in metres, rounded to the nearest metre?"
    ),
    experts={
        "Geography_Expert": "You are a physical geography expert.",
        "Unit_Conversion_Expert": "You are an expert in measurement units.",
        "Data_Analysis_Expert": "You are a data analysis expert.",
        "Python_Expert": "You are a Python expert.",
        "Verification_Expert": "You are a verification expert.",
    },
    verifiers=("Verification_Expert",),
    files={
        "peaks.csv": "name,state,height_ft\nMount Rainier,Washington,14411\n"
        "Mount Hood,Oregon,11249\nMount Whitney,California,14505\n"
        "Mount Mitchell,North Carolina,6684\nMount Elbert,Colorado,14440\n"
        "Grand Teton,Wyoming,13775\n"
    },
)


def _peak_code(pick: str, factor: str) -> str:
    return f"""```python
import pandas as pd
df = pd.read_csv("peaks.csv")
ranked = df.sort_values("height_ft"{pick[0]})
peak = ranked.iloc[{pick[1]}]
print(peak["name"], peak["height_ft"], "ft")
print("metres:", round(peak["height_ft"] * {factor}))
```"""


_DESC = (", ascending=False", "1")


def _peak_runs() -> list[Run]:
    geo, uc, da, py, ver = (
        "Geography_Expert",
        "Unit_Conversion_Expert",
        "Data_Analysis_Expert",
        "Python_Expert",
        "Verification_Expert",
    )
    plan = say(
        geo,
        "Rank the peaks in peaks.csv by height, take the second from the top, convert its "
        "height from feet to metres and round. Unit_Conversion_Expert, the factor please.",
    )
    exact = say(uc, "1 international foot = 0.3048 m exactly.")
    look = say(da, "Six peaks, heights in feet, no missing values; unsorted in the file.")
    return [
        Run(
            "gaia-peaks-ok",
            HEALTHY,
            PEAKS,
            (
                plan,
                exact,
                look,
                say(py, _peak_code(_DESC, "0.3048")),
                run_code("metres: 4401"),
                say(ver, "Whitney is first, Elbert second at 14440 ft = 4401 m. TERMINATE"),
            ),
        ),
        Run(
            "gaia-peaks-ascending",
            WRONG_ACCEPTED,
            PEAKS,
            (
                plan,
                exact,
                look,
                say(py, _peak_code(("", "1"), "0.3048"), mark=MISTAKE),
                run_code("metres: 3429"),
                say(geo, "Mount Hood, 3429 m - a well-known Cascades volcano."),
                say(ver, "11249 ft x 0.3048 = 3428.7, rounds to 3429. TERMINATE", mark=SYMPTOM),
            ),
            note="the ranking runs upwards: the second lowest peak",
        ),
        Run(
            "gaia-peaks-rough-foot",
            BAD_ASSUMPTION,
            PEAKS,
            (
                plan,
                say(
                    uc,
                    "For rounding to whole metres, 1 ft = 0.3 m is accurate enough; we can use "
                    "that factor.",
                    mark=MISTAKE,
                ),
                look,
                say(py, _peak_code(_DESC, "0.3")),
                run_code("metres: 4332"),
                say(ver, "Mount Elbert is second; 14440 ft gives 4332 m. TERMINATE", mark=SYMPTOM),
            ),
            note="a rough foot that moves the metres by 69",
        ),
        Run(
            "gaia-peaks-factor-checked",
            HEALTHY,
            PEAKS,
            (
                plan,
                say(uc, "Use 0.3048 m per foot."),
                look,
                say(geo, "Is 0.3048 the international foot or the US survey foot?"),
                say(uc, "International; the survey foot (0.3048006 m) changes nothing here."),
                say(py, _peak_code(_DESC, "0.3048")),
                run_code("metres: 4401"),
                say(ver, "Mount Elbert, 4401 m. Verified. TERMINATE"),
            ),
        ),
    ]


LEAP = Task(
    key="leap",
    question="How many 29 Februaries were there from 1 January 1890 to 31 December 2010?",
    experts={
        "Calendar_Expert": "You are an expert in calendars and their history.",
        "Mathematics_Expert": "You are a mathematician.",
        "Python_Expert": "You are a Python expert.",
        "History_Expert": "You are a historian.",
        "Verification_Expert": "You are a verification expert.",
    },
    verifiers=("Verification_Expert",),
)


def _leap_code(rule: str) -> str:
    return f"""```python
{rule}
years = [y for y in range(1890, 2011) if leap(y)]
print(years[:3], "...", years[-2:])
print("leap days:", len(years))
```"""


_ISLEAP = "from calendar import isleap as leap"
_EVERY4 = "def leap(y):\n    return y % 4 == 0"


def _leap_runs() -> list[Run]:
    cal, mat, py, his, ver = (
        "Calendar_Expert",
        "Mathematics_Expert",
        "Python_Expert",
        "History_Expert",
        "Verification_Expert",
    )
    plan = say(cal, "Count the leap years from 1890 to 2010 inclusive; each has one 29 February.")
    return [
        Run(
            "gaia-leap-ok",
            HEALTHY,
            LEAP,
            (
                plan,
                say(mat, "Gregorian rule: divisible by 4, except centuries not divisible by 400."),
                say(py, _leap_code(_ISLEAP)),
                run_code("leap days: 29"),
                say(his, "1900 was indeed a common year in the Gregorian calendar."),
                say(ver, "29 leap days (1892-2008 without 1900). TERMINATE"),
            ),
        ),
        Run(
            "gaia-leap-every-fourth",
            BAD_ASSUMPTION,
            LEAP,
            (
                plan,
                say(
                    mat,
                    "Leap years come every 4 years, so we count the years divisible by 4 "
                    "in the range.",
                    mark=MISTAKE,
                ),
                say(py, _leap_code(_EVERY4)),
                run_code("leap days: 30"),
                say(his, "Thirty leap days over 121 years sounds right."),
                say(ver, "1892 to 2008 every four years: 30 years. TERMINATE", mark=SYMPTOM),
            ),
            note="the four-year rule without its century exception: 1900 counted",
        ),
        Run(
            "gaia-leap-1900-caught",
            HEALTHY,
            LEAP,
            (
                plan,
                say(mat, "Years divisible by 4 in the range."),
                say(py, _leap_code(_EVERY4)),
                run_code("leap days: 30"),
                say(his, "Careful: 1900 was not a leap year (Gregorian century rule)."),
                say(py, "Good catch, using the calendar module:\n\n" + _leap_code(_ISLEAP)),
                run_code("leap days: 29"),
                say(ver, "1900 excluded now; 29. TERMINATE"),
            ),
        ),
    ]


FARES = Task(
    key="fares",
    question=(
        "What is the cheapest total fare for two adults and one child travelling off-peak by "
        "train from Northfield to Port Ellis and back on the same day? Use the operator's "
        "fares page."
    ),
    experts={
        "Travel_Expert": "You are a rail travel expert.",
        "Web_Research_Expert": "You are a web research expert with a web_search tool.",
        "Pricing_Expert": "You are an expert in fares and discounts.",
        "Python_Expert": "You are a Python expert.",
        "Verification_Expert": "You are a verification expert.",
    },
    verifiers=("Verification_Expert",),
    pages={
        "northfield": (
            "Northfield - Port Ellis fares (standard class)\n"
            "| ticket | peak | off-peak |\n| Adult single | 24.50 | 16.80 |\n"
            "| Adult day return | 41.00 | 28.60 |\n"
            "Children (5-15) travel at half the adult fare."
        )
    },
)


def _fare_code(adult: str) -> str:
    return f"""```python
adult = {adult}
child = adult / 2
total = 2 * adult + child
print(f"adult {{adult:.2f}}, child {{child:.2f}}, total {{total:.2f}}")
```"""


def _fare_runs() -> list[Run]:
    tr, web, pr, py, ver = (
        "Travel_Expert",
        "Web_Research_Expert",
        "Pricing_Expert",
        "Python_Expert",
        "Verification_Expert",
    )
    plan = say(
        tr,
        "It's an off-peak day return for 2 adults + 1 child. Find the adult off-peak day "
        "return fare and the child rule, then total it.",
    )
    fares = say(
        web,
        "Off-peak adult day return: 28.60. Children pay half the adult fare.",
        search="Northfield Port Ellis fares",
    )
    return [
        Run(
            "gaia-fares-ok",
            HEALTHY,
            FARES,
            (
                plan,
                fares,
                say(pr, "A day return is cheaper than two singles (28.60 < 33.60)."),
                say(py, _fare_code("28.60")),
                run_code("total 71.50"),
                say(ver, "2 x 28.60 + 14.30 = 71.50. TERMINATE"),
            ),
        ),
        Run(
            "gaia-fares-one-way",
            LOST_CONSTRAINT,
            FARES,
            (
                say(
                    tr,
                    "Two adults and a child going off-peak from Northfield to Port Ellis: find "
                    "the adult off-peak fare and the child rule, then total it.",
                    mark=MISTAKE,
                ),
                say(
                    web,
                    "Adult single, off-peak: 16.80. Children travel at half the adult fare.",
                    search="Northfield Port Ellis fares",
                ),
                say(pr, "Half of 16.80 is 8.40 for the child."),
                say(py, _fare_code("16.80")),
                run_code("total 42.00"),
                say(ver, "Off-peak fares used, child at half: 42.00. TERMINATE", mark=SYMPTOM),
            ),
            note="the brief lost 'and back': single fares",
        ),
        Run(
            "gaia-fares-peak-column",
            WRONG_INPUT,
            FARES,
            (
                plan,
                say(
                    web,
                    "Adult day return: 41.00; children half price.",
                    search="Northfield Port Ellis fares",
                    mark=MISTAKE,
                ),
                say(pr, "The return beats two singles, so day returns it is."),
                say(py, _fare_code("41.00")),
                run_code("total 102.50"),
                say(ver, "2 x 41.00 + 20.50 = 102.50. TERMINATE", mark=SYMPTOM),
            ),
            note="the peak column read for the off-peak fare",
        ),
    ]


DENSITY = Task(
    key="density",
    question=(
        "What is Lake County's population density, in people per square kilometre of land "
        "area, according to its 2020 census figures? Round to one decimal place."
    ),
    experts={
        "Demography_Expert": "You are a demographer.",
        "Geography_Expert": "You are a geography expert with a web_search tool.",
        "Python_Expert": "You are a Python expert.",
        "Statistics_Expert": "You are a statistician.",
        "Verification_Expert": "You are a verification expert.",
    },
    verifiers=("Verification_Expert",),
    pages={
        "lake county": (
            "Lake County - Geography and demographics\n"
            "Population (2020 census): 48,210\n"
            "Total area: 351.9 sq mi, of which land 312.4 sq mi and water 39.5 sq mi"
        )
    },
)


def _density_code(area: str, factor: str) -> str:
    return f"""```python
population = 48_210
area_km2 = {area} * {factor}
print(f"area: {{area_km2:.1f}} km2")
print(f"density: {{population / area_km2:.1f}} per km2")
```"""


def _density_runs() -> list[Run]:
    dem, geo, py, st, ver = (
        "Demography_Expert",
        "Geography_Expert",
        "Python_Expert",
        "Statistics_Expert",
        "Verification_Expert",
    )
    plan = say(
        dem,
        "Density = 2020 population / land area. The area will be in square "
        "miles, so convert to km2 first (1 sq mi = 2.589988 km2).",
    )
    land = say(geo, "Population 48,210 (2020); land area 312.4 sq mi.", search="Lake County")
    return [
        Run(
            "gaia-density-ok",
            HEALTHY,
            DENSITY,
            (
                plan,
                land,
                say(py, _density_code("312.4", "2.589988")),
                run_code("density: 59.6"),
                say(st, "Land area 809.1 km2, 59.6 people per km2."),
                say(ver, "Land area, square-mile factor, one decimal: 59.6. TERMINATE"),
            ),
        ),
        Run(
            "gaia-density-linear-mile",
            WRONG_ACCEPTED,
            DENSITY,
            (
                plan,
                land,
                say(py, _density_code("312.4", "1.609344"), mark=MISTAKE),
                run_code("density: 95.9"),
                say(st, "About 96 per km2, moderately rural."),
                say(
                    ver,
                    "Population and land area are from the census page; 95.9. TERMINATE",
                    mark=SYMPTOM,
                ),
            ),
            note="miles to kilometres applied to an area",
        ),
        Run(
            "gaia-density-total-area",
            WRONG_SOURCE,
            DENSITY,
            (
                plan,
                say(
                    geo,
                    "Population 48,210 (2020 census); area 351.9 sq mi.",
                    search="Lake County",
                    mark=MISTAKE,
                ),
                say(py, _density_code("351.9", "2.589988")),
                run_code("density: 52.9"),
                say(st, "911.4 km2 and 52.9 people per km2."),
                say(ver, "Conversion factor right, rounding right: 52.9. TERMINATE", mark=SYMPTOM),
            ),
            note="the total area, water included, taken for the land area",
        ),
        Run(
            "gaia-density-factor-caught",
            HEALTHY,
            DENSITY,
            (
                plan,
                land,
                say(py, _density_code("312.4", "1.609344")),
                run_code("density: 95.9"),
                say(ver, "1.609344 converts miles, not square miles. Please use 2.589988."),
                say(py, "Yes, squared factor:\n\n" + _density_code("312.4", "2.589988")),
                run_code("density: 59.6"),
                say(st, "59.6 per km2 now."),
                say(ver, "Correct factor and land area: 59.6. TERMINATE"),
            ),
        ),
    ]


RUNS: tuple[Run, ...] = (*_peak_runs(), *_leap_runs(), *_fare_runs(), *_density_runs())
