"""Report sections 1-2: the headline figures and the leak waterfall.

Each builder takes the analysis and returns a :class:`Section` whose captions
are computed from the data; none of them queries storage.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

import plotly.graph_objects as go
import polars as pl

from dashboards._format import count, esc, pct, plural, pts
from dashboards._section import Figure, Section, count_true, empty_figure, rows, value
from dashboards._style import BAD, CATEGORY_COLORS, GOOD, MUTED, base_layout
from dashboards._types import AnalysisLike
from tracer import semconv

__all__ = ["category_order", "edge_losses", "headline", "waterfall"]

_CATEGORY_ORDER = (*semconv.STAGES, semconv.CATEGORY_UNKNOWN)


def category_order(categories: list[str]) -> list[str]:
    """Stages in pipeline order, then ``unknown``, then anything else by name."""
    known = [c for c in _CATEGORY_ORDER if c in categories]
    return known + sorted(c for c in categories if c not in _CATEGORY_ORDER)


def _failure_counts(a: AnalysisLike) -> Counter[str]:
    if a.failures.height == 0:
        return Counter()
    categories = a.failures["category"].fill_null(semconv.CATEGORY_UNKNOWN).value_counts()
    return Counter({str(c): int(n) for c, n in categories.iter_rows()})


def _run_counts(a: AnalysisLike) -> tuple[int, int]:
    return a.runs.height, count_true(a.runs, "failed")


def edge_losses(a: AnalysisLike) -> Counter[tuple[str, str]]:
    """Failed runs whose root cause is a handoff, per (source, target) edge.

    A handoff failure names its source as ``agent`` and states the edge at the
    start of its reason (``"handoff writer -> editor dropped ..."``); matching
    that prefix against the known edges recovers the target even when agent
    names contain spaces or arrows. Failures that match no edge are left out.
    """
    targets: dict[str, list[str]] = defaultdict(list)
    for row in rows(a.edges):
        targets[str(row["source"])].append(str(row["target"]))
    for names in targets.values():
        names.sort(key=len, reverse=True)  # longest first: "editor-in-chief" before "editor"
    losses: Counter[tuple[str, str]] = Counter()
    handoffs = a.failures.filter(pl.col("category") == semconv.STAGE_HANDOFF)
    for row in rows(handoffs):
        source = str(row.get("agent") or "")
        reason = str(row.get("reason") or "")
        for target in targets.get(source, []):
            if reason.startswith(f"{semconv.OP_HANDOFF} {source} -> {target}"):
                losses[(source, target)] += 1
                break
    return losses


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
    losses = edge_losses(a)
    if losses:
        (source, target), lost = max(losses.items(), key=lambda kv: (kv[1], kv[0]))
        text += f"; {esc(source)} -&gt; {esc(target)} alone loses {pct(lost / n_runs)} of runs"
    return text + "."


_TITLE_FONT = {"size": 14, "color": MUTED}


def _indicator(
    title: str, val: float | None, x: tuple[float, float], fmt: str, **kw: Any
) -> tuple[dict[str, Any] | None, list[dict[str, Any]]]:
    """An indicator trace; without a value, no trace (Plotly would draw a stray "-")
    but its title and "n/a" as annotations in its place."""
    if val is not None:
        number: dict[str, Any] = {"valueformat": fmt, "font": {"size": 34}}
        number.update(kw)
        trace = {
            "type": "indicator",
            "mode": "number",
            "title": {"text": title, "font": {"size": 14, "color": MUTED}},
            "domain": {"x": list(x), "y": [0.66, 1.0]},
            "number": number,
            "value": val,
        }
        return trace, []
    middle = (x[0] + x[1]) / 2
    common = {"showarrow": False, "xref": "paper", "yref": "paper", "x": middle}
    return None, [
        {
            **common,
            "text": title,
            "y": 0.97,
            "yanchor": "top",
            "font": {"size": 14, "color": MUTED},
        },
        {**common, "text": "n/a", "y": 0.8, "font": {"size": 34, "color": MUTED}},
    ]


def headline(a: AnalysisLike) -> Section:
    """Section 1: runs, end-to-end and predicted reliability, the gap, failures by category."""
    n_runs, n_failed = _run_counts(a)
    cats = _failure_counts(a)
    gap = a.coordination_gap
    fig = go.Figure()
    quarters = [(0.0, 0.22), (0.26, 0.48), (0.52, 0.74), (0.78, 1.0)]
    indicators = [
        # two-line titles and a 34 px number fit a quarter of an 800 px window
        _indicator("Runs<br> ", n_runs, quarters[0], ",d"),
        _indicator("End-to-end<br>reliability", a.end_to_end_reliability, quarters[1], ".1%"),
        _indicator("Predicted<br>(product of stages)", a.predicted_reliability, quarters[2], ".1%"),
        _indicator(
            "Coordination<br>gap",
            None if gap is None else gap * 100,
            quarters[3],
            ".1f",
            suffix=" pts",
            font={"size": 34, "color": BAD if (gap or 0) > 0 else GOOD},
        ),
    ]
    for trace, _ in indicators:
        if trace is not None:
            fig.add_trace(trace)
    notes = [note for _, annotations in indicators for note in annotations]
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
        margin={"l": 120, "r": 30, "t": 36, "b": 45},  # t: room for the toolbar
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
                textangle=0,
                hovertemplate="%{y}: %{x} failed runs<extra></extra>",
            )
        )
    else:
        message = "no failed runs" if n_runs else "no runs"
        notes.append(
            {
                "text": message,
                "showarrow": False,
                "x": 0.5,
                "y": 0.2,
                "xref": "paper",
                "yref": "paper",
                "font": {"size": 15, "color": MUTED},
            }
        )
        layout["xaxis"]["visible"] = False
        layout["yaxis"]["visible"] = False
    layout["annotations"] = notes
    fig.update_layout(**layout)
    caption = _headline_caption(a, n_runs, n_failed, cats)
    return Section("headline", "1. Headline", [Figure(fig, caption)])


def _waterfall_steps(a: AnalysisLike) -> tuple[str, float, list[tuple[str, float]]] | None:
    """(best stage, its reliability, [(step label, signed loss)]) or None without data.

    Step labels are HTML-safe (escaped here).
    """
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
            steps.append((esc(cat), -loss))
    # Stage reliabilities are measured over the runs in which a stage appears,
    # the steps over all runs; when coverage differs the two do not add up and
    # the remainder is shown as its own step rather than hidden.
    e2e = a.end_to_end_reliability or 0.0
    rest = e2e - (start + sum(loss for _, loss in steps))
    if abs(rest) > 0.0005:
        ran = int(value(stages[best], "runs") or 0)
        steps.append((f"{esc(best)} ran in<br>{ran:,} of {n_runs:,} runs", rest))
    return best, start, steps


def _signed(share: float) -> str:
    points = round(share * 100, 1)
    return "0.0" if points == 0 else f"{points:+.1f}"


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
        [f"best stage<br>({esc(best)})"] + [label for label, _ in steps] + ["ships<br>(end to end)"]
    )
    values = [start * 100] + [loss * 100 for _, loss in steps] + [0.0]
    measure = ["absolute"] + ["relative"] * len(steps) + ["total"]
    text = [pct(start)] + [_signed(loss) for _, loss in steps] + [pct(e2e)]
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
            f"{pct(e2e)}; {worst} leaks the most, {pts(worst_loss)} of all runs"
        )
        if len(losses) > 1:
            caption += f", and {count(len(losses) - 1)} other step" + (
                "s add" if len(losses) > 2 else " adds"
            )
            caption += f" {pts(sum(v for s, v in losses if s != worst))}"
        caption += "."
    return Section("waterfall", title, [Figure(fig, caption)])
