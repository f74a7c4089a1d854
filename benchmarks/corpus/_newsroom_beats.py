"""A newsroom run as a list of beats: who speaks, what their scripted model replies.

A beat is one turn of one agent (one node execution of the supervisor graph):
the supervisor's reply with its handoff call, a worker's tool calls and final
message, or a run of the sandbox (which executes whatever cell is latest, so it
has no script). ``scripts()`` turns the beats into each agent's reply list;
``turn_of()`` finds the marked mistake and symptom as (agent, n-th turn).
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from dataclasses import dataclass, field

from langchain_core.messages import AIMessage

from benchmarks.corpus._newsroom_desk import CHECKER, CLERK, COPY, DATA, SANDBOX, SUPERVISOR
from benchmarks.corpus._newsroom_stories import Story, moved, pct

MISTAKE, SYMPTOM = "mistake", "symptom"
_ids = itertools.count(1)


@dataclass
class Beat:
    agent: str
    replies: list[AIMessage] = field(default_factory=list)
    marks: tuple[str, ...] = ()


def _call(tool: str, text: str = "", **args: str) -> AIMessage:
    return AIMessage(
        content=text, tool_calls=[{"name": tool, "args": args, "id": f"call_{next(_ids)}"}]
    )


def _pulls(rows: list[tuple[str, str]], text: str = "") -> AIMessage:
    calls = [
        {"name": "pull_record", "args": {"dataset": d, "period": p}, "id": f"call_{next(_ids)}"}
        for d, p in rows
    ]
    return AIMessage(content=text, tool_calls=calls)


def mark(beat: Beat, *marks: str) -> Beat:
    beat.marks = marks
    return beat


def desk(text: str, to: str | None = None) -> Beat:
    reply = _call(f"transfer_to_{to}", text) if to else AIMessage(content=text)
    return Beat(SUPERVISOR, [reply])


def worker(agent: str, text: str, *rounds: list[tuple[str, str]], lead: str = "") -> Beat:
    """A worker's turn: zero or more rounds of portal pulls, then its message."""
    replies = [_pulls(rows, lead if n == 0 else "") for n, rows in enumerate(rounds)]
    return Beat(agent, [*replies, AIMessage(content=text)])


def clerk(text: str, *rounds: list[tuple[str, str]], lead: str = "") -> Beat:
    return worker(CLERK, text, *rounds, lead=lead)


def data(text: str) -> Beat:
    return worker(DATA, text)


def checker(text: str, *rounds: list[tuple[str, str]]) -> Beat:
    return worker(CHECKER, text, *rounds)


def copy(text: str) -> Beat:
    return worker(COPY, text)


def sandbox() -> Beat:
    return Beat(SANDBOX)


def scripts(beats: list[Beat]) -> dict[str, list[AIMessage]]:
    out: dict[str, list[AIMessage]] = defaultdict(list)
    for beat in beats:
        out[beat.agent].extend(beat.replies)
    return dict(out)


def turn_of(beats: list[Beat], wanted: str) -> tuple[str, int] | None:
    """(agent, its n-th turn) of the beat marked ``wanted``."""
    seen: dict[str, int] = defaultdict(int)
    for beat in beats:
        seen[beat.agent] += 1
        if wanted in beat.marks:
            return beat.agent, seen[beat.agent]
    return None


def pick(pool: list[str] | tuple[str, ...], v: int) -> str:
    return pool[v % len(pool)]


# --- the desk's routine lines -------------------------------------------------------------

BRIEFS = (
    "Slugging this {key}. Clerk: pull {what} for {pa} and {pb} off the open-data portal, "
    "as published. Math after that.",
    "New one for the web: {task} Records first. I want {pa} and {pb} from {dataset}.",
    "Morning all. {what}, {pb} against {pa}. Clerk, grab both rows from the portal.",
    "Quick turn, please. Start with the records: {dataset}, periods {pa} and {pb}.",
    "Budget-page item. Clerk, need the {pa} and {pb} rows for {what} ({dataset}).",
)
TO_DATA = (
    "Got the figures. Data, percent change please, and show it in a cell.",
    "Over to data. One decimal, signed, in code the sandbox can run.",
    "Thanks. Data desk: turn those into a year-over-year change.",
    "Numbers are in. Compute the change, code not mental math.",
    "Data, you're up. Percent change off those two rows.",
)
TO_SANDBOX = (
    "Run it.",
    "Sandbox, execute that cell.",
    "Let's see what it prints.",
    "Go ahead and run the cell.",
    "Running it before anyone quotes it.",
)
TO_CHECK = (
    "Checker: source and math, please.",
    "Fact-check before it goes to copy.",
    "Over to the fact desk.",
    "Verify, we're close.",
    "Checker, give it a once-over.",
)
TO_COPY = (
    "Cleared. Copy, two sentences, AP style, with a hed.",
    "Copy desk: short brief, hed included.",
    "Good. Copy, write it tight.",
    "Copy, over to you. Keep it to two grafs max.",
    "Send it to copy.",
)
FILED = (
    "Filed to the web queue.",
    "Brief's in. Closing the slug.",
    "Sent to the homepage producer.",
    "Done, it's in the CMS.",
    "Published. Thanks, all.",
)


def brief(s: Story, v: int) -> str:
    return pick(BRIEFS, v).format(
        key=s.key, what=s.what, pa=s.a[0], pb=s.b[0], dataset=s.dataset, task=s.task
    )


# --- the workers' routine lines ----------------------------------------------------------

PULLED = (
    "Pulled both from the portal. {what}: {pa} = {va}, {pb} = {vb}. Table {dataset}.",
    "{pa}: {va}. {pb}: {vb}. Both rows are {dataset}, as published.",
    "From {dataset}: {pa} came in at {va}, {pb} at {vb}.",
    "Here you go. {pb}: {vb}. {pa}: {va}. ({dataset}, {unit})",
    "Rows are in: {va} for {pa}, {vb} for {pb}, per {dataset}.",
)


def pulled(
    s: Story, v: int, va: str | None = None, vb: str | None = None, dataset: str = ""
) -> str:
    return pick(PULLED, v).format(
        what=s.what,
        pa=s.a[0],
        pb=s.b[0],
        va=va or s.va,
        vb=vb or s.vb,
        dataset=dataset or s.dataset,
        unit=s.unit,
    )


def cell(s: Story, old: int | str, new: int | str, v: int, formula: str = "") -> str:
    """A data reporter's cell; ``formula`` replaces the percent change expression."""
    o, n = s.names
    expr = formula.format(o=o, n=n) if formula else f"({n} - {o}) / {o} * 100"
    styles = (
        f'{o} = {old}\n{n} = {new}\nchange = {expr}\nprint(f"{{change:+.1f}}%")',
        f"def pct_change({o}, {n}):\n    return {expr}\n\n"
        f'print(f"{{pct_change({old}, {new}):+.1f}}%")',
        f'{o}, {n} = {old}, {new}\nprint("change:", f"{{{expr}:+.1f}}%")',
    )
    return pick(styles, v)


CELL_LEADS = (
    "Straight percent change off the clerk's numbers:",
    "Here's the cell.",
    "Quick one:",
    "Computing it from the two rows in the thread.",
    "This should do it:",
)


def code_msg(
    s: Story,
    v: int,
    old: int | str | None = None,
    new: int | str | None = None,
    formula: str = "",
    lead: str = "",
) -> str:
    old = s.a[1] if old is None else old
    new = s.b[1] if new is None else new
    body = cell(s, old, new, v, formula)
    return f"{lead or pick(CELL_LEADS, v)}\n```python\n{body}\n```"


CHECKED = (
    "Re-pulled both rows: {va} and {vb} match. The cell's {res}% reproduces. Good to go.",
    "Source checks out ({dataset}, both periods). Math is right: {res}%. Cleared.",
    "Portal agrees with the clerk. {res}% is correct. Approved.",
    "Verified against the portal: {pa} {va}, {pb} {vb}. Change {res}%. Sign-off.",
    "Both figures confirmed and the arithmetic holds ({res}%). OK to run.",
)
MATH_ONLY = (
    "Math checks out: {res}% off the figures in the thread. Approved.",
    "Reran the arithmetic by hand, {res}% it is. Cleared.",
    "The cell's logic is fine and the output is {res}%. Sign-off.",
    "Numbers in the thread give {res}%, same as the sandbox. Good to go.",
    "Looks right to me: {res}%. Approved for copy.",
)


def checked(s: Story, v: int, res: str | None = None) -> str:
    return pick(CHECKED, v).format(
        va=s.va, vb=s.vb, pa=s.a[0], pb=s.b[0], dataset=s.dataset, res=res or pct(s.a[1], s.b[1])
    )


def math_only(v: int, res: str) -> str:
    return pick(MATH_ONLY, v).format(res=res)


COPY_TEXTS = (
    "HED: {hed}\n{What} {moved} {abs}% in {pb} from {pa}, according to city data. "
    "The figure went from {va} to {vb}.",
    "{hed}\n\n{What} {moved} {abs}% year over year, city records show: {vb} in {pb}, "
    "against {va} in {pa}.",
    "HED: {hed}\nCity figures show {what} {moved} {abs}% between {pa} and {pb}, to {vb}.",
    "{hed}. {What} {moved} by {abs}% in {pb}, the city's open-data portal shows, "
    "compared with {pa}.",
)


def copy_text(
    s: Story, v: int, res: str | None = None, va: str | None = None, vb: str | None = None
) -> str:
    res = res or pct(s.a[1], s.b[1])
    what = s.what
    return pick(COPY_TEXTS, v).format(
        hed=s.hed,
        What=what[0].upper() + what[1:],
        what=what,
        moved=moved(res),
        abs=res.lstrip("+-"),
        pa=s.a[0],
        pb=s.b[0],
        va=va or s.va,
        vb=vb or s.vb,
    )
