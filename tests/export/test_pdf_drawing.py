"""The charts drawn straight onto the page (pdf_drawing.ChartDrawing) paint what reportlab's renderer paints:
the same shapes in the same order, each with the same geometry, colours, transparency, line width, dash
and font: read back from both PDFs' page content, operator by operator."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

from pypdf import PdfReader
from pypdf.generic import ContentStream
from reportlab.graphics.shapes import Drawing, Group, Rect
from reportlab.lib import colors

from placement_desk.export.pdf_base import build_pdf
from placement_desk.export.pdf_charts import HoursBar, capacity_chart, hours_chart, reason_bars
from placement_desk.export.pdf_drawing import ChartDrawing
from placement_desk.export.pdf_goal_charts import ScoreCurve, dumbbell_chart, score_history_chart, spider_chart


def _charts() -> list[ChartDrawing]:
    bars = [HoursBar(str(w), "2026", 20.0, 15.5 - w % 3, 2.0, 2.5 if w % 4 == 0 else 0.0, 10.0 if w > 3 else 0.0,
                     f"{80 + w} %") for w in range(1, 30)]  # fmt: skip
    months = [(date(2026, m, 1), f"m{m}", 60.0 + m, 40.0 + m, 30.0 + m / 2) for m in range(1, 13)]
    curves = [ScoreCurve("Borger", "citizen", ((date(2026, 1, 5), -2), (date(2026, 4, 1), 1), (date(2026, 9, 1), 4))),
              ScoreCurve("Mentor", "mentor", ((date(2026, 2, 1), 0), (date(2026, 8, 1), 3)))]  # fmt: skip
    return [
        hours_chart(bars, 480, 180),
        capacity_chart(months, [(date(2026, 3, 10), 55.0), (date(2026, 8, 2), 80.0)], 480, 160),
        reason_bars([("Sygdom", 30.5, "30,50 t"), ("Udeblevet", 4.0, "4,00 t")], 480),
        spider_chart(
            ["1. Mødestabilitet", "2. Tempo", "3. Samarbejde", "4. Kvalitet"], [0, 1, -1, 2], [3, 4, 1, 5], 250
        ),
        dumbbell_chart(["1. Mødestabilitet", "2. Tempo"], [0, 1], [3, 4], 480),
        score_history_chart("1. Mødestabilitet", curves, date(2026, 1, 1), date(2026, 9, 30), 240, 130),
    ]


def _num(values: Any) -> tuple[float, ...]:
    return tuple(round(float(v), 3) for v in values)


FILLS = ("f", "F", "f*", "B", "B*", "b", "b*")
STROKES = ("S", "s", "B", "B*", "b", "b*")


class _Painter:
    """Reads a page's content operators, keeping the graphic state, and lists what they paint:
    ("path", segments, fill, stroke) and ("text", font, position, text, fill colour, fill opacity)."""

    def __init__(self, states: Any) -> None:
        self.states = states
        self.g: dict[str, Any] = {"fill": (0, 0, 0), "stroke": (0, 0, 0), "w": 1.0, "dash": ((), 0), "ca": 1.0,
                                  "CA": 1.0, "e": 0.0, "f": 0.0}  # fmt: skip
        self.stack: list[dict[str, Any]] = []
        self.path: list[tuple[Any, ...]] = []
        self.text: dict[str, Any] = {}
        self.out: list[tuple[Any, ...]] = []

    def read(self, operands: Any, op: str) -> None:
        g = self.g
        if op in ("q", "Q"):
            self.stack.append(dict(g)) if op == "q" else g.update(self.stack.pop())
        elif op == "cm":  # translations only (the frame and the flowable's place)
            g["e"], g["f"] = g["e"] + _num(operands)[4], g["f"] + _num(operands)[5]
        elif op in ("rg", "RG"):
            g["fill" if op == "rg" else "stroke"] = _num(operands)
        elif op in ("w", "d", "gs"):
            self._style(operands, op)
        elif op in ("m", "l", "c", "re", "h"):
            points = _num(operands)
            moved = tuple(round(v + (g["e"] if i % 2 == 0 else g["f"]), 2) for i, v in enumerate(points))
            self.path.append((op, moved if op != "re" else (*moved[:2], *points[2:])))
        elif op in (*FILLS, *STROKES, "n"):
            fill = (g["fill"], g["ca"]) if op in FILLS else None
            stroke = (g["stroke"], g["CA"], g["w"], g["dash"]) if op in STROKES else None
            if op != "n":
                self.out.append(("path", tuple(self.path), fill, stroke))
            self.path = []
        else:
            self._text(operands, op)

    def _style(self, operands: Any, op: str) -> None:
        if op == "w":
            self.g["w"] = _num(operands)[0]
        elif op == "d":
            self.g["dash"] = (_num(operands[0]), _num(operands[1:])[0])
        else:
            state = self.states[operands[0]]
            self.g["ca"], self.g["CA"] = float(state.get("/ca", self.g["ca"])), float(state.get("/CA", self.g["CA"]))

    def _text(self, operands: Any, op: str) -> None:
        if op == "Tf":
            self.text["font"] = (str(operands[0]).split("+")[0], float(operands[1]))
        elif op in ("Tm", "Td"):
            x, y = _num(operands)[-2:]
            self.text["at"] = (round(x + self.g["e"], 2), round(y + self.g["f"], 2))
        elif op == "Tj":
            self.out.append(("text", self.text["font"], self.text["at"], operands[0], self.g["fill"], self.g["ca"]))


def _painted(drawing: Drawing) -> list[tuple[Any, ...]]:
    """What a one-chart PDF paints (see _Painter)."""
    pdf = build_pdf([drawing], title="T", subject="S", author=None, header="", footer="")
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    painter = _Painter(page["/Resources"].get("/ExtGState", {}))
    for operands, op in ContentStream(page.get_contents(), page.pdf).operations:
        painter.read(operands, op.decode())
    return painter.out


def test_a_chart_drawing_paints_what_reportlabs_renderer_paints() -> None:
    for chart in _charts():
        assert isinstance(chart, ChartDrawing)
        ours = _painted(chart)
        plain = Drawing(chart.width, chart.height, *chart.contents, initialFontName=chart.initialFontName,
                        initialFontSize=chart.initialFontSize)  # fmt: skip
        plain.hAlign = chart.hAlign
        theirs = _painted(plain)  # the same shapes, drawn by reportlab's renderer
        assert len(ours) > 10
        assert ours == theirs


def test_a_drawing_with_other_shapes_is_drawn_by_reportlab() -> None:
    chart = ChartDrawing(100, 50)
    chart.add(Group(Rect(0, 0, 10, 10, fillColor=colors.red)))
    plain = Drawing(100, 50)
    plain.add(Group(Rect(0, 0, 10, 10, fillColor=colors.red)))
    assert _painted(chart) == _painted(plain) != []


def test_the_charts_shapes_are_reportlabs_with_the_same_attributes() -> None:
    from reportlab.graphics import shapes

    from placement_desk.export import pdf_drawing as fast

    navy = colors.HexColor("#1F3A5F")
    made = [
        (fast.Rect(1, 2, 30, 4.5, fillColor=navy, strokeColor=None), shapes.Rect(1, 2, 30, 4.5, fillColor=navy, strokeColor=None)),
        (fast.Line(0, 1, 20, 1, strokeColor=navy, strokeWidth=0.5, strokeDashArray=[3, 2]),
         shapes.Line(0, 1, 20, 1, strokeColor=navy, strokeWidth=0.5, strokeDashArray=[3, 2])),
        (fast.PolyLine([0, 0, 5, 5, 9, 2], strokeColor=navy), shapes.PolyLine([0, 0, 5, 5, 9, 2], strokeColor=navy)),
        (fast.Polygon([0, 0, 5, 5, 9, 2], fillColor=None), shapes.Polygon([0, 0, 5, 5, 9, 2], fillColor=None)),
        (fast.Circle(3, 4, 2.2, fillColor=navy, strokeColor=colors.white), shapes.Circle(3, 4, 2.2, fillColor=navy, strokeColor=colors.white)),
        (fast.String(5, 6, "uge 36", fontName="DejaVuSans", fontSize=6.5, textAnchor="end"),
         shapes.String(5, 6, "uge 36", fontName="DejaVuSans", fontSize=6.5, textAnchor="end")),
    ]  # fmt: skip
    for ours, theirs in made:
        assert isinstance(ours, type(theirs))
        assert vars(ours) == vars(theirs)
