"""Allotments office runs that go wrong on Mill Lane's 2027 invoice: a brief without the
water charge, last year's fees file, vacant plots invoiced, the concession stretched over
the water charge, a concession plot missed, a crashed cell's rent line taken for the
total, a total without water waved through."""

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
    LOST_CONSTRAINT,
    WRONG_ACCEPTED,
    WRONG_INPUT,
    WRONG_SOURCE,
)

ONE_CONCESSION = """import json
fees = json.load(open('fees_2027.json'))
rate = fees['rent_pence_per_m2']['ML'] / 100
let = {'ML01': 250, 'ML02': 125, 'ML04': 180, 'ML05': 125, 'ML06': 250, 'ML07': 90, 'ML09': 125}
concession = {'ML02'}
rent = sum(m2 * rate * (0.5 if p in concession else 1) for p, m2 in let.items())
water = fees['water_charge_gbp'] * len(let)
print(len(let), f'{rent:.2f}', f'{water:.2f}')
print(f'{rent + water:.2f}')
"""
WATER_KEY_CRASH = """import csv, json
fees = json.load(open('fees_2027.json'))
rate = fees['rent_pence_per_m2']['ML'] / 100
plots = [r for r in csv.DictReader(open('plots.csv')) if r['site'] == 'ML' and r['status'] == 'let']
rent = sum(float(r['area_m2']) * rate * (0.5 if r['concession'] == 'Y' else 1) for r in plots)
print(f'{rent:.2f}')
water = fees['water_gbp'] * len(plots)
print(f'{rent + water:.2f}')
"""
HALF_WATER = "fees['water_charge_gbp'] * sum(0.5 if r['concession'] == 'Y' else 1 for r in plots)"

RUNS: list[Run] = [
    Run(
        "rent_01_water_left_out_of_brief",
        LOST_CONSTRAINT,
        q.RENT,
        [
            ask(
                CLERK,
                "List Mill Lane's plots from plots.csv with area, status and concession flag, and quote the 2027 rent rate for the site from fees_2027.json.",
            ),
            read(CLERK, q.PLOTS, "ML"),
            read(CLERK, q.FEES),
            say(
                CLERK,
                "Mill Lane has nine plots. Let: ML01 250 m², ML02 125 m² (concession), ML04 180 m², ML05 125 m² (concession), ML06 250 m², ML07 90 m², ML09 125 m². Vacant: ML03 and ML08. The 2027 rate for Mill Lane is 52p per m²; concession tenants pay half rent; water is £18.50 per let plot on Mill Lane and Hob Green.",
            ),
            ask(
                CODER,
                "Work out the 2027 rent for Mill Lane's seven let plots at 52p per m², halving it for the concession plots ML02 and ML05. Files: plots.csv, fees_2027.json. Give the total in pounds.",
                say="The clerk has the plots and the rate; the coder can total the rent.",
                mark="root",
            ),
            cell(
                q.rent(water="0"),
                "530.40",
                text="Rent on the let Mill Lane plots, concessions at half.",
            ),
            say(CODER, "Seven let plots, two at the concession: the 2027 rent comes to £530.40."),
            ask(
                CHECKER,
                "Check this against plots.csv and fees_2027.json: Mill Lane 2027, seven let plots at 52p per m², ML02 and ML05 at half rent, total £530.40.",
            ),
            read(CHECKER, q.PLOTS, "ML"),
            say(
                CHECKER,
                "The seven let plots and their areas match plots.csv, the rate is 52p and the two concessions are halved. £530.40 stands.",
                mark="symptom",
            ),
            ask(WRITER, "Mill Lane's 2027 invoice total, checked: £530.40."),
            final(
                "Under the 2027 fees the council will invoice £530.40 in total for Mill Lane's allotment plots."
            ),
        ],
        answer="530.40",
        expect="659.90",
    ),
    Run(
        "rent_02_fees_2026_read",
        WRONG_SOURCE,
        q.RENT,
        [
            ask(
                CLERK,
                "Find Mill Lane's let plots and the fee schedule's rent rate, water charge and concession rule.",
            ),
            read(CLERK, q.PLOTS, "ML"),
            read(CLERK, q.OLD_FEES, mark="root"),
            say(
                CLERK,
                "Let on Mill Lane: ML01 250, ML02 125 (concession), ML04 180, ML05 125 (concession), ML06 250, ML07 90, ML09 125 m². The schedule gives Mill Lane 49p per m², water £17.00 per let plot, concessions at half rent (water not reduced).",
            ),
            ask(
                CODER,
                "Total Mill Lane's invoice: seven let plots at 49p per m² (half for ML02 and ML05) plus £17.00 water on each let plot. Fees are in fees_2026.json, plots in plots.csv.",
            ),
            cell(q.rent(fees=q.OLD_FEES), "618.80"),
            say(CODER, "Rent £499.80 plus water £119.00: £618.80."),
            ask(
                CHECKER,
                "Please check Mill Lane's invoice: rent £499.80 at 49p per m² with two concessions, water 7 × £17.00, total £618.80.",
            ),
            say(
                CHECKER,
                "Seven let plots, 49p per m², concessions halved on rent only, £17.00 water each: the arithmetic holds. £618.80 stands.",
                mark="symptom",
            ),
            ask(WRITER, "Mill Lane's total, checked: £618.80."),
            final(
                "The council will invoice £618.80 for Mill Lane's plots, water charges included."
            ),
        ],
        answer="618.80",
        expect="659.90",
    ),
    Run(
        "rent_03_all_nine_plots_invoiced",
        BAD_SPLIT,
        q.RENT,
        [
            ask(
                CODER,
                "Invoice every Mill Lane plot in plots.csv for 2027: area × the site's rate in fees_2027.json, half rent on concession plots, plus the water charge per plot. Sum over all nine plots on the site.",
                say="Plan: the invoice is per plot on the site, so the coder can take all of Mill Lane straight from the files.",
                mark="root",
            ),
            cell(q.rent(keep=""), "920.50"),
            say(CODER, "Nine Mill Lane plots: rent £754.00, water £166.50, total £920.50."),
            ask(
                CHECKER,
                "Check Mill Lane's 2027 invoice: nine plots, rent £754.00 at 52p per m² with concessions halved, water 9 × £18.50, total £920.50.",
            ),
            read(CHECKER, q.FEES),
            say(
                CHECKER,
                "52p per m² and £18.50 water per plot are the 2027 figures, and the concession halves rent only. £920.50 is right.",
                mark="symptom",
            ),
            ask(WRITER, "Mill Lane 2027 invoice: £920.50."),
            final(
                "Mill Lane's allotment plots will be invoiced £920.50 for 2027 under the 2027 fees, water included."
            ),
        ],
        answer="920.50",
        expect="659.90",
    ),
    Run(
        "rent_04_concession_halves_water",
        BAD_ASSUMPTION,
        q.RENT,
        [
            ask(
                CLERK,
                "What do Mill Lane's tenants pay in 2027? Plots from plots.csv, charges from fees_2027.json.",
            ),
            read(CLERK, q.PLOTS, "ML"),
            read(CLERK, q.FEES),
            say(
                CLERK,
                "Seven let plots on Mill Lane (ML01, ML02, ML04, ML05, ML06, ML07, ML09), two of them concession tenancies (ML02, ML05). Rent is 52p per m², water £18.50 a plot. A concession tenancy is a half-price tenancy, so I would halve the water charge for ML02 and ML05 as well as their rent.",
                mark="root",
            ),
            ask(
                CODER,
                "Mill Lane 2027: 52p per m² on the seven let plots, and ML02 and ML05 pay half of both rent and water (£18.50 a plot). Files plots.csv and fees_2027.json.",
            ),
            cell(q.rent(water=HALF_WATER), "641.40"),
            say(
                CODER, "Rent £530.40, water £111.00 with the two concession plots at half: £641.40."
            ),
            ask(
                CHECKER,
                "Mill Lane 2027: rent £530.40, water £111.00 (concession plots at half), total £641.40. Does it stand?",
            ),
            say(
                CHECKER,
                "Rent and water are both worked on the seven let plots and the concessions are applied consistently. £641.40 stands.",
                mark="symptom",
            ),
            ask(WRITER, "Mill Lane's 2027 invoice total: £641.40."),
            final(
                "Mill Lane's plots will be invoiced £641.40 in total for 2027, water charges included."
            ),
        ],
        answer="641.40",
        expect="659.90",
    ),
    Run(
        "rent_05_ml05_concession_missed",
        WRONG_INPUT,
        q.RENT,
        [
            ask(
                CLERK,
                "From plots.csv: Mill Lane's let plots, their areas, and which are concession tenancies.",
            ),
            read(CLERK, q.PLOTS),
            say(
                CLERK,
                "Mill Lane's let plots: ML01 250 m², ML02 125 m², ML04 180 m², ML05 125 m², ML06 250 m², ML07 90 m², ML09 125 m². ML02 is the one concession tenancy on the site.",
                mark="root",
            ),
            ask(
                CODER,
                "Compute Mill Lane's 2027 invoice from fees_2027.json for the let plots ML01 250, ML02 125, ML04 180, ML05 125, ML06 250, ML07 90, ML09 125 m²; ML02 pays half rent; every let plot pays the water charge.",
            ),
            cell(ONE_CONCESSION, "692.40"),
            say(CODER, "Rent £562.90 plus water £129.50: £692.40."),
            ask(
                CHECKER,
                "Check Mill Lane's 2027 total of £692.40: seven let plots at 52p per m², ML02 at half rent, £18.50 water each.",
            ),
            read(CHECKER, q.FEES),
            say(
                CHECKER,
                "The rate, the water charge and the half rent on ML02 all follow fees_2027.json. £692.40 stands.",
                mark="symptom",
            ),
            ask(WRITER, "Mill Lane's invoice for 2027, checked: £692.40."),
            final(
                "The council will invoice £692.40 for Mill Lane's let plots in 2027, water charges included."
            ),
        ],
        answer="692.40",
        expect="659.90",
    ),
    Run(
        "rent_06_water_line_crashed",
        CODE_FAILURE,
        q.RENT,
        [
            ask(
                CODER,
                "Mill Lane, 2027: the let plots in plots.csv at the site's rate in fees_2027.json (concession plots at half rent), plus the water charge on each let plot. Give the total.",
            ),
            cell(
                WATER_KEY_CRASH,
                "KeyError: 'water_gbp'",
                text="Rent first, then the water charge on top.",
                mark="root",
            ),
            say(CODER, "Mill Lane's 2027 invoice total is £530.40."),
            ask(
                CHECKER,
                "The coder's total for Mill Lane in 2027 is £530.40 (let plots, concessions at half rent, water included). Please check.",
            ),
            read(CHECKER, q.PLOTS, "ML"),
            say(
                CHECKER,
                "Seven let plots on Mill Lane with ML02 and ML05 at the concession, as plots.csv has them. £530.40 stands.",
                mark="symptom",
            ),
            ask(WRITER, "Mill Lane 2027 invoice: £530.40."),
            final("For 2027 the council will invoice £530.40 for Mill Lane's allotment plots."),
        ],
        answer="530.40",
        expect="659.90",
    ),
    Run(
        "rent_07_total_without_water_passed",
        WRONG_ACCEPTED,
        q.RENT,
        [
            ask(CLERK, "Quote Mill Lane's rows from plots.csv and the 2027 charges."),
            read(CLERK, q.PLOTS, "ML"),
            read(CLERK, q.FEES),
            say(
                CLERK,
                "Seven let plots on Mill Lane (ML02 and ML05 on concession), two vacant (ML03, ML08). 2027: 52p per m², water £18.50 per let plot on Mill Lane, concession halves the rent only.",
            ),
            ask(
                CODER,
                "Mill Lane 2027 invoice: let plots only, rent at 52p per m² with ML02 and ML05 at half, plus £18.50 water on each let plot. plots.csv and fees_2027.json.",
            ),
            cell(q.rent(water="0"), "530.40", mark="root"),
            say(CODER, "The invoice total for Mill Lane is £530.40."),
            ask(
                CHECKER,
                "Mill Lane's 2027 invoice: the coder makes it £530.40 (rent at 52p per m² with two concessions, and £18.50 water per let plot).",
            ),
            read(CHECKER, q.PLOTS, "ML"),
            say(
                CHECKER,
                "The let plots and concession flags in plots.csv are the ones used. £530.40 stands.",
                mark="symptom",
            ),
            ask(WRITER, "Mill Lane's 2027 total: £530.40."),
            final("The 2027 invoice total for Mill Lane's allotment plots is £530.40."),
        ],
        answer="530.40",
        expect="659.90",
    ),
]
