"""Archives family, part F: longer runs that use both surfers, the Coder and the terminal."""

from __future__ import annotations

from benchmarks.corpus._common import (
    BAD_ASSUMPTION,
    CODE_FAILURE,
    HEALTHY,
    WRONG_INPUT,
    WRONG_SOURCE,
)
from benchmarks.corpus._m1arc_team import FINAL, Case, Script, ask, code, do, files, run, web

GARDEN = "https://harlowbotanic.org"
LIB = "https://ashbylibraries.gov.uk"
OBS = "https://hallam-observatory.ac.uk/catalogue"

_CHAMPIONS = """Harlow Botanic Garden - Champion Trees register
Tree | Accession | Height (m) | Last measured
Sequoiadendron giganteum | 1863-0002 | 38.4 | 2019-06
Sequoia sempervirens | 1901-0017 | 34.8 | 2019-06
Cedrus libani | 1790-0001 | 27.1 | 2018-09"""
_OLD_ACCESSIONS = """accession,taxon,planted,source
1790-0001,Cedrus libani,1790-03-01,estate planting
1863-0002,Sequoiadendron giganteum,1863-11-20,Veitch nursery
1901-0017,Sequoia sempervirens,1901-04-02,exchange (Kew)
"""

GROWTH = Case(
    "m1-garden-sequoia-growth-rate",
    WRONG_INPUT,
    "Combine Harlow's champion trees register (harlowbotanic.org/trees/champions) with its "
    "accession file (old_accessions.csv): averaged over its life until its last measurement, "
    "how many centimetres per year has the giant sequoia grown in height? One decimal.",
    Script(
        "1. GIVEN OR VERIFIED FACTS\n- Two sources: the champions register (height, date "
        "measured) and old_accessions.csv (planting date).\n\n2. FACTS TO LOOK UP\n- Height and "
        "year last measured; year planted.\n\n3. FACTS TO DERIVE\n- height / (year measured - "
        "year planted), in cm per year.\n\n4. EDUCATED GUESSES\n- Planted in the 1850s-60s "
        "Wellingtonia craze.",
        "- WebSurfer: height and measurement date from the register.\n- FileSurfer: planting date "
        "from old_accessions.csv.\n- Coder: the rate; ComputerTerminal: run.\n- Answer in cm/yr.",
        [
            web(
                f"Please open {GARDEN}/trees/champions and give the giant sequoia's height, "
                "accession number and the date it was last measured.",
                f"{GARDEN}/trees/champions",
                "Giant sequoia (Sequoiadendron giganteum), accession 1863-0002: 38.4 m, last "
                "measured June 2021.",
            ),
            files(
                "Open old_accessions.csv and find the planting date of accession 1863-0002.",
                "old_accessions.csv",
                "Accession 1863-0002, Sequoiadendron giganteum, planted 20 November 1863 (from "
                "the Veitch nursery).",
            ),
            code(
                "Compute the mean height growth in cm per year: 38.4 m between planting in 1863 "
                "and measurement in 2021.",
                "Using whole years between planting and measurement:\n```python\n"
                "height_cm = 38.4 * 100\nyears = 2021 - 1863\n"
                "print(years, round(height_cm / years, 1))\n```",
            ),
            run("Run the calculation."),
        ],
        "Over the 158 years from planting (1863) to its last measurement (2021), Harlow's giant "
        "sequoia grew on average 24.3 cm per year.",
    ),
    pages={f"{GARDEN}/trees/champions": _CHAMPIONS},
    files={"old_accessions.csv": _OLD_ACCESSIONS},
    root=do(0),
    symptom=FINAL,
    note="last measured 2019-06, not 2021: 3840 / 156 = 24.6",
)

_PRESS = """Ashby Libraries - news, 14 March 2023
Library membership passes 31,000! Our latest count stands at 31,240 members, up 9% on 2021.
Join online or at any branch."""
_STATS = """measure,2023-12-31
registered members,30412
active members (borrowed in last 12 months),17885
e-library only members,2210
"""

MEMBERS = Case(
    "m1-library-members-per-thousand",
    WRONG_SOURCE,
    "How many registered library members per 1,000 residents did Ashby have at the end of 2023? "
    "The borough's population was 148,600. There is a news page (ashbylibraries.gov.uk/news) "
    "and a year-end statistics file (stats_2023.csv). One decimal.",
    Script(
        "1. GIVEN OR VERIFIED FACTS\n- Population 148,600.\n- At the end of 2023.\n\n"
        "2. FACTS TO LOOK UP\n- Registered members at year end.\n\n3. FACTS TO DERIVE\n"
        "- members / 148.6.\n\n4. EDUCATED GUESSES\n- ~200 per 1,000.",
        "- WebSurfer: the membership figure on the news page.\n- FileSurfer: the year-end "
        "statistics, to cross-check.\n- Coder + ComputerTerminal: the rate.",
        [
            web(
                f"Open {LIB}/news and find the library membership figure.",
                f"{LIB}/news",
                "The news page announces that membership has passed 31,000, with 31,240 members "
                "at the latest count.",
            ),
            files(
                "Please open stats_2023.csv and read the membership figures.",
                "stats_2023.csv",
                "stats_2023.csv, column 2023-12-31: registered members 30,412; active members "
                "17,885; e-library only members 2,210.",
            ),
            code(
                "Compute members per 1,000 residents with 31,240 members and a population of "
                "148,600, one decimal.",
                "```python\nmembers, population = 31_240, 148_600\n"
                "print(round(members / population * 1000, 1))\n```",
            ),
            run("Please run this."),
        ],
        "Ashby had about 210.2 library members per 1,000 residents at the end of 2023 (31,240 "
        "members, population 148,600).",
    ),
    pages={f"{LIB}/news": _PRESS},
    files={"stats_2023.csv": _STATS},
    root=ask(2),
    symptom=FINAL,
    note="the press figure is from March 2023; the year-end file says 30,412 (204.7)",
)

_ISSUES = """branch,week,issues,renewals
Central,1,1820,410
Central,2,1764,398
Northgate,1,902,
Northgate,2,948,175
Castle Rise,1,511,96
Castle Rise,2,,88
"""

RENEWALS = Case(
    "m1-library-renewal-rate",
    BAD_ASSUMPTION,
    "weekly_issues.csv has two weeks of issues and renewals per branch; two cells were not "
    "reported. Over the weeks that have both figures, what share of Northgate's transactions "
    "were renewals? Percentage, one decimal.",
    Script(
        "1. GIVEN OR VERIFIED FACTS\n- Northgate only; only weeks with both figures.\n\n"
        "2. FACTS TO LOOK UP\n- Northgate's weekly issues and renewals.\n\n3. FACTS TO DERIVE\n"
        "- renewals / (issues + renewals).\n\n4. EDUCATED GUESSES\n- 10-20%.",
        "- FileSurfer: describe the file and the missing cells.\n- Coder: compute the share; "
        "ComputerTerminal: run.",
        [
            files(
                "Open weekly_issues.csv and tell us which cells are missing.",
                "weekly_issues.csv",
                "Columns branch, week, issues, renewals. Two blanks: Northgate week 1 renewals "
                "and Castle Rise week 2 issues.",
            ),
            code(
                "Compute Northgate's renewal share as a percentage, one decimal.",
                "Blank cells were simply not reported, so I'll count them as zero:\n```python\n"
                "import csv\nissues = renewals = 0\nwith open('weekly_issues.csv') as fh:\n"
                "    for r in csv.DictReader(fh):\n        if r['branch'] == 'Northgate':\n"
                "            issues += int(r['issues'] or 0)\n"
                "            renewals += int(r['renewals'] or 0)\n"
                "print(f'{renewals / (issues + renewals) * 100:.1f}%')\n```",
            ),
            run("Run it."),
        ],
        "Renewals made up 8.6% of Northgate's transactions.",
    ),
    files={"weekly_issues.csv": _ISSUES},
    root=do(1),
    symptom=FINAL,
    note="the task keeps only weeks with both figures (week 2: 175 / 1123 = 15.6%)",
)

_TRANSITS = """TOI-270 d transit log (Hallam 0.6 m)
transit,mid_time_bjd
1,2459512.4411
2,2459523.8205
3,2459535.1996
4,2459546.5790"""

TRANSITS = Case(
    "m1-astro-transit-period-crash",
    CODE_FAILURE,
    f"From the transit log at {OBS}/transits/toi-270d, what orbital period in days (four "
    f"decimals) do consecutive transits give on average?",
    Script(
        "1. GIVEN OR VERIFIED FACTS\n- The transit log URL.\n\n2. FACTS TO LOOK UP\n"
        "- Mid-transit times.\n\n3. FACTS TO DERIVE\n- Mean interval between consecutive "
        "transits.\n\n4. EDUCATED GUESSES\n- About 11.38 days (published value).",
        "- WebSurfer: copy the mid-transit times.\n- Coder: mean difference; ComputerTerminal.",
        [
            web(
                f"Copy the mid-transit times from {OBS}/transits/toi-270d.",
                f"{OBS}/transits/toi-270d",
                "Four transits, mid-times (BJD): 2459512.4411, 2459523.8205, 2459535.1996, "
                "2459546.5790.",
            ),
            code(
                "Average interval between consecutive transits, four decimals.",
                "```python\nt = [2459512.4411, 2459523.8205, 2459535.1996, 2459546.5790]\n"
                "diffs = [b - a for a, b in zip(t, t[1:])]\n"
                "print(f'{statistics.fmean(diffs):.4f}')\n```\n"
                "This should print 11.3802.",
            ),
            run("Run the Coder's code."),
        ],
        "Consecutive transits of TOI-270 d are on average 11.3802 days apart.",
    ),
    pages={f"{OBS}/transits/toi-270d": _TRANSITS},
    root=do(1),
    symptom=FINAL,
    note="statistics was never imported; the Coder's predicted output became the answer "
    "(the mean interval is 11.3793)",
)

_CAT_2022 = "object,type,v_mag\nNGC 869,open cluster,5.3\nNGC 884,open cluster,6.1\n"
_CAT_2023 = (
    "object,type,v_mag\nNGC 869,open cluster,5.3\nNGC 884,open cluster,6.1\n"
    "NGC 7789,open cluster,6.7\nM103,open cluster,7.4\nNGC 457,open cluster,6.4\n"
)

OUTREACH = Case(
    "m1-astro-outreach-targets",
    WRONG_SOURCE,
    "The observatory's outreach target lists are in the working folder, one per year. How many "
    "open clusters on the 2023 list are brighter than magnitude 7?",
    Script(
        "1. GIVEN OR VERIFIED FACTS\n- The 2023 list; open clusters; v_mag below 7.\n\n"
        "2. FACTS TO LOOK UP\n- The 2023 list's objects.\n\n3. FACTS TO DERIVE\n- The count.\n\n"
        "4. EDUCATED GUESSES\n- A handful.",
        "- FileSurfer: open the 2023 target list.\n- Coder: count; ComputerTerminal: run.",
        [
            files(
                "Please open the 2023 outreach target list and list its objects.",
                "outreach_targets_2022.csv",
                "The outreach list has two open clusters: NGC 869 (5.3) and NGC 884 (6.1), the "
                "Double Cluster in Perseus.",
            ),
            code(
                "Count the open clusters brighter than magnitude 7 in that list.",
                "```python\nclusters = {'NGC 869': 5.3, 'NGC 884': 6.1}\n"
                "print(sum(1 for m in clusters.values() if m < 7))\n```",
            ),
            run("Go ahead."),
        ],
        "Both open clusters on the 2023 outreach list are brighter than magnitude 7: 2.",
    ),
    files={"outreach_targets_2022.csv": _CAT_2022, "outreach_targets_2023.csv": _CAT_2023},
    root=do(0),
    symptom=FINAL,
    note="the surfer opened the 2022 list; the 2023 list has 4 (NGC 869, 884, 7789, 457)",
)

_BLOOM = """year,first_bloom
2019,2019-03-28
2020,2020-03-21
2021,2021-04-06
2022,2022-03-25
2023,2023-03-30
"""
_MAGNOLIA = """Magnolia campbellii at Harlow
Planted 1932. Our records of its first open flower each spring are kept in the garden's
phenology file (magnolia_bloom.csv in the records office). Typical first bloom: late March."""

MAGNOLIA = Case(
    "m1-garden-magnolia-bloom-mean",
    HEALTHY,
    f"On average, on which day of the year did Harlow's Magnolia campbellii first bloom in "
    f"2019-2023? See {GARDEN}/plants/magnolia-campbellii for where the records are kept. Give "
    f"the day number (1 January = 1), rounded.",
    Script(
        "1. GIVEN OR VERIFIED FACTS\n- Years 2019-2023.\n- Day of year, 1 Jan = 1.\n\n"
        "2. FACTS TO LOOK UP\n- First bloom dates (location given on the plant page).\n\n"
        "3. FACTS TO DERIVE\n- Mean day of year.\n\n4. EDUCATED GUESSES\n- Around day 85.",
        "- WebSurfer: read the plant page to find the records.\n- FileSurfer: open the records.\n"
        "- Coder: mean day of year; ComputerTerminal: run.",
        [
            web(
                f"Open {GARDEN}/plants/magnolia-campbellii and tell me where the bloom records "
                "are.",
                f"{GARDEN}/plants/magnolia-campbellii",
                "The page says first-bloom records are kept in the phenology file "
                "magnolia_bloom.csv; the tree was planted in 1932 and usually opens in late March.",
            ),
            files(
                "Open magnolia_bloom.csv and list the first bloom dates for 2019-2023.",
                "magnolia_bloom.csv",
                "First blooms: 28 Mar 2019, 21 Mar 2020, 6 Apr 2021, 25 Mar 2022, 30 Mar 2023.",
            ),
            code(
                "Compute the mean day of year of those dates, rounded.",
                "Day of year via timetuple (2020 is a leap year, which this handles):\n"
                "```python\nimport csv\nfrom datetime import date\n"
                "with open('magnolia_bloom.csv') as fh:\n"
                "    days = [date.fromisoformat(r['first_bloom']).timetuple().tm_yday\n"
                "            for r in csv.DictReader(fh)]\n"
                "print(days, round(sum(days) / len(days)))\n"
                "```",
            ),
            run("Run."),
        ],
        "Day 87 of the year on average (the individual years were days 87, 81, 96, 84 and 89).",
    ),
    pages={f"{GARDEN}/plants/magnolia-campbellii": _MAGNOLIA},
    files={"magnolia_bloom.csv": _BLOOM},
)

_LEAGUE_ATT = """Attendance 2022-23 (home matches)
Cambridge City 9 matches, 3,412 spectators
Ely Wanderers 9 matches, 2,876 spectators
March Town 9 matches, 1,904 spectators"""

ATTENDANCE = Case(
    "m1-league-attendance-checked",
    HEALTHY,
    "Which club had the highest average home attendance in the Fenland Hockey League in "
    "2022-23, and what was it (nearest whole spectator)? Source: "
    "fenlandhockey.org.uk/attendance/2022-23.",
    Script(
        "1. GIVEN OR VERIFIED FACTS\n- Season 2022-23, home matches.\n\n2. FACTS TO LOOK UP\n"
        "- Home matches and total spectators per club.\n\n3. FACTS TO DERIVE\n- Averages, the "
        "maximum.\n\n4. EDUCATED GUESSES\n- Cambridge City.",
        "- WebSurfer: copy the attendance table.\n- Coder: averages; ComputerTerminal: run.",
        [
            web(
                "Copy the 2022-23 attendance table from "
                "https://fenlandhockey.org.uk/attendance/2022-23.",
                "https://fenlandhockey.org.uk/attendance/2022-23",
                "Home attendance 2022-23: Cambridge City 3,412 over 9 matches; Ely Wanderers "
                "2,876 over 9; March Town 1,904 over 9.",
            ),
            code(
                "Compute each club's average home attendance and report the highest.",
                "```python\natt = {'Cambridge City': 3412, 'Ely Wanderers': 2876, "
                "'March Town': 1904}\nbest = max(att, key=att.get)\nprint(best, att[best])\n```",
            ),
            run("Run it."),
            code(
                "That printed the season total, not the average per match. Please divide by "
                "the 9 home matches.",
                "Right, I left out the division:\n```python\n"
                "att = {'Cambridge City': 3412, 'Ely Wanderers': 2876, 'March Town': 1904}\n"
                "avg = {club: total / 9 for club, total in att.items()}\n"
                "best = max(avg, key=avg.get)\nprint(best, round(avg[best]))\n```",
            ),
            run("Run the corrected code."),
        ],
        "Cambridge City, with an average home attendance of 379.",
    ),
    pages={"https://fenlandhockey.org.uk/attendance/2022-23": _LEAGUE_ATT},
    note="near miss: the first code printed the total; the orchestrator caught it",
)

_ROSTER = """Ashby Park station - instrument log
2019-05-02 raingauge replaced (Casella 5-inch)
2021-09-14 thermometer screen repainted
2023-01-10 automatic station installed; manual readings end 2023-01-31"""
_MANUAL = "year,manual_days\n2021,365\n2022,361\n2023,31\n"

MANUAL_DAYS = Case(
    "m1-weather-manual-readings",
    HEALTHY,
    "How many days of manual readings did Ashby Park record in 2021-2023 in total? The station's "
    "instrument log (ashby-weather.org.uk/park/instruments) and manual_days.csv may disagree; "
    "trust the log for when manual readings ended.",
    Script(
        "1. GIVEN OR VERIFIED FACTS\n- Years 2021-2023; the log decides when manual readings "
        "ended.\n\n2. FACTS TO LOOK UP\n- Days per year (file); the end date (log).\n\n"
        "3. FACTS TO DERIVE\n- Total days.\n\n4. EDUCATED GUESSES\n- About 750.",
        "- FileSurfer: manual days per year.\n- WebSurfer: the log's end date for manual "
        "readings.\n- Coder: total; ComputerTerminal: run.",
        [
            files(
                "Open manual_days.csv and list the manual reading days per year.",
                "manual_days.csv",
                "2021: 365 days, 2022: 361, 2023: 31.",
            ),
            web(
                "Open https://ashby-weather.org.uk/park/instruments and check when manual "
                "readings ended.",
                "https://ashby-weather.org.uk/park/instruments",
                "An automatic station was installed on 10 Jan 2023 and manual readings ended on "
                "31 Jan 2023, so 31 days in 2023 matches the file.",
            ),
            code(
                "Sum 365, 361 and 31.",
                "```python\nprint(365 + 361 + 31)\n```",
            ),
            run("Run it please."),
        ],
        "757 days of manual readings (365 in 2021, 361 in 2022, 31 in 2023).",
    ),
    pages={"https://ashby-weather.org.uk/park/instruments": _ROSTER},
    files={"manual_days.csv": _MANUAL},
)

CASES = [GROWTH, MEMBERS, RENEWALS, TRANSITS, OUTREACH, MAGNOLIA, ATTENDANCE, MANUAL_DAYS]
