"""The dossier PDF's floor: the same content laid out by plain reportlab.

The content is taken from the dossier's own story (``pdf_dossier.dossier_story``) once, untimed, as plain
data: every paragraph's text and style, every table's cells as strings (a cell the dossier wraps as a
paragraph's markup, a cell of parts as its paragraphs), its column widths, and the charts (their shapes,
already built: building them is the dossier's own work and not in the floor; drawn by reportlab's
renderer). ``floor_pdf`` then does what a
plain reportlab program does with it: a SimpleDocTemplate on A4 with the dossier's margins, a Paragraph
per text, a Table per table with ONE TableStyle (header background and rule, zebra rows by
ROWBACKGROUNDS, thin rules, right-aligned number columns, the total row bold), the charts, the page breaks
and keep-togethers, and the header and footer ("FORTROLIGT", "Side X af Y") drawn on every page.

    pdf_s, floor_s = dossier_pdf_vs_floor(db, "B0001", repeat=5)
"""

from __future__ import annotations

import copy
import io
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeAlias
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from placement_desk.export import pdf_base as base
from placement_desk.export.pdf_table import RichTable


@dataclass(frozen=True)
class Text:
    markup: str  # a Paragraph's text (escaped, with <br/>)
    style: ParagraphStyle


# A table cell: a plain string, a paragraph, several paragraphs, a chart
CellContent: TypeAlias = str | Text | tuple[Text, ...] | Drawing


@dataclass(frozen=True)
class Grid:
    """A table: its rows of cells, column widths, row heights and how it looks."""

    rows: tuple[tuple[CellContent, ...], ...]
    widths: tuple[float, ...]
    heights: tuple[float | None, ...] | None
    commands: tuple[tuple[Any, ...], ...]
    repeat_rows: int


@dataclass(frozen=True)
class Keep:
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Gap:
    kind: str  # "space", "cond" (a conditional page break), "page"
    height: float = 0.0


Item: TypeAlias = Text | Grid | Keep | Gap | Drawing


# ---- the content, from the dossier's story (untimed) ---------------------------------------------


def content(story: Sequence[Flowable]) -> list[Item]:
    """The story's content as plain data (see the module)."""
    return [_item(f) for f in story]


def _item(f: Flowable) -> Item:
    if isinstance(f, Paragraph):
        return Text(f.text, f.style)
    if isinstance(f, RichTable):
        return _rich_grid(f)
    if isinstance(f, Table):
        return _plain_grid(f)
    if isinstance(f, KeepTogether):
        return Keep(tuple(_item(x) for x in f._content))
    if isinstance(f, PageBreak):
        return Gap("page")
    if isinstance(f, CondPageBreak):
        return Gap("cond", f.height)
    if isinstance(f, Spacer):
        return Gap("space", f.height)
    if isinstance(f, Drawing):
        return _plain_drawing(f)
    raise TypeError(f"no floor for {type(f).__name__}")


def _text(text: str, style: str) -> Text:
    return Text(escape(text).replace("\n", "<br/>"), base.STYLES[style])


def _fits(text: str, style: str, width: float) -> bool:
    """pdf_base's rule before the fast tables: a text that fits its column on one line is a plain string."""
    st = base.STYLES[style]
    return "\n" not in text and pdfmetrics.stringWidth(text, st.fontName, st.fontSize) <= width - 6.5


def _style(kind: str, right: bool, bold: bool, compact: bool) -> str:
    """The paragraph style of a header ("head") or body ("cell") cell, as pdf_base named them:
    cell, cell_r, cell_b, cell_br; compact cell_c, cell_cr, cell_cb, cell_cbr; head, head_r, head_c, head_cr."""
    return f"{kind}{'_c' if compact else ''}{'b' if bold and compact else '_b' if bold else ''}" + (
        ("r" if compact or bold else "_r") if right else ""
    )


def _rich_grid(t: RichTable) -> Grid:
    columns, rows, total, compact = t.source
    head = tuple(_text(col.header, _style("head", col.right, False, compact)) for col in columns)
    body: list[tuple[CellContent, ...]] = []
    for i, row in enumerate(rows):
        bold = total and i == len(rows) - 1
        cells: list[CellContent] = []
        for col, cell in zip(columns, row, strict=True):
            style = _style("cell", col.right, bold, compact)
            if isinstance(cell, str):
                cells.append(cell if _fits(cell, style, col.width * mm) else _text(cell, style))
            else:
                cells.append(tuple(_text(text, st) for text, st in cell))
        body.append(tuple(cells))
    cell = base.STYLES["cell_c" if compact else "cell"]
    pad = 1.2 if compact else 2.2
    last = len(body)
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), base.FONT), ("FONTSIZE", (0, 0), (-1, -1), cell.fontSize),
        ("LEADING", (0, 0), (-1, -1), cell.leading), ("TEXTCOLOR", (0, 0), (-1, -1), cell.textColor),
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), pad),
        ("BOTTOMPADDING", (0, 0), (-1, -1), pad), ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3), ("BACKGROUND", (0, 0), (-1, 0), base.HEAD_BG),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [None, base.ZEBRA]), ("LINEBELOW", (0, 0), (-1, 0), 0.8, base.NAVY),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, base.LINE),
        *[("ALIGN", (i, 1), (i, -1), "RIGHT") for i, col in enumerate(columns) if col.right],
    ]  # fmt: skip
    if total and body:
        commands += [("LINEABOVE", (0, last), (-1, last), 0.8, base.NAVY),
                     ("FONTNAME", (0, last), (-1, last), base.FONT_BOLD)]  # fmt: skip
    widths = tuple(col.width * mm for col in columns)
    return Grid((head, *body), widths, None, tuple(commands), 1)


def _plain_grid(t: Table) -> Grid:
    """A small table of the dossier (facts, figure boxes, signatures, the chart grid): its cells, sizes,
    lines and backgrounds, in one TableStyle."""
    rows = tuple(tuple(_cell(c) for c in row) for row in t._cellvalues)
    commands = [*base.FONT_STYLE, ("VALIGN", (0, 0), (-1, -1), "TOP"), *t._bkgrndcmds, *t._linecmds]
    for r, styles in enumerate(t._cellStyles):  # the paddings, row by row (these tables have a few rows)
        st = styles[0]
        commands += [(f"{side}PADDING", (0, r), (-1, r), getattr(st, f"{side.lower()}Padding"))
                     for side in ("TOP", "BOTTOM", "LEFT", "RIGHT")]  # fmt: skip
    return Grid(rows, tuple(t._colWidths), tuple(t._argH) if t._argH else None, tuple(commands), 0)


def _cell(value: Any) -> CellContent:
    if isinstance(value, Paragraph):
        return Text(value.text, value.style)
    if isinstance(value, (list, tuple)):
        return tuple(Text(v.text, v.style) for v in value)
    if isinstance(value, Drawing):
        return _plain_drawing(value)
    return str(value)


def _plain_drawing(d: Drawing) -> Drawing:
    """The chart's shapes in a reportlab Drawing (drawn by reportlab's renderer, not pdf_drawing's)."""
    plain = Drawing(d.width, d.height, *d.contents, initialFontName=d.initialFontName,
                    initialFontSize=d.initialFontSize)  # fmt: skip
    plain.hAlign, plain.vAlign = d.hAlign, d.vAlign
    return plain


# ---- the floor: plain reportlab (timed) -------------------------------------------------------------


def _flowable(item: Item) -> Flowable:
    if isinstance(item, Text):
        return Paragraph(item.markup, item.style)
    if isinstance(item, Grid):
        rows = [[_cell_flowable(c) for c in row] for row in item.rows]
        return Table(rows, colWidths=list(item.widths), rowHeights=list(item.heights) if item.heights else None,
                     repeatRows=item.repeat_rows, hAlign="LEFT", style=TableStyle(list(item.commands)))  # fmt: skip
    if isinstance(item, Keep):
        return KeepTogether([_flowable(x) for x in item.items])
    if isinstance(item, Gap):
        return PageBreak() if item.kind == "page" else CondPageBreak(item.height) if item.kind == "cond" else \
            Spacer(1, item.height)  # fmt: skip
    return copy.copy(item)  # a flowable keeps state of a layout (postponed to the next page): one per build


def _cell_flowable(cell: CellContent) -> Any:
    if isinstance(cell, Text):
        return Paragraph(cell.markup, cell.style)
    if isinstance(cell, tuple):
        return [Paragraph(c.markup, c.style) for c in cell]
    return copy.copy(cell) if isinstance(cell, Drawing) else cell


def _numbered(header: str, footer: str) -> type[Canvas]:
    """reportlab's recipe for "page X of Y": keep the pages, draw header and footer when the count is known."""

    class Numbered(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._saved: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            for state in self._saved:
                self.__dict__.update(state)
                self.setFont(base.FONT_BOLD, 10)
                self.drawRightString(base.PAGE_W - base.MARGIN_X, base.PAGE_H - 12 * mm, base.CONFIDENTIAL)
                self.setFont(base.FONT, 8)
                self.drawString(base.MARGIN_X, base.PAGE_H - 12 * mm, header)
                self.drawString(base.MARGIN_X, 8 * mm, footer)
                self.drawRightString(base.PAGE_W - base.MARGIN_X, 8 * mm,
                                     f"Side {self._pageNumber} af {len(self._saved)}")  # fmt: skip
                super().showPage()
            super().save()

    return Numbered


def floor_pdf(items: Sequence[Item], texts: dict[str, str]) -> bytes:
    """The content laid out by plain reportlab (see the module); the PDF's bytes."""
    base.register_fonts()
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=base.MARGIN_X, rightMargin=base.MARGIN_X,
                            topMargin=base.MARGIN_TOP, bottomMargin=base.MARGIN_BOTTOM, title=texts["title"],
                            subject=texts["subject"], author=texts["author"], invariant=True)  # fmt: skip
    doc.build([_flowable(x) for x in items], canvasmaker=_numbered(texts["header"], texts["footer"]))
    return out.getvalue()


def dossier_pdf_vs_floor(db: Any, ref: str, repeat: int) -> tuple[float, float]:
    """The median seconds of the dossier PDF (render_dossier_pdf of the citizen's whole record) and of its
    floor (floor_pdf of the same content), run in turns after a warm-up of each so both see the same load."""
    from placement_desk.export.pdf_dossier import dossier_story, page_texts, render_dossier_pdf
    from placement_desk.services.documents import render_document

    data = render_document(db, ref, formats=("json",)).data
    items, texts = content(dossier_story(data)), page_texts(data)
    pdf: list[float] = []
    floor: list[float] = []
    runs: list[tuple[list[float], Callable[[], bytes]]] = [
        (pdf, lambda: render_dossier_pdf(data)),
        (floor, lambda: floor_pdf(items, texts)),
    ]
    for i in range(repeat + 1):
        for times, run in runs:
            started = time.perf_counter()
            run()
            if i:
                times.append(time.perf_counter() - started)
    return statistics.median(pdf), statistics.median(floor)
