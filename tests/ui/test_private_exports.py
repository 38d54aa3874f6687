"""Files the window writes - an attendance sheet, a data-subject export, a document's files - are the
user's alone (0600 whatever the umask) and whole or not there at all (a full disk leaves nothing)."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from placement_desk.db.engine import Database
from placement_desk.domain.roles import Principal, Role
from placement_desk.services import access, documents
from placement_desk.ui.citizen.documents_tab import save_files
from placement_desk.ui.pages.privacy import PrivacyPage
from placement_desk.ui.shell.context import UiContext
from placement_desk.ui.shell.main_window import MainWindow
from tests.ui.trust import danish, when_modal

__all__ = ["danish"]


@pytest.fixture
def open_umask() -> Iterator[None]:
    """The common default umask 022, under which a plain write_bytes makes a 0644 file."""
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def no_space(monkeypatch: pytest.MonkeyPatch) -> None:
    def fsync(_fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", fsync)


def ok_box(modal: QWidget, texts: list[str] | None = None) -> bool:
    if isinstance(modal, QMessageBox):
        if texts is not None:
            texts.append(modal.text())
        modal.accept()
        return True
    return False


def sheets(qtbot: QtBot, db: Database) -> MainWindow:
    w = MainWindow(db, actor="mette")
    qtbot.addWidget(w)
    w.show_page("attendance")
    w.attendance.company.setCurrentIndex(w.attendance.company.findData("co-bilka"))
    w.attendance.date.setDate(QDate(2026, 10, 1))
    return w


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_window_exports_are_private_under_an_open_umask(
    qtbot: QtBot, demo_db: Database, tmp_path: Path, open_umask: None
) -> None:
    w = sheets(qtbot, demo_db)
    sheet = w.attendance.sheets.make_sheet(str(tmp_path / "ark.xlsx"))
    assert sheet is not None and mode(sheet) == 0o600
    access.set_principal(demo_db, Principal("admin", "Admin", Role.ADMINISTRATOR))
    page = PrivacyPage(UiContext(demo_db, "admin"))
    qtbot.addWidget(page)
    page.ref_edit.setText("Miriam")
    when_modal(ok_box)
    target = page.export_subject(str(tmp_path / "miriam.zip"))
    assert target is not None and mode(target) == 0o600
    document = documents.render_document(demo_db, "Miriam", formats=("pdf", "xlsx"))
    written = save_files(document, tmp_path)
    assert written and all(mode(p) == 0o600 for p in written)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []  # no temporary file left


def test_a_full_disk_leaves_no_half_written_export(
    qtbot: QtBot, demo_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, danish: None
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    w = sheets(qtbot, demo_db)
    access.set_principal(demo_db, Principal("admin", "Admin", Role.ADMINISTRATOR))
    page = PrivacyPage(UiContext(demo_db, "admin"))
    qtbot.addWidget(page)
    document = documents.render_document(demo_db, "Miriam", formats=("pdf", "xlsx"))
    no_space(monkeypatch)
    seen: list[str] = []
    when_modal(lambda modal: ok_box(modal, seen))
    assert w.attendance.sheets.make_sheet(str(out / "ark.xlsx")) is None
    page.ref_edit.setText("Miriam")
    when_modal(lambda modal: ok_box(modal, seen))
    assert page.export_subject(str(out / "miriam.zip")) is None
    assert len(seen) == 2 and "ark.xlsx" in seen[0] and "miriam.zip" in seen[1]
    assert all(text.startswith("Fil: ") for text in seen), seen  # the Danish message naming the file
    with pytest.raises(OSError):
        save_files(document, out)
    assert list(out.iterdir()) == []
