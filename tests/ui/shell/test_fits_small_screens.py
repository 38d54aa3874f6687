"""The window fits a consultant's laptop: 1366×768 with a taskbar (1280×680 logical px for the window) and
the same screen at 150 % (about 910×458 logical px). Every page and every citizen tab is walked on the
demo data, in Danish: the window can be that small, every push button (a page's actions) is on screen
without scrolling at both sizes, and what else does not fit is in a scroll area that brings it into view."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QRect, QSettings, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QPushButton, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from placement_desk.db.engine import Database
from placement_desk.ui.shell.main_window import MainWindow
from tests.ui.trust import danish

__all__ = ["danish"]

LAPTOP = (1280, 680)  # 1366×768 less the taskbar and the title bar
LAPTOP_150 = (910, 458)  # the same screen at 150 %: 1366/1.5 × (768 - taskbar - title bar)/1.5
CITIZENS = ("SA", "Malthe", "Phillip")


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def window_rect(widget: QWidget, window: QWidget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def seen_part(widget: QWidget, window: QWidget) -> QRect:
    """The part of the window in which ``widget`` can be seen: clipped by every parent (viewports too)."""
    seen = window.rect()
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        seen = seen.intersected(window_rect(parent, window))
        parent = parent.parentWidget()
    return seen


def is_seen(widget: QWidget, window: QWidget) -> bool:
    return seen_part(widget, window).contains(window_rect(widget, window))


def scroll_areas(widget: QWidget) -> Iterator[QScrollArea]:
    """The scroll areas around a widget, innermost first."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            yield parent
        parent = parent.parentWidget()


def bring_into_view(widget: QWidget, window: QWidget) -> bool:
    """Scroll every scroll area around the widget to it, as tabbing to it would; True when it is seen then."""
    for area in scroll_areas(widget):
        area.ensureWidgetVisible(widget, 0, 0)
        settle()
    return is_seen(widget, window)


def name(button: QAbstractButton) -> str:
    return button.text() or button.toolTip() or button.objectName() or type(button).__name__


def hidden_actions(window: QWidget, root: QWidget, scrolling_allowed: bool) -> list[str]:
    """Visible buttons of ``root`` that the user cannot see: push buttons must be seen as they are unless
    ``scrolling_allowed``; any button may be reached by scrolling."""
    out = []
    for button in root.findChildren(QAbstractButton):
        if not button.isVisible() or is_seen(button, window):
            continue
        if isinstance(button, QPushButton) and not scrolling_allowed:
            out.append(f"{name(button)} at {window_rect(button, window)} outside {seen_part(button, window)}")
        elif not bring_into_view(button, window):
            out.append(f"{name(button)} at {window_rect(button, window)} unreachable")
    return out


def sized_window(qtbot: QtBot, db: Database, size: tuple[int, int]) -> MainWindow:
    w = MainWindow(db, actor="karin")
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.resize(*size)
    settle()
    return w


def check_fits(w: MainWindow, size: tuple[int, int], where: str) -> None:
    w.resize(*size)
    settle()
    hint = w.minimumSizeHint()
    assert hint.width() <= size[0] and hint.height() <= size[1], f"{where}: minimum {hint.toTuple()} > {size}"
    assert w.size().toTuple() == size, f"{where}: the window cannot be {size}"


def walk(w: MainWindow) -> Iterator[tuple[str, QWidget]]:
    """Every page of the sidebar, then every tab of a few citizens."""
    for key in w.keys:
        w.show_page(key)
        settle()
        yield key, w.page(key)
    for ref in CITIZENS:
        w.open_citizen(ref)
        for key, tab in w.citizen_page.tab_by_key.items():
            w.citizen_page.tabs.setCurrentWidget(tab)
            settle()
            yield f"{ref}/{key}", w.citizen_page


@pytest.mark.parametrize(("size", "scrolling_allowed"), [(LAPTOP, False), (LAPTOP_150, False)], ids=["100%", "150%"])
def test_every_page_and_tab_fits_with_its_actions_on_screen(
    qtbot: QtBot, demo_db: Database, danish: None, size: tuple[int, int], scrolling_allowed: bool
) -> None:
    w = sized_window(qtbot, demo_db, size)
    problems = []
    for where, page in walk(w):
        check_fits(w, size, where)
        problems += [f"{where}: {text}" for text in hidden_actions(w, page, scrolling_allowed)]
        problems += [f"{where}: {text}" for text in hidden_actions(w, w.statusBar(), scrolling_allowed)]
    assert not problems, "\n".join(problems)


def test_key_figures_are_whole_at_1000_by_600(qtbot: QtBot, demo_db: Database, danish: None) -> None:
    """'32,25 t' must not lose the tail of its comma (nor any digit) on a small window."""
    w = sized_window(qtbot, demo_db, (1000, 600))
    for ref in CITIZENS:
        w.open_citizen(ref, "overview")
        check_fits(w, (1000, 600), ref)
        tab = w.citizen_page.tab_by_key["overview"]
        for key, label in tab.figure_labels.items():
            assert isinstance(label, QLabel)
            needed = label.minimumSizeHint()  # the whole text (rich text too)
            height = label.heightForWidth(label.width()) if label.wordWrap() else needed.height()
            assert label.height() >= height, f"{ref} {key}: {label.text()!r} cut at the bottom"
            assert label.width() >= needed.width() or label.toolTip(), f"{ref} {key}: {label.text()!r} cut"
            assert is_seen(label, w) or bring_into_view(label, w), f"{ref} {key} cannot be seen"


def test_a_citizen_open_still_lets_the_window_be_small(qtbot: QtBot, demo_db: Database, danish: None) -> None:
    w = sized_window(qtbot, demo_db, LAPTOP)
    for ref in CITIZENS:
        w.open_citizen(ref)
        for tab in w.citizen_page.tab_by_key.values():
            w.citizen_page.tabs.setCurrentWidget(tab)
            settle()
            hint = w.minimumSizeHint()
            assert hint.width() <= LAPTOP_150[0] and hint.height() <= LAPTOP_150[1], (ref, tab.key, hint)


def test_the_attendance_grid_shows_its_last_week(qtbot: QtBot, demo_db: Database, danish: None) -> None:
    for size in (LAPTOP, LAPTOP_150):
        w = sized_window(qtbot, demo_db, size)
        w.open_citizen("Malthe", "attendance")
        check_fits(w, size, "Malthe/attendance")
        grid = w.citizen_page.tab_by_key["attendance"].grid
        last = grid.model().index(grid.model().rowCount() - 1, 0)
        grid.setFocus()
        grid.setCurrentIndex(last)  # the cursor on the last week, as PageDown or the arrows put it
        bring_into_view(grid, w)
        settle()
        viewport = grid.viewport()
        seen = seen_part(viewport, w).intersected(window_rect(viewport, w))
        cell = grid.visualRect(last)
        assert seen.contains(QRect(viewport.mapTo(w, cell.topLeft()), cell.size())), (size, cell, seen)


def test_first_start_is_maximised_and_the_size_is_remembered(qtbot: QtBot, demo_db: Database) -> None:
    w = MainWindow(demo_db, actor="karin")
    qtbot.addWidget(w)
    w.show_restored()
    qtbot.waitExposed(w)
    assert w.windowState() & Qt.WindowState.WindowMaximized
    w.showNormal()
    w.resize(760, 540)  # (the offscreen test screen is 800×600)
    w.close()
    assert QSettings().value("main/geometry") is not None
    again = MainWindow(demo_db, actor="karin")
    qtbot.addWidget(again)
    again.show_restored()
    qtbot.waitExposed(again)
    assert not again.windowState() & Qt.WindowState.WindowMaximized
    assert again.size().toTuple() == (760, 540)
