"""The PDF frame shared by the documents: embedded DejaVu fonts, styles, A4 page template with
"FORTROLIGT" and "Side X af Y" on every page, bookmarks, and the small tables (facts, figure boxes);
the long tables are pdf_table's.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)

from placement_desk.resources import resource_path

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"

PAGE_W, PAGE_H = A4
MARGIN_X = 18 * mm
MARGIN_TOP = 22 * mm
MARGIN_BOTTOM = 18 * mm
WIDTH = PAGE_W - 2 * MARGIN_X  # the text width

INK = colors.HexColor("#1F2933")
NAVY = colors.HexColor("#1F3A5F")
BLUE = colors.HexColor("#5B9BD5")
ORANGE = colors.HexColor("#ED7D31")
GREEN = colors.HexColor("#70AD47")
RED = colors.HexColor("#B00020")
GREY = colors.HexColor("#6B7280")
LINE = colors.HexColor("#C9D3DD")
HEAD_BG = colors.HexColor("#E3EAF2")
ZEBRA = colors.HexColor("#F6F8FA")

CONFIDENTIAL = "FORTROLIGT"
# Tables set a font even when every cell is a paragraph: make it ours, never an unembedded Helvetica.
FONT_STYLE: list[tuple[Any, ...]] = [("FONTNAME", (0, 0), (-1, -1), FONT), ("FONTSIZE", (0, 0), (-1, -1), 8)]


def register_fonts() -> None:
    """Embed DejaVu Sans (æøå and any name render); safe to call again."""
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    pdfmetrics.registerFont(TTFont(FONT, str(resource_path("fonts", "DejaVuSans.ttf"))))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(resource_path("fonts", "DejaVuSans-Bold.ttf"))))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD)


def _style(name: str, size: float, bold: bool = False, **kw: Any) -> ParagraphStyle:
    return ParagraphStyle(
        name,
        fontName=FONT_BOLD if bold else FONT,
        fontSize=size,
        leading=kw.pop("leading", size * 1.3),
        textColor=kw.pop("textColor", INK),
        **kw,
    )


STYLES: dict[str, ParagraphStyle] = {
    "title": _style("title", 24, True, textColor=NAVY, spaceAfter=4 * mm, leading=30),
    "subtitle": _style("subtitle", 12, textColor=GREY, spaceAfter=8 * mm),
    "h1": _style("h1", 15, True, textColor=NAVY, spaceBefore=5 * mm, spaceAfter=3 * mm),
    "h2": _style("h2", 11.5, True, textColor=NAVY, spaceBefore=4 * mm, spaceAfter=2 * mm),
    "body": _style("body", 9.5, spaceAfter=2 * mm),
    "small": _style("small", 8, textColor=GREY, spaceAfter=1.5 * mm),
    "quote": _style("quote", 9.5, leftIndent=5 * mm, textColor=NAVY, spaceAfter=2 * mm),
    "cell": _style("cell", 8.2),
    "cell_r": _style("cell_r", 8.2, alignment=TA_RIGHT),
    "cell_b": _style("cell_b", 8.2, True),
    "cell_br": _style("cell_br", 8.2, True, alignment=TA_RIGHT),
    "cell_s": _style("cell_s", 7.4, textColor=GREY),
    "cell_c": _style("cell_c", 7.4),
    "cell_cr": _style("cell_cr", 7.4, alignment=TA_RIGHT),
    "cell_cb": _style("cell_cb", 7.4, True),
    "cell_cbr": _style("cell_cbr", 7.4, True, alignment=TA_RIGHT),
    "head": _style("head", 7.5, True, textColor=NAVY),
    "head_r": _style("head_r", 7.5, True, textColor=NAVY, alignment=TA_RIGHT),
    "head_c": _style("head_c", 6.5, True, textColor=NAVY),
    "head_cr": _style("head_cr", 6.5, True, textColor=NAVY, alignment=TA_RIGHT),
    "key": _style("key", 8, textColor=GREY),
    "figure": _style("figure", 15, True, textColor=NAVY, leading=19),
    "stamp": _style("stamp", 14, True, textColor=RED, spaceAfter=3 * mm),
}


def p(text: str | None, style: str = "body") -> Paragraph:
    """A paragraph of plain text (escaped; line breaks kept)."""
    register_fonts()
    safe = escape(text or "").replace("\n", "<br/>")
    return Paragraph(safe, STYLES[style])


def sub(text: str, room: float = 35 * mm) -> list[Flowable]:
    """A sub-heading that moves to the next page unless ``room`` is left for what follows."""
    return [CondPageBreak(room), p(text, "h2")]


class Heading(Paragraph):  # type: ignore[misc]
    """A section heading that becomes a PDF bookmark."""

    def __init__(self, text: str, level: int = 0) -> None:
        register_fonts()
        super().__init__(escape(text), STYLES["h1" if level == 0 else "h2"])
        self.bookmark_text = text
        self.level = level


@dataclass(frozen=True)
class Col:
    """A table column: header, width (mm) and whether it is right-aligned (numbers)."""

    header: str
    width: float
    right: bool = False


def key_value_table(pairs: Sequence[tuple[str, str]], key_width: float = 42) -> Table:
    """Label/value pairs (the cover and fact boxes)."""
    rows = [[p(k, "key"), p(v, "body")] for k, v in pairs]
    t = Table(rows, colWidths=[key_width * mm, WIDTH - key_width * mm], hAlign="LEFT")
    t.setStyle(
        TableStyle(
            FONT_STYLE
            + [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, LINE),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return t


def figure_boxes(items: Sequence[tuple[str, str, str]], per_row: int = 3) -> Table:
    """Key figures as boxes: (big value, label, small explanation)."""
    cells: list[list[Any]] = []
    row: list[Any] = []
    for value, name, hint in items:
        row.append([p(value, "figure"), p(name, "cell_b"), p(hint, "small")])
        if len(row) == per_row:
            cells.append(row)
            row = []
    if row:
        cells.append(row + [""] * (per_row - len(row)))
    w = WIDTH / per_row
    t = Table(cells, colWidths=[w] * per_row, hAlign="LEFT")
    t.setStyle(
        TableStyle(
            FONT_STYLE
            + [
                ("BOX", (0, 0), (-1, -1), 0.5, LINE),
                ("INNERGRID", (0, 0), (-1, -1), 0.5, LINE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
                ("BACKGROUND", (0, 0), (-1, -1), ZEBRA),
            ]
        )
    )
    return t


# ---- the page frame ------------------------------------------------------------------------------


def _numbered_canvas(title: str, footer: str) -> type[Canvas]:
    """A canvas that knows the page count when it saves: header and footer drawn at the end."""

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._decorate(total)
                super().showPage()
            super().save()

        def _decorate(self, total: int) -> None:
            self.saveState()
            self.setFont(FONT_BOLD, 10)
            self.setFillColor(RED)
            self.drawRightString(PAGE_W - MARGIN_X, PAGE_H - 12 * mm, CONFIDENTIAL)
            self.setFont(FONT, 8)
            self.setFillColor(GREY)
            self.drawString(MARGIN_X, PAGE_H - 12 * mm, title)
            self.setStrokeColor(LINE)
            self.setLineWidth(0.5)
            self.line(MARGIN_X, PAGE_H - 14 * mm, PAGE_W - MARGIN_X, PAGE_H - 14 * mm)
            self.line(MARGIN_X, 12 * mm, PAGE_W - MARGIN_X, 12 * mm)
            self.drawString(MARGIN_X, 8 * mm, footer)
            self.drawRightString(PAGE_W - MARGIN_X, 8 * mm, f"Side {self._pageNumber} af {total}")
            self.restoreState()

    return NumberedCanvas


class _Doc(BaseDocTemplate):  # type: ignore[misc]
    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, Heading):
            key = f"h{id(flowable)}"
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(flowable.bookmark_text, key, level=flowable.level, closed=True)


def build_pdf(
    story: list[Flowable], *, title: str, subject: str, author: str | None, header: str, footer: str
) -> bytes:
    """Lay out the story on A4 pages and return the PDF bytes (deterministic for the same input)."""
    register_fonts()
    out = io.BytesIO()
    doc = _Doc(
        out,
        pagesize=A4,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=title,
        subject=subject,
        author=author or "",
        creator="Placement Desk",
        lang="da-DK",
        invariant=True,
        initialFontName=FONT,
        initialFontSize=9,
    )
    frame = Frame(MARGIN_X, MARGIN_BOTTOM, WIDTH, PAGE_H - MARGIN_TOP - MARGIN_BOTTOM, id="body")
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    maker: Callable[..., Canvas] = _numbered_canvas(header, footer)
    doc.build(story, canvasmaker=maker)
    return out.getvalue()
