"""A misreading inside one message: a plain log's step holds the page an agent read
and what it wrote from it."""

from __future__ import annotations

from analyzer_builders import Run, suspect_context

from analyzer.suspects import features

PAGE = "Water supplied: 5,501.0\nBilled authorized consumption: 4,472.3"


def _rows(run: Run) -> list[dict[str, object]]:
    return features.misread_value(suspect_context(run)).to_dicts()


def _run(analyst_figure: str, coder_figure: str) -> tuple[Run, str]:
    run = Run(1, outcome="failure")
    run.say(run.root, "What share of the water supplied in 2024 was not billed?", direction="input")
    run.turn("lead", "Analyst: read the 2024 audit; coder: compute the share.")
    analyst = run.turn("analyst", f"Audit 2024: billed {analyst_figure} MG.\n\n{PAGE}")
    run.turn("coder", f"(5501.0 - {coder_figure}) / 5501.0 = ...")
    return run, analyst


def test_the_figure_later_steps_use_beside_its_swapped_source_is_a_misreading() -> None:
    """The analyst's message holds the page (4,472.3) and its own 4427.3, which the
    coder goes on with: the analyst misread the page."""
    run, analyst = _run("4427.3", "4427.3")
    (got,) = _rows(run)
    assert (got["agent"], got["span_id"]) == ("analyst", analyst)
    assert '"4427.3"' in str(got["evidence"]) and '"4472.3"' in str(got["evidence"])


def test_a_swapped_pair_nobody_goes_on_with_is_no_misreading() -> None:
    """The coder uses a figure of its own: neither of the analyst's two went on, so
    nothing shows which one it wrote."""
    run, _ = _run("4427.3", "4400.0")
    assert _rows(run) == []
