"""Exporters and the processor coordgap installs.

- ``"local"``: :class:`tracer.store_format.LocalStoreExporter`, the local
  store (its format is defined in :mod:`tracer.store_format`).
- :class:`GuardedExporter`: wraps any exporter; an exporter that raises is
  logged once and its spans counted as dropped, never propagated.
- :class:`TallyBatchProcessor`: a batch processor that counts the spans it was
  given, so the spans that never reached the backend can be reported once.
- :func:`build_exporter`: ``"local"``, ``"otlp"``, ``"console"``, ``"none"`` or
  a ``SpanExporter`` instance -> the exporter to install.
"""

from __future__ import annotations

import itertools
import os
import threading
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
from tracer.store_format import StoreFile, encode_line

__all__ = [
    "GuardedExporter",
    "LocalStoreExporter",
    "NullExporter",
    "SwitchProcessor",
    "TallyBatchProcessor",
    "build_exporter",
    "otlp_protocol",
]

GRPC_MISSING = (
    "OTEL_EXPORTER_OTLP_PROTOCOL=grpc needs pip install 'coordgap[grpc]'; spans are not exported"
)


class LocalStoreExporter(SpanExporter):
    """The local store as a ``SpanExporter``: each export is one line of one file.

    The format and the file are :mod:`tracer.store_format`'s; ``path`` is the
    file written (None before the first export).
    """

    def __init__(self, directory: str | os.PathLike[str]) -> None:
        self.file = StoreFile(directory)

    @property
    def directory(self) -> Path:
        return self.file.directory

    @property
    def path(self) -> Path | None:
        return self.file.path

    def export(self, spans: Sequence[ReadableSpan]) -> SpanExportResult:
        if spans:
            self.file.append(encode_line(spans))
        return SpanExportResult.SUCCESS

    def force_flush(self, timeout_millis: int = 30000) -> bool:
        return True  # every export is written straight to the file

    def shutdown(self) -> None:
        self.file.shutdown()


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
