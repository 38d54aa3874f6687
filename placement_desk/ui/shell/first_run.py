"""Kom i gang: the dashboard of a new, empty database says what to do first, each step a button.

Three steps set up the first placement (a company, a citizen, the placement), or the demo data shows
the app filled in. A step is ticked once it is done; the list goes when the first placement exists.
Buttons the role may not use are disabled with the reason as their tooltip.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDialog, QFrame, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from placement_desk.domain.roles import Permission
from placement_desk.services.getting_started import SetupProgress, setup_progress
from placement_desk.ui.kit.messages import refused
from placement_desk.ui.shell.context import UiContext

DONE_COLOUR = "#1b4d24"  # on the window's light grey: 9:1


@dataclass
class Step:
    key: str
    mark: QLabel
    text: QLabel
    button: QPushButton


class FirstRunChecklist(QFrame):
    """The first steps, each with its button; :meth:`refresh` ticks what the database already has."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("firstRun")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.dialog: QDialog | None = None  # the step's dialog while it is open (tests answer it)
        self.progress: SetupProgress | None = None
        title = QLabel(self.tr("Get started"), self)
        title.setStyleSheet("font-size: 14pt; font-weight: 600;")
        intro = QLabel(
            self.tr(
                "The database is empty. Set up the first placement in three steps, or load the demo data "
                "to look around first."
            ),
            self,
        )
        intro.setWordWrap(True)
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setColumnStretch(3, 1)  # the buttons stand by their steps, not at the far edge
        self.steps: dict[str, Step] = {}
        rows: list[tuple[str, str, str, Callable[[], object]]] = [
            ("company", self.tr("Create a company: the workplace"), self.tr("New company…"), self.new_company),
            ("citizen", self.tr("Create a citizen"), self.tr("New citizen…"), self.new_citizen),
            ("placement", self.tr("Create a placement for the citizen at the company"), self.tr("New placement…"),
             self.new_placement),
            ("demo", self.tr("Or look around in the demo data (anonymised example citizens)"),
             self.tr("Load demo data"), self.load_demo),
        ]  # fmt: skip
        for row, (key, text, button_text, action) in enumerate(rows):
            mark = QLabel(str(row + 1) if key != "demo" else "", self)
            mark.setAlignment(Qt.AlignmentFlag.AlignCenter)
            mark.setMinimumWidth(24)
            label = QLabel(text, self)
            button = QPushButton(button_text, self)
            button.clicked.connect(lambda _c=False, act=action: act())
            grid.addWidget(mark, row, 0)
            grid.addWidget(label, row, 1)
            grid.addWidget(button, row, 2)
            self.steps[key] = Step(key, mark, label, button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(grid)
        self._allow()

    def _allow(self) -> None:
        needs = {"company": Permission.COMPANIES, "citizen": Permission.EDIT, "placement": Permission.EDIT,
                 "demo": Permission.IMPORT}  # fmt: skip
        for key, permission in needs.items():
            if not self.ctx.can(permission):
                self.steps[key].button.setEnabled(False)
                self.steps[key].button.setToolTip(refused())

    # ---- ticking -----------------------------------------------------------------------------------

    def refresh(self) -> SetupProgress:
        self.progress = p = setup_progress(self.ctx.db)
        done = {"company": p.companies > 0, "citizen": p.citizens > 0, "placement": p.placements > 0}
        for number, (key, is_done) in enumerate(done.items(), start=1):
            step = self.steps[key]
            step.mark.setText("✓" if is_done else str(number))
            step.mark.setStyleSheet(f"color: {DONE_COLOUR}; font-weight: 700;" if is_done else "")
            state = self.tr("Done") if is_done else self.tr("Not done yet")
            step.mark.setAccessibleName(state)
            step.button.setAccessibleDescription(f"{step.text.text()}: {state}")
            font = QFont(step.button.font())
            font.setBold(False)
            step.button.setFont(font)
        placement = self.steps["placement"].button
        if p.newest_citizen_name and p.companies:
            placement.setText(self.tr("New placement for %1…").replace("%1", p.newest_citizen_name))
            placement.setEnabled(self.ctx.can(Permission.EDIT))
            placement.setToolTip("" if placement.isEnabled() else refused())
        else:
            placement.setText(self.tr("New placement…"))
            placement.setEnabled(False)
            placement.setToolTip(self.tr("Create a company and a citizen first."))
        following = next((self.steps[k].button for k, d in done.items() if not d), None)
        if following is not None and following.isEnabled():  # the next step stands out
            font = QFont(following.font())
            font.setBold(True)
            following.setFont(font)
        return p

    def is_done(self, key: str) -> bool:
        return self.steps[key].mark.text() == "✓"

    # ---- the steps ---------------------------------------------------------------------------------

    def _open(self, dialog: QDialog, then: Callable[[], None] | None = None) -> QDialog:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        if then is not None:
            dialog.accepted.connect(then)
        dialog.open()
        return dialog

    def new_company(self) -> QDialog:
        from placement_desk.ui.pages.companies import CompanyDialog

        return self._open(CompanyDialog(self.ctx, None, self))

    def new_citizen(self) -> QDialog:
        from placement_desk.ui.citizen.citizen_dialog import NewCitizenDialog

        return self._open(NewCitizenDialog(self.ctx, self))

    def new_placement(self) -> QDialog | None:
        """Nyt forløb for the newest citizen; once saved, the citizen's Forløb tab opens: the next steps."""
        from placement_desk.ui.citizen.placement_dialog import PlacementDialog

        ref = self.progress.newest_citizen_ref if self.progress else None
        if ref is None:
            return None
        dialog = PlacementDialog(self.ctx, ref, self)
        return self._open(dialog, lambda: self.ctx.open_citizen.emit(ref, "placements"))

    def load_demo(self) -> object:
        from placement_desk.ui.shell.work import WorkMenu

        work = getattr(self.window(), "work", None)
        if not isinstance(work, WorkMenu):
            work = WorkMenu(self.ctx, self.window())
        return work.load_demo()
