"""Message and payload text: normalised at ingest into the ``content`` table.

Every convention the mapping knows is read (see docs/internals.md §3): OTel
GenAI ``gen_ai.input.messages`` / ``gen_ai.output.messages`` /
``gen_ai.system_instructions`` (JSON) and the older ``gen_ai.prompt`` /
``gen_ai.completion`` attributes and ``gen_ai.*.message`` events; OpenInference
``input.value`` / ``output.value`` and ``llm.{input,output}_messages.N.message.*``;
OpenLLMetry ``gen_ai.prompt.N.*`` / ``gen_ai.completion.N.*`` and
``traceloop.entity.input`` / ``output``; coordgap's ``coordgap.input`` /
``coordgap.output`` and handoff payload content.

The extraction is one named query (``content_extract``) run by DuckDB over each
staging relation, right after its spans are inserted; nothing passes through
Python objects. Text is capped per span (:data:`DEFAULT_MAX_CHARS`, or
``$COORDGAP_CONTENT_MAX``, or the ``max_content`` argument; 0 stores none).
"""

from __future__ import annotations

import os
from typing import Any, Final

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

from analyzer import queries
from tracer import semconv

__all__ = [
    "CODE",
    "DEFAULT_MAX_CHARS",
    "MARKER_EVENTS",
    "MARKER_KEYS",
    "MAX_CHARS_ENV",
    "TEXT_NOISE",
    "extract",
    "has_content_table",
    "max_chars",
    "may_carry",
]

#: characters of text kept per span (output first, then payload, input, system)
DEFAULT_MAX_CHARS: Final = 16_384
MAX_CHARS_ENV: Final = "COORDGAP_CONTENT_MAX"

_OI_IN = semconv.OPENINFERENCE_INPUT_MESSAGES
_OI_OUT = semconv.OPENINFERENCE_OUTPUT_MESSAGES
_FLAT_PREFIXES = (_OI_IN, _OI_OUT, semconv.GEN_AI_PROMPT, semconv.GEN_AI_COMPLETION)


def _escape(key: str) -> str:
    return key.replace(".", r"\.")


_PARAMS: Final[dict[str, Any]] = {
    "k_in_msgs": semconv.GEN_AI_INPUT_MESSAGES,
    "k_out_msgs": semconv.GEN_AI_OUTPUT_MESSAGES,
    "k_system": semconv.GEN_AI_SYSTEM_INSTRUCTIONS,
    "k_payload": semconv.HANDOFF_PAYLOAD_CONTENT,
    "k_ev_content": semconv.GEN_AI_EVENT_CONTENT,
    "plain_in": [
        semconv.GEN_AI_PROMPT,
        semconv.OPENINFERENCE_INPUT_VALUE,
        semconv.TRACELOOP_ENTITY_INPUT,
        semconv.INPUT_CONTENT,
        semconv.GEN_AI_TOOL_CALL_ARGUMENTS,
    ],
    "plain_out": [
        semconv.GEN_AI_COMPLETION,
        semconv.OPENINFERENCE_OUTPUT_VALUE,
        semconv.TRACELOOP_ENTITY_OUTPUT,
        semconv.OUTPUT_CONTENT,
        semconv.GEN_AI_TOOL_CALL_RESULT,
    ],
    "direct_keys": [
        semconv.GEN_AI_INPUT_MESSAGES,
        semconv.GEN_AI_OUTPUT_MESSAGES,
        semconv.GEN_AI_SYSTEM_INSTRUCTIONS,
        semconv.HANDOFF_PAYLOAD_CONTENT,
        semconv.GEN_AI_PROMPT,
        semconv.GEN_AI_COMPLETION,
        semconv.OPENINFERENCE_INPUT_VALUE,
        semconv.OPENINFERENCE_OUTPUT_VALUE,
        semconv.TRACELOOP_ENTITY_INPUT,
        semconv.TRACELOOP_ENTITY_OUTPUT,
        semconv.INPUT_CONTENT,
        semconv.OUTPUT_CONTENT,
        semconv.GEN_AI_TOOL_CALL_ARGUMENTS,
        semconv.GEN_AI_TOOL_CALL_RESULT,
    ],
    # a flattened message list always has an entry 0
    "flat_first": [
        f"{_OI_IN}.0.message.content",
        f"{_OI_IN}.0.message.role",
        f"{_OI_OUT}.0.message.content",
        f"{_OI_OUT}.0.message.role",
        f"{semconv.GEN_AI_PROMPT}.0.content",
        f"{semconv.GEN_AI_PROMPT}.0.role",
        f"{semconv.GEN_AI_COMPLETION}.0.content",
        f"{semconv.GEN_AI_COMPLETION}.0.role",
    ],
    "flat_in": [_OI_IN, semconv.GEN_AI_PROMPT],
    # a flattened message's role, content, content parts (OpenInference's
    # ``contents.N.message_content.text``) and tool calls (``tool_calls.N.tool_call.
    # function.name`` / ``.arguments``): groups prefix, index, field, part, call, part of call
    "re_flat": "^("
    + "|".join(_escape(p) for p in _FLAT_PREFIXES)
    + r")\.(\d+)\.(?:message\.)?(role|content|contents\.(\d+)\.message_content\.text"
    + r"|tool_calls\.(\d+)\.tool_call\.function\.(name|arguments))$",
    "message_events": list(semconv.GEN_AI_MESSAGE_EVENTS),
    "ev_choice": semconv.GEN_AI_CHOICE_EVENT,
    "ev_system": semconv.GEN_AI_MESSAGE_EVENTS[0],
}

MARKER_KEYS: Final = (*_PARAMS["direct_keys"], *_PARAMS["flat_first"])
"""Attribute keys a span with content carries at least one of (or an event of
:data:`MARKER_EVENTS`): :func:`extract` reads nothing from a span without any."""
MARKER_EVENTS: Final = tuple(_PARAMS["message_events"])
_MARKER_KEYS = pa.array(MARKER_KEYS)
_MARKER_EVENTS = pa.array(MARKER_EVENTS)

CODE: Final = (
    r"(?m)```|^<code>$|"
    r'(?:^|\\n|")(?:def \w+\(|import \w+|from [\w.]+ import \w|class \w+[(:]|print\()'
)
"""A program in a message: a code block (fenced, or a ``<code>`` line opening one), or a
program's first line at the start of a line or of a JSON string (the code a tool call
was given, its newlines escaped). A traceback quotes code indented: an executor's reply
is no code. The suspects and the detectors read code by this one pattern."""

TEXT_NOISE: Final = r'\\[nrt"\\]|\s'
"""Blanks and JSON escapes (a regex): what two copies of one text may differ in when
one was recorded inside JSON (a brief quoting a program, a span's input holding the
message it sent). Removed before texts are compared as the same words."""

_SOURCES: Final = frozenset({"cg_stage", "cg_batch", "cg_logs"})


def max_chars(value: int | None = None) -> int:
    """The per-span cap: ``value``, else ``$COORDGAP_CONTENT_MAX``, else the default.
    Raises ValueError on a negative or non-integer setting."""
    if value is None:
        raw = os.environ.get(MAX_CHARS_ENV)
        if raw is None or not raw.strip():
            return DEFAULT_MAX_CHARS
        try:
            value = int(raw)
        except ValueError:
            raise ValueError(
                f"{MAX_CHARS_ENV}={raw!r} is not a whole number of characters"
            ) from None
    if value < 0:
        raise ValueError(f"the content cap must be 0 or more characters, not {value}")
    return value


def extract(con: duckdb.DuckDBPyConnection, source: str, cap: int) -> None:
    """Insert the content rows of the staging relation ``source`` (``cg_stage``,
    ``cg_batch``, or ``cg_logs``: log records, :mod:`analyzer.content_logs`) into
    ``content``; spans that already have content are skipped, so re-ingesting never
    duplicates. A cap of 0 stores nothing."""
    if source not in _SOURCES:
        raise ValueError(f"unknown staging relation {source!r}")
    if cap <= 0 or not has_content_table(con):
        return
    statement = "INSERT INTO content " + queries.sql("content_extract").replace("{source}", source)
    con.execute(statement, queries.bind(statement, {**_PARAMS, "cap": cap}))


def may_carry(table: pa.Table) -> bool:
    """Whether any span of a staging table (``STAGE_SCHEMA``) has a key or an event
    :func:`extract` reads content from: when none has, its query can be skipped
    (testing the batch's keys here is a hundred times cheaper)."""
    for maps in table.column("attributes").chunks:
        if pc.any(pc.is_in(maps.keys, _MARKER_KEYS)).as_py():
            return True
    for events in table.column("events").chunks:
        names = pc.struct_field(events.flatten(), "name")
        if pc.any(pc.is_in(names, _MARKER_EVENTS)).as_py():
            return True
    return False


def has_content_table(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether the database has a ``content`` table (stores created before it existed,
    opened read-only, have none: their runs analyze without content)."""
    ((n,),) = con.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'content' AND NOT temporary"
    ).fetchall()
    return bool(n)
