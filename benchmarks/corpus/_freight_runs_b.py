"""Freight desk runs that go wrong in the code, its run, the check or the write-up."""

from __future__ import annotations

from benchmarks.corpus import _freight_tasks as q
from benchmarks.corpus._common import (
    CODE_FAILURE,
    MADE_UP,
    MISREPORTED,
    SELF_REPORT,
    WRONG_ACCEPTED,
)
from benchmarks.corpus._freight_runs_a import _py
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

RUNS: list[Run] = [
    Run(
        "invoice_04_contract_column_twice",
        WRONG_ACCEPTED,
        q.INVOICE_04,
        [
            T(
                LEAD,
                "Analyst pulls INV-5504's lines; coder totals the billed and the "
                "contracted columns and subtracts; verification signs off.",
            ),
            T(
                RATES,
                "INV-5504 has three lines: ocean freight, chassis, destination THC. "
                "Both amount_usd (contract) and billed_usd are on each line.",
                calls=[("invoice_lines", {"invoice": "INV-5504"})],
            ),
            T(
                CODER,
                _py(
                    "lines = [\n    {'amount_usd': 1620, 'billed_usd': 1620},\n"
                    "    {'amount_usd': 140, 'billed_usd': 140},\n"
                    "    {'amount_usd': 295, 'billed_usd': 310},\n]\n"
                    "billed = sum(r['amount_usd'] for r in lines)\n"
                    "contract = sum(r['amount_usd'] for r in lines)\n"
                    "print(billed, contract, billed - contract)"
                ),
                mark="root",
            ),
            T(RUNNER),
            T(
                VERIFIER,
                "Script ran clean: 2055 vs 2055, nothing over. I'm happy with it.",
                mark="symptom",
            ),
            T(WRITER, "INV-5504 matches the contract; no excess billed."),
        ],
        answer="USD 0",
        expect="USD 15",
    ),
    Run(
        "yoy_goa_new_rate_as_base",
        WRONG_ACCEPTED,
        q.YOY_GOA,
        [
            T(LEAD, "Two lookups (2024 and 2025 SIN-GOA 40HC), one percentage."),
            T(
                RATES,
                "SIN-GOA 40HC: 1,820 (2024) -> 1,975 (2025).",
                calls=[
                    ("rate_sheet", {"lane": "SIN-GOA", "container": "40HC", "year": 2024}),
                    ("rate_sheet", {"lane": "SIN-GOA", "container": "40HC"}),
                ],
            ),
            T(
                CODER,
                _py(
                    "old, new = 1820, 1975\nchange = (new - old) / new * 100\n"
                    "print(f'{change:.1f}')"
                ),
                mark="root",
            ),
            T(RUNNER),
            T(
                VERIFIER,
                "Inputs are the two sheet lines; the run printed 7.8. Approved.",
                mark="symptom",
            ),
            T(WRITER, "The SIN-GOA 40HC rate went up 7.8 % from 2024 to 2025."),
        ],
        answer="7.8 %",
        expect="8.5",
    ),
    Run(
        "workdays_10_saturday_counted",
        WRONG_ACCEPTED,
        q.WORKDAYS_10,
        [
            T(LEAD, "Dates from the booking; coder counts Mon-Fri from ETD+1 to ETA inclusive."),
            T(
                RATES,
                "ETD 2025-03-10 / ETA 2025-04-13 for FW-24110.",
                calls=[("shipment", {"ref": "FW-24110"})],
            ),
            T(
                CODER,
                _py(
                    "from datetime import date, timedelta\n"
                    "d, end, n = date(2025, 3, 10), date(2025, 4, 13), 0\n"
                    "while d < end:\n    d += timedelta(days=1)\n"
                    "    if d.weekday() < 6:\n        n += 1\nprint(n)"
                ),
                mark="root",
            ),
            T(RUNNER),
            T(
                VERIFIER,
                "Loop starts the day after ETD and stops on the ETA: 29. Good.",
                mark="symptom",
            ),
            T(WRITER, "FW-24110: 29 working days at sea."),
        ],
        answer="29 working days",
        expect="24",
    ),
    Run(
        "duty_10_comma_value_crash",
        CODE_FAILURE,
        q.DUTY_10,
        [
            T(LEAD, "Customs gets value + EU rate for FW-24110; coder multiplies."),
            T(
                CUSTOMS,
                "FW-24110: wooden furniture, 9403.60, customs value 58,400 USD, EU rate 2.7 %.",
                calls=[("shipment", {"ref": "FW-24110"}), ("tariff", {"hs_code": "9403.60"})],
            ),
            T(
                CODER,
                _py("value = float('58,400')\nrate = 2.7 / 100\nprint(round(value * rate, 2))"),
                mark="root",
            ),
            T(RUNNER),
            T(WRITER, "EU import duty on FW-24110 comes to USD 1,580.", mark="symptom"),
            T(VERIFIER, "Figure is in the right range for 2.7 % of 58k. Fine."),
        ],
        answer="USD 1,580",
        expect="1,576.80",
    ),
    Run(
        "pounds_21_undefined_helper",
        CODE_FAILURE,
        q.POUNDS_21,
        [
            T(LEAD, "booking weights, then kg->lb. go."),
            T(
                RATES,
                "FW-24121 gross 16,420 kg / tare 3,920 kg.",
                calls=[("shipment", {"ref": "FW-24121"})],
            ),
            T(
                CODER,
                _py(
                    "net = 16420 - 3920\nprint(round(kg_to_lb(net)))",
                    "Should come out around 27.5k lb:",
                ),
                mark="root",
            ),
            T(RUNNER),
            T(
                VERIFIER,
                "27,500 lb is consistent with a 12.5 t net load. Approved.",
                mark="symptom",
            ),
            T(WRITER, "FW-24121 net cargo: about 27,500 lb."),
        ],
        answer="27,500 lb",
        expect="27,558",
    ),
    Run(
        "workdays_25_date_format_crash",
        CODE_FAILURE,
        q.WORKDAYS_25,
        [
            T(
                LEAD,
                "Rates: FW-24125 ETD/ETA. Coder: weekdays strictly after ETD up to "
                "and including ETA. Then check and write-up.",
            ),
            T(
                RATES,
                "FW-24125 sails 2025-05-05, arrives 2025-06-03.",
                calls=[("shipment", {"ref": "FW-24125"})],
            ),
            T(
                CODER,
                _py(
                    "from datetime import datetime, timedelta\n"
                    "etd = datetime.strptime('2025-05-05', '%d-%m-%Y')\n"
                    "eta = datetime.strptime('2025-06-03', '%d-%m-%Y')\n"
                    "days = [etd + timedelta(i) for i in range(1, (eta - etd).days + 1)]\n"
                    "print(sum(d.weekday() < 5 for d in days))"
                ),
                mark="root",
            ),
            T(RUNNER),
            T(WRITER, "FW-24125 is under way for 20 working days.", mark="symptom"),
            T(VERIFIER, "20 working days over a 29-day passage sounds right. OK."),
        ],
        answer="20 working days",
        expect="21",
    ),
    Run(
        "gross_kg_26_old_rate_flagged",
        SELF_REPORT,
        q.GROSS_KG_26,
        [
            T(
                LEAD,
                "Rate / gross kg, FW-24126. Analyst, coder, then verification to re-pull the rate.",
            ),
            T(
                RATES,
                "MUN-NYC 40HC: USD 2,480. FW-24126 gross 22,410 kg.",
                calls=[
                    ("rate_sheet", {"lane": "MUN-NYC", "container": "40HC", "year": 2024}),
                    ("shipment", {"ref": "FW-24126"}),
                ],
                mark="root",
            ),
            T(CODER, _py("print(round(2480 / 22410, 3))")),
            T(RUNNER),
            T(WRITER, "Draft: FW-24126 freight runs USD 0.111 per kg gross."),
            T(
                VERIFIER,
                "I can't sign this. The 2025 sheet I pulled has MUN-NYC 40HC at "
                "2,710, not 2,480, so 0.111 doesn't reconcile with the contract.",
                calls=[("rate_sheet", {"lane": "MUN-NYC", "container": "40HC"})],
                mark="symptom",
            ),
        ],
        answer="No confirmed figure: the rate used does not reconcile with the 2025 sheet.",
        expect="0.121",
    ),
    Run(
        "duty_17_duty_on_freight_flagged",
        SELF_REPORT,
        q.DUTY_17,
        [
            T(
                LEAD,
                "Customs expert: EU rate for FW-24117's HS code, applied to what we "
                "pay the carrier (2025 SIN-GOA 40HC freight). Coder does the sum.",
                mark="root",
            ),
            T(
                CUSTOMS,
                "8504.40 at 3.3 %; per the brief I'm applying it to the freight "
                "of USD 1,975, which gives about 65.",
                calls=[
                    ("tariff", {"hs_code": "8504.40"}),
                    ("rate_sheet", {"lane": "SIN-GOA", "container": "40HC"}),
                ],
            ),
            T(CODER, _py("print(round(1975 * 0.033, 2))")),
            T(RUNNER),
            T(
                VERIFIER,
                "Hold on - duty here is levied on the customs value (236,500 on "
                "the booking), not the freight bill. 65.17 can't go out; this needs "
                "redoing.",
                calls=[("shipment", {"ref": "FW-24117"})],
                mark="symptom",
            ),
        ],
        answer="Unable to give a verified duty figure for FW-24117.",
        expect="7,804.50",
    ),
    Run(
        "tonnes_30_wrong_divisor_flagged",
        SELF_REPORT,
        q.TONNES_30,
        [
            T(LEAD, "Booking weights for FW-24130 -> net kg -> tonnes, 1 dp."),
            T(
                RATES,
                "FW-24130, TGHU8820145, 40HC NGB-HAM: gross 24,160 kg, tare 3,880.",
                calls=[("shipment", {"ref": "FW-24130"})],
            ),
            T(CODER, _py("net = 24160 - 3880\nprint(round(net / 100, 1))"), mark="root"),
            T(RUNNER),
            T(VERIFIER, "Net 20,280 kg from the booking is right."),
            T(
                WRITER,
                "I won't put 202.8 t in a report: a single 40HC can't carry that, "
                "its payload tops out under 29 t. Something in the calculation is off.",
                mark="symptom",
            ),
        ],
        answer="The desk could not produce a tonnage it stands behind.",
        expect="20.3",
    ),
    Run(
        "us_duty_26_digits_swapped",
        MISREPORTED,
        q.US_DUTY_26,
        [
            T(
                LEAD,
                "Customs: FW-24126 value + US rate. Coder: product. Report, then verification.",
            ),
            T(
                CUSTOMS,
                "5208.52, printed cotton; value USD 143,900; US rate 7.5 %.",
                calls=[("shipment", {"ref": "FW-24126"}), ("tariff", {"hs_code": "5208.52"})],
            ),
            T(CODER, _py("print(143900 * 0.075)")),
            T(RUNNER),
            T(WRITER, "US import duty due on FW-24126: USD 10,297.50.", mark="root"),
            T(VERIFIER, "Value, rate and HS line all match. Report approved.", mark="symptom"),
        ],
        answer="USD 10,297.50",
        expect="10,792.50",
    ),
    Run(
        "landed_25_verifier_restates",
        MISREPORTED,
        q.LANDED_25,
        [
            T(LEAD, "rates 2025 HCM-ANR 40HC; customs EU duty FW-24125; coder sum."),
            T(
                RATES,
                "HCM-ANR 40HC 2025 -> 2,040.",
                calls=[("rate_sheet", {"lane": "HCM-ANR", "container": "40HC"})],
            ),
            T(
                CUSTOMS,
                "6403.99, EU 8.0 %, value 97,300 -> duty 7,784.",
                calls=[("shipment", {"ref": "FW-24125"}), ("tariff", {"hs_code": "6403.99"})],
            ),
            T(CODER, _py("print(2040 + 97300 * 0.08)")),
            T(RUNNER),
            T(VERIFIER, "Freight + duty = 9,284. Inputs match the sheets. Approved.", mark="root"),
            T(WRITER, "FW-24125 landed into Antwerp: USD 9,284."),
        ],
        answer="USD 9,284",
        expect="9,824",
        final_mark="symptom",
    ),
    Run(
        "duty_pair_placeholder_value",
        MADE_UP,
        q.DUTY_PAIR,
        [
            T(LEAD, "Customs: values and HS codes of FW-24117 and FW-24118. Coder: total EU duty."),
            T(
                CUSTOMS,
                "FW-24117: 8504.40, value 236,500, EU 3.3 %. FW-24118 is the same "
                "HS line; its booking value I haven't pulled yet.",
                calls=[("shipment", {"ref": "FW-24117"}), ("tariff", {"hs_code": "8504.40"})],
            ),
            T(
                CODER,
                _py(
                    "values = [236500, 120000]  # 24118 about half of 24117\n"
                    "print(round(sum(values) * 0.033, 2))"
                ),
                mark="root",
            ),
            T(RUNNER),
            T(VERIFIER, "Rate right for both, total 11,764.50. Approved.", mark="symptom"),
            T(WRITER, "Combined EU duty, FW-24117 + FW-24118: USD 11,764.50."),
        ],
        answer="USD 11,764.50",
        expect="11,823.90",
    ),
]
