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
