"""More of the newsroom desk's failing runs: trouble reported late, results misreported,
placeholder figures, ignored portal errors, a dropped constraint."""

from __future__ import annotations

from benchmarks.corpus._newsroom_beats import (
    FILED,
    MISTAKE,
    SYMPTOM,
    TO_CHECK,
    TO_COPY,
    TO_DATA,
    TO_SANDBOX,
    brief,
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
from benchmarks.corpus._newsroom_faults import FORMULAS, Plan, _decoyed, bad_split, rows
from benchmarks.corpus._newsroom_stories import Story, pct

# --- self_reported_trouble: a later turn says something is off --------------------------


def trouble_at_check(s: Story, v: int) -> Plan:
    """The clerk pulled the decoy; the checker re-pulls and refuses to sign."""
    d = s.decoy
    old, new, pulled_rows = _decoyed(s)
    real = s.va if d.side == "a" else s.vb
    period = s.a[0] if d.side == "a" else s.b[0]
    return Plan(
        [
            desk(brief(s, v), CLERK),
            mark(clerk(pulled(s, v, s.fmt(old), s.fmt(new)), pulled_rows), MISTAKE),
            desk(pick(TO_DATA, v), DATA),
            data(code_msg(s, v, old, new)),
            desk(pick(TO_SANDBOX, v), SANDBOX),
            sandbox(),
            desk(pick(TO_CHECK, v), CHECKER),
            mark(
                checker(
                    f"Can't clear this. The portal has {real} for {period}; the thread is using "
                    f"{s.fmt(d.value)}, which as far as I can tell is {d.what}. I don't know where "
                    "the mix-up happened but the comparison doesn't hold.",
                    rows(s),
                ),
                SYMPTOM,
            ),
            desk("No time to rework it tonight. Holding the item."),
        ]
    )


def trouble_at_copy(s: Story, v: int) -> Plan:
    """The desk's brief named the wrong row; copy cannot write it and says so."""
    plan = bad_split(s, v)
    at_check = next(i for i, b in enumerate(plan.beats) if b.agent == CHECKER)
    # the desk skips the fact check: straight from the sandbox to copy
    beats = plan.beats[: at_check - 1] + plan.beats[at_check + 1 :]
    at = next(i for i, b in enumerate(beats) if b.agent == COPY)
    beats[at] = mark(
        copy(
            f"Stuck on this one. The question is about {s.what}, but one of the two figures "
            f"in the thread is {s.decoy.what}. I can't write a straight comparison out of "
            "that. Kicking it back instead of filing."
        ),
        SYMPTOM,
    )
    beats[at + 1] = desk("Understood, spiking it for now.")
    return Plan(beats)


def trouble_with_math(s: Story, v: int) -> Plan:
    """The cell computes the wrong thing; the checker gets another number by hand."""
    formula, printed = FORMULAS[(v + 1) % len(FORMULAS)]
    wrong = f"{printed(s.a[1], s.b[1]):+.1f}"
    return Plan(
        [
            desk(brief(s, v), CLERK),
            clerk(pulled(s, v), rows(s)),
            desk(pick(TO_DATA, v), DATA),
            mark(data(code_msg(s, v, formula=formula)), MISTAKE),
            desk(pick(TO_SANDBOX, v), SANDBOX),
            sandbox(),
            desk(pick(TO_CHECK, v), CHECKER),
            mark(
                checker(
                    f"By hand I get {pct(s.a[1], s.b[1])}% from those two rows, but the sandbox "
                    f"printed {wrong}%. I can't sign off while they disagree."
                ),
                SYMPTOM,
            ),
            desk("Pulling it from the queue until we sort that out."),
        ]
    )


# --- misreported_result: someone quotes another number than the cell printed ----------------


def _swap_digits(res: str) -> str:
    sign, digits = res[0], res[1:].replace(".", "")
    if len(digits) == 2:
        digits = digits[::-1]
    else:
        digits = digits[1] + digits[0] + digits[2:]
    return f"{sign}{digits[:-1]}.{digits[-1]}"


def copy_misreports(s: Story, v: int) -> Plan:
    res = pct(s.a[1], s.b[1])
    said = _swap_digits(res)
    return Plan(
        [
            desk(brief(s, v), CLERK),
            clerk(pulled(s, v), rows(s)),
            desk(pick(TO_DATA, v), DATA),
            data(code_msg(s, v)),
            desk(pick(TO_SANDBOX, v), SANDBOX),
            sandbox(),
            desk("Copy, draft it now and the checker reads the final.", COPY),
            mark(copy(copy_text(s, v, said)), MISTAKE),
            desk(pick(TO_CHECK, v), CHECKER),
            mark(
                checker("Brief reads fine and the sourcing is right. Cleared to publish."), SYMPTOM
            ),
            desk(pick(FILED, v)),
        ]
    )


def data_misreports(s: Story, v: int) -> Plan:
    said = _swap_digits(pct(s.a[1], s.b[1]))
    return Plan(
        [
            desk(brief(s, v), CLERK),
            clerk(pulled(s, v), rows(s)),
            desk(pick(TO_DATA, v), DATA),
            data(code_msg(s, v)),
            desk(pick(TO_SANDBOX, v), SANDBOX),
            sandbox(),
            desk("Data, give me the one-line takeaway.", DATA),
            mark(
                data(f"{s.what.capitalize()} changed {said}% from {s.a[0]} to {s.b[0]}."), MISTAKE
            ),
            desk(pick(TO_CHECK, v), CHECKER),
            mark(checker(math_only(v, said)), SYMPTOM),
            desk(pick(TO_COPY, v), COPY),
            copy(copy_text(s, v, said)),
            desk(pick(FILED, v)),
        ]
    )


# --- made_up_data: placeholder figures that nobody replaces ---------------------------------


def clerk_placeholder(s: Story, v: int) -> Plan:
    guess = int(round(s.a[1] * 0.93, -1 if s.a[1] < 10_000 else -3))
    text = (
        f"{s.b[0]}: {s.vb}. The {s.a[0]} pull timed out, so I'm penciling in "
        f"{s.fmt(guess)} for {s.a[0]}; that's about where it usually sits. Data can "
        "start with that."
    )
    res = pct(guess, s.b[1])
    beats = [
        desk(brief(s, v), CLERK),
        mark(clerk(text, rows(s)), MISTAKE),
        desk(pick(TO_DATA, v), DATA),
        data(code_msg(s, v, guess, s.b[1])),
        desk(pick(TO_SANDBOX, v), SANDBOX),
        sandbox(),
        desk(pick(TO_CHECK, v), CHECKER),
        mark(checker(math_only(v, res)), SYMPTOM),
        desk(pick(TO_COPY, v), COPY),
        copy(copy_text(s, v, res, va=s.fmt(guess))),
        desk(pick(FILED, v)),
    ]
    return Plan(beats, failing={s.dataset})


def data_placeholder(s: Story, v: int) -> Plan:
    fake_a, fake_b = int(round(s.a[1], -2)) or 100, int(round(s.a[1] * 1.12, -2)) or 112
    res = pct(fake_a, fake_b)
    lead = (
        f"Records are still out, so here's the shape of it with stand-in values "
        f"({fake_a:,} and {fake_b:,}); we swap in the real rows once they land."
    )
    return Plan(
        [
            desk(
                f"Records are slow today. Data, rough out the {s.what} change so we have "
                "something in the queue.",
                DATA,
            ),
            mark(data(code_msg(s, v, fake_a, fake_b, lead=lead)), MISTAKE),
            desk(pick(TO_SANDBOX, v), SANDBOX),
            sandbox(),
            desk(pick(TO_CHECK, v), CHECKER),
            mark(checker(math_only(v, res)), SYMPTOM),
            desk(pick(TO_COPY, v), COPY),
            copy(copy_text(s, v, res, va=s.fmt(fake_a), vb=s.fmt(fake_b))),
            desk(pick(FILED, v)),
        ]
    )


# --- tool_failure_ignored: a portal error read as a value ------------------------------------


def _flat(s: Story, v: int, pulls: list[tuple[str, str]], text: str) -> Plan:
    res = pct(s.a[1], s.a[1])
    return Plan(
        [
            desk(brief(s, v), CLERK),
            mark(clerk(text, pulls), MISTAKE),
            desk(pick(TO_DATA, v), DATA),
            data(code_msg(s, v, s.a[1], s.a[1])),
            desk(pick(TO_SANDBOX, v), SANDBOX),
            sandbox(),
            desk(pick(TO_CHECK, v), CHECKER),
            mark(checker(math_only(v, res)), SYMPTOM),
            desk(pick(TO_COPY, v), COPY),
            copy(
                f"{s.hed}? Not quite: {s.what} held steady at {s.va} in {s.b[0]}, city data show."
            ),
            desk(pick(FILED, v)),
        ]
    )


def wrong_period_ignored(s: Story, v: int) -> Plan:
    short = s.b[0].replace("20", "", 1)
    text = (
        f"{s.a[0]}: {s.va}. Nothing came back for {s.b[0]}, so it hasn't changed; "
        f"carry {s.va} forward."
    )
    return _flat(s, v, [(s.dataset, s.a[0]), (s.dataset, short)], text)


def misspelt_table_ignored(s: Story, v: int) -> Plan:
    text = (
        f"{s.a[0]} is {s.va}. The {s.b[0]} lookup returned no row, which on this "
        "portal means no new data since last year: same figure."
    )
    return _flat(s, v, [(s.dataset, s.a[0]), (s.dataset + "s", s.b[0])], text)


# --- lost_constraint: the brief drops what the task excluded ---------------------------------

SETTLEMENT = 2_100_000
CONSTRAINED_TASK = (
    "How much did police overtime spending change from FY2023 to FY2024, leaving out the "
    "one-time $2.1 million back-pay settlement booked in FY2024? Two-sentence web brief."
)


def lost_constraint(s: Story, v: int) -> Plan:
    row = s.row(s.b[1], note=f"includes one-time back-pay settlement of ${SETTLEMENT:,}")
    brief_text = (
        f"Overtime brief. Clerk, pull {s.dataset} for {s.a[0]} and {s.b[0]}; "
        "data does the percent change."
    )
    res = pct(s.a[1], s.b[1])
    return Plan(
        [
            mark(desk(brief_text, CLERK), MISTAKE),
            clerk(pulled(s, v), rows(s)),
            desk(pick(TO_DATA, v), DATA),
            data(code_msg(s, v)),
            desk(pick(TO_SANDBOX, v), SANDBOX),
            sandbox(),
            desk(pick(TO_CHECK, v), CHECKER),
            mark(checker(math_only(v, res), rows(s)), SYMPTOM),
            desk(pick(TO_COPY, v), COPY),
            copy(copy_text(s, v, res)),
            desk(pick(FILED, v)),
        ],
        extra={(s.dataset, s.b[0]): row},
        task=CONSTRAINED_TASK,
    )
