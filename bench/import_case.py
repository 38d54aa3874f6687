"""A case file for the import benchmark: new citizens at existing companies, ``rows`` attendance records."""

from __future__ import annotations

import json
from datetime import date, timedelta

from placement_desk.domain import casefile as cf
from placement_desk.domain.plan import is_holiday

CITIZENS = 5
PLACEMENTS_EACH = 2


def case_file_text(run: int, rows: int, companies: list[str], today: date) -> str:
    """The JSON text of a case file with ``CITIZENS`` new citizens (refs unique per ``run``) whose
    placements hold ``rows`` attendance records in all, ending before ``today``."""
    per_placement = [rows // (CITIZENS * PLACEMENTS_EACH)] * (CITIZENS * PLACEMENTS_EACH)
    per_placement[-1] += rows - sum(per_placement)
    citizens = []
    for c in range(CITIZENS):
        ref = f"IMP{run}-{c + 1}"
        placements = []
        for k in range(PLACEMENTS_EACH):
            count = per_placement[c * PLACEMENTS_EACH + k]
            placements.append(_placement(f"{ref}-{k + 1}", companies[(c + k) % len(companies)], count, today, k))
        citizens.append(cf.Citizen(
            ref=ref, name=f"Import {run}.{c + 1}", birth_year=1980 + c, job_goal="Lagermedarbejder",
            placements=tuple(placements),
            accommodations=(cf.Accommodation("time", "Pauser efter behov", date(2022, 1, 10), "observed"),),
            followups=(cf.Followup(placements[0].start + timedelta(days=7), "startup", placements[0].ref,
                                   ("citizen", "mentor"), "Opstart."),),
        ))  # fmt: skip
    return json.dumps(cf.case_file_json(cf.CaseFile(companies=(), citizens=tuple(citizens))), ensure_ascii=False)


def _placement(ref: str, company: str, count: int, today: date, k: int) -> cf.Placement:
    """Mon-Fri, 5 hours, one record per working day back from yesterday (sick now and then)."""
    days: list[date] = []
    day = today - timedelta(days=1)
    while len(days) < count:
        if day.weekday() < 5 and not is_holiday(day):
            days.append(day)
        day -= timedelta(days=1)
    days.reverse()
    start = days[0] if days else today
    step = cf.ScheduleStep(start, (300, 300, 300, 300, 300, 0, 0), 0)
    attendance = tuple(
        cf.Attendance(d, "sick", 0, "Influenza") if i % 23 == 0 else cf.Attendance(d, "present", 300)
        for i, d in enumerate(days)
    )
    return cf.Placement(ref=ref, company=company, type="internship" if k == 0 else "hybrid", start=start,
                        purpose="assessment" if k == 0 else "work_capacity", schedule=(step,),
                        attendance=attendance)  # fmt: skip
