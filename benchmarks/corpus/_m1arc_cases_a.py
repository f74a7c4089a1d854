"""Archives family, part A: a botanical garden's records."""

from __future__ import annotations

from benchmarks.corpus._common import (
    BAD_SPLIT,
    HEALTHY,
    MADE_UP,
    WRONG_INPUT,
    WRONG_SOURCE,
)
from benchmarks.corpus._m1arc_team import FINAL, PLAN, Case, Script, code, do, files, run, web

_ACCESSIONS = """accession,taxon,planted,bed
1931-0004,Quercus robur,1931-04-12,B2
1947-0112,Quercus rubra,1947-11-02,B2
1950-0031,Quercus alba,1950-03-19,B3
1938-0220,Fagus sylvatica,1938-05-01,B1
1962-0009,Quercus ilex,1962-10-10,B3
1949-0187,Quercus cerris,1949-12-30,B4
1912-0001,Quercus robur,1912-06-01,A1
1955-0140,Castanea sativa,1955-02-14,B1
"""

OAKS = Case(
    "m1-garden-oaks-before-1950",
    HEALTHY,
    "The Harlow Botanic Garden exported its living-collection accessions to accessions.csv. "
    "How many oak (Quercus) accessions still in the collection were planted before 1950?",
    Script(
        "1. GIVEN OR VERIFIED FACTS\n- The data is in accessions.csv.\n- Oaks are genus Quercus.\n"
        "- The cut-off is planting before 1950 (so 1950 itself is excluded).\n\n"
        "2. FACTS TO LOOK UP\n- The planting dates of each Quercus accession (accessions.csv).\n\n"
        "3. FACTS TO DERIVE\n- The count of matching rows.\n\n4. EDUCATED GUESSES\n- None yet.",
        "- FileSurfer: open accessions.csv and describe its columns.\n"
        "- Coder: write a short script that counts Quercus rows planted before 1950-01-01.\n"
        "- ComputerTerminal: run it.\n- Report the count.",
        [
            files(
                "Please open accessions.csv and tell us which columns it has and how "
                "planting dates are written.",
                "accessions.csv",
                "accessions.csv has 8 rows and four columns: accession, taxon, planted, bed. "
                "Dates are ISO (YYYY-MM-DD). Six rows are Quercus species.",
            ),
            code(
                "Write a script that counts the Quercus rows in accessions.csv whose "
                "planted date is before 1950-01-01.",
                "Reading the CSV and filtering on the genus and the year:\n\n```python\n"
                "import csv\n\nwith open('accessions.csv', newline='') as fh:\n"
                "    rows = list(csv.DictReader(fh))\n"
                "oaks = [r for r in rows if r['taxon'].startswith('Quercus ')"
                " and r['planted'] < '1950-01-01']\n"
                "for r in oaks:\n    print(r['accession'], r['taxon'], r['planted'])\n"
                "print('count:', len(oaks))\n```",
            ),
            run("Please run the Coder's script."),
        ],
        "Four oak accessions were planted before 1950: 1912-0001, 1931-0004, 1947-0112 and "
        "1949-0187.\n\nFINAL ANSWER: 4",
    ),
    files={"accessions.csv": _ACCESSIONS},
)

_SEQUOIA_PAGE = """Harlow Botanic Garden - Champion Trees register
Tree | Location | Height (m) | Girth (m) | Last measured
Sequoiadendron giganteum | Pinetum, north slope | 38.4 | 7.9 | 2019-06
Sequoia sempervirens | Pinetum, lower walk | 34.8 | 5.2 | 2019-06
Cedrus libani | Great Lawn | 27.1 | 6.4 | 2018-09
Fagus sylvatica 'Purpurea' | Beech Walk | 24.6 | 5.8 | 2021-05
Heights are laser-clinometer readings rounded to 0.1 m."""

SEQUOIA = Case(
    "m1-garden-tallest-feet",
    WRONG_INPUT,
    "According to the Harlow Botanic Garden's champion trees register "
    "(https://harlowbotanic.org/trees/champions), how tall is the garden's tallest tree in "
    "feet? Round to the nearest whole foot.",
    Script(
        "1. GIVEN OR VERIFIED FACTS\n- The register is at https://harlowbotanic.org/trees/champions.\n"
        "- Answer in feet, rounded to a whole foot.\n\n2. FACTS TO LOOK UP\n"
        "- The height of the tallest tree on the register (probably given in metres).\n\n"
        "3. FACTS TO DERIVE\n- Conversion metres -> feet (1 m = 3.28084 ft).\n\n"
        "4. EDUCATED GUESSES\n- Likely a giant sequoia or a coast redwood.",
        "- WebSurfer: open the champion trees register and read off the tallest tree and its "
        "height.\n- Coder/ComputerTerminal: convert to feet and round.\n- Answer.",
        [
            web(
                "Please visit https://harlowbotanic.org/trees/champions and tell me which tree is "
                "tallest and its height exactly as listed.",
                "https://harlowbotanic.org/trees/champions",
                "I opened the Champion Trees register. The tallest listed tree is the giant "
                "sequoia (Sequoiadendron giganteum) in the Pinetum on the north slope, at 34.8 m, "
                "last measured June 2019.",
            ),
            code(
                "Convert 34.8 metres to feet and round to the nearest foot.",
                "```python\nmetres = 34.8\nfeet = metres * 3.28084\n"
                "print(round(feet, 2), round(feet))\n```",
            ),
            run("Run the conversion, please."),
        ],
        "The tallest tree in the register is the giant sequoia in the Pinetum, 34.8 m tall, "
        "which is about 114 feet.",
    ),
    pages={"https://harlowbotanic.org/trees/champions": _SEQUOIA_PAGE},
    root=do(0),
    symptom=FINAL,
    note="the surfer read the redwood's height for the sequoia (38.4 m is 126 ft)",
)

_GLASSHOUSE_PAGE = """Visitor numbers by site, 2023
Site | Jan-Jun | Jul-Dec | Year
Harlow main garden (glasshouses included) | 118,204 | 151,930 | 270,134
Wyckham Arboretum (out-station) | 41,377 | 57,012 | 98,389
Seed bank open days | 1,210 | 1,645 | 2,855
Figures from ticket scans; members' visits counted once per day."""

_VISITORS_2022 = """Visitor numbers by site, 2022
Site | Year
Harlow main garden (glasshouses included) | 251,880
Wyckham Arboretum (out-station) | 90,116
Seed bank open days | 2,402"""

VISITORS = Case(
    "m1-garden-visitor-growth",
    WRONG_SOURCE,
    "By what percentage did visitor numbers at Harlow's main garden grow from 2022 to 2023? "
    "Use the garden's published visitor figures (harlowbotanic.org/about/visitors-2023 and "
    "/about/visitors-2022) and give one decimal place.",
    Script(
        "1. GIVEN OR VERIFIED FACTS\n- Two pages: visitors-2023 and visitors-2022.\n"
        "- We want the main garden only, one decimal place.\n\n2. FACTS TO LOOK UP\n"
        "- Main garden annual visitors 2022 and 2023.\n\n3. FACTS TO DERIVE\n"
        "- Growth = (2023 - 2022) / 2022 * 100.\n\n4. EDUCATED GUESSES\n- Growth of a few percent.",
        "- WebSurfer: read the 2023 page, then the 2022 page, for the main garden's yearly total.\n"
        "- Coder: compute the percentage change; ComputerTerminal runs it.\n- Report to 1 dp.",
        [
            web(
                "Open https://harlowbotanic.org/about/visitors-2023 and give me the yearly visitor "
                "total for the main garden.",
                "https://harlowbotanic.org/about/visitors-2023",
                "The 2023 table splits visitors by site and half-year. For the garden the year "
                "column reads 98,389 visitors (41,377 in Jan-Jun and 57,012 in Jul-Dec).",
            ),
            web(
                "Thanks. Now https://harlowbotanic.org/about/visitors-2022, same figure for 2022.",
                "https://harlowbotanic.org/about/visitors-2022",
                "2022 page: the garden's total for the year is 251,880. The arboretum had 90,116 "
                "and the seed bank open days 2,402.",
            ),
            code(
                "Compute the percentage change from 251,880 (2022) to 98,389 (2023), one decimal.",
                "Straightforward:\n```python\nv2022, v2023 = 251_880, 98_389\n"
                "print(f'{(v2023 - v2022) / v2022 * 100:.1f}%')\n```",
            ),
            run("Please execute the snippet."),
        ],
        "Visitor numbers at the main garden fell from 251,880 in 2022 to 98,389 in 2023, "
        "a change of -60.9%.",
    ),
    pages={
        "https://harlowbotanic.org/about/visitors-2023": _GLASSHOUSE_PAGE,
        "https://harlowbotanic.org/about/visitors-2022": _VISITORS_2022,
    },
    root=do(0),
    symptom=FINAL,
    note="the 2023 figure is the arboretum's row; the main garden had 270,134 (+7.2%)",
)

_TITAN_PAGE = """Amorphophallus titanum at Harlow - flowering history
Our titan arum (accession 1994-0311) arrived as a corm from a seed-raised plant in 1994.
Flowerings (date the spathe fully opened):
- 2003-07-19 (first flowering; 11,000 visitors in three days)
- 2009-06-02
- 2016-08-27
- 2024-05-11 (most recent)
Each flowering lasts 24-48 hours. Between flowerings the plant produces a single leaf."""

TITAN = Case(
    "m1-garden-titan-arum-interval",
    BAD_SPLIT,
    "Harlow's titan arum has flowered several times (see harlowbotanic.org/plants/titan-arum). "
    "How many days passed between its first and its second flowering?",
    Script(
        "1. GIVEN OR VERIFIED FACTS\n"
        "- The flowering history is at harlowbotanic.org/plants/titan-arum.\n\n"
        "2. FACTS TO LOOK UP\n- The first flowering date and the latest flowering date.\n\n"
        "3. FACTS TO DERIVE\n- The number of days between the first and the latest flowering.\n\n"
        "4. EDUCATED GUESSES\n- Titan arums flower every 6-10 years, so the span may be ~20 years.",
        "- WebSurfer: open the titan arum page; note the first flowering date and the most "
        "recent one.\n"
        "- Coder: days between the two dates with datetime; ComputerTerminal: run.\n- Report days.",
        [
            web(
                "Visit https://harlowbotanic.org/plants/titan-arum and list the first flowering "
                "date "
                "and the most recent flowering date.",
                "https://harlowbotanic.org/plants/titan-arum",
                "The page lists four flowerings. First: 19 July 2003. Most recent: 11 May 2024. "
                "The others were 2 June 2009 and 27 August 2016.",
            ),
            code(
                "Please compute the number of days from 2003-07-19 to 2024-05-11.",
                "```python\nfrom datetime import date\n"
                "print((date(2024, 5, 11) - date(2003, 7, 19)).days)\n```",
            ),
            run("Run it."),
        ],
        "7,602 days passed between the titan arum's first flowering (19 July 2003) and its "
        "flowering on 11 May 2024.",
    ),
    pages={"https://harlowbotanic.org/plants/titan-arum": _TITAN_PAGE},
    root=PLAN,
    symptom=FINAL,
    note="the plan asked for the most recent flowering instead of the second "
    "(2009-06-02: 2145 days)",
)

_INDEX_2022 = """Plant records - seed list 2022 (Index Seminum)
Family counts: Asteraceae 41, Apiaceae 19, Lamiaceae 27, Ranunculaceae 12
Total taxa offered: 312"""
_INDEX_2023 = """Plant records - seed list 2023 (Index Seminum)
Family counts: Asteraceae 38, Apiaceae 22, Lamiaceae 31, Ranunculaceae 14, Poaceae 25
Total taxa offered: 298"""

SEED_LIST = Case(
    "m1-garden-seed-list-share",
    HEALTHY,
    "In Harlow's 2023 Index Seminum (harlowbotanic.org/seeds/index-2023) what share of the "
    "offered taxa were Lamiaceae? Give a percentage to one decimal place.",
    Script(
        "1. GIVEN OR VERIFIED FACTS\n- The 2023 seed list, harlowbotanic.org/seeds/index-2023.\n\n"
        "2. FACTS TO LOOK UP\n- Number of Lamiaceae taxa; total taxa offered.\n\n"
        "3. FACTS TO DERIVE\n- The share, as a percentage.\n\n4. EDUCATED GUESSES\n- About 10%.",
        "- WebSurfer: open the 2023 Index Seminum; read the Lamiaceae count and total.\n"
        "- Coder/ComputerTerminal: the percentage.\n- Answer.",
        [
            web(
                "Please open the 2023 seed list and read the Lamiaceae count and the total "
                "number of "
                "taxa offered.",
                "https://harlowbotanic.org/seeds/index-2022",
                "The seed list page shows Lamiaceae 27 and a total of 312 taxa offered.",
            ),
            web(
                "That page looks like the 2022 list (the URL ends in index-2022). Please open "
                "https://harlowbotanic.org/seeds/index-2023 instead.",
                "https://harlowbotanic.org/seeds/index-2023",
                "You're right, sorry - the 2023 list gives Lamiaceae 31 out of 298 taxa offered.",
            ),
            code(
                "Compute 31 / 298 as a percentage, one decimal place.",
                "```python\nprint(round(31 / 298 * 100, 1))\n```",
            ),
            run("Run the Coder's line."),
        ],
        "In the 2023 Index Seminum, 31 of the 298 taxa offered were Lamiaceae: 10.4%.",
    ),
    pages={
        "https://harlowbotanic.org/seeds/index-2022": _INDEX_2022,
        "https://harlowbotanic.org/seeds/index-2023": _INDEX_2023,
    },
    note="near miss: last year's list opened first, caught by the orchestrator",
)

_EXCHANGE = """institution,country,packets
Jardin botanique de Lyon,FR,34
Hortus Botanicus Leiden,NL,27
Real Jardin Botanico,ES,19
Botanischer Garten Bonn,DE,41
Ogrod Botaniczny UW,PL,12
"""

SEED_EXCHANGE = Case(
    "m1-garden-seed-exchange-top",
    MADE_UP,
    "Harlow keeps its 2021 seed-exchange log in the working folder. Which partner institution "
    "received the most seed packets in 2021, and how many?",
    Script(
        "1. GIVEN OR VERIFIED FACTS\n- The 2021 seed-exchange log is a local file.\n\n"
        "2. FACTS TO LOOK UP\n- Packets per partner institution in 2021.\n\n"
        "3. FACTS TO DERIVE\n- The maximum.\n\n4. EDUCATED GUESSES\n"
        "- The file is probably called seed_exchange_2021.csv.",
        "- FileSurfer: open the 2021 seed-exchange log and list packets per institution.\n"
        "- Pick the largest (Coder only if the list is long).",
        [
            files(
                "Please open seed_exchange_2021.csv and list the number of packets sent to each "
                "partner institution.",
                "seed_exchange_2021.csv",
                "The 2021 exchange log lists five partners: Jardin botanique de Lyon 34, Hortus "
                "Botanicus Leiden 27, Real Jardin Botanico 19, Royal Botanic Garden Edinburgh 48 "
                "and Ogrod Botaniczny UW 12.",
            ),
            code(
                "Find the institution with the most packets from that list.",
                "```python\npackets = {'Jardin botanique de Lyon': 34, "
                "'Hortus Botanicus Leiden': 27,\n"
                "           'Real Jardin Botanico': 19, 'Royal Botanic Garden Edinburgh': 48,\n"
                "           'Ogrod Botaniczny UW': 12}\n"
                "top = max(packets, key=packets.get)\nprint(top, packets[top])\n```",
            ),
            run("Execute the script."),
        ],
        "In 2021 the Royal Botanic Garden Edinburgh received the most seed packets from "
        "Harlow: 48.",
    ),
    files={"seed-exchange-2021.csv": _EXCHANGE},
    root=do(0),
    symptom=FINAL,
    note="the file is seed-exchange-2021.csv; the tool's error was answered with invented rows "
    "(Bonn, 41)",
)

_BEDS = """bed,area_m2,perennials
A1,42.5,118
A2,38.0,96
B1,55.2,131
B2,61.8,140
B3,47.4,122
B4,29.6,77
"""

BED_DENSITY = Case(
    "m1-garden-bed-density",
    HEALTHY,
    "Using the herbaceous border survey in borders.csv, which bed has the highest density of "
    "perennials per square metre? Give the bed and the density to two decimals.",
    Script(
        "1. GIVEN OR VERIFIED FACTS\n- Survey in borders.csv.\n\n2. FACTS TO LOOK UP\n"
        "- Area and perennial count per bed.\n\n3. FACTS TO DERIVE\n- perennials / area per bed, "
        "then the maximum.\n\n4. EDUCATED GUESSES\n- Smaller beds tend to be denser.",
        "- FileSurfer: check the columns of borders.csv.\n- Coder: compute density per bed.\n"
        "- ComputerTerminal: run.\n- Answer with bed and density.",
        [
            files(
                "Open borders.csv and tell me the column names and units.",
                "borders.csv",
                "Three columns: bed, area_m2 (square metres) and perennials (plant count). Six "
                "beds, A1 to B4.",
            ),
            code(
                "Write code computing perennials per square metre for every bed in borders.csv "
                "and print the densest bed.",
                "```python\nimport csv\nwith open('borders.csv') as fh:\n"
                "    beds = {r['bed']: int(r['perennials']) / float(r['area_m2']) "
                "for r in csv.DictReader(fh)}\n"
                "for bed, d in sorted(beds.items(), key=lambda kv: -kv[1]):\n"
                "    print(bed, f'{d:.2f}')\n```",
            ),
            run("Run it please."),
        ],
        "Bed A1 is the densest: 118 perennials on 42.5 m2, 2.78 plants per square metre.",
    ),
    files={"borders.csv": _BEDS},
)

CASES = [OAKS, SEQUOIA, VISITORS, TITAN, SEED_LIST, SEED_EXCHANGE, BED_DENSITY]
