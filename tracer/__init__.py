"""coordgap tracer: decorators and context managers that put every agent call,
plan, handoff and verdict of a multi-agent pipeline on an OpenTelemetry trace.

Public API (see docs/tracer.md)::

    import tracer
    tracer.configure(...)                  # optional: local store by default
    @tracer.workflow("teaser")             # the run
    @tracer.agent("writer")                # agent call
    @tracer.tool("search")                 # tool call
    @tracer.plan("supervisor")             # returns the subtask list
    @tracer.verify("brand-check")          # returns the verdict
    with tracer.handoff("writer", "editor", payload, expects=..., carry=[...]) as h: ...
    tracer.outcome(False, "client rejected")

Nothing here ever raises into the code it wraps, except ``HandoffError`` from a
``strict=True`` handoff and ``ValueError`` from impossible settings.
"""

from __future__ import annotations

from tracer._config import Settings, configure, flush, shutdown
from tracer._decorators import agent, plan, tool, verify, workflow
from tracer._handoff import Handoff, HandoffError, handoff
from tracer._propagation import current_trace_id, extract, inject, outcome, resume, suspend
from tracer._spans import Step
from tracer._verdict import Verdict

__all__ = [
    "Handoff",
    "HandoffError",
    "Settings",
    "Step",
    "Verdict",
    "agent",
    "configure",
    "current_trace_id",
    "extract",
    "flush",
    "handoff",
    "inject",
    "outcome",
    "plan",
    "resume",
    "shutdown",
    "suspend",
    "tool",
    "verify",
    "workflow",
]
