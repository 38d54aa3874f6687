"""Keyboard focus never changes the page: only choosing a page in the sidebar (click, arrow keys, Enter)
or a shortcut does. Driven with real keys and clicks, as a mentor at the keyboard would."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from placement_desk.db.engine import Database
from placement_desk.domain.roles import Role
from placement_desk.ui.kit.table_model import ROW_ROLE
from placement_desk.ui.shell.main_window import MainWindow
from placement_desk.ui.shell.search_dialog import SearchDialog
from tests.ui.trust import PASSWORD, sign_in_as, when_modal


def window(qtbot: QtBot, db: Database) -> MainWindow:
    w = MainWindow(db, actor=db.principal.username if db.principal else "karin")
    qtbot.addWidget(w)
    w.resize(1280, 680)
    with qtbot.waitActive(w):
        w.show()
        w.activateWindow()
    return w


def back_to(qtbot: QtBot, w: MainWindow) -> None:
    """A dialog closed: the window manager gives the main window back its focus (the offscreen platform
    leaves that to us)."""
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    QApplication.processEvents()


def on_citizen(w: MainWindow, ref: str) -> bool:
    return w.pages.currentWidget() is w.citizen_page and w.citizen_page.ref == ref


def open_from_list(qtbot: QtBot, w: MainWindow, ref: str) -> None:
    """Ctrl+2 (Borgere), type the name, Down into the table, Enter: the citizen opens."""
    qtbot.keyClick(w, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    page = w.citizens
    assert w.pages.currentWidget() is page
    page.search.setFocus()
    qtbot.keyClicks(page.search, ref)
    rows = [page.proxy.index(r, 0) for r in range(page.proxy.rowCount())]
    page.table.setFocus()
    page.table.setCurrentIndex(next(i for i in rows if i.data(ROW_ROLE).ref == ref))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: on_citizen(w, ref))


def test_ctrl_k_enter_opens_the_citizen_and_it_stays(qtbot: QtBot, demo_db: Database) -> None:
    w = window(qtbot, demo_db)
    w.nav.setFocus()  # the sidebar had the focus when the search was opened

    def answer(dialog: QWidget) -> bool:
        if not isinstance(dialog, SearchDialog):
            return False
        qtbot.keyClicks(dialog.input, "Malthe")
        qtbot.keyClick(dialog.input, Qt.Key.Key_Return)
        return True

    when_modal(answer)
    qtbot.keyClick(w, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    back_to(qtbot, w)
    assert on_citizen(w, "Malthe")
    qtbot.keyClick(QApplication.focusWidget() or w, Qt.Key.Key_Tab)
    assert on_citizen(w, "Malthe")


def test_one_tab_after_opening_a_citizen_stays_on_the_citizen(qtbot: QtBot, demo_db: Database) -> None:
    w = window(qtbot, demo_db)
    open_from_list(qtbot, w, "Malthe")
    focus = QApplication.focusWidget()
    assert focus is not None
    qtbot.keyClick(focus, Qt.Key.Key_Tab)
    assert on_citizen(w, "Malthe")


def test_tabbing_round_the_whole_window_never_leaves_the_citizen(qtbot: QtBot, demo_db: Database) -> None:
    w = window(qtbot, demo_db)
    open_from_list(qtbot, w, "SA")
    w.citizen_page.tabs.setCurrentWidget(w.citizen_page.tab_by_key["documents"])
    w.citizen_page.tab_by_key["documents"].recipient.setFocus()
    reached_sidebar = False
    for _ in range(80):  # through the last field, the sidebar and round again
        focus = QApplication.focusWidget()
        assert focus is not None
        qtbot.keyClick(focus, Qt.Key.Key_Tab)
        assert on_citizen(w, "SA"), f"left the citizen after Tab from {focus!r}"
        reached_sidebar = reached_sidebar or QApplication.focusWidget() is w.nav
    assert reached_sidebar
    # Shift+Tab back out of the sidebar, too
    w.nav.setFocus()
    qtbot.keyClick(w.nav, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert on_citizen(w, "SA")


def test_the_sidebar_still_changes_page_when_the_user_chooses(qtbot: QtBot, demo_db: Database) -> None:
    w = window(qtbot, demo_db)
    open_from_list(qtbot, w, "SA")
    w.nav.setFocus()
    assert on_citizen(w, "SA")
    qtbot.keyClick(w.nav, Qt.Key.Key_Down)  # an arrow key picks the next page
    assert w.pages.currentWidget() is not w.citizen_page
    row = w.keys.index("companies")
    rect = w.nav.visualItemRect(w.nav.item(row))
    qtbot.mouseClick(w.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert w.pages.currentWidget() is w.companies
    w.open_citizen("SA")
    w.nav.setFocus()
    qtbot.keyClick(w.nav, Qt.Key.Key_Return)  # Enter on the sidebar's current row opens that page
    assert w.pages.currentWidget() is not w.citizen_page


def test_clicking_another_tab_while_in_a_field_stays_on_the_citizen(qtbot: QtBot, demo_db: Database) -> None:
    w = window(qtbot, demo_db)
    open_from_list(qtbot, w, "SA")
    tabs = w.citizen_page.tabs
    tabs.setCurrentWidget(w.citizen_page.tab_by_key["documents"])
    field = w.citizen_page.tab_by_key["documents"].recipient
    field.setFocus()
    qtbot.keyClicks(field, "Jobcenter")
    for key in ("followup", "overview", "capacity", "placements", "attendance"):
        index = tabs.indexOf(w.citizen_page.tab_by_key[key])
        qtbot.mouseClick(tabs.tabBar(), Qt.MouseButton.LeftButton, pos=tabs.tabBar().tabRect(index).center())
        assert tabs.currentIndex() == index
        assert on_citizen(w, "SA"), key
        focus = QApplication.focusWidget()
        if isinstance(focus, QLineEdit) and focus.isVisible():
            qtbot.keyClick(focus, Qt.Key.Key_Tab)
            assert on_citizen(w, "SA"), key


def test_saving_a_new_placement_stays_on_the_citizen(qtbot: QtBot, demo_db: Database) -> None:
    w = window(qtbot, demo_db)
    open_from_list(qtbot, w, "Phillip")
    w.citizen_page.tabs.setCurrentWidget(w.citizen_page.tab_by_key["placements"])
    tab = w.citizen_page.tab_by_key["placements"]
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = QApplication.activeModalWidget()
    assert dialog is not None and dialog.windowTitle() == "New placement"
    dialog.company.setCurrentIndex(dialog.company.findText("Cykelsmeden", Qt.MatchFlag.MatchContains))
    dialog.hours.setFocus()
    qtbot.keyClicks(dialog.hours, "2x3")
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    back_to(qtbot, w)
    assert on_citizen(w, "Phillip")
    assert w.citizen_page.tabs.currentWidget() is tab
    focus = QApplication.focusWidget()
    qtbot.keyClick(focus or w, Qt.Key.Key_Tab)
    assert on_citizen(w, "Phillip")


def test_unlocking_comes_back_to_the_citizen_and_the_field(qtbot: QtBot, demo_db: Database) -> None:
    sign_in_as(demo_db, Role.CONSULTANT, "karin")
    w = window(qtbot, demo_db)
    open_from_list(qtbot, w, "SA")
    w.citizen_page.tabs.setCurrentWidget(w.citizen_page.tab_by_key["documents"])
    field = w.citizen_page.tab_by_key["documents"].recipient
    field.setFocus()
    qtbot.keyClick(w, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert w.idle_lock is not None and w.idle_lock.dialog is not None
    lock = w.idle_lock.dialog
    qtbot.waitExposed(lock)
    qtbot.keyClicks(lock.password, PASSWORD)
    qtbot.keyClick(lock.password, Qt.Key.Key_Return)
    assert not w.idle_lock.is_locked
    back_to(qtbot, w)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field)
    assert on_citizen(w, "SA")
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert on_citizen(w, "SA")


def test_unlocking_with_no_field_focused_stays_on_the_citizen(qtbot: QtBot, demo_db: Database) -> None:
    """When nothing in the window had the focus (the focused widget went away), activating the window
    after the unlock focuses its first widget, the sidebar: the citizen stays."""
    sign_in_as(demo_db, Role.CONSULTANT, "karin")
    w = window(qtbot, demo_db)
    open_from_list(qtbot, w, "SA")
    focus = QApplication.focusWidget()
    assert focus is not None
    focus.clearFocus()
    assert w.idle_lock is not None
    lock = w.idle_lock.lock()
    qtbot.waitExposed(lock)
    qtbot.keyClicks(lock.password, PASSWORD)
    qtbot.keyClick(lock.password, Qt.Key.Key_Return)
    back_to(qtbot, w)
    assert on_citizen(w, "SA")
    qtbot.keyClick(QApplication.focusWidget() or w, Qt.Key.Key_Tab)
    assert on_citizen(w, "SA")
