"""Screen readers: every input, list, table and chart has a name, on every page, every citizen tab and in
every dialog the pages, tabs and menus open (the attendance cells' words and the contrast of their text:
test_attendance_reach.py)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QPushButton,
    QTableView,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from placement_desk.db.engine import Database
from placement_desk.domain.roles import Role
from placement_desk.services.queries import list_citizens
from placement_desk.ui.shell.main_window import MainWindow
from tests.ui.reach import DialogCatcher, unnamed
from tests.ui.trust import sign_in_as

OPENED = {  # at least these dialogs are reached from the pages, the tabs and the menus
    "AccommodationDialog",
    "CitizenDialog",
    "CompanyDialog",
    "ContactDialog",
    "EditPlacementDialog",
    "EndPlacementDialog",
    "NewCitizenDialog",
    "PlacementDialog",
    "ReasonPicker",
    "ReferralDialog",
    "SearchDialog",
    "SettingsDialog",
    "ShortcutsDialog",
    "UserDialog",
}


def report(problems: dict[str, list[str]]) -> str:
    return "\n".join(f"{where}: {widget}" for where, widgets in problems.items() for widget in widgets)


def dialog_buttons(root: QWidget) -> list[QAbstractButton]:
    """The buttons that open a dialog (their text ends with '…', the convention) and can be pressed now."""
    return [
        b
        for b in root.findChildren(QAbstractButton)
        if isinstance(b, QPushButton | QToolButton)
        and b.text().replace("&", "").split("  ")[0].strip().endswith("…")
        and b.isVisibleTo(root)
        and b.isEnabled()
    ]


def select_first_rows(root: QWidget) -> None:
    for view in root.findChildren(QAbstractItemView):
        model = view.model()
        if model is not None and model.rowCount() and not view.currentIndex().isValid():
            view.setCurrentIndex(model.index(0, 0))
            if isinstance(view, QTableView):
                view.selectRow(0)


def press_all(root: QWidget) -> None:
    select_first_rows(root)
    for button in dialog_buttons(root):
        button.click()
        QApplication.processEvents()


@pytest.fixture
def window(qtbot: QtBot, demo_db: Database) -> MainWindow:
    sign_in_as(demo_db, Role.ADMINISTRATOR, "admin")  # every page, and a user in the user list
    w = MainWindow(demo_db, actor="admin")
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    return w


def test_every_page_and_citizen_tab_names_its_inputs(window: MainWindow) -> None:
    problems: dict[str, list[str]] = {}
    for key in window.keys:
        window.show_page(key)
        QApplication.processEvents()
        problems[key] = unnamed(window.page(key))
    window.open_citizen(list_citizens(window.db)[0].ref)
    for key, tab in window.citizen_page.tab_by_key.items():
        window.citizen_page.tabs.setCurrentWidget(tab)
        QApplication.processEvents()
        problems[f"citizen/{key}"] = unnamed(tab)
    problems["window"] = unnamed(window.nav) + unnamed(window.statusBar())
    assert not (text := report(problems)), "\n" + text
    chart = window.citizen_page.tab_by_key["schedule"].chart  # type: ignore[attr-defined]
    assert chart.accessibleName() and "uge" in chart.accessibleDescription().lower()  # the numbers as text


def test_every_dialog_names_its_inputs(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    catcher = DialogCatcher(monkeypatch)
    for key in window.keys:
        window.show_page(key)
        if key == "privacy":
            window.page(key).ref_edit.setText(list_citizens(window.db)[0].ref)  # type: ignore[attr-defined]
        press_all(window.page(key))
    window.show_page("attendance")
    select_first_rows(window.attendance)
    window.attendance.table.action.emit("reason")  # the reason picker
    window.open_citizen(list_citizens(window.db)[0].ref)
    for tab in window.citizen_page.tab_by_key.values():
        window.citizen_page.tabs.setCurrentWidget(tab)
        press_all(tab)
    tab = window.citizen_page.tab_by_key["attendance"]
    window.citizen_page.tabs.setCurrentWidget(tab)
    tab.grid.action.emit("reason")  # type: ignore[attr-defined]
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        for action in menu.actions() if menu is not None else []:
            text = action.text().replace("&", "")
            if isinstance(action, QAction) and (text.endswith("…") or "About" in text or "shortcuts" in text):
                action.trigger()
                QApplication.processEvents()
    assert set(catcher.seen) >= OPENED, sorted(catcher.seen)
    assert not (text := report(catcher.seen)), "\n" + text
    # every dialog fits the laptop screen at 150 % (about 910×458 logical px), so its Save and Cancel show
    too_big = {k: v for k, v in catcher.minimum.items() if v[0] > 910 or v[1] > 458}
    assert not too_big, too_big
