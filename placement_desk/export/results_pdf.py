"""The results report (issue 18) as PDF: the report's tables and a bar chart of the outcomes.

Anonymised unless made ``named`` (domain.results_shown: no names, no CPR numbers, counts 1-4 as "<5",
and a second count "skjult" where a "<5" would follow by subtraction).
"""

from __future__ import annotations

from datetime import date

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Spacer

from placement_desk.domain.results import Report
from placement_desk.domain.results_shown import HIDDEN, SUPPRESSED, Cell, ResultTable, report_tables
from placement_desk.export import danish as dk
from placement_desk.export.pdf_base import BLUE, FONT, WIDTH, Col, Heading, build_pdf, key_value_table, p
from placement_desk.export.pdf_fast_table import FastTable

TITLE = "Resultatopgørelse"


def cell_text(value: Cell, percent: bool) -> str:
    """A cell as the documents write it: shares as ``62,5 %``, decimals with a comma, nothing as a dash."""
    if value is None:
        return dk.DASH
    if isinstance(value, str):
        return value
    if isinstance(value, date):
        return dk.date_text(value)
    if percent:
        return f"{dk.number(value * 100, 1)} %"
    if isinstance(value, float):
        return dk.number(value, 1)
    return str(value)


def _numeric(t: ResultTable, i: int) -> bool:
    return all(isinstance(r[i], int | float) or r[i] is None or r[i] in (SUPPRESSED, HIDDEN) for r in t.rows)


def scope_text(report: Report, named: bool) -> list[tuple[str, str]]:
    return [
        ("Periode", dk.period_text(report.first, report.last)),
        ("Forløb", report.programme or "Alle"),
        ("Konsulent", report.consultant or "Alle"),
        ("Udgave", "Med navne (fortroligt)" if named else "Anonymiseret: ingen navne eller CPR-numre; "
                                                      "antal fra 1 til 4 vises som <5, og hvor et sådant antal "
                                                      "ellers kunne regnes ud fra de andre tal, er et antal mere "
                                                      "skjult"),
        ("Opgjort", dk.date_text(report.today)),
    ]  # fmt: skip


HEADING_ROOM = 40 * mm
CHUNK = 150  # a table longer than this spans pages (the placements of hundreds of companies)


def _table(t: ResultTable) -> list[Flowable]:
    """The table as a FastTable: every cell is plain text, and a long one (more than CHUNK rows) is drawn
    several times faster than by reportlab's Table, which measures its rest again at every page break."""
    n = len(t.headers)
    right = [i > 0 and _numeric(t, i) for i in range(n)]
    if t.key == "per_citizen":
        weights = [14.0, 26, 18, 18, 24, 19, 9, 14, 14, 15]
    else:
        weights = [(0.34 if n > 2 else 0.6) * WIDTH / mm] + [1.0 if right[i] else 1.6 for i in range(1, n)]
        rest = (WIDTH / mm - weights[0]) / sum(weights[1:])
        weights = [weights[0]] + [w * rest for w in weights[1:]]
    scale = WIDTH / mm / sum(weights)
    cols = [Col(h or " ", w * scale, right=r) for h, w, r in zip(t.headers, weights, right, strict=True)]
    rows = [[cell_text(v, i in t.percent) for i, v in enumerate(row)] for row in t.rows] or [[dk.DASH] * n]
    return [FastTable(cols, rows, compact=t.key == "per_citizen")]


def outcome_chart(t: ResultTable) -> Drawing | None:
    """Bars of the outcomes with a shown count (suppressed and zero counts draw no bar)."""
    data = [(str(r[0]), r[1]) for r in t.rows[:-2] if isinstance(r[1], int) and r[1] > 0]
    if not data:
        return None
    height = 14 * mm + 7 * mm * len(data)
    d = Drawing(WIDTH, height)
    chart = HorizontalBarChart()
    chart.x, chart.y, chart.width, chart.height = 60 * mm, 5 * mm, WIDTH - 70 * mm, height - 10 * mm
    chart.data = [[n for _, n in reversed(data)]]
    chart.categoryAxis.categoryNames = [name for name, _ in reversed(data)]
    chart.categoryAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.valueMin = 0
    chart.bars[0].fillColor = BLUE
    d.add(chart)
    return d


def results_pdf(report: Report, named: bool = False, author: str | None = None) -> bytes:
    tables = report_tables(report, named)
    story: list[Flowable] = [p(TITLE, "title"), key_value_table(scope_text(report, named)), Spacer(1, 4 * mm)]
    for t in tables:
        # a heading never ends a page: it moves on with room for the table's header and first rows
        story += [CondPageBreak(HEADING_ROOM), Heading(t.title), *_table(t), Spacer(1, 3 * mm)]
        if t.key == "outcomes":
            chart = outcome_chart(t)
            if chart is not None:
                story.append(chart)
    story.append(p("Tallene er defineret i docs/results.md (Placement Desk).", "small"))
    period = dk.period_text(report.first, report.last)
    return build_pdf(
        story,
        title=TITLE,
        subject=f"{TITLE}, {period}",
        author=author,
        header=f"{TITLE} · {period}",
        footer=f"Udarbejdet {dk.date_text(report.today)} · Placement Desk",
    )
