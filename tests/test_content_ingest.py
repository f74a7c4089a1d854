"""Ingest keeps message text of every known convention in the `content` table."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from otlp_content import attr, messages, span, write

import analyzer
from analyzer import content


def _rows(store: analyzer.Store) -> list[tuple[str, str, str | None, int, str]]:
    return store.con.execute(
        "SELECT span_id[-2:], direction, role, seq, text FROM content ORDER BY 1, 2, 4"
    ).fetchall()


def _conventions(path: Path) -> Path:
    spans = [
        span(1, 1, "invoke_workflow w", [
            attr("gen_ai.operation.name", "invoke_workflow"),
            attr("gen_ai.input.messages", messages("user", "task text")),
            attr("gen_ai.system_instructions", json.dumps([{"type": "text",
                                                            "content": "be brief"}])),
        ], parent=None),
        span(1, 2, "chat", [
            attr("gen_ai.output.messages", json.dumps([{"role": "assistant", "parts": [
                {"type": "text", "content": "calling"},
                {"type": "tool_call", "name": "f", "arguments": {"q": 1}}]}])),
            attr("gen_ai.prompt", "old prompt"),
        ]),
        span(1, 3, "llm", [
            attr("llm.input_messages.0.message.role", "user"),
            attr("llm.input_messages.0.message.content", "oi in"),
            attr("llm.output_messages.0.message.role", "assistant"),
            attr("llm.output_messages.0.message.content", "oi out"),
            attr("output.value", "oi value"),
        ]),
        span(1, 4, "openai.chat", [
            attr("gen_ai.prompt.0.role", "user"),
            attr("gen_ai.prompt.0.content", "tl in"),
            attr("gen_ai.completion.0.content", "tl out"),
            attr("traceloop.entity.output", "tl entity"),
        ]),
        span(1, 5, "chat", [], events=[
            {"name": "gen_ai.user.message", "timeUnixNano": "1",
             "attributes": [attr("content", "ev in")]},
            {"name": "gen_ai.choice", "timeUnixNano": "2",
             "attributes": [attr("message", "ev out")]},
        ]),
        span(1, 6, "handoff a -> b", [
            attr("coordgap.handoff.source", "a"), attr("coordgap.handoff.target", "b"),
            attr("coordgap.handoff.payload.content", '{"brief": "x"}'),
            attr("coordgap.input", "cg in"), attr("coordgap.output", "cg out"),
        ]),
        span(1, 7, "plain", [attr("http.method", "GET")]),
        span(1, 8, "execute_tool run_python", [
            attr("gen_ai.tool.call.arguments", '{"code": "print(6 * 7)"}'),
            attr("gen_ai.tool.call.result", "42"),
        ]),
    ]  # fmt: skip
    return write(path, spans)


def test_every_convention_lands_in_one_table(tmp_path: Path) -> None:
    """GenAI JSON, older GenAI, OpenInference, OpenLLMetry, events, coordgap keys, a
    GenAI tool call's arguments and result."""
    with analyzer.open(tmp_path / "db.duckdb") as store:
        store.ingest([_conventions(tmp_path / "t.jsonl")])
        assert _rows(store) == [
            ("01", "input", "user", 1, "task text"),
            ("01", "system", "system", 1, "be brief"),
            ("02", "input", None, 1, "old prompt"),
            ("02", "output", "assistant", 1, 'calling\n{"q":1}'),
            ("03", "input", "user", 1, "oi in"),
            ("03", "output", None, 1, "oi value"),
            ("03", "output", "assistant", 2, "oi out"),
            ("04", "input", "user", 1, "tl in"),
            ("04", "output", None, 1, "tl entity"),
            ("04", "output", None, 2, "tl out"),
            ("05", "input", "user", 1, "ev in"),
            ("05", "output", "assistant", 1, "ev out"),
            ("06", "input", None, 1, "cg in"),
            ("06", "output", None, 1, "cg out"),
            ("06", "payload", None, 1, '{"brief": "x"}'),
            ("08", "input", None, 1, '{"code": "print(6 * 7)"}'),
            ("08", "output", None, 1, "42"),
        ]


def test_openinference_content_parts_and_tool_calls_are_the_messages_text(
    tmp_path: Path,
) -> None:
    """OpenInference records a response's text as content parts and its tool calls
    as keys of their own (LlamaIndex, smolagents): both are what the message said, the
    calls as ``name(arguments)``, in their order."""
    out = "llm.output_messages.0.message."
    spans = [
        span(1, 1, "achat", [
            attr(f"{out}role", "assistant"),
            attr(f"{out}contents.1.message_content.text", "then this"),
            attr(f"{out}contents.0.message_content.text", "first this"),
            attr(f"{out}tool_calls.1.tool_call.function.name", "handoff"),
            attr(f"{out}tool_calls.1.tool_call.function.arguments", '{"to_agent": "coder"}'),
            attr(f"{out}tool_calls.0.tool_call.function.name", "read_file"),
            attr(f"{out}tool_calls.0.tool_call.function.arguments", '{"name": "a.csv"}'),
            attr(f"{out}tool_calls.0.tool_call.id", "call_1"),
        ], parent=None),
    ]  # fmt: skip
    with analyzer.open(tmp_path / "db.duckdb") as store:
        store.ingest([write(tmp_path / "t.jsonl", spans)])
        assert _rows(store) == [
            (
                "01",
                "output",
                "assistant",
                1,
                'first this\nthen this\nread_file({"name": "a.csv"})\n'
                'handoff({"to_agent": "coder"})',
            )
        ]


def test_reingest_never_duplicates_content(tmp_path: Path) -> None:
    """Same spans again: no new rows."""
    path = _conventions(tmp_path / "t.jsonl")
    with analyzer.open(tmp_path / "db.duckdb") as store:
        store.ingest([path])
        before = _rows(store)
        store.ingest([path])
        assert _rows(store) == before


def test_content_is_capped_per_span_output_first(tmp_path: Path) -> None:
    """The cap counts characters over a span's rows; the output is kept first."""
    spans = [span(1, 1, "chat", [
        attr("gen_ai.input.messages", messages("user", "i" * 50)),
        attr("gen_ai.output.messages", messages("assistant", "o" * 30)),
    ], parent=None)]  # fmt: skip
    with analyzer.open(tmp_path / "db.duckdb", max_content=40) as store:
        store.ingest([write(tmp_path / "t.jsonl", spans)])
        assert _rows(store) == [
            ("01", "input", "user", 1, "i" * 10 + "…"),
            ("01", "output", "assistant", 1, "o" * 30),
        ]


def test_a_cap_of_zero_keeps_no_content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """COORDGAP_CONTENT_MAX=0 stores spans only."""
    monkeypatch.setenv(content.MAX_CHARS_ENV, "0")
    with analyzer.open(tmp_path / "db.duckdb") as store:
        store.ingest([_conventions(tmp_path / "t.jsonl")])
        assert store.span_count() == 8 and _rows(store) == []


def test_a_bad_cap_setting_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """Not a number: one line naming the variable."""
    monkeypatch.setenv(content.MAX_CHARS_ENV, "lots")
    with pytest.raises(ValueError, match="COORDGAP_CONTENT_MAX='lots'"):
        content.max_chars()


def test_agent_names_drop_a_parenthesised_qualifier(tmp_path: Path) -> None:
    """'Orchestrator (thought)' and 'Orchestrator (-> WebSurfer)' are one agent."""
    spans = [
        span(1, 1, "invoke_workflow w", [attr("gen_ai.operation.name", "invoke_workflow")],
             parent=None),
        span(1, 2, "invoke_agent Orchestrator (thought)", [
            attr("gen_ai.operation.name", "invoke_agent"),
            attr("gen_ai.agent.name", "Orchestrator (thought)")]),
        span(1, 3, "invoke_agent Orchestrator (-> WebSurfer)", [
            attr("gen_ai.operation.name", "invoke_agent"),
            attr("gen_ai.agent.name", "Orchestrator (-> WebSurfer)")]),
        span(1, 4, "invoke_agent (anonymous)", [attr("gen_ai.operation.name", "invoke_agent"),
                                               attr("gen_ai.agent.name", "(anonymous)")]),
    ]  # fmt: skip
    with analyzer.open(tmp_path / "db.duckdb") as store:
        store.ingest([write(tmp_path / "t.jsonl", spans)])
        agents = store.con.execute(
            "SELECT agent FROM spans WHERE operation = 'agent' ORDER BY span_id"
        ).fetchall()
    assert agents == [("Orchestrator",), ("Orchestrator",), ("(anonymous)",)]
