"""A brewery run: a job's right lines edited into a near miss or a failure.

A run names its mistake and its symptom by line label; ``expect`` lists what the
brewhouse PC must have printed (the run is rejected otherwise), so the figures
the later turns quote are the ones the real subprocess produced.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from benchmarks.corpus._brewery_jobs import Job
from benchmarks.corpus._brewery_team import Line


@dataclass
class Run:
    name: str
    mode: str
    job: Job
    lines: list[Line]
    mistake: str | None = None
    symptom: str | None = None
    expect: tuple[str, ...] = ()
    records: dict[str, dict[str, Any]] = field(default_factory=dict)

    def all_records(self) -> dict[str, dict[str, Any]]:
        return {**self.job.records, **self.records}

    def step(self, label: str | None) -> tuple[str, int] | None:
        """The (agent, 1-based turn of that agent) of the line labelled ``label``."""
        if label is None:
            return None
        at = next((i for i, line in enumerate(self.lines) if line.label == label), None)
        if at is None:
            raise ValueError(f"{self.name}: no line labelled {label!r}")
        who = self.lines[at].who
        return who, sum(1 for line in self.lines[: at + 1] if line.who == who)


def _at(lines: Sequence[Line], label: str) -> int:
    for i, line in enumerate(lines):
        if line.label == label:
            return i
    raise ValueError(f"no line labelled {label!r}")


def swap(lines: Sequence[Line], label: str, reply: Any) -> list[Line]:
    """The same lines with ``label``'s reply replaced."""
    out = list(lines)
    at = _at(out, label)
    out[at] = Line(out[at].who, reply, label)
    return out


def after(lines: Sequence[Line], label: str, *new: Line) -> list[Line]:
    """The same lines with ``new`` inserted after ``label``."""
    out = list(lines)
    at = _at(out, label) + 1
    return out[:at] + list(new) + out[at:]


def from_(lines: Sequence[Line], label: str, *new: Line) -> list[Line]:
    """The lines before ``label``, then ``new`` (the rest of the run rewritten)."""
    return list(lines[: _at(lines, label)]) + list(new)
