"""The contract of a citizen-page tab."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from placement_desk.services.views import CitizenDetail
from placement_desk.ui.kit.forms import Form
from placement_desk.ui.shell.context import UiContext


class CitizenTab(QWidget):
    """A tab of the citizen page. ``load`` gets the freshly read record after every change."""

    key = ""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.detail: CitizenDetail | None = None

    @property
    def ref(self) -> str:
        assert self.detail is not None
        return self.detail.citizen.ref

    def load(self, detail: CitizenDetail) -> None:
        switched = self.detail is None or self.detail.citizen.ref != detail.citizen.ref
        self.detail = detail
        if switched:
            self.citizen_switched()
        self.refresh()

    def citizen_switched(self) -> None:
        """Another citizen was opened: forget everything typed or chosen for the previous one.

        Runs before ``refresh``. Tabs that keep input of their own (a period, a text, a half-filled
        form) override it and clear that input; nothing of one citizen may show on another's page.
        """
        for form in self.findChildren(Form):
            form.clear_errors()

    def refresh(self) -> None:  # pragma: no cover - every tab overrides it
        raise NotImplementedError
