"""Failing runs of the recycling depot desk: sources, prices and code."""

# ruff: noqa: E501

from __future__ import annotations

from benchmarks.corpus._desk import Turn
from benchmarks.corpus._recy_tasks import (
    ANALYST,
    CHECKER,
    CLERK,
    LEAD,
    MEAN,
    OCT,
    SEPT,
    WRITER,
    ask,
    cell,
    desk,
    read,
    rebate_code,
    rebate_q,
    rebate_slots,
)

R = "root"
S = "symptom"


def _clerk_sept() -> object:
    line = "cardboard: 115.99 t accepted, contamination 7.4%, rebate £5,910"
    s = rebate_slots("cardboard", line, "55.00", 0)
    s["read"] = read(CLERK, SEPT, "cardboard")
    s["clerk"] = Turn(CLERK, f"{SEPT} has cardboard at £55.00 per tonne.")
    return desk(
        "recy_01_clerk_september_list",
        "wrong_source_chosen",
        rebate_q("cardboard"),
        "£5,910",
        "£6,716",
        s,
        {"read": R, "final": S},
        "the clerk opened September's price list; every later step priced at £55",
    )


def _checker_sept() -> object:
    line = "pet: 27.76 t accepted, contamination 10.4%, rebate £4,251"
    s = rebate_slots("pet", line, v=1)
    s["check_read"] = read(CHECKER, SEPT, "pet")
    s["checker"] = Turn(
        CHECKER,
        "The price looks off: the list I have says pet,188.00, not 171. At £188 the same "
        "tonnage and rate give £4,674, so I'd go with £4,674.",
    )
    s["ask_writer"] = ask(WRITER, "One line for the bulletin: October PET bottles rebate £4,674.")
    s["writer"] = Turn(
        WRITER, "PET bottles earned the depot £4,674 in October after contamination was taken off."
    )
    s["final"] = Turn(
        LEAD,
        "After the checker's correction to the price, the October 2026 rebate on PET bottles is £4,674 (27.76 t, 10.4% contamination, £188 a tonne).",
    )
    return desk(
        "recy_02_checker_old_list",
        "wrong_source_chosen",
        rebate_q("pet"),
        "£4,674",
        "£4,251",
        s,
        {"check_read": R, "final": S},
        "the checker 'corrected' a right figure from September's list",
    )


def _lead_sept() -> object:
    line = "steel: 37.79 t accepted, contamination 4.6%, rebate £4,469"
    s = rebate_slots("steel", line, "124.00", 2)
    s["ask_clerk"] = ask(
        CLERK,
        f"Quote the steel price per tonne from {SEPT}; that's the list the buyer invoices on.",
    )
    s["read"] = read(CLERK, SEPT, "steel")
    s["clerk"] = Turn(CLERK, f"{SEPT}: steel,124.00, so £124.00 per tonne.")
    return desk(
        "recy_03_lead_briefs_old_list",
        "wrong_source_chosen",
        rebate_q("steel"),
        "£4,469",
        "£4,253",
        s,
        {"ask_clerk": R, "final": S},
    )


def _no_contamination_step() -> object:
    line = "mixed_paper: 88.92 t accepted, contamination 0.0%, rebate £2,490"
    s = rebate_slots("mixed_paper", line, v=1)
    s["ask_analyst"] = ask(
        ANALYST,
        "Total the accepted mixed_paper tonnes for October and multiply by £28.00/t. Leave the rate at zero, the clerk can sort contamination separately if it matters.",
    )
    s["code"] = cell(rebate_code("mixed_paper", rate="0.0"), line)
    s["analyst"] = Turn(ANALYST, f"{line}, as asked with the rate left at zero.")
    s["ask_checker"] = ask(
        CHECKER,
        "Analyst has mixed paper at 88.92 t x £28.00 = £2,490. Check the tonnage against the weighbridge file.",
    )
    s["check_read"] = read(CHECKER, "weighbridge_2026-10.csv", "mixed_paper")
    s["checker"] = Turn(
        CHECKER, "Five mixed_paper tickets, all accepted, 88.92 t in all. The tonnage is right."
    )
    s["ask_writer"] = ask(WRITER, "One line for the bulletin: October mixed paper rebate £2,490.")
    s["writer"] = Turn(WRITER, "Mixed paper brought in £2,490 for the depot in October.")
    s["final"] = Turn(
        LEAD, "October's mixed paper rebate comes to £2,490 (88.92 t at £28.00 a tonne)."
    )
    return desk(
        "recy_04_lead_drops_contamination",
        "bad_decomposition",
        rebate_q("mixed_paper"),
        "£2,490",
        "£2,125",
        s,
        {"ask_analyst": R, "final": S},
        "the plan never sent the contamination deduction to anyone",
    )


def _cans_half() -> object:
    line = "aluminium: 29.47 t accepted, contamination 3.2%, rebate £25,811"
    s = rebate_slots("aluminium", line, v=2)
    s["ask_clerk"] = ask(CLERK, "Cans question. Get me the October aluminium price per tonne.")
    s["ask_writer"] = ask(WRITER, "Bulletin line: October cans rebate £25,811.")
    s["writer"] = Turn(
        WRITER, "Drinks cans earned the depot £25,811 in October, after contamination."
    )
    s["final"] = Turn(LEAD, "The October 2026 rebate on cans is £25,811, net of contamination.")
    return desk(
        "recy_05_cans_only_aluminium",
        "bad_decomposition",
        "What rebate will the depot earn on cans (aluminium and steel together) sold in October 2026, net of contamination? Nearest pound.",
        "£25,811",
        "£30,064",
        s,
        {"ask_clerk": R, "final": S},
        "the steel half of the cans question was never planned",
    )


def _crash_gross() -> object:
    code = rebate_code("cardboard").replace("a['reject_kg']", "a['rejected_kg']")
    s = rebate_slots(
        "cardboard", "cardboard: 115.99 t accepted, contamination 7.4%, rebate £6,716", v=1
    )
    s["code"] = cell(code, "KeyError: 'rejected_kg'")
    s["analyst"] = Turn(
        ANALYST,
        "The audit part fell over, but the tonnage is 115.99 t accepted; at £62.50 that is £7,249 for cardboard.",
    )
    s["ask_checker"] = ask(
        CHECKER, "Analyst has cardboard at £7,249 (115.99 t at £62.50/t). Please check the tonnage."
    )
    s["check_read"] = read(CHECKER, "weighbridge_2026-10.csv", "cardboard")
    s["checker"] = Turn(CHECKER, "Eight cardboard tickets, all accepted, 115.99 t. Tonnage stands.")
    s["ask_writer"] = ask(WRITER, "One line for the bulletin: October cardboard rebate £7,249.")
    s["writer"] = Turn(WRITER, "Cardboard earned the depot £7,249 in October.")
    s["final"] = Turn(
        LEAD, "The October 2026 cardboard rebate is £7,249 on 115.99 accepted tonnes at £62.50."
    )
    return desk(
        "recy_06_audit_column_crash",
        "code_failure_ignored",
        rebate_q("cardboard"),
        "£7,249",
        "£6,716",
        s,
        {"code": R, "final": S},
    )


def _crash_glass() -> object:
    code = rebate_code("glass").replace("a['material'] == m", "a['material'] == m.title()")
    s = rebate_slots("glass", "x: 1 t accepted, contamination 0%, rebate £0", v=2)
    s["code"] = cell(code, "ZeroDivisionError: division by zero")
    s["analyst"] = Turn(
        ANALYST,
        "No glass audits came back from the filter, so there's no deduction to make: 114.76 t at £9.50 gives £1,090.",
    )
    s["ask_checker"] = ask(
        CHECKER,
        "Glass rebate from the analyst: £1,090 (114.76 t, no contamination audits). Does that stand?",
    )
    s["checker"] = Turn(
        CHECKER, "If there were no audits there is nothing to deduct, so £1,090 stands."
    )
    s["check_read"] = []
    s["ask_writer"] = ask(WRITER, "One line for the bulletin: October glass rebate £1,090.")
    s["writer"] = Turn(WRITER, "Glass made £1,090 for the depot in October.")
    s["final"] = Turn(LEAD, "The October 2026 glass rebate is £1,090 (114.76 t at £9.50 a tonne).")
    return desk(
        "recy_07_glass_filter_crash",
        "code_failure_ignored",
        rebate_q("glass"),
        "£1,090",
        "£1,055",
        s,
        {"code": R, "final": S},
    )


def _crash_price() -> object:
    code = rebate_code("hdpe").replace(
        "price = 236.00  # per tonne, from the clerk",
        "price = [float(r['price_per_t']) for r in csv.DictReader(open('prices_2026-10.csv')) if r['material'] == 'HDPE'][0]",
    )
    s = rebate_slots("hdpe", "x: 1 t accepted, contamination 0%, rebate £0")
    s["code"] = cell(code, "IndexError: list index out of range")
    s["analyst"] = Turn(
        ANALYST,
        "The price lookup didn't find a row, so I used £229 a tonne, which is what HDPE has been going for: 41.62 t less 6.0% at £229 is £8,963.",
    )
    s["ask_checker"] = ask(
        CHECKER, "HDPE rebate £8,963 (41.62 t, 6.0%, £229/t). Check the tonnage and rate."
    )
    s["check_read"] = read(CHECKER, "contamination_2026-10.csv", "hdpe")
    s["checker"] = Turn(
        CHECKER, "Four hdpe audits; pooled, the rate comes to 6.0%. Tonnage and rate stand."
    )
    s["ask_writer"] = ask(WRITER, "One line for the bulletin: October HDPE rebate £8,963.")
    s["writer"] = Turn(WRITER, "HDPE brought in £8,963 in October after contamination.")
    s["final"] = Turn(
        LEAD, "The October 2026 HDPE rebate is £8,963: 41.62 t accepted, 6.0% contamination."
    )
    return desk(
        "recy_08_price_lookup_crash",
        "code_failure_ignored",
        rebate_q("hdpe"),
        "£8,963",
        "£9,237",
        s,
        {"code": R, "final": S},
    )


def _accepted_rejected() -> object:
    line = "aluminium: 37.33 t accepted, contamination 3.2%, rebate £32,695"
    s = rebate_slots("aluminium", line, v=0)
    s["code"] = cell(rebate_code("aluminium", keep=""), line)
    s["checker"] = Turn(
        CHECKER,
        "Rules say accepted loads, pooled rate, October price; the working says all three. £32,695 stands.",
    )
    return desk(
        "recy_09_rejected_loads_counted",
        "wrong_answer_accepted",
        rebate_q("aluminium"),
        "£32,695",
        "£25,811",
        s,
        {"code": R, "checker": S},
    )


def _mean_rate() -> object:
    line = "mixed_paper: 88.92 t accepted, contamination 14.4%, rebate £2,132"
    s = rebate_slots("mixed_paper", line, v=2)
    s["code"] = cell(rebate_code("mixed_paper", rate=MEAN), line)
    s["checker"] = Turn(
        CHECKER,
        "Accepted loads, audit rate applied, October price: it reads right to me. £2,132 stands.",
    )
    return desk(
        "recy_10_average_of_rates",
        "wrong_answer_accepted",
        rebate_q("mixed_paper"),
        "£2,132",
        "£2,125",
        s,
        {"code": R, "checker": S},
    )


def _fee_all_loads() -> object:
    q = "What gate fee does the depot owe for residual waste sent in October 2026? Nearest pound."
    line = "residual: 8 loads, 206.89 t, gate fee £21,672"
    from benchmarks.corpus._recy_tasks import FEE

    s = {
        "ask_clerk": ask(CLERK, f"Quote the residual line from {OCT}."),
        "read": read(CLERK, OCT, "residual"),
        "clerk": Turn(CLERK, "residual,-104.75: we pay £104.75 a tonne."),
        "ask_analyst": ask(
            ANALYST, "Residual gate fee for October: accepted loads, full tonnes, £104.75/t."
        ),
        "code": cell(FEE.format(keep="", price="-104.75"), line),
        "analyst": Turn(ANALYST, f"{line}."),
        "ask_checker": ask(CHECKER, "Residual gate fee £21,672 on 206.89 t. Check it."),
        "check_read": read(CHECKER, "depot_rules.md"),
        "checker": Turn(
            CHECKER,
            "Residual is charged on full tonnes with no contamination deduction, which is what was done. £21,672 stands.",
        ),
        "ask_writer": ask(WRITER, "Bulletin line: residual waste gate fee £21,672 for October."),
        "writer": Turn(
            WRITER, "Sending residual waste to the energy-from-waste plant cost £21,672 in October."
        ),
        "final": Turn(
            LEAD, "The October 2026 gate fee for residual waste is £21,672 (206.89 t at £104.75)."
        ),
    }
    return desk(
        "recy_11_fee_on_turned_back_load",
        "wrong_answer_accepted",
        q,
        "£21,672",
        "£18,581",
        s,
        {"code": R, "checker": S},
    )


def _gross_reported() -> object:
    line = "cardboard: 115.99 t accepted, contamination 7.4%, rebate £6,716"
    s = rebate_slots("cardboard", line, v=2)
    s["analyst"] = Turn(
        ANALYST, "Cardboard: 115.99 t accepted at £62.50, which is £7,249 (contamination 7.4%)."
    )
    s["ask_checker"] = ask(
        CHECKER, "Analyst has cardboard at £7,249 (115.99 t, 7.4%, £62.50/t). Check the tonnage."
    )
    s["check_read"] = read(CHECKER, "weighbridge_2026-10.csv", "cardboard")
    s["checker"] = Turn(
        CHECKER, "115.99 t over eight accepted tickets. The tonnage is right, so £7,249 stands."
    )
    s["ask_writer"] = ask(WRITER, "One line for the bulletin: October cardboard rebate £7,249.")
    s["writer"] = Turn(WRITER, "Cardboard earned the depot £7,249 in October.")
    s["final"] = Turn(LEAD, "The October 2026 cardboard rebate is £7,249.")
    return desk(
        "recy_12_gross_figure_passed_on",
        "misreported_result",
        rebate_q("cardboard"),
        "£7,249",
        "£6,716",
        s,
        {"analyst": R, "final": S},
    )


def _price_transposed() -> object:
    line = "pet: 27.76 t accepted, contamination 10.4%, rebate £2,909"
    s = rebate_slots("pet", line, "117.00", 0)
    s["clerk"] = Turn(CLERK, f"{OCT} has pet at £117.00 per tonne.")
    return desk(
        "recy_13_pet_price_misquoted",
        "misreported_result",
        rebate_q("pet"),
        "£2,909",
        "£4,251",
        s,
        {"clerk": R, "final": S},
    )


RUNS = [
    _clerk_sept(),
    _checker_sept(),
    _lead_sept(),
    _no_contamination_step(),
    _cans_half(),
    _crash_gross(),
    _crash_glass(),
    _crash_price(),
    _accepted_rejected(),
    _mean_rate(),
    _fee_all_loads(),
    _gross_reported(),
    _price_transposed(),
]
