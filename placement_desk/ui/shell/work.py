"""Long work off the UI thread (import, export, demo data) with progress and cancel; settings."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QSettings, QThread, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QWidget,
)

from placement_desk.domain.errors import CodedError, ValidationError
from placement_desk.domain.roles import Permission
from placement_desk.ui.kit.messages import LANGUAGES, danish_error, refused
from placement_desk.ui.shell.context import ALL, UiContext

if TYPE_CHECKING:
    from placement_desk.services.casefile_io import ImportResult


def summary(result: Any) -> str:
    """What a long job did, in the UI's language (an import's counts, or the job's own text)."""
    from placement_desk.services.casefile_io import ImportResult

    if isinstance(result, ImportResult):
        return import_summary(result)
    return str(result.describe()) if hasattr(result, "describe") else str(result)


def import_summary(result: ImportResult) -> str:
    """An import's counts by kind ("13 virksomheder oprettet, …") in the UI's language."""
    one = {
        ("companies", True): QCoreApplication.translate("ImportSummary", "1 company created"),
        ("companies", False): QCoreApplication.translate("ImportSummary", "1 company updated"),
        ("placements", True): QCoreApplication.translate("ImportSummary", "1 placement created"),
        ("placements", False): QCoreApplication.translate("ImportSummary", "1 placement updated"),
        ("citizens", True): QCoreApplication.translate("ImportSummary", "1 citizen created"),
        ("citizens", False): QCoreApplication.translate("ImportSummary", "1 citizen updated"),
    }
    many = {
        ("companies", True): QCoreApplication.translate("ImportSummary", "%1 companies created"),
        ("companies", False): QCoreApplication.translate("ImportSummary", "%1 companies updated"),
        ("placements", True): QCoreApplication.translate("ImportSummary", "%1 placements created"),
        ("placements", False): QCoreApplication.translate("ImportSummary", "%1 placements updated"),
        ("citizens", True): QCoreApplication.translate("ImportSummary", "%1 citizens created"),
        ("citizens", False): QCoreApplication.translate("ImportSummary", "%1 citizens updated"),
    }
    parts: list[str] = []
    for created, counts in ((True, result.created), (False, result.updated)):
        for kind, refs in counts.items():
            n = len(refs)
            text = (one if n == 1 else many).get((kind, created))
            parts.append(text.replace("%1", str(n)) if text else f"{n} {kind}")
    if not parts:
        parts.append(QCoreApplication.translate("ImportSummary", "nothing changed"))
    if result.rounded == 1:
        parts.append(QCoreApplication.translate("ImportSummary", "1 hours value rounded to the whole minute"))
    elif result.rounded:
        parts.append(
            QCoreApplication.translate("ImportSummary", "%1 hours values rounded to the whole minute").replace(
                "%1", str(result.rounded)
            )
        )
    return ", ".join(parts)


PROGRESS_STEPS = 10_000  # a larger total (an import counts the file's bytes) is shown in this many steps


class Cancelled(Exception):
    pass


class Worker(QThread):
    """Runs ``job(progress)`` in a thread; ``progress(done, total)`` raises Cancelled once asked to stop."""

    progressed = Signal(int, int)
    finished_ok = Signal(object)
    failed = Signal(object)

    def __init__(self, job: Callable[[Callable[[int, int], None]], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._job = job
        self._cancel = False

    def cancel(self) -> None:
        self._cancel = True

    def _progress(self, done: int, total: int) -> None:
        if self._cancel:
            raise Cancelled
        if total > PROGRESS_STEPS:  # a file's bytes: Qt's progress counts in 32-bit ints
            done, total = done * PROGRESS_STEPS // total, PROGRESS_STEPS
        self.progressed.emit(done, total)

    def run(self) -> None:
        try:
            result = self._job(self._progress)
        except Exception as exc:
            self.failed.emit(exc)
        else:
            self.finished_ok.emit(result)


def run_with_progress(
    parent: QWidget, title: str, job: Callable[[Callable[[int, int], None]], Any], done: Callable[[Any], None]
) -> Worker:
    """Show a progress dialog with Cancel while ``job`` runs in a thread; the window stays responsive."""
    dialog = QProgressDialog(title, QCoreApplication.translate("WorkMenu", "Cancel"), 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setMinimumDuration(0)
    worker = Worker(job, parent)

    def progressed(done: int, total: int) -> None:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(done)

    worker.progressed.connect(progressed)
    dialog.canceled.connect(worker.cancel)

    def finish_ok(result: Any) -> None:
        dialog.reset()
        done(result)

    def finish_failed(exc: Exception) -> None:
        dialog.reset()
        if isinstance(exc, Cancelled):
            QMessageBox.information(
                parent, title, QCoreApplication.translate("WorkMenu", "Cancelled. Nothing was changed.")
            )
        elif isinstance(exc, ValidationError | CodedError | OSError | ValueError):  # a backup's problem is coded
            QMessageBox.warning(
                parent,
                title,
                QCoreApplication.translate("WorkMenu", "Nothing was changed.") + "\n\n" + danish_error(exc),
            )
        else:
            raise exc

    worker.finished_ok.connect(finish_ok)
    worker.failed.connect(finish_failed)
    worker.finished.connect(worker.deleteLater)
    worker.start()
    return worker


class SettingsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.language = QComboBox(self)
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(str(QSettings().value("ui/language", "da")))))
        form = QFormLayout(self)
        form.addRow(self.tr("Language (after restart)"), self.language)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:
        QSettings().setValue("ui/language", self.language.currentData())
        super().accept()


class WorkMenu(QObject):
    """The File menu's long-running commands."""

    def __init__(self, ctx: UiContext, window: QWidget) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        self.worker: Worker | None = None

    def add_actions(self, menu: QMenu) -> None:
        """The commands the signed-in role may use (a workplace mentor: only Settings)."""
        can = self.ctx.can
        if can(Permission.IMPORT):
            menu.addAction(self.tr("&Import case file…"), "Ctrl+I", self.import_file)
        if can(Permission.EXPORT):
            menu.addAction(self.tr("&Export case file…"), "Ctrl+E", self.export_file)
        if can(Permission.IMPORT):
            menu.addAction(self.tr("Load &demo data"), self.load_demo)
        if can(Permission.ADMIN):
            menu.addSeparator()
            menu.addAction(self.tr("&Back up now"), self.back_up)
            menu.addAction(self.tr("&Restore a backup…"), self.restore)
        menu.addSeparator()
        menu.addAction(self.tr("&Settings…"), self.settings)

    def refused(self, permission: Permission) -> bool:
        """True (and the refusal said in Danish) when the role may not do this: before any file is chosen."""
        if self.ctx.can(permission):
            return False
        QMessageBox.warning(self.window, self.tr("Not allowed"), refused())
        return True

    def _done(self, title: str) -> Callable[[Any], None]:
        def show(result: Any) -> None:
            self.ctx.changed.emit(ALL)
            text = summary(result)
            QMessageBox.information(self.window, title, text)

        return show

    def import_file(self, path: str | None = None) -> Worker | None:
        if self.refused(Permission.IMPORT):
            return None
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self.window, self.tr("Import case file"), "", self.tr("Case files (*.json)")
            )
        if not path:
            return None
        db, actor, title = self.ctx.db, self.ctx.actor, self.tr("Import case file")

        def job(progress: Callable[[int, int], None]) -> Any:
            from placement_desk.services.casefile_io import import_case_file, open_case_file

            return import_case_file(db, open_case_file(path), actor, progress)  # read citizen by citizen

        self.worker = run_with_progress(self.window, title, job, self._done(title))
        return self.worker

    def export_file(self, path: str | None = None) -> Worker | None:
        if self.refused(Permission.EXPORT):
            return None
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self.window, self.tr("Export case file"), "case-file.json", self.tr("Case files (*.json)")
            )
        if not path:
            return None
        db, title = self.ctx.db, self.tr("Export case file")

        def job(progress: Callable[[int, int], None]) -> str:
            from placement_desk.services.casefile_io import write_case_file

            progress(0, 1)
            write_case_file(db, Path(path))  # citizen by citizen: the archive is never held whole
            progress(1, 1)
            return self.tr("Saved to %1").replace("%1", path)

        self.worker = run_with_progress(self.window, title, job, self._done(title))
        return self.worker

    def load_demo(self) -> Worker | None:
        from placement_desk.services.demo import load_demo  # the demo cases load only when asked for

        if self.refused(Permission.IMPORT):
            return None

        db, title = self.ctx.db, self.tr("Load demo data")
        self.worker = run_with_progress(
            self.window, title, lambda progress: load_demo(db, progress=progress), self._done(title)
        )
        return self.worker

    def back_up(self) -> Worker | None:
        """A verified backup now, to the backups folder next to the database (in the background)."""
        from placement_desk.services import backup

        if self.refused(Permission.ADMIN):
            return None

        db, title = self.ctx.db, self.tr("Back up")

        def job(progress: Callable[[int, int], None]) -> str:
            progress(0, 1)
            info = backup.make_backup(db)
            return self.tr("Backup saved and verified:\n%1").replace("%1", str(info.path))

        self.worker = run_with_progress(self.window, title, job, self._done(title))
        return self.worker

    def restore(self, path: str | None = None) -> bool:
        """Replace the database with a verified backup (the current one is kept as a safety copy)."""
        from placement_desk.services import backup

        title = self.tr("Restore a backup")
        if self.refused(Permission.ADMIN):
            return False
        if path is None:
            folder = str(backup.default_folder(self.ctx.db))
            path, _ = QFileDialog.getOpenFileName(self.window, title, folder, self.tr("Backups (*.db)"))
        if not path:
            return False
        answer = QMessageBox.question(
            self.window,
            title,
            self.tr(
                "Replace the database with this backup? Everything saved after it was made is replaced; "
                "the current database is kept as a safety copy next to it."
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            result = backup.restore_backup(self.ctx.db, Path(path))
        except (backup.BackupError, ValidationError, OSError) as exc:
            QMessageBox.warning(self.window, title, self.tr("Nothing was changed.") + "\n\n" + danish_error(exc))
            return False
        self.ctx.undo_stack.clear()  # earlier edits no longer apply to the restored data
        self.ctx.changed.emit(ALL)
        QMessageBox.information(
            self.window,
            title,
            self.tr("Restored. The database as it was is kept in %1").replace("%1", str(result.safety_copy)),
        )
        return True

    def settings(self) -> None:
        SettingsDialog(self.window).exec()
