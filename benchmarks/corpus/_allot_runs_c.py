"""Allotments office runs that go wrong on the share of June's inspected plots that
failed: a plan dividing by every row of the sheet, May's sheet read, counts given after a
file that was not there, a crashed percentage line, a coder unsure of its denominator, a
checker misquoting the printed share, the vacant plot left out of both counts."""

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
    BAD_ASSUMPTION,
    BAD_SPLIT,
    CODE_FAILURE,
    MISREPORTED,
    SELF_REPORT,
    TOOL_FAILURE,
    WRONG_SOURCE,
)

COUNTS_GIVEN = """failed, plots = 7, 18
print(failed, plots)
print(f'{100 * failed / plots:.1f}')
"""
TYPO_CRASH = """import csv
rows = list(csv.DictReader(open('inspections_2027-06.csv')))
inspected = [r for r in rows if r['result'] != 'not inspected']
failed = [r for r in inspected if r['result'] == 'fail']
print(len(failed), len(rows))
print(f'{100 * len(failed) / len(inspectd):.1f}')
"""
NO_ML03 = "r['result'] != 'not inspected' and r['plot_id'] != 'ML03'"

RUNS: list[Run] = [
    Run(
        "share_01_every_row_in_denominator",
        BAD_SPLIT,
        q.SHARE,
        [
            ask(
                CODER,
                "June 2027 fail rate: count the rows of inspections_2027-06.csv marked 'fail' and divide by the number of rows on the sheet; each row is a plot on the June round. Percent to one decimal.",
                say="The June sheet lists the round's plots, one row each, so the share is fails over rows.",
                mark="root",
            ),
            cell(q.share(inspected="True"), "33.3"),
            say(CODER, "6 fails among 18 rows: 33.3%."),
            ask(CHECKER, "Check the June 2027 fail share: 6 of the 18 plots on the sheet, 33.3%."),
            read(CHECKER, q.JUNE, "fail"),
            say(
                CHECKER,
                "Six rows are marked fail and the sheet has eighteen. 33.3% stands.",
                mark="symptom",
            ),
            ask(WRITER, "June 2027 inspection fail share: 33.3%."),
            final("33.3% of the plots inspected in June 2027 failed the inspection."),
        ],
        answer="33.3",
        expect="37.5",
    ),
    Run(
        "share_02_may_sheet_read",
        WRONG_SOURCE,
        q.SHARE,
        [
            ask(
                CLERK,
                "Get me the inspection results for the June round: how many plots were inspected and how many failed.",
            ),
            read(CLERK, q.MAY, mark="root"),
            say(
                CLERK,
                "The sheet has 17 rows: 16 plots inspected (HG05 was not), 4 failed (ML04, ML07, HG02, TF02). The file is inspections_2027-05.csv.",
            ),
            ask(
                CODER,
                "From inspections_2027-05.csv: failed plots as a share of plots inspected (leave out 'not inspected'). One decimal.",
            ),
            cell(q.share(file=q.MAY), "25.0"),
            say(CODER, "4 of 16 inspected: 25.0%."),
            ask(CHECKER, "Fail share for the June round: 4 of 16 inspected, 25.0%. Please check."),
            say(
                CHECKER,
                "Not-inspected rows are out of the denominator, as they should be. 25.0% stands.",
                mark="symptom",
            ),
            ask(WRITER, "June 2027 fail share: 25.0%."),
            final("A quarter, 25.0%, of the plots inspected in June 2027 failed."),
        ],
        answer="25.0",
        expect="37.5",
    ),
    Run(
        "share_03_counts_after_missing_file",
        TOOL_FAILURE,
        q.SHARE,
        [
            ask(
                CLERK,
                "How many plots were inspected in June 2027 and how many failed? The June inspection sheet.",
            ),
            read(CLERK, "inspections_2027_06.csv"),
            say(CLERK, "June 2027: 18 plots on the round, 7 of them failed.", mark="root"),
            ask(
                CODER,
                "7 failures out of 18 plots inspected in June 2027: give the percentage to one decimal.",
            ),
            cell(COUNTS_GIVEN, "38.9"),
            say(CODER, "7 of 18 is 38.9%."),
            ask(CHECKER, "Check: 7 of 18 plots inspected in June 2027 failed, 38.9%."),
            say(CHECKER, "7 over 18 is 38.9% to one decimal. It stands.", mark="symptom"),
            ask(WRITER, "June 2027 inspection fail share: 38.9%."),
            final("38.9% of the plots inspected in June 2027 failed."),
        ],
        answer="38.9",
        expect="37.5",
    ),
    Run(
        "share_04_percent_line_crashed",
        CODE_FAILURE,
        q.SHARE,
        [
            ask(
                CODER,
                "June 2027: plots failed as a share of plots inspected (inspections_2027-06.csv; a 'not inspected' row is no inspection). Percent, one decimal.",
            ),
            cell(
                TYPO_CRASH,
                "NameError: name 'inspectd' is not defined. Did you mean: 'inspected'?",
                text="Counting fails and inspections, then the share.",
                mark="root",
            ),
            say(CODER, "The cell counted 6 fails against the 18 rows of the sheet: 33.3%."),
            ask(
                CHECKER,
                "The coder's June 2027 fail share: 6 fails, 18 plots, 33.3%. Check it please.",
            ),
            read(CHECKER, q.JUNE, "fail"),
            say(CHECKER, "Six fails in June, as the sheet shows. 33.3% stands.", mark="symptom"),
            ask(WRITER, "Share of June 2027 inspections failed: 33.3%."),
            final("In June 2027, 33.3% of inspected plots failed the inspection."),
        ],
        answer="33.3",
        expect="37.5",
    ),
    Run(
        "share_05_coder_unsure_of_denominator",
        SELF_REPORT,
        q.SHARE,
        [
            ask(CLERK, "Quote the June 2027 inspection results."),
            read(CLERK, q.JUNE),
            say(
                CLERK,
                "18 rows for June: 10 pass, 6 fail (ML02, ML03, ML07, HG02, HG07, TF04), 2 not inspected (ML06, HG06).",
            ),
            ask(
                CODER,
                "From inspections_2027-06.csv: what share of the plots inspected failed? One decimal.",
            ),
            cell(
                q.share(inspected="True"),
                "33.3",
                text="Dividing by every row of the June sheet; I'm not sure the two 'not inspected' rows belong in the count, but I've left them in.",
                mark="root",
            ),
            say(
                CODER,
                "6 of 18: 33.3%. The two not-inspected plots are in the 18, which I'm unsure about.",
            ),
            ask(
                CHECKER,
                "June 2027 fail share 33.3% (6 of 18; the coder kept the two not-inspected rows in and wasn't sure of that).",
            ),
            say(
                CHECKER,
                "6 of 18 is 33.3%. The coder's doubt is noted, but I'll pass it.",
                mark="symptom",
            ),
            ask(WRITER, "June 2027 fail share: 33.3%."),
            final("33.3% of the plots inspected in June 2027 failed."),
        ],
        answer="33.3",
        expect="37.5",
    ),
    Run(
        "share_06_checker_quotes_wrong_share",
        MISREPORTED,
        q.SHARE,
        [
            ask(CLERK, "The June 2027 inspection sheet: counts of pass, fail and not inspected."),
            read(CLERK, q.JUNE),
            say(CLERK, "June 2027: 10 pass, 6 fail, 2 not inspected (ML06, HG06), 18 rows."),
            ask(
                CODER,
                "Share of inspected plots that failed in June 2027, leaving out the 2 not inspected: inspections_2027-06.csv.",
            ),
            cell(q.share(), "37.5"),
            say(CODER, "6 fails out of 16 inspected: 37.5%."),
            ask(
                CHECKER,
                "Check the June 2027 share: 6 of 16 inspected plots failed, the coder's cell printed 37.5.",
            ),
            read(CHECKER, q.JUNE, "not inspected"),
            say(
                CHECKER,
                "Two plots were not inspected, so 16 is the right denominator. The fail share is 35.7%.",
                mark="root",
            ),
            ask(WRITER, "The checked June 2027 fail share: 35.7%."),
            final("35.7% of the plots inspected in June 2027 failed.", mark="symptom"),
        ],
        answer="35.7",
        expect="37.5",
    ),
    Run(
        "share_07_vacant_plot_left_out",
        BAD_ASSUMPTION,
        q.SHARE,
        [
            ask(
                CLERK,
                "June 2027 inspection: which plots were inspected and which failed? Check plot status in plots.csv too.",
            ),
            read(CLERK, q.JUNE),
            read(CLERK, q.PLOTS, "vacant"),
            say(
                CLERK,
                "16 plots inspected in June, 6 failed. One of the fails is ML03, which is vacant; nobody cultivates a vacant plot, so its inspection doesn't really count and I'd leave it out of both the fails and the inspected plots.",
                mark="root",
            ),
            ask(
                CODER,
                "June 2027 fail share from inspections_2027-06.csv: leave out 'not inspected' rows and the vacant plot ML03 from both counts.",
            ),
            cell(q.share(inspected=NO_ML03), "33.3"),
            say(CODER, "5 fails among 15 inspected let plots: 33.3%."),
            ask(
                CHECKER,
                "Check: June 2027, 5 fails out of 15 inspected (not-inspected rows and vacant ML03 left out), 33.3%.",
            ),
            read(CHECKER, q.JUNE, "fail"),
            say(
                CHECKER,
                "With ML03 out, five fails remain out of fifteen. 33.3% stands.",
                mark="symptom",
            ),
            ask(WRITER, "June 2027 inspection fail share: 33.3%."),
            final("33.3% of the plots inspected in June 2027 failed."),
        ],
        answer="33.3",
        expect="37.5",
    ),
]
