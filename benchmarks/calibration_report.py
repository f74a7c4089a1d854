"""Reliability of ``failures[].confidence``: bins, a fit and leave-one-framework-out.

Used by ``attribution_accuracy.py --calibration``. A run's raw score is its top
suspect's score minus the runner-up's (what :mod:`analyzer.suspects.calibration`
maps to a confidence); it is right when ``failures[].agent`` is the annotated agent.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from analyzer.suspects import calibration

BINS = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0001)


def raw_score(entry: dict[str, Any]) -> float:
    """Top suspect's score minus the runner-up's (0 without suspects)."""
    scores = [float(s["score"]) for s in entry.get("suspects") or []]
    if not scores:
        return 0.0
    return scores[0] - (scores[1] if len(scores) > 1 else 0.0)


def rows(
    truth: dict[str, Any], failures: dict[str, dict[str, Any]], same: Callable[[Any, Any], bool]
) -> list[dict[str, Any]]:
    """One row per annotated failed run: framework, raw, confidence, right."""
    out = []
    for trace_id, record in truth.items():
        if record.get("healthy"):
            continue
        entry = failures.get(trace_id.lower()) or {}
        out.append(
            {
                "framework": str(record.get("framework") or "-"),
                "raw": raw_score(entry),
                "confidence": float(entry.get("confidence") or 0.0),
                "right": bool(same(entry.get("agent"), record.get("mistake_agent"))),
                "named": entry.get("agent") is not None,
            }
        )
    return out


def bins(pairs: Sequence[tuple[float, bool]]) -> list[tuple[str, int, int]]:
    """(confidence range, runs, right) per bin."""
    out = []
    for low, high in zip(BINS, BINS[1:], strict=False):
        inside = [r for c, r in pairs if low <= c < high]
        out.append(
            (
                f"[{low:.1f}, {min(high, 1.0):.1f}{']' if high > 1 else ')'}",
                len(inside),
                sum(inside),
            )
        )
    return out


def high_share(pairs: Sequence[tuple[float, bool]], at: float = 0.8) -> tuple[int, int]:
    """(right, runs) among runs with confidence >= ``at``."""
    inside = [r for c, r in pairs if c >= at]
    return sum(inside), len(inside)


def leave_one_out(data: list[dict[str, Any]]) -> list[tuple[str, int, int, int, int]]:
    """Per framework: fit the map on the other frameworks, apply it here;
    (framework, runs, right, runs >= 0.8, right among them)."""
    out = []
    for fw in sorted({d["framework"] for d in data}):
        table = calibration.fit([(d["raw"], d["right"]) for d in data if d["framework"] != fw])
        here = [
            (calibration.confidence(d["raw"], table), d["right"])
            for d in data
            if d["framework"] == fw
        ]
        right, n = high_share(here)
        out.append((fw, len(here), sum(r for _, r in here), n, right))
    return out


def text(data: list[dict[str, Any]]) -> str:
    pairs = [(d["confidence"], d["right"]) for d in data]
    lines = ["calibration (confidence of failures[].agent; right = the annotated agent):"]
    lines.append(f"  {'confidence':<12} {'runs':>4} {'right':>5}  share")
    for label, n, right in bins(pairs):
        share = f"{100.0 * right / n:5.1f}%" if n else "   n/a"
        lines.append(f"  {label:<12} {n:>4} {right:>5}  {share}")
    right, n = high_share(pairs)
    lines.append(
        f"  confidence >= 0.8: {right}/{n} right" + (f" = {100.0 * right / n:.1f}%" if n else "")
    )
    lines.append(f"  failed runs with a named agent: {sum(d['named'] for d in data)}/{len(data)}")
    lines.append("leave one framework out (map fitted on the others):")
    tot_n = tot_r = 0
    for fw, runs, ok, hi_n, hi_r in leave_one_out(data):
        tot_n += hi_n
        tot_r += hi_r
        lines.append(f"  {fw:<20} runs {runs:>3} right {ok:>3}; confidence >= 0.8: {hi_r}/{hi_n}")
    lines.append(
        f"  pooled confidence >= 0.8: {tot_r}/{tot_n}"
        + (f" = {100.0 * tot_r / tot_n:.1f}%" if tot_n else "")
    )
    lines.append(
        f"fitted on all: TABLE = {calibration.fit([(d['raw'], d['right']) for d in data])}"
    )
    return "\n".join(lines)


def svg(data: list[dict[str, Any]], path: Path) -> None:
    """A reliability diagram: share right per confidence bin against the diagonal."""
    w, h, pad = 320, 320, 40
    size = w - 2 * pad

    def xy(x: float, y: float) -> tuple[float, float]:
        return pad + x * size, h - pad - y * size

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}"'
        ' font-family="sans-serif" font-size="11">',
        f'<rect x="{pad}" y="{pad}" width="{size}" height="{size}" fill="none" stroke="#999"/>',
        '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#bbb" stroke-dasharray="4"/>'.format(
            *xy(0, 0), *xy(1, 1)
        ),
        f'<text x="{w / 2}" y="{h - 8}" text-anchor="middle">confidence</text>',
        f'<text x="12" y="{h / 2}" transform="rotate(-90 12 {h / 2})"'
        ' text-anchor="middle">share right</text>',
    ]
    for tick in (0.0, 0.5, 1.0):  # the axes' scale: 0, 0.5 and 1 on both
        tx, ty = xy(tick, 0)
        parts.append(f'<text x="{tx:.1f}" y="{ty + 14:.1f}" text-anchor="middle">{tick:g}</text>')
        tx, ty = xy(0, tick)
        parts.append(f'<text x="{tx - 6:.1f}" y="{ty + 4:.1f}" text-anchor="end">{tick:g}</text>')
    for low, high in zip(BINS, BINS[1:], strict=False):
        inside = [d["right"] for d in data if low <= d["confidence"] < high]
        if not inside:
            continue
        share = sum(inside) / len(inside)
        cx, cy = xy((low + min(high, 1.0)) / 2, share)
        radius = 3 + len(inside) ** 0.5
        parts.append(
            f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="{radius:.1f}" fill="#3366cc" opacity="0.7"/>'
        )
        parts.append(f'<text x="{cx + 8:.1f}" y="{cy - 6:.1f}">{len(inside)}</text>')
    parts.append("</svg>")
    path.write_text("\n".join(parts) + "\n", "utf-8")
