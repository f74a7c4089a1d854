"""Expense claims the hand-written audit pipeline reimburses, and their reference data.

Each case is a trip: the claim id (and a neighbouring one that is easy to pick
by mistake), its lines in a foreign currency, the exchange rate on the trip
date (and on the submission date), and the daily meal cap the policy sets.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Case:
    key: str
    employee: str
    claim: str
    other_claim: str  # a neighbouring claim id, another employee's trip
    currency: str
    lines: tuple[tuple[str, float], ...]  # (category, amount in currency)
    other_lines: tuple[tuple[str, float], ...]
    days: int
    trip_date: str
    submitted: str
    rate: float  # EUR per unit of currency on the trip date
    late_rate: float  # ... on the submission date
    meal_cap: float  # EUR per day


CASES = (
    Case(
        "oslo",
        "Ingrid Sato",
        "C-1042",
        "C-1024",
        "NOK",
        (("hotel", 4800.0), ("meals", 2600.0), ("train", 890.0)),
        (("hotel", 3600.0), ("meals", 1200.0), ("taxi", 640.0)),
        3,
        "2024-02-12",
        "2024-03-04",
        0.0876,
        0.0881,
        60.0,
    ),
    Case(
        "london",
        "Mateo Reyes",
        "C-2210",
        "C-2201",
        "GBP",
        (("hotel", 612.0), ("meals", 214.0), ("tube", 38.5)),
        (("hotel", 540.0), ("meals", 150.0), ("taxi", 72.0)),
        3,
        "2024-04-08",
        "2024-05-02",
        1.1672,
        1.1698,
        70.0,
    ),
    Case(
        "zurich",
        "Hanna Kowalski",
        "C-3307",
        "C-3370",
        "CHF",
        (("hotel", 780.0), ("meals", 236.0), ("parking", 64.0)),
        (("hotel", 690.0), ("meals", 180.0), ("train", 112.0)),
        2,
        "2024-06-17",
        "2024-07-15",
        1.0392,
        1.0461,
        80.0,
    ),
    Case(
        "tokyo",
        "Priya Natarajan",
        "C-4419",
        "C-4491",
        "JPY",
        (("hotel", 96000.0), ("meals", 41000.0), ("metro", 4200.0)),
        (("hotel", 88000.0), ("meals", 22000.0), ("taxi", 9800.0)),
        4,
        "2024-09-02",
        "2024-10-01",
        0.00628,
        0.00615,
        55.0,
    ),
    Case(
        "warsaw",
        "Tom Becker",
        "C-5120",
        "C-5102",
        "PLN",
        (("hotel", 1380.0), ("meals", 780.0), ("taxi", 145.0)),
        (("hotel", 1190.0), ("meals", 420.0), ("train", 230.0)),
        3,
        "2024-03-18",
        "2024-04-10",
        0.2321,
        0.2334,
        50.0,
    ),
    Case(
        "newyork",
        "Aiko Lindqvist",
        "C-6088",
        "C-6808",
        "USD",
        (("hotel", 1149.0), ("meals", 402.0), ("subway", 34.0)),
        (("hotel", 980.0), ("meals", 310.0), ("taxi", 95.0)),
        3,
        "2024-05-20",
        "2024-06-12",
        0.9213,
        0.9304,
        75.0,
    ),
    Case(
        "prague",
        "Luca Ferri",
        "C-7031",
        "C-7013",
        "CZK",
        (("hotel", 7400.0), ("meals", 3900.0), ("tram", 310.0)),
        (("hotel", 6100.0), ("meals", 2600.0), ("taxi", 880.0)),
        3,
        "2024-10-07",
        "2024-11-04",
        0.03968,
        0.03951,
        45.0,
    ),
    Case(
        "copenhagen",
        "Sofia Andersen",
        "C-8154",
        "C-8145",
        "DKK",
        (("hotel", 3950.0), ("meals", 1480.0), ("bike", 160.0)),
        (("hotel", 3300.0), ("meals", 990.0), ("taxi", 410.0)),
        2,
        "2024-08-26",
        "2024-09-23",
        0.1341,
        0.1340,
        70.0,
    ),
)
