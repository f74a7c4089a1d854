"""Runs of ``openai_agents_magentic`` on tasks the other modules set up: a re-plan and a
code review that save the run, a late correction nobody acts on, a surfer that stalls."""

from __future__ import annotations

from benchmarks.corpus._common import HEALTHY, REPETITION, SELF_REPORT
from benchmarks.corpus._oam_script import (
    REPLY,
    Scenario,
    open_file,
    run_code,
    search,
    visit,
    write_code,
)
from benchmarks.corpus._oam_tasks_files2 import TENURE, TENURE_TASK
from benchmarks.corpus._oam_tasks_web import (
    ELECTION,
    ELECTION_TASK,
    MUSEUM,
    MUSEUM_CODE,
    MUSEUM_OFFICIAL,
    MUSEUM_TASK,
)
from benchmarks.corpus._oam_tasks_web2 import (
    MEDAL,
    MEDAL_CODE,
    MEDAL_TABLE,
    MEDAL_TASK,
    MEDAL_URL,
)
from benchmarks.corpus._oam_team import FILES, WEB, Step

MUSEUM_FLIPPED = "a, b = 438900, 391020\nprint(round((a - b) / b * 100, 1))"
TENURE_THREE = """
from datetime import date

hired = [date(2015, 3, 1), date(2019, 9, 16), date(2021, 6, 1)]
ref = date(2024, 1, 1)
print(f"{sum((ref - d).days / 365.25 for d in hired) / len(hired):.1f}")
"""
ELECTION_STALL = (
    "I'm on the Rødby Posten article; it describes the race but I haven't reached any "
    "vote numbers yet. Scrolling further."
)

EXTRA_RUNS = (
    Scenario(
        "njsc-healthy-replan",
        HEALTHY,
        MEDAL_TASK,
        MEDAL,
        (
            Step(
                WEB,
                "Which nation led the medal table at the 1994 Nordic Junior Ski Championships?",
                (search("1994 Nordic Junior Ski Championships medals"), visit(MEDAL_URL)),
                "Norway led with 5 golds. Full table - " + MEDAL_TABLE,
                note="Re-reading the task: it asks about silvers, with a gold tie-break.",
            ),
            write_code(
                "Correction to my plan: we need the nation with the most silvers, ties "
                "broken by golds. Gold/silver: Norway 5/4, Sweden 3/6, Finland 4/6, Russia 2/3.",
                MEDAL_CODE,
                "Silver first, gold second in the key:",
            ),
            run_code(MEDAL_CODE, "Run it, please.", "Finland"),
        ),
        "FINAL ANSWER: Finland",
    ),
    Scenario(
        "mus-healthy-review",
        HEALTHY,
        MUSEUM_TASK,
        MUSEUM,
        (
            Step(
                WEB,
                "Get the museum's official visitor totals for 2019 and 2022.",
                (search("halvorsen-museum.no annual figures"), visit(MUSEUM_OFFICIAL)),
                "Annual figures page: 2019 438,900; 2022 391,020 (all visitors).",
            ),
            write_code(
                "Percentage change 2019 -> 2022 from 438,900 and 391,020, one decimal.",
                MUSEUM_FLIPPED,
                "Difference over the newer figure:",
                note="That divides by the 2022 figure and reverses the sign; asking for a fix.",
            ),
            write_code(
                "The base must be 2019 and a fall should come out negative: (2022 - 2019) / 2019.",
                MUSEUM_CODE,
                "You're right, fixed:",
            ),
            run_code(MUSEUM_CODE, "Run the fixed script.", "-10.9%"),
        ),
        "FINAL ANSWER: -10.9%",
    ),
    Scenario(
        "stf-late-correction",
        SELF_REPORT,
        TENURE_TASK,
        TENURE,
        (
            Step(
                FILES,
                "List the Sales department's employees in staff.json with their hire dates.",
                (open_file("staff.json"),),
                "Sales: Kari Lund (2015-03-01), Ola Dahl (2019-09-16), Per Strand (2021-06-01).",
            ),
            write_code(
                "Average tenure on 2024-01-01 of these three hires, 365.25-day years, 1 dp: "
                "2015-03-01, 2019-09-16, 2021-06-01.",
                TENURE_THREE,
                "Hard-coding the three dates:",
            ),
            run_code(TENURE_THREE, "Run.", "5.2"),
            Step(
                FILES,
                "Quick check before I answer: are there exactly three people in Sales?",
                (open_file("staff.json"),),
                "Looking again, there are four: I missed Jonas Berg (Sales, hired "
                "2017-02-20) in my first list. Sorry about that.",
                note="Noted.",
            ),
        ),
        "FINAL ANSWER: 5.2 years",
        mistake=(0, REPLY),
        symptom=(3, REPLY),
        note="the file surfer's list dropped one of four Sales staff; its own correction "
        "came after the computation and was not acted on",
    ),
    Scenario(
        "rdb-surfer-stalls",
        REPETITION,
        ELECTION_TASK,
        ELECTION,
        (
            Step(
                WEB,
                "Find the vote counts of Rødby's 2021 mayoral election.",
                (search("Rødby 2021 mayor election"), visit(ELECTION.pages[1].url)),
                ELECTION_STALL,
                note="Surfer still reading.",
            ),
            Step(WEB, "Continue.", (visit(ELECTION.pages[1].url),), ELECTION_STALL, note="Again."),
            Step(WEB, "Continue.", (visit(ELECTION.pages[1].url),), ELECTION_STALL, note="Again."),
            Step(
                WEB,
                "Any numbers yet?",
                (visit(ELECTION.pages[1].url),),
                ELECTION_STALL,
                note="Stalled four times; closing the task.",
            ),
        ),
        "FINAL ANSWER: Lise Holm won; her exact share could not be found.",
        mistake=(0, REPLY),
        note="the surfer kept re-opening the same news story instead of the results page",
    ),
)

SCENARIOS: tuple[Scenario, ...] = EXTRA_RUNS
