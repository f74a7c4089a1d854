"""Allotments office runs that come out right on Mill Lane's invoice and June's failed
area, near misses included: a cell crashing on a fees key and fixed in the next, last
year's fees read first, vacant plots sent back by the checker, a mistyped file name
retried."""

# the cells are the coder's code as the agent wrote it, long lines included
# ruff: noqa: E501

from __future__ import annotations

from benchmarks.corpus import _allot_tasks as q
from benchmarks.corpus._allot_script import (
    CHECKER,
    CLERK,
    CODER,
    WRITER,
    Run,
    ask,
    cell,
    final,
    read,
    say,
)
from benchmarks.corpus._common import HEALTHY

WATER_KEY = q.rent().replace("fees['water_charge_gbp']", "fees['water_gbp']")

RUNS: list[Run] = [
    Run(
        "rent_ok_01_straight_through",
        HEALTHY,
        q.RENT,
        [
            ask(
                CLERK,
                "Mill Lane for 2027: its plots from plots.csv (area, status, concession) and the 2027 charges from fees_2027.json.",
            ),
            read(CLERK, q.PLOTS, "ML"),
            read(CLERK, q.FEES),
            say(
                CLERK,
                "Mill Lane: seven let plots (ML01 250, ML02 125 concession, ML04 180, ML05 125 concession, ML06 250, ML07 90, ML09 125 m²); ML03 and ML08 vacant. 2027: 52p per m², concession half rent (water not reduced), £18.50 water per let plot.",
            ),
            ask(
                CODER,
                "Mill Lane 2027 invoice: rent at 52p per m² on the seven let plots, ML02 and ML05 at half rent, plus £18.50 water on each let plot. plots.csv, fees_2027.json.",
            ),
            cell(q.rent(), "659.90"),
            say(CODER, "Rent £530.40, water £129.50: £659.90."),
            ask(
                CHECKER,
                "Check Mill Lane's 2027 invoice: rent £530.40 (seven let plots, two concessions), water 7 × £18.50 = £129.50, total £659.90.",
            ),
            read(CHECKER, q.PLOTS, "ML"),
            say(
                CHECKER,
                "Vacant ML03 and ML08 are out, the concessions halve rent only, water is on all seven. £659.90 stands.",
            ),
            ask(WRITER, "Mill Lane 2027 invoice total, checked: £659.90."),
            final(
                "Under the 2027 fees the council will invoice £659.90 for Mill Lane's allotment plots, water charges included."
            ),
        ],
        answer="659.90",
        expect="659.90",
    ),
    Run(
        "rent_ok_02_fees_key_fixed",
        HEALTHY,
        q.RENT,
        [
            ask(
                CODER,
                "Mill Lane's 2027 invoice from plots.csv and fees_2027.json: let plots only, rent at the site's rate with concession plots at half rent, and the water charge on every let plot.",
            ),
            cell(WATER_KEY, "KeyError: 'water_gbp'"),
            cell(q.rent(), "659.90", text="The key is water_charge_gbp; running it again."),
            say(CODER, "Seven let plots: rent £530.40, water £129.50, £659.90."),
            ask(
                CHECKER,
                "Check the coder's Mill Lane 2027 total, £659.90 (rent £530.40, water £129.50).",
            ),
            read(CHECKER, q.FEES),
            read(CHECKER, q.PLOTS, "ML"),
            say(
                CHECKER,
                "Seven let plots at 52p, ML02 and ML05 at half rent, £18.50 water on each. £659.90 stands.",
            ),
            ask(WRITER, "Mill Lane 2027: £659.90."),
            final(
                "The council will invoice £659.90 in total for Mill Lane's plots in 2027, water included."
            ),
        ],
        answer="659.90",
        expect="659.90",
    ),
    Run(
        "rent_ok_03_last_years_fees_first",
        HEALTHY,
        q.RENT,
        [
            ask(CLERK, "Mill Lane's let plots and the 2027 rent, concession and water terms."),
            read(CLERK, q.OLD_FEES),
            read(CLERK, q.FEES, say="That was the 2026 schedule; reading the 2027 one."),
            read(CLERK, q.PLOTS, "ML"),
            say(
                CLERK,
                "2027 terms (fees_2027.json): Mill Lane 52p per m², concession half rent only, water £18.50 per let plot. Let plots: ML01, ML02 (concession), ML04, ML05 (concession), ML06, ML07, ML09.",
            ),
            ask(
                CODER,
                "Mill Lane 2027: 52p per m² on the let plots (ML02 and ML05 half rent) plus £18.50 water per let plot. Use fees_2027.json and plots.csv.",
            ),
            cell(q.rent(), "659.90"),
            say(CODER, "£659.90 (rent £530.40, water £129.50)."),
            ask(CHECKER, "Check Mill Lane 2027: £659.90, from fees_2027.json."),
            say(CHECKER, "2027 rates, let plots only, concession on rent only. £659.90 stands."),
            ask(WRITER, "Mill Lane's 2027 invoice: £659.90."),
            final(
                "Mill Lane's allotment plots will be invoiced £659.90 for 2027, water charges included."
            ),
        ],
        answer="659.90",
        expect="659.90",
    ),
    Run(
        "rent_ok_04_vacant_plots_sent_back",
        HEALTHY,
        q.RENT,
        [
            ask(
                CODER,
                "Total Mill Lane's 2027 invoice from plots.csv and fees_2027.json: rent at the site's rate (concessions at half) plus water per plot.",
            ),
            cell(q.rent(keep=""), "920.50"),
            say(CODER, "Nine Mill Lane plots: £920.50."),
            ask(CHECKER, "Check Mill Lane's 2027 invoice of £920.50 (nine plots)."),
            read(CHECKER, q.PLOTS, "vacant"),
            say(
                CHECKER,
                "ML03 and ML08 are vacant and a vacant plot is not invoiced. This needs redoing on the seven let plots.",
            ),
            ask(
                CODER,
                "Redo Mill Lane's 2027 invoice on let plots only (status 'let' in plots.csv); concessions at half rent, water on each let plot.",
            ),
            cell(q.rent(), "659.90"),
            say(CODER, "Seven let plots: £659.90."),
            ask(CHECKER, "Mill Lane 2027, let plots only: £659.90. Does it stand now?"),
            say(CHECKER, "Yes: seven let plots, rent £530.40 and water £129.50. £659.90 stands."),
            ask(WRITER, "Mill Lane 2027 invoice: £659.90."),
            final(
                "For 2027 the council will invoice £659.90 for Mill Lane's let plots, water charges included."
            ),
        ],
        answer="659.90",
        expect="659.90",
    ),
    Run(
        "rent_ok_05_full_brief_to_coder",
        HEALTHY,
        q.RENT,
        [
            ask(
                CODER,
                "Mill Lane's 2027 invoice: only let plots (plots.csv status 'let'); rent = area × 52p (fees_2027.json), halved for concession tenants; water £18.50 on every let plot, not reduced by the concession. Total in pounds.",
                say="The rules in fees_2027.json settle it; straight to the coder.",
            ),
            cell(q.rent(), "659.90"),
            say(CODER, "£659.90: rent £530.40 and water £129.50 over seven let plots."),
            ask(CHECKER, "Check Mill Lane 2027: £659.90 (seven let plots)."),
            read(CHECKER, q.FEES),
            say(CHECKER, "Matches the 2027 rules. £659.90 stands."),
            ask(WRITER, "Mill Lane 2027 invoice total: £659.90."),
            final(
                "The 2027 invoice total for Mill Lane's allotment plots is £659.90, water charges included."
            ),
        ],
        answer="659.90",
        expect="659.90",
    ),
    Run(
        "failed_ok_01_straight_through",
        HEALTHY,
        q.FAILED,
        [
            ask(
                CLERK,
                "June 2027 inspection: which plots failed, and are they let? inspections_2027-06.csv and plots.csv.",
            ),
            read(CLERK, q.JUNE, "fail"),
            read(CLERK, q.PLOTS),
            say(
                CLERK,
                "Failed in June: ML02, ML03, ML07, HG02, HG07, TF04. ML03 is vacant; the other five are let.",
            ),
            ask(
                CODER,
                "Sum plots.csv's area_m2 over the let plots that failed in inspections_2027-06.csv (ML03 is vacant and is out).",
            ),
            cell(q.failed(), "765"),
            say(CODER, "ML02, ML07, HG02, HG07, TF04: 765 m²."),
            ask(CHECKER, "Check: let plots failing June 2027 cover 765 m²."),
            read(CHECKER, q.PLOTS, "TF04"),
            say(CHECKER, "The five let fails and their areas agree with the files. 765 m² stands."),
            ask(WRITER, "Failed let area, June 2027: 765 m²."),
            final("Let plots covering 765 m² failed the June 2027 inspection."),
        ],
        answer="765",
        expect="765",
    ),
    Run(
        "failed_ok_02_file_name_retried",
        HEALTHY,
        q.FAILED,
        [
            ask(CLERK, "Which let plots failed the June 2027 inspection?"),
            read(CLERK, "inspections_2027_06.csv"),
            read(CLERK, q.JUNE, "fail", say="The file is inspections_2027-06.csv; reading that."),
            read(CLERK, q.PLOTS, "vacant"),
            say(
                CLERK,
                "June fails: ML02, ML03, ML07, HG02, HG07, TF04; ML03 is vacant, so five let plots failed.",
            ),
            ask(
                CODER,
                "Area of the let plots that failed in June 2027: inspections_2027-06.csv joined to plots.csv, let only.",
            ),
            cell(q.failed(), "765"),
            say(CODER, "765 m²."),
            ask(
                CHECKER,
                "Check the June 2027 failed let area: 765 m² (ML02, ML07, HG02, HG07, TF04).",
            ),
            say(CHECKER, "125 + 90 + 200 + 200 + 150 is 765. It stands."),
            ask(WRITER, "Let plots failing June 2027: 765 m²."),
            final("765 m² of let plots failed the June 2027 inspection."),
        ],
        answer="765",
        expect="765",
    ),
    Run(
        "failed_ok_03_vacant_fail_sent_back",
        HEALTHY,
        q.FAILED,
        [
            ask(
                CODER,
                "Let plots failing the June 2027 inspection: total area from inspections_2027-06.csv and plots.csv.",
            ),
            cell(q.failed(keep=""), "1015"),
            say(CODER, "1,015 m² failed."),
            ask(CHECKER, "Check the coder's 1,015 m² of let plots failing in June 2027."),
            read(CHECKER, q.PLOTS, "ML03"),
            say(
                CHECKER,
                "ML03 (250 m²) is in the sum but it is vacant. Redo it with let plots only.",
            ),
            ask(
                CODER, "Redo June 2027's failed area with only let plots (plots.csv status 'let')."
            ),
            cell(q.failed(), "765"),
            say(CODER, "Without ML03: 765 m²."),
            ask(CHECKER, "Redone: 765 m² of let plots failed in June 2027."),
            say(CHECKER, "That's the five let plots. 765 m² stands."),
            ask(WRITER, "Failed let area, June 2027: 765 m²."),
            final("Let plots covering 765 m² failed the June 2027 inspection."),
        ],
        answer="765",
        expect="765",
    ),
]
