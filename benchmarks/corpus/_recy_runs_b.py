"""Failing runs of the recycling depot desk: trouble, assumptions, carried figures,
tools, made-up figures, dropped constraints, loops and early stops."""

# ruff: noqa: E501

from __future__ import annotations

from benchmarks.corpus._desk import Turn
from benchmarks.corpus._recy_tasks import (
    ANALYST,
    CHECKER,
    CLERK,
    FEE,
    LEAD,
    NAMES,
    OCT,
    TONNES_Q,
    WRITER,
    ask,
    cell,
    desk,
    read,
    rebate_code,
    rebate_q,
    rebate_slots,
    tonnes_slots,
)

R = "root"
S = "symptom"


def _pet_filter_empty() -> object:
    line = "pet: 27.76 t accepted, contamination 10.4%, rebate £4,674"
    s = rebate_slots("pet", line, "188.00", 1)
    s["read"] = read(CLERK, OCT, "PET")
    s["clerk"] = Turn(
        CLERK,
        "The filter only gave me the header row, I couldn't see a PET line in the October list. I've put £188.00 a tonne, which is the figure I had noted down; worth confirming.",
    )
    return desk(
        "recy_14_pet_line_not_found",
        "self_reported_trouble",
        rebate_q("pet"),
        "£4,674",
        "£4,251",
        s,
        {"clerk": R, "final": S},
    )


def _glass_no_audits() -> object:
    line = "glass: 114.76 t accepted, contamination 0.0%, rebate £1,090"
    s = rebate_slots("glass", line, v=1)
    s["code"] = cell(rebate_code("glass", rate="0.0"), line)
    s["analyst"] = Turn(
        ANALYST,
        f"{line}. I couldn't get the audit weeks to line up with the load dates, so I've left contamination at zero for now; treat it as provisional.",
    )
    s["ask_checker"] = ask(CHECKER, "Glass rebate £1,090 (114.76 t at £9.50/t). Check the tonnage.")
    s["check_read"] = read(CHECKER, "weighbridge_2026-10.csv", "glass")
    s["checker"] = Turn(CHECKER, "Five glass tickets, all accepted, 114.76 t. Stands.")
    s["ask_writer"] = ask(WRITER, "Bulletin line: October glass rebate £1,090.")
    s["writer"] = Turn(WRITER, "Glass brought in £1,090 for the depot in October.")
    s["final"] = Turn(LEAD, "The October 2026 glass rebate is £1,090 (114.76 t at £9.50 a tonne).")
    return desk(
        "recy_15_glass_rate_left_out",
        "self_reported_trouble",
        rebate_q("glass"),
        "£1,090",
        "£1,055",
        s,
        {"analyst": R, "final": S},
    )


def _hdpe_all_tickets() -> object:
    s = tonnes_slots("hdpe", "46.64 t", keep="")
    s["ask_analyst"] = ask(
        ANALYST,
        "Total every hdpe ticket in weighbridge_2026-10.csv; the buyer weighs everything that leaves the gate, so count them all.",
    )
    s["analyst"] = Turn(ANALYST, "46.64 t of hdpe across all eight tickets.")
    s["ask_checker"] = ask(
        CHECKER, "Analyst has 46.64 t of hdpe over eight tickets. Check the sum."
    )
    s["check_read"] = read(CHECKER, "weighbridge_2026-10.csv", "hdpe")
    s["checker"] = Turn(CHECKER, "Eight hdpe tickets; they add up to 46.64 t. The sum stands.")
    return desk(
        "recy_16_hdpe_every_ticket",
        "bad_assumption",
        TONNES_Q.format(name=NAMES["hdpe"]),
        "46.64 t",
        "41.62 t",
        s,
        {"ask_analyst": R, "final": S},
    )


def _pet_week44() -> object:
    line = "pet: 27.76 t accepted, contamination 10.6%, rebate £4,245"
    s = rebate_slots("pet", line, v=2)
    s["code"] = cell(rebate_code("pet", weeks=" and a['week'] != '44'"), line)
    s["analyst"] = Turn(
        ANALYST, f"{line}. I left out the week 44 audits, that week runs into November."
    )
    return desk(
        "recy_17_week_44_dropped",
        "bad_assumption",
        rebate_q("pet"),
        "£4,245",
        "£4,251",
        s,
        {"code": R, "final": S},
    )


def _weekly_figure() -> object:
    line = "cardboard: 115.99 t accepted, contamination 7.4%, rebate £6,716"
    s = rebate_slots("cardboard", line, v=0)
    s["writer"] = Turn(
        WRITER,
        "Cardboard is earning the depot about £1,551 a week, net of contamination (October's takings spread over the month).",
    )
    s["final"] = Turn(
        LEAD, "Cardboard is earning about £1,551 a week net of contamination, going by October."
    )
    return desk(
        "recy_18_weekly_rate_in_bulletin",
        "bad_assumption",
        rebate_q("cardboard"),
        "£1,551",
        "£6,716",
        s,
        {"writer": R, "final": S},
    )


def _hdpe_price_typo() -> object:
    line = "hdpe: 41.62 t accepted, contamination 6.0%, rebate £10,294"
    s = rebate_slots("hdpe", line, v=0)
    s["ask_analyst"] = ask(
        ANALYST,
        "Work out the October rebate for hdpe: accepted loads from the weighbridge file, less the month's pooled contamination rate from the audits, at £263.00/t.",
    )
    s["code"] = cell(rebate_code("hdpe", "263.00"), line)
    s["ask_checker"] = ask(
        CHECKER,
        "The analyst makes the hdpe rebate £10,294 (41.62 t, contamination 6.0%). Check tonnage and rate.",
    )
    s["check_read"] = read(CHECKER, "contamination_2026-10.csv", "hdpe")
    s["checker"] = Turn(CHECKER, "Four hdpe audits, pooled rate 6.0%. Tonnage and rate stand.")
    s["final"] = Turn(
        LEAD,
        "The October 2026 rebate on HDPE is £10,294: 41.62 t accepted, less 6.0% contamination.",
    )
    return desk(
        "recy_19_price_digits_swapped",
        "wrong_input_carried",
        rebate_q("hdpe"),
        "£10,294",
        "£9,237",
        s,
        {"ask_analyst": R, "final": S},
    )


def _writer_swap() -> object:
    line = "cardboard: 115.99 t accepted, contamination 7.4%, rebate £6,716"
    s = rebate_slots("cardboard", line, v=1)
    s["writer"] = Turn(
        WRITER,
        "October: 115.99 tonnes of cardboard went to market, bringing in £6,176 net of contamination.",
    )
    s["final"] = Turn(
        LEAD,
        "For the bulletin: October: 115.99 tonnes of cardboard went to market, bringing in £6,176 net of contamination.",
    )
    return desk(
        "recy_20_bulletin_figure_swapped",
        "wrong_input_carried",
        rebate_q("cardboard"),
        "£6,176",
        "£6,716",
        s,
        {"writer": R, "final": S},
    )


def _no_such_file() -> object:
    line = "cardboard: 115.99 t accepted, contamination 7.4%, rebate £6,232"
    s = rebate_slots("cardboard", line, "58.00", 2)
    s["read"] = read(CLERK, "prices_october.csv", "cardboard")
    s["clerk"] = Turn(CLERK, "Cardboard is £58.00 a tonne for October.")
    return desk(
        "recy_21_price_file_missing",
        "tool_failure_ignored",
        rebate_q("cardboard"),
        "£6,232",
        "£6,716",
        s,
        {"clerk": R, "final": S},
    )


def _aluminum_spelling() -> object:
    line = "aluminium: 29.47 t accepted, contamination 0.0%, rebate £26,670"
    s = rebate_slots("aluminium", line, v=1)
    s["ask_clerk"] = ask(CLERK, "Pull October's aluminium audits from contamination_2026-10.csv.")
    s["read"] = read(CLERK, "contamination_2026-10.csv", "aluminum")
    s["clerk"] = Turn(
        CLERK,
        "No aluminium audits in October, the file has nothing for it. The price is £905.00/t.",
    )
    s["ask_analyst"] = ask(
        ANALYST,
        "October rebate for aluminium: accepted loads, no contamination audits this month so no deduction, at £905.00/t.",
    )
    s["code"] = cell(rebate_code("aluminium", rate="0.0"), line)
    s["ask_checker"] = ask(
        CHECKER, "Aluminium rebate £26,670 (29.47 t, no audits, £905/t). Check the tonnage."
    )
    s["check_read"] = read(CHECKER, "weighbridge_2026-10.csv", "aluminium")
    s["checker"] = Turn(
        CHECKER, "Seven aluminium tickets, two rejected (WB4107, WB4148); accepted 29.47 t. Stands."
    )
    return desk(
        "recy_22_audit_filter_spelling",
        "tool_failure_ignored",
        rebate_q("aluminium"),
        "£26,670",
        "£25,811",
        s,
        {"clerk": R, "final": S},
    )


def _one_rejected() -> object:
    line = "aluminium: 33.51 t accepted, contamination 3.2%, rebate £29,349"
    s = rebate_slots("aluminium", line, v=2)
    s["ask_clerk"] = ask(
        CLERK, "Which aluminium loads were turned back in October? And the October price."
    )
    s["read"] = []
    s["clerk"] = Turn(
        CLERK,
        "Just the one, WB4107 on 3 October, 3.82 t. Aluminium is £905.00/t on the October list.",
    )
    s["ask_analyst"] = ask(
        ANALYST,
        "October aluminium rebate: all loads except WB4107 (turned back), pooled contamination, £905.00/t.",
    )
    s["code"] = cell(rebate_code("aluminium", keep=" and r['ticket'] != 'WB4107'"), line)
    return desk(
        "recy_23_rejections_from_memory",
        "made_up_data",
        rebate_q("aluminium"),
        "£29,349",
        "£25,811",
        s,
        {"clerk": R, "final": S},
    )


def _checker_invents() -> object:
    line = "pet: 27.76 t accepted, contamination 10.4%, rebate £4,251"
    s = rebate_slots("pet", line, v=0)
    s["check_read"] = []
    s["checker"] = Turn(
        CHECKER,
        "I make the PET contamination 11.8% across the month's audits, so the rebate should be £4,183, not £4,251.",
    )
    s["ask_writer"] = ask(WRITER, "One line for the bulletin: October PET bottles rebate £4,183.")
    s["writer"] = Turn(WRITER, "PET bottles earned £4,183 in October after contamination.")
    s["final"] = Turn(
        LEAD, "With the checker's rate of 11.8%, the October 2026 rebate on PET bottles is £4,183."
    )
    return desk(
        "recy_24_checker_rate_unread",
        "made_up_data",
        rebate_q("pet"),
        "£4,183",
        "£4,251",
        s,
        {"checker": R, "final": S},
    )


def _fee_brief_no_status() -> object:
    line = "residual: 8 loads, 206.89 t, gate fee £21,672"
    s = {
        "ask_clerk": ask(CLERK, f"What's the residual gate fee per tonne on {OCT}?"),
        "read": read(CLERK, OCT, "residual"),
        "clerk": Turn(CLERK, "residual,-104.75, so £104.75 a tonne that we pay."),
        "ask_analyst": ask(
            ANALYST,
            "Total the residual tonnes on the October weighbridge tickets and charge £104.75/t.",
        ),
        "code": cell(FEE.format(keep="", price="-104.75"), line),
        "analyst": Turn(ANALYST, f"{line}."),
        "ask_writer": ask(WRITER, "Bulletin line: residual gate fee £21,672 for October."),
        "writer": Turn(WRITER, "Residual waste cost the depot £21,672 in gate fees in October."),
        "final": Turn(LEAD, "October 2026's residual gate fee is £21,672 on 206.89 t."),
    }
    q = "What gate fee does the depot owe for residual waste sent in October 2026, counting only loads the plant accepted? Nearest pound."
    return desk(
        "recy_25_fee_brief_loses_status",
        "lost_constraint",
        q,
        "£21,672",
        "£18,581",
        s,
        {"ask_analyst": R, "final": S},
    )


def _writer_rounds() -> object:
    s = tonnes_slots("hdpe", "41.62 t")
    s["writer"] = Turn(WRITER, "Buyers took about 42 tonnes of our HDPE in October.")
    s["final"] = Turn(LEAD, "Buyers took about 42 tonnes of our HDPE in October.")
    return desk(
        "recy_26_bulletin_rounds_tonnes",
        "lost_constraint",
        TONNES_Q.format(name=NAMES["hdpe"]),
        "42 tonnes",
        "41.62 t",
        s,
        {"writer": R, "final": S},
    )


def _asks_again() -> object:
    q = rebate_q("pet")
    ask1 = f"Get me the October 2026 price per tonne for pet from {OCT}."
    turns = [
        ask(CLERK, ask1),
        read(CLERK, OCT, "pet"),
        Turn(CLERK, f"{OCT} has pet at £171.00 per tonne."),
        ask(CLERK, f"Can you confirm the October pet price in {OCT}?", mark=R),
        read(CLERK, OCT, "pet"),
        Turn(CLERK, "Confirmed: pet,171.00 on the October list."),
        ask(CLERK, "Double-check the pet price per tonne on the October list for me."),
        read(CLERK, OCT, "pet"),
        Turn(CLERK, "Still £171.00 a tonne for pet."),
        Turn(
            LEAD,
            "PET bottles are on £171.00 a tonne for October 2026; that is what the depot will be paid.",
            mark=S,
        ),
    ]
    from benchmarks.corpus._desk import Run

    return Run("recy_27_price_asked_three_times", "repetition_loop", q, turns, "£171.00", "£4,251")


def _stops_before_deduction() -> object:
    line = "steel: 37.79 t accepted, contamination 0.0%, rebate £4,459"
    s = rebate_slots("steel", line, v=1)
    s["ask_analyst"] = ask(
        ANALYST, "Steel first pass: accepted tonnes at £118.00/t; do contamination after."
    )
    s["code"] = cell(rebate_code("steel", rate="0.0"), line)
    s["analyst"] = Turn(
        ANALYST,
        "First pass: 37.79 t accepted at £118.00 gives £4,459 before contamination. I still need to apply the audit rate.",
    )
    s["ask_checker"] = []
    s["check_read"] = []
    s["checker"] = []
    s["ask_writer"] = ask(WRITER, "Bulletin line: October steel cans rebate £4,459.", mark=R)
    s["writer"] = Turn(WRITER, "Steel cans brought in £4,459 for the depot in October.")
    s["final"] = Turn(LEAD, "The October 2026 rebate on steel cans is £4,459.")
    return desk(
        "recy_28_answered_on_first_pass",
        "premature_termination",
        rebate_q("steel"),
        "£4,459",
        "£4,253",
        s,
        {"final": S},
    )


RUNS = [
    _pet_filter_empty(),
    _glass_no_audits(),
    _hdpe_all_tickets(),
    _pet_week44(),
    _weekly_figure(),
    _hdpe_price_typo(),
    _writer_swap(),
    _no_such_file(),
    _aluminum_spelling(),
    _one_rejected(),
    _checker_invents(),
    _fee_brief_no_status(),
    _writer_rounds(),
    _asks_again(),
    _stops_before_deduction(),
]
