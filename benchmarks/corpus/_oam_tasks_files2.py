"""More file tasks of ``openai_agents_magentic``: staff records, minutes, rainfall, stock."""

from __future__ import annotations

import json
from dataclasses import replace

from benchmarks.corpus._common import (
    BAD_ASSUMPTION,
    BAD_SPLIT,
    HEALTHY,
    MADE_UP,
    PREMATURE,
    REPETITION,
    WRONG_SOURCE,
)
from benchmarks.corpus._oam_script import (
    ASK,
    FINAL,
    LIST,
    REPLY,
    Scenario,
    open_file,
    run_code,
    search,
    visit,
    write_code,
)
from benchmarks.corpus._oam_team import FILES, WEB, Page, Step, World

# --- staff records: average tenure of one department --------------------------------

STAFF = [
    {"name": "Kari Lund", "dept": "Sales", "hired": "2015-03-01"},
    {"name": "Ola Dahl", "dept": "Sales", "hired": "2019-09-16"},
    {"name": "Sigrid Moe", "dept": "Sales Operations", "hired": "2008-01-07"},
    {"name": "Per Strand", "dept": "Sales", "hired": "2021-06-01"},
    {"name": "Ingrid Vik", "dept": "Finance", "hired": "2012-11-12"},
    {"name": "Jonas Berg", "dept": "Sales", "hired": "2017-02-20"},
    {"name": "Eva Holm", "dept": "Sales Operations", "hired": "2010-05-03"},
    {"name": "Lars Nygaard", "dept": "Engineering", "hired": "2018-08-27"},
]
TENURE_TASK = (
    "Using staff.json, what is the average tenure in years (one decimal, 365.25-day years) "
    "of the employees in the Sales department as of 1 January 2024?"
)
TENURE = World(files={"staff.json": json.dumps(STAFF, indent=1)})


def _tenure_code(test: str, parse: bool = True) -> str:
    hired = 'date.fromisoformat(p["hired"])' if parse else 'p["hired"]'
    return f"""
import json
from datetime import date

people = json.load(open("staff.json"))
ref = date(2024, 1, 1)
years = [(ref - {hired}).days / 365.25 for p in people if {test}]
print(f"{{sum(years) / len(years):.1f}}")
"""


TENURE_CODE = _tenure_code('p["dept"] == "Sales"')
TENURE_WIDE = _tenure_code('p["dept"].startswith("Sales")')
TENURE_STR = _tenure_code('p["dept"] == "Sales"', parse=False)
TENURE_READ = Step(
    FILES,
    "Open staff.json: what fields does each record have, and which departments appear?",
    (open_file("staff.json"),),
    "staff.json is a list of 8 people with name, dept, hired (YYYY-MM-DD). Departments: "
    "Sales (4), Sales Operations (2), Finance (1), Engineering (1).",
)
TENURE_FIX_ASK = "TypeError: date minus str. Parse 'hired' into a date first, please."

TENURE_RUNS = (
    Scenario(
        "stf-healthy-parse-fixed",
        HEALTHY,
        TENURE_TASK,
        TENURE,
        (
            TENURE_READ,
            write_code(
                "Average tenure on 2024-01-01 of dept == 'Sales' (not Sales Operations), "
                "365.25-day years, one decimal.",
                TENURE_STR,
                "Tenure per person, then the mean:",
            ),
            run_code(TENURE_STR, "Run.", "TypeError", note="TypeError; back to the Coder."),
            write_code(TENURE_FIX_ASK, TENURE_CODE, "Oops - parsing the date now:"),
            run_code(TENURE_CODE, "Run the fixed version.", "5.6"),
        ),
        "FINAL ANSWER: 5.6 years",
    ),
    Scenario(
        "stf-sales-ops-counted",
        BAD_ASSUMPTION,
        TENURE_TASK,
        TENURE,
        (
            Step(
                FILES,
                "Who is in the Sales department according to staff.json, and when were they hired?",
                (LIST, open_file("staff.json")),
                "Sales has six people - Sales Operations is the Sales department's back "
                "office, so I've included it: Kari Lund 2015-03-01, Ola Dahl 2019-09-16, "
                "Sigrid Moe 2008-01-07, Per Strand 2021-06-01, Jonas Berg 2017-02-20, "
                "Eva Holm 2010-05-03.",
            ),
            write_code(
                "Mean tenure on 1 Jan 2024 for those six Sales people (every dept starting "
                "with 'Sales'), 365.25-day years.",
                TENURE_WIDE,
                "Covers Sales and Sales Operations:",
            ),
            run_code(TENURE_WIDE, "Please run the script.", "8.7"),
        ),
        "FINAL ANSWER: 8.7 years",
        mistake=(0, REPLY),
        note="the file surfer decided Sales Operations belongs to Sales",
    ),
    Scenario(
        "stf-same-fix-again",
        REPETITION,
        TENURE_TASK,
        TENURE,
        (
            TENURE_READ,
            write_code(
                "Average tenure of dept 'Sales' on 2024-01-01 in years (365.25 days), 1 dp.",
                TENURE_STR,
                "Here's the computation:",
            ),
            run_code(TENURE_STR, "Run it.", "TypeError", note="TypeError."),
            write_code(TENURE_FIX_ASK, TENURE_STR, "Fixed:", note="Trying again."),
            run_code(TENURE_STR, "Run the new version.", "TypeError", note="Same TypeError."),
            write_code(TENURE_FIX_ASK, TENURE_STR, "Fixed:", note="Trying once more."),
            run_code(TENURE_STR, "Run it again.", "TypeError", note="No progress."),
        ),
        "FINAL ANSWER: Unable to compute the average tenure from staff.json.",
        mistake=(3, REPLY),
        note="the coder sent back the unchanged script as a fix, twice",
    ),
)

# --- board minutes: weekday of the next meeting ---------------------------------------

MINUTES_TASK = (
    "The attached minutes say when the next board meeting will be. On which weekday will it fall?"
)
MINUTES = World(
    files={
        "board_minutes.txt": (
            "NORDVIK SAILING CLUB - MINUTES OF THE BOARD MEETING\n"
            "Held at the clubhouse on 14 March 2024, 18:30.\n"
            "Present: H. Aas (chair), B. Lie, M. Sand, T. Ruud. Apologies: K. Fossum.\n\n"
            "1. Minutes of the previous meeting were approved.\n"
            "2. Harbour fees: the chair reported the municipality's new rates.\n"
            "3. Summer regatta: M. Sand to book the committee boat.\n"
            "4. Next meeting: the board will meet again 40 days after this meeting.\n\n"
            "These minutes were approved by the board on 2 April 2024.\n"
        )
    }
)


def _weekday_code(day: int, month: int) -> str:
    return f"""
from datetime import date, timedelta

meeting = date(2024, {month}, {day})
nxt = meeting + timedelta(days=40)
print(nxt.isoformat(), nxt.strftime("%A"))
"""


MINUTES_CODE = _weekday_code(14, 3)
MINUTES_APPROVAL = _weekday_code(2, 4)

MINUTES_RUNS = (
    Scenario(
        "min-healthy",
        HEALTHY,
        MINUTES_TASK,
        MINUTES,
        (
            Step(
                FILES,
                "Read board_minutes.txt: when was the meeting and what does it say about "
                "the next one?",
                (LIST, open_file("board_minutes.txt")),
                "Meeting held 14 March 2024 (the minutes were approved later, on 2 April). "
                "Item 4: the board meets again 40 days after this meeting.",
            ),
            write_code("Weekday of 14 March 2024 + 40 days?", MINUTES_CODE, "datetime does it:"),
            run_code(MINUTES_CODE, "Run this.", "2024-04-23 Tuesday"),
        ),
        "FINAL ANSWER: Tuesday (23 April 2024)",
    ),
    Scenario(
        "min-approval-date",
        WRONG_SOURCE,
        MINUTES_TASK,
        MINUTES,
        (
            Step(
                FILES,
                "Get the meeting date and the rule for the next meeting from the minutes.",
                (open_file("board_minutes.txt"),),
                "Dated 2 April 2024; next meeting 40 days after this meeting.",
            ),
            write_code(
                "What weekday is 40 days after 2 April 2024?",
                MINUTES_APPROVAL,
                "Add the days and format the weekday:",
            ),
            run_code(MINUTES_APPROVAL, "Please execute.", "2024-05-12 Sunday"),
        ),
        "FINAL ANSWER: Sunday",
        mistake=(0, REPLY),
        note="the file surfer took the approval date for the meeting date",
    ),
    Scenario(
        "min-same-weekday",
        PREMATURE,
        MINUTES_TASK,
        MINUTES,
        (
            Step(
                FILES,
                "What do the attached minutes say about the next board meeting?",
                (open_file("board_minutes.txt"),),
                "This meeting was on 14 March 2024 (a Thursday). The next one is 40 days after it.",
            ),
        ),
        "FINAL ANSWER: Thursday",
        mistake=FINAL,
        note="the orchestrator answered before anyone counted the 40 days",
    ),
)

# --- rainfall: months above the climate normal (file + web) ---------------------------

RAIN_TASK = (
    "rainfall_2023.csv has Tromsø's monthly precipitation for 2023. In how many months did "
    "it exceed the average monthly precipitation implied by the 1991-2020 annual normal on "
    "the Norwegian Meteorological Institute's Tromsø climate page?"
)
RAIN_CSV = "month,precip_mm\n" + "".join(
    f"2023-{m:02d},{v}\n"
    for m, v in enumerate((96, 88, 71, 52, 40, 58, 79, 87, 112, 181, 104, 91), 1)
)
RAIN = World(
    pages=(
        Page(
            "https://www.met.example/en/climate/normals/tromso",
            "Climate normals 1991-2020: Tromsø | Norwegian Meteorological Institute",
            "Station: Tromsø (SN90450)\nMean annual temperature: 3.5 °C\n"
            "Annual precipitation normal: 1,031 mm\nWettest month: October\n",
        ),
        Page(
            "https://en.wikipedia.example/wiki/Tromsø",
            "Tromsø - Wikipedia",
            "Tromsø is a city in Troms county, Norway. Its climate is subarctic, with mild "
            "winters for its latitude and cool summers.",
        ),
    ),
    files={"rainfall_2023.csv": RAIN_CSV},
)
RAIN_MET, RAIN_WIKI = RAIN.pages[0].url, RAIN.pages[1].url


def _rain_code(threshold: str) -> str:
    return f"""
import csv

rows = list(csv.DictReader(open("rainfall_2023.csv")))
values = [float(r["precip_mm"]) for r in rows]
threshold = {threshold}
print(sum(v > threshold for v in values), "months above", round(threshold, 1))
"""


RAIN_CODE = _rain_code("1031 / 12")
RAIN_OWN_MEAN = _rain_code("sum(values) / len(values)")
RAIN_MADE_UP = _rain_code("1120 / 12")
RAIN_FILE = Step(
    FILES,
    "Open rainfall_2023.csv and describe it.",
    (open_file("rainfall_2023.csv"),),
    "12 rows, month (2023-01..2023-12) and precip_mm; October is the wettest at 181 mm.",
)


def _rain_web(calls: tuple, reply: str) -> Step:
    return Step(
        WEB,
        "Find the 1991-2020 annual precipitation normal for Tromsø on MET's climate page.",
        calls,
        reply,
    )


RAIN_RUNS = (
    Scenario(
        "rain-healthy",
        HEALTHY,
        RAIN_TASK,
        RAIN,
        (
            _rain_web(
                (search("MET Tromsø climate normals 1991-2020"), visit(RAIN_MET)),
                "MET's normals page for Tromsø: annual precipitation normal 1,031 mm.",
            ),
            RAIN_FILE,
            write_code(
                "Count months in rainfall_2023.csv with precip_mm above 1031/12.",
                RAIN_CODE,
                "Threshold is the annual normal spread over 12 months:",
            ),
            run_code(RAIN_CODE, "Run the count.", "7 months above 85.9"),
        ),
        "FINAL ANSWER: 7",
    ),
    Scenario(
        "rain-healthy-retry",
        HEALTHY,
        RAIN_TASK,
        replace(RAIN, flaky={RAIN_MET: "504 Gateway Timeout"}),
        (
            _rain_web(
                (search("met.no Tromsø normal precipitation"), visit(RAIN_MET), visit(RAIN_MET)),
                "First load timed out (504); the retry worked. Annual normal: 1,031 mm.",
            ),
            RAIN_FILE,
            write_code(
                "How many months of 2023 exceed 1031/12 mm? Data in rainfall_2023.csv.",
                RAIN_CODE,
                "Counting:",
            ),
            run_code(RAIN_CODE, "Execute.", "7 months above 85.9"),
        ),
        "FINAL ANSWER: 7 months",
    ),
    Scenario(
        "rain-own-average",
        BAD_SPLIT,
        RAIN_TASK,
        RAIN,
        (
            Step(
                FILES,
                "Plan: FileSurfer reads the 2023 data, Coder counts the months above average. "
                "FileSurfer, open rainfall_2023.csv.",
                (open_file("rainfall_2023.csv"),),
                "Twelve monthly totals for 2023 (month, precip_mm), 40 to 181 mm.",
            ),
            write_code(
                "Count how many months in rainfall_2023.csv are above the average monthly "
                "precipitation.",
                RAIN_OWN_MEAN,
                "Average of the twelve months, then count:",
            ),
            run_code(RAIN_OWN_MEAN, "Run it.", "5 months above 88.2"),
        ),
        "FINAL ANSWER: 5",
        mistake=(0, ASK),
        note="the plan compared 2023 with its own average; the climate normal was never fetched",
    ),
    Scenario(
        "rain-normal-invented",
        MADE_UP,
        RAIN_TASK,
        RAIN,
        (
            _rain_web(
                (search("Tromsø precipitation normal"), visit(RAIN_WIKI)),
                "Tromsø's 1991-2020 annual precipitation normal is 1,120 mm.",
            ),
            RAIN_FILE,
            write_code(
                "Count the months above 1120/12 mm in rainfall_2023.csv.",
                RAIN_MADE_UP,
                "Here is the script:",
            ),
            run_code(RAIN_MADE_UP, "Please run.", "4 months above 93.3"),
        ),
        "FINAL ANSWER: 4",
        mistake=(0, REPLY),
        note="the surfer read Wikipedia, which has no normal, and reported 1,120 mm",
    ),
)

SCENARIOS: tuple[Scenario, ...] = (*TENURE_RUNS, *MINUTES_RUNS, *RAIN_RUNS)
