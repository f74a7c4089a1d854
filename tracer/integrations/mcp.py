"""MCP integration: tool calls through an MCP client session become tool spans.

    from tracer.integrations import mcp as cg_mcp
    cg_mcp.instrument()          # every mcp.ClientSession (and mcp.Client) from now on

Each ``ClientSession.call_tool`` runs inside an ``execute_tool {name}`` span
(kind CLIENT, ``coordgap.actor=tool``) and the W3C trace context of that span
is written into the request's ``_meta`` (``traceparent``/``tracestate``), so a
server that also traces (coordgap's ``tracer.configure()`` plus MCP's own
server middleware, or ``tracer.extract(meta)`` by hand) continues the same
trace. A result with ``isError`` marks the span failed (``error.type``
``tool_error``); an exception is recorded and re-raised unchanged.

Arguments and results are recorded only with content capture on.
Instrumentation failures are logged and swallowed.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import Any

from opentelemetry import propagate, trace
from opentelemetry.trace import SpanKind, Status, StatusCode, TracerProvider

from tracer import semconv
from tracer.integrations._common import (
    Instrumentor,
    _Content,
    _get_tracer,
    _log_once,
    _record_error,
    tool_attributes,
)

__all__ = ["TOOL_ERROR", "instrument", "is_instrumented", "uninstrument"]

_FRAMEWORK = "mcp"
TOOL_ERROR = "tool_error"  # error.type of a tool result flagged isError (as MCP's own spans say)


def _session_class() -> Any:
    from mcp.client.session import ClientSession

    return ClientSession


def _result_is_error(result: Any) -> bool:
    flag = getattr(result, "is_error", None)
    if flag is None:
        flag = getattr(result, "isError", None)
    if flag is None and isinstance(result, Mapping):
        flag = result.get("isError")
    return flag is True


def _with_trace_context(meta: Any) -> Any:
    """``meta`` plus the current trace context; the caller's own keys are kept."""
    out = dict(meta or {})
    carrier: dict[str, str] = {}
    propagate.inject(carrier)
    for key, value in carrier.items():
        out.setdefault(key, value)
    return out


def _make_wrapper(
    original: Callable[..., Any],
    tracer: Any,
    content: _Content,
) -> Callable[..., Any]:
    @functools.wraps(original)
    async def call_tool(
        self: Any, name: str, arguments: Any = None, *args: Any, **kwargs: Any
    ) -> Any:
        span = None
        try:
            attrs = tool_attributes(str(name), integration=_FRAMEWORK)
            if content.enabled and arguments is not None:
                attrs[semconv.INPUT_CONTENT] = content.render(arguments)
            span = tracer.start_span(
                semconv.tool_span_name(str(name)), kind=SpanKind.CLIENT, attributes=attrs
            )
            with trace.use_span(span, end_on_exit=False):
                kwargs["meta"] = _with_trace_context(kwargs.get("meta"))
        except Exception:  # never let tracing stop the call
            _log_once("mcp.call_tool.start", "coordgap: mcp tool span failed (ignored)")
            if span is not None:
                span.end()
            span = None
        if span is None:
            return await original(self, name, arguments, *args, **kwargs)
        with trace.use_span(
            span, end_on_exit=False, record_exception=False, set_status_on_exception=False
        ):
            try:
                result = await original(self, name, arguments, *args, **kwargs)
            except BaseException as exc:
                if isinstance(exc, Exception):
                    _finish(span, functools.partial(_record_error, span, exc))
                else:  # cancellation: end the span, no failure recorded
                    _finish(span, lambda: None)
                raise
        _finish(span, lambda: _on_result(span, result, content))
        return result

    return call_tool


def _on_result(span: Any, result: Any, content: _Content) -> None:
    if _result_is_error(result):
        span.set_attribute(semconv.ERROR_TYPE, TOOL_ERROR)
        span.set_status(Status(StatusCode.ERROR, "tool returned isError"))
    if content.enabled:
        dump = getattr(result, "model_dump", None)
        span.set_attribute(
            semconv.OUTPUT_CONTENT, content.render(dump(mode="json") if callable(dump) else result)
        )


def _finish(span: Any, record: Callable[[], None]) -> None:
    try:
        record()
    except Exception:  # see _guard: recording must not change the call's outcome
        _log_once("mcp.call_tool.end", "coordgap: mcp tool span failed (ignored)")
    finally:
        span.end()


class _McpInstrumentor(Instrumentor):
    def _instrument(self, **options: Any) -> Callable[..., Any]:
        cls = _session_class()
        original = cls.call_tool
        wrapper = _make_wrapper(original, options["tracer"], options["content"])
        wrapper._coordgap_wrapper = True  # type: ignore[attr-defined]
        cls.call_tool = wrapper
        return original

    def _uninstrument(self, handle: Any) -> None:
        _session_class().call_tool = handle


_INSTRUMENTOR = _McpInstrumentor()


def instrument(
    *,
    capture_content: bool | None = None,
    redact: Callable[[Any], Any] | None = None,
    tracer_provider: TracerProvider | None = None,
) -> None:
    """Trace every ``mcp.ClientSession.call_tool`` (``mcp.Client`` goes through it).

    Calling it again replaces the options (never wraps twice). Raises
    ``ImportError`` when the ``mcp`` package is not installed
    (``pip install coordgap[mcp]``).
    """
    _session_class()  # the ImportError, before anything else
    _INSTRUMENTOR.instrument(
        tracer=_get_tracer(tracer_provider), content=_Content(capture_content, redact)
    )


def uninstrument() -> None:
    """Put ``ClientSession.call_tool`` back as it was (nothing happens when not instrumented)."""
    _INSTRUMENTOR.uninstrument()


def is_instrumented() -> bool:
    """True while :func:`instrument` is in effect."""
    return _INSTRUMENTOR.is_instrumented()
