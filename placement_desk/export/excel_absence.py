"""The absence overview as an Excel workbook: summary, absence by reason, absence date by date."""

from __future__ import annotations

from placement_desk.domain.dossier import DossierData
from placement_desk.export import danish as dk
from placement_desk.export.collector import without_collector_pauses
from placement_desk.export.danish import hours
from placement_desk.export.excel_common import Book, Value, key_values
from placement_desk.export.excel_sections import absence_sheets


@without_collector_pauses
def render_absence_xlsx(data: DossierData) -> bytes:
    """The absence overview workbook of a computed DossierData."""
    t = data.figures.total
    period = dk.period_text(data.period_from, data.period_to)
    book = Book(dk.ABSENCE_TITLE, f"{data.citizen.name} · {period}", data.consultant, data.today)
    ws = book.sheet("Oversigt", f"{dk.ABSENCE_TITLE} – {data.citizen.name}")
    pairs: list[tuple[str, Value]] = [
        ("Borger", data.citizen.name),
        ("CPR-nr.", data.citizen.cpr),
        ("Periode fra", data.period_from),
        ("Periode til", data.period_to),
        ("Udarbejdet", data.today),
        ("Modtager", data.recipient),
        ("Planlagte timer", hours(t.planned)),
        ("Heraf aftalt fravær", hours(data.split.agreed)),
        ("Heraf uden registrering", hours(data.split.unrecorded)),
        ("Planlagte timer, der tæller med", hours(t.counted_planned)),
        ("Fraværstimer", hours(t.absent)),
        ("Fravær", dk.rate_cell(t.absence_share)),
        ("Dage med fravær", len(data.absence_days)),
        ("Dage med aftalt fravær (ikke medregnet)", data.agreed_absence_days),
        ("", None),
        ("Sådan er tallene opgjort",
         f"{dk.planned_text(t.planned, data.split.agreed, data.split.unrecorded, t.counted_planned)}. Fravær er "
         "fraværstimerne i forhold til de planlagte timer, der tæller med."),
    ]  # fmt: skip
    hour_rows = ("Planlagte timer", "Heraf aftalt fravær", "Heraf uden registrering", "Planlagte timer, der tæller med",
                 "Fraværstimer")  # fmt: skip
    key_values(
        ws,
        [(k, v) for k, v in pairs if v is not None or k == ""],
        fmt={**dict.fromkeys(hour_rows, dk.XL_HOURS), "Fravær": dk.XL_RATE},
    )
    book.chart_sheet()
    absence_sheets(book, data)
    return book.to_bytes()
