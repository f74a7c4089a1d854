"""Report sections 3-4: the handoff Sankey and the agents x stages heatmap."""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go

from dashboards._format import count, duration, esc, join_words, pct, plural, shorten
from dashboards._section import Figure, Section, empty_figure, rows, value
from dashboards._style import ACTOR_COLORS, FAILURE_SCALE, base_layout, failure_color
from dashboards._types import AnalysisLike
from tracer import semconv

__all__ = ["MAX_EDGES", "MAX_HEATMAP_AGENTS", "handoff_flow", "heatmap"]

MAX_EDGES = 40
"""The Sankey keeps the busiest edges; more would be unreadable on a laptop."""
MAX_HEATMAP_AGENTS = 30


def _node_label(name: str, actor: str | None) -> str:
    label = shorten(name, 28)
    return f"{label} (human)" if actor == semconv.ACTOR_HUMAN else label


def handoff_flow(a: AnalysisLike) -> Section:
    """Section 3: agent -> agent handoffs; width = volume, colour = failure rate."""
    title = "3. Handoff flow"
    edges = [r for r in rows(a.edges) if (value(r, "handoffs") or 0) > 0]
    if not edges:
        fig = empty_figure("no handoffs recorded")
        caption = (
            "No handoffs in this data: no handoff spans were recorded and no consecutive "
            "agent calls were found to infer them from."
        )
        return Section("handoffs", title, [Figure(fig, caption)])
    edges.sort(key=lambda r: (-(value(r, "handoffs") or 0), str(r["source"]), str(r["target"])))
    shown, hidden = edges[:MAX_EDGES], edges[MAX_EDGES:]

    actors: dict[str, str | None] = {}
    for r in shown:
        for name_key, actor_key in (("source", "source_actor"), ("target", "target_actor")):
            name = str(r[name_key])
            if actors.get(name) is None:
                actors[name] = r.get(actor_key)
    names = list(actors)
    index = {n: i for i, n in enumerate(names)}
    link_text = []
    for r in shown:
        link_text.append(
            f"{esc(r['source'])} -&gt; {esc(r['target'])}<br>"
            f"{count(r.get('handoffs'))} handoffs, {count(r.get('violations'))} violations<br>"
            f"failure rate {pct(r.get('failure_rate'))}, p50 {duration(r.get('p50_ms'))}"
        )
    sankey = go.Sankey(
        arrangement="snap",
        node={
            "label": [_node_label(n, actors[n]) for n in names],
            "color": [ACTOR_COLORS.get(str(actors[n]), "#adb5bd") for n in names],
            "pad": 18,
            "thickness": 16,
            "line": {"color": "#495057", "width": 0.5},
            "hovertemplate": "%{label}: %{value} handoffs<extra></extra>",
        },
        link={
            "source": [index[str(r["source"])] for r in shown],
            "target": [index[str(r["target"])] for r in shown],
            "value": [value(r, "handoffs") or 0 for r in shown],
            "color": [failure_color(value(r, "failure_rate"), 0.55) for r in shown],
            "customdata": link_text,
            "hovertemplate": "%{customdata}<extra></extra>",
        },
        domain={"x": [0.0, 0.9]},
    )
    # Sankey has no colour bar of its own: an invisible scatter carries one so
    # the reader can read a link's colour as a failure rate.
    scale = go.Scatter(
        x=[None],
        y=[None],
        mode="markers",
        hoverinfo="skip",
        marker={
            "colorscale": FAILURE_SCALE,
            "cmin": 0,
            "cmax": 100,
            "color": [0],
            "showscale": True,
            "colorbar": {
                "title": {"text": "failure<br>rate"},
                "ticksuffix": "%",
                "x": 0.97,
                "thickness": 12,
                "len": 0.8,
            },
        },
    )
    fig = go.Figure([sankey, scale])
    fig.update_layout(
        **base_layout(max(360, min(720, 60 + 34 * len(names)))),
        xaxis={"visible": False},
        yaxis={"visible": False},
    )
    caption = _flow_caption(shown, hidden, actors)
    return Section("handoffs", title, [Figure(fig, caption)])


def _flow_caption(
    shown: list[dict[str, Any]], hidden: list[dict[str, Any]], actors: dict[str, str | None]
) -> str:
    busiest = shown[0]
    text = (
        f"The widest flow is {esc(busiest['source'])} -&gt; {esc(busiest['target'])} "
        f"({count(busiest.get('handoffs'))} handoffs)"
    )
    failing = [r for r in shown if (value(r, "failure_rate") or 0) > 0]
    if failing:
        worst = max(
            failing, key=lambda r: (value(r, "failure_rate") or 0, value(r, "handoffs") or 0)
        )
        text += (
            f"; the leakiest is {esc(worst['source'])} -&gt; {esc(worst['target'])}, where "
            f"{pct(worst.get('failure_rate'))} of runs failed"
        )
        violations = int(value(worst, "violations") or 0)
        if violations:
            text += f" with {plural(violations, 'violation')} recorded"
    else:
        text += "; no handoff edge is on the path of a failed run"
    humans = [n for n, actor in actors.items() if actor == semconv.ACTOR_HUMAN]
    if humans:
        text += f"; human actors (orange): {join_words(shorten(h, 28) for h in humans[:4])}"
        if len(humans) > 4:
            text += f" and {len(humans) - 4} more"
    if hidden:
        text += f" ({plural(len(hidden), 'quieter edge')} not drawn)"
    return text + "."


def heatmap(a: AnalysisLike) -> Section:
    """Section 4: failure rate of every agent in every stage it worked in."""
    title = "4. Agents x stages"
    cells = [r for r in rows(a.agent_stage) if (value(r, "calls") or 0) > 0]
    if not cells:
        fig = empty_figure("no agent calls recorded")
        return Section("heatmap", title, [Figure(fig, "No agent calls to compare.")])
    calls_by_agent: dict[str, float] = {}
    for r in cells:
        calls_by_agent[str(r["agent"])] = calls_by_agent.get(str(r["agent"]), 0) + (
            value(r, "calls") or 0
        )
    agents = sorted(calls_by_agent, key=lambda n: (-calls_by_agent[n], n))[:MAX_HEATMAP_AGENTS]
    present = {str(r["stage"]) for r in cells}
    stages = [s for s in semconv.STAGES if s in present] + sorted(present - set(semconv.STAGES))
    grid: dict[tuple[str, str], dict[str, Any]] = {
        (str(r["agent"]), str(r["stage"])): r for r in cells
    }
    z: list[list[float | None]] = []
    text: list[list[str]] = []
    for agent in agents:
        z_row: list[float | None] = []
        t_row: list[str] = []
        for stage in stages:
            cell = grid.get((agent, stage))
            if cell is None:
                z_row.append(None)
                t_row.append("")
                continue
            rate = value(cell, "failure_rate")
            z_row.append(None if rate is None else round(rate * 100, 2))
            t_row.append(f"{count(cell.get('failures'))}/{count(cell.get('calls'))}")
        z.append(z_row)
        text.append(t_row)
    fig = go.Figure(
        go.Heatmap(
            x=[esc(s) for s in stages],
            y=[shorten(n, 32) for n in agents],
            z=z,
            text=text,
            texttemplate="%{text}",
            colorscale=FAILURE_SCALE,
            zmin=0,
            zmax=100,
            xgap=2,
            ygap=2,
            colorbar={"title": {"text": "failure<br>rate"}, "ticksuffix": "%", "thickness": 12},
            hovertemplate="%{y} in %{x}: %{z:.1f}% failed (%{text} calls)<extra></extra>",
        )
    )
    fig.update_layout(
        **base_layout(max(260, min(760, 90 + 30 * len(agents)))),
        yaxis={"autorange": "reversed"},
        xaxis={"side": "top"},
    )
    caption = _heatmap_caption(cells, len(calls_by_agent), len(agents))
    return Section("heatmap", title, [Figure(fig, caption)])


def _heatmap_caption(cells: list[dict[str, Any]], n_agents: int, n_shown: int) -> str:
    failing = [r for r in cells if (value(r, "failures") or 0) > 0]
    if not failing:
        text = f"None of the {plural(n_agents, 'agent')} failed in any stage"
    else:
        worst = max(failing, key=lambda r: (value(r, "failure_rate") or 0, value(r, "calls") or 0))
        clean = n_agents - len({str(r["agent"]) for r in failing})
        text = (
            f"The hottest cell is {shorten(worst['agent'], 32)} in {esc(worst['stage'])}: "
            f"{pct(worst.get('failure_rate'))} of its {count(worst.get('calls'))} calls failed"
        )
        text += f"; {clean} of {plural(n_agents, 'agent')} never failed"
    if n_shown < n_agents:
        text += f" (the {n_shown} busiest agents are drawn)"
    return text + "."
