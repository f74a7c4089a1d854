"""Healthy runs of the recycling depot desk, some where the checker catches a slip and
the analyst reruns."""

# ruff: noqa: E501

from __future__ import annotations

from benchmarks.corpus._common import HEALTHY
from benchmarks.corpus._desk import Turn
from benchmarks.corpus._recy_tasks import (
    ANALYST,
    CHECKER,
    CLERK,
    FEE,
    MEAN,
    NAMES,
    OCT,
    SEPT,
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

LINES = {
    "cardboard": "cardboard: 115.99 t accepted, contamination 7.4%, rebate £6,716",
    "mixed_paper": "mixed_paper: 88.92 t accepted, contamination 14.6%, rebate £2,125",
    "aluminium": "aluminium: 29.47 t accepted, contamination 3.2%, rebate £25,811",
    "steel": "steel: 37.79 t accepted, contamination 4.6%, rebate £4,253",
    "pet": "pet: 27.76 t accepted, contamination 10.4%, rebate £4,251",
    "hdpe": "hdpe: 41.62 t accepted, contamination 6.0%, rebate £9,237",
    "glass": "glass: 114.76 t accepted, contamination 3.2%, rebate £1,055",
}


def _plain(n: int, m: str, v: int) -> object:
    line = LINES[m]
    fig = line.rsplit(" ", 1)[-1]
    return desk(
        f"recy_ok_{n:02d}_{m}_rebate", HEALTHY, rebate_q(m), fig, fig, rebate_slots(m, line, v=v)
    )


def _fee() -> object:
    line = "residual: 7 loads, 177.38 t, gate fee £18,581"
    s = {
        "ask_clerk": ask(CLERK, f"Quote the residual line from {OCT}."),
        "read": read(CLERK, OCT, "residual"),
        "clerk": Turn(CLERK, "residual,-104.75: the gate fee is £104.75 a tonne."),
        "ask_analyst": ask(
            ANALYST, "Residual gate fee for October: accepted loads only, full tonnes, £104.75/t."
        ),
        "code": cell(FEE.format(keep=" and r['status'] == 'accepted'", price="-104.75"), line),
        "analyst": Turn(
            ANALYST, f"{line}. One residual load (WB4126) was turned back and is left out."
        ),
        "ask_checker": ask(
            CHECKER, "Residual gate fee £18,581 on 177.38 t, WB4126 excluded. Check it."
        ),
        "check_read": read(CHECKER, "depot_rules.md"),
        "checker": Turn(
            CHECKER,
            "Accepted loads, full tonnes, no deduction for residual: that is the rule. £18,581 stands.",
        ),
        "ask_writer": ask(WRITER, "Bulletin line: residual waste gate fee £18,581 for October."),
        "writer": Turn(WRITER, "Residual waste cost the depot £18,581 in gate fees in October."),
        "final": Turn(
            "depot_lead",
            "The October 2026 gate fee for residual waste is £18,581 (177.38 accepted tonnes at £104.75).",
        ),
    }
    q = "What gate fee does the depot owe for residual waste sent in October 2026? Nearest pound."
    return desk("recy_ok_08_residual_fee", HEALTHY, q, "£18,581", "£18,581", s)


def _tonnes(n: int, m: str, total: str) -> object:
    q = TONNES_Q.format(name=NAMES[m])
    return desk(f"recy_ok_{n:02d}_{m}_tonnes", HEALTHY, q, total, total, tonnes_slots(m, total))


def _caught_status() -> object:
    wrong = "hdpe: 46.64 t accepted, contamination 6.0%, rebate £10,351"
    line = LINES["hdpe"]
    s = rebate_slots("hdpe", line, v=1)
    s["code"] = [cell(rebate_code("hdpe", keep=""), wrong)]
    s["analyst"] = Turn(ANALYST, f"Ran it: {wrong}.")
    s["ask_checker"] = ask(
        CHECKER,
        "The analyst makes the hdpe rebate £10,351 (46.64 t, 6.0%, £236.00/t). Check it against the files.",
    )
    s["check_read"] = read(CHECKER, "weighbridge_2026-10.csv", "hdpe")
    s["checker"] = [
        Turn(
            CHECKER,
            "46.64 t includes WB4151 (5.02 t), which is marked rejected. Accepted hdpe is 41.62 t, so the rebate needs rerunning.",
        ),
        ask(ANALYST, "Rerun the hdpe rebate with only accepted loads; WB4151 was rejected."),
        cell(rebate_code("hdpe"), line),
        Turn(ANALYST, f"Rerun: {line}."),
        ask(CHECKER, "Rerun gives £9,237 on 41.62 t. Does that stand now?"),
        Turn(CHECKER, "Yes: accepted loads only, pooled rate, October price. £9,237 stands."),
    ]
    return desk(
        "recy_ok_12_checker_catches_rejected", HEALTHY, rebate_q("hdpe"), "£9,237", "£9,237", s
    )


def _caught_sept() -> object:
    line = LINES["steel"]
    s = rebate_slots("steel", line, v=0)
    s["read"] = read(CLERK, SEPT, "steel")
    s["clerk"] = Turn(CLERK, f"{SEPT} has steel at £124.00 per tonne.")
    s["ask_analyst"] = ask(
        ANALYST,
        "Work out the October rebate for steel: accepted loads, pooled contamination, at £124.00/t.",
    )
    wrong = "steel: 37.79 t accepted, contamination 4.6%, rebate £4,469"
    s["code"] = cell(rebate_code("steel", "124.00"), wrong)
    s["analyst"] = Turn(ANALYST, f"Ran it: {wrong}.")
    s["ask_checker"] = ask(CHECKER, "Steel rebate £4,469 at £124.00/t. Check the price and rules.")
    s["check_read"] = read(CHECKER, OCT, "steel")
    s["checker"] = [
        Turn(
            CHECKER,
            f"£124.00 is September's price. {OCT} has steel at £118.00, and the rules want the same month's list. Needs redoing at £118.",
        ),
        ask(ANALYST, "Redo the steel rebate at £118.00/t, the October price."),
        cell(rebate_code("steel"), line),
        Turn(ANALYST, f"Redone: {line}."),
        ask(CHECKER, "At £118.00 it comes to £4,253. OK?"),
        Turn(CHECKER, "That's the October price and the rest is unchanged. £4,253 stands."),
    ]
    return desk(
        "recy_ok_13_checker_catches_old_price", HEALTHY, rebate_q("steel"), "£4,253", "£4,253", s
    )


def _caught_mean() -> object:
    line = LINES["mixed_paper"]
    wrong = "mixed_paper: 88.92 t accepted, contamination 14.4%, rebate £2,132"
    s = rebate_slots("mixed_paper", line, v=2)
    s["code"] = cell(rebate_code("mixed_paper", rate=MEAN), wrong)
    s["analyst"] = Turn(ANALYST, f"Ran it: {wrong}. I averaged the five audit rates.")
    s["ask_checker"] = ask(
        CHECKER,
        "Mixed paper rebate £2,132, averaging the five audit rates. Check against depot_rules.md.",
    )
    s["checker"] = [
        Turn(
            CHECKER,
            "The rules pool the audits: total reject_kg over total sample_kg, not an average of rates. Please rerun that way.",
        ),
        ask(ANALYST, "Rerun mixed_paper with the pooled rate (total reject over total sample)."),
        cell(rebate_code("mixed_paper"), line),
        Turn(ANALYST, f"Pooled: {line}."),
        ask(CHECKER, "Pooled rate gives £2,125. Stands?"),
        Turn(CHECKER, "Pooled 14.6%, accepted loads, October price: £2,125 stands."),
    ]
    return desk(
        "recy_ok_14_checker_catches_average",
        HEALTHY,
        rebate_q("mixed_paper"),
        "£2,125",
        "£2,125",
        s,
    )


RUNS = [
    _plain(1, "cardboard", 0),
    _plain(2, "mixed_paper", 1),
    _plain(3, "aluminium", 2),
    _plain(4, "steel", 0),
    _plain(5, "pet", 1),
    _plain(6, "hdpe", 2),
    _plain(7, "glass", 0),
    _fee(),
    _tonnes(9, "hdpe", "41.62 t"),
    _tonnes(10, "aluminium", "29.47 t"),
    _tonnes(11, "steel", "37.79 t"),
    _caught_status(),
    _caught_sept(),
    _caught_mean(),
    _plain(15, "cardboard", 2),
]
