"""Report sections 3-4: the handoff Sankey and the agents x stages heatmap."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import plotly.graph_objects as go

from dashboards._format import count, duration, esc, join_words, pct, plural, shorten
from dashboards._section import Figure, Section, empty_figure, rows, value
from dashboards._style import ACTOR_COLORS, FAILURE_SCALE, base_layout, failure_color
from dashboards._types import AnalysisLike
from dashboards.sections_overview import edge_losses
from tracer import semconv

__all__ = ["MAX_EDGES", "MAX_HEATMAP_AGENTS", "back_edges", "handoff_flow", "heatmap"]

MAX_EDGES = 40
"""The Sankey keeps the busiest edges; more would be unreadable on a laptop."""
MAX_HEATMAP_AGENTS = 30


def _node_label(name: str, actor: str | None) -> str:
    label = shorten(name, 28)
    return f"{label} (human)" if actor == semconv.ACTOR_HUMAN else label


def back_edges(edges: list[tuple[str, str, float]]) -> set[tuple[str, str]]:
    """The edges that close a cycle (rework loops, self-handoffs), found depth-first.

    Traversal starts from the agents that hand on the most more than they
    receive (the pipeline's sources) and follows the busiest edges first, so the
    main line stays forward and the loops are the edges that send work back.
    """
    out: dict[str, list[tuple[float, str]]] = defaultdict(list)
    net: dict[str, float] = defaultdict(float)  # handed on minus received
    for source, target, n in edges:
        out[source].append((n, target))
        net[source] += n
        net[target] -= n
    for targets in out.values():
        targets.sort(key=lambda t: (-t[0], t[1]))
    roots = sorted(net, key=lambda n: (-net[n], n))
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    back: set[tuple[str, str]] = set()
    for root in roots:
        if root in state:
            continue
        state[root] = 1
        stack = [(root, iter(out.get(root, [])))]
        while stack:
            node, children = stack[-1]
            step = next(children, None)
            if step is None:
                state[node] = 2
                stack.pop()
                continue
            child = step[1]
            if state.get(child) == 1:
                back.add((node, child))
            elif child not in state:
                state[child] = 1
                stack.append((child, iter(out.get(child, []))))
    return back


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
    # Inferred edges (consecutive agent calls with no handoff span between them)
    # are mostly parallel branches seen back to back; when the pipeline records
    # its handoffs, draw those and only count the inferred ones.
    explicit = [r for r in edges if not r.get("inferred")]
    n_inferred = len(edges) - len(explicit) if explicit else 0
    drawn = explicit or edges
    drawn.sort(key=lambda r: (-(value(r, "handoffs") or 0), str(r["source"]), str(r["target"])))
    shown, hidden = drawn[:MAX_EDGES], drawn[MAX_EDGES:]

    actors: dict[str, str | None] = {}
    for r in shown:
        for name_key, actor_key in (("source", "source_actor"), ("target", "target_actor")):
            name = str(r[name_key])
            if actors.get(name) is None:
                actors[name] = r.get(actor_key)
    # A Sankey with cycles is drawn as looping ribbons that hide the flow; each
    # edge that sends work back instead ends in its own "(rework)" node.
    back = back_edges(
        [(str(r["source"]), str(r["target"]), value(r, "handoffs") or 0) for r in shown]
    )
    nodes: list[tuple[str, bool]] = []
    index: dict[tuple[str, bool], int] = {}
    ends: list[tuple[int, int]] = []
    for r in shown:
        source, target = str(r["source"]), str(r["target"])
        pair = []
        for key in ((source, False), (target, (source, target) in back)):
            if key not in index:
                index[key] = len(nodes)
                nodes.append(key)
            pair.append(index[key])
        ends.append((pair[0], pair[1]))
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
            "label": [
                _node_label(n, actors[n]) + (" (rework)" if rework else "") for n, rework in nodes
            ],
            "color": [ACTOR_COLORS.get(str(actors[n]), "#adb5bd") for n, _ in nodes],
            "pad": 18,
            "thickness": 16,
            "line": {"color": "#495057", "width": 0.5},
            "hovertemplate": "%{label}: %{value} handoffs<extra></extra>",
        },
        link={
            "source": [source for source, _ in ends],
            "target": [target for _, target in ends],
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
        **base_layout(max(360, min(720, 60 + 34 * len(nodes)))),
        xaxis={"visible": False},
        yaxis={"visible": False},
    )
    caption = _flow_caption(a, shown, hidden, actors, len(back), n_inferred)
    return Section("handoffs", title, [Figure(fig, caption)])


def _flow_caption(
    a: AnalysisLike,
    shown: list[dict[str, Any]],
    hidden: list[dict[str, Any]],
    actors: dict[str, str | None],
    n_back: int,
    n_inferred: int,
) -> str:
    busiest = shown[0]
    text = (
        f"The widest flow is {esc(busiest['source'])} -&gt; {esc(busiest['target'])} "
        f"({count(busiest.get('handoffs'))} handoffs)"
    )
    losses = edge_losses(a)
    n_runs = a.runs.height if a.runs is not None else 0
    if losses and n_runs:
        (source, target), lost = max(losses.items(), key=lambda kv: (kv[1], kv[0]))
        text += (
            f"; the costliest is {esc(source)} -&gt; {esc(target)}, root cause of "
            f"{plural(lost, 'failed run')} ({pct(lost / n_runs)} of all runs)"
        )
    else:
        text += "; no failed run was caused by a handoff"
    # a rate over a handful of runs says little; look for the worst edge with volume
    busy = [r for r in shown if (value(r, "handoffs") or 0) >= 10] or shown
    failing = [r for r in busy if (value(r, "failure_rate") or 0) > 0]
    if failing:
        worst = max(
            failing, key=lambda r: (value(r, "failure_rate") or 0, value(r, "handoffs") or 0)
        )
        text += (
            f"; runs through {esc(worst['source'])} -&gt; {esc(worst['target'])} fail most "
            f"often ({pct(worst.get('failure_rate'))})"
        )
    humans = [n for n, actor in actors.items() if actor == semconv.ACTOR_HUMAN]
    if humans:
        text += f"; human actors (orange): {join_words(shorten(h, 28) for h in humans[:4])}"
        if len(humans) > 4:
            text += f" and {len(humans) - 4} more"
    if n_back:
        text += (
            "; 1 edge sends work back and ends in a (rework) node"
            if n_back == 1
            else f"; {n_back} edges send work back and end in (rework) nodes"
        )
    left_out = []
    if hidden:
        left_out.append(plural(len(hidden), "quieter edge"))
    if n_inferred:
        left_out.append(plural(n_inferred, "inferred edge"))
    if left_out:
        text += f" ({join_words(left_out)} not drawn)"
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
            # rows by position: two long names cut to the same label stay two rows
            y=list(range(len(agents))),
            z=z,
            text=text,
            customdata=[[esc(n)] * len(stages) for n in agents],
            texttemplate="%{text}",
            colorscale=FAILURE_SCALE,
            zmin=0,
            zmax=100,
            xgap=2,
            ygap=2,
            colorbar={"title": {"text": "calls<br>failed"}, "ticksuffix": "%", "thickness": 12},
            hovertemplate="%{customdata} in %{x}: %{z:.1f}% of calls failed (%{text})"
            "<extra></extra>",
        )
    )
    fig.update_layout(
        **base_layout(max(260, min(760, 90 + 30 * len(agents)))),
        yaxis={
            "autorange": "reversed",
            "showgrid": False,
            "zeroline": False,
            "tickmode": "array",
            "tickvals": list(range(len(agents))),
            "ticktext": [shorten(n, 32) for n in agents],
        },
        xaxis={"side": "top", "showgrid": False},
    )
    caption = _heatmap_caption(cells, len(calls_by_agent), len(agents))
    return Section("heatmap", title, [Figure(fig, caption)])


def _heatmap_caption(cells: list[dict[str, Any]], n_agents: int, n_shown: int) -> str:
    # a call fails when it raised (or an error started inside it); plan defects,
    # handoff violations and wrong verdicts fail runs without failing a call
    failing = [r for r in cells if (value(r, "failures") or 0) > 0]
    if not failing:
        text = f"No call of the {plural(n_agents, 'agent')} raised an error in any stage"
    else:
        worst = max(failing, key=lambda r: (value(r, "failure_rate") or 0, value(r, "calls") or 0))
        clean = n_agents - len({str(r["agent"]) for r in failing})
        text = (
            f"The hottest cell is {shorten(worst['agent'], 32)} in {esc(worst['stage'])}: "
            f"{pct(worst.get('failure_rate'))} of its {count(worst.get('calls'))} calls raised"
        )
        text += f"; {clean} of {plural(n_agents, 'agent')} never did"
    if n_shown < n_agents:
        text += f" (the {n_shown} busiest agents are drawn)"
    return text + " (plan defects, handoff violations and wrong verdicts fail runs, not calls)."
