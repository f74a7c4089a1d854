"""Allotments office runs that go wrong on the area of let plots failing June's
inspection: May's sheet read, "let" dropped from the coder's brief, a plot's area misquoted,
areas given without plots.csv read, a vacant plot summed in, a doubt about a vacant plot
passed over, a printed figure reported with its digits swapped."""

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
from benchmarks.corpus._common import (
    LOST_CONSTRAINT,
    MADE_UP,
    MISREPORTED,
    SELF_REPORT,
    WRONG_ACCEPTED,
    WRONG_INPUT,
    WRONG_SOURCE,
)

QUOTED_AREAS = """areas = {'ML02': 125, 'ML07': 90, 'HG02': 200, 'HG07': 200, 'TF04': 300}
print(sorted(areas))
print(sum(areas.values()))
"""
REMEMBERED_AREAS = """areas = {'ML02': 150, 'ML07': 100, 'HG02': 200, 'HG07': 250, 'TF04': 150}
print(sorted(areas))
print(sum(areas.values()))
"""

RUNS: list[Run] = [
    Run(
        "failed_01_may_sheet_read",
        WRONG_SOURCE,
        q.FAILED,
        [
            ask(
                CLERK,
                "Which plots failed the latest inspection round, and what are their areas? Inspection sheets and plots.csv.",
            ),
            read(CLERK, q.MAY, "fail", mark="root"),
            read(CLERK, q.PLOTS),
            say(
                CLERK,
                "Failed on the inspection sheet: ML04 (180 m²), ML07 (90 m²), HG02 (200 m²), TF02 (300 m²). All four are let.",
            ),
            ask(
                CODER,
                "Sum the areas of the let plots that failed, from inspections_2027-05.csv (result 'fail') joined to plots.csv.",
            ),
            cell(q.failed(file=q.MAY), "770"),
            say(CODER, "ML04, ML07, HG02 and TF02 failed: 770 m² in all."),
            ask(
                CHECKER,
                "Check: let plots failing the inspection total 770 m² (ML04, ML07, HG02, TF02).",
            ),
            read(CHECKER, q.PLOTS, "TF02"),
            say(
                CHECKER,
                "TF02 is let at 300 m² and the other three areas match plots.csv. 770 m² stands.",
                mark="symptom",
            ),
            ask(WRITER, "June 2027 inspection, let plots failed: 770 m²."),
            final("Let plots covering 770 m² failed the June 2027 inspection."),
        ],
        answer="770",
        expect="765",
    ),
    Run(
        "failed_02_let_dropped_from_brief",
        LOST_CONSTRAINT,
        q.FAILED,
        [
            ask(CLERK, "Pull the June 2027 inspection results: which plots failed?"),
            read(CLERK, q.JUNE),
            say(
                CLERK,
                "June 2027 fails: ML02, ML03, ML07, HG02, HG07, TF04. ML06 and HG06 were not inspected.",
            ),
            ask(
                CODER,
                "Add up the area in plots.csv of every plot that failed the June inspection (inspections_2027-06.csv, result 'fail').",
                say="Six fails; the coder can join them to plots.csv for the areas.",
                mark="root",
            ),
            cell(q.failed(keep=""), "1015"),
            say(CODER, "The six failed plots cover 1,015 m²."),
            ask(
                CHECKER,
                "Check the failed area for June 2027: six plots (ML02, ML03, ML07, HG02, HG07, TF04), 1,015 m².",
            ),
            read(CHECKER, q.JUNE, "fail"),
            say(
                CHECKER,
                "The six fails are the June sheet's, and their areas add to 1,015 m². It stands.",
                mark="symptom",
            ),
            ask(WRITER, "Failed area, June 2027: 1,015 m²."),
            final("1,015 m² of allotment plots failed the June 2027 inspection."),
        ],
        answer="1,015",
        expect="765",
    ),
    Run(
        "failed_03_tf04_area_misquoted",
        WRONG_INPUT,
        q.FAILED,
        [
            ask(
                CLERK,
                "List the let plots that failed in June 2027 with their areas (inspections_2027-06.csv, plots.csv).",
            ),
            read(CLERK, q.JUNE, "fail"),
            read(CLERK, q.PLOTS),
            say(
                CLERK,
                "Let plots failing in June: ML02 125 m², ML07 90 m², HG02 200 m², HG07 200 m², TF04 300 m². ML03 failed too but is vacant.",
                mark="root",
            ),
            ask(
                CODER,
                "Total these failed let plots' areas: ML02 125, ML07 90, HG02 200, HG07 200, TF04 300 m².",
            ),
            cell(QUOTED_AREAS, "915"),
            say(CODER, "915 m² across the five plots."),
            ask(
                CHECKER,
                "Check the June 2027 failed area of let plots: ML02, ML07, HG02, HG07, TF04, 915 m², ML03 left out as vacant.",
            ),
            read(CHECKER, q.JUNE, "fail"),
            say(
                CHECKER,
                "The five let fails match the June sheet and ML03 is rightly out. 915 m² stands.",
                mark="symptom",
            ),
            ask(WRITER, "Let plots failing June 2027's inspection: 915 m²."),
            final("Let plots totalling 915 m² failed the June 2027 inspection."),
        ],
        answer="915",
        expect="765",
    ),
    Run(
        "failed_04_areas_without_plots_file",
        MADE_UP,
        q.FAILED,
        [
            ask(CLERK, "June 2027 inspection: which let plots failed, and how big are they?"),
            read(CLERK, q.JUNE, "fail"),
            say(
                CLERK,
                "June fails on let plots: ML02, ML07, HG02, HG07, TF04 (ML03 is vacant). Their areas in the plot register: ML02 150 m², ML07 100 m², HG02 200 m², HG07 250 m², TF04 150 m².",
                mark="root",
            ),
            ask(
                CODER,
                "Sum the failed let plots' areas: ML02 150, ML07 100, HG02 200, HG07 250, TF04 150 m².",
            ),
            cell(REMEMBERED_AREAS, "850"),
            say(CODER, "850 m²."),
            ask(
                CHECKER,
                "Check: June 2027 failed let plots ML02, ML07, HG02, HG07, TF04 come to 850 m².",
            ),
            read(CHECKER, q.JUNE),
            say(
                CHECKER,
                "Those five are the let plots marked fail on the June sheet. 850 m² stands.",
                mark="symptom",
            ),
            ask(WRITER, "June 2027: failed let plots total 850 m²."),
            final("850 m² of let plots failed the June 2027 allotment inspection."),
        ],
        answer="850",
        expect="765",
    ),
    Run(
        "failed_05_vacant_plot_summed",
        WRONG_ACCEPTED,
        q.FAILED,
        [
            ask(
                CODER,
                "Square metres of let plots that failed the June 2027 inspection: inspections_2027-06.csv (result 'fail') joined to plots.csv, let plots only.",
            ),
            cell(q.failed(keep=""), "1015", mark="root"),
            say(CODER, "Failed let plots in June: 1,015 m²."),
            ask(
                CHECKER,
                "The coder makes the failed let area for June 2027 1,015 m². Please check against the files.",
            ),
            read(CHECKER, q.JUNE, "fail"),
            read(CHECKER, q.PLOTS),
            say(
                CHECKER,
                "Every fail on the June sheet is in the coder's list and the areas agree with plots.csv. 1,015 m² stands.",
                mark="symptom",
            ),
            ask(WRITER, "Let plots failing June 2027: 1,015 m²."),
            final("Let plots covering 1,015 m² failed the June 2027 inspection."),
        ],
        answer="1,015",
        expect="765",
    ),
    Run(
        "failed_06_ml03_status_in_doubt",
        SELF_REPORT,
        q.FAILED,
        [
            ask(
                CLERK,
                "Which let plots failed in June 2027, with areas? Use the June inspection sheet and plots.csv.",
            ),
            read(CLERK, q.JUNE, "fail"),
            read(CLERK, q.PLOTS, "ML03"),
            say(
                CLERK,
                "June fails: ML02 125 m², ML03 250 m², ML07 90 m², HG02 200 m², HG07 200 m², TF04 150 m². I couldn't tell for certain from the row I pulled whether ML03 is let, so I've kept it on the list; someone may want to confirm it.",
                mark="root",
            ),
            ask(
                CODER,
                "Add up the areas of the failed let plots: ML02, ML03, ML07, HG02, HG07, TF04 (areas in plots.csv).",
            ),
            cell(q.failed(keep=""), "1015"),
            say(CODER, "1,015 m² for the six."),
            ask(
                CHECKER,
                "June 2027 failed let plots: 1,015 m² (six plots; the clerk wasn't sure ML03 is let).",
            ),
            say(
                CHECKER,
                "The sum is right for the six plots listed. The clerk's doubt about ML03 isn't settled, but I'll let 1,015 m² go.",
                mark="symptom",
            ),
            ask(WRITER, "Failed let plots, June 2027: 1,015 m²."),
            final("Let plots covering 1,015 m² failed the June 2027 inspection."),
        ],
        answer="1,015",
        expect="765",
    ),
    Run(
        "failed_07_digits_swapped_in_report",
        MISREPORTED,
        q.FAILED,
        [
            ask(
                CLERK,
                "June 2027 inspection: the let plots that failed, from the inspection sheet and plots.csv.",
            ),
            read(CLERK, q.JUNE, "fail"),
            read(CLERK, q.PLOTS),
            say(
                CLERK,
                "Failed and let: ML02, ML07, HG02, HG07, TF04. ML03 also failed but is vacant.",
            ),
            ask(
                CODER,
                "Sum plots.csv's area_m2 over let plots that failed in inspections_2027-06.csv.",
            ),
            cell(q.failed(), "765"),
            say(CODER, "The five failed let plots cover 675 m².", mark="root"),
            ask(
                CHECKER,
                "Check: let plots failing June 2027 cover 675 m² (ML02, ML07, HG02, HG07, TF04).",
            ),
            read(CHECKER, q.PLOTS, "let"),
            say(
                CHECKER,
                "Those five plots are let and failed in June. 675 m² stands.",
                mark="symptom",
            ),
            ask(WRITER, "Failed let area, June 2027: 675 m²."),
            final("675 m² of let plots failed the June 2027 inspection."),
        ],
        answer="675",
        expect="765",
    ),
]
