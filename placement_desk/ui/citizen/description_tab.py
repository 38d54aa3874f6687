"""Beskrivelse: the description the dossier is written under. Per heading of the chosen template: the
writer's prompt, a text box for the consultant's text and, beside it, the heading's evidence (observations,
tagged follow-up notes, profile items). New observations are added in place; the texts are saved per
citizen and template and go into the dossier the Dokumentation tab renders or issues."""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from placement_desk.domain.dossier import default_period
from placement_desk.domain.errors import ValidationError
from placement_desk.domain.profile_parse import parse_observation
from placement_desk.domain.roles import Permission
from placement_desk.domain.sections import (
    EMPTY_HEADING,
    NO_ASSESSMENT,
    NO_EMPLOYER_STATEMENT,
    NO_OWN_VIEW,
    PROFILE,
    STALE_DAYS,
    STALE_FIGURES,
    Entry,
    Missing,
    Section,
    build_sections,
)
from placement_desk.domain.templates import Template
from placement_desk.domain.vocab import Heading, ObservedBy
from placement_desk.services import description, templates
from placement_desk.services.common import today
from placement_desk.ui.citizen.base import CitizenTab
from placement_desk.ui.citizen.observation_dialog import by_label
from placement_desk.ui.citizen.profile_editor import ProfileEditor
from placement_desk.ui.commands.description import AddObservation, SaveDescriptionTexts
from placement_desk.ui.kit.fit import scroll_page
from placement_desk.ui.kit.formatting import fmt_date
from placement_desk.ui.kit.forms import DateField, Form
from placement_desk.ui.kit.messages import refused
from placement_desk.ui.shell.context import UiContext


def source_label(entry: Entry) -> str:
    labels = {
        "observation": QCoreApplication.translate("Description", "Observation"),
        "followup": QCoreApplication.translate("Description", "Follow-up"),
        "profile": QCoreApplication.translate("Description", "Profile"),
    }
    return labels.get(entry.source, entry.source)


def missing_text(m: Missing) -> str:
    """What a dossier lacks, in the user's language (shared with the Dokumentation tab)."""
    if m.code == EMPTY_HEADING:
        text = QCoreApplication.translate("Description", "nothing under the heading »%1«")
        return text.replace("%1", m.title or m.heading or "")
    if m.code == STALE_FIGURES:
        if m.day is None:
            return QCoreApplication.translate("Description", "no attendance registered in the period")
        return (QCoreApplication.translate("Description", "the figures are older than %1 days (last attendance %2)")
                .replace("%1", str(STALE_DAYS)).replace("%2", fmt_date(m.day)))  # fmt: skip
    return {
        NO_ASSESSMENT: QCoreApplication.translate("Description", "no assessment by the consultant"),
        NO_OWN_VIEW: QCoreApplication.translate("Description", "no view of the citizen's own"),
        NO_EMPLOYER_STATEMENT: QCoreApplication.translate("Description", "no statement from the workplace"),
    }.get(m.code, m.code)


def entry_html(entry: Entry) -> str:
    if entry.source == PROFILE:
        now = QCoreApplication.translate("Description", "now")
        when = f"{entry.day}–{entry.end or now}" if entry.day else ""
    else:
        when = fmt_date(date.fromisoformat(entry.day)) if entry.day else ""
    who = by_label(entry.by) if entry.by else ""
    head = " · ".join(x for x in (when, source_label(entry), who) if x)
    return f"<p><b>{escape(head)}</b><br>{escape(entry.summary_text)}</p>"


class HeadingBlock(QGroupBox):
    """One heading: the prompt and the consultant's text on the left, the evidence on the right."""

    def __init__(self, section: Section, parent: QWidget | None = None) -> None:
        super().__init__(section.title, parent)
        self.key = section.key
        self.prompt = QLabel(section.prompt, self)
        self.prompt.setWordWrap(True)
        self.prompt.setStyleSheet("color: #4B5563;")
        self.editor = QPlainTextEdit(self)
        self.editor.setAccessibleName(section.title)
        self.editor.setPlaceholderText(self.tr("Not described yet"))
        self.editor.setTabChangesFocus(True)
        self.editor.setMinimumHeight(70)
        self.dirty = False  # edited since it was loaded or saved
        self.loaded: str | None = None  # the stored text as last shown or saved (what a save expects there)
        self._loading = False
        self.editor.textChanged.connect(self._edited)
        self.evidence = QLabel(self)
        self.evidence.setWordWrap(True)
        self.evidence.setTextFormat(Qt.TextFormat.RichText)
        self.evidence.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.evidence.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        grid = QGridLayout(self)
        grid.addWidget(self.prompt, 0, 0)
        grid.addWidget(self.editor, 1, 0)
        grid.addWidget(self.evidence, 0, 1, 2, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)

    def _edited(self) -> None:
        if not self._loading:
            self.dirty = True

    def load_text(self, text: str | None) -> None:
        """Show a stored text (not an edit)."""
        self._loading = True
        try:
            self.editor.setPlainText(text or "")
        finally:
            self._loading = False
        self.dirty = False
        self.loaded = text

    def show_section(self, section: Section, stored: str | None) -> None:
        """The section's evidence, and the stored text unless the user is editing it."""
        if not self.dirty:
            self.load_text(stored)
        if section.entries:
            self.evidence.setText("".join(entry_html(e) for e in section.entries))
        else:
            nothing = self.tr("Nothing registered under this heading yet.")
            self.evidence.setText(f"<i>{escape(nothing)}</i>")

    def text(self) -> str:
        return self.editor.toPlainText().strip()


class DescriptionTab(CitizenTab):
    key = "description"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.blocks: dict[str, HeadingBlock] = {}
        self.catalogue = templates.catalogue()
        top = QHBoxLayout()
        self.template = QComboBox(self)
        self.template.setAccessibleName(self.tr("Template"))
        for t in self.catalogue.ordered():
            self.template.addItem(t.title, t.key)
        self.template.currentIndexChanged.connect(lambda _i: self.template_changed())
        top.addWidget(QLabel(self.tr("Template"), self))
        top.addWidget(self.template, 1)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.problems = QLabel(self)
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #b00020;")
        self.problems.setText("\n".join(
            self.tr("A template file cannot be used: %1").replace("%1", str(p)) for p in self.catalogue.problems
        ))  # fmt: skip
        self.problems.setVisible(bool(self.catalogue.problems))
        self.form = Form(self)
        self._build_observation_form()
        observation = QGroupBox(self.tr("New observation"), self)
        QVBoxLayout(observation).addWidget(self.form)
        self.headings = QVBoxLayout()
        content = QVBoxLayout()
        content.addLayout(top)
        content.addWidget(self.problems)
        content.addWidget(self.status)
        content.addWidget(observation)
        content.addLayout(self.headings)
        content.addStretch(1)
        self.save_button = QPushButton(self.tr("Save texts"), self)
        self.save_button.clicked.connect(lambda: self.save_texts())
        self.add_button = QPushButton(self.tr("Add observation"), self)
        self.add_button.clicked.connect(lambda: self.add_observation())
        self.check_button = QPushButton(self.tr("Check completeness"), self)
        self.check_button.clicked.connect(lambda: self.check())
        self.profile_button = QPushButton(self.tr("Profile and observations…"), self)
        self.profile_button.setToolTip(self.tr("Add, change and remove the citizen's history and the observations"))
        self.profile_button.clicked.connect(lambda: self.open_profile())
        self.profile_editor: ProfileEditor | None = None
        buttons = QHBoxLayout()
        for b in (self.save_button, self.add_button, self.check_button, self.profile_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        scroll_page(self, content, buttons)
        if not ctx.can(Permission.EDIT):  # a reader (case worker): the profile editor opens read-only
            for b in (self.save_button, self.add_button):
                b.setEnabled(False)
                b.setToolTip(refused())

    def _build_observation_form(self) -> None:
        """The fields of a new observation: date, by, heading, placement and text."""
        self.obs_date = self.form.add("date", self.tr("Date"), DateField(today(), self))
        self.obs_by = self.form.add("by", self.tr("By"), QComboBox(self))
        for code in ObservedBy:
            self.obs_by.addItem(by_label(code.value), code.value)
        self.obs_heading = self.form.add("heading", self.tr("Heading"), QComboBox(self))
        prep = self.catalogue.templates.get(templates.DEFAULT_TEMPLATE)
        for h in Heading:
            found = prep.heading(h.value) if prep else None
            self.obs_heading.addItem(found.title if found else h.value, h.value)
        self.obs_placement = self.form.add("placement", self.tr("Placement"), QComboBox(self))
        self.obs_text = self.form.add("text", self.tr("Observation"), QLineEdit(self))
        self.obs_text.setPlaceholderText(self.tr("What was seen or said, in a sentence or two"))

    # ---- state ------------------------------------------------------------------------------------

    def current_template(self) -> Template | None:
        return self.catalogue.templates.get(self.template.currentData())

    def citizen_switched(self) -> None:
        """Another citizen: none of the previous citizen's texts, observation or completeness list."""
        super().citizen_switched()
        for block in self.blocks.values():
            block.load_text(None)
        self.obs_text.clear()
        self.obs_date.set_date(today())
        self.status.clear()

    def template_changed(self) -> None:
        for block in self.blocks.values():
            block.setParent(None)
            block.deleteLater()
        self.blocks = {}
        self.status.clear()
        if self.detail is not None:
            self.refresh()

    def period(self) -> tuple[date, date]:
        assert self.detail is not None
        found = default_period(self.detail.citizen, today())
        return found if found is not None else (date(1900, 1, 1), today())

    def sections(self) -> list[Section]:
        template = self.current_template()
        if template is None or self.detail is None:
            return []
        first, last = self.period()
        stored = self.detail.texts.get(template.key, {})
        return list(build_sections(template, self.detail.citizen, first, last, today(), stored))

    def refresh(self) -> None:
        assert self.detail is not None
        template = self.current_template()
        self.obs_placement.clear()
        self.obs_placement.addItem("—", None)
        for p in self.detail.citizen.placements:
            self.obs_placement.addItem(f"{p.ref} · {self.detail.placements[p.ref].company_name}", p.ref)
        if template is None:
            return
        stored = self.detail.texts.get(template.key, {})
        for section in self.sections():
            block = self.blocks.get(section.key)
            if block is None:
                block = HeadingBlock(section, self)
                self.blocks[section.key] = block
                self.headings.addWidget(block)
            block.show_section(section, stored.get(section.key))

    # ---- actions ----------------------------------------------------------------------------------

    def changed_texts(self) -> dict[str, str]:
        return {key: b.text() for key, b in self.blocks.items() if b.dirty}

    def save_texts(self) -> bool:
        """Save every heading whose text was edited, as one undoable step."""
        template = self.current_template()
        changed = self.changed_texts()
        if template is None or not changed:
            return False
        seen = {h: self.blocks[h].loaded for h in changed}  # a text someone else saved meanwhile: asked
        command = SaveDescriptionTexts(
            self.ctx, self.tr("Save description texts"), self.ref, template.key, changed, seen
        )
        ok = self.ctx.guarded(lambda: self.ctx.push(command))
        if ok:
            for h, text in changed.items():
                self.blocks[h].dirty, self.blocks[h].loaded = False, text or None
        return ok

    def observation_fields(self) -> dict[str, object]:
        return {
            "date": self.obs_date.value(),
            "by": self.obs_by.currentData(),
            "heading": self.obs_heading.currentData(),
            "placement": self.obs_placement.currentData(),
            "text": self.obs_text.text().strip() or None,
        }

    def add_observation(self) -> int | None:
        try:
            command = AddObservation(self.ctx, self.tr("New observation"), self.ref,
                                     parse_observation(self.observation_fields(), ""))  # fmt: skip
            self.ctx.push(command)
        except ValidationError as exc:
            self.form.show_error(exc)
            return None
        self.form.clear_errors()
        self.obs_text.clear()
        return command.created

    def open_profile(self) -> ProfileEditor | None:
        """The citizen's profile and observations to add, change and remove (read-only for a reader)."""
        if self.detail is None:
            return None
        self.profile_editor = ProfileEditor(self.ctx, self.detail, self)
        self.profile_editor.open()
        return self.profile_editor

    def check(self) -> list[Missing]:
        """Save what was typed, then say what the dossier would lack if it were issued now."""
        template = self.current_template()
        if template is None:
            return []
        self.save_texts()
        result: list[Missing] = []

        def run() -> None:
            result.extend(description.check_dossier(self.ctx.db, self.ref, template=template.key).missing)

        if self.ctx.guarded(run):
            missing = [m for m in result if m.code != NO_ASSESSMENT]  # the assessment is written when issuing
            if missing:
                self.status.setText(self.tr("Missing before the dossier can go out: %1")
                                    .replace("%1", "; ".join(missing_text(m) for m in missing)))  # fmt: skip
            else:
                self.status.setText(self.tr("Every heading is described; the assessment is written when issuing."))
        return result
