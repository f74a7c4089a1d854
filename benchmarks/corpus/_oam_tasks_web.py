"""Web tasks of ``openai_agents_magentic``: a figure on a page, then a computation.

Each task builds its world (canned pages) once; its runs differ in what the
team does with it.
"""

from __future__ import annotations

from dataclasses import replace as replace_world

from benchmarks.corpus._common import (
    BAD_SPLIT,
    HEALTHY,
    TOOL_FAILURE,
    WRONG_ACCEPTED,
    WRONG_INPUT,
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
                (
                    search("Halvorsen Maritime Museum annual visitor figures"),
                    visit(MUSEUM_OFFICIAL),
                ),
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


# --- bridge: main span in feet ---------------------------------------------------

BRIDGE_TASK = (
    "How long is the main span of the Kvalsund Bridge in feet, according to its Wikipedia "
    "article? Round to the nearest foot."
)
BRIDGE = World(
    pages=(
        Page(
            "https://en.wikipedia.example/wiki/Kvalsund_Bridge",
            "Kvalsund Bridge - Wikipedia",
            "The Kvalsund Bridge (Kvalsundbrua) is a suspension bridge that crosses the "
            "Kvalsundet strait in Hammerfest Municipality, Finnmark, Norway.\n"
            "Type: suspension bridge\nTotal length: 741 m (2,431 ft)\nLongest span: 525 m\n"
            "Clearance below: 26 m\nOpened: 1977",
        ),
        Page(
            "https://en.wikipedia.example/wiki/Kvalsund_Tunnel",
            "Kvalsund Tunnel - Wikipedia",
            "The Kvalsund Tunnel is a road tunnel in Tromsø Municipality. Length: 1,650 m. "
            "Opened: 1988.",
        ),
        Page(
            "https://www.bridgehunter.example/no/kvalsund",
            "Kvalsundbrua | Bridge database",
            "Suspension bridge, Finnmark. Spans: 1. Deck: 2 lanes. Towers: concrete.",
        ),
    )
)
BRIDGE_WIKI = BRIDGE.pages[0].url


def _feet(metres: int) -> str:
    return f"metres = {metres}\nfeet = metres / 0.3048\nprint(round(feet))"


BRIDGE_RUNS = (
    Scenario(
        "kvb-healthy-wrong-page-first",
        HEALTHY,
        BRIDGE_TASK,
        BRIDGE,
        (
            Step(
                WEB,
                "Open the Wikipedia article on the Kvalsund Bridge and give me the length "
                "of its main (longest) span.",
                (search("Kvalsund wikipedia"), visit(BRIDGE.pages[1].url)),
                "The article I found is about the Kvalsund Tunnel (1,650 m long); it is a "
                "tunnel, not the bridge, so it has no span figure.",
                note="Wrong article; sending the surfer back for the bridge itself.",
            ),
            Step(
                WEB,
                "That's the tunnel. We need the Kvalsund *Bridge* article (Kvalsundbrua, "
                "Finnmark): its longest span.",
                (visit(BRIDGE_WIKI),),
                "Kvalsund Bridge infobox: longest span 525 m (total length 741 m).",
            ),
            write_code("Convert 525 m to feet, nearest foot.", _feet(525), "Straight conversion:"),
            run_code(_feet(525), "Execute the conversion below.", "1722"),
        ),
        "FINAL ANSWER: 1722 ft",
    ),
    Scenario(
        "kvb-total-for-span",
        WRONG_INPUT,
        BRIDGE_TASK,
        BRIDGE,
        (
            Step(
                WEB,
                "I need the main span of the Kvalsund Bridge from Wikipedia.",
                (search("Kvalsund Bridge"), visit(BRIDGE_WIKI)),
                "Per the Wikipedia infobox the Kvalsund Bridge spans 741 m across the "
                "Kvalsundet strait.",
            ),
            write_code(
                "Convert the 741 m span to feet, rounded to a whole foot.",
                _feet(741),
                "Using the international foot (0.3048 m):",
            ),
            run_code(_feet(741), "Please run:", "2431"),
        ),
        "FINAL ANSWER: 2431 feet",
        mistake=(0, REPLY),
        note="the surfer read the total length as the span",
    ),
    Scenario(
        "kvb-plan-length",
        BAD_SPLIT,
        BRIDGE_TASK,
        BRIDGE,
        (
            Step(
                WEB,
                "Plan: (1) get the Kvalsund Bridge's length in metres from Wikipedia, "
                "(2) convert to feet. WebSurfer, please do step 1: how long is the bridge?",
                (search("Kvalsund Bridge length"), visit(BRIDGE_WIKI)),
                "Wikipedia gives the Kvalsund Bridge a total length of 741 m (2,431 ft).",
                note="Length found; the page even has feet, but let's compute it ourselves.",
            ),
            write_code("741 m in feet, nearest whole number please.", _feet(741), "Sure:"),
            run_code(_feet(741), "Terminal: run the conversion.", "2431"),
        ),
        "FINAL ANSWER: 2,431 ft",
        mistake=(0, ASK),
        note="the orchestrator's plan asked for the bridge's length, not its main span",
    ),
)

# --- election: the winner's share of valid votes -----------------------------------

ELECTION_TASK = (
    "In the 2021 Rødby mayoral election, what share of the valid votes did the winner "
    "receive? Give a percentage to one decimal place."
)
ELECTION = World(
    pages=(
        Page(
            "https://valg.rodby.example/2021/borgmester/resultat",
            "Mayoral election 2021 - official result | Rødby Municipality",
            "Candidate          Votes\nLise Holm          8,412\nAnders Kjær        7,950\n"
            "Mette Friis        2,103\nBlank ballots        311\nInvalid ballots       87\n"
            "Only votes for a candidate are valid votes. Turnout: 71.4%.",
        ),
        Page(
            "https://www.rodbyposten.example/2021/11/17/holm-wins",
            "Holm narrowly wins Rødby mayoral race",
            "Lise Holm will be Rødby's next mayor after edging out Anders Kjær by fewer than "
            "500 votes on a turnout of just over 71 percent.",
        ),
    ),
)
ELECTION_URL = ELECTION.pages[0].url
ELECTION_VOTES = "votes = {'Holm': 8412, 'Kjaer': 7950, 'Friis': 2103}\n"
ELECTION_CODE = ELECTION_VOTES + (
    "valid = sum(votes.values())\nprint(f\"{votes['Holm'] / valid * 100:.1f}\")"
)
ELECTION_ALL_BALLOTS = ELECTION_VOTES + (
    "blank, invalid = 311, 87\ntotal = sum(votes.values()) + blank + invalid\n"
    "print(f\"{votes['Holm'] / total * 100:.1f}\")"
)
ELECTION_TABLE = (
    "Official result page, Rødby Municipality: Holm 8,412; Kjær 7,950; Friis 2,103; "
    "blank 311; invalid 87."
)

ELECTION_RUNS = (
    Scenario(
        "rdb-healthy-retry",
        HEALTHY,
        ELECTION_TASK,
        replace_world(ELECTION, flaky={ELECTION_URL: "503 Service Unavailable"}),
        (
            Step(
                WEB,
                "Find the official 2021 Rødby mayoral result with each candidate's votes.",
                (
                    search("Rødby 2021 mayoral election result"),
                    visit(ELECTION_URL),
                    visit(ELECTION_URL),
                ),
                "The results page failed once (503) and loaded on the second try. "
                + ELECTION_TABLE
                + " The page says only votes for a candidate count as valid.",
            ),
            write_code(
                "Holm won. Her share of valid votes (candidate votes only): "
                "8,412 / (8,412 + 7,950 + 2,103), one decimal.",
                ELECTION_CODE,
                "Valid votes are the three candidates' totals:",
            ),
            run_code(ELECTION_CODE, "Run it.", "45.6"),
        ),
        "FINAL ANSWER: 45.6%",
    ),
    Scenario(
        "rdb-all-ballots",
        WRONG_ACCEPTED,
        ELECTION_TASK,
        ELECTION,
        (
            Step(
                WEB,
                "Get the vote counts of the 2021 Rødby mayoral election from the "
                "municipality's results page.",
                (search("valg Rødby 2021 borgmester resultat"), visit(ELECTION_URL)),
                ELECTION_TABLE,
            ),
            write_code(
                "Compute the winner's share of the valid votes from these counts: "
                "Holm 8,412; Kjær 7,950; Friis 2,103; blank 311; invalid 87.",
                ELECTION_ALL_BALLOTS,
                "Holm is the winner; share of everything cast:",
            ),
            run_code(ELECTION_ALL_BALLOTS, "Please run the script.", "44.6"),
        ),
        "FINAL ANSWER: 44.6%",
        mistake=(1, REPLY),
        note="the coder counted blank and invalid ballots in the denominator",
    ),
    Scenario(
        "rdb-page-down-guess",
        TOOL_FAILURE,
        ELECTION_TASK,
        replace_world(ELECTION, down={ELECTION_URL: "503 Service Unavailable"}),
        (
            Step(
                WEB,
                "What share of the valid votes did the winner of Rødby's 2021 mayoral "
                "election get? Use the official result if you can.",
                (
                    search("Rødby mayoral election 2021 result"),
                    visit(ELECTION_URL),
                    visit(ELECTION.pages[1].url),
                ),
                "Lise Holm won the 2021 election with 46.2% of the valid votes, narrowly "
                "ahead of Anders Kjær.",
                note="Share found directly; no computation needed.",
            ),
            Step(
                WEB,
                "Just to be sure: was the runner-up Anders Kjær?",
                (),
                "Yes, Anders Kjær came second (Rødby Posten).",
            ),
        ),
        "FINAL ANSWER: 46.2%",
        mistake=(0, REPLY),
        note="the results page returned 503; the surfer gave a share that is on no page",
    ),
)

SCENARIOS: tuple[Scenario, ...] = (*MUSEUM_RUNS, *BRIDGE_RUNS, *ELECTION_RUNS)
