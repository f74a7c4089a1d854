"""More quoting desk runs that answer right: incentives, savings, payback, price per watt."""

from __future__ import annotations

from benchmarks.corpus import _solar_tasks as q
from benchmarks.corpus._common import HEALTHY
from benchmarks.corpus._solar_runs_a import GROSS, PRICES_01, PRICES_02
from benchmarks.corpus._solar_runs_b import PAYBACK, SURVEY_01
from benchmarks.corpus._solar_runs_c import GROSS_02_CELL, PRICER_02, SURVEY_02
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

INCENTIVES_05 = T(
    INCENTIVES,
    "FED-ITC 30 % of gross, battery included; TX-AE-REBATE USD 0.40/W DC capped at 2,500; "
    "AE-R import 0.118, export credit 0.097 USD/kWh.",
    calls=[
        ("incentive", {"program": "FED-ITC"}),
        ("incentive", {"program": "TX-AE-REBATE"}),
        ("tariff", {"utility": "AE-R"}),
    ],
)
SURVEY_05 = T(
    SURVEYOR,
    "SQ-3105: 26 x PNL-430 (11.18 kWp) due south, shading 6 %, TX-Austin 1,490 kWh/kWp; "
    "INV-11K4 + 1 x BAT-13; self-consumption 65 %; AE-R.",
    calls=[("site_survey", {"job": "SQ-3105"}), ("yield_table", {"region": "TX-Austin"})],
)
PRICER_05 = T(
    PRICER,
    "2026: PNL-430 169, RCK-1 61, INV-11K4 2,190, BAT-13 8,600, LAB-W 0.66/W, PRM-1 900.",
    calls=PRICES_02,
)
SAVE_01_CELL = (
    "kwh = 9.46 * 1580 * 1.0 * (1 - 0.03)\n"
    "own = 0.55\n"
    "print(f'{kwh * own * 0.148 + kwh * (1 - own) * 0.061:.2f}')"
)

RUNS: list[Run] = [
    Run(
        "ok_net_01",
        HEALTHY,
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
                "FED-ITC: 30 % of gross. CO-REBATE: 0.35/W DC, cap USD 3,000.",
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
                    "rebate = min(0.35 * panels * watts, 3000)\n"
                    "print(f'{gross * (1 - 0.30) - rebate:.2f}')"
                ),
            ),
            T(EXECUTOR, prints="6645.02"),
            T(
                VERIFIER,
                "APPROVED - credit on gross, rebate capped at 3,000: net 6,645.02.",
                calls=[("incentive", {"program": "CO-REBATE"})],
            ),
            T(WRITER, "SQ-3101 net price after incentives: USD 6,645.02."),
        ],
        answer="USD 6,645.02",
        expect="6,645.02",
    ),
    Run(
        "ok_rebate_03",
        HEALTHY,
        q.REBATE_03,
        [
            T(
                SURVEYOR,
                "SQ-3103: 26 x PNL-455 over two faces, 11,830 W DC.",
                calls=[("site_survey", {"job": "SQ-3103"})],
            ),
            T(
                INCENTIVES,
                "WA-REBATE: USD 0.50 per W DC, capped at USD 4,000.",
                calls=[("incentive", {"program": "WA-REBATE"})],
            ),
            T(CODER, py("w = 26 * 455\nprint(w, min(0.50 * w, 4000))")),
            T(EXECUTOR, prints="11830 4000"),
            T(VERIFIER, "APPROVED - 5,915 uncapped, so the 4,000 cap applies."),
            T(WRITER, "SQ-3103 qualifies for the full Washington rebate of USD 4,000."),
        ],
        answer="USD 4,000",
        expect="4,000",
    ),
    Run(
        "ok_rebate_04",
        HEALTHY,
        q.REBATE_04,
        [
            T(
                SURVEYOR,
                "SQ-3104: 18 x PNL-455 = 8,190 W DC, Colorado.",
                calls=[("site_survey", {"job": "SQ-3104"})],
            ),
            T(
                INCENTIVES,
                "CO-REBATE: USD 0.35 per W DC, capped at USD 3,000.",
                calls=[("incentive", {"program": "CO-REBATE"})],
            ),
            T(CODER, py("w = 18 * 455\nprint(f'{min(0.35 * w, 3000):.2f}')")),
            T(EXECUTOR, prints="2866.50"),
            T(WRITER, "SQ-3104's Colorado rebate: USD 2,866.50 (under the 3,000 cap)."),
            T(
                VERIFIER,
                "APPROVED - 8,190 W x 0.35 = 2,866.50, below the cap.",
                calls=[("incentive", {"program": "CO-REBATE"})],
            ),
        ],
        answer="USD 2,866.50",
        expect="2,866.50",
    ),
    Run(
        "ok_save_01_string_rate_fixed",
        HEALTHY,
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
                    "tariff = {'import': '0.148', 'export': '0.061'}\n"
                    "kwh = 9.46 * 1580 * 1.0 * (1 - 0.03)\n"
                    "saved = kwh * 0.55 * tariff['import'] + kwh * 0.45 * tariff['export']\n"
                    "print(f'{saved:.2f}')"
                ),
            ),
            T(EXECUTOR, prints="TypeError: can't multiply sequence by non-int of type 'float'"),
            T(
                CODER,
                py(SAVE_01_CELL, "The rates were strings; plain floats now:"),
                brief="The cell raised a TypeError - fix it.",
            ),
            T(EXECUTOR, prints="1578.15"),
            T(VERIFIER, "APPROVED - 55 % at 0.148, 45 % at 0.061 of 14,498 kWh: 1,578.15."),
            T(WRITER, "First-year bill savings on SQ-3101: USD 1,578.15."),
        ],
        answer="USD 1,578.15",
        expect="1,578.15",
    ),
    Run(
        "ok_payback_05",
        HEALTHY,
        q.PAYBACK_05,
        [
            SURVEY_05,
            PRICER_05,
            INCENTIVES_05,
            T(CODER, py(PAYBACK.format(yld=1490))),
            T(EXECUTOR, prints="15034.16 1732.64 8.7"),
            T(
                VERIFIER,
                "APPROVED - rebate capped at 2,500, credit on gross incl. battery, AE-R "
                "rates: 8.7 years.",
                calls=[("tariff", {"utility": "AE-R"})],
            ),
            T(WRITER, "SQ-3105 simple payback: 8.7 years (net USD 15,034.16)."),
        ],
        answer="8.7 years",
        expect="8.7",
    ),
    Run(
        "ok_payback_05_name_fixed",
        HEALTHY,
        q.PAYBACK_05,
        [
            SURVEY_05,
            PRICER_05,
            INCENTIVES_05,
            T(CODER, py(PAYBACK.format(yld=1490).replace("w / 1000", "kwp"))),
            T(EXECUTOR, prints="NameError: name 'kwp' is not defined"),
            T(
                CODER,
                py(
                    "kwp = 26 * 430 / 1000\n" + PAYBACK.format(yld=1490).replace("w / 1000", "kwp"),
                    "Forgot to define kwp:",
                ),
                brief="NameError on kwp - fix and resend.",
            ),
            T(EXECUTOR, prints="15034.16 1732.64 8.7"),
            T(WRITER, "SQ-3105 pays back in 8.7 years."),
            T(VERIFIER, "APPROVED - inputs re-checked; 8.7 years stands."),
        ],
        answer="Payback: 8.7 years.",
        expect="8.7",
    ),
    Run(
        "ok_cpw_06_rounded_draft_sent_back",
        HEALTHY,
        q.CPW_06,
        [
            T(
                SURVEYOR,
                "SQ-3106: 24 x PNL-455 (12 E, 12 W), INV-7K6.",
                calls=[("site_survey", {"job": "SQ-3106"})],
            ),
            T(
                PRICER,
                "2026: PNL-455 198, RCK-1 61, INV-7K6 1,575, LAB-W 0.66/W, PRM-1 900.",
                calls=[
                    ("price_list", {"sku": s})
                    for s in ("PNL-455", "RCK-1", "INV-7K6", "LAB-W", "PRM-1")
                ],
            ),
            T(
                CODER,
                py(
                    "w = 24 * 455\n"
                    "gross = 24 * 198 + 24 * 61 + 1575 + w * 0.66 + 900\n"
                    "print(round(gross, 2), f'{gross / w:.2f}')"
                ),
            ),
            T(EXECUTOR, prints="15898.2 1.46"),
            T(WRITER, "SQ-3106 comes in at about USD 1.5 per watt DC."),
            T(
                VERIFIER,
                "REJECTED - the question asks for 2 decimals; the cell printed 1.46. Restate.",
            ),
            T(WRITER, "SQ-3106 gross price per watt DC: USD 1.46.", brief="Restate with 1.46."),
            T(VERIFIER, "APPROVED - 1.46 as printed."),
        ],
        answer="USD 1.46 per W DC",
        expect="1.46",
    ),
    Run(
        "ok_yoy_455",
        HEALTHY,
        q.YOY_455,
        [
            T(
                PRICER,
                "PNL-455: 214 on the 2025 list, 198 on the 2026 list.",
                calls=[
                    ("price_list", {"sku": "PNL-455", "year": 2025}),
                    ("price_list", {"sku": "PNL-455", "year": 2026}),
                ],
            ),
            T(CODER, py("old, new = 214, 198\nprint(f'{(new - old) / old * 100:.1f}')")),
            T(EXECUTOR, prints="-7.5"),
            T(VERIFIER, "APPROVED - change over the 2025 price: -7.5 %."),
            T(WRITER, "PNL-455 list price moved -7.5 % from 2025 to 2026."),
        ],
        answer="-7.5 %",
        expect="-7.5",
    ),
    Run(
        "ok_offset_06_region_retried",
        HEALTHY,
        q.OFFSET_06,
        [
            T(
                SURVEYOR,
                "SQ-3106: E 12 x PNL-455 (no shading), W 12 x PNL-455 (4 %), 15 deg; region "
                "AZ-Phoenix at 1,790 kWh/kWp, factor 0.85 at 90 and 270 deg; use 17,300 kWh.",
                calls=[
                    ("site_survey", {"job": "SQ-3106"}),
                    ("yield_table", {"region": "Phoenix"}),
                    ("yield_table", {"region": "AZ-Phoenix"}),
                ],
            ),
            T(
                CODER,
                py(
                    "kwp = 12 * 455 / 1000\n"
                    "kwh = kwp * 1790 * 0.85 + kwp * 1790 * 0.85 * (1 - 0.04)\n"
                    "print(round(kwh), round(100 * kwh / 17300))"
                ),
            ),
            T(EXECUTOR, prints="16282 94"),
            T(VERIFIER, "APPROVED - shading only on the west face; 94 %."),
            T(WRITER, "SQ-3106's first-year production covers 94 % of its annual use."),
        ],
        answer="94 %",
        expect="94",
    ),
    Run(
        "ok_itc_02_battery_questioned",
        HEALTHY,
        q.ITC_02,
        [
            SURVEY_02,
            PRICER_02,
            T(
                INCENTIVES,
                "Checked whether the battery counts: FED-ITC terms say 30 % of gross "
                "installed cost, battery included - so all six lines.",
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
            T(VERIFIER, "APPROVED - 30 % of 26,076.40 = 7,822.92."),
            T(WRITER, "SQ-3102's federal tax credit: USD 7,822.92, battery included."),
        ],
        answer="USD 7,822.92",
        expect="7,822.92",
    ),
    Run(
        "ok_battery_02",
        HEALTHY,
        q.BATTERY_02,
        [
            SURVEY_02,
            T(
                INCENTIVES,
                "AZ-BATTERY: USD 150 per kWh of storage, capped at USD 1,500. BAT-13 holds "
                "13.5 kWh.",
                calls=[
                    ("incentive", {"program": "AZ-BATTERY"}),
                ],
            ),
            T(PRICER, "BAT-13 is the 13.5 kWh battery.", calls=[("price_list", {"sku": "BAT-13"})]),
            T(CODER, py("print(150 * 13.5, min(150 * 13.5, 1500))")),
            T(EXECUTOR, prints="2025.0 1500"),
            T(VERIFIER, "APPROVED - 2,025 before the cap, so 1,500."),
            T(WRITER, "The Arizona battery rebate pays USD 1,500 on SQ-3102's battery."),
        ],
        answer="USD 1,500",
        expect="1,500",
    ),
]
