"""Pure helpers of the report: number formatting, escaping, cycle breaking in the Sankey."""

from __future__ import annotations

from dashboards._format import duration, esc, pct, plural, pts, shorten
from dashboards.sections_flow import back_edges
from dashboards.sections_runs import suspects_note


def test_pct_keeps_small_shares_visible() -> None:
    """Shares print as whole percents, small ones with a decimal, None as n/a."""
    assert pct(0.713) == "71%"
    assert pct(0.004) == "0.4%"
    assert pct(0.05) == "5%"
    assert pct(1.0) == "100%"
    assert pct(None) == "n/a"
    assert pct(float("nan")) == "n/a"


def test_points_and_durations_read_naturally() -> None:
    """Differences as points, written as the CLI writes them; durations in the unit a
    reader expects."""
    assert pts(0.26) == "26.0 pts"
    assert pts(0.313) == "31.3 pts"
    assert duration(850) == "850 ms"
    assert duration(1500) == "1.5 s"
    assert duration(240_000) == "4.0 min"
    assert duration(7_200_000) == "2.0 h"
    assert duration(None) == "n/a"
    assert plural(1, "run") == "1 run" and plural(3, "run") == "3 runs"


def test_escaping_covers_markup_and_quotes() -> None:
    """Markup and quotes become entities; long names are cut before escaping."""
    assert esc("<script>alert('x')</script>") == "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;"
    assert esc(None) == ""
    assert shorten("<b>" * 20, 5) == "&lt;b&gt;&lt;\u2026"


def test_back_edges_break_rework_loops() -> None:
    """The edge that sends work back (and a self-handoff) is the one marked, not the main line."""
    edges = [
        ("planner", "writer", 100.0),
        ("writer", "director", 100.0),
        ("director", "writer", 40.0),  # sent back for rework
        ("director", "assembler", 100.0),
        ("assembler", "assembler", 3.0),
    ]
    assert back_edges(edges) == {("director", "writer"), ("assembler", "assembler")}


def test_back_edges_of_a_chain_is_empty() -> None:
    """A pipeline without loops keeps every edge forward."""
    assert back_edges([("a", "b", 5.0), ("b", "c", 5.0), ("a", "c", 1.0)]) == set()


def test_suspects_note_escapes_marks_low_confidence_and_hides_content() -> None:
    """The report's run caption: escaped names and evidence, a low-confidence mark,
    quoted message text left out under --no-content."""
    failure = {
        "agent": "<b>Coder</b>",
        "suspect": True,
        "confidence": 0.5,
        "suspects": [
            {
                "agent": "<b>Coder</b>",
                "span_id": "00000000000000a1",
                "evidence": ['`<b>Coder</b>` first wrote "<script>1200</script>"'],
            }
        ],
    }
    note = suspects_note(failure)
    assert "<b>Coder</b>" not in note and "&lt;b&gt;Coder&lt;/b&gt;" in note
    assert "<script>" not in note and "low confidence" in note and "suspect" in note
    assert "1200" not in suspects_note(failure, content=False)
    assert "No suspect" in suspects_note({"suspects": []})
