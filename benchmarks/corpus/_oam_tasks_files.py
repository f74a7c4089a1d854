"""File tasks of ``openai_agents_magentic``."""

from __future__ import annotations

from benchmarks.corpus._oam_script import Scenario

SCENARIOS: tuple[Scenario, ...] = ()
