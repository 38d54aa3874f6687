"""Virksomhedens udtalelse: the workplace mentor writes a dated statement about a placement at their own
company from their Fremmøde window (never under a health heading), sees the ones given before, can undo it;
the consultant then finds it on the citizen's Beskrivelse tab as evidence under its heading."""

from __future__ import annotations

from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from placement_desk.db.engine import Database
from placement_desk.domain.errors import AccessDenied, NotFoundError
from placement_desk.domain.profile import Observation
from placement_desk.domain.roles import Role
from placement_desk.services import access, observations
from placement_desk.services.casefile_io import export_case_file
from placement_desk.services.observations import WorkplaceStatement
from placement_desk.services.queries import list_companies, list_placements
from placement_desk.ui.attendance.statement_dialog import StatementDialog
from placement_desk.ui.shell.main_window import MainWindow
from tests.ui.citizen_tabs import open_tab
from tests.ui.trust import danish, sign_in_as

__all__ = ["danish"]

TEXT = "Miriam tager selv fat i opgaverne ved kassen og spørger, når hun er i tvivl."


def bilka(db: Database) -> str:
    """The demo company with someone placed today (Miriam, 4 hours on Mondays)."""
    return next(c.ref for c in list_companies(db) if c.name.startswith("Bilka"))


def mentor_window(qtbot: QtBot, db: Database) -> MainWindow:
    sign_in_as(db, Role.WORKPLACE_MENTOR, "jens", bilka(db))
    w = MainWindow(db, actor="jens")
    qtbot.addWidget(w)
    w.resize(1280, 700)
    w.show()
    return w


def open_statement(w: MainWindow) -> StatementDialog:
    page = w.attendance
    assert page.statement_button.isEnabled() and page.model.rowCount() == 1
    page.table.setCurrentIndex(page.model.index(0, 0))
    page.statement_button.click()
    dialog = page.statement
    assert isinstance(dialog, StatementDialog) and dialog.isVisible()
    return dialog


def test_the_workplace_mentor_writes_a_statement_and_can_undo_it(qtbot: QtBot, demo_db: Database, danish: None) -> None:
    w = mentor_window(qtbot, demo_db)
    dialog = open_statement(w)
    placement = dialog.placement.placement
    headings = [dialog.heading.itemData(i) for i in range(dialog.heading.count())]
    assert headings == ["work_resources", "personal_resources", "challenges", "wishes", "benefit_history", "efforts"]
    assert dialog.windowTitle() == "Virksomhedens udtalelse · Miriam"
    assert dialog.earlier.text() == "<i>Ingen udtalelse givet endnu.</i>"
    dialog.text.setPlainText(TEXT)
    dialog.save()
    assert not dialog.isVisible()
    seen = observations.workplace_statements(demo_db, placement)
    assert [(o.day.isoformat(), o.heading, o.by, o.text) for o in seen] == [
        ("2026-11-23", "work_resources", "workplace_mentor", TEXT)]  # fmt: skip
    again = open_statement(w)  # the statement given shows above the next one
    assert TEXT in again.earlier.text() and "23-11-2026" in again.earlier.text()
    again.reject()
    w.ctx.undo_stack.undo()  # the workplace mentor's own undo removes it (their company, their statement)
    assert observations.workplace_statements(demo_db, placement) == []
    w.ctx.undo_stack.redo()
    assert [o.text for o in observations.workplace_statements(demo_db, placement)] == [TEXT]
    access.set_principal(demo_db, None)  # the consultant: the statement is evidence on the Beskrivelse tab
    tab = open_tab(qtbot, demo_db, "Miriam", "description")
    evidence = tab.blocks["work_resources"].evidence.text()
    assert TEXT in evidence and "23-11-2026 · Observation · Virksomhedsmentor" in evidence


@pytest.mark.parametrize(
    ("date_text", "text", "field", "message"),
    [
        ("24-11-2026", TEXT, "date", "Dato: 24-11-2026 ligger efter i dag"),
        ("24-13-2026", TEXT, "date", "Dato: 24-13-2026 er ikke en dato (dd-mm-åååå)"),
        ("23-11-2026", "   ", "text", "Udtalelse: skriv virksomhedens ord"),
    ],
)  # fmt: skip
def test_bad_input_is_named_in_danish_and_saves_nothing(
    qtbot: QtBot, demo_db: Database, danish: None, date_text: str, text: str, field: str, message: str
) -> None:
    before = export_case_file(demo_db)  # (read by the system: a workplace mentor exports nothing)
    w = mentor_window(qtbot, demo_db)
    dialog = open_statement(w)
    dialog.date.setText(date_text)
    dialog.text.setPlainText(text)
    dialog.save()
    assert dialog.isVisible() and dialog.form.error_text(field) == message
    access.set_principal(demo_db, None)
    assert export_case_file(demo_db) == before
    dialog.reject()


def test_a_workplace_mentor_removes_no_other_observation(demo_db: Database) -> None:
    own = observations.add_observation(demo_db, "Miriam", Observation(date(2026, 11, 20), "health", "consultant",
                                                                      "Hovedpine"))  # fmt: skip
    elsewhere = next(p for p in list_placements(demo_db) if not p.company.startswith("Bilka"))
    theirs = observations.add_workplace_statement(demo_db, elsewhere.ref, WorkplaceStatement(date(2026, 11, 20),
                                                  "work_resources", "Godt samarbejde"))  # fmt: skip
    sign_in_as(demo_db, Role.WORKPLACE_MENTOR, "jens", bilka(demo_db))
    with pytest.raises(NotFoundError):  # not a workplace statement: not theirs to remove
        observations.remove_workplace_statement(demo_db, own)
    with pytest.raises(AccessDenied):  # another company's statement
        observations.remove_workplace_statement(demo_db, theirs)
    access.set_principal(demo_db, None)
    kept = {r.id for c in ("Miriam", elsewhere.citizen_ref) for r in observations.list_observations(demo_db, c)}
    assert {own, theirs} <= kept
