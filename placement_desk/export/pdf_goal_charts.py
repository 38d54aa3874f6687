"""The progression charts of the PDF dossier: the spider chart (first and latest score per goal), the
dumbbell chart for fewer than three goals, and each goal's whole score history with a curve per assessor.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors

from placement_desk.export.danish import MONTHS_SHORT
from placement_desk.export.pdf_base import FONT, GREEN, GREY, NAVY, ORANGE
from placement_desk.export.pdf_charts import AXIS, FADED, GRID, _legend, _text
from placement_desk.export.pdf_drawing import ChartDrawing, Circle, Line, Polygon, PolyLine

# One colour per assessor, the same in every chart of the document.
ASSESSOR_COLOURS: dict[str | None, colors.Color] = {"citizen": NAVY, "mentor": ORANGE, "consultant": GREEN, None: GREY}


@dataclass(frozen=True)
class ScoreCurve:
    """One assessor's scores of one goal: (date, score) in date order."""

    label: str
    assessor: str | None
    points: tuple[tuple[date, int], ...]


def _months_between(first: date, last: date) -> list[date]:
    out = [date(first.year, first.month, 1)]
    while out[-1] < date(last.year, last.month, 1):
        y, m = out[-1].year, out[-1].month
        out.append(date(y + m // 12, m % 12 + 1, 1))
    return out


def score_history_chart(title: str, curves: Sequence[ScoreCurve], first: date, last: date, width: float,
                        height: float) -> Drawing:  # fmt: skip
    """A goal's scores over time on the -5..5 scale: every score a dot with its value, joined per assessor."""
    d = ChartDrawing(width, height, initialFontName=FONT, initialFontSize=7)
    x0, x1, y0, y1 = 18.0, width - 8, 16.0, height - 24
    span = max((last - first).days, 1)

    def xy(day: date, score: float) -> tuple[float, float]:
        return x0 + (x1 - x0) * (day - first).days / span, y0 + (y1 - y0) * (score + 5) / 10

    for s in range(-5, 6):
        y = xy(first, s)[1]
        strong = s in (-5, 0, 5)
        d.add(Line(x0, y, x1, y, strokeColor=AXIS if s == 0 else GRID, strokeWidth=0.6 if strong else 0.3))
        if strong or s % 5 == 0:
            d.add(_text(x0 - 3, y - 2, str(s), 6, "end", color=GREY))
    months = [m for m in _months_between(first, last) if first <= m <= last]
    every = max(1, math.ceil(len(months) * 24 / (x1 - x0)))
    for i, m in enumerate(months):
        if i % every == 0:
            x = xy(m, -5)[0]
            d.add(Line(x, y0, x, y0 - 2, strokeColor=AXIS, strokeWidth=0.5))
            d.add(_text(x, y0 - 9, f"{MONTHS_SHORT[m.month - 1]} {str(m.year)[2:]}", 5.8))
    for curve in curves:
        colour = ASSESSOR_COLOURS.get(curve.assessor, GREY)
        coords = [c for day, score in curve.points for c in xy(day, score)]
        if len(curve.points) >= 2:
            d.add(PolyLine(coords, strokeColor=colour, strokeWidth=1.3))
        for day, score in curve.points:
            x, y = xy(day, score)
            d.add(Circle(x, y, 2.2, fillColor=colour, strokeColor=colors.white, strokeWidth=0.4))
            d.add(_text(x, y + 3.5, f"+{score}" if score > 0 else str(score), 5.8, color=colour))
    d.add(_text(x0 - 10, height - 10, title, 7.5, "start", bold=True, color=NAVY))
    if len(curves) > 1 or (curves and curves[0].assessor is not None):
        _legend(d, x0, height - 20, [(c.label, ASSESSOR_COLOURS.get(c.assessor, GREY), "line") for c in curves])
    return d


def spider_chart(labels: Sequence[str], first: Sequence[int], latest: Sequence[int], size: float) -> Drawing:
    """Progression -5..5 per goal: the first score (dashed) and the latest (filled)."""
    width = size * 1.9
    d = ChartDrawing(width, size, initialFontName=FONT, initialFontSize=7)
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
    d = ChartDrawing(width, height, initialFontName=FONT, initialFontSize=7)
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


