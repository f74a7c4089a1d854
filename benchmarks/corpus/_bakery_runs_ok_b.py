"""Healthy runs of the bakehouse desk (second part), near misses caught included."""

from __future__ import annotations

from benchmarks.corpus._bakery_runs_c import PASTRY_TYPO, RIVERSIDE_CELL
from benchmarks.corpus._bakery_tasks import (
    ASHBY_FLOUR,
    FOODBANK_Q3,
    H2026,
    KESSING_LFL,
    MILLBROOK_JULY,
    RIGHT,
    RIVERSIDE_WASTE,
    STATION_PASTRY,
    TRADE_JUNE,
    ask_clerk,
    ask_coder,
    back,
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
from benchmarks.corpus._common import HEALTHY
from benchmarks.corpus._desk import Run

FOODBANK_CELL = """
import csv
unsold = 0
for r in csv.DictReader(open("bakes_2026.csv")):
    left = int(r["loaves_baked"]) - int(r["loaves_sold"])
    if r["month"] >= "2026-07" and r["shop_id"] != "S6" and left >= 20:
        unsold += left
print(unsold, f"{min(unsold * 0.35, 120):.2f}")
"""
FLOUR_CELL = """
import csv
rows = [r for r in csv.DictReader(open("flour_2026.csv"))
        if r["date"].startswith("2026-05") and r["mill"] == "Ashby Mill"]
kg = sum(int(r["sacks"]) * int(r["kg_per_sack"]) for r in rows)
cost = sum(int(r["sacks"]) * float(r["price_per_sack"]) for r in rows)
print(f"{cost / kg * 100:.1f}")
"""
MILLBROOK_CELL = """
import csv
shops = {r["shop_id"] for r in csv.DictReader(open("shops.csv")) if r["town"] == "Millbrook"}
def july(path, month):
    return sum(int(r["loaves_sold"]) for r in csv.DictReader(open(path))
               if r["month"] == month and r["shop_id"] in shops)
print(july("bakes_2026.csv", "2026-07") - july("bakes_2025.csv", "2025-07"))
"""


def _plain(name, task, brief, clerk_read, clerk_says, coder_brief, code, prints, fig, line):
    return Run(
        name,
        HEALTHY,
        task,
        [
            ask_clerk(brief),
            read(CLERK, *clerk_read),
            clerk(clerk_says),
            ask_coder(coder_brief),
            cell(CODER, code, prints),
            coder(f"It comes to {fig}."),
            to_checker(f"{fig} from the coder. Please check."),
            passed("Inputs match the files and the working holds."),
            final(line),
        ],
        fig,
        RIGHT[task],
    )


TRADE_CELL = """
import csv, json
row = next(r for r in csv.DictReader(open("bakes_2026.csv"))
           if r["month"] == "2026-06" and r["shop_id"] == "S6")
prices = json.load(open("prices_2026.json"))
net = int(row["loaves_sold"]) * prices["loaf"] * (1 - prices["wholesale_discount_pct"] / 100)
print(f"{net:.2f}")
"""

RUNS = [
    _plain(
        "ok_trade_june",
        TRADE_JUNE,
        "S6's June 2026 row and the 2026 price list.",
        ("bakes_2026.csv", "2026-06,S6"),
        "S6 sold 2500 loaves in June 2026.",
        "S6 June loaves × 2026 loaf price, less the 2026 wholesale discount, from the files.",
        TRADE_CELL,
        "7590.00",
        "£7,590.00",
        "After the 12% wholesale discount the Trade Counter's June 2026 loaves brought in "
        "£7,590.00.",
    ),
    _plain(
        "ok_station_pastry",
        STATION_PASTRY,
        "Station Road's June 2026 pastries.",
        ("bakes_2026.csv", "2026-06,S3"),
        "362 pastries sold in June.",
        "362 pastries at this year's £2.10.",
        "print(f'{362 * 2.10:.2f}')",
        "760.20",
        "£760.20",
        "Station Road's June 2026 pastry takings were £760.20.",
    ),
    _plain(
        "ok_millbrook_from_rows",
        MILLBROOK_JULY,
        "July rows for both years, S1, S2, S6.",
        ("bakes_2025.csv", "2025-07"),
        "July 2025: S1 1411, S2 1009, S6 2154.",
        "July 2026 minus July 2025 for S1, S2 and S6, from the two bakes files.",
        MILLBROOK_CELL,
        "485",
        "485",
        "July loaf sales across Millbrook's three outlets rose by 485 from 2025 to 2026.",
    ),
    _plain(
        "ok_kessing_from_file",
        KESSING_LFL,
        "Opening years of S4 and S5.",
        ("shops.csv", "Kessing"),
        "S4 2022, S5 2026.",
        "Loaves sold by S4, 2026-04 to 2026-09 (S5 opened this year).",
        sum_cell("bakes_2026.csv", H2026, ("S4",), "loaves_sold"),
        "5384",
        "5,384",
        "Leaving out Canal Wharf, new this year, Kessing sold 5,384 loaves April to "
        "September 2026.",
    ),
    _plain(
        "ok_riverside_waste",
        RIVERSIDE_WASTE,
        "Riverside, May 2026: baked and sold.",
        ("bakes_2026.csv", "2026-05,S2"),
        "Baked 1076, sold 1062.",
        "Unsold as a share of baked, S2, May 2026, one decimal.",
        RIVERSIDE_CELL,
        "1.3",
        "1.3%",
        "1.3% of the loaves Riverside baked in May 2026 went unsold.",
    ),
    _plain(
        "ok_foodbank_claim",
        FOODBANK_Q3,
        "Food bank credit terms in full, please.",
        ("foodbank_credit.json",),
        "35p a loaf, S6 excluded, shop-months at 20 or more unsold count, cap £120.00 a quarter.",
        "Q3 2026, S1-S5, shop-months with 20+ unsold; × 0.35, cap 120.",
        FOODBANK_CELL,
        "305 106.75",
        "£106.75",
        "Our Q3 2026 food bank credit comes to £106.75.",
    ),
    _plain(
        "ok_ashby_flour",
        ASHBY_FLOUR,
        "Ashby Mill's May 2026 deliveries, all columns.",
        ("flour_2026.csv", "Ashby Mill"),
        "May: 44 × 25 kg at £21.90, 12 × 16 kg rye at £17.60, 38 × 25 kg at £21.90.",
        "Total cost over total kg for Ashby's May deliveries, pence per kg.",
        FLOUR_CELL,
        "89.5",
        "89.5p",
        "Ashby Mill's flour cost us 89.5p per kg on average in May 2026.",
    ),
    _plain(
        "ok_millbrook_july",
        MILLBROOK_JULY,
        "Which shops are in Millbrook?",
        ("shops.csv", "Millbrook"),
        "S1 Market Cross, S2 Riverside, S6 Trade Counter.",
        "July loaves sold, 2026 minus 2025, all Millbrook shops.",
        MILLBROOK_CELL,
        "485",
        "485",
        "Millbrook's July loaf sales were up 485 on 2025.",
    ),
    _plain(
        "ok_kessing_lfl",
        KESSING_LFL,
        "Kessing shops and their opening years.",
        ("shops.csv", "Kessing"),
        "S4 Harbour Street opened 2022; S5 Canal Wharf opened 2026, so it is left out.",
        "Loaves sold, S4 only, April to September 2026.",
        sum_cell("bakes_2026.csv", H2026, ("S4",), "loaves_sold"),
        "5384",
        "5,384",
        "Like for like, Kessing sold 5,384 loaves from April to September 2026.",
    ),
    Run(
        "ok_station_pastry_typo_fixed",
        HEALTHY,
        STATION_PASTRY,
        [
            ask_clerk("S3's June 2026 pastries sold."),
            read(CLERK, "bakes_2026.csv", "2026-06,S3"),
            clerk("362 pastries."),
            ask_coder("362 pastries at the 2026 pastry price in prices_2026.json."),
            cell(
                CODER, PASTRY_TYPO, "NameError: name 'prise' is not defined. Did you mean: 'price'?"
            ),
            cell(CODER, PASTRY_TYPO.replace("prise", "price"), "760.20", "Typo; again."),
            coder("£760.20."),
            to_checker("Station Road June pastries: £760.20."),
            passed("2026 price of £2.10, 362 sold. Good."),
            final("Station Road took £760.20 from pastries in June 2026."),
        ],
        "£760.20",
        RIGHT[STATION_PASTRY],
    ),
    Run(
        "ok_trade_june_old_list_caught",
        HEALTHY,
        TRADE_JUNE,
        [
            ask_clerk("S6 June 2026 loaves sold, loaf price and wholesale discount."),
            read(CLERK, "bakes_2026.csv", "2026-06,S6"),
            read(CLERK, "prices_2025.json", say="Row found; prices."),
            clerk("2500 loaves; loaf £3.20; wholesale discount 15%."),
            ask_coder("2500 × 3.20 less 15%."),
            cell(CODER, "print(f'{2500 * 3.20 * 0.85:.2f}')", "6800.00"),
            coder("£6,800.00."),
            to_checker("Trade Counter June: £6,800.00."),
            read(CHECKER, "prices_2026.json", say="Which price list was this?"),
            hand(CHECKER, "head_baker", "That's the 2025 list; 2026 is £3.45 and 12%. Redo."),
            ask_coder("2500 × 3.45 less 12%, the 2026 list."),
            cell(CODER, "print(f'{2500 * 3.45 * 0.88:.2f}')", "7590.00"),
            coder("£7,590.00."),
            to_checker("Redone on the 2026 list: £7,590.00."),
            passed("Right list now."),
            final(
                "The Trade Counter's June 2026 loaf revenue after the 12% wholesale "
                "discount was £7,590.00."
            ),
        ],
        "£7,590.00",
        RIGHT[TRADE_JUNE],
    ),
    Run(
        "ok_foodbank_missing_file_retried",
        HEALTHY,
        FOODBANK_Q3,
        [
            ask_clerk("The food bank scheme terms, please."),
            read(CLERK, "foodbank_scheme.json"),
            read(CLERK, "foodbank_credit.json", say="Not that name; the listing has this."),
            clerk("35p per unsold loaf; S6 excluded; 20+ unsold a shop-month; cap £120.00."),
            ask_coder("Q3 2026 credit on those terms."),
            cell(CODER, FOODBANK_CELL, "305 106.75"),
            coder("305 loaves, £106.75."),
            to_checker("£106.75 for Q3."),
            passed("Threshold is 'at or above'; the code has >= 20. Good."),
            final("We can claim £106.75 in surplus bread credit for Q3 2026."),
        ],
        "£106.75",
        RIGHT[FOODBANK_Q3],
    ),
    Run(
        "ok_kessing_new_shop_caught",
        HEALTHY,
        KESSING_LFL,
        [
            ask_clerk("Kessing shops, please."),
            read(CLERK, "shops.csv", "Kessing"),
            clerk("S4 Harbour Street and S5 Canal Wharf."),
            ask_coder("Loaves sold, S4 and S5, April to September 2026."),
            cell(CODER, sum_cell("bakes_2026.csv", H2026, ("S4", "S5"), "loaves_sold"), "8858"),
            coder("8,858."),
            to_checker("Kessing: 8,858."),
            read(CHECKER, "shops.csv", "Kessing", "When did they open?"),
            back("Canal Wharf opened in 2026; like for like leaves it out."),
            ask_coder("Same sum, S4 only."),
            cell(CODER, sum_cell("bakes_2026.csv", H2026, ("S4",), "loaves_sold"), "5384"),
            coder("5,384."),
            to_checker("S4 only: 5,384."),
            passed("That's like for like."),
            final("Like for like, Kessing sold 5,384 loaves from April to September 2026."),
        ],
        "5,384",
        RIGHT[KESSING_LFL],
    ),
    Run(
        "ok_riverside_writer_sent_back",
        HEALTHY,
        RIVERSIDE_WASTE,
        [
            ask_clerk("S2, May 2026, baked and sold."),
            read(CLERK, "bakes_2026.csv", "2026-05,S2"),
            clerk("1076 baked, 1062 sold."),
            ask_coder("Unsold share of baked, one decimal."),
            cell(CODER, RIVERSIDE_CELL, "1.3"),
            coder("1.3%."),
            to_checker("Riverside May: 1.3%."),
            passed("14 of 1076. Right."),
            hand(WRITER, CHECKER, "Draft: 'Riverside wasted about 1% of its May bake.' OK?"),
            hand(CHECKER, WRITER, "Give the one decimal they asked for: 1.3%."),
            final("1.3% of Riverside's May 2026 loaves went unsold."),
        ],
        "1.3%",
        RIGHT[RIVERSIDE_WASTE],
    ),
]
