"""What the CrewAI crews analyse: a dataset id, its rows, and the calculation on them.

``datasets`` is the store the researcher's lookup tool reads (the right id and
a neighbouring wrong one per topic). Code templates take the rows as
``{values}``; the analyst runs them with a real Python subprocess.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Topic:
    key: str
    task: str
    good_id: str
    bad_id: str
    values: tuple[float, ...]
    bad_values: tuple[float, ...]
    what: str
    unit: str
    code: str
    wrong_code: str
    broken: str
    assume: str  # the researcher's unfounded assumption about the rows
    scale: float  # what the assumption does to the rows


MARKET = (
    Topic(
        "churn",
        "What was the average monthly churn rate (percent) across Q1 2024, from dataset "
        "churn_2024_q1? Two decimals.",
        "churn_2024_q1",
        "churn_2023_q1",
        (2.1, 1.8, 2.4),
        (3.0, 2.7, 3.3),
        "the average monthly churn",
        "%",
        "values = {values}\nprint(round(sum(values) / len(values), 2))",
        "values = {values}\nprint(round(sum(values), 2))",
        "values = {values}\nprint(round(sum(values) / len(value), 2))",
        "These look like churn per thousand customers, so I'm scaling them to percent.",
        0.1,
    ),
    Topic(
        "arpu",
        "By what percent did ARPU grow from January to June 2024 (dataset arpu_2024_h1)? "
        "One decimal.",
        "arpu_2024_h1",
        "arpu_2024_h1_eu",
        (41.0, 42.5, 43.1, 44.0, 44.8, 46.2),
        (38.0, 38.4, 39.0, 39.9, 40.2, 40.6),
        "ARPU growth January to June",
        "%",
        "values = {values}\nprint(round((values[-1] / values[0] - 1) * 100, 1))",
        "values = {values}\nprint(round((values[-1] - values[0]) / values[-1] * 100, 1))",
        "values = {values}\nprint(round((values[-1] / values[1 - 1] - 1) * 100, 1)",
        "The June row seems to include a one-off promotion; I'll treat all rows as 5% lower.",
        0.95,
    ),
    Topic(
        "conversion",
        "What was the trial-to-paid conversion rate in May 2024 (dataset funnel_2024_05: "
        "trials, paid)? Percent, one decimal.",
        "funnel_2024_05",
        "funnel_2024_04",
        (1840.0, 221.0),
        (1610.0, 230.0),
        "the trial-to-paid conversion",
        "%",
        "trials, paid = {values}\nprint(round(paid / trials * 100, 1))",
        "trials, paid = {values}\nprint(round(trials / paid, 1))",
        "trials, paid = {values}\nprint(round(paid / trial * 100, 1))",
        "Trial counts usually double-count restarts; I'd assume a tenth are duplicates.",
        0.9,
    ),
    Topic(
        "revenue",
        "What was total H1 2024 revenue in million EUR (dataset revenue_2024_h1, one row "
        "per quarter)? One decimal.",
        "revenue_2024_h1",
        "revenue_2023_h1",
        (4.2, 4.7),
        (3.9, 4.1),
        "H1 revenue",
        "M EUR",
        "values = {values}\nprint(round(sum(values), 1))",
        "values = {values}\nprint(round(max(values), 1))",
        "import numpy_financial as npf\nprint(round(npf.sum({values}), 1))",
        "These are presumably in USD; converting at 0.92 to get EUR.",
        0.92,
    ),
)

OPS = (
    Topic(
        "latency",
        "What was the p50 of the daily median API latencies (ms) last week, dataset "
        "latency_wk14? Whole ms.",
        "latency_wk14",
        "latency_wk13",
        (182.0, 175.0, 190.0, 201.0, 178.0, 169.0, 185.0),
        (240.0, 236.0, 251.0, 229.0, 244.0, 238.0, 247.0),
        "the median daily latency",
        "ms",
        "import statistics\nprint(round(statistics.median({values})))",
        "import statistics\nprint(round(statistics.mean({values})))",
        "import statistics\nprint(round(statistics.median(values)))",
        "The collector counts each retry as its own request, so I'm halving these.",
        0.5,
    ),
    Topic(
        "uptime",
        "What was the service's uptime in March 2024, in percent with three decimals "
        "(dataset outages_2024_03: outage minutes per incident)?",
        "outages_2024_03",
        "outages_2024_02",
        (12.0, 41.0, 7.0),
        (3.0, 5.0),
        "March uptime",
        "%",
        "minutes = 31 * 24 * 60\ndown = sum({values})\nprint(round((1 - down / minutes) * 100, 3))",
        "minutes = 30 * 24 * 60\ndown = sum({values})\nprint(round((1 - down / minutes) * 100, 3))",
        "minutes = 31 * 24 * 60\nprint(round((1 - down / minutes) * 100, 3))",
        "Incidents are probably logged in hours, not minutes; converting.",
        60.0,
    ),
    Topic(
        "tickets",
        "How many support tickets per agent per day were handled in week 14 (dataset "
        "tickets_wk14: tickets per day; 6 agents)? One decimal.",
        "tickets_wk14",
        "tickets_wk41",
        (212.0, 198.0, 230.0, 205.0, 187.0),
        (150.0, 162.0, 149.0, 171.0, 158.0),
        "tickets per agent per day",
        "tickets",
        "values = {values}\nprint(round(sum(values) / len(values) / 6, 1))",
        "values = {values}\nprint(round(sum(values) / 6, 1))",
        "values = {values}\nprint(round(sum(values) / len(values) / agents, 1))",
        "Weekend overflow is folded into Monday, so I'd count the week as 7 days.",
        5 / 7,
    ),
    Topic(
        "cost",
        "What did cloud compute cost per 1,000 requests in April 2024 (dataset "
        "cloud_2024_04: total EUR, requests in millions)? Four decimals.",
        "cloud_2024_04",
        "cloud_2024_03",
        (18250.0, 96.4),
        (17100.0, 88.2),
        "compute cost per 1,000 requests",
        "EUR",
        "cost, requests_m = {values}\nprint(round(cost / (requests_m * 1000), 4))",
        "cost, requests_m = {values}\nprint(round(cost / requests_m, 4))",
        "cost, requests_m = {values}\nprint(round(cost / (request_m * 1000), 4))",
        "The bill probably excludes reserved instances; adding the usual 20% for those.",
        1.2,
    ),
)


def datasets() -> dict[str, tuple[float, ...]]:
    """Every dataset the lookup tool knows, by id."""
    found: dict[str, tuple[float, ...]] = {}
    for t in (*MARKET, *OPS):
        found[t.good_id] = t.values
        found[t.bad_id] = t.bad_values
    return found
