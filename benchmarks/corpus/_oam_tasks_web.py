"""Web tasks of ``openai_agents_magentic``: a figure on a page, then a computation.

Each task builds its world (canned pages) once; its runs differ in what the
team does with it.
"""

from __future__ import annotations

from benchmarks.corpus._common import (
    BAD_SPLIT,
    HEALTHY,
    MADE_UP,
    WRONG_ACCEPTED,
    WRONG_SOURCE,
)
from benchmarks.corpus._oam_script import (
    ASK,
    REPLY,
    Scenario,
    run_code,
    search,
    visit,
    write_code,
)
from benchmarks.corpus._oam_team import WEB, Page, Step, World

# --- museum visitors: percentage change between two years -------------------------

MUSEUM_TASK = (
    "According to the Halvorsen Maritime Museum's own annual figures, by what percentage "
    "did its visitor numbers change from 2019 to 2022? Round to one decimal place."
)
MUSEUM = World(
    pages=(
        Page(
            "https://halvorsen-museum.no/en/about/annual-figures",
            "Annual figures | Halvorsen Maritime Museum",
            "Visitors per year (all visitors, incl. schools and free days)\n"
            "2018  412,300\n2019  438,900\n2020  121,450\n2021  203,780\n"
            "2022  391,020\n2023  447,615\n"
            "Figures are audited each March. Paid admissions are reported separately "
            "in the financial statement.",
        ),
        Page(
            "https://www.nordicnews.example/culture/halvorsen-record-year",
            "Halvorsen museum bounces back with record year",
            "The museum welcomed 447,615 visitors in 2023, beating its 2019 peak. "
            "Paid admissions rose to 352,200 from 319,020 in 2022, the museum said.",
        ),
        Page(
            "https://en.wikipedia.example/wiki/Halvorsen_Maritime_Museum",
            "Halvorsen Maritime Museum - Wikipedia",
            "The Halvorsen Maritime Museum is a museum in Bergen, Norway, opened in 1962. "
            "It attracts about 440,000 visitors a year.",
        ),
    )
)
MUSEUM_OFFICIAL = MUSEUM.pages[0].url
MUSEUM_NEWS = MUSEUM.pages[1].url

MUSEUM_CODE = """
v2019 = 438_900
v2022 = 391_020
change = (v2022 - v2019) / v2019 * 100
print(f"{change:.1f}%")
"""

MUSEUM_RUNS = (
    Scenario(
        "mus-healthy",
        HEALTHY,
        MUSEUM_TASK,
        MUSEUM,
        (
            Step(
                WEB,
                "Please find the museum's own visitor figures for 2019 and 2022 "
                "(an official page of the museum, not press coverage).",
                (search("Halvorsen Maritime Museum annual visitor figures"), visit(MUSEUM_OFFICIAL)),
                "The museum's 'Annual figures' page lists all visitors per year: "
                "2019: 438,900 and 2022: 391,020.",
            ),
            write_code(
                "Write a script computing the percentage change from 438,900 (2019) to "
                "391,020 (2022), one decimal.",
                MUSEUM_CODE,
                "Relative change against the 2019 base:",
            ),
            run_code(MUSEUM_CODE, "Run the Coder's script.", "-10.9%"),
        ),
        "FINAL ANSWER: -10.9% (a drop of about 10.9% from 2019 to 2022)",
    ),
    Scenario(
        "mus-news-admissions",
        WRONG_SOURCE,
        MUSEUM_TASK,
        MUSEUM,
        (
            Step(
                WEB,
                "Look up how many people visited the Halvorsen Maritime Museum in 2019 and 2022.",
                (search("Halvorsen Maritime Museum visitors 2022"), visit(MUSEUM_NEWS)),
                "Nordic News reports the museum had 319,020 visitors in 2022 and says 2023 "
                "beat the 2019 peak; the peak year figure is 438,900 per the museum's earlier "
                "statements. So 2019: 438,900, 2022: 319,020.",
            ),
            write_code(
                "Compute the percent change from 438,900 to 319,020, rounded to one decimal.",
                MUSEUM_CODE.replace("391_020", "319_020"),
                "Here you go:",
            ),
            run_code(MUSEUM_CODE.replace("391_020", "319_020"), "Please execute this.", "-27.3%"),
        ),
        "FINAL ANSWER: -27.3%",
        mistake=(0, REPLY),
        note="the surfer took 2022 paid admissions from a news story for all visitors",
    ),
    Scenario(
        "mus-base-year",
        WRONG_ACCEPTED,
        MUSEUM_TASK,
        MUSEUM,
        (
            Step(
                WEB,
                "Find the official visitor numbers of the Halvorsen Maritime Museum for 2019 "
                "and for 2022.",
                (search("Halvorsen museum annual figures visitors"), visit(MUSEUM_OFFICIAL)),
                "From halvorsen-museum.no (Annual figures): 2019 = 438,900 visitors, "
                "2022 = 391,020 visitors.",
            ),
            write_code(
                "Percentage change between the two years, please: 2019 438,900, 2022 391,020.",
                "a, b = 438900, 391020\nprint(round((a - b) / b * 100, 1))",
                "Difference over the newer figure:",
            ),
            run_code(
                "a, b = 438900, 391020\nprint(round((a - b) / b * 100, 1))",
                "ComputerTerminal, run it.",
                "12.2",
            ),
        ),
        "FINAL ANSWER: 12.2%",
        mistake=(1, REPLY),
        note="the coder divided by the 2022 figure and flipped the sign; it ran fine",
    ),
)

SCENARIOS: tuple[Scenario, ...] = (*MUSEUM_RUNS,)
_UNUSED = (ASK, BAD_SPLIT, MADE_UP)
