"""The attendance grid and the mentor's table for people who cannot tell the colours apart or cannot see
them: every text at 4.5:1 or more (WCAG AA), every status in words and, where the text alone would not
tell, a visible mark."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QLabel, QTableView
from pytestqt.qtbot import QtBot

from placement_desk.domain import casefile as cf
from placement_desk.services.mentor import ExpectedCitizen, PlannedDay
from placement_desk.ui.attendance.grid import TOTAL_COLOURS, DayDelegate, MonthGridModel
from placement_desk.ui.attendance.mentor_model import DAY, TOTAL_BACKGROUND, WEEK, MentorModel
from placement_desk.ui.attendance.style import COLOURS, Kind, colours, kind_of, legend
from tests.paths import PACKAGE
from tests.ui.citizen_tabs import QM, danish

UI = PACKAGE / "ui"
TODAY = date(2026, 11, 23)
WINDOW_GREY = "#efefef"  # the window background behind labels (Fusion; Windows' is #f0f0f0)


def luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())


def contrast(a: QColor | str, b: QColor | str) -> float:
    la, lb = sorted((luminance(QColor(a)), luminance(QColor(b))), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_the_contrast_formula() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def attendance(day: date, status: str, minutes: int, reason: str | None = None) -> cf.Attendance:
    return cf.Attendance(day, status, minutes, reason)


def month_days() -> list[PlannedDay]:
    """Six weeks around November 2026 with every kind of day (today is Monday 23 November)."""
    special: dict[date, tuple[int, cf.Attendance | None, bool, bool]] = {  # planned, record, holiday, in period
        date(2026, 10, 26): (0, None, False, False),
        date(2026, 10, 27): (240, attendance(date(2026, 10, 27), "sick", 240), False, True),
        date(2026, 11, 2): (240, attendance(date(2026, 11, 2), "present", 240), False, True),
        date(2026, 11, 3): (240, attendance(date(2026, 11, 3), "present", 120), False, True),
        date(2026, 11, 4): (240, None, False, True),
        date(2026, 11, 5): (240, attendance(date(2026, 11, 5), "sick", 240, "Migræne"), False, True),
        date(2026, 11, 6): (240, attendance(date(2026, 11, 6), "absent_agreed", 240), False, True),
        date(2026, 11, 9): (240, attendance(date(2026, 11, 9), "absent_unexcused", 240), False, True),
        date(2026, 11, 10): (0, None, True, True),
        date(2026, 11, 24): (240, None, False, True),
        date(2026, 12, 1): (240, None, False, True),
    }
    first = date(2026, 10, 26)
    days = []
    for n in range(42):
        d = first + timedelta(days=n)
        planned, record, holiday, in_period = special.get(d, (0, None, False, True))
        days.append(PlannedDay(d, planned, record, holiday, in_period, d > TODAY))
    return days


def grid_model() -> MonthGridModel:
    model = MonthGridModel()
    model.set_days(2026, 11, month_days())
    return model


def test_every_kind_of_day_reads_at_4_5_to_1_in_and_out_of_the_month() -> None:
    for kind in Kind:
        for in_month in (True, False):
            back, fore = colours(kind, in_month)
            assert contrast(back, fore) >= 4.5, (kind, in_month, back.name(), fore.name())
    assert contrast(*TOTAL_COLOURS) >= 4.5
    assert contrast(TOTAL_BACKGROUND, "#000000") >= 4.5
    model = grid_model()
    assert {kind_of(d) for d in model.days()} == set(Kind)
    for row in range(model.rowCount()):
        for column in range(7):
            index = model.index(row, column)
            back, fore = index.data(Qt.ItemDataRole.BackgroundRole), index.data(Qt.ItemDataRole.ForegroundRole)
            assert contrast(back, fore) >= 4.5, index.data(Qt.ItemDataRole.AccessibleTextRole)


def test_every_stylesheet_text_colour_reads_on_white_and_on_the_window() -> None:
    found = []
    for path in UI.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert "color: palette(mid)" not in source, path  # about 2:1 on the window
        for colour in re.findall(r"(?<![-\w])color:\s*(#[0-9a-fA-F]{3,6})\b", source):
            found.append(colour)
            for background in ("#ffffff", WINDOW_GREY):
                assert contrast(colour, background) >= 4.5, (path.name, colour, background)
    assert len(found) >= 5
    for back, fore in COLOURS.values():  # the legend's swatches
        assert contrast(back, fore) >= 4.5


def darkest_contrast(image: QImage, x0: int, y0: int, x1: int, y1: int) -> float:
    """The contrast of the darkest pixel in the rectangle against its most common one (the fill)."""
    pixels = [QColor(image.pixel(x, y)) for x in range(x0, x1) for y in range(y0, y1)]
    fill = Counter(p.rgb() for p in pixels).most_common(1)[0][0]
    return contrast(min(pixels, key=luminance), QColor.fromRgb(fill))


def test_a_day_of_another_month_is_painted_as_readable(qtbot: QtBot) -> None:
    view = QTableView()
    qtbot.addWidget(view)
    model = grid_model()
    view.setModel(model)
    view.setItemDelegate(DayDelegate(view))
    view.resize(900, 520)
    for column in range(8):
        view.setColumnWidth(column, 100)
    for row in range(model.rowCount()):
        view.setRowHeight(row, 60)
    view.show()
    qtbot.waitExposed(view)
    image = view.viewport().grab().toImage()
    for day in (date(2026, 10, 27), date(2026, 11, 5), date(2026, 12, 1)):  # sick before, sick in, planned after
        rect = view.visualRect(model.index_of(day)).adjusted(3, 3, -3, -3)
        ratio = darkest_contrast(image, rect.left(), rect.top(), rect.right(), rect.bottom())
        assert ratio >= 4.5, (day, ratio)


def test_the_grid_says_each_day_in_words() -> None:
    model = grid_model()

    def cell(day: date, role: Qt.ItemDataRole) -> str:
        return str(model.index_of(day).data(role))

    description = Qt.ItemDataRole.AccessibleDescriptionRole
    text = Qt.ItemDataRole.AccessibleTextRole
    with danish():
        assert cell(date(2026, 11, 4), description) == "Ikke registreret"
        assert cell(date(2026, 11, 3), description) == "Færre timer"
        assert cell(date(2026, 11, 24), description) == "Planlagt"
        assert cell(date(2026, 10, 26), description) == "Uden for forløbets periode"
        sick = cell(date(2026, 11, 5), text)
        assert sick.startswith("tor 05-11-2026: Syg") and "Migræne" in sick and "Planlagt: 4 t" in sick
        assert cell(date(2026, 11, 4), text) == "ons 04-11-2026: Ikke registreret. Planlagt: 4 t"
        total = model.index(1, 7).data(text)
        assert total.startswith("Ugen: planlagt")
    for d in model.days():
        assert model.index_of(d.day).data(text) and model.index_of(d.day).data(description)


def test_colour_is_never_the_only_difference(qtbot: QtBot) -> None:
    """A passed day without a registration and a day to come both read "4 t / –"; fewer hours looks
    like a full day: both get a mark, in the table and in the legend."""
    days = month_days()
    row = ExpectedCitizen("AN-1", "AN", "Anna N.", "internship", days[0].day, None, tuple(days))
    model = MentorModel()
    with danish():
        model.set_rows(WEEK, date(2026, 11, 4), [row])
        texts = [model.index(0, c).data() for c in range(1, 6)]  # Monday 2 - Friday 6 November
        assert texts[:3] == ["4 t / 4 t", "↓ 4 t / 2 t", "! 4 t / –"]
        model.set_rows(WEEK, date(2026, 11, 24), [row])
        assert model.index(0, 2).data() == "4 t / –"  # to come: no mark
        assert model.index(0, 2).data(Qt.ItemDataRole.AccessibleTextRole).startswith("Anna N., tir 24-11-2026: Planlagt")
        model.set_rows(DAY, date(2026, 11, 4), [row])
        assert model.index(0, 2).data(Qt.ItemDataRole.AccessibleDescriptionRole) == "Ikke registreret"
        box = legend()
        swatches = [label.text() for label in box.findChildren(QLabel)]
        assert "! Ikke registreret" in swatches and "↓ Færre timer" in swatches
    assert QM.exists()
