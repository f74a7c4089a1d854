"""The results office's questions (one exact figure each) and the code cells they share."""

from __future__ import annotations

F40_MEDIAN = "What was the median chip time of the F40 finishers, after penalties? H:MM:SS."
GFA = (
    "How many finishers made the good-for-age standard for their category this year "
    "(rules.json)? A count."
)
DNF = "What share of the runners who started did not finish? Percent, one decimal."
NEG = (
    "What percentage of finishers ran a negative split, the second half faster than the "
    "first? One decimal."
)
HARRIERS = (
    "What was the mean chip time of the Riverside Harriers finishers, after penalties? H:MM:SS."
)
CUPS = "How many cups did the 2026 aid stations hand out per starter? Two decimals."

TIMES = """
import csv, statistics
who = {{r['bib']: r for r in csv.DictReader(open('entrants.csv'))}}
pen = {{r['bib']: int(r['penalty_s']) for r in csv.DictReader(open('penalties.csv'))}}
def sec(t):
    h, m, s = map(int, t.split(':'))
    return h * 3600 + m * 60 + s
times = [sec(r['finish_time']){pen} for r in csv.DictReader(open('results.csv'))
         if who[r['bib']]['{key}'] == '{value}'{finished}]
m = round(statistics.{stat}(times))
print(len(times), 'times')
print(f'{{m // 3600}}:{{m % 3600 // 60:02d}}:{{m % 60:02d}}')
"""
PEN = " + pen.get(r['bib'], 0)"
FINISHED = " and who[r['bib']]['status'] == 'finished'"

GFA_COUNT = """
import csv, json
std = json.load(open('rules.json'))['good_for_age']
who = {{r['bib']: r for r in csv.DictReader(open('entrants.csv'))}}
pen = {{r['bib']: int(r['penalty_s']) for r in csv.DictReader(open('penalties.csv'))}}
def sec(t):
    h, m, s = map(int, t.split(':'))
    return h * 3600 + m * 60 + s
made = [r['bib'] for r in csv.DictReader(open('results.csv'))
        if who[r['bib']]['status'] == 'finished'
        and sec(r['finish_time']){pen} {op} sec(std[who[r['bib']]['category']])]
print(sorted(made))
print(len(made))
"""

DNF_SHARE = """
import csv
rows = list(csv.DictReader(open('entrants.csv')))
dnf = sum(r['status'] == 'DNF' for r in rows)
base = {base}
print(dnf, base)
print(f'{{dnf / base * 100:.1f}}')
"""
STARTED = "sum(r['status'] != 'DNS' for r in rows)"

NEG_SPLIT = """
import csv
who = {{r['bib']: r['status'] for r in csv.DictReader(open('entrants.csv'))}}
def sec(t):
    h, m, s = map(int, t.split(':'))
    return h * 3600 + m * 60 + s
rows = [r for r in csv.DictReader(open('results.csv')) if {keep}]
neg = [r for r in rows if r['finish_time']
       and sec(r['finish_time']) - sec(r['half_time']) {op} sec(r['half_time'])]
print(len(neg), len(rows))
print(f'{{len(neg) / len(rows) * 100:.1f}}')
"""
FINISHERS = "who[r['bib']] == 'finished'"

CUPS_PER = """
import csv, json
cups = sum(s['cups'] for s in json.load(open('{aid}'))['stations'])
rows = list(csv.DictReader(open('entrants.csv')))
started = {base}
print(cups, started)
print(f'{{cups / started:.2f}}')
"""
