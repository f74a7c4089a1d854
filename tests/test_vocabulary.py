"""One vocabulary: tracer.semconv's enums are the only spelling of a stage, an
operation, an actor, a verdict, an outcome or a violation kind; the analyzer's SQL
binds them, and every value is handled by the rules and the figures."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest

from analyzer import mapping, queries, relations
from analyzer.analysis import analyze
from analyzer.sources import catalog
from tests.analyzer_builders import Run, attribution, fresh_db, insert
from tracer import semconv

ROOT = Path(__file__).resolve().parent.parent
# every analyzer SQL file is scanned, the content detectors' included
NOT_SCANNED: set[str] = set()
_LITERAL = re.compile(r"'((?:[^']|'')*)'")


def _spelled(sql: str) -> list[tuple[int, str]]:
    """(line, literal) for each vocabulary value, or ``'kind: '`` prefix of one,
    quoted in ``sql`` outside comments."""
    values = {m.value for enum in semconv.VOCABULARY for m in enum}
    values.add(semconv.CATEGORY_UNKNOWN)
    found = []
    for n, line in enumerate(sql.splitlines(), 1):
        code = line.split("--")[0]
        for match in _LITERAL.finditer(code):
            text = match.group(1)
            if code[match.end() :].lstrip().startswith(":"):
                continue  # a struct key ({'agent': ...}), not a value
            if text in values or (text.endswith(": ") and text[:-2] in values):
                found.append((n, text))
    return found


def test_no_analyzer_sql_file_spells_a_vocabulary_value() -> None:
    """Every stage, operation, actor, verdict... in analyzer/**/*.sql is bound."""
    files = sorted(p for p in (ROOT / "analyzer").rglob("*.sql") if p.name not in NOT_SCANNED)
    assert len(files) >= 8
    spelled = [
        f"{path.relative_to(ROOT)}:{n}: '{text}'"
        for path in files
        for n, text in _spelled(path.read_text(encoding="utf-8"))
    ]
    assert spelled == []


_FOREIGN_KIND = re.compile(r"\b_(?:tl|ao|oi)\b|\$k_tl_kind\b")
"""A line comparing another convention's span kind (OpenLLMetry's, AgentOps',
OpenInference's), whose values may be spelled like ours (``'agent'``)."""


def test_no_ingest_mapping_spells_an_operation_of_ours() -> None:
    """The ingest mappings' SQL (Python strings) binds the operations, actors and
    stages it writes and compares, like the analyzer's SQL files; only lines reading
    another convention's span kind may quote its values."""
    from analyzer import mapping_autogen, mapping_langgraph, mapping_llamaindex, mapping_n8n

    statements = [
        mapping.NORMALIZE_SQL,
        *relations.LINK_SQL,
        *mapping_langgraph.LINK_SQL,
        *mapping_llamaindex.LINK_SQL,
        *mapping_autogen.LINK_SQL,
        *mapping_n8n.N8N_SQL,
    ]
    spelled = [
        (n, text)
        for sql in statements
        for n, text in _spelled(sql)
        if not _FOREIGN_KIND.search(sql.splitlines()[n - 1])
    ]
    assert spelled == []


def test_the_scan_finds_a_spelled_value() -> None:
    """The scan can fail: a quoted operation or violation prefix is found; a comment
    and a struct key are not."""
    sql = (
        "-- 'generation' in a comment\n"
        "SELECT {'agent': 1} AS s FROM t WHERE operation = 'agent'\n"
        "  AND starts_with(v, 'dropped_key: ')\n"
    )
    assert _spelled(sql) == [(2, "agent"), (3, "dropped_key: ")]


def test_every_enum_value_has_a_parameter_name() -> None:
    """Each member is bindable by name, and each enum as a list in its order."""
    for enum in semconv.VOCABULARY:
        for member in enum:
            assert member.value in queries.VOCABULARY.values()
    assert queries.VOCABULARY["stages"] == list(semconv.STAGES)
    assert queries.VOCABULARY["s_handoff"] == semconv.STAGE_HANDOFF
    assert queries.VOCABULARY["o_agent"] == semconv.Operation.AGENT
    assert queries.VOCABULARY["vk_wrong_target"] == semconv.VIOLATION_WRONG_TARGET


def test_the_aliases_are_the_enum_values() -> None:
    """The old constant names stay, as plain strings equal to their members."""
    assert semconv.STAGE_GENERATION == semconv.Stage.GENERATION
    assert type(semconv.STAGE_GENERATION) is str
    assert semconv.VIOLATION_KINDS == tuple(semconv.ViolationKind)
    assert semconv.ACTORS == tuple(semconv.Actor)
    assert semconv.CONTENT_DIRECTIONS == tuple(semconv.ContentDirection)
    assert semconv.OP_INVOKE_AGENT == semconv.GenAIOperation.INVOKE_AGENT


def test_the_mapping_names_values_as_the_vocabulary_does() -> None:
    """A parameter name the ingest mapping shares with the vocabulary binds the same value."""
    shared = mapping.params().keys() & queries.VOCABULARY.keys()
    assert {"stages", "actors", "s_generation", "v_accept", "outcomes"} <= shared
    assert {k: mapping.params()[k] for k in shared} == {k: queries.VOCABULARY[k] for k in shared}


def test_bind_supplies_exactly_what_a_statement_names() -> None:
    """Vocabulary and given values, only those named; an unbound name is a KeyError."""
    bound = queries.bind("SELECT $s_handoff, $x WHERE o = $o_agent", {"x": 1, "unused": 2})
    assert bound == {"o_agent": "agent", "s_handoff": "handoff", "x": 1}
    ch = queries.bind("SELECT {a_human:String}", pattern=queries.CLICKHOUSE_PARAM)
    assert ch == {"a_human": "human"}
    with pytest.raises(KeyError, match="nope"):
        queries.bind("SELECT $nope")
    with pytest.raises(ValueError, match="s_handoff"):
        queries.bind("SELECT $s_handoff", {"s_handoff": "other"})


def test_every_named_query_is_fully_bound() -> None:
    """Each query of both catalogs names only values the vocabulary or its caller has."""
    for name in queries.names():
        queries.vocabulary_names(queries.sql(name))  # parses
    for filename in ("local.sql", "clickhouse.sql"):
        for name in catalog._catalog(filename):
            catalog.sql(name, filename)
    with pytest.raises(KeyError, match="cg_nope|nope"):
        queries.run_sql(duckdb.connect(), "SELECT getvariable('cg_nope')")


# --- every value handled by the rules and the figures ------------------------------


@pytest.mark.parametrize("stage", list(semconv.Stage))
def test_every_stage_is_in_the_stage_figures(stage: semconv.Stage) -> None:
    """A span of each stage makes the run count for it, with its latency and samples."""
    run = Run(1)
    run.agent("a", stage=stage.value)
    con = fresh_db()
    insert(con, run)
    a = analyze(con)
    assert a.stages.select("stage", "runs").rows() == [(stage.value, 1)]
    assert a.latency["stage"].to_list() == [stage.value]
    assert a.latency_samples["stage"].to_list() == [stage.value]


@pytest.mark.parametrize("kind", list(semconv.ViolationKind))
def test_every_violation_kind_reads_as_words(kind: semconv.ViolationKind) -> None:
    """The handoff rule turns each kind into words, never the raw ``kind: detail``."""
    run = Run(1, error="RuntimeError")
    run.agent("writer")
    run.handoff("writer", "editor", violations=[f"{kind}: detail"])
    found = attribution(run)[run.trace_id]
    assert found["category"] == semconv.STAGE_HANDOFF
    assert "detail" in found["reason"]
    assert kind.value not in found["reason"]


@pytest.mark.parametrize("actor", list(semconv.Actor))
def test_every_actor_is_in_the_agent_figures(actor: semconv.Actor) -> None:
    """Each actor value reaches the agents frame; a human's calls are waits too."""
    run = Run(1)
    run.agent("a", actor=actor.value)
    con = fresh_db()
    insert(con, run)
    a = analyze(con)
    assert a.agents.select("agent", "actor").rows() == [("a", actor.value)]
    assert a.human_wait.height == (1 if actor is semconv.Actor.HUMAN else 0)


@pytest.mark.parametrize("verdict", list(semconv.Verdict))
def test_every_verdict_is_counted(verdict: semconv.Verdict) -> None:
    """A reject fails its run and counts as a reject; an accept counts as a check only."""
    run = Run(1)
    run.agent("a")
    run.verify("checker", verdict.value)
    con = fresh_db()
    insert(con, run)
    a = analyze(con)
    rejected = verdict is semconv.Verdict.REJECT
    assert (a.verification["checks"], a.verification["rejects"]) == (1, int(rejected))
    assert a.n_failed == int(rejected)


@pytest.mark.parametrize("outcome", list(semconv.Outcome))
def test_every_outcome_decides_the_run(outcome: semconv.Outcome) -> None:
    """A late failure outcome fails its run (and the reason says so); success does not."""
    run = Run(1)
    run.agent("a")
    run.outcome(ok=outcome is semconv.Outcome.SUCCESS, reason="the client said so")
    con = fresh_db()
    insert(con, run)
    a = analyze(con)
    failed = outcome is semconv.Outcome.FAILURE
    assert a.n_failed == int(failed)
    if failed:
        assert "the client said so" in a.failures["reason"][0]


def test_every_operation_is_read_by_a_query() -> None:
    """Each operation value is named by some analyzer query (DuckDB or ClickHouse)."""
    texts = [queries.sql(n) for n in queries.names()]
    texts += [
        catalog.sql(n, f) for f in ("local.sql", "clickhouse.sql") for n in catalog._catalog(f)
    ]
    named = set().union(*(queries.vocabulary_names(t) for t in texts))
    named |= set().union(*(queries.vocabulary_names(t, queries.CLICKHOUSE_PARAM) for t in texts))
    for member in semconv.Operation:
        assert f"o_{member.name.lower()}" in named, member
