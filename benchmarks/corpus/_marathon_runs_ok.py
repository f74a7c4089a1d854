"""Results office runs that come out right, some after the checker sends a figure back."""

from __future__ import annotations

from benchmarks.corpus import _marathon_tasks as q
from benchmarks.corpus._common import HEALTHY
from benchmarks.corpus._marathon_flow import CODER, ask, cell, desk, done
from benchmarks.corpus._marathon_runs_b import (
    CRASH,
    CUPS_CLERK,
    DNF_CLERK,
    F40_ALL,
    F40_CLERK,
    GFA_CLERK,
    HAR,
    HAR_ALL,
    HAR_CLERK,
    HAR_RAW,
    NEG_CLERK,
)

MED_F40 = q.TIMES.format(pen=q.PEN, key="category", value="F40", finished=q.FINISHED, stat="median")
GFA = q.GFA_COUNT.format(pen=q.PEN, op="<=")
GFA_RAW = q.GFA_COUNT.format(pen="", op="<=")
NEG = q.NEG_SPLIT.format(keep=q.FINISHERS, op="<")
DNF = q.DNF_SHARE.format(base=q.STARTED)
CUPS = q.CUPS_PER.format(aid="aid_2026.json", base=q.STARTED)


def redo(brief: str, code: str, prints: str, said: str, thought: str, reply: str) -> list:
    """The director sends the figure back to the coder, who runs a corrected cell."""
    return [ask(CODER, brief), cell(CODER, code, prints, said), *done(CODER, thought, reply)]


RUNS = [
    desk(
        "f40_ok_01",
        HEALTHY,
        q.F40_MEDIAN,
        clerk=(
            "Who are the F40 entrants and which of them finished? Any penalties on them?",
            [
                ("entrants.csv", "F40", "Pull the F40 rows from the entry list."),
                ("penalties.csv", "", "And the penalty sheet."),
            ],
            "Five F40 entries, two DNFs, no F40 bib on the penalty sheet.",
            "F40: bibs 105, 111, 117, 123, 129. 105 and 123 are DNF, so three finishers "
            "(111, 117, 129). None of them has a penalty.",
        ),
        coder=(
            "Median chip finish time of the F40 finishers (111, 117, 129), penalties added. "
            "H:MM:SS.",
            MED_F40,
            "3:20:29",
            "Filter on category and status, add penalties, take the median.",
            "Three times, median printed.",
            "Median F40 chip time after penalties: 3:20:29 (three finishers).",
        ),
        checker=(
            "F40 median chip time 3:20:29 from three finishers. Please confirm.",
            ("results.csv", "111,", "The middle one should be bib 111."),
            "111 ran 3:20:29; 117 is faster and 129 slower, so 111 is the median.",
            "Confirmed: 3:20:29, bib 111 is the middle of the three.",
        ),
        final=("Checked and confirmed.", "The F40 finishers' median chip time was 3:20:29."),
        answer="3:20:29",
        expect="3:20:29",
    ),
    desk(
        "f40_ok_02_crash_fixed",
        HEALTHY,
        q.F40_MEDIAN,
        clerk=F40_CLERK,
        coder=(
            "Median chip time of the F40 finishers with any penalties. H:MM:SS.",
            F40_ALL,
            CRASH,
            "Category filter and median.",
            "The DNF rows have blank finish times and broke the parse; rerunning with a "
            "status filter.",
            "First attempt crashed on the DNF rows. Need to filter on status.",
        ),
        checker=None,
        extra={
            "coder": redo(
                "Go ahead with the status filter.",
                MED_F40,
                "3:20:29",
                "Finished only this time.",
                "Three finishers.",
                "With DNFs filtered out: median 3:20:29.",
            )
        },
        final=("Coder fixed the filter.", "Median F40 chip time: 3:20:29."),
        answer="3:20:29",
        expect="3:20:29",
    ),
    desk(
        "har_ok_03",
        HEALTHY,
        q.HARRIERS,
        clerk=HAR_CLERK,
        coder=(
            "Mean chip time of the seven Harriers finishers, adding 125's 60 s. H:MM:SS.",
            HAR,
            "3:07:30",
            "Club, finished, penalties, mean.",
            "Seven finishers averaged.",
            "Harriers mean after penalties: 3:07:30.",
        ),
        checker=(
            "Harriers mean 3:07:30 including 125's penalty. Check?",
            ("penalties.csv", "125", "Confirm the penalty amount."),
            "60 s for 125, and it's in the code.",
            "Penalty applied, mean right. 3:07:30.",
        ),
        final=("Checked.", "Riverside Harriers finishers averaged 3:07:30 after penalties."),
        answer="3:07:30",
        expect="3:07:30",
    ),
    desk(
        "har_ok_04_penalty_caught",
        HEALTHY,
        q.HARRIERS,
        clerk=HAR_CLERK,
        coder=(
            "Harriers mean chip time, 125's penalty included. H:MM:SS.",
            HAR_RAW,
            "3:07:22",
            "Club filter and mean.",
            "Seven times.",
            "Harriers mean: 3:07:22.",
        ),
        checker=(
            "Harriers mean 3:07:22. Penalty in?",
            (HAR, "3:07:30", "Rerun with the penalty sheet joined."),
            "The cell didn't read penalties.csv; with 125's 60 s the mean moves.",
            "Sent back: 125's penalty was missing. With it the mean is 3:07:30.",
        ),
        extra={
            "checker": redo(
                "The checker found 125's penalty missing. Rerun with penalties, please.",
                HAR,
                "3:07:30",
                "Join the penalty sheet.",
                "Agrees with the checker.",
                "Corrected: 3:07:30 with the penalty.",
            )
        },
        final=(
            "Coder and checker agree.",
            "Riverside Harriers finishers averaged 3:07:30 after penalties.",
        ),
        answer="3:07:30",
        expect="3:07:30",
    ),
    desk(
        "har_ok_05_crash_fixed",
        HEALTHY,
        q.HARRIERS,
        clerk=HAR_CLERK,
        coder=(
            "Mean chip time of the Harriers finishers with penalties. H:MM:SS.",
            HAR_ALL,
            CRASH,
            "Club filter.",
            "105 is a DNF with no finish time; that's what broke it.",
            "It crashed on 105's blank finish; I haven't got a figure yet.",
        ),
        checker=None,
        extra={
            "coder": redo(
                "Leave out the DNFs and run it again.",
                HAR,
                "3:07:30",
                "Finished only.",
                "Runs now.",
                "3:07:30 over the seven finishers, penalty included.",
            )
        },
        writer=(
            "Bulletin line: Harriers averaged 3:07:30.",
            "One sentence with the club and the time.",
            "Riverside Harriers' seven finishers averaged 3:07:30.",
        ),
        final=("Bulletin line agrees.", "Riverside Harriers finishers averaged 3:07:30."),
        answer="3:07:30",
        expect="3:07:30",
    ),
    desk(
        "gfa_ok_06",
        HEALTHY,
        q.GFA,
        clerk=GFA_CLERK,
        coder=(
            "Count finishers at or under their standard on chip time after penalties.",
            GFA,
            "15",
            "Penalties first, then compare.",
            "Bibs listed.",
            "15 finishers made good-for-age.",
        ),
        checker=(
            "15 good-for-age after penalties. Check the borderline ones?",
            ("penalties.csv", "", "Penalised bibs."),
            "126 drops out with 360 s; 107 and 125 stay well inside.",
            "15 is right.",
        ),
        final=("Confirmed.", "15 finishers made the good-for-age standard."),
        answer="15",
        expect="15",
    ),
    desk(
        "gfa_ok_07_sent_back",
        HEALTHY,
        q.GFA,
        clerk=GFA_CLERK,
        coder=(
            "Good-for-age count against rules.json.",
            GFA_RAW,
            "16",
            "Chip time against standard.",
            "Counted.",
            "16 made the standard.",
        ),
        checker=(
            "16 good-for-age. Confirm?",
            (GFA, "15", "Redo it with penalties, as the rules note says."),
            "126's 360 s takes him over 3:15:00.",
            "Not 16: with penalties applied it's 15 (126 drops out).",
        ),
        extra={
            "checker": redo(
                "Checker says penalties count. Rerun with them.",
                GFA,
                "15",
                "Add penalties.",
                "Matches the checker.",
                "15 with penalties applied.",
            )
        },
        final=("Settled at 15.", "15 finishers made good-for-age."),
        answer="15",
        expect="15",
    ),
    desk(
        "dnf_ok_08",
        HEALTHY,
        q.DNF,
        clerk=DNF_CLERK,
        coder=(
            "DNF share of the 28 starters, one decimal.",
            DNF,
            "10.7",
            "DNS are out of the base.",
            "3 of 28.",
            "10.7% of starters did not finish.",
        ),
        checker=(
            "DNF 10.7% of starters. OK?",
            ("entrants.csv", "DN", "DNF and DNS rows."),
            "3 DNF, 2 DNS; base 28.",
            "Right: 10.7%.",
        ),
        final=("Confirmed.", "10.7% of the runners who started did not finish."),
        answer="10.7",
        expect="10.7",
    ),
    desk(
        "dnf_ok_09_base_fixed",
        HEALTHY,
        q.DNF,
        clerk=DNF_CLERK,
        coder=(
            "DNF share, one decimal.",
            q.DNF_SHARE.format(base="len(rows)"),
            "10.0",
            "DNF over the list.",
            "3 of 30.",
            "10.0%.",
        ),
        checker=(
            "DNF 10.0%. Check?",
            (DNF, "10.7", "The question is about starters."),
            "Two DNS never started.",
            "Base should be 28 starters: 10.7%, not 10.0%.",
        ),
        writer=(
            "Bulletin line: 10.7% of starters did not finish.",
            "Short.",
            "Of 28 starters, 3 (10.7%) didn't reach the finish.",
        ),
        final=("Checker's base is right.", "10.7% of starters did not finish."),
        answer="10.7",
        expect="10.7",
    ),
    desk(
        "neg_ok_10",
        HEALTHY,
        q.NEG,
        clerk=NEG_CLERK,
        coder=(
            "Share of the 25 finishers with a faster second half. One decimal.",
            NEG,
            "32.0",
            "Second half = finish - half.",
            "8 of 25.",
            "32.0% (8 of 25).",
        ),
        checker=(
            "Negative splits 32.0%. Check?",
            ("results.csv", "101,", "Spot-check 101."),
            "101: 1:26:03 then 1:27:11; positive, so not counted, consistent.",
            "Consistent. 32.0%.",
        ),
        final=("Checked.", "32.0% of finishers ran a negative split."),
        answer="32.0",
        expect="32.0",
    ),
    desk(
        "neg_ok_11_flip_caught",
        HEALTHY,
        q.NEG,
        clerk=NEG_CLERK,
        coder=(
            "Percentage of finishers with a negative split. One decimal.",
            q.NEG_SPLIT.format(keep=q.FINISHERS, op=">"),
            "68.0",
            "Compare halves.",
            "17 of 25.",
            "68.0%.",
        ),
        checker=(
            "68.0% negative splits. Check?",
            (NEG, "32.0", "Negative means the second half is the faster one."),
            "The comparison was inverted.",
            "Inverted: it's 8 of 25, 32.0%.",
        ),
        final=("Checker corrected the sign.", "32.0% of finishers ran a negative split."),
        answer="32.0",
        expect="32.0",
    ),
    desk(
        "cups_ok_12",
        HEALTHY,
        q.CUPS,
        clerk=CUPS_CLERK,
        coder=(
            "Cups per starter, 2026. Two decimals.",
            CUPS,
            "15.96",
            "From the files.",
            "447 / 28.",
            "15.96 cups per starter.",
        ),
        checker=(
            "Cups per starter 15.96. Check?",
            ("aid_2026.json", "", "2026 totals."),
            "447.",
            "Right file, right total: 15.96.",
        ),
        final=("Confirmed.", "The 2026 aid stations handed out 15.96 cups per starter."),
        answer="15.96",
        expect="15.96",
    ),
    desk(
        "cups_ok_13_year_caught",
        HEALTHY,
        q.CUPS,
        clerk=(
            "Cups at the aid stations and the starters.",
            [
                ("aid_2025.json", "", "Aid counts."),
                ("entrants.csv", "DNS", "Non-starters."),
            ],
            "Totals found.",
            "375 cups over seven stations; 28 starters.",
        ),
        coder=(
            "375 / 28, two decimals.",
            "print(f'{375 / 28:.2f}')",
            "13.39",
            "Divide.",
            "Done.",
            "13.39.",
        ),
        checker=(
            "13.39 cups per starter. Check the source?",
            ("aid_2026.json", "", "The question is 2026."),
            "That was the 2025 file; 2026 is 447.",
            "Wrong year. 447 / 28 = 15.96.",
        ),
        final=("Checker fixed the year.", "15.96 cups per starter in 2026."),
        answer="15.96",
        expect="15.96",
    ),
    desk(
        "gfa_ok_14_writer",
        HEALTHY,
        q.GFA,
        clerk=GFA_CLERK,
        coder=(
            "Good-for-age count after penalties.",
            GFA,
            "15",
            "Penalties in.",
            "Counted.",
            "15.",
        ),
        checker=(
            "15 good-for-age. Confirm?",
            (GFA, "15", "Rerun."),
            "Same.",
            "15 confirmed.",
        ),
        writer=(
            "Bulletin: 15 good-for-age finishers.",
            "Keep the number.",
            "15 finishers earned good-for-age times this year.",
        ),
        final=("Done.", "15 finishers made good-for-age."),
        answer="15",
        expect="15",
    ),
    desk(
        "f40_ok_15_writer",
        HEALTHY,
        q.F40_MEDIAN,
        clerk=F40_CLERK,
        coder=(
            "F40 finishers' median chip time, penalties added. H:MM:SS.",
            MED_F40,
            "3:20:29",
            "Median of three.",
            "Printed.",
            "3:20:29.",
        ),
        checker=(
            "F40 median 3:20:29. Check?",
            ("results.csv", "129,", "Slowest of the three."),
            "129 ran 3:41:32; the median sits at 111.",
            "3:20:29 stands.",
        ),
        writer=(
            "Bulletin line on the F40 median, 3:20:29.",
            "One line.",
            "The F40 field's median finish was 3:20:29.",
        ),
        final=("All agree.", "F40 median chip time: 3:20:29."),
        answer="3:20:29",
        expect="3:20:29",
    ),
]
