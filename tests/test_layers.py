"""The dependency arrows of DESIGN.md: ui -> services -> domain/db; export renders; domain is pure."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "placement_desk"


def imports_of(path: Path) -> set[str]:
    """Every module a file imports, at top level or inside functions."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def modules(sub: str = "") -> list[Path]:
    return sorted((PACKAGE / sub).rglob("*.py"))


def offenders(files: list[Path], forbidden: tuple[str, ...]) -> list[str]:
    return [
        f"{f.name} imports {name}"
        for f in files
        for name in sorted(imports_of(f))
        if any(name == x or name.startswith(x + ".") for x in forbidden)
    ]


def test_only_ui_imports_qt() -> None:
    outside = [f for f in modules() if "ui" not in f.relative_to(PACKAGE).parts]
    assert offenders(outside, ("PySide6", "shiboken6")) == []


def test_domain_is_pure() -> None:
    assert (
        offenders(
            modules("domain"),
            (
                "sqlalchemy",
                "alembic",
                "PySide6",
                "placement_desk.db",
                "placement_desk.services",
                "placement_desk.ui",
                "placement_desk.export",
                "reportlab",
                "openpyxl",
            ),
        )
        == []
    )


def test_storage_and_services_never_import_the_ui() -> None:
    files = modules("db") + modules("services") + modules("export")
    assert offenders(files, ("placement_desk.ui", "placement_desk.cli.main", "placement_desk.app")) == []
    assert offenders(modules("db"), ("placement_desk.services", "placement_desk.export")) == []


def test_renderers_do_not_touch_the_database() -> None:
    assert offenders(modules("export"), ("sqlalchemy", "placement_desk.db", "placement_desk.services")) == []


def test_ui_goes_through_services_not_the_orm() -> None:
    assert offenders(modules("ui"), ("sqlalchemy", "placement_desk.db.models")) == []


def test_layer_check_sees_imports_inside_functions(tmp_path: Path) -> None:
    f = tmp_path / "x.py"
    f.write_text("def f():\n    from PySide6 import QtCore\n", encoding="utf-8")
    assert offenders([f], ("PySide6",)) != []


# --- conventions: no import cycles, no module over 600 lines -------------------------------------

MAX_LINES = 600


def module_name(path: Path, root: Path = PACKAGE) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def all_imports(tree: ast.AST) -> list[ast.Import | ast.ImportFrom]:
    """Every import statement, wherever it stands.

    Imports inside functions count: a deferred import only postpones the cycle to the first call. Imports
    under `if TYPE_CHECKING:` count too: a module that names another's types knows it, and the layering
    question ("who may know whom") is the same. Untangle a cycle (a Protocol on the lower side, say)
    instead of hiding it.
    """
    return [node for node in ast.walk(tree) if isinstance(node, ast.Import | ast.ImportFrom)]


def import_graph(root: Path = PACKAGE) -> dict[str, set[str]]:
    """Module -> the package's modules it imports (`from pkg import sub` is an edge to pkg.sub).

    Importing a.b.c also runs a/__init__ and a/b/__init__, so those are edges too.
    """
    files = {module_name(f, root): f for f in sorted(root.rglob("*.py"))}
    top = root.name
    graph: dict[str, set[str]] = {}
    for name, path in files.items():
        targets: set[str] = set()
        for node in all_imports(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets.update(alias.name for alias in node.names)
            elif node.module and node.level == 0:
                for alias in node.names:
                    sub = f"{node.module}.{alias.name}"
                    targets.add(sub if sub in files else node.module)
        edges: set[str] = set()
        for target in targets:
            if target != top and not target.startswith(top + "."):
                continue
            parts = target.split(".")
            edges.update(".".join(parts[:i]) for i in range(1, len(parts) + 1))
        graph[name] = {e for e in edges if e in files and e != name and not name.startswith(e + ".")}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def connect(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                connect(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = stack[stack.index(v) :]
            del stack[stack.index(v) :]
            on_stack.difference_update(component)
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            connect(v)
    return sorted(found)


def test_no_import_cycles() -> None:
    assert cycles(import_graph()) == []


def test_no_module_over_600_lines() -> None:
    long = {
        str(f.relative_to(PACKAGE)): n
        for f in modules()
        if (n := len(f.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


def _package(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "placement_desk"
    for rel, text in {"__init__.py": "", **files}.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


def test_cycle_check_finds_a_cycle_closed_by_a_deferred_import(tmp_path: Path) -> None:
    root = _package(
        tmp_path,
        {
            "a.py": "from placement_desk import b\n",
            "b.py": "def f():\n    from placement_desk.a import thing\n",
            "c.py": "import placement_desk.a\n",
        },
    )
    assert cycles(import_graph(root)) == [["placement_desk.a", "placement_desk.b"]]


def test_cycle_check_counts_type_checking_imports(tmp_path: Path) -> None:
    root = _package(
        tmp_path,
        {
            "a.py": "from placement_desk import b\n",
            "b.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from placement_desk import a\n",
        },
    )
    assert cycles(import_graph(root)) == [["placement_desk.a", "placement_desk.b"]]


def test_cycle_check_follows_package_inits(tmp_path: Path) -> None:
    root = _package(
        tmp_path,
        {
            "sub/__init__.py": "from placement_desk.sub import x\n",
            "sub/x.py": "from placement_desk import y\n",
            "y.py": "from placement_desk.sub.z import k\n",
            "sub/z.py": "",
        },
    )
    assert cycles(import_graph(root)) == [["placement_desk.sub", "placement_desk.sub.x", "placement_desk.y"]]
