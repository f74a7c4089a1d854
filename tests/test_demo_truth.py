"""Ground truth against attribution: the agreement figure and the confusion table."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
from rich.console import Console

from coordgap.demo.faults import FAULTS, NONE, RunPlan
from coordgap.demo.pipeline import RunRecord
from coordgap.demo.truth import compare, confusion_table, write_ground_truth


def _record(index: int, fault: str | None) -> RunRecord:
    category = FAULTS[fault].category if fault else NONE
    plan = RunPlan(
        index=index,
        seed=1,
        fault=fault,
        category=category,
        variant=0,
        send_back=False,
        retry=False,
        late_feedback=False,
    )
    return RunRecord(plan=plan, trace_id=f"{index:032x}", failed=fault is not None)


def _runs(rows: list[tuple[int, bool, str | None]]) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "trace_id": [f"{i:032x}" for i, _, _ in rows],
            "failed": [failed for _, failed, _ in rows],
            "category": [category for _, _, category in rows],
        },
        schema={"trace_id": pl.String, "failed": pl.Boolean, "category": pl.String},
    )


def test_agreement_counts_failed_runs_only() -> None:
    """Agreement is over runs that failed by ground truth; healthy runs count
    as false alarms when flagged."""
    records = [
        _record(0, "dropped_key"),
        _record(1, "silent_ordering"),
        _record(2, None),
        _record(3, None),
        _record(4, "tool_error"),
    ]
    runs = _runs(
        [
            (0, True, "handoff"),
            (1, True, "verification"),
            (2, False, None),
            (3, True, "unknown"),
            (4, True, "generation"),
        ]
    )
    comparison = compare(records, runs)
    assert (comparison.failed, comparison.agreed) == (3, 2)
    assert comparison.false_alarms == 1 and comparison.succeeded == 2
    assert comparison.headline().startswith(
        "attribution agrees with ground truth on 2/3 failed runs (66.7%)"
    )
    assert comparison.by_fault["silent_ordering"] == {"verification": 1}


def test_a_failed_run_the_analyzer_calls_healthy_disagrees() -> None:
    """A failed run the analyzer did not see failing is a disagreement ("none")."""
    comparison = compare([_record(0, "false_accept")], _runs([(0, False, None)]))
    assert comparison.agreed == 0 and comparison.matrix == {("verification", NONE): 1}


def test_missing_runs_are_reported() -> None:
    """A run whose trace is not in the analysis is counted as missing, not guessed."""
    comparison = compare([_record(0, "tool_error"), _record(1, None)], _runs([(1, False, None)]))
    assert comparison.missing == 1
    assert "1 runs missing from the store" in comparison.headline()


def test_no_failures_no_figure() -> None:
    """Without failed runs there is no agreement figure."""
    comparison = compare([_record(0, None)], _runs([(0, False, None)]))
    assert comparison.agreement is None
    assert comparison.headline().startswith("no run failed")


def test_confusion_table_renders_every_row() -> None:
    """The table has one row per ground-truth category present, with totals."""
    records = [_record(0, "dropped_key"), _record(1, None)]
    table = confusion_table(compare(records, _runs([(0, True, "handoff"), (1, False, None)])))
    console = Console(width=160, record=True)
    console.print(table)
    text = console.export_text()
    assert "handoff" in text and "none" in text
    assert table.row_count == 2


def test_ground_truth_file(tmp_path: Path) -> None:
    """One JSON line per run with trace id, fault and category."""
    path = write_ground_truth(
        [_record(0, "stale_state"), _record(1, None)], tmp_path / "truth.jsonl"
    )
    lines = [json.loads(line) for line in path.read_text().splitlines()]
    assert [line["category"] for line in lines] == ["handoff", "none"]
    assert lines[0]["trace_id"] == f"{0:032x}" and lines[0]["fault"] == "stale_state"
