"""The work-capacity dossier as an Excel workbook: the PDF's content, one sheet per section, numbers as
numeric cells with number formats (rates hold their exact value; the percent format rounds it once), dates
as dates, native charts. Formatting only: no figure is computed.
"""

from __future__ import annotations

from placement_desk.domain.dossier import DossierData
from placement_desk.domain.dossier_detail import PlanSplit
from placement_desk.domain.figures import Totals
from placement_desk.domain.numbers import hours_or_none
from placement_desk.export import danish as dk
from placement_desk.export import excel_charts as charts
from placement_desk.export import excel_description as description
from placement_desk.export import excel_sections as sections
from placement_desk.export.collector import without_collector_pauses
from placement_desk.export.danish import hours
from placement_desk.export.excel_common import HEADER_ROW, Book, Value, XCol, key_values, write_table

H, R, N = dk.XL_HOURS, dk.XL_RATE, dk.XL_INT

# The figure columns of the placement, week and month sheets: the ten figures of every figure object,
# with the planned hours split into agreed absence, no record and counted.
FIGURE_COLS: tuple[XCol, ...] = (
    XCol("Planlagt", 11, H), XCol("Heraf aftalt fravær", 11, H), XCol("Heraf uden registrering", 12, H),
    XCol("Planlagt, tæller med", 11, H), XCol("Fremmødt", 11, H), XCol("Fraværstimer", 11, H),
    XCol("Planlagte løntimer", 11, H), XCol("Fremmøde", 10, R), XCol("Fravær", 10, R), XCol("Ureg. dage", 9, N),
    XCol("Dage med aftalt fravær", 10, N), XCol("Effektive timer", 11, H), XCol("Fremmødt med vurdering", 12, H),
)  # fmt: skip
# Where each figure sits among FIGURE_COLS (0-based), for the charts.
PLANNED, AGREED, ATTENDED, ABSENT, PAID, RATE = 0, 1, 4, 5, 6, 7


def figure_values(t: Totals, split: PlanSplit) -> list[Value]:
    return [
        hours(t.planned), hours(split.agreed), hours(split.unrecorded), hours(t.counted_planned), hours(t.attended),
        hours(t.absent), hours(t.paid_planned), dk.rate_cell(t.attendance_rate), dk.rate_cell(t.absence_share),
        t.unregistered_days, t.agreed_absence_days, hours_or_none(t.effective), hours(t.effective_basis),
    ]  # fmt: skip


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
    t, fig, split = data.figures.total, data.figures, data.split
    ws = book.sheet("Nøgletal")
    cols: tuple[XCol, ...] = (XCol("Nøgletal", 34), XCol("Værdi", 14), XCol("Forklaring", 80, wrap=True))
    counted = dk.hours_text(t.counted_planned)
    weeks = f"Nået hver uge i {dk.weeks_text(fig.max_sustained_weeks)}; " if fig.max_sustained_weeks else ""
    rows: list[tuple[str, Value, str, str]] = [
        ("Vedvarende timer pr. uge", hours_or_none(fig.max_sustained_weekly), H,
         weeks + "det største antal timer pr. uge, der er nået fire uger i træk"),
        ("Vedvarende niveau nået i", dk.weeks_text(fig.max_sustained_weeks) if fig.max_sustained_weeks else None, "",
         "De seneste fire uger i træk med mindst det vedvarende antal timer"),
        ("Fremmøde", dk.rate_cell(t.attendance_rate), R,
         f"Fremmødte timer i forhold til de {counted} planlagte, der tæller med (aftalt fravær fraregnet)"),
        ("Fravær", dk.rate_cell(t.absence_share), R, f"Fraværstimer i forhold til de {counted} planlagte, der tæller med"),
        ("Planlagte timer", hours(t.planned), H,
         dk.planned_text(t.planned, split.agreed, split.unrecorded, t.counted_planned)),
        ("Heraf aftalt fravær", hours(split.agreed), H,
         f"{t.agreed_absence_days} dage med ferie, behandling, møder o.l.; ikke regnet som fravær"),
        ("Heraf uden registrering", hours(split.unrecorded), H, "Planlagte timer på dage uden registrering"),
        ("Planlagte timer, der tæller med", hours(t.counted_planned), H, "Grundlaget for fremmøde- og fraværsprocenten"),
        ("Fremmødte timer", hours(t.attended), H, ""),
        ("Effektive timer", hours_or_none(t.effective), H, dk.effective_text(t.effective, t.effective_basis)),
        ("Fremmødte timer med en vurdering", hours(t.effective_basis), H,
         "Grundlaget for de effektive timer: timer før et forløbs første vurdering af effektiviteten indgår ikke"),
        ("Seneste effektivitet", dk.pct_value(data.latest_effectiveness_pct), R, "Den seneste vurdering i perioden"),
        ("Planlagte løntimer", hours(t.paid_planned), H, "Den del af timeplanen, virksomheden betaler"),
        ("Forløb i perioden", len(data.placements), N, "Praktikker og træningsbaner, der overlapper perioden"),
        ("Dage uden registrering", t.unregistered_days, N, "Planlagte dage, hvor fremmødet ikke er registreret"),
        ("Dage med aftalt fravær", t.agreed_absence_days, N, "Ferie, behandling, møder o.l."),
    ]  # fmt: skip
    write_table(ws, cols, [[name, value, text] for name, value, _, text in rows])
    for i, (_, value, fmt, _) in enumerate(rows):
        if fmt and isinstance(value, int | float):
            ws.cell(row=HEADER_ROW + 1 + i, column=2).number_format = fmt


def _charts(book: Book, data: DossierData) -> None:
    ws = book.chart_sheet()
    ws["A3"] = "Diagrammerne viser tallene fra arkene Uger, Måneder, Fravær, Arbejdsevne og Mål."


def _placements(book: Book, data: DossierData) -> None:
    ws = book.sheet("Forløb", "Forløb og hvad der er afprøvet", landscape=True)
    cols: tuple[XCol, ...] = (
        XCol("Forløb", 10), XCol("Virksomhed", 28, wrap=True), XCol("Type", 20), XCol("Formål", 20),
        XCol("Start", 12), XCol("Slut", 12), XCol("Opgaver", 40, wrap=True), XCol("Afslutning", 40, wrap=True),
        *FIGURE_COLS,
    )  # fmt: skip
    rows: list[list[Value]] = []
    for r in data.placements:
        pl = r.placement
        rows.append([
            pl.ref, r.company, dk.code_text(pl.type), dk.code_text(pl.purpose), pl.start, pl.end,
            ", ".join(pl.tasks), pl.end_reason, *figure_values(r.totals, r.split),
        ])  # fmt: skip
    write_table(ws, cols, rows)
    ws = book.sheet("Timeplan", "Timeplan: optrapning og nedtrapning", landscape=True)
    cols = (XCol("Forløb", 10), XCol("Fra", 12), *(XCol(d.capitalize(), 8, H) for d in dk.WEEKDAYS_SHORT),
            XCol("Timer pr. uge", 12, H), XCol("Heraf løntimer", 11, H))  # fmt: skip
    steps: list[list[Value]] = [
        [r.placement.ref, s.start, *(hours(m) for m in s.minutes), hours(s.weekly), hours(s.paid_per_week)]
        for r in data.placements
        for s in r.placement.schedule
    ]
    write_table(ws, cols, steps)


def _weeks(book: Book, data: DossierData) -> None:
    ws = book.sheet("Uger", "Timer pr. uge", landscape=True)
    cols: tuple[XCol, ...] = (XCol("Uge", 14), XCol("Mandag", 12), *FIGURE_COLS)
    rows: list[list[Value]] = [
        [dk.week_text(w.key), w.first_day, *figure_values(w.totals, w.split)] for w in data.week_rows
    ]
    last = write_table(ws, cols, rows)
    if rows:
        book.add_chart(charts.hours_per_period(ws, last, "Timer pr. uge", "Uge", **_chart_columns(3)))


def _chart_columns(first: int) -> dict[str, int]:
    """The sheet columns (1-based) of the charted figures when FIGURE_COLS start at column ``first``."""
    return {"cat": 1, "planned": first + PLANNED, "attended": first + ATTENDED, "absent": first + ABSENT,
            "agreed": first + AGREED, "paid": first + PAID}  # fmt: skip


def _months(book: Book, data: DossierData) -> None:
    ws = book.sheet("Måneder", "Timer og fremmøde pr. måned", landscape=True)
    cols: tuple[XCol, ...] = (XCol("Måned", 16), XCol("Første dag", 12), *FIGURE_COLS)
    rows: list[list[Value]] = [
        [dk.month_text(m.key), m.first_day, *figure_values(m.totals, m.split)] for m in data.month_rows
    ]
    total: list[Value] = ["I alt", None, *figure_values(data.figures.total, data.split)]
    last = write_table(ws, cols, rows, total=total)
    if rows:
        data_last = last - 1
        book.add_chart(charts.hours_per_period(ws, data_last, "Timer pr. måned", "Måned", **_chart_columns(3)))
        book.add_chart(charts.monthly_rate(ws, data_last, cat=1, rate=3 + RATE))


@without_collector_pauses
def render_dossier_xlsx(data: DossierData) -> bytes:
    """The dossier workbook of a computed DossierData."""
    period = dk.period_text(data.period_from, data.period_to)
    book = Book(dk.DOSSIER_TITLE, f"{data.citizen.name} · {period}", data.consultant, data.today)
    for part in (_cover, description.description_sheets, _key_figures, _charts, _placements, _weeks, _months, sections.absence_sheets,
                 sections.accommodations, sections.capacity, sections.goals, sections.followups,
                 sections.texts):  # fmt: skip
        part(book, data)
    return book.to_bytes()
