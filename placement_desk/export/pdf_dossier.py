"""The work-capacity dossier as PDF (arbejdsevnedokumentation), following the rehabilitation plan's
preparatory part: cover, key figures, placements, hours, attendance, accommodations, work capacity,
goals, follow-ups, the citizen's view, the consultant's assessment, signatures, and the weekly hours.

``render_dossier_pdf(data)`` formats a computed :class:`DossierData`; it computes no figure.
"""

from __future__ import annotations

import math
from fractions import Fraction

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, Spacer

from placement_desk.domain import casefile as cf
from placement_desk.domain.dossier import DossierData
from placement_desk.domain.numbers import hours, rate
from placement_desk.export import danish as dk
from placement_desk.export import pdf_sections as more
from placement_desk.export.pdf_base import (
    CONFIDENTIAL,
    WIDTH,
    Col,
    Heading,
    build_pdf,
    figure_boxes,
    key_value_table,
    p,
    sub,
    table,
)
from placement_desk.export.pdf_charts import WeekBar, monthly_rate_chart, reason_bars, weekly_hours_chart

TITLE = dk.DOSSIER_TITLE
SECTIONS = (
    "Nøgletal",
    "Forløb og hvad der er afprøvet",
    "Timer over tid",
    "Fremmøde og fravær",
    "Skånehensyn",
    "Arbejdsevne",
    "Mål og progression",
    "Opfølgningssamtaler",
    "Borgerens egen vurdering",
    "Konsulentens vurdering",
    "Underskrifter",
)
APPENDIX = "Bilag: timer pr. uge"
WEEKS_PER_CHART = 52


def heading(number: int, level: int = 0) -> Heading:
    return Heading(f"{number}. {SECTIONS[number - 1]}", level)


def cover(data: DossierData) -> list[Flowable]:
    c = data.citizen
    facts: list[tuple[str, str]] = [("Borger", c.name)]
    if c.cpr:
        facts.append(("CPR-nr.", c.cpr))
    if c.birth_year:
        facts.append(("Fødselsår", str(c.birth_year)))
    facts += [
        ("Ydelse", dk.text_or_dash(c.benefit)),
        ("Sagsbehandler", dk.text_or_dash(c.caseworker)),
        ("Jobmål", dk.text_or_dash(c.job_goal)),
        ("Periode", dk.period_text(data.period_from, data.period_to)),
        ("Forløb (henvisning)", "\n".join(dk.programme_text(r) for r in data.programmes) or dk.DASH),
        ("Virksomhedskonsulent", dk.text_or_dash(data.consultant)),
        ("Udarbejdet", dk.date_text(data.today)),
    ]
    if data.recipient:
        facts.append(("Modtager", data.recipient))
    contents = [p(f"{i}. {name}", "body") for i, name in enumerate(SECTIONS, 1)] + [p(APPENDIX, "body")]
    return [
        Spacer(1, 18 * mm),
        p(CONFIDENTIAL, "stamp"),
        p(TITLE, "title"),
        p("Dokumentation af arbejdsevne til rehabiliteringsteamet (bidrag til den forberedende del)", "subtitle"),
        key_value_table(facts),
        Spacer(1, 10 * mm),
        p("Indhold", "h2"),
        *contents,
        Spacer(1, 10 * mm),
        p(
            "Dokumentet indeholder personoplysninger, herunder helbredsoplysninger. Det må kun videregives "
            "til sagens parter og skal opbevares fortroligt. Tallene er beregnet af Placement Desk ud fra de "
            "registrerede timeplaner og det registrerede fremmøde.",
            "small",
        ),
        PageBreak(),
    ]


def key_figures(data: DossierData) -> list[Flowable]:
    t = data.figures.total
    latest = data.capacity[-1] if data.capacity else None
    boxes = [
        (dk.hours_text(data.figures.max_sustained_weekly), "Vedvarende timer pr. uge",
         "Det største antal timer pr. uge, der er nået fire uger i træk"),
        (dk.rate_text(t.attendance_rate), "Fremmøde", "Fremmødte timer i forhold til planlagte (aftalt fravær fraregnet)"),
        (dk.hours_text(t.effective), "Effektive timer i alt", "Fremmødte timer × vurderet effektivitet"),
        (str(len(data.placements)), "Forløb i perioden", "Praktikker og træningsbaner, der overlapper perioden"),
        (dk.hours_text(t.attended), "Fremmødte timer", f"Af {dk.hours_text(t.planned)} planlagte"),
        (dk.pct_text(data.latest_effectiveness_pct), "Seneste effektivitet",
         f"Vurderet {dk.date_text(latest.day)}" if latest else "Ingen vurdering i perioden"),
        (dk.rate_text(t.absence_share), "Fravær", "Fraværstimer i forhold til planlagte (aftalt fravær fraregnet)"),
        (dk.hours_text(t.paid_planned), "Planlagte løntimer", "Den del af timeplanen, virksomheden betaler"),
        (str(t.unregistered_days), "Dage uden registrering", "Planlagte dage, hvor fremmødet ikke er registreret"),
    ]  # fmt: skip
    return [heading(1), figure_boxes(boxes), Spacer(1, 3 * mm), p(more.DEFINITIONS, "small")]


def step_text(step: cf.ScheduleStep) -> str:
    days = ", ".join(f"{d} {dk.short_hours(m)}" for d, m in zip(dk.WEEKDAYS_SHORT, step.minutes, strict=True) if m)
    text = f"fra {dk.date_text(step.start)}: {days or 'ingen timer'} ({dk.short_hours(step.weekly)}/uge"
    if step.paid_per_week:
        text += f", heraf {dk.short_hours(step.paid_per_week)} løn"
    return text + ")"


PLACEMENT_COLS = (
    Col("Forløb", 57), Col("Planlagt", 18, True), Col("Fremmødt", 19, True),
    Col("Løntimer", 17, True), Col("Fremmøde", 19, True), Col("Fravær", 15, True), Col("Ureg.", 11, True),
    Col("Effektive", 18, True),
)  # fmt: skip


def placements(data: DossierData) -> list[Flowable]:
    out: list[Flowable] = [CondPageBreak(70 * mm), heading(2)]
    rows = []
    for r in data.placements:
        pl, t = r.placement, r.totals
        rows.append([
            [p(r.company), p(f"{dk.period_text(pl.start, pl.end)} · {pl.ref}", "cell_s")], dk.hours_text(t.planned),
            dk.hours_text(t.attended),
            dk.hours_text(t.paid_planned), dk.rate_text(t.attendance_rate), dk.rate_text(t.absence_share),
            str(t.unregistered_days), dk.hours_text(t.effective),
        ])  # fmt: skip
    out.append(table(PLACEMENT_COLS, rows) if rows else p("Ingen forløb i perioden."))
    out.append(p("Tallene er afgrænset til dokumentets periode. Ureg. = planlagte dage uden registrering.", "small"))
    for r in data.placements:
        pl = r.placement
        facts = [
            ("Type", dk.code_text(pl.type)),
            ("Formål", dk.code_text(pl.purpose)),
            ("Periode", dk.period_text(pl.start, pl.end)),
            ("Opgaver", ", ".join(pl.tasks) or dk.DASH),
            ("Timeplan", "\n".join(step_text(s) for s in pl.schedule) or dk.DASH),
            ("Afslutning", dk.text_or_dash(pl.end_reason) if pl.end else "Forløbet er ikke afsluttet"),
        ]
        out.append(KeepTogether([Heading(f"{pl.ref} · {r.company}", 1), key_value_table(facts, 30)]))
    return out


def _chunks(n: int) -> list[range]:
    count = max(1, math.ceil(n / WEEKS_PER_CHART))
    size = math.ceil(n / count) if n else 0
    return [range(i, min(i + size, n)) for i in range(0, n, size)] if n else []


MONTH_COLS = (
    Col("Måned", 30), Col("Planlagt", 22, True), Col("Fremmødt", 22, True), Col("Løntimer", 20, True),
    Col("Fremmøde", 20, True), Col("Fravær", 18, True), Col("Ureg. dage", 18, True), Col("Effektive", 24, True),
)  # fmt: skip


def hours_over_time(data: DossierData) -> list[Flowable]:
    out: list[Flowable] = [CondPageBreak(100 * mm), heading(3)]
    series = data.week_series
    top = max([hours(w.totals.planned) for w in series] + [hours(w.totals.attended) for w in series] + [0.0])
    for part in _chunks(len(series)):
        bars = [
            WeekBar(
                week=int(series[i].key.split("-W")[1]),
                year=series[i].first_day.isocalendar()[0],
                planned=hours(series[i].totals.planned),
                attended=hours(series[i].totals.attended),
                paid=hours(series[i].totals.paid_planned),
            )
            for i in part
        ]
        first, last = series[part[0]], series[part[-1]]
        out.append(
            KeepTogether([
                p(f"Planlagte og fremmødte timer pr. uge, {dk.week_text(first.key)} – {dk.week_text(last.key)}", "h2"),
                weekly_hours_chart(bars, WIDTH, 62 * mm, top),
            ])  # fmt: skip
        )
    if not series:
        out.append(p("Ingen planlagte timer i perioden."))
    rows = [
        [dk.month_text(m.key), dk.hours_text(m.totals.planned), dk.hours_text(m.totals.attended),
         dk.hours_text(m.totals.paid_planned), dk.rate_text(m.totals.attendance_rate),
         dk.rate_text(m.totals.absence_share), str(m.totals.unregistered_days), dk.hours_text(m.totals.effective)]
        for m in data.month_rows
    ]  # fmt: skip
    t = data.figures.total
    rows.append([
        "I alt", dk.hours_text(t.planned), dk.hours_text(t.attended), dk.hours_text(t.paid_planned),
        dk.rate_text(t.attendance_rate), dk.rate_text(t.absence_share), str(t.unregistered_days),
        dk.hours_text(t.effective),
    ])  # fmt: skip
    out += [*sub("Timer pr. måned"), table(MONTH_COLS, rows, total=True)]
    return out


REASON_COLS = (Col("Fraværsårsag", 110), Col("Dage", 30, True), Col("Timer", 34, True))


def attendance(data: DossierData) -> list[Flowable]:
    out: list[Flowable] = [CondPageBreak(90 * mm), heading(4)]
    months = [(dk.month_short(m.key), rate_pct(m.totals.attendance_rate)) for m in data.month_rows]
    out.append(KeepTogether([p("Fremmøde pr. måned", "h2"), monthly_rate_chart(months, WIDTH, 55 * mm)]))
    reasons = data.figures.absence_by_reason()
    out += sub("Fravær fordelt på årsag")
    if reasons:
        rows = [[dk.reason_text(r.reason), str(r.days), dk.hours_text(r.minutes)] for r in reasons]
        out.append(table(REASON_COLS, rows))
        bars = [(dk.reason_text(r.reason), hours(r.minutes), dk.hours_text(r.minutes)) for r in reasons[:10]]
        out += [Spacer(1, 3 * mm), reason_bars(bars, WIDTH)]
    else:
        out.append(p("Intet fravær på planlagte dage i perioden."))
    out.append(
        p(
            f"Aftalt fravær (ferie, møder og lignende) er ikke regnet som fravær: {data.agreed_absence_days} "
            "dage i perioden. Årsager uden tekst vises med status (Syg, Udeblevet, Gået tidligt). "
            "En oversigt over alt fravær dato for dato kan udskrives som fraværsoversigt.",
            "small",
        )
    )
    return out


def rate_pct(value: Fraction | None) -> float | None:
    """A rate as a percentage for the charts (spec rounding first: the same value the tables show)."""
    r = rate(value)
    return None if r is None else r * 100


WEEK_COLS = (
    Col("Uge", 30), Col("Mandag", 26), Col("Planlagt", 27, True), Col("Fremmødt", 27, True),
    Col("Heraf løn (planlagt)", 32, True), Col("Effektive", 27, True),
)  # fmt: skip


def appendix(data: DossierData) -> list[Flowable]:
    rows = [
        [dk.week_text(w.key), dk.date_text(w.first_day), dk.hours_text(w.totals.planned),
         dk.hours_text(w.totals.attended), dk.hours_text(w.totals.paid_planned), dk.hours_text(w.totals.effective)]
        for w in data.week_rows
    ]  # fmt: skip
    return [
        PageBreak(),
        Heading(APPENDIX),
        p("Uger uden planlagte timer og uden registreringer er udeladt.", "small"),
        table(WEEK_COLS, rows) if rows else p("Ingen uger med planlagte timer i perioden."),
    ]


def render_dossier_pdf(data: DossierData) -> bytes:
    """The dossier PDF of a computed DossierData (A4, DejaVu embedded, FORTROLIGT, Side X af Y)."""
    story: list[Flowable] = []
    story += cover(data)
    story += key_figures(data)
    story += placements(data)
    story += hours_over_time(data)
    story += attendance(data)
    story += more.accommodations(heading(5), data)
    story += more.capacity(heading(6), data)
    story += more.goals(heading(7), data)
    story += more.followups(heading(8), data)
    story += more.citizen_view(heading(9), data)
    story += more.assessment(heading(10), data)
    story += more.signatures(heading(11), data)
    story += appendix(data)
    name = data.citizen.name
    period = dk.period_text(data.period_from, data.period_to)
    return build_pdf(
        story,
        title=f"{TITLE} – {name}",
        subject=f"Arbejdsevnedokumentation for {name}, {period}",
        author=data.consultant,
        header=f"{TITLE} · {name} · {period}",
        footer=f"Udarbejdet {dk.date_text(data.today)} · Placement Desk",
    )

