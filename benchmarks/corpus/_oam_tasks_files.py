"""File tasks of ``openai_agents_magentic``: an attached csv or json, read, then computed."""

from __future__ import annotations

import json

from benchmarks.corpus._common import (
    CODE_FAILURE,
    HEALTHY,
    LOST_CONSTRAINT,
    MISREPORTED,
    TOOL_FAILURE,
    WRONG_ACCEPTED,
)
from benchmarks.corpus._oam_script import (
    ASK,
    FINAL,
    LIST,
    REPLY,
    Scenario,
    open_file,
    run_code,
    write_code,
)
from benchmarks.corpus._oam_team import FILES, Step, World

# --- orders: a region's Q3 revenue ---------------------------------------------------

ORDERS_TASK = (
    "The attached orders.csv lists our 2023 orders. What was the total revenue (quantity x "
    "unit price) of the North region in Q3 2023? Answer in dollars with cents."
)
ORDERS = World(
    files={
        "orders.csv": """order_id,order_date,region,product,quantity,unit_price
A-1001,2023-01-17,North,Trail boots,3,89.90
A-1002,2023-02-03,South,Rain shell,5,129.00
A-1003,2023-03-22,North,Wool socks,12,14.50
A-1004,2023-04-09,East,Trail boots,2,89.90
A-1005,2023-05-30,North,Headlamp,6,34.95
A-1006,2023-06-14,North,Rain shell,4,129.00
A-1007,2023-06-28,South,Wool socks,20,14.50
A-1008,2023-07-03,North,Trail boots,5,89.90
A-1009,2023-07-19,East,Headlamp,8,34.95
A-1010,2023-08-02,North,Wool socks,15,14.50
A-1011,2023-08-21,South,Trail boots,3,89.90
A-1012,2023-08-30,North,Headlamp,7,34.95
A-1013,2023-09-12,North,Rain shell,2,129.00
A-1014,2023-09-29,East,Rain shell,6,129.00
A-1015,2023-10-04,North,Trail boots,4,89.90
A-1016,2023-11-15,South,Headlamp,9,34.95
A-1017,2023-12-01,North,Wool socks,10,14.50
"""
    }
)


def _orders_code(months: str, price: str = "unit_price") -> str:
    return f"""
import csv

total = 0.0
with open("orders.csv", newline="") as fh:
    for row in csv.DictReader(fh):
        month = int(row["order_date"][5:7])
        if row["region"] == "North" and month in {months}:
            total += int(row["quantity"]) * float(row["{price}"])
print(f"{{total:.2f}}")
"""


ORDERS_CODE = _orders_code("(7, 8, 9)")
ORDERS_SUMMER = _orders_code("(6, 7, 8)")
ORDERS_CRASH = _orders_code("(7, 8, 9)", price="price")
ORDERS_READ = Step(
    FILES,
    "Open orders.csv and tell me its columns and how dates are written.",
    (LIST, open_file("orders.csv")),
    "orders.csv has 17 rows with columns order_id, order_date (YYYY-MM-DD), region "
    "(North/South/East), product, quantity, unit_price.",
)

ORDERS_RUNS = (
    Scenario(
        "ord-healthy-crash-fixed",
        HEALTHY,
        ORDERS_TASK,
        ORDERS,
        (
            ORDERS_READ,
            write_code(
                "Sum quantity*unit_price over North rows dated July-September 2023.",
                ORDERS_CRASH,
                "This filters by region and month:",
            ),
            run_code(ORDERS_CRASH, "Run the script.", "KeyError: 'price'", note="KeyError."),
            write_code(
                "KeyError 'price' - the column is called unit_price. Please fix.",
                ORDERS_CODE,
                "Right, fixed the column name:",
            ),
            run_code(ORDERS_CODE, "Run the corrected script.", "1169.65"),
        ),
        "FINAL ANSWER: $1,169.65",
    ),
    Scenario(
        "ord-summer-months",
        WRONG_ACCEPTED,
        ORDERS_TASK,
        ORDERS,
        (
            ORDERS_READ,
            write_code(
                "Write a script: total revenue for region North in Q3 2023 from orders.csv.",
                ORDERS_SUMMER,
                "Q3 filter on the month number:",
            ),
            run_code(ORDERS_SUMMER, "Terminal, run the Coder's script.", "1427.65"),
        ),
        "FINAL ANSWER: $1,427.65",
        mistake=(1, REPLY),
        note="the coder's Q3 is June-August",
    ),
    Scenario(
        "ord-crash-then-estimate",
        CODE_FAILURE,
        ORDERS_TASK,
        ORDERS,
        (
            ORDERS_READ,
            write_code(
                "North region, Q3 2023 (Jul-Sep): total of quantity times unit price.",
                ORDERS_CRASH,
                "Here's a short csv script:",
            ),
            run_code(ORDERS_CRASH, "Execute:", "KeyError", note="Script done."),
        ),
        "FINAL ANSWER: $1,212.40",
        mistake=(1, REPLY),
        note="the script crashed on a wrong column name; the orchestrator answered anyway",
    ),
)

# --- sensor log: a day's mean, faulty readings out -----------------------------------

SENSOR_TASK = (
    "Using sensor_log.csv, what was the mean temperature recorded by sensor B7 on "
    "12 March 2024, ignoring readings flagged as faulty? Two decimals, in °C."
)
SENSORS = World(
    files={
        "sensor_log.csv": """timestamp,sensor_id,temp_c,status
2024-03-11T22:00,B7,18.9,ok
2024-03-12T00:00,B7,18.4,ok
2024-03-12T00:00,C2,17.1,ok
2024-03-12T04:00,B7,17.9,ok
2024-03-12T08:00,B7,19.6,ok
2024-03-12T08:00,C2,18.8,ok
2024-03-12T12:00,B7,41.7,fault
2024-03-12T16:00,B7,21.3,ok
2024-03-12T16:00,C2,20.2,ok
2024-03-12T20:00,B7,20.1,ok
2024-03-13T00:00,B7,18.2,ok
"""
    }
)


def _sensor_code(keep: str) -> str:
    return f"""
import csv

temps = []
with open("sensor_log.csv", newline="") as fh:
    for row in csv.DictReader(fh):
        if row["sensor_id"] == "B7" and row["timestamp"].startswith("2024-03-12"){keep}:
            temps.append(float(row["temp_c"]))
print(f"{{sum(temps) / len(temps):.2f}}")
"""


SENSOR_CODE = _sensor_code(' and row["status"] == "ok"')
SENSOR_ALL = _sensor_code("")
SENSOR_READ = Step(
    FILES,
    "What's in sensor_log.csv? Columns and a sample, please.",
    (open_file("sensor_log.csv"),),
    "Columns: timestamp (ISO, 4-hourly), sensor_id (B7, C2), temp_c, status ('ok' or "
    "'fault'). B7 has one 'fault' reading on 12 March, at 12:00 (41.7).",
)

SENSOR_RUNS = (
    Scenario(
        "sen-healthy",
        HEALTHY,
        SENSOR_TASK,
        SENSORS,
        (
            SENSOR_READ,
            write_code(
                "Mean temp_c of B7 on 2024-03-12 with status 'ok' only, two decimals.",
                SENSOR_CODE,
                "Filtering sensor, day and status:",
            ),
            run_code(SENSOR_CODE, "Run this.", "19.46"),
        ),
        "FINAL ANSWER: 19.46 °C",
    ),
    Scenario(
        "sen-fault-kept",
        LOST_CONSTRAINT,
        SENSOR_TASK,
        SENSORS,
        (
            SENSOR_READ,
            write_code(
                "Write code for the mean temperature of sensor B7 on 12 March 2024 "
                "(two decimals) from sensor_log.csv.",
                SENSOR_ALL,
                "Mean of that sensor's readings on the day:",
            ),
            run_code(SENSOR_ALL, "Please run it.", "23.17"),
        ),
        "FINAL ANSWER: 23.17 °C",
        mistake=(1, ASK),
        note="the orchestrator's brief to the coder dropped 'ignoring faulty readings'",
    ),
    Scenario(
        "sen-digits-swapped",
        MISREPORTED,
        SENSOR_TASK,
        SENSORS,
        (
            SENSOR_READ,
            write_code(
                "Compute B7's mean on 12 March 2024 excluding status 'fault', 2 dp.",
                SENSOR_CODE,
                "Here:",
            ),
            run_code(SENSOR_CODE, "Terminal: execute.", "19.46"),
        ),
        "FINAL ANSWER: 19.64 °C",
        mistake=FINAL,
        note="the terminal printed 19.46; the final answer says 19.64",
    ),
)

# --- library catalogue: copies of an author's early books ----------------------------

LIBRARY_BOOKS = [
    {"id": "B-01", "title": "Havets stemme", "author": "Astrid Berg", "year": 1938, "copies": 3},
    {
        "id": "B-02",
        "title": "Nordlys over Vardø",
        "author": "Astrid Berg",
        "year": 1947,
        "copies": 2,
    },
    {"id": "B-03", "title": "Vinterhavn", "author": "Astrid Berg", "year": 1950, "copies": 4},
    {
        "id": "B-04",
        "title": "Sommeren på Utsira",
        "author": "Astrid Berg",
        "year": 1961,
        "copies": 1,
    },
    {"id": "B-05", "title": "Fyrvokteren", "author": "Nils Aune", "year": 1942, "copies": 5},
    {"id": "B-06", "title": "Kystlinjer", "author": "Astrid Bergh", "year": 1935, "copies": 2},
    {"id": "B-07", "title": "Stille vann", "author": "Astrid Berg", "year": 1929, "copies": 1},
]
LIBRARY_TASK = (
    "According to the attached catalogue, how many copies does the library hold of books "
    "by Astrid Berg published before 1950?"
)
LIBRARY = World(
    files={
        "catalog_2024.json": json.dumps(
            {"library": "Tromsø folkebibliotek", "updated": "2024-02-01", "books": LIBRARY_BOOKS},
            indent=1,
            ensure_ascii=False,
        )
    }
)


def _library_code(test: str) -> str:
    return f"""
import json

with open("catalog_2024.json", encoding="utf-8") as fh:
    books = json.load(fh)["books"]
print(sum(b["copies"] for b in books if b["author"] == "Astrid Berg" and {test}))
"""


LIBRARY_CODE = _library_code('b["year"] < 1950')
LIBRARY_UPTO = _library_code('b["year"] <= 1950')

LIBRARY_RUNS = (
    Scenario(
        "lib-healthy-wrong-name-first",
        HEALTHY,
        LIBRARY_TASK,
        LIBRARY,
        (
            Step(
                FILES,
                "Open the library catalogue file and describe its structure.",
                (open_file("catalog.json"), LIST, open_file("catalog_2024.json")),
                "catalog.json doesn't exist; the attachment is catalog_2024.json: a 'books' "
                "list, each with id, title, author, year, copies. Seven books, five by Astrid "
                "Berg (one by an 'Astrid Bergh', a different author).",
            ),
            write_code(
                "Sum 'copies' for author exactly 'Astrid Berg' and year < 1950 in "
                "catalog_2024.json.",
                LIBRARY_CODE,
                "Exact author match and strict year bound:",
            ),
            run_code(LIBRARY_CODE, "Run it please.", "6"),
        ),
        "FINAL ANSWER: 6",
    ),
    Scenario(
        "lib-upto-1950",
        WRONG_ACCEPTED,
        LIBRARY_TASK,
        LIBRARY,
        (
            Step(
                FILES,
                "Read the attached catalogue and tell me how it's laid out.",
                (LIST, open_file("catalog_2024.json")),
                "catalog_2024.json: {library, updated, books: [...]}, each book has id, "
                "title, author, year and copies.",
            ),
            write_code(
                "Count copies of Astrid Berg's books published before 1950 in catalog_2024.json.",
                LIBRARY_UPTO,
                "Filter on author and year:",
            ),
            run_code(LIBRARY_UPTO, "Run the Coder's code.", "10"),
        ),
        "FINAL ANSWER: 10 copies",
        mistake=(1, REPLY),
        note="the coder's year test is <= 1950, so a 1950 book counts",
    ),
    Scenario(
        "lib-missing-file-guess",
        TOOL_FAILURE,
        LIBRARY_TASK,
        LIBRARY,
        (
            Step(
                FILES,
                "How many copies of Astrid Berg's pre-1950 books are in the catalogue?",
                (open_file("catalog.json"),),
                "The catalogue lists 7 copies of Astrid Berg's books from before 1950.",
            ),
            Step(
                FILES,
                "Is that counting all editions?",
                (),
                "Yes, all editions are included in that count.",
            ),
        ),
        "FINAL ANSWER: 7",
        mistake=(0, REPLY),
        note="open_file failed (no catalog.json); the surfer answered with a count anyway",
    ),
)

SCENARIOS: tuple[Scenario, ...] = (*ORDERS_RUNS, *SENSOR_RUNS, *LIBRARY_RUNS)
