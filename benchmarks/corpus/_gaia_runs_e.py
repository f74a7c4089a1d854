"""GAIA-style runs, part E: longer chats of six and seven experts (a bus timetable, a book)."""

from __future__ import annotations

from benchmarks.corpus._common import (
    BAD_SPLIT,
    HEALTHY,
    TOOL_FAILURE,
    WRONG_ACCEPTED,
    WRONG_INPUT,
    WRONG_SOURCE,
)
from benchmarks.corpus._gaia_team import MISTAKE, SYMPTOM, Run, Task, run_code, say

BUS = Task(
    key="bus",
    question=(
        "Using timetable.csv, at what time did the bus trip that carried the most passengers "
        "arrive at Central Station? Give the time in 12-hour format, e.g. 9:05 AM."
    ),
    experts={
        "Transit_Expert": "You are a public transport operations expert.",
        "Data_Analysis_Expert": "You are a data analysis expert; you inspect files carefully.",
        "Python_Expert": "You are a Python expert using pandas.",
        "Time_Format_Expert": "You are an expert in time formats and conversions.",
        "Statistics_Expert": "You are a statistics expert.",
        "Quality_Assurance_Expert": "You are a QA expert; you look for inconsistencies.",
        "Verification_Expert": "You are the verification expert who signs off the answer.",
    },
    verifiers=("Verification_Expert",),
    files={
        "timetable.csv": "trip,dep_harbour,arr_central,dep_central,arr_airport,passengers\n"
        "T01,06:10,06:42,06:45,07:20,38\nT02,07:05,07:39,07:42,08:18,61\n"
        "T03,08:00,08:31,08:34,09:10,57\nT04,12:15,12:48,12:50,13:26,44\n"
        "T05,14:05,14:37,14:40,15:15,73\nT06,17:20,17:58,18:01,18:40,69\n"
        "T07,21:45,22:14,22:16,22:50,22\n"
    },
)

_BUS_PLAN = """## Plan
1. Inspect timetable.csv: which columns hold the times at each stop, and the passenger counts.
2. Find the trip with the highest passenger count.
3. Read that trip's arrival time at Central Station.
4. Convert it to 12-hour format (H:MM AM/PM).

## Constraints
- Arrival at Central, not departure from Central or from the first stop."""

_BUS_PEEK = """I'll print the columns and the first rows.

```python
import pandas as pd
df = pd.read_csv("timetable.csv")
print(df.columns.tolist())
print(df.head(3))
```"""


def _bus_code(column: str) -> str:
    return f"""```python
import pandas as pd
from datetime import datetime
df = pd.read_csv("timetable.csv")
busiest = df.loc[df["passengers"].idxmax()]
t = datetime.strptime(busiest["{column}"], "%H:%M")
print("busiest trip:", busiest["trip"], "passengers:", busiest["passengers"])
print("time:", busiest["{column}"], "->", t.strftime("%I:%M %p").lstrip("0"))
```"""


def _bus_runs() -> list[Run]:
    tr, da, py, tf, st, qa, ver = (
        "Transit_Expert",
        "Data_Analysis_Expert",
        "Python_Expert",
        "Time_Format_Expert",
        "Statistics_Expert",
        "Quality_Assurance_Expert",
        "Verification_Expert",
    )
    peek = (say(da, _BUS_PEEK), run_code("passengers"))
    columns = say(
        da,
        "Columns: trip, dep_harbour, arr_central, dep_central, arr_airport, passengers. The "
        "arrival at Central is arr_central; each bus waits 2-3 minutes there.",
    )
    stats = say(st, "T05 has 73 passengers, T06 69 and T02 61: no tie at the top.")
    fmt = say(tf, "strftime with %I:%M %p and the leading zero stripped gives e.g. '2:37 PM'.")
    return [
        Run(
            "gaia-bus-ok",
            HEALTHY,
            BUS,
            (
                say(tr, _BUS_PLAN),
                *peek,
                columns,
                say(py, _bus_code("arr_central")),
                run_code("time: 14:37 -> 2:37 PM"),
                stats,
                fmt,
                say(qa, "Column is the Central arrival, the maximum is unique. Consistent."),
                say(ver, "T05, 73 passengers, arrives Central 14:37 = 2:37 PM. TERMINATE"),
            ),
        ),
        Run(
            "gaia-bus-departure-column",
            WRONG_SOURCE,
            BUS,
            (
                say(tr, _BUS_PLAN),
                *peek,
                say(
                    da,
                    "Columns: trip, dep_harbour, arr_central, dep_central, arr_airport, "
                    "passengers. For Central Station the timetable time is dep_central (the "
                    "scheduled time at the stop); arr_central is only the approach time.",
                    mark=MISTAKE,
                ),
                say(py, _bus_code("dep_central")),
                run_code("time: 14:40 -> 2:40 PM"),
                stats,
                fmt,
                say(qa, "The code picks T05 correctly and the format matches the example."),
                say(
                    ver,
                    "Busiest trip T05 (73), Central time 14:40, i.e. 2:40 PM. The answer is "
                    "2:40 PM. TERMINATE",
                    mark=SYMPTOM,
                ),
            ),
            note="the departure column read as the station's time",
        ),
        Run(
            "gaia-bus-first-stop",
            BAD_SPLIT,
            BUS,
            (
                say(
                    tr,
                    "## Plan\n1. Find the trip with the most passengers in timetable.csv.\n"
                    "2. Its scheduled time is the departure from the first stop (dep_harbour); "
                    "that is the time the trip is known by.\n3. Convert to 12-hour format.",
                    mark=MISTAKE,
                ),
                *peek,
                columns,
                say(py, _bus_code("dep_harbour")),
                run_code("time: 14:05 -> 2:05 PM"),
                stats,
                fmt,
                say(qa, "Trip and format are consistent with the plan."),
                say(ver, "T05 with 73 passengers, 14:05 -> 2:05 PM. TERMINATE", mark=SYMPTOM),
            ),
            note="the plan swapped the arrival at Central for the trip's first departure",
        ),
        Run(
            "gaia-bus-qa-catch",
            HEALTHY,
            BUS,
            (
                say(tr, _BUS_PLAN),
                *peek,
                say(
                    da,
                    "Columns: trip, dep_harbour, arr_central, dep_central, arr_airport, "
                    "passengers.",
                ),
                say(py, _bus_code("dep_central")),
                run_code("time: 14:40 -> 2:40 PM"),
                say(
                    qa,
                    "The code reads dep_central, but the task asks for the arrival at "
                    "Central: that's arr_central.",
                ),
                say(py, "Right, switching the column:\n\n" + _bus_code("arr_central")),
                run_code("time: 14:37 -> 2:37 PM"),
                stats,
                fmt,
                say(ver, "Arrival at Central for T05: 2:37 PM. TERMINATE"),
            ),
        ),
    ]


BOOK = Task(
    key="book",
    question=(
        "A reader starts the 2019 hardcover edition of 'The Salt Road' on 3 March 2024 and "
        "reads exactly 25 pages every day (fewer on the last day if fewer remain). On what "
        "date does she finish the book? Use the publisher's page count."
    ),
    experts={
        "Literature_Expert": "You are a literature and publishing expert.",
        "Web_Research_Expert": "You are a web research expert with a web_search tool.",
        "Mathematics_Expert": "You are a mathematician.",
        "Python_Expert": "You are a Python expert.",
        "Date_Calculation_Expert": "You are an expert in date arithmetic.",
        "Verification_Expert": "You are a verification expert.",
    },
    verifiers=("Verification_Expert",),
    pages={
        "salt road": (
            "The Salt Road - Harbour & Lane Publishers\n"
            "Hardcover (2019), ISBN 978-1-90-000123-4: 384 pages\n"
            "Paperback (2021, with an afterword), ISBN 978-1-90-000456-0: 412 pages\n"
            "Audiobook (2020): 11 h 40 min"
        )
    },
)

_BOOK_PLAN = """To answer:
- Page count of the 2019 hardcover from the publisher (editions differ).
- Reading days = ceil(pages / 25).
- Day 1 is 3 March 2024, so the last day is 3 March + (days - 1)."""


def _finish_code(pages: int, offset: str = "days - 1") -> str:
    return f"""```python
import math
from datetime import date, timedelta
pages = {pages}
days = math.ceil(pages / 25)
finish = date(2024, 3, 3) + timedelta(days={offset})
print("reading days:", days)
print("finish:", finish.strftime("%d %B %Y"))
```"""


def _book_runs() -> list[Run]:
    lit, web, mat, py, dc, ver = (
        "Literature_Expert",
        "Web_Research_Expert",
        "Mathematics_Expert",
        "Python_Expert",
        "Date_Calculation_Expert",
        "Verification_Expert",
    )
    hardcover = say(
        web,
        "Publisher's page: hardcover (2019) 384 pages; the 2021 paperback has 412.",
        search="The Salt Road publisher page count",
    )
    ceil = say(mat, "384 / 25 = 15.36, so 16 reading days; the 16th day has 9 pages.")
    days = say(dc, "Day 1 = 3 March, so day 16 = 3 March + 15 days.")
    return [
        Run(
            "gaia-book-ok",
            HEALTHY,
            BOOK,
            (
                say(lit, _BOOK_PLAN),
                hardcover,
                ceil,
                days,
                say(py, _finish_code(384)),
                run_code("finish: 18 March 2024"),
                say(ver, "16 days starting 3 March ends on 18 March 2024. TERMINATE"),
            ),
        ),
        Run(
            "gaia-book-paperback",
            WRONG_INPUT,
            BOOK,
            (
                say(lit, _BOOK_PLAN),
                say(
                    web,
                    "The publisher lists The Salt Road at 412 pages (ISBN 978-1-90-000456-0).",
                    search="The Salt Road publisher page count",
                    mark=MISTAKE,
                ),
                say(mat, "412 / 25 = 16.48 -> 17 reading days."),
                say(dc, "Day 17 is 3 March + 16 days."),
                say(py, _finish_code(412)),
                run_code("finish: 19 March 2024"),
                say(lit, "Mid-March for a novel of that length at 25 pages a day, plausible."),
                say(ver, "17 days from 3 March: 19 March 2024. TERMINATE", mark=SYMPTOM),
            ),
            note="the paperback's page count given for the hardcover",
        ),
        Run(
            "gaia-book-off-by-one",
            WRONG_ACCEPTED,
            BOOK,
            (
                say(lit, _BOOK_PLAN),
                hardcover,
                ceil,
                say(py, _finish_code(384, offset="days"), mark=MISTAKE),
                run_code("finish: 19 March 2024"),
                say(dc, "The date arithmetic runs in the standard library, fine."),
                say(ver, "384 pages, 16 days, finishing 19 March 2024. TERMINATE", mark=SYMPTOM),
            ),
            note="the start day counted twice: one day late",
        ),
        Run(
            "gaia-book-search-error",
            TOOL_FAILURE,
            BOOK,
            (
                say(lit, _BOOK_PLAN),
                say(
                    web,
                    "The search result gives the hardcover at 352 pages.",
                    search="ISBN 978-1-90-000123-4 hardcover 2019 pages",
                    mark=MISTAKE,
                ),
                say(mat, "352 / 25 = 14.08, so 15 reading days."),
                say(dc, "3 March + 14 days."),
                say(py, _finish_code(352)),
                run_code("finish: 17 March 2024"),
                say(
                    ver,
                    "15 days of reading from 3 March gives 17 March 2024. TERMINATE",
                    mark=SYMPTOM,
                ),
            ),
            note="the search returned an error; a page count reported from it anyway",
        ),
        Run(
            "gaia-book-day-count-caught",
            HEALTHY,
            BOOK,
            (
                say(lit, _BOOK_PLAN),
                hardcover,
                say(py, _finish_code(384, offset="days")),
                run_code("finish: 19 March 2024"),
                say(
                    mat,
                    "That adds 16 days to day 1; the 16th reading day is 3 March + 15. "
                    "Please use days - 1.",
                ),
                say(py, _finish_code(384)),
                run_code("finish: 18 March 2024"),
                days,
                say(ver, "18 March 2024, with 9 pages on the last day. TERMINATE"),
            ),
        ),
    ]


RUNS: tuple[Run, ...] = (*_bus_runs(), *_book_runs())
