"""qtmodeltester over the table models not covered by their page tests."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from placement_desk.db.engine import Database
from placement_desk.ui.shell.main_window import MainWindow


def test_company_and_citizen_tab_models(qtbot: QtBot, demo_db: Database, qtmodeltester: object) -> None:
    w = MainWindow(demo_db)
    qtbot.addWidget(w)
    w.show_page("companies")
    w.companies.select("co-saxo-genbrug")
    panel = w.companies.detail_panel
    assert panel.contacts.rowCount() >= 1 and panel.placements.rowCount() >= 2
    qtmodeltester.check(panel.contacts)  # type: ignore[attr-defined]
    qtmodeltester.check(panel.placements)  # type: ignore[attr-defined]
    w.open_citizen("DC", "placements")
    placements = w.citizen_page.tab_by_key["placements"].model
    accommodations = w.citizen_page.tab_by_key["accommodations"].model
    assert placements.rowCount() == 3 and accommodations.rowCount() >= 4
    qtmodeltester.check(placements)  # type: ignore[attr-defined]
    qtmodeltester.check(accommodations)  # type: ignore[attr-defined]
