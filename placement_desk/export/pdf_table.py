"""The documents' tables: pdf_fast_table's FastTable, whose cells may also hold a few styled paragraphs.

A cell is a text (the table's type; wrapped when too wide for its column) or a tuple of parts, each a
text with its paragraph style of pdf_base.STYLES (a placement's company above its period in a smaller
grey type). A part is laid out as a Paragraph of its style in a reportlab Table cell would be: its own
line breaks kept, wrapped at the same places, the parts one under the other from the cell's top.
The table is measured once and drawn a page at a time in one text object (see pdf_fast_table).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import TypeAlias

from reportlab.lib.colors import Color

from placement_desk.export.pdf_base import INK, NAVY, STYLES, Col
from placement_desk.export.pdf_fast_table import PAD_X, FastTable, _Layout, _Line, _lines, _Measure, _Row, _Text, _Type

Part: TypeAlias = tuple[str, str]  # (text, style name in pdf_base.STYLES)
Cell: TypeAlias = str | tuple[Part, ...]


@dataclass(frozen=True)
class _StyledLine(_Line):
    """A line of a part: its type and colour, and its baseline's distance below the top of the cell's content."""

    kind: _Type = _Type("", 0, 0)
    color: Color = INK
    drop: float = 0.0


class _RichLayout(_Layout):
    """pdf_fast_table's layout, with the parts of the cells that have them measured as paragraphs."""

    def __init__(self, columns: Sequence[Col], rows: Sequence[Sequence[Cell]], total: bool, compact: bool) -> None:
        plain = [[c if isinstance(c, str) else "" for c in row] for row in rows]
        super().__init__(columns, plain, total, compact)
        measure = _Measure(self.widths, self.pad_y)
        for i, row in enumerate(rows):
            if any(not isinstance(c, str) for c in row):
                self.rows[i] = self._rich_row(self.rows[i], row, measure)
        self.tops = [0.0, *accumulate(r.height for r in self.rows)]

    def _rich_row(self, measured: _Row, row: Sequence[Cell], measure: _Measure) -> _Row:
        cells = list(measured.cells)
        height = measured.height
        for k, cell in enumerate(row):
            if isinstance(cell, str):
                continue
            room = self.widths[k] - 2 * PAD_X
            lines: list[_Line] = []
            top = 0.0  # from the top of the cell's content to the top of the part
            for text, style in cell:
                st = STYLES[style]
                kind = _Type(st.fontName, st.fontSize, st.leading)
                broken = _lines(text, kind, room)
                for j, line in enumerate(broken):
                    plain = measure._line(line, kind, room)
                    drop = top + kind.size + j * kind.leading  # where reportlab draws a paragraph's line
                    lines.append(_StyledLine(plain.text, plain.width, plain.word_space, kind, st.textColor, drop))
                top += len(broken) * kind.leading
            cells[k] = tuple(lines)
            height = max(height, 2 * self.pad_y + top)
        return _Row(tuple(cells), height)


class RichTable(FastTable):
    """A FastTable whose cells may be tuples of styled parts (see the module); ``source`` keeps the columns
    and rows it was made of."""

    def __init__(
        self, columns: Sequence[Col], rows: Sequence[Sequence[Cell]], total: bool = False, compact: bool = False
    ) -> None:
        self.source = (tuple(columns), tuple(tuple(r) for r in rows), total, compact)
        self._init(_RichLayout(columns, rows, total, compact), 0, len(rows))

    def _part(self, start: int, end: int) -> RichTable:
        part: RichTable = RichTable.__new__(RichTable)
        part.source = self.source
        part._init(self._layout, start, end)
        return part

    def _draw_text(self, rows: list[_Row], ys: list[float]) -> None:
        """Every cell's text in one text object; a styled line in its own type and colour."""
        lay = self._layout
        text = _Text(self.canv, lay.shown_in(self.canv._doc))
        columns = list(zip(lay.lefts, lay.widths, lay.right, strict=True))
        state: list[object] = [None, None]  # the type and the colour in force

        def use(kind: _Type, color: Color) -> None:
            if state[0] != kind:
                text.font(kind)
                state[0] = kind
            if state[1] is not color:
                text.fill(color)
                state[1] = color

        def put(row: _Row, kind: _Type, color: Color, top: float) -> None:
            first = top - lay.pad_y - kind.size  # the first baseline, where reportlab's Table puts it
            for cell, (left, w, right) in zip(row.cells, columns, strict=True):
                y = first
                for line in cell:
                    if isinstance(line, _StyledLine):
                        at, line_kind, line_color = top - lay.pad_y - line.drop, line.kind, line.color
                    else:
                        at, line_kind, line_color = y, kind, color
                        y -= kind.leading
                    if line.text:
                        use(line_kind, line_color)
                        text.show(left + w - PAD_X - line.width if right else left + PAD_X, at, line)

        put(lay.head, lay.head_type, NAVY, ys[0])
        for k, row in enumerate(rows):
            put(row, lay.row_type(self._start + k, len(lay.rows)), INK, ys[k + 1])
        text.end()


def table(
    columns: Sequence[Col], rows: Sequence[Sequence[Cell]], total: bool = False, compact: bool = False
) -> RichTable:
    """A readable table: wrapped cells, the header repeated on every page, zebra rows.

    ``total`` draws the last row bold with a rule above it; ``compact`` uses a smaller type and padding.
    """
    return RichTable(columns, rows, total, compact)
