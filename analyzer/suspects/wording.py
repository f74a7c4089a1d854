"""The reason of a failure whose agent the suspect ranking named, and evidence lines.

A rule that names no agent says so in its reason (a verification gap reads
"silent failure: no signal in the trace; … To name the agent: capture content…").
When the ranking then names a suspect, that text contradicts the agent shown
beside it. :func:`suspect_reason` keeps what the rule found (no verifier's verdict
recorded, a verifier accepted it, nothing explained it), drops the claim that
nothing signals who it was, says who the ranking suspects, at which step and how
sure it is (a low confidence marked as a lead), and turns the advice on how to get
an agent named into advice on how to confirm the suspect. :func:`line` builds an
evidence line from pieces.
"""

from __future__ import annotations

from typing import Final

import polars as pl

from analyzer.suspects import calibration

__all__ = ["ADVICE", "SILENT", "line", "percent", "suspect_reason"]

SILENT: Final = "silent failure: no signal in the trace; "
"""The verification-gap reason's opening (analyzer/queries/rules.sql)."""
ADVICE: Final = ". To name the agent:"
"""Where the verification-gap reason's advice starts (analyzer/queries/rules.sql)."""


def line(*pieces: str | pl.Expr) -> pl.Expr:
    """An evidence line: text pieces (literals) and column expressions joined as
    they are; null pieces read as empty, so a line is never null."""
    return pl.concat_str(
        [pl.lit(p) if isinstance(p, str) else p.cast(pl.String).fill_null("") for p in pieces]
    )


def percent(share: pl.Expr) -> pl.Expr:
    """A share in [0, 1] as a whole percentage (``"62%"``)."""
    return line((share * 100).round(0).cast(pl.Int32), "%")


def suspect_reason(
    reason: pl.Expr, agent: pl.Expr, span_id: pl.Expr, confidence: pl.Expr
) -> pl.Expr:
    """The rule's ``reason`` made to agree with a suspect the ranking named (see the
    module)."""
    parts = reason.fill_null("no rule explained the failure").str.strip_prefix(SILENT)
    found = parts.str.split(ADVICE).list.first()
    advice = parts.str.split(ADVICE).list.get(1, null_on_oob=True)
    low = pl.when(confidence < calibration.LOW).then(pl.lit(", low: a lead, not a finding"))
    return line(
        found,
        "; the ranking suspects `",
        agent,
        "` at ",
        span_id,
        " made the mistake (confidence ",
        percent(confidence),
        low.otherwise(pl.lit("")),
        ")",
        pl.when(advice.is_not_null()).then(pl.lit(". To confirm it:") + advice),
    )
