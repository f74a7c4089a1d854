"""Handoffs between LangGraph nodes: what one node's run hands to the next.

A handoff span ``handoff {source} -> {target}`` runs from the source's end to the
target's start and carries the fingerprint of the state the target receives, the
keys added, dropped and changed since the source read it, and the violations found
(a carried key dropped, a key changing type, a key the target expects missing).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from opentelemetry import trace
from opentelemetry.trace import Span, Tracer

from tracer import semconv
from tracer.integrations._common import (
    _Content,
    _fingerprint,
    _Snapshot,
    _state_diff,
    handoff_attributes,
)
from tracer.integrations._langgraph_graph import FRAMEWORK

__all__: list[str] = []


def violations(
    diff: Mapping[str, list[str]],
    state: Mapping[str, Any],
    expected: Sequence[str],
    carry: Sequence[str] | None,
) -> list[str]:
    """``"<kind>: <detail>"`` for each carried key dropped (every dropped key when
    ``carry`` is None), each key that changed type, each expected key missing."""
    dropped = diff["dropped"] if carry is None else [k for k in diff["dropped"] if k in carry]
    found = [f"{semconv.VIOLATION_DROPPED_KEY}: {k}" for k in dropped]
    found += [f"{semconv.VIOLATION_TYPE_MISMATCH}: {t}" for t in diff["type_changed"]]
    found += [f"{semconv.VIOLATION_MISSING_KEY}: {k}" for k in expected if state.get(k) is None]
    return found


@dataclass(frozen=True)
class Handoff:
    """A handoff read when its target started, written when the target ends (then the
    target's actor is known: see :meth:`HandoffWriter.write`)."""

    parent: Span
    source: str
    target: str
    attributes: dict[str, Any]
    start_ns: int
    end_ns: int


@dataclass(frozen=True)
class HandoffWriter:
    """Writes the handoff spans of one handler, with its options."""

    tracer: Tracer | Any
    actors: Mapping[str, str]
    carry: list[str] | None
    expects: Mapping[str, list[str]]
    content: _Content

    def prepare(
        self,
        parent: Span,
        source: str,
        source_end_ns: int,
        target: str,
        state: Mapping[str, Any],
        snap: _Snapshot,
        baseline: _Snapshot,
        start_ns: int,
    ) -> Handoff:
        """``handoff {source} -> {target}`` under ``parent``, ending when the target
        starts (``start_ns``); ``baseline`` is what the source read (or sent). Read
        now, before the target can change ``state`` in place."""
        diff = _state_diff(baseline, snap)
        expected = self.expects.get(target, [])
        found = violations(diff, state, expected, self.carry)
        attrs = handoff_attributes(
            source,
            target,
            source_actor=self.actors.get(source, semconv.ACTOR_CODE),
            target_actor=self.actors.get(target, semconv.ACTOR_CODE),
            integration=FRAMEWORK,
        )
        attrs |= {
            semconv.HANDOFF_KEYS_ADDED: diff["added"],
            semconv.HANDOFF_KEYS_DROPPED: diff["dropped"],
            semconv.HANDOFF_KEYS_CHANGED: diff["changed"],
            semconv.HANDOFF_VIOLATIONS: found,
            semconv.HANDOFF_VIOLATION_COUNT: len(found),
            **_fingerprint(dict(state)),
        }
        if self.carry is not None:
            attrs[semconv.HANDOFF_CARRY] = self.carry
        if expected:
            attrs[semconv.HANDOFF_EXPECTS] = "keys: " + ", ".join(expected)
        if self.content.enabled:
            attrs[semconv.HANDOFF_PAYLOAD_CONTENT] = self.content.render(dict(state))
        begin = min(source_end_ns or start_ns, start_ns)
        return Handoff(parent, source, target, attrs, begin, start_ns)

    def write(self, handoff: Handoff, source_actor: str, target_actor: str) -> None:
        """The span of ``handoff``, with the actors of its ends as they turned out."""
        attrs = dict(handoff.attributes)
        attrs[semconv.HANDOFF_SOURCE_ACTOR] = source_actor
        attrs[semconv.HANDOFF_TARGET_ACTOR] = target_actor
        span = self.tracer.start_span(
            semconv.handoff_span_name(handoff.source, handoff.target),
            context=trace.set_span_in_context(handoff.parent),
            attributes=attrs,
            start_time=handoff.start_ns,
        )
        span.end(end_time=handoff.end_ns)
