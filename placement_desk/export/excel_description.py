"""The dossier workbook's description sheets: the template's headings with the consultant's text (or
``Ikke beskrevet``) and their figures, every piece of dated evidence under its heading, and the workplace's
own statement. Dates are date cells, counts numbers; formatting only."""

from __future__ import annotations

from datetime import date

from placement_desk.domain.dossier import DossierData
from placement_desk.domain.sections import PROFILE, Entry
from placement_desk.export import danish as dk
from placement_desk.export import description_texts as words
from placement_desk.export.excel_common import HEAD_FONT, WRAP, Book, Value, XCol, fit_height, text_lines, write_table

HEADING_COLS = (XCol("Nr.", 6, dk.XL_INT), XCol("Overskrift", 36, wrap=True), XCol("Konsulentens tekst", 70, wrap=True),
                XCol("Tal og forløb", 50, wrap=True), XCol("Oplysninger", 12, dk.XL_INT))  # fmt: skip
EVIDENCE_COLS = (XCol("Nr.", 6, dk.XL_INT), XCol("Overskrift", 30, wrap=True), XCol("Dato", 12),
                 XCol("Periode", 18), XCol("Kilde", 26, wrap=True), XCol("Af", 18), XCol("Oplysning", 70, wrap=True))  # fmt: skip
STATEMENT_COLS = (XCol("Dato", 12), XCol("Forløb", 12), XCol("Overskrift", 36, wrap=True),
                  XCol("Virksomhedens udtalelse", 80, wrap=True))  # fmt: skip


def _day(e: Entry) -> date | None:
    """A full date as a date cell (a profile date that is only a year or a month is shown as its period)."""
    if e.day is not None and len(e.day) == 10:
        return date.fromisoformat(e.day)
    return None


def _headings(book: Book, data: DossierData) -> None:
    """The headings (the sheet's table), then the template, its purpose and any incompleteness under it."""
    assert data.template is not None
    ws = book.sheet("Beskrivelse", words.title(data))
    rows: list[list[Value]] = [
        [i, s.title, words.section_text(s), "\n".join(words.figure_lines(data, s)) or None, len(s.entries)]
        for i, s in enumerate(data.sections, 1)
    ]
    last = write_table(ws, HEADING_COLS, rows)
    pairs: list[tuple[str, Value]] = []
    if data.incomplete:
        pairs += [
            (words.INCOMPLETE_TITLE, data.incomplete_reason),
            ("Mangler", "\n".join(words.missing_text(m) for m in data.incomplete)),
        ]
    pairs += [
        ("Skabelon", data.template.key),
        ("Version", data.template.version),
        ("Til", words.recipient(data)),
        ("Formål", data.template.purpose),
    ]
    for r, (label, value) in enumerate(((k, v) for k, v in pairs if v is not None), last + 2):
        ws.cell(row=r, column=2, value=label).font = HEAD_FONT  # under the table's columns, widths kept
        cell = ws.cell(row=r, column=3, value=value)
        cell.alignment = WRAP
        if isinstance(value, int):
            cell.number_format = dk.XL_INT
        fit_height(ws, r, text_lines(value, 70))


def _evidence(book: Book, data: DossierData) -> None:
    ws = book.sheet("Dokumentation", "Dokumentation under hver overskrift", landscape=True)
    rows: list[list[Value]] = []
    for i, s in enumerate(data.sections, 1):
        for e in s.entries:
            period = words.entry_date(e) if e.source == PROFILE else None
            rows.append([i, s.title, _day(e), period, words.entry_source(e), words.entry_by(e), words.entry_text(e)])
        if not s.entries:
            rows.append([i, s.title, None, None, None, None, words.NOT_DESCRIBED])
    write_table(ws, EVIDENCE_COLS, rows)


def _workplace(book: Book, data: DossierData) -> None:
    ws = book.sheet("Virksomhedens udtalelse", words.WORKPLACE_TITLE)
    rows: list[list[Value]] = [
        [o.day, o.placement, words.heading_title(data, o.heading), o.text] for o in data.workplace_statements
    ]
    last = write_table(ws, STATEMENT_COLS, rows)
    if not rows:
        ws.cell(row=last + 1, column=1, value=words.NO_WORKPLACE_STATEMENT)


def description_sheets(book: Book, data: DossierData) -> None:
    """The description's sheets (none without a template)."""
    if data.template is None:
        return
    _headings(book, data)
    _evidence(book, data)
    _workplace(book, data)

