"""The work-capacity dossier as an Excel workbook: the PDF's content, one sheet per section, numbers as
numeric cells with number formats, dates as dates, native charts. Formatting only: no figure is computed.
"""

from __future__ import annotations

from placement_desk.domain.dossier import DossierData
from placement_desk.domain.numbers import hours, hours_or_none, rate
from placement_desk.export import danish as dk
from placement_desk.export import excel_charts as charts
from placement_desk.export.excel_common import HEADER_ROW, Book, Value, XCol, key_values, write_table

H, R, P, N, S = dk.XL_HOURS, dk.XL_RATE, "0%", dk.XL_INT, "+0;-0;0"


def _cover(book: Book, data: DossierData) -> None:
    c = data.citizen
    ws = book.sheet("Forside", dk.DOSSIER_TITLE)
    pairs: list[tuple[str, Value]] = [
        ("Borger", c.name),
        ("CPR-nr.", c.cpr),
        ("Fødselsår", c.birth_year),
        ("Ydelse", c.benefit),
        ("Sagsbehandler", c.caseworker),
        ("Jobmål", c.job_goal),
        ("Periode fra", data.period_from),
        ("Periode til", data.period_to),
        ("Forløb (henvisning)", "\n".join(dk.programme_text(r) for r in data.programmes) or None),
        ("Virksomhedskonsulent", data.consultant),
        ("Udarbejdet", data.today),
        ("Modtager", data.recipient),
        ("", None),
        ("FORTROLIGT", "Indeholder personoplysninger, herunder helbredsoplysninger. Må kun videregives til sagens parter."),
    ]
    key_values(ws, [(k, v) for k, v in pairs if v is not None or k == ""], fmt={"Fødselsår": "0"})


def _key_figures(book: Book, data: DossierData) -> None:
    t = data.figures.total
    ws = book.sheet("Nøgletal")
    cols: tuple[XCol, ...] = (XCol("Nøgletal", 34), XCol("Værdi", 14), XCol("Forklaring", 70, wrap=True))
    rows: list[list[Value]] = [
        ["Vedvarende timer pr. uge", hours_or_none(data.figures.max_sustained_weekly),
         "Det største antal timer pr. uge, der er nået fire uger i træk"],
        ["Fremmøde", rate(t.attendance_rate), "Fremmødte timer i forhold til planlagte (aftalt fravær fraregnet)"],
        ["Effektive timer i alt", hours_or_none(t.effective), "Fremmødte timer × vurderet effektivitet"],
        ["Forløb i perioden", len(data.placements), "Praktikker og træningsbaner, der overlapper perioden"],
        ["Planlagte timer", hours(t.planned), "Efter timeplanen; 0 på helligdage"],
        ["Fremmødte timer", hours(t.attended), ""],
        ["Planlagte løntimer", hours(t.paid_planned), "Den del af timeplanen, virksomheden betaler"],
        ["Fravær", rate(t.absence_share), "Fraværstimer i forhold til planlagte (aftalt fravær fraregnet)"],
        ["Dage uden registrering", t.unregistered_days, "Planlagte dage, hvor fremmødet ikke er registreret"],
        ["Seneste effektivitet", dk.pct_value(data.latest_effectiveness_pct), "Den seneste vurdering i perioden"],
    ]  # fmt: skip
    formats = [H, R, H, N, H, H, H, R, N, R]
    write_table(ws, cols, rows)
    for i, fmt in enumerate(formats):
        ws.cell(row=HEADER_ROW + 1 + i, column=2).number_format = fmt


def _charts(book: Book, data: DossierData) -> None:
    ws = book.chart_sheet()
    ws["A3"] = "Diagrammerne viser tallene fra arkene Uger, Måneder, Fravær, Arbejdsevne og Mål."


def _placements(book: Book, data: DossierData) -> None:
    ws = book.sheet("Forløb", "Forløb og hvad der er afprøvet", landscape=True)
    cols: tuple[XCol, ...] = (
        XCol("Forløb", 10), XCol("Virksomhed", 28, wrap=True), XCol("Type", 20), XCol("Formål", 20),
        XCol("Start", 12), XCol("Slut", 12), XCol("Opgaver", 40, wrap=True), XCol("Afslutning", 40, wrap=True),
        XCol("Planlagt", 11, H), XCol("Fremmødt", 11, H), XCol("Løntimer", 11, H), XCol("Fremmøde", 11, R),
        XCol("Fravær", 10, R), XCol("Ureg. dage", 10, N), XCol("Effektive", 11, H),
    )  # fmt: skip
    rows: list[list[Value]] = []
    for r in data.placements:
        pl, t = r.placement, r.totals
        rows.append([
            pl.ref, r.company, dk.code_text(pl.type), dk.code_text(pl.purpose), pl.start, pl.end,
            ", ".join(pl.tasks), pl.end_reason, hours(t.planned), hours(t.attended), hours(t.paid_planned),
            rate(t.attendance_rate), rate(t.absence_share), t.unregistered_days, hours_or_none(t.effective),
        ])  # fmt: skip
    write_table(ws, cols, rows)
    ws = book.sheet("Timeplan", "Timeplan: optrapning og nedtrapning", landscape=True)
    cols = (XCol("Forløb", 10), XCol("Fra", 12), *(XCol(d.capitalize(), 8, H) for d in dk.WEEKDAYS_SHORT),
            XCol("Timer pr. uge", 12, H), XCol("Heraf løn", 11, H))  # fmt: skip
    steps: list[list[Value]] = [
        [r.placement.ref, s.start, *(hours(m) for m in s.minutes), hours(s.weekly), hours(s.paid_per_week)]
        for r in data.placements
        for s in r.placement.schedule
    ]
    write_table(ws, cols, steps)


def _weeks(book: Book, data: DossierData) -> None:
    ws = book.sheet("Uger", "Timer pr. uge", landscape=True)
    cols: tuple[XCol, ...] = (XCol("Uge", 14), XCol("Mandag", 12), XCol("Planlagt", 11, H), XCol("Fremmødt", 11, H),
            XCol("Heraf løn (planlagt)", 13, H), XCol("Effektive", 11, H))  # fmt: skip
    rows: list[list[Value]] = [
        [dk.week_text(w.key), w.first_day, hours(w.totals.planned), hours(w.totals.attended),
         hours(w.totals.paid_planned), hours_or_none(w.totals.effective)]
        for w in data.week_rows
    ]  # fmt: skip
    last = write_table(ws, cols, rows)
    if rows:
        book.add_chart(charts.weekly_hours(ws, last, cat=1, planned=3, attended=4, paid=5))


def _months(book: Book, data: DossierData) -> None:
    ws = book.sheet("Måneder", "Timer og fremmøde pr. måned", landscape=True)
    cols: tuple[XCol, ...] = (XCol("Måned", 16), XCol("Første dag", 12), XCol("Planlagt", 11, H), XCol("Fremmødt", 11, H),
            XCol("Løntimer", 11, H), XCol("Fremmøde", 11, R), XCol("Fravær", 10, R), XCol("Ureg. dage", 10, N),
            XCol("Effektive", 11, H))  # fmt: skip
    rows: list[list[Value]] = [
        [dk.month_text(m.key), m.first_day, hours(m.totals.planned), hours(m.totals.attended),
         hours(m.totals.paid_planned), rate(m.totals.attendance_rate), rate(m.totals.absence_share),
         m.totals.unregistered_days, hours_or_none(m.totals.effective)]
        for m in data.month_rows
    ]  # fmt: skip
    t = data.figures.total
    total: list[Value] = ["I alt", None, hours(t.planned), hours(t.attended), hours(t.paid_planned),
                          rate(t.attendance_rate), rate(t.absence_share), t.unregistered_days,
                          hours_or_none(t.effective)]  # fmt: skip
    last = write_table(ws, cols, rows, total=total)
    if rows:
        data_last = last - 1
        book.add_chart(charts.monthly_hours(ws, data_last, cat=1, planned=3, attended=4))
        book.add_chart(charts.monthly_rate(ws, data_last, cat=1, rate=6))


def absence_sheets(book: Book, data: DossierData) -> None:
    """Absence by reason (with a chart) and absence date by date."""
    ws = book.sheet("Fravær", "Fravær fordelt på årsag")
    cols: tuple[XCol, ...] = (XCol("Fraværsårsag", 30), XCol("Dage", 10, N), XCol("Timer", 12, H))
    reasons = data.figures.absence_by_reason()
    rows: list[list[Value]] = [[dk.reason_text(r.reason), r.days, hours(r.minutes)] for r in reasons]
    last = write_table(ws, cols, rows)
    ws["A3"] = f"Aftalt fravær (ferie, møder o.l.) er ikke regnet med: {data.agreed_absence_days} dage."
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


def _accommodations(book: Book, data: DossierData) -> None:
    ws = book.sheet("Skånehensyn")
    cols: tuple[XCol, ...] = (XCol("Kategori", 16), XCol("Skånehensyn", 60, wrap=True), XCol("Kilde", 14), XCol("Identificeret", 13),
            XCol("Aktiv", 8), XCol("Ophørt", 12))  # fmt: skip
    rows: list[list[Value]] = [
        [dk.code_text(a.category), a.text, dk.code_text(a.source), a.identified, dk.yes_no(a.active), a.retired]
        for a in data.accommodations
    ]
    write_table(ws, cols, rows)


def _capacity(book: Book, data: DossierData) -> None:
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


def _goals(book: Book, data: DossierData) -> None:
    ws = book.sheet("Mål", "Mål og progression")
    cols: tuple[XCol, ...] = (XCol("Nr.", 6, N), XCol("Område", 16), XCol("Mål", 44, wrap=True), XCol("Delmål", 40, wrap=True),
            XCol("Første score", 12, S), XCol("Seneste score", 13, S), XCol("Udvikling", 11, S))  # fmt: skip
    rows: list[list[Value]] = [
        [i, dk.code_text(g.goal.area), g.goal.text, "\n".join(g.goal.subgoals) or None, g.first_score,
         g.latest_score, g.change]
        for i, g in enumerate(data.goals, 1)
    ]  # fmt: skip
    last = write_table(ws, cols, rows)
    if rows:
        book.add_chart(charts.goals(ws, last, cat=2, first=5, latest=6, count=len(rows)))
    ws = book.sheet("Mål pr. bedømmer", "Scorer fordelt på bedømmer")
    cols = (XCol("Nr.", 6, N), XCol("Mål", 40, wrap=True), XCol("Bedømmer", 14), XCol("Første score", 12, S),
            XCol("Første dato", 12), XCol("Seneste score", 13, S), XCol("Seneste dato", 12), XCol("Antal", 8, N))  # fmt: skip
    by: list[list[Value]] = [
        [i, g.goal.text, dk.assessor_text(a.assessor), a.first.score, a.first.day, a.latest.score, a.latest.day, a.count]
        for i, g in enumerate(data.goals, 1)
        for a in g.by_assessor
    ]
    write_table(ws, cols, by)
    ws = book.sheet("Scorer", "Alle progressionsscorer")
    cols = (XCol("Nr.", 6, N), XCol("Område", 16), XCol("Dato", 12), XCol("Score", 8, S), XCol("Bedømmer", 14))
    scores: list[list[Value]] = [
        [i, dk.code_text(g.goal.area), s.day, s.score, dk.assessor_text(s.assessor)]
        for i, g in enumerate(data.goals, 1)
        for s in g.goal.scores
    ]
    write_table(ws, cols, scores)


def _followups(book: Book, data: DossierData) -> None:
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


def _texts(book: Book, data: DossierData) -> None:
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


def render_dossier_xlsx(data: DossierData) -> bytes:
    """The dossier workbook of a computed DossierData."""
    period = dk.period_text(data.period_from, data.period_to)
    book = Book(dk.DOSSIER_TITLE, f"{data.citizen.name} · {period}", data.consultant, data.today)
    for part in (_cover, _key_figures, _charts, _placements, _weeks, _months, absence_sheets, _accommodations, _capacity, _goals,
                 _followups, _texts):  # fmt: skip
        part(book, data)
    return book.to_bytes()
