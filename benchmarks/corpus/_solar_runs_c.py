"""Quoting desk runs that go wrong in the code or in the telling: a cell that computes
something else, a cell that crashes and a figure from nowhere, a printed figure misstated."""

from __future__ import annotations

from benchmarks.corpus import _solar_tasks as q
from benchmarks.corpus._common import CODE_FAILURE, MISREPORTED, WRONG_ACCEPTED
from benchmarks.corpus._solar_runs_a import GROSS, PRICES_01, PRICES_02
from benchmarks.corpus._solar_runs_b import SURVEY_01
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

SURVEY_02 = T(
    SURVEYOR,
    "SQ-3102: 28 x PNL-430 (12,040 W), INV-11K4, one BAT-13 battery.",
    calls=[("site_survey", {"job": "SQ-3102"})],
)
PRICER_02 = T(
    PRICER,
    "2026: PNL-430 169, RCK-1 61/panel, INV-11K4 2,190, BAT-13 8,600, LAB-W 0.66/W, PRM-1 900.",
    calls=PRICES_02,
)
SURVEY_06 = T(
    SURVEYOR,
    "SQ-3106: E face 12 x PNL-455 (azimuth 90, no shading), W face 12 x PNL-455 (270, "
    "4 % shading); AZ-Phoenix 1,790 kWh/kWp, factor 0.85 for both; annual use 17,300 kWh.",
    calls=[("site_survey", {"job": "SQ-3106"}), ("yield_table", {"region": "AZ-Phoenix"})],
)
SURVEY_03 = T(
    SURVEYOR,
    "SQ-3103: SE (135 deg) 14 x PNL-455, shading 8 %; SW (225 deg) 12 x PNL-455, shading 5 %. "
    "WA-Seattle 1,120 kWh/kWp; factor 0.96 for both azimuths.",
    calls=[("site_survey", {"job": "SQ-3103"}), ("yield_table", {"region": "WA-Seattle"})],
)
GROSS_02_CELL = GROSS.format(
    n=28, w=430, panel=169, rack=61, inv=2190, extra="    'battery': 8600,\n", lab=0.66, prm=900
)

RUNS: list[Run] = [
    Run(
        "yoy_455_new_price_as_base",
        WRONG_ACCEPTED,
        q.YOY_455,
        [
            T(
                PRICER,
                "PNL-455: USD 214 on the 2025 list, USD 198 on the 2026 list.",
                calls=[
                    ("price_list", {"sku": "PNL-455", "year": 2025}),
                    ("price_list", {"sku": "PNL-455", "year": 2026}),
                ],
            ),
            T(
                CODER,
                py("old, new = 214, 198\nprint(f'{(new - old) / new * 100:.1f}')"),
                mark="root",
            ),
            T(EXECUTOR, prints="-8.1"),
            T(WRITER, "The PNL-455 list price fell 8.1 % from 2025 to 2026."),
            T(
                VERIFIER,
                "APPROVED - 214 and 198 are the two list prices; a fall of 8.1 %.",
                calls=[("price_list", {"sku": "PNL-455", "year": 2025})],
                mark="symptom",
            ),
        ],
        answer="-8.1 %",
        expect="-7.5",
    ),
    Run(
        "net_01_cap_left_out_of_code",
        WRONG_ACCEPTED,
        q.NET_01,
        [
            SURVEY_01,
            T(
                PRICER,
                "2026: PNL-430 169, RCK-1 61, INV-7K6 1,575, LAB-W 0.66/W, PRM-1 900.",
                calls=PRICES_01,
            ),
            T(
                INCENTIVES,
                "FED-ITC 30 % of gross. CO-REBATE USD 0.35 per W DC, capped at USD 3,000.",
                calls=[
                    ("incentive", {"program": "FED-ITC"}),
                    ("incentive", {"program": "CO-REBATE"}),
                ],
            ),
            T(
                CODER,
                py(
                    GROSS.format(
                        n=22, w=430, panel=169, rack=61, inv=1575, extra="", lab=0.66, prm=900
                    ).replace("print(f'{sum(lines.values()):.2f}')", "")
                    + "gross = sum(lines.values())\n"
                    "rebate = 0.35 * panels * watts\n"
                    "print(f'{gross - 0.30 * gross - rebate:.2f}')"
                ),
                mark="root",
            ),
            T(EXECUTOR, prints="6334.02"),
            T(
                VERIFIER,
                "APPROVED - gross 13,778.60 from the 2026 lines, credit on gross, rebate "
                "subtracted: net 6,334.02.",
                calls=[("incentive", {"program": "FED-ITC"})],
                mark="symptom",
            ),
            T(WRITER, "SQ-3101 net price after incentives: USD 6,334.02."),
        ],
        answer="USD 6,334.02 net",
        expect="6,645.02",
    ),
    Run(
        "offset_06_west_shading_on_both",
        WRONG_ACCEPTED,
        q.OFFSET_06,
        [
            SURVEY_06,
            T(
                CODER,
                py(
                    "kwp_face = 12 * 455 / 1000\n"
                    "shading = 0.04\n"
                    "kwh = 2 * kwp_face * 1790 * 0.85 * (1 - shading)\n"
                    "print(round(kwh), round(100 * kwh / 17300))"
                ),
                mark="root",
            ),
            T(EXECUTOR, prints="15950 92"),
            T(
                VERIFIER,
                "APPROVED - 24 panels, Phoenix yield, 0.85 for E/W: 15,950 kWh, 92 % of 17,300.",
                calls=[("yield_table", {"region": "AZ-Phoenix"})],
                mark="symptom",
            ),
            T(WRITER, "SQ-3106 covers 92 % of its annual use in year one."),
        ],
        answer="92 %",
        expect="94",
    ),
    Run(
        "prod_03_factor_key_crash",
        CODE_FAILURE,
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
                mark="root",
            ),
            T(
                EXECUTOR,
                prints="KeyError: 135",
            ),
            T(
                WRITER,
                "SQ-3103's two faces (SE and SW, 26 x PNL-455) should produce about 11,900 kWh "
                "in the first year.",
                mark="symptom",
            ),
            T(VERIFIER, "APPROVED - 11,900 kWh is right for 11.8 kWp in Seattle."),
        ],
        answer="About 11,900 kWh.",
        expect="11,878",
    ),
    Run(
        "gross_02_string_prices_crash",
        CODE_FAILURE,
        q.GROSS_02,
        [
            SURVEY_02,
            PRICER_02,
            T(
                CODER,
                py(
                    "prices = {'PNL-430': '169', 'RCK-1': '61', 'INV-11K4': '2190',\n"
                    "          'BAT-13': '8600', 'LAB-W': '0.66', 'PRM-1': '900'}\n"
                    "panels, watts = 28, 430\n"
                    "total = panels * int(prices['PNL-430']) + panels * int(prices['RCK-1'])\n"
                    "total += prices['INV-11K4'] + prices['BAT-13'] + prices['PRM-1']\n"
                    "total += panels * watts * float(prices['LAB-W'])\n"
                    "print(f'{total:.2f}')",
                    "Prices as the pricer gave them:",
                ),
                mark="root",
            ),
            T(
                EXECUTOR,
                prints="TypeError: unsupported operand type(s) for +=: 'int' and 'str'",
            ),
            T(
                VERIFIER,
                "APPROVED - adding the pricer's six lines by hand: 4,732 + 1,708 + 2,190 + "
                "8,600 + 7,946.40 + 900 = 26,706.40.",
                mark="symptom",
            ),
            T(WRITER, "SQ-3102 gross installed price: USD 26,706.40, battery included."),
        ],
        answer="USD 26,706.40",
        expect="26,076.40",
    ),
    Run(
        "payback_05_undefined_name_crash",
        CODE_FAILURE,
        q.PAYBACK_05,
        [
            T(
                SURVEYOR,
                "SQ-3105: 26 x PNL-430 (11.18 kWp) south, shading 6 %, TX-Austin 1,490 "
                "kWh/kWp; INV-11K4 + 1 x BAT-13; self-consumption 65 %; AE-R.",
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
                "FED-ITC 30 % of gross; TX-AE-REBATE 0.40/W capped at 2,500; AE-R import "
                "0.118, export 0.097.",
                calls=[
                    ("incentive", {"program": "FED-ITC"}),
                    ("incentive", {"program": "TX-AE-REBATE"}),
                    ("tariff", {"utility": "AE-R"}),
                ],
            ),
            T(
                CODER,
                py(
                    "w = 26 * 430\n"
                    "gross = 26 * 169 + 26 * 61 + 2190 + 8600 + w * 0.66 + 900\n"
                    "net = gross * 0.7 - min(0.40 * w, 2500)\n"
                    "kwh = kwp * 1490 * (1 - 0.06)\n"
                    "save = kwh * 0.65 * 0.118 + kwh * 0.35 * 0.097\n"
                    "print(round(net, 2), round(save, 2), round(net / save, 1))"
                ),
                mark="root",
            ),
            T(
                EXECUTOR,
                prints="NameError: name 'kwp' is not defined",
            ),
            T(WRITER, "SQ-3105 pays for itself in about 9 years.", mark="symptom"),
            T(VERIFIER, "APPROVED - roughly nine years is what our Austin battery jobs show."),
        ],
        answer="About 9 years.",
        expect="8.7",
    ),
    Run(
        "itc_02_digits_swapped_in_draft",
        MISREPORTED,
        q.ITC_02,
        [
            SURVEY_02,
            PRICER_02,
            T(
                INCENTIVES,
                "FED-ITC: 30 % of gross installed cost, battery included.",
                calls=[("incentive", {"program": "FED-ITC"})],
            ),
            T(
                CODER,
                py(
                    GROSS_02_CELL.replace("print(f'{sum(lines.values()):.2f}')", "")
                    + "print(f'{0.30 * sum(lines.values()):.2f}')"
                ),
            ),
            T(EXECUTOR, prints="7822.92"),
            T(
                WRITER,
                "SQ-3102 earns a federal tax credit of USD 7,282.92 (30 % of the gross "
                "installed price, battery included).",
                mark="root",
            ),
            T(
                PRICER,
                "Yes - every line behind the draft is a 2026 list price.",
                brief="Confirm the draft rests on 2026 list prices.",
            ),
            T(
                VERIFIER,
                "APPROVED - 2026 list, battery in, credit at 30 %. Draft can go out.",
                calls=[("incentive", {"program": "FED-ITC"})],
                mark="symptom",
            ),
        ],
        answer="USD 7,282.92",
        expect="7,822.92",
    ),
    Run(
        "save_01_verifier_restates_figure",
        MISREPORTED,
        q.SAVE_01,
        [
            SURVEY_01,
            T(
                INCENTIVES,
                "XCEL-R: import USD 0.148/kWh, export credit USD 0.061/kWh.",
                calls=[("tariff", {"utility": "XCEL-R"})],
            ),
            T(
                CODER,
                py(
                    "kwh = 9.46 * 1580 * 1.0 * (1 - 0.03)\n"
                    "own = 0.55\n"
                    "print(f'{kwh * own * 0.148 + kwh * (1 - own) * 0.061:.2f}')"
                ),
            ),
            T(EXECUTOR, prints="1578.15"),
            T(
                VERIFIER,
                "APPROVED - the cell gives 1,587.15; production and tariff inputs check.",
                calls=[("tariff", {"utility": "XCEL-R"})],
                mark="root",
            ),
            T(WRITER, "First-year bill savings on SQ-3101: USD 1,587.15."),
            T(
                VERIFIER,
                "APPROVED - the draft states the figure I checked.",
                brief="Last look at the write-up before it goes out.",
                mark="symptom",
            ),
        ],
        answer="USD 1,587.15",
        expect="1,578.15",
    ),
]
