"""Helpers for the citizen-tab tests: open a tab on a real database, check undo/redo, screenshots."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from placement_desk.db.engine import Database
from placement_desk.services.casefile_io import export_case_file
from placement_desk.ui.citizen.base import CitizenTab
from placement_desk.ui.citizen.page import CitizenPage
from placement_desk.ui.shell.context import UiContext

ROOT = Path(__file__).resolve().parents[2]
QM = ROOT / "resources" / "translations" / "placement_desk_da.qm"


def open_tab(qtbot: QtBot, db: Database, ref: str, key: str, size: tuple[int, int] = (1280, 860)) -> Any:
    """The citizen page on ``ref`` with tab ``key`` showing; returns the tab."""
    ctx = UiContext(db, actor="test")
    page = CitizenPage(ctx)
    qtbot.addWidget(page)
    ctx.dialog_parent = page
    page.resize(*size)
    page.show_citizen(ref, key)
    page.show()
    qtbot.waitExposed(page)
    tab = page.tab_by_key[key]
    assert isinstance(tab, CitizenTab)
    return tab


def check_undo_redo(tab: CitizenTab, edit: Callable[[], Any], steps: int = 1) -> tuple[dict[str, Any], dict[str, Any]]:
    """Run an edit; undoing it must give back the database exactly, redoing it the edited one."""
    db, stack = tab.ctx.db, tab.ctx.undo_stack
    before = export_case_file(db)
    count = stack.count()
    edit()
    assert stack.count() == count + steps
    after = export_case_file(db)
    assert after != before
    for _ in range(steps):
        stack.undo()
    assert export_case_file(db) == before
    for _ in range(steps):
        stack.redo()
    assert export_case_file(db) == after
    return before, after


@contextmanager
def danish() -> Iterator[None]:
    """The Danish translation installed while widgets are built (when it has been compiled)."""
    app = QCoreApplication.instance()
    assert app is not None
    translator = QTranslator()
    loaded = QM.exists() and translator.load(str(QM))
    if loaded:
        app.installTranslator(translator)
    try:
        yield
    finally:
        if loaded:
            app.removeTranslator(translator)


def screenshot(widget: QWidget, folder: Path, name: str) -> Path:
    """Save a PNG of the widget in ``folder`` (and in $PLACEMENT_DESK_SCREENSHOTS when set)."""
    path = folder / f"{name}.png"
    for _ in range(3):  # let charts finish their deferred layout (legends)
        QCoreApplication.processEvents()
    assert widget.grab().save(str(path))
    extra = os.environ.get("PLACEMENT_DESK_SCREENSHOTS")
    if extra:
        Path(extra).mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, Path(extra) / path.name)
    return path
