"""Ground truth beside attribution: how often the analyzer names the injected fault.

The demo knows the category of every run's injected fault
(:class:`~coordgap.demo.faults.RunPlan`); the analyzer only sees the trace.
:func:`compare` lines the two up by trace id and counts agreement over the
runs that failed by ground truth, plus the runs the analyzer flagged that the
ground truth says succeeded (false alarms).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich import box
from rich.table import Table

from coordgap.demo.faults import CATEGORIES, NONE
from coordgap.demo.pipeline import RunRecord
from tracer import semconv

__all__ = ["Comparison", "compare", "confusion_table", "write_ground_truth"]

_MISSING = "missing"  # the analyzer has no run with this trace id
# Two-line headers keep the confusion table inside an 80-column terminal.
_HEADERS = {
    semconv.STAGE_DECOMPOSITION: "decom-\nposition",
    semconv.STAGE_GENERATION: "gener-\nation",
    semconv.STAGE_VERIFICATION: "verifi-\ncation",
    semconv.STAGE_ASSEMBLY: "assem-\nbly",
    semconv.STAGE_HANDOFF: "hand-\noff",
    semconv.CATEGORY_UNKNOWN: "un-\nknown",
}


@dataclass(frozen=True)
class Comparison:
    """Ground truth against attribution, run by run.

    ``matrix[(truth, said)]`` counts runs; ``truth`` is a ground-truth category
    (``"none"`` = should succeed); ``said`` is the analyzer's category, ``"none"``
    when it saw no failure, ``"missing"`` when the run never reached the store.
    ``by_fault`` counts, per injected fault, what the analyzer said.
    """

    matrix: Mapping[tuple[str, str], int]
    by_fault: Mapping[str, Mapping[str, int]] = field(default_factory=dict)

    def _total(self, truth: Iterable[str], said: Iterable[str] | None = None) -> int:
        truth = set(truth)
        wanted = None if said is None else set(said)
        return sum(
            count
            for (t, s), count in self.matrix.items()
            if t in truth and (wanted is None or s in wanted)
        )

    @property
    def failed(self) -> int:
        """Runs that failed by ground truth."""
        return self._total(semconv.STAGES)

    @property
    def agreed(self) -> int:
        """Failed runs whose attribution names the injected category."""
        return sum(self.matrix.get((stage, stage), 0) for stage in semconv.STAGES)

    @property
    def agreement(self) -> float | None:
        """``agreed / failed``, or ``None`` without failed runs."""
        return self.agreed / self.failed if self.failed else None

    @property
    def succeeded(self) -> int:
        """Runs that should have succeeded by ground truth."""
        return self._total([NONE])

    @property
    def false_alarms(self) -> int:
        """Runs that should have succeeded but the analyzer calls failed."""
        return self.succeeded - self._total([NONE], [NONE, _MISSING])

    @property
    def missing(self) -> int:
        """Runs whose trace the analyzer did not have."""
        return sum(count for (_t, s), count in self.matrix.items() if s == _MISSING)

    def headline(self) -> str:
        """The agreement as one sentence, e.g. "... on 287/300 failed runs (95.7%)"."""
        if not self.failed:
            return "no run failed by ground truth, so there is no attribution to compare"
        text = (
            f"attribution agrees with ground truth on {self.agreed}/{self.failed} failed runs "
            f"({100.0 * (self.agreement or 0.0):.1f}%)"
        )
        extras = [f"{self.false_alarms} of {self.succeeded} healthy runs flagged as failed"]
        if self.missing:
            extras.append(f"{self.missing} runs missing from the store")
        return f"{text}; {'; '.join(extras)}"


def compare(records: Sequence[RunRecord], runs: Any) -> Comparison:
    """Compare ground truth with ``analysis.runs`` (a frame with ``trace_id``,
    ``failed`` and ``category``) by trace id."""
    said_by_trace: dict[str, str] = {}
    for row in runs.select(["trace_id", "failed", "category"]).iter_rows(named=True):
        said_by_trace[row["trace_id"]] = (
            (row["category"] or semconv.CATEGORY_UNKNOWN) if row["failed"] else NONE
        )
    matrix: Counter[tuple[str, str]] = Counter()
    by_fault: dict[str, Counter[str]] = {}
    for record in records:
        said = said_by_trace.get(record.trace_id or "", _MISSING)
        matrix[(record.plan.category, said)] += 1
        if record.plan.fault:
            by_fault.setdefault(record.plan.fault, Counter())[said] += 1
    return Comparison(matrix=dict(matrix), by_fault={k: dict(v) for k, v in by_fault.items()})


def confusion_table(comparison: Comparison) -> Table:
    """A rich table: ground truth in rows, the analyzer's attribution in columns."""
    columns = [*semconv.STAGES, semconv.CATEGORY_UNKNOWN, NONE]
    if comparison.missing:
        columns.append(_MISSING)
    table = Table(
        title="injected fault (rows) vs the analyzer's attribution (columns)",
        title_justify="left",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        collapse_padding=True,
        padding=(0, 1),
    )
    table.add_column("injected", style="bold", no_wrap=True)
    for column in columns:
        table.add_column(_HEADERS.get(column, column), justify="right", no_wrap=True)
    table.add_column("runs", justify="right", style="dim", no_wrap=True)
    for truth in CATEGORIES:
        row_total = sum(comparison.matrix.get((truth, said), 0) for said in columns)
        if not row_total:
            continue
        cells = []
        for said in columns:
            count = comparison.matrix.get((truth, said), 0)
            text = str(count) if count else "."
            if count and said == truth:
                text = f"[green]{text}[/green]"
            elif count:
                text = f"[yellow]{text}[/yellow]"
            cells.append(text)
        table.add_row(truth, *cells, str(row_total))
    return table


def write_ground_truth(records: Sequence[RunRecord], path: Path) -> Path:
    """One JSON line per run: index, seed, trace id, fault, category, what happened."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        for record in records:
            plan = record.plan
            line = {
                "index": plan.index,
                "seed": plan.seed,
                "trace_id": record.trace_id,
                "fault": plan.fault,
                "category": plan.category,
                "injected": plan.description,
                "failed": record.observed_failure,
                "late_feedback": record.late_reason is not None,
                "reason": record.late_reason or record.reason,
            }
            out.write(json.dumps(line, sort_keys=True) + "\n")
    return path
