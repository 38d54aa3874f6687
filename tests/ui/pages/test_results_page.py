"""Resultater: the results report's tables and chart on the demo, anonymised unless "with names", saved
as PDF; the monthly overview with the citizens longest in a programme without an outcome."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from placement_desk.db.engine import Database
from placement_desk.domain.roles import Principal, Role
from placement_desk.services import access
from placement_desk.ui.pages.results import ResultsPage
from placement_desk.ui.shell.context import UiContext


def page(qtbot: QtBot, db: Database) -> ResultsPage:
    p = ResultsPage(UiContext(db, actor="test"))
    qtbot.addWidget(p)
    p.resize(1100, 800)
    p.show()
    qtbot.waitExposed(p)
    assert p.report is None  # nothing is read until asked for
    p.first.setText("01-01-2022")
    p.last.setText("31-12-2026")
    p.refresh()
    return p


def cells(p: ResultsPage, key: str) -> list[list[str]]:
    from PySide6.QtWidgets import QTableWidget

    table = p.tables.findChild(QTableWidget, f"results_{key}")
    assert table is not None
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def test_the_report_on_the_demo_anonymised_and_named(qtbot: QtBot, demo_db: Database) -> None:
    p = page(qtbot, demo_db)
    assert cells(p, "citizens") == [["I alt i perioden", "10"], ["Startet", "10"], ["Aktive ved periodens slut", "<5"],
                                    ["Afsluttet", "skjult"]]  # fmt: skip  # 10 - <5 would give the <5 away
    outcomes = {row[0]: row[1:] for row in cells(p, "outcomes")}
    assert outcomes["Fleksjob"] == ["<5", "–"] and outcomes["Pension"] == ["0", "0,0 %"]
    assert p.outcome_chart.categories() == []  # nothing of 5 or more to draw without names
    p.named.setChecked(True)
    p.refresh()
    outcomes = {row[0]: row[1:] for row in cells(p, "outcomes")}
    assert outcomes["Fleksjob"] == ["3", "60,0 %"] and outcomes["Løntilskud"] == ["1", "20,0 %"]
    assert p.outcome_chart.categories() == ["Fleksjob", "Løntilskud", "Ressourceforløb"]
    assert p.outcome_chart.bar_values("Citizens") == [3.0, 1.0, 1.0]
    names = [row[1] for row in cells(p, "per_citizen")]
    assert "Thomas" in names and len(names) == 10


def test_a_programme_narrows_the_report(qtbot: QtBot, demo_db: Database) -> None:
    p = page(qtbot, demo_db)
    p.named.setChecked(True)
    p.programme.setCurrentIndex(p.programme.findData("Mit Liv Mit Ansvar"))
    p.refresh()
    assert [row[1] for row in cells(p, "per_citizen")] == ["Poul"]
    assert p.programme.currentData() == "Mit Liv Mit Ansvar"  # kept when the list is filled again


def test_the_monthly_overview_lists_the_longest_waits(qtbot: QtBot, demo_db: Database) -> None:
    p = page(qtbot, demo_db)
    assert p.overview is not None and len(p.overview.months) == 12
    assert p.overview.months[-1][0] == "2026-11"
    rows = [[p.waiting.item(r, c).text() for c in range(4)] for r in range(p.waiting.rowCount())]
    assert rows, "the current demo citizens are in running referrals without an outcome"
    days = [int(r[2]) for r in rows]
    assert days == sorted(days, reverse=True)
    waiting = {w.ref: w for w in p.overview.waiting}
    malthe = waiting["Malthe"]
    assert malthe.days == (date(2026, 11, 23) - malthe.since).days
    assert p.month_label.text().startswith("Outcomes this month: 0")  # no seed outcome in November 2026


def test_saving_the_anonymised_pdf(qtbot: QtBot, demo_db: Database, tmp_path: Path) -> None:
    p = page(qtbot, demo_db)
    target = p.save_to("pdf", tmp_path / "r.pdf")
    text = " ".join(page.extract_text() for page in PdfReader(target).pages)
    assert "Resultatopgørelse" in text and "Anonymiseret" in text
    assert "Malthe" not in text and "Thomas" not in text


def test_a_caseworker_may_tick_with_names_but_the_services_decide(qtbot: QtBot, demo_db: Database) -> None:
    access.set_principal(demo_db, Principal("cw", "Sagsbehandler", Role.CASEWORKER))
    try:
        p = page(qtbot, demo_db)
        assert p.named.isEnabled() and p.overview is not None
    finally:
        access.set_principal(demo_db, None)


def test_show_reads_in_the_background(qtbot: QtBot, demo_db: Database) -> None:
    p = ResultsPage(UiContext(demo_db, actor="test"))
    qtbot.addWidget(p)
    p.show()
    p.first.setText("01-01-2024")
    p.last.setText("31-12-2024")
    p.named.setChecked(True)
    p.show_button.click()
    qtbot.waitUntil(lambda: p.report is not None and p.show_button.isEnabled(), timeout=30000)
    assert p.report is not None and p.report.outcome_counts == {"flex_job": 1, "resource_programme": 1,
                                                                "wage_subsidy": 1}  # fmt: skip
    p.last.setText("31-13-2024")
    assert p.refresh_in_background() is None  # a bad date is shown, nothing is read
    assert p.error.isVisible() and p.error.text() == "To: er ikke en dato"  # no translator installed here
    p.last.setText("31-12-2023")
    p.refresh()
    assert p.error.text() == "To: ligger før start"


def test_the_english_ui_shows_the_report_in_english_and_the_documents_stay_danish(qtbot: QtBot,
                                                                                   demo_db: Database) -> None:
    from placement_desk.ui.kit.messages import set_language

    set_language("en")
    try:
        p = page(qtbot, demo_db)
        assert cells(p, "citizens") == [["In the period", "10"], ["Started", "10"],
                                        ["Active at the end of the period", "<5"], ["Ended", "hidden"]]  # fmt: skip
        outcomes = {row[0]: row[1:] for row in cells(p, "outcomes")}
        assert outcomes["Flex job"] == ["<5", "–"] and "Fleksjob" not in outcomes
        hours = [row[0] for row in cells(p, "hours")]
        assert "0–5 h" in hours and "not known" in hours
        pdf = p.file_bytes("pdf")
    finally:
        set_language("da")
    text = "".join(page_.extract_text() for page_ in PdfReader(io.BytesIO(pdf)).pages)
    assert "I alt i perioden" in text and "In the period" not in text  # the document keeps its Danish
