"""Quoting desk runs that go wrong upstream: a misread figure, the wrong file, the split."""

from __future__ import annotations

from benchmarks.corpus import _solar_tasks as q
from benchmarks.corpus._common import BAD_SPLIT, WRONG_INPUT, WRONG_SOURCE
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

PRICES_01 = [("price_list", {"sku": s}) for s in ("PNL-430", "RCK-1", "INV-7K6", "LAB-W", "PRM-1")]
PRICES_02 = [
    ("price_list", {"sku": s}) for s in ("PNL-430", "RCK-1", "INV-11K4", "BAT-13", "LAB-W", "PRM-1")
]
GROSS = (
    "panels, watts = {n}, {w}\n"
    "lines = {{\n"
    "    'panels': panels * {panel},\n"
    "    'racking': panels * {rack},\n"
    "    'inverter': {inv},\n"
    "{extra}"
    "    'labour': panels * watts * {lab},\n"
    "    'permit': {prm},\n"
    "}}\n"
    "print(f'{{sum(lines.values()):.2f}}')"
)

RUNS: list[Run] = [
    Run(
        "size_04_panel_count_misread",
        WRONG_INPUT,
        q.SIZE_04,
        [
            T(
                SURVEYOR,
                "SQ-3104, Nakamura: single west face, azimuth 270, tilt 20, 16 panels fit; "
                "panel model on the survey is PNL-455 (455 W).",
                calls=[("site_survey", {"job": "SQ-3104"})],
                mark="root",
            ),
            T(CODER, py("print(f'{16 * 455 / 1000:.2f}')", "kWp = panels x watts / 1000:")),
            T(EXECUTOR, prints="7.28"),
            T(
                VERIFIER,
                "APPROVED. 16 x 455 W is 7,280 W, 7.28 kWp; formula and rounding are right.",
                mark="symptom",
            ),
            T(WRITER, "SQ-3104: 7.28 kWp DC (16 x PNL-455, west face)."),
        ],
        answer="SQ-3104's roof takes 7.28 kWp.",
        expect="8.19",
    ),
    Run(
        "gross_01_labour_rate_misread",
        WRONG_INPUT,
        q.GROSS_01,
        [
            T(
                SURVEYOR,
                "SQ-3101: 22 x PNL-430 on the south face, inverter INV-7K6, no battery.",
                calls=[("site_survey", {"job": "SQ-3101"})],
            ),
            T(
                PRICER,
                "2026 list: PNL-430 USD 169 each, RCK-1 USD 61 per panel, INV-7K6 USD 1,575, "
                "labour LAB-W USD 0.56 per W DC, permit PRM-1 USD 900 per job.",
                calls=PRICES_01,
                mark="root",
            ),
            T(
                CODER,
                py(
                    GROSS.format(
                        n=22, w=430, panel=169, rack=61, inv=1575, extra="", lab=0.56, prm=900
                    )
                ),
            ),
            T(EXECUTOR, prints="12832.60"),
            T(WRITER, "Gross installed price, SQ-3101 (2026 list): USD 12,832.60."),
            T(
                VERIFIER,
                "APPROVED - panel and inverter lines re-checked against the 2026 list, and the "
                "five lines sum to 12,832.60.",
                calls=[("price_list", {"sku": "PNL-430"}), ("price_list", {"sku": "INV-7K6"})],
                mark="symptom",
            ),
        ],
        answer="USD 12,832.60 gross for SQ-3101.",
        expect="13,778.60",
    ),
    Run(
        "save_01_export_credit_transposed",
        WRONG_INPUT,
        q.SAVE_01,
        [
            T(
                SURVEYOR,
                "SQ-3101: 22 x 430 W = 9.46 kWp, south (factor 1.0), shading 3 %, region "
                "CO-Front-Range at 1,580 kWh/kWp, self-consumption 55 %, utility XCEL-R.",
                calls=[
                    ("site_survey", {"job": "SQ-3101"}),
                    ("yield_table", {"region": "CO-Front-Range"}),
                ],
            ),
            T(
                INCENTIVES,
                "XCEL-R residential: import USD 0.148/kWh, export credit USD 0.016/kWh.",
                calls=[("tariff", {"utility": "XCEL-R"})],
                mark="root",
            ),
            T(
                CODER,
                py(
                    "kwh = 9.46 * 1580 * 1.0 * (1 - 0.03)\n"
                    "own = 0.55\n"
                    "print(f'{kwh * own * 0.148 + kwh * (1 - own) * 0.016:.2f}')"
                ),
            ),
            T(EXECUTOR, prints="1284.56"),
            T(
                VERIFIER,
                "APPROVED - production 14,498 kWh checks with the survey and yield table; "
                "split 55/45 applied as the survey says.",
                calls=[("site_survey", {"job": "SQ-3101"})],
                mark="symptom",
            ),
            T(WRITER, "First-year bill savings for SQ-3101: USD 1,284.56."),
        ],
        answer="SQ-3101 saves USD 1,284.56 in year one.",
        expect="1,578.15",
    ),
    Run(
        "gross_02_last_years_list",
        WRONG_SOURCE,
        q.GROSS_02,
        [
            T(
                SURVEYOR,
                "SQ-3102: 28 x PNL-430, INV-11K4, one BAT-13 battery.",
                calls=[("site_survey", {"job": "SQ-3102"})],
            ),
            T(
                PRICER,
                "From the price list: PNL-430 USD 182, RCK-1 USD 58/panel, INV-11K4 USD 2,280, "
                "BAT-13 USD 9,150, LAB-W USD 0.62/W, PRM-1 USD 850.",
                calls=[("price_list", {**args, "year": 2025}) for _, args in PRICES_02],
                mark="root",
            ),
            T(
                CODER,
                py(
                    GROSS.format(
                        n=28,
                        w=430,
                        panel=182,
                        rack=58,
                        inv=2280,
                        extra="    'battery': 9150,\n",
                        lab=0.62,
                        prm=850,
                    )
                ),
            ),
            T(EXECUTOR, prints="26464.80"),
            T(WRITER, "SQ-3102 gross installed price: USD 26,464.80, battery included."),
            T(
                VERIFIER,
                "APPROVED - six lines, battery included, sum 26,464.80; per-W labour applied "
                "to 12,040 W.",
                mark="symptom",
            ),
        ],
        answer="USD 26,464.80",
        expect="26,076.40",
    ),
    Run(
        "payback_05_neighbours_tariff",
        WRONG_SOURCE,
        q.PAYBACK_05,
        [
            T(
                SURVEYOR,
                "SQ-3105: 26 x PNL-430 (11.18 kWp) due south, shading 6 %, TX-Austin 1,490 "
                "kWh/kWp; INV-11K4 and one BAT-13; self-consumption 65 %; utility AE-R.",
                calls=[
                    ("site_survey", {"job": "SQ-3105"}),
                    ("yield_table", {"region": "TX-Austin"}),
                ],
            ),
            T(
                PRICER,
                "2026: PNL-430 169, RCK-1 61, INV-11K4 2,190, BAT-13 8,600, LAB-W 0.66/W, "
                "PRM-1 900 (USD).",
                calls=[(t, a) for t, a in PRICES_02],
            ),
            T(
                INCENTIVES,
                "Federal credit 30 % of gross; Austin Energy rebate USD 0.40/W capped at "
                "2,500. Tariff: import USD 0.134/kWh, export credit USD 0.072/kWh.",
                calls=[
                    ("incentive", {"program": "FED-ITC"}),
                    ("incentive", {"program": "TX-AE-REBATE"}),
                    ("tariff", {"utility": "APS-R"}),
                ],
                mark="root",
            ),
            T(
                CODER,
                py(
                    "w = 26 * 430\n"
                    "gross = 26 * 169 + 26 * 61 + 2190 + 8600 + w * 0.66 + 900\n"
                    "net = gross * 0.7 - min(0.40 * w, 2500)\n"
                    "kwh = w / 1000 * 1490 * (1 - 0.06)\n"
                    "save = kwh * 0.65 * 0.134 + kwh * 0.35 * 0.072\n"
                    "print(round(net, 2), round(save, 2), round(net / save, 1))"
                ),
            ),
            T(EXECUTOR, prints="15034.16 1758.47 8.5"),
            T(
                VERIFIER,
                "APPROVED - gross, credit and capped rebate check out; 15,034.16 over 1,758.47 "
                "a year is 8.5 years.",
                calls=[("incentive", {"program": "TX-AE-REBATE"})],
                mark="symptom",
            ),
            T(WRITER, "SQ-3105 pays back in 8.5 years (net USD 15,034.16)."),
        ],
        answer="Simple payback for SQ-3105: 8.5 years.",
        expect="8.7",
    ),
    Run(
        "cpw_06_wrong_panel_line",
        WRONG_SOURCE,
        q.CPW_06,
        [
            T(
                SURVEYOR,
                "SQ-3106: 12 panels east + 12 west, PNL-455, INV-7K6, no battery.",
                calls=[("site_survey", {"job": "SQ-3106"})],
            ),
            T(
                PRICER,
                "2026 list: panel USD 169, RCK-1 61, INV-7K6 1,575, LAB-W 0.66/W, PRM-1 900.",
                calls=PRICES_01,
                mark="root",
            ),
            T(
                CODER,
                py(
                    "w = 24 * 455\n"
                    "gross = 24 * 169 + 24 * 61 + 1575 + w * 0.66 + 900\n"
                    "print(round(gross, 2), f'{gross / w:.2f}')"
                ),
            ),
            T(EXECUTOR, prints="15202.2 1.39"),
            T(
                VERIFIER,
                "APPROVED: 10,920 W DC, gross 15,202.20, USD 1.39/W. In line with our E/W jobs.",
                calls=[("site_survey", {"job": "SQ-3106"})],
                mark="symptom",
            ),
            T(WRITER, "SQ-3106 comes to USD 1.39 per watt DC gross."),
        ],
        answer="USD 1.39/W",
        expect="1.46",
    ),
    Run(
        "gross_02_battery_left_out",
        BAD_SPLIT,
        q.GROSS_02,
        [
            T(
                SURVEYOR,
                "SQ-3102: 28 x PNL-430, INV-11K4 (battery BAT-13 x1 also on the survey).",
                calls=[("site_survey", {"job": "SQ-3102"})],
                brief="Panel count, panel and inverter models of SQ-3102.",
            ),
            T(
                PRICER,
                "2026: PNL-430 169, RCK-1 61, INV-11K4 2,190, LAB-W 0.66/W, PRM-1 900.",
                calls=[c for c in PRICES_02 if c[1]["sku"] != "BAT-13"],
                brief="2026 prices for the PV system of SQ-3102: panel, racking, inverter, "
                "labour per W and permit.",
            ),
            T(
                CODER,
                py(
                    GROSS.format(
                        n=28, w=430, panel=169, rack=61, inv=2190, extra="", lab=0.66, prm=900
                    )
                ),
                brief="Sum the PV system lines the pricer gave into SQ-3102's gross price.",
            ),
            T(EXECUTOR, prints="17476.40"),
            T(
                VERIFIER,
                "APPROVED - each line priced from the 2026 list as briefed; total 17,476.40.",
                calls=[("price_list", {"sku": "INV-11K4"})],
                mark="symptom",
            ),
            T(WRITER, "SQ-3102 gross installed price at the 2026 list: USD 17,476.40."),
        ],
        answer="USD 17,476.40 gross.",
        expect="26,076.40",
        manager_mark="root",
    ),
    Run(
        "prod_03_main_face_only",
        BAD_SPLIT,
        q.PROD_03,
        [
            T(
                SURVEYOR,
                "Main face of SQ-3103 is SE: azimuth 135, 14 x PNL-455, shading 8 %. "
                "WA-Seattle yield 1,120 kWh/kWp; factor for 135 deg is 0.96.",
                calls=[
                    ("site_survey", {"job": "SQ-3103"}),
                    ("yield_table", {"region": "WA-Seattle"}),
                ],
                brief="SQ-3103's main roof face (azimuth, panel count, panel, shading) and "
                "the WA yield and orientation factor for it.",
            ),
            T(
                CODER,
                py("kwp = 14 * 455 / 1000\nprint(round(kwp * 1120 * 0.96 * (1 - 0.08)))"),
                brief="Production of that array: kWp x yield x factor x (1 - shading).",
            ),
            T(EXECUTOR, prints="6301"),
            T(
                VERIFIER,
                "APPROVED. 6.37 kWp x 1,120 x 0.96 x 0.92 = 6,301 kWh.",
                mark="symptom",
            ),
            T(WRITER, "SQ-3103 first-year production: 6,301 kWh."),
        ],
        answer="6,301 kWh in the first year.",
        expect="11,878",
        manager_mark="root",
    ),
    Run(
        "payback_05_rebate_not_briefed",
        BAD_SPLIT,
        q.PAYBACK_05,
        [
            T(
                SURVEYOR,
                "SQ-3105: 26 x PNL-430 south, shading 6 %, 1,490 kWh/kWp, INV-11K4 + 1 x "
                "BAT-13, self-consumption 65 %, utility AE-R.",
                calls=[
                    ("site_survey", {"job": "SQ-3105"}),
                    ("yield_table", {"region": "TX-Austin"}),
                ],
            ),
            T(
                PRICER,
                "2026: PNL-430 169, RCK-1 61, INV-11K4 2,190, BAT-13 8,600, LAB-W 0.66/W, "
                "PRM-1 900.",
                calls=PRICES_02,
            ),
            T(
                INCENTIVES,
                "FED-ITC: 30 % of gross, battery included. AE-R: import 0.118, export 0.097 "
                "USD/kWh.",
                calls=[("incentive", {"program": "FED-ITC"}), ("tariff", {"utility": "AE-R"})],
                brief="The federal tax credit terms and AE-R's tariff for SQ-3105.",
            ),
            T(
                CODER,
                py(
                    "w = 26 * 430\n"
                    "gross = 26 * 169 + 26 * 61 + 2190 + 8600 + w * 0.66 + 900\n"
                    "net = gross * 0.7\n"
                    "kwh = w / 1000 * 1490 * (1 - 0.06)\n"
                    "save = kwh * 0.65 * 0.118 + kwh * 0.35 * 0.097\n"
                    "print(round(net, 2), round(save, 2), round(net / save, 1))"
                ),
                brief="Net price after the credit, first-year savings, payback in years.",
            ),
            T(EXECUTOR, prints="17534.16 1732.64 10.1"),
            T(
                VERIFIER,
                "APPROVED - credit and tariff applied as briefed; 17,534.16 / 1,732.64 = 10.1.",
                calls=[("tariff", {"utility": "AE-R"})],
                mark="symptom",
            ),
            T(WRITER, "SQ-3105: simple payback 10.1 years."),
        ],
        answer="10.1 years.",
        expect="8.7",
        manager_mark="root",
    ),
]
