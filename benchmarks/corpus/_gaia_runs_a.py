"""GAIA-style runs, part A: the marathon-to-the-Moon question and the museum visitor file."""

from __future__ import annotations

from benchmarks.corpus._common import (
    BAD_ASSUMPTION,
    BAD_SPLIT,
    CODE_FAILURE,
    HEALTHY,
    LOST_CONSTRAINT,
    WRONG_ACCEPTED,
    WRONG_INPUT,
    WRONG_SOURCE,
)
from benchmarks.corpus._gaia_team import MISTAKE, SYMPTOM, Run, Task, run_code, say

MOON = Task(
    key="moon",
    question=(
        "If Eliud Kipchoge could maintain his record-making marathon pace indefinitely, how "
        "many hours would it take him to run the distance between the Earth and the Moon at "
        "its closest approach? Use the minimum perigee value on the Moon's reference page. "
        "Round your result to the nearest 100 hours."
    ),
    experts={
        "Astronomy_Expert": "You are an astronomy expert. You know orbital mechanics terms.",
        "Web_Research_Expert": "You are a web research expert. You find facts on the web.",
        "Marathon_Data_Expert": "You are a marathon statistics expert. You know race records.",
        "Python_Expert": "You are a Python expert. You write clean, correct code.",
        "Verification_Expert": "You are a verification expert. You check results carefully.",
    },
    verifiers=("Verification_Expert",),
    pages={
        "moon": (
            "Moon - Orbital characteristics\n"
            "Perigee: 363 300 km (average)\n"
            "         356 400 km (minimum, closest approach)\n"
            "Apogee: 405 500 km (average); 406 700 km (maximum)\n"
            "Semi-major axis (mean distance): 384 399 km\n"
            "Orbital period: 27.321661 d"
        ),
        "marathon": (
            "Marathon world record progression (men)\n"
            "| time | athlete | race | date |\n"
            "| 2:01:39 | Eliud Kipchoge (KEN) | Berlin | 16 September 2018 |\n"
            "| 2:01:09 | Eliud Kipchoge (KEN) | Berlin | 25 September 2022 |\n"
            "| 2:00:35 | Kelvin Kiptum (KEN) | Chicago | 8 October 2023 |\n"
            "Note: the current world record is held by Kelvin Kiptum."
        ),
    },
)

_MOON_PLAN = """To solve this we need three things:
1. The minimum perigee distance of the Moon (closest approach), in km.
2. Eliud Kipchoge's marathon world-record time, which gives his pace.
3. A short computation: hours = distance / speed, rounded to the nearest 100.
@Web_Research_Expert please get the perigee, @Marathon_Data_Expert the record time."""

_MOON_PLAN_MEAN = """Plan:
- The Earth-Moon distance: take the mean distance from the Moon's page (the semi-major
  axis), since the Moon's distance keeps changing along its orbit.
- Kipchoge's marathon record time -> his speed in km/h.
- Divide and round to the nearest 100 hours.
@Web_Research_Expert can you pull the distance? @Marathon_Data_Expert the record please."""


def _moon_code(distance: str, record: str, broken: bool = False) -> str:
    h, m, s = record.split(":")
    line = 'print(f"hours: {hours:,.1f h}")' if broken else 'print(f"hours: {hours:.1f}")'
    return f"""Here is the computation:

```python
distance_km = {distance}
marathon_km = 42.195
record_s = {int(h)} * 3600 + {int(m)} * 60 + {int(s)}
speed_kmh = marathon_km / (record_s / 3600)
hours = distance_km / speed_kmh
print(f"speed: {{speed_kmh:.3f}} km/h")
{line}
print(f"rounded to nearest 100: {{round(hours, -2):.0f}}")
```"""


def _moon_search(fact: str, mark: str = "") -> object:
    return say(
        "Web_Research_Expert",
        f"From the Moon's reference page: {fact}",
        mark=mark,
        search="moon perigee distance",
    )


def _moon_record(text: str, mark: str = "") -> object:
    return say("Marathon_Data_Expert", text, mark=mark, search="marathon world record")


_KIPCHOGE = (
    "Kipchoge's best is 2:01:09, Berlin, 25 September 2022 - that was the world record he "
    "set, and it is the pace the question is about. Marathon distance is 42.195 km."
)
_KIPTUM = (
    "The progression table lists the current world record as 2:00:35 (Chicago, 2023). "
    "Taking 2:00:35 over 42.195 km as the record pace."
)
_MINIMUM = "the minimum perigee (closest approach) is 356 400 km."
_AVERAGE = "the perigee is 363 300 km. I'll use 363 300 km for the closest approach."
_MEAN = "the mean distance (semi-major axis) is 384 399 km."


def _moon_run(scenario: str, mode: str, plan: str, fact, record, code: str, tail, note: str):
    steps = (
        say("Astronomy_Expert", plan, mark=MISTAKE if mode == BAD_SPLIT else ""),
        fact,
        record,
        say("Python_Expert", code, mark=MISTAKE if mode == CODE_FAILURE else ""),
        *tail,
    )
    return Run(scenario, mode, MOON, steps, note=note)


def _moon_runs() -> list[Run]:
    ok = _moon_code("356_400", "2:01:09")
    return [
        _moon_run(
            "gaia-moon-ok",
            HEALTHY,
            _MOON_PLAN,
            _moon_search(_MINIMUM),
            _moon_record(_KIPCHOGE),
            ok,
            (
                run_code("rounded to nearest 100: 17100"),
                say(
                    "Verification_Expert",
                    "Checked: 356 400 km is the minimum perigee, 2:01:09 is Kipchoge's record "
                    "run, speed 20.897 km/h, 17 054.9 h -> 17 100 hours. Correct. TERMINATE",
                ),
            ),
            "",
        ),
        _moon_run(
            "gaia-moon-average-perigee",
            WRONG_INPUT,
            _MOON_PLAN,
            _moon_search(_AVERAGE, mark=MISTAKE),
            _moon_record(_KIPCHOGE),
            _moon_code("363_300", "2:01:09"),
            (
                run_code("rounded to nearest 100: 17400"),
                say(
                    "Astronomy_Expert",
                    "So about 17 385 hours, which rounds to 17 400 hours. That's close to two "
                    "years of non-stop running, plausible for ~360 000 km at 21 km/h.",
                ),
                say(
                    "Verification_Expert",
                    "I re-did the arithmetic by hand: 363 300 / 20.897 = 17 385 h, rounded to "
                    "17 400. The code and inputs agree. Final answer: 17400. TERMINATE",
                    mark=SYMPTOM,
                ),
            ),
            "the average perigee read as the closest approach",
        ),
        _moon_run(
            "gaia-moon-kiptum-record",
            WRONG_SOURCE,
            _MOON_PLAN,
            _moon_search(_MINIMUM),
            _moon_record(_KIPTUM, mark=MISTAKE),
            _moon_code("356_400", "2:00:35"),
            (
                run_code("rounded to nearest 100: 17000"),
                say(
                    "Astronomy_Expert",
                    "Distance is right, it's the closest approach. Result: 17 000 hours.",
                ),
                say(
                    "Verification_Expert",
                    "Inputs check out against the pages, the formula is distance/speed, output "
                    "16975.2 -> 17000. Verified. TERMINATE",
                    mark=SYMPTOM,
                ),
            ),
            "the current record (another runner) taken for Kipchoge's",
        ),
        _moon_run(
            "gaia-moon-mean-distance",
            BAD_SPLIT,
            _MOON_PLAN_MEAN,
            _moon_search(_MEAN),
            _moon_record(_KIPCHOGE),
            _moon_code("384_399", "2:01:09"),
            (
                run_code("rounded to nearest 100: 18400"),
                say(
                    "Verification_Expert",
                    "Speed 20.897 km/h is right for 2:01:09. 384 399 km / 20.897 = 18 395 h, "
                    "so 18 400 hours. Everything matches the plan. TERMINATE",
                    mark=SYMPTOM,
                ),
            ),
            "the plan swapped the closest approach for the mean distance",
        ),
        _moon_run(
            "gaia-moon-format-fixed",
            HEALTHY,
            _MOON_PLAN,
            _moon_search(_MINIMUM),
            _moon_record(_KIPCHOGE),
            _moon_code("356_400", "2:01:09", broken=True),
            (
                run_code("Invalid format specifier"),
                say(
                    "Python_Expert",
                    "My format string was invalid, sorry. Fixed version:\n\n"
                    + _moon_code("356_400", "2:01:09").split("\n\n", 1)[1],
                ),
                run_code("rounded to nearest 100: 17100"),
                say(
                    "Verification_Expert",
                    "Second run is clean: 17054.9 hours, nearest 100 is 17100. Inputs are the "
                    "minimum perigee and Kipchoge's 2:01:09. TERMINATE",
                ),
            ),
            "",
        ),
        _moon_run(
            "gaia-moon-crash-guessed",
            CODE_FAILURE,
            _MOON_PLAN,
            _moon_search(_MINIMUM),
            _moon_record(_KIPCHOGE),
            _moon_code("356_400", "2:01:09", broken=True),
            (
                run_code("Invalid format specifier"),
                say(
                    "Astronomy_Expert",
                    "The speed line printed before the error: ~20.9 km/h. 356 400 / 21 is "
                    "about 16 970, so roughly 17 000 hours.",
                    mark=SYMPTOM,
                ),
                say(
                    "Verification_Expert",
                    "17 000 hours is consistent with the speed and distance. TERMINATE",
                ),
            ),
            "the crash ignored, a mental estimate taken as the result",
        ),
    ]


def _visits_csv() -> str:
    rows = ["museum,year,month,visitors"]
    for museum, base in (("Harbor Museum", 4200), ("Hill Gallery", 2900)):
        for year in (2021, 2022, 2023):
            for month in range(1, 13):
                visitors = base + (year - 2021) * 350 + (month * 7919) % 1000
                rows.append(f"{museum},{year},{month},{visitors}")
    return "\n".join(rows) + "\n"


MUSEUM = Task(
    key="museum",
    question=(
        "The attached file visits.csv holds monthly visitor counts. How many visitors did the "
        "Harbor Museum receive in 2022? Give the answer in thousands of visitors, rounded to "
        "the nearest thousand (e.g. 57 for 57,000)."
    ),
    experts={
        "Cultural_Statistics_Expert": "You are an expert in museum and cultural statistics.",
        "Data_Analysis_Expert": "You are a data analysis expert. You inspect data files first.",
        "Python_Expert": "You are a Python expert using pandas.",
        "Reporting_Expert": "You are a reporting expert. You state final answers in the "
        "format the task asks for.",
        "Verification_Expert": "You are a verification expert. You check every step.",
    },
    verifiers=("Verification_Expert",),
    files={"visits.csv": _visits_csv()},
)

_PEEK = """Let me look at the file structure first.

```python
import pandas as pd
df = pd.read_csv("visits.csv")
print(df.head())
print(df["museum"].unique(), df["year"].unique())
```"""


def _sum_code(where: str, intro: str = "Computing the total:") -> str:
    return f"""{intro}

```python
import pandas as pd
df = pd.read_csv("visits.csv")
sel = df[{where}]
total = int(sel["visitors"].sum())
print("rows:", len(sel))
print("total visitors:", total)
print("in thousands:", round(total / 1000))
```"""


_RIGHT = '(df["museum"] == "Harbor Museum") & (df["year"] == 2022)'
_PLAN = """This is a filter-and-sum task:
1. Inspect visits.csv (columns, museum names, years).
2. Keep Harbor Museum rows for calendar year 2022 and add up the visitors.
3. Express the total in thousands, rounded to the nearest thousand.
Data_Analysis_Expert, could you start by checking the file?"""


def _museum(scenario: str, mode: str, steps: list, note: str = "") -> Run:
    return Run(scenario, mode, MUSEUM, tuple(steps), note=note)


def _museum_runs() -> list[Run]:
    peek = [say("Data_Analysis_Expert", _PEEK), run_code("Harbor Museum")]
    cs, py, rep, ver = (
        "Cultural_Statistics_Expert",
        "Python_Expert",
        "Reporting_Expert",
        "Verification_Expert",
    )
    return [
        _museum(
            "gaia-museum-ok",
            HEALTHY,
            [
                say(cs, _PLAN),
                *peek,
                say(py, _sum_code(_RIGHT)),
                run_code("in thousands: 60"),
                say(rep, "Harbor Museum, 2022: 60,282 visitors, i.e. **60** thousand."),
                say(ver, "12 monthly rows, right museum, right year, 60282 -> 60. TERMINATE"),
            ],
        ),
        _museum(
            "gaia-museum-fiscal-year",
            BAD_ASSUMPTION,
            [
                say(
                    cs,
                    "Museums usually publish attendance by fiscal year, and for this kind of "
                    'question "2022" will mean FY2022, i.e. July 2021 to June 2022. So we '
                    "need Harbor Museum rows from 2021-07 through 2022-06.",
                    mark=MISTAKE,
                ),
                *peek,
                say(
                    py,
                    _sum_code(
                        '(df["museum"] == "Harbor Museum") & (((df["year"] == 2021) & '
                        '(df["month"] >= 7)) | ((df["year"] == 2022) & (df["month"] <= 6)))',
                        "FY2022 window as agreed:",
                    ),
                ),
                run_code("in thousands: 58"),
                say(rep, "Harbor Museum FY2022 attendance: 58,182 -> **58** thousand."),
                say(
                    ver,
                    "Twelve months July-June, Harbor only, sum 58182, rounded 58. The "
                    "computation is consistent. TERMINATE",
                    mark=SYMPTOM,
                ),
            ],
            "calendar year taken for a fiscal year nobody asked for",
        ),
        _museum(
            "gaia-museum-rounding-dropped",
            LOST_CONSTRAINT,
            [
                say(
                    cs,
                    "We need the Harbor Museum's total visitors for 2022 from visits.csv: "
                    "filter the museum and the year, sum the monthly counts and report the "
                    "total.",
                    mark=MISTAKE,
                ),
                *peek,
                say(py, _sum_code(_RIGHT)),
                run_code("total visitors: 60282"),
                say(rep, "Final answer: the Harbor Museum had 60,282 visitors in 2022."),
                say(
                    ver,
                    "Checked the filter and the 12 rows. The total of 60,282 matches. TERMINATE",
                    mark=SYMPTOM,
                ),
            ],
            "the brief lost 'in thousands, rounded'",
        ),
        _museum(
            "gaia-museum-prefix-filter",
            WRONG_ACCEPTED,
            [
                say(cs, _PLAN),
                *peek,
                say(
                    py,
                    _sum_code(
                        'df["museum"].str.startswith("H") & (df["year"] == 2022)',
                        "Filtering on the museum name (it starts with H) and the year:",
                    ),
                    mark=MISTAKE,
                ),
                run_code("in thousands: 105"),
                say(rep, "So the answer is **105** (thousand visitors) for 2022."),
                say(
                    ver,
                    "The code ran without errors, the year filter is 2022 and the rounding is "
                    "to thousands. 104,964 -> 105. TERMINATE",
                    mark=SYMPTOM,
                ),
            ],
            "the name filter also matches Hill Gallery",
        ),
        _museum(
            "gaia-museum-year-caught",
            HEALTHY,
            [
                say(cs, _PLAN),
                *peek,
                say(
                    py,
                    _sum_code('(df["museum"] == "Harbor Museum") & (df["year"] >= 2022)'),
                ),
                run_code("rows: 24"),
                say(
                    ver,
                    "24 rows is two years of months - the filter keeps 2023 as well. "
                    "Python_Expert, please restrict it to year == 2022.",
                ),
                say(py, _sum_code(_RIGHT, "Right, fixed the year condition:")),
                run_code("in thousands: 60"),
                say(rep, "Corrected: 60,282 visitors, so **60** thousand."),
                say(ver, "Now 12 rows, 2022 only. 60 is the answer. TERMINATE"),
            ],
        ),
    ]


RUNS: tuple[Run, ...] = (*_moon_runs(), *_museum_runs())
