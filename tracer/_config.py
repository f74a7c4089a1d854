"""``tracer.configure()``: where spans go, and what is recorded.

Every setting is resolved the same way: the argument, else its environment
variable, else the default (the ``_OPTIONS`` table). Nothing is configured at
import. The first traced call configures with the defaults if ``configure()``
was never called, and an application's own TracerProvider, when it set one,
is used as it is and never replaced.
"""

from __future__ import annotations

import atexit
import importlib
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from opentelemetry import trace

from tracer import _runtime, semconv
from tracer._guard import logger, warn_once
from tracer._options import check_flag, fail
from tracer.store_format import DEFAULT_DIRECTORY

if TYPE_CHECKING:  # the SDK is imported at the first configure(), not with `import tracer`
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import SpanExporter

    from tracer._export import SwitchProcessor, TallyBatchProcessor

__all__ = ["Settings", "configure", "ensure_tracer", "flush", "shutdown"]

_VERSION = "0.1.0"
SHUTDOWN_TIMEOUT_S = 2.0
_TRUE = ("1", "true", "yes", "on")
_FALSE = ("0", "false", "no", "off", "")


def _parse_bool(name: str, raw: str) -> bool:
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ValueError(f"coordgap: {name}={raw!r} is not a boolean (use 1/0, true/false)")


def _parse_redact(name: str, raw: str) -> Callable[[str], str]:
    module, _, attr = raw.partition(":")
    if not module or not attr:
        raise ValueError(f"coordgap: {name}={raw!r} must name a function as 'module:function'")
    func = getattr(importlib.import_module(module), attr)
    if not callable(func):
        raise ValueError(f"coordgap: {name}={raw!r} is not callable")
    return func


def _parse_int(name: str, raw: str) -> int:
    try:
        value = int(raw)
    except ValueError:
        raise ValueError(f"coordgap: {name}={raw!r} is not an integer") from None
    if value < 0:
        raise ValueError(f"coordgap: {name}={raw!r} must not be negative")
    return value


def _parse_exporter(name: str, raw: str) -> str:
    # OTEL_TRACES_EXPORTER may list several ("otlp,console"); the first one wins.
    return raw.split(",")[0].strip()


# argument -> (environment variables in order, parser, default, contract)
_OPTIONS: dict[str, tuple[tuple[str, ...], Callable[[str, str], Any], Any, str]] = {
    "service_name": (
        ("COORDGAP_SERVICE_NAME", "OTEL_SERVICE_NAME"),
        lambda _n, raw: raw,
        None,
        "service.name of the resource; default: the SDK's (OTEL_SERVICE_NAME or unknown_service)",
    ),
    "exporter": (
        ("COORDGAP_EXPORTER", "OTEL_TRACES_EXPORTER"),
        _parse_exporter,
        "local",
        "'local' (OTLP/JSON lines), 'otlp' (OTEL_EXPORTER_OTLP_*), 'console', 'none', "
        "or a SpanExporter instance; with neither variable set, an OTLP endpoint in "
        "OTEL_EXPORTER_OTLP_(TRACES_)ENDPOINT means 'otlp'",
    ),
    "path": (
        ("COORDGAP_PATH",),
        lambda _n, raw: Path(raw),
        DEFAULT_DIRECTORY,
        "directory of the local store (relative paths resolve against the current directory)",
    ),
    "endpoint": (
        ("COORDGAP_ENDPOINT",),
        lambda _n, raw: raw,
        None,
        "OTLP endpoint; default: what OTEL_EXPORTER_OTLP_(TRACES_)ENDPOINT say",
    ),
    "capture_content": (
        ("COORDGAP_CAPTURE_CONTENT",),
        _parse_bool,
        False,
        "record arguments, return values and payload values (through redact, capped)",
    ),
    "redact": (
        ("COORDGAP_REDACT",),
        _parse_redact,
        None,
        "callable(text) -> text applied to captured content ('module:function' in the env)",
    ),
    "enabled": (
        ("COORDGAP_ENABLED",),
        _parse_bool,
        True,
        "False: decorators and context managers are plain pass-throughs",
    ),
    "max_content_length": (
        ("COORDGAP_MAX_CONTENT_LENGTH",),
        _parse_int,
        2048,
        "cap, in characters, on each captured content value",
    ),
}


@dataclass(frozen=True)
class Settings:
    """The resolved configuration (what :func:`configure` returns)."""

    service_name: str | None
    exporter: str | SpanExporter
    path: Path
    endpoint: str | None
    capture_content: bool
    redact: Callable[[str], str] | None
    enabled: bool
    max_content_length: int


def _resolve(name: str, value: Any) -> Any:
    if value is not None:
        return value
    env_names, parse, default, _doc = _OPTIONS[name]
    for env in env_names:
        raw = os.environ.get(env)
        if raw is not None and raw.strip() != "":
            return parse(env, raw)
    if name == "exporter" and any(
        os.environ.get(env, "").strip()
        for env in ("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_EXPORTER_OTLP_ENDPOINT")
    ):
        # Pointing the standard variables at a backend needs no other setting.
        return "otlp"
    return default


_lock = threading.RLock()


def _switch() -> SwitchProcessor:
    from tracer._export import SwitchProcessor

    process = _runtime.current.process
    if process.switch is None:
        process.switch = SwitchProcessor()
    switch: SwitchProcessor = process.switch
    return switch


def _owned_provider(service_name: str | None) -> TracerProvider:
    from opentelemetry.sdk.resources import Resource
    from opentelemetry.sdk.trace import TracerProvider

    owned = _runtime.current.process.owned_providers
    provider: TracerProvider | None = owned.get(service_name)
    if provider is None:
        attrs = {semconv.SERVICE_NAME: service_name} if service_name else {}
        # shutdown_on_exit=False: the SDK's own exit hook would wait up to 30 s
        # on an unreachable backend; ours gives up after SHUTDOWN_TIMEOUT_S.
        provider = TracerProvider(resource=Resource.create(attrs), shutdown_on_exit=False)
        provider.add_span_processor(_switch())
        owned[service_name] = provider
    return provider


def _install_processor(settings: Settings) -> TallyBatchProcessor:
    from tracer._export import GuardedExporter, TallyBatchProcessor, build_exporter

    exporter, label = build_exporter(
        settings.exporter, path=settings.path, endpoint=settings.endpoint
    )
    guarded = GuardedExporter(exporter, label)
    kwargs: dict[str, float] = {}
    if label.startswith("local"):
        # The local store is cheap to write: keep the crash window short.
        kwargs["schedule_delay_millis"] = 500
    return TallyBatchProcessor(guarded, **kwargs)


def _add_processor(provider: TracerProvider, settings: Settings) -> None:
    processor = _install_processor(settings)
    provider.add_span_processor(processor)
    state = _runtime.current
    state.added = [*state.added, processor]  # a new list: saved states stay intact
    _register_exit()


def _register_exit() -> None:
    process = _runtime.current.process
    if not process.atexit_registered:
        atexit.register(_at_exit)
        process.atexit_registered = True


def _instrument_threads() -> None:
    try:
        from opentelemetry.instrumentation.threading import ThreadingInstrumentor

        instrumentor = ThreadingInstrumentor()
        if not instrumentor.is_instrumented_by_opentelemetry:
            instrumentor.instrument()
    except Exception:  # context in threads is a convenience, never a reason to fail
        warn_once("threading", "could not instrument threading; context will not follow threads")


def configure(
    service_name: str | None = None,
    exporter: str | SpanExporter | None = None,
    path: str | os.PathLike[str] | None = None,
    endpoint: str | None = None,
    capture_content: bool | None = None,
    redact: Callable[[str], str] | None = None,
    enabled: bool | None = None,
    *,
    tracer_provider: trace.TracerProvider | None = None,
    max_content_length: int | None = None,
) -> Settings:
    """Set where spans go and what they record; returns the resolved :class:`Settings`.

    Each argument falls back to its environment variable (``COORDGAP_SERVICE_NAME``
    or ``OTEL_SERVICE_NAME``, ``COORDGAP_EXPORTER``, ``COORDGAP_PATH``,
    ``COORDGAP_ENDPOINT``, ``COORDGAP_CAPTURE_CONTENT``, ``COORDGAP_REDACT``,
    ``COORDGAP_ENABLED``, ``COORDGAP_MAX_CONTENT_LENGTH``), then to the default.

    Provider: ``tracer_provider`` when given (not made global); else the
    application's global provider when it set one (never replaced; coordgap
    adds its exporter to it only when ``exporter`` is passed explicitly); else a
    provider coordgap creates, makes global, and flushes at exit (giving up
    after 2 seconds). Raises ``ValueError`` on impossible settings.
    """
    _check_arguments(capture_content, enabled, max_content_length, redact, exporter)
    settings = Settings(
        service_name=_resolve("service_name", service_name),
        exporter=_resolve("exporter", exporter),
        path=Path(_resolve("path", path)).absolute(),
        endpoint=_resolve("endpoint", endpoint),
        capture_content=bool(_resolve("capture_content", capture_content)),
        redact=_resolve("redact", redact),
        enabled=bool(_resolve("enabled", enabled)),
        max_content_length=int(_resolve("max_content_length", max_content_length)),
    )
    from opentelemetry.sdk.trace import TracerProvider

    with _lock:
        state = _runtime.current
        if not settings.enabled:
            _apply(settings)
            state.enabled = False
            return settings
        if tracer_provider is not None:
            provider: Any = tracer_provider
            if exporter is not None and isinstance(provider, TracerProvider):
                _add_processor(provider, settings)
        else:
            current = trace.get_tracer_provider()
            if _is_unset(current) or current in state.process.owned_providers.values():
                provider = _owned_provider(settings.service_name)
                new_inner = _install_processor(settings)
                switch = _switch()
                old_inner, switch.inner = switch.inner, new_inner
                if old_inner is not None:
                    _shutdown_processor(old_inner, SHUTDOWN_TIMEOUT_S)
                if _is_unset(current):
                    trace.set_tracer_provider(provider)
                _register_exit()
            else:
                provider = current
                if exporter is not None and isinstance(provider, TracerProvider):
                    _add_processor(provider, settings)
        # Settings take effect only once nothing above could raise.
        _apply(settings)
        _instrument_threads()
        state.provider = provider
        state.tracer = trace.get_tracer(
            semconv.INSTRUMENTATION_NAME, _VERSION, tracer_provider=provider
        )
        state.enabled = True
    return settings


def _check_arguments(
    capture_content: Any, enabled: Any, max_content_length: Any, redact: Any, exporter: Any
) -> None:
    """Arguments are checked like every option of the public API (tracer/_options.py)."""
    for option, value in (("capture_content", capture_content), ("enabled", enabled)):
        if value is not None:
            check_flag("configure", option, value)
    if max_content_length is not None and (
        not isinstance(max_content_length, int)
        or isinstance(max_content_length, bool)
        or max_content_length < 0
    ):
        raise fail("configure", "max_content_length", max_content_length, "an integer >= 0")
    if redact is not None and not callable(redact):
        raise fail("configure", "redact", redact, "a function text -> text")
    if exporter is not None and not isinstance(exporter, str) and not _is_exporter(exporter):
        raise fail("configure", "exporter", exporter, "a name or a SpanExporter instance")


def _is_exporter(value: Any) -> bool:
    from opentelemetry.sdk.trace.export import SpanExporter

    return isinstance(value, SpanExporter)


def _apply(settings: Settings) -> None:
    state = _runtime.current
    state.settings = settings
    state.capture_content = settings.capture_content
    state.redact = settings.redact
    state.max_content_length = settings.max_content_length


def _is_unset(provider: Any) -> bool:
    return isinstance(provider, trace.ProxyTracerProvider)


def ensure_tracer() -> trace.Tracer | None:
    """The tracer to start spans with, or None when tracing is off.

    Configures with the defaults on first use. Never raises: a bad environment
    setting is logged once and tracing is turned off.
    """
    state = _runtime.current
    if not state.enabled:
        return None
    tracer = state.tracer
    if tracer is not None:
        return tracer
    with _lock:
        if state.tracer is None and state.enabled:
            try:
                configure()
            except Exception as exc:  # bad setup found lazily must not break the app
                state.enabled = False
                warn_once("lazy-configure", "tracing disabled: %s", exc)
        return state.tracer


def _run_with_deadline(func: Callable[[], Any], timeout_s: float, name: str) -> bool:
    """Run ``func`` in a daemon thread; True when it finished within ``timeout_s``."""
    done = threading.Event()

    def target() -> None:
        try:
            func()
        except Exception:
            logger.debug("coordgap: %s raised", name, exc_info=True)
        finally:
            done.set()

    threading.Thread(target=target, name=f"coordgap-{name}", daemon=True).start()
    return done.wait(timeout_s)


def _shutdown_processor(processor: TallyBatchProcessor, timeout_s: float) -> dict[str, int]:
    finished = _run_with_deadline(processor.shutdown, timeout_s, "shutdown")
    ended = processor.ended
    exported = processor.guarded.exported
    stats = {"ended": ended, "exported": exported, "dropped": max(0, ended - exported)}
    if stats["dropped"] and not processor.reported:
        processor.reported = True
        logger.warning(
            "coordgap: %d of %d spans were not delivered to %s%s",
            stats["dropped"],
            ended,
            processor.guarded.label,
            "" if finished else f" (gave up after {timeout_s:g} s)",
        )
    return stats


def flush(timeout_s: float = SHUTDOWN_TIMEOUT_S) -> bool:
    """Export what is buffered; True if done within ``timeout_s``. Never raises."""
    state = _runtime.current
    provider = state.provider
    if provider is None:
        return True
    owned = provider in state.process.owned_providers.values()
    inner = _switch().inner if owned else None
    target: Any = inner if inner is not None else provider
    if not hasattr(target, "force_flush"):
        return True
    return _run_with_deadline(lambda: target.force_flush(int(timeout_s * 1000)), timeout_s, "flush")


def shutdown(timeout_s: float = SHUTDOWN_TIMEOUT_S) -> dict[str, int] | None:
    """Flush and stop the exporters coordgap installed, giving up after ``timeout_s`` each.

    Returns ``{"ended", "exported", "dropped"}`` span counts summed over them,
    or None when coordgap installed none (an application's provider and its
    own processors are the application's to shut down). Never raises; spans
    that could not be delivered are reported once in the log.
    """
    with _lock:
        state, switch = _runtime.current, _switch()
        processors = [p for p in (switch.inner, *state.added) if p is not None]
        switch.inner = None
        state.added = []
        if not processors:
            return None
        total = {"ended": 0, "exported": 0, "dropped": 0}
        for processor in processors:
            for key, value in _shutdown_processor(processor, timeout_s).items():
                total[key] += value
        return total


def _at_exit() -> None:
    try:
        shutdown(SHUTDOWN_TIMEOUT_S)
    except Exception:  # the interpreter is exiting; never turn that into a traceback
        logger.debug("coordgap: shutdown at exit failed", exc_info=True)
