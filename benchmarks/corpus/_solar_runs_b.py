"""Quoting desk runs resting on an assumption, a dropped condition, a made-up figure, or
going wrong where someone later says so."""

from __future__ import annotations

from benchmarks.corpus import _solar_tasks as q
from benchmarks.corpus._common import BAD_ASSUMPTION, LOST_CONSTRAINT, MADE_UP, SELF_REPORT
from benchmarks.corpus._solar_runs_a import GROSS, PRICES_01, PRICES_02
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

SURVEY_01 = T(
    SURVEYOR,
    "SQ-3101: 22 x PNL-430 (9.46 kWp), south face, shading 3 %, CO-Front-Range 1,580 "
    "kWh/kWp, factor 1.0 at 180 deg; self-consumption 55 %; XCEL-R.",
    calls=[("site_survey", {"job": "SQ-3101"}), ("yield_table", {"region": "CO-Front-Range"})],
)
PAYBACK = (
    "w = 26 * 430\n"
    "gross = 26 * 169 + 26 * 61 + 2190 + 8600 + w * 0.66 + 900\n"
    "net = gross * 0.7 - min(0.40 * w, 2500)\n"
    "kwh = w / 1000 * {yld} * (1 - 0.06)\n"
    "save = kwh * 0.65 * 0.118 + kwh * 0.35 * 0.097\n"
    "print(round(net, 2), round(save, 2), round(net / save, 1))"
)

RUNS: list[Run] = [
    Run(
        "prod_01_shading_taken_as_included",
        BAD_ASSUMPTION,
        q.PROD_01,
        [
            T(
                SURVEYOR,
                "SQ-3101: 22 x 430 W = 9.46 kWp, due south (factor 1.0). CO-Front-Range yield "
                "is 1,580 kWh/kWp; the 3 % shading on the survey is the kind of loss a "
                "regional yield already carries, so I'd not take it off again.",
                calls=[
                    ("site_survey", {"job": "SQ-3101"}),
                    ("yield_table", {"region": "CO-Front-Range"}),
                ],
                mark="root",
            ),
            T(CODER, py("print(round(9.46 * 1580 * 1.0))")),
            T(EXECUTOR, prints="14947"),
            T(
                VERIFIER,
                "APPROVED - kWp and yield match the survey and the table: 14,947 kWh.",
                calls=[("yield_table", {"region": "CO-Front-Range"})],
                mark="symptom",
            ),
            T(WRITER, "SQ-3101 should produce 14,947 kWh in its first year."),
        ],
        answer="14,947 kWh",
        expect="14,498",
    ),
    Run(
        "save_01_net_metering_assumed",
        BAD_ASSUMPTION,
        q.SAVE_01,
        [
            SURVEY_01,
            T(
                INCENTIVES,
                "XCEL-R import is USD 0.148/kWh. Colorado has net metering, so exported kWh "
                "are credited at the retail rate too - every kWh is worth 0.148.",
                calls=[("tariff", {"utility": "XCEL-R"})],
                mark="root",
            ),
            T(
                CODER,
                py(
                    "kwh = 9.46 * 1580 * 1.0 * (1 - 0.03)\n"
                    "own = 0.55\n"
                    "print(f'{kwh * own * 0.148 + kwh * (1 - own) * 0.148:.2f}')"
                ),
            ),
            T(EXECUTOR, prints="2145.76"),
            T(WRITER, "Year-one savings on SQ-3101: USD 2,145.76."),
            T(
                VERIFIER,
                "APPROVED. 14,498 kWh at 0.148 is 2,145.76; production inputs re-checked.",
                calls=[("site_survey", {"job": "SQ-3101"})],
                mark="symptom",
            ),
        ],
        answer="USD 2,145.76 in the first year.",
        expect="1,578.15",
    ),
    Run(
        "offset_06_east_west_as_south",
        BAD_ASSUMPTION,
        q.OFFSET_06,
        [
            T(
                SURVEYOR,
                "SQ-3106: E face 12 x PNL-455 no shading, W face 12 x PNL-455 at 4 %, both "
                "15 deg tilt; AZ-Phoenix 1,790 kWh/kWp; annual use 17,300 kWh. At 15 deg the "
                "azimuth hardly matters, so I'd use a factor of 1.0 on both faces.",
                calls=[
                    ("site_survey", {"job": "SQ-3106"}),
                    ("yield_table", {"region": "AZ-Phoenix"}),
                ],
                mark="root",
            ),
            T(
                CODER,
                py(
                    "kwp = 12 * 455 / 1000\n"
                    "kwh = kwp * 1790 * 1.0 + kwp * 1790 * 1.0 * (1 - 0.04)\n"
                    "print(round(kwh), round(100 * kwh / 17300))"
                ),
            ),
            T(EXECUTOR, prints="19156 111"),
            T(WRITER, "SQ-3106's array covers 111 % of the household's annual use."),
            T(
                VERIFIER,
                "APPROVED - faces, shading and use as surveyed; 19,156 / 17,300 = 111 %.",
                calls=[("site_survey", {"job": "SQ-3106"})],
                mark="symptom",
            ),
        ],
        answer="111 %",
        expect="94",
    ),
    Run(
        "rebate_03_cap_dropped",
        LOST_CONSTRAINT,
        q.REBATE_03,
        [
            T(
                SURVEYOR,
                "SQ-3103: 14 + 12 = 26 x PNL-455, 11,830 W DC.",
                calls=[("site_survey", {"job": "SQ-3103"})],
            ),
            T(
                INCENTIVES,
                "WA-REBATE: state rebate of USD 0.50 per W DC.",
                calls=[("incentive", {"program": "WA-REBATE"})],
                mark="root",
            ),
            T(CODER, py("print(26 * 455 * 0.50)")),
            T(EXECUTOR, prints="5915.0"),
            T(
                VERIFIER,
                "APPROVED - 11,830 W x 0.50 = 5,915.00.",
                mark="symptom",
            ),
            T(WRITER, "SQ-3103 qualifies for a USD 5,915 Washington state rebate."),
        ],
        answer="USD 5,915",
        expect="4,000",
    ),
    Run(
        "itc_02_battery_dropped_from_brief",
        LOST_CONSTRAINT,
        q.ITC_02,
        [
            T(
                SURVEYOR,
                "SQ-3102: 28 x PNL-430, INV-11K4, one BAT-13.",
                calls=[("site_survey", {"job": "SQ-3102"})],
            ),
            T(
                PRICER,
                "2026: PNL-430 169, RCK-1 61, INV-11K4 2,190, BAT-13 8,600, LAB-W 0.66/W, "
                "PRM-1 900.",
                calls=PRICES_02,
            ),
            T(
                INCENTIVES,
                "FED-ITC: 30 % of the gross installed cost, battery included.",
                calls=[("incentive", {"program": "FED-ITC"})],
            ),
            T(
                CODER,
                py(
                    GROSS.format(
                        n=28, w=430, panel=169, rack=61, inv=2190, extra="", lab=0.66, prm=900
                    ).replace("print(f'{sum(lines.values()):.2f}')", "")
                    + "print(f'{0.30 * sum(lines.values()):.2f}')"
                ),
                brief="Compute 30 % of the PV system's gross price: panels, racking, inverter, "
                "labour and permit at the 2026 list.",
            ),
            T(EXECUTOR, prints="5242.92"),
            T(
                VERIFIER,
                "APPROVED - five lines at 2026 prices, 30 % of 17,476.40 is 5,242.92.",
                mark="symptom",
            ),
            T(WRITER, "Federal tax credit on SQ-3102: USD 5,242.92."),
        ],
        answer="USD 5,242.92",
        expect="7,822.92",
        manager_mark="root",
    ),
    Run(
        "gross_01_inverter_price_pencilled_in",
        MADE_UP,
        q.GROSS_01,
        [
            T(
                SURVEYOR,
                "SQ-3101: 22 x PNL-430, inverter INV-7K6, no battery.",
                calls=[("site_survey", {"job": "SQ-3101"})],
            ),
            T(
                PRICER,
                "2026: PNL-430 169, RCK-1 61/panel, LAB-W 0.66/W, PRM-1 900. The 7.6 kW "
                "inverter didn't come up on the list; those run about USD 1,650, so I've "
                "pencilled that in.",
                calls=[
                    ("price_list", {"sku": "PNL-430"}),
                    ("price_list", {"sku": "RCK-1"}),
                    ("price_list", {"sku": "INV-7.6K"}),
                    ("price_list", {"sku": "LAB-W"}),
                    ("price_list", {"sku": "PRM-1"}),
                ],
                mark="root",
            ),
            T(
                CODER,
                py(
                    GROSS.format(
                        n=22, w=430, panel=169, rack=61, inv=1650, extra="", lab=0.66, prm=900
                    )
                ),
            ),
            T(EXECUTOR, prints="13853.60"),
            T(
                VERIFIER,
                "APPROVED - panel, racking, labour and permit lines match the 2026 list; "
                "total 13,853.60.",
                calls=[("price_list", {"sku": "PNL-430"}), ("price_list", {"sku": "LAB-W"})],
                mark="symptom",
            ),
            T(WRITER, "SQ-3101 gross installed price: USD 13,853.60."),
        ],
        answer="USD 13,853.60",
        expect="13,778.60",
    ),
    Run(
        "payback_05_yield_guessed",
        MADE_UP,
        q.PAYBACK_05,
        [
            T(
                SURVEYOR,
                "SQ-3105: 26 x PNL-430 south, shading 6 %, INV-11K4 + 1 x BAT-13, "
                "self-consumption 65 %, AE-R. No yield line for central Texas in the table; "
                "Austin-area arrays do about 1,550 kWh/kWp, use that.",
                calls=[
                    ("site_survey", {"job": "SQ-3105"}),
                    ("yield_table", {"region": "TX-Central"}),
                ],
                mark="root",
            ),
            T(
                PRICER,
                "2026: PNL-430 169, RCK-1 61, INV-11K4 2,190, BAT-13 8,600, LAB-W 0.66/W, "
                "PRM-1 900.",
                calls=PRICES_02,
            ),
            T(
                INCENTIVES,
                "FED-ITC 30 % of gross; TX-AE-REBATE 0.40/W capped at 2,500; AE-R import 0.118, "
                "export 0.097.",
                calls=[
                    ("incentive", {"program": "FED-ITC"}),
                    ("incentive", {"program": "TX-AE-REBATE"}),
                    ("tariff", {"utility": "AE-R"}),
                ],
            ),
            T(CODER, py(PAYBACK.format(yld=1550))),
            T(EXECUTOR, prints="15034.16 1802.41 8.3"),
            T(
                VERIFIER,
                "APPROVED - prices, credit, rebate cap and tariff all re-checked; 8.3 years.",
                calls=[("incentive", {"program": "TX-AE-REBATE"}), ("tariff", {"utility": "AE-R"})],
                mark="symptom",
            ),
            T(WRITER, "SQ-3105 simple payback: 8.3 years."),
        ],
        answer="8.3 years",
        expect="8.7",
    ),
    Run(
        "cpw_06_last_years_labour_flagged",
        SELF_REPORT,
        q.CPW_06,
        [
            T(
                SURVEYOR,
                "SQ-3106: 24 x PNL-455 (12 E, 12 W), INV-7K6.",
                calls=[("site_survey", {"job": "SQ-3106"})],
            ),
            T(
                PRICER,
                "PNL-455 198, RCK-1 61, INV-7K6 1,575, PRM-1 900 on the 2026 list; labour "
                "LAB-W 0.62/W.",
                calls=[
                    ("price_list", {"sku": "PNL-455"}),
                    ("price_list", {"sku": "RCK-1"}),
                    ("price_list", {"sku": "INV-7K6"}),
                    ("price_list", {"sku": "PRM-1"}),
                    ("price_list", {"sku": "LAB-W", "year": 2025}),
                ],
                mark="root",
            ),
            T(
                CODER,
                py(
                    "w = 24 * 455\n"
                    "gross = 24 * 198 + 24 * 61 + 1575 + w * 0.62 + 900\n"
                    "print(round(gross, 2), f'{gross / w:.2f}')"
                ),
            ),
            T(EXECUTOR, prints="15461.4 1.42"),
            T(
                VERIFIER,
                "REJECTED - the labour line doesn't match what I pull from the current list "
                "(0.66/W, not 0.62). 1.42 can't go out as it stands.",
                calls=[("price_list", {"sku": "LAB-W"})],
                mark="symptom",
            ),
        ],
        answer="USD 1.42 per W DC (the verifier queried the labour line).",
        expect="1.46",
    ),
    Run(
        "net_01_rebate_taken_first_flagged",
        SELF_REPORT,
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
                "CO-REBATE: USD 0.35/W capped at 3,000 (9,460 W gives 3,311, so 3,000). "
                "FED-ITC: 30 %.",
                calls=[
                    ("incentive", {"program": "CO-REBATE"}),
                    ("incentive", {"program": "FED-ITC"}),
                ],
            ),
            T(
                CODER,
                py(
                    GROSS.format(
                        n=22, w=430, panel=169, rack=61, inv=1575, extra="", lab=0.66, prm=900
                    ).replace("print(f'{sum(lines.values()):.2f}')", "")
                    + "after_rebate = sum(lines.values()) - 3000\n"
                    "print(f'{after_rebate * (1 - 0.30):.2f}')"
                ),
                brief="Gross from the pricer's lines; take the Colorado rebate off first, then "
                "the 30 % federal credit on what is left.",
            ),
            T(EXECUTOR, prints="7545.02"),
            T(
                WRITER,
                "Net price for SQ-3101 comes out at USD 7,545.02 - but the FED-ITC terms the "
                "analyst quoted are 30 % of gross, and this takes 30 % of the figure after the "
                "rebate. I can't square the two; please check before it goes to the customer.",
                mark="symptom",
            ),
        ],
        answer="USD 7,545.02 net (writer's query open).",
        expect="6,645.02",
        manager_mark="root",
    ),
    Run(
        "prod_03_sw_factor_flagged",
        SELF_REPORT,
        q.PROD_03,
        [
            T(
                SURVEYOR,
                "SQ-3103: SE face 14 x PNL-455, shading 8 %; SW face 12 x PNL-455, shading "
                "5 %; WA-Seattle 1,120 kWh/kWp; factors 0.96 at 135 and at 225 deg.",
                calls=[
                    ("site_survey", {"job": "SQ-3103"}),
                    ("yield_table", {"region": "WA-Seattle"}),
                ],
            ),
            T(
                CODER,
                py(
                    "faces = [(14, 0.96, 0.08), (12, 0.85, 0.05)]\n"
                    "kwh = sum(n * 455 / 1000 * 1120 * f * (1 - s) for n, f, s in faces)\n"
                    "print(round(kwh))",
                    "Face by face:",
                ),
                mark="root",
            ),
            T(EXECUTOR, prints="11239"),
            T(WRITER, "SQ-3103 first-year production: 11,239 kWh across both faces."),
            T(
                VERIFIER,
                "REJECTED - 11,239 is lower than the two faces should give; the SW face "
                "looks under-counted. Not signing this.",
                calls=[("yield_table", {"region": "WA-Seattle"})],
                mark="symptom",
            ),
        ],
        answer="11,239 kWh (verifier not satisfied).",
        expect="11,878",
    ),
]
