"""The HTML report, built from real analyses: traced pipelines ingested into a real store."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from opentelemetry.sdk.trace import TracerProvider
from plotly.offline import get_plotlyjs
from test_report_support import (
    EVIL,
    EVIL_REASON,
    analysis_of,
    captions,
    figure_specs,
    trace_pipeline,
    write_otlp_runs,
)

import tracer
from dashboards import report
from dashboards._format import pct
from dashboards.sections_runs import MAX_SPANS
from tracer.testing import preserve_state

SECTIONS = [
    "headline",
    "waterfall",
    "handoffs",
    "heatmap",
    "verification",
    "latency",
    "runs",
    "trend",
    "detectors",
]


@pytest.fixture(scope="module")
def studio(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, str]]:
    """60 traced runs with faults in every stage: (analysis, rendered page)."""
    work = tmp_path_factory.mktemp("studio")
    trace_pipeline(work / "spans", runs=60)
    with analysis_of(work / "db.duckdb", [work / "spans"]) as analysis:
        page = report.render(analysis, work / "report.html").read_text(encoding="utf-8")
        yield analysis, page


def _section_ids(page: str) -> list[str]:
    return re.findall(r'<section id="([a-z]+)">', page)


def test_report_has_every_section_in_order(studio: tuple[Any, str]) -> None:
    """Nine sections; each figure in the page has its data and a caption."""
    analysis, page = studio
    assert _section_ids(page) == SECTIONS
    specs = figure_specs(page)
    divs = re.findall(r'<div class="cg-figure" id="([^"]+)"></div>', page)
    assert [s["id"] for s in specs] == divs
    assert all(s["figure"]["data"] for s in specs), "a figure without traces"
    failed = int(analysis.runs["failed"].sum())
    timelines = [s for s in specs if s["id"].startswith("cg-fig-runs-")]
    assert len(timelines) == min(5, failed)
    # the studio runs last a second, so the trend section explains its absence
    assert "Omitted: the 60 runs cover only" in " ".join(captions(page))


def test_headline_caption_states_the_computed_finding(studio: tuple[Any, str]) -> None:
    """The headline sentence carries numbers computed from the analysis, not canned text."""
    analysis, page = studio
    headline = captions(page)[0]
    n_runs = analysis.runs.height
    lost_at_edge = sum(
        1
        for r in analysis.failures.to_dicts()
        if r["category"] == "handoff" and r["reason"].startswith(f"handoff writer -> {EVIL}")
    )
    assert lost_at_edge > 0
    assert headline.startswith(f"{pct(analysis.end_to_end_reliability)} of {n_runs} runs shipped")
    assert f"predict {pct(analysis.predicted_reliability)}" in headline
    assert f"writer -> {EVIL} alone loses {pct(lost_at_edge / n_runs)} of runs" in headline


def test_strings_from_spans_are_escaped(studio: tuple[Any, str]) -> None:
    """An agent named <script>... and a reason with an <img onerror> stay text."""
    _, page = studio
    assert EVIL not in page and EVIL_REASON not in page
    assert "<img" not in page
    # our own four script elements (Plotly, config, figures, drawing code), no more
    assert len(re.findall(r"<script\b", page)) == 4
    shown = " ".join(captions(page))
    assert EVIL in shown  # the captions name the agent, as text
    assert EVIL_REASON in shown or any(
        EVIL_REASON in html.unescape(str(s["figure"])) for s in figure_specs(page)
    )


def test_report_is_self_contained(studio: tuple[Any, str]) -> None:
    """Plotly's bundle inlined exactly once; nothing else that could reach the network."""
    _, page = studio
    bundle = get_plotlyjs().replace("</script", "<\\/script")
    assert page.count(bundle) == 1
    rest = page.replace(bundle, "")
    for needle in ("http://", "https://", "<link", "@import", "url(", "mathjax"):
        assert needle not in rest.lower(), needle
    # no element loads anything (escaped text such as "&lt;img src=x" is fine)
    assert not re.search(r"<[a-z]+\b[^>]*\s(src|href|srcset|data)\s*=\s*[\"']?[^#\"']", rest)
    # aggregates and a few runs only: everything but the bundle is small
    assert len(rest.encode()) < 400_000


def test_max_runs_bounds_the_timelines(tmp_path: Path, studio: tuple[Any, str]) -> None:
    """max_runs=2 draws two timelines; 0 draws none and says why."""
    analysis, _ = studio
    two = report.render(analysis, tmp_path / "two.html", max_runs=2).read_text()
    assert len([s for s in figure_specs(two) if s["id"].startswith("cg-fig-runs-")]) == 2
    none = report.render(analysis, tmp_path / "none.html", max_runs=0).read_text()
    assert not [s for s in figure_specs(none) if s["id"].startswith("cg-fig-runs-")]


@tracer.workflow("sprawl")
def _sprawling_run(tools: int) -> None:
    for i in range(tools):
        _lookup(i)
    _lookup(-1)


@tracer.tool("lookup")
def _lookup(i: int) -> int:
    if i < 0:
        raise LookupError("index gone")
    return i


def test_a_huge_run_is_cut_to_a_bounded_timeline(tmp_path: Path) -> None:
    """A failed run of 150 spans is drawn with at most MAX_SPANS, root cause included."""
    provider = TracerProvider()
    with preserve_state():
        tracer.configure(tracer_provider=provider, exporter="local", path=tmp_path / "spans")
        with pytest.raises(LookupError):
            _sprawling_run(150)
        provider.shutdown()
    with analysis_of(tmp_path / "db.duckdb", [tmp_path / "spans"]) as analysis:
        (failure,) = analysis.failures.to_dicts()
        page = report.render(analysis, tmp_path / "r.html").read_text()
    (timeline,) = [s for s in figure_specs(page) if s["id"].startswith("cg-fig-runs-")]
    rows = timeline["figure"]["layout"]["yaxis"]["tickvals"]
    assert len(rows) == MAX_SPANS
    star = [t for t in timeline["figure"]["data"] if t.get("name") == "root cause"]
    assert star and star[0]["y"][0] in rows
    assert "raised LookupError" in html.unescape(failure["reason"] + " ".join(captions(page)))


@tracer.workflow("review")
def _reviewed_run() -> str:
    _lookup(1)
    return tracer.current_trace_id() or ""


def test_a_late_outcome_is_drawn_beside_its_run(tmp_path: Path) -> None:
    """Feedback recorded after the run ended sits right after it, labelled as later."""
    provider = TracerProvider()
    with preserve_state():
        tracer.configure(tracer_provider=provider, exporter="local", path=tmp_path / "spans")
        trace_id = _reviewed_run()
        tracer.outcome(False, "the client hated it", trace_id=trace_id)
        provider.shutdown()
    with analysis_of(tmp_path / "db.duckdb", [tmp_path / "spans"]) as analysis:
        assert analysis.failures["trace_id"].to_list() == [trace_id]
        page = report.render(analysis, tmp_path / "r.html").read_text()
    (timeline,) = [s for s in figure_specs(page) if s["id"].startswith("cg-fig-runs-")]
    labels = timeline["figure"]["layout"]["yaxis"]["ticktext"]
    late = [label for label in labels if label.startswith("outcome (+")]
    assert len(late) == 1 and late[0].endswith(" later)")
    run_end = max(
        b + w
        for t in timeline["figure"]["data"]
        if t["type"] == "bar"
        for b, w, y in zip(t["base"], t["x"], t["y"], strict=True)
        if labels[y] != late[0]
    )
    (outcome_start,) = [
        b
        for t in timeline["figure"]["data"]
        if t["type"] == "bar"
        for b, y in zip(t["base"], t["y"], strict=True)
        if labels[y] == late[0]
    ]
    assert outcome_start <= run_end


def test_empty_database_still_renders(tmp_path: Path) -> None:
    """No spans at all: every section renders and the captions say there is no data."""
    with analysis_of(tmp_path / "db.duckdb", []) as analysis:
        page = report.render(analysis, tmp_path / "r.html").read_text()
    assert _section_ids(page) == SECTIONS
    text = captions(page)
    assert text[0].startswith("No runs in this data yet")
    assert any(t == "No runs, so no timelines to show." for t in text)
    assert "Omitted: there are no runs yet." in text
    assert len(figure_specs(page)) == 6  # sections 1-6 draw an empty figure that says why


def test_all_success_renders_without_a_gap(tmp_path: Path) -> None:
    """Every run succeeded: the headline says so and no failure timeline is drawn."""
    trace_pipeline(tmp_path / "spans", runs=12, faults=False)
    with analysis_of(tmp_path / "db.duckdb", [tmp_path / "spans"]) as analysis:
        assert int(analysis.runs["failed"].sum()) == 0
        page = report.render(analysis, tmp_path / "r.html").read_text()
    text = captions(page)
    assert text[0] == (
        "All 12 runs succeeded, so end-to-end reliability is 100% and there is no "
        "coordination gap to explain."
    )
    assert "No failed runs among the 12 runs, so there is no failure timeline to show." in text
    assert not [s for s in figure_specs(page) if s["id"].startswith("cg-fig-runs-")]


def test_trend_is_drawn_when_data_spans_hours(tmp_path: Path) -> None:
    """Runs over 12 hours get a trend figure whose caption follows the data."""
    path = write_otlp_runs(tmp_path / "nightly.jsonl", runs=48, hours=12)
    with analysis_of(tmp_path / "db.duckdb", [path]) as analysis:
        page = report.render(analysis, tmp_path / "r.html").read_text()
        trend = analysis.trend.sort("bucket_start").to_dicts()
    (fig,) = [s for s in figure_specs(page) if s["id"] == "cg-fig-trend-0"]
    assert len(fig["figure"]["data"][0]["x"]) == len(trend) == 12
    first, last = trend[0]["reliability"], trend[-1]["reliability"]
    assert last < first
    fell = f"reliability fell from {pct(first)} to {pct(last)}"
    assert fell in captions(page)[-2]  # the trend, before the detectors


def test_trend_is_omitted_for_a_short_window(tmp_path: Path) -> None:
    """An hour of data: no trend figure, and the note says how long the data covers."""
    path = write_otlp_runs(tmp_path / "short.jsonl", runs=10, hours=1)
    with analysis_of(tmp_path / "db.duckdb", [path]) as analysis:
        page = report.render(analysis, tmp_path / "r.html").read_text()
    assert not [s for s in figure_specs(page) if s["id"].startswith("cg-fig-trend")]
    # the trend caption comes before the detectors section
    assert "Omitted: the 10 runs cover only 1.0 h" in captions(page)[-2]
