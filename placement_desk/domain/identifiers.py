"""Danish identifiers: CPR (civil registration number) and CVR (company number)."""

from __future__ import annotations

import re
from datetime import date

from placement_desk.domain.errors import CodedValueError

_CPR = re.compile(r"([0-9]{2})([0-9]{2})([0-9]{2})-?([0-9]{4})")  # ASCII digits only
_CVR_WEIGHTS = (2, 7, 6, 5, 4, 3, 2, 1)


def cpr_birth_date(cpr: str) -> date:
    """The birth date a CPR number encodes; raises ValueError if it is not a valid CPR.

    Since 2007 CPR numbers need not satisfy the modulus-11 check, so none is done: the number is
    valid when it has 10 digits (DDMMYY-XXXX or DDMMYYXXXX) and encodes a real date. The century
    follows the 7th digit as the CPR office defines it.
    """
    m = _CPR.fullmatch(cpr.strip())
    if not m:
        raise CodedValueError("cpr_form")
    dd, mm, yy, serial = (int(m.group(1)), int(m.group(2)), int(m.group(3)), m.group(4))
    seventh = int(serial[0])
    if seventh in (0, 1, 2, 3):
        century = 1900
    elif seventh in (4, 9):
        century = 2000 if yy <= 36 else 1900
    elif seventh in (5, 6, 7, 8):
        century = 2000 if yy <= 57 else 1800
    else:  # pragma: no cover - a digit is 0..9
        century = 1900
    try:
        return date(century + yy, mm, dd)
    except ValueError:
        raise CodedValueError("cpr_date") from None


def normalise_cpr(cpr: str) -> str:
    """DDMMYY-XXXX form of a valid CPR; raises ValueError like :func:`cpr_birth_date`."""
    cpr_birth_date(cpr)
    digits = cpr.strip().replace("-", "")
    return f"{digits[:6]}-{digits[6:]}"


def check_cvr(cvr: str) -> str:
    """The CVR number if it is 8 digits and modulus-11 valid; raises ValueError otherwise."""
    value = cvr.strip().replace(" ", "")
    if not re.fullmatch(r"[0-9]{8}", value):
        raise CodedValueError("cvr_digits")
    if sum(int(d) * w for d, w in zip(value, _CVR_WEIGHTS, strict=True)) % 11 != 0:
        raise CodedValueError("cvr_modulus")
    return value
