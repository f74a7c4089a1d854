"""The integrations with a global switch share one lifecycle (instrument, uninstrument,
is_instrumented): idempotent, never stacked, and the framework put back as it was."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from types import ModuleType
from typing import Any

import pytest
from integration_support import need


def _mcp_patched() -> Any:
    from mcp import ClientSession

    return ClientSession.call_tool


def _crewai_patched() -> Any:
    from crewai.events import crewai_event_bus

    return vars(crewai_event_bus).get("emit")


def _agents_patched() -> Any:
    return None  # the SDK offers no public way to list its processors


SWITCHES: dict[str, tuple[str, Callable[[], Any]]] = {
    "mcp": ("mcp", _mcp_patched),
    "crewai": ("crewai", _crewai_patched),
    "openai_agents": ("agents", _agents_patched),
}


def _integration(name: str) -> ModuleType:
    """The integration module, its framework required; CrewAI's telemetry and
    first-run prompt are switched off (crewai_support) before CrewAI is imported."""
    if name == "crewai":
        importlib.import_module("crewai_support")  # sets the environment, then need()s it
    need(SWITCHES[name][0])
    return importlib.import_module(f"tracer.integrations.{name}")


@pytest.fixture(params=sorted(SWITCHES))
def switch(request: pytest.FixtureRequest) -> Iterator[tuple[ModuleType, Callable[[], Any]]]:
    patched = SWITCHES[request.param][1]
    module = _integration(request.param)
    module.uninstrument()
    yield module, patched
    module.uninstrument()
    _quiet_agents_sdk(request.param)


def _quiet_agents_sdk(name: str) -> None:
    """uninstrument() gave the Agents SDK its uploading processor back: not in tests."""
    if name == "openai_agents":
        from agents.tracing import set_trace_processors

        set_trace_processors([])


def test_lifecycle_is_idempotent_and_restores(switch: tuple[ModuleType, Callable[[], Any]]) -> None:
    """instrument twice patches once; uninstrument twice is harmless and restores."""
    module, patched = switch
    before = patched()
    assert module.is_instrumented() is False
    module.instrument()
    first = patched()
    module.instrument()  # replaces the options: the first patch is undone, not wrapped again
    assert module.is_instrumented() is True
    second = patched()
    if before is not None or first is not None:
        assert second is not first
        assert getattr(second, "__wrapped__", before) is before
    module.uninstrument()
    module.uninstrument()
    assert module.is_instrumented() is False
    assert patched() is before


@pytest.mark.parametrize("name", ["crewai", "openai_agents"])  # mcp has no impossible option
def test_bad_options_leave_the_framework_as_it_was(name: str) -> None:
    """A ValueError from instrument() comes before anything is patched or unpatched."""
    patched = SWITCHES[name][1]
    module = _integration(name)
    module.instrument()
    on = patched()
    with pytest.raises(ValueError):
        module.instrument(roles={"writer": "juggle"})
    assert module.is_instrumented() is True
    assert patched() is on
    module.uninstrument()
    _quiet_agents_sdk(name)


def test_uninstrumented_agents_processor_writes_nothing() -> None:
    """After uninstrument() the Agents SDK's processor (which the SDK keeps) is inert."""
    need("agents")
    from agents.tracing import trace as sdk_trace
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import SimpleSpanProcessor
    from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

    from tracer.integrations import openai_agents as cg_agents

    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    processor = cg_agents.instrument(tracer_provider=provider, keep_default_exporter=True)
    cg_agents.uninstrument()
    with sdk_trace("after"):
        pass
    _quiet_agents_sdk("openai_agents")
    assert processor.active is False
    assert exporter.get_finished_spans() == ()
