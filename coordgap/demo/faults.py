"""The demo's fault model: what goes wrong in which run, decided before any run starts.

Every run of the simulated studio gets a :class:`RunPlan` drawn from a seeded
random source that depends only on ``(seed, run index)``; nothing about thread
scheduling or timing can change which fault a run carries. That is what makes
the ground truth known: the category of the injected fault is the answer the
analyzer should give.

A run carries at most one *failing* fault (so its root cause is unambiguous)
plus, independently, the two *recoverable* events a healthy pipeline absorbs:
the human director sending the storyboard back once, and the brief check
rejecting a first draft that the shot-writer then fixes. Recoverable events
never fail a run; their ground truth is ``none``.

The categories are the attribution vocabulary of the analyzer (see
"Attribution rules" in docs/analyze.md): ``decomposition``, ``handoff``,
``generation``, ``verification``, ``assembly``, or ``none`` for a run that
should succeed.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, fields
from typing import Final

from tracer import semconv

__all__ = [
    "CATEGORIES",
    "FAULTS",
    "NONE",
    "FaultRates",
    "FaultSpec",
    "RunPlan",
    "draw_plan",
    "draw_plans",
]

NONE: Final = "none"
"""Ground-truth category of a run that carries no failing fault."""

CATEGORIES: Final = (*semconv.STAGES, NONE)


@dataclass(frozen=True)
class FaultSpec:
    """One kind of injected fault: its name, ground-truth category and what it does."""

    name: str
    category: str
    description: str


FAULTS: Final[dict[str, FaultSpec]] = {
    spec.name: spec
    for spec in (
        # decomposition: the supervisor's plan is wrong on its face, or not followed
        FaultSpec(
            "plan_unassigned",
            semconv.STAGE_DECOMPOSITION,
            "the narration subtask has no assignee, so nobody records the voice-over",
        ),
        FaultSpec(
            "plan_duplicate",
            semconv.STAGE_DECOMPOSITION,
            "two subtasks share the id `score`; voice-over writes a second score",
        ),
        FaultSpec(
            "plan_overlap",
            semconv.STAGE_DECOMPOSITION,
            "storyboard and shot-writer both own the scope `shots` and contradict each other",
        ),
        FaultSpec(
            "plan_omission",
            semconv.STAGE_DECOMPOSITION,
            "the narration subtask is planned for voice-over but never dispatched",
        ),
        # handoff: context is lost or reshaped between two agents
        FaultSpec(
            "dropped_key",
            semconv.STAGE_HANDOFF,
            "supervisor -> shot-writer drops the carried key `brand_voice`",
        ),
        FaultSpec(
            "format_drift",
            semconv.STAGE_HANDOFF,
            "a payload field changes type between sender and receiver, and the receiver crashes",
        ),
        FaultSpec(
            "stale_state",
            semconv.STAGE_HANDOFF,
            "the assembler receives edit plan v1 after the director revised it to v2",
        ),
        # generation: the specialist's own failure
        FaultSpec(
            "tool_error",
            semconv.STAGE_GENERATION,
            "an exception deep inside a generator's tool aborts the run",
        ),
        FaultSpec(
            "weak_output",
            semconv.STAGE_GENERATION,
            "the shot list overruns the 90 s brief on every attempt; the brief check rejects all",
        ),
        FaultSpec(
            "director_rejects",
            semconv.STAGE_GENERATION,
            "the human director sends the storyboard back on every round",
        ),
        # verification: a bad output waved through
        FaultSpec(
            "false_accept",
            semconv.STAGE_VERIFICATION,
            "a banned shot sits past the verifier's sample; it accepts, the client rejects",
        ),
        FaultSpec(
            "verifier_skipped",
            semconv.STAGE_VERIFICATION,
            "the brief check is skipped under deadline; an overlong cut ships and is rejected",
        ),
        # assembly: verified parts combined in the wrong order
        FaultSpec(
            "ordering_error",
            semconv.STAGE_ASSEMBLY,
            "the assembler places a shot before its dependency and its conform step raises",
        ),
        FaultSpec(
            "silent_ordering",
            semconv.STAGE_ASSEMBLY,
            "the assembler misorders shots without raising; only the client notices",
        ),
    )
}

_BY_CATEGORY: Final[dict[str, tuple[str, ...]]] = {
    category: tuple(name for name, spec in FAULTS.items() if spec.category == category)
    for category in semconv.STAGES
}


@dataclass(frozen=True)
class FaultRates:
    """Per-stage probabilities that a run carries a failing fault of that stage.

    The five stage rates must sum to at most 1 (a run carries at most one
    failing fault). ``send_back`` and ``retry`` are the recoverable events;
    ``silent_assembly`` is the share of assembly faults that do not raise.
    Impossible settings raise :class:`ValueError` here, not mid-run.
    """

    decomposition: float = 0.07
    handoff: float = 0.10
    generation: float = 0.08
    verification: float = 0.05
    assembly: float = 0.04
    send_back: float = 0.20
    retry: float = 0.12
    silent_assembly: float = 0.25

    def __post_init__(self) -> None:
        for field in fields(self):
            value = getattr(self, field.name)
            if not isinstance(value, int | float) or not 0.0 <= float(value) <= 1.0:
                raise ValueError(f"fault rate {field.name}={value!r} must be between 0 and 1")
        if self.total > 1.0 + 1e-9:
            raise ValueError(f"the five stage fault rates sum to {self.total:.3f}, more than 1")

    @property
    def total(self) -> float:
        """Probability that a run carries a failing fault."""
        return sum(getattr(self, stage) for stage in semconv.STAGES)

    def with_overrides(self, overrides: dict[str, float]) -> FaultRates:
        """A copy with some rates replaced; unknown names raise :class:`ValueError`."""
        known = {field.name for field in fields(self)}
        unknown = sorted(set(overrides) - known)
        if unknown:
            raise ValueError(
                f"unknown fault rate {', '.join(unknown)}; known: {', '.join(sorted(known))}"
            )
        values = {field.name: getattr(self, field.name) for field in fields(self)}
        values.update(overrides)
        return FaultRates(**values)


@dataclass(frozen=True)
class RunPlan:
    """Everything decided in advance about one run of the studio pipeline.

    ``fault`` is a key of :data:`FAULTS` or ``None``; ``category`` is its
    ground-truth category (``"none"`` without a fault). ``variant`` picks
    where a fault strikes when it has several places; ``late_feedback`` says
    the client's verdict arrives after the run ended (a late outcome).
    """

    index: int
    seed: int
    fault: str | None
    category: str
    variant: int
    send_back: bool
    retry: bool
    late_feedback: bool

    @property
    def description(self) -> str:
        """One line naming the injected fault, or that there was none."""
        return FAULTS[self.fault].description if self.fault else "no failing fault injected"


def _run_rng(seed: int, index: int) -> random.Random:
    # A string seed is hashed with SHA-512 by `random`, stable across processes
    # and Python versions, unlike hash() of a tuple.
    return random.Random(f"coordgap-demo:{seed}:{index}")


def draw_plan(seed: int, index: int, rates: FaultRates) -> RunPlan:
    """The plan of run ``index`` under ``seed``: a pure function of its arguments."""
    rng = _run_rng(seed, index)
    pick = rng.random()
    fault: str | None = None
    category = NONE
    threshold = 0.0
    for stage in semconv.STAGES:
        threshold += getattr(rates, stage)
        if pick < threshold:
            category = stage
            break
    if category != NONE:
        if category == semconv.STAGE_ASSEMBLY:
            fault = "silent_ordering" if rng.random() < rates.silent_assembly else "ordering_error"
        else:
            fault = rng.choice(_BY_CATEGORY[category])
    return RunPlan(
        index=index,
        seed=seed,
        fault=fault,
        category=category,
        variant=rng.randrange(2),
        send_back=rng.random() < rates.send_back,
        retry=rng.random() < rates.retry,
        late_feedback=rng.random() < 0.5,
    )


def draw_plans(runs: int, seed: int, rates: FaultRates | None = None) -> list[RunPlan]:
    """Plans for ``runs`` runs; the same arguments always give the same plans."""
    if runs < 0:
        raise ValueError(f"runs must be at least 0, got {runs}")
    rates = rates or FaultRates()
    return [draw_plan(seed, index, rates) for index in range(runs)]
