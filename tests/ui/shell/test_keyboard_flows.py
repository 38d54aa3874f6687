"""A consultant's laptop, a mentor's keyboard: whole flows from the keyboard alone, keys counted.

Keys go to the widget that has the focus (``Inputs.press``/``write``), as they do for the user; a new
window is waited for (the user waits for it too) but never clicked into.
"""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from placement_desk.db.engine import Database
from placement_desk.services.casefile_io import export_case_file
from placement_desk.ui.citizen.placement_dialog import PlacementDialog
from placement_desk.ui.shell.main_window import MainWindow
from tests.ui.citizen.test_citizen_flows import citizen, snapshot, window
from tests.ui.inputs import Inputs

PLAN = "2x3; 3x3 (3 løn) fra 04-01; 4x3,5 (6 løn) fra 01-02"


def dialog_up(qtbot: QtBot) -> QWidget:
    """The modal dialog that has just opened, once it has the keyboard."""

    def active() -> bool:
        modal = QApplication.activeModalWidget()
        return modal is not None and QApplication.activeWindow() is modal

    qtbot.waitUntil(active)
    dialog = QApplication.activeModalWidget()
    assert dialog is not None
    return dialog


def back_to(qtbot: QtBot, w: MainWindow) -> None:
    """A closed dialog gives the keyboard back to the window (the offscreen platform needs a nudge)."""
    if QApplication.activeWindow() is not w:
        w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)


def new_placement_from_search(qtbot: QtBot, w: MainWindow, inputs: Inputs) -> PlacementDialog:
    inputs.press(Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    search = dialog_up(qtbot)
    inputs.write("Phillip")
    inputs.press(Qt.Key.Key_Return)
    assert not search.isVisible()
    back_to(qtbot, w)
    assert w.pages.currentWidget() is w.citizen_page and w.citizen_page.ref == "Phillip"
    inputs.press(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = dialog_up(qtbot)
    assert isinstance(dialog, PlacementDialog)
    return dialog


def test_a_hybrid_placement_with_a_three_step_plan_in_12_keyboard_inputs(qtbot: QtBot, demo_db: Database) -> None:
    w = window(qtbot, demo_db)
    before = snapshot(demo_db)
    inputs = Inputs(qtbot)
    dialog = new_placement_from_search(qtbot, w, inputs)  # Ctrl+K, "Phillip", Enter, Ctrl+N
    assert inputs.focused() is dialog.company  # the dialog starts in its first field
    inputs.write("Cykel")
    inputs.press(Qt.Key.Key_Tab)
    assert dialog.company.ref() == "co-cykel"
    inputs.write("h")  # Hybridpraktik
    inputs.press(Qt.Key.Key_Tab)
    assert dialog.type.currentData() == "hybrid"
    assert inputs.focused() is dialog.hours
    inputs.write(PLAN)
    assert dialog.plan.preview.text().count("\n") == 2  # read back step by step while typed
    inputs.press(Qt.Key.Key_Tab)
    assert inputs.focused().window() is dialog and dialog.mentor.combo.isAncestorOf(inputs.focused()) or (
        inputs.focused() is dialog.mentor.combo
    )
    inputs.write("Ole Cykel")
    assert "Ole Cykel" in dialog.mentor.hint.text()
    inputs.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert inputs.count <= 12, inputs.count
    assert not dialog.isVisible(), dialog.form.shown_errors()

    doc = export_case_file(demo_db)
    new = [p for p in citizen(doc, "Phillip")["placements"] if p["company"] == "co-cykel"]
    assert len(new) == 1
    p = new[0]
    assert (p["type"], p["start"], p["end"]) == ("hybrid", "2026-11-23", None)
    assert p["schedule"] == [
        {"from": "2026-11-23", "hours": {"tue": 3, "thu": 3}, "paid_per_week": 0},
        {"from": "2027-01-04", "hours": {"mon": 3, "wed": 3, "fri": 3}, "paid_per_week": 3},
        {"from": "2027-02-01", "hours": {"mon": 3.5, "tue": 3.5, "thu": 3.5, "fri": 3.5}, "paid_per_week": 6},
    ]
    company = next(c for c in doc["companies"] if c["ref"] == "co-cykel")
    mentor = next(k for k in company["contacts"] if k["ref"] == p["workplace_mentor"])
    assert (mentor["name"], mentor["role"]) == ("Ole Cykel", "workplace_mentor")

    # still on Phillip; the save is confirmed with an undo link; the hours plan shows the new placement
    assert w.pages.currentWidget() is w.citizen_page and w.citizen_page.ref == "Phillip"
    assert w.save_note.isVisible() and "Cykelsmeden" in w.save_note.plain_text()
    assert 'href="undo"' in w.save_note.text()
    schedule = w.citizen_page.tab_by_key["schedule"]
    w.citizen_page.tabs.setCurrentWidget(schedule)
    assert schedule.picker.current_ref() == p["ref"]
    assert [schedule.model.index(r, 0).data() for r in range(schedule.model.rowCount())] == [
        "23-11-2026", "04-01-2027", "01-02-2027"
    ]
    schedule.chart.flush()
    assert "Paid hours" in schedule.chart.series_names()

    # one undo takes the placement, its steps and the new contact away
    w.ctx.undo_stack.undo()
    assert snapshot(demo_db) == before
    w.ctx.undo_stack.redo()
    assert [q["company"] for q in citizen(export_case_file(demo_db), "Phillip")["placements"]].count("co-cykel") == 1


def test_the_plan_sets_the_start_and_errors_show_all_at_once_in_danish(qtbot: QtBot, demo_db: Database) -> None:
    w = window(qtbot, demo_db)
    before = snapshot(demo_db)
    w.open_citizen("Phillip", "placements")
    dialog = w.citizen_page.new_placement()
    assert isinstance(dialog, PlacementDialog)
    dialog_up(qtbot)
    # a dated first step is the start, until the start is typed
    qtbot.keyClicks(dialog.hours, "2x3 fra 01-12; 3x3")
    assert dialog.start.text() == "01-12-2026"
    assert "29-12-2026" in dialog.plan.preview.text()  # four weeks later
    dialog.hours.clear()
    qtbot.keyClicks(dialog.hours, "2x3; 8x3 (3 løn)")
    qtbot.keyClicks(dialog.end, "01-11-2026")
    qtbot.keyClick(dialog.end, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert dialog.isVisible()
    errors = dialog.form.shown_errors()
    assert errors.keys() == {"company", "hours", "end"}, errors
    assert errors["company"] == "skal udfyldes"
    assert errors["hours"] == "trin 2: flere arbejdsdage, end der er dage i ugen"
    assert errors["end"] == "ligger før start"
    assert QApplication.focusWidget() is dialog.company  # the first field with a problem
    # each error goes when its field is fixed, the others stand
    dialog.hours.setFocus()
    qtbot.keyClick(dialog.hours, Qt.Key.Key_End)
    for _ in "8x3 (3 løn)":
        qtbot.keyClick(dialog.hours, Qt.Key.Key_Backspace)
    assert dialog.form.error_text("hours") == ""  # "2x3; " reads: fixed, the error goes
    qtbot.keyClicks(dialog.hours, "3x3 (3 løn)")
    paid_problem = "løntimer kun i hybridpraktik, løntilskud, ordinære timer, fleksjob eller mesterlære"
    assert paid_problem in dialog.plan.preview.text()  # a new problem shows in the preview as it is typed
    dialog.type.setFocus()
    qtbot.keyClicks(dialog.type, "h")
    assert paid_problem not in dialog.plan.preview.text()
    assert dialog.form.error_text("company") == "skal udfyldes" and dialog.form.error_text("end") == "ligger før start"
    dialog.end.selectAll()
    qtbot.keyClick(dialog.end, Qt.Key.Key_Delete)
    assert dialog.form.error_text("end") == ""
    qtbot.keyClicks(dialog.company, "Nowhere")
    dialog.save()
    assert dialog.form.error_text("company") == "vælg en virksomhed fra listen (opret den under Virksomheder)"
    assert snapshot(demo_db) == before
    dialog.reject()


def test_enter_moves_on_and_never_closes_a_dialog_with_what_was_typed(qtbot: QtBot, demo_db: Database) -> None:
    w = window(qtbot, demo_db)
    w.show_page("companies")
    from placement_desk.ui.pages.companies import CompanyDialog

    dialog = CompanyDialog(w.ctx, None, w.companies)
    dialog.open()
    dialog_up(qtbot)
    inputs = Inputs(qtbot)
    assert inputs.focused() is dialog.name  # not Save: typing goes into the first field
    inputs.write("Bageriet Brød & Co")
    inputs.press(Qt.Key.Key_Return)
    assert dialog.isVisible() and inputs.focused() is dialog.cvr and dialog.name.text() == "Bageriet Brød & Co"
    inputs.write("12345678")
    inputs.press(Qt.Key.Key_Return)  # on to the next field, nothing saved, nothing lost
    assert dialog.isVisible() and inputs.focused() is dialog.industry
    inputs.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # save: the CVR is refused
    assert dialog.isVisible() and inputs.focused() is dialog.cvr
    error = dialog.form.errors["cvr"]
    assert error.text() == "er ikke et gyldigt CVR-nummer (modulus 11)"
    QApplication.processEvents()
    assert error.height() >= error.heightForWidth(error.width())  # the whole message shows, not clipped
    assert dialog.rect().contains(error.geometry().translated(error.mapTo(dialog, error.rect().topLeft())
                                                              - error.geometry().topLeft()))
    dialog.cvr.selectAll()
    inputs.write("29403473")
    assert error.isHidden()  # fixed: the error goes
    for _ in range(4):  # Enter through industry, address and the check box: in the last field it saves
        inputs.press(Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert any(c["name"] == "Bageriet Brød & Co" for c in export_case_file(demo_db)["companies"])
    assert "Bageriet" in w.save_note.plain_text()


def test_tab_goes_through_the_fields_then_save_and_cancel(qtbot: QtBot, demo_db: Database) -> None:
    w = window(qtbot, demo_db)
    w.open_citizen("Phillip", "placements")
    dialog = w.citizen_page.new_placement()
    assert isinstance(dialog, PlacementDialog)
    dialog_up(qtbot)
    assert dialog.testAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange)  # focus frames from the start
    seen = []
    for _ in range(10):
        seen.append(QApplication.focusWidget())
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    expected = [dialog.company, dialog.type, dialog.hours, dialog.mentor.combo, dialog.start, dialog.end,
                dialog.purpose, dialog.tasks]
    assert seen[:8] == expected
    assert [b.text() for b in seen[8:]] == ["Save", "Cancel"]
    assert all(b.focusPolicy() == Qt.FocusPolicy.NoFocus for b in dialog.plan.preset_buttons)
    dialog.plan.preset_buttons[2].click()
    dialog.plan.preset_buttons[3].click()
    assert dialog.hours.text() == "2x3; 3x3"
    dialog.reject()


def test_focus_is_visible_in_a_field(qtbot: QtBot, demo_db: Database) -> None:
    w = window(qtbot, demo_db)
    from placement_desk.ui.pages.companies import CompanyDialog

    dialog = CompanyDialog(w.ctx, None, w)
    dialog.open()
    dialog_up(qtbot)
    focused = dialog.name.grab().toImage()
    dialog.cvr.setFocus()
    unfocused = dialog.name.grab().toImage()
    assert focused != unfocused
    dialog.reject()


def test_search_enter_opens_down_enters_the_list(qtbot: QtBot, demo_db: Database) -> None:
    w = window(qtbot, demo_db)
    inputs = Inputs(qtbot)
    inputs.press(Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    search = dialog_up(qtbot)
    inputs.write("Phillip")
    inputs.press(Qt.Key.Key_Down)
    assert inputs.focused() is search.results and search.results.currentRow() == 0
    inputs.press(Qt.Key.Key_Down)
    assert search.results.currentRow() == 1  # the placement Phillip-1
    inputs.press(Qt.Key.Key_Up)
    inputs.press(Qt.Key.Key_Up)
    assert inputs.focused() is search.input
    inputs.press(Qt.Key.Key_Return)
    back_to(qtbot, w)
    assert w.citizen_page.ref == "Phillip"


def test_citizen_filter_enter_opens_the_single_match(qtbot: QtBot, demo_db: Database) -> None:
    w = window(qtbot, demo_db)
    w.show_page("citizens")
    page = w.citizens
    page.search.setFocus()
    inputs = Inputs(qtbot)
    inputs.write("a")
    assert page.proxy.rowCount() > 1
    inputs.press(Qt.Key.Key_Down)
    assert inputs.focused() is page.table and page.table.currentIndex().row() == 0
    page.search.setFocus()
    page.search.clear()
    inputs.write("Mirjam")  # no one
    inputs.press(Qt.Key.Key_Return)
    assert w.pages.currentWidget() is page
    page.search.clear()
    inputs.write("Miriam")
    assert page.proxy.rowCount() == 1
    inputs.press(Qt.Key.Key_Return)
    assert w.pages.currentWidget() is w.citizen_page and w.citizen_page.ref == "Miriam"


def test_keyboard_shortcuts_under_help(qtbot: QtBot, demo_db: Database) -> None:
    w = window(qtbot, demo_db)
    help_menu = next(a.menu() for a in w.menuBar().actions() if a.text() == "&Help")
    action = next(a for a in help_menu.actions() if a.text() == "&Keyboard shortcuts")
    assert action.shortcut().toString() == "F1"
    qtbot.keyClick(w, Qt.Key.Key_F1)
    dialog = dialog_up(qtbot)
    rows = dialog.rows()
    keys = {r[1] for r in rows}
    assert {"Ctrl+K", "Ctrl+Z", "Ctrl+N", "Ctrl+Enter, Ctrl+S", "Enter, Space", "F1"} <= keys
    assert ("Edit", "Ctrl+K", "Search") in rows
    dialog.reject()


def test_the_save_note_undoes(qtbot: QtBot, demo_db: Database) -> None:
    w = window(qtbot, demo_db)
    before = snapshot(demo_db)
    w.open_citizen("Phillip", "placements")
    dialog = w.citizen_page.new_placement()
    assert isinstance(dialog, PlacementDialog)
    dialog_up(qtbot)
    qtbot.keyClicks(dialog.company, "Cykelsmeden i Valby")
    qtbot.keyClicks(dialog.hours, "2x3")
    dialog.save()
    assert not dialog.isVisible()
    assert w.save_note.plain_text().startswith("Saved: New placement at Cykelsmeden i Valby — Undo")
    w.save_note.linkActivated.emit("undo")
    assert snapshot(demo_db) == before
    assert w.save_note.plain_text().startswith("Undone: New placement")
    w.save_note.linkActivated.emit("redo")
    assert snapshot(demo_db) != before


def test_a_followup_hours_change_announces_its_step(qtbot: QtBot, demo_db: Database) -> None:
    w = window(qtbot, demo_db)
    w.open_citizen("Malthe", "followup")
    form = w.citizen_page.tab_by_key["followup"].form
    qtbot.keyClicks(form.note, "Klar til flere timer")
    qtbot.keyClicks(form.new_hours, "3x4")
    qtbot.keyClicks(form.hours_from, "30-11-2026")
    qtbot.keyClick(form.note, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    note = w.save_note.plain_text()
    assert note.startswith("Saved: New follow-up — Undo")
    assert "New step in the hours plan from 30-11-2026: 3 × 4 t = 12 t (man, ons, fre)" in note


def test_edit_a_placement_by_double_click_with_a_new_mentor(qtbot: QtBot, demo_db: Database) -> None:
    w = window(qtbot, demo_db)
    before = snapshot(demo_db)
    w.open_citizen("Phillip", "placements")
    tab = w.citizen_page.tab_by_key["placements"]
    index = tab.model.index(0, 0)
    rect = tab.table.visualRect(index)
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # a double click:
    qtbot.mouseDClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # press, then double
    dialog = dialog_up(qtbot)
    assert dialog.windowTitle().startswith("Edit placement at ")
    assert QApplication.focusWidget() is dialog.company
    p = citizen(json.loads(before), "Phillip")["placements"][0]
    assert dialog.company.ref() == p["company"] and dialog.start.text()
    dialog.tasks.setFocus()
    dialog.tasks.selectAll()
    qtbot.keyClicks(dialog.tasks, "maskiner, oprydning")
    dialog.mentor.combo.setFocus()
    dialog.mentor.combo.lineEdit().selectAll()
    qtbot.keyClicks(dialog.mentor.combo.lineEdit(), "Jens Mester, 20304050")
    qtbot.keyClick(dialog.tasks, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible(), dialog.form.shown_errors()
    doc = export_case_file(demo_db)
    q = next(x for x in citizen(doc, "Phillip")["placements"] if x["ref"] == p["ref"])
    assert q["tasks"] == ["maskiner", "oprydning"]
    company = next(c for c in doc["companies"] if c["ref"] == q["company"])
    mentor = next(k for k in company["contacts"] if k["ref"] == q["workplace_mentor"])
    assert (mentor["name"], mentor["phone"]) == ("Jens Mester", "20304050")
    w.ctx.undo_stack.undo()
    assert snapshot(demo_db) == before
