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
from placement_desk.domain.dossier_detail import PeriodRow, PlanSplit, agreed_by_reason
from placement_desk.domain.figures import Totals
from placement_desk.export import danish as dk
from placement_desk.export import pdf_description as description
from placement_desk.export import pdf_sections as more
from placement_desk.export.collector import without_collector_pauses
from placement_desk.export.danish import hours
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
)
from placement_desk.export.pdf_charts import HoursBar, hours_chart, hours_top, reason_bars
from placement_desk.export.pdf_goals import goals
from placement_desk.export.pdf_table import Cell, table

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


def period_line(data: DossierData) -> str:
    """The period, and when it runs past today, that no day after today is counted."""
    text = dk.period_text(data.period_from, data.period_to)
    if data.period_to > data.today:
        text += f" (tallene omfatter dagene til og med {dk.date_text(data.today)})"
    return text


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
        ("Periode", period_line(data)),
        ("Forløb (henvisning)", "\n".join(dk.programme_text(r) for r in data.programmes) or dk.DASH),
        ("Virksomhedskonsulent", dk.text_or_dash(data.consultant)),
        ("Udarbejdet", dk.date_text(data.today)),
    ]
    if data.recipient:
        facts.append(("Modtager", data.recipient))
    contents = [p(line, "body") for line in description.contents_lines(data)]
    contents += [p(f"{i}. {name}", "body") for i, name in enumerate(SECTIONS, 1)] + [p(APPENDIX, "body")]
    return [
        Spacer(1, 18 * mm),
        p(CONFIDENTIAL, "stamp"),
        p(TITLE, "title"),
        p(description.cover_subtitle(data), "subtitle"),  # the template's title and recipient
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
    t, fig, split = data.figures.total, data.figures, data.split
    latest = data.capacity[-1] if data.capacity else None
    weeks = f"Nået hver uge i {dk.weeks_text(fig.max_sustained_weeks)}: " if fig.max_sustained_weeks else ""
    boxes = [
        (dk.hours_text(fig.max_sustained_weekly), "Vedvarende timer pr. uge",
         weeks + "det største antal timer pr. uge, der er nået fire uger i træk"),
        (dk.rate_text(t.attendance_rate), "Fremmøde",
         f"Fremmødte timer i forhold til de {dk.hours_text(t.counted_planned)} planlagte, der tæller med"),
        (dk.rate_text(t.absence_share), "Fravær",
         f"Fraværstimer i forhold til de {dk.hours_text(t.counted_planned)} planlagte, der tæller med"),
        (dk.hours_text(t.planned), "Planlagte timer", dk.planned_text(t.planned, split.agreed, split.unrecorded,
                                                                    t.counted_planned)),
        (dk.hours_text(t.attended), "Fremmødte timer", f"Heraf {dk.hours_text(t.effective_basis)} efter en vurdering "
                                                       "af effektiviteten"),
        (dk.hours_text(split.agreed), "Aftalt fravær",
         f"{t.agreed_absence_days} dage med ferie, behandling, møder o.l.; ikke regnet som fravær"),
        (dk.hours_text(t.effective), "Effektive timer",
         f"{dk.effective_basis_text(t.effective_basis)} (timer før et forløbs første vurdering indgår ikke)"
         if t.effective is not None else "Ingen fremmødte timer med en vurdering af effektiviteten"),
        (dk.pct_text(data.latest_effectiveness_pct), "Seneste effektivitet",
         f"Vurderet {dk.date_text(latest.day)}" if latest else "Ingen vurdering i perioden"),
        (dk.hours_text(t.paid_planned), "Planlagte løntimer", "Den del af timeplanen, virksomheden betaler"),
        (str(len(data.placements)), "Forløb i perioden", "Praktikker og træningsbaner, der overlapper perioden"),
        (str(t.unregistered_days), "Dage uden registrering", "Planlagte dage, hvor fremmødet ikke er registreret"),
    ]  # fmt: skip
    return [heading(1), figure_boxes(boxes), Spacer(1, 3 * mm), p(more.DEFINITIONS, "small")]


def step_text(step: cf.ScheduleStep) -> str:
    days = ", ".join(f"{d} {dk.short_hours(m)}" for d, m in zip(dk.WEEKDAYS_SHORT, step.minutes, strict=True) if m)
    text = f"fra {dk.date_text(step.start)}: {days or 'ingen timer'} ({dk.short_hours(step.weekly)}/uge"
    if step.paid_per_week:
        text += f", heraf {dk.short_hours(step.paid_per_week)} løn"
    return text + ")"


# The figure columns of the placement, month and week tables (compact type; widths in mm fit the headers).
FIGURE_COLS = (
    ("Planlagt", 15.5), ("Aftalt fravær", 14), ("Fremmødt", 16), ("Planlagte løntimer", 15), ("Fremmøde", 16),
    ("Fravær", 13.5), ("Ureg. dage", 9.5), ("Effektive timer", 15), ("af fremmødt med vurdering", 15.5),
)  # fmt: skip


def figure_cols(*first: Col) -> tuple[Col, ...]:
    """The leading columns, then the figure columns widened to fill the text width."""
    room = WIDTH / mm - sum(c.width for c in first)
    scale = max(1.0, room / sum(w for _, w in FIGURE_COLS))
    return (*first, *(Col(name, round(w * scale, 1), True) for name, w in FIGURE_COLS))


PLACEMENT_COLS = figure_cols(Col("Forløb", 44))


def figure_cells(t: Totals, split: PlanSplit) -> list[Cell]:
    """The figures of a placement, month or week row, in the column order of the tables."""
    return [
        dk.hours_text(t.planned), dk.hours_text(split.agreed), dk.hours_text(t.attended), dk.hours_text(t.paid_planned),
        dk.rate_text(t.attendance_rate), dk.rate_text(t.absence_share), str(t.unregistered_days),
        dk.hours_text(t.effective), dk.hours_text(t.effective_basis),
    ]  # fmt: skip


def placements(data: DossierData) -> list[Flowable]:
    out: list[Flowable] = [CondPageBreak(70 * mm), heading(2)]
    rows: list[list[Cell]] = []
    for r in data.placements:
        pl = r.placement
        rows.append([((r.company, "cell_c"), (f"{dk.period_text(pl.start, pl.end)} · {pl.ref}", "cell_s")),
                     *figure_cells(r.totals, r.split)])  # fmt: skip
    out.append(table(PLACEMENT_COLS, rows, compact=True) if rows else p("Ingen forløb i perioden."))
    out.append(p(f"Tallene er afgrænset til dokumentets periode. {more.TABLE_NOTE}", "small"))
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


MONTH_COLS = figure_cols(Col("Måned", 27))


def hours_bar(row: PeriodRow, label: str, group: str, note: str | None = None) -> HoursBar:
    t = row.totals
    return HoursBar(label, group, hours(t.planned), hours(t.attended), hours(t.absent), hours(row.split.agreed),
                   hours(t.paid_planned), note)  # fmt: skip


CHART_NOTE = (
    "Søjlerne viser fremmødte timer, fravær (syg, udeblevet, gået tidligt) og aftalt fravær (ferie, behandling, "
    "møder o.l.) oven på hinanden; den sorte trappelinje er de planlagte timer (0 på helligdage), den stiplede de "
    "planlagte løntimer. Et mellemrum op til linjen er planlagte timer uden registrering."
)


def hours_over_time(data: DossierData) -> list[Flowable]:
    out: list[Flowable] = [CondPageBreak(100 * mm), heading(3)]
    series = data.week_series
    bars = [hours_bar(w, str(int(w.key.split("-W")[1])), str(w.first_day.isocalendar()[0])) for w in series]
    top = hours_top(bars)
    for part in _chunks(len(series)):
        first, last = series[part[0]], series[part[-1]]
        out.append(
            KeepTogether([
                p(f"Timer pr. uge, {dk.week_text(first.key)} – {dk.week_text(last.key)}", "h2"),
                hours_chart([bars[i] for i in part], WIDTH, 66 * mm, top),
            ])  # fmt: skip
        )
    if series:
        out.append(p(CHART_NOTE, "small"))
    else:
        out.append(p("Ingen planlagte timer i perioden."))
    rows: list[list[Cell]] = [[dk.month_text(m.key), *figure_cells(m.totals, m.split)] for m in data.month_rows]
    rows.append(["I alt", *figure_cells(data.figures.total, data.split)])
    out += [*sub("Timer pr. måned"), table(MONTH_COLS, rows, total=True, compact=True), p(more.TABLE_NOTE, "small")]
    return out


REASON_COLS = (Col("Fraværsårsag", 110), Col("Dage", 30, True), Col("Timer", 34, True))
AGREED_COLS = (Col("Aftalt fravær, årsag", 110), Col("Dage", 30, True), Col("Timer", 34, True))


def attendance(data: DossierData) -> list[Flowable]:
    out: list[Flowable] = [CondPageBreak(90 * mm), heading(4)]
    months = [
        hours_bar(m, dk.month_short(m.key)[:3], m.key[:4], rate_label(m.totals.attendance_rate)) for m in data.month_rows
    ]
    out.append(KeepTogether([
        p("Fremmøde pr. måned", "h2"),
        hours_chart(months, WIDTH, 60 * mm, axis="måned"),
        p("Tallet over søjlen er månedens fremmødeprocent (aftalt fravær og dage uden registrering fraregnet). "
          + CHART_NOTE, "small"),
    ]))  # fmt: skip
    reasons = data.figures.absence_by_reason()
    out += sub("Fravær fordelt på årsag")
    if reasons:
        rows = [[dk.reason_text(r.reason), str(r.days), dk.hours_text(r.minutes)] for r in reasons]
        out.append(table(REASON_COLS, rows))
        bars = [(dk.reason_text(r.reason), hours(r.minutes), dk.hours_text(r.minutes)) for r in reasons[:10]]
        out += [Spacer(1, 3 * mm), reason_bars(bars, WIDTH)]
    else:
        out.append(p("Intet fravær på planlagte dage i perioden."))
    out += sub("Aftalt fravær")
    agreed = agreed_by_reason(data.agreed_days)
    if agreed:
        out.append(table(AGREED_COLS, [[dk.reason_text(a.reason), str(a.days), dk.hours_text(a.minutes)] for a in agreed]))
    t = data.figures.total
    out.append(
        p(
            f"Aftalt fravær (ferie, behandling, møder og lignende) er ikke regnet som fravær: {data.agreed_absence_days} "
            f"dage. {dk.planned_text(t.planned, data.split.agreed, data.split.unrecorded, t.counted_planned)}. "
            "Årsager uden tekst vises med status (Syg, Udeblevet, Gået tidligt). En oversigt over alt fravær dato for "
            "dato kan udskrives som fraværsoversigt.",
            "small",
        )
    )
    return out


def rate_label(value: Fraction | None) -> str | None:
    """A rate above a chart column: whole percent, rounded once from the exact value (``79 %``)."""
    return None if value is None else f"{dk.number(value * 100, 0)} %"


WEEK_COLS = figure_cols(Col("Uge", 21), Col("Mandag", 18))


def appendix(data: DossierData) -> list[Flowable]:
    rows: list[list[Cell]] = [
        [dk.week_text(w.key), dk.date_text(w.first_day), *figure_cells(w.totals, w.split)] for w in data.week_rows
    ]
    return [
        PageBreak(),
        Heading(APPENDIX),
        p(f"Uger uden planlagte timer og uden registreringer er udeladt. {more.TABLE_NOTE}", "small"),
        table(WEEK_COLS, rows, compact=True) if rows else p("Ingen uger med planlagte timer i perioden."),
    ]


def dossier_story(data: DossierData) -> list[Flowable]:
    """The dossier's flowables, in order (what render_dossier_pdf lays out on its pages)."""
    story: list[Flowable] = []
    story += cover(data)
    story += description.description_pages(data)  # the template's headings with their evidence
    story += key_figures(data)
    story += placements(data)
    story += hours_over_time(data)
    story += attendance(data)
    story += more.accommodations(heading(5), data)
    story += more.capacity(heading(6), data)
    story += goals(heading(7), data)
    story += more.followups(heading(8), data)
    story += more.citizen_view(heading(9), data)
    story += more.assessment(heading(10), data, more.signatures(heading(11), data))
    story += appendix(data)
    return story


def page_texts(data: DossierData) -> dict[str, str]:
    """The document's title, subject and author, and the texts above and below every page."""
    name = data.citizen.name
    period = dk.period_text(data.period_from, data.period_to)
    return {
        "title": f"{TITLE} – {name}",
        "subject": f"Arbejdsevnedokumentation for {name}, {period}",
        "author": data.consultant or "",
        "header": f"{TITLE} · {name} · {period}",
        "footer": f"Udarbejdet {dk.date_text(data.today)} · Placement Desk",
    }


@without_collector_pauses
def render_dossier_pdf(data: DossierData) -> bytes:
    """The dossier PDF of a computed DossierData (A4, DejaVu embedded, FORTROLIGT, Side X af Y)."""
    return build_pdf(dossier_story(data), **page_texts(data))
