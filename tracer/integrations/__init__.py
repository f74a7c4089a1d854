"""Framework integrations: trace an existing LangGraph, MCP, OpenAI Agents SDK,
AutoGen or CrewAI pipeline with one line. Each submodule imports its framework lazily, so
importing :mod:`tracer.integrations` never needs any of them installed."""

from __future__ import annotations

__all__: list[str] = []
