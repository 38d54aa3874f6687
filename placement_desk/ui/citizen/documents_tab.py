"""Dokumentation: export the work-capacity dossier or the absence overview (PDF, Excel, JSON), issue a
version to a recipient, and re-open exactly what was sent."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from placement_desk.db.private import write_private
from placement_desk.domain.dossier import default_period
from placement_desk.domain.errors import AccessDenied, ValidationError
from placement_desk.services import description, documents, templates
from placement_desk.services.common import today
from placement_desk.services.documents import Document, IssuedInfo
from placement_desk.ui.citizen.base import CitizenTab
from placement_desk.ui.citizen.description_tab import missing_text
from placement_desk.ui.kit.fit import scroll_page
from placement_desk.ui.kit.formatting import fmt_date
from placement_desk.ui.kit.forms import DateField, Form, text_or_none
from placement_desk.ui.kit.table_model import ROW_ROLE, Column, RowTableModel
from placement_desk.ui.shell.context import UiContext
from placement_desk.ui.shell.work import Worker, run_with_progress


def save_files(document: Document, folder: Path) -> list[Path]:
    """Write every file of a document into a folder, each whole or not at all."""
    written = []
    for f in document.files.values():
        target = folder / f.filename
        write_private(target, f.content)
        written.append(target)
    return written


class DocumentsTab(CitizenTab):
    key = "documents"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.worker: Worker | None = None
        self.last_saved: list[Path] = []
        export_box = self._export_box(ctx)
        issued_box = self._issued_box()
        layout = QHBoxLayout()
        layout.addWidget(export_box, 3)
        layout.addWidget(issued_box, 2)
        buttons = QHBoxLayout()  # the actions under the scrolling form, always in view
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.issue_button)
        buttons.addStretch(1)
        buttons.addWidget(self.reopen_button)
        scroll_page(self, layout, buttons)

    def _export_box(self, ctx: UiContext) -> QGroupBox:
        """The export form: document, period, formats, template, texts, recipient, password."""
        self.form = Form(self)
        self.kind = self.form.add("kind", self.tr("Document"), QComboBox(self))
        self.kind.addItem(self.tr("Work-capacity dossier"), documents.DOSSIER)
        self.kind.addItem(self.tr("Absence overview"), documents.ABSENCE)
        self.period_from = self.form.add("--from", self.tr("From"), DateField(None, self))
        self.period_to = self.form.add("--to", self.tr("To"), DateField(None, self))
        formats = QWidget(self)
        row = QHBoxLayout(formats)
        row.setContentsMargins(0, 0, 0, 0)
        self.formats: dict[str, QCheckBox] = {}
        for fmt, caption in (("pdf", "PDF"), ("xlsx", "Excel"), ("json", "JSON")):
            box = QCheckBox(caption, formats)
            box.setChecked(fmt != "json")
            self.formats[fmt] = box
            row.addWidget(box)
        row.addStretch(1)
        self.form.add("formats", self.tr("Formats"), formats)
        self.template = self.form.add("--template", self.tr("Template"), QComboBox(self))
        for t in templates.catalogue().ordered():  # the headings of the description (Beskrivelse tab)
            self.template.addItem(t.title, t.key)
        self.assessment = self.form.add("assessment", self.tr("The consultant's assessment"), QPlainTextEdit(self))
        self.assessment.setFixedHeight(90)
        self.recommendation = self.form.add("recommendation", self.tr("Recommendation"), QPlainTextEdit(self))
        self.recommendation.setFixedHeight(60)
        self.consultant = self.form.add("consultant", self.tr("Consultant"), QLineEdit(ctx.actor or "", self))
        self.recipient = self.form.add("recipient", self.tr("Recipient (when issuing)"), QLineEdit(self))
        self.recipient.setPlaceholderText(self.tr("e.g. Københavns Kommune, team for fleksjob og førtidspension"))
        self.reason = self.form.add("--allow-incomplete", self.tr("Reason to issue it incomplete"), QLineEdit(self))
        self.reason.setPlaceholderText(self.tr("only if something is missing and it must go now anyway"))
        self.password = self.form.add("password", self.tr("Password (optional)"), QLineEdit(self))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("at least 8 characters; protects PDF and Excel"))
        self.save_button = QPushButton(self.tr("Save files…"), self)
        self.save_button.clicked.connect(lambda: self.export(issue=False))
        self.issue_button = QPushButton(self.tr("Issue and save…"), self)
        self.issue_button.clicked.connect(lambda: self.export(issue=True))
        export_box = QGroupBox(self.tr("Export"), self)
        export_layout = QVBoxLayout(export_box)
        export_layout.addWidget(self.form)
        export_layout.addStretch(1)
        return export_box

    def _issued_box(self) -> QGroupBox:
        """The issued versions, each saved again exactly as it was sent."""
        self.issued: RowTableModel[IssuedInfo] = RowTableModel(
            [
                Column(self.tr("Issued"), lambda r: fmt_date(r.issued_at.date()), lambda r: r.issued_at.isoformat()),
                Column(self.tr("Document"), lambda r: self.kind.itemText(self.kind.findData(r.kind))),
                Column(self.tr("Period"), lambda r: f"{fmt_date(r.period_from)} – {fmt_date(r.period_to)}"),
                Column(self.tr("Recipient"), lambda r: r.recipient or ""),
                Column(self.tr("By"), lambda r: r.issued_by or ""),
                Column(
                    self.tr("Files"),
                    lambda r: ", ".join(f.format.upper() + (" 🔒" if f.protected else "") for f in r.files),
                ),
            ],
            self,
        )
        self.issued_view = QTableView(self)
        self.issued_view.setAccessibleName(self.tr("Issued documents"))
        self.issued_view.setModel(self.issued)
        self.issued_view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.issued_view.verticalHeader().hide()
        self.issued_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.issued_view.horizontalHeader().setStretchLastSection(True)
        self.issued_view.activated.connect(lambda _i: self.save_issued_copy())
        self.reopen_button = QPushButton(self.tr("Save an exact copy…"), self)
        self.reopen_button.clicked.connect(lambda: self.save_issued_copy())
        issued_box = QGroupBox(self.tr("Issued versions (exactly what was sent)"), self)
        issued_layout = QVBoxLayout(issued_box)
        issued_layout.addWidget(self.issued_view)
        return issued_box

    def citizen_switched(self) -> None:
        """A new citizen: their own period, and none of the previous citizen's texts or recipient."""
        super().citizen_switched()
        for field in (self.period_from, self.period_to, self.recipient, self.password, self.reason):
            field.clear()
        self.assessment.clear()
        self.recommendation.clear()
        self.last_saved = []

    def refresh(self) -> None:
        assert self.detail is not None
        period = default_period(self.detail.citizen, today())
        if period is not None and not self.period_from.text():
            self.period_from.set_date(period[0])
            self.period_to.set_date(min(period[1], today()))
        self.issued.set_rows(documents.issued_documents(self.ctx.db, self.ref))

    def request(self) -> dict[str, Any]:
        def day(field: DateField, name: str) -> Any:
            value = field.value()
            if value is not None and field.date_value() is None:
                raise ValidationError(name, code="not_a_date")
            return field.date_value()

        formats = [f for f, box in self.formats.items() if box.isChecked()]
        if not formats:
            raise ValidationError("formats", code="choose_format")
        return {
            "kind": self.kind.currentData(),
            "formats": formats,
            "period_from": day(self.period_from, "--from"),
            "period_to": day(self.period_to, "--to"),
            "assessment": self.assessment.toPlainText().strip() or None,
            "recommendation": self.recommendation.toPlainText().strip() or None,
            "consultant": text_or_none(self.consultant),
            "password": self.password.text() or None,
            "template": self.template.currentData() if self.kind.currentData() == documents.DOSSIER else None,
        }

    def incomplete(self, request: dict[str, Any]) -> bool:
        """Before issuing a dossier: what it lacks, shown by the reason field unless a reason is given."""
        if request["kind"] != documents.DOSSIER:
            return False
        check = description.check_dossier(
            self.ctx.db, self.ref, template=request["template"], period_from=request["period_from"],
            period_to=request["period_to"], assessment=request["assessment"],
        )  # fmt: skip
        if not check.missing or text_or_none(self.reason):
            return False
        listed = "; ".join(missing_text(m) for m in check.missing)
        self.form.show_error(ValidationError("--allow-incomplete", code="dossier_incomplete", missing=listed))
        return True

    def _checked_request(self, issue: bool) -> dict[str, Any] | None:
        """The form as a request, or None with the problem shown by its field (issuing needs a recipient
        and, for an incomplete dossier, the reason)."""
        try:
            request = self.request()
            if issue and not text_or_none(self.recipient):
                raise ValidationError("recipient", code="required")
            if issue and self.incomplete(request):
                return None
            if issue and request["kind"] == documents.DOSSIER:
                request["allow_incomplete"] = text_or_none(self.reason)
        except (ValidationError, AccessDenied) as exc:
            self.form.show_error(exc)
            return None
        self.form.clear_errors()
        return request

    def export(self, issue: bool, folder: str | None = None) -> Worker | None:
        """Render (or issue) in the background, then write the files into a chosen folder."""
        request = self._checked_request(issue)
        if request is None:
            return None
        if folder is None:
            folder = QFileDialog.getExistingDirectory(self, self.tr("Save in folder"))
        if not folder:
            return None
        db, ref, actor, recipient = self.ctx.db, self.ref, self.ctx.actor, text_or_none(self.recipient)
        assert self.detail is not None
        who = self.detail.citizen.name
        kind = self.kind.currentText()

        def job(progress: Callable[[int, int], None]) -> tuple[str, list[Path]]:
            progress(0, 2)
            if issue:
                document = documents.issue_document(db, ref, recipient=recipient or "", actor=actor, **request)
            else:
                document = documents.render_document(db, ref, recipient=recipient, **request)
            progress(1, 2)
            period = f"{fmt_date(document.data.period_from)} – {fmt_date(document.data.period_to)}"
            return period, save_files(document, Path(folder))

        def done(result: tuple[str, list[Path]]) -> None:
            period, paths = result
            self.last_saved = paths
            if issue:
                self.ctx.changed.emit(ref)
            text = (
                self.tr("%1 for %2, period %3, saved:")
                .replace("%1", kind)
                .replace("%2", who)
                .replace("%3", period)
            )
            QMessageBox.information(self, self.tr("Saved"), text + "\n" + "\n".join(str(p) for p in paths))

        self.worker = run_with_progress(self, self.tr("Producing the document"), job, done)
        return self.worker

    def save_issued_copy(self, folder: str | None = None) -> list[Path]:
        """Write the exact bytes of the selected issued version (every format) into a folder."""
        index = self.issued_view.currentIndex()
        info: IssuedInfo | None = self.issued.data(index, ROW_ROLE) if index.isValid() else None
        if info is None:
            return []
        chosen_here = folder is None
        if folder is None:
            folder = QFileDialog.getExistingDirectory(self, self.tr("Save an exact copy in"))
        if not folder:
            return []
        paths = []
        for f in info.files:
            exact = documents.issued_file(self.ctx.db, info.id, f.format)
            target = Path(folder) / exact.filename
            write_private(target, exact.content)
            paths.append(target)
        if paths and chosen_here:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(paths[0])))
        return paths
