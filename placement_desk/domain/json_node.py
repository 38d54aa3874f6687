"""Reading a JSON tree with paths (spec section 1): a :class:`Node` is one JSON object with typed getters
that raise a ValidationError naming the JSON path; dates, numbers and texts are checked the way every part of
a case file is (:mod:`placement_desk.domain.casefile_parse` and :mod:`placement_desk.domain.profile_parse`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from fractions import Fraction
from functools import cache
from typing import Any, TypeVar

from placement_desk.domain.errors import ValidationError

T = TypeVar("T")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# Dates outside these years are typing errors in this domain (and would make the figures run for ages).
MIN_YEAR, MAX_YEAR = 1900, 2100

# The longest text each kind of field may hold: the column widths of the database, which PostgreSQL
# enforces (SQLite does not), so the same input is accepted or refused on both.
REF_MAX = 80  # refs, author
NAME_MAX = 200  # names, e-mail, industry, benefit, caseworker, absence reason, task name
LINE_MAX = 300  # address, job goal, programme
SHORT_MAX = 50  # contact role and phone


def check_text(v: str, path: str, limit: int | None = None) -> str:
    """Text the database can keep: no NUL character, valid Unicode, at most ``limit`` characters."""
    if "\x00" in v:
        raise ValidationError(path, code="nul_character")
    try:
        v.encode("utf-8")
    except UnicodeEncodeError:
        raise ValidationError(path, code="lone_surrogate") from None
    if limit is not None and len(v) > limit:
        raise ValidationError(path, code="too_long", limit=limit, length=len(v))
    return v


@dataclass
class Reading:
    """What reading a case file did beside validating it: how many hours values it rounded to the minute."""

    rounded: int = 0


# The reading under way while parse_case_file runs (None when a service parses one record for a form).
_READING: ContextVar[Reading | None] = ContextVar("case_file_reading", default=None)


@dataclass
class Known:
    """What the database already holds: company ref -> its contact refs; placement ref -> citizen ref."""

    companies: Mapping[str, frozenset[str]] = field(default_factory=dict)
    placements: Mapping[str, str] = field(default_factory=dict)


class Node:
    """A JSON object with its path, with typed getters that raise ValidationError."""

    def __init__(self, value: Any, path: str) -> None:
        if not isinstance(value, dict):
            raise ValidationError(path or "$", code="not_object")
        self.value: dict[str, Any] = value
        self.path = path

    def at(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def raw(self, key: str) -> Any:
        return self.value.get(key)

    def fail(self, key: str, code: str, **params: object) -> ValidationError:
        """The error of a field of this object: a message code (``errors.MESSAGES``) and its arguments."""
        return ValidationError(self.at(key), None, code=code, **params)

    def text(self, key: str, required: bool = False, limit: int | None = None) -> str | None:
        v = self.value.get(key)
        if v is None or (isinstance(v, str) and not v.strip() and required):
            if required:
                raise self.fail(key, code="required")
            return None
        if not isinstance(v, str):
            raise self.fail(key, code="not_text")
        return check_text(v, self.at(key), limit)

    def req_text(self, key: str, limit: int | None = None) -> str:
        v = self.text(key, required=True, limit=limit)
        assert v is not None
        return v

    def day(self, key: str, required: bool = False) -> date | None:
        return parse_date(self.value.get(key), self.at(key), required)

    def req_day(self, key: str) -> date:
        v = self.day(key, required=True)
        assert v is not None
        return v

    def boolean(self, key: str, default: bool) -> bool:
        v = self.value.get(key)
        if v is None:
            return default
        if not isinstance(v, bool):
            raise self.fail(key, code="not_bool")
        return v

    def number(self, key: str, lo: float, hi: float, required: bool = True) -> Fraction | None:
        v = self.value.get(key)
        if v is None:
            if required:
                raise self.fail(key, code="required")
            return None
        return parse_number(v, self.at(key), lo, hi)

    def enum(self, key: str, kind: type[StrEnum], required: bool = True) -> str | None:
        v = self.value.get(key)
        if v is None:
            if required:
                raise self.fail(key, code="required")
            return None
        allowed = _values(kind)
        if v not in allowed:
            raise self.fail(key, code="not_one_of", value=repr(v), allowed=", ".join(allowed))
        return str(v)

    def items(self, key: str, parse: Callable[[Any, str], T]) -> tuple[T, ...]:
        v = self.value.get(key)
        if v is None:
            return ()
        if not isinstance(v, list):
            raise self.fail(key, code="not_list")
        return tuple(parse(item, f"{self.at(key)}[{i}]") for i, item in enumerate(v))


@cache
def _values(kind: type[StrEnum]) -> tuple[str, ...]:
    """An enum's values, listed once (a case file checks one per attendance record)."""
    return tuple(e.value for e in kind)


def parse_date(v: Any, path: str, required: bool = False) -> date | None:
    if v is None:
        if required:
            raise ValidationError(path, code="required")
        return None
    if not isinstance(v, str) or not _DATE.fullmatch(v):
        raise ValidationError(path, code="not_a_date")
    try:
        day = date.fromisoformat(v)
    except ValueError:
        raise ValidationError(path, code="date_does_not_exist", text=v) from None
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise ValidationError(path, code="implausible_date", text=v, first=MIN_YEAR, last=MAX_YEAR)
    return day


def parse_number(v: Any, path: str, lo: float, hi: float) -> Fraction:
    if isinstance(v, bool) or not isinstance(v, int | float):
        raise ValidationError(path, code="not_a_number")
    if isinstance(v, float) and not math.isfinite(v):
        raise ValidationError(path, code="not_finite")
    value = Fraction(str(v))
    if not lo <= value <= hi:
        raise ValidationError(path, code="between", low=f"{lo:g}", high=f"{hi:g}")
    return value
