"""The dossier PDF's description: the headings of the chosen template (spec section 3 ``sections``), each
with the consultant's text or, honestly, ``Ikke beskrevet``, the figures the template names for it and its
dated evidence; then the workplace's own statement; and on a version issued incomplete, why and what was
missing. Formatting only: :func:`description_pages` reads a computed :class:`DossierData`.

:func:`cover_subtitle` gives the cover the template's purpose, so the same dossier says what it is for in
either regime (the rehabilitation team's preparatory part, or the municipality's description of the
citizen's prerequisites).
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, Spacer, Table, TableStyle

from placement_desk.domain.dossier import DossierData
from placement_desk.domain.sections import Section
from placement_desk.export import danish as dk
from placement_desk.export import description_texts as words
from placement_desk.export.pdf_base import FONT_STYLE, NAVY, RED, WIDTH, Col, Heading, key_value_table, p
from placement_desk.export.pdf_table import table

EVIDENCE_COLS = (Col("Dato", 22), Col("Kilde", 32), Col("Af", 36), Col("Oplysning", 84))
STATEMENT_COLS = (Col("Dato", 22), Col("Forløb", 30), Col("Overskrift", 45), Col("Virksomhedens udtalelse", 77))
LEGACY_SUBTITLE = "Dokumentation af arbejdsevne til rehabiliteringsteamet (bidrag til den forberedende del)"


def cover_subtitle(data: DossierData) -> str:
    """What the document is for, from the template (the cover's line under the title)."""
    if data.template is None:
        return LEGACY_SUBTITLE
    to = words.recipient(data)
    return f"{data.template.title}{f' · til {to}' if to else ''}"


def _boxed(flowables: list[Flowable], colour: object = NAVY) -> Table:
    box = Table([[flowables]], colWidths=[WIDTH], hAlign="LEFT")
    box.setStyle(TableStyle(FONT_STYLE + [
        ("BOX", (0, 0), (-1, -1), 0.8, colour),
        ("LEFTPADDING", (0, 0), (-1, -1), 8), ("RIGHTPADDING", (0, 0), (-1, -1), 8),
        ("TOPPADDING", (0, 0), (-1, -1), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
    ]))  # fmt: skip
    return box


def incomplete_notice(data: DossierData) -> list[Flowable]:
    """On a version issued although something was missing: the reason, and what was missing."""
    if not data.incomplete:
        return []
    inner: list[Flowable] = [
        p(words.INCOMPLETE_TITLE, "h2"),
        p(f"Begrundelse: {data.incomplete_reason or dk.DASH}"),
        p("Mangler: " + "; ".join(words.missing_text(m) for m in data.incomplete) + "."),
    ]
    return [_boxed(inner, RED), Spacer(1, 4 * mm)]


def _evidence(section: Section) -> Flowable:
    if not section.entries:
        return p(words.NO_EVIDENCE, "small")
    rows = [
        [words.entry_date(e), words.entry_source(e), words.entry_by(e), words.entry_text(e)] for e in section.entries
    ]
    return table(EVIDENCE_COLS, rows)


def section_flowables(data: DossierData, number: int, section: Section) -> list[Flowable]:
    head: list[Flowable] = [
        CondPageBreak(45 * mm),
        Heading(f"A{number}. {section.title}", 1),
        p(words.section_text(section), "body" if section.text else "quote"),
    ]
    out = [KeepTogether(head)]
    figures = words.figure_lines(data, section)
    if figures:
        out.append(p("Tal og forløb: " + "\n".join(figures), "small"))
    out.append(_evidence(section))
    if section.questions:
        out.append(p("Spørgsmål:", "body"))
        out += [p(f"{i}. {q}", "body") for i, q in enumerate(section.questions, 1)]
    out.append(Spacer(1, 2 * mm))
    return out


def workplace_statement(data: DossierData, number: int) -> list[Flowable]:
    out: list[Flowable] = [CondPageBreak(40 * mm), Heading(f"A{number}. {words.WORKPLACE_TITLE}", 1)]
    if not data.workplace_statements:
        return [*out, p(words.NO_WORKPLACE_STATEMENT, "quote")]
    rows = [
        [dk.date_text(o.day), o.placement or dk.DASH, words.heading_title(data, o.heading), o.text]
        for o in data.workplace_statements
    ]
    return [*out, table(STATEMENT_COLS, rows)]


def contents_lines(data: DossierData) -> list[str]:
    """The description part's lines of the table of contents (its headings are numbered A1, A2, ...,
    apart from the documentation's own sections 1, 2, ...)."""
    if data.template is None:
        return []
    lines = [f"A{i}. {section.title}" for i, section in enumerate(data.sections, 1)]
    return [*lines, f"A{len(data.sections) + 1}. {words.WORKPLACE_TITLE}"]


def description_pages(data: DossierData) -> list[Flowable]:
    """The description part of the dossier (nothing without a template), ending on a page break."""
    if data.template is None:
        return []
    facts = [("Skabelon", f"{data.template.title} (version {data.template.version})")]
    to = words.recipient(data)
    if to:
        facts.append(("Til", to))
    facts.append(("Formål", data.template.purpose))
    out: list[Flowable] = [Heading(words.title(data)), *incomplete_notice(data), key_value_table(facts, 30),
                           Spacer(1, 3 * mm)]  # fmt: skip
    for i, section in enumerate(data.sections, 1):
        out += section_flowables(data, i, section)
    out += workplace_statement(data, len(data.sections) + 1)
    out.append(PageBreak())
    return out
