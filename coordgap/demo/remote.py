"""The render farm: a separate process that records voice-over takes.

This is the demo's real process boundary. The studio process injects the W3C
trace context into the handoff payload (:func:`tracer.inject`); this process
extracts it (:func:`tracer.extract`) so the voice-over agent's span lands in
the same trace, written to this process's own file in the local store (or
sent to the same OTLP endpoint).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

import tracer
from coordgap.demo.agents import voice_over

__all__ = ["finish", "record_voice_over", "start_worker"]

_log = logging.getLogger(__name__)


def start_worker(exporter: str, path: str | None, service_name: str) -> None:
    """Process-pool initializer: configure the tracer once for this process."""
    tracer.configure(service_name=service_name, exporter=exporter, path=path)


def record_voice_over(payload: Mapping[str, Any], latency_ms: float) -> dict[str, Any]:
    """Run the voice-over agent under the trace context carried by ``payload``."""
    with tracer.extract(dict(payload)):
        return voice_over(payload, latency_ms)


def finish() -> bool:
    """Flush and stop this process's exporter (within the tracer's two-second
    deadline); ``True`` when every span was delivered."""
    counts = tracer.shutdown()
    if counts is None:
        return True
    if counts.get("dropped", 0):
        _log.warning("render farm: %s spans were not delivered", counts["dropped"])
        return False
    return True
