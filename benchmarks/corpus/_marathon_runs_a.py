"""Results office runs that go wrong upstream: a misread row, the wrong file, the plan."""

from __future__ import annotations

from benchmarks.corpus import _marathon_tasks as q
from benchmarks.corpus._common import WRONG_INPUT
from benchmarks.corpus._marathon_flow import desk

RUNS = [
    desk(
        "f40_01_wrong_category",
        WRONG_INPUT,
        q.F40_MEDIAN,
        clerk=(
            "List the F40 finishers and any penalties they picked up.",
            [("entrants.csv", "F", "Women's categories are all prefixed F; read those.")],
            "Picked out the finishers in the women's veteran category.",
            "F40 finishers: bibs 106, 112, 118, 124, 130. No penalties against them.",
        ),
        coder=(
            "Median chip time for the F40 finishers, penalties added. H:MM:SS.",
            q.TIMES.format(pen=q.PEN, key="category", value="F50", finished=q.FINISHED,
                           stat="median"),
            "4:05:15",
            "The clerk's five bibs are the category I filter on.",
            "Five times, median is the third.",
            "Median for the category: 4:05:15 over five finishers.",
        ),
        checker=(
            "F40 median chip time 4:05:15 over five finishers. Does it hold?",
            ("results.csv", "130,", "Check the middle runner's line."),
            "130 finished in 4:05:15, consistent with the median of five.",
            "The median is right for those five: 4:05:15.",
        ),
        final=("The checker agrees.", "Median F40 chip time: 4:05:15."),
        answer="4:05:15",
        expect="3:20:29",
        note="the clerk lists the F50 bibs as F40",
        marks={"clerk_reply": "root", "verdict": "symptom"},
    ),
]
