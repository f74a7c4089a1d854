"""Instrumentation never raises into user code; user exceptions pass through unchanged."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from typing import Any

import pytest
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import SpanExporter, SpanExportResult

import tracer
from tracer import _guard, _runtime, _spans
from tracer.testing import Captured, capture, preserve_state


@pytest.fixture(autouse=True)
def _fresh_once_log() -> None:
    _guard.reset_once()


def warnings_from(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "coordgap.tracer"]


class ThrowingExporter(SpanExporter):
    def __init__(self) -> None:
        self.calls = 0

    def export(self, spans: Sequence[ReadableSpan]) -> SpanExportResult:
        self.calls += 1
        raise ConnectionError("backend on fire")


def test_exporter_that_throws_is_logged_once_and_swallowed(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Two failing exports: calls go on, one warning, spans counted as not exported."""
    exporter = ThrowingExporter()

    @tracer.agent("writer")
    def write() -> str:
        return "ok"

    provider = TracerProvider(shutdown_on_exit=False)
    with preserve_state():
        tracer.configure(tracer_provider=provider, exporter=exporter)
        assert write() == "ok"
        assert tracer.flush()
        assert write() == "ok"
        assert tracer.flush()
    provider.shutdown()
    assert exporter.calls == 2
    messages = warnings_from(caplog)
    assert len([m for m in messages if "raised while exporting" in m]) == 1


def test_payload_that_cannot_be_serialised(spans: Captured, caplog: pytest.LogCaptureFixture):
    """A circular payload: no hash, keys still recorded, one warning, no exception."""
    payload: dict[str, Any] = {"text": "x"}
    payload["self"] = payload
    for _ in range(2):
        with tracer.handoff("writer", "editor", payload, expects=["text"]) as h:
            assert h.payload is payload
    attrs = spans.dicts()[0]["attributes"]
    assert "coordgap.handoff.payload.hash" not in attrs
    assert attrs["coordgap.handoff.payload.keys"] == ["self", "text"]
    assert attrs["coordgap.handoff.violations"] == []
    assert len([m for m in warnings_from(caplog) if "fingerprint" in m]) == 1


class Unprintable:
    def __str__(self) -> str:
        raise RuntimeError("no str for you")

    __repr__ = __str__

    def __hash__(self) -> int:
        raise TypeError("unhashable")


def test_payload_that_cannot_be_hashed_or_printed(spans: Captured) -> None:
    """Objects whose str/hash raise do not break the handoff or content capture."""
    with tracer.handoff("writer", "editor", {"obj": Unprintable()}, carry=["obj"]) as h:
        pass
    assert h.violations == []
    with tracer.handoff("writer", "editor", Unprintable(), expects=Unprintable) as h2:
        pass
    assert h2.violations == []
    assert len(spans.dicts()) == 2


def test_unprintable_content_is_not_recorded_but_the_call_works() -> None:
    """With content capture on, a value that cannot be rendered is skipped."""

    @tracer.agent
    def odd(x: Any) -> Any:
        return x

    with capture(capture_content=True) as captured:
        value = Unprintable()
        assert odd(value) is value
    assert "coordgap.output" not in captured.dicts()[0]["attributes"]


def test_malformed_plan_and_verdict_are_logged_once(
    spans: Captured, caplog: pytest.LogCaptureFixture
) -> None:
    """A plan that is not a subtask list and a verdict that means nothing: logged, skipped."""

    @tracer.plan("supervisor")
    def plan() -> Any:
        return 42

    @tracer.plan("lister")
    def plan_of_strings() -> Any:
        return ["research", "write"]

    @tracer.verify("qa")
    def check() -> Any:
        return "maybe"

    assert plan() == 42
    assert plan() == 42
    assert plan_of_strings() == ["research", "write"]
    assert check() == "maybe"
    dicts = spans.dicts()
    assert all("coordgap.plan.subtask_count" not in d["attributes"] for d in dicts)
    assert "coordgap.verify.verdict" not in dicts[-1]["attributes"]
    assert dicts[-1]["attributes"]["coordgap.verify.attempt"] == 1
    messages = warnings_from(caplog)
    assert len([m for m in messages if "plan 'supervisor'" in m]) == 1
    assert len([m for m in messages if "plan 'lister'" in m]) == 1
    assert len([m for m in messages if "verifier 'qa'" in m]) == 1


def test_redact_hook_that_raises_does_not_break_the_call(caplog: pytest.LogCaptureFixture):
    """A broken redact hook: content skipped, warning once, result intact."""

    def bad_redact(text: str) -> str:
        raise ValueError("regex exploded")

    @tracer.agent
    def echo(x: str) -> str:
        return x

    with capture(capture_content=True, redact=bad_redact) as captured:
        assert echo("a") == "a"
        with tracer.handoff("a", "b", {"k": "v"}):
            pass
    attrs = captured.dicts()[0]["attributes"]
    assert "coordgap.input" not in attrs and "coordgap.output" not in attrs
    assert "coordgap.handoff.payload.content" not in captured.dicts()[1]["attributes"]
    assert any("redact" in m for m in warnings_from(caplog))


class BrokenTracer:
    def start_span(self, *args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("bug in the span machinery")


def test_internal_error_is_swallowed_when_not_raising(caplog: pytest.LogCaptureFixture):
    """With re-raising off, a bug inside coordgap is logged once; the user's call works."""

    @tracer.agent
    def work(x: int) -> int:
        return x * 2

    with preserve_state(), _guard.raise_internal_errors(False):
        _runtime.current.tracer = BrokenTracer()  # type: ignore[assignment]
        _runtime.current.enabled = True
        assert work(2) == 4
        assert work(3) == 6
        with tracer.agent("cm") as step:
            step.record_output("x")
        with tracer.handoff("a", "b", {"k": 1}) as h:
            assert h.payload == {"k": 1}
    internal = [m for m in warnings_from(caplog) if "internal error" in m]
    assert len(internal) == 2  # one per site: starting a span, starting a handoff


def test_internal_error_reraises_when_asked() -> None:
    """coordgap's own tests ask (conftest): an internal bug surfaces instead of hiding."""

    @tracer.agent
    def work() -> int:
        return 1

    with preserve_state():
        _runtime.current.tracer = BrokenTracer()  # type: ignore[assignment]
        _runtime.current.enabled = True
        with pytest.raises(RuntimeError, match="bug in the span machinery"):
            work()


def test_plan_analysis_bug_is_swallowed(monkeypatch: pytest.MonkeyPatch, spans: Captured):
    """A failure while reading a result keeps the user's return value."""

    def explode(plan: Any) -> Any:
        raise RuntimeError("analysis bug")

    monkeypatch.setattr(_spans, "plan_attributes", explode)

    @tracer.plan("supervisor")
    def plan() -> list[dict[str, str]]:
        return [{"id": "a", "agent": "w"}]

    with _guard.raise_internal_errors(False):
        assert plan() == [{"id": "a", "agent": "w"}]
    assert spans.dicts()[0]["name"] == "plan supervisor"


def test_async_user_exception_is_the_same_object(spans: Captured) -> None:
    """An async agent's exception passes through unchanged and is recorded."""
    boom = TimeoutError("model timed out")

    @tracer.agent
    async def slow() -> None:
        await asyncio.sleep(0)
        raise boom

    with pytest.raises(TimeoutError) as info:
        asyncio.run(slow())
    assert info.value is boom
    assert spans.dicts()[0]["attributes"]["error.type"] == "TimeoutError"


def test_generator_user_exception_is_the_same_object(spans: Captured) -> None:
    """A generator's exception passes through unchanged; values sent in still arrive."""
    boom = ValueError("bad chunk")

    @tracer.agent
    def chunks():  # type: ignore[no-untyped-def]
        got = yield 1
        assert got == "ack"
        raise boom

    gen = chunks()
    assert next(gen) == 1
    with pytest.raises(ValueError) as info:
        gen.send("ack")
    assert info.value is boom
    assert spans.dicts()[0]["status"] == "ERROR"


def test_keyboard_interrupt_ends_the_span_without_marking_an_error(spans: Captured) -> None:
    """BaseException (not Exception) passes through and the span still ends."""

    @tracer.agent
    def interrupted() -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        interrupted()
    (only,) = spans.dicts()
    assert only["status"] == "UNSET" and only["end"] > only["start"]


def test_bad_environment_setting_on_first_use_disables_tracing(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """An impossible env setting found lazily: tracing off, logged once, calls work."""

    @tracer.agent
    def work() -> int:
        return 7

    monkeypatch.setenv("COORDGAP_EXPORTER", "carrier-pigeon")
    with preserve_state():
        _runtime.current.tracer = None
        _runtime.current.enabled = True
        assert work() == 7
        assert work() == 7
        assert _runtime.current.enabled is False
    assert len([m for m in warnings_from(caplog) if "carrier-pigeon" in m]) == 1


def test_configure_raises_on_impossible_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    """Explicit bad setup fails loudly, at configure time."""
    with preserve_state():
        tracer.configure(tracer_provider=TracerProvider(), capture_content=False)
        with pytest.raises(ValueError, match="unknown exporter"):
            tracer.configure(exporter="carrier-pigeon", capture_content=True)
        assert _runtime.current.capture_content is False  # a failed configure changes nothing
        monkeypatch.setenv("COORDGAP_CAPTURE_CONTENT", "perhaps")
        with pytest.raises(ValueError, match="COORDGAP_CAPTURE_CONTENT"):
            tracer.configure(tracer_provider=TracerProvider())


def test_logging_does_not_use_root_logger(caplog: pytest.LogCaptureFixture) -> None:
    """Our messages go to the 'coordgap.tracer' logger, which applications can tune."""
    _guard.warn_once("k", "hello %s", "there")
    _guard.warn_once("k", "hello %s", "again")
    assert [(r.name, r.levelno, r.getMessage()) for r in caplog.records] == [
        ("coordgap.tracer", logging.WARNING, "coordgap: hello there")
    ]
