"""A fast table for long tables of plain text: the look of pdf_base.table, drawn in a fraction of the time.

reportlab's Table styles, measures and draws every cell on its own (a style command per zebra row, a
text object per cell, the rest of the table measured again at every page break). A FastTable measures
each row once, splits at page breaks by the rows' heights, and draws a page with a few rectangles, one
path of rules and one text object. It looks like pdf_base.table: the header (bold, navy, on a light
background, a navy rule under it) repeated on every page, zebra rows, a thin rule under each row,
right-aligned numbers, and a cell too wide for its column wrapped onto more lines, never cut.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import Any, TypeAlias

from reportlab import rl_config
from reportlab.lib.colors import Color
from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from placement_desk.export.pdf_base import FONT_BOLD, HEAD_BG, INK, LINE, NAVY, STYLES, ZEBRA, Col, register_fonts

PAD_X = 3.0  # left and right padding of a cell (pdf_base.table's)
FITS_SLACK = 0.5  # a text fits on one line when it leaves this much more than the paddings (pdf_base._cell)


@dataclass(frozen=True)
class _Type:
    """Font, size and line height of a kind of cell."""

    font: str
    size: float
    leading: float


@dataclass(frozen=True)
class _Line:
    """A line of a cell: its text, its width and the change to the width of its spaces (a Paragraph's
    line may be a little too wide and then shrinks its spaces to fit)."""

    text: str
    width: float
    word_space: float = 0.0


Shown: TypeAlias = dict[tuple[str, str], list[tuple[int, str]]]  # (font, text): its subsets and codes


@dataclass(frozen=True)
class _Row:
    """A measured row: each cell's lines, and the row's height with paddings."""

    cells: tuple[tuple[_Line, ...], ...]
    height: float


def _lines(text: str, kind: _Type, room: float) -> list[str]:
    """The text's lines in ``room`` points as a Paragraph in pdf_base.table breaks them: its own line breaks
    kept, broken at spaces (a line may be as much wider than the room as its spaces may shrink), and a
    word wider than the room broken between characters."""
    space = stringWidth(" ", kind.font, kind.size)
    shrink = rl_config.spaceShrinkage * space
    out: list[str] = []
    for given in text.split("\n"):
        line: list[str] = []
        width = -space
        for word in given.split():
            piece, piece_w = word, stringWidth(word, kind.font, kind.size)
            if line and width + space + piece_w > room + shrink * len(line):
                out.append(" ".join(line))
                line, width = [], -space
            while piece_w > room and len(piece) > 1:  # a word wider than a line
                cut = len(piece) - 1
                while cut > 1 and stringWidth(piece[:cut], kind.font, kind.size) > room:
                    cut -= 1
                out.append(piece[:cut])
                piece = piece[cut:]
                piece_w = stringWidth(piece, kind.font, kind.size)
            line.append(piece)
            width += space + piece_w
        out.append(" ".join(line))
    return out


class _Measure:
    """Measures cells, remembering the width of every text already seen (tables repeat their values)."""

    def __init__(self, widths: Sequence[float], pad_y: float) -> None:
        self.widths = widths
        self.pad_y = pad_y
        self._seen: dict[tuple[str, str, float], float] = {}

    def width(self, text: str, kind: _Type) -> float:
        key = (text, kind.font, kind.size)
        w = self._seen.get(key)
        if w is None:
            w = self._seen[key] = stringWidth(text, kind.font, kind.size)
        return w

    def row(self, texts: Sequence[str], kind: _Type) -> _Row:
        cells: list[tuple[_Line, ...]] = []
        most = 1
        for text, col_w in zip(texts, self.widths, strict=True):
            w = self.width(text, kind) if "\n" not in text else col_w
            if w <= col_w - 2 * PAD_X - FITS_SLACK:
                cells.append((_Line(text, w),))
                continue
            lines = _lines(text, kind, col_w - 2 * PAD_X)
            cells.append(tuple(self._line(line, kind, col_w - 2 * PAD_X) for line in lines))
            most = max(most, len(lines))
        return _Row(tuple(cells), 2 * self.pad_y + most * kind.leading)

    def _line(self, text: str, kind: _Type, room: float) -> _Line:
        """A wrapped line; one a little wider than the room has its spaces shrunk to fit, as a Paragraph's."""
        w = self.width(text, kind)
        spaces = text.count(" ")
        if w <= room or not spaces:
            return _Line(text, w)
        return _Line(text, room, (room - w) / spaces)


class _Layout:
    """A table measured once (columns, types, the header's and every row's lines and heights), shared by
    the parts it is split into."""

    def __init__(self, columns: Sequence[Col], rows: Sequence[Sequence[str]], total: bool, compact: bool) -> None:
        register_fonts()
        self.widths = [c.width * mm for c in columns]
        self.lefts = [0.0, *accumulate(self.widths)][:-1]
        self.width = sum(self.widths)
        self.right = [c.right for c in columns]
        self.total = total and bool(rows)
        self.pad_y = 1.2 if compact else 2.2
        head = STYLES["head_c" if compact else "head"]
        cell = STYLES["cell_c" if compact else "cell"]
        self.head_type = _Type(head.fontName, head.fontSize, head.leading)
        self.body_type = _Type(cell.fontName, cell.fontSize, cell.leading)
        self.bold_type = _Type(FONT_BOLD, cell.fontSize, cell.leading)
        measure = _Measure(self.widths, self.pad_y)
        self.head = measure.row([c.header for c in columns], self.head_type)
        self.rows = [measure.row(r, self.row_type(i, len(rows))) for i, r in enumerate(rows)]
        self.tops = [0.0, *accumulate(r.height for r in self.rows)]  # tops[i]: the height of the rows before row i
        self._shown_doc: object = None
        self._shown: Shown = {}

    def shown_in(self, doc: object) -> Shown:
        """The texts already encoded for ``doc`` (a font's subsets belong to one document)."""
        if self._shown_doc is not doc:
            self._shown_doc, self._shown = doc, {}
        return self._shown

    def row_type(self, i: int, count: int) -> _Type:
        return self.bold_type if self.total and i == count - 1 else self.body_type

    def height(self, start: int, end: int) -> float:
        """The height of rows start..end with the header above them."""
        return self.head.height + self.tops[end] - self.tops[start]

    def fitting(self, start: int, room: float) -> int:
        """The end of the rows from ``start`` that fit in ``room`` points under the header (``start`` when
        not one does)."""
        return max(start, bisect_right(self.tops, self.tops[start] + room - self.head.height + 1e-6) - 1)


class FastTable(Flowable):  # type: ignore[misc]
    """A table of plain-text cells (see the module): pdf_base.table's look for long tables.

    ``total`` draws the last row bold with a navy rule above it; ``compact`` uses a smaller type and padding.
    """

    def __init__(
        self, columns: Sequence[Col], rows: Sequence[Sequence[str]], total: bool = False, compact: bool = False
    ) -> None:
        self._init(_Layout(columns, rows, total, compact), 0, len(rows))

    def _init(self, layout: _Layout, start: int, end: int) -> None:
        super().__init__()
        self.hAlign = "LEFT"
        self._layout = layout
        self._start, self._end = start, end
        self.width = layout.width
        self.height = layout.height(start, end)

    def _part(self, start: int, end: int) -> FastTable:
        """Rows start..end of this table under its header, without measuring again."""
        part: FastTable = FastTable.__new__(FastTable)
        part._init(self._layout, start, end)
        return part

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        end = self._layout.fitting(self._start, availHeight)
        if end == self._start:  # not even the header and one row: the next page
            return []
        if end >= self._end:
            return [self]
        return [self._part(self._start, end), self._part(end, self._end)]

    def draw(self) -> None:
        lay = self._layout
        canv = self.canv
        rows = lay.rows[self._start : self._end]
        width = self.width
        # the tops of the header and the rows, and the bottom of the last row
        ys = [self.height, self.height - lay.head.height]
        for row in rows:
            ys.append(ys[-1] - row.height)
        canv.saveState()
        canv.setFillColor(HEAD_BG)
        canv.rect(0, ys[1], width, lay.head.height, stroke=0, fill=1)
        canv.setFillColor(ZEBRA)
        for k, row in enumerate(rows):
            if (self._start + k) % 2 == 1:
                canv.rect(0, ys[k + 2], width, row.height, stroke=0, fill=1)
        self._draw_text(rows, ys)
        canv.setLineCap(1)
        canv.setLineJoin(1)
        canv.setStrokeColor(NAVY)
        canv.setLineWidth(0.8)
        canv.line(0, ys[1], width, ys[1])
        canv.setStrokeColor(LINE)
        canv.setLineWidth(0.25)
        canv.lines([(0, y, width, y) for y in ys[2:]])
        if lay.total and rows and self._end == len(lay.rows):
            canv.setStrokeColor(NAVY)
            canv.setLineWidth(0.8)
            canv.line(0, ys[-2], width, ys[-2])
        canv.restoreState()

    def _draw_text(self, rows: list[_Row], ys: list[float]) -> None:
        """Every cell's text in one text object."""
        lay = self._layout
        text = _Text(self.canv, lay.shown_in(self.canv._doc))
        columns = list(zip(lay.lefts, lay.widths, lay.right, strict=True))

        def put(row: _Row, kind: _Type, top: float) -> None:
            first = top - lay.pad_y - kind.size  # the first baseline, where reportlab's Table puts it
            for cell, (left, w, right) in zip(row.cells, columns, strict=True):
                y = first
                for line in cell:
                    if line.text:
                        text.show(left + w - PAD_X - line.width if right else left + PAD_X, y, line)
                    y -= kind.leading

        text.fill(NAVY)
        kind = lay.head_type
        text.font(kind)
        put(lay.head, kind, ys[0])
        text.fill(INK)
        for k, row in enumerate(rows):
            row_kind = lay.row_type(self._start + k, len(lay.rows))
            if row_kind is not kind:
                kind = row_kind
                text.font(kind)
            put(row, kind, ys[k + 1])
        text.end()


class _Text:
    """One PDF text object written as reportlab's TrueType fonts document it (font.splitString gives a
    text's subsets and codes, font.getSubsetInternalName the subset's font), each text encoded once per
    document: drawing it cell by cell through a reportlab text object took most of a long table's time.
    The fonts are pdf_base's embedded TrueType fonts (a Type 1 font has no subsets)."""

    def __init__(self, canv: Canvas, shown: Shown) -> None:
        self._canv = canv
        self._doc = canv._doc
        self._shown = shown
        self._ops: list[str] = ["BT"]
        self._kind = _Type("", 0, 0)
        self._font: Any = None
        self._subset = -1

    def font(self, kind: _Type) -> None:
        self._kind = kind
        self._font = pdfmetrics.getFont(kind.font)
        self._subset = -1

    def fill(self, color: Color) -> None:
        self._ops.append(f"{fp_str(color.red, color.green, color.blue)} rg")

    def show(self, x: float, y: float, line: _Line) -> None:
        ops = self._ops
        ops.append(f"1 0 0 1 {fp_str(x, y)} Tm")
        if line.word_space:
            ops.append(f"{fp_str(line.word_space)} Tw")
        text = line.text
        key = (self._kind.font, text)
        parts = self._shown.get(key)
        if parts is None:
            parts = self._shown[key] = [
                (sub, escapePDF(chunk)) for sub, chunk in self._font.splitString(text, self._doc)
            ]
        for subset, chunk in parts:
            if subset != self._subset:
                ops.append(f"{self._font.getSubsetInternalName(subset, self._doc)} {fp_str(self._kind.size)} Tf")
                self._subset = subset
            ops.append(f"({chunk}) Tj")
        if line.word_space:
            ops.append("0 Tw")

    def end(self) -> None:
        self._ops.append("ET")
        self._canv.addLiteral(" ".join(self._ops))
