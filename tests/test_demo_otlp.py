"""`coordgap demo --export otlp` against a real Arize Phoenix: every run,
including the render-farm process's spans and the late outcomes, arrives."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

import analyzer

pytestmark = [pytest.mark.e2e, pytest.mark.phoenix]

_NO_VOICE = {"plan_unassigned", "plan_omission"}


def _get(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.load(response)


def _phoenix_spans(base_url: str) -> list[dict[str, Any]]:
    spans: list[dict[str, Any]] = []
    for project in _get(f"{base_url}/v1/projects")["data"]:
        cursor = None
        while True:
            query = {"limit": "1000", **({"cursor": cursor} if cursor else {})}
            name = urllib.parse.quote(project["name"])
            page = _get(f"{base_url}/v1/projects/{name}/spans?{urllib.parse.urlencode(query)}")
            spans.extend(page["data"])
            cursor = page.get("next_cursor")
            if not cursor:
                break
    return spans


def test_demo_exports_every_run_to_phoenix(tmp_path: Path, phoenix: Any) -> None:
    """Spans of both processes reach Phoenix with coordgap's attributes intact;
    nothing is ingested locally."""
    out = tmp_path / "cg"
    env = {
        **os.environ,
        "COLUMNS": "120",
        "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT": phoenix.otlp_http_endpoint,
        "OTEL_EXPORTER_OTLP_PROTOCOL": "http/protobuf",
    }
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "coordgap",
            "demo",
            "--runs",
            "40",
            "--seed",
            "5",
            "--out",
            str(out),
            "--export",
            "otlp",
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert "could not be flushed" not in done.stdout
    assert f"spans sent over OTLP to {phoenix.otlp_http_endpoint}" in done.stdout
    assert not (out / "coordgap.duckdb").exists()
    assert not (out / "spans").exists()
    truth = [
        json.loads(line) for line in (out / "demo-ground-truth.jsonl").read_text().splitlines()
    ]
    wanted = {row["trace_id"] for row in truth}

    names: dict[str, list[str]] = defaultdict(list)
    attributes: dict[str, list[dict[str, Any]]] = defaultdict(list)
    deadline = time.monotonic() + 60
    while True:
        names.clear()
        attributes.clear()
        for span in _phoenix_spans(phoenix.base_url):
            trace_id = span["context"]["trace_id"]
            names[trace_id].append(span["name"])
            attributes[trace_id].append(span.get("attributes") or {})
        complete = {t for t, found in names.items() if "invoke_workflow studio-teaser" in found}
        if wanted <= complete or time.monotonic() > deadline:
            break
        time.sleep(1)
    assert wanted <= set(names), f"{len(wanted - set(names))} runs missing from Phoenix"

    for row in truth:
        spans_here = names[row["trace_id"]]
        assert "invoke_workflow studio-teaser" in spans_here
        if row["fault"] not in _NO_VOICE:
            assert "invoke_agent voice-over" in spans_here, row  # from the other process
        if row["late_feedback"]:
            assert "outcome" in spans_here, row
        if row["fault"] == "dropped_key":
            violations = [
                a.get("coordgap.handoff.violations")
                for a in attributes[row["trace_id"]]
                if a.get("coordgap.handoff.violations")
            ]
            assert any("dropped_key: brand_voice" in str(v) for v in violations), violations
    assert any(row["fault"] == "dropped_key" for row in truth)
    assert any(row["late_feedback"] for row in truth)

    # Round trip: pull the runs back from Phoenix and attribute them.
    db = tmp_path / "pulled.duckdb"
    pulled = subprocess.run(
        [sys.executable, "-m", "coordgap", "pull", "phoenix", phoenix.base_url, "--db", str(db)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert pulled.returncode == 0, pulled.stderr + pulled.stdout
    with analyzer.open(db) as store:
        runs = store.analyze().runs
    said = {row["trace_id"]: row for row in runs.iter_rows(named=True)}
    for row in truth:
        attributed = said[row["trace_id"]]
        assert attributed["failed"] == (row["category"] != "none"), row
        if row["fault"] not in (None, "silent_ordering"):
            assert attributed["category"] == row["category"], row
