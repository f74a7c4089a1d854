"""How the suspects read values in a message: numbers, ids, URLs, templates, quoted
programs, and which of them count as the task's constraints."""

from __future__ import annotations

import polars as pl
from analyzer_builders import Run, feature_rows, task_run

from analyzer.suspects import (
    features,
    turns,
)


def test_arithmetic_needs_operands_that_are_figures() -> None:
    """Pieces of a date are no operands; a total of figures of one message is."""
    from analyzer.suspects import derived

    assert derived.explains("964.11", [[714.33, 249.78]]) == [714.33, 249.78]
    assert derived.explains("210", [[214.0, 612.0]]) is None


def test_json_keys_are_no_values() -> None:
    """A record's field names are its shape: only its values are atoms."""
    from analyzer.suspects import without_keys

    frame = pl.DataFrame({"output": ['{"total_eur": 1430.95, "field": "total_eur"}']})
    frame = frame.with_columns(atoms=turns.atoms(pl.col("output")))
    assert sorted(without_keys(frame)["atoms"][0]) == ["1430.95", "total_eur"]
    frame = pl.DataFrame({"output": ['{"total_eur": 1430.95}']})
    frame = frame.with_columns(atoms=turns.atoms(pl.col("output")))
    assert without_keys(frame)["atoms"][0].to_list() == ["1430.95"]


def test_a_quoted_program_is_read_for_its_numbers() -> None:
    """A tool call's code passed as a JSON string is no phrase atom: its operands
    are; a quoted phrase of words still is one."""
    got = pl.select(
        turns.atoms(pl.lit('{"code": "values = [3.864, 4.324]\\nprint(round(sum(values), 1))"}'))
    ).item()
    assert {"3.864", "4.324"} <= set(got)
    assert "the trip date" in pl.select(turns.atoms(pl.lit('{"basis": "the trip date"}'))).item()


def test_a_capital_glued_to_its_digits_is_an_id_not_a_year() -> None:
    """``A2625`` (an application, a docket, a ledger line) is one id: its digits are no
    figure, so no year 2625 beside the task's 2025; a year and a fiscal year stay."""
    got = set(pl.select(turns.atoms(pl.lit("2026: A2612, A2625 and S3026; FY2024 in 2025"))).item())
    assert {"a2612", "a2625", "s3026", "2025"} <= got
    assert not got & {"2625", "3026", "2612"}
    assert "2024" in got


def test_a_short_plain_number_missing_from_the_result_was_not_dropped() -> None:
    """A cap of 75 applied without being restated is no lost value; the claim id the
    task names and the result lacks is."""
    run = task_run("Reimburse claim C-4419 in EUR, cap meals at 75 EUR per day.")
    intake = run.agent("intake")
    run.say(intake, "Reimburse claim C-4419, cap meals at 75 EUR per day.", direction="input")
    run.say(intake, "Claim lines: hotel 880, meals 260.")
    policy = run.agent("policy")
    run.say(policy, "Claim lines: hotel 880, meals 260.", direction="input")
    run.say(policy, "Meals capped: hotel 880, meals 225; total 1105.")
    (got,) = feature_rows(features.dropped_constraint, run)
    assert got["agent"] == "intake" and '"-4419"' in got["evidence"]
    assert '"75"' not in got["evidence"]


def test_a_float_printing_artefact_is_the_value_it_prints() -> None:
    """A program's 1.9000000000000001 and a later message's 1.9 are one value."""
    got = pl.select(turns.atoms(pl.lit("1.9000000000000001 then 0.30000000000000004"))).item()
    assert sorted(got) == ["0.3", "1.9"]


def test_a_figure_with_one_leading_digit_and_separators_is_one_value() -> None:
    frame = pl.DataFrame({"output": ["Holm 8,412; Friis 2,103; turnout 71.4; 12,345,678 cast"]})
    got = frame.select(a=turns.atoms(pl.col("output")))["a"][0].to_list()
    assert {"8412", "2103", "12345678"} <= set(got) and "412" not in got


def test_a_url_ends_before_the_sentence_punctuation_after_it() -> None:
    frame = pl.DataFrame(
        {"output": ["Open https://example.org/scorers; then https://example.org/a.csv."]}
    )
    got = frame.select(a=turns.atoms(pl.col("output")))["a"][0].to_list()
    assert {"https://example.org/scorers", "https://example.org/a.csv"} <= set(got)


def test_a_machine_made_id_holds_no_values() -> None:
    text = (
        'Done. {"id": "lc_run--01a2458a-86e1-7743-8ed4-ee1e8fadb598-0", "call": "5f3c9a7e12b04d"}'
        " Total 5501.0 MG in FY2024, 1.2e5 rows."
    )
    got = pl.DataFrame({"output": [text]}).select(a=turns.atoms(pl.col("output")))["a"][0]
    assert {"5501", "1.2e5"} <= set(got.to_list())
    assert not {"-86e1", "-7743", "-01"} & set(got.to_list())


def test_digit_groups_joined_by_hyphens_are_one_value() -> None:
    """A date, a range or an id is one atom, not a number and "negative" parts; a word
    glued before a date is cut off it, a letter prefix of an id is not."""
    text = (
        "Period packaged-2026-02, hired 2015-03-01, HT301-101-03 (1950-2024), lot C-097, "
        "sheet rates-2024."
    )
    got = pl.select(turns.atoms(pl.lit(text))).item().to_list()
    assert {"2026-02", "2015-03-01", "ht301-101-03", "1950-2024", "2024"} <= set(got)
    assert not {"-02", "-03", "-01", "-101", "-2024"} & set(got)
    assert "-097" in got


def test_a_format_template_is_no_value() -> None:
    """A program's quoted format string (``'keg loss {lost:.2%}'``) holds no value a
    result rests on; a quoted word of data (``'Sales'``) still is one."""
    text = "print(f'keg loss {lost:.2%}') if dept == 'Sales Operations' else 0"
    got = pl.select(turns.atoms(pl.lit(text))).item().to_list()
    assert not [a for a in got if "{" in a]
    assert "sales operations" in got


def test_a_name_the_data_never_mentions_is_the_tasks_setting_not_a_constraint() -> None:
    """The organisation the task is asked for ("Pell Harbour Trust") is left out of
    every brief and answer without anything lost; a company the ledger lists ("Corran
    Street Playhouse") selects the rows, and dropping it is a dropped constraint."""

    def run_with(ledger: str) -> Run:
        task = "For the Pell Harbour Trust, sum the Corran Street Playhouse's fees."
        run = task_run(task)
        clerk = run.agent("clerk")
        run.say(clerk, "Here is the fees ledger.")
        run.say(run.tool("read_file", parent=clerk), ledger)
        planner = run.agent("planner")
        run.say(planner, task, direction="input")
        run.say(planner, "Sum every company's fees in fees.csv.")
        writer = run.agent("writer")
        run.say(writer, "Sum every company's fees in fees.csv.", direction="input")
        run.say(writer, "Fees: 4,210.")
        return run

    (got,) = feature_rows(features.dropped_constraint, run_with("Corran Street Playhouse,2100"))
    assert "corran street playhouse" in got["evidence"] and "pell harbour" not in got["evidence"]
    assert feature_rows(features.dropped_constraint, run_with("Kiln Players,2100")) == []
