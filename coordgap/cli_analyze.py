"""`coordgap` commands for the analyze area."""

from __future__ import annotations

import click

COMMANDS: list[click.Command] = []
