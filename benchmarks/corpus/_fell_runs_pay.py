"""Statistics desk runs that go wrong on the members' Q1 mileage: a brief that forgets the
probationers, a trainee taken for a probationer, a flat rate paid on top of the miles,
rates quoted without the rules file, a crashed cell's first line reported as the total,
a cell that pays everyone, and a figure misread off the output."""

# the cells are the coder's code as the agent wrote it, long lines included
# ruff: noqa: E501

from __future__ import annotations

from benchmarks.corpus import _fell_tasks as q
from benchmarks.corpus._common import (
    BAD_ASSUMPTION,
    CODE_FAILURE,
    LOST_CONSTRAINT,
    MADE_UP,
    MISREPORTED,
    WRONG_ACCEPTED,
    WRONG_INPUT,
)
from benchmarks.corpus._fell_team import (
    AUDITOR,
    CODER,
    KEEPER,
    LEAD,
    SECRETARY,
    Run,
    ask,
    cell,
    final,
    hand,
    read,
    say,
)

FLAT_ON_TOP = """import csv, json
rules = json.load(open('expenses_2026.json'))
callouts = {r['callout_id']: r for r in csv.DictReader(open('callouts_2026.csv'))}
status = {r['member_id']: r['status'] for r in csv.DictReader(open('members.csv'))}
claims = [c for c in csv.DictReader(open('mileage_2026-q1.csv')) if status[c['member_id']] != 'probationer']
def owed(c):
    miles = int(c['miles']) * rules['pence_per_mile'] / 100
    if callouts[c['callout_id']]['stood_down'] == 'yes':
        return miles + rules['stood_down_flat_gbp']
    return miles
print(f'{sum(owed(c) for c in claims):.2f}')
"""
QUOTED_RATES = """import csv
callouts = {r['callout_id']: r for r in csv.DictReader(open('callouts_2026.csv'))}
claims = [c for c in csv.DictReader(open('mileage_2026-q1.csv')) if c['member_id'] not in ('M09', 'M10')]
total = sum(5.00 if callouts[c['callout_id']]['stood_down'] == 'yes' else int(c['miles']) * 0.40 for c in claims)
print(len(claims))
print(f'{total:.2f}')
"""
FLAT_KEY_CRASH = """import csv, json
rules = json.load(open('expenses_2026.json'))
callouts = {r['callout_id']: r for r in csv.DictReader(open('callouts_2026.csv'))}
status = {r['member_id']: r['status'] for r in csv.DictReader(open('members.csv'))}
claims = [c for c in csv.DictReader(open('mileage_2026-q1.csv')) if status[c['member_id']] != 'probationer']
miles = sum(int(c['miles']) for c in claims if callouts[c['callout_id']]['stood_down'] == 'no') * rules['pence_per_mile'] / 100
print(f'{miles:.2f}')
flat = rules['flat_gbp'] * sum(1 for c in claims if callouts[c['callout_id']]['stood_down'] == 'yes')
print(f'{miles + flat:.2f}')
"""
NOT_M08_M09 = "c['member_id'] not in ('M08', 'M09')"

RUNS: list[Run] = [
    Run(
        "pay_01_probationers_left_out_of_brief",
        LOST_CONSTRAINT,
        q.PAY,
        [
            ask(
                KEEPER,
                "What do the 2026 expense rules say about mileage, and who on the roll is a probationer?",
                say="First the rules and the roll, then the sum.",
            ),
            read(KEEPER, q.RULES),
            read(KEEPER, q.MEMBERS, "probationer"),
            say(
                KEEPER,
                "45p a mile; a claim on a stood-down call-out is £6.00 flat instead. The team pays full members and trainees only: M09 Ivy Pattinson and M10 Joe Rigg are probationers, and their claims go to the county fund.",
            ),
            ask(
                CODER,
                "Total the claims in mileage_2026-q1.csv at the 2026 rates in expenses_2026.json: 45p a mile, but £6.00 flat for any claim on a call-out marked stood_down = yes in callouts_2026.csv.",
                mark="root",
            ),
            cell(
                "Every Q1 claim, flat rate where the call-out was stood down.",
                q.pay(who="True"),
                "289.50",
            ),
            say(CODER, "35 claims in the file; they come to £289.50."),
            hand(LEAD, AUDITOR, "Q1 mileage from stats_coder: £289.50 across the 35 claims."),
            read(AUDITOR, q.LOG, "yes"),
            hand(
                AUDITOR,
                SECRETARY,
                "C2605, C2612 and C2616 were stood down and their claims are at the flat £6.00; the others are miles at 45p. £289.50 is right.",
                mark="symptom",
            ),
            final("The team owes its members £289.50 in mileage for Q1 2026 call-outs."),
        ],
        answer="289.50",
        expect="235.05",
    ),
    Run(
        "pay_02_trainee_taken_for_probationer",
        WRONG_INPUT,
        q.PAY,
        [
            ask(
                KEEPER, "List the members whose mileage the team does not pay, with the 2026 rates."
            ),
            read(KEEPER, q.RULES),
            read(KEEPER, q.MEMBERS),
            say(
                KEEPER,
                "Not paid by the team: M08 Tom Gaskarth and M09 Ivy Pattinson, the probationers. Everyone else is paid 45p a mile, or £6.00 flat on a stood-down call-out.",
                mark="root",
            ),
            ask(
                CODER,
                "Q1 mileage the team pays: all claims in mileage_2026-q1.csv except M08's and M09's; £6.00 flat on stood-down call-outs (callouts_2026.csv), 45p a mile otherwise (expenses_2026.json).",
            ),
            cell("Dropping M08 and M09.", q.pay(who=NOT_M08_M09), "247.65"),
            say(CODER, "£247.65 from 29 claims."),
            hand(LEAD, AUDITOR, "Please look over £247.65, the team's Q1 mileage bill."),
            hand(
                AUDITOR,
                SECRETARY,
                "The two members the log keeper named are out and the stood-down claims are at the flat rate. £247.65 stands.",
                mark="symptom",
            ),
            final("Crannock Valley MRT owes £247.65 in Q1 2026 mileage."),
        ],
        answer="247.65",
        expect="235.05",
    ),
    Run(
        "pay_03_flat_rate_on_top_of_miles",
        BAD_ASSUMPTION,
        q.PAY,
        [
            ask(
                KEEPER,
                "How are Q1 mileage claims paid under expenses_2026.json, and whose are left out?",
            ),
            read(KEEPER, q.RULES),
            say(
                KEEPER,
                "Probationers' claims are left out (the county fund pays those). Each claim is paid its miles at 45p, and a claim on a stood-down call-out gets the £6.00 stood-down payment as well, for the wasted turn-out.",
                mark="root",
            ),
            ask(
                CODER,
                "Price the Q1 claims the team pays: no probationers (members.csv), miles at 45p for every claim, plus £6.00 on each claim whose call-out was stood down (callouts_2026.csv).",
            ),
            cell("Miles for all, the stood-down payment added on top.", FLAT_ON_TOP, "255.30"),
            say(CODER, "£255.30: miles at 45p on 29 claims plus four stood-down payments."),
            hand(LEAD, AUDITOR, "£255.30 for Q1 mileage. Over to you."),
            read(AUDITOR, q.MEMBERS, "probationer"),
            hand(
                AUDITOR,
                SECRETARY,
                "M09 and M10 are the only probationers and none of their claims is in. £255.30 can go out.",
                mark="symptom",
            ),
            final("Q1 2026 mileage owed to members: £255.30."),
        ],
        answer="255.30",
        expect="235.05",
    ),
    Run(
        "pay_04_rates_without_the_rules_file",
        MADE_UP,
        q.PAY,
        [
            ask(KEEPER, "I need the 2026 mileage rate, the stood-down rate and the probationers."),
            read(KEEPER, q.MEMBERS, "probationer"),
            say(
                KEEPER,
                "Probationers are M09 and M10. The 2026 rate is 40p a mile and a stood-down call-out is paid £5.00 a claim.",
                mark="root",
            ),
            ask(
                CODER,
                "Sum the Q1 claims except M09's and M10's: 40p a mile, £5.00 flat where the call-out was stood down in callouts_2026.csv.",
            ),
            cell("Using the keeper's rates.", QUOTED_RATES, "207.60"),
            say(CODER, "29 claims, £207.60."),
            hand(LEAD, AUDITOR, "Q1 mileage is £207.60 on the log keeper's rates. Check please."),
            read(AUDITOR, q.LOG, "yes"),
            hand(
                AUDITOR,
                SECRETARY,
                "Three stood-down call-outs, four claims on them at the flat rate, 25 at the mileage rate. £207.60.",
                mark="symptom",
            ),
            final("The team owes £207.60 in mileage for Q1 2026."),
        ],
        answer="207.60",
        expect="235.05",
    ),
    Run(
        "pay_05_flat_line_crashed",
        CODE_FAILURE,
        q.PAY,
        [
            ask(
                CODER,
                "Work out Q1 2026 mileage owed by the team: mileage_2026-q1.csv, members.csv (no probationers), callouts_2026.csv for stood_down, expenses_2026.json for the 45p rate and the flat stood-down payment.",
                say="The files say it all; straight to the coder.",
            ),
            cell(
                "Miles first, then the flat payments.",
                FLAT_KEY_CRASH,
                "KeyError: 'flat_gbp'",
                mark="root",
            ),
            say(CODER, "The team's Q1 mileage comes to £211.05."),
            hand(LEAD, AUDITOR, "stats_coder: £211.05 owed for Q1. Please audit."),
            read(AUDITOR, q.RULES),
            hand(
                AUDITOR,
                SECRETARY,
                "45p a mile is the 2026 rate and probationers are excluded in the code's brief. £211.05 is fine.",
                mark="symptom",
            ),
            final("Members are owed £211.05 for Q1 2026 mileage."),
        ],
        answer="211.05",
        expect="235.05",
    ),
    Run(
        "pay_06_cell_pays_every_claim",
        WRONG_ACCEPTED,
        q.PAY,
        [
            ask(KEEPER, "Who is a probationer, and what are the mileage rules for 2026?"),
            read(KEEPER, q.MEMBERS, "probationer"),
            read(KEEPER, q.RULES),
            say(
                KEEPER,
                "M09 and M10 are probationers; the team does not pay their claims. 45p a mile, £6.00 flat for a claim on a stood-down call-out.",
            ),
            ask(
                CODER,
                "Q1 mileage the team owes: leave out M09 and M10, flat £6.00 on stood-down call-outs, 45p a mile on the rest. Files: mileage_2026-q1.csv, callouts_2026.csv, expenses_2026.json.",
            ),
            cell(
                "Pricing the claims.",
                q.pay(who="c['member_id'] != 'M00'"),
                "289.50",
                mark="root",
            ),
            say(CODER, "£289.50 for the quarter's claims."),
            hand(LEAD, AUDITOR, "£289.50 from stats_coder for Q1 mileage."),
            read(AUDITOR, q.CLAIMS, "C2605"),
            hand(
                AUDITOR,
                SECRETARY,
                "C2605's two claims are at £6.00 each as the rule says, so the flat rate is applied. £289.50 is the figure.",
                mark="symptom",
            ),
            final("Q1 2026 mileage owed to members is £289.50."),
        ],
        answer="289.50",
        expect="235.05",
    ),
    Run(
        "pay_07_figure_misread",
        MISREPORTED,
        q.PAY,
        [
            ask(
                KEEPER,
                "Give me the rules in expenses_2026.json that bear on paying Q1 mileage claims.",
                say="Rules first.",
            ),
            read(KEEPER, q.RULES),
            say(
                KEEPER,
                "45p a mile to full members and trainees; probationers' claims are not the team's to pay; a claim on a stood-down call-out is £6.00 flat.",
            ),
            ask(
                CODER,
                "Apply those rules to mileage_2026-q1.csv with members.csv and callouts_2026.csv: no probationers, £6.00 flat on stood-down call-outs, 45p a mile otherwise.",
            ),
            cell("As briefed.", q.pay(), "235.05"),
            say(CODER, "29 claims paid, £253.05 in total.", mark="root"),
            hand(LEAD, AUDITOR, "Q1 mileage: £253.05 over 29 claims."),
            read(AUDITOR, q.MEMBERS, "probationer"),
            hand(
                AUDITOR,
                SECRETARY,
                "29 claims once the six probationer claims are out, which matches. £253.05 is good.",
                mark="symptom",
            ),
            final("The team owes £253.05 in Q1 2026 mileage to its members."),
        ],
        answer="253.05",
        expect="235.05",
    ),
]
