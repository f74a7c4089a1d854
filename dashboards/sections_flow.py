"""Report sections 3-4: the handoff Sankey and the agents x stages heatmap."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import plotly.graph_objects as go

from dashboards._format import count, duration, esc, join_words, pct, plural, shorten
from dashboards._section import Figure, Section, empty_figure, rows, value
from dashboards._style import (
    FAILURE_SCALE,
    FLOW_SCALE,
    NODE_COLOR,
    REWORK_COLOR,
    base_layout,
    failure_color,
    scale_top,
)
from dashboards._types import AnalysisLike
from dashboards.sections_overview import edge_losses
from tracer import semconv

__all__ = [
    "MAX_EDGES",
    "MAX_HEATMAP_AGENTS",
    "back_edges",
    "handoff_flow",
    "heatmap",
    "send_backs",
]

MAX_EDGES = 40
"""The Sankey keeps the busiest edges; more would be unreadable on a laptop."""
MAX_HEATMAP_AGENTS = 30


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


def _verifiers(a: AnalysisLike) -> set[str]:
    """Agents that work in the verification stage only (verifiers, reviewers)."""
    stages: dict[str, set[str]] = defaultdict(set)
    for r in rows(a.agent_stage):
        stages[str(r["agent"])].add(str(r["stage"]))
    return {agent for agent, seen in stages.items() if seen == {semconv.STAGE_VERIFICATION}}


def send_backs(edges: list[tuple[str, str, float]], verifiers: set[str]) -> set[tuple[str, str]]:
    """The edges that send work back: those closing a cycle (:func:`back_edges`), and a
    verifier's handoff to an agent when nothing is handed to the verifier (it checks
    work it was not handed, so its handoff can only send that work back)."""
    handed_to = {target for _, target, _ in edges}
    loose = {
        (source, target)
        for source, target, _ in edges
        if source in verifiers and source not in handed_to and target not in verifiers
    }
    rest = [e for e in edges if (e[0], e[1]) not in loose]
    return back_edges(rest) | loose


def _layout(
    ends: list[tuple[int, int]],
    nodes: list[tuple[str, bool]],
    back: list[bool],
    volume: list[float],
) -> tuple[list[float], list[float]]:
    """Node positions (x, y in 0..1): columns by the longest forward path, the ends of
    send-backs in one last column, each column stacked by volume."""
    n_nodes = len(nodes)
    plain = {name: i for i, (name, rework) in enumerate(nodes) if not rework}
    col = [0] * n_nodes
    forward = [(s, t) for (s, t), b in zip(ends, back, strict=True) if not b]
    for _ in range(n_nodes):  # longest path on a DAG; n_nodes rounds always settle it
        changed = False
        for s, t in forward:
            if col[t] < col[s] + 1:
                col[t], changed = col[s] + 1, True
        if not changed:
            break
    has_forward_in = {t for _, t in forward}
    for (s, t), b in zip(ends, back, strict=True):
        if b and s not in has_forward_in and not any(fs == s for fs, _ in forward):
            # a verifier that only sends back: after the work it sends back
            checked = plain.get(nodes[t][0])
            if checked is not None:
                col[s] = max(col[s], col[checked] + 1)
    # every loop ends in the one column past the forward flow: the rework column
    rework_col = max((col[n] for n in range(n_nodes) if not nodes[n][1]), default=0) + 1
    for n in range(n_nodes):
        if nodes[n][1]:
            col[n] = rework_col
    through = [0.0] * n_nodes
    into = [0.0] * n_nodes
    for (s, t), v in zip(ends, volume, strict=True):
        through[s] += v
        into[t] += v
    size = [max(o, i, 1e-9) for o, i in zip(through, into, strict=True)]
    columns: dict[int, list[int]] = defaultdict(list)
    for node in range(n_nodes):
        columns[col[node]].append(node)
    tallest = max(sum(size[n] for n in members) for members in columns.values())
    last = max(columns) or 1
    # the forward flow takes the left 55%, the rework column sits at the right edge,
    # so its labels (drawn to the left of its nodes) have room of their own
    has_rework = any(rework for _, rework in nodes)
    span = 0.55 if has_rework and last > 1 else 1.0
    last_forward = last - 1 if has_rework and last > 1 else last
    xs, ys = [0.0] * n_nodes, [0.0] * n_nodes
    feeder = {t: s for (s, t), b in zip(ends, back, strict=True) if b}
    for c, members in sorted(columns.items()):
        # Plotly sizes nodes on its own scale and pushes overlapping ones down; leave
        # room so none is pushed off the bottom
        gap = 0.1 / max(len(members), 1)
        top = 0.02
        # rework ends in the order of the agents that send the work back
        for node in sorted(members, key=lambda n: (ys[feeder[n]] if n in feeder else 0.0, n)):
            height = 0.62 * size[node] / tallest
            x = 1.0 if c > last_forward else span * c / last_forward
            xs[node] = min(max(x, 0.001), 0.999)
            ys[node] = min(max(top + height / 2, 0.001), 0.999)
            top += height + gap
    return xs, ys


def _node_label(name: str, actor: str | None) -> str:
    label = shorten(name, 28)
    kind = actor if actor in (semconv.ACTOR_HUMAN, semconv.ACTOR_TOOL, semconv.ACTOR_CODE) else None
    return f"{label} ({kind})" if kind else label


def handoff_flow(a: AnalysisLike) -> Section:
    """Section 3: agent -> agent handoffs; width = volume, colour = failure rate relative
    to the edges drawn; send-backs end in "(rework)" nodes."""
    title = "3. Handoff flow"
    edges = [r for r in rows(a.edges) if (value(r, "handoffs") or 0) > 0]
    if not edges:
        fig = empty_figure("no handoffs recorded")
        caption = (
            "No handoffs in this data: no handoff spans were recorded and no consecutive "
            "agent calls were found to infer them from."
        )
        return Section("handoffs", title, [Figure(fig, caption)])
    # inferred edges exist only where a trace records no handoff between the two
    # agents, so they are drawn too: without them an agent reached only that way
    # would vanish from the flow
    edges.sort(key=lambda r: (-(value(r, "handoffs") or 0), str(r["source"]), str(r["target"])))
    shown, hidden = edges[:MAX_EDGES], edges[MAX_EDGES:]
    n_inferred = sum(1 for r in shown if r.get("inferred"))

    actors: dict[str, str | None] = {}
    for r in shown:
        for name_key, actor_key in (("source", "source_actor"), ("target", "target_actor")):
            name = str(r[name_key])
            if actors.get(name) is None:
                actors[name] = r.get(actor_key)
    back = send_backs(
        [(str(r["source"]), str(r["target"]), value(r, "handoffs") or 0) for r in shown],
        _verifiers(a),
    )
    nodes: list[tuple[str, bool]] = []
    index: dict[tuple[str, bool], int] = {}
    ends: list[tuple[int, int]] = []
    is_back: list[bool] = []
    for r in shown:
        source, target = str(r["source"]), str(r["target"])
        rework = (source, target) in back
        pair = []
        for key in ((source, False), (target, rework)):
            if key not in index:
                index[key] = len(nodes)
                nodes.append(key)
            pair.append(index[key])
        ends.append((pair[0], pair[1]))
        is_back.append(rework)
    volume = [value(r, "handoffs") or 0.0 for r in shown]
    xs, ys = _layout(ends, nodes, is_back, volume)
    rates = [value(r, "failure_rate") for r in shown]
    known = [x for x in rates if x is not None]
    high = scale_top(known)
    low = min(known) if known and min(known) < high else 0.0
    link_text = []
    for r in shown:
        link_text.append(
            f"{esc(r['source'])} -&gt; {esc(r['target'])}"
            + (" (inferred: no handoff span)" if r.get("inferred") else "")
            + f"<br>{count(r.get('handoffs'))} handoffs, {count(r.get('violations'))} violations"
            f"<br>failure rate {pct(r.get('failure_rate'))}, p50 {duration(r.get('p50_ms'))}"
        )
    sankey = go.Sankey(
        arrangement="snap",
        node={
            "label": [
                ("\u21ba " if rework else "") + _node_label(n, actors[n]) for n, rework in nodes
            ],
            "color": [REWORK_COLOR if rework else NODE_COLOR for _, rework in nodes],
            "x": xs,
            "y": ys,
            "pad": 18,
            "thickness": 14,
            "line": {"color": "#212529", "width": 0.5},
            "hovertemplate": "%{label}: %{value} handoffs<extra></extra>",
        },
        link={
            "source": [source for source, _ in ends],
            "target": [target for _, target in ends],
            "value": volume,
            "color": [
                failure_color(rate, 0.35 if r.get("inferred") else 0.7, low, high, FLOW_SCALE)
                for rate, r in zip(rates, shown, strict=True)
            ],
            "customdata": link_text,
            "hovertemplate": "%{customdata}<extra></extra>",
        },
        domain={"x": [0.0, 0.88]},
    )
    # Sankey has no colour bar of its own: an invisible scatter carries one so
    # the reader can read a link's colour as a failure rate.
    scale = go.Scatter(
        x=[None],
        y=[None],
        mode="markers",
        hoverinfo="skip",
        marker={
            "colorscale": FLOW_SCALE,
            "cmin": round(low * 100, 1),
            "cmax": round(high * 100, 1),
            "color": [0],
            "showscale": True,
            "colorbar": {
                "title": {"text": "failure rate<br>of runs<br>through it"},
                "ticksuffix": "%",
                "x": 0.97,
                "thickness": 12,
                "len": 0.8,
            },
        },
    )
    fig = go.Figure([sankey, scale])
    fig.update_layout(
        **base_layout(max(380, min(720, 60 + 34 * len(nodes)))),
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
        text += f"; human actors: {join_words(shorten(h, 28) for h in humans[:4])}"
        if len(humans) > 4:
            text += f" and {len(humans) - 4} more"
    if n_back:
        text += (
            "; 1 edge sends work back: it ends at the right in a rework node (\u21ba)"
            if n_back == 1
            else f"; {n_back} edges send work back: they end at the right in rework nodes (\u21ba)"
        )
    if n_inferred:
        text += (
            f"; {plural(n_inferred, 'edge')} (paler) "
            + ("was" if n_inferred == 1 else "were")
            + " inferred from consecutive agent calls where no handoff was recorded"
        )
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
            # rows by position: two long names cut to the same label stay two rows
            y=list(range(len(agents))),
            z=z,
            text=text,
            customdata=[[esc(n)] * len(stages) for n in agents],
            texttemplate="%{text}",
            colorscale=FAILURE_SCALE,
            # relative to the data: the hottest cell is dark red whether it is 8% or 80%
            zmin=0,
            zmax=round(scale_top(value(r, "failure_rate") for r in cells) * 100, 2),
            xgap=2,
            ygap=2,
            colorbar={"title": {"text": "calls<br>failed"}, "ticksuffix": "%", "thickness": 12},
            hovertemplate="%{customdata} in %{x}: %{z:.1f}% of calls failed (%{text})"
            "<extra></extra>",
        )
    )
    fig.update_layout(
        # the stage headers sit on top, below the room Plotly's toolbar takes
        **base_layout(
            max(280, min(780, 110 + 30 * len(agents))),
            margin={"l": 60, "r": 30, "t": 70, "b": 20},
        ),
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
