"""The File menu's import reads case files as the command line does: a byte-order mark is fine, rounded
hours are counted in the summary, and a file JSON allows but a case file refuses says why in Danish."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from placement_desk.db.engine import Database
from placement_desk.services.casefile_io import export_case_file
from placement_desk.ui.shell.work import PROGRESS_STEPS, Worker
from tests.casefiles import case_file, ramp_down_citizen
from tests.ui.pages.test_pages import answer_next_message_box, window


def _import(qtbot: QtBot, db: Database, source: Path) -> str:
    w = window(qtbot, db)
    seen: list[str] = []
    answer_next_message_box("OK", seen)
    assert w.work.import_file(str(source)) is not None
    qtbot.waitUntil(lambda: bool(seen), timeout=10000)
    return seen[0]


def test_the_import_summary_counts_rounded_hours(qtbot: QtBot, db: Database, tmp_path: Path) -> None:
    doc = case_file(ramp_down_citizen())
    doc["citizens"][0]["placements"][0]["attendance"][1]["hours"] = 0.62
    source = tmp_path / "sheet.json"
    source.write_bytes(b"\xef\xbb\xbf" + json.dumps(doc, ensure_ascii=False).encode("utf-8"))
    text = _import(qtbot, db, source)
    assert "1 citizen created" in text and "1 hours value rounded to the whole minute" in text
    assert export_case_file(db)["citizens"][0]["placements"][0]["attendance"][1]["hours"] == 37 / 60


def test_a_duplicate_key_is_refused_with_its_path(qtbot: QtBot, db: Database, tmp_path: Path) -> None:
    raw = json.dumps(case_file(ramp_down_citizen()), ensure_ascii=False)
    source = tmp_path / "twice.json"
    source.write_text(raw.replace('"name": "D. C."', '"name": "D. C.", "name": "X"'), encoding="utf-8")
    text = _import(qtbot, db, source)
    assert "Nothing was changed" in text and 'citizens[0]: nøglen "name" står mere end én gang' in text
    assert export_case_file(db)["citizens"] == []


def test_a_deeply_nested_file_is_refused_not_a_crash(qtbot: QtBot, db: Database, tmp_path: Path) -> None:
    source = tmp_path / "deep.json"
    source.write_bytes(b"[" * 100_000)
    text = _import(qtbot, db, source)
    assert "Nothing was changed" in text and "for mange niveauer" in text


def test_the_menu_import_streams_the_file(
    qtbot: QtBot, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The menu's import reads the file citizen by citizen, as the command line does (never whole)."""
    import placement_desk.services.casefile_io as casefile_io

    def whole(path: object) -> None:
        raise AssertionError("the whole file was read")

    monkeypatch.setattr(casefile_io, "read_case_file", whole)
    source = tmp_path / "sheet.json"
    source.write_text(json.dumps(case_file(ramp_down_citizen()), ensure_ascii=False), encoding="utf-8")
    assert "1 citizen created" in _import(qtbot, db, source)


def test_progress_over_a_file_larger_than_a_qt_int_is_scaled(qtbot: QtBot) -> None:
    """A file's bytes count past 2**31, what Qt's progress dialog holds: shown in steps instead."""
    seen: list[tuple[int, int]] = []
    worker = Worker(lambda progress: None)
    worker.progressed.connect(lambda done, total: seen.append((done, total)))
    worker._progress(3_000_000_000, 6_000_000_000)
    worker._progress(7, 10)
    assert seen == [(PROGRESS_STEPS // 2, PROGRESS_STEPS), (7, 10)]
