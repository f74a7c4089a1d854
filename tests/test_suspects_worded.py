"""A word code quotes that an earlier agent's message said in plain words came from that
message (analyzer.suspects.provenance)."""

from __future__ import annotations

from analyzer_builders import feature_rows, suspect_context, task_run

from analyzer.suspects import features, provenance
from analyzer.suspects.result_features import task_atoms

CODE = (
    "```python\nimport csv\nrows = list(csv.reader(open('intake.csv')))[1:]\n"
    "print(sum(int(kg) for docket, kg, status in rows if status == 'accepted'))\n```"
)


def _origins(run: object, *atoms: str) -> dict[str, int]:
    """The earliest turn that has each of ``atoms`` among its novel atoms."""
    t = suspect_context(run).turns
    novel = provenance.novel_atoms(t, task_atoms(t))
    return {a: min(novel.filter(novel["atom"] == a)["turn"]) for a in atoms}


def _turns(run: object) -> dict[str, int]:
    t = suspect_context(run).turns
    return dict(zip(t["span_id"], t["turn"], strict=True))


def test_a_quoted_word_the_brief_said_is_the_briefs() -> None:
    """The lead asked for the accepted dockets only; the coder's filter on 'accepted' is
    the lead's choice written as code: the result rests on the lead's brief, the coder
    keeps what computing it earns."""
    run = task_run("How many kg of apples did the co-op take in? intake.csv has them.")
    lead = run.turn("Lead", "Coder: total the kg of the accepted dockets in intake.csv.")
    coder = run.turn("Coder", CODE)
    run.turn("Terminal", "3500")
    run.turn("Writer", "The co-op took in 3500 kg.")
    assert _origins(run, "accepted") == {"accepted": _turns(run)[lead]}
    got = {
        (r["agent"], r["span_id"]): r["score"] for r in feature_rows(features.answer_origin, run)
    }
    assert round(got["Lead", lead], 4) == 1 - provenance.CODE_KEEP
    assert round(got["Coder", coder], 4) == provenance.CODE_KEEP


def test_the_latest_message_that_said_it_gave_it() -> None:
    """Two agents said the word before the coder quoted it: the later message is the one
    the coder acted on."""
    run = task_run("How many kg of apples did the co-op take in? intake.csv has them.")
    run.turn("Lead", "Clerk: list the accepted and rejected dockets; then the coder sums.")
    clerk = run.turn("Clerk", "Dockets D1 and D2 are accepted, D3 rejected.")
    run.turn("Coder", CODE)
    assert _origins(run, "accepted") == {"accepted": _turns(run)[clerk]}


def test_a_tool_reply_or_the_coders_own_words_give_no_word() -> None:
    """A data row that holds the word, or the coder's own earlier message, is no brief:
    the coder chose the value."""
    run = task_run("How many kg of apples did the co-op take in? intake.csv has them.")
    run.turn("Lead", "Coder: total the kg in intake.csv.")
    coder = run.agent("Coder")
    run.say(run.tool("read_file", parent=coder), "docket,kg,status\nD1,1200,accepted")
    run.say(coder, "The rows marked accepted count.")
    second = run.turn("Coder", CODE)
    turn_of = _turns(run)
    assert _origins(run, "accepted") == {"accepted": turn_of[second]}
    assert turn_of[coder] < turn_of[second]
