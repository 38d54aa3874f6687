"""Dokumentation: export and issue from the citizen page; re-open exactly what was sent."""

from __future__ import annotations

import hashlib
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from placement_desk.db.engine import Database
from placement_desk.services import documents
from placement_desk.ui.shell.main_window import MainWindow


def close_boxes(qtbot: QtBot, seen: list[str]) -> None:
    """Answer the message box the finished job opens (a timer fires inside its own event loop)."""
    timer = QTimer()

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.accept()

    timer.timeout.connect(poll)
    timer.start(30)
    try:
        qtbot.waitUntil(lambda: bool(seen), timeout=30000)
    finally:
        timer.stop()


def test_export_and_issue_from_the_citizen_page(qtbot: QtBot, demo_db: Database, tmp_path: Path,
                                                qtmodeltester: object) -> None:
    w = MainWindow(demo_db, actor="karin")
    qtbot.addWidget(w)
    w.show()
    w.open_citizen("SA", "documents")
    tab = w.citizen_page.tab_by_key["documents"]
    assert tab.period_from.text() == "05-09-2022"
    out = tmp_path / "out"
    out.mkdir()
    tab.formats["json"].setChecked(True)
    tab.assessment.setPlainText("Arbejdsevnen er afklaret: 8 timer om ugen med personlig assistent.")
    seen: list[str] = []
    assert tab.export(issue=False, folder=str(out)) is not None
    close_boxes(qtbot, seen)
    names = sorted(p.name for p in out.iterdir())
    assert [n.rsplit(".", 1)[1] for n in names] == ["json", "pdf", "xlsx"]
    pdf = next(p for p in out.iterdir() if p.suffix == ".pdf")
    assert "personlig assistent" in "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert documents.issued_documents(demo_db, "SA") == []  # saving is not issuing
    tab.export(issue=True, folder=str(tmp_path))
    assert tab.form.error_text("recipient")  # issuing needs a recipient
    tab.recipient.setText("Jobcenter København, rehabiliteringsteamet")
    assert tab.export(issue=True, folder=str(tmp_path)) is None  # the figures are old: not complete
    assert "older than 30 days" in tab.form.error_text("--allow-incomplete")
    tab.reason.setText("Historisk dokumentation til sagens akter")
    issued_dir = tmp_path / "issued"
    issued_dir.mkdir()
    seen.clear()
    tab.export(issue=True, folder=str(issued_dir))
    close_boxes(qtbot, seen)
    qtbot.waitUntil(lambda: tab.issued.rowCount() == 1, timeout=10000)
    qtmodeltester.check(tab.issued)  # type: ignore[attr-defined]
    tab.issued_view.setCurrentIndex(tab.issued.index(0, 0))
    copies = tmp_path / "copies"
    copies.mkdir()
    paths = tab.save_issued_copy(str(copies))
    assert {p.suffix for p in paths} == {".pdf", ".xlsx", ".json"}
    for copy in paths:
        sent = issued_dir / copy.name
        assert hashlib.sha256(copy.read_bytes()).digest() == hashlib.sha256(sent.read_bytes()).digest()


def test_no_format_is_an_error_next_to_the_field(qtbot: QtBot, demo_db: Database, tmp_path: Path) -> None:
    w = MainWindow(demo_db)
    qtbot.addWidget(w)
    w.open_citizen("DC", "documents")
    tab = w.citizen_page.tab_by_key["documents"]
    out = tmp_path / "out"
    out.mkdir()
    for box in tab.formats.values():
        box.setChecked(False)
    assert tab.export(issue=False, folder=str(out)) is None
    assert tab.form.error_text("formats")
    assert list(out.iterdir()) == []


def test_opening_another_citizen_forgets_the_previous_period_and_texts(
    qtbot: QtBot, demo_db: Database, tmp_path: Path
) -> None:
    """One citizen's assessment or period must never go into another citizen's official document."""
    from placement_desk.domain.dossier import default_period
    from placement_desk.services.common import today
    from placement_desk.services.views import citizen_detail

    w = MainWindow(demo_db, actor="karin")
    qtbot.addWidget(w)
    w.show()
    w.open_citizen("Thomas", "documents")
    tab = w.citizen_page.tab_by_key["documents"]
    thomas_from = tab.period_from.text()
    tab.assessment.setPlainText("Thomas: kan arbejde 10 timer om ugen.")
    tab.recommendation.setPlainText("Løntilskud")
    tab.recipient.setText("Kommunen, Thomas' sagsbehandler")
    tab.password.setText("hemmelig-kode")
    w.open_citizen("Malthe", "documents")
    assert w.citizen_page.tab_by_key["documents"] is tab
    start, end = default_period(citizen_detail(demo_db, "Malthe").citizen, today())  # type: ignore[misc]
    assert tab.period_from.date_value() == start
    assert tab.period_to.date_value() == min(end, today())
    assert tab.period_from.text() != thomas_from
    assert tab.assessment.toPlainText() == ""
    assert tab.recommendation.toPlainText() == ""
    assert tab.recipient.text() == ""
    assert tab.password.text() == ""
    # the dossier now produced is Malthe's, over Malthe's period, and says so when it is saved
    out = tmp_path / "out"
    out.mkdir()
    tab.formats["xlsx"].setChecked(False)
    seen: list[str] = []
    assert tab.export(issue=False, folder=str(out)) is not None
    close_boxes(qtbot, seen)
    assert "Malthe" in seen[0] or citizen_detail(demo_db, "Malthe").citizen.name in seen[0]
    assert tab.period_from.text() in seen[0]
    pdf = next(out.glob("*.pdf"))
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "kan arbejde 10 timer" not in text


def test_other_tabs_forget_half_typed_input_of_the_previous_citizen(qtbot: QtBot, demo_db: Database) -> None:
    w = MainWindow(demo_db, actor="karin")
    qtbot.addWidget(w)
    w.show()
    w.open_citizen("Thomas", "capacity")
    page = w.citizen_page
    page.tab_by_key["capacity"].effectiveness.setText("45")
    page.tab_by_key["capacity"].note.setText("Thomas arbejder langsomt")
    page.tab_by_key["goals"].goal_text.setText("Thomas' mål")
    page.tab_by_key["schedule"].hours.setText("3x4")
    w.open_citizen("Miriam", "capacity")
    assert page.tab_by_key["capacity"].effectiveness.text() == ""
    assert page.tab_by_key["capacity"].note.text() == ""
    assert page.tab_by_key["goals"].goal_text.text() == ""
    assert page.tab_by_key["schedule"].hours.text() == ""
