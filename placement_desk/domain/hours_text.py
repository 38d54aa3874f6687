"""Hours plans written the way consultants say them: "2x3", "2x4+1x3", "man-fre 12-15", "tir 2, tor 2".

``parse_hours_text`` turns such a text into hours per weekday key; ``describe_week`` writes a week
back in the short form ("3 × 4 t + 1 × 3 t = 15 t"). Danish and English day names both work.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction

from placement_desk.domain.errors import CodedValueError
from placement_desk.domain.vocab import WEEKDAYS

DAY_NAMES = {
    "man": 0, "mandag": 0, "mon": 0, "monday": 0,
    "tir": 1, "tirsdag": 1, "tue": 1, "tuesday": 1,
    "ons": 2, "onsdag": 2, "wed": 2, "wednesday": 2,
    "tor": 3, "torsdag": 3, "thu": 3, "thursday": 3,
    "fre": 4, "fredag": 4, "fri": 4, "friday": 4,
    "lør": 5, "lørdag": 5, "sat": 5, "saturday": 5,
    "søn": 6, "søndag": 6, "sun": 6, "sunday": 6,
}
DANISH_SHORT = ("man", "tir", "ons", "tor", "fre", "lør", "søn")
# Which weekdays N working days fall on when only a count is given: spread over the week.
SPREAD = {1: (2,), 2: (1, 3), 3: (0, 2, 4), 4: (0, 1, 3, 4), 5: (0, 1, 2, 3, 4), 6: (0, 1, 2, 3, 4, 5),
          7: (0, 1, 2, 3, 4, 5, 6)}

_NUM = r"\d+(?:[.,]\d+)?"
_COUNT = re.compile(rf"^(\d+)\s*[x×*]\s*({_NUM})\s*t?$")
_TIME = r"\d{1,2}(?:[.:]\d{2})?"
_RANGE_DAYS = re.compile(rf"^([a-zæøå]+)\s*[-–]\s*([a-zæøå]+)\s+(?:kl\.?\s*)?({_TIME})\s*[-–]\s*({_TIME})$")
_DAY_HOURS = re.compile(rf"^([a-zæøå]+)\.?\s*:?\s*({_NUM})\s*t?$")
_DAY_TIMES = re.compile(rf"^([a-zæøå]+)\.?\s+(?:kl\.?\s*)?({_TIME})\s*[-–]\s*({_TIME})$")


class HoursTextError(CodedValueError):
    """An hours text or plan that cannot be read; ``step`` numbers the plan's step when it has several."""

    def __init__(self, code: str, step: int | None = None, **params: object) -> None:
        super().__init__(code, **params)
        self.step = step
        if step is not None:
            self.args = (f"step {step}: {self}",)


def _num(text: str) -> Fraction:
    return Fraction(text.replace(",", "."))


def _clock(text: str) -> Fraction:
    parts = re.split(r"[.:]", text)
    hours = Fraction(int(parts[0]))
    if len(parts) > 1:
        hours += Fraction(int(parts[1]), 60)
    if hours > 24:
        raise HoursTextError("not_a_time", text=text)
    return hours


def _day(name: str) -> int:
    key = name.strip(". ").lower()
    if key not in DAY_NAMES:
        raise HoursTextError("unknown_weekday", name=repr(name))
    return DAY_NAMES[key]


def parse_hours_text(text: str) -> dict[str, float]:
    """Hours per weekday key from a short text; raises HoursTextError if it cannot be read."""
    hours = [Fraction(0)] * 7
    parts = [p.strip().lower() for p in re.split(r"\s*[+;]\s*|,\s+|,(?=[a-zæøå])|\s+og\s+|\s+and\s+", text.strip()) if p.strip()]
    if not parts:
        raise HoursTextError("no_hours")
    counted: list[Fraction] = []
    for part in parts:
        _read_part(part, hours, counted)
    if counted:
        _place_counted(hours, counted)
    if any(h < 0 or h > 24 for h in hours):
        raise HoursTextError("day_hours")
    return {WEEKDAYS[d]: float(h) for d, h in enumerate(hours) if h}


def _read_part(part: str, hours: list[Fraction], counted: list[Fraction]) -> None:
    """One part of the text: hours added to their weekday, or "N days of H hours" kept in ``counted``."""
    if m := _COUNT.match(part):
        counted.extend([_num(m.group(2))] * int(m.group(1)))
    elif m := _RANGE_DAYS.match(part):
        first, last = _day(m.group(1)), _day(m.group(2))
        length = _clock(m.group(4)) - _clock(m.group(3))
        for d in range(first, last + 1):
            hours[d] += length
    elif m := _DAY_TIMES.match(part):
        hours[_day(m.group(1))] += _clock(m.group(3)) - _clock(m.group(2))
    elif m := _DAY_HOURS.match(part):
        hours[_day(m.group(1))] += _num(m.group(2))
    else:
        raise HoursTextError("hours_unreadable", part=repr(part))


def _place_counted(hours: list[Fraction], counted: list[Fraction]) -> None:
    """Days given only by their number go on the free weekdays, spread over the week, longest first."""
    free = [d for d in range(7) if hours[d] == 0]
    if len(counted) > len(free):
        raise HoursTextError("too_many_days")
    days = _spread(free, len(counted))
    for d, h in zip(sorted(days), sorted(counted, reverse=True), strict=True):
        hours[d] = h


def _spread(free: list[int], n: int) -> list[int]:
    """N days among the free ones, spread over the week (weekdays before the weekend)."""
    preferred = [d for d in SPREAD.get(n, ()) if d in free]
    if len(preferred) == n:
        return preferred
    pool = [d for d in free if d < 5] if n <= len([d for d in free if d < 5]) else free
    if n == 1:
        return [pool[len(pool) // 2]]
    return [pool[round(i * (len(pool) - 1) / (n - 1))] for i in range(n)]


ENGLISH_SHORT = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def describe_week(minutes: tuple[int, ...], *, english: bool = False) -> str:
    """'2 × 4 t + 1 × 3 t = 11 t (man, ons, fre)' for a week of minutes per weekday (documents write it so);
    ``english``: '2 × 4 h + 1 × 3 h = 11 h (Mon, Wed, Fri)', with a decimal point, for the English UI."""
    unit, names = ("h", ENGLISH_SHORT) if english else ("t", DANISH_SHORT)
    worked = [(d, mins) for d, mins in enumerate(minutes) if mins]
    if not worked:
        return f"0 {unit}"
    groups: dict[int, int] = {}
    for _, mins in worked:
        groups[mins] = groups.get(mins, 0) + 1
    ordered = sorted(groups.items(), key=lambda g: -g[0])
    text = " + ".join(f"{n} × {_h(mins, english)} {unit}" for mins, n in ordered)
    days = ", ".join(names[d] for d, _ in worked)
    return f"{text} = {_h(sum(minutes), english)} {unit} ({days})"


def _h(minutes: int, english: bool = False) -> str:
    value = Fraction(minutes, 60)
    if value.denominator == 1:
        return str(value.numerator)
    text = f"{float(value):.2f}".rstrip("0")
    return text if english else text.replace(".", ",")


# ---- a whole hours plan: ramp-up steps in one line --------------------------------------------------

STEP_GAP_DAYS = 28  # a later step without a date starts four weeks after the one before it
_PAID = re.compile(rf"\(\s*({_NUM})\s*(?:t\s*)?(?:løn\w*|lønnede?(?:\s+timer)?|paid(?:\s+hours)?)\s*\)", re.IGNORECASE)
_DATE_TEXT = r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[-./]\d{1,2}(?:[-./]\d{2,4})?"
_FROM = re.compile(rf"(?:^|\s)(?:fra|from)\s+({_DATE_TEXT})(?=\s|:|$)", re.IGNORECASE)


@dataclass(frozen=True)
class PlanStep:
    """One step of an hours plan read from text: from ``start``, ``hours`` per weekday key and
    ``paid`` hours per week; ``dated`` says whether the date was written or defaulted."""

    start: date
    hours: dict[str, float]
    paid: float
    dated: bool

    @property
    def minutes(self) -> tuple[int, ...]:
        return tuple(round(self.hours.get(k, 0) * 60) for k in WEEKDAYS)


def parse_hours_plan(text: str, start: date, follow_first: bool = False) -> tuple[PlanStep, ...]:
    """Steps of an hours plan separated by ';', e.g. "2x3; 3x3 (3 løn) fra 04-01; 4x3,5 (6 løn) fra 01-02".

    A step is an hours text (see :func:`parse_hours_text`) with optional paid hours per week
    "(N løn)" and an optional first day "fra DD-MM[-YYYY]". The first step without a date starts on
    ``start``, a later one four weeks after the step before it; a date without a year is the first such
    day after the step before it. ``follow_first``: a dated first step sets the start itself (its year,
    when not written, the one nearest ``start``). Raises HoursTextError ("step N: ..." when the plan has
    several steps)."""
    parts = [p.strip() for p in text.split(";")]
    if not any(parts):
        raise HoursTextError("no_hours")
    if not parts[-1]:
        parts.pop()  # a trailing ';' while the next step is being typed
    steps: list[PlanStep] = []
    for number, part in enumerate(parts, start=1):
        try:
            step = _plan_step(part, start, steps[-1] if steps else None, follow_first)
        except HoursTextError as exc:
            raise HoursTextError(exc.code, number if len(parts) > 1 else None, **exc.params) from None
        steps.append(step)
    return tuple(steps)


def _plan_step(part: str, start: date, previous: PlanStep | None, follow_first: bool) -> PlanStep:
    rest, paid = part, Fraction(0)
    day: date | None = None
    if m := _PAID.search(rest):
        paid = _num(m.group(1))
        rest = rest[: m.start()] + " " + rest[m.end() :]
    if m := _FROM.search(rest):
        day = _plan_date(m.group(1), previous.start + timedelta(days=1) if previous else start, previous is None)
        rest = rest[: m.start()] + " " + rest[m.end() :]
    rest = rest.strip(" :,")
    if not rest:
        raise HoursTextError("no_hours")
    hours = parse_hours_text(rest)
    dated = day is not None
    if day is None:
        day = previous.start + timedelta(days=STEP_GAP_DAYS) if previous else start
    elif previous is not None and day <= previous.start:
        raise HoursTextError("step_order", day=day.isoformat(), previous=previous.start.isoformat())
    elif previous is None and day < start and not follow_first:
        raise HoursTextError("step_before_start", day=day.isoformat(), start=start.isoformat())
    weekly = sum(Fraction(v).limit_denominator(60) for v in hours.values())
    if paid > weekly:
        raise HoursTextError("paid_over_weekly", paid=f"{float(paid):g}", weekly=f"{float(weekly):g}")
    return PlanStep(day, hours, float(paid), dated)


def _plan_date(text: str, near: date, nearest: bool) -> date:
    """'04-01', '4/1-27', '04-01-2027' or '2027-01-04'. Without a year: the first such day on or after
    ``near``, or (``nearest``) the one nearest to it."""
    try:
        if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", text):
            y, mo, d = (int(x) for x in text.split("-"))
            return date(y, mo, d)
        pieces = [int(x) for x in re.split(r"[-./]", text)]
        if len(pieces) == 3:
            return date(pieces[2] + 2000 if pieces[2] < 100 else pieces[2], pieces[1], pieces[0])
        candidates: list[date] = []
        for year in (near.year - 1, near.year, near.year + 1):
            try:
                candidates.append(date(year, pieces[1], pieces[0]))
            except ValueError:
                continue
        if nearest and candidates:
            return min(candidates, key=lambda c: abs((c - near).days))
        later = [c for c in candidates if c >= near]
        if later:
            return later[0]
        raise ValueError(text)
    except ValueError:
        raise HoursTextError("step_not_a_date", text=text) from None
