"""`coordgap` commands for the report area."""

from __future__ import annotations

import click

COMMANDS: list[click.Command] = []
