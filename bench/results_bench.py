"""The results report (issue 18) on the big database: every citizen over the five years, the figures
and the three files (PDF, Excel, JSON), as ``placement-desk report`` makes them."""

from __future__ import annotations

import json

from bench import generate
from bench.inprocess import median_time
from placement_desk.db.engine import Database


def results_report(db: Database, repeat: int) -> tuple[float, int, dict[str, int]]:
    """Median seconds for the anonymised report over [FIRST_DAY, TODAY] with its files; the citizens in
    it; the size of each file."""
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

    seconds = median_time(run, repeat)
    return seconds, citizens, sizes
