"""What the report's figures say, read from the figure data: loops drawn as loops,
colours relative to the data, inferred edges where they belong, readable axes,
titled timelines, a clean empty state, and no connection needed to render."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from analyzer_builders import Run, write_db
from test_report_support import figure_specs

import analyzer
from dashboards import report
from dashboards._style import NODE_COLOR, REWORK_COLOR


def _checked_pipeline(n: int, *, fail: bool) -> Run:
    """writer -> editor (recorded); the brand-check verifier rejects once and sends the
    work back to the writer (recorded), then accepts; a failing run ends in an error."""
    run = Run(n, outcome="failure" if fail else None, outcome_reason="client said no")
    run.agent("writer")
    run.agent("editor", parent=run.handoff("writer", "editor"))
    run.verify("brand-check", "reject")
    run.agent("writer", parent=run.handoff("brand-check", "writer"))
    run.verify("brand-check", "accept", attempt=2)
    run.agent("assembler", stage="assembly", actor="code", error="ValueError" if fail else None)
    return run


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    """The report of 12 checked runs (3 fail), rendered after the store was closed."""
    tmp = tmp_path_factory.mktemp("structure")
    db = write_db(tmp / "runs.duckdb", *(_checked_pipeline(i, fail=i % 4 == 0) for i in range(12)))
    with analyzer.open(db, read_only=True) as store:
        analysis = store.analyze()
    out = report.render(analysis, tmp / "report.html")  # the connection is closed here
    return figure_specs(out.read_text())


def _figure(specs: list[dict[str, Any]], prefix: str) -> dict[str, Any]:
    (spec,) = [s for s in specs if s["id"].startswith(prefix)][:1]
    figure: dict[str, Any] = spec["figure"]
    return figure


def test_report_renders_after_the_store_is_closed(page: list[dict[str, Any]]) -> None:
    """The worst-run timelines come from the analysis, not a live connection."""
    timelines = [s for s in page if s["id"].startswith("cg-fig-runs-")]
    assert timelines
    for spec in timelines:
        assert spec["figure"]["layout"]["yaxis"]["ticktext"], spec["id"]


def test_a_verifier_send_back_ends_in_a_rework_node(page: list[dict[str, Any]]) -> None:
    """brand-check -> writer is a loop: it ends in a rework node in the last column."""
    sankey = _figure(page, "cg-fig-handoffs-")["data"][0]
    labels = sankey["node"]["label"]
    link = sankey["link"]
    ends = {(labels[s], labels[t]) for s, t in zip(link["source"], link["target"], strict=True)}
    assert ("brand-check", "\u21ba writer") in ends
    assert ("brand-check", "writer") not in ends
    rework = labels.index("\u21ba writer")
    assert sankey["node"]["x"][rework] == max(sankey["node"]["x"])


def test_node_colour_is_not_the_actor_kind(page: list[dict[str, Any]]) -> None:
    """Agents share one colour (rework ends another); the kind is in the label."""
    sankey = _figure(page, "cg-fig-handoffs-")["data"][0]
    assert set(sankey["node"]["color"]) <= {NODE_COLOR, REWORK_COLOR}
    assert "assembler (code)" in sankey["node"]["label"]


def test_colour_scales_follow_the_data(page: list[dict[str, Any]]) -> None:
    """The heatmap tops out near its hottest cell, not at 100%; the flow's colour bar
    spans the rates drawn."""
    heat = _figure(page, "cg-fig-heatmap-")["data"][0]
    hottest = max(z for row in heat["z"] for z in row if z is not None)
    assert hottest <= heat["zmax"] < 100 or hottest == 100
    assert heat["zmax"] <= max(2 * hottest, 1)
    bar = _figure(page, "cg-fig-handoffs-")["data"][1]["marker"]
    assert bar["cmax"] < 100


def test_timelines_have_titles_and_the_root_cause_label_on_its_row(
    page: list[dict[str, Any]],
) -> None:
    """Each timeline is titled; "root cause" is the star's own text, on the star's row."""
    for spec in [s for s in page if s["id"].startswith("cg-fig-runs-")]:
        layout = spec["figure"]["layout"]
        assert layout["title"]["text"].startswith("Run ")
        (star,) = [t for t in spec["figure"]["data"] if t.get("name") == "root cause"]
        assert star["text"] == ["root cause"] and star["mode"] == "markers+text"
        assert not [a for a in layout.get("annotations", []) if a.get("showarrow")]


def test_axes_spell_out_their_units(page: list[dict[str, Any]]) -> None:
    """Latency and timeline axes say "milliseconds"; no bare "ms" axis title."""
    latency = _figure(page, "cg-fig-latency-")["layout"]
    assert latency["xaxis"]["title"]["text"] == "span duration (milliseconds, log scale)"
    timeline = _figure(page, "cg-fig-runs-")["layout"]
    assert timeline["xaxis"]["title"]["text"].endswith("since the run started")
    assert timeline["xaxis"]["title"]["text"] != "ms since the run started"


def test_wide_log_axes_label_powers_of_ten_only(tmp_path: Path) -> None:
    """Durations over several decades: one tick per power of ten (no "2 5" minor labels)."""
    run = Run(1, outcome="failure")
    run.agent("fast", duration_ms=0.01)
    run.agent("slow", duration_ms=5000.0)
    db = write_db(tmp_path / "wide.duckdb", run)
    with analyzer.open(db, read_only=True) as store:
        analysis = store.analyze()
    specs = figure_specs(report.render(analysis, tmp_path / "r.html").read_text())
    axis = _figure(specs, "cg-fig-latency-")["layout"]["xaxis"]
    assert axis["type"] == "log" and axis["dtick"] == 1


def test_an_agent_reached_only_by_an_inferred_edge_is_drawn(tmp_path: Path) -> None:
    """writer -> reviewer is recorded, the editor is reached only by inference: the flow
    still shows the editor (and the reviewer -> editor edge)."""
    runs = []
    for i in range(6):
        run = Run(i, outcome="failure" if i % 2 else None)
        run.agent("writer")
        run.agent("reviewer", parent=run.handoff("writer", "reviewer"))
        run.agent("editor", error="ValueError" if i % 2 else None, propagate=bool(i % 2))
        runs.append(run)
    db = write_db(tmp_path / "inferred.duckdb", *runs)
    with analyzer.open(db, read_only=True) as store:
        analysis = store.analyze()
    page = report.render(analysis, tmp_path / "r.html").read_text()
    sankey = _figure(figure_specs(page), "cg-fig-handoffs-")["data"][0]
    assert "editor" in sankey["node"]["label"]
    assert "inferred from consecutive agent calls" in page


def test_the_empty_headline_draws_no_placeholder_numbers(tmp_path: Path) -> None:
    """No runs: only the run count is an indicator; the others are "n/a" notes (Plotly
    would draw a stray "-" for an indicator without a value)."""
    with analyzer.open(tmp_path / "empty.duckdb") as store:
        analysis = store.analyze()
    specs = figure_specs(report.render(analysis, tmp_path / "r.html").read_text())
    headline = _figure(specs, "cg-fig-headline-")
    indicators = [t for t in headline["data"] if t["type"] == "indicator"]
    assert [t.get("value") for t in indicators] == [0]
    notes = [a["text"] for a in headline["layout"]["annotations"]]
    assert notes.count("n/a") == 3


def test_each_caption_sits_with_its_own_figure(tmp_path: Path) -> None:
    """Figure and caption share one block, so a caption never reads as the next
    chart's title."""
    db = write_db(tmp_path / "runs.duckdb", *(_checked_pipeline(i, fail=True) for i in range(3)))
    with analyzer.open(db, read_only=True) as store:
        analysis = store.analyze()
    page = report.render(analysis, tmp_path / "r.html").read_text()
    figures = page.count('<div class="cg-figure"')
    blocks = re.findall(
        r'<figure class="cg-block"><div class="cg-figure" id="[^"]+"></div>'
        r'<p class="cg-caption">.*?</p></figure>',
        page,
        re.S,
    )
    assert figures >= 8 and len(blocks) == figures
