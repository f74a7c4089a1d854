"""Exporters and the processor coordgap installs.

- :class:`LocalStoreExporter`: OTLP/JSON lines, one append-only file per
  process under ``./.coordgap/spans/`` (docs/internals.md §2). Each export is
  one ``write`` of one complete line, so a crash leaves at most a torn last line.
- :class:`GuardedExporter`: wraps any exporter; an exporter that raises is
  logged once and its spans counted as dropped, never propagated.
- :class:`TallyBatchProcessor`: a batch processor that counts the spans it was
  given, so the spans that never reached the backend can be reported once.
- :func:`build_exporter`: ``"local"``, ``"otlp"``, ``"console"``, ``"none"`` or
  a ``SpanExporter`` instance -> the exporter to install.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import socket
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from opentelemetry.sdk.trace import ReadableSpan, Span, SpanProcessor
from opentelemetry.sdk.trace.export import (
    BatchSpanProcessor,
    ConsoleSpanExporter,
    SpanExporter,
    SpanExportResult,
)

from tracer._guard import logger, warn_once
from tracer._otlp_json import encode_request

__all__ = [
    "GuardedExporter",
    "LocalStoreExporter",
    "NullExporter",
    "SwitchProcessor",
    "TallyBatchProcessor",
    "build_exporter",
    "otlp_protocol",
]

_HOST_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")
GRPC_MISSING = (
    "OTEL_EXPORTER_OTLP_PROTOCOL=grpc needs pip install 'coordgap[grpc]'; spans are not exported"
)


class LocalStoreExporter(SpanExporter):
    """Append OTLP/JSON lines to ``<directory>/spans-<host>-<pid>-<start>.jsonl``.

    The file is created on the first export (nothing is written for a process
    that records nothing) and re-created after a fork, so each process writes
    its own file and several processes can share one directory.
    """

    def __init__(self, directory: str | os.PathLike[str]) -> None:
        self.directory = Path(directory)
        self._lock = threading.Lock()
        self._fd: int | None = None
        self._pid = -1
        self.path: Path | None = None

    def _open(self) -> int:
        pid = os.getpid()
        if self._fd is not None and self._pid == pid:
            return self._fd
        self.directory.mkdir(parents=True, exist_ok=True)
        host = _HOST_UNSAFE.sub("_", socket.gethostname()) or "host"
        start = time.time_ns() // 1_000_000
        self.path = self.directory / f"spans-{host}-{pid}-{start}.jsonl"
        # O_APPEND: every write lands at the end even if something else appends too.
        self._fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        self._pid = pid
        return self._fd

    def export(self, spans: Sequence[ReadableSpan]) -> SpanExportResult:
        if not spans:
            return SpanExportResult.SUCCESS
        line = json.dumps(encode_request(spans), separators=(",", ":"), ensure_ascii=False)
        self.append((line + "\n").encode("utf-8"))
        return SpanExportResult.SUCCESS

    def append(self, data: bytes, *, durable: bool = False) -> None:
        """Append whole lines ``data`` (each one OTLP/JSON request) in one locked write.

        ``durable`` fsyncs before returning, so what returned is on disk (the
        OTLP receiver answers success only after this). Raises ``OSError``.
        """
        with self._lock:
            fd = self._open()
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            if durable:
                os.fsync(fd)

    def force_flush(self, timeout_millis: int = 30000) -> bool:
        return True  # every export is written straight to the file

    def shutdown(self) -> None:
        with self._lock:
            if self._fd is not None and self._pid == os.getpid():
                os.close(self._fd)
            self._fd = None


class NullExporter(SpanExporter):
    """Accepts and discards spans (``exporter="none"``; benchmarks)."""

    def export(self, spans: Sequence[ReadableSpan]) -> SpanExportResult:
        return SpanExportResult.SUCCESS


class GuardedExporter(SpanExporter):
    """Wrap ``inner`` so that it never raises and its deliveries are counted."""

    def __init__(self, inner: SpanExporter, label: str) -> None:
        self.inner = inner
        self.label = label
        self.exported = 0
        self.failed = 0
        self._lock = threading.Lock()

    def export(self, spans: Sequence[ReadableSpan]) -> SpanExportResult:
        try:
            result = self.inner.export(spans)
        except Exception:  # the exporter is not user code we may break
            logger.debug("coordgap: exporter %s raised", self.label, exc_info=True)
            warn_once(
                "export-raised:" + self.label,
                "exporter %s raised while exporting; its spans are dropped "
                "(logged once; the count is reported at exit)",
                self.label,
            )
            result = SpanExportResult.FAILURE
        with self._lock:
            if result is SpanExportResult.SUCCESS:
                self.exported += len(spans)
            else:
                self.failed += len(spans)
        return result

    def force_flush(self, timeout_millis: int = 30000) -> bool:
        try:
            return bool(self.inner.force_flush(timeout_millis))
        except Exception:
            warn_once("flush-raised:" + self.label, "exporter %s raised on flush", self.label)
            return False

    def shutdown(self) -> None:
        try:
            self.inner.shutdown()
        except Exception:
            warn_once("shutdown-raised:" + self.label, "exporter %s raised on shutdown", self.label)


class TallyBatchProcessor(BatchSpanProcessor):
    """A :class:`BatchSpanProcessor` that counts the spans handed to it."""

    def __init__(self, exporter: GuardedExporter, **kwargs: float) -> None:
        super().__init__(exporter, **kwargs)  # type: ignore[arg-type]
        self.guarded = exporter
        self.reported = False  # undelivered spans are reported once
        self._ended = itertools.count()

    def on_end(self, span: ReadableSpan) -> None:
        # next() on itertools.count is atomic under the GIL: no lock on the hot path.
        next(self._ended)
        super().on_end(span)

    @property
    def ended(self) -> int:
        # count's repr is "count(N)"; reading it does not advance the counter.
        return int(repr(self._ended)[6:-1])


class SwitchProcessor(SpanProcessor):
    """The one processor coordgap adds to a provider it owns.

    Re-configuring swaps what it delegates to, so a provider that is already
    the global one (set-once) follows the new settings.
    """

    def __init__(self) -> None:
        self.inner: TallyBatchProcessor | None = None

    def on_start(self, span: Span, parent_context: Any = None) -> None:
        inner = self.inner
        if inner is not None:
            inner.on_start(span, parent_context)

    def on_end(self, span: ReadableSpan) -> None:
        inner = self.inner
        if inner is not None:
            inner.on_end(span)

    def shutdown(self) -> None:
        # Shutting the provider down is done by tracer.shutdown() with a deadline.
        pass

    def force_flush(self, timeout_millis: int = 30000) -> bool:
        inner = self.inner
        return True if inner is None else bool(inner.force_flush(timeout_millis))


def otlp_protocol() -> str:
    """The OTLP protocol the standard variables ask for (default ``http/protobuf``)."""
    value = (
        os.environ.get("OTEL_EXPORTER_OTLP_TRACES_PROTOCOL")
        or os.environ.get("OTEL_EXPORTER_OTLP_PROTOCOL")
        or "http/protobuf"
    )
    return value.strip().lower()


def _otlp_exporter(endpoint: str | None) -> tuple[SpanExporter, str]:
    protocol = otlp_protocol()
    if protocol == "grpc":
        try:
            from opentelemetry.exporter.otlp.proto.grpc.trace_exporter import (
                OTLPSpanExporter as GrpcExporter,
            )
        except ImportError:
            warn_once("grpc-extra", GRPC_MISSING)
            return NullExporter(), "none (OTLP/gRPC exporter not installed)"

        exporter: SpanExporter = GrpcExporter(endpoint=endpoint) if endpoint else GrpcExporter()
        target = endpoint or getattr(exporter, "_endpoint", "") or "OTLP/gRPC"
        return exporter, f"otlp grpc {target}"
    if protocol == "http/protobuf":
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import (
            OTLPSpanExporter as HttpExporter,
        )

        if endpoint:
            parsed = urlparse(endpoint)
            # A bare base URL means the collector's root, as OTEL_EXPORTER_OTLP_ENDPOINT does.
            if parsed.path in ("", "/"):
                endpoint = endpoint.rstrip("/") + "/v1/traces"
            exporter = HttpExporter(endpoint=endpoint)
        else:
            exporter = HttpExporter()
        target = endpoint or getattr(exporter, "_endpoint", "") or "OTLP/HTTP"
        return exporter, f"otlp http {target}"
    raise ValueError(
        f"coordgap: OTLP protocol {protocol!r} is not supported "
        "(OTEL_EXPORTER_OTLP_PROTOCOL must be 'grpc' or 'http/protobuf')"
    )


def build_exporter(
    exporter: str | SpanExporter, *, path: str | os.PathLike[str], endpoint: str | None
) -> tuple[SpanExporter, str]:
    """Return ``(exporter, label)``; raise ``ValueError`` on an unknown name."""
    if isinstance(exporter, SpanExporter):
        return exporter, type(exporter).__name__
    name = exporter.strip().lower()
    if name == "local":
        return LocalStoreExporter(path), f"local store {path}"
    if name == "otlp":
        return _otlp_exporter(endpoint)
    if name == "console":
        return ConsoleSpanExporter(), "console"
    if name == "none":
        return NullExporter(), "none"
    raise ValueError(
        f"coordgap: unknown exporter {exporter!r} "
        "(expected 'local', 'otlp', 'console', 'none' or a SpanExporter instance)"
    )
