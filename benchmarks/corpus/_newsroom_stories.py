"""The newsroom desk's stories: a city's open-data tables and the questions asked of them.

Each story compares one published figure across two periods. A ``decoy`` is the
row a hurried clerk could pull instead: another table (the budget instead of
the actuals) or another period; ``side`` says which of the two figures it
replaces.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Decoy:
    side: str  # "a" (the baseline) or "b" (the latest period)
    dataset: str
    period: str
    value: int
    what: str  # what the row really is


@dataclass(frozen=True)
class Story:
    key: str
    task: str
    what: str  # the figure, as a reporter says it
    dataset: str
    unit: str
    a: tuple[str, int]  # baseline period and value
    b: tuple[str, int]  # latest period and value
    decoy: Decoy
    hed: str
    names: tuple[str, str]  # the data reporter's variable names

    def fmt(self, value: float) -> str:
        if self.unit == "dollars":
            return f"${value:,.0f}"
        return f"{value:,.0f}"

    @property
    def va(self) -> str:
        return self.fmt(self.a[1])

    @property
    def vb(self) -> str:
        return self.fmt(self.b[1])

    def row(self, value: int, note: str = "") -> dict[str, Any]:
        out: dict[str, Any] = {"value": value, "unit": self.unit}
        if note:
            out["note"] = note
        return out


def pct(old: float, new: float) -> str:
    """What the data reporter's cell prints for a percent change (one decimal, signed)."""
    return f"{(new - old) / old * 100:+.1f}"


def moved(change: str) -> str:
    return "rose" if not change.startswith("-") else "fell"


STORIES = {
    s.key: s
    for s in (
        Story(
            "overtime",
            "How much did the police department's overtime spending change from FY2023 "
            "to FY2024? Two-sentence web brief.",
            "police overtime spending",
            "pd-overtime-actuals",
            "dollars",
            ("FY2023", 41_870_112),
            ("FY2024", 47_905_380),
            Decoy("b", "pd-overtime-budget", "FY2024", 39_500_000, "the adopted budget"),
            "Police overtime climbs again",
            ("ot_fy23", "ot_fy24"),
        ),
        Story(
            "potholes",
            "Did pothole complaints to 311 go up in 2024 compared with 2023? Give the percent "
            "change for a short item.",
            "pothole repair requests",
            "311-potholes",
            "requests",
            ("2023", 18_442),
            ("2024", 22_967),
            Decoy("a", "311-potholes", "2022", 16_981, "the 2022 count"),
            "Pothole calls jump",
            ("req_2023", "req_2024"),
        ),
        Story(
            "library",
            "Library branch visits, FY2024 against FY2023: what's the percent change? "
            "Brief for the community page.",
            "library branch visits",
            "lib-door-counts",
            "visits",
            ("FY2023", 1_212_430),
            ("FY2024", 1_305_118),
            Decoy("b", "lib-circulation", "FY2024", 2_140_776, "items checked out, not visits"),
            "More people walking into branches",
            ("visits_prev", "visits_now"),
        ),
        Story(
            "evictions",
            "Eviction filings in the first quarter of 2024 versus the first quarter of 2023 "
            "(same quarter, year over year). Percent change, two sentences.",
            "eviction filings",
            "court-evictions",
            "filings",
            ("2023-Q1", 1_184),
            ("2024-Q1", 1_461),
            Decoy("a", "court-evictions", "2023-Q4", 1_302, "the previous quarter"),
            "Eviction filings up sharply",
            ("q1_23", "q1_24"),
        ),
        Story(
            "mains",
            "Water main breaks: how did 2024 compare with 2023? Percent change for the "
            "utilities roundup.",
            "water main breaks",
            "util-main-breaks",
            "breaks",
            ("2023", 311),
            ("2024", 268),
            Decoy("b", "util-service-line-leaks", "2024", 1_094, "service-line leaks"),
            "Fewer water mains burst",
            ("breaks_23", "breaks_24"),
        ),
        Story(
            "bus",
            "Average weekday bus boardings in September 2024 versus September 2023, "
            "percent change. Short transit brief.",
            "average weekday bus boardings",
            "transit-weekday-boardings",
            "boardings",
            ("Sep-2023", 84_310),
            ("Sep-2024", 91_775),
            Decoy("b", "transit-weekday-boardings", "Aug-2024", 76_420, "the August figure"),
            "Buses busier this fall",
            ("sep23", "sep24"),
        ),
        Story(
            "kinder",
            "Kindergarten enrollment in the city's public schools, 2024-25 vs 2023-24. "
            "Percent change, brief for the schools page.",
            "kindergarten enrollment",
            "schools-k-enrollment",
            "students",
            ("2023-24", 3_915),
            ("2024-25", 3_602),
            Decoy("b", "schools-prek-enrollment", "2024-25", 2_288, "pre-K, not kindergarten"),
            "Kindergarten classes shrink",
            ("k_last", "k_this"),
        ),
        Story(
            "restaurants",
            "How many restaurant inspections turned up a critical violation in 2024 compared "
            "with 2023? Percent change, two sentences.",
            "inspections with a critical violation",
            "health-critical-violations",
            "inspections",
            ("2023", 2_736),
            ("2024", 3_018),
            Decoy("b", "health-inspections-total", "2024", 9_874, "all inspections"),
            "More kitchens flunk key checks",
            ("crit_23", "crit_24"),
        ),
        Story(
            "ems",
            "Median ambulance response time, 2024 vs 2023, in seconds: percent change for "
            "the public-safety brief.",
            "the median ambulance response time",
            "ems-median-response",
            "seconds",
            ("2023", 498),
            ("2024", 541),
            Decoy("b", "fire-median-response", "2024", 372, "fire engines, not ambulances"),
            "Ambulances taking longer",
            ("med_2023", "med_2024"),
        ),
        Story(
            "parking",
            "Parking ticket revenue, FY2024 compared with FY2023: percent change for the "
            "budget brief.",
            "parking citation revenue",
            "parking-citation-revenue",
            "dollars",
            ("FY2023", 11_402_650),
            ("FY2024", 10_288_940),
            Decoy("b", "parking-meter-revenue", "FY2024", 7_915_300, "meter revenue"),
            "Parking ticket take slips",
            ("tix_fy23", "tix_fy24"),
        ),
        Story(
            "trees",
            "Street trees planted by the forestry division, 2024 vs 2023: percent change.",
            "street trees planted",
            "forestry-plantings",
            "trees",
            ("2023", 2_904),
            ("2024", 3_611),
            Decoy("b", "forestry-removals", "2024", 1_877, "trees removed"),
            "City steps up tree planting",
            ("planted_23", "planted_24"),
        ),
        Story(
            "permits",
            "New housing units permitted in 2024 compared with 2023, percent change. "
            "Housing desk brief.",
            "new housing units permitted",
            "bldg-units-permitted",
            "units",
            ("2023", 1_506),
            ("2024", 1_122),
            Decoy("b", "bldg-units-completed", "2024", 1_389, "units completed"),
            "Housing permits drop",
            ("units_23", "units_24"),
        ),
        Story(
            "shelter",
            "Nights of emergency shelter provided, FY2024 vs FY2023: percent change for a "
            "short item.",
            "emergency shelter bed-nights",
            "hs-shelter-bed-nights",
            "bed-nights",
            ("FY2023", 402_118),
            ("FY2024", 455_730),
            Decoy("a", "hs-shelter-bed-nights", "FY2022", 371_040, "FY2022"),
            "Shelter demand keeps rising",
            ("nights_fy23", "nights_fy24"),
        ),
        Story(
            "noise",
            "Noise complaints to 311 in 2024 versus 2023: percent change for the "
            "neighborhoods page.",
            "noise complaints to 311",
            "311-noise",
            "complaints",
            ("2023", 27_455),
            ("2024", 25_019),
            Decoy("a", "311-noise", "2021", 31_800, "the 2021 count"),
            "Quieter year on the 311 line",
            ("noise_23", "noise_24"),
        ),
    )
}


def portal(story: Story, extra: dict[tuple[str, str], dict[str, Any]] | None = None) -> dict:
    """The portal rows a run can pull: both real figures, the decoy, and ``extra``."""
    d = story.decoy
    rows: dict[tuple[str, str], dict[str, Any]] = {
        (story.dataset, story.a[0]): story.row(story.a[1]),
        (story.dataset, story.b[0]): story.row(story.b[1]),
        (d.dataset, d.period): story.row(d.value),
    }
    rows.update(extra or {})
    return rows
