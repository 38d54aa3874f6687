"""What a person typed into a cell of the attendance sheet, read as they meant it.

Hours come as a number (``2,5``), a clock time the spreadsheet made of ``8:30`` (a ``datetime.time``,
a ``timedelta``, or the bare fraction of a day in a cell with a number format) or text (``"8:30"``,
``"8,5"``, ``"8.5"``, ``"3 t"``); each is a duration, kept to the whole minute (half up, spec section 1).
Every problem is a :class:`CellProblem` with a message code (``CELL_TEXTS``: the sheet's Danish texts;
``errors.MESSAGES`` has the English ones); the caller names the row and the column.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from fractions import Fraction
from typing import Any

from placement_desk.domain.numbers import minutes_rounded

MAX_HOURS = 24
HOURS_HINT = "skriv fx 3, 2,5 eller 8:30"

# A cell's problems by message code: the sheet's Danish texts (attendance_sheet.ROW_TEXTS takes them in).
CELL_TEXTS: dict[str, str] = {
    "sheet_not_finite": "indeholder et ugyldigt tal (uendeligt eller NaN)",
    "sheet_formula": "indeholder en formel; skriv selve værdien (formler læses ikke)",
    "sheet_error_value": "indeholder fejlværdien {value}; skriv selve værdien",
    "sheet_hours_bool": f"skal være et antal timer ({HOURS_HINT})",
    "sheet_hours_date": f"er en dato, ikke et antal timer ({HOURS_HINT})",
    "sheet_hours_unreadable": f"kan ikke læses som et antal timer ({HOURS_HINT})",
    "sheet_hours_text": f"{{text}} er ikke et antal timer ({HOURS_HINT})",
    "sheet_hours_range": "{hours} timer er ikke mellem 0 og {limit}",
}

_DECIMAL = re.compile(r"^(\d{1,4})?(?:[.,](\d{1,9}))?$")
_CLOCK = re.compile(r"^(\d{1,2})[:.](\d{2})(?::(\d{2}))?$")
_UNIT = re.compile(r"\s*(?:t|timer|time|h|hours?)\.?$", re.IGNORECASE)


class CellProblem(ValueError):
    """A cell that cannot be read: a message code (``CELL_TEXTS``) and its arguments; ``str()`` is the
    sheet's Danish text, which says what to write instead."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(CELL_TEXTS[code].format(**params))
        self.code = code
        self.params = params


@dataclass(frozen=True)
class Unreadable:
    """A cell the reader will not take at face value (a formula, an error value such as ``#DIV/0!``):
    ``code`` (``CELL_TEXTS``) and ``value`` say why. The file reader puts it where the value would be."""

    code: str
    value: str = ""


@dataclass(frozen=True)
class Minutes:
    """Hours read from a cell, in whole minutes; ``rounded``: the cell held a part of a minute."""

    minutes: int
    rounded: bool = False


def check_value(value: Any) -> None:
    """Refuse what no cell of the sheet may hold: a formula or error, a number that is not finite."""
    if isinstance(value, Unreadable):
        raise CellProblem(value.code, value=value.value) if value.value else CellProblem(value.code)
    if isinstance(value, float) and not math.isfinite(value):
        raise CellProblem("sheet_not_finite")


def text_of(value: Any) -> str | None:
    check_value(value)
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def day_of(value: Any) -> date | None:
    """A date cell (or text ``2024-03-01`` / ``01-03-2024``); None when it is none of them."""
    check_value(value)
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    text = value.strip()
    for fmt in ("%Y-%m-%d", "%d-%m-%Y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def _exact_hours(value: Any) -> Fraction | None:
    """The hours a cell means, exactly; None when empty. Raises CellProblem."""
    check_value(value)
    if value is None:
        return None
    if isinstance(value, bool):
        raise CellProblem("sheet_hours_bool")
    if isinstance(value, int):
        return Fraction(value)
    if isinstance(value, float):
        return _clock_number(Fraction(repr(value)))  # the decimal the cell shows, not the binary float's tail
    if isinstance(value, datetime | date):
        raise CellProblem("sheet_hours_date")
    if isinstance(value, time):  # "8:30" typed into a cell: the spreadsheet makes a clock time of it
        seconds = value.hour * 3600 + value.minute * 60 + value.second
        return Fraction(seconds, 3600) + Fraction(value.microsecond, 3600 * 10**6)
    if isinstance(value, timedelta):  # a duration format ([t]:mm)
        return Fraction(value.days * 86400 + value.seconds, 3600) + Fraction(value.microseconds, 3600 * 10**6)
    if isinstance(value, str):
        return _text_hours(value)
    raise CellProblem("sheet_hours_unreadable")


def _clock_number(exact: Fraction) -> Fraction:
    """A number below 1 that is no whole number of minutes as hours, but is one as a fraction of a day,
    is a clock time typed into a cell with a number format: a spreadsheet keeps the number format and
    stores ``8:30`` as 0.3541666… (as LibreOffice does in a ``0.00`` cell). Read it as the time it was.
    (0.25 stays 15 minutes: a number that is whole minutes as hours is taken as hours.)"""
    if 0 < exact < 1 and (exact * 60).denominator != 1:
        of_day = exact * 24 * 60
        nearest = round(of_day)
        if nearest > 0 and abs(of_day - nearest) < Fraction(1, 10**6):
            return Fraction(nearest, 60)
    return exact


def _text_hours(value: str) -> Fraction | None:
    text = _UNIT.sub("", value.strip().replace("\u00a0", " ")).strip()
    if not text:
        return None
    if (m := _CLOCK.match(text)) and ":" in text:
        hours, minutes, seconds = int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)
        if minutes < 60 and seconds < 60:
            return Fraction(hours * 3600 + minutes * 60 + seconds, 3600)
    elif (m := _DECIMAL.match(text)) and (m.group(1) or m.group(2)):
        return Fraction(f"{m.group(1) or 0}.{m.group(2) or 0}")
    shown = value.strip() if len(value) <= 40 else value.strip()[:40] + "…"
    raise CellProblem("sheet_hours_text", text=repr(shown))


def _danish(hours: Fraction) -> str:
    if hours > 10_000:
        return "over 10.000"
    return f"{float(hours):g}".replace(".", ",")


def hours_of(value: Any) -> Minutes | None:
    """The minutes a cell means (0..24 hours), rounded to the whole minute half up; None when empty."""
    exact = _exact_hours(value)
    if exact is None:
        return None
    if not 0 <= exact <= MAX_HOURS:
        raise CellProblem("sheet_hours_range", hours=_danish(exact), limit=MAX_HOURS)
    minutes, rounded = minutes_rounded(exact)  # the case-file import's rounding: half up, flagged alike
    return Minutes(minutes, rounded)
