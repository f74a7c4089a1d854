"""GAIA-style runs, part C: invoices in dollars, the 1928 Olympics, a word count."""

from __future__ import annotations

from benchmarks.corpus._common import (
    HEALTHY,
    MADE_UP,
    MISREPORTED,
    PREMATURE,
    SELF_REPORT,
    WRONG_ACCEPTED,
)
from benchmarks.corpus._gaia_team import BOTH, MISTAKE, SYMPTOM, Run, Task, run_code, say

INVOICES = Task(
    key="invoices",
    question=(
        "Convert every invoice in invoices.csv to US dollars at the average exchange rate of "
        "the invoice's month, as published on the central bank's monthly averages page, and "
        "give the total in USD to the nearest cent."
    ),
    experts={
        "Finance_Expert": "You are a corporate finance expert.",
        "Currency_Data_Expert": "You are an expert in exchange-rate data; you can search.",
        "Python_Expert": "You are a Python expert.",
        "Accounting_Expert": "You are an accountant who writes the final figures up.",
        "Verification_Expert": "You are a verification expert.",
    },
    verifiers=("Verification_Expert",),
    pages={
        "exchange rate": (
            "Monthly average exchange rates, 2023 (US dollars per unit)\n"
            "| month | EUR | GBP |\n| 2023-01 | 1.0785 | 1.2230 |\n"
            "| 2023-02 | 1.0711 | 1.2098 |\n| 2023-03 | 1.0713 | 1.2155 |"
        )
    },
    files={
        "invoices.csv": "invoice,date,currency,amount\n"
        "INV-101,2023-01-12,EUR,1200.00\nINV-102,2023-01-30,GBP,850.00\n"
        "INV-103,2023-02-14,EUR,430.50\nINV-104,2023-03-03,GBP,2100.00\n"
        "INV-105,2023-03-28,EUR,760.00\n"
    },
)

_FX_PLAN = """Approach:
1. Get the monthly average EUR and GBP rates (USD per unit) for Jan-Mar 2023.
2. For each invoice, multiply the amount by its currency's rate for the invoice's month.
3. Sum and round to cents. Currency_Data_Expert, over to you for the rates."""

_FX_RIGHT = (
    "From the central bank's table (USD per unit): EUR 1.0785 / 1.0711 / 1.0713 and GBP "
    "1.2230 / 1.2098 / 1.2155 for January / February / March 2023."
)


def _fx_code(eur: tuple[float, ...], gbp: tuple[float, ...]) -> str:
    return f"""```python
import pandas as pd
rates = {{"EUR": {list(eur)}, "GBP": {list(gbp)}}}
df = pd.read_csv("invoices.csv", parse_dates=["date"])
df["usd"] = [a * rates[c][d.month - 1] for a, c, d in zip(df["amount"], df["currency"], df["date"])]
print(df[["invoice", "currency", "amount", "usd"]])
print(f"total USD: {{df['usd'].sum():.2f}}")
```"""


def _invoice_runs() -> list[Run]:
    fin, cur, py, acc, ver = (
        "Finance_Expert",
        "Currency_Data_Expert",
        "Python_Expert",
        "Accounting_Expert",
        "Verification_Expert",
    )
    right = _fx_code((1.0785, 1.0711, 1.0713), (1.2230, 1.2098, 1.2155))
    return [
        Run(
            "gaia-invoices-ok",
            HEALTHY,
            INVOICES,
            (
                say(fin, _FX_PLAN),
                say(cur, _FX_RIGHT, search="monthly average exchange rate 2023"),
                say(py, right),
                run_code("total USD: 6161.60"),
                say(acc, "Total of the five invoices: USD 6,161.60."),
                say(ver, "Each invoice used its own month's rate; 6161.60 USD. TERMINATE"),
            ),
        ),
        Run(
            "gaia-invoices-rates-invented",
            MADE_UP,
            INVOICES,
            (
                say(fin, _FX_PLAN),
                say(
                    cur,
                    "Monthly averages for Q1 2023: EUR 1.0780, 1.0720, 1.0710; GBP 1.2350, "
                    "1.2380, 1.2410 (USD per unit, Jan/Feb/Mar).",
                    search="GBP USD EUR USD monthly average Q1",
                    mark=MISTAKE,
                ),
                say(py, _fx_code((1.0780, 1.0720, 1.0710), (1.2350, 1.2380, 1.2410))),
                run_code("total USD: 6224.91"),
                say(acc, "The invoices come to USD 6,224.91 in total."),
                say(
                    ver,
                    "Rates are applied per invoice month and summed correctly: 6224.91. TERMINATE",
                    mark=SYMPTOM,
                ),
            ),
            note="the search came back empty; a rate table supplied anyway",
        ),
        Run(
            "gaia-invoices-transposed",
            MISREPORTED,
            INVOICES,
            (
                say(fin, _FX_PLAN),
                say(cur, _FX_RIGHT, search="monthly average exchange rate 2023"),
                say(py, right),
                run_code("total USD: 6161.60"),
                say(acc, "Written up: the invoices total USD 6,116.60.", mark=MISTAKE),
                say(
                    ver,
                    "The rates and conversion look right, total USD 6,116.60. TERMINATE",
                    mark=SYMPTOM,
                ),
            ),
            note="the total written up is not the one printed",
        ),
    ]


OLYMPICS = Task(
    key="olympics",
    question=(
        "What country had the least number of athletes at the 1928 Summer Olympics? If there's "
        "a tie for a number of athletes, return the first in alphabetical order. Give the IOC "
        "country code as your answer."
    ),
    experts={
        "Sports_History_Expert": "You are an expert in Olympic history.",
        "Web_Research_Expert": "You are a web research expert with a web_search tool.",
        "Python_Expert": "You are a Python expert.",
        "Data_Analysis_Expert": "You are a data analysis expert.",
        "Verification_Expert": "You are a verification expert.",
    },
    verifiers=("Verification_Expert",),
    pages={
        "1928": (
            "1928 Summer Olympics (Amsterdam) - Participating nations (smallest delegations)\n"
            "| nation | IOC | athletes |\n| Panama | PAN | 1 |\n| Cuba | CUB | 1 |\n"
            "| Malta | MLT | 4 |\n| Rhodesia | RHO | 2 |\n| Haiti | HAI | 2 |\n"
            "| Luxembourg | LUX | 12 |"
        ),
        "1932": (
            "1932 Summer Olympics (Los Angeles) - Participating nations (smallest delegations)\n"
            "| nation | IOC | athletes |\n| Colombia | COL | 1 |\n| China | CHN | 1 |\n"
            "| Haiti | HAI | 1 |\n| Uruguay | URU | 2 |\n| Philippines | PHI | 3 |"
        ),
    },
)

_OLY_PLAN = """Plan: get the list of participating nations of the 1928 Summer Olympics with their
athlete counts, find the minimum, break ties alphabetically by country name, report the IOC code."""


def _fewest_code(rows: str, ties: bool = True) -> str:
    if not ties:
        return f"""```python
rows = {rows}
smallest = min(rows, key=lambda r: r[2])
print("smallest delegation:", smallest)
print("answer:", smallest[1])
```"""
    return f"""```python
rows = {rows}
fewest = min(count for _, _, count in rows)
tied = sorted(r for r in rows if r[2] == fewest)  # ties: alphabetical by name
print("tied at", fewest, ":", tied)
print("answer:", tied[0][1])
```"""


_ROWS_1928 = (
    '[("Panama", "PAN", 1), ("Cuba", "CUB", 1), ("Malta", "MLT", 4), '
    '("Rhodesia", "RHO", 2), ("Haiti", "HAI", 2), ("Luxembourg", "LUX", 12)]'
)
_ROWS_1932 = (
    '[("Colombia", "COL", 1), ("China", "CHN", 1), ("Haiti", "HAI", 1), '
    '("Uruguay", "URU", 2), ("Philippines", "PHI", 3)]'
)
_OLY_TABLE = (
    "The 1928 (Amsterdam) page lists the smallest delegations: Panama 1, Cuba 1, Rhodesia 2, "
    "Haiti 2, Malta 4, Luxembourg 12."
)


def _olympic_runs() -> list[Run]:
    sh, web, py, da, ver = (
        "Sports_History_Expert",
        "Web_Research_Expert",
        "Python_Expert",
        "Data_Analysis_Expert",
        "Verification_Expert",
    )
    return [
        Run(
            "gaia-olympics-ok",
            HEALTHY,
            OLYMPICS,
            (
                say(sh, _OLY_PLAN),
                say(web, _OLY_TABLE, search="1928 Summer Olympics participating nations"),
                say(py, _fewest_code(_ROWS_1928)),
                run_code("answer: CUB"),
                say(da, "Tie at one athlete between Cuba and Panama; Cuba comes first. CUB."),
                say(ver, "Minimum 1, tie broken alphabetically -> Cuba, CUB. TERMINATE"),
            ),
        ),
        Run(
            "gaia-olympics-tie-reversed",
            WRONG_ACCEPTED,
            OLYMPICS,
            (
                say(sh, _OLY_PLAN),
                say(web, _OLY_TABLE, search="1928 Summer Olympics participating nations"),
                say(py, _fewest_code(_ROWS_1928, ties=False), mark=MISTAKE),
                run_code("answer: PAN"),
                say(da, "So the smallest delegation is Panama with a single athlete."),
                say(
                    ver,
                    "Panama had 1 athlete, the minimum in the table. Answer PAN. TERMINATE",
                    mark=SYMPTOM,
                ),
            ),
            note="the sort ends on the tie's last name, not its first",
        ),
        Run(
            "gaia-olympics-wrong-games",
            SELF_REPORT,
            OLYMPICS,
            (
                say(sh, _OLY_PLAN),
                say(
                    web,
                    "Smallest delegations: Colombia 1, China 1, Haiti 1, Uruguay 2, Philippines 3.",
                    search="Summer Olympics 1932 athletes per nation",
                    mark=MISTAKE,
                ),
                say(py, _fewest_code(_ROWS_1932)),
                run_code("answer: CHN"),
                say(da, "Three nations tie at one athlete; alphabetically China is first."),
                say(
                    ver,
                    "I can't confirm this. China did not send a team to Amsterdam in 1928 as "
                    "far as I know, and the counts don't match what I'd expect for those "
                    "Games. I'm not able to verify CHN as the answer.",
                    mark=SYMPTOM,
                ),
            ),
            note="the table of another Games; the verifier cannot sign off",
        ),
        Run(
            "gaia-olympics-source-questioned",
            HEALTHY,
            OLYMPICS,
            (
                say(sh, _OLY_PLAN),
                say(web, _OLY_TABLE, search="1928 Summer Olympics participating nations"),
                say(sh, "Is that table for 1928 specifically? Several editions list Haiti."),
                say(
                    web,
                    "Yes - the page header reads '1928 Summer Olympics (Amsterdam)'.",
                    search="1928 olympics amsterdam nations",
                ),
                say(py, _fewest_code(_ROWS_1928)),
                run_code("answer: CUB"),
                say(da, "Cuba and Panama tie at one; Cuba first alphabetically."),
                say(ver, "Source confirmed as 1928; CUB. TERMINATE"),
            ),
        ),
    ]


SPEECH = (
    "Friends, the river has always been our road. Our grandparents fished the river, and "
    "their grandparents crossed it on rafts. Today the Riverside district stands where the "
    "old docks were, and the riverbank park is full every summer. Rivers connect towns; this "
    "river connected families. When the River flooded in 1952, neighbours carried neighbours. "
    "Let us keep the river clean, keep the rivers of this valley alive, and remember that a "
    "town without its river is only a set of streets.\n"
)

WORDS = Task(
    key="words",
    question=(
        "How many times does the word 'river' appear in speech.txt, counting the plural "
        "'rivers' and any capitalisation, but only as a whole word?"
    ),
    experts={
        "Linguistics_Expert": "You are a linguistics expert.",
        "Text_Analysis_Expert": "You are a text-processing expert.",
        "Python_Expert": "You are a Python expert.",
        "Data_Quality_Expert": "You are a data quality expert.",
        "Verification_Expert": "You are a verification expert.",
    },
    verifiers=("Verification_Expert",),
    files={"speech.txt": SPEECH},
)

_WORD_PLAN = """Whole-word matching matters here: 'Riverside' and 'riverbank' contain the letters
but are different words and must not be counted. 'River', 'river' and 'rivers' all count."""


def _count_code(pattern: str) -> str:
    return f"""```python
import re
text = open("speech.txt", encoding="utf-8").read()
hits = re.findall(r"{pattern}", text, flags=re.IGNORECASE)
print(hits)
print("count:", len(hits))
```"""


def _word_runs() -> list[Run]:
    li, ta, py, dq, ver = (
        "Linguistics_Expert",
        "Text_Analysis_Expert",
        "Python_Expert",
        "Data_Quality_Expert",
        "Verification_Expert",
    )
    intro = say(ta, "speech.txt is a single paragraph of plain UTF-8 text, one speech.")
    return [
        Run(
            "gaia-words-ok",
            HEALTHY,
            WORDS,
            (
                say(li, _WORD_PLAN),
                intro,
                say(py, _count_code(r"\brivers?\b")),
                run_code("count: 8"),
                say(dq, "The eight matches are all 'river'/'rivers'/'River'; nothing else."),
                say(ver, "Word boundaries exclude Riverside and riverbank. 8. TERMINATE"),
            ),
        ),
        Run(
            "gaia-words-substring",
            WRONG_ACCEPTED,
            WORDS,
            (
                say(li, _WORD_PLAN),
                intro,
                say(py, _count_code(r"rivers?"), mark=MISTAKE),
                run_code("count: 10"),
                say(dq, "Case-insensitive, plural included. Count 10."),
                say(
                    ver,
                    "The regex covers river and rivers in any case: 10. TERMINATE",
                    mark=SYMPTOM,
                ),
            ),
            note="no word boundaries: Riverside and riverbank counted",
        ),
        Run(
            "gaia-words-signed-early",
            PREMATURE,
            WORDS,
            (
                say(li, _WORD_PLAN),
                intro,
                say(py, _count_code(r"\brivers?\b")),
                say(dq, "Pattern and flags look right to me; no encoding issues expected."),
                say(
                    ver,
                    "The pattern uses word boundaries and is case-insensitive, so the count "
                    "this prints is the answer. TERMINATE",
                    mark=BOTH,
                ),
            ),
            note="signed off before the code was run; no count ever produced",
        ),
    ]


RUNS: tuple[Run, ...] = (*_invoice_runs(), *_olympic_runs(), *_word_runs())
