"""The CLI as a CI log shows it: 80 columns, pipes, wrong paths, empty folders, a gate
that cannot pass on nothing."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from analyzer_builders import Run, write_db
from click.testing import CliRunner, Result

from coordgap import _options
from coordgap.cli import main

REPO = Path(__file__).resolve().parents[1]
LONG_REASON = (
    "the client rejected the cut because the narration contradicts the brief after act two"
)


def _id(run: Run, trace_id: str) -> Run:
    """``run`` with its trace id replaced (the builder numbers traces 1, 2, ...)."""
    run.trace_id = trace_id
    for span in run.spans:
        span["trace_id"] = trace_id
    return run


def _runs() -> list[Run]:
    """Four runs with realistic 128-bit ids (two sharing 9 leading digits) and one
    64-bit id stored with its 16 padding zeros; three fail."""
    ok = _id(Run(1), "4bf92f3577b34da6a3ce929d0e0e4736")
    ok.agent("writer")
    ok.agent("editor", parent=ok.handoff("writer", "editor"))
    ok.verify("brand", "accept")
    bad = _id(Run(2), "4bf92f357fffffffffffffffffffffff")
    bad.agent("writer")
    h = bad.handoff("writer", "editor", violations=["dropped_key: brand_voice"])
    bad.agent("editor", parent=h, error="KeyError", propagate=True)
    gap = _id(
        Run(3, outcome="failure", outcome_reason=LONG_REASON), "a3ce929d0e0e47364bf92f3577b34da6"
    )
    gap.agent("writer")
    jaeger = _id(Run(4, outcome="failure", outcome_reason="late"), "0" * 16 + "09608fa41d5bb8c2")
    jaeger.agent("writer")
    return [ok, bad, gap, jaeger]


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    return write_db(tmp_path / "runs.duckdb", *_runs())


def _invoke(*args: str | Path, columns: int = 80) -> Result:
    runner = CliRunner(env={"COLUMNS": str(columns)})
    return runner.invoke(main, [str(a) for a in args], catch_exceptions=False)


def _squash(text: str) -> str:
    return " ".join(text.split())


# -- the gate ---------------------------------------------------------------------------
def test_check_fails_when_service_matches_nothing(db: Path) -> None:
    """A typo in --service is exit 1 with one line saying why, not a green gate."""
    result = _invoke("check", "--db", db, "--max", "end_to_end=1%", "--service", "nosuch")
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"check failed: no run has a span of service 'nosuch' ({db} holds 4 traces)"
    ]


def test_check_fails_when_since_matches_nothing(db: Path) -> None:
    """A window after the last run holds nothing to check."""
    result = _invoke("check", "--db", db, "--max", "end_to_end=1", "--since", "2030-01-01")
    assert result.exit_code == 1
    assert "no run started at or after 2030-01-01 00:00 UTC" in result.output


def test_check_fails_on_a_missing_database(tmp_path: Path) -> None:
    """A wrong --db is exit 1, one line, and creates nothing."""
    missing = tmp_path / "typo.duckdb"
    result = _invoke("check", "--db", missing, "--max", "end_to_end=1")
    assert result.exit_code == 1
    assert len(result.output.strip().splitlines()) == 1
    assert f"no database at {missing}" in result.output and "coordgap demo" in result.output
    assert not missing.exists()


def test_check_min_runs(db: Path) -> None:
    """Fewer runs than --min-runs fails; enough passes."""
    result = _invoke("check", "--db", db, "--max", "end_to_end=1", "--min-runs", "5")
    assert result.exit_code == 1
    assert result.output.strip() == (f"check failed: only 4 runs in {db}, fewer than --min-runs 5")
    assert _invoke("check", "--db", db, "--max", "end_to_end=1", "--min-runs", "4").exit_code == 0


def test_check_fails_on_an_empty_baseline(tmp_path: Path, db: Path) -> None:
    """A baseline with no runs cannot vouch for anything."""
    empty = write_db(tmp_path / "empty.duckdb")
    result = _invoke("check", "--db", db, "--baseline", empty)
    assert result.exit_code == 1
    assert f"check failed: {empty} holds no runs" in result.output


def test_check_message_counts_what_it_checked(tmp_path: Path, db: Path) -> None:
    """Bounds: "1 rate within bounds over 4 runs"; a baseline alone: what it compared."""
    result = _invoke("check", "--db", db, "--max", "end_to_end=1")
    assert (
        result.output.strip().splitlines()[-1] == "check passed: 1 rate within bounds over 4 runs"
    )
    one = Run(9)
    one.agent("writer")
    single = write_db(tmp_path / "one.duckdb", one)
    result = _invoke("check", "--db", single, "--baseline", db)
    assert result.exit_code == 0, result.output
    assert result.output.strip().splitlines()[-1] == (
        f"check passed: 7 rates no higher than in {db} (4 runs) over 1 run"
    )


# -- 80 columns --------------------------------------------------------------------------
def test_analyze_fits_80_columns_with_short_ids_and_whole_reasons(db: Path) -> None:
    """No line over 80; each failed run's id is one short prefix; a long reason reads
    as one block (not one word per line beside other columns)."""
    result = _invoke("analyze", "--db", db)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert max(len(line) for line in lines) <= 80
    # the two ids sharing "4bf92f357" need 10 digits; every id shows that many
    for prefix in ("4bf92f357f", "a3ce929d0e", "09608fa41d"):
        assert any(line.split()[:1] == [prefix] for line in lines), prefix
    assert "4bf92f3577b34da6a3ce929d0e0e4736" not in result.output
    assert LONG_REASON in _squash(result.output)
    assert "coordination gap" in result.output and "pts" in result.output


def test_long_reasons_are_cut_in_tables_and_whole_in_json(tmp_path: Path) -> None:
    """A reason longer than the table allows ends in an ellipsis; JSON has it whole."""
    reason = "x" * 150 + " " + "y" * 150
    run = Run(1, outcome="failure", outcome_reason=reason)
    run.agent("writer")
    db = write_db(tmp_path / "long.duckdb", run)
    table = _invoke("analyze", "--db", db).output
    assert "\u2026" in table and "y" * 150 not in _squash(table).replace(" ", "")
    assert reason in _invoke("analyze", "--db", db, "--format", "json").output


def test_explain_takes_the_printed_prefix(db: Path) -> None:
    """The id as analyze prints it, or any unique prefix, is enough; so is a 64-bit id
    copied without its padding zeros."""
    for prefix in ("4bf92f357f", "a3ce", "09608fa41d5bb", "9608fa41d5bb8c2"):
        result = _invoke("explain", prefix, "--db", db)
        assert result.exit_code == 0, (prefix, result.output)
        assert "FAILED" in result.output


def test_explain_ambiguous_prefix_is_one_line(db: Path) -> None:
    """A prefix of two traces: one line with how many and which."""
    result = _invoke("explain", "4bf92f35", "--db", db)
    assert result.exit_code == 1
    assert result.output.count("\n") == 1
    assert "'4bf92f35' is ambiguous: 2 traces start with it" in result.output


def test_closed_pipe_exits_quietly(db: Path) -> None:
    """`coordgap analyze | head -1`: the reader has gone; exit 0, nothing on stderr."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # every write gets EPIPE, deterministically
    try:
        for args in (["analyze"], ["analyze", "--format", "json"], ["explain", "a3ce"]):
            done = subprocess.run(
                [sys.executable, "-m", "coordgap", *args, "--db", str(db)],
                stdout=write_end,
                stderr=subprocess.PIPE,
                stdin=subprocess.DEVNULL,
                timeout=120,
                check=False,
            )
            assert (done.returncode, done.stderr) == (0, b""), args
    finally:
        os.close(write_end)


# -- wrong paths, empty folders ----------------------------------------------------------
def test_a_file_that_is_not_a_database_is_one_plain_line(tmp_path: Path) -> None:
    """`--db package.json`: no DuckDB 'Catalog Error', just what is wrong."""
    bogus = tmp_path / "package.json"
    bogus.write_text('{"name": "app"}\n')
    for command in (["analyze"], ["check", "--max", "end_to_end=1"], ["explain", "ab"]):
        result = _invoke(*command, "--db", bogus)
        assert result.exit_code == 1
        assert result.output == f"Error: {bogus}: not a coordgap database (not a DuckDB file)\n"
    result = _invoke("ingest", tmp_path / "nothing.json", "--db", bogus)
    assert "not a coordgap database" in result.output
    assert bogus.read_text() == '{"name": "app"}\n'


def test_failed_ingest_leaves_no_new_database(tmp_path: Path) -> None:
    """A malformed file ingested into a new --db: no database, no folder made for it."""
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    target = tmp_path / "new" / "dir" / "traces.duckdb"
    result = _invoke("ingest", bad, "--db", target)
    assert result.exit_code == 1
    assert not (tmp_path / "new").exists()
    missing = _invoke("ingest", tmp_path / "nope.json", "--db", tmp_path / "t.duckdb")
    assert missing.exit_code == 1 and not (tmp_path / "t.duckdb").exists()


def test_empty_states_lead_to_the_demo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """In an empty folder every command that needs data points at `coordgap demo`."""
    monkeypatch.chdir(tmp_path)
    for command in (
        ["analyze"],
        ["check", "--max", "end_to_end=1"],
        ["explain", "ab"],
        ["report"],
        ["ingest"],
    ):
        result = _invoke(*command)
        assert result.exit_code == 1, command
        assert "`coordgap demo`" in result.output, (command, result.output)
        assert len(result.output.strip().splitlines()) == 1, command
    empty = write_db(tmp_path / "empty.duckdb")
    result = _invoke("analyze", "--db", empty)
    assert result.exit_code == 0 and "`coordgap demo`" in result.output


# -- one option, one wording -------------------------------------------------------------
def _commands_with(option: str) -> list[list[str]]:
    found = []
    for name, command in main.commands.items():
        subs = getattr(command, "commands", None)
        for path, cmd in [([name, s], c) for s, c in subs.items()] if subs else [([name], command)]:
            if any(option in p.opts for p in cmd.params):
                found.append(path)
    return found


def test_one_db_option_with_one_help_text() -> None:
    """Every --db is the same option, defined once, with one help text and default."""
    paths = _commands_with("--db")
    assert len(paths) == 11  # ingest, 4 pulls, analyze, explain, check, report, collect, export
    helps = set()
    for path in paths:
        cmd = main
        for part in path:
            cmd = cmd.commands[part]  # type: ignore[attr-defined]
        (db,) = [p for p in cmd.params if "--db" in p.opts]
        helps.add((db.help, str(db.default)))  # type: ignore[attr-defined]
    assert helps == {(_helps_of_db(), ".coordgap/coordgap.duckdb")}
    sources = [p for p in (REPO / "coordgap").rglob("*.py") if '"--db"' in p.read_text()]
    assert sources == [REPO / "coordgap" / "_options.py"]


def _helps_of_db() -> str:
    @_options.db_option
    def probe(db: Path) -> None: ...

    (param,) = probe.__click_params__  # type: ignore[attr-defined]
    return str(param.help)


def test_pull_limits_share_one_default() -> None:
    """`pull jaeger --limit` and `pull tempo --limit` default alike."""
    pull = main.commands["pull"]
    defaults = {
        name: [p.default for p in pull.commands[name].params if p.name == "limit"]  # type: ignore[attr-defined]
        for name in ("jaeger", "tempo")
    }
    assert defaults == {"jaeger": [_options.PULL_LIMIT], "tempo": [_options.PULL_LIMIT]}


def test_demo_and_report_write_the_same_default_report() -> None:
    """`coordgap demo` and `coordgap report` put the report in the same place."""
    from coordgap.demo.runner import DemoConfig

    (output,) = [p for p in main.commands["report"].params if p.name == "output"]
    assert Path(str(output.default)) == DemoConfig().report_path == _options.DEFAULT_REPORT


def test_plurals_read_naturally(tmp_path: Path) -> None:
    """ "1 file", "1 run": no "(s)", no "1 runs"."""
    one = Run(1)
    one.agent("writer")
    db = write_db(tmp_path / "one.duckdb", one)
    result = _invoke("check", "--db", db, "--max", "end_to_end=1")
    assert result.output.strip().endswith("over 1 run")
    spans = tmp_path / "one.jsonl"
    spans.write_text("")
    result = _invoke("ingest", spans, "--db", tmp_path / "new.duckdb")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("1 file, 0 spans read") and "(s)" not in result.output


# -- help --------------------------------------------------------------------------------
def _all_helps() -> dict[str, str]:
    out = {"": _invoke("--help").output}
    for name, command in main.commands.items():
        out[name] = _invoke(name, "--help").output
        for sub in getattr(command, "commands", {}):
            out[f"{name} {sub}"] = _invoke(name, sub, "--help").output
    return out


def test_top_level_help_is_complete_at_80_columns() -> None:
    """Every command listed without "...", and a typical session with explain and check."""
    text = _invoke("--help").output
    commands = text.split("Commands:")[1]
    assert "..." not in commands
    listed = re.findall(r"^  ([a-z]+)  ", commands, re.M)
    assert sorted(listed) == sorted(main.commands)
    session = text.split("Typical session:")[1].split("Options:")[0]
    for command in ("demo", "ingest", "analyze", "explain", "report", "check"):
        assert f"coordgap {command}" in session
    assert max(len(line) for line in text.splitlines()) <= 80


def test_help_is_self_contained() -> None:
    """No help text sends a pip user to a file they do not have; ingest names Phoenix."""
    helps = _all_helps()
    for name, text in helps.items():
        assert "docs/" not in text and "README" not in text, name
    assert "Phoenix" in helps["ingest"]


def test_demo_output_points_at_no_docs_file() -> None:
    """The demo's table of differences explains itself instead of citing docs/."""
    from coordgap import cli_demo

    source = Path(cli_demo.__file__).read_text()
    assert "docs/" not in source
