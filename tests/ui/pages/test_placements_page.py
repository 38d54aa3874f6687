"""Forløb: every placement in one table; the model sorts itself and the filter searches every column."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from placement_desk.db.engine import Database
from placement_desk.services.queries import list_placements
from placement_desk.ui.kit.table_model import ROW_ROLE, Column, RowFilterProxy, RowTableModel
from placement_desk.ui.shell.main_window import MainWindow


def test_list_placements_has_every_active_placement_with_its_hours_now(demo_db: Database) -> None:
    rows = list_placements(demo_db)
    refs = {r.ref for r in rows}
    assert len(refs) == len(rows) > 10
    running = [r for r in rows if r.active]
    assert running and all(r.weekly_minutes is not None for r in running)
    assert all(r.weekly_minutes is None for r in rows if not r.active)
    assert [r.start for r in rows] == sorted((r.start for r in rows), reverse=True)


def test_the_page_filters_sorts_and_opens_the_citizen(qtbot: QtBot, demo_db: Database, qtmodeltester: object) -> None:
    w = MainWindow(demo_db)
    qtbot.addWidget(w)
    w.show()
    w.show_page("placements")
    page = w.placements
    qtmodeltester.check(page.model)  # type: ignore[attr-defined]
    total = page.proxy.rowCount()
    assert total == len(list_placements(demo_db))
    first = page.proxy.index(0, 0).data(ROW_ROLE)
    qtbot.keyClicks(page.search, first.ref.upper())
    shown = [page.proxy.index(r, 0).data(ROW_ROLE) for r in range(page.proxy.rowCount())]
    assert 1 <= len(shown) < total and all(first.ref.lower() in r.ref.lower() for r in shown)
    page.search.clear()
    assert page.proxy.rowCount() == total
    page.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)  # company
    companies = [page.proxy.index(r, 2).data() for r in range(total)]
    assert companies == sorted(companies)
    page.table.sortByColumn(6, Qt.SortOrder.DescendingOrder)  # hours now, numerically
    hours = [page.proxy.index(r, 0).data(ROW_ROLE).weekly_minutes or 0 for r in range(total)]
    assert hours == sorted(hours, reverse=True)
    row = page.proxy.index(0, 0).data(ROW_ROLE)
    page.table.setCurrentIndex(page.proxy.index(0, 0))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert w.citizen_page.ref == row.citizen_ref
    assert w.citizen_page.tabs.currentWidget() is w.citizen_page.tab_by_key["placements"]


def test_model_sort_keeps_the_selection_and_survives_new_rows(qtbot: QtBot, qtmodeltester: object) -> None:
    model: RowTableModel[tuple[str, int]] = RowTableModel(
        [Column("name", lambda r: r[0]), Column("n", lambda r: str(r[1]), lambda r: r[1])]
    )
    proxy = RowFilterProxy(model)
    model.set_rows([("b", 10), ("a", 9), ("c", 100)])
    persistent = proxy.index(0, 0)  # "b"
    from PySide6.QtCore import QPersistentModelIndex

    kept = QPersistentModelIndex(persistent)
    proxy.sort(1, Qt.SortOrder.AscendingOrder)
    assert [proxy.index(r, 0).data() for r in range(3)] == ["a", "b", "c"]
    assert kept.data() == "b"
    model.set_rows([("z", 1), ("y", 50)])  # the sort stays
    assert [proxy.index(r, 0).data() for r in range(2)] == ["z", "y"]
    proxy.setFilterFixedString("Y")
    assert [proxy.index(r, 0).data() for r in range(proxy.rowCount())] == ["y"]
    qtmodeltester.check(model)  # type: ignore[attr-defined]
