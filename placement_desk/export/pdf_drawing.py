"""The charts' Drawing, drawn straight onto the page.

reportlab draws a Drawing node by node through its renderer: for each shape it collects every graphic
property into a dictionary, pushes and pops a state stack, and wraps the shape in its own saved graphics
state: a dossier's dozen charts (some 1,700 bars, lines and labels) took a sixth of its PDF's time. A
ChartDrawing holds the same shapes (tests and callers see a reportlab Drawing) and draws the kinds the
charts use (rectangles, lines, poly-lines, polygons, circles, strings) itself, setting a colour, width,
dash or font only when it changes, exactly as the renderer would have set it for that shape; a drawing
with anything else in it (a group, a transform, a shape's opacity) is drawn by reportlab.
"""

from __future__ import annotations

from typing import Any

from reportlab import rl_config
from reportlab.graphics import shapes
from reportlab.graphics.shapes import Drawing
from reportlab.pdfbase.pdfmetrics import stringWidth


class _Unchecked:
    """A reportlab shape whose attributes are set without reportlab's check of each value (a chart's
    bars, lines and labels take their numbers, colours and texts from our own code; the checks were a
    third of the time it took to build a chart)."""

    __setattr__ = object.__setattr__


class Rect(_Unchecked, shapes.Rect):  # type: ignore[misc]
    pass


class Line(_Unchecked, shapes.Line):  # type: ignore[misc]
    pass


class PolyLine(_Unchecked, shapes.PolyLine):  # type: ignore[misc]
    pass


class Polygon(_Unchecked, shapes.Polygon):  # type: ignore[misc]
    pass


class Circle(_Unchecked, shapes.Circle):  # type: ignore[misc]
    pass


class String(_Unchecked, shapes.String):  # type: ignore[misc]
    pass


# the kinds drawn here, checked or not: the shape each stands for
_KINDS: dict[type, type] = {
    kind: base
    for base, unchecked in ((shapes.Rect, Rect), (shapes.Line, Line), (shapes.PolyLine, PolyLine),
                            (shapes.Polygon, Polygon), (shapes.Circle, Circle), (shapes.String, String))
    for kind in (base, unchecked)
}  # fmt: skip
_UNSET = object()


def _plain(node: Any) -> bool:
    """A shape this module draws as reportlab's renderer would (see the module)."""
    kind = _KINDS.get(type(node))
    if kind is None:
        return False
    if kind is shapes.String:
        return getattr(node, "textRenderMode", 0) == 0 and node.textAnchor in ("start", "middle", "end")
    if getattr(node, "strokeOpacity", None) is not None or getattr(node, "fillOpacity", None) is not None:
        return False
    return kind is not shapes.Rect or node.rx == node.ry == 0


class ChartDrawing(Drawing):  # type: ignore[misc]
    """A Drawing that draws its plain shapes itself (see the module)."""

    def draw(self, showBoundary: Any = rl_config._unset_) -> None:
        if (
            tuple(self.transform) != (1, 0, 0, 1, 0, 0)
            or self.renderScale != 1
            or getattr(self, "background", None) is not None
            or not all(_plain(node) for node in self.contents)
        ):
            super().draw(showBoundary)
            return
        _Pen(self.canv).draw(self.contents)


class _Pen:
    """The canvas with the graphic state the shapes ask for, set only when it changes."""

    def __init__(self, canv: Any) -> None:
        self.canv = canv
        self.set_font: Any = _UNSET
        self.stroke: Any = _UNSET
        self.fill: Any = _UNSET
        self.width: Any = _UNSET
        self.cap: Any = _UNSET
        self.join: Any = _UNSET
        self.dash: Any = _UNSET

    def draw(self, nodes: list[Any]) -> None:
        canv = self.canv
        canv.saveState()
        for node in nodes:
            kind = _KINDS[type(node)]
            if kind is shapes.String:
                self._string(node)
                continue
            self._line_style(node)
            stroke = node.strokeColor is not None
            if kind is shapes.Line:
                if stroke:
                    canv.line(node.x1, node.y1, node.x2, node.y2)
                continue
            if kind is shapes.PolyLine:
                if stroke:
                    canv.drawPath(self._path(node.points, close=False))
                continue
            fill = self._fill(node.fillColor)
            if kind is shapes.Rect:
                canv.rect(node.x, node.y, node.width, node.height, stroke=int(stroke), fill=fill)
            elif kind is shapes.Circle:
                canv.circle(node.cx, node.cy, node.r, stroke=int(stroke), fill=fill)
            else:  # Polygon
                canv.drawPath(self._path(node.points, close=True), stroke=int(stroke), fill=fill)
        canv.restoreState()

    def _line_style(self, node: Any) -> None:
        canv = self.canv
        color = node.strokeColor
        if color is not None and color is not self.stroke:
            canv.setStrokeColor(color)
            self.stroke = color
        if node.strokeWidth != self.width:
            canv.setLineWidth(node.strokeWidth)
            self.width = node.strokeWidth
        if node.strokeLineCap != self.cap:
            canv.setLineCap(node.strokeLineCap)
            self.cap = node.strokeLineCap
        if node.strokeLineJoin != self.join:
            canv.setLineJoin(node.strokeLineJoin)
            self.join = node.strokeLineJoin
        dash = node.strokeDashArray
        key = tuple(dash) if isinstance(dash, list) else dash
        if key != self.dash:
            if dash:
                phase, array = (
                    (dash[0], dash[1]) if len(dash) == 2 and isinstance(dash[1], (list, tuple)) else (0, dash)
                )
                canv.setDash(array, phase)
            else:
                canv.setDash()
            self.dash = key

    def _fill(self, color: Any) -> int:
        if color is None:
            return 0
        if color is not self.fill:
            self.canv.setFillColor(color)
            self.fill = color
        return 1

    def _path(self, points: list[float], close: bool) -> Any:
        path = self.canv.beginPath()
        path.moveTo(points[0], points[1])
        for i in range(2, len(points), 2):
            path.lineTo(points[i], points[i + 1])
        if close:
            path.close()
        return path

    def _string(self, node: Any) -> None:
        if not self._fill(node.fillColor):
            return
        font = (node.fontName, node.fontSize)
        if font != self.set_font:
            self.canv.setFont(*font)
            self.set_font = font
        x = node.x
        if node.textAnchor != "start":
            width = stringWidth(node.text, node.fontName, node.fontSize, node.encoding)
            x -= width if node.textAnchor == "end" else width * 0.5
        self.canv.drawString(x, node.y, node.text)
