"""Failing runs flattened to message logs through the analyzer's own reading (for
``corpus_flat --via-store``).

``corpus_flat`` reads each instrumentation's span shapes itself, and some it does not
read (OpenLLMetry's, GenAI messages sent as log records, ...). This path ingests the
traces into a store and takes each failing run's turns as the analysis reads them
(:func:`analyzer.suspects.read_turns`: each agent's steps with their agent and text,
whatever recorded them, and what a delegate replied), then drops everything but names
and text:

- a step (a turn that is its own owner) is a message named after its agent, its text
  (a step without text: the error it raised) followed by what the tools it called
  returned (one step: what the agent did and what it saw);
- a tool's output that comes back after other agents spoke (a delegate's reply to the
  step that called it) is a message of the step's agent at that point; a tool's output
  outside any step is a message of the latest agent that spoke;
- the run's own turn (its task) is the log's ``question``, from the annotation;
- ``mistake_step`` is the first message whose step is the annotated span, or runs
  inside it, or holds it (the annotation names an agent's span, a model call, or a
  step's tool).
"""

from __future__ import annotations

import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

import analyzer
from analyzer import analysis, rules, suspects
from analyzer.suspects import turns
from benchmarks.flat_text import write_log


def run_turns(traces: Path) -> tuple[pl.DataFrame, dict[str, dict[str, str | None]]]:
    """The failed runs' turns (``read_turns`` with every run's text) and each trace's
    parent links (span id -> parent span id)."""
    with tempfile.TemporaryDirectory(prefix="coordgap-flatstore-") as tmp:
        with analyzer.open(Path(tmp) / "flat.duckdb") as store:
            store.ingest([traces])
            con = store.con
            analysis.prepare(con)
            rules.attribute(con)
            _edges, frame = suspects.read_turns(con, read_all=True)
            parents = _parents(con)
            errors = _errors(con)
    said = frame.join(errors, on=["trace_id", "span_id"], how="left")
    return said.with_columns(
        output=pl.when(pl.col("output").fill_null("").str.strip_chars() == "")
        .then(pl.col("error"))
        .otherwise(pl.col("output"))
    ).drop("error"), parents


def _errors(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """(trace_id, span_id, error): what each failed span raised (``Type: message``)."""
    return con.sql(
        "SELECT trace_id, span_id, concat_ws(': ', error_type, "
        "list_filter(json_extract_string(events, $path), lambda m: m <> '')[1]) AS error "
        "FROM spans WHERE is_error",
        params={"path": turns.EXCEPTION_MESSAGES},
    ).pl()


def _parents(con: duckdb.DuckDBPyConnection) -> dict[str, dict[str, str | None]]:
    out: dict[str, dict[str, str | None]] = defaultdict(dict)
    rows = con.execute("SELECT trace_id, span_id, parent_span_id FROM spans").fetchall()
    for trace_id, span_id, parent in rows:
        out[trace_id][span_id] = parent
    return out


def _messages(run: pl.DataFrame) -> list[tuple[str, str, list[str]]]:
    """(agent, text, the spans it holds) per message of one run, in turn order."""
    out: list[tuple[str, str, list[str]]] = []
    at: dict[str, int] = {}  # a step's span id -> its message's index
    last = "unknown"
    for row in run.sort("turn").iter_rows(named=True):
        if row["is_run"]:
            continue
        text = (row["output"] or "").strip()
        owner, span = row["owner_span_id"], row["span_id"]
        if owner is not None and owner != span and owner in at:
            agent, said, held = out[at[owner]]
            if all(other == agent for other, _, _ in out[at[owner] + 1 :]):
                joined = f"{said}\n\n{text}" if text else said
                out[at[owner]] = (agent, joined, [*held, span])
                continue
            # other agents spoke since (a manager's delegate): what the step saw comes
            # now, as a message of its own
            at[owner] = len(out)
            out.append((agent, text, [span]))
            continue
        agent = str(row["agent"] or last)
        last = agent
        if owner == span:
            at[span] = len(out)
        out.append((agent, text, [span]))
    return [m for m in out if m[1]]


def _step(
    messages: list[tuple[str, str, list[str]]], span: str, parents: dict[str, str | None]
) -> int | None:
    """The first message whose step is ``span``, runs inside it or holds it."""

    def chain(start: str) -> list[str]:
        seen: list[str] = []
        while start and start not in seen:
            seen.append(start)
            start = parents.get(start) or ""
        return seen

    above = set(chain(span))
    for i, (_agent, _text, held) in enumerate(messages):
        if any(span in chain(h) for h in held):  # the step is the span or inside it
            return i
    for i, (_agent, _text, held) in enumerate(messages):
        if above & set(held):  # the step holds it
            return i
    return None


def write_logs(out: Path, traces: Path, truth: dict[str, Any]) -> tuple[dict[str, str], list[str]]:
    """The annotated failing runs as logs under ``out/<framework>/<trace>.json``; returns
    each log key's framework and the runs left out (no message for the annotated span)."""
    frame, parents = run_turns(traces)
    by_run = {k[0]: g for k, g in frame.group_by("trace_id")}
    frameworks: dict[str, str] = {}
    skipped: list[str] = []
    for trace_id, record in sorted(truth.items()):
        if record.get("healthy"):
            continue
        run = by_run.get(trace_id.lower())
        messages = _messages(run) if run is not None else []
        step = _step(messages, str(record.get("span_id")), parents.get(trace_id.lower(), {}))
        if step is None:
            skipped.append(trace_id)
            continue
        log = {
            "question": record.get("task") or "",
            "history": [{"name": agent, "content": text} for agent, text, _ in messages],
            "mistake_agent": record["mistake_agent"],
            "mistake_step": step,
        }
        frameworks[write_log(out, trace_id, record, log)] = record["framework"]
    return frameworks, skipped
