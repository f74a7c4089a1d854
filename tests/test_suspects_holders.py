"""A manager whose span holds the turns it delegated (a hierarchical crew, an
orchestrator under which the coworkers run): its own output is said when they are
done, its briefs when it hands over. Built runs, the ranking's top suspect."""

from __future__ import annotations

import json

from analyzer_builders import Run, suspect_context

from analyzer.suspects import rank


def _top(run: Run) -> tuple[str, str]:
    ranked = rank(suspect_context(run))
    top = ranked.row(0, named=True)["suspects"][0]
    return top["agent"], top["span_id"]


def _crew(brief: str, priced: str, answer: str) -> tuple[Run, str, str]:
    """Manager (one span from 10 to 200 ms) -> Pricer (a turn at 50 ms) -> Manager."""
    run = Run(1, outcome="failure")
    run.say(run.root, "Gross price of quote SQ-3104 at the 2026 list.", direction="input")
    manager = run.plan("Manager", ["Pricer"], at_ms=10, duration_ms=190)
    out = run.handoff("Manager", "Pricer", parent=manager, at_ms=20, duration_ms=0.01)
    run.say(out, brief, direction="payload")
    pricer = run.agent("Pricer", parent=manager, at_ms=50, duration_ms=20)
    run.say(pricer, priced)
    back = run.handoff("Pricer", "Manager", parent=manager, at_ms=80, duration_ms=0.01)
    run.say(back, priced, direction="payload")
    run.say(manager, answer)
    return run, manager, pricer


def test_a_holders_answer_restates_what_its_coworker_introduced() -> None:
    """The manager's span opens first, but its answer comes last: the price the
    pricer made up is the pricer's, not the manager's."""
    run, _, pricer = _crew(
        "Price quote SQ-3104 from the 2026 list.",
        "SQ-3104: 14 panels PNL-430 at 312.50 USD: 4375.00 USD",
        "Gross price: 4375.00 USD",
    )
    assert _top(run) == ("Pricer", pricer)


def test_a_holders_brief_is_its_word_at_the_handover() -> None:
    """The manager's brief changed the task's quote SQ-3104 to SQ-3140; the pricer
    priced what it was told: the manager's step is the suspect."""
    run, manager, _ = _crew(
        "Price quote SQ-3140 from the 2026 list.",
        "SQ-3140: 12 panels PNL-430 at 312.50 USD: 3750.00 USD",
        "Gross price: 3750.00 USD",
    )
    assert _top(run) == ("Manager", manager)


def test_a_holder_speaks_at_its_briefs_and_at_its_end() -> None:
    """The turns: the run, the manager's brief (its word, at the handover), the
    pricer, then the manager's own output (its span ends last)."""
    run, manager, pricer = _crew("Price quote SQ-3104.", "SQ-3104: 4375.00 USD", "4375.00 USD")
    rows = suspect_context(run).turns.sort("turn").select("agent", "owner_span_id", "output").rows()
    assert rows == [
        (None, None, None),
        ("Manager", manager, "Price quote SQ-3104."),
        ("Pricer", pricer, "SQ-3104: 4375.00 USD"),
        ("Manager", manager, "4375.00 USD"),
    ]


def _initiated(opening: str) -> tuple[Run, str, str]:
    """A chat's initiator whose span holds the team's turns and records as its output
    the opening message it sent (how a group chat's initiate span is traced)."""
    run = Run(1, outcome="failure")
    run.say(run.root, "How many trips per dock did Ferry Terminal see in March?", direction="input")
    desk = run.agent("Desk", at_ms=10, duration_ms=190)
    message = "Bikes request.\n# Question\nHow many trips per dock did Ferry Terminal see?"
    run.say(
        desk, json.dumps({"message": message + "\n# Files\ntrips_2026_03.csv"}), direction="input"
    )
    run.say(desk, opening)
    reader = run.agent("Reader", parent=desk, at_ms=50, duration_ms=20)
    run.say(reader, "Ferry Terminal RB-101: 4,812 trips in March, 21 docks.")
    run.agent("Writer", parent=desk, at_ms=90, duration_ms=20)
    run.say(run.spans[-1]["span_id"], "Trips per dock: 229.1")
    return run, desk, reader


def test_an_initiators_opening_message_said_back_is_no_result() -> None:
    """The initiator's output is the message it opened with (its input said back): it
    introduced nothing; the reader's figures are the reader's."""
    opening = "Bikes request.\n# Question\nHow many trips per dock did Ferry Terminal see?"
    run, desk, reader = _initiated(opening + "\n# Files\ntrips_2026_03.csv")
    turns = suspect_context(run).turns
    assert turns.filter(turns["span_id"] == desk)["output"].to_list() == [None]
    assert _top(run) == ("Reader", reader)


def test_an_initiator_that_says_something_new_keeps_its_words() -> None:
    run, desk, _ = _initiated("Desk: use 12 docks for Ferry Terminal, not the register's count.")
    turns = suspect_context(run).turns
    assert turns.filter(turns["span_id"] == desk)["output"].to_list() != [None]
