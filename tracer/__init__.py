"""coordgap tracer: decorators and context managers that put every agent call,
plan, handoff and verdict of a multi-agent pipeline on an OpenTelemetry trace."""

from __future__ import annotations
