"""Failing runs of the bakehouse desk (third part): failed reads, figures from nowhere,
dropped conditions, loops and early stops."""

from __future__ import annotations

from benchmarks.corpus._bakery_tasks import (
    FOODBANK_Q3,
    H2026,
    KESSING_LFL,
    MILLBROOK_JULY,
    Q2,
    Q2_LOAVES,
    RETAIL,
    RIGHT,
    RIVERSIDE_WASTE,
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

RIVERSIDE_CELL = """
import csv
row = next(r for r in csv.DictReader(open("bakes_2026.csv"))
           if r["month"] == "2026-05" and r["shop_id"] == "S2")
baked, sold = int(row["loaves_baked"]), int(row["loaves_sold"])
print(f"{(baked - sold) / baked * 100:.1f}")
"""
PASTRY_TYPO = """
import json
price = json.load(open("prices_2026.json"))["pastry"]
print(f"{362 * prise:.2f}")
"""

RUNS = [
    Run(
        "foodbank_scheme_file_missing",
        "tool_failure_ignored",
        FOODBANK_Q3,
        [
            ask_clerk("Get me the food bank scheme terms.", "Q3 food bank claim, terms first."),
            read(CLERK, "foodbank_scheme.json", mark="root"),
            clerk(
                "There's no scheme file, so no exclusions or threshold to apply: every "
                "shop's unsold loaves count at the usual 35p."
            ),
            ask_coder(
                "All shops, July to September 2026: total unsold loaves (baked minus sold) × £0.35."
            ),
            cell(
                CODER,
                """
import csv
unsold = sum(int(r["loaves_baked"]) - int(r["loaves_sold"])
             for r in csv.DictReader(open("bakes_2026.csv")) if r["month"] >= "2026-07")
print(unsold, f"{unsold * 0.35:.2f}")
""",
                "563 197.05",
            ),
            coder("563 unsold loaves, £197.05."),
            to_checker("Q3 food bank credit: £197.05."),
            passed("Sum and rate agree with the brief.", mark="symptom"),
            final("We can claim £197.05 from the food bank's surplus bread scheme for Q3 2026."),
        ],
        "£197.05",
        RIGHT[FOODBANK_Q3],
    ),
    Run(
        "kessing_lowercase_filter",
        "tool_failure_ignored",
        KESSING_LFL,
        [
            ask_clerk(
                "Did either Kessing shop (S4, S5) open in 2026?",
                "Kessing like for like, April to September.",
            ),
            read(CLERK, "shops.csv", "kessing", mark="root"),
            clerk("No Kessing shop on the list opened in 2026, so nothing to leave out."),
            ask_coder("Sum loaves_sold for S4 and S5, 2026-04 to 2026-09."),
            cell(CODER, sum_cell("bakes_2026.csv", H2026, ("S4", "S5"), "loaves_sold"), "8858"),
            coder("8,858 loaves."),
            to_checker("Kessing, April to September: 8,858."),
            passed("Both Kessing shops, six months. Passing.", mark="symptom"),
            final("Kessing sold 8,858 loaves from April to September 2026."),
        ],
        "8,858",
        RIGHT[KESSING_LFL],
    ),
    Run(
        "millbrook_2025_from_memory",
        "made_up_data",
        MILLBROOK_JULY,
        [
            ask_clerk(
                "July loaves sold for the Millbrook outlets, both years.",
                "Millbrook is S1, S2 and S6. July 2025 against July 2026.",
            ),
            read(CLERK, "bakes_2026.csv", "2026-07"),
            clerk(
                "July 2026: S1 1428, S2 1095, S6 2536. For July 2025 the summer newsletter "
                "had Millbrook at 4,650 loaves all told.",
                mark="root",
            ),
            ask_coder("(1428 + 1095 + 2536) minus 4650."),
            cell(CODER, "print(1428 + 1095 + 2536 - 4650)", "409"),
            coder("409 more loaves than last July."),
            to_checker("Millbrook July: up 409."),
            passed("2026 rows match the file. Fine.", mark="symptom"),
            final("Millbrook sold 409 more loaves in July 2026 than in July 2025."),
        ],
        "409",
        RIGHT[MILLBROOK_JULY],
    ),
    Run(
        "trade_june_stand_in_price",
        "made_up_data",
        TRADE_JUNE,
        [
            ask_clerk(
                "S6's June 2026 loaves sold and the wholesale discount.", "Trade Counter June, net."
            ),
            read(CLERK, "bakes_2026.csv", "2026-06,S6"),
            read(CLERK, "prices_2026.json", say="Discount from the price list."),
            clerk("2500 loaves sold; wholesale discount 12%."),
            ask_coder("2500 loaves at the 2026 loaf price, less 12%."),
            cell(
                CODER,
                "price = 3.50\nprint(f'{2500 * price * 0.88:.2f}')",
                "7700.00",
                "Taking the loaf at £3.50 for now.",
                mark="root",
            ),
            coder("£7,700.00 net of the 12%."),
            to_checker("Trade Counter June loaf revenue: £7,700.00."),
            passed("2500 and 12% both right.", mark="symptom"),
            final(
                "The Trade Counter's June 2026 loaf revenue, after the 12% discount, was £7,700.00."
            ),
        ],
        "£7,700.00",
        RIGHT[TRADE_JUNE],
    ),
    Run(
        "q2_brief_drops_retail",
        "lost_constraint",
        Q2_LOAVES,
        [
            ask_clerk("Which shops are retail?", "Q2 2026 loaves, retail."),
            read(CLERK, "shops.csv"),
            clerk("S1-S5 retail; S6 Trade Counter wholesale."),
            ask_coder(
                "Sum loaves_sold over April, May and June 2026 in bakes_2026.csv.", mark="root"
            ),
            cell(CODER, sum_cell("bakes_2026.csv", Q2, RETAIL + ("S6",), "loaves_sold"), "22119"),
            coder("22,119 loaves sold April to June."),
            to_checker("Q2 loaves: 22,119."),
            passed("Months are right and the sum reruns the same.", mark="symptom"),
            final("We sold 22,119 loaves in April to June 2026."),
        ],
        "22,119",
        RIGHT[Q2_LOAVES],
    ),
    Run(
        "kessing_new_shop_not_flagged",
        "lost_constraint",
        KESSING_LFL,
        [
            ask_clerk(
                "List the Kessing shops and flag any that opened this year.",
                "Like for like in Kessing, April to September 2026.",
            ),
            read(CLERK, "shops.csv", "Kessing"),
            clerk("Kessing shops: S4 Harbour Street and S5 Canal Wharf.", mark="root"),
            ask_coder("Sum loaves_sold for S4 and S5, April to September 2026."),
            cell(CODER, sum_cell("bakes_2026.csv", H2026, ("S4", "S5"), "loaves_sold"), "8858"),
            coder("8858."),
            to_checker("Kessing like for like: 8,858."),
            passed("Both shops, six months; agreed.", mark="symptom"),
            final("Like for like, Kessing sold 8,858 loaves from April to September 2026."),
        ],
        "8,858",
        RIGHT[KESSING_LFL],
    ),
    Run(
        "riverside_checker_reruns",
        "repetition_loop",
        RIVERSIDE_WASTE,
        [
            ask_clerk("Riverside (S2), May 2026: loaves baked and sold.", "Riverside May."),
            read(CLERK, "bakes_2026.csv", "2026-05,S2"),
            clerk("Riverside May 2026: baked 1076, sold 1062."),
            ask_coder("Unsold share of baked for S2 in May 2026, percent to one decimal."),
            cell(CODER, RIVERSIDE_CELL, "1.3"),
            coder("1.3% unsold."),
            to_checker("Riverside May: 1.3% unsold."),
            cell(CHECKER, RIVERSIDE_CELL, "1.3", "Rerunning."),
            cell(CHECKER, RIVERSIDE_CELL, "1.3", "Once more to be sure.", mark="root"),
            cell(CHECKER, RIVERSIDE_CELL, "1.3", "And again."),
            hand(
                CHECKER, WRITER, "I've not been able to settle this one; hold it.", mark="symptom"
            ),
            final("Riverside's May waste figure is still being checked; we'll have it next issue."),
        ],
        "",
        RIGHT[RIVERSIDE_WASTE],
    ),
    Run(
        "station_pastry_same_brief_again",
        "repetition_loop",
        STATION_PASTRY,
        [
            ask_clerk("June 2026 pastries for S3.", "Station Road pastries, June."),
            read(CLERK, "bakes_2026.csv", "2026-06,S3"),
            clerk("362 pastries in June 2026 at Station Road."),
            ask_coder("362 pastries at the 2026 pastry price from prices_2026.json."),
            cell(
                CODER, PASTRY_TYPO, "NameError: name 'prise' is not defined. Did you mean: 'price'?"
            ),
            coder("The script stopped with a NameError, no figure."),
            ask_coder("362 pastries at the 2026 pastry price from prices_2026.json.", mark="root"),
            cell(
                CODER, PASTRY_TYPO, "NameError: name 'prise' is not defined. Did you mean: 'price'?"
            ),
            coder("Same NameError again."),
            to_checker("The pastry sum keeps failing. Can you take it from here?"),
            hand(
                CHECKER,
                WRITER,
                "There's no figure to check. Nothing goes out on this.",
                mark="symptom",
            ),
            final("We don't have Station Road's June pastry takings yet."),
        ],
        "",
        RIGHT[STATION_PASTRY],
    ),
    Run(
        "kessing_april_times_six",
        "premature_termination",
        KESSING_LFL,
        [
            ask_clerk(
                "Kessing shops, opening years, and Harbour Street's April 2026 row.",
                "Kessing like for like.",
            ),
            read(CLERK, "shops.csv", "Kessing"),
            read(CLERK, "bakes_2026.csv", "2026-04,S4", "S5 opened in 2026; now S4's April."),
            clerk(
                "S4 Harbour Street (2022) and S5 Canal Wharf (2026, so out). S4 sold 861 "
                "loaves in April 2026."
            ),
            to_checker(
                "861 a month for six months is 5,166; good enough for the newsletter.", mark="root"
            ),
            passed("Canal Wharf is out as asked. 5,166.", mark="symptom"),
            final("Like for like, Kessing sold 5,166 loaves between April and September 2026."),
        ],
        "5,166",
        RIGHT[KESSING_LFL],
    ),
    Run(
        "millbrook_half_done_passed",
        "premature_termination",
        MILLBROOK_JULY,
        [
            ask_clerk("July 2026 rows for S1, S2 and S6.", "Millbrook July, this year first."),
            read(CLERK, "bakes_2026.csv", "2026-07"),
            clerk("July 2026: S1 1428, S2 1095, S6 2536."),
            ask_coder("Add up 1428, 1095 and 2536."),
            cell(CODER, "print(1428 + 1095 + 2536)", "5059"),
            coder("5,059."),
            to_checker("2026 side is 5,059; 2025 still to do."),
            passed("5,059 is right for this July; write it up.", mark="root"),
            final("Millbrook's outlets sold 5,059 loaves in July 2026.", mark="symptom"),
        ],
        "5,059",
        RIGHT[MILLBROOK_JULY],
    ),
    Run(
        "trade_june_brief_keyed_2050",
        "wrong_input_carried",
        TRADE_JUNE,
        [
            ask_clerk(
                "S6 June 2026 loaves sold, loaf price and wholesale discount.",
                "Trade Counter June, net.",
            ),
            read(CLERK, "bakes_2026.csv", "2026-06,S6"),
            read(CLERK, "prices_2026.json", say="And the prices."),
            clerk("2500 loaves; loaf £3.45; wholesale discount 12%."),
            ask_coder("2,050 loaves at £3.45, less 12%.", mark="root"),
            cell(CODER, "print(f'{2050 * 3.45 * 0.88:.2f}')", "6223.80"),
            coder("£6,223.80."),
            to_checker("Trade Counter June net: £6,223.80."),
            passed("Price and discount as per the 2026 list.", mark="symptom"),
            final(
                "Trade Counter loaf revenue for June 2026 was £6,223.80 after the "
                "wholesale discount."
            ),
        ],
        "£6,223.80",
        RIGHT[TRADE_JUNE],
    ),
    Run(
        "q2_writer_draft_transposed",
        "misreported_result",
        Q2_LOAVES,
        [
            ask_clerk("Retail shop ids please.", "Retail loaves, Q2 2026."),
            read(CLERK, "shops.csv"),
            clerk("Retail: S1 to S5."),
            ask_coder("loaves_sold, S1-S5, 2026-04..2026-06."),
            cell(CODER, sum_cell("bakes_2026.csv", Q2, RETAIL, "loaves_sold"), "14667"),
            coder("14,667."),
            to_checker("Retail Q2: 14,667."),
            passed("Matches. Over to the writer."),
            hand(
                WRITER, CHECKER, "Draft: 'Retail shops sold 14,676 loaves in Q2.' OK?", mark="root"
            ),
            passed("Looks fine."),
            final("Our retail shops sold 14,676 loaves from April to June 2026.", mark="symptom"),
        ],
        "14,676",
        RIGHT[Q2_LOAVES],
    ),
]
