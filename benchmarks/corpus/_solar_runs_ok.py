"""Quoting desk runs that answer right, some after a hiccup caught and fixed."""

from __future__ import annotations

from benchmarks.corpus import _solar_tasks as q
from benchmarks.corpus._common import HEALTHY
from benchmarks.corpus._solar_team import (
    CODER,
    EXECUTOR,
    INCENTIVES,
    PRICER,
    SURVEYOR,
    VERIFIER,
    WRITER,
    Run,
    py,
)
from benchmarks.corpus._solar_team import Turn as T

RUNS: list[Run] = [
    Run(
        "ok_size_04",
        HEALTHY,
        q.SIZE_04,
        [
            T(
                SURVEYOR,
                "SQ-3104 has one west face (270 deg, 20 deg tilt) taking 18 panels; the "
                "survey specifies PNL-455, a 455 W module.",
                calls=[("site_survey", {"job": "SQ-3104"})],
                brief="Panel count and panel model for SQ-3104 from its survey.",
            ),
            T(CODER, py("panels, watts = 18, 455\nprint(f'{panels * watts / 1000:.2f}')")),
            T(EXECUTOR, prints="8.19"),
            T(
                VERIFIER,
                "APPROVED - 18 x 455 W = 8,190 W, so 8.19 kWp; panel count matches the survey.",
                calls=[("site_survey", {"job": "SQ-3104"})],
            ),
            T(WRITER, "SQ-3104 (Nakamura): 8.19 kWp DC, 18 x PNL-455 on the west face."),
        ],
        answer="SQ-3104 takes an 8.19 kWp system.",
        expect="8.19",
    ),
]
