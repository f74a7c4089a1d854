"""The internal-error guard: instrumentation never breaks the code it wraps.

Every place where coordgap's own code runs inside a user's call goes through
:func:`internal_error` from an ``except Exception`` block. It logs a fixed
message once per site (with the traceback) and returns, so the user's call goes
on. Re-raising instead is opt-in, never inferred from the environment (an
application's own test suite must not get coordgap's bugs raised into it):
``COORDGAP_RAISE_INTERNAL_ERRORS=1``, or :func:`raise_internal_errors` (also a
pytest fixture in :mod:`tracer.testing`). coordgap's own tests turn it on.

Problems with the user's *input* (a plan of the wrong shape, a verdict that
means nothing) are not internal errors: :func:`warn_once` logs them once and
never raises.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager

from tracer import _runtime

__all__ = ["internal_error", "logger", "raise_internal_errors", "warn_once"]

logger = logging.getLogger("coordgap.tracer")

RAISE_ENV = "COORDGAP_RAISE_INTERNAL_ERRORS"


def _first_time(key: str) -> bool:
    runtime = _runtime.current
    with runtime.seen_lock:
        if key in runtime.seen:
            return False
        runtime.seen.add(key)
        return True


def should_raise() -> bool:
    """Whether internal errors re-raise: the override, else ``COORDGAP_RAISE_INTERNAL_ERRORS``."""
    forced = _runtime.current.raise_internal
    if forced is not None:
        return forced
    return os.environ.get(RAISE_ENV, "").strip().lower() in ("1", "true", "yes", "on")


def internal_error(where: str) -> None:
    """Handle an exception raised by coordgap itself while in ``where``.

    Call it only from an ``except Exception`` block. Logs once per ``where``
    and returns; re-raises only when asked to (see the module docstring).
    """
    if should_raise():
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
def raise_internal_errors(value: bool | None = True) -> Iterator[None]:
    """Force (True), suppress (False) or leave to the environment (None) re-raising."""
    runtime = _runtime.current
    previous = runtime.raise_internal
    runtime.raise_internal = value
    try:
        yield
    finally:
        runtime.raise_internal = previous


def reset_once() -> None:
    """Forget which messages were logged (tests use it to see the 'once' again)."""
    runtime = _runtime.current
    with runtime.seen_lock:
        runtime.seen.clear()
