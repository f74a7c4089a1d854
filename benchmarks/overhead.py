"""Overhead of coordgap's decorators against a raw OpenTelemetry span.

Prints microseconds per call and the ratio against a raw
``tracer.start_as_current_span`` carrying the same attributes, on one
TracerProvider with a BatchSpanProcessor and a no-op exporter, as medians of
several repetitions, all in this one process (the baseline runs interleaved
with the measured code, so both see the same machine).

Targets: a decorated agent call <= 1.0x the raw span; a handoff with a 1 KB
payload <= 1.25x; disabled, < 0.2 µs over a bare call. The row under the
handoff is its payload fingerprint alone (what a handoff adds to a raw span
with the same attributes), as a share of that raw span. On a shared machine,
``--clock cpu`` gives the steadier figure (it leaves out time spent waiting
for a core or for the batch processor's thread).

    .venv/bin/python benchmarks/overhead.py [--calls 20000] [--repeats 9] [--clock wall|cpu]
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import time
from collections.abc import Callable, Sequence

from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor, SpanExporter, SpanExportResult

import tracer
from tracer.instrumentation import fingerprint_attributes
from tracer.testing import preserve_state


class NoopExporter(SpanExporter):
    def export(self, spans: Sequence[ReadableSpan]) -> SpanExportResult:
        return SpanExportResult.SUCCESS


# --clock cpu times this thread's CPU only (time.thread_time_ns): steadier than
# wall time on a busy machine, and it leaves out the batch processor's thread.
_CLOCKS = {"wall": time.perf_counter_ns, "cpu": time.thread_time_ns}
_clock = time.perf_counter_ns


def per_call_us(func: Callable[[], object], calls: int) -> float:
    start = _clock()
    for _ in range(calls):
        func()
    return (_clock() - start) / calls / 1000


def compare(
    measured: Callable[[], object],
    baseline: Callable[[], object],
    calls: int,
    repeats: int,
) -> tuple[float, float]:
    """Median µs per call of ``measured`` and ``baseline``, interleaved."""
    for func in (measured, baseline):  # warm-up
        per_call_us(func, max(100, calls // 10))
    ours: list[float] = []
    raws: list[float] = []
    for _ in range(repeats):
        gc.collect()
        ours.append(per_call_us(measured, calls))
        raws.append(per_call_us(baseline, calls))
    return statistics.median(ours), statistics.median(raws)


def payload_1kb() -> dict[str, object]:
    body = "The teaser opens on a quiet harbour at dawn. " * 30
    payload: dict[str, object] = {
        "text": body,
        "tone": "warm",
        "words": len(body.split()),
        "brand_voice": "calm",
        "tags": ["harbour", "dawn", "teaser"],
    }
    size = len(json.dumps(payload, separators=(",", ":")))
    payload["text"] = body[: len(body) - (size - 1024)]
    return payload


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--calls", type=int, default=20000)
    parser.add_argument("--repeats", type=int, default=9)
    parser.add_argument("--clock", choices=sorted(_CLOCKS), default="wall")
    args = parser.parse_args(argv)
    calls, repeats = args.calls, args.repeats
    global _clock
    _clock = _CLOCKS[args.clock]

    provider = TracerProvider(shutdown_on_exit=False)
    provider.add_span_processor(BatchSpanProcessor(NoopExporter(), max_queue_size=1 << 16))
    raw = provider.get_tracer("baseline")
    rows: list[tuple[str, float, float, str, str]] = []

    with preserve_state():
        tracer.configure(tracer_provider=provider)

        # 1. agent call ------------------------------------------------------------
        @tracer.agent("writer")
        def agent_call(x: int = 1) -> int:
            return x

        with tracer.agent("writer") as step:
            agent_attrs = dict(step.span.attributes)

        def raw_agent(x: int = 1) -> int:
            with raw.start_as_current_span("invoke_agent writer", attributes=agent_attrs):
                return x

        ours, base = compare(agent_call, raw_agent, calls, repeats)
        ratio = ours / base
        rows.append(("agent call", ours, base, f"{ratio:.2f}x", "<= 1.0x"))

        # 2. handoff with a 1 KB payload -----------------------------------------------
        payload = payload_1kb()
        with tracer.handoff("writer", "editor", payload, carry=["brand_voice"]) as h:
            handoff_attrs = dict(h.span.attributes)
        assert handoff_attrs["coordgap.handoff.payload.size"] == 1024, handoff_attrs

        def handoff_call() -> None:
            with tracer.handoff("writer", "editor", payload, carry=["brand_voice"]):
                pass

        def raw_handoff() -> None:
            with raw.start_as_current_span("handoff writer -> editor", attributes=handoff_attrs):
                pass

        ours, base = compare(handoff_call, raw_handoff, calls, repeats)
        rows.append(("handoff, 1 KB payload", ours, base, f"{ours / base:.2f}x", "<= 1.25x"))
        # Where the handoff's extra time goes: the fingerprint (canonical JSON
        # and sha256 of the payload) against the same raw span.
        fp, base = compare(lambda: fingerprint_attributes(payload), raw_handoff, calls, repeats)
        rows.append(("  of which fingerprint", fp, base, f"{fp / base:.2f}x", "(in the above)"))

        # 3. disabled ----------------------------------------------------------------------
        def bare(x: int = 1) -> int:
            return x

        wrapped = tracer.agent("writer")(bare)
        tracer.configure(enabled=False, tracer_provider=provider)
        ours, base = compare(wrapped, bare, calls * 5, repeats)
        rows.append(("disabled agent call", ours, base, f"+{ours - base:.3f} µs", "< +0.2 µs"))

    provider.shutdown()
    print(
        f"coordgap overhead: {calls} calls x {repeats} repeats, medians, one process, "
        f"{args.clock} clock"
    )
    print(f"{'case':<24}{'coordgap µs':>13}{'baseline µs':>13}{'result':>14}  target")
    for name, ours, base, result, target in rows:
        print(f"{name:<24}{ours:>13.3f}{base:>13.3f}{result:>14}  {target}")
    print("baseline: raw start_as_current_span with the same attributes (bare call when disabled)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
