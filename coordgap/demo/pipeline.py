"""One run of the studio pipeline: brief -> plan -> specialists -> human review
-> brief check -> assembly -> client, traced as one workflow.

Work passes between agents only through :func:`tracer.handoff`, with the
expectations (``expects=``) and carried context (``carry=``) a careful team
would declare. Storyboard and music run on a thread pool; the voice-over runs
in another process (trace context injected into the handoff payload); the
storyboard goes to a human director whose review is suspended into a token
and resumed, as a review that takes hours would be.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping
from concurrent.futures import Executor, Future, wait
from contextlib import nullcontext
from dataclasses import dataclass
from typing import Any, TypedDict

import tracer
from coordgap.demo import agents, remote
from coordgap.demo.faults import RunPlan
from tracer import semconv

__all__ = ["RunRecord", "Studio", "produce_teaser"]

_REVIEW_ROUNDS = 2
_CHECK_ATTEMPTS = 3
_STAGE_VERSION_APPROVED = 2


class _ShotBriefRequired(TypedDict):
    request_id: str
    title: str
    runtime_s: int
    audience: str


class ShotBrief(_ShotBriefRequired, total=False):
    """What the shot-writer needs from the supervisor. The brand voice is
    optional to the writer (it falls back to a neutral tone), which is exactly
    why it is declared as carried context that must survive the handoff."""

    brand_voice: str


# JSON schemas for the payloads whose types drift in the wild.
SHOT_LIST_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["request_id", "shots"],
    "properties": {"request_id": {"type": "string"}, "shots": {"type": "array"}},
}
SCORE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["kind", "tempo_bpm", "duration_s"],
    "properties": {
        "kind": {"type": "string"},
        "tempo_bpm": {"type": "integer"},
        "duration_s": {"type": "integer"},
    },
}


@dataclass
class Studio:
    """Where a run's agents execute: a shared thread pool, and the render-farm
    process pool (``None`` runs the voice-over in this process)."""

    pool: Executor
    farm: Executor | None = None


@dataclass
class RunRecord:
    """What one run did, as the pipeline saw it (the ground truth is ``plan``).

    ``failed``/``reason`` hold the run's own verdict; ``late_reason`` is the
    client's rejection that arrives after the run (sent as a late outcome).
    """

    plan: RunPlan
    trace_id: str | None = None
    failed: bool = False
    reason: str = ""
    late_reason: str | None = None

    @property
    def observed_failure(self) -> bool:
        """The run failed, now or through late feedback."""
        return self.failed or self.late_reason is not None


def _rng(plan: RunPlan, step: str) -> random.Random:
    # One stream per step, so latencies do not depend on which thread ran first.
    return random.Random(f"coordgap-demo:{plan.seed}:{plan.index}:{step}")


def _fail(record: RunRecord, reason: str) -> None:
    record.failed = True
    record.reason = reason
    tracer.outcome(False, reason)


def _submit(pool: Executor, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Future[Any]:
    return pool.submit(fn, *args, **kwargs)


@tracer.workflow("studio-teaser")
def produce_teaser(plan: RunPlan, studio: Studio, record: RunRecord) -> None:
    """Produce one teaser. Faults come from ``plan``; exceptions a fault causes
    escape, as they would from a real pipeline."""
    record.trace_id = tracer.current_trace_id()
    fault = plan.fault
    brief = agents.make_brief(plan.index)
    subtasks = agents.supervisor(brief, fault)
    edit_plan: dict[str, Any] = {"request_id": brief["request_id"], "version": 1, "notes": []}

    # supervisor -> shot-writer: the brand voice and runtime must survive
    shot_brief = {key: brief[key] for key in ShotBrief.__annotations__}
    if fault == "dropped_key":
        del shot_brief["brand_voice"]
    with tracer.handoff(
        "supervisor",
        "shot-writer",
        shot_brief,
        expects=ShotBrief,
        carry=["brand_voice", "runtime_s"],
    ) as h:
        shot_brief = dict(h.payload)
    overlong = fault in ("weak_output", "verifier_skipped") or plan.retry
    banned_at = 9 if fault == "false_accept" else None
    shots = agents.shot_writer(
        shot_brief, _rng(plan, "shot-writer"), overlong=overlong, banned_at=banned_at
    )

    # shot-writer -> storyboard and supervisor -> music, both on the thread pool
    handed = dict(shots)
    if fault == "format_drift" and plan.variant == 1:
        handed["shots"] = {str(shot["n"]): shot for shot in shots["shots"]}
    with tracer.handoff("shot-writer", "storyboard", handed, expects=SHOT_LIST_SCHEMA) as h:
        board_in = h.payload
    board_scope = next(t["scope"] for t in subtasks if t["agent"] == "storyboard")
    tool_error = fault == "tool_error"
    board_future = _submit(
        studio.pool,
        agents.storyboard,
        board_in,
        _rng(plan, "storyboard"),
        scope=board_scope,
        tool_fails=tool_error and plan.variant == 0,
    )
    audio_brief = {"request_id": brief["request_id"], "mood": "bright", "tempo_bpm": 118}
    audio_brief["duration_s"] = brief["runtime_s"]
    with tracer.handoff(
        "supervisor", "music", audio_brief, expects=["tempo_bpm", "duration_s"]
    ) as h:
        music_in = h.payload
    music_future = _submit(
        studio.pool,
        agents.music,
        music_in,
        _rng(plan, "music"),
        tool_fails=tool_error and plan.variant == 1,
    )

    # supervisor -> voice-over, across the process boundary
    futures: list[Future[Any]] = [board_future, music_future]
    voice_future: Future[Any] | None = None
    voice_task = next((tid for tid, agent in _pairs(subtasks) if agent == "voice-over"), None)
    if voice_task is not None and fault != "plan_omission":
        script = {"request_id": brief["request_id"], "subtask": voice_task, "voice": "warm"}
        script["duration_s"] = brief["runtime_s"] - 2
        with tracer.handoff(
            "supervisor", "voice-over", script, expects=["subtask", "duration_s"]
        ) as h:
            carrier = dict(h.payload)
            tracer.inject(carrier)
            latency_ms = _rng(plan, "voice-over").uniform(0.3, 1.5)
            if studio.farm is not None:
                voice_future = studio.farm.submit(remote.record_voice_over, carrier, latency_ms)
            else:
                voice_future = _submit(studio.pool, remote.record_voice_over, carrier, latency_ms)
        futures.append(voice_future)
    wait(futures)
    board = board_future.result()
    score = music_future.result()
    voice = voice_future.result() if voice_future is not None else None

    # storyboard -> director (human): approve, or send back for a redraw
    board = _director_review(plan, record, board_in, board, board_scope)
    if board is None:
        return
    edit_plan_latest = {
        "request_id": brief["request_id"],
        "version": _STAGE_VERSION_APPROVED,
        "notes": [agents.HERO_NOTE],
    }

    # brief check, with retries routed back to the shot-writer
    if fault != "verifier_skipped":
        checked = _brief_check_loop(plan, record, brief, shot_brief, shots, board)
        if checked is None:
            return
        shots = checked

    # everything -> assembler
    with tracer.handoff("storyboard", "assembler", board, expects=["frames", "shot_count"]) as h:
        board = h.payload
    handed_score = dict(score)
    if fault == "format_drift" and plan.variant == 0:
        handed_score["tempo_bpm"] = f"{score['tempo_bpm']} bpm"
    with tracer.handoff("music", "assembler", handed_score, expects=SCORE_SCHEMA) as h:
        audio = [h.payload]
    if voice is not None:
        with tracer.handoff("voice-over", "assembler", voice, expects=["kind", "take"]) as h:
            audio.append(h.payload)
    handed_plan = edit_plan if fault == "stale_state" else edit_plan_latest
    with tracer.handoff(
        "supervisor",
        "assembler",
        handed_plan,
        expects=["version", "notes"],
        seen_version=handed_plan["version"],
        latest_version=edit_plan_latest["version"],
    ) as h:
        cut_plan = h.payload
    cut = agents.assembler(
        shots,
        board,
        audio,
        cut_plan,
        _rng(plan, "assembler"),
        misorder=fault in ("ordering_error", "silent_ordering"),
        check_order=fault != "silent_ordering",
    )

    approved, reason = agents.client_review(cut, brief)
    if approved:
        tracer.outcome(True, reason)
    elif plan.late_feedback:
        # delivered today; the client's rejection arrives later (a late outcome)
        tracer.outcome(True, "delivered to the client")
        record.late_reason = reason
    else:
        _fail(record, reason)


def _pairs(subtasks: list[dict[str, str]]) -> list[tuple[str, str]]:
    return [(task["id"], task["agent"]) for task in subtasks]


def _director_review(
    plan: RunPlan,
    record: RunRecord,
    board_in: Mapping[str, Any],
    board: dict[str, Any],
    scope: str,
) -> dict[str, Any] | None:
    """Hand the storyboard to the human director, up to two rounds; ``None``
    when the director rejected the last round (the run has failed)."""
    for round_ in range(1, _REVIEW_ROUNDS + 1):
        with tracer.handoff(
            "storyboard",
            "director",
            board,
            expects=["frames", "shot_count"],
            target_actor=semconv.ACTOR_HUMAN,
        ) as h:
            review_copy = h.payload
            # A person reviews on their own schedule: park the trace context in
            # a token (it could be stored and resumed by another process).
            token = tracer.suspend()
        send_back = plan.fault == "director_rejects" or (plan.send_back and round_ == 1)
        with tracer.resume(token) if token else nullcontext():
            verdict = agents.director(
                review_copy, _rng(plan, f"director-{round_}"), send_back=send_back
            )
        if verdict.accepted:
            return board
        if round_ == _REVIEW_ROUNDS:
            _fail(record, f"director rejected the storyboard {round_} times: {verdict.reason}")
            return None
        notes = {"request_id": board.get("request_id"), "notes": [verdict.reason]}
        with tracer.handoff(
            "director", "storyboard", notes, expects=["notes"], source_actor=semconv.ACTOR_HUMAN
        ) as h:
            redraw = list(h.payload["notes"])
        board = agents.storyboard(
            board_in,
            _rng(plan, f"storyboard-{round_}"),
            scope=scope,
            tool_fails=False,
            notes=redraw,
        )
    return board


def _brief_check_loop(
    plan: RunPlan,
    record: RunRecord,
    brief: Mapping[str, Any],
    shot_brief: Mapping[str, Any],
    shots: dict[str, Any],
    board: Mapping[str, Any],
) -> dict[str, Any] | None:
    """Verify against the brief; on reject, route feedback to the shot-writer
    and check the new draft. ``None`` when the last attempt was rejected."""
    for attempt in range(1, _CHECK_ATTEMPTS + 1):
        verdict = agents.brief_check(brief, shots, board)
        if verdict.accepted:
            return shots
        if attempt == _CHECK_ATTEMPTS:
            _fail(record, f"brief check rejected {attempt} drafts: {verdict.reason}")
            return None
        feedback = {**shot_brief, "feedback": verdict.reason}
        with tracer.handoff("brief-check", "shot-writer", feedback, expects=["feedback"]) as h:
            redo = h.payload
        shots = agents.shot_writer(
            redo,
            _rng(plan, f"shot-writer-{attempt}"),
            overlong=plan.fault == "weak_output",
            banned_at=9 if plan.fault == "false_accept" else None,
        )
    return shots
