"""Failing brewery runs whose mistake is in the code or the write-up, or shows as a complaint."""

from __future__ import annotations

from benchmarks.corpus import _common as c
from benchmarks.corpus._brewery_jobs import ABV, DUTY, GRIST, IBU, LOSS, cell
from benchmarks.corpus._brewery_jobs_b import ATTEN, DILUTE, KEGS, PINT, WATER
from benchmarks.corpus._brewery_runs import Run, from_, swap
from benchmarks.corpus._brewery_team import CLERK, ENGINEER, HEAD, PC, QA, Line, Look

CRASH = "exited with an error"


def over_bright_tank() -> Run:
    lines = swap(
        LOSS.lines(),
        "code",
        cell(
            "Loss relative to what ended up in the bright tank:",
            "fv, bbt = 24.0, 22.3\nloss = (fv - bbt) / bbt * 100\n"
            "print(f'transfer loss {loss:.2f}%')",
        ),
    )
    lines = swap(lines, "report", "Batch 209 transfer loss FV2 -> BBT1: 7.6%.")
    lines = swap(
        lines,
        "check",
        Look(
            "tank_log",
            "209",
            "Re-pulled 209 from the log myself: FV2 24.0 hl, BBT1 22.3 hl, the same figures the "
            "cell used, and it ran clean. APPROVED.",
        ),
    )
    return Run("over-bbt-loss209", c.WRONG_ACCEPTED, LOSS, lines, "code", "check", ("7.62%",))


def diluted_backwards() -> Run:
    lines = swap(
        DILUTE.lines(),
        "code",
        cell(
            "Water is the share of alcohol we need to knock off:",
            "v, abv_now, target = 20.0, 6.4, 4.8\nwater = v * (abv_now - target) / abv_now\n"
            "print(f'add {water:.2f} hl water')",
        ),
    )
    lines = swap(
        lines, "report", "Cellar instruction BBT2: add 5.00 hl deaerated water, target 4.8% ABV."
    )
    lines = swap(
        lines,
        "check",
        "Volume and strength are BBT2's from the log, the cell ran without complaint and 5 hl "
        "fits in the tank. APPROVED.",
    )
    return Run(
        "backwards-dilute", c.WRONG_ACCEPTED, DILUTE, lines, "code", "check", ("add 5.00 hl",)
    )


def real_not_apparent() -> Run:
    lines = swap(
        ATTEN.lines(),
        "code",
        cell(
            "Attenuation, with the usual 0.81 correction:",
            "og, fg = 1.064, 1.014\naa = (og - fg) / (og - 1)\n"
            "print(f'attenuation {0.81 * aa:.1%}')",
        ),
    )
    lines = swap(
        lines,
        "report",
        "For the supplier's repitch log: batch 214, SA-02 gen 4, attenuation 63.3%.",
    )
    lines = swap(
        lines,
        "check",
        Look(
            "lab_sheet",
            "214",
            "Pulled 214 again: 1.064 and 1.014, as used. The printout says 63.3%. APPROVED.",
        ),
    )
    return Run(
        "real-atten214", c.WRONG_ACCEPTED, ATTEN, lines, "code", "check", ("attenuation 63.3%",)
    )


def string_gravities() -> Run:
    lines = swap(
        ABV.lines(),
        "code",
        cell(
            "Pasting the row straight off the sheet:",
            "row = {'og': '1.058', 'fg': '1.011'}\nabv = (row['og'] - row['fg']) * 131.25\n"
            "print(f'ABV {abv:.2f}%')",
        ),
    )
    lines = swap(lines, "report", "Label line for 212 Rye Pale: 5.9% ABV.")
    lines = swap(lines, "check", "Sensible for a pale. APPROVED for the label.")
    return Run(
        "str-gravity-abv", c.CODE_FAILURE, ABV, lines, "code", "report", (CRASH, "TypeError")
    )


def blank_key() -> Run:
    lines = swap(
        WATER.lines(),
        "code",
        cell(
            "Keeping the log's field names:",
            "log = {'water_m3': 118.4, 'packaged_hl ': 256.3}\n"
            "print(f\"water:beer {log['water_m3'] * 10 / log['packaged_hl']:.2f} hl/hl\")",
        ),
    )
    lines = swap(
        lines, "report", "Sustainability report, November 2026: 4.4 hl of water per hl of beer."
    )
    lines = swap(lines, "check", "In line with last year's report. APPROVED.")
    return Run(
        "blank-key-water", c.CODE_FAILURE, WATER, lines, "code", "check", (CRASH, "KeyError")
    )


def undefined_name() -> Run:
    lines = from_(
        PINT.lines(),
        "code",
        Line(
            ENGINEER,
            cell(
                "Pints from packaged litres:",
                "cost = 1890.40 + 412.75\npints = packaged_litres / 0.568\n"
                "print(f'{cost / pints * 100:.1f}p per pint')",
            ),
            "code",
        ),
        Line(PC, None, "run"),
        Line(
            ENGINEER,
            "Fell over on a variable name, but it's only a division. About 58p a pint.",
            "guess",
        ),
        Line(CLERK, "Margin sheet, batch 215: 58.0p per pint.", "report"),
        Line(QA, "Fine for the margin sheet. APPROVED.", "check"),
    )
    return Run("undefined-pint", c.CODE_FAILURE, PINT, lines, "code", "guess", (CRASH, "NameError"))


def wrong_quarter_complaint() -> Run:
    lines = swap(
        KEGS.lines(),
        "look",
        Look("tank_log", "kegs-2026-Q2", "1105 out, 1061 back, 40 of them export."),
    )
    lines = swap(
        lines,
        "code",
        cell(
            "",
            "shipped, returned, export = 1105, 1061, 40\ndomestic = shipped - export\n"
            "lost = domestic - returned\n"
            "print(f'{lost} kegs lost of {domestic}: {lost / domestic:.2%}')",
        ),
    )
    lines = swap(
        lines,
        "report",
        "Before this goes in the pack: dispatch has 1,240 kegs leaving in Q3 and these counts say "
        "1,105 shipped. I can't make the two agree, so I'm not writing it up yet.",
    )
    lines = swap(
        lines, "check", "Agreed, hold it. Not signing a keg figure that doesn't tie to dispatch."
    )
    return Run("q2-counts-kegs", c.SELF_REPORT, KEGS, lines, "look", "report", ("0.38%",))


def strength_in_brief() -> Run:
    lines = swap(
        DUTY.lines(),
        "brief",
        "Duty return, March. cellarman: packaged hl for 2026-03. process_engineer: hl x 4.0 x "
        "21.01, to the penny. excise_clerk writes it up, qa_manager checks before it goes off.",
    )
    lines = swap(
        lines,
        "code",
        cell(
            "Per the brief:",
            "hl, abv, rate = 142.6, 4.0, 21.01\nprint(f'duty GBP {hl * abv * rate:,.2f}')",
        ),
    )
    lines = swap(
        lines, "report", "Return, March 2026: 142.6 hl of Harbour Bitter, duty due GBP 11,984.10."
    )
    lines = swap(
        lines,
        "check",
        "Can't sign this one. The cell uses 4.0% but Harbour Bitter is 4.2% on the label and on "
        "the lab sheet. Somebody needs to find where the strength changed. Sending it back.",
    )
    return Run("abv-in-brief-duty", c.SELF_REPORT, DUTY, lines, "brief", "check", ("11,984.10",))


def hectolitre_units() -> Run:
    lines = swap(
        GRIST.lines(),
        "code",
        cell(
            "",
            "import math\nvolume, points = 30, 48\neff = sum([0.74, 0.76, 0.73, 0.75, 0.72]) / 5\n"
            "kg = volume * points / (300 * eff)\n"
            "print(f'pils malt {kg:.1f} kg -> order {math.ceil(kg)} kg')",
        ),
    )
    lines = from_(
        lines,
        "report",
        Line(
            CLERK,
            "7 kg of malt for 30 hl? We put more than that in a pilot brew. Something upstream is "
            "off, I'm not putting this on the brew sheet.",
            "report",
        ),
        Line(
            HEAD, "Agreed, that's nowhere near. Let's stop here and look at it after lunch.", "stop"
        ),
    )
    return Run("hl-units-grist", c.SELF_REPORT, GRIST, lines, "code", "report", ("order 7 kg",))


def keyed_dilution() -> Run:
    lines = swap(
        DILUTE.lines(),
        "report",
        "Cellar instruction BBT2: add 6.76 hl deaerated water, target 4.8% ABV.",
    )
    lines = swap(lines, "check", "Clear instruction, fits the tank. APPROVED.")
    return Run("keyed-dilute", c.MISREPORTED, DILUTE, lines, "report", "check", ("add 6.67 hl",))


def keyed_ibu() -> Run:
    lines = swap(IBU.lines(), "report", "Spec sheet, Ridge IPA 216: 38 IBU.")
    lines = swap(lines, "check", "Inside the band for an IPA. APPROVED.")
    return Run("keyed-ibu", c.MISREPORTED, IBU, lines, "report", "check", ("IBU 30.18",))


def same_cell_again() -> Run:
    crashing = cell(
        "Attenuation:",
        "sheet = {'OG': 1.064, 'FG': 1.014}\naa = (sheet['og'] - sheet['fg']) / (sheet['og'] - 1)\n"
        "print(f'apparent attenuation {aa:.1%}')",
    )
    lines = from_(
        ATTEN.lines(),
        "code",
        Line(ENGINEER, crashing, "code"),
        Line(PC, None, "run"),
        Line(ENGINEER, crashing, "again"),
        Line(PC, None, "run2"),
        Line(ENGINEER, crashing, "third"),
        Line(PC, None, "run3"),
        Line(
            HEAD, "We're going round in circles. Park it, I'll email the supplier tomorrow.", "park"
        ),
    )
    return Run("loop-atten214", c.REPETITION, ATTEN, lines, "code", "third", (CRASH, "KeyError"))


CODE_FAULTS = (
    over_bright_tank,
    diluted_backwards,
    real_not_apparent,
    string_gravities,
    blank_key,
    undefined_name,
    wrong_quarter_complaint,
    strength_in_brief,
    hectolitre_units,
    keyed_dilution,
    keyed_ibu,
    same_cell_again,
)
