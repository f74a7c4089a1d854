"""Validation of the public API's options: one rule per kind of option, one message shape.

Every option is checked where it is given (decoration time for decorators,
the call for ``tracer.handoff``, ``configure()`` for settings), whether or not
tracing is enabled, and a bad one raises ``ValueError`` naming the function,
the option and what it accepts: ``coordgap: handoff(carry=5): expected a key
name or a list of key names``. The same input is treated the same everywhere:
a single string given where keys are expected is one key, never its letters.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from tracer import semconv

__all__ = ["check_choice", "check_keys", "check_name", "check_seconds", "check_flag", "fail"]


def fail(where: str, option: str, value: Any, expected: str) -> ValueError:
    """The one error shape: ``coordgap: where(option=value): expected ...``."""
    return ValueError(f"coordgap: {where}({option}={value!r}): expected {expected}")


def check_keys(where: str, option: str, value: Any) -> tuple[str, ...]:
    """A key name or an iterable of key names -> a tuple of names (a string is one key)."""
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, bytes | Mapping) or not isinstance(value, Iterable):
        raise fail(where, option, value, "a key name or a list of key names")
    keys = tuple(value)
    if not all(isinstance(k, str) for k in keys):
        raise fail(where, option, value, "a key name or a list of key names (strings)")
    return keys


def check_choice(where: str, option: str, value: Any, allowed: tuple[str, ...]) -> Any:
    """``value`` when it is one of ``allowed`` (or None); else ValueError."""
    if value is None or (isinstance(value, str) and value in allowed):
        return value
    raise fail(where, option, value, "one of " + ", ".join(allowed))


def check_actor(where: str, option: str, value: Any) -> Any:
    return check_choice(where, option, value, semconv.ACTORS)


def check_name(where: str, option: str, value: Any) -> str:
    """A non-empty name (agents, tools, handoff ends)."""
    if isinstance(value, str) and value.strip():
        return value
    raise fail(where, option, value, "a non-empty string")


def check_seconds(where: str, option: str, value: Any) -> float | None:
    """None or a non-negative number of seconds."""
    if value is None:
        return None
    if isinstance(value, int | float) and not isinstance(value, bool) and value >= 0:
        return float(value)
    raise fail(where, option, value, "a number of seconds >= 0, or None")


def check_flag(where: str, option: str, value: Any) -> bool:
    """A real bool (``strict="no"`` must not mean True)."""
    if isinstance(value, bool):
        return value
    raise fail(where, option, value, "True or False")
