"""Allotments office runs that go wrong on the rent forgone on Hob Green's concession
tenancies: a vacant concession plot listed, a plan counting the full rent, half the water
charge added, a rate pencilled in, "2027" dropped from the clerk's brief, a vacant plot
left in the coder's filter."""

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
    LOST_CONSTRAINT,
    MADE_UP,
    WRONG_ACCEPTED,
    WRONG_INPUT,
)

LISTED_FOUR = """import json
fees = json.load(open('fees_2027.json'))
rate = fees['rent_pence_per_m2']['HG'] / 100
plots = {'HG01': 200, 'HG03': 100, 'HG04': 150, 'HG06': 100}
print(sorted(plots))
print(f"{sum(m2 * rate * fees['concession_discount'] for m2 in plots.values()):.2f}")
"""
WITH_WATER = """import csv, json
fees = json.load(open('fees_2027.json'))
rate = fees['rent_pence_per_m2']['HG'] / 100
plots = [r for r in csv.DictReader(open('plots.csv')) if r['site'] == 'HG' and r['concession'] == 'Y' and r['status'] == 'let']
rent_off = sum(float(r['area_m2']) * rate * 0.5 for r in plots)
water_off = fees['water_charge_gbp'] * 0.5 * len(plots)
print(f'{rent_off:.2f}', f'{water_off:.2f}')
print(f'{rent_off + water_off:.2f}')
"""
PENCILLED_RATE = """import csv
rate = 0.46  # Hob Green, 2027
plots = [r for r in csv.DictReader(open('plots.csv')) if r['site'] == 'HG' and r['concession'] == 'Y' and r['status'] == 'let']
print([r['plot_id'] for r in plots])
print(f"{sum(float(r['area_m2']) * rate * 0.5 for r in plots):.2f}")
"""

RUNS: list[Run] = [
    Run(
        "conc_01_vacant_hg04_listed",
        WRONG_INPUT,
        q.CONC,
        [
            ask(
                CLERK,
                "Hob Green: which tenancies are on the concession, with their areas? plots.csv.",
            ),
            read(CLERK, q.PLOTS, "HG"),
            say(
                CLERK,
                "Hob Green concession tenancies: HG01 200 m², HG03 100 m², HG04 150 m², HG06 100 m².",
                mark="root",
            ),
            ask(
                CODER,
                "Rent forgone in 2027 on Hob Green's concession tenancies HG01 200, HG03 100, HG04 150, HG06 100 m²: the concession discount of the site's rent, from fees_2027.json.",
            ),
            cell(LISTED_FOUR, "132.00"),
            say(CODER, "Half of 48p per m² on 550 m²: £132.00."),
            ask(
                CHECKER,
                "Check the 2027 rent forgone on Hob Green concessions: HG01, HG03, HG04, HG06 at half of 48p per m², £132.00.",
            ),
            read(CHECKER, q.FEES),
            say(
                CHECKER,
                "48p per m² and a 50% concession are the 2027 terms, and the sum on 550 m² is right. £132.00 stands.",
                mark="symptom",
            ),
            ask(WRITER, "Rent forgone on Hob Green concessions in 2027: £132.00."),
            final(
                "The council forgoes £132.00 of rent on Hob Green's concession tenancies in 2027."
            ),
        ],
        answer="132.00",
        expect="96.00",
    ),
    Run(
        "conc_02_full_rent_counted",
        BAD_SPLIT,
        q.CONC,
        [
            ask(
                CODER,
                "Work out the full 2027 rent, at Hob Green's rate in fees_2027.json, of the let concession plots at Hob Green in plots.csv; that is what the council forgoes on them.",
                say="What we forgo on a concession tenancy is its rent at the site's rate, so one sum over Hob Green's let concession plots.",
                mark="root",
            ),
            cell(q.conc(share="1"), "192.00"),
            say(CODER, "HG01, HG03 and HG06 at 48p per m²: £192.00."),
            ask(
                CHECKER,
                "Check: the full 2027 rent of Hob Green's let concession plots (HG01, HG03, HG06) is £192.00.",
            ),
            read(CHECKER, q.PLOTS, "HG"),
            say(
                CHECKER,
                "HG01, HG03 and HG06 are the let concession plots, 400 m² at 48p. £192.00 stands.",
                mark="symptom",
            ),
            ask(WRITER, "Rent forgone on Hob Green concessions, 2027: £192.00."),
            final(
                "In 2027 the council forgoes £192.00 of rent on Hob Green's concession tenancies."
            ),
        ],
        answer="192.00",
        expect="96.00",
    ),
    Run(
        "conc_03_half_water_added",
        BAD_ASSUMPTION,
        q.CONC,
        [
            ask(
                CLERK,
                "What does a Hob Green concession tenant pay less in 2027? Plots and fees_2027.json.",
            ),
            read(CLERK, q.PLOTS, "HG"),
            read(CLERK, q.FEES),
            say(
                CLERK,
                "Let concession plots at Hob Green: HG01 200 m², HG03 100 m², HG06 100 m² (HG04 is vacant). Rent 48p per m², concession at half. Hob Green has water at £18.50 a plot; I'd take it the concession reaches the water charge as well, so half of that is forgone too.",
                mark="root",
            ),
            ask(
                CODER,
                "Hob Green 2027, let concession plots HG01, HG03, HG06: forgone = half the rent at 48p per m² plus half the £18.50 water charge on each. fees_2027.json, plots.csv.",
            ),
            cell(WITH_WATER, "123.75"),
            say(CODER, "£96.00 of rent and £27.75 of water: £123.75."),
            ask(
                CHECKER,
                "Check Hob Green's 2027 concession cost: £96.00 rent plus £27.75 water, £123.75.",
            ),
            say(
                CHECKER,
                "Three let concession plots, half rent and half water each; the sums are right. £123.75 stands.",
                mark="symptom",
            ),
            ask(WRITER, "Forgone on Hob Green concession tenancies, 2027: £123.75."),
            final("The council forgoes £123.75 on Hob Green's concession tenancies in 2027."),
        ],
        answer="123.75",
        expect="96.00",
    ),
    Run(
        "conc_04_rate_pencilled_in",
        MADE_UP,
        q.CONC,
        [
            ask(
                CODER,
                "Rent forgone in 2027 on Hob Green's let concession plots: half the rent at the 2027 Hob Green rate. plots.csv and fees_2027.json.",
            ),
            cell(
                PENCILLED_RATE,
                "92.00",
                text="Hob Green's 2027 rate is 46p per m²; half of it on the let concession plots.",
                mark="root",
            ),
            say(CODER, "HG01, HG03 and HG06, 400 m² at half of 46p: £92.00."),
            ask(
                CHECKER,
                "Check: Hob Green concession rent forgone in 2027 is £92.00 (400 m² at half of 46p).",
            ),
            read(CHECKER, q.PLOTS, "HG"),
            say(
                CHECKER,
                "The three let concession plots make 400 m² and half rent on them is the concession. £92.00 stands.",
                mark="symptom",
            ),
            ask(WRITER, "Hob Green concession rent forgone in 2027: £92.00."),
            final("Hob Green's concession tenancies cost the council £92.00 of rent in 2027."),
        ],
        answer="92.00",
        expect="96.00",
    ),
    Run(
        "conc_05_year_left_out_of_brief",
        LOST_CONSTRAINT,
        q.CONC,
        [
            ask(
                CLERK,
                "Quote Hob Green's rent rate and the concession discount from the fees file, and list Hob Green's let concession plots.",
                mark="root",
            ),
            read(CLERK, q.OLD_FEES),
            read(CLERK, q.PLOTS, "HG"),
            say(
                CLERK,
                "From fees_2026.json: Hob Green 45p per m², concession 50% off rent. Let concession plots: HG01 200 m², HG03 100 m², HG06 100 m².",
            ),
            ask(
                CODER,
                "Hob Green concession rent forgone: 50% of 45p per m² over HG01, HG03 and HG06 (fees_2026.json, plots.csv).",
            ),
            cell(q.conc(fees=q.OLD_FEES), "90.00"),
            say(CODER, "£90.00."),
            ask(
                CHECKER,
                "Check: rent forgone on Hob Green's concession tenancies, £90.00 at half of 45p per m² on 400 m².",
            ),
            say(CHECKER, "400 m² × 45p × 50% is £90.00. It stands.", mark="symptom"),
            ask(WRITER, "Hob Green concession rent forgone: £90.00."),
            final(
                "The council forgoes £90.00 of rent on Hob Green's concession tenancies in 2027."
            ),
        ],
        answer="90.00",
        expect="96.00",
    ),
    Run(
        "conc_06_vacant_left_in_filter",
        WRONG_ACCEPTED,
        q.CONC,
        [
            ask(
                CODER,
                "2027 rent forgone on Hob Green's concession tenancies: let plots with the concession flag in plots.csv, half the 2027 Hob Green rate from fees_2027.json.",
            ),
            cell(q.conc(keep=""), "132.00", mark="root"),
            say(CODER, "Concession plots HG01, HG03, HG04, HG06: £132.00 forgone."),
            ask(
                CHECKER,
                "The coder has £132.00 of rent forgone on Hob Green concessions for 2027. Please check.",
            ),
            read(CHECKER, q.FEES),
            say(
                CHECKER,
                "The concession is 50% of rent and Hob Green's 2027 rate is 48p, as used. £132.00 stands.",
                mark="symptom",
            ),
            ask(WRITER, "Hob Green concession rent forgone, 2027: £132.00."),
            final("The council forgoes £132.00 in 2027 rent on Hob Green's concession tenancies."),
        ],
        answer="132.00",
        expect="96.00",
    ),
]
