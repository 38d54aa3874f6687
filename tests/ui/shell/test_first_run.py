"""Kom i gang: an empty database's dashboard shows the first steps, each a button that does it, ticked
when done; or the demo data. Once the first placement exists, the dashboard is the usual one."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from placement_desk.db.engine import Database
from placement_desk.domain.roles import Role
from placement_desk.services.queries import list_citizens
from placement_desk.ui.citizen.citizen_dialog import NewCitizenDialog
from placement_desk.ui.citizen.placement_dialog import PlacementDialog
from placement_desk.ui.pages.companies import CompanyDialog
from placement_desk.ui.shell.main_window import MainWindow
from tests.ui.inputs import Inputs
from tests.ui.trust import danish, sign_in_as, when_modal

__all__ = ["danish"]


def window(qtbot: QtBot, db: Database) -> MainWindow:
    w = MainWindow(db, actor=db.principal.username if db.principal else "karin")
    qtbot.addWidget(w)
    w.resize(1280, 700)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: w.dashboard.loaded)  # the dashboard reads its tasks just after its first paint
    return w


def test_an_empty_database_shows_the_first_steps(qtbot: QtBot, db: Database, danish: None) -> None:
    w = window(qtbot, db)
    page = w.dashboard
    steps = page.checklist
    assert w.pages.currentWidget() is page and steps.isVisible()
    assert not page.table.isVisible() and not page.summary.isVisible()  # no "Intet venter. Godt klaret."
    assert [steps.steps[k].button.text() for k in ("company", "citizen", "placement", "demo")] == [
        "Ny virksomhed…",
        "Ny borger…",
        "Nyt forløb…",
        "Indlæs demodata",
    ]
    assert not any(steps.is_done(k) for k in ("company", "citizen", "placement"))
    assert steps.steps["company"].button.font().bold()  # the next step stands out
    assert not steps.steps["placement"].button.isEnabled()
    assert steps.steps["placement"].button.toolTip() == "Opret først en virksomhed og en borger."
    assert steps.steps["company"].button.accessibleDescription().endswith("Ikke gjort endnu")


def test_each_step_is_a_button_and_is_ticked_when_done(qtbot: QtBot, db: Database) -> None:
    w = window(qtbot, db)
    steps = w.dashboard.checklist
    inputs = Inputs(qtbot)

    inputs.click(steps.steps["company"].button)
    dialog = steps.dialog
    assert isinstance(dialog, CompanyDialog) and dialog.isVisible()
    inputs.type(dialog.name, "Cykelsmeden i Valby")
    dialog.save()
    assert steps.is_done("company") and not steps.is_done("citizen")
    assert steps.steps["citizen"].button.font().bold() and not steps.steps["company"].button.font().bold()

    inputs.click(steps.steps["citizen"].button)
    dialog = steps.dialog
    assert isinstance(dialog, NewCitizenDialog)
    inputs.type(dialog.name, "Anna Nielsen")
    inputs.type(dialog.ref, "AN")
    dialog.save()
    assert steps.is_done("citizen")
    assert steps.steps["citizen"].button.accessibleDescription().endswith("Done")
    placement = steps.steps["placement"].button
    assert placement.isEnabled() and placement.text() == "New placement for Anna Nielsen…"

    inputs.click(placement)
    dialog = steps.dialog
    assert isinstance(dialog, PlacementDialog) and dialog.citizen_ref == "AN"
    inputs.pick(dialog.company, "Cykelsmeden")
    inputs.type(dialog.hours, "2x3")
    dialog.save()
    assert not dialog.isVisible()
    assert list_citizens(db)[0].company == "Cykelsmeden i Valby"
    assert steps.isHidden() and w.dashboard.table.isVisibleTo(w.dashboard)  # the usual dashboard now
    assert w.pages.currentWidget() is w.citizen_page  # on to the citizen's placement
    assert w.citizen_page.tabs.currentWidget() is w.citizen_page.tab_by_key["placements"]


def test_or_try_the_demo_data(qtbot: QtBot, db: Database) -> None:
    w = window(qtbot, db)
    steps = w.dashboard.checklist
    seen: list[str] = []

    def answer(widget: QWidget) -> bool:
        if not isinstance(widget, QMessageBox):
            return False
        seen.append(widget.text())
        widget.accept()
        return True

    when_modal(answer)
    steps.steps["demo"].button.click()
    qtbot.waitUntil(lambda: bool(seen), timeout=120_000)
    assert steps.isHidden() and w.dashboard.model.rowCount() > 0
    assert len(list_citizens(db)) >= 5


def test_a_role_that_may_not_create_gets_the_reason(qtbot: QtBot, db: Database, danish: None) -> None:
    sign_in_as(db, Role.CASEWORKER, "sofie")
    w = window(qtbot, db)
    steps = w.dashboard.checklist
    for key in ("company", "citizen", "placement", "demo"):
        assert not steps.steps[key].button.isEnabled()
    assert steps.steps["company"].button.toolTip() == "Din rolle giver ikke adgang til dette."
