"""What `pip install coordgap` puts into a service: site-packages size and import time.

Creates fresh virtualenvs in a temporary directory: one empty, one with
coordgap installed from this checkout (non-editable, through pip's cache), and
prints the installed size (what the install added to site-packages beyond the
empty virtualenv's own pip and setuptools), the
largest distributions, the median time of ``import tracer`` (``python -X
importtime``, and the wall time of a subprocess against ``python -c pass``),
and checks that the tracer works and that the ``coordgap`` command names the
extra it needs. Target: < 40 MB; importing ``tracer`` < 100 ms.

    python3 benchmarks/footprint.py [--extras analyze,grpc] [--repeats 9] [--keep]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
MB = 1024 * 1024
TARGET_MB = 40.0
TARGET_IMPORT_MS = 100.0

SMOKE = """
import json, pathlib, tracer
tracer.configure(path="spans")
@tracer.agent("writer")
def write(brief): return {"text": brief, "brand_voice": "warm"}
@tracer.workflow("run")
def run():
    with tracer.handoff("writer", "editor", write("x"), carry=["brand_voice"]) as h:
        return h.ok
assert run() is True
tracer.shutdown()
lines = [l for p in pathlib.Path("spans").glob("*.jsonl") for l in p.read_text().splitlines()]
names = [s["name"] for l in lines for r in json.loads(l)["resourceSpans"]
         for ss in r["scopeSpans"] for s in ss["spans"]]
print(len(names), "spans:", ", ".join(sorted(names)))
"""


def run(cmd: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        cmd, check=False, text=True, capture_output=True, stdin=subprocess.DEVNULL, **kwargs
    )  # type: ignore[call-overload]


def make_venv(path: Path) -> Path:
    subprocess.run([sys.executable, "-m", "venv", str(path)], check=True)
    return path / "bin" / "python"


def site_packages(python: Path) -> Path:
    out = run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"])
    return Path(out.stdout.strip())


def tree_size(path: Path) -> int:
    total = 0
    for root, _dirs, files in os.walk(path):
        for name in files:
            try:
                total += (Path(root) / name).lstat().st_size
            except OSError:
                pass
    return total


def top_level_sizes(path: Path) -> dict[str, int]:
    sizes: dict[str, int] = {}
    for entry in path.iterdir():
        size = tree_size(entry) if entry.is_dir() else entry.lstat().st_size
        sizes[entry.name] = size
    return sizes


def importtime_ms(python: Path, module: str) -> float:
    """Cumulative ``-X importtime`` of ``module`` (ms, wall), from a fresh interpreter."""
    out = run([str(python), "-X", "importtime", "-c", f"import {module}"], cwd="/")
    pattern = re.compile(r"import time:\s+\d+\s+\|\s+(\d+)\s+\|\s+" + re.escape(module) + "$")
    for line in out.stderr.splitlines():
        match = pattern.match(line.strip())
        if match:
            return int(match.group(1)) / 1000
    raise RuntimeError(f"no import time for {module}: {out.stderr[-500:]}")


def cpu_ms(python: Path, module: str) -> float:
    """CPU time of ``import module`` in a fresh interpreter (ms): steadier than wall
    time on a busy machine, where a process mostly waits for a core."""
    code = f"import time; t = time.process_time(); import {module}; print(time.process_time() - t)"
    return float(run([str(python), "-c", code], cwd="/").stdout) * 1000


def import_figures(python: Path, repeats: int) -> dict[str, float]:
    """Medians over interleaved runs: wall (-X importtime) and CPU time of importing
    ``tracer`` and, for scale, ``opentelemetry.sdk.trace`` (what every OpenTelemetry
    tracer loads before its first span; coordgap loads it at its first traced call)."""
    samples: dict[str, list[float]] = {}
    for _ in range(repeats):
        for module in ("tracer", "opentelemetry.sdk.trace"):
            samples.setdefault(f"{module} wall", []).append(importtime_ms(python, module))
            samples.setdefault(f"{module} cpu", []).append(cpu_ms(python, module))
    return {key: statistics.median(values) for key, values in samples.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--extras", default="", help="e.g. analyze,grpc (default: none)")
    parser.add_argument("--repeats", type=int, default=9)
    parser.add_argument("--keep", action="store_true", help="keep the virtualenvs")
    args = parser.parse_args()
    spec = f"{REPO}[{args.extras}]" if args.extras else str(REPO)
    work = Path(tempfile.mkdtemp(prefix="coordgap-footprint-"))
    try:
        empty = make_venv(work / "empty")
        full = make_venv(work / "installed")
        # Build from a copy: a non-editable build writes build/ and *.egg-info.
        src = work / "src"
        shutil.copytree(
            REPO,
            src,
            ignore=shutil.ignore_patterns(
                ".venv*", ".git", ".coordgap", "__pycache__", "*.egg-info"
            ),
        )
        spec = f"{src}[{args.extras}]" if args.extras else str(src)
        started = time.perf_counter()
        install = run([str(full), "-m", "pip", "install", "-q", spec])
        if install.returncode != 0:
            sys.exit(f"pip install {spec} failed:\n{install.stdout}{install.stderr}")
        took = time.perf_counter() - started
        base = top_level_sizes(site_packages(empty))
        now = top_level_sizes(site_packages(full))
        # What the empty venv already has (pip, setuptools) is not counted, even
        # though running pip grows it by its own bytecode.
        added = {name: size for name, size in now.items() if name not in base}
        total = sum(added.values())
        label = f"coordgap[{args.extras}]" if args.extras else "coordgap"
        print(f"pip install {label}: {total / MB:.1f} MB of site-packages ({took:.0f} s)")
        for name, size in sorted(added.items(), key=lambda kv: -kv[1])[:12]:
            print(f"  {size / MB:7.2f} MB  {name}")
        verdict = "OK" if total / MB < TARGET_MB else "OVER"
        print(f"target < {TARGET_MB:g} MB: {verdict}")

        fig = import_figures(full, args.repeats)
        print(
            f"import tracer: {fig['tracer cpu']:.1f} ms CPU, {fig['tracer wall']:.1f} ms wall "
            f"(-X importtime); for scale, import opentelemetry.sdk.trace: "
            f"{fig['opentelemetry.sdk.trace cpu']:.1f} ms CPU, "
            f"{fig['opentelemetry.sdk.trace wall']:.1f} ms wall; medians of {args.repeats} "
            f"runs; target < {TARGET_IMPORT_MS:g} ms"
        )

        (work / "smoke").mkdir()
        smoke = run([str(full), "-c", SMOKE], cwd=work / "smoke")
        print("tracer smoke test:", smoke.stdout.strip() or smoke.stderr.strip().splitlines()[-1])
        cli = run([str(full.parent / "coordgap"), "analyze"])
        print(f"`coordgap analyze` exit {cli.returncode}: {cli.stderr.strip()}")
    finally:
        if args.keep:
            print("virtualenvs kept in", work)
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
