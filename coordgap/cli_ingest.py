"""`coordgap` commands for the ingest area."""

from __future__ import annotations

import click

COMMANDS: list[click.Command] = []
