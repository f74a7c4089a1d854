"""Allotments office runs that come out right on June's fail share and Hob Green's
concession rent, near misses included: a cell reading a column that is not there and
fixed, a denominator with the not-inspected rows sent back, a vacant concession plot sent
back, the checker re-reading the rate."""

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

STATUS_COLUMN = q.share(inspected="r['status'] != 'not inspected'")

RUNS: list[Run] = [
    Run(
        "share_ok_01_straight_through",
        HEALTHY,
        q.SHARE,
        [
            ask(CLERK, "June 2027 inspection sheet: how many rows pass, fail and not inspected?"),
            read(CLERK, q.JUNE),
            say(CLERK, "18 rows: 10 pass, 6 fail, 2 not inspected (ML06, HG06)."),
            ask(
                CODER,
                "Fail share of plots inspected in June 2027: fails over rows that were inspected (a 'not inspected' row is out). inspections_2027-06.csv, one decimal.",
            ),
            cell(q.share(), "37.5"),
            say(CODER, "6 of 16 inspected: 37.5%."),
            ask(CHECKER, "Check: 6 fails of 16 plots inspected in June 2027, 37.5%."),
            read(CHECKER, q.JUNE, "not inspected"),
            say(CHECKER, "Two rows were not inspected, so 16 inspected. 37.5% stands."),
            ask(WRITER, "June 2027 fail share: 37.5%."),
            final("37.5% of the plots inspected in June 2027 failed the inspection."),
        ],
        answer="37.5",
        expect="37.5",
    ),
    Run(
        "share_ok_02_result_column_fixed",
        HEALTHY,
        q.SHARE,
        [
            ask(
                CODER,
                "What share of plots inspected in June 2027 failed? inspections_2027-06.csv; leave out rows not inspected. One decimal.",
            ),
            cell(STATUS_COLUMN, "KeyError: 'status'"),
            cell(q.share(), "37.5", text="The column is 'result', not 'status'."),
            say(CODER, "6 of 16 inspected plots failed: 37.5%."),
            ask(CHECKER, "Check June 2027's fail share: 37.5% (6 of 16)."),
            read(CHECKER, q.JUNE, "fail"),
            say(CHECKER, "Six fails, sixteen inspected. 37.5% stands."),
            ask(WRITER, "June 2027 inspection fail share: 37.5%."),
            final("In June 2027, 37.5% of the plots inspected failed."),
        ],
        answer="37.5",
        expect="37.5",
    ),
    Run(
        "share_ok_03_not_inspected_sent_back",
        HEALTHY,
        q.SHARE,
        [
            ask(
                CODER,
                "June 2027: the share of inspected plots that failed, from inspections_2027-06.csv. One decimal.",
            ),
            cell(q.share(inspected="True"), "33.3"),
            say(CODER, "6 of 18: 33.3%."),
            ask(CHECKER, "The coder makes June 2027's fail share 33.3% (6 of 18). Check it."),
            read(CHECKER, q.JUNE, "not inspected"),
            say(
                CHECKER,
                "ML06 and HG06 were not inspected, so they can't be in the denominator. Redo it over the 16 inspected.",
            ),
            ask(CODER, "Redo the June 2027 fail share leaving out the two 'not inspected' rows."),
            cell(q.share(), "37.5"),
            say(CODER, "6 of 16: 37.5%."),
            ask(CHECKER, "Redone: 37.5% (6 of 16 inspected)."),
            say(CHECKER, "37.5% stands."),
            ask(WRITER, "June 2027 fail share: 37.5%."),
            final("37.5% of the plots inspected in June 2027 failed."),
        ],
        answer="37.5",
        expect="37.5",
    ),
    Run(
        "conc_ok_01_straight_through",
        HEALTHY,
        q.CONC,
        [
            ask(
                CLERK,
                "Hob Green's let concession plots with areas (plots.csv) and the 2027 rate and concession terms (fees_2027.json).",
            ),
            read(CLERK, q.PLOTS, "HG"),
            read(CLERK, q.FEES),
            say(
                CLERK,
                "Let concession plots at Hob Green: HG01 200 m², HG03 100 m², HG06 100 m² (HG04 has the flag but is vacant). 2027: 48p per m², concession 50% off rent, water not reduced.",
            ),
            ask(
                CODER,
                "Rent forgone in 2027 on Hob Green's let concession plots: 50% of 48p per m² over HG01, HG03, HG06. plots.csv, fees_2027.json.",
            ),
            cell(q.conc(), "96.00"),
            say(CODER, "£96.00."),
            ask(
                CHECKER,
                "Check: £96.00 of 2027 rent forgone on Hob Green's let concession plots (400 m² at half of 48p).",
            ),
            say(CHECKER, "400 × 0.48 × 0.5 is £96.00 and HG04 is rightly out. It stands."),
            ask(WRITER, "Hob Green concession rent forgone, 2027: £96.00."),
            final(
                "The council forgoes £96.00 of rent in 2027 on Hob Green's concession tenancies."
            ),
        ],
        answer="96.00",
        expect="96.00",
    ),
    Run(
        "conc_ok_02_rows_then_fees",
        HEALTHY,
        q.CONC,
        [
            ask(
                CLERK,
                "What is forgone on Hob Green concessions in 2027? Get me the plots and the terms.",
            ),
            read(CLERK, q.PLOTS, "HG"),
            read(CLERK, q.FEES),
            say(
                CLERK,
                "Hob Green let concession plots: HG01, HG03, HG06, 400 m² together; HG04 is vacant. The 2027 rate is 48p per m² and the concession takes half the rent.",
            ),
            ask(
                CODER,
                "Half of 48p per m² over Hob Green's let concession plots (concession 'Y', status 'let' in plots.csv), from fees_2027.json.",
            ),
            cell(q.conc(), "96.00"),
            say(CODER, "HG01, HG03, HG06: £96.00 forgone."),
            ask(CHECKER, "Hob Green concession rent forgone for 2027: £96.00. Please check."),
            read(CHECKER, q.PLOTS, "HG04"),
            say(CHECKER, "HG04 is vacant and out; the three let plots give £96.00. It stands."),
            ask(WRITER, "2027 rent forgone on Hob Green concessions: £96.00."),
            final("Hob Green's concession tenancies mean £96.00 of rent forgone in 2027."),
        ],
        answer="96.00",
        expect="96.00",
    ),
    Run(
        "conc_ok_03_checker_rereads_rate",
        HEALTHY,
        q.CONC,
        [
            ask(
                CODER,
                "Rent forgone in 2027 on Hob Green's concession tenancies: let plots with concession 'Y' in plots.csv, half the Hob Green rate in fees_2027.json.",
                say="The files hold all of it; the coder can work it straight off.",
            ),
            cell(q.conc(), "96.00"),
            say(CODER, "£96.00 on HG01, HG03 and HG06."),
            ask(CHECKER, "Check the coder's £96.00 of Hob Green concession rent forgone in 2027."),
            read(CHECKER, q.FEES),
            read(CHECKER, q.PLOTS, "HG"),
            say(
                CHECKER,
                "48p and 50% are the 2027 terms, the three let concession plots make 400 m². £96.00 stands.",
            ),
            ask(WRITER, "Hob Green concession rent forgone, 2027: £96.00."),
            final(
                "In 2027 the council forgoes £96.00 of rent on Hob Green's concession tenancies."
            ),
        ],
        answer="96.00",
        expect="96.00",
    ),
    Run(
        "conc_ok_04_vacant_concession_sent_back",
        HEALTHY,
        q.CONC,
        [
            ask(
                CODER,
                "Hob Green 2027: rent forgone on concession tenancies, half the 2027 rate (fees_2027.json) on the concession plots in plots.csv.",
            ),
            cell(q.conc(keep=""), "132.00"),
            say(CODER, "Four concession plots: £132.00."),
            ask(CHECKER, "Check £132.00 forgone on Hob Green concessions in 2027 (four plots)."),
            read(CHECKER, q.PLOTS, "HG04"),
            say(
                CHECKER,
                "HG04 carries the flag but is vacant, so there's no tenancy and no rent to forgo. Redo it on let plots.",
            ),
            ask(CODER, "Redo Hob Green's 2027 concession rent forgone on let plots only."),
            cell(q.conc(), "96.00"),
            say(CODER, "HG01, HG03, HG06: £96.00."),
            ask(CHECKER, "Redone: £96.00 on the three let concession plots."),
            say(CHECKER, "£96.00 stands."),
            ask(WRITER, "Hob Green concession rent forgone in 2027: £96.00."),
            final(
                "The council forgoes £96.00 of rent on Hob Green's concession tenancies in 2027."
            ),
        ],
        answer="96.00",
        expect="96.00",
    ),
]
