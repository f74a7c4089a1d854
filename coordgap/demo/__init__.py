"""The built-in demo: a simulated studio pipeline with known, injected faults.

A supervisor plans a 90-second teaser, specialist agents generate, a human
director reviews, a verifier checks against the brief and an assembler cuts;
every step is traced with :mod:`tracer`. Faults are drawn from a seed, so the
root cause of every failed run is known in advance and can be set beside the
analyzer's attribution. ``coordgap demo`` is the command-line face of this
package; :func:`run_pipeline` is the library entry point.
"""

from __future__ import annotations

from coordgap.demo.faults import CATEGORIES, FAULTS, FaultRates, FaultSpec, RunPlan, draw_plans
from coordgap.demo.pipeline import RunRecord, Studio, produce_teaser
from coordgap.demo.runner import DemoConfig, PipelineResult, run_pipeline
from coordgap.demo.truth import Comparison, compare

__all__ = [
    "CATEGORIES",
    "FAULTS",
    "Comparison",
    "DemoConfig",
    "FaultRates",
    "FaultSpec",
    "PipelineResult",
    "RunPlan",
    "RunRecord",
    "Studio",
    "compare",
    "draw_plans",
    "produce_teaser",
    "run_pipeline",
]
