"""GAIA-style runs, part G: longer chats on earlier questions, where the team double-checks
(re-asks a fact, reruns its own check, argues a figure) before it signs off."""

from __future__ import annotations

from benchmarks.corpus._common import HEALTHY, PING_PONG, WRONG_ACCEPTED, WRONG_INPUT
from benchmarks.corpus._gaia_runs_a import _PEEK, _PLAN, MOON, MUSEUM, _moon_code, _sum_code
from benchmarks.corpus._gaia_runs_c import WORDS, _count_code
from benchmarks.corpus._gaia_runs_d import DENSITY, FARES, _density_code, _fare_code
from benchmarks.corpus._gaia_team import MISTAKE, SYMPTOM, Run, run_code, say


def _museum_rerun() -> Run:
    cs, da, py, rep, ver = (
        "Cultural_Statistics_Expert",
        "Data_Analysis_Expert",
        "Python_Expert",
        "Reporting_Expert",
        "Verification_Expert",
    )
    check = (
        "I'll recompute it my own way before approving.\n\n```python\nimport pandas as pd\n"
        'df = pd.read_csv("visits.csv")\nharbor = df[df.museum.str.startswith("H")]\n'
        'print("check:", harbor[harbor.year == 2022].visitors.sum())\n```'
    )
    steps = (
        say(cs, _PLAN),
        say(da, _PEEK),
        run_code("Harbor Museum"),
        say(
            py,
            _sum_code(
                'df["museum"].str.startswith("H") & (df["year"] == 2022)',
                "Here's the sum; matching on the leading 'H' avoids typos in the name:",
            ),
            mark=MISTAKE,
        ),
        run_code("in thousands: 105"),
        say(rep, "Result for the Harbor Museum in 2022: 104,964 visitors -> 105 thousand."),
        say(ver, check),
        run_code("check: 104964"),
        say(cs, "Two independent runs agree."),
        say(ver, "Both computations give 104,964, so the answer is 105. TERMINATE", mark=SYMPTOM),
    )
    return Run(
        "gaia-museum-prefix-rerun",
        WRONG_ACCEPTED,
        MUSEUM,
        steps,
        note="the verifier's own check repeats the prefix filter",
    )


def _moon_reasked() -> Run:
    ast, web, mar, py, ver = (
        "Astronomy_Expert",
        "Web_Research_Expert",
        "Marathon_Data_Expert",
        "Python_Expert",
        "Verification_Expert",
    )
    steps = (
        say(
            ast,
            "We need the Moon's closest approach (minimum perigee) and Kipchoge's record "
            "pace; then distance / speed, rounded to the nearest 100 hours. Let's start with "
            "the distance.",
        ),
        say(
            web,
            "The Moon's page gives the perigee as 363 300 km.",
            search="moon perigee closest approach",
            mark=MISTAKE,
        ),
        say(ast, "Is that the closest approach, or an average? The question is specific."),
        say(web, "It's the value the page lists under Perigee: 363 300 km."),
        say(mar, "Kipchoge's record: 2:01:09 in Berlin, 2022, over 42.195 km."),
        say(py, _moon_code("363_300", "2:01:09")),
        run_code("rounded to nearest 100: 17400"),
        say(
            ver,
            "Independent check:\n\n```python\n"
            "print(round(363_300 / (42.195 / (7269 / 3600)), -2))\n```",
        ),
        run_code("17400.0"),
        say(ver, "Confirmed twice: 17 400 hours. TERMINATE", mark=SYMPTOM),
    )
    return Run(
        "gaia-moon-perigee-reasked",
        WRONG_INPUT,
        MOON,
        steps,
        note="asked again, the lookup repeats the average perigee",
    )


def _density_argued() -> Run:
    dem, geo, py, st, ver = (
        "Demography_Expert",
        "Geography_Expert",
        "Python_Expert",
        "Statistics_Expert",
        "Verification_Expert",
    )
    steps = (
        say(dem, "Density = 2020 population / area in km2 (1 sq mi = 2.589988 km2)."),
        say(
            geo,
            "Population 48,210 (2020). Area: 351.9 sq mi total, of which 312.4 land.",
            search="Lake County geography",
        ),
        say(st, "The question asks per square kilometre of land area, so 312.4 sq mi."),
        say(
            geo,
            "County densities are normally quoted on the county's area, 351.9 sq mi; that's "
            "the figure to use.",
            mark=MISTAKE,
        ),
        say(st, "The wording says land area, though: 312.4."),
        say(geo, "The county's area is 351.9 sq mi. Use 351.9."),
        say(st, "Land area is 312.4."),
        say(geo, "351.9 is the county's area; that's what the density is based on."),
        say(py, "Going with the geography figure:\n\n" + _density_code("351.9", "2.589988")),
        run_code("density: 52.9"),
        say(
            ver,
            "The geography expert's area is the county's official one; conversion is right. "
            "52.9. TERMINATE",
            mark=SYMPTOM,
        ),
    )
    return Run(
        "gaia-density-area-argued",
        PING_PONG,
        DENSITY,
        steps,
        note="two experts trade the same two figures; the wrong one wins",
    )


def _words_rerun() -> Run:
    li, ta, py, dq, ver = (
        "Linguistics_Expert",
        "Text_Analysis_Expert",
        "Python_Expert",
        "Data_Quality_Expert",
        "Verification_Expert",
    )
    check = (
        "A second method, tokenising instead of a regex:\n\n```python\nimport re\n"
        'words = re.split(r"[^a-z]+", open("speech.txt", encoding="utf-8").read().lower())\n'
        'print("tokens:", sum(w in ("river", "rivers") for w in words))\n```'
    )
    steps = (
        say(li, "Count 'river' and 'rivers' as whole words, any case; Riverside etc. excluded."),
        say(ta, "One paragraph in speech.txt, plain text."),
        say(py, _count_code(r"\brivers?\b")),
        run_code("count: 8"),
        say(dq, "Eight hits, all genuine."),
        say(ver, check),
        run_code("tokens: 8"),
        say(ver, "Both methods give 8. TERMINATE"),
    )
    return Run("gaia-words-two-methods", HEALTHY, WORDS, steps)


def _fares_checked() -> Run:
    tr, web, pr, py, ver = (
        "Travel_Expert",
        "Web_Research_Expert",
        "Pricing_Expert",
        "Python_Expert",
        "Verification_Expert",
    )
    steps = (
        say(tr, "Off-peak, out and back the same day, 2 adults + 1 child. Cheapest combination."),
        say(
            web,
            "Off-peak: adult single 16.80, adult day return 28.60; children half fare.",
            search="Northfield to Port Ellis fares",
        ),
        say(pr, "Two singles cost 33.60 per adult against 28.60 for the day return."),
        say(tr, "Any rounding rule for the child fare?"),
        say(web, "The page just says half the adult fare; 14.30 is exact anyway."),
        say(py, _fare_code("28.60")),
        run_code("total 71.50"),
        say(ver, "Day returns, off-peak, child at half: 71.50. TERMINATE"),
    )
    return Run("gaia-fares-compared", HEALTHY, FARES, steps)


RUNS: tuple[Run, ...] = (
    _museum_rerun(),
    _moon_reasked(),
    _density_argued(),
    _words_rerun(),
    _fares_checked(),
)
