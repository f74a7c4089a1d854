"""Freight desk runs that go wrong upstream: the lead's brief, a lookup, an assumption."""

from __future__ import annotations

from benchmarks.corpus import _freight_tasks as q
from benchmarks.corpus._common import (
    BAD_ASSUMPTION,
    BAD_SPLIT,
    LOST_CONSTRAINT,
    MADE_UP,
    WRONG_INPUT,
    WRONG_SOURCE,
)
from benchmarks.corpus._freight_team import (
    CODER,
    CUSTOMS,
    LEAD,
    RATES,
    RUNNER,
    VERIFIER,
    WRITER,
    Run,
)
from benchmarks.corpus._freight_team import Turn as T


def _py(body: str, lead: str = "") -> str:
    return f"{lead}\n```python\n{body.strip()}\n```".strip()


RUNS: list[Run] = [
    Run(
        "perkg_07_last_years_sheet",
        WRONG_SOURCE,
        q.PER_KG_07,
        [
            T(
                LEAD,
                "Two inputs: the SHA-RTM 40HC contract rate and FW-24107's net weight. "
                "Rates pulls both, coder divides, verification checks, report writes it up.",
                route="Lead, split this one please.",
            ),
            T(
                RATES,
                "FW-24107: 40HC on SHA-RTM, gross 18,640 kg, tare 3,900 kg. Contract "
                "rate on the sheet I have open is USD 1,890 per box.",
                calls=[
                    ("shipment", {"ref": "FW-24107"}),
                    ("rate_sheet", {"lane": "SHA-RTM", "container": "40HC", "year": 2024}),
                ],
                mark="root",
            ),
            T(
                CODER,
                _py(
                    "rate = 1890\nnet = 18640 - 3900\nprint(net, round(rate / net, 3))",
                    "Dividing the box rate by net kg:",
                ),
            ),
            T(RUNNER),
            T(
                VERIFIER,
                "Net 14,740 kg matches the booking, and 1890 / 14740 rounds to 0.128. Good to go.",
                mark="symptom",
            ),
            T(
                WRITER,
                "FW-24107 ocean freight: USD 0.128 per kg of net cargo (USD 1,890 over 14,740 kg).",
            ),
        ],
        answer="USD 0.128 per kg net.",
        expect="0.146",
    ),
    Run(
        "landed_25_us_column",
        WRONG_SOURCE,
        q.LANDED_25,
        [
            T(
                LEAD,
                "1) rates: HCM-ANR 40HC, 2025 sheet. 2) customs: duty on FW-24125's "
                "declared value. 3) coder adds them up. 4) verify, 5) write.",
            ),
            T(
                RATES,
                "HCM-ANR 40HC on the 2025 sheet: USD 2,040, 29 days.",
                calls=[("rate_sheet", {"lane": "HCM-ANR", "container": "40HC"})],
            ),
            T(
                CUSTOMS,
                "FW-24125 is declared under 6403.99, leather footwear, customs value "
                "USD 97,300. Tariff line gives 10.0 % - that is the rate I'd apply.",
                calls=[("shipment", {"ref": "FW-24125"}), ("tariff", {"hs_code": "6403.99"})],
                mark="root",
            ),
            T(CODER, _py("freight = 2040\nduty = 97300 * 10.0 / 100\nprint(freight + duty)")),
            T(RUNNER),
            T(
                VERIFIER,
                "Freight USD 2,040 is the 2025 line; duty 9,730 on 97,300. Total "
                "11,770 stands. Approved.",
                mark="symptom",
            ),
            T(WRITER, "Landed into Antwerp, FW-24125: USD 11,770 (freight 2,040 + duty 9,730)."),
        ],
        answer="USD 11,770",
        expect="9,824",
    ),
    Run(
        "duty_17_neighbouring_booking",
        WRONG_SOURCE,
        q.DUTY_17,
        [
            T(
                LEAD,
                "Customs: get the HS code and customs value off the FW-24117 booking, "
                "then the EU rate. Coder multiplies. Verification, then the write-up.",
            ),
            T(
                CUSTOMS,
                "Booking FW-24118: HS 8504.40 (static converters), customs value "
                "USD 121,800. EU duty on 8504.40 is 3.3 %.",
                calls=[("shipment", {"ref": "FW-24118"}), ("tariff", {"hs_code": "8504.40"})],
                mark="root",
            ),
            T(CODER, _py("value = 121800\nrate = 0.033\nprint(f'{value * rate:.2f}')")),
            T(RUNNER),
            T(
                VERIFIER,
                "8504.40 at 3.3 % is right for converters, the arithmetic checks: 4,019.40. OK.",
                mark="symptom",
            ),
            T(WRITER, "EU import duty due: USD 4,019.40."),
        ],
        answer="USD 4,019.40",
        expect="7,804.50",
    ),
    Run(
        "pounds_21_tare_transposed",
        WRONG_INPUT,
        q.POUNDS_21,
        [
            T(
                LEAD,
                "Need gross and tare for FW-24121, then kg -> lb with the given "
                "factor. Rates desk has the booking.",
            ),
            T(
                RATES,
                "FW-24121 (HLXU6602418, BUS-LAX 40HC): gross 16,420 kg, tare 3,290 kg.",
                calls=[("shipment", {"ref": "FW-24121"})],
                mark="root",
            ),
            T(CODER, _py("net_kg = 16420 - 3290\nprint(net_kg, round(net_kg * 2.20462))")),
            T(RUNNER),
            T(
                VERIFIER,
                "13,130 kg x 2.20462 = 28,946.7, so 28,947 lb. Checks out.",
                mark="symptom",
            ),
            T(WRITER, "Net cargo weight of FW-24121: 28,947 lb."),
        ],
        answer="28,947 lb",
        expect="27,558",
    ),
    Run(
        "duty_17_rate_misread",
        WRONG_INPUT,
        q.DUTY_17,
        [
            T(
                LEAD,
                "Straightforward: customs value x EU rate for FW-24117. Customs expert "
                "first, then code, then a check.",
            ),
            T(
                CUSTOMS,
                "FW-24117 -> HS 8504.40, value USD 236,500. The EU column shows "
                "3.8 % for converters.",
                calls=[("shipment", {"ref": "FW-24117"}), ("tariff", {"hs_code": "8504.40"})],
                mark="root",
            ),
            T(CODER, _py("print(round(236500 * 3.8 / 100, 2))")),
            T(RUNNER),
            T(WRITER, "Duty on FW-24117 into the EU: USD 8,987.00."),
            T(
                VERIFIER,
                "Value and HS code agree with the booking; 236,500 at 3.8 % is 8,987. Signed off.",
                mark="symptom",
            ),
        ],
        answer="EU duty on FW-24117: USD 8,987.00",
        expect="7,804.50",
    ),
    Run(
        "gross_kg_26_gross_misread",
        WRONG_INPUT,
        q.GROSS_KG_26,
        [
            T(LEAD, "rate for MUN-NYC 40HC (2025) / gross kg of FW-24126. analyst then coder."),
            T(
                RATES,
                "2025 MUN-NYC 40HC = 2,710 USD. FW-24126 gross = 22,140 kg.",
                calls=[
                    ("rate_sheet", {"lane": "MUN-NYC", "container": "40HC"}),
                    ("shipment", {"ref": "FW-24126"}),
                ],
                mark="root",
            ),
            T(CODER, _py("print(round(2710 / 22140, 3))")),
            T(RUNNER),
            T(
                VERIFIER,
                "rate line confirmed on the 2025 sheet. 0.122 it is.",
                calls=[("rate_sheet", {"lane": "MUN-NYC", "container": "40HC"})],
                mark="symptom",
            ),
            T(WRITER, "FW-24126: USD 0.122 per kg gross."),
        ],
        answer="USD 0.122 per kg gross",
        expect="0.121",
    ),
    Run(
        "landed_25_brief_names_2024",
        BAD_SPLIT,
        q.LANDED_25,
        [
            T(
                LEAD,
                "FW-24125 was booked against last year's contract, so: rates, take "
                "HCM-ANR 40HC from the 2024 sheet; customs, EU duty on the value; coder sums.",
                mark="root",
            ),
            T(
                RATES,
                "As asked - 2024 sheet, HCM-ANR 40HC: USD 1,880.",
                calls=[("rate_sheet", {"lane": "HCM-ANR", "container": "40HC", "year": 2024})],
            ),
            T(
                CUSTOMS,
                "6403.99 at 8.0 % EU on USD 97,300: 7,784.",
                calls=[("shipment", {"ref": "FW-24125"}), ("tariff", {"hs_code": "6403.99"})],
            ),
            T(CODER, _py("print(1880 + 97300 * 0.08)")),
            T(RUNNER),
            T(VERIFIER, "Both inputs are as briefed; sum 9,664. Fine.", mark="symptom"),
            T(WRITER, "FW-24125 landed cost into Antwerp: USD 9,664."),
        ],
        answer="USD 9,664",
        expect="9,824",
    ),
    Run(
        "pair_17_18_one_box_type",
        BAD_SPLIT,
        q.PAIR_17_18,
        [
            T(
                LEAD,
                "Both go SIN-GOA in the same sailing, same equipment: take the 40HC "
                "line once and double it. No need to open the bookings.",
                mark="root",
            ),
            T(
                RATES,
                "SIN-GOA 40HC, 2025: USD 1,975 per box.",
                calls=[("rate_sheet", {"lane": "SIN-GOA", "container": "40HC"})],
            ),
            T(CODER, _py("print(2 * 1975)")),
            T(RUNNER),
            T(VERIFIER, "1,975 is the current line; two boxes -> 3,950. Approved."),
            T(WRITER, "Combined 2025 freight for FW-24117 and FW-24118: USD 3,950."),
        ],
        answer="USD 3,950 combined.",
        expect="3,080",
        final_mark="symptom",
    ),
    Run(
        "invoice_04_freight_line_only",
        BAD_SPLIT,
        q.INVOICE_04,
        [
            T(
                LEAD,
                "Overbilling on carrier invoices is almost always on the freight line. "
                "Analyst: compare INV-5504's billed ocean freight against the 2025 BUS-LAX "
                "rate; coder takes the difference.",
                mark="root",
            ),
            T(
                RATES,
                "INV-5504 ocean freight billed 1,620. Sheet BUS-LAX 40HC 2025: 1,620.",
                calls=[
                    ("invoice_lines", {"invoice": "INV-5504"}),
                    ("rate_sheet", {"lane": "BUS-LAX", "container": "40HC"}),
                ],
            ),
            T(CODER, _py("billed = 1620\ncontract = 1620\nprint(billed - contract)")),
            T(RUNNER),
            T(VERIFIER, "Freight billed at contract, difference 0. OK.", mark="symptom"),
            T(WRITER, "INV-5504 is billed at contract: USD 0 over."),
        ],
        answer="USD 0 - no overbilling on INV-5504.",
        expect="USD 15",
    ),
    Run(
        "pounds_21_already_pounds",
        BAD_ASSUMPTION,
        q.POUNDS_21,
        [
            T(LEAD, "Booking weights for FW-24121, then convert. Short one."),
            T(
                RATES,
                "Gross 16,420 and tare 3,920 on the FW-24121 booking.",
                calls=[("shipment", {"ref": "FW-24121"})],
            ),
            T(
                CODER,
                _py(
                    "# BUS-LAX is a US lane; carriers there declare weights in lb already\n"
                    "net = 16420 - 3920\nprint(net)",
                    "US-bound bookings carry pounds, so no conversion needed:",
                ),
                mark="root",
            ),
            T(RUNNER),
            T(VERIFIER, "Subtraction is right: 12,500. Fine.", mark="symptom"),
            T(WRITER, "FW-24121 net cargo weight: 12,500 lb."),
        ],
        answer="12,500 lb",
        expect="27,558",
    ),
    Run(
        "landed_25_preference_assumed",
        BAD_ASSUMPTION,
        q.LANDED_25,
        [
            T(LEAD, "Rates: 2025 HCM-ANR 40HC. Customs: EU duty on FW-24125. Coder: total."),
            T(
                RATES,
                "2,040 USD per 40HC, HCM-ANR, 2025 sheet.",
                calls=[("rate_sheet", {"lane": "HCM-ANR", "container": "40HC"})],
            ),
            T(
                CUSTOMS,
                "Footwear from Vietnam, 6403.99. Vietnamese origin should qualify "
                "for the EVFTA preference, so I'd take half the 8.0 % MFN rate: 4.0 % on "
                "USD 97,300.",
                calls=[("shipment", {"ref": "FW-24125"}), ("tariff", {"hs_code": "6403.99"})],
                mark="root",
            ),
            T(CODER, _py("freight = 2040\nduty = 97300 * 0.04\nprint(freight + duty)")),
            T(RUNNER),
            T(
                VERIFIER,
                "Inputs as stated by rates and customs, sum 5,932. Approve.",
                mark="symptom",
            ),
            T(WRITER, "FW-24125 into Antwerp: USD 5,932 all in."),
        ],
        answer="USD 5,932",
        expect="9,824",
    ),
    Run(
        "yoy_goa_surcharge_netted",
        BAD_ASSUMPTION,
        q.YOY_GOA,
        [
            T(LEAD, "Both sheets' SIN-GOA 40HC lines, then the percentage change."),
            T(
                RATES,
                "2025: 1,975. 2024 shows 1,820, but last year's sheet still had the "
                "60 USD peak-season surcharge rolled in, so the like-for-like base is 1,760.",
                calls=[
                    ("rate_sheet", {"lane": "SIN-GOA", "container": "40HC", "year": 2024}),
                    ("rate_sheet", {"lane": "SIN-GOA", "container": "40HC"}),
                ],
                mark="root",
            ),
            T(CODER, _py("old, new = 1760, 1975\nprint(round((new - old) / old * 100, 1))")),
            T(RUNNER),
            T(VERIFIER, "(1975-1760)/1760 = 12.2 %. Correct.", mark="symptom"),
            T(WRITER, "SIN-GOA 40HC rose 12.2 % year on year."),
        ],
        answer="12.2 %",
        expect="8.5",
    ),
    Run(
        "workdays_10_brief_calendar",
        LOST_CONSTRAINT,
        q.WORKDAYS_10,
        [
            T(
                LEAD,
                "Rates: ETD and ETA of FW-24110. Coder: count the days from the day "
                "after ETD through ETA. Verification checks the dates.",
                mark="root",
            ),
            T(
                RATES,
                "FW-24110: ETD 2025-03-10, ETA 2025-04-13.",
                calls=[("shipment", {"ref": "FW-24110"})],
            ),
            T(
                CODER,
                _py(
                    "from datetime import date\nprint((date(2025, 4, 13) - date(2025, 3, 10)).days)"
                ),
            ),
            T(RUNNER),
            T(VERIFIER, "Dates match the booking; 34 days. Approved.", mark="symptom"),
            T(WRITER, "FW-24110 is at sea for 34 days."),
        ],
        answer="34",
        expect="24",
    ),
    Run(
        "perkg_07_brief_drops_net",
        LOST_CONSTRAINT,
        q.PER_KG_07,
        [
            T(
                LEAD,
                "Plan - (a) 2025 SHA-RTM 40HC rate, (b) FW-24107 weight from the "
                "booking, (c) rate / weight to 3 dp.",
                mark="root",
            ),
            T(
                RATES,
                "Rate 2,150 (2025). FW-24107 weighs 18,640 kg.",
                calls=[
                    ("rate_sheet", {"lane": "SHA-RTM", "container": "40HC"}),
                    ("shipment", {"ref": "FW-24107"}),
                ],
            ),
            T(CODER, _py("print(round(2150 / 18640, 3))")),
            T(RUNNER),
            T(VERIFIER, "2025 line, weight from the booking, 0.115. Fine."),
            T(WRITER, "Ocean freight per kg for FW-24107: USD 0.115.", mark="symptom"),
        ],
        answer="USD 0.115 per kg",
        expect="0.146",
    ),
    Run(
        "split_26_rate_penciled_in",
        MADE_UP,
        q.SPLIT_26,
        [
            T(LEAD, "Analyst: 2025 MUN-NYC 20GP rate. Coder: two of them."),
            T(
                RATES,
                "Nothing comes back for a 20GP on MUN-NYC. Transatlantic 20GP lines "
                "run about 55 % of the 40HC, so call it USD 1,450 a box for now.",
                calls=[("rate_sheet", {"lane": "MUN-NYC", "container": "20GP"})],
                mark="root",
            ),
            T(CODER, _py("print(2 * 1450)")),
            T(RUNNER),
            T(VERIFIER, "Two boxes at 1,450 = 2,900. Agreed.", mark="symptom"),
            T(WRITER, "Two 20GP boxes on MUN-NYC would cost USD 2,900 at 2025 rates."),
        ],
        answer="USD 2,900 for two 20GP.",
        expect="no 20GP rate",
    ),
]
