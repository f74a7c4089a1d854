"""Ready-made wrappers for sync, async, generator and async-generator functions.

Picked once per decorated function. A generator's span starts at its first
step and ends when it is exhausted, closed or raises; its context is current
only while the generator's own code runs, never in the consumer between items.
"""

from __future__ import annotations

import inspect
from collections.abc import AsyncGenerator, Callable, Generator
from typing import TYPE_CHECKING, Any

from opentelemetry import context as otel_context

from tracer import _runtime, semconv
from tracer._content import record_content
from tracer._guard import internal_error

if TYPE_CHECKING:  # _spans imports this module: StepSpec is only a type here
    from tracer._spans import StepSpec

__all__ = ["make_wrapper"]

_attach = otel_context.attach
_detach = otel_context.detach
_NOTHING: Any = object()

InputOf = Callable[[tuple[Any, ...], dict[str, Any]], Any]


def _capture_input(span: Any, input_of: InputOf, args: tuple[Any, ...], kwargs: Any) -> None:
    try:
        record_content(span, semconv.INPUT_CONTENT, input_of(args, kwargs))
    except Exception:
        internal_error("recording input content")


def make_wrapper(func: Callable[..., Any], spec: StepSpec, input_of: InputOf) -> Any:
    if inspect.isasyncgenfunction(func):
        return _async_gen(func, spec, input_of)
    if inspect.iscoroutinefunction(func):
        return _async(func, spec, input_of)
    if inspect.isgeneratorfunction(func):
        return _gen(func, spec, input_of)
    return _sync(func, spec, input_of)


def _sync(func: Callable[..., Any], spec: StepSpec, input_of: InputOf) -> Any:
    rt = _runtime
    begin, end, result = spec.begin, spec.end, spec.result
    needs_result = spec.kind in ("plan", "verify")

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        st = rt.current
        if not st.enabled:
            # a call without keywords skips building the empty mapping: the
            # disabled path is the wrapper's whole cost (benchmarks/overhead.py)
            if kwargs:
                return func(*args, **kwargs)
            return func(*args)
        began = begin()
        if began is None:
            return func(*args, **kwargs)
        span, token = began
        if st.capture_content:
            _capture_input(span, input_of, args, kwargs)
        try:
            value = func(*args, **kwargs)
        except BaseException as exc:
            end(span, token, exc)
            raise
        if needs_result or st.capture_content:
            result(span, value)
        end(span, token)
        return value

    return wrapper


def _async(func: Callable[..., Any], spec: StepSpec, input_of: InputOf) -> Any:
    rt = _runtime
    begin, end, result = spec.begin, spec.end, spec.result
    needs_result = spec.kind in ("plan", "verify")

    async def wrapper(*args: Any, **kwargs: Any) -> Any:
        st = rt.current
        if not st.enabled:
            return await func(*args, **kwargs)
        began = begin()
        if began is None:
            return await func(*args, **kwargs)
        span, token = began
        if st.capture_content:
            _capture_input(span, input_of, args, kwargs)
        try:
            value = await func(*args, **kwargs)
        except BaseException as exc:
            end(span, token, exc)
            raise
        if needs_result or st.capture_content:
            result(span, value)
        end(span, token)
        return value

    return wrapper


def _gen_result(spec: StepSpec, items: list[Any], last: Any, value: Any) -> Any:
    """What a generator step 'returned': plan -> yielded subtasks; verify -> final verdict."""
    if value is not None:
        return value
    if spec.kind == "plan":
        return items
    return None if last is _NOTHING else last


def _gen(func: Callable[..., Any], spec: StepSpec, input_of: InputOf) -> Any:
    rt = _runtime
    start, end, result = spec.start, spec.end, spec.result
    collect = spec.kind == "plan"
    keep_last = spec.kind == "verify"

    def wrapper(*args: Any, **kwargs: Any) -> Generator[Any, Any, Any]:
        st = rt.current
        if not st.enabled:
            return (yield from func(*args, **kwargs))
        started = start()
        if started is None:
            return (yield from func(*args, **kwargs))
        span, ctx = started
        if st.capture_content:
            _capture_input(span, input_of, args, kwargs)
        items: list[Any] = []
        last: Any = _NOTHING
        to_send: Any = None
        to_throw: BaseException | None = None
        try:
            gen = func(*args, **kwargs)
            while True:
                token = _attach(ctx)
                try:
                    if to_throw is not None:
                        pending, to_throw = to_throw, None
                        item = gen.throw(pending)
                    else:
                        item = gen.send(to_send)
                finally:
                    _detach(token)
                if collect:
                    items.append(item)
                elif keep_last:
                    last = item
                try:
                    to_send = yield item
                except GeneratorExit:
                    token = _attach(ctx)
                    try:
                        gen.close()
                    finally:
                        _detach(token)
                    raise
                except BaseException as exc:  # delivered to the user's generator as is
                    to_throw, to_send = exc, None
        except StopIteration as stop:
            if collect or keep_last or st.capture_content:
                result(span, _gen_result(spec, items, last, stop.value))
            end(span, None)
            return stop.value
        except BaseException as exc:
            end(span, None, exc)
            raise

    return wrapper


def _async_gen(func: Callable[..., Any], spec: StepSpec, input_of: InputOf) -> Any:
    rt = _runtime
    start, end, result = spec.start, spec.end, spec.result
    collect = spec.kind == "plan"
    keep_last = spec.kind == "verify"

    async def wrapper(*args: Any, **kwargs: Any) -> AsyncGenerator[Any, Any]:
        # One loop for traced and untraced runs (span None): async generators have
        # no "yield from", and asend/athrow must reach the user's generator either way.
        st = rt.current
        started = start() if st.enabled else None
        span, ctx = started if started is not None else (None, None)
        if span is not None and st.capture_content:
            _capture_input(span, input_of, args, kwargs)
        items: list[Any] = []
        last: Any = _NOTHING
        to_send: Any = None
        to_throw: BaseException | None = None
        try:
            agen = func(*args, **kwargs)
            while True:
                token = _attach(ctx) if ctx is not None else None
                try:
                    if to_throw is not None:
                        pending, to_throw = to_throw, None
                        item = await agen.athrow(pending)
                    else:
                        item = await agen.asend(to_send)
                finally:
                    if token is not None:
                        _detach(token)
                if collect:
                    items.append(item)
                elif keep_last:
                    last = item
                try:
                    to_send = yield item
                except GeneratorExit:
                    token = _attach(ctx) if ctx is not None else None
                    try:
                        await agen.aclose()
                    finally:
                        if token is not None:
                            _detach(token)
                    raise
                except BaseException as exc:  # delivered to the user's generator as is
                    to_throw, to_send = exc, None
        except StopAsyncIteration:
            if span is not None:
                if collect or keep_last or st.capture_content:
                    result(span, _gen_result(spec, items, last, None))
                end(span, None)
            return
        except BaseException as exc:
            if span is not None:
                end(span, None, exc)
            raise

    return wrapper
