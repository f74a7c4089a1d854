"""End to end: a small faulty pipeline traced with the real tracer into a local store,
ingested with the real Store, attributed by the analyzer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor

import analyzer
import tracer
from tracer.testing import LocalStoreExporter, preserve_state


@tracer.agent("writer")
def _write(brief: dict[str, Any], drop: bool) -> dict[str, Any]:
    draft = {"text": f"teaser for {brief['product']}", "brand_voice": brief["brand_voice"]}
    if drop:
        del draft["brand_voice"]
    return draft


@tracer.agent("editor")
def _edit(draft: dict[str, Any]) -> str:
    return f"{draft['text']} ({draft['brand_voice']})"  # KeyError without the voice


@tracer.verify("brand-check")
def _check(text: str) -> bool:
    return "teaser" in text


@tracer.workflow("teaser")
def _pipeline(drop: bool, trace_ids: list[str | None]) -> str:
    trace_ids.append(tracer.current_trace_id())
    brief = {"product": "kettle", "brand_voice": "warm"}
    draft = _write(brief, drop)
    with tracer.handoff("writer", "editor", draft, carry=["brand_voice"]) as h:
        text = _edit(h.payload)
    _check(text)
    return text


def test_traced_pipeline_is_attributed(tmp_path: Path) -> None:
    """A dropped carried key -> the handoff is the root cause (the editor's KeyError is
    evidence); an accepted run the client rejected later -> a false accept."""
    spans_dir = tmp_path / "spans"
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(LocalStoreExporter(spans_dir)))
    runs: list[str | None] = []
    with preserve_state():
        tracer.configure(tracer_provider=provider, service_name="e2e")
        _pipeline(False, runs)
        with pytest.raises(KeyError):
            _pipeline(True, runs)
        _pipeline(False, runs)
        # feedback that arrives after the run, from outside it
        tracer.outcome(False, "client rejected the teaser", trace_id=runs[2])
        provider.force_flush()
    with analyzer.open(tmp_path / "e2e.duckdb") as store:
        store.ingest([spans_dir])
        a = store.analyze()
        spans = {
            sid: name
            for sid, name in store.con.execute("SELECT span_id, name FROM spans").fetchall()
        }
    provider.shutdown()
    assert (a.n_runs, a.n_failed) == (3, 2)
    failures = {f["trace_id"]: f for f in a.failures.to_dicts()}
    assert sorted(failures) == sorted([runs[1], runs[2]])
    dropped = failures[runs[1]]
    assert dropped["category"] == "handoff"
    assert dropped["reason"] == "handoff writer -> editor dropped carried key `brand_voice`"
    assert spans[dropped["span_id"]] == "handoff writer -> editor"
    assert [spans[s] for s in dropped["evidence"]] == [
        "handoff writer -> editor",
        "invoke_agent editor",
    ]
    rejected = failures[runs[2]]
    assert (rejected["category"], rejected["rule"]) == ("verification", "verification_false_accept")
    assert spans[rejected["span_id"]] == "verify brand-check"
    assert rejected["reason"].endswith("(false accept): client rejected the teaser")
    edges = {(e["source"], e["target"]): e for e in a.edges.to_dicts()}
    assert edges[("writer", "editor")]["violations"] == 1
