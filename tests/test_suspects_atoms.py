"""What a result rests on, read from text (analyzer.suspects.turns.atoms)."""

from __future__ import annotations

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
