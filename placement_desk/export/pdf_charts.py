"""Vector charts for the PDF documents (reportlab graphics): axes, legends, Danish labels.

The charts take values that are already computed (and rounded) by the caller; they only lay them out.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from placement_desk.export.danish import number
from placement_desk.export.pdf_base import BLUE, FONT, FONT_BOLD, GREEN, GREY, INK, NAVY, ORANGE, register_fonts
from placement_desk.export.pdf_drawing import ChartDrawing, Circle, Line, PolyLine, Rect, String

AXIS = colors.HexColor("#9AA5B1")
GRID = colors.HexColor("#E5E9EE")
LIGHT = colors.HexColor("#D9DEE4")
FADED = colors.Color(0.12, 0.23, 0.37, alpha=0.18)
AGREED = colors.HexColor("#A9D18E")  # agreed absence: holiday, treatment, meetings (not absence)
ABSENT = colors.HexColor("#F4B183")  # counted absence: sick, no-show, left early
PAID = colors.HexColor("#7030A0")  # planned paid hours (a dashed line, never drawn over attendance)
ASSESSED = colors.HexColor("#8FAADC")  # attended hours with an effectiveness assessment

STEPS = (Decimal(1), Decimal(2), Decimal("2.5"), Decimal(5), Decimal(10))


def nice_scale(top: float, ticks: int = 5) -> tuple[float, float]:
    """A round axis maximum and tick step (1, 2, 2.5 or 5 times a power of ten) that covers ``top``
    with about ``ticks`` steps."""
    if top <= 0:
        return 4.0, 1.0
    raw = Decimal(str(top)) / ticks
    magnitude = Decimal(1).scaleb(math.floor(math.log10(raw)))
    step = next(m * magnitude for m in STEPS if m * magnitude >= raw)
    return float(math.ceil(Decimal(str(top)) / step) * step), float(step)


def step_decimals(step: float) -> int:
    """The decimals a tick label needs so that every multiple of ``step`` is written exactly
    (2,5 -> 1; 0,25 -> 2; 5 -> 0)."""
    exponent = Decimal(str(step)).normalize().as_tuple().exponent
    return max(0, -int(exponent))


def axis_ticks(top: float, step: float) -> list[tuple[float, str]]:
    """The gridline values from 0 to ``top`` and their labels, each label exactly its gridline's value."""
    decimals = step_decimals(step)
    count = round(top / step)
    exact = Decimal(str(step))
    return [(float(exact * i), number(exact * i, decimals)) for i in range(count + 1)]


def _text(x: float, y: float, text: str, size: float = 6.5, anchor: str = "middle", bold: bool = False,
          color: colors.Color = INK) -> String:  # fmt: skip
    return String(x, y, text, fontName=FONT_BOLD if bold else FONT, fontSize=size, fillColor=color, textAnchor=anchor)


def _legend(d: Drawing, x: float, y: float, items: Sequence[tuple[str, colors.Color, str]]) -> None:
    """Legend entries left to right: (label, colour, 'box' | 'line' | 'dash' | 'dot')."""
    register_fonts()  # the labels are measured
    for name, color, kind in items:
        if kind in ("line", "dash"):
            dash = [3, 2] if kind == "dash" else None
            d.add(Line(x, y + 2.5, x + 12, y + 2.5, strokeColor=color, strokeWidth=1.6, strokeDashArray=dash))
            x += 15
        elif kind == "dot":
            d.add(Circle(x + 3, y + 2.5, 2.4, fillColor=color, strokeColor=color))
            x += 8
        else:
            d.add(Rect(x, y, 7, 5.5, fillColor=color, strokeColor=None))
            x += 10
        d.add(_text(x, y, name, 7, "start"))
        x += stringWidth(name, FONT, 7) + 12


def _y_axis(d: Drawing, x0: float, x1: float, y0: float, y1: float, top: float, step: float, unit: str) -> None:
    for value, label in axis_ticks(top, step):
        y = y0 + (y1 - y0) * value / top
        d.add(Line(x0, y, x1, y, strokeColor=GRID if value else AXIS, strokeWidth=0.5))
        d.add(_text(x0 - 3, y - 2.2, label, 6.5, "end"))
    d.add(_text(x0 - 3, y1 + 5, unit, 6.5, "end", color=GREY))


@dataclass(frozen=True)
class HoursBar:
    """One week or month of the hours charts (hours, already rounded by the caller).

    ``label`` is the tick text (week number, month); ``group`` starts a new group on the axis (the
    year) when it changes; ``note`` is written above the column (the month's attendance rate)."""

    label: str
    group: str
    planned: float
    attended: float
    absent: float
    agreed: float
    paid: float
    note: str | None = None

    @property
    def stack(self) -> float:
        return self.attended + self.absent + self.agreed


HOURS_LEGEND: list[tuple[str, colors.Color, str]] = [
    ("Planlagt", NAVY, "line"), ("Fremmødt", BLUE, "box"), ("Fravær", ABSENT, "box"),
    ("Aftalt fravær", AGREED, "box"), ("Planlagte løntimer", PAID, "dash"),
]  # fmt: skip


def hours_top(bars: Sequence[HoursBar]) -> float:
    """The largest value an hours chart must show (several charts of one document share it)."""
    return max([b.planned for b in bars] + [b.stack for b in bars] + [b.paid for b in bars] + [0.0])


def hours_chart(bars: Sequence[HoursBar], width: float, height: float, top_hours: float = 0, axis: str = "uge") -> Drawing:
    """Per week or month: attended, absent and agreed-absence hours stacked (each its own colour, none
    hides another), the plan as a step line and the planned paid hours as a dashed step line.

    ``top_hours`` gives several charts of one document the same scale.
    """
    register_fonts()  # the tick labels are measured
    d = ChartDrawing(width, height, initialFontName=FONT, initialFontSize=7)
    x0, x1, y0, y1 = 30.0, width - 6, 26.0, height - 22
    top, step = nice_scale(max(hours_top(bars), 1.0, top_hours))
    _y_axis(d, x0, x1, y0, y1, top, step, "timer")
    n = max(len(bars), 1)
    bw = (x1 - x0) / n
    scale = (y1 - y0) / top
    label_every = max(1, math.ceil(stringWidth(max((b.label for b in bars), key=len, default=""), FONT, 6) * 1.4 / bw))
    plan: list[float] = []
    paid: list[float] = []
    last_group = None
    for i, b in enumerate(bars):
        x = x0 + i * bw
        base = y0
        for value, colour in ((b.attended, BLUE), (b.absent, ABSENT), (b.agreed, AGREED)):
            if value > 0:
                d.add(Rect(x + bw * 0.12, base, bw * 0.76, value * scale, fillColor=colour, strokeColor=None))
                base += value * scale
        plan += [x, y0 + b.planned * scale, x + bw, y0 + b.planned * scale]
        paid += [x, y0 + b.paid * scale, x + bw, y0 + b.paid * scale]
        if b.note and bw >= 14:
            d.add(_text(x + bw / 2, max(base, y0 + b.planned * scale) + 3.5, b.note, 5.8, color=GREY))
        if i % label_every == 0:
            d.add(Line(x + bw / 2, y0, x + bw / 2, y0 - 2, strokeColor=AXIS, strokeWidth=0.5))
            d.add(_text(x + bw / 2, y0 - 9, b.label, 6))
        if b.group != last_group:
            d.add(Line(x, y0, x, y0 - 18, strokeColor=AXIS, strokeWidth=0.5))
            d.add(_text(x + 2, y0 - 19, b.group, 6.5, "start", bold=True, color=GREY))
            last_group = b.group
    if plan:
        d.add(PolyLine(plan, strokeColor=NAVY, strokeWidth=1.3))
    if any(b.paid > 0 for b in bars):
        d.add(PolyLine(paid, strokeColor=PAID, strokeWidth=1.2, strokeDashArray=[3, 2]))
    if axis:
        d.add(_text(x1, y0 - 19, axis, 6.5, "end", color=GREY))
    paid_shown = any(b.paid > 0 for b in bars)
    _legend(d, x0, height - 9, [item for item in HOURS_LEGEND if paid_shown or item[1] is not PAID])
    return d


def _month_position(day: date, months: Sequence[date]) -> float:
    """Where a date falls on a month axis (0 = start of the first month)."""
    for i, first in enumerate(months):
        nxt = date(first.year + first.month // 12, first.month % 12 + 1, 1)
        if first <= day < nxt:
            return i + (day - first).days / (nxt - first).days
    return 0.0 if not months or day < months[0] else float(len(months))


def capacity_chart(
    months: Sequence[tuple[date, str, float, float, float]],
    points: Sequence[tuple[date, float]],
    width: float,
    height: float,
) -> Drawing:
    """Attended hours (with and without an assessment, stacked) and effective hours per month (left
    axis), with the assessed effectiveness in % (line, right axis).

    ``months``: (first day, label, attended hours, attended hours with an assessment, effective hours);
    ``points``: (date, effectiveness %).
    """
    d = ChartDrawing(width, height, initialFontName=FONT, initialFontSize=7)
    x0, x1, y0, y1 = 30.0, width - 30, 18.0, height - 20
    top, step = nice_scale(max([max(m[2], m[3]) for m in months] + [1.0]), 4)
    _y_axis(d, x0, x1, y0, y1, top, step, "timer")
    n = max(len(months), 1)
    bw = (x1 - x0) / n
    scale = (y1 - y0) / top
    every = max(1, math.ceil(26 / bw))
    for i, (_, name, attended, basis, effective) in enumerate(months):
        x = x0 + i * bw
        d.add(Rect(x + bw * 0.12, y0, bw * 0.38, basis * scale, fillColor=ASSESSED, strokeColor=None))
        rest = max(attended - basis, 0.0)
        if rest > 0:
            d.add(Rect(x + bw * 0.12, y0 + basis * scale, bw * 0.38, rest * scale, fillColor=LIGHT, strokeColor=None))
        d.add(Rect(x + bw * 0.5, y0, bw * 0.38, effective * scale, fillColor=GREEN, strokeColor=None))
        if i % every == 0:
            d.add(_text(x + bw / 2, y0 - 9, name, 6))
    for tick in (0, 25, 50, 75, 100):
        y = y0 + (y1 - y0) * tick / 100
        d.add(_text(x1 + 3, y - 2.2, f"{tick} %", 6.5, "start", color=ORANGE))
    firsts = [m[0] for m in months]
    coords: list[float] = []
    for day, pct in points:
        x = x0 + bw * _month_position(day, firsts)
        y = y0 + (y1 - y0) * min(pct, 100) / 100
        coords += [x, y]
        d.add(Circle(x, y, 2.2, fillColor=ORANGE, strokeColor=colors.white, strokeWidth=0.5))
    if len(coords) >= 4:
        d.add(PolyLine(coords, strokeColor=ORANGE, strokeWidth=1.1))
    _legend(
        d,
        x0,
        height - 9,
        [("Fremmødt med vurdering", ASSESSED, "box"), ("Fremmødt før første vurdering", LIGHT, "box"),
         ("Effektive timer", GREEN, "box"), ("Effektivitet (højre akse)", ORANGE, "dot")],
    )  # fmt: skip
    return d


def reason_bars(items: Sequence[tuple[str, float, str]], width: float) -> Drawing:
    """Absence hours by reason as horizontal bars: (reason, hours, value label)."""
    row = 13.0
    height = 8 + row * len(items)
    d = ChartDrawing(width, height, initialFontName=FONT, initialFontSize=7)
    x0, x1 = 120.0, width - 60
    top = max([v for _, v, _ in items] + [1.0])
    for i, (name, value, text) in enumerate(items):
        y = height - 4 - (i + 1) * row + 3
        d.add(_text(x0 - 6, y + 1.5, name if len(name) <= 30 else name[:29] + "…", 7, "end"))
        w = (x1 - x0) * value / top
        d.add(Rect(x0, y, max(w, 0.5), 8, fillColor=ORANGE, strokeColor=None))
        d.add(_text(x0 + w + 4, y + 1.5, text, 7, "start", color=GREY))
    d.add(Line(x0, 2, x0, height - 2, strokeColor=AXIS, strokeWidth=0.5))
    return d
