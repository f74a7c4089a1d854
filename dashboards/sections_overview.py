"""Report sections 1-2: the headline figures and the leak waterfall.

Each builder takes the analysis and returns a :class:`Section` whose captions
are computed from the data; none of them queries storage.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import plotly.graph_objects as go

from dashboards._format import count, esc, pct, plural, pts
from dashboards._section import Figure, Section, empty_figure, rows, value
from dashboards._style import BAD, CATEGORY_COLORS, GOOD, INK, MUTED, base_layout
from dashboards._types import AnalysisLike
from tracer import semconv

__all__ = ["category_order", "headline", "waterfall", "worst_edge"]

_CATEGORY_ORDER = (*semconv.STAGES, semconv.CATEGORY_UNKNOWN)


def category_order(categories: list[str]) -> list[str]:
    """Stages in pipeline order, then ``unknown``, then anything else by name."""
    known = [c for c in _CATEGORY_ORDER if c in categories]
    return known + sorted(c for c in categories if c not in _CATEGORY_ORDER)


def _failure_counts(a: AnalysisLike) -> Counter[str]:
    return Counter(str(r.get("category") or semconv.CATEGORY_UNKNOWN) for r in rows(a.failures))


def _run_counts(a: AnalysisLike) -> tuple[int, int]:
    runs = rows(a.runs)
    return len(runs), sum(1 for r in runs if r.get("failed"))


def worst_edge(a: AnalysisLike) -> dict[str, Any] | None:
    """The handoff edge with the most failed runs (ties: higher rate), if any failed."""
    best: dict[str, Any] | None = None
    for row in rows(a.edges):
        failed = value(row, "failed_runs") or 0
        if failed <= 0:
            continue
        key = (failed, value(row, "failure_rate") or 0)
        if best is None or key > (
            value(best, "failed_runs") or 0,
            value(best, "failure_rate") or 0,
        ):
            best = row
    return best


def _headline_caption(a: AnalysisLike, n_runs: int, n_failed: int, cats: Counter[str]) -> str:
    if n_runs == 0:
        return (
            "No runs in this data yet: trace a pipeline (or run <code>coordgap demo</code>), "
            "ingest the spans and build the report again."
        )
    e2e = a.end_to_end_reliability
    if n_failed == 0:
        return (
            f"All {plural(n_runs, 'run')} succeeded, so end-to-end reliability is {pct(e2e)} "
            "and there is no coordination gap to explain."
        )
    text = (
        f"{pct(e2e)} of {plural(n_runs, 'run')} shipped while the stage reliabilities "
        f"predict {pct(a.predicted_reliability)}, a coordination gap of "
        f"{pts(a.coordination_gap)}"
    )
    total = sum(cats.values())
    if total:
        top, top_n = max(cats.items(), key=lambda kv: (kv[1], kv[0] != semconv.CATEGORY_UNKNOWN))
        where = (
            "cannot be explained by the trace"
            if top == semconv.CATEGORY_UNKNOWN
            else (f"start at {esc(top)}")
        )
        text += f"; {pct(top_n / total)} of failures {where}"
    edge = worst_edge(a)
    if edge is not None:
        share = (value(edge, "failed_runs") or 0) / n_runs
        text += (
            f", and {esc(edge.get('source'))} -&gt; {esc(edge.get('target'))} alone is on the "
            f"path of {pct(share)} of runs that failed"
        )
    return text + "."


def _indicator(title: str, val: float | None, x: tuple[float, float], fmt: str, **kw: Any) -> Any:
    number: dict[str, Any] = {"valueformat": fmt, "font": {"size": 40}}
    number.update(kw)
    trace: dict[str, Any] = {
        "type": "indicator",
        "mode": "number",
        "title": {"text": title, "font": {"size": 14, "color": MUTED}},
        "domain": {"x": list(x), "y": [0.66, 1.0]},
        "number": number,
    }
    if val is None:
        # an indicator without a value draws nothing; say "n/a" in its title instead
        trace["title"]["text"] = f"{title}<br><span style='font-size:34px;color:{INK}'>n/a</span>"
        trace["mode"] = "number"
        trace["number"] = {"font": {"size": 1, "color": "rgba(0,0,0,0)"}}
        trace["value"] = 0
    else:
        trace["value"] = val
    return trace


def headline(a: AnalysisLike) -> Section:
    """Section 1: runs, end-to-end and predicted reliability, the gap, failures by category."""
    n_runs, n_failed = _run_counts(a)
    cats = _failure_counts(a)
    gap = a.coordination_gap
    fig = go.Figure()
    quarters = [(0.0, 0.22), (0.26, 0.48), (0.52, 0.74), (0.78, 1.0)]
    fig.add_trace(_indicator("Runs", n_runs, quarters[0], ",d"))
    fig.add_trace(
        _indicator("End-to-end reliability", a.end_to_end_reliability, quarters[1], ".1%")
    )
    fig.add_trace(
        _indicator("Predicted (product of stages)", a.predicted_reliability, quarters[2], ".1%")
    )
    fig.add_trace(
        _indicator(
            "Coordination gap",
            None if gap is None else gap * 100,
            quarters[3],
            ".1f",
            suffix=" pts",
            font={"size": 40, "color": BAD if (gap or 0) > 0 else GOOD},
        )
    )
    order = category_order(list(cats))
    total = sum(cats.values())
    layout = base_layout(
        400,
        xaxis={
            "domain": [0.0, 1.0],
            "title": {"text": "failed runs by root-cause category"},
            "rangemode": "tozero",
        },
        yaxis={"domain": [0.0, 0.5], "autorange": "reversed"},
        margin={"l": 120, "r": 30, "t": 10, "b": 45},
    )
    if order:
        fig.add_trace(
            go.Bar(
                orientation="h",
                y=[esc(c) for c in order],
                x=[cats[c] for c in order],
                marker={"color": [CATEGORY_COLORS.get(c, MUTED) for c in order]},
                text=[f"{cats[c]:,} ({pct(cats[c] / total)})" for c in order],
                textposition="auto",
                hovertemplate="%{y}: %{x} failed runs<extra></extra>",
            )
        )
    else:
        message = "no failed runs" if n_runs else "no runs"
        layout["annotations"] = [
            {
                "text": message,
                "showarrow": False,
                "x": 0.5,
                "y": 0.2,
                "xref": "paper",
                "yref": "paper",
                "font": {"size": 15, "color": MUTED},
            }
        ]
        layout["xaxis"]["visible"] = False
        layout["yaxis"]["visible"] = False
    fig.update_layout(**layout)
    caption = _headline_caption(a, n_runs, n_failed, cats)
    return Section("headline", "1. Headline", [Figure(fig, caption)])


def _waterfall_steps(a: AnalysisLike) -> tuple[str, float, list[tuple[str, float]]] | None:
    """(best stage, its reliability, [(step label, signed loss)]) or None without data."""
    stages = {str(r["stage"]): r for r in rows(a.stages) if value(r, "reliability") is not None}
    n_runs, _ = _run_counts(a)
    if not stages or n_runs == 0:
        return None
    best = max(stages, key=lambda s: (value(stages[s], "reliability") or 0.0, s))
    start = value(stages[best], "reliability") or 0.0
    cats = _failure_counts(a)
    steps: list[tuple[str, float]] = []
    for cat in category_order(list(set(cats) | set(stages))):
        if cat == best:
            continue
        loss = cats.get(cat, 0) / n_runs
        if cat in stages or loss > 0:
            steps.append((cat, -loss))
    # Stage reliabilities are measured over the runs in which a stage appears,
    # the steps over all runs; when coverage differs the two do not add up and
    # the remainder is shown as its own step rather than hidden.
    e2e = a.end_to_end_reliability or 0.0
    rest = e2e - (start + sum(loss for _, loss in steps))
    if abs(rest) > 0.0005:
        steps.append(("coverage difference", rest))
    return best, start, steps


def waterfall(a: AnalysisLike) -> Section:
    """Section 2: from the best stage's reliability down to what ships, a step per stage."""
    title = "2. Where reliability leaks"
    computed = _waterfall_steps(a)
    if computed is None:
        fig = empty_figure("no stage reliabilities to compare")
        return Section(
            "waterfall", title, [Figure(fig, "No stage data, so there is no leak to draw.")]
        )
    best, start, steps = computed
    e2e = a.end_to_end_reliability
    labels = (
        [f"best stage<br>({esc(best)})"] + [esc(s) for s, _ in steps] + ["ships<br>(end to end)"]
    )
    values = [start * 100] + [loss * 100 for _, loss in steps] + [0.0]
    measure = ["absolute"] + ["relative"] * len(steps) + ["total"]
    text = [pct(start)] + [f"{loss * 100:+.1f}" for _, loss in steps] + [pct(e2e)]
    fig = go.Figure(
        go.Waterfall(
            x=labels,
            y=values,
            measure=measure,
            text=text,
            textposition="outside",
            cliponaxis=False,
            connector={"line": {"color": "#ced4da"}},
            increasing={"marker": {"color": GOOD}},
            decreasing={"marker": {"color": BAD}},
            totals={"marker": {"color": "#1c7ed6"}},
            hovertemplate="%{x}: %{text}<extra></extra>",
        )
    )
    floor = max(0.0, min(e2e or 0.0, start) * 100 - 15)
    fig.update_layout(
        **base_layout(380),
        yaxis={"title": {"text": "reliability (%)"}, "range": [floor, 104], "ticksuffix": "%"},
    )
    losses = [(s, -loss) for s, loss in steps if loss < 0]
    if not losses:
        caption = (
            f"Nothing leaks: the best stage ({esc(best)}) runs at {pct(start)} and so does the "
            "whole chain."
        )
    else:
        worst, worst_loss = max(losses, key=lambda kv: kv[1])
        caption = (
            f"A team that trusts its best stage ({esc(best)}, {pct(start)}) ships only "
            f"{pct(e2e)}; {esc(worst)} leaks the most, {pts(worst_loss)} of all runs"
        )
        if len(losses) > 1:
            caption += f", and {count(len(losses) - 1)} other step" + (
                "s add" if len(losses) > 2 else " adds"
            )
            caption += f" {pts(sum(v for s, v in losses if s != worst))}"
        caption += "."
    return Section("waterfall", title, [Figure(fig, caption)])
