"""Profil og observationer (opened from Beskrivelse): the citizen's history and the observations are added,
changed and removed in the real dialogs on a real database; each save is one undoable step, shows on the
Beskrivelse tab under its heading, and bad input gets a Danish message naming the field and changes nothing.
Ny observation (Ctrl+Shift+O) opens from any tab with the placement and heading the tab suggests."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from placement_desk.db.engine import Database
from placement_desk.domain.errors import AccessDenied
from placement_desk.domain.profile import ProfileItem
from placement_desk.domain.roles import Role
from placement_desk.services import observations, profile_edit
from placement_desk.services.casefile_io import export_case_file
from placement_desk.ui.citizen.observation_dialog import ObservationDialog
from placement_desk.ui.citizen.profile_editor import ProfileEditor, ProfileItemDialog, fmt_partial, parse_partial
from tests.ui.citizen_tabs import check_undo_redo, open_tab
from tests.ui.trust import danish, sign_in_as

__all__ = ["danish"]

TODAY = date(2026, 11, 23)  # the demo's pinned today (tests/conftest.py)


def editor_of(tab: Any) -> ProfileEditor:
    editor = tab.open_profile()
    assert isinstance(editor, ProfileEditor)
    return editor


def select(table: Any, match: Any) -> Any:
    """Make the row whose object ``match`` accepts the current one; returns that object."""
    model = table.model()
    from placement_desk.ui.kit.table_model import ROW_ROLE

    for r in range(model.rowCount()):
        row = model.data(model.index(r, 0), ROW_ROLE)
        if match(row):
            table.setCurrentIndex(model.index(r, 0))
            return row
    raise AssertionError("no such row")


def test_partial_dates_read_the_danish_way() -> None:
    assert [parse_partial(t) for t in ("2010", "8-2010", "08.2010", "15-08-2010", "2010-08", " ")] == [
        "2010", "2010-08", "2010-08", "2010-08-15", "2010-08", None]  # fmt: skip
    for bad in ("13-2010", "31-02-2010", "aug 2010", "201"):
        with pytest.raises(ValueError):
            parse_partial(bad)
    assert [fmt_partial(v) for v in ("2010", "2010-08", "2010-08-15")] == ["2010", "08-2010", "15-08-2010"]


def test_a_profile_item_is_added_changed_removed_and_each_step_undone(qtbot: QtBot, demo_db: Database) -> None:
    tab = open_tab(qtbot, demo_db, "SA", "description")
    editor = editor_of(tab)
    dialog = editor.new_item("education")
    assert isinstance(dialog, ProfileItemDialog) and not dialog.kind.isHidden()
    dialog.text.setText("Tømrerlærling, Hillerød Tekniske Skole")
    dialog.start.setText("08-2010")
    dialog.end.setText("2012")
    check_undo_redo(tab, dialog.save)
    item = ProfileItem("Tømrerlærling, Hillerød Tekniske Skole", "2010-08", "2012")
    assert item in observations.citizen_profile(demo_db, "SA").education
    assert "Tømrerlærling, Hillerød Tekniske Skole" in tab.blocks["work_resources"].evidence.text()
    assert "Tømrerlærling" in editor.items.data(editor.items.index(0, 2)) or any(
        r.value == item for r in profile_edit.profile_rows(demo_db, "SA"))  # fmt: skip
    # change it: a job ended, with why
    select(editor.item_table, lambda r: r.value.text.startswith("Tømrerlærling"))
    edit = editor.edit_item()
    assert edit is not None and not edit.kind.isEnabled()  # an item stays in its list
    edit.end.setText("06-2011")
    check_undo_redo(tab, edit.save)
    assert ProfileItem("Tømrerlærling, Hillerød Tekniske Skole", "2010-08", "2011-06") in \
        observations.citizen_profile(demo_db, "SA").education  # fmt: skip
    # remove it: undo puts it back, redo takes it out again
    select(editor.item_table, lambda r: r.value.text.startswith("Tømrerlærling"))
    check_undo_redo(tab, editor.remove_item)
    assert not any(i.text.startswith("Tømrerlærling") for i in observations.citizen_profile(demo_db, "SA").education)
    assert "Tømrerlærling" not in tab.blocks["work_resources"].evidence.text()
    tab.ctx.undo_stack.undo()
    assert "Tømrerlærling, Hillerød Tekniske Skole" in tab.blocks["work_resources"].evidence.text()
    tab.ctx.undo_stack.redo()
    assert "Tømrerlærling" not in tab.blocks["work_resources"].evidence.text()


def test_a_job_keeps_why_it_ended_and_treatment_its_source(qtbot: QtBot, demo_db: Database) -> None:
    tab = open_tab(qtbot, demo_db, "DC", "description")
    editor = editor_of(tab)
    job = editor.new_item("work_history")
    assert job.end_reason.isEnabled() and not job.outcome.isEnabled() and not job.source.isEnabled()
    job.text.setText("Opvasker, Café Nord")
    job.start.setText("2019")
    job.end.setText("03-2020")
    job.end_reason.setText("Caféen lukkede")
    job.save()
    treatment = editor.new_item("treatment")
    treatment.text.setText("Fysioterapi for nakkesmerter")
    treatment.start.setText("01-09-2025")
    treatment.source.setCurrentIndex(treatment.source.findData("doctor"))
    treatment.save()
    profile = observations.citizen_profile(demo_db, "DC")
    assert ProfileItem("Opvasker, Café Nord", "2019", "2020-03", end_reason="Caféen lukkede") in profile.work_history
    assert ProfileItem("Fysioterapi for nakkesmerter", "2025-09-01", None, source="doctor") in profile.treatment
    assert "Fysioterapi for nakkesmerter" in tab.blocks["health"].evidence.text()


@pytest.mark.parametrize(
    ("field", "typed", "message"),
    [
        ("text", {"text": "  "}, "Hvad: skriv, hvad det var (fx uddannelsen eller jobbet)"),
        ("from", {"from": "13-2010"},
         "Fra: 13-2010 er ikke en dato; skriv et år, en måned eller en dag (2010, 08-2010 eller 15-08-2010)"),
        ("to", {"from": "2015", "to": "2014"}, "Til: 2014 ligger før Fra (2015)"),
        ("from", {"from": "12-2026"}, "Fra: 12-2026 ligger efter i dag"),
        ("to", {"from": "2020", "to": "2027"}, "Til: 2027 ligger efter i dag"),
    ],
)  # fmt: skip
def test_bad_profile_input_is_named_in_danish_and_changes_nothing(
    qtbot: QtBot, demo_db: Database, danish: None, field: str, typed: dict[str, str], message: str
) -> None:
    tab = open_tab(qtbot, demo_db, "SA", "description")
    editor = editor_of(tab)
    dialog = editor.new_item("benefits")
    dialog.text.setText("Kontanthjælp")
    for key, text in typed.items():
        {"text": dialog.text, "from": dialog.start, "to": dialog.end}[key].setText(text)
    before, steps = export_case_file(demo_db), tab.ctx.undo_stack.count()
    dialog.save()
    assert dialog.form.error_text(field) == message
    assert dialog.isVisible()
    assert export_case_file(demo_db) == before and tab.ctx.undo_stack.count() == steps


def test_network_and_wishes_are_saved_and_undone(qtbot: QtBot, demo_db: Database) -> None:
    tab = open_tab(qtbot, demo_db, "Thomas", "description")
    editor = editor_of(tab)
    editor.network.setPlainText("Bor hos sin mor; en ven fra fodbold kører ham til praktikken")
    editor.wishes.setPlainText("Vil være lagermedarbejder")
    check_undo_redo(tab, editor.save_texts)
    profile = observations.citizen_profile(demo_db, "Thomas")
    assert (profile.network, profile.wishes) == ("Bor hos sin mor; en ven fra fodbold kører ham til praktikken",
                                                 "Vil være lagermedarbejder")  # fmt: skip
    assert "Vil være lagermedarbejder" in tab.blocks["wishes"].evidence.text()
    assert not editor.save_texts()  # nothing changed since


def test_an_observation_is_changed_and_removed_in_the_editor(qtbot: QtBot, demo_db: Database) -> None:
    tab = open_tab(qtbot, demo_db, "Poul", "description")
    editor = editor_of(tab)
    editor.tabs.setCurrentIndex(1)
    new = editor.new_observation()
    new.heading.setCurrentIndex(new.heading.findData("challenges"))
    new.text.setText("Bliver træt efter tre timer ved kassen")
    new.date.setText("02-12-2024")  # in the period of Poul's placements (the tab shows the dossier's period)
    assert new.outside_note() == ""
    later = editor.new_observation()  # today: after Poul's last placement, so the save note says so
    assert later.outside_note().startswith("23-11-2026 is outside the dossier's period (")
    later.reject()
    check_undo_redo(tab, new.save)
    assert "Bliver træt efter tre timer ved kassen" in tab.blocks["challenges"].evidence.text()
    row = select(editor.observation_table, lambda r: r.value.text.startswith("Bliver træt"))
    assert row.value.day == date(2024, 12, 2)
    edit = editor.edit_observation()
    assert isinstance(edit, ObservationDialog)
    edit.heading.setCurrentIndex(edit.heading.findData("health_and_work"))
    edit.text.setText("Bliver træt efter tre timer ved kassen; bedre med pauser")
    check_undo_redo(tab, edit.save)
    changed = next(r.value for r in observations.list_observations(demo_db, "Poul") if r.id == row.id)
    assert (changed.heading, changed.text) == ("health_and_work", "Bliver træt efter tre timer ved kassen; bedre med pauser")
    assert "bedre med pauser" in tab.blocks["health_and_work"].evidence.text()
    assert "Bliver træt" not in tab.blocks["challenges"].evidence.text()
    select(editor.observation_table, lambda r: r.value.text.endswith("bedre med pauser"))
    check_undo_redo(tab, editor.remove_observation)
    assert "bedre med pauser" not in tab.blocks["health_and_work"].evidence.text()


@pytest.mark.parametrize(
    ("date_text", "text", "field", "message"),
    [
        ("24-11-2026", "Mødte glad ind", "date", "Dato: 24-11-2026 ligger efter i dag"),
        ("32-11-2026", "Mødte glad ind", "date", "Dato: 32-11-2026 er ikke en dato (dd-mm-åååå)"),
        ("", "Mødte glad ind", "date", "Dato: skriv dagen, det blev set eller sagt (dd-mm-åååå)"),
        ("23-11-2026", " ", "text", "Observation: skriv, hvad der blev set eller sagt"),
    ],
)  # fmt: skip
def test_bad_observation_input_is_named_in_danish_and_changes_nothing(
    qtbot: QtBot, demo_db: Database, danish: None, date_text: str, text: str, field: str, message: str
) -> None:
    tab = open_tab(qtbot, demo_db, "Poul", "description")
    dialog = editor_of(tab).new_observation()
    dialog.date.setText(date_text)
    dialog.text.setText(text)
    before, steps = export_case_file(demo_db), tab.ctx.undo_stack.count()
    dialog.save()
    assert dialog.form.error_text(field) == message
    assert export_case_file(demo_db) == before and tab.ctx.undo_stack.count() == steps


def page_of(tab: Any) -> Any:
    page = tab.parent()
    while page is not None and not hasattr(page, "show_citizen"):
        page = page.parent()
    assert page is not None
    return page


def opened_observation(page: Any) -> ObservationDialog:
    QApplication.processEvents()
    found = [w for w in page.findChildren(ObservationDialog) if w.isVisible()]
    assert len(found) == 1
    return found[0]


def test_ctrl_shift_o_from_a_follow_up_suggests_its_placement_and_heading(qtbot: QtBot, demo_db: Database) -> None:
    followup = open_tab(qtbot, demo_db, "Malthe", "followup")
    followup.start_new("Malthe-1")
    followup.form.headings["efforts"].setChecked(True)
    page = page_of(followup)
    with qtbot.waitActive(page):  # a shortcut works in the active window
        page.activateWindow()
    followup.form.note.setFocus()
    qtbot.keyClick(followup.form.note, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = opened_observation(page)
    assert dialog.placement.currentData() == "Malthe-1"
    assert dialog.heading.currentData() == "efforts"
    assert dialog.date.date_value() == TODAY
    assert dialog.by.currentData() == "consultant"
    dialog.text.setText("Fortæller selv om tømreruddannelsen, han stoppede på")
    check_undo_redo(followup, dialog.save)
    assert not dialog.isVisible()
    saved = next(r.value for r in observations.list_observations(demo_db, "Malthe") if r.value.text.startswith("Fortæller"))
    assert (saved.placement, saved.heading, saved.day) == ("Malthe-1", "efforts", TODAY)
    described = page.tab_by_key["description"]
    assert "Fortæller selv om tømreruddannelsen" in described.blocks["efforts"].evidence.text()


def test_the_button_and_the_keys_from_the_attendance_grid_suggest_the_placement_shown(qtbot: QtBot, demo_db: Database) -> None:
    grid = open_tab(qtbot, demo_db, "Malthe", "attendance")
    page = page_of(grid)
    assert grid.placement_ref
    page.observation_button.click()
    dialog = opened_observation(page)
    assert dialog.placement.currentData() == grid.placement_ref
    assert dialog.heading.currentData() in ("work_resources", "challenges")
    dialog.reject()
    with qtbot.waitActive(page):  # and from the keyboard, in the grid itself
        page.activateWindow()
    grid.grid.setFocus()
    qtbot.keyClick(grid.grid, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    again = opened_observation(page)
    assert again is not dialog and again.placement.currentData() == grid.placement_ref
    assert QApplication.focusWidget() is again.date  # opens in its first field
    again.reject()


def test_a_case_worker_reads_the_profile_but_changes_nothing(qtbot: QtBot, demo_db: Database, danish: None) -> None:
    sign_in_as(demo_db, Role.CASEWORKER, "sofie")
    tab = open_tab(qtbot, demo_db, "DC", "description")
    page = page_of(tab)
    assert not page.observation_button.isEnabled() and page.new_observation() is None
    assert not tab.add_button.isEnabled() and not tab.save_button.isEnabled() and tab.profile_button.isEnabled()
    editor = editor_of(tab)
    assert editor.items.rowCount() > 0 and editor.observations.rowCount() > 0  # reads everything
    for button in (editor.new_item_button, editor.edit_item_button, editor.remove_item_button,
                   editor.save_texts_button, editor.new_observation_button, editor.remove_observation_button):
        assert not button.isEnabled() and button.toolTip() == "Din rolle giver ikke adgang til dette."
    assert editor.network.isReadOnly() and not editor.read_only_note.isHidden()
    with pytest.raises(AccessDenied):
        profile_edit.add_profile_item(demo_db, "DC", "education", ProfileItem("x"))


def test_the_new_dialogs_fit_the_laptop_at_150_percent_and_name_their_inputs(
    qtbot: QtBot, demo_db: Database, danish: None
) -> None:
    """About 910×458 logical px (1366×768 at 150 %), with every error line of a bad item showing."""
    from placement_desk.services.mentor import expected
    from placement_desk.services.queries import list_companies
    from placement_desk.ui.attendance.statement_dialog import StatementDialog
    from tests.ui.reach import unnamed

    tab = open_tab(qtbot, demo_db, "DC", "description")
    editor = editor_of(tab)
    bad_item = editor.new_item("work_history")
    bad_item.start.setText("2030")
    bad_item.end.setText("nej")
    bad_item.save()
    assert len(bad_item.form.shown_errors()) == 3  # what, from and to
    bad_observation = editor.new_observation()
    bad_observation.date.setText("1-1-2030")
    bad_observation.save()
    bilka = next(c.ref for c in list_companies(demo_db) if c.name.startswith("Bilka"))
    miriam = expected(demo_db, bilka, TODAY, TODAY)[0]
    statement = StatementDialog(tab.ctx, miriam, tab)
    qtbot.addWidget(statement)
    for dialog in (editor, bad_item, editor.new_item("treatment"), bad_observation, statement):
        layout = dialog.layout()
        assert layout is not None
        layout.activate()
        hint = dialog.minimumSizeHint().expandedTo(dialog.minimumSize())
        assert hint.width() <= 910 and hint.height() <= 458, (type(dialog).__name__, hint.toTuple())
        assert not unnamed(dialog), unnamed(dialog)


def test_the_in_place_observation_refuses_a_day_after_today_in_danish(
    qtbot: QtBot, demo_db: Database, danish: None
) -> None:
    tab = open_tab(qtbot, demo_db, "Malthe", "description")
    tab.obs_date.setText("24-11-2026")
    tab.obs_text.setText("Kommer i morgen")
    before, steps = export_case_file(demo_db), tab.ctx.undo_stack.count()
    assert tab.add_observation() is None
    assert tab.form.error_text("date") == "24-11-2026 ligger efter i dag"
    assert export_case_file(demo_db) == before and tab.ctx.undo_stack.count() == steps
