"""The problems the expert teams solve: one input figure, a calculation, a result.

Each problem names where its input figure lives and a wrong place next to it
(last year's sheet, the neighbouring row), the right and a wrong value, an
assumption that sounds reasonable but changes the figure, and three versions
of the code: right, runs-but-wrong, and failing. Code templates take the
figure as ``{x}``; what they print is found by running them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    key: str
    task: str
    quantity: str  # what the input figure is
    where: str  # where the right figure is
    bad_where: str  # the wrong place that looks right
    x: str
    x_bad: str
    note: str  # a domain remark that changes nothing
    assume: str  # an unfounded assumption; ``{xa}`` is the figure it leads to
    x_assumed: str
    what: str  # what the result is
    unit: str
    code: str
    wrong_code: str
    broken: str


FINANCE = (
    Problem(
        "power-bill",
        "A household used 3,420 kWh in 2023. With the price per kWh from the utility's "
        "tariffs_2023.csv (prices include VAT) and a fixed charge of 9.50 EUR per month, "
        "what did electricity cost for the year? Round to cents.",
        "price per kWh",
        "tariffs_2023.csv",
        "tariffs_2022.csv",
        "0.31",
        "0.27",
        "The tariff sheet quotes gross prices, so VAT is already in there.",
        "Tariff sheets usually list net prices; I'd add 19% VAT on top, which gives {xa}.",
        "0.3689",
        "the yearly electricity cost",
        "EUR",
        "kwh = 3420\nprice = {x}\nfixed = 9.50 * 12\nprint(round(kwh * price + fixed, 2))",
        "kwh = 3420\nprice = {x}\nfixed = 9.50\nprint(round(kwh * price + fixed, 2))",
        "kwh = '3420'\nprice = {x}\nprint(round(kwh * price + 9.50 * 12, 2))",
    ),
    Problem(
        "car-loan",
        "A 12,000 EUR car loan runs 4 years at the annual rate listed in rates_2024.pdf, "
        "simple interest. How much interest is paid in total?",
        "annual interest rate",
        "rates_2024.pdf",
        "rates_2023.pdf",
        "0.049",
        "0.059",
        "Simple interest, so no compounding to worry about.",
        "The 1% processing fee is normally folded into the effective rate, so I'd use {xa}.",
        "0.059",
        "the total interest",
        "EUR",
        "principal = 12000\nrate = {x}\nyears = 4\nprint(round(principal * rate * years, 2))",
        "principal = 12000\nrate = {x}\nprint(round(principal * ((1 + rate) ** 4 - 1), 2))",
        "principal = 12000\nrate = {x}\nprint(round(principal * rate * years, 2)",
    ),
    Problem(
        "rent-split",
        "Four flatmates split the March rent of 1,860 EUR plus the utilities total in "
        "utilities_march.xlsx (internet included). How much does each pay?",
        "utilities total for the month",
        "utilities_march.xlsx",
        "utilities_february.xlsx",
        "212",
        "248",
        "Internet is part of the utilities line item, nothing to add separately.",
        "Internet usually comes as its own bill, so add the 35 EUR plan: {xa}.",
        "247",
        "each flatmate's share",
        "EUR",
        "rent = 1860\nutilities = {x}\nprint(round((rent + utilities) / 4, 2))",
        "rent = 1860\nutilities = {x}\nflatmates = 3\n"
        "print(round((rent + utilities) / flatmates, 2))",
        "rent = 1860\nprint(round((rent + utility) / 4, 2))",
    ),
    Problem(
        "vat-q2",
        "A freelancer's invoices for Q2 2024 total 18,400 EUR net. At the standard rate "
        "in vat_rates_2024.json, how much VAT did they charge?",
        "standard VAT rate",
        "vat_rates_2024.json",
        "vat_rates_2020.json",
        "0.19",
        "0.16",
        "The invoices are net amounts, so the rate applies directly.",
        "Consulting services generally fall under the reduced rate, so {xa}.",
        "0.07",
        "the VAT charged",
        "EUR",
        "net = 18400\nrate = {x}\nprint(round(net * rate, 2))",
        "net = 18400\nrate = {x}\nprint(round(net * rate / (1 + rate), 2))",
        "net = 18_400\nprint(round(net * vat_rate, 2))",
    ),
    Problem(
        "savings",
        "Starting from the closing balance on statement_may.pdf and saving 340 EUR a month, "
        "how many months until the account holds 5,000 EUR?",
        "closing balance",
        "statement_may.pdf",
        "statement_april.pdf",
        "1220",
        "1820",
        "The closing balance is after all May transactions.",
        "The May deposit probably hasn't cleared yet, so take 340 off: {xa}.",
        "880",
        "the number of months",
        "months",
        "import math\nbalance = {x}\nprint(math.ceil((5000 - balance) / 340))",
        "balance = {x}\nprint((5000 - balance) // 340)",
        "import maths\nprint(maths.ceil((5000 - {x}) / 340))",
    ),
)

TRAVEL = (
    Problem(
        "zurich-milan",
        "Leaving Zurich HB at 07:32 and changing in Lugano (14 minutes), then 73 minutes "
        "to Milano Centrale: how many minutes does the trip take, per timetable_2024.txt?",
        "Zurich-Lugano running time in minutes",
        "timetable_2024.txt",
        "timetable_2023.txt",
        "124",
        "118",
        "The 14-minute change is the scheduled connection, it's comfortably doable.",
        "Cross-border connections normally need a 20-minute buffer, so count {xa} for leg one.",
        "130",
        "the total travel time",
        "minutes",
        "first_leg = {x}\nchange = 14\nsecond_leg = 73\nprint(first_leg + change + second_leg)",
        "first_leg = {x}\nsecond_leg = 73\nprint(first_leg + second_leg)",
        "first_leg = {x}\nprint(first_leg + change + 73)",
    ),
    Problem(
        "van-fuel",
        "A 642 km drive in the rental van VAN-2 (consumption in fleet_specs.csv) with diesel "
        "at 1.78 EUR per litre: what does the fuel cost? Round to cents.",
        "consumption in litres per 100 km",
        "fleet_specs.csv, row VAN-2",
        "fleet_specs.csv, row VAN-1",
        "9.4",
        "7.1",
        "Diesel price is per litre as given, no conversion needed.",
        "Loaded vans burn more than the spec sheet says; I'd add 15%, so {xa}.",
        "10.81",
        "the fuel cost",
        "EUR",
        "km = 642\nper_100km = {x}\nprint(round(km * per_100km / 100 * 1.78, 2))",
        "km = 642\nper_100km = {x}\nprint(round(km / per_100km * 1.78, 2))",
        "km = 642\nprint(round(km * consumption / 100 * 1.78, 2))",
    ),
    Problem(
        "courier-legs",
        "A courier rides depot -> Baixa -> Belem -> depot; leg lengths are in "
        "routes_lisbon.geojson. How many km is the round, to one decimal?",
        "Baixa-Belem leg in km",
        "routes_lisbon.geojson",
        "routes_porto.geojson",
        "6.8",
        "8.6",
        "The legs are road distances, which is what a courier rides.",
        "The geojson is straight-line distance; roads add about a third, so {xa}.",
        "9.1",
        "the length of the round",
        "km",
        "legs = [2.4, {x}, 5.1]\nprint(round(sum(legs), 1))",
        "legs = [2.4, {x}, 5.1]\nprint(round(sum(legs[:2]), 1))",
        "legs = [2.4, {x}, 5.1]\nprint(round(sum(leg), 1))",
    ),
    Problem(
        "tokyo-call",
        "A call is set for 16:00 in Tokyo (UTC+9) on 12 March 2024. What hour is it in "
        "New York then? Use the offset in tz_rules_2024.txt.",
        "New York UTC offset on 12 March 2024",
        "tz_rules_2024.txt",
        "tz_rules_winter.txt",
        "-4",
        "-5",
        "Tokyo has no daylight saving time, so UTC+9 holds year-round.",
        "New York is on standard time until spring, so I'd go with {xa}.",
        "-5",
        "the hour in New York",
        "h",
        "tokyo = 16\nny_offset = {x}\nprint((tokyo - 9 + ny_offset) % 24)",
        "tokyo = 16\nny_offset = {x}\nprint((tokyo + 9 + ny_offset) % 24)",
        "tokyo = 16\nprint((tokyo - 9 + offset) % 24)",
    ),
    Problem(
        "bag-fees",
        "Three checked bags weigh 26, 21 and 29 kg. The fee per kg above 23 kg is in "
        "fees_2024.html. What is the total excess fee?",
        "fee per kg above 23 kg",
        "fees_2024.html",
        "fees_2022.html",
        "12",
        "15",
        "The fee applies per bag, not to the combined weight.",
        "Fees like this usually apply to the combined excess with a minimum of {xa} per kg.",
        "15",
        "the total excess fee",
        "EUR",
        "bags = [26, 21, 29]\nfee = {x}\nprint(sum(max(0, w - 23) for w in bags) * fee)",
        "bags = [26, 21, 29]\nfee = {x}\nprint(sum(w - 23 for w in bags) * fee)",
        "bags = [26, 21, 29]\nfee = {x}\nprint(sum(max(0, w - 23) for w in bag) * fee)",
    ),
)

SCIENCE = (
    Problem(
        "dilution",
        "How many mL of stock solution (bottle S-14; molarity in stock_labels.csv) are needed "
        "to make 500 mL of 0.15 M solution?",
        "stock molarity (M)",
        "stock_labels.csv, bottle S-14",
        "stock_labels.csv, bottle S-41",
        "2.5",
        "1.5",
        "C1V1 = C2V2 holds here, the solute is the same on both sides.",
        "Stock on the shelf loses strength; I'd take it as 60% of the label, {xa} M.",
        "1.5",
        "the stock volume",
        "mL",
        "c1 = {x}\nc2, v2 = 0.15, 500\nprint(round(c2 * v2 / c1, 2))",
        "c1 = {x}\nc2, v2 = 0.15, 500\nprint(round(c1 * v2 / c2, 2))",
        "c1 = {x}\nprint(round(c2 * v2 / c1, 2))",
    ),
    Problem(
        "iodine",
        "A 40 mg sample of I-131 decays for 30 days. With the half-life from isotopes.json, "
        "how many mg remain? Three decimals.",
        "I-131 half-life in days",
        "isotopes.json, entry I-131",
        "isotopes.json, entry I-133",
        "8.02",
        "0.87",
        "Decay is first order, so the half-life formula applies directly.",
        "Hospital samples are usually a mix; an effective half-life of {xa} days is typical.",
        "6.0",
        "the remaining mass",
        "mg",
        "half_life = {x}\nprint(round(40 * 0.5 ** (30 / half_life), 3))",
        "half_life = {x}\nprint(round(40 * 0.5 * (30 / half_life), 3))",
        "print(round(40 * 0.5 ** (30 / half_life), 3))",
    ),
    Problem(
        "readings",
        "What is the sample standard deviation of the five readings in lab_run_7.csv "
        "(9.8, 10.1, third value, 9.9, 10.3)? Four decimals.",
        "third reading",
        "lab_run_7.csv",
        "lab_run_1.csv",
        "10.4",
        "14.0",
        "Five readings, so n - 1 = 4 in the denominator.",
        "The third reading looks like a transcription slip; treating it as {xa} seems safer.",
        "10.0",
        "the sample standard deviation",
        "",
        "import statistics\nprint(round(statistics.stdev([9.8, 10.1, {x}, 9.9, 10.3]), 4))",
        "import statistics\nprint(round(statistics.pstdev([9.8, 10.1, {x}, 9.9, 10.3]), 4))",
        "import statistics as st\nprint(round(st.stdev(readings), 4))",
    ),
    Problem(
        "boiling",
        "Convert the boiling point of ethanol reported in smith2019.pdf (table 2) to "
        "Fahrenheit, two decimals.",
        "boiling point of ethanol in Celsius",
        "smith2019.pdf, table 2, ethanol row",
        "smith2019.pdf, table 2, methanol row",
        "78.37",
        "64.7",
        "Standard pressure is assumed in the table, same as the task.",
        "The table is probably at reduced pressure; at sea level it'd be about {xa} C.",
        "80.1",
        "the boiling point",
        "F",
        "celsius = {x}\nprint(round(celsius * 9 / 5 + 32, 2))",
        "celsius = {x}\nprint(round((celsius - 32) * 5 / 9, 2))",
        "print(round(celsius * 9 / 5 + 32, 2))",
    ),
    Problem(
        "doubling",
        "A culture grows from 1.2e5 cells to the day-3 count in plate_counts.csv over 3 days. "
        "What is its doubling time in days? Three decimals.",
        "day-3 cell count",
        "plate_counts.csv, day 3",
        "plate_counts.csv, day 2",
        "9.6e5",
        "4.8e5",
        "Growth looks exponential over the window, so one rate fits.",
        "Plate counts undercount clumped cells; scaling up by a fifth gives {xa}.",
        "1.152e6",
        "the doubling time",
        "days",
        "import math\nstart, final = 1.2e5, {x}\n"
        "print(round(3 * math.log(2) / math.log(final / start), 3))",
        "start, final = 1.2e5, {x}\nprint(round(3 / (final / start) * 2, 3))",
        "import math\nstart = 1.2e5\nprint(round(3 * math.log(2) / math.log(final / start), 3))",
    ),
)
