"""The packages meet only through their public modules, and the tracer has no import cycle.

An AST scan of the source (no imports run): a module whose path has a part
starting with ``_`` (``tracer._export``, ``from tracer import _runtime``) is
private to its package; code in another package, in benchmarks/ or in examples/
must not import it. Tests may (they are white-box).
"""

from __future__ import annotations

import ast
import functools
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("analyzer", "collector", "coordgap", "dashboards", "tracer")
USERS = (*PACKAGES, "benchmarks", "examples")


def _source_files(folder: str) -> list[Path]:
    return sorted((ROOT / folder).rglob("*.py"))


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imported(tree: ast.AST, here: str) -> Iterator[tuple[int, str]]:
    """``(line, dotted name)`` of every module or name imported anywhere in ``tree``."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: resolve against the importing module's package
                package = here.split(".")[: -node.level]
                base = ".".join([*package, *([base] if base else [])])
            for alias in node.names:
                yield node.lineno, f"{base}.{alias.name}"


def _private_part(dotted: str) -> str | None:
    for part in dotted.split(".")[1:]:
        if part.startswith("_") and not part.startswith("__"):
            return part
    return None


def cross_package_private_imports(folders: tuple[str, ...] = USERS) -> list[str]:
    """Every import of another package's private module or name, as ``file:line name``."""
    found = []
    for folder in folders:
        for path in _source_files(folder):
            here = _module_name(path)
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            for line, dotted in _imported(tree, here):
                package = dotted.split(".")[0]
                if package not in PACKAGES or package == folder:
                    continue
                if _private_part(dotted) is not None:
                    found.append(f"{path.relative_to(ROOT)}:{line} {dotted}")
    return found


def test_no_package_imports_another_packages_private_module() -> None:
    """collector, analyzer, dashboards, the CLI, benchmarks and examples use public modules only."""
    assert cross_package_private_imports() == []


def test_the_scan_sees_a_private_import(tmp_path: Path) -> None:
    """The scan itself finds both spellings of a private import (it can fail)."""
    tree = ast.parse(
        "from tracer._export import LocalStoreExporter\n"
        "from tracer import _runtime, semconv\n"
        "def later():\n    import analyzer._x\n"
    )
    names = [dotted for _line, dotted in _imported(tree, "collector.sink")]
    assert [n for n in names if _private_part(n)] == [
        "tracer._export.LocalStoreExporter",
        "tracer._runtime",
        "analyzer._x",
    ]


@functools.cache
def _tracer_graph() -> dict[str, set[str]]:
    """tracer's modules -> the tracer modules each imports (lazy imports included,
    ``if TYPE_CHECKING:`` blocks left out: they never run)."""
    modules = {_module_name(p): p for p in _source_files("tracer")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
                node.body = []
        targets = set()
        for _line, dotted in _imported(tree, name):
            while dotted and dotted not in modules:
                dotted = dotted.rpartition(".")[0]
            if dotted and dotted not in (name, "tracer"):
                targets.add(dotted)
        graph[name] = targets
    return graph


def _cycle_from(start: str, graph: dict[str, set[str]]) -> list[str] | None:
    stack = [(start, [start])]
    while stack:
        node, path = stack.pop()
        for nxt in sorted(graph[node]):
            if nxt == start:
                return [*path, start]
            if nxt not in path:
                stack.append((nxt, [*path, nxt]))
    return None


@pytest.mark.parametrize("module", sorted(_tracer_graph()))
def test_tracer_module_is_on_no_import_cycle(module: str) -> None:
    """No tracer module imports itself back, not even through a lazy import."""
    assert _cycle_from(module, _tracer_graph()) is None
