"""The season desk's four questions as their usual runs (:class:`Desk`), worded the right
way; the runs say some turns otherwise."""

# the turns are the agents' words as written, long lines included
# ruff: noqa: E501

from __future__ import annotations

from benchmarks.corpus import _hive_tasks as q
from benchmarks.corpus._hive_script import Desk

PAY_ANSWER = "Morag Lindsay (M07) is owed £369.30 for her August 2026 honey: 52.5 kg accepted (lots L0802, L0805, L0812), £400.80 at this season's prices, less £31.50 extraction fee. Lot L0808 was rejected and is not paid."
PAY = Desk(
    brief=(
        "Pull Morag Lindsay's (M07) August 2026 lots from deliveries_2026-08.csv with honey type, kg and status, and the 2026 per-kg prices and extraction fee from prices_2026.json.",
        "Member M07 is owed for accepted August lots only, at 2026 prices, less the extraction fee per accepted kg.",
        "M07's August pay-out: the clerk gets her lots and this season's price sheet first, then the analyst works the sum",
    ),
    reads=(
        (q.AUG, "M07", "M07's lots in the August file"),
        (q.PRICES, "", "And this season's price sheet"),
    ),
    lines="M07's August lots: L0802 blossom 19.5 kg accepted; L0805 heather 24.0 kg accepted; L0808 heather 14.5 kg rejected (moisture 22.3%); L0812 blossom 9.0 kg accepted. prices_2026.json: blossom £6.40/kg, heather £9.10/kg, extraction fee £0.60 per accepted kg.",
    to_analyst=(
        "Compute M07's August 2026 pay-out with run_python: accepted lots only from deliveries_2026-08.csv, prices and fee from prices_2026.json. Print the lots, the kg, gross and net.",
        "Clerk's rows: L0802, L0805, L0812 accepted, L0808 rejected. Fee £0.60 per accepted kg.",
        "Over to the analyst for the sum",
    ),
    code=q.pay(),
    prints="369.30",
    report="Accepted lots L0802, L0805, L0812: 52.5 kg, gross £400.80 at 2026 prices; less 52.5 x £0.60 = £31.50 fee, net £369.30.",
    work="M07 is owed £369.30: 52.5 accepted kg (L0802, L0805, L0812), £400.80 gross at 2026 prices, less £31.50 extraction fee. L0808 rejected.",
    to_checker=(
        "Check M07's August pay-out of £369.30 against deliveries_2026-08.csv and prices_2026.json: lots, statuses, prices, fee.",
        "Working: accepted L0802 (19.5 blossom), L0805 (24.0 heather), L0812 (9.0 blossom); £400.80 gross less £31.50 fee.",
        "Now the check",
    ),
    check_read=(q.AUG, "M07", "Her lots and their statuses"),
    verdict="Three accepted lots, L0808 rejected for moisture and rightly left out; 2026 prices and the £0.60 fee applied. £369.30 stands.",
    to_writer=(
        "Write the answer for the season log: what M07 is owed for August 2026 and how.",
        "Checked figure: £369.30 (52.5 kg accepted, £400.80 gross, £31.50 fee). L0808 rejected.",
        "Checked; the writer can draft it",
    ),
    draft=PAY_ANSWER,
)

HEATHER_ANSWER = "The co-op accepted 68.0 kg of heather honey from North district members in August 2026: lots L0801 (33.5 kg), L0804 (16.5 kg) and L0807 (18.0 kg). Lot L0803 was rejected."
HEATHER = Desk(
    brief=(
        "List the North district members from members.csv, then their August 2026 lots in deliveries_2026-08.csv with honey type, kg and status.",
        "Only heather honey, only accepted lots, only members in the North district.",
        "Two files: who is in the North district, then what they delivered in August",
    ),
    reads=(
        (q.MEMBERS, "North", "North district members first"),
        (q.AUG, "heather", "Then August's heather lots"),
    ),
    lines="North district: M01 Ailsa Brodie, M02 Duncan Petrie, M05 Isla Marr. Their August heather lots: L0801 M01 33.5 kg accepted; L0803 M02 21.0 kg rejected (moisture 21.6%); L0804 M05 16.5 kg accepted; L0807 M02 18.0 kg accepted.",
    to_analyst=(
        "Sum the kg of accepted heather lots from North district members in deliveries_2026-08.csv with run_python; print the lots and the total.",
        "North members are M01, M02, M05 (members.csv). Rejected lots do not count.",
        "The analyst can total it",
    ),
    code=q.heather(),
    prints="68.0",
    report="Accepted North heather lots L0801, L0804, L0807: 68.0 kg.",
    work="68.0 kg of heather accepted from North members in August 2026 (L0801, L0804, L0807); L0803 rejected.",
    to_checker=(
        "Check the 68.0 kg of accepted North district heather for August 2026 against members.csv and deliveries_2026-08.csv.",
        "Lots counted: L0801 33.5, L0804 16.5, L0807 18.0. Left out: L0803 (rejected).",
        "Have it checked",
    ),
    check_read=(q.AUG, "heather", "The August heather lots again"),
    verdict="The three lots are North members' accepted heather; L0803 is rejected, the other heather lots are South and East members'. 68.0 kg stands.",
    to_writer=(
        "Write the season-log answer: accepted heather from North district members in August 2026.",
        "Checked: 68.0 kg, lots L0801, L0804, L0807; L0803 rejected.",
        "Over to the writer",
    ),
    draft=HEATHER_ANSWER,
)

MITES_ANSWER = "The untreated hives at Glenview averaged a varroa drop of 4.2 mites a day in the July 2026 inspections (G01 4.1, G03 2.9, G04 6.3, G05 3.5); treated hives G02 and G06 are left out."
MITES = Desk(
    brief=(
        "Pull the Glenview rows of the July 2026 inspections from inspections_2026.csv: hive, date, varroa per day, treated.",
        "Untreated hives only; July 2026 visits only.",
        "Glenview's July inspections first, from the inspection log",
    ),
    reads=((q.INSPECTIONS, "Glenview", "Glenview's rows in the inspection log"),),
    lines="Glenview, July 2026: 07-07 G01 4.1 untreated; G02 9.6 treated; G03 2.9 untreated; G04 6.3 untreated; 07-21 G05 3.5 untreated; G06 11.2 treated. (June and August visits are in the file too.)",
    to_analyst=(
        "Mean varroa_per_day of untreated Glenview hives in July 2026 from inspections_2026.csv, one decimal, with run_python.",
        "Clerk's rows: G01, G03, G04, G05 untreated in July; G02, G06 treated.",
        "Now the mean",
    ),
    code=q.mites(),
    prints="4.2",
    report="Untreated Glenview hives in July: G01, G03, G04, G05; mean drop 4.2 mites a day.",
    work="Mean daily varroa drop, untreated Glenview hives, July 2026: 4.2 (G01, G03, G04, G05).",
    to_checker=(
        "Check the 4.2 mites a day for untreated Glenview hives in July 2026 against inspections_2026.csv.",
        "Hives used: G01 4.1, G03 2.9, G04 6.3, G05 3.5. Treated G02, G06 out.",
        "Checker next",
    ),
    check_read=(q.INSPECTIONS, "2026-07", "July's rows"),
    verdict="Four untreated Glenview visits in July, treated G02 and G06 out, June and August not used. 4.2 stands.",
    to_writer=(
        "Write the season-log answer on Glenview's July varroa drop in untreated hives.",
        "Checked: mean 4.2 mites a day over G01, G03, G04, G05.",
        "Writer to draft",
    ),
    draft=MITES_ANSWER,
)

JULY_ANSWER = "For honey accepted in July 2026 the co-op paid its members £1,093.30 in all: 188.5 kg over 7 accepted lots, £1,206.40 at this season's prices, less £113.10 extraction fee. Lot L0704 was rejected."
JULY = Desk(
    brief=(
        "Read deliveries_2026-07.csv in full (lots, honey type, kg, status) and the 2026 prices and extraction fee from prices_2026.json.",
        "All members; accepted lots only; 2026 prices; net of the extraction fee per accepted kg.",
        "July's pay-out: the whole July file and this season's price sheet",
    ),
    reads=(
        (q.JUL, "", "The July deliveries"),
        (q.PRICES, "", "This season's prices"),
    ),
    lines="deliveries_2026-07.csv: 8 lots, all blossom. Accepted: L0701 38.5, L0702 22.0, L0703 41.0, L0705 18.5, L0706 30.0, L0707 12.5, L0708 26.0 kg. Rejected: L0704 27.5 kg (moisture 19.2%). 2026: blossom £6.40/kg, heather £9.10/kg, fee £0.60 per accepted kg.",
    to_analyst=(
        "Total the July 2026 pay-out with run_python: accepted lots in deliveries_2026-07.csv at prices_2026.json prices, less the fee per accepted kg. Print count, kg, gross, net.",
        "7 accepted lots, L0704 rejected. Fee £0.60/kg.",
        "Now the sum",
    ),
    code=q.july(),
    prints="1093.30",
    report="7 accepted lots, 188.5 kg, gross £1,206.40; fee 188.5 x £0.60 = £113.10; net £1,093.30.",
    work="July 2026 pay-out: £1,093.30 net (188.5 accepted kg, £1,206.40 gross, £113.10 fee); L0704 rejected.",
    to_checker=(
        "Check the July 2026 pay-out of £1,093.30 against deliveries_2026-07.csv and prices_2026.json.",
        "7 accepted lots, 188.5 kg, all blossom at £6.40; fee £0.60/kg.",
        "Checker next",
    ),
    check_read=(q.JUL, "rejected", "Which lots were turned away"),
    verdict="Only L0704 was rejected and it is left out; 188.5 kg of blossom at £6.40 less £0.60 a kg. £1,093.30 stands.",
    to_writer=(
        "Write the season-log answer: the co-op's total July 2026 pay-out to members.",
        "Checked: £1,093.30 net; 188.5 kg accepted; £1,206.40 gross; £113.10 fee.",
        "Writer to draft",
    ),
    draft=JULY_ANSWER,
)
