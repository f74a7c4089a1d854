"""Context survives threads, asyncio tasks, generators and process boundaries."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import textwrap
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

import tracer
from tracer.testing import Captured, capture

REPO = Path(__file__).resolve().parents[1]


@tracer.agent("worker")
def worker(x: int) -> int:
    return x + 1


def parents(spans: Captured) -> dict[str, str | None]:
    """span name -> parent span name (None for a root)."""
    dicts = spans.dicts()
    names = {d["span_id"]: d["name"] for d in dicts}
    return {d["name"]: names.get(d["parent_id"]) if d["parent_id"] else None for d in dicts}


def test_thread_pool_submit_keeps_the_parent(spans: Captured) -> None:
    """ThreadPoolExecutor.submit: the worker's span is a child of the submitting span."""
    with tracer.workflow("run"), ThreadPoolExecutor(max_workers=2) as pool:
        assert pool.submit(worker, 1).result() == 2
    assert parents(spans) == {
        "invoke_agent worker": "invoke_workflow run",
        "invoke_workflow run": None,
    }


def test_threading_thread_keeps_the_parent(spans: Captured) -> None:
    """threading.Thread started inside a span carries it to the thread."""
    out: list[int] = []
    with tracer.workflow("run"):
        thread = threading.Thread(target=lambda: out.append(worker(1)))
        thread.start()
        thread.join()
    assert out == [2]
    assert parents(spans)["invoke_agent worker"] == "invoke_workflow run"


def test_asyncio_tasks_and_gather_keep_the_parent(spans: Captured) -> None:
    """Tasks created and gathered inside a span are its children; siblings stay siblings."""

    @tracer.agent
    async def fetch(n: int) -> int:
        await asyncio.sleep(0.001 * n)
        return n

    @tracer.workflow("run")
    async def run() -> list[int]:
        task = asyncio.create_task(fetch(3))
        both = await asyncio.gather(fetch(1), fetch(2))
        return [*both, await task]

    assert asyncio.run(run()) == [1, 2, 3]
    dicts = spans.dicts()
    run_id = next(d["span_id"] for d in dicts if d["name"] == "invoke_workflow run")
    fetches = [d for d in dicts if d["name"] == "invoke_agent fetch"]
    assert len(fetches) == 3 and all(d["parent_id"] == run_id for d in fetches)


def test_generator_context_is_current_only_inside_the_generator(spans: Captured) -> None:
    """Calls from inside a traced generator are its children; the consumer's are not."""

    @tracer.agent("stream")
    def stream():  # type: ignore[no-untyped-def]
        yield worker(0)
        yield worker(1)

    with tracer.workflow("run"):
        for _item in stream():
            worker(10)  # the consumer: a child of the run, not of the generator
    dicts = spans.dicts()
    by_id = {d["span_id"]: d["name"] for d in dicts}
    worker_parents = [by_id[d["parent_id"]] for d in dicts if d["name"] == "invoke_agent worker"]
    assert worker_parents == [
        "invoke_agent stream",
        "invoke_workflow run",
        "invoke_agent stream",
        "invoke_workflow run",
    ]


def test_async_generator_context_is_current_only_inside_it(spans: Captured) -> None:
    """Same for async generators."""

    @tracer.agent("astream")
    async def astream():  # type: ignore[no-untyped-def]
        yield worker(0)

    async def main() -> None:
        with tracer.workflow("run"):
            async for _ in astream():
                worker(5)

    asyncio.run(main())
    dicts = spans.dicts()
    by_id = {d["span_id"]: d["name"] for d in dicts}
    assert [by_id[d["parent_id"]] for d in dicts if d["name"] == "invoke_agent worker"] == [
        "invoke_agent astream",
        "invoke_workflow run",
    ]


CHILD = textwrap.dedent(
    """
    import json, sys
    import tracer
    from tracer.testing import capture

    mode, token = sys.argv[1], sys.argv[2]

    @tracer.agent("editor", actor="human")
    def edit():
        return 1

    with capture(fixed=False) as spans:
        if mode == "extract":
            with tracer.extract(json.loads(token)):
                edit()
        else:
            with tracer.resume(token):
                edit()
    print(json.dumps(spans.dicts()))
    """
)


def run_child(mode: str, token: str) -> list[dict[str, Any]]:
    result = subprocess.run(
        [sys.executable, "-c", CHILD, mode, token],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=REPO,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_inject_extract_across_a_real_subprocess(spans: Captured) -> None:
    """A payload carrying traceparent continues the trace in another process."""
    with tracer.agent("writer") as step:
        with tracer.handoff("writer", "editor", {"text": "draft"}) as h:
            payload = tracer.inject(h.payload)
            assert payload is h.payload and set(payload) == {"text", "traceparent"}
            (child,) = run_child("extract", json.dumps(payload))
            handoff_span_id = format(h.span.get_span_context().span_id, "016x")
    assert child["name"] == "invoke_agent editor"
    assert child["trace_id"] == step.trace_id
    assert child["parent_id"] == handoff_span_id
    assert "coordgap.resumed" not in child["attributes"]


def test_suspend_and_resume_in_another_process(spans: Captured) -> None:
    """A suspended human step resumes in the same trace, under the same span."""
    with tracer.agent("approver", actor="human") as step:
        token = tracer.suspend()
    assert token is not None and token == f"00-{step.trace_id}-{step.span_id}-01"
    (child,) = run_child("resume", token)
    assert child["trace_id"] == step.trace_id
    assert child["parent_id"] == step.span_id
    assert child["attributes"]["coordgap.resumed"] is True


def test_suspend_outside_any_span_and_bad_tokens() -> None:
    """No span: no token; a bad token resumes nothing and never raises."""
    assert tracer.suspend() is None
    with tracer.resume("not-a-token"):
        assert tracer.current_trace_id() is None
    with tracer.extract({"traceparent": "garbage"}) as ctx:
        assert tracer.current_trace_id() is None
        assert ctx is not None


def test_one_spec_object_entered_from_two_threads_at_once(spans: Captured, caplog: Any) -> None:
    """A shared `tracer.agent(...)` object used as a context manager concurrently:
    each thread ends its own span and restores its own context."""
    shared = tracer.agent("shared")
    both_inside = threading.Barrier(2, timeout=10)
    seen: list[str] = []

    def work() -> None:
        with shared as step:
            both_inside.wait()
            seen.append(step.span_id)
            assert tracer.current_trace_id() == step.trace_id
        assert tracer.current_trace_id() == run.trace_id

    with tracer.workflow("run") as run:
        threads = [threading.Thread(target=work) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    dicts = spans.dicts()
    shared_spans = [d for d in dicts if d["name"] == "invoke_agent shared"]
    assert sorted(d["span_id"] for d in shared_spans) == sorted(seen)
    assert all(d["parent_id"] == run.span_id for d in shared_spans)
    assert not [r for r in caplog.records if "detach" in r.getMessage().lower()]


def test_generator_protocol_is_forwarded(spans: Captured) -> None:
    """send(), throw() and the return value reach the user's generator unchanged."""

    @tracer.agent("coroutine")
    def accumulate():  # type: ignore[no-untyped-def]
        total = 0
        while True:
            try:
                got = yield total
            except ValueError:
                got = -100
            if got is None:
                return total
            total += got

    gen = accumulate()
    assert next(gen) == 0
    assert gen.send(5) == 5
    assert gen.throw(ValueError("reset")) == -95
    try:
        gen.send(None)
    except StopIteration as stop:
        assert stop.value == -95
    else:
        raise AssertionError("the generator should have returned")
    (only,) = spans.dicts()
    assert only["name"] == "invoke_agent coroutine" and only["status"] == "UNSET"


@pytest.mark.parametrize("enabled", [True, False])
def test_async_generator_protocol_is_forwarded(enabled: bool) -> None:
    """asend() and athrow() reach the user's async generator, traced or disabled."""

    @tracer.agent("acoroutine")
    async def accumulate():  # type: ignore[no-untyped-def]
        total = 0
        while True:
            try:
                got = yield total
            except ValueError:
                got = -100
            total += got

    async def drive() -> list[int]:
        agen = accumulate()
        seen = [await agen.__anext__(), await agen.asend(5)]
        seen.append(await agen.athrow(ValueError("reset")))
        await agen.aclose()
        return seen

    with capture(enabled=enabled) as spans:
        assert asyncio.run(drive()) == [0, 5, -95]
    names = [(d["name"], d["status"]) for d in spans.dicts()]
    assert names == ([("invoke_agent acoroutine", "UNSET")] if enabled else [])
