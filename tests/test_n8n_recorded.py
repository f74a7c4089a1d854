"""Recorded n8n 2.41.1 data (tests/fixtures/n8n, from `make n8n-test` with
COORDGAP_N8N_RECORD set): its own OTel spans as `coordgap collect` stored them,
and the same six executions from the REST API. Faults per execution: 1-2 none,
3-4 the Code node "Enrich" throws, 5-6 the Set node "Trim Fields" drops `email`,
which the Code node "Send Receipt" needs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import analyzer
from analyzer.formats import N8N, FormatError, detect

FIXTURES = Path(__file__).parent / "fixtures" / "n8n"
EXECUTIONS = FIXTURES / "executions-2.41.1.json"
SPANS = FIXTURES / "otel-spans-2.41.1.jsonl"
#: `n8n execute --id ID --rawOutput | sed -n '/^{/,$p'` of Manual Trigger -> Code -> Set
RAW_OUTPUT = FIXTURES / "raw-output-2.41.1.json"
FAULT = {"1": None, "2": None, "3": "throw", "4": "throw", "5": "drop", "6": "drop"}


def _failures(db: Path, paths: list[Path]) -> dict[str, tuple[str, str, str]]:
    """execution id -> (category, agent, reason) of its failed run."""
    with analyzer.open(db) as store:
        store.ingest([str(p) for p in paths])
        traces = dict(
            store.con.execute(
                "SELECT trace_id, attributes['n8n.execution.id'] FROM spans "
                "WHERE name = 'workflow.execute'"
            ).fetchall()
        )
        failures = store.analyze().failures
    return {
        traces[f["trace_id"]]: (f["category"], f["agent"], f["reason"])
        for f in failures.iter_rows(named=True)
    }


def test_detects_n8n_execution_documents(tmp_path: Path) -> None:
    """A page, one execution and `n8n execute --rawOutput` are all the n8n format."""
    page = json.loads(EXECUTIONS.read_text())
    one = tmp_path / "one.json"
    one.write_text(json.dumps(page["data"][0]))
    raw = tmp_path / "raw.json"
    run = {k: v for k, v in page["data"][0].items() if k not in ("id", "workflowData")}
    raw.write_text(json.dumps(run))
    listed = tmp_path / "list.json"
    listed.write_text(json.dumps(page["data"]))
    for path, prefix in ((EXECUTIONS, "data.item"), (one, ""), (raw, ""), (listed, "item")):
        found = detect(str(path))
        assert (found.format, found.prefix) == (N8N, prefix), path.name


def test_execution_data_attributes_each_fault_to_its_node(tmp_path: Path) -> None:
    """The throw is Enrich's; the dropped field is the handoff out of Trim Fields."""
    got = _failures(tmp_path / "db.duckdb", [EXECUTIONS])
    assert {k: v[:2] for k, v in got.items()} == {
        "3": ("generation", "Enrich"),
        "4": ("generation", "Enrich"),
        "5": ("handoff", "Trim Fields"),
        "6": ("handoff", "Trim Fields"),
    }
    assert got["5"][2] == "handoff Trim Fields -> Send Receipt dropped carried key `email`"


def test_execution_data_handoffs_follow_source_previous_node(tmp_path: Path) -> None:
    """Handoffs are the edges n8n recorded (IF true branch -> Trim Fields -> Send Receipt
    when dropping; IF false branch -> Send Receipt otherwise), with item counts."""
    with analyzer.open(tmp_path / "db.duckdb") as store:
        store.ingest([str(EXECUTIONS)])
        rows = store.con.execute(
            "SELECT s.attributes['n8n.execution.id'], h.handoff_source, h.handoff_target, "
            "h.attributes['coordgap.handoff.items.out'], h.attributes['coordgap.handoff.items.in'] "
            "FROM spans h JOIN spans s ON s.trace_id = h.trace_id AND s.name = 'workflow.execute' "
            "WHERE h.operation = 'handoff' ORDER BY 1, h.start_ns"
        ).fetchall()
        again = store.ingest([str(EXECUTIONS)])
    edges: dict[str, list[tuple[Any, ...]]] = {}
    for execution, *edge in rows:
        edges.setdefault(execution, []).append(tuple(edge))
    assert edges["1"] == [
        ("Order Webhook", "Parse Order", "1", "1"),
        ("Parse Order", "Enrich", "1", "1"),
        ("Enrich", "Needs Trim?", "1", "1"),
        ("Needs Trim?", "Send Receipt", "1", "1"),
    ]
    assert edges["5"][-2:] == [
        ("Needs Trim?", "Trim Fields", "1", "1"),
        ("Trim Fields", "Send Receipt", "1", "1"),
    ]
    assert again.spans_added == 0


def test_otel_spans_attribute_each_failure_to_the_node_that_raised(tmp_path: Path) -> None:
    """n8n's own spans carry no item content: the drop shows where it broke."""
    got = _failures(tmp_path / "db.duckdb", [SPANS])
    assert {k: v[:2] for k, v in got.items()} == {
        "3": ("generation", "Enrich"),
        "4": ("generation", "Enrich"),
        "5": ("generation", "Send Receipt"),
        "6": ("generation", "Send Receipt"),
    }


def test_raw_output_without_workflow_leaves_actors_unknown(tmp_path: Path) -> None:
    """`n8n execute --rawOutput` has no node types: no actor is guessed."""
    run = {
        k: v for k, v in json.loads(EXECUTIONS.read_text())["data"][0].items()
        if k not in ("workflowData",)
    }  # fmt: skip
    path = tmp_path / "raw.json"
    path.write_text(json.dumps(run))
    with analyzer.open(tmp_path / "db.duckdb") as store:
        store.ingest([str(path)])
        actors = {
            r[0] for r in store.con.execute(
                "SELECT actor FROM spans WHERE name = 'node.execute'"
            ).fetchall()
        }  # fmt: skip
    assert actors == {None}


def test_flatted_execution_data_is_a_clear_error(tmp_path: Path) -> None:
    """n8n's internal stringified form names the file and what to do."""
    execution = json.loads(EXECUTIONS.read_text())["data"][0]
    execution["data"] = "[{...flatted...}]"
    path = tmp_path / "flat.json"
    path.write_text(json.dumps(execution))
    with analyzer.open(tmp_path / "db.duckdb") as store, pytest.raises(FormatError) as err:
        store.ingest([str(path)])
    assert "flat.json" in str(err.value) and "REST API" in str(err.value)


def test_real_raw_output_is_read_with_exact_handoffs(tmp_path: Path) -> None:
    """What `n8n execute --rawOutput` printed: the run, its nodes and their edges."""
    with analyzer.open(tmp_path / "db.duckdb") as store:
        store.ingest([str(RAW_OUTPUT)])
        rows = store.con.execute(
            "SELECT operation, agent, handoff_source, handoff_target, "
            "attributes['coordgap.handoff.items.out'] FROM spans"
        ).fetchall()
    assert sorted(rows, key=str) == sorted(
        [
            ("workflow", "n8n execution", None, None, None),
            ("agent", "Start", None, None, None),
            ("handoff", None, "Start", "Make", "1"),
            ("agent", "Make", None, None, None),
            ("handoff", None, "Make", "Keep A", "2"),
            ("agent", "Keep A", None, None, None),
        ],
        key=str,
    )
