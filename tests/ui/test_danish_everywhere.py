"""No English in the Danish UI (issue 13): Qt's own buttons, import summaries, the hours plan's errors,
the Forløb column heads and a role's refusal read Danish once the app's translators are installed,
and the English UI shows English where Danish used to be hard-coded."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTableView,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from placement_desk.db.engine import Database
from placement_desk.domain import casefile as cf
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


# ---- one language at a time: the attendance sheet, the erase dialog and the main screens -----------------

# Words that give Danish away in an English text, and English in a Danish one (whole words; æøå always).
DANISH_WORDS = re.compile(
    r"[æøåÆØÅ]|\b(og|ikke|er|en|et|af|til|fra|med|fejl|arket|række|intet|gemt|timer|mangler|skriv|vælg|"
    r"forløb|dato|borger\w*|virksomhed\w*|ny|nyt|uge|dage|Mødt|Syg|Udeblevet|Aftalt|fravær)\b",
    re.IGNORECASE,
)
ENGLISH_WORDS = re.compile(
    r"\b(the|and|of|is|not|with|errors?|sheet|row|saved|nothing|hours|write|choose|placement|citizen|"
    r"company|new|save|cancel|search|show|week|days?|present|sick|agreed|absence|no-show|edit)\b",
    re.IGNORECASE,
)


def _sheet_with_errors(db: Database) -> bytes:
    """The March 2023 sheet of co-saxo, filled in with a bad row of each kind a mentor makes."""
    from tests.export.sheet_helpers import fill, make, save, seed

    seed(db)
    wb, ws, rows = make(db)
    fill(ws, rows[2], hours=4, status="Mødt")  # good
    fill(ws, rows[6], status="Sygg")  # not a status of the sheet
    fill(ws, rows[8], reason="Migræne")  # a reason without a status
    fill(ws, rows[10], hours=4, status="Syg")  # sick with hours
    fill(ws, rows[15], placement="ZZ-9", status="Syg")  # not a placement of the company
    return save(wb)


def _read_sheet(qtbot: QtBot, db: Database, content: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """What the Fremmøde page's "Read a filled-in sheet…" says about the file (the warning box's text)."""
    from datetime import date

    from placement_desk.ui.attendance import sheets

    shown: list[str] = []
    monkeypatch.setattr(sheets.QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    monkeypatch.setattr(sheets.QMessageBox, "information", lambda _parent, _title, text: shown.append(text))
    path = tmp_path / "ark.xlsx"
    path.write_bytes(content)
    buttons = sheets.SheetButtons(UiContext(db, actor="test"), lambda: "co-saxo", lambda: date(2023, 3, 1))
    qtbot.addWidget(buttons)
    assert buttons.read_sheet(str(path)) is None  # nothing written
    assert len(shown) == 1
    return shown[0]


def test_the_attendance_sheets_row_errors_are_english_in_the_english_ui(
    qtbot: QtBot, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, english_ui: None
) -> None:
    from tests.export.sheet_helpers import make

    content = _sheet_with_errors(db)
    rows = make(db)[2]
    text = _read_sheet(qtbot, db, content, tmp_path, monkeypatch)
    assert text.splitlines() == [
        "Nothing was saved.",
        "",
        "4 error(s) in the sheet; nothing was saved:",
        f"row {rows[6]}, Status: 'Sygg' is not one of the sheet's statuses (choose one in the list)",
        f"row {rows[8]}, Status: choose a status when the row has a reason or a note",
        f"row {rows[10]}, Hours: Sick with hours: write 0 or leave the hours empty (if the citizen went home, "
        "choose present with the hours they were there, and write the reason)",
        f"row {rows[15]}, Placement: ZZ-9 is not a placement at the company in the month",
    ]
    assert not DANISH_WORDS.search(text.replace("'Sygg'", "")), text  # the mentor's own typing is quoted


def test_the_attendance_sheets_row_errors_are_danish_in_the_danish_ui(
    qtbot: QtBot, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, danish_ui: None
) -> None:
    from tests.export.sheet_helpers import make

    content = _sheet_with_errors(db)
    rows = make(db)[2]
    text = _read_sheet(qtbot, db, content, tmp_path, monkeypatch)
    assert text.splitlines()[2:] == [
        "4 fejl i arket; intet er gemt:",
        f"række {rows[6]}, Status: 'Sygg' er ikke en af Mødt, Syg, Aftalt fravær, Udeblevet",
        f"række {rows[8]}, Status: vælg en status, når der står en årsag eller bemærkning",
        f"række {rows[10]}, Timer: Syg og timer: skriv 0 eller lad Timer stå tom (gik borgeren hjem, så vælg "
        "Mødt med de timer, borgeren var der, og skriv årsagen)",
        f"række {rows[15]}, Forløb: ZZ-9 er ikke et forløb hos virksomheden i måneden",
    ]
    assert not ENGLISH_WORDS.search(text), text


def test_a_future_days_status_and_a_date_are_written_in_the_uis_language(english_ui: None) -> None:
    """A status given as its code reads as the UI names it, and a date the UI's way."""
    from placement_desk.domain.attendance_sheet import SheetRowError
    from placement_desk.ui.kit.messages import set_language, sheet_error

    exc = SheetRowError(12, "Status", code="sheet_future_status", day="2027-01-04", status="sick")
    assert str(exc) == "række 12, Status: 04-01-2027 er efter i dag: kun Aftalt fravær kan skrives på forhånd, ikke Syg"
    assert sheet_error(exc) == "row 12, Status: 2027-01-04 is after today: only agreed absence can be entered ahead, not Sick"
    set_language("da")
    assert sheet_error(exc) == str(exc)


def test_the_attendance_sheets_summary_is_in_the_uis_language(qtbot: QtBot, db: Database, english_ui: None) -> None:
    from datetime import date

    from placement_desk.services.attendance_sheet import SheetChange, SheetResult, SheetReview
    from placement_desk.ui.attendance.sheets import SheetButtons

    buttons = SheetButtons(UiContext(db, actor="test"), lambda: None, lambda: date(2023, 3, 1))
    qtbot.addWidget(buttons)
    day = SheetChange(12, "DC-1", "D. C.", date(2023, 3, 2), cf.Attendance(date(2023, 3, 2), "present", 240))
    result = SheetResult(SheetReview("co-saxo", "2023-03", unchanged=3, rounded=2), written=[day, day])
    assert buttons.summary(result) == (
        "2 new days saved, 0 overwritten, 3 unchanged, 0 conflicts not overwritten; "
        "the hours in 2 rows were rounded to the whole minute"
    )
    assert result.describe().startswith("2 nye dage gemt")  # the command line reports on the sheet in Danish


def test_the_attendance_sheets_summary_is_danish_in_the_danish_ui(qtbot: QtBot, db: Database, danish_ui: None) -> None:
    from datetime import date

    from placement_desk.services.attendance_sheet import SheetResult, SheetReview
    from placement_desk.ui.attendance.sheets import SheetButtons

    buttons = SheetButtons(UiContext(db, actor="test"), lambda: None, lambda: date(2023, 3, 1))
    qtbot.addWidget(buttons)
    result = SheetResult(SheetReview("co-saxo", "2023-03", unchanged=3, rounded=1))
    assert buttons.summary(result) == (
        "0 nye dage gemt, 0 overskrevet, 3 uændrede, 0 konflikter ikke overskrevet; "
        "timerne i 1 rækker er afrundet til hele minutter"
    )


@pytest.mark.parametrize(("language", "expected"), [
    ("en", "must not contain the citizen's name, CPR number or ref"),
    ("da", "må ikke indeholde borgerens navn, CPR-nummer eller reference"),
])  # fmt: skip
def test_the_erase_dialogs_reason_error_is_in_the_uis_language(
    qtbot: QtBot, demo_db: Database, qapp: QApplication, language: str, expected: str
) -> None:
    """The dialog shows the service's coded error, not an English text it recognised by its words."""
    from placement_desk.services.queries import list_citizens
    from placement_desk.ui.pages.privacy import EraseDialog

    citizen = next(c for c in list_citizens(demo_db) if c.ref == "DC")
    for _ in _installed(language):
        dialog = EraseDialog(UiContext(demo_db, actor="test"), "DC", citizen.name)
        qtbot.addWidget(dialog)
        dialog.confirm.setText("DC")
        dialog.reason.setText(f"Anmodning fra {citizen.name}")
        dialog.save()
        assert dialog.result() == 0 and dialog.report is None  # refused: nothing erased
        assert dialog.form.error_text("reason") == expected


def _chrome(root: QWidget) -> list[str]:
    """The texts a screen itself writes (not the data it shows): buttons, group titles, labels, tabs,
    column heads, placeholders, tooltips."""
    out: list[str] = []
    for w in [root, *root.findChildren(QWidget)]:
        if isinstance(w, QAbstractButton):
            out.append(w.text())
        elif isinstance(w, QGroupBox):
            out.append(w.title())
        elif isinstance(w, QLabel):
            out.append(w.text())
        elif isinstance(w, QLineEdit):
            out.append(w.placeholderText())
        if isinstance(w, QTabWidget):
            out += [w.tabText(i) for i in range(w.count())]
        if isinstance(w, QTableView) and w.model() is not None:
            model = w.model()
            out += [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(model.columnCount())]
        out.append(w.toolTip())
    return [t for t in out if t.strip()]


def _main_screens(qtbot: QtBot, db: Database) -> dict[str, list[str]]:
    from placement_desk.ui.shell.main_window import MainWindow

    w = MainWindow(db, actor="test")
    qtbot.addWidget(w)
    screens = {}
    for key in w.keys:
        w.show_page(key)
        if key == "dashboard":
            w.dashboard.refresh()  # not shown, so never painted: its tasks read here
        screens[key] = _chrome(w.page(key))
    screens["window"] = [w.nav.item(i).text() for i in range(w.nav.count())]
    return screens


def test_the_main_screens_show_no_danish_in_the_english_ui(qtbot: QtBot, demo_db: Database, english_ui: None) -> None:
    screens = _main_screens(qtbot, demo_db)
    assert len(screens) == 11 and all(screens.values())
    found = {key: [t for t in texts if DANISH_WORDS.search(t)] for key, texts in screens.items()}
    assert {key: texts for key, texts in found.items() if texts} == {}


def test_the_main_screens_show_no_english_in_the_danish_ui(qtbot: QtBot, demo_db: Database, danish_ui: None) -> None:
    screens = _main_screens(qtbot, demo_db)
    assert len(screens) == 11 and all(screens.values())
    found = {key: [t for t in texts if ENGLISH_WORDS.search(t)] for key, texts in screens.items()}
    assert {key: texts for key, texts in found.items() if texts} == {}


def test_a_cells_problem_on_the_sheet_is_english_in_the_english_ui(
    qtbot: QtBot, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, english_ui: None
) -> None:
    from tests.export.sheet_helpers import fill, make, save, seed

    seed(db)
    wb, ws, rows = make(db)
    fill(ws, rows[7], hours=30, status="Mødt")  # more hours than a day has
    text = _read_sheet(qtbot, db, save(wb), tmp_path, monkeypatch)
    assert f"row {rows[7]}, Hours:" in text
    assert not DANISH_WORDS.search(text), text
    assert "30 hours is not between 0 and 24" in text


@pytest.mark.parametrize(("language", "expected"), [
    ("en", "the file is not an Excel sheet (.xlsx), or it is damaged"),
    ("da", "filen er ikke et Excel-ark (.xlsx), eller den er beskadiget"),
])  # fmt: skip
def test_a_file_that_is_no_sheet_is_refused_in_the_uis_language(
    qtbot: QtBot, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: QApplication,
    language: str, expected: str,
) -> None:  # fmt: skip
    for _ in _installed(language):
        text = _read_sheet(qtbot, db, b"PK\x03\x04 not a zip at all", tmp_path, monkeypatch)
        assert text.splitlines()[-1] == expected


def test_a_changed_heading_row_and_a_formula_are_english_in_the_english_ui(
    qtbot: QtBot, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, english_ui: None
) -> None:
    from placement_desk.export.excel_attendance import HEADER_ROW
    from tests.export.sheet_helpers import fill, make, save, seed

    seed(db)
    wb, ws, rows = make(db)
    fill(ws, rows[3], hours="=2+2", status="Mødt")
    formula = _read_sheet(qtbot, db, save(wb), tmp_path, monkeypatch)
    assert f"row {rows[3]}, Hours: holds a formula; write the value itself (formulas are not read)" in formula
    ws.cell(row=HEADER_ROW, column=1, value="Dag")
    headings = _read_sheet(qtbot, db, save(wb), tmp_path, monkeypatch)
    changed = "the column headings have been changed; use the sheet as it was sent"
    assert headings.splitlines()[-1] == f"row {HEADER_ROW}: {changed}"
    assert not DANISH_WORDS.search(formula + headings), formula + headings


# ---- vocabulary, hours and weeks in the UI's language -----------------------------------------------------


# A placement's hours now, e.g. "2 × 4 h + 1 × 2.5 h = 10.5 h (Mon, Wed, Fri)" / "... t (man, ons, fre)".
WEEK_IN_ENGLISH = r"\d+ × [\d.]+ h( \+ \d+ × [\d.]+ h)* = [\d.]+ h \(((Mon|Tue|Wed|Thu|Fri|Sat|Sun)(, )?)+\)"
WEEK_IN_DANISH = r"\d+ × [\d,]+ t( \+ \d+ × [\d,]+ t)* = [\d,]+ t \(((man|tir|ons|tor|fre|lør|søn)(, )?)+\)"


def _citizen_tabs(qtbot: QtBot, db: Database) -> dict[str, list[str]]:
    """What the placements, follow-ups, goals and hours-plan tabs of D. C. show of their data."""
    from placement_desk.services.casefile_io import import_case_file
    from tests.ui.citizen_tabs import open_tab

    import_case_file(db, case_file(ramp_down_citizen()))
    placements = open_tab(qtbot, db, "DC", "placements")
    model = placements.model
    followups = open_tab(qtbot, db, "DC", "followup")
    goals = open_tab(qtbot, db, "DC", "goals")
    schedule = open_tab(qtbot, db, "DC", "schedule")
    return {
        "placements": [str(model.index(r, c).data()) for r in range(model.rowCount()) for c in (1, 2)],
        "hours now": [str(model.index(r, 4).data()) for r in range(model.rowCount())],
        "followups": [followups.list.item(i).text() for i in range(followups.list.count())],
        "goals": [goals.tree.topLevelItem(i).text(0) for i in range(goals.tree.topLevelItemCount())],
        "hours": [str(schedule.model.index(r, c).data()) for r in range(schedule.model.rowCount())
                  for c in range(schedule.model.columnCount())],
    }  # fmt: skip


def test_a_citizens_tabs_show_english_vocabulary_and_hours_in_the_english_ui(
    qtbot: QtBot, db: Database, english_ui: None
) -> None:
    shown = _citizen_tabs(qtbot, db)
    assert shown["placements"][:2] == ["Internal training", "Work capacity assessment"]
    assert any(t.endswith("Three-party meeting") for t in shown["followups"]), shown["followups"]
    assert any(t.endswith("Start-up meeting") for t in shown["followups"]), shown["followups"]
    assert "Health" in shown["goals"]
    assert any(re.fullmatch(r"\d+\.\d\d h", t) for t in shown["hours"]), shown["hours"]
    assert any(re.fullmatch(WEEK_IN_ENGLISH, t) for t in shown["hours now"]), shown["hours now"]
    texts = shown["placements"] + shown["followups"] + shown["goals"] + shown["hours now"]
    assert not [t for t in texts if DANISH_WORDS.search(t)]


def test_a_citizens_tabs_keep_the_danish_vocabulary_in_the_danish_ui(
    qtbot: QtBot, db: Database, danish_ui: None
) -> None:
    shown = _citizen_tabs(qtbot, db)
    assert shown["placements"][:2] == ["Intern træningsbane", "Afklaring af arbejdsevne"]
    assert any(t.endswith("Trepartsmøde") for t in shown["followups"]), shown["followups"]
    assert "Helbred" in shown["goals"]
    assert any(re.fullmatch(r"\d+,\d\d t", t) for t in shown["hours"]), shown["hours"]
    assert any(re.fullmatch(WEEK_IN_DANISH, t) for t in shown["hours now"]), shown["hours now"]


def test_a_failed_restore_says_why_in_the_uis_language(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch, english_ui: None
) -> None:
    from placement_desk.domain.errors import ValidationError
    from placement_desk.services import backup
    from placement_desk.ui.shell import work
    from placement_desk.ui.shell.main_window import MainWindow

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise ValidationError("code", code="required")

    shown: list[str] = []
    monkeypatch.setattr(backup, "restore_backup", refuse)
    monkeypatch.setattr(work.QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(work.QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    w = MainWindow(db)
    qtbot.addWidget(w)
    assert not w.work.restore("backup.db")
    assert shown == ["Nothing was changed.\n\nRecovery code: is required"]


def test_the_usual_reasons_read_english_in_the_english_ui_and_are_stored_danish(
    qtbot: QtBot, english_ui: None
) -> None:
    from datetime import date

    from placement_desk.ui.kit.reason_picker import ReasonPicker

    record = cf.Attendance(date(2023, 3, 2), "sick", 0, "Barn syg")
    picker = ReasonPicker(date(2023, 3, 2), "sick", 240, record, used_reasons=["Tandpine"])
    qtbot.addWidget(picker)
    shown = [picker.reason.itemText(i) for i in range(picker.reason.count())]
    assert shown[:2] == ["Migraine", "Flu"] and shown[-1] == "Tandpine"  # the placement's own reason as typed
    assert picker.reason.currentText() == "Sick child"
    assert picker.fields()["reason"] == "Barn syg"  # the figures group absence by the stored Danish word
    picker.reason.setEditText("migraine")
    assert picker.fields()["reason"] == "Migræne"


def test_a_week_of_hours_reads_in_the_uis_language_and_stays_danish_in_documents(english_ui: None) -> None:
    from placement_desk.domain.hours_text import describe_week
    from placement_desk.ui.kit.formatting import fmt_week_hours

    week = (240, 0, 240, 0, 150, 0, 0)
    assert fmt_week_hours(week) == "2 × 4 h + 1 × 2.5 h = 10.5 h (Mon, Wed, Fri)"
    assert describe_week(week) == "2 × 4 t + 1 × 2,5 t = 10,5 t (man, ons, fre)"  # what a document writes
    set_language("da")
    assert fmt_week_hours(week) == "2 × 4 t + 1 × 2,5 t = 10,5 t (man, ons, fre)"


def _restore_a_changed_backup(qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch) -> tuple[list[str], str]:
    """Restore (File → Restore a backup…) a backup whose file was changed after it was made: what the
    warning says, and the backup's file name."""
    from placement_desk.services import backup
    from placement_desk.ui.shell import work
    from placement_desk.ui.shell.main_window import MainWindow

    made = backup.make_backup(db)
    with made.path.open("ab") as f:
        f.write(b"\0" * 1024)  # one changed byte would do: its checksum no longer matches
    shown: list[str] = []
    monkeypatch.setattr(work.QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(work.QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    w = MainWindow(db)
    qtbot.addWidget(w)
    assert not w.work.restore(str(made.path))
    return shown, made.path.name


def test_a_changed_backup_is_refused_in_english_in_the_english_ui(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch, english_ui: None
) -> None:
    shown, name = _restore_a_changed_backup(qtbot, db, monkeypatch)
    assert shown == [f"Nothing was changed.\n\n{name} was changed or damaged after it was made (its checksum differs)"]


def test_a_changed_backup_is_refused_in_danish_in_the_danish_ui(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch, danish_ui: None
) -> None:
    shown, name = _restore_a_changed_backup(qtbot, db, monkeypatch)
    assert shown == [
        f"Intet blev ændret.\n\n{name} er ændret eller beskadiget, efter den blev lavet (kontrolsummen passer ikke)"
    ]


class _StartupBox:
    """The start-up dialog, answered "Restore backup"; its warnings are kept."""

    Icon, ButtonRole = QMessageBox.Icon, QMessageBox.ButtonRole
    warnings: list[str] = []

    def __init__(self, _parent: object = None) -> None:
        self.buttons: list[str] = []

    def setIcon(self, _icon: object) -> None: ...
    def setWindowTitle(self, _title: str) -> None: ...
    def setText(self, _text: str) -> None: ...
    def exec(self) -> int:
        return 0

    def addButton(self, text: str, _role: object) -> str:
        self.buttons.append(text)
        return text

    def clickedButton(self) -> str:
        return self.buttons[0]

    @classmethod
    def warning(cls, _parent: object, _title: str, text: str) -> None:
        cls.warnings.append(text)


def _restore_at_startup_while_in_use(db: Database, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The start-up check found the database damaged, the user chose the newest good backup, and the
    restore was refused because another window holds the database: what the user is told."""
    from placement_desk.services import backup
    from placement_desk.ui.shell import startup

    backup.make_backup(db)

    def in_use(*_args: object) -> None:
        raise backup.BackupError(code="backup_in_use")

    monkeypatch.setattr(backup, "restore_backup", in_use)
    monkeypatch.setattr(startup, "QMessageBox", _StartupBox)
    monkeypatch.setattr(_StartupBox, "warnings", [])
    assert not startup.offer_restore(db)
    return _StartupBox.warnings


def test_a_refused_restore_at_startup_says_why_in_english(
    db: Database, monkeypatch: pytest.MonkeyPatch, english_ui: None
) -> None:
    assert _restore_at_startup_while_in_use(db, monkeypatch) == [
        "The backup could not be restored.\n\n"
        "the database is in use: close other Placement Desk windows and try again"
    ]


def test_a_refused_restore_at_startup_says_why_in_danish(
    db: Database, monkeypatch: pytest.MonkeyPatch, danish_ui: None
) -> None:
    assert _restore_at_startup_while_in_use(db, monkeypatch) == [
        "Sikkerhedskopien kunne ikke gendannes.\n\ndatabasen er i brug: luk andre Placement Desk-vinduer, og prøv igen"
    ]


def _back_up_on_a_full_disk(qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """File → Back up when the backups folder has no room: what the warning says."""
    from placement_desk.services import backup
    from placement_desk.ui.shell import work
    from placement_desk.ui.shell.main_window import MainWindow

    def full(*_args: object, **_kwargs: object) -> None:
        raise backup.BackupError(code="backup_failed", folder="/backups", reason="[Errno 28] No space left on device")

    shown: list[str] = []
    monkeypatch.setattr(backup, "make_backup", full)
    monkeypatch.setattr(work.QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    w = MainWindow(db)
    qtbot.addWidget(w)
    worker = w.work.back_up()
    assert worker is not None
    qtbot.waitUntil(lambda: bool(shown))
    return shown


def test_a_failed_backup_says_why_in_english(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch, english_ui: None
) -> None:
    assert _back_up_on_a_full_disk(qtbot, db, monkeypatch) == [
        "Nothing was changed.\n\nthe backup to /backups failed: [Errno 28] No space left on device"
    ]


def test_a_failed_backup_says_why_in_danish(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch, danish_ui: None
) -> None:
    assert _back_up_on_a_full_disk(qtbot, db, monkeypatch) == [
        "Intet blev ændret.\n\nsikkerhedskopien til /backups mislykkedes: [Errno 28] No space left on device"
    ]


def test_an_attendance_undo_text_is_danish_in_the_danish_ui(qapp: object) -> None:
    from PySide6.QtCore import QCoreApplication, QTranslator

    from placement_desk.app import resource_path

    translator = QTranslator()
    assert translator.load(str(resource_path("translations", "placement_desk_da.qm")))
    QCoreApplication.installTranslator(translator)
    try:
        for source in ("Attendance %1: %2", "Clear attendance %1", "Week %1 as planned", "All as planned %1"):
            assert QCoreApplication.translate("Attendance", source) != source, source
    finally:
        QCoreApplication.removeTranslator(translator)
