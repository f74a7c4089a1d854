"""Report sections 7-8: timelines of the worst failed runs, and the trend over time.

Only a bounded set of example runs is drawn (``max_runs`` runs of at most
:data:`MAX_SPANS` spans each), so the report stays small for any data size.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime
from typing import Any

import plotly.graph_objects as go

from analyzer import examples
from analyzer.suspects import calibration, redact
from dashboards._format import count, duration, esc, pct, plural, shorten
from dashboards._section import Figure, Section, column_range, rows, value
from dashboards._style import BAD, INK, STAGE_COLORS, base_layout
from dashboards._types import AnalysisLike
from tracer import semconv

__all__ = ["MAX_SPANS", "TREND_MIN_HOURS", "pick_worst_runs", "trend", "worst_runs"]

MAX_SPANS = 60
"""Spans drawn per run timeline; the root cause, its ancestors and errors always are."""
TREND_MIN_HOURS = 3.0
"""A trend needs data covering at least this many hours (and three buckets)."""

_UNITS = (
    (3_600_000.0, "hours"),
    (60_000.0, "minutes"),
    (1000.0, "seconds"),
    (1.0, "milliseconds"),
)


def pick_worst_runs(a: AnalysisLike, max_runs: int) -> list[dict[str, Any]]:
    """Up to ``max_runs`` failed runs: the commonest categories first, longest runs first
    (:func:`analyzer.examples.pick_worst_runs`)."""
    return examples.pick_worst_runs(a.failures, a.runs, max_runs)


def _tree_order(spans: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Spans depth-first (children by start time), so the timeline reads like the call tree."""
    ids = {s["span_id"] for s in spans}
    children: dict[str | None, list[dict[str, Any]]] = defaultdict(list)
    for s in spans:
        parent = s.get("parent_span_id")
        children[parent if parent in ids else None].append(s)
    for kids in children.values():
        kids.sort(key=lambda s: (s.get("start_ns") or 0, str(s["span_id"])))
    out: list[dict[str, Any]] = []
    stack = list(reversed(children[None]))
    while stack:
        span = stack.pop()
        out.append(span)
        stack.extend(reversed(children.get(span["span_id"], [])))
    return out


def _bounded(spans: list[dict[str, Any]], root_cause: str | None) -> list[dict[str, Any]]:
    """At most MAX_SPANS spans: the root cause, its ancestors and errors first, then earliest."""
    if len(spans) <= MAX_SPANS:
        return spans
    by_id = {s["span_id"]: s for s in spans}
    keep: list[str] = []
    cursor = by_id.get(root_cause) if root_cause else None
    while cursor is not None and cursor["span_id"] not in keep:
        keep.append(cursor["span_id"])
        cursor = by_id.get(cursor.get("parent_span_id"))
    for s in sorted(spans, key=lambda s: s.get("start_ns") or 0):
        if len(keep) >= MAX_SPANS:
            break
        if s.get("is_error") and s["span_id"] not in keep:
            keep.append(s["span_id"])
    for s in sorted(spans, key=lambda s: s.get("start_ns") or 0):
        if len(keep) >= MAX_SPANS:
            break
        if s["span_id"] not in keep:
            keep.append(s["span_id"])
    chosen = set(keep)
    return [s for s in spans if s["span_id"] in chosen]


def _span_hover(s: dict[str, Any]) -> str:
    lines = [f"<b>{shorten(s.get('name'), 60)}</b>", f"{duration(s.get('duration_ms'))}"]
    for key, label in (
        ("agent", "agent"),
        ("stage", "stage"),
        ("actor", "actor"),
        ("error_type", "error"),
        ("verdict", "verdict"),
    ):
        if s.get(key):
            lines.append(f"{label}: {shorten(s.get(key), 60)}")
    violations = s.get("violations")
    if violations:
        lines.append("violations: " + "; ".join(shorten(v, 60) for v in list(violations)[:4]))
    return "<br>".join(lines)


def _placement(spans: list[dict[str, Any]]) -> tuple[list[float], list[float], list[str]]:
    """Start offset (ms), drawn length (ms) and tick label of every span.

    A late outcome (feedback recorded after the run ended, maybe hours later)
    would squeeze the whole run into a sliver; it is drawn right after the run
    instead and its label says how much later it came.
    """
    t0 = min(int(s.get("start_ns") or 0) for s in spans)
    ends = [int(s.get("end_ns") or 0) for s in spans if s.get("operation") != semconv.OP_OUTCOME]
    run_end = (max(ends) - t0) / 1e6 if ends else None
    starts: list[float] = []
    lengths: list[float] = []
    # tick labels are right-aligned, so nesting shows through the depth-first
    # order rather than through indentation
    labels: list[str] = []
    for s in spans:
        start = (int(s.get("start_ns") or 0) - t0) / 1e6
        length = max(value(s, "duration_ms") or 0.0, 0.0)
        label = shorten(s.get("name"), 44)
        if run_end is not None and s.get("operation") == semconv.OP_OUTCOME and start > run_end:
            label += f" (+{esc(duration(start - run_end))} later)"
            start, length = run_end, 0.0
        starts.append(start)
        lengths.append(length)
        labels.append(label)
    return starts, lengths, labels


def _timeline(
    failure: dict[str, Any], run_spans: list[dict[str, Any]], content: bool = True
) -> Figure:
    trace_id = str(failure["trace_id"])
    root_cause = failure.get("span_id")
    spans = _tree_order(_bounded(run_spans, root_cause))
    reason = shorten(failure.get("reason") or "no reason recorded", 160)
    category = esc(failure.get("category") or semconv.CATEGORY_UNKNOWN)
    label = f"Run <code>{esc(trace_id)}</code>"
    if failure.get("workflow"):
        label += f" ({shorten(failure['workflow'], 40)})"
    caption = f"{label} failed in {category}: {reason}." + suspects_note(failure, content)
    title = (
        f"Run {esc(trace_id[:12])}: {category}, root cause "
        f"<i>{shorten(failure.get('span_name') or 'not named', 60)}</i>"
    )
    if not spans:
        fig = go.Figure()
        fig.update_layout(**base_layout(160))
        return Figure(fig, caption + " Its spans are not in this data.")
    starts, lengths, labels = _placement(spans)
    total_ms = max(st + ln for st, ln in zip(starts, lengths, strict=True)) or 1.0
    scale, unit = next((f, u) for f, u in _UNITS if total_ms >= 2 * f or f == 1.0)
    by_stage: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(spans):
        by_stage[str(s.get("stage") or "")].append(i)
    fig = go.Figure()
    min_width = total_ms / scale * 0.004  # keep instant spans visible as a sliver
    for stage in [*semconv.STAGES, *sorted(k for k in by_stage if k not in semconv.STAGES)]:
        idx = by_stage.get(stage)
        if not idx:
            continue
        fig.add_trace(
            go.Bar(
                orientation="h",
                y=idx,
                base=[starts[i] / scale for i in idx],
                x=[max(lengths[i] / scale, min_width) for i in idx],
                name=esc(stage) if stage else "run / other",
                width=0.8,  # fixed: Plotly would size bars from the gaps between rows
                marker={
                    "color": STAGE_COLORS.get(stage, "#adb5bd"),
                    "line": {
                        "color": [
                            BAD if spans[i].get("is_error") else "rgba(0,0,0,0)" for i in idx
                        ],
                        "width": 2,
                    },
                },
                customdata=[_span_hover(spans[i]) for i in idx],
                hovertemplate="%{customdata}<extra></extra>",
            )
        )
    cause_rows = [i for i, s in enumerate(spans) if s["span_id"] == root_cause]
    if cause_rows:
        i = cause_rows[0]
        end = (starts[i] + lengths[i]) / scale
        # the label is the star's own text, so it stays on the starred span's row
        fig.add_trace(
            go.Scatter(
                x=[end],
                y=[i],
                mode="markers+text",
                name="root cause",
                text=["root cause"],
                textposition="middle right",
                textfont={"color": BAD, "size": 12},
                cliponaxis=False,
                marker={
                    "symbol": "star",
                    "size": 16,
                    "color": BAD,
                    "line": {"color": INK, "width": 1},
                },
                hovertemplate=f"root cause: {reason}<extra></extra>",
            )
        )
    fig.update_layout(
        **base_layout(
            min(900, 130 + 22 * len(spans)),
            showlegend=True,
            barmode="overlay",
            # the title sits on the plot, below the toolbar's row
            title={
                "text": title,
                "x": 0,
                "xanchor": "left",
                "xref": "container",
                "y": 1,
                "yref": "paper",
                "yanchor": "bottom",
                "pad": {"b": 8},
                "font": {"size": 15},
            },
            margin={"l": 40, "r": 90, "t": 70, "b": 80},
            legend={"orientation": "h", "yref": "container", "y": 0, "yanchor": "bottom", "x": 0},
        ),
        xaxis={"title": {"text": f"{unit} since the run started"}, "rangemode": "tozero"},
        yaxis={
            "tickmode": "array",
            "tickvals": list(range(len(spans))),
            "ticktext": labels,
            # fixed range, first span on top: autorange would pad by the widest
            # gap between a trace's rows and leave empty bands
            "range": [len(spans) - 0.5, -0.5],
            "showgrid": False,
            "zeroline": False,
        },
    )
    return Figure(fig, caption)


def suspects_note(failure: dict[str, Any], content: bool = True) -> str:
    """HTML (escaped) saying who the ranking suspects and how sure it is: a suspect
    the rules did not name, or one under :data:`calibration.LOW`, is marked as such."""
    ranked = list(failure.get("suspects") or [])
    if not ranked:
        return " No suspect: no agent step in the trace to rank."
    conf = value(failure, "confidence") or 0.0
    low = conf < calibration.LOW
    who = f"<b>{shorten(failure.get('agent'), 40)}</b>"
    kind = (
        "suspect (no rule named who made the mistake)"
        if failure.get("suspect")
        else "named by the rules"
    )
    mark = " &mdash; <b>low confidence</b>" if low else ""
    lines = [f" Agent {who}, {kind}, confidence {pct(conf)}{mark}."]
    for i, s in enumerate(ranked[:3], start=1):
        lines_ = [e if content else redact(e) for e in list(s.get("evidence") or [])[:2]]
        evidence = "; ".join(shorten(e, 140) for e in lines_)
        lines.append(
            f" Suspect {i}: {shorten(s.get('agent'), 40)} at <code>{esc(s.get('span_id'))}</code>"
            f" ({evidence or 'no evidence'})."
        )
    return "".join(lines)


def worst_runs(a: AnalysisLike, max_runs: int, *, content: bool = True) -> Section:
    """Section 7: Gantt timelines of a few failed runs, root-cause span starred."""
    title = "7. The worst runs"
    picked = pick_worst_runs(a, max_runs)
    if not picked:
        n_runs = a.runs.height if a.runs is not None else 0
        note = (
            f"No failed runs among the {plural(n_runs, 'run')}, so there is no failure "
            "timeline to show."
            if n_runs
            else "No runs, so no timelines to show."
        )
        return Section("runs", title, note=note)
    by_trace: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for span in rows(a.example_spans):
        by_trace[str(span["trace_id"])].append(span)
    figures = [_timeline(f, by_trace[str(f["trace_id"])], content) for f in picked]
    return Section("runs", title, figures)


def _span_hours(a: AnalysisLike) -> float:
    window = column_range(a.runs, "start_ns", "end_ns")
    return 0.0 if window is None else max(0.0, (window[1] - window[0]) / 3.6e12)


def trend(a: AnalysisLike) -> Section:
    """Section 8: reliability per time bucket, when the data covers several hours."""
    title = "8. Trend over time"
    hours = _span_hours(a)
    buckets = [r for r in rows(a.trend) if (value(r, "runs") or 0) > 0]
    if hours < TREND_MIN_HOURS or len(buckets) < 3:
        n_runs = a.runs.height if a.runs is not None else 0
        if n_runs == 0:
            note = "Omitted: there are no runs yet."
        else:
            span = duration(hours * 3.6e6)
            note = (
                f"Omitted: the {plural(n_runs, 'run')} cover only {span} "
                f"({plural(len(buckets), 'time bucket')}); a trend appears once the data spans "
                f"at least {TREND_MIN_HOURS:.0f} hours."
            )
        return Section("trend", title, note=note)
    buckets.sort(key=lambda r: r["bucket_start"])
    x = [_iso(r["bucket_start"]) for r in buckets]
    rel = [value(r, "reliability") for r in buckets]
    # runs on the first axis and reliability on the overlaying one, so the line
    # is drawn above the bars
    fig = go.Figure()
    fig.add_trace(
        go.Bar(
            x=x,
            y=[value(r, "runs") for r in buckets],
            name="runs",
            yaxis="y",
            marker={"color": "#dee2e6"},
            hovertemplate="%{x}: %{y} runs<extra></extra>",
        )
    )
    fig.add_trace(
        go.Scatter(
            x=x,
            y=[None if v is None else round(v * 100, 2) for v in rel],
            yaxis="y2",
            name="reliability",
            mode="lines+markers",
            line={"color": "#1c7ed6", "width": 3},
            hovertemplate="%{x}: %{y:.1f}% reliable<extra></extra>",
        )
    )
    fig.update_layout(
        **base_layout(
            340,
            showlegend=True,
            legend={"orientation": "h", "y": 1.1, "x": 0},
            margin={"l": 70, "r": 70, "t": 40, "b": 50},
        ),
        yaxis={
            "title": {"text": "runs"},
            "side": "right",
            "showgrid": False,
            "rangemode": "tozero",
        },
        yaxis2={
            "title": {"text": "end-to-end reliability"},
            "side": "left",
            "overlaying": "y",
            "range": [0, 102],
            "tickmode": "array",
            "tickvals": [0, 20, 40, 60, 80, 100],
            "ticktext": ["0%", "20%", "40%", "60%", "80%", "100%"],
        },
    )
    known = [(r, v) for r, v in zip(buckets, rel, strict=True) if v is not None]
    first, last = known[0][1], known[-1][1]
    worst_row, worst = min(known, key=lambda kv: kv[1])
    span = f"{hours:.0f} hours" if hours < 72 else f"{hours / 24:.1f} days"
    total = count(sum(value(r, "runs") or 0 for r in buckets))
    if round(first * 1000) == round(last * 1000):
        change = f"reliability held at {pct(last)}"
    else:
        change = (
            f"reliability {'rose' if last > first else 'fell'} from {pct(first)} to {pct(last)}"
        )
    caption = f"Over {span} and {total} runs, {change}"
    if round(worst * 1000) < round(min(first, last) * 1000):
        caption += (
            f"; the worst bucket, {esc(_iso(worst_row['bucket_start']))}, shipped {pct(worst)}"
        )
    caption += "."
    return Section("trend", title, [Figure(fig, caption)])


def _iso(moment: Any) -> str:
    if isinstance(moment, datetime):
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M")
    return str(moment)
