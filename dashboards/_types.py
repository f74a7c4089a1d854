"""The shape of the analysis the dashboards render.

The report reads an :class:`analyzer.Analysis`; this protocol names exactly the
attributes it uses (docs/internals.md section 4) so the dashboards depend on
the contract, not on the analyzer's internals.
"""

from __future__ import annotations

from typing import Any, Protocol

import polars as pl

__all__ = ["AnalysisLike"]


class AnalysisLike(Protocol):
    """What :func:`dashboards.report.render` needs from an analysis."""

    @property
    def runs(self) -> pl.DataFrame:
        """One row per run (trace)."""

    @property
    def failures(self) -> pl.DataFrame:
        """One row per failed run: category, root-cause span, reason."""

    @property
    def stages(self) -> pl.DataFrame:
        """Per-stage runs, failures and reliability."""

    @property
    def agents(self) -> pl.DataFrame:
        """Per-agent calls, failures and reliability."""

    @property
    def edges(self) -> pl.DataFrame:
        """Per handoff edge: volume, violations, failure rate, latency."""

    @property
    def agent_stage(self) -> pl.DataFrame:
        """Failure rate per (agent, stage)."""

    @property
    def latency(self) -> pl.DataFrame:
        """Per-stage latency quantiles."""

    @property
    def latency_samples(self) -> pl.DataFrame:
        """A bounded sample of span durations per stage."""

    @property
    def human_wait(self) -> pl.DataFrame:
        """Wait time per human actor."""

    @property
    def trend(self) -> pl.DataFrame:
        """Runs and reliability per time bucket."""

    @property
    def detectors(self) -> pl.DataFrame:
        """Per content detector and stage: runs it fired on and runs it explained."""

    @property
    def verification(self) -> dict[str, Any]:
        """Verification loop figures."""

    @property
    def end_to_end_reliability(self) -> float | None:
        """Share of runs that succeeded."""

    @property
    def predicted_reliability(self) -> float | None:
        """Product of the stage reliabilities."""

    @property
    def coordination_gap(self) -> float | None:
        """Best stage reliability minus end-to-end reliability."""

    def run_spans(self, trace_id: str) -> pl.DataFrame:
        """The spans of one run, one row per span."""
