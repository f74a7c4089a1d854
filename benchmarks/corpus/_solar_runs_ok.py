"""Quoting desk runs that answer right, some after a hiccup caught and fixed."""

from __future__ import annotations

from benchmarks.corpus import _solar_tasks as q
from benchmarks.corpus._common import HEALTHY
from benchmarks.corpus._solar_runs_a import GROSS, PRICES_01
from benchmarks.corpus._solar_runs_b import SURVEY_01
from benchmarks.corpus._solar_runs_c import GROSS_02_CELL, PRICER_02, SURVEY_02, SURVEY_03
from benchmarks.corpus._solar_team import (
    CODER,
    EXECUTOR,
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
    Run(
        "ok_prod_01",
        HEALTHY,
        q.PROD_01,
        [
            SURVEY_01,
            T(
                CODER,
                py(
                    "kwp = 22 * 430 / 1000\n"
                    "kwh = kwp * 1580 * 1.0 * (1 - 0.03)\n"
                    "print(kwp, round(kwh))"
                ),
            ),
            T(EXECUTOR, prints="9.46 14498"),
            T(
                VERIFIER,
                "APPROVED - 9.46 kWp x 1,580 x 1.0 x 0.97 = 14,498 kWh.",
                calls=[("yield_table", {"region": "CO-Front-Range"})],
            ),
            T(WRITER, "SQ-3101 first-year production: 14,498 kWh."),
        ],
        answer="14,498 kWh",
        expect="14,498",
    ),
    Run(
        "ok_prod_03_key_fixed",
        HEALTHY,
        q.PROD_03,
        [
            SURVEY_03,
            T(
                CODER,
                py(
                    "factor = {'135': 0.96, '225': 0.96}\n"
                    "faces = [(135, 14, 0.08), (225, 12, 0.05)]\n"
                    "kwh = sum(n * 0.455 * 1120 * factor[az] * (1 - s) for az, n, s in faces)\n"
                    "print(round(kwh))"
                ),
            ),
            T(EXECUTOR, prints="KeyError: 135"),
            T(
                CODER,
                py(
                    "factor = {'135': 0.96, '225': 0.96}\n"
                    "faces = [(135, 14, 0.08), (225, 12, 0.05)]\n"
                    "kwh = sum(\n"
                    "    n * 0.455 * 1120 * factor[str(az)] * (1 - s) for az, n, s in faces\n"
                    ")\n"
                    "print(round(kwh))",
                    "The table's keys are strings - converting the azimuth:",
                ),
                brief="The cell raised KeyError: 135. Please fix it.",
            ),
            T(EXECUTOR, prints="11878"),
            T(
                VERIFIER,
                "APPROVED - both faces in, each with its own shading: 11,878 kWh.",
                calls=[("site_survey", {"job": "SQ-3103"})],
            ),
            T(WRITER, "SQ-3103 first-year production, both faces: 11,878 kWh."),
        ],
        answer="11,878 kWh",
        expect="11,878",
    ),
    Run(
        "ok_gross_01",
        HEALTHY,
        q.GROSS_01,
        [
            T(
                SURVEYOR,
                "SQ-3101: 22 x PNL-430, INV-7K6, no battery.",
                calls=[("site_survey", {"job": "SQ-3101"})],
            ),
            T(
                PRICER,
                "2026: PNL-430 169, RCK-1 61/panel, INV-7K6 1,575, LAB-W 0.66/W, PRM-1 900.",
                calls=PRICES_01,
            ),
            T(
                CODER,
                py(
                    GROSS.format(
                        n=22, w=430, panel=169, rack=61, inv=1575, extra="", lab=0.66, prm=900
                    )
                ),
            ),
            T(EXECUTOR, prints="13778.60"),
            T(WRITER, "SQ-3101 gross installed price at the 2026 list: USD 13,778.60."),
            T(
                VERIFIER,
                "APPROVED - all five lines re-pulled from the 2026 list; 13,778.60.",
                calls=PRICES_01,
            ),
        ],
        answer="USD 13,778.60",
        expect="13,778.60",
    ),
    Run(
        "ok_gross_02_last_years_list_caught",
        HEALTHY,
        q.GROSS_02,
        [
            SURVEY_02,
            T(
                PRICER,
                "PNL-430 182, RCK-1 58, INV-11K4 2,280, BAT-13 9,150, LAB-W 0.62/W, PRM-1 850.",
                calls=[
                    ("price_list", {"sku": s, "year": 2025})
                    for s in ("PNL-430", "RCK-1", "INV-11K4", "BAT-13", "LAB-W", "PRM-1")
                ],
            ),
            T(
                VERIFIER,
                "REJECTED - these lines come off the 2025 list; the question is on the 2026 "
                "list (PNL-430 is 169 there). Re-price before any code runs.",
                calls=[("price_list", {"sku": "PNL-430"})],
            ),
            T(
                PRICER,
                "Re-pulled from 2026: PNL-430 169, RCK-1 61, INV-11K4 2,190, BAT-13 8,600, "
                "LAB-W 0.66/W, PRM-1 900.",
                calls=[c for c in PRICER_02.calls],
                brief="Re-price SQ-3102 on the 2026 list.",
            ),
            T(CODER, py(GROSS_02_CELL)),
            T(EXECUTOR, prints="26076.40"),
            T(VERIFIER, "APPROVED - 2026 lines, battery in: 26,076.40."),
            T(WRITER, "SQ-3102 gross installed price: USD 26,076.40, battery included."),
        ],
        answer="USD 26,076.40",
        expect="26,076.40",
    ),
]
