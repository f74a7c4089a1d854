"""The brewery's jobs: what is asked, what the cellar log and lab sheet hold, the right run.

Each job's right run is a list of labelled lines: the head brewer's split
(``brief``), the lookups (``look``, ``look2``), the engineer's cell (``code``),
the brewhouse PC running it (``run``), the clerk's entry (``report``) and QA's
sign-off (``check``). ``out`` is what the right cell prints.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from benchmarks.corpus._brewery_team import CELLAR, CLERK, ENGINEER, HEAD, LAB, PC, QA, Line, Look


def cell(prose: str, src: str) -> str:
    """An engineer's message: a sentence or two, then the Python block."""
    return f"{prose}\n\n```python\n{src.strip()}\n```"


@dataclass(frozen=True)
class Job:
    key: str
    task: str
    records: dict[str, dict[str, Any]]
    brief: str
    looks: tuple[Line, ...]
    code: str
    out: str
    report: str
    check: str
    notes: dict[str, str] = field(default_factory=dict)

    def lines(self) -> list[Line]:
        """The right run, labelled."""
        return [
            Line(HEAD, self.brief, "brief"),
            *self.looks,
            Line(ENGINEER, self.code, "code"),
            Line(PC, None, "run"),
            Line(CLERK, self.report, "report"),
            Line(QA, self.check, "check"),
        ]


def _lab(**row: Any) -> dict[str, Any]:
    return {"book": "lab", **row}


def _cellar(**row: Any) -> dict[str, Any]:
    return {"book": "cellar", **row}


ABV = Job(
    key="abv212",
    task=(
        "Batch 212 (Rye Pale) goes into cans on Thursday and the label printer needs the ABV "
        "to one decimal. Work it out from the lab's OG and FG for the batch."
    ),
    records={
        "212": _lab(batch="212", beer="Rye Pale", og=1.058, fg=1.011, ph=4.38, taken="2026-11-19"),
        "213": _lab(batch="213", beer="Oat Stout", og=1.066, fg=1.018, ph=4.21, taken="2026-11-20"),
        "FV3": _cellar(vessel="FV3", batch="212", volume_hl=23.6, temp_c=2.5, status="crashed"),
    },
    brief=(
        "Morning all. Label copy for 212 is due at the printer tomorrow. lab_tech, pull OG/FG "
        "off the sheet for 212. process_engineer, usual (OG-FG)*131.25, two decimals please. "
        "excise_clerk, one decimal for the label. qa_manager has the last word."
    ),
    looks=(
        Line(
            LAB,
            Look(
                "lab_sheet",
                "212",
                "212, Rye Pale, sample of 19 Nov: OG 1.058, FG 1.011, pH 4.38. "
                "Two readings a day apart agreed, so it's finished.",
            ),
            "look",
        ),
    ),
    code=cell(
        "Straightforward one.",
        "og, fg = 1.058, 1.011\nabv = (og - fg) * 131.25\nprint(f'ABV {abv:.2f}%')",
    ),
    out="ABV 6.17%",
    report="Label line for 212 Rye Pale: 6.2% ABV (calculated 6.17%).",
    check=(
        "Gravities match the lab sheet for 212, the formula is our standard one and 6.17 rounds "
        "to 6.2. APPROVED for the label."
    ),
)

DUTY = Job(
    key="duty-march",
    task=(
        "March beer duty: packaged volume for March (hl) x ABV x the duty rate of GBP 21.01 per "
        "hectolitre per % ABV. Everything we packaged in March was Harbour Bitter at 4.2%. "
        "I need the amount to the penny for the return."
    ),
    records={
        "packaged-2026-03": _cellar(period="2026-03", packaged_hl=142.6, brand="Harbour Bitter"),
        "packaged-2026-02": _cellar(period="2026-02", packaged_hl=138.4, brand="Harbour Bitter"),
        "packaged-2025-03": _cellar(period="2025-03", packaged_hl=131.9, brand="Harbour Bitter"),
    },
    brief=(
        "Duty return, March. cellarman: packaged hl for 2026-03 from the log. process_engineer: "
        "hl x 4.2 x 21.01, to the penny. excise_clerk writes the line for the return, qa_manager "
        "checks before it goes to HMRC."
    ),
    looks=(
        Line(
            CELLAR,
            Look(
                "tank_log",
                "packaged-2026-03",
                "march packaged: 142.6 hl, all harbour bitter. kegs and casks both in that.",
            ),
            "look",
        ),
    ),
    code=cell(
        "Duty, rounded to the penny at the end:",
        "hl, abv, rate = 142.6, 4.2, 21.01\nduty = hl * abv * rate\nprint(f'duty GBP {duty:,.2f}')",
    ),
    out="duty GBP 12,583.31",
    report="Return, March 2026: 142.6 hl of Harbour Bitter at 4.2% ABV, duty due GBP 12,583.31.",
    check="Volume ties to the cellar log for March and the rate is this year's. APPROVED to file.",
)

LOSS = Job(
    key="loss209",
    task=(
        "How much beer did we lose between fermenter and bright tank on batch 209? As a "
        "percentage of what was in the fermenter, one decimal."
    ),
    records={
        "209": _cellar(batch="209", fermenter="FV2", fv_hl=24.0, bbt="BBT1", bbt_hl=22.3),
        "208": _cellar(batch="208", fermenter="FV1", fv_hl=30.0, bbt="BBT2", bbt_hl=28.9),
    },
    brief=(
        "Quick one on 209's transfer loss. cellarman, fermenter and bright tank volumes off the "
        "log. process_engineer, (FV - BBT) / FV. clerk, one decimal. QA to sign."
    ),
    looks=(
        Line(
            CELLAR,
            Look(
                "tank_log",
                "209",
                "209 went FV2 -> BBT1. FV2 had 24.0 hl, BBT1 read 22.3 hl after the transfer.",
            ),
            "look",
        ),
    ),
    code=cell(
        "Loss as a share of the fermenter volume:",
        "fv, bbt = 24.0, 22.3\nloss = (fv - bbt) / fv * 100\nprint(f'transfer loss {loss:.2f}%')",
    ),
    out="transfer loss 7.08%",
    report="Batch 209 transfer loss FV2 -> BBT1: 7.1% of fermenter volume.",
    check="24.0 and 22.3 are what the log shows, loss taken over the fermenter. APPROVED.",
)

GRIST = Job(
    key="grist220",
    task=(
        "Grist for batch 220: 30 hl of Helles at OG 1.048. Use our brewhouse efficiency (the "
        "average of the last five brews on the lab sheet) and 300 litre-degrees per kg for the "
        "pils malt. Kilograms of malt, rounded up."
    ),
    records={
        "brewhouse-efficiency": _lab(
            series="last five brews", efficiency=[0.74, 0.76, 0.73, 0.75, 0.72]
        ),
        "malt-pils": _lab(lot="PM-2211", extract_l_deg_per_kg=300),
    },
    brief=(
        "Batch 220, Helles, 30 hl at 1.048. lab_tech: the last five efficiencies from the sheet, "
        "averaged. process_engineer: kg = litres x gravity points / (300 x efficiency), round up. "
        "excise_clerk: put it on the brew sheet. qa_manager signs."
    ),
    looks=(
        Line(
            LAB,
            Look(
                "lab_sheet",
                "brewhouse-efficiency",
                "Last five brews: 74, 76, 73, 75 and 72 per cent. Mean 74.0%.",
            ),
            "look",
        ),
    ),
    code=cell(
        "3000 litres, 48 points:",
        "import math\nlitres, points = 3000, 48\neff = sum([0.74, 0.76, 0.73, 0.75, 0.72]) / 5\n"
        "kg = litres * points / (300 * eff)\n"
        "print(f'pils malt {kg:.1f} kg -> order {math.ceil(kg)} kg')",
    ),
    out="pils malt 648.6 kg -> order 649 kg",
    report="Brew sheet 220 (Helles, 30 hl @ 1.048): pils malt 649 kg.",
    check="Efficiency is the five-brew mean, units are litres, rounding is up. APPROVED.",
)

IBU = Job(
    key="ibu-ipa",
    task=(
        "Bitterness check on Ridge IPA, batch 216: 2.4 kg of Citra at 60 minutes, 25 hl cast "
        "out, 24% utilisation. Give the IBU using the alpha acid on the certificate for hop lot "
        "C-118, the lot that went in."
    ),
    records={
        "C-118": _lab(lot="C-118", variety="Citra", crop=2026, alpha=0.131),
        "C-097": _lab(lot="C-097", variety="Citra", crop=2025, alpha=0.118),
    },
    brief=(
        "216 IBU. lab_tech, alpha acid for lot C-118. engineer: g x alpha x util x 1000 / litres. "
        "clerk: whole number for the spec sheet. QA to sign."
    ),
    looks=(
        Line(
            LAB,
            Look(
                "lab_sheet", "C-118", "Lot C-118, Citra, 2026 crop: alpha 13.1% on the certificate."
            ),
            "look",
        ),
    ),
    code=cell(
        "Tinseth-free version, straight utilisation:",
        "grams, alpha, util, litres = 2400, 0.131, 0.24, 2500\n"
        "ibu = grams * alpha * util * 1000 / litres\nprint(f'IBU {ibu:.2f}')",
    ),
    out="IBU 30.18",
    report="Spec sheet, Ridge IPA 216: 30 IBU.",
    check="Alpha is from the C-118 certificate, the maths holds, 30.18 rounds to 30. APPROVED.",
)
