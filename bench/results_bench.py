"""The results report (issue 18) on the big database: every citizen over the five years, the figures
and the three files (PDF, Excel, JSON), as ``placement-desk report`` makes them."""

from __future__ import annotations

import json
import statistics
import time
from dataclasses import dataclass, field

from bench import generate
from placement_desk.db.engine import Database


@dataclass
class ResultsTimes:
    """Warm: the median of ``repeat`` runs after the first; cold: that first run in the process (imports
    of the renderers, the database's pages not yet read); anew: the median of ``repeat`` runs after the kept
    weekly sums were emptied (every placement's weeks grouped again, as after a write to each). Wall-clock and CPU seconds (the machine may be
    shared: CPU time is what the process itself spent)."""

    warm: float
    warm_cpu: float
    cold: float
    cold_cpu: float
    anew: float = 0.0
    anew_cpu: float = 0.0
    citizens: int = 0
    sizes: dict[str, int] = field(default_factory=dict)


def results_report(db: Database, repeat: int) -> ResultsTimes:
    """The anonymised report over [FIRST_DAY, TODAY] with its files: first run and median of the others;
    the citizens in it; the size of each file."""
    from placement_desk.domain.results_shown import report_json
    from placement_desk.export.results_pdf import results_pdf
    from placement_desk.export.results_xlsx import results_xlsx
    from placement_desk.services.results import results_report as report

    sizes: dict[str, int] = {}
    citizens = 0

    def run() -> None:
        nonlocal citizens
        r = report(db, generate.FIRST_DAY, generate.TODAY)
        citizens = r.included
        sizes["pdf"] = len(results_pdf(r))
        sizes["xlsx"] = len(results_xlsx(r))
        sizes["json"] = len(json.dumps(report_json(r), ensure_ascii=False).encode("utf-8"))

    times: list[tuple[float, float]] = []
    for _ in range(1 + repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        run()
        times.append((time.perf_counter() - wall, time.process_time() - cpu))
    (cold, cold_cpu), warm = times[0], times[1:]
    anew: list[tuple[float, float]] = []
    for _ in range(repeat):
        forget_weeks(db)
        wall, cpu = time.perf_counter(), time.process_time()
        run()
        anew.append((time.perf_counter() - wall, time.process_time() - cpu))
    return ResultsTimes(statistics.median(w for w, _ in warm), statistics.median(c for _, c in warm), cold, cold_cpu,
                        statistics.median(w for w, _ in anew), statistics.median(c for _, c in anew),
                        citizens, sizes)  # fmt: skip


def forget_weeks(db: Database) -> None:
    """Empty the weekly sums the reports keep (as if every placement's records had just been written)."""
    from sqlalchemy import delete

    from placement_desk.db import models as m

    with db.transaction() as s:
        s.execute(delete(m.AttendanceWeeks))
