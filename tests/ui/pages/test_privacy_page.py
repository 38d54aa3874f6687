"""Databeskyttelse: the retention list, the data-subject export and erasure through the confirmation dialog."""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from placement_desk.db.engine import Database
from placement_desk.domain.errors import NotFoundError
from placement_desk.domain.roles import Principal, Role
from placement_desk.services import access, views
from placement_desk.ui.pages.privacy import EraseDialog, PrivacyPage
from placement_desk.ui.shell.context import UiContext

ON = date(2026, 11, 23)


@pytest.fixture
def page(qtbot: QtBot, demo_db: Database) -> Iterator[PrivacyPage]:
    access.set_principal(demo_db, Principal("admin", "Admin", Role.ADMINISTRATOR))
    ctx = UiContext(demo_db, "admin")
    widget = PrivacyPage(ctx)
    widget.on = ON
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    access.set_principal(demo_db, None)


def when_modal(handle: Callable[[QWidget], bool]) -> list[str]:
    """Call ``handle`` with each modal widget that shows up until it returns True; returns what it saw."""
    seen: list[str] = []

    def poll() -> None:
        modal = QApplication.activeModalWidget()
        if modal is not None:
            seen.append(modal.text() if isinstance(modal, QMessageBox) else type(modal).__name__)
            if handle(modal):
                return
        QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    return seen


def ok_box(modal: QWidget) -> bool:
    if isinstance(modal, QMessageBox):
        modal.accept()
        return True
    return False


def test_lists_the_candidates_for_the_pinned_date(qtbot: QtBot, page: PrivacyPage) -> None:
    assert page.years.value() == 5
    assert page.rows() == []
    page.years.setValue(2)
    assert [r.ref for r in page.rows()] == ["SA", "DC", "TE"]
    assert page.model.index(0, 2).data() == "19-04-2024"
    assert page.model.index(0, 1).data() == "S. A."
    page.years.setValue(1)
    assert [r.ref for r in page.rows()][:3] == ["SA", "DC", "TE"]
    assert len(page.rows()) == 7
    page.table.selectRow(1)
    assert page.ref_edit.text() == "DC"


def test_erasing_through_the_dialog(qtbot: QtBot, page: PrivacyPage) -> None:
    page.years.setValue(2)
    page.table.selectRow(1)
    assert page.ref_edit.text() == "DC"
    errors: list[str] = []

    def answer(modal: QWidget) -> bool:
        if isinstance(modal, EraseDialog):
            save = modal.buttons.button(QDialogButtonBox.StandardButton.Save)
            if not errors:  # first a wrong ref: refused, the dialog stays
                modal.confirm.setText("TE")
                modal.reason.setText("Slettefristen er udløbet")
                save.click()
                errors.append(modal.form.error_text("confirm"))
                modal.confirm.setText("DC")
                modal.reason.setText("Anmodning fra D. C.")  # names the citizen: refused
                save.click()
                errors.append(modal.form.error_text("reason"))
                modal.reason.setText("Slettefristen er udløbet")
                save.click()
            return False
        return ok_box(modal)

    seen = when_modal(answer)
    report = page.erase()
    assert report is not None and report.ref == "DC" and report.deleted["citizens"] == 1
    assert all(errors) and len(errors) == 2
    assert "DC" in errors[0]
    assert seen[0] == "EraseDialog" and "DC" in seen[-1]
    assert [r.ref for r in page.rows()] == ["SA", "TE"]
    assert page.ref_edit.text() == ""
    with pytest.raises(NotFoundError):
        views.citizen_detail(page.ctx.db, "DC")


def test_cancelling_the_dialog_erases_nothing(qtbot: QtBot, page: PrivacyPage) -> None:
    page.ref_edit.setText("Malthe")  # any citizen, not only retention candidates

    def cancel(modal: QWidget) -> bool:
        if isinstance(modal, EraseDialog):
            modal.reject()
            return True
        return False

    when_modal(cancel)
    assert page.erase() is None
    assert views.citizen_detail(page.ctx.db, "Malthe").citizen.ref == "Malthe"


def test_export_any_citizen_and_errors_name_the_field(qtbot: QtBot, page: PrivacyPage, tmp_path: Path) -> None:
    page.ref_edit.setText("Miriam")
    seen = when_modal(ok_box)
    target = page.export_subject(str(tmp_path / "miriam.zip"))
    assert target is not None
    names = zipfile.ZipFile(target).namelist()
    assert "sagsfil.json" in names and "log.json" in names and "LAESMIG.txt" in names
    assert str(target) in seen[0]
    page.ref_edit.setText("")
    seen = when_modal(ok_box)
    assert page.export_subject(str(tmp_path / "x.zip")) is None
    assert seen and ("ref" in seen[0].lower())
    page.ref_edit.setText("NOPE")
    seen = when_modal(ok_box)
    assert page.export_subject(str(tmp_path / "x.zip")) is None
    assert "NOPE" in seen[0] and "ref" in seen[0].lower()
    assert not (tmp_path / "x.zip").exists()


def test_a_non_administrator_sees_no_list(qtbot: QtBot, demo_db: Database) -> None:
    access.set_principal(demo_db, Principal("kbj", "Karen", Role.CONSULTANT))
    try:
        widget = PrivacyPage(UiContext(demo_db, "kbj"))
        qtbot.addWidget(widget)
        widget.on = ON
        widget.years.setValue(2)
        assert widget.rows() == []
        assert widget.count.text() != ""
    finally:
        access.set_principal(demo_db, None)
