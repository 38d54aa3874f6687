"""Unit conversion and the spec's rounding: half away from zero, only when written out."""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction

from placement_desk.domain.errors import CodedValueError

Number = int | Fraction


def _quantize(value: Fraction, places: int) -> float:
    with localcontext() as ctx:
        ctx.prec = 50
        exact = Decimal(value.numerator) / Decimal(value.denominator)
        # ROUND_HALF_UP in decimal rounds half away from zero (for negatives too).
        return float(exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))


def hours(minutes: Number) -> float:
    """Minutes as hours rounded to 2 decimals (spec rounding)."""
    return _quantize(Fraction(minutes) / 60, 2)


def hours_or_none(minutes: Number | None) -> float | None:
    return None if minutes is None else hours(minutes)


def rate(value: Fraction | None) -> float | None:
    """A rate or share rounded to 4 decimals (spec rounding); None stays None."""
    return None if value is None else _quantize(value, 4)


# A value this close to a whole number of minutes is that minute: it is how a float writes it
# (37 minutes are 0.6166666666666667 h), so it is neither refused nor counted as rounded.
MINUTE_TOLERANCE = Fraction(1, 1000)


def minutes_rounded(value: float | int | str | Fraction) -> tuple[int, bool]:
    """Decimal hours to the nearest whole minute, half away from zero (0.62 h = 37.2 min -> 37).

    The flag is True when the value was not a whole number of minutes (more than
    :data:`MINUTE_TOLERANCE` from one), i.e. when reading it changed it.
    """
    exact = (value if isinstance(value, Fraction) else Fraction(str(value))) * 60
    mins = math.floor(abs(exact) + Fraction(1, 2)) * (1 if exact >= 0 else -1)
    return int(mins), abs(exact - mins) > MINUTE_TOLERANCE


def minutes_from_hours(value: float | int | str | Fraction) -> int:
    """Decimal hours to whole minutes; raises ValueError when it is not a whole number of minutes."""
    mins, rounded = minutes_rounded(value)
    if rounded:
        raise CodedValueError("whole_minutes")
    return mins


def hours_value(minutes: int) -> int | float:
    """Minutes as a JSON hours value: an integer when whole, else the exact decimal."""
    if minutes % 60 == 0:
        return minutes // 60
    return minutes / 60
