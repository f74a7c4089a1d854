"""The turns of the failed runs as a Polars frame, with what the suspect features read.

:func:`load` runs the named queries ``suspect_turns`` and ``suspect_turn_text``
(analyzer/queries/suspects.sql) and adds, per turn: its ``atoms`` (numbers,
identifiers, quoted strings, file names, URLs: the things a result rests on),
whether it holds code, whether its agent is an executor, and whether it shows a
failure. Executors are recognised by structure only, never by a framework's
wording: a tool span (or ``tool`` actor), or an agent that never writes code and
whose turns mostly follow another agent's code.
"""

from __future__ import annotations

from typing import Any, Final

import duckdb
import polars as pl

from analyzer import content, queries
from analyzer.suspects.messages import readable_column
from tracer import semconv

__all__ = [
    "ATOM",
    "CODE",
    "EXCEPTION_MESSAGES",
    "FAIL",
    "MARKS",
    "PROGRAM_RUN",
    "TROUBLE",
    "annotate",
    "atoms",
    "load",
    "params",
    "tool_calls",
]

EXCEPTION_MESSAGES: Final = f'$[*].attributes."{semconv.EXCEPTION_MESSAGE}"'
"""The messages of a span's exception events (a JSON path into ``spans.events``)."""

# bound beside the vocabulary (analyzer.queries.bind supplies operations, actors and
# content directions)
_VALUES: Final = {
    # the first spans whose input is read (the run span among them): more than the
    # dropped_constraint feature's FIRST_STEPS
    "first_inputs": 8,
    # rules that name their agent from an explicit record (a plan defect, a handoff
    # violation, an assembly error, an omission): the text of their runs is not read
    "settled_rules": [
        "decomposition_recorded",
        "handoff",
        "assembly",
        "decomposition_omission",
    ],
    "exc_message_path": EXCEPTION_MESSAGES,
}

_A_CODE: Final = semconv.Actor.CODE.value

ATOM: Final = (
    r"https?://[^\s)\]>\"'`]*[^\s)\]>\"'`.,;:!?]"
    r"|\b[A-Za-z]*\d+(?:-\d+)+\b|\b[A-Z]\d{3,}[A-Z]?\b"
    r"|\b[\w-]+\.(?:py|csv|json|txt|xlsx?|pdf|md|html?|png|jpe?g|docx?|pptx?|zip|xml|ya?ml|sh|js)\b"
    r"|\b[a-z][a-z0-9]*_[a-z0-9_]+\b|\b[a-z]+[A-Z][A-Za-z0-9]*\b"
    r"|\"[^\"\s\d\\:=()\[\]{}]+(?: [^\"\s\d\\:=()\[\]{}]+){1,4}\""
    r"|'[^'\s{}\\()\[\]=]{3,30}(?: [^'\s{}\\()\[\]=]+){0,4}'"
    r"|-?\d[\d,]*\.\d+(?:e[+-]?\d+)?|-?(?:\d{1,3}(?:,\d{3})+\b|\d{2,})(?:e[+-]?\d+)?"
    r"|[a-z,;:] [A-Z][a-zA-Z]{3,}(?: [A-Z][a-zA-Z]+)*\b"
)
"""What a result rests on: URLs (without the sentence's punctuation after them), digit
groups joined by hyphens as one value (a date ``2024-03-08``, a range ``1950-2024``, an
id ``HT301-101-03``; a word glued before digits is cut off them: ``rates-2024`` is
the year 2024, ``packaged-2026-02`` the month 2026-02, while a one-letter prefix
stays a sign of an id, ``C-097``), a capital glued to three or more digits as one id
(``A2625``, an application, not the year 2625; ``FY2024`` stays the year), file
names, identifiers (snake or camel case),
short quoted phrases (two to five words in double quotes, so JSON keys and whole
JSON values are not atoms; words without digits or code punctuation, so a quoted
program or escaped JSON is read for its numbers and names, not as one phrase; one
to five in single quotes, without code punctuation or an escape, so that the text
between two quoted strings of an escaped program is none; never a format template
with braces), decimals and numbers of two digits or more (8,412 whole; a thousands
group ends at a word boundary, so the CSV fields ``1,2026-04-02`` are a one and a date,
no 1,202), and names (capitalised words inside a sentence; not the head of a longer
identifier: ``the Verification_Expert`` holds no name)."""

GENERATED_ID: Final = (
    r"(?i)\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b"
    r"|\b[0-9]*[a-f][0-9a-f]{10,}\b"
)
"""A machine-made id inside a message (a UUID; a hex id of 12 or more characters
with a letter in it): no value, and its digit groups are no figures (``-86e1`` in a
message id is not 860). Only whole words go: ``2024``, ``1.2e5``, ``FY2024`` stay."""

ESCAPE: Final = r"\\[nrt]"
"""An escaped line break or tab (``\\n`` in JSON text: a CSV or a program kept as a
string): it parts values as a real one does (the date opening a CSV line is
``2027-06-08``, not ``n2027-06-08``)."""

FLOAT_DECIMALS: Final = 9
"""A decimal printed with twelve or more places is rounded to this many (a float's
printing artefact, such as ``0.30000000000000004``, is not a value of its own)."""

CODE: Final = content.CODE
"""A program in a message (:data:`analyzer.content.CODE`)."""

FAIL: Final = (
    r"(?i)exit ?(?:code|status)\W{0,3}-?[1-9]\d*|traceback \(most recent call last\)"
    r"|command not found|\bno such file\b|\b[A-Z]?[a-z]*(?:Error|Exception):"
    r"|\b(?:http(?:/\d(?:\.\d)?)?|status(?: code)?|error code)\W{0,3}[45]\d\d\b"
    r"|\"error\"\s*:\s*[{\"]|\"(?:ok|success)\"\s*:\s*false\b"
)
"""A failed run in a program's or tool's output: a non-zero exit status, a traceback,
a missing command or file (the system's own wording), an error line, an HTTP 4xx/5xx,
an error object, a result that says it did not succeed (``"ok": false``)."""

PROGRAM_RUN: Final = r"(?i)exit ?(?:code|status)|traceback \(most recent call last\)"
"""A program's run reported in a message, failed or not: its exit status or a
traceback."""

TROUBLE: Final = (
    r"(?i)\b(?:I|we) (?:was|were|am|are|have been) (?:unable|not able) to\b"
    r"|\b(?:I|we) (?:could not|couldn't|cannot|can't|failed to)\b"
    r"|\b(?:stuck|going in circles|in a loop|not making (?:any )?progress|no progress)\b"
)
"""Trouble reported in plain language (first person or about the team)."""


def params(name: str) -> dict[str, Any]:
    """The bound values the named query uses."""
    return queries.params(name, **_VALUES)


_COLUMNS: Final = (
    "trace_id", "span_id", "name", "operation", "actor", "agent", "owner_span_id",
    "is_run", "is_tool", "is_call", "output", "input", "turn",
)  # fmt: skip


def load(con: duckdb.DuckDBPyConnection, *, read_all: bool = False) -> pl.DataFrame:
    """The turns of the failed runs: the query's columns plus ``atoms`` (list of
    normalised atoms of the output), ``has_code``, ``fails``, ``trouble``,
    ``is_exec`` and ``substantive`` (a non-run, non-executor turn with output).
    ``read_all``: the text of every failed run, also of those an explicit record
    settled (the ranking does not read those)."""
    frame = con.sql(queries.sql("suspect_turns"), params=params("suspect_turns")).pl()
    if content.has_content_table(con):
        text = _text(con, frame, read_all=read_all)
        frame = frame.join(text, on=["trace_id", "span_id"], how="left")
        frame = frame.with_columns(readable_column("output"), readable_column("input"))
        frame = _without_echoes(frame)
    else:
        frame = frame.with_columns(output=pl.lit(None, pl.String), input=pl.lit(None, pl.String))
    return annotate(frame.sort("trace_id", "turn").select(_COLUMNS))


ECHO_MIN: Final = 40
"""Characters (blanks and escapes aside) an output needs to be read as an echo of its
input: a short reply ("OK") inside a long input is no echo."""


def _without_echoes(frame: pl.DataFrame) -> pl.DataFrame:
    """``frame`` with the output of every echo (:func:`_echo`) dropped; only the turns
    whose input was read are compared (the others cannot be one)."""
    echoes = frame.filter(pl.col("input").is_not_null()).filter(_echo())
    if echoes.height == 0:
        return frame
    keys = echoes.select("trace_id", "span_id", echo=pl.lit(True))
    return (
        frame.join(keys, on=["trace_id", "span_id"], how="left", maintain_order="left")
        .with_columns(output=pl.when(pl.col("echo").is_null()).then(pl.col("output")))
        .drop("echo")
    )


def _echo() -> pl.Expr:
    """Whether a turn's output is its own input said back (blanks and escapes aside): a
    chat's opening message recorded as the output of the span that sent it, say. An
    echo says nothing new: its text is the input's, not the turn's words."""
    out = pl.col("output").str.replace_all(content.TEXT_NOISE, "")
    given = pl.col("input").str.replace_all(content.TEXT_NOISE, "")
    return ((out.str.len_chars() >= ECHO_MIN) & given.str.contains(out, literal=True)).fill_null(
        False
    )


def _text(
    con: duckdb.DuckDBPyConnection, turns: pl.DataFrame, *, read_all: bool = False
) -> pl.DataFrame:
    """The output and wanted input text of ``turns`` (``suspect_turn_text``; ``read_all``:
    of the runs an explicit record settled too)."""
    keys = turns.select(
        "trace_id", "span_id", "wants_input", hands=pl.col("operation") == semconv.OP_HANDOFF
    )
    con.register("cg_turn_keys", keys)
    try:
        name = "suspect_turn_text"
        values = params(name)
        if read_all:
            values["settled_rules"] = []
        return con.sql(queries.sql(name), params=values).pl()
    finally:
        con.unregister("cg_turn_keys")


MARKS: Final = ("atoms", "has_code", "fails", "trouble")
"""The columns :func:`annotate` derives from each turn's own output."""


def annotate(frame: pl.DataFrame, *, fresh: str | None = None) -> pl.DataFrame:
    """Add the derived columns to a turns frame (see :func:`load`). ``fresh``: a boolean
    column marking the rows whose output changed since the frame's :data:`MARKS` were
    derived; only those are read again (the marks of a turn depend on its output and
    its run's agents alone), and the column is dropped."""
    names = frame.select(
        "trace_id", name=pl.col("agent").str.to_lowercase().str.replace(r"\s*\(.*$", "")
    ).unique()
    known = names.group_by("trace_id").agg(names=pl.col("name"))
    if fresh is None:
        return _mark_executors(_marks(frame, known))
    columns = [c for c in frame.columns if c != fresh]
    kept = frame.filter(~pl.col(fresh)).select(columns)
    read = _marks(frame.filter(pl.col(fresh)).drop(fresh, *MARKS), known).select(columns)
    # unordered: _mark_executors orders the turns it reads itself
    return _mark_executors(pl.concat([kept, read]))


def _marks(frame: pl.DataFrame, known: pl.DataFrame) -> pl.DataFrame:
    """``frame`` with :data:`MARKS` derived from its output; ``known``: each run's agent
    names (trace_id, names), none of which is an atom."""
    out = pl.col("output").fill_null("")
    frame = frame.with_columns(atoms=atoms(out))
    frame = (
        frame.join(known, on="trace_id", how="left")
        .with_columns(
            # an agent's own name is no value a result rests on
            atoms=pl.col("atoms").list.set_difference(
                pl.col("names").fill_null(pl.lit([], pl.List(pl.String)))
            )
        )
        .drop("names")
    )
    return frame.with_columns(
        has_code=out.str.contains(CODE),
        fails=out.str.contains(FAIL),
        trouble=out.str.contains(TROUBLE),
    )


def atoms(text: pl.Expr) -> pl.Expr:
    """Normalised atoms of a text: quotes stripped, lower case, thousands separators
    and trailing decimal zeros dropped, a binary float's printing artefact rounded
    (``1.9000000000000001`` is the 1.9 a program computed)."""
    bare = pl.element().str.replace(r"^[a-z,;:] ", "").str.strip_chars("\"'").str.to_lowercase()
    separated = bare.str.contains(r"^-?\d+(?:,\d{3})+(?:\.\d+)?$")
    cleaned = (
        pl.when(separated)
        .then(bare.str.replace_all(",", "", literal=True))
        .otherwise(bare)
        .str.replace(r"^(-?\d+\.\d*?)0+((?:e[+-]?\d+)?)$", "$1$2")
        .str.strip_suffix(".")
    )
    long_decimal = cleaned.str.contains(r"^-?\d+\.\d{12,}$")
    rounded = cleaned.cast(pl.Float64, strict=False).round(FLOAT_DECIMALS).cast(pl.String)
    return (
        text.str.replace_all(f"{GENERATED_ID}|{ESCAPE}", " ")
        .str.replace_all(r"([A-Za-z]{2})-(\d)", "$1 $2")
        .str.extract_all(ATOM)
        .list.eval(pl.when(long_decimal).then(rounded).otherwise(cleaned))
        .list.unique()
    )


def tool_calls(t: pl.DataFrame) -> pl.DataFrame:
    """(trace_id, span_id, turn, agent, owner_span_id, atoms): every tool call of a
    turns frame whose input was read and that was made in a step (``owner_span_id``),
    with the atoms of its input (its arguments, the code it ran)."""
    return t.filter(
        pl.col("is_tool") & pl.col("input").is_not_null() & pl.col("owner_span_id").is_not_null()
    ).select("trace_id", "span_id", "turn", "agent", "owner_span_id", atoms=atoms(pl.col("input")))


def _earlier(expr: pl.Expr, k: int) -> pl.Expr:
    """``expr`` k turns earlier in the same run, on a frame sorted by run and turn
    (null before the run's first turn): a plain shift, no per-run window."""
    return pl.when(pl.col("trace_id").shift(k) == pl.col("trace_id")).then(expr.shift(k))


def _mark_executors(frame: pl.DataFrame) -> pl.DataFrame:
    """``is_exec``: a tool's turn, or a turn of an agent that never writes code in the
    run, replies right after another agent's code at least once (or after code and
    one message calling it by name, or another agent's holding no digit: "run it"; a
    code actor need not), and whose content
    turns mostly come after code (a code turn since its previous turn, within the
    last three turns); the detectors' ``detector_messages`` uses the same rule."""
    said = frame.filter(pl.col("output").is_not_null() & ~pl.col("is_run"))
    # a run where no turn holds code has no executor (nothing comes after code): its
    # turns are not read for names and order
    coded = said.filter(pl.col("has_code")).select("trace_id").unique()
    said = (
        said.join(coded, on="trace_id", how="semi")
        .select("trace_id", "turn", "agent", "actor", "output", "has_code", "is_tool", "is_call")
        .sort("trace_id", "turn")
    )
    code_turn = pl.when(pl.col("has_code")).then(pl.col("turn"))
    recent = pl.max_horizontal(*(_earlier(code_turn, k) for k in (1, 2, 3)))
    previous_own = pl.col("turn").shift(1).over(["trace_id", "agent"], order_by="turn")
    names = said.select("trace_id", other=pl.col("agent").str.to_lowercase()).unique().drop_nulls()
    addressed = (
        said.select("trace_id", "turn", "agent", low=pl.col("output").str.to_lowercase())
        .join(names, on="trace_id")
        .filter(
            (pl.col("other") != pl.col("agent").str.to_lowercase().fill_null(""))
            & pl.col("low").str.contains(pl.col("other"), literal=True)
        )
        .select("trace_id", "turn", names_other=pl.lit(True))
        .unique()
    )
    # a message that names another agent of the run is an instruction, not output
    said = said.join(
        addressed, on=["trace_id", "turn"], how="left", maintain_order="left"
    ).with_columns(instruction=pl.col("names_other").fill_null(False))
    said = said.with_columns(
        after_code=(recent.fill_null(-1) > previous_own.fill_null(-1))
        & ~pl.col("has_code")
        & ~pl.col("instruction"),
        # right after code, or after code and one message that calls this agent by
        # name, or that holds no digit and is not the code's author's (an orchestrator
        # passing the code on: "run it")
        right_after=(
            _earlier(pl.col("has_code"), 1).fill_null(False)
            | (
                _earlier(pl.col("has_code"), 2).fill_null(False)
                & (
                    _earlier(pl.col("output"), 1)
                    .fill_null("")
                    .str.to_lowercase()
                    .str.contains(
                        pl.col("agent").fill_null("\u0000").str.to_lowercase(), literal=True
                    )
                    | (
                        ~_earlier(pl.col("output"), 1).fill_null("0").str.contains(r"\d")
                        & (_earlier(pl.col("agent"), 1) != _earlier(pl.col("agent"), 2)).fill_null(
                            False
                        )
                    )
                )
            )
        )
        & ~pl.col("has_code")
        & ~pl.col("instruction"),
    )
    per_agent = (
        said.filter(pl.col("agent").is_not_null() & ~pl.col("is_tool"))
        .group_by("trace_id", "agent")
        .agg(
            wrote=pl.col("has_code").any(),
            after=pl.col("after_code").sum(),
            right=pl.col("right_after").sum(),
            n=pl.len(),
            coded=(pl.col("actor") == _A_CODE).all(),
            called=pl.col("is_call").any(),
        )
        # a code actor (the integration said so) need not answer right after the code:
        # an orchestrator may say "run it" between
        # an agent whose words are its model calls (cg_said) runs no one's code
        .filter(
            ~pl.col("wrote")
            & ~pl.col("called")
            & ((pl.col("right") >= 1) | pl.col("coded"))
            & (pl.col("after") * 2 >= pl.col("n"))
        )
        .select("trace_id", "agent", exec_agent=pl.lit(True))
    )
    frame = frame.join(per_agent, on=["trace_id", "agent"], how="left")
    return (
        frame.with_columns(
            is_exec=pl.col("is_tool") | pl.col("exec_agent").fill_null(False),
        )
        .with_columns(
            substantive=~pl.col("is_run")
            & ~pl.col("is_exec")
            & pl.col("agent").is_not_null()
            & (pl.col("output").str.len_chars().fill_null(0) > 0),
        )
        .drop("exec_agent")
    )
