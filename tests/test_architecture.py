"""The package's shape (docs/ARCHITECTURE.md): what import-linter's contracts do not cover.

The layers, the Qt-free core/io/batch/cli and acyclic siblings are import-linter contracts in
pyproject.toml (run by `lint-imports` in .ci/run). These tests add: no import cycle at all
between modules, counting package ``__init__`` modules, imports inside functions and under
TYPE_CHECKING; and no module so long that it holds more than one responsibility.
"""

from __future__ import annotations

from pathlib import Path

import pytest

grimp = pytest.importorskip("grimp")

import aligner_gui  # noqa: E402

PACKAGE = Path(aligner_gui.__file__).parent
MAX_LINES = 500
MAX_MAIN_WINDOW_LINES = 400


def _strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's algorithm, iterative: the groups of modules that import each other."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []
    counter = 0
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    groups.append(sorted(group))
    return groups


def test_the_cycle_finder_finds_cycles() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": {"e"}}
    assert _strongly_connected(graph) == [["a", "b", "c"]]
    assert _strongly_connected({"a": {"b"}, "b": set()}) == []


def test_no_module_imports_itself_back() -> None:
    imports = grimp.build_graph("aligner_gui", cache_dir=None)
    graph = {m: set(imports.find_modules_directly_imported_by(m)) for m in imports.modules}
    cycles = _strongly_connected(graph)
    lines = []
    for group in cycles:
        members = set(group)
        for importer in group:
            for imported in sorted(graph[importer] & members):
                details = imports.get_import_details(importer=importer, imported=imported)
                where = ", ".join(str(d["line_number"]) for d in details)
                lines.append(f"{importer} -> {imported} (line {where})")
    assert not cycles, "import cycles:\n" + "\n".join(lines)


def _line_counts() -> dict[str, int]:
    return {
        str(path.relative_to(PACKAGE.parent)): len(path.read_text(encoding="utf-8").splitlines())
        for path in sorted(PACKAGE.rglob("*.py"))
    }


def test_no_module_is_longer_than_one_responsibility() -> None:
    counts = _line_counts()
    assert counts, "no modules found"
    long = {name: n for name, n in counts.items() if n > MAX_LINES}
    assert not long, f"modules over {MAX_LINES} lines (split them by responsibility): {long}"
    main_window = counts["aligner_gui/gui/main_window.py"]
    assert main_window < MAX_MAIN_WINDOW_LINES, (
        f"gui/main_window.py has {main_window} lines: it should only assemble the window"
    )
