"""Deterministic span capture for tests: fixed ids, a fixed clock, plain dicts.

    from tracer.testing import capture

    with capture() as spans:
        my_pipeline()
    assert spans.dicts() == [...]

:func:`capture` points coordgap at a private provider (never the global one)
with an in-memory exporter, sequential ids and a clock that advances 1 µs
(1000 ns) per reading from 1_000_000_000 ns, on a fresh tracer runtime, and
puts the previous runtime back whole afterwards (:func:`runtime`). Not
thread-safe across tests running in parallel.

Internal errors re-raise only when asked: ``COORDGAP_RAISE_INTERNAL_ERRORS=1``,
:func:`raise_internal_errors`, or the fixture body :func:`internal_errors_raise`.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import opentelemetry.sdk.trace as sdk_trace
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.sdk.trace.id_generator import IdGenerator

from tracer import _config, _guard, _runtime, semconv
from tracer._export import LocalStoreExporter
from tracer._guard import reset_once

__all__ = [
    "Captured",
    "FixedIds",
    "LocalStoreExporter",
    "capture",
    "internal_errors_raise",
    "preserve_state",
    "raise_internal_errors",
    "reset_once",
    "runtime",
    "span_dict",
]

CLOCK_START_NS = 1_000_000_000
CLOCK_STEP_NS = 1_000


class FixedIds(IdGenerator):
    """Trace ids 1, 2, ...; span ids 1, 2, ... (as 32/16 hex digits)."""

    def __init__(self) -> None:
        self._traces = itertools.count(1)
        self._spans = itertools.count(1)

    def generate_trace_id(self) -> int:
        return next(self._traces)

    def generate_span_id(self) -> int:
        return next(self._spans)


def _attrs(attrs: Any) -> dict[str, Any]:
    return {k: list(v) if isinstance(v, tuple) else v for k, v in (attrs or {}).items()}


def span_dict(span: ReadableSpan, *, stacktrace: bool = False) -> dict[str, Any]:
    """One finished span as a plain dict (ids as hex, no resource).

    The ``exception.stacktrace`` of exception events holds file paths and line
    numbers; unless ``stacktrace`` is True it is replaced by its last line
    (``"ValueError: boom"``), which is stable.
    """
    ctx = span.get_span_context()
    assert ctx is not None  # finished SDK spans always have one
    events = []
    for event in span.events:
        attrs = _attrs(event.attributes)
        trace_text = attrs.get(semconv.EXCEPTION_STACKTRACE)
        if isinstance(trace_text, str) and not stacktrace:
            attrs[semconv.EXCEPTION_STACKTRACE] = trace_text.strip().splitlines()[-1]
        events.append({"name": event.name, "time": event.timestamp, "attributes": attrs})
    out: dict[str, Any] = {
        "name": span.name,
        "trace_id": format(ctx.trace_id, "032x"),
        "span_id": format(ctx.span_id, "016x"),
        "parent_id": format(span.parent.span_id, "016x") if span.parent else None,
        "kind": span.kind.name,
        "start": span.start_time,
        "end": span.end_time,
        "status": span.status.status_code.name,
        "attributes": _attrs(span.attributes),
        "events": events,
        "links": [
            {
                "trace_id": format(link.context.trace_id, "032x"),
                "span_id": format(link.context.span_id, "016x"),
                "attributes": _attrs(link.attributes),
            }
            for link in span.links
        ],
    }
    if span.status.description:
        out["status_message"] = span.status.description
    return out


class Captured:
    """What :func:`capture` yields: the exporter and helpers to read it."""

    def __init__(self, exporter: InMemorySpanExporter, provider: TracerProvider) -> None:
        self.exporter = exporter
        self.provider = provider

    def spans(self) -> list[ReadableSpan]:
        """Finished spans in the order they ended."""
        return list(self.exporter.get_finished_spans())

    def dicts(self, *, stacktrace: bool = False) -> list[dict[str, Any]]:
        return [span_dict(s, stacktrace=stacktrace) for s in self.spans()]

    def by_name(self, name: str) -> dict[str, Any]:
        """The one finished span called ``name`` (AssertionError if not exactly one)."""
        found = [d for d in self.dicts() if d["name"] == name]
        assert len(found) == 1, f"{len(found)} spans named {name!r}"
        return found[0]

    def clear(self) -> None:
        self.exporter.clear()


@contextmanager
def runtime(fresh: bool = False) -> Iterator[_runtime.Runtime]:
    """Run the block on its own tracer runtime, then put the previous one back whole.

    ``fresh=False``: a copy of the current runtime (the configuration goes on,
    changes made in the block are forgotten); ``True``: an unconfigured one
    (only the process-wide provider and the re-raise switch carry over).
    """
    previous = _runtime.current
    if fresh:
        inner = _runtime.Runtime(previous.process)
        inner.raise_internal = previous.raise_internal
    else:
        inner = previous.copy()
    _runtime.swap(inner)
    try:
        yield inner
    finally:
        _runtime.swap(previous)


@contextmanager
def preserve_state() -> Iterator[None]:
    """Restore coordgap's configuration (tracer, provider, switches) after the block."""
    with runtime():
        yield


@contextmanager
def raise_internal_errors(value: bool | None = True) -> Iterator[None]:
    """Make coordgap's internal errors re-raise (True), be swallowed (False), or leave
    it to ``COORDGAP_RAISE_INTERNAL_ERRORS`` (None) for the block."""
    with _guard.raise_internal_errors(value):
        yield


def internal_errors_raise() -> Iterator[None]:
    """A pytest fixture body: ``fixture(autouse=True)(internal_errors_raise)`` in a
    conftest makes coordgap's own bugs fail the test that hit them."""
    with raise_internal_errors(True):
        yield


@contextmanager
def capture(
    *,
    fixed: bool = True,
    capture_content: bool = False,
    redact: Callable[[str], str] | None = None,
    max_content_length: int | None = None,
    enabled: bool = True,
) -> Iterator[Captured]:
    """Capture coordgap's spans in memory for the duration of the block.

    ``fixed=True`` gives sequential ids and the fixed clock; ``False`` real ones.
    """
    exporter = InMemorySpanExporter()
    provider = TracerProvider(id_generator=FixedIds() if fixed else None, shutdown_on_exit=False)
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    real_time_ns = sdk_trace.time_ns
    clock: Callable[[], int] | None = None
    if fixed:
        ticks = itertools.count(CLOCK_START_NS, CLOCK_STEP_NS)
        clock = sdk_trace.time_ns = lambda: next(ticks)
    # A fresh runtime: fixed ids repeat across captures, so runs seen by
    # earlier ones must be forgotten.
    with runtime(fresh=True) as inner:
        if clock is not None:
            inner.clock = clock
        try:
            _config.configure(
                tracer_provider=provider,
                capture_content=capture_content,
                redact=redact,
                enabled=enabled,
                max_content_length=max_content_length,
            )
            yield Captured(exporter, provider)
        finally:
            sdk_trace.time_ns = real_time_ns
