"""What the corpus tests share: a family's committed coordgap spans, the family
ingested by the CLI, the grades its runs were stored with, and its README's counts."""

from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import duckdb

from tracer import semconv

ROOT = Path(__file__).resolve().parents[1]

SHAPE_KEYS = ("mode", "mistake_step", "symptom_step", "gap")
"""The annotation fields a regenerated scenario must keep."""


def trace_spans(root: Path) -> Iterator[dict[str, Any]]:
    """Every span of every ``root/traces/*.jsonl.gz`` in file order, each with
    ``scope`` (its instrumentation scope's name) and ``attrs``: its attributes
    flattened to their values."""
    for path in sorted((root / "traces").glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                for rs in json.loads(line).get("resourceSpans", ()):  # not logs
                    for ss in rs["scopeSpans"]:
                        scope = ss.get("scope", {}).get("name", "")
                        for span in ss["spans"]:
                            attrs = {
                                kv["key"]: next(iter(kv["value"].values()))
                                for kv in span.get("attributes", [])
                            }
                            yield {**span, "scope": scope, "attrs": attrs}


def coordgap_spans(root: Path) -> Iterator[dict[str, Any]]:
    """coordgap's spans (scope ``coordgap``; the frameworks' own are left out) of
    :func:`trace_spans`."""
    return (s for s in trace_spans(root) if s["scope"] == "coordgap")


def spans_by_run(root: Path) -> dict[str, list[dict[str, Any]]]:
    """trace id -> every span of the run (:func:`trace_spans`: any scope, with
    ``scope`` and flattened ``attrs``), in start order."""
    found: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for span in trace_spans(root):
        found[span["traceId"]].append(span)
    return {k: sorted(v, key=lambda s: int(s["startTimeUnixNano"])) for k, v in found.items()}


Turn = tuple[str, str, Any]
"""(span id, agent, what the turn said) of one recorded turn."""


def genai_turns(spans: list[dict[str, Any]], scope: str, operation: str) -> list[Turn]:
    """(span id, agent, response parts) of a run's turns where an instrumentation of the
    GenAI conventions records them: its ``operation`` spans (a model call) in
    ``scope``, in start order, their ``gen_ai.output.messages`` parts."""
    return [
        (s["spanId"], s["attrs"]["gen_ai.agent.name"], response_parts(s))
        for s in spans
        if s["scope"] == scope and s["attrs"].get("gen_ai.operation.name") == operation
    ]


def response_parts(span: dict[str, Any]) -> list[dict[str, Any]]:
    """The parts of a model call's recorded response (``gen_ai.output.messages``)."""
    messages = json.loads(span["attrs"].get("gen_ai.output.messages", "[]"))
    return [part for message in messages for part in message["parts"]]


def response_words(parts: list[dict[str, Any]]) -> str:
    """A model response's text and tool calls as one string."""
    return "\n".join(
        p.get("content") or json.dumps(p.get("arguments"), sort_keys=True) for p in parts
    )


def assert_labels_on_turns(
    runs: dict[str, Any], turns: dict[str, list[Turn]], said: Callable[[Any], str]
) -> None:
    """Every failing run's mistake and symptom span ids, agent#turn ordinals and gap
    agree with its recorded ``turns``, and both spans said something (``said`` of a
    turn's third field); healthy runs carry no label."""
    for trace_id, run in runs.items():
        if run.get("healthy"):
            assert "span_id" not in run, run
            continue
        steps = turns[trace_id]
        spans = [s[0] for s in steps]
        at, shown = spans.index(run["span_id"]), spans.index(run["symptom_span_id"])
        for span_at, step in ((at, run["mistake_step"]), (shown, run["symptom_step"])):
            agent, turn = step.split("#")
            assert steps[span_at][1] == agent, run
            assert [s[1] for s in steps[: span_at + 1]].count(agent) == int(turn), run
        assert steps[at][1] == run["mistake_agent"], run
        assert shown - at == run["gap"] >= 1, run
        assert said(steps[at][2]).strip() and said(steps[shown][2]).strip(), run


def assert_scripted_responses(
    runs: dict[str, Any], scripts: dict[str, Any], turns: dict[str, list[Turn]]
) -> None:
    """Each failing run's mistake and symptom spans hold the scripted turns marked
    ``root`` and ``symptom``: the same text, and the same tool call with the same
    arguments (response parts of :func:`genai_turns`)."""
    for trace_id, run in runs.items():
        if run.get("healthy"):
            continue
        script = scripts[run["scenario"]]
        by_span = {sid: parts for sid, _, parts in turns[trace_id]}
        for what, key in (("root", "span_id"), ("symptom", "symptom_span_id")):
            turn = next(t for t in script.turns if what in t.mark.split())
            parts = by_span[run[key]]
            texts = [p["content"] for p in parts if p["type"] == "text"]
            calls = [(p["name"], p["arguments"]) for p in parts if p["type"] == "tool_call"]
            assert texts == ([turn.say] if turn.say else []), (run, what)
            assert calls == ([turn.call] if turn.call else []), (run, what)


def scenario_run(root: Path, name: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """A scenario's annotation and its run's coordgap spans in start order."""
    runs = json.loads((root / "annotations.json").read_text())["runs"]
    trace_id, run = next((k, v) for k, v in runs.items() if v["scenario"] == name)
    spans = [s for s in coordgap_spans(root) if s["traceId"] == trace_id]
    return run, sorted(spans, key=lambda s: int(s["startTimeUnixNano"]))


def scenario_shape(root: Path, name: str) -> tuple[Any, ...]:
    """A scenario's run without ids or times: its annotation and its turns in order."""
    run, spans = scenario_run(root, name)
    return (*(run.get(k) for k in SHAPE_KEYS), [s["name"] for s in spans])


def turns_shape(
    root: Path, name: str, turns_of: Callable[[list[dict[str, Any]]], list[Turn]]
) -> tuple[Any, ...]:
    """A scenario's run without ids or times, for a family whose turns another
    instrumentation recorded: its annotation and the agents of its turns (``turns_of``
    reads them from the run's spans) in order."""
    runs = json.loads((root / "annotations.json").read_text())["runs"]
    trace_id, run = next((k, v) for k, v in runs.items() if v["scenario"] == name)
    turns = turns_of(spans_by_run(root)[trace_id])
    return (*(run.get(k) for k in SHAPE_KEYS), [agent for _, agent, _ in turns])


def regenerate(out: Path, scenario: str, *flags: str) -> None:
    """One scenario written again by ``python -m benchmarks.corpus.generate FLAGS``
    into ``out``, in a fresh process with no stdin."""
    subprocess.run(
        [sys.executable, "-m", "benchmarks.corpus.generate", *flags]
        + [f"--out={out}", f"--scenario={scenario}"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        stdin=subprocess.DEVNULL,
        timeout=300,
    )


def assert_apart(family: Path, runs: dict[str, Any], framework: str) -> None:
    """No other corpus family (tests/corpus, held-out, the other blind ones) holds
    one of ``runs``' trace ids or the framework name ``framework``."""
    corpus = ROOT / "tests" / "corpus"
    others = [corpus, corpus / "heldout"]
    others += [p for p in (corpus / "blind").iterdir() if p != family]
    for other in others:
        if not (other / "annotations.json").exists():
            continue
        theirs = json.loads((other / "annotations.json").read_text())["runs"]
        assert framework not in {v["framework"] for v in theirs.values()}, other
        assert not set(runs) & set(theirs), other


def assert_family_size(family: Path, runs: dict[str, Any], framework: str, modes: set[str]) -> None:
    """A blind family of the GenAI-shaped kind: >= 40 runs, >= 25 failing, >= 15
    healthy, >= 20 failing runs with a gap of 2 or more, exactly ``modes``, mistakes
    spread over >= 5 agents, and apart from the other corpora (:func:`assert_apart`)."""
    failing = {k: v for k, v in runs.items() if not v.get("healthy")}
    assert {v["framework"] for v in runs.values()} == {framework}
    assert len(runs) >= 40 and len(failing) >= 25 and len(runs) - len(failing) >= 15
    assert sum(1 for v in failing.values() if v["gap"] >= 2) >= 20
    assert {v["mode"] for v in failing.values()} == modes
    assert len({v["mistake_agent"] for v in failing.values()}) >= 5
    assert_apart(family, runs, framework)


def ingested(traces: Path, db: Path) -> duckdb.DuckDBPyConnection:
    """``traces`` read into a new store at ``db`` by ``coordgap ingest``; the store
    opened read-only."""
    subprocess.run(
        [sys.executable, "-m", "coordgap", "ingest", str(traces), "--db", str(db)],
        capture_output=True,
        stdin=subprocess.DEVNULL,
        check=True,
    )
    return duckdb.connect(str(db), read_only=True)


def grades(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """trace id -> the outcome its late outcome span recorded."""
    return dict(
        con.execute(
            "SELECT lower(outcome_trace_id), outcome FROM spans "
            "WHERE operation = ? AND outcome_trace_id IS NOT NULL",
            [semconv.OP_OUTCOME],
        ).fetchall()
    )


def assert_graded(con: duckdb.DuckDBPyConnection, runs: dict[str, Any]) -> None:
    """Every run of ``runs`` (annotations by trace id) was stored with the grade its
    annotation implies, and no other run was graded."""
    graded = grades(con)
    assert len(graded) == len(runs)
    for trace_id, run in runs.items():
        assert graded[trace_id] == ("success" if run.get("healthy") else "failure"), run


def assert_stored_whole(
    con: duckdb.DuckDBPyConnection, runs: dict[str, Any], spans: dict[str, list[Any]]
) -> None:
    """Every run was stored with the grade its annotation implies
    (:func:`assert_graded`), and every span of the traces (``spans``: per run) with it;
    the rows ingest derives itself (a LangGraph step's handoff) are no span of the
    traces."""
    assert_graded(con, runs)
    stored = con.execute(
        "SELECT count(*), count(DISTINCT trace_id) FROM spans WHERE source IS DISTINCT FROM ?",
        [semconv.SOURCE_DERIVED],
    ).fetchone()
    assert stored == (sum(len(v) for v in spans.values()), len(runs))


def assert_unannotated(
    turns: dict[str, list[Turn]],
    words_of: Callable[[Any], str],
    modes: Iterable[str],
    grader: Iterable[str] = ("graded", "mistake"),
) -> None:
    """Nothing an agent says carries the annotation: no turn's words (``words_of`` what
    it said) hold a mode's name (blanks for underscores) or one of the ``grader``'s."""
    words = {m.replace("_", " ") for m in modes} | set(grader)
    for trace_id, steps in turns.items():
        for span_id, _, said in steps:
            text = words_of(said).lower()
            assert not [w for w in words if w in text], (trace_id, span_id)


def assert_readme_counts(family: Path, runs: dict[str, Any]) -> None:
    """The family README's run counts, mode table (runs, gap >= 2) and gap line are
    those of ``runs`` (annotations by trace id)."""
    text = " ".join((family / "README.md").read_text().split())
    failing = [v for v in runs.values() if not v.get("healthy")]
    healthy = len(runs) - len(failing)
    assert f"{len(runs)} runs ({len(failing)} failing, {healthy} healthy)" in text
    assert f"{len(runs)} runs ({len(failing)} failing)" in text
    deep = sum(1 for v in failing if v["gap"] >= 2)
    assert f"{deep} whose symptom is >= 2 turns on" in text
    table = {
        m: (int(n), int(d)) for m, n, d in re.findall(r"\| `(\w+)` \| (\d+) \| (\d+) \|", text)
    }
    counted = Counter(v["mode"] for v in failing)
    assert table == {
        m: (n, sum(1 for v in failing if v["mode"] == m and v["gap"] >= 2))
        for m, n in counted.items()
    }
    gaps = Counter(v["gap"] for v in failing)
    line = ", ".join(f"{g}: {n}" for g, n in sorted(gaps.items()))
    assert f"Gaps over the failing runs: {line}" in text


Spans = list[dict[str, Any]]


def assert_ran_for_real(outputs: list[str], *, runs: int, crashes: int) -> None:
    """Every program run (its tool's output, as handed back) is a real subprocess's:
    an exit code first, what it printed after; at least ``runs`` of them, at least
    ``crashes`` of which crashed with a Python traceback."""
    assert len(outputs) >= runs
    assert all(out.startswith("exit code ") for out in outputs)
    crashed = [out for out in outputs if not out.startswith("exit code 0\n")]
    assert len(crashed) >= crashes and all("Traceback" in out for out in crashed)


def assert_code_faults_ran(
    failing: dict[str, Any],
    code_modes: Iterable[str],
    coder: str,
    spans: Callable[[str], Spans],
    wrote_code: Callable[[dict[str, Any]], bool],
    ran: Callable[[Spans], list[tuple[int, str]]],
    *,
    at_least: int,
    crash_modes: Iterable[str] = ("code_failure_ignored",),
) -> None:
    """The wrong or crashing code of the failing runs in ``code_modes`` is ``coder``'s
    mistake turn (``wrong_code``: it wrote code there); the program run that followed it
    (``ran``: (start, output) of a run's program runs) crashed exactly when the run's mode
    is one of ``crash_modes``."""
    picked = {k: v for k, v in failing.items() if v["mode"] in set(code_modes)}
    assert len(picked) >= at_least
    for trace_id, run in picked.items():
        of_run = spans(trace_id)
        turn = next(s for s in of_run if s["spanId"] == run["span_id"])
        assert run["mistake_agent"] == coder and wrote_code(turn), run
        start = int(turn["startTimeUnixNano"])
        out = next(out for at, out in ran(of_run) if at > start)
        crashed = run["mode"] in set(crash_modes)
        assert (not out.startswith("exit code 0\n")) == crashed, run
