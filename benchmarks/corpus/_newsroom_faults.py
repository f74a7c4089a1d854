"""The newsroom desk's failing runs, one builder per failure mode.

Each builder returns the run's beats with the mistake and the symptom marked:
the mistake is the turn that brought in the wrong figure, source, split,
assumption or code; the symptom the turn where the failure shows (the fact
checker's sign-off on it, the brief that prints it, the report of trouble).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from benchmarks.corpus._newsroom_beats import (
    FILED,
    MISTAKE,
    SYMPTOM,
    TO_CHECK,
    TO_COPY,
    TO_DATA,
    TO_SANDBOX,
    Beat,
    brief,
    checked,
    checker,
    clerk,
    code_msg,
    copy,
    copy_text,
    data,
    desk,
    mark,
    math_only,
    pick,
    pulled,
    sandbox,
)
from benchmarks.corpus._newsroom_desk import CHECKER, CLERK, COPY, DATA, SANDBOX
from benchmarks.corpus._newsroom_stories import Story, pct


@dataclass
class Plan:
    beats: list[Beat]
    extra: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)
    failing: set[str] = field(default_factory=set)
    task: str = ""  # the task as asked, when it is not the story's


def rows(s: Story) -> list[tuple[str, str]]:
    return [(s.dataset, s.a[0]), (s.dataset, s.b[0])]


def pipeline(s: Story, v: int, **parts: Beat | list[Beat]) -> list[Beat]:
    """brief -> clerk -> data -> sandbox -> checker -> copy -> filed; ``parts`` replace
    beats by name (``brief``, ``clerk``, ``data``, ``check``, ``copy``, ``filed``)."""

    def part(name: str, default: Beat) -> list[Beat]:
        got = parts.get(name, default)
        return got if isinstance(got, list) else [got]

    return [
        *part("brief", desk(brief(s, v), CLERK)),
        *part("clerk", clerk(pulled(s, v), rows(s))),
        desk(pick(TO_DATA, v), DATA),
        *part("data", data(code_msg(s, v))),
        desk(pick(TO_SANDBOX, v), SANDBOX),
        sandbox(),
        desk(pick(TO_CHECK, v), CHECKER),
        *part("check", checker(checked(s, v), rows(s))),
        desk(pick(TO_COPY, v), COPY),
        *part("copy", copy(copy_text(s, v))),
        *part("filed", desk(pick(FILED, v))),
    ]


def _decoyed(s: Story) -> tuple[int, int, list[tuple[str, str]]]:
    """The two values and the rows pulled when the decoy replaces its side."""
    d = s.decoy
    if d.side == "a":
        return d.value, s.b[1], [(d.dataset, d.period), (s.dataset, s.b[0])]
    return s.a[1], d.value, [(s.dataset, s.a[0]), (d.dataset, d.period)]


def _signed_off(s: Story, v: int, old: int, new: int, **parts: Beat | list[Beat]) -> Plan:
    """The wrong pair flows through the desk; the checker only checks the math."""
    res = pct(old, new)
    return Plan(
        pipeline(
            s,
            v,
            data=data(code_msg(s, v, old, new)),
            check=mark(checker(math_only(v, res)), SYMPTOM),
            copy=copy(copy_text(s, v, res, s.fmt(old), s.fmt(new))),
            **parts,
        )
    )


# --- wrong_source_chosen: the clerk pulls the neighbouring table or period --------------------


def wrong_source(s: Story, v: int) -> Plan:
    old, new, pulled_rows = _decoyed(s)
    table = s.decoy.dataset if v % 2 else ""  # the clerk names the table it used, or not
    text = pulled(s, v, s.fmt(old), s.fmt(new), table)
    return _signed_off(s, v, old, new, clerk=mark(clerk(text, pulled_rows), MISTAKE))


# --- wrong_input_carried: the right row, a figure misread or mis-keyed ---------------------


def _transpose(value: int) -> int:
    digits = list(str(value))
    i = 1 if len(digits) > 2 else 0
    digits[i], digits[i + 1] = digits[i + 1], digits[i]
    return int("".join(digits))


def wrong_input(s: Story, v: int) -> Plan:
    bad = _transpose(s.a[1])
    if bad == s.a[1]:
        bad = s.a[1] + 1000
    text = pulled(s, v, va=s.fmt(bad))
    return _signed_off(s, v, bad, s.b[1], clerk=mark(clerk(text, rows(s)), MISTAKE))


def mis_keyed(s: Story, v: int) -> Plan:
    """The clerk is right; the data reporter types another baseline into the cell."""
    bad = _transpose(s.b[1])
    res = pct(s.a[1], bad)
    return Plan(
        pipeline(
            s,
            v,
            data=mark(data(code_msg(s, v, s.a[1], bad)), MISTAKE),
            check=mark(checker(math_only(v, res)), SYMPTOM),
            copy=copy(copy_text(s, v, res, vb=s.fmt(bad))),
        )
    )


# --- bad_decomposition: the desk editor's brief names the wrong row -------------------------

SPLITS = (
    "Slugging {key}. Clerk, use {ddataset} for {dperiod} and {dataset} for the other year; "
    "that's the comparison the council cites.",
    "Let's keep it simple: pull {ddataset}, period {dperiod}, and set it against {dataset} "
    "{other}. {dwhat} is the number people know.",
    "Records: {dataset} {other}, and for the comparison use {ddataset} {dperiod}. Go.",
)


def bad_split(s: Story, v: int) -> Plan:
    d = s.decoy
    old, new, pulled_rows = _decoyed(s)
    other = s.b[0] if d.side == "a" else s.a[0]
    text = pick(SPLITS, v).format(
        key=s.key,
        ddataset=d.dataset,
        dperiod=d.period,
        dataset=s.dataset,
        other=other,
        dwhat=d.what.capitalize(),
    )
    done = (
        f"As briefed: {d.dataset} {d.period} = {s.fmt(d.value)}; "
        f"{s.dataset} {other} = {s.fmt(s.b[1] if d.side == 'a' else s.a[1])}."
    )
    return _signed_off(
        s,
        v,
        old,
        new,
        brief=mark(desk(text, CLERK), MISTAKE),
        clerk=clerk(done, pulled_rows),
    )


# --- bad_assumption: a figure scaled on a guess --------------------------------------------

ASSUMED = (
    "{pb}: {vb}. {pa}: {va}, but that table looks like it stops at November, so I've "
    "annualised it: {scaled} for the full year. Use that one.",
    "Both rows pulled. The {pa} count probably double-counts duplicate reports, "
    "call it 10% dupes, so the clean baseline is {scaled}. {pb}: {vb}.",
    "{pa} = {va}, {pb} = {vb}. Heads up: I'd guess {pa} was a partial year after the "
    "system switchover; scaling it up by 12/11 gives {scaled}.",
)


def bad_assumption(s: Story, v: int) -> Plan:
    factor = 0.9 if v % 3 == 1 else 12 / 11
    scaled = round(s.a[1] * factor)
    text = pick(ASSUMED, v).format(pa=s.a[0], pb=s.b[0], va=s.va, vb=s.vb, scaled=s.fmt(scaled))
    return _signed_off(s, v, scaled, s.b[1], clerk=mark(clerk(text, rows(s)), MISTAKE))


def assumed_in_code(s: Story, v: int) -> Plan:
    """The data reporter deflates the latest figure on a guessed inflation rate."""
    o, n = s.names
    lead = (
        f"These are nominal, so I'm knocking 4% off {s.b[0]} for inflation before "
        "comparing. Should be roughly right."
    )
    res = pct(s.a[1], round(s.b[1] / 1.04))
    return Plan(
        pipeline(
            s,
            v,
            data=mark(
                data(code_msg(s, v, formula=f"({n} / 1.04 - {o}) / {o} * 100", lead=lead)), MISTAKE
            ),
            check=mark(checker(math_only(v, res)), SYMPTOM),
            copy=copy(copy_text(s, v, res)),
        )
    )


# --- wrong_answer_accepted: code that runs and computes the wrong thing ------------------

FORMULAS = (  # the cell's expression and what it prints
    ("({n} - {o}) / {n} * 100", lambda o, n: (n - o) / n * 100),  # over the new figure
    ("({o} - {n}) / {o} * 100", lambda o, n: (o - n) / o * 100),  # sign flipped
    ("{n} / {o} * 100", lambda o, n: n / o * 100),  # a ratio, not a change
)


def wrong_code(s: Story, v: int) -> Plan:
    formula, printed = FORMULAS[v % len(FORMULAS)]
    res = f"{printed(s.a[1], s.b[1]):+.1f}"
    check = checker(
        f"Ran the cell again myself, same output ({res}%), and the inputs match the "
        f"portal. Approved."
        if v % 2
        else math_only(v, res),
        rows(s),
    )
    return Plan(
        pipeline(
            s,
            v,
            data=mark(data(code_msg(s, v, formula=formula)), MISTAKE),
            check=mark(check, SYMPTOM),
            copy=copy(copy_text(s, v, res)),
        )
    )


# --- code_failure_ignored: the cell crashes; the desk carries on ---------------------------


def crashing_cell(s: Story, v: int) -> str:
    o, n = s.names
    cells = (
        f'{o} = "{s.a[1]:,}"\n{n} = "{s.b[1]:,}"\nprint(f"{{({n} - {o}) / {o} * 100:+.1f}}%")',
        f'figures = {{"{s.a[0]}": {s.a[1]}, "{s.b[0]}": {s.b[1]}}}\n'
        f'change = (figures["{s.b[0]} "] - figures["{s.a[0]}"]) / figures["{s.a[0]}"]\n'
        f'print(f"{{change * 100:+.1f}}%")',
        f'{o} = {s.a[1]}\n{n} = {s.b[1]}\nprint(f"{{({n} - {o}) / {o}_total * 100:+.1f}}%")',
    )
    return f"{pick(CELL_LEADS_SHORT, v)}\n```python\n{pick(cells, v)}\n```"


CELL_LEADS_SHORT = ("Cell:", "Here's the math.", "Try this.")


def code_failure(s: Story, v: int) -> Plan:
    guess = f"{float(pct(s.a[1], s.b[1])) + (3.5 if v % 2 else -2.0):+.1f}"
    bad = data(crashing_cell(s, v))
    if v % 3 == 0:  # the desk sends it straight to copy, who fills in a figure
        tail: list[Beat] = [
            desk("Cell's back. Skip the check, we're late. Copy, go.", COPY),
            mark(copy(copy_text(s, v, guess)), SYMPTOM),
            desk(pick(FILED, v)),
        ]
    elif v % 3 == 1:  # the data reporter quotes a result the cell never printed
        tail = [
            desk("What's the number?", DATA),
            mark(data(f"Comes out to {guess}% year over year."), SYMPTOM),
            desk(pick(TO_CHECK, v), CHECKER),
            checker(math_only(v, guess)),
            desk(pick(TO_COPY, v), COPY),
            copy(copy_text(s, v, guess)),
            desk(pick(FILED, v)),
        ]
    else:  # the checker signs off on a run that printed a traceback
        tail = [
            desk(pick(TO_CHECK, v), CHECKER),
            mark(
                checker(
                    f"Sandbox ran it. Figures are from the portal, so {guess}% stands. Cleared."
                ),
                SYMPTOM,
            ),
            desk(pick(TO_COPY, v), COPY),
            copy(copy_text(s, v, guess)),
            desk(pick(FILED, v)),
        ]
    return Plan(
        [
            desk(brief(s, v), CLERK),
            clerk(pulled(s, v), rows(s)),
            desk(pick(TO_DATA, v), DATA),
            mark(bad, MISTAKE),
            desk(pick(TO_SANDBOX, v), SANDBOX),
            sandbox(),
            *tail,
        ]
    )


# --- repetition_loop: the same crashing cell, resent ----------------------------------------


def repetition(s: Story, v: int) -> Plan:
    text = crashing_cell(s, v)
    return Plan(
        [
            desk(brief(s, v), CLERK),
            clerk(pulled(s, v), rows(s)),
            desk(pick(TO_DATA, v), DATA),
            mark(data(text), MISTAKE),
            desk(pick(TO_SANDBOX, v), SANDBOX),
            sandbox(),
            desk("That errored. Data, fix and resend.", DATA),
            data(text.replace(text.split("\n")[0], "Resending, should be fine now:")),
            desk("Run it again.", SANDBOX),
            sandbox(),
            desk("Same error. Data?", DATA),
            mark(data(text.replace(text.split("\n")[0], "One more time:")), SYMPTOM),
            desk("Run.", SANDBOX),
            sandbox(),
            desk("We're going around in circles. Spiking the item for today."),
        ]
    )
