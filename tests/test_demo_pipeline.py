"""The studio pipeline: each injected fault really breaks the run, and leaves
in the trace the evidence the attribution rules read."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import BrokenExecutor, Executor, ThreadPoolExecutor
from typing import Any

import pytest

from coordgap.demo.faults import FAULTS, NONE, RunPlan
from coordgap.demo.pipeline import RunRecord, Studio
from coordgap.demo.runner import _run_one
from tracer import semconv
from tracer.testing import Captured, capture


@pytest.fixture
def exporter() -> Iterator[Captured]:
    """The demo's spans, captured on a private provider (the global one is untouched)."""
    with capture() as captured:
        yield captured


def _plan(
    fault: str | None,
    *,
    variant: int = 0,
    send_back: bool = False,
    retry: bool = False,
    late: bool = False,
) -> RunPlan:
    category = FAULTS[fault].category if fault else NONE
    return RunPlan(
        index=3,
        seed=1,
        fault=fault,
        category=category,
        variant=variant,
        send_back=send_back,
        retry=retry,
        late_feedback=late,
    )


def _run(plan: RunPlan, exporter: Captured) -> tuple[RunRecord, list[Any]]:
    with ThreadPoolExecutor(max_workers=4) as pool:
        record = _run_one(plan, Studio(pool=pool))
    spans = [s for s in exporter.spans() if format(s.context.trace_id, "032x") == record.trace_id]
    exporter.clear()
    return record, spans


def _violations(spans: list[Any]) -> list[str]:
    found: list[str] = []
    for span in spans:
        found.extend(span.attributes.get(semconv.HANDOFF_VIOLATIONS, ()) or ())
    return found


def _errors(spans: list[Any]) -> list[Any]:
    return [s for s in spans if s.status.status_code.name == "ERROR"]


CASES = [(fault, 0) for fault in FAULTS] + [("format_drift", 1), ("tool_error", 1)]


@pytest.mark.parametrize(("fault", "variant"), CASES)
def test_every_fault_fails_its_run(fault: str, variant: int, exporter: Captured) -> None:
    """A run carrying a failing fault fails (now or through late feedback)."""
    record, spans = _run(_plan(fault, variant=variant), exporter)
    assert record.observed_failure, (fault, record)
    assert record.trace_id and spans


@pytest.mark.parametrize(
    ("send_back", "retry"), [(False, False), (True, False), (False, True), (True, True)]
)
def test_healthy_runs_succeed_cleanly(send_back: bool, retry: bool, exporter: Captured) -> None:
    """Without a failing fault the run succeeds and its trace holds no defect,
    violation or error, even after a send-back or a rejected first draft."""
    record, spans = _run(_plan(None, send_back=send_back, retry=retry), exporter)
    assert not record.observed_failure, record
    assert _violations(spans) == []
    assert _errors(spans) == []
    plan_span = next(
        s for s in spans if s.attributes.get(semconv.GEN_AI_OPERATION_NAME) == semconv.OP_PLAN
    )
    for key in (semconv.PLAN_UNASSIGNED, semconv.PLAN_DUPLICATES, semconv.PLAN_OVERLAPS):
        assert not plan_span.attributes.get(key)
    verdicts = [
        s.attributes.get(semconv.VERIFY_VERDICT)
        for s in spans
        if semconv.VERIFY_VERDICT in (s.attributes or {})
    ]
    assert verdicts[-1] == semconv.VERDICT_ACCEPT
    if send_back or retry:
        assert semconv.VERDICT_REJECT in verdicts


@pytest.mark.parametrize(
    ("fault", "variant", "kinds"),
    [
        ("dropped_key", 0, {semconv.VIOLATION_DROPPED_KEY}),
        ("format_drift", 0, {semconv.VIOLATION_TYPE_MISMATCH, semconv.VIOLATION_SCHEMA_MISMATCH}),
        ("format_drift", 1, {semconv.VIOLATION_TYPE_MISMATCH, semconv.VIOLATION_SCHEMA_MISMATCH}),
        ("stale_state", 0, {semconv.VIOLATION_STALE_STATE}),
    ],
)
def test_handoff_faults_are_recorded_as_violations(
    fault: str, variant: int, kinds: set[str], exporter: Captured
) -> None:
    """Lost context, format drift and stale state show up as handoff violations."""
    _record, spans = _run(_plan(fault, variant=variant), exporter)
    recorded = {entry.split(":", 1)[0] for entry in _violations(spans)}
    assert recorded & kinds, (fault, _violations(spans))


@pytest.mark.parametrize(
    ("fault", "key"),
    [
        ("plan_unassigned", semconv.PLAN_UNASSIGNED),
        ("plan_duplicate", semconv.PLAN_DUPLICATES),
        ("plan_overlap", semconv.PLAN_OVERLAPS),
    ],
)
def test_plan_defects_are_recorded(fault: str, key: str, exporter: Captured) -> None:
    """A defective plan carries its defect on the plan span."""
    _record, spans = _run(_plan(fault), exporter)
    plan_span = next(
        s for s in spans if s.attributes.get(semconv.GEN_AI_OPERATION_NAME) == semconv.OP_PLAN
    )
    assert plan_span.attributes.get(key)


def test_omission_leaves_no_trace_of_the_assignee(exporter: Captured) -> None:
    """A planned but never-dispatched subtask: its assignee neither runs nor
    receives a handoff, and nothing errors."""
    record, spans = _run(_plan("plan_omission"), exporter)
    assert record.observed_failure
    agents = {s.attributes.get(semconv.GEN_AI_AGENT_NAME) for s in spans}
    targets = {s.attributes.get(semconv.HANDOFF_TARGET) for s in spans}
    assert "voice-over" not in agents | targets
    assert _errors(spans) == [] and _violations(spans) == []


def test_tool_error_originates_in_the_tool(exporter: Captured) -> None:
    """A generator error is raised inside a tool span and escapes the run."""
    record, spans = _run(_plan("tool_error"), exporter)
    assert record.failed and "RenderError" in record.reason
    tool = next(s for s in spans if s.attributes.get(semconv.GEN_AI_TOOL_NAME) == "render-frames")
    assert tool.status.status_code.name == "ERROR"
    assert tool.attributes.get(semconv.ERROR_TYPE, "").endswith("RenderError")


def test_ordering_error_raises_in_assembly(exporter: Captured) -> None:
    """An assembly ordering error errors the assembler's span."""
    record, spans = _run(_plan("ordering_error"), exporter)
    assert "OrderingError" in record.reason
    assembler = next(s for s in spans if s.attributes.get(semconv.GEN_AI_AGENT_NAME) == "assembler")
    assert assembler.attributes.get(semconv.STAGE) == semconv.STAGE_ASSEMBLY
    assert assembler.status.status_code.name == "ERROR"


def test_silent_ordering_fails_without_error(exporter: Captured) -> None:
    """A silent ordering fault leaves no error in the trace; only the client sees it."""
    record, spans = _run(_plan("silent_ordering"), exporter)
    assert record.observed_failure and "position" in (record.late_reason or record.reason)
    assert _errors(spans) == []


def test_late_feedback_is_left_to_the_caller(exporter: Captured) -> None:
    """With late feedback the run itself reports success; the rejection waits."""
    record, spans = _run(_plan("false_accept", late=True), exporter)
    assert not record.failed and record.late_reason
    run = next(
        s
        for s in spans
        if s.attributes.get(semconv.GEN_AI_OPERATION_NAME) == semconv.OP_INVOKE_WORKFLOW
    )
    assert run.attributes.get(semconv.OUTCOME) == semconv.OUTCOME_SUCCESS


def test_human_director_is_a_human_actor(exporter: Captured) -> None:
    """The director's review is a human agent span in the run's trace."""
    _record, spans = _run(_plan(None, send_back=True), exporter)
    directors = [s for s in spans if s.attributes.get(semconv.GEN_AI_AGENT_NAME) == "director"]
    assert len(directors) == 2
    assert {s.attributes.get(semconv.ACTOR) for s in directors} == {semconv.ACTOR_HUMAN}


class _BrokenFarm(Executor):
    def submit(self, fn: Any, /, *args: Any, **kwargs: Any) -> Any:
        raise BrokenExecutor("the render farm died")


def test_a_broken_render_farm_is_not_a_simulated_failure(exporter: Captured) -> None:
    """The demo's own machinery breaking stops the demo; it is never recorded
    as a failed run (which would corrupt the comparison with ground truth)."""
    with ThreadPoolExecutor(max_workers=2) as pool, pytest.raises(BrokenExecutor):
        _run_one(_plan(None), Studio(pool=pool, farm=_BrokenFarm()))
