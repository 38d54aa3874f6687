"""Revisionslog (administrators only): who did what and when, filtered; and the chain check."""

from __future__ import annotations

import json
from datetime import datetime, time, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from placement_desk.services import audit
from placement_desk.services.audit import Entry
from placement_desk.ui.kit.forms import DateField
from placement_desk.ui.kit.refresh import ChangeFollower
from placement_desk.ui.kit.table_model import Column, RowTableModel, row_table
from placement_desk.ui.shell.context import UiContext

LIMIT = 2000


def action_label(action: str) -> str:
    labels = {
        audit.VIEW: QCoreApplication.translate("AuditPage", "Viewed"),
        audit.SEARCH: QCoreApplication.translate("AuditPage", "Searched"),
        audit.CREATE: QCoreApplication.translate("AuditPage", "Created"),
        audit.CHANGE: QCoreApplication.translate("AuditPage", "Changed"),
        audit.DELETE: QCoreApplication.translate("AuditPage", "Deleted"),
        audit.EXPORT: QCoreApplication.translate("AuditPage", "Exported"),
        audit.ISSUE: QCoreApplication.translate("AuditPage", "Issued"),
        audit.IMPORT: QCoreApplication.translate("AuditPage", "Imported"),
        audit.ERASE: QCoreApplication.translate("AuditPage", "Erased (GDPR)"),
        audit.LOGIN: QCoreApplication.translate("AuditPage", "Signed in"),
        audit.FAILED_LOGIN: QCoreApplication.translate("AuditPage", "Failed sign-in"),
        audit.LOGOUT: QCoreApplication.translate("AuditPage", "Signed out"),
        audit.USERS: QCoreApplication.translate("AuditPage", "User administration"),
        audit.RESTORE: QCoreApplication.translate("AuditPage", "Backup restored"),
        audit.LIST: QCoreApplication.translate("AuditPage", "Listed"),
        audit.BACKUP: QCoreApplication.translate("AuditPage", "Backup made"),
    }
    return labels.get(action, action)


def fmt_moment(moment: datetime) -> str:
    """dd-mm-yyyy HH:MM:SS in local time."""
    return moment.astimezone().strftime("%d-%m-%Y %H:%M:%S")


def compact(details: dict[str, Any] | None, width: int = 160) -> str:
    """The details on one line: ``key: value`` pairs, nested values as compact JSON."""
    if not details:  # none given, or blanked by an erasure
        return ""
    parts = []
    for key, value in details.items():
        text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, separators=(",", ":"),
                                                               default=str)
        parts.append(f"{key}: {text}")
    line = "; ".join(parts)
    return line if len(line) <= width else line[: width - 1] + "…"


class AuditPage(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model: RowTableModel[Entry] = RowTableModel(
            [
                Column(self.tr("Time"), lambda e: fmt_moment(e.at), lambda e: e.id),
                Column(self.tr("User"), lambda e: e.username),
                Column(self.tr("Action"), lambda e: action_label(e.action)),
                Column(self.tr("Citizen id"), lambda e: "" if e.citizen_id is None else str(e.citizen_id),
                       lambda e: e.citizen_id or 0, True),
                Column(self.tr("Details"), lambda e: compact(e.details)),
            ],
            self,
        )
        self.action = QComboBox(self)
        self.action.addItem(self.tr("All actions"), None)
        for action in audit.ACTIONS:
            self.action.addItem(action_label(action), action)
        self.action.currentIndexChanged.connect(lambda _i: self.refresh())
        self.user = QLineEdit(self)
        self.user.setPlaceholderText(self.tr("User name"))
        self.user.setClearButtonEnabled(True)
        self.user.setMaximumWidth(160)
        self.user.editingFinished.connect(self.refresh)
        self.text = QLineEdit(self)
        self.text.setPlaceholderText(self.tr("Text in the details…"))
        self.text.setClearButtonEnabled(True)
        self.text.editingFinished.connect(self.refresh)
        self.since = DateField(parent=self)
        self.since.editingFinished.connect(self.refresh)
        self.until = DateField(parent=self)
        self.until.editingFinished.connect(self.refresh)
        self.chain_button = QPushButton(self.tr("Check the chain"), self)
        self.chain_button.clicked.connect(self.check_chain)
        self.table = row_table(self, self.model, single=False)
        self.action.setAccessibleName(self.tr("Action"))
        self.user.setAccessibleName(self.tr("User name"))
        self.text.setAccessibleName(self.tr("Text in the details"))
        self.since.setAccessibleName(self.tr("From"))
        self.until.setAccessibleName(self.tr("To"))
        self.table.setAccessibleName(self.tr("Audit log"))
        self.table.setWordWrap(False)
        self.count = QLabel(self)
        self.count.setStyleSheet("color: #555;")  # grey, yet 4.5:1 or more
        top = QHBoxLayout()
        top.addWidget(self.action)
        top.addWidget(self.user)
        top.addWidget(self.text, 1)
        top.addWidget(QLabel(self.tr("From"), self))
        top.addWidget(self.since)
        top.addWidget(QLabel(self.tr("To"), self))
        top.addWidget(self.until)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.chain_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addLayout(bottom)
        # every write adds an entry: read again (when shown) after any
        self.follower = ChangeFollower(self, ctx, lambda changes: bool(changes), lambda _changes: self.refresh())
        self.refresh()

    def _bounds(self) -> tuple[datetime | None, datetime | None]:
        """The date fields as local midnights (``until`` includes its whole day)."""
        start, end = self.since.date_value(), self.until.date_value()
        since = None if start is None else datetime.combine(start, time()).astimezone()
        until = None if end is None else datetime.combine(end + timedelta(days=1), time()).astimezone()
        return since, until

    def refresh(self) -> None:
        self.follower.forget()
        since, until = self._bounds()
        rows: list[Entry] = []

        def load() -> None:
            rows.extend(audit.entries(
                self.ctx.db,
                action=self.action.currentData(),
                username=self.user.text().strip() or None,
                text=self.text.text().strip() or None,
                since=since,
                until=until,
                limit=LIMIT,
            ))

        self.ctx.guarded(load)
        self.model.set_rows(rows)
        if len(rows) >= LIMIT:
            self.count.setText(self.tr("The newest %1 entries are shown; narrow the filters to see older ones.")
                               .replace("%1", str(LIMIT)))
        else:
            self.count.setText(self.tr("%1 entries").replace("%1", str(len(rows))))

    def chain_text(self, check: audit.ChainCheck) -> str:
        if check.ok:
            return self.tr("The audit log is intact: all %1 entries fit the chain.").replace("%1", str(check.checked))
        problems = {
            "moved": self.tr("an entry before it was removed or inserted"),
            "details": self.tr("its details were changed"),
            "changed": self.tr("it was changed"),
            "seal": self.tr("it was changed and its seal does not fit"),
            "gap": self.tr("entries before it were removed"),
        }
        if check.broken_at is not None:
            return self.tr("The audit log has been tampered with: entry %1 does not fit the chain (%2).").replace(
                "%1", str(check.broken_at)).replace("%2", problems.get(check.code, check.problem))
        args = list(check.args) + ["", "", ""]
        where = self.tr("the key file") if args[0] == "the key file" else self.tr("the backup %1").replace("%1", args[0])
        heads = {
            "reanchored": self.tr("The audit log has been tampered with: its oldest entries were removed and the log "
                                  "re-anchored (%1 records entries removed up to %2, the log up to %3)."),
            "truncated": self.tr("The audit log has been tampered with: entries at its end were removed (%1 records "
                                 "entry %2, the log ends at %3)."),
            "rewritten": self.tr("The audit log has been tampered with: it was rewritten (entry %2 differs from what "
                                 "%1 records)."),
        }
        text = heads.get(check.code)
        if text is None:
            return self.tr("The audit log has been tampered with (%1).").replace("%1", check.problem)
        return text.replace("%1", where).replace("%2", args[1]).replace("%3", args[2])

    def check_chain(self) -> None:
        check = audit.verify_chain(self.ctx.db)
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("Check the chain"))
        box.setIcon(QMessageBox.Icon.Information if check.ok else QMessageBox.Icon.Critical)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(self.chain_text(check))
        box.exec()
