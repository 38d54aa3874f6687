"""Profil og observationer: the citizen's history (education, jobs, benefits, treatment, earlier efforts,
network, wishes) and the observations, added, changed and removed one at a time.

Opened from the Beskrivelse tab. Each save is one transaction through a service
(:mod:`placement_desk.services.profile_edit`, :mod:`placement_desk.services.observations`) and one undoable
step (Ctrl+Z). Profile dates are a year, a month or a day (``2010``, ``08-2010``, ``15-08-2010``). A role
that may only read (a case worker) sees everything here with the edit buttons off."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from placement_desk.domain.profile import PROFILE_LISTS, ProfileItem, span_end, span_start
from placement_desk.domain.profile_parse import parse_profile_item
from placement_desk.domain.roles import Permission
from placement_desk.domain.vocab import AccommodationSource
from placement_desk.services import observations, profile_edit
from placement_desk.services.changes import Changes
from placement_desk.services.common import today
from placement_desk.services.observations import ObservationRow
from placement_desk.services.profile_edit import ProfileRow, ProfileTexts
from placement_desk.services.views import CitizenDetail
from placement_desk.ui.citizen.observation_dialog import ObservationDialog, by_label, heading_titles
from placement_desk.ui.commands.description import (
    AddProfileItem,
    EditProfileItem,
    RemoveObservation,
    RemoveProfileItem,
    SetProfileTexts,
)
from placement_desk.ui.kit.formatting import fmt_date
from placement_desk.ui.kit.forms import FormDialog, vocab_combo
from placement_desk.ui.kit.messages import refused
from placement_desk.ui.kit.refresh import unplaced
from placement_desk.ui.kit.table_model import ROW_ROLE, Column, RowTableModel
from placement_desk.ui.kit.vocab_labels import label
from placement_desk.ui.shell.context import UiContext


def kind_label(kind: str) -> str:
    return {
        "education": QCoreApplication.translate("ProfileEditor", "Education"),
        "work_history": QCoreApplication.translate("ProfileEditor", "Work history"),
        "benefits": QCoreApplication.translate("ProfileEditor", "Benefit"),
        "treatment": QCoreApplication.translate("ProfileEditor", "Treatment"),
        "earlier_efforts": QCoreApplication.translate("ProfileEditor", "Earlier effort"),
    }.get(kind, kind)


# ---- partial dates: 2010, 08-2010, 15-08-2010 (or ISO) ---------------------------------------------


def parse_partial(text: str) -> str | None:
    """A typed profile date as the partial ISO date the services keep (``08-2010`` -> ``2010-08``); None
    when empty; ValueError when it is no date."""
    text = text.strip()
    if not text:
        return None
    if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", text):
        value = text
    elif m := re.fullmatch(r"(\d{1,2})[-./](\d{4})", text):
        value = f"{m.group(2)}-{int(m.group(1)):02d}"
    elif m := re.fullmatch(r"(\d{1,2})[-./](\d{1,2})[-./](\d{4})", text):
        value = f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"
    else:
        raise ValueError(text)
    span_start(value)  # a day that does not exist (31-02-2010) raises ValueError
    span_end(value)
    return value


def fmt_partial(value: str | None) -> str:
    """A partial ISO date the Danish way: ``2010``, ``08-2010``, ``15-08-2010``."""
    if not value:
        return ""
    return "-".join(reversed(value.split("-")))


def period_text(item: ProfileItem) -> str:
    if not item.start and not item.end:
        return ""
    now = QCoreApplication.translate("Description", "now")
    return f"{fmt_partial(item.start)}–{fmt_partial(item.end) if item.end else now}"


class ProfileItemDialog(FormDialog):
    """One line of the citizen's history: what, from, to, and by kind why it ended (a job), how it went
    (an earlier effort) or who says so (treatment)."""

    EXTRA = {"work_history": "end_reason", "earlier_efforts": "outcome", "treatment": "source"}

    def __init__(
        self, ctx: UiContext, citizen_ref: str, row: ProfileRow | None = None, kind: str | None = None,
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.ctx, self.citizen_ref, self.row = ctx, citizen_ref, row
        self.saved_id: int | None = None
        item = row.value if row is not None else None
        self.setWindowTitle(self.tr("Edit profile item") if row else self.tr("New profile item"))
        self.setMinimumWidth(480)
        self.kind = self.form.add("kind", self.tr("Kind"), vocab_combo([], parent=self))
        for k in PROFILE_LISTS:
            self.kind.addItem(kind_label(k), k)
        self.kind.setCurrentIndex(max(0, self.kind.findData(row.kind if row else kind)))
        self.kind.setEnabled(row is None)  # an item stays in its list; remove it and add it elsewhere
        self.text = self.form.add("text", self.tr("What"), QLineEdit(item.text if item else "", self),
                                  check=self._text_problem)  # fmt: skip
        self.text.setPlaceholderText(self.tr("e.g. Pedelmedhjælper, Bilka Hillerød"))
        self.text.setMinimumWidth(300)
        self.start = self.form.add("from", self.tr("From"), self._date_field(item.start if item else None),
                                   check=lambda: self._date_problem("from"))  # fmt: skip
        self.end = self.form.add("to", self.tr("To"), self._date_field(item.end if item else None),
                                 check=lambda: self._date_problem("to"))  # fmt: skip
        self.end.setPlaceholderText(self.tr("empty = still"))
        self.end_reason = self.form.add("end_reason", self.tr("Why it ended"),
                                        QLineEdit(item.end_reason or "" if item else "", self))  # fmt: skip
        self.outcome = self.form.add("outcome", self.tr("How it went"),
                                     QLineEdit(item.outcome or "" if item else "", self))  # fmt: skip
        self.source = self.form.add(
            "source", self.tr("Source"), vocab_combo([s.value for s in AccommodationSource], optional=True, parent=self)
        )
        self.source.setCurrentIndex(max(0, self.source.findData(item.source if item else None)))
        self.kind.currentIndexChanged.connect(lambda _i: self._show_extra())
        self._show_extra()

    def _date_field(self, value: str | None) -> QLineEdit:
        field = QLineEdit(fmt_partial(value), self)
        field.setPlaceholderText(self.tr("yyyy, mm-yyyy or dd-mm-yyyy"))
        field.setMaximumWidth(160)
        return field

    def _show_extra(self) -> None:
        extra = self.EXTRA.get(self.kind.currentData() or "")
        for key in ("end_reason", "outcome", "source"):
            holder = self.form.fields[key].parentWidget()
            if holder is not None:
                self.form.layout_.setRowVisible(holder, key == extra)
            self.form.fields[key].setEnabled(key == extra)

    # ---- checks (Danish, naming the field) ----------------------------------------------------------

    def _text_problem(self) -> str | None:
        return None if self.text.text().strip() else self.tr("What: write what it was (e.g. the education or job)")

    def _date_problem(self, key: str) -> str | None:
        field, caption = (self.start, self.tr("From")) if key == "from" else (self.end, self.tr("To"))
        try:
            value = parse_partial(field.text())
        except ValueError:
            return self.tr("%1: %2 is not a date; write a year, a month or a day (2010, 08-2010 or 15-08-2010)") \
                .replace("%1", caption).replace("%2", field.text().strip())  # fmt: skip
        if value is None:
            return None
        if span_start(value) > today():
            return self.tr("%1: %2 is after today").replace("%1", caption).replace("%2", fmt_partial(value))
        if key == "to":
            try:
                start = parse_partial(self.start.text())
            except ValueError:
                return None
            if start is not None and span_end(value) < span_start(start):
                return self.tr("To: %1 is before From (%2)").replace("%1", fmt_partial(value)) \
                    .replace("%2", fmt_partial(start))  # fmt: skip
        return None

    # ---- saving -----------------------------------------------------------------------------------

    def fields(self) -> dict[str, Any]:
        def partial(field: QLineEdit) -> str | None:
            try:
                return parse_partial(field.text())
            except ValueError:
                return field.text().strip()

        out: dict[str, Any] = {"text": self.text.text().strip() or None, "from": partial(self.start),
                               "to": partial(self.end)}  # fmt: skip
        extra = self.EXTRA.get(self.kind.currentData() or "")
        if extra == "source":
            out["source"] = self.source.currentData()
        elif extra is not None:
            out[extra] = self.form.fields[extra].text().strip() or None  # type: ignore[attr-defined]
        return {k: v for k, v in out.items() if v is not None}

    def commit(self) -> None:
        kind, row, ref = str(self.kind.currentData()), self.row, self.citizen_ref

        def save() -> None:
            item = parse_profile_item(self.fields(), "")  # read as a case file's item: errors name the field
            if row is None:
                command = AddProfileItem(self.ctx, self.tr("New profile item"), ref, kind, item)
                self.ctx.push(command)
                self.saved_id = command.created
            else:
                self.ctx.push(EditProfileItem(self.ctx, self.tr("Edit profile item"), ref, row, item))
                self.saved_id = row.id

        self.submit(save)


def _table(parent: QWidget, name: str, model: Any) -> QTableView:
    table = QTableView(parent)
    table.setAccessibleName(name)
    table.setModel(model)
    table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.setWordWrap(False)
    table.setMinimumHeight(90)
    return table


class ProfileEditor(QDialog):
    """The citizen's profile and observations, each list with New, Edit and Remove."""

    def __init__(self, ctx: UiContext, detail: CitizenDetail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.citizen_ref = ctx, detail.citizen.ref
        self.detail = detail
        self.child: QDialog | None = None  # the item or observation dialog open now (tests answer it)
        self.can_edit = ctx.can(Permission.EDIT)
        self.setWindowTitle(self.tr("Profile and observations · %1").replace("%1", detail.citizen.name))
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._profile_tab(), self.tr("Profile"))
        self.tabs.addTab(self._observations_tab(), self.tr("Observations"))
        self.read_only_note = QLabel(self.tr("Your role may read the profile and the observations, not change them."),
                                     self)  # fmt: skip
        self.read_only_note.setWordWrap(True)
        self.read_only_note.setVisible(not self.can_edit)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.read_only_note)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(close)
        for button in (self.new_item_button, self.edit_item_button, self.remove_item_button, self.save_texts_button,
                       self.new_observation_button, self.edit_observation_button, self.remove_observation_button):
            button.setAutoDefault(False)
            if not self.can_edit:
                button.setEnabled(False)
                button.setToolTip(refused())
        self.network.setReadOnly(not self.can_edit)
        self.wishes.setReadOnly(not self.can_edit)
        self.resize(760, 440)
        self._loaded: dict[str, str] = {}  # the network and wishes as last read
        ctx.changes.connect(self._changed)  # a write (services.changes.Changes)
        ctx.changed.connect(self._asked)  # read again, nothing written (a conflict, Refresh)
        self.finished.connect(lambda _r: self._stop_listening())  # closed: reads nothing more
        self.reload()

    def _profile_tab(self) -> QWidget:
        """The profile's items (New, Edit, Remove) and its two texts (network, wishes)."""
        self.items: RowTableModel[ProfileRow] = RowTableModel(
            [
                Column(self.tr("Kind"), lambda r: kind_label(r.kind)),
                Column(self.tr("Period"), lambda r: period_text(r.value)),
                Column(self.tr("What"), lambda r: self._item_text(r.value)),
            ],
            self,
        )
        self.item_table = _table(self, self.tr("Profile items"), self.items)
        self.item_table.activated.connect(lambda _i: self.edit_item())
        self.new_item_button = QPushButton(self.tr("New item…"), self)
        self.new_item_button.clicked.connect(lambda: self.new_item())
        self.edit_item_button = QPushButton(self.tr("Edit…"), self)
        self.edit_item_button.clicked.connect(lambda: self.edit_item())
        self.remove_item_button = QPushButton(self.tr("Remove"), self)
        self.remove_item_button.clicked.connect(lambda: self.remove_item())
        self.network = QPlainTextEdit(self)
        self.network.setAccessibleName(self.tr("Network"))
        self.network.setPlaceholderText(self.tr("Family, friends and others who bear on work"))
        self.wishes = QPlainTextEdit(self)
        self.wishes.setAccessibleName(self.tr("Wishes"))
        self.wishes.setPlaceholderText(self.tr("The citizen's own wishes for job and education"))
        for edit in (self.network, self.wishes):
            edit.setTabChangesFocus(True)
            edit.setMinimumHeight(44)
            edit.setMaximumHeight(80)
        self.save_texts_button = QPushButton(self.tr("Save network and wishes"), self)
        self.save_texts_button.clicked.connect(lambda: self.save_texts())
        profile = QWidget(self)
        box = QVBoxLayout(profile)
        box.addWidget(self.item_table, 1)
        box.addLayout(_row(self.new_item_button, self.edit_item_button, self.remove_item_button))
        texts = QHBoxLayout()
        for caption, edit in ((self.tr("Network"), self.network), (self.tr("Wishes"), self.wishes)):
            column = QVBoxLayout()
            label = QLabel(caption, self)
            label.setBuddy(edit)
            column.addWidget(label)
            column.addWidget(edit)
            texts.addLayout(column)
        box.addLayout(texts)
        box.addLayout(_row(self.save_texts_button))
        return profile

    def _observations_tab(self) -> QWidget:
        """The observations, the newest first (New, Edit, Remove)."""
        titles = dict(heading_titles())
        self.observations: RowTableModel[ObservationRow] = RowTableModel(
            [
                Column(self.tr("Date"), lambda r: fmt_date(r.value.day), lambda r: r.value.day.isoformat()),
                Column(self.tr("Heading"), lambda r: titles.get(r.value.heading, r.value.heading)),
                Column(self.tr("By"), lambda r: by_label(r.value.by)),
                Column(self.tr("Placement"), lambda r: r.value.placement or ""),
                Column(self.tr("Observation"), lambda r: r.value.text),
            ],
            self,
        )
        self.observation_table = _table(self, self.tr("Observations"), self.observations)
        self.observation_table.activated.connect(lambda _i: self.edit_observation())
        self.new_observation_button = QPushButton(self.tr("New observation…"), self)
        self.new_observation_button.clicked.connect(lambda: self.new_observation())
        self.edit_observation_button = QPushButton(self.tr("Edit…"), self)
        self.edit_observation_button.clicked.connect(lambda: self.edit_observation())
        self.remove_observation_button = QPushButton(self.tr("Remove"), self)
        self.remove_observation_button.clicked.connect(lambda: self.remove_observation())
        observed = QWidget(self)
        box = QVBoxLayout(observed)
        box.addWidget(self.observation_table, 1)
        box.addLayout(_row(self.new_observation_button, self.edit_observation_button, self.remove_observation_button))
        return observed

    @staticmethod
    def _item_text(item: ProfileItem) -> str:
        extra = item.end_reason or item.outcome or (label(item.source) if item.source else None)
        return f"{item.text} ({extra})" if extra else item.text

    # ---- reading ----------------------------------------------------------------------------------

    def reload(self, texts_too: bool = True) -> None:
        db, ref = self.ctx.db, self.citizen_ref
        self.items.set_rows(profile_edit.profile_rows(db, ref))
        self.observations.set_rows(list(reversed(observations.list_observations(db, ref))))  # the newest first
        profile = observations.citizen_profile(db, ref)
        for key, edit in (("network", self.network), ("wishes", self.wishes)):
            stored = getattr(profile, key) or ""
            if texts_too or edit.toPlainText() == self._loaded.get(key, ""):  # never over what is being typed
                edit.setPlainText(stored)
            self._loaded[key] = stored

    def _changed(self, changes: object) -> None:
        if isinstance(changes, Changes) and (changes.touches_citizen(self.citizen_ref) or unplaced(changes)):
            self.reload(texts_too=False)

    def _asked(self, scope: str) -> None:
        if scope in ("*", self.citizen_ref):
            self.reload(texts_too=False)

    def _stop_listening(self) -> None:
        self.ctx.changes.disconnect(self._changed)
        self.ctx.changed.disconnect(self._asked)

    def selected_item(self) -> ProfileRow | None:
        index = self.item_table.currentIndex()
        return self.items.data(index, ROW_ROLE) if index.isValid() else None

    def selected_observation(self) -> ObservationRow | None:
        index = self.observation_table.currentIndex()
        return self.observations.data(index, ROW_ROLE) if index.isValid() else None

    def _open(self, dialog: QDialog) -> QDialog:
        self.child = dialog
        dialog.finished.connect(lambda _r: setattr(self, "child", None))
        dialog.open()
        return dialog

    # ---- the profile ------------------------------------------------------------------------------

    def new_item(self, kind: str | None = None) -> ProfileItemDialog:
        kind = kind or (self.selected_item().kind if self.selected_item() else None)  # type: ignore[union-attr]
        dialog = ProfileItemDialog(self.ctx, self.citizen_ref, None, kind, self)
        self._open(dialog)
        return dialog

    def edit_item(self) -> ProfileItemDialog | None:
        row = self.selected_item()
        if row is None or not self.can_edit:
            return None
        dialog = ProfileItemDialog(self.ctx, self.citizen_ref, row, None, self)
        self._open(dialog)
        return dialog

    def remove_item(self) -> bool:
        row = self.selected_item()
        if row is None:
            return False
        command = RemoveProfileItem(self.ctx, self.tr("Remove profile item"), self.citizen_ref, row)
        return self.ctx.guarded(lambda: self.ctx.push(command))

    def save_texts(self) -> bool:
        """Save the network and the wishes, as one undoable step (when either was changed)."""
        before = profile_edit.profile_texts(self.ctx.db, self.citizen_ref)
        typed = ProfileTexts(self.network.toPlainText().strip() or None, self.wishes.toPlainText().strip() or None)
        if typed == before:
            return False
        command = SetProfileTexts(self.ctx, self.tr("Save network and wishes"), self.citizen_ref, before, typed)
        return self.ctx.guarded(lambda: self.ctx.push(command))

    # ---- the observations -------------------------------------------------------------------------

    def new_observation(self) -> ObservationDialog:
        dialog = ObservationDialog(self.ctx, self.detail, parent=self)
        self._open(dialog)
        return dialog

    def edit_observation(self) -> ObservationDialog | None:
        row = self.selected_observation()
        if row is None or not self.can_edit:
            return None
        dialog = ObservationDialog(self.ctx, self.detail, row, parent=self)
        self._open(dialog)
        return dialog

    def remove_observation(self) -> bool:
        row = self.selected_observation()
        if row is None:
            return False
        command = RemoveObservation(self.ctx, self.tr("Remove observation"), self.citizen_ref, row)
        return self.ctx.guarded(lambda: self.ctx.push(command))


def _row(*buttons: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    for b in buttons:
        row.addWidget(b)
    row.addStretch(1)
    return row
