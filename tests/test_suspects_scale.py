"""A power of ten in code (``100 *`` for a percentage, ``/ 1000`` for a unit) is a
scale, not a value the result rests on: the program's author does not keep all the
credit for a result because it wrote one."""

from __future__ import annotations

import polars as pl
from analyzer_builders import Run, suspect_context

from analyzer.suspects import features, provenance


def _provenance(run: Run) -> dict[str, float]:
    ctx = suspect_context(run)
    return {r["span_id"]: r["score"] for r in features.result_provenance(ctx).to_dicts()}


def _run(a: str, b: str) -> tuple[Run, str, str]:
    run = Run(1, outcome="failure")
    run.say(run.root, "What share of the dosed subjects had a grade 3 event?", direction="input")
    data = run.turn("Data", "Dosed subjects: 11 (use dose_count_v2 for the count).")
    coder = run.turn(
        "Coder",
        f"```python\nhits = 3\nprint(round({a} * hits / 11, 1), round({b} * hits / 11))\n```",
    )
    run.turn("Terminal", "27.3 273", actor="code")
    run.turn("Lead", "27.3% of the dosed subjects. TERMINATE")
    run.say(run.root, "27.3% of the dosed subjects. TERMINATE")
    return run, data, coder


def test_a_percentage_scale_in_code_is_no_value_introduced() -> None:
    """The coder's program divides by the data step's 11 and scales by 100 and 1000
    (a percentage and a rate per thousand): the coder keeps the computation's share
    only, the rest is the data step's figure."""
    run, data, coder = _run("100", "1000")
    got = _provenance(run)
    assert got[coder] == provenance.CODE_KEEP and got[data] == 1 - provenance.CODE_KEEP


def test_another_constant_in_code_is_still_the_coders() -> None:
    """Constants that are no powers of ten (weightings) are the coder's own values:
    it keeps more than the computation's share."""
    run, data, coder = _run("1.5", "2.5")
    got = _provenance(run)
    assert got[coder] > provenance.CODE_KEEP and got[coder] > got[data]


def test_scale_matches_powers_of_ten_only() -> None:
    matches = pl.Series(["100", "1000", "0.01", ".1", "10", "101", "1.5", "200", "0.02"])
    got = matches.str.contains(provenance.SCALE).to_list()
    assert got == [True, True, True, True, False, False, False, False, False]
