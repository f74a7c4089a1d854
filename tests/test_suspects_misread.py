"""misread_value: a step wrote a figure it could have read, miscopied (two
neighbouring characters swapped; or one digit changed, against the step's own tool
results or a program's output right before it only), on tiny built runs."""

from __future__ import annotations

from analyzer_builders import feature_rows, task_run

from analyzer.suspects import features
from analyzer.suspects.changed import miscopied, transposed


def test_misread_value_names_the_step_that_swapped_digits_of_what_it_read() -> None:
    """1.085 where the agent's own tool call returned 1.058, and nowhere before: that
    step misread it; the step that only carried 1.085 on is not named."""
    run = task_run("ABV of batch 212 from the lab's OG and FG, one decimal.")
    run.turn("Lead", "Lab: gravities for 212, please.")
    lab = run.turn("Lab", "Batch 212: OG 1.085, FG 1.011.")
    run.say(run.tool("lab_sheet", parent=lab), '{"og": 1.058, "fg": 1.011}')
    run.turn("Calc", "ABV = (1.085 - 1.011) * 131.25 = 9.71")
    (got,) = feature_rows(features.misread_value, run)
    assert (got["agent"], got["span_id"]) == ("Lab", lab)
    assert '"1.085"' in got["evidence"] and '"1.058"' in got["evidence"]


def test_digits_swapped_across_the_decimal_point_are_a_misread() -> None:
    """61.6% relayed where the analyst had said 66.1%: the relaying step misread it."""
    run = task_run("Orchard Lane's lunch participation in April, percent, one decimal.")
    run.turn("Analyst", "3,754 lunches over 17 days for 334 pupils: 66.1%.")
    lead = run.turn("Lead", "Participation 61.6% (3,754 lunches, 17 days). Check it.")
    run.turn("Writer", "Orchard Lane's participation was 61.6%.")
    (got,) = feature_rows(features.misread_value, run)
    assert (got["agent"], got["span_id"]) == ("Lead", lead)
    assert not transposed("16.6", "66.1") and not transposed("6a1", "1a6")


def test_misread_value_reads_a_rate_below_one() -> None:
    """0.3141 where the rate table said 0.1341: a rate is a figure too."""
    run = task_run("Convert claim C-8154 from DKK to EUR at the trip-date rate.")
    fx = run.turn("Fx", "Using 0.3141; amounts converted.")
    run.say(run.tool("rate_table", parent=fx), "0.1341")
    (got,) = feature_rows(features.misread_value, run)
    assert (got["agent"], got["span_id"]) == ("Fx", fx)


def test_misread_value_leaves_a_changed_digit_and_short_figures_alone() -> None:
    """2024 beside 2023 is another year, 35 beside 53 another count, 0582 a piece of
    an id: no misreading is claimed."""
    run = task_run("Compare boardings in 2023 and 2024.")
    run.turn("Clerk", "2023: 53 routes, ref lc-0528.")
    run.turn("Writer", "In 2024 there were 35 routes (ref lc-0582).")
    assert feature_rows(features.misread_value, run) == []


def test_a_digit_changed_from_the_steps_own_tool_result_is_a_miscopy() -> None:
    """0.56 where the agent's own price lookup returned 0.66 (and nothing before said
    0.56): that step miscopied it; the coder who carried 0.56 on is not named."""
    run = task_run("Gross price of job SQ-3101 at the 2026 list?")
    pricer = run.turn("Pricer", "2026 list: panel USD 169, labour USD 0.56 per W.")
    run.say(run.tool("price_list", parent=pricer), '{"sku": "PNL-430", "price_usd": "169"}')
    run.say(run.tool("price_list", parent=pricer), '{"sku": "LAB-W", "price_usd": "0.66"}')
    run.turn("Coder", "```python\nprint(22 * 169 + 22 * 430 * 0.56)\n```")
    (got,) = feature_rows(features.misread_value, run)
    assert (got["agent"], got["span_id"]) == ("Pricer", pricer)
    assert '"0.56"' in got["evidence"] and '"0.66"' in got["evidence"]


def test_a_digit_changed_from_another_steps_words_is_no_miscopy() -> None:
    """0.56 one digit from another agent's 0.66 may be another value (the other agent
    spoke of something else): only a step's own tool results count for one digit."""
    run = task_run("Gross price of job SQ-3101 at the 2026 list?")
    run.turn("Surveyor", "Shading loss 0.66 on the west face.")
    run.turn("Pricer", "Labour USD 0.56 per W.")
    assert feature_rows(features.misread_value, run) == []


def test_miscopied_is_one_digit_or_a_swap_never_a_year() -> None:
    assert miscopied("0.56", "0.66")
    assert miscopied("1.085", "1.058")
    assert not miscopied("2025", "2026")
    assert not miscopied("0.5", "0.66")
    assert not miscopied("1.2a", "1.2b")
    assert not miscopied("169", "169")


def test_a_figure_misreported_from_the_program_output_just_before_is_a_misread() -> None:
    """The program printed 9.2; the next speaker says 9.7: it misread what it was just
    shown (two digits are enough against a program's output right before)."""
    run = task_run("What share of the active e-bikes is in repair? One decimal.")
    run.turn("Coder", "```python\nprint(round(23 / 250 * 100, 1))\n```")
    run.turn("Terminal", "exitcode: 0 (execution succeeded)\nCode output: 9.2")
    stats = run.turn("Stats", "23 in repair out of 250 active: 9.7%.")
    run.turn("Checker", "9.7% verified.")
    (got,) = feature_rows(features.misread_value, run)
    assert (got["agent"], got["span_id"]) == ("Stats", stats)
    assert '"9.7"' in got["evidence"] and '"9.2"' in got["evidence"]


def test_two_digits_swapped_from_the_program_output_just_before() -> None:
    run = task_run("Trips per dock at the Ferry Terminal in March?")
    run.turn("Reader", "```python\nprint('docks:', 31)\n```")
    run.turn("Terminal", "exitcode: 0 (execution succeeded)\nCode output: docks: 31")
    fleet = run.turn("Fleet", "The station has 13 docks.")
    (got,) = feature_rows(features.misread_value, run)
    assert (got["agent"], got["span_id"]) == ("Fleet", fleet)


def test_a_two_digit_figure_beside_an_earlier_message_is_no_misread() -> None:
    """Only a program's output right before the step is read this closely: beside
    another agent's words (or a program further back) 13 and 31 are two counts."""
    run = task_run("Trips per dock at the Ferry Terminal in March?")
    run.turn("Reader", "Docks: 31 at Canal Basin.")
    run.turn("Fleet", "The station has 13 docks.")
    assert feature_rows(features.misread_value, run) == []


def test_a_power_of_ten_in_code_is_no_miscopy_of_what_the_step_read() -> None:
    """``* 100`` in a step's code beside a 900 its own tool returned: a percentage's
    scale, not a figure it copied wrong."""
    run = task_run("What share of the 2026 awards went to Brindle? Percent, one decimal.")
    analyst = run.turn("Analyst", "```python\nprint(round(brindle / total * 100, 1))\n```")
    run.say(run.tool("read_file", parent=analyst), "A2601,O04,F1,spring,900,approved")
    assert feature_rows(features.misread_value, run) == []


def test_a_total_the_step_computed_is_no_miscopy() -> None:
    """193 h, one digit from a 133 the step's own tool returned, is the sum of the
    130.5 h and 62.5 h it quoted beside it: computed, not miscopied. Beside 130.5 h and
    60.5 h it would be one."""
    for second, flagged in (("62.5", False), ("60.5", True)):
        run = task_run("T07's unplanned downtime in March, hours.")
        said = f"D-0106 130.5 h and D-0107 {second} h, 193 h in all."
        step = run.turn("Analyst", said)
        run.say(run.tool("read_file", parent=step), f"D-0106,130.5\nD-0107,{second}\nD-0116,133")
        got = feature_rows(features.misread_value, run)
        assert [(g["agent"], g["span_id"]) for g in got] == ([("Analyst", step)] if flagged else [])
