"""Lists read a page at a time (issue 17): the first page when shown, more as the list is scrolled, the
order and the search done by the database, so a long archive costs one page."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from placement_desk.db.engine import Database
from placement_desk.services.queries import list_citizens, list_followups, list_placements
from placement_desk.ui.kit.table_model import ROW_ROLE, Column, Page, PagedTableModel, RowFilterProxy
from placement_desk.ui.shell.main_window import MainWindow

WORDS = [f"{word}{n:03d}" for n in range(25) for word in ("alfa", "beta")]  # 50 rows


def reader(asked: list[Page]) -> object:
    def read(page: Page) -> list[str]:
        asked.append(page)
        rows = sorted((w for w in WORDS if page.text in w), reverse=page.descending)
        return rows[page.offset : page.offset + page.limit]

    return read


def test_the_model_reads_a_page_then_more_as_asked(qtmodeltester: object) -> None:
    asked: list[Page] = []
    model: PagedTableModel[str] = PagedTableModel([Column("word", str)], reader(asked), ["word"], page_size=20)  # type: ignore[arg-type]
    proxy = RowFilterProxy(model)
    proxy.sort(0, Qt.SortOrder.DescendingOrder)  # before the first read: only remembered
    assert asked == []
    model.reload()
    assert model.rowCount() == 20 and model.canFetchMore()
    assert proxy.index(0, 0).data() == "beta024"  # the reader's order
    model.fetchMore()
    model.fetchMore()
    assert model.rowCount() == 50 and not model.canFetchMore()
    assert [p.offset for p in asked] == [0, 20, 40]
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    proxy.sort(0, Qt.SortOrder.AscendingOrder)  # read again in the new order, as many rows as were shown
    assert asked[-1].offset == 0 and asked[-1].limit > 50 and not asked[-1].descending
    assert [model.index(i, 0).data() for i in range(3)] == ["alfa000", "alfa001", "alfa002"]
    model.set_text("beta")
    assert model.rowCount() == 20 and all(model.row_at(i).startswith("beta") for i in range(20))
    assert asked[-1].text == "beta" and model.canFetchMore()


def test_a_row_read_again_stays_in_place_unless_its_place_changes() -> None:
    rows = [("a", 1), ("b", 2), ("c", 3)]
    reads: list[Page] = []

    def read(page: Page) -> list[tuple[str, int]]:
        reads.append(page)
        return rows[page.offset : page.offset + page.limit]

    model: PagedTableModel[tuple[str, int]] = PagedTableModel(
        [Column("key", lambda r: r[0]), Column("n", lambda r: str(r[1]))], read, ["key", "n"]
    )
    model.reload()
    model.replace([("b", 20)], lambda r: r[0], {"b"})  # the sort key (column 0) is the same: in place
    assert [model.row_at(i) for i in range(3)] == [("a", 1), ("b", 20), ("c", 3)] and len(reads) == 1
    rows[:] = [("a", 1), ("c", 3), ("d", 4)]
    model.replace([("d", 4)], lambda r: r[0], {"b", "d"})  # one gone, one new: read again
    assert [model.row_at(i) for i in range(3)] == rows and len(reads) == 2


def window(qtbot: QtBot, db: Database, page: str) -> MainWindow:
    w = MainWindow(db)
    qtbot.addWidget(w)
    w.show()
    w.show_page(page)
    return w


def test_the_citizen_list_reads_more_as_it_scrolls_and_searches_the_rest(qtbot: QtBot, demo_db: Database) -> None:
    everyone = list_citizens(demo_db)
    w = window(qtbot, demo_db, "citizens")
    page = w.citizens
    page.model.page_size = 3
    page.model.reload()
    assert page.proxy.rowCount() == 3 and page.model.canFetchMore()
    for _ in range(len(everyone)):  # the view asks for the next page whenever it is scrolled to the end
        page.table.scrollToBottom()
        qtbot.wait(1)
    assert [page.proxy.index(r, 0).data(ROW_ROLE) for r in range(page.proxy.rowCount())] == everyone
    page.model.reload(0)
    last = everyone[-1]
    assert last not in [page.model.row_at(i) for i in range(page.model.rowCount())]
    qtbot.keyClicks(page.search, last.name)  # not read yet: the database finds it
    assert page.proxy.rowCount() == 1 and page.proxy.index(0, 0).data(ROW_ROLE) == last
    page.search.clear()
    page.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)  # company: sorted by the database
    companies = [page.proxy.index(r, 2).data() for r in range(page.proxy.rowCount())]
    assert companies == sorted((r.company or "" for r in everyone), reverse=True)[: len(companies)]


def test_placements_and_followups_open_at_the_newest_page(qtbot: QtBot, demo_db: Database) -> None:
    w = window(qtbot, demo_db, "dashboard")
    page = w.placements  # built, not read yet: it reads when shown
    page.model.page_size = 5
    w.show_page("placements")
    assert page.count.text() == "5+"
    assert [page.model.row_at(i) for i in range(page.model.rowCount())] == list_placements(demo_db)[:5]
    page.active_only.setChecked(True)
    shown = [page.model.row_at(i) for i in range(page.model.rowCount())]
    assert shown and all(r.active for r in shown)
    w.show_page("followups")
    followups = w.followups
    followups.model.page_size = 2
    followups.search_now()
    assert [followups.model.row_at(i) for i in range(2)] == list_followups(demo_db, recent_weeks=8)[:2]
    assert "2" in followups.status.text() and followups.model.canFetchMore()


def test_an_edit_of_one_citizen_reads_only_their_row(
    qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dataclasses import replace

    from placement_desk.services import citizens
    from placement_desk.ui.pages import citizens as citizens_page

    w = window(qtbot, demo_db, "citizens")
    page = w.citizens
    before = [page.model.row_at(i) for i in range(page.model.rowCount())]
    ref = before[2].ref
    reads: list[dict[str, object]] = []
    real = citizens_page.list_citizens
    monkeypatch.setattr(citizens_page, "list_citizens", lambda *a, **k: reads.append(k) or real(*a, **k))
    current, version = citizens.citizen_fields(demo_db, ref)
    citizens.update_citizen(demo_db, ref, replace(current, job_goal="Lagerarbejde"), version)
    assert [k.get("refs") for k in reads] == [frozenset({ref})]  # only theirs, read in place
    after = [page.model.row_at(i) for i in range(page.model.rowCount())]
    assert after[2].job_goal == "Lagerarbejde" and page.proxy.index(2, 6).data() == "Lagerarbejde"
    assert all(a is b for i, (a, b) in enumerate(zip(after, before, strict=True)) if i != 2)
    current, version = citizens.citizen_fields(demo_db, ref)
    citizens.update_citizen(demo_db, ref, replace(current, name="Aaa Først"), version)  # a new place in the order
    assert len(reads) == 3 and reads[-1].get("refs") is None  # read again, as many rows as were shown
    assert page.model.row_at(0).name == "Aaa Først" and page.model.rowCount() == len(before)
