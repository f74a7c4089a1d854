"""The brewery's other jobs (kegs, dilution, cost per pint, attenuation, water), and all ten."""

from __future__ import annotations

from benchmarks.corpus._brewery_jobs import (
    ABV,
    DUTY,
    GRIST,
    IBU,
    LOSS,
    Job,
    _cellar,
    _lab,
    cell,
)
from benchmarks.corpus._brewery_team import CELLAR, LAB, Line, Look

KEGS = Job(
    key="kegs-q3",
    task=(
        "Keg losses for Q3: kegs shipped against kegs returned, as a percentage of those "
        "shipped. Leave out the export kegs (one-way, they never come back)."
    ),
    records={
        "kegs-2026-Q3": _cellar(quarter="2026-Q3", shipped=1240, returned=1152, export_one_way=64),
        "kegs-2026-Q2": _cellar(quarter="2026-Q2", shipped=1105, returned=1061, export_one_way=40),
    },
    brief=(
        "Keg audit for Q3. cellarman: shipped, returned and export counts for 2026-Q3. "
        "process_engineer: loss over domestic shipped, i.e. leave the one-way export kegs out "
        "of both sides. excise_clerk: write it up for the finance pack. qa_manager to sign."
    ),
    looks=(
        Line(
            CELLAR,
            Look(
                "tank_log",
                "kegs-2026-Q3",
                "q3: 1240 out, 1152 back. 64 of the 1240 were one-way export.",
            ),
            "look",
        ),
    ),
    code=cell(
        "Domestic only:",
        "shipped, returned, export = 1240, 1152, 64\ndomestic = shipped - export\n"
        "lost = domestic - returned\n"
        "print(f'{lost} kegs lost of {domestic}: {lost / domestic:.2%}')",
    ),
    out="24 kegs lost of 1176: 2.04%",
    report="Finance pack, Q3 keg loss: 24 of 1,176 domestic kegs not returned, 2.04%.",
    check="Counts match the cellar log, export left out on both sides. APPROVED.",
)

DILUTE = Job(
    key="dilute-lager",
    task=(
        "BBT2 has high-gravity lager in it. How much deaerated water do we add to bring it "
        "down to 4.8% ABV? Answer in hl, two decimals."
    ),
    records={
        "BBT2": _cellar(
            vessel="BBT2", contents="HG Lager", volume_hl=20.0, abv=6.4, capacity_hl=25
        ),
        "BBT1": _cellar(vessel="BBT1", contents="Harbour Bitter", volume_hl=22.3, abv=4.2),
    },
    brief=(
        "Blending BBT2 down to 4.8. cellarman: volume and current ABV in BBT2. engineer: water "
        "to add so V x 6.4 = (V + W) x 4.8 or whatever the log says. clerk: cellar "
        "instruction. QA signs."
    ),
    looks=(
        Line(
            CELLAR,
            Look(
                "tank_log",
                "BBT2",
                "bbt2: 20.0 hl of HG lager at 6.4%. 25 hl tank so room to blend.",
            ),
            "look",
        ),
    ),
    code=cell(
        "Alcohol stays the same, volume goes up:",
        "v, abv_now, target = 20.0, 6.4, 4.8\nwater = v * abv_now / target - v\n"
        "print(f'add {water:.2f} hl water')",
    ),
    out="add 6.67 hl water",
    report="Cellar instruction BBT2: add 6.67 hl deaerated water, target 4.8% ABV, 26.67 hl total.",
    check="Alcohol balance checks out (20 x 6.4 = 26.67 x 4.8) and it fits the tank. APPROVED.",
)

PINT = Job(
    key="cost-pint215",
    task=(
        "Cost per pint for batch 215: ingredients plus energy, over the pints it actually "
        "packaged. A pint is 0.568 litres. In pence, one decimal."
    ),
    records={
        "215": _cellar(
            batch="215",
            brewed_hl=23.8,
            packaged_hl=21.5,
            ingredients_gbp=1890.40,
            energy_gbp=412.75,
        ),
    },
    brief=(
        "Costing 215. cellarman: packaged hl and the ingredient and energy costs from the log. "
        "process_engineer: cost over packaged pints. excise_clerk: pence per pint for the "
        "margin sheet. qa_manager to sign."
    ),
    looks=(
        Line(
            CELLAR,
            Look(
                "tank_log",
                "215",
                "215: brewed 23.8, packaged 21.5 hl. ingredients 1890.40, energy 412.75.",
            ),
            "look",
        ),
    ),
    code=cell(
        "Packaged litres over a pint:",
        "packaged_l = 21.5 * 100\npints = packaged_l / 0.568\ncost = 1890.40 + 412.75\n"
        "print(f'{pints:.0f} pints, {cost / pints * 100:.1f}p per pint')",
    ),
    out="3785 pints, 60.8p per pint",
    report="Margin sheet, batch 215: 60.8p per pint (ingredients and energy, 3,785 pints).",
    check="Costs and packaged volume are the log's, divided by packaged pints. APPROVED.",
)

ATTEN = Job(
    key="atten214",
    task=(
        "The yeast supplier wants the apparent attenuation of batch 214 for their repitch "
        "log. Percentage, one decimal."
    ),
    records={
        "214": _lab(batch="214", beer="Autumn Saison", og=1.064, fg=1.014, yeast="SA-02 gen 4"),
        "213": _lab(batch="213", beer="Oat Stout", og=1.066, fg=1.018, yeast="LN-11 gen 2"),
    },
    brief=(
        "Attenuation for 214 for the yeast people. lab_tech: OG, FG off the sheet. "
        "process_engineer: (OG - FG) / (OG - 1). excise_clerk: the line for their form. "
        "qa_manager: sign."
    ),
    looks=(
        Line(
            LAB,
            Look("lab_sheet", "214", "214 Autumn Saison, SA-02 4th gen: OG 1.064, FG 1.014."),
            "look",
        ),
    ),
    code=cell(
        "Apparent attenuation:",
        "og, fg = 1.064, 1.014\naa = (og - fg) / (og - 1)\nprint(f'apparent attenuation {aa:.1%}')",
    ),
    out="apparent attenuation 78.1%",
    report="For the supplier's repitch log: batch 214, SA-02 gen 4, apparent attenuation 78.1%.",
    check="Gravities are 214's, the formula is apparent (not real) attenuation. APPROVED.",
)

WATER = Job(
    key="water-nov",
    task=(
        "Water-to-beer ratio for November for the sustainability report: water used over beer "
        "packaged, both in hectolitres, two decimals."
    ),
    records={
        "water-2026-11": _cellar(period="2026-11", water_m3=118.4, meter="main incomer"),
        "packaged-2026-11": _cellar(period="2026-11", packaged_hl=256.3),
        "packaged-2025-11": _cellar(period="2025-11", packaged_hl=241.7),
        "water-2025-11": _cellar(period="2025-11", water_m3=121.0, meter="main incomer"),
    },
    brief=(
        "Sustainability number for November. cellarman: water meter and packaged volume for "
        "2026-11. process_engineer: m3 to hl, then the ratio. excise_clerk: line for the "
        "report. qa_manager signs."
    ),
    looks=(
        Line(
            CELLAR,
            Look("tank_log", "water-2026-11", "november water, main incomer: 118.4 m3."),
            "look",
        ),
        Line(
            CELLAR,
            Look("tank_log", "packaged-2026-11", "and packaged in november: 256.3 hl."),
            "look2",
        ),
    ),
    code=cell(
        "1 m3 is 10 hl:",
        "water_hl = 118.4 * 10\npackaged_hl = 256.3\n"
        "print(f'water:beer {water_hl / packaged_hl:.2f} hl/hl')",
    ),
    out="water:beer 4.62 hl/hl",
    report="Sustainability report, November 2026: 4.62 hl of water per hl of beer packaged.",
    check="Meter and packaged figures are November 2026's, units converted. APPROVED.",
)

JOBS: dict[str, Job] = {
    j.key: j for j in (ABV, DUTY, LOSS, GRIST, IBU, KEGS, DILUTE, PINT, ATTEN, WATER)
}
