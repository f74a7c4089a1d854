"""The recycling depot's questions, files and the analyst's Python (templates its runs
fill in, the right way or not), and :func:`desk`: a run's turns in the desk's usual
order (clerk, analyst, checker, writer, then the lead's answer) with some of them
replaced."""

# the cells are the analyst's code as the agent wrote it, long lines included
# ruff: noqa: E501

from __future__ import annotations

from pathlib import Path

from benchmarks.corpus._desk import Run, Turn

DATA = Path(__file__).resolve().parent / "_recy_data"
OCT, SEPT = "prices_2026-10.csv", "prices_2026-09.csv"
FILES = (
    "weighbridge_2026-10.csv, contamination_2026-10.csv, prices_2026-10.csv, "
    "prices_2026-09.csv, depot_rules.md"
)
LEAD, CLERK, ANALYST, CHECKER, WRITER = (
    "depot_lead",
    "records_clerk",
    "py_analyst",
    "checker",
    "bulletin_writer",
)
NAMES = {
    "cardboard": "cardboard",
    "mixed_paper": "mixed paper",
    "aluminium": "aluminium cans",
    "steel": "steel cans",
    "pet": "PET bottles",
    "hdpe": "HDPE",
    "glass": "glass",
    "residual": "residual waste",
}
PRICE = {
    "cardboard": "62.50",
    "mixed_paper": "28.00",
    "aluminium": "905.00",
    "steel": "118.00",
    "pet": "171.00",
    "hdpe": "236.00",
    "glass": "9.50",
    "residual": "-104.75",
}


def rebate_q(m: str) -> str:
    return (
        f"What rebate will the depot earn on {NAMES[m]} sold in October 2026, net of "
        "contamination? Nearest pound."
    )


REBATE = """import csv
m = '{m}'
loads = [r for r in csv.DictReader(open('weighbridge_2026-10.csv')) if r['material'] == m{keep}]
tonnes = sum(float(r['tonnes']) for r in loads)
audits = [a for a in csv.DictReader(open('contamination_2026-10.csv')) if a['material'] == m{weeks}]
rate = {rate}
price = {price}  # per tonne, from the clerk
print(f'{{m}}: {{tonnes:.2f}} t accepted, contamination {{rate:.1%}}, rebate £{{tonnes * (1 - rate) * price:,.0f}}')
"""
POOLED = "sum(float(a['reject_kg']) for a in audits) / sum(float(a['sample_kg']) for a in audits)"
MEAN = "sum(float(a['reject_kg']) / float(a['sample_kg']) for a in audits) / len(audits)"
ACCEPTED = " and r['status'] == 'accepted'"


def rebate_code(
    m: str, price: str = "", keep: str = ACCEPTED, rate: str = POOLED, weeks: str = ""
) -> str:
    return REBATE.format(m=m, price=price or PRICE[m], keep=keep, rate=rate, weeks=weeks)


FEE = """import csv
loads = [r for r in csv.DictReader(open('weighbridge_2026-10.csv')) if r['material'] == 'residual'{keep}]
tonnes = sum(float(r['tonnes']) for r in loads)
print(f'residual: {{len(loads)}} loads, {{tonnes:.2f}} t, gate fee £{{-tonnes * {price}:,.0f}}')
"""
TONNES = """import csv
loads = [r for r in csv.DictReader(open('weighbridge_2026-10.csv')) if r['material'] == '{m}'{keep}]
print([r['ticket'] for r in loads])
print(f"{{sum(float(r['tonnes']) for r in loads):.2f}} t")
"""
RATE = """import csv
audits = [a for a in csv.DictReader(open('contamination_2026-10.csv')) if a['material'] == '{m}'{weeks}]
print(len(audits), 'audits')
print(f"{{{rate}:.1%}}")
"""


def rate_code(m: str, rate: str = POOLED, weeks: str = "") -> str:
    return RATE.format(m=m, rate=rate, weeks=weeks)


SLOTS = (
    "ask_clerk",
    "read",
    "clerk",
    "ask_analyst",
    "code",
    "analyst",
    "ask_checker",
    "check_read",
    "checker",
    "ask_writer",
    "writer",
    "final",
)


def ask(to: str, task: str, mark: str = "") -> Turn:
    """The lead delegating ``task`` to member ``to`` with Agno's delegation tool."""
    return Turn(LEAD, "", ("delegate_task_to_member", {"member_id": to, "task": task}), mark=mark)


def read(agent: str, name: str, contains: str = "", mark: str = "") -> Turn:
    args = {"name": name, "contains": contains} if contains else {"name": name}
    return Turn(agent, "", ("read_file", args), mark=mark)


def cell(code: str, prints: str, mark: str = "") -> Turn:
    return Turn(ANALYST, "", ("run_python", {"code": code.strip() + "\n"}), prints, mark)


def desk(
    scenario: str,
    mode: str,
    task: str,
    answer: str,
    expect: str,
    slots: dict[str, Turn | list[Turn]],
    marks: dict[str, str] | None = None,
    note: str = "",
) -> Run:
    """A run whose turns are ``slots`` in the desk's usual order (a slot left out, or
    given an empty list, is not played); ``marks`` marks a slot's (first) turn."""
    turns: list[Turn] = []
    for slot in SLOTS:
        got = slots.get(slot, [])
        got = [got] if isinstance(got, Turn) else list(got)
        if got and marks and slot in marks:
            got[0].mark = marks[slot]
        turns += got
    extra = set(slots) - set(SLOTS)
    if extra:
        raise SystemExit(f"{scenario}: unknown slots {extra}")
    return Run(scenario, mode, task, turns, answer, expect, note)


def money(line: str) -> str:
    """The rebate figure a printed line ends with (``£6,716``)."""
    return line.rsplit(" ", 1)[-1]


def rebate_slots(m: str, line: str, price: str = "", v: int = 0) -> dict[str, Turn | list[Turn]]:
    """The usual turns of a rebate question on material ``m``: the analyst's cell printed
    ``line``; ``price`` the price per tonne the clerk quoted (October's by default);
    ``v`` picks the wording."""
    price = price or PRICE[m]
    name, fig = NAMES[m], money(line)
    tonnes, rate = (
        line.split(": ")[1].split(" t ")[0],
        line.split("contamination ")[1].split(",")[0],
    )
    asks = (
        f"Get me the October 2026 price per tonne for {m} from {OCT}.",
        f"What is {name} ({m}) fetching per tonne on the October price list?",
        f"Look up the {m} line in {OCT} and quote it.",
    )
    clerks = (
        f"{OCT} has {m} at £{price} per tonne.",
        f"October list: {m},{price}. That's £{price} a tonne.",
        f"The October price for {m} is £{price}/t (row '{m},{price}' in {OCT}).",
    )
    writes = (
        f"{name.capitalize()} earned the depot {fig} in October after contamination was taken off.",
        f"October: {tonnes} tonnes of {name} went to market, bringing in {fig} net of contamination.",
        f"Our {name} brought in {fig} in October, with {rate} of it lost to contamination.",
    )
    return {
        "ask_clerk": ask(CLERK, asks[v % 3]),
        "read": read(CLERK, OCT, m),
        "clerk": Turn(CLERK, clerks[v % 3]),
        "ask_analyst": ask(
            ANALYST,
            f"Work out the October rebate for {m}: accepted loads from the weighbridge file, "
            f"less the month's pooled contamination rate from the audits, at £{price}/t.",
        ),
        "code": cell(rebate_code(m, price), line),
        "analyst": Turn(ANALYST, f"Ran it: {line}."),
        "ask_checker": ask(
            CHECKER,
            f"The analyst makes the {m} rebate {fig} ({tonnes} t, contamination {rate}, "
            f"£{price}/t). Check it against depot_rules.md and the files.",
        ),
        "check_read": read(CHECKER, "depot_rules.md"),
        "checker": Turn(
            CHECKER,
            f"That follows the rules: accepted loads only, pooled audit rate, same-month "
            f"price. {fig} stands.",
        ),
        "ask_writer": ask(WRITER, f"One line for the bulletin: October {name} rebate {fig}."),
        "writer": Turn(WRITER, writes[v % 3]),
        "final": Turn(
            LEAD,
            f"The October 2026 rebate on {name} is {fig}: {tonnes} t accepted, less "
            f"{rate} contamination, at £{price} a tonne.",
        ),
    }


TONNES_Q = (
    "How many tonnes of {name} did the depot send to buyers in October 2026 that the "
    "buyers accepted? Two decimals."
)


def tonnes_slots(m: str, total: str, keep: str = ACCEPTED) -> dict[str, Turn | list[Turn]]:
    """The usual turns of an accepted-tonnes question on material ``m`` (``total``: what
    the analyst's cell printed last)."""
    name = NAMES[m]
    return {
        "ask_clerk": ask(
            CLERK, f"List the {m} tickets in weighbridge_2026-10.csv with their status."
        ),
        "read": read(CLERK, "weighbridge_2026-10.csv", m),
        "clerk": Turn(
            CLERK, f"Here are the {m} tickets as the file has them; note any marked rejected."
        ),
        "ask_analyst": ask(ANALYST, f"Total the accepted {m} tonnes in weighbridge_2026-10.csv."),
        "code": cell(TONNES.format(m=m, keep=keep), total),
        "analyst": Turn(ANALYST, f"{total} of {m} on the tickets the script kept."),
        "ask_checker": ask(
            CHECKER, f"Analyst has {total} of {m} for October. Check it against depot_rules.md."
        ),
        "check_read": read(CHECKER, "depot_rules.md"),
        "checker": Turn(
            CHECKER, f"Only accepted loads count and the script filtered on status. {total} stands."
        ),
        "ask_writer": ask(
            WRITER, f"Bulletin line: {total} of {name} accepted by buyers in October."
        ),
        "writer": Turn(WRITER, f"Buyers took {total} of our {name} in October."),
        "final": Turn(LEAD, f"Buyers accepted {total} of {name} from the depot in October 2026."),
    }
