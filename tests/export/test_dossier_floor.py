"""The benchmark's floor of the dossier PDF (bench/dossier_floor.py): the same content laid out by plain
reportlab says exactly what the dossier says, page by page, so "the PDF against its floor" compares the
same document."""

from __future__ import annotations

import pytest
from reportlab.graphics.shapes import Drawing
from reportlab.platypus import Table

from bench.dossier_floor import Grid, Keep, content, dossier_pdf_vs_floor, floor_pdf
from placement_desk.db.engine import Database
from placement_desk.export.pdf_dossier import dossier_story, page_texts
from placement_desk.export.pdf_drawing import ChartDrawing
from placement_desk.export.pdf_table import RichTable
from tests.export.conftest import TODAY, Rendered, pdf_pages


def _grids(items: list[object]) -> list[Grid]:
    out: list[Grid] = []
    for item in items:
        if isinstance(item, Grid):
            out.append(item)
        elif isinstance(item, Keep):
            out += _grids(list(item.items))
    return out


def test_the_floor_says_what_the_dossier_says_on_the_same_pages(demo_docs: dict[str, Rendered]) -> None:
    # the demo citizen with the most follow-ups and placements: tables with parts, totals, long texts
    doc = max(demo_docs.values(), key=lambda d: (len(d.data.followups), len(d.data.placements)))
    assert doc.data.followups and doc.data.placements
    story = dossier_story(doc.data)
    items = content(story)
    floor = floor_pdf(items, page_texts(doc.data))
    assert floor.startswith(b"%PDF")
    got, expected = pdf_pages(floor), doc.pages
    assert len(got) == len(expected)
    for page, (a, b) in enumerate(zip(got, expected, strict=True), 1):
        assert a.split() == b.split(), page
    # every table of the dossier is a reportlab Table in the floor, with one style
    tables = sum(isinstance(f, RichTable) for f in story) + sum(
        isinstance(x, RichTable) for f in story for x in getattr(f, "_content", ())
    )
    grids = _grids(list(items))
    assert len(grids) >= tables > 5
    assert all(g.commands for g in grids)
    # the charts drawn by reportlab's own renderer
    charts = [x for x in items if isinstance(x, Drawing)]
    assert charts and not any(isinstance(x, ChartDrawing) for x in charts)


def test_the_timing_renders_both_and_reports_seconds(demo_db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    import placement_desk.export.pdf_dossier as dossier

    monkeypatch.setenv("PLACEMENT_DESK_TODAY", TODAY)
    built: list[str] = []
    render, build = dossier.render_dossier_pdf, Table.__init__
    monkeypatch.setattr(dossier, "render_dossier_pdf", lambda data: built.append("pdf") or render(data))

    def table_init(self: Table, *args: object, **kwargs: object) -> None:
        built.append("table")
        build(self, *args, **kwargs)

    monkeypatch.setattr(Table, "__init__", table_init)
    pdf_s, floor_s = dossier_pdf_vs_floor(demo_db, "Thomas", repeat=2)
    assert pdf_s > 0 and floor_s > 0
    assert built.count("pdf") == 3  # a warm-up and two runs
    assert built.count("table") > 3 * 5  # the floor's tables, each run
