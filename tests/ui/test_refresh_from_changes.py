"""Views refresh from Changes (issue 13): a page reads again only what a write touched, a hidden page
once when it is shown, and a bulk write (an import) or the Refresh command reads everything."""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import replace
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from placement_desk.db.engine import Database
from placement_desk.services import citizens
from placement_desk.services import users as user_service
from placement_desk.services.casefile_io import import_case_file
from placement_desk.services.changes import Changes
from placement_desk.ui.pages import dashboard as dashboard_page
from placement_desk.ui.pages import placements as placements_page
from placement_desk.ui.shell.main_window import MainWindow
from tests.casefiles import case_file, ramp_down_citizen


def window(qtbot: QtBot, db: Database, page: str = "dashboard") -> MainWindow:
    w = MainWindow(db, actor="karin")
    qtbot.addWidget(w)
    with qtbot.waitActive(w):
        w.show()
        w.activateWindow()
    w.show_page(page)
    if page == "dashboard":
        qtbot.waitUntil(lambda: w.dashboard.loaded)  # it reads its tasks just after its first paint
    return w


def spy(monkeypatch: pytest.MonkeyPatch, module: Any, name: str) -> list[dict[str, Any]]:
    """Count the calls of ``module.name`` (the real function still runs): each call's keyword arguments,
    and under "rows" how many rows it returned."""
    real: Callable[..., Any] = getattr(module, name)
    calls: list[dict[str, Any]] = []

    def counted(*args: Any, **kwargs: Any) -> Any:
        found = real(*args, **kwargs)
        calls.append({**kwargs, "rows": len(found) if isinstance(found, list) else None})
        return found

    monkeypatch.setattr(module, name, counted)
    return calls


def rename(db: Database, ref: str, name: str) -> None:
    current, version = citizens.citizen_fields(db, ref)
    citizens.update_citizen(db, ref, replace(current, name=name), version)


def dashboard_rows(w: MainWindow) -> list[Any]:
    model = w.dashboard.model
    return [model.row_at(i) for i in range(model.rowCount())]


def shown_names(w: MainWindow, ref: str) -> set[str]:
    model = w.dashboard.model
    return {model.index(i, 1).data() for i in range(model.rowCount()) if model.row_at(i).citizen_ref == ref}


def test_an_edit_of_one_citizen_reads_only_that_citizens_dashboard_rows(
    qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    w = window(qtbot, demo_db)
    before = dashboard_rows(w)
    edited = before[0].citizen_ref
    others = [t for t in before if t.citizen_ref != edited]
    assert others, "the demo's dashboard lists tasks of more than one citizen"
    calls = spy(monkeypatch, dashboard_page, "dashboard")

    rename(demo_db, edited, "Omdøbt Borger")

    assert [c.get("citizens") for c in calls] == [frozenset({edited})]  # one query, for that citizen only
    assert calls[0]["rows"] == sum(1 for t in before if t.citizen_ref == edited)
    assert shown_names(w, edited) == {"Omdøbt Borger"}  # the user sees the new name at once
    after = dashboard_rows(w)
    assert len(after) == len(before)
    kept = [t for t in after if t.citizen_ref != edited]
    assert all(a is b for a, b in zip(kept, others, strict=True))  # the other rows were not read again


def test_the_citizen_page_reads_again_only_when_its_citizen_is_touched(
    qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from placement_desk.ui.citizen import page as citizen_page

    w = window(qtbot, demo_db)
    refs = sorted({t.citizen_ref for t in dashboard_rows(w)})
    shown, other = refs[0], refs[1]
    w.open_citizen(shown)
    calls = spy(monkeypatch, citizen_page, "citizen_detail")

    rename(demo_db, other, "En Anden")
    assert calls == []  # someone else's change: the page shown is not read again

    rename(demo_db, shown, "Ny Navn")
    assert len(calls) == 1
    assert w.citizen_page.header.text().startswith("Ny Navn")


def test_a_hidden_page_refreshes_once_when_shown(qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    w = window(qtbot, demo_db, "placements")
    page = w.placements
    assert page.model.rowCount() > 0
    w.show_page("dashboard")
    assert not page.isVisible()
    calls = spy(monkeypatch, placements_page, "list_placements")
    ref = page.model.row_at(0).citizen_ref

    rename(demo_db, ref, "Skjult Ændring")
    rename(demo_db, ref, "Skjult Ændring 2")
    assert calls == []  # hidden: nothing read, the Changes are kept

    w.show_page("placements")
    assert len(calls) == 1  # two writes, one read when shown
    names = {page.model.row_at(i).citizen_name for i in range(page.model.rowCount())
             if page.model.row_at(i).citizen_ref == ref}  # fmt: skip
    assert names == {"Skjult Ændring 2"}

    w.show_page("dashboard")
    w.show_page("placements")
    assert len(calls) == 1  # nothing changed meanwhile: shown again without reading


def test_a_page_the_changes_do_not_touch_does_not_reload(
    qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    w = window(qtbot, demo_db, "users")
    assert w.page("users").isVisible()
    users_read = spy(monkeypatch, user_service, "list_users")
    w.show_page("dashboard")
    qtbot.waitUntil(lambda: w.dashboard.loaded)
    ref = dashboard_rows(w)[0].citizen_ref
    dashboards = spy(monkeypatch, dashboard_page, "dashboard")

    w.ctx.changes.emit(Changes())  # a write that touched nothing any page shows
    assert dashboards == []
    rename(demo_db, ref, "Kun Borgeren")
    w.show_page("users")
    assert users_read == []  # a citizen's change is nothing to the users page, shown or not
    assert [c.get("citizens") for c in dashboards] == [frozenset({ref})]


def test_an_import_reloads_everything(qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    w = window(qtbot, db, "citizens")
    assert w.citizens.model.rowCount() == 0
    w.show_page("dashboard")
    qtbot.waitUntil(lambda: w.dashboard.loaded)
    assert w.dashboard.checklist.isVisible()  # an empty database: the first steps
    dashboards = spy(monkeypatch, dashboard_page, "dashboard")
    from placement_desk.ui.pages import citizens as citizens_page

    lists = spy(monkeypatch, citizens_page, "list_citizens")

    import_case_file(db, case_file(ramp_down_citizen()))

    assert [c.get("citizens") for c in dashboards] == [None]  # everything, once
    assert not w.dashboard.checklist.isVisible() and w.dashboard.table.isVisible()
    assert lists == []  # hidden
    w.show_page("citizens")
    assert [c.get("refs") for c in lists] == [None]
    assert w.citizens.model.rowCount() == 1


def test_refresh_reads_everything_again_and_a_citizens_request_only_theirs(
    qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    w = window(qtbot, demo_db)
    ref = dashboard_rows(w)[0].citizen_ref
    calls = spy(monkeypatch, dashboard_page, "dashboard")
    w.ctx.changed.emit(ref)  # e.g. a conflict about this citizen: read theirs
    w.ctx.changed.emit("*")  # the Refresh command
    asked: list[Collection[str] | None] = [c.get("citizens") for c in calls]
    assert asked == [frozenset({ref}), None]
