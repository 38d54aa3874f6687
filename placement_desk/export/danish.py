"""Danish formatting shared by the PDF and Excel documents: ``95,5 %``, ``42,00 t``, ``24-12-2024``.

Hours are rounded as the spec says (``numbers.hours``: two decimals, the same values the JSON summary
carries). A rate or share is rounded **once**, from its exact ``Fraction``, to the one decimal the
documents show (41/52 = 78,846 % is ``78,8 %``), never from the summary's four-decimal value; Excel cells
hold the exact value (:func:`rate_cell`) and let the number format round it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from functools import lru_cache

from placement_desk.domain import casefile as cf
from placement_desk.domain import numbers
from placement_desk.domain.vocab import label

DASH = "–"
DOSSIER_TITLE = "Arbejdsevnedokumentation"
ABSENCE_TITLE = "Fraværsoversigt"

MONTHS = (
    "januar", "februar", "marts", "april", "maj", "juni",
    "juli", "august", "september", "oktober", "november", "december",
)  # fmt: skip
MONTHS_SHORT = ("jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
WEEKDAYS = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")
WEEKDAYS_SHORT = ("man", "tir", "ons", "tor", "fre", "lør", "søn")

# Excel number formats (Excel shows them with the reader's own separators: 1.234,50 in Danish Excel).
XL_HOURS = "#,##0.00"
XL_RATE = "0.0%"
XL_PCT = '0.0" %"'
XL_INT = "0"
XL_DATE = "dd-mm-yyyy"


@lru_cache(maxsize=8192, typed=True)  # a dossier writes the same few hundred values thousands of times
def number(value: float | int | Fraction | Decimal, decimals: int = 2) -> str:
    """``1234.5`` -> ``1.234,50`` (rounded half away from zero). Remembered per value and type (a float
    and the Fraction equal to it may round apart: 2.675 is ``2,68``, its binary Fraction ``2,67``)."""
    exact = Decimal(value.numerator) / Decimal(value.denominator) if isinstance(value, Fraction) else Decimal(str(value))
    q = exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    text = f"{q:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


@lru_cache(maxsize=16384, typed=True)
def hours(minutes: int | Fraction) -> float:
    """``numbers.hours`` (minutes as hours, rounded as the spec says), remembered per value and type: a
    dossier turns the same few hundred values into hours thousands of times (its PDF, workbook and JSON)."""
    return numbers.hours(minutes)


@lru_cache(maxsize=8192, typed=True)
def hours_text(minutes: int | Fraction | None) -> str:
    """Minutes as Danish hours: ``42,00 t`` (``–`` when unknown)."""
    if minutes is None:
        return DASH
    return f"{number(hours(minutes))} t"


def short_hours(minutes: int) -> str:
    """Plan hours without trailing zeros: ``2 t``, ``2,5 t``, ``2,25 t``."""
    text = number(hours(minutes))
    return f"{text.rstrip('0').rstrip(',')} t"


def hours_value_text(value: float | None) -> str:
    """Already rounded hours (as in the JSON summary) as Danish text."""
    return DASH if value is None else f"{number(value)} t"


def rate_text(value: Fraction | None) -> str:
    """A rate or share as a Danish percentage with one decimal, rounded once from the exact value:
    ``95,5 %`` (41/52 -> ``78,8 %``)."""
    return DASH if value is None else f"{number(Fraction(value) * 100, 1)} %"


def rate_cell(value: Fraction | None) -> float | None:
    """A rate or share for an Excel cell: the exact value as a float (the cell's percent format rounds
    it once for display)."""
    return None if value is None else float(value)


def rate_value_text(value: float | None) -> str:
    """A summary's rate (0.9545) as ``95,5 %``: for reading the JSON summary, not for the documents
    (their rates are rounded once from the exact value, see :func:`rate_text`)."""
    return DASH if value is None else f"{number(Decimal(str(value)) * 100, 1)} %"


def pct_text(value: Fraction | int | None) -> str:
    """A percentage (60.5 means 60,5 %): ``60 %`` when whole, else one decimal."""
    if value is None:
        return DASH
    if Fraction(value).denominator == 1:
        return f"{number(value, 0)} %"
    return f"{number(value, 1)} %"


def pct_value(value: Fraction | int | None) -> float | None:
    """A percentage as an Excel fraction (60.5 -> 0.605), the exact value (the cell format rounds it)."""
    return float(Fraction(value) / 100) if value is not None else None


def date_text(value: date | None) -> str:
    return value.strftime("%d-%m-%Y") if value else DASH


def period_text(first: date | None, last: date | None) -> str:
    return f"{date_text(first)} – {date_text(last) if last else 'åben'}"


def week_text(key: str) -> str:
    """``2022-W36`` -> ``uge 36, 2022``."""
    year, week = key.split("-W")
    return f"uge {int(week)}, {year}"


def weeks_text(weeks: tuple[str, str] | None) -> str:
    """An ISO week range: ``uge 5–8 2024``; across a new year ``uge 52 2023 – uge 3 2024``."""
    if weeks is None:
        return DASH
    (y1, w1), (y2, w2) = (k.split("-W") for k in weeks)
    if y1 == y2:
        return f"uge {int(w1)}{DASH}{int(w2)} {y1}"
    return f"uge {int(w1)} {y1} {DASH} uge {int(w2)} {y2}"


def sustained_text(minutes: int | None, weeks: tuple[str, str] | None) -> str:
    """The sustained weekly hours with the weeks they were reached: ``16,00 t (uge 5–8 2024)``."""
    if minutes is None:
        return DASH
    return f"{hours_text(minutes)} ({weeks_text(weeks)})" if weeks else hours_text(minutes)


def effective_text(effective: Fraction | None, basis: int) -> str:
    """Effective hours with the attended hours they are computed from:
    ``77,22 t af 140,40 fremmødte timer med en vurdering``."""
    if effective is None:
        return f"{DASH} (ingen fremmødte timer med en vurdering af effektiviteten)"
    return f"{hours_text(effective)} {effective_basis_text(basis)}"


def effective_basis_text(basis: int) -> str:
    """What effective hours are computed from: ``af 140,40 fremmødte timer med en vurdering``."""
    return f"af {number(hours(basis))} fremmødte timer med en vurdering"


def planned_text(planned: int, agreed: int, unrecorded: int, counted: int) -> str:
    """The one planned total with what the rates leave out: ``Planlagt 455,00 t, heraf 32,00 t aftalt
    fravær (ikke medregnet i fremmøde- og fraværsprocenten); 423,00 t tæller med``."""
    parts = []
    if agreed:
        parts.append(f"{hours_text(agreed)} aftalt fravær")
    if unrecorded:
        parts.append(f"{hours_text(unrecorded)} uden registrering")
    if not parts:
        return f"Planlagt {hours_text(planned)}; alle tæller med i fremmøde- og fraværsprocenten"
    return (
        f"Planlagt {hours_text(planned)}, heraf {' og '.join(parts)} (ikke medregnet i fremmøde- og "
        f"fraværsprocenten); {hours_text(counted)} tæller med"
    )


def month_text(key: str) -> str:
    """``2022-09`` -> ``september 2022``."""
    year, month = key.split("-")
    return f"{MONTHS[int(month) - 1]} {year}"


def month_short(key: str) -> str:
    """``2022-09`` -> ``sep 22``."""
    year, month = key.split("-")
    return f"{MONTHS_SHORT[int(month) - 1]} {year[2:]}"


def weekday_text(value: date) -> str:
    return WEEKDAYS[value.weekday()]


def score_text(value: int | None) -> str:
    if value is None:
        return DASH
    return f"+{value}" if value > 0 else str(value)


def scores_text(scores: Sequence[cf.Score]) -> str:
    """A score history in date order: ``0 → +3 → +4 → -2 → -1``."""
    return " → ".join(score_text(s.score) for s in scores) or DASH


def code_text(code: str | None) -> str:
    """A vocabulary code in Danish (``internal_training`` -> ``Intern træningsbane``)."""
    return label(code) if code else DASH


PARTICIPANTS = {
    "citizen": "borger",
    "mentor": "mentor",
    "workplace_mentor": "virksomhedsmentor",
    "consultant": "konsulent",
    "caseworker": "sagsbehandler",
}
ASSESSORS = {"citizen": "Borger", "mentor": "Mentor", "consultant": "Konsulent", None: "Ikke angivet"}


def participants_text(codes: tuple[str, ...] | list[str]) -> str:
    return ", ".join(PARTICIPANTS.get(c, c) for c in codes) if codes else DASH


def assessor_text(code: str | None) -> str:
    return ASSESSORS.get(code, code or ASSESSORS[None])


def reason_text(reason: str) -> str:
    """An absence reason group: a status code in Danish (``sick`` -> ``Syg``), else capitalised."""
    if reason in ("sick", "absent_unexcused", "left_early", "absent_agreed"):
        return label(reason)
    return reason[:1].upper() + reason[1:]


def text_or_dash(value: str | None) -> str:
    return value.strip() if value and value.strip() else DASH


def yes_no(value: bool) -> str:
    return "Ja" if value else "Nej"


def programme_text(r: cf.Referral) -> str:
    text = f"{r.programme}: {period_text(r.start, r.end)}"
    if r.extensions:
        text += ", forlænget til " + " og ".join(date_text(e) for e in r.extensions)
    if r.end_reason:
        text += f". {r.end_reason}"
    return text
