"""Checks of single form fields, in the services' own (English) words so that the same Danish
shows whether a form or a service found the problem: Danish dates, CPR, CVR, a year."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QLineEdit

from placement_desk.domain.identifiers import check_cvr, cpr_birth_date


def parse_danish_date(text: str, today: date | None = None) -> date | None:
    """'24-12-2024', '24.12.2024', '24/12-24', '24122024', '2024-12-24' or '24/12' (this year)."""
    text = text.strip()
    if not text:
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return date.fromisoformat(text)
    m = re.fullmatch(r"(\d{1,2})[-./](\d{1,2})(?:[-./](\d{2,4}))?", text) or re.fullmatch(
        r"(\d{2})(\d{2})(\d{4}|\d{2})", text
    )
    if not m:
        raise ValueError(text)
    year_text = m.group(3)
    year = (today or date.today()).year if not year_text else int(year_text)
    if year < 100:
        year += 2000
    return date(year, int(m.group(2)), int(m.group(1)))


def date_problem(text: str) -> str | None:
    """What is wrong with a typed date (English, as the services say it), or None."""
    text = text.strip()
    if not text:
        return None
    try:
        parse_danish_date(text)
    except ValueError:
        if re.fullmatch(r"[\d\s./-]+", text):
            return f"not a date ({text} does not exist)"
        return f"{text} is not a date"
    return None


def cpr_problem(widget: QLineEdit) -> Callable[[], str | None]:
    """A check for an optional CPR field (the service's rule and words)."""
    def check() -> str | None:
        text = widget.text().strip()
        if not text:
            return None
        try:
            cpr_birth_date(text)
        except ValueError as exc:
            return str(exc)
        return None

    return check


def cvr_problem(widget: QLineEdit) -> Callable[[], str | None]:
    """A check for an optional CVR field (8 digits, modulus 11)."""
    def check() -> str | None:
        text = widget.text().strip()
        if not text:
            return None
        try:
            check_cvr(text)
        except ValueError as exc:
            return str(exc)
        return None

    return check


def year_problem(widget: QLineEdit) -> Callable[[], str | None]:
    """A check for an optional year field."""

    def check() -> str | None:
        text = widget.text().strip()
        if text and not (text.isdigit() and 1900 <= int(text) <= 2100):
            return "must be a year such as 1972"
        return None

    return check
