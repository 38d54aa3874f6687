"""The bundle's start-up self-check, armed by packaging/entry.py when PLACEMENT_DESK_SMOKE=1.

It creates the QApplication first (ui/shell/launch.py reuses an existing one) and, once the event loop has
shown the main window, checks from inside the frozen app what PyInstaller can miss because it is
loaded dynamically: Qt modules and plugins, the holidays country data and translations, reportlab
and openpyxl writing a document, password protection, the bundled resources, the SQLAlchemy
dialects. It prints one line `smoke: {json}` and quits with exit code 0 (all fine) or 3 (a check failed).
Modules are imported by name (importlib), so the check does not pull them into the bundle itself.
"""

from __future__ import annotations

import importlib
import importlib.util
import io
import json
import os
import sys
import traceback
from collections.abc import Callable
from datetime import date
from typing import Any

SETTLE_MS = 800
EXIT_FAILED = 3


def _modules() -> str:
    names = [
        "PySide6.QtCharts",
        "PySide6.QtSvg",
        "sqlalchemy.dialects.sqlite.pysqlite",
        "alembic.op",
        "reportlab.pdfgen.canvas",
        "openpyxl.chart",
        "holidays.countries.denmark",
    ]
    if importlib.util.find_spec("psycopg") is not None:
        names.append("sqlalchemy.dialects.postgresql.psycopg")
    for name in names:
        importlib.import_module(name)
    return f"{len(names)} imported"


def _charts() -> str:
    charts = importlib.import_module("PySide6.QtCharts")
    series = charts.QLineSeries()
    series.append(0, 0)
    series.append(1, 2)
    chart = charts.QChart()
    chart.addSeries(series)
    view = charts.QChartView(chart)
    view.resize(200, 120)
    pixmap = view.grab()
    view.deleteLater()
    return f"chart rendered {pixmap.width()}x{pixmap.height()}"


def _holidays() -> str:
    holidays = importlib.import_module("holidays")
    danish = holidays.country_holidays("DK", years=2026, language="da")
    english = holidays.country_holidays("DK", years=2026, language="en_US")
    christmas = date(2026, 12, 25)
    if danish.get(christmas) != "Juledag" or english.get(christmas) != "Christmas Day":
        raise AssertionError(f"25-12-2026: {danish.get(christmas)!r} / {english.get(christmas)!r}")
    return f"{len(danish)} Danish holidays in 2026, names in da and en_US"


def _resources() -> str:
    from placement_desk.resources import resource_path

    root = resource_path()
    if not (root / "icons" / "placement-desk.png").is_file():
        raise AssertionError(f"no icons/placement-desk.png under {root}")
    qm = sorted((root / "translations").glob("*.qm"))
    fonts = sorted((root / "fonts").glob("*.ttf"))
    from PySide6.QtCore import QTranslator

    for path in qm:
        if not QTranslator().load(str(path)):
            raise AssertionError(f"Qt cannot load {path.name}")
    return f"{len(qm)} .qm, {len(fonts)} .ttf under {root}"


def _pdf() -> str:
    canvas = importlib.import_module("reportlab.pdfgen.canvas")
    ttfonts = importlib.import_module("reportlab.pdfbase.ttfonts")
    pdfmetrics = importlib.import_module("reportlab.pdfbase.pdfmetrics")
    from placement_desk.resources import resource_path

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    pdf.setFont("Helvetica", 12)
    pdf.drawString(72, 720, "Placement Desk - fremmøde uge 36")
    for i, font in enumerate(sorted(resource_path("fonts").glob("*.ttf"))):
        pdfmetrics.registerFont(ttfonts.TTFont(f"Bundled{i}", str(font)))
        pdf.setFont(f"Bundled{i}", 12)
        pdf.drawString(72, 700 - 20 * i, f"{font.name}: æøå ÆØÅ")
    pdf.showPage()
    pdf.save()
    if not buffer.getvalue().startswith(b"%PDF"):
        raise AssertionError("reportlab wrote no PDF")
    return f"PDF of {len(buffer.getvalue())} bytes"


def _xlsx() -> str:
    openpyxl = importlib.import_module("openpyxl")
    chart = importlib.import_module("openpyxl.chart")
    book = openpyxl.Workbook()
    sheet = book.active
    for row in ((1, 7.5), (2, 10.25), (3, 15)):
        sheet.append(row)
    bar = chart.BarChart()
    bar.add_data(chart.Reference(sheet, min_col=2, min_row=1, max_row=3))
    sheet.add_chart(bar, "D2")
    buffer = io.BytesIO()
    book.save(buffer)
    return f"workbook of {len(buffer.getvalue())} bytes"


def _protect() -> str:
    """The password protection of documents that leave the laptop (pikepdf, msoffcrypto-tool)."""
    try:
        protect = importlib.import_module("placement_desk.export.protect")
    except ModuleNotFoundError:
        return "skipped: no placement_desk.export.protect in this version"
    canvas = importlib.import_module("reportlab.pdfgen.canvas")
    openpyxl = importlib.import_module("openpyxl")
    pdf_buffer, xlsx_buffer = io.BytesIO(), io.BytesIO()
    pdf = canvas.Canvas(pdf_buffer)
    pdf.drawString(72, 720, "fortroligt")
    pdf.save()
    openpyxl.Workbook().save(xlsx_buffer)
    password = "smoke-test-password"
    locked_pdf = protect.protect("pdf", pdf_buffer.getvalue(), password)
    locked_xlsx = protect.protect("xlsx", xlsx_buffer.getvalue(), password)
    if b"/Encrypt" not in locked_pdf or not locked_xlsx.startswith(bytes.fromhex("d0cf11e0a1b11ae1")):
        raise AssertionError("the protected files are not encrypted")
    return f"encrypted PDF ({len(locked_pdf)} bytes) and workbook ({len(locked_xlsx)} bytes)"


CHECKS: dict[str, Callable[[], str]] = {
    "modules": _modules,
    "charts": _charts,
    "holidays": _holidays,
    "resources": _resources,
    "pdf": _pdf,
    "xlsx": _xlsx,
    "protect": _protect,
}


def _main_window(app: Any) -> Any:
    from PySide6.QtWidgets import QMainWindow

    windows = [w for w in app.topLevelWidgets() if isinstance(w, QMainWindow) and w.isVisible()]
    return windows[0] if windows else None


def run_checks(app: Any) -> dict[str, Any]:
    report: dict[str, Any] = {"frozen": bool(getattr(sys, "frozen", False)), "checks": {}}
    window = _main_window(app)
    modal = app.activeModalWidget()
    report["window"] = window.windowTitle() if window is not None else None
    report["modal"] = modal.windowTitle() if modal is not None else None
    failed = window is None or modal is not None
    shot = os.environ.get("PLACEMENT_DESK_SMOKE_SHOT")
    if shot and window is not None:
        report["screenshot"] = shot if window.grab().save(shot) else None
    for name, check in CHECKS.items():
        try:
            report["checks"][name] = {"ok": True, "detail": check()}
        except Exception as exc:
            failed = True
            report["checks"][name] = {"ok": False, "detail": f"{type(exc).__name__}: {exc}"}
    report["ok"] = not failed
    return report


def arm() -> None:
    """Create the application now; check and quit shortly after its event loop has started."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv)

    def check_and_quit() -> None:
        try:
            report = run_checks(app)
        except Exception:
            report = {"ok": False, "error": traceback.format_exc()}
        if sys.stdout is not None:
            print("smoke: " + json.dumps(report), flush=True)
        app.exit(0 if report["ok"] else EXIT_FAILED)

    # The outer timer fires once app.exec() runs; the inner one lets the window settle and paint.
    QTimer.singleShot(0, lambda: QTimer.singleShot(SETTLE_MS, check_and_quit))


if __name__ == "__main__":  # pragma: no cover - imported by entry.py only
    raise SystemExit("import this module from packaging/entry.py")
