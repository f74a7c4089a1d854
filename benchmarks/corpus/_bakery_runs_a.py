"""Failing runs of the bakehouse desk (first part): wrong files, plans and briefs."""

from __future__ import annotations

from benchmarks.corpus._bakery_tasks import (
    ASHBY_FLOUR,
    FOODBANK_Q3,
    Q2_LOAVES,
    RIGHT,
    STATION_PASTRY,
    TRADE_JUNE,
    ask_clerk,
    ask_coder,
    cell,
    clerk,
    coder,
    final,
    passed,
    read,
    to_checker,
)
from benchmarks.corpus._bakery_team import CHECKER, CLERK, CODER
from benchmarks.corpus._desk import Run

PASTRY_CELL = """
pastries = 362
price = {price}
print(f"{{pastries * price:.2f}}")
"""

FLOUR_MEAN_SACK = """
import csv
rows = [r for r in csv.DictReader(open("flour_2026.csv"))
        if r["date"].startswith("2026-05") and r["mill"] == "Ashby Mill"]
mean_sack = sum(float(r["price_per_sack"]) for r in rows) / len(rows)
print(f"{mean_sack / 25 * 100:.1f}")
"""

RUNS = [
    Run(
        "station_pastry_last_years_list",
        "wrong_source_chosen",
        STATION_PASTRY,
        [
            ask_clerk(
                "Station Road (S3): pastries sold in June 2026, and the pastry price.",
                "Two numbers needed: June pastries for S3 and the price per pastry.",
            ),
            read(CLERK, "bakes_2026.csv", "2026-06,S3"),
            read(CLERK, "prices_2025.json", mark="root"),
            clerk("Station Road sold 362 pastries in June 2026. Pastry price is £1.95 each."),
            ask_coder("362 pastries at £1.95 each, please give me the takings to the penny."),
            cell(CODER, PASTRY_CELL.format(price=1.95), "705.90"),
            coder("362 × £1.95 = £705.90."),
            to_checker("Station Road pastries for June come to £705.90. Can you check it over?"),
            passed(
                "362 matches the June row for S3 and the multiplication is right. Passing it on.",
                mark="symptom",
            ),
            final("Station Road took £705.90 from pastries in June 2026 (362 sold at £1.95)."),
        ],
        "£705.90",
        RIGHT[STATION_PASTRY],
    ),
    Run(
        "q2_loaves_coder_opened_2025",
        "wrong_source_chosen",
        Q2_LOAVES,
        [
            ask_clerk(
                "Which shop ids are retail? I need to leave the trade counter out.",
                "Retail shops only, April to June 2026.",
            ),
            read(CLERK, "shops.csv"),
            clerk(
                "S1 to S5 are retail (Market Cross, Riverside, Station Road, Harbour Street, "
                "Canal Wharf). S6, the Trade Counter, is wholesale."
            ),
            ask_coder(
                "Sum loaves_sold for S1-S5 over April, May and June in this year's bakes file."
            ),
            cell(
                CODER,
                """
import csv
total = 0
with open("bakes_2025.csv") as fh:
    for row in csv.DictReader(fh):
        if row["month"][5:] in ("04", "05", "06") and row["shop_id"] != "S6":
            total += int(row["loaves_sold"])
print(total)
""",
                "11594",
                mark="root",
            ),
            coder("Retail loaves sold April to June: 11594."),
            to_checker("Q2 retail loaves: 11,594. Checker, over to you."),
            passed("Shop list is right and S6 is out. Happy with 11,594.", mark="symptom"),
            final("Our retail shops sold 11,594 loaves from April to June 2026."),
        ],
        "11,594",
        RIGHT[Q2_LOAVES],
    ),
    Run(
        "foodbank_total_then_cap",
        "bad_decomposition",
        FOODBANK_Q3,
        [
            ask_clerk(
                "Read me the food bank credit terms, and which shops are retail.",
                "Plan: add up every retail shop's unsold loaves for July to September, "
                "times the credit per loaf, then apply the quarterly cap.",
                mark="root",
            ),
            read(CLERK, "foodbank_credit.json"),
            clerk(
                "Credit is £0.35 per unsold loaf, the trade counter S6 is excluded, the "
                "quarterly cap is £120.00. A shop-month counts only when its unsold loaves "
                "are 20 or more."
            ),
            ask_coder(
                "Sum loaves_baked minus loaves_sold for S1-S5 over 2026-07 to 2026-09, "
                "multiply by 0.35 and cap at 120."
            ),
            cell(
                CODER,
                """
import csv
unsold = 0
with open("bakes_2026.csv") as fh:
    for row in csv.DictReader(fh):
        if row["month"] in ("2026-07", "2026-08", "2026-09") and row["shop_id"] != "S6":
            unsold += int(row["loaves_baked"]) - int(row["loaves_sold"])
print(unsold, f"{min(unsold * 0.35, 120):.2f}")
""",
                "396 120.00",
            ),
            coder(
                "396 unsold loaves across the retail shops, £138.60 before the cap, so "
                "the claim is capped at £120.00."
            ),
            to_checker("Food bank claim for Q3 is the cap, £120.00. Please check."),
            passed(
                "Cap is £120 in the terms and the total is over it, so £120.00 it is.",
                mark="symptom",
            ),
            final(
                "We can claim the full quarterly cap of £120.00 from the food bank surplus "
                "bread scheme for Q3 2026."
            ),
        ],
        "£120.00",
        RIGHT[FOODBANK_Q3],
    ),
    Run(
        "ashby_flour_per_sack_average",
        "bad_decomposition",
        ASHBY_FLOUR,
        [
            ask_clerk(
                "Ashby Mill deliveries in May 2026, from flour_2026.csv, please.",
                "Approach: average Ashby's May price per sack, then divide by the 25 kg "
                "sack to get pence per kg.",
                mark="root",
            ),
            read(CLERK, "flour_2026.csv", "2026-05"),
            clerk(
                "Ashby Mill in May: 6 May 44 sacks strong white at £21.90; 20 May 12 sacks "
                "rye (16 kg sacks) at £17.60; 27 May 38 sacks strong white at £21.90."
            ),
            ask_coder(
                "Average the per-sack price of Ashby's three May deliveries (21.90, "
                "17.60, 21.90) and divide by 25 kg; pence per kg, one decimal."
            ),
            cell(
                CODER,
                """
prices = [21.90, 17.60, 21.90]
print(f"{sum(prices) / len(prices) / 25 * 100:.1f}")
""",
                "81.9",
            ),
            coder("Average sack price £20.47, which is 81.9p per kg."),
            to_checker("Ashby May flour works out at 81.9p a kilo. Checker?"),
            passed("Three deliveries, sum and division are right. 81.9p.", mark="symptom"),
            final("Flour from Ashby Mill in May 2026 cost us 81.9p per kg on average."),
        ],
        "81.9p",
        RIGHT[ASHBY_FLOUR],
    ),
    Run(
        "ashby_flour_mean_of_rates",
        "wrong_answer_accepted",
        ASHBY_FLOUR,
        [
            ask_clerk(
                "What did Ashby Mill deliver in May 2026? Sacks, sack size, price.",
                "We want the average pence per kg for Ashby's May flour.",
            ),
            read(CLERK, "flour_2026.csv", "Ashby Mill"),
            clerk(
                "Ashby in May: 6th, 44 × 25 kg at £21.90; 20th, 12 × 16 kg rye at £17.60; "
                "27th, 38 × 25 kg at £21.90."
            ),
            ask_coder(
                "Work out the average price per kg of those three May deliveries, from "
                "flour_2026.csv."
            ),
            cell(
                CODER,
                """
import csv
rows = [r for r in csv.DictReader(open("flour_2026.csv"))
        if r["date"].startswith("2026-05") and r["mill"] == "Ashby Mill"]
rates = [float(r["price_per_sack"]) / int(r["kg_per_sack"]) for r in rows]
print(f"{sum(rates) / len(rates) * 100:.1f}")
""",
                "95.1",
                mark="root",
            ),
            coder("95.1p per kg averaged over the three deliveries."),
            to_checker("95.1p/kg for Ashby in May. Over to you."),
            read(
                CHECKER,
                "flour_2026.csv",
                "2026-05-20",
                "The rye came in 16 kg sacks, let me make sure that was picked up.",
            ),
            passed("The rye's 16 kg sacks are in the code, so 95.1p stands.", mark="symptom"),
            final("Ashby Mill's May 2026 flour averaged 95.1p per kg."),
        ],
        "95.1p",
        RIGHT[ASHBY_FLOUR],
    ),
    Run(
        "trade_june_old_discount",
        "bad_assumption",
        TRADE_JUNE,
        [
            ask_clerk(
                "Trade Counter (S6) loaves sold in June 2026 and the loaf price from "
                "prices_2026.json. The wholesale discount is the usual 15%, no need to "
                "look that up.",
                "June loaves for S6, price, discount.",
                mark="root",
            ),
            read(CLERK, "bakes_2026.csv", "2026-06,S6"),
            read(CLERK, "prices_2026.json", say="June row found; now the price list."),
            clerk("S6 sold 2500 loaves in June 2026, and the loaf price is £3.45."),
            ask_coder("2500 loaves at £3.45 less a 15% wholesale discount, please."),
            cell(
                CODER,
                PASTRY_CELL.replace("pastries = 362", "pastries = 2500").format(
                    price="3.45 * 0.85"
                ),
                "7331.25",
            ),
            coder("£7,331.25 after the 15% discount."),
            to_checker("Trade Counter June, net of discount: £7,331.25."),
            passed("Loaves and price match the files; arithmetic checks out.", mark="symptom"),
            final(
                "The Trade Counter's June 2026 loaf revenue after the wholesale discount was "
                "£7,331.25."
            ),
        ],
        "£7,331.25",
        RIGHT[TRADE_JUNE],
    ),
]
