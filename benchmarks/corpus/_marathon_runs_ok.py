"""Results office runs that come out right, some after the checker sends a figure back."""

from __future__ import annotations

from benchmarks.corpus import _marathon_tasks as q
from benchmarks.corpus._common import HEALTHY
from benchmarks.corpus._marathon_flow import desk

MED_F40 = q.TIMES.format(pen=q.PEN, key="category", value="F40", finished=q.FINISHED, stat="median")
HAR = q.TIMES.format(
    pen=q.PEN, key="club", value="Riverside Harriers", finished=q.FINISHED, stat="mean"
)

RUNS = [
    desk(
        "f40_ok_01",
        HEALTHY,
        q.F40_MEDIAN,
        clerk=(
            "Who are the F40 entrants and which of them finished? Any penalties on them?",
            [
                ("entrants.csv", "F40", "Pull the F40 rows from the entry list."),
                ("penalties.csv", "", "And the penalty sheet."),
            ],
            "Five F40 entries, two DNFs, no F40 bib on the penalty sheet.",
            "F40: bibs 105, 111, 117, 123, 129. 105 and 123 are DNF, so three finishers "
            "(111, 117, 129). None of them has a penalty.",
        ),
        coder=(
            "Median chip finish time of the F40 finishers (111, 117, 129), penalties added. "
            "H:MM:SS.",
            MED_F40,
            "3:20:29",
            "Filter on category and status, add penalties, take the median.",
            "Three times, median printed.",
            "Median F40 chip time after penalties: 3:20:29 (three finishers).",
        ),
        checker=(
            "F40 median chip time 3:20:29 from three finishers. Please confirm.",
            ("results.csv", "111,", "The middle one should be bib 111."),
            "111 ran 3:20:29; 117 is faster and 129 slower, so 111 is the median.",
            "Confirmed: 3:20:29, bib 111 is the middle of the three.",
        ),
        final=("Checked and confirmed.", "The F40 finishers' median chip time was 3:20:29."),
        answer="3:20:29",
        expect="3:20:29",
    ),
]
