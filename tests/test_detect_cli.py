"""End to end: an OTLP file with message content -> ingest -> analyze / explain / report."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from otlp_content import team_run, write

from coordgap.cli import main

TASK = "Count the rows of sales.csv for the year 2019 and report the total."
TURNS = [
    ("Planner", "Plan: Coder loads sales.csv for 2019 and counts the rows."),
    ("Coder", "```python\nimport pandas as pd\nprint(len(pd.read_csv('sales.csv')))\n```"),
    ("Terminal", "exitcode: 1 (execution failed)\nCode output: FileNotFoundError: sales.csv"),
    ("Coder", "The total for 2019 is 1200 rows. TERMINATE"),
]
SILENT = [("Planner", "Plan: count the rows of sales.csv for 2019."), ("Coder", "Done: 1200")]

PLUGIN = """
def judge(con):
    rows = con.execute(
        "SELECT trace_id, span_id, agent FROM cg_msg WHERE output LIKE 'Done:%'"
    ).fetchall()
    return [{"trace_id": t, "detector": "judge", "stage": "generation", "agent": a,
             "span_id": s, "quote": "Done: <b>1200</b>"} for t, s, a in rows]

def broken(con):
    raise RuntimeError("judge offline")
"""


def _invoke(*args: str | Path) -> Result:
    runner = CliRunner(env={"COLUMNS": "200"})
    return runner.invoke(main, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    traces = write(tmp_path / "team.jsonl", team_run(1, TURNS, TASK) + team_run(2, SILENT, TASK))
    path = tmp_path / "team.duckdb"
    result = _invoke("ingest", traces, "--db", path)
    assert result.exit_code == 0, result.output
    return path


def _failures(result: Result) -> dict[str, dict[str, object]]:
    assert result.exit_code == 0, result.output
    return {f["trace_id"][-1:]: f for f in json.loads(result.stdout)["failures"]}


def test_analyze_json_names_detector_quote_and_spans(db: Path) -> None:
    """The code author's step is the root cause, the terminal's reply the symptom."""
    got = _failures(_invoke("analyze", "--db", db, "--format", "json"))
    assert got["1"]["category"] == "generation"
    assert (got["1"]["agent"], got["1"]["detector"]) == ("Coder", "code_failure")
    assert (got["1"]["span_id"], got["1"]["symptom_span_id"]) == (f"{3:016x}", f"{4:016x}")
    assert got["1"]["quote"] == "exitcode: 1 (execution failed) … FileNotFoundError: sales.csv"
    # no detector fired; the ranking names who wrote the delivered value out of nowhere
    assert got["2"]["detector"] is None and got["2"]["suspect"] is True
    assert got["2"]["agent"] == "Coder"
    assert '"1200"' in str(got["2"]["suspects"][0]["evidence"])  # type: ignore[index]
    assert "silent failure" not in str(got["2"]["reason"])
    assert "the ranking suspects `Coder`" in str(got["2"]["reason"])


def test_no_content_keeps_quotes_out(db: Path) -> None:
    """--no-content: same attribution, no quote, in JSON, explain and the report."""
    got = _failures(_invoke("analyze", "--db", db, "--format", "json", "--no-content"))
    assert (got["1"]["detector"], got["1"]["quote"]) == ("code_failure", None)
    trace = "0" * 31 + "1"
    shown = _invoke("explain", trace, "--db", db)
    assert shown.exit_code == 0, shown.output
    assert "FileNotFoundError" in shown.output and "code_failure" in shown.output
    hidden = _invoke("explain", trace, "--db", db, "--no-content")
    assert "FileNotFoundError" not in hidden.output and "code_failure" in hidden.output


def test_report_lists_detectors_and_escapes_quotes(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The detectors section names the detector; quotes are escaped, or left out."""
    (tmp_path / "cg_plugin.py").write_text(PLUGIN, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    out = tmp_path / "r.html"
    assert _invoke("report", "--db", db, "-o", out, "--detector", "cg_plugin:judge").exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert "Silent failures read from content" in page and "code_failure" in page
    assert "Done: &lt;b&gt;1200&lt;/b&gt;" in page and "<b>1200</b>" not in page
    assert _invoke("report", "--db", db, "-o", out, "--no-content").exit_code == 0
    assert "FileNotFoundError" not in out.read_text(encoding="utf-8")


def test_user_detector_from_module_and_function(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--detector module:function adds a signal; a failing one is a one-line warning."""
    (tmp_path / "cg_plugin.py").write_text(PLUGIN, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    sys.modules.pop("cg_plugin", None)
    result = _invoke(
        "analyze", "--db", db, "--format", "json",
        "--detector", "cg_plugin:judge", "--detector", "cg_plugin:broken",
    )  # fmt: skip
    got = _failures(result)
    assert (got["2"]["detector"], got["2"]["agent"]) == ("judge", "Coder")
    assert got["1"]["detector"] == "code_failure"  # the built-ins still run
    assert result.stderr.strip() == (
        "warning: detector broken failed and was skipped: judge offline"
    )
    bad = _invoke("analyze", "--db", db, "--detector", "cg_plugin")
    assert bad.exit_code == 2 and "expected module:function" in bad.output


def test_suspects_are_marked_in_table_explain_and_json_and_respect_no_content(db: Path) -> None:
    """The silent run's agent is a suspect everywhere it is shown; --no-content keeps
    the message text out of its evidence."""
    table = _invoke("analyze", "--db", db)
    assert table.exit_code == 0, table.output
    assert "[suspect, " in table.output
    trace = "0" * 31 + "2"
    shown = _invoke("explain", trace, "--db", db)
    assert "suspect 1 Coder" in shown.output and "confidence" in shown.output
    assert '"1200"' in shown.output
    hidden = _invoke("explain", trace, "--db", db, "--no-content")
    assert "suspect 1 Coder" in hidden.output and '"1200"' not in hidden.output
    got = _failures(_invoke("analyze", "--db", db, "--format", "json", "--no-content"))
    evidence = " ".join(got["2"]["suspects"][0]["evidence"])  # type: ignore[index]
    assert "1200" not in evidence and "Coder" in evidence
