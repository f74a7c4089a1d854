"""What a result rests on, read from text (analyzer.suspects.turns.atoms)."""

from __future__ import annotations

import json

import polars as pl

from analyzer.suspects.turns import atoms


def _atoms(text: str) -> list[str]:
    return list(pl.DataFrame({"x": [text]}).select(atoms(pl.col("x"))).item())


def test_a_one_digit_field_before_a_date_is_no_thousands_group() -> None:
    """In a CSV row ``...,0,1,2026-04-02`` the ``1,202`` is not 1202 and the date is
    read whole, not as ``-04`` and ``-02``; a number grouped in thousands still is one."""
    got = _atoms("A2612,O03,F4,spring,25000,approved,25000,1,2026-04-02; 8,412 in all")
    assert "2026-04-02" in got and "8412" in got
    assert not {"1202", "1,202", "-04", "-02"} & set(got), got


def test_a_value_after_an_escaped_line_break_is_read_whole() -> None:
    """A CSV or program kept as JSON text holds its line breaks as ``\\n``: the value
    that opens a line is the same value as in plain text (the date ``2027-06-08``, the
    id ``P401``, the file ``sales_2026.csv``), not glued to the escape's ``n``."""
    text = json.dumps({"rows": "date,plot\n2027-06-08,ML01\nP401,sales_2026.csv\tnplot_id"})
    got = pl.select(atoms(pl.lit(text))).item().to_list()
    assert {"2027-06-08", "p401", "sales_2026.csv"} <= set(got)
    assert not [a for a in got if a.startswith("n2027") or a.startswith("np401")]
