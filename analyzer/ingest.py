"""Reading trace files into the ``spans`` table (the work behind ``Store.ingest``).

Per file: detect the format, then either read OTLP/JSON lines in chunks
(:mod:`analyzer.formats.otlp_arrow`, falling back to DuckDB's reader for a chunk
it cannot read exactly) or stream the file through its Python reader in Arrow
batches. Every path appends through the same normalization
(:mod:`analyzer.ingest_sql`); after all files, repeated spans are deleted (the
first seen stays) and :data:`analyzer.relations.LINK_SQL` fills what needs
neighbouring spans. The caller owns the transaction; every error here is a
:class:`FormatError` (one line: file, where, what was expected).
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import duckdb
import pyarrow as pa

from analyzer import (
    content,
    content_logs,
    ingest_sql,
    mapping_autogen,
    mapping_dspy,
    mapping_langgraph,
    mapping_llamaindex,
    mapping_n8n,
    mapping_unnamed,
    observations,
    relations,
)
from analyzer.formats import (
    GZIP_ERRORS,
    OTLP_JSON,
    Detected,
    FormatError,
    detect,
    gzip_error,
    is_trace_file,
    open_stream,
    otlp_arrow,
    read_rows,
    read_tables,
)
from tracer import semconv

__all__ = [
    "FormatError",
    "IngestProgress",
    "IngestResult",
    "RetryWithPython",
    "expand",
    "link_spans",
    "run",
]


@dataclass
class IngestResult:
    """What one ``Store.ingest`` call did."""

    files: int = 0
    spans_read: int = 0
    spans_added: int = 0
    duplicates: int = 0  # spans already stored, or repeated in the input
    torn_lines: int = 0  # torn last lines of JSON-lines files, skipped
    log_records: int = 0  # OTLP log records read (GenAI messages among them: content)
    by_format: dict[str, int] = field(default_factory=dict)  # format -> spans read
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class IngestProgress:
    """Progress of one ingest, in bytes over all input files."""

    path: str
    file_index: int
    files: int
    bytes_done: int
    bytes_total: int
    spans_read: int


ProgressCallback = Callable[[IngestProgress], None]


class RetryWithPython(Exception):
    """DuckDB could not read a file that the Python reader finds well formed
    (e.g. a line above DuckDB's object size limit): roll back and read that file
    with the Python reader."""

    def __init__(self, path: str) -> None:
        super().__init__(path)
        self.path = path


def expand(paths: Iterable[str | os.PathLike[str]]) -> list[str]:
    """Files to read: files as given, directories walked (sorted) for trace files."""
    out: list[str] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            out.extend(str(p) for p in sorted(path.rglob("*")) if p.is_file() and is_trace_file(p))
        elif path.is_file():
            out.append(str(path))
        else:
            raise FormatError(str(path), "", "no such file or directory")
    return out


def _torn_tail(path: str, detected: Detected) -> bool:
    """Whether a plain JSON-lines file ends in an unterminated line that does not
    parse (a crashed writer), which DuckDB would reject. Such a file goes through
    the Python reader, which skips that line with a warning; nothing records the
    file as read, so the next ingest takes the line once the writer finished it."""
    if detected.lone_torn:
        return True
    if detected.gzip:
        return False
    size = os.path.getsize(path)
    if size == 0:
        return False
    with open(path, "rb") as f:
        f.seek(size - 1)
        if f.read(1) == b"\n":
            return False
        back = min(size, 1 << 20)
        f.seek(size - back)
        tail = f.read(back)
    if b"\n" not in tail.rstrip(b"\n"):
        return False  # a single unterminated line is not a torn append: report it
    last = tail.rsplit(b"\n", 1)[-1]
    try:
        json.loads(last)
    except (ValueError, RecursionError):
        return True
    return False


def run(
    con: duckdb.DuckDBPyConnection,
    paths: Iterable[str | os.PathLike[str]],
    *,
    python_only: frozenset[str] = frozenset(),
    progress: ProgressCallback | None = None,
    max_content: int = content.DEFAULT_MAX_CHARS,
) -> IngestResult:
    """Read every file into ``spans`` (and their text, capped at ``max_content``
    characters a span, into ``content``) inside the caller's transaction."""
    files = expand(paths)
    result = IngestResult(files=len(files))
    sizes = [os.path.getsize(f) for f in files]
    total = sum(sizes)
    done = 0
    since = ingest_sql.next_rowid(con)
    appended = 0
    logs = content_logs.LogContent(con)
    for index, path in enumerate(files):
        detected = detect(path)
        report = _reporter(progress, path, index, len(files), done, total, result)
        bulk = (
            detected.format == OTLP_JSON
            and detected.lines
            and detected.prefix == "resourceSpans.item"  # also a file of log records
            and not detected.empty
            and path not in python_only
            and not _torn_tail(path, detected)
        )
        if bulk:
            read = _bulk_file(con, path, detected, sizes[index], report, max_content, logs)
        else:
            read = _python_file(con, path, detected, sizes[index], report, result, max_content)
            if detected.format == OTLP_JSON and not detected.empty:
                with open_stream(path, detected.gzip) as stream:
                    logs.add_stream(stream, detected.lines)
        result.spans_read += read
        appended += read
        result.by_format[detected.format] = result.by_format.get(detected.format, 0) + read
        done += sizes[index]
        report(sizes[index])
    result.spans_added = appended - ingest_sql.dedup(con, since) if appended else 0
    if result.spans_added:
        link_spans(con)
    logs.finish(max_content)  # after the spans' own content, which goes first
    result.log_records = logs.records
    result.duplicates = result.spans_read - result.spans_added
    return result


#: Mappings of one framework as other instrumentations (or the framework itself, beside
#: coordgap's integration) record it, run after LINK_SQL; each is idempotent and a
#: no-op on stores without that framework.
FRAMEWORK_LINKS: tuple[Callable[[duckdb.DuckDBPyConnection], None], ...] = (
    mapping_autogen.link,
    mapping_langgraph.link,
    mapping_llamaindex.link,
    # before mapping_unnamed: DSPy's adapter span holds its calls, the user's module is the agent
    mapping_dspy.link,
    # after the others: only runs they gave no agent
    mapping_unnamed.link,
    # last: it reads which spans the mappings above made tool calls and agents
    observations.link,
)


def link_spans(con: duckdb.DuckDBPyConnection) -> None:
    """Fill the normalized columns that depend on neighbouring spans
    (:data:`analyzer.relations.LINK_SQL`, then :data:`FRAMEWORK_LINKS`); idempotent."""
    for statement in mapping_n8n.N8N_SQL:  # first: LINK_SQL reads the agents it names
        con.execute(statement, mapping_n8n.params(statement))
    relations.link(con)
    for link in FRAMEWORK_LINKS:
        link(con)


def _reporter(
    progress: ProgressCallback | None,
    path: str,
    index: int,
    files: int,
    before: int,
    total: int,
    result: IngestResult,
) -> Callable[[int], None]:
    def report(file_bytes: int) -> None:
        if progress is not None:
            progress(
                IngestProgress(path, index, files, before + file_bytes, total, result.spans_read)
            )

    return report


def _bulk_file(
    con: duckdb.DuckDBPyConnection,
    path: str,
    detected: Detected,
    size: int,
    report: Callable[[int], None],
    max_content: int,
    logs: content_logs.LogContent,
) -> int:
    """Append an OTLP/JSON-lines file a chunk at a time (parsed by pyarrow in a
    second thread while DuckDB appends the chunk before), its log records to
    ``logs``; returns the spans read."""
    read = 0
    with open_stream(path, detected.gzip) as stream:
        offset = _Offset(stream)
        try:
            for chunk, table in _staged(otlp_arrow.chunks(stream, ingest_sql.MAX_LINE_BYTES)):
                read += _append_chunk(con, path, detected, chunk, table, max_content)
                logs.add_chunk(chunk)
                report(min(offset.tell(), size))
        except otlp_arrow.LineTooLong:
            raise RetryWithPython(path) from None
        except GZIP_ERRORS as exc:
            raise gzip_error(path, exc) from None
    return read


def _stage(chunk: bytes) -> pa.Table | None:
    """The chunk's staging rows, or None when pyarrow cannot read it exactly."""
    try:
        requests = otlp_arrow.parse(chunk)
        return otlp_arrow.staging(requests, semconv.SERVICE_NAME, OTLP_JSON)
    except (otlp_arrow.NotArrow, pa.ArrowException):
        return None


def _staged(chunks: Iterator[bytes]) -> Iterator[tuple[bytes, pa.Table | None]]:
    """Each chunk with its staging rows, the next one staged while the caller works."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        pending: tuple[bytes, Future[pa.Table | None]] | None = None
        for chunk in chunks:
            future = pool.submit(_stage, chunk)
            if pending is not None:
                yield pending[0], pending[1].result()
            pending = (chunk, future)
        if pending is not None:
            yield pending[0], pending[1].result()


def _append_chunk(
    con: duckdb.DuckDBPyConnection,
    path: str,
    detected: Detected,
    chunk: bytes,
    table: pa.Table | None,
    max_content: int,
) -> int:
    """Append one chunk: its staging rows, or (None) the chunk read by DuckDB."""
    try:
        if table is not None:
            cap = max_content if content.may_carry(table) else 0
            return ingest_sql.append_arrow(con, table, max_content=cap)
        with tempfile.NamedTemporaryFile(suffix=".jsonl") as lines:
            lines.write(chunk)
            lines.flush()
            return ingest_sql.append_otlp_lines(con, lines.name, max_content=max_content)
    except duckdb.Error as exc:
        if "maximum_object_size" not in str(exc):  # a long line is no error: no need to look
            _locate(path, detected)  # raises FormatError when the file is malformed
        raise RetryWithPython(path) from exc


def _locate(path: str, detected: Detected) -> None:
    """Re-read a file DuckDB rejected with the Python reader, which raises a
    FormatError naming the exact line; returns when the file is well formed."""
    with open_stream(path, detected.gzip) as stream:
        for _ in read_rows(path, detected, stream, lambda _msg: None):
            pass


class _Offset:
    """Reports how far a reader got through its file (compressed bytes)."""

    def __init__(self, stream: IO[bytes]) -> None:
        self._stream = stream

    def tell(self) -> int:
        try:
            raw = getattr(self._stream, "fileobj", None) or self._stream
            return int(raw.tell())
        except (OSError, ValueError, AttributeError):
            return 0


def _python_file(
    con: duckdb.DuckDBPyConnection,
    path: str,
    detected: Detected,
    size: int,
    report: Callable[[int], None],
    result: IngestResult,
    max_content: int,
) -> int:
    """Append a file through its streaming Python reader; returns the spans read."""

    def warn(message: str) -> None:
        result.torn_lines += 1
        result.warnings.append(message)

    read = 0
    with open_stream(path, detected.gzip) as stream:
        offset = _Offset(stream)
        for table in read_tables(path, detected, stream, warn):
            read += ingest_sql.append_arrow(con, table, max_content=max_content)
            report(min(offset.tell(), size))
    return read
