"""The absence overview (fraværsoversigt): all absence of a citizen in a period, by reason and by date,
as a doctor asks for when absence keeps repeating. Formatting only."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from placement_desk.domain.dossier import DossierData
from placement_desk.domain.dossier_detail import agreed_by_reason
from placement_desk.export import danish as dk
from placement_desk.export.collector import without_collector_pauses
from placement_desk.export.pdf_base import (
    Col,
    Heading,
    build_pdf,
    figure_boxes,
    key_value_table,
    p,
    sub,
)
from placement_desk.export.pdf_table import table

TITLE = dk.ABSENCE_TITLE

REASON_COLS = (Col("Fraværsårsag", 94), Col("Dage", 30, True), Col("Timer", 50, True))
DAY_COLS = (
    Col("Dato", 18), Col("Dag", 10), Col("Forløb", 18), Col("Status", 18), Col("Planlagt", 16, True),
    Col("Mødt", 16, True), Col("Fravær", 16, True), Col("Årsag og bemærkning", 62),
)  # fmt: skip
AGREED_COLS = (Col("Dato", 18), Col("Dag", 10), Col("Forløb", 18), Col("Planlagt", 16, True), Col("Årsag og bemærkning", 112))
AGREED_REASON_COLS = (Col("Aftalt fravær, årsag", 94), Col("Dage", 30, True), Col("Timer", 50, True))


def absence_story(data: DossierData) -> list[Flowable]:
    t = data.figures.total
    c = data.citizen
    facts = [("Borger", c.name)]
    if c.cpr:
        facts.append(("CPR-nr.", c.cpr))
    facts += [
        ("Periode", period_line(data)),
        ("Forløb", ", ".join(f"{r.placement.ref} ({r.company})" for r in data.placements) or dk.DASH),
        ("Udarbejdet", dk.date_text(data.today)),
    ]
    if data.recipient:
        facts.append(("Modtager", data.recipient))
    boxes = [
        (dk.hours_text(t.absent), "Fraværstimer", f"Af de {dk.hours_text(t.counted_planned)} planlagte, der tæller med"),
        (dk.rate_text(t.absence_share), "Fravær", f"Fraværstimer i forhold til de {dk.hours_text(t.counted_planned)} "
                                                  "planlagte, der tæller med"),
        (str(len(data.absence_days)), "Dage med fravær", f"Aftalt fravær ikke medregnet: {data.agreed_absence_days} dage"),
    ]
    planned = dk.planned_text(t.planned, data.split.agreed, data.split.unrecorded, t.counted_planned)
    reasons = [[dk.reason_text(r.reason), str(r.days), dk.hours_text(r.minutes)] for r in data.figures.absence_by_reason()]
    days = [
        [dk.date_text(a.day), dk.WEEKDAYS_SHORT[a.day.weekday()], a.placement, dk.code_text(a.status),
         dk.hours_text(a.planned), dk.hours_text(a.attended), dk.hours_text(a.absent),
         dk.reason_text(a.reason) + (f" – {a.note}" if a.note else "")]
        for a in data.absence_days
    ]  # fmt: skip
    return [
        Heading(f"{TITLE} – {c.name}"),
        key_value_table(facts, 30),
        Spacer(1, 3 * mm),
        figure_boxes(boxes),
        Spacer(1, 2 * mm),
        p(f"{planned}.", "body"),
        *sub("Fravær fordelt på årsag"),
        table(REASON_COLS, reasons, compact=True) if reasons else p("Intet fravær på planlagte dage i perioden."),
        *sub("Fravær dato for dato"),
        table(DAY_COLS, days, compact=True) if days else p("Ingen dage med fravær i perioden."),
        Spacer(1, 2 * mm),
        p(
            "Fravær = planlagte timer, borgeren ikke var mødt, på dage der tæller med (også når borgeren gik tidligt). "
            "Aftalt fravær (ferie, behandling, møder og lignende) er ikke fravær. Årsager uden tekst vises med status.",
            "small",
        ),
        *agreed_story(data),
    ]


def agreed_story(data: DossierData) -> list[Flowable]:
    """Agreed absence by reason and date by date: not absence, but treatment appointments belong here."""
    out: list[Flowable] = [*sub("Aftalt fravær (ikke medregnet)")]
    if not data.agreed_days:
        return [*out, p("Ingen dage med aftalt fravær i perioden.")]
    reasons = [[dk.reason_text(a.reason), str(a.days), dk.hours_text(a.minutes)] for a in agreed_by_reason(data.agreed_days)]
    days = [
        [dk.date_text(a.day), dk.WEEKDAYS_SHORT[a.day.weekday()], a.placement, dk.hours_text(a.planned),
         dk.reason_text(a.reason) + (f" – {a.note}" if a.note else "")]
        for a in data.agreed_days
    ]  # fmt: skip
    return [*out, table(AGREED_REASON_COLS, reasons, compact=True), Spacer(1, 2 * mm), table(AGREED_COLS, days, compact=True)]


def period_line(data: DossierData) -> str:
    text = dk.period_text(data.period_from, data.period_to)
    if data.period_to > data.today:
        text += f" (tallene omfatter dagene til og med {dk.date_text(data.today)})"
    return text


@without_collector_pauses
def render_absence_pdf(data: DossierData) -> bytes:
    """The absence overview PDF of a computed DossierData."""
    name = data.citizen.name
    period = dk.period_text(data.period_from, data.period_to)
    return build_pdf(
        absence_story(data),
        title=f"{TITLE} – {name}",
        subject=f"Fravær for {name}, {period}",
        author=data.consultant,
        header=f"{TITLE} · {name} · {period}",
        footer=f"Udarbejdet {dk.date_text(data.today)} · Placement Desk",
    )
