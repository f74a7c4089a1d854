"""The internal-error guard: instrumentation never breaks the code it wraps.

Every place where coordgap's own code runs inside a user's call goes through
:func:`internal_error` from an ``except Exception`` block. It logs a fixed
message once per site (with the traceback) and returns, so the user's call goes
on. Under pytest it re-raises instead, so a bug in coordgap fails the test that
hit it rather than hiding; :func:`raise_internal_errors` switches that (tests
of the swallow path turn it off).

Problems with the user's *input* (a plan of the wrong shape, a verdict that
means nothing) are not internal errors: :func:`warn_once` logs them once and
never raises, even under pytest.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["internal_error", "logger", "raise_internal_errors", "warn_once"]

logger = logging.getLogger("coordgap.tracer")

_seen: set[str] = set()
_seen_lock = threading.Lock()
# None: decide automatically (re-raise when running under pytest).
_raise_override: bool | None = None


def _first_time(key: str) -> bool:
    with _seen_lock:
        if key in _seen:
            return False
        _seen.add(key)
        return True


def _should_raise() -> bool:
    if _raise_override is not None:
        return _raise_override
    env = os.environ.get("COORDGAP_RAISE_INTERNAL_ERRORS")
    if env is not None:
        return env.strip().lower() in ("1", "true", "yes", "on")
    return "PYTEST_CURRENT_TEST" in os.environ or "_pytest" in sys.modules


def internal_error(where: str) -> None:
    """Handle an exception raised by coordgap itself while in ``where``.

    Call it only from an ``except Exception`` block. Logs once per ``where``
    and returns, except under pytest (or with ``COORDGAP_RAISE_INTERNAL_ERRORS=1``)
    where the exception is re-raised.
    """
    if _should_raise():
        raise  # noqa: PLE0704 - called from an except block by contract
    if _first_time("internal:" + where):
        logger.exception(
            "coordgap: internal error while %s; tracing goes on without it "
            "(further errors here are not logged)",
            where,
        )


def warn_once(key: str, message: str, *args: object) -> None:
    """Log ``message`` (a %-format) once per ``key``; never raises."""
    if _first_time("warn:" + key):
        logger.warning("coordgap: " + message, *args)


@contextmanager
def raise_internal_errors(value: bool | None) -> Iterator[None]:
    """Force (True), suppress (False) or auto-decide (None) re-raising internal errors."""
    global _raise_override
    previous = _raise_override
    _raise_override = value
    try:
        yield
    finally:
        _raise_override = previous


def reset_once() -> None:
    """Forget which messages were logged (tests use it to see the 'once' again)."""
    with _seen_lock:
        _seen.clear()
