"""The figures measured inside the benchmark process (offscreen Qt): citizen page, dossier, dashboard,
import, and the placement table. Each returns the median seconds of ``repeat`` runs after a warm-up."""

from __future__ import annotations

import io
import json
import statistics
import time
import uuid
from collections.abc import Callable
from datetime import date

from bench import secure
from placement_desk.db.engine import Database


def median_time(action: Callable[[], object], repeat: int, warmup: int = 1, before: Callable[[], object] | None = None
                ) -> float:  # fmt: skip
    """The median wall-clock seconds of ``action`` (``before`` runs untimed ahead of each run)."""
    times = []
    for i in range(warmup + repeat):
        if before is not None:
            before()
        started = time.perf_counter()
        action()
        if i >= warmup:
            times.append(time.perf_counter() - started)
    return statistics.median(times)


def heaviest_citizen(path: str, key: bytes | None = None) -> tuple[str, int, date, date]:
    """The citizen with the most attendance records: ref, records, first and last record date."""
    with secure.connect(path, key) as conn:
        ref, n, first, last = conn.execute(
            "SELECT c.ref, COUNT(*), MIN(a.day), MAX(a.day) FROM attendance a "
            "JOIN placements p ON p.id = a.placement_id JOIN citizens c ON c.id = p.citizen_id "
            "GROUP BY c.id ORDER BY COUNT(*) DESC, c.ref LIMIT 1"
        ).fetchone()
    return ref, n, date.fromisoformat(first), date.fromisoformat(last)


def citizen_open(db: Database, ref: str, other: str, repeat: int) -> float:
    """MainWindow.open_citizen (CitizenPage.show_citizen: the record read, every tab loaded) and the
    events that follow (layout, paint), offscreen. Another citizen is shown between runs."""
    from PySide6.QtWidgets import QApplication

    from placement_desk.ui.shell.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    window = MainWindow(db)
    window.show()
    app.processEvents()

    def open_it() -> None:
        window.open_citizen(ref)
        app.processEvents()

    def check() -> None:
        page = window.citizen_page
        assert page.detail is not None and page.detail.citizen.ref == ref
        stale = [key for key, tab in page.tab_by_key.items() if getattr(tab, "detail", page.detail) is not page.detail]
        assert not stale, f"tabs not loaded: {stale}"

    try:
        result = median_time(open_it, repeat, before=lambda: (window.open_citizen(other), app.processEvents()))
        check()
        return result
    finally:
        window.close()
        window.deleteLater()
        app.processEvents()


def dossier(db: Database, ref: str, repeat: int) -> tuple[float, dict[str, int]]:
    """The dossier of the whole record (figures + PDF + Excel + JSON); seconds and the file sizes."""
    from placement_desk.services.documents import render_document

    sizes: dict[str, int] = {}

    def render() -> None:
        doc = render_document(db, ref, formats=("pdf", "xlsx", "json"))
        sizes.update({fmt: len(f.content) for fmt, f in doc.files.items()})

    return median_time(render, repeat), sizes


def one_page_pdf(repeat: int) -> float:
    """The yardstick: a one-page reportlab document (a heading, a paragraph and a small table)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

    def render() -> None:
        styles = getSampleStyleSheet()
        doc = SimpleDocTemplate(io.BytesIO(), pagesize=A4)
        rows = [["Uge", "Planlagt", "Mødt"]] + [[f"2026-W{w:02d}", "20,0", "18,5"] for w in range(1, 11)]
        doc.build([Paragraph("Arbejdsevnedokumentation", styles["Title"]),
                   Paragraph("Fremmøde og fravær i perioden.", styles["Normal"]), Table(rows)])  # fmt: skip

    return median_time(render, repeat)


def dashboard(db: Database, path: str, on: date, repeat: int) -> tuple[float, float, dict[str, int]]:
    """The dashboard service and the raw SQL aggregate of the same facts: seconds each, and the counts
    (which must agree)."""
    from bench.raw_dashboard import facts
    from placement_desk.services.dashboard import dashboard as service

    tasks = service(db, on)
    counts = {kind: sum(1 for t in tasks if t.kind == kind) for kind in dict.fromkeys(t.kind for t in tasks)}
    with secure.connect(path, db.key) as conn:
        raw = facts(conn, on)
        raw_time = median_time(lambda: facts(conn, on), repeat)
    app_time = median_time(lambda: service(db, on), repeat)
    nonzero = {k: v for k, v in raw.items() if v}
    if counts != nonzero:
        raise AssertionError(f"the dashboard and the raw SQL disagree: {counts} != {nonzero}")
    return app_time, raw_time, raw


def case_import(db: Database, path: str, rows: int, on: date, repeat: int) -> tuple[float, float]:
    """import_case_file of a case file with ``rows`` attendance records (new citizens each run), the JSON
    text parsed as part of it; and the yardstick (:func:`raw_insert`): the same attendance rows of the last
    run inserted with one raw ``executemany`` on a plain connection, committed as the import is."""
    from bench.import_case import case_file_text
    from placement_desk.services.casefile_io import import_case_file
    from placement_desk.services.queries import list_companies

    companies = [c.ref for c in list_companies(db)][:20]
    texts = [case_file_text(run, rows, companies, on) for run in range(repeat + 1)]
    runs = iter(texts)
    imported = median_time(lambda: import_case_file(db, json.loads(next(runs))), repeat)
    raw = raw_insert(path, db.key, f"IMP{repeat}-%", rows, repeat)
    return imported, raw


def raw_insert(path: str, key: bytes | None, refs: str, rows: int, repeat: int) -> float:
    """The median seconds of one raw ``executemany`` INSERT of the attendance rows of the placements whose ref
    is LIKE ``refs``, and its COMMIT. Each run inserts them under new copies of those placements (the copies
    inserted untimed in the same transaction), so the rows go, as an import's do, into new room of the table
    and its indexes: the same rows deleted and put back would reuse the very pages the delete freed, still in
    the cache (0.135 s against 0.21 s for new rows, 1× data). The connection is set up as the app's are
    (foreign keys checked, full sync, its page cache)."""
    from placement_desk.db.engine import CONNECTION_PRAGMAS

    with secure.connect(path, key) as conn:
        for pragma in CONNECTION_PRAGMAS:
            conn.execute(pragma)
        columns = [r[1] for r in conn.execute("PRAGMA table_info(attendance)") if r[1] != "id"]
        where = "placement_id IN (SELECT p.id FROM placements p WHERE p.ref LIKE ?)"
        records = conn.execute(f"SELECT {', '.join(columns)} FROM attendance WHERE {where}", (refs,)).fetchall()
        if len(records) != rows:
            raise AssertionError(f"the last import wrote {len(records)} attendance rows, not {rows}")
        insert = f"INSERT INTO attendance ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
        copied = [r[1] for r in conn.execute("PRAGMA table_info(placements)") if r[1] not in ("id", "ref")]
        copy = (f"INSERT INTO placements (ref, {', '.join(copied)}) SELECT ? || id, {', '.join(copied)} "
                "FROM placements WHERE id = ?")  # fmt: skip
        at = columns.index("placement_id")
        placement_ids = sorted({r[at] for r in records})
        batch: list[tuple[object, ...]] = []

        def new_placements() -> None:
            conn.execute("BEGIN")
            prefix = f"RAW-{uuid.uuid4().hex[:12]}-"
            new = {pid: conn.execute(copy, (prefix, pid)).lastrowid for pid in placement_ids}
            batch[:] = [r[:at] + (new[r[at]],) + r[at + 1 :] for r in records]

        def put() -> None:
            conn.executemany(insert, batch)
            conn.execute("COMMIT")

        return median_time(put, repeat, before=new_placements)


def placement_table(db: Database, repeat: int) -> tuple[float, float, int, str]:
    """The 2,000-placement table: the slowest filter or sort operation (median over runs), the time
    to read the rows into the model, the row count and which operation was slowest."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from placement_desk.ui.pages.placements import PlacementsPage
    from placement_desk.ui.shell.context import UiContext

    app = QApplication.instance() or QApplication([])

    page = PlacementsPage(UiContext(db))
    page.resize(1200, 700)
    page.show()
    load = median_time(lambda: (page.refresh(), app.processEvents()), repeat)
    rows = page.model.rowCount()
    sample = page.model.row_at(rows // 2)
    words = (sample.company, sample.citizen_name.split()[0], "fleks")
    ops: list[tuple[str, Callable[[], object], Callable[[], object]]] = []
    for word in words:
        ops.append((f"filter {word!r}", lambda: page.search.setText(""), lambda w=word: page.search.setText(w)))
    ops.append(("clear the filter", lambda: page.search.setText(words[0]), lambda: page.search.setText("")))
    for column in range(page.model.columnCount()):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            other = (column + 1) % page.model.columnCount()
            ops.append((f"sort column {column} {order.name[:-5].lower()}",
                        lambda o=other: page.table.sortByColumn(o, Qt.SortOrder.AscendingOrder),
                        lambda c=column, o=order: page.table.sortByColumn(c, o)))  # fmt: skip
    worst, worst_name = 0.0, ""
    for name, before, op in ops:
        seconds = median_time(
            lambda op=op: (op(), app.processEvents()),
            repeat,
            warmup=0,  # type: ignore[misc]
            before=lambda b=before: (b(), app.processEvents()),
        )  # type: ignore[misc]
        if seconds > worst:
            worst, worst_name = seconds, name
    page.close()
    page.deleteLater()
    app.processEvents()
    return worst, load, rows, worst_name
