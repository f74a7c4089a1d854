"""GAIA-style runs, part B: a library's dates, flour in cups, the penguin file (round robin)."""

from __future__ import annotations

from benchmarks.corpus._common import (
    BAD_ASSUMPTION,
    BAD_SPLIT,
    CODE_FAILURE,
    HEALTHY,
    MADE_UP,
    REPETITION,
    WRONG_ACCEPTED,
    WRONG_INPUT,
)
from benchmarks.corpus._gaia_team import MISTAKE, SYMPTOM, Run, Task, run_code, say

LIBRARY = Task(
    key="library",
    question=(
        "How many days passed between the opening of the Millbrook Public Library's main "
        "building and the opening of its second branch to the public? Use the dates on the "
        "library's history page."
    ),
    experts={
        "Local_History_Expert": "You are an expert in local and institutional history.",
        "Web_Research_Expert": "You are a web research expert with a web_search tool.",
        "Date_Calculation_Expert": "You are an expert in calendar and date arithmetic.",
        "Python_Expert": "You are a Python expert.",
        "Verification_Expert": "You are a verification expert.",
    },
    verifiers=("Verification_Expert",),
    pages={
        "millbrook": (
            "Millbrook Public Library - History\n"
            "The library was founded on 14 March 1911, the day its main building on Elm "
            "Street opened its doors. Circulation grew quickly, and in May 1925 the town "
            "council approved funds for a second branch. Construction ran over a wet winter; "
            "the Riverside Branch opened to the public on 2 September 1926. A third branch, "
            "on Quarry Road, followed in 1958."
        )
    },
)

_LIB_PLAN = """Steps:
1. Find the opening date of the main building and the date the second branch opened to the
   public (the question says "opening ... to the public", so not approval or groundbreaking).
2. Compute the number of days between them with Python.
Web_Research_Expert, please search for the library's history page."""

_LIB_RIGHT = (
    "The history page says: main building opened 14 March 1911 (the founding day); the "
    "Riverside Branch, the second branch, opened to the public on 2 September 1926."
)


def _days_code(start: str, end: str, inclusive: bool = False) -> str:
    plus = " + 1  # count both the first and the last day" if inclusive else ""
    return f"""```python
from datetime import date
start = date({start})
end = date({end})
days = (end - start).days{plus}
print("days between:", days)
```"""


def _library_runs() -> list[Run]:
    lh, web, dc, py, ver = (
        "Local_History_Expert",
        "Web_Research_Expert",
        "Date_Calculation_Expert",
        "Python_Expert",
        "Verification_Expert",
    )
    right = _days_code("1911, 3, 14", "1926, 9, 2")
    return [
        Run(
            "gaia-library-ok",
            HEALTHY,
            LIBRARY,
            (
                say(lh, _LIB_PLAN),
                say(web, _LIB_RIGHT, search="Millbrook public library history"),
                say(dc, "Both are exact dates, so a plain date difference is what we want."),
                say(py, right),
                run_code("days between: 5651"),
                say(ver, "Dates match the page, difference 5651 days. TERMINATE"),
            ),
        ),
        Run(
            "gaia-library-approval-date",
            WRONG_INPUT,
            LIBRARY,
            (
                say(lh, _LIB_PLAN),
                say(
                    web,
                    "Found it. Main building: 14 March 1911. Second branch: May 1925 - no day "
                    "given, so take 1 May 1925.",
                    search="Millbrook public library history",
                    mark=MISTAKE,
                ),
                say(dc, "Fine with the first-of-month convention when the day is missing."),
                say(py, _days_code("1911, 3, 14", "1925, 5, 1")),
                run_code("days between: 5162"),
                say(lh, "About fourteen years, which fits a 1920s branch expansion."),
                say(
                    ver,
                    "date(1925,5,1) - date(1911,3,14) = 5162 days. Confirmed. TERMINATE",
                    mark=SYMPTOM,
                ),
            ),
            note="the council's approval month read as the branch's opening",
        ),
        Run(
            "gaia-library-inclusive",
            WRONG_ACCEPTED,
            LIBRARY,
            (
                say(lh, _LIB_PLAN),
                say(web, _LIB_RIGHT, search="Millbrook public library history"),
                say(dc, "Straightforward: days from 1911-03-14 to 1926-09-02."),
                say(py, _days_code("1911, 3, 14", "1926, 9, 2", inclusive=True), mark=MISTAKE),
                run_code("days between: 5652"),
                say(
                    ver,
                    "Dates are the ones on the page and the code runs. 5652 days. TERMINATE",
                    mark=SYMPTOM,
                ),
            ),
            note="both ends counted: one day too many",
        ),
        Run(
            "gaia-library-search-miss",
            MADE_UP,
            LIBRARY,
            (
                say(lh, _LIB_PLAN),
                say(
                    web,
                    "Per the library's records the main building opened on 14 March 1911 and "
                    "the Riverside Branch opened on 15 June 1926.",
                    search="Millbrok library branch opening dates",
                    mark=MISTAKE,
                ),
                say(dc, "Good, two full dates. A direct difference will do."),
                say(py, _days_code("1911, 3, 14", "1926, 6, 15")),
                run_code("days between: 5572"),
                say(
                    ver,
                    "Code output 5572 days for 1911-03-14 -> 1926-06-15. Correct. TERMINATE",
                    mark=SYMPTOM,
                ),
            ),
            note="the search found nothing; a branch date stated anyway",
        ),
    ]


RECIPES = Task(
    key="recipes",
    question=(
        "The attached recipes.csv lists the ingredients, in grams, of three bakes. How many US "
        "cups of all-purpose flour do the three recipes need in total? Use the conversion "
        "given on a baking reference page; answer to one decimal place."
    ),
    experts={
        "Baking_Expert": "You are a professional baker and recipe developer.",
        "Unit_Conversion_Expert": "You are an expert in units and kitchen measures.",
        "Data_Analysis_Expert": "You are a data analysis expert.",
        "Python_Expert": "You are a Python expert.",
        "Verification_Expert": "You are a meticulous verification expert.",
    },
    verifiers=("Verification_Expert",),
    pages={
        "flour": (
            "Baking conversions: flour\n"
            "All-purpose flour: 1 US cup = 125 g (spooned and leveled)\n"
            "Bread flour: 1 US cup = 130 g\nAlmond flour: 1 US cup = 96 g\n"
            "For comparison, 1 US cup of water weighs 236.6 g."
        )
    },
    files={
        "recipes.csv": "recipe,item,grams\n"
        "sourdough loaf,bread flour,500\nsourdough loaf,all-purpose flour,100\n"
        "sourdough loaf,water,375\nsourdough loaf,salt,10\n"
        "lemon cake,all-purpose flour,250\nlemon cake,sugar,200\nlemon cake,butter,170\n"
        "lemon cake,almond flour,60\noat cookies,all-purpose flour,180\n"
        "oat cookies,rolled oats,150\noat cookies,brown sugar,120\n"
    },
)

_RECIPE_PLAN = """Let's break it down:
- Sum the grams of all-purpose flour over the three recipes in recipes.csv (only that
  flour; bread and almond flour are different ingredients).
- Convert grams to US cups with the reference page's figure for all-purpose flour.
- Round to one decimal."""


def _flour_code(match: str, per_cup: str, column: str = "item") -> str:
    return f"""```python
import pandas as pd
df = pd.read_csv("recipes.csv")
grams = df[{match.format(col=column)}]["grams"].sum()
print("flour grams:", grams)
print("cups:", round(grams / {per_cup}, 1))
```"""


_EXACT = 'df["{col}"] == "all-purpose flour"'


def _recipe_runs() -> list[Run]:
    bk, uc, da, py, ver = (
        "Baking_Expert",
        "Unit_Conversion_Expert",
        "Data_Analysis_Expert",
        "Python_Expert",
        "Verification_Expert",
    )
    factor = say(
        uc,
        "The reference page gives 1 US cup of all-purpose flour = 125 g.",
        search="flour cup grams conversion",
    )
    items = say(
        da,
        "The file has columns recipe, item, grams; all-purpose flour appears in "
        "all three recipes, next to bread flour and almond flour in two of them.",
    )
    return [
        Run(
            "gaia-recipes-ok",
            HEALTHY,
            RECIPES,
            (
                say(bk, _RECIPE_PLAN),
                factor,
                items,
                say(py, _flour_code(_EXACT, "125")),
                run_code("cups: 4.2"),
                say(
                    ver, "530 g of all-purpose flour / 125 g per cup = 4.24 -> 4.2 cups. TERMINATE"
                ),
            ),
        ),
        Run(
            "gaia-recipes-water-cup",
            BAD_ASSUMPTION,
            RECIPES,
            (
                say(bk, _RECIPE_PLAN),
                say(
                    uc,
                    "A US cup is a volume: 236.6 ml, which weighs 236.6 g at a density of "
                    "1 g/ml. Using 236.6 g per cup keeps us in standard units.",
                    search="US cup grams conversion",
                    mark=MISTAKE,
                ),
                items,
                say(py, _flour_code(_EXACT, "236.6")),
                run_code("cups: 2.2"),
                say(bk, "2.2 cups across three bakes looks about right to me."),
                say(
                    ver,
                    "Grams sum to 530, divided by 236.6 = 2.24, rounded 2.2. TERMINATE",
                    mark=SYMPTOM,
                ),
            ),
            note="the weight of a cup of water assumed for flour",
        ),
        Run(
            "gaia-recipes-all-flours",
            WRONG_ACCEPTED,
            RECIPES,
            (
                say(bk, _RECIPE_PLAN),
                factor,
                items,
                say(py, _flour_code('df["{col}"].str.contains("flour")', "125"), mark=MISTAKE),
                run_code("cups: 8.7"),
                say(
                    ver,
                    "Code ran, conversion factor matches the reference page. 8.7 cups. TERMINATE",
                    mark=SYMPTOM,
                ),
            ),
            note="the match picks up bread and almond flour too",
        ),
        Run(
            "gaia-recipes-keyerror",
            CODE_FAILURE,
            RECIPES,
            (
                say(bk, _RECIPE_PLAN),
                factor,
                say(py, _flour_code(_EXACT, "125", column="ingredient"), mark=MISTAKE),
                run_code("KeyError"),
                say(
                    da,
                    "All-purpose flour in the file: 100 g + 250 g + 200 g = 550 g, so 550 / 125 "
                    "= 4.4 cups.",
                    mark=SYMPTOM,
                ),
                say(ver, "4.4 cups follows from 550 g at 125 g per cup. TERMINATE"),
            ),
            note="the script died on a column name; grams quoted from memory instead",
        ),
        Run(
            "gaia-recipes-rerun",
            HEALTHY,
            RECIPES,
            (
                say(bk, _RECIPE_PLAN),
                factor,
                items,
                say(py, _flour_code(_EXACT, "125")),
                run_code("cups: 4.2"),
                say(
                    ver,
                    "Before signing off I'll list the rows it summed:\n\n```python\n"
                    'import pandas as pd\ndf = pd.read_csv("recipes.csv")\n'
                    'print(df[df["item"] == "all-purpose flour"])\n```',
                ),
                run_code("oat cookies  all-purpose flour    180"),
                say(ver, "Three rows, 100 + 250 + 180 = 530 g -> 4.2 cups. TERMINATE"),
            ),
        ),
    ]


def _penguins_csv() -> str:
    rows = ["species,island,flipper_length_mm"]
    for i in range(40):
        species = ["Adelie", "Chinstrap", "Gentoo"][i % 3] if i % 7 else "Adelie"
        base = {"Adelie": 189, "Chinstrap": 196, "Gentoo": 214}[species]
        island = {"Adelie": "Torgersen", "Chinstrap": "Dream", "Gentoo": "Biscoe"}[species]
        rows.append(f"{species},{island},{base + (i * 37) % 23 - 8}")
    return "\n".join(rows) + "\n"


PENGUINS = Task(
    key="penguins",
    question=(
        "What percentage of the penguins in penguins.csv that are not Gentoo penguins have a "
        "flipper length over 200 mm? Round to one decimal place."
    ),
    experts={
        "Ornithology_Expert": "You are an ornithologist specialised in penguins.",
        "Data_Analysis_Expert": "You are a data analysis expert.",
        "Python_Expert": "You are a Python expert.",
        "Statistics_Expert": "You are a statistics expert.",
        "Verification_Expert": "You are a verification expert.",
    },
    verifiers=("Verification_Expert",),
    files={"penguins.csv": _penguins_csv()},
)


def _share_code(keep: str, denominator: str = "len(rest)", path: str = "penguins.csv") -> str:
    return f"""```python
import pandas as pd
df = pd.read_csv("{path}")
rest = df[{keep}]
long = rest[rest["flipper_length_mm"] > 200]
print("penguins kept:", len(rest), "over 200 mm:", len(long))
print("percentage:", round(100 * len(long) / {denominator}, 1))
```"""


_NOT_GENTOO = 'df["species"] != "Gentoo"'
_PENGUIN_PLAN = """In this dataset there are three species: Adelie, Chinstrap and Gentoo.
"Not Gentoo" therefore means Adelie and Chinstrap together. We need: the count of
non-Gentoo penguins, the count of those with flipper_length_mm > 200, and the ratio
as a percentage."""

_PENGUIN_FILE = "penguins.csv: 40 rows, columns species, island, flipper_length_mm."


def _penguin(scenario: str, mode: str, steps: list, note: str = "") -> Run:
    return Run(scenario, mode, PENGUINS, tuple(steps), round_robin=True, note=note)


def _penguin_runs() -> list[Run]:
    orn, da, py, st, ver = (
        "Ornithology_Expert",
        "Data_Analysis_Expert",
        "Python_Expert",
        "Statistics_Expert",
        "Verification_Expert",
    )
    lost = _share_code(_NOT_GENTOO, path="penguin.csv")
    return [
        _penguin(
            "gaia-penguins-ok",
            HEALTHY,
            [
                say(orn, _PENGUIN_PLAN),
                say(da, _PENGUIN_FILE),
                say(py, _share_code(_NOT_GENTOO)),
                run_code("percentage: 27.6"),
                say(st, "8 of 29 non-Gentoo penguins exceed 200 mm: 27.6%."),
                say(
                    ver, "Filter excludes only Gentoo, threshold is strict (> 200). 27.6. TERMINATE"
                ),
            ],
        ),
        _penguin(
            "gaia-penguins-denominator",
            WRONG_ACCEPTED,
            [
                say(orn, _PENGUIN_PLAN),
                say(da, _PENGUIN_FILE),
                say(py, _share_code(_NOT_GENTOO, denominator="len(df)"), mark=MISTAKE),
                run_code("percentage: 20.0"),
                say(st, "So one in five: 20.0%."),
                say(ver, "Gentoo excluded, > 200 threshold, result 20.0%. TERMINATE", mark=SYMPTOM),
            ],
            note="the share taken of every penguin, not of the non-Gentoo ones",
        ),
        _penguin(
            "gaia-penguins-adelie-only",
            BAD_SPLIT,
            [
                say(
                    orn,
                    "Apart from Gentoo, the penguins recorded here are the Adelie colony birds, "
                    "so the group to look at is species == 'Adelie': count them, count those "
                    "with flippers over 200 mm, take the percentage.",
                    mark=MISTAKE,
                ),
                say(da, _PENGUIN_FILE),
                say(py, _share_code('df["species"] == "Adelie"')),
                run_code("percentage: 11.1"),
                say(st, "2 of 18: 11.1%. Adelie flippers are short, so a low share makes sense."),
                say(
                    ver,
                    "Counts match the filter, rounding to one decimal is right: 11.1. TERMINATE",
                    mark=SYMPTOM,
                ),
            ],
            note="the plan left the Chinstrap penguins out of 'not Gentoo'",
        ),
        _penguin(
            "gaia-penguins-loop",
            REPETITION,
            [
                say(orn, _PENGUIN_PLAN),
                say(da, _PENGUIN_FILE),
                say(py, lost, mark=MISTAKE),
                run_code("FileNotFoundError"),
                say(st, "We need the counts from the script before computing anything."),
                say(ver, "No result yet to verify."),
                say(orn, "Let's run the analysis on the provided data."),
                say(da, "The columns are species, island and flipper_length_mm."),
                say(py, lost),
                run_code("FileNotFoundError"),
                say(st, "Still waiting on the counts."),
                say(ver, "Nothing to verify yet."),
                say(orn, "Please run the analysis on the provided data."),
                say(da, "Columns: species, island, flipper_length_mm."),
                say(py, lost, mark=SYMPTOM),
                run_code("FileNotFoundError"),
                say(st, "No counts again."),
                say(ver, "I cannot verify without output."),
            ],
            note="the same script with a misspelt file name sent three times",
        ),
        _penguin(
            "gaia-penguins-column-fixed",
            HEALTHY,
            [
                say(orn, _PENGUIN_PLAN),
                say(da, _PENGUIN_FILE),
                say(py, _share_code(_NOT_GENTOO).replace('"flipper_length_mm"', '"flipper"')),
                run_code("KeyError"),
                say(st, "The script failed on the column name, there is no 'flipper' column."),
                say(ver, "Please fix the column name and rerun."),
                say(orn, "Agreed, the rest of the approach is fine."),
                say(da, "The exact column is flipper_length_mm."),
                say(py, "Corrected:\n\n" + _share_code(_NOT_GENTOO)),
                run_code("percentage: 27.6"),
                say(st, "8 over 200 mm out of 29 non-Gentoo birds: 27.6%."),
                say(ver, "Verified against the corrected run: 27.6. TERMINATE"),
            ],
        ),
    ]


RUNS: tuple[Run, ...] = (*_library_runs(), *_recipe_runs(), *_penguin_runs())
