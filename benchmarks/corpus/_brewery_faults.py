"""Failing brewery runs whose mistake is in the inputs: a figure, source, split, assumption."""

from __future__ import annotations

from benchmarks.corpus import _common as c
from benchmarks.corpus._brewery_jobs import ABV, DUTY, GRIST, IBU, LOSS, cell
from benchmarks.corpus._brewery_jobs_b import ATTEN, DILUTE, KEGS, PINT, WATER
from benchmarks.corpus._brewery_runs import Run, after, swap
from benchmarks.corpus._brewery_team import HEAD, Line, Look


def transposed_og() -> Run:
    lines = swap(
        ABV.lines(),
        "look",
        Look(
            "lab_sheet",
            "212",
            "Rye Pale 212, 19 Nov sample: OG 1.085, FG 1.011. Steady two days running, it's done.",
        ),
    )
    lines = swap(
        lines,
        "code",
        cell(
            "Plugging in lab's numbers:",
            "og, fg = 1.085, 1.011\nprint(f'ABV {(og - fg) * 131.25:.2f}%')",
        ),
    )
    lines = swap(lines, "report", "Label line for 212 Rye Pale: 9.7% ABV (calculated 9.71%).")
    lines = swap(
        lines,
        "check",
        "Standard formula, gravities as lab reported them, 9.71 to one decimal is 9.7. Punchy for "
        "a pale, but the rye does that. APPROVED for the label.",
    )
    return Run("misread-og-abv212", c.WRONG_INPUT, ABV, lines, "look", "check", ("ABV 9.71%",))


def misread_volume() -> Run:
    lines = swap(
        DUTY.lines(),
        "look",
        Look(
            "tank_log", "packaged-2026-03", "march packaged came to 124.6 hl. all harbour bitter."
        ),
    )
    lines = swap(
        lines,
        "code",
        cell(
            "Duty for the month:",
            "hl = 124.6\nduty = hl * 4.2 * 21.01\nprint(f'duty GBP {duty:,.2f}')",
        ),
    )
    lines = swap(
        lines, "report", "Return, March 2026: 124.6 hl Harbour Bitter at 4.2%, duty GBP 10,994.95."
    )
    lines = swap(
        lines,
        "check",
        "Redid it on the calculator: 124.6 x 4.2 x 21.01 = 10,994.95, and 21.01 is the current "
        "rate. APPROVED to file.",
    )
    return Run("misread-volume-duty", c.WRONG_INPUT, DUTY, lines, "look", "check", ("10,994.95",))


def misread_bbt() -> Run:
    lines = swap(
        LOSS.lines(),
        "look",
        Look("tank_log", "209", "209: FV2 held 24.0, BBT1 took 23.2 hl."),
    )
    lines = swap(
        lines,
        "code",
        cell(
            "Same as always:",
            "fv, bbt = 24.0, 23.2\nprint(f'transfer loss {(fv - bbt) / fv * 100:.2f}%')",
        ),
    )
    lines = swap(lines, "report", "Batch 209 transfer loss FV2 -> BBT1: 3.3% of fermenter volume.")
    lines = after(
        lines,
        "report",
        Line(HEAD, "3.3, that's the best we've had. New transfer hose earning its keep.", "aside"),
    )
    lines = swap(
        lines,
        "check",
        "Loss over fermenter volume, one decimal, figures as logged by cellar. APPROVED.",
    )
    return Run("misread-bbt-loss209", c.WRONG_INPUT, LOSS, lines, "look", "check", ("3.33%",))


def old_hop_lot() -> Run:
    lines = swap(
        IBU.lines(),
        "look",
        Look("lab_sheet", "C-097", "Citra certificate, lot C-097: alpha acid 11.8%."),
    )
    lines = swap(
        lines,
        "code",
        cell(
            "With lab's alpha:",
            "grams, alpha, util, litres = 2400, 0.118, 0.24, 2500\n"
            "print(f'IBU {grams * alpha * util * 1000 / litres:.2f}')",
        ),
    )
    lines = swap(lines, "report", "Spec sheet, Ridge IPA 216: 27 IBU.")
    lines = swap(
        lines,
        "check",
        "2400 x 0.118 x 0.24 x 1000 / 2500 = 27.19, rounds to 27. Inside the 25-35 band. APPROVED.",
    )
    return Run("old-lot-ibu", c.WRONG_SOURCE, IBU, lines, "look", "check", ("IBU 27.19",))


def neighbour_batch() -> Run:
    lines = swap(
        ATTEN.lines(), "look", Look("lab_sheet", "213", "OG 1.066, FG 1.018 on the sheet.")
    )
    lines = swap(
        lines,
        "code",
        cell(
            "", "og, fg = 1.066, 1.018\nprint(f'apparent attenuation {(og - fg) / (og - 1):.1%}')"
        ),
    )
    lines = swap(
        lines, "report", "For the supplier's repitch log: batch 214, apparent attenuation 72.7%."
    )
    lines = swap(
        lines, "check", "Apparent, not real, and the arithmetic is right. APPROVED, send it over."
    )
    return Run("neighbour-batch-atten", c.WRONG_SOURCE, ATTEN, lines, "look", "check", ("72.7%",))


def last_year_packaged() -> Run:
    lines = swap(
        WATER.lines(),
        "look2",
        Look("tank_log", "packaged-2025-11", "packaged in november, 241.7 hl."),
    )
    lines = swap(
        lines,
        "code",
        cell("Ratio:", "water_hl = 118.4 * 10\nprint(f'water:beer {water_hl / 241.7:.2f} hl/hl')"),
    )
    lines = swap(
        lines, "report", "Sustainability report, November 2026: 4.90 hl of water per hl packaged."
    )
    lines = swap(lines, "check", "m3 converted to hl correctly, ratio the right way up. APPROVED.")
    return Run("last-year-water", c.WRONG_SOURCE, WATER, lines, "look2", "check", ("4.90 hl/hl",))


def february_brief() -> Run:
    lines = swap(
        DUTY.lines(),
        "brief",
        "Duty return time. cellarman: packaged hl for 2026-02 from the log. process_engineer: hl x "
        "4.2 x 21.01 to the penny. clerk writes it up, qa_manager checks before filing.",
    )
    lines = swap(
        lines,
        "look",
        Look("tank_log", "packaged-2026-02", "feb packaged: 138.4 hl, harbour bitter."),
    )
    lines = swap(
        lines,
        "code",
        cell(
            "Duty:", "hl, abv, rate = 138.4, 4.2, 21.01\nprint(f'duty GBP {hl * abv * rate:,.2f}')"
        ),
    )
    lines = swap(
        lines, "report", "Return: 138.4 hl of Harbour Bitter at 4.2% ABV, duty due GBP 12,212.69."
    )
    lines = swap(
        lines,
        "check",
        "Volume as pulled from the log, rate current, sum correct. APPROVED to file.",
    )
    return Run("feb-brief-duty", c.BAD_SPLIT, DUTY, lines, "brief", "check", ("12,212.69",))


def brewed_basis_brief() -> Run:
    lines = swap(
        PINT.lines(),
        "brief",
        "Costing 215. cellarman: brewed volume and the ingredient and energy costs. "
        "process_engineer: cost over the pints brewed. clerk: pence per pint for the margin "
        "sheet. qa_manager to sign.",
    )
    lines = swap(
        lines,
        "code",
        cell(
            "Pints from the brewed volume, as asked:",
            "pints = 23.8 * 100 / 0.568\ncost = 1890.40 + 412.75\n"
            "print(f'{pints:.0f} pints, {cost / pints * 100:.1f}p per pint')",
        ),
    )
    lines = swap(lines, "report", "Margin sheet, batch 215: 55.0p per pint (4,190 pints).")
    lines = swap(
        lines, "check", "Costs tie to the log, volume is the brewed figure per the brief. APPROVED."
    )
    return Run("brewed-basis-pint", c.BAD_SPLIT, PINT, lines, "brief", "check", ("55.0p",))


def last_brew_brief() -> Run:
    lines = swap(
        GRIST.lines(),
        "brief",
        "220, Helles, 30 hl at 1.048. lab_tech: efficiency from the most recent brew on the "
        "sheet. process_engineer: kg = litres x points / (300 x efficiency), round up. clerk to "
        "the brew sheet, QA signs.",
    )
    lines = swap(
        lines,
        "look",
        Look("lab_sheet", "brewhouse-efficiency", "Most recent brew on the sheet came in at 72%."),
    )
    lines = swap(
        lines,
        "code",
        cell(
            "",
            "import math\nkg = 3000 * 48 / (300 * 0.72)\n"
            "print(f'pils malt {kg:.1f} kg -> order {math.ceil(kg)} kg')",
        ),
    )
    lines = swap(lines, "report", "Brew sheet 220 (Helles, 30 hl @ 1.048): pils malt 667 kg.")
    lines = swap(lines, "check", "Litres not hl, rounding up, arithmetic fine. APPROVED.")
    return Run("last-brew-grist", c.BAD_SPLIT, GRIST, lines, "brief", "check", ("order 667 kg",))


def rated_efficiency() -> Run:
    lines = swap(
        GRIST.lines(),
        "look",
        Look(
            "lab_sheet",
            "brewhouse-efficiency",
            "Sheet has 74, 76, 73, 75, 72 for the last five, but that was before the mill gap "
            "was reset. I'd use 80% going forward, that's what the mash tun is rated for.",
        ),
    )
    lines = swap(
        lines,
        "code",
        cell(
            "Going with 80 then:",
            "import math\nkg = 3000 * 48 / (300 * 0.80)\n"
            "print(f'pils malt {kg:.1f} kg -> order {math.ceil(kg)} kg')",
        ),
    )
    lines = swap(lines, "report", "Brew sheet 220 (Helles, 30 hl @ 1.048): pils malt 600 kg.")
    lines = swap(lines, "check", "Numbers hang together at 80% efficiency. APPROVED.")
    return Run(
        "rated-efficiency-grist", c.BAD_ASSUMPTION, GRIST, lines, "look", "check", ("order 600 kg",)
    )


def nominal_fill() -> Run:
    lines = swap(
        DILUTE.lines(),
        "look",
        Look(
            "tank_log",
            "BBT2",
            "log says 20.0 hl at 6.4, but that's the nominal fill. those tanks never get past 90% "
            "in practice, so call it 18.",
        ),
    )
    lines = swap(
        lines,
        "code",
        cell("On 18 hl:", "v = 18.0\nprint(f'add {v * 6.4 / 4.8 - v:.2f} hl water')"),
    )
    lines = swap(
        lines, "report", "Cellar instruction BBT2: add 6.00 hl deaerated water, target 4.8%."
    )
    lines = swap(lines, "check", "18 x 6.4 = 24 x 4.8, balance holds. APPROVED.")
    return Run(
        "nominal-fill-dilute", c.BAD_ASSUMPTION, DILUTE, lines, "look", "check", ("add 6.00 hl",)
    )


def lost_export() -> Run:
    lines = swap(
        KEGS.lines(),
        "brief",
        "Keg audit for Q3. cellarman: shipped and returned for 2026-Q3. process_engineer: "
        "(shipped - returned) / shipped. excise_clerk: write it up for the finance pack. QA signs.",
    )
    lines = swap(
        lines,
        "code",
        cell(
            "As briefed:",
            "shipped, returned = 1240, 1152\nlost = shipped - returned\n"
            "print(f'{lost} kegs lost of {shipped}: {lost / shipped:.2%}')",
        ),
    )
    lines = swap(
        lines, "report", "Finance pack, Q3 keg loss: 88 of 1,240 kegs not returned, 7.10%."
    )
    lines = swap(
        lines, "check", "Shipped and returned tie to the log, formula as briefed. APPROVED."
    )
    return Run("lost-export-kegs", c.LOST_CONSTRAINT, KEGS, lines, "brief", "check", ("7.10%",))


def placeholder_fg() -> Run:
    lines = swap(
        ABV.lines(),
        "look",
        Look(
            "lab_sheet",
            "212",
            "Only the OG is on the sheet for 212 so far, 1.058. No FG logged yet. The last rye "
            "finished at 1.010, so use that, it'll be close enough.",
        ),
    )
    lines = swap(
        lines,
        "code",
        cell("", "og, fg = 1.058, 1.010\nprint(f'ABV {(og - fg) * 131.25:.2f}%')"),
    )
    lines = swap(lines, "report", "Label line for 212 Rye Pale: 6.3% ABV.")
    lines = swap(lines, "check", "Formula right, 6.30 to one place is 6.3. APPROVED for print.")
    missing = {"212": {**ABV.records["212"], "fg": None}}
    return Run(
        "placeholder-fg-abv", c.MADE_UP, ABV, lines, "look", "check", ("ABV 6.30%",), missing
    )


def placeholder_meter() -> Run:
    lines = swap(
        WATER.lines(),
        "look",
        Look(
            "tank_log",
            "water-2026-11",
            "no water reading on the log for november yet, meter's not been read. put 110 m3 "
            "in, that's about a normal month.",
        ),
    )
    lines = swap(
        lines,
        "code",
        cell("", "print(f'water:beer {110 * 10 / 256.3:.2f} hl/hl')"),
    )
    lines = swap(
        lines, "report", "Sustainability report, November 2026: 4.29 hl of water per hl packaged."
    )
    lines = swap(lines, "check", "Units and the direction of the ratio are right. APPROVED.")
    unread = {"water-2026-11": {"book": "meter-queue"}}
    return Run(
        "placeholder-meter-water", c.MADE_UP, WATER, lines, "look", "check", ("4.29",), unread
    )


def wrong_key_kegs() -> Run:
    lines = swap(
        KEGS.lines(),
        "look",
        Look(
            "tank_log",
            "kegs-Q3-2026",
            "nothing on the log against q3, so nothing outstanding. every keg came home.",
        ),
    )
    lines = swap(
        lines,
        "code",
        cell(
            "Nothing outstanding means nil, printing it for the file:",
            "lost = 0\nprint(f'keg loss {lost:.2%}')",
        ),
    )
    lines = swap(lines, "report", "Finance pack, Q3 keg loss: nil (0.00%).")
    lines = swap(lines, "check", "Nil loss per cellar. APPROVED.")
    return Run("wrong-key-kegs", c.TOOL_FAILURE, KEGS, lines, "look", "check", ("keg loss 0.00%",))


def wrong_batch_loss() -> Run:
    lines = swap(
        LOSS.lines(),
        "look",
        Look("tank_log", "290", "no transfer booked for it on the log. no loss recorded then."),
    )
    lines = swap(
        lines,
        "code",
        cell("Zero then, for the record:", "loss = 0.0\nprint(f'transfer loss {loss:.2f}%')"),
    )
    lines = swap(lines, "report", "Batch 209 transfer loss: 0.0%.")
    lines = swap(lines, "check", "Nothing lost per the cellar log. APPROVED.")
    return Run("wrong-batch-loss", c.TOOL_FAILURE, LOSS, lines, "look", "check", ("0.00%",))


INPUT_FAULTS = (
    transposed_og,
    misread_volume,
    misread_bbt,
    old_hop_lot,
    neighbour_batch,
    last_year_packaged,
    february_brief,
    brewed_basis_brief,
    last_brew_brief,
    rated_efficiency,
    nominal_fill,
    lost_export,
    placeholder_fg,
    placeholder_meter,
    wrong_key_kegs,
    wrong_batch_loss,
)
