"""Confidence: a monotone map from a run's raw suspect score to the share of runs
whose top suspect is the right agent.

The raw score is the top agent's weighted feature sum minus the runner-up's (the
margin). :data:`TABLE` is a step function fitted on the annotated corpus
(tests/corpus) by pool-adjacent-violators (:func:`fit`), regenerated with
``python benchmarks/attribution_accuracy.py --calibration --fit``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

__all__ = ["LOW", "TABLE", "confidence", "fit"]

TABLE: Final[tuple[tuple[float, float], ...]] = (
    (0.0, 0.5),
    (0.75, 0.5714),
    (0.9, 0.75),
    (3.018, 0.9737),
)
"""(lowest raw margin, confidence) pairs, raw ascending: a run gets the confidence of
the last pair whose margin it reaches."""

LOW: Final = 0.6
"""Below this confidence a named agent is shown as low confidence (a lead, not a finding)."""


def confidence(raw: float | None, table: Sequence[tuple[float, float]] = TABLE) -> float:
    """The calibrated confidence of a raw margin (0 for None)."""
    if raw is None:
        return 0.0
    out = 0.0
    for low, value in table:
        if raw >= low:
            out = value
    return out


def fit(
    pairs: Sequence[tuple[float, bool]], *, min_bin: int = 3
) -> tuple[tuple[float, float], ...]:
    """Pool-adjacent-violators over (raw, right) pairs: a non-decreasing step function
    as (lowest raw of the block, share right in the block) pairs; runs with the same
    raw share a block, blocks hold at least ``min_bin`` runs so one run cannot set a
    step; the shares are smoothed
    (Laplace) and kept non-decreasing."""
    # runs with the same raw margin cannot be told apart by the map: one block each
    tied: dict[float, list[float]] = {}
    for raw, right in pairs:
        block = tied.setdefault(raw, [raw, 0.0, 0.0])
        block[1] += float(right)
        block[2] += 1.0
    blocks: list[list[float]] = []  # [low, right, n]
    for first in sorted(tied.values()):
        blocks.append(first)
        while len(blocks) > 1 and (
            blocks[-2][1] / blocks[-2][2] >= blocks[-1][1] / blocks[-1][2]
            or blocks[-2][2] < min_bin
        ):
            low, r, n = blocks.pop()
            blocks[-1][1] += r
            blocks[-1][2] += n
    while len(blocks) > 1 and blocks[-1][2] < min_bin:
        low, r, n = blocks.pop()
        blocks[-1][1] += r
        blocks[-1][2] += n
    # the smoothed share of a small all-right block can fall below a larger
    # block's: the running maximum keeps the map non-decreasing
    out: list[tuple[float, float]] = []
    for low, r, n in blocks:
        share = round((r + 1) / (n + 2), 4)
        out.append((round(low, 4), max(share, out[-1][1]) if out else share))
    return tuple(out)
