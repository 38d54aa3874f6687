"""The fast table of long PDF tables (pdf_fast_table.FastTable): every row there, in order, under its
header on every page; a text wider than its column wrapped as pdf_base.table wraps it, never cut; numbers
right-aligned; the total row bold."""

from __future__ import annotations

import io
import re
from typing import Any

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph

from placement_desk.export.pdf_base import MARGIN_X, Col, Heading, build_pdf, p
from placement_desk.export.pdf_fast_table import FastTable, _lines, _Type

COLS = [Col("Virksomhed", 60), Col("Type", 50), Col("Praktikker", 25, right=True), Col("Afsluttet", 25, right=True)]
FRAME_LEFT = MARGIN_X + 6  # a frame's left padding


def _pdf(story: list[Flowable]) -> bytes:
    return build_pdf(story, title="T", subject="S", author=None, header="H", footer="F")


def _pages(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def _cell_runs(pdf: bytes) -> list[tuple[str, float, str]]:
    """The first page's runs of text in the body cells' size (pypdf joins a line's runs): text, x (points
    from the page's left edge) and font."""
    runs: list[tuple[str, float, str]] = []

    def visit(text: str, cm: Any, tm: Any, font: Any, size: float) -> None:
        if text.strip() and size == pytest.approx(8.2):
            runs.append((text.strip(), cm[4] + tm[4], str(font["/BaseFont"])))  # the table is translated

    PdfReader(io.BytesIO(pdf)).pages[0].extract_text(visitor_text=visit)
    return runs


def test_a_long_tables_every_row_is_there_in_order_under_its_header_on_every_page() -> None:
    rows = [[f"Firma {i:03d}", "Virksomhedspraktik", str(i), "<5"] for i in range(400)]
    pages = _pages(_pdf([Heading("Praktikker"), FastTable(COLS, rows), p("Slut")]))
    assert len(pages) >= 7
    found: list[int] = []
    for text in pages:
        firms = [int(m) for m in re.findall(r"Firma (\d{3})", text)]
        assert firms, text  # the table runs over every page
        assert text.index("Virksomhed Type Praktikker Afsluttet") < text.index(f"Firma {firms[0]:03d}")
        found += firms
    assert found == list(range(400))
    assert "Slut" in pages[-1]


def test_a_table_after_a_nearly_full_page_starts_on_the_next() -> None:
    filler = [p("Tekst " * 60) for _ in range(13)]
    rows = [[f"Firma {i:03d}", "Løntilskud", "1", "0"] for i in range(30)]
    pages = _pages(_pdf([*filler, FastTable(COLS, rows)]))
    assert re.findall(r"Firma (\d{3})", "".join(pages)) == [f"{i:03d}" for i in range(30)]
    assert "Virksomhed Type" in pages[-1]


def test_a_company_name_wider_than_its_column_is_wrapped_not_cut() -> None:
    name = "Den Selvejende Institution Socialøkonomisk Virksomhed og Genbrugsværksted Nordvestkvarteret ApS"
    word = "Produktionsskoleforeningensmedlemsvirksomhed"  # one word wider than the column
    rows = [["Firma A", "Løntilskud", "1", "0"], [name, "Løntilskud", "2", "0"], [word, "Løntilskud", "3", "1"]]
    text = _pages(_pdf([FastTable(COLS, rows)]))[0]
    assert " ".join(name.split()) in " ".join(text.split())  # every word, in order
    assert word in text.replace("\n", "")
    # the same names alone in their rows (pypdf joins a line's cells): every line inside the column
    runs = _cell_runs(_pdf([FastTable(COLS, [[name, "", "", ""], [word, "", "", ""]])]))
    assert "".join(t for t, _, _ in runs).replace(" ", "") == (name + word).replace(" ", "")
    assert len(runs) >= 5  # both on more than one line
    for t, x, _ in runs:
        assert x == pytest.approx(FRAME_LEFT + 3)
        assert x + stringWidth(t, "DejaVuSans", 8.2) <= FRAME_LEFT + 60 * mm - 3 + 0.5, t


def test_numbers_are_right_aligned_and_the_total_row_bold() -> None:
    rows = [["", "", "7", ""], ["", "", "1234", ""], ["", "", "1241", ""]]  # one cell a line: pypdf joins them
    runs = _cell_runs(_pdf([FastTable(COLS, rows, total=True)]))
    assert [t for t, _, _ in runs] == ["7", "1234", "1241"]
    rights = [x + stringWidth(t, "DejaVuSans-Bold" if "Bold" in f else "DejaVuSans", 8.2) for t, x, f in runs]
    assert rights == pytest.approx([FRAME_LEFT + 135 * mm - 3] * 3)
    assert ["Bold" in f for _, _, f in runs] == [False, False, True]


@pytest.mark.parametrize(
    ("text", "width"),
    [
        ("Ny Mesterlære / elevplads", 107.228),  # a little too wide: a Paragraph shrinks its spaces
        ("Fastholdt niveau over timerne ved start", 113.0),
        ("Fremmøde", 30.0),  # a word wider than its line
        ("Fastholdt niveau", 34.0),
        ("Første linje\nAnden linje, som er noget længere end den første", 80.0),
    ],
)
def test_texts_wrap_as_a_paragraph_in_a_table_wraps_them(text: str, width: float) -> None:
    """pdf_base.table puts a too wide text in a Paragraph: FastTable breaks it at the same places."""
    para: Paragraph = p(text, "cell")
    para.wrap(width, 1000)
    if para.blPara.kind == 0:
        expected = [" ".join(words) for _, words in para.blPara.lines]
    else:  # with line breaks
        expected = ["".join(frag.text for frag in line.words) for line in para.blPara.lines]
    assert _lines(text, _Type("DejaVuSans", 8.2, 8.2 * 1.3), width) == expected
