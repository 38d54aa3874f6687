"""Ending a referral or a placement records its outcome (issue 18): picked from the vocabulary with its
date and note, hiring for a placement; bad input is shown by its field; undo takes the outcome away."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from placement_desk.db.engine import Database
from placement_desk.services.casefile_io import export_case_file
from placement_desk.services.views import citizen_detail
from placement_desk.ui.citizen.placements_tab import EndPlacementDialog
from placement_desk.ui.citizen.referral_dialog import ReferralDialog
from placement_desk.ui.shell.context import UiContext


def _citizen(db: Database, ref: str) -> dict[str, object]:
    found: dict[str, object] = next(c for c in export_case_file(db, ref)["citizens"] if c["ref"] == ref)
    return found


def _pick(box: object, code: str) -> None:
    from PySide6.QtWidgets import QComboBox

    assert isinstance(box, QComboBox)
    box.setCurrentIndex(box.findData(code))


def test_stopping_a_referral_with_its_outcome_and_undo(qtbot: QtBot, demo_db: Database) -> None:
    ctx = UiContext(demo_db, actor="test")
    row = citizen_detail(demo_db, "Malthe").referrals[-1]
    dialog = ReferralDialog(ctx, "Malthe", "stop", row)
    qtbot.addWidget(dialog)
    assert not dialog.outcome.day.isEnabled()  # nothing chosen: no date or note asked for
    dialog.end.setText("20-11-2026")
    dialog.reason.setText("Overgår til ressourceforløb")
    _pick(dialog.outcome.kind, "resource_programme")
    assert dialog.outcome.day.isEnabled()
    dialog.outcome.day.setText("20-11-2026")
    dialog.outcome.note.setText("Besluttet på rehabiliteringsmødet")
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    referral = _citizen(demo_db, "Malthe")["referrals"][-1]  # type: ignore[index]
    assert referral["outcome"] == {"kind": "resource_programme", "date": "2026-11-20",
                                   "note": "Besluttet på rehabiliteringsmødet"}  # fmt: skip
    ctx.undo_stack.undo()
    assert "outcome" not in _citizen(demo_db, "Malthe")["referrals"][-1]  # type: ignore[index]


def test_ending_a_placement_with_hiring(qtbot: QtBot, demo_db: Database) -> None:
    ctx = UiContext(demo_db, actor="test")
    detail = citizen_detail(demo_db, "Malthe")
    placement = detail.citizen.placements[-1]
    dialog = EndPlacementDialog(ctx, placement, detail.placements[placement.ref].version)
    qtbot.addWidget(dialog)
    _pick(dialog.outcome.kind, "ordinary_hours")
    assert dialog.outcome.hours is not None and not dialog.outcome.hours.isEnabled()  # not hired yet
    assert dialog.outcome.hired is not None
    dialog.outcome.hired.setChecked(True)
    assert dialog.outcome.hours.isEnabled()
    dialog.end.setText("20-11-2026")
    dialog.outcome.day.setText("20-11-2026")
    dialog.outcome.hours.setText("12,5")
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    saved = next(p for p in _citizen(demo_db, "Malthe")["placements"] if p["ref"] == placement.ref)  # type: ignore[attr-defined]
    assert saved["outcome"] == {"kind": "ordinary_hours", "date": "2026-11-20", "note": None, "hired": True,
                                "hired_hours": 12.5}  # fmt: skip


def test_an_outcome_before_the_start_is_shown_by_its_field_and_nothing_is_saved(
    qtbot: QtBot, demo_db: Database
) -> None:
    ctx = UiContext(demo_db, actor="test")
    detail = citizen_detail(demo_db, "Malthe")
    placement = detail.citizen.placements[-1]
    before = export_case_file(demo_db, "Malthe")
    dialog = EndPlacementDialog(ctx, placement, detail.placements[placement.ref].version)
    qtbot.addWidget(dialog)
    _pick(dialog.outcome.kind, "stopped_by_company")
    dialog.end.setText("20-11-2026")
    dialog.outcome.day.setText("01-01-2020")
    dialog.save()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "ligger før forløbets start" in dialog.form.error_text("outcome_date")
    assert export_case_file(demo_db, "Malthe") == before


def test_the_outcome_shows_in_the_placements_table_and_on_the_overview(qtbot: QtBot, demo_db: Database) -> None:
    from tests.ui.citizen_tabs import open_tab

    tab = open_tab(qtbot, demo_db, "Thomas", "placements")
    column = next(c for c in range(tab.model.columnCount()) if tab.model.headerData(c, Qt.Orientation.Horizontal) == "Outcome")
    shown = [tab.model.index(r, column).data() for r in range(tab.model.rowCount())]
    assert "Løntilskud (27-09-2024), hired 30,00 t/week" in shown
    overview = open_tab(qtbot, demo_db, "Thomas", "overview")
    assert overview.referral_info.text().endswith("\u2192 Løntilskud (27-09-2024)")
