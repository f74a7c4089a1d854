"""The blind family ``semantickernel_native_tidegauge`` (tests/corpus/blind/...): a tide-gauge
network's data desk as a Semantic Kernel team (a lead ChatCompletionAgent calling four other
agents as plugins; a clerk with a real file tool, a coder whose ``run_python`` really runs),
traced by Semantic Kernel's own OpenTelemetry diagnostics into ``coordgap collect``, written
without reading the analyzer. Accuracy is not asserted here.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import pytest
from corpus_support import regenerate, spans_by_run, turns_shape
from integration_support import need

ROOT = Path(__file__).resolve().parents[1]
FAMILY = ROOT / "tests" / "corpus" / "blind" / "semantickernel_native_tidegauge"
RUNS: dict[str, dict[str, Any]] = json.loads((FAMILY / "annotations.json").read_text())["runs"]
FAILING = {k: v for k, v in RUNS.items() if not v.get("healthy")}
AGENTS = {"tide_lead", "data_clerk", "py_coder", "checker", "notice_writer"}


def _turns_of(spans: list[dict[str, Any]]) -> list[tuple[str, str, dict[str, Any]]]:
    """A run's turns: the ``chat`` spans, each the agent of its ``invoke_agent`` ancestor."""
    by_id = {s["spanId"]: s for s in spans}
    out = []
    for s in spans:
        if s["attrs"].get("gen_ai.operation.name") != "chat":
            continue
        up = by_id.get(s.get("parentSpanId", ""))
        while up is not None and up["attrs"].get("gen_ai.operation.name") != "invoke_agent":
            up = by_id.get(up.get("parentSpanId", ""))
        if up is not None:
            out.append(
                (
                    s["spanId"],
                    up["attrs"]["gen_ai.agent.name"],
                    {"id": s["attrs"].get("gen_ai.response.id")},
                )
            )
    return out


@functools.cache
def _spans() -> dict[str, list[dict[str, Any]]]:
    return spans_by_run(FAMILY)


def test_family_size() -> None:
    assert (len(RUNS), len(FAILING)) == (40, 25)
    assert sum(1 for v in FAILING.values() if v["gap"] >= 2) >= 20
    assert {v["mistake_agent"] for v in FAILING.values()} <= AGENTS


def test_trace_file_stays_under_its_budget() -> None:
    assert (FAMILY / "traces" / "semantickernel-native-tidegauge.jsonl.gz").stat().st_size < 350_000


def test_labels_are_chat_spans_of_the_labelled_agent() -> None:
    for trace_id, run in FAILING.items():
        turns = _turns_of(_spans()[trace_id])
        ids = [sid for sid, _, _ in turns]
        for step, key in (("mistake_step", "span_id"), ("symptom_step", "symptom_span_id")):
            agent, n = run[step].split("#")
            mine = [sid for sid, who, _ in turns if who == agent]
            assert mine[int(n) - 1] == run[key], (run, step)
        assert ids.index(run["symptom_span_id"]) - ids.index(run["span_id"]) == run["gap"]


@pytest.mark.regen
def test_generator_still_produces_the_same_shape(tmp_path: Path) -> None:
    need("semantic_kernel")
    scenario = "east_13_name_error"
    regenerate(tmp_path, scenario, "--blind=semantickernel_native_tidegauge")
    assert turns_shape(tmp_path, scenario, _turns_of) == turns_shape(FAMILY, scenario, _turns_of)
