"""Every screen rendered offscreen in Danish with the demo data, saved as PNG.

Set PLACEMENT_DESK_SHOTS=folder to keep the pictures (the README's come from docs/screenshots).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from placement_desk.app import resource_path
from placement_desk.db.engine import Database
from placement_desk.ui.shell.main_window import MainWindow

TABS = ("overview", "placements", "schedule", "attendance", "accommodations", "followup", "goals", "capacity",
        "documents")


@pytest.fixture
def danish(qapp: QCoreApplication) -> Iterator[None]:
    translator = QTranslator()
    assert translator.load(str(resource_path("translations", "placement_desk_da.qm")))
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


def distinct_colours(image: QImage) -> int:
    step = max(1, image.width() // 60)
    return len({image.pixel(x, y) for x in range(0, image.width(), step) for y in range(0, image.height(), step)})


def test_every_screen_in_danish(qtbot: QtBot, demo_db: Database, tmp_path: Path, danish: None) -> None:
    folder = Path(os.environ.get("PLACEMENT_DESK_SHOTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    w = MainWindow(demo_db, actor="karin")
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    shots: dict[str, Path] = {}

    def shoot(name: str) -> None:
        QCoreApplication.processEvents()
        path = folder / f"{name}.png"
        assert w.grab().save(str(path))
        shots[name] = path

    assert w.nav.item(1).text() == "Borgere"
    for key in ("dashboard", "citizens", "companies", "attendance", "followups"):
        w.show_page(key)
        if key == "companies":
            w.companies.select("co-saxo-genbrug")
        shoot(key)
    for tab in TABS:
        w.open_citizen("DC" if tab != "goals" else "Poul", tab)
        shoot(f"citizen-{tab}")
    assert w.citizen_page.tabs.tabText(0) == "Overblik"
    for name, path in shots.items():
        image = QImage(str(path))
        assert image.width() >= 1000, name
        assert distinct_colours(image) > 8, f"{name} looks empty"
