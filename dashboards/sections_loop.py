"""Report sections 5-6: the verification loop and latency (stages and human wait)."""

from __future__ import annotations

import math
from typing import Any

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from dashboards._format import count, duration, esc, num, pct, plural, shorten
from dashboards._section import Figure, Section, empty_figure, rows, value
from dashboards._style import ACTOR_COLORS, BAD, GOOD, MUTED, STAGE_COLORS, WARN, base_layout
from dashboards._types import AnalysisLike
from tracer import semconv

__all__ = ["MAX_HUMANS", "latency", "verification"]

MAX_HUMANS = 15


def verification(a: AnalysisLike) -> Section:
    """Section 5: attempts, catch rate, false accepts, recovery after reject, latency cost."""
    title = "5. Verification loop"
    v: dict[str, Any] = dict(a.verification or {})
    checks = int(num(v.get("checks")) or 0)
    n_runs = a.runs.height if a.runs is not None else 0
    if checks == 0:
        fig = empty_figure("no verification spans recorded")
        if n_runs:
            caption = (
                f"No verifier ran on any of the {plural(n_runs, 'run')}, so nothing checked "
                "the output against the intent before it shipped."
            )
        else:
            caption = "No runs, so no verification to measure."
        return Section("verification", title, [Figure(fig, caption)])

    fig = make_subplots(
        rows=1,
        cols=2,
        column_widths=[0.42, 0.58],
        horizontal_spacing=0.16,
        subplot_titles=("Verification attempts", "How well the loop works"),
    )
    verified_runs = int(num(v.get("runs_with_verifier")) or 0)
    count_labels = ["verify attempts", "rejects", "false accepts", "runs with a verifier"]
    count_values = [checks, v.get("rejects"), v.get("false_accepts"), verified_runs]
    fig.add_trace(
        go.Bar(
            orientation="h",
            y=count_labels,
            x=[int(num(x) or 0) for x in count_values],
            marker={"color": ["#1c7ed6", WARN, BAD, "#0ca678"]},
            text=[count(x) for x in count_values],
            textposition="auto",
            textangle=0,
            hovertemplate="%{y}: %{x}<extra></extra>",
        ),
        row=1,
        col=1,
    )
    rate_labels = ["catch rate", "false-accept rate", "recovery after reject", "share of latency"]
    rate_keys = ["catch_rate", "false_accept_rate", "recovery_rate", "share_of_latency"]
    rates = [num(v.get(k)) for k in rate_keys]
    fig.add_trace(
        go.Bar(
            orientation="h",
            y=rate_labels,
            x=[None if r is None else round(r * 100, 2) for r in rates],
            marker={"color": [GOOD, BAD, "#0ca678", MUTED]},
            text=[pct(r) for r in rates],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y}: %{x:.1f}%<extra></extra>",
        ),
        row=1,
        col=2,
    )
    # room past 100 for an outside label such as "100%"
    ticks = [0, 20, 40, 60, 80, 100]
    fig.update_xaxes(
        range=[0, 118], tickvals=ticks, ticktext=[f"{t}%" for t in ticks], row=1, col=2
    )
    fig.update_yaxes(autorange="reversed")
    fig.update_layout(**base_layout(300, margin={"l": 150, "r": 30, "t": 50, "b": 40}))

    retries = num(v.get("retries_per_run"))
    caption = f"Verifiers ran on {pct(verified_runs / n_runs) if n_runs else 'n/a'} of runs"
    caption += f" and caught {pct(v.get('catch_rate'))} of bad outputs"
    if num(v.get("false_accept_rate")):
        caption += (
            f", but {pct(v.get('false_accept_rate'))} of its accepts were false "
            "(they passed a defect that was already there)"
        )
    caption += f"; {pct(v.get('recovery_rate'))} of rejected runs recovered"
    if retries is not None:
        caption += f" with {retries:.2f} retries per run"
    caption += f", at {pct(v.get('share_of_latency'))} of total run latency."
    return Section("verification", title, [Figure(fig, caption)])


def latency(a: AnalysisLike) -> Section:
    """Section 6: span duration distributions per stage, and how long humans make runs wait."""
    title = "6. Latency"
    quantiles = {str(r["stage"]): r for r in rows(a.latency)}
    samples: dict[str, list[float]] = {}
    for r in rows(a.latency_samples):
        ms = num(r.get("duration_ms"))
        if ms is not None:
            samples.setdefault(str(r["stage"]), []).append(round(max(ms, 0.001), 3))
    humans = sorted(rows(a.human_wait), key=lambda r: -(value(r, "p95_ms") or 0))[:MAX_HUMANS]
    if not quantiles and not samples and not humans:
        fig = empty_figure("no span durations recorded")
        return Section("latency", title, [Figure(fig, "No spans, so no latency to show.")])

    fig = make_subplots(
        rows=1,
        cols=2,
        column_widths=[0.6, 0.4],
        horizontal_spacing=0.14,
        subplot_titles=("Span duration by stage; red tick = p95", "Human wait: p50 and p95"),
    )
    order: list[str] = [s for s in semconv.STAGES if s in quantiles or s in samples]
    order += sorted((set(quantiles) | set(samples)) - set(order))
    for stage in order:
        q = quantiles.get(stage, {})
        fig.add_trace(
            go.Box(
                x=samples.get(stage, []),
                name=esc(stage),
                orientation="h",
                marker={"color": STAGE_COLORS.get(stage, MUTED), "size": 3},
                boxpoints=False,
                hovertemplate=f"{esc(stage)}: p50 {duration(q.get('p50_ms'))}, "
                f"p95 {duration(q.get('p95_ms'))}<extra></extra>",
            ),
            row=1,
            col=1,
        )
        p95 = value(q, "p95_ms")
        if p95 is not None:
            fig.add_trace(
                go.Scatter(
                    x=[max(p95, 0.001)],
                    y=[esc(stage)],
                    mode="markers",
                    marker={
                        "symbol": "line-ns-open",
                        "size": 18,
                        "color": BAD,
                        "line": {"width": 2},
                    },
                    hovertemplate=f"{esc(stage)} p95 {duration(p95)}<extra></extra>",
                ),
                row=1,
                col=1,
            )
    fig.update_xaxes(
        type="log",
        title_text="span duration (milliseconds, log scale)",
        **_log_ticks([v for vs in samples.values() for v in vs]),
        row=1,
        col=1,
    )
    fig.update_yaxes(autorange="reversed", row=1, col=1)
    if humans:
        _human_dumbbells(fig, humans)
    else:
        fig.update_xaxes(visible=False, row=1, col=2)
        fig.update_yaxes(visible=False, row=1, col=2)
        fig.add_annotation(
            text="no human steps",
            showarrow=False,
            x=0.5,
            y=0.5,
            xref="x2 domain",
            yref="y2 domain",
            font={"size": 14, "color": MUTED},
        )
    fig.update_layout(
        **base_layout(
            max(300, 80 + 46 * max(len(order), len(humans))),
            margin={"l": 110, "r": 30, "t": 50, "b": 50},
        )
    )
    return Section("latency", title, [Figure(fig, _latency_caption(quantiles, humans))])


_UNITS = (
    (3_600_000.0, "hours"),
    (60_000.0, "minutes"),
    (1000.0, "seconds"),
    (1.0, "milliseconds"),
)


def _log_ticks(values: list[float]) -> dict[str, Any]:
    """Tick settings for a log axis, never Plotly's "2 5 0.01 2 5 0.1" labels (a bare
    "2" that means 0.02): one labelled tick per power of ten once the data spans two
    or more, else 1-2-5 steps labelled in full ("0.02", "0.05", "0.1")."""
    positive = [v for v in values if v > 0]
    if not positive:
        return {}
    low, high = min(positive), max(positive)
    if math.log10(high) - math.log10(low) >= 2:
        return {"dtick": 1, "tickformat": "~g"}
    steps = [
        m * 10.0**e
        for e in range(math.floor(math.log10(low)) - 1, math.ceil(math.log10(high)) + 1)
        for m in (1, 2, 5)
    ]
    # the steps inside the data, and one on either side so the ends are labelled too
    inside = [v for v in steps if low <= v <= high]
    below = [v for v in steps if v < low][-1:]
    above = [v for v in steps if v > high][:1]
    ticks = below + inside + above
    return {"tickvals": ticks, "ticktext": [f"{v:.3g}" for v in ticks]}


def _human_dumbbells(fig: go.Figure, humans: list[dict[str, Any]]) -> None:
    """p50 and p95 wait of each human actor as two dots on one line (log scale)."""
    longest = max((value(r, "p95_ms") or 0 for r in humans), default=0.0)
    scale, unit = next((f, u) for f, u in _UNITS if longest >= 2 * f or f == 1.0)

    def scaled(ms: Any) -> float | None:
        v = num(ms)
        return None if v is None else max(v, 0.001) / scale

    labels = [shorten(r.get("agent"), 24) for r in humans]
    xs: list[float | None] = []
    ys: list[str | None] = []
    for label, r in zip(labels, humans, strict=True):
        xs += [scaled(r.get("p50_ms")), scaled(r.get("p95_ms")), None]
        ys += [label, label, None]
    fig.add_trace(
        go.Scatter(
            x=xs, y=ys, mode="lines", line={"color": "#ced4da", "width": 4}, hoverinfo="skip"
        ),
        row=1,
        col=2,
    )
    for key, name, color in (
        ("p50_ms", "p50", "#ffa94d"),
        ("p95_ms", "p95", ACTOR_COLORS[semconv.ACTOR_HUMAN]),
    ):
        fig.add_trace(
            go.Scatter(
                x=[scaled(r.get(key)) for r in humans],
                y=labels,
                mode="markers+text",
                marker={"color": color, "size": 13},
                text=[f"{name} {duration(r.get(key))}" for r in humans],
                textposition="top center",
                textfont={"size": 11},
                cliponaxis=False,
                hovertemplate="%{y}: %{text}<extra></extra>",
            ),
            row=1,
            col=2,
        )
    fig.update_xaxes(
        type="log",
        title_text=f"wait ({unit}, log scale)",
        **_log_ticks([x for x in xs if x is not None]),
        row=1,
        col=2,
    )
    fig.update_yaxes(autorange="reversed", row=1, col=2)


def _latency_caption(quantiles: dict[str, dict[str, Any]], humans: list[dict[str, Any]]) -> str:
    parts = []
    timed = [s for s in quantiles if value(quantiles[s], "p95_ms") is not None]
    if timed:
        slow = max(timed, key=lambda s: value(quantiles[s], "p95_ms") or 0)
        q = quantiles[slow]
        parts.append(
            f"{esc(slow).capitalize()} is the slowest stage at p95 {duration(q.get('p95_ms'))} "
            f"(p50 {duration(q.get('p50_ms'))})"
        )
    if humans:
        h = humans[0]
        parts.append(
            f"the longest human wait is {shorten(h.get('agent'), 32)}: "
            f"p50 {duration(h.get('p50_ms'))}, p95 {duration(h.get('p95_ms'))} "
            f"over {plural(int(value(h, 'n') or 0), 'step')}"
        )
    else:
        parts.append("no human step held a run up")
    return "; ".join(parts) + "."
