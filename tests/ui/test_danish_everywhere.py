"""No English in the Danish UI (issue 13): Qt's own buttons, import summaries, the hours plan's errors,
the Forløb column heads and a role's refusal read Danish once the app's translators are installed,
and the English UI shows English where Danish used to be hard-coded."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from placement_desk.db.engine import Database
from placement_desk.domain.errors import AccessDenied
from placement_desk.services.casefile_io import ImportResult
from placement_desk.ui.kit.messages import set_language
from placement_desk.ui.shell.context import UiContext
from placement_desk.ui.shell.launch import install_translator
from tests.casefiles import case_file, ramp_down_citizen

TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources" / "translations"


def _installed(language: str) -> Iterator[None]:
    app = QCoreApplication.instance()
    assert app is not None
    before = set(app.findChildren(QTranslator))
    install_translator(app, TRANSLATIONS, language)
    yield
    for translator in set(app.findChildren(QTranslator)) - before:
        app.removeTranslator(translator)
        translator.setParent(None)
    set_language("da")


@pytest.fixture
def danish_ui(qapp: QApplication) -> Iterator[None]:
    """The app's own start-up translators for Danish (Qt's and the app's)."""
    yield from _installed("da")


@pytest.fixture
def english_ui(qapp: QApplication) -> Iterator[None]:
    yield from _installed("en")


def test_qt_standard_buttons_are_danish(qtbot: QtBot, danish_ui: None) -> None:
    box = QMessageBox(QMessageBox.Icon.Question, "Spørgsmål", "Gem ændringerne?",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)  # fmt: skip
    qtbot.addWidget(box)
    yes = box.button(QMessageBox.StandardButton.Yes)
    no = box.button(QMessageBox.StandardButton.No)
    assert yes is not None and no is not None
    assert (yes.text().replace("&", ""), no.text().replace("&", "")) == ("Ja", "Nej")
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(buttons)
    save = buttons.button(QDialogButtonBox.StandardButton.Save)
    cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert save is not None and cancel is not None
    assert (save.text().replace("&", ""), cancel.text().replace("&", "")) == ("Gem", "Annuller")


def test_qt_standard_buttons_stay_english_in_the_english_ui(qtbot: QtBot, english_ui: None) -> None:
    box = QMessageBox(QMessageBox.Icon.Question, "Question", "Save?",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)  # fmt: skip
    qtbot.addWidget(box)
    yes = box.button(QMessageBox.StandardButton.Yes)
    assert yes is not None and yes.text().replace("&", "") == "Yes"


def test_the_import_summary_is_danish(qtbot: QtBot, db: Database, tmp_path: Path, danish_ui: None) -> None:
    from tests.ui.test_casefile_import_ui import _import

    doc = case_file(ramp_down_citizen())
    doc["citizens"][0]["placements"][0]["attendance"][1]["hours"] = 0.62
    source = tmp_path / "sheet.json"
    source.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    text = _import(qtbot, db, source)
    assert text == "2 virksomheder oprettet, 1 forløb oprettet, 1 borger oprettet, 1 timeværdi afrundet til hele minutter"
    assert "created" not in text and "rounded" not in text


def test_import_summaries_count_in_danish(danish_ui: None) -> None:
    from placement_desk.ui.shell.work import summary

    result = ImportResult(created={"companies": [f"C{i}" for i in range(13)], "citizens": ["Malthe"]},
                          updated={"placements": ["P1", "P2"]}, rounded=3)  # fmt: skip
    assert result.describe().startswith("13 companies created")  # the command line's text is unchanged
    assert summary(result) == ("13 virksomheder oprettet, 1 borger oprettet, 2 forløb opdateret, "
                               "3 timeværdier afrundet til hele minutter")  # fmt: skip
    assert summary(ImportResult()) == "intet ændret"


def test_the_import_summary_is_english_in_the_english_ui(english_ui: None) -> None:
    from placement_desk.ui.shell import work

    result = ImportResult(created={"companies": [f"C{i}" for i in range(13)]}, rounded=1)
    assert work.summary(result) == "13 companies created, 1 hours value rounded to the whole minute"


def test_an_hours_plan_error_in_the_new_placement_dialog_is_danish(
    qtbot: QtBot, demo_db: Database, danish_ui: None
) -> None:
    from placement_desk.ui.citizen.placement_dialog import PlacementDialog

    dialog = PlacementDialog(UiContext(demo_db, actor="test"), "Malthe")
    qtbot.addWidget(dialog)
    dialog.hours.setText("2x25")
    preview = dialog.plan.preview.text()
    assert "en dag skal have mellem 0 og 24 timer" in preview
    assert "a day must have" not in preview
    assert not dialog.form.validate()
    error = dialog.form.errors["hours"].text()
    assert "en dag skal have mellem 0 og 24 timer" in error and "between" not in error


def test_the_placements_page_column_heads_are_danish(qtbot: QtBot, demo_db: Database, danish_ui: None) -> None:
    from placement_desk.ui.pages.placements import PlacementsPage

    page = PlacementsPage(UiContext(demo_db, actor="test"))
    qtbot.addWidget(page)
    heads = [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(page.model.columnCount())]
    assert heads == ["Borger", "Ref.", "Virksomhed", "Type", "Start", "Slut", "Timer/uge", "Virksomhedsmentor", "Udfald"]
    page.refresh()
    thomas = [page.model.index(r, 8).data() for r in range(page.model.rowCount())
              if page.model.row_at(r).citizen_ref == "Thomas"]  # fmt: skip
    assert "Løntilskud" in thomas  # the outcome recorded when the placement ended


def test_the_placements_page_column_heads_are_english_in_the_english_ui(
    qtbot: QtBot, demo_db: Database, english_ui: None
) -> None:
    from placement_desk.ui.pages.placements import PlacementsPage

    page = PlacementsPage(UiContext(demo_db, actor="test"))
    qtbot.addWidget(page)
    heads = [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(page.model.columnCount())]
    assert heads[0] == "Citizen" and heads[-2:] == ["Workplace mentor", "Outcome"]


def test_a_roles_refusal_is_danish_and_names_no_role_code(qtbot: QtBot, demo_db: Database, danish_ui: None) -> None:
    from placement_desk.ui.citizen.placement_dialog import PlacementDialog

    dialog = PlacementDialog(UiContext(demo_db, actor="test"), "Malthe")
    qtbot.addWidget(dialog)
    refusal = AccessDenied("create a placement", "workplace_mentor")
    assert str(refusal).startswith("Your role (workplace_mentor) does not allow this")  # logs keep English
    dialog.form.show_error(refusal)
    text = dialog.form.general_error.text()
    assert text == "Din rolle giver ikke adgang til dette."
    assert "workplace_mentor" not in text and "Your role" not in text


def test_a_roles_refusal_is_english_in_the_english_ui(qtbot: QtBot, demo_db: Database, english_ui: None) -> None:
    from placement_desk.ui.citizen.placement_dialog import PlacementDialog

    dialog = PlacementDialog(UiContext(demo_db, actor="test"), "Malthe")
    qtbot.addWidget(dialog)
    dialog.form.show_error(AccessDenied("create a placement", "workplace_mentor"))
    assert dialog.form.general_error.text() == "Your role does not allow this."


def test_a_reworded_english_message_still_reads_danish_next_to_its_field(
    qtbot: QtBot, demo_db: Database, danish_ui: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The UI translates the code, not the English words: rewording the English text (for the log and
    the command line) cannot make the Danish UI fall back to English."""
    from placement_desk.domain import errors
    from placement_desk.ui.citizen.placement_dialog import PlacementDialog

    monkeypatch.setitem(errors.MESSAGES, "not_a_contact", "{mentor} does not work at {company}")
    exc = errors.ValidationError("workplace_mentor", code="not_a_contact", mentor="Jens Hansen", company="Bageriet")
    assert exc.message == "Jens Hansen does not work at Bageriet"
    dialog = PlacementDialog(UiContext(demo_db, actor="test"), "Malthe")
    qtbot.addWidget(dialog)
    dialog.form.show_error(exc)
    assert dialog.form.errors["workplace_mentor"].text() == "Jens Hansen er ikke kontaktperson hos Bageriet"


def test_no_format_chosen_for_a_document_reads_danish(
    qtbot: QtBot, demo_db: Database, tmp_path: Path, danish_ui: None
) -> None:
    from placement_desk.ui.shell.main_window import MainWindow

    w = MainWindow(demo_db)
    qtbot.addWidget(w)
    w.open_citizen("DC", "documents")
    tab = w.citizen_page.tab_by_key["documents"]
    for box in tab.formats.values():
        box.setChecked(False)
    assert tab.export(issue=False, folder=str(tmp_path)) is None
    assert tab.form.error_text("formats") == "vælg mindst ét format"


def test_a_refused_buttons_reason_is_english_in_the_english_ui(qtbot: QtBot, db: Database, english_ui: None) -> None:
    from placement_desk.domain.roles import Role
    from tests.ui.shell.test_first_run import window
    from tests.ui.trust import sign_in_as

    sign_in_as(db, Role.CASEWORKER, "sofie")
    w = window(qtbot, db)
    button = w.dashboard.checklist.steps["company"].button
    assert not button.isEnabled() and button.toolTip() == "Your role does not allow this."


def test_the_hours_plan_tab_says_a_days_hours_in_danish(qtbot: QtBot, db: Database, danish_ui: None) -> None:
    from placement_desk.services.casefile_io import import_case_file
    from tests.ui.citizen_tabs import open_tab

    import_case_file(db, case_file(ramp_down_citizen()))
    tab = open_tab(qtbot, db, "DC", "schedule")
    qtbot.keyClicks(tab.hours, "2x25")
    assert tab.form.error_text("hours") == "en dag skal have mellem 0 og 24 timer"
    tab.hours.clear()
    qtbot.keyClicks(tab.hours, "søn-xyz 8-12")
    assert tab.form.error_text("hours") == "ukendt ugedag 'xyz'"
