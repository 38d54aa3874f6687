"""The results report's PDF as a reader turns its pages: no section heading is left alone at the foot of
a page with its table on the next."""

from __future__ import annotations

from datetime import date
from io import BytesIO

from pypdf import PdfReader

from placement_desk.db.engine import Database
from placement_desk.domain.results_shown import report_tables
from placement_desk.export.results_pdf import results_pdf
from placement_desk.services.demo import load_demo
from placement_desk.services.results import results_report

RUNNING = ("Resultatopgørelse ·", "FORTROLIGT", "Udarbejdet ", "Side ")  # page header and footer lines


def _body_lines(page_text: str) -> list[str]:
    return [line.strip() for line in page_text.splitlines() if line.strip() and not line.strip().startswith(RUNNING)]


def test_no_page_ends_with_a_section_heading(db: Database) -> None:
    load_demo(db)
    report = results_report(db, date(2020, 1, 1), date(2026, 12, 5))
    titles = {t.title for t in report_tables(report, False)}
    pages = PdfReader(BytesIO(results_pdf(report))).pages
    assert len(pages) > 1  # the check means something only across a page break
    for number, page in enumerate(pages, 1):
        lines = _body_lines(page.extract_text())
        assert lines, f"page {number} is empty"
        assert lines[-1] not in titles, f"page {number} ends with the heading {lines[-1]!r}"
        # and every heading on the page has at least its table's header line after it
        for title in titles & set(lines):
            assert lines.index(title) < len(lines) - 2, f"page {number}: {title!r} has nothing under it"
