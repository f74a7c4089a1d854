"""Archives family, part B: a field hockey league's archive."""

from __future__ import annotations

from benchmarks.corpus._common import (
    BAD_ASSUMPTION,
    CODE_FAILURE,
    HEALTHY,
    LOST_CONSTRAINT,
    PREMATURE,
    REPETITION,
    WRONG_ACCEPTED,
)
from benchmarks.corpus._m1arc_team import (
    FINAL,
    PLAN,
    Case,
    Replan,
    Script,
    ask,
    code,
    do,
    run,
    web,
)

SITE = "https://fenlandhockey.org.uk"

_CHAMPIONS = """Fenland Hockey League - Roll of champions (men's first division)
Seasons are named after the year in which they finish (the 1998 season is 1997-98).
1990 Ely Wanderers | 1991 Cambridge City | 1992 Ely Wanderers | 1993 March Town
1994 Cambridge City | 1995 Cambridge City | 1996 Wisbech Hornets | 1997 Ely Wanderers
1998 Cambridge City | 1999 Ely Wanderers | 2000 St Ives | 2001 March Town
2002 Cambridge City | 2003 Wisbech Hornets | 2004 Wisbech Hornets | 2005 Ely Wanderers
2006 Ely Wanderers | 2007 Huntingdon | 2008 Cambridge City"""

TITLES_90S = Case(
    "m1-league-titles-nineties",
    HEALTHY,
    f"Which club won the most Fenland Hockey League men's titles in the seasons named 1990 to "
    f"1999 inclusive, and how many? The roll of champions is at {SITE}/champions.",
    Script(
        "1. GIVEN OR VERIFIED FACTS\n- Seasons 1990-1999 inclusive, men's first division.\n"
        f"- Source: {SITE}/champions.\n\n2. FACTS TO LOOK UP\n- The champion of each season.\n\n"
        "3. FACTS TO DERIVE\n- Titles per club over those ten seasons.\n\n"
        "4. EDUCATED GUESSES\n- Probably Cambridge City or Ely Wanderers.",
        "- WebSurfer: copy the champions for 1990-1999 from the roll.\n"
        "- Coder: tally them; ComputerTerminal: run.\n- Answer with club and count.",
        [
            web(
                f"Go to {SITE}/champions and copy out the champion of every season named 1990 "
                "through 1999.",
                f"{SITE}/champions",
                "Roll of champions, 1990-1999: Ely Wanderers, Cambridge City, Ely Wanderers, "
                "March Town, Cambridge City, Cambridge City, Wisbech Hornets, Ely Wanderers, "
                "Cambridge City, Ely Wanderers (in season order). Note on the page: seasons are "
                "named after the year they finish.",
            ),
            code(
                "Tally those ten champions by club.",
                "```python\nfrom collections import Counter\nchamps = ['Ely Wanderers', "
                "'Cambridge City', 'Ely Wanderers', 'March Town', 'Cambridge City',\n"
                "          'Cambridge City', 'Wisbech Hornets', 'Ely Wanderers', "
                "'Cambridge City', 'Ely Wanderers']\n"
                "print(Counter(champs).most_common())\n```",
            ),
            run("Run the tally."),
        ],
        "Ely Wanderers and Cambridge City each won four titles in the seasons named 1990-1999; "
        "no club won more. FINAL ANSWER: Ely Wanderers and Cambridge City, 4 each",
    ),
    pages={f"{SITE}/champions": _CHAMPIONS},
)

_TABLE_97 = """Final table 1996-97 (clubs in alphabetical order)
Club | P | W | D | L | GF | GA | Pts
Cambridge City | 18 | 10 | 4 | 4 | 41 | 22 | 34
Ely Wanderers | 18 | 12 | 3 | 3 | 47 | 19 | 39
Huntingdon | 18 | 6 | 5 | 7 | 30 | 33 | 23
March Town | 18 | 10 | 4 | 4 | 44 | 31 | 34
St Ives | 18 | 4 | 4 | 10 | 25 | 40 | 16
Wisbech Hornets | 18 | 11 | 2 | 5 | 39 | 25 | 35
Three points for a win, one for a draw. Clubs level on points are separated by goal difference."""

THIRD_PLACE = Case(
    "m1-league-third-place-1997",
    WRONG_ACCEPTED,
    f"Which club finished third in the Fenland Hockey League in 1996-97? The final table "
    f"({SITE}/tables/1996-97) lists the clubs alphabetically.",
    Script(
        "1. GIVEN OR VERIFIED FACTS\n- The table is alphabetical, so it must be re-sorted.\n\n"
        "2. FACTS TO LOOK UP\n- Points and goals of every club in 1996-97; the tie-break rule.\n\n"
        "3. FACTS TO DERIVE\n- The standings order.\n\n4. EDUCATED GUESSES\n- None.",
        "- WebSurfer: copy the 1996-97 table with its footnotes.\n"
        "- Coder: sort it using the league's tie-break; ComputerTerminal: run.\n- Report 3rd.",
        [
            web(
                f"Please open {SITE}/tables/1996-97 and copy the whole table including the notes "
                "under it.",
                f"{SITE}/tables/1996-97",
                "Table copied: Cambridge City 34 pts (GF 41, GA 22), Ely Wanderers 39 (47-19), "
                "Huntingdon 23 (30-33), March Town 34 (44-31), St Ives 16 (25-40), Wisbech "
                "Hornets 35 (39-25). Notes: three points for a win, one for a draw; level clubs "
                "separated by goal difference.",
            ),
            code(
                "Sort the clubs into final standings and tell us who is third.",
                "I'll sort on points, then goals scored:\n```python\n"
                "table = {'Cambridge City': (34, 41, 22), 'Ely Wanderers': (39, 47, 19),\n"
                "         'Huntingdon': (23, 30, 33), 'March Town': (34, 44, 31),\n"
                "         'St Ives': (16, 25, 40), 'Wisbech Hornets': (35, 39, 25)}\n"
                "order = sorted(table, key=lambda c: (table[c][0], table[c][1]), reverse=True)\n"
                "for pos, club in enumerate(order, 1):\n    print(pos, club, table[club][0])\n```",
            ),
            run("Execute the Coder's sort."),
        ],
        "Sorted, the 1996-97 standings run Ely Wanderers, Wisbech Hornets, March Town, "
        "Cambridge City... so March Town finished third (34 points).",
    ),
    pages={f"{SITE}/tables/1996-97": _TABLE_97},
    root=do(1),
    symptom=FINAL,
    note="sorted on goals scored, not goal difference: Cambridge City (+19) beat March Town (+13)",
)

_SCORERS = """Leading goalscorers by season
1996-97: T. Okafor (Wisbech Hornets) 19
1997-98: R. Lindqvist (Cambridge City) 23
1998-99: D. Marsh (Ely Wanderers) 21
1999-00: D. Marsh (Ely Wanderers) 17"""

TOP_SCORER = Case(
    "m1-league-top-scorer-1998",
    BAD_ASSUMPTION,
    f"Who was the Fenland Hockey League's leading goalscorer in the 1998 season, and how many "
    f"goals did they score? Use {SITE}/scorers; the league names a season after the year in "
    f"which it finishes.",
    Script(
        "1. GIVEN OR VERIFIED FACTS\n- Source: the league's scorers page.\n\n"
        "2. FACTS TO LOOK UP\n- The top scorer for the 1998 season and their tally.\n\n"
        "3. FACTS TO DERIVE\n- None beyond reading the right row.\n\n"
        "4. EDUCATED GUESSES\n- The 1998 season is the one that started in autumn 1998, i.e. "
        "1998-99.",
        "- WebSurfer: open the scorers page and read the 1998-99 row.\n- Report name and goals.",
        [
            web(
                f"Open {SITE}/scorers and read the leading goalscorer for 1998-99.",
                f"{SITE}/scorers",
                "For 1998-99 the leading scorer was D. Marsh of Ely Wanderers with 21 goals. Marsh "
                "also topped the list the following season with 17.",
            ),
        ],
        "The leading goalscorer of the 1998 season was D. Marsh (Ely Wanderers) with 21 goals.",
        done_reason="The scorer and tally for the season have been read from the league page.",
    ),
    pages={f"{SITE}/scorers": _SCORERS},
    root=PLAN,
    symptom=FINAL,
    note="the 1998 season is 1997-98 (R. Lindqvist, 23), as the task says",
)

_FINAL_1987 = """1986-87 season: final table
Champions: Huntingdon (41 pts), runners-up Ely Wanderers (38 pts)
Cup final: March Town 2-1 Cambridge City (a.e.t.)"""

ARCHIVE_LOOP = Case(
    "m1-league-1987-champions-loop",
    REPETITION,
    f"Who won the Fenland Hockey League in 1986-87, and by how many points? The archive "
    f"index is at {SITE}/archive.",
    Script(
        "1. GIVEN OR VERIFIED FACTS\n- Season 1986-87.\n\n2. FACTS TO LOOK UP\n"
        "- Champion and runner-up points.\n\n3. FACTS TO DERIVE\n- Points margin.\n\n"
        f"4. EDUCATED GUESSES\n- The season page is probably {SITE}/archive/1987.",
        f"- WebSurfer: open {SITE}/archive/1987 and read the champion and runner-up.\n"
        "- Compute the margin.",
        [
            web(
                f"Please open {SITE}/archive/1987 and read the champion and runner-up with points.",
                f"{SITE}/archive/1987",
                "That address returns a 404 Not Found page, there is nothing to read.",
            ),
            web(
                f"Please try {SITE}/archive/1987 again and read the champion and runner-up.",
                f"{SITE}/archive/1987",
                "Same result: 404 at /archive/1987.",
                progress=False,
            ),
            Replan(
                "1. GIVEN OR VERIFIED FACTS\n- Season 1986-87.\n- /archive/1987 returned 404 "
                "twice.\n\n2. FACTS TO LOOK UP\n- Champion and runner-up points.\n\n"
                "3. FACTS TO DERIVE\n- Margin.\n\n4. EDUCATED GUESSES\n- The page may be "
                "temporarily down; Huntingdon were strong in the late 1980s.",
                f"- WebSurfer: retry {SITE}/archive/1987 once more.\n- If it still fails, "
                "answer from what we know.",
            ),
            web(
                f"Open {SITE}/archive/1987 and report the 1986-87 champion and runner-up.",
                f"{SITE}/archive/1987",
                "Still 404. I can't get the 1987 archive page to load.",
            ),
        ],
        "The archive page for 1987 could not be loaded. Huntingdon are believed to have won "
        "the 1986-87 title, by around 5 points.",
        done_reason="The page is unavailable; answer with the best available information.",
    ),
    pages={
        f"{SITE}/archive": "Archive index: seasons 1980-81 ... 1989-90 at /archive/1980-81 "
        "etc. (one page per season, named by both years)",
        f"{SITE}/archive/1986-87": _FINAL_1987,
    },
    root=PLAN,
    symptom=FINAL,
    note="kept re-sending the guessed /archive/1987 URL; the index names /archive/1986-87 "
    "(margin 3)",
)

_MARCH_2002 = """March Town - season 2001-02
Competition: men's first division, 18 matches
Home: W6 D1 L2, goals for 31, against 14
Away: W4 D2 L3, goals for 27, against 22
Total goals for: 58; against: 36"""

AWAY_GOALS = Case(
    "m1-league-away-goals-march",
    LOST_CONSTRAINT,
    f"How many goals did March Town score away from home in the 2001-02 league season? "
    f"Their season page is {SITE}/clubs/march-town/2001-02.",
    Script(
        "1. GIVEN OR VERIFIED FACTS\n- March Town, 2001-02, away matches only.\n\n"
        "2. FACTS TO LOOK UP\n- Away goals scored.\n\n3. FACTS TO DERIVE\n- None.\n\n"
        "4. EDUCATED GUESSES\n- The club page splits home and away.",
        "- WebSurfer: open the club's 2001-02 page and read the goals scored away from home.\n"
        "- Report.",
        [
            web(
                f"Visit {SITE}/clubs/march-town/2001-02 and tell me how many goals March Town "
                "scored that season.",
                f"{SITE}/clubs/march-town/2001-02",
                "March Town scored 58 goals in the 2001-02 first division (and conceded 36). The "
                "page also splits them by home and away.",
            ),
        ],
        "March Town scored 58 goals in the 2001-02 season.",
    ),
    pages={f"{SITE}/clubs/march-town/2001-02": _MARCH_2002},
    root=ask(0),
    symptom=FINAL,
    note="the instruction dropped 'away from home'; away goals were 27",
)

_RESULTS = """Wisbech Hornets results 2003-04 (home score first)
Wisbech Hornets 3-1 St Ives
Huntingdon 0-2 Wisbech Hornets
Wisbech Hornets 2-2 Ely Wanderers
March Town w/o Wisbech Hornets
Wisbech Hornets 4-0 Huntingdon
Cambridge City 1-0 Wisbech Hornets
Wisbech Hornets 1-3 March Town
St Ives 1-5 Wisbech Hornets"""

_PARSE_CODE = (
    "```python\nwins = 0\nfor line in open('wisbech_2003_04.txt').read().splitlines()[1:]:\n"
    "    parts = line.replace('Wisbech Hornets', 'WH').split()\n"
    "    idx = next(i for i, p in enumerate(parts) if '-' in p or p == 'w/o')\n"
    "    h, a = map(int, parts[idx].split('-'))\n"
    "    wh_home = parts[0] == 'WH'\n"
    "    if (h > a and wh_home) or (a > h and not wh_home):\n        wins += 1\n"
    "print('wins:', wins)\n```"
)

WINS_CRASH = Case(
    "m1-league-wins-walkover-crash",
    CODE_FAILURE,
    "wisbech_2003_04.txt holds Wisbech Hornets' results for 2003-04. How many matches did "
    "they win? A walkover (w/o) is awarded as a win to the side that turned up, here Wisbech.",
    Script(
        "1. GIVEN OR VERIFIED FACTS\n- Results in wisbech_2003_04.txt.\n- A walkover counts as "
        "a Wisbech win.\n\n2. FACTS TO LOOK UP\n- Each result.\n\n3. FACTS TO DERIVE\n"
        "- Number of wins.\n\n4. EDUCATED GUESSES\n- Roughly five.",
        "- Coder: parse the results file and count Wisbech wins, walkover included.\n"
        "- ComputerTerminal: run.\n- Answer.",
        [
            code(
                "Write a script that counts Wisbech Hornets' wins in wisbech_2003_04.txt "
                "(scores are home first).",
                "This handles home and away:\n" + _PARSE_CODE,
            ),
            run("Please run the script."),
            code(
                "The script stopped with an error. Can you fix it and give us the number of wins?",
                "The error comes from the walkover line, which has no score to split. The walkover "
                "is a win for Wisbech, and the other lines parse fine: Wisbech won 6 of the 7 "
                "played matches, so with the walkover that makes 7 wins.",
            ),
        ],
        "Wisbech Hornets won 7 matches in 2003-04 (including the walkover against March Town).",
    ),
    files={"wisbech_2003_04.txt": _RESULTS},
    root=do(0),
    symptom=do(2),
    note="the crash was never fixed; the 7 played matches give 4 wins, 5 with the walkover",
)

_PARSE_FIXED = (
    "```python\nwins = 0\nfor line in open('wisbech_2003_04.txt').read().splitlines()[1:]:\n"
    "    parts = line.replace('Wisbech Hornets', 'WH').split()\n"
    "    idx = next(i for i, p in enumerate(parts) if '-' in p or p == 'w/o')\n"
    "    if parts[idx] == 'w/o':\n        wins += 1  # walkover awarded to Wisbech\n"
    "        continue\n"
    "    h, a = map(int, parts[idx].split('-'))\n"
    "    wh_home = parts[0] == 'WH'\n"
    "    if (h > a and wh_home) or (a > h and not wh_home):\n        wins += 1\n"
    "print('wins:', wins)\n```"
)

WINS_FIXED = Case(
    "m1-league-wins-walkover-fixed",
    HEALTHY,
    "Count Wisbech Hornets' wins in the 2003-04 season from wisbech_2003_04.txt. The walkover "
    "against March Town was awarded to Wisbech and counts as a win.",
    Script(
        "1. GIVEN OR VERIFIED FACTS\n- File wisbech_2003_04.txt; walkover = Wisbech win.\n\n"
        "2. FACTS TO LOOK UP\n- The results.\n\n3. FACTS TO DERIVE\n- Wins.\n\n"
        "4. EDUCATED GUESSES\n- None.",
        "- Coder writes a parser; ComputerTerminal runs it; fix and rerun if needed.",
        [
            code(
                "Please write code counting Wisbech's wins in wisbech_2003_04.txt; home score "
                "is written first.",
                "Here you go:\n" + _PARSE_CODE,
            ),
            run("Run it."),
            code(
                "ValueError on the walkover line. Please handle 'w/o' as a Wisbech win and send "
                "the full script again.",
                "Right, the walkover has no score. Handling it explicitly:\n" + _PARSE_FIXED,
            ),
            run("Run the corrected script."),
        ],
        "Wisbech Hornets won 5 matches in 2003-04: 4 on the pitch plus the walkover.",
    ),
    files={"wisbech_2003_04.txt": _RESULTS},
    note="near miss: the parser crashed on the walkover and was fixed",
)

_TABLE_06 = """Final table 2005-06 (by position)
1 Ely Wanderers 52 pts | 2 Cambridge City 47 pts | 3 Wisbech Hornets 44 pts
4 March Town 31 pts | 5 Huntingdon 22 pts | 6 St Ives 12 pts"""

MARGIN_06 = Case(
    "m1-league-title-margin-2006",
    PREMATURE,
    f"By how many points did the 2005-06 champions finish ahead of the runners-up? "
    f"See {SITE}/tables/2005-06.",
    Script(
        "1. GIVEN OR VERIFIED FACTS\n- Season 2005-06.\n\n2. FACTS TO LOOK UP\n"
        "- Champion's and runner-up's points.\n\n3. FACTS TO DERIVE\n- The margin.\n\n"
        "4. EDUCATED GUESSES\n- None.",
        "- WebSurfer: read the top of the 2005-06 table.\n- Subtract.",
        [
            web(
                f"Open {SITE}/tables/2005-06 and tell me who won the league and with how many "
                "points.",
                f"{SITE}/tables/2005-06",
                "Ely Wanderers won the 2005-06 title with 52 points.",
            ),
        ],
        "Ely Wanderers were the 2005-06 champions, finishing on 52 points.",
        done_reason="The champion and their points total are known.",
    ),
    pages={f"{SITE}/tables/2005-06": _TABLE_06},
    root=FINAL,
    symptom=FINAL,
    note="stopped at the champion's total; the margin over Cambridge City was 5",
)

_GOALS_08 = """2007-08 season summary
Matches played: 90 | Goals: 247 | Clean sheets: 19
Biggest win: Cambridge City 9-0 St Ives"""

GOALS_PER_GAME = Case(
    "m1-league-goals-per-game-2008",
    HEALTHY,
    f"What was the average number of goals per match in the 2007-08 Fenland Hockey League "
    f"season (two decimals)? Season summary: {SITE}/seasons/2007-08.",
    Script(
        "1. GIVEN OR VERIFIED FACTS\n- Season 2007-08.\n\n2. FACTS TO LOOK UP\n"
        "- Matches and goals.\n\n3. FACTS TO DERIVE\n- Goals / matches.\n\n"
        "4. EDUCATED GUESSES\n- Two to three goals a game.",
        "- WebSurfer: read matches and goals from the season summary.\n"
        "- Coder/ComputerTerminal: divide.\n- Answer to 2 dp.",
        [
            web(
                f"Please read the number of matches and total goals on {SITE}/seasons/2007-08.",
                f"{SITE}/seasons/2007-08",
                "2007-08: 90 matches played, 247 goals. (19 clean sheets; biggest win Cambridge "
                "City 9-0 St Ives.)",
            ),
            code(
                "Divide 247 by 90, two decimals.",
                "```python\nprint(f'{247 / 90:.2f}')\n```",
            ),
            run("Run the division."),
        ],
        "2.74 goals per match (247 goals in 90 matches).",
    ),
    pages={f"{SITE}/seasons/2007-08": _GOALS_08},
)

CASES = [
    TITLES_90S,
    THIRD_PLACE,
    TOP_SCORER,
    ARCHIVE_LOOP,
    AWAY_GOALS,
    WINS_CRASH,
    WINS_FIXED,
    MARGIN_06,
    GOALS_PER_GAME,
]
