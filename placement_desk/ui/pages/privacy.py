"""Databeskyttelse: the administrator's page for the data subject's rights.

The retention list (citizens whose path closed more than N years ago, oldest first), and for any
citizen ref: export everything about the citizen (one ZIP) or erase the citizen permanently (a
confirmation dialog that asks for the ref once more and a reason).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from placement_desk.db.private import write_private
from placement_desk.domain.errors import AccessDenied, NotFoundError, ValidationError
from placement_desk.services import privacy
from placement_desk.services.changes import CITIZEN, Changes
from placement_desk.services.privacy import ErasureReport, RetentionRow
from placement_desk.ui.kit.formatting import fmt_date
from placement_desk.ui.kit.forms import ERROR_STYLE, FormDialog
from placement_desk.ui.kit.messages import danish_error
from placement_desk.ui.kit.refresh import ChangeFollower
from placement_desk.ui.kit.table_model import ROW_ROLE, Column, RowTableModel, row_table
from placement_desk.ui.shell.context import ALL, UiContext


class EraseDialog(FormDialog):
    """Erase a citizen: the ref typed once more and a reason (kept in the audit log) before anything goes."""

    def __init__(self, ctx: UiContext, ref: str, name: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.ref = ctx, ref
        self.report: ErasureReport | None = None
        self.setWindowTitle(self.tr("Erase the citizen permanently"))
        who = f"{ref} ({name})" if name else ref
        self.warning = QLabel(
            self.tr("This deletes %1 and everything about them for good: placements, attendance, follow-ups, "
                    "goals and issued documents. The audit log keeps only that a citizen was erased, by whom "
                    "and why. It cannot be undone.").replace("%1", who),
            self,
        )  # fmt: skip
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(ERROR_STYLE)
        self.form.layout_.insertRow(0, self.warning)
        self.confirm = self.form.add("confirm", self.tr("Type the citizen's ref to confirm"), QLineEdit(self))
        self.confirm.setPlaceholderText(ref)
        self.reason = self.form.add("reason", self.tr("Reason (no name or CPR number)"), QLineEdit(self))
        self.reason.setPlaceholderText(self.tr("e.g. the citizen's request, or the retention period has expired"))
        save = self.buttons.button(self.buttons.StandardButton.Save)
        save.setText(self.tr("Erase permanently"))

    def save(self) -> None:
        if self.confirm.text().strip() != self.ref:
            self.form.show_error(ValidationError("confirm", code="ref_mismatch", ref=self.ref))
            return
        try:
            self.report = privacy.erase_citizen(self.ctx.db, self.ref, self.reason.text())
        except (ValidationError, NotFoundError, AccessDenied) as exc:  # a coded error: the UI's language
            self.form.show_error(exc)
            return
        self.accept()


class PrivacyPage(QWidget):
    """Databeskyttelse (administrators): retention list, data-subject export and erasure."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.on: date | None = None  # the date the retention list counts from (None: today)
        title = QLabel(self.tr("Data protection"), self)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)

        self.ref_edit = QLineEdit(self)
        self.ref_edit.setPlaceholderText(self.tr("The citizen's ref, or pick one in the list below"))
        self.ref_edit.setClearButtonEnabled(True)
        self.export_button = QPushButton(self.tr("Export everything about the citizen…"), self)
        self.export_button.clicked.connect(lambda: self.export_subject())
        self.erase_button = QPushButton(self.tr("Erase the citizen permanently…"), self)
        self.erase_button.clicked.connect(lambda: self.erase())
        citizen = QHBoxLayout()
        ref_label = QLabel(self.tr("Citizen ref:"), self)
        ref_label.setBuddy(self.ref_edit)  # its name for a screen reader
        citizen.addWidget(ref_label)
        citizen.addWidget(self.ref_edit, 1)
        citizen.addWidget(self.export_button)
        citizen.addWidget(self.erase_button)

        self.years = QSpinBox(self)
        self.years.setRange(0, 100)
        self.years.setValue(privacy.RETENTION_YEARS)
        self.years.setSuffix(self.tr(" years"))
        self.years.valueChanged.connect(lambda _value: self.refresh())
        self.count = QLabel(self)
        self.model: RowTableModel[RetentionRow] = RowTableModel(
            [
                Column(self.tr("Ref"), lambda r: r.ref),
                Column(self.tr("Name"), lambda r: r.name),
                Column(self.tr("Last activity"), lambda r: fmt_date(r.last_activity),
                       lambda r: r.last_activity.isoformat()),
                Column(self.tr("Archived"), lambda r: self.tr("yes") if r.archived else ""),
            ],
            self,
        )  # fmt: skip
        self.table = row_table(self, self.model)
        self.table.selectionModel().selectionChanged.connect(self._picked)
        retention = QGroupBox(self.tr("Retention: closed paths with no activity for"), self)
        top = QHBoxLayout()
        top.addWidget(self.years)
        top.addStretch(1)
        top.addWidget(self.count)
        box = QVBoxLayout(retention)
        box.addLayout(top)
        box.addWidget(self.table)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(citizen)
        layout.addWidget(retention, 1)
        # read when first shown, and again when shown after a write about a citizen
        self.follower = ChangeFollower(self, ctx, self._wants, lambda _changes: self.refresh(), stale=True)

    # ---- the retention list ------------------------------------------------------------------

    @staticmethod
    def _wants(changes: Changes) -> bool:
        return bool(changes.citizens) or changes.touches(CITIZEN)

    def refresh(self) -> None:
        self.follower.forget()
        try:
            rows = privacy.retention_candidates(self.ctx.db, self.years.value(), self.on)
        except AccessDenied:
            self.model.set_rows([])
            self.count.setText(self.tr("Only an administrator can see this list."))
            return
        self.model.set_rows(rows)
        self.count.setText(self.tr("%1 citizens").replace("%1", str(len(rows))))

    def rows(self) -> list[RetentionRow]:
        return [self.model.index(i, 0).data(ROW_ROLE) for i in range(self.model.rowCount())]

    def _picked(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        row = self.model.data(rows[0], ROW_ROLE) if rows else None
        if isinstance(row, RetentionRow):
            self.ref_edit.setText(row.ref)

    # ---- the citizen's rights ----------------------------------------------------------------------

    def _ref(self, title: str) -> str | None:
        ref = self.ref_edit.text().strip()
        if not ref:
            QMessageBox.warning(self, title, self.tr("Citizen ref: enter the citizen's ref."))
            self.ref_edit.setFocus()
        return ref or None

    def _name_of(self, ref: str) -> str | None:
        return next((r.name for r in self.rows() if r.ref == ref), None)

    def _failed(self, title: str, exc: Exception) -> None:
        if isinstance(exc, NotFoundError):
            text = self.tr("Citizen ref: there is no citizen %1.").replace("%1", exc.key)
        elif isinstance(exc, AccessDenied):
            text = self.tr("Your role does not allow this.")
        else:
            text = danish_error(exc)
        QMessageBox.warning(self, title, text)

    def export_subject(self, path: str | None = None) -> Path | None:
        """Everything about the citizen in the ref field as one ZIP (asks where unless ``path``)."""
        title = self.tr("Export everything about the citizen")
        ref = self._ref(title)
        if ref is None:
            return None
        try:
            content = privacy.subject_export(self.ctx.db, ref)
        except (NotFoundError, AccessDenied, ValidationError) as exc:
            self._failed(title, exc)
            return None
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, title, f"indsigt-{ref}.zip", self.tr("ZIP files (*.zip)"))
        if not path:
            return None
        target = Path(path)
        try:
            write_private(target, content)
        except OSError as exc:
            QMessageBox.warning(self, title, self.tr("File: could not save %1 (%2).")
                                .replace("%1", str(target)).replace("%2", exc.strerror or str(exc)))  # fmt: skip
            return None
        QMessageBox.information(self, title, self.tr("Saved to %1").replace("%1", str(target)))
        return target

    def erase(self) -> ErasureReport | None:
        """Erase the citizen in the ref field after the confirmation dialog; the list refreshes."""
        title = self.tr("Erase the citizen permanently")
        ref = self._ref(title)
        if ref is None:
            return None
        dialog = EraseDialog(self.ctx, ref, self._name_of(ref), self)
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        if not dialog.exec() or dialog.report is None:
            return None
        report = dialog.report
        self.ref_edit.clear()
        self.ctx.undo_stack.clear()  # undo steps may refer to the erased citizen
        self.ctx.changed.emit(ALL)
        self.refresh()
        QMessageBox.information(
            self, title,
            self.tr("Citizen %1 and everything about them was erased (%2 records); %3 audit log entries were "
                    "blanked.").replace("%1", report.ref).replace("%2", str(report.total))
            .replace("%3", str(report.audit_redacted)),
        )  # fmt: skip
        return report
