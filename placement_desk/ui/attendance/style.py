"""What both attendance screens share: the kinds of day, their colours and short texts, the legend.

A day is one of the :class:`Kind` values; the grid and the mentor's list colour it the same way and
write it the same way ("4 t", "Syg", "F", "U"), so a workplace mentor and a consultant read one
language. Texts go through Qt translation (context "Attendance"); English is the source.
"""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum
from fractions import Fraction
from functools import lru_cache

import holidays
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSettings
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from placement_desk.domain import casefile as cf
from placement_desk.domain.numbers import minutes_from_hours
from placement_desk.services.mentor import PlannedDay
from placement_desk.ui.kit.formatting import fmt_number

CONTEXT = "Attendance"


def tr(text: object) -> str:
    """Translate a string marked with QT_TRANSLATE_NOOP("Attendance", ...)."""
    return QCoreApplication.translate(CONTEXT, str(text))


class Kind(StrEnum):
    OUTSIDE = "outside"  # outside the placement's period
    FREE = "free"  # nothing planned, nothing registered
    HOLIDAY = "holiday"
    PLANNED = "planned"  # planned, still to come
    UNREGISTERED = "unregistered"  # planned, passed, nothing registered
    ATTENDED = "attended"
    PARTIAL = "partial"  # present, fewer hours than planned
    SICK = "sick"
    AGREED = "agreed"
    NOSHOW = "noshow"


# (background, text) per kind: light fills with dark text, every pair at least 4.5:1 (WCAG AA, tested);
# every kind also differs in its text or its mark (MARKS), never only in its colour.
COLOURS: dict[Kind, tuple[str, str]] = {
    Kind.OUTSIDE: ("#f3f3f3", "#5c5c5c"),
    Kind.FREE: ("#ffffff", "#505050"),
    Kind.HOLIDAY: ("#e2e2e2", "#505050"),
    Kind.PLANNED: ("#dcebfa", "#1d3f66"),
    Kind.UNREGISTERED: ("#ffe49a", "#5c4300"),
    Kind.ATTENDED: ("#c9eccf", "#1b4d24"),
    Kind.PARTIAL: ("#e5f1bd", "#3d4a10"),
    Kind.SICK: ("#f7c6c6", "#6b1010"),
    Kind.AGREED: ("#ddd5f3", "#352466"),
    Kind.NOSHOW: ("#ee9d9d", "#5a0000"),
}

# A day of the neighbouring month has a paler fill (this far towards OUT_OF_MONTH_FILL), never fainter text.
OUT_OF_MONTH_FILL, OUT_OF_MONTH_MIX = "#f7f7f7", 0.6
# The kinds a reader could not tell from another by the text alone (a day to come and a passed day not
# registered both read "4 t / –"; fewer hours than planned looks like a full day): a mark, also in the legend.
MARKS: dict[Kind, str] = {Kind.UNREGISTERED: "!", Kind.PARTIAL: "↓"}
KIND_WORDS: dict[Kind, object] = {  # the status in words, for screen readers
    Kind.OUTSIDE: QT_TRANSLATE_NOOP("Attendance", "Outside the placement's period"),
    Kind.FREE: QT_TRANSLATE_NOOP("Attendance", "Nothing planned"),
    Kind.HOLIDAY: QT_TRANSLATE_NOOP("Attendance", "Holiday"),
    Kind.PLANNED: QT_TRANSLATE_NOOP("Attendance", "Planned"),
    Kind.UNREGISTERED: QT_TRANSLATE_NOOP("Attendance", "Not registered"),
    Kind.ATTENDED: QT_TRANSLATE_NOOP("Attendance", "Present"),
    Kind.PARTIAL: QT_TRANSLATE_NOOP("Attendance", "Fewer hours"),
    Kind.SICK: QT_TRANSLATE_NOOP("Attendance", "Sick"),
    Kind.AGREED: QT_TRANSLATE_NOOP("Attendance", "Agreed absence"),
    Kind.NOSHOW: QT_TRANSLATE_NOOP("Attendance", "No-show"),
}

LEGEND: tuple[tuple[Kind, object], ...] = (
    (Kind.PLANNED, QT_TRANSLATE_NOOP("Attendance", "Planned")),
    (Kind.UNREGISTERED, QT_TRANSLATE_NOOP("Attendance", "Not registered")),
    (Kind.ATTENDED, QT_TRANSLATE_NOOP("Attendance", "Present")),
    (Kind.PARTIAL, QT_TRANSLATE_NOOP("Attendance", "Fewer hours")),
    (Kind.SICK, QT_TRANSLATE_NOOP("Attendance", "Sick")),
    (Kind.AGREED, QT_TRANSLATE_NOOP("Attendance", "Agreed absence")),
    (Kind.NOSHOW, QT_TRANSLATE_NOOP("Attendance", "No-show")),
    (Kind.HOLIDAY, QT_TRANSLATE_NOOP("Attendance", "Holiday")),
)

STATUS_LABELS = {
    "present": QT_TRANSLATE_NOOP("Attendance", "Present"),
    "sick": QT_TRANSLATE_NOOP("Attendance", "Sick"),
    "absent_agreed": QT_TRANSLATE_NOOP("Attendance", "Agreed absence"),
    "absent_unexcused": QT_TRANSLATE_NOOP("Attendance", "No-show"),
}
STATUS_SHORT = {
    "sick": QT_TRANSLATE_NOOP("Attendance", "Sick"),
    "absent_agreed": QT_TRANSLATE_NOOP("Attendance", "AA"),  # Danish: F (fravær aftalt)
    "absent_unexcused": QT_TRANSLATE_NOOP("Attendance", "NS"),  # Danish: U (udeblevet)
}
WEEKDAYS = (
    QT_TRANSLATE_NOOP("Attendance", "Mon"),
    QT_TRANSLATE_NOOP("Attendance", "Tue"),
    QT_TRANSLATE_NOOP("Attendance", "Wed"),
    QT_TRANSLATE_NOOP("Attendance", "Thu"),
    QT_TRANSLATE_NOOP("Attendance", "Fri"),
    QT_TRANSLATE_NOOP("Attendance", "Sat"),
    QT_TRANSLATE_NOOP("Attendance", "Sun"),
)
MONTHS = (
    QT_TRANSLATE_NOOP("Attendance", "January"),
    QT_TRANSLATE_NOOP("Attendance", "February"),
    QT_TRANSLATE_NOOP("Attendance", "March"),
    QT_TRANSLATE_NOOP("Attendance", "April"),
    QT_TRANSLATE_NOOP("Attendance", "May"),
    QT_TRANSLATE_NOOP("Attendance", "June"),
    QT_TRANSLATE_NOOP("Attendance", "July"),
    QT_TRANSLATE_NOOP("Attendance", "August"),
    QT_TRANSLATE_NOOP("Attendance", "September"),
    QT_TRANSLATE_NOOP("Attendance", "October"),
    QT_TRANSLATE_NOOP("Attendance", "November"),
    QT_TRANSLATE_NOOP("Attendance", "December"),
)


def kind_of(d: PlannedDay) -> Kind:
    r = d.record
    if r is not None:
        if r.status == "present":
            return Kind.PARTIAL if r.minutes < d.planned else Kind.ATTENDED
        return {"sick": Kind.SICK, "absent_agreed": Kind.AGREED}.get(r.status, Kind.NOSHOW)
    if not d.in_period:
        return Kind.OUTSIDE
    if d.holiday:
        return Kind.HOLIDAY
    if d.planned == 0:
        return Kind.FREE
    return Kind.PLANNED if d.future else Kind.UNREGISTERED


def colours(kind: Kind, in_month: bool = True) -> tuple[QColor, QColor]:
    """(background, text) of a day; a day outside the month shown gets a paler fill, the same text."""
    back, fore = COLOURS[kind]
    if in_month:
        return QColor(back), QColor(fore)
    return mix(QColor(back), QColor(OUT_OF_MONTH_FILL), OUT_OF_MONTH_MIX), QColor(fore)


def mix(a: QColor, b: QColor, share_of_b: float) -> QColor:
    def channel(x: int, y: int) -> int:
        return round(x + (y - x) * share_of_b)

    return QColor(channel(a.red(), b.red()), channel(a.green(), b.green()), channel(a.blue(), b.blue()))


def kind_word(kind: Kind) -> str:
    return tr(KIND_WORDS[kind])


def marked(text: str, kind: Kind) -> str:
    """'! 4 t / –' for a passed day not registered, '↓ 4 t / 2 t' for fewer hours; others unchanged."""
    mark = MARKS.get(kind)
    return f"{mark} {text}" if mark and text else text


def spoken(d: PlannedDay, who: str = "") -> str:
    """A day in words for a screen reader: 'Anna N., tor 19-11-2026: Ikke registreret. Planlagt: 3 t'."""
    head = f"{who}, {day_title(d.day)}" if who else day_title(d.day)
    parts = [kind_word(kind_of(d))]
    if d.holiday:
        parts.append(holiday_name(d.day) or tr("Holiday"))
    if d.planned:
        parts.append(QCoreApplication.translate("Attendance", "Planned: %1").replace("%1", short_hours(d.planned)))
    if d.record is not None:
        parts.append(f"{tr('Registered')}: {registered_text(d.record)}")
        parts.extend(x for x in (d.record.reason, d.record.note) if x)
    return f"{head}: " + ". ".join(parts)


def hours_number(minutes: int) -> str:
    """150 -> '2,5', 105 -> '1,75', 240 -> '4'."""
    text = fmt_number(minutes / 60, 2)
    return text.rstrip("0").rstrip(",") if "," in text else text


def short_hours(minutes: int) -> str:
    """150 -> '2,5 t', 105 -> '1,75 t', 240 -> '4 t'."""
    return QCoreApplication.translate("Attendance", "%1 h").replace("%1", hours_number(minutes))


def status_label(status: str) -> str:
    return tr(STATUS_LABELS.get(status, status))


def registered_text(r: cf.Attendance, compact: bool = False) -> str:
    """The registration in a word: '4 t', 'Syg', 'F', 'U' (hours too when an absence has some)."""
    hours = hours_number if compact else short_hours
    if r.status == "present":
        return hours(r.minutes)
    word = tr(STATUS_SHORT.get(r.status, r.status))
    return f"{word} {hours(r.minutes)}" if r.minutes else word


def plan_vs_registered(d: PlannedDay, compact: bool = False) -> str:
    """'3 t / 3 t' (planned / registered), '3 t / Syg', '3 t / –'; empty on a free day.
    Compact, for narrow cells: '3/3', '3/Syg'."""
    if d.record is None and d.planned == 0:
        return ""
    planned = (hours_number if compact else short_hours)(d.planned) if d.planned else "0"
    registered = registered_text(d.record, compact) if d.record is not None else "–"
    return f"{planned}/{registered}" if compact else f"{planned} / {registered}"


def weekday_short(index: int) -> str:
    return tr(WEEKDAYS[index])


def month_title(year: int, month: int) -> str:
    return f"{tr(MONTHS[month - 1])} {year}"


def week_label(day: date) -> str:
    return QCoreApplication.translate("Attendance", "week %1").replace("%1", str(day.isocalendar()[1]))


def day_title(day: date) -> str:
    """'man 23-11-2026'."""
    return f"{weekday_short(day.weekday())} {day.strftime('%d-%m-%Y')}"


@lru_cache(maxsize=64)
def _holiday_names(year: int, language: str) -> dict[date, str]:
    return dict(holidays.country_holidays("DK", years=year, language=language).items())


def holiday_name(day: date) -> str | None:
    """The Danish public holiday's name, in the UI language (Danish unless English is chosen)."""
    language = "en_US" if str(QSettings().value("ui/language", "da")) == "en" else "da"
    return _holiday_names(day.year, language).get(day)


def parse_hours(text: str) -> int:
    """Typed hours as minutes: '2', '2,5', '1.75', '2:30', '2½', '3 t'. Raises ValueError."""
    value = text.strip().lower().rstrip("th ").replace("½", ".5").replace(",", ".")
    if m := re.fullmatch(r"(\d{1,2}):([0-5]\d)", value):
        minutes = int(m.group(1)) * 60 + int(m.group(2))
    elif re.fullmatch(r"\d{0,2}(?:\.\d{1,4})?", value) and any(c.isdigit() for c in value):
        minutes = minutes_from_hours(Fraction("0" + value))
    else:
        raise ValueError(text)
    if minutes > 24 * 60:
        raise ValueError(text)
    return minutes


def legend(parent: QWidget | None = None, columns: int = 0) -> QWidget:
    """Coloured swatches with what each colour means: one row, or a grid of ``columns``."""
    box = QWidget(parent)
    box.setObjectName("attendanceLegend")
    layout = QGridLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setHorizontalSpacing(6)
    layout.setVerticalSpacing(4)
    for i, (kind, text) in enumerate(LEGEND):
        back, fore = COLOURS[kind]
        swatch = QLabel(marked(tr(text), kind), box)
        swatch.setStyleSheet(
            f"background: {back}; color: {fore}; border: 1px solid #b8b8b8; border-radius: 3px; padding: 1px 6px;"
        )
        row, col = divmod(i, columns) if columns else (0, i)
        layout.addWidget(swatch, row, col)
    layout.setColumnStretch(columns or len(LEGEND), 1)  # swatches keep their size, on the left
    return box
