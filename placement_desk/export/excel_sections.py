"""The Excel dossier's later sheets: absence (by reason, by date, agreed absence), accommodation needs,
work capacity, goals with the whole score history, follow-ups and the texts. Formatting only."""

from __future__ import annotations

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from placement_desk.domain.dossier import DossierData
from placement_desk.domain.dossier_detail import ASSESSOR_ORDER, agreed_by_reason
from placement_desk.export import danish as dk
from placement_desk.export import excel_charts as charts
from placement_desk.export.danish import hours
from placement_desk.export.excel_common import (
    HEAD_BORDER,
    HEAD_FILL,
    HEAD_FONT,
    HEADER_ROW,
    Book,
    Value,
    XCol,
    key_values,
    write_table,
)

H, P, N, S = dk.XL_HOURS, "0%", dk.XL_INT, "+0;-0;0"


def absence_sheets(book: Book, data: DossierData) -> None:
    """Absence by reason (with a chart), absence date by date, and agreed absence (not counted)."""
    ws = book.sheet("Fravær", "Fravær fordelt på årsag")
    cols: tuple[XCol, ...] = (XCol("Fraværsårsag", 30), XCol("Dage", 10, N), XCol("Timer", 12, H))
    reasons = data.figures.absence_by_reason()
    rows: list[list[Value]] = [[dk.reason_text(r.reason), r.days, hours(r.minutes)] for r in reasons]
    last = write_table(ws, cols, rows)
    t = data.figures.total
    ws["A3"] = (
        f"{dk.planned_text(t.planned, data.split.agreed, data.split.unrecorded, t.counted_planned)}. Aftalt fravær "
        f"(ferie, behandling, møder o.l.): {data.agreed_absence_days} dage, se arket Aftalt fravær."
    )
    if rows:
        book.add_chart(charts.absence_reasons(ws, last, cat=1, value=3))
    ws = book.sheet("Fravær pr. dato", "Fravær dato for dato", landscape=True)
    cols = (XCol("Dato", 12), XCol("Ugedag", 10), XCol("Forløb", 10), XCol("Virksomhed", 28, wrap=True),
            XCol("Status", 14), XCol("Planlagt", 10, H), XCol("Fremmødt", 10, H), XCol("Fravær", 10, H),
            XCol("Årsag", 24, wrap=True), XCol("Bemærkning", 40, wrap=True))  # fmt: skip
    rows = [
        [a.day, dk.weekday_text(a.day), a.placement, a.company, dk.code_text(a.status), hours(a.planned),
         hours(a.attended), hours(a.absent), dk.reason_text(a.reason), a.note]
        for a in data.absence_days
    ]  # fmt: skip
    write_table(ws, cols, rows)
    agreed_sheet(book, data)


def agreed_sheet(book: Book, data: DossierData) -> None:
    """Agreed absence date by date (holiday, treatment, meetings), with a summary by reason beside it."""
    ws = book.sheet("Aftalt fravær", "Aftalt fravær dato for dato (ikke medregnet i fremmøde og fravær)", landscape=True)
    cols: tuple[XCol, ...] = (XCol("Dato", 12), XCol("Ugedag", 10), XCol("Forløb", 10), XCol("Virksomhed", 28, wrap=True),
            XCol("Planlagt", 10, H), XCol("Årsag", 24, wrap=True), XCol("Bemærkning", 40, wrap=True))  # fmt: skip
    rows: list[list[Value]] = [
        [a.day, dk.weekday_text(a.day), a.placement, a.company, hours(a.planned), dk.reason_text(a.reason), a.note]
        for a in data.agreed_days
    ]
    write_table(ws, cols, rows)
    by_reason: list[list[Value]] = [
        [dk.reason_text(r.reason), r.days, hours(r.minutes)] for r in agreed_by_reason(data.agreed_days)
    ]
    side = (XCol("Årsag", 24), XCol("Dage", 8, N), XCol("Timer", 10, H))
    _beside(ws, len(cols) + 2, side, by_reason)


def _beside(ws: Worksheet, first_col: int, cols: tuple[XCol, ...], rows: list[list[Value]]) -> None:
    """A small table to the right of a sheet's main table (same header row)."""
    for c, col in enumerate(cols):
        cell = ws.cell(row=HEADER_ROW, column=first_col + c, value=col.header)
        cell.font, cell.fill, cell.border = HEAD_FONT, HEAD_FILL, HEAD_BORDER
        ws.column_dimensions[get_column_letter(first_col + c)].width = col.width
    for r, values in enumerate(rows, HEADER_ROW + 1):
        for c, (col, value) in enumerate(zip(cols, values, strict=True)):
            cell = ws.cell(row=r, column=first_col + c, value=value)
            if col.fmt and isinstance(value, int | float):
                cell.number_format = col.fmt


def accommodations(book: Book, data: DossierData) -> None:
    ws = book.sheet("Skånehensyn")
    cols: tuple[XCol, ...] = (XCol("Kategori", 16), XCol("Skånehensyn", 60, wrap=True), XCol("Kilde", 14), XCol("Identificeret", 13),
            XCol("Aktiv", 8), XCol("Ophørt", 12))  # fmt: skip
    rows: list[list[Value]] = [
        [dk.code_text(a.category), a.text, dk.code_text(a.source), a.identified, dk.yes_no(a.active), a.retired]
        for a in data.accommodations
    ]
    write_table(ws, cols, rows)


def capacity(book: Book, data: DossierData) -> None:
    ws = book.sheet("Arbejdsevne", "Arbejdsevne: vurderinger af effektivitet")
    cols: tuple[XCol, ...] = (XCol("Dato", 12), XCol("Forløb", 10), XCol("Virksomhed", 28, wrap=True), XCol("Effektivitet", 12, P),
            XCol("Vægtet ydelse", 13, P), XCol("Bemærkning", 50, wrap=True))  # fmt: skip
    rows: list[list[Value]] = [
        [c.day, c.placement, c.company, dk.pct_value(c.effectiveness_pct), dk.pct_value(c.weighted_performance_pct),
         c.note]
        for c in data.capacity
    ]  # fmt: skip
    last = write_table(ws, cols, rows)
    if rows:
        book.add_chart(charts.effectiveness(ws, last, cat=1, value=4))
    ws = book.sheet("Opgaver", "Opgavefordeling")
    cols = (XCol("Dato", 12), XCol("Forløb", 10), XCol("Opgave", 40, wrap=True), XCol("Andel af tiden", 13, P),
            XCol("Tempo", 10, P), XCol("Kvalitet", 10, P), XCol("Ydelse", 10, P))  # fmt: skip
    tasks: list[list[Value]] = [
        [c.day, c.placement, t.name, dk.pct_value(t.time_share_pct), dk.pct_value(t.tempo_pct),
         dk.pct_value(t.quality_pct), dk.pct_value(t.performance_pct)]
        for c in data.capacity
        for t in c.tasks
    ]  # fmt: skip
    if not tasks:  # no task-level assessment: the tasks of each placement
        tasks = [[None, r.placement.ref, t, None, None, None, None] for r in data.placements for t in r.placement.tasks]
    write_table(ws, cols, tasks)


def goals(book: Book, data: DossierData) -> None:
    """Goals with their whole score history, scores by assessor, and every score (with a curve chart)."""
    ws = book.sheet("Mål", "Mål og progression")
    cols: tuple[XCol, ...] = (XCol("Nr.", 6, N), XCol("Område", 16), XCol("Mål", 44, wrap=True), XCol("Delmål", 40, wrap=True),
            XCol("Alle scorer i rækkefølge", 28, wrap=True), XCol("Første score", 12, S), XCol("Seneste score", 13, S),
            XCol("Udvikling", 11, S))  # fmt: skip
    rows: list[list[Value]] = [
        [i, dk.code_text(g.goal.area), g.goal.text, "\n".join(g.goal.subgoals) or None, dk.scores_text(g.scores),
         g.first_score, g.latest_score, g.change]
        for i, g in enumerate(data.goals, 1)
    ]  # fmt: skip
    last = write_table(ws, cols, rows)
    if rows:
        book.add_chart(charts.goals(ws, last, cat=2, first=6, latest=7, count=len(rows)))
    ws = book.sheet("Mål pr. bedømmer", "Scorer fordelt på bedømmer")
    cols = (XCol("Nr.", 6, N), XCol("Mål", 40, wrap=True), XCol("Bedømmer", 14), XCol("Scorer i rækkefølge", 28, wrap=True),
            XCol("Første score", 12, S), XCol("Første dato", 12), XCol("Seneste score", 13, S), XCol("Seneste dato", 12),
            XCol("Antal", 8, N))  # fmt: skip
    by: list[list[Value]] = [
        [i, g.goal.text, dk.assessor_text(a.assessor), dk.scores_text(a.history), a.first.score, a.first.day,
         a.latest.score, a.latest.day, a.count]
        for i, g in enumerate(data.goals, 1)
        for a in g.by_assessor
    ]  # fmt: skip
    write_table(ws, cols, by)
    score_sheet(book, data)


def score_sheet(book: Book, data: DossierData) -> None:
    """Every score, goal by goal and assessor by assessor in date order: each block is one curve of the
    progression chart."""
    ws = book.sheet("Scorer", "Alle progressionsscorer")
    cols: tuple[XCol, ...] = (XCol("Nr.", 6, N), XCol("Område", 16), XCol("Bedømmer", 14), XCol("Dato", 12),
                              XCol("Score", 8, S))  # fmt: skip
    rows: list[list[Value]] = []
    blocks: list[tuple[str, int, int]] = []
    for i, g in enumerate(data.goals, 1):
        for a in sorted(g.by_assessor, key=lambda a: _assessor_rank(a.assessor)):
            first = HEADER_ROW + 1 + len(rows)
            rows += [[i, dk.code_text(g.goal.area), dk.assessor_text(a.assessor), s.day, s.score] for s in a.history]
            label = f"{i}. {dk.code_text(g.goal.area)}" + (f" – {dk.assessor_text(a.assessor)}" if len(g.by_assessor) > 1
                                                            or a.assessor is not None else "")  # fmt: skip
            blocks.append((label, first, HEADER_ROW + len(rows)))
    write_table(ws, cols, rows)
    if blocks:
        book.add_chart(charts.score_history(ws, blocks, x=4, y=5))


def _assessor_rank(assessor: str | None) -> int:
    return ASSESSOR_ORDER.index(assessor) if assessor in ASSESSOR_ORDER else len(ASSESSOR_ORDER)


def followups(book: Book, data: DossierData) -> None:
    ws = book.sheet("Opfølgning", "Opfølgningssamtaler", landscape=True)
    cols: tuple[XCol, ...] = (XCol("Dato", 12), XCol("Samtale", 20), XCol("Forløb", 10), XCol("Deltagere", 26, wrap=True),
            XCol("Referat", 60, wrap=True), XCol("Borgerens udsagn", 36, wrap=True), XCol("Aftalt", 36, wrap=True))  # fmt: skip
    rows: list[list[Value]] = []
    for f in data.followups:
        note = "\n".join([f.note or ""] + [f"{k}: {v}" for k, v in f.topics]).strip()
        note += "".join(f"\nRettelse {dk.date_text(k.day)} ({k.author or 'ukendt'}): {k.text}" for k in f.corrections)
        rows.append([f.day, dk.code_text(f.kind), f.placement, dk.participants_text(f.participants), note or None,
                     f.citizen_view, f.agreed_changes])  # fmt: skip
    write_table(ws, cols, rows)


def texts(book: Book, data: DossierData) -> None:
    ws = book.sheet("Vurdering", "Borgerens og konsulentens vurdering")
    key_values(
        ws,
        [
            ("Borgerens egen vurdering", data.citizen.own_view or "Ikke registreret"),
            ("Konsulentens vurdering", data.assessment or "Ikke udfyldt"),
            ("Anbefaling", data.recommendation or "Ikke udfyldt"),
            ("Virksomhedskonsulent", data.consultant or dk.DASH),
        ],
    )
