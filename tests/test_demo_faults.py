"""The demo's fault model: seeded, per-run, with the rates it is given."""

from __future__ import annotations

from collections import Counter

import pytest

from coordgap.demo.faults import CATEGORIES, FAULTS, NONE, FaultRates, draw_plan, draw_plans
from tracer import semconv


def test_same_seed_same_plans() -> None:
    """A seed fixes every run's fault, variant and recoverable events."""
    assert draw_plans(200, seed=11) == draw_plans(200, seed=11)


def test_different_seed_different_plans() -> None:
    """Another seed draws other faults."""
    first = [plan.fault for plan in draw_plans(200, seed=1)]
    second = [plan.fault for plan in draw_plans(200, seed=2)]
    assert first != second


def test_run_plan_does_not_depend_on_run_count() -> None:
    """Run i carries the same fault whether the demo runs 10 or 1,000 runs."""
    assert draw_plans(1000, seed=5)[:10] == draw_plans(10, seed=5)
    assert draw_plan(5, 3, FaultRates()) == draw_plans(4, seed=5)[3]


def test_categories_follow_the_fault_specs() -> None:
    """Each plan's ground-truth category is its fault's category, or none."""
    for plan in draw_plans(500, seed=3):
        if plan.fault is None:
            assert plan.category == NONE
        else:
            assert plan.category == FAULTS[plan.fault].category
        assert plan.category in CATEGORIES


def test_rates_are_honoured() -> None:
    """Over many runs each stage's share is close to its rate."""
    rates = FaultRates()
    counts = Counter(plan.category for plan in draw_plans(20_000, seed=9, rates=rates))
    for stage in semconv.STAGES:
        assert abs(counts[stage] / 20_000 - getattr(rates, stage)) < 0.01, stage
    assert abs(counts[NONE] / 20_000 - (1 - rates.total)) < 0.015


def test_every_fault_is_drawn() -> None:
    """Every kind of fault occurs in a large enough demo."""
    seen = {plan.fault for plan in draw_plans(5000, seed=4)}
    assert set(FAULTS) <= seen


def test_zero_rates_give_healthy_runs() -> None:
    """With every rate at zero no run carries a fault or a recoverable event."""
    zero = FaultRates(**{name: 0.0 for name in FaultRates.__dataclass_fields__})
    plans = draw_plans(300, seed=1, rates=zero)
    assert all(p.fault is None and not p.send_back and not p.retry for p in plans)


def test_one_stage_takes_all_runs() -> None:
    """A rate of 1 for one stage (others 0) puts every run in that stage."""
    rates = FaultRates().with_overrides(
        {
            "decomposition": 0.0,
            "handoff": 1.0,
            "generation": 0.0,
            "verification": 0.0,
            "assembly": 0.0,
        }
    )
    assert {p.category for p in draw_plans(100, seed=2, rates=rates)} == {"handoff"}


@pytest.mark.parametrize(
    "overrides",
    [{"handoff": 1.5}, {"handoff": -0.1}, {"handoff": 0.6, "generation": 0.6}],
)
def test_impossible_rates_raise(overrides: dict[str, float]) -> None:
    """Rates outside [0, 1], or stage rates summing over 1, fail at construction."""
    with pytest.raises(ValueError):
        FaultRates().with_overrides(overrides)


def test_unknown_rate_name_raises() -> None:
    """An unknown rate name is refused with the known ones listed."""
    with pytest.raises(ValueError, match="unknown fault rate handof"):
        FaultRates().with_overrides({"handof": 0.1})


def test_negative_runs_raise() -> None:
    """A negative run count is refused."""
    with pytest.raises(ValueError):
        draw_plans(-1, seed=1)
