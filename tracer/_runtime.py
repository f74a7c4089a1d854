"""The tracer's runtime state: one object, swapped whole.

The tracer's state lives in one :class:`Runtime` (``current``): the
configuration in effect, the tracer spans start from, the verifier attempt
counts and run contexts of recent runs, which warnings were already logged,
and whether internal errors re-raise. Code reads ``_runtime.current`` at each
call (never a copy kept at import or decoration time), so :mod:`tracer.testing`
can swap in another runtime and put the old one back whole.

Not in it, on purpose: memo caches of values derived from their key alone
(a compiled ``expects``, a handoff edge's attributes in ``tracer._handoff``),
which give the same answer under any runtime; the steps a context-manager
form has open (a context variable per spec, so each thread and task sees its
own); and what a framework integration patched, which its own
``instrument()`` / ``uninstrument()`` own.

What belongs to the process rather than to a configuration (the TracerProvider
coordgap made global, which OpenTelemetry sets only once, and the exit hook)
is in :class:`Process`, shared by every runtime.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from opentelemetry import trace

__all__ = ["Process", "Runtime", "current", "swap"]

_FALSE = ("0", "false", "no", "off", "")


class Process:
    """Process-wide facts every runtime shares."""

    def __init__(self) -> None:
        self.owned_providers: dict[str | None, Any] = {}
        self.switch: Any = None  # the _SwitchProcessor on coordgap's own providers
        self.atexit_registered = False


class Runtime:
    """Everything the hot path reads, and the bookkeeping of recent runs."""

    def __init__(self, process: Process | None = None) -> None:
        self.process = process if process is not None else Process()
        self.enabled = _env_enabled()
        self.tracer: trace.Tracer | None = None
        self.provider: Any = None
        self.capture_content = False
        self.redact: Callable[[str], str] | None = None
        self.max_content_length = 2048
        self.settings: Any = None
        self.resume_used = False
        # processors coordgap added to providers it does not own (stopped at exit)
        self.added: list[Any] = []
        # trace_id -> {verifier name -> attempts so far}; oldest runs evicted first
        self.attempts: dict[int, dict[str, int]] = {}
        self.attempts_lock = threading.Lock()
        # trace_id -> the run span's context, so a late outcome can link to it
        self.run_contexts: dict[int, Any] = {}
        # messages already logged once
        self.seen: set[str] = set()
        self.seen_lock = threading.Lock()
        # None: COORDGAP_RAISE_INTERNAL_ERRORS decides; True/False: forced
        self.raise_internal: bool | None = None
        # the clock of times coordgap sets itself (a handoff's start and delivery)
        self.clock: Callable[[], int] = time.time_ns

    def copy(self) -> Runtime:
        """A copy with its own containers (changing it leaves this one as it was)."""
        other = Runtime(self.process)
        for name, value in vars(self).items():
            if name in ("attempts_lock", "seen_lock", "process"):
                continue
            if isinstance(value, dict | set | list):
                value = type(value)(value)
            setattr(other, name, value)
        other.attempts = {tid: dict(per) for tid, per in self.attempts.items()}
        return other


def _env_enabled() -> bool:
    # COORDGAP_ENABLED is parsed strictly by configure(); an unreadable value
    # here leaves tracing on so that configure() reports it.
    raw = os.environ.get("COORDGAP_ENABLED")
    return raw is None or raw.strip().lower() not in _FALSE or raw.strip() == ""


current = Runtime()


def swap(runtime: Runtime) -> Runtime:
    """Make ``runtime`` the current one; returns the one it replaces."""
    global current
    previous, current = current, runtime
    return previous
