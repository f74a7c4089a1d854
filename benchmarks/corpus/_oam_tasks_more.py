"""The last tasks of ``openai_agents_magentic``: a timetable, a stock list."""

from __future__ import annotations

from benchmarks.corpus._common import (
    CODE_FAILURE,
    HEALTHY,
    LOST_CONSTRAINT,
    WRONG_INPUT,
    WRONG_SOURCE,
)
from benchmarks.corpus._oam_script import (
    ASK,
    REPLY,
    Scenario,
    open_file,
    run_code,
    search,
    visit,
    write_code,
)
from benchmarks.corpus._oam_team import FILES, WEB, Call, Page, Step, World

# --- timetable: last weekday direct train before 18:00 ------------------------------

TRAIN_TASK = (
    "On a weekday, when does the last direct train leaving Elvbyen before 18:00 arrive in "
    "Storvik, per the operator's timetable? Answer as HH:MM."
)
TRAIN = World(
    pages=(
        Page(
            "https://www.nordbane.example/timetables/elvbyen-storvik",
            "Elvbyen - Storvik timetable | Nordbane",
            "Valid 10 June - 14 December 2024.\n"
            "Dep.   Arr.   Train  Notes\n"
            "15:42  17:19  R41    direct\n"
            "16:12  17:58  R43    change at Moen\n"
            "16:42  18:19  R45    direct\n"
            "17:12  18:58  R47    change at Moen\n"
            "17:36  19:14  R49    direct, Saturdays only (6)\n"
            "17:51  19:40  R51    change at Moen, Mon-Fri (1-5)\n"
            "18:12  19:49  R53    direct\n"
            "Trains without a day note run daily.",
        ),
        Page(
            "https://www.travelforum.example/t/elvbyen-to-storvik-evening",
            "Elvbyen to Storvik in the evening? - Travel forum",
            "The 17:36 gets you in around quarter past seven, last direct one before six I think.",
        ),
    )
)
TRAIN_URL = TRAIN.pages[0].url

TRAIN_RUNS = (
    Scenario(
        "trn-healthy-recheck",
        HEALTHY,
        TRAIN_TASK,
        TRAIN,
        (
            Step(
                WEB,
                "Open Nordbane's Elvbyen-Storvik timetable. I need the last *direct* "
                "departure before 18:00 that runs on weekdays, and its arrival time.",
                (search("Nordbane Elvbyen Storvik timetable"), visit(TRAIN_URL)),
                "Last direct departure before 18:00 is 17:36 (R49), arriving 19:14.",
                note="R49 - let me make sure it runs on weekdays.",
            ),
            Step(
                WEB,
                "Check the notes column for R49: does it run Monday to Friday?",
                (visit(TRAIN_URL),),
                "Good catch: R49 is Saturdays only, and R47 and R51 change at Moen. The last "
                "weekday direct train before 18:00 is R45 at 16:42, arriving Storvik 18:19.",
            ),
        ),
        "FINAL ANSWER: 18:19",
    ),
    Scenario(
        "trn-saturday-row",
        WRONG_INPUT,
        TRAIN_TASK,
        TRAIN,
        (
            Step(
                WEB,
                "From the Nordbane timetable Elvbyen -> Storvik: the last direct weekday "
                "train leaving before 18:00, and when it arrives.",
                (search("Elvbyen Storvik train timetable"), visit(TRAIN_URL)),
                "That's R49 at 17:36, direct, arriving in Storvik at 19:14.",
                note="Candidate found; confirming it has no change.",
            ),
            Step(
                WEB,
                "And it's direct - no change at Moen?",
                (),
                "Correct, R49 runs direct; R43, R47 and R51 are the ones changing at Moen.",
            ),
        ),
        "FINAL ANSWER: 19:14",
        mistake=(0, REPLY),
        note="the surfer took the Saturday-only row",
    ),
    Scenario(
        "trn-dropped-direct",
        LOST_CONSTRAINT,
        TRAIN_TASK,
        TRAIN,
        (
            Step(
                WEB,
                "Find the last train from Elvbyen to Storvik departing before 18:00 on a "
                "weekday, and its arrival time.",
                (search("Elvbyen Storvik timetable Nordbane"), visit(TRAIN_URL)),
                "On weekdays the last departure before 18:00 is R51 at 17:51 (Mon-Fri), "
                "arriving in Storvik at 19:40.",
                note="Good; one more check on the day note.",
            ),
            Step(
                WEB,
                "Confirm R51 runs Monday to Friday and not only on some days.",
                (visit(TRAIN_URL),),
                "Confirmed: R51 is marked Mon-Fri (1-5).",
            ),
        ),
        "FINAL ANSWER: 19:40",
        mistake=(0, ASK),
        note="the orchestrator's request dropped 'direct'; R51 changes at Moen",
    ),
)

# --- stock list: lowest stock relative to reorder level --------------------------------

STOCK_TASK = (
    "Which active item in the attached inventory.csv (reorder level above zero) has the "
    "lowest stock relative to its reorder level, i.e. stock / reorder level? Give the SKU."
)
STOCK = World(
    files={
        "inventory.csv": "sku,name,stock,reorder_level\n"
        "SKU-110,Tent pegs (10),40,50\nSKU-214,Stove gas 230g,12,20\n"
        "SKU-305,Sleeping mat,9,10\nSKU-412,Water filter,5,12\n"
        "SKU-518,Compass,3,4\nSKU-620,Storm lantern (discontinued),2,0\n",
        "inventory_2023_backup.csv": "sku,name,stock,reorder_level\n"
        "SKU-110,Tent pegs (10),55,50\nSKU-214,Stove gas 230g,6,20\n"
        "SKU-305,Sleeping mat,14,10\nSKU-412,Water filter,9,12\n"
        "SKU-518,Compass,6,4\nSKU-620,Storm lantern,4,3\n",
    }
)


def _stock_code(name: str, active: str = ' if int(r["reorder_level"]) > 0') -> str:
    return f"""
import csv

rows = list(csv.DictReader(open("{name}")))
ratios = {{r["sku"]: int(r["stock"]) / int(r["reorder_level"]) for r in rows{active}}}
sku = min(ratios, key=ratios.get)
print(sku, round(ratios[sku], 3))
"""


STOCK_CODE = _stock_code("inventory.csv")
STOCK_BACKUP = _stock_code("inventory_2023_backup.csv")
STOCK_CRASH = _stock_code("inventory.csv", active="")
STOCK_ASK = "Which files are attached? Open the inventory and give me its layout."
STOCK_READ = Step(
    FILES,
    STOCK_ASK,
    (Call("list_files", {}), open_file("inventory.csv")),
    "Two files: inventory.csv and inventory_2023_backup.csv. inventory.csv has sku, name, "
    "stock, reorder_level for 6 items; SKU-620 is discontinued with reorder level 0.",
)
STOCK_CODE_ASK = (
    "In inventory.csv, find the SKU with the smallest stock / reorder_level among items "
    "whose reorder_level is above 0."
)

STOCK_RUNS = (
    Scenario(
        "inv-healthy",
        HEALTHY,
        STOCK_TASK,
        STOCK,
        (
            STOCK_READ,
            write_code(STOCK_CODE_ASK, STOCK_CODE, "Ratio per active SKU, then the minimum:"),
            run_code(STOCK_CODE, "Run this.", "SKU-412 0.417"),
        ),
        "FINAL ANSWER: SKU-412 (Water filter)",
    ),
    Scenario(
        "inv-healthy-backup-first",
        HEALTHY,
        STOCK_TASK,
        STOCK,
        (
            Step(
                FILES,
                "Open the inventory file attached to the task.",
                (Call("list_files", {}), open_file("inventory_2023_backup.csv")),
                "inventory_2023_backup.csv: sku, name, stock, reorder_level for 6 items; "
                "SKU-214 has 6 in stock against a reorder level of 20.",
                note="That's a backup from 2023; the task names inventory.csv.",
            ),
            Step(
                FILES,
                "The task is about inventory.csv, not the 2023 backup. Please open that one.",
                (open_file("inventory.csv"),),
                "inventory.csv: same columns; SKU-620 (discontinued) has reorder level 0, "
                "the others 4 to 50.",
            ),
            write_code(STOCK_CODE_ASK, STOCK_CODE, "Skipping reorder level 0:"),
            run_code(STOCK_CODE, "Please run.", "SKU-412 0.417"),
        ),
        "FINAL ANSWER: SKU-412",
    ),
    Scenario(
        "inv-backup-file",
        WRONG_SOURCE,
        STOCK_TASK,
        STOCK,
        (
            Step(
                FILES,
                "Open the stock list and tell me the columns and the file name.",
                (Call("list_files", {}), open_file("inventory_2023_backup.csv")),
                "The stock list is inventory_2023_backup.csv with sku, name, stock, "
                "reorder_level (6 items).",
            ),
            write_code(
                "Lowest stock / reorder_level among active items in "
                "inventory_2023_backup.csv - print the SKU.",
                STOCK_BACKUP,
                "Done:",
            ),
            run_code(STOCK_BACKUP, "Execute the Coder's script.", "SKU-214 0.3"),
        ),
        "FINAL ANSWER: SKU-214",
        mistake=(0, REPLY),
        note="the file surfer opened last year's backup instead of inventory.csv",
    ),
    Scenario(
        "inv-zero-division-guess",
        CODE_FAILURE,
        STOCK_TASK,
        STOCK,
        (
            STOCK_READ,
            write_code(
                "Compute stock / reorder_level for each SKU in inventory.csv and print the "
                "lowest (active items only).",
                STOCK_CRASH,
                "A dict of ratios and min():",
            ),
            run_code(STOCK_CRASH, "Run it.", "ZeroDivisionError", note="Ratios computed."),
        ),
        "FINAL ANSWER: SKU-518",
        mistake=(1, REPLY),
        note="the coder's script divided by the discontinued item's zero; the crash was ignored",
    ),
)

SCENARIOS: tuple[Scenario, ...] = (*TRAIN_RUNS, *STOCK_RUNS)
