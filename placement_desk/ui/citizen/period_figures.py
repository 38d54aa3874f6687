"""The figures of a part of the record (the last 13 weeks, the weeks since the last follow-up) summed from
the whole record's per-date figures, which the citizen page has already computed: the same sums as the
dossier of that period, without computing every date of the record's placements again."""

from __future__ import annotations

from datetime import date

from placement_desk.domain.figures import Figures, ReasonTotal
from placement_desk.services.views import CitizenDetail


def period_figures(detail: CitizenDetail, first: date, last: date) -> Figures | None:
    """The total and the absence by reason of the dates [first, last], as ``detail.figures(first, last)``
    has them: the dates of the placements that overlap the period. Summed from ``detail.figures()`` when
    the period lies within the whole record's; else (or without a record) computed for the period."""
    whole = detail.figures()
    if whole is None or first < whole.period_from or last > whole.period_to:
        data = detail.figures(first, last)
        return data.figures if data is not None else None
    on = whole.today
    refs = {
        p.ref for p in whole.citizen.placements if p.start <= last and (p.end if p.end is not None else on) >= first
    }
    out = Figures()
    for f in whole.figures.days:
        if first <= f.day <= last and f.placement in refs:
            out.total.add(f)
            if f.absent > 0 and f.reason is not None:
                reason = out.by_reason.setdefault(f.reason, ReasonTotal(f.reason))
                reason.days += 1
                reason.minutes += f.absent
    return out
