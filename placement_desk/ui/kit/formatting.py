"""Display formats: dd-mm-åååå; in the Danish UI 1.234,5, "uge 36", hours as "42,00 t", in the English UI
1,234.5, "week 36", "42.00 h" (the UI's language: ``placement_desk.ui.kit.messages.english``)."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from placement_desk.domain.hours_text import describe_week
from placement_desk.ui.kit.messages import english


def fmt_date(value: date | None) -> str:
    return value.strftime("%d-%m-%Y") if value else ""


def fmt_number(value: float | None, decimals: int = 2) -> str:
    if value is None:
        return ""
    text = f"{value:,.{decimals}f}"
    if english():  # the English locale's marks: 1,234.50
        return text
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def fmt_hours(minutes: int | None) -> str:
    """Minutes as hours: 150 -> "2,50 t" (English UI: "2.50 h")."""
    return "" if minutes is None else f"{fmt_number(minutes / 60)} {'h' if english() else 't'}"


def fmt_week_hours(minutes: tuple[int, ...]) -> str:
    """A week's hours per weekday: "2 × 4 t = 8 t (man, ons)" (English UI: "2 × 4 h = 8 h (Mon, Wed)")."""
    return describe_week(minutes, english=english())


def fmt_week(iso_week: str) -> str:
    """'2022-W36' -> 'uge 36 2022' (English UI: 'week 36 2022')."""
    year, week = iso_week.split("-W")
    return f"{week_word()} {int(week)} {year}"


def week_word() -> str:
    """The word for a week: "uge", or "week" in the English UI."""
    return "week" if english() else "uge"


def fmt_rate(value: Fraction | None, decimals: int = 1) -> str:
    """An exact rate as a Danish percentage, rounded once (half away from zero): 41/52 -> "78,8 %"."""
    if value is None:
        return "–"
    exact = Decimal(value.numerator) * 100 / Decimal(value.denominator)
    return f"{fmt_number(float(exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)), decimals)} %"


def fmt_week_span(first: str, last: str) -> str:
    """Two ISO weeks as text: ('2024-W05', '2024-W08') -> 'uge 5–8 2024' (English UI: 'week 5–8 2024')."""
    y1, w1 = first.split("-W")
    y2, w2 = last.split("-W")
    word = week_word()
    if y1 == y2:
        return f"{word} {int(w1)}–{int(w2)} {y1}"
    return f"{word} {int(w1)} {y1} – {word} {int(w2)} {y2}"
