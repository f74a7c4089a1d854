"""The simulated studio's agents: a supervisor, four specialists, a human
director, a brief-check verifier and an assembler.

No model or network: each agent does a small deterministic transformation of
its input, sleeps a seeded few milliseconds to stand in for the work, and
misbehaves only when its run's :class:`~coordgap.demo.faults.RunPlan` says so.
The faults are real behaviour, not labels: a dropped ``brand_voice`` really
yields shots in the wrong tone, a misordered timeline really fails the client's
check, a deep tool error really raises out of the run.

Every agent is decorated with the public :mod:`tracer` API, exactly as a user
would decorate their own code.
"""

from __future__ import annotations

import random
import time
from collections.abc import Mapping, Sequence
from typing import Any

import tracer
from tracer import semconv

__all__ = [
    "HERO_NOTE",
    "OrderingError",
    "RenderError",
    "StemError",
    "assembler",
    "brief_check",
    "client_review",
    "director",
    "make_brief",
    "music",
    "shot_writer",
    "storyboard",
    "supervisor",
    "voice_over",
]

HERO_NOTE = "open on the hero shot at dawn"
"""The director's note; a cut without it ignored the latest edit plan."""

_VERIFIER_SAMPLE = 5  # the brief check reads only the first shots: cheap, and weak


class RenderError(RuntimeError):
    """The storyboard's frame renderer failed (a generator's own error)."""


class StemError(RuntimeError):
    """The music generator's stem synthesiser failed (a generator's own error)."""


class OrderingError(ValueError):
    """The assembler found a shot placed before a shot it depends on."""


def _work(rng: random.Random, low_ms: float = 0.2, high_ms: float = 1.5) -> None:
    """Stand in for the agent's work: a seeded sleep of a millisecond or two."""
    time.sleep(rng.uniform(low_ms, high_ms) / 1000.0)


def make_brief(index: int) -> dict[str, Any]:
    """The client's brief for run ``index``: a 90-second teaser."""
    return {
        "request_id": f"teaser-{index:05d}",
        "title": "Aurora e-bike: 90-second teaser",
        "runtime_s": 90,
        "brand_voice": "warm, wry",
        "audience": "city commuters",
        "banned": ["competitor logo"],
    }


# --- decomposition ------------------------------------------------------------


@tracer.plan("supervisor")
def supervisor(brief: Mapping[str, Any], fault: str | None) -> list[dict[str, str]]:
    """Decompose the brief into subtasks (shot list, audio brief, edit plan, review).

    The returned list is what the plan span records: ids, assignees, scopes.
    """
    subtasks = [
        {"id": "shot-list", "agent": "shot-writer", "scope": "shots"},
        {"id": "storyboard", "agent": "storyboard", "scope": "frames"},
        {"id": "score", "agent": "music", "scope": "music"},
        {"id": "narration", "agent": "voice-over", "scope": "narration"},
        {"id": "review", "agent": "director", "scope": "approval"},
        {"id": "edit", "agent": "assembler", "scope": "edit"},
    ]
    if fault == "plan_unassigned":
        subtasks[3]["agent"] = ""
    elif fault == "plan_duplicate":
        subtasks[3]["id"] = "score"
    elif fault == "plan_overlap":
        subtasks[1]["scope"] = "shots"
    return subtasks


# --- generation ----------------------------------------------------------------


@tracer.agent("shot-writer")
def shot_writer(
    shot_brief: Mapping[str, Any], rng: random.Random, *, overlong: bool, banned_at: int | None
) -> dict[str, Any]:
    """Write the shot list. The tone comes from the carried ``brand_voice``;
    without it the writer falls back to a neutral tone."""
    _work(rng)
    count = 14 if overlong else 10
    seconds = 10 if overlong else 9
    tone = shot_brief.get("brand_voice") or "neutral"
    shots = [
        {
            "n": n,
            "seconds": seconds,
            "tone": tone,
            "content": "competitor logo" if n == banned_at else f"scene {n}",
            "after": n - 1 if n > 1 else 0,
        }
        for n in range(1, count + 1)
    ]
    return {"request_id": shot_brief.get("request_id"), "shots": shots}


@tracer.tool("render-frames")
def _render_frames(shots: Sequence[Mapping[str, Any]], fail: bool) -> list[dict[str, Any]]:
    return [_rasterize(shot, fail and shot["n"] == 7) for shot in shots]


def _rasterize(shot: Mapping[str, Any], fail: bool) -> dict[str, Any]:
    if fail:
        _allocate_gpu_buffer(shot["n"])
    return {"shot": shot["n"], "panel": f"panel-{shot['n']}.png"}


def _allocate_gpu_buffer(frame: int) -> None:
    raise RenderError(f"out of GPU memory rasterising frame {frame}")


@tracer.agent("storyboard")
def storyboard(
    shot_list: Mapping[str, Any],
    rng: random.Random,
    *,
    scope: str,
    tool_fails: bool,
    notes: Sequence[str] = (),
) -> dict[str, Any]:
    """Draw one frame per shot. An owner of the scope ``shots`` also rewrites
    the shot list (the overlap a bad plan creates)."""
    _work(rng)
    shots = list(shot_list["shots"])
    frames = _render_frames(shots, tool_fails)
    rewrote = scope == "shots"
    return {
        "request_id": shot_list.get("request_id"),
        "frames": frames,
        "shot_count": len(frames),
        "rewrote_shots": rewrote,
        "notes_applied": list(notes),
    }


@tracer.tool("synth-stems")
def _synth_stems(bpm: int, fail: bool) -> list[str]:
    return [_mixdown(stem, bpm, fail) for stem in ("drums", "bass", "pads")]


def _mixdown(stem: str, bpm: int, fail: bool) -> str:
    if fail and stem == "pads":
        raise StemError(f"stem `{stem}` clipped at {bpm} bpm; mixdown aborted")
    return f"{stem}-{bpm}.wav"


@tracer.agent("music")
def music(
    audio_brief: Mapping[str, Any], rng: random.Random, *, tool_fails: bool
) -> dict[str, Any]:
    """Score the teaser: tempo and key from the audio brief."""
    _work(rng)
    bpm = int(audio_brief["tempo_bpm"])
    stems = _synth_stems(bpm, tool_fails)
    return {
        "kind": "score",
        "tempo_bpm": bpm,
        "key": "D minor",
        "stems": stems,
        "duration_s": int(audio_brief["duration_s"]),
    }


@tracer.agent("voice-over")
def voice_over(audio_brief: Mapping[str, Any], latency_ms: float) -> dict[str, Any]:
    """Record the narration. Runs in the render-farm process. Given the subtask
    ``score`` (a duplicate id in the plan) it writes a second score instead."""
    time.sleep(latency_ms / 1000.0)
    kind = "score" if audio_brief.get("subtask") == "score" else "narration"
    return {"kind": kind, "take": "vo-take-1.wav", "duration_s": int(audio_brief["duration_s"])}


# --- verification ----------------------------------------------------------------


@tracer.verify("director-review")
def _director_verdict(board: Mapping[str, Any], send_back: bool) -> tracer.Verdict:
    if send_back:
        return tracer.Verdict(False, "the opening lacks the hero shot; redraw frames 1-2")
    return tracer.Verdict(True, "approved")


@tracer.agent("director", stage=semconv.STAGE_VERIFICATION, actor=semconv.ACTOR_HUMAN)
def director(board: Mapping[str, Any], rng: random.Random, *, send_back: bool) -> tracer.Verdict:
    """The human director reviews the storyboard: approve, or send it back."""
    _work(rng, 1.0, 3.0)  # people are slower than models, even in a simulation
    return _director_verdict(board, send_back)


@tracer.verify("brief-check")
def brief_check(
    brief: Mapping[str, Any], shot_list: Mapping[str, Any], board: Mapping[str, Any]
) -> tracer.Verdict:
    """Check the package against the brief: runtime, tone, storyboard agreement,
    and banned content in the first shots (a sample: the check is cheap and weak)."""
    shots = shot_list["shots"]
    runtime = sum(shot["seconds"] for shot in shots)
    if runtime > brief["runtime_s"] + 5:
        return tracer.Verdict(
            False, f"runtime {runtime} s exceeds the {brief['runtime_s']} s brief"
        )
    off_tone = [shot["n"] for shot in shots if shot["tone"] != brief["brand_voice"]]
    if off_tone:
        return tracer.Verdict(False, f"{len(off_tone)} shots miss the brand voice")
    if board.get("rewrote_shots"):
        return tracer.Verdict(False, "storyboard and shot list disagree on the shots")
    for shot in shots[:_VERIFIER_SAMPLE]:
        if shot["content"] in brief["banned"]:
            return tracer.Verdict(False, f"banned content in shot {shot['n']}")
    return tracer.Verdict(True, "matches the brief")


# --- assembly ------------------------------------------------------------------------


def _conform(order: Sequence[int], shots: Mapping[int, Mapping[str, Any]], check: bool) -> None:
    if not check:
        return
    placed: set[int] = set()
    for n in order:
        dependency = shots[n]["after"]
        if dependency and dependency not in placed:
            raise OrderingError(f"shot {n} placed before shot {dependency} it depends on")
        placed.add(n)


@tracer.agent("assembler", stage=semconv.STAGE_ASSEMBLY, actor=semconv.ACTOR_CODE)
def assembler(
    shot_list: Mapping[str, Any],
    board: Mapping[str, Any],
    audio: Sequence[Mapping[str, Any]],
    edit_plan: Mapping[str, Any],
    rng: random.Random,
    *,
    misorder: bool,
    check_order: bool,
) -> dict[str, Any]:
    """Cut the teaser: lay shots on the beat grid in edit-plan order, under the
    score and narration, with the director's notes applied."""
    _work(rng)
    beds = [part for part in audio if part["kind"] == "score"]
    narration = [part for part in audio if part["kind"] == "narration"]
    beat_s = 60.0 / beds[0]["tempo_bpm"] if beds else 0.5
    shots = {shot["n"]: shot for shot in shot_list["shots"]}
    order = sorted(shots)
    if misorder:
        order[2], order[3] = order[3], order[2]
    _conform(order, shots, check_order)
    return {
        "request_id": shot_list.get("request_id"),
        "order": order,
        "runtime_s": sum(shots[n]["seconds"] for n in order),
        "beat_s": round(beat_s, 3),
        "music_beds": len(beds),
        "narration": bool(narration),
        "notes_applied": list(edit_plan["notes"]),
        "content": [shots[n]["content"] for n in order],
        "frames": board["shot_count"],
    }


def client_review(cut: Mapping[str, Any], brief: Mapping[str, Any]) -> tuple[bool, str]:
    """The client watches the whole cut: ``(approved, reason)``."""
    if not cut["narration"]:
        return False, "client rejected: no voice-over in the cut"
    if cut["music_beds"] != 1:
        return False, f"client rejected: {cut['music_beds']} music beds fight each other"
    for position, n in enumerate(cut["order"], start=1):
        if n != position:
            return False, f"client rejected: shot {n} plays at position {position}"
    if HERO_NOTE not in cut["notes_applied"]:
        return False, "client rejected: the director's notes are missing from the cut"
    if cut["runtime_s"] > brief["runtime_s"] + 5:
        return False, f"client rejected: the cut runs {cut['runtime_s']} s, brief says 90 s"
    for banned in brief["banned"]:
        if banned in cut["content"]:
            return False, f"client rejected: {banned} on screen"
    return True, "client approved the cut"
