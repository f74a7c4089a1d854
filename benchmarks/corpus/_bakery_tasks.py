"""The bakehouse desk's questions, their right figures (worked out from ``_bakery_data/``
with the same runner) and the helpers its runs are written with."""

from __future__ import annotations

from benchmarks.corpus._bakery_team import CHECKER, CLERK, CODER, LEAD, WRITER
from benchmarks.corpus._desk import Turn
from benchmarks.corpus._desk import cell as cell
from benchmarks.corpus._desk import read as read

# the questions, as the shops ask them
Q2_LOAVES = (
    "How many loaves did our retail shops sell in the second quarter of 2026 (April to "
    "June)? The trade counter is wholesale, so not that one."
)
RIVERSIDE_WASTE = (
    "What share of the loaves Riverside baked in May 2026 went unsold? A percentage to one "
    "decimal place, please."
)
MILLBROOK_JULY = (
    "By how many loaves did July sales in Millbrook (every Millbrook outlet) change from "
    "2025 to 2026?"
)
STATION_PASTRY = "What did Station Road take from pastries in June 2026, at this year's price?"
TRADE_JUNE = "What was the Trade Counter's loaf revenue for June 2026 after the wholesale discount?"
FOODBANK_Q3 = "How much surplus bread credit can we claim from the food bank for Q3 2026?"
ASHBY_FLOUR = (
    "What did we pay per kilogram, on average, for the flour Ashby Mill delivered in May "
    "2026? Pence per kg to one decimal."
)
KESSING_LFL = (
    "Loaves sold in Kessing from April to September 2026, like for like: leave out any "
    "shop that opened this year."
)

# the right figures
RIGHT = {
    Q2_LOAVES: "14,667",
    RIVERSIDE_WASTE: "1.3%",
    MILLBROOK_JULY: "485",
    STATION_PASTRY: "£760.20",
    TRADE_JUNE: "£7,590.00",
    FOODBANK_Q3: "£106.75",
    ASHBY_FLOUR: "89.5p",
    KESSING_LFL: "5,384",
}


def ask_clerk(brief: str, say: str = "", mark: str = "") -> Turn:
    """The head baker briefing the ledger clerk (its ``ask_ledger_clerk`` tool)."""
    return Turn(LEAD, say, ("ask_ledger_clerk", {"input": brief}), mark=mark)


def ask_coder(brief: str, say: str = "", mark: str = "") -> Turn:
    """The head baker briefing the costing coder (its ``ask_costing_coder`` tool)."""
    return Turn(LEAD, say, ("ask_costing_coder", {"input": brief}), mark=mark)


def hand(agent: str, to: str, say: str, mark: str = "") -> Turn:
    """``agent`` saying ``say`` and handing the floor to ``to`` (the SDK's handoff tool)."""
    return Turn(agent, say, (f"transfer_to_{to}", {}), mark=mark)


def says(agent: str, text: str, mark: str = "") -> Turn:
    """A reply with no call: a clerk's or coder's answer to its brief, or the final one."""
    return Turn(agent, text, mark=mark)


def clerk(text: str, mark: str = "") -> Turn:
    return says(CLERK, text, mark)


def coder(text: str, mark: str = "") -> Turn:
    return says(CODER, text, mark)


def to_checker(say: str, mark: str = "") -> Turn:
    return hand(LEAD, CHECKER, say, mark)


def passed(say: str, mark: str = "") -> Turn:
    return hand(CHECKER, WRITER, say, mark)


def back(say: str, mark: str = "") -> Turn:
    return hand(CHECKER, LEAD, say, mark)


def final(text: str, mark: str = "") -> Turn:
    return says(WRITER, text, mark)


def sum_cell(file: str, months: tuple[str, ...], shops: tuple[str, ...], col: str) -> str:
    """A cell summing ``col`` of ``file`` over ``months`` and ``shops``."""
    return f"""
import csv
months = {months!r}
shops = {shops!r}
total = 0
with open({file!r}) as fh:
    for row in csv.DictReader(fh):
        if row["month"] in months and row["shop_id"] in shops:
            total += int(row[{col!r}])
print(total)
"""


Q2 = ("2026-04", "2026-05", "2026-06")
Q3 = ("2026-07", "2026-08", "2026-09")
H2026 = ("2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09")
RETAIL = ("S1", "S2", "S3", "S4", "S5")
