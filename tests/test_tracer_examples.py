"""The tracer's examples run and write what they promise into the local store."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tracer.store_format import FILE_GLOB

REPO = Path(__file__).resolve().parents[1]


def run_example(name: str, store: Path, *args: str) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COORDGAP_", "OTEL_"))}
    env["COORDGAP_PATH"] = str(store)
    done = subprocess.run(
        [sys.executable, str(REPO / "examples" / name), *args],
        env=env,
        cwd=store.parent,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def spans_in(store: Path) -> list[dict[str, Any]]:
    out = []
    for path in sorted(store.glob(FILE_GLOB)):
        for line in path.read_text().splitlines():
            for rs in json.loads(line)["resourceSpans"]:
                service = next(
                    a["value"]["stringValue"]
                    for a in rs["resource"]["attributes"]
                    if a["key"] == "service.name"
                )
                for ss in rs["scopeSpans"]:
                    out.extend({**s, "service": service} for s in ss["spans"])
    return out


@pytest.mark.parametrize(
    ("example", "args", "runs"),
    [("plain_pipeline.py", ("--runs", "6"), 6), ("asyncio_pipeline.py", ("--runs", "3"), 3)],
)
def test_pipeline_examples_trace_every_run(
    tmp_path: Path, example: str, args: tuple[str, ...], runs: int
) -> None:
    """One workflow span per run, each with an outcome or an error, plus handoffs."""
    store = tmp_path / "spans"
    run_example(example, store, *args)
    spans = spans_in(store)
    roots = [s for s in spans if s["name"].startswith("invoke_workflow")]
    assert len(roots) == runs
    assert any(s["name"].startswith("handoff ") for s in spans)
    for root in roots:
        keys = {a["key"] for a in root.get("attributes", [])}
        assert "coordgap.outcome" in keys or root["status"].get("code") == 2


def test_cross_process_example_keeps_one_trace(tmp_path: Path) -> None:
    """Editor, approver and late feedback run in other processes, in the same trace."""
    store = tmp_path / "spans"
    out = run_example("cross_process.py", store)
    trace_id = out.split()[1].rstrip(":")
    spans = spans_in(store)
    assert {s["traceId"] for s in spans} == {trace_id}
    assert {s["service"] for s in spans} == {
        "cross-process",
        "cross-process-editor",
        "cross-process-approver",
        "cross-process-feedback",
    }
    by_name = {s["name"]: s for s in spans}
    assert (
        by_name["invoke_agent editor"]["parentSpanId"]
        == by_name["handoff writer -> editor"]["spanId"]
    )
    assert (
        by_name["invoke_agent approve"]["parentSpanId"]
        == by_name["invoke_agent approval"]["spanId"]
    )
    outcome = {a["key"]: a["value"] for a in by_name["outcome"]["attributes"]}
    assert outcome["coordgap.outcome"] == {"stringValue": "failure"}
    assert outcome["coordgap.outcome.trace_id"] == {"stringValue": trace_id}


def test_the_documented_example_runs_and_records_its_handoff(tmp_path: Path) -> None:
    """The first code block of docs/tracer.md (the README example) runs as written."""
    text = (REPO / "docs" / "tracer.md").read_text()
    code = text.split("```python\n", 1)[1].split("```", 1)[0]
    script = tmp_path / "example.py"
    script.write_text(code)
    store = tmp_path / "spans"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COORDGAP_", "OTEL_"))}
    env["COORDGAP_PATH"] = str(store)
    done = subprocess.run(
        [sys.executable, str(script)], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    spans = {s["name"]: s for s in spans_in(store)}
    assert set(spans) == {
        "invoke_workflow teaser",
        "invoke_agent writer",
        "handoff writer -> editor",
        "verify brand-check",
    }
    handoff = {a["key"]: a["value"] for a in spans["handoff writer -> editor"]["attributes"]}
    assert handoff["coordgap.handoff.violation_count"] == {"intValue": "0"}  # a healthy run
    assert handoff["coordgap.handoff.carry"] == {
        "arrayValue": {"values": [{"stringValue": "brand_voice"}]}
    }
