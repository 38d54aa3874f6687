"""The main window on the demo data: the citizen list, search, status bar, about."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from placement_desk import __version__
from placement_desk.db.engine import Database
from placement_desk.ui.kit.table_model import ROW_ROLE
from placement_desk.ui.shell.main_window import MainWindow


def test_citizen_list_shows_the_demo_citizens(qtbot: QtBot, demo_db: Database, qtmodeltester: object) -> None:
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    window.show()
    page = window.citizens
    qtmodeltester.check(page.model)  # type: ignore[attr-defined]
    refs = {page.proxy.index(r, 0).data(ROW_ROLE).ref for r in range(page.proxy.rowCount())}
    assert {"SA", "DC", "TE", "Jasmin", "Thomas", "Olivia", "Poul", "Malthe", "Phillip", "Miriam"} <= refs
    qtbot.keyClicks(page.search, "Malthe")
    assert page.proxy.rowCount() == 1
    assert page.proxy.index(0, 0).data(ROW_ROLE).active is True
    with qtbot.waitSignal(page.citizen_opened) as opened:
        page.table.setCurrentIndex(page.proxy.index(0, 0))
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert opened.args == ["Malthe"]
    assert demo_db.description in window.db_label.text()
    assert __version__ in window.about_text()
