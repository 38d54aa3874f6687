"""The main window is on screen before its dashboard reads anything (issue 17): the first paint shows the
page saying it is loading, and the tasks fill in just after it, with the first row current for the keyboard."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject
from pytestqt.qtbot import QtBot

from placement_desk.db.engine import Database
from placement_desk.services import citizens
from placement_desk.ui.pages import dashboard as dashboard_page
from placement_desk.ui.shell.main_window import MainWindow


class FirstPaint(QObject):
    """What the watched window showed when it was first painted."""

    def __init__(self, window: MainWindow, reads: list[Any]) -> None:
        super().__init__(window)
        self.window, self.reads = window, reads
        self.seen: tuple[int, str, int] | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.seen is None:
            page = self.window.dashboard
            self.seen = (len(self.reads), page.summary.text(), page.model.rowCount())
        return False


def test_the_window_is_painted_before_the_dashboard_reads_and_the_tasks_fill_in_after(
    qtbot: QtBot, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads: list[Any] = []
    real = dashboard_page.dashboard

    def counted(*args: Any, **kwargs: Any) -> Any:
        reads.append(kwargs.get("citizens"))
        return real(*args, **kwargs)

    monkeypatch.setattr(dashboard_page, "dashboard", counted)
    w = MainWindow(demo_db, actor="karin")
    qtbot.addWidget(w)
    watch = FirstPaint(w, reads)
    w.installEventFilter(watch)
    ref = "Malthe"  # a citizen of the demo data
    current, version = citizens.citizen_fields(demo_db, ref)
    citizens.update_citizen(demo_db, ref, replace(current, name="Før Første Visning"), version)
    assert reads == []  # built, and a write heard: still nothing read before the window is on screen

    w.show()
    qtbot.waitUntil(lambda: w.dashboard.loaded)
    assert watch.seen == (0, "Loading the tasks…", 0)  # painted first, saying so
    assert reads == [None]  # then everything read once
    page = w.dashboard
    assert page.model.rowCount() > 0 and "Follow-up overdue" in page.summary.text()
    assert page.table.currentIndex().row() == 0  # Enter opens the first task at once
