"""Failing runs of the bakehouse desk (second part): crashed cells, misquoted figures,
trouble reported, wrong inputs."""

from __future__ import annotations

from benchmarks.corpus._bakery_tasks import (
    ASHBY_FLOUR,
    FOODBANK_Q3,
    KESSING_LFL,
    MILLBROOK_JULY,
    Q2,
    Q2_LOAVES,
    RETAIL,
    RIGHT,
    STATION_PASTRY,
    TRADE_JUNE,
    ask_clerk,
    ask_coder,
    cell,
    clerk,
    coder,
    final,
    hand,
    passed,
    read,
    sum_cell,
    to_checker,
)
from benchmarks.corpus._bakery_team import CHECKER, CLERK, CODER, WRITER
from benchmarks.corpus._desk import Run

RUNS = [
    Run(
        "kessing_cell_keyerror",
        "code_failure_ignored",
        KESSING_LFL,
        [
            ask_clerk(
                "Which shops are in Kessing, and when did each open?",
                "Kessing, April to September 2026, without any shop new this year.",
            ),
            read(CLERK, "shops.csv", "Kessing"),
            clerk(
                "Kessing has S4 Harbour Street (opened 2022) and S5 Canal Wharf (opened "
                "2026). S5 is this year's opening."
            ),
            ask_coder("Sum loaves sold for S4 only, 2026-04 to 2026-09, from bakes_2026.csv."),
            cell(
                CODER,
                """
import csv
total = 0
for row in csv.DictReader(open("bakes_2026.csv")):
    if row["shop_id"] == "S4":
        total += int(row["loaves"])
print(total)
""",
                "KeyError: 'loaves'",
                mark="root",
            ),
            coder("Harbour Street, April to September: 5,348 loaves.", mark="symptom"),
            to_checker("Like-for-like Kessing is 5,348 (Harbour Street only). Please check."),
            passed("Canal Wharf left out as asked. Fine."),
            final(
                "Like for like, Kessing sold 5,348 loaves from April to September 2026 "
                "(Harbour Street; Canal Wharf opened this year and is left out)."
            ),
        ],
        "5,348",
        RIGHT[KESSING_LFL],
    ),
    Run(
        "trade_june_text_times_price",
        "code_failure_ignored",
        TRADE_JUNE,
        [
            ask_clerk(
                "S6 loaves sold in June 2026, the 2026 loaf price and wholesale discount.",
                "Trade Counter, June 2026, net of the wholesale discount.",
            ),
            read(CLERK, "bakes_2026.csv", "2026-06,S6"),
            read(CLERK, "prices_2026.json", say="Row found, now prices."),
            clerk(
                "June 2026, S6: 2500 loaves sold. 2026 prices: loaf £3.45, wholesale discount 12%."
            ),
            ask_coder("From bakes_2026.csv take S6's June loaves_sold, times 3.45, less 12%."),
            cell(
                CODER,
                """
import csv
row = next(r for r in csv.DictReader(open("bakes_2026.csv"))
           if r["month"] == "2026-06" and r["shop_id"] == "S6")
print("loaves", row["loaves_sold"])
gross = row["loaves_sold"] * 3.45
print(f"{gross * 0.88:.2f}")
""",
                "TypeError: can't multiply sequence by non-int of type 'float'",
                mark="root",
            ),
            coder("2500 loaves; at £3.45 less 12% that is £7,950.00."),
            to_checker("Trade Counter June net: £7,950.00."),
            passed("2500 and 12% both match the files. Signed off.", mark="symptom"),
            final(
                "Trade Counter loaf revenue for June 2026, after the 12% wholesale discount, "
                "was £7,950.00."
            ),
        ],
        "£7,950.00",
        RIGHT[TRADE_JUNE],
    ),
    Run(
        "q2_loaves_digits_swapped",
        "misreported_result",
        Q2_LOAVES,
        [
            ask_clerk("List the retail shop ids from shops.csv.", "Retail shops, Q2 2026."),
            read(CLERK, "shops.csv"),
            clerk("Retail: S1, S2, S3, S4, S5. S6 is the wholesale trade counter."),
            ask_coder("Sum loaves_sold for S1-S5, months 2026-04 to 2026-06, bakes_2026.csv."),
            cell(CODER, sum_cell("bakes_2026.csv", Q2, RETAIL, "loaves_sold"), "14667"),
            coder("Retail loaves sold in Q2 2026: 14,767.", mark="root"),
            to_checker("14,767 loaves for the quarter, retail only. Checker, please."),
            passed("Right shops, right months; 14,767 goes out.", mark="symptom"),
            final("Our retail shops sold 14,767 loaves in April to June 2026."),
        ],
        "14,767",
        RIGHT[Q2_LOAVES],
    ),
    Run(
        "foodbank_writer_keyed_wrong",
        "misreported_result",
        FOODBANK_Q3,
        [
            ask_clerk(
                "Food bank credit terms please, all of them.",
                "Q3 credit: terms first, then the unsold counts by shop and month.",
            ),
            read(CLERK, "foodbank_credit.json"),
            clerk(
                "35p per unsold loaf; S6 excluded; a shop-month counts only at 20 or more "
                "unsold; cap £120.00 a quarter."
            ),
            ask_coder(
                "For S1-S5 and months 2026-07..09, add unsold (baked minus sold) where "
                "it is 20 or more; times 0.35; cap 120."
            ),
            cell(
                CODER,
                """
import csv
unsold = 0
for r in csv.DictReader(open("bakes_2026.csv")):
    left = int(r["loaves_baked"]) - int(r["loaves_sold"])
    if r["month"] in ("2026-07", "2026-08", "2026-09") and r["shop_id"] != "S6" and left >= 20:
        unsold += left
print(unsold, f"{min(unsold * 0.35, 120):.2f}")
""",
                "305 106.75",
            ),
            coder("305 qualifying unsold loaves, £106.75, under the cap."),
            to_checker("Q3 food bank credit: £106.75."),
            passed("Threshold and exclusion are both in the code. Good."),
            hand(
                WRITER,
                CHECKER,
                "Draft: 'We can claim £106.57 in surplus bread credit for "
                "Q3.' Quick look before it goes?",
                mark="root",
            ),
            passed("Reads fine.", mark="symptom"),
            final("We can claim £106.57 in surplus bread credit from the food bank for Q3 2026."),
        ],
        "£106.57",
        RIGHT[FOODBANK_Q3],
    ),
    Run(
        "millbrook_july_june_row",
        "self_reported_trouble",
        MILLBROOK_JULY,
        [
            ask_clerk(
                "July loaves sold for every Millbrook shop, 2025 and 2026.",
                "Millbrook outlets are S1, S2 and S6; I need July in both years.",
            ),
            read(CLERK, "bakes_2025.csv", "2025-06", mark="root"),
            read(CLERK, "bakes_2026.csv", "2026-07", say="Now this year."),
            clerk("2025: S1 1269, S2 1048, S6 2203. 2026: S1 1428, S2 1095, S6 2536."),
            ask_coder("Millbrook July change: 2026 (1428+1095+2536) minus 2025 (1269+1048+2203)."),
            cell(CODER, "print((1428 + 1095 + 2536) - (1269 + 1048 + 2203))", "539"),
            coder("Up 539 loaves."),
            to_checker("Millbrook July is up 539 loaves year on year."),
            read(
                CHECKER,
                "bakes_2025.csv",
                "2025-07,S1",
                "The 2025 figures look low for July; checking Market Cross.",
            ),
            hand(
                CHECKER,
                WRITER,
                "Market Cross July 2025 is 1411 in the file, not 1269. I "
                "can't reconcile the 2025 side, so I'm not passing a number.",
                mark="symptom",
            ),
            final(
                "We can't give the July change for Millbrook yet: last year's figures didn't "
                "reconcile and are being looked at again."
            ),
        ],
        "",
        RIGHT[MILLBROOK_JULY],
    ),
    Run(
        "ashby_flour_wrong_mill_brief",
        "self_reported_trouble",
        ASHBY_FLOUR,
        [
            ask_clerk(
                "Pull the May 2026 deliveries from Tollgate Mill out of flour_2026.csv.",
                "Flour price per kg, May deliveries.",
                mark="root",
            ),
            read(CLERK, "flour_2026.csv", "Tollgate Mill"),
            clerk("Tollgate in May: one delivery, 13 May, 20 × 16 kg wholemeal at £15.10."),
            ask_coder("20 sacks of 16 kg at £15.10 a sack; pence per kg to one decimal."),
            cell(CODER, "print(f'{20 * 15.10 / (20 * 16) * 100:.1f}')", "94.4"),
            coder("94.4p per kg."),
            to_checker("May flour: 94.4p per kg."),
            read(CHECKER, "flour_2026.csv", "2026-05", "Which May deliveries went in?"),
            hand(
                CHECKER,
                WRITER,
                "The question is about Ashby Mill; this is Tollgate's one "
                "delivery. I can't sign this off.",
                mark="symptom",
            ),
            final(
                "No figure for Ashby Mill's May flour yet: the working used the wrong mill's "
                "delivery and has to be redone."
            ),
        ],
        "",
        RIGHT[ASHBY_FLOUR],
    ),
    Run(
        "millbrook_retail_only_code",
        "wrong_answer_accepted",
        MILLBROOK_JULY,
        [
            ask_clerk("Which shops are in Millbrook?", "Millbrook outlets, July, 2025 vs 2026."),
            read(CLERK, "shops.csv", "Millbrook"),
            clerk(
                "Millbrook: S1 Market Cross, S2 Riverside (both retail), S6 Trade Counter "
                "(wholesale)."
            ),
            ask_coder("Change in July loaves sold, 2025 to 2026, for the Millbrook shops."),
            cell(
                CODER,
                """
import csv
shops = {r["shop_id"] for r in csv.DictReader(open("shops.csv"))
         if r["town"] == "Millbrook" and r["trade"] == "retail"}
def july(path, month):
    return sum(int(r["loaves_sold"]) for r in csv.DictReader(open(path))
               if r["month"] == month and r["shop_id"] in shops)
print(july("bakes_2026.csv", "2026-07") - july("bakes_2025.csv", "2025-07"))
""",
                "103",
                mark="root",
            ),
            coder("July up 103 loaves in Millbrook."),
            to_checker("Millbrook July: +103 loaves on last year."),
            cell(
                CHECKER,
                """
import csv
a = sum(int(r["loaves_sold"]) for r in csv.DictReader(open("bakes_2026.csv"))
        if r["month"] == "2026-07" and r["shop_id"] in ("S1", "S2"))
print(a)
""",
                "2523",
                "Quick look at this July's total.",
            ),
            passed("2,523 this July matches the coder's side. Passing +103.", mark="symptom"),
            final("July loaf sales in Millbrook were up 103 on 2025."),
        ],
        "103",
        RIGHT[MILLBROOK_JULY],
    ),
    Run(
        "foodbank_strictly_over",
        "bad_assumption",
        FOODBANK_Q3,
        [
            ask_clerk(
                "What are the food bank credit terms? Rate, threshold, exclusions, cap.",
                "Q3 food bank claim.",
            ),
            read(CLERK, "foodbank_credit.json"),
            clerk(
                "£0.35 per unsold loaf. A shop-month only counts if it had more than 20 "
                "unsold, so exactly 20 doesn't. S6 excluded. Cap £120.00.",
                mark="root",
            ),
            ask_coder(
                "Q3 2026, S1-S5, unsold per shop-month counted when over 20; × 0.35, cap at 120."
            ),
            cell(
                CODER,
                """
import csv
unsold = 0
for r in csv.DictReader(open("bakes_2026.csv")):
    left = int(r["loaves_baked"]) - int(r["loaves_sold"])
    if r["month"] >= "2026-07" and r["shop_id"] != "S6" and left > 20:
        unsold += left
print(unsold, f"{min(unsold * 0.35, 120):.2f}")
""",
                "285 99.75",
            ),
            coder("285 loaves count, £99.75."),
            to_checker("Food bank Q3: £99.75."),
            passed("Exclusion and cap handled. OK.", mark="symptom"),
            final("Our Q3 2026 surplus bread credit from the food bank comes to £99.75."),
        ],
        "£99.75",
        RIGHT[FOODBANK_Q3],
    ),
    Run(
        "station_pastry_misread_count",
        "wrong_input_carried",
        STATION_PASTRY,
        [
            ask_clerk(
                "June 2026 pastries sold at Station Road (S3), and this year's pastry price.",
                "June pastries × 2026 price.",
            ),
            read(CLERK, "bakes_2026.csv", "2026-06,S3"),
            read(CLERK, "prices_2026.json", say="Got the row. Price next."),
            clerk("Station Road, June 2026: 326 pastries. Pastry price £2.10.", mark="root"),
            ask_coder("326 pastries × £2.10."),
            cell(CODER, "print(f'{326 * 2.10:.2f}')", "684.60"),
            coder("£684.60."),
            to_checker("Station Road June pastries: £684.60."),
            passed("£2.10 is the 2026 price; sum is right.", mark="symptom"),
            final("Station Road took £684.60 from pastries in June 2026."),
        ],
        "£684.60",
        RIGHT[STATION_PASTRY],
    ),
]
