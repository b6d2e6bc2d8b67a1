"""The shape of the source tree (issue 13): no class or function grown past what a reader can hold,
and an import graph that runs one way.

Both tests read ``src/storyline`` with ``ast`` only (nothing is imported), so they hold for every
module, including ones no other test loads.

Allow-lists name a place the rule does not yet hold and the branch that owns the fix; an entry
whose place is fixed (or gone) fails the test, so the lists only shrink.
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src" / "storyline"

MAX_CLASS_LINES = 450
MAX_FUNCTION_LINES = 100

#: (module path under src/storyline, qualified name) -> the branch that owns the fix.
TOO_LONG_ALLOWED: dict[tuple[str, str], str] = {}

#: Stage packages in pipeline order (pipeline.STAGE_MODULES): a module of one stage that imports
#: a later stage's module inside a function makes the earlier stage depend on the later one.
STAGE_ORDER = ("storyline.parse", "storyline.dates", "storyline.actors", "storyline.quotes", "storyline.events")

#: (importing module, imported module) -> the branch that owns the fix.
UPWARD_ALLOWED: dict[tuple[str, str], str] = {}

#: Cycles (as the sorted tuple of their modules) -> the branch that owns the fix.
CYCLES_ALLOWED: dict[tuple[str, ...], str] = {}


def _modules() -> dict[str, Path]:
    """Dotted module name -> file, for every module of the package."""
    out = {}
    for path in sorted(SRC.rglob("*.py")):
        parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


def _sizes() -> list[tuple[str, str, str, int]]:
    """(module path, qualified name, "class" or "function", lines) for every definition."""
    found: list[tuple[str, str, str, int]] = []

    def walk(node: ast.AST, prefix: str, rel: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
                name = f"{prefix}{child.name}"
                kind = "class" if isinstance(child, ast.ClassDef) else "function"
                found.append((rel, name, kind, child.end_lineno - child.lineno + 1))
                walk(child, name + ".", rel)
            else:
                walk(child, prefix, rel)

    for path in sorted(SRC.rglob("*.py")):
        walk(ast.parse(path.read_text(encoding="utf-8")), "", path.relative_to(SRC).as_posix())
    return found


def test_no_class_or_function_is_too_long() -> None:
    sizes = _sizes()
    assert any(kind == "class" for _, _, kind, _ in sizes) and any(kind == "function" for _, _, kind, _ in sizes)
    too_long = {(rel, name): lines for rel, name, kind, lines in sizes
                if lines > (MAX_CLASS_LINES if kind == "class" else MAX_FUNCTION_LINES)}
    unexpected = {k: v for k, v in too_long.items() if k not in TOO_LONG_ALLOWED}
    assert not unexpected, f"over {MAX_CLASS_LINES} lines (class) or {MAX_FUNCTION_LINES} (function): {unexpected}"
    stale = [k for k in TOO_LONG_ALLOWED if k not in too_long]
    assert not stale, f"allowed as too long but no longer is: remove from TOO_LONG_ALLOWED: {stale}"


def _package_of(module: str, path: Path) -> str:
    return module if path.name == "__init__.py" else module.rpartition(".")[0]


def _imports(module: str, path: Path, modules: dict[str, Path]) -> list[tuple[str, bool]]:
    """(imported storyline module, whether the import runs inside a function) for each import
    statement of the module; imports for type checkers only are left out (they never run)."""
    package = _package_of(module, path)
    out: list[tuple[str, bool]] = []

    def target(base: str, names: list[str]) -> list[str]:
        subs = [f"{base}.{n}" for n in names if f"{base}.{n}" in modules]
        return subs or [base]

    def visit(node: ast.AST, lazy: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                for other in child.orelse:
                    visit(other, lazy)
                continue
            inner = lazy or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
            if isinstance(child, ast.Import):
                out.extend((a.name, lazy) for a in child.names if a.name.split(".")[0] == "storyline")
            elif isinstance(child, ast.ImportFrom):
                if child.level:
                    base_parts = package.split(".")[: len(package.split(".")) - (child.level - 1)]
                    base = ".".join([*base_parts, *([child.module] if child.module else [])])
                else:
                    base = child.module or ""
                if base.split(".")[0] == "storyline":
                    out.extend((t, lazy) for t in target(base, [a.name for a in child.names]))
            visit(child, inner)

    visit(ast.parse(path.read_text(encoding="utf-8")), False)
    return [(t, lazy) for t, lazy in out if t in modules]


def _graph() -> tuple[dict[str, set[str]], set[tuple[str, str]]]:
    """The import graph (module and function level) and the upward lazy imports."""
    modules = _modules()
    graph: dict[str, set[str]] = {m: set() for m in modules}
    upward: set[tuple[str, str]] = set()
    for module, path in modules.items():
        package = _package_of(module, path)
        for imported, lazy in _imports(module, path, modules):
            if imported == module:
                continue
            graph[module].add(imported)
            if lazy and _upward(module, package, imported):
                upward.add((module, imported))
    return graph, upward


def _stage(module: str) -> int | None:
    for i, stage in enumerate(STAGE_ORDER):
        if module == stage or module.startswith(stage + "."):
            return i
    return None


def _upward(module: str, package: str, imported: str) -> bool:
    """An import inside a function runs upward when it leaves the importer's own package for a
    parent package (``from ..x import``, the parent's other rooms) or reaches a later stage."""
    if package != "storyline" and not imported.startswith(package + "."):
        return True
    mine, theirs = _stage(module), _stage(imported)
    return mine is not None and theirs is not None and theirs > mine


def _cycles(graph: dict[str, set[str]]) -> list[tuple[str, ...]]:
    """The strongly connected components of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[tuple[str, ...]] = []

    def connect(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                connect(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(tuple(sorted(component)))

    for v in sorted(graph):
        if v not in index:
            connect(v)
    return out


def test_the_import_graph_walker_sees_both_kinds_of_import() -> None:
    graph, _ = _graph()
    # a module-level import and an import inside a function (the events stage loads its coder lazily)
    assert "storyline.model" in graph["storyline.events.coder"]
    assert "storyline.events.coder" in graph["storyline.events"]
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [("a", "b", "c")]


def test_the_imports_of_storyline_form_no_cycle() -> None:
    graph, _ = _graph()
    cycles = _cycles(graph)
    unexpected = [c for c in cycles if c not in CYCLES_ALLOWED]
    assert not unexpected, f"import cycles: {unexpected}"
    stale = [c for c in CYCLES_ALLOWED if c not in cycles]
    assert not stale, f"allowed cycles that are gone: remove from CYCLES_ALLOWED: {stale}"


def test_no_import_inside_a_function_runs_upward() -> None:
    _, upward = _graph()
    unexpected = sorted(u for u in upward if u not in UPWARD_ALLOWED)
    assert not unexpected, f"imports inside a function that run upward: {unexpected}"
    stale = [u for u in UPWARD_ALLOWED if u not in upward]
    assert not stale, f"allowed upward imports that are gone: remove from UPWARD_ALLOWED: {stale}"
