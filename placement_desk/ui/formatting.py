"""Danish display formats: dd-mm-åååå, 1.234,5, "uge 36", hours as "42,00 t"."""

from __future__ import annotations

from datetime import date


def fmt_date(value: date | None) -> str:
    return value.strftime("%d-%m-%Y") if value else ""


def fmt_number(value: float | None, decimals: int = 2) -> str:
    if value is None:
        return ""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def fmt_hours(minutes: int | None) -> str:
    """Minutes as Danish hours: 150 -> "2,50 t"."""
    return "" if minutes is None else f"{fmt_number(minutes / 60)} t"


def fmt_week(iso_week: str) -> str:
    """'2022-W36' -> 'uge 36 2022'."""
    year, week = iso_week.split("-W")
    return f"uge {int(week)} {year}"
