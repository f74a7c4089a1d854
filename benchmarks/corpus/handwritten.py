"""Hand-written orchestration on coordgap's own decorators: an expense-audit pipeline.

No framework: plain Python functions decorated with ``@tracer.plan``,
``@tracer.agent``, ``@tracer.tool`` and ``@tracer.verify``, passing dicts
through ``tracer.handoff`` blocks. A supervisor splits the work; ``intake``
reads the claim, ``fx`` converts it at a looked-up rate, ``policy`` applies the
meal cap, ``calculator`` (code) totals it, ``auditor`` checks and a human
``controller`` signs the payment off. The agents' judgement is scripted per
run; the arithmetic is real.

    python -m benchmarks.corpus.handwritten STORE_DIR RECORDS.json
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import tracer
from benchmarks.corpus import _common as c
from benchmarks.corpus._claims import CASES, Case

SUPERVISOR, INTAKE, FX, POLICY, CALC, AUDITOR, CONTROLLER = (
    "supervisor",
    "intake",
    "fx",
    "policy",
    "calculator",
    "auditor",
    "controller",
)


@dataclass(frozen=True)
class Script:
    """How each step behaves in one run."""

    n: int = 0  # picks phrasings
    claim_from_plan: bool = False  # the plan names the neighbouring claim
    rate_date_from_plan: bool = False  # the plan says: convert at the submission date
    wrong_claim: bool = False  # intake opens the neighbouring claim
    late_rate: bool = False  # fx takes the submission-date rate
    misread_rate: bool = False  # fx types the rate with two digits swapped
    cap_per_meal: bool = False  # policy reads the daily cap as per meal (x3)
    calc_bug: bool = False  # the calculator's first attempt raises
    calc_bug_ignored: bool = False  # ... and the pipeline goes on with intake's estimate
    audit_rejects_first: bool = False  # the auditor sends the conversion back once
    audit_doubts: bool = False  # the auditor cannot reconcile the total (rejects)
    typo: bool = False  # the controller keys in another amount


def _pick(n: int, *options: str) -> str:
    return options[n % len(options)]


def _swap(rate: float) -> float:
    digits = f"{rate:.6g}"
    i = next(k for k, ch in enumerate(digits) if ch not in "0.")
    if i + 1 < len(digits) and digits[i + 1] != ".":
        digits = digits[:i] + digits[i + 1] + digits[i] + digits[i + 2 :]
    return float(digits)


@tracer.tool("claims_db")
def read_claim(claim: str) -> dict[str, Any]:
    for case in CASES:
        if claim == case.claim:
            return {"claim": claim, "employee": case.employee, "lines": case.lines}
        if claim == case.other_claim:
            return {"claim": claim, "employee": "(another employee)", "lines": case.other_lines}
    return {"error": f"no claim {claim}"}


@tracer.tool("rate_table")
def rate_on(case: Case, date: str) -> float:
    return case.rate if date == case.trip_date else case.late_rate


class Pipeline:
    """One run's steps; each is decorated on the instance, so a span records the step's
    payload arguments, never the run's script."""

    def __init__(self, case: Case, s: Script) -> None:
        self.case, self.s = case, s
        self.plan = tracer.plan(SUPERVISOR)(self._plan)
        self.intake = tracer.agent(INTAKE)(self._intake)
        self.convert = tracer.agent(FX)(self._convert)
        self.cap = tracer.agent(POLICY)(self._cap)
        self.total = tracer.agent(CALC, actor="code")(self._total)
        self.audit = tracer.verify(AUDITOR)(self._audit)
        self.sign_off = tracer.agent(CONTROLLER, actor="human")(self._sign_off)

    def _plan(self) -> dict[str, Any]:
        k, s = self.case, self.s
        claim = k.other_claim if s.claim_from_plan else k.claim
        when = "the submission date" if s.rate_date_from_plan else "the trip date"
        brief = _pick(
            s.n,
            f"Reimburse claim {claim} for {k.employee}: read it, convert the "
            f"{k.currency} lines at the rate of {when}, cap meals per policy, total, audit.",
            f"Claim {claim} ({k.employee}). Conversion basis: {when}. Then policy caps, "
            "the total, an audit and the controller's sign-off.",
        )
        subtasks = [
            {"id": "read", "agent": INTAKE, "scope": f"read claim {claim}"},
            {"id": "convert", "agent": FX, "scope": f"{k.currency} to EUR at {when}"},
            {"id": "cap", "agent": POLICY, "scope": f"meals capped at {k.meal_cap:g} EUR/day"},
            {"id": "total", "agent": CALC, "scope": "sum the reimbursable lines"},
            {"id": "audit", "agent": AUDITOR, "scope": "check against policy and the claim"},
        ]
        return {"brief": brief, "claim": claim, "rate_basis": when, "subtasks": subtasks}

    def _intake(self, brief: dict[str, Any]) -> dict[str, Any]:
        k, s = self.case, self.s
        claim = k.other_claim if s.wrong_claim else brief["claim"]
        found = read_claim(claim)
        lines = [list(line) for line in found["lines"]]
        listed = ", ".join(f"{cat} {amt:g} {k.currency}" for cat, amt in lines)
        message = _pick(
            s.n,
            f"Claim {claim} is in: {listed}.",
            f"Read {claim} from the claims system - {len(lines)} lines: {listed}.",
            f"{claim}: {listed}. Receipts attached.",
        )
        return {"claim": claim, "lines": lines, "currency": k.currency, "message": message}

    def _convert(self, claim: dict[str, Any], basis: str, again: bool = False) -> dict[str, Any]:
        k, s = self.case, self.s
        late = (s.late_rate or basis == "the submission date") and not again
        date = k.submitted if late else k.trip_date
        rate = rate_on(k, date)
        if s.misread_rate and not again:
            rate = _swap(rate)
        lines = [[cat, round(amt * rate, 2)] for cat, amt in claim["lines"]]
        message = _pick(
            s.n + again,
            f"Converted at {rate:g} EUR per {k.currency} ({date}).",
            f"Rate for {date}: 1 {k.currency} = {rate:g} EUR. Lines now in EUR.",
            f"Using {rate:g} ({date}); amounts converted.",
        )
        return {"claim": claim["claim"], "rate": rate, "date": date, "lines_eur": lines,
                "message": message}  # fmt: skip

    def _cap(self, converted: dict[str, Any]) -> dict[str, Any]:
        k, s = self.case, self.s
        cap = k.meal_cap * k.days * (3 if s.cap_per_meal else 1)
        lines = [
            [cat, min(amt, cap) if cat == "meals" else amt] for cat, amt in converted["lines_eur"]
        ]
        if s.cap_per_meal:
            message = _pick(
                s.n,
                f"The {k.meal_cap:g} EUR cap reads as per meal to me, so three a day: meals "
                f"allowed up to {cap:g} EUR.",
                f"Policy cap {k.meal_cap:g} EUR - I take that per meal, i.e. {cap:g} EUR for "
                "the trip.",
            )
        else:
            message = _pick(
                s.n,
                f"Meals capped at {k.meal_cap:g} EUR/day x {k.days} days = {cap:g} EUR.",
                f"Meal allowance for {k.days} days is {cap:g} EUR; applied.",
            )
        return {**converted, "lines_eur": lines, "message": message}

    def _total(self, capped: dict[str, Any], attempt: int = 1) -> dict[str, Any]:
        lines = capped["lines_eur"]
        if self.s.calc_bug and attempt == 1:
            by_cat = {cat: amt for cat, amt in lines}
            return {"total_eur": by_cat["hotel"] + by_cat["meal"]}  # KeyError: 'meal'
        return {"total_eur": round(sum(amt for _, amt in lines), 2)}

    def _audit(self, result: dict[str, Any], attempt: int) -> tracer.Verdict:
        k, s = self.case, self.s
        total = result["total_eur"]
        if s.audit_rejects_first and attempt == 1:
            return tracer.Verdict(False, _pick(
                s.n,
                f"Conversion used the {result['date']} rate; policy is the trip date "
                f"({k.trip_date}). Please redo it.",
                f"Wrong FX date ({result['date']}). Trip was {k.trip_date}. Back to fx.",
            ))  # fmt: skip
        if s.audit_doubts:
            return tracer.Verdict(False, _pick(
                s.n,
                f"{total:g} EUR does not match what the card statement shows for this trip, "
                "and I can't see which step the difference comes from. Holding payment.",
                f"Can't reconcile {total:g} EUR with the corporate card feed. Not releasing.",
            ))  # fmt: skip
        return tracer.Verdict(True, _pick(
            s.n,
            f"Checked: {total:g} EUR, within policy. OK to pay.",
            f"Audit passed - {total:g} EUR.",
            f"Lines, rate and caps look consistent; {total:g} EUR approved.",
        ))  # fmt: skip

    def _sign_off(self, total: float) -> dict[str, Any]:
        amount = round(total * 10, 2) if self.s.typo else total
        note = _pick(self.s.n, "Released for payment.", "Paid with the next run.")
        return {"decision": "approved", "amount_eur": amount, "message": f"{note} {amount:g} EUR"}

    def hand(self, source: str, target: str, payload: dict[str, Any]) -> dict[str, Any]:
        with tracer.handoff(source, target, payload) as h:
            received: dict[str, Any] = h.payload
        return received

    def run(self) -> str:
        brief = self.plan()
        claim = self.intake(self.hand(SUPERVISOR, INTAKE, brief))
        converted = self.convert(self.hand(INTAKE, FX, claim), brief["rate_basis"])
        for attempt in (1, 2):
            capped = self.cap(self.hand(FX, POLICY, converted))
            try:
                result = self.total(self.hand(POLICY, CALC, capped))
            except KeyError:
                if self.s.calc_bug_ignored:  # carry on with the claimed amounts unconverted
                    result = {"total_eur": sum(a for _, a in claim["lines"])}
                else:
                    result = self.total(capped, attempt=2)
            result = {**result, "date": converted["date"]}
            verdict = self.audit(self.hand(CALC, AUDITOR, result), attempt)
            if verdict or self.s.audit_doubts:
                break
            back = self.hand(AUDITOR, FX, {**claim, "audit": verdict.reason})
            converted = self.convert(back, brief["rate_basis"], again=True)
        if not verdict:
            return "held"
        return str(self.sign_off(result["total_eur"])["amount_eur"])


def _task(k: Case) -> str:
    return (
        f"Reimburse {k.employee}'s claim {k.claim} ({k.days}-day trip, {k.currency}) in EUR: "
        f"convert at the trip-date rate ({k.trip_date}), cap meals at {k.meal_cap:g} EUR "
        "per day, audit, release."
    )


Step = tuple[str, int]
NEAR: tuple[tuple[str, dict[str, bool]], ...] = (
    ("sent-back", {"late_rate": True, "audit_rejects_first": True}),
    ("calc-retried", {"calc_bug": True}),
)
FAULTS: tuple[tuple[str, str, dict[str, bool], Step, Step], ...] = (
    ("bad-split", c.BAD_SPLIT, {"rate_date_from_plan": True}, (SUPERVISOR, 1), (AUDITOR, 1)),
    ("plan-claim", c.BAD_SPLIT, {"claim_from_plan": True}, (SUPERVISOR, 1), (AUDITOR, 1)),
    ("wrong-claim", c.WRONG_SOURCE, {"wrong_claim": True}, (INTAKE, 1), (AUDITOR, 1)),
    ("late-rate", c.WRONG_SOURCE, {"late_rate": True}, (FX, 1), (AUDITOR, 1)),
    ("misread-rate", c.WRONG_INPUT, {"misread_rate": True}, (FX, 1), (AUDITOR, 1)),
    ("cap-per-meal", c.BAD_ASSUMPTION, {"cap_per_meal": True}, (POLICY, 1), (AUDITOR, 1)),
    (
        "doubt",
        c.SELF_REPORT,
        {"misread_rate": True, "audit_doubts": True},
        (FX, 1),
        (AUDITOR, 1),
    ),  # fmt: skip
    (
        "bug-ignored",
        c.CODE_FAILURE,
        {"calc_bug": True, "calc_bug_ignored": True},
        (CALC, 1),
        (AUDITOR, 1),
    ),  # fmt: skip
    ("typo", c.MISREPORTED, {"typo": True}, (CONTROLLER, 1), (CONTROLLER, 1)),
)


async def scenarios(rec: c.Recorder) -> None:
    async def go(name: str, mode: str, k: Case, s: Script, steps: tuple[Step, Step] | None) -> None:
        async def body(task: str) -> str:
            return Pipeline(k, s).run()

        root, symptom = steps if steps else (None, None)
        await rec.run(f"hw-{name}-{k.key}", mode, _task(k), body, root=root, symptom=symptom)

    for n, k in enumerate(CASES):
        await go("clean", c.HEALTHY, k, Script(n=n), None)
        name, flags = NEAR[n % len(NEAR)]
        await go(name, c.HEALTHY, k, replace(Script(n=n + 1), **flags), None)
        for j in range(3):
            name, mode, flags, root, symptom = FAULTS[(3 * n + j) % len(FAULTS)]
            await go(name, mode, k, replace(Script(n=n + j), **flags), (root, symptom))


if __name__ == "__main__":
    raise SystemExit(c.main("handwritten", scenarios))
