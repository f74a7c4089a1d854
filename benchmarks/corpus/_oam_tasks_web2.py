"""More web tasks of ``openai_agents_magentic``: a key figure, a catalogue, a medal table."""

from __future__ import annotations

from benchmarks.corpus._common import (
    BAD_SPLIT,
    HEALTHY,
    MADE_UP,
    PREMATURE,
    REPETITION,
    WRONG_ACCEPTED,
)
from benchmarks.corpus._oam_script import (
    ASK,
    FINAL,
    REPLY,
    Scenario,
    run_code,
    search,
    visit,
    write_code,
)
from benchmarks.corpus._oam_team import WEB, Page, Step, World

# --- operating margin from a key-figures page ---------------------------------------

MARGIN_TASK = (
    "What was Fjordline Foods ASA's operating margin (operating income / revenue) in "
    "fiscal year 2022? Give a percentage with one decimal."
)
MARGIN = World(
    pages=(
        Page(
            "https://investors.fjordlinefoods.example/key-figures",
            "Key figures | Fjordline Foods ASA Investor Relations",
            "NOK million          FY2021   FY2022   FY2023\n"
            "Revenue               4,812    5,266    5,590\n"
            "EBITDA                  610      655      612\n"
            "Operating income (EBIT) 402      447      391\n"
            "Net income              298      331      270\n",
        ),
        Page(
            "https://investors.fjordlinefoods.example/news/2023-02-14-q4-2022",
            "Fjordline Foods: record revenue in 2022",
            "Fjordline Foods grew revenue by 9% to NOK 5.3 billion in 2022, driven by "
            "strong export demand for salmon products. The board proposes a dividend of "
            "NOK 4.10 per share.",
        ),
    )
)
MARGIN_KEYS, MARGIN_NEWS = MARGIN.pages[0].url, MARGIN.pages[1].url
MARGIN_CODE = "revenue, ebit = 5266, 447\nprint(f'{ebit / revenue:.1%}')"
MADE_UP_CODE = "revenue, ebit = 5300, 455\nprint(f'{ebit / revenue:.1%}')"

MARGIN_RUNS = (
    Scenario(
        "ffa-healthy",
        HEALTHY,
        MARGIN_TASK,
        MARGIN,
        (
            Step(
                WEB,
                "Get Fjordline Foods' FY2022 revenue and operating income (EBIT) from their "
                "investor relations pages.",
                (search("Fjordline Foods key figures 2022"), visit(MARGIN_KEYS)),
                "IR key figures, FY2022: revenue NOK 5,266m, operating income (EBIT) NOK 447m.",
            ),
            write_code(
                "Operating margin = 447 / 5266, as a % with one decimal.", MARGIN_CODE, "Done:"
            ),
            run_code(MARGIN_CODE, "Run this please.", "8.5%"),
        ),
        "FINAL ANSWER: 8.5%",
    ),
    Scenario(
        "ffa-ebit-from-nowhere",
        MADE_UP,
        MARGIN_TASK,
        MARGIN,
        (
            Step(
                WEB,
                "Find Fjordline Foods ASA's 2022 revenue and operating income.",
                (search("Fjordline Foods 2022 results"), visit(MARGIN_NEWS)),
                "From the Q4 2022 release: revenue NOK 5.3 billion (5,300m) and operating "
                "income of NOK 455 million for the year.",
            ),
            write_code(
                "Please compute 455 / 5300 as a percentage, one decimal.",
                MADE_UP_CODE,
                "Margin calculation:",
            ),
            run_code(MADE_UP_CODE, "Run the margin calculation.", "8.6%"),
        ),
        "FINAL ANSWER: 8.6%",
        mistake=(0, REPLY),
        note="the release gives revenue only; the surfer's operating income is on no page",
    ),
    Scenario(
        "ffa-stops-at-revenue",
        PREMATURE,
        MARGIN_TASK,
        MARGIN,
        (
            Step(
                WEB,
                "Look up Fjordline Foods' 2022 financials: revenue and operating income.",
                (search("Fjordline Foods 2022 revenue"), visit(MARGIN_NEWS)),
                "The 2022 results release says revenue grew 9% to NOK 5.3 billion. It "
                "doesn't give operating income; the key-figures page probably has it.",
            ),
        ),
        "FINAL ANSWER: 9.0%",
        mistake=FINAL,
        note="the orchestrator stopped after one lookup and answered with the growth rate",
    ),
)

# --- star distance: light-years to parsecs -----------------------------------------

STAR_TASK = (
    "The Open Exoplanet Catalogue lists a distance for Kepler-1229. What is that distance in "
    "parsecs, to the nearest whole parsec?"
)
STAR = World(
    pages=(
        Page(
            "https://exoplanets.example/system/Kepler-1229",
            "Kepler-1229 | Open Exoplanet Catalogue",
            "Kepler-1229\nConstellation: Cygnus\nSpectral type: M0\n"
            "Distance: 866 light-years\nPlanets: 1 (Kepler-1229 b, in the habitable zone)",
        ),
        Page(
            "https://en.wikipedia.example/wiki/Parsec",
            "Parsec - Wikipedia",
            "One parsec is about 3.26156 light-years, or 3.0857e13 km.",
        ),
    )
)
STAR_URL = STAR.pages[0].url
STAR_CODE = "ly = 866\nly_per_pc = 3.26156\nprint(round(ly / ly_per_pc))"
STAR_KM_CODE = "distance_ly = 866\nprint(round(distance_ly / 3.086))"

STAR_ASK = "What distance does the Open Exoplanet Catalogue give for Kepler-1229, in parsecs?"
STAR_NO_PC = "The catalogue page gives 866 light-years for Kepler-1229; it lists no parsec figure."

STAR_RUNS = (
    Scenario(
        "k1229-healthy",
        HEALTHY,
        STAR_TASK,
        STAR,
        (
            Step(
                WEB,
                "Find Kepler-1229 in the Open Exoplanet Catalogue and report its distance.",
                (search("Kepler-1229 Open Exoplanet Catalogue"), visit(STAR_URL)),
                "Distance listed: 866 light-years.",
            ),
            write_code(
                "Convert 866 light-years to parsecs (1 pc = 3.26156 ly), nearest integer.",
                STAR_CODE,
                "Conversion:",
            ),
            run_code(STAR_CODE, "Please run.", "266"),
        ),
        "FINAL ANSWER: 266 parsecs",
    ),
    Scenario(
        "k1229-km-factor",
        WRONG_ACCEPTED,
        STAR_TASK,
        STAR,
        (
            Step(
                WEB,
                "Look up Kepler-1229's distance in the Open Exoplanet Catalogue.",
                (search("Kepler-1229 distance"), visit(STAR_URL)),
                "Kepler-1229: 866 light-years per the catalogue.",
            ),
            write_code(
                "Convert 866 ly to parsecs, rounded to the nearest parsec.",
                STAR_KM_CODE,
                "A parsec is ~3.086 of those units, so:",
            ),
            run_code(STAR_KM_CODE, "Execute the snippet.", "281"),
        ),
        "FINAL ANSWER: 281 pc",
        mistake=(1, REPLY),
        note="the coder divided by 3.086 (the 10^13 km figure), not 3.26 light-years",
    ),
    Scenario(
        "k1229-asks-again",
        REPETITION,
        STAR_TASK,
        STAR,
        (
            Step(WEB, STAR_ASK, (search("Kepler-1229 parsecs"), visit(STAR_URL)), STAR_NO_PC),
            Step(WEB, STAR_ASK, (visit(STAR_URL),), STAR_NO_PC, note="No progress yet."),
            Step(WEB, STAR_ASK, (visit(STAR_URL),), STAR_NO_PC, note="Still no progress."),
            Step(WEB, STAR_ASK, (visit(STAR_URL),), STAR_NO_PC, note="Stalled."),
        ),
        "FINAL ANSWER: The catalogue does not give the distance in parsecs.",
        mistake=(1, ASK),
        symptom=FINAL,
        note="the orchestrator re-asked the same question instead of converting",
    ),
)

# --- medal table: most silvers, ties broken by golds -------------------------------

MEDAL_TASK = (
    "Which country won the most silver medals at the 1994 Nordic Junior Ski "
    "Championships? If two countries tie, give the one with more golds."
)
MEDAL = World(
    pages=(
        Page(
            "https://en.wikipedia.example/wiki/1994_Nordic_Junior_Ski_Championships",
            "1994 Nordic Junior Ski Championships - Wikipedia",
            "Held in Lillehammer, 4-6 March 1994.\nMedal table\n"
            "Rank  Nation   Gold  Silver  Bronze  Total\n"
            "1     Norway     5      4       6      15\n"
            "2     Finland    4      6       3      13\n"
            "3     Sweden     3      6       2      11\n"
            "4     Russia     2      3       5      10\n",
        ),
    )
)
MEDAL_URL = MEDAL.pages[0].url
MEDAL_ROWS = "rows = [('Norway', 5, 4), ('Sweden', 3, 6), ('Finland', 4, 6), ('Russia', 2, 3)]\n"
MEDAL_CODE = MEDAL_ROWS + "best = max(rows, key=lambda r: (r[2], r[1]))\nprint(best[0])"
MEDAL_NO_TIE = MEDAL_ROWS + "best = max(rows, key=lambda r: r[2])\nprint(best[0])"
MEDAL_TABLE = (
    "Medal table (gold, silver, bronze): Norway 5-4-6, Finland 4-6-3, Sweden 3-6-2, Russia 2-3-5."
)

MEDAL_RUNS = (
    Scenario(
        "njsc-healthy",
        HEALTHY,
        MEDAL_TASK,
        MEDAL,
        (
            Step(
                WEB,
                "Get the medal table of the 1994 Nordic Junior Ski Championships.",
                (search("1994 Nordic Junior Ski Championships medal table"), visit(MEDAL_URL)),
                MEDAL_TABLE,
            ),
            write_code(
                "From these rows pick the nation with most silvers, ties broken by golds: "
                "Norway 5/4, Sweden 3/6, Finland 4/6, Russia 2/3 (gold/silver).",
                MEDAL_CODE,
                "Sort key silver first, then gold:",
            ),
            run_code(MEDAL_CODE, "Run it.", "Finland"),
        ),
        "FINAL ANSWER: Finland",
    ),
    Scenario(
        "njsc-table-leader",
        BAD_SPLIT,
        MEDAL_TASK,
        MEDAL,
        (
            Step(
                WEB,
                "Which nation topped the medal table at the 1994 Nordic Junior Ski Championships?",
                (search("1994 Nordic Junior Ski Championships"), visit(MEDAL_URL)),
                "Norway topped the table with 5 golds (15 medals in total).",
                note="Leader found.",
            ),
        ),
        "FINAL ANSWER: Norway",
        mistake=(0, ASK),
        note="the orchestrator asked for the table's leader, not the silver count",
    ),
    Scenario(
        "njsc-first-max",
        WRONG_ACCEPTED,
        MEDAL_TASK,
        MEDAL,
        (
            Step(
                WEB,
                "Pull the 1994 Nordic Junior Ski Championships medal table from Wikipedia.",
                (search("Nordic Junior Ski Championships 1994"), visit(MEDAL_URL)),
                MEDAL_TABLE,
            ),
            write_code(
                "Write code that finds the country with the most silver medals (tie -> more "
                "golds). Rows as (nation, gold, silver): Norway 5,4; Sweden 3,6; Finland "
                "4,6; Russia 2,3.",
                MEDAL_NO_TIE,
                "max() over the silver column handles it:",
            ),
            run_code(MEDAL_NO_TIE, "ComputerTerminal, please run this.", "Sweden"),
        ),
        "FINAL ANSWER: Sweden",
        mistake=(1, REPLY),
        note="the coder's max() keeps the first of the tied rows; the tie-break was never coded",
    ),
)

SCENARIOS: tuple[Scenario, ...] = (*MARGIN_RUNS, *STAR_RUNS, *MEDAL_RUNS)
