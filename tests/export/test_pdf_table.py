"""The documents' tables (pdf_table): a cell of styled parts (a follow-up's kind above its participants in
a smaller grey type) is laid out where reportlab's Table puts the same paragraphs, on every page."""

from __future__ import annotations

import io
import re
from typing import Any

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table, TableStyle

from placement_desk.export.pdf_base import FONT_STYLE, Col, Heading, build_pdf, p
from placement_desk.export.pdf_table import RichTable, table

COLS = (Col("Dato", 19), Col("Samtale og deltagere", 38), Col("Referat", 73))
KIND = "Månedlig opfølgning · B0001-3"
WHO = "Deltagere: virksomhedsmentor, mentor, borger, sagsbehandler"
NOTE = "Borgeren ønsker flere opgaver med kunder. Vi aftaler at trappe op, når to uger er gået uden fravær."


def _pdf(story: list[Flowable]) -> bytes:
    return build_pdf(story, title="T", subject="S", author=None, header="H", footer="F")


def _runs(pdf: bytes, page: int = 0) -> list[tuple[str, float, float, float, str]]:
    """A page's runs of text in the table's sizes: text, x, y, size and font."""
    runs: list[tuple[str, float, float, float, str]] = []

    def visit(text: str, cm: Any, tm: Any, font: Any, size: float) -> None:
        if text.strip() and round(size * cm[0] * tm[0], 2) in (8.2, 7.4):
            x, y = cm[4] + tm[4] * cm[0], cm[5] + tm[5] * cm[3]
            runs.append(
                (text.strip(), round(x, 2), round(y, 2), round(size * cm[0] * tm[0], 2), str(font["/BaseFont"]))
            )

    PdfReader(io.BytesIO(pdf)).pages[page].extract_text(visitor_text=visit)
    return runs


def _reportlab_table(rows: list[list[Any]]) -> Table:
    """What pdf_base.table made of such a row before: paragraphs in a reportlab Table cell."""
    head = [p(c.header, "head") for c in COLS]
    t = Table([head, *rows], colWidths=[c.width * mm for c in COLS], repeatRows=1, hAlign="LEFT")
    t.setStyle(TableStyle([*FONT_STYLE, ("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 2.2),
                           ("BOTTOMPADDING", (0, 0), (-1, -1), 2.2), ("LEFTPADDING", (0, 0), (-1, -1), 3),
                           ("RIGHTPADDING", (0, 0), (-1, -1), 3)]))  # fmt: skip
    return t


def test_a_cell_of_parts_is_drawn_where_reportlab_draws_the_same_paragraphs() -> None:
    """Two rows whose only text is a cell of parts (pypdf joins the runs of one line): every line of it
    at the place, in the type, where a reportlab Table draws the same paragraphs."""
    parts = [((KIND, "cell"), (WHO, "cell_s")), ((NOTE, "cell"), ("Deltagere: borger", "cell_s"))]
    fast = _runs(_pdf([table(COLS, [["", cell, ""] for cell in parts])]))
    slow = _runs(_pdf([_reportlab_table([["", [p(t, s) for t, s in cell], ""] for cell in parts])]))
    assert [t for t, *_ in fast] == [t for t, *_ in slow]
    assert len(fast) >= 7  # every part on more than one line
    for (text, *place), (_, *where) in zip(fast, slow, strict=True):
        assert place[:3] == pytest.approx(where[:3], abs=0.01) and place[3] == where[3], text
    assert {size for t, _, _, size, _ in fast if t.startswith("Deltagere")} == {7.4}  # the small type
    assert {size for t, _, _, size, _ in fast if t.startswith(("Månedlig", "Borgeren"))} == {8.2}


def test_rows_of_parts_run_over_pages_in_order_each_under_the_header() -> None:
    rows = [[f"{i:02d}-01-2024", ((f"Samtale {i:03d}", "cell"), (WHO, "cell_s")), NOTE] for i in range(90)]
    pdf = _pdf([Heading("Opfølgningssamtaler"), table(COLS, rows), p("Slut")])
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]
    found: list[int] = []
    with_rows = [k for k, text in enumerate(pages) if "Samtale " in text]
    assert len(with_rows) >= 3 and with_rows == list(range(len(with_rows)))
    for k in with_rows:
        text = pages[k]
        numbers = [int(n) for n in re.findall(r"Samtale (\d{3})", text)]
        assert text.index("Samtale og deltagere") < text.index(f"Samtale {numbers[0]:03d}")
        # the participants in their small grey type on every page, not only the first
        assert any("Deltagere" in t and size == pytest.approx(7.4) for t, _, _, size, _ in _runs(pdf, k))
        found += numbers
    assert found == list(range(90))
    assert "Slut" in pages[-1]


def test_the_table_keeps_what_it_was_made_of() -> None:
    rows = [["1", ((KIND, "cell"),), "x"]]
    t = table(COLS, rows, total=True)
    assert isinstance(t, RichTable)
    assert t.source == (COLS, (("1", ((KIND, "cell"),), "x"),), True, False)
