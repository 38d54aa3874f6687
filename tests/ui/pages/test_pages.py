"""The top-level pages: dashboard, companies, follow-ups, search, new citizen, referrals, conflicts."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from placement_desk.db.engine import Database
from placement_desk.domain import casefile as cf
from placement_desk.services import citizens, companies
from placement_desk.services.casefile_io import export_case_file, import_case_file
from placement_desk.ui.kit.table_model import ROW_ROLE
from placement_desk.ui.pages.companies import CompanyDialog
from placement_desk.ui.shell.main_window import MainWindow
from placement_desk.ui.shell.search_dialog import SearchDialog
from tests.casefiles import case_file, ramp_down_citizen


def snapshot(db: Database) -> str:
    return json.dumps(export_case_file(db), sort_keys=True)


def window(qtbot: QtBot, db: Database) -> MainWindow:
    w = MainWindow(db, actor="karin")
    qtbot.addWidget(w)
    with qtbot.waitActive(w):
        w.show()
        w.activateWindow()
    qtbot.waitUntil(lambda: w.dashboard.loaded)  # the dashboard reads its tasks just after its first paint
    return w


def answer_next_message_box(button_text: str, seen: list[str] | None = None) -> None:
    """Click a button of the next message box that opens (a real dialog, answered), noting its text."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        if seen is not None:
            seen.append(box.text())
        target = next(b for b in box.buttons() if b.text().replace("&", "") == button_text)
        target.click()

    QTimer.singleShot(0, click)


def test_dashboard_rows_open_the_right_tab(qtbot: QtBot, demo_db: Database, qtmodeltester: object) -> None:
    w = window(qtbot, demo_db)
    w.show_page("dashboard")
    qtmodeltester.check(w.dashboard.model)  # type: ignore[attr-defined]
    kinds = {w.dashboard.model.row_at(r).kind: r for r in range(w.dashboard.model.rowCount())}
    assert {"followup_overdue", "unregistered"} <= set(kinds)
    assert "Follow-up overdue: <b>1</b>" in w.dashboard.summary.text()
    w.dashboard.table.setCurrentIndex(w.dashboard.model.index(kinds["unregistered"], 0))
    qtbot.keyClick(w.dashboard.table, Qt.Key.Key_Return)
    assert w.citizen_page.ref == "Miriam"
    assert w.citizen_page.tabs.currentWidget() is w.citizen_page.tab_by_key["attendance"]


def test_companies_create_edit_contact_and_undo(qtbot: QtBot, db: Database, qtmodeltester: object) -> None:
    w = window(qtbot, db)
    w.show_page("companies")
    page = w.companies
    before = snapshot(db)
    dialog = CompanyDialog(w.ctx, None, page)
    dialog.name.setText("Tømrer Hansen")
    dialog.cvr.setText("12345678")
    dialog.save()
    assert dialog.form.error_text("cvr") == "er ikke et gyldigt CVR-nummer (modulus 11)"
    dialog.cvr.setText("12345674")
    dialog.internal.setChecked(True)
    dialog.save()
    assert dialog.saved_ref == "co-1"
    qtmodeltester.check(page.model)  # type: ignore[attr-defined]
    assert [page.proxy.index(r, 0).data(ROW_ROLE).name for r in range(page.proxy.rowCount())] == ["Tømrer Hansen"]
    page.select("co-1")
    assert page.detail_panel.title.text() == "Tømrer Hansen"
    assert "Internal training ground" in page.detail_panel.facts.text() or "træningsbane" in page.detail_panel.facts.text()
    from placement_desk.ui.pages.companies import ContactDialog

    contact = ContactDialog(w.ctx, "co-1", page)
    contact.name.setText("Bo")
    contact.save()
    assert page.detail_panel.contacts.rowCount() == 1
    w.ctx.undo_stack.undo()
    w.ctx.undo_stack.undo()
    assert snapshot(db) == before


def test_conflicting_company_edit_reload_or_keep_mine(qtbot: QtBot, db: Database) -> None:
    companies.create_company(db, cf.Company("co-1", "Bager Jensen"))
    w = window(qtbot, db)
    w.show_page("companies")
    w.companies.select("co-1")
    stale = w.companies.detail_panel.detail
    companies.update_company(db, "co-1", cf.Company("co-1", "Bager Jensen ApS"), None, actor="ole")  # someone else saves
    dialog = CompanyDialog(w.ctx, stale, w.companies)
    dialog.industry.setText("Bageri")
    answer_next_message_box("Reload")
    dialog.save()
    out = export_case_file(db)["companies"][0]
    assert (out["name"], out["industry"]) == ("Bager Jensen ApS", None)  # theirs kept, nothing overwritten
    dialog = CompanyDialog(w.ctx, stale, w.companies)
    dialog.industry.setText("Bageri")
    answer_next_message_box("Keep mine")
    dialog.save()
    out = export_case_file(db)["companies"][0]
    assert (out["name"], out["industry"]) == ("Bager Jensen", "Bageri")


def test_search_finds_citizens_companies_and_placements(qtbot: QtBot, demo_db: Database) -> None:
    w = window(qtbot, demo_db)
    dialog = SearchDialog(w.ctx, w)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.input, "Saxogade")
    dialog.run_search()
    texts = [dialog.results.item(i).text() for i in range(dialog.results.count())]
    assert any("Pedelteamet" in t for t in texts)
    dialog.input.clear()
    qtbot.keyClicks(dialog.input, "Jasmin")
    qtbot.keyClick(dialog.input, Qt.Key.Key_Return)
    assert dialog.chosen is not None and dialog.chosen.ref == "Jasmin"


def test_new_citizen_and_referral_lifecycle_with_undo(qtbot: QtBot, db: Database) -> None:
    w = window(qtbot, db)
    w.show_page("citizens")
    from placement_desk.ui.citizen.citizen_dialog import NewCitizenDialog

    dialog = NewCitizenDialog(w.ctx, w.citizens)
    dialog.name.setText("Ny Borger")
    dialog.ref.setText("NB")
    dialog.cpr.setText("010203-4x67")
    dialog.save()
    assert dialog.form.error_text("cpr") == "skal være 10 cifre: DDMMÅÅ-XXXX"
    dialog.cpr.setText("0102034567")
    dialog.save()
    assert dialog.created == "NB"
    w.open_citizen("NB")
    overview = w.citizen_page.tab_by_key["overview"]
    assert not overview.referral_buttons["extend"].isEnabled()
    new = overview.referral("new")
    new.programme.setText("Lokalt forankret indsats 4-6 timer")
    new.start.setText("01-09-2022")
    new.end.setText("28-02-2023")
    new.save()
    ext = overview.referral("extend")
    ext.new_end.setText("31-07-2023")
    ext.save()
    stop = overview.referral("stop")
    stop.end.setText("15-08-2023")
    stop.reason.setText("Tandbehandling")
    stop.save()
    r = export_case_file(db)["citizens"][0]["referrals"][0]
    assert (r["end"], r["extensions"], r["end_reason"]) == ("2023-08-15", ["2023-07-31"], "Tandbehandling")
    assert not overview.referral_buttons["stop"].isEnabled()
    w.ctx.undo_stack.undo()  # the stop
    r = export_case_file(db)["citizens"][0]["referrals"][0]
    assert (r["end"], r["extensions"], r["end_reason"]) == ("2023-02-28", ["2023-07-31"], None)
    for _ in range(3):
        w.ctx.undo_stack.undo()
    assert export_case_file(db)["citizens"] == []


def test_followups_page_lists_drafts(qtbot: QtBot, db: Database, qtmodeltester: object) -> None:
    import_case_file(db, case_file(ramp_down_citizen()))
    w = window(qtbot, db)
    w.show_page("followups")
    page = w.followups
    qtmodeltester.check(page.model)  # type: ignore[attr-defined]
    assert page.proxy.rowCount() == 2
    page.table.setCurrentIndex(page.proxy.index(0, 0))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert w.citizen_page.ref == "DC"


def test_import_export_and_demo_run_in_the_background(qtbot: QtBot, db: Database, tmp_path: Path) -> None:
    w = window(qtbot, db)
    source = tmp_path / "in.json"
    source.write_text(json.dumps(case_file(ramp_down_citizen()), ensure_ascii=False), encoding="utf-8")
    seen: list[str] = []
    answer_next_message_box("OK", seen)
    worker = w.work.import_file(str(source))
    assert worker is not None
    qtbot.waitUntil(lambda: bool(seen), timeout=10000)
    assert "1 citizen created" in seen[0]
    qtbot.waitUntil(lambda: w.citizens.proxy.rowCount() == 1, timeout=10000)
    target = tmp_path / "out.json"
    seen.clear()
    answer_next_message_box("OK", seen)
    w.work.export_file(str(target))
    qtbot.waitUntil(lambda: bool(seen), timeout=10000)
    assert json.loads(target.read_text(encoding="utf-8")) == export_case_file(db)


def test_bad_import_changes_nothing_and_says_why(qtbot: QtBot, db: Database, tmp_path: Path) -> None:
    w = window(qtbot, db)
    bad = case_file(ramp_down_citizen())
    bad["citizens"][0]["placements"][0]["attendance"][0]["hours"] = 30
    source = tmp_path / "bad.json"
    source.write_text(json.dumps(bad), encoding="utf-8")
    seen: list[str] = []
    answer_next_message_box("OK", seen)
    worker = w.work.import_file(str(source))
    assert worker is not None
    qtbot.waitUntil(lambda: bool(seen), timeout=10000)
    assert "Nothing was changed" in seen[0] and "Timer: skal være mellem 0 og 24" in seen[0]
    assert export_case_file(db)["citizens"] == []


def test_citizen_archive_hides_from_list(qtbot: QtBot, db: Database) -> None:
    citizens.create_citizen(db, cf.Citizen("A", "Anna"))
    w = window(qtbot, db)
    w.show_page("citizens")
    assert w.citizens.proxy.rowCount() == 1
    citizens.set_archived(db, "A", True)
    assert w.citizens.proxy.rowCount() == 0
    w.citizens.show_archived.setChecked(True)
    assert w.citizens.proxy.rowCount() == 1


def test_followups_page_reads_the_recent_scope_and_searches_the_rest_in_sql(
    qtbot: QtBot, demo_db: Database
) -> None:
    from datetime import date, timedelta

    from placement_desk.services import followups, queries
    from placement_desk.ui.pages.followups import ALL

    since = date(2026, 11, 23) - timedelta(weeks=8)
    old = [r for r in queries.list_followups(demo_db) if r.day < since]
    for row in old[1:]:  # one old draft stays
        followups.finalise_followup(demo_db, row.id)
    w = window(qtbot, demo_db)
    w.show_page("followups")
    page = w.followups
    every = queries.list_followups(demo_db)
    shown = [page.model.row_at(i) for i in range(page.model.rowCount())]
    assert sorted(r.id for r in shown) == sorted(r.id for r in every if not r.finalised or r.day >= since)
    ids = {r.id for r in shown}
    assert old[0].id in ids and old[1].id not in ids
    assert str(len(shown)) in page.status.text()
    page.scope.setCurrentIndex(page.scope.findData(ALL))
    assert page.model.rowCount() == len(every)
    page.scope.setCurrentIndex(0)
    qtbot.keyClicks(page.search, old[1].citizen_name)
    qtbot.keyClick(page.search, Qt.Key.Key_Return)  # Enter searches at once (typing waits for a pause)
    found = [page.model.row_at(i) for i in range(page.model.rowCount())]
    assert found and all(r.citizen_name == old[1].citizen_name for r in found)
    assert old[1].id not in {r.id for r in found}  # finalised and old: outside the recent scope
    page.scope.setCurrentIndex(page.scope.findData(ALL))
    assert old[1].id in {page.model.row_at(i).id for i in range(page.model.rowCount())}
    assert page.proxy.index(0, 0).data() == page.model.index(0, 0).data()  # newest first
    dates = [page.model.row_at(i).day for i in range(page.model.rowCount())]
    assert dates == sorted(dates, reverse=True)
