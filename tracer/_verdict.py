"""Verdicts of a verifier: what ``@tracer.verify`` functions may return."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from tracer import semconv

__all__ = ["Verdict", "parse_verdict"]

_ACCEPT = frozenset({"accept", "accepted", "pass", "passed", "ok", "approve", "approved"})
_REJECT = frozenset({"reject", "rejected", "fail", "failed", "deny", "denied"})


@dataclass(frozen=True)
class Verdict:
    """A verifier's decision: ``accepted``, an optional ``reason`` and ``score``."""

    accepted: bool
    reason: str | None = None
    score: float | None = None

    def __bool__(self) -> bool:
        """A verdict is true when it accepts: ``if check(draft):`` retries on a reject."""
        return self.accepted

    @property
    def label(self) -> str:
        return semconv.VERDICT_ACCEPT if self.accepted else semconv.VERDICT_REJECT


def parse_verdict(value: Any) -> Verdict | None:
    """Read a verdict from what a verifier returned; None when it is not one.

    Accepted forms: ``True``/``False``; ``"accept"``/``"reject"`` (and the
    usual synonyms, any case); a :class:`Verdict`; ``(accepted, reason)``;
    a mapping or object with ``accepted`` (and optional ``reason``, ``score``).
    """
    if isinstance(value, Verdict):
        return value
    if isinstance(value, bool):
        return Verdict(value)
    if isinstance(value, str):
        word = value.strip().lower()
        if word in _ACCEPT:
            return Verdict(True)
        if word in _REJECT:
            return Verdict(False)
        return None
    if isinstance(value, tuple) and len(value) == 2:
        head = parse_verdict(value[0])
        if head is None:
            return None
        return Verdict(head.accepted, None if value[1] is None else str(value[1]), head.score)
    if isinstance(value, Mapping):
        if "accepted" not in value:
            return None
        accepted, reason, score = value["accepted"], value.get("reason"), value.get("score")
    elif hasattr(value, "accepted"):
        accepted = value.accepted
        reason = getattr(value, "reason", None)
        score = getattr(value, "score", None)
    else:
        return None
    head = parse_verdict(accepted)
    if head is None:
        return None
    return Verdict(
        head.accepted,
        None if reason is None else str(reason),
        float(score) if isinstance(score, int | float) and not isinstance(score, bool) else None,
    )
