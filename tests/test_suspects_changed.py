"""changed_value: a step wrote (or looked up) a sibling of a value the task names,
on tiny built runs."""

from __future__ import annotations

from analyzer_builders import feature_rows, task_run

from analyzer.suspects import features
from analyzer.suspects.changed import siblings


def test_changed_value_names_the_step_that_swapped_a_task_value() -> None:
    """I-133 where the task says I-131: the step that wrote it."""
    run = task_run("Half-life of I-131 from isotopes.json, in days?")
    run.turn("Planner", "Reader: get the I-131 entry.")
    reader = run.turn("Reader", "Entry I-133: 0.87 days.")
    (got,) = feature_rows(features.changed_value, run)
    assert (got["agent"], got["span_id"]) == ("Reader", reader)
    assert '"-133"' in got["evidence"] and '"-131"' in got["evidence"]


def test_siblings_differ_in_one_character_or_one_whole_part() -> None:
    """One piece of the task's value swapped: a character of a value with digits, or
    a whole part of a name of two or more parts; other values are no siblings."""
    assert siblings("i-133", "i-131") and siblings("sales_2023", "sales_2024")
    assert siblings("count_february.csv", "count_march.csv")
    assert siblings("tz_rules_winter.txt", "tz_rules_2024.txt")
    assert not siblings("count_march.csv", "count_march.csv")
    assert not siblings("count_february.xlsx", "count_march.csv")  # two parts swapped
    assert not siblings("-12", "-08")  # a date's pieces: one part only
    assert not siblings("spring", "summer")  # words without digits
    assert siblings("-4491", "-4419")  # two neighbouring digits swapped
    assert not siblings("-4941", "-4419")
    assert not siblings("200", "500") and not siblings("10.4", "10.1")  # by chance
    assert siblings("2023", "2024") and siblings("-133", "-131")


def test_changed_value_names_the_step_that_swapped_a_file_named_by_the_task() -> None:
    """A plan that sends the team to another file than the task names changed it."""
    run = task_run("1,200 units sold at 25% off the list price in pricelist_summer.pdf.")
    lead = run.turn("Lead", "Analyst: take the list price from pricelist_spring.pdf.")
    run.turn("Analyst", "pricelist_spring.pdf gives 34.90.")
    (got,) = feature_rows(features.changed_value, run)
    assert (got["agent"], got["span_id"]) == ("Lead", lead)
    assert '"pricelist_summer.pdf"' in got["evidence"]


def test_a_tool_looked_up_with_a_sibling_of_the_task_value_names_its_caller() -> None:
    """The task asks for the 2026 list; the pricer looked its lines up in 2025's and
    said no year: the arguments it gave its tool are its words, so it changed the
    task's value there."""
    run = task_run("Gross installed price of job SQ-3102 on the 2026 list, in USD?")
    run.turn("Surveyor", "SQ-3102: 28 panels PNL-430.")
    pricer = run.turn("Pricer", "From the price list: PNL-430 USD 182, labour USD 0.62/W.")
    call = run.tool("price_list", parent=pricer)
    run.say(call, '{"sku": "PNL-430", "year": 2025}', direction="input")
    run.say(call, '{"list": 2025, "sku": "PNL-430", "price_usd": "182"}')
    (got,) = feature_rows(features.changed_value, run)
    assert (got["agent"], got["span_id"]) == ("Pricer", pricer)
    assert '"2025"' in got["evidence"] and '"2026"' in got["evidence"]


def test_a_tool_looked_up_with_the_task_value_changes_nothing() -> None:
    run = task_run("Gross installed price of job SQ-3102 on the 2026 list, in USD?")
    pricer = run.turn("Pricer", "From the price list: PNL-430 USD 182.")
    call = run.tool("price_list", parent=pricer)
    run.say(call, '{"sku": "PNL-430", "year": 2026}', direction="input")
    run.say(call, '{"list": 2026, "sku": "PNL-430", "price_usd": "182"}')
    assert feature_rows(features.changed_value, run) == []


def test_a_name_with_one_part_added_is_a_sibling() -> None:
    """arpu_2024_h1_eu where the task names arpu_2024_h1: another dataset, pulled by the
    step that wrote it, though the task's name is the first parts of its own. A file
    extension is no part, and a name of two parts is too short to tell."""
    assert siblings("arpu_2024_h1_eu", "arpu_2024_h1") and siblings(
        "arpu_2024_h1", "arpu_2024_h1_eu"
    )
    assert not siblings("arpu_2024_h1.csv", "arpu_2024_h1")
    assert not siblings("arpu_2024_h1_eu_x", "arpu_2024_h1")
    run = task_run("By what percent did ARPU grow from January to June (dataset arpu_2024_h1)?")
    run.turn("Manager", "Pull dataset arpu_2024_h1 for the question.")
    pulled = run.turn("Researcher", "arpu_2024_h1_eu: 38, 38.4, 39, 39.9, 40.2, 40.6")
    run.turn("Analyst", "Growth January to June: 6.8%")
    (got,) = feature_rows(features.changed_value, run)
    assert (got["agent"], got["span_id"]) == ("Researcher", pulled)
    assert '"arpu_2024_h1_eu"' in got["evidence"]


def test_a_nearby_year_is_a_sibling_of_the_tasks() -> None:
    """1932 where the task asks about 1928: another year's page, though two digits
    differ; a year far off, or no year, is no sibling."""
    assert siblings("1932", "1928") and siblings("2019", "2024")
    assert not siblings("1956", "1928") and not siblings("1932", "1028")
    run = task_run("Which country sent the fewest athletes to the 1928 Summer Olympics?")
    run.turn("Planner", "Get the participating nations with their athlete counts.")
    page = run.turn("Researcher", "1932 Summer Olympics - nations: Colombia 1, China 1.")
    run.turn("Coder", "China is first alphabetically among those tied at one.")
    (got,) = feature_rows(features.changed_value, run)
    assert (got["agent"], got["span_id"]) == ("Researcher", page)


def test_a_file_of_another_month_than_the_one_the_task_names_in_words() -> None:
    """The task asks about October 2026; the clerk reads the September file: that step
    changed the task's month. A task that names both months changes nothing; nor does
    a file of the task's own month, or a value that is no file."""
    run = task_run("How many tonnes of grain were discharged in October 2026?")
    run.turn("berth_master", "Clerk: the discharges from the month's calls file.")
    clerk = run.turn("records_clerk", 'read_file({"name": "calls_2026-09.csv"}) 6 calls.')
    run.turn("coder", "6,850 t in all.")
    (got,) = feature_rows(features.changed_value, run)
    assert (got["agent"], got["span_id"]) == ("records_clerk", clerk)
    assert '"calls_2026-09.csv"' in got["evidence"] and '"2026-10"' in got["evidence"]
    both = task_run("Grain discharged in September 2026 and October 2026, in tonnes?")
    both.turn("records_clerk", 'read_file({"name": "calls_2026-09.csv"}) 6 calls.')
    own = task_run("How many tonnes of grain were discharged in October 2026?")
    own.turn("records_clerk", 'read_file({"name": "calls_2026-10.csv"}) on 2026-09-30.')
    assert feature_rows(features.changed_value, both, own) == []
    assert siblings("calls_2026-09.csv", "2026-10") and not siblings("2026-09", "2026-10")


def test_a_file_of_another_year_than_every_year_the_task_names() -> None:
    """A 2026 question answered from last season's price list: the step that read
    prices_2025.json changed the task's year. A question about both years changes
    nothing, nor does a file of the task's own year or one with no year."""
    run = task_run("How much did the Playhouse keep in booking fees in March 2026?")
    run.turn("Box Office Manager", "Clerk: the booking fees in prices_2026.json.")
    clerk = run.turn("Contracts Clerk", 'read_file({"name": "prices_2025.json"}) fee 1.25.')
    run.turn("Data Analyst", "425 tickets at 1.25: 531.25.")
    (got,) = feature_rows(features.changed_value, run)
    assert (got["agent"], got["span_id"]) == ("Contracts Clerk", clerk)
    assert '"prices_2025.json"' in got["evidence"] and '"2026"' in got["evidence"]
    both = task_run("How did booking fees change from 2025 to 2026?")
    both.turn("Contracts Clerk", "prices_2025.json says 1.25, prices_2026.json 1.50.")
    plain = task_run("Booking fees kept in March 2026?")
    plain.turn("Contracts Clerk", "prices.json and sales_2026-03.csv: 1.50 a ticket.")
    assert feature_rows(features.changed_value, both, plain) == []
    assert siblings("prices_2025.json", "2026") and not siblings("prices_2016.json", "2026")


def test_a_step_that_lists_the_files_of_both_years_chooses_none() -> None:
    """The task's opening message lists the files on the desk, last year's among them:
    no choice. The step that then reads last year's file made it."""
    run = task_run("How many e-bike trips started in Harbour in Q1 2026?")
    run.turn("Ops_Desk", "Files: stations.csv, trips_2025.csv, trips_2026.csv.")
    analyst = run.turn("DataAnalysis_Expert", "Summing the Harbour rows of trips_2025.csv: 1742.")
    (got,) = feature_rows(features.changed_value, run)
    assert (got["agent"], got["span_id"]) == ("DataAnalysis_Expert", analyst)


def test_a_bare_month_next_to_the_one_the_task_names_in_words() -> None:
    """The task compares April 2025 with April 2026; the lead's brief names the March
    months: that step changed the task's months. Months inside a span the task names
    within one year (January to June 2026) are its own, and a step that names a task
    month beside another lists them, it chooses none."""
    run = task_run("By what percentage did trips change from April 2025 to April 2026?")
    lead = run.turn("Lead", "Python_Expert: compare 2025-03 with 2026-03 in trips.csv.")
    run.turn("Python_Expert", "Trips rose 14.2% from 2025-03 to 2026-03.")
    (got,) = feature_rows(features.changed_value, run)
    assert (got["agent"], got["span_id"]) == ("Lead", lead)
    assert '"2025-03"' in got["evidence"] and '"2025-04"' in got["evidence"]
    half = task_run("How many trips from January 2026 to June 2026?")
    half.turn("Lead", "Coder: sum the months 2026-02 to 2026-05 and the two ends.")
    listed = task_run("How many trips in April 2026?")
    listed.turn("Clerk", "The sheet has 2026-03 and 2026-04; I take 2026-04.")
    assert feature_rows(features.changed_value, half, listed) == []
