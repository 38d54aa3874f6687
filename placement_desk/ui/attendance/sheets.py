"""The workplace mentor's attendance sheet from the Fremmøde page: make the month's .xlsx, read a filled
one back (every row checked, all or nothing, conflicts decided by the user), undoable."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QMessageBox, QPushButton, QWidget

from placement_desk.db.private import write_private
from placement_desk.domain.errors import NotFoundError, ValidationError
from placement_desk.services.attendance_sheet import (
    SheetResult,
    make_attendance_sheet,
    read_sheet_file,
    review_attendance_sheet,
)
from placement_desk.ui.commands.attendance import ReadSheet
from placement_desk.ui.kit.messages import danish_error, sheet_error
from placement_desk.ui.shell.context import UiContext

KEEP, OVERWRITE = "keep", "overwrite"


def _sheet_error(exc: ValidationError | NotFoundError) -> str:
    """The error in the UI's language; where it names a row ("række 12"), with the row."""
    if isinstance(exc, NotFoundError):
        return danish_error(exc)
    return sheet_error(exc)


class SheetButtons(QWidget):
    """Two buttons: make the month's sheet for the chosen company, read a filled-in sheet back."""

    def __init__(
        self, ctx: UiContext, company: Callable[[], str | None], day: Callable[[], date], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx, self.company, self.day = ctx, company, day
        self.choose_conflicts: Callable[[int], str | None] = self._ask_conflicts
        make = QPushButton(self.tr("Attendance sheet for the month…"), self)
        make.clicked.connect(lambda: self.make_sheet())
        read = QPushButton(self.tr("Read a filled-in sheet…"), self)
        read.clicked.connect(lambda: self.read_sheet())
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(make)
        row.addWidget(read)
        row.addStretch(1)

    def make_sheet(self, path: str | None = None) -> Path | None:
        ref = self.company()
        if ref is None:
            return None
        month = self.day().strftime("%Y-%m")
        try:
            sheet = make_attendance_sheet(self.ctx.db, ref, month)
        except ValidationError as exc:
            QMessageBox.warning(self, self.tr("Attendance sheet"), danish_error(exc))
            return None
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save attendance sheet"), sheet.filename, self.tr("Excel (*.xlsx)")
            )
        if not path:
            return None
        target = Path(path)
        try:
            write_private(target, sheet.content)
        except OSError as exc:  # a full disk, a folder not writable: nothing is left behind
            QMessageBox.warning(self, self.tr("Attendance sheet"), self.tr("File: could not save %1 (%2).")
                                .replace("%1", str(target)).replace("%2", exc.strerror or str(exc)))  # fmt: skip
            return None
        return target

    def read_sheet(self, path: str | None = None) -> SheetResult | None:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Read attendance sheet"), "", self.tr("Excel (*.xlsx)"))
        if not path:
            return None
        title = self.tr("Read attendance sheet")
        try:
            content = read_sheet_file(Path(path))
            review = review_attendance_sheet(self.ctx.db, content)
        except (ValidationError, NotFoundError) as exc:
            QMessageBox.warning(self, title, self.tr("Nothing was saved.") + "\n\n" + _sheet_error(exc))
            return None
        overwrite = False
        if review.conflicts:
            choice = self.choose_conflicts(len(review.conflicts))
            if choice is None:
                return None
            overwrite = choice == OVERWRITE
        command = ReadSheet(self.ctx, title, content, overwrite)
        try:
            self.ctx.push(command)
        except (ValidationError, NotFoundError) as exc:
            QMessageBox.warning(self, title, self.tr("Nothing was saved.") + "\n\n" + _sheet_error(exc))
            return None
        result = command.result
        assert result is not None
        QMessageBox.information(self, title, self.summary(result))
        return result

    def summary(self, result: SheetResult) -> str:
        """What reading the sheet did, in the UI's language (``describe()`` is the command line's Danish)."""
        text = (
            self.tr("%1 new days saved, %2 overwritten, %3 unchanged, %4 conflicts not overwritten")
            .replace("%1", str(len(result.written)))
            .replace("%2", str(len(result.overwritten)))
            .replace("%3", str(result.review.unchanged))
            .replace("%4", str(len(result.kept)))
        )
        if result.review.rounded:
            text += self.tr("; the hours in %1 rows were rounded to the whole minute").replace(
                "%1", str(result.review.rounded)
            )
        return text

    def _ask_conflicts(self, count: int) -> str | None:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Days already registered"))
        box.setText(self.tr("%1 days on the sheet are already registered differently.").replace("%1", str(count)))
        overwrite = box.addButton(self.tr("Use the sheet's values"), QMessageBox.ButtonRole.AcceptRole)
        keep = box.addButton(self.tr("Keep what is registered"), QMessageBox.ButtonRole.RejectRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        clicked = box.clickedButton()
        return OVERWRITE if clicked is overwrite else KEEP if clicked is keep else None
