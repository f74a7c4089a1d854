"""Held-out family: a city newsroom's data desk on ``langgraph-supervisor``.

Six agents under a supervisor (``desk_editor``): a records clerk with an
open-data portal tool, a data reporter who writes Python cells, a sandbox that
runs them for real, a fact checker (the same portal tool) and a copy chief.
Written apart from the other families and from the analyzer, to measure how
attribution carries over to a team it was not designed beside; kept out of the
default corpus (``python -m benchmarks.corpus.generate --heldout``).

    python -m benchmarks.corpus.langgraph_newsroom STORE_DIR RECORDS.json
"""

from __future__ import annotations

from collections.abc import Callable

from benchmarks.corpus import _common as c
from benchmarks.corpus._newsroom_beats import (
    MISTAKE,
    SYMPTOM,
    TO_DATA,
    TO_SANDBOX,
    checked,
    checker,
    clerk,
    code_msg,
    copy,
    copy_text,
    data,
    desk,
    pick,
    pulled,
    sandbox,
    scripts,
    turn_of,
)
from benchmarks.corpus._newsroom_desk import CHECKER, CLERK, COPY, DATA, SANDBOX, build_desk
from benchmarks.corpus._newsroom_faults import (
    Plan,
    _decoyed,
    assumed_in_code,
    bad_assumption,
    bad_split,
    code_failure,
    crashing_cell,
    mis_keyed,
    pipeline,
    repetition,
    rows,
    wrong_code,
    wrong_input,
    wrong_source,
)
from benchmarks.corpus._newsroom_stories import STORIES, Story, portal
from benchmarks.corpus._newsroom_trouble import (
    clerk_placeholder,
    copy_misreports,
    data_misreports,
    data_placeholder,
    lost_constraint,
    misspelt_table_ignored,
    trouble_at_check,
    trouble_at_copy,
    trouble_with_math,
    wrong_period_ignored,
)

FRAMEWORK = "langgraph-newsroom"

# --- healthy runs, near misses included ---------------------------------------------------


def clean(s: Story, v: int) -> Plan:
    return Plan(pipeline(s, v))


def code_fixed(s: Story, v: int) -> Plan:
    """The first cell crashes; the data reporter fixes it and the fixed one runs."""
    return Plan(
        pipeline(
            s,
            v,
            data=[
                data(crashing_cell(s, v)),
                desk(pick(TO_SANDBOX, v), SANDBOX),
                sandbox(),
                desk("Traceback. Data, take another pass.", DATA),
                data(code_msg(s, v + 1, lead="My bad, fixed:")),
            ],
        )
    )


def retried_lookup(s: Story, v: int) -> Plan:
    """The clerk asks for a period the portal spells otherwise, reads the 404, asks again."""
    short = s.b[0].replace("20", "", 1)
    text = f"First try used {short}; the portal wants {s.b[0]}. Re-pulled. " + pulled(s, v)
    return Plan(
        pipeline(
            s,
            v,
            clerk=clerk(text, [(s.dataset, s.a[0]), (s.dataset, short)], [(s.dataset, s.b[0])]),
        )
    )


def caught_by_checker(s: Story, v: int) -> Plan:
    """The clerk pulls the decoy; the checker catches it and the desk has it redone."""
    d = s.decoy
    old, new, pulled_rows = _decoyed(s)
    return Plan(
        pipeline(
            s,
            v,
            clerk=clerk(pulled(s, v, s.fmt(old), s.fmt(new)), pulled_rows),
            data=data(code_msg(s, v, old, new)),
            check=[
                checker(
                    f"Stop. {s.fmt(d.value)} is {d.what}, not {s.what} for the period "
                    f"asked. Needs the {s.dataset} row.",
                    rows(s),
                ),
                desk("Clerk, redo that pull with the right table and period.", CLERK),
                clerk("Sorry, grabbed the wrong row. " + pulled(s, v + 1), rows(s)),
                desk(pick(TO_DATA, v + 1), DATA),
                data(code_msg(s, v + 1)),
                desk(pick(TO_SANDBOX, v + 1), SANDBOX),
                sandbox(),
                desk("Checker, once more.", CHECKER),
                checker(checked(s, v + 1)),
            ],
        )
    )


def copy_sent_back(s: Story, v: int) -> Plan:
    """Copy writes the wrong direction; the checker reading the final sends it back."""
    flipped = (
        copy_text(s, v).replace("rose", "fell")
        if "rose" in copy_text(s, v)
        else (copy_text(s, v).replace("fell", "rose"))
    )
    return Plan(
        pipeline(
            s,
            v,
            copy=[
                copy(flipped),
                desk("Checker, read the final before it goes.", CHECKER),
                checker(
                    f"Direction's wrong in the copy: per the cell, {s.what} moved the "
                    "other way. Fix the verb."
                ),
                desk("Copy, flip that verb.", COPY),
                copy("Fixed.\n" + copy_text(s, v)),
                desk("Checker?", CHECKER),
                checker("Reads right now. Cleared."),
            ],
        )
    )


def clarified(s: Story, v: int) -> Plan:
    """The clerk asks which row is meant; the desk answers; then the normal run."""
    d = s.decoy
    if d.dataset == s.dataset:  # the decoy is another period of the same table
        ask = (
            f"Quick check before I pull: {s.b[0]} against {s.a[0]}, or against "
            f"{d.period}? Both are posted."
        )
        answer = f"Against {s.a[0]}. {d.what.capitalize()} isn't the comparison we want."
    else:
        ask = (
            f"Before I pull: do you want {s.dataset} or {d.dataset} ({d.what})? "
            "Both are on the portal."
        )
        answer = f"{s.dataset}. {d.what.capitalize()} is a different story."
    return Plan(
        pipeline(s, v, clerk=[clerk(ask), desk(answer, CLERK), clerk(pulled(s, v), rows(s))])
    )


def portal_retry(s: Story, v: int) -> Plan:
    """The portal times out once; the clerk pulls again."""
    text = "Portal timed out on the first try; second pull went through. " + pulled(s, v)
    plan = Plan(pipeline(s, v, clerk=clerk(text, rows(s), [(s.dataset, s.a[0])])))
    plan.failing = {s.dataset}
    return plan


def self_corrected(s: Story, v: int) -> Plan:
    o, n = s.names
    lead = (
        f"First pass divided by {n}, which is wrong for a change from {s.a[0]}; "
        f"corrected to divide by {o}:"
    )
    return Plan(pipeline(s, v, data=data(code_msg(s, v, lead=lead))))


Builder = Callable[[Story, int], Plan]
# (scenario suffix, mode, story, builder)
RUNS: tuple[tuple[str, str, str, Builder], ...] = (
    ("ws-overtime", c.WRONG_SOURCE, "overtime", wrong_source),
    ("ws-bus", c.WRONG_SOURCE, "bus", wrong_source),
    ("ws-restaurants", c.WRONG_SOURCE, "restaurants", wrong_source),
    ("wi-library", c.WRONG_INPUT, "library", wrong_input),
    ("wi-shelter", c.WRONG_INPUT, "shelter", wrong_input),
    ("wi-parking", c.WRONG_INPUT, "parking", mis_keyed),
    ("split-potholes", c.BAD_SPLIT, "potholes", bad_split),
    ("split-evictions", c.BAD_SPLIT, "evictions", bad_split),
    ("split-kinder", c.BAD_SPLIT, "kinder", bad_split),
    ("assume-noise", c.BAD_ASSUMPTION, "noise", bad_assumption),
    ("assume-trees", c.BAD_ASSUMPTION, "trees", bad_assumption),
    ("assume-parking", c.BAD_ASSUMPTION, "parking", assumed_in_code),
    ("accepted-mains", c.WRONG_ACCEPTED, "mains", wrong_code),
    ("accepted-ems", c.WRONG_ACCEPTED, "ems", wrong_code),
    ("accepted-permits", c.WRONG_ACCEPTED, "permits", wrong_code),
    ("crash-overtime", c.CODE_FAILURE, "overtime", code_failure),
    ("crash-library", c.CODE_FAILURE, "library", code_failure),
    ("crash-noise", c.CODE_FAILURE, "noise", code_failure),
    ("flag-ems", c.SELF_REPORT, "ems", trouble_at_check),
    ("flag-mains", c.SELF_REPORT, "mains", trouble_at_copy),
    ("flag-kinder", c.SELF_REPORT, "kinder", trouble_with_math),
    ("misquote-bus", c.MISREPORTED, "bus", copy_misreports),
    ("misquote-trees", c.MISREPORTED, "trees", data_misreports),
    ("placeholder-evictions", c.MADE_UP, "evictions", clerk_placeholder),
    ("placeholder-restaurants", c.MADE_UP, "restaurants", data_placeholder),
    ("portal-error-shelter", c.TOOL_FAILURE, "shelter", wrong_period_ignored),
    ("portal-error-potholes", c.TOOL_FAILURE, "potholes", misspelt_table_ignored),
    ("lost-settlement-overtime", c.LOST_CONSTRAINT, "overtime", lost_constraint),
    ("loop-evictions", c.REPETITION, "evictions", repetition),
    # healthy, near misses included
    ("ok-overtime", c.HEALTHY, "overtime", clean),
    ("ok-kinder", c.HEALTHY, "kinder", clean),
    ("ok-trees", c.HEALTHY, "trees", clean),
    ("ok-permits", c.HEALTHY, "permits", clean),
    ("ok-shelter", c.HEALTHY, "shelter", clean),
    ("ok-noise", c.HEALTHY, "noise", clean),
    ("fixed-cell-potholes", c.HEALTHY, "potholes", code_fixed),
    ("fixed-cell-ems", c.HEALTHY, "ems", code_fixed),
    ("retry-404-library", c.HEALTHY, "library", retried_lookup),
    ("retry-404-bus", c.HEALTHY, "bus", retried_lookup),
    ("caught-parking", c.HEALTHY, "parking", caught_by_checker),
    ("caught-mains", c.HEALTHY, "mains", caught_by_checker),
    ("sent-back-restaurants", c.HEALTHY, "restaurants", copy_sent_back),
    ("asked-evictions", c.HEALTHY, "evictions", clarified),
    ("timeout-kinder", c.HEALTHY, "kinder", portal_retry),
    ("self-fix-overtime", c.HEALTHY, "overtime", self_corrected),
)


async def scenarios(rec: c.Recorder) -> None:
    for v, (suffix, mode, key, build) in enumerate(RUNS):
        story = STORIES[key]
        plan = build(story, v)
        task = plan.task or story.task
        root, symptom = turn_of(plan.beats, MISTAKE), turn_of(plan.beats, SYMPTOM)
        app = build_desk(scripts(plan.beats), portal(story, plan.extra), plan.failing)

        async def body(task: str, app: object = app) -> str:
            out = app.invoke(  # type: ignore[attr-defined]
                {"messages": [{"role": "user", "content": task}]},
                {"recursion_limit": 80},
            )
            return str(out["messages"][-1].content)

        await rec.run(f"nr-{suffix}", mode, task, body, root=root, symptom=symptom)


def main() -> int:
    return c.main(FRAMEWORK, scenarios)


if __name__ == "__main__":
    raise SystemExit(main())
