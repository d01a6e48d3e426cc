"""The floors of the package, checked on its source: no import goes up or sideways, and no
module imports itself round a circle.

The ground floor (`chitieu.core`, and the leaf modules `errors` and `models`) imports nothing
else from chitieu. Each floor above imports only floors below it; packages on one floor are
independent (a reader does not know the assembler, the assembler knows no reader). Imports
inside functions count too: a lazy import is still a dependency. A top-level module or
package not named here is an application on the top floor: it may import anything, nothing
below may import it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "chitieu"

FLOORS: list[set[str]] = [
    {"core", "errors", "models"},
    {"extract", "assemble", "normalize", "gazetteer", "catalog"},
    {"interpret", "emit"},
    {"pipeline"},
]


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """The chitieu modules `path` imports, at any depth of its code."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.split(".")[0] == "chitieu"}
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "chitieu":
            # "from chitieu.extract import html" imports a module, not a name of the package
            folder = PACKAGE.parent / node.module.replace(".", "/")
            modules = {f"{node.module}.{a.name}" for a in node.names
                       if (folder / f"{a.name}.py").exists()
                       or (folder / a.name / "__init__.py").exists()}
            found |= modules or {node.module}
    return found


def _own_imports(path: Path) -> set[str]:
    # a module's own packages are loaded before it, whatever it imports: not a dependency
    module = _module_name(path)
    return {t for t in _imports(path) if not module.startswith(f"{t}.") and t != module}


GRAPH: dict[str, set[str]] = {
    _module_name(path): _own_imports(path) for path in sorted(PACKAGE.rglob("*.py"))
}


def _part(module: str) -> str:
    """The top-level package or module of chitieu a module belongs to ("" for chitieu)."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _floor(part: str) -> int:
    return next((i for i, floor in enumerate(FLOORS) if part in floor), len(FLOORS))


def _violations() -> list[str]:
    out = []
    for module, imported in GRAPH.items():
        here = _part(module)
        for target in sorted(imported):
            there = _part(target)
            if there == here or _floor(here) == len(FLOORS):
                continue
            if _floor(there) >= _floor(here):
                out.append(f"{module} imports {target}: floor {_floor(here)} ({here}) may not "
                           f"import floor {_floor(there)} ({there or 'chitieu'})")
    return out


def test_no_import_goes_up_or_sideways():
    assert _violations() == []


def test_the_ground_floor_imports_nothing_else_from_chitieu():
    for module, imported in GRAPH.items():
        if _part(module) in FLOORS[0]:
            assert {_part(t) for t in imported} <= {_part(module)}, module


def _cycle() -> list[str] | None:
    """One circle of imports between modules, if there is one (depth-first search)."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(module: str) -> list[str] | None:
        state[module] = 1
        path.append(module)
        for target in sorted(GRAPH.get(module, ())):
            if target not in GRAPH:
                continue
            if state.get(target) == 1:
                return [*path[path.index(target):], target]
            if target not in state and (found := visit(target)):
                return found
        path.pop()
        state[module] = 2
        return None

    for module in GRAPH:
        if module not in state and (found := visit(module)):
            return found
    return None


def test_no_circle_of_imports():
    assert _cycle() is None


@pytest.mark.parametrize(("graph", "expected"), [
    ({"chitieu.a": {"chitieu.b"}, "chitieu.b": {"chitieu.a"}},
     ["chitieu.a", "chitieu.b", "chitieu.a"]),
    ({"chitieu.a": {"chitieu.b"}, "chitieu.b": set()}, None),
])
def test_the_circle_finder_finds_circles(monkeypatch, graph, expected):
    monkeypatch.setitem(globals(), "GRAPH", graph)
    assert _cycle() == expected


def test_the_floor_check_sees_an_import_going_up(monkeypatch):
    monkeypatch.setitem(globals(), "GRAPH", {"chitieu.core.text": {"chitieu.assemble.table"},
                                             "chitieu.extract.html": {"chitieu.gazetteer"}})
    assert len(_violations()) == 2
