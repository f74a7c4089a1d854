"""What the user's program sees never depends on telemetry; value types are honest;
options are checked one way; a handoff's span times the handoff, not the receiver."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any

import pytest
from opentelemetry.sdk.trace import TracerProvider

import tracer
from tracer import HandoffError, Verdict, _guard, _runtime, semconv
from tracer.testing import capture, preserve_state, raise_internal_errors

REPO = Path(__file__).resolve().parents[1]


class BrokenTracer:
    def start_span(self, *args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("bug in the span machinery")


@contextmanager
def env_disabled(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("COORDGAP_ENABLED", "0")
    with preserve_state():
        tracer.configure(tracer_provider=TracerProvider(shutdown_on_exit=False))
        yield


@contextmanager
def setup_failed(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Unconfigured, and the first traced call's set-up fails: tracing turns itself off."""
    monkeypatch.setenv("COORDGAP_EXPORTER", "carrier-pigeon")
    with preserve_state():
        _runtime.current.tracer = None
        _runtime.current.enabled = True
        _runtime.current.settings = None
        yield
        assert _runtime.current.enabled is False


@contextmanager
def broken_tracer(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    with preserve_state(), raise_internal_errors(False):
        _runtime.current.tracer = BrokenTracer()  # type: ignore[assignment]
        _runtime.current.enabled = True
        yield


MODES: dict[str, Callable[[pytest.MonkeyPatch], AbstractContextManager[Any]]] = {
    "traced": lambda _m: capture(),
    "disabled": lambda _m: capture(enabled=False),
    "COORDGAP_ENABLED=0": env_disabled,
    "set-up failed": setup_failed,
    "broken tracer": broken_tracer,
}


# -- 2. behaviour never depends on telemetry ----------------------------------------------
@pytest.mark.parametrize("mode", list(MODES))
def test_handoff_checks_are_the_same_with_tracing_in_any_state(
    mode: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """strict raises, h.ok and h.violations hold, whatever the state of tracing."""
    _guard.reset_once()
    with MODES[mode](monkeypatch):
        with pytest.raises(HandoffError) as raised:
            with tracer.handoff("writer", "editor", {"text": "x"}, expects=["brief"], strict=True):
                pytest.fail("a strict handoff with a violation must not run its block")
        assert raised.value.violations == ["missing_key: brief"]
        with tracer.handoff(
            "writer", "editor", {"text": "x"}, expects=["brief"], carry=["brand_voice"]
        ) as h:
            assert h.ok is False
            assert h.violations == ["missing_key: brief", "dropped_key: brand_voice"]
        with tracer.handoff("a", "b", {}, seen_version=1, latest_version=2) as stale:
            assert stale.violations == ["stale_state: saw version 1, latest is 2"]
        with pytest.raises(HandoffError, match="timeout"):
            with tracer.handoff("a", "b", {}, timeout=0, strict=True):
                time.sleep(0.001)
        with tracer.handoff("writer", "editor", {"brief": 1}, expects=["brief"]) as fine:
            assert fine.ok and fine.violations == []


@pytest.mark.parametrize("mode", list(MODES))
def test_decorated_calls_return_the_same_in_any_state(
    mode: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only spans change with tracing: return values and verdict parsing do not."""

    @tracer.verify("brand-check")
    def check(text: str) -> Verdict:
        return Verdict("calm" in text, "tone")

    with MODES[mode](monkeypatch):
        assert check("calm").accepted and not check("loud")


@pytest.mark.parametrize("mode", list(MODES))
def test_decorated_calls_get_their_arguments_unchanged_in_any_state(
    mode: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Positional, keyword and default arguments reach the function as given."""

    @tracer.agent("writer")
    def write(a: int, b: int = 2, *rest: int, c: int = 3, **more: int) -> tuple[Any, ...]:
        return a, b, rest, c, more

    with MODES[mode](monkeypatch):
        assert write(1) == (1, 2, (), 3, {})
        assert write(1, 5, 6, 7) == (1, 5, (6, 7), 3, {})
        assert write(1, c=9, d=4) == (1, 2, (), 9, {"d": 4})
        assert write(a=1, b=0) == (1, 0, (), 3, {})
        with pytest.raises(TypeError):
            write()  # type: ignore[call-arg]


# -- 4. honest value types -----------------------------------------------------------------
def test_a_rejecting_verdict_is_falsy() -> None:
    """`if check(draft):` retries on a reject."""
    assert not Verdict(False, "off-brief")
    assert Verdict(True)

    @tracer.verify("brief-check")
    def check(draft: str) -> Verdict:
        return Verdict(draft.endswith("v2"), "needs a second draft")

    drafts = iter(["v1", "v2"])
    draft = next(drafts)
    while not check(draft):
        draft = next(drafts)
    assert draft == "v2"


def test_a_single_key_string_is_one_key(spans: Any) -> None:
    """carry="brand_voice" and expects="text" name one key each, never letters."""
    with tracer.handoff("w", "e", {"tone": 1}, carry="brand_voice", expects="text") as h:
        assert h.violations == ["missing_key: text", "dropped_key: brand_voice"]
    with tracer.handoff("w", "e", {"text": 1, "brand_voice": 2}, carry="brand_voice") as ok:
        assert ok.ok
    attrs = spans.dicts()[0]["attributes"]
    assert attrs[semconv.HANDOFF_CARRY] == ["brand_voice"]
    assert attrs[semconv.HANDOFF_EXPECTS] == "keys text"


BAD_OPTIONS: list[tuple[str, Callable[[], Any]]] = [
    (r"handoff\(carry=5\)", lambda: tracer.handoff("a", "b", {}, carry=5)),  # type: ignore[arg-type]
    (r"handoff\(carry=\[1\]\)", lambda: tracer.handoff("a", "b", {}, carry=[1])),  # type: ignore[list-item]
    (r"handoff\(expects=42\)", lambda: tracer.handoff("a", "b", {}, expects=42)),
    (r"handoff\(expects=\[1\]\)", lambda: tracer.handoff("a", "b", {}, expects=[1])),
    (r"handoff\(timeout=-1\)", lambda: tracer.handoff("a", "b", {}, timeout=-1)),
    (r"handoff\(timeout='1'\)", lambda: tracer.handoff("a", "b", {}, timeout="1")),  # type: ignore[arg-type]
    (r"handoff\(strict='yes'\)", lambda: tracer.handoff("a", "b", {}, strict="yes")),  # type: ignore[arg-type]
    (
        r"handoff\(source_actor='robot'\)",
        lambda: tracer.handoff("a", "b", {}, source_actor="robot"),
    ),
    (r"handoff\(target=''\)", lambda: tracer.handoff("a", "", {})),
    (r"agent\(stage='review'\)", lambda: tracer.agent("x", stage="review")),
    (r"agent\(actor='robot'\)", lambda: tracer.agent("x", actor="robot")),
    (r"tool\(stage='x'\)", lambda: tracer.tool("x", stage="x")),
    (r"plan\(actor='x'\)", lambda: tracer.plan("x", actor="x")),
    (r"verify\(actor='x'\)", lambda: tracer.verify("x", actor="x")),
    (r"agent\(42\)", lambda: tracer.agent(42)),  # type: ignore[call-overload]
    (r"configure\(capture_content='yes'\)", lambda: tracer.configure(capture_content="yes")),  # type: ignore[arg-type]
    (r"configure\(max_content_length=-5\)", lambda: tracer.configure(max_content_length=-5)),
    (r"configure\(redact='upper'\)", lambda: tracer.configure(redact="upper")),  # type: ignore[arg-type]
]


@pytest.mark.parametrize(("message", "call"), BAD_OPTIONS, ids=[m for m, _ in BAD_OPTIONS])
def test_every_option_is_checked_the_same_way(message: str, call: Callable[[], Any]) -> None:
    """One shape, `coordgap: f(option=value): expected ...`, raised even with tracing off."""
    with capture(enabled=False), pytest.raises(ValueError, match="^coordgap: " + message):
        call()


# -- 6. handoff timing means the handoff -----------------------------------------------------
@tracer.agent("editor")
def _edit(text: str) -> str:
    time.sleep(0.05)
    return text.upper()


def test_handoff_span_ends_when_the_block_body_starts() -> None:
    """The receiver's work in the block is its own span, outside the handoff's duration."""
    with capture(fixed=False) as spans:
        with tracer.handoff("writer", "editor", {"text": "x"}, expects=["text"]) as h:
            _edit(h.payload["text"])
    by_name = {d["name"]: d for d in spans.dicts()}
    handoff, edit = by_name["handoff writer -> editor"], by_name["invoke_agent editor"]
    assert edit["parent_id"] == handoff["span_id"]  # still the handoff's child in the trace
    assert handoff["end"] <= edit["start"]
    assert handoff["end"] - handoff["start"] < 10_000_000  # the transfer: well under 10 ms
    assert edit["end"] - edit["start"] >= 50_000_000


def test_what_the_block_does_still_lands_on_the_handoff() -> None:
    """An exception escaping the block and an outlived timeout are recorded at exit."""
    with capture() as spans:
        with pytest.raises(KeyError):
            with tracer.handoff("writer", "editor", {}, timeout=0) as h:
                h.payload["text"]
    handoff = spans.dicts()[0]
    assert handoff["status"] == "ERROR"
    assert handoff["attributes"][semconv.HANDOFF_VIOLATIONS][0].startswith("timeout: took")
    assert handoff["end"] < handoff["events"][0]["time"]  # ended in time before the exit


@pytest.mark.parametrize("doc", ["README.md", "docs/tracer.md"])
def test_documented_example_records_no_violation(doc: str, tmp_path: Path) -> None:
    """The first example of the README and docs/tracer.md is a healthy run: no violation."""
    code = (REPO / doc).read_text().split("```python\n", 1)[1].split("```", 1)[0]
    script = tmp_path / "example.py"
    script.write_text(code + "\nimport tracer; tracer.shutdown()\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COORDGAP_", "OTEL_"))}
    env["COORDGAP_PATH"] = str(tmp_path / "spans")
    done = subprocess.run(
        [sys.executable, str(script)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    text = "".join(p.read_text() for p in (tmp_path / "spans").glob("*.jsonl"))
    assert '"handoff writer -> editor"' in text
    assert '"coordgap.handoff.violation_count","value":{"intValue":"0"}' in text
    assert "dropped_key" not in text and "missing_key" not in text


def test_analyzer_reads_handoff_latency_without_the_receivers_work(tmp_path: Path) -> None:
    """A receiver working 50 ms inside the block: the edge's p50 is the transfer, and the
    handoff stage is no longer 'the slowest stage'."""
    from opentelemetry.sdk.trace.export import SimpleSpanProcessor

    import analyzer
    from tracer.testing import LocalStoreExporter

    @tracer.agent("writer")
    def write() -> dict[str, str]:
        return {"text": "draft"}

    @tracer.workflow("teaser")
    def run() -> str:
        with tracer.handoff("writer", "editor", write(), expects=["text"]) as h:
            return _edit(h.payload["text"])

    provider = TracerProvider(shutdown_on_exit=False)
    provider.add_span_processor(SimpleSpanProcessor(LocalStoreExporter(tmp_path / "spans")))
    with preserve_state():
        tracer.configure(tracer_provider=provider)
        for _ in range(3):
            run()
    provider.shutdown()
    with analyzer.open(tmp_path / "t.duckdb") as store:
        store.ingest([tmp_path / "spans"])
        a = store.analyze()
    edge = a.edges.filter(source="writer", target="editor").to_dicts()[0]
    assert edge["handoffs"] == 3 and edge["p50_ms"] < 10
    latency = {row["stage"]: row["p50_ms"] for row in a.latency.to_dicts()}
    assert latency["handoff"] < 10 < latency["generation"]  # the editor: 3 x 50 ms of 6 calls


def test_disabled_decorators_are_pass_throughs() -> None:
    """enabled=False: no spans, same results, context managers still yield a step."""
    with capture(enabled=False) as captured:

        @tracer.agent
        def f(x: int) -> int:
            return x + 1

        with tracer.agent("cm") as step, tracer.handoff("a", "b", {"k": 1}) as h:
            step.record_output("ignored")
            assert h.payload == {"k": 1}
        assert f(1) == 2
        assert captured.dicts() == []


def test_content_only_when_opted_in_redacted_and_capped() -> None:
    """Arguments and results are recorded only with capture_content, via redact, capped."""

    @tracer.agent
    def writer(self_like: str, secret: str) -> str:
        return "x" * 50

    with capture() as plain:
        writer("brief", secret="hunter2")
    assert semconv.INPUT_CONTENT not in plain.dicts()[0]["attributes"]
    with capture(
        capture_content=True, redact=lambda t: t.replace("hunter2", "***"), max_content_length=20
    ) as opted:
        writer("brief", secret="hunter2")
    attrs = opted.dicts()[0]["attributes"]
    assert attrs[semconv.INPUT_CONTENT] == '{"args":["brief"],"k...[truncated]'
    assert attrs[semconv.OUTPUT_CONTENT] == "x" * 20 + "...[truncated]"
    with capture(capture_content=True, redact=lambda t: t.replace("hunter2", "***")) as full:
        writer("brief", secret="hunter2")
    assert full.dicts()[0]["attributes"][semconv.INPUT_CONTENT] == (
        '{"args":["brief"],"kwargs":{"secret":"***"}}'
    )


def test_bad_stage_or_actor_fails_at_decoration_time() -> None:
    """Impossible settings raise ValueError before any call."""
    with pytest.raises(ValueError, match=r"agent\(stage='review'\)"):
        tracer.agent("x", stage="review")
    with pytest.raises(ValueError, match=r"verify\(actor='robot'\)"):
        tracer.verify("x", actor="robot")
