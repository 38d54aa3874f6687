"""Flows a consultant does at a company visit, with the inputs counted, and their undo."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from placement_desk.db.engine import Database
from placement_desk.services.casefile_io import export_case_file, import_case_file
from placement_desk.services.dossier import dossier_data
from placement_desk.ui.shell.main_window import MainWindow
from tests.casefiles import case_file, ramp_down_citizen
from tests.ui.inputs import Inputs


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


def citizen(doc: dict[str, Any], ref: str) -> dict[str, Any]:
    return next(c for c in doc["citizens"] if c["ref"] == ref)


def test_new_placement_in_at_most_12_inputs_and_undo(qtbot: QtBot, demo_db: Database) -> None:
    w = window(qtbot, demo_db)
    before = snapshot(demo_db)
    w.open_citizen("Phillip", "placements")
    tab = w.citizen_page.tab_by_key["placements"]
    inputs = Inputs(qtbot)
    tab.table.setFocus()
    inputs.key(tab.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = QApplication.activeModalWidget()
    assert dialog is not None and dialog.windowTitle() == "New placement"
    inputs.pick(dialog.company, "Cykelsmeden")
    inputs.pick(dialog.type, "Hybrid")
    inputs.pick(dialog.purpose, "Rekruttering")
    dialog.start.clear()
    inputs.type(dialog.start, "1-12-2026")
    dialog.mentor.combo.lineEdit().selectAll()  # as tabbing into the field does: typing replaces the default
    inputs.type(dialog.mentor.combo.lineEdit(), "Ole Cykel")
    inputs.type(dialog.hours, "2x4+1x3 (3 løn)")  # paid hours per week in the plan itself
    inputs.type(dialog.tasks, "lappe dæk, samle cykler")
    inputs.click(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save))
    assert inputs.count <= 12
    assert not dialog.isVisible(), dialog.form.general_error.text()
    after = export_case_file(demo_db)
    new = [p for p in citizen(after, "Phillip")["placements"] if p["company"] == "co-cykel"]
    assert len(new) == 1
    p = new[0]
    assert (p["type"], p["purpose"], p["start"], p["end"]) == ("hybrid", "recruitment", "2026-12-01", None)
    assert p["schedule"] == [{"from": "2026-12-01", "hours": {"mon": 4, "wed": 4, "fri": 3}, "paid_per_week": 3}]
    assert p["tasks"] == ["lappe dæk", "samle cykler"]
    company = next(c for c in after["companies"] if c["ref"] == "co-cykel")
    assert p["workplace_mentor"] in {k["ref"] for k in company["contacts"] if k["name"] == "Ole Cykel"}
    after_text = snapshot(demo_db)
    w.ctx.undo_stack.undo()
    assert snapshot(demo_db) == before
    w.ctx.undo_stack.redo()
    redone = export_case_file(demo_db)
    assert [q["company"] for q in citizen(redone, "Phillip")["placements"]].count("co-cykel") == 1
    assert json.loads(after_text)["companies"] == json.loads(snapshot(demo_db))["companies"]


def test_placement_errors_appear_next_to_the_field(qtbot: QtBot, demo_db: Database) -> None:
    w = window(qtbot, demo_db)
    before = snapshot(demo_db)
    w.open_citizen("Phillip", "placements")
    dialog = w.citizen_page.tab_by_key["placements"].new_placement()
    dialog.company.setCurrentIndex(dialog.company.findText("Cykelsmeden i Valby"))
    dialog.start.setText("31-02-2026")
    dialog.hours.setText("2x3")
    dialog.save()
    assert dialog.isVisible()
    assert "findes ikke" in dialog.form.error_text("start") or "dato" in dialog.form.error_text("start")
    dialog.start.setText("01-12-2026")
    dialog.hours.setText("8x3")
    dialog.save()
    assert dialog.form.error_text("hours")
    dialog.hours.setText("2x3")
    dialog.end.setText("01-11-2026")
    dialog.save()
    assert dialog.form.error_text("end") == "ligger før start"
    assert snapshot(demo_db) == before
    dialog.reject()


def test_monthly_followup_with_hours_change_from_the_dashboard(qtbot: QtBot, demo_db: Database) -> None:
    w = window(qtbot, demo_db)
    before = snapshot(demo_db)
    w.show_page("dashboard")
    table = w.dashboard.table
    row = next(r for r in range(w.dashboard.model.rowCount()) if w.dashboard.model.row_at(r).kind == "followup_overdue")
    assert w.dashboard.model.row_at(row).citizen_ref == "Malthe"
    table.setCurrentIndex(w.dashboard.model.index(row, 0))
    inputs = Inputs(qtbot)
    inputs.key(table, Qt.Key.Key_Return)
    assert w.pages.currentWidget() is w.citizen_page
    tab = w.citizen_page.tab_by_key["followup"]
    assert w.citizen_page.tabs.currentWidget() is tab
    form = tab.form
    assert "Attendance" in form.topics["attendance"].toPlainText() or "Fremmøde" in form.topics["attendance"].toPlainText()
    inputs.type(form.note, "Trives. Klar til flere timer.")
    inputs.type(form.citizen_view, "Jeg vil gerne have en dag mere")
    inputs.type(form.new_hours, "3x4")
    inputs.type(form.hours_from, "30-11-2026")
    inputs.key(form.note, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert inputs.count <= 10
    doc = export_case_file(demo_db)
    malthe = citizen(doc, "Malthe")
    f = malthe["followups"][-1]
    assert (f["date"], f["kind"], f["note"]) == ("2026-11-23", "monthly", "Trives. Klar til flere timer.")
    assert f["citizen_view"] == "Jeg vil gerne have en dag mere"
    steps = malthe["placements"][-1]["schedule"]
    assert steps[-1] == {"from": "2026-11-30", "hours": {"mon": 4, "wed": 4, "fri": 4}, "paid_per_week": 0}
    # back on the overview, the dashboard no longer lists the overdue follow-up
    w.show_page("dashboard")
    assert all(t.kind != "followup_overdue" or t.citizen_ref != "Malthe" for t in w.dashboard.model._rows)
    w.ctx.undo_stack.undo()
    assert snapshot(demo_db) == before
    w.ctx.undo_stack.redo()
    assert citizen(export_case_file(demo_db), "Malthe")["followups"][-1]["note"] == "Trives. Klar til flere timer."


def test_finalised_followup_is_read_only_with_corrections(qtbot: QtBot, db: Database) -> None:
    import_case_file(db, case_file(ramp_down_citizen()))
    w = window(qtbot, db)
    w.open_citizen("DC", "followup")
    tab = w.citizen_page.tab_by_key["followup"]
    tab.list.setCurrentRow(0)  # newest: 13-03-2023
    tab.form.note.setPlainText("Meget fravær pga. migræne. Trappes ned.")
    assert tab.save()
    tab.finalise()
    assert not tab.form.note.isEnabled() and not tab.save_button.isEnabled()
    tab.add_correction("Nedtrapning fra 14/3, ikke 13/3")
    f = citizen(export_case_file(db), "DC")["followups"][-1]
    assert f["finalised"] is True and f["note"] == "Meget fravær pga. migræne. Trappes ned."
    assert f["corrections"][0]["text"] == "Nedtrapning fra 14/3, ikke 13/3" and f["corrections"][0]["author"] == "karin"
    w.ctx.undo_stack.undo()  # the correction
    w.ctx.undo_stack.undo()  # the finalisation
    f = citizen(export_case_file(db), "DC")["followups"][-1]
    assert "finalised" not in f and "corrections" not in f


def test_accommodation_add_retire_and_undo(qtbot: QtBot, db: Database) -> None:
    import_case_file(db, case_file(ramp_down_citizen()))
    before = snapshot(db)
    w = window(qtbot, db)
    w.open_citizen("DC", "accommodations")
    tab = w.citizen_page.tab_by_key["accommodations"]
    dialog = tab.add()
    dialog.text.setText("Kan ikke se på skærm i mere end 5 minutter")
    dialog.category.setCurrentIndex(dialog.category.findData("sensory"))
    dialog.save()
    texts = [a["text"] for a in citizen(export_case_file(db), "DC")["accommodations"]]
    assert "Kan ikke se på skærm i mere end 5 minutter" in texts
    tab.table.setCurrentIndex(tab.model.index(0, 0))
    tab.retire_selected()
    retired = [a for a in citizen(export_case_file(db), "DC")["accommodations"] if not a["active"]]
    assert len(retired) == 1 and retired[0]["retired"] == "2026-11-23"
    w.ctx.undo_stack.undo()
    w.ctx.undo_stack.undo()
    assert snapshot(db) == before
    empty = tab.add()
    empty.save()
    assert empty.form.error_text("text") == "skal udfyldes"
    empty.reject()


def test_end_placement_and_edit_citizen_with_undo(qtbot: QtBot, db: Database) -> None:
    import_case_file(db, case_file(ramp_down_citizen()))
    before = snapshot(db)
    w = window(qtbot, db)
    w.open_citizen("DC", "placements")
    tab = w.citizen_page.tab_by_key["placements"]
    dialog = tab.end_selected()
    assert dialog is not None
    dialog.end.setText("30-03-2023")
    dialog.reason.setText("Stoppet af borgeren")
    dialog.save()
    p = citizen(export_case_file(db), "DC")["placements"][0]
    assert (p["end"], p["end_reason"]) == ("2023-03-30", "Stoppet af borgeren")
    assert dossier_data(db, "DC").period_to == date(2023, 3, 30)
    overview = w.citizen_page.tab_by_key["overview"]
    from placement_desk.ui.citizen.overview_tab import CitizenDialog

    edit = CitizenDialog(w.ctx, w.citizen_page.detail, overview)
    edit.edits["cpr"].setText("311390-1234")
    edit.save()
    assert edit.form.error_text("cpr")
    edit.edits["cpr"].setText("010190-1234")
    edit.edits["job_goal"].setText("Butiksassistent")
    edit.save()
    assert citizen(export_case_file(db), "DC")["job_goal"] == "Butiksassistent"
    w.ctx.undo_stack.undo()
    w.ctx.undo_stack.undo()
    assert snapshot(db) == before
