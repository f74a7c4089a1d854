"""GAIA-style runs, part F: hot days in a Fahrenheit file, a round-robin team of five."""

from __future__ import annotations

from benchmarks.corpus._common import BAD_ASSUMPTION, BAD_SPLIT, HEALTHY
from benchmarks.corpus._gaia_team import MISTAKE, SYMPTOM, Run, Task, run_code, say


def _temps_csv() -> str:
    rows = ["date,high_f"]
    rows += [f"2023-07-{day:02d},{78 + (day * 13) % 17}.0" for day in range(1, 32)]
    return "\n".join(rows) + "\n"


TEMPS = Task(
    key="temps",
    question=(
        "temps.csv holds the daily high temperatures of Lakeport for July 2023. On how many "
        "days did the high exceed 30 degrees Celsius?"
    ),
    experts={
        "Climate_Expert": "You are a climatologist.",
        "Data_Analysis_Expert": "You are a data analysis expert.",
        "Python_Expert": "You are a Python expert.",
        "Unit_Conversion_Expert": "You are an expert in units of measurement.",
        "Verification_Expert": "You are a verification expert.",
    },
    verifiers=("Verification_Expert",),
    files={"temps.csv": _temps_csv()},
)

_PLAN = """The file is in Fahrenheit, so convert each high to Celsius, C = (F - 32) * 5/9,
and count the days strictly above 30 C (30 C itself does not 'exceed' 30)."""

_FILE = "temps.csv: 31 rows (1-31 July), columns date and high_f, no gaps."


def _hot_code(celsius: str, test: str = "> 30", dates: str = "date") -> str:
    return f"""```python
import pandas as pd
df = pd.read_csv("temps.csv", parse_dates=["{dates}"])
df["high_c"] = ({celsius}).round(1)
hot = df[df["high_c"] {test}]
print(hot[["date", "high_f", "high_c"]].to_string(index=False))
print("days:", len(hot))
```"""


_EXACT = '(df["high_f"] - 32) * 5 / 9'


def _temps(scenario: str, mode: str, steps: list, note: str = "") -> Run:
    return Run(scenario, mode, TEMPS, tuple(steps), round_robin=True, note=note)


def _temp_runs() -> list[Run]:
    cl, da, py, uc, ver = (
        "Climate_Expert",
        "Data_Analysis_Expert",
        "Python_Expert",
        "Unit_Conversion_Expert",
        "Verification_Expert",
    )
    return [
        _temps(
            "gaia-temps-ok",
            HEALTHY,
            [
                say(cl, _PLAN),
                say(da, _FILE),
                say(py, _hot_code(_EXACT)),
                run_code("days: 16"),
                say(uc, "Formula is the exact one; 30 C = 86 F, and the 86 F day is excluded."),
                say(ver, "16 days strictly above 30 C. TERMINATE"),
            ],
        ),
        _temps(
            "gaia-temps-at-or-above",
            BAD_SPLIT,
            [
                say(
                    cl,
                    "Convert to Celsius with C = (F - 32) * 5/9 and count the hot days, i.e. "
                    "days with a high of 30 C or more.",
                    mark=MISTAKE,
                ),
                say(da, _FILE),
                say(py, _hot_code(_EXACT, test=">= 30")),
                run_code("days: 17"),
                say(uc, "Conversion formula checks out."),
                say(ver, "17 days at 30 C or above. TERMINATE", mark=SYMPTOM),
            ],
            note="the plan counts 30 C itself, which does not exceed 30",
        ),
        _temps(
            "gaia-temps-rule-of-thumb",
            BAD_ASSUMPTION,
            [
                say(cl, "Count the July days whose high, in Celsius, is above 30."),
                say(da, _FILE),
                say(py, "I'll write the code once we agree on the conversion."),
                run_code("No code blocks found"),
                say(
                    uc,
                    "For weather data the usual conversion is C = (F - 30) / 2; it is what "
                    "forecasters use. Let's apply that.",
                    mark=MISTAKE,
                ),
                say(ver, "Fine, proceed with that conversion."),
                say(cl, "Agreed."),
                say(da, "No missing values, so all 31 days can be converted."),
                say(py, _hot_code('(df["high_f"] - 30) / 2')),
                run_code("days: 8"),
                say(uc, "The results follow the conversion we agreed on."),
                say(ver, "8 days above 30 C. TERMINATE", mark=SYMPTOM),
            ],
            note="a forecaster's rule of thumb taken for the conversion",
        ),
        _temps(
            "gaia-temps-parse-fixed",
            HEALTHY,
            [
                say(cl, _PLAN),
                say(da, _FILE),
                say(py, _hot_code(_EXACT, dates="day")),
                run_code("Missing column"),
                say(uc, "No output yet; the conversion in the code is right though."),
                say(ver, "Please fix the date column name."),
                say(cl, "The date column is called 'date'."),
                say(da, "Confirmed: date, high_f."),
                say(py, _hot_code(_EXACT)),
                run_code("days: 16"),
                say(uc, "86 F is exactly 30 C and is correctly excluded."),
                say(ver, "16 days. TERMINATE"),
            ],
        ),
    ]


RUNS: tuple[Run, ...] = tuple(_temp_runs())
