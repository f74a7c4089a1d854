"""Archives family, part E: a weather station's records, a harbour register, a museum."""

from __future__ import annotations

from benchmarks.corpus._common import (
    BAD_ASSUMPTION,
    HEALTHY,
    MADE_UP,
    SELF_REPORT,
    TOOL_FAILURE,
    WRONG_INPUT,
    WRONG_SOURCE,
)
from benchmarks.corpus._m1arc_team import (
    FINAL,
    Case,
    Replan,
    Script,
    code,
    do,
    files,
    run,
    web,
)

MET = "https://ashby-weather.org.uk"
PORT = "https://kelsport-heritage.org/register"
MUSEUM = "https://thornemuseum.org/collections"

_JAN = (
    "date,tmin_c,tmax_c\n"
    + "\n".join(
        f"2021-01-{d:02d},{lo},{hi}"
        for d, lo, hi in [
            (1, -2.1, 4.0),
            (2, -3.4, 2.2),
            (3, 0.0, 5.1),
            (4, 1.2, 6.3),
            (5, -0.4, 3.9),
            (6, -5.0, 1.1),
            (7, -6.2, 0.4),
            (8, -1.1, 3.3),
            (9, 2.4, 8.0),
            (10, 3.1, 9.4),
        ]
    )
    + "\n"
)

FROSTS = Case(
    "m1-weather-air-frosts",
    HEALTHY,
    "ashby_park_2021_01.csv holds the first ten days of January 2021 at the Ashby Park station. "
    "On how many of those days was there an air frost (minimum below 0 °C)?",
    Script(
        "1. GIVEN OR VERIFIED FACTS\n- Air frost = tmin below 0 °C (0.0 itself is not a frost).\n"
        "\n2. FACTS TO LOOK UP\n- Daily minima.\n\n3. FACTS TO DERIVE\n- Count.\n\n"
        "4. EDUCATED GUESSES\n- About half the days.",
        "- Coder: count tmin < 0; ComputerTerminal: run.",
        [
            code(
                "Count the days in ashby_park_2021_01.csv with tmin_c below zero.",
                "```python\nimport csv\nwith open('ashby_park_2021_01.csv') as fh:\n"
                "    frosts = [r['date'] for r in csv.DictReader(fh) if float(r['tmin_c']) < 0]\n"
                "print(len(frosts), frosts)\n```",
            ),
            run("Run it."),
        ],
        "Six: Ashby Park had air frosts on 1, 2, 5, 6, 7 and 8 January 2021. The minimum on "
        "the 3rd was exactly 0.0 °C, which does not count.",
    ),
    files={"ashby_park_2021_01.csv": _JAN},
)

_RAIN = """Ashby Park - annual rainfall
Year | Total (mm) | Wettest month
2021 | 803.9 | October (121.5)
2022 | 699.0 | November (98.2)
2023 | 842.6 | July (133.0)
1991-2020 average | 781.3 | -"""

RAIN = Case(
    "m1-weather-rain-above-average",
    WRONG_INPUT,
    f"How many millimetres above its 1991-2020 average was Ashby Park's rainfall in 2023? "
    f"Data: {MET}/park/rainfall. One decimal.",
    Script(
        "1. GIVEN OR VERIFIED FACTS\n- Station: Ashby Park; year 2023; baseline 1991-2020.\n\n"
        "2. FACTS TO LOOK UP\n- 2023 total and the average.\n\n3. FACTS TO DERIVE\n"
        "- The difference.\n\n4. EDUCATED GUESSES\n- 2023 was a wet year.",
        "- WebSurfer: both figures from the rainfall page.\n- Coder + ComputerTerminal: subtract.",
        [
            web(
                f"Open {MET}/park/rainfall and read the 2023 total and the 1991-2020 average.",
                f"{MET}/park/rainfall",
                "Ashby Park rainfall: 2023 total 824.6 mm (wettest month July, 133.0 mm); the "
                "1991-2020 average is 781.3 mm.",
            ),
            code(
                "Subtract 781.3 from 824.6, one decimal.",
                "```python\nprint(round(824.6 - 781.3, 1))\n```",
            ),
            run("Run."),
        ],
        "2023 rainfall at Ashby Park was 43.3 mm above the 1991-2020 average.",
    ),
    pages={f"{MET}/park/rainfall": _RAIN},
    root=do(0),
    symptom=FINAL,
    note="the page says 842.6 mm: 61.3 mm above",
)

_PARK_JUL = "date,tmax_c\n2022-07-17,29.8\n2022-07-18,33.1\n2022-07-19,35.4\n2022-07-20,27.0\n"
_AIRPORT_JUL = "date,tmax_c\n2022-07-17,30.6\n2022-07-18,34.7\n2022-07-19,37.2\n2022-07-20,26.1\n"

HEATWAVE = Case(
    "m1-weather-park-july-max",
    WRONG_SOURCE,
    "The working folder has July 2022 heatwave extracts for two stations. What was the highest "
    "maximum temperature recorded at the Ashby Park station, in °F (one decimal)?",
    Script(
        "1. GIVEN OR VERIFIED FACTS\n- Station: Ashby Park; July 2022; answer in °F.\n\n"
        "2. FACTS TO LOOK UP\n- The daily maxima at Ashby Park.\n\n3. FACTS TO DERIVE\n"
        "- Max, then F = C * 9/5 + 32.\n\n4. EDUCATED GUESSES\n- Around 35 °C.",
        "- FileSurfer: open the station extract and give the highest tmax.\n"
        "- Coder/ComputerTerminal: convert to °F.",
        [
            files(
                "Please find the July 2022 extract and report the highest tmax_c in it.",
                "ashby_airport_2022_07.csv",
                "The July 2022 extract (ashby_airport_2022_07.csv) covers 17-20 July. The highest "
                "maximum is 37.2 °C on 19 July.",
            ),
            code(
                "Convert 37.2 °C to Fahrenheit, one decimal.",
                "```python\nc = 37.2\nprint(round(c * 9 / 5 + 32, 1))\n```",
            ),
            run("Please run."),
        ],
        "The highest temperature recorded at Ashby Park in the July 2022 heatwave was 37.2 °C, "
        "which is 99.0 °F.",
    ),
    files={"ashby_park_2022_07.csv": _PARK_JUL, "ashby_airport_2022_07.csv": _AIRPORT_JUL},
    root=do(0),
    symptom=FINAL,
    note="the surfer opened the airport station's file; Ashby Park peaked at 35.4 °C (95.7 °F)",
)

_HARBOUR = """date,vessel,rig,tons
1911-03-02,Mary Ellen,schooner,212
1911-04-19,Kestrel,steamship,640
1911-05-30,Brothers Pride,ketch,88
1911-06-11,SS Vigilant,steamship,1210
1911-08-03,Alice Tregarthen,barque,530
1911-09-21,Hope,brigantine,190
1911-11-14,SS Carn Brea,steamship,498
"""

HARBOUR = Case(
    "m1-harbour-large-arrivals",
    MADE_UP,
    "Kelsport's harbour register for 1911 is in harbour_1911.csv. How many arriving vessels "
    "that year were over 500 tons?",
    Script(
        "1. GIVEN OR VERIFIED FACTS\n- File harbour_1911.csv; over 500 tons (strictly).\n\n"
        "2. FACTS TO LOOK UP\n- Tonnage per arrival.\n\n3. FACTS TO DERIVE\n- Count.\n\n"
        "4. EDUCATED GUESSES\n- A small port: a handful.",
        "- FileSurfer: list arrivals and tonnage.\n- Count those over 500 tons.",
        [
            files(
                "Open harbour_1911.csv and list each vessel with its tonnage.",
                "harbor_1911.csv",
                "The 1911 register lists: Mary Ellen 212, Kestrel 640, Brothers Pride 88, SS "
                "Vigilant 1,210, Alice Tregarthen 530, Hope 190, SS Carn Brea 598 and Pendeen "
                "Lass 140.",
            ),
            code(
                "From that list, count vessels over 500 tons.",
                "```python\ntons = [212, 640, 88, 1210, 530, 190, 598, 140]\n"
                "print(sum(t > 500 for t in tons))\n```",
            ),
            run("Run it."),
        ],
        "Four vessels over 500 tons arrived at Kelsport in 1911.",
    ),
    files={"harbour_1911.csv": _HARBOUR},
    root=do(0),
    symptom=FINAL,
    note="the surfer opened harbor_1911.csv (no such file) and listed rows anyway; the register "
    "has 3",
)

_WRECKS_1883 = """Wrecks and strandings, 1883
- 14 Jan: brig Olive Branch, ashore at Gull Point, crew saved
- 2 Mar: smack Two Sisters, foundered off the breakwater
- 29 Oct: schooner Tamar Belle, stranded, refloated 31 Oct"""

WRECKS = Case(
    "m1-harbour-wrecks-1883",
    TOOL_FAILURE,
    f"How many wrecks or strandings does the Kelsport heritage register list for 1883? Each "
    f"year has a page at {PORT}/wrecks/<year>.",
    Script(
        "1. GIVEN OR VERIFIED FACTS\n- Year 1883; pages at /wrecks/<year>.\n\n"
        "2. FACTS TO LOOK UP\n- The 1883 entries.\n\n3. FACTS TO DERIVE\n- Count.\n\n"
        "4. EDUCATED GUESSES\n- A few per year.",
        "- WebSurfer: open the 1883 page and count entries.\n- Answer.",
        [
            web(
                "Please open the register's 1883 wrecks page and count the entries.",
                f"{PORT}/wrecks/1833",
                "The register has no page of wrecks for that year (404), so nothing was recorded.",
            ),
        ],
        "The Kelsport register records no wrecks or strandings in 1883: 0.",
        done_reason="The register has no entries for 1883.",
    ),
    pages={f"{PORT}/wrecks/1883": _WRECKS_1883},
    root=do(0),
    symptom=FINAL,
    note="the surfer typed /wrecks/1833; 1883 lists 3 entries",
)

_GALLERIES = """Objects on display, by gallery (March 2024)
Gallery 1 - Prehistory: 212
Gallery 2 - Roman Thorne: 318
Gallery 3 - Medieval town: 187
Gallery 4 - Maritime: 264
Gallery 5 - Costume: 223
Total on display: 1,204 of 41,870 catalogued objects"""

DISPLAY = Case(
    "m1-museum-display-share",
    SELF_REPORT,
    f"What percentage of Thorne Museum's catalogued objects were on display in March 2024 "
    f"({MUSEUM}/on-display)? Two decimals.",
    Script(
        "1. GIVEN OR VERIFIED FACTS\n- March 2024.\n\n2. FACTS TO LOOK UP\n- Objects on display "
        "and objects catalogued.\n\n3. FACTS TO DERIVE\n- Percentage.\n\n4. EDUCATED GUESSES\n"
        "- Museums show a few percent of their collections.",
        "- WebSurfer: read the figures.\n- Coder/ComputerTerminal: percentage.",
        [
            web(
                f"Please read the number of objects on display and the number catalogued at "
                f"{MUSEUM}/on-display, with the per-gallery figures.",
                f"{MUSEUM}/on-display",
                "By gallery: Prehistory 212, Roman Thorne 318, Medieval town 187, Maritime 264, "
                "Costume 223. Total on display: 1,240 of 41,870 catalogued objects.",
            ),
            code(
                "Compute 1,240 / 41,870 as a percentage, two decimals, and check it against "
                "the gallery figures.",
                "The galleries sum to 1,204, not 1,240, so one of the two figures we were given "
                "is off - worth re-reading the page. With the total as given:\n```python\n"
                "galleries = [212, 318, 187, 264, 223]\nprint(sum(galleries))\n"
                "print(f'{1240 / 41870 * 100:.2f}%')\n```",
            ),
            run("Run the check."),
        ],
        "2.96% of the museum's 41,870 catalogued objects (1,240) were on display in March 2024.",
    ),
    pages={f"{MUSEUM}/on-display": _GALLERIES},
    root=do(0),
    symptom=do(1),
    note="the surfer read 1,204 as 1,240; the Coder's warning went unheeded (2.88%)",
)

_SUNSHINE = """Ashby Park sunshine, 2024
Month | Hours | % of possible
January | 61.8 | 23
February | 84.1 | 30
March | 102.6 | 28"""

SUNSHINE = Case(
    "m1-weather-february-sunshine",
    BAD_ASSUMPTION,
    f"What was the average daily sunshine at Ashby Park in February 2024, in hours to two "
    f"decimals? Monthly totals: {MET}/park/sunshine-2024.",
    Script(
        "1. GIVEN OR VERIFIED FACTS\n- February 2024.\n\n2. FACTS TO LOOK UP\n- February's "
        "total hours.\n\n3. FACTS TO DERIVE\n- Total / days in the month.\n\n"
        "4. EDUCATED GUESSES\n- About 3 hours a day.",
        "- WebSurfer: February's total.\n- Coder + ComputerTerminal: daily average.",
        [
            web(
                f"Read February 2024's sunshine total from {MET}/park/sunshine-2024.",
                f"{MET}/park/sunshine-2024",
                "February 2024: 84.1 hours of sunshine (30% of possible).",
            ),
            code(
                "Work out the average per day for February 2024.",
                "February has 28 days:\n```python\nprint(f'{84.1 / 28:.2f}')\n```",
            ),
            run("Run it."),
        ],
        "Ashby Park averaged 3.00 hours of sunshine a day in February 2024.",
    ),
    pages={f"{MET}/park/sunshine-2024": _SUNSHINE},
    root=do(1),
    symptom=FINAL,
    note="2024 is a leap year: 84.1 / 29 = 2.90",
)

_SHIP = """Register entry 1887/44
Vessel: Lady of Avalon (steam collier)
Registered tonnage: 742 tons (long tons)
Built: Sunderland, 1879"""

TONNES = Case(
    "m1-harbour-tonnes",
    HEALTHY,
    f"Register entry {PORT}/entry/1887-44 gives a collier's tonnage in long tons. What is it in "
    f"metric tonnes (nearest tonne)? 1 long ton = 1.016047 t.",
    Script(
        "1. GIVEN OR VERIFIED FACTS\n- 1 long ton = 1.016047 tonnes.\n\n2. FACTS TO LOOK UP\n"
        "- The tonnage.\n\n3. FACTS TO DERIVE\n- Conversion.\n\n4. EDUCATED GUESSES\n- None.",
        "- WebSurfer: tonnage.\n- Coder/ComputerTerminal: convert.",
        [
            web(
                f"Open {PORT}/entry/1887-44 and give the registered tonnage.",
                f"{PORT}/entry/1887-44",
                "Entry 1887/44, Lady of Avalon, a steam collier built at Sunderland in 1879: 742 "
                "long tons registered.",
            ),
            code(
                "742 long tons in tonnes, nearest whole tonne.",
                "```python\nprint(round(742 * 1.016047))\n```",
            ),
            run("Run it."),
        ],
        "The Lady of Avalon's 742 long tons are 754 metric tonnes.",
    ),
    pages={f"{PORT}/entry/1887-44": _SHIP},
)

_INDEX = """Collections online - sections
/collections/costume  /collections/maritime  /collections/acquisitions-by-year"""
_ACQ = """Acquisitions by year
2019: 312 | 2020: 141 | 2021: 208 | 2022: 377 | 2023: 295"""

ACQUISITIONS = Case(
    "m1-museum-acquisitions-replan",
    HEALTHY,
    "By how much did Thorne Museum's acquisitions grow from 2021 to 2023, in percent (one "
    f"decimal)? Start from {MUSEUM}.",
    Script(
        "1. GIVEN OR VERIFIED FACTS\n- Years 2021 and 2023.\n\n2. FACTS TO LOOK UP\n"
        "- Acquisitions in each year.\n\n3. FACTS TO DERIVE\n- Growth in percent.\n\n"
        f"4. EDUCATED GUESSES\n- An annual report might be at {MUSEUM}/annual-report-2023.",
        "- WebSurfer: find acquisitions for 2021 and 2023.\n- Coder: growth; ComputerTerminal.",
        [
            web(
                f"Open {MUSEUM}/annual-report-2023 and find acquisitions for 2021 and 2023.",
                f"{MUSEUM}/annual-report-2023",
                "That page gives a 404.",
            ),
            web(
                f"Try {MUSEUM}/annual-report-2023 once more, it may have been a glitch.",
                f"{MUSEUM}/annual-report-2023",
                "Still 404 - there is no annual report page at that address.",
                progress=False,
            ),
            Replan(
                "1. GIVEN OR VERIFIED FACTS\n- The guessed annual-report page does not exist.\n\n"
                "2. FACTS TO LOOK UP\n- Acquisitions in 2021 and 2023.\n\n3. FACTS TO DERIVE\n"
                "- Growth.\n\n4. EDUCATED GUESSES\n- The collections index may link to yearly "
                "figures.",
                f"- WebSurfer: open {MUSEUM} (the index) and follow a link to yearly "
                "acquisitions.\n- Coder/ComputerTerminal: growth.",
            ),
            web(
                f"Open {MUSEUM} and tell me which sections it links to.",
                MUSEUM,
                "The index lists three sections: costume, maritime and acquisitions-by-year.",
            ),
            web(
                f"Open {MUSEUM}/acquisitions-by-year and read 2021 and 2023.",
                f"{MUSEUM}/acquisitions-by-year",
                "Acquisitions: 2021 - 208, 2023 - 295 (2022 was the peak at 377).",
            ),
            code(
                "Percentage growth from 208 to 295, one decimal.",
                "```python\nprint(f'{(295 - 208) / 208 * 100:.1f}%')\n```",
            ),
            run("Run please."),
        ],
        "Acquisitions grew by 41.8% from 2021 (208) to 2023 (295).",
    ),
    pages={MUSEUM: _INDEX, f"{MUSEUM}/acquisitions-by-year": _ACQ},
    note="near miss: a guessed page 404s twice, the orchestrator replans and finds the index",
)

_LOAN_OUT = """Object TMM.1954.17 - carved ship's figurehead
Acquired: 1954-06-03 (gift)
Outgoing loans: National Maritime Museum, 2011-05-01 to 2013-09-30"""

FIGUREHEAD = Case(
    "m1-museum-figurehead-loan",
    HEALTHY,
    f"For how many whole months was object TMM.1954.17 away on loan? Record: "
    f"{MUSEUM}/object/TMM.1954.17",
    Script(
        "1. GIVEN OR VERIFIED FACTS\n- Object TMM.1954.17.\n\n2. FACTS TO LOOK UP\n- Loan start "
        "and end.\n\n3. FACTS TO DERIVE\n- Whole months between.\n\n4. EDUCATED GUESSES\n- None.",
        "- WebSurfer: loan dates.\n- Coder: whole months; ComputerTerminal: run.",
        [
            web(
                f"Read the outgoing loan dates on {MUSEUM}/object/TMM.1954.17.",
                f"{MUSEUM}/object/TMM.1954.17",
                "The figurehead went to the National Maritime Museum from 1 May 2011 to 30 "
                "September 2013.",
            ),
            code(
                "Count the whole months from 2011-05-01 to 2013-09-30.",
                "```python\nfrom datetime import date\nstart, end = date(2011, 5, 1), "
                "date(2013, 9, 30)\nmonths = (end.year - start.year) * 12 + end.month - "
                "start.month\nif end.day >= start.day:\n    months += 0\n"
                "print(months + (1 if end.day == 30 and end.month == 9 else 0)\n```",
            ),
            run("Run it."),
            code(
                "The terminal shows a syntax error. Please fix the script.",
                "A missing parenthesis - and the special case was clumsy. Counting the loan as "
                "whole calendar months, May 2011 through September 2013:\n```python\n"
                "start, end = (2011, 5), (2013, 9)\n"
                "print((end[0] - start[0]) * 12 + end[1] - start[1] + 1)\n```",
            ),
            run("Run the fixed version."),
        ],
        "The figurehead was away on loan for 29 whole months (May 2011 to September 2013).",
    ),
    pages={f"{MUSEUM}/object/TMM.1954.17": _LOAN_OUT},
    note="near miss: a syntax error, fixed on the next turn",
)

_ARRIVALS = """month,arrivals
1911-01,14
1911-02,11
1911-03,19
1911-04,23
1911-05,31
1911-06,35
1911-07,34
1911-08,38
1911-09,27
1911-10,22
1911-11,15
1911-12,12
"""

BUSIEST = Case(
    "m1-harbour-busiest-quarter",
    HEALTHY,
    "Using monthly_arrivals_1911.csv, which quarter of 1911 was busiest at Kelsport harbour, "
    "and with how many arrivals?",
    Script(
        "1. GIVEN OR VERIFIED FACTS\n- Quarters: Jan-Mar, Apr-Jun, Jul-Sep, Oct-Dec.\n\n"
        "2. FACTS TO LOOK UP\n- Monthly arrivals.\n\n3. FACTS TO DERIVE\n- Quarterly sums.\n\n"
        "4. EDUCATED GUESSES\n- Summer.",
        "- FileSurfer: check the file.\n- Coder: quarterly totals; ComputerTerminal: run.",
        [
            files(
                "Open monthly_arrivals_1911.csv and check it covers all of 1911.",
                "monthly_arrivals_1911.csv",
                "It does: twelve rows, 1911-01 to 1911-12, arrivals per month (11 to 38).",
            ),
            code(
                "Sum arrivals per quarter and print the largest.",
                "```python\nimport csv\nfrom collections import defaultdict\nq = defaultdict(int)\n"
                "with open('monthly_arrivals_1911.csv') as fh:\n    for r in csv.DictReader(fh):\n"
                "        q[(int(r['month'][5:]) - 1) // 3 + 1] += int(r['arrivals'])\n"
                "print(dict(q), max(q, key=q.get))\n```",
            ),
            run("Run."),
        ],
        "The third quarter (July-September) was busiest, with 99 arrivals.",
    ),
    files={"monthly_arrivals_1911.csv": _ARRIVALS},
)

CASES = [
    FROSTS,
    RAIN,
    HEATWAVE,
    HARBOUR,
    WRECKS,
    DISPLAY,
    SUNSHINE,
    TONNES,
    ACQUISITIONS,
    FIGUREHEAD,
    BUSIEST,
]
