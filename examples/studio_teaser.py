"""The demo's studio pipeline driven from Python instead of `coordgap demo`.

Runs 60 teasers with handoff faults made more likely, ingests the spans,
and prints, for each failed run, the fault that was injected beside the
analyzer's attribution and its one-line reason.

    python examples/studio_teaser.py [OUT_DIR]      # default: .coordgap-example

The voice-over runs in a separate process (spawned), so keep the
``if __name__ == "__main__":`` guard when you adapt this script.
"""

from __future__ import annotations

import sys
from pathlib import Path

import analyzer
from coordgap.demo import DemoConfig, FaultRates, compare, run_pipeline
from coordgap.demo.analysis import ingest_and_analyze


def main(out: Path) -> None:
    config = DemoConfig(
        runs=60,
        seed=2024,
        out=out,
        rates=FaultRates().with_overrides({"handoff": 0.25}),
    )
    result = run_pipeline(config)
    injected = {record.trace_id: record.plan for record in result.records}
    with analyzer.open(config.db_path) as store:
        _ingested, analysis = ingest_and_analyze(store, config, result)
        for row in analysis.failures.iter_rows(named=True):
            plan = injected.get(row["trace_id"])
            fault = plan.fault if plan else "?"
            print(f"{fault:<17} -> {row['category']:<14} {row['reason']}")
        print(compare(result.records, analysis.runs).headline())


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(".coordgap-example"))
