"""Results office runs that go wrong upstream: a misread row, the wrong file, the plan."""

from __future__ import annotations

from benchmarks.corpus import _marathon_tasks as q
from benchmarks.corpus._common import (
    BAD_ASSUMPTION,
    BAD_SPLIT,
    LOST_CONSTRAINT,
    MADE_UP,
    PREMATURE,
    REPETITION,
    TOOL_FAILURE,
    WRONG_INPUT,
    WRONG_SOURCE,
)
from benchmarks.corpus._marathon_flow import CLERK, ask, desk, done, read

F50_MED = q.TIMES.format(pen=q.PEN, key="category", value="F50", finished=q.FINISHED, stat="median")
F40_MEAN = q.TIMES.format(pen=q.PEN, key="category", value="F40", finished=q.FINISHED, stat="mean")
HAR_RAW = q.TIMES.format(
    pen="", key="club", value="Riverside Harriers", finished=q.FINISHED, stat="mean"
)

RUNS = [
    desk(
        "f40_01_wrong_category",
        WRONG_INPUT,
        q.F40_MEDIAN,
        clerk=(
            "List the F40 finishers and any penalties they picked up.",
            [("entrants.csv", "F", "Women's categories all start with F; read those rows.")],
            "Picked out the finishers in the women's veteran category.",
            "F40 finishers: bibs 106, 112, 118, 124, 130. No penalties against them.",
        ),
        coder=(
            "Median chip time for the F40 finishers, penalties added. H:MM:SS.",
            F50_MED,
            "4:05:15",
            "The clerk's five bibs share one category code; filter on it.",
            "Five times, median is the third.",
            "Median for the category: 4:05:15 over five finishers.",
        ),
        checker=(
            "F40 median chip time 4:05:15 over five finishers. Does it hold?",
            ("results.csv", "130,", "Check the middle runner's line."),
            "130 finished in 4:05:15, consistent with the median of five.",
            "The median is right for those five: 4:05:15.",
        ),
        final=("The checker agrees.", "Median F40 chip time: 4:05:15."),
        answer="4:05:15",
        expect="3:20:29",
        note="the clerk lists the F50 bibs as F40; the coder filters on their category",
        marks={"clerk_reply": "root", "verdict": "symptom"},
    ),
    desk(
        "har_02_penalty_missed",
        WRONG_INPUT,
        q.HARRIERS,
        clerk=(
            "Riverside Harriers finishers, and whether any of them is on the penalty sheet.",
            [
                ("entrants.csv", "Riverside Harriers", "Club rows first."),
                ("penalties.csv", "", "Now the penalty sheet."),
            ],
            "Compared the bibs with the three penalties.",
            "Harriers finishers: 101, 109, 113, 117, 121, 125, 129 (105 DNF). The penalty sheet "
            "has 107 and 126, neither a Harrier, so no adjustments.",
        ),
        coder=(
            "Mean chip time of Harriers bibs 101, 109, 113, 117, 121, 125, 129. The clerk "
            "says none of them has a penalty. H:MM:SS.",
            HAR_RAW,
            "3:07:22",
            "No penalties to apply, plain mean of the chip times.",
            "Seven finishers averaged.",
            "Harriers mean chip time 3:07:22 across seven finishers.",
        ),
        checker=(
            "Harriers mean 3:07:22 (seven finishers, no penalties). Sign off?",
            ("results.csv", "", "Re-add the seven chip times from the results."),
            "The seven chip times average to 3:07:22.",
            "Sum and mean agree with the results file. Passed: 3:07:22.",
        ),
        final=("Passed by the checker.", "Riverside Harriers finishers averaged 3:07:22."),
        answer="3:07:22",
        expect="3:07:30",
        note="bib 125's 60 s penalty overlooked by the clerk",
        marks={"clerk_reply": "root", "final": "symptom"},
    ),
    desk(
        "cups_03_last_year",
        WRONG_SOURCE,
        q.CUPS,
        clerk=(
            "Total cups handed out at the aid stations, and the number of starters.",
            [
                ("aid_2025.json", "", "Aid station counts."),
                ("entrants.csv", "DNS", "Non-starters, to take off the entry list."),
            ],
            "Summed the stations and took the two DNS off thirty entries.",
            "Seven stations handed out 375 cups in all. 30 entries, 2 DNS, so 28 starters.",
        ),
        coder=(
            "375 cups over 28 starters, two decimals.",
            "print(f'{375 / 28:.2f}')",
            "13.39",
            "Straight division.",
            "Done.",
            "13.39 cups per starter.",
        ),
        checker=(
            "Cups per starter 13.39 (375 cups, 28 starters). Check please.",
            ("entrants.csv", "DNS", "Confirm the starters."),
            "Two DNS out of thirty entries; 28 starters is right.",
            "Starters and division check out: 13.39.",
        ),
        final=("Checked.", "The aid stations handed out 13.39 cups per starter."),
        answer="13.39",
        expect="15.96",
        note="the clerk opens aid_2025.json for a 2026 question",
        marks={"clerk_read0": "root", "final": "symptom"},
    ),
    desk(
        "gfa_04_gun_time_rule",
        BAD_ASSUMPTION,
        q.GFA,
        clerk=(
            "What are the good-for-age standards and how is a runner judged against them?",
            [("rules.json", "", "The standards are in the rules file.")],
            "Standards read; penalties are a separate matter from qualifying.",
            "Standards: M 3:05:00, M40 3:15:00, M50 3:25:00, F 3:30:00, F40 3:40:00, "
            "F50 3:50:00. It's the chip time that counts; time penalties only affect the "
            "race placings, so they can be left out here.",
        ),
        coder=(
            "Count finishers whose raw chip time is at or under their category's "
            "good-for-age standard (rules.json). No penalties.",
            q.GFA_COUNT.format(pen="", op="<="),
            "16",
            "Compare chip times against the standards per category.",
            "Listed the bibs and counted them.",
            "16 finishers made good-for-age on chip time.",
        ),
        checker=(
            "16 good-for-age finishers, raw chip times against rules.json. Confirm?",
            ("results.csv", "126,", "Spot-check the closest one, Cal at M40."),
            "126 ran 3:09:43 against a 3:15:00 standard; inside it.",
            "Spot check holds; 16 stands.",
        ),
        final=("Confirmed.", "16 finishers made the good-for-age standard."),
        answer="16",
        expect="15",
        note="the rules say chip time after penalties; the clerk asserts penalties don't count",
        marks={"clerk_reply": "root", "verdict": "symptom"},
    ),
    desk(
        "dnf_05_entries_file",
        TOOL_FAILURE,
        q.DNF,
        clerk=(
            "How many started and how many didn't finish?",
            [("entries.csv", "", "The entry list has the status column.")],
            "The file didn't open but the numbers are familiar from the start report.",
            "28 starters and 4 did not finish.",
        ),
        coder=(
            "4 DNF out of 28 starters as a percentage, one decimal.",
            "print(f'{4 / 28 * 100:.1f}')",
            "14.3",
            "One division.",
            "Printed.",
            "14.3%.",
        ),
        checker=(
            "DNF share 14.3% (4 of 28 starters). Is the arithmetic right?",
            ("print(f'{4 / 28 * 100:.1f}')", "14.3", "Rerun the division."),
            "Same result.",
            "4/28 is 14.3%. Fine.",
        ),
        final=("Arithmetic confirmed.", "14.3% of starters did not finish."),
        answer="14.3",
        expect="10.7",
        note="read_file says no such file (entries.csv); the clerk answers from memory",
        marks={"clerk_reply": "root", "final": "symptom"},
    ),
    desk(
        "neg_06_sampled_halves",
        MADE_UP,
        q.NEG,
        clerk=(
            "How many finishers ran the second half faster than the first?",
            [("results.csv", "1:2", "Start with the quicker half times.")],
            "Worked through the first batch; the rest look similar.",
            "Nine of the 25 finishers ran negative splits.",
        ),
        coder=(
            "9 negative splits out of 25 finishers, as a percentage to one decimal.",
            "print(f'{9 / 25 * 100:.1f}')",
            "36.0",
            "Simple share.",
            "Done.",
            "36.0% of finishers.",
        ),
        checker=(
            "Negative splits: 9 of 25, 36.0%. Quick check?",
            ("entrants.csv", "finished", "Confirm 25 finishers."),
            "25 finishers on the list.",
            "Denominator is right; 36.0% stands.",
        ),
        final=("The checker is happy.", "36.0% of finishers ran a negative split."),
        answer="36.0",
        expect="32.0",
        note="the clerk saw only the rows matching '1:2' and gave a count for all 25",
        marks={"clerk_reply": "root", "final": "symptom"},
    ),
    desk(
        "dnf_07_all_entrants",
        LOST_CONSTRAINT,
        q.DNF,
        clerk=(
            "Entry statuses please: how many entries, DNF, DNS.",
            [("entrants.csv", "", "Whole entry list.")],
            "Counted the statuses.",
            "30 entries: 25 finished, 3 DNF, 2 DNS.",
        ),
        coder=(
            "DNF as a share of all 30 entries in entrants.csv. One decimal.",
            q.DNF_SHARE.format(base="len(rows)"),
            "10.0",
            "Count DNF rows over all rows.",
            "3 of 30.",
            "10.0% (3 DNF of 30 entries).",
        ),
        checker=(
            "DNF rate 10.0%, 3 of 30 entries. OK?",
            ("entrants.csv", "DNF", "Recount the DNFs."),
            "Three DNF rows.",
            "Three DNFs, 30 entries: 10.0% is correct.",
        ),
        final=("Confirmed.", "10.0% of runners did not finish."),
        answer="10.0",
        expect="10.7",
        note="the director's brief divides by all entries; the question is about starters",
        marks={"ask_coder": "root", "verdict": "symptom"},
    ),
    desk(
        "neg_08_over_starters",
        BAD_SPLIT,
        q.NEG,
        clerk=(
            "How many runners started? I'll have the coder do the splits over them.",
            [("entrants.csv", "", "Statuses.")],
            "Two DNS.",
            "28 started (30 entries less 2 DNS).",
        ),
        coder=(
            "Of the 28 starters, what percentage ran a negative split (second half faster "
            "than first)? Use every starter as the base.",
            q.NEG_SPLIT.format(keep="who[r['bib']] != 'DNS'", op="<"),
            "28.6",
            "Starters only, DNS excluded.",
            "8 of 28.",
            "28.6% of starters ran a negative split (8 runners).",
        ),
        checker=(
            "Negative splits 8 of 28 starters = 28.6%. Check the count?",
            ("results.csv", "", "Go through the halves."),
            "Eight finishers with a quicker second half.",
            "Eight is right; 28.6%.",
        ),
        final=("Count verified.", "28.6% ran a negative split."),
        answer="28.6",
        expect="32.0",
        note="the director's plan takes starters as the base; DNFs have no second half",
        marks={"ask_clerk": "root", "final": "symptom"},
    ),
    desk(
        "gfa_09_penalties_later",
        BAD_ASSUMPTION,
        q.GFA,
        clerk=(
            "Good-for-age standards by category, please.",
            [("rules.json", "", "Standards table.")],
            "All six categories have a standard.",
            "M 3:05:00, M40 3:15:00, M50 3:25:00, F 3:30:00, F40 3:40:00, F50 3:50:00. The "
            "file notes that good-for-age is judged on chip time after penalties.",
        ),
        coder=(
            "Count finishers at or under their standard on chip time. Leave penalties out, "
            "the referee applies those after the qualifying list goes out.",
            q.GFA_COUNT.format(pen="", op="<="),
            "16",
            "Chip time versus standard, per category.",
            "Counted.",
            "16 finishers made their standard.",
        ),
        checker=(
            "16 good-for-age on chip time. Confirm the count?",
            (q.GFA_COUNT.format(pen="", op="<="), "16", "Rerun the count."),
            "Same 16 bibs.",
            "16 confirmed.",
        ),
        final=("Confirmed.", "16 runners made the good-for-age standard."),
        answer="16",
        expect="15",
        note="the director drops penalties against the clerk's reading of the rules",
        marks={"ask_coder": "root", "final": "symptom"},
    ),
    desk(
        "f40_10_average",
        LOST_CONSTRAINT,
        q.F40_MEDIAN,
        clerk=(
            "F40 finishers and their penalties.",
            [
                ("entrants.csv", "F40", "F40 rows."),
                ("penalties.csv", "", "Penalty sheet."),
            ],
            "Three finished, no penalties.",
            "F40 finishers: 111, 117, 129; 105 and 123 DNF. No penalties.",
        ),
        coder=(
            "Typical chip time of F40 finishers 111, 117, 129 with penalties: take the "
            "average. H:MM:SS.",
            F40_MEAN,
            "3:24:38",
            "Mean of the three.",
            "Three times averaged.",
            "F40 average 3:24:38.",
        ),
        checker=(
            "F40 typical time 3:24:38 (mean of three). Check?",
            ("results.csv", "1", "Pull the three finish times."),
            "3:20:29, 3:11:54, 3:41:32 average to 3:24:38.",
            "The average is right: 3:24:38.",
        ),
        final=("Done.", "The F40 finishers' median chip time was 3:24:38."),
        answer="3:24:38",
        expect="3:20:29",
        note="the brief asks for the average instead of the median",
        marks={"ask_coder": "root", "final": "symptom"},
    ),
    desk(
        "cups_11_asked_again",
        REPETITION,
        q.CUPS,
        clerk=(
            "How many cups went out in 2026?",
            [("aid_2026.json", "", "2026 aid counts.")],
            "Summed the seven stations.",
            "447 cups across the seven 2026 stations.",
        ),
        coder=None,
        checker=None,
        extra={
            "clerk": [
                ask(CLERK, "And the 2026 cups total again, to be sure?", mark="root"),
                read(CLERK, "aid_2026.json", "", "Same file again."),
                *done(CLERK, "Same sum.", "Still 447 cups."),
                ask(CLERK, "One more time: the total cups handed out in 2026."),
                read(CLERK, "aid_2026.json", "", "Reading it once more."),
                *done(CLERK, "Unchanged.", "447 cups, as before."),
            ]
        },
        final=(
            "447 cups; 30 runners on the list.",
            "The 2026 stations handed out 14.90 cups per starter.",
        ),
        answer="14.90",
        expect="15.96",
        note="the director asks for the same total three times, then divides by entries",
        marks={"final": "symptom"},
    ),
    desk(
        "gfa_12_half_list",
        PREMATURE,
        q.GFA,
        clerk=(
            "Go through the finishers against the good-for-age standards and count them.",
            [
                ("rules.json", "", "Standards first."),
                ("results.csv", "10", "Bibs 101 to 110 to start with."),
            ],
            "First ten bibs done.",
            "So far, bibs 101-110: 101, 102, 103, 104, 106, 107, 108 make it, 7 runners. "
            "I haven't got to 111-130 yet.",
        ),
        coder=None,
        checker=None,
        final=("Seven qualifiers found; that'll do.", "7 finishers made good-for-age."),
        answer="7",
        expect="15",
        note="the director answers with the clerk's partial count",
        marks={"lead_done": "root", "final": "symptom"},
    ),
]
