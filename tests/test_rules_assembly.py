"""Rule 4: assembly."""

from __future__ import annotations

from analyzer_builders import Run, attribution, rule_rows

from analyzer import rules


def test_assembly_span_that_raised() -> None:
    """An assembly-stage agent that raised is an assembly failure."""
    run = Run(1)
    run.agent("writer")
    asm = run.agent("assembler", stage="assembly", actor="code", error="IndexError", propagate=True)
    got = rule_rows(rules.assembly, run)[run.trace_id]
    assert (got["category"], got["span_id"], got["agent"]) == ("assembly", asm, "assembler")
    assert got["reason"] == "assembly `assembler` raised IndexError"


def test_error_under_an_assembly_span_is_assembly() -> None:
    """A span under the assembly stage raised: still assembly, blamed where it originated."""
    run = Run(1)
    asm = run.agent("assembler", stage="assembly", actor="code")
    merge = run.span("merge sections", parent=asm, error="KeyError", propagate=True)
    got = attribution(run)[run.trace_id]
    assert (got["category"], got["span_id"]) == ("assembly", merge)
    assert got["evidence"] == [merge, asm, run.root]
