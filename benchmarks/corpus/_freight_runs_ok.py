"""Freight desk runs that answer right, some after a hiccup caught and fixed."""

from __future__ import annotations

from benchmarks.corpus import _freight_tasks as q
from benchmarks.corpus._common import HEALTHY
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
        "ok_perkg_07",
        HEALTHY,
        q.PER_KG_07,
        [
            T(
                LEAD,
                "Rates: 2025 SHA-RTM 40HC and FW-24107's gross and tare. Coder: rate over "
                "net kg to 3 dp. Then verification and the write-up.",
            ),
            T(
                RATES,
                "2025 SHA-RTM 40HC: USD 2,150. FW-24107: gross 18,640 kg, tare 3,900 kg.",
                calls=[
                    ("rate_sheet", {"lane": "SHA-RTM", "container": "40HC"}),
                    ("shipment", {"ref": "FW-24107"}),
                ],
            ),
            T(CODER, _py("net = 18640 - 3900\nprint(net, round(2150 / net, 3))")),
            T(RUNNER),
            T(
                VERIFIER,
                "Rate is the 2025 line, net 14,740 kg. 0.146 approved.",
                calls=[("rate_sheet", {"lane": "SHA-RTM", "container": "40HC"})],
            ),
            T(WRITER, "FW-24107 ocean freight: USD 0.146 per kg net."),
        ],
        answer="USD 0.146 per kg",
        expect="0.146",
    ),
    Run(
        "ok_duty_17_comma_fixed",
        HEALTHY,
        q.DUTY_17,
        [
            T(LEAD, "Customs expert: HS code + value off FW-24117, EU rate. Coder: product."),
            T(
                CUSTOMS,
                "FW-24117: 8504.40, customs value 236,500 USD, EU duty 3.3 %.",
                calls=[("shipment", {"ref": "FW-24117"}), ("tariff", {"hs_code": "8504.40"})],
            ),
            T(CODER, _py("value = float('236,500')\nprint(f'{value * 0.033:.2f}')")),
            T(RUNNER),
            T(
                CODER,
                _py(
                    "value = 236500.0\nprint(f'{value * 0.033:.2f}')",
                    "float() chokes on the thousands comma - plain number this time:",
                ),
            ),
            T(RUNNER),
            T(VERIFIER, "7804.50 = 3.3 % of 236,500. Approved."),
            T(WRITER, "EU import duty on FW-24117: USD 7,804.50."),
        ],
        answer="USD 7,804.50",
        expect="7,804.50",
    ),
    Run(
        "ok_workdays_10",
        HEALTHY,
        q.WORKDAYS_10,
        [
            T(LEAD, "Dates of FW-24110; count weekdays after ETD through ETA."),
            T(
                RATES,
                "FW-24110 ETD 2025-03-10, ETA 2025-04-13.",
                calls=[("shipment", {"ref": "FW-24110"})],
            ),
            T(
                CODER,
                _py(
                    "from datetime import date, timedelta\n"
                    "etd, eta = date(2025, 3, 10), date(2025, 4, 13)\n"
                    "days = [etd + timedelta(i) for i in range(1, (eta - etd).days + 1)]\n"
                    "print(sum(d.weekday() < 5 for d in days))"
                ),
            ),
            T(RUNNER),
            T(VERIFIER, "34 calendar days, ten weekend days out: 24. Approved."),
            T(WRITER, "FW-24110 spends 24 working days at sea."),
        ],
        answer="24 working days",
        expect="24",
    ),
    Run(
        "ok_invoice_04_column_caught",
        HEALTHY,
        q.INVOICE_04,
        [
            T(LEAD, "Pull INV-5504; total billed_usd and amount_usd; subtract."),
            T(
                RATES,
                "Three lines on INV-5504; amount_usd is the contract, billed_usd what "
                "the carrier charged.",
                calls=[("invoice_lines", {"invoice": "INV-5504"})],
            ),
            T(
                CODER,
                _py(
                    "contract = [1620, 140, 295]\nbilled = [1620, 140, 295]\n"
                    "print(sum(billed) - sum(contract))"
                ),
            ),
            T(RUNNER),
            T(
                VERIFIER,
                "Your billed list repeats the contract figures - destination THC was "
                "billed at 310. Please redo with the billed column.",
                calls=[("invoice_lines", {"invoice": "INV-5504"})],
            ),
            T(
                CODER,
                _py(
                    "contract = [1620, 140, 295]\nbilled = [1620, 140, 310]\n"
                    "print(sum(billed) - sum(contract))",
                    "Right, fixed:",
                ),
            ),
            T(RUNNER),
            T(VERIFIER, "Now 15 over. Approved."),
            T(WRITER, "INV-5504 is billed USD 15 above contract (destination THC)."),
        ],
        answer="USD 15 over contract",
        expect="USD 15",
    ),
    Run(
        "ok_pounds_21",
        HEALTHY,
        q.POUNDS_21,
        [
            T(LEAD, "weights off the FW-24121 booking, convert with 2.20462."),
            T(RATES, "gross 16,420 kg; tare 3,920 kg.", calls=[("shipment", {"ref": "FW-24121"})]),
            T(CODER, _py("net = 16420 - 3920\nprint(net, round(net * 2.20462))")),
            T(RUNNER),
            T(VERIFIER, "12,500 kg -> 27,558 lb. ok."),
            T(WRITER, "FW-24121 net cargo weight is 27,558 lb."),
        ],
        answer="27,558 lb",
        expect="27,558",
    ),
    Run(
        "ok_landed_25_sheet_caught",
        HEALTHY,
        q.LANDED_25,
        [
            T(LEAD, "Rates: HCM-ANR 40HC. Customs: EU duty on FW-24125's value. Coder sums."),
            T(
                RATES,
                "HCM-ANR 40HC: USD 1,880 per box.",
                calls=[("rate_sheet", {"lane": "HCM-ANR", "container": "40HC", "year": 2024})],
            ),
            T(
                CUSTOMS,
                "6403.99 at 8.0 % EU on value 97,300 = 7,784.",
                calls=[("shipment", {"ref": "FW-24125"}), ("tariff", {"hs_code": "6403.99"})],
            ),
            T(
                VERIFIER,
                "Before we add anything: 1,880 is the 2024 line. The question says "
                "2025 contract. Rates, please re-pull.",
                calls=[("rate_sheet", {"lane": "HCM-ANR", "container": "40HC"})],
            ),
            T(
                RATES,
                "Correct, my mistake - 2025 HCM-ANR 40HC is USD 2,040.",
                calls=[("rate_sheet", {"lane": "HCM-ANR", "container": "40HC", "year": 2025})],
            ),
            T(CODER, _py("print(2040 + 97300 * 0.08)")),
            T(RUNNER),
            T(VERIFIER, "9,824 on the 2025 rate. Approved."),
            T(WRITER, "FW-24125 landed into Antwerp: USD 9,824."),
        ],
        answer="USD 9,824",
        expect="9,824",
    ),
    Run(
        "ok_yoy_goa",
        HEALTHY,
        q.YOY_GOA,
        [
            T(LEAD, "Both SIN-GOA 40HC lines, change on the 2024 base."),
            T(
                RATES,
                "2024 1,820; 2025 1,975.",
                calls=[
                    ("rate_sheet", {"lane": "SIN-GOA", "container": "40HC", "year": 2024}),
                    ("rate_sheet", {"lane": "SIN-GOA", "container": "40HC"}),
                ],
            ),
            T(CODER, _py("print(round((1975 - 1820) / 1820 * 100, 1))")),
            T(RUNNER),
            T(VERIFIER, "Base is the 2024 rate; 8.5. Approved."),
            T(WRITER, "SIN-GOA 40HC went up 8.5 % from 2024 to 2025."),
        ],
        answer="8.5 %",
        expect="8.5",
    ),
    Run(
        "ok_us_duty_26_name_fixed",
        HEALTHY,
        q.US_DUTY_26,
        [
            T(LEAD, "Customs for value and US rate, coder multiplies."),
            T(
                CUSTOMS,
                "FW-24126: 5208.52, value 143,900, US 7.5 %.",
                calls=[("shipment", {"ref": "FW-24126"}), ("tariff", {"hs_code": "5208.52"})],
            ),
            T(CODER, _py("value = 143900\nprint(value * us_rate)")),
            T(RUNNER),
            T(
                CODER,
                _py(
                    "value = 143900\nus_rate = 0.075\nprint(value * us_rate)",
                    "Forgot to define the rate:",
                ),
            ),
            T(RUNNER),
            T(VERIFIER, "10792.5 - matches 7.5 % of the booking value. Approved."),
            T(WRITER, "US import duty on FW-24126: USD 10,792.50."),
        ],
        answer="USD 10,792.50",
        expect="10,792.50",
    ),
    Run(
        "ok_pair_17_18",
        HEALTHY,
        q.PAIR_17_18,
        [
            T(
                LEAD,
                "Open both bookings for the box types, then the matching 2025 SIN-GOA "
                "lines; coder adds.",
            ),
            T(
                RATES,
                "FW-24117 is a 40HC (1,975), FW-24118 a 20GP (1,105), both SIN-GOA.",
                calls=[
                    ("shipment", {"ref": "FW-24117"}),
                    ("shipment", {"ref": "FW-24118"}),
                    ("rate_sheet", {"lane": "SIN-GOA", "container": "40HC"}),
                    ("rate_sheet", {"lane": "SIN-GOA", "container": "20GP"}),
                ],
            ),
            T(CODER, _py("print(1975 + 1105)")),
            T(RUNNER),
            T(VERIFIER, "Box types checked against the bookings. 3,080 approved."),
            T(WRITER, "Combined 2025 ocean freight, FW-24117 + FW-24118: USD 3,080."),
        ],
        answer="USD 3,080",
        expect="3,080",
    ),
    Run(
        "ok_workdays_21",
        HEALTHY,
        q.WORKDAYS_21,
        [
            T(LEAD, "FW-24121 dates, then weekday count (ETD+1 .. ETA)."),
            T(
                RATES,
                "ETD 2025-04-14 (a Monday), ETA 2025-04-28.",
                calls=[("shipment", {"ref": "FW-24121"})],
            ),
            T(
                CODER,
                _py(
                    "from datetime import date, timedelta\n"
                    "etd, eta = date(2025, 4, 14), date(2025, 4, 28)\n"
                    "print(sum((etd + timedelta(i)).weekday() < 5 "
                    "for i in range(1, eta - etd + 1)))"
                ),
            ),
            T(RUNNER),
            T(
                CODER,
                _py(
                    "from datetime import date, timedelta\n"
                    "etd, eta = date(2025, 4, 14), date(2025, 4, 28)\n"
                    "print(sum((etd + timedelta(i)).weekday() < 5 "
                    "for i in range(1, (eta - etd).days + 1)))",
                    "range() wants the day count, not the timedelta:",
                ),
            ),
            T(RUNNER),
            T(VERIFIER, "Two full weeks, 10 weekdays. Approved."),
            T(WRITER, "FW-24121 is in transit for 10 working days."),
        ],
        answer="10 working days",
        expect="10",
    ),
    Run(
        "ok_duty_10_code_questioned",
        HEALTHY,
        q.DUTY_10,
        [
            T(LEAD, "Customs: EU rate for FW-24110's heading, value from the booking."),
            T(
                CUSTOMS,
                "Booking says 9403.60 (wooden furniture), EU 2.7 %, value USD 58,400. "
                "The goods description mentions steel fittings, so I checked 9403.20 too "
                "(3.2 %); the booking's heading stands, wood is the essential character.",
                calls=[
                    ("shipment", {"ref": "FW-24110"}),
                    ("tariff", {"hs_code": "9403.60"}),
                    ("tariff", {"hs_code": "9403.20"}),
                ],
            ),
            T(CODER, _py("print(round(58400 * 0.027, 2))")),
            T(RUNNER),
            T(
                VERIFIER,
                "9403.60 confirmed on the booking; 1576.8. Approved.",
                calls=[("shipment", {"ref": "FW-24110"})],
            ),
            T(WRITER, "EU import duty on FW-24110: USD 1,576.80."),
        ],
        answer="USD 1,576.80",
        expect="1,576.80",
    ),
    Run(
        "ok_tonnes_30",
        HEALTHY,
        q.TONNES_30,
        [
            T(LEAD, "Weights for FW-24130 -> tonnes."),
            T(
                RATES,
                "FW-24130: gross 24,160 kg, tare 3,880 kg.",
                calls=[("shipment", {"ref": "FW-24130"})],
            ),
            T(CODER, _py("print(round((24160 - 3880) / 1000, 1))")),
            T(RUNNER),
            T(VERIFIER, "20,280 kg net, 20.3 t. Approved."),
            T(WRITER, "FW-24130 carries 20.3 t of cargo, net."),
        ],
        answer="20.3 t",
        expect="20.3",
    ),
    Run(
        "ok_workdays_25_rounding_sent_back",
        HEALTHY,
        q.WORKDAYS_25,
        [
            T(LEAD, "Dates of FW-24125, then weekdays after ETD through ETA."),
            T(
                RATES,
                "FW-24125: 2025-05-05 -> 2025-06-03.",
                calls=[("shipment", {"ref": "FW-24125"})],
            ),
            T(
                CODER,
                _py(
                    "from datetime import date, timedelta\n"
                    "etd, eta = date(2025, 5, 5), date(2025, 6, 3)\n"
                    "print(sum((etd + timedelta(i)).weekday() < 5 "
                    "for i in range(1, (eta - etd).days + 1)))"
                ),
            ),
            T(RUNNER),
            T(WRITER, "FW-24125 is under way roughly 20 working days."),
            T(VERIFIER, "The run printed 21, not 20 - please quote it exactly."),
            T(WRITER, "Corrected: FW-24125 is under way for 21 working days."),
            T(VERIFIER, "Approved."),
        ],
        answer="21 working days",
        expect="21",
    ),
    Run(
        "ok_gross_kg_26",
        HEALTHY,
        q.GROSS_KG_26,
        [
            T(LEAD, "2025 MUN-NYC 40HC over FW-24126's gross kg."),
            T(
                RATES,
                "MUN-NYC 40HC 2025: 2,710. FW-24126 gross 22,410 kg.",
                calls=[
                    ("rate_sheet", {"lane": "MUN-NYC", "container": "40HC"}),
                    ("shipment", {"ref": "FW-24126"}),
                ],
            ),
            T(CODER, _py("print(round(2710 / 22410, 3))")),
            T(RUNNER),
            T(VERIFIER, "0.121 on the right rate and gross weight. Approved."),
            T(WRITER, "FW-24126: USD 0.121 per kg gross."),
        ],
        answer="USD 0.121 per kg",
        expect="0.121",
    ),
    Run(
        "ok_invoice_02",
        HEALTHY,
        q.INVOICE_02,
        [
            T(LEAD, "INV-5502 lines; billed total minus contract total."),
            T(
                RATES,
                "INV-5502: freight 1,380/1,380, docs 65/65, bunker 210 contract vs 195 billed.",
                calls=[("invoice_lines", {"invoice": "INV-5502"})],
            ),
            T(CODER, _py("print((1380 + 65 + 195) - (1380 + 65 + 210))")),
            T(RUNNER),
            T(VERIFIER, "-15: the carrier under-billed the bunker line. Approved."),
            T(WRITER, "INV-5502 is billed USD 15 under contract (-15)."),
        ],
        answer="-15 USD",
        expect="-15",
    ),
    Run(
        "ok_split_26_no_rate",
        HEALTHY,
        q.SPLIT_26,
        [
            T(LEAD, "Analyst: is there a 2025 MUN-NYC 20GP line? If so double it."),
            T(
                RATES,
                "The 2025 sheet has no 20GP rate on MUN-NYC (40HC only). Nothing to "
                "double; it would need a spot quote.",
                calls=[("rate_sheet", {"lane": "MUN-NYC", "container": "20GP"})],
            ),
            T(
                VERIFIER,
                "Confirmed: the sheet returns no 20GP line for that lane.",
                calls=[("rate_sheet", {"lane": "MUN-NYC", "container": "20GP"})],
            ),
        ],
        answer="It cannot be priced from the contract: there is no 20GP rate on MUN-NYC in "
        "the 2025 sheet.",
        expect="no 20GP rate",
    ),
]
