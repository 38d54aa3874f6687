"""Vector charts for the PDF documents (reportlab graphics): axes, legends, Danish labels.

The charts take values that are already computed (and rounded) by the caller; they only lay them out.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from placement_desk.export.danish import number
from placement_desk.export.pdf_base import BLUE, FONT, FONT_BOLD, GREEN, GREY, INK, NAVY, ORANGE

AXIS = colors.HexColor("#9AA5B1")
GRID = colors.HexColor("#E5E9EE")
LIGHT = colors.HexColor("#D9DEE4")
FADED = colors.Color(0.12, 0.23, 0.37, alpha=0.18)


def nice_scale(top: float, ticks: int = 5) -> tuple[float, float]:
    """A round axis maximum and tick step that covers ``top`` with about ``ticks`` steps."""
    if top <= 0:
        return 4.0, 1.0
    raw = top / ticks
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    return math.ceil(top / step - 1e-9) * step, step


def _text(x: float, y: float, text: str, size: float = 6.5, anchor: str = "middle", bold: bool = False,
          color: colors.Color = INK) -> String:  # fmt: skip
    return String(x, y, text, fontName=FONT_BOLD if bold else FONT, fontSize=size, fillColor=color, textAnchor=anchor)


def _legend(d: Drawing, x: float, y: float, items: Sequence[tuple[str, colors.Color, str]]) -> None:
    """Legend entries left to right: (label, colour, 'box' | 'line' | 'dot')."""
    for name, color, kind in items:
        if kind == "line":
            d.add(Line(x, y + 2.5, x + 12, y + 2.5, strokeColor=color, strokeWidth=1.6))
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
    value = 0.0
    while value <= top + 1e-9:
        y = y0 + (y1 - y0) * value / top
        d.add(Line(x0, y, x1, y, strokeColor=GRID if value else AXIS, strokeWidth=0.5))
        d.add(_text(x0 - 3, y - 2.2, number(value, 0 if step >= 1 else 1), 6.5, "end"))
        value += step
    d.add(_text(x0 - 3, y1 + 5, unit, 6.5, "end", color=GREY))


@dataclass(frozen=True)
class WeekBar:
    week: int
    year: int
    planned: float
    attended: float
    paid: float


def weekly_hours_chart(bars: Sequence[WeekBar], width: float, height: float, top_hours: float = 0) -> Drawing:
    """Attended hours per week (bars) against the plan (step line), with the paid part of the plan.

    ``top_hours`` gives several charts of one document the same scale.
    """
    d = Drawing(width, height, initialFontName=FONT, initialFontSize=7)
    x0, x1, y0, y1 = 30.0, width - 6, 26.0, height - 20
    top, step = nice_scale(max([b.planned for b in bars] + [b.attended for b in bars] + [1.0, top_hours]))
    _y_axis(d, x0, x1, y0, y1, top, step, "timer")
    n = max(len(bars), 1)
    bw = (x1 - x0) / n
    scale = (y1 - y0) / top
    label_every = max(1, math.ceil(16 / bw))
    plan_points: list[float] = []
    last_year = None
    for i, b in enumerate(bars):
        x = x0 + i * bw
        if b.attended > 0:
            d.add(Rect(x + bw * 0.12, y0, bw * 0.76, b.attended * scale, fillColor=BLUE, strokeColor=None))
        if b.paid > 0:
            d.add(Rect(x + bw * 0.3, y0, bw * 0.4, b.paid * scale, fillColor=ORANGE, strokeColor=None))
        plan_points += [x, y0 + b.planned * scale, x + bw, y0 + b.planned * scale]
        if i % label_every == 0:
            d.add(Line(x + bw / 2, y0, x + bw / 2, y0 - 2, strokeColor=AXIS, strokeWidth=0.5))
            d.add(_text(x + bw / 2, y0 - 9, str(b.week), 6))
        if b.year != last_year:
            d.add(Line(x, y0, x, y0 - 18, strokeColor=AXIS, strokeWidth=0.5))
            d.add(_text(x + 2, y0 - 19, str(b.year), 6.5, "start", bold=True, color=GREY))
            last_year = b.year
    if plan_points:
        d.add(PolyLine(plan_points, strokeColor=NAVY, strokeWidth=1.3))
    d.add(_text(x1, y0 - 19, "uge", 6.5, "end", color=GREY))
    _legend(
        d,
        x0,
        height - 9,
        [("Planlagt", NAVY, "line"), ("Fremmødt", BLUE, "box"), ("Heraf løntimer (planlagt)", ORANGE, "box")],
    )
    return d


def monthly_rate_chart(months: Sequence[tuple[str, float | None]], width: float, height: float) -> Drawing:
    """Attendance rate per month in percent (bars); months without counted plan show a dash."""
    d = Drawing(width, height, initialFontName=FONT, initialFontSize=7)
    x0, x1, y0, y1 = 30.0, width - 6, 18.0, height - 20
    values = [v for _, v in months if v is not None]
    top = max(100.0, *values) if values else 100.0
    top, step = nice_scale(top, 4) if top > 100 else (100.0, 25.0)
    _y_axis(d, x0, x1, y0, y1, top, step, "%")
    n = max(len(months), 1)
    bw = (x1 - x0) / n
    every = max(1, math.ceil(26 / bw))
    for i, (name, value) in enumerate(months):
        x = x0 + i * bw
        if value is None:
            d.add(_text(x + bw / 2, y0 + 2, "–", 7, color=GREY))
        else:
            h = (y1 - y0) * value / top
            d.add(Rect(x + bw * 0.15, y0, bw * 0.7, h, fillColor=BLUE, strokeColor=None))
            if bw >= 15:
                d.add(_text(x + bw / 2, y0 + h + 2, number(value, 0), 5.8, color=GREY))
        if i % every == 0:
            d.add(_text(x + bw / 2, y0 - 9, name, 6))
    _legend(d, x0, height - 9, [("Fremmøde i procent af planlagte timer (aftalt fravær fraregnet)", BLUE, "box")])
    return d


def _month_position(day: date, months: Sequence[date]) -> float:
    """Where a date falls on a month axis (0 = start of the first month)."""
    for i, first in enumerate(months):
        nxt = date(first.year + first.month // 12, first.month % 12 + 1, 1)
        if first <= day < nxt:
            return i + (day - first).days / (nxt - first).days
    return 0.0 if not months or day < months[0] else float(len(months))


def capacity_chart(
    months: Sequence[tuple[date, str, float, float]],
    points: Sequence[tuple[date, float]],
    width: float,
    height: float,
) -> Drawing:
    """Attended and effective hours per month (bars, left axis) with effectiveness in % (line, right axis).

    ``months``: (first day, label, attended hours, effective hours); ``points``: (date, effectiveness %).
    """
    d = Drawing(width, height, initialFontName=FONT, initialFontSize=7)
    x0, x1, y0, y1 = 30.0, width - 30, 18.0, height - 20
    top, step = nice_scale(max([m[2] for m in months] + [1.0]), 4)
    _y_axis(d, x0, x1, y0, y1, top, step, "timer")
    n = max(len(months), 1)
    bw = (x1 - x0) / n
    every = max(1, math.ceil(26 / bw))
    for i, (_, name, attended, effective) in enumerate(months):
        x = x0 + i * bw
        d.add(Rect(x + bw * 0.12, y0, bw * 0.38, attended * (y1 - y0) / top, fillColor=LIGHT, strokeColor=None))
        d.add(Rect(x + bw * 0.5, y0, bw * 0.38, effective * (y1 - y0) / top, fillColor=GREEN, strokeColor=None))
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
        [("Fremmødte timer", LIGHT, "box"), ("Effektive timer", GREEN, "box"), ("Effektivitet (højre akse)", ORANGE, "dot")],
    )
    return d


def spider_chart(labels: Sequence[str], first: Sequence[int], latest: Sequence[int], size: float) -> Drawing:
    """Progression -5..5 per goal: the first score (dashed) and the latest (filled)."""
    width = size * 1.9
    d = Drawing(width, size, initialFontName=FONT, initialFontSize=7)
    d.hAlign = "CENTER"
    cx, cy, radius = width / 2, size / 2 - 6, size / 2 - 24
    n = len(labels)

    def point(i: int, score: float) -> tuple[float, float]:
        angle = math.pi / 2 - 2 * math.pi * i / n
        r = radius * (score + 5) / 10
        return cx + r * math.cos(angle), cy + r * math.sin(angle)

    for ring in range(-5, 6):
        pts = [c for i in range(n) for c in point(i, ring)]
        strong = ring in (0, 5)
        d.add(Polygon(pts, fillColor=None, strokeColor=AXIS if strong else GRID, strokeWidth=0.8 if strong else 0.4))
    for ring in (-5, 0, 5):
        x, y = point(0, ring)
        d.add(_text(x + 3, y - 2, str(ring), 6, "start", color=GREY))
    for i, name in enumerate(labels):
        x, y = point(i, 5)
        d.add(Line(cx, cy, x, y, strokeColor=GRID, strokeWidth=0.5))
        lx, ly = point(i, 6.3)
        anchor = "middle" if abs(lx - cx) < 4 else ("start" if lx > cx else "end")
        d.add(_text(lx, ly - 2.5, name, 7, anchor))
    d.add(Polygon([c for i, s in enumerate(first) for c in point(i, s)], fillColor=None, strokeColor=GREY,
                  strokeWidth=1.1, strokeDashArray=[3, 2]))  # fmt: skip
    d.add(Polygon([c for i, s in enumerate(latest) for c in point(i, s)], fillColor=FADED, strokeColor=NAVY,
                  strokeWidth=1.5))  # fmt: skip
    for i, s in enumerate(latest):
        x, y = point(i, s)
        d.add(Circle(x, y, 2, fillColor=NAVY, strokeColor=None))
    _legend(d, 4, size - 10, [("Første score", GREY, "line"), ("Seneste score", NAVY, "line")])
    return d


def dumbbell_chart(labels: Sequence[str], first: Sequence[int], latest: Sequence[int], width: float) -> Drawing:
    """First and latest score per goal on a -5..5 axis (for fewer than three goals)."""
    row = 18.0
    height = 34 + row * len(labels)
    d = Drawing(width, height, initialFontName=FONT, initialFontSize=7)
    x0, x1 = 110.0, width - 12
    y_axis = 16.0

    def x_of(score: float) -> float:
        return x0 + (x1 - x0) * (score + 5) / 10

    for s in range(-5, 6):
        d.add(Line(x_of(s), y_axis, x_of(s), height - 16, strokeColor=AXIS if s == 0 else GRID, strokeWidth=0.5))
        d.add(_text(x_of(s), y_axis - 9, str(s), 6))
    for i, name in enumerate(labels):
        y = height - 22 - i * row
        d.add(_text(x0 - 6, y - 2.5, name, 7, "end"))
        d.add(Line(x_of(first[i]), y, x_of(latest[i]), y, strokeColor=AXIS, strokeWidth=1.5))
        d.add(Circle(x_of(first[i]), y, 3, fillColor=colors.white, strokeColor=GREY, strokeWidth=1.2))
        d.add(Circle(x_of(latest[i]), y, 3, fillColor=NAVY, strokeColor=None))
    _legend(d, x0, height - 10, [("Første score", GREY, "dot"), ("Seneste score", NAVY, "dot")])
    return d


def reason_bars(items: Sequence[tuple[str, float, str]], width: float) -> Drawing:
    """Absence hours by reason as horizontal bars: (reason, hours, value label)."""
    row = 13.0
    height = 8 + row * len(items)
    d = Drawing(width, height, initialFontName=FONT, initialFontSize=7)
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
