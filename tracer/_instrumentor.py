"""One lifecycle for the framework integrations that switch on globally.

Modelled on OpenTelemetry's ``BaseInstrumentor``: one instance per framework,
``instrument()`` / ``uninstrument()`` / ``is_instrumented()``, safe to call in
any order and from several threads. Re-exported by :mod:`tracer.instrumentation`
(integrations import it from there).
"""

from __future__ import annotations

import threading
from abc import ABC, abstractmethod
from typing import Any

__all__ = ["Instrumentor"]


class Instrumentor(ABC):
    """A framework's global switch: patch on :meth:`instrument`, undo on :meth:`uninstrument`.

    The contract, for every integration built on it:

    - ``instrument(**options)`` switches tracing on. Called again while on, it
      replaces the options: the earlier patch is undone first, so patches never
      stack and each event is traced once. (OpenTelemetry's ``BaseInstrumentor``
      ignores a second call instead; coordgap's integrations have always let a
      second call change the options, and keep that.)
    - ``uninstrument()`` puts the framework back as it was; a no-op when off.
    - ``is_instrumented()`` says whether it is on.

    Subclasses implement :meth:`_instrument` (patch, and return what
    :meth:`_uninstrument` needs to undo it) and :meth:`_uninstrument`. Options
    are checked, and a ``ValueError`` raised, before ``instrument()`` is
    called (the integration's own ``instrument`` function builds its listener
    or processor first), so a bad call never leaves the framework half-patched.
    """

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._handle: Any = None
        self._on = False

    @abstractmethod
    def _instrument(self, **options: Any) -> Any:
        """Patch the framework with ``options``; return what undoes it."""

    @abstractmethod
    def _uninstrument(self, handle: Any) -> None:
        """Undo the patch :meth:`_instrument` returned ``handle`` for."""

    def instrument(self, **options: Any) -> None:
        """Switch tracing on with ``options`` (replacing earlier ones)."""
        with self._lock:
            self._off()
            self._handle = self._instrument(**options)
            self._on = True

    def uninstrument(self) -> None:
        """Put the framework back as it was; nothing happens when tracing is off."""
        with self._lock:
            self._off()

    def is_instrumented(self) -> bool:
        """True between :meth:`instrument` and :meth:`uninstrument`."""
        return self._on

    def _off(self) -> None:
        if self._on:
            handle, self._handle, self._on = self._handle, None, False
            self._uninstrument(handle)
