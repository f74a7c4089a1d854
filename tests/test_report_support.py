"""Shared helpers for the report tests (no tests here).

Data for the report comes the way a user's does: a small pipeline traced with
the real tracer into a local store (or hand-written OTLP/JSON for data that
must span hours), ingested into a real DuckDB store and analyzed.
"""

from __future__ import annotations

import html
import json
import random
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider

import analyzer
import tracer
from tracer import semconv
from tracer.testing import preserve_state

EVIL = "<script>alert(1)</script>"
"""An agent name that must render as text, never run."""
EVIL_REASON = "<img src=x onerror=alert(2)>"
"""An outcome reason that must render as text, never run."""


class StageFault(RuntimeError):
    """A simulated agent failure."""


def trace_pipeline(spans_dir: Path, *, runs: int = 40, seed: int = 3, faults: bool = True) -> None:
    """Trace ``runs`` runs of a small studio pipeline into ``spans_dir`` (local store).

    supervisor plans -> writer drafts -> handoff to the editor (named
    :data:`EVIL`) -> handoff to a human director who verifies (with a retry) ->
    assembler. With ``faults`` a seeded share of runs fails in each stage.
    """
    rng = random.Random(seed)
    # the provider is ours, so the service name goes on its resource
    provider = TracerProvider(resource=Resource.create({semconv.SERVICE_NAME: "studio"}))
    with preserve_state():
        tracer.configure(tracer_provider=provider, exporter="local", path=spans_dir)
        for i in range(runs):
            # every fault kind shows up at least once, then a seeded mix
            fault = (_KINDS[i] if i < len(_KINDS) else _draw_fault(rng)) if faults else None
            try:
                _run(i, fault, rng)
            except StageFault:
                pass  # the run span recorded the error; the caller carries on
        provider.shutdown()


_KINDS = ("plan", "writer", "dropped", "reject", "assembly", "late")


def _draw_fault(rng: random.Random) -> str | None:
    roll = rng.random()
    for name, upto in (
        ("plan", 0.06),
        ("writer", 0.14),
        ("dropped", 0.30),
        ("reject", 0.40),
        ("assembly", 0.46),
        ("late", 0.50),
    ):
        if roll < upto:
            return name
    return None


@tracer.workflow("teaser")
def _run(i: int, fault: str | None, rng: random.Random) -> None:
    subtasks = _plan(i, fault == "plan")
    draft = _write(subtasks, fault == "writer")
    if fault == "dropped":
        draft = {k: v for k, v in draft.items() if k != "brand_voice"}
    with tracer.handoff("writer", EVIL, draft, carry=["brand_voice"], expects=["text"]) as h:
        edited = _edit(h.payload)
    with tracer.handoff(EVIL, "director", edited, target_actor=semconv.ACTOR_HUMAN) as h:
        accepted = False
        for attempt in range(2):
            verdict = _review(h.payload, fault == "reject" or (attempt == 0 and i % 3 == 0))
            accepted = verdict.accepted
            if accepted:
                break
    if not accepted:
        tracer.outcome(False, "director rejected every cut")
        return
    if fault == "plan":
        tracer.outcome(False, "the cut has no music")
        return
    _assemble(edited, fault == "assembly")
    if fault == "dropped":
        tracer.outcome(False, "client: off-brand")
    elif fault == "late":
        tracer.outcome(False, EVIL_REASON)
    else:
        tracer.outcome(True, "shipped")


@tracer.plan("supervisor")
def _plan(i: int, broken: bool) -> list[dict[str, str]]:
    tasks = [{"id": "script", "agent": "writer"}, {"id": "cut", "agent": "assembler"}]
    if broken:
        tasks.append({"id": "music", "agent": ""})
    return tasks


@tracer.agent("writer")
def _write(subtasks: list[dict[str, str]], fail: bool) -> dict[str, Any]:
    if fail:
        raise StageFault("writer lost the brief")
    return {"text": "ninety seconds of teaser", "brand_voice": "warm", "shots": len(subtasks)}


@tracer.agent(EVIL)
def _edit(draft: dict[str, Any]) -> dict[str, Any]:
    return {**draft, "edited": True}


@tracer.verify("director", actor=semconv.ACTOR_HUMAN)
def _review(cut: dict[str, Any], reject: bool) -> tracer.Verdict:
    return tracer.Verdict(not reject, "off-brief" if reject else "approved")


@tracer.agent("assembler", stage=semconv.STAGE_ASSEMBLY, actor=semconv.ACTOR_CODE)
def _assemble(cut: dict[str, Any], fail: bool) -> dict[str, Any]:
    if fail:
        raise StageFault("shots out of order")
    return {"cut": cut}


def write_otlp_runs(path: Path, *, runs: int, hours: float, fail_every: int = 4) -> Path:
    """Write ``runs`` small runs (run, plan, agent) spread over ``hours`` as OTLP/JSON lines.

    Every ``fail_every``-th run's agent span errors (a generation failure), and
    one in three more in the last third of the period.
    """
    start = 1_767_225_600 * 10**9  # 2026-01-01T00:00:00Z
    step = int(hours * 3600 * 10**9 / max(runs - 1, 1))
    lines = []
    for i in range(runs):
        t = start + i * step
        trace_id = f"{i + 1:032x}"
        # reliability drops in the last third, so the trend has something to show
        failed = i % fail_every == 0 or (i >= 2 * runs // 3 and i % 3 == 1)
        root, plan, agent, hand = (f"{4 * i + k:016x}" for k in (1, 2, 3, 4))
        workflow = {
            semconv.GEN_AI_OPERATION_NAME: semconv.OP_INVOKE_WORKFLOW,
            semconv.GEN_AI_WORKFLOW_NAME: "nightly",
        }
        planner = {
            semconv.GEN_AI_OPERATION_NAME: semconv.OP_PLAN,
            semconv.GEN_AI_AGENT_NAME: "planner",
            semconv.STAGE: semconv.STAGE_DECOMPOSITION,
        }
        writer = {
            semconv.GEN_AI_OPERATION_NAME: semconv.OP_INVOKE_AGENT,
            semconv.GEN_AI_AGENT_NAME: "writer",
            semconv.STAGE: semconv.STAGE_GENERATION,
            semconv.ACTOR: semconv.ACTOR_MODEL,
        }
        handoff = {
            semconv.STAGE: semconv.STAGE_HANDOFF,
            semconv.HANDOFF_SOURCE: "planner",
            semconv.HANDOFF_TARGET: "writer",
        }
        ms = 1_000_000
        plan_arrays = {semconv.PLAN_SUBTASK_IDS: ["draft"], semconv.PLAN_ASSIGNEES: ["writer"]}
        violations = {semconv.HANDOFF_VIOLATIONS: ["dropped_key: tone"]} if i == 4 else {}
        if i == 0:  # the first (failing) run's plan left a subtask unassigned
            plan_arrays = {
                semconv.PLAN_SUBTASK_IDS: ["draft", "music"],
                semconv.PLAN_ASSIGNEES: ["writer", ""],
                semconv.PLAN_UNASSIGNED: ["music"],
            }
        spans = [
            _otlp_span(
                trace_id, root, None, "invoke_workflow nightly", t, t + 50 * ms, workflow, failed
            ),
            _otlp_span(
                trace_id,
                plan,
                root,
                "plan planner",
                t + ms,
                t + 5 * ms,
                planner,
                False,
                plan_arrays,
            ),
            _otlp_span(
                trace_id,
                hand,
                root,
                "handoff planner -> writer",
                t + 5 * ms,
                t + 6 * ms,
                handoff,
                False,
                violations,
            ),
            _otlp_span(
                trace_id,
                agent,
                root,
                "invoke_agent writer",
                t + 6 * ms,
                t + 40 * ms,
                writer,
                failed,
            ),
        ]
        request = {
            "resourceSpans": [
                {
                    "resource": {"attributes": [_kv(semconv.SERVICE_NAME, "nightly")]},
                    "scopeSpans": [{"scope": {"name": "coordgap"}, "spans": spans}],
                }
            ]
        }
        lines.append(json.dumps(request))
    path.write_text("\n".join(lines) + "\n")
    return path


def _kv(key: str, value: str) -> dict[str, Any]:
    return {"key": key, "value": {"stringValue": value}}


def _otlp_span(
    trace_id: str,
    span_id: str,
    parent: str | None,
    name: str,
    start: int,
    end: int,
    attrs: dict[str, str],
    error: bool,
    arrays: dict[str, list[str]] | None = None,
) -> dict[str, Any]:
    span: dict[str, Any] = {
        "traceId": trace_id,
        "spanId": span_id,
        "name": name,
        "kind": 1,
        "startTimeUnixNano": str(start),
        "endTimeUnixNano": str(end),
        "attributes": [_kv(k, v) for k, v in attrs.items()],
        "status": {"code": 2, "message": "boom"} if error else {"code": 1},
    }
    for key, items in (arrays or {}).items():
        values = [{"stringValue": item} for item in items]
        span["attributes"].append({"key": key, "value": {"arrayValue": {"values": values}}})
    if parent:
        span["parentSpanId"] = parent
    if error:
        span["attributes"].append(_kv(semconv.ERROR_TYPE, "ValueError"))
    return span


@contextmanager
def analysis_of(db: Path, inputs: list[Path]) -> Iterator[Any]:
    """Ingest ``inputs`` into a new store at ``db`` and yield its analysis (store open)."""
    with analyzer.open(db) as store:
        if inputs:
            store.ingest(inputs)
        yield store.analyze()


_SPEC = re.compile(r'<script type="application/json" id="cg-figures">(.*?)</script>', re.S)


def figure_specs(page: str) -> list[dict[str, Any]]:
    """The figures embedded in a report page, as parsed JSON (``id``, ``figure``)."""
    match = _SPEC.search(page)
    assert match, "the report has no figure data block"
    specs: list[dict[str, Any]] = json.loads(match.group(1))
    return specs


def captions(page: str) -> list[str]:
    """The text of every figure caption and section note, unescaped."""
    found = re.findall(r'<p class="cg-(?:caption|note)">(.*?)</p>', page, re.S)
    return [html.unescape(re.sub(r"<[^>]+>", "", c)) for c in found]
